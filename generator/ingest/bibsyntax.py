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
* an extra ``}`` that ends an entry early, its last fields read as a comment; and a
  ``{`` left open, which fails the entry at its first line (`unclosed_values` finds each).

`without_comments` is applied to the text before bibtexparser reads it (every line kept,
so line numbers hold); `RawValues` runs first on what it read, before its own
middlewares, and reports each mistake at its line and column.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import replace
from functools import cached_property

from bibtexparser.library import Library
from bibtexparser.middlewares.middleware import LibraryMiddleware
from bibtexparser.middlewares.names import NameParts, split_multiple_persons_names
from bibtexparser.model import Block, Entry, ImplicitComment, ParsingFailedBlock, String

from ..errors import Location, Problems
from ..export_bibtex import balanced
from ..latex import clean_latex
from ..quoting import quoted
from .years import read_year

# What decides whether a ``%`` starts a comment: an entry's start (``@article{`` or
# ``@article(``), an escaped character (``\%``, ``\"``), a brace, a parenthesis, a quote.
_SIGNIFICANT = re.compile(r"@\s*([A-Za-z]+)\s*([{(])|\\.|[{}()\"%]", re.DOTALL)
# An entry's head with spaces after its "@", or a line break before its brace, which
# bibtexparser does not read (`heads_closed_up`).
_SPACED_HEAD = re.compile(r"@\s+[A-Za-z]|@[A-Za-z]+[ \t]*\n")
# The fields the importer reads (ingest/bibtex.py): a value of another field that
# BibTeX itself would refuse (``pages = 1--10``) is left as bibtexparser reads it.
READ_FIELDS = frozenset({
    "title", "author", "year", "date", "journal", "journaltitle", "booktitle", "school",
    "institution", "howpublished", "abstract", "doi", "eprint", "archiveprefix",
    "eprinttype", "primaryclass", "eprintclass", "url", "pdf", "note", "keywords", "crossref",
    "type", "number",
})
# The fields of BibTeX's standard styles and biblatex's that a lab's file holds beside
# those the importer reads (READ_FIELDS): one of them, then one word (``publisher
# Springer``), is that field without its "=" (bibtex._words_for_a_field,
# `RawValues._spaced_name`).
FIELD_NAMES = frozenset({
    "address", "annote", "annotation", "chapter", "edition", "editor", "issn", "isbn", "issue",
    "key", "langid", "language", "location", "month", "organization", "pages", "publisher",
    "series", "shorttitle", "subtitle", "urldate", "volume", "file", "eventtitle", "venue",
})
# Blocks whose content is free text, where a "%" is text: ``@comment{50% of it}``.
_FREE_TEXT = frozenset({"comment", "preamble"})
# BibTeX's month macros, as BibTeX itself defines them.
MONTHS = {name.lower(): calendar.month_name[n] for n, name in enumerate(calendar.month_abbr) if name}
_MACRO = re.compile(r"[A-Za-z_][\w:.+/'-]*")
_NUMBER = re.compile(r"\d+")
_PLAIN_NAME = re.compile(r"[A-Za-z_][\w-]*")
# An entry's head without its "@", at a line's start: a type, its brace or parenthesis
# and a key, then a field (``article{b,`` over ``title = {B},``).
_HEADLESS = re.compile(
    r"(?m)^[ \t]*(([A-Za-z]+)[ \t]*([{(])[ \t]*([^\s,{}()=\"#%']+)[ \t]*,)(?=\s*[A-Za-z][\w:.+-]*\s*=)"
)
# An entry's head up to its key's comma (``@article{old,``): its type, its key.
ENTRY_KEY = re.compile(r"@\s*([A-Za-z]+)\s*[{(]\s*([^,\s{}()]+)\s*,")
# What a field looks like: a name, then "=".
_FIELD_START = re.compile(r"(?m)^\s*,?\s*([A-Za-z][\w:.+-]*)\s*=")


# The fields of a ``{`` entry after its head, as far as nothing in them can be yielded
# or change how the rest of the text is read: no "%" between fields (a comment), only
# braces' groups two deep at most, a quoted value only with its closing quote (a "%" in
# it is text), each escape ("\\x") one token as `_SIGNIFICANT` reads it. `_top_level`
# passes over them in one match, not token by token, at the state the tokens would leave
# (depth 1, not quoted): then a "}" closes the entry (nearly every entry of an export),
# else the tokens are read on from there. A 10,000-entry .bib whose abstracts write "%"
# took 0.20 s of CPU, its 180,000 braces, parentheses and quotes each a step of
# `_top_level`'s loop, and 0.04 s so. (Possessive: a run that cannot go on stops at
# once, without trying every split of it. An entry ended by a comment after its last
# field was matched whole and then read again token by token, 1.15-1.2 times as slow as
# tokens alone; it is now read by tokens only from its "%".)
_GROUP = r"\{(?:[^{}\\]++|\\.|\{(?:[^{}\\]++|\\.)*+\})*+\}"
_PLAIN_FIELDS = re.compile(
    rf'(?:[^{{}}%\\"]++|\\.|{_GROUP}|"(?:[^{{}}"\\]++|\\.|{_GROUP})*+")*+', re.DOTALL
)


def _top_level(text: str) -> Iterator[re.Match[str]]:
    """Each entry's head (``@article{``) outside entries, and each ``%`` that starts a
    comment, to the end of its line, where BibTeX's readers take it for one: outside
    entries, and inside one between its fields (a ``%`` in a value's braces or quotes, or
    in a ``@comment`` or ``@preamble``, is text; a quoted value may run over several
    lines)."""
    depth, quoted, free, paren, skip_to = 0, False, False, False, -1
    scan = _SIGNIFICANT.finditer(text)
    while True:
        for match in scan:
            at, token = match.start(), match.group()
            if at < skip_to:
                continue
            if match.group(1) is not None:  # "@name{" or "@name("
                if depth == 0:
                    yield match
                    depth, paren, quoted = 1, match.group(2) == "(", False
                    free = match.group(1).lower() in _FREE_TEXT
                    if not paren and not free and (plain := _PLAIN_FIELDS.match(text, match.end())):
                        resume, closed = plain.end(), text.startswith("}", plain.end())
                        if closed or resume > match.end():
                            break  # (read on after it, at the depth the tokens would leave)
                elif match.group(2) == "{":
                    depth += 1
                continue
            if token == "{":
                depth += 1
            elif token == "}":
                depth = max(depth - 1, 0)
            elif token == ")" and paren and depth == 1 and not quoted:
                depth = 0
            elif token == '"' and depth == 1:
                quoted = not quoted
            elif token == "%" and (depth == 0 or (depth == 1 and not quoted and not free)):
                yield match
                end = text.find("\n", at)
                skip_to = len(text) if end < 0 else end
            if depth == 0:
                quoted = free = paren = False
        else:
            return
        if closed:
            depth, resume = 0, resume + 1
        scan = _SIGNIFICANT.finditer(text, resume)


def without_comments(text: str) -> str:
    """``text`` with each ``%`` comment removed, to the end of its line (`_top_level`).
    Lines are kept, so line numbers hold."""
    if "%" not in text:
        return text
    out: list[str] = []
    kept = 0
    for match in _top_level(text):
        if match.group() == "%":
            end = text.find("\n", match.start())
            out.append(text[kept:match.start()])
            kept = len(text) if end < 0 else end
    out.append(text[kept:])
    return "".join(out)


def heads_closed_up(text: str) -> str:
    """``text`` with each entry's head read as BibTeX reads it, where bibtexparser does
    not, and the entry was lost: with spaces after its ``@`` where the ``@`` starts a
    line (``@ article {k,``), the spaces go before the ``@``, so only the ``@`` moves;
    with a line break after its ``@`` or before its brace (``@article`` over ``{k,``,
    ``@`` over ``article{k,``), the type and brace go up to the ``@`` and the line
    breaks after them, and spaces take the brace's line up to it, so the ``@`` and all
    after the brace keep their line and column. What is said of the entry is said at its
    place as written (its type at its ``@``). A head inside a value is text, and so is
    "lunch @ home (noon)" between entries, an ``@`` with spaces after it that does not
    start its line; but not an ``@`` that ends a line of text (``see x @`` over
    ``article{k,``), which BibTeX reads as an entry's, past the line break as past any
    white space."""
    if not _SPACED_HEAD.search(text):
        return text
    out: list[str] = []
    kept = 0
    for match in _top_level(text):
        if match.group() == "%":
            continue
        at, brace = match.start(), match.start(2)
        spaces = text[at + 1 : match.start(1)]
        starts_line = not text[text.rfind("\n", 0, at) + 1 : at].strip()
        if spaces and not starts_line and "\n" not in spaces:
            continue
        head = text[at : brace + 1]
        if "\n" in head:
            out.append(text[kept:at] + "@" + match.group(1) + match.group(2) + "\n" * head.count("\n"))
            out.append(" " * (len(head) - head.rfind("\n") - 1))
            kept = brace + 1
        elif spaces:
            out.append(text[kept:at] + spaces + "@")
            kept = match.start(1)
    out.append(text[kept:])
    return "".join(out)


# What stands, while bibtexparser reads a file, for the backslash of a "\\{" or "\\}" that
# BibTeX counts as a brace (`braces_counted`): a private-use character, as no file has it
# (a file that does is read as written).
_HELD_BACKSLASH = "\ue00f"
# A brace, a ")", a double quote, or a field's start ("name =" at a line's start or after a comma).
_BRACE_OR_FIELD = re.compile(r"[{})\"]|(?m:^|,)[ \t]*[A-Za-z][\w:.+-]*\s*=")
_BRACE_OR_QUOTE = re.compile(r'[{}"]')


def braces_counted(text: str) -> str:
    """``text`` with the backslash of each backslashed brace ("\\{", "\\}", and the "{" of
    "\\\\{") held (`_HELD_BACKSLASH`) in a value BibTeX reads as bibtexparser would with
    every brace counted, so bibtexparser counts that brace as BibTeX and biber count every
    brace: it skips one a backslash comes before, and so ended ``title = {A \\{B} C}`` at
    "B}" (an error at "C", the entry's other fields lost). So read is each value, in an
    entry that closes before the next entry's head with no brace or "=" between and has no
    backslashed brace among its fields, that every brace counted closes before the next
    field; elsewhere (``{A \\{ B}`` never closes for BibTeX, or takes in the next field)
    bibtexparser's reading of the value stands, and `RawValues` warns of the brace (an
    entry's other values still held: such a value was said alone, the value BibTeX reads
    beside it refused). Every character keeps its place, so lines and columns hold;
    `BackslashesBack` puts the backslashes back in what was read."""
    if _HELD_BACKSLASH in text or not _BACKSLASHED_BRACE.search(text):
        return text
    heads = [match for match in _top_level(text) if match.group() != "%"]
    out: list[str] = []
    kept = 0
    for n, head in enumerate(heads):
        if head.group(1).lower() in _FREE_TEXT:
            continue
        start, end = head.end(), heads[n + 1].start() if n + 1 < len(heads) else len(text)
        if not _BACKSLASHED_BRACE.search(text, start, end):
            continue
        for at in _held_in_entry(text, start, end, 1 if head.group(2) == "{" else 0):
            out.append(text[kept:at] + _HELD_BACKSLASH)
            kept = at + 1
    if not out:
        return text
    out.append(text[kept:])
    return "".join(out)


def _held_in_entry(text: str, start: int, end: int, fields: int) -> list[int]:
    """The places of the backslashes `braces_counted` holds in the entry whose fields run
    from ``start`` to the next entry's head at ``end``, at brace depth ``fields`` (0 in
    an entry in parentheses, which closes at a ")" outside braces)."""
    depth, close, quoted = fields, None, False
    held: list[int] = []
    value: int | None = None  # (where the value being read starts, and its backslashes)
    inside: list[int] = []
    pos = start
    while (token := _BRACE_OR_FIELD.search(text, pos, end)) is not None or value is not None:
        backslashed = token is not None and text[token.start() - 1] == "\\"
        if token is None or (
            value is not None and (
                (token.group() not in ("{", "}", '"', ")") and depth != fields)  # (a field inside a value)
                or (backslashed and token.group() == "}" and depth - 1 == fields and not quoted)
            )
        ):
            # A value that, every brace counted, takes in the next field, the entry's end,
            # or ends at a "\\}": read as bibtexparser reads it, its end where bibtexparser
            # puts it, the next field after.
            after = _value_end_read(text, value, end) if value is not None else None
            if after is None:
                return []
            depth, quoted, value, inside, pos = fields, False, None, [], after
            continue
        pos = token.end()
        if token.group() == '"':
            opens = depth == fields and not backslashed
            if opens and not quoted:
                value = token.start()
            quoted = quoted != opens
        elif token.group() in ("{", "}"):
            if backslashed and depth - (token.group() == "}") <= fields and not quoted and value is None:
                return []  # (one among the fields, in no value's braces or quotes: no value's)
            if backslashed:
                inside.append(token.start() - 1)
            if token.group() == "{" and depth == fields and not quoted and value is None:
                value = token.start()
            depth += 1 if token.group() == "{" else -1
        elif token.group() == ")":
            depth = -1 if fields == 0 and depth == 0 else depth
        if depth == fields - 1:
            close = token.start()
            break
        if value is not None and depth == fields and not quoted:
            held += inside  # (the value closes as BibTeX closes it)
            value, inside = None, []
    if close is None or any(mark in text[close + 1 : end] for mark in "{}="):
        return []
    return held


def _value_end_read(text: str, at: int, end: int) -> int | None:
    """Where the braced or quoted value at ``at`` ends as bibtexparser reads it (just
    after), a brace a backslash comes before not counted; None if not before ``end``."""
    depth = 0
    for token in _BRACE_OR_QUOTE.finditer(text, at, end):
        if text[token.start() - 1] == "\\" and token.start() > at:
            continue
        if token.group() == '"':
            if depth == 0 and token.start() > at and text[at] == '"':
                return token.end()
            continue
        depth += 1 if token.group() == "{" else -1
        if depth == 0 and text[at] == "{":
            return token.end()
    return None


# The fields bibtexparser splits into names (its name middlewares' ``name_fields``).
NAME_FIELDS = frozenset({"author", "editor", "translator"})


class BackslashesBack(LibraryMiddleware):
    """Puts back the backslashes `braces_counted` held, in every value, comment and
    block's text bibtexparser read: once its braces are read (values' enclosing braces
    removed), as bibtexparser does not count a brace after a backslash. ``held``: whether
    `braces_counted` held any (else there is nothing to do).

    In the fields of names (`NAME_FIELDS`) they are put back only once the names are
    split, by the instance given ``names``: bibtexparser's splitting skips a brace a
    backslash comes before too, where BibTeX (name_scan_for_and) and biber (btparse's
    bt_split_list, find_tokens) count every brace of a name, as of a value. Held, the
    name "A \\{B} C" is the words "A", "\\{B}" and "C" for all three (bibtexparser
    refused it, "unmatched closing brace"), and "\\{Simon and Schuster\\}" one name, not two."""

    def __init__(self, held: bool, names: bool = False) -> None:
        super().__init__(allow_inplace_modification=True)
        self._held = held
        self._names = names

    def transform(self, library: Library) -> Library:
        if not self._held:
            return library
        for block in library.blocks:
            # (An entry refused for a duplicate field was read: its fields too; and a
            # value that uses a @string holding one has it, though its entry does not.)
            for read in (block, getattr(block, "ignore_error_block", None)):
                if read is None:
                    continue
                if self._names:
                    for field in read.fields if isinstance(read, Entry) else ():
                        if field.key.lower() in NAME_FIELDS:
                            field.value = _names_backslashed(field.value)
                else:
                    self._put_back(read)
        return library

    @staticmethod
    def _put_back(block: Block) -> None:
        if block.raw and _HELD_BACKSLASH in block.raw:
            block._raw = backslashed(block.raw)  # (bibtexparser gives no setter)
        for field in block.fields if isinstance(block, Entry) else ():
            if field.key.lower() in NAME_FIELDS:
                continue  # (once split into names)
            if isinstance(field.value, str) and _HELD_BACKSLASH in field.value:
                field.value = backslashed(field.value)
        if isinstance(block, String) and isinstance(block.value, str):
            block.value = backslashed(block.value)
        if isinstance(block, ImplicitComment):
            block.comment = backslashed(block.comment)


def backslashed(text: str) -> str:
    """``text`` with the backslashes `braces_counted` held put back."""
    return text.replace(_HELD_BACKSLASH, "\\")


def _names_backslashed(value: object) -> object:
    """A field of names, a list of names (as written, or split into their parts) or a
    text, with the backslashes `braces_counted` held put back."""
    if isinstance(value, str):
        return backslashed(value)
    if not isinstance(value, list):
        return value
    return [
        backslashed(name) if isinstance(name, str) else replace(
            name, **{part: [backslashed(word) for word in getattr(name, part)] for part in ("first", "von", "last", "jr")}
        ) if isinstance(name, NameParts) else name
        for name in value
    ]


def names_split(value: str) -> list[str]:
    """The names of a list of names, ``value`` ("Doe, Jane and {R and D} Lab"), split as
    BibTeX splits them (bibtex.web's name_scan_for_and, as biber's btparse): at each
    "and" with white space on both sides outside braces, every brace counted, a
    backslashed one too ("\\{R and D\\} Lab" is one name). bibtexparser's
    split_multiple_persons_names does this but takes a backslash and the character after
    it as one, which BibTeX does not: it split "\\{R and D\\} Lab" at its "and", began
    the name after "and \\textbf{Lab}" at "extbf", and kept "Foo\\ and Bar" one name.
    So the backslashes are held (`_SPLIT_BACKSLASH`) while it splits, each put back in
    the names. A backslashed brace in a value whose braces do not balance, every brace
    counted (warned of by `RawValues` and read as a character, '\\{' as '{'), stays a
    character here too."""
    if _SPLIT_BACKSLASH in value or "\\" not in value:
        return split_multiple_persons_names(value)
    every_brace = balanced(value)
    held = _BACKSLASHES.sub(
        lambda m: m.group() if m.group(1) and not every_brace else _SPLIT_BACKSLASH * len(m.group()), value
    )
    return [name.replace(_SPLIT_BACKSLASH, "\\") for name in split_multiple_persons_names(held)]


# What stands for a backslash while `names_split` splits names: a private-use character
# no file has (a value that has it is split as bibtexparser splits it).
_SPLIT_BACKSLASH = "\ue00e"
# A run of backslashes, and the brace after it if any.
_BACKSLASHES = re.compile(r"\\+(?=([{}])?)")


class Columns(LibraryMiddleware):
    """Notes the column (from 1) of each block's first character in ``text``, the text
    bibtexparser read, as its ``column`` (`column_of`): bibtexparser keeps a block's line
    only, and a block's raw text starts at its "@", so a field's column counted in that
    text is too small for an entry after another on one line, or indented."""

    def __init__(self, text: str) -> None:
        super().__init__(allow_inplace_modification=True)
        self._text = text

    def transform(self, library: Library) -> Library:
        # (From where the block before ended: two blocks on one line are found each at
        # its own place, and each search runs over the little text between them. The
        # line's start too, from the last found: a file of 10,000 entries on one line
        # looked back over the whole line for each, 0.6 s.)
        at, line = 0, 0
        seen, line_start = 0, 0  # (the start of the line `seen` is on)
        for block in library.blocks:
            first = (block.raw or "").split("\n", 1)[0]
            found = self._text.find(first, at) if first else -1
            if found < 0:
                continue
            line += self._text.count("\n", at, found)
            if line != (block.start_line or 0):  # (not where bibtexparser has it: unknown)
                line -= self._text.count("\n", at, found)
                continue
            line_start = self._text.rfind("\n", seen, found) + 1 or line_start
            seen = found
            block.set_parser_metadata("column", found - line_start + 1)
            line += (block.raw or "").count("\n")
            at = found + len(block.raw or "")
        return library


def column_of(block: Block) -> int:
    """The column (from 1) where ``block`` starts on its first line (`Columns`), 1 when
    unknown."""
    return block.get_parser_metadata("column") or 1


def shifted(block: Block, line: int, col: int) -> int:
    """Column ``col`` of ``line`` (from 0, as bibtexparser counts) in ``block``'s raw
    text, counted in the file's line: on the block's first line, its raw text starts at
    its own column (`column_of`)."""
    return col + column_of(block) - 1 if line == (block.start_line or 0) else col


class RawValues(LibraryMiddleware):
    """Checks and resolves the raw values of every entry (see the module's doc).

    ``text`` is what bibtexparser read (`without_comments`' output), for locating a
    mistake inside a value; ``path`` names the file in each problem; ``written``, the file
    as written (its comments too), says where an entry's "@" went (`_headless`);
    ``held``: whether bibtexparser read `braces_counted`'s text with backslashes held (a
    file with no such brace may have the character that holds one, its own).
    """

    def __init__(
        self, text: str, path: str, problems: Problems, written: str | None = None, held: bool = False
    ) -> None:
        super().__init__(allow_inplace_modification=True)
        self._held = held
        self._text = text
        self._written_text = written
        self._path = path
        self._problems = problems

    # The lines of the text read and as written, split only for an entry a message is
    # said of: most files have none, and splitting a 10,000-entry file's 15 MB twice cost
    # every import 0.05 s.
    @cached_property
    def _lines(self) -> list[str]:
        return self._text.split("\n")

    @cached_property
    def _written(self) -> list[str]:
        return self._written_text.split("\n") if self._written_text is not None else self._lines

    def transform(self, library: Library) -> Library:
        macros: dict[str, str] = {}
        previous: Entry | None = None
        for block in library.blocks:
            if isinstance(block, String):
                # In file order, as BibTeX reads them: one may use those before it.
                line = (block.start_line or 0) + 1
                joined = self._join(f"@string{{{block.key}}}", block.value, line, macros)
                macros[block.key.lower()] = joined if joined is not None else _unenclosed(block.value)
            elif isinstance(block, Entry):
                self._entry(block, macros)
                previous = block
            elif isinstance(block, ParsingFailedBlock):
                # What follows an entry that could not be read is its own leftovers, not
                # the fields of the entry before it (reported there: 5 errors for 3). An
                # entry refused for a duplicate key or field was read: stray fields after
                # it are its own, and told so.
                read = getattr(block, "ignore_error_block", None)
                previous = read if isinstance(read, Entry) else None
            elif isinstance(block, ImplicitComment):
                # (Both are said, whichever comes first: an entry without its "@" before a
                # commented-out head hid the fields under the head, lost without a word.)
                headless = self._headless(block)
                commented_out = self._head_commented_out(block)
                if not headless and not commented_out and previous is not None:
                    self._stray(block, previous)
        return library

    def _headless(self, block: ImplicitComment) -> bool:
        """Each entry in the text between entries without the "@" before its type
        (``article{b, title = ...``), said where it is and not read, as BibTeX and biber
        read it (BibTeX's way to leave an entry out), and whether the text starts so (its
        fields are then no entry's stray ones, `_stray`). Its "@" may be at the end of a
        "%" comment before it: BibTeX, which has no comments, would read the entry;
        biber, JabRef and this import read the comment as one, and the "@" with it."""
        text = block.comment or ""
        first = None
        for found in _HEADLESS.finditer(text):
            first = first if first is not None else found.start()
            line = (block.start_line or 0) + 1 + text[: found.start()].count("\n")
            head = found.group(1)
            fix = f"{quoted(f'@{found.group(2)}{found.group(3)}{found.group(4)},')} on line {line}"
            at, comment = self._comment_before(line)
            said = (
                f"its '@' is in the '%' comment on line {at}, which biber and JabRef read as a comment"
                " (BibTeX alone would read the entry)"
                if comment.rstrip().endswith("@") else
                "it has no '@' before its type, so BibTeX and biber skip it as text between entries"
            )
            self._problems.warning(
                self._at(line, head, block), f"{quoted(head)} is no entry: {said}; not imported: write {fix} to import it"
            )
        field = _FIELD_START.search(text)
        return first is not None and (field is None or first <= field.start())

    def _head_commented_out(self, block: ImplicitComment) -> bool:
        """Each run of fields in the text between entries whose entry's head alone is
        commented out (``% @article{old,`` over ``title = {Old},``), said where it starts,
        and not read, as biber reads them (BibTeX, which has no comments, would read the
        entry); and whether the text starts so (its fields are then no entry's stray ones,
        `_stray`). Every such run is said, not the first only: one may come after an entry
        without its "@" (`_headless`), or after another."""
        text = block.comment or ""
        starts = False
        for field in _FIELD_START.finditer(text):
            line = (block.start_line or 0) + 1 + text[: field.start(1)].count("\n")
            at, comment = self._comment_before(line)
            head = ENTRY_KEY.search(comment)
            if head is None:
                continue
            starts = starts or not text[: field.start()].strip()
            self._problems.warning(
                self._at(line, field.group(1), block),
                f"{quoted(field.group(1))} and the fields after it are entry {quoted(head.group(2))}'s, whose head"
                f" {quoted(head.group())} is in the '%' comment on line {at}, which biber and JabRef read as a"
                " comment (BibTeX alone would read the entry); not imported: remove the '%' to import it,"
                " or comment out its fields too",
            )
        return starts

    def _comment_before(self, line: int) -> tuple[int, str]:
        """The line (1-based) right before ``line``, blank lines aside, and the "%"
        comment on it as written ("" for none)."""
        for number in range(line - 2, -1, -1):
            written = self._written[number] if number < len(self._written) else ""
            if not written.strip():
                continue
            read = self._lines[number] if number < len(self._lines) else ""
            removed = written[len(read):] if written.startswith(read) else ""
            return number + 1, removed if removed.startswith("%") else ""
        return 0, ""

    def _entry(self, entry: Entry, macros: dict[str, str]) -> None:
        seen: dict[str, tuple[str, int]] = {}
        kept = []
        for field in entry.fields:
            line = (field.start_line or 0) + 1
            if len(field.key.split()) > 1:
                self._spaced_name(entry, field.key, line)
                continue  # (a name of several words is none: the field after them is lost)
            name = field.key.lower()
            if name in seen and seen[name][0] != field.key:
                # (The same name in the same case is bibtexparser's error.) BibTeX and
                # biber keep the first and warn.
                first, first_line = seen[name]
                self._problems.warning(
                    self._at(line, field.key, entry),
                    f"{quoted(field.key)} is {quoted(first)} again (line {first_line}) in"
                    f" {entry_named(entry)}: the first is read; keep one",
                )
                continue
            seen.setdefault(name, (field.key, line))
            kept.append(field)
            if not isinstance(field.value, str):
                continue
            if name in READ_FIELDS and self._backslashed_brace(entry, field.key, field.value, line):
                continue  # (read as bibtexparser reads it: `_join` would take it for bare words)
            joined = self._join(field.key, field.value, line, macros, entry)
            if joined is not None:
                field.value = "{" + joined + "}"
        entry.fields = kept

    def _spaced_name(self, entry: Entry, key: str, line: int) -> None:
        """Words with no comma after them before a field (``a Survey of Things`` or ``note
        foo`` on a line of their own, then ``year = 2020``), which bibtexparser reads as
        one field named ``key``, them all and the field's name, on ``line`` (its "="'s):
        BibTeX and biber refuse the entry. Said at them, as words after a comma are
        (bibtex._words_for_a_field)."""
        words = key.split()
        before, field = " ".join(words[:-1]), words[-1]
        first = line - key.count("\n")  # (the line the words start on)
        text = "\n".join(self._lines[max(first - 1, 0) : line])
        start = text.rfind(key)
        where = (
            Location(self._path, first, start - text.rfind("\n", 0, start))
            if start >= 0 else self._at(line, field, entry)
        )
        # (A field's name of BibTeX's, then one word at most, is that field, as with a
        # comma after them: bibtex._words_for_a_field.)
        named = words[0].lower() in READ_FIELDS or (len(words) <= 3 and words[0].lower() in FIELD_NAMES)
        if len(words) > 2 and named:
            value = " ".join(words[1:-1])
            message = (
                f"field {quoted(words[0])} has no '=' before its value, and no comma after it, so the"
                f" next field, {quoted(field)}, was read as part of it and not read; write"
                f" {quoted(f'{words[0]} = {{{value}}},')}"
            )
        elif named:  # ("note" alone on its line)
            message = (
                f"field {quoted(words[0])} has no '=' nor value, and no comma after it, so the next"
                f" field, {quoted(field)}, was read as part of it and not read; write its value,"
                f" {quoted(f'{words[0]} = {{...}},')}, or delete {quoted(words[0])}"
            )
        else:
            message = (
                f"{quoted(before)} before field {quoted(field)} in {entry_named(entry)} is no field's name and"
                f" '=', which BibTeX and biber expect after a comma, so {quoted(field)} was read as part"
                " of them and not read: if these words are a field's value, write its name and '='"
                " before them, the words in braces, and a comma after them (as"
                f" {quoted(f'note = {{{before}}},')} for a note); else delete them"
            )
        self._problems.error(where, message)

    def _join(
        self, key: str, raw: str, line: int, macros: dict[str, str], entry: Entry | None = None
    ) -> str | None:
        """The text of a value made of parts joined by ``#`` (braced or quoted text,
        numbers, macros), its macros resolved; None for a single braced, quoted or
        numeric value (left to bibtexparser), and for a bare value that is none of
        these (``url = http://x.org``: kept as written, as before)."""
        # (Most values are one braced text with no brace or backslash inside: nothing to
        # join, said at once; the scan below took 0.1 s over a 10,000-entry .bib's.)
        value = raw.strip()
        if value[:1] == "{" and value[-1:] == "}" and not _PART_MARK_BRACED.search(value, 1, len(value) - 1):
            return None
        parts: list[tuple[str, str]] = []  # (kind, text): "text" or "macro"
        pos, n = 0, len(raw)
        while True:
            while pos < n and raw[pos].isspace():
                pos += 1
            end = _part_end(raw, pos)
            if end is None and raw[pos : pos + 1] == '"' and (entry is None or key.lower() in READ_FIELDS):
                # A quoted value whose braces do not pair: BibTeX and biber refuse it;
                # bibtexparser took it as written, brace and all.
                self._problems.error(
                    self._at(line + raw[:pos].count("\n"), key, entry),
                    f"the value of {quoted(key)} closes a brace it never opened (braces pair in a"
                    " quoted value too); remove it, or add its '{'"
                    if _closes_unopened(raw[pos:]) else
                    f"the value of {quoted(key)} opens a brace it does not close (braces pair in a"
                    " quoted value too); close it with '}'",
                )
                return None
            if end is None:
                return self._junk(entry, key, raw, pos, line, parts)
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
                return self._junk(entry, key, raw, pos, line, parts)
            pos += 1
        if len(parts) == 1 and parts[0][0] == "text":
            return None  # the usual value, left to bibtexparser
        texts = []
        for kind, text in parts:
            if kind == "macro":
                found = macros.get(text.lower(), MONTHS.get(text.lower()))
                if found is None:
                    # (An address written bare, "url = http://x.org", is no macro name:
                    # taken as written, as bibtexparser always did.)
                    if _PLAIN_NAME.fullmatch(text) and (entry is None or key.lower() in READ_FIELDS):
                        self._problems.warning(
                            self._at(line, text, entry),
                            f"{quoted(key)} uses {quoted(text)}, which no @string defines: its name is"
                            " taken as the value; define it, or write the value in braces",
                        )
                    found = text
                text = found
            texts.append(text)
        return "".join(texts)

    def _backslashed_brace(self, entry: Entry, key: str, raw: str, line: int) -> bool:
        """Whether a braced or quoted value holds a backslashed brace that leaves its
        braces unbalanced as BibTeX and biber count them (`_unpaired_backslashed`): said at
        it, a warning, and read as bibtexparser reads it, "\\{" the brace character."""
        at = _unpaired_backslashed(raw)
        if at is None:
            return False
        start = self._value_at(line, key, entry)
        before = raw[:at]
        where = (
            Location(self._path, start.line + before.count("\n"), at - before.rfind("\n"))
            if "\n" in before else Location(self._path, start.line, start.col + at)
        )
        brace = raw[at : at + 2]
        command = "\\textbraceleft{}" if brace == "\\{" else "\\textbraceright{}"
        read = " ".join(clean_latex(raw.strip()[1:-1]).split())
        self._problems.warning(
            where,
            f"the value of {quoted(key)} in {entry_named(entry)} holds {quoted(brace)}, which BibTeX and biber"
            " count as a brace too, so for them the braces of this value do not balance (they"
            f" read on past its end, or stop before it): read as {quoted(read)}; write a brace alone"
            f" as {quoted(command)}, or pair '\\{{' with '\\}}' in the value",
        )
        return True

    def _junk(
        self, entry: Entry | None, key: str, raw: str, pos: int, line: int, parts: list
    ) -> None:
        """Text after a value's end: a missing comma when it reads as the next field, a
        brace or quote closed too early after braced or quoted text; a bare value of
        several words in a field read, a warning; else (a bare value such as ``pages =
        1--10``, which BibTeX refuses and bibtexparser reads as written) nothing to say."""
        raw = backslashed(raw) if self._held else raw  # (quoted as written: see `braces_counted`)
        rest = raw[pos:].strip()
        at_line = line + raw[:pos].count("\n")
        where = self._at(at_line, rest.split()[0] if rest.split() else "", entry)
        field = _FIELD_START.match(raw[pos:])
        if field:
            self._problems.error(
                where,
                f"a comma is missing after the value of {quoted(key)}: the next field,"
                f" {quoted(field.group(1))}, was read as part of it",
            )
        elif raw.lstrip()[:1] in ('{', '"') and parts and (entry is None or key.lower() in READ_FIELDS):
            shown = rest.split("\n", 1)[0][:40]
            named = f" in {entry_named(entry)}" if entry is not None else ""
            self._problems.error(
                where,
                f"the value of {quoted(key)}{named} goes on after its end ({quoted(shown)}): a brace"
                " or quote closed too early, or a comma is missing",
            )
        elif entry is not None and key.lower() in READ_FIELDS and len(words := raw.split()) > 1 and not (
            key.lower() in ("year", "date") and read_year(" ".join(words), dated=key.lower() == "date").to_say()
        ):  # (a year said so is told it is written bare there too: bibtex._year)
            # (``title = Deep Learning for X``: BibTeX and biber skip the entry; here it is
            # read as bibtexparser reads it, the words as written, and said.)
            value = " ".join(words)
            # (digits are a number to BibTeX; a @string's name starts with no digit)
            read_as = "a number" if words[0].isdigit() else "a @string's name"
            self._problems.warning(
                self._value_at(line, key, entry),
                f"the value of {quoted(key)} in {entry_named(entry)} is words without braces or quotes,"
                f" which BibTeX and biber refuse (they read {quoted(words[0])} as {read_as} and"
                f" stop at the next word): read as written, {quoted(value)}; write it in braces, {{{value}}}",
            )
        return None

    def _stray(self, block: ImplicitComment, entry: Entry) -> None:
        # Text right after an entry that holds fields: the entry ended early.
        found = _FIELD_START.search(block.comment or "")
        if found is None:
            return
        line = (block.start_line or 0) + 1 + (block.comment or "")[: found.start(1)].count("\n")
        self._problems.error(
            self._at(line, found.group(1), block),
            f"{quoted(found.group(1))} is after the end of {entry_named(entry)}, so it is not read:"
            " a '}' too many ends the entry early",
        )

    def _value_at(self, line: int, key: str, block: Block | None = None) -> Location:
        """The place of the value of field ``key``, whose name is on ``line`` (1-based):
        after its "=", on that line or a later one (bibtexparser's value starts there);
        ``block``: its entry's, whose own text alone is looked at on its first line (`_from`)."""
        start = self._from(line, block)
        text = "\n".join(self._lines[line - 1 : line + 20])
        found = re.compile(rf"(?<![\w:.+-]){re.escape(key)}\s*=\s*").search(text, start)
        if found is None:
            return self._at(line, key, block)
        before = text[: found.end()]
        return Location(self._path, line + before.count("\n"), found.end() - before.rfind("\n"))

    def _at(self, line: int, word: str, block: Block | None = None) -> Location:
        """The place of ``word`` on ``line`` (1-based), at its first occurrence there (in
        ``block``'s own text, when it is the block's first line: `_from`)."""
        text = self._lines[line - 1] if 0 < line <= len(self._lines) else ""
        at = text.find(word, self._from(line, block)) if word else -1
        return Location(self._path, line, at + 1 if at >= 0 else column_of(block) if block is not None else 1)

    @staticmethod
    def _from(line: int, block: Block | None) -> int:
        """Where ``block``'s text starts on ``line`` (1-based; 0 on a later line): an entry
        after another on one line has its fields' names after that one's (column_of)."""
        return column_of(block) - 1 if block is not None and line == (block.start_line or 0) + 1 else 0


def entry_named(entry: Entry, what: str = "entry") -> str:
    """How a message names ``entry``, a ``what``: by its citation key ("entry 'k'"), or,
    having none (``@article{,``, which biber reads with an empty key), by the line its
    head is on ("the entry with no citation key at line 3"), not as "entry ''"."""
    if entry.key.strip():
        return f"{what} {quoted(entry.key)}"
    return f"the {what} with no citation key at line {(entry.start_line or 0) + 1}"


def _unpaired_backslashed(raw: str) -> int | None:
    """Where a backslashed brace ("\\{", "\\}") in a braced or quoted value that
    bibtexparser read leaves its braces unbalanced as BibTeX and biber count them: every
    brace, a backslashed one too (bibtexparser, and so this import, read "\\{" as the
    brace character, and "\\\\{" as a backslash and that character). The first "\\}"
    that closes a brace never opened, else the first "\\{" left open; None when they
    balance, or no backslashed brace unbalances them."""
    text = raw.strip()
    if len(text) < 2 or text[0] + text[-1] not in ("{}", '""') or not _BACKSLASHED_BRACE.search(text):
        return None
    offset = len(raw) - len(raw.lstrip())
    opened: list[int] = []
    for at in range(1, len(text) - 1):
        if text[at] == "{":
            opened.append(at)
        elif text[at] == "}" and opened:
            opened.pop()
        elif text[at] == "}":  # (closes the value, or the entry, early)
            closing = next((m.start() for m in _BACKSLASHED_BRACE.finditer(text, 0, at + 1) if m.group() == "\\}"), None)
            return None if closing is None else offset + closing
    if not opened:
        return None
    # (Braces left open for BibTeX, that bibtexparser closed: a "\\{" is among them, but
    # maybe not the one the stack leaves, "{{A \\{ B}}" leaving the plain "{": the first
    # "\\{" no "\\}" pairs.)
    left: list[int] = []
    for brace in _BACKSLASHED_BRACE.finditer(text, 1, len(text) - 1):
        if brace.group() == "\\{":
            left.append(brace.start())
        elif left:
            left.pop()
    return offset + left[0] if left else None


_BACKSLASHED_BRACE = re.compile(r"\\[{}]")


def _closes_unopened(text: str) -> bool:
    """Whether a "}" in ``text`` comes before any "{" it could close."""
    depth, at = 0, 0
    while at < len(text):
        if text[at] == "\\":
            at += 2
            continue
        depth += {"{": 1, "}": -1}.get(text[at], 0)
        if depth < 0:
            return True
        at += 1
    return False


_PART_MARK = re.compile(r'[\\{}"]')
# What ends a braced part, or escapes what would (a quote is text there).
_PART_MARK_BRACED = re.compile(r"[\\{}]")


def _part_end(raw: str, pos: int) -> int | None:
    """Where the value part starting at ``pos`` ends: a braced or quoted text (braces
    balanced), a number or a macro name; None when there is none there."""
    if pos >= len(raw):
        return None
    first = raw[pos]
    if first in '{"':
        # (From one brace, quote or backslash to the next: a character at a time took
        # some 0.9 s of CPU over a 10,000-entry .bib's abstracts.)
        depth, at = 0, pos
        while (found := _PART_MARK.search(raw, at)) is not None:
            at = found.start()
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
                if depth < 0:
                    return None  # a quoted value's "}" with no "{" before it: no value
            elif ch == '"' and first == '"' and depth == 0 and at > pos:
                return at + 1
            at += 1
        return None
    found = _NUMBER.match(raw, pos) or _MACRO.match(raw, pos)
    return found.end() if found else None


def value_end(raw: str, pos: int) -> int | None:
    """Where the value starting at ``pos`` ends: its parts (`_part_end`) and the ``#``
    joining them; None when a part is none of these (a value BibTeX refuses)."""
    while True:
        end = _part_end(raw, pos)
        if end is None:
            return None
        after = end
        while after < len(raw) and raw[after].isspace():
            after += 1
        if raw[after : after + 1] != "#":
            return end
        pos = after + 1
        while pos < len(raw) and raw[pos].isspace():
            pos += 1


def _unenclosed(value: object) -> str:
    text = str(value)
    if len(text) >= 2 and text[0] + text[-1] in ("{}", '""'):
        return text[1:-1]
    return text


def unclosed_values(raw: str) -> list[tuple[int, int, str]]:
    """For an entry bibtexparser could not read, what its braces say: the line offset,
    column and name of each field whose value is left open, in the entry's order, or (at
    the entry's start, with the name "") an entry whose own "}" is missing; none when its
    braces pair up. Every value left open is named at once, not one a run: a curator
    fixing the first would only meet the next.

    Braces are paired over the whole ``raw`` text. A value that never closes is one left
    open. When the entry does not close either: if the last "}" stands on a line of its
    own (where an entry ends) and closes a value, that value took the entry's brace, and
    is left open too (the last of them: the braces of those before it never close); if
    no value is left open and none took it, the entry lacks its "}". A closed value
    holding field-like text ("see x, pages = 3" in a note) is no suspect.
    """
    opening = _ENTRY_OPENS.search(raw)
    if opening is None:
        return []
    braced = opening.group(1) == "{"
    pairs: dict[int, int] = {}  # "{" -> its "}"
    stack: list[int] = [opening.start(1)] if braced else []
    quotes = 0  # at the entry's own level: a quoted value's
    for token in _BRACES.finditer(raw, opening.end()):
        if token.group() == "{":
            stack.append(token.start())
        elif token.group() == "}":
            if not stack:
                return []  # the entry closed, and more follows: no brace left open
            pairs[stack.pop()] = token.start()
        elif token.group() == '"' and len(stack) <= 1:
            quotes += 1
    fields = list(_FIELD_OPENS.finditer(raw, opening.end()))
    left_open = [field for field in fields if field.end() - 1 not in pairs]  # never closes
    if not braced or opening.start(1) in pairs:
        # "(" entries: only a value that never closes is sure; or all pair up
        return [_field_place(raw, field) for field in left_open]
    last = raw.rfind("}")
    if not raw[raw.rfind("\n", 0, last) + 1 : last].strip():
        # The last "}" stands where an entry ends, yet closes a value: that value took it.
        taken = next((f for f in fields if pairs.get(f.end() - 1) == last), None)
        if taken is not None:
            left_open.append(taken)
    if left_open or quotes % 2:  # (a quote left open, which `unclosed_quote` finds)
        return [_field_place(raw, field) for field in sorted(left_open, key=lambda f: f.start())]
    line = raw.count("\n", 0, opening.start())
    return [(line, opening.start() - (raw.rfind("\n", 0, opening.start()) + 1) + 1, "")]


def unclosed_quote(raw: str) -> tuple[int, int, str] | None:
    """For an entry bibtexparser could not read, the line offset, column and name of the
    field whose quoted value never closes (``title = "Attention,``), else None. Quotes
    count at the entry's own level only: one inside braces is a letter."""
    opening = _ENTRY_OPENS.search(raw)
    if opening is None:
        return None
    depth, opened = 0, -1  # opened: where the quoted value still open begins
    for token in _BRACES.finditer(raw, opening.end()):
        if token.group() == "{":
            depth += 1
        elif token.group() == "}":
            depth -= 1
        elif token.group() == '"' and depth == 0:
            opened = token.start() if opened < 0 else -1
    field = _QUOTED_FIELD.search(raw, 0, opened + 1) if opened >= 0 else None
    return _field_place(raw, field) if field is not None else None


def field_places(raw: str, name: str) -> list[tuple[int, int]]:
    """The line offset and column (from 1) in an entry's ``raw`` text of each field named
    ``name`` (as written, in the entry's order): each name after the citation key's comma
    or a value's, each value skipped whole (`value_end`), so that a name inside a value
    ("note = {title = x}") is none, and two fields on one line are told apart (an entry
    written on one line had its second at the entry's "@"). Only those before a value
    that cannot be read are found."""
    opening = _ENTRY_OPENS.search(raw)
    places: list[tuple[int, int]] = []
    at = raw.find(",", opening.end()) if opening is not None else -1
    while at >= 0:
        field = _FIELD_NAMED.match(raw, at + 1)
        if field is None:
            break
        if field.group(1) == name:
            places.append(_field_place(raw, field)[:2])
        end = value_end(raw, field.end())
        if end is None:
            break
        after = _COMMA_AFTER.match(raw, end)
        at = after.end() - 1 if after else -1
    return places


# A field's name and its "=", up to its value (after the key's comma or a value's).
_FIELD_NAMED = re.compile(r"\s*([A-Za-z][\w:.+-]*)\s*=\s*")
_COMMA_AFTER = re.compile(r"\s*,")


def _field_place(raw: str, field: re.Match[str]) -> tuple[int, int, str]:
    line = raw.count("\n", 0, field.start(1))
    col = field.start(1) - (raw.rfind("\n", 0, field.start(1)) + 1) + 1
    return line, col, field.group(1)


# An entry's start, "@type{" or "@type(" (group 1: which).
_ENTRY_OPENS = re.compile(r"@\s*[A-Za-z]+\s*([{(])")
# An escaped character (text), a brace or a double quote.
_BRACES = re.compile(r'\\.|[{}"]')
# A field whose value opens a brace: at an entry's start, after a comma or on its line.
_FIELD_OPENS = re.compile(r"(?:^|[,{(])\s*([A-Za-z][\w:.+-]*)\s*=\s*\{", re.MULTILINE)
# A field whose value is quoted, up to its opening quote (searched for as the text's end).
_QUOTED_FIELD = re.compile(r"(?:^|[,{(])\s*([A-Za-z][\w:.+-]*)\s*=\s*\"\Z", re.MULTILINE)
