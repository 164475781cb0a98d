"""benchmarks/memo_reads.py: the memo's entries a rerun reads (BENCHMARKS.md, the
sixty-fourth session's title edit)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import memo_reads  # noqa: E402

from generator import build  # noqa: E402


def test_a_counted_table_counts_each_key_looked_up_once_and_each_walk():
    table = memo_reads.Counted({"a": 1, "b": 2, "c": 3})
    assert table["a"] == 1
    assert table.get("a") == 1
    assert table.get("z") is None
    assert "b" in table
    assert table.looked == {"a", "z", "b"}
    assert table.walks == 0
    assert dict(table) == {"a": 1, "b": 2, "c": 3}  # (a copy walks it, through keys())
    assert sorted(table.items()) == [("a", 1), ("b", 2), ("c", 3)]
    assert list(table.values()) == [1, 2, 3]
    assert table.copy() == {"a": 1, "b": 2, "c": 3}
    assert table.walks == 4


def test_every_table_of_a_memo_is_counted_and_holds_what_it_held():
    rows = {(str(i),): ((i,), f"row {i}") for i in range(200)}
    memo = build.Memo(
        bibtex={"p1": ("paper", b"@misc{p1}", "cited")},
        fragments={"csv": {"p1": ("paper", (), (), b"p1\n")}},
        rows={"papers/index.md": rows, "topics/small/index.md": {("x",): ((0,), "x")}},
    )
    tables = memo_reads.counted(memo)
    assert memo.bibtex is tables["bibtex"] and memo.bibtex == {"p1": ("paper", b"@misc{p1}", "cited")}
    assert memo.fragments["csv"] is tables["fragments[csv]"]
    assert memo.rows["papers/index.md"] is tables["rows[papers/index.md]"] and memo.rows["papers/index.md"] == rows
    # (A small table's rows are counted as a page looked up, not as a table of their own.)
    assert "rows[topics/small/index.md]" not in tables
    memo.fragments["csv"].get("p1")
    assert tables["fragments[csv]"].looked == {"p1"} and tables["fragments[csv]"].walks == 0
    for _ in memo.fragments.values():
        pass
    assert tables["fragments[csv]"].walks == 0 and memo.fragments.walks == 1
