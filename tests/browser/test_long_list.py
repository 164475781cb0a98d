"""A long All papers table (over ALL_PAPERS_WHOLE rows): its rows past the first ship
in a body of their own, hidden while scripts run (generator/pagecontext.py, overrides/main.html,
readinglist.css, table-filter.js). A page of that shape, built from the site's own
stylesheet, head script and filter, is served on loopback."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from generator.pagecontext import ALL_PAPERS_FIRST, ALL_PAPERS_WHOLE

from .conftest import html_document
from .sitebuild import ROOT, SiteServer, build_fixture_site

pytestmark = [pytest.mark.browser]

TOTAL = ALL_PAPERS_WHOLE + 500
SHOWN = "#t tbody:visible tr td a"


def _head_script() -> str:
    """The script main.html puts in every page's head."""
    html = (ROOT / "overrides" / "main.html").read_text(encoding="utf-8")
    return re.search(r"<script>document\.documentElement\.classList\.add\(\"rl-js\"\).*?</script>", html).group(0)


def _page(rows: int, first: int, head: bool = True, script: str = "table-filter.js") -> str:
    titles = [f"Paper {n} about {'zebras' if n == rows - 1 else 'models'}" for n in range(rows)]

    def body(part):
        return "".join(f'<tr><td><a href="../p/{n}.html">{t}</a></td></tr>' for n, t in part)

    numbered = list(enumerate(titles))
    return html_document(
        '<div class="md-typeset"><div class="rl-filter" data-table="t" hidden>'
        '<input type="search" class="rl-filter__text"><input type="checkbox" class="rl-filter__code">'
        '<span class="rl-filter__count"></span></div>'
        f'<table id="t"><thead><tr><th>Title</th></tr></thead><tbody>{body(numbered[:first])}</tbody>'
        f'<tbody class="rl-rest">{body(numbered[first:])}</tbody></table></div>'
        f'<script src="../{script}"></script>',
        head=f'{_head_script() if head else ""}<link rel="stylesheet" href="../readinglist.css">',
    )


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """papers/ (the long table), nohead/ (without the head's script), broken/ (its
    filter script missing), and a page per paper."""
    root = tmp_path_factory.mktemp("long")
    assets = ROOT / "overrides" / "assets"
    for name in ("readinglist.css", "table-filter.js"):
        (root / name).write_text((assets / name).read_text(encoding="utf-8"), encoding="utf-8")
    for folder, kwargs in (("papers", {}), ("nohead", {"head": False}), ("broken", {"script": "missing.js"})):
        (root / folder).mkdir()
        (root / folder / "index.html").write_text(_page(TOTAL, ALL_PAPERS_FIRST, **kwargs), encoding="utf-8")
    (root / "p").mkdir()
    for n in (0, 1000, TOTAL - 1):
        paper = html_document(f"<h1>Paper {n}</h1>", head=f"<title>Paper {n}</title>")
        (root / "p" / f"{n}.html").write_text(paper, encoding="utf-8")
    with SiteServer(root) as server:
        yield server.base_url


@pytest.fixture
def new_page(browser, served):
    contexts = []

    def make(**kwargs):
        contexts.append(browser.new_context(base_url=served, **kwargs))
        page = contexts[-1].new_page()
        page.on("pageerror", lambda error: pytest.fail(f"page error: {error}"))
        return page

    yield make
    for context in contexts:
        context.close()


def test_the_long_page_is_read_as_the_sites_pages_are(new_page):
    # In standards mode and as UTF-8, as Material writes every page: served without a
    # charset, a page not saying its own is read as windows-1252, and so are the
    # filter script and stylesheet it loads (their accented letters and "· " garbled).
    page = new_page()
    page.goto("papers/")
    assert page.evaluate("[document.compatMode, document.characterSet]") == ["CSS1Compat", "UTF-8"]


