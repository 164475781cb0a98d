"""Editors in an import (BibTeX's `editor`, RIS's ED, and A2 where the record's type makes
A2 its editors): a paper file's `editors` (bk2). An entry with editors and no author, but
a book edited as a whole, gives a paper with no authors, and the import says so at the
editors, only where its paper's file has no authors after the import; a book edited as a
whole (@book, @collection, @reference; RIS's BOOK, EDBOOK) is by its editors, in silence,
and the authors an earlier import made of them (bk1) are taken back (test_bibtex too)."""

import datetime as dt
import shutil

from generator.errors import Problems
from generator.importer import import_paths
from generator.ingest import parse_text

WARNING = (
    "has editors and no author: its editors are imported as its `editors` (of the book it is"
    " in), and it has no authors; write them in its file's `authors`"
)


def test_an_edited_book_without_an_author_is_by_its_editors_in_silence():
    problems = Problems()
    (record,) = parse_text(
        "@book{thrun,\n  title = {Learning to Learn},\n  editor = {Thrun, Sebastian and Pratt, Lorien},\n"
        "  publisher = {Springer},\n  year = {1998},\n}\n",
        "lab.bib", problems,
    )
    assert (record.authors, record.editors) == ((), ("Sebastian Thrun", "Lorien Pratt"))
    assert not problems.items, problems.format()


def test_a_chapter_without_an_author_is_said_at_its_books_editors():
    problems = Problems()
    (record,) = parse_text(
        "@incollection{icml,\n  title = {A Chapter},\n  editor = {Thrun, Sebastian and Pratt, Lorien},\n"
        "  booktitle = {Learning to Learn},\n  year = {1998},\n}\n",
        "lab.bib", problems,
    )
    assert (record.authors, record.editors) == ((), ("Sebastian Thrun", "Lorien Pratt"))
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
    assert record.editors == ("Sebastian Thrun", "Lorien Pratt")
    assert not problems.items, problems.format()


def test_an_entry_with_neither_author_nor_editor_gets_no_such_warning():
    problems = Problems()
    (record,) = parse_text("@misc{k,\n  title = {T},\n  year = {2020},\n}\n", "lab.bib", problems)
    assert record.authors == () and record.editors == ()
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
    assert record.editors == ("Jane Smith",)
    assert problems.format() == f"lab.bib:7:3: warning: entry 'ch' {WARNING}"


def _ris(body: str, problems: Problems, kind: str = "BOOK"):
    return parse_text(f"TY  - {kind}\nTI  - Learning to Learn\n" + body + "PY  - 1998\nER  - \n", "lab.ris", problems)


def test_an_ris_edited_book_without_an_author_is_by_its_editors_in_silence():
    for kind in ("BOOK", "EDBOOK"):
        for body in ("A2  - Thrun, Sebastian\nA2  - Pratt, Lorien\n", "ED  - Thrun, Sebastian\nED  - Pratt, Lorien\n"):
            problems = Problems()
            (record,) = _ris(body, problems, kind)
            assert (record.authors, record.editors) == ((), ("Sebastian Thrun", "Lorien Pratt")), (kind, body)
            assert not problems.items, problems.format()


def test_an_ris_chapter_by_its_author_with_editors_and_a_record_with_neither_are_not_told():
    problems = Problems()
    (record,) = _ris("AU  - Caruana, Rich\nA2  - Thrun, Sebastian\n", problems, "CHAP")
    assert (record.authors, record.editors) == (("Rich Caruana",), ("Sebastian Thrun",))
    (record,) = _ris("", problems)
    assert record.authors == () and record.editors == ()
    assert not problems.items, problems.format()


def test_an_ris_chapter_or_paper_without_an_author_is_said_at_its_first_editor_line():
    for kind, body in (("CHAP", "A2  - Thrun, Sebastian\n"), ("CONF", "ED  - Thrun, Sebastian\n"),
                       ("JOUR", "ED  - Thrun, Sebastian\n")):
        problems = Problems()
        (record,) = _ris(body, problems, kind)
        assert (record.authors, record.editors) == ((), ("Sebastian Thrun",)), kind
        assert problems.format() == (
            "lab.ris:3:1: warning: this record has editors and no author (AU or A1): its editors are imported"
            " as its `editors` (of the book it is in), and it has no authors; write them in its file's `authors`"
        )


