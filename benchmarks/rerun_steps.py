"""Where a rerun in a new process goes, step by step: CPU seconds of the functions inside
`build.generate`'s phases, for one edit, each run its own process.

    .venv/bin/python benchmarks/rerun_steps.py PROJECT KIND [--runs 3]

PROJECT is a COPY of a project whose `.cache/readinglist/memo.pickle` this code wrote
(`benchmarks/run.py --child rerun COPY none` makes one); KIND is one of run.py's edits
(title, abstract, notes), none, or title-kept: " (revised)" after the title, which keeps
the paper's place in its topics' order (run.py's title edit puts "Revised " before it,
which moves the paper, and every page between its two places says its number anew:
BENCHMARKS.md, the sixty-first session). Each run is a new process that makes the edit to the
paper file `run.py --child rerun` edits, runs `build.generate` from the cache as
`readinglist build` does, stores the memo after (timed apart, as the MkDocs hook stores
it), then undoes the edit and builds again (untimed), so each run starts from the same
memo. The phases (`generate`'s own laps, in CPU seconds here) say which part of a run
a figure is in; the steps below them are the functions it calls (`STEPS`), each wrapped
in a CPU counter: a step's figure includes the steps it calls (`plan_site` holds
`paper_page`, `dirty_pages` and the rest). The wrapping costs some microseconds a call:
counted steps are called at most a few hundred times a run.

It prints each run's line, then a table: each phase and step, its least and most CPU over
the runs and its calls a run. What is left of a phase after its steps is its own code's
(loops over every page, dicts made) and the calls not listed.
"""

from __future__ import annotations

import argparse
import collections
import functools
import importlib
import json
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent

# (module, attribute, label): the attribute is replaced where the caller looks it up,
# so a function imported by name into another module is wrapped in that module.
STEPS: tuple[tuple[str, str, str], ...] = (
    ("generator.cache", "read", "cache: cache.read"),
    ("generator.build", "load", "load: build.load"),
    ("generator.build", "_papers_redone", "load: build._papers_redone"),
    ("generator.build.Memo", "assign_topics", "topics: Memo.assign_topics"),
    ("generator.build.Memo", "related_papers", "related: Memo.related_papers"),
    ("generator.write", "intact", "plan: write.intact"),
    ("generator.build.Memo", "bibtex_entries", "plan: Memo.bibtex_entries"),
    ("generator.build", "make_index", "plan: make_index"),
    ("generator.exports", "export_files", "plan: exports.export_files"),
    ("generator.build.Memo", "per_paper", "plan: Memo.per_paper"),
    ("generator.reference", "schema_reference_markdown", "plan: schema_reference_markdown"),
    ("generator.build", "schema_files", "plan: schema_files"),
    ("generator.build", "plan_site", "plan: plan_site"),
    ("generator.siteplan", "dirty_pages", "plan: plan_site: dirty_pages"),
    ("generator.siteplan", "paper_page", "plan: plan_site: paper_page"),
    ("generator.siteplan", "paper_signature", "plan: plan_site: paper_signature"),
    ("generator.siteplan", "all_papers_page", "plan: plan_site: all_papers_page"),
    ("generator.siteplan", "topic_page", "plan: plan_site: topic_page"),
    ("generator.siteplan", "home_page", "plan: plan_site: home_page"),
    ("generator.build.Memo", "render", "render: Memo.render"),
    ("generator.build", "write_outputs", "write: write_outputs"),
    ("generator.build.Memo", "written", "write: Memo.written"),
    ("generator.write", "changed_at", "write: write.changed_at"),
)


class Counted:
    """``function`` with the CPU seconds and calls spent in it added up in ``spent``
    and ``calls`` under ``label`` (a call inside another counted one is in both)."""

    def __init__(self, function: Callable, label: str, spent: collections.Counter, calls: collections.Counter):
        self.function, self.label, self.spent, self.calls = function, label, spent, calls
        functools.update_wrapper(self, function)

    def __call__(self, *args: object, **kwargs: object) -> object:
        start = time.process_time()
        try:
            return self.function(*args, **kwargs)
        finally:
            self.spent[self.label] += time.process_time() - start
            self.calls[self.label] += 1

    def __get__(self, instance: object, owner: type | None = None) -> object:
        # (A method wrapped on its class: bound as the function it replaces would be.)
        return self if instance is None else functools.partial(self, instance)


