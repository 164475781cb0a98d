"""Benchmark: related papers from scratch, and RelatedIndex.update after one edit.

    .venv/bin/python benchmarks/related_bench.py --sizes 1000 10000

Loads the synthetic projects made by benchmarks/run.py (benchmarks/work/nN/project) and
measures CPU time (time.process_time, the less noisy on a shared machine) for:

- the clean run: ``related_papers`` before this work (generator/related.py as of commit
  ``--old-commit``, read with ``git show``) and now; best of ``--repeat`` runs, taken
  alternately so that both see the same load;
- the state kept between runs: its pickled size, pickling and unpickling time;
- ``update`` in a new process (the state unpickled first, which is timed apart) after:
  nothing changed; one title changed ("Revised " prepended, as benchmarks/run.py does);
  one abstract changed ("Revised abstract text." prepended, as benchmarks/run.py does);
  one abstract with a word no other paper has appended (a typo fix);
  the same abstract edit adding a frequent vocabulary word (the word in most papers
  that is still a term, so every paper that has it gets a new vector); one curator
  link added; the title, abstract and typo-fix edits with the cyclic garbage collector
  paused (as build.generate runs); and the title edit again in the same process (as
  under `mkdocs serve`).

Every update is checked to equal (==) ``related_papers`` computed from scratch on the
edited list; the old implementation's result is compared with the new one's too.
scikit-learn and scipy are imported before anything is timed.
"""

from __future__ import annotations

import argparse
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
    seconds, _ = cpu(lambda: pickle.loads(blob))
    rows.append(("unpickle the state", f"{seconds:.3f} s", ""))

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
    ]
    for name, new_papers in cases:
        fresh = pickle.loads(blob)
        seconds, updated = cpu(fresh.update, new_papers)
        expected = related_papers(new_papers)
        verdict = "== from scratch" if updated == expected else "DIFFERS from scratch"
        rows.append((f"update (new process): {name}", f"{seconds:.3f} s", verdict))
    # In a new process every result row is built from the arrays: about 60,000
    # RelatedPaper objects at 10,000 papers, the same cost as unpickling them.
    fresh = pickle.loads(blob)
    seconds, _ = cpu(lambda: fresh._row_results(np.arange(len(papers))))
    rows.append(("of which: building the result objects", f"{seconds:.3f} s",
                 "part of every new-process update above"))
    # build.generate pauses the cyclic collector (commit d0790c2): the same edits so.
    for name, new_papers in cases[1:4]:
        paused = pickle.loads(blob)
        gc.disable()
        try:
            seconds, updated = cpu(paused.update, new_papers)
        finally:
            gc.enable()
        verdict = "== from scratch" if updated == related_papers(new_papers) else "DIFFERS"
        rows.append((f"update (new process, collector paused): {name}", f"{seconds:.3f} s",
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
    args = parser.parse_args()

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
        for what, figure, note in bench(size, args.repeat, old):
            print(f"| {what} | {figure} | {note} |")


if __name__ == "__main__":
    main()
