"""Benchmark: does a long `serve` session grow with every rebuild?

    .venv/bin/python benchmarks/serve_memory.py [--edits 40] [--every 5]

Copies the repository's project (mkdocs.yml, content/, overrides/, generator/) into a
temporary folder and does there what `readinglist serve` does after each save: edits
one paper's title, then calls MkDocs' build in this same process (dirty, with the
hook, as the server's rebuild does). Every ``--every`` edits it prints, after a full
`gc.collect()`: the objects the collector no longer sees (`gc.get_freeze_count()`: a
frozen cycle is never freed), the objects it tracks, and the resident memory
(/proc/self/statm). A server that keeps nothing of old builds stays flat after the
first few rebuilds. Linux only (statm).
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PAPER = "content/papers/a-survey-on-multi-task-learning.yml"
URL = "http://127.0.0.1:8000/"


def resident_mb() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--edits", type=int, default=40)
    parser.add_argument("--every", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "project"
        root.mkdir()
        shutil.copy(REPO / "mkdocs.yml", root)
        for name in ("content", "overrides", "generator"):
            shutil.copytree(REPO / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
        (root / "docs").mkdir()
        os.chdir(root)
        sys.path.insert(0, str(root))
        os.environ["READINGLIST_SERVING"] = "1"  # as `readinglist serve` sets it
        logging.disable(logging.WARNING)
        from mkdocs.commands.build import build
        from mkdocs.config import load_config

        paper = root / PAPER
        print(f"{'edits':>5} {'frozen':>8} {'tracked':>8} {'resident MB':>12}")
        for n in range(args.edits + 1):
            if n:
                text = re.sub(r"(?m)^title: .*", f"title: Edited {n} times", paper.read_text())
                paper.write_text(text)
            config = load_config(str(root / "mkdocs.yml"), site_dir=str(root / "served"))
            config.site_url = URL
            config.plugins.on_startup(command="serve", dirty=True)
            build(config, serve_url=URL, dirty=True)
            if n % args.every == 0:
                gc.collect()
                print(f"{n:>5} {gc.get_freeze_count():>8} {len(gc.get_objects()):>8}"
                      f" {resident_mb():>12.1f}", flush=True)


if __name__ == "__main__":
    main()
