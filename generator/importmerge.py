"""Merging one imported record into its paper, field by field and link by link.

Import only ever fills what is missing. A value a curator set is never overwritten; when
the import disagrees, the disagreement is reported as a conflict at the curated value's
``path:line:col``. One exception: a preprint venue the importer took ("arXiv preprint
arXiv:...", "CoRR") gives way to a source's published venue, and the year with it when
that too is the importer's (see _versions); a preprint venue never replaces a published
one, and is no conflict. And a title the importer took with its acronyms lowered ("Bert:
…", as Google Scholar writes it) takes their capitals from a source that has them, and
tags the importer took, untouched since, take the tags a source adds to them. A title
the importer wrote from a source record, untouched since, takes that record's title
corrected in the reference manager (the same citation key: importmatch.Paper.same_record),
and an author list, venue, abstract or any other value the importer wrote from that
record its corrected one (importmatch.Paper.corrected_record, Paper.wrote; see
_corrected_at_source). What the
importer took from the sources is kept in ``content/sources/imported.json`` (see
provenance.py): a source value taken before is
not offered again, so a link or field a curator deleted or edited stays that way, and
only values new in the sources fill or conflict (a three-way merge).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from . import provenance
from .conflicts import Conflict, Kept, Recapitalised, names_difference
from .errors import Problem, Severity
from .importmatch import (
    Paper, arxiv_key, doi_key, link_key, named_by, record_mark, record_name, same_link, told, took_over, untold,
    untold_name, written, written_digest,
)
from .importreport import AddressVenue, Corrected, ImportReport, Published, ReadBeforeChange, Reauthored, Recased
from .ingest import ReadBefore, Record, same_work, without_notice
from .latex import simple_math_read, without_math
from .matchkeys import PREPRINT, abbreviates, by_acronym, one_person, person_keys, same_conference, surname_marks, title_key
from .models import OTHERS, pages_text
from .names import braced_name, cited_whole
from .quoting import quoted


# Fields an import can supply, with how the record holds them.
TEXT_FIELDS = (
    "title", "year", "venue", "venue_kind", "volume", "number", "pages", "publisher", "arxiv", "doi", "abstract",
)
# What a source says of the venue it names: taken only for a paper that holds that venue.
_OF_VENUE = frozenset({"venue_kind", "volume", "number", "pages", "publisher"})
# The provenance record's name for what was said left out (no field has a space).
_LEFT_OUT = "left out"
LIST_FIELDS = ("authors", "editors", "tags")


def _empty(value: object) -> bool:
    return value is None or value == "" or value == [] or value == {}


def merge(paper: Paper, record: Record, report: ImportReport, retitled: bool | None = None) -> None:
    """Merge ``record`` into ``paper``; ``retitled``: ``paper.same_record(record,
    before=True)`` when the caller has asked it already (nothing since changed the paper)."""
    prior = paper.prior
    # A source record an earlier import took for the paper (its citation key), its title
    # perhaps corrected since in the reference manager.
    if retitled is None:
        retitled = paper.same_record(record, before=True)
    # Such a record, or one under the title the importer took (its authors perhaps
    # corrected): asked before this record's own values count as taken (Paper.taken).
    corrected = retitled or paper.corrected_record(record)
    # Or such a record whose venue's spelling was mended (a typo): for the venue alone.
    revenued = corrected or paper.corrected_record(record, mended="venue")
    # Or a record of its citation key (or DOI) that is of another publication (its year,
    # venue, volume...): asked now, as its values count as taken once merged, to say why
    # its values are conflicts (_not_corrected).
    apart = not revenued and paper.same_key(record, before=True) and not paper._same_publication(record, "venue")
    apart_why = paper.elsewhere_said(record) if apart else ""  # (asked now, as apart)
    known, by = record_name(record)
    if known:
        # (Its citation key, or for a record of an export that gives none its DOI or arXiv id.)
        keys = paper.seen_fields.setdefault(provenance.KEY_FIELD, set())
        digest = provenance.key_digest(known, by)
        if (
            not record.key and paper.prior is not None and digest not in keys
            and digest not in paper.prior.fields.get(provenance.KEY_FIELD, ())
            and untold(paper.taken_keys(), record)
        ):
            # (The name kept before exporters were told apart, by an earlier import: now
            # this one's. Asked only of a record whose name is not taken yet: once taken
            # over, it is.) Not by a record that gives something new where that import
            # wrote: which exporter wrote then was not kept, and another's values are no
            # correction (a Zotero item's of what the publisher's download wrote). Its
            # values are conflicts, and the name stays untold, until an export agrees.
            if not _gives_other_than_untold(paper, record):
                keys.update(took_over(record))
                keys.add(digest)
        else:
            keys.add(digest)
    _address_venue(paper, record, report)
    read_before = _read_before(paper, record)
    versions = _versions(paper, record)
    # Said only when the file held the preprint venue, not when this run filled it.
    replaces_file = versions == "published" and "venue" not in paper.fills
    was_venue, was_year = str(paper.values.get("venue") or ""), str(paper.values.get("year") or "")
    left_out: list[str] = []  # what the record says of a venue the paper does not hold ("volume 21")
    mended_venue: str | None = None  # the venue whose typo this record mended, if it did
    for name in TEXT_FIELDS + LIST_FIELDS:
        imported: object = getattr(record, name)
        if not imported:
            continue
        if name in _OF_VENUE and not _holds_venue(paper, record):
            # The kind, pages... of a venue the paper does not hold (after "venue" above):
            # the journal version's pages are not the conference paper's. Not seen, so
            # that a source naming the paper's own venue fills them later; said, once
            # (recorded apart), since a curator who shortened the venue ("NeurIPS") may
            # want them.
            own = str(paper.values.get(name) or "")
            if (
                name != "venue_kind" and record.venue and paper.values.get("venue")  # (a book: a conflict)
                # (Taken before, its venue then the paper's: an older export of a record
                # whose venue the curator corrected since, or the curator's venue now.)
                and not (prior is not None and prior.has_value(name, imported))
                and own != imported and not (name == "pages" and pages_text(own) == pages_text(str(imported)))
            ):
                said = provenance.digest([record.venue, name, str(imported)])
                paper.seen_fields.setdefault(_LEFT_OUT, set()).add(said)
                if prior is None or said not in prior.fields.get(_LEFT_OUT, ()):
                    # With its value: "copy them if they are its" is then done from
                    # the warning, not by opening the source at its line.
                    left_out.append(f"{name} {imported}")
            continue
        if name in LIST_FIELDS:
            imported = list(imported)  # type: ignore[arg-type]
        years = (paper.values.get("year"), record.year)  # (a venue's: see _disagree)
        digest = provenance.digest(imported)
        paper.seen_fields.setdefault(name, set()).add(digest)
        # Which record gave it (record_mark), so that the import record keeps which
        # value the importer wrote from which record (Paper.seen, "<field> written").
        paper.offered[name] = (imported, digest)
        paper.given_by.setdefault(name, {}).setdefault(digest, []).append(record)
        if name == "title":
            # Its matching form too, so that a paper is recognised (or, deleted, stays
            # deleted) when another source writes its title as "Multi-task", not "Multi-Task".
            paper.seen_fields["title"].add(title_key(str(imported)))
        if name == "authors":
            # Its people too, so that, deleted, the paper stays deleted when its source
            # record's list is corrected since (tombstones.py).
            paper.seen_fields["authors"].update(surname_marks(imported))
        if prior is not None and digest in prior.fields.get(name, ()):
            # Taken before: whatever the file holds now is the curator's choice. A value
            # no source gave (a hand edit, not a deletion) is said to be kept.
            current = paper.values.get(name)
            # (_disagree first: a file that holds the value taken, as most do, needs no
            # digest of it, 0.15 s of an unchanged re-import of 10,000 records.)
            if (
                not _empty(current) and name not in paper.kept
                and _disagree(name, current, imported, years) and not prior.has_value(name, current)
            ):
                paper.kept.add(name)
                report.kept.append(Kept(paper.location_of(name), name, _as_text(current), _as_text(imported)))
            continue
        if name == "venue" and _empty(paper.values.get("venue")) and paper.values.get("publisher"):
            # A publisher and no venue: the paper is a book, and a venue would make it an
            # article (one title, two works: "Deep Learning", the book and the review).
            report.conflicts.append(Conflict(
                paper.location_of("publisher"), "venue", "", _as_text(imported), record.source,
                absent=f"a book by {paper.values['publisher']}",
            ))
            continue
        if versions == "preprint" and name in ("venue", "year"):
            continue  # the older version's: the paper's published venue and year stand
        current = paper.values.get(name)
        if versions == "published" and name in ("venue", "year") and current != imported and (
            name == "venue" or _own(paper, "year")
        ):
            current = None  # the importer's own preprint value, replaced as if missing
        if name in ("title", "venue") and name in paper.fills and (
            _better_cased(current, imported)
            or (name == "venue" and _better_cased_proceedings(current, imported, years))
            or (name == "venue" and _fuller_name(current, imported, years))
        ):
            # A title or venue this import took as a source lower-cased it (Google
            # Scholar's "Lora: Low-rank adaptation...", "Advances in neural information
            # processing systems"), and another source of the same import keeps its
            # capitals (DBLP's booktitle of the conference, its number, days and place
            # after them): that one, as that source gives it first. Not one from an
            # earlier import: whether a curator wrote it since cannot be told when it
            # equals what some source offered. Likewise a conference this import took by
            # its acronym ("NIPS"), and another source's name of it that year: the name.
            current = None
        if name == "venue" and _completed_work(current, imported) and (
            name in paper.fills or (_own(paper, name) and paper.on_its_own_line(name))
        ):
            # A thesis or report the importer took named without its university or
            # institution ("PhD thesis", as a Markdown list may say it), and a source that
            # names it ("PhD thesis, Carnegie Mellon University", a BibTeX export's
            # school): one work, the fuller name. Said when an earlier import wrote the
            # file's; a curator's (typed, or with a comment beside it) stands, as below.
            if name not in paper.fills:
                report.corrected.append(Corrected(
                    paper.id, name, _as_text(imported), _as_text(current), record.key,
                    why="the source names the university or institution",
                ))
            current = None
        same = retitled if name == "title" else corrected or revenued
        # The record as it was when it wrote the file's values: a preprint's record,
        # published since, under the preprint venue; a record whose venue's typo was
        # mended in the same export as the value (revenued, not corrected), under the
        # venue it had (the file's, as it was before this record).
        under = (
            was_venue if versions == "published"
            else was_venue if revenued and not corrected and name not in ("title", "venue") else None
        )
        if _corrected_at_source(paper, record, name, current, imported, years, same, under):
            # The importer's own value, taken from this very source record and untouched
            # since, which the curator has corrected in the reference manager (a venue's
            # typo, an abstract, the title, an author's name: see _corrected_at_source):
            # the record's value now. (Edited by the curator, commented, or not written
            # by the importer from this record, the file's stays, a conflict.) A title's
            # id, and file name, stay.
            paper.values[name] = paper.fills[name] = imported
            if name == "title":
                report.recased.append(Recased(paper.id, str(imported), str(current), record.key, named_by(record)))
            elif name == "authors":
                report.reauthored.append(Reauthored(
                    paper.id, tuple(imported), tuple(current), record.key, named_by(record),  # type: ignore[arg-type]
                ))
            else:
                report.corrected.append(Corrected(
                    paper.id, name, _as_text(imported), _as_text(current), record.key, by=named_by(record),
                ))
                if name == "venue":
                    mended_venue = was_venue
            continue
        if (
            name == "title" and name not in paper.fills and prior is not None
            and isinstance(current, str) and prior.has_value(name, current)
        ):
            # A title an earlier import took, untouched since, whose acronyms that source
            # lowered ("Bert: Pre-training…"): they take this source's capitals, and the
            # rest stays as the file writes it (sentence case may be the curator's style;
            # "Bert" for BERT is no style's).
            restored = _acronyms_restored(current, str(imported))
            if restored != current:
                if paper.wrote(name, record, current):
                    # Still the title the importer wrote from this record ("title
                    # written"), which it may retitle later; else, as the file's was, not.
                    paper.given_by[name].setdefault(provenance.digest(restored), []).append(record)
                paper.values[name] = paper.fills[name] = restored
                paper.seen_fields[name].add(provenance.digest(restored))
                # (The record's other capitals are not taken either: this line shows
                # the title as it is now, so no note of them follows.)
                report.recased.append(Recased(paper.id, restored, current))
                continue
        if (
            name == "tags" and name not in paper.fills and prior is not None
            and isinstance(current, list) and current and prior.has_value(name, current)
        ):
            # Tags an earlier import took, untouched since, and a source that has them all
            # and more (a tag the curator added in Zotero, exported again): the new ones
            # join them. (Others than the file's, or the file's edited, stay a conflict.)
            more = _tags_to_add(prior, current, imported)  # type: ignore[arg-type]
            if more is not None:
                if more:
                    paper.values[name] = paper.fills[name] = [*current, *more]
                    paper.seen_fields[name].add(provenance.digest(paper.values[name]))
                _mark_tags(paper, [*current, *more])
                continue
        if (
            name == "authors" and name not in paper.fills and prior is not None
            and isinstance(current, list) and prior.has_value(name, current)
            # (An import wrote an author list into the file: a list a curator typed, that
            # a record then only met, is theirs.)
            and prior.fields.get(written(name)) and paper.on_its_own_line(name) and isinstance(imported, list)
            and not any(_is_others(a) for a in imported) and _cut_short(current, imported)
        ):
            # A list an earlier import took cut short with "others" (a Markdown list's
            # "Dettmers et al."), untouched since (a comment on it makes it the curator's,
            # as for a corrected record), and a source that names everyone, the file's
            # named authors first: the whole list. (A list edited since, other people, or
            # a list cut short again: as below, a conflict or nothing.)
            paper.values[name] = paper.fills[name] = imported
            report.reauthored.append(Reauthored(paper.id, tuple(imported), tuple(current), ""))  # type: ignore[arg-type]
            continue
        if name == "authors" and name in paper.fills and _cut_short(current, imported):
            # Google Scholar's "Brown, Tom and ... and others", then the proceedings' whole
            # list in the same import: the whole list.
            current = None
        if name == "doi" and name in paper.fills and _capitalised_doi(current, imported):
            # DBLP's "10.18653/V1/N19-1423", then the ACL Anthology's "10.18653/v1/N19-1423"
            # in the same import: the registrant's spelling, as for a title's capitals.
            current = None
        if _empty(current):
            paper.values[name] = imported
            paper.fills[name] = imported
            if name == "tags":
                _mark_tags(paper, imported)  # type: ignore[arg-type]
        elif _disagree(name, current, imported, years) or (
            name in paper.fills and _words_dropped(name, current, imported, years)
        ):
            # Each value as its side writes it: the file's, kept, and the source's, not
            # written; a long author list shown from its first other person, not from a
            # name only spelt otherwise ("J. Smith", "John Smith": no conflict by itself).
            shown = (
                names_difference([str(a) for a in current], [str(a) for a in imported], one_person)
                if name == "authors" and isinstance(current, list) and isinstance(imported, list) else None
            )
            report.conflicts.append(
                Conflict(
                    paper.location_of(name), name, _as_text(current), _as_text(imported),
                    record.source, shown, why=_not_corrected(paper, record, name, current, same, under, apart_why),
                )
            )
        elif (
            name == "authors" and same and name not in paper.fills and isinstance(current, list)
            and isinstance(imported, list) and not _cited_alike(current, imported) and not _cut_short(imported, current)
        ):
            # Its own source record, a name respelt in the reference manager since (an
            # accent, "Tomáš" for "Tomas"), and the file's list edited since (else the
            # record's was taken above): one person at each place, which from another
            # source says nothing, but here is the curator's own correction, not taken.
            # Said, as a conflict, once (a list first met: an earlier one is taken
            # before), each name shown as its side spells it.
            shown = names_difference([str(a) for a in current], [str(a) for a in imported], str.__eq__)
            report.conflicts.append(Conflict(
                paper.location_of(name), name, _as_text(current), _as_text(imported), record.source, shown,
                why=_not_corrected(paper, record, name, current, same, under, apart_why),
            ))
        elif name == "title" and retitled and name not in paper.fills and isinstance(current, str):
            # Its own source record, recapitalised in the reference manager since: the
            # file's capitals stand (a house style), but the curator is told.
            _recapitalised(paper, record, report, current)
    if mended_venue is not None:
        _rewritten_under_venue(paper, record, mended_venue)
    if left_out:
        fields = f"{', '.join(left_out)} from "
        why = (
            f" left out: they are of the venue {quoted(record.venue)}, and the paper's is"
            f" {quoted(str(paper.values.get('venue') or ''))}; copy them if they are its"
        )
        # Another record of the import that said the same (one entry twice, under two
        # keys): one warning naming both, as a conflict does (conflicts.merged).
        same = next((
            n for n, (name, _, said) in enumerate(paper.pending)
            if name == "venue" and said.startswith(fields) and said.endswith(why)
        ), None)
        if same is None:
            paper.pending.append(("venue", "", f"{fields}{record.source}{why}"))
        else:
            sources = paper.pending[same][2][len(fields) : -len(why)]
            paper.pending[same] = ("venue", "", f"{fields}{sources} and {record.source}{why}")
    for earlier in read_before:
        report.read_before.append(ReadBeforeChange(
            paper.id, earlier.names, tuple(_as_text(_listed(v)) for v in earlier.values),
            tuple(_as_text(paper.values.get(name) or "") for name in earlier.names), earlier.why,
        ))
    if replaces_file:
        report.published.append(Published(
            paper.id, record.venue, str(paper.values.get("year") or ""), was_venue, was_year
        ))
    if record.notes:
        _notes(paper, record, report)
    officials = list(paper.officials)  # as before this record: one record may name two
    found_before = {same_link(url) for url in prior.links} if prior is not None else set()
    for link in record.links:
        paper.seen_links.add(link_key(link.url))
        key = same_link(link.url)
        if key in found_before:
            continue  # found before: a curator may have deleted it since
        if key not in paper.link_urls:
            if link.kind == "code" and link.official and officials:
                # A revised abstract naming another repository is no reason to make it a
                # second official one: the curator decides which is the paper's code.
                link = replace(link, official=False)
                message = (
                    f"the source now also names {link.url}; {officials[0]} is marked official"
                )
                paper.pending.append(("links", officials[0], message))
            elif link.kind == "code" and link.official:
                paper.officials.append(link.url)
            paper.link_urls.add(key)
            paper.new_links.append(link)


def _recapitalised(paper: Paper, record: Record, report: ImportReport, current: str) -> None:
    """Said of a title the file writes as ``current`` whose own source record (an
    earlier import took its citation key for the paper) writes it only in other capitals
    or with another hyphen (`_same_title`), new since that import: once per paper, since
    a record met again the next time says nothing new (its title is then taken before)."""
    imported = record.title
    if imported == current or paper.recapitalised:
        return
    paper.recapitalised = True  # (a flag, not a look through the notes: 10,000 took seconds)
    report.recapitalised.append(Recapitalised(
        paper.id, paper.location_of("title"), imported, record.source,
        capitals_only=imported.casefold() == current.casefold(),
    ))


def _notes(paper: Paper, record: Record, report: ImportReport) -> None:
    """A curator's note from a reference manager (RIS's N1) fills a paper's empty
    `notes:` (a new paper's, or one without notes that was never given this note
    before: one a curator deleted stays deleted); the notes a file has are a curator's,
    never rewritten nor added to: a note they do not already hold is said, at the note,
    not merged. A note taken before is the curator's to keep or change: nothing to say."""
    digest = provenance.digest(record.notes)
    paper.seen_fields.setdefault("notes", set()).add(digest)
    # (The note as an earlier import read it, its marks as plain text, is the same note.)
    read = [digest] + [
        provenance.digest(earlier.values[0]) for earlier in record.read_before if earlier.names == ("notes",)
    ]
    if paper.prior is not None and any(d in paper.prior.fields.get("notes", ()) for d in read):
        return
    current = paper.values.get("notes")
    if _empty(current):
        paper.values["notes"] = paper.fills["notes"] = record.notes
        return
    if " ".join(record.notes.split()) in " ".join(str(current).split()):
        return  # (already in them, as the curator copied it)
    first = record.notes.split("\n")[0]
    shown = first if len(first) <= 60 else first[:57] + "..."
    report.warnings.append(Problem(
        record.notes_at or record.source,
        f"note not merged ({quoted(shown)}): {paper.id} already has notes, which the import never"
        " rewrites; copy it into them by hand if it is wanted",
        Severity.WARNING,
    ))


