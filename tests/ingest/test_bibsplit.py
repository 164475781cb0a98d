"""QuickSplitter splits every text as bibtexparser's own Splitter does: the same blocks,
lines, raw texts, fields and errors (hypothesis, against bibtexparser itself)."""

from __future__ import annotations

import logging
import re
from pathlib import Path
from types import SimpleNamespace

import bibtexparser
from bibtexparser import splitter as bibtexparser_splitter
from bibtexparser.splitter import Splitter
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.ingest import bibsplit
from generator.ingest.bibsplit import QuickSplitter

# Pieces that are marks or near them: braces escaped and not, quotes, commas, equals,
# line breaks (after a backslash too), block starts of each kind, "@" in a value.
_PIECES = [
    "@article{", "@comment{", "@string{", "@preamble{", "@misc(", "@book (", "@", "@x",
    "{", "}", "(", ")", '"', ",", "=", "\n", "\\", "\\{", "\\}", "\\\n", " ", "\t", "a",
    "title", "key", "LeQua @ {CLEF}", '{"}', "\n@inproceedings{", "  @article{", "\r\n",
]
_VALUE_PIECES = ["a b", ",", "=", '"', "\n", "{", "}", "\\{", "\\}", "\\\n", "@", " @x{", "\n@y{", "\n  @z(", "(", ")", "é"]


def _blocks(text: str, splitter: type[Splitter]) -> object:
    try:
        library = splitter(text).split()
    except Exception as error:  # (bibtexparser's ParserStateException: both must raise it)
        return ("raised", type(error).__name__, str(error))
    return [
        (
            type(block).__name__,
            block.start_line,
            block.raw,
            getattr(block, "key", None),
            getattr(block, "entry_type", None),
            getattr(block, "comment", None),
            getattr(block, "value", None),
            [(f.key, f.value, f.start_line) for f in getattr(block, "fields", [])],
            getattr(getattr(block, "error", None), "abort_reason", None),
            getattr(getattr(block, "error", None), "end_index", None),
            sorted(getattr(block, "duplicate_keys", ()) or ()),
        )
        for block in library.blocks
    ]


def _same(text: str) -> None:
    logging.getLogger("bibtexparser").setLevel(logging.CRITICAL)  # (each failed block warns)
    assert _blocks(text, QuickSplitter) == _blocks(text, Splitter)


@st.composite
def _entries(draw: st.DrawFn) -> str:
    """Entries mostly well formed, whose braced values hold any of the pieces."""
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        parts.append(draw(st.sampled_from(["@article{", "@misc(", "@string{", "x\n@book{", "@comment{"])))
        parts.append(draw(st.sampled_from(["k1,", "k2,\n", ",", "k3", ""])))
        for _ in range(draw(st.integers(0, 3))):
            value = "".join(draw(st.lists(st.sampled_from(_VALUE_PIECES), max_size=12)))
            opening = draw(st.sampled_from(["{", "{", '"', "", "{{"]))
            closing = {"{": "}", "{{": "}}", '"': '"', "": ""}[opening]
            if draw(st.booleans()):
                closing = draw(st.sampled_from(["", "}", "}}", '"'])) + closing
            parts.append(f"  name = {opening}{value}{closing}")
            parts.append(draw(st.sampled_from([",\n", "\n", ",", " # {x},\n", ""])))
        parts.append(draw(st.sampled_from(["}\n", ")\n", "}", "", "}}\n"])))
    return "".join(parts)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))
def test_any_pieces(text: str) -> None:
    _same(text)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_entries())
def test_entries(text: str) -> None:
    _same(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet='@{}(),="\\\n \tax', max_size=60))
def test_any_text(text: str) -> None:
    _same(text)


def test_a_usual_file_uses_the_quick_path(monkeypatch) -> None:
    """The quick path is taken (not every value handed back to the splitter's loop), and
    a value's inner marks are stepped over: its line breaks still counted."""
    text = "@article{k,\n  title = {A, b = c\n d},\n  year = {2020},\n}\n@misc{m, note = {x}}\n"
    jumps = []
    real = QuickSplitter._jump
    monkeypatch.setattr(QuickSplitter, "_jump", lambda self, start, stop: jumps.append(stop) or real(self, start, stop))
    library = bibsplit.parse_string(text, [])
    assert len(jumps) == 3  # (each braced value closed by the quick path)
    entries = library.entries
    assert [e.key for e in entries] == ["k", "m"]
    assert entries[0].fields_dict["title"].value == "{A, b = c\n d}"
    assert entries[0].fields_dict["year"].start_line == 3  # (the value's line break counted)
    assert entries[1].start_line == 5
    assert _blocks(text, QuickSplitter) == _blocks(text, Splitter)


# Fields, @string, @preamble and @comment blocks, braced or in parentheses, whose values
# nest braces and hold escaped braces, quotes, "@", "#", line ends of each kind and
# non-ASCII; the file then edited a little anywhere (a piece put in, a character taken out,
# the rest cut off: a value left open at the end).
_BENIGN = ["a", "b c", "é", "日本", ",", "=", '"', "#", "\n", "\r\n", " ", "\\{", "\\}", '\\"', "x@y.org", "LeQua @ {CLEF}", "(", ")", "%"]
_HOSTILE = ["{", "}", "\\", "\\\n", "\\\r\n", "\r", "@x", "@ ", " @x{", "\n@y{", "\n  @z(", "\n@comment{", "\n@string(", "@@x{", "\\@x{", "\n@{", "\ufeff"]


