"""The page a search result opens marks the words the result list marks, each whole,
for a query of plain words as for one with a hyphenated word: Material's ?h= marked its
terms anywhere on the page, "Forget" inside "Forgets", "task" inside "tasks",
"merge" inside "merged" and "Merging" inside "AdaMerging", where the result list
(lunr's matches, whole words) marked none of those parts."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

from .conftest import result_hrefs, wait_for_search
from .markedtext import ADAMERGING_YAML as PAPER_YAML
from .markedtext import CONTENT, MARKED_TEXT, marked
from .sitebuild import served_fixture_site

pytestmark = [pytest.mark.browser]

# A paper added to the fixture list, with words that hold a query's word inside them.
PAPER = "/papers/adamerging-forgets/"
ABSTRACT = ("Models merged by AdaMerging keep their tasks: catastrophic forgetting stays small, "
            "and merging them needs no task vectors.")


# A paper whose code badge breaks its repository's name after "_" (a <wbr> in
# "modelzoo_<wbr>forgets"): one word to the index, two text nodes on the page.
BADGE_PAPER = "/papers/a-zoo/"
BADGE_YAML = """id: a-zoo
title: A Zoo
authors: [Grace Hopper]
year: 2024
added: 2026-11-29
abstract: A zoo of fine-tuned models.
links:
  code:
    - url: https://github.com/example/modelzoo_forgets
"""


# A paper whose abstract holds one word of 10,000 letters, as a hostile or broken record
# may ("W" then "x" repeated): Material's ?h=x marks each of its letters, one element
# apart from the next.
LONG_WORD_PAPER = "/papers/one-long-word/"
LONG_WORD_YAML = f"""id: one-long-word
title: One Long Word
authors: [Grace Hopper]
year: 2024
added: 2026-11-29
abstract: W{'x' * 9999} and x.
"""


def _add_paper(content) -> None:
    (content / "papers" / "adamerging-forgets.yml").write_text(PAPER_YAML, encoding="utf-8")
    (content / "papers" / "a-zoo.yml").write_text(BADGE_YAML, encoding="utf-8")
    (content / "papers" / "one-long-word.yml").write_text(LONG_WORD_YAML, encoding="utf-8")


@pytest.fixture(scope="module")
def marks_url(tmp_path_factory):
    with served_fixture_site(tmp_path_factory.mktemp("marks") / "project", _add_paper) as url:
        yield url


def _abstract(page) -> str:
    """The abstract's marked text (markedtext.marked)."""
    return marked(page, ".rl-abstract")


def _result_links(page, query: str) -> dict[str, str]:
    return {urlsplit(href).path: href for href in result_hrefs(page, query)}


def _opened(page, href: str) -> str:
    """The page ``href`` opens, loaded anew: its marked text, once marked (once the
    search index is loaded: readinglist.js marks the words with its separator)."""
    page.goto(href)
    page.wait_for_selector(f"{CONTENT} mark")
    page.wait_for_timeout(500)
    return page.locator(CONTENT).evaluate(MARKED_TEXT)


def _index_ready(page) -> None:
    """Until the search index is loaded, and a moment more: the page marks its words
    once it knows the index's separator (readinglist.js marks the worker ready)."""
    page.wait_for_function(
        "() => performance.getEntriesByName('readinglist:search-ready').length > 0")
    page.wait_for_timeout(300)


def _parts_marked(text: str) -> list[str]:
    """Each mark that lies inside a word (a letter, digit or "_" right before or after
    it), with the word's text around it."""
    return [text[max(0, m.start() - 12):m.end() + 12]
            for m in re.finditer(r"\w\u27e6[^\u27e7]*\u27e7|\u27e6[^\u27e7]*\u27e7\w", text)]


# (Checked by hand: the abstract above, and the words of the query or its base forms
# that lunr finds in it, each as the result list marks it: a typed word, here each,
# by its start, "task" in "tasks", its base form ("forget", "vector", "merge") only
# as the word itself, neither "Forgets" nor "merged"; and "AdaMerging" is one word.)
QUERIES = {
    "catastrophic forgetting": ("Models merged by AdaMerging keep their tasks: \u27e6catastrophic "
                                "forgetting\u27e7 stays small, and merging them needs no task vectors."),
    "task vectors": ("Models merged by AdaMerging keep their \u27e6tasks\u27e7: catastrophic forgetting "
                     "stays small, and merging them needs no \u27e6task vectors\u27e7."),
    "merging": ("Models merged by AdaMerging keep their tasks: catastrophic forgetting stays small, "
                "and \u27e6merging\u27e7 them needs no task vectors."),
}


