"""What each BibTeX entry was read as by the last import, so that a re-import of an
exported library (most entries as they were) converts only the entries that changed.

An entry's reading (`bibtex._record`: its TeX to text, names, links, notes) is a
function of the entry as the middlewares left it and of the entries it crossrefs; it is
kept under a digest of what all of that is made of (`entry_digest`): the entry's raw
text, each crossref'd entry's and its place, every @string and @preamble of the file (so
a macro's edit reads every entry again), whether another entry crossrefs it, the file's
held backslashes and the TeX reading in effect. The reader's own code is in the cache
file's header (`cache.fingerprint`: every file of the generator, the libraries'
versions), so an upgraded reader starts from nothing. An entry whose reading said
anything (a warning, a note left out) is not kept: its messages are read again, never
replayed. A reading is kept without its file's name and its line, which `known` puts back: an entry moved down by a new one above it,
or a library exported under a new name each week, is still the entry read.

An RIS record's reading (`ris._record`) is a function of its lines as written, kept
alike in a file of its own (`RIS_FILE_NAME`): a Zotero library's unchanged 10,000-record
RIS re-import read each again (BENCHMARKS.md, "The sixty-seventh session: RIS records
read once").

Each file holds the entries of the last import that read its format (each import replaces
it: bounded by that import's inputs), in ``.cache/readinglist/`` beside the project's
content, git-ignored; it is written atomically, and a damaged, foreign or other
project's file is no cache (`load` returns an empty one).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sized
from dataclasses import dataclass, field, replace
from pathlib import Path

from .. import cache
from ..errors import Location
from . import Record

FILE_NAME = "bibtex-entries.pickle"
# The RIS records' readings (`ris.parse_ris`), apart: an import of one format's files
# leaves the other's readings for its next import.
RIS_FILE_NAME = "ris-records.pickle"
_FORMAT = 1

# A reading: the record, or None for an entry that is no paper (a crossref'd volume, a
# style's control entry); and the line (from 0) of the entry's start when read.
Reading = tuple[Record | None, int]
# The answer of `EntryReadings.known` for an entry never read so.
_UNKNOWN = object()


@dataclass
class EntryReadings:
    """``project``: the project folder (resolved) the readings belong to; ``last``: the
    readings of the last import, by digest; ``now``: this import's, stored for the next."""

    project: str
    last: dict[bytes, Reading] = field(default_factory=dict)
    now: dict[bytes, Reading] = field(default_factory=dict)
    # (Asked by the tests and benchmarks: how many entries were read from the cache.)
    hits: int = 0
    name: str = FILE_NAME  # the cache file's

    def known(self, digest: bytes, path: str, start_line: int) -> Record | None | object:
        """The record an entry of this digest was read as, placed at ``path`` and
        ``start_line``; `_UNKNOWN` when it was not read last time."""
        reading = self.last.get(digest)
        if reading is None:
            return _UNKNOWN
        record, line = reading
        self.now[digest] = reading
        self.hits += 1
        if record is None:
            return None
        shift = start_line - line
        if shift == 0 and record.source.path == path:
            return record
        return replace(
            record,
            source=_moved(record.source, path, shift),
            notes_at=_moved(record.notes_at, path, shift) if record.notes_at is not None else None,
        )

    def read(
        self, digest: bytes, path: str, start_line: int, read: Callable[[], Record | None],
        said: tuple[Sized, ...],
    ) -> Record | None:
        """The record of the entry of ``digest`` at ``path`` and ``start_line``: as read
        last time, else ``read()``'s, kept for the next import when reading it added
        nothing to ``said`` (the problems, the notes left out...): those are said by
        reading the entry again, never replayed."""
        known = self.known(digest, path, start_line)
        if known is not _UNKNOWN:
            return known  # type: ignore[return-value]
        before = [len(each) for each in said]
        record = read()
        if before == [len(each) for each in said]:
            self.now[digest] = (record, start_line)
        return record


def _moved(location: Location, path: str, shift: int) -> Location:
    return Location(path, location.line + shift, location.col)


def entry_digest(parts: list[str]) -> bytes:
    """The digest of an entry's reading's inputs, each a string (`bibtex._entry_key`)."""
    # (Each part after its length, so that no part's text can run into the next's; one
    # update: one a part took twice as long.)
    joined = "".join([f"{len(part)}:{part}" for part in parts])
    return hashlib.blake2b(joined.encode("utf-8", "surrogatepass"), digest_size=20).digest()


def load(folder: Path, project: Path, name: str = FILE_NAME) -> EntryReadings:
    """The readings the last import of ``project`` kept in ``folder`` (as ``name``); none
    when the file is missing, damaged, of other code or of another project."""
    here = str(project.resolve())
    kept = cache.read(folder, name)
    if not (
        isinstance(kept, tuple) and len(kept) == 3 and kept[0] == _FORMAT and kept[1] == here
        and isinstance(kept[2], dict)
    ):
        return EntryReadings(here, name=name)
    return EntryReadings(here, kept[2], name=name)


def store(folder: Path, readings: EntryReadings) -> bool:
    """Keep this import's readings for the next (atomically; a folder that cannot be
    written only costs the next import its head start). Unchanged readings are not
    written again."""
    if readings.now.keys() == readings.last.keys():
        return False  # (the same digests: the same readings, as each is a digest's)
    return cache.write(folder, (_FORMAT, readings.project, readings.now), readings.name)
