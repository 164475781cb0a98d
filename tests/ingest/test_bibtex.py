"""BibTeX entries into records, with LaTeX in the fields turned into plain text."""

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.errors import Problems
from generator.ingest import parse_text
from generator.ingest.bibtex import (
    _ABBREVIATIONS,
    _SUPERSCRIPT,
    _TITLE_STOP,
    EMPHASIS_HELD,
    _plain,
    _superscripts_marked,
    _without_final_stop,
    en_dashed_pages,
    parse_bibtex,
)
from generator.latex import clean_latex
from generator.links import find_url_spans

SAMPLE = Path(__file__).parents[1] / "data" / "import" / "sample.bib"


def _records():
    problems = Problems()
    records = parse_text(SAMPLE.read_text(encoding="utf-8"), "sample.bib", problems)
    assert not problems
    return records


def test_fields_of_a_conference_entry():
    record = _records()[0]
    assert record.title == (
        "Investigating the Pre-Training Dynamics of In-Context Learning: Task Recognition vs. Task Learning"
    )
    assert record.authors == ("Xiaolei Wang", "Xinyu Tang", "Wayne Xin Zhao", "Ji-Rong Wen")
    assert (record.year, record.venue, record.arxiv) == ("2024", "Proceedings of ACL", "2406.14022")
    assert record.tags == ("in-context learning", "pre-training")
    assert [(l.url, l.kind, l.found_in) for l in record.links] == [
        ("https://github.com/RUCAIBox/Competitive-ICL", "code", "bibtex")
    ]
    assert record.source.line == 4


def test_latex_in_fields_becomes_plain_text():
    record = _records()[1]
    assert record.title == "TÜLU-like Models \u2013 a Study of Open Post-Training"
    # "and others": the list is incomplete, and says so with BibTeX's own last author
    assert record.authors == ("Jörg Müller", "Ana de la Cruz", "John Smith, Jr.", "others")
    assert record.venue == "Journal of Open Research_Stuff"
    assert record.doi == "10.1234/ABC.5678"
    assert record.abstract == (
        "We study 60% of the models over two lines.\n\n"
        "A second paragraph with code at https://gitlab.com/grp/sub/proj.git."
    )
    assert [(l.url, l.repo, l.found_in) for l in record.links] == [
        ("https://gitlab.com/grp/sub/proj", "grp/sub/proj", "abstract")
    ]


def test_arxiv_id_from_url_and_year_from_date():
    record = _records()[2]
    assert (record.arxiv, record.year) == ("2101.00010", "2021")
    # The url is the arXiv page the arXiv badge links to: no second "Paper" badge for it.
    assert record.links == ()


def test_arxivs_own_doi_gives_the_arxiv_id_not_a_publishers_doi():
    problems = Problems()
    record = _one("  doi = {10.48550/arXiv.2306.01708},\n", problems)
    assert (record.arxiv, record.doi) == ("2306.01708", "")
    record = _one("  url = {https://doi.org/10.48550/ARXIV.2306.01708},\n", problems)
    assert (record.arxiv, record.doi) == ("2306.01708", "")
    # An eprint wins; a publisher's DOI stays.
    record = _one("  eprint = {2101.00010},\n  doi = {10.48550/arXiv.2306.01708},\n", problems)
    assert (record.arxiv, record.doi) == ("2101.00010", "")
    record = _one("  eprint = {2101.00010},\n  doi = {10.18653/v1/2020.acl-main.1},\n", problems)
    assert (record.arxiv, record.doi) == ("2101.00010", "10.18653/v1/2020.acl-main.1")
    assert not problems.errors


def test_unreadable_entry_and_missing_title_are_reported_at_their_lines():
    text = '@misc{ok, title={Fine}}\n@misc{b, title = "oops\n@article{c, author={X}}\n'
    problems = Problems()
    records = parse_text(text, "bad.bib", problems)
    assert [r.title for r in records] == ["Fine"]
    # The unreadable entry is an error (it stops the import); the entry without a title
    # is read for sure and only skipped, a warning, as RIS's record without one is.
    assert [str(p) for p in problems.errors] == [
        "bad.bib:2:10: the value of 'title' opens a double quote it does not close (so the"
        " entry cannot be read); close it with '\"'"
    ]
    assert [str(p) for p in problems.warnings] == [
        "bad.bib:3:1: warning: BibTeX entry 'c' has no title; skipped, nothing imported from it:"
        " give it one (title = {...}) to import it, or delete the entry"
    ]


def test_a_file_without_entries_is_an_error_when_bibtex_is_forced():
    problems = Problems()
    assert parse_text("Get trending papers\nSubscribeA\nB.", "list.txt", problems, "bibtex") == []
    assert problems.format() == "list.txt:1:1: no BibTeX entries ('@article{key, ...}') found"


def test_an_entry_of_an_unknown_type_is_imported_as_a_misc_with_a_warning_at_its_type():
    # (It was imported without a word: "@artcle" read as any entry, a @misc's
    # organization left out.) BibTeX and biber read it as a @misc, and so it is read.
    text = (
        "@artcle{k1,\n  title = {A},\n  journal = {J},\n}\n"
        "@misc{ok, title={B}} @InProcedings{k2, title={C}, booktitle={ICML}}\n"
        "@presentation(k3, title={D}, organization={OpenAI})\n"
        "@phdthesis{k4, title={E}, school={MIT}}\n"
    )
    problems = Problems()
    records = parse_text(text, "lab.bib", problems)
    assert [(r.title, r.authors, r.venue) for r in records] == [
        ("A", (), "J"), ("B", (), ""), ("C", (), "ICML"),
        ("D", ("OpenAI",), ""),  # (a @misc's organization, no person signing it: its author)
        ("E", (), "PhD thesis, MIT"),
    ]
    read = "is imported as a @misc, as BibTeX and biber read it"
    assert [str(p) for p in problems.items] == [
        f"lab.bib:1:2: warning: @artcle is no BibTeX or biblatex entry type (did you mean @article?); entry 'k1' {read}: correct the type",
        f"lab.bib:5:23: warning: @InProcedings is no BibTeX or biblatex entry type (did you mean @inproceedings?); entry 'k2' {read}: correct the type",
        f"lab.bib:6:2: warning: @presentation is no BibTeX or biblatex entry type; entry 'k3' {read}: write one of theirs (@misc if none fits)",
    ]


def test_the_key_and_names_an_entry_type_or_named_twice_warning_gives_are_as_written():
    # repr() doubled a backslash ('sch\\"olkopf98'): a key or name copied from the message
    # was another than the file's. One holding an apostrophe is in double quotes, as
    # README says every message quotes ("o'k"; 'o'k' was said before).
    problems = Problems()
    parse_text(
        '@artcle{sch\\"olkopf98, title={A}}\n'
        "@article{o'k, title={B}, author={O'Brien, Pat and Pat O'Brien}}\n"
        "@article{k, title={C}, author={\\foo Doe and \\foo Doe}}\n",
        "lab.bib", problems,
    )
    assert [str(p) for p in problems.items] == [
        "lab.bib:1:2: warning: @artcle is no BibTeX or biblatex entry type (did you mean @article?);"
        " entry 'sch\\\"olkopf98' is imported as a @misc, as BibTeX and biber read it: correct the type",
        "lab.bib:2:26: warning: the author list of entry \"o'k\" names the same author more than once"
        " (\"Pat O'Brien\" as authors 1 and 2); kept as written: delete the one too many, or write the"
        " author meant",
        "lab.bib:3:24: warning: the author list of entry 'k' names the same author more than once"
        " ('\\foo Doe' as authors 1 and 2); kept as written: delete the one too many, or write the"
        " author meant",
    ]


def test_two_entries_on_one_line_each_have_their_author_named_twice_said():
    # (rev120: a field's column counts from its entry's start, so the two author fields
    # were at one place, and the second entry's warning was taken for the first's and
    # lost. Each entry's list is told of; the second's column is still counted from its
    # own entry's start, as each field's is.)
    problems = Problems()
    parse_text(
        "@misc{a, title={A}, author={Doe, J. and Doe, J.}} @misc{b, title={B}, author={Roe, R. and Roe, R.}}\n",
        "lab.bib", problems,
    )
    said = [p.message for p in problems.items]
    assert [m.split(" names ")[0] for m in said] == [
        "the author list of entry 'a'", "the author list of entry 'b'"
    ]


def _places(text):
    problems = Problems()
    parse_text(text, "lab.bib", problems)
    return [(p.location.line, p.location.col, p.message.split(" ")[0:4]) for p in problems.items]


def test_a_message_about_an_entry_after_another_on_its_line_is_at_its_true_column():
    # (A field's column was counted from its entry's own "@": the second entry's
    # messages pointed into the first entry, 33 columns too far left.)
    first = "@misc{a, title={A}, year={2020}} "
    assert first.index("@") == 0 and len(first) == 33
    said = _places(first + "@misc{b, title={B}, author={Roe, R. and Roe, R.},\n  year={soon}}\n")
    author = (first + "@misc{b, title={B}, author").index("author") + 1
    assert sorted((line, col) for line, col, _ in said) == [(1, author), (2, 9)]  # (a later line: as it was)
    assert author == 54
    # A value's place, and an error: bibsyntax's (a comma missing), and the run's (a key
    # given twice), each at the second entry, not the first's field or the line's start.
    said = _places(first + "@misc{b, title={B}, doi={10.1/x} year={2021}}\n")
    year, doi = len(first + "@misc{b, title={B}, doi={10.1/x} ") + 1, len(first + "@misc{b, title={B}, ") + 1
    assert [(line, col) for line, col, _ in said] == [(1, year), (1, doi)]  # (and the doi read with it: no DOI)
    assert (year, doi) == (67, 54)
    said = _places(first + "@misc{a, title={B}}\n")
    assert said == [(1, 34, ["duplicate", "BibTeX", "key", "'a'"])]
    said = _places(first + "@misc{b, title={B}, year={2020}, note={x, year={2021}}\n")
    assert said == [(1, 34, ["this", "entry", "is", "not"])]


def test_a_crossref_d_entry_after_another_on_its_line_is_told_at_its_own_fields():
    # The chapter's message is at its book's `editor`, the second entry on the line.
    text = "@inbook{c, title={Ch}, crossref={bk}} @book{bk, title={Book}, editor={E, E. and E, E.}}\n"
    editor = text.index("editor") + 1
    said = _places(text)
    assert [(line, col) for line, col, _ in said] == [(1, editor), (1, editor)]
    assert editor == 63


def test_an_indented_entry_s_fields_are_at_their_columns():
    text = "  @misc{b, title={B}, year={soon}}\n"
    assert _places(text) == [(1, text.index("soon") + 1, ["year", "'soon'", "is", "not"])]


def test_every_key_and_value_a_bibtex_message_quotes_is_as_written():
    # repr() doubled a backslash ('sch\\"o98', 'C:\\docs'); a line break showed as "\n",
    # which TeX text holds ("\nabla"): the key or value copied from the message was not
    # the file's. One with an apostrophe is in double quotes ("o'k"), as README says.
    problems = Problems()
    parse_text(
        '@misc{sch\\"o98, title={A}}\n@misc{sch\\"o98, title={B}}\n'
        "@misc{o'k, note={x}}\n"
        "@article{o'd, title={D}, doi={it's}, year={Winter '97}}\n"
        "@misc{o'u, title={U}, url={C:\\docs\\a.pdf}}\n"
        "@misc{o'e, title={E}, eprint={2013.00001}, arxiv={o'x}}\n"
        "@misc{o's, title={S}, supp={s.pdf}, author={Jane Doe* and John Roe}}\n"
        "@proceedings{o'p, title={P}}\n"
        "@misc{o'a, title={A}, author={Doe, J. and}, crossref={o'z}}\n"
        "@article{o'g, title={G}, journal={J}, volume={1}, number={2}, pages={3}}\n"
        "@misc{o'w, title={W}, url={http://a.org/x\n\ty}}\n",
        "lab.bib", problems,
    )
    assert sorted(str(p) for p in problems.items) == sorted([
        "lab.bib:9:45: warning: crossref \"o'z\" names no entry in this file; the entry gets only its own fields",
        "lab.bib:9:23: warning: the author list of entry \"o'a\" has an 'and' with no name on one side (a name"
        " deleted, or not yet written?); read without it: write the missing name or delete the 'and'",
        "lab.bib:10:39: warning: volume 1, number 2, pages 3 of entry \"o'g\" are placeholders (Google"
        " Scholar's, as in its LoRA entry), not where the paper is; left out",
        "lab.bib:11:28: warning: url 'http://a.org/x␤␉y' of entry \"o'w\" is no http(s) address a page"
        " can link to; left out",
        "lab.bib:2:1: duplicate BibTeX key 'sch\\\"o98' (first at line 1); give each entry its own key",
        "lab.bib:3:1: warning: BibTeX entry \"o'k\" has no title; skipped, nothing imported from it: give it"
        " one (title = {...}) to import it, or delete the entry",
        "lab.bib:4:31: warning: doi \"it's\" of entry \"o'd\" is no DOI (10.NNNN/...); left out",
        "lab.bib:4:44: warning: year \"Winter '97\" is not understood (expected a year such as 2019); the paper"
        " gets no year from this entry",
        "lab.bib:5:28: warning: url 'C:\\docs\\a.pdf' of entry \"o'u\" is no http(s) address a page can link"
        " to; left out",
        "lab.bib:6:31: warning: eprint '2013.00001' of entry \"o'e\" is no arXiv identifier (YYMM.NNNNN, with"
        " a month from 01 to 12, or archive/YYMMNNN); left out",
        "lab.bib:6:51: warning: arxiv \"o'x\" of entry \"o'e\" is no arXiv identifier (YYMM.NNNNN, with a month"
        " from 01 to 12, or archive/YYMMNNN); left out",
        "lab.bib:7:37: warning: marks beside author names of entry \"o's\" left out ('*'): a mark of equal"
        " contribution, of the corresponding author or of an affiliation is no part of a name (say it in the"
        " paper's notes if it matters)",
        "lab.bib:7:23: warning: supp (supplementary material) of entry \"o's\" is not imported: a paper's links"
        " have no kind for it; add it by hand, with a note, if it should be shown",
        "lab.bib:8:1: warning: @proceedings \"o'p\" is a volume of papers, not a paper; not imported (a paper"
        " that names it in crossref takes its title as the venue)",
    ])


def test_ieeetrans_style_control_entry_is_no_paper_and_no_mistake():
    # IEEE's templates put it in a paper's .bib: it was an error (no title) and a warning
    # to write it as a @misc, which IEEEtran.bst would then no longer read.
    problems = Problems()
    records = parse_text(
        '@IEEEtranBSTCTL{IEEEexample:BSTcontrol,\n  CTLuse_forced_etal = "yes"\n}\n@article{a, title = {T}}\n',
        "refs.bib", problems,
    )
    assert [r.title for r in records] == ["T"] and not problems.items, problems.format()


def _one(fields, problems):
    text = "@misc{key,\n  title = {T},\n" + fields + "}\n"
    (record,) = parse_text(text, "y.bib", problems)
    return record


def test_a_year_with_a_letter_after_it_takes_the_year_and_says_the_letter_is_left_out():
    # (reviewer: "2020a", as exporters tell apart two works of one author and year, was
    # read as 2020 without a word; the record is still imported)
    problems = Problems()
    assert _one("  year = {2020a},\n", problems).year == "2020"
    assert problems.format() == (
        "y.bib:3:11: warning: year '2020a' has a letter after the year, as some exporters write to"
        " tell apart two works of one author and year: read as 2020, the letter left out; write"
        " 'year = {2020}' to say so"
    )
    problems = Problems()
    assert _one("  date =\n    {2021b},\n", problems).year == "2021"
    assert [str(p.location) for p in problems.warnings] == ["y.bib:4:6"]


