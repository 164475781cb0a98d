"""The inputs an import keeps in content/sources/: each content once, and a newer
version of a file in place of the copies of it that no paper needs any more.

A kept copy is provenance: where the values of the papers it gave come from. No
command reads it again, and nothing names it (imported.json keeps digests of the
values, not file names), so a copy is needed only while a paper still holds a value
that it gave and the newer version does not: a year, an abstract or a link a re-import
left in place as a conflict, a record the newer version no longer has. A re-import of
an edited `lab.bib` that only corrects what the papers now follow replaces the kept
`lab.bib`; one whose older copy is still needed is kept beside it as
`lab-1a2b3c4d.bib` (its contents' digest), and the copies of that name it supersedes
are removed once it is written.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from . import provenance
from .atomicfile import atomic_write_bytes
from .errors import CuratorError, Problems
from .importer import read_records
from .ingest import Record
from .importmatch import same_link
from .importmerge import LIST_FIELDS, TEXT_FIELDS
from .matchkeys import normalise_title, title_key
from .yamlio import Map, parse, to_python


@dataclass(frozen=True)
class Kept:
    """Where an input was kept, and the earlier copies of its name it replaced."""

    path: Path
    replaced: tuple[Path, ...] = ()


def keep(
    name: str, sources_dir: Path, data: bytes, fmt: str | None = None, records: list[Record] | None = None
) -> Kept | None:
    """Keep ``data``, an input named ``name``, in ``sources_dir``; None when the folder
    holds these bytes already (under any name). ``fmt``: the format it was imported as
    (None: told from its content), which its earlier copies are read as too;
    ``records``: what the import read from ``data`` (None: read here, when needed)."""
    if _held(sources_dir, data):
        return None
    target = sources_dir / name
    copies = _copies(sources_dir, name)
    if copies and records is None:
        records = _records(target, data, fmt)
    superseded = _superseded(name, copies, records, fmt, sources_dir.parent)
    if target.exists() and target not in superseded:
        target = _beside(target, data)
    # The new copy first, then the ones it supersedes: an interrupted run leaves both.
    atomic_write_bytes(target, data)
    for copy in superseded:
        if copy != target:
            copy.unlink(missing_ok=True)
    return Kept(target, tuple(superseded))


def _beside(target: Path, data: bytes) -> Path:
    """The name ``data`` is kept under beside ``target``: with its contents' digest, 8 hex
    digits of it, more where another file has those (no kept copy is written over)."""
    digest = hashlib.sha256(data).hexdigest()
    for digits in (8, 16, 64):
        beside = target.with_name(f"{target.stem}-{digest[:digits]}{target.suffix}")
        if not beside.exists():
            break
    return beside


def _superseded(
    name: str, copies: Sequence[Path], new: list[Record] | None, fmt: str | None, content_dir: Path
) -> list[Path]:
    """The ``copies`` of inputs named ``name`` that no paper needs once the new version
    (its records ``new``) is kept: those that give no value a paper holds that neither
    the new version nor another copy that stays gives. Of two copies that give the same such value, the one of the
    input's own name stays (the copies with a digest in their names are weighed first)."""
    if new is None:
        return []
    read = {copy: _records(copy, _bytes(copy), fmt) for copy in copies}
    indexed = {copy: Version(records) for copy, records in read.items() if records is not None}
    staying = dict(indexed)
    newer = Version(new)
    superseded: list[Path] = []
    papers = _Papers(content_dir)
    for copy in sorted(copies, key=lambda c: (c.name == name, c.name)):
        old = read[copy]
        if old is None:
            continue  # (what cannot be read is kept, as every copy was)
        versions = [newer] + [version for other, version in staying.items() if other != copy]
        if not papers.need(old, versions):
            superseded.append(copy)
            del staying[copy]
    return superseded


def _bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def _held(sources_dir: Path, data: bytes) -> bool:
    """Whether a file of ``sources_dir`` holds exactly ``data`` (only those of its size
    are read)."""
    try:
        entries = list(os.scandir(sources_dir))
    except FileNotFoundError:
        return False
    for entry in entries:
        if entry.is_file() and entry.stat().st_size == len(data):
            try:
                if Path(entry.path).read_bytes() == data:
                    return True
            except OSError:
                pass
    return False


def _copies(sources_dir: Path, name: str) -> list[Path]:
    """The copies kept of inputs named ``name``: the file of that name, and those given
    its contents' digest beside it ("lab-1a2b3c4d.bib")."""
    stem, suffix = Path(name).stem, Path(name).suffix
    hashed = re.compile(re.escape(stem) + r"-[0-9a-f]{8}" + re.escape(suffix))
    found = [sources_dir / name] if (sources_dir / name).is_file() else []
    if sources_dir.is_dir():
        found += sorted(p for p in sources_dir.iterdir() if hashed.fullmatch(p.name) and p.is_file())
    # (Never the importer's own record, whatever an input was called.)
    return [p for p in found if p.name != provenance.RELATIVE_PATH.name]


def _records(path: Path, data: bytes | None, fmt: str | None) -> list[Record] | None:
    """The records ``data`` gives read as an input at ``path``; None when they cannot be
    read (then nothing is taken to supersede, nor to be superseded)."""
    if data is None:
        return None
    records, problems = read_records([path], fmt, {path: data})
    return None if problems.has_errors() else records


