"""The reading list as plain, frozen, typed records. No I/O and no settings live here.

Everything the generator knows about a list is one of these records; loading builds
them from `content/`, later phases (topics, related, pages) only add records that
point at them by id. Text fields hold text exactly as the curator wrote it: escaping
is the renderer's job, never the model's.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import MISSING, dataclass, field, fields
from functools import cached_property
from typing import Mapping

from .errors import Location
from .names import shown_name

# Where a link came from: found in the abstract or listing text by import, taken from a
# BibTeX entry's or an RIS record's fields, from the authors' comment on arXiv, or
# written by a curator.
FOUND_IN = ("abstract", "bibtex", "comment", "curator", "ris")
LINK_KINDS = ("code", "project", "paper", "pdf", "data", "video", "slides")
# The kinds a new paper file lists even when empty, so that a curator sees where a link
# goes; the others appear once a link of theirs is found or written (files the importer
# wrote before they existed stay as they were).
USUAL_LINK_KINDS = LINK_KINDS[:4]
CODE_HOSTS = ("github", "gitlab", "bitbucket", "huggingface", "codeberg")
STATUSES = ("must-read", "classic", "to-read", "reference")
# What a venue is, where its name does not say: the BibTeX entry type a citation needs
# (@article, @inproceedings, @incollection).
VENUE_KINDS = ("journal", "conference", "book")


@dataclass(frozen=True)
class RepoStats:
    """What GitHub said of a code repository on the day ``checked`` (repositories.py).
    ``gone``: GitHub had no such repository that day (deleted, private or renamed
    without a redirect); it then has no stars (0) and is not archived."""

    stars: int
    archived: bool
    checked: dt.date
    gone: bool = False


@dataclass(frozen=True)
class Link:
    """One URL of a paper. ``kind`` is one of LINK_KINDS.

    For code links, ``host`` is one of CODE_HOSTS and ``repo`` is ``owner/name`` derived
    from the URL (which may be a deep link such as ``.../tree/main/sub``); both are ""
    for code elsewhere (another forge, a site a curator gave as code). A data link on
    Hugging Face or Kaggle has them too (``huggingface``, ``datasets/owner/name``).
    """

    url: str
    kind: str
    found_in: str = "curator"
    note: str = ""
    official: bool = False
    host: str = ""
    repo: str = ""
    stats: RepoStats | None = None  # from content/repositories.yml, not the paper's file


# The author that stands for more authors (BibTeX's "and others").
OTHERS = "others"
# How many authors a page's byline names before "et al." (see Paper.short_byline).
BYLINE_NAMES = 10


@dataclass(frozen=True)
class Paper:
    id: str
    title: str
    abstract: str
    authors: tuple[str, ...] = ()
    # The editors of the book (or proceedings) it is in, or of the book itself when it
    # is edited as a whole; written as `authors` are (a last ``others`` is "et al.").
    editors: tuple[str, ...] = ()
    year: int | None = None
    venue: str = ""
    venue_kind: str = ""
    volume: str = ""
    number: str = ""
    pages: str = ""
    publisher: str = ""
    arxiv: str = ""
    doi: str = ""
    links: tuple[Link, ...] = ()
    topics: tuple[str, ...] = ()
    exclude_topics: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    status: str = ""
    added: dt.date | None = None
    related: tuple[str, ...] = ()
    not_related: tuple[str, ...] = ()  # papers never among its similar ones, nor it among theirs
    not_same_as: tuple[str, ...] = ()  # papers of its title (say) that are other papers
    formerly: tuple[str, ...] = ()  # its ids before a rename, oldest first
    # The key its citation is given (a lab's own, from its .bib): "" for its first id;
    # one no other paper may be cited by (crosscheck._citation_keys).
    citation_key: str = ""
    summary: str = ""
    notes: str = ""
    source: Location | None = None  # the curation file this record was read from

    def __post_init__(self) -> None:
        # A field left at its default is left out of the paper's __dict__ (read, it is
        # the class's default): of the 26 fields a paper at 10,000 gives 6 on average,
        # and a new process reads all 10,000 papers back from the memo (cache.py), whose
        # unpickling goes by the entries of their dicts. Only the very default object
        # (the empty string, tuple and None are one object each): equal is not enough
        # (0 is not None).
        state = self.__dict__
        for name, default in _PAPER_DEFAULTS:
            if state[name] is default:
                del state[name]

    @property
    def former_ids(self) -> tuple[str, ...]:
        """Its ids before a rename that are not its id now (`formerly` may start with
        its own: the id it was first known by, when renamed back to it)."""
        return tuple(old for old in self.formerly if old != self.id)

    @property
    def first_id(self) -> str:
        """The id it was first known by (`formerly`'s first, else its id): where a
        rename must change nothing a reader holds on to (a feed entry, a place among
        the newest papers)."""
        return self.formerly[0] if self.formerly else self.id

    @property
    def cited_as(self) -> str:
        """The key of its BibTeX entry: its `citation_key`, else the id it was first
        known by (a rename changes no key a citation holds)."""
        return self.citation_key or self.first_id

    @property
    def code(self) -> tuple[Link, ...]:
        return tuple(link for link in self.links if link.kind == "code")

    def links_of(self, kind: str) -> tuple[Link, ...]:
        return tuple(link for link in self.links if link.kind == kind)

    @property
    def byline(self) -> str:
        """The authors as a reader sees them. A last author ``others`` is BibTeX's "and
        others" (the importer keeps it so): the list is incomplete, shown "et al.". A
        name written surname first is shown first name first (names.shown_name)."""
        names = ", ".join(shown_name(name) for name in self.names)
        return names + " et al." if len(self.names) < len(self.authors) else names

    @property
    def shown_authors(self) -> tuple[str, ...]:
        """Each author as the site shows them (names.shown_name), in order, one for each
        of ``authors``: a last ``others`` is "et al." (see `byline`). For the data
        exports, beside the names as written."""
        return _shown(self.authors)

    @property
    def shown_editors(self) -> tuple[str, ...]:
        """Each editor as the site shows them, as `shown_authors`."""
        return _shown(self.editors)

    @property
    def editors_place(self) -> str:
        """Where the paper's page names its editors, where a reader of a citation looks
        for them: "book", a chapter's after the book it is in ("In *Book*, edited by A
        and B"); "byline", a book's own (no venue: the place is its publisher) after its
        authors or in their place; "" nowhere, a conference paper's or a journal
        article's (a proceedings' editors, as DBLP's crossref to @proceedings gives
        them), as ACL's, IEEE's and ACM's styles cite such a paper (papers.bib keeps them)."""
        if not self.editors:
            return ""
        if not self.venue.strip():
            return "byline"
        return "" if self.venue_kind in ("conference", "journal") else "book"

    @property
    def editor_names(self) -> tuple[str, ...]:
        """The editors the page names, as it shows them, without "et al." (none when it
        names none, `editors_place`): what search finds, and the feed's contributors."""
        return tuple(shown_name(name) for name in _named(self.editors)) if self.editors_place else ()

    @property
    def editors_byline(self) -> str:
        """The editors as a reader sees them after "edited by": "A", "A and B", "A, B and
        C"; "A et al." (and "A, B et al.") when a last ``others`` says the list is cut."""
        shown = _shown(self.editors)
        if shown[-1:] == ("et al.",):
            return ", ".join(shown[:-1]) + " et al."
        if len(shown) < 2:
            return "".join(shown)
        return ", ".join(shown[:-1]) + f" and {shown[-1]}"

    @property
    def names(self) -> tuple[str, ...]:
        """The authors who are named: without a last ``others`` (see `byline`)."""
        return _named(self.authors)

    @property
    def short_byline(self) -> str:
        """The byline a page heads with: at most BYLINE_NAMES names, then "et al.".
        (A consortium paper's 40 names pushed its title's page down a screen; the page
        lists them all just below, and its citation has them.)"""
        names = self.names
        if len(names) <= BYLINE_NAMES + 2:  # "et al." for one or two names saves nothing
            return self.byline
        return ", ".join(shown_name(name) for name in names[:BYLINE_NAMES]) + " et al."

    @property
    def brief_byline(self) -> str:
        """The authors as a table row names them: "A", "A, B", or "A et al.". (A reader
        knows a paper by its first author; a row has no room for ten names.) The page's
        byline (`byline`) cut short, as `short_byline` cuts it: the row of a paper of two
        said "A and B" and its page "A, B", one paper's authors written two ways."""
        names = self.names
        if not names:
            return ""
        if len(names) < len(self.authors) or len(names) > 2:
            return shown_name(names[0]) + " et al."
        return self.byline

    @cached_property
    def filter_names(self) -> str:
        """Every author's name and the place, as the all-papers filter reads them
        ("Ada Lovelace; Alan Turing; NeurIPS"). Kept on the paper: a rerun that lists
        10,000 papers again joins only the new papers' names."""
        return "; ".join(part for part in (*(shown_name(name) for name in self.names), self.where) if part)

    @property
    def where(self) -> str:
        """Where the paper was published, as a byline names it: its venue, or for a book
        (a publisher and no venue) its publisher."""
        return " ".join((self.venue if self.venue.strip() else self.publisher).split())

    @property
    def brief_where(self) -> str:
        """The venue as a table row names it: without the dates and place of a
        conference that DBLP's booktitle ends with (`brief_venue`). The paper's page
        names it whole, as the curator wrote it."""
        return brief_venue(self.where)

    @property
    def locator(self) -> str:
        """Where in its venue the paper is, as a reader sees it: "vol. 33, no. 4, pp.
        770–778". A range of pages is written with an en dash, however the curator
        joined it; a label and its number are joined by a no-break space ("pp." is not
        left at a line's end, its pages on the next)."""
        parts = []
        if self.volume.strip():
            parts.append(f"vol.\u00a0{' '.join(self.volume.split())}")
        if self.number.strip():
            parts.append(f"no.\u00a0{' '.join(self.number.split())}")
        pieces = page_pieces(self.pages)
        if len(pieces) > 1 or any(last for _, last in pieces):
            parts.append(f"pp.\u00a0{pages_text(self.pages)}")
        elif pieces:  # one value: mostly an article number ("103385", "e1001234"), no page
            parts.append(pieces[0][0])
        return ", ".join(parts)


