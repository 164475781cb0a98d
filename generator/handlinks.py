"""Checking the links of the hand-written pages (`content/pages/*.md`) into the site.

MkDocs checks a page's relative links only when it builds, and names the generated
file it found them in (docs/index.md for the home page's introduction): a paper
deleted or a topic split left a dangling link that `check` did not see. Here each
relative Markdown link is resolved as MkDocs resolves it (from the page's own file;
every hand page sits at the top of docs/) against the files the page plan
(pages.py) writes, which follow from the ids alone, with no page rendered.

MkDocs follows a link only to a file (``papers/<id>.md``, ``topics/<id>/index.md``):
a link to an address (``papers/<id>/``) fails a strict build even when the page
exists, so it is reported with the file to write instead.
"""

from __future__ import annotations

import fnmatch
import functools
import html
import posixpath
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Container, Iterable, Iterator, Mapping
from urllib.parse import unquote, urlsplit

from markdown_it import MarkdownIt, rules_inline
from markdown_it.common.utils import normalizeReference
from markdown_it.rules_inline import StateInline

from . import pages
from .errors import Location, Problems
from .frontmatter import front_matter_problems
from .models import Content
from .links import host_warning
from .quoting import quoted
from .topicsfile import suggest_topic, topic_aliases
from .importedfile import Fate
from .mergemarkers import report_conflicts
from .siteconfig import SHIPPED_THEME_FOLDER, theme_folder
from .typos import did_you_mean
from .validate import url_fix
from .unknownids import PaperTitles, after_unknown, paper_suggested, paper_titles, suggest_paper
from .yamlio import not_utf8, read_text

if TYPE_CHECKING:
    from .pagetests import PageTests

PAGES_DIR = "pages"
PAGES_FOLDER = f"content/{PAGES_DIR}/"

# A link into the papers or the topics: the id, and the rest of the path.
_PAPER = re.compile(r"papers/([^/]+?)(\.md|/index\.md|/README\.md)?")
_TOPIC = re.compile(r"topics/([^/]+?)(\.md|/index\.md|/README\.md|\.bib|\.xml)?")


def site_files(topic_ids: Iterable[str], page_names: Iterable[str]) -> frozenset[str]:
    """Every file of the docs folder a link may lead to, relative to it, but the papers'
    (``pages.paper_dest`` of each id: 10,000 of them are looked up by id instead)."""
    from .jsonschema import PAPER_SCHEMA_FILE, TOPICS_SCHEMA_FILE

    files = {
        pages.dest_of(pages.HOME),
        pages.dest_of(pages.TOPICS),
        pages.dest_of(pages.ALL_PAPERS),
        pages.REFERENCE_DEST,
        pages.PAPERS_JSON,
        pages.ICON_STYLESHEET,
        f"schema/{PAPER_SCHEMA_FILE}",
        f"schema/{TOPICS_SCHEMA_FILE}",
    }
    files.update(dest for _, dest in pages.EXPORT_LINKS)
    for topic_id in topic_ids:
        files.add(pages.dest_of(pages.topic_url(topic_id)))
        files.update(dest for _, dest in pages.topic_exports(topic_id))
    files.update(f"{name}.md" for name in page_names if name != "index")
    return frozenset(files)


@dataclass(frozen=True)
class LinkContext:
    """What a hand page's link is checked against (`link_problem`, `html_link_problem`):
    the site's papers and topics, and what is known of an id that is none of them.

    ``fate``: what became of a paper's id (importedfile.Fate: deleted, renamed), None
    for no record; ``meant``: the paper and the topic ids that files with errors of
    their own define or are named for (a link to one is no second mistake);
    ``aliases``: a topic's title or keyword written as its id (topicsfile.topic_aliases);
    ``renamed_topics``: a topic's old id -> the topic whose `formerly:` names it;
    ``titles``: the papers', which a link naming a paper by its title is told its page
    by; ``files``: the files of the site (`site_files`); ``theme_assets``: the theme
    folder's assets/ a file is put in to be carried (`_theme_assets`)."""

    paper_ids: set[str]
    topic_ids: set[str]
    fate: Callable[[str], Fate | None] = lambda _: None
    meant: tuple[Container[str], Container[str]] = (frozenset(), frozenset())
    aliases: Callable[[], Mapping[str, tuple[str, str]]] | None = None
    renamed_topics: Mapping[str, str] = field(default_factory=dict)
    titles: Callable[[], PaperTitles] | None = None
    files: frozenset[str] = frozenset()
    theme_assets: Callable[[], str] = lambda: f"{SHIPPED_THEME_FOLDER}/assets/"
    # The path below its domain the site is served at, from mkdocs.yml's site_url
    # ("lab-list/" for https://x.github.io/lab-list/); "" for a site at the top of it.
    base: str = ""


