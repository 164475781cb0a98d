"""The BibTeX syntax bibtexparser leaves to us (generator/ingest/bibsyntax.py): comments
between fields, a missing comma, concatenation and macros, a field given twice, an entry
closed early; each mistake at its line and column, as a lab's hand-kept file has them."""

from __future__ import annotations

import re
from unittest import mock

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from generator.errors import Problems
from generator.export_bibtex import balanced
from generator.ingest import bibsyntax
from generator.ingest.bibsyntax import (
    _top_level, backslashed, braces_counted, heads_closed_up, names_split,
    without_comments)
from generator.ingest.bibtex import parse_bibtex


def _parse(text: str):
    problems = Problems()
    records = parse_bibtex(text, "lab.bib", problems)
    return records, [str(p) for p in problems.items]


# --- comments ------------------------------------------------------------------------

_BIB_CHARS = st.text(alphabet='{}"%\\\n ab=,@', max_size=80)


@given(_BIB_CHARS)
def test_comments_go_and_every_line_stays(text):
    out = without_comments(text)
    assert out.count("\n") == text.count("\n")
    # Only text from a "%" to its line's end is taken out.
    for before, after in zip(text.split("\n"), out.split("\n"), strict=True):
        assert before.startswith(after)
        assert after == before or before[len(after)] == "%"


@given(st.text(alphabet='{}"\\\n ab=,@', max_size=80))
def test_text_without_a_percent_sign_is_left_as_it_is(text):
    assert without_comments(text) is text


def test_a_percent_sign_in_a_value_or_escaped_is_text():
    text = (
        '@article{u, url = {https://x.org/a%20b}, note = "50% of {it}",\n'
        "  title = {50\\% more}, % a comment\n}\n"
    )
    assert without_comments(text) == (
        '@article{u, url = {https://x.org/a%20b}, note = "50% of {it}",\n'
        "  title = {50\\% more}, \n}\n"
    )


def _read_token_by_token(text):
    """`_top_level` as it was before an entry's plain fields were passed over in one
    match: every token of `_SIGNIFICANT` a step (no field matches)."""
    with mock.patch.object(bibsyntax, "_PLAIN_FIELDS", re.compile(r"(?!)")):
        return list(_top_level(text))


# Pieces of BibTeX and of what goes wrong in it: heads of entries and of free-text blocks
# (with spaces, a parenthesis, a line break), values nested up to four deep, quotes,
# comments, escapes (of a brace, a quote, a "%", a backslash), a stray "@".
_IN_VALUE = st.sampled_from([
    "x", " ", "50% ", "%", "(", ")", '"', "\\%", "\\{", "\\}", '\\"', "\\\\", "\\", "\n", "@b{", "@c(", "@",
])
_VALUE = st.recursive(
    st.lists(_IN_VALUE, max_size=4).map("".join),
    lambda inner: st.lists(st.one_of(_IN_VALUE, inner.map(lambda v: "{" + v + "}")), max_size=4).map("".join),
    max_leaves=8,
)
_FIELD = st.one_of(
    _VALUE.map(lambda v: " title = {" + v + "},\n"),
    _VALUE.map(lambda v: ' note = "' + v + '",\n'),
    st.sampled_from(["% a comment\n", " % c {\n", " x = 1,", " \\% ", "@misc{", ")", "}", "{"]),
)
_ENTRY = st.tuples(
    st.sampled_from(["@article{", "@inproceedings{", "@comment{", "@Preamble{", "@misc(", "@ a\n{", "@b", "%"]),
    st.lists(_FIELD, max_size=4).map("".join),
    st.sampled_from(["}\n", ")\n", "}}\n", "\n", "} % after\n"]),
).map("".join)
_BIB_PIECES = st.lists(_ENTRY, max_size=5).map("".join)


@given(st.one_of(_BIB_PIECES, st.text(alphabet='{}()"%\\\n \tab=,@', max_size=80), st.text(max_size=60)))
def test_an_entry_passed_over_in_one_match_reads_as_token_by_token(text):
    # (what without_comments, heads_closed_up and braces_counted read: the same heads and
    # comments, at the same places, so the same texts)
    def read(found):
        return [(m.start(), m.end(), m.groups()) for m in found]

    assert read(_top_level(text)) == read(_read_token_by_token(text))


def test_an_entry_with_a_percent_sign_between_fields_or_deep_braces_is_read_token_by_token():
    # (Each of these entries is read by steps, not passed over: its comment is found, or
    # the head after it is, at its place.)
    for entry in (
        '@article{a, note = "50%", % c\n}\n',
        "@article{a, title = {{{{Deep}}}}, % c\n}\n",
        "@article{a, title = {A}, % c {\n}\n",
        "@misc(a, title = {A}) % c\n",
        "@comment{50% {x}} % c\n",
        # (read in one match up to the comment, by tokens from it)
        '@article{a, note = "50% off", year = {2020}, % checked\n}\n',
        '@article{a, note = "a } b", % c\n}\n',
        '@article{a, note = "a } b", @misc{m, t = {x}}, % c\n}\n',  # (the quote's "}" ends it)
        '@article{a, note = "open {x}, % c\n}\n',
        '@article{a, title = {A}, note = "x\\" % y" % c\n}\n',
    ):
        text = entry + "@book{b, x = {1}}\n% after\n"
        assert read_heads_and_comments(text) == read_heads_and_comments(text, _read_token_by_token), entry
    text = "@article{a, title = {50% {of it}}, x = {\\}}}\n% after\n@book{b,}"
    assert read_heads_and_comments(text) == ["@article{", "% after", "@book{"]
    # A "%" in a quoted value is text; between fields, after it, a comment.
    text = '@article{a, note = "50% off", % checked\n title = {T}}\n% after\n@book{b,}'
    assert read_heads_and_comments(text) == ["@article{", "% checked", "% after", "@book{"]


def read_heads_and_comments(text, read=_top_level):
    return [m.group() if m.group() != "%" else text[m.start():].split("\n")[0] for m in read(text)]


def test_comments_between_fields_and_after_the_last_one_are_comments():
    records, problems = _parse(
        "@article{a,\n  title = {A Paper},\n  journal = {J}, % TODO check volume\n"
        "  doi = {10.1000/pct2},\n  year = {2020}, % last\n}\n"
        "%@article{old,\n%  title = {Commented Out},\n%  year = {2000}}\n"
    )
    assert problems == []
    assert [(r.title, r.venue, r.doi, r.year) for r in records] == [
        ("A Paper", "J", "10.1000/pct2", "2020")
    ]


# --- an entry's head written with spaces ---------------------------------------------

_HEAD_CHARS = st.text(alphabet='{}()"\\\n \tab=,@', max_size=80)


@given(_HEAD_CHARS)
def test_closing_up_a_head_moves_nothing_but_its_at_sign(text):
    # BibTeX reads '@ article {k,' as '@article{k,'; bibtexparser does not. Every place a
    # message can name stays: the lines, and each character but the '@' and the spaces
    # after it, which go before it. (A head broken over lines: the next test.)
    assume(all("\n" not in head.group() for head in re.finditer(r"@\s*[A-Za-z]+\s*[{(]", text)))
    out = heads_closed_up(text)
    assert len(out) == len(text) and out.count("\n") == text.count("\n")
    for before, after in zip(text, out, strict=True):
        assert after == before or {before, after} <= {" ", "\t", "@"}
    assert out.count("@") == text.count("@")


def test_an_entry_head_with_spaces_is_read_as_bibtex_reads_it():
    # It was not read at all: 'no BibTeX entries found' alone, or after another entry
    # "'title' is after the end of entry 'a'".
    records, problems = _parse(
        "@misc{a, title = {A}}\n@ article {k, title = {T}, year = 2020}\n"
        "@ inproceedings{j,\n  title = {U}}\n"
        "  @\tmisc\t(n, title = {W}, abstract = {lunch @ home (noon)\n@ home {x}})\n"
    )
    assert problems == []
    assert [(r.title, r.year) for r in records] == [("A", ""), ("T", "2020"), ("U", ""), ("W", "")]
    assert records[3].abstract == "lunch @ home (noon) @ home x"  # (a head in a value is text)


_NON_HEAD = set('}")\\=,')


@given(st.text(alphabet='{}()"\\\n \tab=,@', max_size=80))
def test_a_head_broken_over_lines_moves_nothing_but_whitespace_and_its_head(text):
    # BibTeX reads '@article\n{k,' and '@\narticle{k,' as '@article{k,'; bibtexparser
    # does not. What is not white space stays in its order, and every character that is
    # no part of a head ('}', '"', '=', ',' ...) keeps its line and column.
    out = heads_closed_up(text)
    assert out.count("\n") == text.count("\n")
    assert "".join(out.split()) == "".join(text.split())
    written, read = text.split("\n"), out.split("\n")
    for line, (before, after) in enumerate(zip(written, read, strict=True)):
        for col, char in enumerate(before):
            if char in _NON_HEAD:
                assert after[col : col + 1] == char, (line, col)


def test_an_entry_head_broken_over_lines_is_read_as_bibtex_reads_it():
    # It was lost: 'no BibTeX entries found' alone, and after another entry nothing at all.
    records, problems = _parse("@article\n{k, title = {T}, year = 2020}\n")
    assert problems == []
    assert [(r.title, r.year) for r in records] == [("T", "2020")]
    records, problems = _parse(
        "@misc{a, title = {A}}\n@article \n  {k, title = {T}}\n@\ninproceedings{j,\n  title = {U}}\n"
        "@\n  misc\n\n\t(n, title = {W}, abstract = {x\n@misc\n{y}})\nsee x @book\n{b, title = {B}}\n"
    )
    assert problems == []
    assert [r.title for r in records] == ["A", "T", "U", "W", "B"]
    assert records[3].abstract == "x @misc y"  # (a head in a value is text)


