"""The reader's own log of what they read (overrides/assets/read-marks.js): "I have read
this paper", the check marks on links to read papers, a start-here list's progress and
the All papers table's "Unread only", and the log saved to a file and loaded from one."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .sitebuild import ROOT, SiteServer

pytestmark = [pytest.mark.browser, pytest.mark.example]

CHECK = "\u00a0\u2713"


@pytest.fixture(scope="module")
def start_here():
    """(topic id, its start-here paper ids) of the shipped list's first topic that has some."""
    from generator.curation import load_content

    content, _ = load_content(ROOT / "content", ROOT)
    topic = next(t for t in content.topics if len(t.reading_order) >= 2)
    return topic.id, list(topic.reading_order)


def _marked(page) -> list[str]:
    """The paths of the links on the page that carry the read mark."""
    return page.evaluate(
        "[...document.querySelectorAll('.md-content a.rl-read-link')].map(a => a.pathname)"
    )


def _mark_read(page, paper: str, read: bool = True) -> None:
    page.goto(f"papers/{paper}/")
    line = page.locator(".rl-read")
    line.wait_for(state="visible")
    box = page.get_by_label("I have read this paper")
    box.set_checked(read)
    assert box.is_checked() is read


def test_a_paper_marked_read_is_marked_wherever_it_is_linked_and_stays(page, start_here, papers):
    topic, order = start_here
    first = order[0]
    page.goto(f"topics/{topic}/")
    page.locator(".rl-start-here").wait_for()
    # A first visit: no marks, and no "0 of 5" either.
    assert _marked(page) == [] and not page.locator(".rl-read-progress").is_visible()
    _mark_read(page, first)
    # The day it was marked.
    when = page.locator(".rl-read__when").inner_text()
    assert when.startswith(" on ") and any(str(year) in when for year in range(2025, 2100))
    # Its own page's links to itself (each heading's "¶") are no links to a read paper.
    assert page.locator(".md-content a.headerlink").count() > 0 and _marked(page) == []

    page.goto(f"topics/{topic}/")
    start = page.locator(".rl-start-here li > a")
    start.first.wait_for()
    assert start.first.get_attribute("class") == "rl-read-link"
    assert set(_marked(page)) == {f"/papers/{first}/"}  # the start-here list and the table
    assert len(_marked(page)) == 2
    progress = page.locator(".rl-read-progress")
    assert progress.inner_text() == f"You have read 1 of these {len(order)}."
    # The mark is drawn after the title; a screen reader hears ", read".
    content = page.evaluate(
        "getComputedStyle(document.querySelector('.rl-start-here a.rl-read-link'), '::after').content"
    )
    assert CHECK in content and '", read"' in content
    after_unmarked = page.evaluate(
        "getComputedStyle(document.querySelector('.rl-start-here li:nth-child(2) > a'), '::after').content"
    )
    assert after_unmarked == "none"

    page.reload()
    page.locator(".rl-start-here").wait_for()
    assert progress.inner_text() == f"You have read 1 of these {len(order)}."

    # Unmarked, it is no longer marked, and with nothing read the progress is gone.
    _mark_read(page, first, read=False)
    assert page.locator(".rl-read__when").inner_text() == ""
    page.goto(f"topics/{topic}/")
    page.locator(".rl-start-here").wait_for()
    assert _marked(page) == [] and not progress.is_visible()


def test_unread_only_leaves_out_what_was_read_and_follows_another_tab(open_context, start_here, papers):
    topic, order = start_here
    context = open_context()
    reader = context.new_page()
    reader.goto("papers/")
    reader.locator(".rl-filter").wait_for(state="visible")
    unread = reader.get_by_label("Unread only")
    assert not unread.is_visible()  # nothing read yet: it would mean nothing

    other = context.new_page()
    _mark_read(other, order[0])
    _mark_read(other, order[1])
    # The All papers tab hears of it from the other tab (a storage event for each: the
    # first shows "Unread only", the second may come a moment later).
    unread.wait_for(state="visible")
    expect(reader.locator(".md-content a.rl-read-link")).to_have_count(2)
    unread.check()
    count = reader.locator(".rl-filter__count")
    assert count.inner_text() == f"{len(papers) - 2} of {len(papers)} papers match"
    # (page.url follows the address a moment after the page changed it.)
    expect(reader).to_have_url(re.compile(r"papers/\?unread=1$"))
    shown = reader.evaluate(
        "[...document.querySelectorAll('#rl-all-papers tbody td:first-child > a')].map(a => a.pathname)"
    )
    assert f"/papers/{order[0]}/" not in shown and f"/papers/{order[1]}/" not in shown

    # Unmarked in the other tab: the list follows at once.
    _mark_read(other, order[1], read=False)
    reader.wait_for_function(
        "n => document.querySelector('.rl-filter__count').textContent.startsWith(n + ' of')",
        arg=len(papers) - 1,
    )
    shown = reader.evaluate(
        "[...document.querySelectorAll('#rl-all-papers tbody td:first-child > a')].map(a => a.pathname)"
    )
    assert f"/papers/{order[1]}/" in shown and f"/papers/{order[0]}/" not in shown
    # Unticked, the whole list is back, the read paper marked in it.
    unread.uncheck()
    assert count.inner_text() == f"All {len(papers)} papers are shown"
    assert _marked(reader) == [f"/papers/{order[0]}/"]


