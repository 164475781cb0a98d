"""Markdown tables in the browser (readinglist.js, readinglist.css): a table wider than
its column scrolls in its own box, which the keyboard reaches and scrolls in every
browser; on a phone a table keeps its words whole where it can, where it fits so and
where it scrolls anyway. The shipped list has no wide table: the fixture list, with a
curator's ten-column table of results in a paper's notes and a wide one in a topic's
description. (And, on the fixture's pages, lists of papers, the curation reference's
tables of fields and code blocks' copy buttons.)"""

from __future__ import annotations

import base64

import pytest
from playwright.sync_api import expect

from .conftest import DESKTOP, PHONE
from .fixturelist import ABOUT, PAPER, TOPIC

pytestmark = [pytest.mark.browser]

NARROW_PHONE = {"width": 320, "height": 640}

# Each table's box (Material's .md-typeset__scrollwrap) on the page: whether it scrolls,
# and what the script made of it.
BOXES = """() => [...document.querySelectorAll('.md-typeset__scrollwrap')].map(b => ({
    scrolls: b.scrollWidth > b.clientWidth + 1, tabindex: b.getAttribute('tabindex'),
    role: b.getAttribute('role'), name: b.getAttribute('aria-label')}))"""


# The lines an element's text is laid out in, as it reads on the screen.
LINES = """el => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const lines = [];
    let top = null;
    for (let node; (node = walker.nextNode());) {
        for (let i = 0; i < node.data.length; i++) {
            const range = document.createRange();
            range.setStart(node, i); range.setEnd(node, i + 1);
            const box = range.getClientRects()[0];
            if (!box) continue;
            if (top === null || box.top > top + 2) { lines.push(""); top = box.top; }
            lines[lines.length - 1] += node.data[i];
        }
    }
    return lines.map(line => line.trim());
}"""


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
    # (Each of the notes' tables is numbered: two regions of one name would be one
    # place twice in a screen reader's list of them.)
    assert boxes[0] == {"scrolls": True, "tabindex": "0", "role": "region", "name": "Table 1: Curator's notes"}
    # The table that fits is no Tab stop, nor a region.
    assert boxes[-1] == {"scrolls": False, "tabindex": None, "role": None, "name": None}
    # Tab reaches it, from the top of the page; the arrow keys scroll it.
    box = page.get_by_role("region", name="Table 1: Curator's notes")
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
    assert boxes[0] == {"scrolls": True, "tabindex": "0", "role": "region", "name": "Table 1: Model merging <& task arithmetic>"}
    # The topic's own table of papers fits the phone, and is no Tab stop.
    assert boxes[-1] == {"scrolls": False, "tabindex": None, "role": None, "name": None}


def test_a_table_is_a_tab_stop_only_while_it_overflows(open_context, tables_url):
    page = open_context(viewport=DESKTOP, base=tables_url).new_page()
    page.goto(PAPER)
    # The six-column table fits a desktop's column, and not the narrowest phone.
    assert _settled(page)[1] == {"scrolls": False, "tabindex": None, "role": None, "name": None}
    page.set_viewport_size(NARROW_PHONE)
    page.wait_for_function("document.querySelectorAll('.md-typeset__scrollwrap')[1].tabIndex === 0")
    boxes = _settled(page)
    assert boxes[1] == {"scrolls": True, "tabindex": "0", "role": "region", "name": "Table 2: Curator's notes"}
    assert boxes[0]["name"] == "Table 1: Curator's notes"
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


@pytest.mark.parametrize("viewport", [PHONE, NARROW_PHONE], ids=["390px", "320px"])
def test_on_a_phone_a_table_that_scrolls_anyway_keeps_its_words_whole(open_context, tables_url, viewport):
    page = open_context(viewport=viewport, base=tables_url).new_page()
    page.goto(PAPER)
    assert _settled(page)[0]["scrolls"]
    # (A reader's review: every cell's words broke where they must, below 400px, though
    # the table scrolled anyway: "CodeLlamaIn" over "struct".)
    cells = page.locator(".md-typeset__scrollwrap").first.locator("td")
    assert cells.nth(0).evaluate(LINES) == ["CodeLlamaInstruct"]
    # Nor its code (Material breaks code anywhere: "meta-ll" over "ama/Ll"...).
    code = cells.nth(1).evaluate(LINES)
    assert "".join(code) == "meta-llama/Llama-2-13b-hf"
    assert [line for line in code[:-1] if line[-1] not in "-/"] == [], code
    # A list of papers still fits the phone.
    page.goto("papers/")
    assert _settled(page) == [{"scrolls": False, "tabindex": None, "role": None, "name": None}]
    assert page.evaluate("document.documentElement.scrollWidth") == viewport["width"]


# The words of an element's text that a line's end cuts other than after a hyphen, a
# slash, an underscore or a dot ("imaginati" over "on-research/"), each with its cuts.
CUT_WORDS = r"""el => {
    const cut = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node; (node = walker.nextNode());) {
        if (node.parentElement.closest('.rl-visually-hidden')) continue;
        for (const word of node.data.matchAll(/\S+/g)) {
            const at = [];
            let top = null;
            for (let i = 0; i < word[0].length; i++) {
                const range = document.createRange();
                range.setStart(node, word.index + i); range.setEnd(node, word.index + i + 1);
                const box = range.getClientRects()[0];
                if (!box) continue;
                if (top !== null && box.top > top + 2 && !"-/_.".includes(word[0][i - 1])) at.push(i);
                top = box.top;
            }
            if (at.length) cut.push(word[0] + " @" + at.join(","));
        }
    }
    return cut;
}"""


@pytest.mark.parametrize(("url", "where", "tables"), [(PAPER, ".rl-notes", 3), (TOPIC, ".rl-description", 2)],
                         ids=["notes", "description"])
@pytest.mark.parametrize("viewport", [PHONE, NARROW_PHONE], ids=["390px", "320px"])
def test_on_a_phone_a_curators_table_scrolls_rather_than_break_its_words(
    open_context, tables_url, viewport, url, where, tables
):
    # (A reader's review: at 390px the notes' six-column table of benchmarks fitted the
    # phone only by breaking its words anywhere, "ROUG" over "E-L", "NaturalInstru"
    # over "ctions", "allenai/na" over "tural-"; a table that scrolls shows a shade at
    # its cut edge, so it scrolls instead. And the same table in a topic's description
    # did still.) Only between words, or after a hyphen or a slash of a long id.
    page = open_context(viewport=viewport, base=tables_url).new_page()
    page.goto(url)
    boxes = _settled(page)
    boxed = page.locator(f"{where} .md-typeset__scrollwrap")
    assert boxed.count() == tables
    for n in range(tables):
        assert boxed.nth(n).locator("table").evaluate(CUT_WORDS) == [], n
    assert boxed.nth(1).locator("td").first.evaluate(LINES) == ["NaturalInstructions"]
    assert boxes[1]["scrolls"] and boxes[1]["tabindex"] == "0"
    # The page itself does not scroll sideways: its table does.
    assert page.evaluate("document.documentElement.scrollWidth") == viewport["width"]