def test_an_at_sign_ending_a_line_of_text_starts_the_entry_on_the_next_line():
    # BibTeX takes all between entries for a comment up to an '@', then skips white space,
    # line breaks too, to the entry's type: 'see x @' over 'article{b,' is entry b. It
    # was read as text, and the entry lost without a word. An '@' with spaces after it on
    # its own line ("lunch @ home (noon)") stays text.
    records, problems = _parse(
        "@misc{a, title = {A}}\nsee also x @\narticle{b, title = {B},\n  year = {2021}}\n"
        "lunch @ home (noon)\nnotes @ \n  misc {c, title = {C}}\n"
    )
    assert problems == []
    assert [(r.title, r.year, r.source.line) for r in records] == [("A", "", 1), ("B", "2021", 2), ("C", "", 6)]
    # A mistake in it is said at its place as written (at the field read into the value).
    _, problems = _parse("see x @\narticle{b,\n  title = {B},\n  year = {2021}\n  note = {n}}\n")
    assert problems == [
        "lab.bib:5:3: a comma is missing after the value of 'year': the next field, 'note', was read as part of it"
    ]


def test_an_entry_whose_at_sign_is_in_a_comment_is_not_read_and_said_where_it_is():
    # BibTeX has no comments: it would read 'see x @' over 'article{b,' as entry b. biber
    # and JabRef read a '%' line as a comment, as this import reads every '%' between
    # entries, so the '@' is gone and 'article{b, ...}' is text. It was lost without a
    # word, or after another entry said to be fields after its end, "a '}' too many".
    text = "% see x @\narticle{b,\n  title = {B},\n  year = {2021}}\n@misc{a, title = {A}}\n"
    records, problems = _parse(text)
    assert [r.title for r in records] == ["A"]
    assert problems == [
        "lab.bib:2:1: warning: 'article{b,' is no entry: its '@' is in the '%' comment on line 1,"
        " which biber and JabRef read as a comment (BibTeX alone would read the entry); not"
        " imported: write '@article{b,' on line 2 to import it",
    ]
    records, problems = _parse("@misc{a, title = {A}}\n" + text.replace("@misc{a, title = {A}}\n", ""))
    assert [r.title for r in records] == ["A"]
    assert problems == [
        "lab.bib:3:1: warning: 'article{b,' is no entry: its '@' is in the '%' comment on line 2,"
        " which biber and JabRef read as a comment (BibTeX alone would read the entry); not"
        " imported: write '@article{b,' on line 3 to import it",
    ]


def test_an_entry_whose_head_alone_is_commented_out_is_not_read_and_said_where_it_is():
    # '% @article{old,' over fields not commented out: biber skips the fields as text,
    # BibTeX (no comments) reads the entry. It was lost without a word, or after another
    # entry said to be that entry's fields after "a '}' too many", an error.
    for before, line in (("", 2), ("@misc{a, title = {A}}\n", 3)):
        records, problems = _parse(before + "% @article{old,\n  title = {Old},\n  year = 2000}\n@misc{b, title = {B}}\n")
        assert [r.title for r in records] == (["A", "B"] if before else ["B"])
        assert problems == [
            f"lab.bib:{line}:3: warning: 'title' and the fields after it are entry 'old''s, whose head"
            f" '@article{{old,' is in the '%' comment on line {line - 1}, which biber and JabRef read as a"
            " comment (BibTeX alone would read the entry); not imported: remove the '%' to import it,"
            " or comment out its fields too",
        ]


def test_a_commented_out_head_after_an_entry_without_its_at_sign_is_said_too():
    # The text between two entries held both: the entry without its '@' was said, and the
    # fields under '% @article{old,' were lost without a word (so was a second commented-out
    # head after a first). Each is said at its place, whichever comes first.
    headless = (
        "lab.bib:{}:1: warning: 'article{{b,' is no entry: it has no '@' before its type, so BibTeX and"
        " biber skip it as text between entries; not imported: write '@article{{b,' on line {} to import it"
    )
    commented = (
        "lab.bib:{}:3: warning: 'title' and the fields after it are entry '{}''s, whose head"
        " '@article{{{},' is in the '%' comment on line {}, which biber and JabRef read as a"
        " comment (BibTeX alone would read the entry); not imported: remove the '%' to import it,"
        " or comment out its fields too"
    )
    b, old, old2 = "article{b,\n  title = {B}}\n", "% @article{old,\n  title = {Old},\n  year = 2000}\n", (
        "% @article{old2,\n  title = {Old2}}\n"
    )
    for between, said in (
        (b + old, [headless.format(2, 2), commented.format(5, "old", "old", 4)]),
        (old + b, [commented.format(3, "old", "old", 2), headless.format(5, 5)]),
        (old + old2, [commented.format(3, "old", "old", 2), commented.format(6, "old2", "old2", 5)]),
    ):
        problems = Problems()
        records = parse_bibtex("@misc{a, title = {A}}\n" + between + "@misc{c, title = {C}}\n", "lab.bib", problems)
        assert [r.title for r in records] == ["A", "C"]
        assert [str(p) for p in problems.sorted()] == said  # (as the terminal shows them)


def test_an_entry_without_its_at_sign_is_not_read_and_said_where_it_is():
    # BibTeX and biber skip it as text between entries (removing the '@' is BibTeX's way
    # to leave an entry out): not imported, but never without a word.
    records, problems = _parse(
        "@misc{a, title = {A}}\n\n  inproceedings {b, title = {B},\n  year = {2021}}\n"
        "article(c,\n  title = {C})\nsee{x, y} and a reference{k, page}\n"
    )
    assert [r.title for r in records] == ["A"]
    assert problems == [
        "lab.bib:3:3: warning: 'inproceedings {b,' is no entry: it has no '@' before its type, so"
        " BibTeX and biber skip it as text between entries; not imported: write"
        " '@inproceedings{b,' on line 3 to import it",
        "lab.bib:5:1: warning: 'article(c,' is no entry: it has no '@' before its type, so"
        " BibTeX and biber skip it as text between entries; not imported: write '@article(c,'"
        " on line 5 to import it",
    ]


_UNKNOWN_TYPE = (
    "warning: @artcle is no BibTeX or biblatex entry type (did you mean @article?); entry 'k'"
    " is imported as a @misc, as BibTeX and biber read it: correct the type"
)
_TWO_COMMAS = "a comma too many: two commas in a row, with no field between them; delete one"
_NO_COMMA = "a comma is missing after the citation key 'm': write '@article{m,'"


@pytest.mark.parametrize(("text", "said"), [
    ("@ artcle {k,\n  title = {T}, year = 2020}\n", [f"lab.bib:1:3: {_UNKNOWN_TYPE}"]),
    (
        "@ article {k,\n  title = {T},, year = 2020}\n@ article {m title = {V}}\n",
        [f"lab.bib:2:15: {_TWO_COMMAS}", f"lab.bib:3:12: {_NO_COMMA}"],
    ),
    # A head broken over lines: its type is said at its '@'.
    ("@artcle\n{k,\n  title = {T}, year = 2020}\n", [f"lab.bib:1:2: {_UNKNOWN_TYPE}"]),
    (
        "@article\n{k,\n  title = {T},, year = 2020}\n@\narticle  {m title = {V}}\n",
        [f"lab.bib:3:15: {_TWO_COMMAS}", f"lab.bib:5:11: {_NO_COMMA}"],
    ),
    # (So is a key on the line after its brace, as written by hand: 'no citation key' was said.)
    ("@article{\n  m title = {V}}\n", [f"lab.bib:2:3: {_NO_COMMA}"]),
])
def test_what_is_said_in_an_entry_whose_head_bibtexparser_could_not_read_is_said_where_written(text, said):
    assert _parse(text)[1] == said


# --- values --------------------------------------------------------------------------


def test_a_missing_comma_is_an_error_where_the_next_field_starts():
    _, problems = _parse(
        "@article{a,\n  title   = {Missing Comma Entry}\n  author  = {Beta, B.},\n  year = 2002,\n}\n"
        "@article{b, title = {Two fields} year = {2001}}\n"
    )
    assert problems == [
        "lab.bib:3:3: a comma is missing after the value of 'title': the next field,"
        " 'author', was read as part of it",
        "lab.bib:6:34: a comma is missing after the value of 'title': the next field,"
        " 'year', was read as part of it",
    ]


def test_a_brace_closed_too_early_is_an_error_at_the_field_left_out():
    _, problems = _parse("@article{d,\n  title = {Extra Close}},\n  author = {Y},\n}\n")
    assert problems == [
        "lab.bib:3:3: 'author' is after the end of entry 'd', so it is not read: a '}' too"
        " many ends the entry early"
    ]


def test_a_brace_left_open_is_an_error_at_its_field():
    _, problems = _parse(
        "@article{ok, title = {Fine}}\n\n@article{m,\n  title = {Missing Brace,\n"
        "  author = {G, G},\n  year = {2003},\n}\n"
    )
    assert problems == [
        "lab.bib:4:3: the value of 'title' opens a brace it does not close (so the entry"
        " cannot be read); close it with '}'"
    ]


def test_concatenation_strings_and_months_are_resolved():
    records, problems = _parse(
        '@string{acl = {Proceedings of ACL}}\n@STRING{Year = "2019"}\n'
        '@inproceedings{a, title = "Concatenated " # "Title", booktitle = acl # " (NAACL)",'
        " year = year, month = jan, note = {x} # 2020}\n"
    )
    assert problems == []
    assert [(r.title, r.venue, r.year) for r in records] == [
        ("Concatenated Title", "Proceedings of ACL (NAACL)", "2019")
    ]


def test_a_value_of_one_braced_text_is_read_whole_and_braced_parts_joined():
    # One braced text (a quote in it is text) is the usual value, left to bibtexparser;
    # braced parts joined by "#" start and end with a brace too, and are joined.
    records, problems = _parse(
        '@misc{a, title = { A "quoted" word }, note = {x}}\n'
        '@misc{b, title = {Two} # { parts}, note = {}}\n'
        '@misc{c, title = {Nested {GAN}s} # {!}}\n'
    )
    assert problems == []
    assert [r.title for r in records] == ['A "quoted" word', "Two parts", "Nested GANs!"]


def test_a_macro_no_string_defines_is_a_warning_and_stays_as_written():
    records, problems = _parse("@inproceedings{a, title = {T},\n  booktitle = neurips}\n")
    assert [r.venue for r in records] == ["neurips"]
    assert problems == [
        "lab.bib:2:15: warning: 'booktitle' uses 'neurips', which no @string defines: its"
        " name is taken as the value; define it, or write the value in braces"
    ]


