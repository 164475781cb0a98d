"""Words marked "+" (required) and "-" (prohibited) typed in the real search box, in
headless Chromium: what they ask, as `readinglist search` answers it
(generator/search.py's _presence), and what "No page found" says of them."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from generator.search import MaterialSearch, load_index

from .conftest import result_hrefs

pytestmark = [pytest.mark.browser]


@pytest.mark.example
@pytest.mark.parametrize("query", ["+merg", "+merging models", "learning -multi-task", "+instrucion tuning"])
def test_marked_words_find_in_the_browser_what_the_terminal_finds(page, site_dir, query):
    # (Before, "+merg" found nothing, the exact word "merg" alone; "learning -multi-task"
    # left out each page with "multi", lunr's "-multi task*". The replica's answers are
    # checked against the list in tests/test_search.py.)
    engine = MaterialSearch(load_index(site_dir))
    expected = [hit.location for hit in engine.search(query)]
    shown = [urlsplit(href).path.lstrip("/") for href in result_hrefs(page, query)]
    # (Material draws the first results, and more as the list is scrolled; the line
    # above them counts them all.)
    assert expected and shown and shown == expected[:len(shown)]
    line = page.locator(".md-search-result__meta").inner_text()
    assert line.startswith(f"{len(expected)} pages found"), line


@pytest.mark.example
def test_nothing_found_for_marked_words_says_the_marks_left_every_page_out(page):
    # Every page with "merging" has "task" (the topic "Task arithmetic, model merging and
    # editing"); the tip blamed the reader's spelling.
    assert result_hrefs(page, "+merging -task") == []
    meta = page.locator(".md-search-result__meta").inner_text()
    assert meta.startswith("No page found")
    assert "A page must have every word marked \u201c+\u201d and none marked \u201c-\u201d" in meta
    assert "spelling" not in meta
    assert page.locator(".md-search-result__meta").get_by_role("link", name="all papers").count() == 1
    # (A query without marks is still told of spellings.)
    assert result_hrefs(page, "xqzvbw") == []
    assert "try a shorter word or another spelling" in page.locator(".md-search-result__meta").inner_text()
