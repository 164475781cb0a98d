"""The choice a mistyped word most plausibly meant, for "did you mean ...?" hints: one
slip of the keys in a short word, two in a longer one, two letters swapped in a tiny one, the first words of a longer id
(a hyphen inside a word more or fewer there too), or the same words but for their endings. rapidfuzz and the stemmer are imported only
when a mistake needs them.
"""

from __future__ import annotations

import functools
import re
from typing import Sequence

from . import schema
from .quoting import quoted


def _stems(word: str) -> tuple[str, ...]:
    """The stems of a hyphenated id's words (Snowball's English, as the topic rules')."""
    return tuple(_stemmer().stemWords(word.lower().split("-")))


@functools.cache
def _stemmer():  # type: ignore[no-untyped-def]
    import snowballstemmer  # imported late: only a mistake needs it

    return snowballstemmer.stemmer("english")


def did_you_mean(
    word: str, choices: Sequence[str], otherwise: str = "", within: bool = False, few: bool = False
) -> str:
    match = closest(word, choices, within, few)
    return f" (did you mean {quoted(match)}?)" if match else otherwise


def closest(word: str, choices: Sequence[str], within: bool = False, few: bool = False) -> str | None:
    """The choice ``word`` is a plausible typo of, if any (the first of `closest_all`)."""
    found = closest_all(word, choices, within, few)
    return found[0] if found else None


def closest_all(word: str, choices: Sequence[str], within: bool = False, few: bool = False) -> list[str]:
    """The choices ``word`` is a plausible typo of, each as close as the closest: one slip of the keys (a
    letter missing, extra or wrong, two letters swapped, a hyphen left out) in a short
    word, two in a longer one; or its first hyphen-separated words alone ("in-context"
    for "in-context-learning"), for papers' ids but for a hyphen inside a word
    ("end-to-end-multitask-learning": `_starting_but_for_hyphens`). A looser likeness (ratio 60 and above, as before) named
    unrelated ids ("curriculum-learning" -> "continual-learning"), which a curator
    accepting the suggestion would then write as if it were the same paper.

    ``within``: the choices are topics' ids, and one held whole in ``word`` is the topic
    meant ("model-merging" for "model-merging-survey"), as is the one holding ``word``
    whole ("parameter-efficient-fine-tuning" for "efficient-fine-tuning"), or a word of
    one with another ending ("prompting" for "prompt"). Not for papers' ids: a title
    holding another paper's title is another paper ("deep-safe-multi-task-learning").

    ``few``: the choices are a few words none of them one slip from another (the link
    kinds), so a word of three one slip from just one of them is a typo of it ("cod"
    for 'code', "pdg" for 'pdf'); among ids or fields that would be a guess.

    Several when as many are as close: the slips of the fewest keys, in the order of
    ``choices``; every id ``word`` is the first words of, shortest first ("eliciting":
    'eliciting-human-preferences-with-language-models' and
    'eliciting-and-understanding-cross-task-skills-...', where the shortest alone was
    suggested as if it were the one meant)."""
    found = slips(word, choices)
    if not found and few and len(word) == _TINY_WORD - 1:
        found = [one] if (one := one_slip(word, choices)) else []
    if found or len(word) < _TINY_WORD:
        return found
    longer = [c for c in choices if c.startswith(word + "-")]
    if not longer and not within:
        # (A topic's name or keyword said so already, with what the topic is about:
        # "multitask" is one slip from its keyword 'multi-task', topicsfile.alias_hint.)
        longer = _starting_but_for_hyphens(word, choices)
    if longer:
        return sorted(longer, key=lambda c: (len(c), c))
    # The same words but for their endings ("model-merge" for "model-merging"), when
    # only one choice has them; of a topic's id, one word's other ending too ("prompt"
    # for "prompting": a subject's word; a paper's id of one word is a name).
    if "-" in word or within:
        # (Only ids of as many words, each starting as the word's does, are stemmed: an
        # unknown reference in a list of 10,000 papers stems a few ids, not all.)
        parts = word.lower().split("-")
        heads = [part[:2] for part in parts]
        near = [c for c in choices if [part[:2] for part in c.lower().split("-")] == heads]
        stems = _stems(word)
        alike = [c for c in near if _stems(c) == stems]
        if len(alike) == 1:
            return alike
    if within and (held := _held_whole(word, choices) or _holding_whole(word, choices)):
        return [held]
    if len(word) > schema.MAX_ID_LENGTH:
        # A whole title's slug where the id is that slug cut to the limit at a word
        # (as the importer cuts it): the id it starts with, if that is most of the limit.
        # (The longest: the most of the slug. Two such of one length would be one id.)
        shorter = [c for c in choices if word.startswith(c + "-") and 2 * len(c) > schema.MAX_ID_LENGTH]
        return [max(shorter, key=lambda c: (len(c), c))] if shorter else []
    return []


