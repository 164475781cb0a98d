"""What a reader does on the built site, in headless Chromium.

Every test also fails if the page logged a console error or asked anything of a host
other than the local server (see conftest.open_context).
"""

from __future__ import annotations

import base64
import html
import json
import re
from collections import Counter
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from generator.search import MaterialSearch, load_index

from .conftest import (DESKTOP, PHONE, SCREENSHOTS, WORKER_RANKING, html_document, page_kinds,
                       wait_for_animations, wait_for_search)
from .sitebuild import ROOT

# The narrowest phones (and 200% zoom on a small laptop): the all-papers table was 363
# pixels wide at 320 and 360.
NARROW_PHONE = {"width": 320, "height": 640}

# (example: they walk the shipped list's pages, which have what each test looks for, a
# paper with code and related papers, topics, a pasted title; a lab's own list may not.)
pytestmark = [pytest.mark.browser, pytest.mark.example]


def _wait_for_title(page, title: str) -> None:
    """Until the page shows ``title`` (the address changes before the new page's content
    is in place: reading the title at once read the last page's, now and then)."""
    page.wait_for_function(
        "t => { const h = document.querySelector('.md-content h1'); return h && h.innerText.trim() === t }",
        arg=" ".join(title.split()),
    )


def _with_code(paper: dict) -> bool:
    """Whether the site counts the paper as having code: a code badge, a repository's or
    a site's a curator gave as code (papers.json's `code`, every code link, says the same)."""
    return any(link["kind"] == "code" for link in paper["link_details"])


def _wait_for_url(page, url_part: str) -> None:
    page.wait_for_function("part => location.pathname.endsWith(part)", arg=url_part)


def test_home_page_shows_topics_and_working_downloads(page, site_dir, papers):
    response = page.goto("")
    assert response.status == 200
    cards = page.locator(".rl-topic-cards li")
    topic_dirs = [p for p in (site_dir / "topics").iterdir() if (p / "index.html").is_file()]
    assert cards.count() == len(topic_dirs) > 0
    assert f"{len(papers)}" in page.locator(".rl-counts").first.inner_text()
    downloads = page.locator(".rl-downloads a")
    hrefs = [downloads.nth(i).get_attribute("href") for i in range(downloads.count())]
    # Material's instant navigation makes links absolute.
    assert sorted(href.removeprefix(page.url) for href in hrefs) == [
        "feed.xml", "papers.bib", "papers.csv", "papers.json"]
    for href in hrefs:
        assert page.request.get(href).status == 200


def test_search_by_a_word_of_the_abstract_opens_the_paper(page, papers):
    # A word that only one paper's abstract has, so exactly one result is expected.
    counts = Counter(w for p in papers for w in set(re.findall(r"[a-z]{7,}", p["abstract"].lower())))
    paper, word = next((p, w) for p in papers for w in re.findall(r"[a-z]{7,}", p["abstract"].lower())
                       if counts[w] == 1 and w not in p["title"].lower())
    page.goto("")
    # Typed key by key: Material reads the box on keyup. Result links carry ?hw=word*.
    page.locator(".md-search__input").press_sequentially(word)
    wait_for_search(page)  # (the answer to the word, not to its first letters)
    result = page.locator(f".md-search-result__item a[href*='{paper['url']}']").first
    result.wait_for()
    result.click()
    _wait_for_url(page, paper["url"])
    _wait_for_title(page, paper["title"])


def test_a_result_with_code_opens_with_its_abstract_and_labels_its_code(page, papers):
    # A word of a title that the paper's text lacks: Material then shows the result's
    # text whole, its first paragraph first. That was the bare repository's name
    # ("joykirat18/TaRot" under "Mechanistic Behavior Editing of Language Models"),
    # unlabelled, before the abstract (the shipped list records no authors).
    def repos(paper):
        return [link["repo"] for link in paper["link_details"] if link["kind"] == "code"]

    paper, word = next(
        (p, w) for p in papers if p["abstract"] and repos(p) and all(repos(p))
        for w in re.findall(r"[A-Za-z]{6,}", p["title"])
        if w.lower()[:5] not in (p["abstract"] + " " + " ".join(repos(p))).lower()
    )
    page.goto("")
    page.locator(".md-search__input").press_sequentially(word)
    wait_for_search(page)
    result = page.locator(f".md-search-result__item a[href*='{paper['url']}']").first
    result.wait_for()
    paragraphs = result.locator("article > p:not(.md-search-result__terms)")
    # (The whole text, none of it found: the case the test is about.)
    assert result.locator("article > p mark").count() == 0
    # Its abstract first, or right after its byline (the shipped list has its authors since
    # 41b233f7: "A, B · ICML · 2025" heads the result as the paper's page), never after
    # its repository's name.
    texts = [" ".join(text.split()) for text in paragraphs.all_inner_texts()]
    opening = " ".join(paper["abstract"].split())[:40]
    at = next(n for n, text in enumerate(texts) if text.startswith(opening))
    assert at <= 1 and not any(repo in text for repo in repos(paper) for text in texts[:at]), texts
    code = paragraphs.last
    assert code.get_attribute("class") == "rl-result-code"
    assert sorted(code.locator("code").all_inner_texts()) == sorted(repos(paper))
    # Said to be code (the stylesheet's label: the word is in no index entry).
    assert code.evaluate("p => getComputedStyle(p, '::before').content") == '"Code: "'
    expect(code).to_be_visible()


def test_a_topics_result_does_not_repeat_its_name_as_a_tag(page):
    # (A reader's review: a topic's result showed its name twice, as its title and again
    # as the one tag under it. Its index entry has its name as its tags so that the name
    # finds it first; the tag said nothing the title did not.)
    page.goto("")
    page.locator(".md-search__input").press_sequentially("model merging")
    wait_for_search(page)
    topic = page.locator(".md-search-result__item a[href*='/topics/model-merging/'] > article").first
    topic.wait_for()
    assert " ".join(topic.locator("h1").inner_text().split()) == "Task arithmetic, model merging and editing"
    assert topic.locator(".md-tag").count() == 0
    # A paper's result still names its topics, that one among them.
    paper = page.locator(
        ".md-search-result__item a[href*='/papers/adamerging-adaptive-model-merging-for-multi-task-learning/']"
        " > article").first
    tags = [" ".join(tag.split()) for tag in paper.locator(".md-tag").all_inner_texts()]
    assert "Task arithmetic, model merging and editing" in tags


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_a_word_found_late_in_an_abstract_is_shown_in_its_result(open_context, papers, viewport):
    # A result shows three lines of a paragraph: a word only the end of one abstract
    # has ("adapterhub", in AdapterFusion's last sentence) was cut off with the rest,
    # and the result showed no word it was found by. The paragraph starts at the
    # sentence with the word instead, after an ellipsis.
    counts = Counter(w for p in papers for w in set(re.findall(r"[a-z]{7,}", p["abstract"].lower())))
    paper, word = next(
        (p, w) for p in papers if len(p["abstract"]) > 900
        for w in re.findall(r"[a-z]{7,}", p["abstract"][-150:].lower())
        if counts[w] == 1 and w not in p["title"].lower() and w not in p["abstract"][:-150].lower()
    )
    page = open_context(viewport=viewport).new_page()
    page.goto("")
    if viewport == PHONE:
        page.get_by_role("button", name="Search").click()
    page.locator(".md-search__input").press_sequentially(word)
    wait_for_search(page)
    result = page.locator(f".md-search-result__item a[href*='{paper['url']}']").first
    result.wait_for()
    shown = result.locator("article > p", has=page.locator("mark")).first
    inside = shown.evaluate("""p => {
        const box = p.getBoundingClientRect(), mark = p.querySelector('mark').getBoundingClientRect();
        return mark.top >= box.top && mark.bottom <= box.bottom + 0.5;
    }""")
    assert inside, shown.inner_text()
    text = " ".join(shown.inner_text().split())
    assert text.startswith("… ") and text[2:] in " ".join(paper["abstract"].split()), text


def test_a_word_found_in_quotes_shows_as_the_abstract_writes_it(page, papers):
    # The abstract's quotes are escaped in the index (&#34;); Material's highlight cut
    # such a reference in two when the separator did not split it off: a result for
    # "standard" read `"standard";`.
    quoted = Counter(w for p in papers for w in set(re.findall(r'"([a-z]{6,})"', p["abstract"])))
    paper, word = min(
        ((p, w) for p in papers for w in re.findall(r'"([a-z]{6,})"', p["abstract"])),
        key=lambda pw: (sum(pw[1] in p["abstract"].lower() for p in papers), quoted[pw[1]], pw[1]),
    )
    assert f'"{word}";' not in paper["abstract"]
    page.goto("")
    page.locator(".md-search__input").press_sequentially(word)
    # (The answer to the word, not to its first letters: their results mark what they found.)
    wait_for_search(page)
    result = page.locator(f".md-search-result__item a[href*='{paper['url']}']").first
    result.wait_for()
    text = result.inner_text()
    assert f'"{word}"' in text and f'"{word}";' not in text, text
    assert word in result.locator("mark").all_inner_texts()


def test_a_pasted_title_finds_its_paper_first(page, papers):
    # "Name-with-hyphens: subtitle" titles: plain Material takes "hyphens:" for a field
    # name and rejects the whole query; the site's query refinement fixes that.
    paper = next(p for p in papers if re.search(r"\w-\w+:", p["title"]))
    page.goto("")
    box = page.locator(".md-search__input")
    box.fill(paper["title"])
    box.press("End")  # Material reads the box on keyup
    wait_for_search(page)
    first = page.locator(".md-search-result__item").first.locator("a").first
    first.wait_for()
    assert paper["url"] in first.get_attribute("href")
    assert box.input_value() == paper["title"]  # the box still shows what was typed


@pytest.mark.parametrize("url", ["", "topics/"], ids=["home", "topics"])
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_a_click_anywhere_on_a_topic_card_opens_the_topic(open_context, viewport, url):
    # (A reader's review: a card lifts under the mouse as a link does, and a click or a
    # tap on its count or its description, most of the card, did nothing: only its
    # title was a link.)
    page = open_context(viewport=viewport).new_page()
    page.goto(url)
    card = page.locator(".rl-topic-cards li").nth(1)
    title = card.locator("a.rl-topic-card__title")
    assert card.locator("a").count() == 1  # the card's one link, whose name is the title
    href = title.evaluate("e => e.href")
    card.scroll_into_view_if_needed()
    box = card.bounding_box()
    for x, y in ((box["width"] - 4, box["height"] - 4), (4, box["height"] / 2)):
        # A corner past the description, and the left padding beside it.
        assert card.evaluate(
            "(e, [x, y]) => { const r = e.getBoundingClientRect();"
            " return document.elementFromPoint(r.x + x, r.y + y).closest('a') !== null }", [x, y])
    page.mouse.click(box["x"] + box["width"] - 4, box["y"] + box["height"] - 4)
    page.wait_for_function("h => location.href === h", arg=href)


@pytest.mark.parametrize("url", ["", "topics/"], ids=["home", "topics"])
def test_a_topic_cards_words_can_be_selected_and_a_click_on_them_still_opens_it(open_context, url):
    # (A reader's review: since the whole card opened its topic, a drag over a card's
    # description selected nothing, the title's link lying over the card's words.)
    page = open_context().new_page()
    page.goto(url)
    card = page.locator(".rl-topic-cards li").nth(1)
    title = card.locator("a.rl-topic-card__title")
    blurb = card.locator(".rl-topic-card__blurb")
    href = title.evaluate("e => e.href")
    here = page.evaluate("location.href")
    card.scroll_into_view_if_needed()
    # Every click the link gets is counted: nothing else makes the page leave.
    title.evaluate("e => { window.__rlClicks = 0; e.addEventListener('click', () => { window.__rlClicks += 1 }) }")
    box = blurb.bounding_box()
    y = box["y"] + min(box["height"] / 2, 8)  # (in the first line of the description)
    page.mouse.move(box["x"] + 2, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.6, y, steps=8)
    page.mouse.up()
    selected = page.evaluate("window.getSelection().toString()")
    assert len(selected.split()) >= 2 and selected.strip() in blurb.inner_text()
    assert page.evaluate("window.__rlClicks") == 0 and page.evaluate("location.href") == here
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"topic-card-selected-{url.strip('/') or 'home'}.png"))
    # The card's one link keeps the title as its name, for a screen reader...
    assert card.locator("a").count() == 1
    name = title.inner_text().strip()
    assert card.get_by_role("link", name=name, exact=True).count() == 1
    # ...and a keyboard reaches it and opens it, its focus ring about the title.
    page.mouse.click(box["x"] + 2, box["y"] - 200)  # (the selection put away, off the card)
    page.keyboard.press("Tab")
    for _ in range(200):
        if page.evaluate("h => document.activeElement && document.activeElement.href === h", href):
            break
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.href") == href
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    # A plain click on the description (no drag) opens the topic.
    page.mouse.click(box["x"] + box["width"] / 2, y)
    page.wait_for_function("h => location.href === h", arg=href)
    assert page.evaluate("window.getSelection().toString()") == ""
    page.go_back()
    page.wait_for_function("h => location.href === h", arg=here)
    page.locator(".rl-topic-cards li").nth(1).locator("a.rl-topic-card__title").focus()
    page.keyboard.press("Enter")
    page.wait_for_function("h => location.href === h", arg=href)