def test_a_bare_value_of_several_words_is_a_warning_and_read_as_written():
    # BibTeX and biber refuse it ('Deep' a macro's name, then "expecting a ',' or a '}'"
    # at 'Learning', and the entry is skipped); it was imported as written without a word.
    records, problems = _parse(
        "@article{a,\n  title = Deep Learning for X,\n  author = {Smith, Bob},\n  year = {2020},\n}\n"
        "@article{b, title = {B},\n  journal =\n    Nature Machine\n    Intelligence}\n"
    )
    assert [(r.title, r.authors, r.venue, r.year) for r in records] == [
        ("Deep Learning for X", ("Bob Smith",), "", "2020"), ("B", (), "Nature Machine Intelligence", ""),
    ]
    assert problems == [
        "lab.bib:2:11: warning: the value of 'title' in entry 'a' is words without braces or"
        " quotes, which BibTeX and biber refuse (they read 'Deep' as a @string's name and stop"
        " at the next word): read as written, 'Deep Learning for X'; write it in braces,"
        " {Deep Learning for X}",
        "lab.bib:8:5: warning: the value of 'journal' in entry 'b' is words without braces or"
        " quotes, which BibTeX and biber refuse (they read 'Nature' as a @string's name and stop"
        " at the next word): read as written, 'Nature Machine Intelligence'; write it in braces,"
        " {Nature Machine Intelligence}",
    ]


def test_a_bare_value_starting_with_a_number_is_said_to_be_read_as_a_number():
    # (user: 'year = 2020 edition' was told BibTeX reads '2020' "as a @string's name";
    # BibTeX reads digits as a number, a name only starts with a letter)
    _, problems = _parse("@article{a,\n  title = {A},\n  year = 2020 edition,\n}\n")
    assert problems == [
        "lab.bib:3:10: warning: the value of 'year' in entry 'a' is words without braces or"
        " quotes, which BibTeX and biber refuse (they read '2020' as a number and stop at the"
        " next word): read as written, '2020 edition'; write it in braces, {2020 edition}",
    ]


# --- fields and keys given twice -----------------------------------------------------


def test_a_field_given_twice_in_two_cases_is_a_warning_and_the_first_is_read():
    # (BibTeX and biber keep the first and warn; the last one silently won.)
    records, problems = _parse("@article{df,\n  title = {First},\n  TITLE = {Second},\n}\n")
    assert [r.title for r in records] == ["First"]
    assert problems == [
        "lab.bib:3:3: warning: 'TITLE' is 'title' again (line 2) in entry 'df': the first is"
        " read; keep one"
    ]


def test_a_field_given_twice_is_reported_at_the_second_not_in_bibtexparsers_words():
    _, problems = _parse("@article{df,\n  title = {T},\n  year = {2020},\n  year = {2021},\n}\n")
    assert problems == ["lab.bib:4:3: field 'year' is given twice (first at line 3); keep one"]


def test_a_field_given_twice_on_one_line_is_reported_at_the_second_not_the_entrys_at():
    # (fix35) Looked for at a line's start only: in an entry written on one line, or a
    # line holding two fields, the second was told at the entry's "@" (or its first line).
    one_line = "@article{a, title={A}, year={2020}, title={B}}\n"
    _, problems = _parse(one_line)
    assert one_line.rindex("title") + 1 == 37
    assert problems == ["lab.bib:1:37: field 'title' is given twice (first at line 1); keep one"]
    # After another entry on its line; a field's name inside a value is none ("note =
    # {title = x}"); the second on a line of its own, beside another field.
    after = "@misc{z, title={Z}} @misc{a, note={title = {x}}, title={A}, year={2020}, title={B}}\n"
    _, problems = _parse(after)
    assert after.rindex("title") + 1 == 74
    assert problems == ["lab.bib:1:74: field 'title' is given twice (first at line 1); keep one"]
    _, problems = _parse("@article{a,\n  title={A}, year={1}, title={B}\n}\n")
    assert problems == ["lab.bib:2:24: field 'title' is given twice (first at line 2); keep one"]


def test_a_key_given_twice_names_the_first():
    _, problems = _parse("@article{k, title = {A}}\n\n@article{k, title = {B}}\n")
    assert problems == [
        "lab.bib:3:1: duplicate BibTeX key 'k' (first at line 1); give each entry its own key"
    ]


def test_a_key_given_twice_to_the_same_entry_is_told_to_delete_the_second():
    # (curator walkthrough: one Google Scholar entry pasted twice into a lab's .bib was
    # told "give each entry its own key", which would import it as a duplicate to merge)
    entry = "@article{kingma2014adam,\n  title={Adam},\n  year={2014}\n}\n"
    _, problems = _parse(entry + "\n" + entry.replace("\n  ", "\n    "))
    assert problems == [
        "lab.bib:6:1: duplicate BibTeX key 'kingma2014adam' (first at line 1): the same"
        " entry again; delete this one"
    ]


# --- what the first version of this got wrong (a code review) ----------------------------


def test_a_percent_sign_in_a_quoted_value_over_several_lines_is_text():
    records, problems = _parse(
        '@article{a,\n  title = {T},\n  abstract = "We study memory. Line one\n'
        'we save 30% of time, and more",\n  year = 2020,\n}\n'
    )
    assert problems == []
    assert [r.abstract for r in records] == ["We study memory. Line one we save 30% of time, and more"]


def test_a_percent_sign_in_a_comment_or_preamble_block_is_text():
    records, problems = _parse(
        "@comment{ this is 50% of it, {nested} }\n"
        '@preamble{"\\newcommand{\\x}{50%}"}\n'
        "@article(p, title = {Paren Entry}, note = {x}) % a comment after it\n"
    )
    assert problems == [] and [r.title for r in records] == ["Paren Entry"]


def test_an_at_string_made_of_others_is_resolved():
    records, problems = _parse(
        '@string{acl = "ACL"}\n@string{acl20 = acl # " 2020"}\n'
        "@inproceedings{a, title = {T}, booktitle = acl20}\n"
    )
    assert problems == [] and [r.venue for r in records] == ["ACL 2020"]


def test_a_bare_value_bibtex_would_refuse_is_left_as_written_in_a_field_not_read():
    # `pages = 1--10` was accepted before; the importer does not read pages at all.
    records, problems = _parse("@article{a, title = {T}, pages = 1--10, volume = 3a, year = 2020}\n")
    assert problems == [] and [(r.title, r.year) for r in records] == [("T", "2020")]


def test_an_address_written_bare_is_taken_as_written_without_a_warning():
    records, problems = _parse("@misc{a, title = {T}, url = http://x.org/page}\n")
    assert problems == [] and [[link.url for link in r.links] for r in records] == [["http://x.org/page"]]


def test_a_brace_left_open_is_found_past_a_closed_value_that_reads_like_a_field():
    # A closed note holding ", pages = 3", an abstract with a line "results = good": they
    # look like a field starting inside a value, but they close; the open one is later.
    _, problems = _parse(
        "@article{m,\n  title = {Ok},\n  note = {see x, pages = 3},\n  abstract = {We"
        " show\nresults = good},\n  author = {Open Brace,\n  year = {2003},\n}\n"
    )
    assert problems == [
        "lab.bib:6:3: the value of 'author' opens a brace it does not close (so the entry"
        " cannot be read); close it with '}'"
    ]


def test_a_brace_left_open_inside_a_value_names_that_value():
    _, problems = _parse("@article{n,\n  title = {A {B} {C},\n  year = {2003},\n}\n")
    assert problems == [
        "lab.bib:2:3: the value of 'title' opens a brace it does not close (so the entry"
        " cannot be read); close it with '}'"
    ]


def test_an_entry_left_open_blames_no_closed_field_and_a_paren_entry_names_its_open_value():
    # The entry's own "}" is missing: every value is closed, so no field is named.
    _, problems = _parse("@article{k,\n  title = {T},\n  year = {2020}\n")
    assert len(problems) == 1 and "opens a brace" not in problems[0], problems
    # An entry written with parentheses: the open value is the title.
    _, problems = _parse("@article(k,\n  title = {Open,\n  year = {2020}\n)\n")
    assert problems == [
        "lab.bib:2:3: the value of 'title' opens a brace it does not close (so the entry"
        " cannot be read); close it with '}'"
    ]


def test_a_last_field_or_a_value_with_two_braces_left_open_is_named_and_a_missing_entry_end_said():
    # The last field's value left open: it takes the entry's "}", standing on its own line.
    _, problems = _parse(
        "@article{a,\n  title = {A},\n  note = {last field {open},\n}\n\n@article{b, title = {B}}\n")
    assert problems == [
        "lab.bib:3:3: the value of 'note' opens a brace it does not close (so the entry"
        " cannot be read); close it with '}'"
    ]
    _, problems = _parse("@article{c,\n  title = {Two {open {here},\n  year = {2020},\n}\n")
    assert problems == [
        "lab.bib:2:3: the value of 'title' opens a brace it does not close (so the entry"
        " cannot be read); close it with '}'"
    ]
    # Every value closed, the entry not: said at the entry.
    _, problems = _parse("@article{ok, title = {Fine}}\n@article{k,\n  title = {T},\n  year = {2020}\n")
    assert problems == ["lab.bib:2:1: this entry is not closed: end it with '}' after its last field"]


