"""Checking `content/sources/imported.json`, the importer's record (provenance.py).

The importer reads the file only when it runs, and refuses a damaged one: without
this check a merge of two branches that both imported (git's conflict markers in the
file) or a hand edit that broke the JSON passes `check` and `build` and is found only
by the next import, long after the merge. Each problem is placed at its line.

The record also remembers the papers a curator deleted or renamed since the last
import (`Gone`): a reference to one of them says so rather than offering a lookalike id,
and a paper renamed by hand whose `formerly:` does not list the id it had is told it
(`Gone.renames`): its old address would break with nothing said. An id the record does
not have (a paper written by hand) is looked up in git's last copy of its file, when a
reference names it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Container, Iterable, Mapping, Sequence

from . import provenance
from .errors import CuratorError, Location, Problems
from .mergemarkers import marker_lines
from .quoting import quoted

if TYPE_CHECKING:
    from .gitcopy import Copies, Copy

_CONFLICT = (
    "a git merge conflict (two branches both imported papers): keep the entries of both"
    " sides, each line '\"<id>\": {...}' being one paper's record (of a paper on both"
    " sides keep one line: the next import adds what the other had); delete the lines"
    " <<<<<<<, ======= and >>>>>>>; end every entry line but the last with a comma"
)
# The same conflict written with its base (git's merge.conflictStyle diff3 or zdiff3):
# between ||||||| and ======= the entries as they were before either import. Kept, as
# the message above let a curator do, a paper both sides changed had two lines.
_CONFLICT_WITH_BASE = (
    "a git merge conflict (two branches both imported papers): keep the entries of both"
    " sides, each line '\"<id>\": {...}' being one paper's record (of a paper on both"
    " sides keep one line: the next import adds what the other had); delete the entries"
    " between ||||||| and =======, as they were before either import, and the lines"
    " <<<<<<<, |||||||, ======= and >>>>>>>; end every entry line but the last with a comma"
)


_UNREAD = object()  # (JSON Python will not read: `provenance.load` says why)


def check_imported(path: Path, shown: str, problems: Problems) -> Mapping[str, provenance.Seen]:
    """Report what would make the importer refuse ``path`` (shown as ``shown``);
    nothing when the file does not exist (no import has recorded anything yet). The
    record as the importer reads it: empty when there is none, or it is refused."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError as exc:
        problems.error(Location(shown), f"cannot read the importer's record: {exc}")
        return {}
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = provenance.byte_place(raw, exc.start)
        problems.error(
            Location(shown, line, col),
            f"cannot read the importer's record: not UTF-8 ({exc.reason}); restore it from git",
        )
        return {}
    markers = marker_lines(text)
    if markers:
        # One error per conflict, at its start, told of its base if it shows one (a
        # ||||||| line before the next <<<<<<<); a marker left alone after a partial fix
        # is reported where it stands.
        starts = [at for at, (_, kind) in enumerate(markers) if kind == "<"] or [0]
        for at, following in zip(starts, starts[1:] + [len(markers)]):
            with_base = any(kind == "|" for _, kind in markers[at:following])
            problems.error(Location(shown, markers[at][0], 1), _CONFLICT_WITH_BASE if with_base else _CONFLICT)
        return {}
    data: object = _UNREAD
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        problems.error(
            Location(shown, exc.lineno, exc.colno),
            f"not valid JSON: {exc.msg}; each entry line is '\"<id>\": {{...}}', and every"
            " entry line but the last ends with a comma (or restore the file from git)",
        )
        return {}
    except (ValueError, RecursionError):
        pass  # (valid JSON that Python will not read: the importer's reader says why)
    try:
        # The importer's own reader: what it refuses, check does. (Given the text and
        # its JSON when read here: the file is not read and parsed a second time.)
        if data is _UNREAD:
            return provenance.load(path)
        return provenance.views(path, text, data)
    except CuratorError as exc:
        for problem in exc.problems:
            message = problem.message.removesuffix("; nothing was written")
            where = problem.location
            problems.error(Location(shown, where.line or 1, where.col or 1), message)
        return {}


def recorded_ids(views: Mapping[str, provenance.Seen]) -> frozenset[str]:
    """The ids the record says papers have or had: not a deleted paper's (an import
    found it gone and no paper holding it: the curator's deletion, told so where it is
    named), nor one an import ended before writing."""
    return frozenset(
        paper_id for paper_id, seen in views.items() if not seen.deleted and not seen.pending
    )