def test_topic_to_paper_to_related_paper_and_back(page, papers):
    by_url = {p["url"]: p for p in papers}
    page.goto("topics/")
    page.locator(".md-content a[href*='topics/']").first.click()
    page.wait_for_selector(".md-content table a")
    first = page.locator(".md-content table a[href*='papers/']").first
    first_url = "papers/" + first.get_attribute("href").rstrip("/").split("/")[-1] + "/"
    first.click()
    _wait_for_url(page, first_url)
    _wait_for_title(page, by_url[first_url]["title"])

    related = page.locator(".rl-related a").first
    related_url = "papers/" + related.get_attribute("href").rstrip("/").split("/")[-1] + "/"
    assert related_url != first_url
    related.click()
    _wait_for_url(page, related_url)
    _wait_for_title(page, by_url[related_url]["title"])

    page.go_back()
    _wait_for_url(page, first_url)
    _wait_for_title(page, by_url[first_url]["title"])


def test_code_badge_points_at_the_repository_and_says_so(page, papers):
    [paper] = [p for p in papers if any(u.rstrip("/").endswith("/MFTCoder") for u in p["code"])]
    page.goto(paper["url"])
    badge = page.locator("a.rl-badge--code").first
    assert badge.get_attribute("href") == paper["code"][0]
    assert badge.locator(".rl-badge__label").inner_text() == "codefuse-ai/MFTCoder"
    # The accessible name is words, not an icon: a screen reader says what the link is.
    assert page.get_by_role("link", name="Code on GitHub: codefuse-ai/MFTCoder").count() == 1
    svg = badge.locator("svg")
    assert svg.count() == 0 or svg.first.get_attribute("aria-hidden") == "true" \
        or badge.locator(".rl-badge__icon").get_attribute("aria-hidden") == "true"


def test_copy_bibtex_puts_the_entry_on_the_clipboard(open_context, base_url, site_dir, papers):
    context = open_context()
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(base_url))
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=origin)
    page = context.new_page()
    paper = papers[0]
    page.goto(paper["url"])
    block = page.locator(".rl-bibtex")
    block.hover()
    block.get_by_title("Copy to clipboard").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    # papers.bib's entry without the abstract and keywords, which a citation does not need.
    import bibtexparser

    [whole] = [e for e in bibtexparser.parse_string(
        (site_dir / "papers.bib").read_text(encoding="utf-8")).entries if e.key == paper["id"]]
    [cite] = bibtexparser.parse_string(copied).entries
    assert (cite.entry_type, cite.key) == (whole.entry_type, whole.key)
    assert {f.key: f.value for f in cite.fields} == {
        f.key: f.value for f in whole.fields if f.key not in ("abstract", "keywords")}
    assert "abstract" in {f.key for f in whole.fields}


def test_copying_the_bibtex_from_the_keyboard_is_said_to_a_screen_reader(open_context, base_url, papers):
    # (review: Material's "Copied to clipboard" box had no role, so a screen reader said
    # nothing after Enter on the copy button)
    context = open_context()
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(base_url))
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=origin)
    page = context.new_page()
    page.goto(papers[0]["url"])
    said = page.locator(".md-dialog")
    # A live region before the copy, so that its words are said when they come.
    assert said.get_attribute("role") == "status"
    assert said.inner_text().strip() == ""
    button = page.locator(".rl-bibtex").get_by_role("button", name="Copy to clipboard")
    button.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("status").filter(has_text="Copied to clipboard")).to_have_count(1)
    assert page.evaluate("navigator.clipboard.readText()").startswith("@")
    # The keyboard stays on the button: the status does not take it.
    assert page.evaluate("document.activeElement.title") == "Copy to clipboard"


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_cite_block_scrolls_clear_of_its_copy_button_and_never_wraps_the_entry(
        open_context, papers, viewport):
    # (review: the first line, the 80-character key, scrolled under the button; then,
    # wrapped, the key broke at a hyphen at 1280 wide, read as two lines of the entry)
    context = open_context(viewport=viewport)
    page = context.new_page()
    paper = max(papers, key=lambda p: (len(p["id"]), p["id"]))
    page.goto(paper["url"])
    block = page.locator(".rl-bibtex")
    block.hover()
    wait_for_animations(page)  # (what hovering starts)
    button = block.get_by_title("Copy to clipboard").bounding_box()
    assert button is not None
    # The tops of the entry's lines as laid out, its lines as written, the code's box
    # (which clips what scrolls) and whether the block scrolls sideways.
    tops, lines, code, scrolls = page.evaluate("""() => {
        const code = document.querySelector(".rl-bibtex pre > code");
        const range = document.createRange();
        range.selectNodeContents(code);
        const box = code.getBoundingClientRect();
        return [[...new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)))],
                code.textContent.trimEnd().split("\\n").length,
                [box.left, box.top, box.right, box.bottom], code.scrollWidth > code.clientWidth];
    }""")
    # One line on screen for each of the entry's lines: the key whole, on its own.
    assert len(tops) == lines > 2
    assert scrolls  # (the key is longer than the block at both sizes)
    # What scrolls goes by left of the button, in the block's column for it.
    assert code[2] <= button["x"]


# The colours of points of an element as drawn (its screenshot, decoded by the browser),
# and a colour's relative luminance (WCAG).
PIXELS = """async ([png, points]) => {
    const img = new Image();
    img.src = "data:image/png;base64," + png;
    await img.decode();
    const canvas = document.createElement("canvas");
    [canvas.width, canvas.height] = [img.width, img.height];
    const g = canvas.getContext("2d");
    g.drawImage(img, 0, 0);
    return points.map(([x, y]) => [...g.getImageData(x, y, 1, 1).data].slice(0, 3));
}"""


def _luminance(rgb) -> float:
    def channel(v: float) -> float:
        v /= 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _ratio(a, b) -> float:
    x, y = _luminance(a), _luminance(b)
    return (max(x, y) + 0.05) / (min(x, y) + 0.05)


def shaded(colours: dict[str, list[int]], edge: str) -> bool:
    """Whether a box's colour at an edge (_edges) is a shade of its middle's."""
    return _ratio(colours[edge], colours["middle"]) > 1.2


def plain(colours: dict[str, list[int]], edge: str) -> bool:
    """Whether a box's colour at an edge (_edges) is its middle's."""
    return _ratio(colours[edge], colours["middle"]) < 1.05


