"""Curator text quoted in messages as written (generator/quoting.py)."""

from __future__ import annotations

import os
import subprocess

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.errors import Location, Problem
from generator.quoting import quoted, shell_quoted


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


@pytest.mark.parametrize("path, expected", [
    ("content/papers/a\x1b[31mb.yml", "content/papers/a\\x1b[31mb.yml:3:7: 'year' is wrong"),
    ("content/papers/new\nline.yml", "content/papers/new␤line.yml:3:7: 'year' is wrong"),
    ("content/papers/\u202eexe.yml", "content/papers/\\u202eexe.yml:3:7: 'year' is wrong"),
    ("C:\\lab\\$\\alpha$.yml", "C:\\lab\\$\\alpha$.yml:3:7: 'year' is wrong"),
])  # fmt: skip
def test_a_file_name_starting_a_message_is_shown_on_one_line_with_no_escape_reaching_the_terminal(path, expected):
    # (a paper file named with an escape character coloured the terminal as `check`
    # named it; one with a line break split "path:line:col: message" in two)
    assert str(Problem(Location(path, 3, 7), "'year' is wrong")) == expected


@pytest.mark.parametrize("name", [
    "plain.yml", "my paper.yml", "Smith's.yml",
    "a\x1b[31mb.yml", "new\nline.yml", "\u202eexe.yml", "no\xa0break 'q' \\back.yml", "caf\udce9.yml", "\U000e0041.yml",
])  # fmt: skip
def test_a_file_name_in_a_shell_command_is_one_printable_word_bash_reads_back_as_the_name(tmp_path, name):
    # (shlex.quote left the escape character as it was: printed, it acted on the terminal)
    word = shell_quoted(name)
    assert word.isprintable()
    # bash itself reads the word back: the name's very bytes (a lone surrogate as its byte).
    done = subprocess.run(["bash", "-c", f"printf %s {word}"], capture_output=True, env={"LC_ALL": "C.UTF-8"})
    assert done.stdout == os.fsencode(name)