# Each word of an element's text of at most 16 characters with a hyphen in it ("ROUGE-L",
# "GPT-4"), with the number of lines it is laid out on.
SHORT_HYPHENATED = r"""el => {
    const found = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node; (node = walker.nextNode());) {
        for (const word of node.data.matchAll(/\S+/g)) {
            if (word[0].length > 16 || !word[0].includes("-")) continue;
            const range = document.createRange();
            range.setStart(node, word.index); range.setEnd(node, word.index + word[0].length);
            const tops = new Set([...range.getClientRects()].map(box => Math.round(box.top)));
            found.push([word[0], tops.size]);
        }
    }
    return found;
}"""


@pytest.mark.parametrize(("url", "where", "words"), [
    (PAPER, ".rl-notes", {"ARC-Challenge", "ROUGE-L", "Apache-2.0", "2e-5"}),
    (TOPIC, ".rl-description", {"ROUGE-L", "Apache-2.0"}),
    (ABOUT, ".md-content", {"In-context", "GPT-4", "k-NN", "ROUGE-L"}),
], ids=["notes", "description", "page"])
@pytest.mark.parametrize("viewport", [PHONE, NARROW_PHONE], ids=["390px", "320px"])
def test_on_a_phone_a_short_word_in_a_table_is_not_cut_at_its_hyphen(open_context, tables_url, viewport, url, where, words):
    # (A reader's review: in the notes' six-column table squeezed on a phone, "ROUGE-"
    # over "L": a line may end after a hyphen, and no CSS property forbids that but
    # nowrap.) A word of a few letters stays on one line; a long id still breaks after
    # its hyphens and slashes ("allenai/natural-instructions").
    page = open_context(viewport=viewport, base=tables_url).new_page()
    page.goto(url)
    _settled(page)
    _assert_short_words_whole(page, where, words)
    assert page.locator(f"{where} td", has_text="ROUGE-L").first.evaluate("td => td.innerText") == "ROUGE-L"
    assert page.evaluate("document.documentElement.scrollWidth") == viewport["width"]


def _assert_short_words_whole(page, where: str, words: set[str]) -> None:
    """The short hyphenated words of the tables in ``where`` include ``words``, and each
    is on one line; a cell's "ROUGE-L" is the curator's, as written."""
    found = []
    for table in page.locator(f"{where} table").all():
        found += table.evaluate(SHORT_HYPHENATED)
    assert words <= {word for word, _ in found}, found
    assert [f for f in found if f[1] != 1] == []
    assert page.locator(f"{where} td", has_text="ROUGE-L").first.evaluate("td => td.textContent") == "ROUGE-L"


@pytest.mark.parametrize(("url", "where", "words"), [
    (PAPER, ".rl-notes", {"ARC-Challenge", "ROUGE-L", "Apache-2.0", "2e-5"}),
    (ABOUT, ".md-content", {"In-context", "GPT-4", "k-NN", "ROUGE-L"}),
], ids=["notes", "page"])
def test_without_javascript_a_short_word_in_a_table_is_not_cut_at_its_hyphen(open_context, tables_url, url, where, words):
    # (The words were kept whole by readinglist.js: with scripts off, "ROUGE-" over "L"
    # as before.) The page is written so; its text is as written.
    page = open_context(viewport=NARROW_PHONE, base=tables_url, java_script_enabled=False).new_page()
    page.goto(url)
    _assert_short_words_whole(page, where, words)


@pytest.mark.parametrize("viewport", [PHONE, NARROW_PHONE], ids=["390px", "320px"])
def test_on_a_phone_a_hand_written_pages_table_scrolls_rather_than_break_its_words(open_context, tables_url, viewport):
    # (A reader's review: below 400px a table in a hand-written page (content/pages)
    # fitted the phone only by breaking its words anywhere, as the notes' did once.)
    page = open_context(viewport=viewport, base=tables_url).new_page()
    page.goto(ABOUT)
    boxes = _settled(page)
    table = page.locator(".md-content .md-typeset__scrollwrap table")
    assert table.evaluate(CUT_WORDS) == []
    assert table.locator("td").first.evaluate(LINES) == ["In-context", "retrieval"]
    assert boxes == [{"scrolls": True, "tabindex": "0", "role": "region",
                      "name": "Table: What the fixture's papers report"}]
    assert page.evaluate("document.documentElement.scrollWidth") == viewport["width"]


def test_on_a_desktop_a_hand_written_pages_table_fits_its_column(open_context, tables_url):
    # (And keeping its words whole costs a desktop nothing: it fits, as it did.)
    page = open_context(viewport=DESKTOP, base=tables_url).new_page()
    page.goto(ABOUT)
    assert _settled(page) == [{"scrolls": False, "tabindex": None, "role": None, "name": None}]
    table = page.locator(".md-content .md-typeset__scrollwrap table")
    assert table.evaluate(CUT_WORDS) == []
    assert [w for w in table.evaluate(SHORT_HYPHENATED) if w[1] != 1] == []


SMALL_TABLET = {"width": 600, "height": 900}
TABLET = {"width": 768, "height": 1024}


@pytest.mark.parametrize("url", ["papers/", TOPIC], ids=["all-papers", "topic"])
@pytest.mark.parametrize("viewport", [PHONE, NARROW_PHONE, SMALL_TABLET], ids=["390px", "320px", "600px"])
def test_on_a_phone_a_list_of_papers_is_rows_across_the_screen_with_words_whole(
    open_context, tables_url, viewport, url
):
    # (A reader's review: in columns, the title's a few words wide and the code's one
    # word, both broke their words to fit: "large_langu" over "age_models", "Arithme"
    # over "tic".)
    page = open_context(viewport=viewport, base=tables_url).new_page()
    page.goto(url)
    _settled(page)
    table = page.locator("table[data-rl-papers]")
    assert table.evaluate(CUT_WORDS) == []
    assert page.evaluate("document.documentElement.scrollWidth") == viewport["width"]
    # Each row's title has a line of its own across the row; its code is under it.
    row = table.locator("tr", has=page.locator(".rl-badge--code", has_text="large_language")).first
    title, code = row.locator("td").first.bounding_box(), row.locator("td").last.bounding_box()
    assert title["width"] > viewport["width"] * 0.8
    assert code["y"] >= title["y"] + title["height"]
    if url == "papers/":  # and under its year and topics, which share a line
        year, topics = (row.locator("td").nth(i).bounding_box() for i in (1, 2))
        assert code["y"] >= topics["y"] + topics["height"] and abs(year["y"] - topics["y"]) < 4
    # It is still a table of rows and cells, an empty cell one too (a hidden cell would
    # put a row's topics under the header "Year"), with its column headers, in the
    # accessibility tree Chromium gives a screen reader.
    _assert_a_table_to_a_screen_reader(page, "table[data-rl-papers]")
    if url == "papers/":
        # Emptied by the filter, the list keeps its width (its headers unseen, it was
        # as narrow as "No paper matches the filter.").
        width = table.bounding_box()["width"]
        page.locator(".rl-filter__text").fill("zzzqqq")
        page.locator("td.rl-filter__note").wait_for()
        assert table.bounding_box()["width"] == width


