"""The last committed text of a file a curator deleted, as git has it.

The importer's record keeps only digests of a deleted paper, so a paper brought back
with `--restore` from a listing would lose what its curator wrote by hand (its
`topics:`, notes, summary). A project kept in git still has the file: in HEAD while the
deletion is not committed, else in the parent of the commit that deleted it.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Copy:
    """A file's bytes as commit ``commit`` (abbreviated) had them."""

    data: bytes
    commit: str


def last_copy(folder: Path, name: str) -> Copy | None:
    """``folder/name`` as git last had it, or None: not a git work tree, no git, or no
    commit ever held the file (the history cut short by a shallow clone included)."""
    # (Paths relative to ``folder``: git reads a pathspec from the folder it runs in,
    # and "REV:./name" likewise; the folder may lie anywhere in the work tree.)
    head = _git(folder, "rev-parse", "--verify", "--quiet", "HEAD^{commit}")
    if head is None:
        return None
    data = _git_bytes(folder, "cat-file", "blob", f"HEAD:./{name}")
    if data is not None:  # deleted in the work tree, not in a commit yet
        return Copy(data, _short(folder, "HEAD"))
    deleting = _git(folder, "log", "-1", "--diff-filter=D", "--format=%H", "--", name)
    if not deleting:
        return None
    data = _git_bytes(folder, "cat-file", "blob", f"{deleting}^:./{name}")
    if data is None:
        return None
    return Copy(data, _short(folder, f"{deleting}^"))


def _short(folder: Path, rev: str) -> str:
    return _git(folder, "rev-parse", "--short", rev) or rev


def _git(folder: Path, *args: str) -> str | None:
    out = _git_bytes(folder, *args)
    return None if out is None else out.decode("utf-8", "replace").strip()


def _git_bytes(folder: Path, *args: str) -> bytes | None:
    try:
        done = subprocess.run(
            ["git", *args], cwd=folder, capture_output=True, stdin=subprocess.DEVNULL,
            check=False,
        )
    except OSError:  # no git on this machine
        return None
    return done.stdout if done.returncode == 0 else None
