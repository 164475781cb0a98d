"""What the search box says of a query of several words: the pages with every word first,
then how many more have only some, with a line in the list where those begin, and a
screen reader told the count once (readinglist.js's countLine, moreDivider, searchCount).

A reader's audit: "model merging" said "180 pages found, 9 with every word": nearly every
page has "model", so the first number told nothing and read as "everything matched"."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from generator.search import MaterialSearch, count_line, load_index, more_line

from .conftest import PHONE, SCREENSHOTS, wait_for_animations, wait_for_search

# (example: the queries are about the shipped list's papers on merging.)
pytestmark = [pytest.mark.browser, pytest.mark.example]

QUERY = "model merging"


@pytest.fixture(scope="module")
def found(site_dir):
    found = MaterialSearch(load_index(site_dir)).find(QUERY)
    # (The case: some pages have both words, many more only one.)
    assert found.words == 2 and 0 < found.every < 10 < len(found.hits) - found.every
    return found


def _items(page) -> list[dict]:
    """The results list's items as shown: a result's page address, or a divider's text."""
    return page.eval_on_selector_all(
        ".md-search-result__list > li",
        """items => items.map(li => {
            const link = li.querySelector(":scope > .md-search-result__link");
            return link ? {href: new URL(link.href).pathname.replace(/^\\//, "")} : {text: li.textContent};
        })""")


def test_the_count_leads_with_the_pages_with_every_word_and_a_line_shows_where_they_end(page, found):
    page.goto("")
    page.locator(".md-search__input").press_sequentially(QUERY)
    wait_for_search(page)
    meta = page.locator(".md-search-result__meta")
    more = len(found.hits) - found.every
    expect(meta).to_have_text(f"{found.every} pages with both words, {more} more with one of them")
    assert meta.inner_text() == count_line(len(found.hits), found.every, found.words)
    items = _items(page)
    # The pages with both words, then the line, then a page with one word, as the
    # terminal lists them (search.py, whose order the browser's is tested against).
    assert items[found.every] == {"text": more_line(more, 2)} == {"text": f"{more} more pages with one of the words"}
    assert [item["href"] for item in items[:found.every]] == [hit.location for hit in found.hits[:found.every]]
    assert items[found.every + 1]["href"] == found.hits[found.every].location
    assert sum("text" in item for item in items) == 1
    # The divider is a list item of the list (role "list" while the search is open), no
    # link: the arrow keys, which move through the results' links, pass it by.
    divider = page.locator(".md-search-result__list > li.rl-search-more")
    expect(divider).to_have_count(1)
    assert divider.locator("a, [href], [tabindex]").count() == 0
    assert page.locator(".md-search-result__list").get_attribute("role") == "list"


def test_one_word_and_a_new_query_leave_no_line_in_the_list(page, found, site_dir):
    page.goto("")
    box = page.locator(".md-search__input")
    box.press_sequentially(QUERY)
    wait_for_search(page)
    expect(page.locator(".rl-search-more")).to_have_count(1)
    # A word alone: every page found has it; the line above says how many, no more.
    box.fill("")
    box.press_sequentially("merging")
    wait_for_search(page)
    merging = len(MaterialSearch(load_index(site_dir)).search("merging"))
    expect(page.locator(".md-search-result__meta")).to_have_text(f"{merging} pages found")
    expect(page.locator(".rl-search-more")).to_have_count(0)


def _record_said(page) -> None:
    """Every text written into the status, in order, as window.__said."""
    page.evaluate("""() => {
        const status = document.querySelector(".rl-search-status");
        window.__said = [];
        new MutationObserver(() => {
            if (status.textContent) window.__said.push(status.textContent);
        }).observe(status, {childList: true, characterData: true, subtree: true});
    }""")


