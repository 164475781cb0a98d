"""The floor of storing only a rerun's changes to the generator's memo: the changes found
by value, as if every part of the memo said what it changed.

    .venv/bin/python benchmarks/memo_ideal_delta.py [--stage] PROJECT KIND [KIND ...]

A probe for issue 5's memo (BENCHMARKS.md, "The fifty-second session"); the generator
does not use it. `memo_delta.py` (the fiftieth session) finds a delta by identity, which
a run's changes in place make wrong and its equal objects made anew make big; this one
finds the least a correct delta must hold, to tell whether building one can pay. PROJECT
and KIND as for memo_delta.py. For each KIND, in this one process: the memo is read as
`cache.read` does, keeping the reading unpickler's table of objects, and read a second
time as the base to compare with; run.py's edit is made and `generate` runs on the first
copy, as a new process's rerun does. Then, walking both copies side by side (not timed:
a real delta would have each part mark what it changed), every place that differs by
value is a patch: a dictionary's entry, a list's or a tuple's item, an object's
attribute, a value in its place. Printed, in CPU seconds: the patches and where they
are; pickling them, each object read written as a reference to it (pickle's own
numbering, the cheapest there is to resolve); reading them back on top of the memo,
references resolved and the patches applied; and the whole memo's store, as now.
The edit is undone afterwards and the project generated again, as run.py does.

With ``--stage``: what a first stage that leaves the other modules as they are would
cost (see `stage`): the memo's own dictionaries by entry, the parts other modules change
in place restated whole, the objects read they point at as references.
"""

from __future__ import annotations

import argparse
import gc
import io
import pickle
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Callable

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from generator import build, cache  # noqa: E402
from memo_delta import edited_run  # noqa: E402  (run.py's edit, generate on the memo, undone)

_GONE = "<gone>"
_ATOMS = (str, bytes, int, float, bool, complex, type(None))


def read_with_table(folder: Path) -> tuple[object, list]:
    """The memo as cache.read reads it, and the objects the read made, by pickle's number."""
    with open(folder / cache.FILE_NAME, "rb") as handle:
        if pickle.load(handle) != cache.fingerprint():
            raise SystemExit(f"{folder}: no memo this code can read (run a rerun first)")
        unpickler = pickle.Unpickler(handle)
        memo = unpickler.load()
        table = unpickler.memo.copy()
    return memo, [table[n] for n in sorted(table)]


def _state(value: object) -> object:
    getstate = getattr(value, "__getstate__", None)
    return getstate() if getstate is not None else None


class Walk:
    """The patches that turn ``old`` into ``new``, found by value."""

    def __init__(self) -> None:
        self.patches: list[tuple[tuple, object]] = []
        self.seen: set[int] = set()
        self.kept: list = []  # (the states made on the way: their ids stay theirs)

    def diff(self, new: object, old: object, path: tuple) -> None:
        if isinstance(new, _ATOMS) or isinstance(old, _ATOMS) or type(new) is not type(old):
            if type(new) is not type(old) or new != old:
                self.patches.append((path, new))
            return
        if id(new) in self.seen:  # (a shared object: walked at its first place)
            return
        self.seen.add(id(new))
        if isinstance(new, np.ndarray):
            if new.shape != old.shape or new.dtype != old.dtype or not np.array_equal(new, old):
                self.patches.append((path, new))
        elif isinstance(new, dict):
            for key, value in new.items():
                if key in old:
                    self.diff(value, old[key], (*path, key))
                else:
                    self.patches.append(((*path, key), value))
            for key in old.keys() - new.keys():
                self.patches.append(((*path, key), _GONE))
        elif isinstance(new, (list, tuple)):
            if len(new) != len(old):
                self.patches.append((path, new))
            else:  # (a tuple's item patched: its tuple made again, in a real delta)
                for i, (a, b) in enumerate(zip(new, old)):
                    self.diff(a, b, (*path, i))
        elif isinstance(new, (set, frozenset)):
            if new != old:
                self.patches.append((path, new))
        else:
            state, was = _state(new), _state(old)
            self.kept += (state, was)
            if isinstance(state, dict) and isinstance(was, dict):
                self.diff(state, was, (*path, "@"))
            elif isinstance(state, tuple) and isinstance(was, tuple) and len(state) == len(was):
                for i, (a, b) in enumerate(zip(state, was)):
                    if a is not None or b is not None:
                        self.diff(a, b, (*path, "@", i))
            elif not self._equal(new, old):
                self.patches.append((path, new))

    @staticmethod
    def _equal(new: object, old: object) -> bool:
        try:
            return bool(new == old)
        except ValueError:  # (an array inside)
            return False


