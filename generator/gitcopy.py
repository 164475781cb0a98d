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


class Copies:
    """`last_copy` of each name asked, for many names: where git has each file is found
    with two git runs the first time one is asked for (HEAD's tree, and one walk of the
    history for the deletions: a tenth of a second over a thousand commits), then one
    run reads each file asked for that git has; a name git never had costs nothing."""

    def __init__(self, folder: Path):
        self._folder = folder
        self._where: dict[str, tuple[str, str]] | None = None  # name -> (revision, shown)

    def get(self, name: str) -> Copy | None:
        if self._where is None:
            self._where = self._find()
        found = self._where.get(name)
        if found is None:
            return None
        revision, shown = found
        data = _git_bytes(self._folder, "cat-file", "blob", f"{revision}:./{name}")
        return None if data is None else Copy(data, shown)

    def _find(self) -> dict[str, tuple[str, str]]:
        folder = self._folder
        head = _git(folder, "rev-parse", "--short", "--verify", "--quiet", "HEAD^{commit}")
        if not head:
            return {}
        where: dict[str, tuple[str, str]] = {}
        # (--no-renames: a file renamed is one deleted here, as the log of its one path
        # sees it in `last_copy`.)
        log = _git_bytes(
            folder, "log", "--no-renames", "--diff-filter=D", "--name-only", "--relative", "-z",
            "--format=%x01%H %p", "--", ".",
        )
        for chunk in (log or b"").split(b"\x01")[1:]:  # each commit, newest first
            header, _, names = chunk.partition(b"\0")  # (-z ends the header with NUL too)
            commit, *parents = header.decode("ascii", "replace").split()
            for raw in names.split(b"\0"):
                name = raw.strip(b"\n").decode("utf-8", "replace")
                if name and "/" not in name:
                    where.setdefault(name, (f"{commit}^", parents[0] if parents else commit))
        listed = _git_bytes(folder, "ls-tree", "-z", "--name-only", "HEAD")
        for raw in (listed or b"").split(b"\0"):
            if raw:
                where[raw.decode("utf-8", "replace")] = ("HEAD", head)
        return where


def changed_names(folder: Path) -> frozenset[str] | None:
    """The names of the files directly in ``folder`` whose work-tree copy is not HEAD's:
    edited, deleted, added, or never given to git; None when ``folder`` is in no git work
    tree with a commit (or there is no git). Two git runs, whatever the folder holds;
    a file whose copy is HEAD's is told by nothing that git's copy would (`Gone.reused`)."""
    diff = _git_bytes(folder, "diff", "--no-renames", "--name-only", "--relative", "-z", "HEAD", "--", ".")
    if diff is None:
        return None
    untracked = _git_bytes(folder, "ls-files", "-z", "--others", "--exclude-standard", "--", ".") or b""
    names = (raw.decode("utf-8", "replace") for raw in (diff + b"\0" + untracked).split(b"\0"))
    return frozenset(name for name in names if name and "/" not in name)


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
