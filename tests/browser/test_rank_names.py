"""readinglist.js's rankByWords, run in the browser on results made by hand, against
search.rank_by_words: a page whose title is the query comes first, then a page with
another name that is the query (a topic's id's words, or a former id's: search.topic_entry);
a title that writes a word of the query before one with only a longer word it begins.

(The shipped list has no paper titled as a topic's id, so the site's own results never
put the two side by side.)"""

from __future__ import annotations

import re

import pytest

from generator.search import SEPARATOR, rank_by_words, written_term

from .sitebuild import ROOT

JS = (ROOT / "overrides" / "assets" / "readinglist.js").read_text(encoding="utf-8")


def _part(pattern: str) -> str:
    found = re.search(pattern, JS, re.S | re.M)
    assert found, pattern
    return found.group(0)


# The functions and what they read, out of the script's closure.
RANKING = "\n".join((
    _part(r"^  var STOP_WORDS = .*?\.split\(\" \"\)\);$"),
    _part(r"^  var LETTER = .*?;$"),
    _part(r"^  function titleWords\(.*?^  \}$"),
    _part(r"^  var LETTERS_ONLY = .*?;$"),
    _part(r"^  var LETTERS = \{.*?^  \};$"),
    _part(r"^  var LETTER_KEYS = .*?;$"),
    _part(r"^  function fold\(.*?^  \}$"),
    _part(r"^  var LINK_MARK = .*?;$"),
    _part(r"^  function isCompound\(.*?^  \}$"),
    _part(r"^  function spacedForms\(.*?^  \}$"),
    _part(r"^  function spacedTerms\(.*?^  \}$"),
    _part(r"^  function bySpaced\(.*?^  \}$"),
    _part(r"^  var DOI_MARK = .*?;$"),
    _part(r"^  var MENTION_END = .*?;$"),
    _part(r"^  function byMention\(.*?^  \}$"),
    _part(r"^  function isMention\(.*?^  \}$"),
    _part(r"^  var WRITTEN_MARK = .*?;$"),
    _part(r"^  function isWritten\(.*?^  \}$"),
    _part(r"^  function byPieces\(.*?^  \}$"),
    _part(r"^  function titledWords\(.*?^  \}$"),
    _part(r"^  function rankByWords\(.*?^  \}$"),
    _part(r"^  function longerInTitle\(.*?^  \}$"),
    _part(r"^  function wholeWordsFirst\(.*?^  \}$"),
))

def _in_browser(browser, pages, words) -> list[str]:
    """rankByWords's order of ``pages`` (location, title, names, terms), each a group of
    one result."""
    page = browser.new_page()
    try:
        return page.evaluate(
            "([source, groups, words, separator]) => {"
            " const rank = new Function(source + '; return rankByWords;')();"
            " const made = groups.map(([location, title, names, terms]) =>"
            "   [{location, title, names, terms}]);"
            " rank(made, words, new RegExp(separator));"
            " return made.map(group => group[0].location); }",
            [RANKING, pages, words, SEPARATOR],
        )
    finally:
        page.close()


WORDS = [["curriculum"], ["learning", "learn"]]
EVERY = {"curriculum": True, "learning": True}
# (location, title, names, terms), in the worker's order: the topic's boost first.
PAGES = [
    ("topics/curriculum-learning/", "Curricula and training order", ["curriculum learning"], EVERY),
    ("papers/curricula/", "Curricula for learning", [], EVERY),
    ("papers/curriculum-learning/", "Curriculum Learning", [], EVERY),
    ("papers/half/", "Curriculum", [], {"curriculum": True}),
]


# The same topic renamed training-order (`formerly: [curriculum-learning]`): the query is
# its second name, its former id's words.
RENAMED = [
    ("topics/training-order/", "Curricula and training order", ["training order", "curriculum learning"], EVERY),
    *PAGES[1:],
]


