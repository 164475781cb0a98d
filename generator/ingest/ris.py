"""RIS files (``TY  - JOUR`` ... ``ER  - ``), read with rispy, as reference managers and
digital libraries export them: Zotero, Mendeley, EndNote, IEEE Xplore, Scopus, Web of
Science, the ACM Digital Library.

Each record gives a `Record` as a BibTeX entry of the same paper would: its type (TY)
says what its venue is (`_JOURNALS`, `_CONFERENCES`, `_IN_BOOKS`, a thesis or report);
title (TI, else T1; a book's BT); authors (AU, A1; "Last, First" and IEEE's "K. He"
read as BibTeX reads a name); year (PY, Y1, DA: "2017///", "2016/06//", "27-30 June
2016"); venue (`_VENUE_TAGS`, by type: a proceedings title before a conference's name,
a journal's full name before its abbreviation, and not a preprint server's where
another is named); volume (VL), number (IS), pages (SP and EP, or SP alone as EndNote
writes "770-778"), publisher (PB); DOI (DO, also as its address); arXiv id (arXiv's own
DOI, an arxiv.org address, or "arXiv:2106.09685 [cs]" in a note or the journal, as
Zotero writes a preprint); links (UR, L1, L2, L3, L4 and the addresses in notes, as BibTeX's
``url``, ``pdf`` and ``note``); abstract (AB, else N2; an N2 saying otherwise is warned
of); keywords (KW, as tags, without IEEE Xplore's index terms and Zotero's arXiv subject
classes).

rispy reads the tags of a record but says nothing of where they are: each record is
found at its ``TY  - `` line here, and each of its tags at its line, so that a problem
is said at ``path:line:col``. A record without its ``ER  - `` (a file cut short, two
records run together) is an error; one without a title is skipped with a warning.
"""

from __future__ import annotations

import functools
import html.entities
import re
from dataclasses import dataclass, field
from typing import Callable

import rispy
from bibtexparser.middlewares.names import InvalidNameError, parse_single_name_into_parts

from ..conflicts import difference
from ..errors import Location, Problems
from ..latex import (
    clean_latex, declarations_after_words, declarations_after_words_as_before, declarations_as_before,
    declarations_read_now, name_letters, reading_in_effect, tex_written,
    tex_written_before,
)
from ..export_bibtex import names_proceedings, names_software
from ..links import (
    arxiv_id,
    arxiv_of_doi,
    clean_url,
    doi_from_url,
    find_url_spans,
    make_link,
    normalize_arxiv,
    normalize_doi,
    same_page,
    unreachable_host,
)
from ..digits import ascii_digits
from ..matchkeys import PREPRINT, normalise_title
from ..models import OTHERS, en_dashed_pages
from ..quoting import quoted
from ..venuewords import proceedings_series
from ..names import author_key, is_company_written, named_twice, source_name, without_marks
from .bibcache import EntryReadings, entry_digest
from . import DATE_VOLUME, ReadBefore, Record, abstract_links, dated_volume, first_version_year, say_dated
from . import as_worded, no_place, series_read_before, thesis_kind, with_notice, without_notice, worded_links
from .notes import machine_note, note_text, notes_read_before, say_left_out, worth_saying
from .wraps import hyphenated_before, joined, wrapped_at_hyphen
from .years import FOUR_DIGITS, read_year, said
from .formats import RECORD_START
from .bibtex import (
    ARXIV_WITH_CLASS,
    _ARXIV_IN_TEXT,
    _ET_AL,
    _TITLE_STOP,
    _repeats_badge,
    _without_arxiv_subjects,
    _without_markup,
    name_text,
    say_index_terms,
    without_index_terms,
)

# A tag's line: two capitals (or a capital and a digit), then "  - " (Zotero and
# EndNote read one space before the dash too, as some exporters write it).
_TAG_LINE = re.compile(r"^([A-Z][A-Z0-9]) {1,2}-(?: |$)", re.MULTILINE)

# Tags whose every line is kept (the others hold one value: `_ONCE_TAGS`): a record's
# authors, keywords, notes and links. A line without a tag after one of these
# is one more value (EndNote wraps nothing; a keyword per line is RIS's way).
_LIST_TAGS = ["AU", "A1", "A2", "A3", "A4", "ED", "KW", "N1", "UR", "L1", "L2", "L3", "L4"]
# Tags whose line breaks are kept (`_paragraphs`): the abstract's.
_PARAGRAPH_TAGS = frozenset({"AB", "N2"})
# Every tag not of _LIST_TAGS holds one value (the abstract's aside: each of its values
# is a paragraph). A record may give one twice: rispy keeps the first, and joins the
# lines the second goes on over to it; here each value is read from its own lines
# (`_Tags.once`), and the first is read. A second that says something else than the
# first, of a tag a field was read from, is left out with a warning (`_given_twice`),
# which names what the tag holds and the paper's field it gives:
_ONCE_TAGS: dict[str, tuple[str, str]] = {
    "TI": ("title", "title"), "T1": ("title", "title"),
    "PY": ("year", "year"), "Y1": ("year", "year"), "DA": ("year", "year"),
    "DO": ("DOI", "DOI"), "VL": ("volume", "volume"), "IS": ("issue", "number"),
    "SP": ("start page", "pages"), "EP": ("end page", "pages"), "PB": ("publisher", "publisher"),
    "M3": ("kind of thesis", "venue"),
    # (Read for an arXiv id only, "arXiv:2106.09685" as Mendeley and EndNote may write
    # it: a second M1, which the id may be in, is said as the others are.)
    "M1": ("note", "arXiv id"),
    **dict.fromkeys(("C3", "BT", "T2", "JF", "JO", "JA", "J1", "J2", "T3", "SE"), ("venue", "venue")),
}
# Tags RIS gives one field (TI "Title", T1 "Primary Title"; PY "Publication Year", Y1
# "Primary Date"), as Zotero reads them: a record writing both, saying two things, gives
# the field twice, and the one not read is said as a second value is (`_given_twice`).
# (Not DA beside them: it may be another date, EndNote's of a conference.)
_SAME_FIELD = {"TI": "T1", "T1": "TI", "PY": "Y1", "Y1": "PY"}
# A value whose lines of more than a word are longer than this is not wrapped to width:
# each of its lines is a paragraph, as Zotero and EndNote write an abstract.
_WRAPPED_WIDTH = 85


class _TagNames(dict):
    """rispy names each tag by its long name ("T2" is "secondary_title"); here each keeps
    its tag, which is what the exporters document and what a problem is said at, and a
    tag rispy does not name is read too (ACM's and EndNote's BT, IEEE's VO)."""

    def __missing__(self, tag: object) -> object:
        if isinstance(tag, str):
            return tag
        raise KeyError(tag)  # (a line before any tag: rispy keeps it aside, under "UK")


_MAPPING = _TagNames(UK="UK")

