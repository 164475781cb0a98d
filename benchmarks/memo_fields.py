"""Where reading the generator's memo goes: its fields' objects, bytes and unpickling time.

    .venv/bin/python benchmarks/memo_fields.py [PROJECT] [--repeat 3]

PROJECT is a project whose `.cache/readinglist/memo.pickle` a build left (by default the
one `benchmarks/run.py --sizes 10000` leaves in benchmarks/work/n10000/project). A new
process after an edit pays for reading the whole file (`cache.read`) before it does
anything else, and that time goes by the number of objects, not bytes (BENCHMARKS.md, the
thirtieth session). This prints, for each field of `build.Memo`, how many objects it
holds (following what it refers to, the way pickle does, but not into modules, classes
or functions), and the CPU time of pickling and unpickling it ALONE (protocol 5, as
`cache.write` does): fields share objects (a `Paper` is in several), so the fields'
figures add up to more than the whole file's, which is printed first. Every time is the
least of ``--repeat`` tries, in this one process.
"""

from __future__ import annotations

import argparse
import functools
import gc
import io
import json
import pickle
import pickletools
import sys
import time
import types
from collections import Counter
from dataclasses import fields
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator import cache  # noqa: E402  (after the path, as the other benchmarks)

# What pickle stores by reference (a name), not by value.
_BY_REFERENCE = (types.ModuleType, types.FunctionType, type, types.CodeType, types.BuiltinFunctionType)
_LEAVES = (str, bytes, int, float)


def objects(root: object) -> Counter[str]:
    """The objects `root` holds, by type name, each counted once."""
    seen: set[int] = set()
    counts: Counter[str] = Counter()
    stack = [root]
    while stack:
        item = stack.pop()
        if id(item) in seen or isinstance(item, _BY_REFERENCE):
            continue
        seen.add(id(item))
        counts[type(item).__name__] += 1
        if not isinstance(item, _LEAVES):
            stack.extend(gc.get_referents(item))
    return counts


def least(repeat: int, step) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        step()
        best = min(best, time.process_time() - start)
    return best


def in_order(state: dict, repeat: int) -> dict[str, dict]:
    """Each field's part of one dump of ``state`` (see the module docstring)."""
    cpu: dict[str, float] = {}
    for _ in range(repeat):
        buffer = io.BytesIO()
        pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
        parts = {}
        for name, value in state.items():
            start, clock = buffer.tell(), time.process_time()
            pickler.dump(value)  # (the memo carries over: a shared object is pickled once)
            cpu[name] = min(cpu.get(name, float("inf")), time.process_time() - clock)
            parts[name] = (start, buffer.tell())
    data = buffer.getbuffer()
    out = {}
    for name, (start, end) in parts.items():
        ops = Counter(op.name for op, _, _ in pickletools.genops(bytes(data[start:end])))
        out[name] = {
            "ops": sum(ops.values()), "references": ops["BINGET"] + ops["LONG_BINGET"],
            "memoized": ops["MEMOIZE"], "bytes": end - start, "dump_s": round(cpu[name], 3),
        }
    return out


def bounds(state: dict, repeat: int) -> dict[str, tuple[float, float, int]]:
    """Dump and load CPU of the whole state, the file cache alone and all the rest."""
    out = {}
    for label, part in (
        ("whole", state),
        ("file cache alone", {"files": state["files"]}),
        ("all but the file cache", {k: v for k, v in state.items() if k != "files"}),
    ):
        data = pickle.dumps(part, protocol=pickle.HIGHEST_PROTOCOL)
        dump = least(repeat, functools.partial(pickle.dumps, part, protocol=pickle.HIGHEST_PROTOCOL))
        out[label] = (dump, least(repeat, functools.partial(pickle.loads, data)), len(data))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", nargs="?", type=Path, default=ROOT / "benchmarks/work/n10000/project")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--order", action="store_true", help="also each field's part of the whole store, and the bounds")
    args = parser.parse_args(argv)
    folder = args.project / ".cache" / "readinglist"
    gc.disable()  # as `cache.read` does: the collector would time itself, not pickle
    whole = least(args.repeat, lambda: cache.read(folder))
    memo = cache.read(folder)
    if memo is None:
        print(f"{folder / cache.FILE_NAME}: no memo this code can read (build the project first)", file=sys.stderr)
        return 1
    report = {"file_bytes": (folder / cache.FILE_NAME).stat().st_size, "read_cpu_s": round(whole, 3), "fields": {}}
    print(f"whole file: {report['file_bytes']:,} bytes, cache.read {whole:.3f} s CPU")
    print("| field | objects | of which (top 3) | bytes alone | dump alone (s) | load alone (s) |")
    print("|---|---|---|---|---|---|")
    for field in fields(memo):
        value = getattr(memo, field.name)
        counts = objects(value)
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        dump = least(args.repeat, functools.partial(pickle.dumps, value, protocol=pickle.HIGHEST_PROTOCOL))
        load = least(args.repeat, functools.partial(pickle.loads, data))
        top = ", ".join(f"{name} {count:,}" for name, count in counts.most_common(3))
        report["fields"][field.name] = {"objects": sum(counts.values()), "bytes": len(data), "dump_s": round(dump, 3), "load_s": round(load, 3)}
        print(f"| {field.name} | {sum(counts.values()):,} | {top} | {len(data):,} | {dump:.3f} | {load:.3f} |")
    if args.order:
        state = memo.__getstate__()
        report["in_order"] = in_order(state, args.repeat)
        print("\nIn the store's order (each shared object at the first field that holds it):")
        print("| field | pickle ops | references | memoized | bytes | dump (s) |")
        print("|---|---|---|---|---|---|")
        for name, row in report["in_order"].items():
            print(f"| {name} | {row['ops']:,} | {row['references']:,} | {row['memoized']:,} | {row['bytes']:,} | {row['dump_s']:.3f} |")
        report["bounds"] = bounds(state, args.repeat)
        for label, (dump, load, size) in report["bounds"].items():
            print(f"{label}: dump {dump:.3f} s, load {load:.3f} s, {size:,} bytes")
    print(json.dumps(report), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
