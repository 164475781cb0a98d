"""Writing the paper files an import changed (generator/importwrite.py): what the curator
wrote stays as written, byte for byte, beside what the import adds."""

import datetime as dt
import os
from pathlib import Path

import pytest
import yaml

from generator.errors import Location
from generator.importer import import_records
from generator.ingest import Record
from generator.links import make_link

DAY = dt.date(2026, 1, 2)


def _rec(title, line=1, **fields):
    return Record(title=title, abstract="An abstract.", source=Location("in.bib", line, 1), **fields)


def test_a_file_with_mixed_line_ends_keeps_each_lines_own_end(tmp_path):
    # Half the lines pasted from a Windows editor: the import wrote every line with the
    # ending most lines have, so `git diff` showed lines it never touched as changed.
    papers = tmp_path / "papers"
    papers.mkdir()
    path = papers / "some-paper.yml"
    lines = [
        b"id: some-paper\r\n",
        b"title: Some Paper\n",
        b"# the curator's comment\r\n",
        b"abstract: An abstract.\r\n",
        b"tags: [mine]\n",
        b"notes: pasted\r\n",
    ]
    path.write_bytes(b"".join(lines))
    report = import_records([_rec("Some Paper", year="2021")], tmp_path, added=DAY)
    assert report.updated == ["some-paper"]
    # The added line takes the ending most lines have (four of six: Windows').
    assert path.read_bytes() == b"".join(lines[:2] + [b"year: 2021\r\n"] + lines[2:])


def test_a_mixed_file_whose_links_the_import_extends_keeps_the_ends_of_the_lines_it_kept(tmp_path):
    papers = tmp_path / "papers"
    papers.mkdir()
    path = papers / "some-paper.yml"
    head = [b"id: some-paper\n", b"title: Some Paper\r\n", b"year: 2020\n"]
    links = [b"links:\n", b"  code:\r\n", b"    - url: https://github.com/me/mine\n", b"      found_in: curator\r\n"]
    tail = [b"abstract: An abstract.\n"]
    path.write_bytes(b"".join(head + links + tail))
    found = make_link("https://github.com/other/theirs", "abstract")
    report = import_records([_rec("Some Paper", year="2020", links=(found,))], tmp_path, added=DAY)
    assert report.updated == ["some-paper"]
    added = [b"    - url: https://github.com/other/theirs\n", b"      found_in: abstract\n"]
    assert path.read_bytes() == b"".join(head + links + added + tail)


def _given_a_link(tmp_path, text):
    """The file of "Some Paper", written ``text``, after an import gave it a code link
    found in its abstract."""
    papers = tmp_path / "papers"
    papers.mkdir()
    path = papers / "some-paper.yml"
    path.write_text(text)
    found = make_link("https://github.com/other/theirs", "abstract")
    report = import_records([_rec("Some Paper", year="2020", links=(found,))], tmp_path, added=DAY)
    assert report.updated == ["some-paper"]
    return path


def test_links_the_file_writes_in_brackets_are_extended_in_brackets(tmp_path):
    # A kind's list of links on one line takes the new link on that line: it came back
    # as an item a line, the curator's link among them in braces.
    text = (
        "id: some-paper\ntitle: Some Paper   # as printed\nyear: 2020\nlinks:\n"
        "  code: [{url: https://github.com/me/mine, found_in: curator}]\n  pdf: []\n"
        "abstract: An abstract.\n"
    )
    path = _given_a_link(tmp_path, text)
    assert path.read_text() == text.replace(
        "found_in: curator}]",
        "found_in: curator}, {url: https://github.com/other/theirs, found_in: abstract}]",
    )


def test_the_comments_that_keep_a_warning_unsaid_stay_on_their_lines_when_links_are_added(tmp_path):
    # (review of cur1: '# another Li, Wei' after a second author of one name, and
    # '# githb.com is right' after an address, keep check from warning of them; an
    # import that adds a link, after the commented one, leaves both where they are)
    head = (
        "id: some-paper\ntitle: Some Paper\nauthors:\n  - Li, Wei\n  - Li, Wei  # another Li, Wei\n"
        "year: 2020\nlinks:\n  code:\n    - url: https://githb.com/me/mine  # githb.com is right\n"
    )
    tail = "  pdf: []\nabstract: An abstract.\n"
    path = _given_a_link(tmp_path, head + tail)
    added = "    - url: https://github.com/other/theirs\n      found_in: abstract\n"
    assert path.read_text() == head + added + tail


