"""The page plan: every output file of the docs folder, its URL and what goes on it.

This is the only module that decides destinations and URLs. It turns the model
(`models.Site`) into `Page`s (a template plus a small, typed view of what the
template shows) and `File`s (text carried as is), and the site navigation. Every link
between generated pages is computed here, relative to the page that holds it, so the
site works under any base path. No I/O and no rendering happen here.

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

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Mapping, Sequence
from urllib.parse import quote

from .errors import Location, Problems
from .escape import safe_url
from .repositories import short_count
from .models import CODE_HOSTS, Link, Paper, RelatedPaper, Site, Topic, TopicAssignment

# (coins and terms, which bring the BibTeX and stemming libraries, are imported where
# a page needs them: `readinglist check` imports this module for the addresses alone.)

HOME = ""
TOPICS = "topics/"
ALL_PAPERS = "papers/"
REFERENCE_DEST = "curation-reference.md"
PAPERS_JSON = "papers.json"
# The icon stylesheet; mkdocs.yml lists it in extra_css.
ICON_STYLESHEET = "assets/readinglist-icons.css"
RECENT_COUNT = 10

STATUS_LABELS = {
    "must-read": "Must read",
    "classic": "Classic",
    "to-read": "To read",
    "reference": "Reference",
}
HOST_LABELS = {
    "github": "GitHub",
    "gitlab": "GitLab",
    "bitbucket": "Bitbucket",
    "huggingface": "Hugging Face",
    "codeberg": "Codeberg",
}
assert set(HOST_LABELS) == set(CODE_HOSTS)


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
    if paper_id.casefold() in ("index", "readme"):
        return dest_of(paper_url(paper_id))
    return f"papers/{paper_id}.md"


# The reading log's map of old paper ids to new ones (see read-marks.js), written only
# for a list with renamed papers; overrides/main.html loads it then.
FORMERLY_SCRIPT = "assets/readinglist-formerly.js"


def renamed(site: Site) -> dict[str, str]:
    """Each id a paper had before a rename (its `formerly:`) -> the paper's id now."""
    return {old: paper.id for paper in site.papers for old in paper.former_ids}


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


# --- What templates see -----------------------------------------------------------------
# Small frozen views: text fields hold curator text as written (templates escape it);
# every href is final (relative and, for external links, checked to be http(s)).


@dataclass(frozen=True)
class Badge:
    """One link in a paper's badge row. ``kind`` names its CSS modifier and ``icon``."""

    kind: str  # code, data, project, paper, arxiv, doi, pdf, slides, video, search
    href: str
    label: str
    icon: str
    description: str  # the accessible name: what the link is, in words
    official: bool = False
    note: str = ""
    stars: str = ""  # GitHub's star count, short ("1.2k"), when content/repositories.yml has it
    archived: bool = False  # GitHub said the repository is archived (read-only)
    gone: bool = False  # GitHub had no such repository when it was asked
    mark: str = ""  # a word after the label: what a dataset's badge names ("dataset", "model")


@dataclass(frozen=True)
class PaperRef:
    href: str
    title: str
    year: int | None
    code: Badge | None  # the paper's first code repository, for tables
    summary: str = ""  # the curator's one sentence, for tables and the home page
    byline: str = ""  # "A et al." (Paper.brief_byline), for tables
    where: str = ""  # "NeurIPS" (Paper.where), for tables


@dataclass(frozen=True)
class TopicRef:
    href: str
    title: str
    reason: str = ""
    count: int = 0


@dataclass(frozen=True)
class TopicCard:
    topic: TopicRef
    parent: str = ""  # the broader topic's title, for a sub-topic
    description: str = ""  # the topic's (Markdown): the card shows its first sentence
    subtopics: int = 0  # how many topics name this one their parent
    # Papers of its sub-topics (at any depth) that are not its own: the card says so, as
    # its count leaves them out ("15 papers" read as the whole of a broader topic).
    more_below: int = 0


@dataclass(frozen=True)
class RelatedRef:
    paper: PaperRef
    terms: tuple[str, ...]
    by_curator: bool


@dataclass(frozen=True)
class Neighbours:
    """Where a paper sits in one topic's reading order."""

    topic: TopicRef
    position: int  # 1-based
    total: int
    start_here: bool  # among the topic's start-here papers (curated), not the table's rest
    previous: PaperRef | None
    next: PaperRef | None


@dataclass(frozen=True)
class TableRow:
    paper: PaperRef
    topics: tuple[TopicRef, ...] = ()
    # What the all-papers filter reads besides what the row shows: every author's name
    # and the whole venue (the row names the first author; a long venue is cut).
    names: str = ""


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


@dataclass(frozen=True)
class Kept:
    """A page whose inputs equal those of the run that wrote it (see `plan_site`'s
    ``previous``): the file on disk is already right, so nothing is built or rendered."""

    dest: str