def check_hand_pages(
    content_dir: Path,
    root: Path,
    content: Content,
    fate: Callable[[str], Fate | None],
    problems: Problems,
    meant: tuple[Container[str], Container[str]] = (frozenset(), frozenset()),
) -> None:
    """Report each relative link of ``content_dir/pages/*.md`` that leads to no file
    of the site ``content`` makes, at its line and column, with the link to write
    where one is clear; and front matter MkDocs cannot read (frontmatter.py: this
    is where each page is read). ``meant`` holds the paper and the topic ids that files with
    errors of their own define or are named for: a link to one is no second mistake."""
    folder = content_dir / PAGES_DIR
    if not folder.is_dir():
        return
    # (Not an editor's file: Emacs keeps a lock `.#page.md`, a link to nothing.)
    found = [path for path in sorted(folder.glob("*.md")) if not path.name.startswith(".#")]
    _warn_not_pages(folder, root, problems)
    names = [path.stem for path in found]
    # A topic's title or keyword written as its id (topicsfile.topic_aliases).
    aliases = functools.cache(
        lambda: topic_aliases((t.id, t.title, t.keywords) for t in content.topics)
    )
    # A paper's title written as its id (unknownids.paper_meant).
    titles = functools.cache(lambda: paper_titles((p.id, p.title) for p in content.papers))
    # mkdocs.yml's theme folder, read when a link leads to no file the generator writes.
    theme = functools.cache(lambda: theme_folder(root))
    # Made when a first link needs it: most pages link only to other sites.
    context = functools.cache(lambda: _context(content, names, fate, meant, aliases, titles,
                                               lambda: _theme_assets(theme(), root), root))
    generated = site_files((topic.id for topic in content.topics), ())
    # (The pages before this one, too, as the build plans them: About.md, then about.md.)
    taken = list(generated)
    for path in found:
        shown = path.relative_to(root).as_posix()
        clash = "" if path.stem == "index" else pages.page_clash(path.stem, taken)
        if clash:  # (the build would stop on it)
            problems.error(Location(shown, 1, 1), clash)
        elif path.stem != "index":
            taken.append(path.name)
        try:
            text = read_text(path)
        except UnicodeDecodeError as exc:
            line, col, message = not_utf8(path.read_bytes()) or (1, 1, str(exc))
            problems.error(Location(shown, line, col), message)
            continue
        # (A page is Markdown to MkDocs whatever it holds: the site would show both
        # sides of a conflict, markers and all.)
        report_conflicts(text, shown, problems, markdown=True)
        # (index.md starts the home page, whose own text follows it on a new line.)
        front_matter_problems(text, shown, problems, followed=path.stem == "index")
        for href, line, col in links_of(text):
            if (meant_address := _slashed(href)) is not None:
                problems.error(
                    Location(shown, line, col),
                    f"link '{unquote(href)}' has backslashes where an address has slashes:"
                    f" write {quoted(meant_address)}",
                )
                continue
            if (meant_address := _mistyped_scheme(href)) is not None:
                problems.error(
                    Location(shown, line, col),
                    f"link {quoted(href)} has the scheme {quoted(urlsplit(href).scheme + ':')}, which no"
                    f" browser opens: write {quoted(meant_address)}",
                )
                continue
            if _outside(href):
                if said := _unreachable(href):
                    problems.warning(Location(shown, line, col), f"link {quoted(href)}: {said}")
                continue
            why = link_problem(href, context())
            if why and why.startswith(f"link {quoted(href)} leads to no file of the site"):
                why = None if _from_theme(href, theme()) else _left_out(href, folder, root, theme()) or why
            if why:
                problems.error(Location(shown, line, col), why)
        for href, line, col in html_links_of(text):
            why = html_link_problem(href, "" if path.stem == "index" else f"{path.stem}/", context())
            if why:
                problems.error(Location(shown, line, col), why)


def check_hand_anchors(content_dir: Path, root: Path, content: Content, problems: Problems) -> None:
    """Report each link of ``content_dir/pages/*.md`` to a page of the site (or an
    anchor-only one, to its own page) whose ``#anchor`` that page lacks, at its line and
    column, as MkDocs' anchor validation would (pageanchors.py).

    Kept apart from `check_hand_pages`, for `check` alone: a build checks the anchors
    of the pages it rendered (mkdocs_hook._check_hand_anchors: exact, where a generated
    page's are read from its template here), and `serve` shows the pages all the same."""
    folder = content_dir / PAGES_DIR
    if not folder.is_dir():
        return
    found = [path for path in sorted(folder.glob("*.md")) if not path.name.startswith(".#")]
    names = {path.stem for path in found}
    paper_ids = {paper.id for paper in content.papers}
    topic_ids = {topic.id for topic in content.topics}
    anchors = _Anchors(folder, root, content)
    for path in found:
        try:
            text = read_text(path)
        except UnicodeDecodeError:
            continue  # (reported by check_hand_pages)
        shown = path.relative_to(root).as_posix()
        for href, line, col in links_of(text):
            parts = urlsplit(href)
            if not parts.fragment:
                continue
            if not (parts.scheme or parts.netloc or parts.path):  # (`#x`, `?q#x`: this page's own)
                target: tuple[str, str] | None = (path.name, path.stem)
            else:
                target = _target_page(href, paper_ids, topic_ids, names)
            if target is not None:
                written = _as_written(href, text, line, col)
                anchors.check(written, *target, Location(shown, line, col), problems)


def _as_written(href: str, text: str, line: int, col: int) -> str:
    """The link ``href`` (markdown-it's, percent-encoded) as ``text`` spells it at ``line``
    and ``col``: MkDocs compares a link's anchor as written with the page's ids, so
    `#caf%C3%A9` is no link to the id "café" (where `#café` is)."""
    # (Lines end at "\n" alone, as links_of counts them: splitlines also ends one at
    # U+2028, a form feed..., and the place was then before the link.)
    offset = sum(len(row) + 1 for row in text.split("\n")[: line - 1]) + col - 1
    decoded = unquote(href)
    if decoded == href or text.startswith(href, offset):
        return href
    if text.startswith(decoded, offset):
        return decoded
    # Not written there: a reference link, whose definition is elsewhere. The spelling
    # the page has, when it has one of the two only.
    return decoded if decoded in text and href not in text else href


def _left_out(href: str, folder: Path, root: Path, theme: Path | None) -> str:
    """Why a link to a file that is there beside the pages leads nowhere (the site is
    made of the .md files directly in ``folder`` alone), or "" if no such file is there.
    ``theme``: the theme's folder (`siteconfig.theme_folder`), where such a file is put."""
    target = posixpath.normpath(unquote(urlsplit(href).path))
    file = folder / target
    if target.startswith("../") or not file.is_file():
        return ""
    name = Path(target).name
    assets = _theme_assets(theme, root)
    fix = (
        f"move it to {PAGES_FOLDER}{name} and link {quoted(name)}" if file.suffix == ".md"
        else f"link it by its https:// address on the web, or move it to {assets}{name}"
        f" and link 'assets/{name}'" if assets
        else f"link it by its https:// address on the web, or {_NO_THEME_FIX.format(name=name)}"
    )
    return (
        f"link {quoted(href)} leads to no file of the site: only the .md files directly in"
        f" {PAGES_FOLDER} are carried into it, not {file.relative_to(root).as_posix()}; {fix}"
    )


