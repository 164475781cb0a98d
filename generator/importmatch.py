"""Matching an imported record to the paper it belongs to.

A record is matched by the same arXiv id, the same DOI, the same normalised title, a
title the importer took for that paper before, the same paper page or PDF under a title
that is the other's words and a venue and year (one an older import read with its venue after it), the
same long abstract under a somewhat
alike title and no disagreeing arXiv id or DOI, or a very similar title, unless both
abstracts are given and clearly differ: then it is a new paper, with a warning. So is a
record whose title matches none but whose authors, venue, year, volume, issue and pages
are a paper's (a title corrected in the reference manager, no abstract to tell). A paper
a curator retitled is still found by the titles recorded in its provenance, so importing
its source again does not add a second copy; and a paper whose source record was retitled
in the reference manager by that record's citation key (of the same exporter), with its authors, year and a
title alike enough to be corrected (Paper.same_record). A record matched by a title, an
arXiv id or an abstract that papers a curator parted share (`not_same_as:`, a paper's
conference and journal versions) is the one of them its DOI, arXiv id, venue or year
says (Index.versions, pick_version); the importer does not guess when none tells.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Collection, Iterable, Mapping, Sequence

from rapidfuzz import fuzz

from . import provenance
from .errors import Location, Problems
from .ingest import Record, normalise_text
from .ingest.exporters import KEY_SOURCES
from .links import glued_ending, same_page, without_subject_class
from .matchkeys import (
    PREPRINT, SimilarTitles, abstract_bucket, abstract_key, abstract_titles_alike, different_abstracts, family_names,
    joined_title, kinds_differ, normalise_title, same_conference, title_key, two_works,
)
from .models import Link, en_dashed_pages, pages_text
from .names import shown_name
from .quoting import quoted
from .slugs import folded
from .schema import PAPER_FIELDS, field_names
from .yamlio import Map, Scalar, Seq, parse


# (How alike titles, and abstracts, must be: matchkeys.SIMILAR_TITLE, ABSTRACT_ALIKE and
# ABSTRACT_TITLE_ALIKE, which `check` shares.)

_ORDER = field_names(PAPER_FIELDS)


def written(name: str) -> str:
    """The provenance record's name for the values of the field ``name`` the importer
    wrote into a paper's file, each with a record that gave it (no field has a space):
    ``name`` itself holds every value a source offered."""
    return f"{name} written"


@dataclass
class Paper:
    """One target file: an existing one (``tree`` set) or one this import creates."""

    id: str
    path: Path
    tree: Map | None = None
    values: dict[str, object] = field(default_factory=dict)  # current, incl. fills
    fills: dict[str, object] = field(default_factory=dict)  # what this import adds
    # Fields this import takes out of an existing file: a value an earlier import wrote
    # that the source, read again, no longer gives (see importmerge._address_venue).
    drops: set[str] = field(default_factory=set)
    new_links: list[Link] = field(default_factory=list)
    link_urls: set[str] = field(default_factory=set)
    raw: bytes = b""  # an existing file's bytes as read, to notice edits made meanwhile
    prior: provenance.Seen | None = None  # what earlier imports took for this paper
    seen_fields: dict[str, set[str]] = field(default_factory=dict)  # digests, this run
    seen_links: set[str] = field(default_factory=set)  # link keys, this run
    officials: list[str] = field(default_factory=list)  # URLs of official code links
    text: str = ""  # the file's text once this run wrote it (a new paper's, or an update)
    final: bool = False  # ``tree`` is of ``text``, as written: every fill has its place
    restores: str = ""  # the id of the deleted paper this new one brings back
    links_named: int = 0  # links in the records merged into it (the summary's links found)
    # Warnings to place in a new paper's file once it is written: (field, link URL or "",
    # message); at the link with that URL, else at the field.
    pending: list[tuple[str, str, str]] = field(default_factory=list)
    kept: set[str] = field(default_factory=set)  # fields a curator edited, said kept
    recapitalised: bool = False  # a source's other capitals of its title said (importmerge)
    # Each record of this run that gave a value, by field and digest: its record_mark
    # is made only for the values filled (seen), not for every value offered.
    given_by: dict[str, dict[str, list[Record]]] = field(default_factory=dict)
    marks: dict[int, tuple[str, str]] = field(default_factory=dict)  # id(record) -> record_marks
    # Each value a record of this run offered, with its digest (what seen_fields holds),
    # by field: seen() knows a filled value's digest by the value itself, without
    # serialising it again. (Only that very object: a value put in its place is digested.)
    offered: dict[str, tuple[object, str]] = field(default_factory=dict)

    def seen(self) -> provenance.Seen:
        """This run's view, added to what earlier imports took (for a paper that existed)."""
        fields = {name: frozenset(d) for name, d in self.seen_fields.items()}
        for name, value in sorted(self.fills.items()):
            given = self.given_by.get(name)
            if given is None or name == "tags":
                continue  # (their own rule: _tags_to_add)
            # The value the importer wrote into the file, with each record of this run
            # that gave it (record_mark), apart from every value a source offered (a
            # conflict's, which a curator may copy into the file).
            same, value_digest = self.offered.get(name, (None, ""))
            if same is not value:
                value_digest = provenance.digest(value)
            records = given.get(value_digest)
            if records:
                marks = {self._marks(record)[name != "venue"] for record in records}
                wrote = frozenset([written_digest(mark, value_digest) for mark in marks])
                had = fields.get(key := written(name))
                fields[key] = wrote if had is None else had | wrote
        now = provenance.Seen(fields, frozenset(self.seen_links))
        if self.prior is None:
            return now
        # A field this run wrote holds this run's value now: what the importer wrote there
        # before is no longer the file's, and a curator who types it back (an earlier
        # list, the correction undone) types their own value, not one to correct.
        stale = [
            written(name) for name in sorted(self.fills)
            if name != "tags" and self.prior.fields.get(written(name))
        ]
        merged = self.prior.union(now)
        if not stale:
            return merged
        kept = {name: digests for name, digests in merged.fields.items() if name not in stale}
        kept.update({name: fields[name] for name in stale if fields.get(name)})
        return replace(merged, fields=kept)

    def _marks(self, record: Record) -> tuple[str, str]:
        """record_marks of a record of this run (given_by holds it, so its id is its own)."""
        if (marks := self.marks.get(id(record))) is None:
            marks = self.marks[id(record)] = record_marks(record)
        return marks

    def taken_titles(self) -> Iterable[str]:
        """Digests of every title the importer has taken for this paper, before or now."""
        if self.prior is not None:
            yield from self.prior.fields.get("title", ())
        yield from self.seen_fields.get("title", ())

    def taken(self, name: str, value: object) -> bool:
        """Whether the importer took ``value`` for the field ``name`` of this paper, before or now."""
        mark = provenance.digest(value)
        return mark in self.seen_fields.get(name, ()) or (self.prior is not None and self.prior.has_value(name, value))

    def taken_values(self, name: str) -> bool:
        """Whether the importer took any value for the field ``name`` of this paper."""
        return bool(self.seen_fields.get(name)) or (self.prior is not None and bool(self.prior.fields.get(name)))

    def taken_keys(self, before: bool = False) -> set[str]:
        """Digests of the citation keys of the source records taken for this paper (by
        earlier imports only, when ``before``)."""
        keys = set(self.prior.fields.get(provenance.KEY_FIELD, ()) if self.prior is not None else ())
        return keys if before else keys | set(self.seen_fields.get(provenance.KEY_FIELD, ()))

    def same_record(self, record: Record, before: bool = False) -> bool:
        """Whether the record is a source record the importer took for this paper, its
        title perhaps corrected since in the reference manager ("un estudio" to "un
        estudio empírico"): the importer took its citation key for the paper from the
        same exporter (provenance.takes_key: another tool's "Garcia2020" is another
        tool's name, perhaps of another paper), and it
        agrees with the paper on the authors' family names, the year, the venue where both
        name one (not a preprint's: the record of a preprint since published), and a
        title alike enough to be a correction of the other, not another paper under a
        reused key ("smith2020" of Smith's next paper of the year, in another export);
        and no arXiv id or DOI of the two disagrees. ``before``: a record an earlier
        import took, not one of this import's."""
        if not self.same_key(record, before):
            return False
        authors = list(record.authors)
        if not authors or (
            family_names(authors) != family_names(self.values.get("authors"))
            and not self.taken("authors", authors)
        ):
            return False
        if not self._same_publication(record):
            return False
        return _corrected(normalise_title(record.title), normalise_title(str(self.values.get("title") or "")))

    def _same_publication(self, record: Record, mended: str = "") -> bool:
        """Whether the record agrees with the paper on the year, the venue where both name
        one (not a preprint's), and the volume, issue and pages, or gives those the
        importer took for it: under a reused citation key and title, another paper of the
        same people (a journal's extended version, the next volume's) does not.
        ``mended`` "venue": a venue only spelt otherwise (a typo mended: VENUE_MENDED_ALIKE)
        agrees too, for the venue's own correction (not "Otra Revista")."""
        # (A year the curator added to a record without one, or corrected, agrees.)
        year = str(self.values.get("year") or "")
        if record.year != year and not (
            self.taken("year", record.year) if record.year else not self.taken_values("year")
        ):
            return False
        venue = str(self.values.get("venue") or "")
        if (
            record.venue != venue  # (one text folds alike: the usual re-import's, at once)
            and record.venue and venue and not PREPRINT.search(record.venue) and not PREPRINT.search(venue)
            and folded(record.venue) != folded(venue) and not self.taken("venue", record.venue)
            and not (mended == "venue" and fuzz.ratio(folded(record.venue), folded(venue)) >= VENUE_MENDED_ALIKE)
        ):
            return False  # (the same people's other paper of the year, in another venue)
        # (the same people's other paper of the year, in the same venue; not a record known
        # by its DOI, which the paper's agrees with: one DOI is one publication, and its
        # volume, issue or pages another are a correction)
        return known_by(record) == BY_DOI or not self._elsewhere_in_venue(record)

    def same_key(self, record: Record, before: bool = False) -> bool:
        """Whether the importer took the record's citation key for this paper from the
        same exporter (provenance.takes_key), and no arXiv id or DOI of the two disagrees.
        ``before``: by an earlier import, not this one."""
        if not record.key:
            # (A record known by its DOI or arXiv id, of an export that gives no key: only
            # as such, never as a key kept without its exporter.)
            # (No name taken for the paper, as for each paper of a fresh import: no digest
            # made, which merge asks up to five times a record.)
            taken = self.taken_keys(before)
            name, source = record_name(record) if taken else ("", "")
            return bool(name) and (
                provenance.key_digest(name, source) in taken or untold(taken, record)
            ) and not ids_disagree(self, record)
        return (
            provenance.takes_key(self.taken_keys(before), record.key, record.key_source, KEY_SOURCES)
            and not ids_disagree(self, record)
        )

    def corrected_record(self, record: Record, mended: str = "") -> bool:
        """Whether the record is a source record an earlier import took for this paper,
        perhaps corrected since in the reference manager: retitled (same_record), or under
        a title the importer took for the paper then, by its citation key of the same
        exporter (same_key) and of its year and venue (not another paper of the same
        people under a reused key and title), whatever its authors now (a name corrected,
        one added). ``mended``: see _same_publication."""
        if self.same_record(record, before=True):
            return True
        titles = self.prior.fields.get("title", ()) if self.prior is not None else ()
        return self.same_key(record, before=True) and self._same_publication(record, mended) and (
            provenance.digest(record.title) in titles or title_key(record.title) in titles
        )

    def wrote(self, name: str, record: Record, value: object, venue: str | None = None) -> bool:
        """Whether an earlier import wrote this value of the field ``name`` (an author
        list, a venue, the title...) into the paper's file from this record (its citation
        key, exporter, venue and year: record_mark): not only
        offered it (a conflict's list, which the curator may have copied in; a list the
        curator wrote by hand as the source has it), nor took it from another record
        under the same key (Google Scholar's one key for a paper's preprint and its
        proceedings version). (An import that did not record what it wrote leaves no
        such list: whether it wrote the list or only met it cannot be told.) ``venue``:
        the record as it was under that venue (a preprint's record, published since). A
        citation key the import record keeps without its exporter (an import's before
        exporters were told: provenance.takes_key) is any exporter's, as it was then; so
        is a DOI or arXiv id kept before exporters of records without a key were told
        apart (untold)."""
        wrote = self.prior.fields.get(written(name), ()) if self.prior is not None else ()
        if not wrote:
            return False
        if venue is not None:
            record = replace(record, venue=venue)
        sources = [record.key_source]
        taken = self.taken_keys(before=True)
        if (
            record.key and provenance.key_digest(record.key, record.key_source) not in taken
            and provenance.takes_key(taken, record.key, record.key_source, KEY_SOURCES)
        ):
            sources += KEY_SOURCES  # (the key kept without its exporter: any exporter's)
        value_digest = provenance.digest(value)
        marks = [record_mark(replace(record, key_source=source), name) for source in dict.fromkeys(sources)]
        if not record.key and told(taken, record):
            marks.append(record_mark(record, name, untold_name(record)))
        return any(written_digest(mark, value_digest) in wrote for mark in marks)

    def _elsewhere_in_venue(self, record: Record) -> list[str]:
        """Which of the volume, issue and pages the record and the paper each give, and
        give otherwise (the record's not one an earlier import took for the paper: a
        curator's correction); any: then the record may be of another paper in the venue,
        however alike the titles ("Graph networks for molecules", "... for proteins")."""
        differ = []
        for name in ("volume", "number", "pages"):
            mine, theirs = str(self.values.get(name) or "").strip(), str(getattr(record, name) or "").strip()
            if name == "pages":
                mine, theirs = (pages_text(mine) if mine else ""), (pages_text(theirs) if theirs else "")
            if mine and theirs and mine != theirs and not self.taken(name, getattr(record, name)):
                differ.append(name)
        return differ

    def elsewhere_said(self, record: Record) -> str:
        """Why a record of the paper's citation key (Paper.same_key) that _same_publication
        says is not its publication is not, in a few words for a conflict (importmerge):
        another year or venue is another publication; in the same year and venue, other
        pages (a volume, an issue) may be another publication there (the same people's
        next paper under a reused key and title), or the record's pages mended: which one,
        nothing tells (a DOI does, where the record is known by it), so not taken."""
        differ = self._elsewhere_in_venue(record)
        if not differ or not self._same_publication(replace(record, **dict.fromkeys(differ, "")), "venue"):
            return "the record is of another publication"
        what = " and ".join(_PLACE_WORDS[name] for name in differ)
        return (
            f"the record gives other {what} in the same venue and year: another publication there, or its"
            f" {what} mended, which the import cannot tell apart"
        )

    def met_before(self, record: Record, gaining: bool = False, retitled: bool | None = None) -> bool:
        """Whether an earlier import took this record for this paper: the paper still has
        its title, or the importer took that title for it, and the importer took its
        arXiv id and DOI for it. A source imported again, or revised, is such a record;
        a new source naming a paper already here is not. ``gaining``: also a record that
        gives an arXiv id or DOI where the importer took none for the paper (see
        ``gained_ids``). ``retitled``: ``self.same_record(record, before=True)``, when
        the caller has asked it already."""
        if self.prior is None:
            return False
        if self.same_record(record, before=True) if retitled is None else retitled:
            return True  # (its title corrected since)
        title = normalise_title(record.title)
        titles = self.prior.fields.get("title", ())
        if (
            provenance.digest(record.title) not in titles
            and provenance.digest(title) not in titles
            and (not title or title != normalise_title(str(self.values.get("title") or "")))
        ):
            return False
        return all(
            provenance.digest(value) in self.prior.fields.get(name, ()) or (gaining and not self.prior.fields.get(name))
            # (A record known by its DOI, casefolded, that an earlier import took: Zotero's
            # record again, its DOI in other capitals.)
            or (name == "doi" and known_by(record) == BY_DOI and self.same_key(record, before=True))
            for name in ("arxiv", "doi")
            if (value := getattr(record, name))
        )

    def gained_ids(self, record: Record) -> tuple[str, ...]:
        """The fields of the ids (``arxiv``, ``doi``) the record gives where an earlier
        import, which took the record for this paper without them, took none: the same
        source record, given its arXiv id since (a listing's entry now linking the
        preprint), not a duplicate, when it gives the authors, year and abstract the
        import took, where it took any (another source of the title words them its own
        way, or gives none: a .bib's entry after a listing's), and no authors or year
        where it took none. () for a record not met before so."""
        if self.met_before(record) or not self.met_before(record, gaining=True):
            return ()
        prior = self.prior
        assert prior is not None  # (met before)
        for name, value in (("authors", list(record.authors)), ("year", record.year), ("abstract", record.abstract)):
            if prior.fields.get(name) and not (value and prior.has_value(name, value)):
                return ()
            if name != "abstract" and value and not prior.fields.get(name):
                # (Authors or a year where the source the import took gave none: another
                # source of the title, as a .bib's entry after a list's title alone, perhaps
                # of another paper. An abstract may be fetched since, with the id.)
                return ()
        return tuple(
            name for name in ("arxiv", "doi")
            if getattr(record, name) and not self.prior.fields.get(name)
        )

    def located(self) -> Map | None:
        """The located tree of an existing file, parsed on first use if it was skipped."""
        if self.tree is None and self.raw:
            tree = parse(normalise_text(self.raw), str(self.path), Problems())
            self.tree = tree if isinstance(tree, Map) else None
        return self.tree

    def on_its_own_line(self, name: str) -> bool:
        """Whether the file holds ``name`` on one line of its own (a list, on lines of its
        own, an item a line) with no comment on it or below it (blank lines between or
        not), as the importer writes a field: taking it out then takes out nothing a
        curator wrote beside it."""
        line = self.location_of(name).line
        lines = normalise_text(self.raw).split("\n") if self.raw else []
        if 1 < line <= len(lines) and lines[line - 2] == f"{name}:":
            line -= 1  # (a block list's place is its first item's)
        if not 0 < line <= len(lines) or not lines[line - 1].startswith(f"{name}:"):
            return False
        own = "#" not in lines[line - 1]
        if lines[line - 1].rstrip() == f"{name}:":
            # (a list as the importer writes it, an item a line: "tags:", "  - Training")
            while line < len(lines) and lines[line].startswith("  - ") and "#" not in lines[line]:
                line += 1
        elif lines[line - 1] in (f"{name}: >-", f"{name}: |-"):
            # (a long text as the importer writes it, folded, perhaps in paragraphs, or
            # notes, a literal block: a "#" in it is text)
            own = True
            while line < len(lines) and (lines[line].startswith("  ") or not lines[line].strip()):
                line += 1
        # What comes next after any blank lines: a comment there, even a paragraph below,
        # is the field's (the YAML library keeps it with the field, and takes it out with it).
        while line < len(lines) and not lines[line].strip():
            line += 1
        below = lines[line] if line < len(lines) else ""
        return own and not below.startswith((" ", "\t", "#", "-"))

    def location_of(self, name: str) -> Location:
        """Where the file holds ``name``; a new paper's file before it is written has no
        lines yet: its path alone, given lines by importer's ``_locate``."""
        tree = self.located()
        # An existing file's tree is as read, without this run's fills; a new one's has all.
        if tree is not None and (name not in self.fills or not self.raw or self.final):
            node = tree.get(name)
            if node is not None:
                return node.loc
            # A field the file does not hold (a venue a book has not): where it would go,
            # after the nearest field before it in schema order.
            for before in reversed(_ORDER[: _ORDER.index(name)] if name in _ORDER else ()):
                if (node := tree.get(before)) is not None:
                    return node.loc
        return Location(str(self.path))

    def link_location(self, url: str) -> Location:
        """Where the file holds the link with this URL (else the links, else the file)."""
        tree = self.located()
        links = tree.get("links") if tree is not None else None
        if isinstance(links, Map):
            for _, items in links:
                for item in items.items if isinstance(items, Seq) else ():
                    node = item.get("url") if isinstance(item, Map) else None
                    if isinstance(node, Scalar) and same_link(node.text or "") == same_link(url):
                        return node.loc
        return self.location_of("links")