def test_every_value_left_open_in_an_entry_is_said_at_once():
    # (Only the first was said: fixing it, the curator met the next on the next run.) The
    # first never closes; the last took the entry's own "}", standing on its line.
    said = "opens a brace it does not close (so the entry cannot be read); close it with '}'"
    _, two = _parse("@article{a,\n  title = {A,\n  author = {B,\n  year = {2020}\n}\n\n@misc{b, title = {B}}\n")
    _, three = _parse("@article{a,\n  title = {A,\n  author = {B,\n  note = {C,\n  year = {2020}\n}\n")
    assert two == [f"lab.bib:2:3: the value of 'title' {said}", f"lab.bib:3:3: the value of 'author' {said}"]
    assert three == [
        f"lab.bib:2:3: the value of 'title' {said}", f"lab.bib:3:3: the value of 'author' {said}",
        f"lab.bib:4:3: the value of 'note' {said}",
    ]
    # An abstract closed on a line of its own is not blamed; left open, it is.
    _, closed = _parse("@article{a,\n  title = {A,\n  abstract = {\nWe show.\n},\n  year = {2020}\n}\n")
    _, open_ = _parse("@article{a,\n  title = {A,\n  abstract = {\nWe show.\n,\n  year = {2020}\n}\n")
    assert closed == [f"lab.bib:2:3: the value of 'title' {said}"]
    assert open_ == [f"lab.bib:2:3: the value of 'title' {said}", f"lab.bib:3:3: the value of 'abstract' {said}"]
    # A double quote left open beside a brace left open in another value: both.
    _, both = _parse('@article{a,\n  title = "A,\n  author = {B,\n  year = {2020}\n}\n')
    assert both == [
        "lab.bib:2:3: the value of 'title' opens a double quote it does not close (so the entry"
        " cannot be read); close it with '\"'",
        f"lab.bib:3:3: the value of 'author' {said}",
    ]


def test_a_key_given_twice_is_said_even_when_its_first_entry_cannot_be_read():
    # (bibtexparser compares only the entries it read: the duplicate surfaced only once the
    # first entry was fixed.)
    _, problems = _parse(
        "@article{a, title={A}, title={A again}, year={2020}}\n\n@article{a, title={Dup key}, year={2020}}\n")
    assert problems == [
        "lab.bib:1:24: field 'title' is given twice (first at line 1); keep one",
        "lab.bib:3:1: duplicate BibTeX key 'a' (first at line 1); give each entry its own key",
    ]


def test_a_key_given_twice_is_said_when_an_entry_with_it_is_read_with_a_sure_fix():
    # A key without its comma after it, the same as an entry's read well: told only of
    # the comma, the duplicate met on the next run. Said at the second, whichever it is.
    comma = "a comma is missing after the citation key 'k': write '@article{k,'"
    twice = "duplicate BibTeX key 'k' (first at line 1); give each entry its own key"
    _, problems = _parse("@article{k, title = {A}}\n@article{k title = {B}, year = 2020}\n")
    assert problems == [f"lab.bib:2:10: {comma}", f"lab.bib:2:1: {twice}"]
    _, problems = _parse("@article{k title = {B}, year = 2020}\n@article{k, title = {A}}\n")
    assert problems == [f"lab.bib:1:10: {comma}", f"lab.bib:2:1: {twice}"]
    # Two such entries: said once.
    _, problems = _parse("@article{k title = {B}}\n@article{k title = {A}}\n")
    assert problems == [f"lab.bib:1:10: {comma}", f"lab.bib:2:10: {comma}", f"lab.bib:2:1: {twice}"]


def test_a_key_with_braces_is_a_duplicate_of_the_key_its_plain_letters_spell():
    # '{Smith}2020' is to be written 'Smith2020', as its own message says: the key of
    # another entry. Told only of the braces, the duplicate met on the next run. Said at
    # the second, whichever it is, with how the first is written.
    braces = (
        "the citation key '{Smith}2020' holds a brace or a backslash, which no key may: write it in plain"
        " letters, as 'Smith2020'"
    )
    _, problems = _parse("@article{Smith2020, title = {A}}\n@article{{Smith}2020, title = {B}}\n")
    assert problems == [
        f"lab.bib:2:10: {braces}",
        "lab.bib:2:1: duplicate BibTeX key '{Smith}2020' (first at line 1, as 'Smith2020'); give each entry"
        " its own key",
    ]
    _, problems = _parse("@article{{Smith}2020, title = {B}}\n\n@article{Smith2020, title = {A}}\n")
    assert problems == [
        f"lab.bib:1:10: {braces}",
        "lab.bib:3:1: duplicate BibTeX key 'Smith2020' (first at line 1, as '{Smith}2020'); give each entry"
        " its own key",
    ]
    # Another key is no duplicate.
    _, problems = _parse("@article{Smith2021, title = {A}}\n@article{{Smith}2020, title = {B}}\n")
    assert problems == [f"lab.bib:2:10: {braces}"]


def test_a_quoted_value_with_a_brace_left_open_is_an_error_at_its_field():
    # (BibTeX and biber refuse it; it was imported as written, brace and all.)
    records, problems = _parse('@article{q,\n  title = "Quoted {title",\n  year = {2020}\n}\n')
    assert problems == [
        "lab.bib:2:3: the value of 'title' opens a brace it does not close (braces pair in a"
        " quoted value too); close it with '}'"
    ]


def test_an_entry_cut_where_bibtexparser_gave_up_keeps_its_words():
    # (A missing comma after the key, a missing "=" or a missing key were called "not
    # closed": the block bibtexparser hands back stops where it gave up. Then they were
    # bibtexparser's "Expected comma after entry key, but found =", of a key: now what
    # is wrong with the key, and how to write it.)
    for text, words in [
        ("@article{a title={A},\n year={2020}}\n",
         "lab.bib:1:10: a comma is missing after the citation key 'a': write '@article{a,'"),
        # (The key alone on its line, the fields below it, as most files are laid out:
        # it was still bibtexparser's words.)
        ("@article{hu2021\n  title = {A},\n year={2020}}\n",
         "lab.bib:1:10: a comma is missing after the citation key 'hu2021': write '@article{hu2021,'"),
        # (Two commas in a row: said at the second, where bibtexparser's "Expected a `=`
        # after entry key" was taken for the field before it having no "=".)
        ("@article{a,\n  title = {A},\n  year = {2020},,\n  pages = {1--2}\n}\n",
         "lab.bib:3:17: a comma too many: two commas in a row, with no field between them; delete one"),
        ("@article{a, title={A},, year={2020}}\n",
         "lab.bib:1:23: a comma too many: two commas in a row, with no field between them; delete one"),
        # (said at the field, by its name)
        ("@article{a,\n title {A}, year={2}}\n", "lab.bib:2:2: field 'title' has no '='"),
        ("@article{\n title = {A}, year={2}}\n",
         "lab.bib:1:9: this entry has no citation key: write one and a comma after its '{',"
         " as '@article{key,'"),
        # (Some exporters write a name's accent into the key, which BibTeX refuses.)
        ('@inproceedings{sch{\\"o}lkopf1998kernel,\n title={A},\n year={1998}}\n',
         "lab.bib:1:16: the citation key 'sch{\\\"o}lkopf1998kernel' holds a brace or a"
         " backslash, which no key may: write it in plain letters, as 'scholkopf1998kernel'"),
    ]:
        _, problems = _parse(text)
        assert len(problems) == 1 and words in problems[0] and "not closed" not in problems[0], problems


def test_the_mistakes_past_the_one_bibtexparser_stopped_at_are_said_in_the_same_run():
    # (bibtexparser gives up on an entry at its first mistake: the next was met only once
    # the curator had fixed that one, one run each.) Read again as its message says to
    # fix it, the entry's other mistakes are said too, at their places as written: "year"
    # is at column 24 of line 2, as the file has it, before the key's missing comma.
    records, problems = _parse_sorted(
        "@misc{ok, title = {Fine}}\n@article{c title = {A} year = {2020},\n"
        "  author = {B},,\n  jornal {J}\n}\n@misc{ok2, title = {Fine too}}\n"
    )
    assert problems == [
        "lab.bib:2:10: a comma is missing after the citation key 'c': write '@article{c,'",
        "lab.bib:2:24: a comma is missing after the value of 'title': the next field, 'year',"
        " was read as part of it",
        "lab.bib:3:16: a comma too many: two commas in a row, with no field between them; delete one",
        "lab.bib:4:3: field 'jornal' has no '=' before its value; write 'jornal = ...'",
    ]
    assert [r.title for r in records] == ["Fine", "Fine too"]  # (and no entry read from a guess)
    # Two such entries, each with two mistakes; a value left open has no sure fix, and is
    # the last said of its entry.
    _, problems = _parse_sorted(
        "@article{a title = {A},\n  year 2020}\n@article{b title = {B},,\n  year = {2020}}\n"
        "@article{d title = {D},\n  note = {open,\n  year = {2020}\n}\n"
    )
    assert problems == [
        "lab.bib:1:10: a comma is missing after the citation key 'a': write '@article{a,'",
        "lab.bib:2:3: field 'year' has no '=' before its value; write 'year = ...'",
        "lab.bib:3:10: a comma is missing after the citation key 'b': write '@article{b,'",
        "lab.bib:3:24: a comma too many: two commas in a row, with no field between them; delete one",
        "lab.bib:5:10: a comma is missing after the citation key 'd': write '@article{d,'",
        "lab.bib:6:3: the value of 'note' opens a brace it does not close (so the entry cannot be"
        " read); close it with '}'",
    ]


def test_the_mistakes_on_the_lines_after_the_one_bibtexparser_stopped_at_are_said_too():
    # bibtexparser hands the rest of the entry back as a comment, starting on the next
    # line: that comment's lines are the entry's, and its mistakes were dropped unsaid.
    # (Columns as written: " author {B},," has its second comma at 13.)
    _, problems = _parse_sorted(
        "@article{a,\n title = {A},,\n author {B},,\n year = {2020}}\n@misc{ok, title = {Fine}}\n"
    )
    assert problems == [
        "lab.bib:2:14: a comma too many: two commas in a row, with no field between them; delete one",
        "lab.bib:3:2: field 'author' has no '=' before its value; write 'author = ...'",
        "lab.bib:3:13: a comma too many: two commas in a row, with no field between them; delete one",
    ]


