"""A paper renamed by hand without `formerly:`: its old address would break with nothing
said, so `check` warns at its id when the importer's record (content/sources/imported.json)
says which id it had; and says nothing where the record cannot tell, or `formerly:` says."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from generator.cli import main
from generator.curation import load_content
from tests.test_curation import is_topicless, NO_SUCH_PAPER, without_topicless
from generator.errors import Location
from generator.importer import import_records
from generator.ingest import Record

ROOT = Path(__file__).resolve().parents[1]
DAY = dt.date(2026, 1, 2)
OLD = "editing-models-with-task-arithmetic"
WARNING = (
    "content/papers/task-arithmetic.yml:2:5: warning: paper 'task-arithmetic' was imported as"
    f" '{OLD}' (content/sources/imported.json); add 'formerly: [{OLD}]' so the old address"
    f" papers/{OLD}/ leads here and readers' marks follow"
)


def _problems(root: Path) -> list[str]:
    # (The imported list has no topic: said once, and no warning of these tests.)
    _, problems = load_content(root / "content", root)
    return without_topicless(problems.sorted())


def _warnings(root: Path) -> list[str]:
    return [p for p in _problems(root) if ": warning: " in p]


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, text
    path.write_text(text.replace(old, new), encoding="utf-8")


def _rename(papers: Path, old: str, new: str) -> Path:
    """What a curator does by hand: the file and its id: line, nothing else."""
    (papers / f"{old}.yml").rename(papers / f"{new}.yml")
    _edit(papers / f"{new}.yml", f"id: {old}\n", f"id: {new}\n")
    return papers / f"{new}.yml"


@pytest.fixture
def shipped(tmp_path) -> Path:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    return tmp_path


@pytest.mark.example
def test_a_paper_of_the_shipped_list_renamed_by_hand_is_told_to_keep_its_old_address(shipped):
    assert _problems(shipped) == []
    path = _rename(shipped / "content" / "papers", OLD, "task-arithmetic")
    # The topic's reading order still names the old id: an error of its own, as before, at
    # the line that names it (found, as the shipped topics.yml changes with its curation).
    lines = (shipped / "content" / "topics.yml").read_text(encoding="utf-8").splitlines()
    line = lines.index(f"      - {OLD}") + 1
    assert _problems(shipped) == [
        WARNING,
        f"content/topics.yml:{line}:9: no paper '{OLD}': it was renamed to 'task-arithmetic';"
        " write 'task-arithmetic'",
    ]
    _edit(shipped / "content" / "topics.yml", f"      - {OLD}\n", "      - task-arithmetic\n")
    assert _problems(shipped) == [WARNING]  # (nothing else names it now: this alone says)
    _edit(path, "id: task-arithmetic\n", f"id: task-arithmetic\nformerly: [{OLD}]\n")
    assert _problems(shipped) == []


@pytest.mark.example
def test_a_paper_renamed_by_the_rename_command_is_not_warned(shipped, capsys):
    assert main(["--root", str(shipped), "rename", OLD, "task-arithmetic"]) == 0
    assert _problems(shipped) == []


def _rec(title: str, abstract: str = "An abstract.", line: int = 1, **fields) -> Record:
    return Record(title=title, abstract=abstract, source=Location("in.bib", line, 1), **fields)


def _project(tmp_path: Path, *records: Record) -> Path:
    import_records(list(records), tmp_path / "content", added=DAY)
    return tmp_path


def test_the_warning_stays_after_an_import_records_the_rename_and_goes_with_formerly(tmp_path):
    root = _project(tmp_path, _rec("Some Paper"))
    papers = root / "content" / "papers"
    path = _rename(papers, "some-paper", "mine")
    warning = (
        "content/papers/mine.yml:2:5: warning: paper 'mine' was imported as 'some-paper'"
        " (content/sources/imported.json); add 'formerly: [some-paper]' so the old address"
        " papers/some-paper/ leads here and readers' marks follow"
    )
    assert _warnings(root) == [warning]
    import_records([_rec("Some Paper")], root / "content", added=DAY)  # "renamed_to": "mine"
    assert '"some-paper": {"fields":{},"links":[],"renamed_to":"mine"}' in (
        root / "content" / "sources" / "imported.json"
    ).read_text()
    assert _warnings(root) == [warning]
    _edit(path, "id: mine\n", "id: mine\nformerly: [some-paper]\n")
    assert _warnings(root) == []


def test_a_paper_renamed_twice_by_hand_across_an_import_is_told_both_ids(tmp_path):
    root = _project(tmp_path, _rec("Some Paper"))
    papers = root / "content" / "papers"
    _rename(papers, "some-paper", "mine")
    import_records([_rec("Some Paper")], root / "content", added=DAY)
    path = _rename(papers, "mine", "ours")
    assert _warnings(root) == [
        "content/papers/ours.yml:2:5: warning: paper 'ours' had the ids 'mine' and 'some-paper'"
        " (content/sources/imported.json); add them to its 'formerly:' (every id it had, oldest"
        " first) so the old addresses papers/mine/ and papers/some-paper/ lead here and readers'"
        " marks follow"
    ]
    _edit(path, "id: ours\n", "id: ours\nformerly: [some-paper]\n")
    assert _warnings(root) == [
        "content/papers/ours.yml:2:5: warning: paper 'ours' had the id 'mine'"
        " (content/sources/imported.json); add it to its 'formerly:' (every id it had, oldest"
        " first) so the old address papers/mine/ leads here and readers' marks follow"
    ]
    _edit(path, "formerly: [some-paper]\n", "formerly: [some-paper, mine]\n")
    assert _warnings(root) == []


def test_a_paper_with_a_record_of_its_own_is_not_told_a_deleted_papers_id(tmp_path):
    # Two papers of one title (other arXiv ids: the importer keeps them apart); the
    # curator deletes one. The other holds its title, but was imported as itself.
    root = _project(
        tmp_path,
        _rec("Some Paper", "First.", arxiv="2101.00001"),
        _rec("Some Paper", "Second.", line=3, arxiv="2101.00002"),
    )
    papers = root / "content" / "papers"
    assert sorted(p.name for p in papers.iterdir()) == ["some-paper-2.yml", "some-paper.yml"]
    (papers / "some-paper-2.yml").unlink()
    assert _warnings(root) == []


def test_a_paper_holding_two_records_values_is_not_told_either_id(tmp_path):
    # Two imported papers merged by hand into a third file: which id it "was" is the
    # curator's call (the importer does not move either record either).
    root = _project(tmp_path, _rec("Some Paper", "First."), _rec("Other Paper", "Second.", line=3))
    papers = root / "content" / "papers"
    _rename(papers, "some-paper", "merged")
    _edit(papers / "merged.yml", "abstract: First.", "abstract: Second.")
    (papers / "other-paper.yml").unlink()
    assert _warnings(root) == []


def test_a_paper_deleted_and_recorded_so_is_not_said_to_be_renamed(tmp_path):
    root = _project(tmp_path, _rec("Some Paper", "First."))
    papers = root / "content" / "papers"
    (papers / "some-paper.yml").unlink()
    import_records([], root / "content", added=DAY)  # the record: "deleted": true
    # Later a curator writes a paper of its title by hand: the deletion the record
    # holds is not taken back for a rename.
    (papers / "mine.yml").write_text("id: mine\ntitle: Some Paper\n", encoding="utf-8")
    assert _warnings(root) == []


def test_a_rerun_that_checks_only_the_edited_file_agrees(tmp_path, monkeypatch):
    from tests.test_curation import _Project

    root = _project(tmp_path, _rec("Some Paper"), _rec("Other Paper", "Other.", line=3))
    _rename(root / "content" / "papers", "some-paper", "mine")
    (root / "content" / "topics.yml").write_text("topics: []\n", encoding="utf-8")
    work = _Project(root, monkeypatch, None)
    said = "paper 'mine' was imported as 'some-paper' (content/sources/imported.json)"
    # Another file edited: only it is checked again, the record's memo is kept.
    assert not work.check(work.edit("other-paper.yml", "abstract: Other.", "abstract: Another."))
    assert [p.message.split(";")[0] for p in work.fresh_problems.items if not is_topicless(p)] == [said]
    work.check(work.edit("mine.yml", "id: mine\n", "id: mine\nformerly: [some-paper]\n"))
    assert without_topicless(work.fresh_problems.items) == []
    work.check(work.edit("mine.yml", "formerly: [some-paper]\n", ""))
    assert [p.message.split(";")[0] for p in work.fresh_problems.items if not is_topicless(p)] == [said]


def test_a_hand_written_paper_renamed_by_hand_is_told_by_git_to_keep_its_old_address(tmp_path):
    # A list written by hand has no importer's record: only git's copy of the old file
    # tells that the id a reference names is the renamed paper's, and nothing said to
    # add 'formerly:' (the reference was only "unknown paper 'paxos'").
    from tests import gitrepo

    papers = tmp_path / "content" / "papers"
    papers.mkdir(parents=True)
    (tmp_path / "content" / "topics.yml").write_text("topics: []\n", encoding="utf-8")
    (papers / "paxos.yml").write_text("id: paxos\ntitle: Paxos Made Simple\n", encoding="utf-8")
    (papers / "raft.yml").write_text(
        "id: raft\ntitle: In Search of an Understandable Consensus Algorithm\nrelated: [paxos]\n",
        encoding="utf-8",
    )
    gitrepo.git(tmp_path, "init", "-q")
    gitrepo.git(tmp_path, "add", "content")
    gitrepo.git(tmp_path, "commit", "-q", "-m", "the list")
    commit = gitrepo.git(tmp_path, "rev-parse", "--short", "HEAD").strip()
    assert _problems(tmp_path) == []
    path = _rename(papers, "paxos", "paxos-made-simple")
    told = (
        "content/papers/raft.yml:3:11: no paper 'paxos': it was renamed to 'paxos-made-simple'"
        f" (git's copy of paxos.yml at {commit} is that paper); write 'paxos-made-simple', and"
        " add 'formerly: [paxos]' to paper 'paxos-made-simple' so the old address papers/paxos/"
        " leads there and readers' marks follow"
    )
    assert _problems(tmp_path) == [told]
    # Committed, the rename is told the same (the copy is in the commit before it).
    gitrepo.git(tmp_path, "add", "-A", "content")
    gitrepo.git(tmp_path, "commit", "-q", "-m", "rename")
    assert _problems(tmp_path) == [told]
    # With 'formerly:', the reference alone is left to fix.
    _edit(path, "id: paxos-made-simple\n", "id: paxos-made-simple\nformerly: [paxos]\n")
    assert _problems(tmp_path) == [
        "content/papers/raft.yml:3:11: no paper 'paxos': it was renamed to 'paxos-made-simple';"
        " write 'paxos-made-simple'"
    ]
    # An id git never had a file of is a typo, as before; and so is one whose file git
    # had holding none of any paper's title, arXiv id, DOI or abstract (deleted).
    _edit(papers / "raft.yml", "related: [paxos]", "related: [paxo-made-simple, deleted]")
    (papers / "deleted.yml").write_text("id: deleted\ntitle: Gone\n", encoding="utf-8")
    gitrepo.git(tmp_path, "add", "-A", "content")
    gitrepo.git(tmp_path, "commit", "-q", "-m", "one more")
    (papers / "deleted.yml").unlink()
    assert _problems(tmp_path) == [
        "content/papers/raft.yml:3:11: unknown paper 'paxo-made-simple' (did you mean"
        " 'paxos-made-simple'?)",
        "content/papers/raft.yml:3:29: unknown paper 'deleted'" + NO_SUCH_PAPER,
    ]
