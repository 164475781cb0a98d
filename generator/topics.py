"""Assigning topics to papers: the curator first, then keyword rules, each with its reason.

Pure functions, no I/O. For every paper the result says which topics it has and why:

* topics the curator lists in the paper's file (``paper.topics``) always win
  (``by="curator"``), first and in the order the curator wrote them;
* a topic's weighted keywords are matched against the title and the abstract, and
  the topic is assigned when its score reaches the topic's threshold (``by="rules"``;
  ``terms`` name the words that matched, ``score`` is the score); a topic in
  ``paper.exclude_topics`` is never assigned by rule;
* a topic whose reading order (topics.yml) lists the paper, and that neither the
  curator nor a rule gave it, comes last (``by="reading order"``, in topics.yml order):
  the curator put the paper on that topic's "start here" list, so it is one of the
  topic's papers, whatever its keywords say;
* a paper that neither the curator nor any rule nor a reading order places gets its
  best-scoring topic (``by="fallback"``), so no paper is missing from every topic page;
  ``readinglist topics`` counts such papers and ``--explain`` shows why. A paper that
  excludes that topic gets none: excluding the closest topic says "not here, and do not
  guess", and no other is tried.

Matching works on stems (Snowball, English), so "learns", "learning" and "learned"
all match "learn". A hyphen in a paper separates words; a hyphen in a keyword matches
both spellings, so the keyword "multi-task" matches "multi-task", "multi task" and
"multitask" (and "pre-training" matches "pretraining"). Synonyms ("continual
learning", "lifelong learning") are several keywords of one topic, or one keyword
``"llm | language model"`` that matches any of its alternatives and counts as one
term. A phrase matches words side by side in one sentence or clause: not across a
".", "!", "?", ";" or ":" followed by a space, unless the keyword has one there too
("u.s. census" matches "U.S. census"). ``"a & b"`` matches when every part
occurs somewhere in the paper (it counts as often as its rarest part), for words such
as "reinforcement learning" and "language model" that only mean something together;
``&`` binds looser than ``|``.
A negative weight counts against the topic.

Score of a topic = sum over its matched keywords of
``weight * (TITLE_BONUS if in the title + min(occurrences, MAX_REPEATS))``, occurrences
counted in title and abstract together: a phrase in the title says what the paper is
about; repeating it counts too, but only up to a point, so one long abstract cannot
outvote a title.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Container, Iterable, Mapping, Sequence

import snowballstemmer

from .models import Paper, Topic, TopicAssignment

TITLE_BONUS = 3.0
MAX_REPEATS = 3
ALL_OF = "&"
ANY_OF = "|"

_HYPHEN = re.compile(r"(?<=[a-z0-9])[-\u2010\u2011](?=[a-z0-9])")
_APOSTROPHE = re.compile(r"['\u2019]")
# A word may hold apostrophes ("model's"); _stem drops them, once per distinct word.
_WORD = re.compile(r"[a-z0-9]+(?:['\u2019][a-z0-9]+)*")
# `_words` finds the same words faster, with these two: an apostrophe not between two
# word characters (starting with the apostrophe lets the engine jump from one to the
# next), and each byte that is not a word character or an apostrophe.
_LONE_APOSTROPHE = re.compile(r"'(?:(?<![a-z0-9]')|(?![a-z0-9]))")
_SEPARATORS = bytes(
    b if chr(b) in "abcdefghijklmnopqrstuvwxyz0123456789'" else ord(" ") for b in range(256)
)
# With PyStemmer installed (a dependency) this is its C build of the same Snowball
# algorithm, about 20 times faster and giving the same stems; without it, the pure-Python one.
_STEMMER = snowballstemmer.stemmer("english")
# Where Snowball's stems get in the way of matching: it keeps the plural of acronyms
# ("llms"; see also _ACRONYM_PLURAL), separates "learner" from "learning" ("continual learners" should match
# "continual learning") and reduces "transferability" to "transfer", which would make
# a paper *about* transferability indistinguishable from any paper that transfers. It
# also gives "continuous" and "continue" the stem of "continual": "continuous control"
# matched the keyword "continual" (the data review found three such pages), and so
# would "we continue training".
_STEM_OVERRIDES = {
    "continuous": "continuous",
    "continuously": "continuous",
    "continuity": "continuous",
    "continue": "continue",
    "continues": "continue",
    "continued": "continue",
    "continuing": "continue",
    "continuation": "continuation",
    "learner": "learn",
    "learners": "learn",
    "llms": "llm",
    "mllms": "mllm",
    "lms": "lm",
    "ptms": "ptm",
    "transferability": "transferability",
}


# word -> stem; a plain dict (not lru_cache) because this lookup runs once per word of
# every abstract. Its size is bounded by the vocabulary of the list.
_STEMS: dict[str, str] = dict(_STEM_OVERRIDES)


# The plural of an acronym: no vowel before its final "s" ("rnns", "ssms", "lstms"),
# where Snowball keeps the "s". (An acronym with a vowel, "vits" or "gans", Snowball
# already takes for a plural.)
_ACRONYM_PLURAL = re.compile(r"[b-df-hj-np-tv-xz0-9]+s")


def _stem(word: str) -> str:
    stem = _STEMS.get(word)
    if stem is None:
        bare = _APOSTROPHE.sub("", word)
        stem = _STEM_OVERRIDES.get(bare) or (
            bare[:-1] if _ACRONYM_PLURAL.fullmatch(bare) and len(bare) > 2
            else _STEMMER.stemWord(bare)
        )
        _STEMS[word] = stem
    return stem


def stems(text: str) -> tuple[str, ...]:
    """The stems of ``text``'s words; hyphens separate words, apostrophes are dropped."""
    return tuple(_stem_list(text))


