"""Under serve, a file read while an editor was still saving it (half_saved.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator import half_saved


class Clock:
    """The time half_saved reads, moved on only by its own pauses: each look it takes at
    the files is at a time the test knows."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, at: float = 1_800_000_000.0) -> None:
        self.at = at
        self.paused: list[float] = []
        self.meanwhile: dict[int, object] = {}  # pause number -> what happens during it
        monkeypatch.setattr(half_saved, "now", lambda: self.at)
        monkeypatch.setattr(half_saved, "pause", self.pause)

    def pause(self, seconds: float) -> None:
        self.at += seconds
        happens = self.meanwhile.get(len(self.paused))
        self.paused.append(seconds)
        if happens is not None:
            happens()  # type: ignore[operator]


def written(path: Path, text: str, at: float) -> None:
    """``text`` written into ``path`` at ``at`` (as time.time())."""
    path.write_text(text)
    os.utime(path, (at, at))


def test_a_file_finished_during_the_settle_is_read_again_once_left_alone(tmp_path, monkeypatch):
    # Saved in two writes: the build read the first half (a list not closed yet).
    clock = Clock(monkeypatch)
    paper = tmp_path / "paper.yml"
    written(paper, "id: a\nauthors: [Ada", clock.at - 0.3)
    read_from = clock.at - 0.2
    clock.meanwhile[2] = lambda: written(paper, "id: a\nauthors: [Ada Lovelace]\n", clock.at)
    assert half_saved.rewritten_once_settled([paper], read_from)
    # (Looked at until left alone for QUIET seconds after the second write: not read
    # again while a third may come.)
    assert clock.at - paper.stat().st_mtime >= half_saved.QUIET
    assert sum(clock.paused) < half_saved.SETTLE_AT_MOST


def test_a_file_that_stays_broken_is_said_once_it_settled(tmp_path, monkeypatch):
    clock = Clock(monkeypatch)
    paper = tmp_path / "paper.yml"
    written(paper, "id: a\nauthors: [Ada", clock.at - 0.3)
    assert not half_saved.rewritten_once_settled([paper], clock.at - 0.2)
    # (A moment: until it was left alone QUIET seconds, a look more at most.)
    alone = 0.3 + sum(clock.paused)
    assert half_saved.QUIET - 1e-6 <= alone <= half_saved.QUIET + half_saved.LOOK_EVERY + 1e-6


def test_a_file_broken_since_before_the_change_is_said_at_once(tmp_path, monkeypatch):
    clock = Clock(monkeypatch)
    paper = tmp_path / "paper.yml"
    written(paper, "id: a\nauthors: [Ada", clock.at - 60)
    assert not half_saved.rewritten_once_settled([paper], clock.at - 1)
    assert clock.paused == []


def test_a_file_written_again_while_the_build_ran_is_read_again_without_a_wait(
    tmp_path, monkeypatch
):
    # The rest came after the build read the file, and long enough ago: what the
    # build read is not what is there.
    clock = Clock(monkeypatch)
    paper = tmp_path / "paper.yml"
    read_from = clock.at - 2
    written(paper, "id: a\nauthors: [Ada Lovelace]\n", read_from + 1)
    assert half_saved.rewritten_once_settled([paper], read_from)
    assert clock.paused == []


def test_a_file_that_never_stops_changing_is_given_up_on(tmp_path, monkeypatch):
    # (A file written on without end, a log say: the build goes on, and its errors
    # are said if they are still there.)
    clock = Clock(monkeypatch)
    paper = tmp_path / "paper.yml"
    written(paper, "id: a\nauthors: [Ada", clock.at)
    for look in range(100):
        clock.meanwhile[look] = lambda: written(paper, paper.read_text() + "a", clock.at)
    assert half_saved.rewritten_once_settled([paper], clock.at - 0.1)
    assert sum(clock.paused) == pytest.approx(half_saved.SETTLE_AT_MOST, abs=half_saved.LOOK_EVERY)


def test_a_file_gone_meanwhile_is_read_again(tmp_path, monkeypatch):
    clock = Clock(monkeypatch)
    paper = tmp_path / "paper.yml"
    written(paper, "id: a\nauthors: [Ada", clock.at - 0.1)
    clock.meanwhile[0] = paper.unlink
    assert half_saved.rewritten_once_settled([paper], clock.at - 0.2)


def test_no_file_no_wait(tmp_path, monkeypatch):
    clock = Clock(monkeypatch)
    assert not half_saved.rewritten_once_settled([tmp_path / "gone.yml"], clock.at)
    assert not half_saved.rewritten_once_settled([], clock.at)
    assert clock.paused == []


@pytest.mark.parametrize(
    "cut",
    [
        b"id: a\ntitle: [A Paper",  # (a list not closed yet)
        b'id: a\ntitle: "Caf',  # (a quote)
        "id: a\ntitle: Café\n".encode()[:-2],  # (a letter cut between its bytes)
    ],
)
def test_what_a_file_read_halfway_through_its_save_says_is_known_as_such(tmp_path, cut):
    # (CUT_SHORT is what the serve hook looks for in the problems of a failed build.)
    from generator.curation import load_content

    papers = tmp_path / "content" / "papers"
    papers.mkdir(parents=True)
    (tmp_path / "content" / "topics.yml").write_text("topics: []\n")
    (papers / "a.yml").write_bytes(cut)
    problems = load_content(tmp_path / "content")[1]
    said = [p for p in problems.errors if p.location.path == "content/papers/a.yml"]
    assert said and said[0].message.startswith(half_saved.CUT_SHORT), said
