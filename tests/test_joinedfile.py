"""A joined file spliced at its changed parts is byte for byte the file joined whole,
and the writer puts it in place as such: from the file on disk while that file is the
one spliced, whole otherwise."""

from __future__ import annotations

import os
import random
import time

import pytest

from generator import write
from generator.export_bibtex import BIB_FILE, join_entries
from generator.export_csv import CSV_FILE, csv_text
from generator.export_json import JSON_FILE, join_lines
from generator.joinedfile import Joined, Spliced

FORMS = {"json": JSON_FILE, "bib": BIB_FILE, "csv": CSV_FILE}


def applied(old_file: bytes, spliced: Spliced) -> bytes:
    """What write.py makes of ``spliced`` over ``old_file`` (by slicing, not copying)."""
    return old_file[: spliced.keep] + spliced.middle + old_file[spliced.resume :]


def test_the_forms_are_the_layouts_the_text_functions_write():
    lines = ['{"id": "a"}', '{"id": "Ü"}']
    assert JSON_FILE.whole([x.encode() for x in lines]) == join_lines(lines).encode()
    assert JSON_FILE.whole([]) == join_lines([]).encode()
    entries = ["@misc{a,\n}\n", "@misc{é,\n}\n"]
    assert BIB_FILE.whole([x.encode() for x in entries]) == join_entries(entries).encode()
    rows = ['"a","x"\n', '"b","ÿ"\n']
    assert CSV_FILE.whole([x.encode() for x in rows]) == csv_text(rows).encode()
    assert CSV_FILE.whole([]) == csv_text([]).encode()
    for form in FORMS.values():
        for parts in ([], [b"one"], [b"one", b"two\xc3\xa9", b""]):
            assert form.size(parts) == len(form.whole(parts))


@pytest.mark.parametrize("name", sorted(FORMS))
@pytest.mark.parametrize("seed", range(40))
def test_a_splice_applied_to_the_old_file_is_the_new_file_joined_whole(name, seed):
    rng = random.Random(seed)
    form = FORMS[name]
    old = [f"part {n} {'é' * rng.randint(0, 3)}".encode() for n in range(rng.randint(0, 12))]
    new = list(old)  # the very objects, as a rerun's unchanged parts are
    for _ in range(rng.randint(1, 3)):
        what = rng.choice(["edit", "equal", "add", "remove"])
        at = rng.randint(0, len(new))
        if what == "add" or not new:
            new.insert(at, f"new {rng.random()}".encode())
        elif what == "remove":
            del new[min(at, len(new) - 1)]
        elif what == "equal":  # equal bytes, another object: not a change
            at = min(at, len(new) - 1)
            new[at] = bytes(bytearray(new[at]))
        else:
            new[min(at, len(new) - 1)] = f"edited {rng.random()}".encode()
    old_file = form.whole(old)
    spliced = form.splice(old, new, (len(old_file), 7, 9))
    # Spliced exactly when the first and the last part stay and something between changed.
    start = next((n for n, (a, b) in enumerate(zip(old, new)) if a != b), min(len(old), len(new)))
    end = next((n for n, (a, b) in enumerate(zip(old[start:][::-1], new[start:][::-1])) if a != b),
               min(len(old), len(new)) - start)
    assert (spliced is not None) == (0 < start < min(len(old), len(new)) and end > 0)
    if spliced is None:
        return
    assert applied(old_file, spliced) == form.whole(new) == spliced.whole()
    assert spliced.size == len(form.whole(new)) and spliced.base == (len(old_file), 7, 9)


def test_one_changed_part_in_the_middle_is_all_the_splice_holds():
    old = [b"aa", b"bb", b"cc", b"dd"]
    new = [b"aa", b"bb", b"CCC", b"dd"]
    spliced = JSON_FILE.splice(old, new, (len(JSON_FILE.whole(old)), 0, 0))
    assert spliced is not None
    # "[\n" + "aa" + ",\n" + "bb" kept; ",\n" + "CCC" new; ",\n" + "dd" + "\n]\n" kept.
    assert (spliced.keep, spliced.middle, spliced.resume) == (8, b",\nCCC", 12)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ([b"a", b"b", b"c"], [b"A", b"b", b"c"]),  # the first part: the head joins it
        ([b"a", b"b", b"c"], [b"a", b"b", b"C"]),  # the last: the tail
        ([b"a", b"b"], [b"a", b"b", b"c"]),  # one added at the end
        ([], [b"a"]),
        ([b"a"], []),
    ],
)
def test_no_splice_where_the_change_reaches_an_end(old, new):
    assert JSON_FILE.splice(old, new, (len(JSON_FILE.whole(old)), 0, 0)) is None


