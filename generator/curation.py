"""Loading `content/` into the model, reporting every curator mistake on the way.

`load_content` works in two phases, like the build: each file is read and checked on
its own against schema.py (validate.py does the values), then the whole set is
cross-checked: ids that must exist, ids claimed twice, the same paper filed twice,
topic parent cycles, empty topics. Every problem is collected with its
``path:line:col``; nothing stops at the first one. What could be validated is still
returned, so `check` reports everything while `build` refuses to go on at any error.
"""

from __future__ import annotations

import gc
import operator
import os
import re
import textwrap
import time
import unicodedata
from bisect import bisect_right
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from itertools import accumulate, chain
from pathlib import Path
from typing import Iterator, Mapping, Sequence

from . import schema
from .errors import Location, Problem, Problems
from .models import Content, Paper, Topic
from .validate import ACTUAL, PAPER_FIELDS, TOPIC_FIELDS, RecordChecker, did_you_mean
from .yamlio import Map, Node, Scalar, Seq, parse

PAPERS_DIR = "papers"
TOPICS_FILE = "topics.yml"
# Far above any real curation file, far below what would exhaust memory; a larger file
# is reported without being parsed.
MAX_FILE_BYTES = 20_000_000

_ARXIV_VERSION = re.compile(r"v[0-9]+$")
_TITLE_NOISE = re.compile(r"[\W_]+")
_POINTED_AT = frozenset({"id", "title", "arxiv", "doi"})


# A paper file's identity on disk: (size, mtime_ns, ctime_ns, inode). The kernel sets
# ctime on every write and no tool can set it back, so an edited file never keeps it.
FileStamp = tuple[int, int, int, int]
# What reading one paper file gave, kept by the caller between runs (see build.Memo):
# absolute path -> (its stamp, the draft, the problems found in it alone).
FileCache = dict[str, tuple[FileStamp, "_PaperDraft", tuple[Problem, ...]]]
# A file modified this recently when it is read may be modified again within the file
# system's timestamp granularity without its stamp changing; it is not kept ("racy git").
_SETTLED_NS = 2_000_000_000


def load_content(
    content_dir: Path, root: Path | None = None, *, cache: FileCache | None = None
) -> tuple[Content, Problems]:
    """Read and validate ``content_dir``; return what is valid and every problem found.

    Paths in problems are relative to ``root`` (by default the folder holding
    ``content_dir``). Papers come sorted by id, topics in the order of topics.yml. A
    paper or topic is left out only when its id or title is
    unusable or its id is taken by an earlier file; an invalid optional field keeps its
    default, and references to unknown ids are dropped. With ``cache``, a paper file
    whose stamp is unchanged since the run that filled it is not read again: its draft
    and problems are reused, and every check across files runs as usual.
    """
    content_dir = Path(content_dir)
    root = Path(root) if root is not None else content_dir.parent
    problems = Problems()
    if not content_dir.is_dir():
        # Most likely the wrong folder: passing with nothing checked would be a lie.
        problems.error(
            Location(_display(content_dir, root)),
            "no such folder; run readinglist in the project folder or give --root",
        )
    with _gc_paused():
        papers = _read_papers(content_dir / PAPERS_DIR, root, problems, cache)
        topics = _read_topics(content_dir / TOPICS_FILE, root, problems)
        content = _cross_check(papers, topics, problems)
    _warn_empty_topics(content, topics, problems)
    return content, problems


def check(content_dir: Path, root: Path | None = None) -> Problems:
    """Every problem in ``content_dir`` (see `load_content`)."""
    return load_content(content_dir, root)[1]


