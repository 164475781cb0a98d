"""BibTeX files, read with bibtexparser; LaTeX in the fields becomes plain text.

Each entry gives a record: title, authors (a final ``and others`` kept as the author
``others``), year (``year`` or ``date``), venue (the first of ``journal``,
``journaltitle``, ``booktitle``, ``school``, ``institution`` and a ``howpublished``
that holds no URL), abstract, DOI, arXiv id (``eprint``, or an arxiv.org URL), links
(``url``, ``pdf``, an ``eprint`` that is a URL, and addresses in ``howpublished``,
``note`` and the code fields `_CODE_FIELDS`, which name the paper's own code; not a
``url`` that is the arXiv or DOI page;
a talk's, slides' and project page's fields `_KIND_FIELDS` give links of their kind;
al-folio's ``html`` is read as a ``url``, its ``arxiv`` as an ``eprint``)
and keywords (as tags, each once). Accented letters in an author list are read before it
is split into names (`_NameAccents`). TeX escapes in addresses and DOIs (``tacl\\_a``) are
undone. An entry that names another in ``crossref`` takes the fields it lacks from it,
authors included, as BibTeX does; but not the authors of a proceedings, collection,
reference work or periodical, which are not the paper's. The entry named is not a paper
itself when it is a volume (`_VOLUMES`) or has no title; any other stays a paper. Entries
that crossref each other in a circle are reported, and each gets only its own fields.
An entry bibtexparser cannot read is reported at its line (each value left open in it
at once, at the value; past a mistake with a sure fix, the entry's further mistakes too:
`_reread_repaired`), which stops the import. An entry without a title, which could not
be matched to any paper, is skipped with a warning at its head, the rest imported. An
entry of a type no BibTeX or biblatex style knows (``@artcle``) is read as a @misc, as BibTeX and biber read it, with
a warning at its type naming the type it most plausibly meant. An author named twice
in one entry's list is a warning at its ``author`` field, the list kept as written.
"""

from __future__ import annotations

import bisect
import functools
import html.entities
import logging
import re
import unicodedata
from dataclasses import replace
from contextlib import AbstractContextManager
from typing import Callable, Collection, Sequence
from urllib.parse import urlsplit

import bibtexparser
from bibtexparser.middlewares import (
    NormalizeFieldKeys,
    RemoveEnclosingMiddleware,
    ResolveStringReferencesMiddleware,
    SeparateCoAuthors,
    SplitNameParts,
)
from bibtexparser.middlewares.middleware import BlockMiddleware
from bibtexparser.middlewares.names import InvalidNameError, NameParts, parse_single_name_into_parts
from bibtexparser.model import (
    Block, DuplicateBlockKeyBlock, DuplicateFieldKeyBlock, Entry, Field, ImplicitComment, ParsingFailedBlock, Preamble,
    String,
)

from ..errors import Location, Problems
from ..quoting import quoted
from ..latex import (
    clean_latex, declarations_read_now, math_spans, name_accents, per_paragraph, reading_in_effect, url_arguments, words_beside_urls,
)
from ..export_bibtex import names_proceedings, names_software
from ..typos import closest
from ..names import is_company_written, is_organisation, is_suffix, named_twice, source_name, without_marks
from ..matchkeys import PREPRINT
from ..venuewords import proceedings_series
from ..models import OTHERS, Link, en_dashed_pages, readable_pages, unreadable_pages
from ..links import (
    arxiv_id,
    arxiv_of_doi,
    clean_url,
    doi_from_url,
    find_url_spans,
    make_link,
    mimics_code_host,
    normalize_arxiv,
    normalize_doi,
    same_page,
    unreachable_host,
)
from . import DATE_VOLUME, ReadBefore, Record, abstract_links, dated_volume, first_version_year, say_dated
from .bibcache import EntryReadings, entry_digest
from .bibsplit import parse_string
from . import as_worded, no_place, series_read_before, with_notice, without_notice, worded_links
from .notes import EMPHASIS_HELD, holds_marks, machine_note, note_text, notes_read_before, say_left_out, worth_saying
from .bibsyntax import (
    ENTRY_KEY, FIELD_NAMES, MONTHS, READ_FIELDS, BackslashesBack, Columns, RawValues, backslashed, braces_counted,
    column_of, entry_named, field_places, heads_closed_up, names_split, shifted, unclosed_quote, unclosed_values, value_end,
    without_comments,
)
from .wraps import hyphenated_before, joined, wrapped_at_hyphen
from .years import read_year, said, without_approximate

_SPACES = re.compile(r"[ \t\n]+")
_PARAGRAPHS = re.compile(r"\n[ \t]*\n\s*")
# "arXiv:2106.09685", "arXiv preprint arXiv:2106.09685", Google Scholar's "arXiv preprint
# hep-th/9711200" (an old-style id, with its archive).
_ARXIV_IN_TEXT = re.compile(
    r"arXiv(?:\s+preprint)?(?::\s*|\s+(?=[a-z-]+(?:\.[A-Z]{2})?/\d{7}))"
    r"(\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?/\d{7})",
    re.IGNORECASE,
)
# A report's `number` that is its arXiv id, as Google Scholar and others cite a report
# published there (the GPT-4 technical report: ``number = {arXiv:2303.08774}``). Only
# with "arXiv" said: a bare "2303.08774" may be an institution's own number.
_ARXIV_NUMBER = re.compile(r"\s*arXiv(?:\s+preprint(?:\s+arXiv)?)?\s*:?\s*(\S+)\s*", re.IGNORECASE)
# Zotero's note of a paper saved from arXiv, its id and classes: "arXiv:1706.03762 [cs]",
# or of a paper cross-listed "arXiv:1609.02907 [cs, stat]" (its BibTeX `note`, its RIS
# N1), beside the date of the version it saved.
ARXIV_WITH_CLASS = re.compile(r"arXiv:\s*\S+\s+\[[a-zA-Z.-]+(?:,\s*[a-zA-Z.-]+)*\]")
# What is meant as an arXiv id, valid or not ("2513.00001": no month 13).
_LIKE_ARXIV = re.compile(r"(?i)(?:arxiv:\s*)?\d{4}\.\d{4,5}(?:v\d+)?")
# DBLP and Semantic Scholar cite an arXiv preprint as the journal "CoRR" or "ArXiv" with
# the id as its volume: ``volume = {abs/2106.09685}``.
_ARXIV_VOLUME = re.compile(r"^\s*abs/(\S+)\s*$", re.IGNORECASE)
# Fields some exporters and curators name a paper's code in (Papers with Code's, and
# `code` in many lab bibliographies); their addresses are links like `url`'s.
_CODE_FIELDS = ("code", "github", "repository", "repo")
# Fields that say what their address is, as al-folio's bibliographies write them (and
# many a lab's): a recorded talk, slides or a poster, the project's page (`website`, or
# `homepage` as other labs name it). They name the kind of an address whose host does not
# (a PDF of slides, a lab's page); a repository, a dataset or a paper's page written
# there stays what its host says.
_KIND_FIELDS = {
    "video": "video", "slides": "slides", "poster": "slides", "website": "project", "homepage": "project",
    "blog": "project", "project": "project",
}
# al-folio's own fields beside these: `arxiv` (the id, its "arXiv" button) and `html`
# (its "HTML" button: the paper's page, read as a `url` is). Its `pdf`, `supp`, `poster`
# and `slides` may name a file of the site's (in its assets/pdf/) rather than an address.
_ALFOLIO_FILES = ("pdf", "html", "supp", "poster", "slides")
# An address's scheme, "mailto:" as well as "https://" (an address with one is read as
# written, and one of no http(s) told as written, not as "https://mailto:..."); not a
# host's port ("localhost:8080/x", "example.com:8080").
_SCHEME = re.compile(r"(?i)[a-z][a-z0-9+.-]*:(?!\d+(?:[/?#]|$))")
# TeX escapes that exporters write into addresses and DOIs (MIT Press: ``url =
# {https://doi.org/10.1162/tacl\_a\_00324}``; this tool's own export escapes a DOI's
# ``_``). The url package reads a URL raw, so left alone the backslash ends up in every
# link; the escaped character is meant. ``\~{}`` and ``\textasciitilde`` are a tilde.
_TEX_ESCAPE = re.compile(
    r"\{\\([_%&#$])\}|\\([_%&#$])"
    r"|\{\\(?:~|textasciitilde(?![A-Za-z]))(?:\{\})?\}|\\(?:~|textasciitilde(?![A-Za-z]))(?:\{\})?"
    r"|\{\\textunderscore(?![A-Za-z])(?:\{\})?\}|\\textunderscore(?![A-Za-z])(?:\{\})?"
)
# Fields an entry takes from the entry it crossrefs when it lacks them. Not the ones that
# name the parent itself (its title, addresses, identifiers, abstract, keywords): a
# paper in a proceedings volume is not at the volume's DOI. The parent's title is the
# child's booktitle (see `_Fields`).
_NOT_INHERITED = frozenset({
    "title", "url", "doi", "eprint", "arxivid", "archiveprefix", "eprinttype", "primaryclass", "eprintclass",
    "pdf", "abstract", "keywords", "note", "annote", "annotation", "howpublished", "crossref", "file", "isbn", "issn",
    "code", "github", "repository", "repo", "arxiv", "html", "supp", *_KIND_FIELDS,
})
# Entry types that hold what their papers share (biblatex's parents of @inproceedings,
# @incollection, @inbook, @inreference and @article): crossref'd, they are no papers,
# and their title is their papers' venue.
_VOLUMES = frozenset({
    "proceedings", "mvproceedings", "book", "mvbook", "collection", "mvcollection",
    "reference", "mvreference", "periodical",
})
# A conference's volume of papers: never a paper itself, crossref'd or not. (A book or a
# collection may be what the list recommends reading.)
_PROCEEDINGS = frozenset({"proceedings", "mvproceedings"})
# Volumes whose people edited, not wrote, the papers in them. BibTeX (and biblatex by
# default) would copy such a volume's `author` into a paper lacking one; we do not: a
# proceedings, collection or periodical issue has editors, and an `author` there names
# the volume's people, so a paper would be credited to them. A book's author wrote its
# chapters (@inbook), so a chapter takes it, as BibTeX and biblatex both do.
_EDITED_VOLUMES = _VOLUMES - {"book", "mvbook"}

# bibtexparser logs each block it cannot read, with a 0-based line number, and Python
# prints such a record on stderr when nothing is configured; every failed block is
# reported as path:line:col below, so that second, differently numbered line only
# confuses. A program that configures logging still gets the records.
logging.getLogger("bibtexparser").addHandler(logging.NullHandler())


def _written(text: str) -> str:
    """A curator's key or value as a message names it: as written, so it can be copied
    back into the file (repr() doubled each backslash), and quoted as README says every
    message quotes (quoting.quoted): in single quotes, in double ones around an
    apostrophe ("o'k"; in single quotes, 'o'k', where the quote ends was not to be
    told). What cannot be seen or would act on a terminal is escaped as quoting.shown
    escapes it: a line break or tab by its picture, so the message stays one line, an
    escape character as "\\x1b", which printed as it is acted on the terminal."""
    return quoted(text)


def parse_bibtex(text: str, path: str, problems: Problems) -> list[Record]:
    return read_bibtex(text, path, problems)[0]


# The author (or editor) lists said to name someone twice (`_said_twice`): each field's
# place with its entry's key, as two entries on one line have their fields at one place
# (a field's column is counted from its entry's start), and each list is told of.
_Told = set[tuple[Location, str]]


def read_bibtex(
    text: str,
    path: str,
    problems: Problems,
    readings: Sequence[Callable[[], AbstractContextManager[object]]] = (),
    entries: EntryReadings | None = None,
    key_source: Callable[[int], str] | None = None,
) -> tuple[list[Record], list[list[Record]]]:
    """A file's records, and for each of ``readings`` (each a context `clean_latex` reads
    otherwise within) the records read so, as reading the whole file again within it
    gives them for their titles and abstracts (ingest.parse_text). ``entries``: what the
    last import read each entry as (bibcache.py), taken for an entry read alike, and
    given this file's readings. ``key_source``: the source of the citation key of the
    entry at a line (exporters.key_sources), given to each new reading of an entry with
    a key (one taken from ``entries`` has the source of the import that read it)."""
    # What bibtexparser leaves to its users (comments between fields, concatenation, a
    # missing comma: see bibsyntax.py) first.
    written, text = text, heads_closed_up(without_comments(text))
    records, repairs, read, crossrefs, earlier = _read(
        text, path, problems, written=written, readings=readings, entries=entries, key_source=key_source
    )
    if repairs:
        # (Read again without the entries read well: a file of 3,000 took 1.7 s a reading.)
        mended = {line for lines, _ in repairs for line in lines}
        others = {line for lines in read for line in lines} - mended
        kept = "\n".join("" if n in others else line for n, line in enumerate(text.split("\n"), 1))
        _reread_repaired(kept, path, repairs, problems, crossrefs)
    return records, earlier


# An edit that does what a message about an unreadable entry says to do: (line, column,
# the text there, what to write instead), on one line. (Lines are never added or taken
# away, so a place after it is found again: see `_placed_before`.)
_Edit = tuple[int, int, str, str]
# The lines of the entry an edit is in, from its first to the next block's, and the edit.
_Repair = tuple[range, _Edit]
# How many mistakes in one entry are looked for, one after another.
_REPAIRS = 20


def _reread_repaired(
    text: str, path: str, repairs: list[_Repair], problems: Problems, crossrefs: frozenset[str] = frozenset()
) -> None:
    """The mistakes in an unreadable entry past the one bibtexparser stopped at, said in
    the same run (bibtexparser gives up on an entry at its first mistake, and hands the
    rest back as a comment): where the first is one whose fix is sure (a comma missing
    after the key, a field without its "=", two commas in a row, a key holding a brace),
    the entry is read again with that fix made as its message says, and the errors then
    found in it are said too, each at its place in the file as written; and so on, while
    the next has a sure fix. Nothing read so is imported: the file has an error. (A brace
    left open has no sure fix: where its value should end is the curator's to say.)
    ``crossrefs``: the keys the entries read well name in crossref (casefolded), which
    are not read again: a volume they name is one still, and needs no title."""
    # Said once a place (a key given twice, in other words once both entries read); but
    # where a fix was made, a mistake the fix brings to light is said beside the one it
    # fixed (a key with a brace and no comma after it: two mistakes at one place).
    said: dict[Location, set[str]] = {}
    for problem in problems.errors:
        said.setdefault(problem.location, set()).add(problem.message)
    fixed: set[Location] = set()  # places a fix was made at
    entries: set[range] = set()
    in_entries: set[int] = set()  # their lines (looked up by line: 500 such entries took seconds)
    history: list[dict[int, _Edit]] = []  # each round's edits by line
    for _ in range(_REPAIRS):
        edits: dict[int, _Edit] = {}
        for lines, edit in repairs:
            if lines not in entries:
                entries.add(lines)
                in_entries.update(lines)
            edits.setdefault(edit[0], edit)  # (one a line a round: places stay known)
        text, made = _edited(text, list(edits.values()))
        if not made:
            return
        history.append({edit[0]: edit for edit in made})
        for line, col, _, _ in made:
            for done in reversed(history[:-1]):
                col = _placed_before(col, done.get(line))
            fixed.add(Location(path, line, col))
        again = Problems()
        _, repairs, _, _, _ = _read(text, path, again, crossrefs)
        repairs = [(lines, edit) for lines, edit in repairs if edit[0] in in_entries]
        # Errors only, in those entries: another entry's were said on the first reading,
        # and a warning (or a file's count of something) comes once the entry reads.
        for found in again.errors:
            if found.location.line not in in_entries:
                continue
            line, col = found.location.line, found.location.col
            for done in reversed(history):
                col = _placed_before(col, done.get(line))
            where = Location(path, line, col)
            if where not in said or (where in fixed and found.message not in said[where]):
                said.setdefault(where, set()).add(found.message)
                problems.error(where, found.message)


def _edited(text: str, edits: list[_Edit]) -> tuple[str, list[_Edit]]:
    """``text`` with each edit made (on lines of their own) where the text is as the edit
    expects, and the edits made."""
    lines = text.split("\n")
    made = []
    for line, col, old, new in edits:
        written = lines[line - 1] if 0 < line <= len(lines) else ""
        if old != new and written[col - 1 : col - 1 + len(old)] == old:
            lines[line - 1] = written[: col - 1] + new + written[col - 1 + len(old) :]
            made.append((line, col, old, new))
    return "\n".join(lines), made


def _placed_before(col: int, edit: _Edit | None) -> int:
    """The column ``col`` of a line had before ``edit`` of that line (if any) was made."""
    if edit is None:
        return col
    _, start, old, new = edit
    if col >= start + len(new):
        return col - len(new) + len(old)
    return start if col >= start else col