def test_two_lists_served_from_one_host_keep_their_own_logs(browser, site_dir, tmp_path, papers):
    # GitHub Pages serves every project site of an owner from <owner>.github.io: a
    # lab's two lists share an origin, and one's marks must not show on the other.
    for name in ("lab-a", "lab-b"):
        shutil.copytree(site_dir, tmp_path / name)
    paper = papers[0]["id"]
    with SiteServer(tmp_path) as server:
        context = browser.new_context(base_url=server.base_url)
        try:
            page = context.new_page()
            page.goto(f"lab-a/papers/{paper}/")
            page.get_by_label("I have read this paper").check()
            page.goto(f"lab-b/papers/{paper}/")
            page.locator(".rl-read").wait_for(state="visible")
            assert not page.get_by_label("I have read this paper").is_checked()
            page.goto(f"lab-a/papers/{paper}/")
            page.locator(".rl-read").wait_for(state="visible")
            assert page.get_by_label("I have read this paper").is_checked()
            keys = page.evaluate("Object.keys(localStorage)")
            assert "readinglist:read:/lab-a/" in keys
            assert not any(key.startswith("readinglist:read:/lab-b/") for key in keys)
        finally:
            context.close()


def test_a_log_that_does_not_read_as_one_is_taken_as_empty(page, papers):
    paper = papers[0]["id"]
    page.goto(f"papers/{paper}/")
    for stored in ("not json", "[1, 2]", "null", '"text"', '{"x": 5}', f'{{"{paper}": 5}}',
                   f'{{"{paper}": {{"a": 1}}}}', f'{{"{paper}": "2026-02-30"}}', f'{{"{paper}": "2026-13-01"}}'):
        page.evaluate("v => localStorage.setItem('readinglist:read:/', v)", stored)
        page.reload()
        page.locator(".rl-read").wait_for(state="visible")
        assert not page.get_by_label("I have read this paper").is_checked(), stored
        page.goto("papers/")
        page.locator(".rl-filter").wait_for(state="visible")
        assert not page.get_by_label("Unread only").is_visible(), stored  # nothing was read
        page.goto(f"papers/{paper}/")
    # A paper marked then is kept, the broken log replaced.
    page.get_by_label("I have read this paper").check()
    kept = page.evaluate("JSON.parse(localStorage.getItem('readinglist:read:/'))")
    assert list(kept) == [paper]


def test_without_javascript_nothing_of_the_log_is_shown(browser, base_url, start_here):
    topic, order = start_here
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"papers/{order[0]}/")
        assert page.locator(".rl-read").count() == 1 and not page.locator(".rl-read").is_visible()
        page.goto("papers/")
        assert not page.get_by_text("Unread only").is_visible()
    finally:
        context.close()


def test_marks_follow_instant_navigation(open_context, published_url, start_here):
    topic, order = start_here
    page = open_context(base=published_url).new_page()
    page.goto(f"papers/{order[0]}/")
    page.get_by_label("I have read this paper").check()
    # (Material follows only the links its sitemap lists, which it fetches once loaded.)
    page.goto("", wait_until="networkidle")
    page.evaluate("window.__kept = 'still this document'")
    page.locator(f"a.rl-topic-card__title[href$='topics/{topic}/']").click()
    page.locator(".rl-start-here").wait_for()
    page.wait_for_function("document.querySelectorAll('.md-content a.rl-read-link').length > 0")
    assert page.evaluate("window.__kept") == "still this document"  # no reload happened
    assert page.locator(".rl-read-progress").inner_text() == f"You have read 1 of these {len(order)}."


