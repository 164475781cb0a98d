"""The importer's abstract index: 843d9410's `Index._by_abstract` (a bucket's abstracts
reduced at every find) against the current one, alternated in one process, CPU time.

    python benchmarks/abstract_index.py N "one bucket"|distinct

Each of N abstracts is found, then its paper added; then each is found again (a
re-import). "one bucket": abstracts that begin and end alike, as an ACM export's do.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator import matchkeys  # noqa: E402
from generator.importmatch import Index, Paper  # noqa: E402
from generator.matchkeys import abstract_bucket, abstract_key  # noqa: E402

NEW = Index._by_abstract


def _old(self: Index, abstract: str) -> Paper | None:
    indexed = self.by_abstract.get(abstract_bucket(abstract))
    key = abstract_key(abstract) if indexed else ""
    return next((paper for text, paper in indexed if abstract_key(text) == key), None) if key else None


def run(find, abstracts: list[str]) -> tuple[float, list[str | None]]:
    Index._by_abstract = find
    matchkeys._abstract_key.cache_clear()
    index, found = Index(), []
    start = time.process_time()
    for n, abstract in enumerate(abstracts):
        found.append(index._by_abstract(abstract))
        paper = Paper(f"p{n}", Path(f"p{n}.yml"))
        paper.values["abstract"] = abstract
        index.add(paper)
    found += [index._by_abstract(abstract) for abstract in abstracts]
    return time.process_time() - start, [None if paper is None else paper.id for paper in found]


def main() -> None:
    count, case = int(sys.argv[1]), sys.argv[2]
    body = " ".join(f"word{k}" for k in range(150))
    abstracts = {
        "one bucket": [
            f"In this paper, we study question {n} {body} (c) 2020 Association for Computing Machinery."
            for n in range(count)
        ],
        "distinct": [f"Paper {n} opens here: {body} and it ends {n} here." for n in range(count)],
    }[case]
    for round_ in range(3):
        pairs = [("old", _old), ("new", NEW)]
        for label, find in pairs if round_ % 2 == 0 else pairs[::-1]:
            seconds, ids = run(find, abstracts)
            print(case, round_, label, f"{seconds:.3f}", hash(tuple(ids)))


if __name__ == "__main__":
    main()