def _stem_list(text: str) -> list[str]:
    words = _words(text)
    found = list(map(_STEMS.get, words))  # at C speed; only new words need the stemmer
    if None in found:
        found = [
            stem if stem is not None else _stem(word)
            for stem, word in zip(found, words, strict=True)
        ]
    return found


def _words(text: str) -> list[str]:
    """What ``_WORD.findall(text.lower())`` finds, with each \u2019 written as an apostrophe.

    The regular expression costs 15 microseconds per abstract, as much as all the rest
    of the matching; here, apostrophes that join no two words become spaces (rarely
    needed), then every byte that is not a-z, 0-9 or an apostrophe does, and the text
    is split: a few passes in C. Outside ASCII nothing is a word character, so each
    such character is encoded as the separator "?".
    """
    low = text.lower()
    if "\u2019" in low:
        low = low.replace("\u2019", "'")
    if "'" in low:
        low = _LONE_APOSTROPHE.sub(" ", low)
    return low.encode("ascii", "replace").translate(_SEPARATORS).decode("ascii").split()


def _spellings(phrase: str) -> tuple[tuple[str, ...], ...]:
    """The stem sequences a keyword phrase matches: each hyphen split and joined."""
    pieces = _HYPHEN.split(phrase.lower().strip())
    variants = [pieces[0]]
    for piece in pieces[1:]:
        variants = [v + sep + piece for v in variants for sep in (" ", "")]
    # Tokenised as a paper's text is (`_tokens`): a keyword that spans a break itself
    # ("u.s. census", "ph.d. students") matches the text with that break, as it did
    # before phrases stopped at breaks.
    found = {tuple(map(_stem, _tokens(v))) for v in variants}
    return tuple(sorted(v for v in found if v))


@dataclass(frozen=True)
class _Choice:
    """One alternative of a keyword part: its text as written and what it matches."""

    text: str
    spellings: tuple[tuple[str, ...], ...]


_Part = tuple[_Choice, ...]  # matches when any of its choices does


def _parts(phrase: str) -> tuple[_Part, ...]:
    parts = []
    for part in phrase.split(ALL_OF):
        choices, taken = [], set()
        for text in part.split(ANY_OF):
            # a spelling two alternatives share ("multi-task | multitask") counts once
            spellings = tuple(s for s in _spellings(text) if s not in taken)
            taken.update(spellings)
            if spellings:
                choices.append(_Choice(" ".join(text.split()), spellings))
        parts.append(tuple(choices))
    return tuple(parts)


def keyword_overlaps(keywords: Iterable[str]) -> list[tuple[str, str]]:
    """Pairs of a topic's keyword phrases that match some of the same words.

    Stemming makes different-looking phrases equal ("instructions" and "instruction",
    "language modelling" and "language models"), and "multi-task" already matches
    "multitask"; two such keywords count a match twice, which is rarely what the
    curator meant. (A phrase inside a longer one, "forgetting" in "catastrophic
    forgetting", is a deliberate extra weight and not reported.)
    """
    matches = [
        (phrase, [{s for choice in part for s in choice.spellings} for part in _parts(phrase)])
        for phrase in keywords
    ]
    pairs = []
    for i, (first, first_parts) in enumerate(matches):
        for second, second_parts in matches[i + 1 :]:
            if len(first_parts) == len(second_parts) and all(
                a & b for a, b in zip(first_parts, second_parts, strict=True)
            ):
                pairs.append((first, second))
    return pairs