def _read(
    text: str,
    path: str,
    problems: Problems,
    crossrefs: frozenset[str] = frozenset(),
    written: str | None = None,
    readings: Sequence[Callable[[], AbstractContextManager[object]]] = (),
    entries: EntryReadings | None = None,
    key_source: Callable[[int], str] | None = None,
) -> tuple[list[Record], list[_Repair], list[range], frozenset[str], list[list[Record]]]:
    """The records of a file's entries, the sure fixes of the unreadable ones
    (`_reread_repaired`), the lines of each entry read, the keys they name in crossref
    (casefolded) and the records of each of ``readings`` (`_earlier_readings`).
    ``crossrefs``: keys crossref'd by entries not in ``text`` (see `_reread_repaired`);
    ``written``: the file as written, comments too. Field names are case-insensitive in
    BibTeX (TITLE, Author): lower-cased before the authors are split. ``entries``: see
    `read_bibtex` (not asked of a file with an entry bibtexparser could not read, whose
    errors stop the import); ``key_source``: see `read_bibtex`."""
    counted = braces_counted(text)
    held = counted != text
    library = parse_string(
        counted,
        [
            Columns(counted),
            RawValues(text, path, problems, written, held=held),
            ResolveStringReferencesMiddleware(),
            RemoveEnclosingMiddleware(),
            BackslashesBack(held=held),
            NormalizeFieldKeys(),
            _Names(path, problems),
            BackslashesBack(held=held, names=True),  # (names split as BibTeX counts their braces)
        ],
    )
    repairs: list[_Repair] = []
    # Where each block that is no comment starts, for the lines of an entry with a sure
    # fix: bibtexparser hands the rest of an entry it gave up on back as a comment, whose
    # lines are the entry's still (its later mistakes are there).
    starts = sorted(b.start_line or 0 for b in library.blocks if not isinstance(b, ImplicitComment))
    end_of_text = text.count("\n") + 1
    lines = _Lines(text) if library.failed_blocks else None
    for block in library.failed_blocks:
        line = (block.start_line or 0) + 1
        col = column_of(block)
        if isinstance(block, DuplicateBlockKeyBlock):
            first = (block.previous_block.start_line or 0) + 1
            # One entry pasted twice needs no key of its own: it would be one more
            # duplicate to merge. (Compared as BibTeX reads it: spacing aside.)
            again = (block.raw or "").split() == (block.previous_block.raw or "").split()
            message = f"duplicate BibTeX key {_written(block.key)} (first at line {first})" + (
                ": the same entry again; delete this one" if again else "; give each entry its own key"
            )
            if not block.key.strip() and not again:
                col, kind = _key_place(text.split("\n"), block.start_line or 0, block.raw)
                message = (
                    f"this entry has no citation key, nor has the entry at line {first}, and bibtexparser"
                    " reads only the first of two entries with one key (BibTeX refuses both): write a key"
                    f" before its comma, as '@{kind}{{key,'"
                )
        elif isinstance(block, DuplicateFieldKeyBlock):
            # At the field's second occurrence (bibtexparser names the entry's first
            # line), on its line or beside the first on one line ("@misc{a, title={A},
            # title={B}}" was told at its "@").
            name = sorted(block.duplicate_keys)[0]
            places = [
                (n, shifted(block, line - 1 + n, col)) for n, col in field_places(block.raw or "", name)
            ]
            if len(places) > 1:
                line, col = line + places[1][0], places[1][1]
            first = (block.start_line or 0) + 1 + places[0][0] if places else line
            message = f"field {quoted(name)} is given twice (first at line {first}); keep one"
        else:
            said, edit = _unreadable(lines or _Lines(text), block, held)
            for line, col, message in said:
                problems.error(Location(path, line, col), message)
            if edit is not None:
                start = block.start_line or 0
                after = bisect.bisect_right(starts, start)
                repairs.append((range(start + 1, (starts[after] if after < len(starts) else end_of_text) + 1), edit))
            continue
        problems.error(Location(path, line, col), message)
    _keys_of_broken_entries(library, lines, path, problems)
    _unknown_types(library.entries, text, path, problems)
    _keyless(library.entries, text, path, problems)
    if not library.entries and not library.failed_blocks:
        problems.error(Location(path, 1, 1), "no BibTeX entries ('@article{key, ...}') found")
        return [], repairs, [], frozenset(), [[] for _ in readings]
    by_key = {entry.key.casefold(): entry for entry in library.entries}
    parents: dict[str, tuple[Entry, ...]] = {}
    referenced: set[str] = set()
    for entry in library.entries:
        parents[entry.key] = _parents(entry, by_key, path, problems)
        referenced.update(parent.key for parent in parents[entry.key])
    records = []
    indexed: list[tuple[Location, Record]] = []  # entries whose keywords are IEEE Xplore's (see below)
    left_out: list[tuple[Location, str]] = []  # notes taken for the exporter's (notes.worth_saying)
    dated: list[tuple[Location, str]] = []  # volumes that are a date
    told: _Told = set()
    each: list[tuple[_Fields, Record | None]] = []  # each entry's, for `_earlier_readings`
    if library.failed_blocks:
        entries = None
    # (Every @string and @preamble of the file in the key of every entry: an entry's
    # fields resolve macros, and telling which it uses costs more than a macro's edit,
    # seldom made, rereading every entry.)
    context = (
        f"{held}\0{reading_in_effect()}\0{bool(crossrefs)}\0"
        + "\0".join(block.raw or "" for block in library.blocks if isinstance(block, (String, Preamble)))
        if entries is not None else ""
    )
    for entry in library.entries:
        fields = _Fields(entry, parents[entry.key])
        source = key_source(entry.start_line + 1) if key_source is not None and entry.key else ""
        if entries is None:
            record = _entry_record(fields, referenced, crossrefs, path, problems, left_out, dated, told, source)
        else:
            # (Read again when reading it said anything: the messages are never replayed.)
            record = entries.read(
                entry_digest(_entry_key(fields, referenced, crossrefs, context)), path, entry.start_line,
                functools.partial(
                    _entry_record, fields, referenced, crossrefs, path, problems, left_out, dated, told, source
                ),
                (problems.items, problems.skipped, left_out, dated, told),
            )
        each.append((fields, record))
        if record is not None and _ieee_index_terms(fields["keywords"], record.doi):
            record = without_index_terms(record, record.source, indexed)
        if record is not None:
            records.append(record)
    say_index_terms(indexed, ("entry", "entries"), problems)
    say_dated(dated, "volume", ("entry", "entries"), problems)
    say_left_out(left_out, "annote", ("entry", "entries"), problems)
    read = [range(e.start_line + 1, e.start_line + (e.raw or "").count("\n") + 2) for e in library.entries]
    named = frozenset(key.casefold() for e in library.entries if (key := _field(e, "crossref").strip()))
    earlier = _earlier_readings(each, referenced, crossrefs, path, readings)
    return _without_arxiv_subjects(records, problems), repairs, read, named, earlier


def _entry_record(
    fields: _Fields,
    referenced: set[str],
    crossrefs: frozenset[str],
    path: str,
    problems: Problems,
    left_out: list[tuple[Location, str]],
    dated: list[tuple[Location, str]],
    told: _Told,
    key_source: str = "",
) -> Record | None:
    """The record of one entry, None when it is none (a style's control entry, a
    crossref'd volume, a volume of papers, an entry without a title); ``key_source``: its
    key's (`_record`)."""
    entry = fields.entry
    if entry.entry_type.lower() in _STYLE_CONTROLS:
        return None
    # A crossref'd volume (DBLP's and the ACL Anthology's @proceedings) holds what its
    # papers share; it is no paper, and needs no title of its own; nor is a crossref'd
    # entry of another type without a title (the reviewer's lab-orig.bib: an
    # @inproceedings holding only a booktitle and year). One with a title is a paper
    # that another happens to crossref, by design or by mistake: dropping it would
    # lose a paper without a word.
    if (entry.key in referenced or entry.key.casefold() in crossrefs) and (
        entry.entry_type.lower() in _VOLUMES or not _plain(_field(entry, "title"))
    ):
        return None
    if entry.entry_type.lower() in _PROCEEDINGS:
        # (The ACL Anthology's export of a volume starts with the volume's entry.)
        problems.warning(
            Location(path, entry.start_line + 1, column_of(entry)),
            f"{entry_named(entry, '@' + entry.entry_type)} is a volume of papers, not a paper; not"
            " imported (a paper that names it in crossref takes its title as the venue)",
        )
        return None
    return _record(fields, path, problems, left_out, dated, told, key_source)


def _entry_key(fields: _Fields, referenced: set[str], crossrefs: frozenset[str], context: str) -> list[str]:
    """All an entry's reading depends on but its file's name and its place (bibcache.py):
    ``context`` (the file's held backslashes, the TeX reading in effect, its @string and
    @preamble definitions), whether it is crossref'd, and the entry's and each crossref'd
    entry's raw text (of which the middlewares make its fields: the raw text and the
    macros are all they read of it), each crossref'd entry's line counted from the
    entry's, and each one's column (`Columns`: its messages' and record's places). (Not the fields the middlewares made: building and hashing them, an
    abstract twice, cost a fresh import of 10,000 entries 0.6-0.9 s of user time.)"""
    entry = fields.entry
    base = entry.start_line
    parts = [context, str(entry.key in referenced), str(entry.key.casefold() in crossrefs)]
    for each in (entry, *fields.parents):
        parts += [each.raw or "", f"{each.start_line - base}:{column_of(each)}"]
    return parts


# What an earlier reading (`latex.math_as_typed`, `latex.ties_as_before`) reads otherwise
# needs in the value as written: a "$" or "\(" of math, a "~" or "\\" of ties. (A
# character reference `_plain` reads first is TeX's escape of it, "&#36;" "\$": no math.)
_READ_OTHERWISE = re.compile(r"[$\\~]")


def _earlier_readings(
    each: list[tuple[_Fields, Record | None]],
    referenced: set[str],
    crossrefs: frozenset[str],
    path: str,
    readings: Sequence[Callable[[], AbstractContextManager[object]]],
) -> list[list[Record]]:
    """For each of ``readings``, the records the file's entries give read so, as reading
    the whole file again within it gives them, for their titles and abstracts
    (ingest.parse_text): only an entry whose title or abstract (its own, an @string's or
    a crossref'd entry's: as resolved) holds what the reading reads otherwise is read
    again; the others' records are ``each``'s. (A 10,000-entry .bib with one
    "$\\beta$-VAE" was read twice over, 3.1 s -> 6.2 s.)"""
    if not readings:
        return []
    # (A crossref'd entry is left out by its own title, as read: `_entry_record`.)
    again = [
        n for n, (fields, _) in enumerate(each)
        if any(
            _READ_OTHERWISE.search(value)
            for value in (fields["title"], fields["abstract"], _field(fields.entry, "title"))
        ) or any(  # (rev127: a venue's; imp42: any field's, ingest.parse_text)
            declarations_read_now(_value(field))
            for entry in (fields.entry, *fields.parents) for field in entry.fields_dict.values()
        )
    ]
    earlier = []
    for reading in readings:
        read = [record for _, record in each]
        quiet = Problems()  # (said on the file's own reading)
        with reading():
            for n in again:
                read[n] = _entry_record(each[n][0], referenced, crossrefs, path, quiet, [], [], set())
        earlier.append([record for record in read if record is not None])
    return earlier


def _own_code(link: Link, links: list[Link]) -> Link:
    """``link``, an address a code field names, as the paper's own code; a lab's own page
    there is code too (its badge shows the address), what a host says is something else
    (a dataset on Hugging Face) stays that, owned by no one. Marked official unless one
    of ``links`` (the entry's before it) already is: `check` warns of a second."""
    if link.kind == "project" and not mimics_code_host(link.url):
        link = replace(link, kind="code")
    if link.kind != "code" or any(other.official for other in links if other.kind == "code"):
        return link
    return replace(link, official=True)


def without_index_terms(record: Record, where: Location, indexed: list[tuple[Location, Record]]) -> Record:
    """``record``, whose keywords an IEEE Xplore export gave (`_ieee_index_terms`, or RIS'
    VO tag), without the thesaurus' index terms among its tags: a tag in lower case beside
    them, "to-read", is a curator's own (IEEE's thesaurus writes each of its terms with a
    capital, "iOS" inside it), and stays. With terms among them, the record as read is
    added to ``indexed`` at ``where``, for `say_index_terms`."""
    own = tuple(tag for tag in record.tags if _lower_case(tag))
    if len(own) == len(record.tags):
        return record
    indexed.append((where, record))
    return replace(record, tags=own, read_before=record.read_before + (ReadBefore(
        ("tags",), (record.tags,), "IEEE Xplore's index terms, which an earlier import took as tags",
    ),))


def say_index_terms(
    indexed: list[tuple[Location, Record]], nouns: tuple[str, str], problems: Problems,
    own: str = "a curator's Zotero tags",
) -> None:
    """The index terms `without_index_terms` left out, said once a file, at the first
    record's, with the curator's tags kept beside them (``nouns``: "entry", "entries";
    ``own``: what those tags are in the file's format, Zotero's in a .bib, where Better
    BibLaTeX joins them with the terms, an RIS file's own KW lines)."""
    if not indexed:
        return
    where, first = indexed[0]
    term = next(tag for tag in first.tags if not _lower_case(tag))
    problems.warning(
        where,
        f"keywords such as {_written(term)} are IEEE Xplore's index terms, its"
        " thesaurus' words for the paper rather than a curator's or its authors'"
        f" ({len(indexed)} {nouns[0] if len(indexed) == 1 else nouns[1]} in this file); left out of the tags"
        + next((
            f" (those in lower case, such as {_written(tag)}, are {own}, kept: the"
            " thesaurus writes each term with a capital)"
            for _, record in indexed for tag in record.tags if _lower_case(tag)
        ), ""),
    )


def _lower_case(tag: str) -> bool:
    """Whether ``tag`` is written in small letters ("to-read", "3d scenes"), as a
    curator's Zotero tag is beside IEEE Xplore's index terms: its first letter a small
    one, and no capital after it. (The thesaurus starts each term with a capital, or
    writes a name as its owner does, a capital inside: "iOS", "eBay", "mmWave".)"""
    return next((c.islower() for c in tag if c.isalpha()), False) and not any(c.isupper() for c in tag)


def _ieee_index_terms(keywords: str, doi: str) -> bool:
    """Whether ``keywords`` are IEEE Xplore's "IEEE Keywords", as its export writes them:
    an IEEE paper's (DOI 10.1109/...), separated by semicolons with no space, no comma
    ("Training;Degradation;Complexity theory"), or by commas with no space and no
    semicolon, as Zotero's Better BibLaTeX joins the tags Zotero saved them as ("Complexity
    theory,Degradation,Training"). Shown as tags, they put "Degradation" and
    "Visualization" on ResNet's page; an author's keywords are written with a space after
    each comma or semicolon, as this tool's export writes a curator's tags. (Another
    paper's keywords so joined, a curator's Zotero tags, stay tags.)"""
    written = keywords.strip()
    return doi.lower().startswith("10.1109/") and any(
        mark in written and not re.search(rf"{other}|[,;]\s", written) for mark, other in ((";", ","), (",", ";"))
    )


# The arXiv subject classes Zotero's arXiv translator adds as tags to each paper it saves
# from arXiv ("Computer Science - Machine Learning", "Statistics - Machine Learning").
_ARXIV_SUBJECT = re.compile(
    r"(?:Computer Science|Statistics|Mathematics|Physics|Quantitative Biology|Quantitative Finance"
    r"|Electrical Engineering and Systems Science|Economics|Astrophysics|Condensed Matter"
    r"|High Energy Physics|Nonlinear Sciences|Nuclear) - [A-Z][\w ,()-]*"
)
# The subjects arXiv's DOIs carry at DataCite, whose BibTeX and RIS (doi.org's answer for a
# 10.48550/arXiv.… DOI, which a reference manager or a curator asks; `add` asks arXiv for
# such a DOI) give them as keywords of every paper: its subject classes by name and code ("Computation and
# Language (cs.CL)", "Quantum Physics (quant-ph)") and the OECD's fields of science
# ("FOS: Computer and information sciences"). The archives with classes are named with
# one ("(cs.LG)": a curator's "Mathematics (math)" is no subject class); the others alone,
# or with one for the few that had them ("(astro-ph)", "(astro-ph.GA)").
_DATACITE_SUBJECT = re.compile(
    r"[A-Z][\w ,'-]* \((?:(?:cs|stat|math|physics|q-bio|q-fin|eess|econ)\.[A-Za-z-]+"
    r"|(?:astro-ph|cond-mat|nlin)(?:\.[A-Za-z-]+)?"
    r"|gr-qc|hep-ex|hep-lat|hep-ph|hep-th|math-ph|nucl-ex|nucl-th|quant-ph)\)"
    r"|FOS: [A-Z][\w ,'-]*"
)