@pytest.mark.parametrize("url", ["papers/", TOPIC], ids=["all-papers", "topic"])
@pytest.mark.parametrize("viewport", [TABLET, DESKTOP], ids=["768px", "desktop"])
def test_on_a_wider_screen_a_list_of_papers_is_columns_with_words_whole(open_context, tables_url, viewport, url):
    # (A reader's review: at 768px a repository's name broke anywhere, squeezed to
    # "large_language_mo" over "dels_open_suite" in a column that had room.)
    page = open_context(viewport=viewport, base=tables_url).new_page()
    page.goto(url)
    boxes = _settled(page)
    table = page.locator("table[data-rl-papers]")
    assert table.evaluate(CUT_WORDS) == []
    assert boxes[-1] == {"scrolls": False, "tabindex": None, "role": None, "name": None}
    # Columns: the code beside its title.
    row = table.locator("tr", has=page.locator(".rl-badge--code", has_text="large_language")).first
    title, code = row.locator("td").first.bounding_box(), row.locator("td").last.bounding_box()
    assert code["x"] >= title["x"] + title["width"] and code["y"] == title["y"]


@pytest.mark.parametrize("url", ["papers/", TOPIC], ids=["all-papers", "topic"])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_a_list_of_papers_is_read_at_near_the_pages_text_size(open_context, tables_url, viewport, url):
    # (A reader's review: the titles in a list of papers were Material's table text,
    # 12.8px under the page's 16px: on a topic page the same titles under "Start here"
    # were a size larger, and on a phone a row's topics were 11.5px.) A title at seven
    # eighths of the text around it at least, the rest of its row at least 12px.
    page = open_context(viewport=viewport, base=tables_url).new_page()
    page.goto(url)
    _settled(page)
    size = "el => parseFloat(getComputedStyle(el).fontSize)"
    text = page.locator(".md-content .rl-counts").evaluate(size)
    row = page.locator("table[data-rl-papers] tbody tr", has=page.locator(".rl-badge--code")).first
    assert row.locator("td").first.locator("a").first.evaluate(size) >= 0.875 * text
    for cell in row.locator("td").all()[1:]:
        if cell.locator("a").count():
            assert cell.locator("a").first.evaluate(size) >= 12, cell.inner_html()


@pytest.mark.parametrize("url", ["papers/", TOPIC], ids=["all-papers", "topic"])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_a_paper_without_code_says_so_in_its_code_cell(open_context, tables_url, viewport, url):
    # (A reader's review: 141 of the shipped list's 180 papers had an empty Code cell,
    # which read as a table that failed or was not filled in.) In columns a quiet dash
    # under the header "Code"; on a phone, whose rows have no headers, the words; to a
    # screen reader the words, never the dash.
    page = open_context(viewport=viewport, base=tables_url).new_page()
    page.goto(url)
    _settled(page)
    row = page.locator("table[data-rl-papers] tr", has=page.locator(f'a[href$="{PAPER.split("/")[1]}/"]')).first
    cell = row.locator("td").last
    dash, words = cell.locator("[aria-hidden=true]"), cell.locator(".rl-code-none__words")
    assert dash.inner_text() == "\u2014" and words.inner_text() == "No code linked"
    if viewport == DESKTOP:
        assert dash.is_visible() and words.bounding_box()["width"] <= 1
        title = row.locator("td").first.bounding_box()
        assert cell.bounding_box()["x"] >= title["x"] + title["width"]
    else:
        assert not dash.is_visible() and words.bounding_box()["width"] > 50
        title = row.locator("td").first.bounding_box()
        assert words.bounding_box()["y"] >= title["y"] + title["height"]
    muted = "el => getComputedStyle(el).color"
    assert cell.locator(".rl-code-none").evaluate(muted) != row.locator("td").first.evaluate(muted)
    session = page.context.new_cdp_session(page)
    cell.evaluate("el => { el.id = 'rl-test-cell'; }")
    root = session.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    found = session.send("DOM.querySelector", {"nodeId": root, "selector": "#rl-test-cell"})["nodeId"]
    [ax] = session.send("Accessibility.getPartialAXTree", {"nodeId": found, "fetchRelatives": False})["nodes"]
    assert ax["name"]["value"] == "No code linked"


def test_the_words_of_a_cell_without_code_are_not_filtered_and_code_only_hides_its_row(open_context, tables_url):
    # (Its words are the page's, not the paper's: "linked" or "code" found every paper
    # without code.)
    page = open_context(base=tables_url).new_page()
    page.goto("papers/")
    page.locator(".rl-filter").wait_for(state="visible")
    titles = page.locator("#rl-all-papers tbody tr td:first-child a")
    everyone = titles.count()
    box = page.get_by_role("searchbox", name="Filter")
    box.fill("linked")
    box.press("Enter")
    page.locator("#rl-all-papers tbody td.rl-filter__note").wait_for()
    assert titles.count() == 0
    box.fill("")
    box.press("Enter")
    page.get_by_label("With code only").check()
    expect(titles).to_have_count(everyone - 1)
    assert page.locator("#rl-all-papers .rl-code-none").count() == 0


@pytest.mark.parametrize("viewport", [SMALL_TABLET, TABLET, DESKTOP], ids=["600px", "768px", "desktop"])
def test_the_references_field_names_and_words_are_whole_on_any_screen(open_context, tables_url, viewport):
    # (A reader's review: at 1280px the field names broke, "descriptio" over "n",
    # "reading_ord" over "er"; at 480px "@inproceedi" over "ngs".)
    page = open_context(viewport=viewport, base=tables_url).new_page()
    page.goto("curation-reference/")
    _settled(page)
    tables = page.locator("table[data-rl-fields]")
    assert tables.count() == 3
    for table in tables.all():
        assert table.evaluate(CUT_WORDS) == []
    assert page.evaluate("document.documentElement.scrollWidth") == viewport["width"]


def _assert_a_table_to_a_screen_reader(page, selector: str, nth: int = 0) -> None:
    """The nth table of the selector is, in the accessibility tree Chromium gives a
    screen reader, a table of its rows, each with a cell for each column (an empty
    one too: a row without it would have the next cell said under its header), and
    its column headers with their names."""
    session = page.context.new_cdp_session(page)
    root = session.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    element = session.send("DOM.querySelectorAll", {"nodeId": root, "selector": selector})["nodeIds"][nth]
    backend = session.send("DOM.describeNode", {"nodeId": element})["node"]["backendNodeId"]
    tree = {n["nodeId"]: n for n in session.send("Accessibility.getFullAXTree")["nodes"]}
    [top] = [n for n in tree.values() if n.get("backendDOMNodeId") == backend]
    assert top["role"]["value"] == "table"
    nodes, todo = [], [top]
    while todo:
        node = todo.pop(0)
        nodes += [] if node.get("ignored") else [node]
        todo += [tree[child] for child in node.get("childIds", [])]
    roles = [n["role"]["value"] for n in nodes]
    table = page.locator(selector).nth(nth)
    # (As the headers read: a sorted column's words for a screen reader, "Year (newest
    # first)", are a line of their own in its inner text.)
    headers = [" ".join(text.split()) for text in table.locator("th").all_inner_texts()]
    rows = table.locator("tr").count()
    assert roles.count("row") == rows
    assert roles.count("cell") == (rows - 1) * len(headers)
    assert [n["name"]["value"] for n in nodes if n["role"]["value"] == "columnheader"] == headers


