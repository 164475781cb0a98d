"""Safe YAML reading that keeps every value's location (atomic writes: atomicfile.py).

Curation files are read into a small located tree (`Scalar`, `Seq`, `Map`) instead of
plain Python objects, for three reasons:

* every scalar stays the exact string the curator typed: PyYAML's YAML 1.1 resolver
  would turn ``arxiv: 2101.00010`` into a float (losing the trailing zero), ``NO``
  into ``False`` and ``0123`` into an octal number. Only the schema decides types;
* duplicate keys are errors (PyYAML silently keeps the last one);
* every node carries its line and column, so a problem found later, during
  validation, still points at ``path:line:col``.

Only libyaml's parser and composer run (PyYAML's pure-Python ones when libyaml is
missing), never a constructor, so no tag can instantiate anything; aliases are
refused, which also defuses alias bombs.
"""

from __future__ import annotations

import bisect
import codecs
import collections
import io
import itertools
import re
import unicodedata
from pathlib import Path
from typing import Iterator, Sequence, Union

import yaml

from . import lazyre
from .charclass import CharClass
from .errors import Location, Problem, Problems
from .mergemarkers import conflict_lines, report_conflicts
from .quoting import quoted

_STD = "tag:yaml.org,2002:"
_ScalarNode, _SequenceNode = yaml.ScalarNode, yaml.SequenceNode
_IMPLICIT_TAGS = {
    yaml.ScalarNode: _STD + "str",
    yaml.SequenceNode: _STD + "seq",
    yaml.MappingNode: _STD + "map",
}

try:  # libyaml's parser and composer are an order of magnitude faster; same result.
    from yaml._yaml import CParser as _Parser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml.composer import Composer
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, Parser, Composer):  # type: ignore[no-redef]
        def __init__(self, stream: str):
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)
            Composer.__init__(self)


class _Loader(_Parser):  # type: ignore[misc,valid-type]
    """Composes without resolving: every untagged scalar is the string typed.

    The YAML 1.1 resolver (regular expressions run on every scalar) is most of what
    composing costs in Python, and its guesses are exactly what we refuse to make;
    explicit tags are still reported by the composer and checked below. No
    constructor is part of this class, so nothing can be instantiated from a tag.
    """

    def resolve(self, kind: type, value: object, implicit: object) -> str:
        return _IMPLICIT_TAGS[kind]

    def descend_resolver(self, current_node: object, current_index: object) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass


# Tags a curator may write explicitly; the value is still read as the typed string.
# Anything else (``!!python/object``, ``!custom``) is refused.
_ALLOWED_TAGS = frozenset(
    _STD + name
    for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq", "binary", "merge")
)
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_QUOTED_STYLES = frozenset("'\"|>")

# Characters YAML refuses (C0/C1 controls other than tab and newline, DEL, surrogates,
# U+FFFE/U+FFFF) and the ones libyaml silently counts as line breaks (U+0085, U+2028,
# U+2029), which would shift every line number after them. They are reported where they
# stand and replaced by U+FFFD for the parse, so the rest of the file is still checked.
_REFUSED_CHARS = lazyre.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]"
)
_REFUSED = CharClass(_REFUSED_CHARS)  # (asked of every file's text)
# Unicode gives control characters no name, only aliases; these are the ones met in
# pasted text.
_CONTROL_NAMES = {
    0x00: "NULL",
    0x07: "BELL",
    0x08: "BACKSPACE",
    0x09: "CHARACTER TABULATION",
    0x0A: "LINE FEED",
    0x0B: "LINE TABULATION",
    0x0C: "FORM FEED",
    0x0D: "CARRIAGE RETURN",
    0x1B: "ESCAPE",
    0x7F: "DELETE",
    0x85: "NEXT LINE",
}


def char_name(char: str) -> str:
    """``U+202E RIGHT-TO-LEFT OVERRIDE``: a character as a curator can look it up."""
    code = ord(char)
    name = _CONTROL_NAMES.get(code) or unicodedata.name(char, "")
    return f"U+{code:04X} {name}" if name else f"U+{code:04X}"


class _Placed:
    """Where a node starts in its file, as every kind of node keeps it.

    Nodes are built by the hundred thousand when a large list is checked, so they are
    slotted and build their `Location` only when asked; treat them as read-only. (Each
    kind sets ``path``, ``line`` and ``col`` in its own ``__init__``: a call up to this
    class's would cost one more call per node.)
    """

    __slots__ = ("path", "line", "col")
    path: str
    line: int
    col: int

    @property
    def loc(self) -> Location:
        return Location(self.path, self.line, self.col)


class Scalar(_Placed):
    """A scalar as typed. ``text`` is None for an empty or null plain scalar."""

    __slots__ = ("text", "quoted")

    def __init__(self, text: str | None, path: str, line: int, col: int, quoted: bool = False):
        self.text = text
        self.quoted = quoted
        self.path = path
        self.line = line
        self.col = col

    @property
    def kind(self) -> str:
        return "null" if self.text is None else "string"

    def __reduce__(self) -> tuple:
        # Pickled as a call with its fields (the build's cache keeps the id and title
        # nodes of every paper file): pickle's own way for a slotted object takes twice
        # as long, to store and to read back.
        return type(self), (self.text, self.path, self.line, self.col, self.quoted)

    def __repr__(self) -> str:
        return f"Scalar({self.text!r} at {self.loc})"


class Refused(Scalar):
    """What stands for a node the reader refused (an alias, a tag): its problem is
    reported already, so a check of its value says nothing more."""

    __slots__ = ()


class Seq(_Placed):
    """A sequence; ``flow`` when written in brackets ("[a, b]"), where an item is written
    otherwise than on a line of its own ("{url: ...}", not "- url: ...")."""

    __slots__ = ("items", "flow")
    kind = "list"

    def __init__(self, items: tuple["Node", ...], path: str, line: int, col: int, flow: bool = False):
        self.items = items
        self.path = path
        self.line = line
        self.col = col
        self.flow = flow

    def __repr__(self) -> str:
        return f"Seq({len(self.items)} items at {self.loc})"

    def __reduce__(self) -> tuple:
        return Seq, (self.items, self.path, self.line, self.col, self.flow)  # (see Scalar's)


class Map(_Placed):
    """A mapping whose keys are strings; ``entries`` keeps the file's order."""

    __slots__ = ("entries",)
    kind = "mapping"

    def __init__(self, entries: tuple[tuple[Scalar, "Node"], ...], path: str, line: int, col: int):
        self.entries = entries
        self.path = path
        self.line = line
        self.col = col

    def __reduce__(self) -> tuple:
        return Map, (self.entries, self.path, self.line, self.col)  # (see Scalar's)

    def get(self, key: str) -> "Node | None":
        for k, v in self.entries:
            if k.text == key:
                return v
        return None

    def key_node(self, key: str) -> Scalar | None:
        for k, _ in self.entries:
            if k.text == key:
                return k
        return None

    def keys(self) -> list[str]:
        return [k.text or "" for k, _ in self.entries]

    def __iter__(self) -> Iterator[tuple[Scalar, "Node"]]:
        return iter(self.entries)

    def __repr__(self) -> str:
        return f"Map({self.keys()} at {self.loc})"


Node = Union[Scalar, Seq, Map]


def _loc(path: str, mark: yaml.Mark | None) -> Location:
    if mark is None:
        return Location(path)
    return Location(path, mark.line + 1, mark.column + 1)


def read_text(path: Path) -> str:
    """Read a UTF-8 text file, dropping a byte-order mark and normalising CRLF.

    Raises UnicodeDecodeError for a file that is not UTF-8.
    """
    data = path.read_bytes()
    text = data.decode("utf-8-sig")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def not_utf8(data: bytes) -> tuple[int, int, str] | None:
    """Where ``data`` (a byte-order mark aside, which editors do not show) stops being
    UTF-8, as a line, a column and the message; None when it is UTF-8. A file of
    Windows' or Latin-1's letters (what an editor or a BibTeX manager on Windows may
    save) is said to be one, and a UTF-16 file (Notepad's "Unicode") so too: the
    curator then knows what to convert it from."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return 1, 1, "the file is UTF-16 (its first bytes say so); save it as UTF-8"
    data = data.removeprefix(codecs.BOM_UTF8)
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        line_start = data.rfind(b"\n", 0, error.start) + 1
        line = data.count(b"\n", 0, error.start) + 1
        col = len(data[line_start : error.start].decode("utf-8", "replace")) + 1
        byte = data[error.start]
        fix = "save it as UTF-8"
        # (Not a UTF-8 file with one bad byte pasted in: no letter beyond ASCII of it is
        # UTF-8, and all read as Windows' letters.)
        if not any(ord(c) > 127 and c != "\ufffd" for c in data.decode("utf-8", "replace")):
            try:
                data.decode("cp1252")
                fix = "it reads as Windows-1252 or Latin-1: save it as UTF-8"
            except UnicodeDecodeError:
                pass
        return line, col, f"the file is not UTF-8 (invalid byte 0x{byte:02x}); {fix}"
    return None


def position(text: str, index: int) -> tuple[int, int]:
    """The 1-based (line, column) of character ``index`` in ``text``."""
    line_start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - line_start + 1


def parse(text: str, path: str, problems: Problems) -> Node | None:
    """Parse one YAML document into a located tree; problems go to ``problems``.

    Returns None when the document is empty or cannot be parsed at all.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    if report_conflicts(text, path, problems):
        return None  # (what YAML makes of the markers would send the curator astray)
    if _REFUSED.found_in(text):
        for match in _REFUSED_CHARS.finditer(text):
            line, col = position(text, match.start())
            problems.error(
                Location(path, line, col),
                f"{char_name(match.group())} is a control character a curation file may not"
                " contain; remove it",
            )
        text = _REFUSED_CHARS.sub("\ufffd", text)
    return _compose(text, None, path, problems)