def _named(people: tuple[str, ...]) -> tuple[str, ...]:
    """The people of a list who are named: without a last ``others`` (BibTeX's "and
    others"), which stands for the ones not named."""
    if len(people) > 1 and " ".join(people[-1].split()) == OTHERS:
        return people[:-1]
    return people


def _shown(people: tuple[str, ...]) -> tuple[str, ...]:
    """Each of ``people`` as the site shows them, a last ``others`` as "et al."."""
    named = _named(people)
    shown = tuple(shown_name(name) for name in named)
    return shown + ("et al.",) if len(named) < len(people) else shown


# A month's name, as a conference's dates write it.
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAYS = r"\d{1,2}(?:\s*[-–]\s*(?:" + _MONTH + r"\s+)?\d{1,2})?"
# One comma-separated part of a booktitle that gives the conference's days: "December
# 4-9", "June 27 - July 2", "18-24 July 2021", "May 1-5".
_DATE_PART = re.compile(
    rf"(?:{_MONTH}\s+{_DAYS}|{_DAYS}\s+{_MONTH}(?:\s*[-–]\s*\d{{1,2}}\s+{_MONTH})?)(?:,?\s+\d{{4}})?"
)
# A part that names a place: a few capitalised words, no digit ("Long Beach", "CA",
# "USA", "The Netherlands", "Virtual Event / Punta Cana").
_PLACE_WORD = r"(?:[A-Z][\w.'’-]*|de|del|la|of|the|and|/)"
_PLACE_PART = re.compile(rf"{_PLACE_WORD}(?:\s+{_PLACE_WORD}){{0,5}}")


