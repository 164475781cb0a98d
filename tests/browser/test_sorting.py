"""Sorting a list of papers by its column headers (overrides/assets/table-filter.js):
Title, Year and Code become buttons; a second click reverses; equal keys keep the
page's order; the choice is kept in the address and composes with the filter; without
JavaScript the table is as generated. Pages of the generated tables' shape (the
templates' headers and cells), built from the site's own stylesheet and script, are
served on loopback. The expected orders below are worked out by hand from ROWS."""

from __future__ import annotations

import re
import time

import pytest
from playwright.sync_api import expect

from generator.pagecontext import ALL_PAPERS_FIRST, ALL_PAPERS_WHOLE

from .conftest import PHONE, html_document
from .sitebuild import ROOT, SiteServer

pytestmark = [pytest.mark.browser]

# In the page's order (newest first, undated last, then by title): title, year, stars
# (the badge's words and GitHub's whole count as content/repositories.yml has it; ""
# for code without stars, None for no code).
ROWS = [
    ("Zebra models", 2024, ("1.2k", 1201)),
    ("apple learning", 2024, None),
    ("\u00c9mile transfer", 2023, ("87", 87)),
    ("Beta nets", 2023, ""),
    ("Paper 10", 2022, ("1.2k", 1249)),
    ("Paper 9", 2022, None),
    ("Undated thing", None, ("12k", 12000)),
]
TITLE_UP = [1, 3, 2, 5, 4, 6, 0]  # case and accents aside, "9" before "10"
TITLE_DOWN = [0, 6, 4, 5, 2, 3, 1]
YEAR_UP = [4, 5, 2, 3, 0, 1, 6]  # oldest first; the undated paper last
# 12,000, 1,249 and 1,201 (both "1.2k"), 87, no stars, none (by title, A to Z either way)
CODE_DOWN = [6, 4, 0, 2, 3, 1, 5]
CODE_UP = [1, 5, 3, 2, 0, 4, 6]


def _code(stars):
    if stars is None:
        return ('<span class="rl-code-none"><span aria-hidden="true">&mdash;</span>'
                '<span class="rl-code-none__words">No code linked</span></span>')
    shown, count = stars or ("", None)
    more = f' <span class="rl-badge__more"><span class="rl-badge__stars">{shown}</span></span>' if shown else ""
    data = f' data-stars="{count}"' if count is not None else ""
    return f'<a class="rl-badge rl-badge--code rl-badge--compact" href="https://example.org/x"{data}>x/y{more}</a>'


def _row(n, title, year, stars, topics=True):
    return (f'<tr><td><a href="../p/{n}.html">{title}</a></td><td>{"" if year is None else year}</td>'
            + ('<td><a href="../t/">Topic</a></td>' if topics else "") + f"<td>{_code(stars)}</td></tr>")


def _head_script() -> str:
    html = (ROOT / "overrides" / "main.html").read_text(encoding="utf-8")
    return re.search(r"<script>document\.documentElement\.classList\.add\(\"rl-js\"\).*?</script>", html).group(0)


def _page(rows, first=None, filtered=True, topics=True) -> str:
    """A table as all_papers.md.j2 (``topics``) or topic.md.j2 writes it, under its
    note of the order; past ``first`` rows, the rest in a body of its own (a long list)."""
    body = [_row(n, *r, topics=topics) for n, r in enumerate(rows)]
    first = len(body) if first is None else first
    rest = f'<tbody class="rl-rest">{"".join(body[first:])}</tbody>' if first < len(body) else ""
    filter_ = (
        '<div class="rl-filter" data-table="t" hidden><input type="search" class="rl-filter__text">'
        '<input type="checkbox" class="rl-filter__code"><span class="rl-filter__count"></span></div>'
        if filtered else ""
    )
    heads = '<th scope="col">Title</th><th scope="col" class="rl-year-column">Year</th>' + (
        '<th scope="col">Topics</th>' if topics else "") + '<th scope="col">Code</th>'
    return html_document(
        f'<div class="md-typeset">{_note(len(rows), topics)}{filter_}<div class="md-typeset__table">'
        f'<table id="t" data-rl-papers><thead><tr>{heads}</tr></thead>'
        f'<tbody>{"".join(body[:first])}</tbody>{rest}</table></div></div>'
        '<script src="../table-filter.js"></script>',
        head=f'{_head_script()}<link rel="stylesheet" href="../readinglist.css">',
    )


def _note(count, all_papers):
    """The note above the table, as all_papers.md.j2 or topic.md.j2 writes it."""
    if all_papers:
        return (f'<p class="rl-counts"><strong>{count}</strong> papers, <span class="rl-order" data-table="t">'
                'newest first</span> \u00b7 <strong>5</strong> with code</p>')
    return '<p class="rl-table-note"><span class="rl-order" data-table="t">Newest first.</span></p>'


LONG = ALL_PAPERS_WHOLE + 500
LIMIT_SHOWN = 200  # table-filter.js's LIMIT: the rows shown before "Show all"
# A long list: newest first, then by title; the years run 2025 down to 2001 in turn.
LONG_ROWS = sorted(
    ((f"Paper {n:05d}", 2001 + n % 25, None) for n in range(LONG)), key=lambda r: (-r[1], r[0])
)


TOPIC = ALL_PAPERS_WHOLE - 1  # a topic's papers, between LIMIT_SHOWN and ALL_PAPERS_WHOLE


# Equal star counts (each badge "1.2k", one count) and papers without code, in the page's order.
TIES = [
    ("Zeta", 2024, ("1.2k", 1234)),
    ("alpha", 2023, ("1.2k", 1234)),
    ("Omega", 2023, None),
    ("Mu", 2022, ("1.2k", 1234)),
    ("Beta", 2021, ("87", 87)),
    ("Delta", 2020, None),
]

# A count of 0, a badge without one (GitHub not asked), the most repositories.yml takes
# (ten digits), and no code.
STARS = [
    ("Asked never", 2024, ""),
    ("Zero stars", 2024, ("0", 0)),
    ("Huge", 2023, ("10.0B", 9999999999)),
    ("Five", 2022, ("5", 5)),
    ("Absent code", 2021, None),
]

