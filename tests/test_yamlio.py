"""The located YAML reader: values as typed, places kept, dangerous YAML refused."""

from __future__ import annotations

import pytest

from generator.errors import Location, Problems
from generator.atomicfile import atomic_write, write_if_changed
from generator.yamlio import (
    Map,
    Scalar,
    Seq,
    char_name,
    comment_after,
    parse,
    position,
    read_text,
    to_python,
)


def read(text: str) -> tuple[object, list[str]]:
    problems = Problems()
    tree = parse(text, "f.yml", problems)
    return tree, [str(p) for p in problems.sorted()]


def test_every_scalar_is_the_string_typed():
    tree, problems = read(
        "arxiv: 2101.00010\nvenue: NO\nid: 0123\nyear: 0x1F\nadded: 2026-11-29\non: yes\n"
        "n: .inf\nquoted: '007'\n"
    )
    assert problems == []
    assert to_python(tree) == {
        "arxiv": "2101.00010",
        "venue": "NO",
        "id": "0123",
        "year": "0x1F",
        "added": "2026-11-29",
        "on": "yes",
        "n": ".inf",
        "quoted": "007",
    }


def test_nulls_and_empty_strings():
    tree, _ = read("a:\nb: ~\nc: null\nd: ''\ne: 'null'\nf: Null\n")
    assert to_python(tree) == {"a": None, "b": None, "c": None, "d": "", "e": "null", "f": None}
    assert isinstance(tree, Map)
    assert tree.get("d").quoted and not tree.get("a").quoted
    assert tree.get("a").kind == "null" and tree.get("d").kind == "string"


def test_nodes_know_their_place():
    tree, _ = read("title: A\nauthors:\n  - Ada\n  - Alan\nlinks: {code: []}\n")
    assert isinstance(tree, Map)
    assert tree.key_node("authors").loc == Location("f.yml", 2, 1)
    authors = tree.get("authors")
    assert isinstance(authors, Seq) and authors.kind == "list"
    assert [item.loc for item in authors.items] == [
        Location("f.yml", 3, 5),
        Location("f.yml", 4, 5),
    ]
    assert tree.get("links").loc == Location("f.yml", 5, 8)
    assert tree.keys() == ["title", "authors", "links"]
    assert [key.text for key, _ in tree] == ["title", "authors", "links"]
    assert tree.get("missing") is None and tree.key_node("missing") is None


def test_block_scalars_keep_their_text():
    tree, _ = read("a: |\n  line one\n  line two\nb: >-\n  folded\n  text\n")
    assert to_python(tree) == {"a": "line one\nline two\n", "b": "folded text"}
    assert tree.get("a").quoted


def test_duplicate_keys_are_errors_and_the_first_value_is_kept():
    tree, problems = read("title: A\nyear: 2020\ntitle: B\n")
    assert problems == ["f.yml:3:1: duplicate key 'title' (first defined at line 1); keep the one you mean and delete the other"]
    assert to_python(tree) == {"title": "A", "year": "2020"}


ANCHOR = "is a YAML anchor; a curation file may not hold anchors (nor the aliases that repeat them): remove it"


def test_aliases_are_refused_where_they_are_used():
    tree, problems = read("a: &x [1, 2]\nb: *x\nc: &y word\nd: [*y]\n")
    assert problems == [
        f"f.yml:1:4: '&x' {ANCHOR}",
        "f.yml:2:1: YAML aliases are not allowed: 'b' repeats the anchor at line 1; write the value out",
        "f.yml:3:4: a value starting with '&' is read as YAML syntax (an anchor), not text, and"
        " '&y' is left out of it; put the whole value in double quotes: c: \"&y word\"",
        "f.yml:4:4: YAML aliases are not allowed: item 1 repeats the anchor at line 3; write the value out",
    ]
    # A list keeps its items (each is still checked); a text keeps nothing of what YAML
    # made of it.
    assert to_python(tree) == {"a": ["1", "2"], "b": None, "c": None, "d": [None]}


@pytest.mark.parametrize(
    "text, expected",
    [
        # what a curator's review found: a title that lost its first word to YAML
        ("title: &Co Some paper\n", ["1:8: a value starting with '&' is read as YAML syntax"
         " (an anchor), not text, and '&Co' is left out of it; put the whole value in double"
         " quotes: title: \"&Co Some paper\""]),
        ("title: &Some\n", ["1:8: a value starting with '&' is read as YAML syntax (an anchor),"
         " not text, and '&Some' is left out of it; put the whole value in double quotes:"
         " title: \"&Some\""]),
        ("authors:\n  - &A Ada Lovelace # first\n", ["2:5: a value starting with '&' is read as"
         " YAML syntax (an anchor), not text, and '&A' is left out of it; put the whole value"
         " in double quotes: - \"&A Ada Lovelace\""]),
        # inside a [...] list the line is no one value: no line to write out
        ("keywords: {agent: &w x}\n", ["1:19: a value starting with '&' is read as YAML syntax"
         " (an anchor), not text, and '&w' is left out of it; put the whole value in double"
         " quotes"]),
        ("title: !!str &a x\n", ["1:14: a value starting with '&' is read as YAML syntax (an"
         " anchor), not text, and '&a' is left out of it; put the whole value in double quotes"]),
        # not a text: the anchor alone goes
        ("tags: &t [a, b]\nnotes: &n |\n  text\n", [f"1:7: '&t' {ANCHOR}", f"2:8: '&n' {ANCHOR}"]),
        ("&k title: T\n", [f"1:1: '&k' {ANCHOR}"]),
        # a number, a yes or no, a day: typed as that value, which needs no quotes
        ("stars: &s 1\n", [f"1:8: '&s' {ANCHOR}"]),
        ("keywords: {agent: &w 1}\n", [f"1:19: '&w' {ANCHOR}"]),
        ("archived: &a false\nchecked: &c 2026-11-30\n", [f"1:11: '&a' {ANCHOR}", f"2:10: '&c' {ANCHOR}"]),
        ("&doc\ntitle: T\n", [f"1:1: '&doc' {ANCHOR}"]),
        ("- &k title: T\n", [f"1:3: '&k' {ANCHOR}"]),
    ],
)
def test_anchors_are_refused_where_they_stand(text, expected):
    tree, problems = read(text)
    assert problems == [f"f.yml:{e}" for e in expected]


def test_an_ampersand_in_quotes_a_comment_or_within_a_value_is_text():
    tree, problems = read('title: Q&A & more # &x\nabstract: "&y"\nnotes: \'&z\'\nvenue: R &D\n')
    assert problems == []
    assert to_python(tree) == {"title": "Q&A & more", "abstract": "&y", "notes": "&z", "venue": "R &D"}


def test_an_alias_bomb_is_refused_without_being_expanded():
    levels = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for n in range(1, 10):
        levels.append(f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 9) + "]")
    tree, problems = read("\n".join(levels) + "\n")
    # Expanded, a9 would hold 9**10 strings; here each alias is one refused value (and
    # each of the ten anchors is refused too).
    assert len(problems) == 81 + 10
    assert to_python(tree)["a9"] == [None] * 9


