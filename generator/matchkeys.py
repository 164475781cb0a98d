"""The keys the importer matches records and papers by: normalised titles, the marks
that tell near-alike titles apart, abstracts long enough to name a paper, and the venues
that name a preprint rather than a published version."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import repeat
from typing import Generic, Mapping, TypeVar

from . import provenance
from .latex import plain_for_matching
from .names import is_organisation, is_suffix, shown_name
from .slugs import folded
from .venuewords import CONFERENCE_ACRONYMS, PREPRINT  # noqa: F401  (the importers read them here)

# rapidfuzz is imported late, by the functions that compare titles or abstracts: a
# build's load makes the keys of each paper file it reads (paperdrafts.normalised_title)
# and compares none, and importing it cost each rerun that reads a file 6 ms.

# An abstract this long (normalised) may name its paper: an identical one is the same
# paper when the titles are alike too; shorter ones ("No abstract.") are boilerplate.
ABSTRACT_IDENTITY_MIN = 120
# One long abstract names one paper only under titles at least this alike: "A Survey of
# Multi-Task Learning in NLP" and "Multi-Task Learning for NLP: An Overview" are 62%
# alike, unrelated titles about 40%.
ABSTRACT_TITLE_ALIKE = 60.0
_WORD = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")
# Each conference of CONFERENCE_ACRONYMS: its acronyms (a regular expression's
# alternatives, in lower case) and the words of its name that proceedings, DBLP and
# Google Scholar write ("Advances in Neural Information Processing Systems", "Proceedings
# of the 38th International Conference on Machine Learning": the name's core; the words
# around it are _VENUE_WORDS).
CONFERENCE_NAMES = {
    "neurips": (r"neurips|nips", r"neural information processing systems"),
    "iclr": (r"iclr", r"conference on learning representations"),
    "icml": (r"icml", r"conference on machine learning"),
    "cvpr": (r"cvpr", r"computer vision and pattern recognition"),
    "iccv": (r"iccv", r"international conference on computer vision"),
    "eccv": (r"eccv", r"european conference on computer vision"),
    "acl": (r"acl", r"meeting of the association for computational linguistics"),
    "emnlp": (r"emnlp", r"empirical methods in natural language processing"),
    "naacl": (
        r"naacl(?:[- ]hlt)?",  # (Scopus and Mendeley write "NAACL HLT 2019")
        r"north american chapter of the association for computational linguistics"
        r"(?::? human language technologies)?",
    ),
    "eacl": (r"eacl", r"european chapter of the association for computational linguistics"),
    "coling": (r"coling", r"international conference on computational linguistics"),
    "aaai": (r"aaai", r"aaai conference on artificial intelligence"),
    "ijcai": (r"ijcai", r"international joint conference on artificial intelligence"),
    "kdd": (r"(?:sig)?kdd", r"conference on knowledge discovery (?:and|&) data mining"),
    "sigir": (r"sigir", r"conference on research and development in information retrieval"),
    "aistats": (r"aistats", r"artificial intelligence and statistics"),
    "uai": (r"uai", r"uncertainty in artificial intelligence"),
    "corl": (r"corl", r"conference on robot learning"),
    "icra": (r"icra", r"international conference on robotics and automation"),
    "iros": (r"iros", r"international conference on intelligent robots and systems"),
    "colt": (r"colt", r"conference on learning theory"),
    "wacv": (r"wacv", r"winter conference on applications of computer vision"),
    "bmvc": (r"bmvc", r"british machine vision conference"),
    "icassp": (r"icassp", r"international conference on acoustics,? speech,? and signal processing"),
    "interspeech": (
        r"interspeech", r"annual conference of the international speech communication association"
    ),
    "mlsys": (r"mlsys", r"machine learning and systems"),
    # (SIGGRAPH Asia is a conference of its own: "SIGGRAPH" alone is not it.)
    "siggraph": (r"siggraph(?!\s+asia)", r"special interest group on computer graphics and interactive techniques"),
    "siggraph asia": (r"siggraph\s+asia", r"siggraph\s+asia"),
    "eurographics": (r"eurographics", r"annual conference of the european association for computer graphics"),
    "3dv": (r"3dv", r"international conference on 3d vision"),
    "accv": (r"accv", r"asian conference on computer vision"),
    "rss": (r"rss", r"robotics:? science and systems"),
}
# The year of the first edition of each conference of CONFERENCE_NAMES whose proceedings
# number their editions in roman numerals, one a year since, rather than name the year:
# "Robotics: Science and Systems XVII" is RSS 2021 (RSS I was 2005, held every year).
FIRST_EDITIONS = {"rss": 2005}
# An edition in roman numerals, in capitals as proceedings write it, from I to LXXXIX
# (no word of a venue's: "CIVIL", "MIX" are none; nor an empty match at a word's start or
# end, "IEEE", which read as edition 0).
_EDITION = re.compile(r"\b(?=[XLVI])(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})(?<=[XLVI])\b")
# The words a conference's proceedings write around its name, which say no more of
# which conference and year it is: a venue with any other word ("Workshop", "Findings",
# "Companion", "Pacific-Asia") is not the conference's own. Numbers ("30", "38th",
# "2017") and ordinals in words ("Thirty-Seventh") are such words too, and so is how
# the paper was presented, as a Markdown list says it ("NeurIPS 2019 Oral", "CVPR 2023
# Highlight"): an oral, a spotlight, a poster is in the conference's own proceedings; so
# is a paper the list says won an award ("CVPR 2019 Best Paper", "ICCV Honorable
# Mention", "NeurIPS Outstanding Paper Award").
_VENUE_WORDS = frozenset(
    "proceedings proc of the in advances annual international conference on and ieee cvf rsj"
    " acm computer society pmlr volume vol long short papers main track"
    " oral spotlight poster highlight"
    " best student paper award honorable honourable mention outstanding"
    " first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth"
    " thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
    " thirtieth fortieth fiftieth twenty thirty forty fifty".split()
)
_VENUE_TOKEN = re.compile(r"[^\W_]+")
_NUMBER_TOKEN = re.compile(r"\d+(?:st|nd|rd|th)?")
_FULL_YEAR = re.compile(r"(?<![\d.])(?:19|20)\d{2}(?![\d.])")


def abstract_key(abstract: object) -> str:
    """An abstract reduced for comparison (case and spacing); "" when too short to name
    a paper on its own, or no text: a paper file's 'abstract: [TODO]', a list, which
    `check` refuses (cached, a list stopped the import with a traceback)."""
    return _abstract_key(abstract) if isinstance(abstract, str) else ""


@lru_cache(maxsize=1 << 12)  # a record's abstract is keyed when found, then when indexed
def _abstract_key(abstract: str) -> str:
    text = " ".join(abstract.casefold().split())
    return text if len(text) >= ABSTRACT_IDENTITY_MIN else ""


def abstract_bucket(abstract: object) -> str:
    """What abstracts are grouped by before they are keyed: every abstract of one
    `abstract_key` has one bucket (its first and last four words, casefolded), so that
    of a list's abstracts only the few that share a bucket are reduced whole; "" for
    one too short to have a key."""
    text = str(abstract or "")
    if len(text) < ABSTRACT_IDENTITY_MIN and not abstract_key(text):
        return ""  # (casefolding may lengthen a text: a short one is keyed, it is cheap)
    return " ".join(text.split(None, 4)[:4] + text.rsplit(None, 4)[1:]).casefold()


def abstract_titles_alike(title: str, other: str) -> float | None:
    """How alike two normalised titles are (rapidfuzz's ratio, in percent) when one long
    abstract under them names one paper: at least ABSTRACT_TITLE_ALIKE; else None. The
    importer's match by abstract (importmatch), and `check`'s of two files so written."""
    from rapidfuzz import fuzz  # (late: see the note at the imports)

    score = fuzz.ratio(title, other)
    return score if score >= ABSTRACT_TITLE_ALIKE else None


def one_by_text(title: str, other: str, abstract: object, other_abstract: object) -> bool:
    """Whether `check` and import take two papers of these normalised titles and these
    abstracts for one by their text, ids aside: one title, or titles SIMILAR_TITLE alike,
    or one long abstract under titles somewhat alike. Only then does a `not_same_as:`
    entry part anything (crosscheck._check_parted says one that does not is not needed)."""
    from rapidfuzz import fuzz  # (late: see the note at the imports)

    if title and other and fuzz.ratio(title, other) >= SIMILAR_TITLE:
        return True
    key = abstract_key(abstract)
    return bool(key) and key == abstract_key(other_abstract) and abstract_titles_alike(title, other) is not None


# Every ASCII character that is no word character of `_WORD` ("\\w"), as a space: the
# words of an ASCII text are then what str.split finds, in C, where the regular
# expression asked Unicode of each character (`check` normalises a list's every title).
_ASCII_NON_WORD = bytes(b if _WORD.fullmatch(chr(b)) else ord(" ") for b in range(128)) + bytes(128)


def _ascii_words(text: str) -> list[str]:
    """``_WORD.findall(text)`` of an ASCII ``text``."""
    return text.encode("ascii").translate(_ASCII_NON_WORD).decode("ascii").split()


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
    else:
        key = " ".join(_ascii_words(text.casefold()))
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
    # (Each word's cheap test first: `check` marks every title of a list, 10,000 of them.)
    digits = _DIGIT.search(title) is not None
    marks = [
        w for w in title.split()
        if (len(w) <= 2 and w not in _STOP_WORDS) or (digits and _DIGIT.search(w))
        or w in _NUMBER_WORDS or (not w.strip("ivxlc") and _ROMAN.fullmatch(w) and w not in _NOT_ROMAN)
    ]
    if not title.isascii():
        marks += _CJK_NUMERALS.findall(title)
    return tuple(sorted(marks))


_NUMBER = re.compile(r"\d+")


def joined_title(title: str) -> str:
    """A normalised title's words written together, then its numbers: the titles a
    hyphen, or a space, for none tells apart ("ReAct" and "Re-Act", "X-Former" and
    "XFormer", too short for a similar title's score) are one; not "Llama 2 70B" and
    "Llama 270B". The importer takes two such titles for one paper; `check` warns of two
    files so titled (paperdrafts.SAME_PAPER_KEYS)."""
    return " ".join(("".join(title.split()), *_NUMBER.findall(title)))


# Titles at least this alike (rapidfuzz's ratio, in percent) name one paper, unless both
# abstracts are given and clearly differ (ABSTRACT_ALIKE) or their ids, or their people
# and years, tell two papers (importmatch.apart; `check` warns of two such files).
SIMILAR_TITLE = 95.0
# Titles only fuzzily alike name one paper unless both abstracts are given and less alike
# than this (two papers with near titles, each with its own abstract and repository).
ABSTRACT_ALIKE = 75.0
# The lengths of the titles a posting holds, in steps of this many characters.
_LENGTH_STEP = 4

Named = TypeVar("Named")


class SimilarTitles(Generic[Named]):
    """Normalised titles, each with what it names (the first given a title keeps it), and
    the one most alike a title, at least SIMILAR_TITLE: the importer's match by a very
    similar title, and `check`'s of two files so titled.

    Titles this similar differ in a few characters, so they share at least one of their
    rarer words; only those candidates are scored. A misspelt word is in no posting:
    the three rarest words found are the candidates'. Each must share the title's
    identity marks (two numbers are two papers). A posting is kept by the titles'
    lengths too: a title longer or shorter than the ratio allows cannot be that alike,
    and is not even gathered (on 10,000 titles, most of a common word's)."""

    def __init__(self) -> None:
        # Each title -> its place in the order given, and what it names.
        self._titles: dict[str, tuple[int, Named]] = {}
        # identity marks -> word -> [how many titles hold it, the word, {a length step ->
        # the titles of such lengths}]: lists, so that those of a title's words sort by
        # how rare they are, then as the words sort.
        self._postings: dict[tuple[str, ...], dict[str, list]] = {}
        # Titles given to `add`, in order, not indexed yet: indexed when a title is first
        # looked up. An unchanged re-import finds every record by its exact title and
        # looks up none, so its 10,000 papers' titles were indexed for nothing (0.1-0.2 s).
        self._waiting: list[tuple[str, Named]] = []

    def __contains__(self, title: str) -> bool:
        self._index_waiting()
        return title in self._titles

    def add(self, title: str, named: Named) -> None:
        """Index ``title`` (normalised) for ``named``, unless it has been given already."""
        if title:
            self._waiting.append((title, named))

    def _index_waiting(self) -> None:
        """Index the titles `add` was given, in the order given (the first of a title keeps it)."""
        for title, named in self._waiting:
            if title not in self._titles:
                self._add(title, set(title.split()), identity_marks(title), named)
        self._waiting.clear()

    def _add(self, title: str, words: set[str], marks: tuple[str, ...], named: Named) -> None:
        self._titles[title] = (len(self._titles), named)
        step = len(title) // _LENGTH_STEP
        postings = self._postings.get(marks)
        if postings is None:
            postings = self._postings[marks] = {}
        for word in words:
            if (posting := postings.get(word)) is None:
                postings[word] = [1, word, {step: [title]}]
            else:
                posting[0] += 1
                if (found := posting[2].get(step)) is None:
                    posting[2][step] = [title]
                else:
                    found.append(title)

    def similar(self, title: str, then_add: Named | None = None) -> tuple[Named, float] | None:
        """What the title most alike ``title`` (normalised) names (of two as alike, the
        one given first), and how alike they are; None when none is SIMILAR_TITLE alike.
        ``then_add``: what ``title`` names, indexed once it is looked up (as `add` does,
        with less work done twice on a list's every title)."""
        self._index_waiting()
        marks, words = identity_marks(title), set(title.split())
        postings = self._postings.get(marks)
        found = self._similar(title, words, postings) if postings else None
        if then_add is not None and title not in self._titles:
            self._add(title, words, marks, then_add)
        return found

    def _similar(self, title: str, words: set[str], postings: dict[str, list]) -> tuple[Named, float] | None:
        # (Called on every title of a list by `check`: the loops are the library's.)
        from rapidfuzz import fuzz, process  # (late: see the note at the imports)

        rarest = sorted(filter(None, map(postings.get, words)))[:3]
        # fuzz.ratio is 100 less the share of the two lengths together that the edits
        # make (in percent), and each character of the lengths' difference takes an
        # edit: the lengths are at most this far apart (a character more, for rounding).
        length, spread = len(title), 1 - SIMILAR_TITLE / 100
        low = int(length * (1 - spread) / (1 + spread)) - 1
        high = int(length * (1 + spread) / (1 - spread)) + 1
        steps = range(max(low, 0) // _LENGTH_STEP, high // _LENGTH_STEP + 1)
        candidates: set[str] = set()
        for _, _, by_length in rarest:
            candidates.update(*map(by_length.get, steps, repeat((), len(steps))))
        best = process.extractOne(title, candidates, scorer=fuzz.ratio, score_cutoff=SIMILAR_TITLE)
        if best is None:
            return None
        # (A set has no order of its own: of titles as alike, the first given.)
        tied = [choice for choice in candidates if fuzz.ratio(title, choice) == best[1]]
        return self._titles[min(tied, key=self._titles.__getitem__)][1], best[1]


def different_abstracts(one: str, other: str) -> bool:
    """Both abstracts given and clearly not one text revised (nor one cut short): papers
    of near titles are two then."""
    from rapidfuzz import fuzz  # (late: see the note at the imports)

    one, other = " ".join(one.casefold().split()), " ".join(other.casefold().split())
    if not one or not other:
        return False
    return fuzz.ratio(one, other) < ABSTRACT_ALIKE and fuzz.partial_ratio(one, other) < ABSTRACT_ALIKE


def title_key(title: str) -> str:
    """The digest of a title's normalised form, kept with the digests of the titles."""
    return provenance.digest(normalise_title(title))


# A word of a name that can tell people apart: initials ("E.", "J") cannot.
_NAME_WORD = re.compile(r"[^\W\d_]{2,}")
# German's spelling of its umlauts without them: "Müller" is "Mueller" too, "Jörg" "Joerg".
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def kinds_differ(one: Mapping[str, object], other: Mapping[str, object]) -> bool:
    """Whether two works (a paper file's values, or a record's venue and publisher) are of
    kinds no export of one paper mixes: a book (a publisher and no venue, as the schema
    writes one) and a work in a journal, proceedings or an edited book (a venue, not a
    preprint's). An article, a conference's paper, a chapter (Springer exports the papers
    of its proceedings so) and a preprint may each be another export of one paper; a work
    that names no venue and no publisher says nothing of its kind."""
    return {_kind(one), _kind(other)} == {"book", "in a venue"}


def _kind(values: Mapping[str, object]) -> str:
    venue = str(values.get("venue") or "")
    if not venue:
        return "book" if values.get("publisher") else ""
    return "" if PREPRINT.search(venue) else "in a venue"


def two_works(authors: object, year: object, other_authors: object, other_year: object, least: int = 2) -> bool:
    """Whether two papers of one title are two works by their authors and years: the
    years differ, each names at least two people, and most people of the shorter list are
    not in the other (a person is there when a word of their name is, spelt with or
    without umlauts, "Müller" or "Mueller": order, initials and "Last, First" do not matter, and a list cut
    short by "others" still matches). "Deep Learning" is Goodfellow, Bengio and
    Courville's book (2016) and LeCun, Bengio and Hinton's review (2015).

    Only then: a preprint's year differs from its publication's while its people stay,
    and one person may be spelt apart ("Müller", "Mueller") but not most of a list. An
    organisation ("Qwen Team", "OpenAI") for its people, or names in another script,
    decide nothing: the authors are a conflict instead. ``least``: the people each list
    names at least (one, for works of kinds no export of one paper mixes:
    importmatch.other_kinds)."""
    if not (year and other_year and str(year).strip() != str(other_year).strip()):
        return False
    people = _people(authors)
    others = _people(other_authors)
    if people is None or others is None or len(people) < least or len(others) < least:
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


def family_names(authors: object) -> tuple[str, ...]:
    """The family names of an author list as the importer writes one, folded: the words
    before a comma (a surname of two words kept first, "García Márquez, Gabriel"), else
    the last word ("Ana García"); not "others"."""
    return tuple(folded(name) for name in _family_names(authors))


def _family_names(authors: object) -> list[str]:
    """family_names as written, not folded."""
    names = []
    for name in authors if isinstance(authors, (list, tuple)) else ():
        text = str(name).strip()
        if text.casefold() != "others":
            names.append(text.split(",")[0] if "," in text else (text.split() or [""])[-1])
    return names


def surname_marks(authors: object) -> frozenset[str]:
    """What the importer's record keeps of an author list's people beside the list's
    digest, as it keeps each tag: a digest for each family name, as accents fold it and
    as German spells it ("Müller", "Mueller"). A deleted paper's record then tells
    whether a record of its citation key names any of its people, whose list the
    curator may have corrected since (tombstones.py): digests of whole lists say only
    whether two are the same. (Not a list's digest: no list is a dict.)"""
    return frozenset(
        digest for name in _family_names(authors) for digest in _surname_digests(name)
    )


@lru_cache(maxsize=1 << 14)  # (a list's people recur: 40,000 digests, of a few thousand names)
def _surname_digests(name: str) -> tuple[str, ...]:
    """The digests of a family name's spellings (one name's folding and digests, once:
    folded, translated and looked up again for each of 20,000 authors, 0.04-0.07 s of a
    fresh import of 10,000 records)."""
    return tuple(provenance.digest({"surname": spelling}) for spelling in _spellings(name) if spelling)


def person_keys(name: str) -> frozenset[str]:
    """The words of a name that tell people apart (not initials), each as accents fold it
    ("muller") and as German spells it ("mueller"); short names keep their letters (Li, Lu
    and Lee are three people)."""
    return frozenset(key for word in _NAME_WORD.findall(name) for key in _spellings(word))


def _spellings(word: str) -> tuple[str, str]:
    """A word of a name as accents fold it ("muller") and as German spells it ("mueller")."""
    return folded(word), folded(word.casefold().translate(_UMLAUTS))


def one_person(name: str, other: str) -> bool:
    """Whether two names are one person's as sources write them: alike once folded
    ("Edward J. Hu", "Edward J Hu"; "Pieter-Jan", "Pieter Jan"; "García Márquez, Gabriel",
    "Gabriel García Márquez"), or of one surname (with or without umlauts, "Müller",
    "Mueller") whose given names in one are the other's, in their order, each whole or as
    its initial, some left out: a middle initial one source leaves out ("Kristof T.
    Schütt", "Kristof Schütt"), initials for given names ("J. Smith", "John Smith";
    "P.-J. Kindermans"). Not another surname ("John Smith", "John Smyth"), given name
    ("Jane Smith") or initial ("J. Smith", "K. Smith"), nor two middle initials ("John A.
    Smith", "John B. Smith"); an organisation's name only alike once folded. Stricter
    than a name's words all in the other's (importmerge._same_person, which takes "J.
    Smith" and "K. Smith" for one person), as it says who is at one place of two lists.
    Nor a surname alone ("Smith", "Jane Smith"; "others", "John Others"), a surname with
    a particle or hyphen and one without ("Jan van der Berg", "Jan Berg"; "Ana
    García-Pérez", "Ana Pérez"), or "Jr" and "Sr"."""
    shown, other_shown = shown_name(name), shown_name(other)
    if folded(shown) == folded(other_shown):
        return True
    if is_organisation(shown) or is_organisation(other_shown):
        return False
    (given, surname, suffix), (other_given, other_surname, other_suffix) = _name_parts(name), _name_parts(other)
    if not given or not other_given or not _same_surname(surname, other_surname):
        return False
    if suffix and other_suffix and suffix != other_suffix:
        return False
    return _given_in(given, other_given) or _given_in(other_given, given)


# What parts given names: spaces, a hyphen ("Pieter-Jan", "P.-J."), an initial's full
# stop ("J.A."), a comma.
_NAME_BREAK = re.compile(r"[\s.,\-\u2010\u2011]+")


# Particles of surnames that sources also write in capitals ("De Freitas", "Van Beethoven").
_PARTICLES = frozenset("da das de del della der den di do dos du la le ten ter van von".split())


def _name_parts(name: str) -> tuple[list[str], str, str]:
    """A name's given names, surname and "Jr" part (folded), as one_person compares
    them. The surname as BibTeX reads it: the part before the comma ("García Márquez,
    Gabriel"; "King, Jr., Martin"), else the last word, hyphenated or not, with the
    lower-case particles before it ("Jan van der Berg": "van der Berg"), and the known
    ones in capitals after a given name ("Nando De Freitas": "De Freitas")."""
    name = " ".join(name.split())
    parts = [part.strip() for part in name.split(",")]
    if len(parts) == 2 and not is_suffix(parts[1]) and all(folded(part) for part in parts):
        surname, suffix, given_text = parts[0], "", parts[1]
    elif len(parts) == 3 and is_suffix(parts[1]) and folded(parts[0]) and folded(parts[2]):
        surname, suffix, given_text = parts[0], parts[1], parts[2]
    else:
        words = [word for word in name.replace(",", " ").split() if folded(word)]
        suffix = " ".join(word for word in words if is_suffix(word))
        words = [word for word in words if not is_suffix(word)]
        at = len(words) - 1
        while at > 0 and (words[at - 1][:1].islower() or (at > 1 and words[at - 1].casefold() in _PARTICLES)):
            # A particle ("van", "der", "de", "von"), also in capitals after a given name
            # ("Nando De Freitas", "N. de Freitas"; but "Van Morrison": a given name first).
            at -= 1
        surname, given_text = " ".join(words[at:]), " ".join(words[:at])
    given = [part for part in _NAME_BREAK.split(given_text) if folded(part) and not is_suffix(part)]
    return given, surname, folded(suffix)


def _same_surname(one: str, other: str) -> bool:
    """Two surnames of one person: alike folded, or "Müller" and "Mueller" (a single
    letter is no surname: "Smith J", initials last, is not told so)."""
    return min(len(folded(one)), len(folded(other))) > 1 and bool(set(_spellings(one)) & set(_spellings(other)))


def _given_in(fewer: list[str], more: list[str]) -> bool:
    """Whether the given names ``fewer`` are some of ``more``, in their order, each the
    same name or an initial of it. (The earliest place for each is as good as any: a
    later one leaves fewer places for the rest.)"""
    at = 0
    for word in fewer:
        while at < len(more) and not _same_given(word, more[at]):
            at += 1
        if at == len(more):
            return False
        at += 1
    return True


def _same_given(one: str, other: str) -> bool:
    """Two given names of one person: alike folded (or "Jörg" and "Joerg"), or an initial
    and a name it begins ("J", "John"; two initials only when the same)."""
    one_folded, other_folded = folded(one), folded(other)
    if len(one_folded) == 1 or len(other_folded) == 1:
        return one_folded[0] == other_folded[0]
    return bool(set(_spellings(one)) & set(_spellings(other)))


def same_conference(venue: str, year: object, other: str, other_year: object) -> bool:
    """Whether two venues name one conference of CONFERENCE_NAMES in one year, each by
    its acronym or its name: "NeurIPS", Google Scholar's "Advances in neural information
    processing systems" and DBLP's "Advances in Neural Information Processing Systems 30:
    Annual Conference on Neural Information Processing Systems 2017, December 4-9, 2017,
    Long Beach, CA, USA". A venue's year is the one it names, else the paper's (``year``,
    ``other_year``); they differ only when both are known. Not a workshop's, the
    conference's Findings or any venue with other words than its proceedings write
    (_VENUE_WORDS)."""
    one, another = conference_of(venue), conference_of(other)
    if one is None or another is None or one[0] != another[0]:
        return False
    years = (one[1] or str(year or "").strip(), another[1] or str(other_year or "").strip())
    return not all(years) or years[0] == years[1]


def abbreviates(short: str, full: str, years: tuple[object, object] = ("", "")) -> bool:
    """Whether ``short`` names by its acronym alone (`by_acronym`) the conference and year
    that ``full`` names (`same_conference`; ``years``: the papers' years, as there):
    "NIPS" of "Advances in Neural Information Processing Systems 30", "NeurIPS 2020" of
    the proceedings of 2020, "NIPS" of "NeurIPS". ``full`` then says all ``short`` does."""
    return by_acronym(short) and same_conference(short, years[0], full, years[1])


@lru_cache(maxsize=1 << 10)
def by_acronym(venue: str) -> bool:
    """Whether ``venue`` names a conference of CONFERENCE_NAMES by one of its acronyms, and
    says nothing else but its year or a number ("NIPS", "NeurIPS 2020", "ICML'21"): not
    its name ("Advances in Neural Information Processing Systems"), nor how a paper was
    presented there ("NeurIPS 2020 Oral")."""
    found = conference_of(venue)
    if found is None:
        return False
    spelt = re.compile(rf"(?<![\w-])(?:{CONFERENCE_NAMES[found[0]][0]})(?![\w-])")
    text = " ".join(venue.split()).casefold()
    rest = spelt.sub(" ", text)
    return rest != text and all(_NUMBER_TOKEN.fullmatch(word) for word in _VENUE_TOKEN.findall(rest))


@lru_cache(maxsize=1 << 10)
def conference_of(venue: str) -> tuple[str, str] | None:
    """The conference of CONFERENCE_NAMES that ``venue`` is the proceedings of, and the
    year it names ("" when none, or several); None when it names none, several, or more
    than that conference (see `same_conference`)."""
    from .models import brief_venue, roman_value

    text = " ".join(venue.split())
    # (The days and place DBLP writes after the conference's name say no more of it.)
    written = brief_venue(text)
    brief = written.casefold()
    found = []
    for name, (acronyms, words) in CONFERENCE_NAMES.items():
        spelt = _conference_pattern(acronyms, words)
        if spelt.search(brief):
            found.append(name)
            rest = spelt.sub(" ", brief)
    if len(found) != 1:
        return None
    # (An edition's numeral is a word of the proceedings of a conference whose first
    # year is known: it names the year. Looked for in the venue as written, in capitals.)
    first = FIRST_EDITIONS.get(found[0])
    editions = set(_EDITION.findall(written)) if first else set()
    if any(
        word not in _VENUE_WORDS and not _NUMBER_TOKEN.fullmatch(word) and word.upper() not in editions
        for word in _VENUE_TOKEN.findall(rest)
    ):
        return None
    acronyms = CONFERENCE_NAMES[found[0]][0]
    years = set(_FULL_YEAR.findall(text))
    years |= {str(first + roman_value(edition) - 1) for edition in editions if first}
    years |= {  # "NeurIPS'22", "NIPS '95"
        ("19" if short >= "70" else "20") + short
        for short in re.findall(rf"(?i)\b(?:{acronyms})\s*['’]\s*(\d{{2}})\b", text)
    }
    return found[0], years.pop() if len(years) == 1 else ""


@lru_cache(maxsize=None)
def _conference_pattern(acronyms: str, words: str) -> re.Pattern[str]:
    """A conference's name or acronyms as a lower-cased venue writes them."""
    return re.compile(rf"(?<![\w-])(?:{words}|{acronyms})(?![\w-])")