def _edges(page, code) -> dict[str, list[int]]:
    """The colour drawn at the code box's left edge, middle and right edge, on a row of
    its bottom padding (below the text)."""
    box = code.bounding_box()
    png = base64.b64encode(code.screenshot()).decode()
    w, y = round(box["width"]), round(box["height"]) - 3
    return dict(zip(("left", "middle", "right"), page.evaluate(PIXELS, [png, [[2, y], [w // 2, y], [w - 3, y]]])))


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_cite_block_shows_it_scrolls_by_a_shade_at_its_cut_edge(open_context, papers, scheme, viewport):
    # (A reader's review: the BibTeX's lines were cut at the block's edge with no sign
    # that it scrolls, on a phone and on a desktop: the key read as ending there.)
    page = open_context(viewport=viewport, color_scheme=scheme).new_page()
    paper = max(papers, key=lambda p: (len(p["id"]), p["id"]))
    page.goto(paper["url"])
    code = page.locator(".rl-bibtex pre > code")
    code.scroll_into_view_if_needed()
    page.mouse.move(0, 0)
    wait_for_animations(page)
    assert code.evaluate("c => c.scrollWidth > c.clientWidth")

    # At its start, a shade at the right, where it is cut, none at the left.
    start = _edges(page, code)
    assert shaded(start, "right") and plain(start, "left"), start
    # The text over the shade stays readable (the code's colour, its alpha laid over it).
    fore = code.evaluate("c => getComputedStyle(c).color.match(/[\\d.]+/g).map(Number)")
    alpha = fore[3] if len(fore) > 3 else 1
    text = [f * alpha + b * (1 - alpha) for f, b in zip(fore[:3], start["right"])]
    assert _ratio(text, start["right"]) >= 4.5
    # Scrolled to its end, the shade is at the left, where it is cut now.
    code.evaluate("c => c.scrollLeft = c.scrollWidth")
    end = _edges(page, code)
    assert shaded(end, "left") and plain(end, "right"), end
    # A block that fits has none (here the entry wrapped to fit).
    code.evaluate("c => { c.scrollLeft = 0; c.style.whiteSpace = 'pre-wrap'; c.style.overflowWrap = 'anywhere'; }")
    assert code.evaluate("c => c.scrollWidth <= c.clientWidth")
    fits = _edges(page, code)
    assert plain(fits, "left") and plain(fits, "right"), fits


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE, {"width": 320, "height": 640}],
                         ids=["desktop", "phone", "320px"])
def test_a_code_blocks_copy_button_has_a_column_of_its_own(open_context, viewport):
    # (A reader's review: on a phone the curation reference's example paper file
    # scrolls sideways, and its first line's end, "$schema=../schema/...", was under
    # the copy button, as was every line scrolled past it.)
    page = open_context(viewport=viewport).new_page()
    page.goto("curation-reference/")
    block = page.locator(".md-content pre").first
    block.hover()
    # (Hovering starts Material's transitions, of colours among them: read once they end.)
    wait_for_animations(page)
    code, button = page.evaluate("""() => {
        const pre = document.querySelector('.md-content pre');
        const box = el => { const r = el.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
        return [box(pre.querySelector(':scope > code')), box(pre.querySelector('.md-code__button'))];
    }""")
    # The code's box, which clips what scrolls, ends left of the button.
    assert code[2] <= button[0]
    if viewport["width"] < 400:
        assert block.locator("code").evaluate("c => c.scrollWidth > c.clientWidth")  # (it scrolls)
    # And the column is the block's: one colour from the code to the block's edge.
    colours = page.evaluate("""() => {
        const pre = document.querySelector('.md-content pre');
        return [getComputedStyle(pre).backgroundColor, getComputedStyle(pre.querySelector('code')).backgroundColor];
    }""")
    assert colours[0] == colours[1]


# The shipped paper whose BibTeX has the longest line (its title line, 135 characters).
LONGEST_BIBTEX = "papers/intermediate-task-transfer-learning-with-pretrained-models-for-natural-language/"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_no_text_of_the_cite_block_is_under_its_copy_button(open_context, viewport, scheme):
    # (A reader's report: the Cite block's long title line ran under the copy button at
    # 1280 px, its end hidden behind it.) Every line's text as drawn (its boxes, cut to
    # the code's box, which clips what scrolls), at the start and scrolled to the end,
    # is clear of the button's box.
    page = open_context(viewport=viewport, color_scheme=scheme).new_page()
    page.goto(LONGEST_BIBTEX)
    block = page.locator(".rl-bibtex pre")
    block.hover()
    wait_for_animations(page)
    code = block.locator(":scope > code")
    assert code.evaluate("c => c.scrollWidth > c.clientWidth")  # (the title line is cut)
    for scroll in ("0", "c.scrollWidth"):
        code.evaluate(f"c => {{ c.scrollLeft = {scroll}; }}")
        under = block.evaluate("""pre => {
            const code = pre.querySelector(':scope > code');
            const clip = code.getBoundingClientRect();
            const button = pre.querySelector('.md-code__button').getBoundingClientRect();
            const range = document.createRange();
            range.selectNodeContents(code);
            return [...range.getClientRects()].map(r => ({
                left: Math.max(r.left, clip.left), right: Math.min(r.right, clip.right),
                top: Math.max(r.top, clip.top), bottom: Math.min(r.bottom, clip.bottom),
            })).filter(r => r.left < r.right && r.top < r.bottom
                && r.left < button.right && r.right > button.left
                && r.top < button.bottom && r.bottom > button.top);
        }""")
        assert under == [], (scroll, under)


def _contrast(page, selector: str) -> list[float]:
    """WCAG contrast ratio of each element's text colour on its background colour."""
    return page.evaluate(
        """sel => [...document.querySelectorAll(sel)].map(el => {
            const rgb = s => s.match(/[\\d.]+/g).slice(0, 3).map(Number);
            const lum = c => { const [r, g, b] = c.map(v => { v /= 255;
                return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4 });
                return 0.2126 * r + 0.7152 * g + 0.0722 * b };
            const st = getComputedStyle(el);
            const [a, b] = [lum(rgb(st.color)), lum(rgb(st.backgroundColor))];
            return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        })""",
        selector,
    )


def test_dark_mode_toggle_switches_scheme_and_badges_stay_readable(page, papers):
    paper = next(p for p in papers if p["code"])
    page.goto(paper["url"])
    body = page.locator("body")
    assert body.get_attribute("data-md-color-scheme") == "default"
    light = _contrast(page, "a.rl-badge")
    page.locator("form[data-md-component='palette'] label:visible").first.click()
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    # (A badge's background is a transition into the dark one: measured once it is there.)
    wait_for_animations(page)
    dark = _contrast(page, "a.rl-badge")
    assert len(light) == len(dark) >= 2
    assert min(light) >= 4.5 and min(dark) >= 4.5
    page.reload()
    assert body.get_attribute("data-md-color-scheme") == "slate"  # the choice is remembered


def test_each_badge_kind_has_its_own_colour_and_links_in_text_are_underlined(page, site_dir, papers):
    # (All badges were the default blue: the default hue's rule outranked each kind's.)
    # (A paper with code and no arXiv id has a search badge beside its code's; since the
    # shipped list has its arXiv ids, 41b233f7, most have arXiv's and the paper's instead.)
    paper = next((p for p in papers if p["code"] and not p["arxiv"]), None) or next(p for p in papers if p["code"])
    page.goto(paper["url"])
    colours = page.evaluate(
        "[...document.querySelectorAll('.rl-badges a.rl-badge')].map(a =>"
        " [a.className.match(/rl-badge--(\\w+)/)[1], getComputedStyle(a).backgroundColor])")
    by_kind = dict(colours)
    assert "code" in by_kind and len(by_kind) >= 2, colours
    assert len(set(by_kind.values())) == len(by_kind), colours  # each kind its own colour
    # A link inside an abstract is told from the words around it by more than colour.
    with_address = next(p for p in papers if "://" in p["abstract"])
    page.goto(with_address["url"])
    decorations = page.evaluate(
        "[...document.querySelectorAll('.rl-abstract a')]"
        ".map(a => getComputedStyle(a).textDecorationLine)")
    assert decorations and set(decorations) == {"underline"}
    # ... and a badge is not underlined.
    assert page.evaluate(
        "getComputedStyle(document.querySelector('a.rl-badge')).textDecorationLine") == "none"
    # Nor by colour alone inside the sentences of a list: a paper's reading orders (axe's
    # link-in-text-block, 2.34:1 in light) and the 404 page's; nor its related papers'
    # titles, which a year follows (review: not underlined, beside the reading order's).
    for url, selector in ((paper["url"], ".rl-neighbours li a"), (paper["url"], ".rl-related > li > a"),
                          ("404.html", ".rl-not-found li a")):
        page.goto(url)
        decorations = page.evaluate(
            f"[...document.querySelectorAll('{selector}')].map(a => getComputedStyle(a).textDecorationLine)")
        assert decorations and set(decorations) == {"underline"}, url


# Each keyword's group in a paper page's topic reasons, 'both "a" and "b"' or 'all of
# "a", "b" and "c"': the boxes of its text as laid out (found in the text, whatever the
# markup), the width of the text it would take on one line, and its item's width.
REASON_GROUPS = r"""() => [...document.querySelectorAll('.rl-reason')].flatMap(reason => {
    const nodes = [], walker = document.createTreeWalker(reason, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
    const at = offset => { for (const n of nodes) { if (offset <= n.length) return [n, offset]; offset -= n.length; } };
    return [...reason.textContent.matchAll(/(both|all of) "[^;]*? and "[^"]*"/g)].map(m => {
        const range = document.createRange();
        range.setStart(...at(m.index));
        range.setEnd(...at(m.index + m[0].length));
        const rects = [...range.getClientRects()].filter(r => r.width > 0);
        return {text: m[0], tops: [...new Set(rects.map(r => Math.round(r.top)))].length,
                width: rects.reduce((w, r) => w + r.width, 0),
                room: reason.closest('li').getBoundingClientRect().width};
    });
})"""


def test_on_a_phone_a_keywords_group_in_a_topics_reason_is_not_split_across_lines(
        open_context, site_dir):
    # (review: 'both "math" and' ended a line at 390 pixels, "reasoning" below it.) A
    # group shorter than its line is on one line; none runs off the screen.
    page = open_context(viewport=PHONE).new_page()
    pages = sorted(f.parent.name for f in (site_dir / "papers").glob("*/index.html")
                   if "both &#34;" in f.read_text(encoding="utf-8"))
    assert len(pages) > 3
    split, wide, seen = [], [], 0
    for name in pages:
        page.goto(f"papers/{name}/")
        groups = page.evaluate(REASON_GROUPS)
        seen += len(groups)
        split += [(name, g["text"]) for g in groups if g["width"] < g["room"] * 0.9 and g["tops"] > 1]
        if page.evaluate("document.documentElement.scrollWidth > window.innerWidth"):
            wide.append(name)
    assert seen >= len(pages)
    assert split == [] and wide == []


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_read_box_stands_on_the_middle_of_its_words(open_context, papers, viewport):
    # (review: the box of "I have read this paper" sat about 2px above its words'
    # middle.) Measured on the pixels drawn: the rows of the box's ink and of the words'.
    page = open_context(viewport=viewport, device_scale_factor=4).new_page()
    page.goto(papers[0]["url"])
    label = page.locator(".rl-read label")
    label.wait_for(state="visible")
    box = page.locator(".rl-read__box").bounding_box()
    whole = label.bounding_box()
    assert box is not None and whole is not None
    split = (box["x"] + box["width"] - whole["x"]) * 4 + 2  # (device pixels) between box and words
    ink = page.evaluate("""async ([data, split]) => {
        const img = new Image(); img.src = "data:image/png;base64," + data; await img.decode();
        const c = document.createElement("canvas"); c.width = img.width; c.height = img.height;
        const ctx = c.getContext("2d"); ctx.drawImage(img, 0, 0);
        const px = ctx.getImageData(0, 0, c.width, c.height).data;
        const inked = (x0, x1) => { const rows = [];
            for (let y = 0; y < c.height; y++) for (let x = x0; x < x1; x++) {
                const i = (y * c.width + x) * 4;
                if (px[i] + px[i + 1] + px[i + 2] < 384) { rows.push(y); break; } }
            return rows; };
        return [inked(0, split), inked(split, c.width)];
    }""", [base64.b64encode(label.screenshot()).decode(), round(split)])
    box_rows, word_rows = ink
    assert box_rows and word_rows
    box_middle, words_middle = ((rows[0] + rows[-1] + 1) / 2 / 4 for rows in (box_rows, word_rows))
    assert abs(box_middle - words_middle) <= 1  # (CSS pixels)


def test_the_footers_small_print_stands_out_from_the_footer(page, papers):
    page.goto(papers[0]["url"])
    # (Material's grey stood 4.47:1 there, below the 4.5:1 that small text needs.)
    ratio = page.evaluate(
        """() => {
            const rgb = s => s.match(/[\\d.]+/g).map(Number);
            const lum = ([r, g, b]) => 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
            const f = v => (v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
            const back = rgb(getComputedStyle(document.querySelector('.md-footer-meta')).backgroundColor);
            const [r, g, b, a = 1] = rgb(getComputedStyle(document.querySelector('.md-copyright')).color);
            const fore = [r, g, b].map((v, i) => v * a + back[i] * (1 - a));  // its alpha over the footer
            const [x, y] = [lum(fore), lum(back)];
            return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
        }""")
    assert ratio >= 4.5


def test_printed_in_the_dark_scheme_badges_are_light_and_screen_only_parts_go(page, papers):
    paper = next(p for p in papers if p["code"])
    page.emulate_media(reduced_motion="reduce")  # no colour transition to wait for
    page.goto(paper["url"])
    page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
    dark = page.evaluate("getComputedStyle(document.querySelector('a.rl-badge--code')).backgroundColor")
    page.emulate_media(media="print")
    printed = page.evaluate("getComputedStyle(document.querySelector('a.rl-badge--code')).backgroundColor")
    assert printed != dark
    lightness = page.evaluate(
        """c => { const [r, g, b] = c.match(/[\\d.]+/g).map(Number); return (r + g + b) / 3 }""",
        printed)
    assert lightness > 200  # a pale badge on white paper
    assert page.locator("a.rl-badge--search").first.is_hidden()
    # The BibTeX block's copy button, whatever Material calls it, is screen-only too.
    buttons = page.locator(".rl-bibtex button")
    assert buttons.count() >= 1 and all(not b.is_visible() for b in buttons.all())


def test_printed_the_cite_block_wraps_badges_give_their_address_and_the_read_box_goes(page, papers):
    # The reader review: a long title was cut at the Cite block's edge on paper, the
    # badges printed labels that lead nowhere, the read box printed.
    paper = max((p for p in papers if p["code"]), key=lambda p: len(p["title"]))
    page.set_viewport_size({"width": 800, "height": 900})
    page.goto(paper["url"])
    page.locator(".rl-read").wait_for(state="visible")
    page.emulate_media(media="print")
    code = page.locator(".rl-bibtex pre > code")
    assert code.evaluate("c => getComputedStyle(c).whiteSpace") == "pre-wrap"
    assert code.evaluate("c => c.scrollWidth <= c.clientWidth")
    printed = page.evaluate(
        "[...document.querySelectorAll('.rl-badges a.rl-badge')].filter(a => a.offsetParent)"
        ".map(a => [a.href, getComputedStyle(a, '::after').content])")
    assert printed and all(after == f'"\u00a0{href}"' for href, after in printed)
    assert page.locator(".rl-read").is_hidden()
    # (On screen, the badges print no address and the read box is there; the Cite block
    # scrolls there, clear of its copy button: see test_the_cite_block_scrolls_clear...)
    page.emulate_media(media="screen")
    assert page.evaluate(
        "[...document.querySelectorAll('.rl-badges a.rl-badge')].filter(a => a.offsetParent)"
        ".every(a => !getComputedStyle(a, '::after').content.includes('http'))")
    assert page.locator(".rl-read").is_visible()


def test_printed_a_papers_head_is_sized_to_the_printed_text(page, papers):
    # (A reader's review: Material prints its text smaller, 0.68rem, and the byline,
    # sized in rem, printed larger than the abstract, the badges and topics as large.)
    paper = next(p for p in papers if p["code"] and p["abstract"])
    page.goto(paper["url"])
    sizes = """() => Object.fromEntries(Object.entries({
        text: '.rl-abstract p', byline: '.rl-byline', badge: '.rl-badges a.rl-badge', topics: 'ul.rl-topics'}).map(([name, sel]) =>
        [name, parseFloat(getComputedStyle(document.querySelector(sel)).fontSize)]))"""
    screen = page.evaluate(sizes)
    page.emulate_media(media="print")
    printed = page.evaluate(sizes)
    assert printed["text"] < screen["text"]
    # Each part keeps its size beside the text, on paper as on the screen: the byline
    # as large as the text, the badges and topics smaller.
    for name in ("byline", "badge", "topics"):
        assert printed[name] / printed["text"] == pytest.approx(screen[name] / screen["text"]), name
    assert printed["byline"] == printed["text"]
    assert printed["badge"] < printed["text"] and printed["topics"] < printed["text"]


def test_a_bylines_year_is_as_large_as_its_names_and_venue(page, papers):
    # (A reader's walk: "Garrett Tanzer, ... · ICLR · 2024", the year 14.4 px after a
    # 16 px venue, as if it were a note; .rl-year is the smaller "(2024)" after a title in
    # a list of papers.)
    for paper in (next(p for p in papers if p["authors"] and p["venue"] and p["year"]),
                  next(p for p in papers if p["authors"] and not p["venue"] and p["year"])):
        page.goto(paper["url"])
        sizes = page.evaluate("""() => [...document.querySelectorAll('.rl-byline > span')]
            .map(part => [part.className, getComputedStyle(part).fontSize])""")
        assert [name for name, _ in sizes][-1] == "rl-year", sizes
        assert len({size for _, size in sizes}) == 1, sizes


def test_in_forced_colours_badge_icons_stay_visible(page, papers):
    paper = next(p for p in papers if p["code"])
    page.goto(paper["url"])
    page.emulate_media(forced_colors="active")
    icon, canvas = page.evaluate(
        "[getComputedStyle(document.querySelector('a.rl-badge--code .rl-badge__icon')).backgroundColor,"
        " getComputedStyle(document.body).backgroundColor]")
    assert icon != canvas
    # The "official" mark keeps a box of its own there (its background is dropped).
    official = next(
        p for p in papers if p["code"] and page.goto(p["url"]) and page.locator(".rl-badge__mark").count()
    )
    assert official
    assert page.evaluate(
        "getComputedStyle(document.querySelector('.rl-badge__mark')).borderTopStyle") == "solid"


def test_in_forced_colours_the_search_box_its_results_the_copy_button_and_menu_arrows_show(page, papers):
    # (review, Windows high contrast emulated: the header's search was the word "Search"
    # with no field, the open results had no edge against the page under them, the Cite
    # block no box, and its copy button and the menu's arrows, icons drawn as masks, were
    # gone)
    page.emulate_media(forced_colors="active")
    page.goto(papers[0]["url"])
    canvas = page.evaluate("getComputedStyle(document.body).backgroundColor")

    def after(selector):
        return page.evaluate(
            "s => getComputedStyle(document.querySelector(s), '::after').backgroundColor", selector)

    def border(selector):
        return page.evaluate(
            "s => { const c = getComputedStyle(document.querySelector(s));"
            " return [c.borderLeftStyle, c.borderRightStyle, c.borderBottomStyle, c.borderLeftColor]; }",
            selector)

    # Each icon opaque and not the canvas (they were the canvas colour, half see-through).
    for icon in (".rl-bibtex .md-code__button", ".md-sidebar--primary .md-nav__icon"):
        colour = after(icon)
        assert colour.startswith("rgb(") and colour != canvas, (icon, colour, canvas)
    assert border(".md-search__form")[:3] == ["solid"] * 3
    assert border(".md-search__form")[3] != canvas
    # The Cite block a box, its copy button inside it.
    assert border(".rl-bibtex pre")[:3] == ["solid"] * 3
    # The results, once open: an edge at each side and at the bottom.
    page.keyboard.press("/")
    page.keyboard.type("merging")
    wait_for_search(page)
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    assert border(".md-search__output")[:3] == ["solid"] * 3
    # The "Copied to clipboard" note is a box too.
    assert border(".md-dialog")[:3] == ["solid"] * 3


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_in_forced_colours_the_header_and_the_phones_menu_have_an_edge(open_context, papers, scheme):
    # (A reader's hunt, Windows high contrast emulated: the sticky header's edge is a
    # shadow and the open menu's the page dimmed beside it, both dropped: the rows ran
    # on under the header, the menu's links into the page beside it.)
    def edges(viewport, forced):
        page = open_context(viewport=viewport, color_scheme=scheme, forced_colors=forced).new_page()
        page.goto("papers/")
        canvas = page.evaluate("getComputedStyle(document.body).backgroundColor")
        header = page.evaluate("""() => { const h = document.querySelector('.md-header'), c = getComputedStyle(h);
            return [c.borderBottomStyle, c.borderBottomColor, h.getBoundingClientRect().bottom,
                    document.querySelector('.md-main').getBoundingClientRect().top] }""")
        return page, canvas, header

    for viewport in (DESKTOP, PHONE):
        page, canvas, (style, colour, bottom, main) = edges(viewport, "active")
        assert style == "solid" and colour != canvas, (viewport, style, colour, canvas)
        # The line is over the page's first pixel, not a pixel more of header: the page
        # lies where it does without forced colours.
        _, _, (_, _, plain_bottom, plain_main) = edges(viewport, "none")
        assert (bottom, main) == (plain_bottom + 1, plain_main), (bottom, main, plain_bottom, plain_main)
    # The phone's menu, open: an edge on its inner side, on the screen.
    page.get_by_role("button", name="Navigation menu").click()
    page.wait_for_function("document.getElementById('__drawer').checked")
    wait_for_animations(page)
    style, colour, right = page.evaluate("""() => { const s = document.querySelector('.md-sidebar--primary'),
        c = getComputedStyle(s); return [c.borderRightStyle, c.borderRightColor, s.getBoundingClientRect().right] }""")
    assert style == "solid" and colour != canvas
    assert 0 < right < PHONE["width"]
    # Not on a desktop, where that sidebar is the page's own column beside the text.
    page, _, _ = edges(DESKTOP, "active")
    assert page.evaluate("getComputedStyle(document.querySelector('.md-sidebar--primary')).borderRightStyle") == "none"


@pytest.mark.parametrize("viewport", [PHONE, NARROW_PHONE], ids=["390px", "320px"])
def test_on_a_phone_a_field_name_in_a_reference_table_stays_whole(open_context, viewport):
    page = open_context(viewport=viewport).new_page()
    page.goto("curation-reference/")
    # (Each word of a cell broke where it must, and the field's column, sized by its
    # letters, read "titl e", "auth ors", "excl ude_ topi cs".)
    names = page.locator(".md-typeset table:not([class]) td:first-child code")
    assert names.count() >= 40
    broken = [c.text_content() for c in names.all() if c.evaluate("el => el.getClientRects().length") > 1]
    assert broken == []
    # And the tables still fit the screen, without scrolling in their boxes.
    assert page.evaluate("[...document.querySelectorAll('.md-typeset__scrollwrap')]"
                         ".filter(b => b.scrollWidth > b.clientWidth + 1).length") == 0


@pytest.mark.parametrize("viewport", [PHONE, NARROW_PHONE], ids=["390px", "320px"])
def test_phone_layout_never_scrolls_sideways(open_context, site_dir, papers, viewport):
    page = open_context(viewport=viewport).new_page()
    wide = {}
    for kind, url in page_kinds(site_dir, papers).items():
        page.goto(url)
        width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        if width[0] > width[1]:
            wide[kind] = width
        # Nor does a list of papers scroll inside its table's own box (Material wraps
        # tables in one; a wide reference table may scroll, a list of papers must fit).
        if kind not in ("all-papers", "topic"):
            continue
        boxes = page.evaluate(
            "[...document.querySelectorAll('.md-typeset__scrollwrap')]"
            ".filter(b => b.scrollWidth > b.clientWidth + 1).map(b => [b.scrollWidth, b.clientWidth])")
        if boxes:
            wide[f"{kind} table"] = boxes
    assert wide == {}


def test_on_a_phone_the_longest_title_leaves_the_first_screen_to_the_paper(open_context, papers):
    # (A reader's audit: at Material's 32px the longest title of the shipped list, 130
    # characters, was six lines, 250 of the 844 pixels; with the byline, badges and
    # topics under it, the abstract began at the screen's foot.)
    longest = max(papers, key=lambda p: len(p["title"]))
    page = open_context(viewport=PHONE).new_page()
    page.goto(longest["url"])
    title, section, abstract = page.evaluate("""() => {
        const title = document.querySelector('.md-content h1');
        const size = e => parseFloat(getComputedStyle(e).fontSize);
        const p = document.querySelector('.rl-abstract p');
        return [[title.getBoundingClientRect().height, size(title)],
                size(document.querySelector('.md-content h2')),
                [p.getBoundingClientRect().top, parseFloat(getComputedStyle(p).lineHeight)]];
    }""")
    assert title[0] <= 0.22 * PHONE["height"], title
    # Still the page's largest heading.
    assert title[1] > section
    # Five lines of the abstract on the first screen.
    assert abstract[0] + 5 * abstract[1] <= PHONE["height"], abstract


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_screenshots_of_every_page_kind(open_context, site_dir, papers, viewport):
    """Full-page screenshots for people to look at (build/screenshots/). Each must be
    exactly as wide as the viewport: anything sticking out sideways would widen it."""
    name = "desktop" if viewport == DESKTOP else "phone"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for scheme in ("light", "dark"):
        page = open_context(viewport=viewport, color_scheme=scheme).new_page()
        for kind, url in page_kinds(site_dir, papers).items():
            page.goto(url)
            page.evaluate("document.fonts.ready")
            data = page.screenshot(full_page=True, path=SCREENSHOTS / f"{name}-{scheme}-{kind}.png")
            width, height = _png_size(data)
            assert width == viewport["width"], (kind, scheme)
            assert height >= viewport["height"], (kind, scheme)


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def test_skip_link_leads_to_the_title_and_every_page_names_its_feeds(page, site_dir, papers):
    kinds = page_kinds(site_dir, papers)
    for kind in ("paper", "topic", "all-papers", "topics", "home"):
        page.goto(kinds[kind])
        title_id = page.locator(".md-content h1").first.get_attribute("id")
        # Past the header and navigation, to the title: not past a paper's code badges
        # and topics (Material's default is the first table-of-contents heading).
        assert title_id and page.locator(".md-skip").get_attribute("href") == f"#{title_id}", kind
        feeds = page.eval_on_selector_all(
            "link[rel=alternate][type='application/atom+xml']", "els => els.map(e => e.href)")
        root = page.url.removesuffix(kinds[kind])
        assert [f.removeprefix(root) for f in feeds] == ["feed.xml"], kind
        for feed in feeds:
            assert page.request.get(feed).status == 200
    # After an instant navigation too.
    page.goto(kinds["all-papers"])
    page.locator(f".md-content a[href$='{kinds['paper'].split('/')[-2]}/']").first.click()
    _wait_for_url(page, kinds["paper"])
    # (Null-safe: while the new page is swapped in, there may be no title for a moment.)
    page.wait_for_function(
        "(() => { const title = document.querySelector('.md-content h1');"
        " const skip = document.querySelector('.md-skip');"
        " return !!(title && skip && title.id && skip.getAttribute('href') === '#' + title.id); })()"
    )


def test_the_browser_refines_queries_as_python_does(page, site_dir):
    from generator.search import refine_query

    separator = load_index(site_dir)["config"]["separator"]
    queries = ["multi-task learning", "Tülu 3", "gpt-3.5 (ICL)", "ReST-MCTS*: LLM",
               "Straße Müller-Lyer naïve", "ﬁne-tuning", "title:agents -survey", "the of",
               "Chain-of-Instructions: Compositional", "x²-loss Ångström", "¯ ½",
               # white space and digits that Python and JavaScript class differently
               "a\ufeffb x\x1cy", "gpt-٣.٥ v٣.x",
               # a lone letter split off a word is dropped; one typed alone is kept
               "Show, Don't Tell", "k-means x", "é-b", "I/O U.S. A/B",
               "Łukasz Ørsted Đorđe Æsir straße þorn ı-x",
               # a pasted arXiv id or DOI is looked for alone (its version, "arXiv:" and
               # the address left out)
               "1811.08383v2 arXiv:2106.09685V10 https://arxiv.org/abs/1811.08383v3",
               "https://doi.org/10.1109/ICCV.2019.00718 doi:10.1000/x\ufeffy 2023.10.5 x1811.08383",
               # words marked "+" and "-" (search._presence)
               "+Multi-Task -Tülu-3 -I/O -Don't +the - + +instrucion +I/O -x* +atten* -ﬁne"]
    page.goto("")
    in_browser = page.evaluate(
        "([queries, separator]) => queries.map(q => window.readinglistRefine(q, new RegExp(separator)))",
        [queries, separator],
    )
    assert in_browser == [refine_query(q, separator) for q in queries]


def test_material_worker_ranks_as_the_python_replica(page, site_dir, papers):
    engine = MaterialSearch(load_index(site_dir))
    queries = ["language models", "MFTCoder", "in-context learning", "reasoning benchmark",
               "\"chain of thought\"", "title:agents", "-survey retrieval", "multitask",
               "tulu", "pretraining", "Tülu", "Ré", "Łukasz", "gpt", "seek", "coder",
               # acronyms the list defines, found where spelt out (generator/acronyms.py)
               "MoE", "CoT", "RLHF", "LLM", "LLMs", "RAG", "SOTA rlhf",
               # other forms of a word (generator/lemmas.py)
               "merge", "pruned", "transformers", "distilled models",
               # papers with every word first (search.rank_by_words)
               "pruned models", "agents benchmark", "continual learning", "multi-task routing",
               "multi-task learning models", "I/O efficient models", "Tülu instruction models",
               "the of and", "\"pruned models\" merging", "+merging -survey models",
               "+merg models", "learning -multi-task", "+instrucion tuning -survey",
               "title:merging models", "mergng~1 models", "x", "x models", "LLMs' GPUs",
               "RNNs/LSTMs CNNs-based", "k-means pruning models", "Don't merge models",
               # a hyphenated word, ranked whole where a page writes it (search._compounds)
               "ROUGE-L", "GPT-4 reasoning", "k-NN", "state-of-the-art models", "GPT-4/ROUGE-L",
               # ... the word as typed before a longer one ("GPT-4o"), its halves exact
               "GPT-4", "GPT-4o", "gpt-4", "ROUGE-L scores", "multi-task", "GPT-4 language models",
               # ... found too where a page has its halves as words ("chain of thought")
               "chain-of-thought", "Chain-of-Thought reasoning", "in-context", "multi-task models",
               # a topic's name finds it first (search.TOPIC_BOOST), and a title that is
               # the query comes first, a topic's boost aside (rank_by_words)
               "Multi-task learning", "continual learning", "Editing Models with Task Arithmetic",
               "learning from task descriptions", "task arithmetic model merging editing",
               # a topic's id's words are its other name (search.topic_entry)
               "curriculum learning", "llm reasoning", "reinforcement learning and llms",
               "curriculum", "language agents",
               # pages of one score in one order (a topic's "4" ties four topics' pages)
               "GPT-4 gpt 4"]
    queries += [p["title"] for p in papers[::15]]
    queries += [" ".join(p["abstract"].split()[10:13]) for p in papers[7::15]]
    page.goto("")
    config = json.loads(page.locator("#__config").text_content())
    worker_url = config["search"]
    browser_ranks = page.evaluate(WORKER_RANKING, [worker_url, queries])
    for query, in_browser in zip(queries, browser_ranks):
        in_python = [(hit.location, hit.score) for hit in engine.search(query)]
        assert [loc for loc, _ in in_python] == [loc for loc, _ in in_browser], query
        for (_, py), (_, js) in zip(in_python, in_browser):
            assert py == pytest.approx(js, rel=1e-3), query


# The paths of the search box's results, as `readinglist search` prints them.
RESULT_PATHS = ("Array.from(document.querySelectorAll('.md-search-result__item'),"
                " li => new URL(li.querySelector('a').href).pathname.replace(/^\\//, ''))")


@pytest.mark.parametrize(("query", "topic"), [
    ("curriculum learning", "curriculum-learning"), ("llm reasoning", "llm-reasoning"),
    ("reinforcement learning and llms", "reinforcement-learning-and-llms"),
])
def test_the_search_box_finds_a_topic_first_by_its_ids_words_as_the_search_command(
    page, site_dir, query, topic
):
    # (The topic "Curricula and training order", id curriculum-learning, was 5th for
    # "curriculum learning", behind four titles with "Curriculum"; "llm reasoning" found
    # "Reasoning in large language models" 26th.) readinglist.js reads the entry's names.
    expected = [hit.location for hit in MaterialSearch(load_index(site_dir)).search(query)][:10]
    assert expected[0] == f"topics/{topic}/" and len(expected) == 10
    page.goto("")
    page.locator(".md-search__input").press_sequentially(query)
    # (Material searches as each key is typed: the whole query's answer, not its first keys'.)
    wait_for_search(page)
    assert page.evaluate(RESULT_PATHS)[:10] == expected, query


def test_the_search_box_lists_a_title_that_writes_the_word_before_a_longer_word_as_the_search_command(
    page, site_dir
):
    # ("learn" listed six titles with "Learners" or "Learnable" first, ahead of the
    # titles with "Learn" or "Learning": search.longer_in_title, readinglist.js's
    # longerInTitle.)
    expected = [hit.location for hit in MaterialSearch(load_index(site_dir)).search("learn")][:10]
    assert not any("learner" in location for location in expected)
    page.goto("")
    page.locator(".md-search__input").press_sequentially("learn")
    wait_for_search(page)
    assert page.evaluate(RESULT_PATHS)[:10] == expected


@pytest.mark.parametrize(("query", "first"), [
    # (Checked by hand in content/papers: the three titles with every word first, the
    # topic, whose title has three of them, next; "Reasoning with Large Language Models,
    # a Survey", which has one, came first. The 404 page's search for a missing page.)
    ("a survey on multi task learnin", {"papers/a-survey-on-multi-task-learning/",
     "papers/a-survey-of-multi-task-learning-in-natural-language-processing-regarding-task/",
     "papers/challenges-and-opportunities-of-using-transformer-based-multi-task-learning-in/"}),
    # (A typo in a hyphenated word read as the word spelt right: the two topics
    # "Multi-task ..." first, as for "multi-task"; five papers with "task" in their
    # titles again and again came before them.)
    ("mutli-task", {"topics/multi-task-learning/", "topics/multi-task-reinforcement-learning/"}),
])
def test_the_search_box_lists_titles_with_every_word_first_as_the_search_command(page, site_dir, query, first):
    expected = [hit.location for hit in MaterialSearch(load_index(site_dir)).search(query)][:10]
    assert set(expected[:len(first)]) == first
    if query.startswith("a survey"):
        assert expected[3] == "topics/multi-task-learning/"
        assert expected.index("papers/reasoning-with-large-language-models-a-survey/") > 3
    page.goto("")
    page.locator(".md-search__input").press_sequentially(query)
    wait_for_search(page)
    assert page.evaluate(RESULT_PATHS)[:10] == expected


def test_published_under_a_sub_path_links_navigate_instantly(open_context, published_url):
    # Material's instant navigation swaps the page's content without a reload, but only
    # for links listed in sitemap.xml, which MkDocs fills only when site_url is set.
    page = open_context(base=published_url).new_page()
    # (Material follows only the links its sitemap lists, which it fetches once loaded:
    # a click before that, on a loaded machine, reloads the page. CI saw it.)
    page.goto("", wait_until="networkidle")
    # A link preview of the home page names the published address.
    assert page.evaluate("document.querySelector('meta[property=\"og:url\"]').content") == published_url
    page.evaluate("window.__kept = 'still this document'")
    page.locator("a.rl-topic-card__title").first.click()
    page.wait_for_function("location.pathname.startsWith('/rl/topics/')")
    page.locator(".md-content h1").first.wait_for()
    assert page.evaluate("window.__kept") == "still this document"


def test_skip_to_content_moves_the_keyboard_to_the_title_on_the_page_first_loaded(
    open_context, published_url, site_dir, papers
):
    # With instant navigation (a published site), the browser did not jump to a title
    # given its id by a script: the next Tab went back to the header. Then instant
    # navigation's own handling of the click did the same, most times (a race: tried
    # on five fresh pages).
    context = open_context(base=published_url)
    for _ in range(5):
        page = context.new_page()
        page.goto(page_kinds(site_dir, papers)["paper"])
        page.wait_for_load_state("networkidle")  # (Material's bundle, instant navigation on)
        page.wait_for_function("window.document$ !== undefined &&"
                               " document.querySelector('.md-skip')?.getAttribute('href') === '#' +"
                               " document.querySelector('.md-content h1')?.id")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.className").startswith("md-skip")
        page.keyboard.press("Enter")
        page.keyboard.press("Tab")
        # the badges and topics come right after the title
        assert page.evaluate("document.activeElement.closest('.rl-paper-head') !== null"), (
            page.evaluate("document.activeElement.outerHTML.slice(0, 120)"))
        page.close()


def test_published_under_a_sub_path_the_404_page_has_its_styles_and_links(
    open_context, published_url
):
    # GitHub Pages serves 404.html for any missing URL, at any depth: its links must be
    # absolute and start with the sub-path. A stylesheet or script that fails to load is
    # a console error, which the guard reports.
    page = open_context(base=published_url).new_page()
    response = page.goto("404.html")
    assert response is not None and response.status == 200
    site_name = page.locator('meta[property="og:site_name"]').get_attribute("content")
    assert page.title() == f"Page not found - {site_name}"
    assert page.locator('meta[name="robots"]').get_attribute("content") == "noindex"
    assert page.evaluate("document.styleSheets.length") >= 2
    assert page.evaluate(
        "getComputedStyle(document.querySelector('.md-header')).position"
    ) == "sticky"
    # (resolved URLs: Material's script rewrites the page's links once it runs)
    urls = page.evaluate(
        "[...document.querySelectorAll('a[href], link[href], script[src]')]"
        ".map(e => e.href || e.src)"
    )
    here = urlsplit(published_url).netloc
    local = [urlsplit(u).path for u in urls if urlsplit(u).netloc == here]
    assert len(local) > 10 and all(path.startswith("/rl/") for path in local), local
    # The page's own links are root-absolute, not the published address: a build
    # previewed on another host (localhost) keeps the reader there.
    # (as served: Material's script makes every link a full address once it runs)
    served = response.text().split('class="rl-not-found"', 1)[1].split("</div>", 1)[0]
    own = re.findall(r'href="([^"]*)"', served)
    assert len(own) == 3 and all(href.startswith("/rl/") for href in own), own


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_404_page_names_the_search_the_header_shows(open_context, viewport):
    # (A reader's review: on a phone the 404 page said to "use the search box at the top
    # of the page", where the header shows no box, only a magnifier button, as the home
    # page says.)
    page = open_context(viewport=viewport).new_page()
    page.goto("404.html")
    said = page.locator(".rl-not-found").inner_text()
    box = page.locator(".md-search__input")
    button = page.get_by_role("button", name="Search")
    # (The closed box of a phone is laid out, off the screen: the button says which shows.)
    if viewport == DESKTOP:
        expect(button).to_be_hidden()
        expect(box).to_be_in_viewport()
        assert "box" in said
    else:
        expect(button).to_be_visible()
        expect(box).not_to_be_in_viewport()
        assert "magnifier" in said
        button.click()
        expect(box).to_be_in_viewport()
        expect(box).to_be_focused()


def test_the_404_page_offers_the_search_for_the_words_of_its_address(open_context, site_dir, papers, guard):
    # (A reader's review: a link to a paper with a slip in its address, or to a paper
    # the list no longer has, led to "Page not found" and its three links: the title
    # had to be typed into the search by hand.) Served as a host serves it, at the
    # missing address, status 404; its words are the paper's id's, one cut short.
    paper = next(p for p in papers if p["id"].startswith("adamerging-"))
    missing = "papers/" + paper["id"].replace("adamerging", "adamergin", 1) + "/"
    page = open_context().new_page()
    page.route(f"**/{missing}", lambda route: route.fulfill(
        status=404, content_type="text/html; charset=utf-8", body=(site_dir / "404.html").read_bytes()))
    page.goto(missing)
    # (the browser logs the status as an error; it is the point here)
    guard.errors[:] = [e for e in guard.errors if "404 (Not Found)" not in e]
    words = paper["id"].replace("adamerging", "adamergin", 1).replace("-", " ")
    link = page.get_by_role("link", name=f"Search the list for \u201c{words}\u201d")
    expect(link).to_be_visible()
    link.click()
    expect(page.locator(".md-search__input")).to_have_value(words)
    first = page.locator(".md-search-result__item > a").first
    expect(first).to_have_attribute("href", re.compile(re.escape(paper["url"])))
    # Opened where it is, 404.html says nothing of the kind: its address is no paper's.
    page.goto("404.html")
    expect(page.locator(".rl-not-found__search")).to_be_hidden()


def _open_missing(page, site_dir, guard, path: str):
    """Open ``path`` (as written in an address bar: percent escapes kept) as a host
    serves a missing address: 404.html, status 404."""
    page.route(lambda url: urlsplit(url).path.startswith("/nowhere/"), lambda route: route.fulfill(
        status=404, content_type="text/html; charset=utf-8", body=(site_dir / "404.html").read_bytes()))
    page.goto("nowhere/" + path)
    # (the browser logs the status as an error; it is the point here)
    guard.errors[:] = [e for e in guard.errors if "404 (Not Found)" not in e]


def test_the_404_pages_offer_shows_the_addresss_words_as_words_only(open_context, site_dir, guard):
    # The words come from an address anyone can write and send: they are shown as text
    # and searched for, and nothing else. A bidirectional override (U+202E) in them
    # turned the sentence around after it ('Search the list for “.”go to evil com');
    # an address of thousands of characters was a link of thousands, filling the page.
    page = open_context(viewport=PHONE).new_page()
    offer = page.locator(".rl-not-found__search a")
    shown = page.locator(".rl-not-found__search")
    payload = "%3Cimg%20src=x%20onerror=window.__rlRan=1%3E%22%27"
    _open_missing(page, site_dir, guard, payload + "?x=%3Cb%3E#%3Cb%3E")
    words = "<img src=x onerror=window rlRan=1>\"'"  # ("_" parts words, as "-" does)
    expect(offer).to_have_text(f"Search the list for \u201c{words}\u201d")
    assert page.locator(".rl-not-found img, .rl-not-found b").count() == 0
    href = urlsplit(offer.evaluate("a => a.href"))
    assert (href.netloc, href.path, parse_qs(href.query), href.fragment) == (
        urlsplit(page.url).netloc, "/", {"q": [words]}, "")
    offer.click()
    expect(page.locator(".md-search__input")).to_have_value(words)
    expect(page.locator(".md-search-result__meta")).to_be_visible()
    assert page.evaluate("window.__rlRan") is None
    # Format characters are no words: the sentence reads as written, the words in it
    # kept apart from it (a word of a right-to-left script takes no "”." into it).
    page = open_context(viewport=PHONE).new_page()
    _open_missing(page, site_dir, guard, "%E2%80%AEmoc.live-%E2%80%8Bot-og%E2%81%A6")
    offer = page.locator(".rl-not-found__search a")
    expect(offer).to_have_text("Search the list for \u201cmoc live ot og\u201d")
    page = open_context(viewport=PHONE).new_page()
    _open_missing(page, site_dir, guard, "%D9%86%D9%85%D9%88%D8%B0%D8%AC-model")
    offer = page.locator(".rl-not-found__search a")
    expect(offer).to_have_text("Search the list for \u201c\u0646\u0645\u0648\u0630\u062c model\u201d")
    assert offer.locator("bdi").inner_text() == "\u0646\u0645\u0648\u0630\u062c model"
    # No more words than a paper's id holds (80 characters), and no word longer than
    # the page: an address longer is offered as its first words, or not at all.
    page = open_context(viewport=PHONE).new_page()
    _open_missing(page, site_dir, guard, "-".join(f"word{i}" for i in range(500)))
    offer = page.locator(".rl-not-found__search a")
    expect(offer).to_have_text(re.compile("^Search the list for \u201cword0 word1 word2 .*\u201d$"))
    offered = offer.locator("bdi").inner_text()
    assert len(offered) <= 100 and offered == " ".join(f"word{i}" for i in range(len(offered.split())))
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page = open_context(viewport=PHONE).new_page()
    _open_missing(page, site_dir, guard, "a" * 3000)
    expect(shown).to_be_hidden()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_the_404_page_offers_the_words_of_a_pages_folder_for_its_index_html(open_context, site_dir, guard):
    # A page's file is its folder's index.html (MkDocs' directory URLs): an address to a
    # missing one offered to search for "index".
    page = open_context().new_page()
    _open_missing(page, site_dir, guard, "adamergin-adaptive-model-merging/index.html")
    expect(page.locator(".rl-not-found__search a")).to_have_text(
        "Search the list for \u201cadamergin adaptive model merging\u201d")
    page = open_context().new_page()
    _open_missing(page, site_dir, guard, "adamergin-adaptive-model-merging.html")
    expect(page.locator(".rl-not-found__search a")).to_have_text(
        "Search the list for \u201cadamergin adaptive model merging\u201d")


def _normal(text: str) -> str:
    """The filter's reading of a row or a query (table-filter.js `normal`)."""
    return " " + " ".join(re.sub(r"[^\w]|_", " ", text.lower().replace("-", "")).split())


def _title_words(paper: dict) -> str:
    """A row's title as the filter reads it: a hyphenated word also in its parts
    (table-filter.js `parts`: "Length-Generalization" is found by "generalization")."""
    return _normal(paper["title"]) + _normal(paper["title"].replace("-", " "))


def test_the_all_papers_filter_narrows_the_table_by_words_and_code(open_context, site_dir, papers):
    from generator.curation import load_content

    content, _ = load_content(ROOT / "content", ROOT)
    # (The filter reads a row's topics, authors, venue and code badge too, a name's
    # parts as well: "Self-Distill", "GraspGPT".)
    code = " ".join(url for p in papers for url in p.get("code") or ())
    topic_titles = _normal(" ".join(
        [t.title for t in content.topics] + [code, re.sub(r"(\w)([A-Z])", r"\1 \2", code)]
        + [" ".join(p.get("authors") or ()) + " " + (p.get("venue") or "") for p in papers]
    ))  # fmt: skip
    # A title word that starts no word of a topic's title, an author's name, a venue or
    # a repository's name, in papers with code and without: what the table shows for it
    # is then known from papers.json alone.
    counts = Counter(
        w for p in papers for w in set(_normal(p["title"]).split()) if len(w) >= 6
        and " " + w not in topic_titles
    )
    word = next(
        w for w, _ in counts.most_common()
        if len({_with_code(p) for p in papers if " " + w in _title_words(p)}) == 2
    )
    matching = [p for p in papers if " " + word in _title_words(p)]
    with_code = [p for p in matching if _with_code(p)]

    page = open_context().new_page()
    page.goto("")
    page.get_by_role("link", name="All papers").first.click()  # instant navigation
    _wait_for_title(page, "All papers")
    filter_ = page.locator(".rl-filter")
    filter_.wait_for(state="visible")
    titles = page.locator("#rl-all-papers tbody tr td:first-child a")
    assert titles.count() == len(papers)

    box = page.get_by_role("searchbox", name="Filter")
    box.fill(word.upper())  # any case
    box.press("Enter")  # at once
    count = filter_.locator(".rl-filter__count")
    assert count.inner_text() == f"{len(matching)} of {len(papers)} papers match"
    assert sorted(titles.all_inner_texts()) == sorted(p["title"] for p in matching)

    page.get_by_label("With code only").check()
    assert count.inner_text() == f"{len(with_code)} of {len(papers)} papers match"
    assert sorted(titles.all_inner_texts()) == sorted(p["title"] for p in with_code)

    # A word found only inside another word is no match ("rl" is not in "world").
    box.fill(word[1:])
    box.press("Enter")
    inside = [p for p in with_code if " " + word[1:] in _title_words(p)]
    assert sorted(titles.all_inner_texts()) == sorted(p["title"] for p in inside)
    box.fill("zzzqqq")
    box.press("Enter")
    note = page.locator("#rl-all-papers tbody td.rl-filter__note")
    assert note.inner_text() == "No paper matches the filter. Search abstracts and notes for \u201czzzqqq\u201d"
    assert note.evaluate("td => getComputedStyle(td).textAlign") == "center"

    box.fill("")
    page.get_by_label("With code only").uncheck()
    assert count.inner_text() == f"All {len(papers)} papers are shown"  # said to a screen reader
    assert titles.count() == len(papers)


@pytest.mark.parametrize(("path", "content"), [("papers/", "#rl-all-papers"), ("topics/", ".rl-topic-cards"),
                                               ("404.html", ".md-content")],
                         ids=["all-papers", "topics", "404"])
def test_on_a_desktop_a_page_without_headings_takes_the_width_no_table_of_contents_needs(
    page, path, content
):
    # (A reader's review: the All papers page has no heading for a table of contents,
    # yet its empty column kept a quarter of the screen at 1280 px, and the titles,
    # squeezed into 230 px, took three and four lines each. The Topics page's cards
    # kept the same empty column, and so did the 404 page, a theme template (whose text
    # keeps its own narrower measure: its column is what takes the width).)
    page.set_viewport_size(DESKTOP)
    page.goto(path)
    page.locator(content).wait_for(state="visible")
    assert not page.locator(".md-sidebar--secondary").is_visible()
    # The navigation stays: the 404 page lost it with its table of contents (one
    # variable of the theme hides both), and a reader who followed a dead link had no
    # topics to go to on a desktop, where a phone's menu still had them.
    expect(page.locator(".md-sidebar--primary")).to_be_visible()
    expect(page.locator(".md-sidebar--primary .md-nav__link").filter(has_text="All papers").first).to_be_visible()
    widths = page.evaluate("""content => ({
        content: document.querySelector(content).getBoundingClientRect().width,
        room: document.querySelector('.md-main__inner').getBoundingClientRect().right
              - document.querySelector('.md-sidebar--primary').getBoundingClientRect().right})""", content)
    assert widths["content"] > 0.9 * widths["room"], widths


@pytest.mark.parametrize("url", ["papers/", "topics/"])
def test_at_1280px_every_code_badge_in_a_list_of_papers_is_one_line(open_context, url):
    # (A reader's review: on the All papers page at 1280px the two longest names,
    # "giorgioroffo/large_language_models_open_suite" and
    # "YookiTong/Learn-from-Mistakes-CotErrorSet", were two lines each, their rows taller
    # than their neighbours'.) Every code badge of All papers, and of each topic's table,
    # is as high as a badge of one line.
    from .test_tables import LINES

    page = open_context(viewport=DESKTOP).new_page()
    page.goto(url)
    urls = [url] if url == "papers/" else page.eval_on_selector_all(
        ".md-content .rl-topic-cards a", "links => [...new Set(links.map(a => a.href))]")
    assert urls
    seen = 0
    for address in urls:
        page.goto(address)
        page.evaluate("document.querySelectorAll('tbody[hidden]').forEach(b => b.hidden = false)")
        badges = page.locator("table[data-rl-papers] a.rl-badge--compact")
        one_line = page.evaluate(
            """() => { const a = document.createElement('a'); a.className = 'rl-badge rl-badge--compact';
                       a.textContent = 'x'; document.querySelector('.md-typeset').append(a);
                       const h = a.getBoundingClientRect().height; a.remove(); return h }""")
        for badge in badges.all():
            assert len(badge.evaluate(LINES)) == 1, (address, badge.evaluate(LINES))
            assert badge.evaluate("a => a.getBoundingClientRect().height") == one_line, (address, badge.inner_text())
            seen += 1
    assert seen >= 30


def test_a_long_topics_table_has_the_filter_and_its_code_only_box(page, papers):
    # (A reader's review: a topic of 44 papers was a table to read row by row.)
    topic = max({t for p in papers for t in p["topics"]}, key=lambda t: (
        sum(t in p["topics"] for p in papers), t))
    members = [p for p in papers if topic in p["topics"]]
    with_code = [p for p in members if _with_code(p)]
    assert len(members) > 10 and 0 < len(with_code) < len(members)
    page.goto(f"topics/{topic}/")
    filter_ = page.locator(".rl-filter")
    filter_.wait_for(state="visible")
    titles = page.locator("#rl-topic-papers tbody tr td:first-child a")
    assert titles.count() == len(members)
    page.get_by_label("With code only").check()
    count = filter_.locator(".rl-filter__count")
    assert count.inner_text() == f"{len(with_code)} of {len(members)} papers match"
    assert sorted(titles.all_inner_texts()) == sorted(p["title"] for p in with_code)
    box = page.get_by_role("searchbox", name="Filter")
    box.fill(with_code[0]["title"].split(":")[0])
    box.press("Enter")
    assert with_code[0]["title"] in titles.all_inner_texts()
    assert len(titles.all_inner_texts()) < len(with_code)


def test_a_filter_that_finds_nothing_offers_the_site_search_of_its_words(page, papers):
    # (A reader's review: "RLHF" in the filter found no paper, where the site's search,
    # which reads the abstracts, found eight; and the emptied table shrank to "Title
    # Topics Code" over the note, a third of the column.)
    from generator.curation import load_content

    content, _ = load_content(ROOT / "content", ROOT)
    shown = _normal(" ".join(t.title for t in content.topics) + " " + " ".join(
        p["title"] + " " + " ".join(p["code"]) for p in papers))
    # A word of an abstract that starts no word the table shows: the filter finds
    # nothing for it, the search finds the paper.
    paper, word = next(
        (p, w) for p in papers for w in _normal(p["abstract"]).split()
        if len(w) >= 8 and w.isalpha() and " " + w not in shown
    )
    page.goto("papers/")
    table = page.locator("#rl-all-papers")
    table.locator("tbody tr").first.wait_for()
    column = page.locator(".md-content__inner").evaluate("e => e.clientWidth")
    box = page.get_by_role("searchbox", name="Filter")
    box.fill(word)
    box.press("Enter")
    note = table.locator("td.rl-filter__note")
    assert note.inner_text().startswith("No paper matches the filter.")
    assert abs(table.bounding_box()["width"] - column) <= 1  # as wide as its column
    note.get_by_role("button", name=f"Search abstracts and notes for \u201c{word}\u201d").click()
    search = page.locator(".md-search__input")
    assert search.input_value() == word
    assert search.evaluate("e => e === document.activeElement")
    # The search is open (Material opens it a moment after its box has the keyboard).
    expect(page.locator("#__search")).to_be_checked()
    page.locator(f".md-search-result__item a[href*='{paper['url']}']").first.wait_for()


def test_a_list_of_papers_the_filter_narrows_keeps_the_width_of_its_column(page, papers):
    # (A reader's review: "yolor" in All papers' filter left one row of a short title,
    # and the table shrank to two thirds of the column, its right edge short of the
    # reading log's box above it and moving as the word was typed; a topic's table so
    # too. Emptied, it kept its width already.)
    in_topic = Counter(t for p in papers for t in p["topics"])
    topic = in_topic.most_common(1)[0][0]
    # The shortest title of the biggest topic: filtered to it, the rows are narrowest.
    paper = min((p for p in papers if topic in p["topics"]), key=lambda p: len(p["title"]))
    for url, table_id in (("papers/", "rl-all-papers"), (f"topics/{topic}/", "rl-topic-papers")):
        page.goto(url)
        table = page.locator(f"#{table_id}")
        table.locator("tbody tr").first.wait_for()
        column = page.locator(".md-content__inner").evaluate("e => e.clientWidth")
        assert abs(table.bounding_box()["width"] - column) <= 1, url  # unfiltered, as before
        box = page.locator(f".rl-filter[data-table='{table_id}'] .rl-filter__text")
        box.fill(paper["title"])
        box.press("Enter")
        shown = table.locator("tbody tr:visible")
        expect(shown.first.locator("a").first).to_have_text(paper["title"])
        assert shown.count() < 3, url
        assert abs(table.bounding_box()["width"] - column) <= 1, url


def test_without_javascript_the_all_papers_filter_is_not_shown(browser, base_url):
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto("papers/")
        assert page.locator(".rl-filter").count() == 1
        assert not page.locator(".rl-filter").is_visible()  # a control that did nothing
    finally:
        context.close()


def test_the_all_papers_filter_applies_what_the_browser_restores_on_back(page, papers):
    # Chromium puts a checkbox's state back after the page's scripts ran, without a
    # change event: the box came back ticked over the whole table.
    with_code = [p for p in papers if _with_code(p)]
    page.goto("papers/")
    page.locator(".rl-filter").wait_for(state="visible")
    page.get_by_label("With code only").check()
    page.goto("about/")  # a full load, not instant navigation
    page.go_back()
    page.locator(".rl-filter").wait_for(state="visible")
    page.wait_for_function(
        "n => document.querySelectorAll('#rl-all-papers tbody tr').length === n", arg=len(with_code)
    )
    assert page.get_by_label("With code only").is_checked()
    assert page.locator(".rl-filter__count").inner_text() == f"{len(with_code)} of {len(papers)} papers match"


def test_the_filter_is_in_the_address_so_back_from_a_paper_and_a_link_keep_it(
    open_context, published_url, papers
):
    # The accessibility review: after instant navigation to a paper and Back, the filter
    # came back empty over the whole table, the reader's query lost. (The published
    # site: instant navigation needs its site_url; the code review found a first version
    # of this test on a site without, reloading each page.)
    from generator.curation import load_content

    content, _ = load_content(ROOT / "content", ROOT)
    topic_titles = _normal(" ".join(t.title for t in content.topics))
    # A long title word that starts no word of a topic's title: its rows are known.
    word = next(
        w for p in papers for w in _normal(p["title"]).split()
        if len(w) >= 6 and " " + w not in topic_titles
    )
    matching = [p for p in papers if " " + word in _normal(p["title"])]
    assert 0 < len(matching) < len(papers)
    page = open_context(base=published_url).new_page()
    page.goto("papers/", wait_until="networkidle")  # (the sitemap fetched: see above)
    page.locator(".rl-filter").wait_for(state="visible")
    page.evaluate("window.__kept = 'still this document'")
    box = page.get_by_role("searchbox", name="Filter")
    box.fill(word)
    box.press("Enter")
    # (page.url follows the address a moment after the page changed it.)
    expect(page).to_have_url(re.compile(re.escape(f"/rl/papers/?filter={word}") + "$"))
    counted = f"{len(matching)} of {len(papers)} papers match"
    assert page.locator(".rl-filter__count").inner_text() == counted
    # Typed, then a row clicked at once: the key's timer runs on the paper's page.
    box.press_sequentially("x")
    page.locator("#rl-all-papers tbody tr td:first-child a").first.click()
    page.locator(".rl-abstract").wait_for()
    # Past the key's timer: a timer of the filter's 250 ms set after it runs after it.
    page.evaluate("new Promise(r => setTimeout(r, 250))")
    assert "filter=" not in page.evaluate("location.href")  # the paper's address is its own
    assert page.evaluate("window.__kept") == "still this document"  # instant navigation
    page.go_back()
    page.locator(".rl-filter").wait_for(state="visible")
    page.wait_for_function(
        "n => document.querySelectorAll('#rl-all-papers tbody tr').length === n", arg=len(matching)
    )
    assert box.input_value() == word
    assert page.locator(".rl-filter__count").inner_text() == counted
    assert page.evaluate("window.__kept") == "still this document"
    # The address, given to someone else, opens the list filtered; emptied, it is plain.
    page.goto(f"papers/?filter={word}&code=1")
    page.locator(".rl-filter").wait_for(state="visible")
    assert page.get_by_label("With code only").is_checked() and box.input_value() == word
    box.fill("")
    page.get_by_label("With code only").uncheck()
    expect(page).to_have_url(re.compile(re.escape("/rl/papers/") + "$"))


_FILTER_ROWS = [
    "C++ templates for kernels",
    "Porting C++17 and C#-style code",
    "A compiler for C",
    "F# and C# type providers",
    "RL+LLM agents that plan",
    "Un modèle de langue",
    "Multi-task learning at scale",
    "多任务学习的基准",
    "Reinforcement learning in the world",
    "Radioactivity, by Maria Skłodowska-Curie",
    "GraspGPT for robots",
    "VLMs that DeepSeek trains",
]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("c++", ["C++ templates for kernels", "Porting C++17 and C#-style code"]),  # not every "c"
        ("c#", ["F# and C# type providers", "Porting C++17 and C#-style code"]),
        ("c++17", ["Porting C++17 and C#-style code"]),
        ("17", ["Porting C++17 and C#-style code"]),
        ("style", ["Porting C++17 and C#-style code"]),
        ("c", ["C++ templates for kernels", "A compiler for C", "F# and C# type providers",
               "Porting C++17 and C#-style code", "Radioactivity, by Maria Skłodowska-Curie"]),
        ("llm", ["RL+LLM agents that plan"]),  # a "+" between words parts them
        ("rl", ["RL+LLM agents that plan"]),  # not inside "world"
        ("modele", ["Un modèle de langue"]),  # accents left out
        ("multitask", ["Multi-task learning at scale"]),  # hyphens left out
        ("task", ["Multi-task learning at scale"]),  # and a hyphenated word's parts found
        ("curie", ["Radioactivity, by Maria Skłodowska-Curie"]),
        ("skłodowska-curie", ["Radioactivity, by Maria Skłodowska-Curie"]),
        ("sklodowska", ["Radioactivity, by Maria Skłodowska-Curie"]),  # "ł" typed as "l"
        ("SKLODOWSKACURIE", ["Radioactivity, by Maria Skłodowska-Curie"]),
        ("MULTI-TASK", ["Multi-task learning at scale"]),
        ("学习", ["多任务学习的基准"]),  # found anywhere in a word of Chinese
        # (review: "GPT" found no "GraspGPT") a word's parts where its case changes
        ("gpt", ["GraspGPT for robots"]),
        ("seek", ["VLMs that DeepSeek trains"]),
        ("deepseek", ["VLMs that DeepSeek trains"]),
        ("ms", ["No paper matches the filter."]),  # a plural's "s" is no part
    ],
)
def test_the_filter_reads_words_as_a_reader_means_them(browser, query, expected):
    rows = "".join(f"<tr><td>{html.escape(t)}</td></tr>" for t in _FILTER_ROWS)
    assert sorted(_filtered(browser, rows, query)) == sorted(expected)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("thudm", ["Agents for GUIs"]),  # (review: a repository shown found nothing)
        ("cogagent", ["Agents for GUIs"]),
        ("agent", ["Agents for GUIs"]),  # "CogAgent" in its parts, and the title
        ("thudm/cogagent", ["Agents for GUIs"]),
        ("archived", ["No paper matches the filter."]),  # the badge's marks are not its name
        ("12", ["No paper matches the filter."]),  # nor its stars
    ],
)
def test_the_filter_finds_a_paper_by_its_code_repository(browser, query, expected):
    rows = (
        '<tr><td><a href="a/">Agents for GUIs</a></td><td><a class="rl-badge rl-badge--code" '
        'href="https://github.com/THUDM/CogAgent">THUDM/<wbr>CogAgent <span class="rl-badge__stars">12</span> '
        '<span class="rl-badge__mark">archived</span></a></td></tr>'
        '<tr><td><a href="b/">Planning with words</a></td><td></td></tr>'
    )
    assert _filtered(browser, rows, query, first_cells=True) == expected


