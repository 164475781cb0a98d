"""A renamed paper (its `formerly:` ids) in the browser: its old address leads to its
page, and the reader's reading log follows it. Against the fixture list, whose
task-vectors paper was "editing-models-with-task-vectors"."""

from __future__ import annotations

import json

import pytest

from .sitebuild import SiteServer, build_fixture_site

pytestmark = [pytest.mark.browser]

KEY = "readinglist:read:/"


@pytest.fixture(scope="module")
def fixture_url(tmp_path_factory):
    site = build_fixture_site(tmp_path_factory.mktemp("renamed") / "project")
    with SiteServer(site) as server:
        yield server.base_url


def _log(page) -> dict:
    return json.loads(page.evaluate(f"localStorage.getItem('{KEY}')") or "{}")


def _marked(page) -> list[str]:
    return page.evaluate(
        "[...document.querySelectorAll('.md-content a.rl-read-link')].map(a => a.pathname)"
    )


def test_the_old_address_leads_to_the_papers_page_anchor_and_all(open_context, fixture_url):
    page = open_context(base=fixture_url).new_page()
    page.goto("papers/editing-models-with-task-vectors/#abstract")
    page.wait_for_url("**/papers/task-vectors/#abstract")
    assert page.locator("h1").inner_text().startswith("Editing Models with Task Vectors")


def test_a_paper_read_under_its_old_id_is_read_under_its_new_one(open_context, fixture_url):
    page = open_context(base=fixture_url).new_page()
    page.goto("papers/")
    page.evaluate(
        "([key, log]) => localStorage.setItem(key, log)",
        [KEY, json.dumps({"editing-models-with-task-vectors": "2026-01-05",
                          "gradient-episodic-memory": "2026-01-06"})],
    )
    page.reload()
    page.locator(".rl-filter").wait_for(state="visible")
    assert sorted(_marked(page)) == ["/papers/gradient-episodic-memory/", "/papers/task-vectors/"]

    page.goto("papers/task-vectors/")
    page.locator(".rl-read").wait_for(state="visible")
    box = page.get_by_label("I have read this paper")
    assert box.is_checked()
    assert page.locator(".rl-read__when").inner_text() == " on January 5, 2026"
    # Unticked, it is unread under either id; the old id is gone from the log.
    box.uncheck()
    assert _log(page) == {"gradient-episodic-memory": "2026-01-06"}
    page.reload()
    page.locator(".rl-read").wait_for(state="visible")
    assert not page.get_by_label("I have read this paper").is_checked()


def test_a_mark_made_under_the_new_id_keeps_its_own_day(open_context, fixture_url):
    page = open_context(base=fixture_url).new_page()
    page.goto("papers/task-vectors/")
    page.evaluate(
        "([key, log]) => localStorage.setItem(key, log)",
        [KEY, json.dumps({"task-vectors": "2026-03-01", "editing-models-with-task-vectors": "2026-01-05"})],
    )
    page.reload()
    page.locator(".rl-read").wait_for(state="visible")
    assert page.locator(".rl-read__when").inner_text() == " on March 1, 2026"