# Record types and what their venue is (models.VENUE_KINDS).
_JOURNALS = frozenset({"JOUR", "JFULL", "EJOUR", "MGZN", "NEWS", "INPR"})
_CONFERENCES = frozenset({"CONF", "CPAPER"})
_IN_BOOKS = frozenset({"CHAP", "ECHAP"})
_BOOKS = frozenset({"BOOK", "EBOOK", "EDBOOK"})
_THESES = frozenset({"THES"})
# The types whose A2 ("secondary author") is the editors of the book or proceedings, as
# the RIS specification and Zotero write them; elsewhere A2 is another role (a journal
# article's, a report's series editor or a translator's), never read. ED is an editor in
# every type.
_A2_EDITORS = _BOOKS | _IN_BOOKS | _CONFERENCES
# But a book's editors Zotero writes under A3, and the book's series editors under A2
# (its RIS.js fieldMap: A2 of a book is "seriesEditor", A3 "editor"): a book that has an
# A3 has its editors there, and its A2 names the series' (an LNCS volume was "edited by"
# Goos and Hartmanis). One without reads A2, as the RIS specification's "secondary author",
# unless it has authors: an authored book in a series, Zotero's, has its series editors
# under A2 and no A3 (Bishop's book was "edited by" its series' editors). The model has no
# place for a series' editors: they are left out, as a chapter's A3 is (each said).
# (Not an EDBOOK: an edited book, its A2 is its editors.)
_A3_EDITORS = _BOOKS
_REPORTS = frozenset({"RPRT"})
# The tags that name a record's venue, best first, by type. A conference paper's
# proceedings title (Zotero's C3, ACM's BT) before the conference's name (Zotero's T2),
# as BibTeX's booktitle is the proceedings'; a journal's full name (T2, JF, and JO as
# IEEE and Mendeley write it) before its abbreviations (JA, J1, J2). A conference's or
# book's series (T3, and SE as some exporters name it) only when nothing else names it.
_VENUE_TAGS = {
    "conference": ("C3", "BT", "T2", "JF", "JO", "JA", "J2", "T3", "SE"),
    "book": ("BT", "T2", "T3", "SE"),
    "journal": ("T2", "JF", "JO", "JA", "J1", "J2"),
}
# The tags of a paper's place in its venue (`no_place` says one left out at its first).
_PLACE_TAGS = {"volume": "VL", "number": "IS", "pages": ("SP", "EP")}
# The tags read for an arXiv id written as text ("arXiv:2106.09685 [cs]").
_ARXIV_TAGS = ("N1", "M1", "T2", "JO", "JF", "JA", "J2", "C3", "BT")
# Addresses that are a file on the exporter's computer (Zotero's "file:///home/...",
# EndNote's "internal-pdf://..."), not on the web.
_LOCAL_FILE = re.compile(r"(?i)^(?:file:|internal-pdf:|zotero:|[a-z]:\\|/|~/|\\\\)")
_SPACES = re.compile(r"\s+")
_RECORD_END = re.compile(r"ER  -(?: |$)")


@dataclass
class _Tags:
    """One record's tags: those of a list as rispy reads them, those of one value as
    written, and the lines each is written on."""

    values: dict
    lines: dict[str, list[tuple[int, str]]]  # tag -> (line number, the line), in order
    start: int  # the TY line
    # A tag of one value (not of _LIST_TAGS) -> each of its values as written: its tag's
    # line, then the lines it goes on over (rispy joins them with spaces, blank ones too).
    written: dict[str, list[list[str]]]
    # The tags of one value whose first value `text` gave, each with what it was read
    # as (_ONCE_TAGS): the ones whose second value `_given_twice` tells of.
    read: dict[str, tuple[str, str]] = field(default_factory=dict)
    # The numbers of the lines written with one space before the dash ("PY - 2020a"),
    # read as if with two: a column on one is one less than on the line read.
    narrow: frozenset[int] = frozenset()
    # tag -> `once(tag)`: a record's reading asks for a tag's values some 36 times in all
    # (its title, venue and year each read, told of, placed), and each asking joined and
    # respaced them again: an abstract's whole text through a regular expression each
    # time, a third of a 10,000-record RIS import.
    _once: dict[str, tuple[tuple[int, str], ...]] = field(default_factory=dict, repr=False, compare=False)

    def text(
        self, *tags: str, what: tuple[str, str] | None = None, unless: Callable[[str], object] | None = None
    ) -> str:
        """The first of ``tags`` that has a value (of a tag of one value, its first; not
        one that ``unless`` says to pass over), as one line of text; that tag is then
        read as ``what`` (by default what _ONCE_TAGS says it holds)."""
        for tag in tags:
            if tag in _LIST_TAGS:
                plain = _plain(" ".join(str(v) for v in self.values.get(tag) or ()))
            else:
                plain = next(iter(self.once(tag)), (0, ""))[1]
            if plain and not (unless and unless(plain)):
                if tag not in _LIST_TAGS:
                    self.read.setdefault(tag, what or _ONCE_TAGS.get(tag, (tag, tag)))
                return plain
        return ""

    def all(self, *tags: str) -> list[str]:
        """Every value of ``tags``, in their order (of a tag of one value, its first)."""
        found = []
        for tag in tags:
            if tag in _LIST_TAGS:
                found += [str(v) for v in self.values.get(tag) or () if str(v).strip()]
            else:
                found += [plain for _, plain in self.once(tag)[:1]]
        return found

    def once(self, tag: str) -> tuple[tuple[int, str], ...]:
        """Each value of ``tag`` (a tag of one value) that is not empty, as one line of
        text (its lines joined as `wraps.joined` joins them: a title wrapped after
        "English-to-" or "Repre-"), with the number of the line it starts on."""
        found = self._once.get(tag)
        if found is None:
            found = self._once[tag] = tuple(
                (number, plain)
                for (number, _), lines in zip(self.lines.get(tag, ()), self.written.get(tag, ()))
                if (plain := _plain(joined([lines[0][6:], *lines[1:]])))
            )
        return found

    def value_at(self, tag: str, path: str, value: str = "") -> Location:
        """Where a value of ``tag`` starts: ``value`` on the first line of the tag holding
        it (one of several UR lines), else the first value of ``tag`` (a tag of one value,
        `once`), after "PY  - " and any spaces before it on its line."""
        if value:
            held = next(((n, text) for n, text in self.lines.get(tag, []) if value in text[6:]), None)
            if held is not None:
                return self._after_dash(path, held[0], held[1][6:].index(value))
            return self.where(tag, path, value)
        number = self.once(tag)[0][0]
        line = next(text for n, text in self.lines[tag] if n == number)[6:]
        return self._after_dash(path, number, len(line) - len(line.lstrip()) if line.strip() else 0)

    def dash(self, tag: str) -> str:
        """The tag's dash as the line holding its (first) value spaces it (`_spaced`)."""
        return _spaced(self.narrow, self.once(tag)[0][0])

    def _after_dash(self, path: str, number: int, offset: int) -> Location:
        """Where the character ``offset`` after "PY  - " of line ``number`` is, in the file
        as written (`narrow`)."""
        return Location(path, number, 7 + offset - (number in self.narrow))

    def where(self, tag: str | tuple[str, ...], path: str, value: str = "") -> Location:
        """Where ``tag`` (the first of such tags written) is, on the line holding
        ``value`` when given (one of several UR lines), else at its first line; at the
        record's TY line when it is not written."""
        written = [line for name in ((tag,) if isinstance(tag, str) else tag) for line in self.lines.get(name, [])]
        line = next((n for n, text in written if value and value in text), 0)
        return Location(path, line or (written[0][0] if written else self.start), 1)


def _spaced(narrow: frozenset[int], number: int) -> str:
    """The dash of a tag's line, with the spaces before it line ``number`` has: a line
    import tells the curator to write is spaced as the file's (RIS's "PY  - ", two spaces;
    "PY - " where an exporter wrote one), not unlike the lines around it."""
    return " -" if number in narrow else "  -"