@pytest.mark.parametrize("query", list(QUERIES))
def test_the_page_a_plain_query_opens_marks_whole_words_as_its_result_does(open_context, marks_url, query):
    page = open_context(base=marks_url).new_page()
    links = _result_links(page, query)
    assert PAPER in links, links
    text = _opened(page, links[PAPER])
    assert _abstract(page) == QUERIES[query]
    assert "AdaMerging Forgets" in text  # (its title, unmarked: no typed word's start)
    # Each result's page, every mark a whole word. (Not a page Material lists for its
    # sections' words alone, "curation-reference/": its link has no word to mark.)
    for path, href in links.items():
        if not parse_qs(urlsplit(href).query):
            continue
        text = _opened(page, href)
        assert "\u27e6" in text, path
        assert _parts_marked(text) == [], path


def test_a_plain_query_marks_the_words_of_a_page_opened_by_instant_navigation_whole(open_context, marks_url):
    """Opened from the result list (instant navigation: Material marks before
    readinglist.js there)."""
    page = open_context(base=marks_url).new_page()
    for query, abstract in QUERIES.items():
        _result_links(page, query)
        page.locator(f".md-search-result__link[href*='{PAPER}']").first.click()
        page.wait_for_url(f"**{PAPER}?*")
        page.wait_for_selector(f"{CONTENT} mark")
        page.wait_for_timeout(500)
        assert _abstract(page) == abstract, query
        assert _parts_marked(page.locator(CONTENT).evaluate(MARKED_TEXT)) == [], query


def test_a_plain_querys_link_says_which_words_are_looked_for_by_their_start(open_context, marks_url):
    """Material's h= said only the terms ("task vectors vector"), which it marked
    anywhere: the link says each typed word as a word's start ("task*"), and a base
    form as a word ("vector"); no h= for Material to mark."""
    page = open_context(base=marks_url).new_page()
    links = _result_links(page, "task vectors")
    query = parse_qs(urlsplit(links[PAPER]).query)
    assert query == {"hw": ["task*", "vectors*", "vector"]}, links[PAPER]


def test_a_hand_edited_plain_hw_is_harmless(open_context, marks_url):
    """What is not one word, or one word's start, is ignored: no markup, no error, no
    part of a word marked."""
    page = open_context(base=marks_url).new_page()
    hostile = [
        '<img src=x onerror="window.rlInjected=1">', "</mark><b>x</b>", "*", "**", "ta*sk", "*task",
        "task**", "task:", "x" * 5000 + "*", "tasks.", "Forget*s", "",
    ]
    url = PAPER.lstrip("/") + "?" + urlencode([("hw", value) for value in hostile])
    page.goto(url)
    _index_ready(page)
    assert page.locator(f"{CONTENT} mark").count() == 0
    assert page.locator(f"{CONTENT} img, {CONTENT} b").count() == 0
    assert page.evaluate("window.rlInjected") is None
    # A word in any case, by its start or as itself.
    text = _opened(page, url + "&" + urlencode([("hw", "TASK*"), ("hw", "Merged")]))
    assert _abstract(page) == ("Models \u27e6merged\u27e7 by AdaMerging keep their \u27e6tasks\u27e7: catastrophic "
                               "forgetting stays small, and merging them needs no \u27e6task\u27e7 vectors.")
    assert _parts_marked(text) == []


def test_a_word_typed_in_lunrs_syntax_is_marked_as_lunr_finds_it(open_context, marks_url):
    """"+forgetting" (lunr's syntax: the word required) is looked for as the word
    unmarked is, by its start and its base form (search.py's _required): the page marks
    those words whole, where Material's h= marked it anywhere."""
    page = open_context(base=marks_url).new_page()
    links = _result_links(page, "+forgetting")
    assert parse_qs(urlsplit(links[PAPER]).query) == {"hw": ["forgetting*", "forget"]}, links
    _opened(page, links[PAPER])
    assert _abstract(page) == ("Models merged by AdaMerging keep their tasks: catastrophic \u27e6forgetting\u27e7 "
                               "stays small, and merging them needs no task vectors.")