@st.composite
def _value(draw: st.DrawFn, depth: int = 0) -> str:
    out = []
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.integers(0, 19))
        if kind == 0:
            out.append(draw(st.sampled_from(_HOSTILE)))
        elif kind < 4 and depth < 3:
            out.append("{" + draw(_value(depth + 1)) + "}")
        else:
            out.append(draw(st.sampled_from(_BENIGN)))
    return "".join(out)


@st.composite
def _block(draw: st.DrawFn, line_end: str) -> str:
    kind = draw(st.sampled_from(["@article", "@Misc", "@string", "@preamble", "@comment"]))
    opening, closing = draw(st.sampled_from([("{", "}"), ("(", ")")]))
    if kind == "@string":
        body = f"s{draw(st.integers(0, 2))} = " + draw(st.sampled_from(["{%s}", '"%s"'])).replace("%s", draw(_value()))
    elif kind in ("@preamble", "@comment"):
        body = draw(st.sampled_from(["{%s}", '"%s"', "%s"])).replace("%s", draw(_value()))
    else:
        fields = []
        for i in range(draw(st.integers(0, 4))):
            parts = [
                draw(st.sampled_from(["{%s}", '"%s"', "s0", "2020"])).replace("%s", draw(_value()))
                for _ in range(draw(st.integers(1, 3)))
            ]
            fields.append(f"  f{i} = " + " # ".join(parts))
        body = f"k{draw(st.integers(0, 2))},{line_end}" + f",{line_end}".join(fields)
        body += draw(st.sampled_from(["", ",", line_end]))
    return f"{kind}{draw(st.sampled_from(['', ' ', chr(9)]))}{opening}{body}{closing}"


_SLIPS = _PIECES + _VALUE_PIECES + ["\r", "\ufeff", "\n@comment(", "\\\r\n"]


def _edited(draw: st.DrawFn, text: str) -> str:
    """``text`` edited a little anywhere (``draw``: a composite's or ``st.data()``'s)."""
    for _ in range(draw(st.integers(0, 2))):
        at = draw(st.integers(0, len(text)))
        text = draw(st.sampled_from([text[:at] + draw(st.sampled_from(_SLIPS)) + text[at:], text[:at] + text[at + 1 :], text[:at]]))
    return text


@st.composite
def _files(draw: st.DrawFn) -> str:
    line_end = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    blocks = draw(st.lists(_block(line_end), min_size=1, max_size=5))
    return _edited(draw, draw(st.sampled_from(["", "\ufeff", "% a list" + line_end])) + line_end.join(blocks) + line_end)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_files())
def test_files_of_every_kind_of_block(text: str) -> None:
    _same(text)


_DATA = Path(__file__).parents[1] / "data"
_BIBS = sorted(_DATA.glob("**/*.bib"))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(_BIBS), st.data())
def test_the_tests_bib_files_edited(path: Path, data: st.DataObject) -> None:
    assert len(_BIBS) >= 5  # (tests/data's own: a lost glob would test nothing)
    text = path.read_text(encoding="utf-8")
    _same(_edited(data.draw, data.draw(st.sampled_from([text, text.replace("\n", "\r\n")]))))


def test_quick_only_for_the_bibtexparser_it_was_checked_against() -> None:
    """A newer bibtexparser is split by its own Splitter (fits is False), however much of
    2.1.0's private names it keeps: the quick path copies that version's loop."""
    assert bibsplit.fits(bibsplit.CHECKED, bibtexparser_splitter)
    assert not bibsplit.fits("2.1.1", bibtexparser_splitter)
    assert not bibsplit.fits("2.2.0", bibtexparser_splitter)
    # The same version, a mark more ("#", say): not the splitter that was checked.
    changed = SimpleNamespace(
        _BLOCK_START=bibtexparser_splitter._BLOCK_START,
        _MARK_PATTERN=re.compile(bibtexparser_splitter._MARK_PATTERN.pattern.replace("=", "=#")),
        _PAREN_BLOCK_MARK_PATTERN=bibtexparser_splitter._PAREN_BLOCK_MARK_PATTERN,
    )
    assert not bibsplit.fits(bibsplit.CHECKED, changed)  # type: ignore[arg-type]
    assert not bibsplit.fits(bibsplit.CHECKED, SimpleNamespace())  # type: ignore[arg-type]


def test_the_installed_bibtexparser_is_the_checked_one() -> None:
    """Fails loudly when bibtexparser is upgraded (rather than the import going slow, or a
    changed splitter being copied wrongly): run this file's tests against the new Splitter,
    read the diff of its splitter.py, then raise bibsplit.CHECKED."""
    pinned = re.search(r"^bibtexparser==(\S+)$", (Path(__file__).parents[2] / "constraints.txt").read_text(), re.M)
    assert pinned is not None and pinned.group(1) == bibsplit.CHECKED
    assert bibtexparser.__version__ == bibsplit.CHECKED
    assert bibsplit._KNOWN


def test_another_bibtexparser_splits_with_its_own(monkeypatch) -> None:
    """With fits False, parse_string never reaches QuickSplitter's path."""
    def refuse(*args: object, **kwargs: object) -> int:
        raise AssertionError("QuickSplitter used")

    monkeypatch.setattr(QuickSplitter, "_move_to_comma_or_closing_delimiter", refuse)
    monkeypatch.setattr(bibsplit, "_KNOWN", False)
    library = bibsplit.parse_string("@article{k,\n  title = {A, b}\n}\n", [])
    assert [(e.key, e.fields_dict["title"].value) for e in library.entries] == [("k", "{A, b}")]
