"""`import --restore ID` brings back the curator's own file when git still has it.

The importer's record keeps only digests of a deleted paper; restored from a listing
alone, the paper would lose what its curator wrote by hand (topics, notes, comments). In
a project kept in git the file's last text is in the commit before the deletion (or in
HEAD, while the deletion is not committed): that file comes back, and the input merges
into it as a re-import merges into any file.
"""

import datetime as dt
import json
from pathlib import Path

from generator.cli import main
from generator.errors import Location
from generator.importer import import_records
from generator.ingest import Record
from tests import gitrepo

DAY = dt.date(2026, 1, 2)
TITLE = "Deep Safe Multi-Task Learning"
ABSTRACT = "We propose a safe multi-task learning model that never does worse than learning each task alone."

# The file as the curator left it: the import's, then edited by hand (a comment, a
# topic, a status and notes).
EDITED = (
    "# yaml-language-server: $schema=../schema/paper.schema.json\n"
    "id: deep-safe-multi-task-learning\n"
    "title: Deep Safe Multi-Task Learning\n"
    "authors: []\n"
    "links:\n"
    "  code: []\n"
    "  project: []\n"
    "  paper: []\n"
    "  pdf: []\n"
    "topics: [multi-task-learning]  # ours: the rules missed it\n"
    "exclude_topics: []\n"
    "tags: []\n"
    "status: must-read\n"
    "added: 2026-01-02\n"
    "related: []\n"
    "notes: |\n"
    "  Read section 3 first.\n"
    "abstract: >-\n"
    "  We propose a safe multi-task learning model that never does worse than learning each\n"
    "  task alone.\n"
)


def git(cwd: Path, *args: str) -> str:
    return gitrepo.git(cwd, *args).strip()


def rec(title=TITLE, abstract=ABSTRACT, line=1, **fields):
    return Record(title=title, abstract=abstract, source=Location("listing.txt", line, 1), **fields)


def project(tmp_path: Path) -> tuple[Path, Path]:
    """A git project whose paper was imported, edited by hand and committed; its file
    is then deleted in the work tree (not committed)."""
    content = tmp_path / "content"
    import_records([rec(), rec("Other Paper", "Another abstract.", line=3)], content, added=DAY)
    paper = content / "papers" / "deep-safe-multi-task-learning.yml"
    # The import wrote EDITED but for the hand edits: the test's starting point is right.
    assert paper.read_text() == (
        EDITED.replace("topics: [multi-task-learning]  # ours: the rules missed it", "topics: []")
        .replace("status: must-read\n", "").replace("notes: |\n  Read section 3 first.\n", "")
    )
    paper.write_text(EDITED)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "the list")
    paper.unlink()
    return content, paper


def test_a_deletion_not_yet_committed_restores_the_file_from_head(tmp_path):
    content, paper = project(tmp_path)
    import_records([rec()], content, added=DAY)  # the import that marks it deleted
    report = import_records([rec()], content, added=dt.date(2030, 1, 1), restore=[paper.stem])
    assert (report.added, report.restored, report.warnings) == ([paper.stem], [paper.stem], [])
    assert report.restored_from == {paper.stem: git(tmp_path, "rev-parse", "--short", "HEAD")}
    assert paper.read_text() == EDITED  # the hand edits, the comment and the added date
    record = json.loads((content / "sources" / "imported.json").read_text())["papers"]
    assert "deleted" not in json.dumps(record[paper.stem])
    # It is an ordinary paper again: the next import finds it unchanged.
    again = import_records([rec()], content, added=DAY)
    assert (again.unchanged, again.removed) == ([paper.stem], [])


def test_a_committed_deletion_restores_the_file_its_parent_had_and_the_input_fills_it(tmp_path):
    content, paper = project(tmp_path)
    git(tmp_path, "commit", "-q", "-a", "-m", "remove the paper")
    before = git(tmp_path, "rev-parse", "--short", "HEAD^")
    (tmp_path / "later.txt").write_text("a later commit\n")
    git(tmp_path, "add", "later.txt")
    git(tmp_path, "commit", "-q", "-m", "later")
    # The restoring source gives a year and an arXiv id the file lacks: filled, in place.
    report = import_records(
        [rec(year="2021", arxiv="2111.10603")], content, added=dt.date(2030, 1, 1),
        restore=[paper.stem],
    )
    assert (report.added, report.restored, report.restored_from) == (
        [paper.stem], [paper.stem], {paper.stem: before}
    )
    assert paper.read_text() == EDITED.replace(
        "authors: []\n", 'authors: []\nyear: 2021\narxiv: "2111.10603"\n'
    )


