"""A paper a curator deleted stays deleted, whatever is imported, until it is restored.

The importer's record (content/sources/imported.json) keeps a deleted paper's entry as a
tombstone; a record carrying one of its identity marks (title, arXiv id, DOI, a long
abstract) is skipped and named, and `--restore ID` brings the paper back on purpose.
"""

import datetime as dt
import json
from pathlib import Path

import pytest

from generator.cli import main
from generator.errors import CuratorError, Location
from generator.importer import import_paths, import_records
from generator.ingest import Record
from generator.links import make_link

DAY = dt.date(2026, 1, 2)
HEAD = "Get trending papers in your email inbox once a day!\nGet trending papers in your email inbox!\n"
VIEWS = Path("sources") / "imported.json"
SAFE = "Deep Safe Multi-Task Learning"
SAFE_ABSTRACT = (
    "In recent years, multi-task learning has seen great success, but it may hurt the "
    "performance of some tasks; we propose a safe multi-task learning model that never "
    "does worse than learning each task alone."
)


def _rec(title, abstract="An abstract.", line=1, path="in.txt", **fields):
    return Record(title=title, abstract=abstract, source=Location(path, line, 1), **fields)


def _ids(content):
    return sorted(json.loads((content / VIEWS).read_text())["papers"])


def _state(content):
    return {
        p.relative_to(content).as_posix(): p.read_bytes()
        for p in sorted(content.rglob("*")) if p.is_file() and p.name != ".import.lock"
    }


def _seed(content):
    import_records([_rec(SAFE, SAFE_ABSTRACT), _rec("Other Paper", line=3)], content, added=DAY)
    (content / "papers" / "deep-safe-multi-task-learning.yml").unlink()


def test_a_deletion_holds_through_an_import_of_another_listing(tmp_path):
    _seed(tmp_path)
    week2 = import_records([_rec("A Week Two Paper")], tmp_path, added=DAY)
    assert week2.added == ["a-week-two-paper"]
    # The tombstone is still there after a listing that does not offer the paper...
    assert _ids(tmp_path) == ["a-week-two-paper", "deep-safe-multi-task-learning", "other-paper"]
    # ...so the first listing imported again still does not bring it back.
    again = import_records([_rec(SAFE, SAFE_ABSTRACT), _rec("Other Paper", line=3)], tmp_path,
                           added=dt.date(2030, 1, 1))
    assert (again.added, again.removed) == ([], ["deep-safe-multi-task-learning"])
    assert not (tmp_path / "papers" / "deep-safe-multi-task-learning.yml").exists()


def test_a_title_written_differently_with_the_same_abstract_is_still_deleted(tmp_path):
    _seed(tmp_path)
    report = import_records([_rec("Deep Safe Multi-task Learning", SAFE_ABSTRACT)], tmp_path, added=DAY)
    assert (report.added, report.removed) == ([], ["deep-safe-multi-task-learning"])
    assert sorted(p.name for p in (tmp_path / "papers").iterdir()) == ["other-paper.yml"]


def test_a_short_shared_abstract_does_not_make_a_new_paper_a_deleted_one(tmp_path):
    _seed(tmp_path)
    # "An abstract." is Other Paper's too: too short to name a paper.
    (tmp_path / "papers" / "other-paper.yml").unlink()
    report = import_records([_rec("Brand New Paper")], tmp_path, added=DAY)
    assert (report.added, report.removed) == (["brand-new-paper"], [])


def test_each_paper_not_recreated_is_named_with_its_title(tmp_path):
    _seed(tmp_path)
    (tmp_path / "papers" / "other-paper.yml").unlink()
    report = import_records(
        [_rec(SAFE, SAFE_ABSTRACT, line=1), _rec("Other Paper", line=3), _rec(SAFE, SAFE_ABSTRACT, line=5)],
        tmp_path, added=DAY,
    )
    assert [str(d) for d in report.not_recreated] == [
        "in.txt:1:1: not recreated: deep-safe-multi-task-learning ('Deep Safe Multi-Task Learning') "
        "was deleted by a curator",
        "in.txt:3:1: not recreated: other-paper ('Other Paper') was deleted by a curator",
    ]
    assert report.summary() == (  # three records, two of them of one deleted paper: 3 in all
        "3 record(s): 0 added, 0 updated, 0 unchanged, 3 skipped (2 paper(s) deleted by a curator,"
        " not recreated); of which 0 duplicate(s) merged; 0 conflict(s), 0 link(s) found"
    )