def test_a_recursive_alias_is_refused():
    tree, problems = read("a: &a [*a]\n")
    assert problems == [
        f"f.yml:1:4: '&a' {ANCHOR}",
        "f.yml:1:4: YAML aliases are not allowed: item 1 repeats the anchor at line 1; write the value out",
    ]
    assert to_python(tree) == {"a": [None]}


@pytest.mark.parametrize(
    "text, message",
    [
        ("a: !!python/object/apply:os.system [echo pwned]\n",
         "YAML tag '!!python/object/apply:os.system' is not allowed"),
        ("a: !!python/name:os.system ''\n", "YAML tag '!!python/name:os.system' is not allowed"),
        # a text that starts with "!" may be meant as text: say how to keep it
        ("a: !custom x\n", "YAML tag '!custom' is not allowed; a value starting with '!' is read"
         " as a tag, not text: put the whole value in double quotes: a: \"!custom x\""),
        ("a: !custom 'x'\n", "YAML tag '!custom' is not allowed"),
    ],
)
def test_unknown_tags_are_refused(text, message):
    tree, problems = read(text)
    assert problems == [f"f.yml:1:4: {message}"]
    assert to_python(tree) == {"a": None}


def test_standard_tags_are_allowed_and_the_value_stays_as_typed():
    tree, problems = read("a: !!str 2101.00010\nb: !!int 0123\n")
    assert problems == []
    assert to_python(tree) == {"a": "2101.00010", "b": "0123"}


def test_control_characters_yaml_refuses_are_located_and_parsing_goes_on():
    tree, problems = read("a: x\x00y\nb: [1\u20282]\nc: \x1b\nd: fine\n")
    assert problems == [
        "f.yml:1:5: U+0000 NULL is a control character a curation file may not contain; remove it",
        "f.yml:2:6: U+2028 LINE SEPARATOR is a control character a curation file may not contain;"
        " remove it",
        "f.yml:3:4: U+001B ESCAPE is a control character a curation file may not contain; remove it",
    ]
    assert to_python(tree)["d"] == "fine"
    assert tree.get("d").loc == Location("f.yml", 4, 4)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("notes: |\n\tline one\n\tline two\nlinks:\n\tcode: []\n", "2:1: (lines 3 and 5 also start"),
        ("a: 1\nb:\n\t- x\n\t- y\n\t- z\n", "3:1: (lines 4 and 5 also start"),
        ("a: 1\nb:\n\t- x\n  - y\n\t- z\n", "3:1: (line 5 also starts"),
        ("a: 1\nb:\n\t- x\n", "3:1: "),
    ],
)
def test_a_tab_error_names_the_other_lines_a_tab_starts(text, said):
    # An editor that indents with tabs puts them on many lines: the reader stops at the
    # first, and each run named one more. (A line a tab starts is never YAML's
    # indentation; one inside a quoted value is read as its text, so it is only named.
    # Each line after the error is, of its field or another: nothing else says it.
    # Where a file is read field by field, each field's tab is said on its own: see
    # test_each_line_a_tab_starts_is_said_once_in_a_file_with_tabs_in_two_fields.)
    place, others = said.split(" ", 1)
    assert read(text)[1] == [
        f"f.yml:{place} YAML syntax error: a tab character: YAML indents with spaces, not tabs;"
        " replace it with spaces" + (f" {others} with a tab)" if others else "")
    ]


def test_syntax_errors_have_a_place():
    assert read("a: b: c\n")[1] == [
        "f.yml:1:5: YAML syntax error: a colon followed by a space inside an unquoted value;"
        " put the value in double quotes"
    ]
    assert read("a: 1\n\tb: 2\n")[1] == [
        "f.yml:2:1: YAML syntax error: a tab character: YAML indents with spaces, not tabs;"
        " replace it with spaces"
    ]
    assert read("a: 1\n---\nb: 2\n")[1] == [f"f.yml:2:1: YAML syntax error: {SECOND_DOCUMENT}"]


# (typed out: what the curator reads of a second '---' in a file)
SECOND_DOCUMENT = (
    "'---' starts a second YAML document here, and a file holds one: remove this line,"
    " or move what follows it to a file of its own"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: 1\n---\n", f"2:1: YAML syntax error: {SECOND_DOCUMENT}"),
        ("---\na: 1\n--- \nb: 2\n", f"3:1: YAML syntax error: {SECOND_DOCUMENT}"),
        ("a: 1\n...\n---\nb: 2\n", f"3:1: YAML syntax error: {SECOND_DOCUMENT}"),
        (
            "a: 1\n...\nb: 2\n",
            "2:1: YAML syntax error: '...' ends the YAML document here, and the file goes on"
            " after it: remove this line",
        ),
    ],
)
def test_a_second_document_is_said_at_the_line_that_starts_it(text, expected):
    assert read(text)[1] == [f"f.yml:{expected}"]


def test_a_stray_bracket_is_no_second_document():
    # (PyYAML reads a ']' at the start of a line after an indented list as one: said as
    # PyYAML says it)
    (problem,) = read("  - b\n]\n")[1]
    assert problem == "f.yml:2:1: YAML syntax error: did not find expected <document start>"


def test_deep_nesting_is_an_error_not_a_crash():
    tree, problems = read("a: " + "[" * 5000 + "]" * 5000 + "\n")
    assert tree is None
    assert problems == ["f.yml:1:1003: YAML syntax error: exceeded maximum nesting depth"]


def test_empty_documents():
    assert read("") == (None, [])
    assert read("# only a comment\n") == (None, [])
    tree, problems = read("[a, b]")
    assert isinstance(tree, Seq) and problems == []


def test_non_string_keys_are_refused():
    tree, problems = read("? [a]\n: b\nc: d\n")
    assert problems == ["f.yml:1:3: a mapping key must be a plain string"]
    assert to_python(tree) == {"c": "d"}


def test_read_text_drops_a_bom_and_normalises_line_ends(tmp_path):
    path = tmp_path / "f.yml"
    path.write_bytes(b"\xef\xbb\xbfa: 1\r\nb: 2\rc: 3\n")
    assert read_text(path) == "a: 1\nb: 2\nc: 3\n"
    path.write_bytes(b"a: caf\xe9\n")
    with pytest.raises(UnicodeDecodeError):
        read_text(path)


def test_char_name_and_position():
    assert char_name("\u202e") == "U+202E RIGHT-TO-LEFT OVERRIDE"
    assert char_name("\x00") == "U+0000 NULL"
    assert char_name("\x01") == "U+0001"
    assert position("ab\ncd\nef", 4) == (2, 2)
    assert position("ab", 0) == (1, 1)


def test_scalar_repr_names_its_place():
    tree, _ = read("a: b\n")
    assert repr(tree.get("a")) == "Scalar('b' at f.yml:1:4)"
    assert isinstance(tree.get("a"), Scalar)


