"""Recognising a paper on a re-import after a curator edited it, and what is reported.

The importer's record of what it took (content/sources/imported.json) names the titles
each paper was imported under, so a curator's retitling does not make the next import
of the same source add a second copy. Duplicates are the records that merge into a
paper met before and bring something the importer had not taken for it, not the
records of a source imported again. A paper a curator renamed takes its old id's record
when it alone holds a value the record names; a deleted paper's record stays a tombstone.
"""

import pytest
import datetime as dt
import json
import shutil
from pathlib import Path

from generator.errors import Location, Problems
from generator.importer import import_paths, import_records
from generator.ingest import Record
from generator.models import Link
from generator.provenance import digest
from generator.yamlio import parse, to_python

DAY = dt.date(2026, 1, 2)
ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "content" / "sources" / "000_19bd02ae25786342.txt"
VIEWS = Path("sources") / "imported.json"

LAB = """\
@misc{brandnew,
  title  = {A Brand New Method for Continual Learning},
  author = {Doe, Jane and Roe, Richard},
  year   = {2023},
  note   = {Lab preprint},
}
"""


def _read(path):
    problems = Problems()
    data = to_python(parse(path.read_text(encoding="utf-8"), str(path), problems))
    assert not problems, problems.format()
    return data


def _edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, text
    path.write_text(text.replace(old, new), encoding="utf-8")


def _rec(title, abstract="An abstract.", line=1, **fields):
    return Record(title=title, abstract=abstract, source=Location("in.bib", line, 1), **fields)


def _as_deleted(view):
    """A paper's record once an import has found its file deleted."""
    return {"deleted": True, **view}


def _state(content):
    return {
        p.relative_to(content).as_posix(): p.read_bytes()
        for p in sorted(content.rglob("*")) if p.is_file() and p.name != ".import.lock"
    }


def test_a_retitled_bibtex_paper_is_recognised_and_its_title_kept(tmp_path):
    bib = tmp_path / "lab.bib"
    bib.write_text(LAB)
    content = tmp_path / "content"
    assert import_paths([bib], content, added=DAY).added == ["a-brand-new-method-for-continual-learning"]
    path = content / "papers" / "a-brand-new-method-for-continual-learning.yml"
    _edit(path, "title: A Brand New Method for Continual Learning",
          "title: A Brand-New Method for Continual Learning (curated)")
    before = _state(content)
    report = import_paths([bib], content, added=dt.date(2030, 1, 1))
    assert (report.added, report.updated, report.unchanged) == (
        [], [], ["a-brand-new-method-for-continual-learning"]
    )
    assert (report.duplicates, report.conflicts) == ([], [])
    assert _state(content) == before  # no second copy, the view file untouched too
    assert _read(path)["title"] == "A Brand-New Method for Continual Learning (curated)"