def _lab(tmp_path):
    """A lab deleted every shipped paper, then imports a .bib naming two of them."""
    content = tmp_path / "content"
    listing = tmp_path / "shipped.txt"
    listing.write_text(HEAD + "SubscribeFirst Paper\nFirst abstract.\nSecond Paper\nSecond abstract.\n")
    import_paths([listing], content, added=DAY)
    for path in (content / "papers").iterdir():
        path.unlink()
    bib = tmp_path / "lab.bib"
    bib.write_text(
        "@misc{a,\n  title = {First Paper},\n  year = {2023},\n}\n"
        "@misc{b,\n  title = {Second Paper},\n  year = {2024},\n}\n"
        "@misc{c,\n  title = {Our Own Paper},\n  year = {2024},\n}\n"
    )
    return content, bib


def test_the_command_names_each_deleted_paper_and_says_how_to_restore_it(tmp_path, capsys):
    content, bib = _lab(tmp_path)
    assert main(["--root", str(tmp_path), "import", "--no-keep-source", str(bib)]) == 0
    assert capsys.readouterr().out == (
        "added our-own-paper\n"
        f"{bib}:1:1: not recreated: first-paper ('First Paper') was deleted by a curator\n"
        f"{bib}:5:1: not recreated: second-paper ('Second Paper') was deleted by a curator\n"
        "to bring a deleted paper back, import again with --restore ID "
        f"(e.g. readinglist import {bib} --restore first-paper)\n"
        "3 record(s): 1 added, 0 updated, 0 unchanged, 2 skipped (2 paper(s) deleted by a curator, "
        "not recreated); of which 0 duplicate(s) merged; 0 conflict(s), 0 link(s) found\n"
    )


def test_quiet_keeps_only_the_count(tmp_path, capsys):
    content, bib = _lab(tmp_path)
    assert main(["--root", str(tmp_path), "import", "-q", "--no-keep-source", str(bib)]) == 0
    assert capsys.readouterr() == (
        "3 record(s): 1 added, 0 updated, 0 unchanged, 2 skipped (2 paper(s) deleted by a curator, "
        "not recreated); of which 0 duplicate(s) merged; 0 conflict(s), 0 link(s) found\n",
        "",
    )


def test_restore_brings_a_deleted_paper_back_and_it_then_stays(tmp_path, capsys):
    content, bib = _lab(tmp_path)
    args = ["--root", str(tmp_path), "import", "--no-keep-source", str(bib)]
    assert main(args + ["--restore", "second-paper"]) == 0
    out = capsys.readouterr().out
    assert "restored second-paper\n" in out and "not recreated: first-paper" in out
    assert "added second-paper" not in out  # one line for the paper: restored
    assert "not recreated: second-paper" not in out
    papers = content / "papers"
    assert sorted(p.name for p in papers.iterdir()) == ["our-own-paper.yml", "second-paper.yml"]
    assert "year: 2024\n" in (papers / "second-paper.yml").read_text()
    # An ordinary import after that finds it like any other paper.
    assert main(args) == 0
    assert "0 added, 0 updated, 2 unchanged" in capsys.readouterr().out


def test_restore_of_an_id_that_is_not_a_deleted_paper_writes_nothing(tmp_path, capsys):
    content, bib = _lab(tmp_path)
    (content / "papers" / "kept.yml").write_text("id: kept\ntitle: Kept\n")
    before = _state(content)
    for bad, why in [
        ("second-papr", "no paper deleted by a curator has this id (did you mean 'second-paper'?)"),
        ("unrelated-id", "no paper deleted by a curator has this id (deleted: first-paper, second-paper)"),
        ("kept", "its file is still in content/papers/, so it is not deleted"),
    ]:
        rc = main(["--root", str(tmp_path), "import", "--no-keep-source", str(bib), "--restore", bad])
        assert rc == 1
        assert capsys.readouterr().err == (
            f"{content / VIEWS}: --restore {bad}: {why}; nothing was written\n"
            "1 error; nothing was imported.\n"
        )
        assert _state(content) == before


