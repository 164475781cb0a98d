"""Words marked "+" (required) and "-" (prohibited) typed in the real search box, in
headless Chromium: what they ask, as `readinglist search` answers it
(generator/search.py's _presence), and what "No page found" says of them."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from generator.search import MaterialSearch, _refine, count_line, load_index

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
    # (and how many of them have every word: "+merging models" lists pages with both)
    found = engine.find(query)
    line = page.locator(".md-search-result__meta").inner_text()
    assert line == count_line(len(found.hits), found.every, found.words)


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


@pytest.mark.example
@pytest.mark.parametrize("query, said", [
    ("+the", "\u201cthe\u201d is"), ("the", "\u201cthe\u201d is"), ("of +the", "\u201cof\u201d and \u201cthe\u201d are"),
    ("I", "\u201cI\u201d is"),
    # (A field's word, and such words joined: these were told to try a shorter word.)
    ("title:the", "\u201cthe\u201d is"), ("the-the", "\u201cthe\u201d is"),
    # (its lone "s" left out, "the's" looks for "the" alone)
    ("the's", "\u201cthe\u201d is"),
])
def test_a_query_of_words_too_common_to_search_says_so(page, query, said):
    # (The last session's left-out: "+the" said a page must have every word marked "+",
    # and "the" to try another spelling; lunr searches neither. search.py's common_tip.)
    assert result_hrefs(page, query) == []
    meta = page.locator(".md-search-result__meta").inner_text()
    assert meta.startswith("No page found")
    assert f"{said} too common to search: add a word to search for, or browse all papers." in meta
    assert "marked" not in meta and "spelling" not in meta
    assert page.locator(".md-search-result__meta").get_by_role("link", name="all papers").count() == 1
    # A word to search for beside them finds pages.
    assert result_hrefs(page, f"{query} merging")


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


@pytest.mark.example
def test_the_worker_leaves_out_the_pages_without_a_required_word_and_keeps_the_rest_whole(page, site_dir):
    # (A reviewer's measure: lunr, which has no clause for "any of these terms", lists
    # every page with the other words; at 10,000 papers "+transfer learning" went from
    # 425 ms to 535.) The worker leaves out the groups the page's rankByWords would:
    # those where no entry finds a term of a required word. Every other group is as
    # without it: its sections too, even one without the word ("+papers topic": a
    # topic page's "All papers in this topic"), their scores, terms and order.
    engine = MaterialSearch(load_index(site_dir))
    asks = []
    for query in ("+merging models", "+transfer learning", "+multi-task learning", "+llms +agents", "+papers topic"):
        refined = _refine(query, engine.separator.pattern, engine.base_forms, engine.vocabulary)
        asks.append([" ".join(refined.terms), [list(word) for word in refined.required]])
    page.goto("")
    worker = page.evaluate("JSON.parse(document.querySelector('#__config').textContent).search")
    url = f"assets/javascripts/workers/readinglist-search.js?worker={worker[worker.rindex('/') + 1:]}"
    answers = page.evaluate(WORKER_RANKING, [url, [{"data": q, "required": r} for q, r in asks for r in ([], r)], True])
    def finds(entries, word):
        return any(entry[2].get(term) is True for entry in entries for term in word)

    lacking = 0  # sections kept that find a required word nowhere in themselves
    for (query, required), every, kept in zip(asks, answers[::2], answers[1::2]):
        expected = [group for group in every if all(finds(group, word) for word in required)]
        assert kept == expected and len(kept) < len(every), query
        lacking += sum(1 for group in kept for entry in group
                       if "#" in entry[0] and not all(finds([entry], word) for word in required))
    assert lacking > 0


@pytest.mark.example
def test_a_word_marked_required_that_no_page_has_asks_the_worker_nothing(page, site_dir):
    # (lunr listed every page with "merging", each then left out.) The box asks the
    # worker "" (answered with nothing at once), says "No page found" and what the marks
    # asked, as `readinglist search` does (search.Refined.nothing).
    assert result_hrefs(page, "+zebraqq merging") == []
    meta = page.locator(".md-search-result__meta").inner_text()
    assert meta.startswith("No page found") and "A page must have every word marked" in meta
    config = load_index(site_dir)["config"]
    asked = page.evaluate(
        "([queries, separator, inflections, vocabulary]) => queries.map(q => window.readinglistRefine("
        "q, new RegExp(separator), window.readinglistByForm(inflections), window.readinglistVocabulary(vocabulary)))",
        [["+zebraqq merging", "+merg models"], config["separator"], config["inflections"], config["vocabulary"]])
    assert asked[0] == "" and asked[1].startswith("merg merg^3")


@pytest.mark.example
def test_the_browser_tells_a_marked_word_no_page_has_as_python_does(page, site_dir):
    # readinglist.js's own test of "no word of the index begins with any of the marked
    # word's terms" (it then asks the worker "") against search.py's Refined.nothing,
    # over marked words of each kind _refine reads apart: prefixes, misspelt (fuzzy),
    # hyphenated (ranked whole or by halves), accented and foldable, capitals, lone
    # letters, stop words, digits, several marks and "-" mixed in, syntax beside them.
    from generator.lemmas import by_form
    from generator.search import Vocabulary, refine_query

    config = load_index(site_dir)["config"]
    separator = config["separator"]
    queries = ["+zebraqq merging", "+merg models", "+trans", "+transfe learning", "+instrucion",
               "+zzqx", "+qz", "+multi-task", "+multi-zebraqq", "+zebraqq-task", "+chain-of-thought",
               "+Tülu", "+tülux", "+naïve", "+Straße", "+İnstruction", "+MERGING", "+I/O", "+x/zq",
               "+the +merging", "+the", "+of zebraqq", "+2106.09685", "+9999.99999", "+gpt-4",
               "+gpt-4zq", "+merging +zebraqq", "+merging -zebraqq", "-merging +zebraqq",
               "+zebraqq title:merging", "+zebraqq merg*", "+ﬁne-tuning", "+ﬁnezq", "+模型",
               "+x²", "+zebraqq's", "+Don't", "+k-means", "+é-b"]
    page.goto("")
    asked = page.evaluate(
        "([queries, separator, inflections, vocabulary]) => { const forms = window.readinglistByForm(inflections);"
        " const words = window.readinglistVocabulary(vocabulary);"
        " return queries.map(q => window.readinglistRefine(q, new RegExp(separator), forms, words)); }",
        [queries, separator, config["inflections"], config["vocabulary"]])
    forms, vocabulary = by_form(config["inflections"]), Vocabulary(config["vocabulary"])
    nothing = [_refine(q, separator, forms, vocabulary).nothing for q in queries]
    expected = ["" if none else refine_query(q, separator, forms, vocabulary) for q, none in zip(queries, nothing)]
    assert asked == expected
    # (Both kinds are among them: the test tells the two apart.)
    assert 5 <= sum(nothing) <= len(queries) - 10, nothing


@pytest.mark.example
@pytest.mark.parametrize("query, said", [
    ("Bengio", "No paper in this list has an author named \u201cBengio\u201d, and no page writes it:"
               " try another spelling, or browse all papers."),
    ("2106.09685", "No paper in this list has the arXiv id 2106.09685, and no page writes it: browse all papers."),
])
def test_nothing_found_for_a_name_or_an_id_no_paper_has_says_so(page, query, said):
    # (A reader on the shipped site, whose list records authors and arXiv ids, none of
    # them these: "Bengio" and "2106.09685" were told to try a shorter word or another
    # spelling when it recorded neither. The shorter word is no help for either; a name
    # may be spelt otherwise, an id may not.)
    assert result_hrefs(page, query) == []
    meta = page.locator(".md-search-result__meta").inner_text()
    assert meta.startswith("No page found") and meta.endswith(said), meta
    assert "shorter" not in meta
    assert page.locator(".md-search-result__meta").get_by_role("link", name="all papers").count() == 1
