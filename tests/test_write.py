"""Writing the docs folder: only what changed, prune the rest, never outside (generator/write.py)."""

from __future__ import annotations

import os

import pytest

from generator import write
from generator.write import WriteError, write_outputs


def test_first_write_creates_every_file(tmp_path):
    report = write_outputs(
        tmp_path / "docs", [("index.md", "home\n"), ("papers/a/index.md", "A\n")]
    )
    assert report.written == ("index.md", "papers/a/index.md")
    assert (tmp_path / "docs/papers/a/index.md").read_text() == "A\n"


def test_unchanged_files_are_not_rewritten(tmp_path):
    docs = tmp_path / "docs"
    write_outputs(docs, [("a.md", "same\n"), ("b.md", "old\n")])
    os.utime(docs / "a.md", (1_000_000, 1_000_000))
    os.utime(docs / "b.md", (1_000_000, 1_000_000))
    report = write_outputs(docs, [("a.md", "same\n"), ("b.md", "new\n")])
    assert report.written == ("b.md",)
    assert report.unchanged == 1
    assert (docs / "a.md").stat().st_mtime == 1_000_000
    assert (docs / "b.md").read_text() == "new\n"


def test_a_page_no_longer_planned_leaves_the_stamps_and_cannot_be_kept(tmp_path):
    # The stamps say "this file holds what was written": one left for a pruned page
    # would let a later run keep (not write) a file that is not there.
    docs, stamps = tmp_path / "docs", {}
    write_outputs(docs, [("a.md", "A\n"), ("b.md", "B\n")], stamps)
    assert set(stamps) == {"a.md", "b.md"}
    write_outputs(docs, [("a.md", None)], stamps)
    assert set(stamps) == {"a.md"} and not (docs / "b.md").exists()
    with pytest.raises(WriteError, match="'b.md' was planned as kept"):
        write_outputs(docs, [("a.md", None), ("b.md", None)], stamps)


def test_stale_files_and_empty_folders_are_removed_but_gitkeep_and_the_lock_stay(tmp_path):
    docs = tmp_path / "docs"
    write_outputs(docs, [("papers/old/index.md", "x"), ("papers/new/index.md", "y")])
    # (the lock a build or server holds on the folder, and its record: docslock.py)
    for name in (".gitkeep", ".readinglist.lock", ".readinglist.holder"):
        (docs / name).write_text("")
    report = write_outputs(docs, [("papers/new/index.md", "y")])
    assert report.removed == ("papers/old/index.md",)
    assert not (docs / "papers/old").exists()
    assert (docs / ".gitkeep").exists()
    assert sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file()) == [
        ".gitkeep",
        ".readinglist.holder",
        ".readinglist.lock",
        "papers/new/index.md",
    ]


def test_a_refused_destination_is_said_as_it_is(tmp_path):
    # (repr() doubled the backslash: it printed another path than the one refused.)
    with pytest.raises(WriteError) as caught:
        write_outputs(tmp_path / "docs", [("a\\b\x1b.md", "y")])
    assert str(caught.value) == "refusing to write 'a\\b\\x1b.md': not a plain path inside the docs folder"


@pytest.mark.parametrize(
    "dest",
    ["../escape.md", "/etc/passwd", "a/../../b.md", "a//b.md", "./a.md", "a\\..\\b.md", "~/x", ""],
)
def test_destinations_outside_the_folder_are_refused_before_writing(tmp_path, dest):
    docs = tmp_path / "docs"
    with pytest.raises(WriteError, match="refusing to write"):
        write_outputs(docs, [("fine.md", "x"), (dest, "y")])
    assert not (docs / "fine.md").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs"]


def test_a_symlink_out_of_the_folder_is_refused(tmp_path):
    docs = tmp_path / "docs"
    outside = tmp_path / "outside"
    outside.mkdir()
    docs.mkdir()
    (docs / "link").symlink_to(outside, target_is_directory=True)
    with pytest.raises(WriteError, match="resolves outside"):
        write_outputs(docs, [("link/x.md", "y")])
    assert list(outside.iterdir()) == []


@pytest.mark.parametrize("second", ["a/index.md", "A/index.md"])
def test_two_outputs_with_one_destination_are_refused(tmp_path, second):
    with pytest.raises(WriteError, match="two pages claim one destination: 'a/index.md' and"):
        write_outputs(tmp_path / "docs", [("a/index.md", "1"), (second, "2")])
    assert not (tmp_path / "docs" / "a").exists()