@pytest.mark.parametrize("order", [[0, 1, 2, 3], [2, 3, 1, 0], [3, 0, 2, 1]])
@pytest.mark.parametrize("listed", [PAGES, RENAMED], ids=["id", "former-id"])
def test_a_title_that_is_the_query_comes_before_a_topic_named_so_in_the_browser_as_in_python(browser, listed, order):
    pages = [listed[i] for i in order]
    python = rank_by_words(
        [location for location, *_ in pages], {location: terms for location, _, _, terms in pages},
        [tuple(terms) for terms in WORDS], {location: title for location, title, *_ in pages},
        {location: names for location, _, names, _ in pages if names},
    )
    # The paper titled "Curriculum Learning" first, the topic whose id (or former id) is
    # its words next.
    assert python[:2] == ["papers/curriculum-learning/", listed[0][0]]
    assert _in_browser(browser, pages, WORDS) == python


def test_a_page_that_writes_a_hyphenated_word_with_spaces_comes_after_one_that_writes_it_whole(browser):
    # (search.with_spaced: "_in_context" is a page's "in context"; a page with "context"
    # alone is left out.)
    words = [["in-context", "incontext", "_in_context"], ["learning"]]
    pages = [
        ("papers/spaced/", "A", [], {"context": True, "_in_context": True, "learning": True}),
        ("papers/context/", "B", [], {"context": True}),
        ("papers/joined/", "C", [], {"context": True, "incontext": True, "learning": True}),
        ("papers/spaced-only/", "D", [], {"context": True, "_in_context": True}),
    ]
    python = rank_by_words(
        [location for location, *_ in pages], {location: terms for location, _, _, terms in pages},
        [tuple(terms) for terms in words], {location: title for location, title, *_ in pages},
    )
    assert python == ["papers/joined/", "papers/spaced/", "papers/spaced-only/"]
    assert _in_browser(browser, pages, words) == python


@pytest.mark.parametrize("order", [[0, 1, 2, 3, 4], [4, 3, 2, 1, 0], [1, 4, 0, 3, 2]])
def test_a_title_that_writes_the_word_comes_before_one_with_a_longer_word_it_begins(browser, order):
    # (search.longer_in_title: "transfer" listed "On The Transferability of Deep-Q
    # Networks" above a title with "Transfer", its topic and abstract weighing more.)
    # (location, title, title_variants), each found by its one word, in the worker's order.
    pages = [("papers/ability/", "On The Transferability of Deep-Q Networks", "DeepQ"),
             ("papers/abstract/", "Continual learning", ""),
             ("papers/exact/", "An Exploration of Transfer Methods", ""),
             ("papers/plural/", "Transfers between tasks", ""),
             ("papers/variant/", "TransferNet", "Transfer Net")]
    pages = [pages[i] for i in order]
    words = [["transfer"]]
    forms = {"transfers": ["transfer"]}
    python = rank_by_words(
        [location for location, *_ in pages], {location: {"transfer": True} for location, *_ in pages},
        [tuple(terms) for terms in words], {location: title for location, title, _ in pages},
        forms=forms, title_variants={location: variants for location, _, variants in pages},
    )
    # The titled pages take the places they had, the one with "Transferability" last of
    # them; the page whose title has no such word stays where the worker put it.
    assert python.index("papers/ability/") == max(
        python.index(location) for location, *_ in pages if location != "papers/abstract/")
    assert python.index("papers/abstract/") == [location for location, *_ in pages].index("papers/abstract/")
    page = browser.new_page()
    try:
        in_browser = page.evaluate(
            "([source, pages, words, separator, forms]) => {"
            " const rank = new Function(source + '; return rankByWords;')();"
            " const made = pages.map(([location, title, title_variants]) =>"
            "   [{location, title, title_variants, terms: {transfer: true}}]);"
            " rank(made, words, new RegExp(separator), [], new Map(Object.entries(forms)));"
            " return made.map(group => group[0].location); }",
            [RANKING, pages, words, SEPARATOR, forms],
        )
    finally:
        page.close()
    assert in_browser == python


