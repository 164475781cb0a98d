"""cache.py: the memo file is read back only when every byte is the one stored."""

from __future__ import annotations

import contextlib
import io
import os
import pickle
import random
import shutil
import time
from pathlib import Path

import pytest

from generator import build, cache, paperdrafts
from tests.test_docslock import shared_folder  # noqa: F401 (a fixture: the tests' F811 below)

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


@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o002, 0o644), (0o077, 0o600)])
def test_a_cache_file_gets_the_mode_the_umask_gives_a_new_file(tmp_path, umask, mode):
    # mkstemp's 0600 whatever the umask: a group sharing a project folder (umask 002)
    # could not read each other's memo, and each build of the other started from nothing.
    # Never the group's write (002): a file others may write is not unpickled (trusted).
    old = os.umask(umask)
    try:
        assert cache.write(tmp_path, {"kept": 1}) is True
    finally:
        os.umask(old)
    assert (tmp_path / cache.FILE_NAME).stat().st_mode & 0o777 == mode


def _theirs(shared: Path, monkeypatch) -> Path:
    """A cache folder another user (root, the first user) made with a 022 umask in the
    project folder ``shared`` they share, holding a memo."""
    from tests.test_docslock import GROUP

    monkeypatch.setattr(cache, "_SAID", [])
    cache.fingerprint()  # (before the fork: the package's files are read once)
    folder = cache.folder(shared)
    old = os.umask(0o022)
    try:
        assert cache.write(folder, {"kept": 1}) is True
    finally:
        os.umask(old)
    os.chown(shared, 0, GROUP)
    return folder


def _said(*calls) -> str:
    """The results of ``calls`` and what they said on stderr, on one line."""
    said = io.StringIO()
    with contextlib.redirect_stderr(said):
        results = tuple(call() for call in calls)
    return f"{results} {said.getvalue()}"


_ROOT = pytest.mark.skipif(not hasattr(os, "fork") or os.geteuid() != 0, reason="needs root, to be another user")


@_ROOT
def test_a_second_user_who_may_not_write_the_cache_is_told_once_and_reads_it(shared_folder, monkeypatch):  # noqa: F811
    from tests.test_docslock import GROUP, _as_another_user

    folder = _theirs(shared_folder, monkeypatch)

    def use() -> str:
        return _said(lambda: cache.read(folder), lambda: cache.write(folder, {"kept": 2}),
                     lambda: cache.write(folder, {"kept": 3}))

    assert _as_another_user(use, group=GROUP) == (
        f"({{'kept': 1}}, False, False) readinglist: running without its cache: you may not write"
        f" in {folder} (root's, mode 2755), so this run's work is not kept for the next; its"
        " owner may delete it\n"
    )
    assert cache.read(folder) == {"kept": 1}  # (theirs, untouched)


@_ROOT
def test_a_cache_file_the_user_may_not_read_is_ignored_and_said_once(shared_folder, monkeypatch):  # noqa: F811
    from tests.test_docslock import GROUP, _as_another_user

    folder = _theirs(shared_folder, monkeypatch)
    (folder / cache.FILE_NAME).chmod(0o600)

    def use() -> str:
        return _said(lambda: cache.read(folder), lambda: cache.read(folder))

    assert _as_another_user(use, group=GROUP) == (
        f"(None, None) readinglist: running without its cache: you may not read"
        f" {folder / cache.FILE_NAME} (root's, mode 0600), so this run starts from nothing"
        " (slower); its owner may delete it\n"
    )


@_ROOT
def test_compiled_templates_another_user_keeps_are_no_error(shared_folder, monkeypatch):  # noqa: F811
    # Jinja's bytecode cache raised PermissionError writing into the first user's
    # folder (0755): the second user's build stopped, its traceback said.
    import jinja2

    from generator import render
    from tests.test_docslock import GROUP, _as_another_user

    folder = _theirs(shared_folder, monkeypatch) / "templates"
    old = os.umask(0o022)
    try:
        folder.mkdir()
    finally:
        os.umask(old)

    def use() -> str:
        env = jinja2.Environment(
            loader=jinja2.DictLoader({"page": "{{ 1 + 1 }}"}), bytecode_cache=render.bytecode_cache(folder)
        )
        return env.get_template("page").render()

    assert _as_another_user(use, group=GROUP) == "2"
    assert list(folder.iterdir()) == []


