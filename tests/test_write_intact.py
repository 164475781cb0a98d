"""A generated page edited by hand is made again on the next run, even when the edit
keeps its size: a file is taken as the last run left it only when both its size and
its modification time are the ones that run recorded."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from generator import build
from generator.write import intact, write_outputs

FIXTURE = Path(__file__).parent / "data" / "site_fixture" / "content"


def _same_size_edit(path: Path) -> bytes:
    """Change one byte of ``path``, keeping its size, and give it a later mtime."""
    original = path.read_bytes()
    at = original.index(b"#") if b"#" in original else 0
    edited = original[:at] + (b"X" if original[at:at + 1] != b"X" else b"Y") + original[at + 1:]
    before = path.stat().st_mtime_ns
    path.write_bytes(edited)
    # Set, not waited for: a coarse file-system clock could otherwise leave it unchanged.
    os.utime(path, ns=(before + 1_000_000_000, before + 1_000_000_000))
    assert len(edited) == len(original) and edited != original
    return original


def test_a_hand_edit_of_the_same_size_is_undone_by_the_next_generate(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    settings = build.Settings(content_dir=content, docs_dir=tmp_path / "docs", source_date_epoch=0)
    memo = build.Memo()
    build.generate(settings, memo=memo)
    docs = tmp_path / "docs"
    pages = sorted(p for p in docs.rglob("*.md") if p.parent.name == "papers")
    assert pages, "the fixture makes paper pages"
    page = pages[0]
    original = _same_size_edit(page)

    result = build.generate(settings, memo=memo)
    assert page.read_bytes() == original
    assert result.report.written == (page.relative_to(docs).as_posix(),)


@pytest.mark.parametrize(
    ("size_delta", "mtime_delta", "expected"),
    [(0, 0, True), (0, 1, False), (1, 0, False)],
    ids=["as-left", "new-mtime", "new-size"],
)
def test_intact_needs_both_the_size_and_the_mtime_recorded(tmp_path, size_delta, mtime_delta, expected):
    stamps: dict = {}
    write_outputs(tmp_path, [("a.md", "text\n")], stamps)
    size, mtime, digest = stamps["a.md"]
    stamps["a.md"] = (size + size_delta, mtime + mtime_delta, digest)
    assert intact(tmp_path, ["a.md", "missing.md"], stamps) == ({"a.md"} if expected else set())


def test_a_kept_page_edited_with_the_same_size_is_rewritten_by_write_outputs(tmp_path):
    stamps: dict = {}
    write_outputs(tmp_path, [("a.md", "original text\n")], stamps)
    _same_size_edit(tmp_path / "a.md")
    report = write_outputs(tmp_path, [("a.md", "original text\n")], stamps)
    assert report.written == ("a.md",)
    assert (tmp_path / "a.md").read_text() == "original text\n"