# How a conflict names the fields that say where in its venue a paper is printed.
_PLACE_WORDS = {"volume": "volume", "number": "issue", "pages": "pages"}
# A title and its correction are at least this alike ("un estudio" and "un estudio
# empirico" 69%), unless one's words are all the other's: unrelated titles about 40%.
CORRECTED_ALIKE = 60.0
# How alike (rapidfuzz ratio, folded) a record's venue and the paper's are for the record's
# to be the same venue's spelling mended, a typo ("Revista de Prubeas", 94), not another
# venue ("Journal of Machine Learning Research" and "Machine Learning", 62; "Otra Revista"
# and "Revista de Pruebas", 47).
VENUE_MENDED_ALIKE = 85.0


def written_digest(mark: str, value_digest: str) -> str:
    """How the import record keeps a value the importer wrote from a record: the record's
    mark with the value's digest, two digests (hexadecimal: joined, they read one way
    only). Not the value serialised again, nor the pair as JSON: these digests, made for
    every field of every record, made a fresh import of 10,000 records a quarter slower."""
    return hashlib.sha256(f"{mark}:{value_digest}".encode("ascii")).hexdigest()[:16]


def record_mark(record: Record, name: str = "authors", named: tuple[str, str] | None = None) -> str:
    """What tells a source record from another record of the paper under the same
    citation key: the key, its exporter, the venue and the year (an author list, a
    venue kind, an abstract corrected in the reference manager keeps them); for the
    venue's own value, the key, its exporter and the year (a venue's typo mended).
    ``named``: the record under this (name, source), not record_name's."""
    venue_mark, mark = record_marks(record, named)
    return venue_mark if name == "venue" else mark