def parse_ris(text: str, path: str, problems: Problems, entries: EntryReadings | None = None) -> list[Record]:
    """The records of an RIS file. ``entries``: what the last import read each record as
    (bibcache.py): a record written alike, that said nothing then, is not read again."""
    # (rispy reads two spaces before the dash only; where a value is told is counted on
    # the lines as written.)
    narrow = frozenset(
        number for number, line in enumerate(text.split("\n"), 1) if _TAG_LINE.match(line) and line[2:4] == " -"
    )
    text = _TAG_LINE.sub(lambda m: f"{m.group(1)}  -" + (" " if m.group().endswith(" ") else ""), text)
    lines = text.split("\n")
    starts = [n for n, line in enumerate(lines) if RECORD_START.match(line)]
    if not starts:
        problems.error(Location(path, 1, 1), "no RIS records ('TY  - JOUR' ... 'ER  - ') found")
        return []
    records: list[Record] = []
    # The first KW line of each record whose keywords are IEEE Xplore's index terms, and
    # the record as read.
    indexed: list[tuple[Location, Record]] = []
    keyword_lines: dict[int, _Tags] = {}  # id(record) -> its tags: where a keyword is
    local_files: list[tuple[Location, str]] = []
    dated: list[tuple[Location, str]] = []  # volumes that are a date
    left_out: list[tuple[Location, str]] = []  # notes taken for the exporter's (notes.worth_saying)
    _untyped(lines, 0, starts[0], path, problems, narrow)
    for number, start in enumerate(starts):
        end = starts[number + 1] if number + 1 < len(starts) else len(lines)
        body = lines[start:end]
        closing = next((n for n, line in enumerate(body) if _RECORD_END.match(line)), None)
        if closing is not None:
            _untyped(lines, start + closing + 1, end, path, problems, narrow)
        if closing is None:
            following = (
                f"before the next record at line {end + 1}" if end < len(lines) else "before the file's end"
            )
            problems.error(
                Location(path, start + 1, 1),
                f"this RIS record has no end ('ER  - ') {following}, so it may be cut short;"
                f" end it with a line 'ER{_spaced(narrow, start + 1)} '",
            )
            continue
        body = body[: closing + 1]
        tag_lines: dict[str, list[tuple[int, str]]] = {}
        written: dict[str, list[list[str]]] = {}
        value: list[str] | None = None
        for n, line in enumerate(body):
            found = _TAG_LINE.match(line)
            if found:
                tag_lines.setdefault(found.group(1), []).append((start + n + 1, line))
                # (N1's lines too: a note of several lines, Zotero's HTML, is one note)
                value = None if found.group(1) in _LIST_TAGS and found.group(1) != "N1" else [line]
                if value is not None:
                    written.setdefault(found.group(1), []).append(value)
            elif value is not None:
                value.append(line)
        if entries is None:
            tags, record = _read(body, tag_lines, start, written, narrow, path, problems, local_files, dated, left_out)
        else:
            # A record's reading is a function of its lines as written (and of which are
            # spaced "PY - "); the lines it holds (only its place and the values' text
            # are read from them) are what a record read from the cache needs.
            tags = _Tags({}, tag_lines, start + 1, written, narrow=narrow)
            # (The TeX reading in effect too: names and text with TeX read through
            # latex.py, whose earlier readings read otherwise.)
            spaced = [str(n) for n in range(len(body)) if start + n + 1 in narrow]
            record = entries.read(
                entry_digest(["RIS", str(reading_in_effect()), ",".join(spaced), *body]), path, start,
                functools.partial(
                    _record_of, body, tag_lines, start, written, narrow, path, problems, local_files, dated, left_out
                ),
                (problems.items, problems.skipped, local_files, dated, left_out),
            )
        if record is None:
            continue
        if record.doi.lower().startswith("10.1109/") and "VO" in tags.lines:
            # IEEE Xplore's export (its "VO" tag, beside "VL", no other exporter writes)
            # gives an IEEE paper its index terms, its thesaurus' words for it, as keywords:
            # "Training", "Degradation" on ResNet's page, as BibTeX's import found; a
            # curator's own tags beside them stay.
            record = without_index_terms(record, tags.where("KW", path), indexed)
        records.append(record)
        keyword_lines[id(record)] = tags
    say_index_terms(indexed, ("record", "records"), problems, own="a curator's own KW tags")
    say_dated(dated, "VL", ("record", "records"), problems)
    say_left_out(left_out, "N1", ("record", "records"), problems)
    if local_files:
        where, written = local_files[0]
        others = f" and {len(local_files) - 1} more" if len(local_files) > 1 else ""
        problems.warning(
            where,
            f"{quoted(written)}{others} left out: a file on the exporter's computer, which no page"
            " can link to (give its address on the web by hand if it has one)",
        )
    return _without_arxiv_subjects(
        records, problems, ("record", "records"),
        lambda record, keyword: keyword_lines[id(record)].where("KW", path, keyword),
    )


def _read(
    body: list[str], tag_lines: dict[str, list[tuple[int, str]]], start: int, written: dict[str, list[list[str]]],
    narrow: frozenset[int], path: str, problems: Problems, local_files: list, dated: list, left_out: list,
) -> tuple[_Tags, Record | None]:
    """A record's tags as rispy reads them, and the record they give (None: no paper)."""
    parsed = rispy.loads(
        "\n".join(body), mapping=_MAPPING, list_tags=_LIST_TAGS, delimiter_tags_mapping={"UR": ";"}
    )
    tags = _Tags(parsed[0] if parsed else {}, tag_lines, start + 1, written, narrow=narrow)
    # (rispy finds no record only in lines that hold none: not reached, as the body
    # starts with TY and ends with ER.)
    return tags, _record(tags, path, problems, local_files, dated, left_out) if parsed else None


def _record_of(*args) -> Record | None:  # type: ignore[no-untyped-def]
    """`_read`'s record alone."""
    return _read(*args)[1]


def _untyped(lines: list[str], start: int, end: int, path: str, problems: Problems, narrow: frozenset[int]) -> None:
    """An error at the first tag of ``lines[start:end]``, which lie outside any record
    (before the first ``TY  - `` line, or after a record's ``ER  - ``): a record whose
    type line is missing, which would be left out without a word."""
    line = next((n for n in range(start, end) if _TAG_LINE.match(lines[n]) and not lines[n].startswith("ER")), None)
    if line is not None:
        problems.error(
            Location(path, line + 1, 1),
            "this RIS record has no type ('TY  - ') before its first tag, so it would be left"
            f" out; start it with a line such as 'TY{_spaced(narrow, line + 1)} JOUR'",
        )


def _plain(text: str) -> str:
    """A value as text on one line: RIS holds plain text, but Zotero keeps a title's rich
    text as HTML (``<i>``, ``<sub>``) and exporters write character references
    (``&amp;``, ``&#8211;``); both read as what they show."""
    if "<" in text:
        text = _without_markup(text)
    if "&" in text:
        text = _REF.sub(_char_of, text)
    return _SPACES.sub(" ", text).strip()


