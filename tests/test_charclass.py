"""charclass.CharClass: its quick answer is the regular expression's, in ASCII and beyond."""

from __future__ import annotations

import re

from generator.charclass import CharClass
from generator.validate import _FORBIDDEN_IN
from generator.yamlio import _REFUSED


def test_every_character_up_to_u_00ff_is_found_as_the_pattern_finds_it_in_a_text_alone_and_inside_ascii():
    for classes in (_REFUSED, _FORBIDDEN_IN, CharClass(re.compile("[a\\t]"))):
        for code in range(256):
            char = chr(code)
            expected = classes.pattern.search(char) is not None
            assert classes.found_in(char) is expected, (classes.pattern.pattern, hex(code))
            assert classes.found_in(f"plenty of room {char} here\n") is expected, hex(code)


def test_a_text_beyond_ascii_is_searched_for_the_classes_characters_of_every_kind():
    assert _REFUSED.found_in("Café\u2028") and _FORBIDDEN_IN.found_in("Café\u202e")
    assert _REFUSED.found_in("Café \x07") and _FORBIDDEN_IN.found_in("Café \x7f")
    assert not _REFUSED.found_in("Café\tau lait\n") and not _FORBIDDEN_IN.found_in("Müller")


def test_tab_and_newline_are_no_refused_character_and_an_empty_class_finds_nothing():
    assert not _REFUSED.found_in("title: a\n\tb\n")
    assert not CharClass(re.compile("[é]")).found_in("plain ascii \x00 text")