def _address_venue(paper: Paper, record: Record, report: ImportReport) -> None:
    """An earlier import's venue that was an address: older imports read the argument of
    ``howpublished = {\\url{example.com/x}}`` as the venue "example.com/x" (and
    ``\\href{x.org/a}{Our page}`` as "Our page (x.org/a)"), which a re-import then left in
    the file for the curator to find and delete. When the record tells that the venue is
    the importer's own, not changed since (the three-way merge's base: a curator's venue,
    or one edited, stays), and it holds an address this record now gives as a link (or as
    its arXiv or DOI page: Google Scholar's "URL https://arxiv. org/abs/..."), it gives
    way to the record's venue, or goes when the record names none; said in the report. Not when a comment stands beside it in the file: that is the curator's."""
    current = paper.values.get("venue")
    if (
        not isinstance(current, str) or not current or "venue" in paper.fills
        or record.venue == current or not _own(paper, "venue")
        or not any(_holds_address(current, url) for url in _addresses_of(record))
        or (record.venue and paper.prior is not None and paper.prior.has_value("venue", record.venue))
        or not paper.on_its_own_line("venue")
    ):
        return
    if record.venue:
        paper.values["venue"] = paper.fills["venue"] = record.venue
    else:
        del paper.values["venue"]
        paper.drops.add("venue")
    report.address_venues.append(AddressVenue(paper.id, record.venue, current))