def _tex_read(text: str) -> str:
    """A value written in TeX (`latex.tex_written`), as a reference manager fed a .bib
    file exports the fields it read there ("Sch{\\"o}lkopf's {K}ernels", "Learning {\\&}
    Reasoning"), read as a BibTeX import reads the same text (`clean_latex`, through
    pylatexenc; dashes and all): "Schölkopf's Kernels", as the page shows it and the
    search finds it. Any other is kept as written: RIS holds plain text (Zotero and
    EndNote export Unicode), where a brace or a backslash is the text's own ("A {set} of
    \\ paths", which BibTeX would read "A set of paths")."""
    return _read_as_tex(text) if tex_written(text) else text


def _read_as_tex(text: str) -> str:
    """``text`` read as TeX, as `bibtex._plain` reads a field (after its markup and
    character references, which `_plain` has read already)."""
    return _SPACES.sub(" ", clean_latex(text, emphasis=False, dashes=True)).strip()


def _tex_read_before(text: str) -> str:
    """A value as imports read it before fix34 (`latex.tex_written_before`)."""
    return _read_as_tex(text) if tex_written_before(text) else text


def _tex_read_last(text: str) -> str:
    """A value as imports read it before fix35 read LaTeX's declarations ("{\\itshape
    x}" kept as written; "{\\sc x}", taken for TeX, kept so with its "--" a dash:
    `latex.declarations_as_before`)."""
    with declarations_as_before():
        return _tex_read(text)


def _tex_read_after_words_before(text: str) -> str:
    """A value as imports read it before imp42 read a declaration after words ("{\\itshape
    a \\upshape b}" was "a \\upshape b": `latex.declarations_after_words_as_before`)."""
    with declarations_after_words_as_before():
        return _tex_read(text)


def _holds_declaration(tags: _Tags, read_now: Callable[[str], bool] = declarations_read_now) -> bool:
    """Whether a value of the record holds a declaration read now that imports before
    fix35 kept (`latex.declarations_read_now`), or with ``read_now`` another's."""
    return any(
        read_now(line) for values in tags.written.values() for lines in values for line in lines
    ) or any(read_now(str(v)) for tag in _LIST_TAGS for v in tags.values.get(tag) or ())


def _as_written(text: str) -> str:
    """A value as imports before `_tex_read` kept it: as written."""
    return text


# A character reference, named or numeric, up to its ";".
_REF = re.compile(r"&(?:#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));")


def _char_of(match: re.Match[str]) -> str:
    """The character a reference names; as written when it names none a text may hold."""
    if match.group(3):
        return html.entities.html5.get(match.group(3) + ";", match.group())
    code = int(match.group(1)) if match.group(1) else int(match.group(2), 16)
    if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF or not chr(code).isprintable():
        return match.group()
    return chr(code)