def test_a_lettered_year_is_said_at_its_value_not_at_those_words_earlier_on_its_line():
    # (reviewer: the warning's column was the first '2020a' on the year's line, in the
    # title or note before it when the entry is written on one line)
    problems = Problems()
    text = "@misc{z1, title = {Results of 2020a}, year = {2020a}}\n"
    parse_text(text, "y.bib", problems)
    assert [str(p.location) for p in problems.warnings] == [f"y.bib:1:{text.index('{2020a}') + 2}"]
    problems = Problems()
    assert _one("  note = {year 2019a here}, year = {2019a},\n", problems).year == "2019"
    assert [str(p.location) for p in problems.warnings] == ["y.bib:3:37"]


@pytest.mark.parametrize("value, letters", [
    ("{2020ab}", "letters"), ("{2020 a}", "a letter"), ("{2020a-b}", "letters"), ('"2020a, b"', "letters"),
])
def test_a_year_with_letters_after_it_in_any_form_is_said_at_its_value(value, letters):
    # (reviewer: only one letter right after the year was said; '2020ab', '2020 a' and
    # '2020a-b' became 2020 without a word)
    problems = Problems()
    assert _one(f"  year = {value},\n", problems).year == "2020"
    written = value[1:-1]
    assert problems.format() == (
        f"y.bib:3:11: warning: year {written!r} has {letters} after the year, as some exporters write"
        f" to tell apart two works of one author and year: read as 2020, the {letters.split()[-1]} left"
        " out; write 'year = {2020}' to say so"
    )


@pytest.mark.parametrize("value", ["{2020-21}", "{2020/21}", "{2020--2021}", "{2020 and 2021}", "{2019/2020}"])
def test_a_year_that_names_two_years_gives_none_and_says_both(value):
    # (reviewer: '2020-21' and '2020/21', a season, became 2020 without a word)
    problems = Problems()
    assert _one(f"  year = {value},\n", problems).year == ""
    first, second = ("2019", "2020") if "2019" in value else ("2020", "2021")
    assert problems.format() == (
        f"y.bib:3:11: warning: year {value[1:-1]!r} names two years, {first} and {second}: the paper gets"
        " no year from this entry; write the one it was published in, as"
        f" 'year = {{{first}}}' or 'year = {{{second}}}'"
    )


def test_a_dates_month_after_the_year_is_no_second_year():
    for fields in ("  date = {2011-12},\n", "  date = {2011-12-05},\n"):
        problems = Problems()
        assert _one(fields, problems).year == "2011"
        assert not problems, problems.format()


@pytest.mark.parametrize("value", ["{2011-12-05}", "{2011/12/05}", "{2011-12-5}"])
def test_a_full_date_in_the_year_field_is_its_year_not_a_season(value):
    # (reviewer: December 5, 2011 in 'year' was told it names two years, 2011 and 2012,
    # and got none: '2011-12' read as a season, though a day follows it)
    problems = Problems()
    assert _one(f"  year = {value},\n", problems).year == "2011"
    assert not problems, problems.format()


@pytest.mark.parametrize("value", ["{\uff12\uff10\uff12\uff11}", '"\u0662\u0660\u0662\u0661"'])
def test_a_year_in_digits_other_than_0_to_9_is_read_as_its_year_with_a_warning(value):
    # (reviewer: '２０２１' was imported as written, which check then refuses)
    problems = Problems()
    assert _one(f"  year = {value},\n", problems).year == "2021"
    assert problems.format() == (
        f"y.bib:3:11: warning: year {value[1:-1]!r} is written in digits other than 0-9: read as 2021;"
        " write 'year = {2021}'"
    )


@pytest.mark.parametrize("value, said", [
    ("2020a", "has a letter after the year, as some exporters write to tell apart two works of one"
     " author and year: read as 2020, the letter left out; write 'year = {2020}' to say so"),
    ("2020 a", "has a letter after the year, as some exporters write to tell apart two works of one"
     " author and year: read as 2020, the letter left out; write 'year = {2020}' to say so"),
    ("2020-21", "names two years, 2020 and 2021: the paper gets no year from this entry; write the one"
     " it was published in, as 'year = {2020}' or 'year = {2021}'"),
    ("\uff12\uff10\uff12\uff11", "is written in digits other than 0-9: read as 2021; write 'year = {2021}'"),
])
def test_a_year_written_bare_is_said_once_with_what_bibtex_reads_of_it(value, said):
    # (reviewer: 'year = 2020a' was told of its letter but not that BibTeX reads a value
    # without braces only as a number or a @string's name, which '2020a' is not; '2020 a'
    # would be told twice, as words without braces and of its letter)
    problems = Problems()
    _one(f"  year = {value},\n", problems)
    assert problems.format() == (
        f"y.bib:3:10: warning: year {value!r} is written without braces or quotes, which BibTeX"
        f" takes only for a number or a @string's name (it reads no year here), and {said}"
    )
    # A number or a @string's name, bare, is as BibTeX reads it: nothing to say.
    problems = Problems()
    text = "@string{y = {2020a}}\n@misc{k,\n  title = {T},\n  year = y,\n}\n"
    assert parse_text(text, "y.bib", problems)[0].year == "2020"
    assert [p.message for p in problems.warnings] == [
        "year '2020a' has a letter after the year, as some exporters write to tell apart two works of one"
        " author and year: read as 2020, the letter left out; write 'year = {2020}' to say so"
    ]


def test_a_year_with_words_around_one_four_digit_year_takes_that_year():
    # ("CA 2019", in capitals, may be California's, and so may "CA. 2019", with its dot,
    # which was said to be approximate: the dot tells no more than it does of "ca 2019"
    # and "ca. 2019", both circa, below.)
    for value in (
        "{2019-05-01}", "{ 2019 }", "{Dec. 2019}", "{In press, 2019}", "{CA 2019}", "{Oca 2019}", "{CA. 2019}",
        "{Stanford, CA. 2019}", "{CA.~2019}",
    ):
        problems = Problems()
        assert _one(f"  year = {value},\n", problems).year == "2019", value
        assert not problems, (value, problems.format())


def test_an_approximate_year_takes_the_year_and_says_it_is_approximate():
    # (imp26: "circa 2019" was read as 2019 without a word, where '2020a' is said with
    # the letter left out: the paper's year would show as known.) Said at the value; the
    # entry is still imported. biblatex's circa date, EDTF's "2019~", likewise.
    # (At column 11: "  year = {" and "  date = {" are 10 characters.)
    # A date is told to be written as it was without what says so: its month and day stay
    # (where what is left is a date biblatex reads: "May 2019" is none).
    for field, written, mark, fix in [
        ("year", "circa 2019", "circa", "2019"), ("year", "c. 2019", "c.", "2019"), ("year", "ca. 2019", "ca.", "2019"),
        ("year", "Circa 2019", "Circa", "2019"), ("year", "C. 2019", "C.", "2019"), ("year", "ca.~2019", "ca.", "2019"),
        ("date", "2019~", "~", "2019"), ("date", "2019-05~", "~", "2019-05"), ("date", "2019-05-01%", "%", "2019-05-01"),
        ("date", "circa 2019-05", "circa", "2019-05"), ("date", "c.~2019-05-01", "c.", "2019-05-01"),
        ("date", "May 2019~", "~", "2019"),
        # "approx." and "approximately" before it, and EDTF's uncertain date, "2019?"
        # (imp26's review: read as 2019 without a word).
        ("year", "approx. 2019", "approx.", "2019"), ("year", "Approximately 2019", "Approximately", "2019"),
        ("year", "2019?", "?", "2019"), ("date", "2019?", "?", "2019"), ("date", "2019-05?", "?", "2019-05"),
        ("date", "approx.~2019-05", "approx.", "2019-05"),
        # "ca" without its dot, as "ca. 2019" (it was read as 2019 without a word).
        ("year", "ca 2019", "ca", "2019"), ("year", "Ca 2019", "Ca", "2019"), ("year", "ca~2019", "ca", "2019"),
        ("date", "ca 2019-05", "ca", "2019-05"),
        # "approx" without its dot, and EDTF's mark after a space (both were read as exactly
        # 2019, without a word).
        ("year", "approx 2019", "approx", "2019"), ("year", "Approx~2019", "Approx", "2019"),
        ("date", "approx 2019-05", "approx", "2019-05"),
        ("date", "2019-05 ~", "~", "2019-05"), ("date", "2019 ~", "~", "2019"), ("date", "2019-05-01 %", "%", "2019-05-01"),
        ("year", "2019 ?", "?", "2019"),
    ]:
        problems = Problems()
        assert _one(f"  {field} = {{{written}}},\n", problems).year == "2019", written
        assert problems.format() == (
            f"y.bib:3:11: warning: {field} '{written}' says the year is approximate ('{mark}'): read as"
            f" 2019; write the year the paper was published in, as '{field} = {{{fix}}}'"
        ), written


def test_a_preprints_year_is_its_first_versions_as_its_arxiv_id_says():
    # arXiv's "Export BibTeX citation" gives the latest version's year (1706.03762 as of
    # 2023); `add` takes the first version's. A published venue's year stands.
    cases = [
        ("  year = {2023},\n  eprint = {1706.03762},\n  archivePrefix = {arXiv},\n  primaryClass = {cs.CL},\n", "2017"),
        ("  year = {1999},\n  eprint = {hep-th/9711200},\n  primaryClass = {hep-th},\n", "1997"),
        # Better BibTeX's biblatex export of a Zotero preprint: biblatex's eprintclass,
        # and the date of the version Zotero saved.
        ("  date = {2023-08-02},\n  eprint = {1706.03762},\n  eprinttype = {arXiv},\n  eprintclass = {cs},\n", "2017"),
        # Zotero's own BibTeX export of it: arXiv's DOI, and the id with its class in a
        # note (as its RIS export gives it: an RIS and a BibTeX export of one preprint agree).
        ("  year = {2019},\n  doi = {10.48550/arXiv.1810.04805},\n  note = {arXiv:1810.04805 [cs]},\n", "2018"),
        # A paper cross-listed in several archives: Zotero names each ("[cs, stat]").
        ("  year = {2017},\n  note = {arXiv:1609.02907 [cs, stat]},\n", "2016"),
        ("  year = {2019},\n  note = {arXiv:1810.04805},\n", "2019"),  # (no class: anyone's note)
        # Any other entry's year stands (this tool's export of a curator's year included).
        ("  year = {2018},\n  eprint = {1706.03762},\n  archiveprefix = {arXiv},\n", "2018"),
        ("  year = {2022},\n  journal = {arXiv preprint arXiv:2112.05682},\n", "2022"),
        ("  eprint = {2106.09685v2},\n", "2021"),  # no year at all
        ("  year = {2018},\n  booktitle = {ICLR},\n  eprint = {1706.03762},\n", "2018"),
        ("  year = {2016},\n  eprint = {1706.03762},\n", "2016"),  # (earlier: not arXiv's doing)
    ]
    for fields, year in cases:
        problems = Problems()
        assert _one(fields, problems).year == year, fields
        assert not problems, problems.format()


def test_a_year_that_is_not_understood_is_a_warning_at_its_value():
    # (It was at the field's name, where a year written otherwise is said at its value.)
    # (A value the field's name holds, "e" of "year", at the value, not in the name.)
    for value in ("{forthcoming}", "{e}", "{ar}"):
        problems = Problems()
        assert _one(f"  note = {{x}},\n    year = {value},\n", problems).year == ""
        assert problems.format() == (
            f"y.bib:4:13: warning: year {value[1:-1]!r} is not understood (expected a year such "
            "as 2019); the paper gets no year from this entry"
        )
        assert not problems.has_errors()


def test_dashes_and_emphasis_in_fields_read_as_tex_typesets_them():
    text = (
        "@article{a,\n"
        "  title = {Pages 2--3---and \\emph{more}},\n"
        "  abstract = {Run \\texttt{tool --help}; see https://x.org/a--b for the \\textit{full} set.},\n"
        "}\n"
    )
    problems = Problems()
    [record] = parse_text(text, "a.bib", problems)
    assert record.title == "Pages 2\u20133\u2014and more"
    # a command-line flag and a URL keep their hyphens; emphasis keeps its words only,
    # since an abstract is shown exactly as written
    assert record.abstract == "Run tool --help; see https://x.org/a--b for the full set."


def test_field_names_are_read_whatever_their_case():
    text = "@ARTICLE{c,\n  TITLE = {Upper Case Fields},\n  Author = {Ada Lovelace},\n  YEAR = 2020\n}\n"
    problems = Problems()
    [record] = parse_text(text, "c.bib", problems)
    assert not problems.has_errors(), problems.format()
    assert (record.title, record.authors, record.year) == (
        "Upper Case Fields", ("Ada Lovelace",), "2020"
    )


def test_addresses_in_howpublished_and_note_are_links_too():
    # The usual form of an entry without a url field: \url{} in howpublished, addresses in note.
    text = (
        "@misc{a,\n  title = {T},\n  url = {https://example.org/paper},\n"
        "  howpublished = {\\url{https://example.org/paper}},\n"
        "  note = {Project page: https://lab.github.io/t/. Code: https://github.com/lab/t}\n}\n"
    )
    problems = Problems()
    [record] = parse_text(text, "a.bib", problems)
    assert [(link.url, link.kind, link.found_in) for link in record.links] == [
        ("https://example.org/paper", "project", "bibtex"),  # once, though written twice
        ("https://lab.github.io/t/", "project", "bibtex"),
        ("https://github.com/lab/t", "code", "bibtex"),
    ]


def test_code_in_howpublished_or_note_is_official_as_in_an_abstract():
    # (Curator: "Code: https://github.com/..." in an abstract was marked the paper's own
    # code, the same words in a lab's note or howpublished were not.) The words are read
    # as an abstract's: another's code, and an address that says nothing, stay unofficial.
    fields = {
        "a": "howpublished = {Code: \\url{https://github.com/lab/a}}",
        "b": "note = {code available at https://github.com/lab/b}",
        "c": "note = {Code: https://github.com/lab/c}, abstract = {Code: https://github.com/lab/c}",
        "d": "note = {Based on the code of Smith et al. at https://github.com/smith/d}",
        "e": "howpublished = {\\url{https://github.com/lab/e}}",
        "f": "note = {Our code can be found at https://lab.org/f}",
    }
    problems = Problems()
    records = parse_text("".join(f"@misc{{{k}, title = {{T}}, {v}}}\n" for k, v in fields.items()), "a.bib", problems)
    assert not problems.items
    assert [[(link.url, link.kind, link.official) for link in r.links] for r in records] == [
        [("https://github.com/lab/a", "code", True)],
        [("https://github.com/lab/b", "code", True)],
        [("https://github.com/lab/c", "code", True)],
        [("https://github.com/smith/d", "code", False)],
        [("https://github.com/lab/e", "code", False)],
        [("https://lab.org/f", "project", False)],  # (a lab's site, said to hold code: no repository)
    ]
    assert {link.found_in for r in records[:2] for link in r.links} == {"bibtex"}


def test_an_address_in_url_or_href_is_a_link_even_without_a_scheme():
    # \url{} says its argument is an address: "example.com/x" was the venue, and no link.
    text = (
        "@misc{a, title = {A}, howpublished = {\\url{example.com/x}}}\n"
        "@misc{b, title = {B}, note = {Code: \\href{gitlab.com/c/d}{here}}}\n"
        "@misc{c, title = {C},\n  howpublished = {\\url{ftp://example.org/post}}}\n"
    )
    problems = Problems()
    a, b, c = parse_text(text, "a.bib", problems)
    assert (a.venue, [(link.url, link.kind) for link in a.links]) == (
        "", [("https://example.com/x", "project")]
    )
    assert [(link.url, link.kind) for link in b.links] == [("https://gitlab.com/c/d", "code")]
    # An address no page can link to is told at it, and is no venue either.
    assert (c.venue, c.links) == ("", ())
    assert problems.format() == (
        "a.bib:4:24: warning: howpublished 'ftp://example.org/post' of entry 'c' is no"
        " http(s) address a page can link to; left out"
    )


