"""Writing the generated docs folder: only what changed, atomically, and only inside it.

The whole folder is generated, so after a run it holds exactly the planned files: files
whose text is unchanged are not touched (their mtime stays, so `mkdocs serve` and
editors see no change), changed ones are replaced atomically, and files no longer
planned are removed. Two outputs claiming one destination, or a destination that
would land outside the folder, stop the run before anything is written.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from .yamlio import atomic_write_bytes

# Files in the docs folder that are not generated and must survive pruning: the
# placeholder that keeps the (otherwise ignored) folder in a fresh clone.
KEEP = frozenset({".gitkeep"})


class WriteError(Exception):
    """A plan that cannot be written safely (a bug in the plan, not a curator mistake)."""


@dataclass(frozen=True)
class WriteReport:
    written: tuple[str, ...]  # destinations whose content changed (or are new)
    unchanged: int
    removed: tuple[str, ...]


def _checked(root: Path, dest: str, links: set[str]) -> Path:
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
        raise WriteError(f"refusing to write {dest!r}: not a plain path inside the docs folder")
    if links:
        parts = dest.split("/")
        for n in range(1, len(parts) + 1):
            if "/".join(parts[:n]) in links:
                raise WriteError(
                    f"refusing to write {dest!r}: it resolves outside {root} (through a symlink)"
                )
    return root / dest


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


# What this process last wrote or read at a path: (size, mtime_ns, text). When the file
# still has that size and mtime and the text is the same, it need not be read again.
Stamps = dict[Path, tuple[int, int, str]]


def _write_if_changed(path: Path, text: str, stamps: Stamps) -> bool:
    """Replace ``path`` atomically (rename) unless it already holds ``text``.

    Unlike yamlio.atomic_write this does not fsync: readers still see the old file or
    the new one, never half of one, and after a crash the folder is simply generated
    again. Syncing each of 10,000 pages would cost seconds for nothing.
    """
    data = text.encode("utf-8")
    try:
        info = path.stat()
        kept = stamps.get(path)
        if kept is not None and kept[:2] == (info.st_size, info.st_mtime_ns) and kept[2] == text:
            return False
        if info.st_size == len(data) and path.read_bytes() == data:
            stamps[path] = (info.st_size, info.st_mtime_ns, text)
            return False
    except FileNotFoundError:
        pass
    atomic_write_bytes(path, data, durable=False)
    info = path.stat()
    stamps[path] = (info.st_size, info.st_mtime_ns, text)
    return True


def write_outputs(
    root: Path, outputs: Iterable[tuple[str, str]], stamps: Stamps | None = None
) -> WriteReport:
    """Make ``root`` hold exactly ``outputs`` (dest -> text) plus the KEEP files.

    ``stamps`` (kept by the caller between runs) lets an unchanged file be recognised
    without reading it.
    """
    stamps = stamps if stamps is not None else {}
    items = list(outputs)
    seen: dict[str, int] = {}
    for n, (dest, _) in enumerate(items):
        key = dest.casefold()  # a case-insensitive file system would merge these
        if key in seen:
            raise WriteError(
                f"two pages claim one destination: {items[seen[key]][0]!r} and {dest!r}"
            )
        seen[key] = n
    root.mkdir(parents=True, exist_ok=True)
    existing, links, folders = _scan(root)
    paths = [(dest, _checked(root, dest, links), text) for dest, text in items]

    written: list[str] = []
    for dest, path, text in paths:
        if _write_if_changed(path, text, stamps):
            written.append(dest)

    removed = _prune(root, existing, {dest for dest, _ in items}, folders)
    wanted = {path for _, path, _ in paths}
    for path in [p for p in stamps if p not in wanted]:
        del stamps[path]
    return WriteReport(tuple(written), len(paths) - len(written), tuple(removed))


def _prune(root: Path, existing: list[str], wanted: set[str], folders: list[str]) -> list[str]:
    removed = sorted(dest for dest in existing if dest not in wanted and dest not in KEEP)
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
