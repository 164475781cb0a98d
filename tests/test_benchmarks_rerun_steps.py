"""benchmarks/rerun_steps.py: a rerun's CPU step by step (BENCHMARKS.md, the
sixty-first session's title edit)."""

from __future__ import annotations

import collections
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import rerun_steps  # noqa: E402


def test_every_step_is_a_function_the_generator_has_where_it_is_called():
    # A step renamed or moved would be wrapped where no run calls it, and its row would
    # read 0 s: the tool must stop instead.
    for path, name, label in rerun_steps.STEPS:
        owner = rerun_steps._owner(path)
        assert callable(getattr(owner, name)), label
    labels = [label for _, _, label in rerun_steps.STEPS]
    assert len(labels) == len(set(labels))


def test_a_counted_method_is_bound_and_adds_its_cpu_and_calls(monkeypatch):
    # (A clock the test moves, not the process' CPU seconds: a bound on those, read while
    # other threads of the process ran, could fail by chance. Counted reads its clock
    # through `time`, as the tool runs.)
    clock = [100.0]
    monkeypatch.setattr(rerun_steps.time, "process_time", lambda: clock[0])

    class Worker:
        def __init__(self) -> None:
            self.base = 40

        def busy(self, extra: int) -> int:
            clock[0] += 0.25  # (its CPU)
            return self.base + extra

    spent: collections.Counter = collections.Counter()
    calls: collections.Counter = collections.Counter()
    Worker.busy = rerun_steps.Counted(Worker.busy, "busy", spent, calls)
    worker = Worker()
    assert worker.busy(2) == 42
    clock[0] += 7.0  # (CPU spent outside: not the step's)
    assert worker.busy(extra=3) == 43
    assert calls["busy"] == 2
    assert spent["busy"] == 0.5


def test_a_call_that_raises_is_counted_too():
    spent: collections.Counter = collections.Counter()
    calls: collections.Counter = collections.Counter()

    def fails() -> None:
        raise ValueError("no")

    counted = rerun_steps.Counted(fails, "fails", spent, calls)
    try:
        counted()
    except ValueError:
        pass
    assert calls["fails"] == 1


def test_the_table_gives_each_row_its_least_and_most_over_the_runs():
    label = rerun_steps.STEPS[0][2]

    def run(cpu: float, step: float, calls: int) -> dict:
        return {
            "generate_cpu_s": cpu, "store_cpu_s": 0.5, "written": 3,
            "phases": {"cache": step, "plan": 0.2}, "steps": {label: step}, "calls": {label: calls},
        }

    lines = rerun_steps.table([run(1.2, 0.4, 1), run(1.0, 0.45, 1), run(1.1, 0.41, 2)])
    assert "| `generate` | 1.000-1.200 | |" in lines
    assert "| cache | 0.400-0.450 | |" in lines
    assert "| store | 0.500-0.500 | |" in lines
    assert f"| {label} | 0.400-0.450 | 1/2 |" in lines
    # A step no run called reads 0 with no calls, not a missing row.
    other = rerun_steps.STEPS[1][2]
    assert f"| {other} | 0.000-0.000 | 0 |" in lines


def test_title_kept_puts_its_words_after_the_title_quoted_or_plain():
    assert rerun_steps.title_kept('id: a\ntitle: "Deep: Nets"\nabstract: >-\n  x\n') == (
        'id: a\ntitle: "Deep: Nets (revised)"\nabstract: >-\n  x\n'
    )
    assert rerun_steps.title_kept("title: 'It''s'\nnotes: 'n'\n") == "title: 'It''s (revised)'\nnotes: 'n'\n"
    # Plain, and only the title line: the words go last, so the paper sorts where it did.
    edited = rerun_steps.title_kept("id: b\ntitle: Zebra nets\nsubtitle: Zebra\n")
    assert edited == "id: b\ntitle: Zebra nets (revised)\nsubtitle: Zebra\n"