def test_generated_files_get_the_usual_permissions_not_private_ones(tmp_path):
    # A temporary file made private (as mkstemp does) keeps 0600 after the rename; a docs
    # folder of files only their owner can read breaks serving or building as another user.
    umask = os.umask(0)
    os.umask(umask)
    write_outputs(tmp_path, [("a/index.md", "A\n")])
    assert (tmp_path / "a" / "index.md").stat().st_mode & 0o777 == 0o666 & ~umask


def test_bytes_are_written_as_they_are_and_equal_text_is_not_rewritten(tmp_path):
    stamps: dict = {}
    first = write_outputs(tmp_path, [("a.json", "[\"é\"]\n".encode("utf-8"))], stamps)
    assert first.written == ("a.json",)
    assert (tmp_path / "a.json").read_text(encoding="utf-8") == "[\"é\"]\n"
    again = write_outputs(tmp_path, [("a.json", "[\"é\"]\n")], stamps)  # the same, as text
    assert again.written == () and again.unchanged == 1


def test_a_rewritten_file_keeps_its_permissions_and_new_folders_are_made(tmp_path):
    # A new file is written without a look at the folder (the listing before the writes
    # did not hold it); one that was there and changed keeps the mode it was given.
    write_outputs(tmp_path, [("a/index.md", "A\n")])
    (tmp_path / "a" / "index.md").chmod(0o604)
    write_outputs(tmp_path, [("a/index.md", "B\n"), ("b/c/d/e.md", "E\n"), ("b/c/f.md", "F\n")])
    assert (tmp_path / "a" / "index.md").read_text() == "B\n"
    assert (tmp_path / "a" / "index.md").stat().st_mode & 0o777 == 0o604
    assert (tmp_path / "b" / "c" / "d" / "e.md").read_text() == "E\n"
    assert (tmp_path / "b" / "c" / "f.md").read_text() == "F\n"


def test_under_a_strict_umask_new_files_are_private_and_a_rewrite_keeps_its_mode(tmp_path):
    # A new file's mode is what the umask gives, taken once per run (not looked up per
    # file): under 077 that is 0600, not the 0644 of the usual umask.
    (tmp_path / "old.md").write_text("old\n")
    (tmp_path / "old.md").chmod(0o640)
    umask = os.umask(0o077)
    try:
        write_outputs(tmp_path, [("old.md", "new\n"), ("new.md", "N\n"), ("d/e.md", "E\n")])
    finally:
        os.umask(umask)
    assert (tmp_path / "new.md").stat().st_mode & 0o777 == 0o600
    assert (tmp_path / "d" / "e.md").stat().st_mode & 0o777 == 0o600
    assert (tmp_path / "old.md").stat().st_mode & 0o777 == 0o640
    assert (tmp_path / "old.md").read_text() == "new\n"


# On a case-insensitive file system (macOS's and Windows' default) a page renamed only
# in case (content/pages/About.md -> about.md) leaves docs/About.md in the listing, and
# it is the very file docs/about.md names. Modelled here by a hard link: two names, one
# file, as the two spellings are there.


def test_a_page_renamed_only_in_case_is_not_pruned_as_its_own_stale_name(tmp_path):
    (tmp_path / "About.md").write_text("about\n")
    os.link(tmp_path / "About.md", tmp_path / "about.md")
    report = write_outputs(tmp_path, [("about.md", "about\n")])
    assert report.removed == ()
    assert (tmp_path / "about.md").read_text() == "about\n"
    assert (tmp_path / "About.md").exists()


def test_a_rewritten_page_in_a_folder_renamed_only_in_case_is_not_pruned(tmp_path):
    # Whether the two names are one file is asked before the writes: a rewrite
    # replaces the file (a rename over it), and on a case-insensitive file system the
    # old spelling names the new file too.
    (tmp_path / "papers" / "Foo").mkdir(parents=True)
    (tmp_path / "papers" / "foo").mkdir()
    (tmp_path / "papers" / "Foo" / "index.md").write_text("old\n")
    os.link(tmp_path / "papers" / "Foo" / "index.md", tmp_path / "papers" / "foo" / "index.md")
    report = write_outputs(tmp_path, [("papers/foo/index.md", "new\n")])
    assert report.removed == ()
    assert report.written == ("papers/foo/index.md",)
    assert (tmp_path / "papers" / "foo" / "index.md").read_text() == "new\n"


