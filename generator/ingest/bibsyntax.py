"""The BibTeX syntax bibtexparser leaves to its users, read as BibTeX and biber read it.

bibtexparser 2 splits a file into entries and fields and takes each field's value as
the raw text up to the next comma it understands. Hand-kept lab files meet it with:

* ``%`` comments between fields (``journal = {J}, % check volume``): biber and JabRef
  read them as comments; bibtexparser takes the comment into the next field's name
  (the field is lost) or, after the last field, fails the whole entry;
* a missing comma (``title = {A}`` then ``author = {B}`` on the next line): BibTeX
  stops with "I was expecting a `,' or a `}'"; bibtexparser glues the next field into
  the value;
* ``#`` concatenation and ``@string`` macros inside it (``booktitle = acl # " (NAACL)"``),
  and month macros (``jan``), which BibTeX resolves and bibtexparser does not;
* one field given twice in another case (``TITLE`` and ``title``), where the last one
  silently won;
* an extra ``}`` that ends an entry early, its last fields read as a comment.

`without_comments` is applied to the text before bibtexparser reads it (every line kept,
so line numbers hold); `RawValues` runs first on what it read, before its own
middlewares, and reports each mistake at its line and column.
"""

from __future__ import annotations

import calendar
import re

from bibtexparser.library import Library
from bibtexparser.middlewares.middleware import LibraryMiddleware
from bibtexparser.model import Entry, ImplicitComment

from ..errors import Location, Problems

# A ``%`` (not ``\%``), a brace, a quote, a backslash or a line end: the characters that
# decide whether a ``%`` starts a comment.
_SIGNIFICANT = re.compile(r"\\.|[{}\"%\n]", re.DOTALL)
# BibTeX's month macros, as BibTeX itself defines them.
MONTHS = {name.lower(): calendar.month_name[n] for n, name in enumerate(calendar.month_abbr) if name}
_MACRO = re.compile(r"[A-Za-z_][\w:.+/'-]*")
_NUMBER = re.compile(r"\d+")
# What a field looks like: a name, then "=".
_FIELD_START = re.compile(r"(?m)^\s*,?\s*([A-Za-z][\w:.+-]*)\s*=")


def without_comments(text: str) -> str:
    """``text`` with each ``%`` comment removed, to the end of its line, where BibTeX's
    readers take it for one: outside a value's braces and quotes (a ``%`` in a braced
    or quoted value, as in an address, is text). Lines are kept, so line numbers hold."""
    if "%" not in text:
        return text
    out: list[str] = []
    depth, quoted, kept, skip_to = 0, False, 0, -1
    for match in _SIGNIFICANT.finditer(text):
        at, token = match.start(), match.group()
        if at < skip_to:
            continue
        if token == "{":
            depth += 1
        elif token == "}":
            depth = max(depth - 1, 0)
        elif token == '"' and depth <= 1:
            quoted = not quoted
        elif token == "\n" and depth <= 1:
            quoted = False  # a quote left open is a mistake bibtexparser reports
        elif token == "%" and depth <= 1 and not quoted:
            end = text.find("\n", at)
            end = len(text) if end < 0 else end
            out.append(text[kept:at])
            kept = skip_to = end
    out.append(text[kept:])
    return "".join(out)


