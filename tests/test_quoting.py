"""Curator text quoted in messages as written (generator/quoting.py)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.quoting import quoted


@pytest.mark.parametrize("text, expected", [
    ("plain", "'plain'"),
    # (repr doubled each: '$\\\\alpha$', 'C:\\\\Users' are not what the curator wrote)
    ("$\\alpha$-nets", "'$\\alpha$-nets'"),
    ("C:\\Users\\me\\lab.bib", "'C:\\Users\\me\\lab.bib'"),
    ("Smith's", '"Smith\'s"'),
    ("Smith's \"lab\"", "“Smith's \"lab\"”"),
    # What cannot be seen or acts on a terminal stays escaped, a line break and a tab as
    # pictures, where TeX's "\nabla" and "\tau" are text.
    ("a\nb\tc\rd", "'a␤b␉c␍d'"),
    ("\\nabla\n", "'\\nabla␤'"),
    ("\x1b[31mred\x07", "'\\x1b[31mred\\x07'"),
    ("no\xa0break\u200bzero\u2028", "'no\\xa0break\\u200bzero\\u2028'"),
    ("Ünïcode — 研究室", "'Ünïcode — 研究室'"),
])  # fmt: skip
def test_text_is_quoted_as_written_with_what_cannot_be_seen_escaped(text, expected):
    assert quoted(text) == expected


def test_anything_but_text_is_said_as_repr_says_it():
    assert (quoted(3), quoted(None), quoted(["a"])) == ("3", "None", "['a']")


@given(st.text())
def test_no_control_character_reaches_the_terminal(text):
    shown = quoted(text)
    assert all(ch.isprintable() for ch in shown)
    # Backslashes are the text's own, none added (but in an escape of what is not shown).
    if text.isprintable():
        assert shown[1:-1] == text