def test_no_splice_of_a_file_whose_size_is_not_the_old_parts_join():
    old, new = [b"a", b"b", b"c"], [b"a", b"B", b"c"]
    assert BIB_FILE.splice(old, new, (len(BIB_FILE.whole(old)) + 1, 0, 0)) is None


def _written(tmp_path, parts, monkeypatch):
    """A docs folder holding the join of ``parts`` as write_outputs left it."""
    monkeypatch.setattr(write, "DIGEST_LIMIT", 0)  # (spliced only above it)
    stamps: dict = {}
    write.write_outputs(tmp_path, [("papers.json", JSON_FILE.whole(parts))], stamps)
    return stamps


def _splice(stamps, old, new, folder) -> Spliced:
    """The splice build.Memo.join makes: of the file with that stamp and its ctime now."""
    ctime = write.changed_at(folder, ["papers.json"], stamps)["papers.json"]
    spliced = JSON_FILE.splice(old, new, (*stamps["papers.json"][:2], ctime))
    assert spliced is not None
    return spliced


PARTS = [f'{{"id": "p{n}"}}'.encode() for n in range(6)]
EDITED = [*PARTS[:2], b'{"id": "p2", "title": "new"}', *PARTS[3:]]


def test_write_outputs_writes_a_splice_from_the_file_on_disk(tmp_path, monkeypatch):
    stamps = _written(tmp_path, PARTS, monkeypatch)
    copied = []
    real = os.copy_file_range

    def copy(*args):
        copied.append(args[2])
        return real(*args)

    monkeypatch.setattr(os, "copy_file_range", copy, raising=False)
    report = write.write_outputs(tmp_path, [("papers.json", _splice(stamps, PARTS, EDITED, tmp_path))], stamps)
    assert report.written == ("papers.json",)
    assert (tmp_path / "papers.json").read_bytes() == JSON_FILE.whole(EDITED)
    assert sum(copied) == len(JSON_FILE.whole(PARTS)) - len(PARTS[2]) - 2  # all but the part and its ",\n"
    info = os.stat(tmp_path / "papers.json")
    assert stamps["papers.json"] == (info.st_size, info.st_mtime_ns, write.UNHASHED)


def test_without_the_kernels_copy_the_kept_bytes_are_read_and_written(tmp_path, monkeypatch):
    stamps = _written(tmp_path, PARTS, monkeypatch)

    def refuse(*args):
        raise OSError(18, "Invalid cross-device link")

    monkeypatch.setattr(os, "copy_file_range", refuse, raising=False)
    monkeypatch.setattr(write, "_CHUNK", 5)  # several reads a range
    write.write_outputs(tmp_path, [("papers.json", _splice(stamps, PARTS, EDITED, tmp_path))], stamps)
    assert (tmp_path / "papers.json").read_bytes() == JSON_FILE.whole(EDITED)


