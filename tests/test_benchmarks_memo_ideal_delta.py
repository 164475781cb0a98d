"""benchmarks/memo_ideal_delta.py: the patches found by value between a memo as read and
after a run, the floor of a delta (BENCHMARKS.md, the fifty-second session)."""

from __future__ import annotations

import copy
import sys
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import memo_ideal_delta  # noqa: E402


@dataclass
class Part:
    rows: list = field(default_factory=list)
    table: dict = field(default_factory=dict)
    array: np.ndarray = field(default_factory=lambda: np.zeros(3))


def _patches(new: object, old: object) -> dict:
    walk = memo_ideal_delta.Walk()
    walk.diff(new, old, ())
    return dict(walk.patches)


def test_equal_copies_need_no_patch_however_they_were_made():
    shared = ("a", 1)
    old = {"part": Part([shared, shared, ("b",)], {"x": (1, 2)}), "tuple": tuple(range(20))}
    assert _patches(copy.deepcopy(old), old) == {}


def test_changes_in_place_are_found_where_they_are():
    old = {"part": Part([("a",), ("b",)], {"x": 1, "y": 2}, np.arange(3)), "n": 1}
    new = copy.deepcopy(old)
    new["part"].rows[1] = ("c",)  # a list's item set by place
    new["part"].table["x"] = 5  # an entry changed in place
    del new["part"].table["y"]
    new["part"].table["z"] = 0
    new["part"].array[0] = 9  # an array changed in place
    new["n"] = 2
    found = _patches(new, old)
    assert found.keys() == {
        ("part", "@", "rows", 1, 0), ("part", "@", "table", "x"), ("part", "@", "table", "y"),
        ("part", "@", "table", "z"), ("part", "@", "array"), ("n",),
    }
    assert found["part", "@", "table", "y"] == memo_ideal_delta._GONE
    assert found["part", "@", "rows", 1, 0] == "c"
    assert list(found["part", "@", "array"]) == [9, 1, 2]


def test_a_tuple_of_another_length_is_restated_whole():
    found = _patches({"t": (1, 2, 3)}, {"t": (1, 2)})
    assert found == {("t",): (1, 2, 3)}