def _read_before(paper: Paper, record: Record) -> list[ReadBefore]:
    """Values an earlier version of the importer wrote from this record's source, which
    this one leaves out or reads otherwise (``record.read_before``: Google Scholar's
    placeholder volume, number and pages; IEEE Xplore's index terms as tags; an
    institution as the venue; a Markdown list's year in a title), taken out of the file
    as `_address_venue` takes out a venue that was an address: only where the file holds
    each value of a group exactly as the record of imports says the importer wrote it
    (not changed by a curator since, nor with a comment beside it), and the record no
    longer gives it. The field takes what the record gives now (the title without its
    year, the tags without arXiv's subject classes), else a list field is emptied, as a
    new paper's file writes it, and any other goes. The groups taken out."""
    taken = []
    for earlier in record.read_before:
        wanted = [_listed(value) for value in earlier.values]
        if [paper.values.get(name) for name in earlier.names] != wanted or any(
            name in paper.fills or not _own(paper, name) or not paper.on_its_own_line(name)
            or _listed(getattr(record, name)) == value
            for name, value in zip(earlier.names, wanted)
        ) or (earlier.written and not _wrote_from(paper, record, earlier.names, wanted)):
            continue
        for name in earlier.names:
            if (now := _listed(getattr(record, name))) or name in LIST_FIELDS:
                paper.values[name] = paper.fills[name] = now  # (a list field emptied: "tags: []")
            else:
                del paper.values[name]
                paper.drops.add(name)
        taken.append(earlier)
    return taken