@pytest.mark.parametrize("viewport", [PHONE, NARROW_PHONE, {"width": 481, "height": 800}],
                         ids=["390px", "320px", "481px"])
def test_on_a_phone_the_reference_says_each_field_in_lines_with_words_whole(open_context, tables_url, viewport):
    # (A reader's review: at 320px the four columns of the curation reference's tables
    # of fields broke their words to fit, "lowerc" over "ase", "publicatio" over "n.".)
    page = open_context(viewport=viewport, base=tables_url).new_page()
    page.goto("curation-reference/")
    _settled(page)
    tables = page.locator("table[data-rl-fields]")
    assert tables.count() == 3  # papers', links' and topics' fields
    for table in tables.all():
        assert table.evaluate(CUT_WORDS) == []
    assert page.evaluate("document.documentElement.scrollWidth") == viewport["width"]
    # A field's name and "Required: yes" on its first line, then its value and what it
    # holds, each across the row.
    row = tables.first.locator("tr", has=page.locator("td:first-child code", has_text="id")).first
    name, value, required, holds = (row.locator("td").nth(i).bounding_box() for i in range(4))
    assert abs(required["y"] - name["y"]) < 4 and required["x"] > name["x"] + name["width"]
    assert value["y"] >= name["y"] + name["height"] and holds["y"] >= value["y"] + value["height"]
    assert value["width"] > viewport["width"] * 0.8 and holds["width"] > viewport["width"] * 0.8
    shown = row.locator("td").nth(1).evaluate("td => getComputedStyle(td, '::before').content")
    assert shown == '"Value: " / ""'
    _assert_a_table_to_a_screen_reader(page, "table[data-rl-fields]")


@pytest.mark.parametrize("viewport", [PHONE, NARROW_PHONE], ids=["390px", "320px"])
def test_on_a_phone_a_table_that_fits_with_its_words_whole_keeps_them(open_context, tables_url, viewport):
    # (A reader's review: at 390px the curation reference's table of fields read
    # "2101.000" over "10" and "10.1000/x" over "yz123", every cell's words breaking
    # where they must, though the table fits the phone with them whole.)
    page = open_context(viewport=viewport, base=tables_url).new_page()
    page.goto("curation-reference/")
    # Every table of the page fits the phone, none a Tab stop.
    boxes = _settled(page)
    assert [b for b in boxes if b["scrolls"] or b["tabindex"]] == []
    cells = page.evaluate(
        """() => [...document.querySelector('.md-typeset__scrollwrap table').querySelectorAll('td')]
                 .filter(td => /2101\\.00010|10\\.1000/.test(td.textContent)).map(td => {
                     const walker = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
                     const out = [];
                     for (let node; (node = walker.nextNode());) {
                         for (const m of node.data.matchAll(/2101\\.00010|10\\.1000\\/xyz123/g)) {
                             const range = document.createRange();
                             range.setStart(node, m.index); range.setEnd(node, m.index + m[0].length);
                             out.push([m[0], range.getClientRects().length]);
                         }
                     }
                     return out; }).flat()""")
    assert {word for word, _ in cells} == {"2101.00010", "10.1000/xyz123"}
    if viewport == PHONE:
        assert [c for c in cells if c[1] != 1] == [], cells
    # (At 320px it does not fit so: its words break where they must, and it fits.)


def _navigation_landmarks(page) -> list[str]:
    """The name of each navigation landmark in Chromium's accessibility tree."""
    session = page.context.new_cdp_session(page)
    return [n.get("name", {}).get("value", "") for n in session.send("Accessibility.getFullAXTree")["nodes"]
            if not n.get("ignored") and n["role"]["value"] == "navigation"]


def test_a_code_blocks_copy_button_is_no_landmark(open_context, tables_url):
    # (axe-core's landmark-unique: Material puts each block's copy button in a <nav>,
    # a navigation landmark without a name; a paper with code in its notes and its Cite
    # block had two alike in a screen reader's list of landmarks.)
    page = open_context(viewport=DESKTOP, base=tables_url).new_page()
    page.goto("papers/hostile-inputs/")
    page.wait_for_function("document.querySelectorAll('.md-typeset pre > nav').length === 2")
    page.wait_for_function("[...document.querySelectorAll('.md-typeset pre > nav')].every(n => n.getAttribute('role') === 'none')")
    assert "" not in _navigation_landmarks(page)
    assert page.get_by_role("button", name="Copy to clipboard").count() == 2
    # So too on a page instant navigation brings (Material makes its buttons anew).
    page.goto("papers/", wait_until="networkidle")
    page.evaluate("window.rlSamePage = true")
    page.locator(".md-content a[href$='hostile-inputs/']").first.click()
    page.wait_for_function("location.pathname.endsWith('/hostile-inputs/')")
    page.wait_for_function("document.querySelectorAll('.md-typeset pre > nav').length === 2")
    page.wait_for_function("[...document.querySelectorAll('.md-typeset pre > nav')].every(n => n.getAttribute('role') === 'none')")
    assert page.evaluate("window.rlSamePage") is True
    assert "" not in _navigation_landmarks(page)