def _arxiv_subject(tag: str) -> bool:
    return bool(_ARXIV_SUBJECT.fullmatch(tag) or _DATACITE_SUBJECT.fullmatch(tag))


def _without_arxiv_subjects(
    records: list[Record],
    problems: Problems,
    nouns: tuple[str, str] = ("entry", "entries"),
    where: Callable[[Record, str], Location] | None = None,
) -> list[Record]:
    """``records`` without the arXiv subject classes Zotero writes as keywords: the same
    few on every paper of a list, they said nothing a curator's tags say. Said once, at
    the first entry that had them (``where`` the keyword is in it, when the reader
    knows: an RIS record's KW line), with how many had (``nouns``: the file's word for
    one entry and for several, an RIS file's "record")."""
    had = [r for r in records if any(_arxiv_subject(tag) for tag in r.tags)]
    if not had:
        return records
    first = next(tag for tag in had[0].tags if _arxiv_subject(tag))
    whose = (
        "which Zotero adds to each paper it saves from arXiv" if _ARXIV_SUBJECT.fullmatch(first)
        else "which arXiv's DOIs give each paper at DataCite"
    )
    # (Said by an import only with a paper made or changed from one of these entries:
    # each re-import of an unchanged file said it again, `-q` too, with nothing to do.)
    problems.warning_about(
        where(had[0], first) if where else had[0].source,
        f"keywords such as {_written(first)} are arXiv's subject classes, {whose}"
        f" ({len(had)} {nouns[len(had) != 1]} in this file); left out of the tags",
        (r.source for r in had),
    )
    subjects = {id(r) for r in had}
    return [
        replace(
            r, tags=tuple(t for t in r.tags if not _arxiv_subject(t)),
            read_before=r.read_before + (ReadBefore(
                ("tags",), (r.tags,), "with arXiv's subject classes, which an earlier import took as tags",
            ),),
        ) if id(r) in subjects else r
        for r in records
    ]


def _author_field(entry: Entry, name: str = "author") -> Field | None:
    """``entry.fields_dict.get("author")`` (or ``name``'s: "editor"), without building the
    dict (which each pass over the names asked for, a dict of every field, 40,000 times at
    10,000 entries)."""
    for field in reversed(entry.fields):  # (the last of a name, as fields_dict keeps it)
        if field.key == name:
            return field
    return None


def _people_fields(entry: Entry) -> tuple[Field, ...]:
    """The fields of names whose people an entry credits: its `author` and its `editor`
    (a paper file's `editors`), each name of which is read as an author's is, accents
    and all."""
    return tuple(field for name in ("author", "editor") if (field := _author_field(entry, name)) is not None)


class _NameAccents(BlockMiddleware):
    """Accented letters in an author list as characters before it is split (see
    `name_accents`): bibtexparser's splitting of a name into its parts read
    ``Pe\\~{n}a, Jose`` as "Pe na, Jose"."""

    def __init__(self) -> None:
        super().__init__(allow_inplace_modification=True)

    def transform_entry(self, entry: Entry, library: bibtexparser.Library) -> Entry:
        for field in _people_fields(entry):
            if isinstance(field.value, str):
                field.value = name_accents(field.value)
        return entry


class _DanglingAnds(BlockMiddleware):
    """An author list without the "and" that names no one: one at its start or end, or
    right after another ("Poe, Edgar and", "Poe, Edgar and and Doe, Jane"), as a name
    deleted from a hand-kept file leaves it. bibtexparser, as BibTeX, took it for a
    word of the name beside it ("Edgar and Poe", "Jane and Doe"), unsaid; biber drops it
    as an empty name. Left out here too, with a warning at the field."""

    def __init__(self, path: str, problems: Problems) -> None:
        super().__init__(allow_inplace_modification=True)
        self._path = path
        self._problems = problems

    def transform_entry(self, entry: Entry, library: bibtexparser.Library) -> Entry:
        for field in _people_fields(entry):
            if isinstance(field.value, str):
                self._without_dangling(entry, field)
        return entry

    def _without_dangling(self, entry: Entry, field: Field) -> None:
        value = field.value
        # Each "and" between spaces outside braces (a braced one is part of a name,
        # "{Research and Development}"), with the text since the one before it.
        outside = _outside_braces(value)
        ands = [m for m in _AND_WORD.finditer(value) if outside(m.start())]
        dangling, previous = [], 0
        for found in ands:
            if not value[previous:found.start()].strip() or not value[found.end():].strip():
                dangling.append(found)
            previous = found.end()
        if not dangling:
            return
        for found in reversed(dangling):
            value = value[:found.start()] + " " + value[found.end():]
        field.value = value.strip()
        self._problems.warning(
            _field_location(entry, field.key, self._path),
            f"the {field.key} list of {entry_named(entry)} has an 'and' with no name on one side"
            " (a name deleted, or not yet written?); read without it: write the missing"
            " name or delete the 'and'",
        )


# BibTeX's separator of names: the word "and", in any case, between spaces.
_AND_WORD = re.compile(r"(?<!\S)[Aa][Nn][Dd](?!\S)")


def _outside_braces(text: str) -> Callable[[int], bool]:
    """Whether no brace is open at a place in ``text`` (an escaped one, ``\\{``, is a
    letter). Worked out in one pass: a list of 5,000 authors has 5,000 "and"s to ask
    about, and counting the braces before each took time growing with their square."""
    opens: list[int] = []  # where each stretch inside braces begins, and where it ends
    depth = 0
    for brace in _BRACE.finditer(text):
        if brace.group() == "{":
            if depth == 0:
                opens.append(brace.start())
            depth += 1
        elif depth > 0:
            depth -= 1
            if depth == 0:
                opens.append(brace.end())
    # (An odd count of bounds: a stretch still open at the end.)
    return lambda at: bisect.bisect_right(opens, at) % 2 == 0


_BRACE = re.compile(r"(?<!\\)[{}]")


class _SeparateNames(SeparateCoAuthors):
    """bibtexparser's splitting of each field of names into its names, as BibTeX splits
    it (bibsyntax.names_split: a backslash escapes no brace, nor anything else)."""

    def _transform_field_value(self, name: str) -> list[str]:
        return names_split(name)


class _EachAuthor(BlockMiddleware):
    """Each author's name of an entry written anew (`rewrite`), before names are split."""

    def __init__(self, once: bool = False) -> None:
        super().__init__(allow_inplace_modification=True)
        # ``once``: each name written anew once a file (`rewrite` reads the name alone).
        self._written: dict[str, str] | None = {} if once else None

    def rewrite(self, name: str) -> str:
        raise NotImplementedError

    def _rewritten(self, name: str) -> str:
        if self._written is None:
            return self.rewrite(name)
        written = self._written.get(name)
        if written is None:
            written = self._written[name] = self.rewrite(name)
        return written

    def transform_entry(self, entry: Entry, library: bibtexparser.Library) -> Entry:
        for field in _people_fields(entry):
            if isinstance(field.value, list):
                field.value = [self._rewritten(name) if isinstance(name, str) else name for name in field.value]
        return entry


class _ExtendedNames(_EachAuthor):
    """A name in biblatex's extended name format, ``family=Maaten, given=Laurens,
    prefix=van der, useprefix=true``, as Zotero's Better BibLaTeX exports a name with a
    particle, written as BibTeX writes it, ``van der Maaten, Laurens``, before names are
    split: bibtexparser reads only BibTeX's form, and refused the entry ("Too many
    commas"), so the whole file was not imported. (``useprefix`` and biber's other
    options say how a style sorts and cites the name: no part of it.)"""

    def rewrite(self, name: str) -> str:
        return _bibtex_name(name)


# One part of a name in the extended format, "family=Maaten" or "given={Jean Paul}".
_NAME_PART = re.compile(r"\s*([A-Za-z][A-Za-z-]*)\s*=\s*(.*?)\s*", re.S)


def _bibtex_name(name: str) -> str:
    """``name`` as BibTeX writes it ("von Last, Jr, First") when it is in biblatex's
    extended name format (every part ``key=value``, a family or given name among
    them); otherwise ``name`` itself."""
    if "=" not in name:
        return name
    parts: dict[str, str] = {}
    for piece in _name_parts(name):
        if (found := _NAME_PART.fullmatch(_unquoted(piece.strip()))) is None:
            return name
        value = _unquoted(found.group(2))
        if "," in value and "{" not in value:
            value = "{" + value + "}"  # (a comma the quotes held: of the part, no name's)
        parts.setdefault(found.group(1).lower(), value)
    family, given = parts.get("family", ""), parts.get("given", "")
    if not (family or given):
        return name
    written = " ".join(part for part in (parts.get("prefix", ""), family) if part)
    if not written:
        return given
    if parts.get("suffix"):
        # (No given name: an empty one, "{}"; a last comma with nothing after it is no
        # name to bibtexparser, which refused the entry.)
        return f"{written}, {parts['suffix']}, {given or '{}'}"
    return f"{written}, {given}" if given else written


def _name_parts(name: str) -> list[str]:
    """The parts of a name in the extended format, split as biber splits them: at each
    comma outside braces and outside double quotes (it reads them as comma-separated
    values, a value in quotes whole: ``"family={Robert and Sons, Inc.}"``)."""
    pieces, start, depth, quoted = [], 0, 0, False
    for at, character in enumerate(name):
        if character == "{" and name[at - 1 : at] != "\\":
            depth += 1
        elif character == "}" and name[at - 1 : at] != "\\":
            depth = max(depth - 1, 0)
        elif character == '"' and depth == 0 and name[at - 1 : at] != "\\":
            quoted = not quoted
        elif character == "," and depth == 0 and not quoted:
            pieces.append(name[start:at])
            start = at + 1
    return [*pieces, name[start:]]


def _unquoted(text: str) -> str:
    """``text`` without the double quotes around it, which enclose a value (biber's)."""
    return text[1:-1].strip() if len(text) > 1 and text[0] == text[-1] == '"' else text


class _SourceNames(_EachAuthor):
    """Each name as its source meant it, before names are split (names.source_name): a
    name in Chinese, Japanese or Korean script written "Surname, Given" (Zotero's "赵,
    鑫") as "赵鑫", not the given name "鑫" and the surname "赵", kept "鑫 赵"; IEEE
    Xplore's "T. -Y. Lin" as "T.-Y. Lin"."""

    def rewrite(self, name: str) -> str:
        if is_company_written(name):
            # (BibTeX's "Last, First" made "Meta, Inc." the person "Inc. Meta": read as
            # "{Meta, Inc.}", a name braced whole, the company it names.)
            return "{" + name.strip() + "}"
        return source_name(name)


class _SplitNameParts(SplitNameParts):
    """bibtexparser's splitting of each name into its parts, each name split once a
    file: a lab's list names its people on paper after paper (20,000 names at 10,000
    entries, 5 us each). Each use gets parts of its own (lists a caller may change)."""

    def __init__(self) -> None:
        super().__init__(allow_inplace_modification=True)
        self._split: dict[str, tuple[list[str], list[str], list[str], list[str]]] = {}

    def _transform_field_value(self, name: list[str]) -> list[NameParts]:
        if not isinstance(name, list):
            return super()._transform_field_value(name)  # (its own error for that)
        return [self._parts(each) for each in name]

    def _parts(self, name: str) -> NameParts:
        split = self._split.get(name)
        if split is None:
            # (A name that cannot be split raises each time, as before: not kept.)
            parts = parse_single_name_into_parts(name)
            split = self._split[name] = (parts.first, parts.von, parts.last, parts.jr)
        return NameParts(list(split[0]), list(split[1]), list(split[2]), list(split[3]))


class _Names(BlockMiddleware):
    """The passes over the names of each entry, in their order, in one pass over the
    entries: accents read (`_NameAccents`), dangling "and"s left out (`_DanglingAnds`),
    names separated (`_SeparateNames`), biblatex's extended names and the names as their
    source meant them written anew (`_ExtendedNames`, `_SourceNames`, each once a name
    a file) and split into their parts (`_SplitNameParts`). Each entry's passes touch
    that entry alone, so running them entry by entry gives what pass after pass gave
    (an entry one of them turned into an error block is passed on as it is, as the
    later passes passed it); six passes over 10,000 entries each built a library of
    them again and asked each entry for its fields again."""

    def __init__(self, path: str, problems: Problems) -> None:
        super().__init__(allow_inplace_modification=True)
        self._passes: tuple[BlockMiddleware, ...] = (
            _NameAccents(), _DanglingAnds(path, problems), _SeparateNames(),
            _ExtendedNames(once=True), _SourceNames(once=True), _SplitNameParts(),
        )

    def transform_entry(self, entry: Entry, library: bibtexparser.Library) -> Block | Collection[Block] | None:
        block: Block | Collection[Block] | None = entry
        for each in self._passes:
            if block is not entry:
                break  # (an error block: the passes after left it as it is)
            block = each.transform_entry(entry, library)
        return block


# (bibtexparser's block ends where it gave up: at the field's name, its value cut off.)
_NO_EQUALS = re.compile(r"\s*([A-Za-z][\w.:-]*)(?:\s|[{\"]|$)")


# A ``@string``'s name, as it defines a macro: ``@string{nips = {NeurIPS}}``.
_STRING_NAME = re.compile(r"@\s*string\s*[{(]\s*([A-Za-z_][\w:.+/'-]*)\s*=", re.IGNORECASE)