@dataclass(frozen=True)
class Layout:
    """What places every paper page in the site, for the next plan (see `_dirty`)."""

    ids: frozenset[str]
    sequences: Mapping[str, tuple[str, ...]]  # topic id -> reading order, then the rest
    topic_shown: Mapping[str, tuple[str, int]]  # topic id -> title, size
    taxonomy: tuple
    # The related papers the pages were made with: the very tuples, so that an unchanged
    # paper's are recognised by identity (None: compare them with the signatures).
    related: Mapping[str, tuple[RelatedPaper, ...]] | None = None
    starts: Mapping[str, int] | None = None  # topic id -> its start-here papers (None: unknown)


@dataclass(frozen=True)
class Plan:
    outputs: tuple[Page | File | Kept, ...]
    nav: list = field(default_factory=list)  # MkDocs `nav`, paths relative to docs
    # dest -> everything that page's text is made from, for the next run's ``previous``.
    signatures: Mapping[str, tuple] = field(default_factory=dict)
    layout: Layout | None = None  # for the next run's ``layout``


@dataclass(frozen=True)
class HandPage:
    """A hand-written Markdown page from `content/pages/`, carried into the site as is."""

    name: str  # the file name without .md
    text: str
    source: Location


# --- Building the views -------------------------------------------------------------------


_SCHEME = re.compile(r"^https?://", re.IGNORECASE)


def _code_badge(link: Link) -> Badge | None:
    href = safe_url(link.url)
    if href is None:
        return None
    host = link.host if link.host in HOST_LABELS else ""
    # A link that is no repository is labelled by its address without the scheme: a
    # screen reader spelt "h t t p s colon slash slash", and a table column broke after
    # "https:/".
    label = link.repo or _SCHEME.sub("", href).rstrip("/")
    where = f" on {HOST_LABELS[host]}" if host else ""  # (an unknown host is in the label)
    # The word the badge shows after the name, right after it in the name too: a speech
    # user says what they see, and a word in brackets is read as an aside (axe's
    # label-in-name left "(official)" out and found "THUDM/T1 official" missing).
    official = ", official" if link.official else ""
    stats = link.stats
    said = ""
    if stats is not None and stats.gone:
        # ("not found" is what the badge shows: the name holds the words seen.)
        said = f"; not found: GitHub had no such repository on {stats.checked.isoformat()} (deleted, private or renamed)"
    elif stats is not None:
        # The day GitHub was asked: a star count is a figure of that day, not of today.
        count = f"{stats.stars:,} star{'' if stats.stars == 1 else 's'}"
        said = f"; {count} on {stats.checked.isoformat()}" + ("; archived (read-only)" if stats.archived else "")
    return Badge(
        kind="code",
        href=href,
        label=label,
        icon=host or "code",
        description=f"Code{where}: {label}{official}{said}",
        official=link.official,
        note=link.note,
        stars=short_count(stats.stars) if stats is not None and not stats.gone else "",
        archived=stats is not None and stats.archived,
        gone=stats is not None and stats.gone,
    )


# Where a dataset or model is kept, by the host `links.classify` names.
_DATA_HOSTS = {"huggingface": "Hugging Face", "kaggle": "Kaggle"}


def _data_badge(link: Link) -> Badge | None:
    """A dataset's or model's badge: on Hugging Face or Kaggle named as a repository is
    ("lab/corpus"), elsewhere "Data"."""
    href = safe_url(link.url)
    if href is None:
        return None
    what, _, name = link.repo.partition("/")
    if what not in _DATA_WORDS.get(link.host, ()):  # (Hugging Face's models have no prefix)
        what, name = "models", link.repo
    if link.host not in _DATA_HOSTS or not name:
        return Badge("data", href, "Data", "data", "Data", note=link.note)
    # Hugging Face's own icon on its badges, as on its code badges; Kaggle's is a word
    # that no badge's size can show.
    icon = "huggingface" if link.host == "huggingface" else "data"
    word = _DATA_WORDS[link.host][what]
    # (Marked in words: its "owner/name" looks like a code badge's.)
    return Badge(
        "data", href, name, icon, f"{word.title()} on {_DATA_HOSTS[link.host]}: {name}", note=link.note, mark=word
    )


# What a repository on those hosts is, by its address's first part. (On Hugging Face a
# first part "competitions" is an owner's name.)
_DATA_WORDS = {
    "huggingface": {"datasets": "dataset", "models": "model", "spaces": "space"},
    "kaggle": {"datasets": "dataset", "models": "model", "competitions": "competition"},
}


