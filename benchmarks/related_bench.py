"""Benchmark: related papers from scratch, and RelatedIndex.update after one edit.

    .venv/bin/python benchmarks/related_bench.py --sizes 1000 10000

Loads the synthetic projects made by benchmarks/run.py (benchmarks/work/nN/project) and
measures CPU time (time.process_time, the less noisy on a shared machine) for:

- the clean run: ``related_papers`` before this work (generator/related.py as of commit
  ``--old-commit``, read with ``git show``) and now; best of ``--repeat`` runs, taken
  alternately so that both see the same load;
- the state kept between runs: its pickled size, pickling and unpickling time (with
  the cyclic collector paused, as cache.read unpickles, and running);
- ``update`` of an unpickled state (unpickled in this process, timed apart, with
  scikit-learn and scipy imported already: the child-process reruns below show a new
  process's imports) after:
  nothing changed; one title changed ("Revised " prepended, as benchmarks/run.py does);
  one abstract changed ("Revised abstract text." prepended, as benchmarks/run.py does);
  one abstract with a word no other paper has appended (a typo fix);
  the same abstract edit adding a frequent vocabulary word (the word in most papers
  that is still a term, so every paper that has it gets a new vector); one curator
  link added; one paper ruling out its most similar one (``not_related``); the title,
  abstract and typo-fix edits with the cyclic garbage collector
  paused (as build.generate runs); and the title edit again in the same process (as
  under `mkdocs serve`).

Every update is checked to equal (==) ``related_papers`` computed from scratch on the
edited list; the old implementation's result is compared with the new one's too.
scikit-learn and scipy are imported before anything is timed.

Reruns (``--part reruns``, also part of ``--part all``): ``update`` after nothing, a
title edit or an abstract edit (as above), timed

- in one process (as under `mkdocs serve`): the index updated with the unedited list in
  this process, then with the edited one; best of ``--repeat``, each on a deep copy; with
  the cyclic collector paused (as build.generate runs) and running;
- in a new process (as a `readinglist build` after another): a child interpreter loads
  the project (not timed), unpickles the index (timed apart, collector paused as
  cache.read does) and updates it; its time includes whatever the update imports
  (scikit-learn, scipy), which the child reports. Best of ``--repeat`` children.

``--commit C`` measures the reruns with generator/related.py as of commit C instead of
the working tree (read with ``git show``), for before/after figures with one harness.
"""

from __future__ import annotations

import argparse
import copy
import dataclasses
import gc
import os
import pickle
import platform
import subprocess
import sys
import time
import types
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator import related  # noqa: E402
from generator.curation import load_content  # noqa: E402
from generator.related import RelatedIndex, related_papers  # noqa: E402

OLD_COMMIT = "9be17c7"  # the last commit before RelatedIndex


def cpu(call, *args):
    start = time.process_time()
    value = call(*args)
    return time.process_time() - start, value