def test_an_ris_journal_articles_a2_is_no_editor():
    # (RIS's A2 is the "secondary author": the editors of a book or proceedings; of a
    # journal article, no editor of the paper's, left unread as before.)
    problems = Problems()
    (record,) = _ris("AU  - Caruana, Rich\nA2  - Series, Editor\n", problems, "JOUR")
    assert (record.authors, record.editors) == (("Rich Caruana",), ())


def test_an_ris_books_a3_is_its_editors_and_its_a2_then_the_series_editors():
    # (rev105: Zotero's RIS writes a book's editors under A3 and its series editors under
    # A2, RIS.js's fieldMap: an edited LNCS volume was "Edited by Gerhard Goos and Juris
    # Hartmanis", the series' editors, its own lost.) A book with no A3 reads A2 as before.
    problems = Problems()
    (record,) = _ris(
        "A2  - Goos, Gerhard\nA2  - Hartmanis, Juris\nA3  - Vedaldi, Andrea\nA3  - Bischof, Horst\n", problems,
    )
    assert (record.authors, record.editors) == ((), ("Andrea Vedaldi", "Horst Bischof"))
    # (ed2: its A2 was left out without a word, an authored book's said: rev109.) Said
    # alike, at the first A2 (line 3), with the names.
    assert [(str(p.location), p.message) for p in problems.items] == [("lab.ris:3:1", (
        "A2 of this book with editors under A3 ('Goos, Gerhard'; 'Hartmanis, Juris') left out: beside A3,"
        " a book's A2 names its series' editors (Zotero's), which no page shows; write them in its file's"
        " `editors` if they edited the book itself"))]
    problems = Problems()
    (record,) = _ris("ED  - Vedaldi, Andrea\nA2  - Goos, Gerhard\nA3  - Vedaldi, Andrea\nA3  - Bischof, Horst\n",
                     problems, "EBOOK")
    assert record.editors == ("Andrea Vedaldi", "Horst Bischof")
    assert [(str(p.location), p.message[:60]) for p in problems.items] == [
        ("lab.ris:4:1", "A2 of this book with editors under A3 ('Goos, Gerhard') left")
    ]
    # (An A2 naming one A3 names too is no series editor left out: not said.)
    problems = Problems()
    (record,) = _ris("A2  - Vedaldi, Andrea\nA3  - Vedaldi, Andrea\nA3  - Bischof, Horst\n", problems, "EDBOOK")
    assert record.editors == ("Andrea Vedaldi", "Horst Bischof")
    assert not problems.items, problems.format()
    problems = Problems()
    # (A chapter's A3 is its series editors, Zotero's too: its A2 is its book's editors.)
    (record,) = _ris("AU  - Caruana, Rich\nA2  - Thrun, Sebastian\nA3  - Goos, Gerhard\n", problems, "CHAP")
    assert record.editors == ("Sebastian Thrun",)


def test_an_ris_editor_named_under_both_ed_and_a2_is_one_editor():
    # (bk3: an exporter writing each editor under ED and A2 gave "edited by Sebastian
    # Thrun and Sebastian Thrun", and a warning of a name repeated.) One given twice
    # under one tag is still two, and said, at its own tag's second line.
    problems = Problems()
    (record,) = _ris(
        "AU  - Caruana, Rich\nED  - Thrun, Sebastian\nED  - Pratt, Lorien\n"
        "A2  - Thrun, Sebastian\nA2  - PRATT, LORIEN\nA2  - Mitchell, Tom\n", problems, "CHAP",
    )
    assert record.editors == ("Sebastian Thrun", "Lorien Pratt", "Tom Mitchell")
    assert not problems.items, problems.format()
    (record,) = _ris("ED  - Thrun, Sebastian\nA2  - Thrun, Sebastian\nED  - Thrun, Sebastian\n", problems)
    assert record.editors == ("Sebastian Thrun", "Sebastian Thrun")
    assert problems.format() == (
        "lab.ris:5:1: warning: the editor list of this record names the same editor more than once"
        " ('Sebastian Thrun' as editors 1 and 2); kept as written: delete the one too many, or"
        " write the editor meant"
    )


