"""Reading one curation file: at most MAX_FILE_BYTES, UTF-8, any line endings, then
yamlio.parse. Problems are reported with the path as the curator sees it."""

from __future__ import annotations

import os
from pathlib import Path

from .errors import Location, Problems
from .yamlio import Node, not_utf8, parse

# Far above any real curation file, far below what would exhaust memory; a larger file
# is reported without being parsed.
MAX_FILE_BYTES = 20_000_000


def display(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def read_yaml(
    path: os.PathLike[str], shown: str, problems: Problems, size: int | None = None
) -> tuple[Node | None, str]:
    """The located tree of one file and its text; (None, "") when it cannot be read.

    An empty file gives (None, text) with no problem: what is missing depends on the file.
    ``size``: the file's size, where the caller has just taken its stat (a load of the
    papers folder does, for each of 10,000 files); else it is asked.
    """
    # os.read rather than open(): no buffered file object per file (10,000 of them).
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        if size is None:
            size = os.fstat(fd).st_size
        if size > MAX_FILE_BYTES:
            problems.error(
                Location(shown, 1, 1),
                f"the file is {size:,} bytes; a curation file may be at most {MAX_FILE_BYTES:,}",
            )
            return None, ""
        data = os.read(fd, size + 1)  # all of it in one read, unless it grew meanwhile
        if len(data) > size:
            chunks = [data]
            while chunks[-1]:
                chunks.append(os.read(fd, 1 << 20))
            data = b"".join(chunks)
    finally:
        os.close(fd)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col, message = not_utf8(data) or (1, 1, str(exc))
        problems.error(Location(shown, line, col), message)
        return None, ""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return parse(text, shown, problems), text
