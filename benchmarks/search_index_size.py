"""The search index's size per paper, shaped from a project's content without MkDocs.

A built site's search/search_index.json holds Material's entries of the hand-written
and topic pages besides the papers'; those do not change with search.py's paper
entries, so this shapes the papers' entries (generator/search.py's shape_index, topics
assigned by the keyword rules as a build assigns them) over a home page alone, and
counts the bytes of the JSON as the site writes it: the entries, the vocabulary, and
the bytes per paper beyond the abstracts' own text (`search_latency.index_figures`'
measure, for the "search index < 2.5 KB per paper beyond the abstract" target).

To compare search.py's versions on one input, run it with another checkout's
generator first on the path:

    .venv/bin/python benchmarks/search_index_size.py content/ [--generator OTHER_CHECKOUT]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("content", type=Path)
    parser.add_argument("--generator", type=Path, default=REPO, help="the checkout whose generator/ to use")
    args = parser.parse_args()
    sys.path.insert(0, str(args.generator.resolve()))
    from generator import build, search, topics
    from generator.models import Site

    content, _, _ = build.load(args.content.resolve())
    assignments = topics.assign_topics(content.papers, content.topics)
    site = Site(content.papers, content.topics, assignments, {})
    home = {"config": {"lang": ["en"], "separator": search.SEPARATOR, "pipeline": ["stopWordFilter"]},
            "docs": [{"location": "", "title": "Home", "text": "<p>Welcome</p>"}]}
    start = time.process_time()
    shaped = search.shape_index(home, site)
    cpu = time.process_time() - start
    raw = search.dumps(shaped).encode()
    papers = [doc for doc in shaped["docs"] if doc["location"].startswith("papers/")]
    entries = sum(len(search.dumps(doc).encode()) + 1 for doc in papers)
    vocabulary = len(search.dumps(shaped["config"]["vocabulary"]).encode())
    # (The abstract is the text's last paragraph, as index_figures reads it.)
    abstracts = sum(len(doc["text"].rsplit("<p>", 1)[-1].removesuffix("</p>").encode()) for doc in papers)
    n = max(len(papers), 1)
    print(json.dumps({
        "generator": str(args.generator), "papers": len(papers), "index_bytes": len(raw),
        "entries_per_paper": round(entries / n, 1), "vocabulary_per_paper": round(vocabulary / n, 1),
        "bytes_per_paper": round(len(raw) / n, 1),
        "bytes_per_paper_beyond_abstract": round((len(raw) - abstracts) / n, 1),
        "shape_cpu_s": round(cpu, 2),
    }))


if __name__ == "__main__":
    main()