def test_a_mistake_a_fix_brings_to_light_at_its_own_place_is_said_beside_it():
    # A key with a brace and no comma after it: once the comma is written, the brace is
    # the next mistake, at the same place; it was dropped as said already.
    _, problems = _parse_sorted('@article{sch{\\"o}lkopf98 title = {A}, year = {2020}}\n')
    assert problems == [
        # (The key as written, one backslash: its repr() doubled it.)
        "lab.bib:1:10: a comma is missing after the citation key 'sch{\\\"o}lkopf98': write"
        " '@article{sch{\\\"o}lkopf98,'",
        "lab.bib:1:10: the citation key 'sch{\\\"o}lkopf98' holds a brace or a backslash, which no key"
        " may: write it in plain letters, as 'scholkopf98'",
    ]
    # Elsewhere a place is said once: a key given twice, in other words once both read.
    _, problems = _parse_sorted("@article{x,\n title {A}\n}\n@article{x,\n title {A}\n}\n")
    assert [p for p in problems if ":4:1:" in p] == [
        "lab.bib:4:1: duplicate BibTeX key 'x' (first at line 1); give each entry its own key"
    ]


def _parse_sorted(text: str):
    problems = Problems()
    records = parse_bibtex(text, "lab.bib", problems)
    return records, [str(p) for p in problems.sorted()]


def test_a_quoted_value_never_closed_is_an_error_at_its_field():
    # (It was bibtexparser's "Unexpectedly reached end of file." or "Unexpected block
    # start: `@article`", at the entry's first line.)
    said = "opens a double quote it does not close (so the entry cannot be read); close it with '\"'"
    _, at_end = _parse('@article{a,\n  title = "Fine",\n  journal = "Nature,\n  year = {2020}\n}\n')
    _, before_next = _parse(
        '@article{a,\n  title = "A {"} b,\n  year = {2020}\n}\n\n@article{b,\n  title = {B}\n}\n')
    assert at_end == [f"lab.bib:3:3: the value of 'journal' {said}"]
    assert before_next == [f"lab.bib:2:3: the value of 'title' {said}"]


def test_a_quoted_value_with_a_brace_too_many_says_so():
    # (Also when a "{" comes after it: "Foo } bar {baz" was imported as written.)
    _, later = _parse('@article{q,\n  title = "Foo } bar {baz",\n  year = {2020}\n}\n')
    _, problems = _parse('@article{q,\n  title = "Foo bar}",\n  year = {2020}\n}\n')
    assert later == problems == [
        "lab.bib:2:3: the value of 'title' closes a brace it never opened (braces pair in a"
        " quoted value too); remove it, or add its '{'"
    ]


def test_a_field_without_its_equals_sign_on_the_entrys_first_line_is_said_at_its_name():
    # On a one-line entry (or after another field on its line) it was bibtexparser's
    # "Expected a `=` after entry key, but found `{`" at column 1, of no key.
    for text, said in [
        ("@article{k, title {A paper}, year=2020}\n", "lab.bib:1:13: field 'title' has no '='"),
        ('@misc{k, author "X", title="T"}\n', "lab.bib:1:10: field 'author' has no '='"),
        ("@article{k, title={A}, author {B}, year=2020}\n", "lab.bib:1:24: field 'author' has no '='"),
        ("@article{k,\n title={A}, author {B}, year=2020}\n", "lab.bib:2:13: field 'author' has no '='"),
        ("  @article{k, title={A}, year 2020}\n", "lab.bib:1:26: field 'year' has no '='"),
        ("@article{k, title={A},\n  author\n  {B}}\n", "lab.bib:2:3: field 'author' has no '='"),
    ]:
        _, problems = _parse(text)
        assert problems == [f"{said} before its value; write '{said.split(chr(39))[1]} = ...'"], text
    # An entry with no title is a warning (skipped, the rest imported), which, as every
    # warning of an entry that cannot be read, is said once it reads: the error stops
    # the import meanwhile.
    _, problems = _parse_sorted('@misc{k, author "X"}\n')
    assert problems == ["lab.bib:1:10: field 'author' has no '=' before its value; write 'author = ...'"]
    _, problems = _parse_sorted('@misc{k, author = "X"}\n')
    assert problems == [
        "lab.bib:1:1: warning: BibTeX entry 'k' has no title; skipped, nothing imported from it: give it one"
        " (title = {...}) to import it, or delete the entry",
    ]
    _, problems = _parse_sorted("@article{k, title {A}, author {B}, year=2020}\n@misc{ok, title={Fine}}\n")
    assert problems == [
        "lab.bib:1:13: field 'title' has no '=' before its value; write 'title = ...'",
        "lab.bib:1:24: field 'author' has no '=' before its value; write 'author = ...'",
    ]


def test_a_bare_value_holding_a_comma_is_said_to_need_braces():
    # (reviewer: `title = Deep Learning, a Survey,` stopped the import with "field 'a' has
    # no '=' before its value", a field the file has not; the value before the comma is
    # the one to mend)
    _, problems = _parse_sorted(
        "@article{a,\n  title = Deep Learning, a Survey,\n  year = 2020,\n}\n@misc{ok, title = {Fine}}\n"
    )
    assert problems == [
        "lab.bib:2:11: the value of 'title' holds a comma but no braces, and a comma ends a value"
        " ('a Survey' was read as a field with no '='); write it in braces: 'title = {Deep Learning, a Survey}'",
    ]
    # On the entry's line, closed there, and with another mistake after it, said too.
    _, problems = _parse_sorted(
        "@article{a, title = Transformers, a Survey, year = 2020}\n"
        "@article{b,\n  title = Deep Learning, a Survey,\n  year 2020,\n}\n"
    )
    assert problems == [
        "lab.bib:1:21: the value of 'title' holds a comma but no braces, and a comma ends a value"
        " ('a Survey' was read as a field with no '='); write it in braces: 'title = {Transformers, a Survey}'",
        "lab.bib:3:11: the value of 'title' holds a comma but no braces, and a comma ends a value"
        " ('a Survey' was read as a field with no '='); write it in braces: 'title = {Deep Learning, a Survey}'",
        "lab.bib:4:3: field 'year' has no '=' before its value; write 'year = ...'",
    ]
    # A field without its '=' after a bare value (a month's macro) is that, as before.
    _, problems = _parse_sorted("@article{a, title = {A},\n  month = jan, year 2020}\n")
    assert problems == ["lab.bib:2:16: field 'year' has no '=' before its value; write 'year = ...'"]


def test_a_field_without_its_equals_after_a_whole_bare_value_is_said_as_that():
    # (lead: `month = jan, note foo,` was told "the value of 'month' holds a comma but no
    # braces ... write it in braces: 'month = {jan, note foo}'": but `jan` is a whole
    # value, a month's macro, and its comma ends it as it should; what is wrong is the
    # next field, written without its '='.) So after a number and a @string's name too.
    for text, said in [
        ("@article{a, title = {A},\n  month = jan, note foo,\n  year = 2020,\n}\n", "lab.bib:2:16: field 'note'"),
        ("@article{a, title = {A},\n  volume = 12, note foo}\n", "lab.bib:2:16: field 'note'"),
        (
            "@string{nips = {NeurIPS}}\n@article{a, title = {A},\n  booktitle = nips, note see the appendix}\n",
            "lab.bib:3:21: field 'note'",
        ),
    ]:
        _, problems = _parse_sorted(text)
        assert problems == [f"{said} has no '=' before its value; write 'note = ...'"], text
    # A word that is no macro the file or BibTeX defines is a value cut at its comma.
    _, problems = _parse_sorted("@article{a,\n  title = Attention, is all you need,\n  year = 2020,\n}\n")
    assert problems == [
        "lab.bib:2:11: the value of 'title' holds a comma but no braces, and a comma ends a value"
        " ('is all you need' was read as a field with no '='); write it in braces:"
        " 'title = {Attention, is all you need}'",
    ]


def test_words_after_a_whole_value_that_are_no_field_are_said_as_words_without_a_name():
    # (lead: `month = jan, a Survey of Things,` was told "field 'a' has no '=' before its
    # value; write 'a = ...'": BibTeX's reading, but no curator meant a field 'a'. After
    # `month = jan,` BibTeX expects a field's name and '='; words with neither are most
    # likely a value whose field's name was left out. Not to brace with the month: that
    # is no month.) Said at the words; no sure fix, so nothing past it in the entry.
    fix = "if these words are a field's value, write its name and '=' before them, the words in braces"
    for text, said in [
        (
            "@article{a, title = {A},\n  month = jan, a Survey of Things,\n  year = 2020,\n}\n",
            "lab.bib:2:16: after 'month = jan,' BibTeX expects a field's name and '=', and 'a Survey"
            f" of Things' is no field's: {fix} (as 'note = {{a Survey of Things}}' for a note); else"
            " delete them",
        ),
        (  # (a number, at the entry's end)
            "@article{a, title = {A},\n  year = 2020, a Survey of Things\n}\n",
            "lab.bib:2:16: after 'year = 2020,' BibTeX expects a field's name and '=', and 'a Survey"
            f" of Things' is no field's: {fix} (as 'note = {{a Survey of Things}}' for a note); else"
            " delete them",
        ),
        (  # (a braced value)
            "@article{a, title = {Deep Things}, a Survey of Things,\n  year = 2020,\n}\n",
            "lab.bib:1:36: after 'title = {Deep Things},' BibTeX expects a field's name and '=', and"
            f" 'a Survey of Things' is no field's: {fix} (as 'note = {{a Survey of Things}}' for a"
            " note); else delete them",
        ),
        (  # (a @string's name: the words may go on its value, joined with '#')
            "@string{nips = {NeurIPS}}\n@article{a, title = {A},\n  booktitle = nips, Workshop on Things,\n}\n",
            "lab.bib:3:21: after 'booktitle = nips,' BibTeX expects a field's name and '=', and"
            f" 'Workshop on Things' is no field's: {fix} (as 'note = {{Workshop on Things}}' for a"
            " note); if they go on the value of 'booktitle', join them to it with '#':"
            " 'booktitle = nips # {, Workshop on Things}'; else delete them",
        ),
        (  # (reviewer: right after the key, told "field 'Deep' has no '='", as BibTeX reads it)
            "@article{k4, Deep Learning, title = {X},\n  year = 2020,\n}\n",
            "lab.bib:1:14: after '@article{k4,' BibTeX expects a field's name and '=', and 'Deep"
            f" Learning' is no field's: {fix} (as 'note = {{Deep Learning}}' for a note); else"
            " delete them",
        ),
        (  # (on the line after the key)
            "@misc{k5,\n  a Survey of Things,\n  title = {X},\n}\n",
            "lab.bib:2:3: after '@misc{k5,' BibTeX expects a field's name and '=', and 'a Survey"
            f" of Things' is no field's: {fix} (as 'note = {{a Survey of Things}}' for a note); else"
            " delete them",
        ),
    ]:
        _, problems = _parse_sorted(text)
        assert problems == [said], text
    # After the key too, a field's name then its value is that field without its '='.
    _, problems = _parse_sorted("@article{a, note see the appendix,\n  title = {A},\n}\n")
    assert problems == ["lab.bib:1:13: field 'note' has no '=' before its value; write 'note = ...'"]
    # A field's name the importer reads, then words: that field without its '=', as before.
    _, problems = _parse_sorted("@article{a, title = {A},\n  month = jan, note see the appendix,\n}\n")
    assert problems == ["lab.bib:2:16: field 'note' has no '=' before its value; write 'note = ...'"]


