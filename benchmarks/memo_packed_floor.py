"""The floor of a memo kept in parts: each paper's entries packed as bytes, the rest whole.

    .venv/bin/python benchmarks/memo_packed_floor.py [PROJECT] [--repeat 3] [--changed 187 6 2]

A probe, not the generator's code: it reads the memo a build left in PROJECT (as
`memo_fields.py` does) and lays it out again as the fifty-first session's redesign would
keep it, to measure what reading and storing such a memo costs before anyone builds it:

- **per paper** (one pickled bytes a paper, unpickled only for the papers a rerun
  changed): its file's entry in the file cache (stamp, draft, problems), its topic
  assignments, BibTeX entry and citation, its fragments (JSON, CSV), its page's
  signature, its related papers, and its entries in the page index (`shown`,
  `topics_of`, `positions`, `code`, `keys`, `assigned`). The Paper itself is written as a
  reference to the whole part's (a `reducer_override`, which pickle calls for instances
  only, so it costs nothing for the strings and tuples);
- **whole** (read and written by every rerun): the 10,000 Papers, the file cache's
  FolderMemo (its drafts left to the packs), the related index but its rows, the rest of
  the page index, the layout but its related rows, the All papers rows, the joined
  files' parts, the stamps and the small fields.

It prints the CPU of each part's dump and load, of packing all papers (a clean build's
store) and of unpacking and packing again the ``--changed`` papers (a rerun's), and the
floor they add up to for each, beside the whole memo's dump and load as it is stored now.
Shared strings are copied into each pack (the bytes grow); nothing here checks that the
generator could run on the parts (the phases would have to ask for a paper's entries
rather than walk them all): it is the memo I/O's floor, not a design.
"""

from __future__ import annotations

import argparse
import array
import copy
import dataclasses
import functools
import gc
import io
import itertools
import pickle
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator import cache  # noqa: E402  (after the path, as the other benchmarks)
from generator.build import Memo  # noqa: E402
from generator.models import Paper  # noqa: E402
from generator.pages import paper_dest  # noqa: E402
from memo_fields import least  # noqa: E402  (this folder is the script's, first on the path)

_PAPERS: dict[str, Paper] = {}  # the whole part's Papers, which the packs name by id
_PER_PAPER_INDEX = ("shown", "topics_of", "positions", "code", "keys", "assigned")


def _paper(pid: str) -> Paper:
    return _PAPERS[pid]


class _PackPickler(pickle.Pickler):
    def reducer_override(self, obj):
        if type(obj) is Paper and _PAPERS.get(obj.id) is obj:
            return _paper, (obj.id,)
        return NotImplemented


def pack(value: object) -> bytes:
    buffer = io.BytesIO()
    _PackPickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
    return buffer.getvalue()


def _each(step, values: list) -> None:
    for value in values:
        step(value)