def test_tags_the_file_writes_in_brackets_take_a_sources_new_tag_in_brackets(tmp_path):
    # Tags an earlier import wrote, put on one line by the curator, and an export with
    # one more (the importer's tags rule): the new tag joins them on that line.
    import_records([_rec("Some Paper", year="2020", tags=("alpha", "beta"))], tmp_path, added=DAY)
    path = tmp_path / "papers" / "some-paper.yml"
    text = path.read_text().replace("tags:\n  - alpha\n  - beta\n", "tags: [alpha, beta]\n")
    assert "tags: [alpha, beta]\n" in text
    path.write_text(text)
    report = import_records([_rec("Some Paper", year="2020", tags=("alpha", "beta", "gamma"))], tmp_path, added=DAY)
    assert report.conflicts == [] and report.updated == ["some-paper"]
    assert path.read_text() == text.replace("tags: [alpha, beta]\n", "tags: [alpha, beta, gamma]\n")


def test_a_long_line_in_the_links_the_import_extends_is_not_rewrapped(tmp_path):
    # ruamel re-emits the whole links: entry, folding a line over its width (4,096): a
    # curator's long note came back on two lines, its value unchanged but its text not.
    note = " ".join(["word"] * 1000)  # 4,999 characters
    url = "https://example.com/" + "x" * 4980
    text = (
        "id: some-paper\ntitle: Some Paper\nyear: 2020\nlinks:\n  code:\n"
        "    - url: https://github.com/me/mine\n      found_in: curator\n"
        f"      note: {note}\n"
        f"  paper:\n    - url: {url}\n      found_in: curator\n"
        "abstract: An abstract.\n"
    )
    path = _given_a_link(tmp_path, text)
    assert path.read_text() == text.replace(
        "  paper:\n",
        "    - url: https://github.com/other/theirs\n      found_in: abstract\n  paper:\n",
    )


def test_a_long_value_the_import_writes_is_written_on_one_line_as_it_is(tmp_path):
    papers = tmp_path / "papers"
    papers.mkdir()
    path = papers / "some-paper.yml"
    text = (
        "id: some-paper\ntitle: Some Paper\nyear: 2020\nlinks:\n  code:\n"
        "    - url: https://github.com/me/mine\n      found_in: curator\n"
        "abstract: An abstract.\n"
    )
    path.write_text(text)
    url = "https://example.com/" + "/".join(["part"] * 1000)
    venue = " ".join(["Workshop"] * 600)  # 5,399 characters, spaces to fold at
    found = make_link(url, "abstract")
    report = import_records([_rec("Some Paper", year="2020", venue=venue, links=(found,))], tmp_path, added=DAY)
    assert report.updated == ["some-paper"]
    written = path.read_text()
    assert f"\nvenue: {venue}\n" in written and f"- url: {url}\n" in written
    data = yaml.safe_load(written)
    assert data["venue"] == venue and data["links"]["project"] == [{"url": url, "found_in": "abstract"}]


def _read_only_paper(root: Path, text: str) -> Path:
    """``root``'s papers/some-paper.yml holding ``text``, made read-only (chmod a-w)."""
    (root / "papers").mkdir()
    mine = root / "papers" / "some-paper.yml"
    mine.write_text(text)
    mine.chmod(0o444)
    return mine


