"""Acronyms the list defines, and the papers that spell them out.

A reader types "RLHF" for a paper that writes "reinforcement learning from human
feedback" and never the acronym, or writes it in its abstract only; lunr finds words, so
that paper was not found. Taking the initials of every run of words would add noise
("tl" for every "transfer learning" and "task learning"); instead the list's own
definitions are used: a title or abstract that writes "Long Form Words (LFW)" (or
"(LFWs)") defines LFW for the whole list (`find_definitions`, `Glossary.of`), and every
paper whose title or abstract writes that long form gets the acronym as a word that is
searched and not shown (`Glossary.words_in`; search.py puts them in the entry).

The check is strict, so that "(see Section 3)", "(ours)", "(e.g. ...)", "(2023)" and a
parenthesis that merely follows some words define nothing: the acronym is ASCII letters,
two capitals or more; each of its letters is the initial of the next word going back from
the parenthesis, and the long form is the fewest words that spell it exactly. A small
word ("of", "from", "the") may give its initial or be skipped ("CoT", "SOTA", "RLHF"); a
small letter of the acronym must be such a word's ("CoT"'s o, "LfD"'s f: "ReST" after
"Reinforced Self-Training" is no definition). A hyphenated compound gives the initial of
each part ("Mixture-of-Experts" MoE) or its first one only ("pre-trained language models"
PLMs); a word in capitals gives its letters ("RL from human feedback" RLHF). The reverse
form, "LFW (long form words)", is not read: the shipped list has two (MTOB, TTRL, both
names of the paper's own work), against about 130 of the usual form.

An acronym with two meanings in the list ("ICL": in-context learning in ten papers, an
"Ideal Continual Learner" in one) stands for the one more papers define, and for none if
as many define each ("TL": "task learning", "Transfer Learning"): either would make the
papers that spell out the other match (`glossary_table`).

The whole pass is two regular expressions over each text: one finds the parentheses (a
definition is checked only where one is), one made of every long form at once finds
them all (`Glossary.pattern`: a trie of the words, so its cost grows with the text, not
with the number of long forms). BENCHMARKS.md measures it at 1,000 and 10,000 papers.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Mapping

from lunr.stop_word_filter import WORDS as STOP_WORDS

# The small words a long form may hold without the acronym taking their initial
# ("chain of thought" CoT, "learning from demonstration" LfD, "Task Planning and Tool
# Usage" TPTU), and which the acronym may take all the same ("state-of-the-art" SOTA).
SMALL_WORDS = frozenset(
    "a an and as at by for from in into of on or over the to via with within without".split()
)
# "(LLMs)": a capital, then letters; a last small "s" is a plural.
_PARENTHESIS = re.compile(r"\(([A-Z][A-Za-z]{1,11})\)")
# Where a long form cannot reach back past: a clause's punctuation, another parenthesis.
_BREAKS = '.,;:!?()[]{}"“”'
_WORDS = re.compile(r"\w+(?:-\w+)*")
# A long form is looked for at most this far back from its parenthesis.
_REACH = 160
MAX_WORDS = 12
# Two long forms of one acronym whose words start with the same letters up to this many
# are one meaning.
_STEM = 6


@dataclass(frozen=True)
class Definition:
    acronym: str  # lower case, singular: "llm"
    long_form: tuple[str, ...]  # its words as written, lower case: ("large", "language", "models")
    plural: bool = False  # written as a plural: "(LLMs)"

    @property
    def key(self) -> str:
        return long_form_key(" ".join(self.long_form))


def find_definitions(text: str) -> list[Definition]:
    """The acronyms ``text`` defines, in order."""
    found = []
    for match in _PARENTHESIS.finditer(text):
        acronym = match.group(1)
        plural = acronym.endswith("s") and sum(c.isupper() for c in acronym[:-1]) >= 2
        if plural:
            acronym = acronym[:-1]
        if sum(c.isupper() for c in acronym) < 2 or acronym.lower() in STOP_WORDS:
            continue  # "(Ours)", "(IT)": no acronym, or one lunr never searches for
        before = text[max(0, match.start() - _REACH):match.start()]
        before = before[max(before.rfind(c) for c in _BREAKS) + 1:]
        long_form = _long_form(acronym, before)
        if long_form:
            found.append(Definition(acronym.lower(), long_form, plural))
    return found


@functools.lru_cache(maxsize=4096)  # (many papers write "Large language models (LLMs)")
def _long_form(acronym: str, before: str) -> tuple[str, ...] | None:
    long_form = _spelt_by(acronym, _WORDS.findall(before)[-MAX_WORDS:])
    if long_form and "".join(long_form).replace("-", "").lower() != acronym.lower():
        return tuple(word.lower() for word in long_form)
    return None


def _spelt_by(acronym: str, words: list[str]) -> list[str] | None:
    """The fewest last ``words`` whose initials are ``acronym``, or None.

    One pass back from the parenthesis: after each word, the set of how many of the
    acronym's first letters are still to spell (so the cost is the words' count, not
    the count of tails)."""
    letters = tuple((c.lower(), c.islower()) for c in acronym)
    left = {len(letters)}
    spelt = []
    for count in range(1, len(words) + 1):
        after: set[int] = set()
        for way in _contributions(words[-count]):
            if not way:
                if count > 1:  # (a long form does not end on a skipped word)
                    after |= left
                continue
            for still in left:
                start = still - len(way)
                if start >= 0 and all(
                    letter == wanted and (small or not lower)
                    for (letter, small), (wanted, lower) in zip(way, letters[start:still])
                ):
                    after.add(start)
                    if start == 0:  # (and it starts on a word that gives a letter)
                        spelt.append(count)
        left = after
        if not left:
            break
    # A long form starts on a small word only when no longer one spells the acronym:
    # "the Abstraction and Reasoning Corpus (ARC)" is not "and Reasoning Corpus".
    spelt.sort(key=lambda count: (words[-count].lower() in SMALL_WORDS, count))
    return words[-spelt[0]:] if spelt else None


# One way a word gives letters: each letter with whether a small word gave it.
_Way = tuple[tuple[str, bool], ...]


@functools.lru_cache(maxsize=8192)  # (a list writes the same words before its acronyms)
def _contributions(word: str) -> tuple[_Way, ...]:
    """The ways ``word`` may give letters to an acronym; () is skipping it."""
    parts = word.split("-")
    if not all(part.isalpha() and part.isascii() for part in parts):
        return ()  # "GPT-4", "2023": no definition goes through a number
    if len(parts) == 1:
        return tuple(_part_ways(word, first=False))
    ways = {((parts[0][0].lower(), False),)}  # "pre-trained": its first initial alone
    for combination in itertools.product(*(_part_ways(p, first=n == 0) for n, p in enumerate(parts))):
        ways.add(tuple(letter for way in combination for letter in way))
    return tuple(sorted(ways, key=lambda way: (len(way), way)))


def _part_ways(word: str, first: bool) -> list[_Way]:
    lower = word.lower()
    if lower in SMALL_WORDS:
        given = ((lower[0], True),)
        return [given] if first else [(), given]
    ways = [((lower[0], False),)]
    if len(word) > 1 and word.isupper():  # "RL" in "RL from human feedback"
        ways.append(tuple((c, False) for c in lower))
    return ways


def paper_definitions(texts: Iterable[str]) -> frozenset[Definition]:
    """What one paper's texts (title, abstract) define."""
    return frozenset(d for text in texts for d in find_definitions(text))


