"""Every output file's destination and URL, and what the page plan holds at each.

This is the only module that decides destinations and URLs: the plan (siteplan.py)
places `Page`s (a template plus what pagecontext.py makes it show), `File`s (text
carried as is) and `Kept`s at them, and every link between generated pages is computed
with `relative`, relative to the page that holds it, so the site works under any base
path. It also says where a renamed paper's or topic's old address leads, and whether a
hand-written page can be served where it asks to be. No I/O happens here.

Layout (``use_directory_urls``: ``papers/x/index.md`` is served at ``papers/x/``):

    index.md                  home              ""
    topics/index.md           all topics        topics/
    topics/<id>/index.md      one topic         topics/<id>/
    papers/index.md           all papers        papers/
    papers/<id>.md            one paper         papers/<id>/  (see paper_dest)
    <name>.md                 hand-written      <name>/      (content/pages/<name>.md)
    curation-reference.md     field reference   curation-reference/
    papers.json               data export
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping

from .errors import Location
from .models import Site
from .write import spelling_key

HOME = ""
TOPICS = "topics/"
ALL_PAPERS = "papers/"
REFERENCE_DEST = "curation-reference.md"
PAPERS_JSON = "papers.json"
# The icon stylesheet; mkdocs.yml lists it in extra_css.
ICON_STYLESHEET = "assets/readinglist-icons.css"


def paper_url(paper_id: str) -> str:
    return f"papers/{paper_id}/"


def topic_url(topic_id: str) -> str:
    return f"topics/{topic_id}/"


def dest_of(url: str) -> str:
    """The docs-relative source file served at a directory URL."""
    return f"{url}index.md"


def paper_dest(paper_id: str) -> str:
    """A paper page's source file: ``papers/<id>.md``, served at ``papers/<id>/`` too.

    One folder holding every paper file, rather than a folder per paper, spares each run
    a scan of 10,000 folders. An id MkDocs would take for the folder's own index
    ("index", "README") keeps a folder of its own.
    """
    # (Casefolding never shortens a text: an id of more than six characters is neither
    # name, and is not casefolded, as this runs for every paper in every plan, twice.)
    if len(paper_id) <= 6 and paper_id.casefold() in ("index", "readme"):
        return dest_of(paper_url(paper_id))
    return f"papers/{paper_id}.md"


# The reading log's map of old paper ids to new ones (see read-marks.js), written only
# for a list with renamed papers; overrides/main.html loads it then.
FORMERLY_SCRIPT = "assets/readinglist-formerly.js"


def renamed(site: Site) -> dict[str, str]:
    """Each id a paper had before a rename (its `formerly:`) -> the paper's id now."""
    # (`formerly` asked first: most papers were never renamed, and former_ids makes a
    # tuple of each paper's, 3 ms of every plan at 10,000 papers.)
    return {old: paper.id for paper in site.papers if paper.formerly for old in paper.former_ids}


def old_addresses(site: Site) -> dict[str, str]:
    """A renamed paper's or topic's page source at each of its old ids -> its page source
    now: the map mkdocs-redirects takes, writing a page at the old address that leads on.
    (A topic's BibTeX and feed files are written at its old ids as well: see exports.)"""
    moved = {paper_dest(old): paper_dest(new) for old, new in sorted(renamed(site).items())}
    for topic in site.topics:
        for old in topic.former_ids:
            moved[dest_of(topic_url(old))] = dest_of(topic_url(topic.id))
    return dict(sorted(moved.items()))


def formerly_script(site: Site) -> str | None:
    """The reading log's map of old ids to new ones, as a script; None when no paper was
    renamed. Ids are slugs (a-z, 0-9, hyphens): nothing in them needs escaping."""
    moved = renamed(site)
    if not moved:
        return None
    pairs = ",".join(f'"{old}":"{new}"' for old, new in sorted(moved.items()))
    return (
        "/* Generated from the papers' `formerly:` by the readinglist generator: a paper"
        " the reader marked read under an old id stays read. */\n"
        f"window.readinglistFormerly={{{pairs}}};\n"
    )


