"""A hyphenated word typed in the real search box ("ROUGE-L", "GPT-4"), in headless
Chromium: the pages that write it whole, not those with its first half alone
(generator/search.py's _compounds), as `readinglist search` finds them."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from generator.search import MaterialSearch, load_index

from .conftest import wait_for_search

# (example: the queries are about the shipped list's papers.)
pytestmark = [pytest.mark.browser, pytest.mark.example]

HALF_ONLY = "papers/fine-tuning-language-models-from-human-preferences/"


def _shown(page, query: str) -> tuple[str, list[tuple[str, list[str]]]]:
    """The line above the results for ``query``, and each result page's path with its
    "Missing:" words."""
    page.goto("")
    page.locator(".md-search__input").press_sequentially(query)
    wait_for_search(page)
    line = page.locator(".md-search-result__meta").inner_text()
    results = page.eval_on_selector_all(
        ".md-search-result__item > .md-search-result__link",
        "links => links.filter(a => !new URL(a.href).hash)"
        ".map(a => [a.href, [...a.querySelectorAll('del')].map(d => d.textContent)])")
    return line, [(urlsplit(href).path.lstrip("/"), missing) for href, missing in results]


@pytest.mark.parametrize("query", ["ROUGE-L", "rouge-l", "GPT-4"])
def test_a_hyphenated_word_finds_the_pages_that_write_it_whole(page, site_dir, query):
    engine = MaterialSearch(load_index(site_dir))
    # (Checked by hand in content/papers: two abstracts write "ROUGE-L", a third
    # "ROUGE" alone; four write "GPT-4".)
    line, shown = _shown(page, query)
    paths = [path for path, _ in shown]
    assert paths == [hit.location for hit in engine.search(query)]
    assert len(paths) == (4 if query == "GPT-4" else 2)
    assert line == f"{len(paths)} pages found"
    assert HALF_ONLY not in paths  # ("ROUGE" alone; before, third)
    assert all(missing == [] for _, missing in shown), shown
    for path in paths:
        doc = engine.docs[path]
        assert query.lower() in (doc["title"] + doc["text"]).lower(), path


def test_a_hyphenated_word_finds_the_exact_word_first_and_highlights_it_whole(page, site_dir):
    """"GPT-4" put "Can 1B LLM Surpass 405B LLM?" (which writes "GPT-4o") first, its
    "405B" marked: the half "4" was looked for as a word's start."""
    engine = MaterialSearch(load_index(site_dir))
    _, shown = _shown(page, "GPT-4")
    paths = [path for path, _ in shown]
    assert paths == [hit.location for hit in engine.search("GPT-4")]
    # (Checked by hand: the one abstract that writes "GPT-4".)
    assert paths[0] == "papers/natural-language-reinforcement-learning/"
    marks = page.eval_on_selector_all(
        ".md-search-result__article", "articles => articles.map(a => [...a.querySelectorAll('mark')]"
        ".map(m => m.textContent))")
    # Each mark is a hyphenated word that begins with the one typed, whole: the first
    # result's "GPT-4", the others' "GPT-4o" and "GPT-4o-mini"; no "405B", no half.
    assert marks[0] == ["GPT-4"]
    assert all(marks[1:]), marks
    assert {mark for marked in marks for mark in marked} == {"GPT-4", "GPT-4o", "GPT-4o-mini"}


def test_a_result_without_a_hyphenated_word_says_it_lacks_the_word_typed(page):
    """A result of "GPT-4 reasoning" found by "reasoning" alone said "Missing: gpt", a
    half of the word typed (and one with "GPT" alone "Missing: 4")."""
    _, shown = _shown(page, "GPT-4 reasoning")
    missing = [words for _, words in shown]
    assert ["gpt-4"] in missing
    assert all(words in ([], ["gpt-4"], ["reasoning"]) for words in missing), missing
    # A page with every half of "chain-of-thought" as a word finds it: it lacks nothing.
    _, shown = _shown(page, "chain-of-thought")
    assert shown and all(words == [] for _, words in shown), shown


def test_the_browser_looks_for_a_hyphenated_word_written_with_spaces_as_python_does(page):
    """A hyphenated word is looked for written with spaces too ("_in_context":
    search.with_spaced), where the index has it so, in the browser as in Python."""
    from generator.search import SEPARATOR, Vocabulary, query_words, refine_query

    words = Vocabulary(" ".join(Vocabulary.order([
        "incontext", "_in_context", "multitask", "_multi_task", "chainofthought",
        "_chain_of_thought", "tülu3", "tulu3", "_tülu_3", "_tulu_3", "rougel", "gpt4o", "learning"])))
    queries = ["in-context learning", "Multi-Task", "Chain-of-Thought", "Tülu-3", "ROUGE-L", "GPT-4"]
    page.goto("")
    in_browser = page.evaluate(
        "([queries, separator, vocabulary]) => {"
        " const words = window.readinglistVocabulary(vocabulary);"
        " return queries.map(q => [window.readinglistRefine(q, new RegExp(separator), null, words),"
        "  window.readinglistRefineWords(q, new RegExp(separator), null, words)]); }",
        [queries, SEPARATOR, " ".join(words.words)],
    )
    assert in_browser == [
        [refine_query(q, SEPARATOR, None, words), [list(w) for w in query_words(q, SEPARATOR, None, words)]]
        for q in queries
    ]
    assert in_browser[0] == ["context^3 incontext incontext^3 _in_context learning learning^3",
                             [["in-context", "incontext", "_in_context"], ["learning"]]]
    assert in_browser[3][1] == [["tülu-3", "tülu3", "tulu3", "_tülu_3", "_tulu_3"]]
    # (No page writes "ROUGE L" or "GPT 4" with a space: no term looks for it.)
    assert "_" not in in_browser[4][0] + in_browser[5][0]