def test_the_filter_finds_a_paper_by_its_repositorys_name_as_the_templates_write_the_badge(browser):
    # A badge's name after its slash is a span of its own ("example/<wbr><span
    # class="rl-badge__tail">gem</span>"), so that it breaks whole in a narrow column;
    # the filter must still read it (an audit: "MFTCoder" found nothing on the shipped
    # list, "codefuse" found its paper), and still not the marks, stars or note after it.
    assert '<wbr><span class="rl-badge__tail">gem</span>' in _golden_all_papers_rows()  # as rendered
    _assert_golden_rows_filtered(browser, [
        ("gem", ["Gradient Episodic Memory for Continual Learning"]),  # the name after the slash
        ("example/gem", ["Gradient Episodic Memory for Continual Learning"]),  # the whole name
        ("example/replay", ["Replay Against Forgetting in Continual Learning"]),
        ("lua", []),  # the badge's note ("in Lua") is not its name
        ("archived", []),  # nor its marks
        ("87", []),  # nor its stars
    ])


def test_the_filter_finds_a_paper_by_a_repository_its_row_does_not_show(browser):
    # A row shows the first repository's badge only; "Replay Against Forgetting" links a
    # GitLab port too (someone/replay-port, "an unofficial port"), which the filter must
    # find by its name, from the row's data-filter, without a second badge.
    rows = _golden_all_papers_rows()
    replay = next(line for line in rows.splitlines() if "replay-against-forgetting/" in line)
    assert replay.count('<a class="rl-badge ') == 1 and "gitlab" not in replay  # as rendered: not shown
    _assert_golden_rows_filtered(browser, [
        ("someone", ["Replay Against Forgetting in Continual Learning"]),  # its owner
        ("someone/replay-port", ["Replay Against Forgetting in Continual Learning"]),  # the whole name
        ("port", ["Replay Against Forgetting in Continual Learning"]),  # a part of its hyphenated name
        ("replayport", ["Replay Against Forgetting in Continual Learning"]),  # its name unhyphenated
        ("unofficial", []),  # its note is not its name
    ])


