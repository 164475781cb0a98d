"""One process at a time writes a project's docs folder.

Two servers on one project (`readinglist serve` twice on two ports, `readinglist serve`
and `mkdocs serve`), or a server and a build, each generated the pages into the same
docs folder and overwrote each other's files: each then saw pages it had not written,
and each rebuilt or removed them again. The MkDocs hook takes this lock on the folder
before the generator writes there: a server holds it until it stops, a build until it
is done. A second server, or a build while a server runs, is refused with the
holder's command and pid and what to do; a build waits for another build to finish
(and a server for a build, before it serves).

The lock is the operating system's (filelock: flock on Unix), which goes with its
process: a process killed outright (`kill -9`, a crash) leaves no lock behind, and
the next run takes it at once. Beside it, a record says who holds it (pid, command,
address served); it is only read while the lock is held by another process, and one
whose process is gone is taken for none.

A build holds its site folder the same way, from before it tidies the folder beside it
it builds in to after that folder has replaced the site folder (staged_site.lock_file,
``hold``): two checkouts building into one folder (a lab box's /var/www/list) hold
docs folders of their own, and the second removed the first's staging folder.
"""

from __future__ import annotations

import json
import os
import shlex
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .atomicfile import atomic_write

if TYPE_CHECKING:
    from filelock import FileLock

LOCK_NAME = ".readinglist.lock"
HOLDER_NAME = ".readinglist.holder"
# How often a waiting build looks again.
POLL = 0.2


class DocsInUse(Exception):
    """Another server holds the docs folder; the message says who and what to do."""


@dataclass(frozen=True)
class Holder:
    """Who holds a docs folder's lock, as its record says."""

    pid: int
    command: str
    serves: str  # the address it serves at; "" for a build

    def named(self) -> str:
        return f"`{self.command}` (pid {self.pid})"


@dataclass
class Held:
    """A docs folder's lock, held by this process."""

    lock: FileLock
    record: Path
    serves: str
    file: tuple[int, int]  # the lock file's device and inode


def take(docs_dir: Path, shown: str, held: dict[str, Held], *, serves: str = "") -> None:
    """Holds ``docs_dir`` for this process (``held``: this process's locks), as a server
    at ``serves`` or (``serves`` empty) as a build, waiting while another build holds
    it. Raises DocsInUse when a server holds it. ``shown``: the folder as the curator
    knows it ("docs/")."""
    hold(docs_dir / LOCK_NAME, shown, held, serves=serves)


def hold(lock_file: Path, shown: str, held: dict[str, Held], *, serves: str = "") -> None:
    """Holds the lock ``lock_file`` on the folder shown as ``shown`` (the docs folder's,
    in it; a site folder's, beside it: staged_site.lock_file), as ``take`` does; its
    record is beside it (``.NAME.holder`` for ``.NAME.lock``)."""
    from filelock import FileLock  # (imported when a build begins: 50 ms)

    key = _key(lock_file)
    mine = held.get(key)
    if mine is not None and _identity(lock_file) != mine.file:
        # The folder was removed (and made again) under a server, `rm -rf docs`: its
        # hold is on a file that is gone, which no other process sees. Taken again.
        held.pop(key)
        mine.lock.release()
        serves, mine = serves or mine.serves, None
    if mine is None:
        lock_file.parent.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(lock_file), thread_local=False)
        record = _record_of(lock_file)
        _acquire(lock, record, shown, f"{shown}{LOCK_NAME}" if lock_file.name == LOCK_NAME else str(lock_file))
        mine = Held(lock, record, serves, _identity(lock_file))
        held[key] = mine
    elif mine.serves or not serves:
        return  # (held already as it is to be: a rebuild under serve, say)
    mine.serves = serves  # (written again: a build of this process became a server)
    record = {"pid": os.getpid(), "command": _command(), "serves": serves}
    atomic_write(mine.record, json.dumps(record) + "\n", durable=False)


def let_go(docs_dir: Path, held: dict[str, Held]) -> None:
    """Releases this process's lock on ``docs_dir``, if it holds one."""
    release(docs_dir / LOCK_NAME, held)


def release(lock_file: Path, held: dict[str, Held]) -> None:
    """Releases this process's lock ``lock_file``, if it holds it."""
    mine = held.pop(_key(lock_file), None)
    if mine is not None:
        mine.record.unlink(missing_ok=True)
        mine.lock.release()


def let_go_of_all(held: dict[str, Held]) -> None:
    for key in list(held):
        release(Path(key), held)


def serving(docs_dir: Path, held: dict[str, Held]) -> bool:
    """Whether this process holds ``docs_dir`` as a server."""
    mine = held.get(_key(docs_dir / LOCK_NAME))
    return mine is not None and bool(mine.serves)


def holder(record: Path) -> Holder | None:
    """The process a lock's record names, if it is still running."""
    try:
        found = json.loads(record.read_text(encoding="utf-8"))
        pid, command, serves = int(found["pid"]), str(found["command"]), str(found["serves"] or "")
    except (OSError, ValueError, TypeError, KeyError):
        return None
    if pid == os.getpid() or not _running(pid):
        return None  # (left by a process killed outright: the lock itself went with it)
    return Holder(pid, command, serves)


def refusal(found: Holder, shown: str) -> str:
    return (
        f"{shown} is in use by {found.named()}, which serves this project at"
        f" {found.serves} and writes {shown} on every change: use that one, or stop it"
        f" (Ctrl-C in its terminal, or `kill {found.pid}`) and run this again"
    )


def _acquire(lock: FileLock, record: Path, shown: str, lock_shown: str) -> None:
    from filelock import Timeout

    said = False
    while True:
        try:
            lock.acquire(blocking=False)
            return
        except Timeout:
            pass
        found = holder(record)
        if found is not None and found.serves:
            raise DocsInUse(refusal(found, shown))
        if not said:
            # A build (or a process that has not said who it is yet): it ends.
            who = found.named() if found is not None else f"another process (it holds {lock_shown})"
            print(
                f"readinglist: waiting for {who} to finish writing {shown} (Ctrl-C to stop)",
                file=sys.stderr,
            )
            said = True
        time.sleep(POLL)


def _key(lock_file: Path) -> str:
    """A lock's key in this process's ``held``: its file's path, its folder resolved."""
    return str(lock_file.parent.resolve() / lock_file.name)


def _record_of(lock_file: Path) -> Path:
    """Who holds ``lock_file``: .readinglist.holder beside .readinglist.lock."""
    return lock_file.with_name(lock_file.name.removesuffix(".lock") + ".holder")


def _identity(path: Path) -> tuple[int, int]:
    try:
        info = path.stat()
    except OSError:
        return (-1, -1)
    return (info.st_dev, info.st_ino)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # (another user's process)
    except OSError:
        return False
    return True


def _command() -> str:
    """This process's command line, as typed: `readinglist serve -a ...`, `mkdocs build`."""
    argv = sys.argv or [""]
    name = os.path.basename(argv[0]) or "python"
    if name == "__main__.py":  # (python -m generator, python -m mkdocs)
        name = f"python -m {os.path.basename(os.path.dirname(argv[0]))}"
    return " ".join([name, shlex.join(argv[1:])]).strip()
