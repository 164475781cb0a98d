"""A hyphenated word typed in the real search box ("ROUGE-L", "GPT-4"), in headless
Chromium: the pages that write it whole, not those with its first half alone
(generator/search.py's _compounds), as `readinglist search` finds them."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

from generator.search import MaterialSearch, load_index

from .conftest import result_hrefs, wait_for_search
from .sitebuild import served_fixture_site

# (example, each test of the shipped list: its queries are about the list's papers.)
pytestmark = [pytest.mark.browser]

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


@pytest.mark.example
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


@pytest.mark.example
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


@pytest.mark.example
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


@pytest.mark.example
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
    assert in_browser[0] == ["context^3 incontext incontext^3 title:incontext^20 _in_context learning learning^3 title:learning^20",
                             [["in-context", "incontext", "_in_context"], ["learning"]]]
    assert in_browser[3][1] == [["tülu-3", "tülu3", "tulu3", "_tülu_3", "_tulu_3"]]
    # (No page writes "ROUGE L" or "GPT 4" with a space: no term looks for it.)
    assert "_" not in in_browser[4][0] + in_browser[5][0]



# Two papers added to the fixture list: one writes "chain-of-thought", so that the list
# has the hyphenated word (search.with_spaced looks only for those); the other writes
# it with spaces, and "chain" and "thought" each elsewhere too.
HYPHEN_PAPER = """id: cot-hyphen
title: Prompting with Chain-of-Thought
authors: [Grace Hopper]
year: 2022
added: 2026-11-26
abstract: |
  Chain-of-thought prompting elicits reasoning in large language models.
"""
SPACED_PAPER = """id: cot-spaced
title: Reasoning Step by Step
authors: [Alan Turing]
year: 2023
added: 2026-11-27
abstract: |
  A chain of prompts is not enough. We write a chain of thought before each answer,
  and each thought is checked.