def cpu() -> float:
    return time.process_time()


def probe(project: Path, kind: str) -> None:
    folder = project / ".cache" / "readinglist"
    memo, read_objects = read_with_table(folder)
    base = cache.read(folder)
    numbers = {id(obj): n for n, obj in enumerate(read_objects)}
    with edited_run(project, kind, memo) as result:
        walk = Walk()
        start = cpu()
        walk.diff(memo.__getstate__(), base.__getstate__(), ())
        finding = cpu() - start
        refs = Counter()

        def reference(obj: object) -> int | None:
            # (A long text read, such as a part of papers.json, is a reference too.)
            if isinstance(obj, _ATOMS) and not (isinstance(obj, (str, bytes)) and len(obj) > 64):
                return None
            number = numbers.get(id(obj))
            if number is not None:
                refs[type(obj).__name__] += 1
            return number

        buffer = io.BytesIO()
        start = cpu()
        pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
        pickler.persistent_id = reference
        pickler.dump(walk.patches)
        storing = cpu() - start
        start = cpu()
        whole = len(pickle.dumps(memo, protocol=pickle.HIGHEST_PROTOCOL))
        storing_whole = cpu() - start
        # What any delta by reference pays per object it restates: pickle calls a Python
        # persistent_id for every object it writes (here one that names none).
        start = cpu()
        calling = pickle.Pickler(io.BytesIO(), protocol=pickle.HIGHEST_PROTOCOL)
        calling.persistent_id = _none
        calling.dump(memo)
        storing_called = cpu() - start
        # ... where reducer_override is called only for objects of classes (not for
        # strings, tuples, lists, dicts): 70,000 papers, drafts and related rows here.
        start = cpu()
        _Overriding(io.BytesIO(), protocol=pickle.HIGHEST_PROTOCOL).dump(memo)
        storing_overridden = cpu() - start
        # Read back on top of a fresh read of the memo: the references resolve to its
        # objects by number (a list the reading unpickler's table gives), the patches
        # are applied in place.
        again, table = read_with_table(folder)
        start = cpu()
        unpickler = pickle.Unpickler(io.BytesIO(buffer.getvalue()))
        unpickler.persistent_load = table.__getitem__
        patches = unpickler.load()
        loading = cpu() - start
        start = cpu()
        for path, value in patches:
            _apply(again, path, value)
        applying = cpu() - start
        del again, table
    where = Counter(_where(path) for path, _ in walk.patches)
    print(f"## {kind}: {len(result.report.written)} files written")
    print(f"patches found by value {finding:.2f} s (a probe's cost, not a delta's): {len(walk.patches):,}")
    print("  " + ", ".join(f"{w} {n:,}" for w, n in where.most_common()))
    print(f"the patches stored {storing:.3f} s, {buffer.tell():,} bytes, references {sum(refs.values()):,}"
          f" ({', '.join(f'{t} {n:,}' for t, n in refs.most_common(6))})")
    sizes: Counter = Counter()  # bytes by place, each patch pickled alone
    for path, value in walk.patches:
        alone = io.BytesIO()
        part = pickle.Pickler(alone, protocol=pickle.HIGHEST_PROTOCOL)
        part.persistent_id = reference
        part.dump(value)
        sizes[_where(path)] += alone.tell()
    print("  bytes: " + ", ".join(f"{w} {n:,}" for w, n in sizes.most_common(8)))
    print(f"read back on top of the memo {loading:.3f} s, applied {applying:.3f} s")
    print(f"the whole memo stored {storing_whole:.3f} s, {whole:,} bytes;"
          f" with a persistent_id that names nothing {storing_called:.3f} s,"
          f" with a reducer_override that names nothing {storing_overridden:.3f} s")