def record_marks(record: Record, named: tuple[str, str] | None = None) -> tuple[str, str]:
    """A record's two marks (record_mark): the venue's, and every other field's."""
    key = provenance.key_digest(*(named or record_name(record)))
    return provenance.digest([key, record.year]), provenance.digest([key, record.venue, record.year])


# The formats whose exporters give a record no key of its own (Zotero's RIS export has no
# ID): a record of one without a key is known by what names its publication instead.
KEYLESS_EXPORTS = ("RIS",)
# What such a name is (known_by), the start of the source it is kept with
# (provenance.key_digest): no exporter's, so that no citation key, of any tool, is ever
# taken for it. Alone, as imports kept it before its exporters were told apart (untold).
BY_DOI, BY_ARXIV = "RIS record by DOI", "RIS record by arXiv id"
# A record without a key is one exporter's by the database it says it is from (its DB
# and DP: Record.catalog). Of what could tell exporters apart, that is what two exports
# of one library give alike and two exporters do not: Zotero writes each item's "Library
# Catalog" and "Archive" as they were saved ("DP - ACM Digital Library", "DP -
# arXiv.org"; the same item, the same in every export), Scopus "DB - Scopus" in each
# record, while a publisher's download (ACM's, IEEE Xplore's, Springer's) names none.
# Not the file's name (a download's is the paper's number, an export's what the curator
# typed), nor the tags a record has (they come and go with what it holds: an abstract,
# a date). Two that name none are one source, as all were before.
NO_CATALOG = "no database named"
# Kept with a DOI or arXiv id whose untold name (an import's before exporters were told
# apart) an exporter has taken over since: that name is that exporter's alone then
# (untold), as a citation key kept without its tool becomes the first tool's
# (provenance.takes_key). Alone, that some exporter has; with its source, which.
TOLD = "its exporter told"