def test_a_listing_that_holds_only_the_old_spelling_keeps_the_file_and_its_mode(tmp_path, monkeypatch):
    # What macOS lists after the rename: the one entry, under the name it was made with.
    from generator import write

    (tmp_path / "About.md").write_text("about\n")
    (tmp_path / "About.md").chmod(0o604)
    os.link(tmp_path / "About.md", tmp_path / "about.md")
    scan = write._scan

    def one_entry(root):
        files, links, folders = scan(root)
        return [f for f in files if f != "about.md"], links, folders

    monkeypatch.setattr(write, "_scan", one_entry)
    report = write_outputs(tmp_path, [("about.md", "About us\n")])
    assert report.removed == ()
    assert (tmp_path / "about.md").read_text() == "About us\n"
    assert (tmp_path / "about.md").stat().st_mode & 0o777 == 0o604  # (a rewrite, not a new file)


def test_a_stale_file_differing_only_in_case_but_not_the_same_file_is_pruned(tmp_path):
    # On a case-sensitive file system About.md and about.md are two files: the stale
    # one goes, as any other.
    (tmp_path / "About.md").write_text("old\n")
    (tmp_path / "papers" / "Foo").mkdir(parents=True)
    (tmp_path / "papers" / "Foo" / "index.md").write_text("old\n")
    report = write_outputs(tmp_path, [("about.md", "new\n"), ("papers/foo/index.md", "new\n")])
    assert report.removed == ("About.md", "papers/Foo/index.md")
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == [
        "about.md", "papers", "papers/foo", "papers/foo/index.md",
    ]


def test_a_page_renamed_only_in_case_with_the_same_text_takes_the_new_spelling(tmp_path, monkeypatch):
    # Its text the same, the page is not rewritten: on a case-insensitive file system the
    # file kept the spelling it was made with (About.md), which MkDocs then lists, and the
    # page was served at About/ while the list's links name about/. It is renamed to the
    # planned spelling. (Here, two names of one file: the rename is asked for, and does
    # nothing, as POSIX has a rename between two names of one file do.)
    from generator import write

    (tmp_path / "About.md").write_text("about\n")
    os.link(tmp_path / "About.md", tmp_path / "about.md")
    renamed = []
    replace = os.replace

    def recorded(old, new):
        renamed.append((os.path.relpath(old, tmp_path), os.path.relpath(new, tmp_path)))
        replace(old, new)

    monkeypatch.setattr(write.os, "replace", recorded)
    report = write_outputs(tmp_path, [("about.md", "about\n")])
    assert report.written == () and report.removed == ()
    assert renamed == [("About.md", "about.md")]
    assert (tmp_path / "about.md").read_text() == "about\n"


def test_a_file_too_large_to_hash_is_compared_with_its_text_and_rewritten_when_it_differs(tmp_path, monkeypatch):
    # Above DIGEST_LIMIT the stamp holds no digest: a stamp that still matches the file
    # must not pass for "holds this text" (every large file's digest would be equal).
    monkeypatch.setattr(write, "DIGEST_LIMIT", 8)
    stamps: dict = {}
    write_outputs(tmp_path, [("big.json", "0123456789\n"), ("small.md", "text\n")], stamps)
    assert stamps["big.json"][2] == write.UNHASHED and stamps["small.md"][2] != write.UNHASHED
    os.utime(tmp_path / "big.json", (1_000_000, 1_000_000))
    stamps["big.json"] = (11, 1_000_000 * 10**9, write.UNHASHED)
    again = write_outputs(tmp_path, [("big.json", "0123456789\n"), ("small.md", None)], stamps)
    assert again.written == () and (tmp_path / "big.json").stat().st_mtime == 1_000_000
    changed = write_outputs(tmp_path, [("big.json", "9876543210\n"), ("small.md", None)], stamps)
    assert changed.written == ("big.json",)
    assert (tmp_path / "big.json").read_text() == "9876543210\n"


def test_a_folder_or_file_in_the_way_is_refused_before_anything_is_written(tmp_path):
    from generator.write import InTheWay

    (tmp_path / "papers" / "x.md").mkdir(parents=True)  # a page's file replaced by a folder
    (tmp_path / "papers" / "x.md" / "mine.txt").write_text("mine")
    (tmp_path / "topics").write_text("a file")  # where the topics' folders go
    (tmp_path / "old.md").write_text("stale")
    with pytest.raises(InTheWay) as raised:
        write_outputs(
            tmp_path,
            [("index.md", "home"), ("papers/x.md", "x"), ("papers/y.md", "y"), ("topics/t/index.md", "t")],
        )
    assert (raised.value.folders, raised.value.files) == (["papers/x.md"], ["topics"])
    # Nothing written, nothing removed (the stale page neither: the run stopped).
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == [
        "old.md", "papers", "papers/x.md", "papers/x.md/mine.txt", "topics",
    ]
    assert (tmp_path / "topics").read_text() == "a file"
