"""What reading an RIS export whose chapters name each editor under both ED and A2 costs
(ris._authors and the earlier imports' readings of the editors, _editors_read_before).

    .venv/bin/python benchmarks/ris_editors_read.py [--n N] [--rounds R] [--plain] TREE...

N chapters (default 10,000), each with an author, "Thrun, S." and "Pratt, Lorien<i>"
under ED and "Thrun, Sebastian" and "Pratt, Lorien<i>" under A2 (--plain: journal
articles with three authors and no editor). Each TREE (a checkout: `git worktree add
/tmp/old COMMIT`; "." this one) reads the text in a process of its own, the trees
alternating; printed: the CPU seconds of `ingest.parse_text` alone (no start-up).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

_READ = """\
import sys, time
sys.path.insert(0, sys.argv[1])
from generator.errors import Problems
from generator.ingest import parse_text
n, plain = int(sys.argv[2]), sys.argv[3] == "plain"
records = [
    f"TY  - JOUR\\nTI  - Paper number {i}\\nAU  - Author{i}, Alice\\nAU  - Vaswani, Ashish\\nAU  - Shazeer, N.\\n"
    f"T2  - Journal {i % 50}\\nPY  - 2020\\nER  - \\n" if plain else
    f"TY  - CHAP\\nTI  - Chapter number {i}\\nAU  - Author{i}, Alice\\nED  - Thrun, S.\\nED  - Pratt, Lorien{i}\\n"
    f"A2  - Thrun, Sebastian\\nA2  - Pratt, Lorien{i}\\nT2  - Learning to Learn {i}\\nPY  - 1998\\nPB  - Springer\\nER  - \\n"
    for i in range(n)
]
text = "\\n".join(records)
start = time.process_time()
assert len(parse_text(text, "bench.ris", Problems())) == n
print(f"{time.process_time() - start:.2f}")
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("trees", nargs="+", type=Path)
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--plain", action="store_true")
    args = parser.parse_args()
    for round_ in range(1, args.rounds + 1):
        for tree in args.trees:
            result = subprocess.run(
                [sys.executable, "-c", _READ, str(tree.resolve()), str(args.n), "plain" if args.plain else "editors"],
                capture_output=True, text=True, check=True,
            )
            print(f"round {round_} {tree}: {result.stdout.strip()} CPU s", flush=True)


if __name__ == "__main__":
    main()