def _badges(paper: Paper) -> tuple[Badge, ...]:
    badges: list[Badge] = []
    # The official repository first (as the tables' code column shows it), the others in
    # the curator's order: a port listed above it led the row of badges.
    for link in sorted(paper.code, key=lambda link: not link.official):
        badge = _code_badge(link)
        if badge:
            badges.append(badge)
    badges += filter(None, map(_data_badge, paper.links_of("data")))
    for link in paper.links_of("project"):
        href = safe_url(link.url)
        if href:
            badges.append(
                Badge("project", href, "Project page", "project", "Project page", note=link.note)
            )
    if paper.arxiv:
        href = f"https://arxiv.org/abs/{quote(paper.arxiv, safe='/.')}"
        badges.append(
            Badge("arxiv", href, f"arXiv {paper.arxiv}", "arxiv", f"arXiv {paper.arxiv} (abstract page)")
        )
    if paper.doi:
        href = f"https://doi.org/{quote(paper.doi, safe='/:;()._-')}"
        badges.append(Badge("doi", href, f"DOI {paper.doi}", "doi", f"DOI {paper.doi} (publisher's page)"))
    for link in paper.links_of("paper"):
        href = safe_url(link.url)
        if href:
            badges.append(Badge("paper", href, "Paper", "paper", "The paper", note=link.note))
    for link in paper.links_of("pdf"):
        href = safe_url(link.url)
        if href:
            badges.append(Badge("pdf", href, "PDF", "pdf", "PDF", note=link.note))
    for kind, label, description in (("slides", "Slides", "Slides or poster"), ("video", "Video", "Video")):
        for link in paper.links_of(kind):
            href = safe_url(link.url)
            if href:
                badges.append(Badge(kind, href, label, kind, description, note=link.note))
    title = quote(" ".join(paper.title.split()), safe="")
    # Searches say they are searches: a reader took "Hugging Face Papers" for the
    # paper's own page there. Without a code link, GitHub is where a reader looks next:
    # its repository search reads names and descriptions only, unless told to read the
    # README too, where a paper's own code names the paper.
    if not any(b.kind == "code" for b in badges):
        where = quote(" in:name,description,readme", safe="")
        badges.append(
            Badge(
                "search",
                f"https://github.com/search?q={title}{where}&type=repositories",
                "Search GitHub",
                "search",
                "Search GitHub for repositories whose name, description or README holds the"
                " words of this title (the list links no code)",
            )
        )
    badges.append(
        Badge(
            "search",
            "https://huggingface.co/papers?q=" + title,
            "Search Hugging Face",
            "search",
            "Search Hugging Face Papers for this title",
        )
    )
    return tuple(badges)


def _first_code(paper: Paper) -> Badge | None:
    links = sorted(paper.code, key=lambda link: not link.official)  # stable: official first
    for link in links:
        badge = _code_badge(link)
        if badge:
            return badge
    return None


def _reason(assignment: TopicAssignment, paper: Paper) -> str:
    if assignment.by == "curator":
        return "chosen by the curator"
    if assignment.by == "reading order":
        return "in this topic's reading order, chosen by the curator"
    # Quoted: the words the paper holds, not a sentence ("matched a benchmark" read as if
    # the paper had matched one). ASCII quotes: a character beyond Latin-1 makes Python
    # hold the whole page's text at two bytes a character, and MkDocs holds every page
    # (typographic quotes here cost a 10,000-paper build 135 MB more memory).
    from .terms import Spellings

    spelled = Spellings(f"{paper.title}\n{paper.abstract}") if assignment.terms else None

    def quoted(term: str) -> str:
        # A keyword's words as the paper writes them ("RLHF" for the keyword "rlhf"),
        # and the parts of one that matches only whole ("reinforcement learning + llm":
        # both somewhere in the paper) joined by a word, not a sign the page never
        # explains.
        # Only a keyword of one word is looked up: capitals of a word's own are an
        # initialism's or a name's, and a phrase ("reinforcement learning") is neither
        # (looking every word up cost a cold build of 10,000 papers 0.5 s). A word the
        # paper gives no capitals of its own stays as the curator typed it.
        assert spelled is not None

        def word(typed: str) -> str:
            if " " in typed:
                return typed
            shown = spelled.shown(typed.lower())
            return typed if shown == typed.lower() else shown

        return " with ".join(f'"{word(part)}"' for part in term.split(" + "))

    terms = ", ".join(quoted(term) for term in _distinct_terms(assignment.terms))
    if assignment.by == "fallback":
        # Checked before the terms: a fallback topic carries the terms of its best score,
        # but no rule reached its threshold, and the reader should know that.
        return "closest topic, a weak match" + (f": {terms}" if terms else "")
    if terms:
        return "matched " + terms
    return "matched by rules"


def _distinct_terms(terms: Sequence[str]) -> list[str]:
    """The terms, less each one that a longer term holds as words ("multi-task" when
    "multi-task learning" is there too): the reader sees each match once."""
    lowered = [t.lower() for t in terms]
    return [
        term
        for term, low in zip(terms, lowered)
        if not any(low != other and f" {low} " in f" {other} " for other in lowered)
    ]


def _table_order(paper: Paper) -> tuple[int, int, str, str]:
    # Newest first; undated papers last; then by title, then id for a total order.
    year = paper.year if paper.year is not None else -1
    return (year == -1, -year, paper.title.casefold(), paper.id)