def renamed_unlisted(paper_id: str, old_ids: Sequence[str], has_formerly: bool, shown: str) -> str:
    """The warning for a paper the record (shown as ``shown``) knows by ``old_ids``
    too, which its `formerly:` does not list."""
    addresses = " and ".join(f"papers/{old}/" for old in old_ids)
    if len(old_ids) == 1 and not has_formerly:
        old = old_ids[0]
        return (
            f"paper {quoted(paper_id)} was imported as {quoted(old)} ({shown}); add 'formerly: [{old}]'"
            f" so the old address {addresses} leads here and readers' marks follow"
        )
    # (Which of them it had first, the record does not always tell: the curator knows.)
    had = " and ".join(map(quoted, old_ids))
    ids, them, address, lead = (
        ("id", "it", "address", "leads") if len(old_ids) == 1
        else ("ids", "them", "addresses", "lead")
    )
    return (
        f"paper {quoted(paper_id)} had the {ids} {had} ({shown}); add {them} to its 'formerly:'"
        f" (every id it had, oldest first) so the old {address} {addresses} {lead} here and"
        " readers' marks follow"
    )


@dataclass(frozen=True)
class Fate:
    """What became of a paper id that no paper file has, by the importer's record:
    renamed to ``renamed_to``, or deleted when that is "". ``candidates``: the papers
    that each hold some of what identified it, when more than one does (a paper split
    in two, or its title given to another): which one is meant is the curator's call."""

    renamed_to: str = ""
    candidates: tuple[str, ...] = ()
    what: str = "paper"  # or "topic" (a topic's `formerly:`)
    # The record whose values ``renamed_to`` alone still holds, when that is how the
    # rename was told (no import has recorded it yet, nor a `formerly:` declared it).
    by_values: str = ""
    # The commit whose copy of the old id's file told it, when no record did (a paper
    # written by hand, renamed by hand, that no `formerly:` lists): the fix then adds
    # that `formerly:` too, which nothing else would say.
    by_git: str = ""

    def says(self, paper_id: str, written: Callable[[str], str] = str) -> str:
        """ "no paper 'x': it was ..." with the fix; ``written``: how a reference to a
        paper id is written where the reference is (the id in YAML, the page file in a
        Markdown link)."""
        if self.renamed_to:
            return f"{self.became(paper_id)}; write {quoted(written(self.renamed_to))}" + self.unlisted(paper_id)
        if self.candidates:
            listed = ", ".join(quoted(written(c)) for c in self.candidates)
            return f"no paper {quoted(paper_id)}: it was renamed; now one of {listed}: write the one meant"
        # (A paper renamed with another title and abstract than it was imported with is
        # not recognised as the same: the message leaves that open.)
        return (
            f"no paper {quoted(paper_id)}: it was deleted (or renamed, with another title and"
            " abstract); remove it here, or name the paper it became"
        )

    def became(self, old: str) -> str:
        """ "no paper 'x': it was renamed to 'y'", without the fix."""
        if self.what == "topic":
            # A topic's `formerly:` is written alike for a rename and for a merge (the
            # topic another was folded into lists it): nothing tells which, and "renamed"
            # read wrongly for a merge.
            return f"no topic {quoted(old)}: it was renamed to or merged into {quoted(self.renamed_to)}"
        if self.by_git:
            return (
                f"no {self.what} {quoted(old)}: it was renamed to {quoted(self.renamed_to)} (git's copy of"
                f" {old}.yml at {self.by_git} is that paper)"
            )
        return f"no {self.what} {quoted(old)}: it was renamed to {quoted(self.renamed_to)}"

    def unlisted(self, old: str) -> str:
        """The rest of the fix when git told the rename: its `formerly:`, which no record
        asks for elsewhere (renamed_unlisted says it where the importer's record does)."""
        if not (self.by_git and self.renamed_to):
            return ""
        return (
            f", and add 'formerly: [{old}]' to paper {quoted(self.renamed_to)} so the old address"
            f" papers/{old}/ leads there and readers' marks follow"
        )


# A paper file's `id:` line, as a copy git has gives it (quoted or not).
_ID_LINE = re.compile(r"""(?m)^id:[ \t]*["']?([^\s"'#]+)""")