def test_write_if_changed_writes_only_a_change(tmp_path):
    path = tmp_path / "sub" / "f.yml"
    assert write_if_changed(path, "a: 1\n") is True
    stamp = path.stat().st_mtime_ns
    assert write_if_changed(path, "a: 1\n") is False
    assert path.stat().st_mtime_ns == stamp
    assert write_if_changed(path, "a: 2\n") is True
    assert path.read_text() == "a: 2\n"
    atomic_write(path, "é\n")
    assert path.read_bytes() == "é\n".encode()
    assert sorted(p.name for p in path.parent.iterdir()) == ["f.yml"]  # no temporary left


# The slips curators make most, each with the place to look and what to do. PyYAML's
# own words name the token it could not read ("mapping values are not allowed in this
# context"), not the slip.
INDENT = "check the indentation of this line and the line above"
TOO_DEEP_OR_TEXT = (
    "this line is indented deeper than the key above, so it reads as part of that key's"
    " value: if it is a key of its own, check the indentation of this line and the line"
    " above; if it continues that value, put the whole value in double quotes"
)
SYNTAX_HINTS = {
    "a colon in a title": (
        "id: x\ntitle: TaskWeb: Selecting Better Source Tasks\n",
        "2:15: YAML syntax error: a colon followed by a space inside an unquoted value;"
        " put the value in double quotes",
    ),
    "a colon in a list item": (
        "authors:\n  - A: B: C\n",
        "2:9: YAML syntax error: a colon followed by a space inside an unquoted value;"
        " put the value in double quotes",
    ),
    "a tab before a list item": (
        "id: x\ntitle: T\nauthors:\n\t- A B\n",
        "4:1: YAML syntax error: a tab character: YAML indents with spaces, not tabs;"
        " replace it with spaces",
    ),
    "a tab after spaces of indentation": (
        "links:\n  code:\n  \t- url: x\n",
        "3:3: YAML syntax error: a tab character: YAML indents with spaces, not tabs;"
        " replace it with spaces",
    ),
    "a tab after a list item's dash": (
        "authors:\n  -\tA\n",
        "2:4: YAML syntax error: a tab character: YAML indents with spaces, not tabs;"
        " replace it with spaces",
    ),
    "a key indented deeper than its siblings": (
        "title: X\n  authors: [A B]\n",
        f"2:3: YAML syntax error: {TOO_DEEP_OR_TEXT}",
    ),
    # the same shape, and the same words: which of the two it is, YAML cannot tell
    "a line continuing an unquoted value holds a colon": (
        "abstract: This is long\n  Note: something else\n",
        f"2:3: YAML syntax error: {TOO_DEEP_OR_TEXT}",
    ),
    "a keyword indented one space too many": (
        "topics:\n  - id: a\n    keywords:\n      x: 1\n       y: 2\n",
        f"5:8: YAML syntax error: {TOO_DEEP_OR_TEXT}",
    ),
    "a key indented too deep under a list item": (
        "topics:\n  - a\n    y: 2\n",
        f"3:5: YAML syntax error: this key is indented deeper than its place allows, so it"
        f" reads as part of the value above; {INDENT}",
    ),
    # A topic's keywords are phrases of any words, so no field's name tells the slip:
    # PyYAML stops on the next keyword (the first) or at the slip (a later one).
    "a topic's first keyword without its colon": (
        "topics:\n  - id: a\n    keywords:\n      message passing 2\n      graph: 1\n",
        "4:22: YAML syntax error: a keyword needs a colon and a space before its weight:"
        " write 'message passing: 2'",
    ),
    "a topic's later keyword without its colon nor weight": (
        "topics:\n  - id: a\n    keywords:\n      graph: 1\n      message passing\n"
        "    threshold: 2\n",
        "5:22: YAML syntax error: a keyword is written 'phrase: weight' (its weight a number):"
        " write 'message passing: 1', or the weight you mean",
    ),
    # A keyword typed as a list item ("- message passing: 2", as the topics are), said
    # at its dash (was: "not indented like the lines around it", which it is; or, when
    # the first keyword, told to indent the next keyword as a field of it).
    "a topic's later keyword typed as a list item": (
        "topics:\n  - id: a\n    keywords:\n      graph: 1\n      - message passing: 2\n",
        "5:7: YAML syntax error: a topic's keywords are 'phrase: weight' lines, not list items:"
        " write 'message passing: 2' without the '- ', as the keywords around it are",
    ),
    "a topic's first keyword typed as a list item": (
        "topics:\n  - id: a\n    keywords:\n      # the main one\n      - message passing: 2\n"
        "      graph: 1\n",
        "5:7: YAML syntax error: a topic's keywords are 'phrase: weight' lines, not list items:"
        " write 'message passing: 2' without the '- ', as the keywords around it are",
    ),
    "a topic's keyword typed as a list item without its weight": (
        "topics:\n  - id: a\n    keywords:\n      graph: 1\n      - message passing\n    title: A\n",
        "5:7: YAML syntax error: a topic's keywords are 'phrase: weight' lines, not list items:"
        " write 'message passing: 1', or the weight you mean, without the '- ', as the keywords"
        " around it are",
    ),
    "a keyword indented one space too few": (
        "topics:\n  - id: a\n    keywords:\n      x: 1\n     y: 2\n",
        f"5:6: YAML syntax error: this line is not indented like the lines around it; {INDENT}",
    ),
    # A list written under a key that has its empty list already, as an imported paper's
    # file and the topics.yml `init` leaves have them: said at the '[]'.
    "a topic under a paper's 'topics: []'": (
        "id: x\ntopics: []\n  - backbones\n",
        "2:9: YAML syntax error: 'topics: []' is an empty list, so the items under it cannot be"
        " read: to list them there, write 'topics:' alone, without '[]'",
    ),
    "a code link under 'code: []'": (
        "links:\n  code: []  # none yet\n\n    - url: https://github.com/a/b\n",
        "2:9: YAML syntax error: 'code: []' is an empty list, so the items under it cannot be"
        " read: to list them there, write 'code:' alone, without '[]'",
    ),
    "topics.yml's topics under 'topics: []'": (
        "# How topics match.\ntopics: []\n- id: a\n  title: A\n",
        "2:9: YAML syntax error: 'topics: []' is an empty list, so the items under it cannot be"
        " read: to list them there, write 'topics:' alone, without '[]'",
    ),
    "a list item indented one space too few": (
        "topics:\n  - id: a\n    title: A\n   - id: b\n",
        f"4:4: YAML syntax error: this line is not indented like the lines around it; {INDENT}",
    ),
    # The value is in double quotes already: the quote that ends it early is the slip.
    "a double quote inside a double-quoted value": (
        'id: x\ntitle: "Some "quoted" paper"\n',
        "2:14: YAML syntax error: this double quote ends the quoted value, and text follows it;"
        " write a double quote inside the value as \\\", or put the whole value in single"
        " quotes: title: 'Some \"quoted\" paper'",
    ),
    "text after a closing quote": (
        'id: x\ntitle: "A" B\n',
        "2:10: YAML syntax error: this double quote ends the quoted value, and text follows it;"
        " write a double quote inside the value as \\\", or put the whole value in single"
        " quotes: title: '\"A\" B'",
    ),
    "a single quote inside a single-quoted value": (
        "id: x\ntitle: 'It's a paper'\n",
        "2:11: YAML syntax error: this single quote ends the quoted value, and text follows it;"
        " write a single quote inside the value as two ('') or put the whole value in double"
        " quotes: title: \"It's a paper\"",
    ),
    "both kinds of quotes in a single-quoted list item": (
        "authors:\n  - 'A \"B\" O'Neil'\n",
        "2:13: YAML syntax error: this single quote ends the quoted value, and text follows it;"
        " write a single quote inside the value as two ('') or put the whole value in double"
        " quotes: - \"A \\\"B\\\" O'Neil\"",
    ),
    # " #" inside: a comment or text, so the value is not written out again
    "a hash in a quoted value closed early": (
        'title: "A # B" C\n',
        "1:14: YAML syntax error: this double quote ends the quoted value, and text follows it;"
        " write a double quote inside the value as \\\", or put the whole value in single"
        " quotes",
    ),
    # A quoted value over lines: which quote was meant as text is not guessed.
    "text after a closing quote on a value's second line": (
        'abstract: "Long\n  "text" more"\n',
        "2:4: YAML syntax error: text after the closing quote of a quoted value; to keep a"
        " quote as text, write it as \\\" inside double quotes, or as two single quotes ('')"
        " inside single quotes",
    ),
    # Found out only on the next line: the line with the slip is named.
    "no space after a key's colon": (
        "id: broken\ntitle: Some paper\nyear:2015\n",
        "3:5: YAML syntax error: a key needs a space after its colon: 'year: 2015'",
    ),
    "no space after a key's colon, on the last line with no line break": (
        "id: broken\ntitle: Some paper\nyear:2015",
        "3:5: YAML syntax error: a key needs a space after its colon: 'year: 2015'",
    ),
    "no space after the first key's colon": (
        "id:broken\ntitle: Some paper\n",
        "1:3: YAML syntax error: a key needs a space after its colon: 'id: broken'",
    ),
    "no space after a link's url": (
        "links:\n  code:\n    - url:https://github.com/a/b\n      found_in: curator\n",
        "3:10: YAML syntax error: a key needs a space after its colon:"
        " 'url: https://github.com/a/b'",
    ),
    # A field's key without its colon: PyYAML stops on the next line, and said only
    # "could not find expected ':'" there (or guessed an indentation slip).
    "a key without its colon, after a list": (
        "id: x\ntitle: T\nauthors: [A B]\nyear 2023\ntopics: []\n",
        "4:5: YAML syntax error: a key needs a colon and a space after it: write 'year: 2023'",
    ),
    "a key without its colon, after a quoted value": (
        'id: x\ntitle: "T"\nyear 2023\n',
        "3:5: YAML syntax error: a key needs a colon and a space after it: write 'year: 2023'",
    ),
    "a key without its colon, after a block": (
        "id: x\nabstract: |\n  Text here.\nyear 2023\n",
        "4:5: YAML syntax error: a key needs a colon and a space after it: write 'year: 2023'",
    ),
    "a key without its colon, under a plain value": (
        "id: x\ntitle: Some paper\nyear 2023\n",
        "3:5: YAML syntax error: a key needs a colon and a space after it: write 'year: 2023'",
    ),
    "a nested key without its colon": (
        "id: x\nlinks:\n  code []\n  paper: []\n",
        "3:7: YAML syntax error: a key needs a colon and a space after it: write 'code: []'",
    ),
    # The file's first key without its colon, its value the lines under it: PyYAML stops
    # at the first of them and said "this key is indented deeper ...".
    "the topics key without its colon": (
        "topics\n  - id: a\n    title: A\n",
        "1:7: YAML syntax error: a key needs a colon and a space after it: write 'topics:'",
    ),
    "the links key without its colon, first in the file": (
        "links\n  code: []\nid: x\n",
        "1:6: YAML syntax error: a key needs a colon and a space after it: write 'links:'",
    ),
    # "[" before a block list's items: PyYAML said only "did not find expected node
    # content" at the first item.
    "a bracket before a block list": (
        "topics: [\n  - id: a\n    title: A\n",
        "1:9: YAML syntax error: a list opened here with '[' is not closed before the '- '"
        " items below it: remove the '['",
    ),
    "a brace before a block list": (
        "id: x\nauthors: {\n  - A. Smith\n",
        "2:10: YAML syntax error: a mapping opened here with '{' is not closed before the '- '"
        " items below it: remove the '{'",
    ),
    # A line of words where a key or a list item goes: PyYAML read on to the next line
    # for its colon, and said "could not find expected ':'" there, at another field.
    "a line of words after a list": (
        "id: a\nauthors:\n  - A\nstray words\ntitle: x\n",
        "4:1: YAML syntax error: this line is no 'key: value' nor an item of a list: if it"
        " is a key, end the key with a colon and a space; if it goes with the lines above,"
        " indent it as they are",
    ),
    "a line of words between two topics": (
        "topics:\n  - id: a\nstray words\n  - id: b\n",
        "3:1: YAML syntax error: this line is no 'key: value' nor an item of a list: if it"
        " is a key, end the key with a colon and a space; if it goes with the lines above,"
        " indent it as they are",
    ),
    "a link's url without its colon": (
        "links:\n  code:\n    - url https://github.com/a/b\n      found_in: curator\n",
        "3:10: YAML syntax error: a key needs a colon and a space after it:"
        " write 'url: https://github.com/a/b'",
    ),
    # A title goes on over two lines (YAML allows it), its second starting with a
    # field's word; the slip is the key under it, indented too deep, not the title's
    # second line taken for a key without its colon ("write 'code: generation'").
    "a key indented too deep under a title of two lines": (
        "id: x\ntitle: A Survey of Language Models for\n  code generation\n  year: 2023\n",
        "4:3: YAML syntax error: this key is indented deeper than its place allows, so it"
        " reads as part of the value above; check the indentation of this line and the line above",
    ),
    "a block's text not indented": (
        "id: broken\ntitle: T\nnotes: |\nMy note.\nvenue: ICLR\n",
        "4:1: YAML syntax error: the lines of a '|' block must be indented under their key"
        " ('notes' on line 3); indent this line and the rest of the block",
    ),
    "a folded block's later line not indented": (
        "id: x\nabstract: >-\n  One line,\nanother.\nyear: 2020\n",
        "4:1: YAML syntax error: the lines of a '>' block must be indented under their key"
        " ('abstract' on line 2); indent this line and the rest of the block",
    ),
    "a value's second line not indented": (
        "id: x\nabstract: Long text\ngoes on here\nyear: 2020\n",
        "3:1: YAML syntax error: this line is no 'key: value', nor indented under the key"
        " above: if it continues the value of 'abstract', indent it; if it is a key, end the"
        " key with a colon and a space",
    ),
    # Under a value it may continue, a line with a colon and spaces before it is text.
    "a value's second line not indented, with a colon in it": (
        "id: x\nabstract: Long text\nSee the paper:section 2\nyear: 2020\n",
        "3:1: YAML syntax error: this line is no 'key: value', nor indented under the key"
        " above: if it continues the value of 'abstract', indent it; if it is a key, end the"
        " key with a colon and a space",
    ),
    "a list never closed": (
        "id: broken\ntitle: T\nauthors: [Doe, Jane\nyear: 2020\n",
        "3:10: YAML syntax error: a list opened here with '[' is not closed: close it with"
        " ']' (if the value is text, not a list, put the whole value in double quotes)",
    ),
    "a list never closed at the end of the file": (
        "id: broken\ntitle: T\nauthors: [Doe,\n  Jane\n",
        "3:10: YAML syntax error: a list opened here with '[' is not closed: close it with"
        " ']' (if the value is text, not a list, put the whole value in double quotes)",
    ),
    # The last line "topics: [" or "tags: [a, b,": PyYAML reaches the end looking for
    # the list's next item, and named the line after the file's last.
    "a list opened on the file's last line": (
        "id: broken\ntitle: T\ntopics: [\n",
        "3:9: YAML syntax error: a list opened here with '[' is not closed: close it with"
        " ']' (if the value is text, not a list, put the whole value in double quotes)",
    ),
    "a list ending with a comma at the end of the file": (
        "id: broken\ntitle: T\ntags: [a,\n  b,\n\n",
        "3:7: YAML syntax error: a list opened here with '[' is not closed: close it with"
        " ']' (if the value is text, not a list, put the whole value in double quotes)",
    ),
    "a mapping opened on the file's last line": (
        "id: broken\nlinks: {\n",
        "2:8: YAML syntax error: a mapping opened here with '{' is not closed: close it with"
        " '}' (if the value is text, not a mapping, put the whole value in double quotes)",
    ),
    # ... and not at a bracket opened and closed on a line inside it.
    "a mapping over lines, holding a list, never closed": (
        "id: broken\nlinks: {\n  arxiv: [1, 2],\n",
        "2:8: YAML syntax error: a mapping opened here with '{' is not closed: close it with"
        " '}' (if the value is text, not a mapping, put the whole value in double quotes)",
    ),
    "a list over lines, holding a key and a list, never closed": (
        "id: broken\ntopics: [a,\n  x: {b: c},\n",
        "2:9: YAML syntax error: a list opened here with '[' is not closed: close it with"
        " ']' (if the value is text, not a list, put the whole value in double quotes)",
    ),
    "a title starting with '[' and no ']'": (
        "id: x\ntitle: [unclosed\nabstract: a\n",
        "2:8: YAML syntax error: a list opened here with '[' is not closed: close it with"
        " ']' (if the value is text, not a list, put the whole value in double quotes)",
    ),
    "a mapping never closed": (
        "links: {code: []\nyear: 2020\n",
        "1:8: YAML syntax error: a mapping opened here with '{' is not closed: close it with"
        " '}' (if the value is text, not a mapping, put the whole value in double quotes)",
    ),
    # A list item's key (a topic's id in topics.yml): the keys under it, indented to the
    # key and not to the '- ', are no lines of the list (it was PyYAML's words, at the
    # line after).
    "a list never closed on a list item's first key": (
        "topics:\n  - id: [graph-learning\n    title: Graphs\n  - id: other\n    title: Other\n",
        "2:9: YAML syntax error: a list opened here with '[' is not closed: close it with"
        " ']' (if the value is text, not a list, put the whole value in double quotes)",
    ),
    "a list of a quoted value never closed on a list item's first key, the item last": (
        "topics:\n  - id: ['graph-learning'\n    title: Graphs\n",
        "2:9: YAML syntax error: a list opened here with '[' is not closed: close it with"
        " ']' (if the value is text, not a list, put the whole value in double quotes)",
    ),
    "a mapping never closed on a list item's first key": (
        "links:\n  - url: {https://example.org\n    kind: code\n",
        "2:10: YAML syntax error: a mapping opened here with '{' is not closed: close it with"
        " '}' (if the value is text, not a mapping, put the whole value in double quotes)",
    ),
    "a value starting with '*'": (
        "id: broken\ntitle: *Some* paper\n",
        "2:8: YAML syntax error: a value starting with '*' is read as YAML syntax (an alias),"
        " not text; put the whole value in double quotes: title: \"*Some* paper\"",
    ),
    "a value starting with '&' and a dot": (
        "id: broken\ntitle: &Co. Some paper\n",
        "2:8: YAML syntax error: a value starting with '&' is read as YAML syntax (an anchor),"
        " not text; put the whole value in double quotes: title: \"&Co. Some paper\"",
    ),
    "an at sign starting a value": (
        "id: x\ntitle: @home\n",
        "2:8: YAML syntax error: '@' cannot start an unquoted value; put the value in double"
        " quotes",
    ),
    # Found out on the line after it, as a key: named on its own line.
    "a list item with no space after its dash": (
        "authors:\n  - A\n  -B. Smith\n",
        "3:3: YAML syntax error: a list item needs a space after its dash: '- B. Smith'",
    ),
    "a list item with no space after its dash, and items after it": (
        "topics:\n- nlp\n-rl  # reinforcement learning\n- cv\ntitle: T\n",
        "3:1: YAML syntax error: a list item needs a space after its dash: '- rl'",
    ),
    # A field typed under the dash of the item above, where an editor leaves the
    # cursor after "- url: ..." (curator: a link's note was said only to be "not
    # indented like the lines around it", which it is: like the dash).
    "a link's field under the dash of its item": (
        "links:\n  code:\n    - url: https://x\n      found_in: curator\n    note: official\n",
        "5:5: YAML syntax error: this key is indented as the '-' of the list item on line 3, so"
        " YAML reads it as neither a field of that item nor a key of its own: to give the item"
        " this field, indent it as its 'url:' is (6 spaces)",
    ),
    "a topic's field under the dash of its item": (
        "topics:\n  - id: a\n    title: A\n  # how many\n  threshold: 3\n",
        "5:3: YAML syntax error: this key is indented as the '-' of the list item on line 2, so"
        " YAML reads it as neither a field of that item nor a key of its own: to give the item"
        " this field, indent it as its 'id:' is (4 spaces)",
    ),
    # (an item with no key: no field to line up with)
    "a key under the dash of an item that is text": (
        "a:\n  - x\n  b: 1\n",
        "3:3: YAML syntax error: this line is not indented like the lines around it; check the"
        " indentation of this line and the line above",
    ),
    # A list's first item on its key's line, its value ended by a comment: PyYAML stops
    # at the item below, which was told it is "not indented like the lines around it"
    # (without the comment, _check_continuation says it: test below).
    "the first item on its key's line, with a comment": (
        "topics: rl  # main one\n  - mtl\n",
        "1:9: YAML syntax error: 'rl' is written on the 'topics:' line, and list items follow"
        " it, which YAML cannot read: if 'topics' is a list, write '- rl' on a line of its own"
        " under 'topics:', as the items below it are",
    ),
    "the first item on its key's line, a comment line and a blank one below": (
        'id: x\ntopics: "rl" # c\n  # more\n\n  - mtl\n',
        "2:9: YAML syntax error: '\"rl\"' is written on the 'topics:' line, and list items"
        " follow it, which YAML cannot read: if 'topics' is a list, write '- \"rl\"' on a line"
        " of its own under 'topics:', as the items below it are",
    ),
    # (a list in brackets, then items: no item on the key's line to move; nor are items
    # of keys items of a text's list, nor items at a key's own column: a topic pasted at
    # the file's left edge above the others)
    "items of keys under a key with a value": (
        "topics: a  # c\n  - id: b\n",
        "2:3: YAML syntax error: this line is not indented like the lines around it; check the"
        " indentation of this line and the line above",
    ),
    "items at a list item's key's column": (
        "x:\n- id: pasted  # c\n  - id: b\n",
        "3:3: YAML syntax error: this line is not indented like the lines around it; check the"
        " indentation of this line and the line above",
    ),
    "items at their key's column under its value": (
        "a:\n  b: x  # c\n  - y\n",
        "3:3: YAML syntax error: this line is not indented like the lines around it; check the"
        " indentation of this line and the line above",
    ),
    "items under a list in brackets": (
        "a: 1\nb: [x]  # c\n  - y\n",
        "3:3: YAML syntax error: this line is not indented like the lines around it; check the"
        " indentation of this line and the line above",
    ),
    # The item typed with its dash after the key: YAML's "block sequence entries are
    # not allowed in this context" was all it was told.
    "the first item with its dash on its key's line": (
        "topics: - rl  # main one\n  - mtl\n",
        "1:9: YAML syntax error: a list item cannot start on its key's line: write '- rl' on a"
        " line of its own under 'topics:', indented deeper than the key, as the items below it"
        " are (if the value is text, not a list, put it in double quotes)",
    ),
    "an item with its dash on its key's line, alone": (
        "id: x\ntitle: - A study\n",
        "2:8: YAML syntax error: a list item cannot start on its key's line: write '- A study'"
        " on a line of its own under 'title:', indented deeper than the key (if the value is"
        " text, not a list, put it in double quotes)",
    ),
    # A line of a block indented less than the lines above it (but more than its key):
    # YAML ends the block there; it was told "not indented like the lines around it".
    "a line of an abstract's block indented less": (
        "abstract: >-\n  We develop\n  deep nets\n semi-supervised\n  and more\nyear: 2020\n",
        "4:2: YAML syntax error: this line is indented less than the lines above it in the '>'"
        " block of 'abstract' (line 1), so YAML ends the block above it and reads this line as"
        " no key: indent it as those lines are (2 spaces)",
    ),
    # (the first line, indented deeper, sets the block's indentation; a colon in the line)
    "a block's lines indented less than its first": (
        "abstract: |\n\n    We develop\n  deep nets: (1) a\n  relate\n",
        "4:3: YAML syntax error: this line is indented less than the lines above it in the '|'"
        " block of 'abstract' (line 1), so YAML ends the block above it and reads this line as"
        " no key: if it continues the text, indent it as those lines are (4 spaces); if"
        " 'deep nets:' is a key of its own, line it up with 'abstract:' (0 spaces)",
    ),
    # (review of cur1: a key typed a space in below a block was told only to indent it as
    # the block's lines, which makes it text of the abstract, its field gone unsaid)
    "a key indented a space too many below an abstract's block": (
        "id: x\nabstract: >-\n  We develop\n  deep nets\n year: 2020\n",
        "5:2: YAML syntax error: this line is indented less than the lines above it in the '>'"
        " block of 'abstract' (line 2), so YAML ends the block above it and reads this line as"
        " no key: if it continues the text, indent it as those lines are (2 spaces); if"
        " 'year:' is a key of its own, line it up with 'abstract:' (0 spaces)",
    ),
    "a topic's key indented a space too many below its description": (
        "topics:\n  - id: a\n    description: |\n      Training one\n     title: T\n",
        "5:6: YAML syntax error: this line is indented less than the lines above it in the '|'"
        " block of 'description' (line 3), so YAML ends the block above it and reads this line"
        " as no key: if it continues the text, indent it as those lines are (6 spaces); if"
        " 'title:' is a key of its own, line it up with 'description:' (4 spaces)",
    ),
    "a topic's description's line indented less": (
        "topics:\n  - id: a\n    description: |\n      Training one\n     model\n    title: T\n",
        "5:6: YAML syntax error: this line is indented less than the lines above it in the '|'"
        " block of 'description' (line 3), so YAML ends the block above it and reads this line"
        " as no key: indent it as those lines are (6 spaces)",
    ),
    # Not one of the slips above: PyYAML's words are kept, and its place. (A list over
    # lines that lacks a comma stops inside the list: it is not "not closed".)
    "a comma missing in a list over lines": (
        'authors: [A,\n  "B"\n  "C"]\n',
        "3:3: YAML syntax error: did not find expected ',' or ']'",
    ),
}


