"""The inputs an import keeps in content/sources/: each content once, and a newer
version of a file in place of the copies of it that no paper needs any more.

A kept copy is provenance: where the values of the papers it gave come from. No
command reads it again, and nothing names it (imported.json keeps digests of the
values, not file names), so a copy is needed only while a paper still holds a value
that it gave and the newer version does not: a year, an abstract or a link a re-import
left in place as a conflict, a record the newer version no longer has.

Only a copy the import itself wrote beside another is ever removed: one whose name
carries its own contents' digest (`lab-1a2b3c4d.bib`, the file's bytes unchanged since).
A file of the input's own name (`lab.bib`) may be a curator's, placed there by hand,
or a kept copy a curator edited or linked: it stays, and is never written over (nor
through a link). So the first `lab.bib` stays; an edited version is kept beside it
as `lab-1a2b3c4d.bib`, and replaces the earlier such copies that no paper needs, once
it is written.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Collection, Iterable, Mapping, Sequence

from . import provenance
from .atomicfile import atomic_write_bytes
from .errors import CuratorError, Problems
from .importer import read_records
from .ingest import Record, format_of, normalise_text
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
    name: str,
    sources_dir: Path,
    data: bytes,
    fmt: str | None = None,
    records: list[Record] | None = None,
    spare: Collection[Path] = (),
) -> Kept | None:
    """Keep ``data``, an input named ``name``, in ``sources_dir``; None when the folder
    holds these bytes already (under any name). ``fmt``: the format it was imported as
    (None: told from its content), which its earlier copies are read as too;
    ``records``: what the import read from ``data`` (None: read here, when needed);
    ``spare``: copies not to remove (those this run kept of its other inputs)."""
    if _held(sources_dir, data):
        return None
    target = sources_dir / name
    if os.path.lexists(target) or target.name == provenance.RELATIVE_PATH.name:
        target = _beside(target, data)
    copies = {copy: kept for copy, kept in _copies(sources_dir, name).items() if copy not in spare}
    if copies and records is None:
        records = _records(target, data, fmt)
    superseded = _superseded(copies, data, records, fmt, sources_dir.parent)
    # The new copy first, then the ones it supersedes: an interrupted run leaves both
    # (the next edit's import weighs them again).
    atomic_write_bytes(target, data)
    for copy in superseded:
        copy.unlink(missing_ok=True)
    return Kept(target, tuple(superseded))


def _beside(target: Path, data: bytes) -> Path:
    """The name ``data`` is kept under beside ``target``: with its contents' digest, 8 hex
    digits of it, more where another file has those (no kept copy is written over)."""
    digest = hashlib.sha256(data).hexdigest()
    for digits in (8, 16, 64):
        beside = target.with_name(f"{target.stem}-{digest[:digits]}{target.suffix}")
        if not os.path.lexists(beside):
            break
    return beside


def _superseded(
    copies: Mapping[Path, bytes], data: bytes, new: list[Record] | None, fmt: str | None, content_dir: Path
) -> list[Path]:
    """The ``copies`` (path -> bytes) that no paper needs once ``data``, whose records are
    ``new``, is kept: those that give no value a paper holds that neither the new
    version nor another copy that stays gives. Of a copy, only the entries the new
    version does not hold as they are written are read (`_changed`); the other copies,
    only when one of those gives a value the new version does not."""
    if new is None or not copies:
        return []
    newer = Version(new)
    staying: dict[Path, Version | None] = {}  # (read when first asked for)

    def version(copy: Path) -> Version | None:
        if copy not in staying:
            records = _records(copy, copies[copy], fmt)
            staying[copy] = None if records is None else Version(records)
        return staying[copy]

    read_at = frozenset(record.source.line for record in new)
    superseded: list[Path] = []
    papers = _Papers(content_dir)
    for copy in sorted(copies):
        changed = _changed(copies[copy], data, read_at, copy, fmt)
        old = [] if changed is None else _records(copy, changed, fmt)
        if old is None:
            continue  # (what cannot be read is kept, as every copy was)
        others = (
            version(other) for other in sorted(copies) if other != copy and other not in superseded
        )
        if not papers.need(old, newer, others):
            superseded.append(copy)
    return superseded


def _changed(old: bytes, new: bytes, read_at: Collection[int], path: Path, fmt: str | None) -> bytes | None:
    """What of the BibTeX ``old`` to read to weigh it against ``new``: its entries that
    ``new`` does not hold as written where a record was read (``read_at``: the lines its
    records start at), with its header and its @string, @preamble and @comment blocks
    (None: ``new`` holds every entry); ``old`` whole where an entry may read otherwise in
    another file (either names another in crossref, xref or xdata, their headers or
    those blocks differ) or either is not BibTeX. An entry ``new`` holds as written
    reads there as it does here: reading a 10,000-entry copy whole doubled the
    re-import of an edit."""
    try:
        texts = [normalise_text(old), normalise_text(new)]
    except UnicodeDecodeError:
        return old
    if any(format_of(text, str(path), fmt) != "bibtex" or _refers(text) for text in texts):
        return old
    (head, blocks, entries), (new_head, new_blocks, new_entries) = (_entries(text) for text in texts)
    if (head, blocks) != (new_head, new_blocks):
        return old
    held = Counter(entry.rstrip() for special, entry, line in new_entries if not special and line in read_at)
    kept, read = [head], False
    for special, entry, _ in entries:
        if special or held[entry.rstrip()] <= 0:
            kept.append(entry)
            read = read or not special
        else:
            held[entry.rstrip()] -= 1
    return "".join(kept).encode("utf-8") if read else None


def _refers(text: str) -> bool:
    """Whether an entry of ``text`` may take fields from another (crossref, xref, xdata),
    so read otherwise in another file: the words anywhere, in any capitals (a plain
    search: a regular expression's took 0.3 s over a 10,000-entry file)."""
    lowered = text.lower()
    return any(word in lowered for word in ("crossref", "xref", "xdata"))


_BLOCK = re.compile(r"^[ \t]*@\s*([A-Za-z]+)\s*[{(]", re.MULTILINE)
_SPECIAL = frozenset({"string", "preamble", "comment"})


def _entries(text: str) -> tuple[str, list[str], list[tuple[bool, str, int]]]:
    """A BibTeX text as its header (before the first block), its @string, @preamble and
    @comment blocks, and all its blocks in order, each (special, its text up to the
    next, its first line)."""
    starts = [(m.start(), m[1].casefold() in _SPECIAL) for m in _BLOCK.finditer(text)]
    head = text[: starts[0][0]] if starts else text
    ends = [start for start, _ in starts[1:]] + [len(text)]
    blocks, line, at = [], 1, 0
    for (start, special), end in zip(starts, ends):
        line += text.count("\n", at, start)
        at = start
        blocks.append((special, text[start:end], line))
    return head, [block for special, block, _ in blocks if special], blocks


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


def _copies(sources_dir: Path, name: str) -> dict[Path, bytes]:
    """The copies an import kept beside one of an input named ``name``, with their bytes:
    each a file (no link) named with its own contents' digest ("lab-1a2b3c4d.bib", as
    `_beside` names them; 8, 16 or 64 hex digits) and still holding those contents. Not
    the file of that name itself, nor a file a curator named so, or edited since."""
    stem, suffix = Path(name).stem, Path(name).suffix
    hashed = re.compile(re.escape(stem) + r"-([0-9a-f]{8}|[0-9a-f]{16}|[0-9a-f]{64})" + re.escape(suffix))
    try:
        entries = sorted(os.scandir(sources_dir), key=lambda entry: entry.name)
    except OSError:
        return {}
    found: dict[Path, bytes] = {}
    for entry in entries:
        if (named := hashed.fullmatch(entry.name)) and entry.is_file(follow_symlinks=False):
            data = _bytes(Path(entry.path))
            if data is not None and hashlib.sha256(data).hexdigest().startswith(named[1]):
                found[Path(entry.path)] = data
    return found


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

    def need(self, old: Sequence[Record], newer: Version, others: Iterable[Version | None]) -> bool:
        """Whether a copy whose records are ``old`` is where a value a paper holds comes
        from, which neither the ``newer`` version nor any of the ``others`` gives (a
        paper that cannot be found or read is taken to need it; an other that cannot be
        read gives nothing). The others are asked for only when the newer version does
        not give all."""
        dropped = [(record, gone) for record in old if (gone := not_given(record, [newer.counterpart(record)]))]
        if dropped:
            versions = [version for version in others if version is not None]
            dropped = [
                (record, gone)
                for record, _ in dropped
                if (gone := not_given(record, [version.counterpart(record) for version in [newer, *versions]]))
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
