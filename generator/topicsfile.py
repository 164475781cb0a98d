"""Reading and checking `content/topics.yml` (crosscheck.py checks it with the papers).

Each topic is checked on its own here, as a paper file is in paperdrafts.py: its fields
(validate.py), a duplicate id, the length of its reading order (a YAML syntax error
inside one topic keeps the others checked); then the parents (no unknown one, no cycle),
and, once the papers are loaded, the topics left with no paper.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field, replace
from itertools import accumulate, chain, islice, takewhile
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Callable, Container, Iterable, Mapping, Sequence

from .errors import Location, Problems, counted
from .importedfile import Fate
from .models import Content, Paper, Topic, TopicAssignment
from .quoting import quoted
from .schema import MAX_ID_LENGTH, PATTERNS, READING_ORDER_LENGTH, TOPICS_FILE
from .slugs import slugify
from .typos import closest, closest_all, did_you_mean
from .unknownids import after_unknown
from .validate import (
    ACTUAL, TOPIC_FIELDS, ListedRef, Miswritten, RecordChecker, id_fix, misspelt_message, place_of,
)
from .yamlfile import display, read_yaml
from .yamlio import SYNTAX_ERROR, Map, Node, Refused, Scalar, Seq, parse_past_syntax_errors, top_level_spans

if TYPE_CHECKING:
    from .topics import Matcher, StemCount  # (imported late: the stemmer, for topic files only)


@dataclass
class TopicDraft:
    id: str
    values: dict[str, object]
    nodes: dict[str, Node]
    loc: Location
    usable: bool
    # The topics after it in the file that give its id again: no topic of the site,
    # but what is wrong inside each is said all the same (`check_duplicates`).
    duplicates: list[TopicDraft] = field(default_factory=list)
    # A topic with a YAML syntax error inside it (`_past_syntax_errors`): only its id is
    # known, so it is no topic of the site, and nothing is said of the others' papers.
    unread: bool = False
    # Of a topic with no valid id: the id its error tells to write ("Multi Task": 'multi-
    # task'), "" for none. Named elsewhere, it is no second mistake (`meant_ids`).
    meant: str = ""


def read_topics(
    path: Path, root: Path, problems: Problems
) -> tuple[list[TopicDraft], bool, list[TopicDraft]]:
    """The topics of topics.yml, and whether its list of topics could be read: when it
    could not (a YAML syntax error, no 'topics:' list), the error is reported here and
    the topics named elsewhere are not reported as unknown, which they may not be. (A
    syntax error inside a topic whose id can be read leaves the others readable:
    `_past_syntax_errors`. One elsewhere, the 'topics:' line itself or a topic's id,
    leaves the topics read checked, but none usable: what cannot be read may be part of
    one; and unknown where a topic's id may be among it.)
    Then the topics with no valid id (each with the id ""): no topic of the site, but
    what is wrong inside each is said all the same (`check_duplicates`)."""
    if not path.is_file():
        return [], True, []
    shown = display(path, root)
    before = len(problems.items)
    tree, text = read_yaml(path, shown, problems)
    unread: list[TopicDraft] = []
    # What a syntax error that lies in no topic whose id can be read left unread (see
    # _Unread): its 'topics:' line, another part of the file, a topic's id.
    lost: frozenset[str] = frozenset()
    if tree is None and text and any(p.message.startswith(SYNTAX_ERROR) for p in problems.items[before:]):
        tree, unread, lost = _past_syntax_errors(text, shown, problems, before)
    if tree is None:
        if len(problems.items) != before:
            return [], False, []
        # An empty file may be a list without topics, or one emptied by accident (a
        # paper file cannot be either, so that is an error): "topics: []" says which.
        problems.warning(
            Location(shown, 1, 1),
            f"{TOPICS_FILE} is empty, so the list has no topics; if that is meant, write"
            " 'topics: []'",
        )
        return [], True, []
    checker = RecordChecker(problems, text)
    misspelt = False  # (a key that is 'topics' misspelt, said as the missing 'topics')
    if _Unread.HEAD in lost:
        if not isinstance(tree, Seq):
            return [], False, []
        listed: Node | None = tree  # (without its 'topics:' line, the items are the file's list)
    elif not isinstance(tree, Map):
        checker.error(
            tree, f"{TOPICS_FILE} must be a mapping holding 'topics:', not {ACTUAL[tree.kind]}"
        )
        return [], False, []
    else:
        for key, _ in tree.entries:
            if key.text == "topics":
                continue
            if tree.get("topics") is None and closest(key.text or "", ["topics"]):
                # ("topcs:": said once, as the missing 'topics', where it is to fix.)
                misspelt = True
                checker.error(key, misspelt_message(key.text or "", TOPICS_FILE, "topics"))
            else:
                checker.error(
                    key,
                    f"unknown field {quoted(key.text)} in {TOPICS_FILE}"
                    + did_you_mean(
                        key.text or "",
                        ["topics"],
                        place_of(TOPICS_FILE, key.text or "") or "; it holds only 'topics:'",
                    ),
                )
        listed = tree.get("topics")
    if listed is None:
        if not misspelt:
            checker.error(tree, "missing required field 'topics'")
        return [], False, []
    if isinstance(listed, Scalar) and listed.text is None:
        if not unread and not lost:
            return [], True, []
        listed = Seq((), shown, listed.line, listed.col)  # (every topic held a syntax error)
    if not isinstance(listed, Seq):
        checker.error(listed, f"'topics' must be a list of topics, not {ACTUAL[listed.kind]}")
        return [], False, []
    drafts, unnamed = _read_items(listed, unread, checker, problems)
    if not lost:
        return drafts, True, unnamed
    # What cannot be read may be part of a topic, or of the list: no topic is one of the
    # site until it is fixed, and a topic is unknown only when no id is among it.
    for draft in chain(drafts, unnamed, *(draft.duplicates for draft in drafts)):
        draft.usable = False
    return drafts, _Unread.ID not in lost, unnamed


def _read_items(
    listed: Seq, unread: list[TopicDraft], checker: RecordChecker, problems: Problems
) -> tuple[list[TopicDraft], list[TopicDraft]]:
    """The topics of the 'topics:' list (with ``unread``, those known by their id alone),
    each checked on its own, and those with no valid id."""
    drafts = []
    unnamed: list[TopicDraft] = []
    first: dict[str, TopicDraft] = {}
    titled: dict[str, TopicDraft] = {}  # a title as `_warn_same_title` compares it -> its topic
    items = sorted(chain(listed.items, unread), key=lambda item: item.loc.line)
    claims = _id_claims(items)
    for number, item in enumerate(items, 1):
        checker.taken = {i: said for i, (said, holder) in claims.items() if holder is not item}
        if isinstance(item, TopicDraft):  # (one `_past_syntax_errors` could not read)
            if item.id in first:
                checker.error(item.nodes["id"], _duplicate(item.id, first[item.id]))
                first[item.id].duplicates.append(item)
            else:
                first[item.id] = item
                drafts.append(item)
            continue
        if not isinstance(item, Map):
            checker.error(
                item,
                f"'topics' item {number} must be a mapping with an id and a title,"
                f" not {ACTUAL[item.kind]}",
            )
            continue
        values, usable = checker.record(item, TOPIC_FIELDS, "a topic")
        topic_id = values.get("id")
        nodes = {key.text or "": value for key, value in item.entries}
        if isinstance(topic_id, str) and topic_id in first:
            checker.error(nodes["id"], _duplicate(topic_id, first[topic_id]))
        # (Of a topic with no valid id too: what the topic alone says of itself. A short
        # one of a topic the site has is told once its papers are known: see
        # warn_short_reading_orders.)
        _check_reading_order_length(
            nodes.get("reading_order"), problems,
            short=not (usable and isinstance(topic_id, str) and topic_id not in first),
        )
        threshold = values.get("threshold")
        if isinstance(threshold, float) and threshold <= 0 and "threshold" in nodes:
            problems.warning(
                nodes["threshold"].loc,
                f"threshold {threshold:g} gives the topic every paper any of its keywords"
                " matches once; give the score a paper needs (a keyword in the title scores"
                " 3 times its weight, each mention once more)",
            )
        _check_keyword_overlaps(nodes.get("keywords"), values.get("keywords"), problems)
        _warn_fields_as_keywords(nodes, values.get("keywords"), problems)
        if not isinstance(topic_id, str):
            written = nodes.get("id")
            meant = id_fix(written.text) if isinstance(written, Scalar) and written.text else ""
            meant = meant if meant not in checker.taken else ""  # (told who has it instead)
            unnamed.append(TopicDraft("", values, nodes, item.loc, False, meant=meant))
            continue
        draft = TopicDraft(topic_id, values, nodes, item.loc, usable)
        if topic_id in first:
            first[topic_id].duplicates.append(draft)
        else:
            first[topic_id] = draft
            drafts.append(draft)
            _warn_same_title(draft, titled, problems)
    return drafts, unnamed


def _id_claims(items: Sequence[Node | TopicDraft]) -> dict[str, tuple[str, object]]:
    """Each id a topic of ``items`` has, or is told to write (validate.id_fix: "Model
    Merging" is 'model-merging'), -> what to call that topic where another gives the id
    as a name, and the topic's item: an id a topic has is its own wherever it is, an id
    told to write the first's that is told it."""
    claims: dict[str, tuple[str, object]] = {}
    told: list[tuple[str, object, int]] = []
    for item in items:
        node = item.nodes.get("id") if isinstance(item, TopicDraft) else item.get("id") if isinstance(item, Map) else None
        text = node.text if isinstance(node, Scalar) else None
        if not text:
            continue
        if _ID.fullmatch(text):
            claims.setdefault(text, (f"the id of the topic at line {node.line}", item))
        elif fixed := id_fix(text):
            told.append((fixed, item, node.line))
    for fixed, item, line in told:
        claims.setdefault(fixed, (f"the id the topic at line {line} is told to write", item))
    return claims


def meant_ids(unnamed: Iterable[TopicDraft]) -> frozenset[str]:
    """The ids topics with no valid id are told to write (`TopicDraft.meant`): a paper,
    a parent or a page naming one is right once its topic is fixed as told, and is not
    said unknown (one written as the topic's id was written is told the id to write)."""
    return frozenset(draft.meant for draft in unnamed if draft.meant)


def _warn_same_title(draft: TopicDraft, titled: dict[str, TopicDraft], problems: Problems) -> None:
    """Warn about a topic titled as one before it (capitals, spacing and Unicode's forms
    of one letter aside: "é" composed or an "e" and its accent): the
    topics page, the menu and each paper's topics would show two topics a reader cannot
    tell apart. (A warning: the site builds; two ids of one title may be meant.)"""
    title = draft.values.get("title")
    if not isinstance(title, str) or not title.strip():
        return
    # (Unicode's canonical caseless match: NFD first, as a letter composed and the same
    # letter decomposed may casefold apart; NFC after, one key for either form.)
    said = unicodedata.normalize("NFC", unicodedata.normalize("NFD", " ".join(title.split())).casefold())
    other = titled.setdefault(said, draft)
    if other is not draft:
        problems.warning(
            draft.nodes["title"].loc,
            f"topic {quoted(draft.id)} has the title of topic {quoted(other.id)} (line"
            f" {other.nodes['title'].line}): pages and the menu would show two topics alike;"
            " give one another title, or merge the two",
        )


def _any_unread(drafts: Sequence[TopicDraft]) -> bool:
    """Whether a topic could not be read (a YAML syntax error inside it): which papers
    the others have then depends on what it says (its papers under its parent, a paper
    whose closest topic it is), so none is said to have too few."""
    return any(draft.unread for draft in drafts)


def _keywords_refused(drafts: Sequence[TopicDraft]) -> bool:
    """Whether a topic's keywords were refused (written as a list or on the key's line:
    the error says how to write them): which papers the topics get then depends on
    them, as on an unread topic, so no paper is said to be in none ("no keyword of any
    topic matches it; add a word of its own to a topic's keywords") nor topic empty."""
    return any("keywords" in draft.nodes and "keywords" not in draft.values for draft in drafts)


def _a_keyword_refused(draft: TopicDraft) -> bool:
    """Whether one of the topic's keywords was refused ('attention: high', a weight that
    is no number; a phrase that can never match), or all of them: the papers it would
    place are unknown. Leaving out of "add a word of its own to a topic's keywords" the
    words already written would not do: "no keyword of any topic matches it" would still
    be false of the paper the curator wrote it for. So nothing is said of papers in no
    topic, nor of this topic as empty; the error is to be fixed before the list builds,
    and what is still true is said then."""
    node, keywords = draft.nodes.get("keywords"), draft.values.get("keywords")
    if node is not None and keywords is None:
        return True
    # (A keyword is left out of the values only at an error: its phrase's or weight's.)
    return isinstance(node, Map) and isinstance(keywords, dict) and len(keywords) < len(node.entries)


def _duplicate(topic_id: str, first: TopicDraft) -> str:
    return (
        f"duplicate topic id {quoted(topic_id)} (first defined at line {first.nodes['id'].line}):"
        " the site has the first; give this one another id, or merge the two"
    )


# The line that opens the list of topics, however broken ("topics", "topics: ["), and a
# topic's first line in it ("  - id: x").
_TOPICS_LINE = re.compile(r"topics\b")
_ITEM = re.compile(r"( *)-(?:[ \t]+|$)")
# A topic's id on a line of its own, as the reader takes it (plain or quoted), or as
# it is still there to read on a line YAML cannot read: one id alone after its key,
# whose colon or space after it is missing ("id graphs", "id:graphs"), or with a
# bracket or quote around it never closed or not matched ("id: [graphs", "id: 'graphs\"").
# (Not "id: [a, b" or "id: a: b": which topic that is cannot be told.)
_ID_LINE = re.compile(
    r"( *)(?:-[ \t]+)?['\"]?id['\"]?(?::[ \t]*|[ \t]+)([\[{'\"]*)[ \t]*([a-z0-9-]+)[ \t]*[\]}'\"]*[ \t]*(?:#.*)?"
)
_ID = re.compile(PATTERNS["id"])


class _Unread:
    """What a syntax error outside a topic whose id can be read leaves unread (see
    `_past_syntax_errors`): the 'topics:' line, a line outside any topic ("more below",
    a '---'), one that may hold a topic's id, a topic without an id YAML can read."""

    HEAD, OTHER, ID = "head", "other", "id"


# A line that gives an id, as a topic's first or a later key does (its colon missing too).
_ANY_ID_LINE = re.compile(r"[ \t]*(?:-[ \t]+)?['\"]?id['\"]?(?:[ \t]*:|[ \t]+[^\s#])")


def _past_syntax_errors(
    text: str, shown: str, problems: Problems, before: int
) -> tuple[Node | None, list[TopicDraft], frozenset[str]]:
    """topics.yml read without the parts that hold a YAML syntax error; those of the
    topics, each known by its id alone (``unread``); and what else was left unread
    (`_Unread`). (None, [], ∅) when that cannot be done.

    One mistake in one topic hid every other topic's (an unknown parent, a keyword that
    never matches, a paper no file has...) until it was fixed: each topic is a list item
    that YAML reads apart from the others' (yamlio.parse_past_syntax_errors), and so is
    each line at the start of a line outside them ('topics:' itself, a line of words
    between two topics, a second document's '---')."""
    lines = text.split("\n")
    items = _topic_spans(lines)
    item_starts = {start for start, _ in items}
    starts = sorted(item_starts.union(start for start, _ in top_level_spans(lines)))
    parts = list(zip(starts, starts[1:] + [len(lines)]))
    tree, blanked = parse_past_syntax_errors(text, shown, problems, parts, set(problems.items[before:]))
    if tree is None:
        return None, [], frozenset()
    head = next((at for at, line in enumerate(lines) if _TOPICS_LINE.match(line)), None)
    unread, lost = [], set()
    for span in blanked:
        if span[0] in item_starts:
            draft = _unread_topic(lines, span, shown)
            if draft is None:
                lost.add(_Unread.ID)
            else:
                unread.append(draft)
        elif any(_ANY_ID_LINE.match(line) for line in lines[span[0] : span[1]]):
            lost.add(_Unread.ID)
        else:
            lost.add(_Unread.HEAD if span[0] == head else _Unread.OTHER)
    return tree, unread, frozenset(lost)


def _topic_spans(lines: list[str]) -> list[tuple[int, int]]:
    """The lines (from, to: 0-based, the end excluded) of each item of the file's
    top-level 'topics:' list (its line read however it is broken: 'topics', 'topics: ['),
    written in block style; none for another shape. A line less indented than the items
    ends one, and the next item at their indentation starts another."""
    start = next((at for at, line in enumerate(lines) if _TOPICS_LINE.match(line)), None)
    if start is None:
        return []
    spans: list[tuple[int, int]] = []
    indent = None
    for at in range(start + 1, len(lines)):
        line = lines[at]
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        item = _ITEM.match(line)
        if indent is None:
            if item is None:
                return []
            indent = len(item.group(1))
        if item is not None and len(item.group(1)) == indent:
            if spans:
                spans[-1] = (spans[-1][0], at)
            spans.append((at, len(lines)))
        elif len(line) - len(line.lstrip(" ")) <= indent and not line.startswith(" " * indent + "-"):
            if spans and spans[-1][1] == len(lines):
                spans[-1] = (spans[-1][0], at)  # (not one of its lines: another part of the file)
    return spans


def _unread_topic(lines: list[str], span: tuple[int, int], shown: str) -> TopicDraft | None:
    """The topic of ``lines[span]`` known by its id alone, if it gives one on a line of
    its own at the indentation of its first key."""
    first = lines[span[0]]
    key_col = len(first) - len(_ITEM.sub("", first, count=1))
    ids = []
    for at in range(*span):
        found = _ID_LINE.fullmatch(lines[at])
        if found is None:
            continue
        col = len(found.group(1)) if at > span[0] else key_col  # (where "id:" starts)
        if col == key_col and len(found.group(3)) <= MAX_ID_LENGTH and _ID.match(found.group(3)):
            ids.append(Scalar(found.group(3), shown, at + 1, found.start(3) + 1 - len(found.group(2))))
    if len(ids) != 1:
        return None
    node = ids[0]
    loc = Location(shown, span[0] + 1, key_col + 1)
    return TopicDraft(str(node.text), {"id": node.text}, {"id": node}, loc, False, unread=True)


def _check_keyword_overlaps(node: Node | None, keywords: object, problems: Problems) -> None:
    """Warn about each keyword that matches the same words as an earlier one of its topic
    (after stemming): a paper matching both counts the weight twice."""
    if not isinstance(node, Map) or not isinstance(keywords, dict) or len(keywords) < 2:
        return
    from .topics import keyword_overlaps  # imported late: the stemmer, for topic files only

    where = {key.text: key.loc for key, _ in node.entries}
    for first, second in keyword_overlaps(keywords):
        problems.warning(
            where.get(second, node.loc),
            f"keyword {quoted(second)} matches the same words as {quoted(first)}, so a paper with them"
            " counts both weights; keep one (with the weight of both, if meant)",
        )


def _warn_fields_as_keywords(nodes: Mapping[str, Node], keywords: object, problems: Problems) -> None:
    """Warn about a keyword 'threshold' in a topic that has none, written with a number
    ("threshold: 3" indented under 'keywords:' a step too far): it is read as a keyword
    of that weight, and the topic gets a threshold of 1, with nothing said. (Only the
    threshold: the other fields hold no number, so "description: 1" is a keyword of a
    topic of scene description; one of them written with its own value is an error,
    RecordChecker.keywords.)"""
    phrases = nodes.get("keywords")
    if not isinstance(phrases, Map) or not isinstance(keywords, dict) or "threshold" in nodes:
        return
    for key, value in phrases:
        if key.text == "threshold" and not key.quoted and key.text in keywords:
            problems.warning(
                key.loc,
                f"'threshold' is read as a keyword of weight {getattr(value, 'text', '')}, since it is"
                " indented under 'keywords:', and the topic has a threshold of 1: if it is the topic's"
                " threshold, indent it as 'keywords:' is; if a keyword, write it in quotes"
                f" ('\"threshold\": {getattr(value, 'text', '')}') to say so",
            )


def _check_reading_order_length(node: Node | None, problems: Problems, short: bool = True) -> None:
    """Warn when a reading order (if written) is not of the length the schema asks (one
    too short only when ``short``)."""
    if node is None or isinstance(node, Refused):
        return  # (a refused one, "-paper-id" with no space after its dash, is reported)
    if isinstance(node, Seq):
        count = len(node.items)
    elif isinstance(node, Scalar) and node.text is None:
        count = 0
    else:
        return  # not a list: reported as such
    low, high = READING_ORDER_LENGTH
    if count > high:
        problems.warning(
            node.loc,
            f"'reading_order' lists {count} papers; keep it to the {low} to {high} to read first",
        )
    elif count == 0:
        problems.warning(
            node.loc, f"'reading_order' is empty; list {low} to {high} papers or remove it"
        )
    elif count < low and short:
        _warn_short(node, count, problems)


def _warn_short(node: Node, count: int, problems: Problems, papers: int | None = None) -> None:
    """``papers``: how many the topic has, when fewer than a reading order's least."""
    low, high = READING_ORDER_LENGTH
    ask = f"list {low} to {high} papers to read first"
    if papers is not None and papers < low:
        # (A topic of two whose one listed id is a typo was told to list three.)
        ask = "its topic has 1: list it" if papers == 1 else f"its topic has {papers}: list them in the order to read them"
    problems.warning(node.loc, f"'reading_order' lists {count} paper{'' if count == 1 else 's'}; {ask}")


def warn_short_reading_orders(content: Content, drafts: Sequence[TopicDraft], problems: Problems) -> None:
    """Warn of a reading order of fewer papers than the schema asks, of a topic the site
    has, unless it lists every paper of its topic: a new list's topic of two papers,
    both listed, was told to list three, which it cannot (nor is it told when it lists
    none, since its other papers show on its page)."""
    if _any_unread(drafts):
        return
    low = READING_ORDER_LENGTH[0]
    shown = {topic.id for topic in content.topics}
    short = [
        (draft, node) for draft in drafts
        if draft.id in shown and isinstance(node := draft.nodes.get("reading_order"), Seq)
        and 0 < len(node.items) < low
    ]
    if not short:
        return
    from .topics import assign_paper, compile_topics

    matcher = compile_topics(content.topics)
    ids = {paper.id for paper in content.papers}
    for draft, node in short:
        listed = {getattr(item, "text", None) for item in node.items}
        known = len(listed & ids)
        # The topic's other papers, counted only up to the least a reading order lists
        # (each counted paper's rules run: a big topic is not counted whole). Those whose
        # files list the topic are papers of it without running a rule. None: the order
        # lists every paper of its topic, and is not short.
        members = (
            paper for paper in content.papers
            if paper.id not in listed
            and (draft.id in paper.topics or any(a.topic == draft.id for a in assign_paper(paper, matcher)))
        )
        # (``known`` <= the items < ``low``: at least one more is looked for.)
        found = sum(1 for _ in islice(members, low - known))
        if found:
            # (Counting the papers it lists, not its items: "[a, typo-of-b]" on a topic of
            # a and b "lists 2 papers; its topic has 2", beside the typo's own error.)
            _warn_short(node, known, problems, known + found)


class TopicAliases(dict[str, tuple[str, str]]):
    """`topic_aliases`: a name as an id -> (the first topic's id, the name); ``shared``:
    a name several topics have -> the ids of all of them, which a suggestion names."""

    def __init__(self) -> None:
        super().__init__()
        self.shared: dict[str, list[str]] = {}

    def among(self, allowed: Container[str]) -> TopicAliases:
        """The names of the ``allowed`` topics alone, each still shared by those of them
        that have it: a name's first topic left out (the topic itself, as a parent), the
        next that has it is the one it names."""
        kept = TopicAliases()
        for alias, (topic_id, name) in self.items():
            having = [i for i in self.shared.get(alias, [topic_id]) if i in allowed]
            if having:
                kept[alias] = (having[0], name)
                if len(having) > 1:
                    kept.shared[alias] = having
        return kept


def topic_aliases(
    topics: Iterable[tuple[str, str, Mapping[str, object]]],
) -> TopicAliases:
    """A topic's title and keywords, written as ids -> (the topic's id, that name), from
    (id, title, keywords) of each topic: "task-vectors" names no topic, but a topic with
    the keyword "task vector" is the one meant. (A name of two topics is the first's,
    and `TopicAliases.shared`.)"""
    listed = list(topics)
    ids = {topic_id for topic_id, _, _ in listed}
    aliases = TopicAliases()
    for topic_id, title, keywords in listed:
        names = [title] + [
            part.strip()
            for phrase, weight in keywords.items()
            if isinstance(weight, (int, float)) and weight > 0  # (not one counting against it)
            # (A phrase of parts that must all match, "prompt & continual learning", is no
            # name in any part: "prompt" alone is no name of a topic of continual learning.)
            and "&" not in str(phrase)  # (topics.ALL_OF, ANY_OF: that module loads the stemmer)
            for part in str(phrase).split("|")
        ]
        for name in names:
            alias = slugify(name)
            if alias and alias not in ids:
                first = aliases.setdefault(alias, (topic_id, name))[0]
                if first != topic_id and topic_id not in (having := aliases.shared.setdefault(alias, [first])):
                    having.append(topic_id)
    return aliases


def draft_aliases(topics: Sequence[TopicDraft]) -> TopicAliases:
    """`topic_aliases` of the topics as read from topics.yml."""
    return topic_aliases(
        (
            t.id,
            str(t.values.get("title") or ""),
            keywords if isinstance(keywords := t.values.get("keywords"), dict) else {},
        )
        for t in topics
    )


def alias_hint(
    word: str, aliases: Mapping[str, tuple[str, str]], written: Callable[[str], str] = str
) -> str:
    """" (did you mean ...? it is about ...)" when ``word`` is (close to) a topic's alias;
    ``written``: how a reference to the topic is written where the word is."""
    meant = _alias_meant(word, aliases)
    if meant is None:
        return ""
    return _about(*meant, aliases, written)


def _about(topic_id: str, name: str, aliases: Mapping[str, tuple[str, str]], written: Callable[[str], str]) -> str:
    """" (did you mean ...? it is about ...)" of the topic named ``name``; of each topic
    having that name, when several have it (`TopicAliases.shared`): the first's alone
    hid that the name is ambiguous."""
    having = getattr(aliases, "shared", {}).get(slugify(name), [topic_id])
    if len(having) == 1:
        return f" (did you mean {quoted(written(topic_id))}? it is about {quoted(name)})"
    shown = [quoted(written(i)) for i in having]
    return f" (did you mean {', '.join(shown[:-1])} or {shown[-1]}? each is about {quoted(name)})"


def _alias_meant(word: str, aliases: Mapping[str, tuple[str, str]]) -> tuple[str, str] | None:
    """(The topic's id, its name) of the alias ``word`` is, or is a typo of (`alias_hint`)."""
    # Written exactly as a name, however short ("mtl" for the keyword "MTL"); else a
    # plausible typo of one (`closest` guesses nothing for a word under four letters).
    alias = word if word in aliases else closest(word, sorted(aliases)) if aliases else None
    return aliases[alias] if alias is not None else None


def suggest_topic(
    word: str, ids: Sequence[str], aliases: Mapping[str, tuple[str, str]], written: Callable[[str], str] = str
) -> str:
    """" (did you mean ...?)" for an unknown topic id ``word``, as `unknownids.suggest_paper`
    is for a paper's: the topic it names by its title or a keyword, written as an id
    whatever its capitals, or by its id and that name joined ("peft-parameter-efficient-
    fine-tuning"); else an id it is a plausible typo of or holds whole (typos.closest:
    "parameter-efficient-fine-tuning" holds 'fine-tuning', but is another topic's title);
    else a name it is a typo of (`alias_hint`). ``ids`` sorted; ``written`` as there."""
    meant = _suggested(word, ids, aliases)
    if meant is None:
        return ""
    topic_id, name = meant
    return _about(topic_id, name, aliases, written) if name else f" (did you mean {quoted(written(topic_id))}?)"


def topic_meant(word: str, ids: Sequence[str], aliases: Mapping[str, tuple[str, str]]) -> str | None:
    """The id of the topic `suggest_topic` suggests for ``word``; None for none, or when
    it suggests several (a name they share)."""
    meant = _suggested(word, ids, aliases)
    if meant is None or len(getattr(aliases, "shared", {}).get(slugify(meant[1]), ())) > 1:
        return None
    return meant[0]


def topics_meant(word: str, ids: Sequence[str], aliases: Mapping[str, tuple[str, str]]) -> list[str]:
    """The ids of the topics ``word`` most plausibly names, each as close: the topics of
    the title or keyword it is (several when they share it, as `suggest_topic` says
    them), else the ids it is as plausible a typo of or the first words of
    (typos.closest_all: "multi-task" begins 'multi-task-learning' and
    'multi-task-reinforcement-learning'), else the topics of a name it is a typo of."""
    named = _named_topic(word, ids, aliases)
    if named is None:
        if close := closest_all(word, ids, within=True):
            return close
        named = _alias_meant(word, aliases)
    if named is None:
        return []
    return list(getattr(aliases, "shared", {}).get(slugify(named[1]), [named[0]]))


def _suggested(word: str, ids: Sequence[str], aliases: Mapping[str, tuple[str, str]]) -> tuple[str, str] | None:
    """(The id, the name it is named by, "" for its id) of the topic `suggest_topic`
    suggests for ``word``; None for none."""
    named = _named_topic(word, ids, aliases)
    if named is not None:
        return named
    match = closest(word, ids, within=True)
    return (match, "") if match else _alias_meant(word, aliases)


def _named_topic(word: str, ids: Sequence[str], aliases: Mapping[str, tuple[str, str]]) -> tuple[str, str] | None:
    """(The id, the name) of the topic ``word`` names by its title or a keyword (`topic_aliases`),
    alone or joined to its id by a hyphen, either first; None for none."""
    slug = slugify(word)
    if slug in aliases:
        return aliases[slug]
    for at, char in enumerate(slug):
        if char == "-":
            for topic_id, name in ((slug[:at], slug[at + 1 :]), (slug[at + 1 :], slug[:at])):
                if aliases.get(name, ("",))[0] == topic_id and topic_id in ids:
                    return aliases[name]
    return None


def check_parents(
    topics: Sequence[TopicDraft], problems: Problems, known: bool = True,
    paper_ids: Container[str] = frozenset(), meant: Container[str] = frozenset(),
) -> dict[str, str]:
    """Topic id -> its parent, for the parents that exist and form no cycle. ``known``:
    whether every topic of topics.yml is among ``topics`` (read_topics), without which a
    parent that names none may name one that could not be read, and is not said.
    ``paper_ids``: the papers', which a parent naming one is told it is; ``meant``: the
    ids topics with no valid id are told to write (`meant_ids`), no unknown ones."""
    ids = [t.id for t in topics]
    parents: dict[str, str] = {}
    # A renamed topic is often named by its old id, which reads like its title or keyword.
    aliases = functools.cache(lambda: draft_aliases(topics))
    renamed = renamed_topics(topics)
    miswritten: list[TopicDraft] = []
    unknown: list[tuple[TopicDraft, str]] = []
    for draft in topics:
        parent, written = _parent(draft)
        if parent in ids:
            parents[draft.id] = parent
        if written and (parent in ids or parent in meant or not known):
            miswritten.append(draft)
        elif parent and parent not in ids and parent not in meant and known:
            unknown.append((draft, parent))
    if unknown:
        children: dict[str, list[str]] = {}
        for child, parent in parents.items():
            children.setdefault(parent, []).append(child)
        for draft, parent in unknown:
            # (Never the topic itself, nor one under it: written, either makes a cycle.)
            below = topic_and_below(draft.id, children)
            others = [i for i in ids if i not in below]
            _unknown_parent(draft, parent, others, renamed, aliases, problems, paper_ids)
    in_cycle: set[str] = set()
    for draft in topics:  # in file order: each cycle is reported once, at its first topic
        chain = [draft.id]
        while chain[-1] in parents and parents[chain[-1]] not in chain:
            chain.append(parents[chain[-1]])
        if parents.get(chain[-1]) == draft.id and draft.id not in in_cycle:
            in_cycle.update(chain)
            # (Of a parent written as a list too: "name one" was then written in brackets.)
            listed = _said_of_parent(draft) if isinstance(draft.values.get("parent"), ListedRef) else ""
            problems.error(
                draft.nodes["parent"].loc,
                listed
                + f"topic {quoted(draft.id)} is its own parent: a parent is a broader topic; name"
                " one, or remove 'parent'"
                if len(chain) == 1
                else listed + f"topic parents form a cycle: {' -> '.join(chain + [draft.id])}; a parent"
                " is a broader topic: remove 'parent' from the broadest of them",
            )
    for draft in miswritten:
        if draft.id not in in_cycle:  # (in one, the cycle is what is wrong, said above)
            _write_parent_as_id(draft, problems)
    return {child: parent for child, parent in parents.items() if child not in in_cycle}


def topic_and_below(topic_id: str, children: Mapping[str, Sequence[str]]) -> set[str]:
    """The topic and those under it, at any depth (``children``: topic id -> the ids of
    the topics naming it their parent; a cycle of parents ends here too)."""
    below, stack = {topic_id}, list(children.get(topic_id, ()))
    while stack:
        child = stack.pop()
        if child not in below:
            below.add(child)
            stack.extend(children.get(child, ()))
    return below


def _parent(draft: TopicDraft) -> tuple[str, str]:
    """The id the topic's parent names ("" for none), and the parent as written when it
    is written as a name, "MTL" for 'mtl' (validate.Miswritten; "" otherwise): it is
    looked up as the id it reads as, as a paper's topics: are."""
    parent = draft.values.get("parent")
    if isinstance(parent, Miswritten):
        return str(parent.text), parent.written
    return (parent, "") if isinstance(parent, str) else ("", "")


def _write_parent_as_id(draft: TopicDraft, problems: Problems) -> None:
    parent, written = _parent(draft)
    listed = draft.values.get("parent")
    if not isinstance(listed, ListedRef):
        problems.error(draft.nodes["parent"].loc, f"'parent': write the topic as its id {quoted(parent)}, not {quoted(written)}")
        return
    line = f"parent: {parent}"
    fix = (
        f"it takes one value: write '{line}' to keep the first" if listed.count > 1
        else f"write '{line}', the value alone" if written == parent else f"write '{line}'"
    )
    problems.error(draft.nodes["parent"].loc, f"'parent' must be an id, not a list; {fix}")


def _said_of_parent(draft: TopicDraft) -> str:
    """How a message on the topic's parent starts: with its field, and for a parent
    written as a list (validate.ListedRef) that it must be an id alone, both mistakes
    in one message: fixed alone, the next run would tell the other."""
    listed = draft.values.get("parent")
    if not isinstance(listed, ListedRef):
        return "'parent': "
    if listed.count > 1:
        return "'parent' must be an id, not a list: it takes one, written alone without brackets; the first: "
    return "'parent' must be an id, not a list, written alone without brackets; "


def _unknown_parent(
    draft: TopicDraft, parent: str, others: list[str], renamed: Mapping[str, str],
    aliases: Callable[[], TopicAliases], problems: Problems,
    paper_ids: Container[str] = frozenset(),
) -> None:
    """``others``: the topics' ids a parent may be, to suggest one of (by id or by a
    keyword or title of theirs: another's names the topic itself or one under it, a
    cycle if written)."""
    allowed = set(others)
    named = functools.cache(lambda: aliases().among(allowed))
    if parent in renamed:
        problems.error(
            draft.nodes["parent"].loc, _said_of_parent(draft) + Fate(renamed[parent], what="topic").says(parent)
        )
    elif parent in paper_ids:
        # (A paper's id pasted as a parent, a reading order's entry say: no typo of a
        # topic's, nor a topic to define; a topic close to it may be the one meant.)
        problems.error(
            draft.nodes["parent"].loc,
            _said_of_parent(draft) + f"unknown topic {quoted(_parent(draft)[1] or parent)}: that is a paper's id;"
            " a parent must be a topic's id"
            + suggest_topic(parent, others, named())
            + ": write the broader topic meant, or remove 'parent'",
        )
    else:
        problems.error(
            draft.nodes["parent"].loc,
            _said_of_parent(draft) + f"unknown topic {quoted(_parent(draft)[1] or parent)}"
            + after_unknown("topic", suggest_topic(parent, others, named())),
        )


def check_duplicates(
    topics: Sequence[TopicDraft], unnamed: Sequence[TopicDraft],
    papers: Callable[[object, str], object],
    problems: Problems, known: bool = True, paper_ids: Container[str] = frozenset(),
    meant: Container[str] = frozenset(),
) -> None:
    """What is wrong inside each topic that gives another's id again, and inside each
    with no valid id (``unnamed``), as it would be said of it on its own: its parent and
    the papers of its reading order (``papers``, given them and the topic's id, reports
    each unknown one) (``known``, ``paper_ids``, ``meant``: as check_parents'). (Its
    fields, and the length of its reading order, are checked as it is read; its old ids
    with every topic's, `check_formerly`.)"""
    if not unnamed and not any(draft.duplicates for draft in topics):
        return
    ids = [t.id for t in topics]
    aliases = functools.cache(lambda: draft_aliases(topics))
    renamed = renamed_topics(topics)

    @functools.cache
    def children() -> dict[str, list[str]]:
        """Topic id -> the ids of the topics naming it their parent (a first definition's)."""
        under: dict[str, list[str]] = {}
        for draft in topics:
            if (parent := _parent(draft)[0]) in ids:
                under.setdefault(parent, []).append(draft.id)
        return under

    for again in chain((again for draft in topics for again in draft.duplicates), unnamed):
        parent, written = _parent(again)
        # (One with no valid id is told the id to write, `meant`: its parent named so is itself.)
        own = again.id or again.meant
        if parent and parent == own:
            listed = _said_of_parent(again) if isinstance(again.values.get("parent"), ListedRef) else ""
            problems.error(
                again.nodes["parent"].loc,
                listed + f"topic {quoted(own)} is its own parent: a parent is a broader topic; name"
                " one, or remove 'parent'",
            )
        elif parent and parent not in ids and parent not in meant and known:
            # (Never the topic itself, nor one under it: written, either makes a cycle.)
            below = topic_and_below(again.id, children())
            others = [i for i in ids if i not in below]
            _unknown_parent(again, parent, others, renamed, aliases, problems, paper_ids)
        elif written:
            _write_parent_as_id(again, problems)
        papers(again.values.get("reading_order"), again.id)


def warn_empty_topics(
    content: Content, drafts: Sequence[TopicDraft], problems: Problems, papers_unread: bool = False
) -> None:
    """Warn about each topic with no paper in it or under it, by the curator or by rule
    (not of one a keyword of which was refused: `_a_keyword_refused`). Nor while a paper
    file is left out for an error (``papers_unread``: a YAML syntax error, an id or a
    title it cannot take, an id another file has): the topics it lists, or its keywords match, are not known
    until it is fixed, and "topic 'x' has no papers" sent the curator to topics.yml
    when the one paper x has was the file in error."""
    if papers_unread or _any_unread(drafts) or _keywords_refused(drafts):
        return
    parents = {topic.id: topic.parent for topic in content.topics}
    empty = set(parents)

    def fill(topic_id: str) -> None:
        while topic_id in empty:  # parents form no cycle: check_parents cut them
            empty.discard(topic_id)
            topic_id = parents[topic_id]

    for draft in drafts:
        if _a_keyword_refused(draft):
            fill(draft.id)  # (which papers it has hangs on the keyword refused)
    for paper in content.papers:
        if not empty:  # usually after a few hundred papers: the rest cannot change that
            break
        for topic_id in paper.topics:
            fill(topic_id)
    if empty:
        # The rules cost a tenth of a millisecond per paper, so they run only until every
        # topic has a paper, trying first the papers most likely to fill one; a full pass
        # happens only when a topic is really empty.
        from .topics import assign_paper, compile_topics

        matcher = compile_topics(content.topics)
        for paper in chain(likely_members(content, empty), content.papers):
            for assignment in assign_paper(paper, matcher):
                fill(assignment.topic)
            if not empty:
                break
    for draft in drafts:
        if draft.id in empty:
            problems.warning(draft.nodes["id"].loc, f"topic {quoted(draft.id)} has no papers")


@dataclass
class TopicMemo:
    """What placing the papers in their topics gave, kept between loads (see
    warn_topicless): the topics they were placed among, and by each paper's id its
    assignments (None: it was not placed, being surely in a topic) and the paper they
    were found for (a rerun's unchanged paper is the very object: no values are
    compared; another is compared in the values its place depends on, `_placing`, read
    from both papers: kept beside them, they were 10,000 tuples more in the build's
    memo at 10,000 papers, to store and read back in every new process). Also, for
    each paper warned of being in no topic, the hint its warning gave (`how_to_place`),
    with the values and the list's common stems it was made from: the hint matches
    each word it could offer as a keyword of its own (`own_keywords`, 0.6 ms a paper),
    which a rerun after an edit elsewhere would do again for the same hint. And what
    `common_stems` counted, for the next count to update."""

    topics: tuple[Topic, ...] = ()
    placed: dict[str, tuple[tuple[TopicAssignment, ...] | None, Paper]] = field(default_factory=dict)
    hints: dict[str, tuple[tuple[object, ...], frozenset[str], str]] = field(default_factory=dict)
    stems: StemCount | None = None  # (made by the first count: topics.py loads the stemmer)

    def assignments(self, paper: Paper) -> tuple[TopicAssignment, ...] | None:
        """``paper``'s assignments as placed last among ``topics``, if it was and is as
        it was then; None otherwise (the caller checks the topics are the same)."""
        last = self.placed.get(paper.id)
        return last[0] if last is not None and _same_placing(last[1], paper) else None


def _placing(paper: Paper) -> tuple[object, ...]:
    """What a paper's topics depend on besides the topics: its own values."""
    return (paper.id, paper.title, paper.abstract, paper.topics, paper.exclude_topics)


def _same_placing(last: Paper, paper: Paper) -> bool:
    return last is paper or _placing(last) == _placing(paper)


def warn_topicless(
    content: Content,
    drafts: Sequence[TopicDraft],
    topics_read: bool,
    papers_dir: Path,
    topics_shown: str,
    listing: Container[str],
    problems: Problems,
    kept: TopicMemo | None = None,
    unnamed: Sequence[TopicDraft] = (),
) -> None:
    """A paper in no topic is on no topic page: warned at its `topics:` (where the fix
    goes; at its id when it writes none). Said by `check` as by each build: to know it,
    the topics' rules place each paper its file gives no topic and its title does not
    surely place (`placed_by_title`: three in four) nor, without ``kept`` (`check`), a
    word of its abstract (`placed_by_abstract`: nearly all the others), a tenth of a
    millisecond or two each, so what placing a paper gave is kept in ``kept`` for the
    next load (and the build), by its id, while what it depends on is unchanged. A list with no topic
    at all (one's own list, begun with an import and `topics: []`) is told so once, at
    topics.yml, not once a paper: a warning for each of its papers said the same thing
    hundreds of times. ``papers_dir`` is the folder of the paper files, which the
    papers' sources show from the project's folder. Nothing is said when topics.yml
    could not be read, or holds a topic the site leaves out (``unnamed``, those with no
    valid id, among them: "no topic is defined" was said of a list whose one topic's id
    was wrong) or whose keywords it
    refused (its papers may be meant for it: its error is said), nor of a paper a reading order names (it is in that
    topic, or an error says it excludes it), nor of one whose file lists a topic
    (``listing``: their ids), unknown as it may be (an error says so)."""
    if not topics_read or unnamed or any(not draft.usable or _a_keyword_refused(draft) for draft in drafts):
        return
    if not drafts:
        if content.papers:
            problems.warning(
                _list_key(papers_dir.parent / TOPICS_FILE, topics_shown),
                f"no topic is defined, so the {counted(len(content.papers), 'paper')} of the"
                f" list {'is' if len(content.papers) == 1 else 'are'} on no topic page; "
                + (
                    "define topics here (README: \"Defining a topic\")"
                    if (papers_dir.parent / TOPICS_FILE).is_file()
                    # (A file deleted to start afresh: "here" is nowhere to be found.)
                    else f"there is no {topics_shown}: create it and define topics there"
                    " (README: \"Defining a topic\"), or write 'topics: []' in it for a list"
                    " without topics"
                ),
            )
        return
    from .topics import (  # (the stemmer: for topics only)
        StemCount, assign_paper, closest_topic, common_stems, compile_topics, placed_by_abstract,
        placed_by_title, placing_spellings, same_topics,
    )

    topics = content.topics
    matcher = None
    common: frozenset[str] | None = None  # (read once, for the first paper in no topic)
    sure: frozenset[str] = frozenset()
    sure_anywhere: frozenset[str] = frozenset()
    unchanged = kept is not None and same_topics(kept.topics, topics)
    memo = kept.placed if kept is not None and unchanged else {}
    hinted = kept.hints if kept is not None and unchanged else {}
    placed: dict[str, tuple[tuple[TopicAssignment, ...] | None, Paper]] = {}
    hints: dict[str, tuple[tuple[object, ...], frozenset[str], str]] = {}
    ordered = {
        getattr(ref, "text", None)
        for draft in drafts
        for topic in (draft, *draft.duplicates)
        for ref in _items(topic.values.get("reading_order"))
    }
    for paper in content.papers:
        last = memo.get(paper.id)
        if last is not None and _same_placing(last[1], paper):
            placed[paper.id] = last if last[1] is paper else (last[0], paper)
            assignments = last[0]
        else:
            if matcher is None:
                matcher = compile_topics(topics)
                sure = placing_spellings(matcher)
                sure_anywhere = placing_spellings(matcher, in_title=False)
            if (
                paper.topics
                or placed_by_title(paper, matcher, sure)
                # (For a build, ``kept``, the placing is done here, where the build
                # takes it from: an abstract's words would be looked up twice.)
                or (kept is None and placed_by_abstract(paper, matcher, sure_anywhere))
            ):
                assignments = None  # (in a topic: left to the build to place)
            else:
                assignments = assign_paper(paper, matcher)
            placed[paper.id] = (assignments, paper)
        if (
            assignments == ()
            and paper.source is not None
            and paper.id not in ordered
            and paper.id not in listing
        ):
            if matcher is None and paper.exclude_topics:
                matcher = compile_topics(topics)
            closest = closest_topic(paper, matcher) if matcher is not None and paper.exclude_topics else None
            if closest is not None and closest in paper.exclude_topics:
                why = f"it excludes its closest topic, {quoted(closest)}, so no other is tried"
                fix = (
                    f"give it 'topics: [...]' (readinglist topics --explain {paper.id} shows"
                    " which keywords it mentions)"
                )
            else:
                if common is None:
                    if kept is not None and kept.stems is None:
                        kept.stems = StemCount()
                    common = common_stems(content.papers, kept.stems if kept is not None else None)
                values = _placing(paper)
                last_hint = hinted.get(paper.id)
                if last_hint is not None and last_hint[0] == values and last_hint[1] == common:
                    fix = last_hint[2]
                else:
                    if matcher is None:
                        matcher = compile_topics(topics)
                    fix = how_to_place(paper, matcher, common)
                hints[paper.id] = (values, common, fix)
                why = "no keyword of any topic matches it"
            problems.warning(
                _topics_key(papers_dir / PurePosixPath(paper.source.path).name, paper.source),
                f"paper {quoted(paper.id)} is in no topic: {why}, and it lists none; {fix}",
            )
    if kept is not None:
        kept.topics, kept.placed, kept.hints = topics, placed, hints


def how_to_place(paper: Paper, matcher: Matcher, common: Container[str]) -> str:
    """What places ``paper``, which no keyword of ``matcher``'s topics matches (README,
    "Defining a topic"): its `topics:`, a keyword of a topic (a few words of its own that
    would be one, none of the list's ``common`` stems: `own_keywords`), a reading order.
    Said by `check` and by `readinglist topics --explain`, which had only "no keyword
    matches" to tell."""
    from .topics import own_keywords

    found = own_keywords(paper, matcher, _OWN_WORDS_SHOWN, common)
    words = ", ".join(quoted(word) for word in found)
    return (
        "give it 'topics: [...]', add a word of its own to a topic's keywords"
        f" ({words + ': ' if words else ''}any score above 0 gives a paper its closest topic),"
        " or list it in a topic's reading_order"
    )


_OWN_WORDS_SHOWN = 3


def _items(refs: object) -> tuple[object, ...]:
    return refs if isinstance(refs, tuple) else ()


def _topics_key(path: Path, source: Location) -> Location:
    """Where the paper file at ``path`` (shown as ``source``) writes `topics:`; its id when it does not
    (as the other warnings of a whole paper are placed; not the file's first line, often
    the comment for the editor); the file's start when it writes neither. (Read again:
    the model keeps no place of a field, and few papers are in no topic.)"""
    tree, _ = read_yaml(path, source.path, Problems())
    if isinstance(tree, Map):
        entries = {key.text: (key, value) for key, value in reversed(tree.entries)}  # (the first of each)
        if "topics" in entries:
            return entries["topics"][0].loc
        if "id" in entries:
            return entries["id"][1].loc
    return Location(source.path, source.line or 1, source.col or 1)


def _list_key(path: Path, shown: str) -> Location:
    """Where topics.yml writes its 'topics:' key (the line to fill; the shipped file's
    comment on matching, which one's own list keeps, is above it); the file's start when
    there is none (no file, an empty one). (Read again: only a list with no topic asks.)"""
    tree, _ = read_yaml(path, shown, Problems()) if path.is_file() else (None, "")
    if isinstance(tree, Map):
        for key, _ in tree.entries:
            if key.text == "topics":
                return key.loc
    return Location(shown, 1, 1)


@dataclass
class KeywordSearch:
    """What `warn_misspelt_keywords` read of the papers' text, for a load after an edit
    of a few papers to tell that its warnings stay as they were (`keywords_unchanged`)
    without joining and searching every paper's text again (0.06 s of CPU at 10,000
    papers, on every rerun): the keyword words, and for each that no paper holds, how
    far its warning read the text (`_BY_NAME`, `_SLIPS`, `_FORMS`)."""

    words: tuple[str, ...]
    unfound: dict[str, int]
    # How many papers, from the first, begin within the first _SLIP_SEARCHED characters
    # of the text (where the slips are looked for): an edit of a later one leaves them.
    searched: int


# How far the warning of a keyword word that no paper holds read the papers' text:
# not at all (a name: `_written_as_name`), the slips in its start, the forms in all of it.
_BY_NAME, _SLIPS, _FORMS = 0, 1, 2


def warn_misspelt_keywords(
    content: Content, drafts: Sequence[TopicDraft], problems: Problems
) -> KeywordSearch | None:
    """Warn about a keyword word that no paper's title or abstract holds in any form,
    one slip of the keys from a word they do hold ("exprets" for "experts"): most likely
    a typo, and the keyword (or its alternative) then matches nothing, which nothing
    else says while the topic has papers by its other keywords. A word in no paper and
    like none ("curricula"), or a word of the dictionary ("shaping", one slip from
    "sharing"), may be meant for papers to come: no warning. What it read of the text
    is handed back, for `keywords_unchanged` (None: nothing to search)."""
    wanted: dict[str, list[tuple[TopicDraft, str]]] = {}
    for draft in drafts:
        keywords = draft.values.get("keywords")
        if isinstance(keywords, dict) and isinstance(draft.nodes.get("keywords"), Map):
            for phrase in keywords:
                for word in dict.fromkeys(_keyword_words(phrase)):
                    wanted.setdefault(word, []).append((draft, phrase))
    if not wanted or not content.papers:
        return None
    # Every title and abstract, lowercased, each byte that is no word character a space:
    # two passes in C (about 30 ms for 10,000 papers, where finding each paper's words
    # costs ten times as much). Nearly every keyword word is found in it at once; only
    # the others are looked at closer. (A character beyond ASCII separates words here,
    # as in topics.py.)
    # (Each title beside its abstract: a word is found about as early as its papers.)
    text = (
        "\n".join(chain([""], *((p.title, p.abstract) for p in content.papers), [""]))
        .encode("utf-8")
        .translate(_LOWER_WORDS)
    )
    backwards: list[bytes] = []  # its start reversed, made only when needed
    unfound: dict[str, int] = {}
    for word, users in sorted(wanted.items()):
        if word.encode() in text:
            continue
        unfound[word] = _BY_NAME
        if any(_written_as_name(word, phrase) for _draft, phrase in users):
            continue  # "LLaVA" beside the papers' "LLaMA", "SBERT" beside "BERT": a name
        unfound[word] = _SLIPS
        # A slip in a digit only is another version of a name: "llama2" beside the
        # papers' "llama", "yolov3" beside "yolov5".
        slips = Counter({
            other: n for other, n in _slips_of(word, text[:_SLIP_SEARCHED], backwards).items()
            if other.translate(_NO_DIGITS) != word.translate(_NO_DIGITS)
        })
        if not slips:
            continue
        unfound[word] = _FORMS
        if _has_form(word, text):
            continue  # another form of it is in a paper: it matches
        # A word of the dictionary is more likely meant for papers to come than a slip,
        # in a small list above all: "cross-modal" where the papers say "model", "reward
        # shaping" where they say "sharing", "normalizing flows" where they say "FLOPs".
        # (A slip that makes another word, "modal merging", is missed with them: even
        # "model merging" in a paper does not tell it from "reward shaping" beside a
        # paper's "reward sharing".)
        from .lemmas import known_word  # imported late: only a likely slip needs it

        if known_word(word):
            continue
        meant = max(slips, key=lambda other: (slips[other], other))
        for draft, phrase in users:
            node = draft.nodes["keywords"]
            assert isinstance(node, Map)
            keys = {key.text: key for key, _ in node.entries}
            # Every part of "a & b" must match; an alternative of "a | b" need not.
            alternatives = next(
                part.split("|") for part in phrase.split("&") if word in _keyword_words(part)
            )
            what = "the keyword" if len(alternatives) == 1 else quoted(
                next(a.strip() for a in alternatives if word in _keyword_words(a))
            )
            problems.warning(
                keys[phrase].loc if phrase in keys else node.loc,
                f"keyword {quoted(phrase)}: no paper's title or abstract has the word {quoted(word)} in"
                f" any form (did you mean {quoted(meant)}?), so {what} matches no paper; correct"
                " the spelling",
            )
    searched = 0
    if any(read >= _SLIPS for read in unfound.values()):
        # Where each paper's title begins in the text, in characters: in bytes (UTF-8)
        # it is as far or further.
        starts = accumulate((len(p.title) + len(p.abstract) + 2 for p in content.papers[:-1]), initial=1)
        searched = sum(1 for _ in takewhile(lambda start: start < _SLIP_SEARCHED, starts))
    return KeywordSearch(tuple(sorted(wanted)), unfound, searched)


def keywords_unchanged(search: KeywordSearch, edits: Iterable[tuple[int, tuple[str, str], tuple[str, str]]]) -> bool:
    """Whether `warn_misspelt_keywords`, which read the list as ``search`` says, would
    warn as it did after ``edits``: the papers at those places in the list, none added
    or removed, given another title and abstract (before, after). It would when no
    keyword word found in the papers was only in the text an edit took away, none in
    no paper is in the text it brought, and of those what their warning read is
    unchanged: the start of the text where slips are looked for (an edit of a paper
    past it), the forms of the word (in neither text). False when that is not sure:
    the list is then searched again."""
    for at, before, after in edits:
        old, new = _lowered(before), _lowered(after)
        for word in search.words:
            spelled = word.encode()
            read = search.unfound.get(word)
            if read is None:
                if spelled in old and spelled not in new:
                    return False  # (perhaps in no other paper)
            elif (
                spelled in new
                or (read >= _SLIPS and at < search.searched)
                or (read >= _FORMS and (_has_form(word, old) or _has_form(word, new)))
            ):
                return False
    return True


def _lowered(text: tuple[str, str]) -> bytes:
    """A paper's title and abstract as `warn_misspelt_keywords` searches them, with the
    spaces that stand between papers there."""
    return f" {text[0]} {text[1]} ".encode("utf-8").translate(_LOWER_WORDS)


def _has_form(word: str, text: bytes) -> bool:
    """Whether ``text`` (`_LOWER_WORDS`) holds a word of the stem of ``word``."""
    from .topics import _stem  # imported late: the stemmer, for topics only

    stem = _stem(word)
    # Its other forms begin as its stem does, but for the stem's last letter
    # ("study" for "studies", stem "studi").
    forms = _words_starting(stem[: max(3, len(stem) - 1)], text, 1, 99)
    return any(_stem(other) == stem for other in set(forms))


# How much of the text the words a keyword word is a slip of are looked for in (about
# 3,000 papers): a word a curator means is in many, and a longer search cost a list of
# 10,000 papers a tenth of its check for each word in no paper ("curricula").
_SLIP_SEARCHED = 4_000_000

# Each byte: a-z, 0-9 and the apostrophe as they are, A-Z lowercased, any other one
# (a UTF-8 byte of a character beyond ASCII too) a space.
_LOWER_WORDS = bytes(
    b + 32 if 65 <= b <= 90 else b if chr(b) in "abcdefghijklmnopqrstuvwxyz0123456789'" else 32
    for b in range(256)
)


_NO_DIGITS = str.maketrans("", "", "0123456789")


def _written_as_name(word: str, phrase: str) -> bool:
    """Whether ``phrase`` writes ``word`` (a word of it, lower-cased) with a capital after
    its first letter, as a name or an initialism is written ("LLaVA", "QLoRA", "SBERT")."""
    return any(
        any(c.isupper() for c in found.group()[1:])
        for found in re.finditer(rf"(?i)(?<![a-z0-9]){re.escape(word)}(?![a-z0-9])", phrase)
    )


def _keyword_words(phrase: str) -> list[str]:
    """The words of a keyword phrase worth looking for as typos: of 5 letters or more
    (a slip in a shorter word, "MTL", is as likely another initialism)."""
    from .topics import _words

    return [w for w in _words(phrase) if len(w) >= 5 and not w.isdigit()]


def _slips_of(word: str, text: bytes, backwards: list[bytes]) -> Counter[str]:
    """The words of ``text`` one slip of the keys from ``word`` (a letter missing, extra
    or wrong, two side by side swapped), with how often each occurs. A slip leaves the
    first or the last half of the word as it was: only the words that begin with its
    first half or end with its last, and are about as long, are compared."""
    from rapidfuzz.distance import OSA  # imported late: only a likely slip needs it

    half = max(2, (len(word) - 1) // 2)
    low, high = len(word) - 1 - half, len(word) + 1 - half
    # A word's end is its reversed start, found in the reversed text: a pattern that
    # begins with a literal is found fast, one that ends with it is not.
    if not backwards:
        backwards.append(text[::-1])
    found = _words_starting(word[:half], text, low, high) + [
        other[::-1] for other in _words_starting(word[-half:][::-1], backwards[0], low, high)
    ]
    return Counter({
        other: n for other, n in Counter(found).items() if OSA.distance(word, other) == 1
    })


def _words_starting(start: str, text: bytes, low: int, high: int) -> list[str]:
    """Each word of ``text`` (words separated by single spaces) that begins with
    ``start``, followed by ``low`` to ``high`` more characters."""
    pattern = b" " + re.escape(start.encode()) + b"[^ ]{%d,%d}(?= )" % (low, high)
    return [found[1:].decode() for found in re.findall(pattern, text)]


def likely_members(content: Content, topic_ids: set[str]) -> list[Paper]:
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


def make_topic(draft: TopicDraft, parent: str, reading_order: tuple[str, ...]) -> Topic:
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
        formerly=tuple(str(ref.text) for ref in former_ids(draft)),
        source=draft.loc,
    )


def former_ids(draft: TopicDraft) -> tuple[Scalar, ...]:
    """The located ids of the topic's `formerly:` (those of a valid form)."""
    listed = draft.values.get("formerly")
    return tuple(ref for ref in listed if isinstance(ref, Scalar)) if isinstance(listed, tuple) else ()


def renamed_topics(topics: Sequence[TopicDraft]) -> dict[str, str]:
    """Old topic id -> the topic whose `formerly:` names it, when exactly one does and
    no topic has that id now."""
    ids = {t.id for t in topics}
    claims: dict[str, set[str]] = {}
    for draft in topics:
        for ref in former_ids(draft):
            if ref.text != draft.id:  # (first, its own: the id it went back to)
                claims.setdefault(str(ref.text), set()).add(draft.id)
    return {old: next(iter(by)) for old, by in claims.items() if len(by) == 1 and old not in ids}


def check_formerly(
    topics: Sequence[TopicDraft], problems: Problems, unnamed: Sequence[TopicDraft] = ()
) -> None:
    """Each old topic id names a page that no longer exists, for one topic only: its old
    address then leads to that topic's page. (A topic that gives another's id again, or
    none that is valid, ``unnamed``, is checked as if it were one of its own: given an
    id of its own, it would be.)"""
    ids = {t.id for t in topics}
    named: dict[str, list[Scalar]] = {}
    every = sorted(chain(topics, unnamed, *(t.duplicates for t in topics)), key=lambda t: t.loc.line)
    for draft in every:  # (in file order)
        for at, ref in enumerate(former_ids(draft)):
            if ref.text == draft.id and at == 0:
                continue  # the id it was first known by, and was renamed back to
            named.setdefault(str(ref.text), []).append(ref)
            if said := _former_id_problem(draft, at, ref, ids):
                problems.error(ref.loc, said)
    for old, refs in named.items():
        if len(refs) > 1 and old not in ids:
            for ref in refs:
                others = ", ".join(str(other.loc) for other in refs if other is not ref)
                problems.error(
                    ref.loc,
                    f"{quoted(old)} is also in the 'formerly' of the topic{'s' if len(refs) > 2 else ''}"
                    f" at {others}: an old"
                    " address leads to one topic; keep it in the one that had the id",
                )


def _former_id_problem(draft: TopicDraft, at: int, ref: Scalar, ids: Container[str]) -> str:
    """What is wrong with the ``at``-th old id of a topic's `formerly:`, or ""."""
    if ref.text == draft.id and at > 0:
        return (
            f"{quoted(draft.id)} is this topic's own id; 'formerly' lists the ids it had before a"
            " rename (its own only first, when it was renamed back to the id it was first"
            " known by)"
        )
    if ref.text in ids and ref.text != draft.id:
        return (
            f"{quoted(ref.text)} is the id of another topic: its address is that topic's page,"
            " and cannot lead to this one; remove it from 'formerly'"
        )
    return ""


def only_known_topic(topic: Topic, paper_ids: set[str], topic_ids: set[str]) -> Topic:
    return replace(
        topic,
        parent=topic.parent if topic.parent in topic_ids else "",
        reading_order=tuple(p for p in topic.reading_order if p in paper_ids),
    )


def warn_renamed_by_hand(path: Path, shown: str, topics: Sequence[TopicDraft], problems: Problems) -> None:
    """A topic whose id was changed by hand in topics.yml (``path``, shown as ``shown``):
    git's copy of the file (HEAD's, while the change is not committed) has a topic of its
    title under an id no topic has now nor lists in its `formerly:`; or, retitled at once,
    of its description or reading order, which no other new topic shares. Its old address
    topics/<old>/ would lead nowhere with nothing said where the topic is (papers naming
    the old id are told "unknown topic"), and `readinglist rename --topic` or a
    `formerly:` keeps it. A warning, as a paper renamed by hand is (curation._warn_renames):
    the old address breaks, it leads to no other topic. Two git runs; a file as git
    has it is not read again."""
    from .gitcopy import last_copy  # imported late: the check of topics.yml alone runs git

    try:
        now = path.read_bytes()
    except OSError:
        return
    copy = last_copy(path.parent, path.name)
    if copy is None or copy.data == now:
        return
    ids = {draft.id for draft in topics}
    kept = ids | renamed_topics(topics).keys()
    listed = _old_topics(copy.data)
    before = {old.id: old for old in listed if old.id not in kept}
    if not before:
        return  # (the usual edit: every topic git had is there still)
    had = {old.id for old in listed}
    # The topics git's copy does not have, by title, description and reading order.
    added = [
        draft for draft in topics
        if draft.usable and "id" in draft.nodes and draft.id not in had
    ]
    by_title: dict[str, list[TopicDraft]] = {}
    for draft in added:
        if isinstance(title := draft.values.get("title"), str):
            by_title.setdefault(_title_form(title), []).append(draft)
    for old in sorted(before.values(), key=lambda old: old.id):
        found = by_title.get(_title_form(old.title), [])
        said = f"git's copy of {shown} at {copy.commit}"
        if not found:
            # Retitled too: the text that is the topic's own besides its title, a whole
            # description or reading order no other topic git had shares. (A new topic
            # put in the place of a deleted one is written anew: it shares neither.)
            found = [draft for draft in added if _shares(old, draft)]
            said += f" has {quoted(old.id)} with this topic's {_shared(old, found[0])}" if len(found) == 1 else ""
        if len(found) != 1:
            continue  # (none, or several topics alike: which one it became is unknown)
        new = found[0].id
        former = former_ids(found[0])
        add = f"add {quoted(old.id)} to its 'formerly:' list" if former else f"add 'formerly: [{old.id}]'"
        problems.warning(
            found[0].nodes["id"].loc,
            f"topic {quoted(new)} was {quoted(old.id)} ({said}): its old address"
            f" topics/{old.id}/ leads nowhere now, and papers naming {quoted(old.id)} name no topic; {add} so the"
            f" old address leads here, or, to rename it with every paper and page naming it, write"
            f" 'id: {old.id}' back and run: readinglist rename --topic {old.id} {new}",
        )


@dataclass(frozen=True)
class _OldTopic:
    """A topic of git's copy of topics.yml, as far as a rename by hand is told by it."""

    id: str
    title: str
    description: str = ""  # (its form: `_title_form`)
    reading_order: tuple[str, ...] = ()


def _description_and_order(draft: TopicDraft) -> tuple[str, tuple[str, ...]]:
    """A topic's description (its form: `_title_form`) and its reading order's ids."""
    description = draft.values.get("description")
    order = tuple(str(getattr(ref, "text", "")) for ref in _items(draft.values.get("reading_order")))
    return _title_form(description) if isinstance(description, str) else "", order


def _shared(old: _OldTopic, draft: TopicDraft) -> str:
    """What of git's topic ``old`` the topic ``draft`` has unchanged ("" for nothing):
    "description", "reading order" or "description and reading order"."""
    description, order = _description_and_order(draft)
    same = [
        *(["description"] if old.description and old.description == description else []),
        *(["reading order"] if old.reading_order and old.reading_order == order else []),
    ]
    return " and ".join(same)


def _shares(old: _OldTopic, draft: TopicDraft) -> bool:
    return bool(_shared(old, draft))


def _title_form(title: str) -> str:
    """A topic's title as two titles of one topic match: case and spacing aside."""
    return " ".join(unicodedata.normalize("NFC", title).casefold().split())


def _old_topics(data: bytes) -> list[_OldTopic]:
    """Each topic of a copy of topics.yml that gives its id and title as text; none of a
    copy that cannot be read."""
    from .yamlio import parse

    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return []
    tree = parse(text, TOPICS_FILE, Problems())
    listed = tree.get("topics") if isinstance(tree, Map) else None
    found: list[_OldTopic] = []
    for item in listed.items if isinstance(listed, Seq) else ():
        if not isinstance(item, Map):
            continue
        topic_id, title = item.get("id"), item.get("title")
        if isinstance(topic_id, Scalar) and isinstance(title, Scalar) and topic_id.text and title.text:
            description = item.get("description")
            order = item.get("reading_order")
            found.append(_OldTopic(
                str(topic_id.text), str(title.text),
                _title_form(str(description.text)) if isinstance(description, Scalar) and description.text else "",
                tuple(str(ref.text) for ref in order.items if isinstance(ref, Scalar))
                if isinstance(order, Seq) else (),
            ))
    return found