def test_a_screen_reader_is_told_the_count_once_politely(page, found):
    page.goto("")
    status = page.locator(".md-search .rl-search-status")
    status.wait_for(state="attached")
    assert status.get_attribute("role") == "status"  # (polite: aria-live's value for it)
    _record_said(page)
    line = count_line(len(found.hits), found.every, found.words)
    box = page.locator(".md-search__input")
    box.press_sequentially(QUERY)
    wait_for_search(page)
    expect(status).to_have_text(line)
    # Said once, after the answer to the whole query: not Material's count ("180
    # matching documents") before it, nor ours twice. (That the keys typed before it,
    # each answered, say nothing is ANNOUNCE_AFTER's wait, a matter of the machine's
    # pace: not asserted.)
    said = page.evaluate("window.__said")
    assert said[-1] == line and said.count(line) == 1
    assert not [text for text in said if "matching" in text]
    box.fill("")
    box.press_sequentially("qqzzxxv")
    wait_for_search(page)
    expect(status).to_have_text("No page found")
    said = page.evaluate("window.__said")
    assert said.count(line) == 1 and said[-1] == "No page found"
    # Not shown: the count line above the results shows it.
    box_size = status.bounding_box()
    assert box_size is None or box_size["width"] <= 1


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 900}, PHONE], ids=["desktop", "phone"])
def test_the_line_in_the_list_is_seen_across_the_results(open_context, found, viewport):
    page = open_context(viewport=viewport).new_page()
    page.goto("")
    if viewport is PHONE:
        page.get_by_role("button", name="Search").click()
        page.wait_for_function("document.getElementById('__search').checked")
        wait_for_animations(page)
    page.locator(".md-search__input").press_sequentially(QUERY)
    wait_for_search(page)
    divider = page.locator(".rl-search-more")
    divider.scroll_into_view_if_needed()
    expect(divider).to_be_visible()
    wait_for_animations(page)
    box = divider.bounding_box()
    item = page.locator(".md-search-result__list > li.md-search-result__item").nth(found.every).bounding_box()
    # A band as wide as a result, right above the first page with one word.
    assert abs(box["width"] - item["width"]) < 1 and abs(box["y"] + box["height"] - item["y"]) < 1
    assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"search-count-{viewport['width']}x{viewport['height']}.png"))


# Material's worker, made to answer every query after its first late (SLOW ms): the
# answer a reader waits for on a long list, or a slow machine, while the count of the
# query's first keys is due.
SLOW = 2500
_LATE_ANSWERS = """(() => {
  const post = self.postMessage;
  let answers = 0;
  self.postMessage = function (message, transfer) {
    const late = message && message.type === 3 && answers++ > 0;
    const send = () => post.call(self, message, transfer);
    return late ? void setTimeout(send, %d) : send();
  };
})();
""" % SLOW


def test_no_count_is_said_for_a_query_whose_answer_is_no_longer_the_last(page, found):
    """Typed on while an answer is awaited, the count of the keys typed before is stale:
    it said "N pages found" for "m" while the box held "model merging"."""
    def late(route):
        response = route.fetch()
        route.fulfill(response=response, body=_LATE_ANSWERS + response.text())

    page.context.route("**/workers/readinglist-search.js*", late)
    page.goto("")
    status = page.locator(".md-search .rl-search-status")
    status.wait_for(state="attached")
    _record_said(page)
    line = count_line(len(found.hits), found.every, found.words)
    page.locator(".md-search__input").press_sequentially(QUERY)
    # (The first key's answer came at once; the others are late, the last the latest.)
    page.wait_for_timeout(SLOW)
    wait_for_search(page)
    expect(page.locator(".md-search-result__meta")).to_have_text(line)
    expect(status).to_have_text(line)
    assert page.evaluate("window.__said") == [line]


def _search(page, query: str) -> None:
    box = page.locator(".md-search__input")
    box.fill("")
    box.press_sequentially(query)
    wait_for_search(page)


# Queries the count and the line in the list must read as the terminal's do: a word
# excluded, a quoted phrase, a word too common to search, a name that is a stop word
# ("He"), "author:he" beside a word, a repository's address, three words, a word
# required, and one every page found has.
QUERIES = [
    "merging model -task", '"model merging"', "the merging", "model merging the", "Kaiming He",
    "author:he merging", "https://github.com/OpenGVLab/TPO", "model merging task", "+model merging",
    "model +merging",
]


def test_the_count_and_the_line_in_the_list_are_the_terminals_for_each_kind_of_query(page, site_dir):
    search = MaterialSearch(load_index(site_dir))
    page.goto("")
    for query in QUERIES:
        found = search.find(query)
        _search(page, query)
        expect(page.locator(".md-search-result__meta")).to_have_text(
            count_line(len(found.hits), found.every, found.words))
        texts = [(n, item["text"]) for n, item in enumerate(_items(page)) if "text" in item]
        # (Where the terminal prints its "-- N more ... --": after the pages with every
        # word, when some with only some follow; the first 10 results drawn.)
        shown = found.words >= 2 and 0 < found.every < len(found.hits) and found.every < 10
        assert texts == ([(found.every, more_line(len(found.hits) - found.every, found.words))] if shown else []), query