def normalised_title(title: str) -> str:
    """A title with case, punctuation, spacing and Unicode forms folded away."""
    return _TITLE_NOISE.sub("", unicodedata.normalize("NFKC", title).casefold())


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Keep the cyclic garbage collector away from the records being loaded.

    Loading allocates about a million small objects that all stay alive; the collector
    would walk them again and again while they are made, and once more in full when it
    is switched back on (together 2-3x the time of a 10,000-paper load). They hold no
    reference cycles, so they are moved out of its sight for good (`gc.freeze`); they
    are still freed as usual when nothing refers to them.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def _display(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _read_yaml(path: os.PathLike[str], shown: str, problems: Problems) -> tuple[Node | None, str]:
    """The located tree of one file and its text; (None, "") when it cannot be read.

    An empty file gives (None, text) with no problem: what is missing depends on the file.
    """
    # os.read rather than open(): no buffered file object per file (10,000 of them).
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        size = os.fstat(fd).st_size
        if size > MAX_FILE_BYTES:
            problems.error(
                Location(shown, 1, 1),
                f"the file is {size:,} bytes; a curation file may be at most {MAX_FILE_BYTES:,}",
            )
            return None, ""
        data = os.read(fd, size + 1)  # all of it in one read, unless it grew meanwhile
        if len(data) > size:
            chunks = [data]
            while chunks[-1]:
                chunks.append(os.read(fd, 1 << 20))
            data = b"".join(chunks)
    finally:
        os.close(fd)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        line = data.count(b"\n", 0, exc.start) + 1
        col = len(data[line_start : exc.start].decode("utf-8", "replace")) + 1
        problems.error(
            Location(shown, line, col),
            f"the file is not UTF-8 (invalid byte 0x{data[exc.start]:02x}); save it as UTF-8",
        )
        return None, ""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return parse(text, shown, problems), text


# --------------------------------------------------------------------------- papers


@dataclass
class _PaperDraft:
    """A paper file as read on its own, before the cross-checks."""

    shown: str  # the file's path as problems show it
    values: dict[str, object] = field(default_factory=dict)
    nodes: dict[str, Node] = field(default_factory=dict)  # the values in _POINTED_AT
    usable: bool = False  # id and title are valid
    # What _same_papers compares, per _SAME_PAPER_KEYS ("" when absent): worked out once
    # per file, so a rerun that reuses the draft does not fold 10,000 titles again.
    same_keys: tuple[str, ...] = ()
    # The Paper last built from this draft, with the checked ids it was built from: a
    # rerun that reuses the draft reuses the Paper when they are the same. It is the
    # very object build.Memo keys its topics by, so pickling both costs one copy.
    built: tuple[tuple[tuple[str, ...], ...], Paper] | None = field(
        default=None, compare=False, repr=False
    )

    @property
    def id(self) -> str | None:
        value = self.values.get("id")
        return value if isinstance(value, str) else None


def _read_papers(
    papers_dir: Path, root: Path, problems: Problems, cache: FileCache | None = None
) -> list[_PaperDraft]:
    if not papers_dir.is_dir():
        return []
    prefix = _display(papers_dir, root) + "/"
    with os.scandir(papers_dir) as entries:
        listing = sorted(entries, key=_name_of)
    drafts = []
    now = time.time_ns()
    seen: set[str] = set()
    for entry in listing:
        name, path = entry.name, entry.path
        if name.startswith("."):  # editors' swap files and atomic_write's temporary files
            continue
        if not name.endswith(".yml") or not entry.is_file():
            problems.error(
                Location(prefix + name), f"not read: {prefix} holds only paper files named <id>.yml"
            )
            continue
        shown, stem = prefix + name, name[: -len(".yml")]
        if cache is None:
            drafts.append(_read_paper(entry, shown, stem, problems))
            continue
        seen.add(path)
        info = os.stat(path)
        stamp = (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)
        kept = cache.get(path)
        if kept is not None and kept[0] == stamp and kept[1].shown == shown:
            drafts.append(kept[1])
            problems.items.extend(kept[2])
            continue
        before = len(problems.items)
        draft = _read_paper(entry, shown, stem, problems)
        drafts.append(draft)
        if now - max(info.st_mtime_ns, info.st_ctime_ns) > _SETTLED_NS:
            cache[path] = (stamp, draft, tuple(problems.items[before:]))
        else:
            cache.pop(path, None)
    if cache is not None:  # forget the files of this folder that are gone
        folder = os.fspath(papers_dir)
        for path in [p for p in cache if p not in seen and os.path.dirname(p) == folder]:
            del cache[path]
    return drafts


_name_of = operator.attrgetter("name")


def _read_paper(path: os.PathLike[str], shown: str, stem: str, problems: Problems) -> _PaperDraft:
    draft = _PaperDraft(shown)
    before = len(problems.items)
    tree, text = _read_yaml(path, shown, problems)
    if tree is None:
        if len(problems.items) == before:
            problems.error(
                Location(shown, 1, 1),
                "the file is empty; a paper needs an id and a title",
            )
        return draft
    if not isinstance(tree, Map):
        problems.error(
            tree.loc, f"a paper file must be a mapping of field: value, not {ACTUAL[tree.kind]}"
        )
        return draft
    draft.values, draft.usable = RecordChecker(problems, text).record(tree, PAPER_FIELDS)
    draft.same_keys = _same_keys(draft.values)
    # Only what the cross-checks point at is kept, so the rest of the tree can go.
    draft.nodes = {key.text: value for key, value in tree.entries if key.text in _POINTED_AT}
    if draft.id is not None and draft.id != stem:
        problems.error(
            draft.nodes["id"].loc,
            f"id {draft.id!r} does not match the file name {stem + '.yml'!r};"
            " rename one so they agree",
        )
    return draft


def _claim_ids(papers: list[_PaperDraft], problems: Problems) -> dict[str, _PaperDraft]:
    """Paper id -> the file claiming it; when several do, each is reported."""
    claims: dict[str, list[_PaperDraft]] = {}
    for draft in papers:
        if draft.id is not None:
            claims.setdefault(draft.id, []).append(draft)
    for paper_id, claimants in claims.items():
        for draft in claimants if len(claimants) > 1 else ():
            others = ", ".join(other.shown for other in claimants if other is not draft)
            problems.error(draft.nodes["id"].loc, f"id {paper_id!r} is also claimed by {others}")
    return {paper_id: claimants[0] for paper_id, claimants in claims.items()}


# Field, the reason given, and what two files must share to be one paper.
_SAME_PAPER_KEYS = (
    ("arxiv", "the same arXiv id", lambda value: _ARXIV_VERSION.sub("", value)),
    ("doi", "the same DOI", str.casefold),
    ("title", "the same title", normalised_title),
)


def _same_keys(values: Mapping[str, object]) -> tuple[str, ...]:
    keys = []
    for name, _, key_of in _SAME_PAPER_KEYS:
        value = values.get(name)
        keys.append(key_of(value) if isinstance(value, str) else "")
    return tuple(keys)


def _same_papers(papers: Sequence[_PaperDraft], problems: Problems) -> None:
    """Two files that are one paper, reported on each file, once per pair."""
    reported: set[tuple[str, str]] = set()
    for position, (name, reason, _) in enumerate(_SAME_PAPER_KEYS):
        groups: dict[str, list[_PaperDraft]] = {}
        for draft in papers:
            key = draft.same_keys[position] if draft.same_keys else ""
            if key:
                members = groups.get(key)
                if members is None:
                    groups[key] = [draft]
                else:
                    members.append(draft)
        for members in groups.values():
            if len(members) < 2:
                continue
            for draft in members:
                for other in members:
                    if other is draft or (draft.shown, other.shown) in reported:
                        continue
                    reported.add((draft.shown, other.shown))
                    shown = f" {draft.values[name]}" if name != "title" else ""
                    problems.error(
                        draft.nodes[name].loc, f"same paper as {other.shown} ({reason}{shown})"
                    )


# --------------------------------------------------------------------------- topics


@dataclass
class _TopicDraft:
    id: str
    values: dict[str, object]
    nodes: dict[str, Node]
    loc: Location
    usable: bool


def _read_topics(path: Path, root: Path, problems: Problems) -> list[_TopicDraft]:
    if not path.is_file():
        return []
    shown = _display(path, root)
    tree, text = _read_yaml(path, shown, problems)
    if tree is None:
        return []
    checker = RecordChecker(problems, text)
    if not isinstance(tree, Map):
        checker.error(
            tree, f"{TOPICS_FILE} must be a mapping holding 'topics:', not {ACTUAL[tree.kind]}"
        )
        return []
    for key, _ in tree.entries:
        if key.text != "topics":
            checker.error(
                key,
                f"unknown field {key.text!r} in {TOPICS_FILE}"
                + did_you_mean(key.text or "", ["topics"], "; it holds only 'topics:'"),
            )
    listed = tree.get("topics")
    if listed is None or isinstance(listed, Scalar) and listed.text is None:
        if listed is None:
            checker.error(tree, "missing required field 'topics'")
        return []
    if not isinstance(listed, Seq):
        checker.error(listed, f"'topics' must be a list of topics, not {ACTUAL[listed.kind]}")
        return []
    drafts = []
    first: dict[str, int] = {}
    for number, item in enumerate(listed.items, 1):
        if not isinstance(item, Map):
            checker.error(
                item,
                f"'topics' item {number} must be a mapping with an id and a title,"
                f" not {ACTUAL[item.kind]}",
            )
            continue
        values, usable = checker.record(item, TOPIC_FIELDS, "a topic")
        topic_id = values.get("id")
        if not isinstance(topic_id, str):
            continue
        nodes = {key.text or "": value for key, value in item.entries}
        if topic_id in first:
            checker.error(
                nodes["id"],
                f"duplicate topic id {topic_id!r} (first defined at line {first[topic_id]})",
            )
            continue
        first[topic_id] = nodes["id"].line
        drafts.append(_TopicDraft(topic_id, values, nodes, item.loc, usable))
    return drafts


def _check_parents(topics: Sequence[_TopicDraft], problems: Problems) -> dict[str, str]:
    """Topic id -> its parent, for the parents that exist and form no cycle."""
    ids = [t.id for t in topics]
    parents: dict[str, str] = {}
    for draft in topics:
        parent = draft.values.get("parent")
        if isinstance(parent, str):
            if parent in ids:
                parents[draft.id] = parent
            else:
                problems.error(
                    draft.nodes["parent"].loc,
                    f"unknown topic {parent!r}" + did_you_mean(parent, ids),
                )
    in_cycle: set[str] = set()
    for draft in topics:  # in file order: each cycle is reported once, at its first topic
        chain = [draft.id]
        while chain[-1] in parents and parents[chain[-1]] not in chain:
            chain.append(parents[chain[-1]])
        if parents.get(chain[-1]) == draft.id and draft.id not in in_cycle:
            in_cycle.update(chain)
            problems.error(
                draft.nodes["parent"].loc,
                f"topic parents form a cycle: {' -> '.join(chain + [draft.id])}",
            )
    return {child: parent for child, parent in parents.items() if child not in in_cycle}


def _warn_empty_topics(content: Content, drafts: Sequence[_TopicDraft], problems: Problems) -> None:
    """Warn about each topic with no paper in it or under it, by the curator or by rule."""
    parents = {topic.id: topic.parent for topic in content.topics}
    empty = set(parents)

    def fill(topic_id: str) -> None:
        while topic_id in empty:  # parents form no cycle: _check_parents cut them
            empty.discard(topic_id)
            topic_id = parents[topic_id]

    for paper in content.papers:
        for topic_id in paper.topics:
            fill(topic_id)
    if empty:
        # The rules cost a tenth of a millisecond per paper, so they run only until every
        # topic has a paper, trying first the papers most likely to fill one; a full pass
        # happens only when a topic is really empty.
        from .topics import assign_paper, compile_topics

        matcher = compile_topics(content.topics)
        for paper in chain(_likely_members(content, empty), content.papers):
            for assignment in assign_paper(paper, matcher):
                fill(assignment.topic)
            if not empty:
                break
    for draft in drafts:
        if draft.id in empty:
            problems.warning(draft.nodes["id"].loc, f"topic {draft.id!r} has no papers")


def _likely_members(content: Content, topic_ids: set[str]) -> list[Paper]:
    """For each topic, the first paper whose title holds each of its keyword phrases as
    written: such papers very probably get the topic, and finding them is cheap."""
    titles = "\n".join(paper.title.lower() for paper in content.papers)
    starts = list(accumulate((len(p.title) + 1 for p in content.papers[:-1]), initial=0))
    found: dict[str, Paper] = {}
    for topic in content.topics:
        if topic.id not in topic_ids:
            continue
        for phrase in topic.keywords:
            for part in re.split(r"[&|]", phrase.lower()):
                at = titles.find(part.strip()) if part.strip() else -1
                if at >= 0:
                    paper = content.papers[bisect_right(starts, at) - 1]
                    found.setdefault(paper.id, paper)
    return list(found.values())


# --------------------------------------------------------------------------- the whole


def _cross_check(
    papers: list[_PaperDraft], topics: list[_TopicDraft], problems: Problems
) -> Content:
    claimed = _claim_ids(papers, problems)
    _same_papers(papers, problems)
    paper_choices = sorted(claimed)
    topic_choices = [t.id for t in topics]
    refs = _References(problems)

    built: list[Paper] = []
    for paper_id in paper_choices:
        draft = claimed[paper_id]
        values = draft.values
        # Most papers list no ids at all: skip the calls for them.
        own_topics = excluded = related = ()
        if values.get("topics"):
            own_topics = refs.known(values["topics"], topic_choices, "topic")
        if values.get("exclude_topics"):
            excluded = refs.known(values["exclude_topics"], topic_choices, "topic")
            for ref in _nodes(values["exclude_topics"]):
                if ref.text in own_topics:
                    problems.error(ref.loc, f"{ref.text!r} is in both topics and exclude_topics")
        if values.get("related"):
            for ref in _nodes(values["related"]):
                if ref.text == paper_id:
                    problems.error(ref.loc, "a paper cannot be related to itself")
            related = refs.known(values["related"], paper_choices, "paper")
        if draft.usable:
            ids = (own_topics, excluded, related)
            if draft.built is None or draft.built[0] != ids:
                draft.built = (ids, _paper(draft, own_topics, excluded, related))
            built.append(draft.built[1])

    parents = _check_parents(topics, problems)
    built_topics = [
        _topic(
            draft,
            parents.get(draft.id, ""),
            refs.known(draft.values.get("reading_order"), paper_choices, "paper"),
        )
        for draft in topics
        if draft.usable
    ]
    # Only what was built may be pointed at: later phases never meet a dangling id.
    paper_ids = {p.id for p in built}
    topic_ids = {t.id for t in built_topics}
    built = [_only_known(paper, paper_ids, topic_ids) for paper in built]
    built_topics = [_only_known_topic(topic, paper_ids, topic_ids) for topic in built_topics]
    return Content(papers=tuple(built), topics=tuple(built_topics))


class _References:
    """Checks located ids against the ids that exist, suggesting the closest."""

    def __init__(self, problems: Problems):
        self.problems = problems
        self._sets: dict[int, set[str]] = {}

    def known(self, refs: object, choices: list[str], what: str) -> tuple[str, ...]:
        ids = self._sets.get(id(choices))
        if ids is None:
            ids = self._sets[id(choices)] = set(choices)
        kept = []
        for ref in _nodes(refs):
            assert ref.text is not None
            if ref.text in ids:
                kept.append(ref.text)
            else:
                self.problems.error(
                    ref.loc, f"unknown {what} {ref.text!r}" + did_you_mean(ref.text, choices)
                )
        return tuple(kept)


def _nodes(refs: object) -> tuple[Scalar, ...]:
    return refs if isinstance(refs, tuple) else ()


def _paper(
    draft: _PaperDraft, topics: tuple[str, ...], excluded: tuple[str, ...], related: tuple[str, ...]
) -> Paper:
    values: Mapping[str, object] = draft.values
    return Paper(
        id=str(values["id"]),
        title=str(values["title"]),
        abstract=str(values.get("abstract") or ""),
        authors=values.get("authors") or (),  # type: ignore[arg-type]
        year=values.get("year"),  # type: ignore[arg-type]
        venue=str(values.get("venue") or ""),
        arxiv=str(values.get("arxiv") or ""),
        doi=str(values.get("doi") or ""),
        links=values.get("links") or (),  # type: ignore[arg-type]
        topics=topics,
        exclude_topics=tuple(t for t in excluded if t not in topics),
        tags=values.get("tags") or (),  # type: ignore[arg-type]
        status=str(values.get("status") or ""),
        added=values.get("added"),  # type: ignore[arg-type]
        related=tuple(r for r in related if r != values["id"]),
        notes=str(values.get("notes") or ""),
        source=Location(draft.shown),
    )


def _topic(draft: _TopicDraft, parent: str, reading_order: tuple[str, ...]) -> Topic:
    values: Mapping[str, object] = draft.values
    threshold = values.get("threshold")
    return Topic(
        id=draft.id,
        title=str(values["title"]),
        description=str(values.get("description") or ""),
        parent=parent,
        keywords=values.get("keywords") or {},  # type: ignore[arg-type]
        threshold=float(threshold) if isinstance(threshold, float) else 1.0,
        reading_order=reading_order,
        source=draft.loc,
    )


def _only_known(paper: Paper, paper_ids: set[str], topic_ids: set[str]) -> Paper:
    if (
        all(r in paper_ids for r in paper.related)
        and all(t in topic_ids for t in paper.topics)
        and all(t in topic_ids for t in paper.exclude_topics)
    ):
        return paper
    return replace(
        paper,
        related=tuple(r for r in paper.related if r in paper_ids),
        topics=tuple(t for t in paper.topics if t in topic_ids),
        exclude_topics=tuple(t for t in paper.exclude_topics if t in topic_ids),
    )


def _only_known_topic(topic: Topic, paper_ids: set[str], topic_ids: set[str]) -> Topic:
    return replace(
        topic,
        parent=topic.parent if topic.parent in topic_ids else "",
        reading_order=tuple(p for p in topic.reading_order if p in paper_ids),
    )


# --------------------------------------------------------------------------- the reference


def schema_reference_markdown() -> str:
    """The field reference of the documentation, as Markdown, from schema.py."""

    def table(fields: Sequence[schema.Field]) -> list[str]:
        rows = ["| Field | Value | Required | What it holds |", "|---|---|---|---|"]
        for spec in fields:
            value = schema.KINDS[spec.kind]
            if spec.choices:
                value = "one of " + ", ".join(f"`{choice}`" for choice in spec.choices)
            cells = (f"`{spec.name}`", value, "yes" if spec.required else "", spec.doc)
            rows.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
        return rows

    example = textwrap.dedent(str(schema.__doc__).split("::", 1)[1]).strip("\n")
    lines = [
        "# Curation reference",
        "",
        "Each paper is one file, `content/papers/<id>.yml`; the topics are listed in",
        "`content/topics.yml`. `readinglist check` validates both and reports every mistake",
        "at once as `path:line:col: message`; `readinglist build` refuses to build while",
        "there is one. This page is generated from `generator/schema.py`, as are the JSON",
        "Schemas `paper.schema.json` and `topics.schema.json` published with the site:",
        "editors that use the YAML language server read the schema named on the first line",
        "of each paper file, then complete field names and underline mistakes as you type.",
        "",
        "## Paper files",
        "",
        "A paper file looks like this:",
        "",
        "```yaml",
        example,
        "```",
        "",
        *table(schema.PAPER_FIELDS),
        "",
        "### Links",
        "",
        "`links:` holds one list per kind of link:",
        "",
        "| Kind | What it holds |",
        "|---|---|",
        *(f"| `{kind}` | {doc} |" for kind, doc in schema.LINK_KIND_DOCS.items()),
        "",
        "Each link is a mapping:",
        "",
        *table(schema.LINK_FIELDS),
        "",
        "## Topics",
        "",
        "`content/topics.yml` holds a single field, `topics:`, the list of topics in the",
        "order the site shows them. Each topic is a mapping:",
        "",
        *table(schema.TOPIC_FIELDS),
        "",
        "## How values are read",
        "",
        "- Every value is read as the text you typed: `arxiv: 2101.00010` keeps its last",
        "  zero, `venue: NO` is the text NO and `id: 0123` is the id 0123. Only the field",
        "  decides the type, so `year: 0123` is a mistake, not the year 83. Quote an",
        "  arXiv id all the same: editors read YAML the usual way and would see a number.",
        "- A field left empty (`venue:` or `venue: null`) is the same as a missing one; a",
        "  required field must not be empty.",
        f"- Ids are at most {schema.MAX_ID_LENGTH} characters and text fields at most"
        f" {schema.MAX_TEXT_LENGTH:,}.",
        "- Text may not contain control characters (other than tabs and line breaks),",
        "  line or paragraph separators, or the invisible characters that reverse the",
        "  order text is shown in (U+202A to U+202E, U+2066 to U+2069). URLs must be",
        "  absolute `http://` or `https://` URLs with no spaces or invisible characters.",
        "- Duplicate keys, YAML anchors and aliases (`&name`, `*name`) and tags such as",
        "  `!!python/object` are refused.",
        "- Ids in `topics`, `exclude_topics`, `related`, `parent` and `reading_order` must",
        "  exist. Two files may not claim one id, and two files may not be the same paper",
        "  (the same arXiv id, DOI, or title once case, punctuation and Unicode forms are",
        "  set aside). A topic with no paper, by a curator or by its keywords, is a warning.",
        "",
    ]
    return "\n".join(lines)