def _wrote_from(paper: Paper, record: Record, names: tuple[str, ...], values: list[object]) -> bool:
    """Whether an earlier import wrote each of ``values`` into the paper's file from this
    very record (Paper.wrote): as it reads now, or under the venue an earlier reading of
    it gave (a ReadBefore of its venue: the record's mark holds its venue)."""
    venues = [None] + [str(earlier.values[0]) for earlier in record.read_before if earlier.names == ("venue",)]
    return all(
        any(paper.wrote(name, record, value, venue) for venue in venues) for name, value in zip(names, values)
    )


def _listed(value: object) -> object:
    """A record's value as a paper's file holds it: a tuple as a list."""
    return list(value) if isinstance(value, tuple) else value


def _addresses_of(record: Record) -> list[str]:
    """The addresses a record gives: its links, and its arXiv and DOI pages (which no
    link repeats: the badges link them)."""
    pages = [f"https://arxiv.org/abs/{record.arxiv}"] if record.arxiv else []
    pages += [f"https://doi.org/{record.doi}"] if record.doi else []
    return [link.url for link in record.links] + pages


def _holds_address(venue: str, url: str) -> bool:
    """Whether ``venue`` holds the address ``url`` as written without its scheme
    ("example.com/x" for https://example.com/x). A host alone only when it is the whole
    venue, or the address in brackets after a \\href's text ("Our page (x.org)"), as an
    older import read ``\\url{openreview.net}``: a venue may name a host among its words
    ("Published on distill.pub")."""
    address = re.sub(r"(?i)^https?://(?:www\.)?", "", url).rstrip("/").replace("{", "").replace("}", "")
    text = venue.casefold().replace("{", "").replace("}", "")
    # (Google Scholar's "URL https://arxiv. org/abs/2307.09288": its spaces are none of
    # the address's.)
    text = re.sub(r"(?<=[.?=&/])\s+(?=\w)", "", text)
    address = address.casefold()
    if "/" not in address:
        text = re.sub(r"^(?:https?://)?(?:www\.)?", "", text.strip()).rstrip("/")
        return text == address or text.endswith(f"({address})")
    return address in text


