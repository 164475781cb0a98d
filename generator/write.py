"""Writing the generated docs folder: only what changed, atomically, and only inside it.

The whole folder is generated, so after a run it holds exactly the planned files: files
whose text is unchanged are not touched (their mtime stays, so `mkdocs serve` and
editors see no change), changed ones are replaced atomically, and files no longer
planned are removed (but not one that is a planned file under another spelling, as on
a case-insensitive file system: it is given the planned spelling). Two outputs claiming one destination, or a destination
that would land outside the folder, stop the run before anything is written.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from .atomicfile import create_temporary, new_file_mode, replace_file, temporary_name, write_all
from .docslock import HOLDER_NAME, LOCK_NAME
from .joinedfile import Spliced
from .quoting import quoted

# Files in the docs folder that are not generated and must survive pruning: the
# placeholder that keeps the (otherwise ignored) folder in a fresh clone, and the lock
# a build or server holds on the folder, with its record (docslock.py).
KEEP = frozenset({".gitkeep", LOCK_NAME, HOLDER_NAME})


class WriteError(Exception):
    """A plan that cannot be written safely (a bug in the plan, not a curator mistake)."""


class InTheWay(Exception):
    """Something not the generator's stands where it writes (found before any write):
    ``folders``, the destinations that are a folder; ``files``, the folders to make
    that are a file (dest-style paths). Nothing is removed: the generator never
    deletes what it did not write (build.generate says it as a curator's error)."""

    def __init__(self, folders: list[str], files: list[str]) -> None:
        super().__init__(f"in the way: folders {folders}, files {files}")
        self.folders, self.files = folders, files


@dataclass(frozen=True)
class WriteReport:
    written: tuple[str, ...]  # destinations whose content changed (or are new)
    unchanged: int
    removed: tuple[str, ...]


def _checked(root: str, dest: str, links: set[str]) -> str:
    """The path of ``dest`` under ``root``, refused unless it is plainly inside.

    ``links`` are the symlinks found under ``root`` (as dest-style paths): a symlink
    could lead a write out of the folder, so no destination may pass through one.
    """
    if (
        not dest
        or dest.startswith("/")
        or "\\" in dest
        or any(part in ("", ".", "..") for part in dest.split("/"))
        or dest.startswith("~")
    ):
        raise WriteError(f"refusing to write {quoted(dest)}: not a plain path inside the docs folder")
    if links:
        parts = dest.split("/")
        for n in range(1, len(parts) + 1):
            if "/".join(parts[:n]) in links:
                raise WriteError(
                    f"refusing to write {quoted(dest)}: it resolves outside {root} (through a symlink)"
                )
    return os.path.join(root, dest)  # a string: pathlib costs more than the rest here


def _scan(root: Path) -> tuple[list[str], set[str], list[str]]:
    """Files, symlinks and folders under ``root`` (dest-style paths), folders deepest first."""
    files: list[str] = []
    links: set[str] = set()
    folders: list[str] = []
    pending = [("", os.fspath(root))]
    while pending:  # os.scandir: the entries' types come with the listing, no stat each
        prefix, folder = pending.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                dest = prefix + entry.name
                if entry.is_symlink():
                    links.add(dest)
                elif entry.is_dir():
                    folders.append(dest)
                    pending.append((dest + "/", entry.path))
                else:
                    files.append(dest)
    folders.sort(key=lambda f: -f.count("/"))
    return files, links, folders


# What a run last wrote or read at a destination: (size, mtime_ns, digest of the bytes,
# or UNHASHED for a large file: see DIGEST_LIMIT).
# When the file still has that size and mtime, it holds those bytes: it need not be read
# again (and a page planned as Kept need not even be rendered). Digests, not texts, so
# the memo stays small when it is kept on disk.
Stamps = dict[str, tuple[int, int, bytes]]


# Files larger than this get no digest (`UNHASHED`): they are told unchanged by reading
# them back and comparing, which costs a third of hashing them (papers.json, 24 MB at
# 10,000 papers: 7 ms against 21 ms of SHA-256), while for a page of a few kilobytes
# the open and read cost more than its digest. A title edit writes some 50 MB of
# exports, each of which was hashed only for its stamp.
DIGEST_LIMIT = 1 << 20
UNHASHED = b""


def _digest(data: bytes) -> bytes:
    """The stamp's digest of ``data``: UNHASHED above DIGEST_LIMIT."""
    if len(data) > DIGEST_LIMIT:
        return UNHASHED
    # SHA-256 (cut to 16 bytes): computed in hardware on most CPUs (SHA-NI, ARMv8),
    # where it is 2.5 times as fast as BLAKE2b here.
    return hashlib.sha256(data).digest()[:16]


def intact(root: Path, dests: Iterable[str], stamps: Stamps) -> set[str]:
    """The destinations whose file is still exactly as the last run left it."""
    found = set()
    folder = os.path.join(os.fspath(root), "")  # (joined by hand below: 10,000 calls a rerun)
    for dest in dests:
        kept = stamps.get(dest)
        if kept is None:
            continue
        try:
            info = os.stat(folder + dest)
        except OSError:
            continue
        if kept[:2] == (info.st_size, info.st_mtime_ns):
            found.add(dest)
    return found


def changed_at(root: Path, dests: Iterable[str], stamps: Stamps) -> dict[str, int]:
    """The st_ctime_ns of each of ``dests`` whose file still has its stamp's size and
    mtime. A splice (`_write_spliced`) copies from the file on disk, so it asks this
    too: a hand edit can put a file's size and mtime back (touch -d), not its ctime."""
    found = {}
    folder = os.path.join(os.fspath(root), "")
    for dest in dests:
        kept = stamps.get(dest)
        try:
            info = os.stat(folder + dest)
        except OSError:
            continue
        if kept is not None and kept[:2] == (info.st_size, info.st_mtime_ns):
            found[dest] = info.st_ctime_ns
    return found


def _write_if_changed(
    dest: str, path: str, text: str | bytes | Spliced, stamps: Stamps, present: bool, new_mode: int
) -> bool:
    """Replace ``path`` atomically (rename) unless it already holds ``text``.

    ``present``: whether the folder's listing before the writes held the file. One it
    did not is new (the folder is locked: nothing else writes into it), so there is
    nothing to compare and no permissions to keep: it gets ``new_mode``, what the umask
    gives a new file. A clean run's 10,000 pages skip the look.

    Unlike atomicfile.atomic_write this does not fsync: readers still see the old file or
    the new one, never half of one, and after a crash the folder is simply generated
    again. Syncing each of 10,000 pages would cost seconds for nothing.
    """
    if isinstance(text, Spliced):
        # (Windows has no os.pread, and renames no file over one held open for the
        # copy: the whole file there.)
        if present and text.size > DIGEST_LIMIT and hasattr(os, "pread"):
            done = _write_spliced(dest, path, text, stamps)
            if done is not None:
                return done
        text = text.whole()  # (the file on disk is not the one spliced, or small: hashed)
    data = text if isinstance(text, bytes) else text.encode("utf-8")
    digest = _digest(data)
    mode = new_mode
    if present:
        try:
            info = os.stat(path)
            kept = stamps.get(dest)
            if digest != UNHASHED and kept == (info.st_size, info.st_mtime_ns, digest):
                return False
            if info.st_size == len(data):
                with open(path, "rb") as handle:
                    if handle.read() == data:
                        stamps[dest] = (info.st_size, info.st_mtime_ns, digest)
                        return False
            mode = info.st_mode & 0o7777  # (a rewrite keeps the file's own, as file_mode)
        except FileNotFoundError:
            pass
    # The path was checked (`_checked`: no symlink on the way, none at the end) and its
    # folder made by write_outputs.
    replace_file(path, data, mode, durable=False)
    info = os.stat(path)
    stamps[dest] = (info.st_size, info.st_mtime_ns, digest)
    return True


def _write_spliced(dest: str, path: str, spliced: Spliced, stamps: Stamps) -> bool | None:
    """Write ``spliced`` (the file at ``path`` edited: joinedfile.py) by copying its kept
    bytes from the file itself, in the kernel where it can (os.copy_file_range); None,
    writing nothing, when that file is not the one it edits, or changed while it was
    copied. True when written, False when the file already holds those bytes. Large
    files only: their stamps carry no digest, which would need the whole bytes."""
    try:
        source = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return None
    try:
        info = os.fstat(source)  # (of the very file copied from, not of a name)
        if _identity(info) != spliced.base:
            return None
        if spliced.size == info.st_size and os.pread(source, len(spliced.middle), spliced.keep) == spliced.middle:
            stamps[dest] = (info.st_size, info.st_mtime_ns, UNHASHED)
            return False
        # (atomicfile.replace_file's steps, with the kernel copying the kept bytes.)
        tmp = os.fspath(temporary_name(path))
        placed = False
        try:
            target = create_temporary(tmp, info.st_mode & 0o7777)
            with os.fdopen(target, "wb", buffering=0) as handle:  # (closes it on any error)
                copied = _copy(source, handle.fileno(), 0, spliced.keep)
                if copied:
                    write_all(handle.fileno(), spliced.middle)
                    copied = _copy(source, handle.fileno(), spliced.resume, info.st_size - spliced.resume)
            # Written to in place meanwhile (cut short, edited): the copy may hold some
            # of that, and the file is not the one spliced.
            if not copied or _identity(os.fstat(source)) != spliced.base:
                return None
            os.replace(tmp, path)
            placed = True
        finally:
            if not placed:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(tmp)
    finally:
        os.close(source)
    info = os.stat(path)
    stamps[dest] = (info.st_size, info.st_mtime_ns, UNHASHED)  # (size > DIGEST_LIMIT)
    return True


def _identity(info: os.stat_result) -> tuple[int, int, int]:
    """What a splice's ``base`` says of the file it edits: size, mtime, ctime."""
    return (info.st_size, info.st_mtime_ns, info.st_ctime_ns)


# Bytes read and written at a time where the kernel cannot copy between the files.
_CHUNK = 1 << 20


def _copy(source: int, target: int, offset: int, count: int) -> bool:
    """``count`` bytes of ``source`` from ``offset`` on, appended to ``target``; False
    when ``source`` ends before them (cut short since it was looked at)."""
    kernel = hasattr(os, "copy_file_range")
    while count > 0:
        done = 0
        if kernel:
            try:
                done = os.copy_file_range(source, target, count, offset)
            except OSError:  # (a file system, or an older kernel, that cannot)
                kernel = False
                continue
        else:
            chunk = os.pread(source, min(count, _CHUNK), offset)
            write_all(target, chunk)
            done = len(chunk)
        if done == 0:
            return False
        offset += done
        count -= done
    return True


def write_outputs(
    root: Path, outputs: Iterable[tuple[str, str | bytes | Spliced | None]], stamps: Stamps | None = None
) -> WriteReport:
    """Make ``root`` hold exactly ``outputs`` (dest -> text, written as UTF-8, or bytes)
    plus the KEEP files.

    A text of None keeps the file as it is: the caller found it `intact` and its
    content current. ``stamps`` (kept by the caller between runs) lets an unchanged
    file be recognised without reading it.
    """
    stamps = stamps if stamps is not None else {}
    items = list(outputs)
    seen: dict[str, int] = {}
    for n, (dest, _) in enumerate(items):
        key = spelling_key(dest)  # a case-insensitive file system would merge these
        if key in seen:
            raise WriteError(
                f"two pages claim one destination: {quoted(items[seen[key]][0])} and {quoted(dest)}"
            )
        seen[key] = n
    root.mkdir(parents=True, exist_ok=True)
    existing, links, folders = _scan(root)
    folder = os.fspath(root)
    # A kept file is not written, so its path needs no check (most of a rerun's files).
    for dest, text in items:
        if text is None and dest not in stamps:
            raise WriteError(f"{quoted(dest)} was planned as kept, but no earlier run wrote it")
    paths = [(dest, _checked(folder, dest, links), text) for dest, text in items if text is not None]

    wanted = {dest for dest, _ in items}
    stale = [dest for dest in existing if dest not in wanted and dest not in KEEP]
    # Asked before the writes: a rewrite replaces the file, and only then would the
    # two names of a hard link part.
    aliases = _aliases(folder, stale, wanted)
    written: list[str] = []
    present = {*existing, *aliases.values()}
    _refuse_what_is_in_the_way(paths, present, folders)
    new_mode = new_file_mode()
    made = {folder, *(os.path.join(folder, f) for f in folders)}  # (the folders there now)
    for dest, path, text in paths:
        parent = os.path.dirname(path)
        if parent not in made:  # each folder once, not a mkdir per page
            os.makedirs(parent, exist_ok=True)
            made.add(parent)
        if _write_if_changed(dest, path, text, stamps, dest in present, new_mode):
            written.append(dest)
    _respell(folder, aliases)

    removed = _prune(root, [dest for dest in stale if dest not in aliases], wanted, folders)
    for dest in [d for d in stamps if d not in wanted]:
        del stamps[dest]
    return WriteReport(tuple(written), len(items) - len(written), tuple(removed))


def _refuse_what_is_in_the_way(
    paths: list[tuple[str, str, object]], files: set[str], folders: list[str]
) -> None:
    """Raise InTheWay when a destination to write is a folder (a page's file replaced by
    a folder of that name: the rename onto it raised a bare IsADirectoryError, after
    other files were written), or a folder to make for one is a file."""
    where = set(folders)
    taken = sorted(dest for dest, _, _ in paths if dest in where)
    parents = {dest.rpartition("/")[0] for dest, _, _ in paths} - where - {""}
    blocked = set()
    for parent in parents:  # (a few hundred folders for 10,000 pages)
        parts = parent.split("/")
        blocked.update(p for n in range(1, len(parts) + 1) if (p := "/".join(parts[:n])) in files)
    if taken or blocked:
        raise InTheWay(taken, sorted(blocked))


def spelling_key(dest: str) -> str:
    """What ``dest`` is to a file system that ignores case and Unicode normalization
    (macOS's and Windows' default; macOS lists "é" decomposed, as it was stored)."""
    return unicodedata.normalize("NFC", dest).casefold()


def _aliases(folder: str, stale: list[str], wanted: set[str]) -> dict[str, str]:
    """The ``stale`` files that are a ``wanted`` one under another spelling: stale name
    -> wanted name.

    On a case-insensitive file system a page renamed only in case (content/pages/
    About.md -> about.md) is still listed as About.md, and about.md names that same
    file: pruning the "stale" name would delete the page just written. Only a name
    spelled like a wanted one is looked at (os.path.samefile), so on a case-sensitive
    system About.md beside about.md, two files, is still pruned.
    """
    if not stale:
        return {}  # (a usual run: nothing to spell out for 10,000 pages)
    spelled = {spelling_key(dest): dest for dest in wanted}
    found: dict[str, str] = {}
    for dest in stale:
        twin = spelled.get(spelling_key(dest))
        if twin is None:
            continue
        try:
            if os.path.samefile(os.path.join(folder, dest), os.path.join(folder, twin)):
                found[dest] = twin
        except OSError:  # (the wanted file is not there yet: a new page)
            pass
    return found


def _respell(folder: str, aliases: dict[str, str]) -> None:
    """Give each file listed under another spelling (`_aliases`) the planned one. A page
    renamed only in case whose text is the same is not rewritten, and on a
    case-insensitive file system the file kept the spelling it was made with (About.md),
    which MkDocs then lists: its page was About/, while the list's links name about/.
    Only while the two names are still one file: a rename between two names of one file
    changes the spelling there (macOS, Windows) and does nothing where they are two
    names (POSIX's hard links); a rewrite parted those, and the planned name holds the
    new text."""
    for stale, twin in aliases.items():
        if stale.rpartition("/")[2] == twin.rpartition("/")[2]:
            continue  # (its folder's spelling, which renaming the file does not change)
        old, new = os.path.join(folder, stale), os.path.join(folder, twin)
        if os.path.samefile(old, new):
            os.replace(old, new)  # (Windows' os.rename refuses a name that is there)


def _prune(root: Path, stale: list[str], wanted: set[str], folders: list[str]) -> list[str]:
    removed = sorted(stale)
    for dest in removed:
        (root / dest).unlink()
    # A folder holding a planned file stays; only the others are tried (one failing
    # rmdir per page folder would be 10,000 system calls for nothing).
    kept = {dest.rpartition("/")[0] for dest in wanted}
    for folder in folders:  # deepest first, so a folder emptied by pruning goes too
        if folder in kept:
            continue
        try:
            (root / folder).rmdir()  # only succeeds when empty
        except OSError:
            pass
    return removed