def test_an_ris_editor_repeated_is_said_at_its_own_line_not_at_an_a2_restating_ed():
    # (rev105: the A2 lines that restate ED's editors are not read, so they repeat no
    # one; the warning was at the second A2 "Thrun", line 5, while the editor named twice
    # is Pratt, on ED's line 7.)
    problems = Problems()
    (record,) = _ris(
        "ED  - Thrun, Sebastian\nA2  - Thrun, Sebastian\nA2  - Thrun, Sebastian\n"
        "ED  - Pratt, Lorien\nED  - Pratt, Lorien\n", problems, "CHAP",
    )
    assert record.editors == ("Sebastian Thrun", "Lorien Pratt", "Lorien Pratt")
    [said] = [line for line in problems.format().splitlines() if "more than once" in line]
    assert said.startswith("lab.ris:7:1: warning: the editor list of this record names the same editor"), said
    # A repeat on A2 alone, of a name ED does not give, is said at its second A2 line.
    problems = Problems()
    (record,) = _ris("ED  - Thrun, Sebastian\nA2  - Pratt, Lorien\nA2  - Thrun, Sebastian\nA2  - Pratt, Lorien\n",
                     problems, "CHAP")
    assert record.editors == ("Sebastian Thrun", "Lorien Pratt", "Lorien Pratt")
    [said] = [line for line in problems.format().splitlines() if "more than once" in line]
    assert said.startswith("lab.ris:6:1: warning: the editor list"), said


def test_an_ris_a2_in_another_order_than_ed_keeps_eds_order():
    # (rev105: the lead's question.) ED's order is the list's; an A2 restating it in
    # another order changes nothing, and a name A2 alone gives follows ED's.
    problems = Problems()
    (record,) = _ris(
        "AU  - Caruana, Rich\nED  - Thrun, Sebastian\nED  - Pratt, Lorien\n"
        "A2  - Mitchell, Tom\nA2  - Pratt, Lorien\nA2  - Thrun, Sebastian\n", problems, "CHAP",
    )
    assert record.editors == ("Sebastian Thrun", "Lorien Pratt", "Tom Mitchell")
    assert not problems.items, problems.format()


def test_an_ris_editor_initialled_under_one_tag_and_named_in_full_under_the_other_is_one_editor():
    # (ed1: "Thrun, S." under ED and "Thrun, Sebastian" under A2 were two editors, "edited
    # by S. Thrun and Sebastian Thrun".) One person: kept once, in ED's place, in the
    # fuller form, whichever tag gives it; nothing is lost, so nothing is said.
    for body in ("ED  - Thrun, S.\nED  - Pratt, Lorien\nA2  - Thrun, Sebastian\nA2  - Pratt, L.\n",
                 "ED  - Thrun, Sebastian\nED  - Pratt, L.\nA2  - Thrun, S.\nA2  - Pratt, Lorien\n"):
        problems = Problems()
        (record,) = _ris("AU  - Caruana, Rich\n" + body, problems, "CHAP")
        assert record.editors == ("Sebastian Thrun", "Lorien Pratt"), body
        assert not problems.items, problems.format()
    # Another given name, or another initial, is another person; so is an initial
    # repeated under one tag (kept as written, as a name repeated there).
    problems = Problems()
    (record,) = _ris("ED  - Thrun, Sebastian\nA2  - Thrun, Stefan\nA2  - Thrun, T.\n", problems, "CHAP")
    assert record.editors == ("Sebastian Thrun", "Stefan Thrun", "T. Thrun")
    (record,) = _ris("ED  - Thrun, S.\nED  - Thrun, Sebastian\n", problems, "CHAP")
    assert record.editors == ("S. Thrun", "Sebastian Thrun")
    (record,) = _ris("ED  - Lin, T.-Y.\nA2  - Lin, Tsung-Yi\nA2  - Thrun, S.\nA2  - Thrun, Sebastian\n",
                     problems, "CHAP")
    assert record.editors == ("Tsung-Yi Lin", "S. Thrun", "Sebastian Thrun")