class _Lines:
    """A file's text, its lines and where each begins: split once for all the entries
    bibtexparser could not read (once each, a file of 5,000 entries with 500 such took
    seconds more)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = text.split("\n")
        self.starts = [0]
        for line in self.lines[:-1]:
            self.starts.append(self.starts[-1] + len(line) + 1)
        self._strings: frozenset[str] | None = None

    def whole_value(self, value: str) -> bool:
        """Whether a bare value is one BibTeX reads whole: a number, a month's macro
        (``jan``) or the name of a ``@string`` the file defines (any case, as BibTeX's)."""
        word = value.strip().lower()
        if word.isdigit() or word in MONTHS:
            return True
        if self._strings is None:  # (only once an entry needs it, then once a file)
            self._strings = frozenset(name.lower() for name in _STRING_NAME.findall(self.text))
        return word in self._strings

    def start_of(self, block: object) -> int | None:
        """Where the text bibtexparser read as ``block`` starts in the text, if found."""
        raw = getattr(block, "raw", None) or ""
        number = getattr(block, "start_line", None) or 0
        at = self.text.find(raw, self.starts[min(number, len(self.starts) - 1)])
        return at if at >= 0 else None

    def place(self, at: int) -> tuple[int, int]:
        """The line and column (from 1) of the character at ``at``."""
        line = bisect.bisect_right(self.starts, at)
        return line, at - self.starts[line - 1] + 1


def _unreadable(
    source: _Lines, block: ParsingFailedBlock, held: bool = False
) -> tuple[list[tuple[int, int, str]], _Edit | None]:
    """(line, column, what is wrong) of each mistake found in an entry bibtexparser could
    not read: every value left open (and a double quote) at once, where bibtexparser ran
    on past them; else the one where it gave up, in words of the entry rather than of its
    parser, with the edit that fixes it as the words say (`_reread_repaired`); else its
    own words, at the entry's first line. ``held``: whether bibtexparser read the text
    with backslashes held (bibsyntax.braces_counted), put back in its words."""
    first = (block.start_line or 0) + 1
    error = getattr(block, "error", None)
    reason = str(error or "").strip() or str(getattr(error, "abort_reason", "")).strip()
    reason = reason.splitlines()[0] if reason else "syntax error"
    reason = reason.split(" Note: ", 1)[0]  # (what bibtexparser's API offers)
    if held:  # (it may quote the text as bibtexparser read it: braces_counted)
        reason = backslashed(reason)
    raw = block.raw or ""
    named = _unsplit_name(block, error, held)
    if named is not None:
        return [named], None
    # Only when the entry ran on into the next entry or the file's end: a block cut
    # where bibtexparser gave up ("Expected comma after entry key") has its words.
    ran_on = "end of file" in reason or "@" in reason
    # bibtexparser names the entry's first line: each is placed in the entry.
    places = unclosed_values(raw) if ran_on else []
    braces = [
        (first + offset, shifted(block, first - 1 + offset, col), (
            f"the value of {quoted(name)} opens a brace it does not close (so the entry cannot be"
            " read); close it with '}'"
            if name else "this entry is not closed: end it with '}' after its last field"
        ))
        for offset, col, name in places
    ]
    found = unclosed_quote(raw) if ran_on else None
    quote = []
    if found is not None and found[2] not in [name for *_, name in places]:
        offset, col, name = found
        quote.append((first + offset, shifted(block, first - 1 + offset, col), (
            f"the value of {quoted(name)} opens a double quote it does not close (so the entry"
            " cannot be read); close it with '\"'"
        )))
    if braces:  # (and a quote left open in another value: both)
        return sorted(braces + quote), None
    stray = _stray_comma(source, block) if "found `,`" in reason else None
    if stray is not None:  # (its words, "Expected a `=` after entry key", said neither)
        line, col = stray
        return [(line, col, "a comma too many: two commas in a row, with no field between them; delete one")], (
            line, col, ",", " ")
    bare = _bare_value_with_comma(source, block) if "`=`" in reason else None
    if bare is not None:  # (else its words name a field, the value's words after the comma)
        line, col, name, value, read = bare
        return [(line, col, (
            f"the value of {_written(name)} holds a comma but no braces, and a comma ends a value"
            f" ({_written(read)} was read as a field with no '='); write it in braces:"
            f" {_written(f'{name} = {{{value}}}')}"
        ))], (line, col, value, f"{{{value}}}")
    missing = _field_without_equals(source, block) if "`=`" in reason else None
    words = _words_for_a_field(source, block) if missing is not None else None
    if missing is not None and words is not None:
        line, col, _ = missing
        return [(line, col, words)], None  # (which field they are is the curator's to say)
    if missing is not None:
        line, col, name = missing
        return [(line, col, f"field {quoted(name)} has no '=' before its value; write {quoted(f'{name} = ...')}")], (
            line, col, name, f"{name} =")
    nameless = _braced_words(source, block) if "`=`" in reason else None
    if nameless is not None:
        return [nameless], None  # (as `_words_for_a_field`'s: which field is the curator's to say)
    keyed = _key_problem(source, block) if "after entry key" in reason else None
    if keyed is not None:  # (bibtexparser's words are of its parser, not the key)
        col, message, key, fixed, down = keyed
        return [(first + down, col, message)], (first + down, col, key, fixed) if fixed else None
    return quote or [(first, column_of(block), f"cannot read this BibTeX entry: {reason}")], None


def _keyless(entries: list[Entry], text: str, path: str, problems: Problems) -> None:
    """An entry with no citation key (``@article{,``), which bibtexparser reads with an
    empty one: said where its key goes, a warning; imported (its title and the rest
    name the paper; a key only matches it to a file's record on a re-import)."""
    lines: list[str] | None = None  # (split at the first entry without a key: most files have none)
    for entry in entries:
        if entry.key.strip():
            continue
        lines = text.split("\n") if lines is None else lines
        col, kind = _key_place(lines, entry.start_line, entry.raw)
        problems.warning(
            Location(path, entry.start_line + 1, col),
            f"entry @{kind} has no citation key, which BibTeX refuses (biber reads it with an"
            f" empty one): imported without one; write a key before its comma, as '@{kind}{{key,'",
        )


def _key_place(lines: list[str], number: int, raw: str | None) -> tuple[int, str]:
    """The column (from 1) where the citation key of the entry whose head is on line
    ``number`` (from 0) goes, after its brace, and its type as written."""
    first = (raw or "").split("\n", 1)[0]
    line = lines[number] if number < len(lines) else ""
    at = line.find(first) if first else -1
    head = _ENTRY_HEAD.match(line, at) if at >= 0 else None
    return (head.end() + 1, head.group(1)) if head else (1, "misc")


def _unsplit_name(block: ParsingFailedBlock, error: object, held: bool = False) -> tuple[int, int, str] | None:
    """(line, column, what is wrong) of a name in an entry's `author` or `editor` that
    bibtexparser could not split into its parts (too many commas, a brace unpaired), at
    that field, in BibTeX's terms; None for any other error. ``held``: whether names were
    split with backslashes held (bibsyntax.BackslashesBack), put back in the name said."""
    entry = block.ignore_error_block
    if not isinstance(error, InvalidNameError) or not isinstance(entry, Entry):
        return None
    name = backslashed(error.name) if held else error.name
    # (Its value is split into names by now: a list, which holds the name whole; another
    # field's text may hold it too, "title = {Reply to Doe, J., Jr., III}".)
    field = next((f for f in entry.fields if isinstance(f.value, list) and name in f.value), None)
    if field is None:
        return None
    where = _field_location(entry, field.key, "")
    said = (
        "has more commas than a name has in BibTeX ('Last, First' or 'Last, Jr., First'): write"
        " it so, or brace a name that holds a comma ('{Doe, Smith and Co.}')"
        if error.reason == "Too many commas" else
        # (bibtexparser's names do not count a brace a backslash comes before)
        f"cannot be read as a name ({error.reason.lower()}): pair its braces, '{{' with '}}'"
        " and '\\{' with '\\}'"
    )
    return where.line, where.col, f"the name {_written(name)} in {quoted(field.key.lower())} of {entry_named(entry)} {said}"


def _key_problem(source: _Lines, block: object) -> tuple[int, str, str, str, int] | None:
    """(column, what is wrong, the key as written, what to write instead: "" for no sure
    fix, lines below the entry's first) of the citation key on the first line of an
    entry that bibtexparser could not read, or on the next line when none follows the
    brace (``@article{`` over ``k title = ...``, as a head broken before its brace is
    read, `heads_closed_up`): a key holding a brace or a backslash (an exporter's
    accent, "sch{\\"o}lkopf1998"), one followed by a field without the comma between
    them, or none at all; None for anything else. (The block bibtexparser hands back
    stops where it gave up, at a key's brace: the line is read from the file's text.)"""
    raw = (getattr(block, "raw", None) or "").split("\n", 1)[0]
    lines = source.lines
    number = getattr(block, "start_line", None) or 0
    line = lines[number] if number < len(lines) else ""
    at = line.find(raw) if raw else -1
    head = _ENTRY_HEAD.match(line, max(at, 0))
    if at < 0 or head is None:
        return None
    kind, start, down = head.group(1), head.end() + 1, 0
    first = line[head.end():]
    below = next((n for n in range(number + 1, len(lines)) if lines[n].strip()), None)
    if not first.strip() and below is not None and not _FIELD_START.match(lines[below]):
        down, first = below - number, lines[below].lstrip()
        start = len(lines[below]) - len(first) + 1
        below = next((n for n in range(below + 1, len(lines)) if lines[n].strip()), None)
    words = first.split("=", 1)[0].split()
    # The key alone on its line, as most files lay an entry out, with the first field on
    # the next one: the comma after the key is missing just the same.
    after = lines[below] if below is not None else ""
    alone = len(words) == 1 and not re.search(r"[=,]", first) and _FIELD_START.match(after)
    if ("=" in first and len(words) > 1 or alone) and "," not in words[0]:
        return (
            start, f"a comma is missing after the citation key {_written(words[0])}: write {quoted(f'@{kind}{{{words[0]},')}",
            words[0], f"{words[0]},", down,
        )
    key = first.split(",", 1)[0].strip()
    if "," in first and ("{" in key or "\\" in key) and not re.search(r"[\s=]", key):
        plain = "".join(
            ch for ch in unicodedata.normalize("NFKD", clean_latex(key))
            if not unicodedata.combining(ch) and not ch.isspace()
        )
        return start, (
            f"the citation key {_written(key)} holds a brace or a backslash, which no key may:"
            f" write it in plain letters, as {_written(plain)}"
        ), key, plain, down
    if not first.strip():
        return head.end(), (
            f"this entry has no citation key: write one and a comma after its '{{', as '@{kind}{{key,'"
        ), "", "", 0
    return None


_ENTRY_HEAD = re.compile(r"@[ \t]*(\w+)[ \t]*\{[ \t]*")
# A line that begins with a field: its name and "=".
_FIELD_START = re.compile(r"\s*[A-Za-z][\w.:-]*\s*=")


def _stray_comma(source: _Lines, block: object) -> tuple[int, int] | None:
    """(line, column) of the second of two commas in a row between an entry's fields
    (``year = {2020},,``), where bibtexparser gave up, else None. (Its words, "Expected
    a `=` after entry key", said neither, and the field before was called one without
    its "=".)"""
    raw = getattr(block, "raw", None) or ""
    at = source.start_of(block) if raw.rstrip().endswith(",") else None
    if at is None:
        return None
    comma = _BLANKS.match(source.text, at + len(raw)).end()
    return source.place(comma) if source.text.startswith(",", comma) else None


_BLANKS = re.compile(r"\s*")


def _field_without_equals(source: _Lines, block: object) -> tuple[int, int, str] | None:
    """(line, column, name) of the field of an entry written without its ``=`` (``title
    {Missing equals}``), where bibtexparser gave up, else None: on a line of its own, or
    after the key or another field on the entry's first line (``@misc{k, author "X"}``)."""
    # bibtexparser's block stops at the field it could not read, or (a bare value,
    # "year 2020}") runs to the entry's end: the field is what follows the last comma
    # (values before it hold commas; a field's name holds none).
    raw = getattr(block, "raw", None) or ""
    after = raw.rfind(",") + 1
    found = _NO_EQUALS.match(raw.rstrip().rstrip("}").rstrip(), after) if after else None
    at = source.start_of(block) if found else None
    if found is None or at is None:
        return None
    return (*source.place(at + found.start(1)), found.group(1))


def _words_for_a_field(source: _Lines, block: object) -> str | None:
    """What is wrong with words that stand after a field's comma (or the key's) where BibTeX reads them
    as a field without its ``=`` (`_field_without_equals`) but no curator meant one:
    several words with no brace, quote or number (``month = jan, a Survey of Things,``:
    not the field 'a'), whose first is no field the importer reads (``note see the
    appendix`` is the note without its "="), nor, of two words, any field of BibTeX's or
    biblatex's (``publisher Springer``). Said as what BibTeX expects after that comma
    and what was most likely meant: a field's name left out before a value, or (after a
    @string's name) words that go on its value. None for anything else."""
    raw = getattr(block, "raw", None) or ""
    after = raw.rfind(",") + 1
    words = " ".join(raw[after:].rstrip().rstrip("}").split()) if after else ""
    # (Right after the key, "@article{k4, Deep Learning,": the entry's head before them.)
    field = _before_comma(raw, after) if after else ""
    first = words.split()[0].lower() if words else ""
    if (
        not field or len(words.split()) < 2 or not _BARE_WORDS.fullmatch(words)
        or first in READ_FIELDS or (len(words.split()) == 2 and first in FIELD_NAMES)
    ):
        return None
    return _no_fields_words(field, words)


def _braced_words(source: _Lines, block: object) -> tuple[int, int, str] | None:
    """(line, column, what is wrong) of words after a field's comma that start with a
    brace, a backslashed one or a quote, so with no field's name (``\\{x\\} and,`` or ``{x}
    and,`` on a line of their own), where bibtexparser gave up ("Expected a `=` after
    entry key"), said as `_words_for_a_field` says words; None for anything else. (Its
    block may stop before them, at their brace: they are read in the file.)"""
    raw = getattr(block, "raw", None) or ""
    after = raw.rfind(",") + 1
    at = source.start_of(block) if after else None
    if at is None:
        return None
    start = _BLANKS.match(source.text, at + after).end()
    words = _NAMELESS.match(source.text, start)
    if words is None:
        return None
    before = _before_comma(raw, after)
    return (*source.place(start), _no_fields_words(before, " ".join(words.group().split())))


def _before_comma(raw: str, after: int) -> re.Match[str] | str:
    """What stands before the comma that ends at ``after`` in an entry's text ``raw``:
    the field (`_FIELD_BEFORE`), else the entry's head ("@article{k"), else "", none
    named (a field BibTeX cannot read whole, told on its own; or as an earlier mistake's
    fix wrote it, which the curator did not write)."""
    head = re.fullmatch(r"\s*(@\s*\w+\s*\{[^,{}\s]*)\s*", raw[: after - 1])
    return _FIELD_BEFORE.search(raw, 0, after - 1) or (head.group(1) if head else "")


# Words after a comma that start with a brace or quote, up to the next comma, the line's
# end or the entry's "}" (one level of braces within).
_NAMELESS = re.compile(r"(?=\\?[{\"])(?:\\[{}]|\{[^{}\n]*\}|[^{},\n])+(?<=\S)")


def _no_fields_words(field: re.Match[str] | str, words: str) -> str:
    """What is wrong with ``words`` after the comma of ``field`` (`_FIELD_BEFORE`, or the
    text before that comma as written, an entry's head, or ""), where BibTeX expects a field's
    name: most likely a value whose field's name was left out, or (after a @string's
    name) words that go on its value."""
    if isinstance(field, str):
        return (
            (f"after {_written(field + ',')} BibTeX" if field else "after a comma BibTeX")
            + " expects a field's name and '=', and"
            f" {_written(words)} is no field's: if these words are a field's value, write its name"
            f" and '=' before them, the words in braces (as {_written(f'note = {{{words}}}')} for a"
            " note); else delete them"
        )
    name, value = field["name"], field["value"]
    joined = ""
    if value[0] not in '{"' and not value.isdigit() and value.lower() not in MONTHS:
        joined = (  # (a @string's name: "nips, Workshop on X" may be its value and more)
            f"; if they go on the value of {_written(name)}, join them to it with '#':"
            f" {_written(f'{name} = {value} # {{, {words}}}')}"
        )
    return (
        f"after {_written(f'{name} = {value},')} BibTeX expects a field's name and '=', and"
        f" {_written(words)} is no field's: if these words are a field's value, write its name"
        f" and '=' before them, the words in braces (as {_written(f'note = {{{words}}}')} for a"
        f" note){joined}; else delete them"
    )


# The field before a comma (`_words_for_a_field`): its name and its value, bare (a
# number or macro: a value of words is `_bare_value_with_comma`'s), in quotes or in
# braces (one level within).
_FIELD_BEFORE = re.compile(
    r"[{,]\s*(?P<name>[A-Za-z][\w.:-]*)\s*=\s*"
    r"(?P<value>[A-Za-z_\d][\w:.+/'-]*|\"[^\"]*\"|\{(?:[^{}]|\{[^{}]*\})*\})\s*$"
)
# Words alone: no brace, quote, "=", "#" or digit (a name, then a number, is a field).
_BARE_WORDS = re.compile(r"[^{}\"=#\d]+")


def _bare_value_with_comma(source: _Lines, block: object) -> tuple[int, int, str, str, str] | None:
    """(line, column, name, value, the words read as a field) of a field whose value,
    written without braces or quotes, holds a comma (``title = Deep Learning, a
    Survey,``), where bibtexparser gave up at the words after the comma as at a field
    without its ``=``; the value is the rest of its line, up to the next field or the
    entry's end. None when those words are a field's name and its value (``month = jan,
    year 2020``), or follow a value BibTeX reads whole (``month = jan, note foo``): a
    field without its ``=`` (`_field_without_equals`)."""
    raw = getattr(block, "raw", None) or ""
    after = raw.rfind(",") + 1
    read = raw[after:].rstrip().rstrip("}").strip() if after else ""
    field = _BARE_FIELD.search(raw, 0, after - 1) if read else None
    at = source.start_of(block) if field else None
    if field is None or at is None:
        return None
    # Words that read as a field without its "=" are one, unless the value before them
    # is words too, which no bare value is ("a Survey" after "Deep Learning,"). (Read in
    # the file: the block stops at the name, before a value in braces.) After a value
    # BibTeX reads whole (`month = jan, note foo`), the comma ended it as it should: the
    # words after it are a field without its "=", whatever its value ("Attention, is
    # all you need" is no macro's: a value cut at its comma).
    before = field["value"].strip()
    if source.whole_value(before) or (_NAMED_VALUE.match(source.text, at + after) and not re.search(r"\s", before)):
        return None
    line, col = source.place(at + field.start("value"))
    rest = source.lines[line - 1][col - 1:]
    if (next_field := _NEXT_FIELD.search(rest)) is not None:
        rest = rest[: next_field.start()]
    rest = rest.rstrip()
    if rest.endswith("}") and rest.count("}") > rest.count("{"):
        rest = rest[:-1]  # (the entry's closing brace)
    value = rest.rstrip().rstrip(",").rstrip()
    return (line, col, field["name"], value, read) if read in value else None


# The last field before a comma, its value bare: no brace, quote or "#" (a value joined
# of a macro and a string, `jan # "~1"`) in it.
_BARE_FIELD = re.compile(r"[{,]\s*(?P<name>[A-Za-z][\w.:-]*)\s*=\s*(?P<value>[^\s{}\"#,][^{}\"#,]*)\s*$")
# Words after a comma that are a field without its "=" (a name, then a value in braces
# or quotes, or a number): not the words of a value cut at its comma.
_NAMED_VALUE = re.compile(r"\s*[A-Za-z][\w.:-]*\s*(?:[{\"]|\d+\b)")
_NEXT_FIELD = re.compile(r",\s*[A-Za-z][\w.:-]*\s*=")


def _parents(
    entry: Entry, by_key: dict[str, Entry], path: str, problems: Problems
) -> tuple[Entry, ...]:
    """The entries ``entry`` crossrefs, nearest first (biber follows a chain; BibTeX
    one step). Keys match whatever their case, as in BibTeX. An entry whose chain leads
    back to itself has no parents: which entry of a circle would be the volume is not
    knowable, so each keeps its own fields, and the circle is reported at its crossref.
    An entry whose chain only runs into a circle it is not part of takes from the
    entries up to where the chain repeats."""
    chain: list[Entry] = []
    current = entry
    while name := _field(current, "crossref").strip():
        parent = by_key.get(name.casefold())
        if parent is None:
            if current is entry:
                # reported once, at the entry that names it, not at each of its children
                problems.warning(
                    _field_location(current, "crossref", path),
                    f"crossref {_written(name)} names no entry in this file; the entry gets "
                    "only its own fields",
                )
            break
        if parent is entry:
            circle = " -> ".join(e.key for e in (entry, *chain, entry))
            problems.warning(
                _field_location(entry, "crossref", path),
                f"crossref {_written(_field(entry, 'crossref').strip())} leads back to this "
                f"entry ({circle}); the entry gets only its own fields",
            )
            return ()
        if parent in chain:
            break
        chain.append(parent)
        current = parent
    return tuple(chain)


def _has(entry: Entry, name: str, given: dict[str, Field] | None = None) -> bool:
    """Whether ``entry`` gives ``name`` a value (an empty ``author = {}`` is a list).
    ``given``: its fields_dict, when the caller holds it."""
    field = (entry.fields_dict if given is None else given).get(name)
    if field is None or field.value is None:
        return False
    if isinstance(field.value, list):
        return bool(field.value)
    return bool(str(field.value).strip())


def _field(entry: Entry, name: str, given: dict[str, Field] | None = None) -> str:
    field = (entry.fields_dict if given is None else given).get(name)
    return "" if field is None else _value(field)


class _Fields(dict[str, str]):
    """An entry's fields; one it lacks comes from the entries it crossrefs, as BibTeX
    has it (except `_NOT_INHERITED`), whatever their type: BibTeX looks at no types, so
    a paper that crossrefs another paper takes its year and venue too. A volume's
    (`_VOLUMES`) ``title`` is its papers' ``booktitle``, as biblatex maps it: the
    volume's name is the venue; another paper's title is no venue. ``author`` is not
    taken from an edited volume (`_EDITED_VOLUMES`). Read once the middlewares are done
    with the entries: each value is kept as first read."""

    def __init__(self, entry: Entry, parents: tuple[Entry, ...] = ()) -> None:
        self.entry = entry
        self.parents = parents
        # (bibtexparser's Entry.fields_dict builds a new dict at each call: `_record`
        # reads some 70 names an entry, and building them was a third of its time.)
        self._given = [(e, e.fields_dict) for e in (entry, *parents)]
        if not parents:  # (most entries: their own fields only)
            # Every name `_record` asks of every entry (43, 72 asks an entry, most of
            # a field the entry lacks), its value read now: a name asked is then found
            # by the dict itself, not by a method of this class (720,000 calls at
            # 10,000 entries, 0.15-0.2 s). Another name is read when asked
            # (`__missing__`), as every name of an entry that crossrefs is.
            super().__init__(_ASKED)
            for name, field in self._given[0][1].items():
                if name in _ASKED:
                    self[name] = _value(field)

    def owner(self, name: str) -> Entry:
        """The entry whose ``name`` field is read (``entry`` when none has it)."""
        entry, given = self._given[0]
        if _has(entry, name, given) or name in _NOT_INHERITED:
            return entry
        for parent, given in self._given[1:]:
            kind = parent.entry_type.lower()
            if name == "author" and kind in _EDITED_VOLUMES:
                continue
            if _has(parent, name, given):
                return parent
            if name == "booktitle" and kind in _VOLUMES and _has(parent, "title", given):
                return parent
        return entry

    def __missing__(self, name: str) -> str:
        if not self.parents:
            value = _field(self.entry, name, self._given[0][1])
        else:
            owner = self.owner(name)
            given = next(given for entry, given in self._given if entry is owner)
            value = _field(owner, name, given)
            if not value.strip() and name == "booktitle" and owner is not self.entry:
                value = _field(owner, "title", given)
        self[name] = value
        return value


def _value(field: Field) -> str:
    """A field's value as `_field` reads it."""
    return "" if field.value is None else field.value if isinstance(field.value, str) else str(field.value)


# The names `_record` asks of every entry (`_Fields`).
_ASKED = dict.fromkeys((
    "abstract", "journal", "journaltitle", "howpublished", "booktitle", "note", "title", "number",
    "year", "school", "institution", "volume", "slides", "poster", "keywords", "url", "html", "doi",
    "eprint", "arxivid", "archiveprefix", "eprinttype", "arxiv", "primaryclass", "eprintclass", "issue",
    "publisher", "pages", "articleno", "article-number", "pdf", *_CODE_FIELDS, *_KIND_FIELDS, "supp",
    "annote", "annotation",
), "")


def _plain(text: str, html: bool = False, held: bool = False) -> str:
    """LaTeX to text on one line, as TeX typesets it: BibTeX line breaks are just spaces,
    ``--`` between words is a dash, and emphasis keeps only its words (an abstract is
    shown exactly as written, so ``*x*`` would show its stars). A character the exporter
    wrote as an HTML reference (ACM's ``\\&\\#129436;`` for the parrot in "Stochastic
    Parrots") is that character. ``html``: the text is HTML (a note), its inline elements
    kept for notes.note_text to mark; ``held``: its TeX emphasis too (notes.EMPHASIS_HELD)."""
    if not text:
        return text  # (most of the fields an entry is asked for: 200,000 calls at 10,000 entries)
    if "<" in text and not html:
        text = _without_markup(text)
    if "&" in text and not html:
        # (A note's references are its HTML's, read by notes.note_text: "&lt;b&gt;" made
        # "<b>" here would be read there as an element, its text lost.)
        text = _RAW_REF.sub(_char_of, text)
        text = _NAMED_REF.sub(_named_char, text)
    text = clean_latex(text, emphasis=EMPHASIS_HELD if held else False, dashes=True)
    # (Only a text with a run to fold: the pattern matches each single space, 30 µs an
    # abstract of 1,500 characters that has none.)
    return (_SPACES.sub(" ", text) if "\t" in text or "\n" in text or "  " in text else text).strip()


# Crossref's BibTeX (doi.org's answer) carries the markup of its XML: <i>, <sub>, <scp>,
# MathML and JATS elements, and named references ("Science &amp; Technology"). Only a
# pair of such an inline element goes (its text stays), and any namespaced one, so that a
# "<mask>", "<s>" or a lone "<span>" an abstract about HTML writes stays.
_INLINE_TAG = re.compile(r"<(/?)((?i:i|b|em|strong|sub|sup|scp|sc|u|tt|span|small|big))(?:\s[^<>]*)?>")
_NAMESPACED_TAG = re.compile(r"</?[A-Za-z]+:[\w.-]+(?:\s[^<>]*)?/?>")
_MATH_MARK = re.compile("\ue000(\\d+)\ue001")


def _without_markup(text: str) -> str:
    """``text`` without Crossref's markup; its math ("$<i>$") as typed, while a pair
    around math ("<i>the $k$-means</i>") goes."""
    maths: list[str] = []
    pieces, last = [], 0
    for math in math_spans(text):
        maths.append(math.group())
        pieces += [text[last : math.start()], f"\ue000{len(maths) - 1}\ue001"]
        last = math.end()
    pieces.append(text[last:])
    gone = _markup_gone(_NAMESPACED_TAG.sub("", "".join(pieces)))
    return _MATH_MARK.sub(lambda m: maths[int(m.group(1))], gone) if maths else gone


def _markup_gone(text: str) -> str:
    """``text`` without each pair of an inline element, a closing tag taking the nearest
    opening of its name before it (in any case); one pass, so nesting costs nothing."""
    tags = list(_INLINE_TAG.finditer(text))
    opened: dict[str, list[int]] = {}
    dropped: list[int] = []
    for n, tag in enumerate(tags):
        name = tag.group(2).lower()
        if not tag.group(1):
            opened.setdefault(name, []).append(n)
        elif opened.get(name):
            dropped += (opened[name].pop(), n)
    if not dropped:
        return text
    pieces, last = [], 0
    for n in sorted(dropped):
        pieces.append(text[last : tags[n].start()])
        last = tags[n].end()
    pieces.append(text[last:])
    return "".join(pieces)


# (Not "\&amp;": TeX's "&", then the text "amp;", as this tool's export writes "&amp;".)
_NAMED_REF = re.compile(r"(?<!\\)&([A-Za-z][A-Za-z0-9]{1,31});")


def _named_char(match: re.Match[str]) -> str:
    """The character of a named reference (as TeX that typesets it), else as written (a
    whole name only: "&notanentity;" is no "&not" then text)."""
    text = html.entities.html5.get(match.group(1) + ";")
    return match.group() if text is None else _TEX_OF.get(text, text)


# A character reference as an exporter writes it into TeX source (``\&\#38;``, ``&#38;``),
# up to its ";". Not ``\&{}\#38;``: that is how this tool's own export writes the text
# "&#38;" itself, which then reads back as written.
_RAW_REF = re.compile(r"(\\?&\\?#(?:([0-9]{1,7})|[xX]([0-9a-fA-F]{1,6})));")
# Characters TeX reads as markup, written as the TeX that typesets them.
_TEX_OF = {
    "\\": "{\\textbackslash}", "{": "\\{", "}": "\\}", "$": "\\$", "%": "\\%", "&": "\\&",
    "#": "\\#", "_": "\\_", "^": "{\\textasciicircum}", "~": "{\\textasciitilde}",
}


def _char_of(match: re.Match[str]) -> str:
    """The character of a numeric reference (as TeX that typesets it); the reference as
    written when it names no character a text may hold (a control, a surrogate, beyond
    Unicode)."""
    code = int(match.group(2)) if match.group(2) else int(match.group(3), 16)
    if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF or not chr(code).isprintable():
        return match.group(0)
    return _TEX_OF.get(chr(code), chr(code))


def _paragraphs(
    text: str, context: str | None = None, html: bool = False, held: bool = False, groups: bool = True
) -> str:
    """Like `_plain`, but a blank line (a LaTeX paragraph break) stays a paragraph break.
    With ``context`` (the entry's other text), a paragraph's lines are joined as
    `wraps.joined` joins a source's wrapped lines (not a curator's note's: as TeX reads
    them, a line break a space). ``groups``: a brace group over a paragraph break is
    closed and opened again around it (latex.per_paragraph); without, as earlier
    imports read it, each paragraph alone."""
    text = text.strip()
    if "\n" not in text:
        # (One paragraph on one line, most abstracts: nothing to split, close or join.)
        return _plain(text, html, held)
    return "\n\n".join(
        _plain(part if context is None else joined(part.split("\n"), context), html, held)
        for part in _PARAGRAPHS.split(per_paragraph(text, _PARAGRAPHS) if groups else text) if part.strip()
    )


_ET_AL = re.compile(r"[Ee]t\.?\s*al\.?")  # (not "Al, Et", a name)


_SUPERSCRIPT = re.compile(r"\\textsuperscript\s*\{([^{}]*)\}")


def _superscripts_marked(text: str) -> str:
    """``text`` with each ``\\textsuperscript{...}`` written as ``^{...}``, a mark's TeX."""
    # (The pattern only where its command is written: most names have none.)
    return _SUPERSCRIPT.sub(r"^{\1}", text) if "\\textsuperscript" in text else text


def _braced_whole(text: str) -> bool:
    """Whether ``text`` is one brace group, ``{...}``, from its first character to its last."""
    if not (text.startswith("{") and text.endswith("}")):
        return False
    depth = 0
    for at, char in enumerate(text):
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth == 0 and at < len(text) - 1:
            return False
    return True


def name_text(name: NameParts) -> str:
    """A person's name as a paper file keeps it, from its parts as BibTeX splits it:
    given names first ("Ashish Vaswani", "Ana de la Fuente", "Martin Luther King, Jr."),
    but a surname of two words surname first ("García Márquez, Gabriel")."""
    # Google Scholar writes "Steele Jr, Guy L": its "Jr" is no part of the surname.
    last, jr = list(name.last), list(name.jr)
    if not jr and len(last) > 1 and is_suffix(_plain(last[-1])):
        last, jr = last[:-1], last[-1:]
    surname = " ".join(last)
    whole = " ".join(name.first + name.last)
    if name.first and not name.von and " " in _plain(surname) and not is_organisation(whole):
        # A surname of two words ("García Márquez, Gabriel", "{García Márquez}"):
        # kept surname first, as BibTeX reads it back (names.py); shown first name
        # first. (With a "von" part BibTeX finds the surname after it anyway; an
        # organisation, "Gemini Team, Google", is cited braced whole.)
        return ", ".join([surname, *([" ".join(jr)] if jr else []), " ".join(name.first)])
    text = " ".join(name.first + name.von + name.last)
    return text + ", " + " ".join(name.jr) if name.jr else text


# Where BibTeX splits a name into its parts, or an author list into names.
_SPLIT_AT = re.compile(r"[\s,]")


def _authors(
    entry: Entry, path: str = "", problems: Problems | None = None, told: _Told | None = None,
    name_field: str = "author",
) -> tuple[str, ...]:
    """The authors of ``entry``'s list (or of its ``name_field``, "editor"); ``told``: the
    author fields already said to name someone twice (a book's list is read for each
    chapter that crossrefs it)."""
    field = _author_field(entry, name_field)
    if field is None:
        return ()
    names: list[str | None] = []  # None: BibTeX's keyword "others"
    marks = ""
    for name in field.value if isinstance(field.value, list) else [field.value]:
        if hasattr(name, "first"):
            if [part.lower() for part in name.last] == ["others"] and not name.first:
                names.append(None)  # BibTeX's "et al.": the list is incomplete
                continue
            text = name_text(name)
        else:
            text = str(name)
        # (A superscript in a name is a mark, an affiliation's number or a footnote's:
        # read as TeX it would join the surname, "Smith1".)
        plain = _plain(_superscripts_marked(text))
        bare, mark = without_marks(plain)
        # A name braced whole is taken as written (an organisation's, "{\\#}"), and so is
        # one of marks alone: a mark stands beside a name.
        braced = _braced_whole(text.strip())
        if mark and bare and not braced:
            plain = bare
            marks += mark
        elif braced and not mark and _SPLIT_AT.search(plain) and not is_organisation(plain):
            # Braced still if the citations would split it written bare (export_bibtex
            # braces a name with a mark or an organisation's word itself): "Hugging Face"
            # was cited "Face, Hugging", "Smith, John" as "John Smith"; braced whole, the
            # paper file says one unit (names.braced_name). Braces inside it must pair up
            # to be written round it; "{et al}" is the keyword still (below).
            if _braced_whole(f"{{{plain}}}") and not _ET_AL.fullmatch(plain):
                plain = f"{{{plain}}}"
        if plain:
            names.append(plain)
    if len(names) > 1 and isinstance(names[-1], str) and _ET_AL.fullmatch(names[-1]):
        # The keyword in English, as hand-kept files write it ("and et al."): no one's name.
        names[-1] = None
    # The keyword says more authors follow: it counts only last, after a named author. A
    # braced "{others}" is somebody's name, kept wherever it is.
    known = [name for name in names if name is not None]
    if known and names[-1] is None:
        known.append(OTHERS)
    if problems is not None and marks:
        said = ", ".join(_written(mark) for mark in dict.fromkeys(marks.split()))
        problems.warning(
            _field_location(entry, name_field, path),
            f"marks beside {name_field} names of {entry_named(entry)} left out"
            f" ({said}): a mark of equal"
            " contribution, of the corresponding author or of an affiliation is no part of a"
            " name (say it in the paper's notes if it matters)",
        )
    if problems is not None:
        _said_twice(entry, known, path, problems, set() if told is None else told, name_field)
    if problems is not None and None in names[:-1]:
        problems.warning(
            _field_location(entry, name_field, path),
            "'and others' is BibTeX's 'et al.' and counts only last; the names after it"
            " were kept and this one dropped",
        )
    return tuple(known)


def _said_twice(
    entry: Entry, names: list[str], path: str, problems: Problems, told: _Told, name_field: str = "author"
) -> None:
    """An author named twice in one author list (`names.named_twice`), told at the field
    (``name_field``: "author" or "editor", what the list is said to be of)."""
    said = named_twice(names[:-1] if names and names[-1] == OTHERS else names, name_field)
    if not said:
        return
    where = _field_location(entry, name_field, path)
    # (Once, though each chapter crossref'ing a book reads the book's list: by a set of
    # the fields told, as looking through every warning said for each took seconds; the
    # book's own key with its place: `_Told`.)
    if (where, entry.key) not in told:
        told.add((where, entry.key))
        problems.warning(where, f"the {name_field} list of {entry_named(entry)} {said}")


# The fields that name a venue as its name (a thesis's ``school`` and a report's
# ``institution`` say where it was written).
_VENUE_FIELDS = ("journal", "journaltitle", "booktitle")
# Google Scholar's entry of some preprints (Llama 2's, copied into countless
# bibliographies) names the arXiv page as the journal, with a space after each dot,
# question mark and equals sign: ``journal = {URL https://arxiv. org/abs/2307.09288}``,
# ``{URL https://openreview. net/forum? id= nZeVKeeFYf9}``.
_SCHOLAR_URL = re.compile(r"(?is)\s*URL\s+(https?://.*\S)\s*")


def _scholar_address(written: str) -> str:
    """The address of a venue field that is Google Scholar's "URL https://arxiv.
    org/abs/...", whole ("https://arxiv.org/abs/..."); "" for any other value."""
    match = _SCHOLAR_URL.fullmatch(written)
    return re.sub(r"(?<=[.?=&/])\s+(?=\w)", "", match.group(1)) if match else ""


# What a venue from ``school`` or ``institution`` is, by entry type (the BibTeX export
# reads it back: export_bibtex._THESIS, _REPORT, _OTHER_WORK).
_KINDS = {
    "phdthesis": "PhD thesis",
    "mastersthesis": "Master's thesis",
    "techreport": "Technical report",
    "thesis": "Thesis",
    "report": "Report",
}


def _kind(fields: _Fields) -> str:
    """What a thesis or report is, said as the export reads it back: the entry type's,
    or the one its ``type`` field gives (BibTeX prints ``type`` instead of "PhD thesis";
    biblatex's @thesis and @report need it: phdthesis, mathesis, techreport)."""
    kind = _KINDS.get(fields.entry.entry_type.lower(), "")
    given = _plain(fields["type"]) if kind else ""
    letters = re.sub(r"[^a-z]", "", given.lower())
    if "report" in letters or "techrep" in letters or "memo" in letters:
        return "Technical report" if "tech" in letters or kind == "Technical report" else kind
    # (Bachelor's and master's before "dissertation": "Master's dissertation" is one.)
    if "bachelor" in letters:
        return "Bachelor's thesis"
    if letters in _MASTERS or "master" in letters:
        return "Master's thesis"
    if "phd" in letters or "doctor" in letters or "dissertation" in letters:
        return "PhD thesis"
    # Any other type ("Diss.", "Diplomarbeit", "Manual"): the entry type's kind, which the
    # export reads back (a word it does not know would make the work a conference).
    return kind


def _venue_kind(fields: _Fields, venue: str) -> str:
    """What the entry says its venue is, kept so that the export cites it as the source
    did: a journal's name does not always say so ("Information Fusion"), and a
    conference's may hold a journal's word ("Artificial Intelligence and Statistics").
    Nothing for a preprint, a software repository, a thesis or report, a venue from
    another field, or a `journal` whose name says it is proceedings; a conference for a
    `journal` that is a series of conference proceedings (venuewords.proceedings_series)."""
    if not venue or _preprint(venue) or names_software(venue):
        return ""  # (GitHub's citation snippet gives `journal = {GitHub repository}`)
    if venue in (_plain(fields["journal"]), _plain(fields["journaltitle"])):
        # (Not a conference's proceedings in `journal`, as Google Scholar writes NeurIPS:
        # no kind, and the export reads the name; a series of proceedings, PMLR, is sure.)
        if proceedings_series(venue):
            return "conference"
        return "" if names_proceedings(venue) else "journal"
    if venue == _plain(fields["booktitle"]):
        return "book" if fields.entry.entry_type.lower() in _IN_BOOKS else "conference"
    return ""


# Entry types whose ``booktitle`` is an edited book, not proceedings.
_IN_BOOKS = frozenset({"incollection", "inbook", "bookinbook", "suppbook", "inreference"})


_MASTERS = frozenset({"ma", "ms", "msc", "mathesis", "msthesis", "mscthesis"})


# The entry types BibTeX's standard styles and biblatex define (its regular types, its
# aliases of BibTeX's, and the types it names for styles to support), and those this
# reader reads on purpose (`_BY_ORGANIZATION`'s "webpage"). Any other type is a slip
# ("@artcle") or a tool's own; BibTeX typesets it with its default, @misc, and biber
# warns and reads it as @misc.
_ENTRY_TYPES = frozenset({
    # BibTeX
    "article", "book", "booklet", "conference", "inbook", "incollection", "inproceedings",
    "manual", "mastersthesis", "misc", "phdthesis", "proceedings", "techreport", "unpublished",
    # biblatex
    "mvbook", "bookinbook", "suppbook", "collection", "mvcollection", "suppcollection", "dataset",
    "online", "patent", "periodical", "suppperiodical", "mvproceedings", "reference",
    "mvreference", "inreference", "report", "set", "software", "thesis", "xdata",
    "customa", "customb", "customc", "customd", "custome", "customf",
    "electronic", "www",
    "artwork", "audio", "bibnote", "commentary", "image", "jurisdiction", "legislation",
    "legal", "letter", "movie", "music", "performance", "review", "standard", "video",
})
# Entries that set a bibliography style's options, no paper: IEEEtran.bst's
# ``@IEEEtranBSTCTL{IEEEexample:BSTcontrol, CTLuse_forced_etal = "yes"}``, which IEEE's
# templates put in a paper's .bib file. Skipped without a word (it was an error, an
# entry with no title, and then a warning to write it as a @misc, which breaks the style).
_STYLE_CONTROLS = frozenset({"ieeetranbstctl"})
# An entry's type as written, after its "@".
_TYPE_AT = re.compile(r"@[ \t]*([^\s{(]+)")


def _unknown_types(entries: list[Entry], text: str, path: str, problems: Problems) -> None:
    """An entry of a type no BibTeX or biblatex style knows (``@artcle``,
    ``@inprocedings``) is told at its type, with the type it most plausibly meant, and
    read as a @misc, as BibTeX and biber read it: imported with every field it has, not
    dropped (a misspelt type loses no paper), nor read as a guessed type."""
    types = _ENTRY_TYPES | _BY_ORGANIZATION | _VOLUMES | _BOOKS | _IN_BOOKS | set(_KINDS) | _STYLE_CONTROLS
    known: list[str] = []  # (sorted for `closest` at the first such entry)
    lines: list[str] | None = None  # (split there too: most files have none)
    for entry in entries:
        if entry.entry_type.lower() in types:
            continue
        known = known or sorted(types)
        lines = text.split("\n") if lines is None else lines
        first = (entry.raw or "").split("\n", 1)[0]
        line = lines[entry.start_line] if entry.start_line < len(lines) else ""
        at = line.find(first) if first else -1
        head = _TYPE_AT.match(line, at) if at >= 0 else None
        written = head.group(1) if head else entry.entry_type
        col = head.start(1) + 1 if head else 1
        meant = closest(entry.entry_type.lower(), known)
        hint, fix = (f" (did you mean @{meant}?)", "correct the type") if meant else (
            "", "write one of theirs (@misc if none fits)")
        problems.warning(
            Location(path, entry.start_line + 1, col),
            f"@{written} is no BibTeX or biblatex entry type{hint}; {entry_named(entry)} is"
            f" imported as a @misc, as BibTeX and biber read it: {fix}",
        )
        entry.entry_type = "misc"


def _keys_of_broken_entries(
    library: bibtexparser.Library, source: _Lines | None, path: str, problems: Problems
) -> None:
    """A key given twice where one of the two entries could not be read: bibtexparser
    compares only the entries it read, so the second surfaced only once the first was
    fixed. Said at the second, with the others, in one run; a key without its comma after
    it too (`_key_problem`), as the entry is read with the comma (`_reread_repaired`)
    without the entries read well; and a key holding a brace, by the plain letters its
    message says to write (``{Smith}2020`` is ``Smith2020``), named as written."""
    said = {block.start_line for block in library.failed_blocks if isinstance(block, DuplicateBlockKeyBlock)}
    # (line, key, as written, the block's column)
    keyed = [(entry.start_line, entry.key, entry.key, column_of(entry)) for entry in library.entries]
    for block in library.failed_blocks:
        if isinstance(block, DuplicateBlockKeyBlock):
            keyed.append((block.start_line, block.key, block.key, column_of(block)))
            continue
        found = ENTRY_KEY.match((block.raw or "").lstrip())
        if found and found.group(1).lower() not in ("string", "comment", "preamble"):
            keyed.append((block.start_line, found.group(2), found.group(2), column_of(block)))
        elif source is not None and (keyless := _key_problem(source, block)) and keyless[3]:
            written, fixed = keyless[2], keyless[3]
            # (The key the comma is missing after, or the plain letters of one with a brace.)
            keyed.append((block.start_line, written if fixed == written + "," else fixed, written, column_of(block)))
    first: dict[str, tuple[int, str]] = {}
    for line, key, written, col in sorted(keyed, key=lambda item: item[0] or 0):
        if key in first and line not in said:
            at, as_written = first[key]
            problems.error(
                Location(path, (line or 0) + 1, col),
                f"duplicate BibTeX key {_written(written)} (first at line {at + 1}"
                + (f", as {_written(as_written)}" if as_written != written else "")
                + "); give each entry its own key",
            )
        first.setdefault(key, (line or 0, written))




# A full stop after a word of four small letters or more, ending a title; not one that
# ends an abbreviation of that length (`_ABBREVIATIONS`: "with approx.", "Proc. Natl.").
_TITLE_STOP = re.compile(r"(?<=[a-z]{4})\.$")
_LAST_WORD = re.compile(r"(\w+)\.$")
# Abbreviations of four letters or more that a title may end with (a shorter one, "et
# al.", "etc.", "Proc.", is no word of four small letters): ISO 4's and everyday
# English's, lower case.
_ABBREVIATIONS = frozenset("""
    abbrev approx assoc commun comput cont conf dept engl incl intell intl misc natl prelim
    proc resp suppl symp tech techn trans univ
""".split())


def _without_final_stop(title: str) -> str:
    """``title`` (as `_plain` gives it) without a final `_TITLE_STOP`, unless that ends
    one of `_ABBREVIATIONS`."""
    # (Both patterns end at a full stop, and _plain strips: most titles need neither.)
    if not title.endswith("."):
        return title
    last = _LAST_WORD.search(title)
    return title if last and last.group(1).casefold() in _ABBREVIATIONS else _TITLE_STOP.sub("", title)


@functools.lru_cache(maxsize=4096)
def _preprint(text: str) -> bool:
    """Whether ``text`` (a venue, a publisher) names a preprint server (matchkeys.PREPRINT):
    asked of each entry's venue up to four times, and a file names the same few venues
    entry after entry (1.3 us a search of a conference's name)."""
    return PREPRINT.search(text) is not None


def _record(
    fields: _Fields,
    path: str,
    problems: Problems,
    left_out: list[tuple[Location, str]] | None = None,
    dated: list[tuple[Location, str]] | None = None,
    told: _Told | None = None,
    key_source: str = "",
) -> Record | None:
    """The record of an entry (None for one without a title), its key kept with
    ``key_source`` (the exporting tool's, or "BibTeX": ingest.parse_text)."""
    entry = fields.entry
    source = Location(path, entry.start_line + 1, column_of(entry))
    # (Without the full stop Google Scholar ends some titles with, "Lora: Low-rank
    # adaptation of large language models."; not an abbreviation's, "et al.", "etc.")
    # (The title and abstract as wrapped in the file, a word hyphenated at a line's end
    # spelt as the other says it: see wraps.joined.)
    context = f"{fields['title']}\n{fields['abstract']}"
    title = _without_final_stop(_plain(joined(fields["title"].split("\n"), context)))
    if not title:
        # Skipped with a warning, as RIS's record without a title is: the entry itself is
        # read for sure (a parse error, which leaves the file's entries uncertain, stops the
        # import still), it just names no paper to match or write; one such entry of a
        # lab's 300 must not keep the other 299 out.
        problems.warning(
            source,
            f"{entry_named(entry, 'BibTeX entry')} has no title; skipped, nothing imported from it:"
            " give it one (title = {...}) to import it, or delete the entry",
        )
        problems.skip(source, "BibTeX entry", "no title", warned=True)
        return None
    written_url = _unescape(fields["url"]).strip()
    url = clean_url(written_url) or _anchor_address(written_url)
    if written_url and not url:
        _left_out(fields, "url", written_url, path, problems)
    # al-folio's `html`: the paper's page, which may be its arXiv or DOI page.
    written_html = _unescape(fields["html"]).strip()
    html = clean_url(written_html)
    if written_html and not html:
        _left_out(fields, "html", written_html, path, problems)
    doi = _doi(fields, path, problems) or next((d for a in (url, html) if a and (d := doi_from_url(a))), "")
    # (Mendeley writes the id in `arxivId` too, beside `eprint`.)
    eprint = _unescape(fields["eprint"] or fields["arxivid"]).strip()
    arxiv = ""
    prefix = fields["archiveprefix"].lower() or fields["eprinttype"].lower()
    if prefix in ("", "arxiv"):
        # (An eprint that is the arXiv page's address: its id, as a `url`'s is read.)
        arxiv = normalize_arxiv(eprint) or arxiv_id(clean_url(eprint))
        # (Said where it is meant as an arXiv id: its prefix says so, or its shape does.
        # Another eprint without a prefix may be another server's, a HAL id.)
        if not arxiv and eprint and (prefix == "arxiv" or _LIKE_ARXIV.fullmatch(eprint)):
            problems.warning(
                _written_at(fields.owner("eprint"), "eprint", fields["eprint"].strip(), path),
                f"eprint {_written(eprint)} of {entry_named(entry)} is no arXiv identifier (YYMM.NNNNN,"
                " with a month from 01 to 12, or archive/YYMMNNN); left out",
            )
    written_arxiv = _unescape(fields["arxiv"]).strip()
    if not arxiv and written_arxiv:
        # al-folio's `arxiv` (its "arXiv" button): the id, or as some write it the page.
        arxiv = normalize_arxiv(written_arxiv) or arxiv_id(clean_url(written_arxiv))
        if not arxiv:
            problems.warning(
                _written_at(entry, "arxiv", fields["arxiv"].strip(), path),
                f"arxiv {_written(written_arxiv)} of {entry_named(entry)} is no arXiv identifier (YYMM.NNNNN,"
                " with a month from 01 to 12, or archive/YYMMNNN); left out",
            )
    if not arxiv:
        arxiv = next((i for a in (url, html) if a and (i := arxiv_id(a))), "")
    match = _ARXIV_NUMBER.fullmatch(_plain(fields["number"]))
    numbered = normalize_arxiv(match.group(1)) if match else ""
    arxiv = arxiv or numbered
    # The id is the arXiv field's (exported as `eprint`), no number of the institution's
    # nor an issue: "Technical report arXiv:2303.08774, OpenAI" was no report to the export.
    number_is_arxiv = bool(numbered) and numbered == arxiv
    howpublished = _unescape(fields["howpublished"])
    note = _unescape(fields["note"])
    # Google Scholar's address in a venue field is the paper's page, not its venue (see
    # `_scholar_address`); any other venue is read as written.
    scholar = {name: _scholar_address(fields[name]) for name in _VENUE_FIELDS}
    venue_addresses = [a for text in scholar.values() for a in _addresses(_unescape(text))]
    if not arxiv:
        # (Also a venue field of another kind: "arXiv preprint arXiv:1606.04671" as the
        # `booktitle` of an @inproceedings, or biblatex's `journaltitle`.)
        match = _ARXIV_IN_TEXT.search(" ".join((
            fields["journal"], fields["journaltitle"], fields["booktitle"], howpublished, note)))
        arxiv = normalize_arxiv(match.group(1)) if match else ""
    if not (arxiv and doi):
        # An arXiv or DOI page's address in `howpublished` (or an arXiv page's in `note`,
        # where an "arXiv:..." is read too, above) names the paper as a `url` does; it
        # was a "paper" link only, with no arXiv or DOI badge.
        pages = [clean_url(a) for a in [*_addresses(howpublished), *venue_addresses]]
        noted = [clean_url(a) for a in _addresses(note)]
        arxiv = arxiv or next((i for a in pages + noted if (i := arxiv_id(a))), "")
        doi = doi or next((d for a in pages if (d := doi_from_url(a))), "")
    if not arxiv and _preprint(fields["journal"] or fields["journaltitle"]):
        match = _ARXIV_VOLUME.match(fields["volume"])
        arxiv = normalize_arxiv(match.group(1)) if match else ""
    if arxiv_of_doi(doi):
        # arXiv's own DOI (exporters such as Semantic Scholar and arXiv itself write it)
        # names the preprint: its arXiv id, not a "publisher's page".
        arxiv, doi = arxiv or arxiv_of_doi(doi), ""
    year = _year(fields, path, problems)
    # A venue a reader would name: the journal (biblatex: journaltitle) or proceedings,
    # else a thesis's university, a report's institution, or how a work was published
    # when that is words ("arXiv preprint arXiv:1810.04805", as the export writes a
    # preprint) rather than an address.
    # (The raw field: _plain reads its TeX once; ``howpublished`` is already unescaped.)
    published = _published(fields["howpublished"]) if _addresses(howpublished) else fields["howpublished"]
    named = ["" if scholar[name] else _plain(fields[name]) for name in _VENUE_FIELDS]
    elsewhere = (_plain(fields["school"]), _plain(fields["institution"]), _plain(published))
    # (Semantic Scholar gives the preprint's `journal = {ArXiv}` beside the published
    # `booktitle = {International Conference on Learning Representations}`: the latter.)
    venue = next((text for text in named if text and not _preprint(text)), "")
    venue = venue or next((text for text in (*named, *elsewhere) if text), "")
    authors = _authors(fields.owner("author"), path, problems, told)
    editors = _authors(fields.owner("editor"), path, problems, told, "editor")
    bodies = _organizations(fields)
    read_before: tuple[ReadBefore, ...] = ()
    if editors and not authors and not bodies and fields.entry.entry_type.lower() in _EDITED_BOOKS:
        # A book edited as a whole is by its editors, and a paper file names them as its
        # `editors` now: cited as BibTeX's @book{…, editor = …}, shown "Edited by …". An
        # earlier import (bk1) made them its authors, which a re-import takes back where
        # the file still holds them as that import wrote them (a curator's list stays).
        read_before += (ReadBefore(
            ("authors",), (editors,), "its editors, which an earlier import took as its authors", written=True,
        ),)
    if bodies and not authors:
        authors = bodies  # (APA's and Chicago's author of a page no person signs)
        if not fields["organization"].strip() and venue == _plain(fields["institution"]):
            venue = ""  # (the institution that wrote it: its author, not also its venue)
            read_before += (ReadBefore(
                ("venue",), (_plain(fields["institution"]),),
                "the institution that wrote it, now its author, which an earlier import took as its venue",
            ),)
    elif bodies and not venue:
        venue = ", ".join(bodies)  # (biblatex prints it where a publisher goes)
    elif editors and not authors and not bodies and fields.entry.entry_type.lower() not in _EDITED_BOOKS:
        # A chapter's or paper's editors are its book's or proceedings', never its authors:
        # its page and citation would name nobody. Said only where its paper's file has
        # no authors after the import (a curator who wrote them is not told again).
        problems.warning_about(
            _field_location(fields.owner("editor"), "editor", path),
            f"{entry_named(entry)} has editors and no author: its editors are imported as its"
            " `editors` (of the book it is in), and it has no authors; write them in its file's"
            " `authors`",
            (source,), authorless=True,
        )
    kind = _kind(fields)
    if kind == "Technical report" and _plain(fields["number"]) and not number_is_arxiv:
        # The report's number goes with its kind, as the export writes it back:
        # "Technical report No. 42, Stanford".
        kind = f"{kind} {_plain(fields['number'])}"
    where = _plain(fields["school"]) or _plain(fields["institution"])
    if kind and not (fields["journal"] or fields["journaltitle"] or fields["booktitle"]):
        # A thesis or report says so beside its university or institution: "Universität
        # Tübingen" alone read (and was exported) as a conference. Without one, it says
        # what it is.
        if venue and venue == where:
            venue = f"{kind}, {venue}"
        elif not venue:
            venue = kind
    first = first_version_year(arxiv) if arxiv and (not venue or _preprint(venue)) else ""
    arxiv_class = (
        fields["primaryclass"].strip() or fields["eprintclass"].strip() or ARXIV_WITH_CLASS.search(note)
    )
    if first and (not year or (first < year and arxiv_class)):
        # arXiv's own export (with its primaryClass) gives the latest version's year:
        # "Attention Is All You Need", 1706.03762, as of 2023; so does Zotero, whose
        # Better BibLaTeX export writes biblatex's eprintclass, and whose own BibTeX (and
        # RIS) export notes "arXiv:1706.03762 [cs]". A preprint is of the year
        # its id says, as `add` takes it from arXiv's first version. (Not any later year:
        # a curator's, exported by this tool, reads back as written.)
        year = first
    volume, number, pages, publisher = _locator(fields, venue, kind, number_is_arxiv)
    if left := no_place(venue, volume, number, pages, f"of {entry_named(entry)}"):
        before, said = left
        problems.warning(_field_location(fields.owner(before.names[0]), before.names[0], path), said)
        volume = number = pages = ""
        read_before += (before,)
    if DATE_VOLUME.fullmatch(volume):
        # Mendeley's "2017-Decem", as its RIS writes "2016-December": the month of a
        # conference, not a volume; said once a file (parse_bibtex), as RIS's is, and taken
        # out where an earlier import wrote it.
        if dated is not None:
            dated.append((_field_location(fields.owner("volume"), "volume", path), volume))
        read_before += (dated_volume(volume),)
        volume = ""
    volume, pages = _impossible_locator(fields, volume, pages, path, problems)
    abstract, notice = without_notice(written := _paragraphs(fields["abstract"], context))
    # (An earlier import read a line's end as a space: "English-to- French", "repre- sentation".)
    older = _paragraphs(fields["abstract"]) if wrapped_at_hyphen(fields["abstract"]) else written
    read_before += hyphenated_before(older, written)
    if per_paragraph(fields["abstract"].strip(), _PARAGRAPHS) != fields["abstract"].strip():
        # (An earlier import read each paragraph alone: emphasis over a blank line kept
        # its "\emph{".)
        read_before += _read_apart(_paragraphs(fields["abstract"], context, groups=False), written)
    if notice:
        read_before += (with_notice(older, notice),)
    links = list(abstract_links(abstract))
    # Addresses outside `url`: PMLR's `pdf`, MIT Press's `eprint` (its PDF), and
    # `howpublished = {\url{...}}` and `note = {Code: https://...}` of entries without a
    # `url` field (\url{} is unwrapped by find_url_spans).
    written_pdf = _unescape(fields["pdf"]).strip()
    direct = [url, html, clean_url(written_pdf)]
    if written_pdf and not direct[-1]:
        _left_out(fields, "pdf", written_pdf, path, problems)
    if not arxiv and find_url_spans(eprint):
        direct.append(clean_url(eprint))
        if not direct[-1]:  # (an http(s) address check would refuse: a space inside)
            _left_out(fields, "eprint", eprint, path, problems)
    elif not arxiv and "://" in eprint:  # (not an identifier: an address of no http(s))
        _left_out(fields, "eprint", eprint, path, problems)
    found = []
    # The words of `howpublished` and `note` around an address say what it is as an
    # abstract's do ("Code: https://github.com/...", "code available at ..." the paper's
    # own code; "the code of Smith et al. at ..." another's): read alike. (The same words
    # gave a paper official code in its abstract, and none in a lab's note.)
    # (Each field's first reading of an address: howpublished's before note's.)
    worded = worded_links(_plain(fields["howpublished"]), _plain(fields["note"]))
    own_code = set()  # the pages a code field names: the paper's own code, as al-folio's "Code" button
    for name in ("howpublished", "note", *_CODE_FIELDS, *_VENUE_FIELDS):
        text = scholar[name] if name in scholar else fields[name]
        for address, written in _addresses(_unescape(text)).items():
            found.append(clean_url(address))
            if name in _CODE_FIELDS and found[-1]:
                own_code.add(same_page(found[-1]))
            if not found[-1]:  # (told as written: "https://" was only how it was read)
                _left_out(fields, name, written, path, problems, address)
    said = [
        (clean_url(text[start:end]), kind)
        for name, kind in _KIND_FIELDS.items()
        for text in [_unescape(fields[name])]
        for start, end in find_url_spans(text)
    ]
    for name in ("poster", "slides"):
        written = _unescape(fields[name]).strip()
        if written and not find_url_spans(written):  # (al-folio's file name of one)
            _left_out(fields, name, written, path, problems)
    if _unescape(fields["supp"]).strip():
        problems.warning(
            _field_location(entry, "supp", path),
            f"supp (supplementary material) of {entry_named(entry)} is not imported: a paper's"
            " links have no kind for it; add it by hand, with a note, if it should be shown",
        )
    for address, kind in [(u, "") for u in direct + found] + said:
        if not address or _repeats_badge(address, arxiv, doi):
            continue  # the arXiv or DOI badge's own page: a "Paper" badge would repeat it
        if all(same_page(link.url) != same_page(address) for link in links):
            link = make_link(address, "bibtex")
            if kind and link.kind in ("project", "pdf"):  # (its host says no more)
                link = replace(link, kind=kind)
            else:
                link = as_worded(link, worded)
            if same_page(address) in own_code:
                link = _own_code(link, links)
            links.append(link)
    # Each tag once, in the entry's order (arXiv's DataCite export repeats its "FOS" ones).
    # (A character reference's own ";" is no separator: ACM's "ethics \&\#38; safety".)
    # EndNote writes one keyword a line, with no separator, and a keyword may hold a comma
    # (MeSH's "Polymorphism, Single Nucleotide"): a value most of whose lines hold no comma
    # or semicolon is split at its line breaks; in a wrapped list they are spaces.
    written_keywords = _RAW_REF.sub(lambda m: m.group(1) + "\0", fields["keywords"])
    lines = written_keywords.strip().split("\n")
    one_a_line = len(lines) > 1 and 2 * sum(bool(re.search(r"[,;]", line)) for line in lines) < len(lines)
    separator = r"\n" if one_a_line else r"[,;]"
    keywords = list(dict.fromkeys(
        _plain(k.replace("\0", ";")) for k in re.split(separator, written_keywords)
    ))
    venue_kind = _venue_kind(fields, venue)
    read_before += series_read_before(venue, venue_kind)
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
        tags=tuple(k for k in keywords if k),
        key=entry.key,
        key_source=key_source,
        **_curators_notes(entry, fields, path, read_before, left_out),
    )