# A word of a value this long or longer ("read" of 'to-read') may be the one a curator
# meant: not "to", a letter from many a word.
_NEAREST_PART = 4


def nearest(word: str, choices: Sequence[str]) -> list[str]:
    """The choices ``word`` is a slip of word by word, for a field of a few allowed
    values (a status), when no slip of the whole value (`closest_all`) names one: its
    words each a letter (left out, added, changed, or two swapped) from the value's
    ("to reed" for 'to-read'), or it one word a letter from a word of the value of
    _NEAREST_PART letters or more ("red", a letter from "read": 'must-read' and
    'to-read', both). In the order of ``choices``; none when none is.

    Not a likeness of their letters (rapidfuzz's ratio 50 and above, as cur1 first
    made it): that offered a value for a tenth of English words ("attic" 'classic',
    "used" 'must-read', "core" 'to-read'), and for a link's found_in "arxiv" 'ris' and
    "code" 'comment', as closest_all's ratio once named unrelated ids."""
    from rapidfuzz.distance import OSA  # imported late: only a mistake needs it

    typed = _WORDS.findall(word.lower())
    found = []
    for choice in choices:
        words = _WORDS.findall(choice.lower())
        if len(typed) == len(words) > 1:
            near = all(OSA.distance(a, b, score_cutoff=1) <= 1 for a, b in zip(typed, words))
        else:
            near = len(typed) == 1 and any(
                len(part) >= _NEAREST_PART and OSA.distance(typed[0], part, score_cutoff=1) <= 1 for part in words
            )
        if near:
            found.append(choice)
    return found


_WORDS = re.compile(r"[^\W_]+")


def slip(word: str, choices: Sequence[str]) -> str | None:
    """The choice ``word`` is a slip of the keys from, if any (the first of `slips`)."""
    found = slips(word, choices)
    return found[0] if found else None


def slips(word: str, choices: Sequence[str]) -> list[str]:
    """The choices ``word`` is a slip of the keys from: one in a short word, two in a
    longer one; in a tiny word, two letters swapped, no more. Of the fewest slips only
    ("graph-net" is one from 'graph-nets' and 'graph-neta', two from 'graph-nest'), in
    the order of ``choices``."""
    from rapidfuzz import process  # imported late: only a mistake needs it
    from rapidfuzz.distance import OSA

    if len(word) < _TINY_WORD:
        # "z" is one slip from "a": a suggestion would be a guess. Two letters swapped
        # keep a short word's letters ("ulr" for 'url', "pfd" for 'pdf'): no guess; nor
        # are capitals ("URL"), no slip in a longer word either (compared in lowercase).
        same = [c for c in choices if c.lower() == word.lower()]
        return same or _swapped(word, choices)
    allowed = 1 if len(word) <= _SHORT_WORD else 2
    found = process.extract(
        word, choices, scorer=OSA.distance, processor=str.lower, score_cutoff=allowed, limit=None
    )
    fewest = min((distance for _, distance, _ in found), default=0)
    # (extract orders by distance, ties by their place in ``choices``: made sure of here.)
    return [choice for choice, distance, _ in sorted(found, key=lambda f: (f[1], f[2])) if distance == fewest]