def test_an_ris_chapters_a3_is_its_books_series_editors_said_left_out():
    # (fix32: a chapter's A3, its book's series' editors as the RIS specification and
    # Zotero's RIS.js write them, the book's own editors under A2, was dropped without a
    # word.) Said at the first A3 (line 5), with the names, as a book's A2 of its series
    # is; a conference paper's alike. The editors A2 names are read as before.
    problems = Problems()
    (record,) = _ris(
        "AU  - Caruana, Rich\nA2  - Thrun, Sebastian\nA3  - Goos, Gerhard\nA3  - Hartmanis, Juris\n",
        problems, "CHAP",
    )
    assert (record.authors, record.editors) == (("Rich Caruana",), ("Sebastian Thrun",))
    assert [(str(p.location), p.message) for p in problems.items] == [("lab.ris:5:1", (
        "A3 of this chapter ('Goos, Gerhard'; 'Hartmanis, Juris') left out: a chapter's A3 names its"
        " book's series' editors (the RIS specification's, Zotero's), which no page shows; write them"
        " in its file's `editors` if they edited the book itself"))]
    problems = Problems()
    (record,) = _ris("AU  - Caruana, Rich\nA3  - Goos, Gerhard\n", problems, "CPAPER")
    assert record.editors == ()
    assert [(str(p.location), p.message[:60]) for p in problems.items] == [
        ("lab.ris:4:1", "A3 of this conference paper ('Goos, Gerhard') left out: a co")
    ]
    # (An A3 naming one A2 or ED names too is no editor left out: not said; nor is a
    # journal article's A3, another role, as its A2 is.)
    for kind, body in (("ECHAP", "A2  - Thrun, Sebastian\nA3  - Thrun, Sebastian\n"),
                       ("CONF", "ED  - Thrun, Sebastian\nA3  - Thrun, Sebastian\n"),
                       ("JOUR", "A3  - Goos, Gerhard\n")):
        problems = Problems()
        (record,) = _ris("AU  - Caruana, Rich\n" + body, problems, kind)
        assert not problems.items, (kind, problems.format())


def test_an_ris_initial_two_full_names_under_the_other_tag_fit_is_merged_with_neither():
    # (rev109: "Thrun, S." under ED beside "Thrun, Stefan" and "Thrun, Sebastian" under A2
    # was merged with the first, Stefan: a guess.) Either may be S.: each kept as read.
    for body, expected in (
        ("ED  - Thrun, S.\nA2  - Thrun, Stefan\nA2  - Thrun, Sebastian\n",
         ("S. Thrun", "Stefan Thrun", "Sebastian Thrun")),
        ("ED  - Thrun, Stefan\nED  - Thrun, Sebastian\nA2  - Thrun, S.\n",
         ("Stefan Thrun", "Sebastian Thrun", "S. Thrun")),
    ):
        problems = Problems()
        (record,) = _ris("AU  - Caruana, Rich\n" + body, problems, "CHAP")
        assert record.editors == expected, body
        assert not problems.items, problems.format()