def test_a_title_the_curator_changed_stays_and_the_sources_title_is_no_conflict(tmp_path):
    content, paper = project(tmp_path)
    paper.write_text(EDITED.replace("title: Deep Safe Multi-Task Learning", "title: Deep Safe MTL"))
    git(tmp_path, "commit", "-q", "-a", "-m", "retitled")
    paper.unlink()
    git(tmp_path, "commit", "-q", "-a", "-m", "removed")
    report = import_records([rec()], content, added=DAY, restore=[paper.stem])
    assert report.restored == [paper.stem] and report.conflicts == []
    assert "title: Deep Safe MTL\n" in paper.read_text()


def test_the_command_says_where_the_file_came_from(tmp_path, capsys):
    content, paper = project(tmp_path)
    listing = tmp_path / "listing.bib"
    listing.write_text(f"@misc{{a,\n  title = {{{TITLE}}},\n  abstract = {{{ABSTRACT}}},\n}}\n")
    args = ["--root", str(tmp_path), "import", "--no-keep-source", str(listing)]
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n")
    assert main(args + ["--restore", paper.stem]) == 0
    head = git(tmp_path, "rev-parse", "--short", "HEAD")
    out, err = capsys.readouterr()
    assert out.splitlines()[0] == (
        f"restored {paper.stem}: its file as git's commit {head} had it, with what the input adds"
    )
    assert err == ""
    assert paper.read_text() == EDITED


def test_without_git_the_restore_says_the_hand_edits_are_not_back(tmp_path, capsys):
    content = tmp_path / "content"
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n")
    import_records([rec()], content, added=DAY)
    paper = content / "papers" / "deep-safe-multi-task-learning.yml"
    paper.unlink()
    listing = tmp_path / "listing.bib"
    listing.write_text(f"@misc{{a,\n  title = {{{TITLE}}},\n  abstract = {{{ABSTRACT}}},\n}}\n")
    # Said even with -q, which README's recipe for bringing back a paper uses.
    args = ["--root", str(tmp_path), "import", "-q", "--no-keep-source", str(listing)]
    assert main(args + ["--restore", paper.stem]) == 0
    assert capsys.readouterr().err == (
        f"{paper}: warning: restored {paper.stem} from the input alone: git has no earlier copy"
        " of this file (the project is not in git, or the file was never committed), so what"
        " you had written in it by hand (topics:, notes:, ...) is not back; copy that from a"
        " backup if it had any\n"
    )
    assert paper.exists()


def test_a_copy_in_git_holding_another_paper_is_not_restored(tmp_path):
    content, paper = project(tmp_path)
    import_records([rec()], content, added=DAY)  # the deletion recorded
    # The curator's own paper under the freed id, committed, then deleted too: git's last
    # copy is that paper, not the deleted one.
    paper.write_text("id: deep-safe-multi-task-learning\ntitle: Our Own Paper\n")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "our own paper")
    paper.unlink()
    git(tmp_path, "commit", "-q", "-a", "-m", "removed")
    copy = git(tmp_path, "rev-parse", "--short", "HEAD^")
    report = import_records([rec()], content, added=DAY, restore=[paper.stem])
    assert report.restored == [paper.stem] and report.restored_from == {}
    assert [str(w) for w in report.warnings] == [
        f"{paper}: warning: restored {paper.stem} from the input alone: git's last copy of"
        f" this file (commit {copy}) is not a paper file holding this paper's title, arXiv"
        " id, DOI or abstract, so what you had written in it by hand (topics:, notes:, ...)"
        " is not back; copy that from a backup if it had any"
    ]
    assert "Our Own Paper" not in paper.read_text()


def test_nothing_of_git_is_written_when_no_record_is_the_paper(tmp_path):
    content, paper = project(tmp_path)
    report = import_records([rec("Other Paper", "Another abstract.")], content, added=DAY,
                            restore=[paper.stem])
    assert report.restored == [] and not paper.exists()
