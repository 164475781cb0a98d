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


def _import_two_entries(tmp_path) -> None:
    from generator.cli import main

    (tmp_path / "content" / "papers").mkdir(parents=True)
    (tmp_path / "content" / "topics.yml").write_text("topics: []\n")
    bib = tmp_path / "lab.bib"
    bib.write_text("@article{a, title = {A Paper}, year = {2020}}\n@article{b, title = {Another One}, year = {2021}}\n")
    assert main(["--root", str(tmp_path), "import", "-q", str(bib)]) == 0
    assert len(list((tmp_path / "content" / "papers").glob("*.yml"))) == 2


def test_an_import_in_a_process_that_ends_with_it_freezes_what_it_leaves(tmp_path, monkeypatch):
    # (Its records are in cycles: the collector's pass after the import walked and freed
    # them just before the process ended; frozen, they are left to the exit.)
    freezes: list[bool] = []
    monkeypatch.setattr(gcpause, "_FROZEN", {"content", "memo", "import"})  # (only the import's own)
    monkeypatch.setattr(gcpause, "_ENDING", True)
    monkeypatch.setattr(gcpause.gc, "freeze", lambda: freezes.append(gc.isenabled()))
    _import_two_entries(tmp_path)
    assert freezes == [False]  # once, while the collector was still off
    assert gc.isenabled()


def test_an_import_called_by_a_longer_process_freezes_nothing(tmp_path, monkeypatch):
    # A test run or a server calling commands in turn: a frozen cycle is never freed.
    freezes: list[bool] = []
    monkeypatch.setattr(gcpause, "_FROZEN", {"content", "memo", "import"})
    monkeypatch.setattr(gcpause.gc, "freeze", lambda: freezes.append(gc.isenabled()))
    assert gcpause._ENDING is False
    _import_two_entries(tmp_path)
    assert freezes == []
    assert gc.isenabled()


def test_the_command_lines_entry_says_the_process_ends_with_its_command():
    # The `readinglist` script (pyproject's [project.scripts], tests/test_packaging.py)
    # and `python -m generator` both go through cli.entry.
    script = (
        "import atexit, sys\nfrom generator import gcpause\n"
        "atexit.register(lambda: print('ending', gcpause._ENDING))\n"
        "sys.argv = ['readinglist', '--version']\nfrom generator.cli import entry\nentry()\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120).stdout
    assert out.endswith("ending True\n"), out
    from pathlib import Path

    main_module = Path(gcpause.__file__).with_name("__main__.py").read_text(encoding="utf-8")
    assert "entry()" in main_module
