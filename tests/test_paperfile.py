"""The importer's edits of an existing paper file (generator/paperfile.py): what it
fills is written, and every entry it did not touch keeps the curator's own text."""

from __future__ import annotations

from io import StringIO

import yaml
from hypothesis import given, settings, strategies as st

from generator.paperfile import insert_field, keep_own_entries, key_lines, round_trip_yaml, ruamel_value

spacing = st.sampled_from(["", " ", "  ", "   "])
comment = st.sampled_from(["", "  # checked", "   # by hand: keep", "#not a comment"])
words = st.lists(st.sampled_from(["alpha", "beta", "NO", "2024", "x y"]), min_size=0, max_size=3)


@st.composite
def curated_files(draw):
    """A paper file as a curator may leave it: one-line lists spaced by hand, comments at
    any column, comment lines between entries, a quoted key, no final line break."""
    lines = ["# yaml-language-server: $schema=../schema/paper.schema.json", "id: p", "title: A Title"]
    for key in ("tags", "topics", "related"):
        items = draw(words) if key == "tags" else []
        gap = draw(spacing)
        inside = ("," + gap).join(items)
        note = draw(comment)
        if note.startswith("#not"):
            note = ""
        lines.append(f"{key}: [{inside}]{note}")
        if draw(st.booleans()):
            lines.append(draw(st.sampled_from(["# a note of mine", "", "   # indented note"])))
    if draw(st.booleans()):
        lines.append("'status': to-read   # quoted key")
    lines.append("abstract: |\n  Some text.\n")
    text = "\n".join(lines)
    return text if draw(st.booleans()) else text.rstrip("\n")


@settings(max_examples=150, deadline=None)
@given(curated_files(), st.sampled_from([{"year": "2021"}, {"venue": "ICML", "doi": "10.1/x"}, {"authors": ["Ada"]}]))
def test_a_fill_keeps_every_other_line_as_written(text, fills):
    joined, dumped = _filled_and_dumped(text, fills)
    # It reads as ruamel's text does, fills included ...
    assert yaml.safe_load(joined) == yaml.safe_load(dumped)
    for name, value in fills.items():
        assert yaml.safe_load(joined)[name] in (value, int(value) if str(value).isdigit() else value)
    # ... and every line of the curator's file is still there, in order.
    kept = iter(joined.splitlines())
    assert all(any(line == other for other in kept) for line in text.splitlines())


def test_a_file_whose_entries_cannot_be_told_apart_is_left_to_ruamel():
    dumped = "id: p\ntitle: T\nyear: 2021\n"
    assert keep_own_entries("{id: p, title: T}\n", None, dumped, {"year"}) == dumped
    # An entry of the dumped text that is neither a key of the file nor of the edit.
    text = "id: p\ntitle: T\n"
    starts = key_lines(round_trip_yaml(text).load(text))
    assert keep_own_entries(text, starts, "id: p\ntitle: T\nstray: 1\nyear: 2021\n", {"year"}) == (
        "id: p\ntitle: T\nstray: 1\nyear: 2021\n"
    )


def _filled_and_dumped(text: str, fills: dict) -> tuple[str, str]:
    """``text`` with ``fills`` written in as the import writes them, and ruamel's own
    text of the same."""
    rt = round_trip_yaml(text)
    data = rt.load(text)
    starts = key_lines(data)
    for name, value in fills.items():
        insert_field(data, name, ruamel_value(name, value))
    stream = StringIO()
    rt.dump(data, stream)
    dumped = stream.getvalue()
    return keep_own_entries(text, starts, dumped, set(fills)), dumped


def _filled(text: str, fills: dict) -> str:
    return _filled_and_dumped(text, fills)[0]


def test_new_fields_go_above_the_comment_lines_that_stand_above_the_next_field():
    # The comment above topics: stood above the filled authors: and year:, which it does
    # not speak of; a comment ending the file stood above the abstract filled after it.
    text = (
        "id: p\ntitle: A Title  # checked\n# topics picked by hand, see the wiki\n# (two lines)\n"
        "topics: [x]\nnotes: |\n  # a line of the notes\n\n# the end of my file\n"
    )
    assert _filled(text, {"authors": ["Ada"], "year": "2021", "abstract": "Text."}) == (
        "id: p\ntitle: A Title  # checked\nauthors:\n  - Ada\nyear: 2021\n"
        "# topics picked by hand, see the wiki\n# (two lines)\n"
        "topics: [x]\nnotes: |\n  # a line of the notes\n\nabstract: Text.\n# the end of my file\n"
    )
    # A comment line with a blank line below it, and an indented one, stay where they were.
    text = "id: p\ntitle: A Title\n# about the title\n\n  # indented\ntopics: [x]\n"
    assert _filled(text, {"year": "2021"}) == (
        "id: p\ntitle: A Title\n# about the title\n\n  # indented\nyear: 2021\ntopics: [x]\n"
    )


def test_a_comment_that_ends_the_file_is_there_once_when_a_field_is_added_at_the_end():
    # ruamel moves it below the new abstract: with the curator's own text of related:
    # (which keeps it) the file held it twice.
    text = "id: p\ntitle: T\nrelated: []\n# my last word\n"
    assert _filled(text, {"abstract": "Some text."}) == (
        "id: p\ntitle: T\nrelated: []\nabstract: Some text.\n# my last word\n"
    )