# A preprint's venue that repeats its arXiv id, as Google Scholar writes it.
_PREPRINT_WITH_ID = re.compile(r"\s*(arXiv preprint)\s+arXiv:\s*\S+\s*", re.IGNORECASE)


def brief_venue(venue: str) -> str:
    """``venue`` without the days and the place of its conference, as DBLP writes its
    booktitles ("Advances in Neural Information Processing Systems 30: Annual Conference
    on Neural Information Processing Systems 2017, December 4-9, 2017, Long Beach, CA,
    USA" is "Advances in Neural Information Processing Systems 30"; "IEEE Conference on
    Computer Vision and Pattern Recognition, CVPR 2016, Las Vegas, NV, USA, June 27-30,
    2016" is "IEEE Conference on Computer Vision and Pattern Recognition, CVPR 2016"):
    everything from the first part that gives its days, and the places before it. The
    proceedings' own title before a colon stands for the conference named after it.
    Google Scholar's "arXiv preprint arXiv:1810.04805" is "arXiv preprint": the id tells
    a row's reader nothing, and the paper's page gives it as its arXiv link. Any other venue is as written."""
    if preprint := _PREPRINT_WITH_ID.fullmatch(venue):
        return preprint.group(1)
    parts = venue.split(", ")
    date = next((i for i, part in enumerate(parts) if i and _DATE_PART.fullmatch(part.strip())), None)
    if date is None:
        return venue
    kept = parts[:date]
    while len(kept) > 1 and _PLACE_PART.fullmatch(kept[-1].strip()):
        kept.pop()
    title, colon, named = kept[0].partition(": ")
    if colon and len(kept) == 1 and re.search(r"\b(?:Conference|Symposium)\b", named) and not re.search(
        r"\bWorkshops?\b", named
    ):  # (not "ICLR 2021: Workshop on ...": a workshop's paper, not the conference's)
        return title
    return ", ".join(kept)