def test_restore_of_a_paper_the_input_does_not_have_warns_and_keeps_the_deletion(tmp_path):
    _seed(tmp_path)
    report = import_records([_rec("Other Paper", line=3)], tmp_path, added=DAY,
                            restore=["deep-safe-multi-task-learning"])
    assert report.restored == [] and [w.message for w in report.warnings] == [
        "--restore deep-safe-multi-task-learning: no record of this input is that paper, so it "
        "stays deleted; import the source that has it"
    ]
    assert "deep-safe-multi-task-learning" in _ids(tmp_path)


def test_a_restore_is_refused_when_nothing_was_deleted(tmp_path):
    import_records([_rec("Other Paper")], tmp_path, added=DAY)
    with pytest.raises(CuratorError) as caught:
        import_records([_rec("Other Paper")], tmp_path, added=DAY, restore=["other"])
    assert [p.message for p in caught.value.problems] == [
        "--restore other: no paper has been deleted by a curator; nothing was written"
    ]


def test_a_title_written_differently_with_another_abstract_is_still_deleted(tmp_path):
    _seed(tmp_path)
    report = import_records([_rec("Deep safe multi-task learning.", "A shorter abstract of it.")],
                            tmp_path, added=DAY)
    assert (report.added, report.removed) == ([], ["deep-safe-multi-task-learning"])


def test_the_shipped_record_holds_each_titles_matching_form():
    from generator import provenance
    from generator.matchkeys import normalise_title
    from tests.ingest.test_seed_content import ROOT, _papers

    views = provenance.load(ROOT / "content" / "sources" / "imported.json")
    for paper_id, paper in _papers().items():
        assert views[paper_id].has_value("title", normalise_title(paper["title"])), paper_id


WITHDRAWN = (
    "This paper has been withdrawn by the authors due to an error in the experimental "
    "section. Please refer to the revised version of this work for the corrected results."
)


def test_a_new_paper_sharing_only_a_deleted_papers_boilerplate_abstract_is_added(tmp_path):
    import_records([_rec("Sparse Attention for Long Documents", WITHDRAWN)], tmp_path, added=DAY)
    (tmp_path / "papers" / "sparse-attention-for-long-documents.yml").unlink()
    report = import_records([_rec("Contrastive Pretraining of Protein Language Models", WITHDRAWN)],
                            tmp_path, added=DAY)
    new_id = "contrastive-pretraining-of-protein-language-models"
    assert (report.added, report.removed) == ([new_id], [])
    assert [str(w) for w in report.warnings] == [
        f"{tmp_path / 'papers' / new_id}.yml:3:8: warning: possibly the same paper as "
        "sparse-attention-for-long-documents, which a curator deleted (same abstract); "
        "if so, delete this one"
    ]
    # The deleted paper itself still stays deleted.
    again = import_records([_rec("Sparse Attention for Long Documents", WITHDRAWN)], tmp_path, added=DAY)
    assert (again.added, again.removed) == ([], ["sparse-attention-for-long-documents"])


PART_ONE = "Scaling Laws for Autoregressive Generative Modeling of Natural Language Text and Source Code: Part One"
PART_TWO = (
    "Scaling Laws for Autoregressive Generative Modeling of Natural Language Text and Source Code: "
    "Part Two Revisited"
)
CUT = "scaling-laws-for-autoregressive-generative-modeling-of-natural-language-text"
CUT_2 = "scaling-laws-for-autoregressive-generative-modeling-of-natural-language-text-2"  # 80 at most


