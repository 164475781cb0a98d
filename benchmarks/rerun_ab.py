"""In-process reruns of one version of the generator, for comparing two versions.

    python benchmarks/rerun_ab.py TREE PROJECT [--rounds R]

TREE is a checkout of the code to measure (`git worktree add /tmp/old COMMIT`; this
repository for the current code); PROJECT a folder with `content/` and `mkdocs.yml`
(a copy of benchmarks/work/nN/project's, a `docs/` of its own). The generator runs as
under `mkdocs serve`: a cold generate, then R rounds of a rerun with nothing changed and
after each of `benchmarks/run.py`'s edits (notes, title, abstract) of one paper, each
undone (unmeasured) before the next. Prints one JSON line: CPU seconds of each rerun and
its phases. Run two versions alternately (A, B, A, B): the machine is shared, and only
figures of one session compare.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("tree", type=Path)
    parser.add_argument("project", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    sys.path.insert(0, str(args.tree.resolve()))  # (that tree's generator and run.py)
    import benchmarks.run as run
    from generator import build

    settings = run._settings(args.project)
    start = time.process_time()
    build.generate(settings)
    out: dict = {"code": str(Path(build.__file__).parent), "cold_cpu_s": round(time.process_time() - start, 2)}
    target = run._target(args.project)
    original = target.read_text(encoding="utf-8")
    try:
        for _ in range(args.rounds):
            for kind in ("none", "notes", "title", "abstract"):
                if kind != "none":
                    target.write_text(run._edited(kind, original), encoding="utf-8")
                start = time.process_time()
                result = build.generate(settings)
                cpu = time.process_time() - start
                phases = {k: round(v, 3) for k, v in result.timings.items()}
                out.setdefault(kind, []).append({"cpu_s": round(cpu, 3), "phases": phases})
                target.write_text(original, encoding="utf-8")
                build.generate(settings)
    finally:
        target.write_text(original, encoding="utf-8")
    print(json.dumps(out))


if __name__ == "__main__":
    main()