def test_an_http_address_to_a_host_serving_https_is_read_as_its_https_address():
    # (`check` warns of http:// to GitHub, arXiv...: an import wrote such links as given,
    # and the next check warned of each; a lab's own page keeps its http://)
    text = (
        "@misc{a, title = {A}, url = {http://github.com/o/r},\n"
        "  abstract = {Data: http://huggingface.co/datasets/o/d. Demo: http://lab.example.org/demo}}\n"
    )
    problems = Problems()
    (a,) = parse_text(text, "a.bib", problems)
    assert sorted(link.url for link in a.links) == [
        "http://lab.example.org/demo", "https://github.com/o/r", "https://huggingface.co/datasets/o/d",
    ]
    assert not problems


def test_an_address_with_braces_or_an_href_in_howpublished_is_a_link_not_the_venue():
    # \url{example.com/{x}}: the braced part hid the \url, and "example.com/x" was the
    # venue; the address keeps its braces, as a `url` field's does.
    text = (
        "@misc{a, title = {A}, howpublished = {\\url{example.com/{x}}}}\n"
        "@misc{b, title = {B}, url = {https://example.com/{x}}}\n"
        "@misc{c, title = {C}, howpublished = {\\href{x.org/a}{Our page}}}\n"
        "@misc{d, title = {D}, howpublished = {\\href{https://x.org/a}{Project page}}}\n"
        "@misc{e, title = {E}, howpublished = {[Online]. Available: \\url{https://x.org/a\\_b}}}\n"
    )
    problems = Problems()
    records = parse_text(text, "a.bib", problems)
    assert not problems, problems.format()
    assert [(r.title, r.venue, [link.url for link in r.links]) for r in records] == [
        ("A", "", ["https://example.com/{x}"]),
        ("B", "", ["https://example.com/{x}"]),
        ("C", "", ["https://x.org/a"]),
        ("D", "", ["https://x.org/a"]),
        ("E", "", ["https://x.org/a_b"]),
    ]


def test_the_words_beside_an_address_in_howpublished_are_its_venue():
    # A \href's text is what the bibliography shows in the venue's place: a blog or a
    # workshop named so is where the work appeared, and was dropped without a word; so
    # were the words written before a \url.
    text = (
        "@misc{a, title = {A}, howpublished = {\\href{https://x.org/ws}{NeurIPS 2023 Workshop on X}}}\n"
        "@misc{b, title = {B}, howpublished = {OpenAI Blog, \\url{https://openai.com/blog/b}}}\n"
        "@misc{c, title = {C}, howpublished = {\\href{https://x.org}{\\textit{ICML} Workshop}}}\n"
        "@misc{d, title = {D}, howpublished = {Lab notes (\\url{lab.org/d})}}\n"
        # words that only lead to the link, or say when it was read, are none
        "@misc{e, title = {E},\n  howpublished = {Available online at \\url{https://x.org/e}, accessed 3 May 2024}}\n"
        "@misc{f, title = {F}, howpublished = {\\href{https://github.com/o/f}{Code on GitHub}}}\n"
        "@misc{g, title = {G}, howpublished = {\\href{https://x.org/g}{\\texttt{x.org/g}}}}\n"
        "@misc{h, title = {H}, howpublished = {Published online at \\url{https://x.org/h}}}\n"  # (a review)
        "@misc{i, title = {I}, howpublished = {Published in Lab Notes, \\url{https://x.org/i}}}\n"
        "@misc{j, title = {J}, howpublished = {Available at SSRN: https://ssrn.com/abstract=3312874}}\n"
        # (a review: the words leading to the link after the place, "Zenodo at", "OpenAI
        # Blog, available at", stayed in the venue)
        "@misc{k, title = {K}, howpublished = {Available from Zenodo at \\url{https://zenodo.org/record/1}}}\n"
        "@misc{l, title = {L}, howpublished = {OpenAI Blog, available at \\url{https://openai.com/blog/l}}}\n"
        "@misc{m, title = {M}, howpublished = {Notes published online at \\url{https://x.org/m}}}\n"
    )
    problems = Problems()
    records = parse_text(text, "a.bib", problems)
    assert not problems, problems.format()
    assert [(r.venue, [link.url for link in r.links]) for r in records] == [
        ("NeurIPS 2023 Workshop on X", ["https://x.org/ws"]),
        ("OpenAI Blog", ["https://openai.com/blog/b"]),
        ("ICML Workshop", ["https://x.org"]),
        ("Lab notes", ["https://lab.org/d"]),
        ("", ["https://x.org/e"]),
        ("", ["https://github.com/o/f"]),
        ("", ["https://x.org/g"]),
        ("", ["https://x.org/h"]),
        ("Lab Notes", ["https://x.org/i"]),  # (the place the words lead to)
        ("SSRN", ["https://ssrn.com/abstract=3312874"]),
        ("Zenodo", ["https://zenodo.org/record/1"]),
        ("OpenAI Blog", ["https://openai.com/blog/l"]),
        ("Notes", ["https://x.org/m"]),
    ]
    # no kind: a venue from howpublished says none (see _venue_kind)
    assert {r.venue_kind for r in records} == {""}


def test_a_thesis_or_report_says_so_in_its_venue():
    problems = Problems()
    records = parse_text(
        "@phdthesis{t, title = {Dinge}, school = {Universit{\\\"a}t T{\\\"u}bingen}, year = 2020}\n"
        "@mastersthesis{m, title = {M}, school = {ETH}, year = 2018}\n"
        "@techreport{r, title = {R}, institution = {MSR}, year = 2019}\n"
        "@inproceedings{c, title = {C}, booktitle = {ICML}, year = 2018}\n"
        # biblatex: @thesis and @report say which in `type`.
        "@thesis{bt, title = {BT}, type = {phdthesis}, institution = {Uni A}}\n"
        "@thesis{bm, title = {BM}, type = {mathesis}, school = {Uni B}}\n"
        "@thesis{bd, title = {BD}, type = {Diploma thesis}, school = {Uni C}}\n"
        "@report{br, title = {BR}, type = {techreport}, institution = {Lab}}\n"
        # a venue from somewhere else keeps its words
        "@phdthesis{hp, title = {HP}, howpublished = {Online}}\n"
        # BibTeX prints `type` instead of "PhD thesis"; without a school, the kind alone
        "@thesis{pd, title = {PD}, type = {Ph.D. dissertation}, school = {MIT}}\n"
        "@mastersthesis{da, title = {DA}, type = {Diplomarbeit}, school = {TU Wien}}\n"
        "@phdthesis{ns, title = {NS}}\n"
        # a type of no known kind: the entry type's kind (a word the export does not know
        # would make the work a conference)
        "@techreport{tm, title = {TM}, type = {MSR Technical Report}, institution = {Microsoft}}\n"
        "@techreport{mm, title = {MM}, type = {Memo}, institution = {MIT AI Lab}}\n"
        "@report{ms, title = {MS}, type = {Market study}, institution = {Gartner}}\n"
        "@phdthesis{hs, title = {HS}, type = {Habilitationsschrift}, school = {Uni K}}\n"
        "@thesis{mm2, title = {MM2}, type = {Mémoire de master}, school = {Uni L}}\n"
        "@thesis{md, title = {MD}, type = {Master's dissertation}, school = {Uni M}}\n"
        "@report{tr, title = {TR}, type = {Tech. Rep.}, institution = {Stanford}}\n",
        "lab.bib", problems,
    )
    assert problems.items == []
    assert [r.venue for r in records] == [
        "PhD thesis, Universität Tübingen", "Master's thesis, ETH", "Technical report, MSR", "ICML",
        "PhD thesis, Uni A", "Master's thesis, Uni B", "Thesis, Uni C", "Technical report, Lab",
        "Online", "PhD thesis, MIT", "Master's thesis, TU Wien", "PhD thesis",
        "Technical report, Microsoft", "Technical report, MIT AI Lab", "Report, Gartner",
        "PhD thesis, Uni K", "Master's thesis, Uni L", "Master's thesis, Uni M",
        "Technical report, Stanford"]


def test_a_url_check_would_refuse_is_left_out_with_a_warning_at_its_entry():
    # Written, `check` refused each of these at the next run: the import wrote a file
    # that did not pass.
    urls = ["https://exa mple.com/paper", "https://x.org/a\u00a0b", "https://x.org/\u200bz",
            "http://[::1", "https://x.org/ok note: https://y.org"]
    text = "".join(f"@misc{{k{i}, title={{Paper {i}}}, url={{{u}}}}}\n" for i, u in enumerate(urls))
    text += "@misc{fine, title={Fine}, url={https://github.com/a/b}}\n"
    problems = Problems()
    records = parse_text(text, "x.bib", problems)
    assert [[link.url for link in r.links] for r in records] == [[]] * len(urls) + [["https://github.com/a/b"]]
    assert [(p.location.line, p.severity.value) for p in problems.items] == [
        (line, "warning") for line in range(1, len(urls) + 1)
    ]
    assert all("is no http(s) address a page can link to; left out" in p.message for p in problems.items)


def test_an_address_no_reader_can_open_is_left_out_as_check_warns_of_it_and_ipv6_is_kept():
    # The importer left out every host without a dot, a public IPv6 address too (which
    # check accepts), and wrote http://127.0.0.1:8000/ and a private network's address,
    # told of in the same words as an ftp: address. Now it leaves out what check warns
    # of (tests/test_curation.py), saying why, and keeps what check accepts.
    text = (
        "@misc{lh, title = {L}, url = {http://localhost:8000/x}}\n"
        "@misc{intra, title = {I}, pdf = {https://intranet/x.pdf}}\n"
        "@misc{loop, title = {O}, url = {http://127.0.0.1:8000/x}}\n"
        "@misc{doc, title = {D}, eprint = {http://[2001:db8::1]/x.pdf}}\n"
        "@misc{six, title = {S}, url = {http://[2606:4700:4700::1111]/x}}\n"
        "@misc{abs, title = {A}, abstract = {Code: https://github.com/a/b and"
        " http://192.168.0.7/demo and http://[2606:4700:4700::1111]/demo.}}\n"
    )
    problems = Problems()
    records = parse_text(text, "x.bib", problems)
    assert [[link.url for link in r.links] for r in records] == [
        [], [], [], [], ["http://[2606:4700:4700::1111]/x"],
        ["https://github.com/a/b", "http://[2606:4700:4700::1111]/demo"],
    ]
    tail = "so no reader of the site can open it; left out"
    assert [str(p) for p in problems.items] == [
        "x.bib:1:31: warning: url 'http://localhost:8000/x' of entry 'lh': its host,"
        f" localhost, names the reader's own computer, {tail}",
        "x.bib:2:34: warning: pdf 'https://intranet/x.pdf' of entry 'intra': its host,"
        f" intranet, is a name without a dot, known only inside a local network, {tail}",
        "x.bib:3:33: warning: url 'http://127.0.0.1:8000/x' of entry 'loop': its host,"
        f" 127.0.0.1, names the reader's own computer, {tail}",
        "x.bib:4:35: warning: eprint 'http://[2001:db8::1]/x.pdf' of entry 'doc': its host,"
        f" 2001:db8::1, is an address of a private network (or one reserved), {tail}",
    ]


def test_a_pdf_or_eprint_that_is_no_http_address_is_left_out_with_a_warning_at_it():
    # Zotero exports the PDF it keeps as a file on the curator's computer; an old mirror
    # is an ftp: address. They were dropped without a word.
    text = (
        "@article{zot, title = {Z}, journal = {J},\n"
        "  pdf = {file:///home/me/Zotero/storage/AB12/z.pdf}}\n"
        "@misc{mirror, title = {M},\n"
        "  eprint = {ftp://ftp.example.org/m.ps}}\n"
        "@misc{local, title = {L}, pdf = {papers/l.pdf}}\n"
        "@misc{pubmed, title = {P}, eprint = {12345678}, eprinttype = {pubmed}}\n"
        "@misc{fine, title = {F}, pdf = {https://x.org/f.pdf}}\n"
    )
    problems = Problems()
    records = parse_text(text, "x.bib", problems)
    assert [[link.url for link in r.links] for r in records] == [[], [], [], [], ["https://x.org/f.pdf"]]
    assert [str(p) for p in problems.items] == [
        "x.bib:2:10: warning: pdf 'file:///home/me/Zotero/storage/AB12/z.pdf' of entry 'zot'"
        " is no http(s) address a page can link to (a file on this computer: give its"
        " address on the web); left out",
        "x.bib:4:13: warning: eprint 'ftp://ftp.example.org/m.ps' of entry 'mirror' is no"
        " http(s) address a page can link to; left out",
        "x.bib:5:34: warning: pdf 'papers/l.pdf' of entry 'local' is no http(s) address a"
        " page can link to; left out",
    ]


def test_an_http_eprint_check_would_refuse_is_left_out_with_a_warning_as_a_pdf_is():
    # MIT Press gives its PDF as `eprint`; one that check would refuse (a space pasted
    # inside) was dropped without a word, while the same address in `pdf` was told.
    text = (
        "@article{mit, title = {M}, journal = {J},\n"
        "  eprint = {https://direct.mit.edu/a/m 1.pdf}}\n"
        "@article{pdf, title = {P}, journal = {J},\n"
        "  pdf = {https://direct.mit.edu/a/m 1.pdf}}\n"
    )
    problems = Problems()
    records = parse_text(text, "x.bib", problems)
    assert [[link.url for link in r.links] for r in records] == [[], []]
    assert [str(p) for p in problems.items] == [
        f"x.bib:{line}:{col}: warning: {field} 'https://direct.mit.edu/a/m 1.pdf' of entry"
        f" '{key}' is no http(s) address a page can link to; left out"
        for line, col, field, key in ((2, 13, "eprint", "mit"), (4, 10, "pdf", "pdf"))
    ]


def test_al_folio_fields_give_links_of_their_kind():
    # al-folio's bibliographies (and many a lab's) name a talk, slides, a poster and the
    # project page in fields of their own; the field says what a lab's address is, the
    # host says it where it can.
    text = r"""@inproceedings{lovelace2024,
  title = {A Paper},
  author = {Lovelace, Ada},
  booktitle = {NeurIPS},
  year = {2024},
  video = {https://lab.example.org/talks/a.mp4},
  slides = {https://lab.example.org/a-slides.pdf},
  poster = {poster.pdf},
  website = {https://lab.example.org/a/},
  code = {https://huggingface.co/datasets/lab/a-data},
}
@inproceedings{child, title = {B}, crossref = {lovelace2024}}
"""
    problems = Problems()
    first, child = parse_text(text, "refs.bib", problems)
    assert [(l.url, l.kind) for l in first.links] == [
        ("https://huggingface.co/datasets/lab/a-data", "data"),  # its host says more
        ("https://lab.example.org/talks/a.mp4", "video"),
        ("https://lab.example.org/a-slides.pdf", "slides"),  # (a PDF, of slides)
        ("https://lab.example.org/a/", "project"),
    ]
    # al-folio's file name of a poster is no address: told, not dropped without a word
    assert [str(p) for p in problems.items] == [
        "refs.bib:8:13: warning: poster 'poster.pdf' of entry 'lovelace2024' is no http(s)"
        " address a page can link to (al-folio's file assets/pdf/poster.pdf: give its address"
        " on the web); left out"
    ]
    assert child.links == ()  # a talk is of its own entry, never inherited


