"""Writing the generated docs folder: only what changed, atomically, and only inside it.

The whole folder is generated, so after a run it holds exactly the planned files: files
whose text is unchanged are not touched (their mtime stays, so `mkdocs serve` and
editors see no change), changed ones are replaced atomically, and files no longer
planned are removed. Two outputs claiming one destination, or a destination that
would land outside the folder, stop the run before anything is written.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Iterable

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


def _checked(root: Path, dest: str) -> Path:
    pure = PurePosixPath(dest)
    if (
        not dest
        or pure.is_absolute()
        or "\\" in dest
        or any(part in ("", ".", "..") for part in dest.split("/"))
        or dest.startswith("~")
    ):
        raise WriteError(f"refusing to write {dest!r}: not a plain path inside the docs folder")
    path = root.joinpath(*pure.parts)
    # A symlink inside the folder could still point outside it.
    if not path.resolve().is_relative_to(root.resolve()):
        raise WriteError(f"refusing to write {dest!r}: it resolves outside {root}")
    return path


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
        path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
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
            raise WriteError(f"two pages claim one destination: {items[seen[key]][0]!r} and {dest!r}")
        seen[key] = n
    root.mkdir(parents=True, exist_ok=True)
    paths = [(dest, _checked(root, dest), text) for dest, text in items]

    written: list[str] = []
    for dest, path, text in paths:
        if _write_if_changed(path, text, stamps):
            written.append(dest)

    wanted = {path for _, path, _ in paths}
    removed = _prune(root, wanted)
    for path in [p for p in stamps if p not in wanted and not p.exists()]:
        del stamps[path]
    return WriteReport(tuple(written), len(paths) - len(written), tuple(removed))


def _prune(root: Path, wanted: set[Path]) -> list[str]:
    removed: list[str] = []
    for folder, dirs, files in os.walk(root, topdown=False):
        here = Path(folder)
        for name in sorted(files):
            path = here / name
            if path in wanted or (here == root and name in KEEP):
                continue
            path.unlink()
            removed.append(path.relative_to(root).as_posix())
        for name in dirs:
            sub = here / name
            if sub.is_symlink():
                continue
            try:
                sub.rmdir()  # only succeeds when empty
            except OSError:
                pass
    return sorted(removed)