# Between the first and the last page of a range: BibTeX's "--" (or "---"), an en or em
# dash, a hyphen with spaces, or else one hyphen ("770-778"; "A-1--A-10" and "A-1 - A-10"
# range at their "--" and " - ").
_RANGE_MARK = re.compile(r"\s*(?:-{2,3}|–|—)\s*|\s+-\s+")
_HYPHEN = re.compile(r"\s*-\s*")


def page_pieces(pages: str) -> tuple[tuple[str, str], ...]:
    """``pages`` as its comma-separated pieces, each (first, last), ``last`` "" for one
    page or an article number: "770--778" and "770-778" are ("770", "778"), DBLP's
    "140:1--140:67" is ("140:1", "140:67"), IEEE's early-access "1-1" is one page, and
    a leading "pp." is dropped (a citation style prints its own). A piece that is no
    range of two ends, each one word ("a--b--c", "12–15 (2020)"), is kept whole."""
    pieces = []
    for part in _PAGES_WORD.sub("", pages).split(","):
        part = " ".join(part.split())
        if not part:
            continue
        ends = _RANGE_MARK.split(part)
        if len(ends) == 1:
            ends = _HYPHEN.split(part)
            if len(ends) == 2 and not _pages_alike(*ends):
                ends = [part]  # one hyphenated page ("A-1", "e-12345", "2021-0123")
        if len(ends) == 2 and all(end and " " not in end for end in ends):
            pieces.append((ends[0], "" if ends[1] == ends[0] else ends[1]))
        else:
            pieces.append((part, ""))
    return tuple(pieces)


_PAGES_WORD = re.compile(r"^\s*pp?\.\s*", re.IGNORECASE)
# A page number: letters before digits, then anything ("S12", "e7", "140:1", "12a",
# "1.10"), or roman numerals ("xiv").
_PAGE_NUMBER = re.compile(r"([^\W\d_]*)(\d+)([\w.:]*)")
_ROMAN = re.compile(r"[ivxlcdm]{1,15}|[IVXLCDM]{1,15}")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}


def roman_value(numeral: str) -> int:
    """The number a roman numeral writes ("xiv": 14), in either case."""
    values = [_ROMAN_VALUES[c] for c in numeral.lower()]
    return sum(-v if v < after else v for v, after in zip(values, values[1:] + [0]))


# A piece of pages that is a range with a dash at one end and no page there ("12-",
# "--19"; hunt9's Zotero .bib gave `pages = {12-}`).
_DANGLING = re.compile(r"^[-–—]|[-–—]$")


NO_PAGE_NUMBER = "holds no page number"


def unreadable_pages(pages: str, words: bool = True) -> tuple[tuple[str, str], ...]:
    """The comma-separated pieces of ``pages`` that are no pages a publication has, each
    (the piece as written, why): a range without its first or last page ("12-",
    "--19"), a range whose last page is before its first ("15--12"; not a last page
    shortened, "770--78"), and text with no page number ("abc", "in press"). What the
    import leaves out of a record (with a warning at each piece) and `check` warns of in
    a paper's file, one judgement for both. A range of one hyphen is not judged: "15-12"
    may be one hyphenated page or article number, as "2021-0123" is. ``words``: False
    leaves out the text with no page number (the import keeps it: see bibtex's
    _impossible_locator)."""
    word = _PAGES_WORD.match(pages)
    found = []
    for piece in pages[word.end() if word else 0:].split(","):
        if (piece := piece.strip()) and (why := _unreadable_piece(piece)) and (words or why != NO_PAGE_NUMBER):
            found.append((piece, why))
    return tuple(found)


