"""The search index's part of a rerun in a new process, for comparing two versions.

    python benchmarks/search_forms_ab.py OLD_TREE NEW_TREE [--rounds R] [--work DIR]

Each side gets its own copy of benchmarks/work/n10000/project's content (`python
benchmarks/run.py --sizes 10000` once). A round runs, in a new process per side and
alternately (old, new, old, new: the machine is shared), what a `readinglist build`
after a notes edit of one paper (``--note``) runs up to the search index: the generator (its memo
warm), then the hook's on_post_build step, the index of every paper's entry shaped and
written (Material's own entries stand in as one home page). It prints per run the CPU
seconds of the search step (for the new side with `build.read_word_forms` and
`store_word_forms` around it, as mkdocs_hook.py runs them), whether lemminflect and numpy
were imported by the end, and the SHA-256 of the index written: both sides must agree.
The edit is undone (unmeasured) before the next run.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

_INDEX = {
    "config": {"lang": ["en"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"], "fields": {}},
    "docs": [{"location": "", "title": "Home", "text": "<p>Welcome</p>"}],
}


def _child(tree: Path, project: Path) -> None:
    sys.path.insert(0, str(tree.resolve()))
    sys.path.insert(1, str((tree / "benchmarks").resolve()))
    from run import _settings  # (that tree's)

    from generator import build, search

    settings = _settings(project, cache=True)
    site = build.generate(settings).site
    start = time.process_time()
    forms = hasattr(build, "read_word_forms")
    if forms:
        build.read_word_forms(settings.cache_dir)
    out = project / "site"
    out.mkdir(exist_ok=True)
    search.write_index_file(out, _INDEX, site, search.EntryMemo())
    if forms:
        build.store_word_forms(settings.cache_dir)
    cpu = time.process_time() - start
    digest = hashlib.sha256((out / search.INDEX_PATH).read_bytes()).hexdigest()[:16]
    print(json.dumps({"search_cpu_s": round(cpu, 3), "lemminflect": "lemminflect" in sys.modules,
                      "numpy": "numpy" in sys.modules, "index": digest}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("old", type=Path, nargs="?")
    parser.add_argument("new", type=Path, nargs="?")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--work", type=Path, default=Path(__file__).parent / "work" / "n10000")
    parser.add_argument("--note", default="A note added by the curator.",
                        help="the notes the edit adds (run.py's by default, whose 'curator' the"
                        " synthetic list never writes: a word no build has seen)")
    parser.add_argument("--child", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(*args.child)
        return
    scratch = Path(tempfile.mkdtemp())
    try:
        sides = {"old": args.old, "new": args.new}
        for side in sides:
            (scratch / side / "docs").mkdir(parents=True)
            for name in ("content", "mkdocs.yml"):
                source = args.work / "project" / name
                (shutil.copytree if source.is_dir() else shutil.copy)(source, scratch / side / name)
        target = sorted((scratch / "old" / "content" / "papers").glob("*.yml"))[0].name

        def run(side: str) -> dict:
            done = subprocess.run([sys.executable, __file__, "--child", str(sides[side]), str(scratch / side)],
                                  capture_output=True, text=True, check=True)
            return json.loads(done.stdout.splitlines()[-1])

        for side in sides:
            run(side)  # (primes the memo and, on the new side, the word forms)
        time.sleep(3)  # (files younger than 2 s are read again on every run)
        for round_ in range(1, args.rounds + 1):
            for side in sides:
                paper = scratch / side / "content" / "papers" / target
                original = paper.read_text(encoding="utf-8")
                paper.write_text(original.replace(
                    "\nabstract:", f"\nnotes: |\n  {args.note}\nabstract:", 1), encoding="utf-8")
                print(f"round {round_} notes {side}", json.dumps(run(side)), flush=True)
                paper.write_text(original, encoding="utf-8")
                run(side)  # (undone)
    finally:
        shutil.rmtree(scratch)


if __name__ == "__main__":
    main()
