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