def _starting_but_for_hyphens(word: str, choices: Sequence[str]) -> list[str]:
    """The choices whose first words are ``word``'s but for hyphens inside a word, added
    or left out, none moved ("end-to-end-multitask-learning" begins
    "end-to-end-multi-task-learning-with-attention"; compared in lowercase): a slip and
    a shortening at once, which neither the slips (the rest is too long) nor the first
    words alone found. A hyphen moved makes other words ("co-training", "cot-raining"),
    and a longer word is another word ("multitasking" for "multitask")."""
    parts = word.lower().split("-")
    joined = "".join(parts)
    cuts = _cuts(parts)
    found: list[tuple[str, tuple[str, ...]]] = []
    for choice in choices:
        if not choice.lower().replace("-", "").startswith(joined):
            continue
        # (The choice's first words that are as long as ``word`` without its hyphens.)
        head: list[str] = []
        for part in choice.lower().split("-"):
            head.append(part)
            if sum(map(len, head)) >= len(joined):
                break
        if "".join(head) == joined and (cuts <= (theirs := _cuts(head)) or theirs <= cuts):
            found.append((choice, tuple(head)))
    # Choices that cut the letters into other words ("metalearning": "meta-learning-..."
    # and "metal-earning-...") are a guess between them, which the shortest settled.
    return [choice for choice, _ in found] if len({head for _, head in found}) == 1 else []


def _cuts(parts: Sequence[str]) -> set[int]:
    """Where hyphens cut the words ``parts`` are, as places in their letters joined."""
    at, cuts = 0, set()
    for part in parts[:-1]:
        at += len(part)
        cuts.add(at)
    return cuts


def one_slip(word: str, choices: Sequence[str]) -> str | None:
    """The one choice ``word`` is one slip of the keys from (a letter missing, extra or
    wrong, two letters swapped; compared in lowercase), if just one is."""
    from rapidfuzz import process  # imported late: only a mistake needs it
    from rapidfuzz.distance import OSA

    near = process.extract(word, choices, scorer=OSA.distance, processor=str.lower, score_cutoff=1, limit=None)
    return near[0][0] if len(near) == 1 else None


def _swapped(word: str, choices: Sequence[str]) -> list[str]:
    """The choices that are ``word`` with two letters side by side swapped."""
    lowered = word.lower()
    return [
        choice for choice in choices
        if len(choice) == len(word) and any(
            lowered[:i] + lowered[i + 1] + lowered[i] + lowered[i + 2 :] == choice.lower()
            for i in range(len(word) - 1)
        )
    ]


def _held_whole(word: str, choices: Sequence[str]) -> str | None:
    """The one choice of two words or more that ``word`` holds whole, between hyphens
    ("model-merging" in "llm-model-merging-methods"); of two held, one in the other
    ("continual-learning" in "prompt-based-continual-learning"), the longer. A choice of
    one word would be a word in common, no more ("robotics" in "robotics-survey"), as
    would two held apart ("model-merging-for-continual-learning"): None then."""
    padded = f"-{word.lower()}-"
    held = [c for c in choices if "-" in c and f"-{c.lower()}-" in padded]
    widest = [c for c in held if not any(c != o and f"-{c.lower()}-" in f"-{o.lower()}-" for o in held)]
    return widest[0] if len(widest) == 1 else None


def _holding_whole(word: str, choices: Sequence[str]) -> str | None:
    """The one choice that holds ``word``, of two words or more, whole between hyphens
    ("efficient-fine-tuning" in "parameter-efficient-fine-tuning": its first words left
    out; the first words alone are `closest`'s "longer"). Held in two, None: words they
    share ("fine-tuning" in "instruction-fine-tuning" too)."""
    if "-" not in word:
        return None
    padded = f"-{word.lower()}-"
    holding = [c for c in choices if padded in f"-{c.lower()}-"]
    return holding[0] if len(holding) == 1 else None


# Up to this many characters a word is short: one slip of the keys is a typo, two
# make another word ("note" -> "code").
_SHORT_WORD = 8
_TINY_WORD = 4