def glossary_table(papers: Iterable[frozenset[Definition]]) -> dict[str, tuple[str, tuple[str, ...], bool]]:
    """Long form key -> (acronym, long form words, whether its plural is the acronym's)
    for a list, from what each paper defines.

    An acronym defined with two long forms ("ICL": in-context learning, and an "Ideal
    Continual Learner") stands for the one more papers define; if as many define
    each, for none: it names two things, and either would make the papers that spell
    out the other match.
    """
    counts: Counter[tuple[str, str]] = Counter()
    words: dict[str, tuple[str, ...]] = {}
    # Long forms some paper defines with a plural acronym ("large language models
    # (LLMs)"): written as a plural, they are also the plural acronym. Others are
    # not ("Mixture-of-Experts (MoE)" is no "MoEs").
    plurals: set[str] = set()
    for defined in papers:
        counts.update({(d.acronym, d.key) for d in defined})  # (a paper counts once)
        plurals.update(d.key for d in defined if d.plural)
        for d in defined:
            # One spelling per key, the same whatever the order of the papers
            # (the pattern finds the others: hyphens, spaces and none alike).
            words[d.key] = min(words.get(d.key, d.long_form), d.long_form)
    # Two long forms are one meaning when, with an acronym in them written out
    # ("multi-task RL"), their words start alike ("recommender system",
    # "recommendation system"); a meaning counts the papers of all its long forms.
    first = {}
    for acronym, key in sorted(counts, key=lambda pair: (-counts[pair], pair)):
        first.setdefault(acronym, words[key])
    meanings: dict[tuple[str, tuple[str, ...]], list[str]] = defaultdict(list)
    for acronym, key in sorted(counts):
        written = [w for word in words[key] for w in (first.get(word) if word != acronym and word in first else (word,))]
        stems = tuple(part[:_STEM] for word in written for part in word.split("-"))
        meanings[acronym, stems].append(key)
    by_acronym: dict[str, list[tuple[int, tuple[str, ...]]]] = defaultdict(list)
    for (acronym, stems), keys in meanings.items():
        by_acronym[acronym].append((sum(counts[acronym, key] for key in keys), stems))
    # A long form defined with two acronyms ("pretrained models (PMs)", "pre-trained
    # models (PTMs)": one key) stands for the one more papers define it with, whatever
    # the alphabet says (then the first).
    chosen: dict[str, tuple[int, str]] = {}
    for acronym, options in sorted(by_acronym.items()):
        options.sort(key=lambda option: -option[0])
        if len(options) > 1 and options[0][0] == options[1][0]:
            continue
        for key in meanings[acronym, options[0][1]]:
            chosen[key] = min(chosen.get(key, (0, acronym)), (-counts[acronym, key], acronym))
    return {key: (acronym, words[key], key in plurals) for key, (_, acronym) in chosen.items()}