# Code without star counts (no content/repositories.yml, as in the shipped list) and no
# code, in the page's order.
UNCOUNTED = [
    ("Kappa", 2024, ""),
    ("beta", 2023, None),
    ("Alpha", 2022, ""),
    ("Gamma", 2021, None),
]


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    root = tmp_path_factory.mktemp("sorting")
    assets = ROOT / "overrides" / "assets"
    for name in ("readinglist.css", "table-filter.js"):
        (root / name).write_text((assets / name).read_text(encoding="utf-8"), encoding="utf-8")
    pages = {
        "papers": _page(ROWS),
        "topic": _page(ROWS, filtered=False, topics=False),
        "long": _page(LONG_ROWS, first=ALL_PAPERS_FIRST),
        "ties": _page(TIES, filtered=False, topics=False),
        "stars": _page(STARS, filtered=False, topics=False),
        "uncounted": _page(UNCOUNTED),
        "uncountedtopic": _page(UNCOUNTED, filtered=False, topics=False),
        # A topic of more rows than the filter shows at first, fewer than a long list's
        # split: one body, shown whole, its rows drawn as boxes.
        "bigtopic": _page(LONG_ROWS[:TOPIC], topics=False),
        # A topic of more than ALL_PAPERS_WHOLE: one body, as topic.md.j2 writes it.
        "longtopic": _page(LONG_ROWS, topics=False),
    }
    for folder, html in pages.items():
        (root / folder).mkdir()
        (root / folder / "index.html").write_text(html, encoding="utf-8")
    (root / "p").mkdir()
    (root / "p" / "4.html").write_text(html_document("<h1>Paper 10</h1>"), encoding="utf-8")
    with SiteServer(root) as server:
        yield server.base_url


@pytest.fixture
def new_page(browser, served):
    contexts = []
    errors = []

    def make(**kwargs):
        contexts.append(browser.new_context(base_url=served, **kwargs))
        page = contexts[-1].new_page()
        page.on("pageerror", lambda error: errors.append(f"page error: {error}"))
        # (Not the favicon the pages do not have.)
        page.on("console", lambda m: m.type == "error" and not m.location.get("url", "").endswith("favicon.ico")
                and errors.append(f"console: {m.text}"))
        return page

    yield make
    for context in contexts:
        context.close()
    assert errors == []


def _titles(page):
    # (Their text, not inner text: a row off the screen of a long list shown whole is not
    # laid out, and a skipped element's inner text is "".)
    return page.locator("#t tbody:visible tr td:first-child a").evaluate_all("links => links.map(a => a.textContent)")


def _expected(order):
    return [ROWS[i][0] for i in order]


def _sorts(page):
    """Each header's aria-sort (None where it has none)."""
    return page.evaluate("[...document.querySelectorAll('#t th')].map(th => th.getAttribute('aria-sort'))")


def _opened(page, address):
    page.goto(address)
    page.locator("#t .rl-sort").first.wait_for()


@pytest.mark.parametrize("address", ["papers/", "topic/"])
def test_each_sortable_header_is_a_button_and_a_second_click_reverses(new_page, address):
    page = new_page()
    _opened(page, address)
    with_topics = address == "papers/"
    # The page's own order is newest first: the Year column says so.
    assert _titles(page) == _expected(range(len(ROWS)))
    assert _sorts(page) == [None, "descending"] + [None] * (2 if with_topics else 1)
    # Topics sorts nothing: it has no button.
    assert page.locator("#t th:not(:has(.rl-sort))").all_inner_texts() == (["Topics"] if with_topics else [])
    expect(page.get_by_role("button", name=re.compile("^Year"))).to_have_accessible_name("Year (newest first)")
    title = page.get_by_role("button", name=re.compile("^Title"))
    year = page.get_by_role("button", name=re.compile("^Year"))
    code = page.get_by_role("button", name=re.compile("^Code"))
    title.click()
    assert _titles(page) == _expected(TITLE_UP)
    assert _sorts(page)[:2] == ["ascending", None]
    expect(title).to_have_accessible_name("Title (A to Z)")
    title.click()
    assert _titles(page) == _expected(TITLE_DOWN)
    assert _sorts(page)[0] == "descending"
    year.click()  # a new column: newest first
    assert _titles(page) == _expected(range(len(ROWS)))
    year.click()
    assert _titles(page) == _expected(YEAR_UP)
    assert _sorts(page)[1] == "ascending"
    code.click()
    assert _titles(page) == _expected(CODE_DOWN)
    assert _sorts(page)[-1] == "descending"
    code.click()
    assert _titles(page) == _expected(CODE_UP)
    # The arrow shows the sort; the unsorted columns' says they can be.
    arrows = page.evaluate("""[...document.querySelectorAll('#t .rl-sort__arrow')]
        .map(a => getComputedStyle(a, '::after').content)""")
    assert arrows == ['"\u2195" / ""', '"\u2195" / ""', '"\u2191" / ""']
    # Not the header's text: a screen reader says the header's name with its column's cells.
    assert page.locator("#t th").first.inner_text() == "Title"


@pytest.mark.parametrize("address", ["papers/", "topic/"])
def test_a_click_anywhere_in_a_sortable_header_sorts(new_page, address):
    """A click on a header's blank part, beside its words, sorts as one on them: the
    button's words are a short stretch of the cell (the Code column's badges are
    wider than "Code")."""
    page = new_page()
    _opened(page, address)
    for name, order in (("Title", TITLE_UP), ("Code", CODE_DOWN)):
        th = page.locator("#t th", has=page.get_by_role("button", name=re.compile(f"^{name}")))
        cell = th.bounding_box()
        words = th.locator(".rl-sort").bounding_box()
        # Right of the words, where the button itself is not.
        assert cell["x"] + cell["width"] - 4 > words["x"] + words["width"] + 4, (name, cell, words)
        page.mouse.click(cell["x"] + cell["width"] - 4, cell["y"] + cell["height"] / 2)
        assert _titles(page) == _expected(order), name
    # Topics sorts nothing: a click on it leaves the order as it was.
    if address == "papers/":
        topics = page.locator("#t th", has_text="Topics").bounding_box()
        page.mouse.click(topics["x"] + topics["width"] - 4, topics["y"] + topics["height"] / 2)
        assert _titles(page) == _expected(CODE_DOWN)


