"""Sorting a list of papers by its column headers (overrides/assets/table-filter.js):
Title, Year and Code become buttons; a second click reverses; equal keys keep the
page's order; the choice is kept in the address and composes with the filter; without
JavaScript the table is as generated. Pages of the generated tables' shape (the
templates' headers and cells), built from the site's own stylesheet and script, are
served on loopback. The expected orders below are worked out by hand from ROWS."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from generator.pagecontext import ALL_PAPERS_FIRST, ALL_PAPERS_WHOLE

from .conftest import PHONE, html_document
from .sitebuild import ROOT, SiteServer

pytestmark = [pytest.mark.browser]

# In the page's order (newest first, undated last, then by title): title, year, stars
# ("" for code without stars, None for no code).
ROWS = [
    ("Zebra models", 2024, "1.2k"),
    ("apple learning", 2024, None),
    ("\u00c9mile transfer", 2023, "87"),
    ("Beta nets", 2023, ""),
    ("Paper 10", 2022, "1.2k"),
    ("Paper 9", 2022, None),
    ("Undated thing", None, "12k"),
]
TITLE_UP = [1, 3, 2, 5, 4, 6, 0]  # case and accents aside, "9" before "10"
TITLE_DOWN = [0, 6, 4, 5, 2, 3, 1]
YEAR_UP = [4, 5, 2, 3, 0, 1, 6]  # oldest first; the undated paper last
CODE_DOWN = [6, 0, 4, 2, 3, 1, 5]  # 12k, 1.2k and 1.2k (the page's order), 87, no stars, none
CODE_UP = [1, 5, 3, 2, 0, 4, 6]


def _code(stars):
    if stars is None:
        return ('<span class="rl-code-none"><span aria-hidden="true">&mdash;</span>'
                '<span class="rl-code-none__words">No code linked</span></span>')
    more = f' <span class="rl-badge__more"><span class="rl-badge__stars">{stars}</span></span>' if stars else ""
    return f'<a class="rl-badge rl-badge--code rl-badge--compact" href="https://example.org/x">x/y{more}</a>'


def _row(n, title, year, stars, topics=True):
    return (f'<tr><td><a href="../p/{n}.html">{title}</a></td><td>{"" if year is None else year}</td>'
            + ('<td><a href="../t/">Topic</a></td>' if topics else "") + f"<td>{_code(stars)}</td></tr>")


def _head_script() -> str:
    html = (ROOT / "overrides" / "main.html").read_text(encoding="utf-8")
    return re.search(r"<script>document\.documentElement\.classList\.add\(\"rl-js\"\).*?</script>", html).group(0)


def _page(rows, first=None, filtered=True, topics=True) -> str:
    """A table as all_papers.md.j2 (``topics``) or topic.md.j2 writes it; past
    ``first`` rows, the rest in a body of its own (a long list)."""
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
        f'<div class="md-typeset">{filter_}<div class="md-typeset__table">'
        f'<table id="t" data-rl-papers><thead><tr>{heads}</tr></thead>'
        f'<tbody>{"".join(body[:first])}</tbody>{rest}</table></div></div>'
        '<script src="../table-filter.js"></script>',
        head=f'{_head_script()}<link rel="stylesheet" href="../readinglist.css">',
    )


LONG = ALL_PAPERS_WHOLE + 500
# A long list: newest first, then by title; the years run 2025 down to 2001 in turn.
LONG_ROWS = sorted(
    ((f"Paper {n:05d}", 2001 + n % 25, None) for n in range(LONG)), key=lambda r: (-r[1], r[0])
)


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
    return page.locator("#t tbody:visible tr td:first-child a").all_inner_texts()


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


def test_a_long_list_sorts_every_row_and_shows_the_first(new_page):
    page = new_page()
    _opened(page, "long/")
    page.get_by_role("button", name=re.compile("^Year")).click()
    # Oldest first, the page's order (by title) among a year's papers; from the rest too.
    oldest = [r[0] for r in sorted(LONG_ROWS, key=lambda r: r[1])]
    assert _titles(page) == oldest[:ALL_PAPERS_FIRST]
    assert page.locator(".rl-filter__count").inner_text() == f"The first {ALL_PAPERS_FIRST} of {LONG} papers are shown"
    page.get_by_role("button", name=re.compile("^Title")).click()
    page.get_by_role("button", name=re.compile("^Title")).click()
    assert _titles(page)[:2] == [f"Paper {LONG - 1:05d}", f"Paper {LONG - 2:05d}"]
    page.get_by_role("button", name=f"Show all {LONG}").click()
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


def test_a_sorted_long_list_prints_the_rows_shown_once(new_page):
    page = new_page()
    _opened(page, "long/")
    page.emulate_media(media="print")
    # Unsorted, the first rows and the rest: every row once.
    assert page.locator("#t tbody:visible tr td:first-child a").count() == LONG
    page.get_by_role("button", name=re.compile("^Title")).click()
    page.get_by_role("button", name=re.compile("^Title")).click()
    titles = _titles(page)
    assert len(titles) == len(set(titles)) == ALL_PAPERS_FIRST
    assert titles[0] == f"Paper {LONG - 1:05d}"
