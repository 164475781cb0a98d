"""Problems a curator can cause, each with a source location, and a collector for them.

Every user-facing error is printed as ``path:line:col: message`` (1-based line and
column), so editors and CI annotations can jump to it. Code that validates never
raises on the first problem: it adds to a `Problems` collector and goes on, so one
run reports every mistake; the entry point decides to abort once at the end.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum

from .quoting import shown


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Location:
    """A place in a source file. ``line`` and ``col`` are 1-based; 0 means unknown."""

    path: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        path = shown(self.path)  # (a file's name is the curator's text too: quoting.py)
        if self.line <= 0:
            return path
        return f"{path}:{self.line}:{max(self.col, 1)}"


@dataclass(frozen=True, order=True)
class Problem:
    location: Location
    message: str
    severity: Severity = Severity.ERROR
    # What the problem is, for a command that acts on one kind (`readinglist rename` of a
    # paper given another paper's id: crosscheck.reused_id): never its words, which change.
    # Not compared: one problem said twice is one, whatever its kind.
    kind: str = field(default="", compare=False)

    def __str__(self) -> str:
        prefix = "warning: " if self.severity is Severity.WARNING else ""
        return f"{self.location}: {prefix}{self.message}"


@dataclass(frozen=True, order=True)
class Skipped:
    """A part of an input that an import read and took no paper from, and why: a
    BibTeX entry or RIS record without a title, a Markdown list's item that names no
    paper. No problem of the curator's (a list's badges and table of contents are no
    papers), but counted and said, so that nothing an input holds is dropped without a
    word (importreport.ImportReport.skipped)."""

    location: Location
    what: str  # "list item", "table row", "BibTeX entry", "RIS record"
    why: str  # "no title", "not a paper (no paper link, venue or year)"
    # Said already by a warning at its place (an entry without a title: what to do with
    # it): counted with the others, not said a second time in the import's notes.
    warned: bool = False


@dataclass
class Problems:
    """Collects problems from a whole run; sorted by file, line and column when read.
    ``skipped``: the parts of an import's inputs it took no paper from (`Skipped`),
    which are no problems: never in ``items``, nor in the collector's truth."""

    items: list[Problem] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    # Warnings of what an input holds that every import of it would say again, with
    # nothing left for the curator to do (Zotero's arXiv subject classes, left out of
    # the tags): each with the places of the records it is about. An import says one
    # only where one of those records made or changed a paper (importer.import_paths).
    about_records: dict[Problem, frozenset[Location]] = field(default_factory=dict)
    # Of those, the ones an import says only where a paper of those records has no
    # authors after it (a record that names none: the curator may have written them).
    if_authorless: set[Problem] = field(default_factory=set)

    def skip(self, location: Location, what: str, why: str, warned: bool = False) -> None:
        self.skipped.append(Skipped(location, what, why, warned))

    def error(self, location: Location, message: str, kind: str = "") -> None:
        self.items.append(Problem(location, message, Severity.ERROR, kind))

    def warning(self, location: Location, message: str) -> None:
        self.items.append(Problem(location, message, Severity.WARNING))

    def warning_about(
        self, location: Location, message: str, records: Iterable[Location], authorless: bool = False,
    ) -> None:
        """A warning an import says only with a paper made or changed from one of
        ``records`` (see ``about_records``), or with ``authorless`` only where such a
        paper has no authors after it; any other reader says it as any warning."""
        problem = Problem(location, message, Severity.WARNING)
        self.items.append(problem)
        self.about_records[problem] = self.about_records.get(problem, frozenset()) | frozenset(records)
        if authorless:
            self.if_authorless.add(problem)

    def extend(self, other: "Problems") -> None:
        self.items.extend(other.items)
        self.skipped.extend(other.skipped)
        for problem, records in other.about_records.items():
            self.about_records[problem] = self.about_records.get(problem, frozenset()) | records
        self.if_authorless |= other.if_authorless

    @property
    def errors(self) -> list[Problem]:
        return sorted(p for p in self.items if p.severity is Severity.ERROR)

    @property
    def warnings(self) -> list[Problem]:
        return sorted(p for p in self.items if p.severity is Severity.WARNING)

    def __bool__(self) -> bool:
        return bool(self.items)

    def has_errors(self) -> bool:
        return any(p.severity is Severity.ERROR for p in self.items)

    def sorted(self) -> list[Problem]:
        return sorted(self.items)

    def format(self) -> str:
        return "\n".join(str(p) for p in self.sorted())


def counted(n: int, word: str) -> str:
    """"1 error", "2 errors": a count as a curator reads it."""
    return f"{n} {word}{'' if n == 1 else 's'}"


class CuratorError(Exception):
    """Raised by an entry point after collecting problems, to abort once with all of them."""

    def __init__(self, problems: Problems | list[Problem]):
        items = problems.items if isinstance(problems, Problems) else list(problems)
        self.problems = sorted(items)
        super().__init__("\n".join(str(p) for p in self.problems))
