"""The generator's memo kept on disk, so that a rerun in a new process is incremental.

`build.Memo` reuses a result only when its input is equal to what it was computed from,
so a run with a memo writes exactly what a run without one writes. Keeping the memo in
a file (``.cache/readinglist/memo.pickle`` beside mkdocs.yml, git-ignored) carries that
reuse from one `readinglist build` to the next. The file is trusted only when it was
written by this very code: its header holds a format version and a fingerprint of every
file of the generator package (code and templates) and of the Python and library
versions; anything else (another version, a damaged or foreign file) is ignored and the
run starts from nothing. The cache is a project file like the generated docs folder:
whoever can write it can already change the generator itself.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import sys
import tempfile
from importlib import metadata
from pathlib import Path

from . import gcpause

FORMAT = 3
FILE_NAME = "memo.pickle"
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
)


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


def read(folder: Path) -> object | None:
    """What `write` stored in ``folder``, or None when there is nothing trustworthy."""
    try:
        with open(folder / FILE_NAME, "rb") as handle:
            if pickle.load(handle) != fingerprint():
                return None
            # Tens of thousands of objects that all stay alive: keep the collector out.
            with gcpause.paused("memo"):
                return pickle.load(handle)
    except FileNotFoundError:
        return None
    except Exception:  # a damaged or foreign file is no cache: start from nothing
        return None


def write(folder: Path, value: object) -> bool:
    """Store ``value`` atomically (a reader sees the old file or the new one).

    A folder that cannot be written (a read-only checkout) only costs the next run its
    head start, so that is no error: the result says whether the value was stored.
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{FILE_NAME}.", suffix=".tmp", dir=folder)
    except OSError:
        return False
    try:
        with os.fdopen(fd, "wb") as handle, gcpause.off():
            pickle.dump(fingerprint(), handle, protocol=pickle.HIGHEST_PROTOCOL)
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, folder / FILE_NAME)
        return True
    except BaseException as error:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        if isinstance(error, OSError):  # a full disk, say: the same as a read-only one
            return False
        raise
