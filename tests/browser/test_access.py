"""Access by keyboard, screen reader and contrast, in headless Chromium: the findings of
the accessibility review that only a browser shows.

Every test also fails if the page logged a console error or asked anything of a host
other than the local server (see conftest.open_context).
"""

from __future__ import annotations

import re

import pytest

from .conftest import DESKTOP, PHONE, page_kinds, wait_for_search

pytestmark = [pytest.mark.browser, pytest.mark.example]

# The end state of every colour change and slide at once: what is measured is what a
# reader sees once it has settled, not a moment of a transition.
NO_TRANSITIONS = "*, *::before, *::after { transition: none !important; animation: none !important; }"

# The WCAG contrast ratio of an element's text on what is behind it: its own background,
# or the first ancestor's that is not transparent, with any alpha laid over the one below.
CONTRAST = r"""el => {
    const parse = s => { const p = s.match(/[\d.]+/g).map(Number); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
    const ch = v => (v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    const lum = c => 0.2126 * ch(c[0]) + 0.7152 * ch(c[1]) + 0.0722 * ch(c[2]);
    const over = (f, b) => [0, 1, 2].map(i => f[i] * f[3] + b[i] * (1 - f[3])).concat(1);
    const layers = [];
    for (let n = el; n; n = n.parentElement) {
        const c = parse(getComputedStyle(n).backgroundColor);
        if (c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
    }
    let back = [255, 255, 255, 1];
    for (const c of layers.reverse()) back = over(c, back);
    const fore = over(parse(getComputedStyle(el).color), back);
    const [x, y] = [lum(fore), lum(back)];
    return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}"""

# What has the keyboard: whether it is inside the navigation drawer, and whether it is
# on the screen at all.
FOCUSED = """() => {
    const el = document.activeElement;
    const box = el.getBoundingClientRect();
    return {
        inDrawer: !!el.closest('.md-sidebar--primary'),
        onScreen: box.width > 0 && box.right > 0 && box.left < innerWidth
            && box.bottom > 0 && box.top < innerHeight && getComputedStyle(el).visibility === 'visible',
        name: (el.getAttribute('aria-label') || el.textContent).trim(),
        button: el.tagName === 'BUTTON' || el.getAttribute('role') === 'button',
    };
}"""


def _tab_stops(page, count: int) -> list[dict]:
    stops = []
    for _ in range(count):
        page.keyboard.press("Tab")
        stops.append(page.evaluate(FOCUSED))
    return stops


def test_on_a_phone_the_menu_opens_from_the_keyboard_and_is_out_of_the_way_while_closed(
    open_context, site_dir, papers
):
    page = open_context(viewport=PHONE).new_page()
    page.add_init_script(f"addEventListener('DOMContentLoaded', () => document.head.insertAdjacentHTML("
                         f"'beforeend', '<style>{NO_TRANSITIONS}</style>'))")
    # A topic page: its drawer has the topics' list open, which Material makes visible itself.
    page.goto(page_kinds(site_dir, papers)["topic"])
    menu = page.get_by_role("button", name="Navigation menu")
    search = page.get_by_role("button", name="Search")
    # Named buttons, not unnamed images (Material's <label>s), and in the Tab order.
    assert menu.count() == 1 and search.count() == 1
    assert menu.get_attribute("aria-expanded") == "false"
    # Closed, the drawer holds no Tab stop: its links were reached unseen, one by one,
    # before the page's own (the title's links came after seven invisible ones).
    stops = _tab_stops(page, 12)
    assert not [s for s in stops if s["inDrawer"]], stops
    buttons = [s["name"] for s in stops if s["button"] and s["onScreen"]]
    assert buttons[:2] == ["Navigation menu", "Search"], stops
    # Enter opens it, the button says so, and Tab reaches its links, on the screen.
    menu.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("document.getElementById('__drawer').checked")
    assert menu.get_attribute("aria-expanded") == "true"
    stops = _tab_stops(page, 12)
    reached = [s for s in stops if s["inDrawer"]]
    assert reached and reached[0]["onScreen"], stops
    # Escape closes it and gives the keyboard back to the button.
    page.keyboard.press("Escape")
    assert page.evaluate("document.getElementById('__drawer').checked") is False
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Navigation menu"
    assert menu.get_attribute("aria-expanded") == "false"
    # Space, as on any button, opens the search, into its box; the search is a named dialog.
    search.focus()
    page.keyboard.press(" ")
    page.wait_for_function("document.activeElement.classList.contains('md-search__input')")
    assert page.get_by_role("dialog", name="Search").count() == 1