def test_al_folio_arxiv_and_html_fields():
    # From 594zyc/594zyc.github.io, _bibliography/papers.bib (al-folio; abstract cut),
    # and 2lambda123/PJLab-ADG-pjlab-adg.github.io, _bibliography/papers.bib: al-folio's
    # `arxiv` is the id behind its "arXiv" button, `html` the paper's page behind its
    # "HTML" button. Both were dropped without a word (no arXiv id, no link). PTL2021 is
    # from alshedivat/al-folio's stored papers.bib, with a mistaken `arxiv` and a `supp` added.
    text = r"""@inproceedings{zhang2020task,
  title={Task-oriented dialog systems that consider multiple appropriate responses under the same context},
  author={Zhang, Yichi and Ou, Zhijian and Yu, Zhou},
  booktitle={Proceedings of the AAAI Conference on Artificial Intelligence},
  year={2020},
  abbr={AAAI},
  bibtex_show={true},
  arxiv={1911.10484},
  pdf={aaai20_damd.pdf},
  code={https://github.com/thu-spmi/damd-multiwoz},
  selected={true}
}
@inproceedings{li2022homogeneous,
  abbr={ECCV},
  title={Homogeneous Multi-modal Feature Fusion and Interaction for 3D Object Detection},
  author={Li, Xin and Shi, Botian and Hou, Yuenan and Wu, Xingjiao and Ma, Tianlong and Li, Yikang and He, Liang},
  booktitle={Computer Vision--ECCV 2022: 17th European Conference, Tel Aviv, Israel, October 23--27, 2022, Proceedings, Part XXXVIII},
  pages={691--707},
  year={2022},
  organization={Springer},
  doi={https://doi.org/10.1007/978-3-031-19839-7_40},
  url={https://link.springer.com/chapter/10.1007/978-3-031-19839-7_40},
  html={https://arxiv.org/abs/2210.09615},
  selected={false},
}
@article{PTL2021,
  title={Secure Analysis of Optical Steganography With Spectral Signature Measurement},
  journal={IEEE Photonics Technology Letters},
  year={2021},
  html={https://ieeexplore.ieee.org/abstract/document/9501966},
  arxiv={selected},
  supp={ptl_supp.pdf},
}
"""
    problems = Problems()
    task, homogeneous, ptl = parse_text(text, "papers.bib", problems)
    assert task.arxiv == "1911.10484"
    assert [(l.url, l.kind) for l in task.links] == [
        ("https://github.com/thu-spmi/damd-multiwoz", "code")
    ]
    # the arXiv page in `html` gives the id (its badge links the page)
    assert (homogeneous.arxiv, homogeneous.doi) == ("2210.09615", "10.1007/978-3-031-19839-7_40")
    assert [l.url for l in homogeneous.links] == [
        "https://link.springer.com/chapter/10.1007/978-3-031-19839-7_40"
    ]
    assert [(l.url, l.kind) for l in ptl.links] == [
        ("https://ieeexplore.ieee.org/abstract/document/9501966", "paper")
    ]
    assert ptl.arxiv == ""
    assert [str(p) for p in problems.items] == [
        "papers.bib:9:8: warning: pdf 'aaai20_damd.pdf' of entry 'zhang2020task' is no http(s)"
        " address a page can link to (al-folio's file assets/pdf/aaai20_damd.pdf: give its"
        " address on the web); left out",
        "papers.bib:31:10: warning: arxiv 'selected' of entry 'PTL2021' is no arXiv identifier"
        " (YYMM.NNNNN, with a month from 01 to 12, or archive/YYMMNNN); left out",
        "papers.bib:32:3: warning: supp (supplementary material) of entry 'PTL2021' is not"
        " imported: a paper's links have no kind for it; add it by hand, with a note, if it"
        " should be shown",
    ]


def test_a_character_written_as_an_html_reference_is_that_character():
    text = r"""@inproceedings{bender2021,
  title = {On the Dangers of Stochastic Parrots: Can Language Models Be Too Big? \&\#129436;},
  author = {Bender, Emily M.},
  booktitle = {FAccT},
  year = {2021},
}
@misc{b, title = {Caf\&\#xE9; \&\#0; and \&\#55296; and 5\&\#37; and R\&D;}}
"""
    problems = Problems()
    parrots, other = parse_text(text, "acm.bib", problems)
    assert not problems
    assert parrots.title == "On the Dangers of Stochastic Parrots: Can Language Models Be Too Big? \U0001f99c"
    # A NUL and a lone surrogate are no characters a title may hold: kept as written.
    assert other.title == "Café &#0; and &#55296; and 5% and R&D;"


def test_a_character_reference_in_keywords_does_not_split_the_tag():
    text = r"@misc{k, title = {T}, keywords = {ethics \&\#38; safety; robustness, caf\&\#xE9;s}}"
    problems = Problems()
    [record] = parse_text(text, "acm.bib", problems)
    assert record.tags == ("ethics & safety", "robustness", "cafés")


def test_crossrefs_markup_and_named_references_become_text_and_tokens_stay():
    # doi.org's BibTeX (Crossref) keeps its XML's elements and references; a title's own
    # "<mask>" or "<s>" token, math, and TeX's "\&amp;" (the text "&amp;") stay.
    problems = Problems()
    (record,) = parse_text(
        "@article{key,\n  title = {The <i>Drosophila</i> <scp>gene</scp> &amp; CO<sub>2</sub> &lt;5 K,"
        " <mask> and <s>, $<i>$, \\&amp; <mml:math><mml:mi>x</mml:mi></mml:math>},\n"
        "  journal = {Science &amp; Technology},\n}\n",
        "y.bib", problems,
    )
    assert record.title == "The Drosophila gene & CO2 <5 K, <mask> and <s>, $<i>$, &amp; x"
    assert record.venue == "Science & Technology"
    assert not problems


def test_tags_an_abstract_writes_as_text_stay_and_only_pairs_of_markup_go():
    # (review: "<span> and <b>" in an abstract about HTML lost its words)
    problems = Problems()
    (record,) = parse_text(
        "@article{key,\n  title = {T},\n  abstract = {HTML tags such as <span> and <b> and &lt;div&gt; are"
        " read; <b><i>both</i> bold</b>.},\n}\n",
        "y.bib", problems,
    )
    assert record.abstract == "HTML tags such as <span> and <b> and <div> are read; both bold."


def test_markup_around_math_goes_entities_are_whole_names_and_nesting_is_linear():
    # (second review: pairs around math stayed; "&notanentity;" was read as "¬..."; deep
    # nesting took seconds)
    def title(text):
        problems = Problems()
        (record,) = parse_text("@misc{k, title={" + text + "}}", "y.bib", problems)
        assert not problems
        return record.title

    assert title("Clustering with <i>the $k$-means</i> method") == "Clustering with the $k$-means method"
    assert title("<scp>$\\alpha$-stable</scp> laws, <I>x</i>") == "α-stable laws, x"  # (simple math: its letter)
    assert title("&notanentity; &amplifier; &amp; &eacute;") == "&notanentity; &amplifier; & é"
    # (One pass over the tags, however deep: a pass per level took 6 s at 28 KB.)
    assert title("<i>" * 5000 + "x" + "</i>" * 5000) == "x"


@pytest.mark.parametrize("text", ["", "\n\n", "% exported by Zotero: an empty collection\n"])
def test_an_empty_or_comment_only_bib_file_is_said_to_hold_no_entry(text):
    # Its layout cannot be told from nothing; its name says what it was meant to be.
    problems = Problems()
    assert parse_text(text, "lab.BIB", problems) == []
    assert problems.format() == "lab.BIB:1:1: no BibTeX entries ('@article{key, ...}') found"


def test_an_empty_file_of_another_name_is_said_to_be_empty():
    problems = Problems()
    assert parse_text("\n", "listing.txt", problems) == []
    assert problems.format() == "listing.txt:1:1: the file is empty: there is nothing in it to import"


def test_an_address_of_another_scheme_in_url_is_told_as_written():
    # \url{mailto:...} was read as "https://mailto:..." and told so; a host's port is no scheme.
    text = (
        "@misc{a, title = {A}, note = {Write to \\url{mailto:x@y.org}}}\n"
        "@misc{b, title = {B}, note = {\\url{example.com:8080/x}}}\n"
        "@misc{c, title = {C}, note = {\\url{localhost:8080/x} or \\url{see below}}}\n"
    )
    problems = Problems()
    a, b, c = parse_text(text, "a.bib", problems)
    assert (a.links, a.venue) == ((), "")
    assert [link.url for link in b.links] == ["https://example.com:8080/x"]
    assert c.links == ()
    # Each told as the curator wrote it, not with the "https://" it was read with.
    assert problems.format().splitlines() == [
        "a.bib:1:45: warning: note 'mailto:x@y.org' of entry 'a' is no"
        " http(s) address a page can link to; left out",
        "a.bib:3:36: warning: note 'localhost:8080/x' of entry 'c': its host, localhost,"
        " names the reader's own computer, so no reader of the site can open it; left out",
        "a.bib:3:62: warning: note 'see below' of entry 'c' is no"
        " http(s) address a page can link to; left out",
    ]


def test_marks_beside_author_names_are_no_part_of_them():
    # From alshedivat/al-folio's stored _bibliography/papers.bib (a lab's version, cut):
    # al-folio shows such marks as superscripts (equal contribution, corresponding
    # author); they were kept in the names, "Ce *Pang" and "Sourabh ∗Yadav" on the pages.
    # The third entry writes them as TeX, as many a lab's file does.
    text = r"""@INPROCEEDINGS{MASSW2019,
  abbr={MASSW 2019},
  author={*Pang, Ce and Qiu, Chenxi and Wang, Ning},
  booktitle={Proceedings of IEEE 16th International Conference on Mobile Ad Hoc and Sensor Systems Workshops (MASSW)},
  title={A Geo-Obfuscation Approach to Protect Worker Location Privacy in Spatial Crowdsourcing Systems},
  year={2019},
}
@INPROCEEDINGS{ICDCS2022,
  author={Qiu, Chenxi and ∗Yadav, Sourabh and Squicciarini, Anna},
  title={[A] Distributed Data-Sharing Consensus in Cooperative Perception of Autonomous Vehicles},
}
@inproceedings{tex,
  author={Wilcox*, Albert and Zhang$^\dagger$, Wei and Li\textsuperscript{*}, Na and Garc{\'i}a M{\'a}rquez$^{*}$, Gabriel},
  title={T},
}
@misc{none, author={O'Neil-Smith, Jean-Luc and Smith, A. B.}, title={N}}
"""
    problems = Problems()
    massw, icdcs, tex, none = parse_text(text, "papers.bib", problems)
    assert massw.authors == ("Ce Pang", "Chenxi Qiu", "Ning Wang")
    assert icdcs.authors == ("Chenxi Qiu", "Sourabh Yadav", "Anna Squicciarini")
    assert tex.authors == ("Albert Wilcox", "Wei Zhang", "Na Li", "García Márquez, Gabriel")
    assert none.authors == ("Jean-Luc O'Neil-Smith", "A. B. Smith")
    tail = (
        ": a mark of equal contribution, of the corresponding author or of an affiliation is"
        " no part of a name (say it in the paper's notes if it matters)"
    )
    assert [str(p) for p in problems.items] == [
        f"papers.bib:3:3: warning: marks beside author names of entry 'MASSW2019' left out ('*'){tail}",
        f"papers.bib:9:3: warning: marks beside author names of entry 'ICDCS2022' left out ('∗'){tail}",
        "papers.bib:13:3: warning: marks beside author names of entry 'tex' left out"
        f" ('*', '$^\\dagger$', '^*', '$^{{*}}$'){tail}",
    ]


def test_an_author_named_twice_in_one_list_is_a_warning_at_the_field_and_the_list_stays():
    # (It was imported without a word, "Jane Doe" twice on the paper's page.) Which of
    # the two is the slip, or who was meant, is the curator's to say: nothing is dropped.
    text = (
        "@article{k,\n  title = {T},\n  author = {Doe, Jane and Roe, Bob and Jane Doe and"
        " J. Doe and ROE, BOB and Roe, Bob},\n}\n"
        "@misc{fine, title = {U}, author = {Doe, Jane and Doe, John and others}}\n"
    )
    problems = Problems()
    twice, fine = parse_text(text, "lab.bib", problems)
    assert twice.authors == ("Jane Doe", "Bob Roe", "Jane Doe", "J. Doe", "BOB ROE", "Bob Roe")
    assert fine.authors == ("Jane Doe", "John Doe", "others")
    assert [str(p) for p in problems.items] == [
        "lab.bib:3:3: warning: the author list of entry 'k' names the same author more than"
        " once ('Jane Doe' as authors 1 and 3; 'Bob Roe' as authors 2, 5 and 6); kept as"
        " written: delete the one too many, or write the author meant"
    ]
    # A book's list, which each chapter crossref'ing it takes: said once, at the book's.
    problems = Problems()
    parse_text(
        "@book{b, title = {B}, author = {Doe, Jane and Doe, Jane}}\n"
        "@inbook{c1, title = {C1}, crossref = {b}}\n@inbook{c2, title = {C2}, crossref = {b}}\n",
        "lab.bib", problems,
    )
    assert [str(p.location) for p in problems.items] == ["lab.bib:1:23"]


def test_an_affiliations_number_beside_a_name_is_a_mark():
    # From the review: "Smith, J.^{1}" was imported as "J.^1 Smith", and
    # \textsuperscript{1} joined the surname ("Jo Smith1"). A name braced whole keeps its
    # digits ("{C3 Lab}"), and a digit that is no superscript stays as written.
    text = r"""@misc{p, title={T}, author={Smith, J.^{1} and Lee$^{1,2}$, Ann and Kim\textsuperscript{2}, Bo and Ito¹, Yu and {C3 Lab} and Louis XIV}}"""
    problems = Problems()
    (record,) = parse_text(text, "papers.bib", problems)
    assert record.authors == ("J. Smith", "Ann Lee", "Bo Kim", "Yu Ito", "C3 Lab", "Louis XIV")
    assert [p.message.split(":")[0] for p in problems.items] == [
        "marks beside author names of entry 'p' left out ('^1', '$^{1,2}$', '^2', '¹')"
    ]


def test_a_company_with_its_legal_form_after_a_comma_is_one_author_not_last_first():
    # "Meta, Inc." unbraced is, to BibTeX, the person "Inc. Meta"; a company is meant (a
    # reference manager's one-field name). Kept whole, as "{Meta, Inc.}" is; cited braced.
    text = r"""@misc{p, title={T}, author={Touvron, Hugo and Meta, Inc. and Widgets, Ltd and Smith, S.A.}}"""
    problems = Problems()
    (record,) = parse_text(text, "papers.bib", problems)
    assert record.authors == ("Hugo Touvron", "Meta, Inc.", "Widgets, Ltd", "S.A. Smith")
    assert not problems.items
    from generator.export_bibtex import _authors as cited

    assert cited(record.authors) == "Hugo Touvron and {Meta, Inc.} and {Widgets, Ltd} and S.A. Smith"


def test_a_name_braced_whole_or_of_marks_alone_keeps_its_marks():
    # Found by the round trip's property test: the export writes an author "#" as
    # {{\#}}, which came back as no author at all, with a warning of a mark left out.
    # A name braced whole is written as the curator means it; a mark stands beside a name.
    text = r"""@misc{p, title={T}, author={{\#} and {Team *Gemini} and * and Smith*, Jo}}"""
    problems = Problems()
    (record,) = parse_text(text, "papers.bib", problems)
    assert record.authors == ("#", "Team *Gemini", "*", "Jo Smith")
    assert [p.message.split(":")[0] for p in problems.items] == [
        "marks beside author names of entry 'p' left out ('*')"
    ]