def test_a_read_only_file_is_left_as_it_is_and_the_rest_of_the_import_written(tmp_path):
    # A curator who made a file read-only (chmod a-w) does not want a tool to change it:
    # the import replaced it anyway, with a file as read-only as it was.
    import json
    import os

    mine = _read_only_paper(tmp_path, "id: some-paper\ntitle: Some Paper\nabstract: An abstract.\n")
    other = tmp_path / "papers" / "other-paper.yml"
    other.write_text("id: other-paper\ntitle: Other Paper\nabstract: An abstract.\n")
    before = mine.read_bytes()
    found = make_link("https://github.com/me/some", "abstract")
    records = [
        _rec("Some Paper", year="2021", links=(found,)),
        _rec("Other Paper", line=5, year="2022"),
        _rec("New Paper", line=9),
    ]
    report = import_records(records, tmp_path, added=DAY)
    assert mine.read_bytes() == before and os.stat(mine).st_mode & 0o777 == 0o444
    assert "year: 2022\n" in other.read_text()
    assert (report.added, report.updated, report.read_only) == (["new-paper"], ["other-paper"], ["some-paper"])
    assert [str(w) for w in report.warnings] == [
        f"{mine}:1:1: warning: this file is read-only, so the import left it alone: it did"
        " not write year, links (make the file writable, chmod u+w, and run the import again"
        " to do so)"
    ]
    assert report.summary().startswith(
        "3 record(s): 1 added, 1 updated, 0 unchanged, 1 left alone (its file is read-only);"
    )
    # Not recorded as imported: made writable, the next import writes what this one did not.
    recorded = json.loads((tmp_path / "sources" / "imported.json").read_text())["papers"]
    assert "some-paper" not in recorded
    mine.chmod(0o644)
    again = import_records(records, tmp_path, added=DAY)
    assert again.updated == ["some-paper"]
    assert "year: 2021\n" in mine.read_text() and "https://github.com/me/some" in mine.read_text()


def test_a_read_only_file_the_import_need_not_change_is_unchanged_without_a_warning(tmp_path):
    text = "id: some-paper\ntitle: Some Paper\nyear: 2021\nabstract: An abstract.\n"
    mine = _read_only_paper(tmp_path, text)
    report = import_records([_rec("Some Paper", year="2021")], tmp_path, added=DAY)
    assert mine.read_text() == text
    assert (report.unchanged, report.read_only, report.warnings) == (["some-paper"], [], [])


def test_a_file_with_old_mac_line_ends_keeps_them(tmp_path):
    # A file whose lines all end in a lone carriage return (an old Mac editor's) reads
    # as any other; the import wrote every line of it back with "\n", a change to each.
    papers = tmp_path / "papers"
    papers.mkdir()
    path = papers / "some-paper.yml"
    path.write_bytes(b"id: some-paper\rtitle: Some Paper\rabstract: An abstract.\r")
    report = import_records([_rec("Some Paper", year="2021")], tmp_path, added=DAY)
    assert report.updated == ["some-paper"]
    assert path.read_bytes() == b"id: some-paper\rtitle: Some Paper\ryear: 2021\rabstract: An abstract.\r"


def test_a_mixed_file_mostly_of_old_mac_line_ends_gives_an_added_line_that_end(tmp_path):
    papers = tmp_path / "papers"
    papers.mkdir()
    path = papers / "some-paper.yml"
    path.write_bytes(b"id: some-paper\rtitle: Some Paper\rabstract: An abstract.\n")
    report = import_records([_rec("Some Paper", year="2021")], tmp_path, added=DAY)
    assert report.updated == ["some-paper"]
    assert path.read_bytes() == b"id: some-paper\rtitle: Some Paper\ryear: 2021\rabstract: An abstract.\n"


def test_a_long_mixed_file_is_given_its_ends_back_in_time_linear_in_its_length(monkeypatch):
    # difflib's matching of many alike lines takes time growing with their count squared
    # or worse: a paper file of 20,000 "- x" lines, half of them Windows', took three
    # minutes for one line added at its top.
    # The work counted, not the CPU seconds (a bound on those could fail by chance on
    # a loaded machine): the lines difflib is given to match, the only part of it not
    # linear. The edit is one line added: the lines before and after it are the file's
    # own where they are, and difflib gets none of the 10,000 alike lines.
    import difflib

    from generator.importwrite import as_the_file_was

    matched: list[int] = []

    class Counting(difflib.SequenceMatcher):
        def __init__(self, isjunk=None, a="", b="", autojunk=True):
            matched.append(len(a) + len(b))
            super().__init__(isjunk, a, b, autojunk)

    monkeypatch.setattr(difflib, "SequenceMatcher", Counting)
    raw = b"".join(b"- x\r\n" if i % 2 else b"- x\n" for i in range(10_000))
    text = "year: 2021\n" + "- x\n" * 10_000
    written = as_the_file_was(raw, text)
    assert written == b"year: 2021\n" + raw
    assert matched and sum(matched) <= 2