@pytest.mark.parametrize("case", SYNTAX_HINTS)
def test_common_syntax_slips_say_where_to_look_and_how_to_fix_them(case):
    text, expected = SYNTAX_HINTS[case]
    tree, problems = read(text)
    assert tree is None
    assert problems == [f"f.yml:{expected}"]


def test_a_first_list_item_with_no_space_after_its_dash_is_said_so_not_misindented():
    # YAML reads "-B. Smith" and the item under it as one text ("-B. Smith - C. Doe").
    tree, problems = read("authors:\n  -B. Smith\n  - C. Doe\ntitle: T\n")
    assert problems == ["f.yml:2:3: a list item needs a space after its dash: '- B. Smith'"]
    assert to_python(tree) == {"authors": None, "title": "T"}  # (nothing more said of it)
    # An item indented deeper than the one above is still said to be so.
    assert read("authors:\n  -B\n    - C\n")[1] == [
        "f.yml:3:5: this list item is indented differently from the one above, so it is"
        " read as the rest of that item's text; indent both alike"
    ]


def test_a_first_item_written_on_its_key_line_is_told_to_go_on_a_line_of_its_own():
    # YAML reads "A. Vaswani" and the items under it as one text ("A. Vaswani - N. Shazeer
    # - N. Parmar"): no item is above the first to indent alike, and no list comes of it.
    tree, problems = read("authors: A. Vaswani\n  - N. Shazeer\n  - N. Parmar\ntitle: T\n")
    assert problems == [
        "f.yml:1:10: 'A. Vaswani' is written on the 'authors:' line, and list items follow it,"
        " so YAML reads them all as one text: if 'authors' is a list, write '- A. Vaswani' on"
        " a line of its own under 'authors:', as the items below it are"
    ]
    assert to_python(tree) == {"authors": None, "title": "T"}  # (nothing more said of it)
    # A blank line between them is the same slip (YAML folds it into the one text); it
    # was told the untrue "indented differently from the one above".
    assert read("authors: A. Vaswani\n\n  - N. Shazeer\n")[1] == [
        "f.yml:1:10: 'A. Vaswani' is written on the 'authors:' line, and list items follow it,"
        " so YAML reads them all as one text: if 'authors' is a list, write '- A. Vaswani' on"
        " a line of its own under 'authors:', as the items below it are"
    ]
    # Inside a list of mappings too, the key named as written ("- name: A").
    assert read("people:\n  - name: A\n      - B\n")[1] == [
        "f.yml:2:11: 'A' is written on the 'name:' line, and list items follow it, so YAML"
        " reads them all as one text: if 'name' is a list, write '- A' on a line of its own"
        " under 'name:', as the items below it are"
    ]