@dataclass(frozen=True)
class _Keyword:
    topic: str
    parts: tuple[_Part, ...]  # all must occur
    weight: float


@dataclass(frozen=True)
class Matcher:
    """Every topic's keywords, stemmed and indexed once, ready to score many papers."""

    topics: tuple[Topic, ...]
    keywords: tuple[_Keyword, ...]
    # A spelling is keyed by its stems joined with spaces: strings keep their hash, so
    # the lookups per paper cost less than with tuples.
    single_words: frozenset[str]  # the spellings of one word
    word_pairs: Mapping[tuple[str, str], str]  # the spellings of two words -> key
    pair_starts: frozenset[str]  # first words of the spellings of two or more words
    # the spellings of three or more words, by their first two stems: (key, stems).
    # Keyed so that a text looks only at the phrases whose start it holds (`_counted`):
    # asking each of the list's phrases was a third of the counting.
    long_phrases: Mapping[tuple[str, str], tuple[tuple[str, tuple[str, ...]], ...]]
    # stem -> itself, for every stem of some spelling: most words of an abstract are in
    # no keyword, and looking them up here drops them before anything is counted.
    vocabulary: Mapping[str, str]
    # spelling key -> where it is used: (keyword position, part position, choice position)
    uses: Mapping[str, tuple[tuple[int, int, int], ...]]
    order: Mapping[str, int]  # topic id -> position in topics.yml, to break ties
    thresholds: Mapping[str, float]
    part_counts: tuple[int, ...]  # keyword position -> how many parts it has
    # paper id -> the topics whose reading order lists it, in topics.yml order
    listed: Mapping[str, tuple[str, ...]]
    # word -> its stem if some spelling uses it, else "": filled as words are met, so
    # each word of an abstract costs one lookup. Not part of what the matcher is.
    keyword_stems: dict[str, str] = field(default_factory=dict, compare=False, repr=False)


def same_topics(old: Sequence[Topic] | None, new: Sequence[Topic]) -> bool:
    """Whether ``compile_topics`` makes the same matcher of ``old`` as of ``new``, so that
    assignments made with one hold for the other: equal topics, their keywords in the
    same order too. A reason names its keywords in the file's order ("mentions
    'forgetting', 'continual learning'"), and a dict's equality ignores its order: a rerun
    after two keywords were swapped kept the last run's reasons."""
    return (
        old is not None
        and tuple(old) == tuple(new)
        and all(list(a.keywords) == list(b.keywords) for a, b in zip(old, new))
    )


def compile_topics(topics: Sequence[Topic]) -> Matcher:
    keywords: list[_Keyword] = []
    users: dict[tuple[str, ...], set[tuple[int, int, int]]] = {}
    for topic in topics:
        for phrase, weight in topic.keywords.items():
            parts = _parts(phrase)
            if not parts or not all(parts):
                continue  # a part with no words cannot match; validation reports it
            for p, part in enumerate(parts):
                for c, choice in enumerate(part):
                    for spelling in choice.spellings:
                        users.setdefault(spelling, set()).add((len(keywords), p, c))
            keywords.append(_Keyword(topic.id, parts, float(weight)))
    return Matcher(
        topics=tuple(topics),
        keywords=tuple(keywords),
        single_words=frozenset(s[0] for s in users if len(s) == 1),
        word_pairs={(s[0], s[1]): " ".join(s) for s in users if len(s) == 2},
        pair_starts=frozenset(s[0] for s in users if len(s) > 1),
        long_phrases=_by_start(sorted((" ".join(s), s) for s in users if len(s) > 2)),
        vocabulary={stem: stem for spelling in users for stem in spelling},
        uses={" ".join(spelling): tuple(sorted(found)) for spelling, found in users.items()},
        order={topic.id: position for position, topic in enumerate(topics)},
        thresholds={topic.id: topic.threshold for topic in topics},
        part_counts=tuple(len(keyword.parts) for keyword in keywords),
        listed=_listed(topics),
    )


def _by_start(
    phrases: Iterable[tuple[str, tuple[str, ...]]],
) -> dict[tuple[str, str], tuple[tuple[str, tuple[str, ...]], ...]]:
    starts: dict[tuple[str, str], list[tuple[str, tuple[str, ...]]]] = {}
    for key, spelling in phrases:
        starts.setdefault((spelling[0], spelling[1]), []).append((key, spelling))
    return {start: tuple(found) for start, found in starts.items()}