def test_endnote_keywords_one_a_line_are_tags_each():
    # From 3c-lab/3c-lab.github.io, _bibliography/papers.bib (an EndNote export, cut):
    # one keyword a line, no separator; the whole list was one tag. A MeSH keyword may
    # hold a comma. A wrapped comma-separated list stays a list.
    text = """@article{RN1749,
   title = {High incidence of estrous cycle irregularities in heterogeneous stock (HS) rats is associated with footshock-resistant cocaine intake},
   keywords = {Cocaine
Estrous cycle
Heterogenous Stock rats
Wistar rats},
   year = {2026},
   type = {Journal Article}
}
@article{RN1750,
   title = {Genome-wide association study of cocaine self-administration behavior in Heterogeneous Stock rats},
   keywords = {Animals
Self Administration
Polymorphism, Single Nucleotide
Linkage Disequilibrium},
}
@article{wrapped, title = {W}, keywords = {deep learning, neural
    networks, vision}}
"""
    problems = Problems()
    first, second, wrapped = parse_text(text, "papers.bib", problems)
    assert not problems
    assert first.tags == ("Cocaine", "Estrous cycle", "Heterogenous Stock rats", "Wistar rats")
    assert second.tags == (
        "Animals", "Self Administration", "Polymorphism, Single Nucleotide", "Linkage Disequilibrium"
    )
    assert wrapped.tags == ("deep learning", "neural networks", "vision")


def test_an_address_written_as_a_markdown_link_in_an_abstract_is_found():
    # From 594zyc/594zyc.github.io, _bibliography/papers.bib (abstract cut): the link's
    # text is the address too, and the two were read as one address that none could
    # open, so the dataset's repository was dropped without a word.
    text = r"""@inproceedings{zhang-etal-2023-grounding,
    title = "Grounding Visual Illusions in Language: Do Vision-Language Models Perceive Illusions Like Humans?",
    year = "2023",
    abstract = "Vision-Language Models (VLMs) are trained on vast amounts of data captured by humans emulating our understanding of the world. The code and data are available at [github.com/vl-illusion/dataset](https://github.com/vl-illusion/dataset).",
    code={https://github.com/vl-illusion/GVIL}
}
"""
    problems = Problems()
    (record,) = parse_text(text, "papers.bib", problems)
    assert not problems
    assert [(l.url, l.kind, l.found_in) for l in record.links] == [
        ("https://github.com/vl-illusion/dataset", "code", "abstract"),
        ("https://github.com/vl-illusion/GVIL", "code", "bibtex"),
    ]


def test_an_html_link_in_url_gives_its_address():
    # From 4C-multiphysics/website, _bibliography/papers.bib: the site shows `url` as
    # HTML, so every entry's is a link to its DOI's page. Each was left out whole (with a
    # warning), and the paper got no DOI. Two links in one value say no one address.
    text = r"""@article{Haeusel2026,
  author  = {Lea J. Haeusel and Jonas Nitzler and Lea J. Köglmeier and Wolfgang A. Wall},
  title   = {Multi-physics-enhanced Bayesian inverse analysis: Information gain from additional fields},
  journal = {Computer Methods in Applied Mechanics and Engineering},
  year    = {2026},
  url     = {doi:<a href="https://doi.org/10.1016/j.cma.2026.118735">10.1016/j.cma.2026.118735</a>}
}
@misc{two, title = {T},
  url = {<a href="https://a.org/x">x</a> <a href="https://b.org/y">y</a>}}
"""
    problems = Problems()
    record, two = parse_text(text, "papers.bib", problems)
    assert (record.doi, record.links) == ("10.1016/j.cma.2026.118735", ())
    assert two.links == ()
    assert [str(p) for p in problems.items] == [
        """papers.bib:9:10: warning: url '<a href="https://a.org/x">x</a> <a href="https://b.org/y">y</a>'"""
        " of entry 'two' is no http(s) address a page can link to; left out"
    ]


def test_mdpi_article_number_stands_for_missing_pages():
    # From alshedivat/al-folio's stored _bibliography/papers.bib (a lab's version; MDPI's
    # export, abstract left out): the article number was dropped without a word.
    text = r"""@ARTICLE{Sensor2021,
  abbr={Sensor 2021},
  AUTHOR = {Wu, Ben and Qi, Yang and Qiu, Chenxi and Tang, Ying},
  TITLE = {Wideband Anti-Jamming Based on Free Space Optical Communication and Photonic Signal Processing},
  JOURNAL = {Sensors},
  VOLUME = {21},
  YEAR = {2021},
  NUMBER = {4},
  ARTICLE-NUMBER = {1136},
  html = {https://www.mdpi.com/1424-8220/21/4/1136},
  PubMedID = {33561972},
  ISSN = {1424-8220},
  DOI = {10.3390/s21041136}
}
"""
    problems = Problems()
    (record,) = parse_text(text, "papers.bib", problems)
    assert not problems
    assert (record.venue, record.volume, record.number, record.pages) == ("Sensors", "21", "4", "1136")


def test_an_organization_is_the_author_of_a_page_no_person_signs_else_its_venue():
    # A curator's review: biblatex's organization of an @online or @manual was dropped,
    # and "GPT-4" by OpenAI had neither authors nor venue. APA and Chicago cite such a page
    # under its organization; with a person named, it is where the page was published.
    # An @inproceedings' organization is the conference's sponsor (Google Scholar's IEEE).
    text = (
        "@online{a, title = {GPT-4}, organization = {OpenAI},\n"
        "  url = {https://openai.com/research/gpt-4}, year = {2023}}\n"
        "@online{b, title = {Circuits Updates}, author = {Olah, Chris}, organization = {Anthropic}}\n"
        "@manual{c, title = {Docs}, organization = {PyTorch Foundation and {Research and Development Lab}}}\n"
        "@misc{d, title = {D}, author = {Doe, Jane}, howpublished = {OpenAI Blog}, organization = {OpenAI}}\n"
        "@inproceedings{e, title = {Deep residual learning for image recognition},\n"
        "  booktitle = {Proceedings of the IEEE conference on computer vision and pattern recognition},\n"
        "  year = {2016}, organization = {IEEE}}\n"
    )
    problems = Problems()
    records = parse_text(text, "a.bib", problems)
    assert not problems, problems.format()
    assert [(r.authors, r.venue) for r in records] == [
        (("OpenAI",), ""),
        (("Chris Olah",), "Anthropic"),
        (("PyTorch Foundation", "Research and Development Lab"), ""),
        (("Jane Doe",), "OpenAI Blog"),
        ((), "Proceedings of the IEEE conference on computer vision and pattern recognition"),
    ]


def test_an_organization_with_and_in_its_name_is_one_organization():
    # A review: "institution = {Computer Science and Artificial Intelligence Laboratory}"
    # of a @misc without authors gave two authors, "Computer Science" and "Artificial
    # Intelligence Laboratory"; with an author, the venue was the two joined by a comma.
    # BibTeX reads an organization or institution as written; "and" separates two only
    # as biblatex lists them, one braced ("OpenAI and {Research and Development Lab}").
    text = (
        "@misc{a, title = {A}, institution = {Computer Science and Artificial Intelligence Laboratory}}\n"
        "@online{b, title = {B}, author = {Doe, Jane},\n"
        "  organization = {Department of Electrical Engineering and Computer Sciences}}\n"
        "@manual{c, title = {C}, organization = {OpenAI and {Research and Development Lab}}}\n"
    )
    problems = Problems()
    records = parse_text(text, "a.bib", problems)
    assert not problems, problems.format()
    assert [(r.authors, r.venue) for r in records] == [
        (("Computer Science and Artificial Intelligence Laboratory",), ""),
        (("Jane Doe",), "Department of Electrical Engineering and Computer Sciences"),
        (("OpenAI", "Research and Development Lab"), ""),
    ]


def test_an_organization_list_and_an_author_list_are_split_where_bibtex_splits_them():
    # (imp26: an organization list was split by bibtexparser's rule, a backslash taking
    # the character after it: '\\{R and D\\} Lab and {OpenAI}' gave three organizations,
    # '{R', 'D} Lab' and 'OpenAI', and '{OpenAI} and \\textbf{Lab}' gave 'extbfLab'; an
    # author list was too when another value of its entry has a '\\{' BibTeX does not
    # pair. BibTeX counts every brace and splits only at "and" outside them.)
    text = (
        "@misc{a, title = {A}, organization = {\\{R and D\\} Lab and {OpenAI}}}\n"
        "@manual{b, title = {B}, institution = {{OpenAI} and \\textbf{Lab}}}\n"
        "@article{c, title = {C}, author = {\\{R and D\\} Lab and OpenAI}, note = {x \\{ y}}\n"
    )
    problems = Problems()
    records = parse_text(text, "a.bib", problems)
    assert [r.authors for r in records] == [("{R and D} Lab", "OpenAI"), ("OpenAI", "Lab"), ("{R and D} Lab", "OpenAI")]
    # (Only the note's unpaired '\\{' is said.)
    assert len(problems.items) == 1 and "the value of 'note' in entry 'c' holds" in str(problems.items[0])


def test_google_scholars_url_as_the_journal_is_the_papers_page_not_its_venue():
    # A curator's review: Scholar's Llama 2 entry (copied into countless bibliographies)
    # gave the venue "URL https://arxiv. org/abs/2307.09288" and no arXiv id.
    text = (
        "@misc{touvron2023llama,\n  title={Llama 2: Open foundation and fine-tuned chat models},\n"
        "  author={Touvron, Hugo and others},\n  journal={URL https://arxiv. org/abs/2307.09288},\n"
        "  year={2023}\n}\n"
        "@article{x, title={On OpenReview}, journal={URL https://openreview. net/forum? id= nZeVKeeFYf9}}\n"
        # (any other venue is read as written)
        "@inproceedings{y, title={Y}, booktitle={Workshop at https://x.org/ws}}\n"
    )
    problems = Problems()
    records = parse_text(text, "a.bib", problems)
    assert not problems, problems.format()
    assert [(r.venue, r.arxiv, [link.url for link in r.links]) for r in records] == [
        ("", "2307.09288", []),  # (the arXiv page is the arXiv badge's)
        ("", "", ["https://openreview.net/forum?id=nZeVKeeFYf9"]),
        ("Workshop at https://x.org/ws", "", []),
    ]


def test_zoteros_arxiv_subject_classes_are_no_tags():
    # A curator's review: every paper saved from arXiv showed "Computer Science - Machine
    # Learning" and its like as tags. Said once, at the first entry that had them.
    text = (
        "@misc{a, title = {A},\n  keywords = {Computer Science - Artificial Intelligence,"
        " Computer Science - Machine Learning, Statistics - Machine Learning, low-rank}}\n"
        "@misc{b, title = {B}, keywords = {Computer Science - Computation and Language}}\n"
        "@misc{c, title = {C}, keywords = {Computer science, Mathematics and computing}}\n"
    )
    problems = Problems()
    records = parse_text(text, "z.bib", problems)
    assert [r.tags for r in records] == [("low-rank",), (), ("Computer science", "Mathematics and computing")]
    assert [str(p) for p in problems.items] == [
        "z.bib:1:1: warning: keywords such as 'Computer Science - Artificial Intelligence' are arXiv's"
        " subject classes, which Zotero adds to each paper it saves from arXiv (2 entries in this file);"
        " left out of the tags"
    ]


def test_the_arxiv_subjects_of_an_arxiv_doi_at_datacite_are_no_tags():
    # doi.org's BibTeX for an arXiv DOI (DataCite's; `add 10.48550/arXiv.…` gets it too)
    # gave every paper the tags "Computation and Language (cs.CL)" and "FOS: Computer and
    # information sciences" (twice in the answer). A curator's tag with a word in
    # parentheses stays.
    text = (
        "@misc{https://doi.org/10.48550/arxiv.2106.09685,\n  doi = {10.48550/ARXIV.2106.09685},\n"
        "  url = {https://arxiv.org/abs/2106.09685},\n  author = {Hu, Edward J. and Shen, Yelong},\n"
        "  keywords = {Computation and Language (cs.CL), Artificial Intelligence (cs.AI), Machine"
        " Learning (cs.LG), FOS: Computer and information sciences, FOS: Computer and information"
        " sciences},\n  title = {LoRA: Low-Rank Adaptation of Large Language Models},\n"
        "  publisher = {arXiv},\n  year = {2021},\n}\n"
        "@misc{q, title = {Q}, keywords = {Quantum Physics (quant-ph), FOS: Physical sciences}}\n"
        "@misc{c, title = {C}, keywords = {Graph neural networks (GNN), to-read}}\n"
    )
    problems = Problems()
    records = parse_text(text, "d.bib", problems)
    assert [r.tags for r in records] == [(), (), ("Graph neural networks (GNN)", "to-read")]
    assert [str(p) for p in problems.items] == [
        "d.bib:1:1: warning: keywords such as 'Computation and Language (cs.CL)' are arXiv's"
        " subject classes, which arXiv's DOIs give each paper at DataCite (2 entries in this file);"
        " left out of the tags"
    ]


def test_a_curators_tag_naming_a_field_with_its_archives_name_is_kept():
    # DataCite's subject classes name a class of an archive that has them ("(cs.LG)",
    # "(stat.ML)"); a field with the archive's name alone, "Mathematics (math)", is a
    # curator's way to write a tag, not arXiv's.
    text = "@misc{c, title = {C}, keywords = {Computer science (cs), Mathematics (math), Statistics (stat)}}\n"
    problems = Problems()
    records = parse_text(text, "d.bib", problems)
    assert records[0].tags == ("Computer science (cs)", "Mathematics (math)", "Statistics (stat)")
    assert problems.items == []


def test_a_published_venue_beside_a_preprints_journal_is_the_venue():
    # A curator's review: Semantic Scholar's export gives the preprint's journal "ArXiv"
    # (its volume "abs/...") beside the published booktitle; LoRA's venue was "ArXiv".
    text = (
        "@Article{Hu2021LoRALA,\n author = {J. E. Hu and Yelong Shen},\n"
        " booktitle = {International Conference on Learning Representations},\n"
        " journal = {ArXiv},\n title = {LoRA: Low-Rank Adaptation of Large Language Models},\n"
        " volume = {abs/2106.09685},\n year = {2021}\n}\n"
        "@Article{p, title = {P}, journal = {ArXiv}, volume = {abs/2101.00001}, year = {2021}}\n"
    )
    problems = Problems()
    records = parse_text(text, "s2.bib", problems)
    assert not problems, problems.format()
    assert [(r.venue, r.venue_kind, r.volume, r.arxiv) for r in records] == [
        ("International Conference on Learning Representations", "conference", "", "2106.09685"),
        ("", "", "", "2101.00001"),  # arXiv's name, its id known: no venue, as arXiv's export
    ]


def test_a_conference_named_by_its_acronym_in_journal_is_no_journal():
    # A curator's review: Google Scholar's LoRA entry, @article{journal = {ICLR}}, was
    # kept as a journal and cited back as @article. A journal's acronym stays a journal.
    text = (
        "@article{hu2021lora, title={Lora}, journal={ICLR}, year={2022}}\n"
        "@article{b, title={B}, journal={NeurIPS 2023}, year={2023}}\n"
        "@article{c, title={C}, journal={JMLR}, year={2020}}\n"
        "@article{d, title={D}, journal={Transactions of the ACL}, year={2020}}\n"
        "@article{e, title={E}, journal={SIGGRAPH Asia 2022}, year={2022}}\n"
        "@article{f, title={F}, journal={3DV}, year={2021}}\n"
        "@article{g, title={G}, journal={ACM Transactions on Graphics}, year={2022}}\n"
    )
    problems = Problems()
    records = parse_text(text, "s.bib", problems)
    assert [(r.venue, r.venue_kind) for r in records] == [
        ("ICLR", ""), ("NeurIPS 2023", ""), ("JMLR", "journal"), ("Transactions of the ACL", "journal"),
        ("SIGGRAPH Asia 2022", ""), ("3DV", ""), ("ACM Transactions on Graphics", "journal"),
    ]


