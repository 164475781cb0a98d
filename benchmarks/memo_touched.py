"""What a rerun's memo read and store pay for, against what the rerun changes in it.

    .venv/bin/python benchmarks/memo_touched.py PROJECT [title notes abstract ...]

PROJECT is a COPY of a project whose `.cache/readinglist/memo.pickle` this code wrote
(`benchmarks/run.py --child rerun COPY none` makes one): the edits below are made to one
of its paper files and undone, and the memo is stored again after each undo, as
`run.py --child rerun` does.

First, for each field of `build.Memo` as it is stored (`Memo.__getstate__`): the objects
it holds (following what they refer to, as `memo_fields.py` counts them, and a dict's
string keys, which the collector does not show), those no other
field holds (its own: what storing or reading that field alone would save), and the
characters of text (str and bytes) among its own. A field's objects shared with another
(the Papers, their strings, the related rows) are stored once: `memo_fields.py` times
each field alone, which counts them in every field that holds them.

Then, for each edit kind, in this one process, from the memo as stored: the memo is
read (`cache.read`), the paper file edited, `build.generate` run as `readinglist build`
runs it (a new memo, given that one by its own read of the cache, so that "memo left to
store" is what the build would do: build._redo_is_cheap), and
for each per-entry table of the memo (keyed by paper id, page or file) how many entries
now hold another object than the one read (changed, added or made anew) and how many
are gone. Every run walks all of a table's entries (by identity: an unchanged paper's
are the very objects read); these counts are the entries whose content a memo stored in
parts would have to read as objects, or write again.
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import memo_reads  # noqa: E402  (after the path: a run after run.py's edit)
import run  # noqa: E402  (the settings run.py's rerun uses)
from memo_fields import _BY_REFERENCE, _LEAVES  # noqa: E402

from generator import build, cache  # noqa: E402


def reachable(root: object) -> dict[int, object]:
    """The objects ``root`` holds (itself included), by id."""
    seen: dict[int, object] = {}
    stack = [root]
    while stack:
        item = stack.pop()
        if id(item) in seen or isinstance(item, _BY_REFERENCE):
            continue
        seen[id(item)] = item
        if not isinstance(item, _LEAVES):
            stack.extend(gc.get_referents(item))
            if type(item) is dict:
                # (The collector is not shown a dict's string keys: they hold nothing.
                # Pickle stores them all the same.)
                stack.extend(item.keys())
    return seen


def own_objects(state: dict) -> tuple[dict[str, tuple[int, int, int, Counter[str]]], int, int]:
    """Field -> (the objects it holds, those no other field holds (its own), the
    characters of text (str, bytes) among its own, its own by type); and the objects of
    all fields, and how many of them more than one field holds."""
    held = {name: reachable(value) for name, value in state.items()}
    holders: Counter[int] = Counter()
    for objects in held.values():
        holders.update(objects.keys())
    out = {}
    for name, objects in held.items():
        own = [o for i, o in objects.items() if holders[i] == 1]
        text = sum(len(o) for o in own if isinstance(o, (str, bytes)))
        out[name] = (len(objects), len(own), text, Counter(type(o).__name__ for o in own))
    return out, len(holders), sum(1 for n in holders.values() if n > 1)


def print_own(state: dict) -> None:
    print("| field | objects | its own | its own text (MB) | its own, by type (top 4) |")
    print("|---|---|---|---|---|")
    fields, objects_in_all, shared = own_objects(state)
    for name, (objects, own, text, kinds) in fields.items():
        top = ", ".join(f"{t} {n:,}" for t, n in kinds.most_common(4))
        print(f"| {name} | {objects:,} | {own:,} | {text / 1e6:.2f} | {top} |")
    print(f"\n{objects_in_all:,} objects in all, {shared:,} of them held by more than one field")


def changed(before: dict[str, dict], after: dict[str, dict]) -> dict[str, tuple[int, int, int]]:
    """Table -> (its entries after, those holding another object than before (changed,
    added, made anew, however equal), those gone)."""
    out = {}
    for name, old in before.items():
        new = after.get(name, {})
        other = sum(1 for key, value in new.items() if key not in old or old[key] is not value)
        out[name] = (len(new), other, len(old.keys() - new.keys()))
    return out


def tables(memo: build.Memo) -> dict[str, dict]:
    """The memo's per-entry tables, each a copy (entry -> the object it holds now)."""
    out = {
        name: dict(getattr(memo, name))
        for name in ("assigned", "bibtex", "signatures", "stamps", "files", "joined", "feeds", "pages")
    }
    for kind, entries in memo.fragments.items():
        out[f"fragments[{kind}]"] = dict(entries)
    for dest, rows in memo.rows.items():
        out[f"rows[{dest}]"] = dict(rows)
    out["related._rows"] = dict(enumerate(memo.related._rows or ()))
    if memo.index is not None:
        for name in ("papers", "positions", "code", "topics_of", "shown", "assigned", "keys"):
            out[f"index.{name}"] = dict(getattr(memo.index, name))
    return out


def replaced(project: Path, kind: str) -> None:
    settings = run._settings(project, cache=True)
    memo = cache.read(settings.cache_dir)
    if not isinstance(memo, build.Memo):
        raise SystemExit(f"{settings.cache_dir}: no memo this code can read (see the module docstring)")
    before = tables(memo)
    # (Read by the run itself, as `readinglist build` reads it: the memo read above,
    # so that its entries can be told apart by identity.)
    run_memo, result = memo_reads.edited(project, kind, memo)
    after = tables(run_memo)
    print(f"\n{kind} edit of {run._target(project).name}: {len(result.report.written)} files written, memo left to store: {result.unsaved}")
    print("| table | entries | another object | gone |")
    print("|---|---|---|---|")
    for name, (entries, other, gone) in changed(before, after).items():
        print(f"| {name} | {entries:,} | {other:,} | {gone:,} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("kinds", nargs="*", default=["title", "notes"])
    args = parser.parse_args(argv)
    memo = cache.read(args.project / ".cache" / "readinglist")
    if not isinstance(memo, build.Memo):
        print(f"{args.project}: no memo this code can read (see the module docstring)", file=sys.stderr)
        return 1
    print_own(memo.__getstate__())
    del memo
    for kind in args.kinds:
        replaced(args.project, kind)
    return 0


if __name__ == "__main__":
    sys.exit(main())