@pytest.mark.parametrize("order", [[0, 1, 2, 3, 4], [4, 3, 2, 1, 0], [2, 0, 4, 1, 3]])
def test_a_title_that_holds_more_of_the_words_comes_first_in_the_browser_as_in_python(browser, order):
    # (search.longer_in_title: "a survey on multi task learnin" listed a survey whose
    # abstract has the other words first, above "A Survey on Multi-Task Learning", its
    # "Learning" only begun by "learnin", and a longer word came last whatever it held.)
    # Each page finds every word (in its abstract if not its title), in the worker's order.
    pages = [("papers/one/", "Reasoning, a Survey"),
             ("papers/none/", "Something else entirely"),
             ("papers/all/", "A Survey on Multi-Task Learning"),
             ("papers/three/", "Multi-task learning"),
             ("papers/two/", "Task surveys")]
    pages = [pages[i] for i in order]
    words = [["survey"], ["multi"], ["task"], ["learnin"]]
    every = {"survey": True, "multi": True, "task": True, "learnin": True}
    python = rank_by_words(
        [location for location, _ in pages], {location: every for location, _ in pages},
        [tuple(terms) for terms in words], dict(pages), forms={"surveys": ["survey"]},
    )
    # By hand: four words, three ("survey" absent), two ("Task surveys"), one, none.
    assert python == ["papers/all/", "papers/three/", "papers/two/", "papers/one/", "papers/none/"]
    page = browser.new_page()
    try:
        in_browser = page.evaluate(
            "([source, pages, words, separator, forms, every]) => {"
            " const rank = new Function(source + '; return rankByWords;')();"
            " const made = pages.map(([location, title]) => [{location, title, terms: every}]);"
            " rank(made, words, new RegExp(separator), [], new Map(Object.entries(forms)));"
            " return made.map(group => group[0].location); }",
            [RANKING, pages, words, SEPARATOR, {"surveys": ["survey"]}, every],
        )
    finally:
        page.close()
    assert in_browser == python


@pytest.mark.parametrize("order", [[0, 1, 2, 3], [3, 2, 1, 0], [1, 3, 0, 2]])
def test_a_page_that_writes_a_form_comes_before_one_with_its_pieces_in_the_browser_as_in_python(browser, order):
    # (search.by_pieces: "C++ kernels" listed first the pages with "C" most, whose
    # lunr score is the higher; a title that is the query, "C++ kernels", comes first,
    # not "C kernels", whose title has the pieces alone: search._titled.)
    form = written_term("C++")
    words = [["c++", "c", form], ["kernels", "kernel"]]
    # (location, title, title_variants, terms), in the worker's order.
    pages = [("papers/pieces/", "C kernels", "", {"c": True, "kernels": True}),
             ("papers/form/", "Fast kernels in C++", form, {form: True, "c": True, "kernels": True}),
             ("papers/title/", "C++ kernels", form, {form: True, "c": True, "kernels": True}),
             ("papers/one/", "C at scale", "", {"c": True})]
    pages = [pages[i] for i in order]
    python = rank_by_words(
        [location for location, *_ in pages], {location: terms for location, _, _, terms in pages},
        [tuple(terms) for terms in words], {location: title for location, title, *_ in pages},
        title_variants={location: variants for location, _, variants, _ in pages},
    )
    assert python == ["papers/title/", "papers/form/", "papers/pieces/", "papers/one/"]
    page = browser.new_page()
    try:
        in_browser = page.evaluate(
            "([source, pages, words, separator]) => {"
            " const rank = new Function(source + '; return rankByWords;')();"
            " const made = pages.map(([location, title, title_variants, terms]) =>"
            "   [{location, title, title_variants, terms}]);"
            " rank(made, words, new RegExp(separator), [], new Map());"
            " return made.map(group => group[0].location); }",
            [RANKING, pages, words, SEPARATOR],
        )
    finally:
        page.close()
    assert in_browser == python