def test_an_ris_authored_books_a2_without_a3_is_its_series_editors_not_its_own():
    # (ed1: Zotero writes an authored book's series editors under A2 and, with no editors
    # of its own, no A3: the page said "edited by" its series' editors.) The model has no
    # place for a series' editors: they are left out, as a chapter's A3 is (said too). A book with
    # no author still reads A2 as its editors (the RIS specification's), and ED is read.
    problems = Problems()
    (record,) = _ris("AU  - Bishop, Christopher M.\nA2  - Jordan, Michael\nA2  - Kleinberg, Jon\n",
                     problems)
    assert (record.authors, record.editors) == (("Christopher M. Bishop",), ())
    # (rev109: they were left out without a word.) Said at the first A2 (line 4), with the names.
    assert [(str(p.location), p.message) for p in problems.items] == [("lab.ris:4:1", (
        "A2 of this authored book ('Jordan, Michael'; 'Kleinberg, Jon') left out: an authored book's A2"
        " names its series' editors (Zotero's), which no page shows; write them in its file's `editors`"
        " if they edited the book itself"))]
    problems = Problems()
    (record,) = _ris("AU  - Bishop, Christopher M.\nED  - Nasrabadi, Nasser\nA2  - Jordan, Michael\n",
                     problems, "EBOOK")
    assert record.editors == ("Nasser Nasrabadi",)
    assert [p.message[:30] for p in problems.items] == ["A2 of this authored book ('Jor"]
    # (An A2 naming one ED names too is no editor left out: not said.)
    problems = Problems()
    (record,) = _ris("AU  - Bishop, Christopher M.\nED  - Nasrabadi, Nasser\nA2  - Nasrabadi, Nasser\n",
                     problems, "EBOOK")
    assert record.editors == ("Nasser Nasrabadi",)
    assert not problems.items, problems.format()
    problems = Problems()
    (record,) = _ris("A2  - Thrun, Sebastian\n", problems)
    assert record.editors == ("Sebastian Thrun",)
    assert not problems.items, problems.format()


def test_an_editor_named_twice_is_said_of_editors_not_authors():
    # (bk3: "the author list of entry 'ch' names the same author ... as authors 1 and 3"
    # was said of its `editor` field.)
    problems = Problems()
    (record,) = parse_text(
        "@incollection{ch,\n  title = {A Chapter},\n  author = {Caruana, Rich},\n"
        "  editor = {Thrun, Sebastian and Pratt, Lorien and Thrun, Sebastian},\n"
        "  booktitle = {Learning to Learn},\n  year = {1998},\n}\n",
        "lab.bib", problems,
    )
    assert record.editors == ("Sebastian Thrun", "Lorien Pratt", "Sebastian Thrun")
    assert problems.format() == (
        "lab.bib:4:3: warning: the editor list of entry 'ch' names the same editor more than once"
        " ('Sebastian Thrun' as editors 1 and 3); kept as written: delete the one too many, or"
        " write the editor meant"
    )


DAY = dt.date(2026, 1, 2)
CHAPTER = (
    "@incollection{ch,\n  title = {A Chapter of Its Own},\n  editor = {Smith, Jane and Doe, John},\n"
    "  booktitle = {Handbook of Learning},\n  year = {2019},\n}\n"
)


def _import(tmp_path, text):
    path = tmp_path / "lab.bib"
    path.write_text(text, encoding="utf-8")
    return import_paths([path], tmp_path / "content", added=DAY)


def test_the_warning_of_no_author_is_said_again_until_the_curator_writes_the_authors(tmp_path):
    # (bk2: the warning was said on every re-import, even once the curator had written the
    # authors; and a chapter's editors were nowhere in its file.)
    said = f"{tmp_path / 'lab.bib'}:3:3: warning: entry 'ch' {WARNING}"
    report = _import(tmp_path, CHAPTER)
    assert [str(w) for w in report.warnings] == [said]
    paper = tmp_path / "content" / "papers" / "a-chapter-of-its-own.yml"
    text = paper.read_text(encoding="utf-8")
    assert "authors: []\neditors:\n  - Jane Smith\n  - John Doe\n" in text
    # Still no authors: said again (there is still something to do).
    assert [str(w) for w in _import(tmp_path, CHAPTER).warnings] == [said]
    paper.write_text(text.replace("authors: []\n", "authors: [Ann Writer]\n"), encoding="utf-8")
    report = _import(tmp_path, CHAPTER)
    assert report.warnings == [] and report.updated == []
    assert "authors: [Ann Writer]\n" in paper.read_text(encoding="utf-8")


BOOK = (
    "@book{handbook,\n  title = {Handbook of Learning},\n  editor = {Smith, Jane and Doe, John},\n"
    "  publisher = {MIT Press},\n  year = {2019},\n}\n"
)
BK1_FILE = (
    "authors:\n  - Jane Smith\n  - John Doe\nyear: 2019\npublisher: MIT Press\n"
)