def test_on_a_phone_tab_goes_past_the_closed_search_without_opening_it(open_context, site_dir, papers):
    page = open_context(viewport=PHONE).new_page()
    page.goto(page_kinds(site_dir, papers)["paper"])
    # The box of the closed search, off the screen, was the stop after the Search button:
    # reaching it opened an empty search over the whole page, and the next Tab shut it.
    stops = []
    for _ in range(8):
        page.keyboard.press("Tab")
        stops.append(page.evaluate(
            "[document.activeElement.className, document.getElementById('__search').checked]"))
    assert [s for s in stops if s[1] or "md-search__input" in s[0]] == [], stops
    # The button still opens it, into its box.
    page.get_by_role("button", name="Search").click()
    page.wait_for_function("document.activeElement.classList.contains('md-search__input')")
    page.keyboard.type("merging")
    wait_for_search(page)  # (the answer to "merging", not to "m")
    page.wait_for_function("/^\\d+ pages? found/.test(document.querySelector('.md-search-result__meta').textContent)")


def test_on_a_desktop_the_phone_buttons_stay_out_of_the_tab_order(open_context, site_dir, papers):
    page = open_context(viewport=DESKTOP).new_page()
    page.goto(page_kinds(site_dir, papers)["topic"])
    stops = _tab_stops(page, 10)
    # (Material shows neither at this width: the navigation is beside the page, and the
    # search box in the header. The hidden drawer's rule is for narrow screens only.)
    # The header's, that is: a section's arrow in the navigation is a button of its own
    # (readinglist.js's navigationArrows), a stop here as the label before it was.
    assert not [s for s in stops if s["button"] and not s["inDrawer"]], stops
    assert any(s["inDrawer"] and s["onScreen"] for s in stops), stops


def _reading_log_opened(page, site_dir, papers):
    """``page`` at All papers, its reading log opened (its buttons shown)."""
    page.goto(page_kinds(site_dir, papers)["all-papers"])
    page.add_style_tag(content=NO_TRANSITIONS)
    page.locator("#reading-log summary").click()
    return page


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_reading_logs_buttons_are_readable_at_rest_hovered_and_focused(open_context, site_dir, papers, scheme):
    page = _reading_log_opened(open_context(color_scheme=scheme).new_page(), site_dir, papers)
    button = page.locator(".rl-log__load")
    # (Material's indigo stood 2.35:1 on the dark background.)
    assert button.evaluate(CONTRAST) >= 4.5
    button.hover()
    assert button.evaluate(CONTRAST) >= 4.5  # (white on Material's accent: 4.25:1)
    page.mouse.move(0, 0)
    button.focus()
    assert button.evaluate(CONTRAST) >= 4.5


# A reader with nothing read yet: "Save as a file" is disabled, and under the mouse it
# lit up as if it could be pressed: Material's accent drawn behind it, its words, in the
# link colour at half strength, all but gone into it.
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_reading_logs_disabled_save_button_does_not_light_up_under_the_mouse(open_context, site_dir, papers, scheme):
    page = _reading_log_opened(open_context(color_scheme=scheme).new_page(), site_dir, papers)
    button = page.locator(".rl-log__save")
    assert button.is_disabled()
    look = "el => { const s = getComputedStyle(el); return [s.color, s.backgroundColor, s.borderTopColor, s.opacity]; }"
    rest = button.evaluate(look)
    assert rest[1] == "rgba(0, 0, 0, 0)"  # (no fill at rest: only its outline and words)
    button.hover()
    assert button.evaluate("el => el.matches(':hover')")
    assert button.evaluate(look) == rest


