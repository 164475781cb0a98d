"""A value's lines as a source wrapped them, joined into one (RIS's abstract and BibTeX's
abstract and title, as the exporter or a PDF's text wrapped them).

Lines are joined with a space, but for a line that ends with a hyphen right after a
letter or digit, which a wrapper broke after: a compound's hyphen stays and the next line
follows without a space ("English-to-" then "French" is "English-to-French"), while a
word hyphenated at the break is closed up ("repre-" then "sentation" is
"representation"). Which it is (`_compound`): the record's other text, when it writes
the word closed up or with the hyphen, says so; otherwise the hyphen stays when both
halves are English words ("self-" "attention", "fine-" "tuning", "state-of-the-" "art")
and the word closed up is none ("under-" "standing" is "understanding"), or the halves
are no lower-case letters alone ("GPT-" "4", "BERT-" "based", "non-" "English", a name,
"Chinchilla-" "optimal"); else the word is closed up ("pre-" "training" is
"pretraining"). A hyphen inside math (``$a-`` then ``b$``) stays as written. Words come
from lemminflect's dictionary (`lemmas.known_word`) and lunr's stop words, which it
lacks ("the", "of").
"""

from __future__ import annotations

import functools
import re
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
_SUSPENDED = re.compile(r"(?i)(?:and|or|nor|versus|vs)\b|[^\w\s]")
# What may open a word before its letters: brackets, quotes, a TeX command's brace
# (``\emph{repre-``).
_OPENING = re.compile(r"^(?:[(\[{\"'“‘]|\\[A-Za-z]+\{)*")
# A word of letters and hyphens (nothing of an address, a number or an identifier).
_HYPHENATED_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_LEADING_LETTERS = re.compile(r"[^\W\d_]*")


def joined(lines: Sequence[str], context: str = "", hyphenation: bool = True) -> str:
    """The lines of one paragraph as one (see the module's doc). ``context``: the
    record's other text (its title, its other paragraphs), for the spelling it uses;
    ``hyphenation``: whether a word hyphenated at a break is closed up (an earlier
    import's reading, without, is ``False``)."""
    whole = "\n".join(lines)
    maths = [(math.start(), math.end()) for math in math_spans(whole)] if hyphenation else []
    text = ""
    at = 0  # where the line starts in ``whole``
    for number, line in enumerate(lines):
        head = text.rstrip()
        if not number:
            text = line
        elif _ENDS_IN_HYPHEN.search(head) and not _SUSPENDED.match(line.lstrip()):
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
    token = head.rsplit(None, 1)[-1][:-1]
    token = token[_OPENING.match(token).end():]  # type: ignore[union-attr]
    left = token.rpartition("-")[2]
    right = _LEADING_LETTERS.match(following).group()  # type: ignore[union-attr]
    if not (_HYPHENATED_WORD.fullmatch(token) and right.islower() and _lower_or_title(left)):
        return True  # (a number, an acronym, a name, an address: as written)
    closed = len(re.findall(rf"(?i)(?<![\w-]){re.escape(left + right)}(?![\w-])", context))
    hyphened = len(re.findall(rf"(?i)(?<![\w-]){re.escape(left)}-{re.escape(right)}(?![\w-])", context))
    if closed or hyphened:
        return hyphened >= closed
    if _word(left + right):
        return False
    return _word(left) and _word(right) or left[0].isupper()


def _lower_or_title(word: str) -> bool:
    """Whether ``word`` is in lower case, or capitalised as a sentence's first word."""
    return word.islower() or word[:1].isupper() and word[1:].islower()


@functools.lru_cache(maxsize=4096)
def _word(word: str) -> bool:
    """Whether ``word`` is an English word: one of lemminflect's dictionary or a stop word."""
    from ..lemmas import known_word  # (its dictionary: a quarter second, only when asked)

    word = word.lower()
    return word in STOP_WORDS or known_word(word)


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