def test_opened_from_disk_the_log_is_kept_and_marked_as_served(open_context, site_dir, start_here):
    """Opened from file://, "I have read this paper" was never shown, and no mark made:
    read-marks.js waited for a page from Material's document$, which from disk ends
    before giving any (instant navigation is left out there)."""
    topic, order = start_here
    page = open_context().new_page()
    page.goto((site_dir / "papers" / order[0] / "index.html").as_uri())
    page.get_by_label("I have read this paper").check(timeout=5000)
    assert page.locator(".rl-read__when").inner_text().startswith(" on ")
    page.goto((site_dir / "topics" / topic / "index.html").as_uri())
    progress = page.locator(".rl-read-progress")
    progress.wait_for(state="visible", timeout=5000)
    assert progress.inner_text() == f"You have read 1 of these {len(order)}."
    assert set(_marked(page)) == {(site_dir / "papers" / order[0]).as_uri().removeprefix("file://") + "/"}
    # The log is the site's own, under its folder's path.
    keys = page.evaluate("Object.keys(localStorage).filter(key => key.startsWith('readinglist:'))")
    assert keys == [f"readinglist:read:{site_dir.as_uri().removeprefix('file://')}/"]


def test_the_day_is_written_in_the_pages_language_whatever_the_browsers(browser, base_url, papers):
    context = browser.new_context(base_url=base_url, locale="de-DE")
    try:
        page = context.new_page()
        page.goto(f"papers/{papers[0]['id']}/")
        page.get_by_label("I have read this paper").check()
        when = page.locator(".rl-read__when").inner_text()
        months = ("January", "February", "March", "April", "May", "June", "July", "August",
                  "September", "October", "November", "December")
        assert any(month in when for month in months), when  # "on December 1, 2026", not "Dezember"
    finally:
        context.close()


def test_a_day_reads_alike_on_the_home_page_a_papers_page_and_the_log(page, papers):
    # (a reader's walk: the home page said "added on 2026-11-29", the paper's page and the
    # reading log "December 7, 2026": one day, two ways of writing it)
    page.goto("")
    added = page.locator(".md-content time.rl-day").first
    day, said = added.get_attribute("datetime"), added.inner_text()
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", day) and re.fullmatch(r"[A-Z][a-z]+ \d{1,2}, \d{4}", said)
    page.evaluate("log => localStorage.setItem('readinglist:read:/', log)", json.dumps({papers[0]["id"]: day}))
    page.goto(f"papers/{papers[0]['id']}/")
    page.locator(".rl-read").wait_for(state="visible")
    read = page.locator(".rl-read__when time.rl-day")
    assert (read.get_attribute("datetime"), read.inner_text()) == (day, said)
    logged = _open_log(page).locator(".rl-log__list li time.rl-day")
    assert (logged.get_attribute("datetime"), logged.inner_text()) == (day, said)


@pytest.mark.parametrize("language", ["fr", "de", "fa", "bn"])
def test_a_read_marks_day_reads_as_the_server_writes_it_in_the_pages_language(page, papers, language):
    # (a site in Persian wrote its home page's days "29 نوامبر 2026", Babel's Gregorian
    # day, and its read marks "۸ آذر ۱۴۰۵", the browser's Persian calendar; Bengali wrote
    # its own digits. Thai, now of the same year, is left out: Babel's long date names
    # the era, "7 ธันวาคม ค.ศ. 2026", the browser's does not)
    from datetime import date

    from generator.render import day as server_day

    page.goto(f"papers/{papers[0]['id']}/")
    page.locator(".rl-read").wait_for(state="visible")
    page.evaluate("language => { document.documentElement.lang = language; }", language)
    page.get_by_label("I have read this paper").check()
    read = page.locator(".rl-read__when time.rl-day")
    written = str(server_day(date.fromisoformat(read.get_attribute("datetime")), language))
    said = re.fullmatch(r'<time class="rl-day" datetime="[0-9-]+">(.*)</time>', written).group(1)
    # (spaces read alike: a narrow no-break space in one CLDR's data is a space in another's)
    assert re.sub(r"\s", " ", read.inner_text()) == re.sub(r"\s", " ", said)


def test_a_tick_this_browser_cannot_keep_is_undone_and_said(page, papers):
    page.goto(f"papers/{papers[0]['id']}/")
    page.locator(".rl-read").wait_for(state="visible")
    page.evaluate("() => { Storage.prototype.setItem = () => { throw new DOMException('full', 'QuotaExceededError') } }")
    box = page.get_by_label("I have read this paper")
    box.click()
    assert not box.is_checked()
    assert "could not keep it" in page.locator(".rl-read__when").inner_text()
    assert not page.locator(".rl-read__note").is_visible()  # "(kept in this browser only)" would belie it
    assert page.locator(".rl-read__when").get_attribute("aria-live") == "polite"  # said aloud


