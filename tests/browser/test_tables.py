"""Markdown tables in the browser (readinglist.js, readinglist.css): a table wider than
its column scrolls in its own box, which the keyboard reaches and scrolls in every
browser. The shipped list has no wide table: the fixture list, with a curator's
ten-column table of results in a paper's notes and a wide one in a topic's description."""

from __future__ import annotations

import pytest

from .conftest import DESKTOP, PHONE
from .sitebuild import SiteServer, build_fixture_site

pytestmark = [pytest.mark.browser]

NARROW_PHONE = {"width": 320, "height": 640}
PAPER = "papers/merging-by-arithmetic/"
TOPIC = "topics/model-merging/"

# Ten columns: wider than the page on any screen.
RESULTS = """
  Results as the paper reports them:

  | Model | Checkpoint | MMLU | GSM8K | HumanEval | ARC-Challenge | HellaSwag | TruthfulQA | Winogrande | Average |
  |---|---|---|---|---|---|---|---|---|---|
  | CodeLlamaInstruct | `meta-llama/Llama-2-13b-hf` | 63.9 | 56.8 | 29.9 | 64.6 | 85.9 | 52.8 | 80.5 | 62.1 |

  The benchmarks:

  | Benchmark | Tasks | Metric | Split | Source | Licence |
  |---|---|---|---|---|---|
  | NaturalInstructions | 1616 | ROUGE-L | test | `allenai/natural-instructions` | Apache-2.0 |

  A table that fits:

  | Setting | Value |
  |---|---|
  | Learning rate | 2e-5 |
"""

DESCRIPTION = """
      | Benchmark | Tasks | Metric | Split | Source | Licence | Languages | Size | Year | Notes |
      |---|---|---|---|---|---|---|---|---|---|
      | NaturalInstructions | 1616 | ROUGE-L | test | allenai | Apache-2.0 | 55 | 5M | 2022 | instructions |
"""

# Each table's box (Material's .md-typeset__scrollwrap) on the page: whether it scrolls,
# and what the script made of it.
BOXES = """() => [...document.querySelectorAll('.md-typeset__scrollwrap')].map(b => ({
    scrolls: b.scrollWidth > b.clientWidth + 1, tabindex: b.getAttribute('tabindex'),
    role: b.getAttribute('role'), name: b.getAttribute('aria-label')}))"""


def _add_tables(content) -> None:
    paper = content / "papers" / "merging-by-arithmetic.yml"
    paper.write_text(paper.read_text(encoding="utf-8") + "notes: |" + RESULTS, encoding="utf-8")
    topics = content / "topics.yml"
    text = topics.read_text(encoding="utf-8")
    before = "      Combining the weights of *fine-tuned* models.\n"
    assert before in text
    topics.write_text(text.replace(before, before + DESCRIPTION), encoding="utf-8")


@pytest.fixture(scope="module")
def tables_url(tmp_path_factory):
    # Served at the address it is built for, so that instant navigation works.
    project = tmp_path_factory.mktemp("tables") / "project"
    with SiteServer(project / "site") as server:
        build_fixture_site(project, _add_tables, site_url=server.base_url)
        yield server.base_url


def _settled(page):
    """The boxes once the script has looked at them (it does on Material's document$,
    and again a frame after a box changes size)."""
    page.wait_for_function("document.querySelector('.md-typeset__scrollwrap')")
    page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    return page.evaluate(BOXES)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_a_table_wider_than_the_page_is_a_named_tab_stop_the_keyboard_scrolls(
    open_context, tables_url, viewport
):
    page = open_context(viewport=viewport, base=tables_url).new_page()
    page.goto(PAPER)
    boxes = _settled(page)
    # (axe-core's scrollable-region-focusable: Safari scrolls a box from the keyboard
    # only when the box has the keyboard, and nothing in this one can take it.)
    assert boxes[0] == {"scrolls": True, "tabindex": "0", "role": "region", "name": "Table: Curator's notes"}
    # The table that fits is no Tab stop, nor a region.
    assert boxes[-1] == {"scrolls": False, "tabindex": None, "role": None, "name": None}
    # Tab reaches it, from the top of the page; the arrow keys scroll it.
    box = page.get_by_role("region", name="Table: Curator's notes")
    for _ in range(80):
        page.keyboard.press("Tab")
        if box.evaluate("b => b === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached the table")
    assert box.evaluate("b => b.scrollLeft") == 0
    page.keyboard.press("ArrowRight")
    page.wait_for_function("document.activeElement.scrollLeft > 0")
    # A ring says where the keyboard is (inside the box: on a phone its sides are the
    # screen's edges).
    ring = box.evaluate("b => { const s = getComputedStyle(b); return [s.outlineStyle, s.outlineWidth, s.outlineOffset]; }")
    assert ring == ["solid", "2px", "-2px"]


def test_a_table_in_a_topics_description_is_named_by_the_page_title(open_context, tables_url):
    page = open_context(viewport=PHONE, base=tables_url).new_page()
    page.goto(TOPIC)
    boxes = _settled(page)
    assert boxes[0] == {"scrolls": True, "tabindex": "0", "role": "region", "name": "Table: Model merging <& task arithmetic>"}
    # The topic's own table of papers fits the phone, and is no Tab stop.
    assert boxes[-1] == {"scrolls": False, "tabindex": None, "role": None, "name": None}


def test_a_table_is_a_tab_stop_only_while_it_overflows(open_context, tables_url):
    page = open_context(viewport=DESKTOP, base=tables_url).new_page()
    page.goto(PAPER)
    # The six-column table fits a desktop's column, and not the narrowest phone.
    assert _settled(page)[1] == {"scrolls": False, "tabindex": None, "role": None, "name": None}
    page.set_viewport_size(NARROW_PHONE)
    page.wait_for_function("document.querySelectorAll('.md-typeset__scrollwrap')[1].tabIndex === 0")
    assert _settled(page)[1] == {"scrolls": True, "tabindex": "0", "role": "region", "name": "Table: Curator's notes"}
    page.set_viewport_size(DESKTOP)
    page.wait_for_function("!document.querySelectorAll('.md-typeset__scrollwrap')[1].hasAttribute('tabindex')")
    assert _settled(page)[1] == {"scrolls": False, "tabindex": None, "role": None, "name": None}


def test_a_table_reached_by_instant_navigation_is_a_tab_stop(open_context, tables_url):
    page = open_context(viewport=DESKTOP, base=tables_url).new_page()
    # (Material follows only the links its sitemap lists, which it fetches once loaded.)
    page.goto("papers/", wait_until="networkidle")
    page.evaluate("window.rlSamePage = true")
    page.locator(f".md-content a[href$='{PAPER.split('/')[1]}/']").first.click()
    page.wait_for_function("location.pathname.endsWith('/merging-by-arithmetic/')")
    page.wait_for_function("document.querySelector('.md-typeset__scrollwrap[tabindex=\"0\"]')")
    # (Instant navigation: the page was not loaded again.)
    assert page.evaluate("window.rlSamePage") is True