def _as_bk1_wrote_it(tmp_path, monkeypatch):
    """The book imported as bk1's importer read it: its editors as its authors."""
    import generator.ingest.bibtex as bibtex

    parse = bibtex._record

    def older(*args, **kwargs):
        from dataclasses import replace

        record = parse(*args, **kwargs)
        return replace(record, authors=record.editors, editors=(), read_before=()) if record is not None else None

    with monkeypatch.context() as m:
        m.setattr(bibtex, "_record", older)
        assert _import(tmp_path, BOOK).added == ["handbook-of-learning"]
    # (The entries' readings kept for the next import: that older reader's.)
    shutil.rmtree(tmp_path / ".cache")
    paper = tmp_path / "content" / "papers" / "handbook-of-learning.yml"
    assert BK1_FILE in paper.read_text(encoding="utf-8")
    return paper


def test_an_edited_book_an_earlier_import_gave_its_editors_as_authors_has_them_as_editors(tmp_path, monkeypatch):
    paper = _as_bk1_wrote_it(tmp_path, monkeypatch)
    report = _import(tmp_path, BOOK)
    assert report.updated == ["handbook-of-learning"] and report.warnings == []
    text = paper.read_text(encoding="utf-8")
    assert "authors: []\neditors:\n  - Jane Smith\n  - John Doe\nyear: 2019\n" in text
    again = _import(tmp_path, BOOK)  # (and stays so)
    assert again.updated == [] and paper.read_text(encoding="utf-8") == text


def test_an_edited_books_authors_the_curator_changed_stay(tmp_path, monkeypatch):
    paper = _as_bk1_wrote_it(tmp_path, monkeypatch)
    text = paper.read_text(encoding="utf-8").replace("  - John Doe\n", "  - John Doe\n  - Kate Lee\n")
    paper.write_text(text, encoding="utf-8")
    _import(tmp_path, BOOK)
    now = paper.read_text(encoding="utf-8")
    assert "authors:\n  - Jane Smith\n  - John Doe\n  - Kate Lee\neditors:\n  - Jane Smith\n  - John Doe\n" in now


def test_a_markdown_lists_chapter_imported_before_its_editors_were_read_gains_them(tmp_path, monkeypatch):
    import generator.ingest.markdownlist as markdownlist

    text = (
        "# A List\n\n- [Some Chapter](https://example.org/ch.pdf) - Maria Garcia. In J. Smith and K. Lee (Eds.),"
        " Handbook of Learning (pp. 1-20). Springer, 2019.\n"
    )
    path = tmp_path / "list.md"
    path.write_text(text, encoding="utf-8")
    with monkeypatch.context() as m:
        m.setattr(markdownlist, "_chapter_editors", lambda found: ())
        assert import_paths([path], tmp_path / "content", added=DAY).added == ["some-chapter"]
    paper = tmp_path / "content" / "papers" / "some-chapter.yml"
    before = paper.read_text(encoding="utf-8")
    assert "editors" not in before
    report = import_paths([path], tmp_path / "content", added=DAY)
    assert report.updated == ["some-chapter"] and report.conflicts == []
    assert paper.read_text(encoding="utf-8") == before.replace(
        "  - Maria Garcia\n", "  - Maria Garcia\neditors:\n  - J. Smith\n  - K. Lee\n"
    )


def test_authors_a_curator_typed_back_after_the_import_took_them_out_stay(tmp_path, monkeypatch):
    # (rev103) The import that took bk1's authors out left them in the record of what the
    # importer took: typed back by hand (the book is by them), each re-import emptied them.
    paper = _as_bk1_wrote_it(tmp_path, monkeypatch)
    assert _import(tmp_path, BOOK).read_before != []
    text = paper.read_text(encoding="utf-8")
    assert "authors: []\n" in text
    curated = text.replace("authors: []\n", "authors:\n  - Jane Smith\n  - John Doe\n")
    paper.write_text(curated, encoding="utf-8")
    for _ in range(2):
        report = _import(tmp_path, BOOK)
        assert (report.read_before, report.updated) == ([], [])
        assert paper.read_text(encoding="utf-8") == curated