# The theme's folder is mkdocs.yml's `custom_dir` (siteconfig.theme_folder; overrides/ as
# shipped): MkDocs carries each of its files but templates into the site
# (Files.add_files_from_theme), so a picture put in its assets/ is there as
# assets/<name>, and a link to it is no mistake. A list whose mkdocs.yml names none is
# told how to have one.
_NO_THEME_FIX = (
    "name a theme folder in mkdocs.yml (theme: custom_dir:), put it in that folder's assets/"
    " and link 'assets/{name}'"
)


def _theme_assets(theme: Path | None, root: Path) -> str:
    """The theme folder's assets/ as the curator knows it ("overrides/assets/": from the
    project's folder when inside it); "" for no theme folder."""
    if theme is None:
        return ""
    try:
        shown = theme.relative_to(root).as_posix()
    except ValueError:
        shown = theme.as_posix()
    return posixpath.normpath(shown) + "/assets/"
# What MkDocs leaves out of a theme's files (its filter in add_files_from_theme: the
# Markdown endings, utils.markdown_extensions, and the static templates it renders).
_NOT_FROM_THEME = (".*", "*/.*", "*.py", "*.pyc", "*.html", "*readme*", "mkdocs_theme.yml", "locales/*",
                   "*.md", "*.markdown", "*.mdown", "*.mkdn", "*.mkd", "404.html", "sitemap.xml")


def _from_theme(href: str, theme: Path | None) -> bool:
    """Whether the relative link ``href`` of a hand page leads to a file MkDocs carries
    from the theme's folder ``theme`` (`siteconfig.theme_folder`) into the site."""
    target = posixpath.normpath(unquote(urlsplit(href).path))
    if theme is None or target.startswith(("../", "/")) or target in (".", ".."):
        return False
    lowered = target.lower()
    return not any(fnmatch.fnmatch(lowered, pattern) for pattern in _NOT_FROM_THEME) and (
        theme / target
    ).is_file()


def missing_anchors(pages: Iterable[tuple[str, dict]], root: Path) -> Problems:
    """The links of the hand-written pages to an anchor their target lacks, each at its
    line and column in ``root/content/pages``; each is taken out of MkDocs' list of the
    page's links to anchors, which MkDocs checks after writing the pages.

    ``pages``: (a page's source path in docs/, MkDocs' ``links_to_anchors`` of it:
    target file -> {anchor: the link as written}). A hand page sits at the top of docs/
    under its own name (the home page's introduction is in index.md).
    """
    problems = Problems()
    folder = root / "content" / PAGES_DIR
    for src_uri, links_to_anchors in pages:
        source = folder / src_uri
        if "/" in src_uri or not source.is_file():
            continue  # a generated page: its links are the generator's own
        located: dict[str, tuple[int, int]] = {}
        for href, line, col in links_of(read_text(source)):
            for written in (href, unquote(href)):
                located.setdefault(written, (line, col))  # (each link's first use)
        for target, links in links_to_anchors.items():
            present = getattr(target.page, "present_anchor_ids", None)
            if present is None:
                continue  # not rendered: MkDocs skips it too
            for anchor in [a for a in links if a not in present]:
                written = links.pop(anchor)
                line, col = located.get(written, (0, 0))
                problems.error(
                    Location(source.relative_to(root).as_posix(), line, col),
                    no_anchor(written, target.src_uri, anchor, present),
                )
    return problems


def no_anchor(
    written: str, src_uri: str, anchor: str, present: Iterable[str], when: str | None = None
) -> str:
    """What is said of the link ``written`` to ``#anchor`` of the page ``src_uri`` (its
    file in docs/), which has only the anchors ``present``; ``when``: when a page of its
    kind has that heading, if some do."""
    heads = ", ".join(f"#{a}" for a in sorted(present)[:8]) or "none"
    said = f"link {quoted(written)}: {quoted(src_uri)} has no heading '#{anchor}'"
    if when:
        said += f": a page of its kind has it only {when}"
    return said + did_you_mean(anchor, sorted(present), f" (its anchors: {heads})")


# Each generated page's file in docs/ -> its template (the hand pages are read instead).
_TEMPLATE_OF = {
    pages.dest_of(pages.HOME): "home.md.j2",
    pages.dest_of(pages.TOPICS): "topics.md.j2",
    pages.dest_of(pages.ALL_PAPERS): "all_papers.md.j2",
}


def _target_page(
    href: str, paper_ids: set[str], topic_ids: set[str], names: Iterable[str]
) -> tuple[str, str] | None:
    """The page a relative link that leads to a file of the site leads to: (its file in
    docs/, its template or, for a hand page, its name); None for a file that is no page
    of the generator's or the curator's (an export, a theme's file: MkDocs checks no
    anchor in those)."""
    target = posixpath.normpath(unquote(urlsplit(href).path))
    paper = _PAPER.fullmatch(target)
    if paper and paper.group(1) in paper_ids and pages.paper_dest(paper.group(1)) == target:
        return target, "paper.md.j2"
    topic = _TOPIC.fullmatch(target)
    if topic and topic.group(1) in topic_ids and pages.dest_of(pages.topic_url(topic.group(1))) == target:
        return target, "topic.md.j2"
    if target in _TEMPLATE_OF:  # (the home page: home.md.j2 after content/pages/index.md)
        return target, _TEMPLATE_OF[target]
    if target == pages.REFERENCE_DEST:
        return target, ""
    stem = target.removesuffix(".md")
    return (target, stem) if target.endswith(".md") and "/" not in stem and stem in names else None