def test_an_institution_is_the_author_of_a_misc_or_online_no_person_signs():
    # As an organization is (above): "institution = {Allen Institute for AI}" on an
    # @online without an author was read as its venue, and the post had no author. With a
    # person named it stays where the work came from; a report's is its institution.
    text = (
        "@online{a, title = {Some Post}, institution = {Allen Institute for AI}, year = {2021}}\n"
        "@misc{b, title = {Some Report}, author = {Doe, Jane}, institution = {RAND Corporation}}\n"
        "@techreport{c, title = {TR}, institution = {Stanford University}}\n"
    )
    problems = Problems()
    records = parse_text(text, "a.bib", problems)
    assert not problems, problems.format()
    assert [(r.authors, r.venue) for r in records] == [
        (("Allen Institute for AI",), ""),
        (("Jane Doe",), "RAND Corporation"),
        ((), "Technical report, Stanford University"),
    ]


def test_scholars_placeholder_volume_number_and_pages_are_left_out_with_a_warning():
    # Google Scholar's LoRA entry, as copied into many bibliographies: ICLR has no
    # volume 1, number 2 nor page 3; the paper's page showed "ICLR 1(2):3".
    text = (
        "@article{hu2021lora,\n"
        "  title={Lora: Low-rank adaptation of large language models},\n"
        "  author={Hu, Edward J and Shen, Yelong and others},\n"
        "  journal={ICLR},\n"
        "  volume={1},\n"
        "  number={2},\n"
        "  pages={3},\n"
        "  year={2022}\n"
        "}\n"
        "@article{real, title={Real}, journal={J}, volume={1}, number={2}, pages={3--9}, year={2020}}\n"
    )
    problems = Problems()
    lora, real = parse_text(text, "scholar.bib", problems)
    assert (lora.venue, lora.volume, lora.number, lora.pages) == ("ICLR", "", "", "")
    assert (real.volume, real.number, real.pages) == ("1", "2", "3–9")
    assert [str(p) for p in problems.warnings] == [
        "scholar.bib:5:3: warning: volume 1, number 2, pages 3 of entry 'hu2021lora' are"
        " placeholders (Google Scholar's, as in its LoRA entry), not where the paper is; left out"
    ]


def test_a_blogs_volume_number_and_pages_are_left_out_with_a_warning():
    # Google Scholar's GPT-2 entry: a blog post has no volume, issue nor page (the
    # paper's page showed "OpenAI blog 1(8):9"). Not the numbers' pattern: a journal's
    # volume 1, number 8, pages 9 are real; only the venue says they cannot be.
    text = (
        "@article{radford2019language,\n"
        "  title={Language models are unsupervised multitask learners},\n"
        "  author={Radford, Alec and Wu, Jeffrey and Child, Rewon and others},\n"
        "  journal={OpenAI blog},\n"
        "  volume={1},\n"
        "  number={8},\n"
        "  pages={9},\n"
        "  year={2019}\n"
        "}\n"
        "@misc{post, title={Post}, howpublished={Google AI Blog}, pages={12--14}, year={2020}}\n"
        "@article{real, title={Real}, journal={J}, volume={1}, number={8}, pages={9}, year={2020}}\n"
        "@article{weblogs, title={W}, journal={Journal of Blog Studies}, volume={3}, year={2020}}\n"
    )
    problems = Problems()
    gpt2, post, real, weblogs = parse_text(text, "scholar.bib", problems)
    assert (gpt2.venue, gpt2.volume, gpt2.number, gpt2.pages) == ("OpenAI blog", "", "", "")
    assert (post.venue, post.pages) == ("Google AI Blog", "")
    assert (real.volume, real.number, real.pages) == ("1", "8", "9")
    assert weblogs.volume == "3"
    why = ": a blog has no volumes, issues or pages (Google Scholar's GPT-2 entry gives them); left out"
    assert [str(p) for p in problems.warnings] == [
        "scholar.bib:5:3: warning: volume 1, number 8, pages 9 of entry 'radford2019language'"
        " are no place in 'OpenAI blog'" + why,
        "scholar.bib:10:58: warning: pages 12–14 of entry 'post' are no place in 'Google AI Blog'" + why,
    ]


def test_ieee_xplores_index_terms_are_no_tags():
    # IEEE Xplore's export of ResNet gives its thesaurus' terms as keywords; they showed
    # as the tags "Degradation", "Visualization"... on its page and in its search text.
    # An author's or a curator's keywords (commas, or "; " with a space: this tool's own
    # export writes ", ") stay tags, as do another publisher's.
    text = (
        "@INPROCEEDINGS{7780459,\n"
        "  author={He, Kaiming and Zhang, Xiangyu and Ren, Shaoqing and Sun, Jian},\n"
        "  booktitle={2016 IEEE Conference on Computer Vision and Pattern Recognition (CVPR)},\n"
        "  title={Deep Residual Learning for Image Recognition},\n"
        "  year={2016},\n"
        "  pages={770-778},\n"
        "  keywords={Training;Degradation;Complexity theory;Image recognition;Neural networks;Visualization;Image segmentation},\n"
        "  doi={10.1109/CVPR.2016.90},\n"
        "  ISSN={1063-6919},\n"
        "  month={June},}\n"
        "@article{b, title={B}, keywords={residual learning, vision}, doi={10.1109/TPAMI.2020.1}}\n"
        "@article{c, title={C}, keywords={Training;Vision}, doi={10.1145/3.1}}\n"
    )
    problems = Problems()
    records = parse_text(text, "ieee.bib", problems)
    assert [r.tags for r in records] == [(), ("residual learning", "vision"), ("Training", "Vision")]
    assert [str(p) for p in problems.items] == [
        "ieee.bib:1:1: warning: keywords such as 'Training' are IEEE Xplore's index terms, its"
        " thesaurus' words for the paper rather than a curator's or its authors' (1 entry in this"
        " file); left out of the tags"
    ]


def test_ieee_xplores_index_terms_as_zotero_saves_them_are_no_tags():
    # Zotero saves IEEE Xplore's terms as the paper's tags, and Better BibLaTeX joins a
    # paper's tags with commas alone: they became tags. A curator's own Zotero tags,
    # joined so, on a paper of another publisher, stay tags.
    text = (
        "@inproceedings{heDeepResidualLearning2016,\n"
        "  title = {Deep {{Residual Learning}} for {{Image Recognition}}},\n"
        "  booktitle = {2016 {{IEEE Conference}} on {{Computer Vision}} and {{Pattern Recognition}} ({{CVPR}})},\n"
        "  author = {He, Kaiming and Zhang, Xiangyu and Ren, Shaoqing and Sun, Jian},\n"
        "  date = {2016-06},\n"
        "  pages = {770--778},\n"
        "  doi = {10.1109/CVPR.2016.90},\n"
        "  keywords = {Complexity theory,Degradation,Image recognition,Image segmentation,Neural networks,Training,Visualization}\n"
        "}\n"
        "@inproceedings{vaswaniAttentionAllYou2017,\n"
        "  title = {Attention Is {{All}} You {{Need}}},\n"
        "  date = {2017},\n"
        "  keywords = {must-read,transformers}\n"
        "}\n"
    )
    problems = Problems()
    records = parse_text(text, "zotero.bib", problems)
    assert [r.tags for r in records] == [(), ("must-read", "transformers")]
    assert [str(p) for p in problems.items] == [
        "zotero.bib:1:1: warning: keywords such as 'Complexity theory' are IEEE Xplore's index terms,"
        " its thesaurus' words for the paper rather than a curator's or its authors' (1 entry in this"
        " file); left out of the tags"
    ]


def test_a_curators_zotero_tags_in_lower_case_beside_ieee_xplores_terms_stay_tags():
    # Zotero keeps a curator's own tags ("to-read") beside the IEEE terms it saved, and
    # Better BibLaTeX joins them all: every tag of an IEEE paper was left out. IEEE's
    # thesaurus writes each term with a capital, so one in lower case is the curator's.
    text = (
        "@inproceedings{schonbergerStructurefromMotionRevisited2016,\n"
        "  title = {Structure-from-{{Motion Revisited}}},\n"
        "  doi = {10.1109/CVPR.2016.445},\n"
        "  keywords = {Cameras,Image reconstruction,to-read,Three-dimensional displays,reading-group}\n"
        "}\n"
        "@inproceedings{b, title = {B}, doi = {10.1109/CVPR.2016.1}, keywords = {sfm,to-read}}\n"
    )
    problems = Problems()
    records = parse_text(text, "zotero.bib", problems)
    assert [r.tags for r in records] == [("to-read", "reading-group"), ("sfm", "to-read")]
    assert [str(p) for p in problems.items] == [
        "zotero.bib:1:1: warning: keywords such as 'Cameras' are IEEE Xplore's index terms,"
        " its thesaurus' words for the paper rather than a curator's or its authors' (1 entry in this"
        " file); left out of the tags (those in lower case, such as 'to-read', are a curator's"
        " Zotero tags, kept: the thesaurus writes each term with a capital)"
    ]


def test_an_ieee_index_term_that_starts_with_a_small_letter_is_no_curators_tag():
    # IEEE's thesaurus writes a name as its owner does, "iOS", "eBay": a capital inside
    # it. They were kept as the curator's tags, beside the curator's own "to-read".
    text = (
        "@inproceedings{a, title = {A}, doi = {10.1109/ICSE.2015.1},\n"
        "  keywords = {Mobile communication,iOS,to-read,eBay,Smart phones,mmWave communication}}\n"
    )
    problems = Problems()
    (record,) = parse_text(text, "zotero.bib", problems)
    assert record.tags == ("to-read",)
    assert [p.location.line for p in problems.items] == [1]  # (the file's one warning, above)
    # The terms are what an earlier import took as tags, all of them.
    assert record.read_before[-1].values == ((
        "Mobile communication", "iOS", "to-read", "eBay", "Smart phones", "mmWave communication",
    ),)


def test_google_scholars_full_stop_after_a_title_is_no_part_of_it():
    # Scholar's LoRA entry ends its title with a full stop, which the paper's page showed.
    # An abbreviation's stays, as does an ellipsis.
    text = (
        "@article{hu2021lora, title={Lora: Low-rank adaptation of large language models.}}\n"
        "@article{b, title={Deep Learning et al.}}\n"
        "@article{c, title={Nets, Trees, etc.}}\n"
        "@article{d, title={Wait for it...}}\n"
    )
    problems = Problems()
    records = parse_text(text, "scholar.bib", problems)
    assert [r.title for r in records] == [
        "Lora: Low-rank adaptation of large language models", "Deep Learning et al.", "Nets, Trees, etc.",
        "Wait for it...",
    ]


def test_a_full_stop_ending_a_longer_abbreviation_stays():
    # A review: only a full stop after three letters or fewer ("et al.", "etc.") was kept,
    # so "with approx." lost its own. An abbreviation of four letters or more keeps it;
    # Scholar's full stop after any other word, a name's included, still goes.
    text = (
        "@article{a, title={Sampling with approx.}}\n"
        "@article{b, title={Notes of the Assoc.}}\n"
        "@article{c, title={Selected Papers, Proc.}}\n"
        "@article{d, title={Learning with {PyTorch}.}}\n"
        "@article{e, title={Deep residual learning for image recognition.}}\n"
    )
    problems = Problems()
    records = parse_text(text, "scholar.bib", problems)
    assert [r.title for r in records] == [
        "Sampling with approx.", "Notes of the Assoc.", "Selected Papers, Proc.",
        "Learning with PyTorch", "Deep residual learning for image recognition",
    ]


def test_a_curators_annote_is_the_papers_notes_and_zoteros_own_is_not():
    # (curator: Zotero's and Mendeley's export of a curator's notes, annote, was dropped
    # without a word)
    problems = Problems()
    record = _one(
        "  year = {2020},\n  annote = {<p>Uses \\emph{low-rank} updates \\& is fast.</p>\n\n"
        "  See the appendix.},\n", problems,
    )
    assert (record.notes, str(record.notes_at)) == (
        "Uses *low-rank* updates & is fast.\n\nSee the appendix.", "y.bib:4:3",
    )
    # arXiv's comment, as Zotero saves it, and the bibliography's note are no notes.
    record = _one("  annote = {Comment: 10 pages, 5 figures},\n  note = {To appear},\n", problems)
    assert (record.notes, record.notes_at) == ("", None)
    # ... but said: a curator may write "Comment:" too (see test_ris).
    assert [str(p) for p in problems.items] == [
        "y.bib:3:3: warning: annote 'Comment: 10 pages, 5 figures' is read as a note the"
        " exporter writes itself (arXiv's comment, a field of Zotero's Extra, Scopus'"
        " record note) and left out; if a curator wrote it, copy it into the paper's"
        " notes: by hand",
    ]
    # So too in bold, HTML's or TeX's (reviewer: told by its marks, "**Comment**: 10
    # pages" was kept as a curator's note).
    for bold in ("<b>Comment</b>: 10 pages", "\\textbf{Comment}: 10 pages"):
        problems = Problems()
        record = _one(f"  annote = {{{bold}}},\n", problems)
        assert (record.notes, record.notes_at) == ("", None), bold
        assert [p.message.split(" is read as")[0] for p in problems.items] == ["annote 'Comment: 10 pages'"], bold


def test_an_annotes_bold_and_links_are_markdown_and_the_earlier_reading_is_known():
    # (curator: Zotero's bold and links in a note came in as plain text)
    record = _one(
        '  annote = {<p>Uses <b>low-rank</b> updates, see <a href="https://example.org/n">my notes</a>.</p>},\n',
        Problems(),
    )
    assert record.notes == "Uses **low-rank** updates, see [my notes](https://example.org/n)."
    # As imports before read it, which a re-import knows (test_ris).
    assert [(rb.names, rb.values) for rb in record.read_before] == [
        (("notes",), ("Uses low-rank updates, see my notes (https://example.org/n).",)),
    ]
    assert _one("  annote = {<p>Plain words.</p>},\n", Problems()).read_before == ()
    # An element's name written as text in the note is text, not an element: "<b>" was
    # lost, and here would make the rest bold.
    assert _one(
        "  annote = {<p>use &lt;b&gt; tags, not <b>bold</b>; A \\&amp; B \\&lt;unk\\&gt;, Q\\&A \\&\\#233;t\\&eacute;</p>},\n",
        Problems(),
    ).notes == "use <b> tags, not **bold**; A & B <unk>, Q&A été"


def test_an_annotes_tex_emphasis_is_markdown_and_its_words_stay_text():
    # (curator: \emph{x}, \textit, \textbf and {\em x} in a Mendeley or JabRef note, which
    # is TeX, came in as plain text, where Zotero's <i> and <b> are Markdown's * and **)
    record = _one(
        "  annote = {Really \\emph{good}, see \\textit{Section 3}, \\textbf{not x_1*y [1]} and"
        " {\\em old style}, \\textbf{a \\emph{b} c}.},\n",
        Problems(),
    )
    # The words inside stay text: a star, underscore or bracket there is no markup.
    assert record.notes == (
        "Really *good*, see *Section 3*, **not x\\_1\\*y \\[1\\]** and *old style*, **a *b* c**."
    )
    # As imports before read it, which a re-import knows (test_ris).
    assert [(rb.names, rb.values) for rb in record.read_before] == [
        (("notes",), ("Really good, see Section 3, not x_1*y [1] and old style, a b c.",)),
    ]
    # An address inside stays one, a link as written; a note holding the private marks
    # the emphasis is held by keeps them, its emphasis as plain words.
    assert _one("  annote = {\\emph{see https://x.org/a_b}},\n", Problems()).notes == "*see https://x.org/a_b*"
    assert _one("  annote = {a \ue030 \\emph{b}},\n", Problems()).notes == "a \ue030 b"