def test_a_word_the_page_breaks_across_elements_is_marked_as_one_word(open_context, marks_url):
    """A badge's "modelzoo_<wbr>forgets" is one word to the index ("_" is no separator):
    "forgets*" finds no word of it, and marked "forgets" inside it (its own text node);
    "modelzoo*" finds it, and marks the whole word, both of its parts."""
    page = open_context(base=marks_url).new_page()
    badge = f"{CONTENT} .rl-badge--code"
    _opened(page, BADGE_PAPER.lstrip("/") + "?" + urlencode([("hw", "forgets*"), ("hw", "zoo*")]))
    assert page.locator(f"{CONTENT} h1").evaluate(MARKED_TEXT) == "A \u27e6Zoo\u27e7"  # (marked once ready)
    assert "\u27e6" not in page.locator(badge).evaluate(MARKED_TEXT)
    _opened(page, BADGE_PAPER.lstrip("/") + "?" + urlencode([("hw", "modelzoo*")]))
    assert page.locator(badge).evaluate(MARKED_TEXT).split() == ["example/\u27e6modelzoo_\u27e7\u27e6forgets\u27e7"]
    # In the table of all papers, whose compact badge hides the <wbr>.
    _opened(page, "papers/?" + urlencode([("hw", "modelzoo*")]))
    assert page.locator(f"{CONTENT} a[href$='modelzoo_forgets']").evaluate(MARKED_TEXT).split() == [
        "example/\u27e6modelzoo_\u27e7\u27e6forgets\u27e7"]


def test_the_page_opened_marks_its_words_whole_when_the_index_never_loads(open_context, marks_url, guard):
    """The page waits for the search index to read its separator: an index that fails
    to load left hw= unmarked, a hyphenated word and a plain one alike. After a short wait the page marks them
    with the separator the index would have (search.py's SEPARATOR)."""
    context = open_context(base=marks_url)
    context.route("**/search/search_index.json", lambda route: route.abort())
    page = context.new_page()
    page.goto(BADGE_PAPER.lstrip("/") + "?" + urlencode([("hw", "fine-tuned"), ("hw", "model*")]))
    page.wait_for_selector(f"{CONTENT} mark", timeout=5000)
    page.wait_for_timeout(300)
    assert page.locator(f"{CONTENT} .rl-abstract").evaluate(MARKED_TEXT).split() == [
        "A", "zoo", "of", "\u27e6fine-tuned\u27e7", "\u27e6models\u27e7."]
    assert page.evaluate("performance.getEntriesByName('readinglist:search-ready').length") == 0
    # (The index's request, aborted here, and Material's error for it are the only
    # errors the page logged.)
    blocked = [e for e in guard.errors if "search_index.json" in e or e == "page error: Network error"]
    assert blocked != [], guard.errors
    guard.errors[:] = [e for e in guard.errors if e not in blocked]


# Words that touch a block's edge with no white space between. A block's edge parts
# words as a space does: "tasks" of "<p>tasks</p>vectors" is the word "tasks", not a
# part of "tasksvectors". (The site's pages write no such text beside a block, only
# table cells touching, "<td>...Scaling</td><td>THUDM/T1</td>": the block's content is
# made up here, each word one the hw values below find whole.) An inline element's
# edge is no word's: "Ada<em>merging</em>" is one word, "merging" is no word of it.
BLOCKS = ("<div class='rl-probe'><p>tasks</p>vectors<ul><li>merged</li></ul>forgetting"
          "<table><tr><td>task</td><td>vectors</td></tr></table>"
          "<p>catastrophic</p><span>merging</span><p>one <em>Ada</em>merging</p></div>")
BLOCK_VALUES = ["tasks", "vectors*", "merged", "forgetting", "task", "merging"]


def test_a_blocks_edge_ends_a_word_as_white_space_does(open_context, marks_url):
    page = open_context(base=marks_url).new_page()

    def with_blocks(route):
        body = route.fetch().text()
        start = body.index("<div class=\"rl-abstract\">")
        end = body.index("</div>", start)
        route.fulfill(body=body[:start] + BLOCKS + body[end + len("</div>"):],
                      content_type="text/html; charset=utf-8")

    page.route(lambda url: urlsplit(url).path == PAPER, with_blocks)
    _opened(page, PAPER.lstrip("/") + "?" + urlencode([("hw", value) for value in BLOCK_VALUES]))
    assert page.locator(f"{CONTENT} .rl-probe").evaluate(MARKED_TEXT) == (
        "\u27e6tasks\u27e7\u27e6vectors\u27e7\u27e6merged\u27e7\u27e6forgetting\u27e7"
        "\u27e6task\u27e7\u27e6vectors\u27e7catastrophic\u27e6merging\u27e7one Adamerging")