class _Anchors:
    """The anchors of the pages the hand pages link to, each page's found once."""

    def __init__(self, folder: Path, root: Path, content: Content) -> None:
        self._folder = folder
        self._root = root
        self._content = content
        # src_uri -> its anchors (None: not read), and those of its template's parts
        # it lacks, with when a page has them (pageanchors.template_anchors)
        self._found: dict[str, frozenset[str] | None] = {}
        self._lacks: dict[str, dict[str, str]] = {}
        # src_uri -> its template's tests decided for it (pagetests.PageTests.decider)
        self._deciders: dict[str, Callable[[str], bool | None]] = {}

    def check(self, href: str, src_uri: str, page: str, at: Location, problems: Problems) -> None:
        """Report the link ``href`` (as written: _as_written) at ``at`` when the page
        ``src_uri`` (its template, or a hand page's name: see _target_page) lacks its
        anchor, as MkDocs would: the anchor as written, not percent-decoded."""
        anchor = urlsplit(href).fragment
        if not anchor:
            return
        if page.endswith(".j2") or page == "index":
            # (The anchor's own parts first: the page's whole context is made only for
            # a heading some pages lack, or to say a missing one's page's anchors.)
            from . import pageanchors

            if page == "index" and self._intro is None:
                return  # (its introduction not UTF-8: reported as it is read)
            template, before = self._template(page)
            decide = self._deciders.get(src_uri)
            if decide is None:
                decide = self._deciders[src_uri] = self._tests.decider(template, self._subject(src_uri, template))
            if pageanchors.has_anchor(template, self._settings, before, anchor, decide):
                return
        if src_uri not in self._found:
            try:
                self._found[src_uri] = self._of(src_uri, page)
            except UnicodeDecodeError:  # (a page not UTF-8: reported as it is read)
                self._found[src_uri] = None
        present = self._found[src_uri]
        if present is not None and anchor not in present:
            when = self._lacks.get(src_uri, {}).get(anchor)
            problems.error(at, no_anchor(href, src_uri, anchor, present, when))

    @functools.cached_property
    def _settings(self) -> tuple[tuple[str, ...], dict]:
        # (MkDocs and Python-Markdown are loaded only for a page's anchor: a check of a
        # list whose pages name none loads neither, as before.)
        from . import pageanchors

        return pageanchors.markdown_settings(self._root)

    @functools.cached_property
    def _intro(self) -> str | None:
        """The home page's introduction (content/pages/index.md), "" for none, None
        when it is not UTF-8 (check_hand_pages says so: a link to another page's
        anchor, which reads it for the home page's tests, stopped `check` with a
        traceback)."""
        intro = self._folder / "index.md"
        try:
            return read_text(intro) if intro.is_file() else ""
        except UnicodeDecodeError:
            return None

    @functools.cached_property
    def _tests(self) -> PageTests:
        from .pagetests import PageTests

        contributing = (self._folder / "contributing.md").is_file()
        return PageTests(self._content, self._intro or "", contributing)

    def _template(self, page: str) -> tuple[str, str]:
        """The template of a generated page (or of the home page, "index"), and the
        Markdown before its own (the home page's introduction)."""
        template = "home.md.j2" if page == "index" else page
        return template, (self._intro or "") if template == "home.md.j2" else ""

    def _of(self, src_uri: str, page: str) -> frozenset[str]:
        from . import pageanchors

        if page.endswith(".j2") or page == "index":
            template, before = self._template(page)
            present, lacks = pageanchors.template_anchors(
                template, self._settings, before, self._deciders[src_uri]
            )
            self._lacks[src_uri] = lacks
            return present
        if not page:
            from .reference import schema_reference_markdown

            return pageanchors.anchors_of(schema_reference_markdown(), self._settings)
        return pageanchors.anchors_of(read_text(self._folder / f"{page}.md"), self._settings)

    def _subject(self, src_uri: str, page: str) -> object | None:
        """The paper or topic whose page (of template ``page``) is ``src_uri``."""
        if page not in ("paper.md.j2", "topic.md.j2"):
            return None
        found = (_PAPER if page == "paper.md.j2" else _TOPIC).fullmatch(src_uri)
        if found is None:
            return None
        things = self._content.papers if page == "paper.md.j2" else self._content.topics
        return next((thing for thing in things if thing.id == found.group(1)), None)


# A scheme that is "http" or "https" mistyped: a letter missing or doubled ("htps",
# "ttps", "htttp"); a reader's browser refuses the link.
_HTTP_TYPO = re.compile(r"(?i)h?t{1,3}p{1,2}s{0,2}")


def _mistyped_scheme(href: str) -> str | None:
    """The https:// address ``href`` is meant to be when its scheme is http(s) mistyped,
    else None."""
    parts = urlsplit(href)
    scheme = parts.scheme.lower()
    if scheme in ("http", "https") or not _HTTP_TYPO.fullmatch(scheme) or not parts.netloc:
        return None
    return "https://" + href.split("//", 1)[1]


def _slashed(href: str) -> str | None:
    """The http(s) address ``href`` is meant to be when it has backslashes for slashes
    ("https://github.com\\a\\b", pasted from a Windows path), as a paper's link is
    told (validate.url_fix), else None. (markdown-it hands it back percent-encoded.)"""
    written = unquote(href)
    if "\\" not in written.split("?", 1)[0].split("#", 1)[0]:
        return None
    return url_fix(written) or None


# Endings MkDocs reads as Markdown (utils.markdown_extensions): a page saved with one but
# ".md" is meant as a page, and the site leaves it out (build.py takes "*.md").
_MARKDOWN_ENDINGS = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")


def _warn_not_pages(folder: Path, root: Path, problems: Problems) -> None:
    """Warn of each file in ``folder`` (content/pages/) meant as a page that the site
    leaves out: one whose name ends in another Markdown ending (About.MD, a rename by
    hand; seminar.markdown), or a .md file in a folder of it. Other files (a curator's
    notes.txt) are no page meant, and hidden ones an editor's."""
    said = "not read: the site's pages are the .md files directly in content/pages/"
    # (By the names listed, not is_file(): on macOS "About.md" is About.MD, no page.)
    names = {path.name for path in folder.iterdir()}
    for path in sorted(folder.rglob("*")):
        parts = path.relative_to(folder).parts
        if any(part.startswith(".") for part in parts) or not path.is_file():
            continue
        stem, ending = path.stem, path.suffix
        if ending.lower() not in _MARKDOWN_ENDINGS or (len(parts) == 1 and ending == ".md"):
            continue
        shown = path.relative_to(root).as_posix()
        # (A page's name in other capitals too: 'About.md' beside 'about.md' is one file
        # name to macOS and Windows, which check refuses.)
        page = next((name for name in sorted(names) if name.lower() == f"{stem}.md".lower() and name.endswith(".md")), "")
        if len(parts) > 1:
            fix = "move it there to make it one"
        elif page:
            fix = (
                f"{(folder / page).relative_to(root).as_posix()} is one already: copy"
                " into it what this file adds, then delete this one"
            )
        else:
            fix = f"rename it {quoted(stem + '.md')} to make it one"
        problems.warning(Location(shown, 1, 1), f"{said}; {fix}")