def _golden_all_papers_rows() -> str:
    """The rows as the templates write them: the fixture's golden all-papers page's table."""
    golden = (ROOT / "tests" / "goldens" / "site_fixture" / "papers" / "index.md").read_text(encoding="utf-8")
    return golden.split("<!-- readinglist:html -->", 1)[1].split("<!-- /readinglist:html -->", 1)[0]


def _assert_golden_rows_filtered(browser, cases: list[tuple[str, list[str]]]) -> None:
    """Each query, typed into the golden table's filter, leaves the rows of those titles."""
    script = (ROOT / "overrides" / "assets" / "table-filter.js").read_text(encoding="utf-8")
    context = browser.new_context()
    try:
        page = context.new_page()
        page.set_content(html_document(f"{_golden_all_papers_rows()}<script>{script}</script>"))
        page.locator(".rl-filter").wait_for(state="visible")
        titles = page.locator("#rl-all-papers tbody tr td:first-child a")
        for query, expected in cases:
            page.locator(".rl-filter__text").fill(query)
            page.locator(".rl-filter__text").press("Enter")
            assert titles.all_inner_texts() == expected, query
    finally:
        context.close()


def _filtered(browser, rows: str, query: str, first_cells: bool = False) -> list[str]:
    """The rows' texts (their first cells') a query leaves, through the page's own script."""
    script = (ROOT / "overrides" / "assets" / "table-filter.js").read_text(encoding="utf-8")
    context = browser.new_context()
    try:
        page = context.new_page()
        page.set_content(html_document(
            '<div class="rl-filter" data-table="t" hidden>'
            '<input type="search" class="rl-filter__text"><input type="checkbox" class="rl-filter__code">'
            '<span class="rl-filter__count"></span></div>'
            f'<table id="t"><thead><tr><th>Title</th></tr></thead><tbody>{rows}</tbody></table>'
            f"<script>{script}</script>"
        ))
        page.locator(".rl-filter").wait_for(state="visible")
        page.locator(".rl-filter__text").fill(query)
        page.locator(".rl-filter__text").press("Enter")
        cells = "#t tbody tr > td:first-child" if first_cells else "#t tbody td"
        return page.locator(cells).all_inner_texts()
    finally:
        context.close()