def _compose(
    source: str | io.StringIO | _Stream, lines: list[str] | None, path: str, problems: Problems, tabs: bool = True
) -> Node | None:
    """`parse` of ``source`` (a text, or its ``lines`` read as far as the reader gets),
    once its first bytes and characters are checked. ``tabs``: a tab error names the
    tab lines after it (parse_past_syntax_errors names them all afterwards). An error
    is said at its line of ``lines`` (a `_Stream` leaves lines out); ``lines`` None: a
    text's own, split only for an error (most files have none)."""
    moved = source.moved if isinstance(source, _Stream) else lambda line: line
    loader = _Loader(source)
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        if lines is None:
            assert isinstance(source, str)
            lines = source.split("\n")
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        if exc.context and problem.startswith("but "):  # "expected ... but found ..."
            problem = f"{exc.context} {problem}"
        if exc.context == "while scanning a quoted scalar" and exc.context_mark is not None and (
            "end of stream" in problem
        ):
            # A quote never closed runs to the end of the file; the place to fix is the
            # quote that opens it, not the file's last line.
            mark = exc.context_mark
            problem = NEVER_CLOSED
        where = _loc(path, mark)
        if where.line:
            where = Location(path, moved(where.line), where.col)
        context_at = None
        if exc.context_mark is not None and mark is not exc.context_mark:
            context_at = (moved(exc.context_mark.line + 1), exc.context_mark.column + 1)
        line, col, problem = explain_syntax_error(
            "", where.line, where.col, problem, exc.context or "", context_at, lines
        )
        if problem == _TAB and tabs:
            problem += _also_tabs([n for n in _tab_lines(lines) if n > line])
        if line > len(lines):
            # The end of a file whose last line has no line break is reported on the line
            # after it, which no editor shows: point just after the last character.
            line, col = len(lines), len(lines[-1]) + 1
        problems.error(Location(path, line, col), f"YAML syntax error: {problem}")
        return None
    except yaml.YAMLError as exc:  # pragma: no cover - the reader errors are caught above
        problems.error(Location(path), f"YAML syntax error: {exc}")
        return None
    finally:
        loader.dispose()
    if root is None:
        return None
    try:
        text = source if isinstance(source, str) else "\n".join(lines or ())
        return _Converter(path, problems, text).convert(root)
    except RecursionError:
        problems.error(_loc(path, root.start_mark), "the YAML document is nested too deeply")
        return None


SYNTAX_ERROR = "YAML syntax error"
NEVER_CLOSED = (
    "this quote is never closed (the value runs to the end of the file); close it at the value's end"
)


def top_level_spans(lines: Sequence[str]) -> list[tuple[int, int]]:
    """The lines (as parse_past_syntax_errors takes them) of each part of a mapping
    file: each line at the start of a line but a comment starts one, a key with its
    value, or a line that is none ("year 2023", which a syntax error names)."""
    starts = [at for at, line in enumerate(lines) if line[:1].strip() and line[0] != "#"]
    return list(zip(starts, starts[1:] + [len(lines)]))


def parse_past_syntax_errors(
    text: str, path: str, problems: Problems, spans: Sequence[tuple[int, int]], said: set[Problem]
) -> tuple[Node | None, list[tuple[int, int]]]:
    """``text`` parsed without the spans of lines (from, to: 0-based, the end excluded)
    that hold a YAML syntax error, and those spans; (None, []) when an error lies in no
    span, or the text without them is no document. (A second document's '---' at the
    start of a line is a part of its own: without it, that document's lines are read
    with the first's, a key given in both said to be given twice.)

    The parts of a file a caller gives (each field of a paper file, each topic of
    topics.yml) are read by YAML apart from one another, so a mistake inside one need not
    hide what is wrong in the others: blank lines stand for its lines, and the others
    keep their line numbers. Each part's syntax error is reported, and what the reader
    says of the rest; but not what ``said`` holds (said as the whole file was read: its
    first syntax error, a character refused)."""
    lines = text.split("\n")
    # (parse takes one BOM off the file's start: a second is a character of its line)
    bom = "\ufeff" if lines[0].startswith("\ufeff") else ""
    lines[0] = lines[0][len(bom):]  # (as parse reads it)
    # After the first reading, parse's own, the reader is given the text without what
    # parse checks before reading (a BOM, merge conflicts, characters refused; a text
    # with the last two is read as parse reads it), nor the tab lines an error names:
    # those are named below. It reads a stream only as far as the next error, and the
    # text is split once: each reading splitting, searching and listing the tab lines
    # of the whole file made 1,000 tab errors in topics.yml take 3 s, 4,000 took 40 s.
    plain = not (conflict_lines(text) or _REFUSED.found_in(text))
    ordered = all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    starts = [start for start, _ in spans] if ordered else None
    read = _read_skipping(lines, path, spans, starts, bom) if plain and starts is not None else None
    if read is None:
        read = _read_from_the_top(lines, path, spans, starts, plain, bom)
    tree, found, errors, blanked, ran_on = read
    # (The first of these was said as the whole file was read: a quote never closed shows
    # that it was no mistake of its own line. `_read_from_the_top`)
    if ran_on:
        problems.items[:] = [p for p in problems.items if p not in ran_on]
        said.difference_update(ran_on)
    for syntax in errors:
        if syntax not in said:
            problems.items.append(syntax)
            said.add(syntax)
    _name_every_tab(text.split("\n"), path, problems, spans, blanked if tree is not None else None)
    if tree is None:
        return None, []
    problems.items.extend(p for p in found.items if p not in said)
    return tree, blanked


# (the tree, what its reading said, the syntax errors, the parts left out, and the errors
# said wrongly: `_read_from_the_top`)
_Read = tuple[Node | None, Problems, list[Problem], list[tuple[int, int]], set[Problem]]


def _read_from_the_top(
    lines: list[str], path: str, spans: Sequence[tuple[int, int]], starts: list[int] | None, plain: bool, bom: str
) -> _Read:
    """parse_past_syntax_errors' readings, each from the top of the text: the tree of
    the last (None when an error lies in no part, or in one left out), what it said,
    the syntax errors met in order, the parts left out, and the errors met that a quote
    never closed before them made (said wrongly).

    A quote opened and never closed runs on to the next quote, in a later part (an
    imported file quotes its volume, pages and DOI): the reader says "text after the
    closing quote" there, and the part is left out; the quote then runs to the next, and
    so on, until none is left and the reader says that the quote is never closed. Each
    of those parts was right: once the quote's part is found, they are read again with
    the quote's left out instead."""
    original = list(lines)
    lines = list(lines)
    blanked: list[tuple[int, int]] = []
    left_out: set[tuple[int, int]] = set()  # (blanked, to look up)
    errors: list[Problem] = []
    ran_on: set[Problem] = set()
    quotes: set[tuple[int, int]] = set()  # (the parts read again for their quote, once each)
    while True:
        found = Problems()
        if blanked and plain:
            tree = _compose(io.StringIO("\n".join(lines)), lines, path, found, tabs=False)
        else:
            tree = parse(bom + "\n".join(lines), path, found)
        syntax = next((p for p in found.items if p.message.startswith(SYNTAX_ERROR)), None)
        if syntax is None:
            return tree, found, errors, blanked, ran_on
        span = _span_at(spans, starts, syntax.location.line - 1)
        if span is None or span in left_out:
            return None, found, errors, blanked, ran_on
        if syntax.message.endswith(NEVER_CLOSED) and span not in quotes and any(
            other[0] > span[0] for other in blanked
        ):
            quotes.add(span)
            ran_on.update(error for other, error in zip(blanked, errors) if other[0] > span[0])
            kept = [(other, error) for other, error in zip(blanked, errors) if other[0] < span[0]]
            blanked, errors = [other for other, _ in kept], [error for _, error in kept]
            left_out = set(blanked)
            lines = list(original)
            for start, end in blanked:
                lines[start:end] = [""] * (end - start)
        blanked.append(span)
        left_out.add(span)
        lines[span[0] : span[1]] = [""] * (span[1] - span[0])
        errors.append(syntax)