# --- the first stage as it could be built now --------------------------------------
# The memo's own dictionaries restated by entry (an entry changed when it is not the
# very object read; a page's signature also when it is not equal: each plan makes them
# anew); the parts other modules change in place (the file cache's FolderMemo, the
# related index, the page index, the layout, the topic matcher) restated whole; the
# objects read that those point at (papers, drafts, related rows, the FolderMemo)
# written as references through reducer_override, which pickle calls only for objects
# of classes (not for strings, tuples, dicts): nearly free, where a persistent_id is
# called for every object (+50% on the whole memo).

_ENTRIES = ("assigned", "bibtex", "signatures", "stamps", "rows", "pages", "shown", "joined", "feeds", "files")
_WHOLE = ("related", "index", "layout", "matcher", "topic_set", "templates")
_BASE: list = []  # the memo a delta being read refers to


def _ref(kind: str, *key: object) -> object:
    memo = _BASE[0]
    if kind == "paper":
        return memo.assigned[key[0]][0]
    if kind == "draft":
        return memo.files[key[0]][1]
    if kind == "row":
        return memo.related._rows[key[0]][key[1]]
    return next(e[3] for e in memo.files.values() if e[3].folder == key[0])


def stage_snapshot(memo: build.Memo) -> tuple[dict, dict]:
    """At the read: the memo's dictionaries as read (shallow copies), and the objects
    read that a delta may name, id -> (key, the object)."""
    snap = {name: dict(getattr(memo, name)) for name in _ENTRIES}
    snap.update({("fragments", kind): dict(d) for kind, d in memo.fragments.items()})
    named: dict[int, tuple] = {}
    for pid, entry in memo.assigned.items():
        named[id(entry[0])] = (("paper", pid), entry[0])
    for path, entry in memo.files.items():
        named[id(entry[1])] = (("draft", path), entry[1])
        named.setdefault(id(entry[3]), (("folder", entry[3].folder), entry[3]))
    for i, row in enumerate(memo.related._rows or ()):
        for j, r in enumerate(row):
            named[id(r)] = (("row", i, j), r)
    return snap, named


def stage_delta(memo: build.Memo, snap: dict) -> dict:
    delta = stage_delta_entries(memo, snap)
    state = memo.__getstate__()
    for name in _WHOLE:
        delta["=", name] = state[name]
    folders = {id(e[3]): e[3] for e in memo.files.values()}
    delta["folders"] = [(f.folder, f.__getstate__()) for f in folders.values()]
    return delta


def stage_delta_entries(memo: build.Memo, snap: dict) -> dict:
    """The memo's own dictionaries' entries that are not the very objects read."""
    delta: dict = {}
    for name in _ENTRIES:
        now, was = getattr(memo, name), snap[name]
        if name == "signatures":
            entries = {k: v for k, v in now.items() if (o := was.get(k, _GONE)) is not v and o != v}
        else:
            entries = {k: v for k, v in now.items() if was.get(k, _GONE) is not v}
        entries.update({k: _GONE for k in was.keys() - now.keys()})
        delta[name] = entries
    for kind, now in memo.fragments.items():
        was = snap.get(("fragments", kind), {})
        delta["fragments", kind] = {k: v for k, v in now.items() if was.get(k, _GONE) is not v}
    return delta


def stage_pickler(buffer: io.BytesIO, named: dict) -> pickle.Pickler:
    class Delta(pickle.Pickler):
        def reducer_override(self, obj: object) -> object:
            found = named.get(id(obj))
            if found is not None and found[1] is obj:
                return _ref, found[0]
            return NotImplemented

    return Delta(buffer, protocol=pickle.HIGHEST_PROTOCOL)


def stage_apply(memo: build.Memo, delta: dict) -> None:
    for name, entries in delta.items():
        if name == "folders":
            for folder, state in entries:
                _ref("folder", folder).__dict__.update(state)
        elif name[0] == "=":
            setattr(memo, name[1], entries)
        else:
            _patch(getattr(memo, name) if isinstance(name, str) else memo.fragments.setdefault(name[1], {}), entries)