@pytest.mark.example
def test_a_retitled_paper_of_the_shipped_list_is_recognised(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content" / "papers", content / "papers")
    shutil.copytree(ROOT / "content" / "sources", content / "sources")
    path = content / "papers" / "taskweb-selecting-better-source-tasks-for-multi-task-nlp.yml"
    old = _read(path)["title"]
    assert old == "TaskWeb: Selecting Better Source Tasks for Multi-task NLP"
    _edit(path, "Selecting Better Source Tasks for Multi-task NLP",
          "Choosing Source Tasks for Multi-Task NLP (curated)")
    before = _state(content / "papers")
    views = json.loads((content / VIEWS).read_text())["papers"]
    report = import_paths([content / "sources" / SEED.name], content, added=DAY)
    assert (report.added, report.updated, report.duplicates) == ([], [], [])
    assert len(report.unchanged) == 180 and path.stem in report.unchanged
    assert [c for c in report.conflicts if c.location.path == str(path)] == []
    assert _state(content / "papers") == before
    after = json.loads((content / VIEWS).read_text())["papers"]
    assert after.keys() == views.keys() and after[path.stem] == views[path.stem]


def test_a_paper_whose_title_and_ids_were_all_edited_is_still_recognised(tmp_path):
    record = _rec("Some Paper", arxiv="2101.00010", doi="10.1/abc", year="2021")
    import_records([record], tmp_path, added=DAY)
    path = tmp_path / "papers" / "some-paper.yml"
    _edit(path, "title: Some Paper", "title: Some Paper, Revised")
    _edit(path, 'arxiv: "2101.00010"', 'arxiv: "2101.00011"')
    _edit(path, 'doi: "10.1/abc"', 'doi: "10.1/abd"')
    curated = path.read_bytes()
    report = import_records([record], tmp_path, added=DAY)
    assert (report.added, report.updated, report.unchanged) == ([], [], ["some-paper"])
    assert report.conflicts == []  # every disagreeing value was taken before: the curator's
    assert sorted(p.name for p in (tmp_path / "papers").iterdir()) == ["some-paper.yml"]
    assert path.read_bytes() == curated


def test_a_retitled_paper_still_takes_what_is_new_in_its_source(tmp_path):
    import_records([_rec("Some Paper", year="2021")], tmp_path, added=DAY)
    path = tmp_path / "papers" / "some-paper.yml"
    _edit(path, "title: Some Paper", "title: Some Paper (curated)")
    report = import_records([_rec("Some Paper", year="2021", venue="ICML")], tmp_path, added=DAY)
    assert (report.added, report.updated) == ([], ["some-paper"])
    data = _read(path)
    assert (data["title"], data["venue"]) == ("Some Paper (curated)", "ICML")


def test_a_title_met_again_in_one_run_joins_the_paper_that_took_it(tmp_path):
    papers = tmp_path / "papers"
    papers.mkdir()
    (papers / "p.yml").write_text('id: p\ntitle: Curated Name\narxiv: "2101.00010"\n')
    records = [_rec("Imported Name", arxiv="2101.00010"), _rec("Imported Name", line=5, year="2021")]
    first = import_records(records, tmp_path, added=DAY)
    assert first.added == [] and [d.paper_id for d in first.duplicates] == ["p", "p"]
    assert _read(papers / "p.yml")["year"] == "2021"
    again = import_records(records, tmp_path, added=DAY)
    assert (again.added, again.updated, again.duplicates) == ([], [], [])


# --- duplicates: news, not repeats ---------------------------------------------------


def test_an_entry_duplicating_an_imported_paper_is_reported_once_not_on_reimport(tmp_path):
    listing = [_rec("In-Context Learning Creates Task Vectors", "Listing abstract.")]
    import_records(listing, tmp_path, added=DAY)
    bib = [
        _rec("In-Context Learning Creates Task Vectors", "", line=2, doi="10.18653/v1/x"),
        _rec("Another Paper", line=9, arxiv="2101.00010"),
    ]
    first = import_records(bib, tmp_path, added=DAY)
    assert [str(d) for d in first.duplicates] == [
        "in.bib:2:1: already in the list as in-context-learning-creates-task-vectors (same title): merged into its file"
    ]
    assert first.updated == ["in-context-learning-creates-task-vectors"] and first.added == ["another-paper"]
    assert "1 updated, 0 unchanged; of which 1 duplicate(s) merged" in first.summary()
    again = import_records(bib, tmp_path, added=DAY)
    assert again.duplicates == []  # the same entries again: nothing merged
    assert again.summary() == (
        "2 record(s): 0 added, 0 updated, 2 unchanged; of which 0 duplicate(s) merged; 0 conflict(s), "
        "0 link(s) found"
    )


def test_an_entry_repeated_under_another_key_is_said_so_with_what_to_do(tmp_path):
    # (curator review: an entry identical to another but for its key was "duplicate of X
    # (same title); merged", as if two exports of a paper had been told apart by a title)
    entry = "  title = {Some Paper About Things},\n  author = {Smith, John},\n  journal = {JMLR},\n  year = {2020},\n}\n"
    bib = tmp_path / "lab.bib"
    bib.write_text(f"@article{{smith2020,\n{entry}\n@article{{smith2020things,\n{entry}", encoding="utf-8")
    report = import_paths([bib], tmp_path / "content")
    assert [str(d) for d in report.duplicates] == [
        f"{bib}:8:1: the entry 'smith2020things' is the entry 'smith2020' ({bib}:1:1) again, under another"
        f" key; merged: the list keeps one paper, some-paper-about-things; delete one of the two entries from {bib}"
    ]
    assert report.added == ["some-paper-about-things"]
    # Another value (here the year) makes it another record of the paper, said as before.
    bib.write_text(
        f"@article{{smith2020,\n{entry}\n@article{{smith2020things,\n{entry.replace('2020', '2021')}",
        encoding="utf-8",
    )
    other = import_paths([bib], tmp_path / "other")
    assert [str(d) for d in other.duplicates] == [
        f"{bib}:8:1: duplicate of some-paper-about-things, the record at {bib}:1:1 (same title); merged"
    ]


def test_a_second_entry_of_one_paper_in_one_file_loses_no_value_without_a_word(tmp_path):
    # (audit: one entry with 'booktitle = {NIPS}' and 'author = {... and others}', the
    # other with the proceedings' name and every author: the second's venue was dropped
    # without a word, and the duplicate named no line of the entry it repeats)
    short = (
        "@inproceedings{vaswani2017,\n  title = {Attention Is All You Need},\n"
        "  author = {Vaswani, Ashish and others},\n  booktitle = {NIPS},\n  year = {2017},\n}\n"
    )
    full = (
        "@inproceedings{vaswani2017full,\n  title = {Attention Is All You Need},\n"
        "  author = {Vaswani, Ashish and Shazeer, Noam and Parmar, Niki},\n"
        "  booktitle = {Advances in Neural Information Processing Systems 30},\n  year = {2017},\n"
        "  pages = {5998--6008},\n}\n"
    )
    venue = "Advances in Neural Information Processing Systems 30"
    for name, (first, second) in [("short-first", (short, full)), ("full-first", (full, short))]:
        bib = tmp_path / f"{name}.bib"
        bib.write_text(f"{first}\n{second}", encoding="utf-8")
        report = import_paths([bib], tmp_path / name)
        at = first.count("\n") + 2  # (the line the second entry starts at)
        assert [str(d) for d in report.duplicates] == [
            f"{bib}:{at}:1: duplicate of attention-is-all-you-need, the record at {bib}:1:1 (same title); merged"
        ], name
        # The whole author list, whichever came first (an import's rule: a list cut short
        # with 'and others' takes the whole one), and the venue's name, whichever came
        # first: 'NIPS' says nothing the proceedings' name of that year does not, and was
        # a conflict at the paper's venue; the pages, of that venue, are taken with it.
        paper = _read(tmp_path / name / "papers" / "attention-is-all-you-need.yml")
        assert paper["authors"] == ["Ashish Vaswani", "Noam Shazeer", "Niki Parmar"], name
        assert (paper["venue"], paper["pages"]) == (venue, "5998\u20136008"), name
        assert report.conflicts == [], name


@pytest.mark.parametrize(
    "venue, year, conflict",
    [
        ("NeurIPS", "2017", False),  # the acronym it has had since 2018
        ("NIPS 2017", "2017", False),
        ("NIPS'17", "2017", False),
        ("nips", "2017", False),
        # Another conference, another year, or more than the acronym: still conflicts.
        ("ICML", "2017", True),
        ("NIPS 2016", "2017", True),
        ("NeurIPS", "2016", True),  # (the entry's own year another)
        ("NeurIPS 2017 Oral", "2017", True),
        ("NIPS Workshop on Deep Learning", "2017", True),
    ],
)
def test_an_acronym_of_the_venue_in_a_second_entry_is_no_conflict_another_venue_is(tmp_path, venue, year, conflict):
    full = (
        "@inproceedings{a,\n  title = {Attention Is All You Need},\n  author = {Vaswani, Ashish},\n"
        "  booktitle = {Advances in Neural Information Processing Systems 30},\n  year = {2017},\n}\n"
    )
    short = (
        "@inproceedings{b,\n  title = {Attention Is All You Need},\n  author = {Vaswani, Ashish},\n"
        f"  booktitle = {{{venue}}},\n  year = {{{year}}},\n}}\n"
    )
    for order, text in (("full-first", f"{full}\n{short}"), ("short-first", f"{short}\n{full}")):
        bib = tmp_path / f"{order}.bib"
        bib.write_text(text, encoding="utf-8")
        report = import_paths([bib], tmp_path / order)
        paper = _read(tmp_path / order / "papers" / "attention-is-all-you-need.yml")
        said = sorted(c.field for c in report.conflicts)
        if conflict:
            # The first entry's venue stands, the other's said (and a year of its own too).
            assert "venue" in said, order
            first = "Advances in Neural Information Processing Systems 30" if order == "full-first" else venue
            assert paper["venue"] == first, order
        else:
            # Whichever came first, the name: it says all the acronym does.
            assert (said, paper["venue"]) == ([], "Advances in Neural Information Processing Systems 30"), order


@pytest.mark.parametrize("one, other, kept", [
    ("NIPS", "NeurIPS 2017", "NeurIPS 2017"),
    ("NIPS'17", "NIPS 2017", "NIPS 2017"),
    ("NIPS", "NeurIPS", "NeurIPS"),
    ("nips", "NIPS", "NIPS"),
    ("ACL", "ACL (1)", "ACL (1)"),
])
def test_two_acronyms_of_one_venue_give_the_fuller_whichever_comes_first(tmp_path, one, other, kept):
    # (The first entry's stood: the venue depended on the order of the file's entries.)
    entry = (
        "@inproceedings{{{key},\n  title = {{Attention Is All You Need}},\n  author = {{Vaswani, Ashish}},\n"
        "  booktitle = {{{venue}}},\n  year = {{2017}},\n}}\n"
    )
    first, second = entry.format(key="a", venue=one), entry.format(key="b", venue=other)
    for order, text in (("one-first", f"{first}\n{second}"), ("other-first", f"{second}\n{first}")):
        bib = tmp_path / f"{order}.bib"
        bib.write_text(text, encoding="utf-8")
        report = import_paths([bib], tmp_path / order)
        paper = _read(tmp_path / order / "papers" / "attention-is-all-you-need.yml")
        assert (report.conflicts, paper["venue"]) == ([], kept), order


def test_a_revised_source_is_no_duplicate_its_news_is_merged(tmp_path):
    import_records([_rec("Some Paper", "Old abstract.", year="2021")], tmp_path, added=DAY)
    revised = [_rec("Some paper", "New abstract.", year="2021", venue="ICML")]
    report = import_records(revised, tmp_path, added=DAY)
    assert (report.duplicates, report.updated) == ([], ["some-paper"])
    assert [c.field for c in report.conflicts] == ["abstract"]


def test_two_entries_of_one_paper_count_once_then_not_on_reimport(tmp_path):
    records = [_rec("Some Paper", arxiv="2101.00010"), _rec("Some paper", line=4, arxiv="2101.00010")]
    first = import_records(records, tmp_path, added=DAY)
    assert [(d.source.line, d.reason) for d in first.duplicates] == [(4, "same arXiv id 2101.00010")]
    assert import_records(records, tmp_path, added=DAY).duplicates == []


def test_a_curated_paper_met_by_its_exact_title_for_the_first_time_is_a_duplicate(tmp_path):
    papers = tmp_path / "papers"
    papers.mkdir()
    (papers / "p.yml").write_text("id: p\ntitle: Hand Written\n")
    first = import_records([_rec("Hand Written", year="2020")], tmp_path, added=DAY)
    assert [str(d) for d in first.duplicates] == ["in.bib:1:1: already in the list as p (same title): merged into its file"]
    assert import_records([_rec("Hand Written", year="2020")], tmp_path, added=DAY).duplicates == []


# --- conflicts ---------------------------------------------------------------------


def test_a_title_differing_only_in_case_is_no_conflict(tmp_path):
    papers = tmp_path / "papers"
    papers.mkdir()
    (papers / "p.yml").write_text('id: p\ntitle: Attention Is All You Need\narxiv: "1706.03762"\n')
    report = import_records([_rec("Attention is All you  Need", arxiv="1706.03762")], tmp_path, added=DAY)
    assert report.conflicts == []
    assert _read(papers / "p.yml")["title"] == "Attention Is All You Need"
    worded = import_records([_rec("Attention Is All You Need!", arxiv="1706.03762")], tmp_path, added=DAY)
    assert [c.field for c in worded.conflicts] == ["title"]  # other than case: still reported


def test_conflicts_are_in_file_and_line_order(tmp_path):
    papers = tmp_path / "papers"
    papers.mkdir()
    (papers / "b.yml").write_text(
        'id: b\ntitle: B Paper\nauthors:\n  - Ann\nyear: 2020\nvenue: NeurIPS\narxiv: "2101.00002"\n'
        "tags: [x]\nabstract: Mine.\n"
    )
    (papers / "a.yml").write_text('id: a\ntitle: A Paper\nyear: 2019\narxiv: "2101.00001"\n')
    records = [
        _rec("B Paper", "Theirs.", arxiv="2101.00002", authors=("Bob",), year="2021",
             venue="ICML", tags=("y",)),
        _rec("A Paper", line=7, arxiv="2101.00001", year="2018"),
    ]
    report = import_records(records, tmp_path, added=DAY)
    assert [(Path(c.location.path).name, c.location.line, c.field) for c in report.conflicts] == [
        ("a.yml", 3, "year"),
        ("b.yml", 4, "authors"), ("b.yml", 5, "year"), ("b.yml", 6, "venue"),
        ("b.yml", 8, "tags"), ("b.yml", 9, "abstract"),
    ]


# --- a paper a curator renamed (a new file name and id) ---------------------------------


def _shipped(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content" / "papers", content / "papers")
    shutil.copytree(ROOT / "content" / "sources", content / "sources")
    return content


def _rename(papers, old, new):
    """What a curator does: the file and its id: line renamed, nothing else touched."""
    (papers / f"{old}.yml").rename(papers / f"{new}.yml")
    _edit(papers / f"{new}.yml", f"id: {old}\n", f"id: {new}\n")
    return papers / f"{new}.yml"


def _records(content):
    return json.loads((content / VIEWS).read_text())["papers"]


@pytest.mark.example
def test_a_renamed_paper_of_the_shipped_list_is_followed_and_its_record_moved(tmp_path):
    content = _shipped(tmp_path)
    old = "editing-models-with-task-arithmetic"
    record = _records(content)[old]
    path = _rename(content / "papers", old, "task-arithmetic")
    before = _state(content / "papers")
    report = import_paths([content / "sources" / SEED.name], content, added=DAY)
    assert (report.added, report.updated, report.duplicates, report.removed) == ([], [], [], [])
    assert [c for c in report.conflicts if c.location.path == str(path)] == []
    assert len(report.unchanged) == 180 and "task-arithmetic" in report.unchanged
    assert "deleted" not in report.summary()
    assert _state(content / "papers") == before
    after = _records(content)
    # The old id keeps only where the paper went, for `check`'s messages.
    assert after[old] == {"fields": {}, "links": [], "renamed_to": "task-arithmetic"} and after["task-arithmetic"] == record
    assert len(after) == 181
    # Moved once: the next import finds everything in place and writes nothing.
    views_file = content / VIEWS
    written = (views_file.read_bytes(), views_file.stat().st_mtime_ns)
    import_paths([content / "sources" / SEED.name], content, added=DAY)
    assert (views_file.read_bytes(), views_file.stat().st_mtime_ns) == written


@pytest.mark.example
def test_a_renamed_and_retitled_paper_is_not_taken_for_a_deleted_one(tmp_path):
    content = _shipped(tmp_path)
    old = "editing-models-with-task-arithmetic"
    record = _records(content)[old]
    path = _rename(content / "papers", old, "task-arithmetic")
    _edit(path, "title: Editing Models with Task Arithmetic", "title: Task Arithmetic (curated)")
    before = _state(content / "papers")
    report = import_paths([content / "sources" / SEED.name], content, added=DAY)
    assert (report.added, report.updated, report.duplicates, report.removed) == ([], [], [], [])
    assert "deleted by a curator" not in report.summary()
    assert [c for c in report.conflicts if c.location.path == str(path)] == []
    assert _state(content / "papers") == before
    after = _records(content)
    assert after[old] == {"fields": {}, "links": [], "renamed_to": "task-arithmetic"} and after["task-arithmetic"] == record


def test_a_renamed_paper_still_takes_what_is_new_in_its_source(tmp_path):
    import_records([_rec("Some Paper", year="2021")], tmp_path, added=DAY)
    path = _rename(tmp_path / "papers", "some-paper", "mine")
    _edit(path, "title: Some Paper", "title: My Name For It")
    report = import_records([_rec("Some Paper", year="2021", venue="ICML")], tmp_path, added=DAY)
    assert (report.added, report.updated, report.duplicates) == ([], ["mine"], [])
    data = _read(path)
    assert (data["id"], data["title"], data["venue"]) == ("mine", "My Name For It", "ICML")
    assert sorted(p.name for p in (tmp_path / "papers").iterdir()) == ["mine.yml"]
    assert list(_records(tmp_path)) == ["mine", "some-paper"]
    assert _records(tmp_path)["some-paper"] == {"fields": {}, "links": [], "renamed_to": "mine"}
    assert _records(tmp_path)["mine"]["fields"]["venue"] == [digest("ICML")]


def test_a_renamed_paper_recognised_by_its_arxiv_id_but_not_by_a_link(tmp_path):
    github = Link(kind="code", url="https://github.com/o/n", found_in="abstract")
    records = [
        _rec("Paper One", arxiv="2101.00001"),
        _rec("Paper Two", "Two.", line=3, links=(github,)),
    ]
    import_records(records, tmp_path, added=DAY)
    papers = tmp_path / "papers"
    for old, new, title in (("paper-one", "one", "First"), ("paper-two", "two", "Second")):
        path = _rename(papers, old, new)
        _edit(path, f"title: {old.replace('-', ' ').title()}", f"title: {title}")
    # Only the arXiv id is left of what identified the one, only the link of the other.
    _edit(papers / "one.yml", "abstract: An abstract.", "abstract: Mine too.")
    _edit(papers / "two.yml", "abstract: Two.", "abstract: Mine.")
    recorded = _records(tmp_path)
    report = import_records(records, tmp_path, added=DAY)
    # The arXiv id identifies the paper. A link does not (two papers of one lab share
    # a repository), so "two" is not taken for the deleted "paper-two".
    assert (report.added, report.duplicates, report.removed) == ([], [], ["paper-two"])
    records_now = _records(tmp_path)
    assert records_now["one"] == recorded["paper-one"]
    assert records_now["paper-one"] == {"fields": {}, "links": [], "renamed_to": "one"}
    assert "two" not in records_now and records_now["paper-two"] == _as_deleted(recorded["paper-two"])


def test_a_renamed_paper_whose_old_id_a_new_hand_written_paper_took(tmp_path):
    import_records([_rec("Some Paper", year="2021")], tmp_path, added=DAY)
    papers = tmp_path / "papers"
    record = _records(tmp_path)["some-paper"]
    _rename(papers, "some-paper", "renamed")
    (papers / "some-paper.yml").write_text("id: some-paper\ntitle: Another Paper Entirely\n")
    before = _state(papers)
    report = import_records([_rec("Some Paper", year="2021", venue="ICML")], tmp_path, added=DAY)
    assert (report.added, report.updated, report.duplicates) == ([], ["renamed"], [])
    assert _read(papers / "renamed.yml")["venue"] == "ICML"
    assert (papers / "some-paper.yml").read_bytes() == before["some-paper.yml"]
    after = _records(tmp_path)
    assert list(after) == ["renamed"]
    assert after["renamed"]["fields"]["title"] == record["fields"]["title"]


def test_a_deleted_paper_stays_deleted_and_keeps_its_record(tmp_path):
    import_records([_rec("Some Paper", year="2021"), _rec("Other", line=4)], tmp_path, added=DAY)
    (tmp_path / "papers" / "some-paper.yml").unlink()
    recorded = _records(tmp_path)
    report = import_records([_rec("Some Paper", year="2021")], tmp_path, added=DAY)
    assert (report.added, report.removed) == ([], ["some-paper"])
    assert sorted(p.name for p in (tmp_path / "papers").iterdir()) == ["other.yml"]
    # The record is kept, marked as found deleted; the next import changes nothing.
    assert _records(tmp_path) == {**recorded, "some-paper": _as_deleted(recorded["some-paper"])}
    marked = (tmp_path / VIEWS).read_bytes()
    import_records([_rec("Some Paper", year="2021")], tmp_path, added=DAY)
    assert (tmp_path / VIEWS).read_bytes() == marked


def test_a_record_two_papers_carry_is_not_moved(tmp_path):
    import_records([_rec("Some Paper", year="2021")], tmp_path, added=DAY)
    papers = tmp_path / "papers"
    _rename(papers, "some-paper", "first")
    (papers / "second.yml").write_text("id: second\ntitle: Some Paper\n")
    report = import_records([_rec("Some Paper", year="2021")], tmp_path, added=DAY)
    # Ambiguous, so as before: the record meets "first" as a paper never imported into.
    assert report.added == [] and [d.paper_id for d in report.duplicates] == ["first"]
    assert (papers / "second.yml").read_text() == "id: second\ntitle: Some Paper\n"


def test_a_paper_with_its_own_record_does_not_take_a_deleted_papers(tmp_path):
    import_records([_rec("Some Paper", "Same abstract."), _rec("Other", "Same abstract.", line=4)],
                   tmp_path, added=DAY)
    (tmp_path / "papers" / "some-paper.yml").unlink()
    recorded = _records(tmp_path)
    report = import_records([_rec("Some Paper", "Same abstract.")], tmp_path, added=DAY)
    assert (report.added, report.updated, report.removed) == ([], [], ["some-paper"])
    assert _records(tmp_path) == {**recorded, "some-paper": _as_deleted(recorded["some-paper"])}


def test_a_paper_two_deleted_papers_records_point_at_takes_neither(tmp_path):
    github = Link(kind="code", url="https://github.com/o/n", found_in="abstract")
    records = [_rec("Paper A", "A.", links=(github,)), _rec("Paper B", "B.", line=3, links=(github,))]
    import_records(records, tmp_path, added=DAY)
    papers = tmp_path / "papers"
    (papers / "paper-a.yml").unlink()
    (papers / "paper-b.yml").unlink()
    (papers / "c.yml").write_text("id: c\ntitle: C\nlinks:\n  code:\n    - url: https://github.com/o/n\n")
    recorded = _records(tmp_path)
    report = import_records(records, tmp_path, added=DAY)
    assert (report.added, report.updated, report.removed) == ([], [], ["paper-a", "paper-b"])
    assert _records(tmp_path) == {paper_id: _as_deleted(view) for paper_id, view in recorded.items()}


# --- after the import that followed a rename, `check` still names the new id -------------


def _check(content: Path) -> list[str]:
    from generator.curation import load_content

    _, problems = load_content(content, content.parent)
    return [p.message for p in problems.sorted() if p.severity.value == "error"]


def test_check_names_the_new_id_of_a_renamed_paper_after_imports_and_a_second_rename(tmp_path):
    content = tmp_path / "content"
    import_records([_rec("Some Paper"), _rec("Other Paper", "Other.", line=3)], content, added=DAY)
    papers = content / "papers"
    _edit(papers / "other-paper.yml", "related: []", "related: [some-paper]")
    _rename(papers, "some-paper", "mine")
    moved = "no paper 'some-paper': it was renamed to 'mine'; write 'mine'"
    assert _check(content) == [moved]  # before an import: the record is still at some-paper
    import_records([_rec("Some Paper"), _rec("Other Paper", "Other.", line=3)], content, added=DAY)
    assert _check(content) == [moved]  # the import moved it; the old id says where
    _rename(papers, "mine", "ours")
    import_records([_rec("Some Paper")], content, added=DAY)
    assert _check(content) == ["no paper 'some-paper': it was renamed to 'ours'; write 'ours'"]
    records = _records(content)
    assert records["some-paper"] == records["mine"] == {"fields": {}, "links": [], "renamed_to": "ours"}
    assert "title" in records["ours"]["fields"]


def test_a_new_paper_does_not_take_a_renamed_papers_old_id(tmp_path):
    content = tmp_path / "content"
    import_records([_rec("Some Paper", "First.")], content, added=DAY)
    _rename(content / "papers", "some-paper", "mine")
    import_records([_rec("Some Paper", "First.")], content, added=DAY)
    # Another paper of the same title (its own abstract): not under the id that
    # references to the renamed one may still name.
    report = import_records([_rec("Some_Paper", "Another paper altogether.", line=5)], content, added=DAY)
    assert report.added == ["some-paper-2"]
    assert _records(content)["some-paper"]["renamed_to"] == "mine"


def test_a_renamed_papers_old_id_cannot_be_restored(tmp_path):
    import pytest

    from generator.errors import CuratorError

    content = tmp_path / "content"
    import_records([_rec("Some Paper")], content, added=DAY)
    _rename(content / "papers", "some-paper", "mine")
    import_records([_rec("Some Paper")], content, added=DAY)
    with pytest.raises(CuratorError) as error:
        import_records([_rec("Some Paper")], content, added=DAY, restore=("some-paper",))
    assert "--restore some-paper: it was renamed to 'mine', not deleted" in str(error.value.problems[0])


def test_a_paper_renamed_and_renamed_back_keeps_its_record_and_what_was_removed(tmp_path):
    # A code review's case: the record stayed at the second id, as a tombstone of a live
    # paper, and the abstract the curator had removed was filled in again.
    content = tmp_path / "content"
    import_records([_rec("Alpha Paper")], content, added=DAY)
    papers = content / "papers"
    _edit(papers / "alpha-paper.yml", "abstract: An abstract.", "")
    _rename(papers, "alpha-paper", "alpha")
    import_records([_rec("Alpha Paper")], content, added=DAY)
    _rename(papers, "alpha", "alpha-paper")
    before = (papers / "alpha-paper.yml").read_bytes()
    report = import_records([_rec("Alpha Paper")], content, added=DAY)
    assert (report.added, report.updated, report.duplicates) == ([], [], [])
    assert (papers / "alpha-paper.yml").read_bytes() == before
    records = _records(content)
    assert records["alpha"] == {"fields": {}, "links": [], "renamed_to": "alpha-paper"}
    assert "deleted" not in records["alpha-paper"] and "title" in records["alpha-paper"]["fields"]


def test_a_title_taken_in_lower_case_takes_the_capitals_of_a_source_in_the_same_import(tmp_path):
    # Google Scholar lower-cases titles ("Lora: Low-rank adaptation..."); the title stayed
    # so when arXiv's entry came in the same import, since case is no conflict.
    papers = tmp_path / "papers"
    scholar = _rec("Lora: Low-rank adaptation of large language models", arxiv="2106.09685")
    arxiv = _rec("LoRA: Low-Rank Adaptation of Large Language Models", arxiv="2106.09685", line=9)
    shouting = _rec("LORA: LOW-RANK ADAPTATION OF LARGE LANGUAGE MODELS", arxiv="2106.09685")
    report = import_records([scholar, shouting, arxiv], tmp_path, added=DAY)
    (paper_id,) = report.added
    assert report.conflicts == []
    assert _read(papers / f"{paper_id}.yml")["title"] == arxiv.title  # (not in capitals throughout)
    for record in (scholar, shouting):
        assert import_records([record], tmp_path, added=DAY).updated == []
    assert _read(papers / f"{paper_id}.yml")["title"] == arxiv.title


def test_a_title_in_the_file_keeps_its_case_whatever_later_imports_offer(tmp_path):
    # The code review: a curator's sentence case, equal to what some source had offered,
    # was taken for the importer's and replaced; so was a hand-written lower-case title
    # on a second import.
    papers = tmp_path / "papers"
    (paper_id,) = import_records(
        [_rec("Attention Is All You Need", arxiv="1706.03762")], tmp_path, added=DAY).added
    path = papers / f"{paper_id}.yml"
    path.write_text(path.read_text().replace("Attention Is All You Need", "Attention is all you need"))
    for title in ("Attention is all you need", "Attention is All you Need", "Attention Is All You Need"):
        import_records([_rec(title, arxiv="1706.03762")], tmp_path, added=DAY)
        assert _read(path)["title"] == "Attention is all you need", title
    (papers / "mine.yml").write_text('id: mine\ntitle: a study of glaciers\narxiv: "2001.00001"\n')
    for title in ("A study of glaciers", "A Study of Glaciers"):
        import_records([_rec(title, arxiv="2001.00001")], tmp_path, added=DAY)
        assert _read(papers / "mine.yml")["title"] == "a study of glaciers", title


def test_within_one_import_only_a_lower_cased_title_takes_capitals(tmp_path):
    # The second review: any title with more capitals won within one import
    # ("...Adaptation Of Large...", "LEARNING $\alpha$-DIVERGENCES", "μ-PARAMETRIZATION").
    for first, second in (
        ("LoRA: Low-Rank Adaptation of Large Language Models",
         "LoRA: Low-Rank Adaptation Of Large Language Models"),
        ("Learning $\\alpha$-divergences for inference", "LEARNING $\\alpha$-DIVERGENCES FOR INFERENCE"),
        ("μ-parametrization of wide networks", "μ-PARAMETRIZATION OF WIDE NETWORKS"),
    ):
        root = tmp_path / str(abs(hash(first)))
        report = import_records([_rec(first, arxiv="2106.09685"), _rec(second, arxiv="2106.09685")], root, added=DAY)
        (paper_id,) = report.added
        assert _read(root / "papers" / f"{paper_id}.yml")["title"] == first, second
