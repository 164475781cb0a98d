"""Stable, readable ids for papers, made from their titles.

An id is ASCII, lowercase, with single hyphens between words, at most 80 characters,
cut at a word boundary. Accented letters fold to their base letter (NFC and NFD
spellings of a title give the same id); letters of other scripts are transliterated by
anyascii ("Привет" -> "privet", "语言模型" -> "yu-yan-mo-xing"), so a title in another
script gets an id of its own, not "paper"; a Greek letter alone is named ("α-Divergence"
-> "alpha-divergence"). Collisions get ``-2``, ``-3``... in input
order; an existing file keeps its id, so ids are stable across re-imports.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Container

from anyascii import anyascii

MAX_LENGTH = 80
FALLBACK = "paper"

# Letters that do not decompose into an ASCII base letter plus accents.
_FOLD = str.maketrans({
    "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o", "Ø": "O", "ł": "l",
    "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "TH", "ı": "i",
    # Typographic apostrophes, dropped like "'" below ("model’s" -> "models").
    "\u2019": "'", "\u02bc": "'",
})
# TeX commands that only style what follows ("$\\mathcal{O}(1/n)$"): no words of the
# title. Others stay as their names ("\\alpha" alpha).
_TEX_STYLE = re.compile(
    r"\\(?:math[a-z]*|text[a-z]*|emph|operatorname|boldsymbol|bm|left|right|[bB]ig+[lr]?)(?![a-zA-Z])"
)
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=1 << 14)  # (a list's names and venues recur: a re-import of 10,000 entries folds them again and again)
def folded(text: str) -> str:
    """``text`` with case, accents and punctuation folded away, letters of every script
    kept ("Łukasz" and "Lukasz", "Edward J. Hu" and "edward j hu" fold alike; "张三" and
    "李四" do not): for telling two spellings of one name from two names."""
    text = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(filter(str.isalnum, text)).casefold()  # (no generator: 0.3 s of a re-import)


def _fold_accents(text: str) -> str:
    """``text`` without the accents of Latin letters ("Über" "Uber"), in compatibility
    form ("ﬁ" "fi", full-width "Ａ" "A"). Other scripts keep their letters whole, for
    anyascii to spell: "й" is "y", not "и" without its breve; the voicing of "パ" makes it
    "pa", not "ha"."""
    if text.isascii():
        return text
    kept: list[str] = []
    for ch in unicodedata.normalize("NFKD", text):
        if unicodedata.combining(ch) and kept and _takes_accents(kept[-1]):
            continue
        kept.append(ch)
    return unicodedata.normalize("NFC", "".join(kept))


def latin_folded(text: str) -> str:
    """``text`` with its Latin letters' accents folded away as an id folds them ("café"
    "cafe", "Straße" "Strasse"); letters of other scripts stay."""
    if text.isascii():
        return text  # (_FOLD maps no ASCII character: its table's look-up of each was 2 µs a title)
    return _fold_accents(text.translate(_FOLD))


@lru_cache(maxsize=1 << 12)
def _takes_accents(char: str) -> bool:
    return char.isascii() or unicodedata.name(char, "").startswith("LATIN")


def slugify(title: str, max_length: int = MAX_LENGTH) -> str:
    """The id for ``title``; never empty."""
    if "\\" in title:
        title = _TEX_STYLE.sub(" ", title)
    folded = latin_folded(title)
    if not folded.isascii():
        # Punctuation, symbols and spaces beyond ASCII ("2–3", "A—B", a no-break space)
        # separate words as their ASCII kin do; a mark left (another script's, or one on
        # nothing) is no letter.
        folded = "".join(
            " " if not ch.isascii() and unicodedata.category(ch)[0] in "PSZ" else ch
            for ch in folded
            if ch.isascii() or not (unicodedata.combining(ch) and not ch.isalpha())
        )
        # (Accents go first: "Ένα" is Ε, an accent, ν, α, and an Ε beside an accent
        # looked alone, a symbol, "epsilon-na".)
        folded = _GREEK_SYMBOL.sub(_greek_name, folded)
        folded = "".join(map(_ascii_letters, folded))
    ascii_text = folded.encode("ascii", "ignore").decode("ascii").lower()
    ascii_text = ascii_text.replace("'", "")  # "model's" -> "models", not "model-s"
    slug = _NON_ALNUM.sub("-", ascii_text).strip("-")
    return _cut(slug, max_length) or FALLBACK


# A Greek letter on its own ("α-Learning", "β-VAE") is a symbol, said by its name; in a
# Greek word it is a letter, transliterated with the others.
_GREEK = "\u0370-\u03ff\u1f00-\u1fff"
_GREEK_SYMBOL = re.compile(f"(?<![{_GREEK}])[{_GREEK}](?![{_GREEK}])")
_LETTER_NAME = re.compile(r"GREEK (?:SMALL|CAPITAL) LETTER (?:FINAL )?(\w+)")


def _greek_name(match: re.Match[str]) -> str:
    name = _LETTER_NAME.fullmatch(unicodedata.name(match.group(), ""))
    if name is None:
        return match.group()
    # (Unicode spells lambda "LAMDA".)
    return " lambda " if name.group(1) == "LAMDA" else f" {name.group(1).lower()} "


def _ascii_letters(char: str) -> str:
    if char.isascii():
        return char
    # Han characters are written without spaces between words: each is a word of its
    # own ("语言" -> "yu yan"), not one long run ("yuyan") cut mid-word at 80 characters.
    # Other scripts spell words letter by letter ("Привет" -> "Privet").
    if unicodedata.name(char, "").startswith("CJK "):
        return f" {anyascii(char)} "
    return anyascii(char)


def _cut(slug: str, max_length: int) -> str:
    if len(slug) <= max_length:
        return slug
    cut = slug[: max_length + 1]
    if cut[-1] == "-":
        return _without_dangling(cut[:-1])
    head = cut[:max_length].rsplit("-", 1)[0]
    # A single word longer than the limit is cut mid-word rather than dropped.
    return _without_dangling(head) if head and len(head) < max_length else slug[:max_length].rstrip("-")


# Words a cut title must not end on: "...-errors-to-boost-for" reads as a typo in an
# address. (Only at a cut: a title's own last word stays.)
_DANGLING = frozenset(
    "a an and are as at by for from in into is its of on or than the their to via vs with".split()
)


def _without_dangling(slug: str) -> str:
    words = slug.split("-")
    while len(words) > 1 and words[-1] in _DANGLING:
        words.pop()
    return "-".join(words)


def unique_slug(base: str, taken: Container[str], max_length: int = MAX_LENGTH) -> str:
    """``base``, or ``base-2``, ``base-3``... (shortened to fit) if already taken."""
    if base not in taken:
        return base
    number = 2
    while True:
        suffix = f"-{number}"
        candidate = _cut(base, max_length - len(suffix)).rstrip("-") + suffix
        if candidate not in taken:
            return candidate
        number += 1
