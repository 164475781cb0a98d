"""Merging imported records into the curation files under ``content/papers/``.

The phases: parse every input (any problem aborts before anything is written), take
the import lock, read every existing paper file, match each record to a paper (see
importmatch.py), then write. A paper a curator renamed (new file, new id) takes its old
id's provenance record when it alone still holds a value that record names. A paper a
curator deleted keeps its record as a tombstone, whatever later imports offer (see
tombstones.py).

Import only ever fills what is missing (importmerge.py merges a record into its paper,
with the three-way merge against what earlier imports took), and writes only the files
that change (importwrite.py).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shlex
import sys
from dataclasses import replace
from pathlib import Path
from typing import Iterable, Mapping, Sequence

from filelock import FileLock, Timeout
from lunr.stop_word_filter import WORDS as STOP_WORDS

from . import cache, gitcopy, provenance, renamewrite
from .conflicts import merged
from .importedfile import check_imported
from .importmatch import (
    Index, Paper, abstracts_differ, apart, by_title, ids_disagree, other_kinds, pick_version, placing, same_link,
)
from .importkeys import unique_keys
from .importmerge import LIST_FIELDS, TEXT_FIELDS, lowered, merge
from .matchkeys import normalise_title, one_by_text
from .models import is_citation_key
from .importreport import Duplicate, GainedId, ImportReport
from .importwrite import write
from .errors import CuratorError, Location, Problem, Problems, Severity
from .ingest import Record, bibcache, format_of, normalise_text, not_text, parse_text
from .ingest.bibcache import EntryReadings
from .quoting import quoted
from .schema import FORBIDDEN_CHARS, forbidden_char
from .paperfile import field_line, new_file_text
from .slugs import slugify, unique_slug
from .tombstones import NotRecreated, Tombstones, carries, check_restore, follow_renames
from .atomicfile import atomic_write, read_only, write_if_changed
from .yamlio import Map, char_name, not_utf8, parse, position, to_python

PROGRESS_MIN = 300
LOCK_NAME = ".import.lock"
LOCK_TIMEOUT = 60.0


def today() -> dt.date:
    """SOURCE_DATE_EPOCH's date when set (reproducible builds), else today's (UTC)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and re.fullmatch(r"[0-9]+", epoch.strip()) and int(epoch) <= 253402300799:
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    return dt.datetime.now(dt.timezone.utc).date()


# --- the import ----------------------------------------------------------------


def read_records(
    paths: Sequence[Path],
    fmt: str | None = None,
    contents: Mapping[Path, bytes] | None = None,
    project: Path | None = None,
    dated: set[str] | None = None,
    entries: EntryReadings | None = None,
    ris_entries: EntryReadings | None = None,
) -> tuple[list[Record], Problems]:
    """The records of the files given to import (``contents``: the bytes of those the
    caller read already), and their problems. ``project``: the project folder, which a
    file not found may be in. ``dated`` gets the files read as BibTeX or RIS, whose
    records have a year field (a listing's have none to give, a Markdown list's items
    seldom one). ``entries``, ``ris_entries``: what the last import read each BibTeX
    entry, each RIS record as (ingest/bibcache.py)."""
    problems = Problems()
    records: list[Record] = []
    for path in paths:
        data = contents.get(path) if contents else None
        try:
            data = Path(path).read_bytes() if data is None else data
        except OSError as exc:
            problems.error(Location(str(path)), _unreadable(Path(path), exc, project))
            continue
        if said := not_text(data, path.name):
            problems.error(Location(str(path), 1, 1), said)
            continue
        read = _read_text(path, problems, data)
        if read is None:
            continue
        _, text = read
        _refuse_invisible(text, str(path), problems)
        # (Told once: parse_text reads it as told. Telling a 10,000-entry .bib is 0.15 s.)
        told = format_of(text, str(path), fmt)
        records.extend(parse_text(text, str(path), problems, told, entries, ris_entries))
        if dated is not None and told in ("bibtex", "ris"):
            dated.add(str(path))
    return records, problems


# Characters `readinglist check` refuses in a paper file (bidirectional overrides, control
# characters...): an import that copied them would write files that fail the check.
_INVISIBLE = re.compile(f"[{FORBIDDEN_CHARS}]")


def _refuse_invisible(text: str, path: str, problems: Problems) -> None:
    for match in _INVISIBLE.finditer(text):
        line, col = position(text, match.start())
        problems.error(
            Location(path, line, col),
            f"{char_name(match.group())} is {forbidden_char(match.group())}, which a paper may"
            " not contain; remove it from the input",
        )


def import_paths(
    paths: Sequence[Path | str],
    content_dir: Path | str,
    fmt: str | None = None,
    *,
    added: dt.date | None = None,
    lock_timeout: float = LOCK_TIMEOUT,
    progress: bool | None = None,
    restore: Sequence[str] = (),
    contents: Mapping[Path, bytes] | None = None,
    read: list[Record] | None = None,
) -> ImportReport:
    """Import listing/BibTeX files into ``content_dir/papers``; raises CuratorError.

    Nothing is written when any input or existing paper file has a problem, or when
    ``restore`` names an id that is not a paper a curator deleted. A record of a
    deleted paper named in ``restore`` is imported again as a new paper. ``contents``:
    the inputs' bytes, when the caller read them already (a pipe reads only once).
    ``read`` gets the records read from the inputs (the command weighs a kept copy of an
    input against them: keptsources.py).
    """
    dated: set[str] = set()
    project = Path(content_dir).parent
    # What the last import read each BibTeX entry, each RIS record as: one read alike is
    # not converted again (ingest/bibcache.py). Kept only from an import whose inputs read.
    entries = bibcache.load(cache.folder(project), project)
    ris_entries = bibcache.load(cache.folder(project), project, bibcache.RIS_FILE_NAME)
    records, problems = read_records(
        [Path(p) for p in paths], fmt, contents, project, dated, entries, ris_entries
    )
    if read is not None:
        read.extend(records)
    if problems.has_errors():
        raise CuratorError(problems)
    report = import_records(
        records, content_dir, added=added, lock_timeout=lock_timeout, progress=progress,
        restore=restore,
    )
    # Stored once the papers are written, not before: the cache is no part of what the
    # import promises (every paper file old or new, the record last), and an import
    # stopped while writing leaves the readings of the import before, as good as ever.
    for readings in (entries, ris_entries):
        if readings.now:
            bibcache.store(cache.folder(project), readings)
    report.yearless = [(paper_id, source) for paper_id, source in report.yearless if source in dated]
    report.warnings.extend(
        problem for problem in problems.warnings
        if problem not in problems.about_records or problems.about_records[problem] & (
            report.authorless_from if problem in problems.if_authorless else report.changed_from
        )
    )
    report.skipped = list(problems.skipped)
    return report