def relative(here: str, target: str) -> str:
    """The href from the page at URL ``here`` to ``target`` (both relative to the root).

    ``here`` is a directory URL ("" or ending in "/"); ``target`` is one too, or a file.
    (posixpath.relpath would do, but it asks the OS for the working directory on every
    call, and a large site computes hundreds of thousands of these.)
    """
    if here.count("/") == 2 and target.count("/") == 2 and target[-1] == "/" and here != target:
        # The common case, between two pages one folder deep (papers/a/ -> topics/b/).
        here_top, target_top = here.partition("/")[0], target.partition("/")[0]
        if here_top == target_top:
            return "../" + target[len(target_top) + 1 :]
        return "../../" + target
    base = here.split("/")[:-1] if here else []
    parts = target.split("/")
    shared = 0
    while shared < len(base) and shared < len(parts) - 1 and base[shared] == parts[shared]:
        shared += 1
    rel = "../" * (len(base) - shared) + "/".join(parts[shared:])
    return rel or "./"


@dataclass(frozen=True)
class Page:
    """A generated Markdown page: ``template`` rendered with ``context``."""

    dest: str
    url: str
    template: str
    context: Mapping[str, object]


@dataclass(frozen=True)
class File:
    """A file whose text is already final (hand-written pages, data exports); bytes
    for one already encoded (papers.json, joined from encoded lines)."""

    dest: str
    text: str | bytes


class Kept:
    """A page whose inputs equal those of the run that wrote it (see `plan_site`'s
    ``previous``): the file on disk is already right, so nothing is built or rendered.

    A plain class with a slot, not a frozen dataclass: a rerun at 10,000 papers plans
    some 10,000 of them, and a frozen dataclass's ``__init__`` cost twice as much."""

    __slots__ = ("dest",)

    def __init__(self, dest: str) -> None:
        self.dest = dest

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Kept):
            return NotImplemented
        return self.dest == other.dest

    def __hash__(self) -> int:
        return hash(("Kept", self.dest))

    def __repr__(self) -> str:
        return f"Kept(dest={self.dest!r})"


@dataclass(frozen=True)
class HandPage:
    """A hand-written Markdown page from `content/pages/`, carried into the site as is."""

    name: str  # the file name without .md
    text: str
    source: Location


# Downloads linked from the home page when the exports hold them: (label, dest).
EXPORT_LINKS: tuple[tuple[str, str], ...] = (
    ("JSON", PAPERS_JSON),
    ("BibTeX", "papers.bib"),
    ("CSV", "papers.csv"),
    ("Atom feed", "feed.xml"),
)


def topic_exports(topic_id: str) -> tuple[tuple[str, str], ...]:
    """A topic's export files: (link label, path relative to the site root)."""
    return (("BibTeX", f"topics/{topic_id}.bib"), ("Atom feed", f"topics/{topic_id}.xml"))