def _disagree(name: str, current: object, imported: object, years: tuple[object, object] = ("", "")) -> bool:
    """Whether the file's ``current`` value and a source's ``imported`` one say other
    things: a conflict, unless the importer took that source value before. ``years``:
    the paper's and the source's, which a venue naming none is of."""
    return current != imported and not (
        # Other capitals are a house style, no disagreement (a title in sentence case
        # is APA's, and its hyphens a spelling: _same_title); but a file's lower-cased
        # venue (Scholar's, from an earlier import: no style writes a journal's name so)
        # is told of the capitals.
        name == "venue" and _same_but_case(current, imported) and not _better_cased(current, imported)
    ) and not (name == "title" and _same_title(current, imported)) and not (
        # One conference and year by its acronym and by its name ("NeurIPS", "Advances in
        # Neural Information Processing Systems", DBLP's booktitle with the days and
        # place): the file's stands. (Its capitals told as above.)
        name == "venue" and not _better_cased(current, imported)
        and same_conference(str(current), years[0], str(imported), years[1])
    ) and not (
        # A thesis or report said with its university or institution and without: the
        # file's stands.
        name == "venue" and same_work(str(current), str(imported))
    ) and not (
        isinstance(current, str) and _same_but_spacing(current, imported)
    ) and not (
        # A publisher's copyright notice after an abstract ("© 2016 IEEE."), which an
        # earlier import took, or a curator's copy kept, is no part of it.
        name == "abstract" and isinstance(current, str) and isinstance(imported, str)
        and _same_but_spacing(without_notice(current)[0], without_notice(imported)[0])
    ) and not (
        name == "authors" and (_same_names(current, imported) or _cut_short(imported, current))
    ) and not (name == "arxiv" and arxiv_key(current) == arxiv_key(imported)) and not (
        name == "doi" and doi_key(current) == doi_key(imported)  # DOIs ignore case
    ) and not (
        name == "pages" and pages_text(str(current)) == pages_text(str(imported))  # "1-9", "1–9"
    ) and not (
        # Tags are a set: another order, other capitals, or some of the file's own, say
        # nothing new.
        name == "tags" and isinstance(current, list)
        and {str(t).casefold() for t in imported} <= {str(t).casefold() for t in current}  # type: ignore[attr-defined]
    ) and not (
        # Two names of the preprint server ("arXiv preprint arXiv:...", "CoRR"): the
        # same version of the paper, as a published venue is not.
        name == "venue" and PREPRINT.search(str(current)) and PREPRINT.search(str(imported))
    )


def _words_dropped(name: str, current: object, imported: object, years: tuple[object, object]) -> bool:
    """Whether a record's text value that `_disagree` lets the paper's stand over says
    something the paper's does not, when the paper's is this import's from another
    record (one paper twice in a .bib: 'NeurIPS 2020 Oral' and the proceedings' name of
    that year, a DOI or arXiv id... whose rules say one work): then it is a conflict,
    said, since the curator wrote both. Not when it only differs in capitals, spacing or
    punctuation, or its letters are all in the paper's ('PhD thesis', an arXiv id
    without its version), nor for two names of the preprint server, a conference's
    acronym ('NIPS', 'NeurIPS 2020') for its name that year or another acronym of it
    (``years``: the paper's and the record's), or an abstract's copyright notice."""
    if name not in TEXT_FIELDS or not isinstance(current, str) or not isinstance(imported, str):
        return False  # (an author list: one person however spelt, its whole list taken)
    if name == "venue" and PREPRINT.search(current) and PREPRINT.search(imported):
        return False
    if name == "venue" and abbreviates(imported, current, (years[1], years[0])):
        return False
    if name == "abstract":
        imported = without_notice(imported)[0]
    return _letters(imported) not in _letters(current)


def _letters(text: str) -> str:
    """``text``'s letters and digits, in small letters: what a value says."""
    return "".join(char for char in unicodedata.normalize("NFKC", text).casefold() if char.isalnum())


