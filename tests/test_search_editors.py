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
