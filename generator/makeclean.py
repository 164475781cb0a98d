"""`make clean`: what builds made goes (.venv, site/ and what a build left beside it,
.cache/, the pages in docs/), once no build is writing it.

`rm -rf` alone deleted a running build's staging folder (staged_site.py) and the pages
of the docs folder it was writing: the build then failed, or published half a site.
Here the locks builds take (docslock.py) are taken first, the docs folder's then the
site folder's, as a build takes them: while a build holds one, this waits for it,
saying for whom, and a build started meanwhile waits for this. A server holding the
docs folder is let be (README): its pages are deleted all the same and written again
at its next change, and its lock and record stay, as every lock file does.

The Makefile runs this with the system's python3, before .venv is deleted and where
there is none, so with the standard library only: the lock is taken with flock(2),
which is what filelock takes on Unix (and so the same lock).

What goes is first moved whole into one folder (TRASH), Ctrl-C held for those few
renames, and then deleted there: a Ctrl-C during the deletion, seconds for .venv, left
a folder half deleted where it was (a .venv whose .installed was left and whose python
was not: `make site` then ran a missing readinglist) and a traceback. Now it stops
saying so, with each thing either in its place whole or gone from it, and what was
not yet deleted in TRASH, which the next `make clean` deletes first.
"""

from __future__ import annotations

# (_signal, the C module the signal module wraps: that one imports enum first, some 8 ms
# of CPU more of the start-up in which a Ctrl-C is no one's to catch; see below.)
try:
    import _signal as signal
except ImportError:  # (a Python that has no _signal)
    import signal

# Run as `make clean` (not imported by a test): a Ctrl-C while Python reads the modules
# below, a tenth of a second on a loaded machine, raised KeyboardInterrupt amid an
# import, a traceback. It is noted instead, and main() stops on it before it deletes
# anything. (Where SIGINT is Python's: one ignored, as a shell starts a background job,
# stays ignored. Before this line a Ctrl-C meets Python's own start-up, which the
# Makefile shortens by running it without its site module, -S.)
_CTRL_C_AT_START: list[int] = []


def _noted(number: int, frame: object) -> None:
    _CTRL_C_AT_START.append(number)


if __name__ == "__main__" and signal.getsignal(signal.SIGINT) is signal.default_int_handler:
    signal.signal(signal.SIGINT, _noted)

import errno  # noqa: E402 (these after the handler above)
import fcntl  # noqa: E402
import os  # noqa: E402
import shutil  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

from generator import docslock, staged_site  # noqa: E402
from generator.interrupts import interrupts_held  # noqa: E402

SITE = Path("site")
DOCS = Path("docs")
# What stays in docs/: git's placeholder (plain `mkdocs build` needs the folder), and
# the lock a running server holds, with its record (deleted, a build could take a new
# lock and write docs/ beside the server).
DOCS_KEPT = {".gitkeep", docslock.LOCK_NAME, docslock.HOLDER_NAME}
# Where what goes is moved before it is deleted (git-ignored; a build never looks there).
TRASH = Path(".readinglist-clean")
# What _delete puts in TRASH, beside a killed build's folders (.site.readinglist-*).
_SET_ASIDE = {".venv", SITE.name, ".cache", DOCS.name}


