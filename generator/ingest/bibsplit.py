"""bibtexparser's splitter, a braced field value stepped over in a few regex searches.

bibtexparser's `Splitter` walks every mark of a .bib in Python: each `{ } " , = \\n` and
block start. Inside a braced value (a title, an abstract) only the braces, the line
breaks and a block start at a line's start change what it does; the commas, quotes and
equals signs there (a quarter of a 10,000-entry file's 440,000 marks) are each a step of
its loop that does nothing. `QuickSplitter` finds the braces that close such a value
with one search per brace, counts the line breaks between with `str.count`, and hands
every other case (a block start inside the value, a quoted value, the end of the text)
back to bibtexparser's own loop at the mark it stopped at, so the blocks, their lines
and their errors are the splitter's own (tests/ingest/test_bibsplit.py checks them
against bibtexparser's on generated texts).

Why it may jump: a mark is a match of one pattern that no other match overlaps (single
characters not after a backslash, or "@word" before a "{" or "("), so the marks after a
mark's end are the same whether the pattern's iterator went on from there or a new one
starts there.
"""

from __future__ import annotations

import re
from types import ModuleType
from typing import Iterable

import bibtexparser
from bibtexparser import splitter as _splitter
from bibtexparser.library import Library
from bibtexparser.middlewares.middleware import Middleware

# The bibtexparser whose Splitter this one was checked against. Any other version is split
# by its own Splitter: one whose private names or marks were kept but whose loop changed
# (a new mark, another rule for "@" in a value) would otherwise be split wrongly and
# silently; tests/ingest/test_bibsplit.py fails until QuickSplitter is checked against it.
CHECKED = "2.1.0"
# The marks QuickSplitter's reasoning (above) is about, as that version writes them.
_MARKS = r"(?<!\\)[\{\}\",=\n]|"
_PAREN_MARKS = r"(?<!\\)[\{\}\",=\n)]|"
_BLOCK_START_WRITTEN = r"@[\w]*( |\t)*(?=[{(])"


def fits(version: str, splitter: ModuleType) -> bool:
    """Whether ``splitter`` (bibtexparser's module, at ``version``) is the one checked."""
    marks = getattr(splitter, "_MARK_PATTERN", None)
    paren_marks = getattr(splitter, "_PAREN_BLOCK_MARK_PATTERN", None)
    return (
        version == CHECKED
        and getattr(splitter, "_BLOCK_START", None) == _BLOCK_START_WRITTEN
        and getattr(marks, "pattern", None) == _MARKS + _BLOCK_START_WRITTEN
        and getattr(paren_marks, "pattern", None) == _PAREN_MARKS + _BLOCK_START_WRITTEN
    )


_KNOWN = fits(bibtexparser.__version__, _splitter)

# Where a mark that matters inside a braced value may be: a brace (a mark unless after a
# backslash) or an "@" (a mark where a block start begins). (One class of characters: the
# splitter's own pattern, with its look-behind and "@" tried at every character, searched
# an abstract three times as slowly.)
_BRACE_OR_AT = re.compile(r"[{}@]")
_BLOCK_START = re.compile(_splitter._BLOCK_START) if _KNOWN else None


class QuickSplitter(_splitter.Splitter):
    def _move_to_comma_or_closing_delimiter(
        self, currently_quote_escaped: bool = False, num_open_curls: int = 0
    ) -> int:
        if currently_quote_escaped or num_open_curls or self._unaccepted_mark is not None:
            return super()._move_to_comma_or_closing_delimiter(currently_quote_escaped, num_open_curls)
        first = self._next_mark(accept_eof=False)
        if first.group(0) != "{":
            self._unaccepted_mark = first  # (read again by the splitter's own loop)
            return super()._move_to_comma_or_closing_delimiter(False, 0)
        text = self.bibstr
        depth, at = 1, first.end()
        seen = at  # (the line breaks before it are counted)
        while depth:
            where = _BRACE_OR_AT.search(text, at)
            if where is None or text[where.start()] == "@" and _BLOCK_START.match(text, where.start()):  # type: ignore[union-attr]
                # The end of the text, or a block start: the splitter's loop says what
                # they mean, from that mark on.
                self._jump(seen, len(text) if where is None else where.start())
                return super()._move_to_comma_or_closing_delimiter(False, depth)
            found = where.start()
            at = found + 1
            if text[found] == "@" or text[found - 1] == "\\":
                continue  # no mark
            self._lines(seen, found)
            seen = at
            depth += 1 if text[found] == "{" else -1
            self._current_char_index = found
        self._jump(seen, at)
        return super()._move_to_comma_or_closing_delimiter(False, 0)

    def _lines(self, start: int, end: int) -> None:
        """Count the line-break marks of text[start:end] (not those after a backslash)."""
        part = self.bibstr[start:end]
        if "\n" in part:
            self._current_line += part.count("\n") - part.count("\\\n")

    def _jump(self, start: int, stop: int) -> None:
        """Go on from ``stop`` (the end of a mark, or where one starts), counting the line
        breaks from ``start``, as the mark iterator would have stepped there."""
        self._lines(start, stop)
        pattern = _splitter._PAREN_BLOCK_MARK_PATTERN if self._closing_delimiter == ")" else _splitter._MARK_PATTERN
        self._markiter = pattern.finditer(self.bibstr, stop)


def parse_string(text: str, parse_stack: Iterable[Middleware]) -> Library:
    """`bibtexparser.parse_string(text, parse_stack=...)`, split by `QuickSplitter`."""
    library = (QuickSplitter if _KNOWN else _splitter.Splitter)(bibstr=text).split()
    for middleware in parse_stack:
        library = middleware.transform(library=library)
    return library
