"""A delta of the generator's memo through pickle's own numbering: what it costs, and
whether it reads back as the memo.

    .venv/bin/python benchmarks/memo_seeded_delta.py PROJECT [title notes abstract ...]

A probe (BENCHMARKS.md, the sixty-fourth session); the generator does not use it.
PROJECT is a COPY of a project whose `.cache/readinglist/memo.pickle` this code wrote in
that very folder (`benchmarks/run.py --child rerun COPY none`). For each edit kind, in
this one process: the memo is read with a `pickle.Unpickler` kept aside, its numbering
copied (`Unpickler.memo`) and turned into a pickler's memo (object id -> number); the
edit is made and `generate` run on that memo as a new process's rerun does (then undone,
the memo stored again). The new memo is pickled by a `Pickler` whose memo is seeded with
the objects read: each of them is written as a reference to its number, with no Python
call per object (`persistent_id` costs one). Such a delta is read by the unpickler that
read the base, right after it (`seeded_delta` / `read_back`).

Printed, CPU seconds: the read, the numbering's copy and the seed, the delta's dump and
size, the whole store as now; and which of the memo's stored fields read back otherwise
than the memo pickled whole. A field differs when the run changed an object read in
place (a dict filled anew, an attribute set): the delta names it by number and the base
holds it as it was. So the delta is correct only where nothing read is ever changed in
place.
"""

from __future__ import annotations

import argparse
import gc
import io
import pickle
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import memo_reads  # noqa: E402  (after the path)
import run  # noqa: E402  (the settings run.py's rerun uses)

from generator import build, cache  # noqa: E402

PROTOCOL = pickle.HIGHEST_PROTOCOL


def seed_of(numbering: dict[int, object]) -> dict[int, tuple[int, object]]:
    """A pickler's memo (id -> (number, object)) from an unpickler's (number -> object)."""
    return {id(value): (number, value) for number, value in numbering.items()}


def seeded_delta(seed: dict[int, tuple[int, object]], value: object) -> bytes:
    """``value`` pickled with every object of ``seed`` written as its number."""
    out = io.BytesIO()
    pickler = pickle.Pickler(out, protocol=PROTOCOL)
    pickler.memo = seed
    pickler.dump(value)
    return out.getvalue()


def read_back(base: bytes, delta: bytes) -> tuple[object, object]:
    """The base and then the delta, read by one unpickler (the delta's numbers are the
    base's)."""
    unpickler = pickle.Unpickler(io.BytesIO(base + delta))
    first = unpickler.load()
    return first, unpickler.load()


def differing_fields(whole: build.Memo, back: build.Memo) -> list[str]:
    """The stored fields (`Memo.__getstate__`) whose pickles differ."""
    mine, theirs = whole.__getstate__(), back.__getstate__()
    return [
        name for name in mine
        if pickle.dumps(mine[name], protocol=PROTOCOL) != pickle.dumps(theirs.get(name), protocol=PROTOCOL)
    ]


def probe(project: Path, kind: str) -> None:
    settings = run._settings(project, cache=True)
    raw = (settings.cache_dir / cache.FILE_NAME).read_bytes()
    head = io.BytesIO(raw)
    if pickle.load(head) != cache.fingerprint():
        raise SystemExit(f"{settings.cache_dir}: no memo this code wrote (see the module docstring)")
    base = raw[head.tell():-4]  # (the memo's pickle: after the fingerprint, before the CRC)
    clock = time.process_time
    start = clock()
    unpickler = pickle.Unpickler(io.BytesIO(base))
    memo = unpickler.load()
    read = clock() - start
    start = clock()
    numbering = unpickler.memo.copy()
    copied = clock() - start
    start = clock()
    seed = seed_of(numbering)
    seeded = clock() - start
    new, result = memo_reads.edited(project, kind, memo)
    start = clock()
    delta = seeded_delta(seed, new)
    dumped = clock() - start
    start = clock()
    whole = pickle.dumps(new, protocol=PROTOCOL)
    stored = clock() - start
    _, back = read_back(base, delta)
    differing = differing_fields(pickle.loads(whole), back)
    print(
        f"{kind} ({len(result.report.written)} files written): read {read:.3f}, numbering copied {copied:.3f}"
        f" ({len(numbering):,} objects), seed {seeded:.3f}; delta dumped {dumped:.3f} ({len(delta) / 1e6:.1f} MB)"
        f" against the whole store {stored:.3f} ({len(whole) / 1e6:.1f} MB); fields read back otherwise:"
        f" {len(differing)} of {len(new.__getstate__())} ({', '.join(differing) or 'none'})"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("kinds", nargs="*", default=["title"])
    args = parser.parse_args(argv)
    gc.disable()  # (as the cache's read and store run: gcpause)
    for kind in args.kinds:
        probe(args.project, kind)
    return 0


if __name__ == "__main__":
    sys.exit(main())
