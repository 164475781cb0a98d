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

Two users sharing one project folder (a lab's group-writable checkout) share its locks:
a lock file is made group-writable in a group-writable folder (made with the umask's
0644, the second user could not open it, and its build went on without the lock), and
one this user still cannot open stops the run, naming the file and its owner
(LockForbidden), rather than let it go on without taking turns. The record says a
command line: a site folder's is readable by its writer only, as it sits beside the
site folder, where a web server serving that folder's parent would serve it to anyone
(readable by a shared folder's group, it was by the web server's: /var/www's
www-data), and another user waiting is told only whose process holds it (the
record's owner, which needs no reading of it); a docs folder's by its group too in a
shared folder, where the other user's build must read that a server holds it, to
stop rather than wait.
"""

from __future__ import annotations

import json
import os
import shlex
import stat
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .atomicfile import replace_file

if TYPE_CHECKING:
    from filelock import FileLock

LOCK_NAME = ".readinglist.lock"
HOLDER_NAME = ".readinglist.holder"
# A lock file's mode in a folder two users share (shared): the group's to open too.
SHARED_LOCK_MODE = 0o664
# How often a waiting build looks again.
POLL = 0.2


class DocsInUse(Exception):
    """Another server holds the docs folder; the message says who and what to do."""


class LockForbidden(DocsInUse):
    """The lock file is another user's, and this user may not open it."""


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
        # (filelock sets an explicit mode as it is, past the umask: the group's write.)
        explicit = {"mode": SHARED_LOCK_MODE} if shared(lock_file.parent) else {}
        lock = FileLock(str(lock_file), thread_local=False, **explicit)
        record = record_of(lock_file)
        lock_shown = f"{shown}{LOCK_NAME}" if lock_file.name == LOCK_NAME else str(lock_file)
        try:
            _acquire(lock, record, shown, lock_shown)
        except PermissionError:
            if not lock_file.exists():
                raise  # (a folder this user may not write in: the caller says so)
            raise LockForbidden(forbidden(lock_file, lock_shown, shown, holder(record))) from None
        mine = Held(lock, record, serves, _identity(lock_file))
        held[key] = mine
    elif mine.serves or not serves:
        return  # (held already as it is to be: a rebuild under serve, say)
    mine.serves = serves  # (written again: a build of this process became a server)
    record = {"pid": os.getpid(), "command": _command(), "serves": serves}
    mode = 0o640 if mine.record.name == HOLDER_NAME and shared(mine.record.parent) else 0o600
    replace_file(mine.record, (json.dumps(record) + "\n").encode("utf-8"), mode, durable=False)


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


def unnamed(record: Path, lock_shown: str) -> str:
    """Who holds a lock whose ``record`` names no running process this user can see:
    another user's, named by the record's owner where this user may not read it (a
    site folder's is 0600; its owner is its writer, the holder, as each hold writes it
    anew), else "another process"."""
    try:
        record.open("rb").close()
    except PermissionError:
        return f"a process of {owner_of(record)}'s (it holds {lock_shown})"
    except OSError:
        pass  # (none yet: the holder has not written it, or it went with its holder)
    return f"another process (it holds {lock_shown})"


def refusal(found: Holder, shown: str) -> str:
    return (
        f"{shown} is in use by {found.named()}, which serves this project at"
        f" {found.serves} and writes {shown} on every change: use that one, or stop it"
        f" (Ctrl-C in its terminal, or `kill {found.pid}`) and run this again"
    )


def forbidden(lock_file: Path, lock_shown: str, shown: str, found: Holder | None) -> str:
    """Why this process cannot take turns writing ``shown``: its lock file is another
    user's, and this user may not open it."""
    owner = owner_of(lock_file)
    now = f" ({found.named()} holds it now)" if found is not None else ""
    if os.access(lock_file, os.R_OK | os.W_OK) and _sticky(lock_file.parent):
        # (This user may open it: filelock refuses another user's lock file in a folder
        # with the sticky bit, /tmp's, as its owner could replace it meanwhile; `chmod
        # g+w` would change nothing.)
        return (
            f"cannot take the lock {lock_shown}{now}: it is {owner}'s, in a folder with the"
            f" sticky bit ({lock_file.parent}), where a lock file of another user's is not"
            f" taken (they could replace it meanwhile), so this run could not take turns with"
            f" others writing {shown}: ask {owner} to remove the file when no one is building,"
            " or build into a folder without the sticky bit"
        )
    return (
        f"cannot take the lock {lock_shown}{now}: it is {owner}'s, and you may not open it,"
        f" so this run could not take turns with others writing {shown}: ask {owner} to run"
        f" `chmod g+w {lock_file}` (a folder two users share), or remove the file when no"
        " one is building"
    )


def owner_of(path: Path) -> str:
    """The name of the user who owns ``path`` ("uid 1001" where the system has no name)."""
    try:
        uid = path.lstat().st_uid
    except OSError:
        return "another user"
    try:
        import pwd  # (Unix's)

        return pwd.getpwuid(uid).pw_name
    except (ImportError, KeyError):
        return f"uid {uid}"


def _sticky(folder: Path) -> bool:
    try:
        return bool(folder.stat().st_mode & stat.S_ISVTX)
    except OSError:
        return False


def shared(folder: Path) -> bool:
    """Whether ``folder`` is a group's (group-writable): a checkout two users share."""
    try:
        return bool(folder.stat().st_mode & stat.S_IWGRP)
    except OSError:
        return False


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
            who = found.named() if found is not None else unnamed(record, lock_shown)
            print(
                f"readinglist: waiting for {who} to finish writing {shown} (Ctrl-C to stop)",
                file=sys.stderr,
            )
            said = True
        time.sleep(POLL)


def _key(lock_file: Path) -> str:
    """A lock's key in this process's ``held``: its file's path, its folder resolved."""
    return str(lock_file.parent.resolve() / lock_file.name)


def record_of(lock_file: Path) -> Path:
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