def test_a_link_with_a_broken_escape_does_not_stop_the_marks(open_context, start_here):
    topic, order = start_here
    context = open_context()
    page = context.new_page()
    page.goto(f"topics/{topic}/")
    page.locator(".rl-start-here").wait_for()
    page.evaluate(
        "document.querySelector('.md-content article').insertAdjacentHTML('beforeend', "
        "'<p><a href=\"../../papers/50%/\">broken</a></p>')"
    )
    _mark_read(context.new_page(), order[0])  # the topic page hears of it (a storage event)
    page.wait_for_function("document.querySelectorAll('.rl-start-here a.rl-read-link').length === 1")
    # (the guard fails the test on a page error such as "URI malformed")


def test_a_change_elsewhere_that_leaves_the_rows_shown_does_not_redraw_them(open_context, start_here, papers):
    from .test_site import _normal

    topic, order = start_here
    context = open_context()
    _mark_read(context.new_page(), order[0])
    reader = context.new_page()
    # A word of one paper's title; another paper, without it, is marked meanwhile.
    word = next(w for w in _normal(papers[0]["title"]).split() if len(w) >= 6)
    other = next(p["id"] for p in papers if word not in _normal(p["title"] + " " + " ".join(p["topics"])))
    reader.goto(f"papers/?filter={word}&unread=1")
    reader.locator(".rl-filter").wait_for(state="visible")
    reader.evaluate("window.__row = document.querySelector('#rl-all-papers tbody tr')")
    reader.evaluate("() => { window.__heard = 0; document.addEventListener('readinglist:read', () => window.__heard++) }")
    reader.locator("#rl-all-papers tbody tr a").first.focus()
    _mark_read(context.new_page(), other)
    reader.wait_for_function("window.__heard > 0")  # the reader's tab heard of it
    assert reader.evaluate("document.contains(window.__row)")  # not redrawn
    assert reader.evaluate("document.activeElement.tagName") == "A"  # the keyboard stays


def test_unread_only_is_unticked_when_the_log_empties(open_context, start_here, papers):
    topic, order = start_here
    context = open_context()
    other = context.new_page()
    _mark_read(other, order[0])
    reader = context.new_page()
    reader.goto("papers/?unread=1")
    reader.locator(".rl-filter").wait_for(state="visible")
    unread = reader.get_by_label("Unread only")
    assert unread.is_checked()
    _mark_read(other, order[0], read=False)
    unread.wait_for(state="hidden")
    assert not unread.is_checked()
    expect(reader).not_to_have_url(re.compile("unread"))  # (page.url follows a moment after)
    assert reader.locator(".rl-filter__count").inner_text() == f"All {len(papers)} papers are shown"


def test_the_filter_listens_once_however_often_instant_navigation_shows_it(open_context, published_url):
    page = open_context(base=published_url).new_page()
    page.goto("papers/", wait_until="networkidle")  # (the sitemap fetched first)
    page.evaluate("window.__kept = 'still this document'")
    for _ in range(3):
        # (Each page in place before the next click: the address changes first.)
        page.locator(".md-nav a[href$='about/']").first.click()
        page.wait_for_function("location.pathname.endsWith('/about/')")
        page.locator(".rl-filter").wait_for(state="detached")
        page.locator(".md-nav a[href$='papers/']").first.click()
        page.wait_for_function("location.pathname.endsWith('/papers/')")
        page.locator(".rl-filter").wait_for(state="visible")
    assert page.evaluate("window.__kept") == "still this document"
    cdp = page.context.new_cdp_session(page)
    document = cdp.send("Runtime.evaluate", {"expression": "document"})["result"]["objectId"]
    listeners = cdp.send("DOMDebugger.getEventListeners", {"objectId": document})["listeners"]
    assert [entry["type"] for entry in listeners].count("readinglist:read") == 1


def test_unread_in_the_address_means_nothing_while_nothing_was_read(page, papers):
    # A shared address with unread=1, opened by a reader who has marked nothing.
    page.goto("papers/?unread=1")
    page.locator(".rl-filter").wait_for(state="visible")
    unread = page.get_by_label("Unread only")
    assert not unread.is_visible() and not unread.is_checked()
    assert page.locator("#rl-all-papers tbody tr").count() == len(papers)
    box = page.get_by_role("searchbox", name="Filter")
    box.fill("learning")
    box.press("Enter")
    # (page.url follows the address a moment after the page changed it: the filter first.)
    expect(page).to_have_url(re.compile("filter=learning"))
    assert "unread" not in page.url