def test_authors_another_source_gave_stay_when_this_one_names_them_editors(tmp_path):
    # (rev103) Not bk1's reading of this entry but another library's entry of the book,
    # which names them its authors: no misreading to take back (it emptied the list, and
    # said an earlier import had taken the editors for its authors).
    other = tmp_path / "scholar.bib"
    other.write_text(BOOK.replace("{handbook,", "{smith2019handbook,").replace("editor =", "author ="), encoding="utf-8")
    assert import_paths([other], tmp_path / "content", added=DAY).added == ["handbook-of-learning"]
    paper = tmp_path / "content" / "papers" / "handbook-of-learning.yml"
    assert BK1_FILE in paper.read_text(encoding="utf-8")
    report = _import(tmp_path, BOOK)
    assert report.read_before == []
    assert "authors:\n  - Jane Smith\n  - John Doe\neditors:\n  - Jane Smith\n  - John Doe\n" in paper.read_text(
        encoding="utf-8"
    )


def test_a_markdown_lists_edited_book_an_earlier_import_gave_its_editors_as_authors_has_them_as_editors(
    tmp_path, monkeypatch
):
    # (imp38) The list's edited book was by its editors, of the venue "MIT Press"; read
    # again, they are its editors and MIT Press its publisher (the earlier reading's
    # venue is in the record's mark: rev103's check that this record wrote them).
    import generator.ingest.markdownlist as markdownlist

    path = tmp_path / "list.md"
    path.write_text(
        "# A List\n\n- Jane Smith and John Doe (eds.), [Handbook of Learning](https://example.org/h.pdf),"
        " MIT Press, 2019\n",
        encoding="utf-8",
    )
    parse = markdownlist.parse_markdown_list

    def older(*args):
        from dataclasses import replace

        return [
            replace(r, authors=r.editors, editors=(), venue=r.publisher, publisher="", read_before=())
            for r in parse(*args)
        ]

    with monkeypatch.context() as m:
        m.setattr(markdownlist, "parse_markdown_list", older)
        assert import_paths([path], tmp_path / "content", added=DAY).added == ["handbook-of-learning"]
    shutil.rmtree(tmp_path / ".cache", ignore_errors=True)
    paper = tmp_path / "content" / "papers" / "handbook-of-learning.yml"
    before = paper.read_text(encoding="utf-8")
    assert "authors:\n  - Jane Smith\n  - John Doe\nyear: 2019\nvenue: MIT Press\n" in before
    report = import_paths([path], tmp_path / "content", added=DAY)
    assert report.conflicts == [] and len(report.read_before) == 2
    assert "authors: []\neditors:\n  - Jane Smith\n  - John Doe\nyear: 2019\npublisher: MIT Press\n" in paper.read_text(
        encoding="utf-8"
    )


# A Zotero chapter: no ID and no DOI (a record the import knows by neither), its editor
# initialled under ED and named in full under A2.
THRUN_CHAPTER = (
    "TY  - CHAP\nTI  - Learning Many Related Tasks at the Same Time\nAU  - Caruana, Rich\n"
    "ED  - Thrun, S.\nED  - Pratt, Lorien\nA2  - Thrun, Sebastian\nA2  - Pratt, Lorien\n"
    "T2  - Learning to Learn\nPY  - 1998\nPB  - Springer\nER  - \n"
)


def _ris_imported_as_ed1_read_it(tmp_path, monkeypatch, text=THRUN_CHAPTER):
    """The chapter imported as the reader before ed1's merge read its editors: 'Thrun, S.'
    under ED and 'Thrun, Sebastian' under A2 as two editors."""
    import generator.ingest.ris as ris

    path = tmp_path / "lab.ris"
    path.write_text(text, encoding="utf-8")
    with monkeypatch.context() as m:
        m.setattr(ris, "_initialled_at", lambda *args: None)
        assert import_paths([path], tmp_path / "content", added=DAY).added == [
            "learning-many-related-tasks-at-the-same-time"
        ]
    shutil.rmtree(tmp_path / ".cache", ignore_errors=True)
    paper = tmp_path / "content" / "papers" / "learning-many-related-tasks-at-the-same-time.yml"
    assert "editors:\n  - S. Thrun\n  - Lorien Pratt\n  - Sebastian Thrun\nyear: 1998\n" in paper.read_text(
        encoding="utf-8"
    )
    return path, paper


