"""Merging imports into curation files: fill-only, conflicts, duplicates, round trips."""

import datetime as dt
from dataclasses import replace
import os
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from filelock import FileLock
from hypothesis import given, settings, strategies as st

from generator import paperyaml
from generator.errors import CuratorError, Location, Problems
from generator.importer import import_paths, import_records
from generator.paperfile import new_file_text
from generator.ingest import Record, abstract_links
from generator.links import make_link
from generator.yamlio import parse, to_python
from tests.test_curation import NO_SUCH_PAPER

DAY = dt.date(2026, 1, 2)
HEAD = "Get trending papers in your email inbox once a day!\nGet trending papers in your email inbox!\n"
DATA = Path(__file__).parent / "data" / "import"


def _read(path):
    problems = Problems()
    tree = parse(path.read_text(encoding="utf-8"), str(path), problems)
    assert not problems, problems.format()
    return to_python(tree)


def _rec(title, abstract="An abstract that says something.", line=1, **fields):
    return Record(title=title, abstract=abstract, source=Location("in.txt", line, 1), **fields)


def _snapshot(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


TRICKY = [
    "NO", "0123", "2101.00010", "2024-01-02", "null", "a: b", "# not a comment", "ends with:",
    "ReST-MCTS*", "*emphasis*", 'quote " and \\ backslash', "tab\there", "line\u2028sep",
    "  padded  ", "- dash", "[flow]", "{x}", "@at", "`tick", "yes", "~", "é accent", "%pct",
]


@pytest.mark.parametrize("text", TRICKY)
def test_new_file_reads_back_every_field_exactly(tmp_path, text):
    long_abstract = ("word " * 30 + text + "  two  spaces " + "x" * 100 + " end") * 2
    record = _rec(
        text, long_abstract, authors=(text, "Ada Lovelace"), year="2024", venue=text,
        arxiv="2101.00010", doi="10.1000/" + text.strip(), tags=(text,),
        links=(make_link("https://github.com/o/n/tree/main/x", "abstract", official=True),),
    )
    import_records([record], tmp_path, added=DAY)
    (path,) = (tmp_path / "papers").glob("*.yml")
    assert path.read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=../schema/paper.schema.json\nid: "
    )
    data = _read(path)
    assert list(data) == [
        "id", "title", "authors", "year", "venue", "arxiv", "doi", "links", "topics",
        "exclude_topics", "tags", "added", "related", "abstract",
    ]
    assert data["title"] == text and data["venue"] == text and data["tags"] == [text]
    assert data["authors"] == [text, "Ada Lovelace"]
    assert data["abstract"] == long_abstract
    assert (data["year"], data["arxiv"], data["doi"]) == ("2024", "2101.00010", "10.1000/" + text.strip())
    assert data["added"] == "2026-01-02"
    assert data["links"] == {
        "code": [{"url": "https://github.com/o/n/tree/main/x", "found_in": "abstract", "official": "true"}],
        "project": [], "paper": [], "pdf": [],
    }


@pytest.mark.parametrize("title", ["NULL", "Yes", "On", "True", "N"])
def test_a_paper_whose_id_is_a_yaml_word_reads_back_with_that_id(tmp_path, title):
    # The slug of "NULL" is "null", which YAML reads as no value at all when plain.
    from generator.curation import load_content

    (tmp_path / "papers").mkdir()
    import_records([_rec(title)], tmp_path)
    content, problems = load_content(tmp_path)
    assert not problems.has_errors(), problems.format()
    assert [p.id for p in content.papers] == [title.lower()]


def test_long_abstract_is_a_folded_block(tmp_path):
    abstract = "This sentence repeats for a while. " * 10 + "The end."
    text = new_file_text("x", {"title": "T", "added": "2026-01-02", "abstract": abstract}, [])
    assert "abstract: >-\n  This sentence repeats" in text
    assert max(len(line) for line in text.splitlines()) <= 92


def test_reimport_changes_nothing_and_touches_no_file(tmp_path):
    listing = tmp_path / "list.txt"
    listing.write_text(HEAD + "SubscribeFirst Paper\nFirst abstract. https://a.github.io\nSecond Paper\nSecond.")
    first = import_paths([listing], tmp_path / "content", added=DAY)
    assert sorted(first.added) == ["first-paper", "second-paper"]
    papers = tmp_path / "content" / "papers"
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in papers.iterdir()}
    second = import_paths([listing], tmp_path / "content", added=dt.date(2030, 1, 1))
    assert (second.added, second.updated, sorted(second.unchanged)) == ([], [], ["first-paper", "second-paper"])
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in papers.iterdir()} == before


CURATED = """\
# yaml-language-server: $schema=../schema/paper.schema.json
# Curated by hand: keep this comment.
id: first-paper
title: First Paper, Edited Title   # the curator fixed the title

links:
  code: []  # none yet
  project: []
  paper: []
  pdf: []
topics: [in-context-learning]

status: must-read
abstract: The curator's own abstract.
"""


def test_curated_values_win_comments_survive_and_missing_fields_are_filled(tmp_path):
    papers = tmp_path / "papers"
    papers.mkdir()
    (papers / "first-paper.yml").write_text(CURATED)
    record = _rec(
        "First Paper, Edited Title", "A different abstract. Code at https://github.com/o/first.",
        line=7, authors=("Ada Lovelace",), year="2021", arxiv="2101.00010",
        links=(make_link("https://github.com/o/first", "abstract", official=True),),
    )
    report = import_records([record], tmp_path, added=DAY)
    assert report.updated == ["first-paper"]
    # ruamel keeps a blank line with the comment before it, so the blank line after the
    # title stays there and the filled fields come after it; comments keep their column.
    # The conflict is at the abstract in the file as written, the last of its 21 lines
    # (it was once placed where the abstract had been before the fills: line 14).
    assert [str(c) for c in report.conflicts] == [
        f"{papers / 'first-paper.yml'}:21:11: conflict in abstract: the file's \"The curator's own abstract.\" is"
        " kept; in.txt:7:1 says 'A different abstract. Code at https://github.com/o/first.', not written"
    ]
    text = (papers / "first-paper.yml").read_text()
    assert text == """\
# yaml-language-server: $schema=../schema/paper.schema.json
# Curated by hand: keep this comment.
id: first-paper
title: First Paper, Edited Title   # the curator fixed the title

authors:
  - Ada Lovelace
year: 2021
arxiv: "2101.00010"
links:
  code:     # none yet
    - url: https://github.com/o/first
      found_in: abstract
      official: true
  project: []
  paper: []
  pdf: []
topics: [in-context-learning]

status: must-read
abstract: The curator's own abstract.
"""
    again = import_records([record], tmp_path, added=DAY)
    assert again.unchanged == ["first-paper"] and again.updated == []
    assert again.conflicts == []  # the importer now knows it offered that abstract
    assert (papers / "first-paper.yml").read_text() == text


def test_conflict_names_the_curated_title(tmp_path):
    papers = tmp_path / "papers"
    papers.mkdir()
    (papers / "p.yml").write_text("id: p\ntitle: Attention Is All You Need\narxiv: '1706.03762'\nabstract: A.\n")
    report = import_records([_rec("Attention is all you need!", "A.", arxiv="1706.03762")], tmp_path, added=DAY)
    assert [(str(c.location), c.field) for c in report.conflicts] == [(f"{papers / 'p.yml'}:2:8", "title")]
    assert [str(d) for d in report.duplicates] == ["in.txt:1:1: already in the list as p (same arXiv id 1706.03762): merged into its file"]
    assert report.updated == [] and report.unchanged == ["p"]


def test_duplicates_in_one_input_are_merged_into_one_file(tmp_path):
    records = [
        _rec("Learning to Rank with Large Language Models", "First.", line=1),
        _rec("Learning to rank with large language models.", "", line=3, authors=("A B",)),
        _rec("Learning to Rank with Large Languge Models", "", line=5, year="2020"),
        _rec("Some Other Paper", "Other.", line=7, doi="10.1/x"),
        _rec("Some Other Paper (extended)", "", line=9, doi="10.1/X", venue="JMLR"),
        _rec("Learning to Rank with Small Language Models", "Small.", line=11),
    ]
    report = import_records(records, tmp_path, added=DAY)
    assert sorted(report.added) == [
        "learning-to-rank-with-large-language-models",
        "learning-to-rank-with-small-language-models",
        "some-other-paper",
    ]
    assert [(d.source.line, d.paper_id, d.reason.split(",")[0]) for d in report.duplicates] == [
        (3, "learning-to-rank-with-large-language-models", "same title"),
        (5, "learning-to-rank-with-large-language-models", "similar title"),
        (9, "some-other-paper", "same DOI 10.1/X"),
    ]
    merged = _read(tmp_path / "papers" / "learning-to-rank-with-large-language-models.yml")
    assert (merged["authors"], merged["year"], merged["abstract"]) == (["A B"], "2020", "First.")
    assert _read(tmp_path / "papers" / "some-other-paper.yml")["venue"] == "JMLR"


def test_slug_collisions_get_numbers_and_keep_them_on_reimport(tmp_path):
    stem = "A Rather Long Title About Learning Representations for Language Models in the Wild"
    records = [
        _rec(stem + ": Part One, Concerning Tokenisers and Their Many Discontents", "One."),
        _rec(stem + ": Part Two, Where Optimisers Finally Meet Curriculum Schedules", "Two."),
    ]
    first = import_records(records, tmp_path, added=DAY)
    base = "a-rather-long-title-about-learning-representations-for-language-models"  # (not "...-in-the")
    assert first.added == [base, base + "-2"]
    assert _read(tmp_path / "papers" / f"{base}-2.yml")["abstract"] == "Two."
    second = import_records(list(reversed(records)), tmp_path, added=DAY)
    assert second.added == [] and sorted(second.unchanged) == [base, base + "-2"]
    assert second.duplicates == []


