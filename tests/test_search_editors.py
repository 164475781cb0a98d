"""Editors in the search index (bk3): the editors a paper's page names (a chapter's
book's, a book's own: `Paper.editors_place`) are found as its authors are, on the site
and by `readinglist search`; a proceedings' editors, whom a conference paper's page does
not name, are not."""

from __future__ import annotations

import copy
import json

from generator.cli import main
from generator.models import Paper, Site
from generator.search import SEPARATOR, MaterialSearch, shape_index

HOME = {
    "config": {"lang": ["en"], "separator": SEPARATOR, "pipeline": ["stopWordFilter"]},
    "docs": [{"location": "", "title": "Home", "text": "<p>hi</p>"}],
}
SITE = Site(
    papers=(
        Paper(id="chapter", title="Multitask Learning", abstract="Tasks together.", authors=("Rich Caruana",),
              editors=("Thrun, Sebastian", "Pratt, Lorien", "others"), venue="Learning to Learn",
              venue_kind="book"),
        # (An editor whose name is a stop word, and one written with an accent.)
        Paper(id="book", title="Handbook of Learning", abstract="A handbook.",
              editors=("Kaiming He", "Schölkopf, Bernhard"), publisher="MIT Press"),
        Paper(id="conf", title="Task Arithmetic", abstract="Task vectors.", authors=("Ada Lovelace",),
              editors=("Pratt, Lorien", "Alice Oh"), venue="ICLR", venue_kind="conference"),
    ),
    topics=(), assignments={}, related={},
)


def _shaped():
    return shape_index(copy.deepcopy(HOME), SITE)


def test_the_editors_a_page_names_are_found_and_a_proceedings_are_not():
    engine = MaterialSearch(_shaped())

    def found(query):
        return sorted(hit.location for hit in engine.search(query))

    assert found("Thrun") == ["papers/chapter/"]
    assert found("Pratt") == ["papers/chapter/"]  # (not the conference paper's proceedings)
    assert found("Alice") == [] and found("Oh") == []
    assert found("Schölkopf") == found("Scholkopf") == ["papers/book/"]
    assert found("He") == ["papers/book/"] and engine.find("He").common == ()
    # "others" is no editor's name ("et al." on the page).
    assert found("others") == []


