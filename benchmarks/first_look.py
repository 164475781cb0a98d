"""What serve's catch-up of a file saved during its first build costs (firstlook.py):
the look the first build takes of the files the server watches, and the comparison as
the watches start, in CPU seconds, on a project such as benchmarks/work/n10000/project
(read only: nothing is written).

    .venv/bin/python benchmarks/first_look.py /work/main/benchmarks/work/n10000/project [rounds]

A plain build takes no look; only a server's start pays this, once.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from generator import firstlook  # noqa: E402


def main() -> None:
    root = Path(sys.argv[1]).resolve()
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    # (what `watch:` in mkdocs.yml names, and mkdocs.yml, as the server watches them)
    watched = [str(root / name) for name in ("content", "generator/templates", "overrides", "mkdocs.yml")]
    for _ in range(rounds):
        started = time.process_time()
        look = firstlook.take(watched)
        taken = time.process_time()
        changed = firstlook.files_changed(look, watched)
        compared = time.process_time()
        files = sum(len(snapshot.paths) for snapshot in look.snapshots.values() if snapshot)
        print(f"look {taken - started:.3f} s, comparison {compared - taken:.3f} s ({files} paths, {len(changed)} changed)")


if __name__ == "__main__":
    main()
