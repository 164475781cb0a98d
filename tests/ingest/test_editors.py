"""Editors in an import (BibTeX's `editor`, RIS's A2 or ED): a paper file names no
editors, so an entry with editors and no author gives a paper with no authors, and the
import says so at the editors rather than in silence; a book edited as a whole (@book,
@collection, @reference) is by its editors instead, said at them (test_bibtex)."""

from generator.errors import Problems
from generator.ingest import parse_text

WARNING = (
    "has editors and no author; a paper file names no editors, so none is imported as its"
    " author: if its file has no authors, write them there (for a book edited as a whole,"
    " its editors)"
)


def test_an_edited_book_without_an_author_is_by_its_editors_said_at_them():
    # (A book edited as a whole is by its editors, as bk1's rule reads it, with its own
    # warning; the one of editors and no author is for the other kinds, which stay by no one.)
    problems = Problems()
    (record,) = parse_text(
        "@book{thrun,\n  title = {Learning to Learn},\n  editor = {Thrun, Sebastian and Pratt, Lorien},\n"
        "  publisher = {Springer},\n  year = {1998},\n}\n",
        "lab.bib", problems,
    )
    assert record.authors == ("Sebastian Thrun", "Lorien Pratt")
    assert problems.format() == (
        "lab.bib:3:3: warning: entry 'thrun' is an edited book with no author: its editors (Sebastian Thrun,"
        " Lorien Pratt) are imported as its authors, as a paper file names no editors; if it has authors,"
        " write them in its author field"
    )
    assert WARNING not in problems.format()


def test_a_chapter_without_an_author_is_said_at_its_books_editors():
    problems = Problems()
    (record,) = parse_text(
        "@incollection{icml,\n  title = {A Chapter},\n  editor = {Thrun, Sebastian and Pratt, Lorien},\n"
        "  booktitle = {Learning to Learn},\n  year = {1998},\n}\n",
        "lab.bib", problems,
    )
    assert record.authors == ()
    assert problems.format() == f"lab.bib:3:3: warning: entry 'icml' {WARNING}"


def test_a_chapter_with_its_author_and_its_books_editors_is_by_its_author_in_silence():
    problems = Problems()
    (record,) = parse_text(
        "@incollection{caruana,\n  title = {Multitask Learning},\n  author = {Caruana, Rich},\n"
        "  editor = {Thrun, Sebastian and Pratt, Lorien},\n  booktitle = {Learning to Learn},\n"
        "  year = {1998},\n}\n",
        "lab.bib", problems,
    )
    assert record.authors == ("Rich Caruana",) and record.venue == "Learning to Learn"
    assert not problems.items, problems.format()


def test_an_entry_with_neither_author_nor_editor_gets_no_such_warning():
    problems = Problems()
    (record,) = parse_text("@misc{k,\n  title = {T},\n  year = {2020},\n}\n", "lab.bib", problems)
    assert record.authors == ()
    assert "editors" not in problems.format()


def test_a_chapter_without_an_author_is_told_at_the_editors_of_the_book_it_crossrefs():
    # (The collection's editors are not the chapter's authors, as BibTeX would make them:
    # see _EDITED_VOLUMES; the warning points at where they are written.)
    problems = Problems()
    (record,) = parse_text(
        "@incollection{ch,\n  title = {A Chapter},\n  crossref = {book},\n}\n"
        "@collection{book,\n  title = {Handbook of X},\n  editor = {Smith, Jane},\n  year = {2019},\n}\n",
        "lab.bib", problems,
    )
    assert record.authors == () and record.venue == "Handbook of X"
    assert problems.format() == f"lab.bib:7:3: warning: entry 'ch' {WARNING}"


def _ris(body: str, problems: Problems):
    return parse_text("TY  - BOOK\nTI  - Learning to Learn\n" + body + "PY  - 1998\nER  - \n", "lab.ris", problems)


def test_an_ris_edited_book_without_an_author_is_said_at_its_first_editor_line():
    for body in ("A2  - Thrun, Sebastian\nA2  - Pratt, Lorien\n", "ED  - Thrun, Sebastian\n"):
        problems = Problems()
        (record,) = _ris(body, problems)
        assert record.authors == ()
        assert problems.format() == (
            "lab.ris:3:1: warning: this record has editors (A2 or ED) and no author (AU or A1); a paper"
            " file names no editors, so none is imported as its author: if its file has no authors,"
            " write them there (for a book edited as a whole, its editors)"
        )


def test_an_ris_chapter_by_its_author_with_editors_and_a_record_with_neither_are_not_told():
    problems = Problems()
    (record,) = _ris("AU  - Caruana, Rich\nA2  - Thrun, Sebastian\n", problems)
    assert record.authors == ("Rich Caruana",)
    (record,) = _ris("", problems)
    assert record.authors == ()
    assert not problems.items, problems.format()