def _curators_notes(
    entry: Entry, fields: _Fields, path: str, read_before: tuple[ReadBefore, ...],
    left_out: list[tuple[Location, str]] | None = None,
) -> dict[str, object]:
    """The notes a curator wrote on the entry in a reference manager, as Zotero and
    Mendeley export them (``annote``; biblatex's ``annotation``), as text (Markdown), and
    where they are; not the notes Zotero writes itself (notes.machine_note: arXiv's
    "Comment: 10 pages"). (``note`` is the bibliography's, printed with the reference:
    read for an arXiv id and addresses.) With ``read_before``, and the notes as earlier
    imports read them (notes.notes_read_before)."""
    dropped: list[tuple[Location, str]] = []  # the first note left out (notes.worth_saying)
    for name in ("annote", "annotation"):
        if not fields[name].strip():
            continue  # (no note: most entries; reading nothing took 13 µs)
        # (its TeX emphasis held for note_text to mark, unless it holds such marks itself)
        held = not holds_marks(fields[name])
        text = note_text(_note_html(fields[name], held), held=held)
        # An exporter's note told by its words, not its bold or italics ("<b>Comment</b>:
        # 10 pages" is "Comment: 10 pages"), as earlier imports told it.
        read = note_text(_note_html(fields[name], held), marks=False, held=held)
        if text and not machine_note(read):
            return {
                "notes": text, "notes_at": _field_location(entry, name, path),
                "read_before": read_before + notes_read_before(read, text) + _groups_read_before(fields[name], held, text),
            }
        if text and worth_saying(read) and not dropped:
            dropped.append((_field_location(entry, name, path), read))
    if left_out is not None:
        left_out += dropped
    return {"read_before": read_before}