def _versions(paper: Paper, record: Record) -> str:
    """How the record's venue and the paper's are versions of one paper: "published"
    when the record gives a published venue for a preprint venue the importer took
    (which it replaces), "preprint" when the record gives a preprint venue for a
    published one (the older version: taken for neither venue nor year), else ""."""
    current = paper.values.get("venue")
    if not record.venue:
        # A venue-less record with an arXiv id (arXiv's own export, Zotero's @misc) is
        # the preprint of a paper with a published venue: its year is the older one.
        published = not _empty(current) and not PREPRINT.search(str(current))
        return "preprint" if record.arxiv and published else ""
    if record.venue == current:
        return ""
    if _empty(current):
        # Likewise a paper with no venue but an arXiv id, whose year the importer took
        # from such a record: the published venue's year replaces that year.
        if PREPRINT.search(record.venue) or not paper.values.get("arxiv") or not _own(paper, "year"):
            return ""
        if paper.prior is not None and paper.prior.has_value("venue", record.venue):
            return ""  # offered before and not kept: the curator's choice stands
        return "published"
    if PREPRINT.search(record.venue):
        return "" if PREPRINT.search(str(current)) else "preprint"
    if not PREPRINT.search(str(current)) or not _own(paper, "venue"):
        return ""  # two published venues, or a curator's: a conflict as any other value
    if paper.prior is not None and paper.prior.has_value("venue", record.venue):
        return ""  # offered before and not kept: the curator's choice stands
    return "published"


def _corrected_at_source(
    paper: Paper, record: Record, name: str, current: object, imported: object, years: tuple[object, object],
    same_record: bool, under: str | None = None,
) -> bool:
    """Whether the file's value of ``name`` is one an earlier import wrote into the file
    from the record's source record (``same_record``: its citation key, of the same
    exporter, and of the paper's year, venue, volume, issue and pages, checked before
    any of its values counts as taken: importmatch.Paper.corrected_record, or for a
    title Paper.same_record), untouched since, and the record now says otherwise: the
    curator corrected it in the reference manager (a venue's typo, an abstract, an
    author's name), where they keep the paper, and the file's value was only ever that
    record's earlier one. Then the record's value is taken, as a value the importer
    fills. Not when the import record does not say the importer wrote that value from
    that record (Paper.wrote: "<field> written"): a value only offered, a conflict's
    the curator copied in, or one they typed as a source has it, is theirs, as is a
    value from an import before the import record kept what it wrote (it cannot be
    told); nor when the curator edited the file's value since, or wrote a comment on it
    ("# as printed": a word on the value makes it theirs; a list's would go with it),
    nor when this run filled it (another source's, which the rules above chose). A
    title so written, untouched since, is retitled, its comment kept beside it (the id
    stays); a preprint's record wrote it under the preprint venue the file held, which
    the record's published venue replaces (``under``: the same record, published since).

    What counts as "otherwise": for a title, other words (not capitals or hyphens: a
    house style, `_same_title`); for an author list, any other list, a spelling too
    ("Ana M. García" for "Ana García", no conflict from another source: the curator's own
    correction), but not one the record cuts short with "others"; for any other field, a
    disagreement as a conflict tells one (`_disagree`), so that the rules that decline a
    source's value decline the record's too: a DOI in capitals (DBLP's), an arXiv id's
    version, one conference by its acronym and its name, pages with another dash. A
    year, volume, issue or pages of its own, or a venue not only spelt otherwise, make
    the record another publication (same_record is false): a conflict. Tags join rather
    than replace (their own rule, below); the preprint and published venue rules run
    first (a preprint's year never replaces the published one's: _versions), and a
    venue that was an address (_address_venue)."""
    prior = paper.prior
    if not same_record or name == "tags" or name in paper.fills or prior is None or _empty(current):
        return False
    if name == "title":
        # The title the importer wrote from this record ("title written"; a preprint's
        # record, published since, wrote it under the preprint venue: ``under``), not one
        # only offered: a conflict's title the curator copied in, or typed as a source has
        # it, stays, a conflict; so does a title imported before the import record kept
        # what it wrote (it cannot be told). Its comment, if any, stays beside it.
        return (
            isinstance(current, str) and not _same_title(current, imported)
            and (paper.wrote(name, record, current) or (under is not None and paper.wrote(name, record, current, under)))
        )
    if not (
        paper.wrote(name, record, current) or (under is not None and paper.wrote(name, record, current, under))
    ) or not paper.on_its_own_line(name):
        return False
    if name == "authors":
        return isinstance(current, list) and not _cited_alike(current, imported) and not _cut_short(imported, current)
    return _disagree(name, current, imported, years)


def _not_corrected(
    paper: Paper, record: Record, name: str, current: object, same_record: bool, under: str | None, apart: str
) -> str:
    """Why the record's value of ``name``, a conflict, was not taken as the correction of
    the file's (_corrected_at_source), in a few words, when the record is one the import
    knows as the paper's source record (its citation key or DOI: Paper.same_key); "" for
    another record, or a value this run filled. ``apart``: why the record is of its key
    but another publication, or may be (Paper.elsewhere_said: merge asks it before its
    values count as taken); "" for one that is not. Asked at a conflict only (few a run)."""
    if paper.prior is None or name in paper.fills or name == "tags":
        return ""
    if apart:
        return apart
    if not same_record or not paper.same_key(record, before=True):
        return ""
    if paper.wrote(name, record, current) or (under is not None and paper.wrote(name, record, current, under)):
        return "" if paper.on_its_own_line(name) else "a comment beside the file's makes it yours"
    if not record.key and not told(taken := paper.taken_keys(before=True), record) and untold(taken, record):
        # (Its DOI kept by an import before exporters were told apart, which kept no word
        # of which one wrote the file's: not taken over by this one, _gives_other_than_untold.)
        return "which RIS exporter of its DOI an import wrote the file's from, that import did not keep"
    if paper.prior.has_value(name, current):
        return "the file's is not what an import last wrote from this record"
    return "the file's is yours, not what an import wrote"


def _rewritten_under_venue(paper: Paper, record: Record, venue: str) -> None:
    """The values the importer wrote from the record as it was under ``venue`` (its typo
    mended by this record), untouched since and not written now: written by the record as
    it is, so that its next correction (an author's name in next week's export) is
    taken as in the export that mends the venue (see merge's ``under``)."""
    for name in TEXT_FIELDS + LIST_FIELDS:
        current = paper.values.get(name)
        if name in ("venue", "tags") or name in paper.fills or _empty(current):
            continue
        if paper.wrote(name, record, current, venue):
            paper.seen_fields.setdefault(written(name), set()).add(
                written_digest(record_mark(record, name), provenance.digest(current))
            )