def test_a_continued_value_with_a_colon_may_be_text_or_a_key_and_the_message_says_both():
    # "we propose: x" under "abstract: Text" and a topic's keyword phrase indented one
    # space too deep ("task vector & fine-tuning: 1") have the same shape.
    assert read("abstract: Text\n  we propose: x\n")[1] == [
        f"f.yml:2:3: YAML syntax error: {TOO_DEEP_OR_TEXT}"
    ]
    phrase = "topics:\n  - id: a\n    keywords:\n      x: 1\n       task vector & fine-tuning: 1\n"
    assert read(phrase)[1] == [f"f.yml:5:8: YAML syntax error: {TOO_DEEP_OR_TEXT}"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("title: [Re] Reproducing Task Vectors\nyear: 2020\n", "1:8: YAML syntax error: a value"
         " starting with '[' is read as YAML syntax (a list), not text; put the whole value in"
         " double quotes: title: \"[Re] Reproducing Task Vectors\""),
        ("title: *BERT: a survey\n", "1:8: YAML syntax error: a value starting with '*' is read"
         " as YAML syntax (an alias), not text; put the whole value in double quotes:"
         " title: \"*BERT: a survey\""),
        ("title: Learning #1 and #2 tasks\n", "1:17: warning: the value ends at 'Learning':"
         " YAML reads ' #' as the start of a comment; put the whole value in double quotes to"
         " keep the rest"),
        ("authors:\n  - A B\n   - C D\n", "3:4: this list item is indented differently from"
         " the one above, so it is read as the rest of that item's text; indent both alike"),
    ],
)
def test_values_yaml_reads_otherwise_than_meant_say_so(text, expected):
    problems = Problems()
    parse(text, "f.yml", problems)
    assert [str(p) for p in problems.items] == ["f.yml:" + expected]


