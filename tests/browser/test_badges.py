"""A paper page's badges in headless Chromium, on the fixture list (the shipped list's
links have no notes, nor GitHub's figures).

Every test also fails if the page logged a console error or asked anything of a host
other than the local server (see conftest.open_context).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .conftest import DESKTOP, PHONE

pytestmark = [pytest.mark.browser]

# The fixture's noted links: a port beside the official repository, an official and
# archived repository with its star count, on paper pages and in the tables.
NOTED = {
    "papers/replay-against-forgetting/": "an unofficial port",
    "papers/gradient-episodic-memory/": "in Lua",
    # The tables' badge of its first code link, the official one (a table shows one).
    "papers/": "in Lua",
    "topics/continual-learning/": "in Lua",
}


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("media", ["screen", "print"])
def test_a_links_note_is_seen_in_its_badge_on_screen_and_on_paper(open_context, tables_url, viewport, media):
    # (A reader's review: the curator's note was in the tooltip only, which a phone, the
    # keyboard and paper never show: the second code badge did not say it was a port.)
    page = open_context(viewport=viewport, base=tables_url).new_page()
    for url, note in NOTED.items():
        assert page.goto(url).ok
        page.emulate_media(media=media)
        shown = page.locator("a.rl-badge .rl-badge__note", has_text=note)
        expect(shown).to_have_count(1)
        expect(shown).to_be_visible()
        # Inside its badge's box, not spilling out of it.
        inside = shown.evaluate(
            """n => { const b = n.closest('a').getBoundingClientRect(), r = n.getBoundingClientRect();
                      return r.width > 0 && r.left >= b.left && r.right <= b.right
                             && r.top >= b.top && r.bottom <= b.bottom }""")
        assert inside, (url, media)
