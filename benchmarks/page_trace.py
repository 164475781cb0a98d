"""Where a page's time goes in headless Chromium: a devtools timeline trace of one page's
load, summed by kind of work (styling, layout, script, parsing).

Serves a built site on 127.0.0.1, opens PAGE (the All papers page by default), waits
until the All papers filter is shown when the page has one (else for the load event),
and prints the time to that point and the trace's heaviest kinds of work.

    .venv/bin/python benchmarks/page_trace.py benchmarks/work/n10000/project/site/
    .venv/bin/python benchmarks/page_trace.py SITE --page topics/continual-learning/ --repeat 3

(BENCHMARKS.md, "The fifteenth session": this is how the All papers page's restyling
of its whole table was found.)
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.browser.sitebuild import SiteServer  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run"]
CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline"]


def summary(trace: Path, top: int) -> list[tuple[str, float, int]]:
    """(name, milliseconds, count) of the trace's complete events, heaviest first; the
    task wrappers (RunTask) hold the others and are left out."""
    total: collections.Counter[str] = collections.Counter()
    count: collections.Counter[str] = collections.Counter()
    for event in json.loads(trace.read_text(encoding="utf-8"))["traceEvents"]:
        if event.get("ph") == "X" and "dur" in event and event["name"] != "RunTask":
            total[event["name"]] += event["dur"]
            count[event["name"]] += 1
    return [(name, micro / 1000, count[name]) for name, micro in total.most_common(top)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="a built site folder")
    parser.add_argument("--page", default="papers/", help="the page, relative to the site (default: papers/)")
    parser.add_argument("--repeat", type=int, default=1, help="loads to time (the trace is of the last)")
    parser.add_argument("--top", type=int, default=8, help="kinds of work to list")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    with SiteServer(args.site) as server, sync_playwright() as pw, tempfile.TemporaryDirectory() as tmp:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        trace = Path(tmp) / "trace.json"
        for _ in range(args.repeat):
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            browser.start_tracing(page=page, path=str(trace), categories=CATEGORIES)
            start = time.monotonic()
            page.goto(server.base_url + args.page, wait_until="load", timeout=300_000)
            if page.locator(".rl-filter").count():
                page.locator(".rl-filter").wait_for(state="visible", timeout=300_000)
            print(f"{args.page}: ready after {time.monotonic() - start:.2f} s")
            browser.stop_tracing()
            page.close()
        for name, ms, n in summary(trace, args.top):
            print(f"  {ms:8.0f} ms  {n:6d}x  {name}")
        browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