def known_by(record: Record) -> str:
    """BY_DOI or BY_ARXIV for a record of an export that gives no key (RIS without an ID)
    known by its DOI or arXiv id (record_name); "" for any other."""
    if record.key or record.key_source not in KEYLESS_EXPORTS:
        return ""
    return BY_DOI if doi_key(record.doi) else BY_ARXIV if arxiv_key(record.arxiv) else ""


def record_name(record: Record) -> tuple[str, str]:
    """What the import knows a source record by, as (name, source) for
    provenance.key_digest: its citation key and the exporter that named it; for a record
    of an export that gives none (RIS without an ID), its DOI (casefolded), else its
    arXiv id (without its version): one publication's, as a key is one record's, with
    the database the record says it is from (see NO_CATALOG), which tells its exporter.
    ("", "") for a record with none of these (a title alone names no record: a list's, a
    listing's). Never a citation key: nothing of it is written into a paper's file."""
    if record.key:
        return record.key, record.key_source
    name, by = untold_name(record)
    return (name, f"{by}, {record.catalog or NO_CATALOG}") if name else ("", "")


def untold_name(record: Record) -> tuple[str, str]:
    """record_name as imports kept it before exporters of records without a key were told
    apart: the DOI or arXiv id with BY_DOI or BY_ARXIV alone, any exporter's; ("", "")
    for a record with a key, or none of these."""
    by = known_by(record)
    if by == BY_DOI:
        return doi_key(record.doi), by
    return (arxiv_key(record.arxiv), by) if by else ("", "")