def _open_log(page):
    page.goto("papers/#reading-log")
    log = page.locator(".rl-log")
    log.wait_for(state="visible")
    assert log.evaluate("d => d.open")  # (come to its anchor, it is open)
    return log


def test_the_log_is_saved_as_a_file_that_loads_into_another_browser(browser, base_url, papers):
    first, second = papers[0]["id"], papers[1]["id"]
    one = browser.new_context(base_url=base_url, accept_downloads=True)
    other = browser.new_context(base_url=base_url)
    try:
        page = one.new_page()
        for paper in (first, second):
            _mark_read(page, paper)
        # The paper's note leads to where the log is saved.
        page.get_by_role("link", name="save your reading log").click()
        log = page.locator(".rl-log")
        log.wait_for(state="visible")
        assert log.evaluate("d => d.open")
        assert page.locator(".rl-log summary").inner_text() == "Your reading log: 2 papers read"
        with page.expect_download() as download:
            page.get_by_role("button", name="Save as a file").click()
        saved = download.value
        assert saved.suggested_filename.startswith("reading-log-") and saved.suggested_filename.endswith(".json")
        data = json.loads(Path(saved.path()).read_text(encoding="utf-8"))
        kept = page.evaluate("JSON.parse(localStorage.getItem('readinglist:read:/'))")
        assert data["format"] == "readinglist reading log" and data["read"] == kept
        assert sorted(data["read"]) == sorted([first, second])
        assert page.locator(".rl-log__said").inner_text() == f"Saved 2 papers as {saved.suggested_filename}."

        # Another browser: nothing read, nothing to save; the file loaded, both are read.
        there = other.new_page()
        log = _open_log(there)
        assert there.locator(".rl-log summary").inner_text() == "Your reading log: nothing read yet"
        assert there.get_by_role("button", name="Save as a file").is_disabled()
        with there.expect_file_chooser() as chooser:
            there.get_by_role("button", name="Load a file").click()
        chooser.value.set_files(saved.path())
        said = there.locator(".rl-log__said")
        said.filter(has_text="Loaded").wait_for()
        assert said.inner_text() == f"Loaded {Path(saved.path()).name}: 2 papers added."
        assert there.evaluate("JSON.parse(localStorage.getItem('readinglist:read:/'))") == kept
        # The table's marks and "Unread only" follow at once.
        assert sorted(_marked(there)) == sorted([f"/papers/{first}/", f"/papers/{second}/"])
        assert there.get_by_label("Unread only").is_visible()
        assert there.locator(".rl-log summary").inner_text() == "Your reading log: 2 papers read"
    finally:
        one.close()
        other.close()


def _load(page, name: str, text: str) -> str:
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Load a file").click()
    chooser.value.set_files({"name": name, "mimeType": "application/json", "buffer": text.encode()})
    said = page.locator(".rl-log__said")
    # What it says once the file is read ("Reading NAME…" says so meanwhile).
    said.filter(has_text=name).filter(has_not_text=re.compile(r"^Reading ")).wait_for()
    return said.inner_text()


def test_a_loaded_log_adds_to_this_one_and_keeps_each_papers_first_day(page, papers):
    a, b, c = (p["id"] for p in papers[:3])
    _open_log(page)
    page.evaluate(
        "log => localStorage.setItem('readinglist:read:/', log)",
        json.dumps({a: "2026-05-01", b: "2026-02-01"}),
    )
    saved = {
        "format": "readinglist reading log",
        "read": {a: "2026-03-01", b: "2026-04-01", c: "2026-06-01",
                 "Not An Id": "2026-01-01", "x": "2026-02-30", "__proto__": "2026-01-01"},
    }
    said = _load(page, "mine.json", json.dumps(saved))
    assert said == (
        "Loaded mine.json: 1 paper added, 2 already in your log; 3 entries without a valid paper id"
        " and day left out."
    )
    assert page.evaluate("JSON.parse(localStorage.getItem('readinglist:read:/'))") == {
        a: "2026-03-01", b: "2026-02-01", c: "2026-06-01"
    }


@pytest.mark.parametrize("text", ["not json", "[]", '{"read": {}}', '{"format": "readinglist reading log", "read": []}'])
def test_a_file_that_is_no_saved_log_loads_nothing(page, papers, text):
    kept = json.dumps({papers[0]["id"]: "2026-05-01"})
    _open_log(page)
    page.evaluate("log => localStorage.setItem('readinglist:read:/', log)", kept)
    assert _load(page, "notes.json", text) == "notes.json is no reading log saved from a reading list: nothing was loaded."
    assert page.evaluate("localStorage.getItem('readinglist:read:/')") == kept


