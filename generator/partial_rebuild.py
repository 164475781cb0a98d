"""Rebuilding only the pages that changed (MkDocs' dirty builds, made exact).

At 10,000 papers MkDocs takes about 40 s to build every page, so under plain `mkdocs
serve` a notes edit reached the browser that much later, though it changes two pages. A
dirty build (`readinglist serve`, `mkdocs serve --dirty`) builds only the pages whose
Markdown is newer than their HTML, and the generator rewrites exactly the pages whose
text changed. What MkDocs warns a dirty build gets wrong, and what is done about each:

- A page it skips is not read, so its title and front matter are unknown, and the pages
  it builds list it in their navigation under a name made from its file name. The
  titles and front matter of the last build are put back (`restore_labels`).
- Material's search plugin indexes only the pages it builds. The index is merged page
  by page with the last build's, in the site's page order (`merge_entries`).
- What every page shows can change: the navigation's entries and their titles, the
  theme overrides' templates, mkdocs.yml, the error banner. So can the set of files (a
  removed page's HTML would stay behind). Then the site folder is emptied and every page
  built: a `stamp` digests what every page depends on.
- MkDocs copies a theme override's stylesheet, script or image again only if it is newer
  than its copy: one put back with its old time would stay stale. Such files are not in
  the stamp (an edit to one changes no page); the copy of each that changed is removed
  instead, so MkDocs copies it again (`theme_edits`). A file any template loaded, even
  a stylesheet a template inlines, counts as a template.
- MkDocs checks links to anchors (`page.md#heading`) only between pages it builds: a link
  on a page it skips, to a heading that went away on a page it builds, would go
  unreported where a full strict build fails. The anchors each page holds and links to
  are kept from the last build for the pages skipped (`restore_anchors`), so MkDocs
  checks every link as in a full build.

A dirty build with no earlier build of the same site in this process (the first build
of `serve`, or `mkdocs build --dirty`) builds every page. tests/test_partial_rebuild.py
checks that the site after each kind of edit equals a clean build's, byte for byte.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from .paperdrafts import editors_file

# The navigation's page titles and front matter as MkDocs found them, by source path.
Labels = dict[str, tuple[Any, dict]]
# A page's entries in Material's search index, by page URL ("" is the home page).
Entries = dict[str, list[dict[str, Any]]]


# The anchors a page holds, and the anchors it links to (by target page), by source path.
Anchors = dict[str, tuple[frozenset[str], dict[str, dict[str, str]]]]


@dataclass
class SiteState:
    """What the last build of one site left for the next (kept for the process)."""

    stamp: dict[str, str]
    labels: Labels = field(default_factory=dict)
    entries: Entries = field(default_factory=dict)
    anchors: Anchors = field(default_factory=dict)
    # The theme overrides' files (path -> size, digest), and those Jinja loaded since every
    # page was last built: the pages built since then depend on no other.
    theme: dict[str, tuple[int, str]] = field(default_factory=dict)
    templates: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class NavPage:
    """A page of the navigation, as `stamp` sees it."""

    src_path: Path
    titled_by_nav: bool  # the navigation gives its title ("Home": index.md)


def stamp(
    nav: object,
    nav_pages: Iterable[NavPage],
    config_file: Path | None,
    extra: Mapping[str, Any],
    site_url: str,
    redirects: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """Digests of what every page of the site shows besides its own text, by what a
    curator would call it (`changed` names the ones that differ; `theme_edits` judges
    the theme overrides).

    A navigation page's title comes from the navigation, else its front matter, else
    its first heading: its front matter is digested, and when a title may come from the
    text, the text up to its first heading (`_to_first_heading`). mkdocs.yml and `extra` count by content;
    so do ``redirects`` (old page -> new page): a page written at an old address that
    no longer leads anywhere must go, and only a clean build removes it. What the hook
    puts in `extra` counts as what it shows: the error bar (ERROR_BAR), whether the
    pages load the map of old ids (with the old addresses); the rest is mkdocs.yml's. (A
    first rename was said as "the error bar", with no error anywhere.)
    """

    def digest(*parts: object) -> str:
        hashed = hashlib.sha256()
        for part in parts:
            data = part if isinstance(part, bytes) else repr(part).encode()
            hashed.update(len(data).to_bytes(8, "big"))
            hashed.update(data)
        return hashed.hexdigest()

    values = sorted(extra.items(), key=lambda kv: kv[0])

    def of(keys: Iterable[str] | None) -> list[tuple[str, Any]]:
        """The values of ``keys``; None: of every key but the hook's."""
        return [(k, v) for k, v in values if (k in keys if keys is not None else k not in _OURS)]

    return {
        "the navigation": digest(
            nav, *[part for page in nav_pages for part in (str(page.src_path), _label_source(page))]
        ),
        "mkdocs.yml": digest(
            site_url, config_file.read_bytes() if config_file and config_file.is_file() else b"",
            of(None),
        ),
        "the error bar": digest(of(ERROR_BAR)),
        "the old addresses": digest(sorted((redirects or {}).items()), of(OLD_ADDRESSES)),
    }