def _patch(box: dict, entries: dict) -> None:
    for key, value in entries.items():
        if isinstance(value, str) and value == _GONE:
            box.pop(key, None)
        else:
            box[key] = value


def _read_back(folder: Path, data: bytes, apply: Callable[[build.Memo, dict], None]) -> float:
    """CPU seconds to read a delta back on top of a fresh read of the memo, and apply it."""
    _BASE[:] = [cache.read(folder)]
    start = cpu()
    apply(_BASE[0], pickle.loads(data))
    seconds = cpu() - start
    _BASE.clear()
    return seconds


def _costly(parts: list[tuple[float, int, object]]) -> str:
    return ", ".join(
        f"{_label(name)} {seconds:.3f} s {size / 1e6:.1f} MB"
        for seconds, size, name in sorted(parts, key=lambda p: p[0], reverse=True)[:7]
    )


def _parts(delta: dict, named: dict) -> list[tuple[float, int, object]]:
    """Each part of ``delta`` pickled alone: (CPU seconds, bytes, its name)."""
    parts = []
    for name, part in delta.items():
        alone = io.BytesIO()
        begin = cpu()
        stage_pickler(alone, named).dump(part)
        parts.append((cpu() - begin, alone.tell(), name))
    return parts


def stage(project: Path, kind: str) -> None:
    folder = project / ".cache" / "readinglist"
    memo = cache.read(folder)
    start = cpu()
    snap, named = stage_snapshot(memo)
    snapping = cpu() - start
    with edited_run(project, kind, memo) as result:
        buffer = io.BytesIO()
        start = cpu()
        delta = stage_delta(memo, snap)
        finding = cpu() - start
        stage_pickler(buffer, named).dump(delta)
        storing = cpu() - start
        parts = _parts(delta, named)
        start = cpu()
        pickle.dumps(memo, protocol=pickle.HIGHEST_PROTOCOL)
        storing_whole = cpu() - start
        reading = _read_back(folder, buffer.getvalue(), stage_apply)
    print(f"## stage one, {kind}: {len(result.report.written)} files written")
    print(f"at the read: copies and names {snapping:.3f} s ({len(named):,} objects named)")
    print(f"the delta: found {finding:.3f} s, stored (with finding) {storing:.3f} s, {buffer.tell():,} bytes;"
          f" read back and applied {reading:.3f} s; the whole memo stored {storing_whole:.3f} s")
    print(f"  parts stored alone: {_costly(parts)}")


# --- the whole first stage, were the other modules to replace what they change -------
# (`--stage full`) The parts `stage` restates whole are restated attribute by attribute
# too: an attribute not the very object read is restated, by entry when it is a
# dictionary, list or tuple of the length read (its entries compared by identity with a
# copy made at the read), whole otherwise; an array whole whatever its identity (the
# related index changes some in place). What that costs is what the first stage would
# cost once the related index, the page index, the layout and the file cache's
# FolderMemo replaced their entries instead of changing them in place; today it is not
# a correct delta (those changes in place are missed), so only its cost is measured.


def _objects(memo: build.Memo) -> dict[tuple, object]:
    """The objects of the memo other modules change, by a key a delta could name them by."""
    found: dict[tuple, object] = {("=", "related"): memo.related, ("=", "matcher"): memo.matcher}
    if memo.index is not None:
        found["=", "index"] = memo.index
    if memo.layout is not None:
        found["=", "layout"] = memo.layout
    for entry in memo.files.values():
        folder = entry[3]
        if ("folder", folder.folder) in found:
            continue
        found["folder", folder.folder] = folder
        found["placed", folder.folder] = folder.placed
        if folder.last is not None:
            found["last", folder.folder] = folder.last
            found["loaded", folder.folder] = folder.last.files
            found["checked", folder.folder] = folder.last.checked
    return found