def _read_apart(older: str, written: str) -> tuple[ReadBefore, ...]:
    """The abstract as imports read it before a brace group over a blank line was closed
    around it (``older``), when it differs from ``written``: taken out of a paper's file
    where it is still the importer's, said as this import's reading, not as a corrected
    source record."""
    if older == written:
        return ()
    return (ReadBefore(
        ("abstract",), (without_notice(older)[0],), "read with TeX emphasis over a blank line left open, as an earlier import read it",
    ),)


def _groups_read_before(written: str, held: bool, text: str) -> tuple[ReadBefore, ...]:
    """The notes ``text`` as imports read them before a brace group over a blank line was
    closed around it (``\\emph{a\n\nb}`` left a raw "\\emph{"): a re-import knows
    them for its own (updated, not "note not merged" on every import)."""
    if per_paragraph(written.strip(), _PARAGRAPHS) == written.strip():
        return ()
    older = note_text(_note_html(written, held, groups=False), held=held)
    if older == text:
        return ()
    return (ReadBefore(("notes",), (older,), "an earlier import left TeX emphasis over a blank line unread"),)


# A note's preformatted block, Zotero's ``<pre>…</pre>`` (its lines are its own).
_PRE = re.compile(r"(?is)(<pre\b[^<>]*>)(.*?)(</pre\s*>)")
_HELD_PRE = re.compile("\ue010(\\d+)\ue011")