def test_without_has_a_header_cell_still_holds_its_click(new_page):
    """A browser without :has() (Chromium before 105, Safari before 15.4, Firefox before
    121) drops every rule that uses it, as here: the layer that takes a header's click
    must still be held by its cell. Held by the page (the body, its nearest positioned
    box), it lay over every link: a click on a paper's title, or in the navigation,
    sorted the table by Code instead."""
    page = new_page()
    _opened(page, "papers/")
    page.evaluate(
        """() => {
            const drop = (rules) => {
                for (let i = rules.length - 1; i >= 0; i--) {
                    const rule = rules[i];
                    if (rule.selectorText && rule.selectorText.includes(":has(")) {
                        rule.parentRule ? rule.parentRule.deleteRule(i) : rule.parentStyleSheet.deleteRule(i);
                    } else if (rule.cssRules) {
                        drop(rule.cssRules);
                    }
                }
            };
            for (const sheet of document.styleSheets) drop(sheet.cssRules);
        }"""
    )
    link = page.locator("#t tbody a").first.bounding_box()
    hit = page.evaluate(
        "([x, y]) => document.elementFromPoint(x, y).closest('a, button').outerHTML",
        [link["x"] + 2, link["y"] + link["height"] / 2],
    )
    assert hit.startswith('<a href="../p/'), hit
    # (And the header's blank part still sorts.)
    th = page.locator("#t th", has=page.get_by_role("button", name=re.compile("^Code")))
    cell = th.bounding_box()
    page.mouse.click(cell["x"] + cell["width"] - 4, cell["y"] + cell["height"] / 2)
    assert _titles(page) == _expected(CODE_DOWN)


def test_the_keyboard_sorts_and_the_choice_is_said(new_page):
    page = new_page()
    _opened(page, "papers/")
    page.locator("#t .rl-sort").first.focus()
    page.keyboard.press("Enter")
    assert _titles(page) == _expected(TITLE_UP)
    page.keyboard.press("Space")
    assert _titles(page) == _expected(TITLE_DOWN)
    said = page.locator("[aria-live]", has_text="Sorted by")
    assert said.inner_text() == "Sorted by Title, Z to A."


def test_the_sort_is_kept_in_the_address_and_back_finds_it(new_page):
    page = new_page()
    _opened(page, "papers/")
    page.get_by_role("button", name=re.compile("^Year")).click()
    expect(page).to_have_url(re.compile(r"papers/\?sort=year$"))
    page.get_by_role("button", name=re.compile("^Year")).click()
    # The page's own order is no choice to keep.
    expect(page).to_have_url(re.compile(r"papers/$"))
    page.get_by_role("button", name=re.compile("^Title")).click()
    page.get_by_role("button", name=re.compile("^Title")).click()
    expect(page).to_have_url(re.compile(r"papers/\?sort=-title$"))
    page.get_by_role("link", name="Paper 10").click()
    page.locator("h1", has_text="Paper 10").wait_for()
    page.go_back()
    page.locator("#t .rl-sort").first.wait_for()
    assert _titles(page) == _expected(TITLE_DOWN)
    assert _sorts(page)[0] == "descending"


def test_a_linked_sort_composes_with_the_filter(new_page):
    page = new_page()
    _opened(page, "papers/?sort=title&filter=paper")
    assert _titles(page) == ["Paper 9", "Paper 10"]
    assert page.locator(".rl-filter__count").inner_text() == "2 of 7 papers match"
    # Sorted while filtered, then the filter emptied: the whole list, still sorted.
    page.get_by_role("button", name=re.compile("^Title")).click()
    assert _titles(page) == ["Paper 10", "Paper 9"]
    page.locator(".rl-filter__text").fill("")
    page.locator(".rl-filter__text").press("Enter")
    assert _titles(page) == _expected(TITLE_DOWN)
    expect(page).to_have_url(re.compile(r"papers/\?sort=-title$"))
    # "With code only", oldest first.
    _opened(page, "papers/?code=1&sort=year")
    assert _titles(page) == _expected([4, 2, 3, 0, 6])


def test_an_unknown_sort_in_the_address_is_the_pages_order(new_page):
    page = new_page()
    _opened(page, "papers/?sort=topics")
    assert _titles(page) == _expected(range(len(ROWS)))
    assert _sorts(page)[1] == "descending"


def test_without_javascript_the_table_is_as_generated(new_page):
    page = new_page(java_script_enabled=False)
    page.goto("papers/?sort=title")
    assert page.locator("#t button").count() == 0
    assert page.locator("#t tbody tr td:first-child a").all_inner_texts() == _expected(range(len(ROWS)))
    assert _sorts(page) == [None] * 4
    # The note keeps the page's words, and says the order the rows are in.
    assert _note_text(page) == "newest first"


def test_a_long_list_sorts_every_row_and_shows_the_first(new_page):
    page = new_page()
    _opened(page, "long/")
    page.get_by_role("button", name=re.compile("^Year")).click()
    # Oldest first, the page's order (by title) among a year's papers; from the rest too.
    oldest = [r[0] for r in sorted(LONG_ROWS, key=lambda r: r[1])]
    assert _titles(page) == oldest[:ALL_PAPERS_FIRST]
    assert page.locator(".rl-filter__count").inner_text() == f"The first {ALL_PAPERS_FIRST} of {LONG:,} papers are shown"
    page.get_by_role("button", name=re.compile("^Title")).click()
    page.get_by_role("button", name=re.compile("^Title")).click()
    assert _titles(page)[:2] == [f"Paper {LONG - 1:05d}", f"Paper {LONG - 2:05d}"]
    page.get_by_role("button", name=f"Show all {LONG:,}").click()
    page.wait_for_function("n => document.querySelectorAll('#t tbody:not([hidden]) tr td a').length >= n", arg=LONG)
    assert _titles(page) == sorted((r[0] for r in LONG_ROWS), reverse=True)


def test_on_a_phone_the_sort_buttons_are_shown(new_page):
    page = new_page(viewport=PHONE)
    _opened(page, "papers/")
    for name in ("Title", "Year", "Code"):
        button = page.get_by_role("button", name=re.compile("^" + name))
        expect(button).to_be_visible()
        box = button.bounding_box()
        assert box["width"] > 20 and box["height"] > 10
    # The header that sorts nothing stays unseen, and the rows below the buttons.
    assert page.locator("#t th", has_text="Topics").bounding_box()["width"] <= 1


def test_a_long_list_on_a_phone_keeps_its_rows_across_the_screen(new_page):
    # Its first rows shown (the filter marks the table so, for print): the table kept no
    # class, which the phone's rows across the screen need (they were columns).
    page = new_page(viewport=PHONE)
    _opened(page, "long/")
    assert page.evaluate("document.getElementById('t').hasAttribute('class')") is False
    assert page.evaluate("getComputedStyle(document.querySelector('#t tbody tr')).display") == "flex"
    # Its first rows only: the rest, hidden, was drawn under them (the phone's rows
    # made every body a block, the hidden one too), under a filter's matches as well.
    assert page.locator("#t tbody:visible tr td:first-child a").count() == ALL_PAPERS_FIRST
    page.locator(".rl-filter__text").fill("2001")
    page.locator(".rl-filter__text").press("Enter")
    assert page.locator("#t tbody:visible tr td:first-child a").count() == LONG // 25


