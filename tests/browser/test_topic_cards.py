"""The home page's topic cards under the mouse, a finger and no script: how a click, a
middle click and a double-click on a card's words behave (readinglist.js, topicCards).

The tests that time a click stop the page's clock (Playwright's fake timers): a
double-click is then one however slowly the machine sends it, and a click waits for
the clock to be moved on, not for the machine.
"""

from __future__ import annotations

import pytest

from .conftest import PHONE

pytestmark = [pytest.mark.browser, pytest.mark.example]

# Longer than readinglist.js's TOPIC_CARD_WAIT (250 ms): the time a click on a card's
# words waits to see whether it begins a double-click.
PAST_THE_WAIT_MS = 1000


def _card(page):
    return page.locator(".rl-topic-cards li").nth(1)


def _home_with_a_fake_clock(page) -> None:
    """The home page, its clock Playwright's from the start. (Installed once the page
    had loaded, RxJS in Material's bundle threw "executing a cancelled action" in
    about one run in five: a timer set by the real clock is one the fake clock's
    clearTimeout cannot clear.)"""
    page.clock.install()
    page.goto("")


def _clock_stopped(page) -> None:
    page.clock.pause_at(page.evaluate("Date.now()") + 60_000)


def _first_line(locator) -> tuple[float, float]:
    """A point on the first word of ``locator`` (a card's description or count)."""
    box = locator.bounding_box()
    return box["x"] + 12, box["y"] + min(box["height"] / 2, 8)


@pytest.mark.parametrize("part", ["rl-topic-card__blurb", "rl-topic-card__count"])
@pytest.mark.parametrize("how", [{"button": "middle"}, {"modifiers": ["ControlOrMeta"]}],
                         ids=["middle", "ctrl"])
def test_a_middle_or_ctrl_click_on_a_cards_words_opens_the_topic_in_a_new_tab(open_context, how, part):
    # (A reader's review: a middle click on a card's description opened nothing, where
    # one on its title opens the topic in a new tab.)
    context = open_context()
    page = context.new_page()
    page.goto("")
    card = _card(page)
    href = card.locator("a.rl-topic-card__title").evaluate("e => e.href")
    here = page.evaluate("location.href")
    with context.expect_page() as opened:
        card.locator(f".{part}").click(**how)
    tab = opened.value
    tab.wait_for_load_state()
    assert tab.url == href
    assert page.evaluate("location.href") == here  # this tab stays where it was
    assert len(context.pages) == 2  # one tab opened, not two


def test_a_double_click_on_a_cards_description_selects_a_word_and_opens_nothing(open_context):
    # (A reader's review: a double-click is how a word is selected, and the first click
    # of it opened the topic.)
    page = open_context().new_page()
    _home_with_a_fake_clock(page)
    blurb = _card(page).locator(".rl-topic-card__blurb")
    here = page.evaluate("location.href")
    first_word = blurb.inner_text().split()[0].strip(",.:;")
    _clock_stopped(page)
    page.mouse.dblclick(*_first_line(blurb))
    page.clock.run_for(PAST_THE_WAIT_MS)
    assert page.evaluate("window.getSelection().toString()").strip() == first_word
    assert page.evaluate("location.href") == here


def test_a_click_on_a_cards_description_opens_the_topic_once_the_wait_is_over(open_context):
    page = open_context().new_page()
    _home_with_a_fake_clock(page)
    card = _card(page)
    href = card.locator("a.rl-topic-card__title").evaluate("e => e.href")
    here = page.evaluate("location.href")
    _clock_stopped(page)
    page.mouse.click(*_first_line(card.locator(".rl-topic-card__blurb")))
    assert page.evaluate("location.href") == here  # (waiting: a second click may follow)
    page.clock.run_for(PAST_THE_WAIT_MS)
    page.wait_for_function("h => location.href === h", arg=href)


def test_a_tap_on_a_cards_description_opens_the_topic_without_the_wait(open_context):
    # A phone selects a word with a long press: a tap is never half a double-click.
    page = open_context(viewport=PHONE, has_touch=True, is_mobile=True).new_page()
    _home_with_a_fake_clock(page)
    card = _card(page)
    href = card.locator("a.rl-topic-card__title").evaluate("e => e.href")
    _clock_stopped(page)  # (the clock stays stopped: no timer opens it)
    card.locator(".rl-topic-card__blurb").tap()
    page.wait_for_function("h => location.href === h", arg=href)


@pytest.mark.parametrize("where", ["title", "padding"])
def test_without_scripts_a_cards_title_and_padding_open_the_topic(open_context, where):
    # Without scripts a click on a card's words opens nothing (they lie above the
    # title's link, so that they can be selected): its title and the padding about them
    # still do.
    page = open_context(java_script_enabled=False).new_page()
    page.goto("")
    card = _card(page)
    title = card.locator("a.rl-topic-card__title")
    href = title.evaluate("e => e.href")
    if where == "title":
        title.click()
    else:
        box = card.bounding_box()
        page.mouse.click(box["x"] + box["width"] - 4, box["y"] + box["height"] - 4)
    page.wait_for_function("h => location.href === h", arg=href)


