"""Editors in the real search box (ed1), as `readinglist search` says them: a result
found by an editor's name names them under its title ("ed. Sebastian Thrun"), as text;
and a name no author and no editor has is said so, in the terminal's words."""

from __future__ import annotations

import pytest

from generator.search import MaterialSearch, editors_said, load_index

from .conftest import result_hrefs
from .sitebuild import served_fixture_site

pytestmark = [pytest.mark.browser]

PAPERS = {
    # (a chapter by its author, in a book its editors edited; a book of its editors
    # alone, one of whom writes markup in a name, one a stop word)
    "thrun-chapter": "title: Multitask learning\nauthors: [Rich Caruana]\nvenue: Learning to Learn\n"
                     "venue_kind: book\neditors: ['Thrun, Sebastian', Lorien Pratt]\n",
    "markup-book": "title: A handbook of learning\nauthors: []\npublisher: MIT Press\n"
                   "editors: ['Eve <img src=x onerror=window.rlPwned=1> {{ config }} Thrunley', Bernhard Schölkopf, Kaiming He]\n",
}


@pytest.fixture(scope="module")
def editors_site(tmp_path_factory):
    """The fixture list with PAPERS added, served: its address and its built site."""
    project = tmp_path_factory.mktemp("editors") / "project"

    def add(content) -> None:
        for name, rest in PAPERS.items():
            text = f"id: {name}\n{rest}year: 2024\nadded: 2026-11-27\nabstract: Learning together.\n"
            (content / "papers" / f"{name}.yml").write_text(text, encoding="utf-8")

    with served_fixture_site(project, add) as url:
        yield url, project / "site"


def _said(page) -> dict[str, list[str]]:
    """Each result's path and what it says of its editors."""
    return dict(page.eval_on_selector_all(
        ".md-search-result__item > .md-search-result__link",
        "links => links.filter(a => !new URL(a.href).hash).map(a => [new URL(a.href).pathname.replace(/^\\//, ''),"
        " [...a.querySelectorAll('.rl-result-editors')].map(p => p.textContent)])"))


@pytest.mark.parametrize(("query", "expected"), [
    ("Thrun", {"papers/thrun-chapter/": ["ed. Sebastian Thrun"],
               "papers/markup-book/": ["ed. Eve <img src=x onerror=window.rlPwned=1> {{ config }} Thrunley"]}),
    ("Scholkopf", {"papers/markup-book/": ["ed. Bernhard Schölkopf"]}),
    ("Caruana", {"papers/thrun-chapter/": []}),
    # (a name that is a stop word, found in the form the index holds it: "_he")
    ("He", {"papers/markup-book/": ["ed. Kaiming He"]}),
])
def test_a_result_found_by_an_editors_name_names_them_as_the_terminal_does(open_context, editors_site, query, expected):
    url, folder = editors_site
    page = open_context(base=url).new_page()
    assert result_hrefs(page, query)
    said = _said(page)
    assert said == expected
    # (the name shown as text: its markup neither rendered nor run)
    assert page.locator(".rl-result-editors img").count() == 0
    assert page.evaluate("window.rlPwned") is None
    hits = MaterialSearch(load_index(folder)).search(query)
    assert {hit.location: [editors_said(hit.editors)] if hit.editors else [] for hit in hits} == said


def test_a_name_no_author_and_no_editor_has_is_said_so_as_the_terminal_says_it(open_context, editors_site):
    url, folder = editors_site
    page = open_context(base=url).new_page()
    assert result_hrefs(page, "Vapnik") == []
    found = MaterialSearch(load_index(folder)).find("Vapnik")
    assert found.unrecorded == ('No page in this list names an author or editor "Vapnik", or writes it:'
                                " try another spelling, or browse")
    told = found.unrecorded.replace('"', "\u201c", 1).replace('"', "\u201d", 1)
    meta = page.locator(".md-search-result__meta").inner_text()
    assert meta == f"No page found\n{told} all papers.", meta


def _placed(page) -> dict[str, list]:
    """Each result's path, with what comes before its editors' line (the byline, or the
    title where it has no authors), and the words marked in that line."""
    return dict(page.eval_on_selector_all(
        ".md-search-result__item > .md-search-result__link",
        "links => links.filter(a => !new URL(a.href).hash && a.querySelector('.rl-result-editors')).map(a => {"
        " const said = a.querySelector('.rl-result-editors'); const before = said.previousElementSibling;"
        " return [new URL(a.href).pathname.replace(/^\\//, ''),"
        "  [before.querySelector(':scope > .rl-authors') ? 'byline' : before.tagName.toLowerCase(),"
        "   [...said.querySelectorAll('mark')].map(m => m.textContent)]]; })"))


@pytest.mark.parametrize(("query", "expected"), [
    # (a name's word marked whole, as Material marks the byline's: "Thrunley" by "Thrun")
    ("Thrun", {"papers/thrun-chapter/": ["byline", ["Thrun"]], "papers/markup-book/": ["h1", ["Thrunley"]]}),
    ("sebastian thrun", {"papers/thrun-chapter/": ["byline", ["Sebastian", "Thrun"]],
                         "papers/markup-book/": ["h1", ["Thrunley"]]}),
    ("Scholkopf", {"papers/markup-book/": ["h1", ["Schölkopf"]]}),
    ("He", {"papers/markup-book/": ["h1", ["He"]]}),
])
def test_a_results_editors_follow_its_byline_their_found_names_marked(open_context, editors_site, query, expected):
    # (ed2: the line came before the byline, under the title, and marked nothing.) As a
    # citation reads, its authors, then "ed. ..."; a book with no author names its
    # editors in the authors' place, under its title.
    url, _ = editors_site
    page = open_context(base=url).new_page()
    assert result_hrefs(page, query)
    assert _placed(page) == expected
    # (its text as before, the terminal's: test_a_result_found_by_an_editors_name_...)
    assert page.locator(".rl-result-editors img").count() == 0 and page.evaluate("window.rlPwned") is None