def _printed(page):
    """The titles of the rows laid out, in the table's order (on paper, with print media).
    After a frame: the browser tells the page of a change of media when it next draws."""
    return page.evaluate("new Promise(done => requestAnimationFrame(() => setTimeout(() => done("
                         "[...document.querySelectorAll('#t tbody tr')].filter(r => r.checkVisibility())"
                         ".map(r => r.querySelector('td a')).filter(Boolean).map(a => a.textContent)))))")


def _expect_printed(page, rows, within=10.0):
    """That the rows laid out for paper come to be ``rows``: the browser tells the page
    of a change of media when it next draws, which under load can be a few frames after
    the one `_printed` waits for (a run at load 16 read the screen's 200 rows once)."""
    deadline = time.monotonic() + within
    while (printed := _printed(page)) != rows and time.monotonic() < deadline:
        time.sleep(0.1)
    assert printed == rows


def _count_printed(page):
    """What the count line says on paper (its words for the screen are not printed)."""
    return page.evaluate("(() => { const c = document.querySelector('.rl-filter__count');"
                         " return [getComputedStyle(c).fontSize, getComputedStyle(c, '::after').content]; })()")


def test_a_sorted_long_list_prints_every_row_once_in_the_order_shown(new_page):
    page = new_page()
    _opened(page, "long/")
    page.emulate_media(media="print")
    # Unsorted, every row once, in the page's order.
    _expect_printed(page, [r[0] for r in LONG_ROWS])
    page.get_by_role("button", name=re.compile("^Title")).click()
    page.get_by_role("button", name=re.compile("^Title")).click()
    # Sorted, every row too (the first 200 of the sort alone were printed), Z to A, once.
    _expect_printed(page, sorted((r[0] for r in LONG_ROWS), reverse=True))
    assert _count_printed(page) == ["0px", f'"All {LONG:,} papers"']


@pytest.mark.parametrize("address", ["long/", "longtopic/"])
def test_printed_a_long_list_filtered_and_sorted_gives_every_match_in_that_order(new_page, address):
    # A topic of more than ALL_PAPERS_WHOLE papers (one body, no rest) printed the 200
    # rows shown; All papers filtered or sorted, the same.
    page = new_page()
    _opened(page, address)
    assert page.locator(".rl-filter__count").inner_text() == f"The first {LIMIT_SHOWN} of {LONG:,} papers are shown"
    page.emulate_media(media="print")
    _expect_printed(page, [r[0] for r in LONG_ROWS])
    page.emulate_media(media="screen")
    # Back on screen: the first rows as before, nothing more laid out.
    _expect_printed(page, [r[0] for r in LONG_ROWS[:LIMIT_SHOWN]])
    page.locator(".rl-filter__text").fill("01")  # Paper 01000 to Paper 01999
    page.locator(".rl-filter__text").press("Enter")
    page.get_by_role("button", name=re.compile("^Year")).click()  # oldest first
    matches = [r[0] for r in sorted(LONG_ROWS, key=lambda r: r[1]) if r[0].startswith("Paper 01")]
    assert len(matches) == 1000
    page.get_by_role("button", name="Show all 1,000").wait_for()
    _expect_printed(page, matches[:LIMIT_SHOWN])
    # As the browser prints: its beforeprint first, then the page laid out for paper.
    page.evaluate("dispatchEvent(new Event('beforeprint'))")
    _expect_printed(page, matches[:LIMIT_SHOWN])  # (still on screen: the screen's rows)
    page.emulate_media(media="print")
    _expect_printed(page, matches)
    assert _count_printed(page) == ["0px", f'"1,000 of {LONG:,} papers match"']
    page.emulate_media(media="screen")
    page.evaluate("dispatchEvent(new Event('afterprint'))")
    assert page.locator("#t tbody.rl-print").count() == 0
    assert page.evaluate("document.querySelector('.rl-filter__count').hasAttribute('data-rl-printed')") is False
    _expect_printed(page, matches[:LIMIT_SHOWN])
    # After "Show all" every match is shown: printed as it is, no body made for paper.
    page.get_by_role("button", name="Show all 1,000").click()
    _all_shown(page, 1000)
    page.emulate_media(media="print")
    assert page.locator("#t tbody.rl-print").count() == 0
    _expect_printed(page, matches)


def test_printing_a_filtered_topic_twice_or_without_afterprint_copies_once_and_not_on_screen(new_page):
    # (review of fix17's print copies.) A topic of 201 to 2,000 papers: unfiltered, its
    # whole body is printed as it is; filtered, every match. beforeprint said twice makes
    # one copy, hidden on screen (so no screen reader reads the rows twice); a browser that
    # never says afterprint left the copies on screen, where every key typed in the
    # filter copied every match again: now the next redraw on screen drops them.
    page = new_page()
    _opened(page, "bigtopic/")
    # (Its count line in the page's language too: it read "All 1999 papers are shown".)
    assert page.locator(".rl-filter__count").inner_text() == f"All {TOPIC:,} papers are shown"
    page.evaluate("dispatchEvent(new Event('beforeprint'))")
    assert page.locator("#t tbody.rl-print").count() == 0  # (every row shown: none made)
    page.emulate_media(media="print")
    _expect_printed(page, [r[0] for r in LONG_ROWS[:TOPIC]])
    page.emulate_media(media="screen")
    page.evaluate("dispatchEvent(new Event('afterprint'))")
    page.locator(".rl-filter__text").fill("Paper 01")
    page.locator(".rl-filter__text").press("Enter")
    matches = [r[0] for r in LONG_ROWS[:TOPIC] if r[0].startswith("Paper 01")]
    assert len(matches) > LIMIT_SHOWN
    _expect_printed(page, matches[:LIMIT_SHOWN])
    page.evaluate("dispatchEvent(new Event('beforeprint')); dispatchEvent(new Event('beforeprint'))")
    assert page.locator("#t tbody.rl-print").count() == 1
    assert page.evaluate("(() => { const b = document.querySelector('#t tbody.rl-print');"
                         " return [b.hidden, b.checkVisibility(), b.rows.length, b.querySelectorAll('[id]').length]; })()"
                         ) == [True, False, len(matches), 0]
    _expect_printed(page, matches[:LIMIT_SHOWN])  # (on screen: the screen's rows alone)
    page.emulate_media(media="print")
    _expect_printed(page, matches)
    page.emulate_media(media="screen")  # (print media's change: the copies go)
    _expect_printed(page, matches[:LIMIT_SHOWN])
    assert page.locator("#t tbody.rl-print").count() == 0
    # beforeprint, then neither afterprint nor a change of media (a browser that says
    # only the first): the filter used on screen takes the copies away, copying nothing.
    page.evaluate("dispatchEvent(new Event('beforeprint'))")
    assert page.locator("#t tbody.rl-print").count() == 1
    page.locator(".rl-filter__text").fill("Paper 0")
    page.locator(".rl-filter__text").press("Enter")
    page.get_by_role("button", name=f"Show all {TOPIC:,}").wait_for()
    assert page.locator("#t tbody.rl-print").count() == 0
    assert page.evaluate("document.getElementById('t').hasAttribute('data-rl-printing')") is False
    # The next print copies the matches of now.
    page.evaluate("dispatchEvent(new Event('beforeprint'))")
    page.emulate_media(media="print")
    _expect_printed(page, [r[0] for r in LONG_ROWS[:TOPIC] if r[0].startswith("Paper 0")])
    page.emulate_media(media="screen")
    page.locator(".rl-filter__text").fill("")
    page.locator(".rl-filter__text").press("Enter")
    assert page.locator(".rl-filter__count").inner_text() == f"All {TOPIC:,} papers are shown"