def split(memo: Memo) -> tuple[dict, dict[str, tuple]]:
    """(the whole part, paper id -> its entries), from the memo as read."""
    index = memo.index
    papers = dict(index.papers)
    drafts = {}  # paper id -> its file's entry
    folder = None
    for path, (stamp, draft, problems, memo_of_folder) in memo.files.items():
        folder = memo_of_folder
        if draft.built is not None:
            drafts[draft.built[1].id] = (path, stamp, draft, problems)
    rows_of = dict(zip(memo.related._ids, memo.related._rows or ()))
    per_paper = {}
    for pid in papers:
        per_paper[pid] = (
            drafts.get(pid),
            memo.assigned.get(pid, (None, ()))[1],
            memo.bibtex.get(pid, (None, "", ""))[1:],
            {kind: store.get(pid, (None,))[1:] for kind, store in memo.fragments.items()},
            memo.signatures.get(paper_dest(pid)),
            rows_of.get(pid),
            memo.shown.get(pid),
            tuple(getattr(index, name).get(pid) for name in _PER_PAPER_INDEX),
        )
    folder = copy.copy(folder)
    if folder is not None and folder.last is not None:
        last = copy.copy(folder.last)
        last.files = dataclasses.replace(last.files, drafts=[])
        folder.last = last
    related = copy.copy(memo.related)
    related._rows = None
    whole = {
        "papers": tuple(papers.values()),
        "checked": folder.last.checked if folder is not None and folder.last is not None else None,
        "placed": folder.placed if folder is not None else None,
        "folder": folder,
        "related": related,
        "index": dataclasses.replace(index, refs={}, **{name: {} for name in _PER_PAPER_INDEX}),
        "layout": dataclasses.replace(memo.layout, related=None) if memo.layout else None,
        "rows": memo.rows,
        "joined": memo.joined,
        "stamps": memo.stamps,
        "small": (memo.topic_set, memo.matcher, memo.pages, memo.feeds, memo.templates),
    }
    return whole, per_paper


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", nargs="?", type=Path, default=ROOT / "benchmarks/work/n10000/project")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--changed", type=int, nargs="+", default=[187, 6, 2])
    args = parser.parse_args(argv)
    gc.disable()  # as `cache.read` does
    memo = cache.read(args.project / ".cache" / "readinglist")
    if not isinstance(memo, Memo):
        print("no memo this code can read (build the project first)", file=sys.stderr)
        return 1
    rounds = args.repeat
    state = memo.__getstate__()
    data = pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL)
    now = (least(rounds, lambda: pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL)),
           least(rounds, lambda: pickle.loads(data)), len(data))
    print(f"the memo as stored now: dump {now[0]:.3f} s, load {now[1]:.3f} s, {now[2] / 1e6:.1f} MB")

    whole, per_paper = split(memo)
    _PAPERS.update({p.id: p for p in whole["papers"]})
    print("whole part, field by field in order (dump s / load s / MB):")
    load_whole = dump_whole = 0.0
    for name in whole:
        upto = {k: whole[k] for k in list(whole)[: list(whole).index(name) + 1]}
        blob = pickle.dumps(upto, protocol=pickle.HIGHEST_PROTOCOL)
        dump = least(rounds, functools.partial(pickle.dumps, upto, protocol=pickle.HIGHEST_PROTOCOL))
        load = least(rounds, functools.partial(pickle.loads, blob))
        print(f"  + {name:8s} {dump - dump_whole:.3f} / {load - load_whole:.3f} / {len(blob) / 1e6:.1f} (in all {dump:.3f} / {load:.3f})")
        dump_whole, load_whole = dump, load

    packs: dict[str, bytes] = {}
    pack_all = least(rounds, lambda: packs.update({pid: pack(v) for pid, v in per_paper.items()}))
    blob = pickle.dumps(packs, protocol=pickle.HIGHEST_PROTOCOL)
    dump_packs = least(rounds, lambda: pickle.dumps(packs, protocol=pickle.HIGHEST_PROTOCOL))
    load_packs = least(rounds, lambda: pickle.loads(blob))
    size = sum(map(len, packs.values()))
    print(f"packing all {len(packs):,} papers {pack_all:.3f} s ({size / 1e6:.1f} MB); the packs "
          f"dumped {dump_packs:.3f} s, loaded {load_packs:.3f} s")
    ids = list(packs)
    # The packs in a file of their own, appended to: a rerun reads only where each pack
    # is (an id and two numbers a paper) and stores the changed packs and that table.
    offsets = array.array("q", itertools.accumulate((len(packs[pid]) for pid in ids), initial=0))
    table = pickle.dumps((tuple(ids), offsets.tobytes()), protocol=pickle.HIGHEST_PROTOCOL)
    dump_table = least(rounds, lambda: pickle.dumps((tuple(ids), offsets.tobytes()), protocol=pickle.HIGHEST_PROTOCOL))
    load_table = least(rounds, lambda: pickle.loads(table))
    print(f"the packs' table (ids, offsets) dumped {dump_table:.4f} s, loaded {load_table:.4f} s, {len(table) / 1e6:.2f} MB")
    for k in args.changed:
        chosen = ids[len(ids) // 2 : len(ids) // 2 + k]
        unpack = least(rounds, functools.partial(_each, pickle.loads, [packs[pid] for pid in chosen]))
        repack = least(rounds, functools.partial(_each, pack, [per_paper[pid] for pid in chosen]))
        read = load_whole + load_packs + unpack
        store = dump_whole + dump_packs + repack
        print(f"{k} papers changed: unpack {unpack:.4f} s, pack again {repack:.4f} s; read {read:.3f} s "
              f"(now {now[1]:.3f}), store {store:.3f} s (now {now[0]:.3f}): "
              f"{read + store:.3f} s against {now[0] + now[1]:.3f} s")
        read = load_whole + load_table + unpack
        store = dump_whole + dump_table + repack
        print(f"  the packs in a file appended to: read {read:.3f} s, store {store:.3f} s: {read + store:.3f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
