"""benchmarks/memo_touched.py: each memo field's own objects, and the entries a rerun
gave another object (BENCHMARKS.md, the fifty-ninth session's memo read and store)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import memo_touched  # noqa: E402


def test_an_object_two_fields_hold_is_the_own_of_neither():
    shared = ("a shared word", "another")  # a tuple and its two strings
    state = {"first": [shared, "abcd"], "second": {"k": shared}}
    found, objects, shared = memo_touched.own_objects(state)
    # first: its list and "abcd"; second: its dict and its key "k" (which the
    # collector does not show). The tuple and its strings are counted in both
    # fields' objects, in neither's own.
    assert found["first"][:3] == (5, 2, 4)
    assert found["second"][:3] == (5, 2, 1)
    assert found["first"][3] == {"list": 1, "str": 1}
    assert (objects, shared) == (7, 3)


def test_an_entry_counts_as_changed_when_it_is_another_object_however_equal():
    kept, edited = ("paper a", 1), ("paper b", 2)
    before = {"table": {"a": kept, "b": edited, "c": ("paper c",)}}
    again = tuple(["paper b", 2])  # (made at run time: equal literals are one object)
    after = {"table": {"a": kept, "b": again, "d": ("paper d",)}}
    # "b" equal but made anew, "d" added: two; "c" gone.
    assert memo_touched.changed(before, after) == {"table": (3, 2, 1)}