def test_a_comment_after_two_spaces_or_before_a_space_is_a_comment():
    problems = Problems()
    parse('arxiv: "2406.14022"   # quotes optional\nyear: 2024 # when\nx: a  #b\n', "f.yml", problems)
    assert problems.items == []


def test_nodes_come_back_from_pickle_whole():
    """The build's cache pickles the nodes the file cache keeps (Scalar.__reduce__ and
    its kin): each comes back of its own class with every field, quoting included."""
    import pickle

    from generator.yamlio import Refused

    tree, _ = read("id: x\ntitle: 'A: b'\ntopics: [a, b]\nlinks:\n  - url: https://x.org\n")
    refused = Refused("*alias", "f.yml", 7, 3, quoted=False)
    back, again = pickle.loads(pickle.dumps((tree, refused), protocol=pickle.HIGHEST_PROTOCOL))
    assert type(again) is Refused
    assert (again.text, again.path, again.line, again.col, again.quoted) == ("*alias", "f.yml", 7, 3, False)

    def fields(node: object) -> object:
        if isinstance(node, Scalar):
            return (type(node), node.text, node.quoted, node.path, node.line, node.col)
        if isinstance(node, Seq):
            return (Seq, tuple(fields(item) for item in node.items), node.path, node.line, node.col)
        assert isinstance(node, Map)
        return (Map, tuple((fields(k), fields(v)) for k, v in node.entries), node.path, node.line, node.col)

    assert fields(back) == fields(tree)
    title = back.get("title")
    assert isinstance(title, Scalar) and title.quoted and title.text == "A: b"
    assert (title.line, title.col) == (2, 8)