def test_a_loaded_file_adds_only_papers_of_this_list_and_says_where_it_came_from(page, papers):
    a = papers[0]["id"]
    _open_log(page)
    page.evaluate("localStorage.removeItem('readinglist:read:/')")
    saved = {
        "format": "readinglist reading log",
        "site": "https://other.example/list/",
        "read": {a: "2026-03-01", "a-paper-of-another-list": "2026-03-02", "constructor": "2026-03-03",
                 "read-in-the-future": "2999-01-01", "year-five": "0005-03-04"},  # (a day, if odd)
    }
    said = _load(page, "other.json", json.dumps(saved))
    assert said == (
        "Loaded other.json: 1 paper added; 3 are no papers of this list (the file was saved"
        " from https://other.example/list/); 1 entry without a valid paper id and day left out."
    )
    assert page.evaluate("JSON.parse(localStorage.getItem('readinglist:read:/'))") == {a: "2026-03-01"}
    assert page.locator(".rl-log summary").inner_text() == "Your reading log: 1 paper read"


def test_the_log_block_closed_stays_closed_when_the_log_changes(open_context, papers):
    reader = open_context().new_page()
    _open_log(reader)
    reader.locator(".rl-log summary").click()
    assert not reader.locator(".rl-log").evaluate("d => d.open")
    _mark_read(reader.context.new_page(), papers[0]["id"])  # in another tab
    reader.wait_for_function("document.querySelector('.rl-log summary').textContent.includes('1 paper read')")
    assert not reader.locator(".rl-log").evaluate("d => d.open")


def test_a_file_too_large_to_be_a_log_is_not_read(page, papers):
    _open_log(page)
    kept = page.evaluate("localStorage.getItem('readinglist:read:/')")
    said = _load(page, "video.json", " " * (21 * 1024 * 1024))
    assert said == "video.json is too large to be a saved reading log: nothing was loaded."
    assert page.evaluate("localStorage.getItem('readinglist:read:/')") == kept


def test_unread_only_stays_hidden_while_the_log_holds_no_paper_of_this_list(page, papers):
    page.goto("papers/")
    page.evaluate("localStorage.setItem('readinglist:read:/', JSON.stringify({'a-removed-paper': '2026-01-01'}))")
    page.reload()
    page.locator(".rl-filter").wait_for(state="visible")
    assert not page.get_by_label("Unread only").is_visible()
    assert page.locator(".rl-log summary").inner_text() == "Your reading log: nothing read yet"


def test_the_log_lists_what_was_read_newest_first_each_a_link_to_its_page(page, papers):
    a, b, c = papers[:3]
    _open_log(page)
    page.evaluate("localStorage.removeItem('readinglist:read:/')")
    saved = {
        "format": "readinglist reading log",
        "read": {a["id"]: "2026-03-01", b["id"]: "2026-06-01", c["id"]: "2026-02-01",
                 "a-paper-of-another-list": "2026-07-01"},
    }
    _load(page, "mine.json", json.dumps(saved))
    items = page.locator(".rl-log__list li")
    # Newest first; a paper of no page here is not listed.
    expected = [b, a, c]
    assert items.count() == 3
    assert [items.nth(i).locator("a").inner_text() for i in range(3)] == [p["title"] for p in expected]
    hrefs = [items.nth(i).locator("a").evaluate("a => a.pathname") for i in range(3)]
    assert hrefs == [f"/{p['url']}" for p in expected]
    assert items.nth(0).inner_text().endswith("\u2014 June 1, 2026")  # (the page is in English)
    # Reading one more lists it at once (another tab's change too).
    page.evaluate(
        "log => { localStorage.setItem('readinglist:read:/', log);"
        " window.dispatchEvent(new StorageEvent('storage', {key: 'readinglist:read:/'})); }",
        json.dumps({**saved["read"], papers[3]["id"]: "2026-08-01"}),
    )
    page.locator(".rl-log__list li").first.filter(has_text=papers[3]["title"]).wait_for()
    assert page.locator(".rl-log__list li").count() == 4


def _hue(rgb) -> float:
    import colorsys

    return colorsys.rgb_to_hsv(*(v / 255 for v in rgb))[0] * 360