def untold(taken: Collection[str], record: Record) -> bool:
    """Whether the paper whose key digests are ``taken`` keeps the record's untold name
    (untold_name: an import's before exporters were told apart, of any exporter then) as
    this record's exporter's: no exporter took it over since (TOLD), or this one did.
    The first exporter met again is taken for the one it was, as before."""
    name, by = untold_name(record)
    if not name or provenance.key_digest(name, by) not in taken:
        return False
    return (
        provenance.key_digest(name, TOLD) not in taken
        or provenance.key_digest(name, f"{TOLD}: {record_name(record)[1]}") in taken
    )


def told(taken: Collection[str], record: Record) -> bool:
    """Whether the record's exporter took its untold name over (took_over) by an earlier
    import, whose key digests (taken) say so: only then is what an import wrote under
    that name this exporter's (Paper.wrote). In the run that takes it over, the record
    gives nothing new for what was written so (importmerge's _gives_other_than_untold)."""
    name, source = record_name(record)
    return bool(name) and provenance.key_digest(name, f"{TOLD}: {source}") in taken


def took_over(record: Record) -> tuple[str, str]:
    """The key digests that say the record's exporter took over its untold name (TOLD)."""
    name, source = record_name(record)
    return provenance.key_digest(name, TOLD), provenance.key_digest(name, f"{TOLD}: {source}")


def named_by(record: Record) -> str:
    """How the import's report names a record known without a key (record_name): "DOI
    10.1109/CVPR.2016.90", as the record gives it; "" for a record with a key, or none."""
    by = known_by(record)
    if not by:
        return ""
    return f"DOI {record.doi.strip()}" if by == BY_DOI else f"arXiv {record.arxiv.strip()}"


def _corrected(title: str, other: str) -> bool:
    """Whether one normalised title may be the other corrected: alike, or one's words
    (two at least) all in the other ("un estudio", "un estudio empirico")."""
    if not title or not other:
        return False
    shorter, longer = sorted((title.split(), other.split()), key=len)
    return fuzz.ratio(title, other) >= CORRECTED_ALIKE or (len(shorter) >= 2 and set(shorter) <= set(longer))


def link_key(url: str) -> str:
    """How the importer's record writes a link it found (and always did: records of
    earlier runs hold these): no trailing slash, lower case."""
    return url.rstrip("/").lower()


def same_link(url: str) -> str:
    """What two spellings of one address share: a link the curator deleted must not come
    back as http:// for https://, with www., with .git, as the default branch's tree
    (`/tree/main`), or at the address it redirects to (`links.same_page`:
    aclweb.org/anthology/P16-1162 is aclanthology.org/P16-1162/). A deeper path stays: a
    monorepo's folders are links of their own. Nor as written without the ending `check`
    warns was copied with it: an import before `links.make_link` dropped it wrote
    "forum?id=abc?", and one now finds "forum?id=abc"."""
    url = url.removesuffix(glued_ending(url))
    key = _SCHEME.sub("", link_key(same_page(url)))
    key = _BRANCH_ROOT.sub("", key.removeprefix("www.")).rstrip("/")
    return key.removesuffix(".git")


_SCHEME = re.compile(r"^https?://")
_BRANCH_ROOT = re.compile(r"/tree/(?:main|master)/?$")


