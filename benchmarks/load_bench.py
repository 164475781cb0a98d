"""Loading `content/` and assigning topics: CPU time, clean and on a rerun.

    .venv/bin/python benchmarks/load_bench.py --sizes 1000 10000 --repeat 3

For each size, on the project benchmarks/run.py left in benchmarks/work/nN/project:

* **clean**: a fresh process runs `curation.load_content` and then topic assignment
  as `generate` does it (`build.Memo().assign_topics`: compile the topics, assign
  every paper);
* **rerun**: on a copy of `content/` in /tmp, one process loads with a `FileCache`
  and assigns topics (warming the memo), then, for each of: the same files again,
  one paper file touched (new stamp, same text), one paper's abstract edited, it
  loads again with the warm cache and assigns topics with the warm memo. Then the
  memo makes a pickle round trip in that process (protocol 5, as `cache.write` and
  `cache.read` do, without the file) and, after another abstract is edited, the
  copy loads and assigns topics. Both edited loads are checked against a load
  without any cache (same papers, topics, problems);
* **rerun after pickling**: the memo (with its `FileCache`) of that process is written
  with `cache.write`, as `generate` keeps it; a new process reads it back with
  `cache.read` (timed apart), then loads and assigns topics.

Every figure is CPU time (`time.process_time`) of the step alone, the least of
``--repeat`` fresh processes. Prints a JSON document and a Markdown table.

``--before DIR`` also measures another version of the generator, in the same run and
alternating with this one (so both see the same machine), e.g. the commit before the
speed-ups, extracted with ``git archive 9be17c7 generator | tar -x -C DIR``;
``--before-without-pystemmer`` runs it as it ran then, before PyStemmer was installed
(snowballstemmer uses PyStemmer whenever it can import it).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import pickle
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
WORK = HERE / "work"

# A file changed less than this long ago is never kept in a FileCache (paperdrafts._SETTLED_NS).
SETTLE_SECONDS = 2.2


def _cpu(function, *args):
    start = time.process_time()
    result = function(*args)
    return result, time.process_time() - start


def child_clean(content: str) -> dict:
    from generator.build import Memo
    from generator.curation import load_content

    (loaded, problems), load_s = _cpu(load_content, Path(content))
    assert not problems.has_errors(), problems.format()
    _, topics_s = _cpu(Memo().assign_topics, loaded)
    return {"load": load_s, "topics": topics_s, "papers": len(loaded.papers)}


def _edit_abstract(path: Path, words: str) -> None:
    text = path.read_text(encoding="utf-8")
    marker = "abstract: >-\n  "
    assert marker in text, path
    path.write_text(text.replace(marker, marker + words + " ", 1), encoding="utf-8")


def child_rerun(content: str, memo_dir: str, turn: int) -> dict:
    from generator import cache
    from generator.build import Memo
    from generator.curation import load_content

    folder = Path(content)
    memo = Memo()
    loaded, _ = load_content(folder, cache=memo.files)
    memo.assign_topics(loaded)
    cached = len(memo.files)
    papers = sorted((folder / "papers").glob("*.yml"))
    touched, edited = papers[turn * 7 % len(papers)], papers[(turn * 7 + 3) % len(papers)]
    edited_again = papers[(turn * 7 + 5) % len(papers)]
    out: dict[str, object] = {"cached_files": cached}

    def rerun(name: str) -> None:
        (content_now, problems), out[f"{name}_load"] = _cpu(
            lambda: load_content(folder, cache=memo.files)
        )
        _, out[f"{name}_topics"] = _cpu(memo.assign_topics, content_now)
        if name in ("edited", "round_trip"):  # what the cache gave is what a clean load gives
            fresh, fresh_problems = load_content(folder)
            assert content_now == fresh and problems.items == fresh_problems.items

    rerun("same")
    os.utime(touched)
    rerun("touched")
    # The synthetic abstracts reuse the seed's words; new words also exercise stemming.
    _edit_abstract(edited, f"Zebrafish quokkas {turn} outperform transformers.")
    rerun("edited")
    # The memo as a new process reads it (cache.read: no collector while unpickling),
    # but in this process: the load alone, without a new process's cold start.
    blob = pickle.dumps(memo, protocol=pickle.HIGHEST_PROTOCOL)
    gc.disable()
    memo = pickle.loads(blob)
    gc.freeze()
    gc.enable()
    _edit_abstract(edited_again, f"Okapis {turn} outperform quokkas.")
    rerun("round_trip")
    # As generate keeps it: .cache/readinglist/memo.pickle behind a code fingerprint.
    cache.write(Path(memo_dir), memo)
    out["pickle_bytes"] = os.path.getsize(Path(memo_dir) / cache.FILE_NAME)
    return out


def child_unpickled(content: str, memo_dir: str) -> dict:
    from generator import build, cache
    from generator.curation import load_content

    cache.fingerprint()  # hashes the generator's files: not part of reading the memo
    memo, unpickle_s = _cpu(cache.read, Path(memo_dir))
    assert isinstance(memo, build.Memo), memo
    (loaded, problems), load_s = _cpu(lambda: load_content(Path(content), cache=memo.files))
    _, topics_s = _cpu(memo.assign_topics, loaded)
    return {"unpickle": unpickle_s, "load": load_s, "topics": topics_s}


CHILDREN = {"clean": child_clean, "rerun": child_rerun, "unpickled": child_unpickled}


def run_child(name: str, *args: object, code: Path = REPO, hide_pystemmer: bool = False) -> dict:
    options = ["--code", str(code)] + (["--hide-pystemmer"] if hide_pystemmer else [])
    done = subprocess.run(
        [sys.executable, __file__, *options, "--child", name, *map(str, args)],
        check=True,
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def least(runs: list[dict]) -> dict:
    return {key: min(run[key] for run in runs) for key in runs[0]}


def bench(n: int, repeat: int, versions: dict[str, dict]) -> dict:
    """Figures per version of the generator (``versions``: name -> run_child options)."""
    content = WORK / f"n{n}" / "project" / "content"
    if not content.is_dir():
        raise SystemExit(f"{content} is missing: run benchmarks/run.py --sizes {n} first")
    runs: dict[str, dict[str, list[dict]]] = {
        name: {"clean": [], "rerun": [], "unpickled": []} for name in versions
    }
    with tempfile.TemporaryDirectory(prefix=f"load-bench-{n}-") as tmp:
        copy = Path(tmp) / "content"
        shutil.copytree(content, copy)
        time.sleep(SETTLE_SECONDS)  # the copies' ctime is now: let them settle
        memo_dir = Path(tmp) / "cache"
        for turn in range(repeat):
            for name, options in versions.items():  # alternating: the same machine for each
                found = runs[name]
                found["clean"].append(run_child("clean", content, **options))
                found["rerun"].append(run_child("rerun", copy, memo_dir, turn, **options))
                found["unpickled"].append(run_child("unpickled", copy, memo_dir, **options))
    return {
        name: {group: least(results) for group, results in groups.items()}
        for name, groups in runs.items()
    }


def machine() -> dict:
    model = ""
    with open("/proc/cpuinfo", encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=REPO
    ).stdout.strip()
    return {
        "nproc": os.cpu_count(),
        "cpu": model,
        "python": platform.python_version(),
        "commit": commit,
        "load_average": os.getloadavg()[0],
    }


def markdown(results: dict) -> str:
    sizes = list(results["sizes"])
    versions = list(results["sizes"][sizes[0]])
    rows = [
        ("load_content, clean", "clean", "load"),
        ("topics, clean (compile + assign every paper)", "clean", "topics"),
        ("rerun, nothing changed: load", "rerun", "same_load"),
        ("rerun, nothing changed: topics", "rerun", "same_topics"),
        ("rerun, one file touched: load", "rerun", "touched_load"),
        ("rerun, one file touched: topics", "rerun", "touched_topics"),
        ("rerun, one abstract edited: load", "rerun", "edited_load"),
        ("rerun, one abstract edited: topics", "rerun", "edited_topics"),
        ("after a pickle round trip, one abstract edited: load", "rerun", "round_trip_load"),
        ("after a pickle round trip, one abstract edited: topics", "rerun", "round_trip_topics"),
        ("new process: read the memo (cache.read)", "unpickled", "unpickle"),
        ("new process, one abstract edited: load", "unpickled", "load"),
        ("new process, one abstract edited: topics", "unpickled", "topics"),
    ]
    heads = [
        f"N = {n:,} {v}" if len(versions) > 1 else f"N = {n:,}" for n in sizes for v in versions
    ]
    lines = ["| CPU seconds | " + " | ".join(heads) + " |", "|---|" + "---:|" * len(heads)]
    for label, group, key in rows:
        cells = [f"{results['sizes'][n][v][group][key]:.3f}" for n in sizes for v in versions]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    pickled = [
        f"{results['sizes'][n][v]['rerun']['pickle_bytes'] / 1e6:.1f} MB"
        for n in sizes
        for v in versions
    ]
    lines.append("| memo pickle size | " + " | ".join(pickled) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--before", type=Path, help="a folder holding another generator/")
    parser.add_argument("--before-without-pystemmer", action="store_true")
    parser.add_argument("--code", type=Path, default=REPO, help=argparse.SUPPRESS)
    parser.add_argument("--hide-pystemmer", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        sys.path.insert(0, str(args.code))
        if args.hide_pystemmer:
            sys.modules["Stemmer"] = None  # type: ignore[assignment]  # import fails
        name, *rest = args.child
        if name == "rerun":
            rest[2] = int(rest[2])
        print(json.dumps(CHILDREN[name](*rest)))
        return 0
    versions: dict[str, dict] = {"after": {}}
    if args.before:
        versions = {
            "before": {"code": args.before, "hide_pystemmer": args.before_without_pystemmer},
            "after": {},
        }
    results = {
        "machine": machine(),
        "versions": {name: str(options.get("code", REPO)) for name, options in versions.items()},
        "sizes": {n: bench(n, args.repeat, versions) for n in args.sizes},
    }
    text = json.dumps(results, indent=2)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    print(text)
    print(markdown(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