@dataclass(frozen=True)
class _Index:
    """Lookups shared by every page; built once per plan."""

    papers: Mapping[str, Paper]
    topics: Mapping[str, Topic]
    members: Mapping[str, tuple[str, ...]]  # topic id -> paper ids in table order
    sequences: Mapping[str, tuple[str, ...]]  # topic id -> reading order then the rest
    positions: Mapping[str, Mapping[str, int]]  # paper id -> topic id -> index in sequence
    code: Mapping[str, Badge | None]  # paper id -> first code badge
    topics_of: Mapping[str, tuple[str, ...]]  # paper id -> its (known) topic ids
    # For signatures (see `_paper_signature`): paper id -> what a link or a table row
    # shows or filters of it (`_shown`); the whole taxonomy as other pages show it.
    shown: Mapping[str, tuple] = field(default_factory=dict)
    topic_shown: Mapping[str, tuple[str, int]] = field(default_factory=dict)  # title, size
    taxonomy: tuple = ()
    starts: Mapping[str, int] = field(default_factory=dict)  # topic id -> start-here papers
    refs: dict[tuple, object] = field(default_factory=dict)  # see _paper_ref


def _index(site: Site) -> _Index:
    papers = {p.id: p for p in site.papers}
    topics = {t.id: t for t in site.topics}
    members: dict[str, list[Paper]] = {t.id: [] for t in site.topics}
    topics_of: dict[str, tuple[str, ...]] = {}
    for paper in site.papers:
        assigned = [a.topic for a in site.assignments.get(paper.id, ()) if a.topic in members]
        topics_of[paper.id] = tuple(dict.fromkeys(assigned))
        for topic_id in topics_of[paper.id]:
            members[topic_id].append(paper)
    ordered = {
        tid: tuple(p.id for p in sorted(ps, key=_table_order)) for tid, ps in members.items()
    }
    sequences: dict[str, tuple[str, ...]] = {}
    starts: dict[str, int] = {}
    for topic in site.topics:
        start = [pid for pid in dict.fromkeys(topic.reading_order) if pid in papers]
        chosen = set(start)
        rest = [pid for pid in ordered[topic.id] if pid not in chosen]
        sequences[topic.id] = tuple(start + rest)
        starts[topic.id] = len(start)
    positions: dict[str, dict[str, int]] = {pid: {} for pid in papers}
    for topic_id, sequence in sequences.items():
        for n, pid in enumerate(sequence):
            positions[pid][topic_id] = n
    code = {p.id: _first_code(p) for p in site.papers}
    shown = {p.id: _shown(p, code[p.id]) for p in site.papers}
    topic_shown = {t.id: (t.title, len(ordered[t.id])) for t in site.topics}
    taxonomy = tuple((t.id, t.title, t.parent, len(ordered[t.id])) for t in site.topics)
    return _Index(
        papers, topics, ordered, sequences, positions, code, topics_of, shown, topic_shown, taxonomy,
        starts,
    )


def _parent(url: str) -> str:
    return url[: url.rstrip("/").rfind("/") + 1]


def _paper_ref(index: _Index, here: str, paper_id: str) -> PaperRef:
    # A link from a page to a page outside its own folder depends only on the folder the
    # page sits in (papers/a/ and papers/b/ both link papers/c/ as ../c/), so each
    # paper's ref is made once per folder: 10,000 paper pages link ~130,000 times.
    url = paper_url(paper_id)
    key = (_parent(here), paper_id)
    ref = index.refs.get(key) if not url.startswith(here) else None
    if ref is None:
        paper = index.papers[paper_id]
        ref = PaperRef(
            relative(here, url), paper.title, paper.year, index.code[paper_id], " ".join(paper.summary.split()),
            paper.brief_byline, paper.where,
        )
        if not url.startswith(here):
            index.refs[key] = ref
    return ref


def _topic_ref(index: _Index, here: str, topic_id: str, reason: str = "") -> TopicRef:
    url = topic_url(topic_id)
    key = (_parent(here), topic_id, reason)
    ref = index.refs.get(key) if not url.startswith(here) else None
    if ref is None:
        topic = index.topics[topic_id]
        ref = TopicRef(relative(here, url), topic.title, reason, len(index.members[topic_id]))
        if not url.startswith(here):
            index.refs[key] = ref
    return ref


def _neighbours(index: _Index, here: str, paper_id: str) -> tuple[Neighbours, ...]:
    found: list[Neighbours] = []
    for topic_id, n in index.positions[paper_id].items():
        sequence = index.sequences[topic_id]
        if len(sequence) < 2:
            continue  # the topic's only paper: no previous or next to show
        found.append(
            Neighbours(
                topic=_topic_ref(index, here, topic_id),
                position=n + 1,
                total=len(sequence),
                start_here=n < index.starts[topic_id],
                previous=_paper_ref(index, here, sequence[n - 1]) if n > 0 else None,
                next=_paper_ref(index, here, sequence[n + 1]) if n + 1 < len(sequence) else None,
            )
        )
    return tuple(found)


# Where `_paper_signature` keeps what `_dirty` reads.
_SIG_PAPER, _SIG_ASSIGNED, _SIG_RELATED, _SIG_BIBTEX = 0, 1, 2, 6


def _related_view(related: Sequence[RelatedPaper]) -> list:
    # The page shows no score: a change of score alone (another paper's abstract
    # moved the weights a little) must not rebuild it.
    return [(r.paper, r.terms, r.by_curator) for r in related]


