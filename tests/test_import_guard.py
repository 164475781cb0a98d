"""The importer's last check before it edits a curated file: the rewritten text must still
say everything the curator wrote, plus exactly the fills. A round-tripper that loses or
alters anything (simulated here by tampering with ruamel's output) stops the import with
one clear error, and no file at all is written."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator import importer, importwrite
from generator.errors import CuratorError, Location, Problems
from generator.importer import import_records
from generator.ingest import Record
from generator.yamlio import parse

DAY = dt.date(2026, 1, 2)

CURATED = """\
# Curated by hand: keep this comment.
id: first-paper
title: First Paper   # the curator's title
links:
  code:
    - url: https://github.com/o/first
      official: true
  project: []
  paper: []
  pdf: []
topics: [in-context-learning]
status: must-read
abstract: The curator's own abstract.
"""


def _records() -> list[Record]:
    source = Location("in.txt", 1, 1)
    return [
        # Matches the curated paper: fills its missing authors and year.
        Record(title="First Paper", abstract="Another abstract.", source=source,
               authors=("Ada Lovelace",), year="2021"),
        Record(title="A New Paper", abstract="New.", source=Location("in.txt", 5, 1)),
    ]  # fmt: skip


def _project(tmp_path: Path) -> Path:
    papers = tmp_path / "papers"
    papers.mkdir(parents=True)
    (papers / "first-paper.yml").write_text(CURATED, encoding="utf-8")
    return papers


def _lossy(monkeypatch, tamper) -> None:
    """ruamel's dump, but ``tamper`` changes the mapping just before it is written out."""
    real = importwrite._round_trip_yaml

    def round_trip(original: str):
        yaml = real(original)
        dump = yaml.dump

        def tampered_dump(data, stream):
            tamper(data)
            dump(data, stream)

        yaml.dump = tampered_dump
        return yaml

    monkeypatch.setattr(importwrite, "_round_trip_yaml", round_trip)


def _drop_status(data):
    del data["status"]


def _retitle(data):
    data["title"] = "First Paper (retitled)"


def _drop_curated_link(data):
    data["links"]["code"].pop(0)


def _refill_year(data):
    data["year"] = 1999


def _drop_topic(data):
    data["topics"].pop()


def test_an_honest_round_trip_edits_the_file(tmp_path):
    # The setting of the tests below really takes the editing path.
    papers = _project(tmp_path)
    report = import_records(_records(), tmp_path, added=DAY)
    assert report.updated == ["first-paper"] and report.added == ["a-new-paper"]
    text = (papers / "first-paper.yml").read_text(encoding="utf-8")
    assert "status: must-read" in text and "  - Ada Lovelace" in text and "year: 2021" in text


@pytest.mark.parametrize(
    "tamper", [_drop_status, _retitle, _drop_curated_link, _refill_year, _drop_topic]
)
def test_a_round_trip_that_changes_the_file_is_refused_and_nothing_is_written(
    tmp_path, monkeypatch, tamper
):
    papers = _project(tmp_path)
    _lossy(monkeypatch, tamper)
    # ruamel's whole text written, as when the file's entries cannot be told apart by
    # line (keep_own_entries' fallback): what the safety net must stop. (Where they can,
    # an entry the import did not touch is written as the curator wrote it: below.)
    monkeypatch.setattr(importwrite, "keep_own_entries", lambda original, starts, dumped, *a: dumped)
    with pytest.raises(CuratorError) as caught:
        import_records(_records(), tmp_path, added=DAY)
    path = papers / "first-paper.yml"
    assert [str(p) for p in caught.value.problems] == [
        f"{path}: refusing to edit this file: rewriting it would change what is already in it "
        "(please report this); nothing was written"
    ]
    assert path.read_bytes() == CURATED.encode()
    # Not the other paper either, nor the importer's record of what it imported.
    written = sorted(
        p.relative_to(tmp_path).as_posix()
        for p in tmp_path.rglob("*")
        if p.is_file() and p.name != importer.LOCK_NAME
    )
    assert written == ["papers/first-paper.yml"]


@pytest.mark.parametrize("tamper", [_retitle, _drop_curated_link, _drop_topic])
def test_ruamel_altering_an_entry_the_import_did_not_touch_is_not_written(tmp_path, monkeypatch, tamper):
    # Each entry the import did not touch is written as the curator wrote it, not as
    # ruamel re-emitted it: what ruamel altered there never reaches the file, and the
    # fills do.
    papers = _project(tmp_path)
    _lossy(monkeypatch, tamper)
    report = import_records(_records(), tmp_path, added=DAY)
    assert report.updated == ["first-paper"]
    text = (papers / "first-paper.yml").read_text(encoding="utf-8")
    # Every line the curator wrote, as written and in its order, with the fills between.
    lines = iter(text.splitlines())
    assert all(line in lines for line in CURATED.splitlines())
    assert "  - Ada Lovelace" in text and "year: 2021" in text


# A comment inside brackets: ruamel drops it when it re-emits the list or mapping that
# holds it, and the values alone do not show that.
BRACKETED = """\
id: first-paper
title: First Paper
links: {code: [{url: "https://github.com/o/first",   # the authors' own
    found_in: hand}], pdf: []}   # all links
notes: |
  # a line of the notes, no comment
  "#1" stays #2 too
# the end
"""