class Index:
    """Finds the paper a record belongs to; titles are blocked by rare words for speed."""

    def __init__(self) -> None:
        self.by_arxiv: dict[str, Paper] = {}
        self.by_doi: dict[str, Paper] = {}
        self.by_title: dict[str, Paper] = {}
        # A title without its spaces (`joined_title`): "ReAct" and "Re-Act" are one.
        self.by_joined_title: dict[str, Paper] = {}
        self.all_by_title: dict[str, list[Paper]] = {}  # papers may share a title
        # abstract_bucket -> each abstract indexed with it and its paper, in the order
        # added, not reduced yet: an abstract is reduced whole (abstract_key: 19 us at
        # 1,500 characters) only when a record's shares its bucket, which a new paper's
        # does not; then it moves to abstract_keys.
        self.by_abstract: dict[str, list[tuple[str, Paper]]] = {}
        # abstract_bucket -> abstract_key -> the first paper indexed with it: a bucket's
        # abstracts, each reduced once, when a record's first shares the bucket. (Compared
        # whole at each find, one bucket of many abstracts, "In this paper, we ... for
        # Computing Machinery.", took reductions growing with their count squared.)
        self.abstract_keys: dict[str, dict[str, Paper]] = {}
        self.abstract_of: dict[str, object] = {}  # paper id -> the abstract indexed
        # digest of a title the importer took for a paper (provenance) -> that paper:
        # the paper keeps being recognised by it after a curator retitles it.
        self.by_taken_title: dict[str, Paper] = {}
        # digest of a citation key the importer took for a paper, with its source -> those
        # papers (two exports may each have a "smith2020"): see Paper.same_record.
        self.by_key: dict[str, list[Paper]] = {}
        # A paper's own page or PDF (a link of kind paper or pdf, `same_link`) -> that paper.
        self.by_paper_link: dict[str, Paper] = {}
        self.by_place: dict[tuple[str, ...], Paper] = {}  # place_key -> paper
        self.titles: SimilarTitles[Paper] = SimilarTitles()
        self.by_id: dict[str, Paper] = {}
        # Paper id -> the ids of the papers a curator parted from it (`not_same_as:` in
        # either file): a record matching one of them may be the other's.
        self.parted: dict[str, set[str]] = {}
        # Paper id -> (the paper, its links, the values of its place key and its title as
        # last indexed): a paper is added again after each merge, and what a merge left
        # as it was (an object a fill replaces, never changes) is indexed already.
        self._indexed: dict[str, tuple[Paper, object, tuple[object, ...], object]] = {}

    def add(self, paper: Paper) -> None:
        self.by_id[paper.id] = paper
        parted = paper.values.get("not_same_as")
        for other in parted if isinstance(parted, list) else ():
            if isinstance(other, str) and other != paper.id:
                self.parted.setdefault(paper.id, set()).add(other)
                self.parted.setdefault(other, set()).add(paper.id)
        arxiv = arxiv_key(paper.values.get("arxiv"))
        doi = str(paper.values.get("doi") or "").lower()
        if arxiv:
            self.by_arxiv.setdefault(arxiv, paper)
        if doi:
            self.by_doi.setdefault(doi, paper)
        for taken in paper.taken_titles():
            self.by_taken_title.setdefault(taken, paper)
        for key in sorted(paper.taken_keys()):
            keyed = self.by_key.setdefault(key, [])
            if not any(other is paper for other in keyed):  # (added again after each merge)
                keyed.append(paper)
        values = paper.values
        links = values.get("links")
        placed = tuple(values.get(name) for name in _PLACE)
        title_value = values.get("title")
        before = self._indexed.get(paper.id)
        if before is not None and before[0] is not paper:
            before = None
        self._indexed[paper.id] = (paper, links, placed, title_value)
        if before is None or before[1] is not links:
            for kind in _PAPER_LINKS:
                items = links.get(kind) if isinstance(links, dict) else None
                for item in items if isinstance(items, list) else ():
                    if isinstance(item, dict) and isinstance(item.get("url"), str):
                        self.by_paper_link.setdefault(same_link(item["url"]), paper)
        if before is None or any(a is not b for a, b in zip(before[2], placed)):
            if place := place_key(*placed):
                self.by_place.setdefault(place, paper)
        abstract = paper.values.get("abstract")
        if self.abstract_of.get(paper.id) is not abstract:  # a paper is added again after each merge
            self.abstract_of[paper.id] = abstract
            if bucket := abstract_bucket(abstract) if isinstance(abstract, str) else "":
                self.by_abstract.setdefault(bucket, []).append((abstract, paper))
        if before is not None and before[3] is title_value:
            return
        title = normalise_title(str(title_value or ""))
        if title:
            same = self.all_by_title.setdefault(title, [])
            if not any(other is paper for other in same):  # (added again after each merge)
                same.append(paper)
        if title:
            self.by_joined_title.setdefault(joined_title(title), paper)
        if title and title not in self.by_title:
            self.by_title[title] = paper
            self.titles.add(title, paper)

    def _by_abstract(self, abstract: str) -> Paper | None:
        """The paper first indexed with an abstract of this one's abstract_key (None for a
        short one's "")."""
        bucket = abstract_bucket(abstract)
        waiting = self.by_abstract.get(bucket)
        key = abstract_key(abstract) if waiting is not None else ""
        if not key:
            return None
        keyed = self.abstract_keys.setdefault(bucket, {})
        for text, paper in waiting:  # (in the order added: the first paper of a key stays)
            if text_key := abstract_key(text):
                keyed.setdefault(text_key, paper)
        waiting.clear()
        return keyed.get(key)

    def keyed(self, record: Record) -> list[Paper]:
        """The papers an import took a record of the record's key for: of its source, or
        (kept before sources were told) of any; Paper.same_record says which are its."""
        papers: list[Paper] = []
        for taken in provenance.key_digests(record.key, record.key_source):
            papers += [paper for paper in self.by_key.get(taken, ()) if not any(paper is other for other in papers)]
        return papers

    def versions(self, paper: Paper) -> list[Paper]:
        """``paper`` and the papers a curator parted from it that share its title (as
        compared), arXiv id or abstract, by id: what a record matched to ``paper`` by
        one of those may be. Only ``paper`` when there are none."""
        named = sorted(self.parted.get(paper.id, ()))
        others = [self.by_id[other] for other in named if other in self.by_id]
        if not others:
            return [paper]
        keys = _version_keys(paper)
        return [paper, *(other for other in others if any(a and a == b for a, b in zip(keys, _version_keys(other))))]

    def same_title(self, title: str) -> list[Paper]:
        """Every paper with this title (as titles are compared), in the order added."""
        return self.all_by_title.get(normalise_title(title), [])

    def find(
        self, record: Record
    ) -> tuple[Paper | None, str, float | None, tuple[Paper, str] | None]:
        """The paper, why, for a match by similar title alone its score, and a paper
        that may be the record's but is not taken for it, with why: one that shares only
        the record's abstract (see _abstract_names), or its authors and where it is
        printed (place_key)."""
        paper, reason, twin = self._find(record)
        if paper is None or not reason.startswith("similar title"):
            return paper, reason, None, twin
        return paper, reason, fuzz.ratio(
            normalise_title(record.title), normalise_title(str(paper.values.get("title") or ""))
        ), twin

    def _find(self, record: Record) -> tuple[Paper | None, str, tuple[Paper, str] | None]:
        if record.arxiv and arxiv_key(record.arxiv) in self.by_arxiv:
            return self.by_arxiv[arxiv_key(record.arxiv)], f"same arXiv id {record.arxiv}", None
        if record.doi and record.doi.lower() in self.by_doi:
            return self.by_doi[record.doi.lower()], f"same DOI {record.doi}", None
        title = normalise_title(record.title)
        if not title:
            return None, "", None
        if title in self.by_title:
            return self.by_title[title], "same title", None
        if (joined := self.by_joined_title.get(joined_title(title))) is not None:
            return joined, "same title but for a hyphen or space", None
        # (md3: or the title an earlier reading of this record gave, "J. Pearl" of a list's
        # "- J. Pearl. Causality: ... [pdf](…)": its title read anew is no second paper)
        # (rev106: an earlier reading's title only where the paper's year is the record's:
        # that reading gave two of Pearl's books one title, "J. Pearl", one paper, whose
        # year is the first's; the second, 1988 not 2000, is a paper of its own, not a
        # conflict on the first's title)
        earlier = [str(e.values[0]) for e in record.read_before if e.names == ("title",)]
        taken = next((
            paper for written in [record.title, *earlier]
            if (paper := self.by_taken_title.get(provenance.digest(written)) or self.by_taken_title.get(title_key(written)))
            and (written == record.title or _years_agree(paper, record))
        ), None)
        if taken is not None:
            return taken, "a title it was imported under", None
        keyed = [
            paper for paper in self.keyed(record) if paper.same_record(record)
        ] if record.key else []
        if len(keyed) == 1:  # (two such papers: the key says neither)
            return keyed[0], f"same source record {quoted(record.key)}, its title corrected", None
        for link in record.links:
            linked = self.by_paper_link.get(same_link(link.url)) if link.kind in _PAPER_LINKS else None
            if (
                linked is not None and not ids_disagree(linked, record)
                and _within(title, normalise_title(str(linked.values.get("title") or "")))
            ):
                # The same PDF, under a title one of whose words the other holds all of:
                # as an older import read a Markdown list, "Deep Residual Learning for
                # Image Recognition (CVPR 2016)", now read as the title and its venue. The
                # title stays the file's (a conflict), not a second paper.
                return linked, "same paper link, a title within the other", None
        shared = self._by_abstract(record.abstract)
        if shared is not None and _abstract_names(shared, record, title):
            return shared, "same abstract", None
        twin = None if shared is None else (shared, "same abstract")
        placed = self.by_place.get(place_key(*(getattr(record, name) for name in _PLACE)) or ())
        if twin is None and placed is not None and not ids_disagree(placed, record):
            twin = (placed, "same authors, venue, year and pages")
        similar = self.titles.similar(title)
        if similar is not None:
            return similar[0], f"similar title, {similar[1]:.0f}% alike", twin
        return None, "", twin