def test_a_file_of_many_tab_errors_is_read_in_seconds(monkeypatch):
    # Each part with an error is left out and the file read again from its start: every
    # reading split the whole file again, listed every line a tab starts in Python and
    # searched the file for characters refused, so 4,000 tab errors in one paper file
    # took 11 s to read here (1,000 in topics.yml: 3 s of `check`). Now a reading
    # re-reads only the lines before the next error: about 1 s.
    # The work is counted, not the CPU seconds (a bound on those could fail by chance on
    # a loaded machine): `parse`, which checks and splits the whole text, runs once, and
    # the characters the YAML reader is given, over all the readings, are a few times
    # the file's (2.4 here; read from the top each time, 2,200 times).
    import io

    from generator import yamlio
    from generator.yamlio import parse_past_syntax_errors, top_level_spans

    parsed: list[int] = []
    given: list[int] = []
    parse, compose, stream_read = yamlio.parse, yamlio._compose, yamlio._Stream.read

    def counted_parse(text, path, problems):
        parsed.append(len(text))
        return parse(text, path, problems)

    def counted_compose(source, *args, **kwargs):
        if isinstance(source, str):
            given.append(len(source))
        elif isinstance(source, io.StringIO):
            given.append(len(source.getvalue()))
        return compose(source, *args, **kwargs)  # (a `_Stream`: counted as it is read)

    def counted_read(self, size=-1):
        out = stream_read(self, size)
        given.append(len(out))
        return out

    monkeypatch.setattr(yamlio, "parse", counted_parse)
    monkeypatch.setattr(yamlio, "_compose", counted_compose)
    monkeypatch.setattr(yamlio._Stream, "read", counted_read)
    count = 4000
    text = "id: x\ntitle: T\n" + "".join(f"field{n}:\n\tkey: value\n" for n in range(count))
    problems = Problems()
    tree, blanked = parse_past_syntax_errors(text, "x.yml", problems, top_level_spans(text.split("\n")), set())
    assert parsed == [len(text)]
    assert sum(given) < 5 * len(text), (sum(given), len(text))
    assert isinstance(tree, Map) and len(blanked) == len(problems.errors) == count
    assert problems.errors[-1].location.line == 2 * count + 2