def _adding_a_link(tmp_path, text: str):
    """Imports a code link into a paper file holding ``text``; the file and what the
    refusal said."""
    from generator.links import make_link

    papers = tmp_path / "papers"
    papers.mkdir()
    path = papers / "first-paper.yml"
    path.write_text(text, encoding="utf-8")
    record = Record(title="First Paper", abstract="", source=Location("in.txt", 1, 1),
                    links=(make_link("https://github.com/o/port", "bibtex"),))  # fmt: skip
    with pytest.raises(CuratorError) as caught:
        import_records([record], tmp_path, added=DAY)
    return path, [str(p) for p in caught.value.problems]


def test_a_comment_the_rewrite_would_drop_is_said_where_it_stands_and_nothing_is_written(tmp_path):
    path, said = _adding_a_link(tmp_path, BRACKETED)
    assert said == [
        f"{path}:3:54: the import cannot keep this comment (\"# the authors' own\") where it"
        " stands while it adds links: move the comment out of the brackets around it, onto a"
        " line of its own, or add those values by hand; nothing was written"
    ]
    assert path.read_bytes() == BRACKETED.encode()


def test_a_comment_the_rewrite_would_drop_is_quoted_as_written(tmp_path):
    # (repr() doubled the backslash: "# see \\\\cite" for a comment written "# see \\cite".)
    path, said = _adding_a_link(tmp_path, BRACKETED.replace("# the authors' own", "# see \\cite"))
    assert said[0].startswith(f"{path}:3:54: the import cannot keep this comment ('# see \\cite') where")


def test_comments_are_told_from_a_hash_in_a_value_or_a_block_text():
    assert importwrite.comments(BRACKETED) == [
        (3, 54, "# the authors' own"), (4, 34, "# all links"), (8, 1, "# the end"),
    ]


def test_a_rewrite_that_writes_a_comment_twice_is_refused(tmp_path, monkeypatch):
    papers = _project(tmp_path)
    keep = importwrite.keep_own_entries

    def twice(*args, **kwargs):
        text = keep(*args, **kwargs)
        return text.replace("# Curated by hand: keep this comment.\n", "# Curated by hand: keep this comment.\n" * 2)

    monkeypatch.setattr(importwrite, "keep_own_entries", twice)
    with pytest.raises(CuratorError) as caught:
        import_records(_records(), tmp_path, added=DAY)
    path = papers / "first-paper.yml"
    assert [str(p) for p in caught.value.problems] == [
        f"{path}: refusing to edit this file: rewriting it would change what is already in it "
        "(please report this); nothing was written"
    ]
    assert path.read_bytes() == CURATED.encode()


def test_a_comment_after_a_hash_in_a_quoted_value_is_told_and_kept(tmp_path):
    # (the first "#" of the line, in the value, was taken for where the comment starts,
    # and the comment after it went unseen: the rewrite dropped it without a word)
    assert importwrite.comments('title: "a #b" # mine\nx: \'#1\' #2\n') == [(1, 15, "# mine"), (2, 9, "#2")]
    text = BRACKETED.replace('{url: "https://github.com/o/first",', '{note: "see #3", url: "https://github.com/o/first",')
    path, said = _adding_a_link(tmp_path, text)
    assert said == [
        f"{path}:3:70: the import cannot keep this comment (\"# the authors' own\") where it"
        " stands while it adds links: move the comment out of the brackets around it, onto a"
        " line of its own, or add those values by hand; nothing was written"
    ]
    assert path.read_bytes() == text.encode()


# A tab before a comment, or after a value: the project's reader (and check) take it as
# white space, as YAML does, but the comment-keeping reader the edit goes through refuses it.
TABBED = CURATED.replace("status: must-read\n", "status: must-read\t# x\n")


def test_a_tab_the_comment_keeping_reader_refuses_is_said_at_its_place_and_nothing_is_written(tmp_path):
    papers = _project(tmp_path)
    (papers / "first-paper.yml").write_text(TABBED, encoding="utf-8")
    other = TABBED.replace("first-paper", "other-paper").replace("First Paper", "Other Paper") + "tags: []\t\n"
    (papers / "other-paper.yml").write_text(other, encoding="utf-8")
    problems = Problems()
    assert parse(TABBED, "first-paper.yml", problems) is not None and not problems
    records = _records() + [Record(title="Other Paper", abstract="", source=Location("in.txt", 9, 1), year="2020")]
    with pytest.raises(CuratorError) as caught:
        import_records(records, tmp_path, added=DAY)
    stops = (
        " the import cannot edit this file in place: the reader that keeps its comments stops here,"
        " at a tab (write a space for it); nothing was written"
    )
    # Every such file at once, each at the first tab the reader stops at (the status
    # line's, column 18; the other's trailing tab after it is not reached).
    assert [str(p) for p in caught.value.problems] == [
        f"{papers / 'first-paper.yml'}:12:18:" + stops,
        f"{papers / 'other-paper.yml'}:12:18:" + stops,
    ]
    assert (papers / "first-paper.yml").read_bytes() == TABBED.encode()
    assert (papers / "other-paper.yml").read_bytes() == other.encode()
    written = sorted(
        p.relative_to(tmp_path).as_posix()
        for p in tmp_path.rglob("*")
        if p.is_file() and p.name != importer.LOCK_NAME
    )
    assert written == ["papers/first-paper.yml", "papers/other-paper.yml"]
