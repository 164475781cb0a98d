"""The navigation in the browser: a sub-topic under its parent topic, on a desktop and
in a phone's drawer, without a paper page in it. The fixture list (fixturelist.py) has a
sub-topic, Task arithmetic, of a topic whose title is markup's characters."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .conftest import DESKTOP, PHONE

pytestmark = [pytest.mark.browser]

PARENT = "topics/model-merging/"
CHILD = "topics/task-arithmetic/"
OTHER = "topics/continual-learning/"
PARENT_TITLE = "Model merging <& task arithmetic>"

# Each topic's link in the sidebar: its text, its left edge, and the topic whose
# nested list it is in (by the link heading that list's section).
LINKS = r"""() => Object.fromEntries(
    [...document.querySelectorAll('.md-sidebar--primary a.md-nav__link')]
    .filter(a => /topics\/[^#]*$/.test(a.getAttribute('href')))  // (not the table of contents)
    .map(a => {
        const url = new URL(a.href).pathname.replace(/^.*?(topics\/)/, '$1');
        const section = a.closest('li.md-nav__item').parentElement
            .closest('li.md-nav__item--nested');
        const head = section && section.querySelector(':scope > .md-nav__container > a');
        const under = head ? new URL(head.href).pathname.replace(/^.*?(topics\/)/, '$1') : null;
        const box = a.getBoundingClientRect();
        return [url, {text: a.innerText.trim(), left: box.left, shown: box.width > 0, under}];
    }))"""


def _links(page):
    page.locator(".md-sidebar--primary").wait_for(state="visible")
    return page.evaluate(LINKS)


def test_on_a_desktop_a_sub_topic_is_indented_under_its_parent(open_context, tables_url):
    page = open_context(viewport=DESKTOP, base=tables_url).new_page()
    page.goto(CHILD)
    links = _links(page)
    assert links[CHILD]["shown"] and links[PARENT]["shown"]
    assert links[CHILD]["under"] == PARENT
    assert links[PARENT]["under"] == links[OTHER]["under"] == "topics/"
    # Indented past its parent, which stands with the other topics.
    assert links[CHILD]["left"] > links[PARENT]["left"] + 4
    assert links[PARENT]["left"] == links[OTHER]["left"]
    # The parent's title as text, as on its page.
    assert links[PARENT]["text"] == PARENT_TITLE
    # Instant navigation to the parent: its section stays open with the sub-topic in it.
    page.locator(f".md-sidebar--primary a[href$='{PARENT.split('/')[1]}/']").first.click()
    page.wait_for_function("() => location.pathname.endsWith('/model-merging/')")
    page.wait_for_function(
        "t => document.querySelector('.md-content h1').innerText.trim() === t", arg=PARENT_TITLE)
    links = _links(page)
    assert links[CHILD]["shown"] and links[CHILD]["under"] == PARENT
    assert links[CHILD]["left"] > links[PARENT]["left"] + 4
    # Elsewhere the parent is one line of the list, and its sub-topic is not shown.
    page.goto(OTHER)
    links = _links(page)
    assert links[PARENT]["shown"] and not links.get(CHILD, {"shown": False})["shown"]


def test_a_sections_arrow_is_named_by_its_section_and_pressed_throws_nothing(open_context, tables_url):
    # (a reader's walk with the keyboard: the arrow beside "Topics" and beside a topic
    # with sub-topics was a tab stop that a screen reader read as nothing, a label
    # without text; and pressed, Material's script threw "Missing element" looking for
    # the list the arrow names, which readinglist.js had named otherwise: the
    # open_context fixture fails a test on a page's error)
    page = open_context(viewport=DESKTOP, base=tables_url).new_page()
    page.goto(CHILD)
    page.locator(".md-sidebar--primary").wait_for(state="visible")
    parent = page.locator(".md-sidebar--primary nav.md-nav").filter(
        has=page.locator(f":scope > label.md-nav__title:text-is('{PARENT_TITLE}')"))
    box = parent.locator(":scope > label.md-nav__title").get_attribute("for")
    label = page.locator(f".md-sidebar--primary label.md-nav__link[for='{box}']")
    # The tab stop is the arrow's button inside the label (navigationArrows), the label
    # itself out of the tab order: one stop, as before.
    arrow = label.get_by_role("button")
    assert label.get_attribute("tabindex") == "-1" and arrow.get_attribute("tabindex") == "0"
    assert arrow.inner_text().strip() == ""
    # Named, the arrow and its list, as the list's title band says.
    session = page.context.new_cdp_session(page)
    arrow.focus()
    nodes = session.send("Accessibility.getFullAXTree")["nodes"]
    focused = [n for n in nodes
               if any(p["name"] == "focused" and p["value"]["value"] for p in n.get("properties", []))]
    assert focused[-1].get("name", {}).get("value") == PARENT_TITLE
    # ...and said open or closed where the focus is (Material says it on the list only).
    assert focused[-1]["role"]["value"] == "button"
    assert {p["name"]: p["value"]["value"] for p in focused[-1]["properties"]}.get("expanded") is True
    expect(page.get_by_role("navigation", name=PARENT_TITLE, exact=True)).to_have_count(1)
    expect(page.get_by_role("navigation", name="Topics", exact=True)).to_have_count(1)
    # Pressed, its list is closed and said so, on the list (Material's aria-expanded)
    # and on the arrow, then opened, by Space, then by the mouse.
    assert parent.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Enter")
    expect(parent).to_have_attribute("aria-expanded", "false")
    expect(arrow).to_have_attribute("aria-expanded", "false")
    assert not page.evaluate(f"document.getElementById('{box}').checked")
    page.keyboard.press(" ")
    expect(parent).to_have_attribute("aria-expanded", "true")
    expect(arrow).to_have_attribute("aria-expanded", "true")
    arrow.click()
    expect(parent).to_have_attribute("aria-expanded", "false")
    expect(arrow).to_have_attribute("aria-expanded", "false")
    label.click()
    expect(arrow).to_have_attribute("aria-expanded", "true")


def test_on_a_phone_the_drawer_of_a_sub_topic_opens_at_its_parents_list(open_context, tables_url):
    page = open_context(viewport=PHONE, base=tables_url).new_page()
    page.goto(CHILD)
    page.get_by_role("button", name="Navigation menu").click()
    page.wait_for_function("document.getElementById('__drawer').checked")
    child = page.locator(".md-sidebar--primary li.md-nav__item--active:not(.md-nav__item--nested)")
    # The list on the screen is the parent's, headed by its title, the sub-topic in it.
    panel = child.locator("xpath=ancestor::nav[contains(@class, 'md-nav')][1]")
    head = panel.locator(":scope > label.md-nav__title")
    expect(head).to_be_in_viewport(ratio=1)
    expect(child).to_be_in_viewport(ratio=1)
    assert head.inner_text().strip() == PARENT_TITLE
    assert child.locator(":scope > .md-nav__link:visible").inner_text().strip() == "Task arithmetic"


def test_on_a_phone_the_drawer_shows_its_long_titles_whole(open_context, tables_url):
    # The band over the parent's list held one line: "Model merging <& task arithmetic>"
    # was cut to "Model merging <& tas…" (and the shipped list's "Language agents,
    # planning and tool use" to "Language agents, planni…"), the site's name over the
    # drawer's first list to "Learning across tasks: a …". They wrap, and the list
    # starts under its band.
    page = open_context(viewport=PHONE, base=tables_url).new_page()
    page.goto(CHILD)
    page.get_by_role("button", name="Navigation menu").click()
    page.wait_for_function("document.getElementById('__drawer').checked")
    child = page.locator(".md-sidebar--primary li.md-nav__item--active:not(.md-nav__item--nested)")
    head = child.locator("xpath=ancestor::nav[contains(@class, 'md-nav')][1]").locator(":scope > label.md-nav__title")
    expect(head).to_be_in_viewport(ratio=1)
    cut = head.evaluate("h => h.scrollWidth > h.clientWidth || h.scrollHeight > h.clientHeight")
    assert not cut
    arrow, band, link = (loc.evaluate("e => { const r = e.getBoundingClientRect(); return [r.top, r.bottom]; }")
                         for loc in (head.locator(".md-nav__icon"), head, child.locator(":scope > .md-nav__link:visible")))
    assert band[0] <= arrow[0] and arrow[1] <= band[1]  # the back arrow on the band
    assert link[0] >= band[1]  # the sub-topic's link under it, not covered
    # Nor the drawer's own title, the site's name ("Learning across tasks: a …").
    site = page.locator(".md-sidebar--primary label.md-nav__title[for=__drawer]")
    assert site.evaluate("h => h.scrollWidth <= h.clientWidth && h.scrollHeight <= h.clientHeight")


def test_no_paper_page_is_in_the_navigation(open_context, tables_url):
    # (mkdocs.yml's not_in_nav: a page's navigation does not grow with the papers.)
    page = open_context(viewport=DESKTOP, base=tables_url).new_page()
    for url in (CHILD, PARENT, "topics/", "papers/"):
        page.goto(url)
        hrefs = page.evaluate(
            "[...document.querySelectorAll('.md-nav--primary a')].map(a => new URL(a.href).pathname)")
        assert hrefs and [h for h in hrefs if "/papers/" in h and not h.endswith("/papers/")] == [], url


def test_opened_from_disk_a_link_opens_its_page_not_a_listing_of_its_folder(open_context, site_dir):
    """(a reader's hour: site/index.html opened from disk, as the README allows for the
    All papers filter and the reading log; every link names a folder, "papers/", "..",
    and Chromium showed "Index of .../site/papers/" instead of the page)"""
    page = open_context().new_page()
    page.goto((site_dir / "index.html").as_uri())
    nav = page.locator(".md-sidebar--primary a.md-nav__link")
    papers = nav.filter(has_text="All papers").first
    assert papers.get_attribute("href") == "papers/"
    papers.click()
    expect(page).to_have_url((site_dir / "papers" / "index.html").as_uri())
    expect(page.locator(".md-content h1")).to_have_text("All papers")
    # (Up a folder too; and the links stay as written until followed: read-marks.js
    # reads them.)
    home = nav.filter(has_text="Home").first
    assert home.get_attribute("href") == ".."
    home.click()
    expect(page).to_have_url((site_dir / "index.html").as_uri())
    assert page.locator(".md-sidebar--primary a.md-nav__link", has_text="All papers").first.get_attribute("href") == "papers/"


def test_opened_from_disk_a_paper_opened_in_a_tab_is_marked_read_in_the_list(open_context, site_dir, papers):
    """(review: the link followed kept its index.html address, and read-marks.js, which
    knows a paper's link by its folder, "papers/<id>/", no longer knew it: a paper opened
    from All papers with the middle button, or Ctrl, and ticked read in its tab was not
    marked in the list, nor counted in its reading log)"""
    context = open_context()
    page = context.new_page()
    page.goto((site_dir / "papers" / "index.html").as_uri())
    first = page.locator("#rl-all-papers tbody td:first-child > a").first
    paper = first.get_attribute("href").strip("/")
    for how in ({"button": "middle"}, {"modifiers": ["Control"]}):
        with context.expect_page() as opened:
            first.click(**how)
        tab = opened.value
        tab.wait_for_load_state()
        assert tab.url == (site_dir / "papers" / paper / "index.html").as_uri(), how
        tab.close()
    tab = context.new_page()
    tab.goto((site_dir / "papers" / paper / "index.html").as_uri())
    tab.get_by_label("I have read this paper").check(timeout=5000)
    # The list hears of it (a storage event), and marks the paper's row and counts it.
    expect(page.locator(".md-content a.rl-read-link")).to_have_count(1)
    expect(page.locator(".rl-log__count")).to_have_text(": 1 paper read")