def _unreadable_piece(piece: str) -> str:
    """Why ``piece`` (stripped, one of `unreadable_pages`') is no page or range; ""."""
    if _DANGLING.search(piece):
        return f"is a range without its {'first' if piece[0] in '-–—' else 'last'} page"
    ends = _RANGE_MARK.split(piece)
    if not all(map(_numbered, ends)):
        return NO_PAGE_NUMBER
    if len(ends) == 2 and ends[0] != ends[1] and not _pages_alike(*ends) and _one_kind(*ends):
        return "is a range whose last page is before its first"
    return ""


def _numbered(end: str) -> bool:
    """Whether one end of a range (or a page) holds a page number: a digit, else words
    that are each a roman numeral ("xiv", "iv-IV")."""
    if any(c.isdigit() for c in end):
        return True
    words = _NOT_WORD.split(end)
    return any(words) and all(_ROMAN.fullmatch(word) for word in words if word)


_NOT_WORD = re.compile(r"[\W_]+")


def _one_kind(first: str, last: str) -> bool:
    """Whether two ends of a range are page numbers of one kind, which `_pages_alike`
    can put in order: both roman numerals in one case, or both numbers with the same
    letters before them ("S12", "S3"). ("A-10--A-1" and "140:3--12" are not judged.)"""
    if _ROMAN.fullmatch(first) and _ROMAN.fullmatch(last):
        return first.islower() == last.islower()
    a, b = _PAGE_NUMBER.fullmatch(first), _PAGE_NUMBER.fullmatch(last)
    return bool(a and b and a.group(1) == b.group(1) and not a.group(3) and not b.group(3))


def readable_pages(pages: str, words: bool = True) -> str:
    """``pages`` without its `unreadable_pages` pieces (``words``: as there), the others
    as written: "14–15" of "12-, 14–15"; "" when none is left (nor a "pp." before nothing)."""
    bad = {piece for piece, _ in unreadable_pages(pages, words)}
    if not bad:
        return pages
    word = _PAGES_WORD.match(pages)
    start = word.end() if word else 0
    kept = [piece for piece in pages[start:].split(",") if piece.strip() not in bad]
    return (pages[:start] + ",".join(kept).strip()).strip() if any(p.strip() for p in kept) else ""


def _pages_alike(first: str, last: str) -> bool:
    """Whether "first-last" (one hyphen) is a range: two page numbers of one kind, the
    first before the last ("770-778", "S1-S10", "140:1-140:67", "xi-xiv") or the last
    shortened as some styles write it ("770-78", "1234-45"); not a page or an article
    number holding a hyphen ("A-1", "2021-0123", "iv-IV")."""
    if _ROMAN.fullmatch(first) and _ROMAN.fullmatch(last):
        return first.islower() == last.islower() and roman_value(first) < roman_value(last)
    a, b = _PAGE_NUMBER.fullmatch(first), _PAGE_NUMBER.fullmatch(last)
    if not (a and b and a.group(1) == b.group(1)):
        return False
    # Compared as digit strings: int() refuses a number of over 4,300 digits.
    x, y = a.group(2).lstrip("0"), b.group(2).lstrip("0")
    if (len(x), x) <= (len(y), y):
        return True
    # "770-78": the last page's leading digits left out, written without a leading zero.
    shortened = not a.group(3) and not b.group(3) and len(y) < len(x) and y == b.group(2)
    return shortened and x[: len(x) - len(y)] + y > x


# What BibTeX (and biber) refuse in a key, or end it at: a space, a comma, braces,
# quotes, parentheses, "=", "#", "%" and a backslash.
_CITATION_KEY = re.compile(r"[^\s\"#%'(),={}\\]+")


# Zero-width characters and the soft hyphen (pasted from a web page): BibTeX takes them,
# but a key holding one is found by no \cite{} typed, and shows as one without.
_INVISIBLE_IN_KEY = re.compile("[\u00ad\u200b-\u200f\u2060-\u2064]")


def is_citation_key(key: str) -> bool:
    """Whether ``key`` may be a BibTeX entry's key (`Paper.citation_key`)."""
    return bool(_CITATION_KEY.fullmatch(key)) and not has_invisible(key)


