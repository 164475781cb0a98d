"""The generator's memo kept on disk, so that a rerun in a new process is incremental.

`build.Memo` reuses a result only when its input is equal to what it was computed from,
so a run with a memo writes exactly what a run without one writes. Keeping the memo in
a file (``.cache/readinglist/memo.pickle`` beside mkdocs.yml, git-ignored) carries that
reuse from one `readinglist build` to the next. The file is trusted only when it was
written by this very code: its header holds a format version and a fingerprint of every
file of the generator package (code and templates) and of the Python and library
versions; anything else (another version, a damaged or foreign file) is ignored and the
run starts from nothing. A CRC-32 of every byte before it ends the file, so that a byte
flipped or a file cut short anywhere (a disk, a copy) is a damaged file, never another
text on a page. Unpickling runs what the file's writer put in it, so a file is read
only when it is this user's, root's or the owner's of this generator code (each of whom
can already change what this process runs) and no one else may write it (`trusted`):
in a folder a lab's group writes in (setgid, umask 002) any of the group could replace
or rewrite a file there, and the generator's code need not be theirs to change.

In a project folder two users share, the first user's cache may be closed to the
second (made under a 022 umask: a folder only its owner writes in). The second user's
run then goes on without it, as every run can, but says so once (`without`) rather
than run as slow as a first build with no word why. Its files get the modes the
umask gives a new file (mkstemp's 0600 kept even a group's shared cache from the
group) but no one else's write (0644 under 002), never more.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import sys
import tempfile
import zlib
from importlib import metadata
from pathlib import Path
from typing import BinaryIO

from . import gcpause
from .atomicfile import new_file_mode

FORMAT = 4  # 4: the file ends with its CRC-32 (_Summed)
FILE_NAME = "memo.pickle"
_CHECK = 4  # the bytes of the file's CRC-32, at its end (little-endian)
PACKAGE = Path(__file__).parent
# Libraries whose output ends up in the generated files.
_LIBRARIES = (
    "scikit-learn", "numpy", "scipy", "jinja2", "markupsafe", "bibtexparser", "feedgen", "markdown", "nh3",
    "pyyaml", "pystemmer", "snowballstemmer",
    # (Its dictionary tells a keyword's word from a slip: the warnings of misspelt
    # keywords the memo keeps. The hints for papers in no topic read data/ instead.)
    "lemminflect",
    # (The text the memo keeps comes through these too: lunr's stop words and stemmer
    # (shared terms, acronyms), TeX to text, ids' ASCII forms, near titles' warnings,
    # escaping and table words through markdown-it and its linkify.)
    "lunr", "pylatexenc", "anyascii", "rapidfuzz", "markdown-it-py", "linkify-it-py",
    # (Its lunr-languages lists are the other languages' stop words left out of those
    # hints, read from the installed version: stopwords.py.)
    "mkdocs-material",
)


def folder(project: Path) -> Path:
    """The cache folder of the project in ``project`` (beside mkdocs.yml and content/)."""
    return project / ".cache" / "readinglist"


@functools.lru_cache(maxsize=1)  # the code of a running process does not change
def fingerprint() -> str:
    digest = hashlib.sha256(f"{FORMAT}\0{sys.version}\0".encode())
    for name in _LIBRARIES:
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"{name}={version}\0".encode())
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


class _Summed:
    """A file as pickle writes or reads it, with the CRC-32 of the bytes that went by.

    Summed as they go, 64 KB frames still in the processor's cache: at 10,000 papers
    (106 MB) 0.00-0.01 s more on the store and some 0.02 s on the read, against 0.05 s
    for a pass of `zlib.crc32` over the whole file on each side (BENCHMARKS.md, the
    fifty-sixth session). The C pickler and unpickler ask only for these methods."""

    __slots__ = ("handle", "crc")

    def __init__(self, handle: BinaryIO) -> None:
        self.handle, self.crc = handle, 0

    def write(self, data: bytes) -> int:
        self.crc = zlib.crc32(data, self.crc)
        return self.handle.write(data)

    def read(self, size: int = -1) -> bytes:
        data = self.handle.read(size)
        self.crc = zlib.crc32(data, self.crc)
        return data

    def readinto(self, buffer: bytearray | memoryview) -> int:
        size = self.handle.readinto(buffer)
        self.crc = zlib.crc32(memoryview(buffer)[:size], self.crc)
        return size

    def readline(self) -> bytes:
        data = self.handle.readline()
        self.crc = zlib.crc32(data, self.crc)
        return data


def read(folder: Path, name: str = FILE_NAME) -> object | None:
    """What `write` stored in ``folder`` (as ``name``), or None when there is nothing
    trustworthy."""
    try:
        with open(folder / name, "rb") as handle:
            if not trusted(handle.fileno()):
                without(folder / name, "trust", "this run starts from nothing (slower)")
                return None
            summed = _Summed(handle)
            if pickle.load(summed) != fingerprint():
                return None
            # Tens of thousands of objects that all stay alive: keep the collector out.
            with gcpause.paused("memo"):
                value = pickle.load(summed)
            # (Checked after unpickling, not before: a first pass over the file would
            # cost the whole 0.05 s. A damaged file's objects are dropped unused.)
            if handle.read() != summed.crc.to_bytes(_CHECK, "little"):
                return None
            return value
    except FileNotFoundError:
        return None
    except PermissionError:  # (another user's, in a folder two users share)
        without(folder / name, "read", "this run starts from nothing (slower)")
        return None
    except Exception:  # a damaged or foreign file is no cache: start from nothing
        return None


def write(folder: Path, value: object, name: str = FILE_NAME) -> bool:
    """Store ``value`` (as ``name``) atomically (a reader sees the old file or the new one).

    A folder that cannot be written (a read-only checkout) only costs the next run its
    head start, so that is no error: the result says whether the value was stored.
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    except PermissionError:  # (another user's folder, in a folder two users share)
        without(existing(folder), "write in", "this run's work is not kept for the next")
        return False
    except OSError:
        return False
    try:
        os.fchmod(fd, written_mode())  # (mkstemp's is 0600, whatever the umask)
        with os.fdopen(fd, "wb") as handle, gcpause.off():
            summed = _Summed(handle)
            pickle.dump(fingerprint(), summed, protocol=pickle.HIGHEST_PROTOCOL)
            pickle.dump(value, summed, protocol=pickle.HIGHEST_PROTOCOL)
            handle.write(summed.crc.to_bytes(_CHECK, "little"))
        os.replace(tmp, folder / name)
        return True
    except BaseException as error:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        if isinstance(error, PermissionError):  # (another user's file, in a sticky folder)
            without(folder / name, "replace", "this run's work is not kept for the next")
        if isinstance(error, OSError):  # a full disk, say: the same as a read-only one
            return False
        raise