# The keys of `extra` the hook sets: the error bar's, and whether there are old ids.
ERROR_BAR = ("readinglist_problems", "readinglist_no_site")
OLD_ADDRESSES = ("readinglist_formerly",)
_OURS = frozenset(ERROR_BAR + OLD_ADDRESSES)


def theme_files(theme_dir: Path | None) -> dict[str, tuple[int, str]]:
    """Every file of the theme overrides (absolute path -> size, digest of its bytes).

    By content, not by time as MkDocs' watcher sees them: a file saved unchanged (an
    editor's "save all", a `touch`, a branch switched and back) changes no page, and a
    template so touched built every page again (30 s at 10,000 papers); a file put back
    with an old time is still seen to differ. Editors' files are left out (swap, lock
    and backup files, vim's "4913" probe): one appearing while a stylesheet is edited
    would otherwise build every page, and a lock file is a dangling link. Linked folders
    are followed, as Jinja follows them."""
    found: dict[str, tuple[int, str]] = {}
    if theme_dir is not None and theme_dir.is_dir():
        for folder, _dirs, names in os.walk(theme_dir.resolve(), followlinks=True):
            for name in names:
                if editors_file(name):
                    continue
                try:
                    data = Path(folder, name).read_bytes()
                except OSError:  # gone since listed, or a dangling link
                    continue
                found[os.path.join(folder, name)] = (len(data), hashlib.sha256(data).hexdigest())
    return dict(sorted(found.items()))


def theme_edits(
    before: Mapping[str, tuple[int, str]],
    now: Mapping[str, tuple[int, str]],
    copied: Iterable[str],
    templates: Iterable[str],
) -> tuple[bool, list[str]]:
    """(whether every page must be built, the copied files that changed).

    ``copied``: the files MkDocs copies into the site as they are (stylesheets, scripts,
    images); ``templates``: the files Jinja loaded since every page was last built. A
    copied file no template loaded changes no page when it changes. Every page is built
    if any other file changed, or if a file came or went: a new one may be what a
    template includes under a name it makes (``ignore missing``, a list of names), and
    a removed one's copy would stay behind.
    """
    if before.keys() != now.keys():
        return True, []
    as_is = set(copied) - set(templates)
    edited = [path for path in now if before[path] != now[path]]
    return any(path not in as_is for path in edited), [path for path in edited if path in as_is]


def changed(before: Mapping[str, str], now: Mapping[str, str]) -> list[str]:
    """What differs between two stamps."""
    return [name for name in now if before.get(name) != now[name]]


def titled_by_nav(nav: list) -> set[str]:
    """The pages a `nav` setting gives a title ("Home": index.md), by path."""
    titled: set[str] = set()
    for item in nav:
        if isinstance(item, dict):
            for value in item.values():
                if isinstance(value, list):  # a section: its title is not a page's
                    titled |= titled_by_nav(value)
                elif isinstance(value, str):
                    titled.add(value)
    return titled


def _label_source(page: NavPage) -> bytes:
    try:
        data = page.src_path.read_bytes()
    except OSError:
        return b"(missing)"
    front = front_matter(data)
    if page.titled_by_nav or (b"title:" in front and _sets_title(front)):
        return front
    return _to_first_heading(data)


# A line MkDocs reads as a level-one heading ("# About" at the line's start: Python-
# Markdown takes " # About" for text, a heading's only over "====="), a code fence's
# line, and a line that may open an HTML block (in which "# x" is text).
_H1 = re.compile(rb"#(?:[ \t]|$)")
_FENCE = re.compile(rb" {0,3}(`{3,}|~{3,})")
_HTML_START = re.compile(rb" {0,3}<")


def _to_first_heading(data: bytes) -> bytes:
    """The text up to its first level-one heading's line: what the page's title can
    come from (MkDocs takes it from the first such heading); the whole text when that
    heading is not plainly found.

    An edit below the heading then changes only the page itself, not every page's
    navigation (30-40 s at 10,000 papers under `serve` for a sentence of the About page).
    Plainly found: outside a code fence, before any line that may open an HTML block,
    and with no "[" on it or above it (a reference link or footnote there is resolved
    by a definition further down). A level-one heading written the other way ("About"
    over "=====") comes before the line found, so it is in the text kept; so is its
    "[", if any.
    """
    fence = b""  # the run of backticks or tildes that opened the fence we are in
    start = at = len(front_matter(data))
    for line in data[at:].splitlines(keepends=True):
        at += len(line)
        marks = _FENCE.match(line)
        if fence:
            # Closed by a run of its own mark at least as long, and nothing after it.
            run = marks.group(1) if marks else b""
            if run[:1] == fence[:1] and len(run) >= len(fence) and not line[marks.end():].strip():
                fence = b""
            continue
        if marks:
            fence = marks.group(1)
            continue
        if _HTML_START.match(line):
            return data
        if _H1.match(line):
            return data if b"[" in data[start:at] else data[:at]
    return data