def _note_html(written: str, emphasis: bool, groups: bool = True) -> str:
    """A note's value as text (`_paragraphs`), but the lines of a ``<pre>`` as written,
    only its TeX escapes undone (``my\\_pkg``): `_plain` reads a line break, and the
    spaces that indent a line, as one space, as TeX would. ``emphasis``: its TeX emphasis
    held for note_text (`_plain`); ``groups``: `_paragraphs`'."""
    if not _PRE.search(written) or "\ue010" in written:  # (no mark of its own is read as one)
        return _paragraphs(written, html=True, held=emphasis, groups=groups)
    held: list[str] = []

    def hold(match: re.Match[str]) -> str:
        held.append(_unescape(match.group(2)))
        return f"{match.group(1)}\ue010{len(held) - 1}\ue011{match.group(3)}"

    return _HELD_PRE.sub(
        lambda m: held[int(m.group(1))], _paragraphs(_PRE.sub(hold, written), html=True, held=emphasis, groups=groups)
    )


# Entry types whose ``organization`` is the body that made the work, biblatex's "the
# organization that published a @manual or an @online resource" (a blog post or model
# card: ``@online{..., organization = {OpenAI}}``). Not an @inproceedings' or
# @proceedings', where it is the conference's sponsor (Google Scholar's "organization =
# {IEEE}"), nor an @article's.
_BY_ORGANIZATION = frozenset({"online", "electronic", "www", "webpage", "manual", "misc", "software", "dataset"})


def _organizations(fields: _Fields) -> tuple[str, ...]:
    """The organizations an entry of `_BY_ORGANIZATION` names in ``organization``, each
    as text: one as BibTeX reads it ("Computer Science and Artificial Intelligence
    Laboratory"), or a list as biblatex's with a name braced in it ("OpenAI and
    {Research and Development Lab}" is two).
    Without an ``author``, APA and Chicago cite such a work under its organization, as
    Google Scholar and arXiv name "OpenAI" the author of its reports: the authors; with
    one, it is where the work was published, as biblatex prints it: the venue when the
    entry names none."""
    if fields.entry.entry_type.lower() not in _BY_ORGANIZATION:
        return ()
    # (Or its ``institution``, as exporters write the body that put out a @misc or
    # @online: "institution = {Allen Institute for AI}" was read as its venue.)
    written = fields["organization"].strip() or fields["institution"].strip()
    if not written:
        return ()
    split = names_split(written)
    if not any(_braced_whole(name.strip()) for name in split):
        # (BibTeX reads it as written: "Computer Science and Artificial Intelligence
        # Laboratory" is one; a list as biblatex's has a braced name in it.)
        split = [written]
    names = (_plain(_braced_less(name)) for name in split)
    return tuple(dict.fromkeys(name for name in names if name))


def _braced_less(name: str) -> str:
    """A name without the braces around it whole ("{Research and Development Lab}")."""
    return name[1:-1] if _braced_whole(name.strip()) else name