def test_a_click_on_a_cards_description_opens_the_topic_without_a_reload(open_context, published_url):
    # The click handed on after the wait is still one Material's instant navigation
    # follows (it does not ask whether a click is the browser's own).
    page = open_context(base=published_url).new_page()
    page.goto("", wait_until="networkidle")  # (instant navigation follows the links of its sitemap)
    card = _card(page)
    href = card.locator("a.rl-topic-card__title").evaluate("e => e.href")
    page.evaluate("window.__kept = 'still this document'")
    card.locator(".rl-topic-card__blurb").click()
    # (A reload would change the address only once the new document is in place.)
    page.wait_for_function("h => location.href === h", arg=href)
    assert page.evaluate("window.__kept") == "still this document"


def test_a_shift_click_on_a_cards_words_extends_a_selection_and_opens_nothing(open_context):
    # A word selected elsewhere, a Shift-click on a card's words extends the selection
    # to them, as on any text: it opened the topic in a new window as well (the
    # selection begun outside the card was taken for none of the card's).
    context = open_context()
    page = context.new_page()
    page.goto("")
    intro = page.locator(".md-content p").first
    page.mouse.dblclick(*_first_line(intro))
    word = page.evaluate("window.getSelection().toString()").strip()
    assert word
    page.evaluate("""() => document.querySelectorAll(".rl-topic-card__title").forEach(
        a => a.addEventListener("click", () => { window.__handedOn = true; }))""")
    page.keyboard.down("Shift")
    page.mouse.click(*_first_line(_card(page).locator(".rl-topic-card__blurb")))
    page.keyboard.up("Shift")
    selected = page.evaluate("window.getSelection().toString()")
    assert selected.startswith(word) and len(selected) > len(word)
    assert page.evaluate("window.__handedOn === undefined")  # (handed on, as it happens)
    assert len(context.pages) == 1


CLICK_THEN_BACK = """blurb => new Promise(resolve => {
    addEventListener("popstate", () => resolve(), { once: true });
    blurb.dispatchEvent(new MouseEvent("click", {
        bubbles: true, cancelable: true, view: window, detail: 1, button: 0 }));
    history.back();
})"""


def test_back_pressed_while_a_click_on_a_cards_words_waits_goes_back(open_context, published_url):
    # A click on a card's words, then Back in its 250 ms: instant navigation was still
    # fetching the page Back leads to when the wait ended, and the topic clicked was
    # opened instead, over the reader's later step.
    page = open_context(base=published_url).new_page()
    page.goto("", wait_until="networkidle")
    home = page.evaluate("location.href")
    title = _card(page).locator("a.rl-topic-card__title")
    back_to, back_title = title.evaluate("e => [e.href, e.textContent.trim()]")
    title.click()
    page.wait_for_function("h => location.href === h", arg=back_to)
    page.locator(".md-header__button.md-logo").click()
    page.wait_for_function("h => location.href === h", arg=home)
    clicked = page.locator(".rl-topic-cards li").nth(2)
    clicked_title = clicked.locator("a.rl-topic-card__title").evaluate("e => e.textContent.trim()")
    held = []  # (the page Back leads to is held back until the wait is over)
    page.route(back_to, lambda route: held.append(route))
    clicked.locator(".rl-topic-card__blurb").evaluate(CLICK_THEN_BACK)
    # Past the wait: a timer of 300 ms set now runs after the click's of 250 ms.
    page.evaluate("new Promise(resolve => setTimeout(resolve, 300))")
    for route in held:
        route.continue_()
    titles = [back_title, clicked_title]
    page.wait_for_function("t => t.includes(document.querySelector('h1').textContent.trim())", arg=titles)
    assert page.locator("h1").first.inner_text().strip() == back_title
    assert page.evaluate("location.href") == back_to


def test_a_click_on_a_cards_words_left_for_another_page_in_its_wait_opens_nothing_later(open_context):
    # Left in the wait for a page of another site (Back), the page goes into the
    # back-forward cache with its timers, and Forward brings it back with them: the
    # topic then opened. (Playwright's Chromium keeps no page in that cache: the event
    # the browser sends the page as it goes is sent here.)
    page = open_context().new_page()
    _home_with_a_fake_clock(page)
    _clock_stopped(page)
    page.evaluate("""() => document.querySelectorAll(".rl-topic-card__title").forEach(
        a => a.addEventListener("click", () => { window.__handedOn = true; }))""")
    page.mouse.click(*_first_line(_card(page).locator(".rl-topic-card__blurb")))
    page.evaluate("dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }))")
    page.evaluate("dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }))")
    page.clock.run_for(PAST_THE_WAIT_MS)  # (the click is handed on in it, if at all)
    assert page.evaluate("window.__handedOn === undefined")