def _listed(topics: Sequence[Topic]) -> dict[str, tuple[str, ...]]:
    listed: dict[str, list[str]] = {}
    for topic in topics:
        for paper_id in dict.fromkeys(topic.reading_order):
            listed.setdefault(paper_id, []).append(topic.id)
    return {paper_id: tuple(ids) for paper_id, ids in listed.items()}


# The end of a sentence or clause; _count_phrases lets no phrase run across it. Its token
# has no letter: only a keyword written across a break holds it (`_spellings`).
_BREAK = re.compile(r"[.!?;:](?=\s)")
_BREAK_TOKEN = "."


def _tokens(text: str) -> list[str]:
    """The words of ``text`` (`_words`), with `_BREAK_TOKEN` at each break between two.

    A phrase does not run from one sentence or clause into the next ("... math
    benchmarks. For example" is no "benchmark for"). Only a mark followed by a space
    ends one: not "2.5" nor "x.y".
    """
    pieces = _BREAK.split(text)
    tokens = _words(pieces[0])
    for piece in pieces[1:]:
        words = _words(piece)
        if tokens and words:  # (one before the first word or after the last parts nothing)
            tokens.append(_BREAK_TOKEN)
        tokens.extend(words)
    return tokens


def _count_phrases(text: str, matcher: Matcher) -> dict[str, int]:
    """How often each keyword spelling (by its key) occurs in the words of ``text``.

    Runs once per title and abstract: the words are looked up at once (`_keyword_words`,
    a map in C), then counted in one loop (`_counted`).
    """
    return _counted(_keyword_words(text, matcher), matcher)


def _keyword_words(text: str, matcher: Matcher) -> list[str]:
    """Each token of ``text`` (`_tokens`) as the stem a keyword spelling uses, or "" for
    a word no keyword uses: it still separates the words around it."""
    tokens = _tokens(text)
    words = list(map(matcher.keyword_stems.get, tokens))
    if None in words:
        known, vocabulary = matcher.keyword_stems, matcher.vocabulary
        for i, stem in enumerate(words):
            if stem is None:
                word = tokens[i]
                words[i] = known[word] = vocabulary.get(_stem(word), "")
    return words


def _counted(words: list[str], matcher: Matcher) -> dict[str, int]:
    """`_count_phrases` of a text of these `_keyword_words`."""
    # One loop over the words, counting each keyword word and each pair that starts a
    # phrase as it meets them. The Counters, set operations and slices it replaces ran
    # in C, but each was made anew for every text: the 20,000 titles and abstracts of
    # 10,000 papers (2.1 million words, 0.8 million of them a keyword's) took 0.36 s
    # counted so, 0.15 s in this loop.
    singles, starts = matcher.single_words, matcher.pair_starts
    word_pairs, long_phrases = matcher.word_pairs, matcher.long_phrases
    counts: dict[str, int] = {}
    # Where a phrase of three words or more may start, and its first two words.
    opened: list[tuple[int, tuple[str, str]]] = []
    before = ""
    for at, word in enumerate(words):
        if word:
            if word in singles:
                counts[word] = counts.get(word, 0) + 1
            if before in starts:
                pair = (before, word)
                key = word_pairs.get(pair)
                if key is not None:
                    counts[key] = counts.get(key, 0) + 1
                if pair in long_phrases:
                    opened.append((at - 1, pair))
        before = word
    for at, pair in opened:
        for key, spelling in long_phrases[pair]:
            if tuple(words[at : at + len(spelling)]) == spelling:
                counts[key] = counts.get(key, 0) + 1
    return counts


@dataclass(frozen=True)
class TopicScore:
    """How well one paper matches one topic's keywords.

    ``contributions`` lists every matched keyword as (term, points), in keyword order;
    a term names the words that matched ("rl + language model"). ``terms`` are the
    ones that count in favour, the reason shown to readers.
    """

    topic: str
    score: float
    contributions: tuple[tuple[str, float], ...]

    @property
    def terms(self) -> tuple[str, ...]:
        return _terms(self.contributions)


def _terms(contributions: tuple[tuple[str, float], ...]) -> tuple[str, ...]:
    return tuple(term for term, points in contributions if points > 0)


# What score_paper finds for one topic, before it is made a TopicScore: (score,
# contributions). assign_paper works on these; most never need to become records.
_Score = tuple[float, tuple[tuple[str, float], ...]]


def score_paper(paper: Paper, matcher: Matcher) -> dict[str, TopicScore]:
    """The rule score of every topic with at least one matching keyword."""
    return {
        topic: TopicScore(topic, score, contributions)
        for topic, (score, contributions) in _scores(paper, matcher).items()
    }