def _version_keys(paper: Paper) -> tuple[str, str, str]:
    """What two versions of one paper may share, as a record is matched by it."""
    values = paper.values
    return (
        normalise_title(str(values.get("title") or "")), arxiv_key(values.get("arxiv")),
        abstract_key(values.get("abstract")),
    )


def pick_version(versions: list[Paper], record: Record) -> Paper | None:
    """Which of papers a curator parted (`Index.versions`) the record is: the only one
    its DOI, else its arXiv id, else its venue (not a preprint's), else its year is
    that of; None when none of them tells (each is several's, or none's)."""
    at = _pick([paper.values for paper in versions], _version_values(record))
    return None if at is None else versions[at]


def _pick(papers: Sequence[Mapping[str, object]], record: Mapping[str, object]) -> int | None:
    """`pick_version` over the papers' values and the record's (`_version_values`): the
    position of the paper picked."""
    for name, key in _VERSION_FIELDS:
        theirs = key(record.get(name))
        if not theirs:
            continue
        agree = [n for n, values in enumerate(papers) if _agrees(name, key, record, values)]
        if len(agree) == 1:
            return agree[0]
    return None


def _version_values(record: Record) -> dict[str, object]:
    return {name: getattr(record, name) for name, _ in _VERSION_FIELDS}


@dataclass(frozen=True)
class Placing:
    """What would let `pick_version` place a record it cannot (`placing`)."""

    # Per version's id, the values only that version has, which given to the record
    # (in place of its own, if it has one) would place it there.
    record: dict[str, list[tuple[str, str]]]
    # Per field the record gives and some versions lack, (the value, the versions whose
    # file, given it, would take the record).
    files: list[tuple[str, str, list[Paper]]]


def placing(versions: list[Paper], record: Record) -> Placing:
    """What the record, or the versions' files, would need for `pick_version` to place a
    record it does not: each found by trying it, so that it is what the import then
    does. A file is only offered values it lacks: what it gives is the curator's."""
    papers = [paper.values for paper in versions]
    values = _version_values(record)
    given: dict[str, list[tuple[str, str]]] = {}
    for n, paper in enumerate(versions):
        for name, key in _VERSION_FIELDS:
            value = paper.values.get(name)
            if key(value) and not _agrees(name, key, values, paper.values) and _pick(papers, {**values, name: value}) == n:
                given.setdefault(paper.id, []).append((name, str(value).strip()))
    files: list[tuple[str, str, list[Paper]]] = []
    for name, key in _VERSION_FIELDS:
        value = values[name]
        if not key(value):
            continue
        into = [
            paper for n, paper in enumerate(versions)
            if not key(paper.values.get(name))
            and _pick([{**v, name: value} if m == n else v for m, v in enumerate(papers)], values) == n
        ]
        if into:
            files.append((name, str(value).strip(), into))
    return Placing(given, files)


def _agrees(
    name: str, key: Callable[[object], str], record: Mapping[str, object], paper: Mapping[str, object]
) -> bool:
    """Whether the record's value of ``name`` (one of `_VERSION_FIELDS`, given) is the
    paper's: the same by ``key``, or for a venue one conference in one year however
    named ("Advances in Neural Information Processing Systems" is "NeurIPS"), as the
    import takes them for one venue elsewhere (matchkeys.same_conference)."""
    theirs = key(record.get(name))
    if key(paper.get(name)) == theirs:
        return True
    return name == "venue" and bool(theirs) and bool(key(paper.get(name))) and same_conference(
        str(record.get(name)), record.get("year"), str(paper.get(name)), paper.get("year")
    )