def test_the_filter_finds_a_paper_by_any_author_or_its_venue(browser):
    # The golden rows (as the templates write them): the line under a title names the
    # first author and the venue; the filter reads every author and the whole venue, but
    # not the line's own "and" or "et al.".
    _assert_golden_rows_filtered(browser, [
        ("knuth", ["Merging Models by Task Arithmetic"]),  # the only author
        ("dijkstra", ["Editing Models with Task Vectors"]),  # two authors: both named
        ("liskov iclr", ["Editing Models with Task Vectors"]),  # author and venue
        ("neurips", ["Replay Against Forgetting in Continual Learning"]),
        ("turing", ["Replay Against Forgetting in Continual Learning"]),  # "Ada Lovelace et al."
        ("and", []),  # no paper's word (the line said "Liskov and Dijkstra" before fix32)
        ("et", []),  # "et al."
    ])


def _byline_in_table(page, authors: str, venue: str) -> dict:
    """The line as the templates write it, put into the built All papers table's first
    row: the boxes of the line, its cell and its parts, whether each part is cut, and
    the page's width."""
    page.goto("papers/")
    page.locator(".rl-filter").wait_for(state="visible")
    return page.evaluate(
        """([authors, venue]) => {
             const cell = document.querySelector('#rl-all-papers tbody td');
             const line = document.createElement('span');
             line.className = 'rl-row-byline';
             for (const [name, text] of [['authors', authors], ['venue', venue]]) {
               const part = document.createElement('span');
               part.className = 'rl-row-byline__' + name;
               part.textContent = text;
               line.appendChild(part);
             }
             cell.appendChild(line);
             const box = e => e.getBoundingClientRect();
             const [a, v] = line.children;
             return {line: box(line).width, cell: box(cell).width, a: box(a), v: box(v),
                     cut: [a.scrollWidth > a.clientWidth, v.scrollWidth > v.clientWidth],
                     page: document.documentElement.scrollWidth}; }""",
        [authors, venue],
    )