def import_records(
    records: Sequence[Record],
    content_dir: Path | str,
    *,
    added: dt.date | None = None,
    lock_timeout: float = LOCK_TIMEOUT,
    progress: bool | None = None,
    restore: Sequence[str] = (),
) -> ImportReport:
    content_dir = Path(content_dir)
    papers_dir = content_dir / "papers"
    papers_dir.mkdir(parents=True, exist_ok=True)
    lock_path = content_dir / LOCK_NAME
    lock = FileLock(str(lock_path), timeout=lock_timeout)
    try:
        lock.acquire()
    except Timeout:
        raise CuratorError(
            [
                Problem(
                    Location(str(lock_path)),
                    f"another import is still running (it holds this lock); waited "
                    f"{lock_timeout:g} s; nothing was written",
                )
            ]
        ) from None
    try:
        # (First: the temporaries a rename cut off left are its files to put in place.)
        finished = renamewrite.finish(content_dir, str(content_dir))
        renamewrite.remove_left_temporaries(content_dir)
        report = _import_locked(records, content_dir, added or today(), progress, tuple(restore))
        report.finished_rename = str(finished) if finished is not None else ""
        return report
    finally:
        lock.release()


def _import_locked(
    records: Sequence[Record],
    content_dir: Path,
    added: dt.date,
    progress: bool | None,
    restore: tuple[str, ...],
) -> ImportReport:
    problems = Problems()
    papers_dir = content_dir / "papers"
    views_path = content_dir / provenance.RELATIVE_PATH
    if read_only(views_path):
        # A curator's sign that no tool is to change it, as a paper file's is. Unlike a
        # paper file it cannot be left alone while the rest is written: new papers
        # without their record are each a "duplicate" of itself next time, and a
        # deleted paper not marked so comes back. So nothing is.
        raise CuratorError([Problem(
            Location(str(views_path), 1, 1),
            "this file is read-only, and the import keeps in it its record of what it"
            " imported (the papers it made, the values it filled, the papers a curator"
            " deleted, which it does not bring back): make it writable (chmod u+w) and run"
            " the import again",
        )])
    # What the record holds as read: it is left alone if someone edits it meanwhile.
    record_file = _Record(views_path, _contents(views_path))
    loaded = _load_views(views_path)
    names = _paper_names(papers_dir)
    views = _settle_pending(loaded, {name[: -len(".yml")] for name in names})
    unchanged = _claim_unchanged(records, papers_dir, names)
    existing = _read_existing(papers_dir, names - {p.path.name for p in unchanged}, problems)
    if problems.has_errors():
        raise CuratorError(problems)
    existing = sorted(existing + unchanged, key=lambda paper: paper.id)
    report = ImportReport(records=len(records))
    recorded = loaded
    former = _former_ids(existing)
    views = follow_renames(views, existing, former)
    index = Index()
    taken: set[str] = set()
    # Files with the id of a paper an import found deleted and none of its values (a
    # curator's own new paper under the freed id): that record stays the deleted paper's
    # tombstone, and the file is another paper, without a record of its own.
    reused: dict[str, Paper] = {}
    for paper in existing:
        view = views.get(paper.id)
        if view is not None and view.renamed_to:
            view = None  # a paper under the old id of a renamed one: no record of its own
        if view is not None and view.deleted and not carries(paper, view):
            reused[paper.id] = paper
        else:
            paper.prior = view
        index.add(paper)
        taken.add(paper.id)
    # A paper an earlier import created whose file a curator has since deleted: its view
    # stays as a tombstone, and a record that carries one of its identity marks is not
    # brought back, unless the curator asked for it (``restore``).
    tombstones = Tombstones(
        {paper_id: view for paper_id, view in views.items()
         if (paper_id not in taken or paper_id in reused) and not view.renamed_to}
    )
    renamed = {paper_id: view.renamed_to for paper_id, view in views.items() if view.renamed_to}
    check_restore(
        restore, tombstones, taken, views_path,
        {paper_id: paper.location_of("id") for paper_id, paper in reused.items()},
        renamed,
        former,
    )
    # A new paper takes no deleted paper's id: the tombstone under it would be lost; nor
    # a renamed paper's old id, which references may still name and whose address may
    # lead to the renamed paper (its `formerly:`).
    in_use = taken | set(tombstones.ids) | set(renamed) | set(former)
    created: list[Paper] = []
    touched: set[str] = set()
    seen_deleted: set[str] = set()
    restoring: dict[str, Paper] = {}  # reported restored only once written
    same_key: list[tuple[str, Problem]] = []  # new papers under another's key: said once written
    key_given: dict[int, Record] = {}  # new papers (by id()) given their record's citation key
    # A paper to restore whose file git still has: that file comes back, the curator's
    # hand edits (topics, notes) with it, and the input merges into it as a re-import
    # merges into any file (the importer's record of it is the tombstone's). Written
    # only when a record of the input is that paper, as any restore is.
    copies, unusable = _restorable_copies(restore, papers_dir, views)
    copied: dict[str, str] = {}  # restored id -> the commit its file came from
    merged_in: dict[str, list[Record]] = {}  # paper id -> the records of this input it took
    # The input file each new paper (by id()) was made from: one written without a year is
    # said when that file's format has a year field (import_paths, `yearless_notice`).
    made_from: dict[int, str] = {}
    for record in _with_progress(records, progress):
        paper, reason, score, twinned = index.find(record)
        twin, alike = twinned or (None, "")  # a paper that may be this record's, and why
        deleted: str | None = None
        deleted_twin: str | None = None
        if score is not None and abstracts_differ(paper, record):  # type: ignore[arg-type]
            twin, paper = paper, None  # near titles, each its own abstract: two papers
            alike = f"titles {score:.0f}% alike"
        if paper is not None and by_title(reason) and tombstones.by_ids(record):
            paper = None  # a deleted paper's arXiv id or DOI: that paper, deleted, below
        # A paper a curator parted from another it shares its title or preprint with (a
        # conference and a journal version: `not_same_as:`): the record is the one its
        # ids, venue or year say; when they do not, it is neither's, and not guessed
        # (unless the ids of each disagree with the record's: another paper, below).
        versions = index.versions(paper) if paper is not None and _by_shared(reason) else []
        if len(versions) > 1:
            picked = pick_version(versions, record)
            if picked is None and not all(ids_disagree(other, record) for other in versions):
                report.warnings.append(_versions_warning(versions, record, reason))
                report.undecided += 1
                continue
            paper = picked or paper
        if paper is not None and by_title(reason) and apart(paper, record):
            # One title, another arXiv id or DOI ("Editorial", "Robust Learning"), or
            # other people in another year ("Deep Learning", the book and the review):
            # two papers. The record's own, if an earlier record of it made one, is found
            # among the papers of that title. (Not other authors alone: a heuristic on
            # names split one paper's exports, "Müller" and "Mueller", and made which
            # paper a later source joined depend on the order of imports; the authors
            # are a conflict then, for the curator to judge. With the year too, and most
            # of the people, one paper's exports stay one: see two_works.)
            same = index.same_title(record.title)
            paper, twin = next(
                (p for p in same if not apart(p, record)), None
            ), paper
            alike = (
                "same title, another arXiv id or DOI" if ids_disagree(twin, record)
                else "same title, other authors and year"
            )
            if paper is not None:
                twin, reason = None, "same title"
        if paper is None:
            deleted, deleted_twin = tombstones.find(record)
        if deleted is not None:
            if deleted not in restore:
                report.removed.append(deleted)
                if deleted not in seen_deleted:
                    seen_deleted.add(deleted)
                    report.not_recreated.append(
                        NotRecreated(deleted, record.title, record.source, former.get(deleted, ""))
                    )
                    if deleted in reused:
                        report.warnings.append(_reused_warning(reused[deleted], record))
                continue
            # A second record of the paper being restored that the index does not find
            # (another title, say) joins it rather than making a second file of one id.
            paper = restoring.get(deleted)
            if paper is None and deleted in copies:
                paper, copied[deleted] = copies.pop(deleted)
                taken.add(deleted)
                in_use.add(deleted)
                created.append(paper)
                restoring[deleted] = paper
        gained: tuple[str, ...] = ()  # the ids the record gives that its paper's import lacked
        retitled: bool | None = None  # paper.same_record(record, before=True), where asked
        if paper is None:
            # A restored paper takes its own id back: check_restore made sure no file has it.
            paper_id = deleted if deleted is not None else unique_slug(slugify(record.title), in_use)
            taken.add(paper_id)
            in_use.add(paper_id)
            paper = Paper(paper_id, papers_dir / f"{paper_id}.yml")
            paper.restores = deleted or ""
            paper.values["added"] = added.isoformat()
            if record.key_source != "RIS" and is_citation_key(record.key):
                # The lab's own key, for the site's citation of it (a new file only: a
                # file written before keeps what it has, as a curator may have set it).
                # (`add` too: the DOI's BibTeX gives one, and an import of its kept
                # answer writes what `add` wrote.)
                paper.values["citation_key"] = record.key
                key_given[id(paper)] = record
            if twin is not None and other_kinds(twin, record):
                twin = None  # (a book and an article of one title: "Deep Learning", twice)
            # A new paper under the citation key of another, said at the record: with the
            # other's likeness too when the other is this twin (one warning of the two).
            keyed = _same_key(index, record, paper) if deleted is None else []
            folded = twin is not None and keyed == [twin.id]
            if keyed:
                same_key.append((paper.id, _same_key_warning(record, paper, keyed, twin if folded else None, alike)))
            if twin is not None:
                if not folded:  # (else the key's warning says it)
                    paper.pending.append((
                        "title", "",
                        f"possibly the same paper as {twin.id} ({alike}); if so, delete one" + _parting(twin, record),
                    ))
            elif deleted_twin is not None:
                paper.pending.append((
                    "title", "",
                    f"possibly the same paper as {deleted_twin}, which a curator deleted "
                    "(same abstract); if so, delete this one",
                ))
            created.append(paper)
            made_from[id(paper)] = record.source.path
            if deleted is not None:
                restoring[deleted] = paper
        elif deleted is None:
            # Whether the record is one an earlier import took for the paper, its title
            # perhaps corrected since: asked once for met_before and merge, which each
            # asked it (nothing between them changes the paper): 0.1-0.2 s of an
            # unchanged re-import of 10,000 records.
            retitled = paper.same_record(record, before=True)
            if not paper.met_before(record, retitled=retitled):
                # A record met before is its source imported again: not a duplicate, however
                # it matched this time (a DOI filled last time now matches before the title);
                # nor is one that gives the arXiv id or DOI it lacked then: said once filled.
                gained = paper.gained_ids(record)
                if not gained:
                    earlier = merged_in.get(paper.id, [])
                    again = _again(earlier, record)
                    made = earlier[0].source if earlier and id(paper) in made_from else None
                    report.duplicates.append(Duplicate(paper.id, record.source, reason, again, made))
        merged_in.setdefault(paper.id, []).append(record)
        if paper.id in touched:
            report.repeats += 1
        touched.add(paper.id)
        paper.links_named += len(record.links)
        merge(paper, record, report, retitled)
        report.gained_ids += [
            GainedId(paper.id, record.source, name, str(paper.fills[name])) for name in gained if name in paper.fills
        ]
        index.add(paper)  # a fill may have given it an arXiv id or DOI
    for paper_id in restore:
        if paper_id not in restoring:
            report.warnings.append(Problem(
                Location(str(views_path)),
                f"--restore {paper_id}: no record of this input is that paper, so it stays "
                "deleted; import the source that has it",
                Severity.WARNING,
            ))
    # (After every record: a key is checked against the ids of all the new papers too.)
    rekeyed = unique_keys(existing, created, key_given)
    write(existing, created, touched, report, lambda: record_file.pending(views, created))
    # A file left as it was (read-only, or changed meanwhile) holds none of the changes
    # said of its paper: "now ..." would say what is not so.
    unwritten = set(report.read_only) | set(report.left_alone)
    for said in report.value_changes():
        said[:] = [change for change in said if change.paper_id not in unwritten]
    _locate(existing, created, report)
    added_now = set(report.added)
    report.warnings += [said for paper_id, said in same_key if paper_id in added_now]
    # (Also of a paper that warning names: it tells of the record's key, not the one
    # written, which would else differ from the lab's library in silence.)
    report.warnings += [said for paper_id, said in rekeyed if paper_id in added_now]
    report.restored = [paper.id for paper in created if paper.restores and paper.id in added_now]
    report.yearless = [
        (paper.id, made_from[id(paper)]) for paper in created
        if paper.id in added_now and id(paper) in made_from and not paper.values.get("year")
        and not paper.restores  # (a paper brought back is the curator's, as it was)
    ]
    report.restored_from = {
        paper_id: commit for paper_id, commit in copied.items() if paper_id in report.restored
    }
    for paper_id in report.restored:
        if paper_id in copied:
            continue
        if paper_id in unusable:
            why = (
                f"git's last copy of this file (commit {unusable[paper_id]}) is not a paper"
                " file holding this paper's title, arXiv id, DOI or abstract"
            )
        else:
            why = "git has no earlier copy of this file (the project is not in git, or the file was never committed)"
        report.warnings.append(Problem(
            Location(str(papers_dir / f"{paper_id}.yml")),
            f"restored {paper_id} from the input alone: {why}, so what you had written in"
            " it by hand (topics:, notes:, ...) is not back; copy that from a backup if it"
            " had any",
            Severity.WARNING,
        ))
    written = added_now | set(report.updated)
    report.changed_from = {record.source for paper_id in written for record in merged_in.get(paper_id, ())}
    report.authorless_from = {
        record.source for paper in existing + created if not _named_anyone(paper.values.get("authors"))
        for record in merged_in.get(paper.id, ())
    }
    # By identity: `paper in created` compared whole papers field by field, against
    # every new paper for every paper, which made a fresh import of 10,000 records
    # take minutes.
    new = {id(paper) for paper in created}
    # Only a paper a record of Scholar's key was merged into may be (_scholar_lowered asks
    # the records that gave the value, all of them merged_in's): most lists have none, and
    # asking each of 10,000 papers twice cost a fresh import 0.05-0.08 s.
    scholars = {
        paper_id for paper_id, records in merged_in.items()
        if any(_SCHOLAR_KEY.fullmatch(record.key) for record in records)
    }
    lowered = {
        name: [
            paper for paper in existing + created
            if paper.id in scholars and paper.id in written and _scholar_lowered(paper, name, new)
        ]
        for name in ("title", "venue")
    }
    report.lowered = [str(paper.values["title"]) for paper in lowered["title"]]
    report.lowered_venues = list(dict.fromkeys(str(paper.values["venue"]) for paper in lowered["venue"]))
    report.lowered_papers = len({paper.id for papers in lowered.values() for paper in papers})
    report.shouted = [
        str(paper.values["title"]) for paper in existing + created
        if paper.id in written and (id(paper) in new or "title" in paper.fills) and _shouted(str(paper.values.get("title") or ""))
    ]
    forget = set(report.restored)
    settled = added_now | set(report.updated) | set(report.unchanged)
    report.links_found = sum(
        paper.links_named for paper in existing + created if paper.id in settled
    )
    _write_views(record_file, recorded, views, forget, set(reused), existing, created, report)
    report.conflicts.sort(key=lambda c: (c.location, c.source, c.field))  # file and line order
    report.conflicts = merged(report.conflicts)
    report.kept.sort(key=lambda k: (k.location, k.field))
    return report


