"""A value's lines as a source wrapped them, joined into one (RIS's abstract and BibTeX's
abstract and title, as the exporter or a PDF's text wrapped them).

Lines are joined with a space, but for a line that ends with a hyphen right after a
letter or digit, which a wrapper broke after: a compound's hyphen stays and the next line
follows without a space ("English-to-" then "French" is "English-to-French"), while a
word hyphenated at the break is closed up ("repre-" then "sentation" is
"representation"). Which it is (`_compound`): the record's other text, when it writes
the word closed up or with the hyphen (in any form: "pretrained" for "pre-" "training"),
says so; otherwise the hyphen stays when both halves are English words ("self-"
"attention", "fine-" "tuning", "three-" "stage") and the word closed up is none
("under-" "standing" is "understanding"), or the halves are no lower-case letters
alone ("GPT-" "4", "BERT-" "based", "non-" "English", a name, "Chinchilla-" "optimal"),
or one is a letter ("top-" "k"), or the hyphen is a compound's second ("state-of-the-"
"art": a typesetter breaks a hyphenated word at its hyphens only); else the word is
closed up ("pre-" "training" is "pretraining"). A hyphen inside math (``$f = repre-``
then ``sentation(x)$``) stays as written. Words come from lemminflect's dictionary,
by their stem too ("reflection" by "reflect"), lunr's stop words and `_MORE_WORDS`.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from typing import Sequence

from lunr.stop_word_filter import WORDS as STOP_WORDS

from ..latex import math_spans
from . import ReadBefore, without_notice

# A line that ends with a hyphen right after a letter or digit: broken after the hyphen of
# a compound ("English-to-" then "French", as a wrapper breaks "state-of-the-art"), or
# inside a word, not a dash between spaces ("a model -" then "the first").
_ENDS_IN_HYPHEN = re.compile(r"[^\W_]-$")
# ... unless the next line goes on with a conjunction: the hyphen is a suspended one,
# "first- and second-order", "pre- or post-training".
# (Not a compound's own "and", "vision-" then "and-language", "trial-" then "and-error".)
_SUSPENDED = re.compile(r"(?i)(?:and|or|nor|versus|vs)\b(?!-)|[^\w\s]")
# What may open a word before its letters: brackets, quotes, a TeX command's brace
# (``\emph{repre-``).
_OPENING = re.compile(r"^(?:[(\[{\"'“‘]|\\[A-Za-z]+\{)*")
# A word of letters and hyphens (nothing of an address, a number or an identifier).
_HYPHENATED_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_LEADING_LETTERS = re.compile(r"[^\W\d_]*")


# A line break right after such a hyphen, in a value as written.
_WRAP_AT_HYPHEN = re.compile(r"[^\W_]-[ \t]*\r?\n")


def wrapped_at_hyphen(text: str) -> bool:
    """Whether a value as written has a line that ends with a hyphen after a letter or
    digit: only then may `joined` read it otherwise with ``hyphenation`` off."""
    return "\n" in text and bool(_WRAP_AT_HYPHEN.search(text))  # (the look first: 25 µs a search)


def joined(lines: Sequence[str], context: str = "", hyphenation: bool = True) -> str:
    """The lines of one paragraph as one (see the module's doc). ``context``: the
    record's other text (its title, its other paragraphs), for the spelling it uses;
    ``hyphenation``: whether a word hyphenated at a break is closed up (an earlier
    import's reading, without, is ``False``)."""
    if len(lines) == 1:
        return lines[0]  # (no break to read: a value on one line, most titles and abstracts)
    whole = "\n".join(lines)
    maths = [(math.start(), math.end()) for math in math_spans(whole)] if hyphenation else []
    text = ""
    at = 0  # where the line starts in ``whole``
    for number, line in enumerate(lines):
        head = text.rstrip()
        if not number:
            text = line
        elif _ENDS_IN_HYPHEN.search(head[-2:]) and not _SUSPENDED.match(line.lstrip()):
            closed = (
                hyphenation
                and not any(start < at <= end for start, end in maths)
                and not _compound(head, line.lstrip(), f"{context}\n{whole}")
            )
            text = (head[:-1] if closed else head) + line.lstrip()
        else:
            text = f"{text} {line}"
        at += len(line) + 1
    return text


def _compound(head: str, following: str, context: str) -> bool:
    """Whether the hyphen ``head`` ends with, before a line break and then ``following``,
    is a compound's (kept) rather than a hyphenation's (closed up)."""
    left = head.rsplit(None, 1)[-1][:-1]
    left = left[_OPENING.match(left).end():]  # type: ignore[union-attr]
    right = _LEADING_LETTERS.match(following).group()  # type: ignore[union-attr]
    if not (left.isalpha() and right.islower() and _lower_or_title(left)) or min(len(left), len(right)) < 2:
        # A number, an acronym, a name, an address, a letter ("k-" "shot", "top-" "k"),
        # which no hyphenation leaves alone; or a compound's second hyphen or more
        # ("state-of-the-" "art"): a typesetter breaks a hyphenated word at its hyphens only.
        return True
    stem = _stem(left + right)
    closed, hyphened = _spellings(context)
    if closed[stem] or hyphened[left.lower(), stem]:
        return hyphened[left.lower(), stem] >= closed[stem]
    if _word(left + right):
        return False
    return _word(left) and _word(right) and right not in _SUFFIXES or left[0].isupper()


# Words that are a suffix too, as a hyphenation leaves one ("learn-" "able").
_SUFFIXES = frozenset({"able", "ible", "ably", "ibly"})


@functools.lru_cache(maxsize=64)
def _spellings(context: str) -> tuple[Counter[str], Counter[tuple[str, str]]]:
    """How ``context`` writes its words: each word without a hyphen by its stem, and each
    pair of a compound's parts by the first part and the stem of the two closed up
    ("pre-trained": ("pre", "pretrain"), which "pre-" "training" closed up stems to), so
    that another form of the word ("pretrained" for "pre-" "training") says which it is."""
    closed: Counter[str] = Counter()
    hyphened: Counter[tuple[str, str]] = Counter()
    for word in _HYPHENATED_WORD.findall(context):
        parts = word.lower().split("-")
        if len(parts) == 1:
            closed[_stem(parts[0])] += 1
        for first, second in zip(parts, parts[1:]):
            hyphened[first, _stem(first + second)] += 1
    return closed, hyphened


def _lower_or_title(word: str) -> bool:
    """Whether ``word`` is in lower case, or capitalised as a sentence's first word."""
    return word.islower() or word[:1].isupper() and word[1:].islower()


# Words lemminflect's dictionary (of words that inflect) and lunr's stop words lack:
# numbers ("three-stage", "two-step") and prepositions and conjunctions ("De-" "spite" is
# "Despite", "to-" "wards" "towards").
_MORE_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve twenty hundred thousand"
    " million billion first second third fourth fifth half single double triple"
    " despite toward towards albeit although though unless whereas whether within without"
    " upon onto beyond besides throughout via per".split()
)


@functools.lru_cache(maxsize=4096)
def _word(word: str) -> bool:
    """Whether ``word`` is an English word: a stop word, one of `_MORE_WORDS`, or a word
    of lemminflect's dictionary, or whose stem is one, which it lacks in a derived form
    ("reflection", "interpretable", "regularization": Snowball's English stem "reflect",
    "interpret", "regular"; a hyphenated word's end, "sentation" or "ization", has no
    stem that is a word)."""
    from ..lemmas import known_word  # (its dictionary: a quarter second, only when asked)

    word = word.lower()
    if word in STOP_WORDS or word in _MORE_WORDS or known_word(word):
        return True
    from lemminflect import getAllLemmas  # (a stem as the dictionary has it, no guessed form)

    stem = _stem(word)
    return stem != word and bool(getAllLemmas(stem))


@functools.lru_cache(maxsize=8192)
def _stem(word: str) -> str:
    """A word's stem (Snowball's English), in lower case."""
    return _stemmer().stemWord(word.lower())


@functools.cache
def _stemmer():  # type: ignore[no-untyped-def]
    import snowballstemmer  # (imported late, as typos.py does: only a break needs it)

    return snowballstemmer.stemmer("english")


def hyphenated_before(older: str, written: str) -> tuple[ReadBefore, ...]:
    """The abstract as an earlier import read it (``older``, joined with ``hyphenation``
    off, as ``written`` now is with it on), when they differ: taken out of a paper's file
    where it is still the importer's (importmerge._read_before), without the copyright
    notice that import left out too."""
    if older == written:
        return ()
    return (ReadBefore(
        ("abstract",), (without_notice(older)[0],),
        "joined otherwise where a line ended in a hyphen, as an earlier import read it",
    ),)
