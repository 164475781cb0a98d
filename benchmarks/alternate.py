"""A snippet of Python run in each of several checkouts' own processes, the checkouts
alternating round by round: the way this folder's A/B scripts compare two commits on a
shared, noisy machine (figures taken at different times are never compared).

    from alternate import runs  # (a script run as `python benchmarks/x.py` finds it)
    for round_, tree, words in runs(trees, rounds, SNIPPET, arg, ...): ...

Each run is `python -c SNIPPET ARG...` with the tree as its working directory, so it
imports that tree's generator; ``words`` is its standard output split on white space.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator, Sequence


def runs(trees: Sequence[str], rounds: int, snippet: str, *args: object) -> Iterator[tuple[int, str, list[str]]]:
    for n in range(rounds):
        for tree in trees:
            out = subprocess.run(
                [sys.executable, "-c", snippet, *map(str, args)], cwd=tree, check=True, capture_output=True, text=True
            ).stdout.split()
            yield n + 1, tree, out