def _record(
    tags: _Tags,
    path: str,
    problems: Problems,
    local_files: list[tuple[Location, str]],
    dated: list[tuple[Location, str]],
    left_out: list[tuple[Location, str]],
) -> Record | None:
    source = Location(path, tags.start, 1)
    kind = str(tags.values.get("TY", "")).strip().upper()
    written_title = tags.text("TI", "T1", *(("BT",) if kind in _BOOKS else ()), what=("title", "title"))
    title = _TITLE_STOP.sub("", _tex_read(written_title))
    if not title:
        problems.warning(
            source,
            f"RIS record ({kind or 'no type'}) has no title (TI or T1); skipped, nothing imported"
            " from it: give it one (a line 'TI  - ...') to import it, or delete the record",
        )
        problems.skip(source, "RIS record", "no title", warned=True)
        return None
    authors = _authors(tags, path, problems)
    editor_tags = (
        ("ED", "A3") if kind in _A3_EDITORS and tags.lines.get("A3")
        else ("ED",) if kind in _A3_EDITORS - {"EDBOOK"} and authors
        else ("ED", "A2") if kind in _A2_EDITORS else ("ED",)
    )
    editors = _authors(tags, path, problems, editor_tags)
    read_before: tuple[ReadBefore, ...] = _editors_read_before(tags, path, editor_tags, editors)
    kept = {author_key(name) for name in editors}
    series = [name.strip() for name in tags.all("A2") if author_key(_author(name)[0] or "") not in kept]
    if kind in _A3_EDITORS and series and editor_tags != ("ED", "A2"):
        # (An authored book's A2, or a book's beside its editors under A3: its series'
        # editors, Zotero's. The model has no place for them. Said, so the import does not
        # drop what the curator's file holds without a word; once, with a paper the record
        # made or changed, as nothing is left to do. Not one ED or A3 names too: kept.)
        book, why = (
            ("authored book", "an authored book's A2") if editor_tags == ("ED",)
            else ("book with editors under A3", "beside A3, a book's A2")
        )
        problems.warning_about(
            tags.where("A2", path, series[0]),
            f"A2 of this {book} ({'; '.join(map(quoted, series))}) left out:"
            f" {why} names its series' editors (Zotero's), which no page shows;"
            " write them in its file's `editors` if they edited the book itself",
            (source,),
        )
    series_a3 = [name.strip() for name in tags.all("A3") if author_key(_author(name)[0] or "") not in kept]
    if kind in _A2_EDITORS - _A3_EDITORS and series_a3:
        # A chapter's or conference paper's A3 is its book's or proceedings' series'
        # editors (the RIS specification's "Series Editor", Zotero's seriesEditor of a
        # bookSection and a conferencePaper), its book's editors being A2. Dropped without
        # a word before; said as a book's A2 of its series is. (Not one ED or A2 names too.)
        part, whole = ("chapter", "book") if kind in _IN_BOOKS else ("conference paper", "proceedings")
        problems.warning_about(
            tags.where("A3", path, series_a3[0]),
            f"A3 of this {part} ({'; '.join(map(quoted, series_a3))}) left out:"
            f" a {part}'s A3 names its {whole}'s series' editors (the RIS specification's,"
            f" Zotero's), which no page shows; write them in its file's `editors` if they"
            f" edited the {whole} itself",
            (source,),
        )
    if editors and not authors and kind not in _BOOKS:
        # A chapter's or paper's editors are its book's or proceedings', never its authors
        # (a book edited as a whole is by its editors: nothing to say). Said only where its
        # paper's file has no authors after the import, as BibTeX's `editor` (bibtex.py).
        problems.warning_about(
            tags.where(editor_tags, path),
            "this record has editors and no author (AU or A1): its editors are imported as its"
            " `editors` (of the book it is in), and it has no authors; write them in its file's"
            " `authors`",
            (source,), authorless=True,
        )
    written_doi = tags.text("DO")
    doi = normalize_doi(written_doi)
    if written_doi and not doi and not doi_from_url(clean_url(written_doi)):
        problems.warning(
            tags.value_at("DO", path), f"DO {quoted(written_doi)} is no DOI (10.NNNN/...); left out"
        )
    doi = doi or doi_from_url(clean_url(written_doi))
    addresses = _addresses(tags, path, problems, local_files)
    doi = doi or next((d for url, _ in addresses if (d := doi_from_url(url))), "")
    arxiv = arxiv_of_doi(doi)
    if arxiv:
        doi = ""  # (arXiv's own DOI names the preprint: its id, not a publisher's page)
    arxiv = arxiv or next((i for url, _ in addresses if (i := arxiv_id(url))), "")
    noted = " ".join(tags.all(*_ARXIV_TAGS))
    tags.text("M1")  # (M1 is read for an arXiv id alone: a second that says otherwise is said)
    if not arxiv and (match := _ARXIV_IN_TEXT.search(noted)):
        arxiv = normalize_arxiv(match.group(1))
    year = _year(tags, path, problems)
    venue, venue_kind = _venue(tags, kind)
    first = first_version_year(arxiv) if arxiv and (not venue or PREPRINT.search(venue)) else ""
    if first and (not year or (first < year and ARXIV_WITH_CLASS.search(noted))):
        # Zotero's preprint is dated by the version it saved, and says so beside the id
        # ("arXiv:1706.03762 [cs]", as arXiv's own BibTeX names its primaryClass): a
        # preprint is of the year its id says, as a BibTeX import takes it.
        year = first
    volume = number = pages = publisher = ""
    if venue and not PREPRINT.search(venue) and kind not in _THESES | _REPORTS or kind in _BOOKS:
        volume, number = tags.text("VL"), tags.text("IS")
        if DATE_VOLUME.fullmatch(volume):
            # Mendeley's and Scopus' "2016-December" (cut short, "2017-Decem"): the month
            # of a conference, which the proceedings have no volume for; said once a file
            # (see `parse_ris`), and taken out where an earlier import wrote it.
            dated.append((tags.where("VL", path), volume))
            read_before += (dated_volume(volume),)
            volume = ""
        start, end = tags.text("SP"), tags.text("EP")
        if kind not in _BOOKS:  # (a book's SP is its number of pages, as Zotero writes it)
            pages = en_dashed_pages(f"{start}-{end}" if start and end and end != start else start or end)
        publisher = "" if PREPRINT.search(tags.text("PB")) else _tex_read(tags.text("PB"))
        if left := no_place(venue, volume, number, pages, "of this record"):
            before, said = left
            problems.warning(tags.where(_PLACE_TAGS[before.names[0]], path), said)
            volume = number = pages = ""
            read_before += (before,)
    values = tags.written.get("AB" if tags.all("AB") else "N2", [])
    abstract, notice = without_notice(written := _paragraphs(values, title))
    if tags.all("AB"):
        _n2_beside_ab(tags, abstract, title, path, problems)
    # (An earlier import joined a word hyphenated at a line's end with its hyphen,
    # "repre-sentation": taken out of the paper's file where it is still the importer's.)
    older = (
        _paragraphs(values, title, hyphenation=False)
        if wrapped_at_hyphen("\n".join(line for lines in values for line in lines)) else written
    )
    read_before += hyphenated_before(older, written)
    links = list(abstract_links(abstract))
    # The words of a note around an address say what it is, as an abstract's and a
    # BibTeX note's do ("Code: https://github.com/..." the paper's own code), whichever
    # tag gives the address; a note read as the text it shows (Zotero's is HTML).
    worded = worded_links(*(note_text(note) for note in tags.all("N1")))
    for url, _ in addresses:
        if not _repeats_badge(url, arxiv, doi) and all(same_page(l.url) != same_page(url) for l in links):
            links.append(as_worded(make_link(url, "ris"), worded))
    notes, notes_at, plain_notes = _curators_notes(tags, path, left_out)
    read_before += notes_read_before(plain_notes, notes) + series_read_before(venue, venue_kind)
    _given_twice(tags, path, problems)
    keywords = _keywords(tags)
    if _may_hold_tex(tags):
        # (Each as written, as imports before fix33 kept it, and as fix33 read its TeX:
        # `_tex_read_before`.)
        before = without_notice(_paragraphs(values, title, tex=tex_written_before))[0]
        readers: tuple[Callable[[str], str], ...] = (_as_written, _tex_read_before)
        abstracts = (without_notice(_paragraphs(values, title, read=_as_written))[0], before)
        if _holds_declaration(tags):
            # (and as the import before fix35 read a declaration: "{\sc x}" kept)
            readers += (_tex_read_last,)
            with declarations_as_before():
                abstracts += (without_notice(_paragraphs(values, title))[0],)
        if _holds_declaration(tags, declarations_after_words):
            # (and as the import before imp42 read one after words: "a \upshape b" kept)
            readers += (_tex_read_after_words_before,)
            with declarations_after_words_as_before():
                abstracts += (without_notice(_paragraphs(values, title))[0],)
        read_before += _tex_readings_before({
            "title": (title, tuple(_TITLE_STOP.sub("", r(written_title)) for r in readers)),
            "authors": (authors, (_authors(tags, path, Problems(), letters=False),)),
            "venue": (venue, tuple(_venue(tags, kind, r)[0] for r in readers)),
            "publisher": (publisher, tuple(r(tags.text("PB")) if publisher else "" for r in readers)),
            "abstract": (abstract, abstracts),
            "tags": (keywords, tuple(_keywords(tags, r) for r in readers)),
        })
    return Record(
        title=title,
        abstract=abstract,
        source=source,
        authors=authors,
        editors=editors,
        year=year,
        venue=venue,
        venue_kind=venue_kind,
        volume=volume,
        number=number,
        pages=pages,
        publisher=publisher,
        arxiv=arxiv,
        doi=doi,
        links=tuple(links),
        tags=keywords,
        read_before=read_before + ((with_notice(older, notice),) if notice else ()),
        notes=notes,
        notes_at=notes_at,
        key=tags.text("ID"),
        catalog=catalog(tags.all("DB"), tags.all("DP")),
    )


def catalog(archives: list[str], catalogs: list[str]) -> str:
    """The database a record says it is from, as Record.catalog keeps it: its DB and DP
    (the first of each), each after its tag, in any capitals and spacing ("DP
    www.nature.com"); "" for a record that names none (a publisher's own download)."""
    return "; ".join(
        f"{tag} {' '.join(values[0].split()).casefold()}" for tag, values in (("DB", archives), ("DP", catalogs)) if values
    )


def _curators_notes(
    tags: _Tags, path: str, left_out: list[tuple[Location, str]]
) -> tuple[str, Location | None, str]:
    """The record's notes (N1) a curator wrote, as text (Markdown), apart by a blank line,
    and the line of the first; not those an exporter writes itself (notes.machine_note:
    Zotero's "arXiv:2106.09685 [cs]" and "Comment: 10 pages", Scopus' "Cited by: 12").
    Last, the notes as earlier imports read them (notes.notes_read_before)."""
    found: list[str] = []
    plain: list[str] = []
    dropped: list[tuple[Location, str]] = []  # the first note of the record left out
    first = None
    for (number, _), lines in zip(tags.lines.get("N1", ()), tags.written.get("N1", ())):
        written = "\n".join([lines[0][6:], *lines[1:]])
        text = note_text(written)
        # An exporter's note told by its words, not its bold or italics ("<b>Comment</b>:
        # 10 pages" is "Comment: 10 pages"), as earlier imports told it.
        read = note_text(written, marks=False)
        if text and machine_note(read):
            if worth_saying(read) and not dropped:
                dropped.append((Location(path, number, 1), read))
            continue
        if text and text not in found:
            found.append(text)
            # (Once each, as earlier imports wrote them: two notes apart only in their
            # bold or italics were one note's text to them.)
            if read not in plain:
                plain.append(read)
            first = first or Location(path, number, 1)
    left_out += dropped
    return "\n\n".join(found), first, "\n\n".join(plain)