class _Papers:
    """The papers of a list as far as a kept copy's need is asked of them: the
    importer's record, read once, and the files of the papers asked about."""

    def __init__(self, content_dir: Path):
        self._content_dir = content_dir
        self._views: dict[str, provenance.Seen] | None = None
        self._by_mark: dict[tuple[str, str], list[str]] = {}

    def need(self, old: Sequence[Record], versions: Sequence[Version]) -> bool:
        """Whether a copy whose records are ``old`` is where a value a paper holds comes
        from, which none of the ``versions`` gives (a paper that cannot be found or read
        is taken to need it)."""
        dropped = [
            (record, gone)
            for record in old
            if (gone := not_given(record, [version.counterpart(record) for version in versions]))
        ]
        if not dropped:
            return False
        if self._views is None:
            try:
                self._views = provenance.load(self._content_dir / provenance.RELATIVE_PATH)
            except CuratorError:
                self._views = {}
            for paper_id, seen in self._views.items():
                for mark in seen.marks():
                    self._by_mark.setdefault(mark, []).append(paper_id)
        return any(self._held(record, gone) for record, gone in dropped)

    def _held(self, record: Record, gone: list[tuple[str, str]]) -> bool:
        """Whether the paper taken from ``record`` (as the importer's record knows it,
        whatever it is called now) still holds one of the values ``gone``. A record of
        no paper the importer knows is taken to be needed; one whose paper a curator
        deleted, not."""
        assert self._views is not None
        values = {name: getattr(record, name) for name in provenance.IDENTITY_FIELDS}
        marks = provenance.marks_of(values) | ({("title", title_key(record.title))} if record.title else set())
        ids = sorted({paper_id for mark in marks for paper_id in self._by_mark.get(mark, ())})
        if not ids:
            return True
        for paper_id in ids:
            if self._views[paper_id].deleted:
                continue
            held = _paper_values(self._content_dir / "papers" / f"{paper_id}.yml")
            if held is None or any(_holds(held, name, value) for name, value in gone):
                return True
        return False


class Version:
    """The records of one version of an input, found by what tells a record in another
    version of it (`counterpart`)."""

    def __init__(self, records: Sequence[Record]):
        self.by_key: dict[tuple[str, str], Record] = {}
        self.by_id: dict[tuple[str, str], Record] = {}
        self.by_title: dict[str, Record] = {}
        for record in records:  # (the first of two alike, as the import merges them)
            if record.key:
                self.by_key.setdefault((record.key.casefold(), record.key_source), record)
            for name in ("arxiv", "doi"):
                if value := getattr(record, name).casefold():
                    self.by_id.setdefault((name, value), record)
            if title := normalise_title(record.title):
                self.by_title.setdefault(title, record)

    def counterpart(self, record: Record) -> Record | None:
        """The record of this version that is ``record`` of another: the same citation
        key (of the same exporter), else the same arXiv id, DOI or title."""
        if record.key and (found := self.by_key.get((record.key.casefold(), record.key_source))):
            return found
        for name in ("arxiv", "doi"):
            if (value := getattr(record, name).casefold()) and (found := self.by_id.get((name, value))):
                return found
        return self.by_title.get(normalise_title(record.title)) if record.title else None


# A value as a paper file may hold it once imported: in any capitals and spacing (an
# import recapitalises a shouted title, a lowered venue).
def _fold(value: object) -> str:
    return " ".join(str(value).split()).casefold()


def not_given(record: Record, others: Sequence[Record | None]) -> list[tuple[str, str]]:
    """What ``record`` gives that none of ``others`` (its counterparts in other versions
    of its file; None where a version has none) gives: (field, value), each item of a
    list field on its own, and ("links", the link's address key)."""
    others = [other for other in others if other is not None]
    gone: list[tuple[str, str]] = []
    for name in TEXT_FIELDS:
        value = getattr(record, name)
        if value and all(_fold(getattr(other, name)) != _fold(value) for other in others):
            gone.append((name, value))
    for name in LIST_FIELDS:
        given = {_fold(item) for other in others for item in getattr(other, name)}
        gone += [(name, item) for item in getattr(record, name) if _fold(item) not in given]
    if record.notes and all(_fold(other.notes) != _fold(record.notes) for other in others):
        gone.append(("notes", record.notes))  # (a new paper's notes)
    links = {same_link(link.url) for other in others for link in other.links}
    gone += [("links", key) for link in record.links if (key := same_link(link.url)) not in links]
    return gone


def _paper_values(path: Path) -> dict[str, object] | None:
    """The values of a paper file; None when it cannot be read as one."""
    try:
        tree = parse(path.read_text(encoding="utf-8"), str(path), Problems())
    except (OSError, UnicodeDecodeError):
        return None
    values = to_python(tree) if isinstance(tree, Map) else None
    return values if isinstance(values, dict) else None


def _holds(values: dict[str, object], name: str, value: str) -> bool:
    if name == "links":
        links = values.get("links")
        items = [i for kind in links.values() if isinstance(kind, list) for i in kind] if isinstance(links, dict) else []
        return any(isinstance(i, dict) and isinstance(i.get("url"), str) and same_link(i["url"]) == value for i in items)
    held = values.get(name)
    if isinstance(held, list):
        return _fold(value) in {_fold(item) for item in held}
    if name == "title":
        return held is not None and normalise_title(str(held)) == normalise_title(value)
    return held is not None and _fold(held) == _fold(value)