def test_the_read_box_is_drawn_in_the_palettes_colour_and_stands_out_in_both(page, papers):
    # (A reader audit: in the dark palette the box was Chromium's own, a grey square,
    # and ticked, Chromium's blue, no colour of the site's.) WCAG 1.4.11: the box's edge
    # unticked, and its fill ticked, at 3:1 at least against the page; ticked, the hue
    # of the palette's links (Chromium shades it to the scheme, keeping its hue).
    import base64
    import struct
    from collections import Counter

    from .test_site import PIXELS, _ratio

    page.goto(papers[0]["url"])
    box = page.get_by_label("I have read this paper")
    box.wait_for(state="visible")
    for scheme in ("default", "slate"):
        if scheme == "slate":
            page.locator("form[data-md-component='palette'] label:visible").first.click()
            page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
            page.wait_for_timeout(400)  # (the page's colours are a transition)
        # (Material's palette variable of its links' colour, "#4051b5")
        link = page.evaluate("getComputedStyle(document.body).getPropertyValue('--md-typeset-a-color').trim()")
        link = tuple(int(link[i : i + 2], 16) for i in (1, 3, 5))
        for ticked in (False, True):
            box.set_checked(ticked)
            frame = box.bounding_box()
            png = page.screenshot(clip={"x": frame["x"] - 2, "y": frame["y"] - 2,
                                        "width": frame["width"] + 4, "height": frame["height"] + 4})
            width, height = struct.unpack(">II", png[16:24])  # (the PNG's header: its size)
            points = [(x, y) for y in range(height) for x in range(width)]
            pixels = [tuple(p) for p in page.evaluate(PIXELS, [base64.b64encode(png).decode(), points])]
            ground = pixels[0]  # (the corner: the page around the box)
            if ticked:  # its fill: the colour most of the box is
                mark = Counter(p for p in pixels if p != ground).most_common(1)[0][0]
            else:  # its edge: across its middle row, the colour that stands out most
                middle = height // 2 * width
                mark = max(pixels[middle : middle + width], key=lambda p: _ratio(p, ground))
            assert _ratio(mark, ground) >= 3, (scheme, ticked, mark, ground)
            if ticked:
                assert abs(_hue(mark) - _hue(link)) < 3, (scheme, mark, link)
        box.set_checked(False)


def test_without_javascript_the_read_boxs_place_is_not_kept_empty(browser, base_url, start_here):
    # (A reader's audit: without the script, a blank line and a half, 44 px on a phone,
    # stood between a paper's badges and its topics, the place kept for a box that never
    # came.) With the script, the place is kept (see readinglist.css): the box comes.
    topic, order = start_here
    gaps = {}
    for script in (False, True):
        context = browser.new_context(base_url=base_url, java_script_enabled=script,
                                      viewport={"width": 390, "height": 844})
        try:
            page = context.new_page()
            page.goto(f"papers/{order[0]}/")
            gaps[script] = page.evaluate("""() => [
                document.querySelector('.rl-read').getBoundingClientRect().height,
                document.querySelector('ul.rl-topics').getBoundingClientRect().top
                    - document.querySelector('.rl-badges').getBoundingClientRect().bottom]""")
        finally:
            context.close()
    assert gaps[False][0] == 0, gaps
    # Only the margins between badges and topics (0.6em + 0.2em of 14-16 px text).
    assert gaps[False][1] < 20, gaps
    assert gaps[True][0] > 15, gaps


def test_the_log_is_a_quiet_line_until_a_paper_of_the_list_is_read(page, papers):
    # (A reader's audit: a first-time visitor met a full-width grey bar, "Your reading
    # log: nothing read yet", between the filter and the table.) Until something is read
    # it is a line as wide as its words, without the bar's background or border; still
    # the summary a reader opens, by the keyboard too, to load a saved log.
    def shown():
        return page.evaluate("""() => {
            const log = document.querySelector('.rl-log'), summary = log.querySelector('summary');
            return { width: log.getBoundingClientRect().width,
                     table: document.getElementById('rl-all-papers').getBoundingClientRect().width,
                     background: getComputedStyle(summary).backgroundColor,
                     border: getComputedStyle(log).borderTopWidth };
        }""")

    page.goto("papers/")
    log = page.locator(".rl-log")
    log.wait_for(state="visible")
    quiet = shown()
    assert quiet["width"] < quiet["table"] / 2, quiet
    assert quiet["background"] == "rgba(0, 0, 0, 0)" and quiet["border"] == "0px", quiet
    summary = page.locator(".rl-log summary")
    assert summary.inner_text() == "Your reading log: nothing read yet"
    summary.focus()
    page.keyboard.press("Enter")
    assert log.evaluate("d => d.open")
    opened = shown()  # opened, the box it was, around its buttons
    assert opened["width"] == opened["table"] and opened["background"] != "rgba(0, 0, 0, 0)", opened
    assert page.get_by_role("button", name="Load a file").is_visible()

    _mark_read(page, papers[0]["id"])
    page.goto("papers/")
    log.wait_for(state="visible")
    assert summary.inner_text() == "Your reading log: 1 paper read"
    marked = shown()
    assert marked["width"] == marked["table"] and marked["background"] != "rgba(0, 0, 0, 0)", marked
    assert marked["border"] != "0px"