def _boxes(value: object) -> object:
    if isinstance(value, dict):
        return dict(value)
    if isinstance(value, (list, tuple)) and len(value) > 8:
        return list(value)
    return None


def full_snapshot(memo: build.Memo) -> dict:
    snap: dict = {
        key: {name: (value, _boxes(value)) for name, value in obj.__dict__.items()}
        for key, obj in _objects(memo).items()
    }
    snap.update({("joined", dest): list(parts) for dest, (parts, *_) in memo.joined.items()})
    snap.update({("rows", dest): dict(rows) for dest, rows in memo.rows.items()})
    return snap


def _label(name: object) -> str:
    if isinstance(name, str):
        return name
    return ".".join(map(str, name[1] if name[0] == "@" else name))


def full_delta(memo: build.Memo, snap: dict, entries: dict, dirty: set) -> dict:
    """The entries of the memo's own dictionaries (``entries``: stage_delta's), and each
    object's changed attributes, by entry where they can be; its arrays when they are in
    ``dirty`` (as a flag set by the code that changed them would say)."""
    delta = {name: part for name, part in entries.items() if name != "folders" and name[0] != "="}
    # A joined file's parts by place, a page's rows by key, against those read.
    for dest, (parts, *stamp) in delta.pop("joined", {}).items():  # (stamp, ctime)
        old = snap.get(("joined", dest))
        if old is not None and len(old) == len(parts):
            changed = {i: v for i, (v, o) in enumerate(zip(parts, old)) if v is not o}
            delta.setdefault("joined by place", {})[dest] = (tuple(stamp), changed)
        else:
            delta.setdefault("joined", {})[dest] = (parts, *stamp)
    for dest, rows in delta.pop("rows", {}).items():
        old = snap.get(("rows", dest))
        if isinstance(rows, dict) and old is not None:
            patch = {k: v for k, v in rows.items() if old.get(k, _GONE) is not v}
            patch.update({k: _GONE for k in old.keys() - rows.keys()})
            delta.setdefault("rows by key", {})[dest] = patch
        else:
            delta.setdefault("rows", {})[dest] = rows
    for key, obj in _objects(memo).items():
        was = snap.get(key, {})
        changes = {}
        for name, value in obj.__dict__.items():
            if (key[0] == "folder" and name in ("last", "placed", "applied")) or (key == ("=", "index") and name == "refs"):
                continue  # (named objects of their own, or not stored: Memo.__getstate__)
            old, box = was.get(name, (_GONE, None))
            if isinstance(value, np.ndarray) or _holds_array(value):
                if (key, name) in dirty:
                    changes[name] = value
            elif value is old:
                continue
            elif isinstance(value, dict) and isinstance(box, dict):
                patch = {k: v for k, v in value.items() if box.get(k, _GONE) is not v}
                patch.update({k: _GONE for k in box.keys() - value.keys()})
                changes[name] = ("by key", patch)
            elif isinstance(value, (list, tuple)) and isinstance(box, list) and len(box) == len(value):
                changes[name] = ("by place", type(value), {i: v for i, (v, o) in enumerate(zip(value, box)) if v is not o})
            else:
                changes[name] = value
        if changes:
            delta["@", key] = changes
    return delta


def _holds_array(value: object) -> bool:
    return type(value) is tuple and any(isinstance(item, np.ndarray) for item in value)


def full_apply(memo: build.Memo, delta: dict) -> None:
    objects = _objects(memo)
    stage_apply(memo, {name: part for name, part in delta.items() if name[0] != "@" and " by " not in name})
    for dest, (stamp, changed) in delta.get("joined by place", {}).items():
        parts = list(memo.joined[dest][0])
        for i, v in changed.items():
            parts[i] = v
        memo.joined[dest] = (parts, *stamp)
    for dest, patch in delta.get("rows by key", {}).items():
        memo.rows[dest] = dict(memo.rows[dest])
        _patch(memo.rows[dest], patch)
    for name, changes in delta.items():
        if name[0] != "@":
            continue
        state = objects[name[1]].__dict__
        for attr, change in changes.items():
            how = change[0] if type(change) is tuple and change and isinstance(change[0], str) else None
            if how == "by key":
                state[attr] = dict(state[attr])
                _patch(state[attr], change[1])
            elif how == "by place":
                items = list(state[attr])
                for i, v in change[2].items():
                    items[i] = v
                state[attr] = change[1](items)
            else:
                state[attr] = change