# Google Scholar's citation key: the first author's surname, the year and the title's
# first word, in lower case ("vaswani2017attention"). Zotero's, DBLP's, a publisher's
# differ ("Vaswani_2017", "DBLP:conf/nips/...").
_SCHOLAR_KEY = re.compile(r"[a-z]+(?:1[89]|20)\d\d[a-z]+")


# A word in capitals throughout, an acronym: Scholar keeps a venue's ("Proceedings of the
# IEEE conference on computer vision and pattern recognition"), lowers a title's ("Bert").
_ACRONYM = re.compile(r"[A-Z][A-Z\d]+")
# A word of a venue's name, not the rest of a compound or an ordinal ("Twenty-first",
# "58th": one word each).
_VENUE_WORD = re.compile(r"(?<![\w'’-])[^\W\d_]+")
# The small words a venue's name writes in lower case ("Journal of the ACM").
_SMALL_WORDS = STOP_WORDS | frozenset("de des du la le van von und et per via".split())


# A word of a title's letters (two at least: not "A" or an initial).
_TITLE_WORD = re.compile(r"[^\W\d_]{2,}")


def _with_progress(records: Sequence[Record], progress: bool | None) -> Iterable[Record]:
    """``records``, with a progress bar on standard error for more than PROGRESS_MIN of
    them unless ``progress`` is False (None: when standard error is a terminal, as tqdm
    decides it)."""
    if len(records) <= PROGRESS_MIN or progress is False:
        return records
    if progress is None and hasattr(sys.stderr, "isatty") and not sys.stderr.isatty():
        return records  # (tqdm's own test for disable=None; tqdm not imported: 14 ms)
    from tqdm import tqdm

    # (disable given, as before tqdm was imported here: unset, tqdm takes it from a
    # TQDM_DISABLE variable, and any value, "0" too, would hide the bar a terminal shows.)
    return tqdm(records, desc="import", unit="record", file=sys.stderr, disable=False)


