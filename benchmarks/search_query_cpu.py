"""CPU time of search queries on a project's index, shaped without MkDocs, in the terminal's replica.

The papers' entries are shaped as `benchmarks/search_index_size.py` shapes them (a home page
alone besides them); each query is refined (`refine_query`) and answered
(`MaterialSearch.find`) 5 times, and the medians printed, with the pages found. To compare
search.py's versions, run it once with each checkout's generator:

    .venv/bin/python benchmarks/search_query_cpu.py CONTENT --generator OTHER_CHECKOUT "he*" "author:he"
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("content", type=Path)
    parser.add_argument("queries", nargs="+")
    parser.add_argument("--generator", type=Path, default=REPO, help="the checkout whose generator/ to use")
    args = parser.parse_args()
    sys.path.insert(0, str(args.generator.resolve()))
    from generator import build, search, topics
    from generator.models import Site

    content, _, _ = build.load(args.content.resolve())
    site = Site(content.papers, content.topics, topics.assign_topics(content.papers, content.topics), {})
    home = {"config": {"lang": ["en"], "separator": search.SEPARATOR, "pipeline": ["stopWordFilter"]},
            "docs": [{"location": "", "title": "Home", "text": "<p>Welcome</p>"}]}
    engine = search.MaterialSearch(search.shape_index(home, site))
    figures = {}
    for query in args.queries:
        refine, find = [], []
        for _ in range(5):
            start = time.process_time()
            search.refine_query(query, vocabulary=engine.vocabulary)
            refine.append(time.process_time() - start)
            start = time.process_time()
            hits = engine.find(query).hits
            find.append(time.process_time() - start)
        figures[query] = {"refine_ms": round(statistics.median(refine) * 1000, 3),
                          "find_ms": round(statistics.median(find) * 1000, 1), "pages": len(hits)}
    print(json.dumps({"generator": str(args.generator), **figures}))


if __name__ == "__main__":
    main()