# --- Long forms in the text ---------------------------------------------------------------


def singular(word: str) -> str:
    """The last word of a long form without a plural ending (one key for "model" and
    "models"; a wrong singular, "analysi", is harmless: both sides make the same)."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


_SPACES = re.compile(r"[\s\-]+")


def long_form_key(text: str) -> str:
    """One spelling of a long form for every way it is written: lower case, hyphens and
    spaces alike (and none: "multitask" is "multi-task"), the last word singular."""
    return singular(_SPACES.sub("", text.lower()))


def _plural_pattern(word: str) -> str:
    if word.endswith("y") and len(word) > 2:
        return re.escape(word[:-1]) + "(?:y|ies)"
    if word.endswith(("ss", "x", "ch", "sh")):
        return re.escape(word) + "(?:es)?"
    return re.escape(word) + "s?"


# Between a long form's words: hyphens or white space, or nothing ("multitask").
_SEP = r"[\s\-]*"


@dataclass(frozen=True)
class Glossary:
    """Acronym -> long form for a whole list, and a matcher of every long form."""

    long_forms: Mapping[str, str] = field(default_factory=dict)  # key -> acronym
    # (Each long form also holds the acronyms of the long forms it starts with:
    # "reinforcement learning from human feedback" is also "reinforcement learning".)
    _implied: Mapping[str, tuple[tuple[str, bool | None], ...]] = field(default_factory=dict)
    pattern: re.Pattern[str] | None = None
    # Each acronym word ("llm", "llms") as a word of a text.
    _words: Mapping[str, re.Pattern[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, texts: Iterable[Iterable[str]]) -> Glossary:
        """The glossary of a list: ``texts`` holds each paper's texts (title, abstract)."""
        return cls.from_long_forms(glossary_table(paper_definitions(paper) for paper in texts))

    @classmethod
    def from_long_forms(cls, table: Mapping[str, tuple[str, tuple[str, ...], bool]]) -> Glossary:
        """From key -> (acronym, long form words, whether its plural is the acronym's)."""
        if not table:
            return cls()
        spelled = {key: _singular_last(words) for key, (_, words, _) in table.items()}
        implied = {}
        for key, (acronym, words, plural) in table.items():
            # (None: plural as the text writes the last word.)
            found: list[tuple[str, bool | None]] = [(acronym, None if plural else False)]
            for n in range(1, len(words)):
                shorter = long_form_key(" ".join(words[:n]))
                if shorter in table:
                    found.append((table[shorter][0], table[shorter][2] and singular(words[n - 1]) != words[n - 1]))
            implied[key] = tuple(found)
        pattern = re.compile(
            # A long form starts a word, and not a hyphenated compound's later part
            # ("multi-task learning" writes no "task learning").
            r"(?<![\w\-])(?:" + _trie_pattern(sorted(spelled.values())) + ")"
        )
        words = {
            # (The word first, then what is around it: a pattern that starts with
            # letters is searched for as fast as a substring.)
            word: re.compile(rf"{word}(?<!\w{word})(?!\w)")
            for acronym, _, _ in table.values() for word in (acronym, acronym + "s")
        }
        return cls({key: acronym for key, (acronym, _, _) in table.items()}, implied, pattern, words)

    def words_in(self, text: str) -> list[str]:
        """The acronyms whose long form ``text`` writes, as words (lower case, sorted):
        "llms" where it writes "large language models", "llm" for "large language model"."""
        if self.pattern is None:
            return []
        found = set()
        text = text.lower()  # (the pattern is lower case: faster than IGNORECASE)
        at = 0
        # Each match is the longest long form starting there; the next search starts
        # one letter on, to find one inside it ("language models" in "large language
        # models").
        while match := self.pattern.search(text, at):
            at = match.start() + 1
            joined = _SPACES.sub("", match.group())
            key = singular(joined)
            for acronym, plural in self._implied.get(key, ()):
                if plural is None:
                    plural = key != joined
                found.add(acronym + "s" if plural else acronym)
        return sorted(found)

    def written(self, words: Iterable[str], text: str) -> set[str]:
        """Which of ``words`` (words_in's) ``text`` writes as words of its own."""
        lower = text.lower()
        # (A substring test first: most papers write none of them.)
        return {word for word in words if word in lower and self._words[word].search(lower)}

    def pairs(self) -> list[tuple[str, str]]:
        """(acronym, long form key), by acronym: what the list defines."""
        return sorted((acronym, key) for key, acronym in self.long_forms.items())


