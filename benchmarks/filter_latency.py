"""How fast the All papers page's filter (overrides/assets/table-filter.js) answers, in
headless Chromium.

Serves a built site on 127.0.0.1, opens its All papers page, waits until the filter is
shown (the page is laid out and the script has run), then for each query sets the text
box, presses Enter (the filter applies at once) and times until the next frame is
drawn. Last, ticks "With code only" alone.

    .venv/bin/python benchmarks/filter_latency.py site/
    .venv/bin/python benchmarks/filter_latency.py benchmarks/work/n10000/project/site/

(A benchmark project's site is built by `benchmarks/run.py`; build it again after a
change to the filter, e.g. `cd benchmarks/work/n10000/project && ../../../../.venv/bin/
python -m generator build`.)
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.browser.sitebuild import SiteServer  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run"]
QUERIES = ("merging", "continual learning", "", "transfer", "zzz", "")
# Sets the query, applies it (Enter), and resolves once the next frame is drawn.
_APPLY = """async (q) => {
  const box = document.querySelector('.rl-filter__text');
  const start = performance.now();
  box.value = q;
  box.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter'}));
  await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
  return [performance.now() - start, document.querySelector('.rl-filter__count').textContent];
}"""
# Ticks "With code only" (the change event the box sends), then the same wait.
_CODE_ONLY = """async () => {
  const box = document.querySelector('.rl-filter__code');
  const start = performance.now();
  box.checked = true;
  box.dispatchEvent(new Event('change'));
  await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
  return [performance.now() - start, document.querySelector('.rl-filter__count').textContent];
}"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="a built site folder")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    with SiteServer(args.site) as server, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        start = time.perf_counter()
        page.goto(server.base_url + "papers/")
        page.wait_for_selector(".rl-filter:not([hidden])", timeout=300_000)
        print(f"filter shown after {time.perf_counter() - start:.2f} s")
        for query in QUERIES:
            elapsed, count = page.evaluate(_APPLY, query)
            print(f"{query or '(emptied)':>20}: {elapsed:7.0f} ms  {count}")
        elapsed, count = page.evaluate(_CODE_ONLY)
        print(f"{'With code only':>20}: {elapsed:7.0f} ms  {count}")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