def _sets_title(front: bytes) -> bool:
    """Whether the front matter gives the page its title, read as MkDocs reads it: a
    line "title: ..." that continues a quoted value above sets none."""
    from mkdocs.utils.meta import get_data

    try:
        _, meta = get_data(front.decode("utf-8", "replace") + "\n")
    except Exception:  # (MkDocs reads a front matter it cannot parse as none)
        return False
    return "title" in meta


def front_matter(data: bytes) -> bytes:
    """The YAML block a Markdown file starts with ("---" lines), or b"" if none."""
    if not data.startswith(b"---"):
        return b""
    end = data.find(b"\n---", 3)
    return data[: end + 4] if end >= 0 else data


def record_anchors(page: Any, anchors: Anchors, unfound: Mapping[str, Mapping[str, str]] | None = None) -> None:
    """Keep what MkDocs found of a page's anchors while rendering it. Its links to its
    own anchors are left out: on a page MkDocs skips, neither they nor their targets
    changed (and nearly every page has them: its headings' permalinks).

    ``unfound``: the links to no heading already said and taken out of the page's links
    (the hook's check of a hand page's links, by target), its own page's too: kept, so
    a build that skips the page says them again, as a full build does."""
    links = {
        target.src_uri: dict(found)
        for target, found in (page.links_to_anchors or {}).items()
        if target.src_uri != page.file.src_uri
    }
    for target, found in (unfound or {}).items():
        links[target] = {**found, **links.get(target, {})}
    anchors[page.file.src_uri] = (frozenset(page.present_anchor_ids or ()), links)


def restore_anchors(pages: Iterable[Any], anchors: Anchors, files: Any, unchanged: Any) -> None:
    """Give each page MkDocs skips the anchors it held and linked to in the last
    build, so that MkDocs' own check of anchor links covers it and the links to it.
    Only pages with such links, and the pages they link to, need it (a few: the
    generated pages link to no anchor of another page)."""
    pages = list(pages)
    linking = {uri for uri, (_present, links) in anchors.items() if links}
    linked = {target for _present, links in anchors.values() for target in links}
    # And the pages that the pages MkDocs rendered for this build (theirs are set, the
    # skipped pages' not yet) link to: a link just written to a heading of a page not
    # made again was checked by neither the hook nor MkDocs until a later build. (Not
    # a page's links to itself: made again, it needs nothing, and a rebuild of every
    # paper's page would ask each whether it was.)
    linked.update(
        target.src_uri for page in pages for target in (page.links_to_anchors or ()) if target.src_uri != page.file.src_uri
    )
    for page in pages:
        uri = page.file.src_uri
        if (uri not in linking and uri not in linked) or not unchanged(page):
            continue
        kept = anchors.get(uri)
        if kept is None:
            continue
        present, links = kept
        page.present_anchor_ids = set(present)
        # (Copies: the hook's check takes a link to no heading out of them, and the next
        # build that skips the page has it to say again.)
        targets = {files.get_file_from_path(uri): dict(found) for uri, found in links.items()}
        page.links_to_anchors = {target: found for target, found in targets.items() if target is not None}


def restore_labels(pages: Iterable[Any], labels: Labels, unchanged: Any) -> None:
    """Give each navigation page MkDocs will not read again its title and front matter
    from the last build (``unchanged(page)``: MkDocs will skip it)."""
    for page in pages:
        label = labels.get(page.file.src_uri)
        if label is not None and unchanged(page):
            page.title, meta = label
            page.meta = dict(meta)


def merge_entries(
    previous: Entries, built: Iterable[str], new_docs: Sequence[dict[str, Any]], order: Sequence[str]
) -> Entries:
    """Each page's search entries: this build's for the pages it built, the last
    build's for the others, pages in the site's order (``order``; others last)."""
    fresh: Entries = {}
    for doc in new_docs:
        fresh.setdefault(page_of(doc), []).append(doc)
    rebuilt = set(built)
    merged = {url: docs for url, docs in previous.items() if url not in rebuilt}
    merged.update(fresh)
    rank = {url: n for n, url in enumerate(order)}
    return dict(sorted(merged.items(), key=lambda item: (rank.get(item[0], len(rank)), item[0])))


def page_of(doc: Mapping[str, Any]) -> str:
    return str(doc["location"]).split("#", 1)[0]


def flatten(entries: Entries) -> list[dict[str, Any]]:
    return [doc for docs in entries.values() for doc in docs]