def _note_text(page):
    return page.locator(".rl-order").inner_text()


@pytest.mark.parametrize(("address", "says"), [
    ("papers/", ["newest first", "by title, A to Z", "by title, Z to A", "newest first", "oldest first",
                 "with code first, most stars first", "without code first, fewest stars first"]),
    ("topic/", ["Newest first.", "By title, A to Z.", "By title, Z to A.", "Newest first.", "Oldest first.",
                "With code first, most stars first.", "Without code first, fewest stars first."]),
])
def test_the_note_above_the_table_says_the_order_shown(new_page, address, says):
    # The note said "newest first" whatever the reader chose.
    page = new_page()
    _opened(page, address)
    seen = [_note_text(page)]
    for name in ("Title", "Title", "Year", "Year", "Code", "Code"):
        page.get_by_role("button", name=re.compile("^" + name)).click()
        seen.append(_note_text(page))
    assert seen == says
    # The page's own order again: the note's own words, as generated.
    page.get_by_role("button", name=re.compile("^Year")).click()
    assert _note_text(page) == says[0]


def test_the_order_is_said_once_by_its_own_polite_line_not_by_the_note_or_the_count(new_page):
    page = new_page()
    _opened(page, "papers/?sort=year&filter=paper")
    # Opened sorted: the note says so, and nothing is said aloud (no click yet).
    assert _note_text(page) == "oldest first"
    said = page.locator(".rl-visually-hidden[aria-live]")
    assert said.inner_text() == ""
    assert page.evaluate("getComputedStyle(document.querySelector('.rl-visually-hidden[aria-live]'))"
                         ".getPropertyValue('position')") == "absolute"
    assert said.get_attribute("aria-live") == "polite"
    # The note is in no live region: the whole sentence would be said at every click.
    assert page.evaluate("document.querySelector('.rl-order').closest('[aria-live]')") is None
    # The count line is one: a sort leaves its words as they were, and it is not told again.
    page.evaluate("""() => {
        window.__countChanges = 0;
        new MutationObserver(m => { window.__countChanges += m.length; })
            .observe(document.querySelector('.rl-filter__count'), {childList: true, characterData: true, subtree: true});
    }""")
    page.get_by_role("button", name=re.compile("^Title")).click()
    assert _titles(page) == ["Paper 9", "Paper 10"]
    expect(said).to_have_text("Sorted by Title, A to Z.")
    assert page.locator(".rl-filter__count").inner_text() == "2 of 7 papers match"
    assert page.evaluate("window.__countChanges") == 0


def test_code_sorts_by_the_whole_star_count_and_equal_counts_by_title(new_page):
    page = new_page()
    _opened(page, "ties/")
    code = page.get_by_role("button", name=re.compile("^Code"))
    code.click()
    assert _titles(page) == ["alpha", "Mu", "Zeta", "Beta", "Delta", "Omega"]
    code.click()
    assert _titles(page) == ["Delta", "Omega", "Beta", "alpha", "Mu", "Zeta"]


def _all_shown(page, n):
    page.wait_for_function("n => document.querySelectorAll('#t tbody:not([hidden]) tr td a').length >= n", arg=n)


def test_a_sort_after_show_all_keeps_every_row_shown(new_page):
    page = new_page()
    _opened(page, "long/")
    page.get_by_role("button", name=f"Show all {LONG:,}").click()
    _all_shown(page, LONG)
    expect(page).to_have_url(re.compile(r"long/\?all=1$"))
    count = page.locator(".rl-filter__count")
    # The count line (a live region) keeps its words and is not written again: it said
    # "Sorting all N papers…" and then the count again, the count said twice a sort.
    page.evaluate("""() => { window.__said = [];
        new MutationObserver(() => window.__said.push(document.querySelector('.rl-filter__count').textContent))
            .observe(document.querySelector('.rl-filter__count'), {childList: true, characterData: true, subtree: true}); }""")
    page.get_by_role("button", name=re.compile("^Title")).click()
    expect(count).to_have_text(f"All {LONG:,} papers are shown")
    page.get_by_role("button", name=re.compile("^Title")).click()
    expect(count).to_have_text(f"All {LONG:,} papers are shown")
    assert page.evaluate("window.__said") == []
    # Every row, in the new order (it was the first rows of it again, under a new "Show all").
    assert _titles(page) == sorted((r[0] for r in LONG_ROWS), reverse=True)
    assert page.get_by_role("button", name=re.compile("^Show all")).count() == 0
    expect(page).to_have_url(re.compile(r"long/\?all=1&sort=-title$"))
    # Filtered, then a sort: the first rows of the matches in the new order again.
    page.locator(".rl-filter__text").fill("2001")
    page.locator(".rl-filter__text").press("Enter")
    page.get_by_role("button", name=re.compile("^Title")).click()
    matches = sorted(r[0] for r in LONG_ROWS if r[1] == 2001)
    assert _titles(page) == matches
    assert page.locator(".rl-filter__count").inner_text() == f"{len(matches)} of {LONG:,} papers match"