def test_a_file_past_its_syntax_errors_is_read_as_parse_reads_it_after_two_byte_order_marks():
    # parse takes one BOM off a file's start; the second of two is a character of the
    # file's first line. Read past its syntax errors, the file lost both, and the control
    # character after them was said again, a column off (1:8 beside the first's 1:9).
    from generator.yamlio import parse_past_syntax_errors, top_level_spans

    text = "\ufeff\ufefftitle: \x07\nyear 2023\nid: x\n"
    first = Problems()
    parse(text, "x.yml", first)
    assert [(p.location.line, p.location.col) for p in first.items] == [(1, 9), (2, 5)]
    problems = Problems()
    tree, blanked = parse_past_syntax_errors(text, "x.yml", problems, top_level_spans(text.split("\n")), set(first.items))
    assert problems.format() == ""
    assert blanked == [(1, 2)] and isinstance(tree, Map)


def _read_past_errors(text: str) -> tuple[list[str], list[tuple[int, int]], object]:
    from generator.yamlio import parse_past_syntax_errors, to_python, top_level_spans

    problems = Problems()
    tree, blanked = parse_past_syntax_errors(text, "x.yml", problems, top_level_spans(text.split("\n")), set())
    return [str(p) for p in problems.items], blanked, to_python(tree) if tree is not None else None


def test_a_file_whose_readable_parts_alternate_with_broken_ones_is_read_about_once(monkeypatch):
    # After each error the file was read again from its start, and the reader read every
    # readable part before the next error again: 1,000 errors took 2 s of `check`,
    # 4,000 took 15 s. Now a reading goes on from the part left out last.
    from generator import yamlio

    given: list[int] = []
    loader = yamlio._Loader

    class Counted:
        def __init__(self, source):
            self.source = source

        def read(self, size=-1):
            out = self.source.read(size)
            given.append(len(out))
            return out

    def counting(source):
        if isinstance(source, str):
            given.append(len(source))
            return loader(source)
        return loader(Counted(source))

    monkeypatch.setattr(yamlio, "_Loader", counting)
    count = 2000
    text = "id: x\ntitle: T\n" + "good: x\nbroken line\n" * count
    said, blanked, tree = _read_past_errors(text)
    assert len(blanked) == count and tree == {"id": "x", "title": "T", "good": "x"}
    syntax = [line for line in said if "YAML syntax error" in line]
    assert len(syntax) == count
    assert syntax[-1].startswith(f"x.yml:{2 * count + 2}:1: YAML syntax error: this line is no 'key: value'")
    assert sum(given) < 5 * len(text), (sum(given), len(text))


# Parts a paper file or topics.yml is made of, readable or not, to mix.
_READABLE = [
    "good: x", "venue: V", "links:\n  code:\n    - url: https://github.com/a/b", "abstract: |\n  Some\n  text\n",
    "topics: [t]", "tags:\n  - a\n  - b", "notes: >\n  folded\n\n  more", "# a comment", "", "year: 2020",
    "  - id: t\n    title: T\n    keywords:\n      x: 1", "ids: {a: 1,\n  b: 2}", "title: 'a\n  b'",
]
_BROKEN = [
    "broken line", "bad: a: b", "\tbad: y", "year 2023", "x: [a, b", "  - stray item", "-B. Smith", "k: 'q'x",
    "links\n  code: []", "notes: |\n  text\n more", "a: &x 1", "b: *x", "? c", "url htps://x.org",
    "t: {a: 1", "    keywords:\n      message passing 2", "\ttitle: T", "    title: a: b", "---", "title: \"open",
]


SEEDS = 400


def test_reading_on_from_the_part_left_out_says_what_reading_from_the_top_says(monkeypatch):
    # The reading that goes on from the part left out last is taken only when it must
    # read as one from the top would; checked against reading from the top, on mixes of
    # readable and broken parts (nested blocks, flow collections, anchors, a second
    # document among them).
    import random

    from generator import yamlio

    taken = []
    skipping = yamlio._read_skipping
    monkeypatch.setattr(yamlio, "_read_skipping", lambda *a: taken.append(r := skipping(*a)) or r)
    texts = []
    for seed in range(SEEDS):
        rng = random.Random(seed)
        parts = ["id: p", "title: P"] if seed % 2 else ["topics:"]
        for _ in range(rng.randint(3, 40)):
            parts.append(rng.choice(_READABLE if rng.random() < 0.5 else _BROKEN))
        texts.append("\n".join(parts) + "\n")
    skipped = [_read_past_errors(text) for text in texts]
    monkeypatch.setattr(yamlio, "_read_skipping", lambda *a: None)
    assert skipped == [_read_past_errors(text) for text in texts]
    assert sum(r is not None for r in taken) > 100  # (the readings compared went on from a part)


def test_reading_on_past_a_key_without_a_value_says_what_reading_from_the_top_says(monkeypatch):
    # (user: a "- a" line under a broken one, after 'k:' with no value, was said at the
    # line below it, 6:5, 'indented deeper than its place allows', where reading from
    # the top says 5:1 'not indented like the lines around it': the reading that went on
    # from the part left out took "- a" for the value of the 'k:' far above it)
    from generator import yamlio

    texts = [
        'k:\ntitle: "a\n  b"\nk: [a, b]]\n- a\n    title: a: b\n',
        "k:\n  - a\n  -\n    b: 1\nk:\n...\n- a\n",
        "topics:\nk: >\n x\n  y: a: b\nk: >-3\n x\n- a\n\tbad: y\n",
    ]
    skipped = [_read_past_errors(text) for text in texts]
    assert 'x.yml:5:1: YAML syntax error: this line is not indented like the lines around it' in skipped[0][0][1]
    monkeypatch.setattr(yamlio, "_read_skipping", lambda *a: None)
    assert skipped == [_read_past_errors(text) for text in texts]


@pytest.mark.parametrize("line, start, comment", [
    ("  - Wei Wang  # another", 4, "# another"),
    ("  - Wei Wang\t#x", 4, "#x"),
    ("  - Wei#Wang", 4, ""),  # (no space before it: text)
    ('  - "Wei # Wang"', 4, ""),  # (inside the quotes: text)
    ('  - "Wei \\" # W"  # 2', 4, "# 2"),  # (an escaped quote does not close it)
    ("  - 'O''Brien # A'  #  two", 4, "#  two"),  # ('' is a quote inside)
    ("  - 'Wei' x # y", 4, ""),  # (not a comment right after the quote: no one-line value)
    ("title: T", 7, ""),
    # (review of cur1: in a list in brackets over lines, past the item's comma, or the
    # mapping's brace, where a curator writes it; not past another item)
    ('  "Li, Wei",  # another Li, Wei', 2, "# another Li, Wei"),
    ('    {url: "https://githb.com/o/r"},  # githb.com is right', 10, "# githb.com is right"),
    ('  "Li, Wei"]  # two', 2, "# two"),
    ('["Li, Wei", "Li, Wei"]  # two', 1, ""),
])
def test_the_comment_after_a_value_is_found_past_its_quotes(line, start, comment):
    assert comment_after(line, start) == comment