def _owner(path: str) -> object:
    """The module, or the class inside one (``generator.build.Memo``), ``path`` names."""
    try:
        return importlib.import_module(path)
    except ModuleNotFoundError:
        module, _, name = path.rpartition(".")
        return getattr(importlib.import_module(module), name)


def wrap(steps: tuple[tuple[str, str, str], ...], spent: collections.Counter, calls: collections.Counter) -> None:
    """Wrap every step of ``steps`` in a `Counted` (AttributeError: a step the code no
    longer has, so that a renamed function is not silently left out)."""
    for path, name, label in steps:
        owner = _owner(path)
        setattr(owner, name, Counted(getattr(owner, name), label, spent, calls))


def title_kept(original: str) -> str:
    """A paper file's text with " (revised)" after its title (quoted or plain, on the
    ``title:`` line), so that the paper keeps its place among titles in order."""
    return re.sub(r"^(title: ([\"']?).*?)(\2)$", r"\1 (revised)\3", original, count=1, flags=re.M)


def child(project: Path, kind: str) -> dict:
    """One run in this process (see the module docstring)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import run  # (run.py's edits, its settings and CPU phases)

    from generator import build

    spent: collections.Counter = collections.Counter()
    calls: collections.Counter = collections.Counter()
    wrap(STEPS, spent, calls)
    settings = run._settings(project, cache=True)
    target = run._target(project)
    original = target.read_text(encoding="utf-8")
    try:
        if kind != "none":
            text = title_kept(original) if kind == "title-kept" else run._edited(kind, original)
            target.write_text(text, encoding="utf-8")
            run._settle(target)
        start = time.process_time()
        result = build.generate(settings, save=False)
        cpu = time.process_time() - start
        start = time.process_time()
        if result.unsaved:  # (as the MkDocs hook stores it)
            build.store_memo(settings)
        store = time.process_time() - start
        steps, counts = dict(spent), dict(calls)
    finally:
        if kind != "none":
            target.write_text(original, encoding="utf-8")
            run._settle(target)
            build.generate(settings)
    return {
        "generate_cpu_s": round(cpu, 4), "store_cpu_s": round(store, 4), "written": len(result.report.written),
        "phases": {k: round(v, 4) for k, v in result.timings.items()},
        "steps": {k: round(v, 4) for k, v in steps.items()}, "calls": counts,
    }


def table(runs: list[dict]) -> list[str]:
    """Markdown rows: each phase, then each step, least-most CPU over ``runs``."""

    def spread(values: list[float]) -> str:
        return f"{min(values):.3f}-{max(values):.3f}"

    lines = ["| phase or step | CPU s (least-most) | calls a run |", "|---|---|---|"]
    lines.append(f"| `generate` | {spread([r['generate_cpu_s'] for r in runs])} | |")
    for phase in runs[0]["phases"]:
        lines.append(f"| {phase} | {spread([r['phases'].get(phase, 0.0) for r in runs])} | |")
    lines.append(f"| store | {spread([r['store_cpu_s'] for r in runs])} | |")
    for _, _, label in STEPS:
        values = [r["steps"].get(label, 0.0) for r in runs]
        calls = sorted({r["calls"].get(label, 0) for r in runs})
        lines.append(f"| {label} | {spread(values)} | {'/'.join(map(str, calls))} |")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("kind", choices=("title", "title-kept", "abstract", "notes", "none"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.project.resolve(), args.kind)))
        return 0
    runs = []
    for n in range(args.runs):
        done = subprocess.run(
            [sys.executable, __file__, str(args.project), args.kind, "--child"],
            cwd=ROOT, check=True, capture_output=True, text=True,
        )
        runs.append(json.loads(done.stdout.splitlines()[-1]))
        r = runs[-1]
        print(f"run {n + 1}: generate {r['generate_cpu_s']:.3f} s, store {r['store_cpu_s']:.3f} s, {r['written']} written")
    print("\n".join(table(runs)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
