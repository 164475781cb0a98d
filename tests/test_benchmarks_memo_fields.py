"""benchmarks/memo_fields.py --order: each field's part of one store, shared objects once."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import memo_fields  # noqa: E402


def test_a_shared_object_is_pickled_at_the_first_field_and_referenced_after():
    shared = tuple(f"word {n}" for n in range(50))  # a tuple and 50 strings: 51 objects
    parts = memo_fields.in_order({"first": [shared], "second": [shared, shared], "files": {}}, repeat=1)
    # The first field memoizes the tuple, its strings and its own list; the second
    # only its list, and refers to the tuple twice.
    assert parts["first"]["memoized"] == 52
    assert parts["second"]["memoized"] == 1
    assert parts["second"]["references"] == 2
    assert parts["first"]["bytes"] > parts["second"]["bytes"]


def test_bounds_split_off_the_file_cache():
    state = {"files": {"a": "x" * 1000}, "related": ["y" * 5000]}
    bounds = memo_fields.bounds(state, repeat=1)
    assert list(bounds) == ["whole", "file cache alone", "all but the file cache"]
    whole, files, rest = (bounds[k][2] for k in bounds)
    assert 1000 < files < 1100 and 5000 < rest < 5100 and whole > 6000