def test_a_new_paper_does_not_take_a_deleted_papers_id(tmp_path):
    a, b = tmp_path / "a.bib", tmp_path / "b.bib"
    a.write_text(f"@misc{{a,\n  title = {{{PART_ONE}}},\n  year = {{2020}},\n}}\n")
    b.write_text(f"@misc{{b,\n  title = {{{PART_TWO}}},\n  year = {{2021}},\n}}\n")
    content = tmp_path / "content"
    assert import_paths([a], content, added=DAY).added == [CUT]  # both titles cut to this id
    (content / "papers" / f"{CUT}.yml").unlink()
    assert import_paths([b], content, added=DAY).added == [CUT_2]
    assert _ids(content) == [CUT, CUT_2]  # the deleted paper's record is still there
    report = import_paths([a], content, added=DAY)
    assert (report.added, report.removed) == ([], [CUT])
    assert sorted(p.name for p in (content / "papers").iterdir()) == [f"{CUT_2}.yml"]
    # Restored, it takes its own id back.
    restored = import_paths([a], content, added=DAY, restore=[CUT])
    assert (restored.added, restored.restored) == ([CUT], [CUT])
    assert "Part One" in (content / "papers" / f"{CUT}.yml").read_text()


def test_a_hand_made_paper_under_a_deleted_papers_id_is_another_paper(tmp_path):
    _seed(tmp_path)
    import_records([_rec("Other Paper", line=3)], tmp_path, added=DAY)  # finds SAFE deleted
    mine = tmp_path / "papers" / "deep-safe-multi-task-learning.yml"
    mine.write_text("id: deep-safe-multi-task-learning\ntitle: My Own Safe Learner\n")
    report = import_records([_rec(SAFE, SAFE_ABSTRACT)], tmp_path, added=DAY)
    # The deleted paper's source is not merged into the curator's new paper...
    assert mine.read_text() == "id: deep-safe-multi-task-learning\ntitle: My Own Safe Learner\n"
    assert (report.added, report.updated, report.duplicates) == ([], [], [])
    assert report.removed == ["deep-safe-multi-task-learning"]
    assert [str(w) for w in report.warnings] == [
        f"{mine}:2:8: warning: this file has the id of a paper a curator deleted but none of its "
        "values, so it is another paper: in.txt:1:1 ('Deep Safe Multi-Task Learning') was not "
        "merged into it; if it is that paper, give it back the title it was imported with"
    ]
    # ...nor later, when a source of the new paper is imported (it fills, as a paper
    # without a record does) and the deleted paper's record stays its tombstone.
    fill = import_records([_rec("My Own Safe Learner", year="2025")], tmp_path, added=DAY)
    assert fill.updated == ["deep-safe-multi-task-learning"] and "year: 2025" in mine.read_text()
    again = import_records([_rec(SAFE, SAFE_ABSTRACT)], tmp_path, added=DAY)
    assert (again.added, again.updated, again.removed) == ([], [], ["deep-safe-multi-task-learning"])
    assert "My Own Safe Learner" in mine.read_text() and "safe multi-task" not in mine.read_text()


def test_a_deleted_paper_put_back_by_hand_is_that_paper_again(tmp_path):
    _seed(tmp_path)
    path = tmp_path / "papers" / "deep-safe-multi-task-learning.yml"
    import_records([_rec("Other Paper", line=3)], tmp_path, added=DAY)  # finds SAFE deleted
    assert json.loads((tmp_path / VIEWS).read_text())["papers"]["deep-safe-multi-task-learning"]["deleted"]
    path.write_text(f"id: deep-safe-multi-task-learning\ntitle: {SAFE}\n")  # e.g. from git
    report = import_records([_rec(SAFE, SAFE_ABSTRACT)], tmp_path, added=DAY)
    assert (report.added, report.updated, report.removed) == ([], [], [])
    assert report.unchanged == ["deep-safe-multi-task-learning"]  # its abstract was taken before
    assert "deleted" not in json.loads((tmp_path / VIEWS).read_text())["papers"]["deep-safe-multi-task-learning"]


def _own_file_under_deleted_id(tmp_path):
    _seed(tmp_path)
    import_records([_rec("Other Paper", line=3)], tmp_path, added=DAY)  # finds SAFE deleted
    mine = tmp_path / "papers" / "deep-safe-multi-task-learning.yml"
    mine.write_text("id: deep-safe-multi-task-learning\ntitle: My Own Safe Learner\n")
    return mine


