"""How long a Ctrl-C pressed as a build publishes waits: two commits' staged_site.publish
alternated, each replacing an old site of PAGES page folders (a 10,000-paper site's
10,000 or so, each an index.html of PAGE_BYTES) by a small built one, with a SIGINT sent
to itself as the old site's deletion begins (shutil.rmtree's first call). Prints, per
run, the seconds from the SIGINT to the KeyboardInterrupt reaching the caller (wall and
process time): the deletion, where the interrupt is held for it, else next to nothing.

    .venv/bin/python benchmarks/ctrl_c_publish.py OLD NEW [ROUNDS] [PAGES]

Each commit's generator is taken with `git archive` into a scratch folder; each run is
a child process of its own (the folders on this machine's /tmp file system).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PAGE_BYTES = 30_000

CHILD = """
import os, shutil, signal, sys, time
from pathlib import Path
from generator import staged_site

work, pages = Path(sys.argv[1]), int(sys.argv[2])
site = work / "site"
text = "x" * int(sys.argv[3])
for number in range(pages):
    page = site / "papers" / f"p{number}"
    page.mkdir(parents=True)
    (page / "index.html").write_text(text)
staging = staged_site.begin(site)
(staging / "index.html").write_text("new")
rmtree, sent = shutil.rmtree, []

def interrupted(path, *args, **kwargs):
    if not sent:
        sent.append((time.perf_counter(), time.process_time()))
        os.kill(os.getpid(), signal.SIGINT)
    return rmtree(path, *args, **kwargs)

shutil.rmtree = interrupted
try:
    staged_site.publish(site, staging)
except KeyboardInterrupt:
    wall, cpu = time.perf_counter() - sent[0][0], time.process_time() - sent[0][1]
    print(f"{wall:.3f} {cpu:.3f}")
else:
    print("no interrupt")
shutil.rmtree = rmtree
"""


def main() -> None:
    old, new = sys.argv[1], sys.argv[2]
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    pages = int(sys.argv[4]) if len(sys.argv) > 4 else 10_000
    with tempfile.TemporaryDirectory() as scratch:
        sides = {}
        for name, commit in (("old", old), ("new", new)):
            folder = Path(scratch) / name
            folder.mkdir()
            archive = subprocess.run(["git", "-C", str(REPO), "archive", commit, "generator"], check=True, capture_output=True)
            subprocess.run(["tar", "-x", "-C", str(folder)], input=archive.stdout, check=True)
            sides[name] = folder
        for number in range(1, rounds + 1):
            for name, folder in sides.items():
                with tempfile.TemporaryDirectory(dir=scratch) as work:
                    done = subprocess.run(
                        [sys.executable, "-c", CHILD, work, str(pages), str(PAGE_BYTES)],
                        cwd=folder, capture_output=True, text=True, check=True,
                    )
                print(f"round {number} {name} from SIGINT to KeyboardInterrupt wall/process s: {done.stdout.strip()}")


if __name__ == "__main__":
    main()