def main() -> int:
    held: list[int] = []
    try:
        try:
            if signal.getsignal(signal.SIGINT) is _noted:
                signal.signal(signal.SIGINT, signal.default_int_handler)
            if _CTRL_C_AT_START:
                raise KeyboardInterrupt  # (noted as the modules were read)
            DOCS.mkdir(exist_ok=True)  # (its lock is made there: `mkdir -p docs` before)
            for lock_file, shown, let_servers_be in (
                (DOCS / docslock.LOCK_NAME, "docs/", True),
                (staged_site.lock_file(SITE), "site/", False),
            ):
                fd = _wait_for(lock_file, shown, let_servers_be=let_servers_be)
                held += [fd] if fd is not None else []
        except docslock.LockForbidden as error:
            print(f"make clean: {error}; nothing was deleted", file=sys.stderr)
            return 1
        except KeyboardInterrupt:
            print("make clean: stopped; nothing was deleted", file=sys.stderr)
            return 130
        try:
            return 1 if _delete() else 0
        except _StoppedInPlace as stopped:
            print(
                f"make clean: stopped while it deleted {stopped.args[0]} where it is (what is left"
                " of it the next `make clean` deletes)",
                file=sys.stderr,
            )
            return 130
        except KeyboardInterrupt:
            print(
                f"make clean: stopped; what was left to delete is in {TRASH}/, which the next"
                " `make clean` deletes (nothing else is half deleted)",
                file=sys.stderr,
            )
            return 130
    finally:
        for fd in held:
            os.close(fd)  # (the lock goes with it)


def _wait_for(lock_file: Path, shown: str, *, let_servers_be: bool) -> int | None:
    """The lock ``lock_file`` taken (its open file, which holds it), once the build
    holding it is done; None when a server holds it and ``let_servers_be``, or when
    there is no lock there and none can be made (_opened)."""
    fd = _opened(lock_file, shown)
    if fd is None:
        return None
    said = False
    try:
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                _forget(docslock.record_of(lock_file))
                return fd
            except BlockingIOError:
                pass
            found = docslock.holder(docslock.record_of(lock_file))
            if found is not None and found.serves and let_servers_be:
                os.close(fd)
                return None
            if not said:
                who = found.named() if found is not None else docslock.unnamed(docslock.record_of(lock_file), str(lock_file))
                print(f"make clean: waiting for {who} to finish writing {shown} (Ctrl-C to stop)", file=sys.stderr)
                said = True
            time.sleep(docslock.POLL)
    except BaseException:
        os.close(fd)
        raise


def _forget(record: Path) -> None:
    """A holder's ``record`` found once this holds the lock is a killed build's (each
    holder deletes its own before it lets go): deleted, or a build waiting for make
    clean, which writes none, names that build's user (docslock.unnamed, its owner)."""
    try:
        record.unlink(missing_ok=True)
    except OSError:
        pass  # (another user's, in a folder with the sticky bit: as it was)