def test_braced_words_without_a_field_name_are_said_at_them_as_words_without_a_name():
    # (reviewer: `\{x\} and,` among the fields, or `{x} and,`, was told at the entry's
    # first line in bibtexparser's words, "Expected a `=` after entry key, but found `{`")
    fix = "if these words are a field's value, write its name and '=' before them, the words in braces"
    for text, said in [
        (
            "@article{a,\n  title = {Y},\n  \\{x\\} and,\n}\n",
            "lab.bib:3:3: after 'title = {Y},' BibTeX expects a field's name and '=', and '\\{x\\} and'"
            f" is no field's: {fix} (as 'note = {{\\{{x\\}} and}}' for a note); else delete them",
        ),
        (
            "@article{a,\n  title = {Y},\n  {x} and,\n  year = 2020\n}\n",
            "lab.bib:3:3: after 'title = {Y},' BibTeX expects a field's name and '=', and '{x} and'"
            f" is no field's: {fix} (as 'note = {{{{x}} and}}' for a note); else delete them",
        ),
        (  # (on the line of the field before, at the entry's end)
            "@article{a,\n  year = 2020, \\{x\\}\n}\n",
            "lab.bib:2:16: after 'year = 2020,' BibTeX expects a field's name and '=', and '\\{x\\}'"
            f" is no field's: {fix} (as 'note = {{\\{{x\\}}}}' for a note); else delete them",
        ),
        (  # (right after the key)
            "@article{a, {x} and,\n  title = {Y},\n}\n",
            "lab.bib:1:13: after '@article{a,' BibTeX expects a field's name and '=', and '{x} and'"
            f" is no field's: {fix} (as 'note = {{{{x}} and}}' for a note); else delete them",
        ),
    ]:
        _, problems = _parse_sorted(text)
        assert problems == [said], text
    # After a field told without its '=', whose fix is sure: said at them too, not by the
    # field as that fix writes it.
    _, problems = _parse_sorted("@article{a,\n  title = {Y},\n  field \\{x\\} and, \\{y\\}\n}\n")
    assert problems == [
        "lab.bib:3:3: field 'field' has no '=' before its value; write 'field = ...'",
        "lab.bib:3:20: after a comma BibTeX expects a field's name and '=', and '\\{y\\}' is no"
        f" field's: {fix} (as 'note = {{\\{{y\\}}}}' for a note); else delete them",
    ]


def test_a_backslashed_brace_that_leaves_a_values_braces_unbalanced_for_bibtex_is_said_at_it():
    # (lead: `title = {A \\{ B},` was told "the value of 'title' ... is words without braces
    # or quotes", though it is in braces; and `title = {A \{ B},` was said nothing.)
    # BibTeX and biber count every brace, "\{" too: for them those values never close
    # (nor does "\}" pair with a brace before it), and they read on past the field.
    # bibtexparser takes "\{" for a brace character, as the import does: read so, and said
    # at the "\{", with what BibTeX accepts: a brace written as a command, or "\{" paired.
    for value, col, brace, read, command in [
        ("{A \\{ B}", 14, "\\{", "A { B", "\\textbraceleft{}"),
        ("{A \\\\{ B}", 15, "\\{", "A { B", "\\textbraceleft{}"),  # (a line break, then a brace)
        ("{A \\} B}", 14, "\\}", "A } B", "\\textbraceright{}"),
        ('"A \\{ B"', 14, "\\{", "A { B", "\\textbraceleft{}"),
    ]:
        records, problems = _parse(f"@article{{a,\n  title = {value},\n  year = 2020,\n}}\n")
        assert [r.title for r in records] == [read], value
        assert problems == [
            f"lab.bib:2:{col}: warning: the value of 'title' in entry 'a' holds '{brace}', which BibTeX"
            " and biber count as a brace too, so for them the braces of this value do not balance"
            f" (they read on past its end, or stop before it): read as '{read}'; write a brace alone"
            f" as '{command}', or pair '\\{{' with '\\}}' in the value"
        ], value
    # Paired, or a command: balanced for BibTeX too, nothing to say.
    for value, read in [("{Set \\{x\\}}", "Set {x}"), ("{A \\textbraceleft{} B}", "A { B")]:
        records, problems = _parse(f"@article{{a,\n  title = {value},\n  year = 2020,\n}}\n")
        assert ([r.title for r in records], problems) == ([read], []), value


def test_a_backslashed_brace_in_a_double_braced_value_is_said_at_it():
    # (`title = {{A \{ B}}`, a title braced twice to keep its capitals, as exporters write
    # it: for BibTeX its braces never close, as `{A \{ B}`'s do not, but nothing was
    # said: its '}' closed the '\{', leaving the plain '{' before it open.)
    records, problems = _parse("@article{a,\n  title = {{A \\{ B}},\n  year = 2020,\n}\n")
    assert [r.title for r in records] == ["A { B"]
    assert problems == [
        "lab.bib:2:15: warning: the value of 'title' in entry 'a' holds '\\{', which BibTeX"
        " and biber count as a brace too, so for them the braces of this value do not balance"
        " (they read on past its end, or stop before it): read as 'A { B'; write a brace alone"
        " as '\\textbraceleft{}', or pair '\\{' with '\\}' in the value"
    ]
    # Paired inside the inner group: balanced, nothing said.
    records, problems = _parse("@article{a,\n  title = {{Set \\{x\\}}},\n  year = 2020,\n}\n")
    assert ([r.title for r in records], problems) == (["Set {x}"], [])


def test_words_with_no_comma_after_them_before_a_field_are_said_not_read_silently():
    # (`month = jan,` then `a Survey of Things` on its own line with no comma, then
    # `year = 2020,`: bibtexparser read one field named "a Survey of Things year", so the
    # year was lost and nothing said; BibTeX and biber refuse the entry. As words with a
    # comma after them are said (fc8eee0), and a field without its '=' is.)
    _, problems = _parse_sorted("@article{a, title = {A},\n  month = jan,\n  a Survey of Things\n  year = 2020,\n}\n")
    assert problems == [
        "lab.bib:3:3: 'a Survey of Things' before field 'year' in entry 'a' is no field's name and"
        " '=', which BibTeX and biber expect after a comma, so 'year' was read as part of them"
        " and not read: if these words are a field's value, write its name and '=' before them,"
        " the words in braces, and a comma after them (as 'note = {a Survey of Things},' for a"
        " note); else delete them",
    ]
    _, problems = _parse_sorted("@article{a, title = {A},\n  note see the appendix\n  year = 2020,\n}\n")
    assert problems == [
        "lab.bib:2:3: field 'note' has no '=' before its value, and no comma after it, so the"
        " next field, 'year', was read as part of it and not read; write 'note = {see the"
        " appendix},'",
    ]
    _, problems = _parse_sorted("@article{a, title = {A},\n  note\n  year = 2020,\n}\n")
    assert problems == [
        "lab.bib:2:3: field 'note' has no '=' nor value, and no comma after it, so the next field,"
        " 'year', was read as part of it and not read; write its value, 'note = {...},', or delete 'note'",
    ]


def test_a_backslashed_brace_balanced_as_bibtex_counts_braces_is_read_as_bibtex_reads_it():
    # (lead: `title = {A \{B} C}` was refused: bibtexparser skips a backslashed brace when
    # it counts braces, so the value ended at "B}" and " C}" was told a value going on
    # after its end, the entry's other fields after the end of the entry.) BibTeX and biber
    # count every brace: the value is "A \{B} C", which reads as TeX's "A {B} C". The
    # places of what is said elsewhere in the file stay right.
    text = (
        "@article{a,\n"
        "  title = {A \\{B} C},\n"
        "  author = {Doe, Jane and Roe, Ann},\n"
        "  year = 2020,\n"
        "}\n"
        "@article{b,\n"
        "  title = {Second \\{x} paper},\n"
        "  journal = {J},\n"
        "  year 2021,\n"
        "}\n"
        "@article{c,\n"
        "  title = {Third \\{ one},\n"
        "  year = 2022,\n"
        "}\n"
    )
    records, problems = _parse(text)
    assert [(r.title, r.authors, r.year) for r in records] == [
        ("A {B} C", ("Jane Doe", "Ann Roe"), "2020"),
        ("Third { one", (), "2022"),
    ]
    assert sorted(problems) == [
        "lab.bib:12:18: warning: the value of 'title' in entry 'c' holds '\\{', which BibTeX and"
        " biber count as a brace too, so for them the braces of this value do not balance (they"
        " read on past its end, or stop before it): read as 'Third { one'; write a brace alone as"
        " '\\textbraceleft{}', or pair '\\{' with '\\}' in the value",
        "lab.bib:9:3: field 'year' has no '=' before its value; write 'year = ...'",
    ]
    # "\\{": a line break, then a group, which BibTeX counts as any brace; and in quotes.
    for value in ("{A \\\\{B} C}", '"A \\{B} C"'):
        records, problems = _parse(f"@article{{a,\n  title = {value},\n  year = 2020,\n}}\n")
        assert (len(records), problems) == (1, []), value
    # An entry in parentheses (its end a ")").
    records, problems = _parse("@article(a,\n  title = {A \\{B} C},\n  year = 2020\n)\n")
    assert ([r.title for r in records], problems) == (["A {B} C"], [])
    # A backslashed brace among the fields, in no value's braces, is none of a value's:
    # read as before, the words said whole.
    _, problems = _parse("@article{a,\n  title = {T},\n  x \\{y\\} z\n}\n")
    assert problems == ["lab.bib:3:3: field 'x' has no '=' before its value; write 'x = ...'"]
    # In a @string, and a value that uses it.
    records, problems = _parse("@string{x = {A \\{B} C}}\n@article{a,\n  title = x # { D},\n  year = 2020,\n}\n")
    assert ([r.title for r in records], problems) == (["A {B} C D"], [])