def _paper_signature(site: Site, index: _Index, paper: Paper, bibtex: str) -> tuple:
    """Everything `_paper_page` reads, in a form that is cheap to build and compare.

    Two runs that give a paper equal signatures give its page the same context, so the
    page need not be built, rendered or written again. It holds the paper itself, its
    topic assignments and related papers, what the pages show of each paper it links to
    (`_shown`: title, year, code badge and more), and each topic's title, size and the paper's place in
    its reading order. Keep it in step with `_paper_page`: tests/test_build.py compares
    incremental runs after many kinds of edit with clean ones.
    """
    # Lists and comprehensions rather than generator expressions: this runs for every
    # paper on every run, and equality compares lists as it does tuples.
    pid = paper.id
    shown, topic_shown = index.shown, index.topic_shown
    related = site.related.get(pid, ())
    assigned = site.assignments.get(pid, ())
    linked = [shown.get(r.paper) for r in related]
    placed = []
    for topic_id, n in index.positions[pid].items():
        sequence = index.sequences[topic_id]
        previous = sequence[n - 1] if n > 0 else None
        following = sequence[n + 1] if n + 1 < len(sequence) else None
        placed.append((topic_id, n, len(sequence), n < index.starts[topic_id], previous, following))
        linked.append(shown.get(previous) if previous is not None else None)
        linked.append(shown.get(following) if following is not None else None)
    return (
        paper,
        assigned,
        _related_view(related),
        placed,
        linked,
        [topic_shown.get(a.topic) for a in assigned] + [topic_shown.get(t[0]) for t in placed],
        bibtex,
    )


def _shown(paper: Paper, code: object = None) -> tuple:
    """What the pages that list or link a paper show or filter of it (see `_paper_ref`
    and `_all_papers_page`): ``code`` is its first code badge, where known."""
    return (paper.title, paper.year, paper.links, code, paper.summary, paper.authors, paper.venue, paper.publisher)


@dataclass(frozen=True)
class _Dirty:
    papers: set[str]  # the papers whose page may have changed
    listing: bool  # whether the all-papers page may have changed


def _dirty(
    site: Site,
    index: _Index,
    bibtex: Mapping[str, str],
    previous: Mapping[str, tuple],
    layout: Layout | None,
) -> _Dirty | None:
    """Which pages may differ from the ones whose signatures are in ``previous``,
    planned with ``layout``; None when every signature must be computed.

    It answers without computing the 10,000 signatures of a large list. A paper page
    shows (see `_paper_signature`) its paper, assignments, related papers and BibTeX
    entry; its place in each topic's sequence; each topic's title and size; and the
    what it shows of each paper it links to (`_shown`: related, previous, next). While
    the papers, the topics and their sizes are as in ``layout``, a page can change
    only if one of its own inputs changed, its place in a sequence changed, or a
    paper it links to changed what `_shown` holds. Its own inputs are read from
    its previous signature: they are mostly the very objects of this run (the file
    cache, the topic and BibTeX memos), so comparing costs a pointer check each.
    tests/test_pages.py checks this answer against the signatures themselves after
    random edits.
    """
    if (
        layout is None
        or layout.topic_shown != index.topic_shown
        or layout.taxonomy != index.taxonomy
        or layout.ids != index.papers.keys()
        or layout.sequences.keys() != index.sequences.keys()
        or layout.starts is None
    ):
        return None
    changed: set[str] = set()
    for topic_id, sequence in index.sequences.items():
        old_sequence = layout.sequences[topic_id]
        old_start, start = layout.starts.get(topic_id, 0), index.starts[topic_id]
        if old_start != start:
            # A paper added to (or taken from) the start-here papers, whose place in the
            # sequence may be the same: the papers between the two ends say "start
            # here" or not anew.
            changed.update(sequence[min(old_start, start) : max(old_start, start)])
            changed.update(old_sequence[min(old_start, start) : max(old_start, start)])
        if old_sequence == sequence:
            continue
        if len(old_sequence) != len(sequence):  # implied by topic_shown (the size), today
            return None  # every page of the topic shows the new total
        # A retitled paper moves within the table order: the papers whose place
        # ("n of N") or previous or next paper changed are those whose window of three
        # differs.
        for n, pid in enumerate(sequence):
            if old_sequence[max(n - 1, 0) : n + 2] != sequence[max(n - 1, 0) : n + 2]:
                changed.add(pid)
    shown: set[str] = set()  # papers whose `_shown` changed
    listing = False
    before = layout.related
    for pid, paper in index.papers.items():
        signature = previous.get(paper_dest(pid))
        if signature is None:
            # Its page is gone or was touched, and with it what the paper was: whether
            # the pages linking to it show it as before is unknown.
            return None
        old = signature[_SIG_PAPER]
        if old is not paper and old != paper:
            changed.add(pid)
            if _shown(old) != _shown(paper):
                shown.add(pid)
        assigned = site.assignments.get(pid, ())
        if signature[_SIG_ASSIGNED] is not assigned and signature[_SIG_ASSIGNED] != assigned:
            changed.add(pid)
            listing = True  # its topics column may differ
        text = bibtex.get(pid, "")
        if signature[_SIG_BIBTEX] is not text and signature[_SIG_BIBTEX] != text:
            changed.add(pid)
        related = site.related.get(pid, ())
        if before is None or before.get(pid) is not related:
            if signature[_SIG_RELATED] != _related_view(related):
                changed.add(pid)
    if shown:
        listing = True
        for pid, related in site.related.items():
            if any(r.paper in shown for r in related):
                changed.add(pid)
        for pid in shown:
            for topic_id, n in index.positions[pid].items():
                sequence = index.sequences[topic_id]
                changed.update(sequence[max(n - 1, 0) : n + 2])
    return _Dirty(changed, listing)