def _venue_key(value: object) -> str:
    venue = str(value or "")
    return "" if PREPRINT.search(venue) else folded(venue)


def _year_key(value: object) -> str:
    return str(value or "").strip()


# The kinds of link that are the paper itself (a page of it, its PDF): one paper's each.
_PAPER_LINKS = ("paper", "pdf")
# Words a title within another must have at least, to say which paper it is.
_WITHIN_WORDS = 3


def _within(title: str, other: str) -> bool:
    """Whether one normalised title is the other's words with a venue and year before or
    after them ("deep residual learning for image recognition" in "... recognition cvpr
    2016"), or the same. Not with other words: a link the two share may be their
    proceedings' page, and "attention is all you need in speech separation" is another
    paper than "attention is all you need"."""
    shorter, longer = sorted((title, other), key=len)
    if len(shorter.split()) < _WITHIN_WORDS or f" {shorter} " not in f" {longer} ":
        return False
    more = f" {longer} ".replace(f" {shorter} ", " ", 1).split()
    return not more or (len(more) <= _VENUE_WORDS and any(_YEAR.fullmatch(word) for word in more))


# At most so many words, one of them a year ("cvpr 2016", "iclr 24", "acl 2023
# findings"), are a venue and year beside a title.
_VENUE_WORDS = 4
_YEAR = re.compile(r"(?:19|20)?\d{2}")


def by_title(reason: str) -> bool:
    """Whether a match was made by title alone (no arXiv id, DOI or abstract)."""
    return reason in ("same title", "same title but for a hyphen or space", "a title it was imported under") or (
        reason.startswith("similar title")
    )


# The fields that say who wrote a paper and where it is printed, in place_key's order.
_PLACE = ("authors", "venue", "year", "volume", "number", "pages")


def place_key(
    authors: object, venue: object, year: object, volume: object, number: object, pages: object
) -> tuple[str, ...] | None:
    """Who wrote a paper and where it is printed, as compared (names and venue however
    typed, pages whatever their dash): no two papers have it all. None without authors,
    a venue, a year or pages (the same authors publish twice in a journal's year)."""
    if not (isinstance(authors, (list, tuple)) and authors and venue and year and pages):
        return None
    return (
        "\n".join(folded(shown_name(str(name))) for name in authors),
        folded(str(venue)), str(year).strip(), str(volume or "").strip(), str(number or "").strip(),
        "".join(en_dashed_pages(str(pages)).split()),
    )


def _years_agree(paper: Paper, record: Record) -> bool:
    """Whether the paper and the record give one year, or either gives none."""
    mine, theirs = str(paper.values.get("year") or "").strip(), str(record.year or "").strip()
    return not (mine and theirs) or mine == theirs


def ids_disagree(paper: Paper, record: Record) -> bool:
    """Whether the paper and the record each have an arXiv id, or each a DOI, and those
    differ: then they are two papers, whatever their titles."""
    for name, key in (("arxiv", arxiv_key), ("doi", doi_key)):
        mine, theirs = paper.values.get(name), getattr(record, name)
        # (A side without one has no key: neither is made then, the usual case.)
        if mine and theirs and (mine := key(mine)) and (theirs := key(theirs)) and mine != theirs:
            return True
    return False


def apart(paper: Paper, record: Record) -> bool:
    """Whether a paper and a record of one title are two papers: their ids disagree, or
    their people and years do (matchkeys.two_works); not when an earlier import took the
    record's ids, or its authors, for this paper (a curator changed them since)."""
    if ids_disagree(paper, record):
        return not paper.met_before(record)
    if not two_works(
        paper.values.get("authors"), paper.values.get("year"), record.authors, record.year,
        least=1 if other_kinds(paper, record) else 2,  # (a book, and a chapter by one other person)
    ):
        return False
    taken = provenance.digest(list(record.authors))
    return taken not in paper.seen_fields.get("authors", ()) and (
        paper.prior is None or taken not in paper.prior.fields.get("authors", ())
    )


def other_kinds(paper: Paper, record: Record) -> bool:
    """Whether a paper and a record of one title (or near titles) are works of kinds no
    export of one paper mixes (matchkeys.kinds_differ: a book and an article)."""
    return kinds_differ(paper.values, {"venue": record.venue, "publisher": record.publisher})


def arxiv_key(value: object) -> str:
    """An arXiv id as papers are told apart by it: without its version (2101.00010v2 is
    2101.00010, as `check` compares them)."""
    if not value:
        return ""  # (most papers have none: asked 80,000 times by a re-import of 10,000)
    return without_subject_class(_ARXIV_VERSION.sub("", str(value).strip().lower()))


def doi_key(value: object) -> str:
    return str(value or "").strip().lower()


_ARXIV_VERSION = re.compile(r"v\d+$")
# What tells papers a curator parted apart, in `pick_version`'s order, with the key each
# is compared by.
_VERSION_FIELDS: tuple[tuple[str, Callable[[object], str]], ...] = (
    ("doi", doi_key), ("arxiv", arxiv_key), ("venue", _venue_key), ("year", _year_key),
)


def _abstract_names(paper: Paper, record: Record, title: str) -> bool:
    """Whether the abstract the record shares with the paper makes them one paper: the
    titles are somewhat alike (reworded, not unrelated) and no arXiv id or DOI disagrees.
    A withdrawal notice or a publisher's boilerplate is one long text of many papers."""
    if ids_disagree(paper, record):
        return False
    return abstract_titles_alike(title, normalise_title(str(paper.values.get("title") or ""))) is not None


def abstracts_differ(paper: Paper, record: Record) -> bool:
    """Both abstracts given and clearly not one text revised (nor one cut short)."""
    return different_abstracts(str(paper.values.get("abstract") or ""), record.abstract)

