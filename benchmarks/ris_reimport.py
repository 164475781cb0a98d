"""What an RIS export as Zotero writes it (no ID: no citation key) costs an import and an
unchanged re-import (importmatch.record_name: such a record is known by its DOI).

    .venv/bin/python benchmarks/ris_reimport.py [--n N] [--rounds R] COMMIT...

An .ris of N records (the synthetic list's titles and abstracts, with authors, venue,
year, pages and a DOI each, no ID line; KEEP_LIST names another listing) is imported into
an empty project, then imported again unchanged, then again with one record corrected
(an author added). The generator of each COMMIT ("." the working tree) runs from a folder
of its own, the commits alternating; printed: each import's CPU seconds (user and system,
the child's, start-up included; the user time alone in brackets), as keep_sources.py.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from keep_sources import LIST, alternated, import_each  # noqa: E402


def ris(n: int, corrected: bool) -> str:
    from synth import read_listing

    pairs = read_listing(LIST.read_text(encoding="utf-8"))[:n]
    records = []
    for i, (title, abstract) in enumerate(pairs):
        authors = [f"Author{i % 97}, Ada", f"Writer{i % 89}, Bob"]
        if corrected and i == n // 2:
            authors.append("Third, Carl")
        records.append("\n".join([
            "TY  - CONF", f"TI  - {title}", *(f"AU  - {a}" for a in authors),
            "T2  - International Conference on Machine Learning", f"PY  - {2015 + i % 10}",
            f"SP  - {i % 500 + 1}", f"EP  - {i % 500 + 9}", f"DO  - 10.5555/Bench.{i}",
            f"AB  - {' '.join(abstract.split())}", "ER  - ", "",
        ]))
    return "\n".join(records)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("commits", nargs="+")
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f}", flush=True)
    texts = [ris(args.n, False), ris(args.n, False), ris(args.n, True)]
    for n, commit, code, scratch in alternated(args.commits, args.rounds):
        (fresh, unchanged, corrected), _ = import_each(code, scratch, "zotero.ris", texts, "--no-keep-source")
        print(f"round {n} {commit}: import {fresh:.2f} s, unchanged re-import {unchanged:.2f} s,"
              f" one record corrected {corrected:.2f} s CPU", flush=True)
    print(f"load average {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
