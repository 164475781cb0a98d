"""What `readinglist check`'s question of every author costs: whether a name the citations
split as a person's reads as an organisation's (names.read_as_organisation).

    .venv/bin/python benchmarks/organisation_rule.py [--n N] [--rounds R]

N names (49,767, as benchmarks/cite_names.py's 10,000 papers name), each its own, made as
cite_names.py makes them (a given name and a surname of random letters, one in ten with a
particle, one in fifty with a suffix, one in fifty an organisation's), and a list of
three real names repeated (two people's and "Hugging Face"). Each round in a process of
its own. Printed: the CPU seconds (time.process_time) of the dictionary loaded (once a
process, on the first name it is asked of: the shipped table of its words,
wordtables.DICTIONARY_TABLE, lemminflect itself before h_rev92's change), of the made-up
names and of the repeated ones, and how many names read as an organisation's.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from cite_names import NAMES

_RUN = NAMES + """
import sys, time
from generator.names import _dictionary_word, read_as_organisation
n = int(sys.argv[1])
names = [name() for _ in range(n)]
real = (["Jane Smith", "Ilya Sutskever", "Hugging Face"] * n)[:n]
start = time.process_time()
_dictionary_word("face")
loaded = time.process_time()
made = sum(map(read_as_organisation, names))
middle = time.process_time()
said = sum(map(read_as_organisation, real))
end = time.process_time()
print(f"{loaded - start:.3f} {middle - loaded:.3f} {end - middle:.3f} {made} {said}")
"""


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=49_767)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    root = Path(__file__).resolve().parent.parent
    for round_ in range(1, args.rounds + 1):
        out = subprocess.run(
            [sys.executable, "-c", _RUN, str(args.n)], cwd=root, check=True, capture_output=True, text=True
        ).stdout.split()
        print(f"round {round_}: dictionary loaded {out[0]} s, {args.n} made-up names {out[1]} s ({out[3]} read"
              f" as an organisation's), {args.n} real names {out[2]} s ({out[4]}) CPU", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