def test_an_old_links_h_marks_whole_words_as_hw_does(open_context, marks_url):
    """A link made before hw (a bookmark, a link shared) has Material's h= alone: Material
    marked each term anywhere, "Forget" inside "Forgets", "merg" inside "AdaMerging". Its
    terms are now read as hw words' starts (Material's query looks for each typed word
    so), each word found marked whole, and Material marks none itself; the address says
    them as hw, as a result's link now does."""
    page = open_context(base=marks_url).new_page()
    text = _opened(page, PAPER.lstrip("/") + "?" + urlencode([("h", "forget merg")]))
    assert _parts_marked(text) == []
    assert "\u27e6Forgets\u27e7" in text  # (its title: a word "forget" begins)
    assert _abstract(page) == ("Models \u27e6merged\u27e7 by AdaMerging keep their tasks: catastrophic "
                               "\u27e6forgetting\u27e7 stays small, and \u27e6merging\u27e7 them needs no task vectors.")
    assert parse_qs(urlsplit(page.url).query) == {"hw": ["forget*", "merg*"]}
    # Opened by instant navigation (a link on the site that still has h=).
    page.evaluate("""href => { const a = document.createElement("a"); a.href = href; a.textContent = "old";
                               document.querySelector("[data-md-component=content]").prepend(a); a.click(); }""",
                  "../../papers/?" + urlencode([("h", "forget")]))
    page.wait_for_url("**/papers/?*")
    page.wait_for_selector(f"{CONTENT} mark")
    page.wait_for_timeout(500)
    text = page.locator(CONTENT).evaluate(MARKED_TEXT)
    assert _parts_marked(text) == []
    assert "\u27e6Forgets\u27e7" in text
    assert parse_qs(urlsplit(page.url).query) == {"hw": ["forget*"]}


def _marked_abstract(page, query: str) -> tuple[list[str], str]:
    """The hw values of ``query``'s result for PAPER, and its page's marked abstract;
    the result says no word missing (each of these queries finds its word there)."""
    links = _result_links(page, query)
    assert PAPER in links, (query, links)
    missing = page.eval_on_selector(f".md-search-result__link[href*='{PAPER}']",
                                    "a => [...a.querySelectorAll('del')].map(d => d.textContent)")
    assert missing == [], query
    values = parse_qs(urlsplit(links[PAPER]).query).get("hw", [])
    page.goto(links[PAPER])
    _index_ready(page)
    return values, _abstract(page)


# (Checked by hand: lunr's fuzzy term "forgeting~1" finds the words one edit from it,
# of the abstract and title only "forgetting", not "Forgets" (three edits).)
FORGETTING = ("Models merged by AdaMerging keep their tasks: catastrophic \u27e6forgetting\u27e7 "
              "stays small, and merging them needs no task vectors.")


def test_a_fuzzy_term_typed_marks_the_words_it_found(open_context, marks_url):
    """A fuzzy term typed in lunr's syntax finds the words near it: the result's link
    said none of them (Material's terms know only the words that begin with the typed
    one), and the page opened marked nothing."""
    page = open_context(base=marks_url).new_page()
    values, abstract = _marked_abstract(page, "forgeting~1")
    assert values == ["forgetting"]
    assert abstract == FORGETTING


def test_a_fuzzy_term_typed_with_a_long_distance_is_answered(open_context, marks_url):
    """lunr builds every spelling within a term's edit distance: "forgetting~9" was
    never answered, and the search box answered no query after it until the page was
    loaded again. The distance is cut to 2, as `readinglist search` cuts it."""
    page = open_context(base=marks_url).new_page()
    page.set_default_timeout(10000)
    values, abstract = _marked_abstract(page, "forgetting~9")
    assert values == ["forgetting"]
    assert abstract == FORGETTING
    assert _result_links(page, "merging")  # (and it answers the next)


def test_a_long_run_of_letters_near_no_word_is_answered(open_context, marks_url):
    """A word the index has nothing near ("x" 1,000 times, pasted) was looked for as a
    fuzzy term, which lunr builds spelling by spelling: it was never answered, nor any
    query after it, and the tab ran out of memory (300 letters took 5 s)."""
    _answered_at_once(open_context(base=marks_url).new_page(), "x" * 1000)


def _pasted(page, query: str) -> None:
    """``query`` pasted in the search box (its last key typed), answered within 10 s.
    (Not typed key by key: 1,000 letters typed so are 1,000 questions to the worker,
    which took 7-11 s under load before and after the query itself was fast.)"""
    page.set_default_timeout(10000)
    page.goto("")
    page.locator(".md-search__input").fill(query[:-1])
    page.locator(".md-search__input").press(query[-1])
    wait_for_search(page)


