"""The keys the importer matches records and papers by: normalised titles, the marks
that tell near-alike titles apart, abstracts long enough to name a paper, and the venues
that name a preprint rather than a published version."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from . import provenance
from .latex import plain_for_matching
from .slugs import folded

# An abstract this long (normalised) may name its paper: an identical one is the same
# paper when the titles are alike too; shorter ones ("No abstract.") are boilerplate.
ABSTRACT_IDENTITY_MIN = 120
_WORD = re.compile(r"\w+")
# A venue that names a preprint server rather than where the paper was published: the
# exporter writes it as howpublished, the importer lets a published venue replace it.
PREPRINT = re.compile(r"\b(?:arxiv|corr|preprint|biorxiv|medrxiv|ssrn)\b", re.IGNORECASE)
# Conferences a list or an entry names by their acronym alone ("ICLR", Google Scholar's
# `journal = {ICLR}`; a Markdown list's "[Title](...) - NeurIPS"): a regular
# expression's alternatives, to be matched whatever the case.
CONFERENCE_ACRONYMS = (
    r"ICLR|ICML|NeurIPS|NIPS|CVPR|ICCV|ECCV|ACL|EMNLP|NAACL(?:-HLT)?|EACL|COLING|AAAI|IJCAI"
    r"|KDD|SIGIR|AISTATS|UAI|CoRL|ICRA|IROS|COLT|WACV|BMVC|ICASSP|Interspeech|MLSys"
)
_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=1 << 12)  # a record's abstract is keyed when found, then when indexed
def abstract_key(abstract: object) -> str:
    """An abstract reduced for comparison (case and spacing); "" when too short to name
    a paper on its own."""
    text = " ".join(str(abstract or "").casefold().split())
    return text if len(text) >= ABSTRACT_IDENTITY_MIN else ""


@lru_cache(maxsize=1 << 16)
def normalise_title(title: str) -> str:
    """A title reduced for comparison: LaTeX, case, accents and punctuation removed."""
    text = plain_for_matching(title)  # math read as text: "$\alpha$-test" is "α-test"
    if not text.isascii():
        # Every mark goes, in every script (Arabic and Hebrew vowel signs too), and Hangul
        # stays in jamo: the digests of imported.json, which remember deleted and retitled
        # papers, were made so. (It also makes "パン" and "ハン" one title: left so, as
        # keying them apart would make every stored key of a voiced kana title a stranger.)
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    key = " ".join(_WORD.findall(text.casefold()))
    # A title of symbols only ("🔥") is its own key: keyed "", it matched nothing, and each
    # re-import added it again.
    return key or " ".join(text.casefold().split())


# Short English function words: "A Survey on X" and "A Survey of X" are one title, so
# these tell no titles apart (letters such as "x", "α" or "k" still do).
_STOP_WORDS = frozenset("a an as at be by do if in is it of on or so to up vs we".split())


# Words that number a part or an edition ("Part One" and "Part Two"), Roman numerals
# ("III"), and the numerals inside the words of Chinese and Japanese titles ("综述 第二部分").
# (A title written without spaces shares no word with another, so is never compared.)
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve first second third"
    " fourth fifth sixth seventh eighth ninth tenth".split()
)
_ROMAN = re.compile(r"(?=[ivxlc]+$)c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})")
# Words that read as Roman numerals and are words ("CLI", "civ" in names).
_NOT_ROMAN = frozenset({"cli", "civ"})
# (Not 一, 上, 中, 下: mostly "a", "on", "in", "under" in 一种, 向上, 中的, 以下; "第一" and
# "第二" still differ by the second's mark.)
_CJK_NUMERALS = re.compile("[〇零二三四五六七八九十百千壹贰叁肆伍陆柒捌玖拾]")


@lru_cache(maxsize=1 << 16)
def identity_marks(title: str) -> tuple[str, ...]:
    """The words of a normalised title that tell otherwise alike titles apart: numbers
    and one- or two-letter words other than stop words ("Llama 2" and "Llama 3", "Qwen2"
    and "Qwen3", "α-" and "β-Learning" are 95% alike, yet different papers), number words
    and Roman numerals ("Part One", "Part III"), and the numerals in a word of Chinese or
    Japanese characters."""
    marks = [
        w for w in title.split()
        if (len(w) <= 2 and w not in _STOP_WORDS) or _DIGIT.search(w)
        or w in _NUMBER_WORDS or (_ROMAN.fullmatch(w) and w not in _NOT_ROMAN)
    ]
    if not title.isascii():
        marks += _CJK_NUMERALS.findall(title)
    return tuple(sorted(marks))


def title_key(title: str) -> str:
    """The digest of a title's normalised form, kept with the digests of the titles."""
    return provenance.digest(normalise_title(title))


# A word of a name that can tell people apart: initials ("E.", "J") cannot.
_NAME_WORD = re.compile(r"[^\W\d_]{2,}")
# German's spelling of its umlauts without them: "Müller" is "Mueller" too, "Jörg" "Joerg".
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def two_works(authors: object, year: object, other_authors: object, other_year: object) -> bool:
    """Whether two papers of one title are two works by their authors and years: the
    years differ, each names at least two people, and most people of the shorter list are
    not in the other (a person is there when a word of their name is, spelt with or
    without umlauts, "Müller" or "Mueller": order, initials and "Last, First" do not matter, and a list cut
    short by "others" still matches). "Deep Learning" is Goodfellow, Bengio and
    Courville's book (2016) and LeCun, Bengio and Hinton's review (2015).

    Only then: a preprint's year differs from its publication's while its people stay,
    and one person may be spelt apart ("Müller", "Mueller") but not most of a list. An
    organisation ("Qwen Team", "OpenAI") for its people, or names in another script,
    decide nothing: the authors are a conflict instead."""
    if not (year and other_year and str(year).strip() != str(other_year).strip()):
        return False
    people = _people(authors)
    others = _people(other_authors)
    if people is None or others is None or len(people) < 2 or len(others) < 2:
        return False
    # Most of the shorter list (of either, when they are as long) is not in the other.
    return all(
        sum(1 for person in one if person & set().union(*other)) * 2 < len(one)
        for one, other in ((people, others), (others, people))
        if len(one) <= len(other)
    )


def _people(authors: object) -> list[frozenset[str]] | None:
    """Each named author (not "others") as the spelling keys of their name's words; None
    when a name is an organisation's or not in Latin letters (nothing to tell by)."""
    from .names import is_organisation

    if not isinstance(authors, (list, tuple)):
        return []
    people = []
    for name in authors:
        text = str(name).strip()
        if text.casefold() == "others":
            continue
        if is_organisation(text):
            return None
        keys = person_keys(text)
        if any(not key.isascii() for key in keys):
            return None
        if keys:
            people.append(keys)
    return people


def person_keys(name: str) -> frozenset[str]:
    """The words of a name that tell people apart (not initials), each as accents fold it
    ("muller") and as German spells it ("mueller"); short names keep their letters (Li, Lu
    and Lee are three people)."""
    return frozenset(
        key for word in _NAME_WORD.findall(name)
        for key in (folded(word), folded(word.casefold().translate(_UMLAUTS)))
    )