# What this process has said it runs without (`without`): once is enough.
_SAID: list[Path] = []


def without(refused: Path, verb: str, so: str) -> None:
    """Says, once in a process, that it runs without its cache, as this user may not
    ``verb`` ``refused`` (another user's, say), and what that costs (``so``). (Also the
    compiled templates' cache: render.bytecode_cache.)"""
    if _SAID:
        return
    _SAID.append(refused)
    from .docslock import owner_of

    try:
        mode = f", mode {refused.stat().st_mode & 0o7777:04o}"
    except OSError:
        mode = ""
    try:
        shown = os.path.relpath(refused) if refused.is_relative_to(Path.cwd()) else str(refused)
    except OSError:  # (a working folder deleted meanwhile)
        shown = str(refused)
    print(
        f"readinglist: running without its cache: you may not {verb} {shown}"
        f" ({owner_of(refused)}'s{mode}), so {so}; its owner may delete it",
        file=sys.stderr,
    )


def existing(folder: Path) -> Path:
    """``folder``, or the nearest folder above it that exists."""
    while not folder.exists() and folder.parent != folder:
        folder = folder.parent
    return folder


def written_mode() -> int:
    """A cache file's mode: what the umask gives a new file, but no one else's write (a
    file others may write is not `trusted`)."""
    return new_file_mode() & ~0o022


def trusted(fd: int) -> bool:
    """Whether the open file ``fd`` may be unpickled: its owner is this user, root or
    the owner of this code, and no one else may write it. (The open file's, not its
    name's: a file replaced meanwhile is not the one checked.)"""
    info = os.fstat(fd)
    return not info.st_mode & 0o022 and info.st_uid in {os.geteuid(), 0, _code_owner()}


@functools.lru_cache(maxsize=1)
def _code_owner() -> int:
    return os.stat(__file__).st_uid
