"""cache.py: the memo file is read back only when every byte is the one stored."""

from __future__ import annotations

import os
import random
import shutil
import time
from pathlib import Path

import pytest

from generator import build, cache, paperdrafts

FIXTURE = Path(__file__).resolve().parent / "data" / "site_fixture" / "content"
TITLE = "title: Editing Models with Task Vectors"


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_the_file_ends_with_the_crc_of_every_byte_before_it(tmp_path):
    import zlib

    assert cache.write(tmp_path, {"kept": ("a", 1)}) is True
    stored = (tmp_path / cache.FILE_NAME).read_bytes()
    assert stored[-4:] == zlib.crc32(stored[:-4]).to_bytes(4, "little")
    assert cache.read(tmp_path) == {"kept": ("a", 1)}
    for cut in (stored[:-1], stored[:-4], stored + b"\0"):  # cut short, or more after it
        (tmp_path / cache.FILE_NAME).write_bytes(cut)
        assert cache.read(tmp_path) is None


def test_a_memo_file_with_any_byte_flipped_is_ignored_and_the_rerun_writes_a_clean_builds_pages(
    tmp_path, monkeypatch
):
    # Before the file carried its CRC-32 only the drafts' packs had a check: a byte
    # flipped in an unchanged paper's title as the memo holds it (its Paper, reused
    # from the file cache) was another title on its pages after the next edit's rerun.
    # Any flipped byte must leave the memo unread: the rerun is then a clean build.
    monkeypatch.setattr(paperdrafts.time, "time_ns", lambda: time.time() * 1e9 + 60e9)  # (settled)
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    settings = build.Settings(content, tmp_path / "docs", source_date_epoch=0, cache_dir=tmp_path / "cache")
    build.generate(settings, memo=build.Memo())
    memo_file = tmp_path / "cache" / cache.FILE_NAME
    stored = memo_file.read_bytes()
    shutil.copytree(tmp_path / "docs", tmp_path / "docs-before")  # (mtimes kept: stamps as stored)

    edited = content / "papers" / "task-vectors.yml"
    edited.write_text(edited.read_text(encoding="utf-8").replace(TITLE, TITLE + " Again"), encoding="utf-8")
    info = edited.stat()
    os.utime(edited, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000_000))
    clean = build.Settings(content, tmp_path / "clean", source_date_epoch=0)
    build.generate(clean, memo=build.Memo())
    expected = _tree(tmp_path / "clean")

    # Another paper's title, which no page may show otherwise, and 49 bytes anywhere.
    title = b"Gradient Episodic Memory for Continual Learning"
    assert title in stored
    rng = random.Random(56)
    places = [stored.index(title) + 3, *rng.sample(range(len(stored)), 49)]
    for where in places:
        damaged = bytearray(stored)
        damaged[where] ^= 1 << rng.randrange(8)
        memo_file.write_bytes(bytes(damaged))
        assert cache.read(tmp_path / "cache") is None, where
        shutil.rmtree(tmp_path / "docs")
        shutil.copytree(tmp_path / "docs-before", tmp_path / "docs")
        build.generate(settings, memo=build.Memo())
        assert _tree(tmp_path / "docs") == expected, where


@pytest.mark.parametrize("size", [0, 3, 70_000, 200_000])
def test_values_of_any_size_read_back_as_stored(tmp_path, size):
    # (Pickle reads a frame with read(), a large bytes object with readinto(): both summed.)
    value = {"bytes": bytes(range(256)) * (size // 256) + b"x" * (size % 256), "text": "é" * size}
    assert cache.write(tmp_path, value) is True
    assert cache.read(tmp_path) == value