class _Runs:
    """A pickle that, loaded, makes the file ``marker``: code a cache file's writer runs
    as its reader."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (os.mkdir, (str(self.marker),))


def test_a_cache_file_others_may_write_is_never_unpickled(tmp_path):
    # A memo the group may write (0664: a lab's umask 002) is one any of the group could
    # have written, and unpickling it runs what they wrote as this user.
    marker = tmp_path / "ran"
    (tmp_path / cache.FILE_NAME).write_bytes(pickle.dumps(_Runs(marker)))
    (tmp_path / cache.FILE_NAME).chmod(0o664)
    assert cache.read(tmp_path) is None
    assert not marker.exists()
    (tmp_path / cache.FILE_NAME).chmod(0o644)  # (this user's own, others may not write it)
    cache.read(tmp_path)
    assert marker.exists()  # (the test's pickle runs when it is read: it tests the above)


@_ROOT
def test_a_memo_another_user_of_the_group_wrote_is_not_trusted(shared_folder, monkeypatch, capsys):  # noqa: F811
    # Root's build under a lab's umask 002, in the setgid folder the lab shares: its memo
    # may not be written into by the others, and one of them who replaces it (a folder the
    # group writes in) runs nothing as root: root's next read starts from nothing.
    from tests.test_docslock import GROUP, NOBODY, _as_another_user

    monkeypatch.setattr(cache, "_SAID", [])
    folder = cache.folder(shared_folder)
    old = os.umask(0o002)
    try:
        assert cache.write(folder, {"kept": 1}) is True
    finally:
        os.umask(old)
    memo = folder / cache.FILE_NAME
    marker = shared_folder / "ran"

    def write_into() -> str:
        with open(memo, "r+b") as handle:
            handle.write(pickle.dumps(_Runs(marker)))
        return "written"

    assert _as_another_user(write_into, group=GROUP).startswith("PermissionError")
    assert cache.read(folder) == {"kept": 1}

    def replace() -> str:
        (folder / "theirs").write_bytes(pickle.dumps(_Runs(marker)))
        os.replace(folder / "theirs", memo)
        return "replaced"

    assert _as_another_user(replace, group=GROUP) == "replaced"
    assert memo.stat().st_uid == NOBODY
    capsys.readouterr()
    assert cache.read(folder) is None
    assert not marker.exists()
    assert capsys.readouterr().err == (
        f"readinglist: running without its cache: you may not trust {memo} (nobody's, mode"
        " 0644), so this run starts from nothing (slower); its owner may delete it\n"
    )


@_ROOT
def test_a_memo_another_user_owns_in_a_sticky_folder_is_not_replaced_and_said_once(shared_folder, monkeypatch):  # noqa: F811
    # A sticky folder (chmod +t) lets no one replace another user's file: the write
    # failed at the rename and said nothing, each run as slow as a first with no word why.
    from tests.test_docslock import GROUP, _as_another_user

    folder = _theirs(shared_folder, monkeypatch)
    folder.chmod(0o1777)

    def use() -> str:
        return _said(lambda: cache.write(folder, {"kept": 2}), lambda: cache.write(folder, {"kept": 3}))

    assert _as_another_user(use, group=GROUP) == (
        f"(False, False) readinglist: running without its cache: you may not replace"
        f" {folder / cache.FILE_NAME} (root's, mode 0644), so this run's work is not kept for"
        " the next; its owner may delete it\n"
    )
    assert cache.read(folder) == {"kept": 1}  # (theirs, untouched)
    assert sorted(p.name for p in folder.iterdir()) == [cache.FILE_NAME]  # (no temporary file left)