@pytest.mark.parametrize("viewport", [DESKTOP, NARROW_PHONE], ids=["desktop", "narrow-phone"])
def test_a_long_name_or_venue_under_a_title_never_hides_the_other(open_context, viewport):
    # On a desktop one line, each part cut but never to nothing; on a phone a line
    # each. A reviewer saw a two-line cut drop "ICLR" behind two names.
    boxes = _byline_in_table(
        open_context(viewport=viewport).new_page(),
        "The International Consortium for Very Long Organisation Names in Machine Learning et al.",
        "Proceedings of the 40th International Conference on Machine Learning, Honolulu, Hawaii, USA",
    )
    assert boxes["page"] <= viewport["width"]
    assert boxes["line"] <= boxes["cell"]  # the line does not widen its column
    if viewport is DESKTOP:
        assert boxes["a"]["top"] == boxes["v"]["top"]  # one line
        # Both long: half the line each (within a pixel).
        assert abs(boxes["a"]["width"] - boxes["v"]["width"]) <= 1
    else:
        assert boxes["v"]["top"] > boxes["a"]["top"]  # a line each
        assert boxes["a"]["width"] > 0 and boxes["v"]["width"] > 0


def test_a_short_venue_beside_a_long_name_is_whole(open_context):
    # A reviewer saw "Ada Lovelac… · NeurI…" on a narrow desktop: a part shorter than
    # half the line is whole, the other has the rest.
    boxes = _byline_in_table(
        open_context().new_page(),
        "Ada Lovelace, Alan Turing, Grace Hopper and very many more names than the column holds et al.",
        "Neural Computation",
    )
    assert boxes["cut"] == [True, False]  # the name is cut, the venue whole


@pytest.mark.parametrize("viewport", [DESKTOP, NARROW_PHONE], ids=["desktop", "narrow-phone"])
def test_the_filter_placeholder_is_whole(open_context, viewport):
    # Its longest form, for a list with authors and summaries: the words a reader may
    # type must be readable, not cut at "yea" (as they were on a desktop). Typed in, the
    # text must not scroll; a search box keeps room for its clear button, so the text's
    # own width is not enough (it fitted by 5 px and was still cut).
    page = open_context(viewport=viewport).new_page()
    page.goto("papers/")
    page.locator(".rl-filter").wait_for(state="visible")
    scrolled, shown = page.evaluate(
        """() => { const box = document.querySelector('.rl-filter__text');
                   box.value = 'title, author, summary, topic or year';
                   return [box.scrollWidth, box.clientWidth]; }""")
    assert scrolled <= shown
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
def test_the_filter_placeholder_is_readable(open_context, tables_url, color_scheme):
    # The placeholder is the one place that says what the filter reads ("title, topic or
    # code"): in the dark palette it was the browser's own grey, 3.5:1 on the box, under
    # the 4.5:1 that text needs (axe-core does not measure a placeholder).
    page = open_context(color_scheme=color_scheme, base=tables_url).new_page()
    page.goto("papers/")
    page.locator(".rl-filter").wait_for(state="visible")
    ratio = page.evaluate(
        """() => { const box = document.querySelector('.rl-filter__text');
            const rgba = s => { const v = s.match(/[\\d.]+/g).map(Number); return [v.slice(0, 3), v.length > 3 ? v[3] : 1]; };
            const [back] = rgba(getComputedStyle(box).backgroundColor);
            const [front, alpha] = rgba(getComputedStyle(box, '::placeholder').color);
            const seen = front.map((v, i) => alpha * v + (1 - alpha) * back[i]);
            const lum = c => { const [r, g, b] = c.map(v => { v /= 255;
                return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4 });
                return 0.2126 * r + 0.7152 * g + 0.0722 * b };
            const [a, b] = [lum(seen), lum(back)];
            return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05); }""")
    assert ratio >= 4.5


def test_a_styled_page_is_laid_out_in_standards_mode_as_the_sites_pages_are(styled):
    # Material writes every page with a doctype, so Chromium lays it out in standards
    # mode; a page without one is laid out in quirks mode (line boxes, table cells and
    # inline images sized otherwise): CSS passing there may not hold on the site.
    page = styled("<p>A paper's title</p>", {"width": 390, "height": 800})
    assert page.evaluate("document.compatMode") == "CSS1Compat"


def test_on_a_phone_a_start_here_label_stays_on_one_line(styled):
    # (a reader's review: at 320px the label broke after its hyphen, "start-" over
    # "here paper 2")
    page = styled(
        "<ul><li><a href='#'>Instruction tuning and multitask prompting</a>"
        "&nbsp;<span class='rl-reason'>matched \"instruction tuning\"</span>"
        "&nbsp;<span class='rl-start'><span class='rl-start__label'>start-here paper 2</span></span></li></ul>",
        {"width": 320, "height": 800},
    )
    # The lines the label's boxes stand on (its "· " before it may end the line above).
    lines = page.locator(".rl-start__label").evaluate(
        "el => new Set([...el.getClientRects()].map(r => Math.round(r.top))).size"
    )
    assert lines == 1


