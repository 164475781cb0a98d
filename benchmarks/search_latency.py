"""How fast the site's search answers its first query, in headless Chromium.

Serves a built site on 127.0.0.1, opens the home page in a fresh browser context (cold
cache), types a query into the search box as soon as the page has loaded, and times
until the first result is on screen. Material fetches search/search_index.json and
builds its lunr index in a web worker right after the page loads, so this time covers
fetching, indexing and answering. Also reports the index's size per paper beyond the
abstracts' own text.

    .venv/bin/python benchmarks/search_latency.py site/
    .venv/bin/python benchmarks/search_latency.py site/ --papers 1000 --papers 10000

With ``--papers N`` the site is copied and its paper entries replaced by N synthetic
papers (benchmarks/synth.py: Markov abstracts trained on the shipped list, so word
statistics match), shaped exactly as generator/search.py shapes real ones. Only the
paper entries grow with the list (tables of papers are kept out of the index), so this
is the index a built N-paper site would have.

With ``--answers`` it times, instead, how long a query takes to be answered once the
index is ready (the worker built it): from the query's keyup to the line above the
results (readinglist.js's count line), in each site given, a fresh page each round, the
sites taken in turn round after round (alternating an old and a new build of one site),
every ``--query`` in each (median over ``--runs`` rounds, wall ms):

    .venv/bin/python benchmarks/search_latency.py --answers OLD_SITE NEW_SITE \
        --query "+transfer learning" --query "transfer learning" --runs 7
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import random
import shutil
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Sequence
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from generator.models import Link, Paper  # noqa: E402
from generator.search import INDEX_PATH, dumps, paper_entry  # noqa: E402
from tests.browser.sitebuild import SiteServer  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
NAMES = ("Ada", "Alan", "Grace", "Edsger", "Barbara", "Donald", "Frances", "John", "Leslie", "Radia")
SURNAMES = ("Lovelace", "Turing", "Hopper", "Dijkstra", "Liskov", "Knuth", "Allen", "Backus",
            "Lamport", "Perlman", "Zhang", "Wang", "Li", "Chen", "Kumar", "Garcia")


def is_paper(location: str) -> bool:
    return location.startswith("papers/") and location != "papers/"


def index_figures(site_dir: Path) -> dict[str, float]:
    """Index size, and bytes per paper beyond the abstract's own text."""
    raw = (site_dir / INDEX_PATH).read_bytes()
    docs = json.loads(raw)["docs"]
    papers = [d for d in docs if is_paper(d["location"])]
    # The abstract is the last paragraph of a paper's text (see search.paper_entry).
    abstracts = sum(len(d["text"].rsplit("<p>", 1)[-1].removesuffix("</p>").encode()) for d in papers)
    return {
        "papers": len(papers),
        "index_bytes": len(raw),
        "abstract_bytes": abstracts,
        "bytes_per_paper_beyond_abstract": (len(raw) - abstracts) / max(len(papers), 1),
    }


def synthetic_site(site_dir: Path, n: int, into: Path) -> Path:
    """A copy of ``site_dir`` whose search index holds ``n`` synthetic papers."""
    import synth

    target = into / f"site-{n}"
    shutil.copytree(site_dir, target)
    index = json.loads((target / INDEX_PATH).read_text(encoding="utf-8"))
    real = [d for d in index["docs"] if is_paper(d["location"])]
    tag_sets = [d.get("tags", []) for d in real] or [[]]
    rng = random.Random(n)
    entries = []
    for i, sp in enumerate(synth.synthesise(n, seed=1)):
        links = ()
        if sp.code_url:
            parts = urlsplit(sp.code_url.rstrip(".")).path.strip("/").split("/")
            links = (Link(url=sp.code_url, kind="code", host="github", repo="/".join(parts[:2])),)
        paper = Paper(
            id=f"synthetic-{i:05d}", title=sp.title, abstract=sp.abstract,
            authors=tuple(f"{rng.choice(NAMES)} {rng.choice(SURNAMES)}" for _ in range(rng.randint(2, 9))),
            year=rng.randint(2019, 2026), links=links, added=dt.date(2026, 1, 1),
        )
        entries.append(paper_entry(paper, tag_sets[sp.parent % len(tag_sets)]))
    others = [d for d in index["docs"] if not is_paper(d["location"])]
    (target / INDEX_PATH).write_text(dumps({**index, "docs": others + entries}), encoding="utf-8")
    return target


