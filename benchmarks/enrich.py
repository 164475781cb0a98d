"""Give a benchmark project's papers authors, a venue and GitHub's figures.

The synthetic lists of run.py have titles, abstracts, links and topics only (the seed
listing has no more). A list a lab keeps has authors and venues, and, once
`readinglist stars` ran, star counts: this adds them, deterministically, so that what
they cost (pages, the tables' author lines, the filter's data, memory) can be measured.

Usage, after run.py made benchmarks/work/n10000/project::

    cp -r benchmarks/work/n10000/project /tmp/enriched
    .venv/bin/python benchmarks/enrich.py /tmp/enriched
    .venv/bin/readinglist --root /tmp/enriched build -q
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
from pathlib import Path

from generator import repositories
from generator.models import RepoStats

FIRST = (
    "Ada Alan Grace Barbara Edsger Donald Tony Frances Leslie John Shafi Silvio Yann Yoshua "
    "Geoffrey Fei-Fei Daphne Andrew Ilya Oriol"
).split()
LAST = (
    "Lovelace Turing Hopper Liskov Dijkstra Knuth Hoare Allen Lamport McCarthy Goldwasser "
    "Micali LeCun Bengio Hinton Li Koller Ng Sutskever Vinyals García Müller Zhang Wang Chen "
    "Kim Nakamura"
).split()
VENUES = (
    "NeurIPS", "ICML", "ICLR", "ACL", "EMNLP", "arXiv", "Transactions on Machine Learning Research",
    "Proceedings of the 40th International Conference on Machine Learning",
)
_GITHUB = re.compile(r"url: https://github\.com/([^/\s]+)/([^/\s]+)")


def enrich(project: Path, seed: int = 7) -> tuple[int, int]:
    """Authors (1 to 9) and a venue for every paper; GitHub's figures for every GitHub
    code repository. Returns (papers, repositories)."""
    rng = random.Random(seed)
    stats: dict[str, RepoStats] = {}
    files = sorted((project / "content" / "papers").glob("*.yml"))
    for path in files:
        text = path.read_text(encoding="utf-8")
        names = ", ".join(f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(rng.randint(1, 9)))
        text = text.replace("\nauthors: []\n", f'\nauthors: [{names}]\nvenue: "{rng.choice(VENUES)}"\n', 1)
        path.write_text(text, encoding="utf-8")
        for owner, name in _GITHUB.findall(text):
            key = f"github.com/{owner}/{name.removesuffix('.git').rstrip('.')}".lower()
            if repositories.is_key(key):
                stats[key] = RepoStats(rng.randint(0, 50_000), rng.random() < 0.05, dt.date(2026, 11, 30))
    (project / "content" / repositories.FILE_NAME).write_text(repositories.dump(stats), encoding="utf-8")
    return len(files), len(stats)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    papers, repos = enrich(args.project, args.seed)
    print(f"{papers} papers given authors and a venue; {repos} repositories given GitHub's figures")


if __name__ == "__main__":
    main()