def test_an_annotes_emphasis_inside_emphasis_is_upright_and_its_stars_pair():
    # (reviewer: "\emph{\emph{b}}" became "**b**", bold, which TeX shows upright, and
    # "{\em {\em --} word}" "**--* word*", its stars showing)
    assert _one("  annote = {\\emph{\\emph{b}} and {\\em {\\em --} word}},\n", Problems()).notes == (
        "b and -- *word*"
    )
    assert _one("  annote = {\\emph{See \\emph{this} and \\textbf{that}}},\n", Problems()).notes == (
        "*See* this *and **that***"
    )
    # The private characters the rules mark shapes with, in a note as written, stay.
    assert _one("  annote = {a \ue040 \\emph{b}\ue044},\n", Problems()).notes == "a \ue040 *b*\ue044"


def test_an_annotes_tex_emphasis_over_a_blank_line_is_emphasis_in_each_paragraph():
    # (user: '\emph{...}' whose braces held a blank line left a raw "\emph{" in the notes:
    # each paragraph was read alone, the one with the opening brace never closed)
    record = _one(
        "  annote = {See \\emph{the first a_b part\n\n  and the *second*} too.\n\n"
        "\\textbf{One \\textit{two\n\nthree} four}\n\n{\\em old\n\nstyle}},\n",
        Problems(),
    )
    # The words inside stay text: a star or underscore there is no markup.
    assert record.notes == (
        "See *the first a\\_b part*\n\n*and the \\*second\\** too.\n\n"
        "**One *two***\n\n***three* four**\n\n*old*\n\n*style*"
    )
    assert "\\" not in record.notes.replace("\\_", "").replace("\\*", "")
    from generator.escape import markdown_html

    assert markdown_html(record.notes).split("\n") == [
        "<p>See <em>the first a_b part</em></p>", "<p><em>and the *second*</em> too.</p>",
        "<p><strong>One <em>two</em></strong></p>", "<p><strong><em>three</em> four</strong></p>",
        "<p><em>old</em></p>", "<p><em>style</em></p>",
    ]


def test_an_annotes_emphasised_words_that_markdown_would_pair_stay_text():
    # (user: '\emph{a*b*c}' showed "a" "b" in italics "c" on the site, its stars lost: the
    # note fell back to its words unescaped when escaping made them show otherwise)
    from generator.escape import markdown_html

    record = _one("  annote = {see \\emph{a*b*c} and \\textbf{x_1_y}},\n", Problems())
    assert record.notes == "see *a\\*b\\*c* and **x\\_1\\_y**"
    assert markdown_html(record.notes) == "<p>see <em>a*b*c</em> and <strong>x_1_y</strong></p>"


# --- Wrapped fields ----------------------------------------------------------------------


def test_a_wrapped_abstract_and_title_join_at_a_hyphen_as_the_ris_import_does():
    # (curator: "English-to-\n  French" read "English-to- French", and a word the exporter
    # hyphenated "repre- sentation")
    problems = Problems()
    (record,) = parse_text(
        "@article{k,\n  title = {English-to-\n    French Translation with a New Repre-\n    sentation},\n"
        "  abstract = {We translate English-to-\n  French with self-\n  attention and a repre-\n"
        "  sentation learnt by fine-\n  tuning; first-\n  and second-order terms.\n\n  A new para-\n"
        "  graph.},\n}\n",
        "wrap.bib", problems,
    )
    assert record.title == "English-to-French Translation with a New Representation"
    assert record.abstract == (
        "We translate English-to-French with self-attention and a representation learnt by"
        " fine-tuning; first- and second-order terms.\n\nA new paragraph."
    )
    assert not problems
    # An earlier import's reading, with a space at each line's end, is the importer's
    # own: taken out of a paper's file where it still holds it.
    assert [before.values for before in record.read_before] == [(
        "We translate English-to- French with self- attention and a repre- sentation learnt by"
        " fine- tuning; first- and second-order terms.\n\nA new para- graph.",
    )]


def test_a_hyphen_at_a_wrap_in_math_or_a_curators_note_stays():
    problems = Problems()
    record = _one("  abstract = {Where $f = repre-\n  sentation(x)$ holds.},\n  annote = {My own repre-\n  sentation.},\n", problems)
    # (math as typed: its hyphen stays)
    assert record.abstract == "Where $f = repre-sentation(x)$ holds."
    # (a curator's note, read as TeX reads it: a line break a space)
    assert record.notes == "My own repre- sentation."
    assert not problems


# Mendeley's BibTeX of a NeurIPS paper: its `volume` is the conference's month, cut short.
MENDELEY = """\
@inproceedings{Vaswani2017,
archivePrefix = {arXiv},
arxivId = {1706.03762},
author = {Vaswani, Ashish and Shazeer, Noam},
booktitle = {Advances in Neural Information Processing Systems},
eprint = {1706.03762},
issn = {10495258},
pages = {5999--6009},
title = {{Attention is all you need}},
volume = {2017-Decem},
year = {2017}
}
@inproceedings{He2016,
author = {He, Kaiming},
booktitle = {Proceedings of the IEEE Computer Society Conference on Computer Vision and Pattern Recognition},
pages = {770--778},
title = {{Deep residual learning for image recognition}},
  volume = {2016-December},
year = {2016}
}
@article{Jumper2021,
author = {Jumper, John},
journal = {Nature},
title = {{Highly accurate protein structure prediction with AlphaFold}},
volume = {596},
year = {2021}
}
"""


def test_a_mendeley_volume_that_is_a_date_is_left_out_as_in_ris():
    problems = Problems()
    records = parse_text(MENDELEY, "mendeley.bib", problems)
    assert [(r.volume, r.pages) for r in records] == [("", "5999–6009"), ("", "770–778"), ("596", "")]
    assert [[before.values for before in r.read_before] for r in records] == [
        [("2017-Decem",)], [("2016-December",)], []
    ]
    # Once a file, at the first such field's line and column.
    assert problems.format() == (
        "mendeley.bib:10:1: warning: volume '2017-Decem' is a date (the month of a conference, as"
        " Mendeley and Scopus write it), not a volume (2 entries in this file); left out"
    )
    problems = Problems()
    (record,) = parse_text(MENDELEY.split("@inproceedings{He2016")[0], "one.bib", problems)
    assert record.volume == "" and problems.format() == (
        "one.bib:10:1: warning: volume '2017-Decem' is a date (the month of a conference, as"
        " Mendeley and Scopus write it), not a volume; left out"
    )


def test_an_annotes_preformatted_block_keeps_its_lines_and_their_indents():
    # (curator: a <pre> block of a Zotero note ran its lines together, its indents lost)
    problems = Problems()
    record = _one(
        "  annote = {<p>Run it -- now:</p><pre>pip install my\\_pkg\n  --upgrade   \\# 100\\% sure\n\n"
        "make all</pre><p>Then  read it.</p>},\n",
        problems,
    )
    assert record.notes == (
        "Run it – now:\n\n```\npip install my_pkg\n  --upgrade   # 100% sure\n\nmake all\n```\n\nThen read it."
    )
    assert not problems


ARXIV_VENUES = {
    # entry's fields: (venue, arXiv id)
    "journal={arXiv preprint arXiv:2106.09685}": ("", "2106.09685"),  # Google Scholar
    "journal={arXiv preprint hep-th/9711200}": ("", "hep-th/9711200"),  # its old-style id
    "booktitle={arXiv preprint arXiv:2106.09685}": ("", "2106.09685"),
    "howpublished={arXiv preprint arXiv:2106.09685}": ("", "2106.09685"),
    "journal={arXiv e-prints}, eprint={2106.09685}, archivePrefix={arXiv}": ("", "2106.09685"),  # NASA ADS
    "journal={CoRR}, volume={abs/2106.09685}": ("", "2106.09685"),  # DBLP
    "journal={ArXiv}, volume={abs/2106.09685}": ("", "2106.09685"),  # Semantic Scholar
    "journal={arXiv}, eprint={2106.09685}": ("", "2106.09685"),
    # Zotero's (a paper saved from arXiv: its id and classes, cross-listed too)
    "journaltitle={arXiv:2106.09685 [cs]}, eprint={2106.09685}": ("", "2106.09685"),
    "journal={arXiv:2106.09685 [cs, stat]}": ("", "2106.09685"),
    "journal={arXiv:2106.09685v2 [cs.CL]}": ("", "2106.09685"),
    # Without the id, the words alone say where the paper is: kept.
    "journal={arXiv preprint}": ("arXiv preprint", ""),
    "journal={arXiv e-prints}": ("arXiv e-prints", ""),
    "journal={CoRR}": ("CoRR", ""),
    # Another id than the paper's: not the paper's own, kept as written.
    "journal={arXiv preprint arXiv:2101.00001}, eprint={2106.09685}": ("arXiv preprint arXiv:2101.00001", "2106.09685"),
    # Another preprint server, or a published venue that names arXiv among other words.
    "journal={bioRxiv}, eprint={2106.09685}": ("bioRxiv", "2106.09685"),
    "journal={Workshop on arXiv Mining}, eprint={2106.09685}": ("Workshop on arXiv Mining", "2106.09685"),
}


@pytest.mark.parametrize("fields", ARXIV_VENUES)
def test_a_venue_naming_only_arxiv_gives_its_id_and_no_venue(fields):
    # Google Scholar's `journal={arXiv preprint arXiv:2106.09685}` was the paper's venue:
    # the id is its arXiv field, and the paper is one of no venue, as arXiv's own export
    # gives it (and DBLP's CoRR, ADS's "arXiv e-prints" likewise).
    problems = Problems()
    [record] = parse_text(f"@article{{a, title={{LoRA}}, year={{2021}}, {fields}}}\n", "x.bib", problems, "bibtex")
    assert not problems, problems.format()
    assert (record.venue, record.arxiv) == ARXIV_VENUES[fields]


@pytest.mark.parametrize(("fields", "expected"), [
    # (Curator: al-folio's `code` button names the paper's own code; it was imported as
    # code no one said was the paper's, where "Code: https://..." in a note was official.)
    ("code = {https://github.com/lab/a}", [("https://github.com/lab/a", "code", True)]),
    ("github = {https://github.com/lab/a}", [("https://github.com/lab/a", "code", True)]),
    ("repository = {https://gitlab.com/lab/a}", [("https://gitlab.com/lab/a", "code", True)]),
    ("repo = {https://github.com/lab/a}", [("https://github.com/lab/a", "code", True)]),
    # the same address in `url` as well: still the paper's own, once
    ("url = {https://github.com/lab/a}, code = {https://github.com/lab/a}", [("https://github.com/lab/a", "code", True)]),
    # two code fields: the first is marked, as `check` warns of a second official one
    ("code = {https://github.com/lab/a}, github = {https://github.com/lab/b}",
     [("https://github.com/lab/a", "code", True), ("https://github.com/lab/b", "code", False)]),
    # a lab's own site in `code`: code, as the field says
    ("code = {https://lab.example.org/a-code/}", [("https://lab.example.org/a-code/", "code", True)]),
    # a self-hosted GitLab's repository in `code`: code (its host was taken for a
    # look-alike of gitlab.com, and the link for a project page)
    ("code = {https://gitlab.inria.fr/team/a}", [("https://gitlab.inria.fr/team/a", "code", True)]),
    # and a repository on another forge in `url`: code, as GitHub's is
    ("url = {https://git.sr.ht/~lab/a}", [("https://git.sr.ht/~lab/a", "code", False)]),
    # what the host says is no code (a dataset) stays what it is, owned by no one
    ("code = {https://huggingface.co/datasets/lab/a}", [("https://huggingface.co/datasets/lab/a", "data", False)]),
    # a repository elsewhere than a code field is no one's said own code
    ("url = {https://github.com/lab/a}", [("https://github.com/lab/a", "code", False)]),
    ("website = {https://github.com/lab/a}", [("https://github.com/lab/a", "code", False)]),
    ("html = {https://lab.example.org/a.html}", [("https://lab.example.org/a.html", "project", False)]),
    # al-folio's fields of other kinds; `project` as labs write the project page's
    ("project = {https://lab.example.org/a/}", [("https://lab.example.org/a/", "project", False)]),
    ("website = {https://lab.example.org/a/}", [("https://lab.example.org/a/", "project", False)]),
    # `homepage`, as some labs name the project page's field: a project link as `website`'s
    ("homepage = {https://lab.example.org/a/}", [("https://lab.example.org/a/", "project", False)]),
    ("homepage = {https://lab.example.org/a.pdf}", [("https://lab.example.org/a.pdf", "project", False)]),
    ("homepage = {https://github.com/lab/a}", [("https://github.com/lab/a", "code", False)]),
    # beside a `url` of the paper's own page: both, each its kind
    ("url = {https://proceedings.mlr.press/v1/a.html}, homepage = {https://lab.example.org/a/}",
     [("https://proceedings.mlr.press/v1/a.html", "paper", False), ("https://lab.example.org/a/", "project", False)]),
    ("pdf = {https://lab.example.org/a.pdf}", [("https://lab.example.org/a.pdf", "pdf", False)]),
    ("slides = {https://lab.example.org/a.pdf}", [("https://lab.example.org/a.pdf", "slides", False)]),
    ("poster = {https://lab.example.org/a.pdf}", [("https://lab.example.org/a.pdf", "slides", False)]),
    ("video = {https://www.youtube.com/watch?v=a}", [("https://www.youtube.com/watch?v=a", "video", False)]),
])
def test_al_folio_code_fields_name_the_papers_own_code(fields, expected):
    problems = Problems()
    (record,) = parse_text(f"@inproceedings{{a, title = {{T}}, year = {{2024}}, {fields}}}\n", "a.bib", problems)
    assert not problems.items
    assert [(link.url, link.kind, link.official) for link in record.links] == expected


def test_names_in_biblatexs_extended_format_are_read_as_bibtexs():
    # Zotero's Better BibLaTeX writes a name with a particle so; bibtexparser refused the
    # entry ("Too many commas"), and with it the whole file.
    problems = Problems()
    record = _one(
        "  author = {family=Maaten, given=Laurens, prefix=van der, useprefix=true and Hinton,"
        " Geoffrey and family=Freitas, given={Nando}, prefix=de, useprefix=false and"
        " family=King, given=Martin Luther, suffix=Jr. and family={Google Research} and {Team=Blue}},\n",
        problems,
    )
    assert not problems, problems.format()
    assert record.authors == (
        "Laurens van der Maaten", "Geoffrey Hinton", "Nando de Freitas", "Martin Luther King, Jr.",
        "Google Research", "Team=Blue",  # (an equals sign in braces names no part)
    )


def test_an_extended_name_with_a_suffix_and_no_given_name_is_read():
    # It was written "King, Jr., " for bibtexparser, which refused the entry ("Trailing
    # comma at end of name"): the paper was not imported.
    problems = Problems()
    record = _one("  author = {family=King, suffix=Jr. and family=Doe, given=Jane},\n", problems)
    assert not problems, problems.format()
    assert record.authors == ("King, Jr.", "Jane Doe")


def test_quotes_in_an_extended_name_are_not_part_of_it():
    # biber splits a name's parts as comma-separated values, in which double quotes
    # enclose a value: around the whole part (its own test, '"family={Robert and Sons,
    # Inc.}"'), or around the value after its '='. They were kept: '"Jane" "Doe"', and
    # 'given=Rich "family=Roe' as one name.
    problems = Problems()
    record = _one(
        '  author = {family="Doe", given="Jane" and family=Poe, given=Ed and "family={Robert and Sons, Inc.}"'
        ' and "family=Roe", "given=Rich" and given = "Ana", family = "de la Cruz"},\n',
        problems,
    )
    assert not problems, problems.format()
    assert record.authors == ("Jane Doe", "Ed Poe", "Robert and Sons, Inc.", "Rich Roe", "Ana de la Cruz")