def test_each_filter_says_its_count_once_though_the_count_is_the_last_ones(new_page):
    """The count line (a polite live region) is read when its text changes: "2002"
    typed after "2001" finds as many rows, its words were the same, the text was left
    as it was, and a screen reader said nothing of the second filter. Each filter now
    writes it once (the words, or the words and a no-break space, which no screen
    reader speaks); a sort, whose own line says it, and Enter with nothing changed
    write nothing."""
    page = new_page()
    _opened(page, "long/")
    per_year = sum(1 for r in LONG_ROWS if r[1] == 2001)
    assert per_year == sum(1 for r in LONG_ROWS if r[1] == 2002) == sum(1 for r in LONG_ROWS if r[1] == 2003)
    words = f"{per_year} of {LONG:,} papers match"
    page.evaluate("""() => { window.__said = [];
        new MutationObserver(() => window.__said.push(document.querySelector('.rl-filter__count').textContent))
            .observe(document.querySelector('.rl-filter__count'), {childList: true, characterData: true, subtree: true}); }""")
    box = page.locator(".rl-filter__text")
    for n, year in enumerate(("2001", "2002", "2003"), 1):
        box.fill(year)
        box.press("Enter")
        page.wait_for_function("n => window.__said.length >= n", arg=n)
        assert _titles(page) == sorted(r[0] for r in LONG_ROWS if r[1] == int(year))
    box.press("Enter")  # (nothing changed)
    for _ in range(2):
        page.get_by_role("button", name=re.compile("^Title")).click()
    assert _titles(page) == sorted((r[0] for r in LONG_ROWS if r[1] == 2003), reverse=True)
    assert page.evaluate("window.__said") == [words, words + "\u00a0", words]
    expect(page.locator(".rl-filter__count")).to_have_text(words)


def test_back_forward_and_reload_keep_the_sort_and_filter_the_address_says(new_page):
    page = new_page()
    _opened(page, "papers/")
    page.get_by_role("button", name=re.compile("^Title")).click()
    page.get_by_role("button", name=re.compile("^Title")).click()
    page.locator(".rl-filter__text").fill("paper")
    page.locator(".rl-filter__text").press("Enter")
    expect(page).to_have_url(re.compile(r"papers/\?sort=-title&filter=paper$"))
    # Replaced, not pushed: one entry for the page, whatever was chosen on it.
    assert page.evaluate("history.length") == 2

    def in_step():
        expect(page).to_have_url(re.compile(r"papers/\?sort=-title&filter=paper$"))
        assert _titles(page) == ["Paper 10", "Paper 9"]
        assert page.locator(".rl-filter__text").input_value() == "paper"
        assert _sorts(page)[0] == "descending"
        assert _note_text(page) == "by title, Z to A"

    in_step()
    page.reload()
    page.locator("#t .rl-sort").first.wait_for()
    in_step()
    page.get_by_role("link", name="Paper 10").click()
    page.locator("h1", has_text="Paper 10").wait_for()
    page.go_back()
    page.locator("#t .rl-sort").first.wait_for()
    in_step()
    page.go_forward()
    page.locator("h1", has_text="Paper 10").wait_for()
    page.go_back()
    page.locator("#t .rl-sort").first.wait_for()
    in_step()
    # Then the page's own order chosen: the address and the page agree again after Back.
    page.get_by_role("button", name=re.compile("^Year")).click()
    page.locator(".rl-filter__text").fill("")
    page.locator(".rl-filter__text").press("Enter")
    expect(page).to_have_url(re.compile(r"papers/$"))
    page.get_by_role("link", name="Paper 10").click()
    page.locator("h1", has_text="Paper 10").wait_for()
    page.go_back()
    page.locator("#t .rl-sort").first.wait_for()
    assert _titles(page) == _expected(range(len(ROWS)))
    assert _note_text(page) == "newest first"


def test_a_shared_link_opens_sorted_and_filtered(new_page):
    # (The filter's words are ?filter=, not ?q=, which opens the site's search.)
    page = new_page()
    _opened(page, "papers/?sort=title&filter=2023")
    assert _titles(page) == ["Beta nets", "\u00c9mile transfer"]  # the page's order: \u00c9mile first
    assert page.locator(".rl-filter__count").inner_text() == "2 of 7 papers match"
    _opened(page, "papers/?sort=code&filter=2024")
    assert _titles(page) == ["apple learning", "Zebra models"]
    _opened(page, "papers/?sort=-code&filter=paper")
    assert _titles(page) == ["Paper 10", "Paper 9"]
    assert _note_text(page) == "with code first, most stars first"
    assert _sorts(page)[-1] == "descending"
    assert page.locator(".rl-filter__text").input_value() == "paper"


@pytest.mark.parametrize("sort", ["constructor", "__proto__", "-toString", "hasOwnProperty"])
def test_a_sort_in_the_address_named_as_an_objects_own_member_is_the_pages_order(new_page, sort):
    # They were taken for sorts: the note said "NaN", no header was marked, the address
    # kept them, and the script failed ("list.forEach is not a function").
    page = new_page()
    _opened(page, f"papers/?sort={sort}")
    assert _titles(page) == _expected(range(len(ROWS)))
    assert _note_text(page) == "newest first"
    assert _sorts(page)[1] == "descending"
    page.get_by_role("button", name=re.compile("^Title")).click()
    expect(page).to_have_url(re.compile(r"papers/\?sort=title$"))


def test_a_count_of_no_stars_comes_before_a_badge_github_was_not_asked_about(new_page):
    # 0 and no count were one key: "Asked never" went before "Zero stars" by its title.
    page = new_page()
    _opened(page, "stars/")
    code = page.get_by_role("button", name=re.compile("^Code"))
    code.click()
    assert _titles(page) == ["Huge", "Five", "Zero stars", "Asked never", "Absent code"]
    code.click()
    assert _titles(page) == ["Absent code", "Asked never", "Zero stars", "Five", "Huge"]