@given(st.text(alphabet='{}()"\\\n ab=,@', max_size=80))
def test_braces_counted_keeps_every_place_and_its_backslashes_come_back(text):
    counted = braces_counted(text)
    assert len(counted) == len(text) and backslashed(counted) == text
    # Only a backslash before a brace is held.
    assert all(a == b or (a == "\\" and after in "{}") for a, b, after in zip(text, counted, text[1:] + " "))


def test_a_name_whose_backslashed_braces_bibtex_balances_is_read_as_a_title_is():
    # (imp25: `author = "Smith, J. and A \\{B} C"` was refused, "the name 'A \\{B} C' ...
    # cannot be read as a name (unmatched closing brace)", though `title = {A \\{B} C}` is
    # read, "A {B} C"; and `\\{Simon and Schuster\\}` was two names, '{Simon' and
    # 'Schuster}', split at an "and" in its braces. BibTeX's name_scan_for_and and biber's
    # btparse (bt_split_list, find_tokens) count every brace of a name, a backslashed one
    # too: a name's words, commas and "and"s are found outside braces so counted, and its
    # text is read as a title's.)
    for value, authors in [
        ("Smith, J. and A \\{B} C", ("J. Smith", "A {B} C")),
        # (the surname "Doe \\{J}": two words, kept surname first, as "García Márquez, Gabriel")
        ("Doe \\{J}, X", ("Doe {J}, X",)),
        ("\\{Simon and Schuster\\}", ("{Simon and Schuster}",)),
        ("Doe, Jane and \\{Team, and Co}", ("Jane Doe", "{Team, and Co}")),
    ]:
        for written in (f"{{{value}}}", f'"{value}"'):
            records, problems = _parse(
                f"@article{{a,\n  title = {{{value}}},\n  author = {written},\n"
                f"  editor = {written},\n  year = 2020,\n}}\n"
            )
            assert ([r.authors for r in records], problems) == ([authors], []), written
            if len(authors) == 1 and "," not in authors[0]:
                assert records[0].title == authors[0]  # (read as the same text in a title)
    # A backslashed brace that leaves the value's braces unbalanced for BibTeX is still
    # said, and read as before, the brace a character.
    records, problems = _parse("@article{a,\n  title = {T},\n  author = {Smith, J. and A \\{ B},\n}\n")
    assert [r.authors for r in records] == [("J. Smith", "A { B")]
    assert problems == [
        "lab.bib:3:29: warning: the value of 'author' in entry 'a' holds '\\{', which BibTeX and"
        " biber count as a brace too, so for them the braces of this value do not balance (they"
        " read on past its end, or stop before it): read as 'Smith, J. and A { B'; write a brace"
        " alone as '\\textbraceleft{}', or pair '\\{' with '\\}' in the value",
    ]


# A name's word as BibTeX counts its braces: letters, or a group opened by "{" or "\\{" and
# closed by "}" or "\\}", holding words, commas and "and"s (none of them the name's).
_GROUP = st.builds(
    "".join,
    st.tuples(
        st.sampled_from(["{", "\\{"]),
        st.lists(st.sampled_from(["a", "B", "and", ",", "and Co"]), max_size=3).map(" ".join),
        st.sampled_from(["}", "\\}"]),
    ),
)
_NAME = st.builds(
    lambda first, rest: " ".join([first, *rest]),
    st.sampled_from(["A", "Bb", "Ab"]),
    st.lists(st.one_of(st.sampled_from(["A", "bB"]), _GROUP, st.builds("".join, st.tuples(st.just("C"), _GROUP))), max_size=3),
)


@given(st.lists(_NAME, min_size=1, max_size=3))
def test_a_name_list_whose_braces_bibtex_balances_is_read_name_by_name(names):
    # However its braces are written, a name list whose braces BibTeX and biber pair, a
    # backslashed one too, is read without an error, one author for each name they read
    # (an "and" in braces is no separator), every letter kept.
    problems = Problems()
    records = parse_bibtex(
        "@article{k,\n  title = {T},\n  author = {" + " and ".join(names) + "},\n  year = 2020,\n}\n",
        "lab.bib", problems,
    )
    assert [str(p) for p in problems.errors] == []
    [record] = records
    assert len(record.authors) == len(names)
    letters = sorted(re.sub(r"[^A-Za-z]", "", "".join(names)))
    assert sorted(re.sub(r"[^A-Za-z]", "", "".join(record.authors))) == letters


def test_names_are_split_where_bibtex_splits_them():
    # (imp26: bibtexparser's split_multiple_persons_names takes a backslash and the
    # character after it as one; BibTeX's name_scan_for_and (bibtex.web) gives a backslash
    # no meaning: it splits at "and" between white space outside braces, every brace
    # counted. Each expectation below is name_scan_for_and's, worked by hand.)
    for value, names in [
        # "\\{" opens a brace for BibTeX: its "and" is inside it (bibtexparser: '\\{R', 'D\\} Lab').
        ("\\{R and D\\} Lab and OpenAI", ["\\{R and D\\} Lab", "OpenAI"]),
        ("{\\{R and D\\} Lab} and OpenAI", ["{\\{R and D\\} Lab}", "OpenAI"]),
        # A name after "and" that starts with a command (bibtexparser began it at 'extbf').
        ("{OpenAI} and \\textbf{Lab}", ["{OpenAI}", "\\textbf{Lab}"]),
        ("Doe, Jane and \\'Emile Zola", ["Doe, Jane", "\\'Emile Zola"]),
        # A backslash before a space escapes nothing: the "and" after it separates.
        ("Foo\\ and Bar", ["Foo\\", "Bar"]),
        # "\\}" closes the group "{" opened: the "and" after it is outside braces.
        ("{\\}R and D\\{}", ["{\\}R", "D\\{}"]),
        ("\\\\{A and B} and C", ["\\\\{A and B}", "C"]),
        ("Doe, Jane and {R and D}", ["Doe, Jane", "{R and D}"]),
        # A value whose braces do not balance, every brace counted, is read with its "\\{"
        # a character, as RawValues warns: split as bibtexparser splits it.
        ("A \\{ B and C", ["A \\{ B", "C"]),
    ]:
        assert names_split(value) == names, value


# A word of a name: letters, a command, a backslash alone at its end (TeX's "\\ "), or a
# group as BibTeX counts braces: opened by "{" or "\\{", closed by "}" or "\\}", holding
# words, commas, "and"s and groups of its own.
_LETTERS = st.sampled_from(["A", "Bb", "Andy", "band", "AND-B", "\\'E", "\\textbf", "\\\\", "C\\"])
_IN_GROUP = st.sampled_from(["a", "and", "AND", ",", "and Co", "\\", "\\'e", " "])
_WORD = st.recursive(
    _LETTERS,
    lambda inner: st.builds(
        lambda opener, words, closer: opener + " ".join(words) + closer,
        st.sampled_from(["{", "\\{"]), st.lists(st.one_of(inner, _IN_GROUP), max_size=4), st.sampled_from(["}", "\\}"]),
    ) | st.builds("".join, st.lists(inner, min_size=1, max_size=2)),
    max_leaves=8,
)


@given(st.lists(st.lists(_WORD, min_size=1, max_size=3).map(" ".join), min_size=1, max_size=4))
def test_names_joined_by_and_outside_braces_split_back_into_the_same_names(names):
    # Whatever braces (backslashed or not) and backslashes a name holds, a list of names
    # joined by " and " outside braces splits back into those names, as BibTeX splits it.
    assume(all(balanced(name) for name in names))
    assert names_split(" and ".join(names)) == names


def test_two_words_after_a_whole_value_are_words_without_a_name_unless_the_first_names_a_field():
    # (imp22: `month = jan, Deep Learning,`, a short title whose name and braces were left
    # out, was told "field 'Deep' has no '='; write 'Deep = ...'"; three words or more were
    # said as words without a name, two were not.) Two words whose first names no field
    # BibTeX or biblatex knows are said so too; a field's name then one word
    # (`publisher Springer`) is that field without its '=', as before.
    fix = "if these words are a field's value, write its name and '=' before them, the words in braces"
    for words in ("Deep Learning", "a Survey"):
        _, problems = _parse_sorted(f"@article{{a, title = {{A}},\n  month = jan, {words},\n  year = 2020,\n}}\n")
        assert problems == [
            f"lab.bib:2:16: after 'month = jan,' BibTeX expects a field's name and '=', and '{words}'"
            f" is no field's: {fix} (as 'note = {{{words}}}' for a note); else delete them"
        ], words
    for name in ("publisher", "Publisher", "address", "series", "location"):
        _, problems = _parse_sorted(f"@article{{a, title = {{A}},\n  month = jan, {name} Springer,\n  year = 2020,\n}}\n")
        assert problems == [f"lab.bib:2:16: field '{name}' has no '=' before its value; write '{name} = ...'"], name