def first_answer_ms(browser, base_url: str, query: str) -> dict[str, float]:
    """One cold run: ms from the load event (and from navigation start) to the first result."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    outside: list[str] = []

    def route(r):
        if urlsplit(r.request.url).hostname == "127.0.0.1":
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.goto(base_url, wait_until="load")
    page.fill(".md-search__input", query)
    page.press(".md-search__input", "End")  # Material reads the box on keyup
    answered = page.wait_for_function(
        "() => document.querySelector('.md-search-result__item') && performance.now()",
        timeout=120_000, polling="raf",
    ).json_value()
    load_end = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
    marks = page.evaluate(
        "Object.fromEntries(performance.getEntriesByType('mark')"
        ".filter(m => m.name.startsWith('readinglist:')).map(m => [m.name.slice(19), m.startTime]))"
    )
    context.close()
    if outside:
        raise RuntimeError(f"requests left localhost: {outside}")
    return {
        "from_load_ms": answered - load_end,
        "from_navigation_ms": answered,
        # where the time goes: fetching and parsing the index (until it is sent to the
        # worker), then lunr building its index in the worker
        "index_sent_ms": marks.get("setup", float("nan")),
        "worker_build_ms": marks.get("ready", float("nan")) - marks.get("setup", float("nan")),
    }


def measure(site_dir: Path, query: str, runs: int) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    figures = index_figures(site_dir)
    with SiteServer(site_dir) as server, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            first_answer_ms(browser, server.base_url, query)  # warm the OS file cache
            samples = [first_answer_ms(browser, server.base_url, query) for _ in range(runs)]
        finally:
            browser.close()
    figures["first_answer_from_load_ms"] = statistics.median(s["from_load_ms"] for s in samples)
    figures["first_answer_from_navigation_ms"] = statistics.median(s["from_navigation_ms"] for s in samples)
    figures["index_sent_ms"] = statistics.median(s["index_sent_ms"] for s in samples)
    figures["worker_build_ms"] = statistics.median(s["worker_build_ms"] for s in samples)
    figures["runs"] = runs
    return figures


# In the page: the box cleared (Material's "Type to start searching"), then ``query``
# typed; ms from its keyup until the count line is written above the results.
_ANSWER_JS = """async (query) => {
  const input = document.querySelector(".md-search__input");
  const meta = document.querySelector(".md-search-result__meta");
  const type = (text) => {
    input.value = text;
    input.dispatchEvent(new KeyboardEvent("keyup", { key: "End", bubbles: true }));
  };
  const until = (test) => new Promise((done) => {
    if (test()) { done(); return; }
    const watch = new MutationObserver(() => { if (test()) { watch.disconnect(); done(); } });
    watch.observe(meta, { childList: true, characterData: true, subtree: true });
  });
  type("");
  await until(() => /Type to start/.test(meta.textContent));
  const start = performance.now();
  type(query);
  // (The count line, readinglist.js's countLine: "9 pages with both words, ..." for a
  // query of several words, which "found" alone waited for forever.)
  await until(() => /^(?:No page found|[0-9,]+ pages? (?:found|with))/.test(meta.textContent));
  return performance.now() - start;
}"""


def answer_ms(browser, base_url: str, queries: Sequence[str]) -> dict[str, float]:
    """One page: each query's answer time (ms) once the worker has built the index."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(base_url, wait_until="load")
    page.focus(".md-search__input")
    page.wait_for_function(
        "() => performance.getEntriesByName('readinglist:search-ready').length > 0", timeout=120_000)
    try:
        return {query: page.evaluate(_ANSWER_JS, query) for query in queries}
    finally:
        context.close()


def measure_answers(sites: Sequence[Path], queries: Sequence[str], runs: int) -> list[dict[str, float]]:
    """Each site's median answer time per query, the sites taken in turn each round."""
    from playwright.sync_api import sync_playwright

    samples: list[dict[str, list[float]]] = [{query: [] for query in queries} for _ in sites]
    with contextlib.ExitStack() as stack:
        servers = [stack.enter_context(SiteServer(site)) for site in sites]
        pw = stack.enter_context(sync_playwright())
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        stack.callback(browser.close)
        for server in servers:
            answer_ms(browser, server.base_url, queries)  # warm the OS file cache
        for _ in range(runs):
            for server, taken in zip(servers, samples):
                for query, ms in answer_ms(browser, server.base_url, queries).items():
                    taken[query].append(ms)
    return [{query: statistics.median(ms) for query, ms in taken.items()} for taken in samples]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site_dir", type=Path, nargs="?", help="a built site (with search/search_index.json)")
    parser.add_argument("--answers", type=Path, nargs="+", metavar="SITE",
                        help="time each --query's answer once the index is ready, in each of these sites")
    parser.add_argument("--papers", type=int, action="append", default=[],
                        help="also measure with N synthetic papers (repeatable)")
    parser.add_argument("--query", action="append",
                        help="the query typed (default: language models; repeatable with --answers)")
    parser.add_argument("--runs", type=int, default=5, help="cold runs per site; the median is reported")
    args = parser.parse_args(argv)
    queries = args.query or ["language models"]
    sites = args.answers or ([args.site_dir] if args.site_dir else [])
    if not sites or (args.answers and args.site_dir):
        parser.error("give a site_dir, or --answers SITE...")
    for site in sites:
        if not (site / INDEX_PATH).is_file():
            print(f"{site / INDEX_PATH} does not exist: build the site first.", file=sys.stderr)
            return 2
    if args.answers:
        medians = measure_answers(args.answers, queries, args.runs)
        print("| query | " + " | ".join(str(site) for site in args.answers) + " |")
        print("|---|" + "---:|" * len(args.answers))
        for query in queries:
            print(f"| `{query}` | " + " | ".join(f"{m[query]:.0f} ms" for m in medians) + " |")
        return 0

    with tempfile.TemporaryDirectory(prefix="search-latency-") as tmp:
        sites = [("as built", args.site_dir)]
        sites += [(f"{n} papers", synthetic_site(args.site_dir, n, Path(tmp))) for n in args.papers]
        print("| site | papers | index | beyond abstracts, per paper | first answer after load "
              "| after navigation start | index sent to worker | worker builds index |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|")
        for label, site in sites:
            f = measure(site, queries[0], args.runs)
            print(
                f"| {label} | {f['papers']:,} | {f['index_bytes'] / 1e6:.2f} MB "
                f"| {f['bytes_per_paper_beyond_abstract']:.0f} B "
                f"| {f['first_answer_from_load_ms']:.0f} ms | {f['first_answer_from_navigation_ms']:.0f} ms "
                f"| {f['index_sent_ms']:.0f} ms | {f['worker_build_ms']:.0f} ms |",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