def _shouted(title: str) -> bool:
    """Whether ``title`` is in capitals throughout, as IEEE Xplore and Scopus export some
    ("MASTERING THE GAME OF GO..."): three words of letters or more, none in lower case
    (one or two are an acronym's or a name's: "BERT", "GPT-4 Technical Report" has
    lower case)."""
    words = _TITLE_WORD.findall(title)
    return len(words) >= 3 and all(word.isupper() for word in words)


def _lowered_venue(venue: str) -> bool:
    """Whether ``venue`` is in lower case as Google Scholar lowers a venue: its words in
    lower case but the first, its acronyms ("IEEE") and a place's or a people's name,
    which Scholar keeps ("Proceedings of the 2019 conference of the North American
    chapter of the association for computational linguistics"). A venue's own name has
    its words in capitals, its small ones apart ("Journal of the ACM", "International
    Conference on Learning Representations"): so a venue is lowered when its lower-case
    words, but the small ones, are two at least and outnumber its other capitalised
    words."""
    words = _VENUE_WORD.findall(venue)[1:]
    small = sum(word.islower() and word not in _SMALL_WORDS for word in words)
    capitalised = sum(word[0].isupper() and not _ACRONYM.fullmatch(word) for word in words)
    return small >= 2 and small > capitalised


def _scholar_lowered(paper: Paper, name: str, created: set[int]) -> bool:
    """Whether the paper's title (or venue, ``name``), written by this import (a new
    paper's, or filled), looks lowered as Google Scholar lowers every title and venue:
    given by a record of Scholar's key (a journal's or a publisher's sentence case,
    "Mastering the game of Go with deep neural networks", is how the paper is spelt),
    with capitals only where a sentence starts (a venue: `_lowered_venue`), in three words
    or more of letters (a title with another capital, an acronym's, is not); a title of
    two ("Segment anything", "Mask r-cnn") only when no record of Scholar's gives it as a
    journal's: a journal's sentence case, Nature's "Deep learning", is how the paper is
    spelt, where a conference's, a book's or a preprint's short title has its capitals
    ("Segment Anything"). One word shows nothing lowered."""
    if id(paper) not in created and name not in paper.fills:  # (created: new papers' id())
        return False
    text = str(paper.values.get(name) or "")
    given = [record for records in paper.given_by.get(name, {}).values() for record in records]
    scholar = [record for record in given if _SCHOLAR_KEY.fullmatch(record.key)]
    if not scholar:
        return False  # (no record of Scholar's key, as most: the words need no counting)
    words = len(re.findall(r"[^\W\d_]{2,}", text))
    short = words == 2 and name == "title" and all(record.venue_kind != "journal" for record in scholar)
    return (words >= 3 or short) and (_lowered_venue(text) if name == "venue" else lowered(text))


