"""What reading a .bib whose entries hold some simple math or ties costs (ingest.parse_text).

    .venv/bin/python benchmarks/bib_math.py [--n N] [--math M] [--ties T] [--rounds R] TREE...
    .venv/bin/python benchmarks/bib_math.py [--n N] [--math M] [--ties T] --write PATH

The .bib of benchmarks/keep_sources.py at N entries, M of them (spread over the file)
with a title "$\\beta$-..." (simple math, read now as "β-...") and T with an abstract
ending "(Table~\\ref{t})" (a tie an earlier version kept). Each TREE's generator (a
checkout: `git worktree add DIR COMMIT`) reads it in a process of its own, the trees
alternating; printed: parse_text's CPU seconds (time.process_time, the imports before
it left out) and the records' digest, which must be one for all trees.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

_READ = """
import hashlib, sys, time
from generator.errors import Problems
from generator.ingest import parse_text
text = open(sys.argv[1], encoding="utf-8").read()
start = time.process_time()
records = parse_text(text, "lab.bib", Problems())
took = time.process_time() - start
print(f"{took:.3f} {len(records)} {hashlib.sha256(repr(records).encode()).hexdigest()[:12]}")
"""


def bib(n: int, math: int, ties: int) -> str:
    from keep_sources import bib as plain

    entries = plain(n, 0).split("\n@")
    for i in range(math):
        at = i * n // math
        entries[at] = entries[at].replace("title = {", "title = {$\\beta$-", 1)
    for i in range(ties):
        at = (i * n // ties + n // (2 * ties)) % n
        entries[at] = entries[at].replace("},\n}", " (Table~\\ref{t})},\n}", 1)
    return "\n@".join(entries)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("trees", nargs="*")
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--math", type=int, default=1)
    parser.add_argument("--ties", type=int, default=0)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--write")
    args = parser.parse_args()
    text = bib(args.n, args.math, args.ties)
    if args.write:
        Path(args.write).write_text(text, encoding="utf-8")
        return 0
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "lab.bib"
        source.write_text(text, encoding="utf-8")
        for n in range(args.rounds):
            for tree in args.trees:
                out = subprocess.run(
                    [sys.executable, "-c", _READ, str(source)], cwd=tree, check=True, capture_output=True, text=True
                ).stdout.split()
                print(f"round {n + 1} {tree}: parse_text {out[0]} s CPU, {out[1]} records, digest {out[2]}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
