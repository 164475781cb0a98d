"""A misspelt word in the real search box (generator/search.py: a word that begins no
word of the index is looked for as lunr's fuzzy term), in headless Chromium: what it
finds must be what `readinglist search` finds."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from generator.search import MaterialSearch, load_index

from .conftest import refined_both_ways, wait_for_search

# (example: the queries are about the shipped list's papers.)
pytestmark = [pytest.mark.browser, pytest.mark.example]


def test_the_browser_looks_for_a_misspelt_word_as_python_does(page, site_dir):
    config = load_index(site_dir)["config"]
    queries = ["instrucion tuning", "reinforcment learning", "tsk arithmetic", "mixtrue of experts",
               "Tüninng multi-tsak", "xq 2401.99999 x2yz", "instruction tuning", "reinforcmnt",
               # letters and cases the two languages might read apart
               "Straße Müllr naïvve Łukaszz Ørstedd ﬁnetuninng x²-loss Ångströmm İnstrucion"]
    page.goto("")
    in_browser, in_python = refined_both_ways(page, config, queries)
    assert in_browser == in_python
    assert in_browser[0][0] == "instrucion~2 title:instrucion~2^4 tuning tuning^3 title:tuning^20 tune^1"
    assert in_browser[0][1][0] == ["instrucion", "instruction", "instructions"]
    assert "~" not in in_browser[6][0]


def _results(page, query: str) -> list[tuple[str, list[str]]]:
    """The results the box shows for ``query``: each page's path and its "Missing:"
    words (its sections', listed under it, left out)."""
    page.goto("")
    page.locator(".md-search__input").press_sequentially(query)
    wait_for_search(page)  # (the answer to the whole query, not to its first keys)
    page.wait_for_function(
        "n => document.querySelectorAll('.md-search-result__item').length >= n", arg=10)
    return [
        (urlsplit(href).path.lstrip("/"), missing)
        for href, missing in page.eval_on_selector_all(
            ".md-search-result__item > .md-search-result__link",
            "links => links.filter(a => !new URL(a.href).hash)"
            ".map(a => [a.href, [...a.querySelectorAll('del')].map(d => d.textContent)])")
    ]


@pytest.mark.parametrize(
    ("query", "typed", "first"),
    [
        # (A topic's name finds its page first, misspelt too: search.TOPIC_BOOST.)
        ("instrucion tuning", "instrucion", "topics/instruction-tuning/"),
        ("reinforcment learning", "reinforcment", "topics/multi-task-reinforcement-learning/"),
        # (Among its first results, papers on continual learning that lack the word.)
        ("continual reinforcment", "reinforcment",
         "papers/learn-the-time-to-learn-replay-scheduling-in-continual-learning/"),
    ],
)
def test_a_misspelt_query_finds_the_right_papers_first_and_no_result_calls_it_missing_wrongly(
    page, site_dir, query, typed, first,
):
    # Before, the results matched the other word only, each saying "Missing: instrucion".
    engine = MaterialSearch(load_index(site_dir))
    expected = [hit.location for hit in engine.search(query)]
    shown = _results(page, query)
    assert [path for path, _ in shown][:10] == expected[:10]
    assert shown[0] == (first, [])
    # A paper's result says the typed word is missing exactly where the fuzzy term found
    # no word in its entry. (A topic's page entry may be shown without having matched.)
    near = set(engine.vocabulary.near(typed, 2))
    for path, missing in shown:
        if not path.startswith("papers/") or path == "papers/":
            continue
        doc = engine.docs[path]
        words = set(engine.tokenize(
            [value if isinstance(value, str) else " ".join(value)
             for name, value in doc.items() if name in engine.fields]))
        assert (typed in missing) == (not near & words), (path, missing)
    assert any(typed in missing for _, missing in shown) == query.startswith("continual")