def _opened(lock_file: Path, shown: str) -> int | None:
    """``lock_file`` opened (made, as docslock makes it, where there is none yet): read
    only, which is enough for flock, so a lock file another user made 0644 is taken.
    None where none can be made: a folder this user may not write in (`site` a link to
    /var/www/list), where a build takes no lock either and builds in place."""
    try:
        fd = os.open(lock_file, os.O_RDONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except FileExistsError:
        pass
    except OSError:
        if os.path.lexists(lock_file):
            raise
        return None
    else:
        if docslock.shared(lock_file.parent):
            os.fchmod(fd, docslock.SHARED_LOCK_MODE)
        return fd
    try:
        return os.open(lock_file, os.O_RDONLY)
    except PermissionError:
        raise docslock.LockForbidden(docslock.forbidden(lock_file, str(lock_file), shown, None)) from None


def _delete() -> bool:
    """Deletes what builds made; whether something could not be (said)."""
    doomed = [Path(".venv"), SITE, Path(".cache")]
    doomed += sorted(Path(".").glob(f".{SITE.name}.readinglist-*"))  # (a killed build's: staged_site.py)
    if DOCS.is_dir() and not DOCS.is_symlink():
        # (A docs/ that is a link: what it leads to is not this project's to empty, and
        # `find docs` of the rule before did not follow it either.)
        doomed += sorted(entry for entry in DOCS.iterdir() if entry.name not in DOCS_KEPT)
    DOCS.mkdir(exist_ok=True)
    said: set[str] = set()  # (what could not be deleted, said once)
    failed, aside = _trash_made(said)
    in_place: list[Path] = []
    with interrupts_held():  # (renames: milliseconds)
        for path in doomed:
            try:
                if path.is_dir() and not path.is_symlink() and not aside:
                    in_place.append(path)
                elif path.is_dir() and not path.is_symlink():
                    (TRASH / path).parent.mkdir(parents=True, exist_ok=True)
                    path.rename(TRASH / path)
                elif os.path.lexists(path):
                    path.unlink()  # (a file, or a link: what it leads to is not this project's)
            except OSError as error:
                if not path.is_dir() or path.is_symlink():
                    print(f"make clean: cannot delete {path}: {error.strerror or error}", file=sys.stderr)
                    failed = True
                else:
                    in_place.append(path)  # (a mount point, say: deleted where it is)
    for path in in_place:
        try:
            failed = not _deleted(path, said) or failed
        except KeyboardInterrupt:
            raise _StoppedInPlace(path) from None  # (half deleted there, not in TRASH)
    return (not _deleted(TRASH, said) if aside else False) or failed


class _StoppedInPlace(KeyboardInterrupt):
    """A Ctrl-C while a folder not moved into TRASH (a mount point, say) was deleted."""


def _trash_made(said: set[str]) -> tuple[bool, bool]:
    """TRASH emptied of what a make clean stopped by Ctrl-C left, and made: whether
    something could not be deleted (said), and whether what goes may be moved into it.
    A TRASH that is a link or a file is not make clean's (a link's folder is elsewhere:
    .venv and site/ moved into it left the project, and rmtree refuses a link), nor is a
    folder holding what make clean never puts there (a curator's): it is left as it
    is, and each thing is deleted where it is, as before there was a TRASH."""
    kind = _not_trash()
    if kind:
        print(
            f"make clean: {TRASH} is {kind}, not the folder it sets aside what it deletes"
            " in: left as it is, and each thing deleted where it is",
            file=sys.stderr,
        )
        return False, False
    failed = not _deleted(TRASH, said)
    try:
        TRASH.mkdir()
    except OSError:
        pass  # (a leftover it could not delete: renames onto what is in it fail, in place)
    return failed, TRASH.is_dir() and not TRASH.is_symlink()


def _not_trash() -> str:
    """What TRASH is where it is not one make clean made ("a link", ...), else ""."""
    if TRASH.is_symlink():
        return "a link"
    if not TRASH.is_dir():
        return "a file" if os.path.lexists(TRASH) else ""
    try:
        foreign = sorted(
            entry.name for entry in TRASH.iterdir()
            if entry.name not in _SET_ASIDE and not entry.name.startswith(f".{SITE.name}.readinglist-")
        )
    except OSError:
        return ""  # (one it may not list: deleting it says why it cannot)
    return f"a folder holding {', '.join(foreign)}, which make clean never puts there" if foreign else ""


def _deleted(folder: Path, said: set[str]) -> bool:
    """Whether ``folder`` is gone (deleted, or not there). What it holds that cannot be
    deleted is kept and the rest deleted; the first such file is said (its path: an
    error of rmtree's names the file alone), once in ``said``."""
    refused: list[tuple[str, OSError]] = []

    def keep(function: object, path: str, error: OSError | tuple) -> None:
        if isinstance(error, tuple):  # (onerror's exc_info)
            error = error[1]
        if error.errno != errno.ENOTEMPTY:  # (a folder holding what was kept: no news)
            refused.append((path, error))

    if os.path.lexists(folder):
        if sys.version_info >= (3, 12):
            shutil.rmtree(folder, onexc=keep)
        else:  # (onerror: deprecated since 3.12, the Makefile's system python3 may be older)
            shutil.rmtree(folder, onerror=keep)
    if not os.path.lexists(folder):
        return True
    news = [(path, error) for path, error in refused or [(str(folder), None)] if path not in said]
    if news:
        (path, error), more = news[0], f" (and {len(news) - 1} more)" if len(news) > 1 else ""
        said.update(path for path, _ in news)
        reason = (error.strerror or str(error)) if error is not None else "it is still there"
        print(f"make clean: cannot delete {path}: {reason}{more}", file=sys.stderr)
    return False


if __name__ == "__main__":
    sys.exit(main())
