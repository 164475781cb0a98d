"""How fast the All papers table sorts (overrides/assets/table-filter.js), in headless
Chromium, and what sorting costs the page's load and its filter.

Serves a built site on 127.0.0.1 and opens its All papers page, ROUNDS times, each time
once with the site's table-filter.js and once (with --old) with another version of it
served in its place, alternately (and with --new, the new one served in place of the
site's copy, which a build took from overrides/): the time until the filter is shown, then a query
("learning", Enter) and "With code only" as benchmarks/filter_latency.py times them. With
the new script it then clicks the sort buttons in turn, unfiltered and filtered, each
timed until the next frame is drawn (the first click of a column reads its keys from
10,000 rows and sorts them; a column's second click sorts again the other way). Last,
with the filter emptied, "Show all" and then a Year click: since the fifty-third
session a sort after "Show all" draws every row in the new order (before, the first 200).

    git show HEAD~1:overrides/assets/table-filter.js > /tmp/old-filter.js
    .venv/bin/python benchmarks/sort_latency.py SITE --old /tmp/old-filter.js \
        --new overrides/assets/table-filter.js --rounds 3
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.filter_latency import _APPLY, _CODE_ONLY, CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from tests.browser.sitebuild import SiteServer  # noqa: E402

# Clicks a sort button (by its column), then waits for the next frame; the first title shown.
_SORT = """async (key) => {
  const button = document.querySelector(`#rl-all-papers .rl-sort[data-sort="${key}"]`);
  const start = performance.now();
  button.click();
  await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
  const first = document.querySelector('#rl-all-papers tbody:not([hidden]) tr td a');
  return [performance.now() - start, first ? first.textContent : ''];
}"""
CLICKS = ("title", "title", "year", "year", "code", "code")
# "Show all" pressed, every row drawn; then a sort clicked: until its next frame, and the rows shown.
_SHOW_ALL = """async () => {
  const more = [...document.querySelectorAll('#rl-all-papers button.md-button')].find(b => /^Show all/.test(b.textContent));
  const total = Number(more.textContent.replace(/[^0-9]/g, ''));
  const start = performance.now();
  more.click();
  while (document.querySelectorAll('#rl-all-papers tbody:not([hidden]) tr').length < total) {
    await new Promise(r => setTimeout(r, 50));
  }
  await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
  return performance.now() - start;
}"""
# (Until the count line says what is shown: a sort after "Show all" says "Sorting all ..." first.)
_SORT_SHOWN = """async (key) => {
  const button = document.querySelector(`#rl-all-papers .rl-sort[data-sort="${key}"]`);
  const count = document.querySelector('#rl-all-papers').closest('article, body').querySelector('.rl-filter__count');
  const start = performance.now();
  button.click();
  while (/^Sorting/.test(count.textContent)) {
    await new Promise(r => setTimeout(r, 20));
  }
  await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
  return [performance.now() - start, document.querySelectorAll('#rl-all-papers tbody:not([hidden]) tr').length];
}"""
# The sort alone (where the script sorts), in a page not sorted yet: each state's rows in order (the first of a
# column reads its keys from every row), without drawing them.
_SORT_ALONE = """() => {
  const sort = document.getElementById('rl-all-papers').readinglistSort;
  const out = {};
  for (const state of ['title', '-title', 'year', '-code', 'code']) {
    const start = performance.now();
    sort.set(state);
    const rows = sort.rows();
    out[state] = [performance.now() - start, rows.length];
  }
  sort.set('');
  return out;
}"""


def _load(browser, url: str, old: str | None) -> tuple[object, float]:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    if old is not None:
        page.route("**/assets/table-filter.js", lambda route: route.fulfill(
            body=old, content_type="application/javascript"))
    start = time.process_time(), time.perf_counter()
    page.goto(url)
    page.wait_for_selector(".rl-filter:not([hidden])", timeout=300_000)
    return page, time.perf_counter() - start[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="a built site folder")
    parser.add_argument("--old", type=Path, help="another table-filter.js to alternate with")
    parser.add_argument("--new", type=Path, help="the table-filter.js to serve in place of the site's")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    old = args.old.read_text(encoding="utf-8") if args.old else None
    new = args.new.read_text(encoding="utf-8") if args.new else None
    times: dict[str, list[float]] = {}

    def note(name: str, ms: float) -> None:
        times.setdefault(name, []).append(ms)

    with SiteServer(args.site) as server, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        url = server.base_url + "papers/"
        for _ in range(args.rounds):
            for variant, script in (("old", old), ("new", new)) if old is not None else (("new", new),):
                page, shown = _load(browser, url, script)
                note(f"{variant}: filter shown (ms)", shown * 1000)
                note(f"{variant}: query 'learning'", page.evaluate(_APPLY, "learning")[0])
                note(f"{variant}: emptied", page.evaluate(_APPLY, "")[0])
                note(f"{variant}: With code only", page.evaluate(_CODE_ONLY)[0])
                if page.locator("#rl-all-papers .rl-sort").count():
                    for state, (elapsed, _) in page.evaluate(_SORT_ALONE).items():
                        note(f"{variant}: sort alone (no drawing): {state}", elapsed)
                    page.evaluate("() => { const b = document.querySelector('.rl-filter__code');"
                                  " b.checked = false; b.dispatchEvent(new Event('change')); }")
                    for n, key in enumerate(CLICKS):
                        elapsed, first = page.evaluate(_SORT, key)
                        note(f"{variant}: sort: {key} ({'first' if n % 2 == 0 else 'second'} click)", elapsed)
                    page.evaluate(_APPLY, "learning")
                    for n, key in enumerate(CLICKS):
                        elapsed, first = page.evaluate(_SORT, key)
                        note(f"{variant}: filtered: {key} ({'first' if n % 2 == 0 else 'second'} click)", elapsed)
                    page.evaluate(_APPLY, "")
                    note(f"{variant}: Show all (every row drawn)", page.evaluate(_SHOW_ALL))
                    elapsed, shown_rows = page.evaluate(_SORT_SHOWN, "year")
                    note(f"{variant}: after Show all: year ({shown_rows} rows shown)", elapsed)
                page.close()
        browser.close()
    for name, values in times.items():
        print(f"{name:>45}: median {statistics.median(values):6.0f} ms, "
              f"{min(values):.0f}-{max(values):.0f} over {len(values)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
