"""A page of the built site opened from disk (file://) marks its address's words as one
served does."""

from __future__ import annotations

from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

from .sitebuild import SiteServer, build_fixture_site

pytestmark = [pytest.mark.browser]

# A paper of words to mark.
ADA = "papers/adamerging-forgets/"
ADA_YAML = """id: adamerging-forgets
title: AdaMerging Forgets Less
authors: [Grace Hopper]
year: 2024
added: 2026-11-29
abstract: |
  Models merged by AdaMerging keep their tasks: catastrophic forgetting stays small,
  and merging them needs no task vectors.
"""


def _add_papers(content) -> None:
    (content / "papers" / "adamerging-forgets.yml").write_text(ADA_YAML, encoding="utf-8")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The fixture list with the papers above, built for the address it is served at;
    the built folder and that address."""
    project = tmp_path_factory.mktemp("matched") / "project"
    with SiteServer(project / "site") as server:
        site = build_fixture_site(project, _add_papers, site_url=server.base_url)
        yield site, server.base_url


# The page's text, each mark's words between ⟦ and ⟧ (a mark in a mark is an error).
MARKED_TEXT = """content => {
    if (content.querySelector("mark mark")) throw new Error("a mark in a mark");
    const copy = content.cloneNode(true);
    copy.querySelectorAll("mark").forEach(m => m.replaceWith("\\u27e6" + m.textContent + "\\u27e7"));
    return copy.textContent;
}"""
CONTENT = "[data-md-component=content]"


def _marked(page, selector: str) -> str:
    """The marked text of ``selector`` in the page's content, its lines joined, and marks
    one after another apart only by white space as one."""
    text = " ".join(page.locator(f"{CONTENT} {selector}").evaluate(MARKED_TEXT).split())
    return text.replace("\u27e7 \u27e6", " ")


def test_a_page_opened_from_disk_marks_its_addresss_words(open_context, built):
    """Opened from file://, the built site marked nothing: the words are marked on
    each page Material's document$ gives, and from disk it gives none (it ends at once:
    instant navigation is left out there). (Search itself needs a web server: from
    disk Material looks for an index the build does not write.)"""
    page = open_context(base=built[1]).new_page()
    address = (built[0] / ADA / "index.html").as_uri()
    page.goto(address + "?" + urlencode([("hw", "merging*"), ("hw", "task*")]))
    page.wait_for_selector(f"{CONTENT} mark", timeout=5000)
    assert _marked(page, ".rl-abstract") == (
        "Models merged by AdaMerging keep their \u27e6tasks\u27e7: catastrophic forgetting stays small, "
        "and \u27e6merging\u27e7 them needs no \u27e6task\u27e7 vectors.")
    # A link made before hw, with Material's h.
    page.goto(address + "?" + urlencode([("h", "forget")]))
    page.wait_for_selector(f"{CONTENT} mark", timeout=5000)
    assert _marked(page, "h1") == "AdaMerging \u27e6Forgets\u27e7 Less"
    assert parse_qs(urlsplit(page.url).query) == {"hw": ["forget*"]}