def test_a_file_ending_in_a_block_text_without_a_line_break_keeps_its_other_lines(tmp_path):
    # The last entry a block text (`notes: |`) and no line break after it: its value has
    # no final line break, and it gains one once an entry the import adds follows it.
    # The entries kept as written then read otherwise, and the whole file was written as
    # ruamel re-emits it: spacing in lists, a value's spaces and comments' columns lost.
    (tmp_path / "papers").mkdir()
    path = tmp_path / "papers" / "some-paper.yml"
    path.write_text(
        "id: some-paper\ntitle: Some Paper\nauthors: [ Kim Lee ,  Ann Bee ]   # two\n"
        "year:    2021\n# my notes\nnotes: |\n  line one\n  line two",
        encoding="utf-8",
    )
    report = import_records([_rec("Some Paper", year="2021", doi="10.1234/some")], tmp_path, added=DAY)
    assert report.updated == ["some-paper"]
    after = path.read_text(encoding="utf-8")
    # Only the block's header says what it always held ("|-": no final line break).
    assert after == (
        "id: some-paper\n"
        "title: Some Paper\n"
        "authors: [ Kim Lee ,  Ann Bee ]   # two\n"
        "year:    2021\n"
        'doi: "10.1234/some"\n'
        "# my notes\n"
        "notes: |-\n  line one\n  line two\n"
        "abstract: An abstract.\n"
    )
    assert yaml.safe_load(after)["notes"] == "line one\nline two"


def test_a_block_text_ending_in_a_line_of_spaces_then_a_comment_is_kept_as_written(tmp_path):
    # A line of spaces (an editor's indentation left behind) ends the block text, and a
    # comment ends the file; `check` passes it. ruamel wrote the comment into the text
    # ("Proceedings of Wide\n  # the end"), and the import refused the file: "refusing to
    # edit this file ... (please report this)". The curator's entry, kept as written,
    # reads as it did.
    (tmp_path / "papers").mkdir()
    path = tmp_path / "papers" / "some-paper.yml"
    venue = "venue: >-\n  Proceedings\n  of Wide\n   \n"
    path.write_text(f"id: some-paper\ntitle: Some Paper\n{venue}# the end\n", encoding="utf-8")
    report = import_records([_rec("Some Paper", year="2021")], tmp_path, added=DAY)
    assert report.updated == ["some-paper"]
    assert path.read_text(encoding="utf-8") == (
        f"id: some-paper\ntitle: Some Paper\nyear: 2021\n{venue}abstract: An abstract.\n# the end\n"
    )
    assert yaml.safe_load(path.read_text(encoding="utf-8"))["venue"] == "Proceedings of Wide\n "


def _three_new(tmp_path):
    return [Record(title=title, abstract=f"What {title} is about, at some length.", source=Location("in.bib", n, 1))
            for n, title in enumerate(["Alpha Paper", "Beta Paper", "Gamma Paper"], 1)]


def test_new_files_written_a_few_bytes_a_write_are_whole(tmp_path, monkeypatch):
    # (rev57's review of 3a4277e7) os.write may write less than it is given: a new paper
    # file's temporary is written on until all of it is, as the buffered file object did.
    import os

    import_records(_three_new(tmp_path), tmp_path / "whole", added=DAY)
    real = os.write
    monkeypatch.setattr(os, "write", lambda fd, data: real(fd, data[:7]))
    import_records(_three_new(tmp_path), tmp_path / "short", added=DAY)
    monkeypatch.undo()
    names = sorted(path.name for path in (tmp_path / "whole" / "papers").iterdir())
    assert names == ["alpha-paper.yml", "beta-paper.yml", "gamma-paper.yml"]
    assert sorted(path.name for path in (tmp_path / "short" / "papers").iterdir()) == names
    for name in names:
        whole = (tmp_path / "whole" / "papers" / name).read_bytes()
        assert len(whole) > 7 and (tmp_path / "short" / "papers" / name).read_bytes() == whole