def _read_skipping(
    lines: list[str], path: str, spans: Sequence[tuple[int, int]], starts: list[int], bom: str
) -> _Read | None:
    """`_read_from_the_top`'s readings, each after the first read from the part left out
    last rather than from the top: the parts between the first part read and it, read
    already by the reading before, are left out. From the top, a file
    whose readable parts alternate with broken ones was read again for each error, its
    time growing with the square of them (1,000: 2 s; 4,000: 20 s). None when that
    could have read otherwise than from the top (`_skips_are_neutral`), or a part was
    met out of order: the caller then reads from the top, so what is said stays the same."""
    lines = list(lines)
    blanked: list[tuple[int, int]] = []
    left_out: set[tuple[int, int]] = set()
    errors: list[Problem] = []
    # (the first line skipped, the first read, its column, whether it is a list's item)
    skips: list[tuple[int, int, int, bool]] = []
    first = 0  # (the first part not left out)
    while True:
        found = Problems()
        if not blanked:
            tree = parse(bom + "\n".join(lines), path, found)
        else:
            resume = blanked[-1][0]
            while first < len(spans) and spans[first] in left_out:
                first += 1
            kept = min(spans[first][1] if first < len(spans) else resume, resume)
            if kept < resume:
                skips.append((kept, resume, *_next_read(lines, resume)))
            tree = _compose(_Stream(lines, kept, resume), lines, path, found, tabs=False)
            if tree is not None and kept < resume:
                found = Problems()  # (that tree lacks the parts skipped: read them all)
                tree = _compose(io.StringIO("\n".join(lines)), lines, path, found, tabs=False)
                if tree is None:
                    return None
        syntax = next((p for p in found.items if p.message.startswith(SYNTAX_ERROR)), None)
        if syntax is None:
            return (tree, found, errors, blanked, set()) if _skips_are_neutral("\n".join(lines), skips) else None
        at = syntax.location.line - 1
        span = _span_at(spans, starts, at)
        if span is None or span in left_out or (blanked and at < blanked[-1][0]):
            return None
        blanked.append(span)
        left_out.add(span)
        lines[span[0] : span[1]] = [""] * (span[1] - span[0])
        errors.append(syntax)


class _Stream:
    """The text of ``lines`` as a stream the reader reads as far as it gets, without the
    lines from ``kept`` to ``resume`` (read as if blank: `moved` gives a line read its
    number in ``lines``). Given even as blank lines, they made each reading as long
    as the file."""

    def __init__(self, lines: list[str], kept: int, resume: int):
        self._kept, self._gap = kept, resume - kept
        head = "\n".join(lines[:kept])
        rest = ("\n" + lines[at] if at else lines[at] for at in range(resume, len(lines)))
        self._pieces = itertools.chain([head], rest)
        self._left = ""

    def moved(self, line: int) -> int:
        """The (1-based) number in the file of the stream's line ``line``."""
        return line + self._gap if line > self._kept else line

    def read(self, size: int = -1) -> str:
        """The next line, or its next ``size`` characters: the reader asks for more than
        it reads before an error (a line at a time, reading stops there)."""
        if not self._left:
            self._left = "".join(self._pieces) if size < 0 else next(self._pieces, "")
            while size >= 0 and self._left == "" and (piece := next(self._pieces, None)) is not None:
                self._left = piece
        if size < 0:
            size = len(self._left)
        out, self._left = self._left[:size], self._left[size:]
        return out


def _next_read(lines: list[str], start: int) -> tuple[int, bool]:
    """The column the first line from ``start`` on that the reader reads a token of starts
    at (a blank line or a comment it passes over), -1 at the end of the text; and
    whether that line is a list's item ("- a")."""
    for at in range(start, len(lines)):
        text = lines[at].lstrip(" ")
        if text.strip() and not text.startswith("#"):
            return len(lines[at]) - len(text), text.rstrip() == "-" or text.startswith("- ")
    return -1, False


