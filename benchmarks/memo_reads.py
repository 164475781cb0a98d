"""What a rerun READS of the generator's memo, and where the rest of its `generate` goes.

    .venv/bin/python benchmarks/memo_reads.py PROJECT [title notes abstract ...] [--top 25]

PROJECT is a COPY of a project whose `.cache/readinglist/memo.pickle` this code wrote,
in that very folder (`benchmarks/run.py --child rerun COPY none` makes one; a memo
copied from elsewhere holds other paths, and every file is read again). For each edit
kind, from the memo as stored, as `run.py --child rerun` does (the edit undone after,
the memo stored again):

1. Each per-entry table of `build.Memo` (keyed by paper id, page or file) is replaced
   by a dict that counts what the run asks of it: the keys looked up one by one
   (`get`, `[]`, `in`) and the walks over all of it (`items`, `values`, iteration,
   `keys`, a copy). A table the run walks reads every entry, however few changed: a
   memo stored in parts that unpickles only the entries a rerun reads pays only where
   the run looks entries up, and pays nothing for a table it walks. (A table the run
   replaces by a new dict is counted up to then.)
2. A second run of the same edit under cProfile (no counting dicts), the memo's read
   left out (given to the run already read): the functions with the most time of their
   own, in CPU seconds (a file replaced on this machine's ext4 waits for its data to
   be written out: wall time the CPU figures leave out). cProfile roughly doubles the
   time of Python-heavy code: read the shares, not the seconds.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import dataclasses
import io
import pstats
import sys
import time
from pathlib import Path
from typing import Iterator
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import run  # noqa: E402  (after the path: the edits and settings run.py's rerun uses)

from generator import build, cache  # noqa: E402

_MEMO_TABLES = ("assigned", "bibtex", "signatures", "stamps", "files", "joined", "feeds", "pages", "shown")
_INDEX_TABLES = ("papers", "positions", "code", "topics_of", "shown", "assigned", "keys", "members", "sequences")


class Counted(dict):
    """A dict that counts the keys looked up in it and the walks over all of it."""

    def __init__(self, *args: object) -> None:
        super().__init__(*args)
        self.looked: set = set()
        self.walks = 0

    def __getitem__(self, key):  # noqa: ANN001, ANN204
        self.looked.add(key)
        return super().__getitem__(key)

    def get(self, key, default=None):  # noqa: ANN001, ANN201
        self.looked.add(key)
        return super().get(key, default)

    def __contains__(self, key) -> bool:  # noqa: ANN001
        self.looked.add(key)
        return super().__contains__(key)

    def _walk(self) -> None:
        self.walks += 1

    def __iter__(self):  # noqa: ANN204
        self._walk()
        return super().__iter__()

    def items(self):  # noqa: ANN201
        self._walk()
        return super().items()

    def values(self):  # noqa: ANN201
        self._walk()
        return super().values()

    def keys(self):  # noqa: ANN201
        self._walk()
        return super().keys()

    def copy(self) -> dict:
        self._walk()
        return dict(super().items())


def counted(memo: build.Memo) -> dict[str, Counted]:
    """Replace the memo's per-entry tables by Counted copies; name -> the copy."""
    out: dict[str, Counted] = {}
    for name in _MEMO_TABLES:
        out[name] = Counted(getattr(memo, name))
        setattr(memo, name, out[name])
    fragments = Counted()
    for kind, entries in memo.fragments.items():
        fragments[kind] = out[f"fragments[{kind}]"] = Counted(entries)
    memo.fragments = fragments
    rows = Counted()
    for dest, kept in memo.rows.items():
        rows[dest] = Counted(kept)
        if len(kept) > 100:  # (the big tables only: a topic page's, the All papers page's)
            out[f"rows[{dest}]"] = rows[dest]
    out["rows (pages)"] = memo.rows = rows
    if memo.index is not None:
        tables = {name: Counted(getattr(memo.index, name)) for name in _INDEX_TABLES}
        memo.index = dataclasses.replace(memo.index, **tables)
        out.update({f"index.{name}": table for name, table in tables.items()})
    return out


@contextlib.contextmanager
def edit_made(project: Path, kind: str) -> Iterator[None]:
    """run.py's edit of ``kind`` made to its paper file (dated back: run._settle) while
    the block runs; undone after and the project generated again (the memo stored), so
    that the next run starts as this one did."""
    settings = run._settings(project, cache=True)
    target = run._target(project)
    original = target.read_text(encoding="utf-8")
    try:
        target.write_text(run._edited(kind, original), encoding="utf-8")
        run._settle(target)
        yield
    finally:
        target.write_text(original, encoding="utf-8")
        run._settle(target)
        build.generate(settings, memo=build.Memo())


def edited(
    project: Path, kind: str, memo: build.Memo, profiler: cProfile.Profile | None = None
) -> tuple[build.Memo, build.Result]:
    """`generate` after run.py's edit of ``kind``, from ``memo`` (the memo as read from the
    cache, given to the run as `readinglist build` reads it), under ``profiler`` if any:
    the run's own memo and its result (`edit_made`)."""
    run_memo = build.Memo()
    with edit_made(project, kind), mock.patch.object(cache, "read", return_value=memo):
        if profiler is not None:
            profiler.enable()
        try:
            result = build.generate(run._settings(project, cache=True), save=False, memo=run_memo)
        finally:
            if profiler is not None:
                profiler.disable()
    return run_memo, result


def edited_run(project: Path, kind: str, profile: bool) -> tuple[dict[str, Counted], str, object]:
    """One run after the edit of ``kind``, from the memo as stored: the counted tables
    (none when ``profile``), cProfile's report and the result."""
    settings = run._settings(project, cache=True)
    memo = cache.read(settings.cache_dir)
    if not isinstance(memo, build.Memo):
        raise SystemExit(f"{settings.cache_dir}: no memo this code can read (see the module docstring)")
    tables = {} if profile else counted(memo)
    profiler = cProfile.Profile(time.process_time) if profile else None  # (CPU: the project's measure)
    _, result = edited(project, kind, memo, profiler)
    report = ""
    if profiler is not None:
        text = io.StringIO()
        pstats.Stats(profiler, stream=text).sort_stats("tottime").print_stats(_TOP)
        report = text.getvalue()
    return tables, report, result


_TOP = 25


def main(argv: list[str] | None = None) -> int:
    global _TOP
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("kinds", nargs="*", default=["title"])
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args(argv)
    _TOP = args.top
    for kind in args.kinds:
        tables, _, result = edited_run(args.project, kind, profile=False)
        print(f"\n{kind} edit: {len(result.report.written)} files written, timings "
              + ", ".join(f"{k} {v:.3f}" for k, v in result.timings.items()))
        print("| table | entries | keys looked up | walks over all |")
        print("|---|---|---|---|")
        for name, table in tables.items():
            print(f"| {name} | {len(table):,} | {len(table.looked):,} | {table.walks} |")
        _, report, _ = edited_run(args.project, kind, profile=True)
        print(f"\ncProfile of the {kind} edit's generate (the memo's read left out), by own time:")
        print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