def _paragraphs(
    values: list[list[str]], context: str = "", hyphenation: bool = True, read: Callable[[str], str] | None = None,
    tex: Callable[[str], bool] | None = None,
) -> str:
    """An abstract from its values as written (`_Tags.written`), each paragraph on one
    line and paragraphs apart by a blank line, as a BibTeX import keeps them.

    A value may go on over lines. A blank line ends a paragraph (Zotero's and EndNote's
    exports of an abstract of several), and so does a line break that is no wrap
    (`_ends_paragraph`). Each value of a tag written again (a second ``AB  - ``) is a
    paragraph of its own, unless it says the same again. The lines of a paragraph are
    joined as `wraps.joined` joins them (``context``: the record's title, for the
    spelling of a word hyphenated at a break; ``hyphenation``: whether such a word is
    closed up, which an earlier import did not do). ``read``: how each paragraph's text
    is read, by default as TeX where the value is written in TeX (`_tex_read`, asked of
    the whole: a paragraph is not plain text beside another written in TeX; ``tex``: what
    tells TeX, `tex_written` by default, `latex.tex_written_before` for an earlier import's
    reading)."""
    paragraphs: list[list[str]] = []
    seen: set[str] = set()
    for lines in values:
        texts = [line[6:] if n == 0 else line for n, line in enumerate(lines)]  # (after "AB  - ")
        width = _wrap_width(texts)
        own: list[list[str]] = [[]]
        for n, text in enumerate(texts):
            if not text.strip():
                own.append([])
                continue
            if n and own[-1] and _ends_paragraph(lines[n - 1], text, width):
                own.append([])
            own[-1].append(text)
        said = "\n".join(" ".join(p) for p in own if p)
        if said and said not in seen:
            seen.add(said)
            paragraphs += own
    context = "\n".join([context, *(line for p in paragraphs for line in p)])
    if read is None:
        whole = "\n".join(line for p in paragraphs for line in p)
        read = _read_as_tex if (tex or tex_written)(whole) else _as_written
    return "\n\n".join(
        text for text in (read(_plain(joined(p, context, hyphenation))) for p in paragraphs) if text
    )


def _wrap_width(texts: list[str]) -> int:
    """The width a value's lines are wrapped to, as far as they tell: its longest line
    but one of a single word in ASCII (a word longer than the width, an address, has a
    line of its own; a line of Chinese or Japanese is one "word" of many); the first
    line without its tag, which a wrapper may or may not count."""
    return max(
        (len(text.rstrip()) for text in texts if len(text.split()) > 1 or not text.isascii()), default=0
    )


def _ends_paragraph(line: str, following: str, width: int) -> bool:
    """Whether the break after ``line`` (as written, a first line with its tag) ends a
    paragraph: in a value not wrapped to width, every one does; in one wrapped, one
    where the next word would have fitted on the line, which a wrapper would have put
    there (a line shorter than some length is no sign: wrapped to 70 columns, one runs
    short wherever the next word is long)."""
    if width > _WRAPPED_WIDTH:
        return True
    return len(line.rstrip()) + 1 + len(following.split()[0]) <= width


def _years_in(value: str) -> list[str]:
    """The years ``value`` holds, in digits 0-9 ('２０１７///' says the year '2017' does)."""
    return FOUR_DIGITS.findall(ascii_digits(value))


def _given_twice(tags: _Tags, path: str, problems: Problems) -> None:
    """A warning at each value after the first of a tag the record was read from
    (`_Tags.read`), and at each value of the tag RIS gives the same field
    (`_SAME_FIELD`: T1 beside TI), that says something else: it is left out. Its year, when it is read
    for one ("PY  - 2017///" beside "PY  - 2017" says the same year, as does "DA  -
    2016/07//" beside "DA  - 2016/06//"); a DOI as DOIs are compared (in any case, with
    or without ``https://doi.org/``); any other as titles are (matchkeys.normalise_title:
    "SAID TWICE." beside "Said Twice" says the same title, "NATURE" the same venue)."""
    for tag, (what, gives) in tags.read.items():
        values = tags.once(tag)
        if not values:
            continue
        (line, first), *others = values
        synonym = _SAME_FIELD.get(tag, "")
        meant = _years_in if gives == "year" else _doi_key if gives == "DOI" else normalise_title
        for number, other in others:
            if meant(other) != meant(first):
                problems.warning(
                    Location(path, number, 1),
                    f"a second {tag} in this record, {quoted(other)}, is left out: the {what} is the"
                    f" first's, {quoted(first)} (line {line}); correct the paper's {gives} after the"
                    " import if this one is meant",
                )
        for number, other in tags.once(synonym) if synonym else ():
            if meant(other) != meant(first):
                problems.warning(
                    Location(path, number, 1),
                    f"{synonym} in this record, {quoted(other)}, is left out: {tag} and {synonym} both give the"
                    f" {what}, and it is {tag}'s, {quoted(first)} (line {line}); correct the paper's"
                    f" {gives} after the import if this one is meant",
                )


def _n2_beside_ab(tags: _Tags, abstract: str, title: str, path: str, problems: Problems) -> None:
    """A warning at N2 beside AB (RIS gives both the abstract; AB is read, ``abstract``)
    when it says something else: it is left out, as T1 beside TI is (`_given_twice`).
    Some exporters write both with one text: the same read as the abstract is, but for
    its spacing and wrapping (and a copyright notice, which is no part of it)."""
    other = " ".join(without_notice(_paragraphs(tags.written.get("N2", []), title))[0].split())
    if not other or other == " ".join(abstract.split()):
        return
    line = tags.once("AB")[0][0]
    shown, said = difference(other, " ".join(abstract.split()))  # (on one line, as compared)
    problems.warning(
        tags.where("N2", path),
        f"N2 in this record, {quoted(shown)}, is left out: AB and N2 both give the abstract, and it"
        f" is AB's, {quoted(said)} (line {line}); correct the paper's abstract after the import if"
        " this one is meant",
    )


def _doi_key(written: str) -> str:
    """A DO value as DOIs are compared: without a resolver's address, in one case."""
    return (normalize_doi(written) or doi_from_url(clean_url(written)) or written).casefold()