def _skips_are_neutral(text: str, skips: list[tuple[int, int, int, bool]]) -> bool:
    """Whether each stretch of lines a reading skipped (from, to, the column of what it
    read next and whether it is an item) left the reader as it found it, in ``text`` as
    read at last (the same
    as each reading's before the part it resumed at): at both ends, the same block
    collections open that the next line does not close, each mapping between a key and
    its value alike, nothing else open (a scalar may only run on over blank lines), no
    value left empty just before that the line read next may be, no anchor or alias met
    (a skipped anchor would leave an alias undefined), one document."""
    if not skips:
        return True
    points = sorted({point for kept, resume, _, _ in skips for point in (kept, resume)})
    states: dict[int, tuple | None] = {}
    open_: list[list] = []  # [start line, column, mapping?, flow?, children begun]
    blank = [not line.strip() for line in text.split("\n")] + [False]
    loader = _Loader(text)
    documents = 0
    pending = collections.deque(points)
    # The collection (column, mapping?) whose value the last event read left empty ("k:"
    # with nothing after it), if it did: the line read next may be that value ("- a" at
    # the key's column is its list, a deeper line its text), read after the one point
    # and not the other.
    empty: list[tuple[int, bool] | None] = [None]
    emptied: dict[int, tuple[int, bool] | None] = {}

    def settle(before: tuple[int, int]) -> None:
        while pending and (pending[0], 0) <= before:
            emptied[pending[0]] = empty[0]
            states[pending.popleft()] = tuple(
                (line, col, mapping, flow, begun % 2 if mapping else 0) for line, col, mapping, flow, begun in open_
            )

    try:
        while loader.check_event():
            event = loader.get_event()
            start = (event.start_mark.line, event.start_mark.column)
            end = (event.end_mark.line, event.end_mark.column)
            settle(start)
            empty[0] = (
                (open_[-1][1], open_[-1][2])
                if open_ and isinstance(event, yaml.ScalarEvent) and event.start_mark.index == event.end_mark.index
                else None
            )
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                return False
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    return False
            if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                open_.pop()
                continue
            if isinstance(event, (yaml.ScalarEvent, yaml.AliasEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                if open_:
                    open_[-1][4] += 1
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                open_.append([start[0], start[1], isinstance(event, yaml.MappingStartEvent), event.flow_style, 0])
            elif isinstance(event, yaml.ScalarEvent):
                # (One that runs past a point: only over lines left blank, to the start
                # of a line, as a block of text takes in the blank lines after it.)
                for point in pending:  # (sorted, each after the scalar's start)
                    if (point, 0) >= end:
                        break
                    if not (end[1] == 0 and all(blank[point : end[0]])):
                        return False
    except yaml.YAMLError:
        return False
    finally:
        loader.dispose()
    settle((len(blank) + 1, 0))
    for kept, resume, column, item in skips:
        here, there = states.get(kept), states.get(resume)
        if here is None or there is None:
            return False
        for left in (emptied.get(kept), emptied.get(resume)):
            if left is not None and (column > left[0] or (column == left[0] and left[1] and item)):
                return False
        if any(flow for _, _, _, flow, _ in here + there):
            return False
        # (What the next token closes: block collections deeper than its column.)
        if tuple(s for s in here if s[1] <= column) != tuple(s for s in there if s[1] <= column):
            return False
    return True


def _span_at(spans: Sequence[tuple[int, int]], starts: list[int] | None, at: int) -> tuple[int, int] | None:
    """The first of ``spans`` that holds line ``at``; ``starts``: where each starts, when
    they follow one another without overlapping (as every caller's do), else None."""
    if starts is None:
        return next((span for span in spans if span[0] <= at < span[1]), None)
    found = bisect.bisect_right(starts, at) - 1
    return spans[found] if found >= 0 and at < spans[found][1] else None


def _tab_lines(lines: Sequence[str]) -> list[int]:
    """The (1-based) lines a tab starts."""
    return [number for number, line in enumerate(lines, 1) if line.startswith("\t")]


def _name_every_tab(
    lines: list[str], path: str, problems: Problems, spans: Sequence[tuple[int, int]],
    unread: Sequence[tuple[int, int]] | None,
) -> None:
    """Each tab error of the file (``path``'s in ``problems``) names the other lines a tab
    starts of its own part (``spans``), said at once: an editor that indents with tabs
    put them on many lines, and the reader stops at the first (each run named one more).
    A line that no tab error of its part is before, of a part with another syntax error,
    or past where the file could be read part by part, is named by the file's first tab
    error: it is said nowhere else. Not a line of a part read (``unread``: the parts
    left unread; None when the file could not be read past an error, when the lines
    before its first syntax error were read), which YAML read as text (in quotes, or a
    list in brackets); nor one said twice (one part's tab error named the lines of the
    next parts too)."""
    prefix = f"{SYNTAX_ERROR}: {_TAB}"
    start = len(problems.items)  # (the file's are the last said: not every file's, each time)
    while start and problems.items[start - 1].location.path == path:
        start -= 1
    mine = [(problems.items[at].location.line, at) for at in range(start, len(problems.items))]
    tabs = sorted((line, at) for line, at in mine if problems.items[at].message.startswith(prefix))
    if not tabs:
        return
    first = min(line for line, at in mine if problems.items[at].message.startswith(SYNTAX_ERROR))
    named: dict[int, list[int]] = {line: [] for line, _ in tabs}
    for number in _tab_lines(lines):
        if number in named or (
            number < first if unread is None else not any(a < number <= b for a, b in unread)
        ):
            continue
        part = next(((a, b) for a, b in spans if a < number <= b), None)
        own = [line for line, _ in tabs if part is not None and part[0] < line < number <= part[1]]
        named[own[-1] if own else tabs[0][0]].append(number)
    for line, at in tabs:
        problem = problems.items[at]
        problems.items[at] = Problem(problem.location, prefix + _also_tabs(named[line]), problem.severity)


def _on_key_line(line: str, col: int, one_text: bool = True) -> str:
    """For a list's first item written on its key's line ("authors: A", then "  - B"),
    the value starting at ``col``: what to write. ``one_text``: YAML read the value and
    the items as one text (else it refused them: a comment ended the value)."""
    key = line[_key_column(line) : col].rstrip(" ")[:-1]
    value = _cut_comment(line[col:])
    read = "so YAML reads them all as one text" if one_text else "which YAML cannot read"
    return (
        f"{quoted(value)} is written on the {quoted(key + ':')} line, and list items follow it,"
        f" {read}: if {quoted(key)} is a list, write"
        f" {quoted('- ' + value)} on a line of its own under {quoted(key + ':')}, as the items"
        " below it are"
    )


def _also_tabs(others: Sequence[int]) -> str:
    """" (lines 5 and 7 also start with a tab)", of the other lines a tab starts."""
    if not others:
        return ""
    if len(others) == 1:
        return f" (line {others[0]} also starts with a tab)"
    shown = [str(n) for n in others] if len(others) <= 10 else [*map(str, others[:9]), f"{len(others) - 9} more"]
    return f" (lines {', '.join(shown[:-1])} and {shown[-1]} also start with a tab)"


_INDENT = "check the indentation of this line and the line above"
_TAB = "a tab character: YAML indents with spaces, not tabs; replace it with spaces"
_TOO_DEEP = (
    f"this key is indented deeper than its place allows, so it reads as part of the value"
    f" above; {_INDENT}"
)
# The same shape is a key indented too deep under "title: X" and a line that continues
# an unquoted value ("abstract: Long text" then "  Note: more text"): say both.
_TOO_DEEP_OR_TEXT = (
    "this line is indented deeper than the key above, so it reads as part of that key's"
    " value: if it is a key of its own, check the indentation of this line and the line"
    " above; if it continues that value, put the whole value in double quotes"
)
_NOT_ALIGNED = f"this line is not indented like the lines around it; {_INDENT}"
_NO_KEY = (
    "this line is no 'key: value' nor an item of a list: if it is a key, end the key with a"
    " colon and a space; if it goes with the lines above, indent it as they are"
)
_COLON = "a colon followed by a space inside an unquoted value; put the value in double quotes"
# Shapes seen only when a quote ends a value on another line than its key's: the
# usual one-line slips get the value written out right (see _after_quote).
_AFTER_QUOTE = (
    "text after the closing quote of a quoted value; to keep a quote as text, write it"
    " as \\\" inside double quotes, or as two single quotes ('') inside single quotes"
)
# What YAML reads a value starting with each of these as.
_SYNTAX = {"[": "a list", "{": "a mapping", "*": "an alias", "&": "an anchor"}
_FLOW_CONTEXTS = {"while parsing a flow sequence": "]", "while parsing a flow mapping": "}"}
# A key and what follows its colon with no space between ("year:2015",
# "url:https://..."): keys start with no YAML indicator and hold no colon. Text after
# the colon starting with "/" is an address ("https://..."), not a value.
_NO_SPACE_KEY = lazyre.compile(r"([^\s:#'\"\[\]{}&*!|>%@`,?-][^:#\[\]{}]*?):([^\s/].*)")
# "key: |" (or ">", with chomping and indentation indicators, maybe a comment): the
# start of a block whose lines must be indented under the key.
_BLOCK_START = lazyre.compile(r"( *)(?:- +)*([^#]*?):[ \t]+([|>])[-+0-9]*[ \t]*(?:#.*)?")
# "key: value" with a plain value: a line a following line may continue.
_PLAIN_ENTRY = lazyre.compile(
    r"( *)(?:- +)*([^\s:#'\"\[\]{}&*!|>%@`,?-][^:#]*?):[ \t]+([^\s#'\"\[\]{}&*!|>%@`].*)"
)
_KEY_PREFIX = lazyre.compile(r"[^\s'\"\[\]{}#,&*!|>%@`-][^:]*?:(?: +|$)")
# A value longer than this is not written out again in a message.
_SHOWN = 60
# What may stand before an anchor or a tag: a line's start, white space, a flow
# indicator ("Q&A" and "Agents!" hold none).
_BEFORE_PROPERTY = frozenset(" \t\n[]{},:")
# A value no text field holds: a number, true or false, a day.
_NOT_TEXT = lazyre.compile(r"[-+]?[0-9][0-9.]*|true|false|[0-9]{4}-[0-9]{2}-[0-9]{2}", re.IGNORECASE)
# At a node's start: its anchor, maybe after a tag ("!!str &a text").
_ANCHOR_AT = lazyre.compile(r"(?:![^\s,\[\]{}]*[ \t]+)?(&[^\s,\[\]{}]+)")


def _may_hold_properties(text: str) -> bool:
    """Whether ``text`` may hold an anchor or a tag: a "&" or "!" where a node may start
    (a regular expression over the whole text would cost as much as parsing it)."""
    for sign in "&!":
        at = text.find(sign)
        while at >= 0:
            if (at == 0 or text[at - 1] in _BEFORE_PROPERTY) and (
                sign == "!" or text[at + 1 : at + 2] not in ("", " ", "\t", "\n")
            ):
                return True
            at = text.find(sign, at + 1)
    return False


def _indent_of(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _key_column(line: str) -> int:
    """Where the key of a line ("key: value", "- key: value") starts, past its dashes."""
    i = _indent_of(line)
    while line.startswith("- ", i):
        i = _indent_of(line[i + 1 :]) + i + 1
    return i


def _value_start(line: str) -> int:
    """Where the value of a line ("key: value", "- value", "- key: value") starts."""
    i = _key_column(line)
    key = _KEY_PREFIX.match(line, i)
    return key.end() if key else i


def _cut_comment(value: str) -> str:
    return value.split(" #", 1)[0].rstrip(" ")


def comment_after(line: str, start: int) -> str:
    """The comment ("# ...") on ``line`` after the one-line value that starts at
    ``start`` (0-based), "" for none: a plain value ends where " #" starts one, a quoted
    one at its closing quote (a "#" inside the quotes is text)."""
    quote = line[start : start + 1]
    if quote not in ("'", '"'):
        found = _COMMENT_START.search(line, start)
        return line[found.end() - 1 :] if found else ""
    end = start + 1
    while end < len(line):
        if quote == '"' and line[end] == "\\":
            end += 2
            continue
        if line[end] == quote:
            if quote == "'" and line[end + 1 : end + 2] == "'":
                end += 2
                continue
            break
        end += 1
    # (Past the comma or the brackets a list or a mapping in brackets closes there: a
    # list over lines, '  "Li, Wei",  # another Li, Wei', '{url: "https://x/"},  # ...'.)
    rest = line[end + 1 :].lstrip(" \t").lstrip(",]}").lstrip(" \t")
    return rest if rest.startswith("#") else ""


_COMMENT_START = lazyre.compile(r"[ \t]#")


def _double_quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _single_quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _as_written(line: str, start: int, value: str) -> str:
    """': title: "value"', the line as it should read, for a message; "" when the value
    is too long to show or is not the line's only value (an item of a "[...]" list)."""
    if len(value) > _SHOWN or _value_start(line) != start:
        return ""
    return f": {line[_indent_of(line) : start]}{value}"


def _syntax_start(line: str, start: int) -> str:
    """For a value at ``start`` that starts with YAML syntax: what to do."""
    sign = line[start]
    value = _cut_comment(line[start:])
    return (
        f"a value starting with {quoted(sign)} is read as YAML syntax ({_SYNTAX[sign]}), not text;"
        f" put the whole value in double quotes{_as_written(line, start, _double_quoted(value))}"
    )


def _after_quote(here: str, line: int, quote_col: int) -> tuple[int, int, str] | None:
    """A quoted value closed early by a quote meant as text (``"Some "quoted" paper"``,
    ``'It's'``): the quote that closed it, and the value in the other kind of quotes."""
    start = _value_start(here)
    quote = here[quote_col - 1]
    if here[start : start + 1] != quote or start >= quote_col - 1:
        return None
    value = here[start:].rstrip(" ")
    # "Some "quoted" paper" is meant in quotes; "A" B holds them as text.
    text = value[1:-1] if len(value) > 1 and value.endswith(quote) else value
    if quote == '"':
        advice, requote = (
            "this double quote ends the quoted value, and text follows it; write a double"
            " quote inside the value as \\\", or put the whole value in single quotes",
            _single_quoted,
        )
    else:
        advice, requote = (
            "this single quote ends the quoted value, and text follows it; write a single"
            " quote inside the value as two ('') or put the whole value in double quotes",
            _double_quoted,
        )
    # (" #" may be a comment or text inside the quotes: no value is written out then)
    shown = "" if " #" in value else _as_written(here, start, requote(text))
    return line, quote_col, advice + shown


def _ran_on(lines: Sequence[str], line: int, quote_col: int) -> tuple[int, int, str] | None:
    """A quote never closed on the value it opens, which runs on over the keys below it
    to a quote in their text (a topic's title quoted, then its description's "negative
    transfer"), or to the quote that opens a later field's value (an imported file's
    'pages: "41-75"': the reader stops right after that quote, so it closed a value): the
    quote that opened it. Said at the quote that closed it, as "text after the closing
    quote", the fix offered was for a line that was right; and when both are in one part
    of the file (a topic), no later reading found the quote. (A later field's quote was
    left to parse_past_syntax_errors, whose readings without that field found the quote
    only where it then ran to the end of the file: with a third quote below, as a paper
    file's 'topics: ["x"]', it was said to run to that one, and the field's line to have
    text after its closing quote; `import`, which reads a file once, said only that.)"""
    here = lines[line - 1]
    quote = here[quote_col - 1]
    if _quotes_in(here[: quote_col - 1], quote):
        return None
    for at in range(line - 2, -1, -1):
        text = lines[at]
        if not _quotes_in(text, quote):
            continue
        start = _value_start(text)
        # The quote that opened it starts the value of its line, and is that line's only
        # one; and the value ran over a key's line, which no quoted value meant to go on
        # holds (its lines go under its key).
        if text[start : start + 1] != quote or _quotes_in(text[start + 1 :], quote):
            return None
        key_indent = _key_column(text)
        swallowed = any(
            _KEY_PREFIX.match(lines[n], _key_column(lines[n])) and _key_column(lines[n]) <= key_indent
            for n in range(at + 1, line)
        )
        if not swallowed:
            return None
        return at + 1, start + 1, (
            "this quote is never closed: the value runs on over the lines below it, up to the"
            f" quote at line {line}, column {quote_col}; close it at the value's end"
        )
    return None


def _quotes_in(text: str, quote: str) -> bool:
    """Whether ``text`` holds ``quote`` other than as a quoted value writes it inside
    (\" in double quotes, '' in single ones)."""
    return quote in (text.replace('\\"', "") if quote == '"' else text.replace("''", ""))


def _no_space_key(line_text: str, line: int, start: int) -> tuple[int, int, str] | None:
    """``year:2015`` from ``start`` on: where its colon is and what to write."""
    match = _NO_SPACE_KEY.fullmatch(line_text, start)
    if match is None or match.group(1).endswith(" "):
        return None
    key, value = match.group(1), _cut_comment(match.group(2))
    shown = f"{key}: {value}" if len(value) <= _SHOWN else f"{key}: {value[:_SHOWN]}..."
    return line, match.end(1) + 1, f"a key needs a space after its colon: {quoted(shown)}"


# "year 2023", "  - url https://...", "links": a line that starts with a field's key and
# has no colon after it (see _missing_colon).
_KEY_NO_COLON = lazyre.compile(r"( *(?:- +)*)([a-z_]+)(?:[ \t]+(\S.*))?[ \t]*")


def _missing_colon(line_text: str, line: int) -> tuple[int, int, str] | None:
    """``year 2023`` meant as ``year: 2023``: where the colon goes and what to write.
    Only a field's key (schema.py) is taken for one: a line of text not indented under
    its key ("goes on here") is another slip."""
    match = _KEY_NO_COLON.fullmatch(line_text)
    if match is None or match.group(2) not in _field_keys():
        return None
    key, value = match.group(2), _cut_comment(match.group(3) or "")
    if value.startswith("#"):
        value = ""
    shown = f"{key}: {value}" if len(value) <= _SHOWN else f"{key}: {value[:_SHOWN]}..."
    return line, match.end(2) + 1, (
        f"a key needs a colon and a space after it: write {quoted(shown.rstrip(' '))}"
    )


# "message passing 2" under a topic's "keywords:": a phrase and its weight, no colon.
_KEYWORD_NO_COLON = lazyre.compile(r"( *)([^\s:#'\"\[\]{}&*!|>%@`,?-][^:#]*?)(?:[ \t]+([-+]?[0-9][0-9.]*))?[ \t]*(?:#.*)?")
_KEYWORDS_KEY = lazyre.compile(r" *keywords:[ \t]*(?:#.*)?")


def _keyword_without_colon(lines: list[str], number: int) -> tuple[int, int, str] | None:
    """Line ``number`` a topic's keyword written without its colon (``message passing 2``
    for ``message passing: 2``): where the colon goes and what to write. Only under a
    ``keywords:`` key, whose keys are phrases of any words, so no field's name tells them."""
    text = lines[number - 1] if 0 < number <= len(lines) else ""
    match = _KEYWORD_NO_COLON.fullmatch(text)
    if match is None:
        return None
    indent = len(match.group(1))
    if not indent:
        return None  # (no line is indented less: no 'keywords:' it is under; looking costs a file's length)
    owner = number - 1
    while owner > 0 and (not lines[owner - 1].strip() or _indent_of(lines[owner - 1]) >= indent):
        owner -= 1
    if owner == 0 or not _KEYWORDS_KEY.fullmatch(lines[owner - 1]):
        return None
    phrase, weight = match.group(2), match.group(3)
    if len(phrase) > _SHOWN:
        phrase = phrase[:_SHOWN] + "..."
    if weight:
        advice = f"a keyword needs a colon and a space before its weight: write '{phrase}: {weight}'"
    else:
        advice = (
            f"a keyword is written 'phrase: weight' (its weight a number): write '{phrase}: 1',"
            " or the weight you mean"
        )
    return number, match.end(2) + 1, advice


def _continues_text(lines: list[str], number: int) -> bool:
    """Whether line ``number`` goes on with the text of a key's value above it (YAML
    lets a plain value go on over lines indented under its key: "title: A Survey of
    LLMs for" then "  code generation"), so that it is no key of its own."""
    indent = _indent_of(lines[number - 1])
    for n in range(number - 1, 0, -1):
        text = lines[n - 1]
        if not text.strip() or text.lstrip(" ").startswith("#"):
            continue
        if _indent_of(text) >= indent:
            continue  # (another line of the same text)
        key, colon, value = text.strip(" ").lstrip("- ").partition(": ")
        value = _cut_comment(value).strip()
        return bool(colon and key and value) and value[0] not in "[{|>\"'&*!#"
    return False


def _field_keys() -> frozenset[str]:
    from .schema import LINK_FIELDS, PAPER_FIELDS, TOPIC_FIELDS  # (only for a syntax error)
    from .models import LINK_KINDS

    fields = PAPER_FIELDS + LINK_FIELDS + TOPIC_FIELDS
    return frozenset([field.name for field in fields] + list(LINK_KINDS) + ["topics"])


def no_space_item(line_text: str, line: int) -> tuple[int, int, str] | None:
    """``-B. Smith`` meant as a list item: where its dash is and what to write."""
    start = _indent_of(line_text)
    value = _cut_comment(line_text[start + 1 :])
    if line_text[start : start + 1] != "-" or not value or value[0] in " \t-":
        return None
    shown = f"- {value}" if len(value) <= _SHOWN else f"- {value[:_SHOWN]}..."
    return line, start + 1, f"a list item needs a space after its dash: {quoted(shown)}"


def _unfinished_key(lines: list[str], line: int, col: int) -> tuple[int, int, str] | None:
    """The line a simple key started on (``line``:``col``) has no ``key: `` in it: a
    key without a space after its colon, the text of a block that is not indented, or
    a line meant to continue the value above it."""
    here = lines[line - 1] if 0 < line <= len(lines) else ""
    if col - 1 != _value_start(here) and col - 1 != _indent_of(here):
        return None
    found = _missing_colon(here, line) or _keyword_without_colon(lines, line)
    if found is not None:
        return found
    indent = _indent_of(here)
    # The line this one belongs under: the nearest above indented no deeper.
    owner = line - 1
    while owner > 0 and (not lines[owner - 1].strip() or _indent_of(lines[owner - 1]) > indent):
        owner -= 1
    above = lines[owner - 1] if owner > 0 else ""
    if _indent_of(above) == indent and above.startswith("- ", indent):
        found = no_space_item(here, line)
        if found is not None:
            return found
    block = _BLOCK_START.fullmatch(above)
    if block and block.group(2):
        return line, indent + 1, (
            f"the lines of a '{block.group(3)}' block must be indented under their key"
            f" ('{block.group(2)}' on line {owner}); indent this line and the rest of the"
            " block"
        )
    entry = _PLAIN_ENTRY.fullmatch(above) if owner == line - 1 else None
    if entry and _indent_of(above) != indent:
        entry = None
    found = _no_space_key(here, line, col - 1)
    # Under a value it may continue, "See the paper:section 2" is more likely text than
    # a key with spaces in it; "year:2015" is a key.
    if found is not None and not (entry and " " in here[col - 1 :].partition(":")[0]):
        return found
    if entry:
        return line, indent + 1, (
            "this line is no 'key: value', nor indented under the key above: if it continues"
            f" the value of '{entry.group(2)}', indent it; if it is a key, end the key with"
            " a colon and a space"
        )
    return None


# A key whose value is the empty list: "topics: []", "  code: []  # none yet".
_EMPTY_LIST = lazyre.compile(r"( *(?:- +)?)([A-Za-z_][\w-]*): *(\[ *\]) *(?:#.*)?")


def _under_empty_list(lines: list[str], line: int) -> tuple[int, int, str] | None:
    """A list item under a key whose value is "[]", as an imported paper's file (its
    `code: []`, `topics: []`) and the topics.yml `init` leaves have them: the item is
    read as more of that key's value, which "[]" has ended; said at the "[]"."""
    if not lines[line - 1].lstrip(" ").startswith("- "):
        return None
    number = next((n for n in range(line - 1, 0, -1) if lines[n - 1].strip(" ")), 0)
    above = _EMPTY_LIST.fullmatch(lines[number - 1]) if number else None
    if above is None or _indent_of(lines[line - 1]) < len(above.group(1)):
        return None
    key = above.group(2)
    return number, above.start(3) + 1, (
        f"'{key}: []' is an empty list, so the items under it cannot be read: to list them"
        f" there, write '{key}:' alone, without '[]'"
    )


def explain_syntax_error(
    text: str,
    line: int,
    col: int,
    problem: str,
    context: str = "",
    context_at: tuple[int, int] | None = None,
    lines: list[str] | None = None,
) -> tuple[int, int, str]:
    """PyYAML's ``problem`` at ``line``:``col`` (1-based) as a curator can act on it:
    the place to look and what to do for the mistakes met most; else unchanged.
    ``context`` and ``context_at`` are what PyYAML was reading when it failed, and
    where that started (an open bracket, the start of a key). ``lines``: the text's
    lines, when the caller has them split already.

    PyYAML names the token it could not read, not the slip that led to it: a colon in
    a title reads as "mapping values are not allowed", a key indented one space too
    many as the same, one space too few as "did not find expected key". Often it stops
    only on the line after the slip: a key without a space after its colon is found
    out when the next line is no value for it, a list never closed when the next key
    comes.
    """
    if lines is None:
        lines = text.split("\n")
    here = lines[line - 1] if 0 < line <= len(lines) else ""
    char = here[col - 1 : col]
    indent = _indent_of(here)
    if char == "\t" or "tab character" in problem:
        return line, col, _TAB
    leading_tab = here.find("\t", 0, len(here) - len(here.lstrip(" \t")))
    if leading_tab >= 0:  # libyaml may stop past a tab that indents the line
        return line, leading_tab + 1, _TAB
    if problem.endswith(("but found another document", "did not find expected <document start>")):
        found = _second_document(lines, line)
        if found is not None:
            return found
    if context_at is not None:
        found = _explain_in_context(lines, line, problem, context, *context_at)
        if found is not None:
            return found
    # ("... in this context" from libyaml, "... here" from PyYAML's pure-Python reader)
    if problem.startswith("mapping values are not allowed") and char == ":":
        before = here[: col - 1].strip(" ").lstrip("- ")
        # Keys are any text without a colon: a topic's keywords are phrases ("a & b").
        if before and ":" not in before:
            # The only colon on the line ends a key: the line is indented deeper than
            # its key allows, so it reads as a continuation of the value above.
            number = next((n for n in range(line - 1, 0, -1) if lines[n - 1].strip()), 0)
            above = lines[number - 1] if number else ""
            if indent in (_indent_of(above), _value_start(above)) and not _continues_text(
                lines, number
            ):  # ("  code []", "- url x"; not a title's second line, "  code generation")
                found = _missing_colon(above, number) or _keyword_without_colon(lines, number)
                if found is not None:
                    return found
            bare = _KEY_NO_COLON.fullmatch(above)
            if bare and not bare.group(3) and _indent_of(above) < indent:
                # "topics" first in the file, its list under it: a key that has lines
                # under it and lacks its colon (after another key, PyYAML stops on it).
                found = _missing_colon(above, number)
                if found is not None:
                    return found
            if _value_start(above) == indent:
                # "id:broken" then "title: T": the first key had no space after its
                # colon, so this line continues that text.
                found = _no_space_key(above, number, _value_start(above))
                if found is not None:
                    return found
            key, colon, value = above.strip(" ").lstrip("- ").partition(": ")
            if colon and key and ":" not in key and value.strip() and value[0] not in "[{|>\"'&*!":
                return line, indent + 1, _TOO_DEEP_OR_TEXT
            return line, indent + 1, _TOO_DEEP
        return line, col, _COLON
    if problem in ("did not find expected key", "did not find expected '-' indicator"):
        if col == indent + 1:  # stopped at the start of the line: its indentation
            return (
                _under_empty_list(lines, line)
                or _outside_block(lines, line)
                or _keyword_item(lines, line)
                or _item_after_value(lines, line)
                or _under_dash(lines, line)
                or (line, col, _NOT_ALIGNED)
            )
        before = here[: col - 1].rstrip(" ")
        if before[-1:] in ("'", '"'):
            return (
                _after_quote(here, line, len(before))
                or _ran_on(lines, line, len(before))
                or (line, col, _AFTER_QUOTE)
            )
    if problem.startswith("block sequence entries are not allowed") and char == "-":
        found = _item_on_key_line(lines, line, col)
        if found is not None:
            return found
    # A value that starts with "[", "{" or "*" is read as a list, a mapping or an alias:
    # "[Re] Reproducing ...", "*BERT: a survey".
    start = _value_start(here)
    if here[start : start + 1] in ("[", "{", "*") and (
        problem in ("did not find expected key", "found undefined alias")
        or problem.startswith(("expected ',' or", "did not find expected ',' or"))
    ):
        return line, start + 1, _syntax_start(here, start)
    if problem == "found character that cannot start any token" and char:
        return line, col, f"{quoted(char)} cannot start an unquoted value; put the value in double quotes"
    return line, col, problem


def _outside_block(lines: list[str], line: int) -> tuple[int, int, str] | None:
    """A line of a block ("abstract: >-", "description: |") indented less than the
    lines above it, yet deeper than its key: YAML ends the block above it, and the line
    is no key. Said at the line, with the indentation of the block's lines; None when
    the lines above it are no such block. (Not indented at all, or as its key, the line
    is said by _unfinished_key.)"""
    indent = _indent_of(lines[line - 1])
    owner = line - 1
    while owner > 0 and (not lines[owner - 1].strip() or _indent_of(lines[owner - 1]) > indent):
        owner -= 1
    block = _BLOCK_START.fullmatch(lines[owner - 1]) if 0 < owner < line - 1 else None
    if block is None or not block.group(2) or _key_column(lines[owner - 1]) >= indent:
        return None
    # (The first line under the key sets the block's indentation, as YAML reads it.)
    deep = next(_indent_of(text) for text in lines[owner : line - 1] if text.strip())
    said = (
        f"this line is indented less than the lines above it in the '{block.group(3)}' block"
        f" of '{block.group(2)}' (line {owner}), so YAML ends the block above it and reads"
        f" this line as no key: "
    )
    key = _KEY_PREFIX.match(lines[line - 1], indent)
    if key is None:
        return line, indent + 1, f"{said}indent it as those lines are ({deep} spaces)"
    # A line that reads as a key ("  year: 2020" below "abstract: >-") may be one typed
    # with a space too many: indented into the block as told, it would be text of the
    # abstract, its field gone without a word from check. (Or text with a colon.)
    return line, indent + 1, (
        f"{said}if it continues the text, indent it as those lines are ({deep} spaces); if"
        f" {quoted(key.group().rstrip(' '))} is a key of its own, line it up with"
        f" '{block.group(2)}:' ({_key_column(lines[owner - 1])} spaces)"
    )


def _item_after_value(lines: list[str], line: int) -> tuple[int, int, str] | None:
    """A list item under a key whose line holds a value and a comment ("topics: rl  #
    main one", then "  - mtl"): the value is the list's first item written on its key's
    line, as _Converter._check_continuation says when no comment ends the value (the
    comment ends it, and PyYAML stops at the item instead). None when line ``line`` is no
    list item, or the line above holds no key with a value."""
    here = lines[line - 1]
    indent = _indent_of(here)
    if not here.startswith("- ", indent) or _KEY_PREFIX.match(here, _key_column(here)):
        return None  # (an item of keys, "- id: b", is no item of a list of texts)
    number = next(
        (n for n in range(line - 1, 0, -1)
         if lines[n - 1].strip() and not lines[n - 1].startswith("#", _indent_of(lines[n - 1]))),
        0,
    )
    above = lines[number - 1] if number else ""
    start = _value_start(above)
    # (Under its key, deeper: "- id: pasted" above "  - id: b" is a topic at the left edge.)
    if _key_column(above) >= indent or start == _key_column(above) or _BLOCK_START.fullmatch(above):
        return None
    value = _cut_comment(above[start:])
    if not value or value[0] in "[{|>&*!#":
        return None
    return number, start + 1, _on_key_line(above, start, one_text=False)


def _item_on_key_line(lines: list[str], line: int, col: int) -> tuple[int, int, str] | None:
    """A list's first item typed after its key on the key's line ("topics: - rl"), which
    YAML refuses: the line to write it on. None when no key ends right before the dash."""
    here = lines[line - 1]
    key_at = _key_column(here)
    key = _KEY_PREFIX.match(here, key_at)
    if key is None or key.end() != col - 1 or not key.group().rstrip(" ").endswith(":"):
        return None
    name = key.group().rstrip(" ")
    item = _cut_comment(here[col - 1 :])
    below = next((text for text in lines[line:] if text.strip() and not text.lstrip(" ").startswith("#")), "")
    alike = ", as the items below it are" if below.lstrip(" ").startswith("- ") and _indent_of(below) > key_at else ""
    return line, col, (
        f"a list item cannot start on its key's line: write {quoted(item)} on a line of its own"
        f" under {quoted(name)}, indented deeper than the key{alike} (if the value is text, not a"
        " list, put it in double quotes)"
    )


def _keyword_item(lines: list[str], line: int) -> tuple[int, int, str] | None:
    """A topic's keyword typed as a list item ("- message passing: 2" under "keywords:",
    as the topics themselves are), where PyYAML stops: at that item, after other
    keywords, or at the keyword after it, when it is the first. Said at its dash, with the
    keyword to write; None when line ``line`` is neither under a ``keywords:`` key."""
    indent = _indent_of(lines[line - 1])
    number = line
    if not lines[line - 1].startswith("- ", indent):
        # (the first keyword an item: PyYAML stops at the next, indented as its dash)
        number = next(
            (n for n in range(line - 1, 0, -1)
             if lines[n - 1].strip() and not lines[n - 1].startswith("#", _indent_of(lines[n - 1]))
             and _indent_of(lines[n - 1]) <= indent),
            0,
        )
        if not number or _indent_of(lines[number - 1]) != indent or not lines[number - 1].startswith("- ", indent):
            return None
    owner = next(
        (n for n in range(number - 1, 0, -1)
         if lines[n - 1].strip() and not lines[n - 1].startswith("#", _indent_of(lines[n - 1]))
         and _indent_of(lines[n - 1]) < indent),
        0,
    )
    if not owner or not _KEYWORDS_KEY.fullmatch(lines[owner - 1]):
        return None
    phrase, colon, weight = _cut_comment(lines[number - 1][indent + 2 :]).strip(" ").partition(": ")
    if len(phrase) > _SHOWN:
        phrase = phrase[:_SHOWN] + "..."
    write = f"'{phrase}: {weight.strip()}'" if colon and weight.strip() else f"'{phrase}: 1', or the weight you mean,"
    return number, indent + 1, (
        "a topic's keywords are 'phrase: weight' lines, not list items:"
        f" write {write} without the '- ', as the keywords around it are"
    )


def _under_dash(lines: list[str], line: int) -> tuple[int, int, str] | None:
    """A key indented as the dash of the list item above it ("- url: x", then "note: y"
    under the "-", where an editor leaves the cursor): the item's keys to line it up
    with; None when the line is no key, or the item above holds none."""
    here = lines[line - 1]
    indent = _indent_of(here)
    if here.startswith("- ", indent) or not _KEY_PREFIX.match(here, indent):
        return None
    for number in range(line - 1, 0, -1):
        above = lines[number - 1]
        at = _indent_of(above)
        if not above.strip() or above.startswith("#", at) or at > indent:
            continue  # (the item's other fields, and their values' lines)
        if at < indent or not above.startswith("- ", at):
            return None
        key = _KEY_PREFIX.match(above, _key_column(above))
        if key is None:
            return None
        return line, indent + 1, (
            f"this key is indented as the '-' of the list item on line {number}, so YAML reads"
            " it as neither a field of that item nor a key of its own: to give the item this"
            f" field, indent it as its {quoted(key.group().rstrip(' '))} is ({key.start()} spaces)"
        )
    return None


# A line that starts a YAML document ("---", maybe with more after a space), and one
# that ends it ("...", maybe with a comment).
_DOCUMENT_START = lazyre.compile(r"---(?:[ \t]|$)")
_DOCUMENT_END = lazyre.compile(r"\.\.\.[ \t]*(?:#.*)?")


def _second_document(lines: list[str], line: int) -> tuple[int, int, str] | None:
    """Where a second YAML document starts at line ``line``: at its '---', or at the
    '...' that ended the first (every line after it would be said otherwise); None when
    neither is there (a stray ']' at the start of a line reads as a second document)."""
    if lines[line - 1 : line] and _DOCUMENT_START.match(lines[line - 1]):
        return line, 1, (
            "'---' starts a second YAML document here, and a file holds one: remove this line, or"
            " move what follows it to a file of its own"
        )
    end = next((n for n in range(line - 1, 0, -1) if _DOCUMENT_END.fullmatch(lines[n - 1])), None)
    if end is None:
        return None
    return end, 1, "'...' ends the YAML document here, and the file goes on after it: remove this line"


def _not_closed(opener: str) -> str:
    what, closer = _SYNTAX[opener], "]" if opener == "[" else "}"
    return (
        f"{what} opened here with '{opener}' is not closed: close it with '{closer}'"
        f" (if the value is text, not {what}, put the whole value in double quotes)"
    )


def _explain_in_context(
    lines: list[str], line: int, problem: str, context: str, at_line: int, at_col: int
) -> tuple[int, int, str] | None:
    """The slips PyYAML finds out only past them, from where it started reading."""
    there = lines[at_line - 1] if 0 < at_line <= len(lines) else ""
    opener = there[at_col - 1 : at_col]
    if context == "while scanning a simple key" and problem == "could not find expected ':'":
        found = _unfinished_key(lines, at_line, at_col)
        if found is None and at_line < line and at_col == _indent_of(there) + 1:
            # Read on over lines for its colon: the place PyYAML names is another key's.
            return at_line, at_col, _NO_KEY
        return found
    closer = _FLOW_CONTEXTS.get(context)
    if (
        closer
        and opener in ("[", "{")
        and problem.startswith(("did not find expected ',' or", "expected ',' or"))
        and at_line < line
    ):
        # Only when PyYAML ran on to a line back at the level of the bracket's own (the
        # next key) or to the end: a list that goes on over lines and lacks a comma stops
        # inside the list, where its own words are right.
        # (The bracket's key is a list item's, "  - id: [x", whose other keys are at the
        # key's column, not the dash's.)
        after = lines[line - 1] if line <= len(lines) else ""
        if after.strip() and _indent_of(after) > _key_column(there):
            return None
        return at_line, at_col, _not_closed(opener)
    if (
        context == "while parsing a flow node"
        and problem == "did not find expected node content"
        and lines[line - 1 : line]
        and lines[line - 1].lstrip(" ").startswith("- ")
    ):
        # "topics: [" above the items of a block list ("  - id: x"), which no bracket
        # may hold: the bracket still open where they start is the slip.
        found = _unclosed_at_end("\n".join(lines[: line - 1]))
        if found is not None:
            opener = lines[found[0] - 1][found[1] - 1]
            return found[0], found[1], (
                f"{_SYNTAX[opener]} opened here with '{opener}' is not closed before the '- '"
                f" items below it: remove the '{opener}'"
            )
    if (
        context == "while parsing a flow node"
        and problem == "did not find expected node content"
        and not any(rest.strip() for rest in lines[line - 1 :])
    ):
        # "topics: [" or "tags: [a, b," as the file's last line: PyYAML reaches the end
        # inside the list and names that, not the bracket. Its tokens tell which bracket
        # is still open (a line "  arxiv: [1, 2]," inside "links: {" opens none).
        return _unclosed_at_end("\n".join(lines))
    if (
        context in ("while scanning an alias", "while scanning an anchor")
        and "expected alphabetic or numeric character" in problem
        and opener in ("*", "&")
    ):
        return at_line, at_col, _syntax_start(there, at_col - 1)
    return None


def _unclosed_at_end(text: str) -> tuple[int, int, str] | None:
    """The outermost "[" or "{" still open at the end of the text, if PyYAML's scanner
    reads it that far; None otherwise (PyYAML's own message is then said)."""
    opened: list[yaml.Mark] = []
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if isinstance(token, (yaml.FlowSequenceStartToken, yaml.FlowMappingStartToken)):
                opened.append(token.start_mark)
            elif isinstance(token, (yaml.FlowSequenceEndToken, yaml.FlowMappingEndToken)) and opened:
                opened.pop()
    except yaml.YAMLError:
        return None
    if not opened:
        return None
    mark = opened[0]
    return mark.line + 1, mark.column + 1, _not_closed(text[mark.index])


class _Converter:
    """Turns composed yaml nodes into the located tree, refusing aliases and odd tags."""

    def __init__(self, path: str, problems: Problems, text: str):
        self.path = path
        self.problems = problems
        # An anchor needs a ``&`` and an explicit tag a ``!`` where a node may start; most
        # files have neither, and skipping the checks halves the time a large list takes.
        self.guarded = _may_hold_properties(text)
        # compose() hands back the very same node object for every alias of an anchor,
        # so a node met twice anywhere in the document is an alias.
        self.seen: set[int] = set()
        self.text = text
        # "#" right after one space in a plain value ("Learning #1 and #2") starts a
        # comment that silently cuts the value; only files holding " #" are looked at.
        self.hashed = " #" in text
        self._lines: list[str] | None = None

    def _line(self, number: int) -> str:
        if self._lines is None:
            self._lines = self.text.split("\n")
        return self._lines[number] if number < len(self._lines) else ""

    def convert(self, node: yaml.Node, where: Scalar | tuple[int, int, int] | None = None) -> Node:
        """``where`` is the node's place in its parent (its key, or the sequence's line,
        column and the item's number), used only to locate an alias."""
        if self.guarded and not self._admit(node, where):
            mark = node.start_mark
            return Refused(None, self.path, mark.line + 1, mark.column + 1)
        if node.__class__ is _ScalarNode:
            return self._scalar(node)
        mark = node.start_mark
        line, col = mark.line + 1, mark.column + 1
        if node.__class__ is _SequenceNode:
            convert = self.convert
            if self.guarded:
                items = [convert(item, (line, col, n)) for n, item in enumerate(node.value, 1)]
            else:
                scalar = self._scalar
                items = [
                    scalar(item) if item.__class__ is _ScalarNode else convert(item)
                    for item in node.value
                ]
            return Seq(tuple(items), self.path, line, col, node.flow_style is True)
        return Map(self._entries(node), self.path, line, col)

    def _scalar(self, node: yaml.ScalarNode) -> Scalar:
        mark = node.start_mark
        text = node.value
        style = node.style
        line, col = mark.line + 1, mark.column + 1
        if not style:  # plain: None from PyYAML's composer, "" from libyaml's
            end = node.end_mark
            if end.line > mark.line:
                if self._check_continuation(mark.line, mark.column, end.line):
                    return Refused(None, self.path, line, col)  # (said: nothing more of it)
            elif self.hashed and text:
                self._check_cut(mark.line, end.column, text)
            return Scalar(None if text in _NULLS else text, self.path, line, col)
        return Scalar(text, self.path, line, col, style in _QUOTED_STYLES)

    def _check_continuation(self, first: int, col: int, last: int) -> bool:
        """A plain value that goes on over lines, one of which starts with "- ": a list
        item indented deeper than the one above, read as the rest of that item; or,
        when the value starts its line with a dash where that item starts, a first item
        without a space after its dash ("-B. Smith", then "- C. Doe"): True then, the
        value being no text at all."""
        for number in range(first + 1, last + 1):
            line = self._line(number)
            stripped = line.lstrip(" ")
            if stripped.startswith("- "):
                start = self._line(first)
                found = no_space_item(start, first + 1) if _indent_of(start) == col else None
                if found is not None and len(line) - len(stripped) == col:
                    self.problems.error(Location(self.path, found[0], found[1]), found[2])
                    return True
                right_below = all(not self._line(n).strip() for n in range(first + 1, number))
                if right_below and start[:col].rstrip(" ").endswith(":"):
                    # "authors: A. Vaswani" with the other authors as items right below
                    # (a blank line between folds into the text too): no item is above
                    # them to indent alike, and the one text is no list.
                    self.problems.error(Location(self.path, first + 1, col + 1), _on_key_line(start, col))
                    return True
                self.problems.error(
                    Location(self.path, number + 1, len(line) - len(stripped) + 1),
                    "this list item is indented differently from the one above, so it is"
                    " read as the rest of that item's text; indent both alike",
                )
                return False
        return False

    def _check_cut(self, number: int, end_col: int, text: str) -> None:
        """A plain value cut short by a comment that reads as part of it ("#1")."""
        rest = self._line(number)[end_col:]
        if rest.startswith(" #") and rest[2:3] not in ("", " "):
            self.problems.warning(
                Location(self.path, number + 1, end_col + 2),
                f"the value ends at {quoted(text)}: YAML reads ' #' as the start of a comment;"
                " put the whole value in double quotes to keep the rest",
            )

    def _admit(self, node: yaml.Node, where: Scalar | tuple[int, int, int] | None) -> bool:
        mark = node.start_mark
        line, col = mark.line + 1, mark.column + 1
        if id(node) in self.seen:
            # compose() drops the alias's own position: its marks are the anchor's.
            if isinstance(where, Scalar):
                at, what = where.loc, quoted(where.text)
            elif where:
                at, what = Location(self.path, where[0], where[1]), f"item {where[2]}"
            else:  # pragma: no cover - the root node is never met twice
                at, what = Location(self.path, line, col), "a value"
            self.problems.error(
                at,
                f"YAML aliases are not allowed: {what} repeats the anchor at line {line};"
                " write the value out",
            )
            return False
        self.seen.add(id(node))
        # A value typed as text (a plain scalar in a mapping or a list) is refused as a
        # whole: what YAML left of it is not what the curator wrote.
        text_value = where is not None and node.__class__ is _ScalarNode and not node.style
        admitted = True
        anchor = self._anchor(node)
        if anchor is not None:
            start, name = anchor
            # A value typed as text is refused as a whole (see above). Quoting is the fix
            # for a text that starts with "&"; a number, a yes or no or a day after the
            # anchor ("stars: &s 1") was typed as that value: the anchor goes.
            admitted = not text_value
            if text_value and not _NOT_TEXT.fullmatch(node.value):
                message = (
                    f"a value starting with '&' is read as YAML syntax (an anchor), not text,"
                    f" and {quoted(name)} is left out of it; put the whole value in double quotes"
                    + self._as_written(node, start)
                )
            else:
                message = (
                    f"{quoted(name)} is a YAML anchor; a curation file may not hold anchors (nor"
                    " the aliases that repeat them): remove it"
                )
            self.problems.error(Location(self.path, line, start + 1), message)
        if node.tag not in _ALLOWED_TAGS:
            message = f"YAML tag {quoted(node.tag.replace(_STD, '!!'))} is not allowed"
            if text_value and node.tag.startswith("!"):  # "!Foo bar", not "!!python/..."
                message += (
                    "; a value starting with '!' is read as a tag, not text: put the whole"
                    " value in double quotes" + self._as_written(node, mark.column)
                )
            self.problems.error(Location(self.path, line, col), message)
            return False
        return admitted

    def _anchor(self, node: yaml.Node) -> tuple[int, str] | None:
        """The column (0-based) and name of the anchor ``node`` starts with, if any.

        compose() keeps no anchor, but an anchored node starts at its anchor (or at its
        tag, the anchor after it), and "&" can start nothing else outside quotes.
        """
        mark = node.start_mark
        line = self._line(mark.line)
        if line[mark.column : mark.column + 1] not in ("&", "!"):
            return None
        if node.__class__ is yaml.MappingNode and node.value:
            first = node.value[0][0].start_mark
            if (first.line, first.column) == (mark.line, mark.column):
                return None  # "&k key: value": the anchor is the first key's
        match = _ANCHOR_AT.match(line, mark.column)
        return (match.start(1), match.group(1)) if match else None

    def _as_written(self, node: yaml.Node, start: int) -> str:
        """The line of a one-line plain ``node`` with its text, from column ``start``
        on, in double quotes: what to write, for a message ("" when it is no one-line
        value)."""
        mark, end = node.start_mark, node.end_mark
        if end.line != mark.line:
            return ""
        line = self._line(mark.line)
        return _as_written(line, start, _double_quoted(line[start : end.column]))

    def _entries(self, node: yaml.MappingNode) -> tuple[tuple[Scalar, Node], ...]:
        entries: list[tuple[Scalar, Node]] = []
        first_line: dict[str, int] = {}
        convert, scalar, guarded = self.convert, self._scalar, self.guarded
        for key_node, value_node in node.value:
            # Keys and values are nearly always scalars; calling `_scalar` directly for
            # them skips a level of calls on the path every value of a large list takes.
            if guarded or key_node.__class__ is not _ScalarNode:
                key = convert(key_node)
            else:
                key = scalar(key_node)
            if isinstance(key, Refused):
                continue  # (a tag or an alias: said once, where it was refused)
            if not isinstance(key, Scalar) or key.text is None:
                self.problems.error(
                    _loc(self.path, key_node.start_mark), "a mapping key must be a plain string"
                )
                continue
            if key.text in first_line:
                self.problems.error(
                    key.loc,
                    f"duplicate key {quoted(key.text)} (first defined at line {first_line[key.text]});"
                    " keep the one you mean and delete the other",
                )
                continue
            first_line[key.text] = key.line
            if guarded or value_node.__class__ is not _ScalarNode:
                entries.append((key, convert(value_node, key)))
            else:
                entries.append((key, scalar(value_node)))
        return tuple(entries)


def to_python(node: Node | None) -> object:
    """Plain Python (str / None / list / dict) from a located tree; scalars stay strings."""
    if node is None:
        return None
    if isinstance(node, Scalar):
        return node.text
    if isinstance(node, Seq):
        return [to_python(n) for n in node.items]
    return {k.text: to_python(v) for k, v in node.entries}
