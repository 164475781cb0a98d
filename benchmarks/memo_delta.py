"""What storing only the changes of the generator's memo would hold and cost, after one edit.

    .venv/bin/python benchmarks/memo_delta.py PROJECT KIND [KIND ...]

A probe for issue 5's memo (BENCHMARKS.md, "The fiftieth session"); the generator does
not use it. PROJECT: a copy of benchmarks/work/n10000/project whose cache a rerun left
(`benchmarks/run.py --child rerun PROJECT none`); KIND: an edit run.py makes (title,
abstract, notes). For each KIND, in this one process: the memo is read as `cache.read`
does and its dictionaries are copied (what a delta would be compared with); run.py's
edit is made and `generate` runs on that memo, as a new process's rerun does. Printed:
field by field, the entries that are no longer the very objects read (the pages'
signatures also by value: each plan makes them anew), and the CPU seconds of

- pickling those entries alone, objects of the memo read written as references to it;
- unpickling them, the references resolved (on top of reading the memo whole);
- pickling the whole memo, which `cache.write` does now;
- the other way to refer to the objects read, by pickle's own numbering: copying the
  reading unpickler's memo and mapping its objects' ids back.

No memo is built from the delta: what the run changed in place is the part a real delta
must restate, and is pickled whole here (the file cache's one FolderMemo, with the whole
last load it holds; the related index's arrays). The edit is undone afterwards and the
project generated again, as run.py does.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import io
import pickle
import sys
import time
from pathlib import Path
from typing import Iterator

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import memo_reads  # noqa: E402  (an edit made and undone: edit_made)
import run  # noqa: E402  (benchmarks/run.py: the edits and settings of its rerun)
from generator import build, cache  # noqa: E402

_GONE = object()
_ATOMS = (str, bytes, int, float, bool, type(None))


def _containers(value: object) -> dict[str, dict | list | tuple]:
    """The containers of a memo field a delta would patch: the field itself when it is
    a dict, its dict values (fragments, rows); an object's attributes ("@"), and its
    dicts, lists and long tuples."""
    if isinstance(value, dict):
        inner = {f"[{k}]": v for k, v in value.items() if isinstance(v, dict) and len(value) < 100}
        return {"": value, **inner}
    attrs = getattr(value, "__dict__", None)
    if attrs is None:
        return {}
    found: dict[str, dict | list | tuple] = {"@": attrs}
    for name, attr in attrs.items():
        if isinstance(attr, (dict, list)) or (type(attr) is tuple and len(attr) > 100):
            found[f".{name}"] = attr
    return found


def _where(value: object, path: str) -> object | None:
    if path == "":
        return value
    if path == "@":
        return getattr(value, "__dict__", None)
    if path.startswith("["):
        return value.get(path[1:-1]) if isinstance(value, dict) else None
    return getattr(value, path[1:], None)


def snapshot(memo: build.Memo) -> dict[tuple[str, str], object]:
    """(field, path) -> a shallow copy of that container, as read."""
    copies = {}
    for name in build.Memo.__dataclass_fields__:
        if name in build.Memo._UNSTORED:
            continue
        value = getattr(memo, name)
        copies[name, "="] = value  # (a field with no container: stored again if replaced)
        for path, box in _containers(value).items():
            copies[name, path] = dict(box) if isinstance(box, dict) else list(box)
    return copies


def changes(memo: build.Memo, copies: dict) -> tuple[dict, dict, list]:
    """What a delta would hold: (field, path) -> the changed entries, the references it
    may write for objects read (id -> where), and what is pickled whole."""
    delta: dict[tuple[str, str], dict] = {}
    refs: dict[int, tuple] = {}
    whole: list = []
    for (name, path), old in copies.items():
        if path == "=":
            value = getattr(memo, name)
            if value is not old and not _containers(value):
                whole.append((name, value))
            continue
        box = _where(getattr(memo, name), path)
        if isinstance(box, dict) and isinstance(old, dict):
            if name == "signatures":  # (made anew by each plan: compared by value)
                entries = {k: v for k, v in box.items() if (o := old.get(k, _GONE)) is not v and o != v}
            else:
                entries = {k: v for k, v in box.items() if old.get(k, _GONE) is not v}
            entries.update({k: _GONE for k in old.keys() - box.keys()})
            olds = [(k, old[k]) for k in entries if k in old]
        elif isinstance(box, (list, tuple)) and len(box) == len(old):
            entries = {i: v for i, (v, o) in enumerate(zip(box, old)) if v is not o}
            olds = [(i, old[i]) for i in entries]
        else:
            entries, olds = {"*": box}, []
        # The objects read that the new entries may point at: the old entries' own, and
        # the papers, related rows and drafts other fields keep (a new page index's
        # entry, the file cache's last load).
        if name in ("assigned", "files") or path == "._rows":
            olds = list(old.items()) if isinstance(old, dict) else list(enumerate(old))
        for key, value in olds:
            refs.setdefault(id(value), (name, path, key))
            if type(value) is tuple:
                for i, item in enumerate(value):
                    refs.setdefault(id(item), (name, path, key, i))
        if path == "@":
            # An object's attributes: those patched as containers apart, and its arrays
            # whole whatever their identity (the related index changes some in place).
            mine = _containers(getattr(memo, name))
            entries = {k: v for k, v in entries.items() if f".{k}" not in mine}
            entries.update({k: v for k, v in box.items() if _holds_array(v)})
        if entries and (name, path) != ("index", ".refs"):  # (not stored: Memo.__getstate__)
            delta[name, path] = entries
    folders = {id(entry[3]): entry[3] for entry in memo.files.values()}
    whole += [("the file cache's FolderMemo", folder.__getstate__()) for folder in folders.values()]
    return delta, refs, whole


def _holds_array(value: object) -> bool:
    if isinstance(value, np.ndarray):
        return True
    return type(value) is tuple and any(isinstance(item, np.ndarray) for item in value)


def cpu() -> float:
    return time.process_time()


def probe(project: Path, kind: str) -> None:
    folder = project / ".cache" / "readinglist"
    start = cpu()
    memo = cache.read(folder)
    read = cpu() - start
    if not isinstance(memo, build.Memo):
        raise SystemExit(f"{folder}: no memo this code can read (run a rerun first)")
    start = cpu()
    copies = snapshot(memo)
    copying = cpu() - start
    with edited_run(project, kind, memo) as result:
        start = cpu()
        delta, refs, whole = changes(memo, copies)
        diffing = cpu() - start
        numbers: dict[int, int] = {}
        paths: list[tuple] = []

        def reference(obj: object) -> int | None:
            ref = None if isinstance(obj, _ATOMS) else refs.get(id(obj))
            if ref is None:
                return None
            number = numbers.get(id(obj))
            if number is None:
                number = numbers[id(obj)] = len(paths)
                paths.append(ref)
            return number

        buffer = io.BytesIO()
        start = cpu()
        pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
        pickler.persistent_id = reference
        pickler.dump((delta, whole))
        storing = cpu() - start
        parts = []  # the parts that cost most, each pickled alone
        for label, part in [*((f"{n}{p}", e) for (n, p), e in delta.items()), *whole]:
            alone = pickle.Pickler(io.BytesIO(), protocol=pickle.HIGHEST_PROTOCOL)
            alone.persistent_id = reference
            start = cpu()
            alone.dump(part)
            parts.append((cpu() - start, label))
        start = cpu()
        whole_store = len(pickle.dumps(memo, protocol=pickle.HIGHEST_PROTOCOL))
        storing_whole = cpu() - start
        base = cache.read(folder)
        start = cpu()
        unpickler = pickle.Unpickler(io.BytesIO(buffer.getvalue()))
        unpickler.persistent_load = lambda n: _resolve(base, paths[n])
        unpickler.load()
        reading = cpu() - start
    print(f"## {kind}: {len(result.report.written)} files written")
    print(f"reading the memo {read:.3f} s, copying its dictionaries {copying:.3f} s")
    print(f"changed entries and references found {diffing:.3f} s ({len(refs):,} objects read named)")
    print(f"the delta: stored {storing:.3f} s, {buffer.tell():,} bytes, {len(numbers):,} references;"
          f" read back {reading:.3f} s on top of the memo")
    print(f"the whole memo stored {storing_whole:.3f} s, {whole_store:,} bytes")
    print("  entries changed: " + ", ".join(f"{n}{p} {len(e):,}" for (n, p), e in delta.items()))
    print(f"  pickled whole: {', '.join(name for name, _ in whole)}")
    costly = ", ".join(f"{label} {seconds:.3f}" for seconds, label in sorted(parts, reverse=True) if seconds >= 0.005)
    print(f"  parts stored alone that cost 5 ms or more: {costly}")


@contextlib.contextmanager
def edited_run(project: Path, kind: str, memo: build.Memo) -> Iterator[build.Result]:
    """run.py's edit of ``kind`` made, and `generate` run on ``memo`` as a new process's
    rerun runs it; the edit undone afterwards and the project generated again."""
    with memo_reads.edit_made(project, kind):
        yield build.generate(run._settings(project, cache=True), memo=memo, save=False)


def _resolve(memo: build.Memo, ref: tuple) -> object:
    name, path, *keys = ref
    value = _where(getattr(memo, name), path)
    for key in keys:
        value = value[key]
    return value


def numbering(project: Path) -> None:
    """The bookkeeping of references by pickle's own numbering, for the whole memo."""
    with open(project / ".cache" / "readinglist" / cache.FILE_NAME, "rb") as handle:
        pickle.load(handle)  # (the fingerprint)
        unpickler = pickle.Unpickler(handle)
        unpickler.load()
        start = cpu()
        table = unpickler.memo.copy()
        copying = cpu() - start
        start = cpu()
        back = {id(obj): n for n, obj in table.items()}
        mapping = cpu() - start
    print(f"## pickle's numbering: {len(back):,} objects; copying the unpickler's memo"
          f" {copying:.3f} s, mapping ids back {mapping:.3f} s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("kinds", nargs="+", choices=["title", "abstract", "notes"])
    args = parser.parse_args(argv)
    gc.disable()  # (as cache.read and cache.write keep the collector out)
    numbering(args.project)
    for kind in args.kinds:
        probe(args.project, kind)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
