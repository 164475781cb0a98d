"""Every atomic write leaves the old file or the new one, never half, and no stray temp file.

Faults are injected two ways. A file-size limit (RLIMIT_FSIZE) makes the operating system
refuse a write partway through a large file, whatever way the code writes it: a writer
that truncates its target and writes in place is caught holding half a file. An exception
raised at the rename (an interrupt, say) checks that the temporary file is removed on
every way out, not only on OSError.
"""

from __future__ import annotations

import contextlib
import os
import resource
import signal
import stat
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import cache, linkcheck
from generator.write import write_outputs
from generator.atomicfile import atomic_write, atomic_write_bytes, atomic_write_parts, replace_file

OLD = b"old contents\n" * 8
LIMIT = 64 * 1024  # a new file larger than this is refused partway through
BIG = b"new contents, longer than the limit\n" * (4 * LIMIT // 36)


@contextlib.contextmanager
def file_size_limit(size: int):
    """No file may grow past ``size`` bytes: writes beyond it fail with EFBIG."""
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # else the process is killed
    resource.setrlimit(resource.RLIMIT_FSIZE, (size, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)


def _listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


class Interrupted(BaseException):
    """Stands in for KeyboardInterrupt without pytest treating it as the user's Ctrl-C."""


def _interrupt(*_args, **_kwargs):
    raise Interrupted


def test_the_size_limit_really_breaks_a_plain_write_halfway(tmp_path):
    # The premise of the tests below: with the limit, an in-place write leaves half a file.
    target = tmp_path / "plain.txt"
    target.write_bytes(OLD)
    with file_size_limit(LIMIT), pytest.raises(OSError):
        with open(target, "wb") as handle:
            handle.write(BIG)
    assert target.stat().st_size == LIMIT


@pytest.mark.parametrize("durable", [True, False])
def test_atomic_write_bytes_failing_partway_keeps_the_old_file(tmp_path, durable):
    target = tmp_path / "page.md"
    target.write_bytes(OLD)
    with file_size_limit(LIMIT), pytest.raises(OSError):
        atomic_write_bytes(target, BIG, durable=durable)
    assert target.read_bytes() == OLD
    assert _listing(tmp_path) == ["page.md"]


def test_atomic_write_failing_partway_keeps_the_old_file(tmp_path):
    target = tmp_path / "paper.yml"
    target.write_bytes(OLD)
    with file_size_limit(LIMIT), pytest.raises(OSError):
        atomic_write(target, BIG.decode())
    assert target.read_bytes() == OLD
    assert _listing(tmp_path) == ["paper.yml"]


def test_an_interrupt_at_the_rename_removes_the_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / "paper.yml"
    target.write_bytes(OLD)
    monkeypatch.setattr(os, "replace", _interrupt)
    with pytest.raises(Interrupted):
        atomic_write_bytes(target, b"new")
    assert target.read_bytes() == OLD
    assert _listing(tmp_path) == ["paper.yml"]


def test_a_completed_atomic_write_leaves_only_the_new_file(tmp_path):
    target = tmp_path / "sub" / "page.md"  # a missing folder is made
    atomic_write_bytes(target, BIG)
    assert target.read_bytes() == BIG
    assert _listing(target.parent) == ["page.md"]


@pytest.mark.parametrize("durable", [True, False])
def test_a_durable_write_syncs_the_file_before_the_rename_and_the_folder_after(
    tmp_path, monkeypatch, durable
):
    # A crash cannot be staged here; the order of the syncs and the rename is what
    # makes a durable write survive one (the file's data, then the folder's entry).
    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd):
        events.append("sync folder" if stat.S_ISDIR(os.fstat(fd).st_mode) else "sync file")
        real_fsync(fd)

    def replace(src, dst):
        events.append("rename")
        real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    atomic_write_bytes(tmp_path / "paper.yml", b"new", durable=durable)
    assert (tmp_path / "paper.yml").read_bytes() == b"new"
    assert events == (["sync file", "rename", "sync folder"] if durable else ["rename"])


def test_data_given_whole_is_written_without_a_buffered_file(tmp_path, monkeypatch):
    # (A buffered file object asks the new file's stat first: for each of 10,000 pages,
    # with whether it is a terminal and where it stands, three system calls.)
    fstats: list[int] = []
    real = os.fstat
    monkeypatch.setattr(os, "fstat", lambda fd: fstats.append(fd) or real(fd))
    replace_file(tmp_path / "page.md", BIG, 0o640, durable=False)
    assert (tmp_path / "page.md").read_bytes() == BIG
    assert stat.S_IMODE((tmp_path / "page.md").stat().st_mode) == 0o640
    assert fstats == []


@pytest.mark.parametrize("data", [BIG, (BIG[:5000], BIG[5000:])], ids=["whole", "in parts"])
def test_a_write_that_takes_less_than_it_is_given_goes_on_with_the_rest(tmp_path, monkeypatch, data):
    # os.write may write less than asked (a signal arrived): nothing may be lost.
    real = os.write
    monkeypatch.setattr(os, "write", lambda fd, data: real(fd, data[:1000]))
    atomic_write_parts(tmp_path / "page.md", data)
    assert (tmp_path / "page.md").read_bytes() == BIG
    assert _listing(tmp_path) == ["page.md"]


def test_a_docs_page_failing_partway_keeps_its_old_text(tmp_path):
    docs = tmp_path / "docs"
    write_outputs(docs, [("papers/a.md", OLD.decode()), ("index.md", "home\n")])
    with file_size_limit(LIMIT), pytest.raises(OSError):
        write_outputs(docs, [("papers/a.md", BIG.decode()), ("index.md", "home\n")])
    assert (docs / "papers" / "a.md").read_bytes() == OLD
    assert _listing(docs / "papers") == ["a.md"]


def test_the_link_cache_failing_partway_keeps_the_old_cache(tmp_path):
    path = tmp_path / "links-cache.json"
    old = {"https://a/": linkcheck.Result("https://a/", linkcheck.Outcome.OK, 200, checked="t")}
    linkcheck.save_cache(path, old)
    before = path.read_bytes()
    many = {
        f"https://a/{n}": linkcheck.Result(f"https://a/{n}", linkcheck.Outcome.OK, 200, checked="t")
        for n in range(LIMIT // 50)
    }
    with file_size_limit(LIMIT), pytest.raises(OSError):
        linkcheck.save_cache(path, many)
    assert path.read_bytes() == before
    assert linkcheck.load_cache(path) == (old, "")
    assert _listing(tmp_path) == ["links-cache.json"]


def test_the_memo_failing_partway_keeps_the_old_memo(tmp_path):
    assert cache.write(tmp_path, {"old": 1}) is True
    before = (tmp_path / cache.FILE_NAME).read_bytes()
    with file_size_limit(LIMIT):
        # A full disk only costs the next run its head start: no error, but False.
        assert cache.write(tmp_path, {"new": BIG}) is False
    assert (tmp_path / cache.FILE_NAME).read_bytes() == before
    assert cache.read(tmp_path) == {"old": 1}
    assert _listing(tmp_path) == [cache.FILE_NAME]


def test_an_interrupt_while_storing_the_memo_removes_the_temporary_file(tmp_path, monkeypatch):
    assert cache.write(tmp_path, {"old": 1}) is True
    monkeypatch.setattr(os, "replace", _interrupt)
    with pytest.raises(Interrupted):
        cache.write(tmp_path, {"new": 2})
    monkeypatch.undo()
    assert cache.read(tmp_path) == {"old": 1}
    assert _listing(tmp_path) == [cache.FILE_NAME]


def test_an_interrupt_while_pickling_the_memo_removes_the_temporary_file(tmp_path, monkeypatch):
    class Unpicklable:
        def __reduce__(self):
            raise Interrupted

    assert cache.write(tmp_path, {"old": 1}) is True
    with pytest.raises(Interrupted):
        cache.write(tmp_path, {"new": Unpicklable()})
    assert cache.read(tmp_path) == {"old": 1}
    assert _listing(tmp_path) == [cache.FILE_NAME]


# A file rewritten in place is seen half-written by whoever reads it meanwhile; a file
# replaced by a rename is not: a reader that opened the old file keeps reading all of it.


def _opened_then_written(target: Path, write) -> tuple[bytes, bytes]:
    """(what a reader that opened ``target`` before ``write()`` reads, what is there after)."""
    with open(target, "rb") as reader:
        write()
        return reader.read(), target.read_bytes()


def test_atomic_write_bytes_replaces_the_file_a_reader_has_open(tmp_path):
    target = tmp_path / "page.md"
    target.write_bytes(OLD)
    seen, now = _opened_then_written(target, lambda: atomic_write_bytes(target, b"new\n"))
    assert (seen, now) == (OLD, b"new\n")


def test_a_docs_page_is_replaced_not_rewritten_in_place(tmp_path):
    write_outputs(tmp_path, [("a.md", OLD.decode())])
    seen, now = _opened_then_written(
        tmp_path / "a.md", lambda: write_outputs(tmp_path, [("a.md", "new\n")])
    )
    assert (seen, now) == (OLD, b"new\n")


def test_the_link_cache_is_replaced_not_rewritten_in_place(tmp_path):
    path = tmp_path / "links-cache.json"
    path.write_bytes(OLD)
    seen, now = _opened_then_written(path, lambda: linkcheck.save_cache(path, {}))
    assert seen == OLD and linkcheck.load_cache(path) == ({}, "")


def test_the_memo_is_replaced_not_rewritten_in_place(tmp_path):
    assert cache.write(tmp_path, {"old": 1}) is True
    path = tmp_path / cache.FILE_NAME
    before = path.read_bytes()
    seen, _ = _opened_then_written(path, lambda: cache.write(tmp_path, {"new": 2}))
    assert seen == before and cache.read(tmp_path) == {"new": 2}


@pytest.mark.parametrize("where", ["bare", "nested"])
def test_a_durable_write_flushes_the_folder_the_file_is_renamed_into(tmp_path, monkeypatch, where):
    # A name in the working folder ("notes.yml", no folder written) as well as a path.
    from generator import atomicfile

    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    name = "notes.yml" if where == "bare" else os.path.join("sub", "notes.yml")
    synced = []
    monkeypatch.setattr(atomicfile, "sync_folder", synced.append)
    replace_file(name, b"text", 0o644)
    assert (tmp_path / name).read_bytes() == b"text"
    assert len(synced) == 1 and os.path.samefile(synced[0], tmp_path / os.path.dirname(name))
    assert sorted(os.listdir(tmp_path / os.path.dirname(name))) == (
        ["notes.yml", "sub"] if where == "bare" else ["notes.yml"])  # no temporary left


_COMPONENT = st.text(
    alphabet=st.characters(blacklist_characters="/\x00", blacklist_categories=("Cs",)), min_size=1, max_size=8
)


@settings(max_examples=300, deadline=None)
@given(
    folder=st.lists(st.one_of(_COMPONENT, st.sampled_from([".", "..", ""])), max_size=3),
    name=_COMPONENT.filter(lambda name: name not in (".", "..")),
    absolute=st.booleans(),
)
def test_a_temporary_name_from_a_string_is_the_one_pathlib_gave(folder, name, absolute):
    # The docs folder's writer names a page's temporary from its path as a string
    # (os.path), where it took Path(path).parent / f".{name}.<hex>.tmp": the same folder
    # (the rename stays in it, and its folder is the one a durable write flushes), the
    # same name, and one remove_temporaries knows, for any folder and file name.
    from generator.atomicfile import _TEMPORARY, _temporary, temporary_name

    path = ("/" if absolute else "") + "/".join([*folder, name])
    for tmp in (Path(_temporary(path)), temporary_name(Path(path))):
        assert tmp.parent == Path(path).parent
        assert tmp.name[: len(name) + 2] == f".{name}." and tmp.name.endswith(".tmp")
        assert _TEMPORARY.fullmatch(tmp.name)
    # (The folder replace_file flushes: "" for a bare name is the working folder.)
    assert Path(os.path.dirname(_temporary(path)) or os.curdir) == Path(path).parent