def _scores(paper: Paper, matcher: Matcher) -> dict[str, _Score]:
    in_title = _count_phrases(paper.title, matcher)
    in_all = _count_phrases(paper.abstract, matcher)
    for spelling, n in in_title.items():
        in_all[spelling] = in_all.get(spelling, 0) + n
    # Spread each matched spelling's count onto the keyword parts that use it, so the
    # work per paper follows its matches, not the size of the taxonomy. Per keyword, per
    # part: [occurrences, whether in the title, the first choice that matched].
    matched: dict[int, list[list[int] | None]] = {}
    uses, part_counts = matcher.uses, matcher.part_counts
    for spelling, n in in_all.items():
        titled = int(spelling in in_title)
        for k, p, c in uses[spelling]:
            slots = matched.get(k)
            if slots is None:
                slots = matched[k] = [None] * part_counts[k]
            slot = slots[p]
            if slot is None:
                slots[p] = [n, titled, c]
            else:
                slot[0] += n
                slot[1] |= titled
                slot[2] = min(slot[2], c)
    found: dict[str, list[tuple[str, float]]] = {}
    keywords = matcher.keywords
    for k in sorted(matched):  # keyword order: terms keep topics.yml order
        keyword = keywords[k]
        slots = matched[k]
        if len(slots) == 1:  # most keywords have one part: the same sums, fewer steps
            slot = slots[0]
            assert slot is not None  # its only part is what put the keyword here
            occurrences, titled, c = slot
            if occurrences > MAX_REPEATS:
                occurrences = MAX_REPEATS
            bonus = TITLE_BONUS if titled else 0.0
            term = keyword.parts[0][c].text
        else:
            parts = [slot for slot in slots if slot is not None]
            if len(parts) < len(slots):
                continue
            occurrences = min(MAX_REPEATS, *(part[0] for part in parts))
            bonus = TITLE_BONUS if all(part[1] for part in parts) else 0.0
            term = " + ".join(keyword.parts[p][part[2]].text for p, part in enumerate(parts))
        items = found.get(keyword.topic)
        if items is None:
            items = found[keyword.topic] = []
        items.append((term, keyword.weight * (bonus + occurrences)))
    # (+ 0.0: a tiny negative sum rounds to -0.0, which equals 0.0 yet is said "-0";
    # assignments equal by value share one object, _assignment.)
    return {
        topic: (round(sum([points for _, points in items]), 3) + 0.0, tuple(items))
        for topic, items in found.items()
    }


@functools.lru_cache(maxsize=1 << 16)
def _assignment(topic: str, by: str, terms: tuple[str, ...], score: float) -> TopicAssignment:
    """The first assignment made of these values: papers share most of theirs (at
    10,000 papers 22,851 assignments, 5,534 distinct), and one object for each keeps the
    memo small where it costs by the object (cache.py: read and stored in every new
    process; pickle stores a shared object once). Looked up by its values, not made
    first and looked up by itself: a frozen record costs more to make than a tuple, and
    its hash and equality run in Python (22,851 assignments: about 0.06 s of CPU)."""
    return TopicAssignment(topic, by, terms, score)


def assign_paper(paper: Paper, matcher: Matcher) -> tuple[TopicAssignment, ...]:
    """One paper's topics: the curator's first, then rules by descending score, then
    the reading orders that list it and no rule gave it."""
    scores = _scores(paper, matcher)
    result: list[TopicAssignment] = []
    seen: set[str] = set()
    for topic_id in paper.topics:
        if topic_id in seen:
            continue
        seen.add(topic_id)
        found = scores.get(topic_id)
        result.append(
            _assignment(
                topic_id, "curator", _terms(found[1]) if found else (), found[0] if found else 0.0
            )
        )

    excluded = set(paper.exclude_topics) | seen
    order = matcher.order
    ranked = sorted(
        (topic for topic, (score, _) in scores.items() if topic not in excluded and score > 0),
        key=lambda topic: (-scores[topic][0], order[topic]),
    )
    thresholds = matcher.thresholds
    for topic in ranked:
        score, contributions = scores[topic]
        if score >= thresholds[topic]:
            seen.add(topic)
            result.append(_assignment(topic, "rules", _terms(contributions), score))
    # A paper that excludes a topic whose reading order lists it is a curation error
    # (validation reports it); the exclusion, written in the paper's own file, wins here.
    for topic_id in matcher.listed.get(paper.id, ()):
        if topic_id not in excluded and topic_id not in seen:
            found = scores.get(topic_id)
            result.append(
                _assignment(
                    topic_id,
                    "reading order",
                    _terms(found[1]) if found else (),
                    found[0] if found else 0.0,
                )
            )
    if not result:
        # The closest topic, excluded or not: a paper that excludes it gets none. Taking
        # the next closest instead made a paper impossible to leave out of every topic
        # (each topic excluded moved it on to a weaker guess); the curator who wants it
        # elsewhere lists that topic in `topics:`.
        closest = _closest(scores, order)
        if closest is not None and closest not in excluded:
            score, contributions = scores[closest]
            result.append(_assignment(closest, "fallback", _terms(contributions), score))
    return tuple(result)


