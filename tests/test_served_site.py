"""served_site.py: the last good site set aside while a build runs, and put back when
it fails."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from generator import served_site


def _site(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): p.read_text()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _build(site: Path, pages: dict[str, str]) -> None:
    for name, text in pages.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text)


def test_a_failed_build_puts_the_last_site_back_and_keeps_dot_files(tmp_path):
    site = tmp_path / "site"
    _build(site, {"index.html": "good", "papers/a/index.html": "a", ".nojekyll": ""})
    served_site.set_aside(site)
    assert sorted(p.name for p in site.iterdir()) == [".nojekyll", served_site.ASIDE]
    _build(site, {"index.html": "half"})
    served_site.put_back(site, whole=True)
    assert _site(site) == {".nojekyll": "", "index.html": "good", "papers/a/index.html": "a"}


def test_the_last_site_a_killed_build_left_aside_is_kept_by_the_next_build(tmp_path):
    site = tmp_path / "site"
    _build(site, {"index.html": "good", "papers/a/index.html": "a"})
    served_site.set_aside(site)
    _build(site, {"index.html": "half", "papers/b/index.html": "b"})
    # (killed here: no put_back, no drop)
    served_site.set_aside(site)  # the next build
    assert [p.name for p in site.iterdir()] == [served_site.ASIDE]
    _build(site, {"index.html": "half again"})
    served_site.put_back(site, whole=True)  # and it fails too
    assert _site(site) == {"index.html": "good", "papers/a/index.html": "a"}


def test_files_a_dirty_build_set_aside_are_never_taken_for_a_whole_site(tmp_path):
    site = tmp_path / "site"
    _build(site, {"index.html": "good", "papers/a/index.html": "a"})
    served_site.set_aside_files(site, [site / "papers/a/index.html"])
    # (stopped before it ended; then a build of every page)
    served_site.set_aside(site)
    _build(site, {"index.html": "new"})
    served_site.put_back(site, whole=True)
    assert _site(site) == {"index.html": "good"}  # (a's page was made again, not kept: gone with the half)


def test_ctrl_c_amid_the_set_aside_renames_sets_the_whole_site_aside_first(tmp_path, monkeypatch):
    """Ctrl-C after the first rename left part of the last site in the folder, emptied
    as a half by the next build."""
    site = tmp_path / "site"
    last = {"index.html": "good", "papers/a/index.html": "a"}
    _build(site, last)
    rename = Path.rename
    renamed: list[str] = []

    def interrupted(self, target):
        renamed.append(self.name)
        if len(renamed) == 1:
            os.kill(os.getpid(), signal.SIGINT)
        return rename(self, target)

    monkeypatch.setattr(Path, "rename", interrupted)
    with pytest.raises(KeyboardInterrupt):
        served_site.set_aside(site)
    monkeypatch.undo()
    assert len(renamed) == 2
    assert sorted(p.name for p in site.iterdir()) == [served_site.ASIDE]
    served_site.put_back(site, whole=True)
    assert _site(site) == last
