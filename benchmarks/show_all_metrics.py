"""Where "Show all" and a sort after it spend their time on the All papers page, in
headless Chromium: the wall time (as benchmarks/sort_latency.py times them) and the
renderer's own sums from the devtools Performance domain (Layout, RecalcStyle, Script and
Task seconds, Performance.getMetrics before and after each step).

Then, the page opened again, "Show 1,000 more" where the script offers it.

Each VARIANT is NAME=CSS[,JS]: that stylesheet served as readinglist.css (and that
script as table-filter.js), so a change of either is measured against the site's own
in one run, the variants alternated round by round:

    cp overrides/assets/readinglist.css /tmp/base.css
    .venv/bin/python benchmarks/show_all_metrics.py SITE base=/tmp/base.css \
        fixed=/tmp/fixed.css --rounds 3

(BENCHMARKS.md, "The fifty-third session: Show all at 10,000 rows".)

``--more-only``: "Show 1,000 more" alone, on a page of its own opened in a new
browser context, ``--settle`` seconds after the filter shows, the variants' order
reversed every other round: the steps before it (Show all's 10,000 rows, the page left
and closed) and the order in a round made the second variant's click the slower
(BENCHMARKS.md, "The fifty-fifth session: Show 1,000 more, fix17's script against the old").
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.filter_latency import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from benchmarks.sort_latency import _SHOW_ALL, _SORT_SHOWN  # noqa: E402
from tests.browser.sitebuild import SiteServer  # noqa: E402

# "Show 1,000 more" pressed: until its rows are there and the next frame is drawn.
_SHOW_MORE = """async () => {
  const shown = () => document.querySelectorAll('#rl-all-papers tbody:not([hidden]) tr').length;
  const more = [...document.querySelectorAll('#rl-all-papers button.md-button')].find(b => /more$/.test(b.textContent));
  const want = shown() - 1 + 1000;
  const start = performance.now();
  more.click();
  while (shown() < want) {
    await new Promise(r => setTimeout(r, 20));
  }
  await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
  return performance.now() - start;
}"""
VIEWPORT = {"width": 1280, "height": 900}
METRICS = ("LayoutDuration", "RecalcStyleDuration", "ScriptDuration", "TaskDuration")


def _served(body: str, kind: str):
    # (One parameter: Playwright passes the request too to a handler that takes two.)
    return lambda route: route.fulfill(body=body, content_type=kind)


def _sums(cdp) -> list[float]:
    got = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    return [got[key] for key in METRICS]


def _page(new_page, base_url: str, files: str):
    """A page of ``new_page()`` at All papers, with the variant's ``files`` (CSS[,JS])
    served in the site's own's place, and its devtools session; the filter shown."""
    css, _, js = files.partition(",")
    page = new_page()
    page.route("**/readinglist.css*", _served(Path(css).read_text(encoding="utf-8"), "text/css"))
    if js:
        page.route("**/table-filter.js*", _served(Path(js).read_text(encoding="utf-8"), "text/javascript"))
    cdp = page.context.new_cdp_session(page)
    cdp.send("Performance.enable")
    _opened(page, base_url)
    return page, cdp


def _opened(page, base_url: str) -> None:
    page.goto(base_url + "papers/", wait_until="load", timeout=300_000)
    page.locator(".rl-filter").wait_for(state="visible", timeout=300_000)


def _show_more(page, cdp, name: str, n: int, figures: dict) -> None:
    """Round ``n``'s "Show 1,000 more" of variant ``name``: its figures kept and printed."""
    before = _sums(cdp)
    wall = page.evaluate(_SHOW_MORE) / 1000
    spent = [after - then for then, after in zip(before, _sums(cdp))]
    figures.setdefault((name, "Show 1,000 more"), []).append([wall, *spent])
    print(f"round {n + 1} {name}: Show 1,000 more: wall {wall:.2f} s, layout {spent[0]:.2f}, "
          f"style {spent[1]:.2f}, script {spent[2]:.2f}, task {spent[3]:.2f}", flush=True)


def _more_alone(browser, base_url: str, variant: str, n: int, settle: float, figures: dict) -> None:
    """Round ``n``'s "Show 1,000 more" of ``variant`` (NAME=CSS[,JS]), on a page of a
    context of its own, ``settle`` seconds after the filter shows."""
    name, _, files = variant.partition("=")
    context = browser.new_context(viewport=VIEWPORT)
    page, cdp = _page(context.new_page, base_url, files)
    page.wait_for_timeout(settle * 1000)
    _show_more(page, cdp, name, n, figures)
    context.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="a built site folder")
    parser.add_argument("variants", nargs="+", help="NAME=CSS[,JS]")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--more-only", action="store_true", help='"Show 1,000 more" alone, order alternated')
    parser.add_argument("--settle", type=float, default=2.0, help="seconds after the filter shows (--more-only)")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    figures: dict[tuple[str, str], list[list[float]]] = {}
    with SiteServer(args.site) as server, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for n in range(args.rounds):
            if args.more_only:
                for variant in args.variants[:: -1 if n % 2 else 1]:
                    _more_alone(browser, server.base_url, variant, n, args.settle, figures)
                continue
            for variant in args.variants:
                name, _, files = variant.partition("=")
                page, cdp = _page(lambda: browser.new_page(viewport=VIEWPORT), server.base_url, files)
                for step, script, arg in (("Show all", _SHOW_ALL, None), ("Year after it", _SORT_SHOWN, "year")):
                    before = _sums(cdp)
                    result = page.evaluate(script, arg) if arg else page.evaluate(script)
                    spent = [after - then for then, after in zip(before, _sums(cdp))]
                    wall = (result[0] if arg else result) / 1000
                    figures.setdefault((name, step), []).append([wall, *spent])
                    print(f"round {n + 1} {name}: {step}: wall {wall:.2f} s, layout {spent[0]:.2f}, "
                          f"style {spent[1]:.2f}, script {spent[2]:.2f}, task {spent[3]:.2f}", flush=True)
                # "Show 1,000 more" (since the fifty-fourth session), from the first rows of
                # the page opened again, where the script offers it.
                _opened(page, server.base_url)
                if page.locator("#rl-all-papers button.md-button", has_text="more").count():
                    _show_more(page, cdp, name, n, figures)
                page.close()
        browser.close()
    for (name, step), rows in figures.items():
        wall, layout, style, script, task = (statistics.median(column) for column in zip(*rows))
        print(f"median {name}: {step}: wall {wall:.2f} s, layout {layout:.2f}, style {style:.2f}, "
              f"script {script:.2f}, task {task:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
