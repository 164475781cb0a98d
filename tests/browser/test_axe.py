"""axe-core (as axe-playwright-python bundles it) on the built pages, in the light and the
dark palette on a desktop and in the light one on a phone (390 px): any violation fails,
named by its rule, its page and its element. axe's rules of WCAG 2.2 A and AA, best
practices and the experimental ones, but in the dark palette only the rules of colour.

The shipped list's pages of each kind (its home page, a topic, a paper with code badges,
one with no related paper shown, all papers, the curation reference) and the fixture
list's that hold its hostile text (titles, authors, venues, tags, notes written as
markup), its badges of every state (official, starred, archived, not found) and its wide
tables. One browser, the two sites the other browser tests build, and one page per view
that goes from page to page.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.base import AXE_SCRIPT

from .conftest import DESKTOP, PHONE, page_kinds, wait_for_search
from .sitebuild import served_fixture_site
from .fixturelist import PAPER as WIDE_TABLES_PAPER
from .fixturelist import TOPIC as WIDE_TABLES_TOPIC

pytestmark = [pytest.mark.browser]

# axe's rules run by default are WCAG 2.0 and 2.1 A and AA and best practices; these are
# off by default and run too: WCAG 2.2's target size and the experimental rules, among
# them label-content-name-mismatch, WCAG's label in name (a speech user says a badge's
# words to follow it). Not the experimental hidden-content, which only asks for a
# review, nor the AAA and deprecated rules.
ALSO = (
    "target-size", "label-content-name-mismatch", "p-as-heading", "table-fake-caption",
    "td-has-header", "css-orientation-lock", "focus-order-semantics",
)
EVERY_RULE = {"resultTypes": ["violations"], "rules": {rule: {"enabled": True} for rule in ALSO}}
# The dark palette changes colours only (Material's slate scheme and readinglist.css's
# rules for it): in it, the rules of colour (three fifths of the time of every rule).
COLOUR_RULES = {"resultTypes": ["violations"], "runOnly": ["color-contrast", "link-in-text-block"]}

# A view: the viewport, the palette asked for, the scheme Material then shows, the rules.
VIEWS = {
    "light": (DESKTOP, "light", "default", EVERY_RULE),
    "dark": (DESKTOP, "dark", "slate", COLOUR_RULES),
    "phone": (PHONE, "light", "default", EVERY_RULE),
}

FIXTURE_PAGES = (
    "",  # the recently added, hostile-inputs among them
    "papers/",
    "papers/hostile-inputs/",  # its code repository not found
    "papers/gradient-episodic-memory/",  # official and archived
    "papers/replay-against-forgetting/",  # official and starred, and a port on GitLab
    "topics/continual-learning/",
    WIDE_TABLES_PAPER,
    WIDE_TABLES_TOPIC,
)  # (Its curation reference is the shipped list's: the schema's, the same in both.)

# What is measured is what a reader sees once it has settled, not a moment of a colour's
# transition.
NO_TRANSITIONS = (
    "addEventListener('DOMContentLoaded', () => document.head.insertAdjacentHTML('beforeend',"
    " '<style>*, *::before, *::after { transition: none !important; animation: none !important; }</style>'))"
)
# Two frames after the load: readinglist.js has made a table that scrolls a Tab stop
# (it looks a frame after a box changes size) and a code block's <nav> no landmark.
SETTLED = "new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"


def _violations(open_context, base: str, urls, view: str, before=None) -> list[str]:
    viewport, color_scheme, scheme, options = VIEWS[view]
    page = open_context(viewport=viewport, color_scheme=color_scheme, base=base).new_page()
    page.add_init_script(NO_TRANSITIONS)
    page.add_init_script(AXE_SCRIPT)
    found = []
    for url in urls:
        assert page.goto(url).ok, url
        page.evaluate(SETTLED)
        if before is not None:
            before(page)
        # (The palette asked for is the one shown: Material picks it by the media query.)
        assert page.evaluate("document.body.dataset.mdColorScheme") == scheme, url
        results = page.evaluate("options => axe.run(document, options)", options)
        for violation in results["violations"]:
            for node in violation["nodes"]:
                # The rule's help, and the first of the element's failed checks (the one
                # that says a contrast's figures).
                checks = [check["message"] for kind in ("any", "all", "none") for check in node[kind]]
                found.append(f"{violation['id']} on /{url} ({view}): {' '.join(node['target'])}:"
                             f" {violation['help']} ({checks[0] if checks else ''})\n    {node['html'][:300]}")
    return found


@pytest.mark.example
@pytest.mark.parametrize("view", VIEWS)
def test_the_shipped_lists_pages_have_no_violations(open_context, base_url, site_dir, papers, view):
    kinds = page_kinds(site_dir, papers)
    urls = [kinds[kind] for kind in ("home", "topic", "paper", "all-papers", "page-curation-reference", "404")]
    # A paper with no related paper shown: its note links its topic's page.
    urls.append(next(p["url"] for p in papers if not p["related"] and p["topics"]))
    # All papers filtered to nothing: its note and its button to the site's search.
    urls.append(kinds["all-papers"] + "?filter=zzzqqq")
    found = _violations(open_context, base_url, urls, view)
    assert not found, "axe-core found:\n" + "\n".join(found)


@pytest.mark.parametrize("view", VIEWS)
def test_the_fixture_lists_hostile_text_badges_and_tables_have_no_violations(open_context, tables_url, view):
    found = _violations(open_context, tables_url, FIXTURE_PAGES, view)
    assert not found, "axe-core found:\n" + "\n".join(found)


# More papers than the filter shows at first (table-filter.js's LIMIT, 200), all in one
# topic: All papers and the topic show every row, drawn as boxes (grids, on a phone
# cards) with the roles of a table, its rows and cells given by the script.
BOXED = 260


@pytest.fixture(scope="module")
def boxed_url(tmp_path_factory):
    def add(content):
        for n in range(BOXED):
            (content / "papers" / f"boxed-{n}.yml").write_text(
                f"id: boxed-{n}\ntitle: Paper {n} on continual learning\nauthors: [Ada Lovelace]\n"
                "year: 2024\nadded: 2026-11-29\ntopics: [continual-learning]\n", encoding="utf-8")

    with served_fixture_site(tmp_path_factory.mktemp("boxed") / "project", add) as url:
        yield url


def _drawn_once(page) -> None:
    """Every row scrolled past, as a reader does, then the top again. A row off the
    screen is one the browser skips (content-visibility: auto) at a guessed height (7em)
    until it has been drawn, then at its own: axe measured a skipped phone card's badge,
    taller than the guess, over the next card's title (target-size), which no reader
    sees: a row is drawn before it comes on the screen."""
    page.evaluate("""async () => {
        for (let y = 0; y < document.body.scrollHeight; y += innerHeight / 2) {
            scrollTo(0, y);
            await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
        }
        scrollTo(0, 0);
    }""")
    page.evaluate(SETTLED)


@pytest.mark.parametrize("view", VIEWS)
def test_a_list_of_rows_drawn_as_boxes_has_no_violations(open_context, boxed_url, view):
    urls = ("papers/", "topics/continual-learning/", "papers/?filter=continual")

    def boxed(page):
        assert page.evaluate("document.querySelectorAll('table[data-rl-rows][role=table]').length") == 1
        _drawn_once(page)

    found = _violations(open_context, boxed_url, urls, view, before=boxed)
    assert not found, "axe-core found:\n" + "\n".join(found)


def _searched(open_context, base_url, query: str, color_scheme: str = "light"):
    """The home page with ``query`` typed in its open search, answered."""
    page = open_context(viewport=DESKTOP, color_scheme=color_scheme, base=base_url).new_page()
    page.add_init_script(NO_TRANSITIONS)
    page.add_init_script(AXE_SCRIPT)
    assert page.goto("").ok
    page.locator(".md-search__input").click()
    page.locator(".md-search__input").press_sequentially(query)
    # (Not the answer to its first keys, drawn over while axe-core runs.)
    wait_for_search(page)
    return page


def _search_violations(page) -> list[str]:
    """What axe-core finds in the open search, every rule but one."""
    page.evaluate(SETTLED)
    options = {**EVERY_RULE, "rules": {**EVERY_RULE["rules"],
                                       # Material gives the result links tabindex=-1 and moves
                                       # between them with the arrow keys: its scroll box is
                                       # reached that way, not by Tab, as designed.
                                       "scrollable-region-focusable": {"enabled": False}}}
    results = page.evaluate("options => axe.run('.md-search', options)", options)
    return [f"{v['id']}: {' '.join(n['target'])}" for v in results["violations"] for n in v["nodes"]]


@pytest.mark.example
def test_the_open_search_with_results_has_no_violations(open_context, base_url):
    """Search results are drawn by Material's script on every query: each result's tags
    came in an unnamed <nav>, six landmarks alike on a search for "merging"
    (landmark-unique); readinglist.js makes them none as they come."""
    page = _searched(open_context, base_url, "merging")
    page.wait_for_function("/^\\d+ pages? found/.test(document.querySelector('.md-search-result__meta').textContent)")
    assert page.locator(".md-search-result nav.md-tags").count() >= 2  # (the case this is about)
    found = _search_violations(page)
    assert not found, "axe-core found:\n" + "\n".join(found)


@pytest.mark.example
@pytest.mark.parametrize("color_scheme", ["light", "dark"])
def test_the_search_results_line_between_every_word_and_some_has_no_violations(open_context, base_url, color_scheme):
    """A query of two words lists the pages with both, then a line (an item of the
    list) where those with one begin; a status, not shown, tells a screen reader the
    count (readinglist.js's moreDivider and searchCount)."""
    page = _searched(open_context, base_url, "model merging", color_scheme)
    page.locator(".rl-search-more").scroll_into_view_if_needed()  # (the case this is about)
    page.wait_for_function("document.querySelector('.rl-search-status').textContent !== ''")
    found = _search_violations(page)
    assert not found, "axe-core found:\n" + "\n".join(found)


@pytest.mark.parametrize("view", ["light", "dark"])
def test_the_phone_drawer_open_at_a_sub_topic_has_no_contrast_violations(open_context, tables_url, view):
    """The drawer opened on a sub-topic's page shows its parent's list under a title band
    (the parent's title): Material's light text on the band's grey stood 4.4:1 (4.1:1
    dark), under the 4.5:1 that text needs. No view above opens the drawer."""
    _, color_scheme, scheme, _ = VIEWS[view]
    page = open_context(viewport=PHONE, color_scheme=color_scheme, base=tables_url).new_page()
    page.add_init_script(NO_TRANSITIONS)
    page.add_init_script(AXE_SCRIPT)
    assert page.goto("topics/task-arithmetic/").ok
    assert page.evaluate("document.body.dataset.mdColorScheme") == scheme
    page.get_by_role("button", name="Navigation menu").click()
    page.wait_for_function("document.getElementById('__drawer').checked")
    page.evaluate(SETTLED)
    titles = page.locator(".md-sidebar--primary label.md-nav__title:not([for=__drawer])")
    assert titles.count() >= 2  # (the case this is about: the nested lists' title bands)
    results = page.evaluate("options => axe.run('.md-sidebar--primary', options)", COLOUR_RULES)
    found = [f"{v['id']}: {' '.join(n['target'])} ({n['any'][0]['message'] if n['any'] else ''})"
             for v in results["violations"] for n in v["nodes"]]
    assert not found, "axe-core found:\n" + "\n".join(found)


@pytest.mark.example
def test_the_chosen_search_result_in_the_dark_palette_has_no_contrast_violations(open_context, base_url):
    """The result the arrow keys choose (or the mouse is over) takes Material's tinted
    background: there the found words, in the dark link colour, stood 4.15:1, under the
    4.5:1 that text needs. Both: the first paper chosen by the keys, the mouse over the
    next."""
    page = open_context(viewport=DESKTOP, color_scheme="dark", base=base_url).new_page()
    page.add_init_script(NO_TRANSITIONS)
    page.add_init_script(AXE_SCRIPT)
    assert page.goto("").ok
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    page.locator(".md-search__input").click()
    page.locator(".md-search__input").press_sequentially("catastrophic forgetting")
    wait_for_search(page)
    page.wait_for_function("/^\\d+ pages? with /.test(document.querySelector('.md-search-result__meta').textContent)")
    # The first result is the topic; the keys choose the second, a paper, found words in
    # its abstract.
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    chosen = page.locator(".md-search-result__link:focus")
    assert chosen.locator("p mark").count() >= 1  # (the case this is about)
    page.locator(".md-search-result__item").nth(2).hover()
    page.evaluate(SETTLED)
    results = page.evaluate("options => axe.run('.md-search', options)", COLOUR_RULES)
    found = [f"{v['id']}: {' '.join(n['target'])} ({n['any'][0]['message'] if n['any'] else ''})"
             for v in results["violations"] for n in v["nodes"]]
    assert not found, "axe-core found:\n" + "\n".join(found)