def test_a_name_bibtex_cannot_split_is_said_at_its_field_in_the_curators_words():
    # (imp22: "Doe, J., Jr., III" was told at the entry's first line in bibtexparser's
    # words, "cannot read this BibTeX entry: Cannot split the following name ... into
    # parts: Too many commas".) At the field, saying BibTeX's forms of a name.
    for field, name, said in [
        ("author", "Doe, J., Jr., III", "has more commas than a name has in BibTeX ('Last, First' or"
         " 'Last, Jr., First'): write it so, or brace a name that holds a comma ('{Doe, Smith and Co.}')"),
        ("editor", "Doe, J., Jr., III", "has more commas than a name has in BibTeX ('Last, First' or"
         " 'Last, Jr., First'): write it so, or brace a name that holds a comma ('{Doe, Smith and Co.}')"),
        # (its backslashed braces, held while names are split, as written)
        ("author", "Doe \\{x\\}, J., Jr., III", "has more commas than a name has in BibTeX ('Last, First' or"
         " 'Last, Jr., First'): write it so, or brace a name that holds a comma ('{Doe, Smith and Co.}')"),
    ]:
        _, problems = _parse(f"@article{{a,\n  title = {{T}},\n  {field} = \"Smith, J. and {name}\",\n}}\n")
        assert problems == [f"lab.bib:3:3: the name '{name}' in '{field}' of entry 'a' {said}"], name
    # At the field of names, not at a field before it whose text holds the name. (imp25:
    # said at 'title' here, line 2.)
    _, problems = _parse(
        "@article{a,\n  title = {Reply to Doe, J., Jr., III},\n  author = {Doe, J., Jr., III},\n}\n"
    )
    assert [p.split(" has more commas")[0] for p in problems] == [
        "lab.bib:3:3: the name 'Doe, J., Jr., III' in 'author' of entry 'a'"
    ]
    # A brace no other pairs, as BibTeX and biber count braces: said at the value, and at
    # the name. (imp25: 'A \\{B} C' was pinned here, "unmatched closing brace"; BibTeX and
    # biber pair its braces, as in a title, and it is read:
    # test_a_name_whose_backslashed_braces_bibtex_balances_is_read_as_a_title_is.)
    _, problems = _parse('@article{a,\n  title = {T},\n  author = "Smith, J. and A } B",\n}\n')
    assert problems == [
        "lab.bib:3:3: the value of 'author' closes a brace it never opened (braces pair in a quoted"
        " value too); remove it, or add its '{'",
        "lab.bib:3:3: the name 'A } B' in 'author' of entry 'a' cannot be read as a name (unmatched"
        " closing brace): pair its braces, '{' with '}' and '\\{' with '\\}'",
    ]


def test_a_fields_name_then_one_word_with_no_comma_before_a_field_is_that_field_without_its_equals():
    # (rev19: `publisher Springer` on a line of its own, then `year = 2020,`, was told
    # "'publisher Springer' ... is no field's name ... (as 'note = {publisher Springer},'
    # for a note)", though with a comma after it, `publisher Springer,`, it is told field
    # 'publisher' without its '=' (9134567): publisher is a field of BibTeX's.)
    for name in ("publisher", "Address"):
        _, problems = _parse_sorted(f"@article{{a, title = {{A}},\n  {name} Springer\n  year = 2020,\n}}\n")
        assert problems == [
            f"lab.bib:2:3: field '{name}' has no '=' before its value, and no comma after it, so the"
            f" next field, 'year', was read as part of it and not read; write '{name} = {{Springer}},'",
        ], name
    _, problems = _parse_sorted("@article{a, title = {A},\n  publisher\n  year = 2020,\n}\n")
    assert problems == [
        "lab.bib:2:3: field 'publisher' has no '=' nor value, and no comma after it, so the next field,"
        " 'year', was read as part of it and not read; write its value, 'publisher = {...},', or delete 'publisher'",
    ]
    # Three words or more, as with a comma after them: words without a name.
    _, problems = _parse_sorted("@article{a, title = {A},\n  publisher Springer Verlag\n  year = 2020,\n}\n")
    assert [p.split(" is no field's name")[0] for p in problems] == [
        "lab.bib:2:3: 'publisher Springer Verlag' before field 'year' in entry 'a'"
    ]


def test_a_private_use_character_of_the_file_is_quoted_as_written_not_as_a_backslash():
    # (rev19: U+E00F stands for a held backslash while bibtexparser reads a file with a
    # "\{" to count (braces_counted); a file that has it is read as written, nothing
    # held, but what was said of it put a backslash in its place: "'2020 \'; write it in
    # braces, {2020 \}" (a brace escaped, which BibTeX then refuses), "goes on after its
    # end ('x\\y')" at column 1, and bibtexparser's "after entry key `x\y`".)
    _, problems = _parse_sorted("@article{a,\n  title = {A},\n  year = 2020 \ue00f\n}\n")
    assert problems == [
        "lab.bib:3:10: warning: the value of 'year' in entry 'a' is words without braces or quotes,"
        " which BibTeX and biber refuse (they read '2020' as a number and stop at the next word):"
        # (quoted as every message quotes, the character that does not print escaped, as
        # below; in braces, a value to copy, as it is)
        " read as written, '2020 \\ue00f'; write it in braces, {2020 \ue00f}",
    ]
    _, problems = _parse_sorted("@article{a,\n  title = {A} x\ue00fy,\n  year = 2020,\n}\n")
    assert problems == [
        # (quoted as Python's repr writes the text, a character that does not print escaped)
        "lab.bib:2:15: the value of 'title' in entry 'a' goes on after its end ('x\\ue00fy'): a brace"
        " or quote closed too early, or a comma is missing",
    ]
    _, problems = _parse_sorted("@article{a,\n  title = {A},\n  x\ue00fy\n}\n")
    assert len(problems) == 1 and "x\ue00fy" in problems[0] and "\\" not in problems[0], problems


def test_a_balanced_backslashed_brace_is_read_beside_an_unbalanced_one_of_another_value():
    # (rev19: `title = {A \{B} C}`, which BibTeX reads, beside `note = {x \{ y}`, whose
    # braces BibTeX never closes, was told "the value of 'title' ... goes on after its end
    # ('C')", the note's fields after it lost and its '\{' not said: the backslashes were
    # held for a whole entry or none.) Each value is read as BibTeX reads it where it
    # closes so, the other warned of as before, whichever comes first.
    unbalanced = (
        "lab.bib:{line}:13: warning: the value of 'note' in entry 'a' holds '\\{brace}', which BibTeX"
        " and biber count as a brace too, so for them the braces of this value do not balance"
        " (they read on past its end, or stop before it): read as 'x {brace} y'; write a brace"
        " alone as '\\{command}{{}}', or pair '\\{{' with '\\}}' in the value"
    )
    for fields, line, brace, command in [
        ("  title = {A \\{B} C},\n  note = {x \\{ y},\n", 3, "{", "textbraceleft"),
        ("  note = {x \\{ y},\n  title = {A \\{B} C},\n", 2, "{", "textbraceleft"),
        ("  note = {x \\} y},\n  title = \"A \\{B} C\",\n", 2, "}", "textbraceright"),
    ]:
        records, problems = _parse(f"@article{{a,\n{fields}  year = 2020,\n}}\n")
        assert [(r.title, r.year) for r in records] == [("A {B} C", "2020")], fields
        assert problems == [unbalanced.format(line=line, brace=brace, command=command)], fields


def test_a_warning_at_a_macro_valued_field_is_at_the_macro_not_at_a_later_field():
    # (review: `_written_at` looked for the value's text past the field's end, so a
    # value written through a @string was placed where a later field of the entry
    # happened to hold that text, 'note = {n/a}' below; it is placed at the macro's
    # name, in the field it is the value of.)
    problems = Problems()
    parse_bibtex(
        '@string{none = "n/a"}\n@misc{key, title = {T},\n  doi = none,\n  note = {n/a}\n}\n', "lab.bib", problems
    )
    assert problems.format() == "lab.bib:3:9: warning: doi 'n/a' of entry 'key' is no DOI (10.NNNN/...); left out"
    # On one line too: not in the later field, nor in the value's macro of another field.
    problems = Problems()
    parse_bibtex('@string{none = "n/a"}\n@misc{key, title = {T}, doi = none, note = {n/a}}\n', "lab.bib", problems)
    assert problems.format() == "lab.bib:2:31: warning: doi 'n/a' of entry 'key' is no DOI (10.NNNN/...); left out"
    # A value found in its own field is still placed at it, a later field's copy aside.
    problems = Problems()
    parse_bibtex("@misc{key, title = {T},\n  doi = {n/a}, note = {n/a}}\n", "lab.bib", problems)
    assert problems.format() == "lab.bib:2:10: warning: doi 'n/a' of entry 'key' is no DOI (10.NNNN/...); left out"


def test_a_text_holding_an_apostrophe_is_quoted_in_double_quotes_as_readme_says():
    # README: quoted in '...', or "..." when the text holds a '. BibTeX's messages
    # always used '...', and 'O'Brien's words' could not be told where it ends.
    _, problems = _parse_sorted("@article{a,\n  title = {A},\n  note = O'Brien's words\n}\n")
    assert problems == [
        "lab.bib:3:10: warning: the value of 'note' in entry 'a' is words without braces or quotes,"
        " which BibTeX and biber refuse (they read \"O'Brien's\" as a @string's name and stop at the"
        " next word): read as written, \"O'Brien's words\"; write it in braces, {O'Brien's words}",
    ]
    _, problems = _parse_sorted("@article{a,\n  title = {A},\n  Pat O'Brien,\n  year = 2020,\n}\n")
    assert problems == [
        "lab.bib:3:3: after 'title = {A},' BibTeX expects a field's name and '=', and \"Pat O'Brien\""
        " is no field's: if these words are a field's value, write its name and '=' before them, the"
        " words in braces (as \"note = {Pat O'Brien}\" for a note); else delete them",
    ]


def test_five_commented_out_heads_in_a_row_are_five_warnings_each_at_its_fields():
    # All at once, each at the line and column of its first field: only the first was
    # said, the four after it lost without a word.
    heads = "".join(f"% @article{{old{n},\n  title = {{Old {n}}},\n  year = 2000}}\n" for n in range(5))
    problems = Problems()
    records = parse_bibtex("@misc{a, title = {A}}\n" + heads + "@misc{c, title = {C}}\n", "lab.bib", problems)
    assert [r.title for r in records] == ["A", "C"]
    assert [str(p) for p in problems.sorted()] == [
        f"lab.bib:{3 + 3 * n}:3: warning: 'title' and the fields after it are entry 'old{n}''s, whose head"
        f" '@article{{old{n},' is in the '%' comment on line {2 + 3 * n}, which biber and JabRef read as a"
        " comment (BibTeX alone would read the entry); not imported: remove the '%' to import it,"
        " or comment out its fields too"
        for n in range(5)
    ]
