"""The collector kept away from big loads (generator/gcpause.py)."""

from __future__ import annotations

import gc
import subprocess
import sys

from generator import gcpause


def test_each_kind_of_load_freezes_once_in_a_process_and_the_collector_comes_back(monkeypatch):
    freezes: list[str] = []
    monkeypatch.setattr(gcpause, "_FROZEN", set())
    monkeypatch.setattr(gcpause.gc, "freeze", lambda: freezes.append("freeze"))
    assert gc.isenabled()
    with gcpause.paused("memo"):  # the cache read first...
        assert not gc.isenabled()
    # ... leaves a full load after it (the cache was stale) its own freeze; a rebuild's
    # load under serve freezes nothing (it would keep the last build's garbage).
    for _ in range(3):
        with gcpause.paused("content"):
            pass
    assert freezes == ["freeze", "freeze"]
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off(monkeypatch):
    monkeypatch.setattr(gcpause, "_FROZEN", {"content"})
    gc.disable()
    try:
        with gcpause.paused("content"):
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_generators_modules_are_frozen_as_imported_and_the_collector_comes_back():
    # In a new process, as `readinglist build` and the MkDocs hook import it: the
    # modules' objects are out of the collector's sight, and it is on again after.
    out = subprocess.run(
        [sys.executable, "-c", "import gc\nimport generator.build\nprint(gc.get_freeze_count() > 30000, gc.isenabled())"],
        capture_output=True, text=True, check=True, timeout=120,
    ).stdout
    assert out == "True True\n"
