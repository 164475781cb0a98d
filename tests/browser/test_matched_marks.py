"""The page a search result opens marks the words that the result's wildcard or fuzzy
term matched, as lunr matched them: the index's words each result matched (the search
worker's matchData, readinglist-search.js), not the words of the text the result
shows, which Material cuts to two blocks; a word a leading wildcard matched too. And a
page opened from disk (file://) marks an address's words as one served does."""

from __future__ import annotations

from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

from .conftest import result_hrefs
from .markedtext import ADAMERGING_YAML, CONTENT, marked
from .sitebuild import SiteServer, build_fixture_site

pytestmark = [pytest.mark.browser]

# A paper whose words hold "merging" inside them ("AdaMerging") or begin with it.
ADA = "papers/adamerging-forgets/"

# A paper with "merging" inside one word only.
INSIDE = "papers/adamerging-alone/"
INSIDE_YAML = """id: adamerging-alone
title: A Method Alone
authors: [Grace Hopper]
year: 2024
added: 2026-11-29
abstract: AdaMerging, and nothing else.
"""

# A paper whose abstract's four paragraphs are four blocks of its search entry's text:
# "merging" in the first three, "forgetting" only in the last. A result for a query
# with both shows the first two blocks with a word it found (Material's highlight
# keeps two), and "forgetting" is in neither.
FAR = "papers/far-apart/"
FAR_YAML = """id: far-apart
title: Blocks Far Apart
authors: [Grace Hopper]
year: 2024
added: 2026-11-29
abstract: |
  Merging models is cheap.

  Merging them twice is cheaper.

  Merging a third time is cheapest.

  Replay stops forgetting.
"""


def _add_papers(content) -> None:
    (content / "papers" / "adamerging-forgets.yml").write_text(ADAMERGING_YAML, encoding="utf-8")
    (content / "papers" / "far-apart.yml").write_text(FAR_YAML, encoding="utf-8")
    (content / "papers" / "adamerging-alone.yml").write_text(INSIDE_YAML, encoding="utf-8")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The fixture list with the papers above, built for the address it is served at;
    the built folder and that address."""
    project = tmp_path_factory.mktemp("matched") / "project"
    with SiteServer(project / "site") as server:
        site = build_fixture_site(project, _add_papers, site_url=server.base_url)
        yield site, server.base_url


def _open_result(page, query: str, path: str) -> list[str]:
    """The hw values of ``query``'s result for ``path`` (typed on the home page), which
    says no word missing; its page opened, once marked."""
    links = {urlsplit(href).path.lstrip("/"): href for href in result_hrefs(page, query)}
    assert path in links, (query, links)
    missing = page.eval_on_selector(f".md-search-result__link[href*='/{path}']",
                                    "a => [...a.querySelectorAll('del')].map(d => d.textContent)")
    assert missing == [], query
    page.goto(links[path])
    page.wait_for_selector(f"{CONTENT} mark")
    page.wait_for_timeout(300)
    return parse_qs(urlsplit(links[path]).query).get("hw", [])


# (Checked by hand: "*merging" is "*merging*" to Material, the words with "merging" in
# them; of this page's, "AdaMerging" and "merging", not "merged".)
def test_a_leading_wildcard_marks_the_words_it_matched(open_context, built):
    """Its result's link said no word to mark; and a result with "AdaMerging" alone
    said "Missing: merging" (Material's term for it, which begins no word there)."""
    page = open_context(base=built[1]).new_page()
    assert _open_result(page, "*merging", INSIDE) == ["adamerging"]
    assert marked(page, ".rl-abstract") == "\u27e6AdaMerging\u27e7, and nothing else."
    values = _open_result(page, "*merging", ADA)
    assert sorted(values) == ["adamerging", "merging"]
    assert marked(page, "h1") == "\u27e6AdaMerging\u27e7 Forgets Less"
    assert marked(page, ".rl-abstract") == (
        "Models merged by \u27e6AdaMerging\u27e7 keep their tasks: catastrophic forgetting stays small, "
        "and \u27e6merging\u27e7 them needs no task vectors.")


# (Checked by hand: "forgeting~1", "forgett*" and the misspelt "forgettign", which the
# search box looks for as "forgettign~2", each find "forgetting", in the last block
# only; "Merging" begins with the typed "merging".)
FAR_MARKED = ["\u27e6Merging\u27e7 models is cheap.", "\u27e6Merging\u27e7 them twice is cheaper.",
              "\u27e6Merging\u27e7 a third time is cheapest.", "Replay stops \u27e6forgetting\u27e7."]


@pytest.mark.parametrize(("query", "value"), [
    ("merging forgeting~1", "forgetting"),
    ("merging forgett*", "forgett*"),
    ("merging forgettign", "forgetting"),
])
def test_a_word_matched_past_the_blocks_a_result_shows_is_marked(open_context, built, query, value):
    """The result said the word was missing, and its link said nothing of it: the
    words its fuzzy or wildcard term found were read in the text the result shows."""
    page = open_context(base=built[1]).new_page()
    values = _open_result(page, query, FAR)
    assert value in values
    assert [marked(page, f".rl-abstract p:nth-of-type({n})") for n in (1, 2, 3, 4)] == FAR_MARKED


def test_a_page_opened_from_disk_marks_its_addresss_words(open_context, built):
    """Opened from file://, the built site marked nothing: the words are marked on
    each page Material's document$ gives, and from disk it gives none (it ends at once:
    instant navigation is left out there). (Search itself needs a web server: from
    disk Material looks for an index the build does not write.)"""
    page = open_context(base=built[1]).new_page()
    address = (built[0] / ADA / "index.html").as_uri()
    page.goto(address + "?" + urlencode([("hw", "merging*"), ("hw", "task*")]))
    page.wait_for_selector(f"{CONTENT} mark", timeout=5000)
    assert marked(page, ".rl-abstract") == (
        "Models merged by AdaMerging keep their \u27e6tasks\u27e7: catastrophic forgetting stays small, "
        "and \u27e6merging\u27e7 them needs no \u27e6task\u27e7 vectors.")
    # A link made before hw, with Material's h.
    page.goto(address + "?" + urlencode([("h", "forget")]))
    page.wait_for_selector(f"{CONTENT} mark", timeout=5000)
    assert marked(page, "h1") == "AdaMerging \u27e6Forgets\u27e7 Less"
    assert parse_qs(urlsplit(page.url).query) == {"hw": ["forget*"]}


@pytest.mark.example
def test_a_leading_wildcard_that_matches_many_words_says_as_many_as_a_page_reads(page):
    """"*e" matches most words of a page: its result's link says the first 32 of them,
    the most a page reads (readinglist.js, WHOLE_MOST), not every one."""
    counts = [len(parse_qs(urlsplit(href).query).get("hw", [])) for href in result_hrefs(page, "*e")]
    assert max(counts) == 32, counts


def test_the_worker_that_says_the_words_matched_loads_only_materials(open_context, built):
    """readinglist-search.js loads the worker its address names: only one of Material's
    name, beside it, never another site's script."""
    page = open_context(base=built[1]).new_page()
    page.goto("")
    errors = page.evaluate("""async names => {
        const folder = "assets/javascripts/workers/readinglist-search.js?worker=";
        return Promise.all(names.map(name => new Promise(done => {
            const worker = new Worker(folder + encodeURIComponent(name));
            worker.addEventListener("error", event => { event.preventDefault(); done(event.message); });
        })));
    }""", ["https://example.org/search.x.js", "//example.org/search.js", "../../evil.js",
           "search.x.js/../../x.js", ""])
    assert all("not Material's search worker" in error for error in errors), errors