# The sortable headers (Title, Code) under the mouse: Material's accent, 4.26:1 on the
# header's white and 3.78:1 on the dark one, where a hovered link is the brighter link
# colour (test_a_link_under_the_mouse_or_focused_is_readable).
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_sort_button_is_readable_under_the_mouse(open_context, site_dir, papers, scheme, viewport):
    page = open_context(viewport=viewport, color_scheme=scheme).new_page()
    page.goto(page_kinds(site_dir, papers)["all-papers"])
    page.add_style_tag(content=NO_TRANSITIONS)
    buttons = page.locator("thead .rl-sort")
    assert buttons.count() >= 2
    found = {}
    for button in buttons.all():
        rest = button.evaluate(CONTRAST)
        colour = button.evaluate("el => getComputedStyle(el).color")
        button.hover()
        # (The case this is about: under the mouse it changes colour.)
        assert button.evaluate("el => getComputedStyle(el).color") != colour
        found[button.inner_text()] = (round(rest, 2), round(button.evaluate(CONTRAST), 2))
        page.mouse.move(0, 0)
    assert all(min(pair) >= 4.5 for pair in found.values()), found


# "Back to top" and a button hovered or focused: Material's white on its accent, 4.26:1.
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_back_to_top_and_a_button_are_readable_hovered_and_focused(open_context, site_dir, papers, scheme, viewport):
    page = open_context(viewport=viewport, color_scheme=scheme).new_page()
    page.goto(page_kinds(site_dir, papers)["page-curation-reference"])  # (a long page)
    page.add_style_tag(content=NO_TRANSITIONS)
    # A hand-written page's button (attr_list's `[Read more](x){ .md-button }`).
    page.locator(".md-content .md-typeset").evaluate(
        "el => el.insertAdjacentHTML('beforeend', '<p><a class=\"md-button\" href=\"#\">Read more</a></p>')")
    # Material shows "Back to top" once the page is scrolled down and back up a little.
    page.mouse.move(viewport["width"] // 2, viewport["height"] // 2)
    page.mouse.wheel(0, 2000)
    page.wait_for_function("scrollY > 1000")
    page.mouse.wheel(0, -300)
    page.wait_for_function("!document.querySelector('.md-top').hidden")
    found = {}
    for name, selector in (("back to top", ".md-top"), ("button", ".md-content a.md-button")):
        element = page.locator(selector)
        element.hover()
        hovered = element.evaluate(CONTRAST)
        page.mouse.move(0, viewport["height"] - 1)
        element.focus()
        focused = element.evaluate(CONTRAST)
        element.blur()
        found[name] = (round(hovered, 2), round(focused, 2))
    assert all(ratio >= 4.5 for pair in found.values() for ratio in pair), found


def _searched(page, url: str, query: str):
    """``page`` at ``url``, its search opened as a reader opens it (the header's button on
    a phone, the box on a desktop), ``query`` typed and answered."""
    page.goto(url)
    page.add_style_tag(content=NO_TRANSITIONS)
    if page.viewport_size["width"] <= PHONE["width"]:
        page.get_by_role("button", name="Search").click()
    else:
        page.locator(".md-search__input").click()
    page.wait_for_function("document.activeElement.classList.contains('md-search__input')")
    page.keyboard.type(query)
    wait_for_search(page)
    return page


# The search's "1 more on this page", hovered or focused: Material's accent on its tint,
# 3.8:1 light, 3.4:1 dark.
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_searchs_more_on_this_page_is_readable_hovered_and_focused(open_context, scheme, viewport):
    page = _searched(open_context(viewport=viewport, color_scheme=scheme).new_page(), "about/", "paper")
    more = page.locator(".md-search-result__more > summary").first
    words = more.locator("div")
    assert "more on this page" in words.inner_text()
    more.hover()
    hovered = words.evaluate(CONTRAST)
    page.mouse.move(0, viewport["height"] - 1)
    more.focus()
    focused = words.evaluate(CONTRAST)
    assert min(hovered, focused) >= 4.5, (round(hovered, 2), round(focused, 2))


# The header's closed search box under the mouse (a desktop's): its "Search", Material's
# 70% white on the box's lighter indigo, 3.4:1.
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_headers_search_box_says_search_readably_under_the_mouse(open_context, scheme):
    page = open_context(color_scheme=scheme).new_page()
    page.goto("")
    # (A placeholder's colour is a transition of its own, which "*" does not reach.)
    page.add_style_tag(content=NO_TRANSITIONS + " ::placeholder { transition: none !important; }")
    box = page.locator(".md-search__input")
    placeholder = CONTRAST.replace("getComputedStyle(el).color", "getComputedStyle(el, '::placeholder').color")
    assert placeholder != CONTRAST
    assert box.evaluate(placeholder) >= 4.5
    page.locator(".md-search__form").hover()
    assert box.evaluate("el => el.closest('.md-search__form').matches(':hover')")
    assert box.evaluate(placeholder) >= 4.5


# The Cite block's copy button before anything is hovered, as a phone always shows it:
# Material's icon at 7% black (1.17:1 light, 1.39:1 dark) until the mouse is over the
# block, under the 3:1 a control's icon needs (WCAG 1.4.11).
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_cite_blocks_copy_button_is_visible_before_it_is_hovered(open_context, papers, scheme, viewport):
    page = open_context(viewport=viewport, color_scheme=scheme).new_page()
    page.goto(papers[0]["url"])
    page.add_style_tag(content=NO_TRANSITIONS)
    page.mouse.move(0, 0)
    button = page.locator(".rl-bibtex .md-code__button[data-md-type=copy]")
    assert button.count() == 1
    assert not button.evaluate("el => el.closest('pre').matches(':hover')")
    assert button.evaluate(CONTRAST) >= 3
    rest = button.evaluate("el => getComputedStyle(el).color")
    button.hover()  # (still the accent under the mouse: told from the icon at rest)
    assert button.evaluate(CONTRAST) >= 3
    assert button.evaluate("el => getComputedStyle(el).color") != rest


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_link_under_the_mouse_or_focused_is_readable(open_context, site_dir, papers, scheme):
    """Material turns a hovered or focused link its accent indigo: 4.26:1 on white, 3.8:1
    on the dark background, under the 4.5:1 that text needs."""
    page = open_context(color_scheme=scheme).new_page()
    page.goto(page_kinds(site_dir, papers)["topic"])
    page.add_style_tag(content=NO_TRANSITIONS)
    # A paper's link in the topic's text (its reading order), and one in the navigation.
    for link in (page.locator(".md-content a[href*='papers/']:not(table a)").first,
                 page.locator(".md-sidebar--primary a.md-nav__link[href]").first):
        assert link.evaluate(CONTRAST) >= 4.5
        link.hover()
        assert link.evaluate(CONTRAST) >= 4.5
        page.mouse.move(0, 0)
        link.focus()
        assert link.evaluate(CONTRAST) >= 4.5
        link.blur()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_tables_links_are_readable_on_the_row_under_the_mouse(open_context, site_dir, papers, scheme):
    """A row under the mouse takes Material's tint: the dark link colour stood 4.28:1 on
    it. Its links, and the one under the mouse, at least 4.5:1 there."""
    page = open_context(color_scheme=scheme).new_page()
    page.goto(page_kinds(site_dir, papers)["all-papers"])
    page.add_style_tag(content=NO_TRANSITIONS)
    row = page.locator("#rl-all-papers tbody tr").first
    link = row.locator("a:not(.rl-badge)").first
    before = row.evaluate("el => getComputedStyle(el).backgroundColor")
    row.hover(position={"x": 3, "y": 3})  # (its corner: the cell's padding, no link)
    # (The case this is about: the row is tinted.)
    assert row.evaluate("el => getComputedStyle(el).backgroundColor") != before
    assert link.evaluate(CONTRAST) >= 4.5
    link.hover()
    assert link.evaluate(CONTRAST) >= 4.5


def test_the_header_buttons_are_buttons_and_without_scripts_the_menu_still_opens(open_context, site_dir, papers):
    url = page_kinds(site_dir, papers)["topic"]
    page = open_context(viewport=PHONE).new_page()
    page.goto(url)
    # Real buttons (overrides/partials/header.html), not labels given a button's role.
    for name in ("Navigation menu", "Search"):
        button = page.get_by_role("button", name=name)
        assert button.evaluate("el => el.tagName") == "BUTTON"
        assert button.is_visible()
    assert page.locator("label[role]").count() == 0
    labels = page.locator("label.md-header__button[for=__drawer], label.md-header__button[for=__search]")
    assert labels.count() == 2 and not any(label.is_visible() for label in labels.all())
    # Without scripts there are no buttons (nothing would make them work), and
    # Material's label opens the drawer, as it does with no script at all.
    page = open_context(viewport=PHONE, java_script_enabled=False).new_page()
    page.goto(url)
    assert page.locator(".md-header button[data-rl-toggle]:visible").count() == 0
    page.locator(".md-header label[for=__drawer]").click()
    assert page.evaluate("document.getElementById('__drawer').checked") is True


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_an_empty_search_is_no_tab_stop(open_context, viewport):
    page = open_context(viewport=viewport).new_page()
    page.goto("")
    if viewport == PHONE:
        page.get_by_role("button", name="Search").click()
    else:
        page.locator(".md-search__input").click()
    page.wait_for_function("document.activeElement.classList.contains('md-search__input')")
    # (Material opens the search a moment after its box has the keyboard.)
    page.wait_for_function("document.getElementById('__search').checked")
    # The results' box, "Type to start searching" and nothing else, took the next Tab.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.md-search__output') === null")
    # Closed (Tab closed it), the box is hidden, not only out of sight: a screen reader
    # read its "Type to start searching" in the header (on a phone, once it has faded).
    assert page.evaluate("document.getElementById('__search').checked") is False
    page.wait_for_function(
        "getComputedStyle(document.querySelector('.md-search__scrollwrap')).visibility === 'hidden'")


def _search_opened(open_context, scheme: str):
    """The home page in ``scheme``, its search open, with no transitions to wait for."""
    page = open_context(color_scheme=scheme).new_page()
    page.goto("")
    page.add_style_tag(content=NO_TRANSITIONS)
    page.locator(".md-search__input").click()
    # (Material opens the search a moment after its box has the keyboard.)
    page.wait_for_function("document.getElementById('__search').checked")
    return page


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_search_status_line_is_readable(open_context, scheme):
    page = _search_opened(open_context, scheme)
    status = page.locator(".md-search-result__meta")
    page.wait_for_function("document.querySelector('.md-search-result__meta').textContent.trim() !== ''")
    # (Material's light text on its grey band: 4.4:1 light, 4.1:1 dark.)
    assert status.evaluate(CONTRAST) >= 4.5
    page.locator(".md-search__input").press_sequentially("merging")
    wait_for_search(page)  # (the answer to "merging", not to its first keys)
    page.wait_for_function("/^\\d+ pages? found/.test(document.querySelector('.md-search-result__meta').textContent)")
    assert status.evaluate(CONTRAST) >= 4.5


@pytest.mark.example  # ("model merging": pages with both words, and more with one)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_line_where_the_search_results_with_every_word_end_is_readable(open_context, scheme):
    page = _search_opened(open_context, scheme)
    page.locator(".md-search__input").press_sequentially("model merging")
    wait_for_search(page)
    divider = page.locator(".md-search-result__list > .rl-search-more")
    divider.scroll_into_view_if_needed()
    # (On the count line's grey band, in the page's text colour, as that line.)
    assert divider.evaluate(CONTRAST) >= 4.5


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_search_results_highlights_and_topic_tags_are_readable(open_context, scheme):
    page = _search_opened(open_context, scheme)
    # "merging" is highlighted in titles ("AdaMerging"), in abstracts, and inside a topic's
    # name in its tag ("Task arithmetic, model merging and editing").
    page.locator(".md-search__input").press_sequentially("merging")
    wait_for_search(page)  # (the answer to "merging", not to its first keys)
    page.wait_for_function("/^\\d+ pages? found/.test(document.querySelector('.md-search-result__meta').textContent)")
    marks = page.locator(".md-search-result mark")
    tags = page.locator(".md-search-result .md-tag")
    assert page.locator(".md-search-result__article h1 mark").count() > 0
    assert page.locator(".md-search-result .md-tag mark").count() > 0
    # (Material's accent on the results: 4.3:1 light, 3.8:1 dark; its light tag text
    # on the tag's grey: 4.4:1 and 4.1:1.)
    low = [(el.evaluate("e => e.closest('.md-tag') ? 'tag' : e.parentElement.tagName"), round(ratio, 2))
           for el in marks.all() + tags.all() if (ratio := el.evaluate(CONTRAST)) < 4.5]
    assert low == []


def test_a_headings_permalink_is_named_by_its_heading(page, site_dir, papers):
    page.goto(page_kinds(site_dir, papers)["paper"])
    assert page.get_by_role("link", name="¶", exact=True).count() == 0
    link = page.get_by_role("link", name="Link to this section: Abstract", exact=True)
    assert link.count() == 1 and link.get_attribute("href").endswith("#abstract")
    # A heading's own text comes first when a screen reader reads it.
    assert page.get_by_role("heading", name="Abstract").count() == 1


def test_the_markdown_tables_header_cells_name_their_columns(page, site_dir, papers):
    pages = [url for kind, url in page_kinds(site_dir, papers).items() if kind.startswith("page-")]
    assert "curation-reference/" in pages
    headers = 0
    for url in pages:
        page.goto(url)
        cells = page.locator(".md-content thead th")
        headers += cells.count()
        assert [c.get_attribute("scope") for c in cells.all()] == ["col"] * cells.count(), url
    assert headers >= 10  # (the reference's four tables)


def test_with_reduced_motion_the_drawer_and_the_search_do_not_slide(open_context, site_dir, papers):
    """Material's own stylesheet turns transitions off for a reader who asks for less
    motion; the site's must not turn them on again (its drawer rule has one)."""
    parts = [".md-sidebar--primary", ".md-overlay", ".md-search__overlay", ".md-search__inner",
             ".md-search__scrollwrap"]
    seconds = "sel => [...getComputedStyle(document.querySelector(sel)).transitionDuration.split(',')]" \
              ".reduce((sum, s) => sum + parseFloat(s), 0)"
    url = page_kinds(site_dir, papers)["topic"]
    moving = open_context(viewport=PHONE).new_page()
    moving.goto(url)
    still = open_context(viewport=PHONE, reduced_motion="reduce").new_page()
    still.goto(url)
    for state in ("closed", "open"):
        if state == "open":
            for page in (moving, still):
                page.get_by_role("button", name="Navigation menu").click()
        for part in parts:
            assert moving.evaluate(seconds, part) > 0 or part == ".md-search__scrollwrap", (state, part)
            assert still.evaluate(seconds, part) == 0, (state, part)
        animated = "[...document.querySelectorAll('*')].filter(el => getComputedStyle(el).animationName !== 'none').length"
        assert still.evaluate(animated) == 0


def _tab_to_the_scheme_toggle(page) -> None:
    """The home page open, and Tab pressed until the scheme toggle has the keyboard."""
    page.goto("")
    page.wait_for_function("document.querySelector('.md-header__option label:not([hidden])')")
    for _ in range(6):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('md-option')"):
            break


@pytest.mark.parametrize(("scheme", "said", "becomes"), [
    ("light", "Switch to dark mode", "slate"), ("dark", "Switch to light mode", "default"),
])
def test_the_scheme_toggle_says_what_it_does_on_a_first_visit(open_context, scheme, said, becomes):
    # The toggle is a pair of radio buttons, one a scheme, each named for the switch to
    # the other; Material checks neither until the reader picks one. Tab then reached
    # the first, named "Switch to dark mode", on a page already dark (a reader whose
    # system is dark, on a first visit): Enter made it light. And its focus ring, drawn
    # around the label beside it, was not seen: that label was the hidden one.
    page = open_context(color_scheme=scheme).new_page()
    _tab_to_the_scheme_toggle(page)
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == said
    assert page.evaluate("document.activeElement.nextElementSibling.hidden") is False
    page.keyboard.press("Enter")
    page.wait_for_function("s => document.body.getAttribute('data-md-color-scheme') === s", arg=becomes)
    # (and the control the keyboard is on now says the way back)
    back = "Switch to light mode" if said == "Switch to dark mode" else "Switch to dark mode"
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == back


@pytest.mark.parametrize(("scheme", "becomes"), [("light", "slate"), ("dark", "default")])
def test_space_on_the_scheme_toggle_switches_the_scheme_as_enter_does(open_context, scheme, becomes):
    # A review: the toggle the keyboard reaches is now its checked radio button, said as
    # "Switch to light mode, radio button, checked"; Space, the key a radio button
    # answers, did nothing there (a checked radio button stays checked). Enter switched.
    page = open_context(color_scheme=scheme).new_page()
    _tab_to_the_scheme_toggle(page)
    said = page.evaluate("document.activeElement.getAttribute('aria-label')")
    page.keyboard.press(" ")
    page.wait_for_function("s => document.body.getAttribute('data-md-color-scheme') === s", arg=becomes)
    # (the keyboard stays on the toggle, which now says the way back)
    assert page.evaluate("document.activeElement.classList.contains('md-option')")
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") not in (said, None)
    page.keyboard.press(" ")
    page.wait_for_function("s => document.body.getAttribute('data-md-color-scheme') !== s", arg=becomes)


@pytest.mark.parametrize("viewport", [PHONE, {"width": 1024, "height": 768}], ids=["phone", "zoomed-laptop"])
def test_tab_past_the_open_menus_last_link_closes_it(open_context, site_dir, papers, viewport):
    # Past the open drawer's last link, Tab went on into the page, dimmed under the
    # drawer's shade, the drawer still open: a link at the left of the page (the "I have
    # read this paper" box) had the keyboard under the drawer, unseen.
    page = open_context(viewport=viewport).new_page()
    page.add_init_script(f"addEventListener('DOMContentLoaded', () => document.head.insertAdjacentHTML("
                         f"'beforeend', '<style>{NO_TRANSITIONS}</style>'))")
    page.goto(page_kinds(site_dir, papers)["paper"])
    page.get_by_role("button", name="Navigation menu").focus()
    page.keyboard.press("Enter")
    page.wait_for_function("document.getElementById('__drawer').checked")
    # (Its first stops are the header's, under the shade too, then the drawer's links.)
    stops = _tab_stops(page, 1)
    while not (stops[-2:-1] and stops[-2]["inDrawer"] and not stops[-1]["inDrawer"]):
        assert len(stops) < 20, stops
        stops += _tab_stops(page, 1)
    assert stops[-2]["name"] == "Curation reference", stops
    assert page.evaluate("document.getElementById('__drawer').checked") is False
    assert page.get_by_role("button", name="Navigation menu").get_attribute("aria-expanded") == "false"
    # What has the keyboard now is in sight: nothing lies over its middle.
    covered = page.evaluate(
        """() => { const el = document.activeElement, r = el.getBoundingClientRect();
                   const top = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
                   return !(top && (el.contains(top) || top.contains(el))); }""")
    assert not covered, stops[-1]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_words_a_search_highlights_on_the_page_it_opens_are_readable(open_context, site_dir, papers, scheme):
    # A result opens its page with the query's words highlighted (search.highlight, "?h=").
    # On Material's blue in the dark scheme, a highlighted word of a link (the paper's
    # topic, a related paper) stood 3.0:1, of a topic's reason or the shared terms 3.7:1.
    page = open_context(color_scheme=scheme).new_page()
    page.goto(page_kinds(site_dir, papers)["paper"])
    words = page.locator(".rl-related__terms").first.inner_text().split(": ", 1)[1].split(", ")
    # And a word of the first related paper's title, so that a link holds a highlighted
    # word whichever paper page_kinds picks (its shared terms need not be in a title).
    title = page.locator(".rl-related a").first.inner_text()
    words.append(max(re.findall(r"[A-Za-z]{4,}", title), key=len))
    page.goto(page_kinds(site_dir, papers)["paper"] + "?h=" + "+".join(words))
    page.add_style_tag(content=NO_TRANSITIONS)
    page.wait_for_selector(".md-content mark")
    marks = page.locator(".md-content mark")
    kinds = {mark.evaluate("m => m.closest('a') ? 'link' : m.parentElement.className || 'text'")
             for mark in marks.all()}
    assert {"link", "rl-related__terms"} <= kinds, kinds
    low = [(mark.evaluate("m => m.closest('a') ? 'link' : m.parentElement.className || 'text'"), round(ratio, 2))
           for mark in marks.all() if (ratio := mark.evaluate(CONTRAST)) < 4.5]
    assert low == []


# Material's tags plugin (off in the shipped mkdocs.yml; a curator may turn it on) links
# each tag of a page to the tags index: hovered or focused, such a tag was Material's
# white on its accent indigo, 4.26:1 in both schemes, and its focus had no ring
# (Material takes the outline off). The markup is the plugin's (partials/tags.html).
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_linked_tag_is_readable_at_rest_hovered_and_focused(open_context, site_dir, papers, scheme):
    page = open_context(color_scheme=scheme).new_page()
    page.goto(page_kinds(site_dir, papers)["paper"])
    page.add_style_tag(content=NO_TRANSITIONS)
    page.locator(".md-content .md-typeset").evaluate(
        """el => el.insertAdjacentHTML('afterbegin', '<nav class="md-tags">'
            + '<a href="#tag:merging" class="md-tag md-tag-icon">merging</a>'
            + '<a href="#tag:agents" class="md-tag">agents</a></nav>')""")
    found = {}
    for tag in page.locator(".md-tags a.md-tag").all():
        name = tag.inner_text()
        page.mouse.move(0, 0)
        rest = tag.evaluate(CONTRAST)
        tag.hover()
        hovered = tag.evaluate(CONTRAST)
        page.mouse.move(0, 0)
        tag.focus()  # (no pointer has been pressed: Chromium shows it as a keyboard focus)
        focused = tag.evaluate(CONTRAST)
        ring = tag.evaluate("el => el.matches(':focus-visible') && getComputedStyle(el).outlineStyle")
        tag.blur()
        found[name] = (round(rest, 2), round(hovered, 2), round(focused, 2), ring)
    assert all(min(ratios[:3]) >= 4.5 and ratios[3] == "solid" for ratios in found.values()), found


# Text zoomed to 200% (a browser's font size setting at 32px, as Chromium's "Very large"
# and more; Firefox's "Zoom text only"): the words of "I have read this paper" and "With
# code only" doubled, and their checkboxes stayed the browser's 13px, a third of a line
# high beside them, and as hard to hit.
@pytest.mark.parametrize(("kind", "box"), [("paper", ".rl-read__box"), ("all-papers", ".rl-filter__code")])
def test_a_checkbox_grows_with_its_words_when_the_text_is_zoomed(open_context, site_dir, papers, kind, box):
    page = open_context().new_page()
    cdp = page.context.new_cdp_session(page)
    cdp.send("Page.setFontSizes", {"fontSizes": {"standard": 32, "fixed": 26}})
    page.goto(page_kinds(site_dir, papers)[kind])
    checkbox = page.locator(box)
    checkbox.wait_for(state="visible")
    words = checkbox.evaluate("el => parseFloat(getComputedStyle(el.closest('label')).fontSize)")
    assert words >= 26  # (the zoom took: 16px text is 32px)
    size = checkbox.bounding_box()
    assert size is not None
    assert min(size["width"], size["height"]) >= 0.8 * words, (size, words)


# A search that finds nothing said "No page found" and no more: no next step for the
# reader. It now says what to try and links the All papers page, which the arrow keys
# reach from the box as they reach a result, readable in both schemes.
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_search_that_finds_nothing_says_what_to_try_and_links_all_papers(open_context, scheme, viewport):
    page = _searched(open_context(viewport=viewport, color_scheme=scheme).new_page(), "topics/", "xqzvbw")
    meta = page.locator(".md-search-result__meta")
    assert meta.inner_text().startswith("No page found")
    assert "try a shorter word or another spelling" in meta.inner_text()
    link = meta.get_by_role("link", name="all papers")
    assert link.evaluate("e => e.href") == page.url.removesuffix("topics/") + "papers/"
    for element in (meta.locator(".rl-search-tip"), link):
        assert element.evaluate(CONTRAST) >= 4.5
    # (Material draws the band one line high: the tip is within it, not over the results.)
    band, tip = meta.bounding_box(), meta.locator(".rl-search-tip").bounding_box()
    assert tip["y"] + tip["height"] <= band["y"] + band["height"] + 0.5
    page.keyboard.press("ArrowDown")
    assert link.evaluate("e => e === document.activeElement")
    page.keyboard.press("Enter")
    page.wait_for_url("**/papers/")
    # (The search closed: the page is the reader's.)
    assert not page.locator("#__search").is_checked()