def test_restoring_an_id_a_curators_own_paper_now_has_is_refused_before_writing(tmp_path):
    mine = _own_file_under_deleted_id(tmp_path)
    before = _state(tmp_path)
    with pytest.raises(CuratorError) as caught:
        import_records([_rec(SAFE, SAFE_ABSTRACT)], tmp_path, added=DAY,
                       restore=["deep-safe-multi-task-learning"])
    assert [str(p) for p in caught.value.problems] == [
        f"{mine}:1:5: cannot restore deep-safe-multi-task-learning: {mine} is now your own "
        "paper; rename it (file and id) first; nothing was written"
    ]
    assert _state(tmp_path) == before  # the record still says "deleted", the file is as it was
    # Once the curator renames their paper, the restore brings the deleted one back.
    mine.rename(mine.with_name("my-own-safe-learner.yml"))
    (tmp_path / "papers" / "my-own-safe-learner.yml").write_text(
        "id: my-own-safe-learner\ntitle: My Own Safe Learner\n")
    report = import_records([_rec(SAFE, SAFE_ABSTRACT)], tmp_path, added=DAY,
                            restore=["deep-safe-multi-task-learning"])
    assert (report.added, report.restored) == (["deep-safe-multi-task-learning"],) * 2
    assert f"title: {SAFE}\n" in mine.read_text()
    record = json.loads((tmp_path / VIEWS).read_text())["papers"]["deep-safe-multi-task-learning"]
    assert "deleted" not in record


def test_a_restored_paper_takes_its_own_id_whatever_title_names_it_now(tmp_path):
    import_records([_rec("First Title", arxiv="2101.00010")], tmp_path, added=DAY)
    (tmp_path / "papers" / "first-title.yml").unlink()
    report = import_records([_rec("A Later Title", arxiv="2101.00010")], tmp_path, added=DAY,
                            restore=["first-title"])
    assert (report.added, report.restored) == (["first-title"], ["first-title"])
    assert "title: A Later Title\n" in (tmp_path / "papers" / "first-title.yml").read_text()
    assert not (tmp_path / "papers" / "a-later-title.yml").exists()


def test_a_restore_whose_file_appeared_meanwhile_is_not_reported_restored(tmp_path, monkeypatch):
    import generator.importwrite as importwrite

    _seed(tmp_path)
    path = tmp_path / "papers" / "deep-safe-multi-task-learning.yml"
    real = importwrite._write_new_files

    def racing(files, *rest):  # a curator's editor saves the file between the read and the write
        path.write_text("id: deep-safe-multi-task-learning\ntitle: Racing\n")
        return real(files, *rest)

    monkeypatch.setattr(importwrite, "_write_new_files", racing)
    report = import_records([_rec(SAFE, SAFE_ABSTRACT)], tmp_path, added=DAY,
                            restore=["deep-safe-multi-task-learning"])
    assert (report.added, report.restored) == ([], [])
    assert report.left_alone == ["deep-safe-multi-task-learning"]
    assert report.summary().startswith("1 record(s): 0 added, 0 updated, 0 unchanged, 1 left alone")


def test_the_summary_counts_every_record_and_only_links_of_papers_kept(tmp_path):
    _seed(tmp_path)  # SAFE deleted, other-paper kept
    github = make_link("https://github.com/o/safe", "abstract", official=True)
    other = make_link("https://github.com/o/other", "abstract", official=True)
    records = [
        _rec(SAFE, SAFE_ABSTRACT, links=(github,)),  # deleted: skipped, its link not counted
        _rec(SAFE, SAFE_ABSTRACT, line=2, links=(github,)),
        _rec("Other Paper", line=3, links=(other,)),
        _rec("Other Paper", line=4, links=(other,)),  # a second entry of one paper
        _rec("A New Paper", line=5),
    ]
    report = import_records(records, tmp_path, added=DAY)
    assert report.summary() == (
        "5 record(s): 1 added, 1 updated, 0 unchanged, 1 naming a paper another record names, "
        "2 skipped (1 paper(s) deleted by a curator, not recreated); of which 0 duplicate(s) merged; "
        "0 conflict(s), 2 link(s) found"
    )  # 1 + 1 + 0 + 1 + 2 = 5 records; the two links of other-paper's two entries


