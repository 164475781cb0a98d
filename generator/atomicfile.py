"""Writing files atomically: a reader (an editor, MkDocs, a second run) sees the old file
or the new one, never half of one, and an interrupt leaves no stray temporary file."""

from __future__ import annotations

import os
import re
import secrets
import stat
import time
from collections.abc import Iterable
from pathlib import Path


def atomic_write(path: Path, text: str, *, durable: bool = True) -> None:
    """Write ``text`` so that readers see either the old file or the new one, never half.

    The temporary file lives in the same folder, so ``os.replace`` is a rename on one
    file system. ``durable`` flushes it to disk before the rename, and the folder after
    it (the rename is an entry of the folder: without that, a crash may leave the old
    file); generated files that are simply made again after a crash skip both (they
    cost milliseconds per file).
    """
    atomic_write_bytes(path, text.encode("utf-8"), durable=durable)


def temporary_name(path: Path) -> Path:
    """A fresh hidden name beside ``path`` for writing it atomically.

    Callers take the name *before* creating the file (see `create_temporary`), so an
    interrupt (Ctrl-C) at any moment leaves them knowing what to remove; with mkstemp
    the name is only known once the file already exists.
    """
    return Path(_temporary(os.fspath(path)))


def _temporary(path: str) -> str:
    # (Strings: pathlib's parent and join cost more than the rest of writing a page.)
    return temporary_beside(path, temporary_token())


def temporary_token() -> str:
    """The random part of a temporary's name (`temporary_beside`)."""
    return secrets.token_hex(6)


def temporary_beside(path: str, token: str) -> str:
    """The temporary name beside ``path`` with the random part ``token``: one token
    serves many files of one writer, each beside its own file (a name unique as theirs
    are), where a token a file cost a draw from the system each."""
    folder, name = os.path.split(path)
    return os.path.join(folder, f".{name}.{token}.tmp")


# temporary_name's names, and only they: a curator's ".notes.tmp" is not one. (DOTALL:
# a file name may hold a newline, and its temporary is one as much.)
_TEMPORARY = re.compile(r"\..+\.[0-9a-f]{12}\.tmp", re.DOTALL)


def remove_temporaries(folder: Path, older_than: float = 0) -> None:
    """Removes from ``folder`` the temporaries (of `temporary_name`, plain files) last
    written at least ``older_than`` seconds ago: those a write killed outright (`kill
    -9`, a power cut: no chance to clean up) left. The caller knows no write running
    now is theirs (a lock), or gives an age no running write's has: a write takes
    milliseconds, and each of its parts makes its file new again."""
    if not folder.is_dir():
        return
    before = time.time() - older_than
    for entry in os.scandir(folder):
        if not _TEMPORARY.fullmatch(entry.name) or not entry.is_file(follow_symlinks=False):
            continue
        try:
            if entry.stat(follow_symlinks=False).st_mtime <= before:
                os.unlink(entry.path)
        except FileNotFoundError:
            pass  # (put in place, or removed, by its own writer meanwhile)


def create_temporary(tmp: str | Path, mode: int) -> int:
    """Create ``tmp`` (which must not exist) for writing, with exactly ``mode``."""
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.fchmod(fd, mode)  # not subject to the umask, so the file gets exactly ``mode``
    return fd


def create_new(tmp: str) -> int:
    """Create ``tmp`` (which must not exist) for writing, with the permissions a new file
    gets (`new_file_mode`): the umask's, given at the creation, with no fchmod after."""
    return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)


def atomic_write_bytes(path: Path, data: bytes, *, durable: bool = True) -> None:
    atomic_write_parts(path, data, durable=durable)


def atomic_write_parts(path: Path, parts: bytes | Iterable[bytes], *, durable: bool = True) -> None:
    """As atomic_write_bytes, the data given in ``parts``, written as they come: a big
    file need never be whole in memory."""
    if path.is_symlink():
        # A curator's file kept elsewhere and linked here: the file is what is written
        # (replacing the link would leave it stale and the link gone).
        path = Path(os.path.realpath(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    replace_file(path, parts, file_mode(path), durable=durable)


def replace_file(
    path: str | Path, parts: bytes | Iterable[bytes], mode: int, *, durable: bool = True
) -> None:
    """As atomic_write_parts, for a caller that knows what it asks of the file system:
    ``path`` is no symlink, its folder exists, and ``mode`` is the permissions to give
    it (file_mode's). The docs folder's writer knows all three for 10,000 pages, and
    asking again cost four system calls a file.

    Data given whole (bytes) is written straight to the file: a buffered file object
    would ask for the file's stat, whether it is a terminal and where it stands, three
    system calls more for each of 10,000 pages (0.04 s of user time, and the calls).
    Parts go through one, which writes many small ones together."""
    tmp = _temporary(os.fspath(path))  # (the docs folder's writer gives strings: see there)
    try:
        fd = create_temporary(tmp, mode)
        if isinstance(parts, bytes):
            try:
                write_all(fd, parts)
                if durable:
                    os.fsync(fd)
            finally:
                os.close(fd)
        else:
            with os.fdopen(fd, "wb") as handle:
                for part in parts:
                    handle.write(part)
                if durable:
                    handle.flush()
                    os.fsync(handle.fileno())
        os.replace(tmp, path)
        if durable:
            sync_folder(os.path.dirname(tmp) or os.curdir)  # ("" for a name in the working folder)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def write_all(fd: int, data: bytes) -> None:
    """``data`` written to ``fd``, without a buffered file object's stat, terminal and
    position calls (replace_file's pages, importwrite's new paper files)."""
    # os.write may write less than it is given (interrupted by a signal): the rest is
    # written then, as a buffered writer would.
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def sync_folder(folder: str | Path) -> None:
    """Flush ``folder``'s entries (a rename into it) to disk, where the system allows it."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return  # (Windows opens no folder; its renames are flushed with the file)
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems refuse fsync on a folder; the file itself is synced
    finally:
        os.close(fd)


def new_file_mode() -> int:
    """What the umask gives a new file, as ``open`` would."""
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def file_mode(path: Path) -> int:
    """The permissions a rewrite of ``path`` should have: its own, or a new file's."""
    try:
        return os.stat(path).st_mode & 0o7777
    except FileNotFoundError:
        return new_file_mode()


def read_only(path: Path) -> bool:
    """Whether ``path`` is a file its owner may not write (chmod a-w, u-w): a curator's
    sign that no tool is to change it. An atomic write replaces the file rather than
    writing into it, which its mode does not stop, so writers ask first. Asked of the
    mode bits, not of os.access: root may write any file."""
    try:
        return not os.stat(path).st_mode & stat.S_IWUSR
    except FileNotFoundError:
        return False


def write_if_changed(path: Path, text: str) -> bool:
    """Atomically write ``text`` unless the file already holds exactly it; True if written."""
    try:
        if path.read_bytes() == text.encode("utf-8"):
            return False
    except FileNotFoundError:
        pass
    atomic_write(path, text)
    return True