@pytest.mark.parametrize("change", ["edited", "deleted", "same-size"])
def test_a_file_changed_on_disk_since_is_written_whole(tmp_path, monkeypatch, change):
    stamps = _written(tmp_path, PARTS, monkeypatch)
    spliced = _splice(stamps, PARTS, EDITED, tmp_path)
    path = tmp_path / "papers.json"
    if change == "deleted":
        path.unlink()
    else:
        data = path.read_bytes()
        path.write_bytes(b"x" * len(data) if change == "same-size" else b"hand edit")
        if change == "same-size":  # the same size, another mtime: not the file spliced
            os.utime(path, ns=(stamps["papers.json"][1] + 10**9,) * 2)
    report = write.write_outputs(tmp_path, [("papers.json", spliced)], stamps)
    assert report.written == ("papers.json",)
    assert path.read_bytes() == JSON_FILE.whole(EDITED)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_a_splice_that_changes_no_byte_writes_nothing(tmp_path, monkeypatch):
    stamps = _written(tmp_path, PARTS, monkeypatch)
    before = os.stat(tmp_path / "papers.json").st_mtime_ns
    # Two parts swapped for their own bytes cut elsewhere: other parts, the same file.
    old = [*PARTS[:2], b"ab", b"cd", *PARTS[2:]]
    new = [*PARTS[:2], b"a", b"bcd", *PARTS[2:]]
    form = Joined(b"", b"", b"")
    monkeypatch.setattr(write, "DIGEST_LIMIT", 0)
    first = write.write_outputs(tmp_path, [("f", form.whole(old)), ("papers.json", None)], stamps)
    spliced = form.splice(old, new, (*stamps["f"][:2], os.stat(tmp_path / "f").st_ctime_ns))
    assert first.written == ("f",) and spliced is not None
    report = write.write_outputs(tmp_path, [("f", spliced), ("papers.json", None)], stamps)
    assert report.written == () and (tmp_path / "f").read_bytes() == form.whole(new)
    assert os.stat(tmp_path / "papers.json").st_mtime_ns == before


def test_a_splice_interrupted_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    stamps = _written(tmp_path, PARTS, monkeypatch)
    spliced = _splice(stamps, PARTS, EDITED, tmp_path)

    def interrupted(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(write, "_copy", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write.write_outputs(tmp_path, [("papers.json", spliced)], stamps)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["papers.json"]
    assert (tmp_path / "papers.json").read_bytes() == JSON_FILE.whole(PARTS)


def test_a_file_edited_by_hand_with_its_size_and_mtime_put_back_is_written_whole(tmp_path, monkeypatch):
    # (touch -d: the mtime as the stamp says, the ctime not; spliced, the hand's bytes
    # would stay in the kept ones through every later splice.)
    stamps = _written(tmp_path, PARTS, monkeypatch)
    spliced = _splice(stamps, PARTS, EDITED, tmp_path)
    path = tmp_path / "papers.json"
    data = path.read_bytes()
    time.sleep(0.02)  # (a ctime of another tick of the file system's clock)
    path.write_bytes(data.replace(b"p0", b"q0"))
    os.utime(path, ns=(stamps["papers.json"][1],) * 2)
    assert stamps["papers.json"][:2] == (os.stat(path).st_size, os.stat(path).st_mtime_ns)
    report = write.write_outputs(tmp_path, [("papers.json", spliced)], stamps)
    assert report.written == ("papers.json",)
    assert path.read_bytes() == JSON_FILE.whole(EDITED)


@pytest.mark.parametrize("change", ["cut short", "edited in place"])
def test_a_file_changed_while_it_is_copied_is_written_whole(tmp_path, monkeypatch, change):
    stamps = _written(tmp_path, PARTS, monkeypatch)
    spliced = _splice(stamps, PARTS, EDITED, tmp_path)
    path = tmp_path / "papers.json"
    real = write._copy

    def meanwhile(source, target, offset, count):
        if offset == 0:  # (the first range: before the copy of the end)
            time.sleep(0.02)
            with open(path, "r+b") as handle:
                if change == "cut short":
                    handle.truncate(spliced.resume + 1)
                else:
                    handle.seek(spliced.resume + 1)
                    handle.write(b"#")
        return real(source, target, offset, count)

    monkeypatch.setattr(write, "_copy", meanwhile)
    report = write.write_outputs(tmp_path, [("papers.json", spliced)], stamps)
    assert report.written == ("papers.json",)
    assert path.read_bytes() == JSON_FILE.whole(EDITED)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["papers.json"]


@pytest.mark.parametrize("edited", [EDITED, [*PARTS[:2], b'{"id": "P2"}', *PARTS[3:]]])  # (the latter: same size)
def test_without_pread_a_splice_is_written_whole(tmp_path, monkeypatch, edited):
    # (Windows: no os.pread, and no rename over the file held open for the copy.)
    stamps = _written(tmp_path, PARTS, monkeypatch)
    spliced = _splice(stamps, PARTS, edited, tmp_path)
    monkeypatch.delattr(os, "pread")
    report = write.write_outputs(tmp_path, [("papers.json", spliced)], stamps)
    assert report.written == ("papers.json",)
    assert (tmp_path / "papers.json").read_bytes() == JSON_FILE.whole(edited)