def _unreachable(href: str) -> str:
    """Why no reader of the site can open the web address ``href``, or that its host looks
    misspelt ("" when neither, or when it is none: a ``mailto:`` has no host to judge),
    as said of a paper's link. A scheme-relative ``//intranet/`` opens with the site's
    own http(s)."""
    parts = urlsplit(href)
    if parts.scheme.lower() not in ("http", "https", "") or not parts.netloc:
        return ""
    return host_warning(href)


def _outside(href: str) -> bool:
    """Whether MkDocs leaves ``href`` alone: an address elsewhere, or this page's anchor."""
    parts = urlsplit(href)
    return bool(parts.scheme or parts.netloc) or not parts.path


def _labelled(rule: Callable[[StateInline, bool], bool]) -> Callable[[StateInline, bool], bool]:
    """markdown-it's inline ``rule`` (link, image), which marks the token of a reference
    link (`[a][ref]`, `[ref][]`, `[ref]`) with its label: its address is written in the
    label's definition, not where the link is."""

    def labelled(state: StateInline, silent: bool) -> bool:
        start, count = state.pos, len(state.tokens)
        if not rule(state, silent):
            return False
        source = state.src[start:state.pos]
        if not silent and len(state.tokens) > count and source.endswith("]"):
            full = _FULL_REFERENCE.search(source)
            label = (full.group(1) or source[source.index("[") + 1 : full.start()]) if full else source[source.index("[") + 1 : -1]
            # (The first token it pushed may be the text before it, pending until then.)
            made = next(token for token in state.tokens[count:] if token.type in ("link_open", "image"))
            made.meta["label"] = normalizeReference(label)
        return True

    return labelled


# A full or collapsed reference's label, at the end of the link's source: `][ref]`, `][]`.
def _context(
    content: Content,
    names: Iterable[str],
    fate: Callable[[str], Fate | None],
    meant: tuple[Container[str], Container[str]],
    aliases: Callable[[], Mapping[str, tuple[str, str]]],
    titles: Callable[[], PaperTitles],
    theme_assets: Callable[[], str],
    root: Path,
) -> LinkContext:
    """What the links of the hand pages ``names`` of ``content`` are checked against."""
    from .siteconfig import site_address

    paper_ids = {paper.id for paper in content.papers}
    topic_ids = {topic.id for topic in content.topics}
    base = urlsplit(site_address(root)).path.strip("/")
    return LinkContext(
        paper_ids, topic_ids, fate, meant, aliases, _renamed_topics(content), titles,
        site_files(topic_ids, names), theme_assets, base + "/" if base else "",
    )


def _below_base(path: str, base: str) -> str | None:
    """The root-absolute ``path`` of a link ("/lab-list/papers/a/") as from the top of
    the site served at ``base`` ("lab-list/": "/papers/a/"); None when it is not below
    it, an address off the site."""
    if not (path + "/").startswith("/" + base):
        return None
    return "/" + path[len(base) + 1 :]


def _off_site(href: str, base: str) -> str:
    """What is said first of the root-absolute link ``href`` on a site served at ``base``:
    on GitHub Pages, https://<user>.github.io/papers/a/ is another site's address."""
    return (
        f"link {quoted(href)} leads off the site: site_url in mkdocs.yml serves it under"
        f" '/{base}', which an address from the top of the domain leaves out"
    )


_FULL_REFERENCE = re.compile(r"\]\[((?:[^\[\]\\]|\\.)*)\]$")
_MARKDOWN = MarkdownIt("commonmark").enable("table")
for _rule in ("link", "image"):
    _MARKDOWN.inline.ruler.at(_rule, _labelled(getattr(rules_inline, _rule)))


@functools.lru_cache(maxsize=32)
def links_of(text: str) -> tuple[tuple[str, int, int], ...]:
    """Each link and image address of a Markdown text, with its 1-based line and column
    (those of the block holding it when the address is not found as written). Kept
    for the texts last seen: `serve` checks the same unchanged pages on every rebuild."""
    return tuple(_links_of(text))


def _links_of(text: str) -> Iterator[tuple[str, int, int]]:
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    cursor: dict[str, int] = {}  # address -> where the search for its next use starts
    # Where the last address found ends: links come in the order they are written, so
    # the next is after it. (Searched from its block alone, 'papers/a/' was found inside
    # an earlier '../papers/a/' and said there.)
    after = 0
    env: dict = {}
    # (Parsed with its admonitions opened; addresses are found in the text as written.)
    for token in _MARKDOWN.parse(_open_admonitions(text), env):
        if not token.children or token.map is None:
            continue
        for child in token.children:
            if child.type == "link_open":
                href = str(child.attrGet("href") or "")
            elif child.type == "image":
                href = str(child.attrGet("src") or "")
            else:
                continue
            block = starts[token.map[0]]
            defined = env.get("references", {}).get(child.meta.get("label"))
            if defined is not None:
                # A reference link: its address as its definition writes it, at its
                # definition. (Looked for from the link on, `[a][ref]` was put at a later
                # `(#caf%C3%A9)` of the page, read as that spelling and refused, though
                # its definition writes `#café`; and that link then at the definition.)
                yield href, *_defined_at(href, text, starts, defined["map"])
                continue
            at = -1
            # markdown-it hands the address back percent-encoded: look for both spellings.
            # (A badge's image, `[![b](img.svg)](papers/a.md)`, comes after its link but
            # is written before it: then the search from its block finds it.)
            # (The first of either spelling: `[a](#café) [b](#caf%C3%A9)`, both
            # `#caf%C3%A9` to markdown-it, put a at b's place when the encoded one was
            # looked for first, and b further on.)
            for start in (max(block, after), block):
                found = [
                    (place, written)
                    for written in dict.fromkeys((href, unquote(href)))
                    if (place := text.find(written, max(start, cursor.get(written, 0)))) >= 0
                ]
                if found:
                    at, written = min(found)
                    cursor[written] = at + len(written)
                    after = max(after, at + len(written))
                    break
            if at < 0:  # a reference definition elsewhere, or an escape: the block
                at = block
            line = bisect_right(starts, at) - 1
            yield href, line + 1, at - starts[line] + 1


