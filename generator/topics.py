"""Assigning topics to papers: the curator first, then keyword rules, each with its reason.

Pure functions, no I/O. For every paper the result says which topics it has and why:

* topics the curator lists in the paper's file (``paper.topics``) always win
  (``by="curator"``), in the order the curator wrote them;
* otherwise a topic's weighted keyword phrases are matched against the title and the
  abstract, and the topic is assigned when the score reaches the topic's threshold
  (``by="rules"``, ``terms`` are the phrases that matched); ``paper.exclude_topics``
  vetoes a rule;
* a paper that neither the curator nor any rule places gets its best-scoring topic
  (``by="fallback"``), so no paper is missing from every topic page; the check and
  ``readinglist topics --explain`` show it so a curator can fix it.

Matching works on stems (Snowball, English), so "learns", "learning" and "learned"
all match "learn". A hyphen in a paper separates words; a hyphen in a keyword matches
both spellings, so the keyword "multi-task" matches "multi-task", "multi task" and
"multitask" (and "pre-training" matches "pretraining"). Synonyms ("continual learning", "lifelong learning") are simply several
keywords of one topic. A keyword may also be ``"a & b"``: it matches when every part
occurs somewhere in the paper (its count is the rarest part's), for phrases such as
"reinforcement learning & language model" that only mean something together.

Score of a topic = sum over its matched keywords of
``weight * (TITLE_BONUS if in the title + min(occurrences, MAX_REPEATS))``, occurrences
counted in title and abstract together: a phrase in the title says what the paper is
about; repeating it counts too, but only up to a point, so one long abstract cannot
outvote a title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Mapping, Sequence

import snowballstemmer

from .models import Paper, Topic, TopicAssignment

TITLE_BONUS = 3.0
MAX_REPEATS = 3
ALL_OF = "&"
ANY_OF = "|"

_HYPHEN = re.compile(r"(?<=[a-z0-9])[-\u2010\u2011](?=[a-z0-9])")
_APOSTROPHE = re.compile(r"['\u2019]")
_WORD = re.compile(r"[a-z0-9]+")
_STEMMER = snowballstemmer.stemmer("english")
# Where Snowball's stems get in the way of matching: it keeps the plural of acronyms
# ("llms"), separates "learner" from "learning" ("continual learners" should match
# "continual learning") and reduces "transferability" to "transfer", which would make
# a paper *about* transferability indistinguishable from any paper that transfers.
_STEM_OVERRIDES = {
    "learner": "learn",
    "learners": "learn",
    "llms": "llm",
    "mllms": "mllm",
    "lms": "lm",
    "ptms": "ptm",
    "transferability": "transferability",
}


@lru_cache(maxsize=200_000)
def _stem(token: str) -> str:
    return _STEM_OVERRIDES.get(token) or _STEMMER.stemWord(token)


def stems(text: str) -> tuple[str, ...]:
    """The stems of ``text``'s words; hyphens separate words, apostrophes are dropped."""
    return tuple(map(_stem, _WORD.findall(_APOSTROPHE.sub("", text.lower()))))


def _spellings(phrase: str) -> tuple[tuple[str, ...], ...]:
    """The stem sequences a keyword phrase matches: each hyphen split and joined."""
    pieces = _HYPHEN.split(_APOSTROPHE.sub("", phrase.lower().strip()))
    variants = [pieces[0]]
    for piece in pieces[1:]:
        variants = [v + sep + piece for v in variants for sep in (" ", "")]
    found = {stems(v) for v in variants}
    return tuple(sorted(v for v in found if v))


def _alternatives(part: str) -> tuple[tuple[str, ...], ...]:
    found = {spelling for choice in part.split(ANY_OF) for spelling in _spellings(choice)}
    return tuple(sorted(found))


def keyword_overlaps(topic: Topic) -> list[tuple[str, str]]:
    """Pairs of ``topic``'s keywords that match exactly the same words.

    Stemming makes different-looking phrases equal ("instructions" and "instruction",
    "language modelling" and "language models"); two such keywords count every match
    twice, which is rarely what the curator meant.
    """
    seen: dict[tuple[tuple[tuple[str, ...], ...], ...], str] = {}
    pairs = []
    for phrase in topic.keywords:
        key = tuple(sorted(_alternatives(part) for part in phrase.split(ALL_OF)))
        if key in seen:
            pairs.append((seen[key], phrase))
        else:
            seen[key] = phrase
    return pairs


@dataclass(frozen=True)
class _Keyword:
    topic: str
    phrase: str  # as written in topics.yml, shown as the reason
    # parts that must all occur; each part is one or more spellings (stem sequences)
    parts: tuple[tuple[tuple[str, ...], ...], ...]
    weight: float


@dataclass(frozen=True)
class Matcher:
    """Every topic's keywords, stemmed and indexed once, ready to score many papers."""

    topics: tuple[Topic, ...]
    keywords: tuple[_Keyword, ...]
    # first stem of a phrase -> the phrases (stem tuples) that start with it
    by_first_stem: Mapping[str, tuple[tuple[str, ...], ...]]