def test_unknown_layout_writes_nothing(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(HEAD + "SubscribeA Paper\nAn abstract.")
    bad = tmp_path / "bad.txt"
    bad.write_text("some notes\n")
    with pytest.raises(CuratorError) as caught:
        import_paths([good, bad], tmp_path / "content", added=DAY)
    assert str(caught.value).startswith(f"{bad}:1:1: unknown layout")
    assert not (tmp_path / "content").exists()


def test_broken_existing_file_aborts_before_writing(tmp_path):
    papers = tmp_path / "papers"
    papers.mkdir()
    (papers / "bad.yml").write_text("id: bad\ntitle: [unclosed\n")
    with pytest.raises(CuratorError) as caught:
        import_records([_rec("New Paper")], tmp_path, added=DAY)
    assert str(caught.value).startswith(f"{papers / 'bad.yml'}:")
    assert sorted(p.name for p in papers.iterdir()) == ["bad.yml"]


def test_a_second_import_waits_for_the_lock_then_refuses_clearly(tmp_path):
    (tmp_path / "papers").mkdir()
    with FileLock(str(tmp_path / ".import.lock")):
        with pytest.raises(CuratorError) as caught:
            import_records([_rec("New Paper")], tmp_path, added=DAY, lock_timeout=0.2)
    assert str(caught.value) == (
        f"{tmp_path / '.import.lock'}: another import is still running (it holds this lock); "
        "waited 0.2 s; nothing was written"
    )
    assert list((tmp_path / "papers").iterdir()) == []


def test_a_run_killed_midway_leaves_whole_files_only(tmp_path, monkeypatch):
    calls = []
    real_link = os.link

    def dying_link(src, dst):
        calls.append(dst)
        if len(calls) == 2:
            raise KeyboardInterrupt
        real_link(src, dst)

    monkeypatch.setattr(os, "link", dying_link)
    with pytest.raises(KeyboardInterrupt):
        import_records([_rec("Paper One"), _rec("Paper Two")], tmp_path, added=DAY)
    names = sorted(p.name for p in (tmp_path / "papers").iterdir())
    assert names == ["paper-one.yml"]  # no half-written file, no temporary left behind
    assert _read(tmp_path / "papers" / "paper-one.yml")["title"] == "Paper One"
    # The record was written before any new file was in place, each new paper pending.
    import json

    recorded = json.loads((tmp_path / "sources" / "imported.json").read_text())["papers"]
    assert {k: v.get("pending") for k, v in recorded.items()} == {"paper-one": True, "paper-two": True}
    # `check` meanwhile: a pending paper with no file was never there, not "deleted".
    from generator.curation import load_content

    (tmp_path / "papers" / "paper-one.yml").write_text(
        (tmp_path / "papers" / "paper-one.yml").read_text().replace("related: []", "related: [paper-two]")
    )
    _, problems = load_content(tmp_path, tmp_path.parent)
    assert [p.message for p in problems.errors] == ["unknown paper 'paper-two'" + NO_SUCH_PAPER]
    (tmp_path / "papers" / "paper-one.yml").write_text(
        (tmp_path / "papers" / "paper-one.yml").read_text().replace("related: [paper-two]", "related: []")
    )
    # The next run keeps the record of the paper that is there (so it is no "duplicate"
    # of itself) and forgets the other's, whose file never came.
    monkeypatch.setattr(os, "link", real_link)
    report = import_records([_rec("Paper One"), _rec("Paper Two")], tmp_path, added=DAY)
    assert (report.added, report.unchanged, report.duplicates) == (["paper-two"], ["paper-one"], [])
    recorded = json.loads((tmp_path / "sources" / "imported.json").read_text())["papers"]
    assert sorted(recorded) == ["paper-one", "paper-two"]
    assert not any(v.get("pending") for v in recorded.values())


def test_files_edited_or_created_during_the_import_are_left_alone(tmp_path, monkeypatch):
    import generator.importer as importer

    papers = tmp_path / "papers"
    papers.mkdir()
    (papers / "old.yml").write_text("id: old\ntitle: Old Paper\nabstract: A.\n")
    real_read = importer._read_existing

    def read_then_someone_edits(*args):
        found = real_read(*args)
        (papers / "old.yml").write_text("id: old\ntitle: Old Paper\nabstract: Edited.\n")
        (papers / "new-paper.yml").write_text("id: new-paper\ntitle: Mine\nabstract: B.\n")
        return found

    monkeypatch.setattr(importer, "_read_existing", read_then_someone_edits)
    report = import_records(
        [_rec("Old Paper", "A.", authors=("X",)), _rec("New Paper")], tmp_path, added=DAY
    )
    assert (report.added, report.updated) == ([], [])
    assert [str(w) for w in report.warnings] == [
        f"{papers / 'new-paper.yml'}: warning: this file appeared while the import ran, so the "
        "import left it alone; run the import again",
        f"{papers / 'old.yml'}: warning: this file changed while the import ran, so the "
        "import left it alone; run the import again",
    ]
    assert (papers / "old.yml").read_text().endswith("Edited.\n")
    assert (papers / "new-paper.yml").read_text().startswith("id: new-paper\ntitle: Mine")
    assert sorted(p.name for p in papers.iterdir()) == ["new-paper.yml", "old.yml"]


def test_added_comes_from_source_date_epoch(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    import_records([_rec("Dated Paper")], tmp_path)
    assert _read(tmp_path / "papers" / "dated-paper.yml")["added"] == "2023-11-14"


def test_bibtex_after_listing_fills_in_authors(tmp_path):
    listing = tmp_path / "list.txt"
    listing.write_text(
        HEAD + "SubscribeInvestigating the Pre-Training Dynamics of In-Context Learning: "
        "Task Recognition vs. Task Learning\nThe emergence of ICL. The code is available at "
        "https://github.com/RUCAIBox/Competitive-ICL."
    )
    import_paths([listing], tmp_path, added=DAY)
    report = import_paths([DATA / "sample.bib"], tmp_path, added=DAY)
    slug = "investigating-the-pre-training-dynamics-of-in-context-learning-task-recognition"
    assert report.updated == [slug]
    data = _read(tmp_path / "papers" / f"{slug}.yml")
    assert data["authors"][0] == "Xiaolei Wang"
    assert data["arxiv"] == "2406.14022"
    assert [l["url"] for l in data["links"]["code"]] == ["https://github.com/RUCAIBox/Competitive-ICL"]
    assert sorted(report.added) == ["an-arxiv-only-preprint", "tulu-like-models-a-study-of-open-post-training"]


# --- YAML text that reads back exactly ---------------------------------------------


_texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300
) | st.sampled_from(TRICKY)


def _yaml_value(text):
    problems = Problems()
    tree = parse(text, "t.yml", problems)
    assert not problems, problems.format()
    return to_python(tree)["k"]


@given(_texts)
@settings(max_examples=300)
def test_any_string_reads_back_exactly(text):
    assert _yaml_value(f"k: {paperyaml.scalar(text)}\n") == text
    assert _yaml_value("\n".join(paperyaml.text_block("k", text)) + "\n") == text


def test_a_printable_text_needs_no_escape():
    # (paperyaml._needs_escape asks str.isprintable first: no character the pattern
    # matches may be printable, or a text holding one would be written unescaped.)
    assert not [
        hex(c) for c in range(sys.maxunicode + 1)
        if paperyaml._NEEDS_ESCAPE.match(chr(c)) and chr(c).isprintable()
    ]
    for text in ("a\x85b", "x\u2028", "\ufeffa", "a\ud800", "\x7f", "tab\tand\x1b", "line\nbreak", "soft\xadhyphen"):
        assert paperyaml._needs_escape(text) == (paperyaml._NEEDS_ESCAPE.search(text) is not None)


def _quoted_a_character_at_a_time(text):
    """double_quoted as it was written before its table: each character looked at."""
    out = ['"']
    for ch in text:
        if ch in '\\"\n\t':
            out.append({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t"}[ch])
        elif paperyaml._NEEDS_ESCAPE.match(ch):
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return "".join(out) + '"'


@given(_texts | st.text(st.sampled_from(list('ab\\"\n\t\x00\x1f\x7f\x85\u2028\ufeff\uffffé')), max_size=20))
def test_double_quoted_as_a_character_at_a_time(text):
    assert paperyaml.double_quoted(text) == _quoted_a_character_at_a_time(text)


@given(st.text(st.sampled_from(list(
    'a\\"\n\t\r\x00\x08\x0b\x0c\x1b\x7f\x80\x9f\xa0\x85\u2028\u2029\ufeff\ufffe\uffff\ufffd\ud800\udbff\udc00\udfff'
    '\U0001f99c\U000e0001\u200b\u0301'
)), max_size=20) | st.text(max_size=20))
def test_double_quoted_of_surrogates_and_separators_as_a_character_at_a_time(text):
    # (Lone surrogates, each half of a pair, C0 and C1 controls, "\r" alone, NEL, line
    # and paragraph separators, noncharacters, astral characters: escaped or not alike.)
    assert paperyaml.double_quoted(text) == _quoted_a_character_at_a_time(text)


@given(st.lists(st.sampled_from(["word", "a", "  ", " ", "x" * 95, "é", "*", "#", ":"]), max_size=80).map("".join))
def test_folded_text_reads_back_exactly(text):
    lines = paperyaml.text_block("k", text)
    assert _yaml_value("\n".join(lines) + "\n") == text


_paragraphs = st.lists(
    st.sampled_from(["word", "a", " ", "  ", "\n", "\n\n", "\t", "x" * 95, "é", "#", ": ", "- ", "|", "'"]),
    max_size=60,
).map("".join)


@given(_paragraphs)
def test_text_with_line_breaks_reads_back_exactly_as_written_and_as_rewritten(text):
    import io

    from ruamel.yaml import YAML

    assert _yaml_value("\n".join(paperyaml.text_block("k", text)) + "\n") == text
    out = io.StringIO()
    yaml = YAML()
    yaml.width = 4096
    yaml.dump({"k": paperyaml.ruamel_text(text, long_text=True)}, out)  # (an update's way)
    assert _yaml_value(out.getvalue()) == text


def test_ruamel_values_are_made_in_a_process_that_has_not_imported_ruamel_yaml():
    # (paperyaml imports ruamel.yaml only when an update asks for its values)
    import subprocess
    import sys

    code = (
        "import sys; from generator import paperyaml; assert 'ruamel.yaml' not in sys.modules;"
        " print([type(paperyaml.ruamel_text(t, long_text=True)).__name__"
        " for t in ('plain', 'yes', 'a\\nb', ' '.join(['word'] * 40))])"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=Path(__file__).parent.parent)
    assert result.stdout.strip() == (
        "['str', 'DoubleQuotedScalarString', 'LiteralScalarString', 'FoldedScalarString']"
    ), result.stderr


def test_an_abstract_of_paragraphs_is_written_a_paragraph_a_line():
    # (curator: an RIS abstract's paragraphs came as one quoted line of \n escapes)
    text = "We propose a model.\n\nCode: https://github.com/x/y\n\nWebpage: https://x.io"
    assert paperyaml.text_block("abstract", text) == [
        "abstract: |-",
        "  We propose a model.",
        "",
        "  Code: https://github.com/x/y",
        "",
        "  Webpage: https://x.io",
    ]
    # What a block cannot give back exactly stays quoted: a space that ends a line (an
    # editor strips it), a line break last (|- drops it), a tab.
    for inexact in ("A line \nthen", "A text\n", "A\tb\nc"):
        assert paperyaml.text_block("abstract", inexact) == [f"abstract: {paperyaml.scalar(inexact)}"]


def test_progress_bar_only_above_a_few_hundred_records(tmp_path, capsys):
    import_records([_rec(f"Paper {n}") for n in range(300)], tmp_path / "a", added=DAY, progress=True)
    assert "import" not in capsys.readouterr().err
    import_records([_rec(f"Paper {n}") for n in range(301)], tmp_path / "b", added=DAY, progress=True)
    assert "301/301" in capsys.readouterr().err


def test_command_prints_summary_and_conflicts_as_warnings(tmp_path, capsys):
    from generator.cli import main
    from tests.test_import_cmd import conflicts_note

    (tmp_path / "content").mkdir()  # a new list's folder (import refuses another)
    listing = tmp_path / "list.txt"
    listing.write_text(HEAD + "SubscribeFirst Paper\nFirst abstract.")
    assert main(["--root", str(tmp_path), "import", str(listing)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[-1] == (
        "1 record(s): 1 added, 0 updated, 0 unchanged; of which 0 duplicate(s) merged; 0 conflict(s), "
        "0 link(s) found"
    )
    kept = tmp_path / "content" / "sources" / "list.txt"
    assert kept.read_bytes() == listing.read_bytes()
    paper = tmp_path / "content" / "papers" / "first-paper.yml"
    paper.write_text(paper.read_text().replace("First abstract.", "Curated abstract."))
    # The source still says what was imported before: the curator's edit is no conflict,
    # but a warning says it was kept, at its place.
    assert main(["--root", str(tmp_path), "import", str(listing)]) == 0
    again = capsys.readouterr()
    assert again.err == f"{paper}:15:11: warning: kept your abstract (the source has 'First abstract.')\n"
    assert again.out.splitlines()[-1].endswith(" 0 conflict(s), 0 link(s) found")
    listing.write_text(HEAD + "SubscribeFirst Paper\nFirst abstract, revised.")
    assert main(["--root", str(tmp_path), "import", str(listing)]) == 0
    err = capsys.readouterr().err
    assert err == (
        f"{paper}:15:11: warning: conflict in abstract: the file's 'Curated abstract.' is kept; "
        f"{listing}:3:1 says 'First abstract, revised.', not written\n{conflicts_note('1 conflict')}\n"
    )
    assert paper.read_text().endswith("abstract: Curated abstract.\n")


def test_unedited_files_skipped_by_the_fast_path_still_merge_and_locate(tmp_path):
    # A re-import does not parse files that are byte for byte what it would write; a
    # later record for the same paper must still fill, add links and point at lines.
    first = _rec("First Paper", "First abstract.")
    import_records([first], tmp_path, added=DAY)
    path = tmp_path / "papers" / "first-paper.yml"
    again = _rec(
        "First Paper?", "Other abstract.", line=9, year="2020",
        links=(make_link("https://github.com/o/first", "abstract"),),
    )
    report = import_records([first, again], tmp_path, added=DAY)
    assert [str(c) for c in report.conflicts] == [
        f"{path}:3:8: conflict in title: the file's 'First Paper' is kept; in.txt:9:1 says 'First Paper?', not written",
        f"{path}:18:11: conflict in abstract: the file's 'First abstract.' is kept; in.txt:9:1 says 'Other abstract.',"
        " not written",
    ]
    assert _line(path, 18).startswith("abstract: First abstract.")
    assert report.updated == ["first-paper"]
    data = _read(path)
    assert data["year"] == "2020" and data["abstract"] == "First abstract."
    assert data["links"]["code"] == [{"url": "https://github.com/o/first", "found_in": "abstract"}]


def test_the_fast_path_reads_each_file_to_its_end(tmp_path):
    # A re-import takes a file for unchanged only when all of it is what it would write:
    # a file read in parts must be read whole, however long (a read gives 64 KiB at most),
    # or a curator's lines after the first part would go unseen.
    from generator.importer import _whole_file

    for size in (0, 1, (1 << 16) - 1, 1 << 16, (1 << 16) + 1, 3 * (1 << 16) + 7):
        data = bytes(i % 251 for i in range(size))
        (tmp_path / "p.yml").write_bytes(data)
        assert _whole_file(str(tmp_path / "p.yml")) == data
    assert _whole_file(str(tmp_path / "missing.yml")) is None
    (tmp_path / "folder.yml").mkdir()  # (a folder opens; its read fails)
    assert _whole_file(str(tmp_path / "folder.yml")) is None


def _parsed_on_import(monkeypatch, records, folder):
    """The names of the paper files a re-import of ``records`` parsed (the fast path
    did not claim), and its report."""
    import generator.importer as importer

    parsed = []
    real_read = importer._read_existing

    def read(papers_dir, names, problems):
        parsed.extend(sorted(names))
        return real_read(papers_dir, names, problems)

    monkeypatch.setattr(importer, "_read_existing", read)
    return parsed, import_records(records, folder, added=DAY)


_KEYED = [
    _rec("Keyed Paper", key="smith2020deep"), _rec("Year Keyed", key="2020"),
    _rec("Bool Keyed", key="true"), _rec("Colon Keyed", key="kim:2018/x"), _rec("Unkeyed Paper"),
]


def test_the_fast_path_claims_the_files_an_import_wrote_with_their_keys(tmp_path, monkeypatch):
    # A new file holds its BibTeX key (citation_key): a re-import of the same records
    # claims each file it wrote, none parsed, and each claimed file's values are what
    # parsing it gives. (Once keys were written, a re-import of 10,000 unchanged entries
    # parsed every file: +1.5 s, 5.0 -> 6.6 s.)
    from generator.importer import _claim_unchanged

    import_records(_KEYED, tmp_path, added=DAY)
    papers = tmp_path / "papers"
    assert _read(papers / "year-keyed.yml")["citation_key"] == "2020"
    assert "citation_key" not in _read(papers / "unkeyed-paper.yml")
    parsed, report = _parsed_on_import(monkeypatch, _KEYED, tmp_path)
    assert parsed == []
    assert sorted(report.unchanged) == ["bool-keyed", "colon-keyed", "keyed-paper", "unkeyed-paper", "year-keyed"]
    claimed = _claim_unchanged(_KEYED, papers, {p.name for p in papers.iterdir()})
    assert len(claimed) == 5
    for paper in claimed:
        values = _read(paper.path)
        assert paper.values.get("citation_key") == values.get("citation_key"), paper.id
        given = {name: value for name, value in paper.values.items() if value}  # (an empty one is unwritten)
        assert {name: values.get(name) for name in given} == given, paper.id


def test_a_file_whose_key_was_edited_or_never_written_is_read_as_it_is(tmp_path, monkeypatch):
    # A curator's own key is parsed and kept; a file written before keys were (none in
    # it) is claimed without one, and a re-import adds none.
    import_records(_KEYED, tmp_path, added=DAY)
    papers = tmp_path / "papers"
    _edit(papers / "keyed-paper.yml", "citation_key: smith2020deep\n", "citation_key: mine2020\n")
    _edit(papers / "colon-keyed.yml", "citation_key: kim:2018/x\n", "")
    before = _snapshot(papers)
    parsed, report = _parsed_on_import(monkeypatch, _KEYED, tmp_path)
    assert parsed == ["keyed-paper.yml"]
    assert (report.updated, report.conflicts) == ([], [])
    assert _snapshot(papers) == before
    assert _read(papers / "keyed-paper.yml")["citation_key"] == "mine2020"


def test_an_edit_keeps_the_files_own_indentation(tmp_path):
    # ruamel writes one indentation for the whole file; it is taken from the file.
    papers = tmp_path / "papers"
    papers.mkdir()
    curated = (
        "id: p\n"
        "title: Indented Paper\n"
        "tags:\n"
        "-   mine\n"
        "links:\n"
        "    code:\n"
        "    -   url: https://github.com/me/p\n"
        "        found_in: curator\n"
        "abstract: A.\n"
    )
    (papers / "p.yml").write_text(curated)
    record = _rec("Indented Paper", "A.", year="2022",
                  links=(make_link("https://example.org/p", "abstract"),))
    assert import_records([record], tmp_path, added=DAY).updated == ["p"]
    assert (papers / "p.yml").read_text() == (
        "id: p\n"
        "title: Indented Paper\n"
        "year: 2022\n"
        "tags:\n"
        "-   mine\n"
        "links:\n"
        "    code:\n"
        "    -   url: https://github.com/me/p\n"
        "        found_in: curator\n"
        "    project:\n"
        "    -   url: https://example.org/p\n"
        "        found_in: abstract\n"
        "abstract: A.\n"
    )


# --- three-way merge: what the importer took before is the curator's to change --------


VIEWS = Path("sources") / "imported.json"
CODE = "https://github.com/o/first"
PAGE = "https://o.github.io/first"


def _first(**fields):
    values = dict(
        authors=("Ada Lovelace",), year="2021", venue="ICML",
        links=(make_link(CODE, "abstract", official=True), make_link(PAGE, "abstract")),
    )
    values.update(fields)
    return _rec("First Paper", values.pop("abstract", "First abstract."), **values)


def _edit(path, old, new):
    text = path.read_text()
    assert old in text, text
    path.write_text(text.replace(old, new))


def test_deleted_links_and_cleared_fields_stay_deleted(tmp_path):
    import_records([_first()], tmp_path, added=DAY)
    path = tmp_path / "papers" / "first-paper.yml"
    _edit(path, f"  code:\n    - url: {CODE}\n      found_in: abstract\n      official: true\n", "  code: []\n")
    _edit(path, "year: 2021\n", "")
    _edit(path, "authors:\n  - Ada Lovelace\n", "authors: []\n")
    curated = path.read_bytes()
    report = import_records([_first()], tmp_path, added=DAY)
    assert (report.updated, report.unchanged, report.conflicts) == ([], ["first-paper"], [])
    assert path.read_bytes() == curated
    data = _read(path)
    assert data["links"]["code"] == [] and "year" not in data and data["authors"] == []
    assert data["links"]["project"] == [{"url": PAGE, "found_in": "abstract"}]


def test_a_link_read_as_another_kind_later_stays_where_the_file_has_it(tmp_path):
    # A file written when the words around a link were read as saying it holds the code
    # ("Check the website at URL for the code" made the site a code link, official):
    # the newer reading, a site is a project page (95904792), moves nothing the curator
    # may have checked, and is no conflict, since the file says nothing else about the
    # link. (So the shipped list's four such links were moved by hand.)
    listing = tmp_path / "in.txt"
    abstract = f"First abstract. Check the website at {PAGE} for the code."
    assert [link.kind for link in abstract_links(abstract)] == ["project"]
    listing.write_text(HEAD + f"SubscribeFirst Paper\n{abstract}\n")
    read_before = replace(make_link(PAGE, "abstract", official=True), kind="code")
    old = _first(abstract=abstract, links=(read_before,))
    import_records([old], tmp_path, added=DAY)
    path = tmp_path / "papers" / "first-paper.yml"
    written = path.read_bytes()
    assert _read(path)["links"]["code"] == [{"url": PAGE, "found_in": "abstract", "official": "true"}]
    report = import_paths([listing], tmp_path, added=DAY)
    assert (report.updated, report.conflicts) == ([], [])
    assert path.read_bytes() == written
    assert _read(path)["links"]["project"] == []


@pytest.mark.parametrize(
    "spelling",
    ["http://github.com/o/first", "https://www.github.com/o/first", "https://github.com/O/First/",
     "https://github.com/o/first.git", "https://github.com/o/first/tree/main"],
)
def test_a_deleted_link_does_not_come_back_spelled_another_way(tmp_path, spelling):
    import_records([_first()], tmp_path, added=DAY)
    path = tmp_path / "papers" / "first-paper.yml"
    _edit(path, f"  code:\n    - url: {CODE}\n      found_in: abstract\n      official: true\n", "  code: []\n")
    curated = path.read_bytes()
    again = _first(links=(make_link(spelling, "abstract", official=True), make_link(PAGE, "abstract")))
    report = import_records([again], tmp_path, added=DAY)
    assert report.updated == [] and path.read_bytes() == curated


def test_a_folder_of_a_repository_is_a_link_of_its_own(tmp_path):
    # A monorepo's folder is no spelling of the monorepo: the paper's code is there.
    import_records([_first()], tmp_path, added=DAY)
    path = tmp_path / "papers" / "first-paper.yml"
    folder = CODE + "/tree/main/paper-x"
    report = import_records([_first(links=(make_link(folder, "abstract"),))], tmp_path, added=DAY)
    assert report.updated == ["first-paper"]
    assert [c["url"] for c in _read(path)["links"]["code"]] == [CODE, folder]


def test_edited_fields_are_kept_without_a_conflict(tmp_path):
    import_records([_first()], tmp_path, added=DAY)
    path = tmp_path / "papers" / "first-paper.yml"
    _edit(path, "abstract: First abstract.", "abstract: The curator's better abstract.")
    _edit(path, "venue: ICML", "venue: ICML 2021 (oral)")
    curated = path.read_bytes()
    for _ in range(2):  # not on the first re-import, nor on any later one
        report = import_records([_first()], tmp_path, added=DAY)
        assert (report.conflicts, report.updated) == ([], [])
    assert path.read_bytes() == curated


def test_a_value_new_in_the_source_fills_or_conflicts_once_and_new_links_are_added(tmp_path):
    import_records([_first()], tmp_path, added=DAY)
    path = tmp_path / "papers" / "first-paper.yml"
    _edit(path, "abstract: First abstract.", "abstract: Curated.")
    _edit(path, "year: 2021\n", "")  # cleared by the curator
    _edit(path, f"  project:\n    - url: {PAGE}\n      found_in: abstract\n", "  project: []\n")
    changed = _first(
        abstract="Revised abstract.", year="2022",
        links=(make_link(CODE, "abstract", official=True), make_link(PAGE, "abstract"),
               make_link("https://arxiv.org/abs/2101.00010", "abstract")),
    )
    report = import_records([changed], tmp_path, added=DAY)
    assert [str(c) for c in report.conflicts] == [
        f"{path}:23:11: conflict in abstract: the file's 'Curated.' is kept; in.txt:1:1 says 'Revised abstract.',"
        " not written"
    ]
    assert _line(path, 23) == "abstract: Curated."
    assert report.updated == ["first-paper"]
    data = _read(path)
    assert (data["abstract"], data["year"]) == ("Curated.", "2022")  # kept; filled
    assert data["links"]["project"] == []  # deleted before, still deleted
    assert data["links"]["paper"] == [{"url": "https://arxiv.org/abs/2101.00010", "found_in": "abstract"}]
    assert [l["url"] for l in data["links"]["code"]] == [CODE]
    # Reported once: the importer now knows the source says it.
    again = import_records([changed], tmp_path, added=DAY)
    assert (again.conflicts, again.updated) == ([], [])


TALK = "https://youtu.be/abc123"
CORPUS = "https://huggingface.co/datasets/o/corpus"


def test_a_new_file_lists_the_usual_link_kinds_and_a_talk_or_dataset_where_found(tmp_path):
    import_records([_first(), _rec("Second Paper", links=(make_link(TALK, "abstract"),))], tmp_path, added=DAY)
    first = (tmp_path / "papers" / "first-paper.yml").read_text()
    # Only the four usual kinds, empty or not: the files of earlier imports stay as
    # they are, and a re-import finds them unedited.
    assert "links:\n  code:\n" in first and "  paper: []\n  pdf: []\ntopics:" in first
    assert "data:" not in first and "video:" not in first and "slides:" not in first
    second = _read(tmp_path / "papers" / "second-paper.yml")
    assert list(second["links"]) == ["code", "project", "paper", "pdf", "video"]
    assert second["links"]["video"] == [{"url": TALK, "found_in": "abstract"}]


def test_a_talk_or_dataset_found_later_is_added_under_its_kind_keeping_the_file(tmp_path):
    import_records([_first()], tmp_path, added=DAY)
    path = tmp_path / "papers" / "first-paper.yml"
    _edit(path, "year: 2021\n", "year: 2021  # the arXiv year\n")
    links = (make_link(CODE, "abstract", official=True), make_link(PAGE, "abstract"),
             make_link(CORPUS, "abstract"), make_link(TALK, "abstract"))
    report = import_records([_first(links=links)], tmp_path, added=DAY)
    assert report.updated == ["first-paper"]
    text = path.read_text()
    assert "year: 2021  # the arXiv year\n" in text
    data = _read(path)
    assert list(data["links"]) == ["code", "project", "paper", "pdf", "data", "video"]
    assert data["links"]["data"] == [{"url": CORPUS, "found_in": "abstract"}]
    assert data["links"]["video"] == [{"url": TALK, "found_in": "abstract"}]
    assert [l["url"] for l in data["links"]["code"]] == [CODE]  # (the dataset is no code)


def test_the_view_file_is_sorted_one_line_per_paper_and_holds_digests(tmp_path):
    import hashlib
    import json

    import_records([_rec("Zeta Paper", "Z.", year="2020"), _first(links=(make_link(CODE + "/", "abstract"),))],
                   tmp_path, added=DAY)

    def digest(value):
        return hashlib.sha256(json.dumps(value, separators=(",", ":")).encode()).hexdigest()[:16]

    text = (tmp_path / VIEWS).read_text()
    lines = text.splitlines()
    assert lines[:3] == ["{", ' "format": 1,', ' "papers": {'] and lines[-2:] == [" }", "}"]
    assert [line.split(":")[0] for line in lines[3:-2]] == ['  "first-paper"', '  "zeta-paper"']
    papers = json.loads(text)["papers"]
    # Each value it wrote into the file (the title too; not tags: their own rule), with
    # the record it took it from: a digest too, one a field.
    for paper_id, names in (
        ("first-paper", ["abstract", "authors", "title", "venue", "year"]), ("zeta-paper", ["abstract", "title", "year"]),
    ):
        fields = papers[paper_id]["fields"]
        assert sorted(name for name in fields if name.endswith(" written")) == [f"{name} written" for name in names]
        for name in names:
            (wrote,) = fields.pop(f"{name} written")
            assert len(wrote) == 16 and wrote not in fields[name] and int(wrote, 16) >= 0
    assert papers == {
        "first-paper": {
            "fields": {
                "abstract": [digest("First abstract.")],
                # The list, and each of its people by family name (matchkeys.surname_marks).
                "authors": sorted([digest(["Ada Lovelace"]), digest({"surname": "lovelace"})]),
                # The title as written, and as matching compares titles (normalised).
                "title": sorted([digest("First Paper"), digest("first paper")]),
                "venue": [digest("ICML")], "year": [digest("2021")],
            },
            "links": ["https://github.com/o/first"],
        },
        "zeta-paper": {
            "fields": {
                "abstract": [digest("Z.")], "title": sorted([digest("Zeta Paper"), digest("zeta paper")]),
                "year": [digest("2020")],
            },
            "links": [],
        },
    }


def test_two_sources_wording_a_title_differently_conflict_once(tmp_path):
    listing = _rec("First Paper", "A.", arxiv="2101.00010")
    bib = _rec("First Paper Revised", "A.", line=5, arxiv="2101.00010")
    import_records([listing], tmp_path, added=DAY)
    assert len(import_records([bib], tmp_path, added=DAY).conflicts) == 1
    assert import_records([listing], tmp_path, added=DAY).conflicts == []
    assert import_records([bib], tmp_path, added=DAY).conflicts == []


def test_a_paper_without_a_view_merges_fill_only_then_gets_one(tmp_path):
    papers = tmp_path / "papers"
    papers.mkdir()
    (papers / "p.yml").write_text("id: p\ntitle: Old Paper\nlinks:\n  code: []\nabstract: Mine.\n")
    record = _rec("Old Paper", "Theirs.", year="2020", links=(make_link(CODE, "abstract"),))
    report = import_records([record], tmp_path, added=DAY)
    assert [c.field for c in report.conflicts] == ["abstract"] and report.updated == ["p"]
    data = _read(papers / "p.yml")
    assert (data["year"], data["abstract"]) == ("2020", "Mine.")
    assert [l["url"] for l in data["links"]["code"]] == [CODE]
    assert import_records([record], tmp_path, added=DAY).conflicts == []


def test_a_run_killed_after_the_papers_before_the_view_is_harmless(tmp_path, monkeypatch):
    import generator.importer as importer

    import_records([_first()], tmp_path, added=DAY)
    path = tmp_path / "papers" / "first-paper.yml"
    views = (tmp_path / VIEWS).read_bytes()
    more = _first(links=(make_link(CODE, "abstract", official=True), make_link(PAGE, "abstract"),
                         make_link("https://gitlab.com/o/more", "abstract")), doi="10.1/x")

    def killed(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(importer, "write_if_changed", killed)
    with pytest.raises(KeyboardInterrupt):
        import_records([more], tmp_path, added=DAY)
    monkeypatch.undo()
    assert (tmp_path / VIEWS).read_bytes() == views  # the papers went first
    after_crash = path.read_bytes()
    assert b"https://gitlab.com/o/more" in after_crash and b'doi: "10.1/x"' in after_crash
    report = import_records([more], tmp_path, added=DAY)
    assert (report.conflicts, report.updated) == ([], [])
    assert path.read_bytes() == after_crash  # nothing added twice
    assert "https://gitlab.com/o/more" in (tmp_path / VIEWS).read_text()
    _edit(path, "    - url: https://gitlab.com/o/more\n      found_in: abstract\n", "")
    assert import_records([more], tmp_path, added=DAY).updated == []
    assert b"gitlab.com/o/more" not in path.read_bytes()


def test_a_paper_edited_during_the_import_keeps_its_old_view(tmp_path, monkeypatch):
    import generator.importer as importer

    import_records([_first()], tmp_path, added=DAY)
    views = (tmp_path / VIEWS).read_bytes()
    path = tmp_path / "papers" / "first-paper.yml"
    real_read = importer._read_existing

    def read_then_someone_edits(*args):
        found = real_read(*args)
        _edit(path, "venue: ICML", "venue: Mine")
        return found

    monkeypatch.setattr(importer, "_read_existing", read_then_someone_edits)
    _edit(path, "year: 2021\n", "year: 1999\n")  # so the fast path does not claim the file
    report = import_records([_first(doi="10.1/new")], tmp_path, added=DAY)
    assert [w.message.split(",")[0] for w in report.warnings] == ["this file changed while the import ran"]
    assert (tmp_path / VIEWS).read_bytes() == views  # the DOI was not written, so not recorded


def test_a_damaged_view_file_stops_the_import(tmp_path):
    (tmp_path / "sources").mkdir()
    (tmp_path / VIEWS).write_text("{not json")
    with pytest.raises(CuratorError) as caught:
        import_records([_rec("New Paper")], tmp_path, added=DAY)
    # Where the JSON breaks, as `check` says it: line 1, column 2 ("not" is no key).
    assert [str(p) for p in caught.value.problems] == [
        f"{tmp_path / VIEWS}:1:2: not valid JSON: Expecting property name enclosed in double"
        " quotes; each entry line is '\"<id>\": {...}', and every entry line but the last ends"
        " with a comma (or restore the file from git); nothing was written"
    ]
    assert list((tmp_path / "papers").iterdir()) == []


def test_a_view_file_with_merge_conflict_markers_is_reported_at_each_conflict(tmp_path):
    (tmp_path / "sources").mkdir()
    entry = '{"fields":{"title":["0123456789abcdef"]},"links":[]}'
    (tmp_path / VIEWS).write_text(
        '{\n "format": 1,\n "papers": {\n'
        f'<<<<<<< HEAD\n  "a": {entry}\n=======\n  "b": {entry}\n>>>>>>> lab\n'
        f'  "c": {entry},\n<<<<<<< HEAD\n  "d": {entry}\n=======\n>>>>>>> lab\n'
        " }\n}\n"
    )
    with pytest.raises(CuratorError) as caught:
        import_records([_rec("New Paper")], tmp_path, added=DAY)
    problems = caught.value.problems
    # The lines of the two <<<<<<< markers, as `check` reports them.
    assert [(p.location.path, p.location.line, p.location.col) for p in problems] == [
        (str(tmp_path / VIEWS), 4, 1), (str(tmp_path / VIEWS), 10, 1)
    ]
    for problem in problems:
        assert problem.message.startswith("a git merge conflict (two branches both imported papers)")
        assert "delete the lines <<<<<<<, ======= and >>>>>>>" in problem.message
        assert problem.message.endswith("; nothing was written")
        assert "delete it" not in problem.message  # the record itself is not to be thrown away
    assert list((tmp_path / "papers").iterdir()) == []


def test_a_view_file_of_the_wrong_shape_says_what_deleting_it_would_lose(tmp_path):
    (tmp_path / "sources").mkdir()
    (tmp_path / VIEWS).write_text('{"papers": {}}\n')
    with pytest.raises(CuratorError) as caught:
        import_records([_rec("New Paper")], tmp_path, added=DAY)
    assert [str(p) for p in caught.value.problems] == [
        f"{tmp_path / VIEWS}:1:1: cannot read the importer's record of what it imported (expected"
        ' an object with "format": 1); restore it from git; deleting it would forget which papers'
        " curators deleted or renamed (an import would bring deleted papers back and fill"
        " again values curators removed); nothing was written"
    ]
    assert list((tmp_path / "papers").iterdir()) == []


# --- papers without an abstract --------------------------------------------------------


def test_a_record_without_an_abstract_gets_no_abstract_key_and_passes_check(tmp_path):
    from generator.curation import load_content
    from tests.test_curation import without_topicless

    listing = tmp_path / "list.txt"
    listing.write_text(HEAD + "SubscribeFirst Paper\nFirst abstract.\nCut Off Paper\n")
    report = import_paths([listing], tmp_path / "content", added=DAY)
    assert [str(w) for w in report.warnings] == [
        f"{listing}:5:1: warning: this title has no abstract after it (the listing looks cut "
        "off); imported without one"
    ]
    path = tmp_path / "content" / "papers" / "cut-off-paper.yml"
    assert path.read_text().endswith("added: 2026-01-02\nrelated: []\n")
    assert "abstract" not in _read(path)
    content, problems = load_content(tmp_path / "content")
    # (The list has no topic yet: said once, at topics.yml.)
    assert without_topicless(problems.items) == [] and [(p.id, p.abstract) for p in content.papers] == [
        ("cut-off-paper", ""), ("first-paper", "First abstract.")
    ]
    # Re-importing the cut-off listing changes nothing; the full listing fills the abstract in.
    assert import_paths([listing], tmp_path / "content", added=DAY).updated == []
    listing.write_text(HEAD + "SubscribeFirst Paper\nFirst abstract.\nCut Off Paper\nNow whole.\n")
    again = import_paths([listing], tmp_path / "content", added=DAY)
    assert (again.updated, again.conflicts) == (["cut-off-paper"], [])
    assert _read(path)["abstract"] == "Now whole."


RICH_TOPICS = """\
topics:
  - id: model-merging
    title: Model merging
    description: Combining the weights of models.
    keywords: {merging: 2, averaging: 1}
    threshold: 2
"""


_GLUE = "\x00"


class _Text(HTMLParser):
    """The text of a page's article and the links in it, as a reader sees them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text, self.hrefs, self.headings, self._in, self._heading = [], [], [], 0, False

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self._in += 1
        if self._in and tag == "wbr":  # a place a line may break: no space in the text
            self.text.append(_GLUE)
        if self._in and tag == "a":
            self.hrefs.append(dict(attrs).get("href"))
        self._heading = self._in and tag == "h2"

    def handle_endtag(self, tag):
        if tag == "article":
            self._in -= 1
        if tag == "h2":
            self._heading = False

    def handle_data(self, data):
        if self._in:
            self.text.append(data)
            if self._heading:
                self.headings.append(data.strip())


def _article(path):
    page = _Text()
    page.feed(path.read_text(encoding="utf-8"))
    text = " ".join(" ".join(page.text).split()).replace(f" {_GLUE} ", "")
    return text, page.hrefs, [h for h in page.headings if h]


@pytest.mark.slow
def test_bibtex_round_trip_import_check_build(tmp_path, monkeypatch, capsys):
    import shutil

    from generator.cli import main

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764374400")
    repo = Path(__file__).resolve().parents[1]
    project = tmp_path / "project"
    (project / "content").mkdir(parents=True)
    shutil.copy(repo / "mkdocs.yml", project / "mkdocs.yml")
    for shared in ("generator", "overrides"):
        (project / shared).symlink_to(repo / shared, target_is_directory=True)
    # (The fixture's pages, not content/'s: a lab's own pages link to its own papers.)
    shutil.copytree(repo / "tests" / "data" / "site_fixture" / "content" / "pages", project / "content" / "pages")
    (project / "content" / "topics.yml").write_text(RICH_TOPICS)
    (project / "docs").mkdir()

    assert main(["--root", str(project), "import", str(DATA / "rich.bib")]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        "2 record(s): 2 added, 0 updated, 0 unchanged; of which 0 duplicate(s) merged; 0 conflict(s), "
        "2 link(s) found"
    )
    merging = "merging-models-with-fisher-weighted-averaging-the-ecole-study"
    plain = "learning-without-an-abstract-bibtex-entries-in-the-wild"
    assert "abstract" not in _read(project / "content" / "papers" / f"{plain}.yml")
    assert main(["--root", str(project), "check"]) == 0
    assert "0 errors" in capsys.readouterr().out
    assert main(["--root", str(project), "build", "--strict", "-q"]) == 0

    text, hrefs, headings = _article(project / "site" / "papers" / merging / "index.html")
    assert "Kurt Gödel, Pál Erdős, Ayşe Çelik · Advances in Neural Information Processing Systems · 2023" in text
    assert "Merging Models with Fisher-Weighted Averaging: the École Study" in text
    assert "arXiv 2111.09832" in text and "DOI 10.5555/3600270.3601234" in text
    assert {
        "https://arxiv.org/abs/2111.09832", "https://doi.org/10.5555/3600270.3601234",
        "https://github.com/mmatena/model_merging", "https://mmatena.github.io/merging/",
    } <= set(hrefs)
    assert "We show that “Fisher merging” beats simple averaging by 10%" in text
    assert headings[0] == "Abstract"

    text, hrefs, headings = _article(project / "site" / "papers" / plain / "index.html")
    # (Not "John Smith, Jr., Ana…": three people, read by its commas.)
    assert "John Smith Jr., Ana de la Cruz · Journal of Machine Learning Research · 2021" in text
    assert "DOI 10.48550/JMLR.2021.042" in text and "arXiv" not in text
    assert "https://doi.org/10.48550/JMLR.2021.042" in hrefs
    # (Its entry has no abstract: the section says so, not left out as if the page failed.)
    assert headings[0] == "Abstract" and "No abstract is recorded in this list." in text


@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_written_files_get_the_umask_mode_not_mkstemps_0600(tmp_path, umask, mode):
    # (rev75: a curator's 077 and 002 too, as the fchmod to new_file_mode gave before
    # 45720355 created the new files with the umask's mode.)
    old = os.umask(umask)
    try:
        import_records([_rec("Paper One", year="2020")], tmp_path, added=DAY)
        path = tmp_path / "papers" / "paper-one.yml"
        assert (path.stat().st_mode & 0o777, (tmp_path / VIEWS).stat().st_mode & 0o777) == (mode, mode)
        path.chmod(0o664)  # an edit keeps the file's own mode
        import_records([_rec("Paper One", venue="ICML")], tmp_path, added=DAY)
        assert "ICML" in path.read_text() and path.stat().st_mode & 0o777 == 0o664
    finally:
        os.umask(old)


def test_a_paper_file_deleted_by_a_curator_is_not_recreated(tmp_path):
    import_records([_first(), _rec("Second Paper")], tmp_path, added=DAY)
    (tmp_path / "papers" / "first-paper.yml").unlink()
    report = import_records([_first(), _rec("Second Paper")], tmp_path, added=DAY)
    assert report.added == [] and report.removed == ["first-paper"]
    assert "1 skipped (1 paper(s) deleted by a curator, not recreated)" in report.summary()
    assert sorted(p.name for p in (tmp_path / "papers").iterdir()) == ["second-paper.yml"]
    # The deletion holds on every later run, not only the next one.
    again = import_records([_first()], tmp_path, added=DAY)
    assert again.added == [] and again.removed == ["first-paper"]
    assert not (tmp_path / "papers" / "first-paper.yml").exists()


def test_a_file_saved_as_windows_1252_is_an_error_at_its_first_such_letter(tmp_path):
    from generator.importer import read_records

    path = tmp_path / "cp1252.bib"
    path.write_bytes("@article{a,\r\n  title = {Café},\r\n}\r\n".encode("cp1252"))
    records, problems = read_records([path])
    assert records == [] and [str(p) for p in problems.items] == [
        f"{path}:2:15: the file is not UTF-8 (invalid byte 0xe9); it reads as Windows-1252"
        " or Latin-1: save it as UTF-8"
    ]


def test_an_editors_lock_file_among_the_papers_is_no_paper(tmp_path):
    # Emacs keeps ".#x.yml", a dangling link, while a buffer has unsaved changes: the
    # import failed on it ("cannot read the file") while `check` skipped it.
    import_records([_rec("Some Paper")], tmp_path, added=DAY)
    (tmp_path / "papers" / ".#some-paper.yml").symlink_to("root@host.1234:1700000000")
    report = import_records([_rec("Some Paper", year="2021")], tmp_path, added=DAY)
    assert report.updated == ["some-paper"]
    assert _read(tmp_path / "papers" / "some-paper.yml")["year"] == "2021"


def test_a_paper_file_that_is_a_link_is_updated_where_it_lives(tmp_path):
    import_records([_rec("Some Paper")], tmp_path, added=DAY)
    kept = tmp_path / "elsewhere" / "some-paper.yml"
    kept.parent.mkdir()
    link = tmp_path / "papers" / "some-paper.yml"
    link.rename(kept)
    link.symlink_to(kept)
    report = import_records([_rec("Some Paper", year="2021")], tmp_path, added=DAY)
    assert report.updated == ["some-paper"]
    assert link.is_symlink() and _read(kept)["year"] == "2021"


def test_temporaries_an_import_killed_outright_left_are_removed_by_the_next(tmp_path):
    import_records([_rec("Some Paper")], tmp_path, added=DAY)
    left = [
        tmp_path / "papers" / ".some-paper.yml.0123456789ab.tmp",
        tmp_path / "sources" / ".imported.json.ba9876543210.tmp",
    ]
    for path in left:
        path.parent.mkdir(exist_ok=True)
        path.write_text("half")
    mine = tmp_path / "papers" / ".notes.tmp"  # not a name the importer makes: left alone
    mine.write_text("a curator's")
    import_records([_rec("Some Paper")], tmp_path, added=DAY)
    assert [path.exists() for path in left] == [False, False] and mine.exists()


def test_a_read_only_record_stops_the_import_before_it_writes_anything(tmp_path):
    # imported.json made read-only (chmod a-w), as a curator marks a file no tool is to
    # change: the import replaced it anyway. Left alone, it would not hold the new
    # papers (each a "duplicate" of itself next time) nor the deleted ones (brought
    # back): so nothing is imported, and that is said at the file.
    import_records([_rec("Some Paper")], tmp_path, added=DAY)
    record = tmp_path / "sources" / "imported.json"
    record.chmod(0o444)
    before = {p.name: p.read_bytes() for p in (tmp_path / "papers").iterdir()}
    held = record.read_bytes()
    with pytest.raises(CuratorError) as caught:
        import_records([_rec("Some Paper", year="2021"), _rec("New Paper")], tmp_path, added=DAY)
    assert str(caught.value) == (
        f"{record}:1:1: this file is read-only, and the import keeps in it its record of what"
        " it imported (the papers it made, the values it filled, the papers a curator deleted,"
        " which it does not bring back): make it writable (chmod u+w) and run the import"
        " again"
    )
    assert {p.name: p.read_bytes() for p in (tmp_path / "papers").iterdir()} == before
    assert record.read_bytes() == held and record.stat().st_mode & 0o777 == 0o444
    record.chmod(0o644)
    report = import_records([_rec("Some Paper", year="2021"), _rec("New Paper")], tmp_path, added=DAY)
    assert report.added == ["new-paper"] and report.updated == ["some-paper"]


def test_the_record_edited_while_the_import_runs_is_left_alone(tmp_path, monkeypatch):
    # A curator resolving a merge in imported.json by hand while an import runs: their
    # edit was overwritten without a word (and a tombstone in it lost).
    from generator import importer

    import_records([_rec("Some Paper")], tmp_path, added=DAY)
    record = tmp_path / "sources" / "imported.json"
    edited = record.read_text().replace('"papers": {', '"papers": {\n  "zz-other-branch": {"fields":{},"links":[]},')
    real_write = importer.write

    def write_then_edit(*args, **kwargs):
        real_write(*args, **kwargs)
        record.write_text(edited)  # the edit lands while the papers are being written

    monkeypatch.setattr(importer, "write", write_then_edit)
    report = import_records([_rec("Other Paper", line=3)], tmp_path, added=DAY)
    assert report.added == ["other-paper"]
    assert record.read_text() == edited
    assert [w.message.split(",")[0] for w in report.warnings] == [
        "this file changed while the import ran"
    ]


def test_a_file_with_windows_line_ends_and_a_byte_order_mark_keeps_them(tmp_path):
    # Saved by a Windows editor: the import's fill came back with "\n" line ends and no
    # byte-order mark, so `git diff` showed every line of the file changed.
    papers = tmp_path / "papers"
    papers.mkdir()
    path = papers / "some-paper.yml"
    lines = ["id: some-paper", "title: Some Paper", "# the curator's comment", "abstract: An abstract."]
    path.write_bytes(b"\xef\xbb\xbf" + "\r\n".join(lines).encode() + b"\r\n")
    report = import_records([_rec("Some Paper", year="2021")], tmp_path, added=DAY)
    assert report.updated == ["some-paper"]
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\n" not in data.replace(b"\r\n", b"")
    after = data[3:].decode().split("\r\n")
    assert [line for line in after if line not in lines and line] == ["year: 2021"]


def _curator_saves_first(monkeypatch, name, text):
    """The file ``name`` saved with ``text`` by a curator just before the import puts its
    own new file of that name in place; the real _link_new returned."""
    from generator import importwrite

    real_link = importwrite._link_new

    def curator_saves_first(tmp, path):
        if path.name == name:
            path.write_text(text)
        return real_link(tmp, path)

    monkeypatch.setattr(importwrite, "_link_new", curator_saves_first)
    return real_link


def test_a_new_paper_whose_file_appeared_meanwhile_leaves_no_pending_record(tmp_path, monkeypatch):
    # A code review's case: the pending entry stayed, so the next import took the
    # curator's file for the paper already recorded and filled nothing into it.
    import json

    from generator import importwrite

    real_link = _curator_saves_first(monkeypatch, "alpha-paper.yml", "id: alpha-paper\ntitle: Alpha Paper\n")
    report = import_records([_rec("Alpha Paper", year="2021")], tmp_path, added=DAY)
    assert report.left_alone == ["alpha-paper"]
    recorded = json.loads((tmp_path / "sources" / "imported.json").read_text())["papers"]
    assert not any(entry.get("pending") for entry in recorded.values())
    monkeypatch.setattr(importwrite, "_link_new", real_link)
    again = import_records([_rec("Alpha Paper", year="2021")], tmp_path, added=DAY)
    assert again.updated == ["alpha-paper"]
    assert _read(tmp_path / "papers" / "alpha-paper.yml")["year"] == "2021"


def test_of_two_new_papers_only_the_one_whose_file_appeared_meanwhile_is_left_alone(tmp_path, monkeypatch):
    # (importwrite looks each new paper up among the files left alone only when some
    # was: the other new paper is still added and written, this one alone left.)
    _curator_saves_first(monkeypatch, "alpha-paper.yml", "id: alpha-paper\ntitle: Alpha Paper, mine\n")
    report = import_records([_rec("Alpha Paper"), _rec("Beta Paper")], tmp_path, added=DAY)
    assert (report.added, report.left_alone) == (["beta-paper"], ["alpha-paper"])
    assert [str(w) for w in report.warnings] == [
        f"{tmp_path / 'papers' / 'alpha-paper.yml'}: warning: this file appeared while the import ran,"
        " so the import left it alone; run the import again",
    ]
    assert (tmp_path / "papers" / "alpha-paper.yml").read_text() == "id: alpha-paper\ntitle: Alpha Paper, mine\n"
    assert _read(tmp_path / "papers" / "beta-paper.yml")["title"] == "Beta Paper"


def test_a_file_saved_as_utf16_is_called_that(tmp_path):
    from generator.importer import read_records

    path = tmp_path / "lab.bib"
    path.write_bytes("@article{a, title = {Café}}\n".encode("utf-16"))
    _, problems = read_records([path])
    assert [str(p) for p in problems.items] == [
        f"{path}:1:1: the file is UTF-16 (its first bytes say so); save it as UTF-8"
    ]


# (curator walkthrough: a paper's PDF given to import, as one gives a paper, was told to
# be saved as UTF-8, "it reads as Windows-1252"; a Word list or a zip of exports alike)
# (review: "readinglist add 2106.09685", LoRA's id, read as the command for the PDF given,
# which run added LoRA; a PDF named by its arXiv id, as arXiv names them, is told it.)
PAPER = "import its BibTeX or RIS instead (the paper's page, Google Scholar's 'Cite' or your reference manager exports one), or add it by its arXiv id or DOI: readinglist add ID"
ARCHIVE = "unpack it and import the .bib, .ris or .md files in it (a list kept in Word or Excel: export its papers from a reference manager as BibTeX or RIS, or save the list as plain text)"


@pytest.mark.parametrize("name, data, said", [
    ("paper.pdf", b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
     f"this is a PDF file ('%PDF-1.5'), not a list of papers: {PAPER}"),
    ("1706.03762v7.pdf", b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n", "this is a PDF file ('%PDF-1.5'), not a list of papers: import its BibTeX or RIS instead (the paper's page, Google Scholar's 'Cite' or your reference manager exports one), or add it by the arXiv id its name holds: readinglist add 1706.03762"),
    ("lab.zip", b"PK\x03\x04\x14\x00\x00\x00\x08\x00\xfd\x12", f"this is a ZIP archive (as .zip, .docx and .xlsx files are), not a list of papers: {ARCHIVE}"),
    ("papers.docx", b"PK\x03\x04\x14\x00\x06\x00\x08\x00", f"this is a ZIP archive (as .zip, .docx and .xlsx files are), not a list of papers: {ARCHIVE}"),
    # (review: the PDF spec allows bytes before the header, within the first 1024, as a
    # download's or a mail gateway's; an empty ZIP starts PK\x05\x06, a spanned one PK\x07\x08)
    ("mailed.pdf", b"\x00" * 10 + b"junk\r\n%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n", f"this is a PDF file ('%PDF-1.7'), not a list of papers: {PAPER}"),
    ("plain.pdf", b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n", f"this is a PDF file ('%PDF-1.4'), not a list of papers: {PAPER}"),
    ("empty.zip", b"PK\x05\x06" + b"\x00" * 18, f"this is a ZIP archive (as .zip, .docx and .xlsx files are), not a list of papers: {ARCHIVE}"),
    ("spanned.zip", b"PK\x07\x08PK\x03\x04\x14\x00", f"this is a ZIP archive (as .zip, .docx and .xlsx files are), not a list of papers: {ARCHIVE}"),
    ("papers.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", "this is a Word or Excel file of the old format (.doc, .xls), not a list of papers: export its papers from a reference manager as BibTeX or RIS, or save the list as plain text, and import that"),
])  # fmt: skip
def test_a_pdf_or_an_archive_given_to_import_is_said_to_be_one(tmp_path, name, data, said):
    from generator.importer import read_records

    path = tmp_path / name
    path.write_bytes(data)
    records, problems = read_records([path])
    assert records == [] and [str(p) for p in problems.items] == [f"{path}:1:1: {said}"]


def test_a_text_that_starts_as_a_pdf_header_and_is_bibtex_is_read_as_bibtex(tmp_path):
    # (review: "%PDF-1.4", a line of text, was taken for a PDF's header whatever
    # followed: a PDF is told by its header and by what no text holds, a NUL byte, its
    # binary comment line, its "1 0 obj" objects or its "%%EOF" end.)
    from generator.importer import read_records

    path = tmp_path / "notes.bib"
    path.write_text("%PDF-1.4 is the version our printer writes\n@article{a, title = {A Paper}, year = {2020}}\n")
    records, problems = read_records([path])
    assert [str(p) for p in problems.items] == [] and [r.title for r in records] == ["A Paper"]


def test_brackets_nested_deeper_than_python_reads_json_are_an_unknown_layout_not_a_traceback(tmp_path):
    # (review: such a file stopped import with a RecursionError from json.loads, which
    # the check of what JSON a file is let through; unread, it is not known to be JSON)
    from generator.importer import read_records

    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    records, problems = read_records([path])
    assert records == [] and [str(p).split(": expected")[0] for p in problems.items] == [f"{path}:1:1: unknown layout"]


def test_a_conflict_shows_tex_as_written_so_it_can_be_copied():
    from generator.conflicts import Conflict
    from generator.errors import Location

    conflict = Conflict(
        Location("papers/a.yml", 2, 8), "title", "Black-box $\\alpha$-divergence",
        "Black-Box \\(\\alpha\\)-Divergence\n", Location("lab.bib", 56, 1),
    )
    # (repr() showed '$\\\\alpha$': copied from the message, it was another title)
    assert conflict.message == (
        "conflict in title: the file's 'Black-box $\\alpha$-divergence' is kept; lab.bib:56:1 says"
        " 'Black-Box \\(\\alpha\\)-Divergence␤', not written"
    )
    # A line break is not "\n", which TeX text may hold; both quotes: typographic ones.
    both = Conflict(Location("a.yml", 3, 8), "venue", "It's \"Venue\"", "Line\tone \\nabla",
                    Location("lab.bib", 2, 1))
    assert both.message == (
        "conflict in venue: the file's “It's \"Venue\"” is kept; lab.bib:2:1 says 'Line␉one \\nabla', not written"
    )


def test_text_that_differs_only_in_line_breaks_and_spaces_is_no_conflict(tmp_path):
    # An abstract a curator wrapped in a "|" block, read back from the site's own
    # papers.bib, which writes each paragraph on one line, and a run of spaces it wrote
    # as one.
    papers = tmp_path / "papers"
    papers.mkdir()
    text = (
        "id: wrapped\ntitle: Wrapped\nvenue: \"Proc.  of  X\"\nabstract: |\n"
        "  The  dominant sequence transduction models are based on complex recurrent or\n"
        "  convolutional neural networks.\n"
    )
    (papers / "wrapped.yml").write_text(text)
    same = _rec(
        "Wrapped",
        "The dominant sequence transduction models are based on complex recurrent or"
        " convolutional neural networks.",
        venue="Proc. of X",
    )
    report = import_records([same], tmp_path, added=DAY)
    assert (report.conflicts, report.updated) == ([], [])
    assert (papers / "wrapped.yml").read_text() == text
    # A word of difference is still one.
    other = _rec("Wrapped", same.abstract.replace("complex", "simple"), venue="Proc. of X")
    assert [c.field for c in import_records([other], tmp_path, added=DAY).conflicts] == ["abstract"]


def _line(path: Path, number: int) -> str:
    return path.read_text(encoding="utf-8").splitlines()[number - 1]


def test_conflicts_and_warnings_point_at_the_file_as_the_import_left_it(tmp_path):
    # An author filled into `authors: []` adds a line above the year: the year's conflict
    # was reported at the line the year had held before, now the author's.
    import_records([_first()], tmp_path, added=DAY)
    path = tmp_path / "papers" / "first-paper.yml"
    _edit(path, "authors:\n  - Ada Lovelace\n", "authors: []\n")
    _edit(path, "year: 2021", "year: 2019")
    _edit(path, "abstract: First abstract.", "abstract: Curated.")
    other = "https://github.com/other/fork"
    changed = _first(
        abstract="Revised abstract.", year="2022",
        links=(make_link(CODE, "abstract", official=True), make_link(other, "abstract", official=True)),
    )
    report = import_records([changed], tmp_path, added=DAY)
    assert report.updated == ["first-paper"]
    places = {c.field: c.location for c in report.conflicts}
    assert set(places) == {"year", "abstract"}
    assert _line(path, places["year"].line)[places["year"].col - 1 :] == "2019"
    assert _line(path, places["abstract"].line)[places["abstract"].col - 1 :] == "Curated."
    # The warning that the source names a second repository is at the official one.
    [warning] = [w for w in report.warnings if "also names" in w.message]
    assert CODE in _line(path, warning.location.line)


def test_tags_in_another_order_or_fewer_of_them_are_no_conflict(tmp_path):
    import_records([_first(tags=("alpha", "beta"))], tmp_path, added=DAY)
    path = tmp_path / "papers" / "first-paper.yml"
    report = import_records([_first(tags=("beta", "alpha")), _first(tags=("Beta",))], tmp_path, added=DAY)
    assert report.conflicts == []
    # A tag the file lacks is still one.
    report = import_records([_first(tags=("alpha", "gamma"))], tmp_path, added=DAY)
    assert [c.message for c in report.conflicts] == [
        "conflict in tags: the file's 'alpha; beta' is kept; in.txt:1:1 says 'alpha; gamma', not written"
    ]
    assert _read(path)["tags"] == ["alpha", "beta"]


def test_a_tag_added_at_the_source_joins_the_tags_an_earlier_import_took(tmp_path):
    """A curator tags a paper in Zotero and exports the library again: the new tag was a
    conflict to copy by hand, though the file's tags were the import's own, untouched."""
    import_records([_first(tags=("alpha", "beta"))], tmp_path, added=DAY)
    path = tmp_path / "papers" / "first-paper.yml"
    report = import_records([_first(tags=("alpha", "Beta", "gamma"))], tmp_path, added=DAY)
    assert report.conflicts == [] and report.updated == ["first-paper"]
    assert _read(path)["tags"] == ["alpha", "beta", "gamma"]
    # Both exports again: nothing changes, nothing is said.
    again = import_records([_first(tags=("alpha", "beta")), _first(tags=("alpha", "Beta", "gamma"))], tmp_path, added=DAY)
    assert again.conflicts == [] and again.updated == []
    # A tag the curator removed does not come back (the file's tags are then as the
    # first import took them), while a new one joins.
    path.write_text(path.read_text().replace("  - gamma\n", ""))
    assert _read(path)["tags"] == ["alpha", "beta"]
    report = import_records([_first(tags=("alpha", "beta", "gamma", "delta"))], tmp_path, added=DAY)
    assert report.conflicts == []
    assert _read(path)["tags"] == ["alpha", "beta", "delta"]
    # Tags the curator wrote otherwise are theirs: a conflict, as before.
    path.write_text(path.read_text().replace("  - delta\n", "  - my-own\n"))
    report = import_records([_first(tags=("alpha", "beta", "delta", "epsilon"))], tmp_path, added=DAY)
    assert [c.field for c in report.conflicts] == ["tags"]
    assert _read(path)["tags"] == ["alpha", "beta", "my-own"]


def test_a_tag_added_at_the_source_joins_tags_an_older_record_took_as_one_list(tmp_path):
    """A record written before the importer marked each tag it took knows the file's
    tags are untouched when it took one list, the file's; after two lists it cannot tell
    a tag the curator removed, and says a conflict, as before."""
    import json

    from generator.importmerge import _tag_mark

    def as_older_record() -> None:
        record = tmp_path / "sources" / "imported.json"
        data = json.loads(record.read_text())
        marks = {_tag_mark(tag) for tag in ("alpha", "beta", "gamma")}
        fields = data["papers"]["first-paper"]["fields"]
        fields["tags"] = [d for d in fields["tags"] if d not in marks]
        record.write_text(json.dumps(data))

    path = tmp_path / "papers" / "first-paper.yml"
    import_records([_first(tags=("alpha", "beta"))], tmp_path, added=DAY)
    as_older_record()
    import_records([_first(tags=("alpha", "beta", "gamma"))], tmp_path, added=DAY)
    assert _read(path)["tags"] == ["alpha", "beta", "gamma"]
    path.write_text(path.read_text().replace("  - gamma\n", ""))  # (as the first list)
    as_older_record()
    report = import_records([_first(tags=("alpha", "beta", "gamma", "delta"))], tmp_path, added=DAY)
    assert [c.field for c in report.conflicts] == ["tags"]
    assert _read(path)["tags"] == ["alpha", "beta"]


def test_a_fill_leaves_every_other_line_as_the_curator_wrote_it(tmp_path):
    # ruamel re-emits a whole file: one-line lists lost their spacing, comments moved,
    # a quoted key lost its quotes. Only the filled field's lines may change.
    import_records([_first(links=())], tmp_path, added=DAY)
    path = tmp_path / "papers" / "first-paper.yml"
    _edit(path, "year: 2021\n", "")  # cleared, so that the next import fills it
    _edit(path, "tags: []\n", "tags: [prompting,   reasoning]      # checked\n'exclude_topics': []\n")
    _edit(path, "exclude_topics: []\n", "")
    _edit(path, "venue: ICML\n", "venue:   ICML   # short\n")
    text = path.read_text()
    path.write_text(text.rstrip("\n"))  # no line break at the end
    report = import_records([_first(links=(), doi="10.1000/xyz")], tmp_path, added=DAY)
    assert report.updated == ["first-paper"]
    after = path.read_text()
    assert after.replace('doi: "10.1000/xyz"\n', "") == text.rstrip("\n")
    assert _read(path)["doi"] == "10.1000/xyz"


def test_a_link_added_leaves_the_entries_around_links_as_written(tmp_path):
    import_records([_first()], tmp_path, added=DAY)
    path = tmp_path / "papers" / "first-paper.yml"
    _edit(path, "authors:\n  - Ada Lovelace\n", "authors: [Ada Lovelace,   Alan Turing]  # both\n")
    before = path.read_text()
    links = (make_link(CODE, "abstract", official=True), make_link(PAGE, "abstract"), make_link(TALK, "abstract"))
    import_records([_first(links=links)], tmp_path, added=DAY)
    after = path.read_text()
    assert "authors: [Ada Lovelace,   Alan Turing]  # both\n" in after
    head, tail = before.split("links:\n", 1)
    assert after.startswith(head + "links:\n")
    assert after.endswith(tail.split("topics:", 1)[1])


def test_a_link_added_to_a_list_stays_above_the_comment_that_follows_the_list(tmp_path):
    # The curator review: a comment after the code list ("project pages to add later")
    # ended up between the curator's code link and the imported one.
    import_records([_first()], tmp_path, added=DAY)
    path = tmp_path / "papers" / "first-paper.yml"
    _edit(path, "      official: true\n", "      official: true  # theirs\n\n  # project pages to add later\n")
    links = (make_link(CODE, "abstract", official=True), make_link(PAGE, "abstract"),
             make_link("https://github.com/o/port", "abstract"))
    import_records([_first(links=links)], tmp_path, added=DAY)
    text = path.read_text()
    assert (
        "      official: true  # theirs\n    - url: https://github.com/o/port\n      found_in: abstract\n"
        "\n  # project pages to add later\n  project:\n"
    ) in text


def test_an_acl_anthology_page_on_aclweb_and_on_aclanthology_is_one_link(tmp_path):
    # aclweb.org/anthology/... redirects to aclanthology.org: two exports of one paper
    # gave it two paper links. The first address is kept as its source wrote it.
    title = "Neural Machine Translation of Rare Words with Subword Units"
    first = make_link("https://www.aclweb.org/anthology/P16-1162", "bibtex")
    second = make_link("https://aclanthology.org/P16-1162/", "bibtex")
    name = "neural-machine-translation-of-rare-words-with-subword-units.yml"
    import_records([_rec(title, links=(first,))], tmp_path, added=DAY)
    import_records([_rec(title, links=(second,))], tmp_path, added=DAY)
    assert [link["url"] for link in _read(tmp_path / "papers" / name)["links"]["paper"]] == [first.url]
    # and in one run
    other = tmp_path / "other"
    import_records([_rec(title, links=(first,), line=1), _rec(title, links=(second,), line=3)], other, added=DAY)
    assert [link["url"] for link in _read(other / "papers" / name)["links"]["paper"]] == [first.url]


def _scholar_lowered_whole(paper, name, created):
    """importer._scholar_lowered as it was before its early return: the words counted,
    and a record of Scholar's key asked for last."""
    from generator import importer
    from generator.importmerge import lowered

    if id(paper) not in created and name not in paper.fills:
        return False
    text = str(paper.values.get(name) or "")
    given = [record for records in paper.given_by.get(name, {}).values() for record in records]
    scholar = [record for record in given if importer._SCHOLAR_KEY.fullmatch(record.key)]
    words = len(re.findall(r"[^\W\d_]{2,}", text))
    short = words == 2 and name == "title" and all(record.venue_kind != "journal" for record in scholar)
    return (
        (words >= 3 or short)
        and (importer._lowered_venue(text) if name == "venue" else lowered(text))
        and bool(scholar)
    )


@given(
    st.lists(st.sampled_from(["deep", "Deep", "learning", "Go", "of", "the", "NeurIPS", "2019", ":", "é", "ı"]), max_size=6).map(" ".join),
    st.sampled_from(["title", "venue"]),
    st.lists(st.tuples(st.sampled_from(["vaswani2017attention", "smith2019", "Vaswani2017", "key", "he1999deep"]),
                       st.sampled_from(["journal", "conference", ""])), max_size=3),
    st.booleans(),
    st.booleans(),
)
def test_scholar_lowered_as_with_its_words_always_counted(text, name, records, new, filled):
    from types import SimpleNamespace

    from generator.importer import _scholar_lowered
    from generator.importmatch import Paper

    paper = Paper("p", Path("p.yml"), values={name: text})
    if filled:
        paper.fills[name] = text
    paper.given_by[name] = {"d": [SimpleNamespace(key=key, venue_kind=kind) for key, kind in records]}
    created = {id(paper)} if new else set()
    assert _scholar_lowered(paper, name, created) is _scholar_lowered_whole(paper, name, created)


class _Stderr:
    def __init__(self, tty: bool) -> None:
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty

    def write(self, text: str) -> int:
        return len(text)

    def flush(self) -> None:
        pass


@pytest.mark.parametrize(
    ("count", "progress", "tty", "bar"),
    [
        (301, None, True, True),  # a terminal: tqdm's disable=None shows it
        (301, None, False, False),  # piped: tqdm's disable=None hides it
        (301, True, False, True),
        (301, False, True, False),
        (300, True, True, False),  # PROGRESS_MIN records or fewer: none
    ],
)
def test_a_progress_bar_as_tqdm_decides_it_and_tqdm_imported_only_for_one(monkeypatch, count, progress, tty, bar):
    from generator import importer

    monkeypatch.setattr(sys, "stderr", _Stderr(tty))
    records = [object()] * count
    shown = importer._with_progress(records, progress)  # type: ignore[arg-type]
    assert (shown is not records) == bar
    assert list(shown) == records


def test_a_piped_import_of_many_records_imports_no_tqdm(tmp_path):
    import subprocess

    bib = tmp_path / "many.bib"
    bib.write_text("".join(f"@article{{k{n},\n  title = {{Paper number {n}}},\n}}\n" for n in range(301)))
    (tmp_path / "content" / "papers").mkdir(parents=True)
    code = (
        "import sys; from generator.cli import main; rc = main(sys.argv[1:]);"
        " print('tqdm' in sys.modules); raise SystemExit(rc)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, "--root", str(tmp_path), "import", "-q", str(bib)],
        capture_output=True, text=True, cwd=Path(__file__).resolve().parents[1],
    )
    assert done.returncode == 0, done.stderr
    assert "301 added" in done.stdout
    assert done.stdout.strip().endswith("False")


def test_a_progress_bar_shown_whatever_tqdm_s_environment_variable_says(tmp_path):
    # tqdm reads a parameter left unset from TQDM_<NAME> (bool("0") included): before
    # tqdm was imported only for a bar, disable was always given, and TQDM_DISABLE did not
    # hide the bar the importer chose to show on a terminal.
    import subprocess

    code = (
        "import io, sys\n"
        "class Terminal(io.StringIO):\n"
        "    def isatty(self): return True\n"
        "sys.stderr = Terminal()\n"
        "from generator import importer\n"
        "list(importer._with_progress([object()] * 301, None))\n"
        "sys.__stdout__.write(repr(sys.stderr.getvalue()))\n"
    )
    for value in ("0", "1"):
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True,
            cwd=Path(__file__).resolve().parents[1], env={**os.environ, "TQDM_DISABLE": value},
        )
        assert "import: 100%" in done.stdout and "301/301" in done.stdout, (value, done.stdout)


def test_the_pending_record_keeps_every_field_of_each_new_papers_view(tmp_path, monkeypatch):
    # (rev75) _Record.pending makes each entry as Seen(...) field by field (fbecfde5, for
    # speed): a field Seen gains later must be carried too, as dataclasses.replace did.
    # Every field is given a value other than its default; a field of a type this test
    # does not know fails it, to be given one.
    import dataclasses

    from generator import importer, provenance

    samples = {"Mapping[str, frozenset[str]]": {"title": frozenset({"d1"})},
               "frozenset[str]": frozenset({"l1"}), "bool": True, "str": "other-id"}
    for field in dataclasses.fields(provenance.Seen):
        assert str(field.type) in samples, f"Seen.{field.name}: give this test a value of {field.type}"
    seen = provenance.Seen(**{f.name: samples[str(f.type)] for f in dataclasses.fields(provenance.Seen)
                              if f.name != "pending"})
    written = []
    monkeypatch.setattr(provenance, "dumps", lambda views, encoded: written.append(dict(views)) or "{}")

    class _New:
        id = "new-paper"

        def seen(self):
            return seen

    record = importer._Record(tmp_path / "imported.json", None)
    record.pending({}, [_New()])
    assert written == [{"new-paper": replace(seen, pending=True)}]