def _paper_page(site: Site, index: _Index, paper: Paper, bibtex: str) -> Page:
    from .coins import coins

    here = paper_url(paper.id)
    assigned = [a for a in site.assignments.get(paper.id, ()) if a.topic in index.topics]
    related: Sequence[RelatedPaper] = site.related.get(paper.id, ())
    badges = _badges(paper)
    context = {
        "paper": paper,
        "status": STATUS_LABELS.get(paper.status, paper.status),
        "badges": badges,
        "no_code": not any(b.kind == "code" for b in badges),
        "topics": tuple(_topic_ref(index, here, a.topic, _reason(a, paper)) for a in assigned),
        # Beside each topic: the paper's place among its start-here papers, if it is one
        # (what a curator says first; the reading-order section below says it too).
        "start_here": tuple(
            n + 1 if (n := index.positions[paper.id].get(a.topic, -1)) >= 0
            and n < index.starts[a.topic] else None
            for a in assigned
        ),
        "related": tuple(
            RelatedRef(_paper_ref(index, here, r.paper), r.terms, r.by_curator)
            for r in related
            if r.paper in index.papers
        ),
        "neighbours": _neighbours(index, here, paper.id),
        "bibtex": bibtex,
        "coins": coins(paper),
        "all_papers": relative(here, ALL_PAPERS),
    }
    return Page(paper_dest(paper.id), here, "paper.md", context)


def _topic_signature(index: _Index, topic: Topic, exports: tuple) -> tuple:
    """Everything `_topic_page` reads (see `_paper_signature`)."""
    return (
        topic,
        index.taxonomy,
        tuple((pid, index.shown[pid]) for pid in topic.reading_order if pid in index.shown),
        tuple((pid, index.shown[pid], index.topics_of[pid]) for pid in index.members[topic.id]),
        exports,
    )


def _all_papers_signature(site: Site, index: _Index) -> tuple:
    """Everything `_all_papers_page` reads (see `_paper_signature`)."""
    rows = sorted(site.papers, key=_table_order)
    return (index.taxonomy, tuple((p.id, index.shown[p.id], index.topics_of[p.id]) for p in rows))


def _topic_page(index: _Index, topic: Topic) -> Page:
    here = topic_url(topic.id)
    members = index.members[topic.id]
    with_code = sum(1 for pid in members if index.code[pid] is not None)
    shared = Counter(
        other for pid in members for other in index.topics_of[pid] if other != topic.id
    )
    related_topics = sorted(
        shared.items(), key=lambda item: (-item[1], index.topics[item[0]].title.casefold(), item[0])
    )
    context = {
        "topic": topic,
        "parent": _topic_ref(index, here, topic.parent) if topic.parent in index.topics else None,
        "subtopics": tuple(
            _topic_ref(index, here, t.id) for t in index.topics.values() if t.parent == topic.id
        ),
        "start_here": tuple(
            _paper_ref(index, here, pid)
            for pid in dict.fromkeys(topic.reading_order)
            if pid in index.papers
        ),
        "papers": tuple(_paper_ref(index, here, pid) for pid in members),
        "with_code": with_code,
        "related_topics": tuple(
            (_topic_ref(index, here, tid), count) for tid, count in related_topics[:6]
        ),
        "all_topics": relative(here, TOPICS),
    }
    return Page(dest_of(here), here, "topic.md", context)


def _topic_tree(topics: Sequence[Topic]) -> list[Topic]:
    """Topics in file order, each followed by its sub-topics (depth first)."""
    known = {t.id for t in topics}
    children: dict[str, list[Topic]] = {}
    for topic in topics:
        parent = topic.parent if topic.parent in known and topic.parent != topic.id else ""
        children.setdefault(parent, []).append(topic)
    ordered: list[Topic] = []
    seen: set[str] = set()
    # Depth first without recursion: a chain of 1,000 parents is no reason to stop.
    stack = list(reversed(children.get("", ())))
    while stack:
        topic = stack.pop()
        if topic.id not in seen:
            seen.add(topic.id)
            ordered.append(topic)
            stack.extend(reversed(children.get(topic.id, ())))
    # A cycle of parents (reported by validation) leaves topics unvisited; keep them.
    ordered += [t for t in topics if t.id not in seen]
    return ordered


def _exports_here(
    here: str, files: Mapping[str, str | bytes | None], names: Sequence[tuple[str, str]]
) -> tuple[tuple[str, str], ...]:
    return tuple((label, relative(here, dest)) for label, dest in names if dest in files)