def _gives_other_than_untold(paper: Paper, record: Record) -> bool:
    """Whether the record, of no key, gives a value the importer never took for a field
    whose value in the file an import before exporters of such records were told apart
    wrote under the record's untold name (importmatch.untold_name): the correction of
    its exporter's record, if it wrote then, or another exporter's value; which one,
    that import did not keep. Asked of a paper imported before only (prior)."""
    assert paper.prior is not None
    untold_named = untold_name(record)
    for name in TEXT_FIELDS + LIST_FIELDS:
        imported = getattr(record, name)
        current = paper.values.get(name)
        if _empty(imported) or _empty(current) or name == "tags":
            continue  # (tags: their own rule, _tags_to_add, whoever wrote them)
        if provenance.digest(list(imported) if name in LIST_FIELDS else imported) in paper.prior.fields.get(name, ()):
            continue  # (taken before: the record's value as it was)
        wrote = paper.prior.fields.get(written(name), ())
        if wrote and written_digest(record_mark(record, name, untold_named), provenance.digest(current)) in wrote:
            return True
    return False


def _completed_work(current: object, imported: object) -> bool:
    """Whether ``imported`` names the thesis or report ``current`` names without its
    university or institution ("PhD thesis", "PhD thesis, Carnegie Mellon University")."""
    return isinstance(current, str) and isinstance(imported, str) and same_work(current, imported) and len(
        " ".join(imported.split())
    ) > len(" ".join(current.split()))


def _own(paper: Paper, name: str) -> bool:
    """Whether the paper's value is the importer's: filled by this run, or taken by an
    earlier import and not changed by a curator since (the three-way merge's base)."""
    current = paper.values.get(name)
    if _empty(current):
        return False
    if name in paper.fills:
        return True
    return paper.prior is not None and paper.prior.has_value(name, current)


def _same_names(current: object, imported: object) -> bool:
    """Author lists of one length with one person at each place, however a source spells
    them (matchkeys.one_person): typed otherwise ("Edward J. Hu" and "Edward J Hu",
    "Łukasz" and "{\\L}ukasz" read as "Lukasz", "García Márquez, Gabriel" and "Gabriel
    García Márquez", "Pieter-Jan" and "Pieter Jan"), a middle initial left out ("Kristof T.
    Schütt", "Kristof Schütt"), initials for given names ("J. Smith", "John Smith"). The
    file's spelling stands. Another surname or given name at a place, or another order,
    is another list."""
    if not isinstance(current, list) or not isinstance(imported, list):
        return False
    return len(current) == len(imported) and all(
        one_person(str(a), str(b)) for a, b in zip(current, imported)
    )


def _cited_alike(current: object, imported: object) -> bool:
    """Author lists the same but for braces round a name the citations take whole without
    them (names.cited_whole: "{Hugging Face}", "Hugging Face"). papers.bib braces each
    such name the file writes bare, so a re-import of it is no correction of the file's
    (which would brace a person the rule misreads, "Rich Wales", and silence check's
    warning of him), and a name the curator braced is no conflict with it either."""
    if not isinstance(current, list) or not isinstance(imported, list) or len(current) != len(imported):
        return current == imported
    return all(a == b or _unbraced(a) == _unbraced(b) and cited_whole(_unbraced(a)) for a, b in zip(current, imported))


def _unbraced(name: object) -> str:
    return braced_name(str(name)) or str(name)


def _cut_short(short: object, whole: object) -> bool:
    """Whether ``short`` is ``whole`` cut short: its names, then "others", begin ``whole``
    (each the same person, however typed: _same_person), and ``whole`` has as many or
    more. (As many: Google Scholar ends LoRA's eight authors with "and others" too; the
    list that names them all says no less.)"""
    if not isinstance(short, list) or not isinstance(whole, list) or len(short) < 2:
        return False
    if not _is_others(short[-1]):
        return False
    named = short[:-1]
    whole_named = whole[:-1] if whole and _is_others(whole[-1]) else whole
    return len(whole_named) >= len(named) and all(
        _same_person(a, b) for a, b in zip(named, whole_named)
    )


def _same_person(one: object, other: object) -> bool:
    """Two names of one person as sources write them: the words of one (initials aside)
    are all in the other ("Tom Brown", "Brown, Tom B.", "Tom B. Brown", "Jörg Müller" and
    "Mueller, J.")."""
    words, others = person_keys(str(one)), person_keys(str(other))
    return bool(words and others) and (words <= others or others <= words)


def _is_others(name: object) -> bool:
    return str(name).strip().casefold() == OTHERS


def _capitalised_doi(current: object, imported: object) -> bool:
    """Whether ``current`` is the DOI ``imported`` in capitals throughout, as DBLP writes
    every DOI, and ``imported`` has small letters (its registrant's spelling)."""
    text, other = str(current), str(imported)
    return text != other and text.casefold() == other.casefold() and not re.search(r"[a-z]", text) and bool(
        re.search(r"[a-z]", other)
    )


def _better_cased(current: object, imported: object) -> bool:
    """Whether ``current`` is a title in lower case (capitals only where a sentence
    starts: "Lora: Low-rank adaptation...", as Google Scholar writes titles) and
    ``imported`` the same title with more capitals, not in capitals throughout (its
    letters outside math: "LEARNING $\\alpha$-DIVERGENCES" is all capitals)."""
    if current == imported or not _same_but_case(current, imported):
        return False
    text = str(imported)
    if not re.search(r"[a-z]", without_math(text)):
        return False
    return lowered(str(current)) and sum(map(str.isupper, text)) > sum(map(str.isupper, str(current)))


def _fuller_name(current: object, imported: object, years: tuple[object, object]) -> bool:
    """Whether ``current`` names a conference by its acronym alone ("NIPS", "NeurIPS
    2020") and ``imported`` names that conference and year otherwise: by its name, which
    says all the acronym does ("Advances in Neural Information Processing Systems 33"),
    or by an acronym that says more (`_acronym_rank`: "NeurIPS 2017" for "NIPS"), so that
    two entries give one venue whichever comes first."""
    if not (isinstance(current, str) and isinstance(imported, str) and abbreviates(current, imported, years)):
        return False
    return not by_acronym(imported) or _acronym_rank(imported) > _acronym_rank(current)


