"""What keeping the curator's own text costs an import that updates many paper files.

    python benchmarks/import_update.py [--papers N] [--repeat R]

An import that fills a field of existing files (a BibTeX file giving a listing's papers
their authors, venue and year) edits each file through ruamel.yaml's round trip, then
puts back, entry by entry, the curator's text of everything it did not touch
(`paperfile.keep_own_entries`). This imports N papers into an empty folder, then the
same N with authors, venue and year, and times that second import in CPU seconds, with
the splice and without it (ruamel's whole re-emitted text), alternating, each in its
own process. The ratio is the cost.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

WORDS = (
    "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho"
    " sigma tau"
).split()


def _records(n: int, filled: bool):  # type: ignore[no-untyped-def]
    from generator.errors import Location
    from generator.ingest import Record

    extra = dict(authors=("Ada Lovelace", "Alan Turing"), venue="ICML", year="2024") if filled else {}
    return [
        Record(
            title=" ".join(WORDS[(i * 7 + k * 3) % len(WORDS)] for k in range(4)) + f" {i:05d} study",
            abstract=f"Abstract number {i} about {WORDS[i % len(WORDS)]}.",
            source=Location("b.bib" if filled else "a.txt", i + 1, 1),
            **extra,
        )
        for i in range(n)
    ]


def one_run(n: int, splice: bool) -> dict[str, float | int]:
    """The second import's CPU seconds and files updated, in this process."""
    import generator.importer as importer
    import generator.importwrite as importwrite

    if not splice:
        importwrite.keep_own_entries = lambda original, starts, dumped, touched: dumped
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        importer.import_records(_records(n, False), root, added=dt.date(2026, 1, 2))
        start = time.process_time()
        report = importer.import_records(_records(n, True), root, added=dt.date(2026, 1, 2))
        return {"cpu": time.process_time() - start, "updated": len(report.updated)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--papers", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--one", choices=("splice", "whole"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(one_run(args.papers, args.one == "splice")))
        return 0
    figures: dict[str, list[float]] = {"splice": [], "whole": []}
    for _ in range(args.repeat):
        for mode in ("splice", "whole"):
            out = subprocess.run(
                [sys.executable, __file__, "--papers", str(args.papers), "--one", mode],
                capture_output=True, text=True, check=True,
            ).stdout
            result = json.loads(out)
            assert result["updated"] == args.papers, result
            figures[mode].append(result["cpu"])
    best = {mode: min(times) for mode, times in figures.items()}
    for mode, times in figures.items():
        print(f"{mode}: {', '.join(f'{t:.2f}' for t in times)} s CPU (best {best[mode]:.2f})")
    print(f"{args.papers} files updated; splice / whole (best): {best['splice'] / best['whole']:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