def test_a_full_disk_while_writing_new_files_leaves_none_and_names_the_paper_file(tmp_path, monkeypatch, capsys):
    # (rev57) ENOSPC on the second new file: no paper file, no temporary left, and the
    # command's one line names the paper file it was writing (os.write's error names no
    # file; the temporary it was writing is gone).
    import errno

    from generator import importwrite
    from generator.cli import main

    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "topics.yml").write_text("topics: []\n")
    bib = tmp_path / "lab.bib"
    bib.write_text("".join(f"@article{{k{n}, title = {{{title}}}, year = {{2020}}}}\n"
                           for n, title in enumerate(["Alpha Paper", "Beta Paper", "Gamma Paper"])))
    real, calls = importwrite.write_all, []

    def full_at_the_second(fd, data):
        calls.append(fd)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real(fd, data)

    monkeypatch.setattr(importwrite, "write_all", full_at_the_second)
    assert main(["--root", str(tmp_path), "import", "-q", "--no-keep-source", str(bib)]) == 1
    papers = tmp_path / "content" / "papers"
    assert sorted(os.listdir(papers)) == []
    assert capsys.readouterr().err == (
        f"readinglist import: No space left on device: {papers / 'beta-paper.yml'}\n"
    )


def test_an_imports_temporaries_share_one_random_part_and_are_each_one_a_cleanup_knows(tmp_path, monkeypatch):
    # One token for the run's temporaries: each is still beside its own file, under a name
    # of its own, and one remove_temporaries removes (as a run killed outright leaves them).
    import re

    from generator import importwrite
    from generator.atomicfile import _TEMPORARY, remove_temporaries

    made = []
    real = importwrite.create_new

    def create(tmp):
        made.append(tmp)
        return real(tmp)

    monkeypatch.setattr(importwrite, "create_new", create)
    titles = ["Paper One", "Paper Two", "Paper Three"]
    report = import_records([_rec(t, line=n + 1) for n, t in enumerate(titles)],
                            tmp_path, added=dt.date(2026, 1, 2))
    assert sorted(report.added) == ["paper-one", "paper-three", "paper-two"]
    names = [os.path.basename(tmp) for tmp in made]
    assert [os.path.dirname(tmp) for tmp in made] == [str(tmp_path / "papers")] * 3
    assert [re.sub(r"\.[0-9a-f]{12}\.tmp$", "", name) for name in names] == [
        ".paper-one.yml", ".paper-two.yml", ".paper-three.yml"
    ]
    assert len({name[-16:] for name in names}) == 1 and len(set(names)) == 3
    assert all(_TEMPORARY.fullmatch(name) for name in names)
    for tmp in made:  # (what a kill -9 between the write and the link leaves)
        Path(tmp).write_text("half")
    remove_temporaries(tmp_path / "papers")
    assert sorted(p.name for p in (tmp_path / "papers").iterdir()) == ["paper-one.yml", "paper-three.yml", "paper-two.yml"]


def test_a_file_made_meanwhile_at_a_temporarys_name_is_not_removed(tmp_path, monkeypatch):
    # (rev75) A file of the very name a temporary of the run was to have, made after the
    # run removed the temporaries left before (by another writer: os.open with O_EXCL
    # refuses it), is no temporary of this run: the import stops, telling of its paper
    # file, and that file is left as it was. The cleanup removed every name the run had
    # recorded, that one among them, before.
    from generator import importwrite

    monkeypatch.setattr(importwrite, "temporary_token", lambda: "0123456789ab")
    papers = tmp_path / "papers"
    theirs = papers / ".paper-two.yml.0123456789ab.tmp"
    real = importwrite.create_new

    def create(tmp):
        if not theirs.exists():
            theirs.write_text("not the import's\n")  # (another writer, meanwhile)
        return real(tmp)

    monkeypatch.setattr(importwrite, "create_new", create)
    records = [_rec("Paper One", line=1), _rec("Paper Two", line=2)]
    with pytest.raises(OSError) as raised:
        import_records(records, tmp_path, added=dt.date(2026, 1, 2))
    assert raised.value.filename == str(papers / "paper-two.yml")
    assert theirs.read_text() == "not the import's\n"
    assert sorted(p.name for p in papers.iterdir()) == [theirs.name]  # (paper one's temporary removed)
