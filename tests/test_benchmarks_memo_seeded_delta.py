"""benchmarks/memo_seeded_delta.py: a delta through pickle's own numbering (BENCHMARKS.md,
the sixty-fourth session)."""

from __future__ import annotations

import io
import pickle
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import memo_seeded_delta  # noqa: E402


def _read(value: object) -> tuple[bytes, object, dict]:
    base = pickle.dumps(value, protocol=memo_seeded_delta.PROTOCOL)
    unpickler = pickle.Unpickler(io.BytesIO(base))
    return base, unpickler.load(), memo_seeded_delta.seed_of(unpickler.memo.copy())


def test_an_object_read_is_the_very_object_the_delta_reads_back():
    shared = ("a paper", "its title")
    base, read, seed = _read({"assigned": {"p": shared}, "bibtex": {"p": shared}})
    new = {"assigned": read["assigned"].copy(), "bibtex": {"p": read["bibtex"]["p"], "q": ("a new one",)}}
    delta = memo_seeded_delta.seeded_delta(seed, new)
    first, back = memo_seeded_delta.read_back(base, delta)
    assert back == new
    assert back["assigned"]["p"] is first["assigned"]["p"] is back["bibtex"]["p"]
    # (The shared tuple and its strings are references: the delta is shorter than the value.)
    assert len(delta) < len(pickle.dumps(new, protocol=memo_seeded_delta.PROTOCOL))


def test_a_dict_changed_in_place_since_the_read_is_read_back_as_it_was():
    base, read, seed = _read({"stamps": {"index.md": (1, 2)}})
    read["stamps"]["index.md"] = (3, 4)  # (as write_outputs updates the memo's stamps)
    _, back = memo_seeded_delta.read_back(base, memo_seeded_delta.seeded_delta(seed, read))
    assert back == {"stamps": {"index.md": (1, 2)}}
    assert read == {"stamps": {"index.md": (3, 4)}}