def compile_topics(topics: Sequence[Topic]) -> Matcher:
    keywords: list[_Keyword] = []
    starts: dict[str, set[tuple[str, ...]]] = {}
    for topic in topics:
        for phrase, weight in topic.keywords.items():
            parts = tuple(_alternatives(part) for part in phrase.split(ALL_OF))
            if not all(parts):
                continue  # a phrase with no words cannot match; validation reports it
            keywords.append(_Keyword(topic.id, phrase, parts, float(weight)))
            for spellings in parts:
                for spelling in spellings:
                    starts.setdefault(spelling[0], set()).add(spelling)
    by_first_stem = {first: tuple(sorted(found)) for first, found in starts.items()}
    return Matcher(tuple(topics), tuple(keywords), by_first_stem)


def _count_phrases(words: tuple[str, ...], matcher: Matcher) -> dict[tuple[str, ...], int]:
    counts: dict[tuple[str, ...], int] = {}
    index = matcher.by_first_stem
    for i, word in enumerate(words):
        candidates = index.get(word)
        if candidates is None:
            continue
        for phrase in candidates:
            if len(phrase) == 1 or words[i : i + len(phrase)] == phrase:
                counts[phrase] = counts.get(phrase, 0) + 1
    return counts


def _count(spellings: tuple[tuple[str, ...], ...], counts: Mapping[tuple[str, ...], int]) -> int:
    return sum(counts.get(spelling, 0) for spelling in spellings)


@dataclass(frozen=True)
class TopicScore:
    """How well one paper matches one topic's keywords; ``terms`` in keyword order."""

    topic: str
    score: float
    terms: tuple[str, ...]


def score_paper(paper: Paper, matcher: Matcher) -> dict[str, TopicScore]:
    """The rule score of every topic with at least one matching keyword."""
    in_title = _count_phrases(stems(paper.title), matcher)
    in_abstract = _count_phrases(stems(paper.abstract), matcher)
    totals: dict[str, float] = {}
    terms: dict[str, list[str]] = {}
    for keyword in matcher.keywords:
        title_hit = all(_count(part, in_title) for part in keyword.parts)
        occurrences = min(_count(p, in_title) + _count(p, in_abstract) for p in keyword.parts)
        if not occurrences:
            continue
        strength = (TITLE_BONUS if title_hit else 0.0) + min(occurrences, MAX_REPEATS)
        totals[keyword.topic] = totals.get(keyword.topic, 0.0) + keyword.weight * strength
        terms.setdefault(keyword.topic, []).append(keyword.phrase)
    return {
        topic: TopicScore(topic, round(total, 3), tuple(terms[topic]))
        for topic, total in totals.items()
    }


def assign_paper(paper: Paper, matcher: Matcher) -> tuple[TopicAssignment, ...]:
    """One paper's topics: the curator's first, then rules by descending score."""
    scores = score_paper(paper, matcher)
    order = {topic.id: position for position, topic in enumerate(matcher.topics)}
    thresholds = {topic.id: topic.threshold for topic in matcher.topics}

    result: list[TopicAssignment] = []
    seen: set[str] = set()
    for topic_id in paper.topics:
        if topic_id in seen:
            continue
        seen.add(topic_id)
        found = scores.get(topic_id)
        result.append(
            TopicAssignment(topic_id, "curator", found.terms if found else (), found.score if found else 0.0)
        )

    excluded = set(paper.exclude_topics) | seen
    ranked = sorted(
        (s for s in scores.values() if s.topic not in excluded and s.score > 0),
        key=lambda s: (-s.score, order.get(s.topic, len(order))),
    )
    passing = [s for s in ranked if s.score >= thresholds.get(s.topic, 1.0)]
    result.extend(TopicAssignment(s.topic, "rules", s.terms, s.score) for s in passing)
    if not result and ranked:
        best = ranked[0]
        result.append(TopicAssignment(best.topic, "fallback", best.terms, best.score))
    return tuple(result)


def assign_topics(
    papers: Sequence[Paper], topics: Sequence[Topic]
) -> dict[str, tuple[TopicAssignment, ...]]:
    """Paper id -> its topic assignments, for every paper, in the papers' order."""
    matcher = compile_topics(topics)
    return {paper.id: assign_paper(paper, matcher) for paper in papers}


def papers_by_topic(
    assignments: Mapping[str, Iterable[TopicAssignment]], topics: Sequence[Topic]
) -> dict[str, tuple[str, ...]]:
    """Topic id -> ids of its papers (in the order of ``assignments``), for every topic."""
    members: dict[str, list[str]] = {topic.id: [] for topic in topics}
    for paper_id, assigned in assignments.items():
        for assignment in assigned:
            members.setdefault(assignment.topic, []).append(paper_id)
    return {topic: tuple(ids) for topic, ids in members.items()}