def page_clash(name: str, taken: Iterable[str]) -> str:
    """Why a hand-written page ``name``.md cannot be in a site that has the files
    ``taken`` (docs paths): another is served at its address, a file has its folder's
    name (feed.xml.md next to feed.xml: MkDocs stops on the folder it cannot make), or
    MkDocs would leave it out (a dot-name); "" when it can."""
    if name.startswith("."):
        # (MkDocs leaves such a file out, by its default exclude_docs, and the
        # navigation would lead to no page.)
        return f"MkDocs leaves out a page whose name starts with a dot ({name}.md); rename the file"
    served = _served_at(f"{name}.md")
    # (Only the few names that can clash are looked up: a large list has 10,000 paper
    # pages, planned again on every rerun under serve.) A page's folder may hold other
    # files (schema.md beside schema/*.json): only a file where the folder would be,
    # such as feed.xml for feed.xml.md, stops MkDocs.
    same = {f"{served}index.md", f"{served}README.md", f"{name}.md"}
    # (Each of these few names looked up in the list, at C speed, not each of its
    # 10,000 names compared in Python: 1.5 ms a hand page on every rerun.)
    taken = list(taken)  # (read twice)
    clashes = sorted(
        dest for dest in (*same, served[:-1])
        if (dest in taken or dest in SITE_OWN_FILES)
        and ((dest in same and _served_at(dest) == served) or dest == served[:-1])
    )
    if clashes:
        dest = clashes[0]  # (the same one every time)
        return (
            f"the page {name}.md would be served at /{served}, where the site has"
            f" {'its own ' if dest == f'{name}.md' else ''}{dest}; rename the file"
        )
    mine = spelling_key(f"{name}.md")
    # A page's name has no "/", and a path's spelling keeps its "/" and makes none
    # (tests/test_pages.py): only the top folder's files, and a folder's index page
    # served at the top, can be at its address in another spelling. (Keyed whole, the
    # 10,000 paper pages cost each hand page 3 ms on every rerun.)
    near = taken if "/" in mine else [dest for dest in taken if "/" not in dest or dest.endswith(_INDEXES)]
    # The same address in another spelling: a file system that ignores case and
    # Unicode's forms (macOS's, Windows') takes Papers/index.html for papers/index.html,
    # which MkDocs writes both, the last over the first (a page lost without a word),
    # and the folder Feed.xml/ for the file feed.xml, where MkDocs stops. (A page at the
    # top is the same file name, said below.)
    at = spelling_key(served)
    variant = served and min((dest for dest in (*near, *SITE_OWN_FILES) if _served_as_folder(dest) == at), default=None)
    if variant:
        page = variant.endswith(".md")
        there = _served_at(variant) if page else f"{variant}/"
        return (
            f"the page {name}.md would be served at /{served}, where the site has {variant}"
            f"{f', served at /{there}' if page else ''}, the same address {_spelled_apart(there, served)};"
            " rename the file"
        )
    # A file name another spelling of which the site has (About.md beside about.md,
    # Index.md beside the home page's index.md): a file system that ignores case and
    # Unicode's forms holds the two as one file, and the build refuses to write them.
    twin = min((dest for dest in near if "/" not in dest and spelling_key(dest) == mine), default=None)
    if twin is None:
        return ""
    return (
        f"the site has {twin}, the same file name as {name}.md"
        f" {_spelled_apart(twin, f'{name}.md')}; rename the file"
    )


# The docs files MkDocs serves at their folder's address (_served_at).
_INDEXES = ("/index.md", "/README.md")


def _served_as_folder(dest: str) -> str | None:
    """The spelling key of the folder address ``dest`` takes: a top file's (not a page)
    as the folder it stands where, a folder's index page's as its address; None for
    any other file."""
    if "/" not in dest:
        return None if dest.endswith(".md") else spelling_key(f"{dest}/")
    # (A deeper folder's index keeps its "/" in the key: it is no top address.)
    return spelling_key(_served_at(dest)) if dest.endswith(_INDEXES) else None


def _spelled_apart(one: str, other: str) -> str:
    """How two spellings of one file name differ to a file system that ignores case and
    Unicode's forms (spelling_key gives them the same key)."""
    if one.casefold() == other.casefold():
        return "to macOS and Windows, which ignore case"
    return "to macOS, its accented letter written another way (Unicode composes it or not)"


# What MkDocs and Material write at the site's top beside the pages and the exports.
SITE_OWN_FILES = ("404.html", "index.html", "sitemap.xml", "sitemap.xml.gz")


def _served_at(dest: str) -> str:
    """The URL MkDocs serves a docs file at (``use_directory_urls``)."""
    if not dest.endswith(".md"):
        return dest
    folder, _, name = dest[: -len(".md")].rpartition("/")
    folder = folder + "/" if folder else ""
    if name in ("index", "README"):  # MkDocs serves a README.md as its folder's index
        return folder
    return f"{folder}{name}/"