def old_implementation(commit: str):
    """The old module's related_papers, or None when git cannot show it."""
    try:
        source = subprocess.run(
            ["git", "show", f"{commit}:generator/related.py"],
            cwd=ROOT, check=True, capture_output=True, text=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    module = types.ModuleType("related_old")
    module.__package__ = "generator"  # its `from .models import ...`
    exec(compile(source, f"{commit}:generator/related.py", "exec"), module.__dict__)
    return module.related_papers


def related_module(commit: str | None) -> types.ModuleType:
    """generator/related.py of the working tree, or as of ``commit``.

    The module is registered under a name of its own, so that its index pickles and
    unpickles (also in a child started with the same ``commit``).
    """
    if commit is None:
        return related
    name = f"generator._related_{commit}"
    if name in sys.modules:
        return sys.modules[name]
    source = subprocess.run(
        ["git", "show", f"{commit}:generator/related.py"],
        cwd=ROOT, check=True, capture_output=True, text=True,
    ).stdout
    module = types.ModuleType(name)
    module.__package__ = "generator"  # its `from .models import ...`
    sys.modules[name] = module
    exec(compile(source, f"{commit}:generator/related.py", "exec"), module.__dict__)
    return module


RERUN_CASES = ("nothing", "title", "abstract")


def rerun_papers(papers: list, case: str) -> list:
    """The list after the rerun ``case``: the middle paper in id order edited."""
    ordered = sorted(papers, key=lambda p: p.id)
    target = ordered[len(ordered) // 2]
    edited = list(papers)
    place = papers.index(target)
    if case == "title":
        edited[place] = dataclasses.replace(target, title="Revised " + target.title)
    elif case == "abstract":
        edited[place] = dataclasses.replace(
            target, abstract="Revised abstract text. " + target.abstract)
    return edited


def child(commit: str | None, size: int, blob_path: str, case: str, result_path: str) -> None:
    """One rerun in this (new) process; prints a JSON line with its figures."""
    import json

    related_module(commit)  # registered, so that the pickled index finds its class
    content, _ = load_content(ROOT / f"benchmarks/work/n{size}/project/content")
    papers = rerun_papers(list(content.papers), case)
    blob = Path(blob_path).read_bytes()
    before = set(sys.modules)
    gc.disable()  # as cache.read (unpickling) and build.generate (the update) run
    seconds_load, index = cpu(pickle.loads, blob)
    seconds, result = cpu(index.update, papers)
    gc.enable()
    imported = sorted({m.split(".")[0] for m in set(sys.modules) - before} & {"sklearn", "scipy"})
    Path(result_path).write_bytes(pickle.dumps(dict(result), protocol=pickle.HIGHEST_PROTOCOL))
    print(json.dumps({"unpickle": seconds_load, "update": seconds, "imported": imported}))


def in_memory_copy(index):
    """An independent copy of ``index`` as it is in memory.

    Not copy.copy or copy.deepcopy: they go through ``__getstate__``, which leaves out
    what only lives in memory (as pickling does), so the copy would be an unpickled
    index. The attributes an update changes in place are copied (arrays, the list of
    rows); the others it only replaces.
    """
    clone = object.__new__(type(index))
    vars(clone).update({
        name: copy.copy(value) if isinstance(value, (np.ndarray, list)) else value
        for name, value in vars(index).items()
    })
    return clone


def reruns(size: int, repeat: int, commit: str | None) -> list[tuple[str, str, str]]:
    """The rerun figures (see the module docstring) as table rows."""
    import json
    import tempfile

    module = related_module(commit)
    content, _ = load_content(ROOT / f"benchmarks/work/n{size}/project/content")
    papers = list(content.papers)
    index = module.RelatedIndex()
    index.update(papers)
    blob = pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL)
    label = f"commit {commit}" if commit else "working tree"
    rows: list[tuple[str, str, str]] = [
        (f"rerun state ({label}): pickled size", f"{len(blob) / 1e6:.1f} MB", "")]
    with tempfile.TemporaryDirectory() as folder:
        blob_path = Path(folder) / "index.pickle"
        blob_path.write_bytes(blob)
        result_path = Path(folder) / "result.pickle"
        for case in RERUN_CASES:
            edited = rerun_papers(papers, case)
            expected = related_papers(edited)
            for paused in (True, False):
                best, verdicts = float("inf"), set()
                for _ in range(repeat):
                    warm = in_memory_copy(index)
                    if paused:
                        gc.disable()
                    try:
                        seconds, updated = cpu(warm.update, edited)
                    finally:
                        gc.enable()
                    best = min(best, seconds)
                    verdicts.add(updated == expected)
                collector = "paused" if paused else "running"
                rows.append((f"rerun, same process (collector {collector}): {case}",
                             f"{best:.3f} s", _verdict(verdicts)))
            figures, verdicts = [], set()
            for _ in range(repeat):
                command = [sys.executable, str(Path(__file__).resolve()), "--sizes", str(size),
                           "--child", case, str(blob_path), str(result_path)]
                if commit:
                    command += ["--commit", commit]
                out = subprocess.run(command, cwd=ROOT, check=True, capture_output=True,
                                     text=True).stdout
                figures.append(json.loads(out.strip().splitlines()[-1]))
                verdicts.add(pickle.loads(result_path.read_bytes()) == dict(expected))
            best = min(figures, key=lambda f: f["update"])
            imported = ", ".join(best["imported"]) or "nothing"
            rows.append((f"rerun, new process: {case}", f"{best['update']:.3f} s",
                         f"{_verdict(verdicts)}; unpickling {min(f['unpickle'] for f in figures):.3f} s "
                         f"before it; imported {imported}"))
    return rows


def _verdict(verdicts: set[bool]) -> str:
    return "== from scratch" if verdicts == {True} else "DIFFERS from scratch"


def frequent_term(index: RelatedIndex, paper_row: int) -> str:
    """The vocabulary term in most papers that the given paper lacks."""
    counts = index._counts
    df = np.bincount(counts.indices, minlength=counts.shape[1])
    vocab = index._vocab
    own = set(counts.indices[counts.indptr[paper_row] : counts.indptr[paper_row + 1]].tolist())
    candidates = [t for t in vocab[np.argsort(-df[vocab], kind="stable")].tolist() if t not in own]
    return index._terms[candidates[0]]


def bench(size: int, repeat: int, old) -> list[tuple[str, str, str]]:
    content, _ = load_content(ROOT / f"benchmarks/work/n{size}/project/content")
    papers = list(content.papers)
    rows: list[tuple[str, str, str]] = []

    clean_new, clean_old = [], []
    for _ in range(repeat):
        if old is not None:
            seconds, old_result = cpu(lambda: old(papers))
            clean_old.append(seconds)
        seconds, result = cpu(lambda: related_papers(papers))
        clean_new.append(seconds)
    if old is not None:
        rows.append(("clean run, before", f"{min(clean_old):.2f} s", ""))
        differing = sum(old_result[pid] != result[pid] for pid in result)
        rows.append(("clean run, now", f"{min(clean_new):.2f} s",
                     f"{differing} papers' lists differ from before"))
    else:
        rows.append(("clean run, now", f"{min(clean_new):.2f} s", ""))

    index = RelatedIndex()
    index.update(papers)
    seconds, blob = cpu(lambda: pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL))
    rows.append(("pickle the state", f"{seconds:.3f} s", f"{len(blob) / 1e6:.1f} MB"))
    gc.disable()
    try:
        seconds, _ = cpu(lambda: pickle.loads(blob))
    finally:
        gc.enable()
    rows.append(("unpickle the state (collector paused)", f"{seconds:.3f} s", ""))
    seconds, _ = cpu(lambda: pickle.loads(blob))
    rows.append(("unpickle the state (collector running)", f"{seconds:.3f} s", ""))

    ordered = sorted(papers, key=lambda p: p.id)
    at = len(ordered) // 2
    target = ordered[at]
    place = papers.index(target)

    def edited(**changes):
        new = list(papers)
        new[place] = dataclasses.replace(target, **changes)
        return new

    word = frequent_term(index, at)
    df = int(np.bincount(index._counts.indices)[index._terms.index(word)])
    linker = papers.index(ordered[0])
    relinked = list(papers)
    relinked[linker] = dataclasses.replace(
        ordered[0], related=ordered[0].related + (target.id,)
    )
    # The first paper rules out its most similar one (not_related): both rows change.
    ruled = list(papers)
    ruled[linker] = dataclasses.replace(
        ordered[0], not_related=(result[ordered[0].id][0].paper,)
    )
    cases = [
        ("nothing changed", papers),
        ("one title", edited(title="Revised " + target.title)),
        ("one abstract", edited(abstract="Revised abstract text. " + target.abstract)),
        # A typo fixed: the new spelling is in no other paper, so only this paper's
        # vector changes (and the terms' df do not cross the vocabulary's limits).
        ("one abstract, a word new to the list",
         edited(abstract=target.abstract + " Zqxjkv.")),
        (f"one abstract + '{word}' (in {df} papers)",
         edited(abstract=f"Revised abstract text {word}. " + target.abstract)),
        ("one curator link", relinked),
        ("one not_related", ruled),
    ]
    for name, new_papers in cases:
        fresh = pickle.loads(blob)
        seconds, updated = cpu(fresh.update, new_papers)
        expected = related_papers(new_papers)
        verdict = "== from scratch" if updated == expected else "DIFFERS from scratch"
        rows.append((f"update (unpickled): {name}", f"{seconds:.3f} s", verdict))
    # The result objects (about 60,000 RelatedPaper at 10,000 papers) are pickled with
    # the state; building them all from the arrays would cost this instead.
    fresh = pickle.loads(blob)
    seconds, _ = cpu(lambda: fresh._row_results(np.arange(len(papers))))
    rows.append(("building all result objects (not part of an update)", f"{seconds:.3f} s",
                 "they are pickled with the state"))
    # build.generate pauses the cyclic collector (commit d0790c2): the same edits so.
    for name, new_papers in cases[1:4]:
        paused = pickle.loads(blob)
        gc.disable()
        try:
            seconds, updated = cpu(paused.update, new_papers)
        finally:
            gc.enable()
        verdict = "== from scratch" if updated == related_papers(new_papers) else "DIFFERS"
        rows.append((f"update (unpickled, collector paused): {name}", f"{seconds:.3f} s",
                     verdict))
    warm = pickle.loads(blob)
    warm.update(papers)  # result rows built, as in a long-running process
    new_papers = cases[1][1]
    seconds, updated = cpu(lambda: warm.update(new_papers))
    verdict = "== from scratch" if updated == related_papers(new_papers) else "DIFFERS"
    rows.append(("update (same process): one title", f"{seconds:.3f} s", verdict))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--old-commit", default=OLD_COMMIT)
    parser.add_argument("--part", choices=("all", "reruns"), default="all")
    parser.add_argument("--commit", default=None,
                        help="measure the reruns with generator/related.py as of this commit")
    parser.add_argument("--child", nargs=3, metavar=("CASE", "STATE", "RESULT"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        case, state, result = args.child
        child(args.commit, args.sizes[0], state, case, result)
        return

    import scipy.sparse  # noqa: F401  (imports are not what is measured)
    import sklearn.feature_extraction.text  # noqa: F401

    old = old_implementation(args.old_commit)
    cpu_name = next(
        (line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
         if line.startswith("model name")),
        platform.processor(),
    ) if Path("/proc/cpuinfo").exists() else platform.processor()
    print(f"machine: {os.cpu_count()} CPUs, {cpu_name}; Python {platform.python_version()}; "
          f"k={related.TOP_K}, margin={related._MARGIN}")
    for size in args.sizes:
        print(f"\n### {size:,} papers\n")
        print("| what | CPU | note |\n|---|---:|---|")
        rows = bench(size, args.repeat, old) if args.part == "all" else []
        for what, figure, note in rows + reruns(size, args.repeat, args.commit):
            print(f"| {what} | {figure} | {note} |")


if __name__ == "__main__":
    main()