def _authors(
    tags: _Tags, path: str, problems: Problems, read: tuple[str, ...] = ("AU", "A1"), apart: str = "",
    letters: bool = True,
) -> tuple[str, ...]:
    """AU and A1 (or the editors' ``read``), each read as BibTeX reads a name: "Vaswani,
    Ashish" and IEEE's "A. Vaswani" alike; RIS's "Last, First, Suffix" as BibTeX's "Last,
    Suffix, First". An "et al." is the author ``others``, last, as BibTeX's "and others".
    An author named twice is kept, and said at the line that names one again
    (`names.named_twice`); but an editor A2 names that ED named is read once: an
    exporter may write each editor under both (RIS's ED, and A2 the secondary author, a
    book's editor), one person, not two of one name. (AU and A1 are one tag, the
    primary author, written twice: a repeat across them is said, as within one.)
    ``apart``: the editors as an earlier import read them (`_editors_read_before`):
    "initials", one initialled under one tag and named in full under the other two
    people; "tags", every name of each tag its own editor. ``letters``: without, each
    name's TeX kept as written, as imports before read it (`_author`)."""
    people = "author" if read == ("AU", "A1") else "editor"
    # (Called alike each time, so `_author` keeps one reading of a name: `_author(x)` and
    # `_author(x, True)` are two to its cache.)
    read_name = _author if letters else functools.partial(_author, letters=False)
    names: list[str] = []
    marks = ""
    marked = ""  # the first name written with a mark
    more = False  # "et al.": the list is incomplete
    earlier: set[str] = set()  # the names the tags before this one gave
    before = 0  # how many of `names` the tags before this one gave
    for tag in read:
        given: set[str] = set()
        earlier_names = names[:before]  # (as the tags before this one wrote them)
        here = [text for written in tags.all(tag) if (text := read_name(written)[0])]
        for written in tags.all(tag):
            text, mark = read_name(written)
            if text is None:
                more = more or bool(mark)
                continue
            if mark:
                marks, marked = marks + mark, marked or written.strip()
            if not text or (author_key(text) in earlier and apart != "tags"):
                continue
            if people == "editor" and not apart and (at := _initialled_at(earlier_names, text, here)) is not None:
                # (One person, "Thrun, S." under ED and "Thrun, Sebastian" under A2:
                # kept in the earlier tag's place, in the fuller form.)
                names[at] = _fuller(names[at], text) or names[at]
                continue
            names.append(text)
            given.add(author_key(text))
        if people == "editor":
            earlier |= given
            before = len(names)
    if apart or not letters:
        # (An earlier import's reading, for `_editors_read_before`: what it says was said by
        # the reading of now; its warnings' lines, `_named_again`, are not looked for.)
        return (*names, OTHERS) if more and names else tuple(names)
    if said := named_twice(names, people):
        problems.warning(_named_again(tags, path, read), f"the {people} list of this record {said}")
    if more and names:
        names.append(OTHERS)
    if marks:
        said = ", ".join(f"'{mark}'" for mark in dict.fromkeys(marks.split()))
        problems.warning(
            tags.where(read, path, marked),
            f"marks beside {people} names left out ({said}): a mark of equal contribution, of"
            " the corresponding author or of an affiliation is no part of a name (say it in"
            " the paper's notes if it matters)",
        )
    return tuple(names)


# Why a value an earlier import wrote from a record written in TeX is read otherwise now.
_TEX_KEPT = "the record's TeX, which an earlier import kept as written"


def _may_hold_tex(tags: _Tags) -> bool:
    """Whether any value of the record holds a backslash or a brace, as TeX does (else
    no reading of its TeX is looked for, `_tex_readings_before`)."""
    return any(
        "\\" in line or "{" in line for values in tags.written.values() for lines in values for line in lines
    ) or any("\\" in str(v) or "{" in str(v) for tag in _LIST_TAGS for v in tags.values.get(tag) or ())


def _tex_readings_before(readings: dict[str, tuple[object, tuple[object, ...]]]) -> tuple[ReadBefore, ...]:
    """The fields as imports read them before a value written in TeX was read as a
    BibTeX import reads it (`_tex_read`, `_author`'s letters): each field's (now, then),
    where they differ. Taken out of a paper's file where it still holds the value as the
    importer wrote it from this record (importmerge._read_before), and the reading of
    now written, as any corrected reading of a source is: re-imported, the same record
    whose editors an earlier import kept as "M{\\"u}ller" was a conflict ("the file's
    'M{\\"u}ller' is kept"), a value no curator wrote. One a curator edited or commented
    stays. (Tags, which the import record does not say it wrote, record by record, are
    taken out as IEEE Xplore's index terms are: where the file's list is the one taken.)"""
    return tuple(
        ReadBefore((name,), (then,), _TEX_KEPT, written=name != "tags")
        for name, (now, thens) in readings.items()
        for then in dict.fromkeys(thens) if then and then != now
    )


def _editors_read_before(
    tags: _Tags, path: str, read: tuple[str, ...], editors: tuple[str, ...]
) -> tuple[ReadBefore, ...]:
    """The editors as earlier imports read the record's ``read`` tags, where they read
    them otherwise: one person under ED and under A2 (or A3) as two, "Sebastian Thrun"
    twice before imports read one name under both as one editor, and "S. Thrun" and
    "Sebastian Thrun" before they read an initialled name and the full one so. Taken out of a paper's
    file where it still holds such a list as the importer wrote it from this record
    (importmerge._read_before): a list a curator edited or commented stays. And each
    reading with the names' TeX as written, as imports read it before `_author` read
    it as letters (`_tex_readings_before`). None for a record whose editors only one tag
    names and hold no TeX (nothing was read otherwise)."""
    two = sum(1 for tag in read if tags.all(tag)) >= 2
    # (And before `_author` read a name's TeX as its letters, each of these with its TeX
    # as written: looked for only in a record that may hold some.)
    readings = [(apart, True) for apart in ("initials", "tags") if two] + [
        (apart, False) for apart in ("", *(("initials", "tags") if two else ())) if _may_hold_tex(tags)
    ]
    older: dict[tuple[str, ...], str] = {}
    for apart, letters in readings:
        # (Their warnings were said by the reading of now: a throwaway collector.)
        names = _authors(tags, path, Problems(), read, apart, letters)
        if names != editors and names not in older:
            two_said = f"one editor named under both {' and '.join(read)}, whom an earlier import took for two"
            older[names] = (
                two_said if letters else f"{two_said}, their TeX kept as written" if apart else _TEX_KEPT
            )
    return tuple(ReadBefore(("editors",), (names,), why, written=True) for names, why in older.items())


def _initialled_at(names: list[str], text: str, here: list[str]) -> int | None:
    """Where in ``names`` one stands whom ``text`` (one of ``here``, its tag's names)
    names too, one of them with initials for the other's given names (`_fuller`); None
    when none does, or when it is not sure: "S. Thrun" beside both "Sebastian Thrun"
    and "Stefan Thrun" under the other tag may be either, so each is kept as written."""
    matches = [at for at, name in enumerate(names) if _fuller(name, text)]
    if len(matches) != 1 or sum(bool(_fuller(names[matches[0]], other)) for other in here) != 1:
        return None
    return matches[0]


# A given name's initial, "S." or "S" ("T.-Y." is two, split at its hyphen).
_INITIAL = re.compile(r"\w\.?")


def _fuller(one: str, other: str) -> str:
    """Of two names (as read) of one person, one written with initials where the other
    writes the given names in full ("S. Thrun", "Sebastian Thrun"; "T.-Y. Lin",
    "Tsung-Yi Lin"), the fuller; "" when they are not so: another surname, another
    initial or given name, another number of given names, or each fuller somewhere."""
    try:
        a, b = (parse_single_name_into_parts(name, strict=False) for name in (one, other))
    except InvalidNameError:
        return ""

    def key(parts: list[str]) -> list[str]:
        return [author_key(part) for part in parts]

    if (key(a.von), key(a.last), key(a.jr)) != (key(b.von), key(b.last), key(b.jr)) or not a.last:
        return ""
    given_a, given_b = ([g for part in n.first for g in part.split("-") if g] for n in (a, b))
    if not given_a or len(given_a) != len(given_b):
        return ""
    a_fuller = b_fuller = False
    for x, y in zip(key(given_a), key(given_b)):
        if x == y:
            continue
        x_initial, y_initial = bool(_INITIAL.fullmatch(x)), bool(_INITIAL.fullmatch(y))
        if x_initial == y_initial or x[0] != y[0]:
            return ""
        a_fuller, b_fuller = a_fuller or y_initial, b_fuller or x_initial
    if a_fuller and b_fuller:
        return ""
    return one if a_fuller else other if b_fuller else ""