def test_the_rest_is_hidden_and_the_filter_reads_every_row(new_page):
    page = new_page()
    page.goto("papers/")
    page.locator(".rl-filter").wait_for(state="visible")
    # The rest is never laid out; the first rows are shown with a button for the rest.
    assert page.evaluate("getComputedStyle(document.querySelector('tbody.rl-rest')).display") == "none"
    assert page.locator(SHOWN).count() == ALL_PAPERS_FIRST
    count = page.locator(".rl-filter__count")
    assert count.inner_text() == f"The first {ALL_PAPERS_FIRST} of {TOTAL:,} papers are shown"
    # A word only the last (hidden) row has finds it.
    box = page.locator(".rl-filter__text")
    box.fill("zebras")
    box.press("Enter")
    assert page.locator("#t tbody:visible td").all_inner_texts() == [f"Paper {TOTAL - 1} about zebras"]
    box.fill("")
    box.press("Enter")
    assert page.locator(SHOWN).count() == ALL_PAPERS_FIRST
    button = page.get_by_role("button", name=f"Show all {TOTAL:,}")
    button.click()
    page.wait_for_function("n => document.querySelectorAll('#t tbody:not([hidden]) tr td a').length >= n", arg=TOTAL)
    assert page.locator(SHOWN).count() == TOTAL
    assert count.inner_text() == f"All {TOTAL:,} papers are shown"
    # The keyboard goes on where the new rows start.
    assert page.evaluate("document.activeElement.textContent") == f"Paper {ALL_PAPERS_FIRST} about models"


def test_back_from_a_paper_finds_every_row_still_shown(new_page):
    page = new_page()
    page.goto("papers/")
    page.locator(".rl-filter").wait_for(state="visible")
    page.get_by_role("button", name=f"Show all {TOTAL:,}").click()
    page.wait_for_function("n => document.querySelectorAll('#t tbody:not([hidden]) tr td a').length >= n", arg=TOTAL)
    expect(page).to_have_url(re.compile(r"papers/\?all=1$"))  # (page.url follows a moment after)
    page.locator("#t tbody:visible a", has_text="Paper 1000 about").click()
    page.locator("h1", has_text="Paper 1000").wait_for()
    page.go_back()
    page.locator(".rl-filter").wait_for(state="visible")
    page.wait_for_function("n => document.querySelectorAll('#t tbody:not([hidden]) tr td a').length >= n", arg=TOTAL)
    assert page.locator(".rl-filter__count").inner_text() == f"All {TOTAL:,} papers are shown"
    # And from the address alone (a reload, a shared link).
    page.goto("papers/?all=1")
    page.locator(".rl-filter").wait_for(state="visible")
    assert page.locator(SHOWN).count() == TOTAL


def test_printed_the_whole_list_prints_every_row_and_no_button(new_page):
    page = new_page()
    page.goto("papers/")
    page.locator(".rl-filter").wait_for(state="visible")
    page.emulate_media(media="print")
    assert page.locator(SHOWN).count() == TOTAL
    assert not page.get_by_role("button", name=f"Show all {TOTAL:,}").is_visible()
    # A filtered list prints every match, not the rows shown, without its button
    # ("models": 2,499 match, 200 shown; since 7607d7d6. This said 200, and passed or
    # not by whether the count came before the page was told of print media, a frame
    # later: it is waited for now.)
    for query, printed in (("models", 2499), ("zebras", 1)):
        page.emulate_media(media="screen")
        page.locator(".rl-filter__text").fill(query)
        page.locator(".rl-filter__text").press("Enter")
        # ("Show 1,000 more" and "Show all")
        assert page.locator("#t .md-button").count() == (2 if query == "models" else 0)
        page.emulate_media(media="print")
        page.evaluate("new Promise(done => requestAnimationFrame(() => setTimeout(done)))")
        assert page.locator(SHOWN).count() == printed
        assert not any(button.is_visible() for button in page.locator("#t .md-button").all())


def test_without_the_head_s_script_the_filter_still_hides_the_rest(new_page):
    # (A policy forbidding inline scripts: the class is never set.)
    page = new_page()
    page.goto("nohead/?filter=zebras")
    page.locator(".rl-filter").wait_for(state="visible")
    assert page.locator(SHOWN).count() == 1


def test_when_the_filter_script_does_not_run_every_row_shows(new_page):
    page = new_page()
    page.goto("broken/")  # its script is not there (a 404)
    page.wait_for_load_state("load")
    page.wait_for_function("!document.documentElement.classList.contains('rl-js')")
    assert page.locator(SHOWN).count() == TOTAL


def test_without_javascript_every_row_shows(new_page):
    page = new_page(java_script_enabled=False)
    page.goto("papers/")
    assert page.locator(SHOWN).count() == TOTAL


@pytest.fixture(scope="module")
def built_long(tmp_path_factory):
    """The fixture list with more than ALL_PAPERS_WHOLE papers, one of them about zebras,
    built (some 20 s): its folder and its number of papers."""
    added = ALL_PAPERS_WHOLE + 1

    def add(content):
        for n in range(added):
            (content / "papers" / f"long-{n}.yml").write_text(
                f"id: long-{n}\ntitle: Paper {n} about {'zebras' if n == added // 2 else 'models'}\n"
                "authors: [Ada Lovelace]\nyear: 2024\nadded: 2026-11-29\n", encoding="utf-8")

    site = build_fixture_site(tmp_path_factory.mktemp("long-built") / "project", add)
    return site, len(json.loads((site / "papers.json").read_text(encoding="utf-8")))