def test_a_repositorys_name_in_a_narrow_code_column_breaks_after_its_slash(styled):
    # (A reader's review: at 1280px the all-papers table's Code column read
    # "AlibabaResearch/DAMO-" over "ConvAI": a line may end after a hyphen, and it
    # ended at the last break that fitted.) The badge as the tables' row writes it, in
    # a column of each width from one that holds the owner's line alone to one that
    # holds the whole name.
    from generator.render import breakable

    label = breakable("AlibabaResearch/DAMO-ConvAI")
    page = styled(f"<div id='column'><a class='rl-badge rl-badge--code rl-badge--compact' href='#'"
                  f" aria-label='Code on GitHub: AlibabaResearch/DAMO-ConvAI'>{label}</a></div>"
                  "<a id='probe' class='rl-badge rl-badge--compact' style='white-space: nowrap'>"
                  "AlibabaResearch/</a>", {"width": 1280, "height": 800})
    owner = page.locator("#probe").evaluate("el => Math.ceil(el.getBoundingClientRect().width)")
    badge = page.locator("#column a")
    seen = set()
    for width in range(owner, owner + 120, 3):
        page.locator("#column").evaluate(f"el => el.style.width = '{width}px'")
        lines = badge.evaluate(LINES)
        assert lines in (["AlibabaResearch/DAMO-ConvAI"], ["AlibabaResearch/", "DAMO-ConvAI"]), (width, lines)
        seen.add(len(lines))
        assert badge.evaluate("el => el.scrollWidth <= el.clientWidth")
    assert seen == {1, 2}
    # Read and copied as it was: the name is one piece of text, the same words.
    assert badge.evaluate("el => el.innerText") == "AlibabaResearch/DAMO-ConvAI"
    # On a 320px phone's column, narrower than the name, it breaks inside it and fits.
    page.locator("#column").evaluate("el => el.style.width = '60px'")
    assert badge.evaluate("el => el.scrollWidth <= el.clientWidth")
    assert "".join(badge.evaluate(LINES)) == "AlibabaResearch/DAMO-ConvAI"


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_a_long_repository_name_in_a_list_of_papers_is_one_line_in_columns_two_on_a_phone(styled, viewport):
    # (A reader's review: "huggingface/transformers-interpretability-toolkit" broke
    # inside its name in the Code column, "transformers-" over "interpretability-toolkit"
    # under "huggingface/": a badge three lines tall, its shape gone.) The row as the
    # lists write it, its Code column from as narrow as the owner to wider than the name:
    # on a phone the owner's line over the name's, each whole or cut with an ellipsis,
    # never broken; in columns one line, the name cut with an ellipsis (a reader's
    # review: at 1280px the two longest names of the shipped list were two lines).
    from generator.render import breakable

    name = "huggingface/transformers-interpretability-toolkit"
    page = styled("<table data-rl-papers><tbody><tr><td>A paper's title</td><td id='code'>"
                  f"<a class='rl-badge rl-badge--code rl-badge--compact' href='#' aria-label='Code on GitHub: {name}'"
                  f" title='Code on GitHub: {name}'>{breakable(name)}</a></td></tr></tbody></table>"
                  "<a id='probe' class='rl-badge rl-badge--compact'>x</a>", viewport)
    one_line = page.locator("#probe").evaluate("el => el.getBoundingClientRect().height")
    badge, tail = page.locator("#code a"), page.locator("#code .rl-badge__tail")
    seen = set()
    # (On a phone the name's line is cut; in columns the badge's one line.)
    cut_box = tail if viewport == PHONE else badge
    for width in range(60, 460, 20):
        page.locator("#code").evaluate(f"el => el.style.width = el.style.maxWidth = '{width}px'")
        lines = badge.evaluate(LINES)
        assert lines in ([name], ["huggingface/", "transformers-interpretability-toolkit"]), (width, lines)
        assert badge.evaluate("el => el.getBoundingClientRect().height") < 2.5 * one_line, width
        # Nothing runs out of the badge; a name cut says so.
        if viewport == PHONE:
            assert badge.evaluate("el => el.scrollWidth <= el.clientWidth"), width
        cut = cut_box.evaluate("el => el.scrollWidth > el.clientWidth")
        if cut:
            assert cut_box.evaluate("el => getComputedStyle(el).textOverflow") == "ellipsis"
            assert cut_box.evaluate("el => getComputedStyle(el).overflowX") == "hidden"
        seen.add((len(lines), cut))
    if viewport == PHONE:
        assert (2, True) in seen and (2, False) in seen
    else:  # (in columns the badge takes its 18em however narrow its cell is set: below)
        assert seen == {(1, True)}
        assert badge.evaluate("el => el.getBoundingClientRect().height") == one_line
    # Read, named and copied whole.
    assert badge.evaluate("el => el.innerText") == name
    assert badge.get_attribute("aria-label") == f"Code on GitHub: {name}"
    assert page.get_by_role("link", name=f"Code on GitHub: {name}").count() == 1


LONG_WORD = "Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenversicherungsanstaltsgebäude"
LONG_TOPIC = "Sprachmodellagentenverhaltensforschungsgrundlagenuntersuchungen"
# (A link as a search engine's results page gives it, pasted: longer than a desktop's column.)
LONG_URL = ("https://scholar.example.org/scholar?hl=en&as_sdt=0%2C5&q=donaudampfschifffahrtsgesellschaft"
            "+kapitaenswitwenrentenversicherungsanstalt&btnG=&oq=donaudampfschifffahrt&gs_lcp=Cgdnd3Mtd2l6"
            "EAMyBQgAEIAEMgUIABCABDIFCAAQgAQ6BwgAEEcQsAM")


@pytest.mark.parametrize("viewport", [NARROW_PHONE, PHONE, SMALL_TABLET, TABLET, DESKTOP],
                         ids=["320px", "390px", "600px", "768px", "desktop"])
def test_a_word_longer_than_a_list_of_papers_is_wide_breaks_and_the_list_keeps_its_width(styled, viewport):
    # (A new curator's list: a title of one long German compound, and a summary that is
    # a pasted address, made the All papers list 568px wide on a 390px phone, each row cut
    # at the screen's edge, and wider than its column at 768px and 1280px, where the page
    # scrolled sideways: on a phone a row's cell kept the width of its longest word, a
    # flex item's least width, and in columns the title's column did; a topic of one long
    # word beside it, once that broke, squeezed the title to 100px.) The row as the
    # lists write it, in a box as wide as the page's text at most (Material's column at
    # 1280px beside its two sidebars), at Material's root font size, with a long badge.
    page = styled("<style>html { font-size: 125% }</style><div id='box' style='max-width: 720px'><table id='rl-all-papers' data-rl-papers><thead><tr>"
                  "<th>Title</th><th class='rl-year-column'>Year</th><th>Topics</th><th>Code</th></tr></thead>"
                  f"<tbody><tr><td id='title'><a href='#'>{LONG_WORD}: a study of short words</a>"
                  " <span class='rl-row-byline'><span class='rl-row-byline__authors'>Ada Lovelace et al.</span></span>"
                  f" <span class='rl-summary'>{LONG_URL}</span></td><td>2024</td>"
                  f"<td id='topics'><a href='#'>{LONG_TOPIC} and agents</a></td>"
                  "<td><a class='rl-badge rl-badge--code rl-badge--compact' href='#'>some-organisation-with-a-long-name/"
                  "<wbr><span class='rl-badge__tail'>a-long-repository-name</span></a></td></tr></tbody></table></div>"
                  f"<span id='probe' style='white-space: nowrap; position: absolute'>{LONG_URL}</span>", viewport)
    box, table, title = page.locator("#box"), page.locator("table"), page.locator("#title")
    width = box.evaluate("el => el.clientWidth")
    # (The address is wider than the list can be, at each width.)
    assert page.locator("#probe").evaluate("el => el.getBoundingClientRect().width") > width
    page.locator("#probe").evaluate("el => el.remove()")
    assert table.evaluate("el => el.getBoundingClientRect().width") <= width
    assert title.evaluate("el => el.scrollWidth <= el.clientWidth")
    assert page.evaluate("document.documentElement.scrollWidth") == viewport["width"]
    # Only what cannot fit a line breaks: the short words stay whole.
    cut = title.evaluate(CUT_WORDS)
    assert cut and all(word.startswith((LONG_WORD, "https://")) for word in cut), cut
    topics = page.locator("#topics")
    assert topics.evaluate("el => el.scrollWidth <= el.clientWidth")
    assert all(word.startswith(LONG_TOPIC) for word in topics.evaluate(CUT_WORDS))
    # And the title keeps a column to be read in beside a long topic: 10em and more.
    assert title.evaluate("el => el.getBoundingClientRect().width") >= 160