def _home_page(
    site: Site, index: _Index, intro: str, extra: Mapping[str, object], contribute: str | None
) -> Page:
    here = HOME
    with_code = sum(1 for badge in index.code.values() if badge is not None)
    # (Ties as in the feeds: by first id, so a rename moves no paper in or out.)
    dated = sorted((p for p in site.papers if p.added is not None), key=lambda p: (p.first_id, p.id))
    dated.sort(key=lambda p: p.added, reverse=True)  # type: ignore[arg-type, return-value]
    context = {
        "intro": intro,
        "paper_count": len(site.papers),
        "topic_count": len(site.topics),
        "with_code": with_code,
        "cards": _topic_cards(index, here, site.topics),
        "recent": tuple((_paper_ref(index, here, p.id), p.added) for p in dated[:RECENT_COUNT]),
        # How many share the newest date: more than are listed, the list is a sample.
        "same_day": sum(1 for p in dated if p.added == dated[0].added) if dated else 0,
        "all_papers": relative(here, ALL_PAPERS),
        "all_topics": relative(here, TOPICS),
        "contribute": relative(here, contribute) if contribute is not None else None,
        "exports": _exports_here(here, extra, EXPORT_LINKS),
    }
    return Page(dest_of(here), here, "home.md", context)


def _topic_cards(index: _Index, here: str, topics: Sequence[Topic]) -> tuple[TopicCard, ...]:
    """A card per topic, in the taxonomy's order; a sub-topic's card names its parent
    (the cards are one grid: "Prompt-based continual learning" read as a topic of its own).
    ("A sub-topic of", not "in": a topic's papers are its own, its sub-topics' are not
    among them; so a broader topic's card says it has sub-topics, and how many more
    papers they hold, which its count leaves out.)"""
    def parent_of(t: Topic) -> str:
        return t.parent if t.parent in index.topics and t.parent != t.id else ""

    children: dict[str, list[str]] = {}
    for t in topics:
        children.setdefault(parent_of(t), []).append(t.id)

    def more_below(topic_id: str) -> int:
        below: set[str] = set()
        seen, stack = {topic_id}, list(children.get(topic_id, ()))
        while stack:  # (a cycle of parents, reported by check, ends here too)
            child = stack.pop()
            if child not in seen:
                seen.add(child)
                below.update(index.members[child])
                stack.extend(children.get(child, ()))
        return len(below.difference(index.members[topic_id]))

    return tuple(
        TopicCard(
            _topic_ref(index, here, t.id),
            index.topics[parent_of(t)].title if parent_of(t) else "",
            t.description,
            len(children.get(t.id, ())),
            more_below(t.id) if t.id in children else 0,
        )
        for t in _topic_tree(topics)
    )


def _topics_page(index: _Index, topics: Sequence[Topic]) -> Page:
    here = TOPICS
    context = {
        "cards": _topic_cards(index, here, topics),
        "all_papers": relative(here, ALL_PAPERS),
    }
    return Page(dest_of(here), here, "topics.md", context)


# A long All papers table ships its rows past the first ALL_PAPERS_FIRST in a second
# body, which the page hides while scripts run (overrides/main.html, readinglist.css):
# the filter (table-filter.js) shows that many rows and a button for the rest anyway,
# and hidden rows are neither styled nor laid out. At 10,000 rows styling and laying out
# the whole table, again after each change Material made to the page, took 12 of the
# 14 s before the filter showed. Without scripts every row shows. These are the
# filter's LIMIT and WHOLE: a list of up to ALL_PAPERS_WHOLE rows is shown whole.
ALL_PAPERS_FIRST = 200
ALL_PAPERS_WHOLE = 2000


def _all_papers_page(site: Site, index: _Index) -> Page:
    here = ALL_PAPERS
    rows = tuple(
        TableRow(
            _paper_ref(index, here, p.id),
            tuple(_topic_ref(index, here, t) for t in index.topics_of[p.id]),
            p.filter_names,
        )
        for p in sorted(site.papers, key=_table_order)
    )
    with_code = sum(1 for badge in index.code.values() if badge is not None)
    refs = [row.paper for row in rows]
    dated = any(ref.year is not None for ref in refs)
    authors, venues = any(ref.byline for ref in refs), any(ref.where for ref in refs)
    # The words the filter's placeholder offers: those the list has. (It also reads
    # summaries, which a list of authors and venues leaves unnamed: the box holds five
    # words whole on a phone.)
    said = [
        "title",
        *(["author"] if authors else []),
        *(["venue"] if venues else []),
        *(["summary"] if any(ref.summary for ref in refs) and not (authors and venues) else []),
        "topic",
        *(["year"] if dated else []),
    ]
    # The filter reads a code badge's owner/name too ("code": a word as long as "year",
    # which the box's widest placeholder ends with).
    if with_code and len(said) < 5:
        said.append("code")
    first = len(rows) if len(rows) <= ALL_PAPERS_WHOLE else ALL_PAPERS_FIRST
    context = {"rows": rows, "first": first, "with_code": with_code, "dated": dated, "said": said}
    return Page(dest_of(here), here, "all_papers.md", context)


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