def _retitled(before: Mapping[str, object], values: Mapping[str, object]) -> bool:
    """Whether git's copy of a paper and a file giving its id may be one paper retitled:
    titles SIMILAR_TITLE alike once normalised (a typo fixed; matchkeys.one_by_text), or
    half the people of the shorter author list or more in the other by family name (a title
    rewritten, its people kept: one name shared, a Wang of two papers of one field, is
    none). "Fix the title, fix the file's name" is one change: told "another paper ...
    give this paper its own id", a curator lost the paper's published address and
    readers' marks of it; the rename's advice given to a new paper by the same people
    costs far less."""
    from .matchkeys import normalise_title, one_by_text, surname_marks

    title, other = (
        normalise_title(text) if isinstance(text := side.get("title"), str) else "" for side in (before, values)
    )
    if one_by_text(title, other, before.get("abstract"), values.get("abstract")):
        return True
    lists = sorted((before.get("authors"), values.get("authors")), key=lambda side: len(_people_of(side)))
    return _half_the_people_in(lists[0], surname_marks(lists[1]))


def _recorded_retitled(seen: provenance.Seen, values: Mapping[str, object]) -> bool:
    """`_retitled` by the importer's record, which keeps digests only: the normalised
    title's (a title's case or punctuation changed), the author list's, or half the
    file's people's family names (importmerge), as the file has them."""
    from .matchkeys import title_key

    title, authors = values.get("title"), values.get("authors")
    if isinstance(title, str) and title_key(title) in seen.fields.get("title", ()):
        return True
    return bool(authors) and (
        seen.has_value("authors", authors) or _half_the_people_in(authors, seen.fields.get("authors", frozenset()))
    )


def _people_of(authors: object) -> list[frozenset[str]]:
    """The digests of each named author's family name (matchkeys.surname_marks), not "others"."""
    from .matchkeys import surname_marks

    names = authors if isinstance(authors, (list, tuple)) else ()
    return [found for name in names if (found := surname_marks([name]))]


def _half_the_people_in(authors: object, marks: Container[str]) -> bool:
    """Whether at least half of the people of ``authors`` have a family name of ``marks``."""
    people = _people_of(authors)
    return bool(people) and sum(1 for found in people if any(mark in marks for mark in found)) * 2 >= len(people)


def _wrote_identity(seen: provenance.Seen) -> bool:
    """Whether the importer wrote a title, arXiv id, DOI or abstract into the paper's file
    (importmatch.written's "<field> written"). When it wrote none, the file's are the
    curator's: a paper it merged into a hand-written file by a similar title has the
    source's title recorded, and the file's own kept (a conflict), which the record
    cannot tell the same paper by."""
    return any(seen.fields.get(f"{name} written") for name in provenance.IDENTITY_FIELDS)


