"""Phrase search on the site: a phrase in double quotes finds a page only where its
words stand next to each other, in order, in one of its texts (readinglist.js's
readPhrases, readinglist-search.js's withPhrases), as `readinglist search` finds it
(search.py's read_phrases, MaterialSearch._phrase_filter): the same pages, in the same
order, under the same line, on test_search_agree's fixture list."""

from __future__ import annotations

import re

import pytest

from generator.search import MaterialSearch, load_index, read_phrases

from .test_search_agree import _shown, agree_site, answered_alike  # noqa: F401 (the fixture list, served)

pytestmark = [pytest.mark.browser]

QUERIES = [
    '"task vectors"', '"vectors task"', '"Task-Vectors of a second"', '"merging their lessons"',
    '"lessons merging"', '"help from sled makers"', '"sled makers"', 'makers -"sled makers"',
    'merging -"merging helps"', '-"merging helps"', '"C++ and CUDA"', '"kernels in C++"', '"Kaiming He"',
    '"he kaiming"', '"José Müller"', '"jose muller"', '"task vectors" +merging', '"of a second kind"',
    '"a second" "task vectors"', '"the c language" -"c programmers"',
    # (rev126: punctuation, accents, digits, an empty phrase, an unclosed quote, a
    # repeated word, fields and operators, and lunr's wildcard and fuzzy mark, which
    # make a phrase its words each required)
    '"GPT-4"', '"state-of-the-art"', "\"model's weights\"", '"Schölkopf"', '"3D models"', '"2.0"', '"Q&A"',
    '""', '"task vectors', '"task task task"', 'title:"task vectors"', '"task vectors" -merging',
    '"task vec*"', '"task vectros~1"', 'merging -"task vec*"', '"task vectors" task~1',
    # (a field before a phrase scopes it, marked "-" too, and a phrase of one word)
    '+title:"task vectors"', 'vectors -title:"task vectors"', '-title:"task vectors"', 'text:"task vectors"',
    'title:"task"', 'vectors -tags:"task arithmetic"', 'title:"task vec*"',
    # (rev131: "author:" before a phrase, read as "text:" as before a word)
    'author:"kaiming he"', 'makers -author:"jose muller"', '-Authors:"José Müller" makers', 'authors:"müller"',
    # (words joined by "&": the index splits its "&amp;")
    '"R&D"', 'Q&A', 'R&D', '"Q&A made"', 'quizzes -"Q&A"', 'title:"Q&A"', '"lukasz strasse"', '"Łukasz Straße"',
]


@pytest.mark.parametrize("query", QUERIES)
def test_a_phrase_is_answered_alike_on_the_site_and_in_the_terminal(open_context, agree_site, query):  # noqa: F811
    url, folder = agree_site
    answered_alike(open_context(base=url).new_page(), MaterialSearch(load_index(folder)), query)


def test_the_browser_reads_a_querys_phrases_as_python_does(open_context, agree_site):  # noqa: F811
    url, folder = agree_site
    separator = load_index(folder)["config"]["separator"]
    page = open_context(base=url).new_page()
    page.goto("")
    queries = [*QUERIES, '-"a b" "c-d" -"e" "f" "AT&T labs" "Tülu 3*"', '"learning to rank"', '"to be"',
                            '"task vec*" -"merging mod*" "a~1 b"']
    in_browser = page.evaluate(
        "([queries, separator]) => queries.map(q => {"
        " const read = window.readinglistReadPhrases(q, new RegExp(separator));"
        " return [read.text, read.phrases, read.unphrases]; })", [queries, separator])
    in_python = [[text, [list(p) for p in wanted], [list(p) for p in unwanted]]
                 for text, wanted, unwanted in (read_phrases(q, separator) for q in queries)]
    assert in_browser == in_python


def test_a_phrase_finds_the_pages_that_hold_it_on_the_site(open_context, agree_site):  # noqa: F811
    url, _ = agree_site
    page = open_context(base=url).new_page()

    def found(query):
        return sorted(re.sub(r"^papers/|/$", "", path) for path, _ in _shown(page, query)[0])
    # (checked by hand: "Task vectors of a second kind" is the one title of PAPERS with
    # "task vectors", and the fixture list's own "task-vectors" paper, its
    # "merging-by-arithmetic" ("task arithmetic on task vectors") and its topic
    # "task-arithmetic" ("Adding and negating task vectors.") write it; "Teaching agents by merging their lessons" is the one
    # with "merging their lessons"; every paper of PAPERS ends its abstract "with help
    # from sled makers", the one "makers" of the list; "Merging helps" is the one title
    # "merging helps", and its abstract repeats it)
    assert found('"task vectors"') == [
        "merging-by-arithmetic", "prefix-sharer", "task-vectors", "topics/task-arithmetic"]
    assert found('"vectors task"') == []
    assert found('"merging their lessons"') == ["teaching-agents"]
    assert found('"lessons merging"') == []
    assert found('makers -"sled makers"') == []
    without = found('merging -"merging helps"')
    assert "longer-doi" not in without and "teaching-agents" in without
    # (a field scopes the phrase: "Task vectors of a second kind" and the fixture list's
    # "Editing Models with Task Vectors" are the titles with it; it found the other two)
    assert found('title:"task vectors"') == ["prefix-sharer", "task-vectors"]
    without = found('vectors -title:"task vectors"')
    assert "merging-by-arithmetic" in without and "task-vectors" not in without
    # (test_search_agree's "qa-quizzes" alone writes "Q&A" and "R&D"; both found nothing)
    assert found('"Q&A"') == found("Q&A") == found('"R&D"') == found("R&D") == ["qa-quizzes"]
    # (and its "Łukasz Straße", folded by readinglist.js's table, which the worker is sent)
    assert found('"lukasz strasse"') == ["qa-quizzes"]