def plan_site(
    site: Site,
    *,
    hand_pages: Sequence[HandPage] = (),
    bibtex: Mapping[str, str],
    papers_json: str | bytes | None,
    reference: str | None = None,
    extra_files: Mapping[str, str | bytes | None] | None = None,
    problems: Problems | None = None,
    previous: Mapping[str, tuple] | None = None,
    layout: Layout | None = None,
) -> Plan:
    """Every output of the docs folder, with the navigation.

    ``hand_pages`` come from `content/pages/`; the one named ``index`` is the home
    page's introduction, the others become pages of their own. ``extra_files`` are
    exports (dest -> text, or None for a file that is current on disk: planned as
    `Kept`) laid out by their own module. A hand-written page whose URL
    another page already has is reported to ``problems`` and left out.

    ``previous`` holds the signatures of pages (see `_paper_signature`) that an earlier
    run wrote with the same templates and that are still on disk as written; a paper,
    topic or all-papers page whose signature is unchanged is planned as `Kept`, without
    building its context. ``layout`` is the earlier run's `Plan.layout`: with it, only
    the signatures of pages that may have changed are computed (see `_dirty`).
    """
    previous = previous or {}
    signatures: dict[str, tuple] = {}
    problems = problems if problems is not None else Problems()
    extra = dict(extra_files or {})
    extra[PAPERS_JSON] = papers_json
    index = _index(site)

    own = [hp for hp in sorted(hand_pages, key=lambda hp: hp.name) if hp.name != "index"]
    intro = next((hp.text for hp in hand_pages if hp.name == "index"), "")
    contribute = "contributing/" if any(hp.name == "contributing" for hp in own) else None

    def unchanged(dest: str, signature: tuple) -> bool:
        signatures[dest] = signature
        return previous.get(dest) == signature

    outputs: list[Page | File | Kept] = [
        _home_page(site, index, intro, extra, contribute),
        _topics_page(index, site.topics),
    ]
    dirty = _dirty(site, index, bibtex, previous, layout)
    dest = dest_of(ALL_PAPERS)
    if dirty is not None and not dirty.listing and dest in previous:
        signatures[dest] = previous[dest]
        outputs.append(Kept(dest))
    elif unchanged(dest, _all_papers_signature(site, index)):
        outputs.append(Kept(dest))
    else:
        outputs.append(_all_papers_page(site, index))
    for topic in site.topics:
        url = topic_url(topic.id)
        exports = tuple(
            (label, relative(url, dest))
            for label, dest in topic_exports(topic.id)
            if dest in extra
        )
        if unchanged(dest_of(url), _topic_signature(index, topic, exports)):
            outputs.append(Kept(dest_of(url)))
            continue
        page = _topic_page(index, topic)
        outputs.append(
            Page(page.dest, page.url, page.template, {**page.context, "exports": exports})
        )
    for paper in sorted(site.papers, key=lambda p: p.id):
        dest = paper_dest(paper.id)
        if dirty is not None and paper.id not in dirty.papers:
            signatures[dest] = previous[dest]  # _dirty: its page is in previous
            outputs.append(Kept(dest))
            continue
        text = bibtex.get(paper.id, "")
        if unchanged(dest, _paper_signature(site, index, paper, text)):
            outputs.append(Kept(dest))
        else:
            outputs.append(_paper_page(site, index, paper, text))
    if reference is not None:
        outputs.append(File(REFERENCE_DEST, reference))

    taken = [o.dest for o in outputs] + list(extra)
    kept_hand: list[HandPage] = []
    for hp in own:
        dest = f"{hp.name}.md"
        clash = page_clash(hp.name, taken)
        if clash:
            problems.error(hp.source, clash)
            continue
        taken.append(dest)
        kept_hand.append(hp)
        outputs.append(File(dest, hp.text))
    outputs.extend(
        File(dest, text) if text is not None else Kept(dest) for dest, text in sorted(extra.items())
    )

    topic_pages = [dest_of(topic_url(t.id)) for t in _topic_tree(site.topics)]
    nav: list = [
        {"Home": dest_of(HOME)},
        # Without topics, a plain page: a section holding only its index page shows an
        # arrow that opens onto nothing.
        {"Topics": [dest_of(TOPICS), *topic_pages] if topic_pages else dest_of(TOPICS)},
        {"All papers": dest_of(ALL_PAPERS)},
    ]
    nav += [f"{hp.name}.md" for hp in kept_hand]
    if reference is not None:
        nav.append(REFERENCE_DEST)
    layout = Layout(
        frozenset(index.papers), index.sequences, index.topic_shown, index.taxonomy, site.related,
        index.starts,
    )
    return Plan(tuple(outputs), nav, signatures, layout)


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
    clashes = sorted(
        dest for dest in (*taken, *SITE_OWN_FILES)
        if (dest in same and _served_at(dest) == served) or dest == served[:-1]
    )
    if not clashes:
        return ""
    dest = clashes[0]  # (the same one every time)
    return (
        f"the page {name}.md would be served at /{served}, where the site has"
        f" {'its own ' if dest == f'{name}.md' else ''}{dest}; rename the file"
    )


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