def also_by(paper: Paper, assignment: TopicAssignment, matcher: Matcher) -> tuple[str, ...]:
    """What else gives ``paper`` the topic of ``assignment`` (`assign_paper`'s), besides
    its ``by``: "rules" (a curator's topic whose score reaches its threshold) and
    "reading order" (the topic's reading order lists the paper), in that order. Taking
    out the reason `by` names would leave the paper on the topic while another is here;
    `readinglist topics --explain` says so. ``matcher`` has the topic (`compile_topics`)."""
    topic = assignment.topic
    if assignment.by not in ("curator", "rules") or topic in paper.exclude_topics:
        return ()
    also = []
    threshold = matcher.thresholds.get(topic)
    if (assignment.by == "curator" and threshold is not None
            and assignment.score > 0 and assignment.score >= threshold):
        also.append("rules")
    if topic in matcher.listed.get(paper.id, ()):
        also.append("reading order")
    return tuple(also)


def _closest(scores: Mapping[str, _Score], order: Mapping[str, int]) -> str | None:
    scored = [topic for topic, (score, _) in scores.items() if score > 0]
    return min(scored, key=lambda topic: (-scores[topic][0], order[topic])) if scored else None


def placed_by_title(paper: Paper, matcher: Matcher, sure: frozenset[str]) -> bool:
    """Whether `assign_paper` surely gives ``paper`` a topic, told from its title alone
    (a tenth of the words of its abstract): a keyword of ``sure``
    (`placing_spellings(matcher)`) matched in it makes its topic's score above 0, so
    the paper gets that topic or another (by its score, or as the closest), unless it
    excludes a topic. False says nothing: `assign_paper` tells."""
    if paper.exclude_topics:
        return False
    # A word of ``sure`` is a spelling of one word, which the count would find: most
    # titles are told so, without counting their phrases.
    if _has_word_of(paper.title, matcher, sure):
        return True
    found = _counted(_keyword_words(paper.title, matcher), matcher)
    return bool(found) and not sure.isdisjoint(found)


def placed_by_abstract(paper: Paper, matcher: Matcher, sure: frozenset[str]) -> bool:
    """Whether `assign_paper` surely gives ``paper`` a topic, told from its abstract's
    words alone, as `placed_by_title` tells it from the title: a word of ``sure``
    (`placing_spellings(matcher, in_title=False)`) found there makes its topic's score
    above 0. Only its words are looked up, not its phrases, nor their counts and scores
    (which `assign_paper` works out on the few papers this does not tell). False says
    nothing."""
    if paper.exclude_topics:
        return False
    return _has_word_of(paper.abstract, matcher, sure)


def _has_word_of(text: str, matcher: Matcher, sure: frozenset[str]) -> bool:
    """Whether a word of ``text``, as the stem a keyword spelling uses, is one of
    ``sure``: what `_keyword_words` tells, without the break tokens (no spelling of one
    word is a break) and, once a known word is found there, without stemming the words
    met for the first time (`check` asks of every title, and of the abstracts of a
    quarter of the papers: looking up each word in Python took a third of the time)."""
    words = _words(text)
    known = matcher.keyword_stems
    if not sure.isdisjoint(map(known.get, words)):
        return True
    new = set(words).difference(known)  # (in C: each word looked up in the dict)
    if not new:
        return False
    vocabulary = matcher.vocabulary
    for word in new:
        known[word] = vocabulary.get(_stem(word), "")
    return not sure.isdisjoint(map(known.get, new))


def placing_spellings(matcher: Matcher, in_title: bool = True) -> frozenset[str]:
    """The spellings of keywords of one part and a weight above 0 (as the score is
    rounded) of the topics with no keyword of a weight below 0: one of them matched in
    a paper's title makes that topic's score above 0. With ``in_title`` False, those
    whose one match anywhere (without the title's bonus) does: the weight itself is
    above 0 as the score is rounded, and no other keyword of its topic takes points
    away."""
    negative = {keyword.topic for keyword in matcher.keywords if keyword.weight < 0}
    keywords = matcher.keywords
    factor = TITLE_BONUS + 1 if in_title else 1
    return frozenset(
        spelling
        for spelling, found in matcher.uses.items()
        if any(
            len(keywords[k].parts) == 1
            and keywords[k].topic not in negative
            and round(keywords[k].weight * factor, 3) > 0
            for k, _, _ in found
        )
    )


