"""What a paper's citation and its COinS cost per author (export_bibtex.entry_texts, coins.coins).

    .venv/bin/python benchmarks/cite_names.py [--n N] [--rounds R] TREE...

N papers (10,000) of 1 to 9 authors each, every name its own (seeded: the same names for
every tree), one in ten with a particle ("van", "de"), one in fifty with a suffix, one in
fifty an organisation's. Each TREE's generator (a checkout: `git worktree add DIR
COMMIT`) takes them in a process of its own, the trees alternating, in a build's order:
every paper's BibTeX entries, then every page's COinS. Printed: each phase's CPU seconds
(time.process_time, the imports and the papers' making left out) and the digest of the
entries, which must be one for all trees that write the same BibTeX.
"""

from __future__ import annotations

import argparse

from alternate import runs

# The names' maker (seeded), which benchmarks/organisation_rule.py asks too.
NAMES = """
import random
rnd = random.Random(1)
def word(letters, size):
    return "".join(rnd.choice(letters) for _ in range(size)).capitalize()
def name():
    roll = rnd.random()
    if roll < 0.02:
        return word("abcdefghij", 6) + " Research Lab"
    given, surname = word("abcdefghij", 5), word("klmnopqrst", 7)
    if roll < 0.12:
        surname = rnd.choice(["van ", "de ", "von "]) + surname
    return f"{given} {surname}" + (", Jr." if roll > 0.98 else "")
"""

_RUN = NAMES + """
import hashlib, sys, time
from generator.coins import coins
from generator.export_bibtex import entry_texts
from generator.models import Paper
n = int(sys.argv[1])
papers = [Paper(id=f"p{i}", title=f"Title {i}", abstract="", year=2020, venue="NeurIPS",
                authors=tuple(name() for _ in range(rnd.randint(1, 9)))) for i in range(n)]
start = time.process_time()
entries = [entry_texts(p) for p in papers]
middle = time.process_time()
spans = [coins(p) for p in papers]
end = time.process_time()
names = sum(len(p.authors) for p in papers)
digest = hashlib.sha256(repr(entries).encode()).hexdigest()[:12]
print(f"{middle - start:.3f} {end - middle:.3f} {names} {digest}")
"""


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("trees", nargs="+")
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    for round_, tree, out in runs(args.trees, args.rounds, _RUN, args.n):
        entries, spans = float(out[0]), float(out[1])
        print(f"round {round_} {tree}: entries {entries:.3f} s, COinS {spans:.3f} s, both {entries + spans:.3f} s"
              f" CPU; {out[2]} names, entries' digest {out[3]}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