def full(project: Path, kind: str) -> None:
    folder = project / ".cache" / "readinglist"
    memo = cache.read(folder)
    start = cpu()
    snap, named = stage_snapshot(memo)
    snap_full = full_snapshot(memo)
    snapping = cpu() - start
    # (Not timed: the arrays as read, to tell which a run changed, in place or not.)
    arrays = {
        (key, name): pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        for key, obj in _objects(memo).items() for name, value in obj.__dict__.items()
        if isinstance(value, np.ndarray) or _holds_array(value)
    }
    with edited_run(project, kind, memo) as result:
        dirty = {
            (key, name) for key, obj in _objects(memo).items() for name, value in obj.__dict__.items()
            if (isinstance(value, np.ndarray) or _holds_array(value))
            and arrays.get((key, name)) != pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        }
        buffer = io.BytesIO()
        start = cpu()
        delta = full_delta(memo, snap_full, stage_delta_entries(memo, snap), dirty)
        finding = cpu() - start
        stage_pickler(buffer, named).dump(delta)
        storing = cpu() - start
        parts = _parts(delta, named)
        attrs = []  # the objects' attributes restated, by size
        for name, part in delta.items():
            if name[0] == "@":
                for attr, change in part.items():
                    alone = io.BytesIO()
                    stage_pickler(alone, named).dump(change)
                    attrs.append((alone.tell(), f"{name[1][0]}.{attr}"))
        reading = _read_back(folder, buffer.getvalue(), full_apply)
    print(f"## the whole first stage, {kind}: {len(result.report.written)} files written")
    print("  attributes restated: " + ", ".join(f"{a} {n / 1e6:.2f} MB" for n, a in sorted(attrs, reverse=True)[:8]))
    print(f"at the read: copies and names {snapping:.3f} s")
    print(f"the delta: found {finding:.3f} s, stored (with finding) {storing:.3f} s, {buffer.tell():,} bytes;"
          f" read back and applied {reading:.3f} s")
    print(f"  parts stored alone: {_costly(parts)}")


def _none(obj: object) -> None:
    return None


class _Overriding(pickle.Pickler):
    def reducer_override(self, obj: object) -> object:
        return NotImplemented


def _where(path: tuple) -> str:
    """A patch's place, without its keys: memo field and the attributes on the way."""
    return ".".join(str(step) for step in path if isinstance(step, str) and (step == "@" or step.isidentifier()))[:60]


def _apply(memo: build.Memo, path: tuple, value: object) -> None:
    """Set ``path`` of ``memo`` to ``value`` (a probe's apply: tuples on the way are
    rebuilt in their container)."""
    chain = [memo.__dict__]
    steps = list(path)
    holder: object = memo.__dict__
    for step in steps[:-1]:
        holder = _step(holder, step)
        chain.append(holder)
    last = steps[-1]
    if last == "@" or isinstance(holder, tuple):
        return  # (an object's whole state or a tuple's item: counted, not rebuilt here)
    if isinstance(holder, dict):
        _patch(holder, {last: value})
    elif isinstance(holder, list):
        holder[last] = value


def _step(holder: object, step: object) -> object:
    if step == "@":
        return holder.__dict__ if hasattr(holder, "__dict__") else _state(holder)
    if isinstance(holder, dict):
        return holder[step]
    if isinstance(holder, (list, tuple)):
        return holder[step]
    return getattr(holder, step)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("kinds", nargs="+", choices=["title", "abstract", "notes"])
    parser.add_argument(
        "--stage", choices=["now", "full"],
        help="the first stage as it could be built now, or once the other modules replace what they change",
    )
    args = parser.parse_args(argv)
    gc.disable()  # (as cache.read and cache.write keep the collector out)
    for kind in args.kinds:
        {None: probe, "now": stage, "full": full}[args.stage](args.project, kind)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
