"""Words marked "+" (required) and "-" (prohibited) typed in the real search box, in
headless Chromium: what they ask, as `readinglist search` answers it
(generator/search.py's _presence), and what "No page found" says of them."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from generator.search import MaterialSearch, load_index

from .conftest import WORKER_RANKING, result_hrefs

pytestmark = [pytest.mark.browser]


@pytest.mark.example
@pytest.mark.parametrize("query", ["+merg", "+merging models", "learning -multi-task", "+instrucion tuning",
                                   "+multi-task", "+transformers", "+gpt-4 models"])
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
@pytest.mark.parametrize("word", ["multi-task", "pruned", "llms"])
def test_a_word_marked_required_finds_in_the_browser_what_it_finds_unmarked(page, word):
    # (A reader's audit: "+multi-task" left out the pages that write "multitask", lunr
    # requiring its halves; "+pruned" found nothing, "prune" unrequired.)
    unmarked = result_hrefs(page, word)
    line = page.locator(".md-search-result__meta").inner_text()
    assert result_hrefs(page, f"+{word}") == unmarked
    assert page.locator(".md-search-result__meta").inner_text() == line


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


@pytest.mark.example
@pytest.mark.parametrize("query", ["-task", "-multi-task -the"])
def test_a_query_of_words_marked_excluded_only_finds_nothing_and_says_to_add_a_word(page, query):
    # (A reader's audit: "-task" listed every page without "task", lunr's answer to a
    # query of prohibited terms alone, Material's score of each NaN.)
    assert result_hrefs(page, query) == []
    meta = page.locator(".md-search-result__meta").inner_text()
    assert meta.startswith("No page found")
    assert "Words marked \u201c-\u201d only leave pages out: add a word to search for" in meta
    assert page.locator(".md-search-result__meta").get_by_role("link", name="all papers").count() == 1
    # A word to search for beside it finds pages again.
    assert result_hrefs(page, f"learning {query}")


def test_the_worker_answers_a_query_of_prohibited_terms_alone_with_nothing(page):
    # The search box asks nothing for such a query; a query it did not refine (typed
    # before the index reached the worker) is answered by the worker itself, which
    # listed every page without the term, each scored NaN.
    page.goto("")
    worker = page.evaluate("JSON.parse(document.querySelector('#__config').textContent).search")
    name = worker[worker.rindex("/") + 1:]
    url = f"assets/javascripts/workers/readinglist-search.js?worker={name}"
    answers = page.evaluate(WORKER_RANKING, [url, ["-task", "-task -merging", "-title:task", "merging -vision"]])
    answers = [len(pages) for pages in answers]
    assert answers[:3] == [0, 0, 0] and answers[3] > 5, answers