def _topic_row(name: str, stars: str = "", archived: bool = False, gone: bool = False, note: str = "",
               official: bool = False) -> str:
    """A topic table's row as the templates write it, its code badge for the repository
    ``name`` with GitHub's star count and marks, and the link's note."""
    from generator.badges import Badge
    from generator.pagecontext import PaperRef
    from generator.render import Renderer

    said = f"Code on GitHub: {name}"
    code = Badge("code", f"https://github.com/{name}", name, "github", said, note=note, stars=stars,
                 archived=archived, gone=gone, official=official, table_name=said)
    return str(Renderer()._call_macro("topic_row", PaperRef("p/", "A paper's title", 2024, code), False))


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_a_code_badge_in_columns_with_its_count_marks_and_note_is_one_line(styled, viewport):
    # The badges as the tables write them for an official, archived repository with its
    # star count and a note, and for one GitHub did not find: in columns one line, whole
    # where it is no wider than 18em of text (the 87 and "archived" read), cut where it
    # is (below: the name, not what follows it); on a phone, with the screen's width,
    # whole.
    page = styled("<table data-rl-papers><tbody>"
                  + _topic_row("example/gem", "87", archived=True, note="in Lua")
                  + _topic_row("huggingface/transformers-interpretability-toolkit", gone=True, note="in Lua")
                  + "</tbody></table><a id='probe' class='rl-badge rl-badge--compact'>x</a>", viewport)
    one_line = page.locator("#probe").evaluate("el => el.getBoundingClientRect().height")
    short, long = page.locator("td a.rl-badge").all()
    assert short.evaluate(LINES) == ["example/gem 87 archived in Lua"]
    assert short.evaluate("el => el.getBoundingClientRect().height") == one_line
    assert short.evaluate("el => el.scrollWidth <= el.clientWidth")
    if viewport == DESKTOP:
        assert long.evaluate(LINES) == ["huggingface/transformers-interpretability-toolkit not found in Lua"]
        assert long.evaluate("el => el.getBoundingClientRect().height") == one_line
        assert long.evaluate("el => el.scrollWidth > el.clientWidth")
    else:
        assert long.evaluate("el => el.scrollWidth <= el.clientWidth")
        assert long.evaluate(LINES)[-1].endswith("not found in Lua")
    # Copied as one piece of text, whatever is cut.
    assert long.evaluate("el => el.innerText") == "huggingface/transformers-interpretability-toolkit not found in Lua"


def test_in_columns_a_long_name_is_cut_before_its_star_count_and_marks_never_them(styled):
    # (A reader's review: at 1280px a long repository name's badge ended in an ellipsis
    # that cut what followed the name with it, its star count and "archived" shown in
    # the tooltip only; the marks and the count say more than the name's last letters.)
    # The rows as the templates write them: each badge one line, its count, marks and
    # note whole inside it and seen (nothing drawn over them); a name too long for the
    # 18em ends in an ellipsis before them; copied whole.
    long = "giorgioroffo/large_language_models_open_suite"
    rows = [  # (the badge's text, its row, how many pieces follow the name)
        ("example/gem 87 archived in Lua", _topic_row("example/gem", "87", archived=True, note="in Lua"), 3),
        (f"{long} official", _topic_row(long, official=True), 1),
        (f"{long} 12k archived", _topic_row(long, "12k", archived=True), 2),
        (f"{long} 1.2k archived in Lua", _topic_row(long, "1.2k", archived=True, note="in Lua"), 3),
        ("huggingface/transformers-interpretability-toolkit not found",
         _topic_row("huggingface/transformers-interpretability-toolkit", gone=True), 1),
    ]
    page = styled(f"<table data-rl-papers><tbody>{''.join(row for _, row, _ in rows)}</tbody></table>"
                  "<a id='probe' class='rl-badge rl-badge--compact'>x</a>", DESKTOP)
    one_line = page.locator("#probe").evaluate("el => el.getBoundingClientRect().height")
    badges = page.locator("td a.rl-badge").all()
    assert len(badges) == len(rows)
    for badge, (text, _, count) in zip(badges, rows):
        assert badge.evaluate("el => el.innerText") == text  # (copied whole, on one line)
        assert len(badge.evaluate(LINES)) == 1, text
        assert badge.evaluate("el => el.getBoundingClientRect().height") == one_line, text
        inside = badge.evaluate("el => { const r = el.getBoundingClientRect(); return [r.left, r.right] }")
        pieces = badge.locator(".rl-badge__stars, .rl-badge__mark, .rl-badge__note").all()
        assert len(pieces) == count
        for piece in pieces:
            left, right = piece.evaluate("el => { const r = el.getBoundingClientRect(); return [r.left, r.right] }")
            assert inside[0] < left and right < inside[1], (text, piece.inner_text(), inside, left, right)
            # Seen: the point at its middle is the piece's, not the name's nor a box over it.
            assert piece.evaluate("""el => { const r = el.getBoundingClientRect();
                const at = document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2);
                return el.contains(at) }"""), (text, piece.inner_text())
    # A name that fits is whole; a longer one is cut, with an ellipsis shown before
    # what follows it, its end under them, the badge no wider than 18em of its text.
    short, *cut = badges
    assert short.evaluate("el => el.scrollWidth <= el.clientWidth")
    assert short.locator(".rl-badge__more").evaluate("el => getComputedStyle(el, '::before').visibility") == "hidden"
    for badge in cut:
        assert badge.evaluate("el => el.scrollWidth > el.clientWidth")
        more = badge.locator(".rl-badge__more")
        assert more.evaluate("el => getComputedStyle(el, '::before').visibility") == "visible"
        assert more.evaluate("el => getComputedStyle(el, '::before').content").startswith('"\u2026')
        tail_end = badge.locator(".rl-badge__tail").evaluate("el => el.getBoundingClientRect().right")
        assert tail_end > more.evaluate("el => el.getBoundingClientRect().left")
        assert badge.evaluate("el => el.clientWidth - 2 * parseFloat(getComputedStyle(el).paddingLeft)") <= badge.evaluate(
            "el => 18 * parseFloat(getComputedStyle(el).fontSize)") + 0.5


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_a_tables_official_mark_is_seen_whole_and_the_table_no_wider(styled, viewport):
    # (A reader's hunt: the tables' badge said "official" in its tooltip only.) The mark
    # is the paper page's filled tag, seen whole inside its badge (nothing over it), for
    # a short name and for names too long for the column, with a count, "archived" and
    # a long note; the table stays within the screen on a phone (390px).
    long = "giorgioroffo/large_language_models_open_suite"
    note = "the official implementation, in PyTorch and JAX, with the training scripts"
    page = styled("<div id='wrap'><table data-rl-papers><tbody>"
                  + _topic_row("THUDM/T1", official=True)
                  + _topic_row(long, official=True)
                  + _topic_row(long, "999k", archived=True, note=note, official=True)
                  + _topic_row("someone/port", note="an unofficial port")
                  + "</tbody></table></div>", viewport)
    badges = page.locator("td a.rl-badge").all()
    marks = [badge.locator(".rl-badge__mark:not(.rl-badge__mark--archived)").all() for badge in badges]
    assert [len(m) for m in marks] == [1, 1, 1, 0]
    for badge, (mark,) in zip(badges, marks[:3]):
        assert mark.inner_text() == "official"
        inside = badge.evaluate("el => { const r = el.getBoundingClientRect(); return [r.left, r.right] }")
        left, right = mark.evaluate("el => { const r = el.getBoundingClientRect(); return [r.left, r.right] }")
        assert inside[0] < left and right < inside[1], (inside, left, right)
        assert mark.evaluate("el => el.scrollWidth <= el.clientWidth")  # (not cut by its own ellipsis)
        assert mark.evaluate("""el => { const r = el.getBoundingClientRect();
            return el.contains(document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2)) }""")
        # Filled, as on the paper page: its background is not the badge's.
        assert mark.evaluate("el => getComputedStyle(el).backgroundColor") != badge.evaluate(
            "el => getComputedStyle(el).backgroundColor")
    if viewport == PHONE:
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        wrap = page.locator("#wrap")
        assert wrap.evaluate("el => el.scrollWidth <= el.clientWidth")


