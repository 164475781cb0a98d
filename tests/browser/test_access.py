"""Access by keyboard, screen reader and contrast, in headless Chromium: the findings of
the accessibility review that only a browser shows.

Every test also fails if the page logged a console error or asked anything of a host
other than the local server (see conftest.open_context).
"""

from __future__ import annotations

import pytest

from .conftest import DESKTOP, PHONE, page_kinds

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


def test_on_a_desktop_the_phone_buttons_stay_out_of_the_tab_order(open_context, site_dir, papers):
    page = open_context(viewport=DESKTOP).new_page()
    page.goto(page_kinds(site_dir, papers)["topic"])
    stops = _tab_stops(page, 10)
    # (Material shows neither at this width: the navigation is beside the page, and the
    # search box in the header. The hidden drawer's rule is for narrow screens only.)
    assert not [s for s in stops if s["button"]], stops
    assert any(s["inDrawer"] and s["onScreen"] for s in stops), stops


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_reading_logs_buttons_are_readable_at_rest_hovered_and_focused(open_context, site_dir, papers, scheme):
    page = open_context(color_scheme=scheme).new_page()
    page.goto(page_kinds(site_dir, papers)["all-papers"])
    page.add_style_tag(content=NO_TRANSITIONS)
    page.locator("#reading-log summary").click()
    button = page.locator(".rl-log__load")
    # (Material's indigo stood 2.35:1 on the dark background.)
    assert button.evaluate(CONTRAST) >= 4.5
    button.hover()
    assert button.evaluate(CONTRAST) >= 4.5  # (white on Material's accent: 4.25:1)
    page.mouse.move(0, 0)
    button.focus()
    assert button.evaluate(CONTRAST) >= 4.5
