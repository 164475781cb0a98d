"""A/B of a SEQUENCE of reruns in new processes, each from the memo the last one left.

    .venv/bin/python benchmarks/rerun_sequence.py OLD_TREE NEW_TREE [--edits 6] [--rounds 2]

`rerun_newproc_ab.sh` undoes each edit in the same process and stores the memo, so every
measured run starts from a memo stored after a run like it. A run may leave the memo
unstored (build._redo_is_cheap), and then the runs after it redo its work from the
files: this measures that, as a curator's builds go. Per side, on its own copy of
benchmarks/work/n10000/project (AB_WORK as for rerun_newproc_ab.sh), one round is:
``--edits`` notes edits, each to another paper and each followed by a build in a new
process; two builds with nothing changed; one build after every edit is undone; one more
with nothing changed. Each build is timed as run.py's `rerun` times it: the generator's
import, `generate` and storing the memo after when the run leaves it unsaved (as the
MkDocs hook does), CPU seconds; "in all" is their sum. The two sides alternate, round
by round. Prints one line per build and each round's total per side.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Run in the tree's own code (its generator and its run.py's settings), as `rerun` does.
CHILD = r"""
import json, sys, time
start = time.process_time()
from generator import build
imported = time.process_time() - start
sys.path.insert(0, "benchmarks")
import run
from pathlib import Path
settings = run._settings(Path(sys.argv[1]), cache=True)
start = time.process_time()
result = build.generate(settings, save=False)
generated = time.process_time() - start
start = time.process_time()
if result.unsaved:
    build.store_memo(settings)
stored = time.process_time() - start
print(json.dumps({"import": imported, "generate": generated, "store": stored,
                  "written": len(result.report.written), "stored": result.unsaved}))
"""


def _settle(path: Path) -> None:
    """An edit made 10 s before the build (see run.py's _settle)."""
    info = path.stat()
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns - 10_000_000_000))


def _build(tree: Path, python: str, project: Path) -> dict:
    done = subprocess.run([python, "-c", CHILD, str(project)], cwd=tree, capture_output=True,
                          text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def _round(side: str, tree: Path, python: str, project: Path, edits: int, number: int) -> float:
    papers = sorted((project / "content" / "papers").glob("*.yml"))
    originals: list[tuple[Path, str]] = []
    steps = [f"notes {n + 1}" for n in range(edits)] + ["none", "none", "undone", "none"]
    total = 0.0
    for n, step in enumerate(steps):
        if step.startswith("notes"):
            # Other papers each round, so that no round starts from the last one's.
            target = papers[(len(papers) // 7) * (n + 1) + number]
            text = target.read_text(encoding="utf-8")
            originals.append((target, text))
            target.write_text(text.replace("\nabstract:", "\nnotes: |\n  A note added by the curator.\nabstract:", 1), encoding="utf-8")
            _settle(target)
        elif step == "undone":
            for target, text in originals:
                target.write_text(text, encoding="utf-8")
                _settle(target)
        figures = _build(tree, python, project)
        in_all = figures["import"] + figures["generate"] + figures["store"]
        total += in_all
        print(f"round {number} {side} {step}: in all {in_all:.3f} (import {figures['import']:.3f},"
              f" generate {figures['generate']:.3f}, store {figures['store']:.3f}), {figures['written']} written,"
              f" {'stored' if figures['stored'] else 'not stored'}", flush=True)
    print(f"round {number} {side}: {len(steps)} builds, in all {total:.2f} s", flush=True)
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("old", type=Path)
    parser.add_argument("new", type=Path)
    parser.add_argument("--edits", type=int, default=6)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    work = Path(os.environ.get("AB_WORK", ROOT / "benchmarks" / "work" / "n10000"))
    python = os.environ.get("PYTHON", str(ROOT / ".venv" / "bin" / "python"))
    scratch = Path(tempfile.mkdtemp())
    try:
        projects = {}
        for side, tree in (("old", args.old), ("new", args.new)):
            project = projects[side] = scratch / side
            (project / "docs").mkdir(parents=True)
            shutil.copytree(work / "project" / "content", project / "content")
            shutil.copy(work / "project" / "mkdocs.yml", project)
            shutil.copytree(work / "project" / "overrides", project / "overrides", symlinks=False)
            (project / "generator").symlink_to(tree.resolve() / "generator")
            subprocess.run([python, "-m", "compileall", "-q", str(tree / "generator")], check=True,
                           stdout=subprocess.DEVNULL)
            time.sleep(3)  # (files younger than 2 s are never kept in the file cache)
            _build(tree, python, project)  # the clean build the sequence starts from
            time.sleep(3)
        totals: dict[str, list[float]] = {"old": [], "new": []}
        for number in range(1, args.rounds + 1):
            for side, tree in (("old", args.old), ("new", args.new)):
                totals[side].append(_round(side, tree, python, projects[side], args.edits, number))
        for side, figures in totals.items():
            print(f"{side}: in all per round " + ", ".join(f"{t:.2f}" for t in figures) + " s")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