"""


def _add_chain_of_thought(content) -> None:
    (content / "papers" / "cot-hyphen.yml").write_text(HYPHEN_PAPER, encoding="utf-8")
    (content / "papers" / "cot-spaced.yml").write_text(SPACED_PAPER, encoding="utf-8")


@pytest.fixture(scope="module")
def spaced_url(tmp_path_factory):
    with served_fixture_site(tmp_path_factory.mktemp("spaced") / "project", _add_chain_of_thought) as url:
        yield url


def test_a_result_found_by_a_hyphenated_word_written_with_spaces_highlights_it(open_context, spaced_url):
    """A page found by "chain-of-thought" only where it writes "chain of thought" showed
    no mark for it: the marks of its halves are taken out (a lone "chain" is no match),
    and the hyphenated word it does not write was all that was marked."""
    page = open_context(base=spaced_url).new_page()
    page.goto("")
    page.locator(".md-search__input").press_sequentially("chain-of-thought")
    wait_for_search(page)
    marks = page.eval_on_selector_all(
        ".md-search-result__item > .md-search-result__link",
        "links => links.map(a => [new URL(a.href).pathname,"
        " [...a.querySelectorAll('mark')].map(m => m.textContent)])")
    shown = page.locator(".md-search-result__link[href*='/papers/cot-spaced/'] p").all_inner_texts()
    assert "A chain of prompts" in " ".join(shown) and "each thought" in " ".join(shown), shown
    assert marks == [
        # The page that writes it whole first, its title's and its text's marked whole.
        ["/papers/cot-hyphen/", ["Chain-of-Thought", "Chain-of-thought"]],
        # The one that writes it with spaces: that phrase, not "a chain of prompts" nor
        # "each thought".
        ["/papers/cot-spaced/", ["chain of thought"]],
    ]


# Texts where a page may write a hyphenated word of the list with spaces, or seem to.
SPACED_TEXTS = [
    "We write a chain of thought.",
    "A chain. Of thought, a chain of prompts, each thought.",
    "They learn in context-aware ways, x-chain of thought, chain of thought-like.",
    "Chain\u00a0of\ufeffThought, and in\u2003context, and in\ncontext.",
    "In in context; chain of chain of thought; Tülu 3 and TÜLU\t3.",
    "in-context and chain-of-thought, written whole.",
    # In another accent spelling (the list writes "Tülu-3", "naive-Bayes").
    "We train Tulu 3, TULU 3 and Tülu 30; a naïve Bayes model, and NAÏVE BAYES.",
]


def test_the_browser_marks_a_hyphenated_word_written_with_spaces_where_python_finds_it(open_context, spaced_url):
    """The phrases readinglist.js marks in a result's text are those search.with_spaced
    finds a page by: halves next to each other apart only by white space, neither end
    joined to another word by a hyphen."""
    from generator.search import SEPARATOR, SPACE, Vocabulary, _escape, query_words, spaced_forms, with_spaced

    compounds = "in-context chain-of-thought tülu-3 naive-bayes"
    words = Vocabulary(" ".join(Vocabulary.order([
        "incontext", "chainofthought", "tülu3", "tulu3", "naivebayes",
        *spaced_forms("in-context"), *spaced_forms("chain-of-thought"), *spaced_forms("tülu-3"),
        *spaced_forms("naive-bayes")])))
    typed = [list(word) for word in query_words(compounds, SEPARATOR, None, words)]
    page = open_context(base=spaced_url).new_page()
    page.goto("")
    found = page.evaluate(
        "([texts, words]) => texts.map(text => window.readinglistSpacedPhrases(text, words)"
        ".map(([start, end]) => text.slice(start, end)))", [SPACED_TEXTS, typed])
    for text, phrases in zip(SPACED_TEXTS, found):
        docs = [{"title": "", "text": _escape(text), "tags": []}, {"title": "", "text": compounds, "tags": []}]
        variants = with_spaced(docs)[0].get("variants", "")
        marked = {form for phrase in phrases for form in spaced_forms("-".join(re.split(f"[{SPACE}]+", phrase)))}
        assert marked == set(variants.split()), (text, phrases)
    # (Checked by hand.)
    assert found == [
        ["chain of thought"],
        [],
        [],
        ["Chain\u00a0of\ufeffThought", "in\u2003context", "in\ncontext"],
        ["in context", "chain of thought", "Tülu 3", "TÜLU\t3"],
        [],
        ["Tulu 3", "TULU 3", "naïve Bayes", "NAÏVE BAYES"],
    ]


def _opened_marks(page, query: str) -> list[tuple[str, str, list[str]]]:
    """Each result page of ``query`` as its link opens it: its path, the link's query
    string and the words marked on the opened page (Material marks them once its index
    is loaded: the marks are waited for, or a second)."""
    hrefs = result_hrefs(page, query)
    opened = []
    for href in hrefs:
        page.goto(href)
        try:
            page.wait_for_selector("[data-md-component=content] mark", timeout=1500)
        except Exception:  # (a page none of whose words is marked)
            pass
        page.wait_for_timeout(300)  # (Material's marks after ours, or ours after its)
        opened.append((urlsplit(href).path, urlsplit(href).query, page.eval_on_selector_all(
            "[data-md-component=content] mark", "marks => marks.map(m => m.textContent)")))
    return opened


def test_the_page_a_result_opens_marks_a_hyphenated_word_as_the_result_list_does(open_context, spaced_url):
    """The page a result of "chain-of-thought" opened marked every lone "chain" and
    "thought" (Material's ?h=chain+thought+...: the halves, their other forms and the
    hidden term "_chain_of_thought"), where its result marked the word whole."""
    page = open_context(base=spaced_url).new_page()
    opened = _opened_marks(page, "chain-of-thought")
    assert [(path, marks) for path, _, marks in opened] == [
        # (Checked by hand: the paper's title, as its page's heading, its abstract and
        # its Cite block's BibTeX title.)
        ("/papers/cot-hyphen/", ["Chain-of-Thought", "Chain-of-thought", "Chain-of-Thought"]),
        # Not "A chain of prompts", nor "each thought".
        ("/papers/cot-spaced/", ["chain of thought"]),
    ]
    # No Material h: every term it had was the hyphenated word's (its halves, their
    # base forms, its hidden terms), each of which Material marks anywhere. The word as
    # typed, and written with spaces (a page of the list writes it so).
    for _, query, _ in opened:
        assert parse_qs(query) == {"hw": ["chain-of-thought", "chain of thought"]}, query


def test_the_page_a_result_opens_marks_a_plain_word_whole(open_context, spaced_url):
    """A query without a hyphenated word marks every "thought" the page writes, told
    so by hw= (a word's start, "thought*"; its base form "think" as a word), not by
    Material's ?h=, whose words it marks inside others too (tests/browser/test_whole_marks.py)."""
    page = open_context(base=spaced_url).new_page()
    opened = _opened_marks(page, "thought")
    spaced = [marks for path, _, marks in opened if path == "/papers/cot-spaced/"]
    assert spaced == [["thought", "thought"]], opened
    assert all(parse_qs(query) == {"hw": ["thought*", "think"]} for _, query, _ in opened), opened


@pytest.mark.example
def test_the_page_a_result_opens_marks_gpt_4_whole(page):
    """"GPT-4" opened pages with every "4" marked ("405B", "AIME24", "[4] of 17")."""
    opened = _opened_marks(page, "GPT-4")
    # (Checked by hand: the abstracts of the four results.)
    assert [marks for _, _, marks in opened] == [
        ["GPT-4"], ["GPT-4o-mini"], ["GPT-4o"], ["GPT-4o-mini"]], opened



def _content_marks(page) -> list[str]:
    """The words marked on the opened page, after each mark nested in another is
    counted as an error (a mark in a mark is two marks drawn over each other)."""
    assert page.locator("[data-md-component=content] mark mark").count() == 0, page.eval_on_selector_all(
        "[data-md-component=content] mark", "marks => marks.map(m => m.outerHTML)")
    return page.eval_on_selector_all("[data-md-component=content] mark", "marks => marks.map(m => m.textContent)")


# "chain-of-thought chain": a half of the hyphenated word typed again as a word of its
# own. (Checked by hand: cot-hyphen's title, abstract and, on its page, its Cite block's
# BibTeX title write "Chain-of-Thought"; cot-spaced's abstract writes a lone "chain" in
# "A chain of prompts" and "chain of thought" with spaces.)
HALF_TOO = "chain-of-thought chain"
HALF_TOO_RESULTS = {
    "/papers/cot-hyphen/": ["Chain-of-Thought", "Chain-of-thought"],
    "/papers/cot-spaced/": ["chain", "chain of thought"],
}
HALF_TOO_PAGES = {
    "/papers/cot-hyphen/": ["Chain-of-Thought", "Chain-of-thought", "Chain-of-Thought"],
    "/papers/cot-spaced/": ["chain", "chain of thought"],
}


def test_a_half_typed_as_a_word_too_leaves_the_hyphenated_word_marked_whole_in_the_results(open_context, spaced_url):
    """The result list of "chain-of-thought chain" kept Material's mark of "Chain" in
    "Chain-of-Thought" ("chain" is a word of the query) and marked no more of it."""
    page = open_context(base=spaced_url).new_page()
    page.goto("")
    page.locator(".md-search__input").press_sequentially(HALF_TOO)
    wait_for_search(page)
    assert page.locator(".md-search-result__list mark mark").count() == 0
    marks = page.eval_on_selector_all(
        ".md-search-result__item > .md-search-result__link",
        "links => links.map(a => [new URL(a.href).pathname,"
        " [...a.querySelectorAll('mark')].map(m => m.textContent)])")
    assert dict(marks) == HALF_TOO_RESULTS


def test_a_half_typed_as_a_word_too_leaves_the_page_opened_marked_whole(open_context, spaced_url):
    """On a page loaded anew, Material marked "Chain" inside the mark of
    "Chain-of-Thought" (it marks the query's words after readinglist.js there)."""
    page = open_context(base=spaced_url).new_page()
    hrefs = result_hrefs(page, HALF_TOO)
    assert sorted(urlsplit(href).path for href in hrefs) == sorted(HALF_TOO_PAGES)
    for href in hrefs:
        path = urlsplit(href).path
        page.goto(href)
        page.wait_for_selector("[data-md-component=content] mark")
        page.wait_for_timeout(1000)  # (Material's marks, once its index is loaded)
        assert _content_marks(page) == HALF_TOO_PAGES[path], path


def test_a_half_typed_as_a_word_too_leaves_the_page_opened_by_instant_navigation_marked_whole(open_context, spaced_url):
    """Opened from the result list (instant navigation, where Material marks first), the
    page kept Material's "Chain" in "Chain-of-Thought" and marked no more of it."""
    page = open_context(base=spaced_url).new_page()
    for path, marks in HALF_TOO_PAGES.items():
        page.goto("")
        page.locator(".md-search__input").press_sequentially(HALF_TOO)
        wait_for_search(page)
        page.locator(f".md-search-result__link[href*='{path}']").first.click()
        page.wait_for_url(f"**{path}?*")
        page.wait_for_selector("[data-md-component=content] mark")
        page.wait_for_timeout(500)
        assert _content_marks(page) == marks, path


def test_the_page_a_result_opens_is_told_only_the_words_typed_and_their_forms_shown(open_context, spaced_url):
    """The result's link carried in hw= the index's hidden terms ("chainofthought",
    "_chain_of_thought"); it carries the word typed and, where a page writes it so,
    the word written with spaces; and the word typed on its own, as a word's start
    (Material's h= held it, which it marked inside other words too)."""
    page = open_context(base=spaced_url).new_page()
    hrefs = result_hrefs(page, HALF_TOO)
    assert sorted(urlsplit(href).path for href in hrefs) == sorted(HALF_TOO_PAGES)
    for href in hrefs:
        assert parse_qs(urlsplit(href).query) == {
            "hw": ["chain-of-thought", "chain of thought", "chain*"]}, href


def test_a_hand_edited_hw_is_harmless(open_context, spaced_url):
    """hw= is the reader's to edit: what is not a hyphenated word, one written with
    spaces or one word (test_whole_marks.py) is ignored (no markup, no error, no other
    word marked); a word that is, in any case, is marked as a result's link would have
    it marked."""
    page = open_context(base=spaced_url).new_page()
    hostile = [
        '<img src=x onerror="window.rlInjected=1">', "</mark><b>x</b>", "-", "--", "a-", "-a",
        # (a word and a letter: a term each word's start was compared with, "c")
        "x-y c", "chain-of-thought chainofthought _chain_of_thought", "x" * 5000 + "-y",
        "chain  of thought", "\u202echain-of-thought", "",
    ]
    url = "papers/cot-hyphen/?" + urlencode([("hw", value) for value in hostile])
    page.goto(url)
    # (The page marks its words once the search index is loaded: readinglist.js marks
    # the search worker ready.)
    page.wait_for_function("() => performance.getEntriesByName('readinglist:search-ready').length > 0")
    page.wait_for_timeout(300)
    assert _content_marks(page) == []
    assert page.locator("[data-md-component=content] img, [data-md-component=content] b").count() == 0
    assert page.evaluate("window.rlInjected") is None
    page.goto(url + "&" + urlencode([("hw", "CHAIN-of-Thought")]))
    page.wait_for_selector("[data-md-component=content] mark")
    assert _content_marks(page) == HALF_TOO_PAGES["/papers/cot-hyphen/"]
