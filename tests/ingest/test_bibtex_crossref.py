"""BibTeX crossref: which crossref'd entries are volumes (not papers), circles of
crossrefs, and which parents' authors a paper takes."""

import pytest

from generator.errors import Problems
from generator.ingest import parse_text


def _parse(text: str) -> tuple[list, Problems]:
    problems = Problems()
    return parse_text(text, "lab.bib", problems), problems


def test_papers_that_crossref_each_other_are_both_imported_with_their_own_fields():
    text = (
        "@inproceedings{a, title = {Paper A}, booktitle = {Venue A}, year = {2020},\n"
        "  crossref = {b}}\n"
        "@inproceedings{b, title = {Paper B},\n"
        "    crossref = {A}, year = {2021}}\n"
    )
    (a, b), problems = _parse(text)
    assert [(r.title, r.venue, r.year) for r in (a, b)] == [
        ("Paper A", "Venue A", "2020"),
        # b lacks a booktitle; in a circle it takes none from a
        ("Paper B", "", "2021"),
    ]
    assert problems.format() == (
        "lab.bib:2:3: warning: crossref 'b' leads back to this entry (a -> b -> a); "
        "the entry gets only its own fields\n"
        "lab.bib:4:5: warning: crossref 'A' leads back to this entry (b -> a -> b); "
        "the entry gets only its own fields"
    )


def test_an_entry_that_crossrefs_itself_is_a_paper_and_a_warning():
    [paper], problems = _parse("@article{s, title = {Self}, crossref = {s}}\n")
    assert paper.title == "Self"
    assert problems.format() == (
        "lab.bib:1:29: warning: crossref 's' leads back to this entry (s -> s); "
        "the entry gets only its own fields"
    )


def test_a_paper_crossrefd_by_another_paper_stays_a_paper_and_lends_its_fields():
    # BibTeX copies every missing field from the crossref'd entry whatever its type,
    # so the child takes the other paper's year and booktitle (but not its title as a
    # venue: only a volume's title names a venue), and the other paper is kept.
    text = (
        "@inproceedings{child, title = {Child Paper}, crossref = {other}}\n"
        "@inproceedings{other, title = {Other Paper}, booktitle = {Proc. X},\n"
        "  year = {2019}, author = {Roe, Rick}, doi = {10.1234/other}}\n"
        "@article{lone, title = {Lone Paper}, crossref = {art}}\n"
        "@article{art, title = {Article Paper}, year = {2018}}\n"
    )
    records, problems = _parse(text)
    assert not problems, problems.format()
    assert [(r.title, r.venue, r.year, r.authors, r.doi) for r in records] == [
        ("Child Paper", "Proc. X", "2019", ("Rick Roe",), ""),
        ("Other Paper", "Proc. X", "2019", ("Rick Roe",), "10.1234/other"),
        ("Lone Paper", "", "2018", (), ""),
        ("Article Paper", "", "2018", (), ""),
    ]


VOLUMES = [
    "proceedings", "mvproceedings", "book", "mvbook", "collection", "mvcollection",
    "reference", "mvreference", "periodical",
]


@pytest.mark.parametrize("kind", VOLUMES + [k.upper() for k in VOLUMES[:1]])
def test_a_crossrefd_volume_is_no_paper_and_its_title_is_the_venue(kind):
    text = (
        "@incollection{p, title = {Part}, crossref = {v}}\n"
        f"@{kind}{{v, title = {{The Volume}}, year = {{2015}}}}\n"
    )
    [paper], problems = _parse(text)
    assert not problems, problems.format()
    assert (paper.title, paper.venue, paper.year) == ("Part", "The Volume", "2015")


def test_a_volume_nobody_crossrefs_is_imported_like_any_entry():
    [book], problems = _parse("@book{b, title = {A Book}, author = {Doe, Jane}}\n")
    assert not problems, problems.format()
    assert (book.title, book.authors) == ("A Book", ("Jane Doe",))


def test_a_chapter_takes_the_authors_of_its_book():
    text = (
        "@inbook{ch1, title = {Chapter One}, crossref = {bk}}\n"
        "@inbook{ch2, title = {Chapter Two}, author = {}, crossref = {bk}}\n"
        "@inbook{ch3, title = {Chapter Three}, author = {Guest, Gail}, crossref = {bk}}\n"
        "@book{bk, title = {The Book}, author = {Doe, Jane and Roe, Rick}, year = {2010}}\n"
    )
    records, problems = _parse(text)
    assert not problems, problems.format()
    assert [(r.title, r.authors, r.venue) for r in records] == [
        ("Chapter One", ("Jane Doe", "Rick Roe"), "The Book"),
        # an empty author field is lacking, as an empty year or booktitle is
        ("Chapter Two", ("Jane Doe", "Rick Roe"), "The Book"),
        ("Chapter Three", ("Gail Guest",), "The Book"),
    ]


@pytest.mark.parametrize(
    "kind", ["proceedings", "mvproceedings", "collection", "mvcollection", "reference",
             "mvreference", "periodical"],
)
def test_a_paper_does_not_take_the_authors_of_an_edited_volume(kind):
    text = (
        "@inproceedings{p, title = {Paper}, crossref = {v}}\n"
        f"@{kind}{{v, title = {{Volume}}, author = {{Editor, Ed}}, year = {{2022}}}}\n"
    )
    [paper], problems = _parse(text)
    assert not problems, problems.format()
    assert (paper.authors, paper.venue, paper.year) == ((), "Volume", "2022")


def test_authors_come_from_a_book_beyond_an_edited_volume_in_a_chain():
    # biber follows a chain: part -> collection (edited, its author skipped) -> book
    text = (
        "@incollection{p, title = {Part}, crossref = {c}}\n"
        "@collection{c, title = {Collection}, author = {Editor, Ed}, crossref = {bk}}\n"
        "@mvbook{bk, title = {Works}, author = {Doe, Jane}, year = {1990}}\n"
    )
    [paper], problems = _parse(text)
    assert not problems, problems.format()
    assert (paper.authors, paper.venue, paper.year) == (("Jane Doe",), "Collection", "1990")


def test_a_missing_crossref_behind_a_volume_is_reported_once():
    text = (
        "@inproceedings{p, title = {P}, crossref = {v}}\n"
        "@inproceedings{q, title = {Q}, crossref = {v}}\n"
        "@proceedings{v, title = {V},\n  crossref = {gone}}\n"
    )
    records, problems = _parse(text)
    assert [r.venue for r in records] == ["V", "V"]
    assert problems.format() == (
        "lab.bib:4:3: warning: crossref 'gone' names no entry in this file; "
        "the entry gets only its own fields"
    )


def test_a_proceedings_volume_no_paper_names_is_no_paper_either():
    # A curator's review: the ACL Anthology's export of a volume starts with its
    # @proceedings, which was imported as a paper titled "Proceedings of the 2023
    # Conference on ...". A book stays a paper: a list may recommend reading one.
    text = (
        "@proceedings{emnlp-2023-main,\n    title = \"Proceedings of the 2023 Conference on EMNLP\",\n"
        "    year = \"2023\",\n    publisher = \"Association for Computational Linguistics\"\n}\n"
        "@book{b, title = {Deep Learning}, publisher = {MIT Press}, year = {2016}}\n"
    )
    records, problems = _parse(text)
    assert [r.title for r in records] == ["Deep Learning"]
    assert problems.format() == (
        "lab.bib:1:1: warning: @proceedings 'emnlp-2023-main' is a volume of papers, not a paper;"
        " not imported (a paper that names it in crossref takes its title as the venue)"
    )