def test_the_search_command_finds_a_books_editor(tmp_path, capsys):
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(_shaped()), encoding="utf-8")
    assert main(["search", "--site-dir", str(tmp_path), "Thrun"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("1 page found\n") and "papers/chapter/" in out


def test_a_name_no_author_and_no_editor_has_is_said_so_in_the_terminal(tmp_path, capsys):
    # (ed1: the tip said "No paper in this list has an author named ...", as if the index
    # held authors alone, and an edited books' list with no author was told it "records
    # no authors", as if a name could not be found; the editors a page names are found.)
    shaped = _shaped()
    assert shaped["config"]["recorded"] == ["authors", "editors"]
    assert MaterialSearch(shaped).find("Vapnik").unrecorded == (
        'No page in this list names an author or editor "Vapnik", or writes it:'
        " try another spelling, or browse")
    # (rev109: a proceedings' editor, in the conference paper's file but on no page, was
    # told "No paper in this list has an author or editor named": untrue.)
    assert MaterialSearch(shaped).find("Alice Oh").unrecorded == (
        'No page in this list names an author or editor "Alice Oh", or writes it:'
        " try another spelling, or browse")
    books = Site(papers=(SITE.papers[1],), topics=(), assignments={}, related={})
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text(
        json.dumps(shape_index(copy.deepcopy(HOME), books)), encoding="utf-8")
    assert main(["search", "--site-dir", str(tmp_path), "Vladimir Vapnik"]) == 1
    assert capsys.readouterr().out == (
        'No page found\nNo page in this list names an author or editor "Vladimir Vapnik",'
        " or writes it: try another spelling, or browse all papers.\n")
    # A list whose only editors are a proceedings' (no page names them) records none.
    conference = Site(papers=(SITE.papers[2],), topics=(), assignments={}, related={})
    assert shape_index(copy.deepcopy(HOME), conference)["config"]["recorded"] == ["authors"]


def test_a_result_found_by_an_editors_name_names_them_in_the_terminal(tmp_path, capsys):
    # (ed1: a result found by "Thrun" showed its title and address alone, nothing that
    # named him: its byline, on the site, names its authors only.) The editors whose
    # names found it, as a citation says them; none for a result found otherwise.
    site = Site(papers=(*SITE.papers, Paper(
        id="tagged", title="Tagged <b>editors</b>", abstract="Markup.", authors=("Rich Caruana",),
        editors=("Eve <b>Thrunley</b>\u001b[31m", "Thrun, Sebastian"), venue="A <i>Book</i>", venue_kind="book")),
        topics=(), assignments={}, related={})
    shaped = shape_index(copy.deepcopy(HOME), site)
    engine = MaterialSearch(shaped)
    assert {hit.location: hit.editors for hit in engine.search("Thrun")} == {
        "papers/chapter/": ("Sebastian Thrun",), "papers/tagged/": ("Eve <b>Thrunley</b>\u001b[31m", "Sebastian Thrun")}
    assert {hit.location: hit.editors for hit in engine.search("Scholkopf")} == {"papers/book/": ("Bernhard Schölkopf",)}
    assert {hit.location: hit.editors for hit in engine.search("He")} == {"papers/book/": ("Kaiming He",)}
    assert {hit.location: hit.editors for hit in engine.search("Caruana")} == {"papers/chapter/": (), "papers/tagged/": ()}
    # (the entry holds them as data, shown as text; a paper without editors has no key)
    docs = {doc["location"]: doc for doc in shaped["docs"]}
    assert docs["papers/tagged/"]["editors"] == ["Eve <b>Thrunley</b>\u001b[31m", "Sebastian Thrun"]
    assert "editors" not in docs["papers/conf/"]
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(shaped), encoding="utf-8")
    assert main(["search", "--site-dir", str(tmp_path), "Thrun"]) == 0
    assert capsys.readouterr().out == (
        "2 pages found\n"
        "1. Tagged <b>editors</b>\n   ed. Eve <b>Thrunley</b>\\x1b[31m and Sebastian Thrun\n   papers/tagged/\n"
        "2. Multitask Learning\n   ed. Sebastian Thrun\n   papers/chapter/\n")
    assert main(["search", "--site-dir", str(tmp_path), "Caruana"]) == 0
    assert "ed." not in capsys.readouterr().out


def test_an_ris_records_tex_accented_author_and_editor_are_found_with_or_without_the_accent():
    # (fix32: an RIS record's "Sch{\"o}lkopf, Bernhard", kept as written by the import,
    # was indexed as typed: "Scholkopf" and "Schölkopf" found nothing.) Read as its letters
    # on import (ris._author), the index folds its accent as any word's.
    from generator.errors import Problems
    from generator.ingest import parse_text

    (record,) = parse_text(
        'TY  - CHAP\nTI  - Kernel PCA\nAU  - M\\"uller, Klaus-Robert\nA2  - Sch{\\"o}lkopf, Bernhard\n'
        "T2  - Advances in Kernel Methods\nPY  - 1999\nER  - \n",
        "lab.ris", Problems(),
    )
    paper = Paper(id="kpca", title=record.title, abstract="Kernels.", authors=record.authors,
                  editors=record.editors, venue=record.venue, venue_kind=record.venue_kind)
    engine = MaterialSearch(shape_index(copy.deepcopy(HOME), Site(papers=(paper,), topics=(), assignments={}, related={})))
    for query in ("Scholkopf", "Schölkopf", "Muller", "Müller"):
        assert [hit.location for hit in engine.search(query)] == ["papers/kpca/"], query
    assert {hit.location: hit.editors for hit in engine.search("Scholkopf")} == {"papers/kpca/": ("Bernhard Schölkopf",)}