def has_invisible(key: str) -> bool:
    """Whether ``key`` holds a character no one typing it types (`_INVISIBLE_IN_KEY`)."""
    return _INVISIBLE_IN_KEY.search(key) is not None


def en_dashed_pages(pages: str) -> str:
    """``pages`` as written, with the one hyphen of a range ("436-444", "436 - 444") the
    en dash of BibTeX's ``--``: an import of "770--778" stored "770–778" and one of
    "436-444" kept its hyphen. A hyphen inside one page ("A-1", "2021-0123") stays."""
    word = _PAGES_WORD.match(pages)
    start = word.end() if word else 0
    return pages[:start] + ",".join(_en_dashed(piece) for piece in pages[start:].split(","))


# A piece's spaces before and after it, and the pages between them.
_PIECE = re.compile(r"(\s*)(.*?)(\s*)", re.DOTALL)
_SPACED_HYPHEN = re.compile(r"(\S+\s+)-(\s+\S+)")
_SPACE = re.compile(r"\s")


def _en_dashed(piece: str) -> str:
    match = _PIECE.fullmatch(piece)
    assert match is not None  # (it matches anything)
    head, body, tail = match.groups()
    # (as `page_pieces` reads a range: two ends, each one word)
    ranged = _RANGE_MARK.split(body)
    if len(ranged) == 2 and all(ranged) and (spaced := _SPACED_HYPHEN.fullmatch(body)):
        body = f"{spaced.group(1)}\u2013{spaced.group(2)}"
    elif len(ranged) == 1 and len(ends := _HYPHEN.split(body)) == 2:
        if all(end and not _SPACE.search(end) for end in ends) and _pages_alike(*ends):
            # A space on one side only ("436 -444") is a slip of typing: the range is
            # "436–444" (spaced on both sides, it stays spaced, above).
            body = "\u2013".join(ends)
    return head + body + tail


def pages_text(pages: str) -> str:
    """``pages`` as a reader sees them, each range with an en dash: "770–778", "1–5, 9"."""
    return ", ".join(f"{first}–{last}" if last else first for first, last in page_pieces(pages))


# Paper's fields with a default (a class attribute each: what a paper whose __dict__
# leaves the field out reads), as Paper.__post_init__ leaves them out.
_PAPER_DEFAULTS = tuple(
    (f.name, f.default) for f in fields(Paper) if f.default is not MISSING
)


@dataclass(frozen=True)
class Topic:
    """A topic from `content/topics.yml`.

    ``keywords`` maps a phrase to its weight; a paper whose title and abstract score at
    least ``threshold`` gets the topic by rule (see topics.py for the matching).
    """

    id: str
    title: str
    description: str = ""
    parent: str = ""
    keywords: Mapping[str, float] = field(default_factory=dict)
    threshold: float = 1.0
    reading_order: tuple[str, ...] = ()
    formerly: tuple[str, ...] = ()  # its ids before a rename
    source: Location | None = None

    @property
    def former_ids(self) -> tuple[str, ...]:
        """As `Paper.former_ids`."""
        return tuple(old for old in self.formerly if old != self.id)


@dataclass(frozen=True)
class TopicAssignment:
    """Why a paper has a topic: ``by`` is "curator", "reading order" (the topic's
    reading order lists the paper) or "rules"; ``terms`` matched.

    ``by`` is "fallback" when no rule reached its threshold and the curator chose no
    topic: the paper gets its best-scoring topic (``terms`` and ``score`` are that
    topic's, below its threshold). See topics.py.
    """

    topic: str
    by: str
    terms: tuple[str, ...] = ()
    score: float = 0.0


@dataclass(frozen=True)
class RelatedPaper:
    """A related paper; ``terms`` are the shared terms that make it related."""

    paper: str
    score: float
    terms: tuple[str, ...] = ()
    by_curator: bool = False


@dataclass(frozen=True)
class Content:
    """Everything loaded and validated from `content/`, before any derived data."""

    papers: tuple[Paper, ...]
    topics: tuple[Topic, ...]


@dataclass(frozen=True)
class Site:
    """The whole model: content plus derived cross-links, ready for page planning."""

    papers: tuple[Paper, ...]
    topics: tuple[Topic, ...]
    assignments: Mapping[str, tuple[TopicAssignment, ...]]  # paper id -> its topics
    related: Mapping[str, tuple[RelatedPaper, ...]]  # paper id -> related papers