# (Each name of a record is read by several readings: the editors' as now and as earlier
# imports read them, `_editors_read_before`, the line of a repeat, the series' editors
# left out. Read once: 10,000 chapters with editors under ED and A2 took 70% longer.)
@functools.lru_cache(maxsize=256)
def _author(written: str, letters: bool = True) -> tuple[str | None, str]:
    """One AU or A1 value as read, and the marks beside it left out; (None, the value)
    for an "et al." (or nothing). ``letters``: its TeX read as letters; without, as
    written, as earlier imports read it (`_tex_readings_before`)."""
    # (RIS holds plain text, but an exporter fed BibTeX writes its accents as TeX,
    # "Sch{\\"o}lkopf": read as a BibTeX import reads them, a name the page shows and the
    # search finds as "Schölkopf"; titles and other fields as `_tex_read` reads them.)
    name = name_letters(_plain(written)) if letters else _plain(written)
    if not name or _ET_AL.fullmatch(name):
        return None, name
    if is_company_written(name):
        return name, ""  # ("Meta, Inc.": a company's one name, not "Inc. Meta")
    name = source_name(name)  # ("赵, 鑫" is "赵鑫", not "鑫 赵"; IEEE's "T. -Y. Lin" "T.-Y. Lin")
    parts = [part.strip() for part in name.split(",")]
    if len(parts) == 3 and all(parts):
        name = f"{parts[0]}, {parts[2]}, {parts[1]}"  # (BibTeX's order: Last, Jr, First)
    try:
        text = name_text(parse_single_name_into_parts(name, strict=False))
    except InvalidNameError:
        text = name
    bare, mark = without_marks(_plain(text))
    return (bare, mark) if mark and bare else (text, "")


def _named_again(tags: _Tags, path: str, read: tuple[str, ...] = ("AU", "A1")) -> Location:
    """The first AU or A1 line (of ``read``), in the file's order, naming an author a line
    before it names (at the first such tag when none does: one named on a line of no
    tag); of the editors', only the lines `_authors` reads: an A2 naming one ED names
    is not read, so it repeats no one (a line after it may, ED's own)."""
    read_lines: list[tuple[int, str]] = []
    earlier: set[str] = set()  # (editors) the names the tags before this one gave
    earlier_names: list[str] = []
    for tag in read:
        given: dict[str, str] = {}
        here = [text for _, line in tags.lines.get(tag, []) if (text := _author(line[6:])[0])]
        for number, line in tags.lines.get(tag, []):
            text, _ = _author(line[6:])
            if not text or author_key(text) in earlier:
                continue
            if "ED" in read and _initialled_at(earlier_names, text, here) is not None:
                continue  # (one an earlier tag named, by initials: `_authors`)
            read_lines.append((number, author_key(text)))
            given[author_key(text)] = text
        if "ED" in read:
            earlier |= set(given)
            earlier_names += given.values()
    seen: set[str] = set()
    for number, key in sorted(read_lines):
        if key in seen:
            return Location(path, number, 1)
        seen.add(key)
    return tags.where(read, path)


def _year(tags: _Tags, path: str, problems: Problems) -> str:
    """PY, else Y1, else DA: the year it holds ("2017///", "2016/06//", IEEE's "27-30 June
    2016"), as `years.read_year` reads it; one written otherwise than as the year alone
    is said at it, and any other is a warning at its line, and no year."""
    tag = next((t for t in ("PY", "Y1", "DA") if tags.text(t)), "")
    value = tags.text(tag) if tag else ""
    read = read_year(value, dated=True)
    at = tags.value_at(tag, path) if value else None
    if at is not None and read.to_say():
        # (RIS's date: year/month/day/other; the year alone is shown, and replaced.)
        written = value if read.years else value.split("/", 1)[0].strip()
        fixes = {
            year: quoted(f"{tag}{tags.dash(tag)} {value.replace(written, year, 1)}") for year in (read.year, *read.years) if year
        }
        problems.warning(at, said(tag, quoted(written), read, fixes, of="record"))
    elif at is not None and not read.year:
        problems.warning(
            at,
            f"{tag} {quoted(value)} is not understood (expected a year such as 2019); the paper gets"
            " no year from this record",
        )
    return read.year


def _venue(tags: _Tags, kind: str, read: Callable[[str], str] = _tex_read) -> tuple[str, str]:
    """The record's venue and what it is (models.VENUE_KINDS, or "" when the record does
    not say): the first of its type's `_VENUE_TAGS` that names no preprint server, else
    the first (a preprint's "arXiv:2106.09685 [cs]", as BibTeX's journal of it reads);
    a thesis's or report's says what it is, beside its university or institution (PB),
    as BibTeX's reads "PhD thesis, Carnegie Mellon University"."""
    if kind in _THESES | _REPORTS:
        what = thesis_kind(tags.text("M3")) if kind in _THESES else "Technical report"
        if kind in _REPORTS and (number := read(tags.text("IS", what=("report number", "venue")))):
            what = f"{what} {number}"
        where = read(tags.text("PB"))
        return (f"{what}, {where}" if where else what), ""
    if kind in _BOOKS:
        return "", ""
    said = (
        "conference" if kind in _CONFERENCES else "book" if kind in _IN_BOOKS
        else "journal" if kind in _JOURNALS else ""
    )
    named = _VENUE_TAGS[said or "journal"]
    venue = read(tags.text(*named, unless=PREPRINT.search) or tags.text(*named))
    if not venue or PREPRINT.search(venue) or names_software(venue):
        return venue, ""
    if said == "journal" and proceedings_series(venue):
        return venue, "conference"  # (PMLR, a JOUR of an ICML paper: venuewords)
    if said == "journal" and names_proceedings(venue):
        return venue, ""  # (Mendeley's NeurIPS paper, a JOUR in "Advances in Neural ...")
    return venue, said


def _addresses(
    tags: _Tags, path: str, problems: Problems, local_files: list[tuple[Location, str]]
) -> list[tuple[str, str]]:
    """Each address of the record's links (UR, L1, L2, L3, L4) and its notes (N1), as read
    and with its tag; one of no http(s), or that no reader can open, is told at it (a
    file of the exporter's computer only once a file, see `parse_ris`)."""
    found: list[tuple[str, str]] = []
    for tag in ("UR", "L1", "L2", "L3", "L4"):
        for written in tags.all(tag):
            written = written.strip()
            if _LOCAL_FILE.match(written):
                local_files.append((tags.where(tag, path, written), written))
                continue
            url = clean_url(written)
            if url:
                found.append((url, tag))
                continue
            web = written.lower().startswith(("http://", "https://")) and not re.search(r"\s", written)
            why = unreachable_host(written) if web else ""
            problems.warning(
                tags.value_at(tag, path, written),
                f"{tag} {quoted(written)}: {why}, so no reader of the site can open it; left out" if why
                else f"{tag} {quoted(written)} is no http(s) address a page can link to; left out",
            )
    for note in tags.all("N1"):
        for start, end in find_url_spans(note):
            if url := clean_url(note[start:end]):
                found.append((url, "N1"))
    return found


def _keywords(tags: _Tags, read: Callable[[str], str] = _tex_read) -> tuple[str, ...]:
    """KW, each once: one keyword a line as RIS has it, but a line holding several
    (IEEE Computer Society's "Proteins,Linear programming,...") split at its semicolons,
    and at its commas when the record has that one line alone."""
    lines = tags.all("KW")
    separator = r"[,;]" if len(lines) == 1 else r";"
    words = (read(_plain(word)) for line in lines for word in re.split(separator, line))
    return tuple(dict.fromkeys(word for word in words if word))