class _CountedItems(list):
    """A problem list that counts how often it is read through."""

    reads = 0

    def __iter__(self):
        self.reads += 1
        return super().__iter__()


def test_authors_named_twice_in_many_entries_are_told_without_rereading_every_warning():
    # Each entry whose list names an author twice looked through every problem said so
    # far (to say a crossref'd book's list once): quadratic in such entries, 2.7 s of
    # CPU for a file of 4,000 of them. The book's list is said once still (above).
    def reads(n: int) -> int:
        problems = Problems()
        problems.items = _CountedItems()
        text = "".join(
            f"@article{{k{i}, title = {{Title {i}}}, author = {{Doe, Jane and Doe, Jane}}}}\n" for i in range(n)
        )
        assert len(parse_text(text, "lab.bib", problems)) == n
        assert len(problems.items) == n  # (a warning each)
        return problems.items.reads

    assert reads(40) == reads(20)


def test_a_crossrefd_entrys_author_named_twice_is_said_once_whichever_comes_first():
    # A chapter before the paper it crossrefs reads the paper's list first: the warning
    # at the paper's author field is one all the same.
    problems = Problems()
    parse_text(
        "@inbook{c1, title = {C1}, crossref = {b}}\n@misc{b, title = {B}, author = {Doe, Jane and Doe, Jane}}\n",
        "lab.bib", problems,
    )
    assert [str(p.location) for p in problems.items] == ["lab.bib:2:23"]


def test_a_crossrefd_volume_read_again_with_its_fix_is_not_told_it_has_no_title():
    # The volume a paper crossrefs, its key without the comma after it: read again with
    # the comma, alone, it was no longer crossref'd, and told "has no title; add one or
    # delete the entry", which the paper's venue comes from. Its one mistake is said.
    problems = Problems()
    parse_text(
        "@inproceedings{conf20\n  booktitle = {Proceedings of Conf},\n  year = {2020},\n}\n\n"
        "@inproceedings{paper1,\n  title = {A Paper},\n  author = {Doe, Jane},\n  crossref = {CONF20},\n}\n",
        "lab.bib", problems,
    )
    assert [str(p) for p in problems.errors] == [
        "lab.bib:1:16: a comma is missing after the citation key 'conf20': write '@inproceedings{conf20,'"
    ]


def test_an_address_with_no_host_is_left_out_as_one_no_page_can_link_to():
    # 'http://:8000/x' names no host: it was said to be "a name without a dot, known only
    # inside a local network", its host shown as nothing ("its host, , is").
    problems = Problems()
    [record] = parse_text("@misc{k, title = {T}, url = {http://:8000/x}}\n", "x.bib", problems)
    assert record.links == ()
    [said] = [str(p) for p in problems.items]
    assert said.startswith("x.bib:1:30: warning: url 'http://:8000/x' of entry 'k'")
    assert "its host, ," not in said and "left out" in said


def test_an_entry_without_a_citation_key_is_imported_and_said_where_its_key_goes():
    # (reviewer: "@article{," imported without a word; BibTeX refuses the entry, biber
    # reads it with an empty key)
    problems = Problems()
    (record,) = parse_text("@article{,\n  title = {X},\n  year = {2020}\n}\n", "y.bib", problems)
    assert record.title == "X" and record.key == ""
    assert not problems.has_errors()
    assert problems.format() == (
        "y.bib:1:10: warning: entry @article has no citation key, which BibTeX refuses (biber reads"
        " it with an empty one): imported without one; write a key before its comma, as '@article{key,'"
    )
    problems = Problems()
    parse_text("@misc{ ,\n  title = {X}\n}\n", "y.bib", problems)
    assert [str(p.location) for p in problems.warnings] == ["y.bib:1:8"]


_KEYLESS = "the entry with no citation key at line 2"


def test_what_is_said_of_an_entry_with_no_citation_key_names_it_by_its_line():
    # (reviewer: about 20 messages named it "entry ''")
    text = (
        "@misc{k0, title = {Fine}}\n@article{,\n  title = {A \\{ B},\n  TITLE = {Again},\n"
        "  author = {Doe, Jane and and Roe, Ann*},\n  doi = {not a doi},\n  eprint = {2013.00001},\n"
        "  arxiv = {x},\n  url = {ftp://x.org/a},\n  journal = Some Journal,\n"
        "  volume = {1}, number = {2}, pages = {3},\n  supp = {s.pdf},\n}\n"
    )
    problems = Problems()
    parse_text(text, "y.bib", problems)
    said = [p.message for p in problems.items]
    assert len(said) == 12 and not [m for m in said if "''" in m], said
    assert [m for m in said if _KEYLESS not in m] == [
        "entry @article has no citation key, which BibTeX refuses (biber reads it with an empty one):"
        " imported without one; write a key before its comma, as '@article{key,'"
    ]
    assert f"'TITLE' is 'title' again (line 3) in {_KEYLESS}: the first is read; keep one" in said


@pytest.mark.parametrize("text, said", [
    ("@misc{k0, title = {Fine}}\n@article{,\n  author = {Doe}\n}\n",
     f"y.bib:2:1: warning: the BibTeX {_KEYLESS[4:]} has no title; skipped, nothing imported from it:"
     " give it one (title = {...}) to import it, or delete the entry"),
    ("\n@proceedings{,\n  title = {Vol}\n}\n@inproceedings{p, title = {P}, crossref = {}}\n",
     "y.bib:2:1: warning: the @proceedings with no citation key at line 2 is a volume of papers, not a paper;"
     " not imported (a paper that names it in crossref takes its title as the venue)"),
    ("\n@foo{,\n  title = {Foo}\n}\n",
     f"y.bib:2:2: warning: @foo is no BibTeX or biblatex entry type; {_KEYLESS} is imported as a @misc, as"
     " BibTeX and biber read it: write one of theirs (@misc if none fits)"),
    ("\n@misc{,\n  title = {X},\n  author = {Doe, Jane, Jr, X}\n}\n",
     f"y.bib:4:3: the name 'Doe, Jane, Jr, X' in 'author' of {_KEYLESS} has more commas than a name has in"
     " BibTeX ('Last, First' or 'Last, Jr., First'): write it so, or brace a name that holds a comma"
     " ('{Doe, Smith and Co.}')"),
    ("\n@misc{,\n  title = {X}}\n  note = {y},\n}\n",
     f"y.bib:4:3: 'note' is after the end of {_KEYLESS}, so it is not read: a '}}' too many ends the entry early"),
    ("\n@misc{,\n  title = {X} y,\n  note = {y},\n}\n",
     f"y.bib:3:15: the value of 'title' in {_KEYLESS} goes on after its end ('y'): a brace or quote closed"
     " too early, or a comma is missing"),
])
def test_each_message_of_an_entry_with_no_citation_key_names_it_by_its_line(text, said):
    problems = Problems()
    parse_text(text, "y.bib", problems)
    assert said in [str(p) for p in problems.items], problems.format()


def test_two_entries_without_a_citation_key_are_said_so_not_as_a_duplicate_key():
    problems = Problems()
    parse_text("@article{,\n  title = {X},\n}\n@misc{,\n  title = {Y},\n}\n", "y.bib", problems)
    assert "duplicate BibTeX key ''" not in problems.format()
    assert [str(p) for p in problems.errors] == [
        "y.bib:4:7: this entry has no citation key, nor has the entry at line 1, and"
        " bibtexparser reads only the first of two entries with one key (BibTeX refuses both):"
        " write a key before its comma, as '@misc{key,'"
    ]


# Quick paths of the BibTeX reading against the full reading they skip.
_TEX_BITS = st.sampled_from([
    "a", "Word", "word", "abcd", "etal", "Proc", "proc", "approx", ".", ". ", "}.", "{", "}", "$", "$x.$",
    "\\", "\\textsuperscript", "\\textsuperscript{1}", "\\textsuperscript {*}", "\\textsuperscript{{1}}",
    "\\TextSuperscript{1}", "\\text superscript{1}", "\\textsuperscript\n{2}", "^{1}", "~", "%", " ", "\t",
    "\n", "\r", "\u2028", "\u2029", "\x85", "\x0b", "\ufeff", "\u200b", "\u00a0", "\u3000", "ı", "é", "e\u0301",
    "２０１９", "٣", "&amp;", "<i>", "</i>", "--", "-", "0", "nan",
])
_TEX = st.lists(_TEX_BITS, max_size=8).map("".join) | st.text(max_size=12)


def _stop_read_whole(title: str) -> str:
    """The title's final full stop as `_record` read it before its quick path: both patterns always."""
    last = re.search(r"(\w+)\.$", title)
    return title if last and last.group(1).casefold() in _ABBREVIATIONS else _TITLE_STOP.sub("", title)


@given(_TEX)
def test_a_titles_final_stop_reads_as_both_patterns_read_it(text: str) -> None:
    # Over _plain's titles (stripped: "$" before a final "\n" is no case), ending in "."
    # after a brace or math, in a separator or a dotless i, or not at all.
    title = _plain(text)
    assert _without_final_stop(title) == _stop_read_whole(title)
    # And over any text, but for one ending in ".\n", which "$" matches before and
    # _plain never gives.
    if not text.endswith("\n"):
        assert _without_final_stop(text) == _stop_read_whole(text)


def test_what_a_titles_final_stop_is() -> None:
    assert _without_final_stop("Lora: Low-rank adaptation of large language models.") == (
        "Lora: Low-rank adaptation of large language models"
    )
    assert _without_final_stop("Methods in Proc. Natl.") == "Methods in Proc. Natl."  # (too short a word)
    assert _without_final_stop("With approx.") == "With approx."  # an abbreviation's
    assert _without_final_stop("The $x.$") == "The $x.$" and _without_final_stop("The {LLMs}.") == "The {LLMs}."


@given(_TEX)
def test_superscripts_read_as_the_pattern_reads_them(text: str) -> None:
    # (Only where "\textsuperscript" is written: spaces or a brace between it and its
    # argument, or other capitals, as the pattern reads them.)
    assert _superscripts_marked(text) == _SUPERSCRIPT.sub(r"^{\1}", text)


def test_an_empty_fields_quick_paths() -> None:
    # _plain, find_url_spans and en_dashed_pages of "" return at once: what their full
    # readings give ("" through clean_latex, no URL, no pages).
    assert _plain("") == _plain("", html=True) == _plain("", held=True) == ""
    assert clean_latex("", emphasis=False, dashes=True) == clean_latex("", emphasis=EMPHASIS_HELD, dashes=True) == ""
    assert find_url_spans("") == [] and en_dashed_pages("") == ""


def test_a_key_with_an_escape_character_is_said_escaped():
    # (_written showed line breaks by their pictures but printed an escape character as
    # it is, which acted on the terminal.)
    problems = Problems()
    parse_bibtex("@misc{a\x1bb, title={A}}\n@misc{a\x1bb, title={B}}\n", "lab.bib", problems)
    assert [str(p) for p in problems.items] == [
        "lab.bib:2:1: duplicate BibTeX key 'a\\x1bb' (first at line 1); give each entry its own key"
    ]


def test_an_eprint_its_archive_prefix_says_is_arxivs_is_said_when_it_is_no_arxiv_id():
    # (new lab's walkthrough: `eprint = {abc.123}` with `archivePrefix = {arXiv}` was left
    # out without a word, while a `doi` that is none is said: the prefix says it is meant
    # as an arXiv id, whatever its shape)
    problems = Problems()
    (record,) = parse_text(
        "@misc{k,\n  title = {T},\n  eprint = {abc.123},\n  archivePrefix = {arXiv}\n}\n", "lab.bib", problems
    )
    assert record.arxiv == ""
    assert [str(w) for w in problems.warnings] == [
        "lab.bib:3:13: warning: eprint 'abc.123' of entry 'k' is no arXiv identifier (YYMM.NNNNN,"
        " with a month from 01 to 12, or archive/YYMMNNN); left out"
    ]
    # Without a prefix, an eprint of another shape may be another server's: nothing said.
    problems = Problems()
    (record,) = parse_text("@misc{k,\n  title = {T},\n  eprint = {hal-01234567}\n}\n", "lab.bib", problems)
    assert (record.arxiv, problems.warnings) == ("", [])


# (bk1) A book by its editors alone (an edited book as a whole: @book, @collection,
# @reference and their @mv… forms) is by them. bk1 made them its authors with a warning,
# as a paper file named no editors; it names them now (bk2), as `editors`, no authors,
# nothing to say, and a re-import takes back the authors bk1's import wrote
# (tests/ingest/test_editors.py).
EDITED = (
    "@{kind}{{handbook,\n  title = {{Handbook of Learning}},\n"
    "  editor = {{Smith, Jane and Doe, John}},\n  publisher = {{MIT Press}},\n  year = {{2019}},\n}}\n"
)


@pytest.mark.parametrize("kind", ["book", "collection", "reference", "mvbook", "MVCollection"])
def test_an_edited_books_editors_are_its_editors_in_silence(kind):
    problems = Problems()
    (record,) = parse_text(EDITED.format(kind=kind), "refs.bib", problems, "bibtex")
    assert (record.authors, record.editors) == ((), ("Jane Smith", "John Doe"))
    assert (record.venue, record.publisher) == ("", "MIT Press")
    assert [(r.names, r.values) for r in record.read_before] == [(("authors",), (("Jane Smith", "John Doe"),))]
    assert problems.items == []


def test_a_book_with_authors_keeps_them_and_its_editors_are_not_said():
    # Guard: the author field names the people to credit; editors beside it are no authors.
    problems = Problems()
    text = EDITED.format(kind="book").replace("  editor", "  author = {Lee, Kate},\n  editor")
    (record,) = parse_text(text, "refs.bib", problems, "bibtex")
    assert (record.authors, record.editors, problems.items) == (("Kate Lee",), ("Jane Smith", "John Doe"), [])
    assert record.read_before == ()


@pytest.mark.parametrize("kind", ["incollection", "inbook", "inproceedings", "article", "misc"])
def test_a_chapters_or_papers_editors_are_not_its_authors(kind):
    # Guard: the editors of the book or proceedings a paper is in did not write it.
    problems = Problems()
    text = EDITED.format(kind=kind).replace("title = {Handbook", "booktitle = {Handbook of X},\n  title = {Some Chapter")
    (record,) = parse_text(text, "refs.bib", problems, "bibtex")
    assert (record.authors, record.editors, record.read_before) == ((), ("Jane Smith", "John Doe"), ())
    # (the editors are said, as of no author: the chapter's or paper's own authors are to
    # be written; never taken for its authors)
    assert not any("imported as its authors" in str(p) for p in problems.items)
    assert [str(p).split(": warning: ")[1][:42] for p in problems.items] == ["entry 'handbook' has editors and no author"]


@pytest.mark.parametrize("kind", ["book", "incollection"])
def test_an_edited_books_editors_are_read_as_authors_names_are(kind):
    # Accents, biblatex's extended names and a dangling "and" in the editors, as in an
    # author list ("Pe\~{n}a" was "Pe na"; the "and" was part of a name, "Hans and"); a
    # chapter's book's editors too (bk2: read at all since).
    problems = Problems()
    text = (
        f"@{kind}{{h,\n  title = {{Handbook}},\n  author = {{Ann Writer}},\n"
        "  editor = {Pe\\~{n}a, Jos\\'e and family=Maaten, given=Laurens, prefix=van der, useprefix=true and M{\\\"u}ller, Hans and},\n"
        "  year = {2019},\n}\n"
    )
    (record,) = parse_text(text, "refs.bib", problems, "bibtex")
    assert record.editors == ("José Peña", "Laurens van der Maaten", "Hans Müller")
    assert [str(p).split(": warning: ")[1][:44] for p in problems.items] == ["the editor list of entry 'h' has an 'and' wi"]