# Entry types that are a book as a whole, which a publisher and no venue stand for (see
# schema "publisher"). Any other entry's publisher without a venue is left out: a @misc's
# is the repository it sits in (arXiv's DataCite export names "arXiv", Zenodo "Zenodo"),
# and an @article without its journal is not made a book by it.
_BOOKS = frozenset({
    "book", "mvbook", "collection", "mvcollection", "proceedings", "mvproceedings", "reference",
    "mvreference",
})


# Entry types that are an edited book as a whole, whose editors are the people to credit
# when it names no author (bk1; as a Markdown list's edited book, imp38). Not a
# proceedings volume, which is no paper (`_PROCEEDINGS`).
_EDITED_BOOKS = _BOOKS - _PROCEEDINGS


def _locator(
    fields: _Fields, venue: str, kind: str, number_is_arxiv: bool = False
) -> tuple[str, str, str, str]:
    """Volume, number, pages and publisher, each as the reader sees it (``--`` an en
    dash). None for a preprint (DBLP's CoRR gives ``volume = {abs/2106.09685}``), nor
    without a venue unless the entry is a book (`_BOOKS`); no number for a report whose
    venue holds it ("Technical report 42, Stanford"). biblatex's ``issue`` stands in for
    a missing number, ACM's ``articleno`` (MDPI's ``article-number``) for missing pages (an article number, as DBLP
    writes "115:1--115:35"). ``number_is_arxiv``: the number is the paper's arXiv id."""
    if venue and _preprint(venue) or not (venue or fields.entry.entry_type.lower() in _BOOKS):
        return "", "", "", ""  # (without a venue, the volume and pages of nothing a reader can name)
    # (not the preprint's "abs/2106.09685" an entry naming both gives: see _record)
    volume = "" if _ARXIV_VOLUME.match(fields["volume"]) else _plain(fields["volume"])
    number = ("" if number_is_arxiv else _plain(fields["number"])) or _plain(fields["issue"])
    if kind.startswith("Technical report ") and venue.startswith(kind):
        number = ""
    publisher = _plain(fields["publisher"])
    if _preprint(publisher):
        publisher = ""
    pages = en_dashed_pages(written) if (written := _plain(fields["pages"])) else ""
    article = _plain(fields["articleno"]) or _plain(fields["article-number"])  # (ACM's; MDPI's)
    return volume, number, pages or article, publisher


# A volume that is a negative number: what no publication has (as models.unreadable_pages'
# pages: hunt9's Zotero .bib gave `pages = {12-}`, written to the paper's file in silence).
_NEGATIVE = re.compile(r"-\s*\d+")


def _impossible_locator(fields: _Fields, volume: str, pages: str, path: str, problems: Problems) -> tuple[str, str]:
    """``volume`` and ``pages`` without one no publication has, each said at its value,
    as is a month past 12 (which the import does not take, but a citation prints)."""
    entry = fields.entry

    def say(name: str, message: str) -> None:
        problems.warning(
            _written_at(fields.owner(name), name, fields[name].strip(), path),
            f"{name} {_written(fields[name].strip())} of {entry_named(entry)} {message}",
        )

    if _NEGATIVE.fullmatch(volume):
        say("volume", "is no volume (a negative number); left out")
        volume = ""
    # Text with no page number ("in press", "forthcoming") is kept as written: no
    # impossible value but the paper's state, which the byline shows as written and a lab
    # would lose were it left out; `check` warns of it in the paper's file.
    if unreadable := unreadable_pages(pages, words=False):
        # Each piece no publication has is left out, said at its place; the others are
        # kept ("12-, 14--15" was left out whole, 14–15 with it).
        kept = readable_pages(pages, words=False)
        # (the field `_locator` took them from: an article number stands in for pages)
        given = next((name for name in ("pages", "articleno") if _plain(fields[name])), "article-number")
        # (Each said as the file writes it, "15--12" not "15–12", and found there, where
        # the pieces as written are the same ones.)
        written = unreadable_pages(fields[given], words=False)
        value = fields[given].strip()
        at = _written_at(fields.owner(given), given, value, path)
        cursor = 0
        for piece, why in written if [w for _, w in written] == [w for _, w in unreadable] else unreadable:
            # (at the piece: the value's place, moved on by the text before the piece)
            found = value.find(piece, cursor)
            where = at
            if found >= 0 and at.line:
                cursor = found + len(piece)
                lines = value.count("\n", 0, found)
                col = found - value.rfind("\n", 0, found) if lines else at.col + found
                where = Location(path, at.line + lines, col)
            problems.warning(
                where,
                f"{given} {_written(piece)} of {entry_named(entry)} {why}; left out"
                + (f", the rest kept ({_written(kept)})" if kept else "")
                + (" (a range is written first--last, 12--19)" if "range" in why else ""),
            )
        pages = kept
    month = fields["month"].strip()
    # (int() refuses a number of over 4,300 digits: only two are read)
    if month.isdigit() and month.isascii() and not (len(month) <= 2 and 1 <= int(month) <= 12):
        say("month", "is no month (1 to 12, or jan to dec); the import takes no month, but a"
            " citation from the reference manager prints it: mend it there")
    return volume, pages


def _repeats_badge(address: str, arxiv: str, doi: str) -> bool:
    """Whether ``address`` is the page the arXiv badge (its abstract page, not its PDF,
    which has a badge of its own) or the DOI badge links to. arXiv's own DOI's page
    (DBLP's ``url`` of a CoRR paper, https://doi.org/10.48550/arXiv.…) is the abstract's."""
    if arxiv and arxiv_id(address) == arxiv and urlsplit(address).path.startswith("/abs/"):
        return True
    if arxiv and arxiv_of_doi(doi_from_url(address)) == arxiv:
        return True
    return bool(doi) and doi_from_url(address).lower() == doi.lower()


def _unescape(text: str) -> str:
    """An address or DOI without the TeX escapes exporters put in (see `_TEX_ESCAPE`)."""
    if "\\" not in text:
        return text

    def plain(match: re.Match[str]) -> str:
        escaped = match.group(1) or match.group(2)
        if escaped:
            return escaped
        return "_" if "underscore" in match.group(0) else "~"

    return _TEX_ESCAPE.sub(plain, text)


# An HTML link, as a site that shows its `url` field as HTML writes it (4C-multiphysics:
# ``url = {doi:<a href="https://doi.org/10.1016/...">10.1016/...</a>}``).
_ANCHOR = re.compile(r"""<a\s[^<>]*?\bhref\s*=\s*["']([^"'<>\s]+)["'][^<>]*>.*?</a>""", re.IGNORECASE | re.DOTALL)


def _anchor_address(written: str) -> str:
    """The address of the one HTML link ``written`` holds, else "": the value is markup
    around it, and was left out whole, the DOI it names with it."""
    anchors = _ANCHOR.findall(written)
    return clean_url(anchors[0]) if len(anchors) == 1 else ""


def _doi(fields: _Fields, path: str, problems: Problems) -> str:
    """The entry's `doi`, also written as its address or in ``\\url{}``; one that is no
    DOI is told at its value, not dropped without a word."""
    written = _unescape(fields["doi"]).strip()
    if not written:
        return ""
    addresses = url_arguments(written)
    doi = normalize_doi(addresses[0] if len(addresses) == 1 else written)
    if not doi:
        problems.warning(
            _written_at(fields.owner("doi"), "doi", fields["doi"].strip(), path),
            f"doi {_written(written)} of {entry_named(fields.entry)} is no DOI (10.NNNN/...); left out",
        )
    return doi


def _year(fields: _Fields, path: str, problems: Problems) -> str:
    """The entry's year: ``year``, else the start of ``date``, as `years.read_year`
    reads it; a value written otherwise than as the year alone is said at it, and one
    that gives no year at the field, a warning: the paper gets no year from this entry."""
    name = "year" if fields["year"].strip() else "date"
    value = fields[name].strip()
    read = read_year(value, dated=name == "date")
    owner = fields.owner(name)
    if read.to_say():
        fixes = {year: _written(f"{name} = {{{year}}}") for year in (read.year, *read.years) if year}
        if name == "date" and read.approximate and (date := without_approximate(value)):
            # (a date's month and day are the curator's: "2019-05~" is to be "2019-05")
            fixes[read.year] = _written(f"date = {{{date}}}")
        bare = _bare(owner, name, value)
        problems.warning(
            _written_at(owner, name, value, path), said(name, _written(value), read, fixes, bare=bare, of="entry")
        )
    elif value and not read.year:
        problems.warning(
            _written_at(owner, name, value, path),
            f"{name} {_written(_plain(value))} is not understood (expected a year such as 2019); "
            "the paper gets no year from this entry",
        )
    return read.year


def _bare(entry: Entry, name: str, value: str) -> bool:
    """Whether field ``name``'s value, ``value``, is written as it is read, without braces
    or quotes, and is no number: BibTeX reads such a value only as a number or a
    @string's name (a @string's, resolved, is not written so)."""
    field = entry.fields_dict.get(name)
    if field is None or field.start_line is None or not entry.raw or value.isascii() and value.isdigit():
        return False
    text = "\n".join(entry.raw.split("\n")[field.start_line - entry.start_line :])
    found = re.search(rf"(?<![\w:.+-]){re.escape(name)}\s*=\s*", text, re.IGNORECASE)
    return found is not None and text.startswith(value, found.end())


def _addresses(text: str) -> dict[str, str]:
    """Each address written in ``text``, as read -> as written: known by its scheme or
    host (find_url_spans), or as the argument of a ``\\url`` or ``\\href``, which is an
    address whatever it holds: `howpublished = {\\url{example.com/x}}` was taken for the
    venue "example.com/x". Such an argument without a scheme is read as https, as a
    `url` field's is (and told as written when no page can link to it); so is a value
    that is one such address and nothing else, ``{openai.com/blog/chatgpt}``."""
    if not text or text.isspace():
        return {}  # (most of the 15 fields an entry is looked at for addresses)
    found = {text[start:end]: text[start:end] for start, end in find_url_spans(text)}
    for written in url_arguments(text):
        if written:
            found.setdefault(written if _SCHEME.match(written) else f"https://{written}", written)
    if not found and _BARE_ADDRESS.fullmatch(text.strip()):
        found[f"https://{text.strip()}"] = text.strip()
    return found


# A host name and a path, as written without a scheme: "openai.com/blog/chatgpt" (in
# small letters, as addresses are written: "J.Mach.Learn/Res" is none).
_BARE_ADDRESS = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}/[^\s{}\\]*")


# Words that only lead to a link or say when it was read: "Available online at", "[Online]",
# "Our project page", "Code on GitHub", "accessed 5 May 2024". A \\href's text or the words
# around an address in `howpublished` that say no more are no venue.
_LINK_WORDS = frozenset("""
    available online published at from via on in here url link links see website web site page
    webpage homepage home project our the this its code github pdf accessed retrieved
    visited viewed last and or
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
""".split())
_WORD = re.compile(r"[^\W\d_]+")
# What an address left behind at the words' ends: "()", "[]", a comma or a colon.
_LEFT_BEHIND = re.compile(r"\(\s*\)|\[\s*\]")


def _published(raw: str) -> str:
    """The venue a `howpublished` holding an address names: its words beside the
    addresses (see words_beside_urls), when they name something. A \\href's text is the
    bibliography's words for its link, shown in the venue's place: "OpenAI Blog" or
    "NeurIPS 2023 Workshop on X" is where the work appeared, as a `howpublished` without
    an address is read, and is kept; words that only lead to the link ("Our page",
    "Available online", `_LINK_WORDS`) are no venue. A word this list lacks stays a
    venue the curator sees and can delete, rather than words dropped unseen."""
    if _BARE_ADDRESS.fullmatch(raw.strip()):
        return ""  # (an address and nothing else: see _addresses)
    words = _plain(_LEFT_BEHIND.sub(" ", words_beside_urls(raw)))
    if all(word.casefold() in _LINK_WORDS for word in _WORD.findall(words)):
        return ""
    return _LEAD_OUT.sub("", _LEAD_IN.sub("", words.strip(" ,;:")))


# Words that lead to where the work is ("Available at SSRN:", "Published in Lab Notes"):
# the place is the venue.
_LEAD_IN = re.compile(
    r"(?i)^(?:available|published|retrieved|accessible)(?:\s+(?:online|electronically))?"
    r"\s+(?:at|from|in|on|via)\b\s*:?\s*(?=\S)"
)
# The same words after the place, leading to the link beside it ("OpenAI Blog, available
# at", "Zenodo at", "Notes published online at"): no part of the venue. (Tried only
# where a run of spaces and commas starts: at each place in one, a long run took seconds.)
_LEAD_OUT = re.compile(
    r"(?i)(?<![\s,;])(?:[\s,;]+(?:available|published|retrieved|accessible)(?:\s+(?:online|electronically))?"
    r"\s+(?:at|from|in|on|via)|\s+(?:at|via))\s*:?\s*$"
)


def _left_out(
    fields: _Fields, name: str, written: str, path: str, problems: Problems, read: str = ""
) -> None:
    """A field's address that no page can link to, told at the field, not dropped
    without a word (Zotero exports a PDF as ``file:///home/...``); ``read``: the address
    as it was read, when not as ``written`` (``\\url{localhost/x}`` read with https)."""
    # (Written, the next `check` would refuse it: a space inside, no host, ftp:; or warn
    # that no reader can open it: localhost, a private network's host.)
    where = _written_at(fields.owner(name), name, written, path)
    read = read or written
    web = read.lower().startswith(("http://", "https://")) and not re.search(r"\s", read)
    unreachable = unreachable_host(read) if web else ""
    if unreachable:
        problems.warning(
            where,
            f"{name} {_written(written)} of {entry_named(fields.entry)}: {unreachable}, so no reader"
            " of the site can open it; left out",
        )
        return
    if written.lower().startswith("file:"):
        hint = " (a file on this computer: give its address on the web)"
    elif name in _ALFOLIO_FILES and re.fullmatch(r"[\w.-]+\.\w+", written):
        # al-folio links a bare file name to a file of its site's, whose address is not here.
        folder = "assets/html/" if name == "html" else "assets/pdf/"
        hint = f" (al-folio's file {folder}{written}: give its address on the web)"
    else:
        hint = ""
    problems.warning(
        where,
        f"{name} {_written(written)} of {entry_named(fields.entry)} is no http(s) address a page can"
        f" link to{hint}; left out",
    )


def _written_at(entry: Entry, name: str, written: str, path: str) -> Location:
    """Where ``written``, the value of field ``name``, is in the file: in the field's
    value, after its name, on its line or a later one (a value of several lines where
    its first line is); a value written through a @string's name (``doi = none``) at
    that name; else the field's name."""
    field = entry.fields_dict.get(name)
    named = _field_location(entry, name, path)
    if field is None or field.start_line is None or not entry.raw or not written.strip():
        return named
    raw = entry.raw
    lines = raw.split("\n")
    first = field.start_line - entry.start_line
    start = written.strip().split("\n", 1)[0]
    # (Not before the name's "=": an entry on one line may write it in an earlier value,
    # and the name may hold it, "year = {e}". Nor past the value's end: a later field
    # may hold the text of a value that is a @string's name.)
    col = _raw_col(entry, named)
    equals = re.compile(rf"{re.escape(name)}\s*=", re.IGNORECASE).match(lines[first], col - 1)
    at = sum(len(line) + 1 for line in lines[:first]) + (equals.end() if equals else col - 1)
    while at < len(raw) and raw[at].isspace():
        at += 1
    end = value_end(raw, at)
    found = raw.find(start, at, len(raw) if end is None else end)
    if found < 0 and end is not None and raw[at] not in '{"':
        found = at  # (a @string's name, or a number: what the value was written as)
    if found < 0:
        return named
    line = entry.start_line + raw.count("\n", 0, found)
    return Location(path, line + 1, shifted(entry, line, found - raw.rfind("\n", 0, found)))


def _field_location(entry: Entry, name: str, path: str) -> Location:
    """Where a field's name is in the file (its entry's start when that is unknown)."""
    field = entry.fields_dict.get(name)
    line = field.start_line if field is not None else None
    if line is None:
        return Location(path, entry.start_line + 1, 1)
    text = entry.raw.split("\n")[line - entry.start_line] if entry.raw else ""
    match = re.search(rf"\b{re.escape(name)}\s*=", text, re.IGNORECASE)
    return Location(path, line + 1, shifted(entry, line, match.start() + 1 if match else 1))


def _raw_col(entry: Entry, where: Location) -> int:
    """The column of ``where``, a place in ``entry``, counted in its raw text (`shifted`'s
    inverse)."""
    return where.col - column_of(entry) + 1 if where.line == entry.start_line + 1 else where.col