class RawValues(LibraryMiddleware):
    """Checks and resolves the raw values of every entry (see the module's doc).

    ``text`` is what bibtexparser read (`without_comments`' output), for locating a
    mistake inside a value; ``path`` names the file in each problem.
    """

    def __init__(self, text: str, path: str, problems: Problems) -> None:
        super().__init__(allow_inplace_modification=True)
        self._lines = text.split("\n")
        self._path = path
        self._problems = problems

    def transform(self, library: Library) -> Library:
        macros = {key.lower(): _unenclosed(s.value) for key, s in library.strings_dict.items()}
        previous: Entry | None = None
        for block in library.blocks:
            if isinstance(block, Entry):
                self._entry(block, macros)
                previous = block
            elif isinstance(block, ImplicitComment) and previous is not None:
                self._stray(block, previous)
        return library

    def _entry(self, entry: Entry, macros: dict[str, str]) -> None:
        seen: dict[str, tuple[str, int]] = {}
        for field in entry.fields:
            line = (field.start_line or 0) + 1
            name = field.key.lower()
            if name in seen and seen[name][0] != field.key:
                first, first_line = seen[name]
                self._problems.error(
                    self._at(line, field.key),
                    f"'{field.key}' is '{first}' again (line {first_line}): a field given"
                    f" twice in entry '{entry.key}'; keep one",
                )
            seen.setdefault(name, (field.key, line))
            if isinstance(field.value, str):
                field.value = self._value(entry, field.key, field.value, line, macros)

    def _value(self, entry: Entry, key: str, raw: str, line: int, macros: dict[str, str]) -> str:
        """The value with its concatenations and macros resolved (enclosed in braces, as
        bibtexparser's other middlewares expect), or ``raw`` when it needs nothing."""
        parts: list[tuple[str, str]] = []  # (kind, text): "text" or "macro"
        pos, n = 0, len(raw)
        while True:
            while pos < n and raw[pos].isspace():
                pos += 1
            end = _part_end(raw, pos)
            if end is None:
                self._missing_comma(entry, key, raw, pos, line)
                return raw
            piece = raw[pos:end]
            if piece[0] in '{"':
                parts.append(("text", piece[1:-1]))
            elif _NUMBER.fullmatch(piece):
                parts.append(("text", piece))
            else:
                parts.append(("macro", piece))
            pos = end
            while pos < n and raw[pos].isspace():
                pos += 1
            if pos >= n:
                break
            if raw[pos] != "#":
                self._missing_comma(entry, key, raw, pos, line)
                return raw
            pos += 1
        if len(parts) == 1 and parts[0][0] == "text":
            return raw  # the usual value, left to bibtexparser
        texts = []
        for kind, text in parts:
            if kind == "macro":
                found = macros.get(text.lower(), MONTHS.get(text.lower()))
                if found is None:
                    self._problems.warning(
                        self._at(line, text),
                        f"'{key}' uses '{text}', which no @string defines: its name is taken"
                        " as the value; define it, or write the value in braces",
                    )
                    found = text
                text = found
            texts.append(text)
        return "{" + "".join(texts) + "}"

    def _missing_comma(self, entry: Entry, key: str, raw: str, pos: int, line: int) -> None:
        rest = raw[pos:].strip()
        at_line = line + raw[:pos].count("\n")
        field = _FIELD_START.match(raw[pos:])
        if field:
            why = (
                f"a comma is missing after the value of '{key}': the next field,"
                f" '{field.group(1)}', was read as part of it"
            )
        else:
            shown = rest.split("\n", 1)[0][:40]
            why = (
                f"the value of '{key}' in entry '{entry.key}' goes on after its end"
                f" ({shown!r}): a brace or quote closed too early, or a comma is missing"
            )
        self._problems.error(self._at(at_line, rest.split()[0] if rest.split() else ""), why)

    def _stray(self, block: ImplicitComment, entry: Entry) -> None:
        # Text right after an entry that holds fields: the entry ended early.
        found = _FIELD_START.search(block.comment or "")
        if found is None:
            return
        line = (block.start_line or 0) + 1 + (block.comment or "")[: found.start(1)].count("\n")
        self._problems.error(
            self._at(line, found.group(1)),
            f"'{found.group(1)}' is after the end of entry '{entry.key}', so it is not read:"
            " a '}' too many ends the entry early",
        )

    def _at(self, line: int, word: str) -> Location:
        """The place of ``word`` on ``line`` (1-based), at its first occurrence there."""
        text = self._lines[line - 1] if 0 < line <= len(self._lines) else ""
        col = text.find(word) + 1 if word and word in text else 1
        return Location(self._path, line, col)


def _part_end(raw: str, pos: int) -> int | None:
    """Where the value part starting at ``pos`` ends: a braced or quoted text (braces
    balanced), a number or a macro name; None when there is none there."""
    if pos >= len(raw):
        return None
    first = raw[pos]
    if first in '{"':
        depth, at = 0, pos
        while at < len(raw):
            ch = raw[at]
            if ch == "\\":
                at += 2  # an escaped character ("\{", '\"') is text
                continue
            if ch == "{":
                depth += 1
            elif ch == "}":
                depth -= 1
                if depth == 0 and first == "{":
                    return at + 1
            elif ch == '"' and first == '"' and depth == 0 and at > pos:
                return at + 1
            at += 1
        return None
    found = _NUMBER.match(raw, pos) or _MACRO.match(raw, pos)
    return found.end() if found else None


def _unenclosed(value: object) -> str:
    text = str(value)
    if len(text) >= 2 and text[0] + text[-1] in ("{}", '""'):
        return text[1:-1]
    return text