def test_in_columns_a_note_too_long_for_the_badge_is_cut_not_the_count_nor_the_name(styled):
    # A note about as long as the badge, after a count and "archived": pulled in whole,
    # it covered the name and ran the count out of the badge's left edge. The count and
    # the mark are seen whole, the name's first 4em are, the note ends in an ellipsis.
    note = "the official implementation, in PyTorch and JAX, with the training scripts"
    page = styled("<table data-rl-papers><tbody>"
                  + _topic_row("giorgioroffo/large_language_models_open_suite", "999k", archived=True, note=note)
                  + "</tbody></table>", DESKTOP)
    badge = page.locator("td a.rl-badge")
    assert badge.evaluate("el => el.innerText") == f"giorgioroffo/large_language_models_open_suite 999k archived {note}"
    assert len(badge.evaluate(LINES)) == 1
    inside = badge.evaluate("el => { const r = el.getBoundingClientRect(); return [r.left, r.right] }")
    for piece in badge.locator(".rl-badge__stars, .rl-badge__mark").all():
        left, right = piece.evaluate("el => { const r = el.getBoundingClientRect(); return [r.left, r.right] }")
        assert inside[0] < left and right < inside[1], (piece.inner_text(), inside, left, right)
        assert piece.evaluate("""el => { const r = el.getBoundingClientRect();
            return el.contains(document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2)) }""")
    more = badge.locator(".rl-badge__more")
    # (From the badge's text to the box under the ellipsis.)
    name_seen = more.evaluate("el => el.getBoundingClientRect().left") - badge.evaluate(
        "el => el.getBoundingClientRect().left + el.clientLeft + parseFloat(getComputedStyle(el).paddingLeft)")
    assert name_seen >= badge.evaluate("el => 4 * parseFloat(getComputedStyle(el).fontSize)") - 0.5
    assert more.evaluate("el => getComputedStyle(el).textOverflow") == "ellipsis"
    assert more.evaluate("el => el.scrollWidth > el.clientWidth")


def _material_css() -> str:
    """Material for MkDocs' own stylesheet, as installed."""
    from importlib.resources import files

    sheets = files("material") / "templates" / "assets" / "stylesheets"
    return next(f for f in sheets.iterdir() if f.name.startswith("main.") and f.name.endswith(".min.css")).read_text(
        encoding="utf-8")


@pytest.mark.parametrize("width", [660, 690, 920])
def test_a_repositorys_name_in_a_list_of_papers_is_one_line_where_the_table_has_room(styled, width):
    # (A reader audit: at 1280px a topic's table read "Facico/" over
    # "Dynamic-Logit-Fusion" in its Code column, though its titles had room to wrap: the
    # table gave the Code column the width of its longest piece, "Dynamic-Logit-Fusion",
    # and the titles the rest.) A table as wide as Material's content column on a
    # desktop (660px at 720px wide, 690px at 1280px, 920px at 1000px), its titles long:
    # the name is one line, the titles wrap. A name longer than a column should take
    # (18em of the badge's text) is one line too, its end cut with an ellipsis (at
    # 1280px the two longest of the shipped list were two lines, the owner's over the
    # name's), the column no wider.
    from generator.render import breakable

    title = "On Giant's Shoulders: Effortless Weak to Strong by Dynamic Logits Fusion, a long title " * 2

    def table(name: str) -> str:
        rows = "".join(f"<tr><td>{title} {n}</td><td>{cell}</td></tr>" for n, cell in enumerate((
            f"<a class='rl-badge rl-badge--code rl-badge--compact' href='#'>{breakable(name)}</a>", "—", "—")))
        return (f"<div style='width: {width}px'><div class='md-typeset__scrollwrap'><div class='md-typeset__table'>"
                f"<table data-rl-papers><thead><tr><th>Title</th><th>Code</th></tr></thead><tbody>{rows}"
                "</tbody></table></div></div></div>")

    page = styled(table("Facico/Dynamic-Logit-Fusion") + table("huggingface/transformers-interpretability-toolkit"),
                  DESKTOP)
    # Material's own stylesheet first, as the site has it, the list's after it: its
    # tables' sizes and padding decide what room each column gets.
    page.evaluate("css => { const s = document.createElement('style'); s.textContent = css;"
                  " document.querySelector('style').before(s); }", _material_css())
    short, long = page.locator("td a").all()
    assert short.evaluate(LINES) == ["Facico/Dynamic-Logit-Fusion"]
    assert long.evaluate(LINES) == ["huggingface/transformers-interpretability-toolkit"]
    assert short.evaluate("a => a.getBoundingClientRect().height") == long.evaluate(
        "a => a.getBoundingClientRect().height")
    assert long.evaluate("el => el.scrollWidth > el.clientWidth")
    assert long.evaluate("el => getComputedStyle(el).textOverflow") == "ellipsis"
    assert not short.evaluate("el => el.scrollWidth > el.clientWidth")
    assert long.evaluate("a => a.getBoundingClientRect().width") <= long.evaluate(
        "a => 18 * parseFloat(getComputedStyle(a).fontSize)") + 2 * 12  # (18em of text, and its padding)
    # Each table fits its column: the titles wrapped, not the page.
    for box in page.locator("table").all():
        assert box.evaluate("t => t.getBoundingClientRect().right") <= width + 8
        assert len(box.locator("td").first.evaluate(LINES)) >= 2