def test_the_line_in_the_list_comes_when_the_results_after_the_first_drawn_are(page, site_dir):
    """Material draws 10 results, then more as the list is scrolled: with 12 pages with
    both words, the line is drawn with the 13th result, not before, nor among them."""
    query = "task vectors"
    found = MaterialSearch(load_index(site_dir)).find(query)
    assert found.words == 2 and 10 < found.every < len(found.hits)
    page.goto("")
    _search(page, query)
    assert [item for item in _items(page) if "text" in item] == []
    results = page.locator(".md-search-result__list > li.md-search-result__item")
    while results.count() <= found.every:
        count = results.count()
        results.last.scroll_into_view_if_needed()
        page.wait_for_function(
            "n => document.querySelectorAll('.md-search-result__list > li.md-search-result__item').length > n",
            arg=count)
    items = _items(page)
    assert items[found.every] == {"text": more_line(len(found.hits) - found.every, 2)}
    assert [item["href"] for item in items[:found.every]] == [hit.location for hit in found.hits[:found.every]]
    assert sum("text" in item for item in items) == 1


def test_the_arrow_keys_pass_the_line_in_the_list_by(page, found):
    page.goto("")
    _search(page, QUERY)
    where = """() => {
        const items = [...document.querySelectorAll(".md-search-result__list > li")];
        return items.indexOf(document.activeElement.closest(".md-search-result__list > li"));
    }"""
    visited = []
    for _ in range(60):
        page.keyboard.press("ArrowDown")
        visited.append(page.evaluate(where))
        if visited[-1] > found.every:
            break
    # From the last page with both words straight to the first with one: never the line.
    assert found.every not in visited
    assert visited[-1] == found.every + 1 and found.every - 1 in visited
    assert page.evaluate("document.activeElement.closest('.rl-search-more')") is None


def test_no_count_is_said_once_the_search_is_closed(page, found):
    """Closed before its count was due (Escape), the search says nothing more: the
    reader has left it, and a count said then reads as news of the page."""
    page.goto("")
    page.locator(".md-search .rl-search-status").wait_for(state="attached")
    _record_said(page)
    page.locator(".md-search__input").press_sequentially(QUERY)
    wait_for_search(page)
    page.keyboard.press("Escape")
    page.wait_for_function("!document.getElementById('__search').checked")
    page.wait_for_timeout(1500)  # (past ANNOUNCE_AFTER)
    assert page.evaluate("window.__said") == []


# Queries typed one after the other whose count lines are the same: a word corrected
# ("merging", then "merge": 9 pages each), and a slip retyped that finds nothing.
SAME_COUNTS = [("merging", "merge"), ("qqzzxxv", "zzqqxxv")]


@pytest.mark.parametrize("queries", SAME_COUNTS, ids=["merging-merge", "nothing-twice"])
def test_a_count_the_same_as_the_last_one_is_said_again(page, site_dir, queries):
    """A live region is read when its text changes: the count of the second query,
    written as the first's was, left the status's text as it was, and a screen reader
    said nothing of the query typed. Each answered query changes the text (a no-break
    space after the line, spoken by none), which reads as its count line."""
    search = MaterialSearch(load_index(site_dir))
    lines = [count_line(len(f.hits), f.every, f.words) for f in map(search.find, queries)]
    assert lines[0] == lines[1]
    page.goto("")
    status = page.locator(".md-search .rl-search-status")
    status.wait_for(state="attached")
    _record_said(page)
    texts = []
    for n, query in enumerate(queries):
        _search(page, query)
        page.wait_for_function("n => window.__said.length > n", arg=n)
        texts.append(page.evaluate("document.querySelector('.rl-search-status').textContent"))
        expect(status).to_have_text(lines[n])
    # (Each text as said, and none between: the last keys were typed within ANNOUNCE_AFTER.)
    assert texts[0] != texts[1]
    assert [text.replace("\u00a0", "") for text in texts] == lines
    assert page.evaluate("window.__said") == texts