def test_a_filter_then_a_sort_then_the_filter_emptied_shows_the_first_rows_of_the_sort(new_page):
    page = new_page()
    _opened(page, "long/")
    page.locator(".rl-filter__text").fill("2001")
    page.locator(".rl-filter__text").press("Enter")
    page.get_by_role("button", name=re.compile("^Title")).click()
    page.get_by_role("button", name=re.compile("^Title")).click()
    expect(page).to_have_url(re.compile(r"long/\?filter=2001&sort=-title$"))
    page.locator(".rl-filter__text").fill("")
    page.locator(".rl-filter__text").press("Enter")
    expect(page).to_have_url(re.compile(r"long/\?sort=-title$"))
    # Every row sorted, the first of them shown (not the filter's matches, nor the page's order).
    assert _titles(page) == sorted((r[0] for r in LONG_ROWS), reverse=True)[:LIMIT_SHOWN]
    assert page.locator(".rl-filter__count").inner_text() == f"The first {LIMIT_SHOWN} of {LONG:,} papers are shown"
    assert _note_text(page) == "by title, Z to A"


def test_a_sort_after_show_all_then_another_then_back_finds_every_row_in_the_last_order(new_page):
    page = new_page()
    _opened(page, "long/")
    page.get_by_role("button", name=re.compile("^Title")).click()
    page.get_by_role("button", name=f"Show all {LONG:,}").click()
    _all_shown(page, LONG)
    page.get_by_role("button", name=re.compile("^Year")).click()
    page.get_by_role("button", name=re.compile("^Year")).click()  # oldest first
    oldest = [r[0] for r in sorted(LONG_ROWS, key=lambda r: (r[1], r[0]))]
    expect(page).to_have_url(re.compile(r"long/\?all=1&sort=year$"))
    page.wait_for_function("() => !/^Sorting/.test(document.querySelector('.rl-filter__count').textContent)")
    assert _titles(page) == oldest
    # (Row 4's link is the page the fixture has: "Paper 10".)
    page.locator('#t tbody:visible a[href="../p/4.html"]').click()
    page.locator("h1", has_text="Paper 10").wait_for()
    page.go_back()
    page.locator("#t .rl-sort").first.wait_for()
    _all_shown(page, LONG)
    assert _titles(page) == oldest
    assert _sorts(page)[1] == "ascending"
    assert _note_text(page) == "oldest first"
    assert page.locator(".rl-filter__count").inner_text() == f"All {LONG:,} papers are shown"


def _rows_seen(page):
    """Of the rows shown: each one's CSS display, and whether the browser draws the first
    cell of the row with the focus and of the last row (false where content-visibility
    skips it)."""
    return page.evaluate("""() => {
        const rows = [...document.querySelectorAll('#t tbody:not([hidden]) tr')];
        const focused = document.activeElement.closest('tr');
        const seen = row => row.cells[0].checkVisibility({contentVisibilityAuto: true});
        return [[...new Set(rows.map(r => getComputedStyle(r).display))], seen(focused), seen(rows[rows.length - 1])];
    }""")


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 900}, PHONE], ids=["desktop", "phone"])
def test_every_row_shown_lays_out_only_those_on_the_screen(new_page, viewport):
    # As a table's rows, 10,000 shown were all laid out and measured for the columns'
    # widths, at every "Show all" and every sort after it (12 to 48 s on 2 loaded cores).
    # Boxes of their own, a row off the screen is skipped; the one with the focus is drawn.
    page = new_page(viewport=viewport)
    _opened(page, "long/")
    page.get_by_role("button", name=f"Show all {LONG:,}").click()
    _all_shown(page, LONG)
    display = "grid" if viewport["width"] > 720 else "flex"
    assert _rows_seen(page) == [[display], True, False]
    page.get_by_role("button", name=re.compile("^Title")).click()
    assert _titles(page)[0] == "Paper 00000"
    page.locator("#t tbody:visible tr td:first-child a").first.focus()
    assert _rows_seen(page) == [[display], True, False]


def test_a_row_the_browser_skips_is_still_found_by_its_find(new_page):
    # (Ctrl-F: the page's text is there, drawn or not. window.find is Chromium's search
    # of the page's text; its find bar also draws the row it finds.)
    page = new_page(viewport={"width": 1280, "height": 900})
    _opened(page, "long/?all=1")
    _all_shown(page, LONG)
    last = LONG_ROWS[-1][0]
    assert _titles(page)[-1] == last
    assert page.evaluate("t => [window.find(t), String(getSelection())]", last) == [True, last]


def test_the_columns_of_rows_drawn_as_boxes_line_up_under_their_headers(new_page):
    page = new_page(viewport={"width": 1280, "height": 900})
    _opened(page, "long/")
    page.get_by_role("button", name=f"Show all {LONG:,}").click()
    _all_shown(page, LONG)
    lefts = "tr => [...tr.cells].map(c => Math.round(c.getBoundingClientRect().left))"
    widths = "tr => [...tr.cells].map(c => Math.round(c.getBoundingClientRect().width))"
    head = page.locator("#t thead tr")
    last = page.locator("#t tbody:visible tr").last
    last.scroll_into_view_if_needed()
    for row in (page.locator("#t tbody:visible tr").first, last):
        assert row.evaluate(lefts) == head.evaluate(lefts)
        assert row.evaluate(widths) == head.evaluate(widths)
    # The title the widest column, the year the narrowest, the table as wide as before.
    title, year, topics, code = head.evaluate(widths)
    assert title > topics > year and code > year
    assert page.evaluate("document.getElementById('t').getBoundingClientRect().width") == pytest.approx(
        page.evaluate("document.querySelector('.md-typeset__table').getBoundingClientRect().width"), abs=1)


def _ax_rows(page):
    """The rows of #t in the accessibility tree Chromium gives a screen reader: for each
    (the header's first), the roles and names of its cells; and the column headers."""
    session = page.context.new_cdp_session(page)
    root = session.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    element = session.send("DOM.querySelector", {"nodeId": root, "selector": "#t"})["nodeId"]
    backend = session.send("DOM.describeNode", {"nodeId": element})["node"]["backendNodeId"]
    tree = {n["nodeId"]: n for n in session.send("Accessibility.getFullAXTree")["nodes"]}
    [top] = [n for n in tree.values() if n.get("backendDOMNodeId") == backend]
    assert top["role"]["value"] == "table"

    def below(node):
        for child in node.get("childIds", []):
            yield tree[child]
            yield from below(tree[child])

    rows = [n for n in below(top) if not n.get("ignored") and n["role"]["value"] == "row"]
    cells = [[c["role"]["value"] for c in below(row) if not c.get("ignored")
              and c["role"]["value"] in ("cell", "columnheader", "gridcell")] for row in rows]
    headers = [n["name"]["value"] for n in below(top) if n["role"]["value"] == "columnheader"]
    return cells, headers