def _load_views(path: Path) -> dict[str, provenance.Seen]:
    """The importer's record; a damaged one (a merge conflict, broken JSON) is refused
    with what `check` says of it, at its lines: the record is never guessed at, or
    deleted papers would come back. Checked only once the reader refuses it, so a good
    record is parsed once."""
    try:
        return provenance.load(path)
    except CuratorError as refused:
        located = Problems()
        check_imported(path, str(path), located)
        if not located.has_errors():
            raise
        raise CuratorError([
            replace(problem, message=f"{problem.message}; nothing was written")
            for problem in located.errors
        ]) from refused


def _by_shared(reason: str) -> bool:
    """Whether a match was made by what a paper's versions may share (Index.versions):
    its title, its preprint's arXiv id, its abstract; not a DOI, one version's own."""
    return by_title(reason) or reason.startswith("same arXiv id") or reason == "same abstract"


def _parting(twin: Paper, record: Record, into: str = "this file") -> str:
    """How to say that the new paper of ``record`` and ``twin``, a paper of the list, are
    two papers (a conference and a journal version): the `not_same_as:` line for the new
    file, ``into`` (where the warning stands, or its path). Only where their titles or abstract make them one to
    `check` and later imports (matchkeys.one_by_text): elsewhere (one place, or one
    abstract under unlike titles) nothing takes them for one, and `check` would say the
    line is not needed."""
    if not one_by_text(
        normalise_title(record.title), normalise_title(str(twin.values.get("title") or "")),
        record.abstract, twin.values.get("abstract"),
    ):
        return ""
    return f"; if they are two papers, say so: add the line `not_same_as: [{twin.id}]` to {into}"


def _versions_warning(versions: list[Paper], record: Record, reason: str) -> Problem:
    """The warning, at a record `pick_version` cannot place among papers a curator
    parted, of what would place it (importmatch.placing): said on every import until
    then, as the record is not imported, so the same words each time."""
    ids = sorted(paper.id for paper in versions)
    found = placing(versions, record)
    if found.record:
        told = ", ".join(
            f"{paper_id}'s {' or '.join(_shown_value(name, value) for name, value in found.record[paper_id])}"
            for paper_id in ids if paper_id in found.record
        )
        then = f"give the record what only the one it is has ({told})"
    else:
        then = (
            f"{_listed(ids, 'and')} have no DOI, arXiv id, venue or year that only one of them has:"
            " give each its own (its DOI, or its venue), then the record that of the one it is"
        )
    lines = [
        f"the line `{field_line(name, value)}` ({_listed(sorted(str(p.path) for p in into), 'or')})"
        for name, value, into in found.files
    ]
    if lines:
        then += f", or write into the file of the one it is {' or '.join(lines)}"
    return Problem(
        record.source,
        f"{quoted(record.title)} may be {_listed(ids, 'or')} ({reason}), which a curator keeps apart"
        " (not_same_as:), and neither its DOI, arXiv id, venue nor year tells which: it is"
        f" not imported, now or by a later import, until one does; {then}; else copy what it"
        " adds into that paper's file by hand",
        Severity.WARNING,
    )


def _listed(names: Sequence[str], last: str) -> str:
    """"a, b or c"."""
    return f"{', '.join(names[:-1])} {last} {names[-1]}" if len(names) > 1 else names[0]


def _shown_value(name: str, value: str) -> str:
    """A value `placing` offers the record, as the warning names it."""
    return {"doi": f"DOI {value}", "arxiv": f"arXiv id {value}", "venue": f"venue {quoted(value)}"}.get(
        name, f"year {value}"
    )


def _reused_warning(paper: Paper, record: Record) -> Problem:
    where = paper.location_of("title")
    if where.line == 0:
        where = paper.location_of("id")
    return Problem(
        where,
        f"this file has the id of a paper a curator deleted but none of its values, so it is "
        f"another paper: {record.source} ({quoted(record.title)}) was not merged into it; if it is "
        "that paper, give it back the title it was imported with",
        Severity.WARNING,
    )


