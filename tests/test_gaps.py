"""What a paper's record lacks, counted over a list (generator/gaps.py): hand-made papers
whose gaps are known."""

from __future__ import annotations

from generator.errors import Location
from generator.gaps import FIELDS, PaperGaps, find_gaps, missing
from generator.models import Link, Paper

CODE = Link("https://github.com/o/r", "code", host="github", repo="o/r")


def full(pid: str, **changed) -> Paper:
    """A paper that lacks nothing, but what ``changed`` takes away."""
    values = dict(
        id=pid, title=f"Title {pid}", abstract="An abstract.", authors=("Ada Lovelace",),
        year=2021, venue="NeurIPS", arxiv="2101.00001", links=(CODE,),
    )  # fmt: skip
    values.update(changed)
    return Paper(**values)


def test_a_complete_record_lacks_nothing():
    assert missing(full("a"), in_no_topic=False) == ()


def test_each_field_is_told_missing_on_its_own():
    cases = {
        "authors": full("a", authors=()),
        "year": full("a", year=None),
        "venue": full("a", venue=""),
        "identifier": full("a", arxiv=""),
        "code": full("a", links=(Link("https://example.org", "project"),)),
        "abstract": full("a", abstract="  \n"),
    }
    for field, paper in cases.items():
        assert missing(paper, in_no_topic=False) == (field,), field
    assert missing(full("a"), in_no_topic=True) == ("topics",)


def test_a_doi_is_an_identifier_and_a_books_publisher_its_venue():
    book = full("b", arxiv="", doi="10.1000/b", venue="", publisher="MIT Press")
    assert missing(book, in_no_topic=False) == ()
    # Blank values are none.
    blank = full("c", arxiv=" ", doi="", venue=" ", publisher="", authors=(" ",))
    assert missing(blank, in_no_topic=False) == ("authors", "venue", "identifier")


def test_a_book_by_its_editors_lacks_no_authors_and_a_chapter_with_editors_does():
    # (bk2: `gaps` said an import fills an edited book's authors, which none does: it is
    # by its editors.)
    book = full("b", authors=(), editors=("Jane Smith", "John Doe"), venue="", publisher="MIT Press")
    assert missing(book, in_no_topic=False) == ()
    chapter = full("c", authors=(), editors=("Jane Smith",), venue="Handbook of Learning", venue_kind="book")
    assert missing(chapter, in_no_topic=False) == ("authors",)
    assert missing(full("d", authors=(), editors=(" ",), venue="", publisher="MIT Press"), in_no_topic=False) == (
        "authors",
    )


def test_counts_every_field_and_lists_the_papers_lacking_the_most_first_then_by_id():
    papers = [
        full("complete"),
        full("b-two", year=None, venue=""),
        full("a-two", authors=(), links=()),
        Paper(id="bare", title="Bare", abstract=""),
        full("one", abstract=""),
    ]
    found = find_gaps(papers, in_no_topic={"bare"})
    assert found.papers == 5
    assert dict(found.lacking) == {
        "authors": 2, "year": 2, "venue": 2, "identifier": 1, "code": 2, "topics": 1, "abstract": 2,
    }  # fmt: skip
    assert list(found.lacking) == list(FIELDS)
    assert [(row.paper_id, row.missing) for row in found.rows] == [
        ("bare", FIELDS),
        ("a-two", ("authors", "code")),
        ("b-two", ("year", "venue")),
        ("one", ("abstract",)),
    ]


def test_a_row_names_the_file_the_paper_was_read_from():
    paper = full("x", year=None, source=Location("lab/content/papers/x.yml", 1, 1))
    (row,) = find_gaps([paper, full("y", year=None)], in_no_topic=()).rows[:1]
    assert row == PaperGaps("x", "lab/content/papers/x.yml", "Title x", ("year",))
    assert find_gaps([full("y", year=None)], ()).rows[0].file == "content/papers/y.yml"


def test_lacking_any_keeps_the_papers_lacking_one_of_the_fields_in_order():
    papers = [full("a", year=None), full("b", venue=""), full("c", venue="", year=None), full("d", links=())]
    found = find_gaps(papers, ())
    assert [r.paper_id for r in found.lacking_any(["year"])] == ["c", "a"]
    assert [r.paper_id for r in found.lacking_any(["year", "venue"])] == ["c", "a", "b"]
    assert found.lacking_any(["abstract"]) == ()