# An `<a>` tag's href in raw HTML, in any of HTML's three spellings of a value.
_HTML_HREF = re.compile(r"""<a\s(?:[^<>"']|"[^"]*"|'[^']*')*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.I)


# An HTML comment, or one left open (it runs to the end of its HTML block).
_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)


def _blank(found: re.Match[str]) -> str:
    """A match's text as spaces, lines kept: what follows keeps its line and column."""
    return re.sub(r"[^\n]", " ", found.group(0))


@functools.lru_cache(maxsize=32)
def html_links_of(text: str) -> tuple[tuple[str, int, int], ...]:
    """Each `<a href>` of the raw HTML of a Markdown text (its HTML blocks and inline
    tags, not code), with the 1-based line and column of its address. MkDocs checks
    and rewrites Markdown links only: raw HTML reaches the page as it is written."""
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    # (A tag in an HTML comment is no link: the browser shows nothing of it. Blanked
    # alike in the text, where each tag is found again, so that it is not found there.)
    visible = _HTML_COMMENT.sub(_blank, text)
    found: list[tuple[str, int, int]] = []
    after = 0  # (tags come in the order they are written: the next is after the last)
    for token in _MARKDOWN.parse(_open_admonitions(text)):
        if token.map is None:
            continue
        if token.type == "html_block":
            pieces = [token.content]
        else:
            pieces = [child.content for child in token.children or () if child.type == "html_inline"]
        for piece in pieces:
            for tag in _HTML_HREF.finditer(_HTML_COMMENT.sub(_blank, piece)):
                at = visible.find(tag.group(0), max(after, starts[token.map[0]]))
                if at < 0:  # (a tag written over lines of a paragraph, or an escape: its block)
                    at = starts[token.map[0]]
                else:
                    after = at + len(tag.group(0))
                    at += tag.start(tag.lastindex or 0) - tag.start()
                href = html.unescape(next(group for group in tag.groups() if group is not None))
                line = bisect_right(starts, at) - 1
                found.append((href, line + 1, at - starts[line] + 1))
    return tuple(found)


def html_link_problem(href: str, here: str, context: LinkContext) -> str | None:
    """Why the address ``href`` of a raw HTML link on the hand page served at ``here``
    (its directory URL) leads to no paper's or topic's page, as a browser follows it;
    None when it does, or names no paper's or topic's page at all. A link written as a
    Markdown link is (`link_problem`): to a page file, which raw HTML keeps as written.
    The fix is the page's address from this page."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path:
        return None  # (another site's, or an anchor of this page)
    path = unquote(parts.path)
    tail = f"#{parts.fragment}" if parts.fragment else ""
    if context.base and path.startswith("/"):
        within = _below_base(path, context.base)
        if within is None:
            # (What is wrong with the page it names first: its fix is that page's address
            # from this page, which mends the other mistake too.)
            top = posixpath.normpath(path).lstrip("/")
            if not _of_the_site(top, context):
                # (Another site on the domain, as the lab's own '/people/' beside a list
                # served at '/reading-list/', or a sibling GitHub Pages project: nothing
                # of this site's to say of it, as of a relative link to no page.)
                return None
            top += "/" if path.endswith("/") and top else ""
            return _html_page_problem(href, here, path, tail, context) or (
                _off_site(href, context.base)
                + f"; write the address from this page, {quoted((pages.relative(here, top) or './') + tail)}"
            )
        path = within
    return _html_page_problem(href, here, path, tail, context)


def _of_the_site(target: str, context: LinkContext) -> bool:
    """Whether the path ``target`` (from the top of the site, no slash at either end)
    names what this site serves: its home, a file or page it makes, a paper's or a
    topic's address (a gone id's too), or its assets/ (the theme's and Material's)."""
    first = target.partition("/")[0]
    return first in ("papers", "topics", "assets") or _page_file(
        target, context.files, context.paper_ids, context.topic_ids
    ) is not None


def _html_page_problem(href: str, here: str, path: str, tail: str, context: LinkContext) -> str | None:
    """`html_link_problem` of ``href``, its path ``path`` (unquoted; from the top of the
    site when root-absolute) and its ``tail`` (the #anchor, or "")."""
    paper_ids, topic_ids, fate, meant = context.paper_ids, context.topic_ids, context.fate, context.meant
    aliases, titles, renamed_topics = context.aliases, context.titles, context.renamed_topics
    target = posixpath.normpath(posixpath.join("/" + here, path)).lstrip("/")
    found = re.fullmatch(r"(papers|topics)/([^/]+?)(/index\.html|/index\.md|\.md)?", target)
    # (Or a paper's or topic's address written as from the top on a page that is not:
    # from about/, papers/x/ leads to about/papers/x/, no page.)
    below = None if found else re.search(r"/(papers|topics)/([^/]+?)(/index\.html|/index\.md|\.md)?$", target)
    if below is not None and below.group(2) in (paper_ids if below.group(1) == "papers" else topic_ids):
        is_paper = below.group(1) == "papers"
        url = pages.paper_url(below.group(2)) if is_paper else pages.topic_url(below.group(2))
        return (
            f"link {quoted(href)} leads to no page: a raw HTML link is followed from this page's"
            f" address, {here or 'the top'}, to {quoted(target + '/')}; write the page's address,"
            f" {quoted(pages.relative(here, url) + tail)}"
        )
    if found is None:
        return None
    folder, name, ending = found.groups()
    is_paper = folder == "papers"
    known = paper_ids if is_paper else topic_ids

    def address(other: str) -> str:
        return pages.relative(here, pages.paper_url(other) if is_paper else pages.topic_url(other)) + tail

    if name in known:
        if ending in ("/index.md", ".md"):
            return (
                f"link {quoted(href)} is raw HTML, which MkDocs leaves as written (it makes only Markdown"
                f" links to page files addresses): write the page's address, {quoted(address(name))}"
            )
        return None
    if name in meant[0 if is_paper else 1]:
        return None  # (a file with errors of its own defines or is named for it)
    said = f"link {quoted(href)} leads to no page: "
    if is_paper:
        gone = fate(name)
        if gone is not None:
            return said + gone.says(name, address)
        return said + f"no paper {quoted(name)}" + after_unknown(
            "paper", suggest_paper(name, sorted(paper_ids), titles() if titles else None, address)
        )
    if name in renamed_topics:
        return said + Fate(renamed_topics[name], what="topic").says(name, address)
    return said + f"no topic {quoted(name)}" + after_unknown(
        "topic", suggest_topic(name, sorted(topic_ids), aliases() if aliases else {}, address)
    )


def _defined_at(href: str, text: str, starts: list[int], lines: list[int]) -> tuple[int, int]:
    """The 1-based line and column of the address ``href`` (either spelling) in the
    reference definition on the 0-based ``lines`` [first, past the last) of ``text``;
    its start when it is not found there (an escape)."""
    first, past = lines
    end = starts[past] if past < len(starts) else len(text)
    found = [
        place for written in (href, unquote(href))
        if (place := text.find(written, starts[first], end)) >= 0
    ]
    at = min(found) if found else starts[first]
    row = bisect_right(starts, at) - 1
    return row + 1, at - starts[row] + 1


# The whole opening line, as Python-Markdown's admonition (and pymdownx.details) reads
# it: "!!! note", "!!!note", '!!! tip "A title"'; anything else on it ("!!! note: x",
# "!!!Important: read") makes it a paragraph. A title is Markdown, links and all.
_ADMONITION = re.compile(r'^(?:!!!|\?\?\?\+?) ?[\w\-]+(?: +[\w\-]+)*(?: +"(.*?)")? *$')
_ANY_ADMONITION = re.compile(r"^(?:!!!|\?\?\?)", re.MULTILINE)


def _open_admonitions(text: str) -> str:
    """``text`` with each admonition (`!!! note`, and pymdownx.details' `??? note`) as
    the Markdown its indented body is, line for line: CommonMark, which this module
    parses with, reads that body as code and would see no link in it, where MkDocs
    (the admonition extension) renders the links."""
    if not _ANY_ADMONITION.search(text):
        return text
    lines = text.split("\n")
    opened = True
    while opened:  # (an admonition in an admonition is opened on the next pass)
        opened = False
        number = 0
        while number < len(lines):
            header = _ADMONITION.match(lines[number])
            if not header:
                number += 1
                continue
            lines[number] = header.group(1) or ""  # (its title, a paragraph of its own)
            opened = True
            number += 1
            # Its body: the lines indented four columns (tabs count to the next four,
            # as Python-Markdown expands them), and blank ones.
            while number < len(lines) and (
                not lines[number].strip() or lines[number].expandtabs(4).startswith("    ")
            ):
                lines[number] = lines[number].expandtabs(4)[4:]
                number += 1
    return "\n".join(lines)


def _renamed_topics(content: Content) -> dict[str, str]:
    """Old topic id -> the topic whose `formerly:` names it, when only one does."""
    claims: dict[str, list[str]] = {}
    for topic in content.topics:
        for old in topic.former_ids:
            claims.setdefault(old, []).append(topic.id)
    return {old: ids[0] for old, ids in claims.items() if len(ids) == 1}


def link_problem(href: str, context: LinkContext) -> str | None:
    """Why the relative link ``href`` of a page at the top of docs/ leads nowhere; None
    when it leads to a file of the site, or to a paper or topic of ``context.meant``."""
    files, paper_ids, topic_ids = context.files, context.paper_ids, context.topic_ids
    fate, meant, aliases, titles = context.fate, context.meant, context.aliases, context.titles
    renamed_topics = context.renamed_topics
    parts = urlsplit(href)
    path = unquote(parts.path)
    tail = f"#{parts.fragment}" if parts.fragment else ""
    def guessed(target: str) -> str | None:
        # The page a path meant but for a typo of a paper's id ("papers/lora-adaptaton/"),
        # as a link that is relative but for that is told (an absolute link, one out of
        # the site): told the page's pattern alone, the curator is left to find the id.
        paper = _PAPER.fullmatch(target)
        if not paper or paper.group(1) in paper_ids:
            return None
        meant = paper_suggested(paper.group(1), sorted(paper_ids), titles() if titles else None)
        return pages.paper_dest(meant[0]) if meant else None

    if href.startswith(("/", "\\")):
        # (On a site served below its domain, "/lab-list/papers/a/" names the page still.)
        within = _below_base(path, context.base) if context.base and path.startswith("/") else None
        rest = posixpath.normpath((path if within is None else within).lstrip("/\\"))
        meant_file = _page_file(rest, files, paper_ids, topic_ids) or guessed(rest)
        said = (
            f"link {quoted(href)} is absolute: it works only on a site served at the top of its domain"
            if not context.base else _off_site(href, context.base) if within is None
            # (Served where site_url says, but mkdocs.yml's `absolute_links: warn` stops
            # the strict build on it, and it breaks when the site moves.)
            else f"link {quoted(href)} is absolute, which the strict build refuses (MkDocs leaves it"
            " as written: it breaks when the site moves)"
        )
        return said + "; write it relative to this page, " + (
            quoted(meant_file + tail) if meant_file else "as 'papers/<id>.md'"
        )
    target = posixpath.normpath(path)
    paper = _PAPER.fullmatch(target)
    if paper and paper.group(1) in paper_ids and pages.paper_dest(paper.group(1)) == target:
        return None
    if target == "." or target in files:
        return None
    if target == ".." or target.startswith("../"):
        # The address as the browser shows it from the page's (about/ is one folder
        # down): the page the rest names is the one meant.
        rest = re.sub(r"^(?:\.\./)*\.\.(?:/|$)", "", target)
        meant_file = _page_file(rest, files, paper_ids, topic_ids) or guessed(rest)
        return f"link {quoted(href)} leads out of the site" + (
            ": a page's links go from its file, which is at the top of the site, not from"
            f" its address in the browser; write {quoted(meant_file + tail)}" if meant_file else ""
        )

    def instead(file: str) -> str:
        if path.endswith(".md"):  # a page file, but not the one the page is in
            return f"link {quoted(href)} leads to no page file: the page is {quoted(file + tail)}"
        return (
            f"link {quoted(href)} names an address; MkDocs follows only links to page files:"
            f" write {quoted(file + tail)}"
        )

    if paper:
        paper_id = paper.group(1)
        if paper_id in paper_ids:
            return instead(pages.paper_dest(paper_id))
        if paper_id in meant[0]:
            return None
        gone = fate(paper_id)
        if gone is not None:
            written = lambda other: pages.paper_dest(other) + tail  # noqa: E731
            return f"link {quoted(href)} leads to no page: {gone.says(paper_id, written)}"
        # (As an unknown id in a paper's file is: the paper named by its title, too.)
        return f"link {quoted(href)} leads to no page: no paper {quoted(paper_id)}" + after_unknown(
            "paper", suggest_paper(
                paper_id, sorted(paper_ids), titles() if titles else None,
                lambda other: pages.paper_dest(other) + tail,
            ),
        )
    topic = _TOPIC.fullmatch(target)
    if topic:
        topic_id, ending = topic.groups()
        if topic_id not in topic_ids:
            if topic_id in meant[1]:
                return None
            page = lambda other: pages.dest_of(pages.topic_url(other)) + tail  # noqa: E731
            if ending in (".bib", ".xml"):
                page = lambda other: f"topics/{other}{ending}"  # noqa: E731
            if topic_id in renamed_topics:
                return f"link {quoted(href)} leads to no page: " + Fate(
                    renamed_topics[topic_id], what="topic"
                ).says(topic_id, page)
            # (What to do, as for a paper's `topics:` entry: a deleted topic leaves no
            # record to tell it from a typo.)
            return f"link {quoted(href)} leads to no page: no topic {quoted(topic_id)}" + after_unknown(
                "topic",
                suggest_topic(topic_id, sorted(topic_ids), aliases() if aliases else {}, page),
            )
        return instead(pages.dest_of(pages.topic_url(topic_id)))
    for file in (f"{target}.md", f"{target}/index.md"):
        if file in files:
            return instead(file)
    if (bare := _bare_page(target, paper_ids, topic_ids, guessed)) is not None:
        folder, file = bare
        return f"link {quoted(href)} leads to no file of the site: a {folder}'s page is in {folder}s/: write {quoted(file + tail)}"
    if (web := _web_address(href)) is not None:
        return f"link {quoted(href)} leads to no file of the site; an address on the web needs https://: write {quoted(web)}"
    page = posixpath.splitext(target)[1].lower() in ("", ".md", ".html")
    return f"link {quoted(href)} leads to no file of the site" + did_you_mean(
        target, sorted(files), "" if page else _not_carried(posixpath.basename(target), context.theme_assets())
    )


def _bare_page(
    target: str, paper_ids: Container[str], topic_ids: Container[str], guessed: Callable[[str], str | None]
) -> tuple[str, str] | None:
    """("paper" or "topic", the page file) a link to a paper's or a topic's id alone,
    its folder left out, is to be ("lora.md" or "lora/" for 'papers/lora.md'), the id
    mistyped too; None for a link that is no id. (A curator copies the id from the file's name: told only "leads to
    no file of the site", the folder missing was left to guess.)"""
    name = target[: -len(".md")] if target.endswith(".md") else target
    if "/" in name or "." in name or not name:
        return None
    if name in paper_ids:
        return "paper", pages.paper_dest(name)
    if name in topic_ids:
        return "topic", pages.dest_of(pages.topic_url(name))
    meant = guessed(f"papers/{name}")
    return ("paper", meant) if meant else None


def _not_carried(name: str, assets: str) -> str:
    """What follows "leads to no file of the site" of a link to a picture or other file
    ``name`` that is nowhere (`lab.png`): told no more, a curator looked for a folder to
    put the file in. None of content/ is carried (as `_left_out` says of one that is
    beside the pages); the theme folder's files are (not "no file of yours", as it said),
    whose assets/ is ``assets`` ("" for none)."""
    put = f"put it in {assets} and link 'assets/{name}'" if assets else _NO_THEME_FIX.format(name=name)
    return (
        f": no picture or other file of content/ is carried into the site (of {PAGES_FOLDER}"
        " only the .md files directly in it are): link it by its https:// address on the web,"
        f" or {put}"
    )


def _page_file(target: str, files: frozenset[str], paper_ids: set[str], topic_ids: set[str]) -> str | None:
    """The file of the site that the path ``target`` names, as a file or as an address
    (``papers/<id>/``, ``about/``), if any; the home page's for the top ("" or ".", as
    '/' and '../' from about/ name it)."""
    if target in ("", "."):
        return "index.md" if "index.md" in files else None
    paper = _PAPER.fullmatch(target)
    if paper and paper.group(1) in paper_ids:
        return pages.paper_dest(paper.group(1))
    topic = _TOPIC.fullmatch(target)
    if topic and topic.group(1) in topic_ids and topic.group(2) not in (".bib", ".xml"):
        return pages.dest_of(pages.topic_url(topic.group(1)))
    return next((file for file in (target, f"{target}.md", f"{target}/index.md") if file in files), None)


# A web address written without its scheme's "://" whole: "www.example.org", "https//x.org"
# (Markdown takes either for a file beside the page).
_SCHEMELESS = re.compile(r"(?i)(?:https?:?/+)?(www\.[^/\s]+\.[^/\s]+.*)|https?/+([^/\s]+\.[^/\s]+.*)")


def _web_address(href: str) -> str | None:
    """The address ``href`` is meant to be when it is a web address missing its
    "https://" (or the colon of it), else None."""
    found = _SCHEMELESS.fullmatch(href)
    return f"https://{found.group(1) or found.group(2)}" if found else None
