"""Papers a curator deleted, and papers a curator renamed, as the importer's record sees them.

A paper an earlier import created whose file a curator has since deleted keeps its
record in ``content/sources/imported.json`` as a tombstone: a record that carries one of
its identity marks is not brought back unless the curator asks for it (``--restore``).
A record whose file is gone but whose marks one other paper alone carries is that paper,
renamed (``follow_renames``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, Protocol, Sequence

from . import provenance, typos
from .errors import CuratorError, Location, Problems
from .ingest import Record
from .ingest.exporters import KEY_SOURCES
from .matchkeys import abstract_key, surname_marks, title_key
from .quoting import quoted


class PaperFile(Protocol):
    """What these rules read of a paper file the importer met."""

    id: str
    values: dict[str, object]
    link_urls: set[str]


@dataclass(frozen=True)
class NotRecreated:
    """A record of a paper a curator deleted: the deletion holds, the record is skipped."""

    paper_id: str
    title: str  # the record's: the importer keeps only digests of the deleted paper's
    source: Location
    merged_into: str = ""  # the paper whose `formerly:` lists the deleted one's id

    def __str__(self) -> str:
        if self.merged_into:
            return (
                f"{self.source}: not recreated: {self.paper_id} ({quoted(self.title)}) is a former"
                f" id of {quoted(self.merged_into)} (its formerly:)"
            )
        return f"{self.source}: not recreated: {self.paper_id} ({quoted(self.title)}) was deleted by a curator"


class Tombstones:
    """The records of papers a curator deleted, found by an identity mark a record
    carries: its title (as written, or normalised as matching compares titles), arXiv
    id or DOI, so a listing that writes a title differently still meets the deletion.

    A long abstract alone does not name a deleted paper: unrelated papers share
    boilerplate ones (a withdrawal notice), and the record keeps only digests, so the
    titles cannot be compared as a live paper's are. A record that shares only its
    abstract with a deleted paper is a new paper, with the deleted one named."""

    def __init__(self, views: dict[str, provenance.Seen]) -> None:
        self.ids = sorted(views)
        self.views = views
        self.by_mark: dict[tuple[str, str], str] = {}
        self.by_key: dict[str, list[str]] = {}  # a citation key's digest -> the papers it was
        for paper_id in self.ids:
            for mark in sorted(views[paper_id].marks()):
                self.by_mark.setdefault(mark, paper_id)
            for key in sorted(views[paper_id].fields.get(provenance.KEY_FIELD, ())):
                self.by_key.setdefault(key, []).append(paper_id)

    def by_ids(self, record: Record) -> str | None:
        """The deleted paper whose arXiv id or DOI the record has, if any."""
        for name in ("arxiv", "doi"):
            value = getattr(record, name)
            if value and (found := self.by_mark.get((name, provenance.digest(value)))):
                return found
        return None

    def find(self, record: Record) -> tuple[str | None, str | None]:
        """The deleted paper the record is, else one whose abstract it shares."""
        if not self.by_mark:
            return None, None
        for name in ("arxiv", "doi", "title"):  # (an id is surer than a title)
            value = getattr(record, name)
            if not value:
                continue
            found = self.by_mark.get((name, provenance.digest(value)))
            if found is None and name == "title":
                found = self.by_mark.get((name, title_key(value)))
            if found is not None:
                return found, None
        if found := self._same_record(record):
            return found, None
        if abstract_key(record.abstract):
            return None, self.by_mark.get(("abstract", provenance.digest(record.abstract)))
        return None, None


    def _same_record(self, record: Record) -> str | None:
        """The deleted paper whose source record this is, corrected since in the reference
        manager (retitled, an author's name mended or one added), so that it carries none
        of its identity marks: the one deleted paper for which all of these hold.

        The importer took the record's citation key for it from the same exporter
        (provenance.takes_key, as for a live paper: another tool's "kim2021graph" is that
        tool's name, perhaps of another paper). Google Scholar gives one key to every
        version of a paper (its preprint's and its proceedings'): those are that paper,
        whose title or arXiv id then names it anyway. What makes the key safe is what
        else the record shares with the deleted paper, against a key reused for another
        paper in a later export of the same exporter ("kim2021graph" of Kim's next paper
        of the year, "garcia2020" of someone else's):

        - no arXiv id or DOI of the record's other than the ones the importer took for it,
          where it took any (another id is another paper's);
        - no venue, volume, issue or pages other than the ones the importer took for it,
          where it took any (the same people's next paper elsewhere in the venue);
        - and something only that paper's record has: its abstract as taken (a long one,
          as matchkeys.abstract_key tells); or its year with its author list as taken (a
          retitled record); or its year, venue and pages as taken with one of its people
          (a paper's pages in its venue are its own; its authors corrected since, some
          still there: matchkeys.surname_marks, which records before them lack).

        Its titles and authors are kept as digests only, so how alike two titles are
        cannot be told: a new paper of the same people and year, keyed alike, in the same
        venue and without pages, is taken for it; one with other people, pages of its
        own, or its own DOI, is not. A record with no year and no abstract is none."""
        if not record.key:
            return None
        keyed = (
            paper_id for taken in provenance.key_digests(record.key, record.key_source)
            for paper_id in self.by_key.get(taken, ())
        )
        found = [
            paper_id for paper_id in dict.fromkeys(keyed)
            if provenance.takes_key(
                self.views[paper_id].fields.get(provenance.KEY_FIELD, ()), record.key, record.key_source, KEY_SOURCES
            )
            and _names_it(self.views[paper_id], record)
        ]
        return found[0] if len(found) == 1 else None


def _names_it(view: provenance.Seen, record: Record) -> bool:
    """Whether a record under a deleted paper's key is that paper's (see
    Tombstones._same_record): nothing it gives is another paper's, and its abstract, or
    its year with its authors, or with its venue, pages and one of its people, are that
    paper's."""
    def taken(name: str) -> bool:
        return view.has_value(name, list(value) if isinstance(value := getattr(record, name), tuple) else value)

    if any(
        getattr(record, name) and view.fields.get(name) and not taken(name)
        for name in ("arxiv", "doi", "venue", "volume", "number", "pages")
    ):
        return False
    if abstract_key(record.abstract) and taken("abstract"):
        return True
    return bool(record.year) and taken("year") and (
        (bool(record.authors) and taken("authors"))
        or (
            bool(record.venue and record.pages) and taken("venue") and taken("pages")
            and not surname_marks(record.authors).isdisjoint(view.fields.get("authors", ()))
        )
    )


def check_restore(
    restore: Sequence[str],
    tombstones: Tombstones,
    taken: set[str],
    views_path: Path,
    reused: Mapping[str, Location],
    renamed: Mapping[str, str],
    former: Mapping[str, str] | None = None,
) -> None:
    """Every id to restore must be a deleted paper's whose id no file holds now; checked
    before anything is written. ``reused``: the files a curator wrote under a deleted
    paper's id (where each holds its id). Such a paper is not restored under another
    id: references to the deleted paper name its own id, and a restored paper named
    ``ID-2`` would leave them pointing at the curator's paper."""
    problems = Problems()
    known = set(tombstones.ids)
    for paper_id in dict.fromkeys(restore):
        if paper_id in reused:
            where = reused[paper_id]
            problems.error(
                where,
                f"cannot restore {paper_id}: {where.path} is now your own paper; rename it "
                "(file and id) first; nothing was written",
            )
            continue
        if paper_id in (former or {}):
            problems.error(
                Location(str(views_path)),
                f"--restore {paper_id}: it is a former id of {quoted(former[paper_id])} (its"  # type: ignore[index]
                " formerly:), whose old address leads there; remove it from that formerly:"
                " first; nothing was written",
            )
            continue
        if paper_id in known:
            continue
        if paper_id in taken:
            why = "its file is still in content/papers/, so it is not deleted"
        elif paper_id in renamed:
            why = f"it was renamed to {quoted(renamed[paper_id])}, not deleted"
        elif known:
            # The id a slip of the keys away is named first: among a shipped list's 176
            # deleted papers, the first ten in order rarely hold the one meant.
            why = "no paper deleted by a curator has this id" + typos.did_you_mean(
                paper_id, tombstones.ids,
                " (deleted: " + ", ".join(tombstones.ids[:10])
                + (", ..." if len(known) > 10 else "") + ")",
            )
        else:
            why = "no paper has been deleted by a curator"
        problems.error(Location(str(views_path)), f"--restore {paper_id}: {why}; nothing was written")
    if problems.has_errors():
        raise CuratorError(problems)


def follow_renames(
    views: dict[str, provenance.Seen],
    existing: Sequence[PaperFile],
    former: Mapping[str, str] | None = None,
) -> dict[str, provenance.Seen]:
    """``views`` with the record of each paper a curator renamed moved to its new id.

    A record is loose when no file has its id, or the file with its id holds none of its
    identity marks (the old id reused by a new hand-written paper). It moves only when
    that is unambiguous: exactly one paper carries any of its marks (or, the curator's
    word, lists its id in `formerly:`: ``former``, old id -> paper; not so a record an
    import found deleted, whose id a `formerly:` names as a file's reused since), that paper has no
    record of its own, and no other loose record points at it. Anything else stays as
    it is: a record no paper carries is a paper a curator deleted (a tombstone); one a
    paper with a record of its own lists in `formerly:` was merged into it.
    """
    by_id = {paper.id: paper for paper in existing}
    loose = [
        paper_id
        for paper_id, view in views.items()
        if not view.renamed_to and (paper_id not in by_id or not carries(by_id[paper_id], view))
    ]
    if not loose:
        return views  # the usual import: every record has its paper
    holders: dict[tuple[str, str], list[str]] = {}
    for paper in existing:
        for mark in provenance.marks_of(paper.values):
            holders.setdefault(mark, []).append(paper.id)
    claims: dict[str, list[str]] = {}  # paper id -> the loose records only it carries
    for paper_id in loose:
        carriers = {
            holder for mark in views[paper_id].marks() for holder in holders.get(mark, ())
        }
        # (Not a record an import found deleted: a `formerly:` naming that id names the
        # file a curator wrote under it since, their own paper, which `rename` gave the
        # old id; that record stays the deleted paper's tombstone.)
        if former and paper_id in former and paper_id not in by_id and not views[paper_id].deleted:
            carriers = {former[paper_id]}
        if len(carriers) == 1:
            claims.setdefault(carriers.pop(), []).append(paper_id)
    moved = dict(views)
    for new_id, old_ids in sorted(claims.items()):
        # (An id that is only an earlier rename's old id may take a record back: a
        # paper renamed, then renamed back.)
        if len(old_ids) == 1 and (new_id not in views or views[new_id].renamed_to):
            old_id = old_ids[0]
            moved[new_id] = moved[old_id]
            # The old id keeps where the paper went (unless a file holds it now: then
            # it is that file's id), and so do ids renamed to it before.
            if old_id in by_id:
                del moved[old_id]
            else:
                moved[old_id] = provenance.Seen({}, frozenset(), renamed_to=new_id)
            for other, view in list(moved.items()):
                if view.renamed_to == old_id:
                    moved[other] = provenance.Seen({}, frozenset(), renamed_to=new_id)
    return moved


def carries(paper: PaperFile, view: provenance.Seen) -> bool:
    """Whether the paper still holds one of the identity values its record names; the
    title first, as it settles nearly every paper with one digest."""
    fields = view.fields
    return (
        any(
            isinstance(value := paper.values.get(name), str)
            and bool(value)
            and provenance.digest(value) in fields.get(name, ())
            for name in provenance.IDENTITY_FIELDS
            if fields.get(name)
        )
        or not view.links.isdisjoint(paper.link_urls)
    )