class Gone:
    """The importer's memory of papers a curator deleted or renamed, read only when a
    reference names an id no file has (a check that finds nothing never reads it).

    The record keeps an entry for every paper it imported; the next import moves a
    renamed paper's entry to its new id and leaves the old id one that names the new
    (``renamed_to``). So an id it has and no file has was renamed to that one, or, before
    that import, to the one paper still holding one of the values that identify it
    (provenance.Seen.marks), or else deleted. ``papers`` gives (id, values) of every
    paper read.
    """

    def __init__(
        self,
        path: Path,
        papers: Callable[[], Iterable[tuple[str, Mapping[str, object]]]],
        formerly: Mapping[str, str] | None = None,
        views: Mapping[str, provenance.Seen] | None = None,
        papers_dir: Path | None = None,
    ):
        self._path = path
        # The paper files' folder, for git's copy of an old id's file the record lacks.
        self._papers_dir = papers_dir
        self._copies: Copies | None = None
        self._from_git: dict[str, Fate | None] = {}
        self._papers = papers
        # Old id -> the paper that names it in its `formerly:`: the curator's word,
        # taken before the importer's record.
        self._formerly = formerly or {}
        self._views = views  # (the record, when the caller has read it already)
        self._holders: dict[tuple[str, str], set[str]] | None = None
        self._ids: set[str] = set()  # the papers read, once _holders is made
        # The marks whose holders told a fate: a paper whose title, arXiv id, DOI or
        # abstract gains or loses one of them may change what a fate told says.
        self.asked: set[tuple[str, str]] = set()

    def fate(self, paper_id: str) -> Fate | None:
        if paper_id in self._formerly:
            return Fate(self._formerly[paper_id])
        seen = self._seen(paper_id)
        if seen is None:
            return self._git_fate(paper_id)
        if seen.pending:
            return None  # (an import ended before it wrote that paper's file)
        holders_of = self._holders_of()
        if seen.renamed_to:
            # An old id an import moved the record from; renamed again since, maybe.
            now, passed = seen.renamed_to, {paper_id}
            while now not in self._ids:
                view = self._views.get(now)
                if view is None or now in passed:
                    return Fate()  # what it became is gone too, with no record left
                if not view.renamed_to:
                    return self.fate(now)  # (deleted or renamed since: what became of it)
                passed.add(now)
                now = view.renamed_to
            return Fate(now)
        self.asked.update(seen.marks())
        holders = set().union(*(holders_of.get(mark, ()) for mark in seen.marks()))
        holders.discard(paper_id)
        if len(holders) == 1:
            return Fate(holders.pop(), by_values=paper_id)
        return Fate(candidates=tuple(sorted(holders)))

    def _seen(self, paper_id: str) -> provenance.Seen | None:
        """The importer's record of ``paper_id``, the record read once."""
        if self._views is None:
            try:
                self._views = provenance.load(self._path)
            except CuratorError:
                self._views = {}  # check_imported reports it
        return self._views.get(paper_id)

    def _holders_of(self) -> dict[tuple[str, str], set[str]]:
        """Each identity mark -> the papers read that hold it."""
        if self._holders is None:
            self._holders, self._ids = {}, set()
            for other, values in self._papers():
                self._ids.add(other)
                for mark in provenance.marks_of(values):
                    self._holders.setdefault(mark, set()).add(other)
        return self._holders

    def _git_fate(self, paper_id: str) -> Fate | None:
        """What became of an id the record does not have, by the file git last had under
        that name (gitcopy.py): the one paper read that holds its title, arXiv id, DOI
        or abstract, as the record would tell it (several: the curator's call). None
        when git has no such file, or it holds none of any paper's values (a paper
        deleted, or never there: a typo). Asked only of an id that a reference names
        and no file has, so a check that finds nothing runs no git."""
        if self._papers_dir is None:
            return None
        if paper_id not in self._from_git:
            self._from_git[paper_id] = self._read_git_copy(paper_id, self._papers_dir)
        return self._from_git[paper_id]

    def _read_git_copy(self, paper_id: str, papers_dir: Path) -> Fate | None:
        found = self._git_values(paper_id, papers_dir)
        if found is None:
            return None
        values, copy = found
        marks = provenance.marks_of(values)
        self.asked.update(marks)
        holders = set().union(*(self._holders_of().get(mark, ()) for mark in marks))
        holders.discard(paper_id)
        if len(holders) == 1:
            return Fate(holders.pop(), by_git=copy.commit)
        if holders:
            return Fate(candidates=tuple(sorted(holders)))
        return None

    def _git_values(self, paper_id: str, papers_dir: Path) -> tuple[dict[str, object], Copy] | None:
        """The values of paper ``paper_id`` as git last had its file, and that copy;
        None when git has no such file, or one that gave another id."""
        from .gitcopy import Copies  # imported late: only an id no file has needs it
        from .validate import PAPER_FIELDS, RecordChecker
        from .yamlio import Map, parse

        if self._copies is None:
            self._copies = Copies(papers_dir)
        copy = self._copies.get(f"{paper_id}.yml")
        if copy is None:
            return None
        scratch = Problems()
        try:
            text = copy.data.decode("utf-8")
        except UnicodeDecodeError:
            return None
        tree = parse(text, f"{paper_id}.yml", scratch)
        if not isinstance(tree, Map):
            return None
        values, _ = RecordChecker(scratch, text).record(tree, PAPER_FIELDS)
        if values.get("id") != paper_id:
            return None  # (a file that was another paper's, under that name)
        return values, copy

    def other_paper(self, paper_id: str, values: Mapping[str, object]) -> tuple[str, str] | None:
        """(The title, "" when unknown; where that paper is told) of the deleted paper
        whose id ``paper_id`` was, when the paper of ``values``, a file giving that id
        under another name, is another one: it shares no title, arXiv id, DOI nor
        abstract (provenance.marks_of) with git's last copy of ``paper_id``.yml, or,
        without one, with the importer's record of that id. A deleted paper's id taken
        for a new paper, which `file_renamed` took for a file renamed: moved "back" and
        renamed forward, the old paper's address and readers' marks would have led to
        the new one. None for the same paper, or nothing to tell it by."""
        found = self._other(paper_id, values)
        return None if found is None else found[:2]

    def _other(self, paper_id: str, values: Mapping[str, object]) -> tuple[str, str, str] | None:
        """`other_paper`, and the commit of git's copy that told it ("" for the record)."""
        ours = provenance.marks_of(values)
        found = self._git_values(paper_id, self._papers_dir) if self._papers_dir is not None else None
        if found is not None:
            before, copy = found
            theirs = provenance.marks_of(before)
            retitled = _retitled(before, values)
            title = before.get("title")
            told = (
                title if isinstance(title, str) else "", f"git's copy of {paper_id}.yml at {copy.commit}", copy.commit
            )
        else:
            seen = self._seen(paper_id)
            if seen is None or seen.pending or seen.renamed_to:
                return None
            theirs = seen.marks()
            retitled = _recorded_retitled(seen, values)
            told = ("", f"the importer's record, content/{provenance.RELATIVE_PATH.as_posix()}", "")
        if not theirs or not ours or theirs & ours or retitled:
            return None  # (nothing to compare by, or the same paper)
        return told

    def reused(self, named: Iterable[tuple[str, Mapping[str, object]]]) -> dict[str, tuple[str, str, str]]:
        """Paper id -> (the title, "" when unknown; where that paper is told; the commit
        of git's copy that told it, "" for the record) of the other paper whose id a file
        named for it gives now, of ``named``, (id, values) of the files whose id is their
        name: a paper's file written over with another paper, or a deleted paper's file
        made again for a new one. Its address, and readers' marks and other sites' links
        to it, would lead to the new paper with nothing said. Told by git's copy of the
        file when the work tree's is not HEAD's, else (no git, or a file git never had)
        by the importer's record, as `other_paper` tells it: the same paper retitled,
        its typo fixed or its file rewritten is not another. A file as HEAD has it is
        told nothing (committed, the reuse is the curator's choice), nor one whose values
        the importer's record has: then two git runs are all a large list costs. Without
        git the record is read and each such file compared with it (0.3 CPU s at 10,000
        papers)."""
        from .gitcopy import changed_names  # imported late, as in _git_values

        papers_dir = self._papers_dir
        changed = changed_names(papers_dir) if papers_dir is not None else None
        if changed is None and not self._path.is_file():
            return {}  # (no record: nothing tells another paper)
        # (Without git every file is compared with the record, its age aside: an import
        # rewrites the record without comparing the files it leaves alone with it, so a
        # file written over before the last import is no older than what it tells.)
        found: dict[str, tuple[str, str, str]] = {}
        for paper_id, values in named:
            if changed is not None and f"{paper_id}.yml" not in changed:
                continue
            seen = self._seen(paper_id)
            if seen is None and changed is None:
                continue  # (neither git nor the record knows the id: nothing to tell it by)
            if (
                seen is not None and not seen.pending and not seen.renamed_to
                and (provenance.marks_of(values) & seen.marks() or _recorded_retitled(seen, values))
            ):
                continue  # (the paper the importer recorded under that id)
            other = self._other(paper_id, values)
            # (Told by the record, only of a paper whose title, arXiv id, DOI or abstract
            # the importer wrote: else the file's own are all the record is compared by.)
            if other is not None and (other[2] or seen is None or _wrote_identity(seen)):
                found[paper_id] = other
        return found

    def file_renamed(self, paper_id: str, name: str) -> bool:
        """Whether the file of paper ``paper_id`` was renamed to ``name``.yml, its id left
        as it was (`git mv`, a file manager): git has a file of that id, and none of that
        name holding the id ``name`` (which is an id edited in the file instead). False
        without git. Asked only of a file whose id is not its name."""
        if self._papers_dir is None:
            return False
        from .gitcopy import Copies  # imported late, as in _read_git_copy

        if self._copies is None:
            self._copies = Copies(self._papers_dir)
        if self._copies.get(f"{paper_id}.yml") is None:
            return False
        before = self._copies.get(f"{name}.yml")
        if before is None:
            return True
        said = _ID_LINE.search(before.data.decode("utf-8", "replace"))
        return said is None or said.group(1) != name

    def renames(self, old_ids: Iterable[str]) -> dict[str, list[str]]:
        """Paper id -> the ids among ``old_ids`` (ids the record has and no paper file
        has) the paper had before a rename, where the record tells it as the importer
        would: a rename an import recorded, or one paper alone holding a record's
        values when it has no record of its own and holds no other record's (else it
        may be a paper that took over a deleted one's title, or two merged: the
        curator's call, and the importer's `follow_renames` leaves them too)."""
        found: dict[str, list[str]] = {}
        told: dict[str, set[str]] = {}  # paper id -> the records it alone holds values of
        for old in sorted(old_ids):
            fate = self.fate(old)
            if fate is not None and fate.renamed_to:
                found.setdefault(fate.renamed_to, []).append(old)
                if fate.by_values:
                    told.setdefault(fate.renamed_to, set()).add(fate.by_values)
        views = self._views or {}
        for paper_id, records in told.items():
            own = views.get(paper_id)
            if len(records) > 1 or (own is not None and not own.renamed_to):
                del found[paper_id]
        return found