def test_two_records_of_one_restored_paper_make_one_file(tmp_path):
    import_records([_rec("First Title", arxiv="2101.00010")], tmp_path, added=DAY)
    (tmp_path / "papers" / "first-title.yml").unlink()
    # The first record restores it without an arXiv id; the second is found by its arXiv
    # id alone, among the deleted papers, not among this run's new ones.
    records = [_rec("First Title"), _rec("Quite Another Wording", line=2, arxiv="2101.00010")]
    report = import_records(records, tmp_path, added=DAY, restore=["first-title"])
    assert (report.added, report.restored) == (["first-title"], ["first-title"])
    # (No duplicate said; only that, outside git, the file's hand edits are not back.)
    assert [w.message.split(":")[0] for w in report.warnings] == [
        "restored first-title from the input alone"
    ]
    assert [c.field for c in report.conflicts] == ["title"]
    assert 'arxiv: "2101.00010"\n' in (tmp_path / "papers" / "first-title.yml").read_text()
    assert report.summary().startswith("2 record(s): 1 added, 0 updated, 0 unchanged, 1 naming")


# A deleted paper's source record corrected in the reference manager since: its title and
# authors no longer the ones the importer took, its citation key (of the same exporter)
# the same.

ENTRY = """\
@inproceedings{%(key)s,
  title     = {%(title)s},
  author    = {%(authors)s},
  booktitle = {Proceedings of the Workshop on Graphs},
  year      = {2021},%(more)s
}
"""
GRAPHS = "Graph Nets for Molecules"
PAGES = "\n  pages     = {100--110},"


def _entry(tmp_path, name, title=GRAPHS, key="kim2021graph", authors="Kim, Ana and Park, Jun",
           more=PAGES, header=""):
    path = tmp_path / name
    path.write_text(header + ENTRY % {"key": key, "title": title, "authors": authors, "more": more})
    return path


def _deleted(tmp_path, more=PAGES):
    """The first week's export imported, then the paper's file deleted by the curator."""
    (tmp_path / "mkdocs.yml").write_text("site_name: Lab\n")
    content = tmp_path / "content"
    assert import_paths([_entry(tmp_path, "week1.bib", more=more)], content, added=DAY).added == [
        "graph-nets-for-molecules"
    ]
    (content / "papers" / "graph-nets-for-molecules.yml").unlink()
    return content


def _imported(tmp_path, capsys, bib):
    """`readinglist import BIB`: its exit status, what it printed, and the papers then."""
    status = main(["--root", str(tmp_path), "import", "--no-keep-source", str(bib)])
    out, err = capsys.readouterr()
    return status, out, err, sorted(p.name for p in (tmp_path / "content" / "papers").glob("*.yml"))


def test_a_deleted_papers_record_retitled_and_reauthored_since_stays_deleted(tmp_path, capsys):
    _deleted(tmp_path)
    # Retitled and an author added in Zotero: no title, id or author list the importer
    # took; its key, year, venue and pages are.
    week2 = _entry(tmp_path, "week2.bib", title="Graph Networks for Molecules",
                   authors="Kim, Ana M. and Park, Jun and Lee, Min")
    status, out, err, papers = _imported(tmp_path, capsys, week2)
    assert (status, err, papers) == (0, "", [])
    assert (
        f"{week2}:1:1: not recreated: graph-nets-for-molecules ('Graph Networks for Molecules')"
        " was deleted by a curator\n"
    ) in out
    assert "0 added" in out


def test_a_deleted_papers_record_without_pages_is_told_by_its_abstract(tmp_path, capsys):
    abstract = (
        "\n  abstract  = {We learn molecular properties with message passing networks over"
        " the graph of the molecule's atoms and bonds, and show large gains on benchmarks.},"
    )
    _deleted(tmp_path, more=abstract)
    week2 = _entry(tmp_path, "week2.bib", title="Graph Networks for Molecules",
                   authors="Kim, Ana M. and Park, Jun and Lee, Min", more=abstract)
    status, out, err, papers = _imported(tmp_path, capsys, week2)
    assert (status, err, papers) == (0, "", [])
    assert "not recreated: graph-nets-for-molecules ('Graph Networks for Molecules')" in out