def _same_key(index: Index, record: Record, paper: Paper) -> list[str]:
    """The papers, but the new ``paper`` the record makes, whose citation key an import
    took from the record's exporter (importmatch.Paper.same_key), by id: kept apart from
    it as the rules tell (a record retitled and moved to another venue in the reference
    manager is not told from the same people's other paper under a reused key; Google
    Scholar gives a preprint and its published version one key), but for the curator to
    judge. A deleted paper's key is no paper's (the deletion holds), another exporter's
    is another name, and a paper whose arXiv id or DOI the record's disagrees with is
    another paper. Only a key an earlier import took: two papers of one run under one key
    (two files of a first import, each with its own paper under it) are the exporter's
    reuse, no record corrected since, and merging them would lose one."""
    return sorted(other.id for other in index.keyed(record) if other is not paper and other.same_key(record, before=True))


def _again(earlier: list[Record], record: Record) -> tuple[str, Location, str] | None:
    """The key and place of an entry of ``record``'s file in ``earlier`` that ``record``
    is again, every value the same but its citation key (and ``record``'s key), if any:
    an entry copied, or exported twice, under a second key."""
    for other in earlier:
        if (
            other.key and record.key and other.key != record.key
            and other.source.path == record.source.path
            and replace(other, source=record.source, key=record.key, notes_at=record.notes_at,
                        key_source=record.key_source) == record
        ):
            return other.key, other.source, record.key
    return None


def _same_key_warning(record: Record, paper: Paper, others: list[str], twin: Paper | None, alike: str) -> Problem:
    """The warning, at the record, that the new ``paper`` is under the citation key of
    ``others`` (_same_key), and what to do if it is one of them; ``twin``: the one other
    when importmatch.Index.find took it for a paper the record may be too (``alike``:
    what it shares), and then how to say they are two (_parting), as that warning does."""
    exporter = f" ({record.key_source})" if record.key_source else ""
    if len(others) == 1:
        one, into, that = "the two are one paper", paper.path.with_name(f"{others[0]}.yml"), others[0]
    else:
        one, into, that = "it is one of those papers", "that paper's file", "that paper"
    also = f"; also {alike}" if twin is not None else ""
    return Problem(
        record.source,
        f"added {paper.id}, a paper of its own, under the citation key {quoted(record.key)} that an"
        f" import took for {' and '.join(others)} from the same exporter{exporter}"
        f"{also}; if {one}"
        " (the record corrected in the reference manager, or Google Scholar's other version of"
        f" it under one key), copy into {into} what {paper.path} has that it lacks (its title,"
        f" venue...) and delete {paper.path}: later imports take the record for {that} by that"
        f" title, and leave {paper.id} deleted"
        + (_parting(twin, record, str(paper.path)) if twin is not None else ""),
        Severity.WARNING,
    )


def _locate(existing: list[Paper], created: list[Paper], report: ImportReport) -> None:
    """Give what this run reported the line and column in the files as they are once
    written: conflicts and the warnings held in ``pending``. A new paper's file had no
    lines before, and in an updated one the lines below a fill have moved (an author
    added above the year put the year's conflict on the author's line)."""
    updated = set(report.updated)
    written = [p for p in created if p.text] + [p for p in existing if p.id in updated and p.text]
    by_path = {str(paper.path): paper for paper in written}
    placed = {c.location.path for c in (*report.conflicts, *report.kept)}
    for path, paper in by_path.items():
        if path in placed or paper.pending:  # parsing all 10,000 new files would be slow
            tree = parse(paper.text, path, Problems())
            paper.tree = tree if isinstance(tree, Map) else None
            paper.final = True
    for said in (report.conflicts, report.kept):
        said[:] = [
            replace(c, location=paper.location_of(c.field))
            if (paper := by_path.get(c.location.path)) is not None
            else c
            for c in said
        ]
    # (An existing file the run left alone keeps the places it was read with.)
    for paper in written + [p for p in existing if p.id not in updated]:
        for name, url, message in paper.pending:
            where = paper.link_location(url) if url else paper.location_of(name)
            report.warnings.append(Problem(where, message, Severity.WARNING))


def _write_views(
    record: _Record,
    recorded: dict[str, provenance.Seen],
    views: dict[str, provenance.Seen],
    forget: set[str],
    unrecorded: set[str],
    existing: list[Paper],
    created: list[Paper],
    report: ImportReport,
) -> None:
    """Record what this import took, after the papers are written.

    In this order a run killed in between leaves the view of the edited papers behind
    them, which is harmless: the next run takes the same values as new, finds them
    already in the files (nothing to fill, no conflict, links not added twice) and
    records them. The other order could record values that never reached a paper, which
    a re-import would then never fill. The new papers were recorded, pending, before
    their files were put in place (`_Record.pending`): none is left without a record. A paper whose write was skipped (edited meanwhile) keeps its
    old view. The view of a paper whose file a curator deleted is kept whatever this run
    imports (a tombstone: the deletion holds until the curator restores the paper);
    ``forget`` are the tombstones of papers restored in this run; ``unrecorded`` the
    files that reuse a deleted paper's id, whose record stays that paper's tombstone. ``recorded`` is the
    file as read, ``views`` it with renamed papers' records moved (see
    tombstones.follow_renames): a move alone is a change to write.
    """
    by_id = {paper.id: paper for paper in existing + created}
    settled = set(report.added) | set(report.updated) | set(report.unchanged)
    new_views = {paper_id: view for paper_id, view in views.items() if paper_id not in forget}
    for paper_id in settled - unrecorded:
        # (A new paper's view was made for its pending entry, and nothing since has
        # changed what it is made of: 0.3 s of a 10,000-entry import, made twice.)
        view = record.seen_of.get(paper_id)
        new_views[paper_id] = view if view is not None else by_id[paper_id].seen()
    for paper_id, view in new_views.items():
        if view.renamed_to:
            continue  # (an old id: no file holds it, and none was deleted)
        # Marked once an import finds the file gone; cleared if its paper is back.
        deleted = paper_id not in by_id or paper_id in unrecorded
        if view.deleted != deleted:
            new_views[paper_id] = replace(view, deleted=deleted)
    if (
        not record.wrote
        and new_views.keys() == recorded.keys()
        and all(new_views[k] is recorded[k] for k in recorded)
    ):
        return  # the usual re-import: nothing new (Seen.union returns the old view)
    path = record.path
    if _contents(path) != record.read_as:
        # A curator's edit (resolving a merge by hand) since this run read it: kept, as
        # an edited paper file is; the next import records what this one wrote.
        report.warnings.append(Problem(
            Location(str(path)),
            "this file changed while the import ran, so the import left it alone (what"
            " it imported is in the paper files, but not yet recorded here); run the"
            " import again to record it",
            Severity.WARNING,
        ))
        return
    if new_views or path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        write_if_changed(path, provenance.dumps(new_views, record.encoded))


