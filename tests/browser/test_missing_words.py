"""What a result lacks, in the real search box (its "Missing:" words) and as `readinglist
search` prints it ("(missing: ...)"), in headless Chromium: the terminal prints no score,
which read as the order, but the words that order the list, so they must be the site's."""

from __future__ import annotations

import pytest

from generator.search import MaterialSearch, load_index

from .test_fuzzy import _results

# (example: the queries are about the shipped list's papers.)
pytestmark = [pytest.mark.browser, pytest.mark.example]


@pytest.mark.parametrize("query", ["task vectors merging", "pruned models", "continual learning transformer",
                                   "Tülu instruction models", "multi-task routing", "he* merging"])
def test_the_words_a_result_lacks_are_the_sites(page, site_dir, query):
    hits = MaterialSearch(load_index(site_dir)).find(query).hits
    shown = _results(page, query)[:10]
    assert [path for path, _ in shown] == [hit.location for hit in hits[:10]]
    # (Not a topic's page: its entry may be shown without having matched, test_fuzzy.)
    papers = [(path, missing) for path, missing in shown if path.startswith("papers/")]
    assert papers == [(hit.location, list(hit.missing)) for hit in hits[:10] if hit.location.startswith("papers/")]
    assert any(missing for _, missing in papers)  # (the case: some lack a word)


@pytest.mark.parametrize("query", ["model merging survey"])
def test_a_page_found_by_a_word_in_one_of_its_sections_does_not_lack_it(page, site_dir, query):
    """The topic "Multi-task learning", counted as the one page with every word of
    "model merging survey" (it names its sub-topic "Task arithmetic, model merging and
    editing" in its section "Sub-topics"), said "Missing: merging" under its title,
    where the terminal says it lacks nothing (readinglist.js's pageFinds)."""
    found = MaterialSearch(load_index(site_dir)).find(query)
    first = found.hits[0]
    assert found.every == 1 and first.location.startswith("topics/") and first.missing == ()
    shown = _results(page, query)[:10]
    assert shown == [(hit.location, list(hit.missing)) for hit in found.hits[:10]]
