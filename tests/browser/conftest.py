"""Headless Chromium against the shipped site, built once and served on loopback.

Every page a test opens is guarded: any request to a host other than the loopback
server (or for a local file) is recorded and aborted, and console errors and uncaught
exceptions are recorded; a test fails at teardown if either list is not empty. Its
search is watched, so that a test can wait for the answer to the whole query typed
(wait_for_search).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from .fixturelist import add_wide_tables
from .sitebuild import ROOT, SiteServer, build_site, served_fixture_site

CHROMIUM = os.environ.get("READINGLIST_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
SCREENSHOTS = ROOT / "build" / "screenshots"  # git-ignored

# Material asks its search worker on every key typed (once the index is loaded; before,
# it asks for the box's whole text when it is), and the worker answers each question in
# order, Material drawing each answer as it comes: a test that reads the results after
# typing may read the answer to the first keys. Every page a test opens counts the
# questions asked and the answers come (readinglist.js wraps the Worker this wraps, and
# starts workers/readinglist-search.js, which loads Material's, in its place; it hands on
# every question and answer; Material's messages of type 2 are questions, of type 3
# answers): see wait_for_search.
WATCH_SEARCH = """(() => {
    const Native = window.Worker;
    if (typeof Native !== "function") return;
    const seen = window.__rlSearch = { asked: 0, answered: 0 };
    window.Worker = class extends Native {
        constructor(url, options) {
            super(url, options);
            this.rlWatched = /\\/workers\\/(?:search\\.[^/]*|readinglist-search)\\.js/.test(String(url));
            if (this.rlWatched) {
                this.addEventListener("message", ev => { if (ev.data && ev.data.type === 3) seen.answered += 1; });
            }
        }
        postMessage(message, ...rest) {
            if (this.rlWatched && message && message.type === 2) seen.asked += 1;
            return super.postMessage(message, ...rest);
        }
    };
})()"""

# Every transition and animation that runs on the page, finished (a transition cut short
# by another is waited for through the one that replaced it; one without end would never
# be): what a test reads after a hover, a palette switch or a drawer opening is the end
# state, not a moment of it.
ANIMATIONS_FINISHED = """async () => {
    const running = () => document.getAnimations().filter(a => a.playState === "running"
        && a.effect && a.effect.getComputedTiming().endTime !== Infinity);
    for (let now = running(); now.length; now = running()) {
        await Promise.all(now.map(a => a.finished.catch(() => null)));
    }
}"""


# The real Material search worker (or readinglist-search.js, by its address), fed the
# site's index: each query's pages and best scores. Its ranking must be the Python
# replica's (generator/search.py), which the ranking tests rely on. (A query may be a
# message's fields, {data, required}, as readinglist.js posts them; with ``groups``
# true, each group's entries, as [location, score, terms].)
WORKER_RANKING = """async ([workerUrl, queries, groups]) => {
    const index = await (await fetch("search/search_index.json")).json();
    const worker = new Worker(workerUrl);
    const next = () => new Promise(resolve => worker.addEventListener(
        "message", ev => resolve(ev.data), { once: true }));
    worker.postMessage({ type: 0, data: { ...index, options: { suggest: false } } });
    await next();
    const out = [];
    for (const query of queries) {
        worker.postMessage(typeof query === "string" ? { type: 2, data: query } : { type: 2, ...query });
        const { data } = await next();
        out.push(data.items.map(group => groups ? group.map(item => [item.location, item.score, item.terms]) : (() => {
            const best = Math.max(...group.map(item => item.score));
            const page = group.find(item => !item.location.includes("#")) || group[0];
            return [page.location.split("#")[0], best];
        })()));
    }
    worker.terminate();
    return out;
}"""


def html_document(body: str, head: str = "") -> str:
    """A whole page around ``body``, as Material writes the site's: a doctype, without
    which Chromium lays the page out in quirks mode (line boxes, table cells and inline
    images sized otherwise than on the site), and a charset, without which a page
    served without one, and the scripts and stylesheets it loads, are read as
    windows-1252."""
    return (f"<!doctype html><html lang='en'><head><meta charset='utf-8'>{head}</head>"
            f"<body>{body}</body></html>")


def wait_for_search(page) -> None:
    """Until the search box shows the answer to the whole query typed in it, not to its
    first keys: every question Material asked its worker has its answer. Call it once
    the last key is typed (a key's question is asked as the key goes up)."""
    page.wait_for_function(
        """() => {
            const seen = window.__rlSearch;
            if (!seen) throw new Error("the page's search is not watched (conftest.WATCH_SEARCH)");
            return seen.asked > 0 && seen.answered === seen.asked;
        }"""
    )


def result_hrefs(page, query: str) -> list[str]:
    """The address each result of ``query``, typed in the search box of the site's
    home page, links to; not a section's (an address with a fragment)."""
    page.goto("")
    page.locator(".md-search__input").press_sequentially(query)
    wait_for_search(page)
    return page.eval_on_selector_all(
        ".md-search-result__item > .md-search-result__link",
        "links => links.map(a => a.href).filter(href => !new URL(href).hash)")


def refined_both_ways(page, config: dict, queries: list[str]) -> tuple[list, list]:
    """Each of ``queries`` refined by readinglist.js on ``page`` (an opened page of the
    site) and by search.py, with the index's ``config``: its terms and its words to rank
    by, [refined, words] each, the browser's then Python's."""
    from generator.lemmas import by_form
    from generator.search import Vocabulary, query_words, refine_query

    in_browser = page.evaluate(
        "([queries, separator, inflections, vocabulary]) => {"
        " const forms = window.readinglistByForm(inflections);"
        " const words = window.readinglistVocabulary(vocabulary);"
        " return queries.map(q => [window.readinglistRefine(q, new RegExp(separator), forms, words),"
        "  window.readinglistRefineWords(q, new RegExp(separator), forms, words)]); }",
        [queries, config["separator"], config["inflections"], config["vocabulary"]],
    )
    forms, vocabulary = by_form(config["inflections"]), Vocabulary(config["vocabulary"])
    in_python = [
        [refine_query(q, config["separator"], forms, vocabulary),
         [list(w) for w in query_words(q, config["separator"], forms, vocabulary)]]
        for q in queries
    ]
    return in_browser, in_python


def wait_for_animations(page) -> None:
    """Until every transition and animation running on the page has finished."""
    page.evaluate(ANIMATIONS_FINISHED)


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    return build_site(tmp_path_factory.getbasetemp())


@pytest.fixture(scope="session")
def base_url(site_dir) -> str:
    with SiteServer(site_dir) as server:
        yield server.base_url


@pytest.fixture(scope="session")
def published_url(tmp_path_factory) -> str:
    """The site as GitHub Pages serves a project: under a sub-path (/rl/), built with
    that address as its site_url (CI sets SITE_URL so)."""
    root = tmp_path_factory.mktemp("pages")
    with SiteServer(root) as server:
        url = server.base_url + "rl/"
        build_site(tmp_path_factory.getbasetemp(), site_url=url, site_dir=root / "rl")
        yield url


@pytest.fixture(scope="session")
def tables_url(tmp_path_factory) -> str:
    """The fixture list with wide tables (fixturelist.py), built once, served at the
    address it is built for (so that instant navigation works)."""
    with served_fixture_site(tmp_path_factory.mktemp("tables") / "project", add_wide_tables) as url:
        yield url


@pytest.fixture(scope="session")
def papers(site_dir) -> list[dict]:
    return json.loads((site_dir / "papers.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class Guard:
    """What a page did that it must not: leave localhost, or log an error."""

    outside: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@pytest.fixture
def guard() -> Guard:
    return Guard()


@pytest.fixture
def open_context(browser, base_url, guard):
    """A factory of guarded browser contexts; all are checked and closed at teardown."""
    contexts = []

    def route(route_):
        url = urlsplit(route_.request.url)
        # (A file of the built site opened from disk, file://, is no request off the machine.)
        if url.hostname in ("127.0.0.1", "localhost", "::1") or (url.scheme == "file" and not url.netloc):
            route_.continue_()
        else:
            guard.outside.append(route_.request.url)
            route_.abort()

    def on_console(message):
        if message.type == "error":
            guard.errors.append(f"console: {message.text} ({message.location.get('url', '')})")

    def make(viewport=DESKTOP, color_scheme="light", base=None, **options):
        context = browser.new_context(
            viewport=viewport, color_scheme=color_scheme, base_url=base or base_url, **options
        )
        context.route("**/*", route)
        context.add_init_script(WATCH_SEARCH)
        context.on("page", lambda page: (
            page.on("console", on_console),
            page.on("pageerror", lambda exc: guard.errors.append(f"page error: {exc}")),
        ))
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()
    assert guard.outside == [], "requests left localhost"
    assert guard.errors == [], "console errors"


@pytest.fixture
def page(open_context):
    return open_context().new_page()


def page_kinds(site_dir: Path, papers: list[dict]) -> dict[str, str]:
    """One URL (relative to the site root) for every kind of page the site has."""
    topics = sorted(p.name for p in (site_dir / "topics").iterdir() if (p / "index.html").is_file())
    with_related = next(p for p in papers if p["related"] and p["code"])
    kinds = {
        "home": "",
        "topics": "topics/",
        "topic": f"topics/{topics[0]}/",
        "all-papers": "papers/",
        "paper": with_related["url"],
        "404": "404.html",
    }
    generated = {"index.html", "404.html", "papers", "topics", "search", "assets", "sitemap.xml"}
    hand = sorted(p.name for p in site_dir.iterdir()
                  if p.name not in generated and (p / "index.html").is_file())
    kinds.update({f"page-{name}": f"{name}/" for name in hand})
    return kinds


@pytest.fixture
def styled(browser):
    """A factory of pages showing some HTML, as the templates write it, in the site's
    stylesheet (inside Material's .md-typeset) at a viewport: layout tests of markup
    the shipped list does not have (a whole page, in standards mode as the site's)."""
    css = (ROOT / "overrides" / "assets" / "readinglist.css").read_text(encoding="utf-8")
    contexts = []

    def show(html: str, viewport: dict):
        contexts.append(browser.new_context(viewport=viewport))
        page = contexts[-1].new_page()
        page.set_content(html_document(f"<div class='md-typeset'>{html}</div>", head=f"<style>{css}</style>"))
        return page

    yield show
    for context in contexts:
        context.close()
