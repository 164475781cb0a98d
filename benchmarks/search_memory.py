"""What the papers' search entries hold in memory: the resident memory `search.shape_index`
adds over a list's loaded model, with the words' other forms (generator/lemmas.py) and
without them (lemmas' two hooks made to add nothing), each in a process of its own.

The list is a project's `content/` folder: the shipped one by default, or a benchmark
list (benchmarks/work/n10000/project/content after `benchmarks/run.py --sizes 10000`).

Usage::

    .venv/bin/python benchmarks/search_memory.py [--content DIR]
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO_ROOT)]


def _resident_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def measure(content: Path, other_forms: bool) -> dict[str, float]:
    from generator import build, lemmas, search
    from generator.models import Site

    loaded, _, _ = build.load(content)
    site = Site(papers=tuple(loaded.papers), topics=(), assignments={}, related={})
    if not other_forms:
        lemmas.entry_fields = lambda words: {}
        lemmas.inflections = lambda vocabulary: {}
    gc.collect()
    before = _resident_mb()
    shaped = search.shape_index({"config": {"lang": ["en"]}, "docs": []}, site)
    gc.collect()
    return {
        "papers": len(site.papers), "other_forms": other_forms,
        "added_mb": round(_resident_mb() - before, 1),
        "index_mb": round(len(json.dumps(shaped)) / 2**20, 2),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", type=Path, default=REPO_ROOT / "content")
    parser.add_argument("--one", choices=("with", "without"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(measure(args.content, args.one == "with")))
        return 0
    for one in ("without", "with"):
        # (A process each: the dictionaries, once loaded, stay.)
        subprocess.run([sys.executable, __file__, "--content", str(args.content), "--one", one], check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
