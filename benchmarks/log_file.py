"""How long the All papers page takes to load a saved reading log, and to save one.

    python benchmarks/log_file.py SITE [--papers N] [--repeat R]

SITE is a built site folder (a long list: `benchmarks/synth.py` makes one). The site is
served on loopback; headless Chromium opens `papers/#reading-log`, loads a file marking
the first N papers of `papers.json` read ("Load a file"), then saves the log ("Save as
a file"), each timed from the action to the page's message or the download.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.browser.sitebuild import SiteServer  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--papers", type=int, default=9900, help="how many papers the file marks read")
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    ids = [p["id"] for p in json.loads((args.site / "papers.json").read_text(encoding="utf-8"))]
    data = json.dumps(
        {"format": "readinglist reading log", "read": {i: "2026-03-01" for i in ids[: args.papers]}}
    ).encode()
    with SiteServer(args.site) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=os.environ.get("READINGLIST_CHROMIUM", "/usr/bin/chromium"),
            args=["--no-sandbox"],
        )
        for run in range(args.repeat):
            context = browser.new_context(base_url=server.base_url, accept_downloads=True)
            page = context.new_page()
            page.set_default_timeout(120_000)
            page.goto("papers/#reading-log")
            page.locator(".rl-log").wait_for(state="visible")
            with page.expect_file_chooser() as chooser:
                page.get_by_role("button", name="Load a file").click()
            start = time.perf_counter()
            chooser.value.set_files({"name": "log.json", "mimeType": "application/json", "buffer": data})
            page.locator(".rl-log__said").filter(has_text="log.json").wait_for()
            loaded = time.perf_counter() - start
            said = page.locator(".rl-log__said").inner_text()
            start = time.perf_counter()
            with page.expect_download() as download:
                page.get_by_role("button", name="Save as a file").click()
            download.value.path()
            saved = time.perf_counter() - start
            print(f"run {run + 1}: load {loaded:.2f} s ({said}), save {saved:.2f} s")
            context.close()
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
