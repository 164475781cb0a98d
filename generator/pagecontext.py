"""What each page's template is given: the home page, the topic pages, the all-papers
table and the paper pages, as small typed views whose every link is relative to the
page that holds it (the addresses are pages.py's). No I/O and no rendering happen here.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Callable, Iterable, Mapping, Sequence

from .badges import Badge, first_code, paper_badges, unshown_code
from .models import Paper, RelatedPaper, Site, Topic, TopicAssignment
from .pages import ALL_PAPERS, EXPORT_LINKS, HOME, TOPICS, Page, dest_of, paper_dest, paper_url, relative, topic_url

# (coins and terms, which bring the BibTeX and stemming libraries, are imported where
# a page needs them, so that importing the plan does not load them.)
if TYPE_CHECKING:
    from .terms import Spellings

RECENT_COUNT = 10


@dataclass(frozen=True)
class EarlierDay:
    """The day the home page's recently added papers stop short of: how many papers were
    added on it, and whether it is the day the list began (no paper is older, nor undated)."""

    count: int
    day: date
    began: bool

STATUS_LABELS = {
    "must-read": "Must read",
    "classic": "Classic",
    "to-read": "To read",
    "reference": "Reference",
}


# --- What templates see -----------------------------------------------------------------
# Small frozen views: text fields hold curator text as written (templates escape it);
# every href is final (relative and, for external links, checked to be http(s)).


@dataclass(frozen=True)
class PaperRef:
    href: str
    title: str
    year: int | None
    code: Badge | None  # the paper's first code repository, for tables
    summary: str = ""  # the curator's one sentence, for tables and the home page
    byline: str = ""  # "A et al." (Paper.brief_byline), for tables
    where: str = ""  # "NeurIPS" (Paper.brief_where), for tables


@dataclass(frozen=True)
class ReasonPart:
    text: str
    # A keyword's parts, 'both "math" and "reasoning"': one group, which the page keeps
    # on one line where it fits (a phone's line ended 'both "math" and', its last word
    # below, as if another keyword).
    group: bool = False


@dataclass(frozen=True)
class TopicRef:
    href: str
    title: str
    reason_parts: tuple[ReasonPart, ...] = ()  # why the paper has the topic (its page)
    count: int = 0

    @property
    def reason(self) -> str:
        return "".join(part.text for part in self.reason_parts)


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
    # The table's rest (after the start-here papers) is newest first: its first paper has
    # a year (the table puts those without one last). Without, it is by title.
    dated: bool
    previous: PaperRef | None
    next: PaperRef | None


@dataclass(frozen=True)
class TableRow:
    paper: PaperRef
    topics: tuple[TopicRef, ...] = ()
    # What the all-papers filter reads besides what the row shows: every author's name
    # and the whole venue (the row names the first author; a long venue is cut), and
    # the code repositories after the first, whose badge alone the row shows.
    names: str = ""


class RowSource:
    """A table row before it is made: ``make()`` makes its context from what ``key``
    holds and nothing else, so a row rendered from an equal key is this row's text. A
    renderer given the rows a page was last rendered with reuses those (render.Renderer.render,
    build.Memo.rows): a rerun after a title edit makes and renders one row of the All
    papers table, not 10,000 (a quarter of a second of a new process's run).

    A plain class with slots, not a frozen dataclass: the All papers page makes 10,000
    on every rerun that changes a row, and a frozen dataclass's ``__init__`` cost three
    times as much (0.47 against 0.15 us)."""

    __slots__ = ("paper_id", "key", "make")

    def __init__(self, paper_id: str, key: tuple, make: Callable[[], TableRow]) -> None:
        self.paper_id = paper_id
        self.key = key
        self.make = make  # (what it makes is the key's)

    # Equal when the paper and key are (what it makes is the key's), as the dataclass was:
    # plans are compared whole (tests/test_pages.py: an incremental plan against a fresh one).
    def __eq__(self, other: object) -> bool:
        if not isinstance(other, RowSource):
            return NotImplemented
        return (self.paper_id, self.key) == (other.paper_id, other.key)

    def __hash__(self) -> int:
        return hash((self.paper_id, self.key))

    def __repr__(self) -> str:
        return f"RowSource(paper_id={self.paper_id!r}, key={self.key!r})"


def _reason(assignment: TopicAssignment, spelled: Spellings | None) -> tuple[ReasonPart, ...]:
    """Why the paper is in the assignment's topic; ``spelled`` holds the spellings of the
    paper's title and abstract (None only where the assignment has no terms)."""
    if assignment.by == "curator":
        return (ReasonPart("chosen by the curator"),)
    if assignment.by == "reading order":
        return (ReasonPart("in this topic's reading order, chosen by the curator"),)
    # Quoted: the words the paper holds, not a sentence ("matched a benchmark" read as if
    # the paper had matched one). ASCII quotes: a character beyond Latin-1 makes Python
    # hold the whole page's text at two bytes a character, and MkDocs holds every page
    # (typographic quotes here cost a 10,000-paper build 135 MB more memory).
    # Said for a reader, of the paper: 'matched "ICL"', "matched by rules" and 'closest
    # topic, a weak match: "prompt"' read as the program's output.
    keywords, apart = _reason_terms(assignment.terms)
    if assignment.by == "fallback":
        # Checked before the terms: a fallback topic carries the terms of its best score,
        # but no rule reached its threshold, and the reader should know that first.
        text = "a weak match (its closest topic)" + (": mentions " if keywords else "")
    elif keywords:
        text = "mentions "
    else:
        return (ReasonPart("by this topic's keywords"),)
    # Each run of words outside a group is one part: built as one text, not a part per
    # keyword and separator joined after (22,851 reasons at 10,000 papers).
    merged: list[ReasonPart] = []
    for n, parts in enumerate(keywords):
        assert spelled is not None
        if n:
            text += apart
        quoted = [f'"{_as_quoted(part, spelled)}"' for part in parts]
        if len(quoted) == 1:
            text += quoted[0]
            continue
        from .topics import said_together

        # A keyword "a & b" matches where each part is somewhere in the title or the
        # abstract, not side by side: "both" groups its parts, which '"prompt" with
        # "lifelong"' did not.
        merged += [ReasonPart(text), ReasonPart(said_together(quoted), True)]
        text = ""
    if text:
        merged.append(ReasonPart(text))
    return tuple(merged)


@functools.lru_cache(maxsize=1 << 14)
def _reason_terms(terms: tuple[str, ...]) -> tuple[tuple[tuple[str, ...], ...], str]:
    """What a reason says of an assignment's ``terms``, whatever the paper: the distinct
    ones, each as its parts ("reinforcement learning + llm"), and what keeps two apart.
    (Papers share their assignments: 5,534 distinct of 22,851 at 10,000 papers.)"""
    distinct = _distinct_terms(terms)
    # Apart by semicolons where a keyword's words are grouped, whose "and" (and commas)
    # a comma between keywords would run into.
    apart = "; " if any(" + " in term for term in distinct) else ", "
    return tuple(tuple(term.split(" + ")) for term in distinct), apart


def _as_quoted(typed: str, spelled: Spellings) -> str:
    """A keyword's word as the paper writes it ("RLHF" for the keyword "rlhf").

    Only a keyword of one word is looked up: capitals of a word's own are an
    initialism's or a name's, and a phrase ("reinforcement learning") is neither
    (looking every word up cost a cold build of 10,000 papers 0.5 s). A word the paper
    gives no capitals of its own stays as the curator typed it."""
    typed = _hyphenated_as_written(typed, spelled)
    if " " in typed:
        return typed
    shown = spelled.shown(typed.lower())
    return typed if shown == typed.lower() else shown


def _hyphenated_as_written(typed: str, spelled: Spellings) -> str:
    # A hyphen in a keyword also matches its words closed up or apart ("multi-task":
    # "multitask", "multi task"): quote the spelling the paper has, not one it lacks
    # (the data review: 'matched "multi-task"' of "Multitask Learning for the Fon
    # Language", "pre-training" of a paper that writes "pretraining").
    if "-" not in typed:
        return typed
    lowered = typed.lower()
    if _holds(spelled.text, lowered):
        return typed
    for other in (lowered.replace("-", ""), lowered.replace("-", " ")):
        if _holds(spelled.text, other):
            return other
    return typed


def _holds(text: str, words: str) -> bool:
    """Whether the lowercased ``text`` has ``words`` as whole words."""
    start = text.find(words)
    while start >= 0:
        end = start + len(words)
        if not (start and (text[start - 1].isalnum() or text[start - 1] == "-")) and not (
                end < len(text) and (text[end].isalnum() or text[end] == "-")):
            return True
        start = text.find(words, start + 1)
    return False


def _distinct_terms(terms: Sequence[str]) -> list[str]:
    """The terms, less each one that a longer term holds as words ("multi-task" when
    "multi-task learning" is there too): the reader sees each match once."""
    lowered = [t.lower() for t in terms]
    return [
        term
        for term, low in zip(terms, lowered)
        if not any(low != other and f" {low} " in f" {other} " for other in lowered)
    ]


def table_order(paper: Paper) -> tuple[int, int, str, str]:
    # Newest first; undated papers last; then by title, then id for a total order.
    year = paper.year if paper.year is not None else -1
    return (year == -1, -year, paper.title.casefold(), paper.id)


@dataclass(frozen=True)
class Index:
    """Lookups shared by every page; built once per plan (see `make_index`)."""

    papers: Mapping[str, Paper]
    topics: Mapping[str, Topic]
    members: Mapping[str, tuple[str, ...]]  # topic id -> paper ids in table order
    sequences: Mapping[str, tuple[str, ...]]  # topic id -> reading order then the rest
    positions: Mapping[str, Mapping[str, int]]  # paper id -> topic id -> index in sequence
    code: Mapping[str, Badge | None]  # paper id -> first code badge
    topics_of: Mapping[str, tuple[str, ...]]  # paper id -> its (known) topic ids
    # For signatures (see `paper_signature`): paper id -> what a link or a table row
    # shows or filters of it (`shown_of`); the whole taxonomy as other pages show it.
    shown: Mapping[str, tuple] = field(default_factory=dict)
    topic_shown: Mapping[str, tuple[str, int]] = field(default_factory=dict)  # title, size
    taxonomy: tuple = ()
    starts: Mapping[str, int] = field(default_factory=dict)  # topic id -> start-here papers
    refs: dict[tuple, object] = field(default_factory=dict)  # see _paper_ref
    order: tuple[str, ...] = ()  # every paper id in table order (the all-papers table's)
    # What the next run's `make_index` starts from: paper id -> the assignments the
    # index was made with (the very tuples: an unchanged paper's are the same objects
    # on the next run) and its `table_order`.
    assigned: Mapping[str, tuple[TopicAssignment, ...]] = field(default_factory=dict)
    keys: Mapping[str, tuple] = field(default_factory=dict)
    newest: tuple[str, ...] = ()  # the papers with an `added` date (`newest_first`)
    # topic id -> its place in the home page's order (`topic_tree`), in which a paper
    # page lists its topics and their reading orders (`places`).
    rank: Mapping[str, int] = field(default_factory=dict)


def newest_first(papers: Iterable[Paper]) -> tuple[str, ...]:
    """The ids of the papers with an `added` date, newest first; ties by first id, then
    id (the order of export_atom.recently_added: the home page lists what the feed
    carries, and a rename moves no paper in or out)."""
    dated = sorted((p for p in papers if p.added is not None), key=lambda p: (p.first_id, p.id))
    dated.sort(key=lambda p: p.added, reverse=True)  # type: ignore[arg-type, return-value]
    return tuple(p.id for p in dated)


def _known_topics(
    assignments: Sequence[TopicAssignment], topics: Mapping[str, Topic]
) -> tuple[str, ...]:
    return tuple(dict.fromkeys(a.topic for a in assignments if a.topic in topics))


def _sequence(topic: Topic, papers: Mapping[str, Paper], members: tuple[str, ...]) -> tuple[tuple[str, ...], int]:
    """A topic's reading order, then the rest of its papers in table order; and how
    many the reading order gave."""
    start = [pid for pid in dict.fromkeys(topic.reading_order) if pid in papers]
    chosen = set(start)
    return tuple(start + [pid for pid in members if pid not in chosen]), len(start)


def make_index(site: Site, previous: Index | None = None) -> Index:
    """The lookups of ``site``'s pages. With ``previous`` (the index of an earlier run,
    which it leaves as it was) only what the papers that changed since move is made
    again; the answer is the same (tests/test_pages.py checks it after random edits).
    """
    papers = {p.id: p for p in site.papers}
    if (
        previous is not None
        # The same topics, and the same papers in the same order, some of them edited.
        and tuple(previous.topics.values()) == site.topics
        and len(previous.papers) == len(papers)
        and list(previous.papers) == list(papers)
    ):
        return _updated_index(site, papers, previous)
    topics = {t.id: t for t in site.topics}
    assigned = {p.id: site.assignments.get(p.id, ()) for p in site.papers}
    topics_of = {pid: _known_topics(a, topics) for pid, a in assigned.items()}
    keys = {p.id: table_order(p) for p in site.papers}
    order = tuple(sorted(papers, key=keys.__getitem__))
    # (Distributed from the table's order: a topic's papers need no sort of their own.)
    members: dict[str, list[str]] = {t.id: [] for t in site.topics}
    for pid in order:
        for topic_id in topics_of[pid]:
            members[topic_id].append(pid)
    ordered = {tid: tuple(ps) for tid, ps in members.items()}
    sequences: dict[str, tuple[str, ...]] = {}
    starts: dict[str, int] = {}
    for topic in site.topics:
        sequences[topic.id], starts[topic.id] = _sequence(topic, papers, ordered[topic.id])
    positions: dict[str, dict[str, int]] = {pid: {} for pid in papers}
    for topic_id, sequence in sequences.items():
        for n, pid in enumerate(sequence):
            positions[pid][topic_id] = n
    code = {p.id: first_code(p) for p in site.papers}
    shown = {p.id: shown_of(p, code[p.id]) for p in site.papers}
    return _finish(site, Index(
        papers, topics, ordered, sequences, positions, code, topics_of, shown, starts=starts,
        order=order, assigned=assigned, keys=keys, newest=newest_first(site.papers),
    ))


def _finish(site: Site, index: Index) -> Index:
    """``index`` with what its topics show: a few per topic, made anew every time."""
    topic_shown = {t.id: (t.title, len(index.members[t.id])) for t in site.topics}
    taxonomy = tuple((t.id, t.title, t.parent, len(index.members[t.id])) for t in site.topics)
    rank = {t.id: n for n, t in enumerate(topic_tree(site.topics))}
    return dataclasses.replace(index, topic_shown=topic_shown, taxonomy=taxonomy, rank=rank)


def _updated_index(site: Site, papers: dict[str, Paper], previous: Index) -> Index:
    """`make_index` from ``previous``, whose papers and topics are those of ``site``
    but for the papers whose object or assignments are not the very ones it holds."""
    assignments = site.assignments
    topics = {t.id: t for t in site.topics}
    changed = [
        p for p in site.papers
        if previous.papers[p.id] is not p or previous.assigned[p.id] is not assignments.get(p.id, ())
    ]
    if not changed:
        return dataclasses.replace(previous, papers=papers, topics=topics, refs=dict(previous.refs))
    assigned, topics_of = dict(previous.assigned), dict(previous.topics_of)
    code, shown, keys = dict(previous.code), dict(previous.shown), dict(previous.keys)
    moved = False  # whether a paper changed its place in the table
    affected: set[str] = set()  # topics whose papers or their order may have changed
    stale: set[str] = set()  # papers whose links show something else now
    for paper in changed:
        pid = paper.id
        assigned[pid] = assignments.get(pid, ())
        before = topics_of[pid]
        topics_of[pid] = _known_topics(assigned[pid], topics)
        code[pid] = first_code(paper)
        shown[pid] = shown_of(paper, code[pid])
        if shown[pid] != previous.shown[pid]:
            stale.add(pid)
        key = table_order(paper)
        if key != keys[pid]:
            keys[pid], moved = key, True
            affected.update(before, topics_of[pid])
        else:
            affected.update(set(before).symmetric_difference(topics_of[pid]))
    order = tuple(sorted(previous.order, key=keys.__getitem__)) if moved else previous.order
    dated = [(p.added, p.first_id) for p in changed]
    if dated != [(previous.papers[p.id].added, previous.papers[p.id].first_id) for p in changed]:
        newest = newest_first(site.papers)
    else:
        newest = previous.newest
    members = dict(previous.members)
    sequences, starts = dict(previous.sequences), dict(previous.starts)
    positions = dict(previous.positions)
    copied: set[str] = set()  # papers whose positions are this index's own dict
    reorder: set[str] = set()  # papers that gained a topic in their positions
    rank = {tid: n for n, tid in enumerate(topics)}
    for topic_id in affected:
        now = set(members[topic_id])
        for paper in changed:
            if topic_id in topics_of[paper.id]:
                now.add(paper.id)
            else:
                now.discard(paper.id)
        members[topic_id] = tuple(sorted(now, key=keys.__getitem__))
        before = sequences[topic_id]
        sequences[topic_id], starts[topic_id] = _sequence(topics[topic_id], papers, members[topic_id])
        if sequences[topic_id] == before:
            continue
        places = {pid: n for n, pid in enumerate(sequences[topic_id])}
        for pid in (*before, *sequences[topic_id]):
            n = places.get(pid)
            if positions[pid].get(topic_id) == n:
                continue
            if pid not in copied:
                positions[pid] = dict(positions[pid])
                copied.add(pid)
            if n is None:
                del positions[pid][topic_id]
            else:
                if topic_id not in positions[pid]:
                    reorder.add(pid)
                positions[pid][topic_id] = n
    for pid in reorder:  # in the topics' order, as a fresh index has them
        positions[pid] = dict(sorted(positions[pid].items(), key=lambda item: rank[item[0]]))
    # Links made by earlier runs stay, but for those of a paper that shows something
    # else now and of a topic whose size changed (`_paper_ref`, `_topic_ref`).
    resized = {tid for tid in affected if len(members[tid]) != len(previous.members[tid])}
    refs = {
        key: ref for key, ref in previous.refs.items()
        if key[1] not in (stale if len(key) == 2 else resized)
    } if stale or resized else dict(previous.refs)
    return _finish(site, Index(
        papers, topics, members, sequences, positions, code, topics_of, shown, starts=starts,
        refs=refs, order=order, assigned=assigned, keys=keys, newest=newest,
    ))


def _parent(url: str) -> str:
    return url[: url.rstrip("/").rfind("/") + 1]


def _paper_ref(index: Index, here: str, paper_id: str) -> PaperRef:
    # A link from a page to a page outside its own folder depends only on the folder the
    # page sits in (papers/a/ and papers/b/ both link papers/c/ as ../c/), so each
    # paper's ref is made once per folder: 10,000 paper pages link ~130,000 times. A
    # link into the page's own folder (the all-papers table, papers/, to papers/c/ as
    # c/) depends on the page: kept by its address, marked apart from a folder.
    url = paper_url(paper_id)
    key = (f"in {here}" if url.startswith(here) else _parent(here), paper_id)
    ref = index.refs.get(key)
    if ref is None:
        paper = index.papers[paper_id]
        ref = index.refs[key] = PaperRef(
            relative(here, url), paper.title, paper.year, index.code[paper_id], " ".join(paper.summary.split()),
            paper.brief_byline, paper.brief_where,
        )
    return ref


def _topic_ref(index: Index, here: str, topic_id: str, reason: tuple[ReasonPart, ...] = ()) -> TopicRef:
    url = topic_url(topic_id)
    key = (_parent(here), topic_id, reason)
    ref = index.refs.get(key) if not url.startswith(here) else None
    if ref is None:
        topic = index.topics[topic_id]
        ref = TopicRef(relative(here, url), topic.title, reason, len(index.members[topic_id]))
        if not url.startswith(here):
            index.refs[key] = ref
    return ref


def rest_dated(index: Index, topic_id: str) -> bool:
    """Whether a topic's papers after its start-here ones are in order of year (see
    `Neighbours.dated`)."""
    sequence, start = index.sequences[topic_id], index.starts[topic_id]
    return start < len(sequence) and index.papers[sequence[start]].year is not None


def places(index: Index, paper_id: str) -> list[tuple[str, int]]:
    """A paper's place in each topic's sequence (`Index.positions`), its topics in the
    home page's order (`Index.rank`), as the top of its page lists them (`paper_page`).
    One order for every page: in the paper's own order (curator's topics first, then
    rules by score) the same two topics' blocks came in one order on one paper page and
    the other on the next, and a reader following a topic's "next" links looked for its
    block anew on each page. A topic whose reading order names the paper without an
    assignment (none in a built site: topics.py assigns it) takes its place among them."""
    rank = index.rank
    return sorted(index.positions[paper_id].items(), key=lambda item: rank[item[0]])


def _neighbours(index: Index, here: str, paper_id: str) -> tuple[Neighbours, ...]:
    found: list[Neighbours] = []
    for topic_id, n in places(index, paper_id):
        sequence = index.sequences[topic_id]
        if len(sequence) < 2:
            continue  # the topic's only paper: no previous or next to show
        found.append(
            Neighbours(
                topic=_topic_ref(index, here, topic_id),
                position=n + 1,
                total=len(sequence),
                start_here=n < index.starts[topic_id],
                dated=rest_dated(index, topic_id),
                previous=_paper_ref(index, here, sequence[n - 1]) if n > 0 else None,
                next=_paper_ref(index, here, sequence[n + 1]) if n + 1 < len(sequence) else None,
            )
        )
    return tuple(found)


def shown_of(paper: Paper, code: object = None) -> tuple:
    """What the pages that list or link a paper show or filter of it (see `_paper_ref`
    and `all_papers_page`): ``code`` is its first code badge, where known."""
    return (paper.title, paper.year, paper.links, code, paper.summary, paper.authors, paper.venue, paper.publisher)


def paper_page(site: Site, index: Index, paper: Paper, bibtex: str) -> Page:
    from .coins import coins
    from .terms import Spellings

    here = paper_url(paper.id)
    # In the home page's order, as its reading-order section lists them (see `places`).
    assigned = sorted(
        (a for a in site.assignments.get(paper.id, ()) if a.topic in index.topics),
        key=lambda a: index.rank[a.topic],
    )
    # One for all the paper's topics: each topic's reason reads the same text (made for
    # each, and its imports done for each, it cost 10,000 papers' pages 0.1 s).
    spelled = Spellings(f"{paper.title}\n{paper.abstract}") if any(a.terms for a in assigned) else None
    related: Sequence[RelatedPaper] = site.related.get(paper.id, ())
    badges = paper_badges(paper)
    context = {
        "paper": paper,
        "status": STATUS_LABELS.get(paper.status, paper.status),
        "badges": badges,
        "no_code": not any(b.kind == "code" for b in badges),
        "topics": tuple(_topic_ref(index, here, a.topic, _reason(a, spelled)) for a in assigned),
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


def _filter_words(shown: tuple[bool, bool, bool, bool], with_code: int, topics: bool) -> list[str]:
    """The words a table filter's placeholder offers: those the rows have (``shown``:
    whether any row shows an author, a venue, a summary, a year; see `_shown_by`). (It
    also reads summaries, which a list of authors and venues leaves unnamed: the box
    holds five words whole on a phone.)"""
    authors, venues, summaries, years = shown
    said = [
        "title",
        *(["author"] if authors else []),
        *(["venue"] if venues else []),
        *(["summary"] if summaries and not (authors and venues) else []),
        *(["topic"] if topics else []),
        *(["year"] if years else []),
    ]
    # The filter reads a code badge's owner/name too ("code": a word as long as "year",
    # which the box's widest placeholder ends with).
    if with_code and len(said) < 5:
        said.append("code")
    return said


def _shown_by(refs: Sequence[PaperRef]) -> tuple[bool, bool, bool, bool]:
    """Whether any of ``refs`` shows an author, a venue, a summary, a year."""
    return (
        any(ref.byline for ref in refs),
        any(ref.where for ref in refs),
        any(ref.summary for ref in refs),
        any(ref.year is not None for ref in refs),
    )


def filter_text(paper: Paper) -> str:
    """What a table's filter reads of a paper besides what its row shows (the row's
    data-filter): every author's name and the whole venue (`Paper.filter_names`), and
    the names of its repositories after the one the row's badge shows: a paper's
    GitLab port or second repository was not found by its name. "" for none."""
    return "; ".join(part for part in (paper.filter_names, *unshown_code(paper)) if part)


# A topic of more papers than this has a filter above its table, as the All papers page
# has (a reader's review: in a topic of 44 papers, finding those with code, or the one
# about routing, meant reading every row, or the All papers page and the topic's name).
TOPIC_FILTER_FROM = 10


def weak_members(index: Index, topic_id: str) -> tuple[bool, ...]:
    """For each of the topic's papers (``index.members``), whether it is there only as
    its closest topic (a fallback, "a weak match" on its page): its table marks it."""
    assigned = index.assigned
    return tuple(
        any(a.topic == topic_id and a.by == "fallback" for a in assigned.get(pid, ()))
        for pid in index.members[topic_id]
    )


def topic_page(index: Index, topic: Topic) -> Page:
    here = topic_url(topic.id)
    members = index.members[topic.id]
    with_code = sum(1 for pid in members if index.code[pid] is not None)
    parent = topic.parent if topic.parent in index.topics else ""
    subtopics = tuple(t.id for t in index.topics.values() if t.parent == topic.id)
    # The parent ("A sub-topic of") and the sub-topics (their list) are linked on the page
    # already: under Related topics they took slots of the six from topics the page links
    # nowhere else (a reader audit: a sub-topic first, "6 shared papers", on its parent's
    # page). Most shared first, ties by title, then id: the same order every build.
    linked = {topic.id, parent, *subtopics}
    shared = Counter(
        other for pid in members for other in index.topics_of[pid] if other not in linked
    )
    related_topics = sorted(
        shared.items(), key=lambda item: (-item[1], index.topics[item[0]].title.casefold(), item[0])
    )
    papers = tuple(_paper_ref(index, here, pid) for pid in members)
    filtered = len(papers) > TOPIC_FILTER_FROM
    context = {
        "topic": topic,
        "parent": _topic_ref(index, here, parent) if parent else None,
        "subtopics": tuple(_topic_ref(index, here, tid) for tid in subtopics),
        "start_here": tuple(
            _paper_ref(index, here, pid)
            for pid in dict.fromkeys(topic.reading_order)
            if pid in index.papers
        ),
        "papers": papers,
        # (A reader's review: a paper there as its closest topic only stood in the table
        # like the topic's own papers.)
        "weak": weak_members(index, topic.id),
        "with_code": with_code,
        # (With every author's name and the whole venue its rows do not show, as the
        # All papers rows have them: TableRow.names.)
        "said": _filter_words(_shown_by(papers), with_code, topics=False) if filtered else None,
        "names": tuple(filter_text(index.papers[pid]) for pid in members) if filtered else (),
        "related_topics": tuple(
            (_topic_ref(index, here, tid), count) for tid, count in related_topics[:6]
        ),
        "all_topics": relative(here, TOPICS),
    }
    return Page(dest_of(here), here, "topic.md", context)


def topic_tree(topics: Sequence[Topic]) -> list[Topic]:
    """Topics in file order, each followed by its sub-topics (depth first)."""
    return [topic for topic, _depth in topic_depths(topics)]


def topic_depths(topics: Sequence[Topic]) -> list[tuple[Topic, int]]:
    """`topic_tree` with each topic's depth: 0 for a topic without a parent, its
    parent's depth plus one for a sub-topic."""
    known = {t.id for t in topics}
    children: dict[str, list[Topic]] = {}
    for topic in topics:
        parent = topic.parent if topic.parent in known and topic.parent != topic.id else ""
        children.setdefault(parent, []).append(topic)
    ordered: list[tuple[Topic, int]] = []
    seen: set[str] = set()
    # Depth first without recursion: a chain of 1,000 parents is no reason to stop.
    stack = [(topic, 0) for topic in reversed(children.get("", ()))]
    while stack:
        topic, depth = stack.pop()
        if topic.id not in seen:
            seen.add(topic.id)
            ordered.append((topic, depth))
            stack.extend((child, depth + 1) for child in reversed(children.get(topic.id, ())))
    # A cycle of parents (reported by validation) leaves topics unvisited; keep them.
    ordered += [(t, 0) for t in topics if t.id not in seen]
    return ordered


def _exports_here(
    here: str, files: Mapping[str, str | bytes | None], names: Sequence[tuple[str, str]]
) -> tuple[tuple[str, str], ...]:
    return tuple((label, relative(here, dest)) for label, dest in names if dest in files)


def _links_all_papers(intro: str) -> bool:
    """Whether the home page's introduction (Markdown of docs/index.md) links the All
    papers page: MkDocs follows a link to its file only (handlinks)."""
    import posixpath
    from urllib.parse import unquote, urlsplit

    from .handlinks import links_of

    target = dest_of(ALL_PAPERS)
    for href, _line, _column in links_of(intro):
        parts = urlsplit(href)
        if not (parts.scheme or parts.netloc) and posixpath.normpath(unquote(parts.path)) == target:
            return True
    return False


def home_page(
    site: Site, index: Index, intro: str, extra: Mapping[str, object], contribute: str | None
) -> Page:
    here = HOME
    with_code = sum(1 for badge in index.code.values() if badge is not None)
    recent = [index.papers[pid] for pid in index.newest[:RECENT_COUNT]]
    # A day the list would cut into, past the newest (a first import of hundreds, then a
    # paper added): a sample of it read as the curator's choice, as the whole list's did
    # (home.md.j2), so it is left out and said in a line, with its count.
    earlier: EarlierDay | None = None
    if recent and recent[-1].added != recent[0].added and len(index.newest) > len(recent):
        cut = recent[-1].added
        if index.papers[index.newest[len(recent)]].added == cut:
            recent = [p for p in recent if p.added != cut]
            start, end = _added_on(index, cut)
            # The list's first day when no paper is older, dated or not: a paper without
            # an `added` date may be older (as "All N papers were added on ..., when the
            # list began" counts every paper of the list, home.md.j2).
            began = end == len(index.newest) and len(index.newest) == len(site.papers)
            earlier = EarlierDay(end - start, cut, began)
    context = {
        "intro": intro,
        "paper_count": len(site.papers),
        "topic_count": len(site.topics),
        "with_code": with_code,
        "cards": _topic_cards(index, here, site.topics),
        "recent": tuple((_paper_ref(index, here, p.id), p.added) for p in recent),
        # How many share the newest date: more than are listed, the list is a sample.
        # (The first papers of `newest`, which is newest first.)
        "same_day": _added_on(index, recent[0].added)[1] if recent else 0,
        "earlier": earlier,
        "all_papers": relative(here, ALL_PAPERS),
        # The counts' link to the table, but where the introduction links it: then it
        # led there twice a line apart (a reader audit, "full table" then "All papers").
        "counts_link": None if _links_all_papers(intro) else relative(here, ALL_PAPERS),
        "all_topics": relative(here, TOPICS),
        "contribute": relative(here, contribute) if contribute is not None else None,
        "exports": _exports_here(here, extra, EXPORT_LINKS),
    }
    return Page(dest_of(here), here, "home.md", context)


def _added_on(index: Index, day: date | None) -> tuple[int, int]:
    """Where the papers added on ``day`` are in ``index.newest``: one run of it, as it
    is newest first, found by bisection (the home page is made on every rerun, and a
    first import of 10,000 papers on one day had it walk them all twice)."""
    papers, newest = index.papers, index.newest
    start = bisect.bisect_left(newest, True, key=lambda pid: papers[pid].added <= day)
    end = bisect.bisect_left(newest, True, key=lambda pid: papers[pid].added < day)
    return start, end


def _topic_cards(index: Index, here: str, topics: Sequence[Topic]) -> tuple[TopicCard, ...]:
    """A card per topic, in the taxonomy's order; a sub-topic's card names its parent
    (the cards are one grid: "Prompt-based continual learning" read as a topic of its own).
    ("A sub-topic of", not "in": a topic's papers are its own, its sub-topics' are not
    among them; so a broader topic's card says it has sub-topics, and how many more
    papers they hold, which its count leaves out.)"""
    children = _children(index, topics)
    return tuple(
        TopicCard(
            _topic_ref(index, here, t.id),
            index.topics[_parent_of(index, t)].title if _parent_of(index, t) else "",
            t.description,
            len(children.get(t.id, ())),
            _only_below(index, children, t.id),
        )
        for t in topic_tree(topics)
    )


def _parent_of(index: Index, t: Topic) -> str:
    return t.parent if t.parent in index.topics and t.parent != t.id else ""


def _children(index: Index, topics: Iterable[Topic]) -> dict[str, list[str]]:
    """Each topic's sub-topics, in file order."""
    children: dict[str, list[str]] = {}
    for t in topics:
        children.setdefault(_parent_of(index, t), []).append(t.id)
    return children


def _only_below(index: Index, children: dict[str, list[str]], topic_id: str) -> int:
    """How many papers its sub-topics (at any depth) hold that it does not: its card says
    so, as its own count leaves them out. (Not its page: which of a sub-topic's papers
    its parent lacks is no part of the topic page's signature, pagesignatures.py, and a
    rerun would keep a stale count.)"""
    below: set[str] = set()
    seen, stack = {topic_id}, list(children.get(topic_id, ()))
    while stack:  # (a cycle of parents, reported by check, ends here too)
        child = stack.pop()
        if child not in seen:
            seen.add(child)
            below.update(index.members[child])
            stack.extend(children.get(child, ()))
    return len(below.difference(index.members[topic_id]))


def topics_page(index: Index, topics: Sequence[Topic]) -> Page:
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


def all_papers_page(site: Site, index: Index) -> Page:
    here = ALL_PAPERS
    # A row shows its topics' titles and links, not their sizes, and is made without
    # them: a paper given a topic changes its own row, not those of the topic's others.
    topics = {tid: TopicRef(relative(here, topic_url(tid)), topic.title) for tid, topic in index.topics.items()}
    # Rows with the same topics (some 2,700 combinations among 10,000 papers) share one
    # tuple of refs and one of titles, made once.
    shared: dict[tuple[str, ...], tuple[tuple[TopicRef, ...], tuple[str, ...]]] = {}
    rows: list[RowSource] = []
    topics_of = index.topics_of
    for pid in index.order:
        ids = topics_of[pid]
        refs = shared.get(ids)
        if refs is None:
            # In the home page's order, as the paper's own page lists them (`places`).
            ordered = sorted(ids, key=index.rank.__getitem__)
            refs = shared[ids] = (tuple([topics[t] for t in ordered]), tuple([topics[t].title for t in ordered]))
        rows.append(_all_papers_row(index, here, pid, ids, *refs))
    with_code = sum(1 for badge in index.code.values() if badge is not None)
    # What the rows show, read from the papers as `_paper_ref` reads them: a rerun
    # makes the refs of the rows it renders again only. (Each `any` stops at the
    # first paper that has one.)
    papers = index.papers.values()
    shown = (
        any(p.brief_byline for p in papers),
        # (`where` is empty without a venue and a publisher: a list that names no
        # venue, as a synthetic one, made every paper's brief venue for nothing)
        any(p.brief_where for p in papers if p.venue or p.publisher),
        any(p.summary.split() for p in papers),
        any(p.year is not None for p in papers),
    )
    dated = shown[3]
    said = _filter_words(shown, with_code, topics=True)
    first = len(rows) if len(rows) <= ALL_PAPERS_WHOLE else ALL_PAPERS_FIRST
    context = {"rows": tuple(rows), "first": first, "with_code": with_code, "dated": dated, "said": said}
    return Page(dest_of(here), here, "all_papers.md", context)


def _all_papers_row(
    index: Index, here: str, paper_id: str, ids: tuple[str, ...], topics: tuple[TopicRef, ...], titles: tuple[str, ...]
) -> RowSource:
    paper = index.papers[paper_id]
    # Its key holds all it is made from: the paper (its ref is made from the paper
    # alone: see `shown_of`; so are the names the filter reads) and its topics: their
    # ids and titles, of which their refs are made (``here``, the page's own address,
    # the rest: the memo keeps rows page by page). Ids and titles, not the refs: the
    # renderer compares each row's key with the last run's, and in a new process those
    # refs are other objects, each compared field by field, where the ids are the very
    # tuple of an unchanged paper (the memo's index) and titles compare as strings.
    return RowSource(
        paper_id,
        (paper, ids, titles),
        lambda: TableRow(_paper_ref(index, here, paper_id), topics, filter_text(paper)),
    )