def test_a_key_reused_by_another_paper_of_the_same_exporter_is_imported(tmp_path, capsys):
    _deleted(tmp_path)
    # The key of Kim's next paper of the year in the same workshop, with other people and
    # no pages yet: nothing but the key and the year is the deleted paper's.
    nextone = _entry(tmp_path, "next.bib", title="Message Passing for Crystals",
                     authors="Kim, Ana and Choi, Yu", more="")
    status, out, err, papers = _imported(tmp_path, capsys, nextone)
    assert (status, papers) == (0, ["message-passing-for-crystals.yml"])
    assert "not recreated" not in out


def test_a_key_reused_with_the_same_people_and_another_doi_is_another_paper(tmp_path, capsys):
    _deleted(tmp_path, more=PAGES + "\n  doi       = {10.1234/graphs.1},")
    # The same people, year and workshop (the next paper keyed alike): its own DOI says it
    # is not the deleted paper, retitled.
    nextone = _entry(tmp_path, "next.bib", title="Message Passing for Crystals",
                     more="\n  doi       = {10.1234/graphs.2},")
    status, out, err, papers = _imported(tmp_path, capsys, nextone)
    assert (status, papers) == (0, ["message-passing-for-crystals.yml"])
    assert "not recreated" not in out


def test_a_key_another_exporter_gave_another_paper_is_imported(tmp_path, capsys):
    _deleted(tmp_path)
    # JabRef's "kim2021graph" is JabRef's name, of another paper of the same workshop: its
    # venue and pages alike say nothing then.
    jabref = _entry(tmp_path, "jabref.bib", title="Graph Kernels Revisited", authors="Kim, Bo and Lim, Su",
                    header="% Encoding: UTF-8\n\n")
    status, out, err, papers = _imported(tmp_path, capsys, jabref)
    assert (status, papers) == (0, ["graph-kernels-revisited.yml"])
    assert "not recreated" not in out


def test_a_curators_own_paper_under_a_deleted_id_renamed_with_the_command_does_not_take_its_tombstone(
    tmp_path, capsys
):
    # As the refusal above says: the curator renames their own paper, with `readinglist
    # rename`. It listed the id it had in its formerly:, which the next import took for the
    # curator's word that it is the deleted paper, renamed: the deleted paper's record
    # moved to the curator's paper and `--restore` of it was refused for good. (rev129: the
    # id is the deleted paper's, as check says: the rename keeps it out of formerly:.)
    content = tmp_path / "content"
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    deleted = "deep-safe-multi-task-learning"
    mine = _own_file_under_deleted_id(content)
    assert main(["--root", str(tmp_path), "rename", deleted, "my-own-safe-learner"]) == 0
    renamed = content / "papers" / "my-own-safe-learner.yml"
    own = "id: my-own-safe-learner\ntitle: My Own Safe Learner\n"
    assert renamed.read_text() == own and not mine.exists()
    report = import_records([_rec(SAFE, SAFE_ABSTRACT)], content, added=DAY)
    assert (report.added, report.updated) == ([], [])
    assert [str(d).split(": ", 1)[1] for d in report.not_recreated] == [
        f"not recreated: {deleted} ('Deep Safe Multi-Task Learning') was deleted by a curator"
    ]
    records = json.loads((content / VIEWS).read_text())["papers"]
    assert records[deleted]["deleted"] and "renamed_to" not in records[deleted]
    assert "my-own-safe-learner" not in records
    # The restore brings the deleted paper back, and the curator's paper stays as it is.
    report = import_records([_rec(SAFE, SAFE_ABSTRACT)], content, added=DAY, restore=[deleted])
    assert report.restored == [deleted] and f"title: {SAFE}\n" in mine.read_text()
    assert renamed.read_text() == own