def test_on_a_phone_no_line_of_a_papers_topics_starts_with_the_separating_dot(styled):
    # (A reader's review: at 390 px a topic's line broke before its start-here label,
    # the next line reading "· start-here paper 2"; 23 pages of the shipped list did.)
    # The line as the templates write it (the fixture's golden page), in every width
    # from a narrow phone's text column to a wide one.
    golden = (ROOT / "tests" / "goldens" / "site_fixture" / "papers" / "replay-against-forgetting.md")
    topics = re.search(r'<ul class="rl-topics"[^>]*>.*?</ul>', golden.read_text(encoding="utf-8"), re.S).group(0)
    assert "rl-reason" in topics and "rl-start" in topics
    page = styled(f"<div id='column'>{topics}</div>", {"width": 390, "height": 800})
    starts = page.evaluate(
        """() => {
            const column = document.getElementById('column'), li = column.querySelector('li');
            const starts = [];
            for (let width = 120; width <= 360; width += 2) {
                column.style.width = width + 'px';
                const left = li.getBoundingClientRect().left + parseFloat(getComputedStyle(li).paddingLeft);
                // A part that starts a line: its first box (the dot is in it) at the line's left.
                for (const part of li.querySelectorAll('.rl-reason, .rl-start')) {
                    if (Math.abs(part.getClientRects()[0].left - left) < 1) starts.push([width, part.className]);
                }
            }
            return starts;
        }""")
    assert starts == [], starts


_GOLDENS = ROOT / "tests" / "goldens" / "site_fixture"


@pytest.mark.parametrize(("golden", "block"), [
    *((f"papers/{p.name}", "p class=\"rl-byline\"") for p in sorted((_GOLDENS / "papers").glob("*-*.md"))),
    *((f"topics/{t.name}/index.md", tag) for t in sorted((_GOLDENS / "topics").iterdir()) if t.is_dir()
      for tag in ("p class=\"rl-counts\"", "p class=\"rl-downloads\"")),
    ("topics/index.md", "div class=\"grid cards rl-topic-cards\""),
])
def test_on_a_phone_no_line_starts_with_a_separating_dot(styled, golden, block):
    # (A reader's review: a paper's byline, "authors · venue · year", and a topic's
    # counts, "3 papers · 3 with code", broke before their dot as the topics did, a
    # line starting "· NeurIPS".) Each such block as the templates write it, in every
    # width of a phone's text column, from a 320 px phone's 288 px with its text
    # zoomed 180% (160 px) to a wide one. (Narrower, a word longer than the line, as
    # the hostile fixture's 24-letter venue, is broken where it must: before its dot.)
    text = (_GOLDENS / golden).read_text(encoding="utf-8")
    tag = block.split()[0]
    markup = re.search(rf"<{block}>.*?</{tag}>", text, re.S).group(0)
    assert "\u00b7" in markup
    page = styled(f"<div id='column'>{markup}</div>", {"width": 390, "height": 800})
    starts = page.evaluate(
        """() => {
            const column = document.getElementById('column'), starts = [];
            const dots = [];
            const walker = document.createTreeWalker(column, NodeFilter.SHOW_TEXT);
            for (let n = walker.nextNode(); n; n = walker.nextNode())
                for (let i = n.data.indexOf('\u00b7'); i >= 0; i = n.data.indexOf('\u00b7', i + 1)) dots.push([n, i]);
            for (let width = 160; width <= 360; width += 2) {
                column.style.width = width + 'px';
                for (const [n, i] of dots) {
                    let line = n.parentElement;  // the block the dot's line is in
                    while (getComputedStyle(line).display.startsWith('inline')) line = line.parentElement;
                    const left = line.getBoundingClientRect().left + parseFloat(getComputedStyle(line).paddingLeft);
                    const range = document.createRange();
                    range.setStart(n, i);
                    range.setEnd(n, i + 1);
                    if (Math.abs(range.getClientRects()[0].left - left) < 1) starts.push([width, line.innerText]);
                }
            }
            return starts;
        }""")
    assert starts == [], starts


def test_on_a_phone_a_year_in_a_table_stays_whole(styled):
    # The metadata review: at 390px the Year column read "202" over "5" (the shipped
    # list has no years, so its pages never showed it). The site's own stylesheet, on
    # a table as the templates write one (a list of papers names itself), squeezed by
    # long words.
    long = "Super-NaturalInstructions-and-other-very-long-words"
    page = styled(
        "<table aria-label='All papers' data-rl-papers><thead><tr><th>Title</th><th class='rl-year-column'>Year</th><th>Topics</th><th>Code</th></tr></thead>"
        f"<tbody><tr><td>{long}</td><td>2025</td><td>{long}</td><td>{long}</td></tr></tbody></table>",
        {"width": 390, "height": 800},
    )
    lines = page.evaluate(
        """() => { const cell = document.querySelectorAll('td')[1];
                   const range = document.createRange(); range.selectNodeContents(cell);
                   return range.getClientRects().length; }""")
    assert lines == 1
    # (A title still breaks where it must, as before.)
    assert page.evaluate("document.querySelector('table').getBoundingClientRect().width") <= 390



def test_printed_a_table_wider_than_the_page_keeps_every_column(styled):
    # A reader's review: a curator's table of results in a paper's notes (ten columns)
    # scrolls on screen; printed, paper cannot scroll, and its last columns were cut at
    # the page's edge ("TruthfulQA" half there, "Winogrande" and "Average" gone).
    head = ["Model", "Params", "MMLU", "GSM8K", "HumanEval", "ARC-Challenge", "HellaSwag",
            "TruthfulQA", "Winogrande", "Average"]
    row = ["meta_llama_2_70b_chat_hf_with_an_extended_context_window", "70B", "63.9", "56.8",
           "29.9", "64.6", "85.9", "52.8", "80.5", "62.1"]
    page = styled(
        "<div class='md-typeset__table'><table><thead><tr>"
        + "".join(f"<th>{h}</th>" for h in head) + "</tr></thead><tbody><tr>"
        + "".join(f"<td>{c}</td>" for c in row) + "</tr></tbody></table></div>",
        {"width": 600, "height": 800},
    )
    wide = ("[document.querySelector('table').getBoundingClientRect().right,"
            " document.querySelector('.md-typeset').getBoundingClientRect().right]")
    page.emulate_media(media="print")
    table, page_edge = page.evaluate(wide)
    assert table <= page_edge
    # (On screen it is as wide as its words: Material lets it scroll there.)
    page.emulate_media(media="screen")
    table, page_edge = page.evaluate(wide)
    assert table > page_edge + 100


def test_printed_a_short_columns_header_stays_whole(styled):
    # (Breaking every header's words where they must, for the table above, broke a
    # table of four columns that fits the page: its "Required" printed as "Re" "qui" "red".)
    described = "What the field holds, in a long sentence that takes the room it can get. " * 3
    page = styled(
        "<div class='md-typeset__table'><table><thead><tr><th>Field</th><th>Value</th>"
        "<th>Required</th><th>What it holds</th></tr></thead><tbody>"
        f"<tr><td><code>title</code></td><td>plain text, rendered literally</td><td>yes</td><td>{described}</td></tr>"
        "</tbody></table></div>",
        {"width": 600, "height": 800},
    )
    page.emulate_media(media="print")
    lines = page.evaluate(
        """() => { const cell = document.querySelectorAll('th')[2];
                   const range = document.createRange(); range.selectNodeContents(cell);
                   return range.getClientRects().length; }""")
    assert lines == 1


def test_printed_a_hand_pages_screen_only_paragraph_goes(styled):
    # (A reader audit: the printed home page still explained the search box.) The
    # paragraph content/pages/index.md marks `{ .rl-screen-only }`, and only it.
    page = styled("<p>Browse by topic.</p><p class='rl-screen-only'>Search from the top of the page.</p>",
                  {"width": 800, "height": 800})
    hint, other = page.locator(".rl-screen-only"), page.locator("p").first
    assert hint.is_visible() and other.is_visible()
    page.emulate_media(media="print")
    assert hint.is_hidden() and other.is_visible()


def test_a_hand_pages_keyboard_only_paragraph_goes_on_a_touch_screen_and_on_paper(styled):
    # (A reader's audit: the home page's "on a keyboard, / goes to the box" showed on a
    # phone.) A paragraph content/pages/index.md marks `{ .rl-keyboard-only }`, and only it.
    page = styled("<p>Search from the top.</p><p class='rl-keyboard-only'>On a keyboard, <code>/</code> goes"
                  " to the search box.</p>", {"width": 390, "height": 844})
    hint, other = page.locator(".rl-keyboard-only"), page.locator("p").first
    assert hint.is_visible() and other.is_visible()  # a narrow window with a mouse keeps it
    # A touch screen only, a phone's or a tablet's: no pointer anywhere that hovers or is
    # fine. (Chromium's media feature emulation leaves these as they are; touch
    # emulation sets them, the primary pointer's and any pointer's alike.)
    cdp = page.context.new_cdp_session(page)
    cdp.send("Emulation.setTouchEmulationEnabled", {"enabled": True, "maxTouchPoints": 5})
    assert page.evaluate("matchMedia('(any-hover: none) and (any-pointer: coarse)').matches")
    assert hint.is_hidden() and other.is_visible()
    # A tablet's touch screen with its keyboard's touchpad attached (or a touch laptop's)
    # is the primary pointer, (hover: none) and (pointer: coarse), with a fine pointer
    # beside it: it keeps the hint. Chromium cannot emulate that pair, so the rule that
    # hides the hint is read: it asks of any pointer, not of the primary one (it did).
    hiding = page.evaluate("""() => [...document.styleSheets].flatMap(sheet => [...sheet.cssRules])
        .filter(rule => rule instanceof CSSMediaRule && [...rule.cssRules].some(inner =>
            inner.selectorText === '.md-typeset .rl-keyboard-only' && inner.style.display === 'none'))
        .map(rule => rule.conditionText)""")
    assert hiding == ["(any-hover: none) and (any-pointer: coarse)"], hiding
    cdp.send("Emulation.setTouchEmulationEnabled", {"enabled": False})
    assert hint.is_visible()
    page.emulate_media(media="print")
    assert hint.is_hidden() and other.is_visible()


def test_printed_a_long_author_list_is_whole(styled):
    # A reader's review: a paper of fifteen authors printed the first ten, "et al." and
    # "All 15 authors" beside a triangle that paper cannot open (the list folded under it).
    names = ", ".join(f"Author Number{n}" for n in range(1, 16))
    page = styled(
        "<div class='rl-paper-head'><p class='rl-byline'><span class='rl-authors'>"
        + ", ".join(f"Author Number{n}" for n in range(1, 11)) + " et al.</span></p>"
        f"<details class='rl-all-authors'><summary>All 15 authors</summary><p>{names}</p></details></div>",
        {"width": 800, "height": 800},
    )
    folded = page.locator("details.rl-all-authors > p")
    assert not folded.is_visible()  # on screen, folded
    page.emulate_media(media="print")
    assert folded.is_visible()
    assert "Author Number15" in page.locator(".rl-paper-head").inner_text()


def test_a_keywords_group_moves_whole_to_the_next_line_and_a_long_one_wraps_inside(styled):
    # Whatever words stand before it (a keyword of each length), a short group is on
    # one line; one longer than a phone's line wraps at its spaces, within the screen
    # (a group kept on one line whatever its length would run off it).
    short = 'both "math" and "reasoning"'
    long = ('all of "reinforcement learning from human feedback", "large language models"'
            ' and "proximal policy optimization"')
    items = "".join(
        f'<li><a href="#">Topic</a>&nbsp;<span class="rl-reason">matched "{"w" * n}"; '
        f'<span class="rl-reason__group">{short}</span></span></li>' for n in range(40))
    items += (f'<li><a href="#">Topic</a>&nbsp;<span class="rl-reason">matched '
              f'<span class="rl-reason__group">{long}</span></span></li>')
    page = styled(f'<ul class="rl-topics">{items}</ul>', {"width": 390, "height": 844})
    groups = page.evaluate(REASON_GROUPS)
    assert [g["text"] for g in groups] == [short] * 40 + [long]
    assert [g["tops"] for g in groups[:-1]] == [1] * 40
    assert groups[-1]["tops"] > 1
    assert page.evaluate("""() => [...document.querySelectorAll('.rl-reason__group')].every(g =>
        g.getBoundingClientRect().right <= g.closest('li').getBoundingClientRect().right + 0.5)""")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_how_to_contribute_says_only_what_this_site_offers(page):
    # (A reader's audit: built without a repository, as the shipped site is here, How to
    # contribute said "use the pencil", which no page had, and "ask the list's curator",
    # whom the site names nowhere.) Its paragraph of class rl-with-repository is there
    # where the site names its repository (REPO_URL: the footer's link, the edit
    # pencils), the one of class rl-without-repository where it does not; the other is
    # not in the page at all (hidden by a style rule, it showed with the styles off, and
    # was in the search index).
    page.goto("papers/")
    kept = page.locator(".md-copyright", has_text="The list is kept at").count() == 1
    page.goto("contributing/")
    pencil = page.get_by_text("use the pencil at the top right")
    none = page.get_by_text("This copy of the site names no repository")
    assert (pencil.count(), none.count()) == ((1, 0) if kept else (0, 1))
    assert (pencil if kept else none).is_visible()
    assert (page.locator("a[rel=edit]").count() > 0) is kept