def test_an_ris_editor_an_earlier_import_read_as_two_is_one_in_the_file_after_a_re_import(tmp_path, monkeypatch):
    # (ed2: the re-import read one editor, but the file kept both names, and a keyless
    # record's said a conflict.) What the earlier import wrote, untouched since, is its
    # own misreading: the editors as read now, said.
    path, paper = _ris_imported_as_ed1_read_it(tmp_path, monkeypatch)
    report = import_paths([path], tmp_path / "content", added=DAY)
    assert (report.conflicts, report.updated) == ([], ["learning-many-related-tasks-at-the-same-time"])
    assert [str(change) for change in report.read_before] == [
        "editors: learning-many-related-tasks-at-the-same-time now 'Sebastian Thrun; Lorien Pratt' (was"
        " 'S. Thrun; Lorien Pratt; Sebastian Thrun': one editor named under both ED and A2, whom an earlier"
        " import took for two)"
    ]
    text = paper.read_text(encoding="utf-8")
    assert "editors:\n  - Sebastian Thrun\n  - Lorien Pratt\nyear: 1998\n" in text
    again = import_paths([path], tmp_path / "content", added=DAY)  # (and stays so)
    assert (again.updated, again.read_before) == ([], []) and paper.read_text(encoding="utf-8") == text


def test_ris_editors_a_curator_wrote_after_an_earlier_import_read_them_as_two_stay(tmp_path, monkeypatch):
    # The curator's: edited since, or with a comment beside them, they are theirs.
    path, paper = _ris_imported_as_ed1_read_it(tmp_path, monkeypatch)
    before = paper.read_text(encoding="utf-8")
    for curated in (
        before.replace("  - Lorien Pratt\n", "  - L. Pratt\n"),
        before.replace("editors:\n", "editors:  # as the book's cover\n"),
    ):
        paper.write_text(curated, encoding="utf-8")
        report = import_paths([path], tmp_path / "content", added=DAY)
        assert report.read_before == [] and paper.read_text(encoding="utf-8") == curated


def test_an_ris_records_editor_names_are_each_read_once_though_read_as_earlier_imports_read_them(monkeypatch):
    # (rev114: the readings of earlier imports, for the read-before correction, read each
    # name again, twice, and looked for a repeat's line again: 10,000 chapters with their
    # editors under ED and A2 took 70% more CPU time to read, BENCHMARKS.md.) Each written
    # name is read once; the editors as before.
    import generator.ingest.ris as ris

    getattr(ris._author, "cache_clear", lambda: None)()  # (names other tests read)
    read: list[str] = []
    real = ris.source_name
    monkeypatch.setattr(ris, "source_name", lambda name: read.append(name) or real(name))
    problems = Problems()
    (record,) = _ris(
        "AU  - Caruana, Rich\nED  - Thrun, S.\nED  - Pratt, Lorien\nED  - Pratt, Lorien\n"
        "A2  - Thrun, Sebastian\nA2  - Pratt, Lorien\n", problems, "CHAP",
    )
    assert record.editors == ("Sebastian Thrun", "Lorien Pratt", "Lorien Pratt")
    assert [earlier.values for earlier in record.read_before if earlier.names == ("editors",)] == [
        (("S. Thrun", "Lorien Pratt", "Lorien Pratt", "Sebastian Thrun"),),  # (A2's Pratt was ED's)
        (("S. Thrun", "Lorien Pratt", "Lorien Pratt", "Sebastian Thrun", "Lorien Pratt"),),  # (each its own)
    ]
    # (said once, by the reading of now, at ED's second Pratt)
    assert [(str(p.location), p.message.split(";")[0]) for p in problems.items] == [("lab.ris:6:1", (
        "the editor list of this record names the same editor more than once ('Lorien Pratt' as editors 2 and 3)"))]
    assert sorted(read) == sorted(set(read)) == ["Caruana, Rich", "Pratt, Lorien", "Thrun, S.", "Thrun, Sebastian"]