def test_rows_drawn_as_boxes_are_still_a_table_to_a_screen_reader(new_page):
    """In the accessibility tree Chromium gives a screen reader: the table, its column
    headers by name, every row shown, and the rows drawn a cell for each column. (A
    row the browser skips, off the screen, is a row whose cells Chromium 156 leaves out
    of the tree until it is drawn: scrolled to, its cells are there.)"""
    page = new_page(viewport={"width": 1280, "height": 900})
    _opened(page, "long/")
    page.get_by_role("button", name=f"Show all {LONG:,}").click()
    _all_shown(page, LONG)
    cells, headers = _ax_rows(page)
    assert [h.split()[0] for h in headers] == ["Title", "Year", "Topics", "Code"]
    assert len(cells) == LONG + 1
    assert cells[0] == ["columnheader"] * 4
    # The row with the focus (the first of those "Show all" added) and those about it.
    assert cells[ALL_PAPERS_FIRST + 1] == ["cell"] * 4
    page.locator("#t tbody:visible tr").last.scroll_into_view_if_needed()
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    cells, _ = _ax_rows(page)
    assert cells[-1] == ["cell"] * 4


def test_a_short_list_stays_a_table(new_page):
    # The shipped list's 180 papers: a table, its columns as wide as their words, as before.
    page = new_page(viewport={"width": 1280, "height": 900})
    _opened(page, "papers/")
    assert page.evaluate("getComputedStyle(document.querySelector('#t tbody tr')).display") == "table-row"
    assert page.evaluate("document.getElementById('t').hasAttribute('data-rl-rows')") is False


def test_show_1000_more_adds_a_thousand_rows_and_a_sort_keeps_as_many_shown(new_page):
    page = new_page()
    _opened(page, "long/")
    count = page.locator(".rl-filter__count")
    page.get_by_role("button", name="Show 1,000 more").click()
    assert len(_titles(page)) == ALL_PAPERS_FIRST + 1000
    assert count.inner_text() == f"The first {ALL_PAPERS_FIRST + 1000:,} of {LONG:,} papers are shown"
    # The keyboard goes on at the first row added; "Show all" is still offered.
    assert page.evaluate("document.activeElement.textContent") == LONG_ROWS[ALL_PAPERS_FIRST][0]
    expect(page.get_by_role("button", name=f"Show all {LONG:,}")).to_be_visible()
    # A sort shows as many rows of the new order (it went back to the first 200).
    page.get_by_role("button", name=re.compile("^Year")).click()
    oldest = [r[0] for r in sorted(LONG_ROWS, key=lambda r: r[1])]
    assert _titles(page) == oldest[:ALL_PAPERS_FIRST + 1000]
    assert count.inner_text() == f"The first {ALL_PAPERS_FIRST + 1000:,} of {LONG:,} papers are shown"
    # 300 left after the next step: "Show all" alone, which shows them.
    page.get_by_role("button", name="Show 1,000 more").click()
    assert _titles(page) == oldest[:ALL_PAPERS_FIRST + 2000]
    assert page.get_by_role("button", name="Show 1,000 more").count() == 0
    page.get_by_role("button", name=f"Show all {LONG:,}").click()
    _all_shown(page, LONG)
    assert _titles(page) == oldest
    assert count.inner_text() == f"All {LONG:,} papers are shown"
    # A filter typed starts again from its first 200 matches.
    page.locator(".rl-filter__text").fill("paper")
    page.locator(".rl-filter__text").press("Enter")
    assert len(_titles(page)) == ALL_PAPERS_FIRST


def test_a_topic_of_more_rows_than_shown_at_first_says_its_count_on_load(new_page):
    """A topic of 201 to 2,000 papers is shown whole, its rows as boxes: its count line
    was empty until the filter was used, where a long list says how many it shows."""
    page = new_page(viewport={"width": 1280, "height": 900})
    _opened(page, "bigtopic/")
    assert len(_titles(page)) == TOPIC
    assert page.evaluate("document.getElementById('t').hasAttribute('data-rl-rows')") is True
    assert page.locator(".rl-filter__count").inner_text() == f"All {TOPIC:,} papers are shown"


@pytest.mark.parametrize(("address", "down", "up"), [
    ("uncounted/", "with code first, then by title", "without code first, then by title"),
    ("uncountedtopic/", "With code first, then by title.", "Without code first, then by title."),
])
def test_without_star_counts_the_code_sort_says_code_then_title_not_most_stars(new_page, address, down, up):
    # No badge has a count: the sort said "with code first, most stars first", an order
    # it could not show (it is code or not, then the title, A to Z, case aside).
    page = new_page()
    _opened(page, address)
    code = page.get_by_role("button", name=re.compile("^Code"))
    code.click()
    assert _titles(page) == ["Alpha", "Kappa", "beta", "Gamma"]
    assert _note_text(page) == down
    assert page.locator("th .rl-sort__how").all_text_contents() == ["", "", f"({down.rstrip('.').lower()})"]
    expect(page.locator("[aria-live]", has_text="Sorted by")).to_have_text(
        f"Sorted by Code, {down.rstrip('.').lower()}.")
    code.click()
    assert _titles(page) == ["beta", "Gamma", "Alpha", "Kappa"]
    assert _note_text(page) == up
    expect(page.locator("[aria-live]", has_text="Sorted by")).to_have_text(
        f"Sorted by Code, {up.rstrip('.').lower()}.")


@pytest.mark.parametrize("address", ["papers/", "topic/"])
def test_printed_the_headers_are_their_words_without_the_sort_arrows(new_page, address):
    # (A reader's print of All papers: "Title \u2191" and "Code \u2195", the buttons'
    # arrows, printed in the header, where they sort nothing.) On paper the header is its
    # word; the order is in the note's words, sorted or not.
    page = new_page()
    _opened(page, address)
    page.get_by_role("button", name=re.compile("^Title")).click()
    page.emulate_media(media="print")
    arrows = page.locator("#t .rl-sort__arrow")
    assert arrows.count() == 3 and all(arrow.is_hidden() for arrow in arrows.all())
    # (The sort's words, "(A to Z)", stay for a screen reader only: a box 1 px wide.)
    assert page.locator("#t .rl-sort__how").evaluate_all("s => s.map(e => e.getBoundingClientRect().width)") == [1, 1, 1]
    assert "A to Z" in page.locator(".rl-order").inner_text()
    page.emulate_media(media="screen")
    assert all(arrow.is_visible() for arrow in arrows.all())