def _singular_last(words: tuple[str, ...]) -> tuple[str, ...]:
    parts = [part for word in words for part in word.split("-")]
    return (*parts[:-1], singular(parts[-1]))


def _trie_pattern(forms: list[tuple[str, ...]]) -> str:
    """One regular expression for every long form, its words shared as a trie: at each
    word the engine tries the few words that may come next, not every long form."""
    trie: dict = {}
    for words in forms:
        node = trie
        for word in words[:-1]:
            node = node.setdefault(word, {})
        node.setdefault(("last", words[-1]), {})
    return _emit(trie)


def _emit(node: dict) -> str:
    choices = []
    for edge in sorted(node, key=lambda e: (isinstance(e, tuple), str(e))):
        if isinstance(edge, tuple):
            choices.append(_plural_pattern(edge[1]) + r"(?!\w)")
        else:
            choices.append(re.escape(edge) + _SEP + "(?:" + _emit(node[edge]) + ")")
    # A longer long form first, so that the match holds all of it (a word that ends
    # one long form and goes on in another comes first as the latter). Choices are
    # grouped by their first letter, which the engine then looks at once.
    by_letter: dict[str, list[str]] = defaultdict(list)
    for choice in choices:
        by_letter[choice[0]].append(choice[1:])
    return "|".join(
        letter + (rest[0] if len(rest) == 1 else "(?:" + "|".join(rest) + ")")
        for letter, rest in by_letter.items()
    )


# A paper's acronym words: those for its title, those for its abstract only.
Spelt = tuple[tuple[str, ...], tuple[str, ...]]


def spelt_out(glossary: Glossary, title: str, abstract: str) -> Spelt:
    """The acronyms a paper spells out and does not write: those its title spells and
    does not write (they weigh as the title), then those only its abstract spells."""
    in_title = glossary.words_in(title)
    in_abstract = glossary.words_in(abstract)
    if not in_title and not in_abstract:
        return (), ()
    title_writes = glossary.written(in_title + in_abstract, title)
    writes = title_writes | glossary.written(in_title + in_abstract, abstract)
    # (A title that spells one out is found by it as by a title that writes it, whether
    # or not its abstract writes it.)
    title_words = tuple(word for word in in_title if word not in title_writes)
    return title_words, tuple(word for word in in_abstract if word not in writes and word not in title_words)


class Memo:
    """The pass's work kept between builds in one process (each rebuild under `serve`):
    a paper's definitions are found again only when its title or abstract changed, and
    its acronym words only then or when the list's glossary changed (a definition added
    or removed anywhere). What it returns is what a fresh pass computes."""

    def __init__(self) -> None:
        self._defined: dict[str, tuple[tuple[str, str], frozenset[Definition]]] = {}
        self._glossary: tuple[dict, Glossary] = ({}, Glossary())
        self._spelt: dict[str, tuple[tuple[str, str], Spelt]] = {}

    def words(self, papers: Iterable[tuple[str, str, str]]) -> dict[str, Spelt]:
        """Each paper's acronym words (spelt_out), by id, from (id, title, abstract)."""
        papers = list(papers)
        defined = {}
        # (The glossary is counted again only when what some paper defines changed.)
        changed = len(papers) != len(self._defined)
        for pid, title, abstract in papers:
            made = self._defined.get(pid)
            if made is None or made[0] != (title, abstract):
                definitions = paper_definitions((title, abstract))
                changed = changed or made is None or made[1] != definitions
                made = ((title, abstract), definitions)
            defined[pid] = made
        self._defined = defined
        if changed:
            table = glossary_table(made[1] for made in defined.values())
            if table != self._glossary[0]:
                self._glossary = (table, Glossary.from_long_forms(table))
                self._spelt = {}
        glossary = self._glossary[1]
        spelt = {}
        for pid, title, abstract in papers:
            made = self._spelt.get(pid)
            spelt[pid] = made if made is not None and made[0] == (title, abstract) else ((title, abstract), spelt_out(glossary, title, abstract))
        self._spelt = spelt
        return {pid: made[1] for pid, made in spelt.items()}
