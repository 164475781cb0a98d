"""An author searched by a name that is one of lunr's stop words ("He"), typed in the
real search box in headless Chromium: the site finds that author's papers as
`readinglist search` does (generator/search.py's name_forms), where it said '"He" is too
common to search'."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from generator.search import MaterialSearch, load_index

from .conftest import result_hrefs
from .sitebuild import served_fixture_site

pytestmark = [pytest.mark.browser]


def _authors(content) -> None:
    """Kaiming He writes two of the fixture's papers; a Kaiming of another name a third."""
    for name, authors in (
        ("task-vectors", "[Barbara Liskov, Kaiming He]"),
        ("gradient-episodic-memory", "[Kaiming He]"),
        ("replay-against-forgetting", "[Kaiming Wang, Alan Turing, others]"),
    ):
        path = content / "papers" / f"{name}.yml"
        text = path.read_text(encoding="utf-8")
        line = next(line for line in text.splitlines() if line.startswith("authors: "))
        path.write_text(text.replace(line, f"authors: {authors}", 1), encoding="utf-8")


@pytest.fixture(scope="module")
def authors_site(tmp_path_factory):
    project = tmp_path_factory.mktemp("authors") / "project"
    with served_fixture_site(project, _authors) as url:
        yield url, project / "site"


def _shown(page, query: str) -> tuple[str, list[str]]:
    """The line above the results of ``query``, and each result page's path."""
    hrefs = result_hrefs(page, query)
    return page.locator(".md-search-result__meta").inner_text(), [urlsplit(href).path.lstrip("/") for href in hrefs]


@pytest.mark.parametrize("query", ["He", "he", "+He", "Kaiming He"])
def test_an_author_named_by_a_stop_word_is_found_as_the_terminal_finds_them(open_context, authors_site, query):
    url, site = authors_site
    engine = MaterialSearch(load_index(site))
    expected = [hit.location for hit in engine.search(query)]
    line, shown = _shown(open_context(base=url).new_page(), query)
    assert shown == expected, line
    assert "too common" not in line
    # Kaiming He's two papers first (and, for "He", alone).
    assert sorted(shown[:2]) == ["papers/gradient-episodic-memory/", "papers/task-vectors/"]
    if query != "Kaiming He":
        assert len(shown) == 2 and line.startswith("2 pages found")
    else:
        assert "papers/replay-against-forgetting/" in shown[2:]


def test_a_stop_word_no_author_is_named_by_is_still_too_common(open_context, authors_site):
    url, _ = authors_site
    line, shown = _shown(open_context(base=url).new_page(), "she")
    assert shown == [] and "\u201cshe\u201d is too common to search" in line