def closest_topic(paper: Paper, matcher: Matcher) -> str | None:
    """The topic ``paper``'s keywords score highest for (ties: topics.yml order), whether
    or not the paper excludes it: the one a paper no topic takes gets as its fallback,
    unless it excludes that one."""
    return _closest(_scores(paper, matcher), matcher.order)


# A word of a paper to offer as a keyword: a letter first, a hyphenated compound whole
# ("zero-shot", not "zero" and "shot": a hyphen in a keyword matches all its spellings).
_OWN_WORD = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
# A word as written, in any script, a compound whole: what `_own_words` reads before
# keeping only the words (or a compound's parts) of a-z and 0-9.
_WRITTEN_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")


def _own_words(text: str) -> list[str]:
    """The words of ``text`` (in lower case) that can be offered as keywords, in order:
    each of a-z and 0-9 alone. Matching reads only those, so "éticos" would match as
    "ticos", but such a piece is no word a curator knows, and it matches any word ending
    so ("estéticos"): a word with another letter is left out, and of a compound only its
    parts of a-z ("fairness" of "Über-Fairness")."""
    words: list[str] = []
    for written in _WRITTEN_WORD.findall(text.lower()):
        if _OWN_WORD.fullmatch(written):
            words.append(written)
        else:
            words.extend(part for part in written.split("-") if _OWN_WORD.fullmatch(part))
    return words


def own_keywords(
    paper: Paper, matcher: Matcher, count: int, common: Container[str] = frozenset()
) -> list[str]:
    """Up to ``count`` words of ``paper`` that, each made a keyword of a topic, match it:
    what a curator may add for a paper in no topic. Its title's first, in order (a
    keyword in the title scores the most), then its abstract's, the most written first;
    not a word that is no term of a paper (`terms.no_terms`: "the", "propose"; or a stop
    word of the other language it is written in, `stopwords.written_stop_words`), nor a
    compound only of such words ("so-called"), nor a word that names no subject (only a
    verb or an adverb to lemminflect's dictionary: `lemmas.names_no_subject`, "really",
    "did", "accumulated"), nor one made only of words of ``matcher``'s keywords (they did not place it: "learning"
    of "continual learning" is in too many papers to be a keyword alone), nor one made
    only of ``common`` stems (`common_stems`: "learning", "image" in an ML list), nor
    another form of one taken. Shown in the capitals the paper gives it ("GNN",
    "Atari"), else in lower case."""
    from .lemmas import names_no_subject
    from .stopwords import written_stop_words
    from .terms import Spellings, no_terms  # (terms imports this module)

    title = _own_words(paper.title)
    abstract = Counter(_own_words(paper.abstract))
    # (And the stop words of a language the paper is written in, "les" or "und": its
    # language is not known, so told by the stop words it writes.)
    dropped = no_terms()
    dropped = dropped | written_stop_words([*title, *abstract], dropped)
    ranked = list(dict.fromkeys(title)) + sorted(
        (word for word in abstract if word not in title), key=lambda word: -abstract[word]
    )  # (sorted keeps the order written among equals)
    vocabulary = matcher.vocabulary.keys()
    offered = [
        (word, own) for word in ranked
        if len(joined := word.replace("-", "")) >= 3 and joined not in dropped
        and not all(part in dropped for part in word.split("-"))
        and not (own := frozenset(stems(word))) <= vocabulary
        and not all(stem in common for stem in own)
        and not names_no_subject(word)
    ]
    # What the matcher makes of each, made a keyword (each a topic of its own, matched
    # at once): it must score the paper.
    each = compile_topics([Topic(id=word, title="", keywords={word: 1.0}) for word, _ in offered])
    scored = _scores(paper, each)
    taken: list[str] = []
    seen: set[str] = set()
    spelled = Spellings(f"{paper.title}\n{paper.abstract}")
    for word, own in offered:
        if word in scored and not own <= seen:
            seen |= own
            taken.append(spelled.shown(word))
            if len(taken) == count:
                break
    return taken


# How many papers `common_stems` reads at most.
_COMMON_SAMPLE = 1000