def test_opened_from_disk_the_rest_is_shown_on_request(open_context, built_long):
    """Opened from file://, the filter never showed and the rows past the first stayed
    hidden, with no way to show them: table-filter.js waited for a page from Material's
    document$, which from disk ends before giving any (instant navigation is left out)."""
    site, total = built_long
    assert total > ALL_PAPERS_WHOLE
    page = open_context().new_page()
    page.goto((site / "papers" / "index.html").as_uri())
    page.locator(".rl-filter").wait_for(state="visible", timeout=5000)
    shown = "#rl-all-papers tbody:visible tr td:first-child a"
    assert page.locator(shown).count() == ALL_PAPERS_FIRST
    box = page.get_by_role("searchbox", name="Filter")
    box.fill("zebras")
    box.press("Enter")
    assert page.locator(shown).all_inner_texts() == [f"Paper {(ALL_PAPERS_WHOLE + 1) // 2} about zebras"]
    box.fill("")
    box.press("Enter")
    page.get_by_role("button", name=f"Show all {total:,}").click()
    page.wait_for_function(
        "n => document.querySelectorAll('#rl-all-papers tbody:not([hidden]) tr td:first-child a').length >= n",
        arg=total)
    assert page.locator(shown).count() == total


def test_a_badge_s_tag_is_never_broken_in_two(styled):
    # "not found" in a narrow table column: it broke into "not" and "found", each with
    # half an outline.
    page = styled(
        "<table><tr><td style='width: 4em'>"
        "<a class='rl-badge rl-badge--code rl-badge--compact' href='#'>example/<wbr>hostile "
        "<span class='rl-badge__mark rl-badge__mark--gone'>not found</span></a></td></tr></table>",
        {"width": 320, "height": 400},
    )
    assert page.evaluate("document.querySelector('.rl-badge__mark--gone').getClientRects().length") == 1


def test_printed_after_show_1000_more_every_row_is_printed_once(new_page):
    """After "Show 1,000 more" the body shown holds the first 1,200 rows, and the page's
    hidden rest still holds rows 200 on: printed together, rows 200 to 1,199 came twice."""
    page = new_page()
    page.goto("papers/")
    page.locator(".rl-filter").wait_for(state="visible")
    page.get_by_role("button", name="Show 1,000 more").click()
    assert page.locator(SHOWN).count() == ALL_PAPERS_FIRST + 1000
    page.emulate_media(media="print")
    # (Each link drawn: ":visible" in SHOWN is its body's, not its row's.)
    printed = page.evaluate("[...document.querySelectorAll('#t tbody a')].filter(a => a.checkVisibility())"
                            ".map(a => a.textContent)")
    assert len(printed) == TOTAL
    assert len(set(printed)) == TOTAL
    assert printed[ALL_PAPERS_FIRST + 1000] == f"Paper {ALL_PAPERS_FIRST + 1000} about models"


def test_back_from_a_paper_after_show_1000_more_finds_as_many_rows_shown(new_page):
    """Back from a paper in row 1,000 after "Show 1,000 more" showed the first 200 rows
    again: the row the reader came from was gone."""
    page = new_page()
    page.goto("papers/")
    page.locator(".rl-filter").wait_for(state="visible")
    page.get_by_role("button", name="Show 1,000 more").click()
    expect(page).to_have_url(re.compile(rf"papers/\?shown={ALL_PAPERS_FIRST + 1000}$"))
    page.locator("#t tbody:visible a", has_text="Paper 1000 about").click()
    page.locator("h1", has_text="Paper 1000").wait_for()
    page.go_back()
    page.locator(".rl-filter").wait_for(state="visible")
    assert page.locator(SHOWN).count() == ALL_PAPERS_FIRST + 1000
    assert page.locator(".rl-filter__count").inner_text() == (
        f"The first {ALL_PAPERS_FIRST + 1000:,} of {TOTAL:,} papers are shown")
    # A filter typed starts again from its first 200 matches, and the address says so.
    page.locator(".rl-filter__text").fill("models")
    page.locator(".rl-filter__text").press("Enter")
    assert page.locator(SHOWN).count() == ALL_PAPERS_FIRST
    expect(page).to_have_url(re.compile(r"papers/\?filter=models$"))
