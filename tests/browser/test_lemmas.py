"""A word's other forms (generator/lemmas.py) in the real search box, in headless
Chromium: what it finds must be what `readinglist search` finds."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from generator.lemmas import by_form
from generator.search import MaterialSearch, count_line, load_index, more_line, query_words, refine_query

from .conftest import wait_for_search

# (example: the queries are about the shipped list's papers on pruning and merging.)
pytestmark = [pytest.mark.browser, pytest.mark.example]


def test_the_browser_adds_a_query_words_base_forms_as_python_does(page, site_dir):
    config = load_index(site_dir)["config"]
    queries = ["pruned Transformers merging", "better data", "Merged-models", "LLMs gnns",
               # names every JavaScript object has are no words of the map
               "constructor toString __proto__ hasOwnProperty valueOf"]
    page.goto("")
    in_browser = page.evaluate(
        "([queries, separator, inflections]) => queries.map(q => window.readinglistRefine("
        "q, new RegExp(separator), window.readinglistByForm(inflections)))",
        [queries, config["separator"], config["inflections"]],
    )
    forms = by_form(config["inflections"])
    assert in_browser == [refine_query(q, config["separator"], forms) for q in queries]
    assert "prune^1" in in_browser[0]
    assert "LLMs LLMs^3 llm^1 gnns gnns^3 gnn^1" == in_browser[3]  # (acronyms' plurals)
    # and the words a result is ranked by (search.rank_by_words)
    queries += ["multi-task Tülu-3 k-means I/O", "language models language",
                "the of and", "\"pruned models\" x", "+merging -survey title:agents mergng~1",
                "+pruned -models +multi-task +instrucion", "x", "LLMs' RNNs/LSTMs CNNs-based TPUs.", "Łukasz straße Æsir"]
    words = page.evaluate(
        "([queries, separator, inflections]) => queries.map(q => window.readinglistRefineWords("
        "q, new RegExp(separator), window.readinglistByForm(inflections)))",
        [queries, config["separator"], config["inflections"]],
    )
    assert words == [[list(w) for w in query_words(q, config["separator"], forms)] for q in queries]
    assert words[0][0] == ["pruned", "prune"]


def test_the_search_box_lists_first_the_papers_with_every_word_as_the_search_command(page, site_dir):
    # "pruned models": the paper on pruning that writes "models" was 47th in both, behind
    # every title with "models" (a word found through its base form weighs little).
    engine = MaterialSearch(load_index(site_dir))
    for query in ("pruned models", "agents benchmark"):
        expected = [hit.location for hit in engine.search(query)]
        page.goto("")
        page.locator(".md-search__input").press_sequentially(query)
        wait_for_search(page)  # (not the answer to its first keys)
        page.wait_for_function(
            "n => document.querySelectorAll('.md-search-result__item').length >= n", arg=10)
        hrefs = page.eval_on_selector_all(
            ".md-search-result__item", "items => items.map(li => li.querySelector('a').href)")
        found = [urlsplit(href).path.lstrip("/") for href in hrefs]
        assert found[:10] == expected[:10], query
    page.goto("")
    page.locator(".md-search__input").press_sequentially("pruned models")
    wait_for_search(page)
    page.wait_for_selector(".md-search-result__item")
    first = page.locator(".md-search-result__item").first.locator("a").first.get_attribute("href")
    assert urlsplit(first).path.endswith("/tame-task-agnostic-continual-learning-using-multiple-experts/")


def test_the_search_box_finds_other_forms_of_a_typed_word_as_the_search_command(page, site_dir):
    engine = MaterialSearch(load_index(site_dir))
    # No paper writes "pruned" (two write "pruning"); one writes "distilled", two more
    # "distilling" or "distill", and so does a topic page's reading order; a fourth's
    # code is the repository Prompt2Model-Self-Distill.
    for query, papers in (("pruned", 2), ("distilled", 4)):
        expected = [hit.location for hit in engine.search(query)]
        assert len([loc for loc in expected if loc.startswith("papers/")]) == papers
        page.goto("")
        page.locator(".md-search__input").press_sequentially(query)
        wait_for_search(page)  # (not the answer to its first keys)
        expect(page.locator(".md-search-result__item")).to_have_count(len(expected))
        hrefs = page.eval_on_selector_all(
            ".md-search-result__item", "items => items.map(li => li.querySelector('a').href)")
        found = [urlsplit(href).path.lstrip("/") for href in hrefs]
        assert found == expected, query


def test_a_result_found_by_a_base_form_does_not_say_the_typed_word_is_missing(page):
    # Material lists under a result the query's words it lacks. The two papers "pruned"
    # finds write "pruning": each said "Missing: pruned", and a paper found by "models"
    # alone said "Missing: pruned prune", a word the reader never typed.
    def missing(query: str) -> list[list[str]]:
        page.goto("")
        page.locator(".md-search__input").press_sequentially(query)
        wait_for_search(page)
        page.wait_for_selector(".md-search-result__item")
        return page.eval_on_selector_all(
            ".md-search-result__item > .md-search-result__link",
            "links => links.map(a => [...a.querySelectorAll('del')].map(d => d.textContent))")

    assert missing("pruned") == [[], []]
    found = missing("pruned models")
    assert ["pruned"] in found
    assert all("prune" not in words for words in found)
    # "transformers": the four titles that say "Transformer" lack nothing either.
    assert missing("transformers")[:7] == [[]] * 7


def test_a_result_never_says_it_lacks_a_spelling_the_reader_did_not_type(page):
    # The box also looks for a hyphenated word joined ("promptbased" for "Prompt-based",
    # search.variants). A result without the joined form said "Missing: promptbased",
    # a word the reader never typed, even under the topic titled "Prompt-based continual
    # learning"; and "chain-of-thought" said "Missing: chain chainofthought".
    def missing(query: str) -> dict[str, list[str]]:
        page.goto("")
        page.locator(".md-search__input").press_sequentially(query)
        wait_for_search(page)
        page.wait_for_selector(".md-search-result__item")
        return dict(page.eval_on_selector_all(
            ".md-search-result__item > .md-search-result__link",
            "links => links.map(a => [new URL(a.href).pathname.slice(1),"
            " [...a.querySelectorAll('del')].map(d => d.textContent)])"))

    found = missing("Prompt-based continual")
    assert found["topics/prompt-based-continual-learning/"] == []
    assert all("promptbased" not in words for words in found.values())
    # (A paper about prompts and not continual learning still lacks "continual".)
    assert found["papers/dont-stop-pretraining-make-prompt-based-fine-tuning-powerful-learner/"] == ["continual"]
    found = missing("chain-of-thought reasoning")
    assert all("chainofthought" not in words for words in found.values())
    # (A result without it lacks the word typed, not its half "chain".)
    assert any(words == ["chain-of-thought"] for words in found.values())
    assert all("chain" not in words for words in found.values())


def test_a_typed_word_found_by_its_joined_spelling_is_not_missing(page, site_dir):
    # A result that writes "multitask" and never "task" (prefix search finds "multi" in
    # it, not "task") said "Missing: task" for the query "multi-task".
    config = load_index(site_dir)["config"]
    page.goto("")
    terms = page.evaluate(
        "([separator, inflections]) => {"
        " const words = window.readinglistRefineWords('multi-task', new RegExp(separator),"
        "  window.readinglistByForm(inflections));"
        " const terms = {multi: true, task: false, multitask: true};"
        " window.readinglistFoldSpellings(terms, words); return terms; }",
        [config["separator"], config["inflections"]],
    )
    assert terms == {"multi": True, "task": True, "multitask": True}


def test_the_count_above_the_results_says_how_many_pages_have_every_word(page, site_dir):
    # Material counts the pages that have any one word of the query: a title pasted
    # whole said "201 matching documents", nearly every page of the site, for the one
    # paper it names (whose page comes first). A line of one wording for every query,
    # leading with the pages that have every word ("201 pages found, 10 with every
    # word" led with a number nearly every page reached by one common word).
    page.goto("")
    cases = [[pages, every, words] for words in (0, 1, 2, 3, 4) for pages in (0, 1, 2, 5, 201, 2294)
             for every in sorted({0, 1, pages // 2, pages}) if every <= pages]
    lines = page.evaluate("cases => cases.map(c => window.readinglistCountLine(...c))", cases)
    # (search.py's count_line, whose own test reads each wording off by hand)
    assert lines == [count_line(*case) for case in cases]
    mores = page.evaluate(
        "cases => cases.map(c => window.readinglistMoreLine(...c))", [[1, 2], [171, 2], [1, 3], [4, 4], [1060, 2]])
    assert mores == [more_line(1, 2), more_line(171, 2), more_line(1, 3), more_line(4, 4), more_line(1060, 2)]
    engine = MaterialSearch(load_index(site_dir))
    query = "Editing Models with Task Arithmetic"  # ("with" is a stop word, not searched)
    found = [hit.location for hit in engine.search(query)]
    every = set.intersection(
        *({hit.location for hit in engine.search(word)} for word in ("editing", "models", "task", "arithmetic"))
    )
    assert found[0] == "papers/editing-models-with-task-arithmetic/" and found[0] in every
    assert 1 < len(every) < len(found)
    meta = page.locator(".md-search-result__meta")
    box = page.locator(".md-search__input")
    box.press_sequentially(query)
    # (Material searches as each key is typed, so a line for part of the query can show
    # first: wait for the whole query's answer, and fail with what shows if it is not
    # the line expected.)
    wait_for_search(page)
    expect(meta).to_have_text(
        f"{len(every)} pages with every word, {len(found) - len(every)} more with some of them")
    # One word: the same words, without what only several words have.
    box.fill("")
    box.press_sequentially("arithmetic")
    arithmetic = len(engine.search("arithmetic"))
    assert arithmetic > 1
    # (The first keys' query, "a", is a stop word: "No page found" shows on the way.)
    wait_for_search(page)
    expect(meta).to_have_text(f"{arithmetic} pages found")
    # Nothing found: no "documents" either.
    box.fill("")
    box.press_sequentially("qqzzxxv")
    assert engine.search("qqzzxxv") == []
    wait_for_search(page)
    # (then what to try: test_access.test_a_search_that_finds_nothing_says_what_to_try...)
    expect(meta).to_have_text(re.compile(r"^No page found(?!s)"))