def _acronym_rank(venue: str) -> tuple[bool, int, int, str]:
    """How much a conference's acronym with at most a year says, to choose one of two:
    a year or number first, then the longer, the more capitals, then the text itself
    (no two differ and rank alike)."""
    text = " ".join(venue.split())
    return (any(map(str.isdigit, text)), len(text), sum(map(str.isupper, text)), text)


def _better_cased_proceedings(current: object, imported: object, years: tuple[object, object]) -> bool:
    """Whether ``current`` is a conference's name in lower case (Google Scholar's
    "Advances in neural information processing systems") and ``imported`` that
    conference's proceedings of the same year (matchkeys.same_conference) named by the
    same words in more capitals, then more of them (DBLP's "Advances in Neural Information
    Processing Systems 30: Annual Conference..., Long Beach, CA, USA")."""
    if not isinstance(current, str) or not isinstance(imported, str):
        return False
    head, rest = imported[: len(current)], imported[len(current) :]
    return (
        _better_cased(current, head) and not rest[:1].isalnum()
        and same_conference(current, years[0], imported, years[1])
    )


def lowered(title: str) -> bool:
    """Whether ``title`` has capitals only where a sentence starts, as Google Scholar
    writes every title ("Lora: Low-rank adaptation of large language models")."""
    return all(
        at == 0 or _SENTENCE_START.search(title, 0, at) for at, char in enumerate(title) if char.isupper()
    )


def _tag_mark(tag: object) -> str:
    """What the record keeps of one tag the importer put in a paper's file (beside the
    digests of whole lists, which no dict's digest is)."""
    return provenance.digest({"tag": str(tag).casefold()})


def _mark_tags(paper: Paper, tags: list[object]) -> None:
    paper.seen_fields.setdefault("tags", set()).update(_tag_mark(tag) for tag in tags)


def _tags_to_add(prior: provenance.Seen, current: list[object], imported: list[object]) -> list[object] | None:
    """The source's tags to add to the file's ``current``, a list an earlier import took
    and no one edited since, when ``imported`` has them all: those of its tags the
    importer never put in the file (one the curator removed stays removed); None when
    the file's tags are not known so (a conflict, or nothing to say, as before). A
    record older than the tags' marks knows them when it took a single list, the
    file's: then nothing was removed."""
    have = {str(tag).casefold() for tag in current}
    if not prior.has_value("tags", current) or not have <= {str(tag).casefold() for tag in imported}:
        return None
    taken = prior.fields.get("tags", frozenset())
    if not all(_tag_mark(tag) in taken for tag in current) and len(taken) != 1:
        return None
    return [
        tag for tag in dict.fromkeys(imported)
        if str(tag).casefold() not in have and _tag_mark(tag) not in taken
    ]


def _acronyms_restored(current: str, imported: str) -> str:
    """``current`` with each word that ``imported``, the same words, writes with two
    capitals or more ("BERT", "LoRA", "ImageNet") and ``current`` with fewer ("Bert",
    "lora") spelt as ``imported`` spells it; ``current`` itself when the words differ, or
    when ``imported`` is in capitals throughout (a heading's style, not acronyms)."""
    ours, theirs = list(_WORD.finditer(current)), list(_WORD.finditer(imported))
    if len(ours) != len(theirs) or any(a[0].casefold() != b[0].casefold() for a, b in zip(ours, theirs)):
        return current
    if not re.search(r"[a-z]", without_math(imported)):
        return current
    pieces, at = [], 0
    for mine, source in zip(ours, theirs):
        word, capitals = source[0], sum(map(str.isupper, source[0]))
        if capitals >= 2 and sum(map(str.isupper, mine[0])) < capitals:
            pieces += [current[at : mine.start()], word]
            at = mine.end()
    return "".join(pieces) + current[at:]


_WORD = re.compile(r"[^\W_]+")


# Where a lower-cased title may still hold a capital: after ": " and the like.
_SENTENCE_START = re.compile(r"[:.?!\u2014]\s+$")


def _holds_venue(paper: Paper, record: Record) -> bool:
    """Whether the paper holds the venue the record names, so that what the record says
    of it (its kind, volume, pages, publisher) is the paper's: the same in other
    capitals, or one conference and year however named (matchkeys.same_conference)."""
    current = str(paper.values.get("venue") or "")
    return _same_but_case(current, record.venue) or same_conference(
        current, paper.values.get("year"), record.venue, record.year
    )


def _same_but_case(current: object, imported: object) -> bool:
    """Titles that differ only in capitals or spacing: a house style, not a disagreement."""
    return " ".join(str(current).casefold().split()) == " ".join(str(imported).casefold().split())


def _same_title(current: object, imported: object) -> bool:
    """Two spellings of one title: other capitals (a house style: APA's sentence case,
    Google Scholar's lower case), a hyphen for a space or for none ("Chain-of-Thought
    Prompting", "Chain of Thought Prompting"; "Pre-training", "Pretraining"), or Google
    Scholar's full stop after it, which an earlier import took. The file's stands."""
    return _title_letters(current) == _title_letters(imported)


def _title_letters(title: object) -> str:
    """A title as `_same_title` compares it: case folded, without its spaces, hyphens and
    dashes (Unicode's "Pd" punctuation), and without a full stop at its end; its simple
    math as the characters it reads as ("$\\beta$-VAE" is "β-VAE")."""
    text = simple_math_read(str(title)).casefold().strip().removesuffix(".")
    return "".join(ch for ch in text if not ch.isspace() and unicodedata.category(ch) != "Pd")


def _same_but_spacing(current: str, imported: object) -> bool:
    """Text that differs only in where its lines break and how many spaces part its words:
    an abstract a curator wrapped in a ``|`` block, read back from the site's own .bib
    (BibTeX writes each paragraph on one line); or in how its simple math is written, "$\\beta$"
    as an earlier import kept it, or "β"."""
    return isinstance(imported, str) and (
        current.split() == imported.split()
        or simple_math_read(current).split() == simple_math_read(imported).split()
    )


def _as_text(value: object) -> str:
    if isinstance(value, list):
        return "; ".join(str(item) for item in value)
    return str(value)

