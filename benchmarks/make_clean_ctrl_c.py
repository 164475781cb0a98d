"""What a Ctrl-C pressed as `make clean` starts prints: two commits' Makefile and
generator/ alternated, each run in a throwaway project (site/, docs/, .venv/bin), its
process group sent a SIGINT (as a terminal sends it, to make, the shell and python) at
each of DELAYS seconds after `make -s clean` starts. Prints, per delay and commit, how
many runs ended each way:

- traceback: Python printed one (KeyboardInterrupt amid an import, or in its start-up);
- stopped: make clean's own line ("make clean: stopped; ...");
- done: site/ deleted, nothing said (done before the SIGINT came: a small project takes
  tenths of a second);
- killed: site/ still there, nothing of make clean's and no traceback (the SIGINT came
  before Python set its handler, or before python started: make's "Interrupt" line, if
  make had set its own handler).

Then the CPU seconds of Python's start-up as the Makefile runs it, with and without -S,
for a module that imports nothing but signal (the part no code of make clean's can
catch a Ctrl-C in), alternated.

    python3 benchmarks/make_clean_ctrl_c.py OLD NEW [ROUNDS]

Run with the system's python3, as `make clean` is (PYTHON is what the Makefile finds).
Each commit's Makefile and generator/ are taken with `git archive` into a scratch folder.
"""

from __future__ import annotations

import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DELAYS = (0.0, 0.02, 0.04, 0.06, 0.08, 0.1, 0.13, 0.16, 0.2, 0.25, 0.3, 0.4)
KINDS = ("traceback", "stopped", "done", "killed")


def _checkout(commit: str, into: Path) -> Path:
    into.mkdir(parents=True)
    archive = subprocess.run(
        ["git", "-C", str(REPO), "archive", commit, "Makefile", "generator"], check=True, capture_output=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into


def _run(tree: Path, project: Path, delay: float) -> str:
    (project / "site" / "papers").mkdir(parents=True)
    (project / "docs").mkdir()
    (project / ".venv" / "bin").mkdir(parents=True)
    (project / "generator").symlink_to(tree / "generator", target_is_directory=True)
    shutil.copy(tree / "Makefile", project / "Makefile")
    clean = subprocess.Popen(
        ["make", "-s", "clean"], cwd=project, stderr=subprocess.PIPE, text=True, start_new_session=True
    )
    time.sleep(delay)
    try:
        os.killpg(clean.pid, signal.SIGINT)
    except ProcessLookupError:
        pass
    said = clean.communicate()[1]
    deleted = not (project / "site").exists()
    shutil.rmtree(project)
    if "Traceback" in said or "Fatal Python error" in said:
        return "traceback"
    if "make clean: stopped" in said:
        return "stopped"
    return "done" if deleted else "killed"


def _startup_cpu(flags: list[str], folder: Path) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([sys.executable, *flags, "-m", "only_signal"], cwd=folder, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def main() -> None:
    old, new = sys.argv[1], sys.argv[2]
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 8
    with tempfile.TemporaryDirectory(prefix="make-clean-ctrl-c-") as scratch:
        work = Path(scratch)
        trees = {"old": _checkout(old, work / "old"), "new": _checkout(new, work / "new")}
        counts = {(name, delay): Counter() for name in trees for delay in DELAYS}
        for number in range(rounds):
            for delay in DELAYS:
                for name, tree in trees.items():
                    counts[name, delay][_run(tree, work / f"project-{number}", delay)] += 1
        print(f"{'delay':>6}  " + "  ".join(f"{name} ({'/'.join(KINDS)})" for name in trees))
        for delay in DELAYS:
            cells = ["/".join(str(counts[name, delay][kind]) for kind in KINDS) for name in trees]
            print(f"{delay:6.2f}  " + "  ".join(f"{cell:>30}" for cell in cells))
        totals = {name: sum(counts[name, delay]["traceback"] for delay in DELAYS) for name in trees}
        print("tracebacks in all:", ", ".join(f"{name} {n}/{rounds * len(DELAYS)}" for name, n in totals.items()))

        (work / "only_signal.py").write_text("import signal\n")
        cpu: dict[str, list[float]] = {"site": [], "-S": []}
        for _ in range(max(rounds, 5) * 3):
            cpu["site"].append(_startup_cpu([], work))
            cpu["-S"].append(_startup_cpu(["-S"], work))
        for name, seconds in cpu.items():
            seconds.sort()
            print(
                f"start-up ({name}): CPU median {seconds[len(seconds) // 2] * 1000:.1f} ms,"
                f" middle {seconds[len(seconds) // 10] * 1000:.1f}-{seconds[-1 - len(seconds) // 10] * 1000:.1f} ms"
            )


if __name__ == "__main__":
    main()
