"""What keeping an input's copy costs a re-import of an edited .bib (keptsources.py).

    .venv/bin/python benchmarks/keep_sources.py [--n N] [--rounds R] COMMIT...

A .bib of N entries (the synthetic list's titles and abstracts, with keys, authors,
venue and year; KEEP_LIST names another listing) is imported into an empty project,
keeping its copy in content/sources/; then one entry gains an author and the file is
imported again, then another entry gains one and it is imported again (a copy kept
beside the first is weighed against it), then once more unchanged. The generator of
each COMMIT ("." the working tree) runs from a folder of its own, the commits
alternating; printed: the first import's and each re-import's CPU seconds (user and system, the child's,
start-up included; the user time alone in brackets) and what content/sources/ holds after them.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

LIST = Path(os.environ.get("KEEP_LIST", "/work/main/benchmarks/work/n10000/list.txt"))


def bib(n: int, edits: int) -> str:
    from synth import read_listing

    pairs = read_listing(LIST.read_text(encoding="utf-8"))[:n]
    entries = []
    for i, (title, abstract) in enumerate(pairs):
        authors = f"Author{i % 97}, Ada and Writer{i % 89}, Bob"
        if edits > 0 and i == n // 2 or edits > 1 and i == n // 3:
            authors += " and Third, Carl"
        entries.append(
            f"@inproceedings{{key{i},\n  title = {{{title}}},\n  author = {{{authors}}},\n"
            f"  booktitle = {{International Conference on Machine Learning}},\n  year = {{{2015 + i % 10}}},\n"
            f"  abstract = {{{abstract.replace('{', '').replace('}', '')}}},\n}}\n"
        )
    return "\n".join(entries)


class Seconds(float):
    """A command's CPU seconds (user and system), said with the user time apart: the
    system time of creating 10,000 files swings whatever the code."""

    user: float

    def __format__(self, spec: str) -> str:
        return f"{float(self):{spec}} (user {self.user:{spec}})"


def cpu(command: list[str], cwd: Path) -> Seconds:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    seconds = Seconds((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))
    seconds.user = after.ru_utime - before.ru_utime
    return seconds


def side(commit: str, scratch: Path) -> Path:
    folder = scratch / f"{len(list(scratch.iterdir()))}-{commit.replace('/', '_')}"
    folder.mkdir()
    if commit != ".":
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", commit, "generator"], check=True, capture_output=True)
        subprocess.run(["tar", "-x", "-C", str(folder)], input=archive.stdout, check=True)
    else:
        shutil.copytree(ROOT / "generator", folder / "generator")
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(folder / "generator")], check=True, stdout=subprocess.DEVNULL)
    return folder


def import_each(code: Path, scratch: Path, source_name: str, texts: list[str], *options: str) -> tuple[list[Seconds], Path]:
    """Each text written to ``source_name`` and imported in turn into a new, empty project
    by the generator at ``code``; each import's CPU seconds, and the project."""
    # A new folder each time, none removed until the end: ext4 skips the inodes of files
    # deleted in the last minutes when it makes new ones, so a project of 10,000 files
    # removed just before made the next fresh import's 10,000 file creations cost 1-4 s
    # of system time more (0.7 s without; the sixty-sixth session measured it with strace:
    # openat 330 microseconds a call).
    project = scratch / f"project-{len(list(scratch.glob('project-*')))}"
    (project / "content" / "papers").mkdir(parents=True)
    (project / "content" / "topics.yml").write_text("topics: []\n")
    source = scratch / source_name
    command = [sys.executable, "-m", "generator", "--root", str(project), "import", "-q", *options, str(source)]
    seconds = []
    for text in texts:
        source.write_text(text, encoding="utf-8")
        # The import syncs the file system once its files are written (importwrite.py):
        # without this the first import would also pay for writing back the project the
        # round before left, just removed (some 4 s of system time, against 0.6 s).
        os.sync()
        seconds.append(cpu(command, code))
    return seconds, project


def alternated(commits: list[str], rounds: int):
    """(round, commit, the folder of its generator) for each commit of each round, the
    commits alternating, each from a folder of its own in a scratch folder (made first)."""
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        sides = [(commit, side(commit, scratch)) for commit in commits]
        for n in range(rounds):
            for commit, code in sides:
                yield n + 1, commit, code, scratch


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("commits", nargs="+")
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f}", flush=True)
    texts = [bib(args.n, 0), bib(args.n, 1), bib(args.n, 2), bib(args.n, 2)]
    for n, commit, code, scratch in alternated(args.commits, args.rounds):
        (fresh, first, second, unchanged), project = import_each(code, scratch, "lab.bib", texts)
        kept = sorted(p.name for p in (project / "content" / "sources").iterdir())
        print(f"round {n} {commit}: import {fresh:.2f} s, re-import after an edit {first:.2f} s, after another"
              f" {second:.2f} s, unchanged {unchanged:.2f} s CPU; sources: {' '.join(kept)}", flush=True)
    print(f"load average {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