def _answered_at_once(page, query: str) -> None:
    """``query`` (pasted) has no result, given within 10 s, and the next is answered."""
    _pasted(page, query)
    assert page.locator(".md-search-result__item").count() == 0
    assert _result_links(page, "merging")  # (and it answers the next)


@pytest.mark.parametrize("query", ["x" * 1000 + "~2", "merging -" + "x" * 1000 + "~2", "title:" + "x" * 1000 + "^2~2"])
def test_a_fuzzy_term_typed_far_longer_than_any_word_is_answered(open_context, marks_url, query):
    """A fuzzy term typed (or asked by a link's ?q=) whose word is longer than any of
    the index by more than its distance finds nothing, but lunr builds it spelling by
    spelling: 300 letters "~2" took 6 s, 1,000 were never answered, nor any query after."""
    page = open_context(base=marks_url).new_page()
    if query.startswith("merging"):  # (a prohibited term: the results of the other)
        _pasted(page, query)
        pasted = page.eval_on_selector_all(
            ".md-search-result__item > .md-search-result__link",
            "links => links.map(a => a.href).filter(href => !new URL(href).hash)")
        assert {urlsplit(href).path: href for href in pasted} == _result_links(page, "merging")
        return
    _answered_at_once(page, query)


def test_a_word_typed_with_a_star_is_marked_as_a_words_start(open_context, marks_url):
    """"forget*": Material looks for "forget**", whose term "forget*" begins no word, so
    the link said nothing to mark."""
    page = open_context(base=marks_url).new_page()
    values, abstract = _marked_abstract(page, "forget*")
    assert values == ["forget*"]
    assert abstract == FORGETTING
    assert page.locator(f"{CONTENT} h1").evaluate(MARKED_TEXT) == "AdaMerging \u27e6Forgets\u27e7 Less"


@pytest.mark.parametrize("query", [
    'title:<img src=x onerror="window.rlInjected=1">', '"<b>forgetting</b>"', "+<i>forgetting",
    "forgetting~", "forgetting^", "forgetting~1^2", "~ ^ * + - :", "title:", "-forgetting -",
    "forgetting~99999999999999999999", "text:forgetting~1 tags:x^1e9", "</mark>forgetting",
])
def test_lunrs_syntax_typed_is_never_markup_nor_an_error(open_context, marks_url, query):
    """Whatever is typed, the page opened shows no markup from it and marks whole words
    only, and the search box answers the next query (the guard fails on any error the
    page logs)."""
    page = open_context(base=marks_url).new_page()
    page.set_default_timeout(10000)
    for href in result_hrefs(page, query)[:3]:
        text = _opened(page, href) if parse_qs(urlsplit(href).query) else ""
        assert _parts_marked(text) == [], (query, href)
        assert page.locator(f"{CONTENT} img[src=x], {CONTENT} b, {CONTENT} i").count() == 0
    assert page.evaluate("window.rlInjected") is None
    assert PAPER in _result_links(page, "merging")


def test_a_phrase_in_quotes_marks_its_words_as_themselves(open_context, marks_url):
    """Material looks for each word of a phrase in quotes as itself ('"task vectors"'
    is "+task +vectors"): the link said "task*", and the page marked "tasks" too."""
    page = open_context(base=marks_url).new_page()
    values, abstract = _marked_abstract(page, '"task vectors"')
    assert values == ["task", "vectors"]
    assert abstract == ("Models merged by AdaMerging keep their tasks: catastrophic forgetting stays small, "
                        "and merging them needs no \u27e6task vectors\u27e7.")


def test_a_page_with_a_long_word_marked_letter_by_letter_is_marked_in_time(open_context, marks_url):
    """An old or hand-made link with both h=x and hw=x on a page holding a word of
    10,000 x's: Material marks each x (10,000 marks side by side), and the page looked at
    every mark's whole run of neighbours for each of them, which hung the tab for
    minutes. Each run is read once now. (Since an old link's h= is read as hw words'
    starts and taken out before Material reads it, Material marks no x there at all:
    the word "x" is marked whole within seconds, and the long word, which no hw value
    begins, not at all.)"""
    page = open_context(base=marks_url).new_page()
    page.goto(LONG_WORD_PAPER.lstrip("/") + "?" + urlencode([("h", "x"), ("hw", "x")]))
    _index_ready(page)
    page.wait_for_selector(f"{CONTENT} mark.rl-whole", timeout=15000)
    abstract = page.locator(f"{CONTENT} .rl-abstract").evaluate(MARKED_TEXT)
    assert abstract.split()[-1] == "\u27e6x\u27e7."
    assert abstract.split()[0] == "W" + "x" * 9999
