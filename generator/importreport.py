"""What an import reports: the papers it added, updated or left, and what it said of
them (duplicates merged, conflicts, values kept, titles only recapitalised at their
source and not taken, preprint venues replaced, venues that were addresses taken out,
titles recased, author lists and other values a source
record corrected)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .conflicts import Conflict, Kept, Recapitalised, difference, names_difference
from .errors import Location, Problem, Skipped, counted
from .matchkeys import one_person
from .quoting import quoted
from .tombstones import NotRecreated


@dataclass(frozen=True)
class Duplicate:
    """A record merged into a paper met before (in content/ or earlier in the input),
    unless an earlier import took that record for that paper (see importmatch.Paper.met_before)."""

    paper_id: str
    source: Location
    reason: str
    # An entry of the same file that this one repeats but for its citation key (its key,
    # where it is, and this one's key): no other record of the paper but the same twice,
    # which the curator can take out of the file.
    again: tuple[str, Location, str] | None = None
    # The record of the same import the paper was made from, when it was (no file of
    # content/ names it yet): where the entry this one repeats is.
    earlier: Location | None = None

    def __str__(self) -> str:
        if self.again:
            key, where, own = self.again
            return (
                f"{self.source}: the entry {quoted(own)} is the entry {quoted(key)} ({where}) again, under another key;"
                f" merged: the list keeps one paper, {self.paper_id}; delete one of the two entries from {where.path}"
            )
        if self.earlier is not None:
            return f"{self.source}: duplicate of {self.paper_id}, the record at {self.earlier} ({self.reason}); merged"
        # A paper of content/ (written by hand, or imported from another record): "duplicate
        # of" read as a second copy made, where the record was the same paper imported
        # again and its file filled from it (the report's "updated" says whether it was).
        return (
            f"{self.source}: already in the list as {self.paper_id} ({self.reason}): merged into its file"
        )


@dataclass(frozen=True)
class GainedId:
    """An arXiv id or DOI (``name``: its field) that a source record an earlier import
    took for a paper without one gives now, filled: the paper's update, not a duplicate
    (importmatch.Paper.gained_ids)."""

    paper_id: str
    source: Location
    name: str
    value: str

    def __str__(self) -> str:
        what = "arXiv id" if self.name == "arxiv" else "DOI"
        return (
            f"{self.name}: {self.paper_id} got its {what} {self.value} (from {self.source}, the source"
            f" record imported before without one)"
        )


@dataclass(frozen=True)
class Published:
    """A paper's preprint venue, which the importer took, replaced by its published one
    (and the year with it when that was the importer's too)."""

    paper_id: str
    venue: str
    year: str
    was_venue: str
    was_year: str

    def __str__(self) -> str:
        # "Proceedings of NAACL-HLT 2019", not "... 2019 2019"
        now = self.venue if self.year in ("", *self.venue.split()) else f"{self.venue} {self.year}"
        was_venue = self.was_venue or "no venue"  # (an arXiv preprint's record has none)
        was = f"{was_venue}, {self.was_year}" if self.was_year else was_venue
        return f"published: {self.paper_id} now {now} (was {was})"


@dataclass(frozen=True)
class AddressVenue:
    """A venue an earlier import read from an address (``howpublished =
    {\\url{example.com/x}}`` gave "example.com/x"), which the source, read again, gives
    as a link: replaced by the venue the source now names, or taken out."""

    paper_id: str
    venue: str
    was: str

    def __str__(self) -> str:
        now = f"now {self.venue}" if self.venue else "no venue now"
        return (
            f"venue: {self.paper_id} {now} (was {quoted(self.was)}, an address an earlier import"
            " read as the venue; it is a link)"
        )


def _record(key: str, by: str) -> str:
    """A source record as the report names it: by its citation key ('garcia2020'), else
    by what it is known by ("of DOI 10.1109/CVPR.2016.90"), which is no key of it."""
    return quoted(key) if key else f"of {by}"


@dataclass(frozen=True)
class Recased:
    """A title an earlier import took with its acronyms lowered (Google Scholar's "Bert:
    Pre-training of deep…"), given their capitals by a source that writes them: only
    those words, the rest of the title as the file has it. Or (``key``) a title an
    earlier import took from a source record since retitled in the reference manager:
    the record's title, the paper's id unchanged."""

    paper_id: str
    title: str
    was: str
    # Why: by default the acronyms; else the source record's citation key, a record
    # retitled in the reference manager (importmatch.Paper.same_record): the whole title.
    key: str = ""
    by: str = ""  # a record of no key, what it is known by ("DOI 10.1109/…": importmatch.named_by)

    def __str__(self) -> str:
        if self.key or self.by:
            return (
                f"title: {self.paper_id} now {quoted(self.title)} (was {quoted(self.was)}: its source record"
                f" {_record(self.key, self.by)} was retitled; the id stays {self.paper_id}: 'readinglist rename'"
                " renames it)"
            )
        return f"title: {self.paper_id} now {quoted(self.title)} (was {quoted(self.was)}: a source had lower-cased its acronyms)"


@dataclass(frozen=True)
class Reauthored:
    """An author list an earlier import took from a source record, untouched since, given
    the list that record now has, corrected in the reference manager (its citation key:
    importmatch.Paper.corrected_record). Said by the names that changed, each for the one
    at its place, when the lists are as long and not one reordered; else as two lists.
    Or (no ``key``) a list an earlier import took cut short with "others", untouched
    since, given the whole list a source names: its named authors first."""

    paper_id: str
    authors: tuple[str, ...]
    was: tuple[str, ...]
    # Why: the source record's citation key, corrected since; none: the list was cut short.
    key: str
    by: str = ""  # a record of no key, what it is known by ("DOI 10.1109/…": importmatch.named_by)

    def __str__(self) -> str:
        why = (
            f"its source record {_record(self.key, self.by)} was corrected" if self.key or self.by
            else "it was cut short with 'others'"
        )
        if len(self.authors) == len(self.was) and sorted(self.authors) != sorted(self.was):
            changed = ", ".join(
                f"{quoted(now)} for {quoted(was)}" for now, was in zip(self.authors, self.was) if now != was
            )
            return f"authors: {self.paper_id} now {changed} ({why})"
        # A long list as a conflict of author lists shows it: around the names that
        # differ, a list without names the other has without an empty «».
        was, now = names_difference(list(self.was), list(self.authors), one_person)
        return f"authors: {self.paper_id} now {quoted(now)} (was {quoted(was)}: {why})"


@dataclass(frozen=True)
class Corrected:
    """A value other than a title or author list (a venue, venue kind, publisher,
    abstract) that an earlier import wrote from a source record, untouched since, given the value that
    record now has, corrected in the reference manager (its citation key:
    importmatch.Paper.corrected_record). A long one (an abstract) as a conflict shows
    it: around where the two differ. Or (``why``) a value an earlier import wrote,
    untouched since, that another source says more fully (a thesis's university)."""

    paper_id: str
    name: str
    value: str
    was: str
    key: str
    why: str = ""
    by: str = ""  # a record of no key, what it is known by ("DOI 10.1109/…": importmatch.named_by)

    def __str__(self) -> str:
        was, now = difference(self.was, self.value)
        why = self.why or f"its source record {_record(self.key, self.by)} was corrected"
        return f"{self.name}: {self.paper_id} now {quoted(now)} (was {quoted(was)}: {why})"


@dataclass(frozen=True)
class ReadBeforeChange:
    """Values an earlier version of the importer wrote that this one reads otherwise
    (ingest.ReadBefore), taken out of a paper's file where they were still its own:
    what the fields held (``was``) and hold now (``now``, "" for none)."""

    paper_id: str
    names: tuple[str, ...]
    was: tuple[str, ...]
    now: tuple[str, ...]
    why: str

    def __str__(self) -> str:
        # A long value and the one now (an abstract without its copyright notice) as a
        # conflict shows them: around where they differ.
        shown = [difference(was, now) if was and now else (was, now) for was, now in zip(self.was, self.now)]
        now = (
            f"now {', '.join(quoted(n) for _, n in shown)}" if any(self.now)
            else f"no {self.names[0]} now" if len(self.names) == 1 else "none now"
        )
        was = ", ".join(quoted(w) for w, _ in shown)
        return f"{', '.join(self.names)}: {self.paper_id} {now} (was {was}: {self.why})"


@dataclass
class ImportReport:
    records: int = 0
    # A rename killed outright that this import finished first ("paper old -> new"), or "".
    finished_rename: str = ""
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    # The places of the records that made or changed a paper (added or updated).
    changed_from: set[Location] = field(default_factory=set)
    # The records whose paper has no authors after the import (`errors.Problems.if_authorless`).
    authorless_from: set[Location] = field(default_factory=set)
    duplicates: list[Duplicate] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    links_found: int = 0
    warnings: list[Problem] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)  # deleted by a curator: not recreated
    # Records of papers a curator keeps apart (`not_same_as:`) that do not tell which they
    # are: imported into neither, each warned of.
    undecided: int = 0
    not_recreated: list[NotRecreated] = field(default_factory=list)  # one per deleted paper
    # Deleted papers brought back (--restore): written, so also in ``added``.
    restored: list[str] = field(default_factory=list)
    # Of those, the ones whose file git still had, restored as it was: id -> its commit.
    restored_from: dict[str, str] = field(default_factory=dict)
    # Records merged into a paper an earlier record of this input already named: the
    # paper is counted once, in added, updated or unchanged.
    repeats: int = 0
    left_alone: list[str] = field(default_factory=list)  # files changed while the import ran
    read_only: list[str] = field(default_factory=list)  # read-only files it had changes for
    # Preprint venues a file held that a published venue replaced (the paper is updated).
    published: list[Published] = field(default_factory=list)
    # Venues an earlier import read from an address, replaced or taken out (updated).
    address_venues: list[AddressVenue] = field(default_factory=list)
    # Titles an earlier import took with their acronyms lowered, given their capitals,
    # or whose source record was retitled, given its title (updated).
    recased: list[Recased] = field(default_factory=list)
    # Author lists an earlier import took, whose source record was corrected since, given
    # its list (updated).
    reauthored: list[Reauthored] = field(default_factory=list)
    # Other values an earlier import wrote (a venue, publisher, abstract...), whose source
    # record was corrected since, given its value (updated). (Never a year, volume, issue
    # or pages: those of its own make a record another publication: importmatch.) And
    # a thesis's venue an earlier import wrote without the university a source names.
    corrected: list[Corrected] = field(default_factory=list)
    # arXiv ids and DOIs that records met before without them give now, filled (updated).
    gained_ids: list[GainedId] = field(default_factory=list)
    # Values an earlier version of the importer read from a source, which it reads
    # otherwise now, taken out (updated).
    read_before: list[ReadBeforeChange] = field(default_factory=list)
    # Values a curator wrote over what an earlier import took, which a source offers
    # again: kept, and said (once per paper and field).
    kept: list[Kept] = field(default_factory=list)
    # Titles whose source record an earlier import took now writes them in other capitals
    # only (recapitalised in the reference manager): not taken, said once per paper.
    recapitalised: list[Recapitalised] = field(default_factory=list)
    # Titles this import wrote (a new paper's, or a title filled) in lower case but where
    # a sentence starts, as Google Scholar exports them: counted in one notice.
    lowered: list[str] = field(default_factory=list)
    # ... and venues so (each once), and how many papers' files hold either.
    lowered_venues: list[str] = field(default_factory=list)
    lowered_papers: int = 0
    # Titles this import wrote in capitals throughout ("MASTERING THE GAME OF GO...").
    shouted: list[str] = field(default_factory=list)
    # Papers this import added without a year (each id, with the input file it was made
    # from; import_paths keeps those of BibTeX and RIS files), in the input's order.
    yearless: list[tuple[str, str]] = field(default_factory=list)
    # The parts of the inputs no paper was taken from (a list's items that name none, a
    # BibTeX entry or RIS record without a title), in the inputs' order: no records, so
    # counted apart in the summary, and said kind by kind (`skipped_notices`).
    skipped: list[Skipped] = field(default_factory=list)

    def value_changes(self) -> tuple[list[Any], ...]:
        """The changes an update made to the values of papers' files, kind by kind, in the
        order the report prints them: each change has its ``paper_id`` and is said on a
        line of its own (``str``)."""
        return (
            self.gained_ids, self.published, self.address_venues, self.recased,
            self.reauthored, self.corrected, self.read_before,
        )

    def lowered_notice(self) -> str:
        """One line for the titles in ``lowered`` and venues in ``lowered_venues`` ("" for
        none): how many, and what to do. Their capitals are not guessed (which words are
        names, which acronyms, only a source knows), and only a source of the same import
        gives them all (importmerge: a title or venue in the file is the curator's to spell)."""
        titles, venues = self.lowered, self.lowered_venues
        if not titles and not venues:
            return ""
        what = " and ".join(
            counted(len(values), noun) for values, noun in ((titles, "title"), (venues, "venue")) if values
        )
        are, their = ("are", "their") if len(titles) + len(venues) > 1 else ("is", "its")
        files = "papers' files" if self.lowered_papers > 1 else "paper's file"
        shown = "; ".join(quoted(text) for text in titles[:2] + venues[:1]) + (
            "; …" if len(titles) > 2 or len(venues) > 1 else ""
        )
        return (
            f"note: {what} this import wrote {are} in lower case but"
            f" for {their} first letters, as Google Scholar exports them ({shown}): write {their}"
            f" capitals in the {files}, which no import rewrites;"
            " a source that has them (DBLP's, arXiv's or the publisher's BibTeX) gives them only in"
            " the same import as this one (e.g. readinglist import scholar.bib dblp.bib), and later"
            " only a title's acronym's ('Bert' as 'BERT')"
        )

    def shouted_notice(self) -> str:
        """One line for the titles in ``shouted`` ("" for none): how many, and what to do.
        Their capitals are not guessed, as for a title in lower case (`lowered_notice`)."""
        if not self.shouted:
            return ""
        are, their, files = ("are", "their", "papers' files") if len(self.shouted) > 1 else ("is", "its", "paper's file")
        shown = "; ".join(quoted(text) for text in self.shouted[:2]) + ("; …" if len(self.shouted) > 2 else "")
        return (
            f"note: {counted(len(self.shouted), 'title')} this import wrote {are} in capitals throughout,"
            f" as some exports write them ({shown}): write {their} capitals in the {files}, which no"
            " import rewrites (which words are names or acronyms, only a source knows)"
        )

    def yearless_notice(self) -> str:
        """One line for the papers in ``yearless`` ("" for none): how many, which, and
        what to do. (Unsaid, such a paper stood last in its topic's table and was cited
        without a year; only `readinglist gaps` found it.)"""
        if not self.yearless:
            return ""
        one = len(self.yearless) == 1
        has, files, records, them = (
            ("has", "its file", "its record", "it") if one else ("have", "their files", "their records", "them")
        )
        shown = ", ".join(paper_id for paper_id, _ in self.yearless[:3]) + (", …" if len(self.yearless) > 3 else "")
        return (
            f"note: {counted(len(self.yearless), 'paper')} this import added {has} no year"
            f" ({shown}): write 'year:' in {files},"
            f" or give {records} a year and import {them} again;"
            " readinglist gaps --field year lists every paper without one"
        )

    def conflicts_notice(self) -> str:
        """One line after the conflicts ("" for none): what to do of them, and that they
        are said once. (A curator who read "not written" and let it be was never told again:
        a later import of the same value says nothing, importmerge's record of it.)"""
        if not self.conflicts:
            return ""
        return (
            f"note: {counted(len(self.conflicts), 'conflict')} above, the file's value kept: no later"
            " import of the same value says it again; where the source is right, write its value"
            " in the paper's file"
        )

    def skipped_notices(self) -> list[str]:
        """One line for each kind of part of the inputs skipped and why ("note: 12 list
        items skipped: not a paper (...): list.md:3, list.md:5, list.md:9, and 9 more"),
        in the order each kind first stands: how many, and where the first few are, so
        that a list of 300 badges and links says so in a line, not 300."""
        groups: dict[tuple[str, str], list[Location]] = {}
        for skipped in self.skipped:
            if skipped.warned:
                continue  # (its warning said it, at its place, with what to do)
            groups.setdefault((skipped.what, skipped.why), []).append(skipped.location)
        lines = []
        for (what, why), places in groups.items():
            shown = ", ".join(str(place) for place in places[:_PLACES_SHOWN])
            more = f", and {len(places) - _PLACES_SHOWN} more" if len(places) > _PLACES_SHOWN else ""
            lines.append(f"note: {len(places)} {_plural(what, len(places))} skipped: {why}: {shown}{more}")
        return lines

    def summary(self) -> str:
        """One line whose record counts add up: each record added a paper, updated or
        left unchanged one, named a paper another record named, was skipped (a deleted
        paper) or one of papers kept apart it does not tell (not imported), or reached a
        file left alone (changed meanwhile, or read-only). The
        duplicates merged are records counted there already (of a paper met before: in
        content/, or named earlier in the input), so they are said "of which", apart;
        conflicts (fields) and links come after."""
        parts = [
            f"{len(self.added)} added", f"{len(self.updated)} updated",
            f"{len(self.unchanged)} unchanged",
        ]
        if self.repeats:
            parts.append(f"{self.repeats} naming a paper another record names")
        if self.removed:
            parts.append(
                f"{len(self.removed)} skipped ({len(set(self.removed))} paper(s) deleted by a "
                "curator, not recreated)"
            )
        if self.undecided:
            parts.append(
                f"{self.undecided} not imported (which of the papers kept apart each is, nothing"
                " in it tells: see the warnings)"
            )
        if self.left_alone:
            parts.append(f"{len(self.left_alone)} left alone (its file changed meanwhile)")
        if self.read_only:
            parts.append(f"{len(self.read_only)} left alone (its file is read-only)")
        # The inputs' parts no paper was taken from are no records: after the records'
        # counts, each format's alike (only when there are any: an import that skipped
        # nothing says what it said before).
        # (Those a warning said are not said again in a note: "see" names where each is.)
        said = {"warnings" if skipped.warned else "notes" for skipped in self.skipped}
        see = " and ".join(kind for kind in ("warnings", "notes") if kind in said)  # (as printed)
        skipped = f"; {len(self.skipped)} skipped in the input (no paper taken: see the {see})" if self.skipped else ""
        return (
            f"{self.records} record(s): " + ", ".join(parts)
            + f"; of which {len(self.duplicates)} duplicate(s) merged"
            + f"; {len(self.conflicts)} conflict(s), {self.links_found} link(s) found"
            + skipped
        )


# Where the parts of one kind an import skipped stand: the first few shown.
_PLACES_SHOWN = 3


def _plural(what: str, count: int) -> str:
    """"list item", "BibTeX entries": a skipped part's kind, counted."""
    if count == 1:
        return what
    return what[:-1] + "ies" if what.endswith("y") else what + "s"