class _Record:
    """The importer's record file as this run read it (``read_as``), and what this run
    wrote there itself: an edit by anyone else meanwhile is left alone."""

    def __init__(self, path: Path, read_as: bytes | None) -> None:
        self.path = path
        self.read_as = read_as
        self.wrote = False  # pending entries are there: the final record must follow
        # Each new paper's view as `pending` made it (without the pending mark), for the
        # final record: the files are written from what it was made of, which stays.
        self.seen_of: dict[str, provenance.Seen] = {}
        # The entries the pending record wrote, which the final one writes again.
        self.encoded: provenance.Encoded = {}

    def pending(self, views: Mapping[str, provenance.Seen], created: Sequence[Paper]) -> None:
        """Before the new paper files are put in place: the record as read (renames
        followed) and a pending entry for each new paper, written durably. A run killed
        after that leaves no new paper without its record (which made every one of them
        a "duplicate" of itself next time, and let a deleted one come back); one killed
        before the files are in place leaves entries the next run forgets."""
        self.seen_of = {
            paper.id: paper.seen()
            for paper in created
            if paper.id not in views  # (a restored paper's tombstone stays until it is)
        }
        # (Made as Seen, not dataclasses.replace: replace asks the class for its fields
        # each call, 0.09 s of a 10,000-paper import.)
        adding = {
            paper_id: provenance.Seen(seen.fields, seen.links, seen.deleted, seen.renamed_to, True)
            for paper_id, seen in self.seen_of.items()
        }
        if not adding or _contents(self.path) != self.read_as:
            return  # (an edit meanwhile: left alone, and reported at the end)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        text = provenance.dumps({**views, **adding}, self.encoded)
        atomic_write(self.path, text)
        self.read_as = text.encode("utf-8")
        self.wrote = True


def _settle_pending(
    views: dict[str, provenance.Seen], ids: set[str]
) -> dict[str, provenance.Seen]:
    """``views`` without the pending entries of an earlier run (see `_Record.pending`):
    kept as any record where the paper's file is there, forgotten where it is not."""
    if not any(view.pending for view in views.values()):
        return views
    return {
        paper_id: replace(view, pending=False) if view.pending else view
        for paper_id, view in views.items()
        if not view.pending or paper_id in ids
    }


