"""Which layout a file's text has, from the few lines each format starts with: asked of
every file import reads, so without importing the readers (ris.py brings rispy,
markdownlist.py markdown-it and the dictionary's words: some 0.09 s of CPU a process
that reads a .bib)."""

from __future__ import annotations

import itertools
import re

# The first line of an RIS record.
RECORD_START = re.compile(r"^TY {1,2}-(?: |$)", re.MULTILINE)

# The header lines JSTOR and Wiley write before the first record ("Provider: JSTOR
# http://www.jstor.org", "Database: JSTOR", "Content: text/plain; charset="UTF-8"").
_HEADER_LINE = re.compile(r"[A-Za-z][A-Za-z ]{0,30}:\s.*")
_HEADER_LINES = 5  # (at most)


# A line that is not blank (as str.strip tells: the same whitespace as \s), to its end.
_NOT_BLANK_LINE = re.compile(r"^[^\S\n]*\S.*", re.MULTILINE)


def looks_like_ris(text: str) -> bool:
    """Whether ``text`` is RIS: its first line a record's ``TY  - ``, or after only a
    header as JSTOR and Wiley write it. (Not a Markdown list that shows how to cite it
    in RIS, nor a BibTeX file whose abstract holds such a line.)"""
    # A record's first line past the sixth line that is not blank comes after more than a
    # header: only those six lines are searched, not a whole .bib (0.06 s of CPU at
    # 10,000 entries, for every file read). (The search ends at the sixth one's end,
    # where "$" matches as it does before its newline.)
    lines = list(itertools.islice(_NOT_BLANK_LINE.finditer(text), _HEADER_LINES + 1))
    match = RECORD_START.search(text, 0, lines[-1].end() if lines else 0)
    if not match:
        return False
    before = [line.strip() for line in text[: match.start()].split("\n") if line.strip()]
    return len(before) <= _HEADER_LINES and all(_HEADER_LINE.fullmatch(line) for line in before)


def looks_like_markdown_list(text: str) -> bool:
    """True when a list item or a table row of the text holds a Markdown link to a web
    address (how every awesome list writes its papers)."""
    item = re.compile(r"^\s{0,3}(?:[-*+]|\d{1,9}[.)]|\|)\s?.*\]\(\s*<?https?://", re.MULTILINE)
    return bool(item.search(text[:200_000]))