def test_the_quiet_log_is_the_box_once_a_paper_is_read_on_another_page_or_tab(open_context, published_url, papers):
    # The quiet line (rl-log--empty) follows the log wherever it changes: a paper marked
    # read on its page, reached and left by instant navigation (no reload: read-marks.js
    # sets the log up again on each page Material shows), and a paper unmarked in
    # another tab (the storage event) makes it the quiet line again.
    def quiet(p) -> bool:
        return p.evaluate("""() => {
            const log = document.querySelector('.rl-log');
            return log.classList.contains('rl-log--empty')
                && getComputedStyle(log.querySelector('summary')).backgroundColor === 'rgba(0, 0, 0, 0)';
        }""")

    context = open_context(base=published_url)
    page = context.new_page()
    page.goto("papers/", wait_until="networkidle")  # (the sitemap fetched first)
    page.locator(".rl-log").wait_for(state="visible")
    assert quiet(page)
    page.evaluate("window.__kept = 'still this document'")
    paper = papers[0]["id"]
    # (Material's instant navigation makes the links absolute.)
    page.locator(f"#rl-all-papers a[href$='/papers/{paper}/']").click()
    page.get_by_label("I have read this paper").check()
    page.go_back()
    page.wait_for_function("location.pathname.endsWith('/papers/')")
    page.locator(".rl-log").wait_for(state="visible")
    page.wait_for_function("document.querySelector('.rl-log__count').textContent === ': 1 paper read'")
    assert page.evaluate("window.__kept") == "still this document"  # no reload happened
    assert not quiet(page)

    other = context.new_page()
    other.goto(f"papers/{paper}/")
    other.get_by_label("I have read this paper").set_checked(False)
    page.wait_for_function("document.querySelector('.rl-log__count').textContent === ': nothing read yet'")
    assert quiet(page)


# The lines a date of the log fills: the rectangles of the date's own characters (in
# whatever text node holds them), by their tops.
DATE_LINES = """(element, date) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.data.indexOf(date);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + date.length);
        return new Set([...range.getClientRects()].map(r => Math.round(r.top))).size;
    }
    return 0;
}"""


def test_on_a_phone_a_day_in_the_log_is_never_cut_across_two_lines(open_context, papers):
    # (A reader's walk, 390 px wide: "— December" at one line's end and "7, 2026" at the
    # next's, under most titles of the log.)
    from .conftest import PHONE

    page = open_context(viewport=PHONE).new_page()
    page.goto("papers/")
    page.locator(".rl-log").wait_for(state="visible")
    read = {paper["id"]: f"2026-09-{day % 28 + 1:02d}" for day, paper in enumerate(papers[:40])}
    page.evaluate("log => localStorage.setItem('readinglist:read:/', log)", json.dumps(read))
    page.goto("topics/")  # (the log is read as a page is shown, not at a change of anchor)
    log = _open_log(page)
    days = log.locator(".rl-log__list li")
    assert days.count() > 20
    for i in range(days.count()):
        item = days.nth(i)
        date = item.inner_text().rsplit("\u2014 ", 1)[1]
        assert re.fullmatch(r"September \d{1,2}, 2026", date), date
        assert item.evaluate(DATE_LINES, date) == 1, (i, item.inner_text())


def test_the_day_a_paper_was_read_is_never_cut_across_two_lines(open_context, papers):
    # (The same on a paper's page: " on December" at one line's end, "7, 2026" at the
    # next's, at some widths of a phone.)
    from .conftest import PHONE

    page = open_context(viewport=PHONE).new_page()
    _mark_read(page, papers[0]["id"])
    line = page.locator(".rl-read")
    date = page.locator(".rl-read__when").inner_text().removeprefix(" on ")
    cut = []
    for width in range(300, 480, 3):
        page.set_viewport_size({"width": width, "height": PHONE["height"]})
        if line.evaluate(DATE_LINES, date) != 1:
            cut.append(width)
    assert cut == [], f"{date!r} cut at widths {cut}"
