"""What a server's watched files were as its first build began reading them.

MkDocs' server starts its watches after its first build, and each takes its first look
then: a file saved while that build ran (a paper imported beside a starting server, tens
of seconds at 10,000 papers) was read by no build, and no watch saw it change, so its
page was "not found" until another save. A look taken as the first build begins reading,
compared with the files once the watches have taken theirs, finds every such file and
nothing else: a file saved before the build read it is the same in both (the hook's
_catch_up asks one rebuild when one differs). The comparison is watchdog's own, as the
server's watches make it (a file's size, modification time and inode).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # (imported when a server looks: a plain build, which loads the hook, never does)
    from watchdog.utils.dirsnapshot import DirectorySnapshot


@dataclass(frozen=True)
class Look:
    """Each watched path (absolute, as the server keys its watches) with its snapshot,
    everything under a folder included but the ``left_out`` folders; None for a path
    that was not there."""

    snapshots: dict[str, DirectorySnapshot | None]
    # Real paths: the build's own output (its docs and site folders, its cache), which a
    # `watch:` of a folder holding them covers. The first build writes them after the
    # look: compared, they asked for a rebuild at every start.
    left_out: frozenset[str] = frozenset()


def take(paths: Iterable[str], left_out: Iterable[str] = ()) -> Look:
    """The look at ``paths``, nothing under the folders ``left_out`` (a path that is one,
    or inside one, is not looked at: a change there is none)."""
    # (Compared as real paths: MkDocs names the watches and the docs and site folders
    # from mkdocs.yml's path as given, a link in it kept, the hook its cache from the
    # link's target; a link in either kept the cache in the look.)
    out = frozenset(map(os.path.realpath, left_out))
    kept = [path for path in map(os.path.abspath, paths) if not _inside(os.path.realpath(path), out)]
    return Look({path: _snapshot(path, out) for path in kept}, out)


def files_changed(look: Look, watched: Iterable[str]) -> list[str]:
    """The files under the ``watched`` paths the look took that were made, deleted,
    modified or moved (both names) since it. (A folder's own change is left out, as
    MkDocs' watches leave it: a file made or removed in it is said.)"""
    from watchdog.utils.dirsnapshot import DirectorySnapshotDiff, EmptyDirectorySnapshot

    changed: list[str] = []
    for path in map(os.path.abspath, watched):
        if path not in look.snapshots:
            continue  # (not watched then: nothing the first build read is known)
        before, now = look.snapshots[path], _snapshot(path, look.left_out)
        diff = DirectorySnapshotDiff(
            EmptyDirectorySnapshot() if before is None else before, EmptyDirectorySnapshot() if now is None else now
        )
        moved = [name for pair in diff.files_moved for name in pair]
        changed += map(os.fsdecode, [*diff.files_created, *diff.files_deleted, *diff.files_modified, *moved])
    return sorted(changed)


def _snapshot(path: str, left_out: frozenset[str]) -> DirectorySnapshot | None:
    from watchdog.utils.dirsnapshot import DirectorySnapshot

    # (each left-out folder under ``path``, named from it as the listing names its entries)
    real = os.path.realpath(path)
    inner = frozenset(
        os.path.join(path, os.path.relpath(folder, real)) for folder in left_out if _inside(folder, frozenset([real]))
    )

    def listed(folder: str | None) -> Iterator[os.DirEntry]:
        with os.scandir(folder) as entries:
            yield from (entry for entry in entries if os.path.join(folder or "", entry.name) not in inner)

    try:
        # (os.scandir itself where no folder left out is inside: content/ of 10,000 papers
        # is looked at as fast as before)
        return DirectorySnapshot(path, listdir=listed if inner else os.scandir)
    except OSError:  # (not there, or not readable: the server's watch of it says so)
        return None


def _inside(path: str, folders: frozenset[str]) -> bool:
    return any(path == folder or path.startswith(folder.rstrip(os.sep) + os.sep) for folder in folders)