# The colours drawn in a table's box at each of the x offsets (from its left, or from
# its right if negative), on a row of the header cells' top padding (inside the table,
# above its words).
def _table_row(page, box, xs) -> list[list[int]]:
    from .test_site import PIXELS

    frame = box.bounding_box()
    table = box.locator("table").bounding_box()
    y = round(table["y"] - frame["y"]) + 4
    w = round(frame["width"])
    png = base64.b64encode(box.screenshot()).decode()
    return page.evaluate(PIXELS, [png, [[x if x >= 0 else w + x, y] for x in xs]])


# The colour drawn at a table's box's left edge, its middle and its right edge.
def _table_edges(page, box) -> dict[str, list[int]]:
    w = round(box.bounding_box()["width"])
    return dict(zip(("left", "middle", "right"), _table_row(page, box, [2, w // 2, -3])))


def _wide_table(open_context, tables_url, viewport, scheme):
    """The page PAPER and the box of its notes' first table, which scrolls: in view, its
    transitions off and the mouse away from it."""
    page = open_context(viewport=viewport, color_scheme=scheme, base=tables_url).new_page()
    page.goto(PAPER)
    assert _settled(page)[0]["scrolls"]
    page.add_style_tag(content="*, *::before, *::after { transition: none !important; }")
    box = page.locator(".md-typeset__scrollwrap").first
    box.scroll_into_view_if_needed()
    page.mouse.move(0, 0)
    return page, box


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_table_that_scrolls_shows_it_by_a_shade_at_its_cut_edge(open_context, tables_url, scheme, viewport):
    # (A reader's review: the notes' table of results was cut at the page's edge, a
    # column half shown, with no sign that it scrolls: a phone shows no scroll bar until
    # it is scrolled, and a desktop Material's thin grey one under the table. The Cite
    # block shows its cut edge so: tests/browser/test_site.py.)
    from .test_site import _ratio, plain, shaded

    page, box = _wide_table(open_context, tables_url, viewport, scheme)
    start = _table_edges(page, box)
    assert shaded(start, "right") and plain(start, "left"), start
    # A cell's words and links over the shade at its darkest stay readable.
    for selector in ("td", "th", "p a:not(.rl-badge)"):
        fore = page.locator(f".md-typeset {selector}").first.evaluate(
            "el => getComputedStyle(el).color.match(/[\\d.]+/g).map(Number)")
        alpha = fore[3] if len(fore) > 3 else 1
        text = [f * alpha + b * (1 - alpha) for f, b in zip(fore[:3], start["right"])]
        assert _ratio(text, start["right"]) >= 4.5, (selector, fore, start["right"])
    # Scrolled to its end, the shade is at the left, where it is cut now.
    box.evaluate("b => b.scrollLeft = b.scrollWidth")
    end = _table_edges(page, box)
    assert shaded(end, "left") and plain(end, "right"), end
    # The table that fits has none.
    fits = page.locator(".md-typeset__scrollwrap").last
    fits.scroll_into_view_if_needed()
    assert fits.evaluate("b => b.scrollWidth <= b.clientWidth")
    whole = _table_edges(page, fits)
    assert plain(whole, "left") and plain(whole, "right"), whole


def test_in_the_dark_scheme_a_tables_cut_edge_is_plain_to_see_and_quiet(open_context, tables_url):
    # (A reader's review: in the dark scheme the shade was black on the near-black
    # page, 1.23:1 at its darkest, barely seen. No shade under the text can stand much
    # higher: black itself is 1.3:1 there, and one lighter than the page takes the
    # links over it under 4.5:1 from 1.2:1 on.) So the shade is black at the cut edge,
    # with a hairline lighter than the page at the edge itself: plain to see, and
    # quieter than any text (under 3:1). Gone once scrolled to that end.
    from .test_site import _ratio

    page, box = _wide_table(open_context, tables_url, PHONE, "dark")
    middle = _table_edges(page, box)["middle"]
    left, right = _table_row(page, box, [0, 1, 2]), _table_row(page, box, [-3, -2, -1])
    assert 1.8 <= max(_ratio(c, middle) for c in right) < 3, right
    assert min(_ratio(c, middle) for c in right) >= 1.25, right
    assert max(_ratio(c, middle) for c in left) < 1.05, left
    box.evaluate("b => b.scrollLeft = b.scrollWidth")
    left, right = _table_row(page, box, [0, 1, 2]), _table_row(page, box, [-3, -2, -1])
    assert 1.8 <= max(_ratio(c, middle) for c in left) < 3, left
    assert max(_ratio(c, middle) for c in right) < 1.05, right


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_tables_shade_ends_with_the_table(open_context, tables_url, scheme):
    # (A reader's review: the shade at a table's cut edge ran on a line's height below
    # the table's last row, a smudge under its bottom border.) Below the table, at
    # either edge, only the page; in the table's last row, the shade.
    from .test_site import PIXELS, _ratio, plain, shaded

    page, box = _wide_table(open_context, tables_url, PHONE, scheme)
    frame, table = box.bounding_box(), box.locator("table").bounding_box()
    w = round(frame["width"])
    png = base64.b64encode(box.screenshot()).decode()
    points = {"row": round(table["y"] + table["height"] - frame["y"]) - 4,
              "below": round(table["y"] + table["height"] - frame["y"]) + 2}
    assert points["below"] < round(frame["height"]), "nothing of the box below the table"
    for where, y in points.items():
        colours = dict(zip(("left", "middle", "right"),
                           page.evaluate(PIXELS, [png, [[2, y], [w // 2, y], [w - 2, y]]])))
        if where == "row":
            assert shaded(colours, "right"), colours
        else:
            assert plain(colours, "right") and plain(colours, "left"), colours
            assert _ratio(colours["middle"], _table_edges(page, box)["middle"]) < 1.05


@pytest.mark.parametrize("viewport", [{"width": 360, "height": 740}, PHONE, NARROW_PHONE],
                         ids=["360px", "390px", "320px"])
def test_on_a_phone_a_long_code_id_in_a_table_breaks_only_after_its_slashes(open_context, tables_url, viewport):
    # (A reader's review: in a squeezed table on a phone a repository's long name stood
    # one piece a line, "some-" over "very-" over "long-" ...: a line may end after each
    # hyphen.) In a table that scrolls anyway its parts are whole, a line ending only
    # after a slash, as the table's words are. (On a desktop, where breaking it at a
    # hyphen makes the table fit, it breaks there: test_a_table_is_a_tab_stop_only...)
    page = open_context(viewport=viewport, base=tables_url).new_page()
    page.goto(PAPER)
    boxes = _settled(page)
    box = page.locator(".rl-notes .md-typeset__scrollwrap").nth(1)
    for name in ("allenai/natural-instructions", "owner/some-very-long-repository-name-with-hyphens"):
        code = box.locator("td code", has_text=name)
        lines = code.evaluate(LINES)
        assert "".join(lines) == name, lines
        assert lines in ([name], [name[:name.index("/") + 1], name[name.index("/") + 1:]]), lines
        # Read and copied as written.
        assert code.evaluate("el => el.textContent") == name
        assert code.evaluate("el => el.innerText") == name
    assert boxes[1]["scrolls"]
    assert page.evaluate("document.documentElement.scrollWidth") == viewport["width"]