@dataclass
class StemCount:
    """What `common_stems` counted, kept for its next call on the list (topicsfile.TopicMemo):
    the papers it read and how many of them write each stem. A load after an edit of a
    few papers counts again only theirs (their stems taken off, the new ones added):
    counting all 1,000 cost 0.1 s of CPU at 10,000 papers, in a new process too."""

    total: int = 0  # how many papers the list had
    sample: tuple[Paper, ...] = ()
    counts: Counter[str] = field(default_factory=Counter)


# Up to how many papers of the sample changed `common_stems` counts by difference; more,
# and it counts them all again (as fast, and nothing is kept that a new count drops).
_RECOUNTED = 50


def common_stems(papers: Sequence[Paper], kept: StemCount | None = None) -> frozenset[str]:
    """The stems that more than a quarter of ``papers`` (their titles or abstracts) write,
    and more than two: made a keyword, such a word would match a large share of the
    list, not the paper it is offered for (`own_keywords`). The quarter is related
    papers' too (related._max_df), without its floor of 40 papers (kept there for
    speed): a list of 30 papers, most of them "learning", is not to be offered it.

    Counted over at most ``_COMMON_SAMPLE`` papers, evenly spread over the list: every
    paper's words cost 0.5 s of CPU at 10,000 papers, paid on every `serve` rebuild while
    a paper is in no topic (the in-process rerun is 0.5 s in all); a quarter of 1,000
    papers is a share known to a few percent, and a word near the line is no worse a
    keyword on either side of it. With ``kept`` (the count of the last call, which it
    is updated to) only the papers of the sample whose title or abstract changed are
    read: the answer is the same."""
    step = -(-len(papers) // _COMMON_SAMPLE)  # (ceiling: 1 up to 1,000 papers)
    sample = tuple(papers[::step])
    changed = None
    if kept is not None and kept.total == len(papers) and len(kept.sample) == len(sample):
        changed = [
            (old, new) for old, new in zip(kept.sample, sample)
            if old is not new and (old.title != new.title or old.abstract != new.abstract)
        ]
    if changed is not None and len(changed) <= _RECOUNTED:
        assert kept is not None
        found, kept.total = kept.counts, -1  # (told apart from any list until updated)
        for old, new in changed:
            gone = _paper_stems(old)
            found.subtract(gone)
            found.update(_paper_stems(new))
            for stem in gone:
                if found[stem] <= 0:
                    del found[stem]  # (as a count made afresh has it)
    else:
        found = Counter()
        for paper in sample:
            found.update(_paper_stems(paper))
    if kept is not None:
        kept.total, kept.sample, kept.counts = len(papers), sample, found
    limit = max(len(sample) // 4, 2)
    return frozenset(stem for stem, n in found.items() if n > limit)


def _paper_stems(paper: Paper) -> set[str]:
    """The stems a paper's title or abstract write, each once (`common_stems`)."""
    return {_STEMS.get(word) or _stem(word) for word in set(_words(f"{paper.title}\n{paper.abstract}"))}


def forms_matched(term: str, text: str) -> tuple[str, ...]:
    """The words of ``text`` that a one-word ``term`` matched by its stem alone, not as
    itself nor with a plural "s" or "es" (nor, for a plural, as its singular): a stem
    also joins words of other meanings ("adapter" and "adaptive" are both "adapt"), and
    ``readinglist topics --explain`` shows them so the curator sees it. (A phrase of several words matches them side by
    side; which of its words' forms did is not told here.)"""
    words = _words(term)
    if len(words) != 1:
        return ()
    word = words[0]
    stem = _stem(word)
    # Its plural, and for a plural keyword ("experts", "policies") its singular: the
    # forms a curator expects it to match, not worth telling.
    expected = {word, word + "s", word + "es"}
    if word.endswith("ies"):
        expected.add(word[:-3] + "y")
    elif word.endswith("s"):
        expected.update((word[:-1], word[:-2] if word.endswith("es") else word))
    return tuple(sorted({w for w in _words(text) if _stem(w) == stem} - expected))


def said_together(parts: Sequence[str]) -> str:
    """A keyword of parts ("a & b" in topics.yml, matched where each part is somewhere in
    the title or the abstract, not side by side), its parts as given (quoted), as a
    paper's page and `topics --explain` say it: 'both "a" and "b"', 'all of "a", "b" and
    "c"'. ('"a", "b" with "c"' left a reader unsure whether "a" went with "c", and "with"
    read as words in a row; "a + b" joined them with the sign of the keyword's points.)"""
    return f"{'both' if len(parts) == 2 else 'all of'} {', '.join(parts[:-1])} and {parts[-1]}"


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