def _contents(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None



def _unreadable(path: Path, exc: OSError, project: Path | None) -> str:
    """Why a file given to import could not be read, and where it was looked for: a
    file is named from the folder one is in, which with --root is not the project's."""
    if isinstance(exc, IsADirectoryError):
        return _a_folder(path)
    if not isinstance(exc, FileNotFoundError):
        return f"cannot read the file: {exc.strerror or exc}"
    if path.is_absolute():
        return "no such file"
    here = Path.cwd()
    said = f"no such file in {here}, the folder you are in"
    if project is not None and project.resolve() != here.resolve():
        said += " (a file to import is named from there, not from --root)"
        if (project / path).is_file():
            said += f": the project folder has one, {project / path}"
    return said


# The kinds of file import reads, by their names' endings: BibTeX, RIS, a Markdown list,
# a listing, an arXiv answer. (Read by their content; the ending only finds them.)
_IMPORTED_KINDS = (".bib", ".ris", ".md", ".txt", ".xml")


def _a_folder(path: Path) -> str:
    """What to do with a folder given to import: how many files of each kind import
    reads it has, and the command for them (a glob per ending, as written: `*.bib`
    misses "A.BIB"); a hidden file, which `*` leaves out, is not counted."""
    said = "this is a folder, which import does not read"
    counts: dict[str, int] = {}
    try:
        entries = sorted(os.scandir(path), key=lambda entry: entry.name)
    except OSError:
        entries = []
    for entry in entries:
        suffix = os.path.splitext(entry.name)[1]
        if entry.name.startswith(".") or suffix.lower() not in _IMPORTED_KINDS or not entry.is_file():
            continue
        counts[suffix] = counts.get(suffix, 0) + 1
    if not counts:
        return f"{said}, and it has no file of a kind import reads ({', '.join(_IMPORTED_KINDS)}): name the files to import"
    kinds = sorted(counts, key=lambda suffix: (_IMPORTED_KINDS.index(suffix.lower()), suffix))
    has = [f"{counts[kind]} {kind} file{'' if counts[kind] == 1 else 's'}" for kind in kinds]
    folder = shlex.quote(f"./{path}" if str(path).startswith("-") else str(path))
    command = " ".join(f"{folder}/*{kind}" for kind in kinds)
    listed = has[0] if len(has) == 1 else f"{', '.join(has[:-1])} and {has[-1]}"
    return f"{said}: it has {listed}; to import them: readinglist import {command}"


def _read_text(path: Path, problems: Problems, data: bytes | None = None) -> tuple[bytes, str] | None:
    """``path``'s bytes (``data`` when the caller has them) and its text; None when the
    file cannot be read or is not UTF-8, which is said in ``problems``."""
    try:
        raw = Path(path).read_bytes() if data is None else data
        return raw, normalise_text(raw)
    except OSError as exc:
        problems.error(Location(str(path)), f"cannot read the file: {exc}")
    except UnicodeDecodeError:
        _not_utf8(path, raw, problems)
    return None


def _not_utf8(path: Path, data: bytes, problems: Problems) -> None:
    """Where ``data`` stops being UTF-8, and what it reads as (yamlio.not_utf8)."""
    line, col, message = not_utf8(data) or (1, 1, "the file is not UTF-8; save it as UTF-8")
    problems.error(Location(str(path), line, col), message)


def _paper_names(papers_dir: Path) -> set[str]:
    # An editor's lock, swap or backup file (Emacs' ".#x.yml", a dangling link while a
    # buffer is unsaved) is no paper, as `check` skips it. (paperdrafts, 0.08 s to import
    # with validate.py, only when there are files to tell: a first import has none.)
    names = [entry.name for entry in os.scandir(papers_dir) if entry.name.endswith(".yml")]
    if not names:
        return set()
    from .paperdrafts import editors_file

    return {name for name in names if not editors_file(name)}


def _read_existing(papers_dir: Path, names: Iterable[str], problems: Problems) -> list[Paper]:
    papers = []
    for path in (papers_dir / name for name in sorted(names)):
        read = _read_text(path, problems)
        if read is not None and (paper := _paper_of(path, *read, problems)) is not None:
            papers.append(paper)
    return papers


def _paper_of(path: Path, raw: bytes, text: str, problems: Problems) -> Paper | None:
    """The paper a file's text holds, as the importer merges into it; None when it is
    no mapping (said in ``problems``)."""
    from .paperdrafts import no_mapping

    before = len(problems.items)
    tree = parse(text, str(path), problems)
    if not isinstance(tree, Map):
        if tree is not None or len(problems.items) == before:
            no_mapping(tree, str(path), problems)
        return None
    values = to_python(tree)
    assert isinstance(values, dict)
    paper = Paper(path.stem, path, tree=tree, values=values, raw=raw)
    links = values.get("links")
    if isinstance(links, dict):
        for items in links.values():
            for item in items if isinstance(items, list) else ():
                if isinstance(item, dict) and isinstance(item.get("url"), str):
                    paper.link_urls.add(same_link(item["url"]))
        for item in links.get("code") or ():
            if isinstance(item, dict) and str(item.get("official")).lower() == "true":
                paper.officials.append(str(item.get("url")))
    return paper


def _restorable_copies(
    restore: Sequence[str], papers_dir: Path, views: Mapping[str, provenance.Seen]
) -> tuple[dict[str, tuple[Paper, str]], dict[str, str]]:
    """Each paper to restore whose file git last had (see gitcopy.py), read as an
    existing file, with the commit it is from. A copy that does not read as a paper
    file, or holds none of the deleted paper's title, arXiv id, DOI, abstract or links
    (another paper once under that id), is not that paper's: the input alone restores it
    (``unusable``: id -> the commit of that copy)."""
    found: dict[str, tuple[Paper, str]] = {}
    unusable: dict[str, str] = {}
    for paper_id in dict.fromkeys(restore):
        copy = gitcopy.last_copy(papers_dir, f"{paper_id}.yml")
        if copy is None:
            continue
        scratch = Problems()
        read = _read_text(papers_dir / f"{paper_id}.yml", scratch, copy.data)
        paper = _paper_of(papers_dir / f"{paper_id}.yml", *read, scratch) if read else None
        if paper is None or scratch.has_errors() or not carries(paper, views[paper_id]):
            unusable[paper_id] = copy.commit
            continue
        paper.prior = views[paper_id]
        paper.restores = paper_id
        found[paper_id] = (paper, copy.commit)
    return found, unusable


_ADDED_LINE = re.compile(rb"^added: (\d{4}-\d{2}-\d{2})$", re.MULTILINE)
_CITATION_KEY_LINE = re.compile(rb"^citation_key: ", re.MULTILINE)


def _named_anyone(authors: object) -> bool:
    """Whether a paper file's `authors` value names anyone."""
    return isinstance(authors, list) and any(str(name or "").strip() for name in authors)


def _record_values(record: Record) -> dict[str, object]:
    """A record's fields as `to_python` reads them from a file the importer wrote."""
    values: dict[str, object] = {name: getattr(record, name) for name in TEXT_FIELDS}
    values.update({name: list(getattr(record, name)) for name in LIST_FIELDS})
    if not record.editors:
        del values["editors"]  # (a new file writes no `editors:` when there are none)
    if record.notes:
        values["notes"] = record.notes
    return values


def _former_ids(papers: Sequence[Paper]) -> dict[str, str]:
    """The ids the papers had before a rename, as their `formerly:` lists them -> the
    paper (the first, should two list one: `check` reports that)."""
    found: dict[str, str] = {}
    for paper in papers:
        listed = paper.values.get("formerly")
        if isinstance(listed, (list, tuple)):
            for item in listed:
                if isinstance(item, str) and item != paper.id:
                    found.setdefault(item, paper.id)
    return found


def _claim_unchanged(records: Sequence[Record], papers_dir: Path, names: set[str]) -> list[Paper]:
    """Existing files that are byte for byte what this import would write for a record.

    Parsing 10,000 files is most of a re-import's time. A file the importer wrote and
    nobody edited since holds exactly ``new_file_text`` of its record, so its values are
    known without parsing it (the emitter's output reads back exactly: see the tests).
    Any other file, and every file these records do not match, is parsed as usual.
    """
    claimed: dict[str, Paper] = {}
    if not names:
        return []  # (a first import: no file to claim, and no title's slug to make for one)
    # (Strings, and a Path only for a file claimed: pathlib's joins and read_bytes, a
    # buffered file object a file, were a third of this loop at 10,000 files.)
    folder = os.fspath(papers_dir)
    for record in records:
        paper_id = slugify(record.title)  # (never empty, and of letters, digits and "-")
        name = paper_id + ".yml"
        if name not in names or name in claimed:
            continue
        raw = _whole_file(os.path.join(folder, name))
        if raw is None:
            continue
        added = _ADDED_LINE.search(raw)
        if added is None:
            continue
        values = _record_values(record)
        values["added"] = added.group(1).decode("ascii")
        if _CITATION_KEY_LINE.search(raw):
            # A new file holds its record's key (`_import_locked`); one written before
            # keys were, or of a record with none, does not. (Without this, no file
            # written since was claimed: each of 10,000 parsed, +1.5 s a re-import.)
            values["citation_key"] = record.key
        if new_file_text(paper_id, values, record.links).encode("utf-8") != raw:
            continue
        paper = Paper(paper_id, papers_dir / name, values=values, raw=raw)
        paper.link_urls.update(same_link(link.url) for link in record.links)
        paper.officials.extend(link.url for link in record.links if link.kind == "code" and link.official)
        claimed[name] = paper
    return list(claimed.values())


def _whole_file(path: str) -> bytes | None:
    """The bytes of the file at ``path``, read to its end (a part would be claimed as a
    whole file were it what the import writes), or None when it cannot be read."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    except OSError:
        return None
    try:
        chunks = [os.read(fd, 1 << 16)]
        while chunks[-1]:  # (a paper file is a few kB: one more read finds its end)
            chunks.append(os.read(fd, 1 << 16))
    except OSError:  # (a folder named like a paper file opens, and its read fails)
        return None
    finally:
        os.close(fd)
    return b"".join(chunks)
