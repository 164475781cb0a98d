"""benchmarks/memo_packed_floor.py: a paper's pack names the whole part's Paper, copies nothing else."""

from __future__ import annotations

import pickle
import sys
from pathlib import Path

from generator.models import Paper

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import memo_packed_floor  # noqa: E402


def test_a_pack_refers_to_the_whole_parts_paper_and_copies_an_equal_other(monkeypatch):
    kept = Paper("a", "A title", "An abstract " * 200)
    other = Paper("a", "A title", "An abstract " * 200)  # equal, but not the whole part's
    monkeypatch.setattr(memo_packed_floor, "_PAPERS", {"a": kept})
    named, copied = memo_packed_floor.pack((kept, "x")), memo_packed_floor.pack((other, "x"))
    # Named by its id, the pack holds none of the paper's text; the other is copied whole.
    assert len(named) < 200 < len(copied)
    assert pickle.loads(named)[0] is kept
    back = pickle.loads(copied)[0]
    assert back == other and back is not kept
