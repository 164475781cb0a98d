"""`readinglist init`: a lab's copy of the repository made a list of its own, README's
"Starting your own list" in one command, and never at the cost of what a curator wrote.

Most tests run on a small stand-in for the shipped example (two papers, one topic, the
example's listing, and a record of them in place of the package's
generator/data/example-list.txt), so they hold on a lab's own list too; the one on the
shipped example itself, with the package's record, is marked as the example's."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator.cli import main
from generator.commands import init as init_command
from generator.quoting import quoted
from generator.ownlist import NotEditable, string_values, with_values, without_topics

from .example_list import MANIFEST
from .gitrepo import GIT_ENV, git

REPO = Path(__file__).resolve().parents[1]
LISTING = "content/sources/000_19bd02ae25786342.txt"
COMMENT = "# Topics of the list.\n# How keywords match: by stems.\n"
TOPICS = COMMENT + "topics:\n  - id: tasks\n    title: Tasks\n    keywords:\n      task: 1\n"
MKDOCS = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
PACKAGE_RECORD = init_command.EXAMPLE_RECORD  # (before a test puts the stand-in's in its place)


def mkdocs_load(text: str) -> dict:
    """mkdocs.yml as MkDocs reads it (its !ENV tags)."""
    from mkdocs.utils.yaml import yaml_load

    return yaml_load(text)


def project(root: Path, *, in_git: bool = True) -> Path:
    """A stand-in for a fresh copy of the repository holding the example, committed."""
    files = {
        "mkdocs.yml": MKDOCS,
        "content/papers/first-paper.yml": "id: first-paper\ntitle: First Paper\n",
        "content/papers/second-paper.yml": "id: second-paper\ntitle: Second Paper\n",
        "content/topics.yml": TOPICS,
        LISTING: "the example's listing\n",
        "content/sources/imported.json": '{"format": 1, "papers": {}}\n',
        "content/pages/index.md": "# Learning across tasks: a reading list\n\nPapers.\n",
        "content/pages/about.md": "# About\n",
        "content/pages/contributing.md": "# Contributing\n",
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    (root / "overrides").mkdir()  # (the theme folder mkdocs.yml names: check says one missing)
    if in_git:
        git(root, "init", "-q")
        git(root, "add", "-A")
        git(root, "commit", "-q", "-m", "a fresh clone")
    return root


def snapshot(root: Path) -> dict[str, object]:
    """Every file's bytes (git's own folder but its index aside), and what git says."""
    files: dict[str, object] = {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*")) if p.is_file() and ".git" not in p.relative_to(root).parts
    }  # fmt: skip
    if (root / ".git").exists():
        files["(git status)"] = git(root, "status", "--porcelain", "--untracked-files=all")
    return files


def init(root: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["--root", str(root), "init", *args])
    said = capsys.readouterr()
    return status, said.out, said.err


def refused(root: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    """The lines init says on stderr as it refuses: exit 1, nothing on stdout, nothing
    changed."""
    before = snapshot(root)
    status, out, err = init(root, capsys, "--name", "Smith Lab")
    assert (status, out) == (1, "")
    assert snapshot(root) == before
    return err.splitlines()


@pytest.fixture(autouse=True)
def _git_identity(monkeypatch):
    for name, value in GIT_ENV.items():
        if name != "PATH":
            monkeypatch.setenv(name, value)


@pytest.fixture(autouse=True)
def _stand_in_record(request, tmp_path_factory, monkeypatch):
    """The stand-in's record in place of the package's (but for a test of the shipped
    example itself, which init tells by the package's)."""
    if request.node.get_closest_marker("example") is None:
        record = tmp_path_factory.mktemp("record") / "example-list.txt"
        record.write_text("paper first-paper\npaper second-paper\ntopic tasks\n", encoding="utf-8")
        monkeypatch.setattr(init_command, "EXAMPLE_RECORD", record)


def test_init_removes_the_example_with_git_and_names_the_site(tmp_path, capsys):
    root = project(tmp_path)
    before = snapshot(root)
    status, out, err = init(root, capsys, "--name", "Smith Lab: 'what we read'", "--description", "Our # papers.")
    assert (status, err) == (0, "")

    assert sorted(p.name for p in (root / "content" / "papers").iterdir()) == []  # (kept, empty)
    assert not (root / "content" / "sources").exists()
    # Through git: deleted in its index, so `git status` shows them and git brings them back.
    assert git(root, "status", "--porcelain", "--", "content/papers", "content/sources").splitlines() == [
        "D  content/papers/first-paper.yml", "D  content/papers/second-paper.yml",
        "D  content/sources/000_19bd02ae25786342.txt", "D  content/sources/imported.json",
    ]  # fmt: skip
    assert (root / "content" / "topics.yml").read_text() == COMMENT + "topics: []\n"
    # mkdocs.yml: only the two values' lines changed, reading back as given.
    config = (root / "mkdocs.yml").read_text()
    changed = [(a, b) for a, b in zip(MKDOCS.splitlines(), config.splitlines(), strict=True) if a != b]
    assert [b for _, b in changed] == [
        'site_name: "Smith Lab: \'what we read\'"', 'site_description: "Our # papers."',
    ]
    loaded = mkdocs_load(config)
    assert (loaded["site_name"], loaded["site_description"]) == ("Smith Lab: 'what we read'", "Our # papers.")
    for page in ("index.md", "about.md", "contributing.md"):  # (the hand pages stay)
        assert (root / "content" / "pages" / page).read_bytes() == before[f"content/pages/{page}"]

    lines = out.splitlines()
    assert lines[0] == "Your own list is started, from the shipped example:"
    # (curator: "removed 180 paper files of content/papers/ and content/sources/ (…)" read
    # as 180 files of both folders: each folder is said with what of it was removed)
    assert lines[1] == (
        "- removed the 2 paper files of content/papers/, and 000_19bd02ae25786342.txt and"
        " imported.json of content/sources/, with git rm: `git status` shows them deleted; until you commit,"
        " `git checkout HEAD -- content/papers content/sources content/topics.yml` brings the example back"
    )
    assert lines[2] == "- content/topics.yml: its 1 topic removed, its comment on how topics match kept"
    next_steps = "\n".join(lines[lines.index("Next:"):])
    for step in ("about.md, contributing.md, index.md (the home page's introduction)", "content/topics.yml",
                 "readinglist import my-lab.bib", "readinglist add ID", "readinglist check"):  # fmt: skip
        assert step in next_steps
    # The file it names to import is the one README's "Starting your own list" names.
    (named,) = re.findall(r"readinglist import (\S+)", next_steps)
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    assert f"readinglist import {named} " in readme
    # (topics pasted under the 'topics: []' it leaves, as README's example shows them under
    # 'topics:', were a YAML syntax error at each topic, '[]' unnamed)
    assert "write your topics in content/topics.yml in place of its '[]', under 'topics:'" in next_steps
    # In README's order: the papers first, whose ids the topics' reading orders name.
    steps = [line.split(" ", 1)[1] for line in next_steps.splitlines()[1:]]
    assert [s.split(" ", 2)[:2] for s in steps] == [["bring", "in"], ["write", "your"], ["rewrite", "the"],
                                                     ["readinglist", "check,"]]  # fmt: skip

    # The way back it gives brings the example back as it was.
    (undo,) = re.findall(r"`(git checkout HEAD -- [^`]+)`", out)
    git(root, *undo.split()[1:])
    assert {k: v for k, v in snapshot(root).items() if k not in ("mkdocs.yml", "(git status)")} == {
        k: v for k, v in before.items() if k not in ("mkdocs.yml", "(git status)")
    }


def test_init_outside_a_git_work_tree_moves_the_files_aside_and_says_so(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))  # (were tmp_path in a repository)
    root = project(tmp_path / "copy", in_git=False)
    before = {k: v for k, v in snapshot(root).items() if k.startswith(("content/papers/", "content/sources/"))}
    status, out, err = init(root, capsys, "--name", "Smith Lab")
    assert (status, err) == (0, "")
    assert "- removed the 2 paper files of content/papers/, and 000_19bd02ae25786342.txt and" \
        " imported.json of content/sources/, moved into example-removed/ (not a git work tree): delete that folder once you are sure\n" in out
    assert list((root / "content" / "papers").iterdir()) == [] and not (root / "content" / "sources").exists()
    # No git to bring back a shipped file edited in place: each is kept, byte for byte.
    assert before and {path: (root / "example-removed" / path).read_bytes() for path in before} == before
    assert mkdocs_load((root / "mkdocs.yml").read_text())["site_name"] == "Smith Lab"


def test_init_without_a_description_describes_the_lab_s_list_not_the_example(tmp_path, capsys):
    # (curator: the example's site_description stayed in the lab's mkdocs.yml, its
    # pages' meta description; and an upstream edit of that line, the lab's file not
    # having touched it, merged into the lab's site unseen)
    root = project(tmp_path)
    example = mkdocs_load(MKDOCS)["site_description"]
    status, out, err = init(root, capsys, "--name", "Smith Lab: ours.")
    assert (status, err) == (0, "")
    config = (root / "mkdocs.yml").read_text()
    changed = [(a, b) for a, b in zip(MKDOCS.splitlines(), config.splitlines(), strict=True) if a != b]
    assert [b for _, b in changed] == ['site_name: "Smith Lab: ours."', 'site_description: "Smith Lab: ours — research papers, by topic."']
    assert example not in config
    assert (
        "- mkdocs.yml: site_name set to 'Smith Lab: ours.', site_description to 'Smith Lab: ours — research papers,"
        " by topic.' (set your own with --description, or in mkdocs.yml)\n"
    ) in out


def test_init_outside_git_keeps_the_topics_as_they_were_and_names_no_git_command(tmp_path, capsys, monkeypatch):
    # (a copy downloaded as a ZIP file: a shipped topic's keywords edited in place, same
    # id, were emptied for good with no git to bring them back, where the papers were
    # moved aside; and the last step said to `git add` and `git commit` there)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    root = project(tmp_path / "copy", in_git=False)
    _edit_topics(root)
    status, out, err = init(root, capsys, "--name", "Smith Lab")
    assert (status, err) == (0, "")
    assert (root / "content" / "topics.yml").read_text() == COMMENT + "topics: []\n"
    assert (root / "example-removed" / "content" / "topics.yml").read_text() == TOPICS + "    threshold: 2\n"
    assert "- content/topics.yml: its 1 topic removed (the file as it was kept in example-removed/)," \
        " its comment on how topics match kept\n" in out
    assert "git " not in out.split("Next:", 1)[1]


def test_init_outside_git_refuses_a_folder_of_removed_files_already_there(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    root = project(tmp_path / "copy", in_git=False)
    (root / "example-removed").mkdir()
    (root / "example-removed" / "mine.txt").write_text("kept")
    before = snapshot(root)
    status, out, err = init(root, capsys, "--name", "Smith Lab")
    assert status == 1 and "example-removed: init moves the example's files here outside git" in err
    assert snapshot(root) == before


def test_topics_pasted_under_the_empty_list_init_leaves_are_one_error_at_its_brackets(tmp_path, capsys):
    # (README's example shows topics under 'topics:'; pasted under init's 'topics: []',
    # check said each topic's first line was 'not indented like the lines around it')
    root = project(tmp_path)
    assert init(root, capsys, "--name", "Smith Lab")[0] == 0
    topics = root / "content" / "topics.yml"
    topics.write_text(topics.read_text() + "  - id: a\n    title: A\n  - id: b\n    title: B\n")
    line = topics.read_text().splitlines().index("topics: []") + 1
    assert main(["--root", str(root), "check"]) == 1
    errors = [text for text in capsys.readouterr().out.splitlines() if ": warning: " not in text][:-1]
    assert errors == [
        f"content/topics.yml:{line}:9: YAML syntax error: 'topics: []' is an empty list, so the items"
        " under it cannot be read: to list them there, write 'topics:' alone, without '[]'"
    ]


OWN = "content/ is already a list of your own (the shipped example's listing content/sources/000_19bd02ae25786342.txt is gone)"


def test_a_second_init_with_the_same_names_says_the_list_is_your_own_and_changes_nothing(tmp_path, capsys):
    root = project(tmp_path)
    assert init(root, capsys, "--name", "Smith Lab", "--description", "Our papers.")[0] == 0
    after = snapshot(root)
    for again in (["--name", "Smith Lab"], ["--name", "Smith Lab", "--description", "Our papers."]):
        assert init(root, capsys, *again) == (0, f"{OWN}: nothing was changed.\n", "")
        assert snapshot(root) == after


def test_a_second_init_with_another_name_sets_only_that_and_says_what_it_changed(tmp_path, capsys):
    # (a lab renaming its list was told the list is its own and nothing changed, and to
    # edit mkdocs.yml by hand)
    root = project(tmp_path)
    assert init(root, capsys, "--name", "Smith Lab", "--description", "Our papers.")[0] == 0
    (root / "content" / "papers" / "ours.yml").write_text("id: ours\ntitle: Ours\n")  # (a paper of its own)
    before = snapshot(root)
    config = (root / "mkdocs.yml").read_text()
    status, out, err = init(root, capsys, "--name", "Jones Lab: 'ours'")
    assert (status, err) == (0, "")
    assert out.splitlines() == [
        f"{OWN}: only its names were changed, in mkdocs.yml:",
        """- site_name set to "Jones Lab: 'ours'" (was 'Smith Lab')""",
    ]
    # Only site_name's line, quoted so that it reads back as given; the rest as it was.
    assert (root / "mkdocs.yml").read_text() == config.replace(
        "site_name: Smith Lab\n", 'site_name: "Jones Lab: \'ours\'"\n'
    )
    assert mkdocs_load((root / "mkdocs.yml").read_text())["site_name"] == "Jones Lab: 'ours'"
    assert {k: v for k, v in snapshot(root).items() if k not in ("mkdocs.yml", "(git status)")} == {
        k: v for k, v in before.items() if k not in ("mkdocs.yml", "(git status)")
    }

    # The description alone, the name given as it is.
    status, out, err = init(root, capsys, "--name", "Jones Lab: 'ours'", "--description", "Yes")
    assert (status, err) == (0, "")
    assert out.splitlines()[1:] == ["- site_description set to 'Yes' (was 'Our papers.')"]
    loaded = mkdocs_load((root / "mkdocs.yml").read_text())
    assert (loaded["site_name"], loaded["site_description"]) == ("Jones Lab: 'ours'", "Yes")


def test_a_second_init_with_only_a_description_sets_it_and_keeps_the_name(tmp_path, capsys):
    # (curator following README, "run again with another --name (or --description)":
    # `init --description TEXT` stopped with argparse's "the following arguments are
    # required: --name")
    root = project(tmp_path)
    assert init(root, capsys, "--name", "Smith Lab")[0] == 0
    was = mkdocs_load((root / "mkdocs.yml").read_text())["site_description"]
    status, out, err = init(root, capsys, "--description", "Papers we read.")
    assert (status, err) == (0, "")
    assert out.splitlines()[1:] == [f"- site_description set to 'Papers we read.' (was {was!r})"]
    loaded = mkdocs_load((root / "mkdocs.yml").read_text())
    assert (loaded["site_name"], loaded["site_description"]) == ("Smith Lab", "Papers we read.")
    # Neither: nothing to set, said so, nothing changed.
    before = snapshot(root)
    assert init(root, capsys) == (
        1, "", f"readinglist init: {OWN}: give --name NAME or --description TEXT to set mkdocs.yml's site_name or site_description\n"
    )
    assert snapshot(root) == before


def test_a_first_init_without_a_name_asks_for_one_and_changes_nothing(tmp_path, capsys):
    root = project(tmp_path)
    before = snapshot(root)
    assert init(root, capsys, "--description", "Papers we read.") == (
        1, "", "readinglist init: mkdocs.yml's site_name is still the shipped example's ('Learning across tasks:"
        " a reading list'): give your list's name with --name NAME (mkdocs.yml's site_name, every page's title);"
        " nothing was changed\n",
    )
    assert snapshot(root) == before


def test_a_second_init_refuses_a_mkdocs_yml_it_cannot_edit_and_changes_nothing(tmp_path, capsys):
    root = project(tmp_path)
    assert init(root, capsys, "--name", "Smith Lab")[0] == 0
    (root / "mkdocs.yml").write_text("{site_name: Smith Lab, nav: []}\n")
    before = snapshot(root)
    assert init(root, capsys, "--name", "Smith Lab") == (0, f"{OWN}: nothing was changed.\n", "")
    status, out, err = init(root, capsys, "--name", "Jones Lab")
    assert (status, out) == (1, "")
    assert err.splitlines() == [
        "mkdocs.yml: cannot be edited safely (its settings are not a mapping of one key a line): write each"
        " setting on a line of its own (site_name: NAME), or set site_name there by hand",
        f"readinglist init: {OWN}, and nothing was changed",
    ]
    assert snapshot(root) == before


@pytest.mark.parametrize(("text", "expected"), [
    ("site_name: A\nsite_name: B\nnav: []\n", {"site_name": "B"}),  # (MkDocs reads the last)
    ('site_name: "1.5"\nsite_description: 1.5\nx: yes\n', {"site_name": "1.5"}),  # (YAML's number, true)
    ("site_name: !ENV [NAME, Lab]\nsite_url: !ENV SITE\n", {}),  # (a tag: not a string as written)
    ("- a list\n", {}), ("site_name: [A\n", {}),
])  # fmt: skip
def test_string_values_are_the_settings_yaml_reads_as_strings(text, expected):
    assert string_values(text) == expected


def _edit(root: Path) -> None:
    path = root / "content" / "papers" / "first-paper.yml"
    path.write_text(path.read_text() + "notes: Read it twice.\n")


def _add(root: Path) -> None:
    (root / "content" / "papers" / "our-paper.yml").write_text("id: our-paper\ntitle: Ours\n")


def _add_committed(root: Path) -> None:
    _add(root)
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "our paper")


def _delete(root: Path) -> None:
    (root / "content" / "papers" / "second-paper.yml").unlink()


def _edit_committed(root: Path) -> None:
    # (a committed edit is in git's history, but a topic of one's own is no example's)
    (root / "content" / "topics.yml").write_text(TOPICS.replace("id: tasks", "id: our-topic"))
    git(root, "commit", "-q", "-am", "our topic")


def _edit_topics(root: Path) -> None:
    (root / "content" / "topics.yml").write_text(TOPICS + "    threshold: 2\n")


def _source(root: Path) -> None:
    (root / "content" / "sources" / "my-lab.bib").write_text("@article{x, title={Ours}}\n")


def _staged(root: Path) -> None:
    _edit(root)
    git(root, "add", "content/papers/first-paper.yml")


@pytest.mark.parametrize(("change", "said"), [
    (_edit, "content/papers/first-paper.yml: changed since git's last commit"),
    (_staged, "content/papers/first-paper.yml: changed since git's last commit"),
    (_add, "content/papers/our-paper.yml: not one of the shipped example's papers; new since git's last commit"),
    (_add_committed, "content/papers/our-paper.yml: not one of the shipped example's papers"),
    (_delete, "content/papers/second-paper.yml: one of the shipped example's papers, gone;"
              " deleted since git's last commit"),
    (_edit_topics, "content/topics.yml: changed since git's last commit"),
    (_edit_committed, "content/topics.yml: its topics are not the shipped example's 1 topic (1 other, 1 missing)"),
    (_source, "content/sources/my-lab.bib: a source of yours, not the example's; new since git's last commit"),
])  # fmt: skip
def test_init_refuses_a_list_not_the_example_as_shipped_and_changes_nothing(tmp_path, capsys, change, said):
    root = project(tmp_path)
    change(root)
    err = refused(root, capsys)
    assert err[0] == said
    assert err[-1].startswith("readinglist init: nothing was changed: init removes only the shipped example as")
    assert "delete the shipped papers you do not want, and the example's listing" in err[-1]  # (what to do)


def _import(root: Path) -> None:
    # (what `readinglist import my-lab.bib` run before init leaves: new paper files, the
    # file kept as a source, the record grown)
    _add(root)
    _source(root)
    (root / "content" / "sources" / "imported.json").write_text('{"format": 1, "papers": {"our-paper": {}}}\n')


@pytest.mark.parametrize("change", [_import, _edit, _delete])
def test_a_change_since_the_last_commit_is_refused_with_the_git_command_that_sets_it_aside(tmp_path, capsys, change):
    # (a lab that imported its papers first, then ran init, was told to "undo the changes
    # above" file by file, or move them out of content/: one git command keeps them all)
    root = project(tmp_path)
    change(root)
    said = refused(root, capsys)[-1]
    (aside,) = re.findall(r"`(git stash [^`]+)`", said)
    assert ("import your file again" in said) == (change is _import)
    git(root, *aside.split()[1:])
    status, out, err = init(root, capsys, "--name", "Smith Lab")
    assert (status, err) == (0, "")
    assert git(root, "stash", "list").count("\n") == 1  # (what was set aside, kept)


def test_a_committed_change_is_refused_without_a_stash_it_would_not_set_aside(tmp_path, capsys):
    root = project(tmp_path)
    _add_committed(root)
    assert "git stash" not in refused(root, capsys)[-1]


def test_init_outside_git_refuses_a_paper_of_yours(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    root = project(tmp_path / "copy", in_git=False)
    _add(root)
    assert refused(root, capsys)[0] == "content/papers/our-paper.yml: not one of the shipped example's papers"


def test_init_runs_in_a_copy_without_tests(tmp_path, capsys, monkeypatch):
    # (a lab that deleted tests/ from its copy was refused: init read the record of the
    # example's ids from tests/data/; the package keeps it now.) The stand-in holds the
    # ids the package's record does, and no tests/.
    monkeypatch.setattr(init_command, "EXAMPLE_RECORD", PACKAGE_RECORD)
    recorded = [line.split(" ", 1) for line in PACKAGE_RECORD.read_text(encoding="utf-8").splitlines()]
    root = project(tmp_path, in_git=False)
    (root / "content" / "papers" / "first-paper.yml").unlink()
    (root / "content" / "papers" / "second-paper.yml").unlink()
    topics = "".join(f"  - id: {name}\n    title: T\n" for kind, name in recorded if kind == "topic")
    (root / "content" / "topics.yml").write_text(COMMENT + "topics:\n" + topics)
    for name in (name for kind, name in recorded if kind == "paper"):
        (root / "content" / "papers" / f"{name}.yml").write_text(f"id: {name}\ntitle: P\n")
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "a fresh clone, tests/ deleted")
    assert not (root / "tests").exists()
    status, out, err = init(root, capsys, "--name", "Smith Lab")
    assert (status, err) == (0, "")
    papers = sum(kind == "paper" for kind, _ in recorded)
    assert out.startswith("Your own list is started, from the shipped example:\n"
                          f"- removed the {papers} paper files of content/papers/, and")  # fmt: skip
    assert not list((root / "content" / "papers").iterdir())


def test_init_tells_the_example_by_the_packages_record_the_tests_keep_in_step_with_content():
    # (package data, in pyproject.toml's package-data: an installed readinglist has it;
    # tests/example_list.py holds content/ to it, or the tests stop)
    assert Path(str(PACKAGE_RECORD)) == MANIFEST == REPO / "generator" / "data" / "example-list.txt"


def test_init_refuses_without_the_packages_record_of_the_example(tmp_path, capsys, monkeypatch):
    # (an install that lost it: nothing the curator can restore)
    monkeypatch.setattr(init_command, "EXAMPLE_RECORD", tmp_path / "gone" / "example-list.txt")
    root = project(tmp_path / "a")
    err = refused(root, capsys)
    assert err[0].startswith(f"{tmp_path / 'gone' / 'example-list.txt'}: missing: init tells the shipped example")
    assert err[0].endswith("cannot without it: install readinglist again")
    assert err[1:] == ["readinglist init: nothing was changed"]


def test_init_refuses_a_git_work_tree_without_a_commit(tmp_path, capsys):
    root = project(tmp_path / "b", in_git=False)
    git(root, "init", "-q")  # (no commit: git could bring nothing back)
    err = refused(root, capsys)
    assert err[0].startswith(".: a git work tree with no commit yet: commit the copy first")
    assert err[1:] == ["readinglist init: nothing was changed"]


@pytest.mark.parametrize("value", ["Smith Lab\nreading list", "Smith Lab\n", "Smith Lab\u2028list"])
@pytest.mark.parametrize("option", ["--name", "--description"])
def test_a_name_or_description_over_two_lines_is_refused(tmp_path, capsys, option, value):
    # (a quote closed a line late in the shell: the site's title, every page's, took the
    # line break, and nothing said so)
    root = project(tmp_path)
    before = snapshot(root)
    status, out, err = init(root, capsys, "--name", "Smith Lab", option, value)
    assert (status, out) == (1, "")
    assert err == f"readinglist init: {option} has a line break: give it on one line\n"
    assert snapshot(root) == before


@pytest.mark.parametrize("option, value, key", [
    ("--name", "<b>Smith</b> Lab", "site_name"), ("--description", 'The "Smith" Lab', "site_description"),
])
def test_a_name_or_description_the_pages_would_read_as_markup_is_refused(tmp_path, capsys, option, value, key):
    # (Material writes both into every page's HTML unescaped: check refuses them in
    # mkdocs.yml, and init wrote them there.)
    root = project(tmp_path)
    before = snapshot(root)
    status, out, err = init(root, capsys, "--name", "Smith Lab", option, value)
    assert (status, out) == (1, "")
    assert err.startswith(f"readinglist init: {option}: {key!r} holds {value[0] if value[0] == '<' else chr(34)!r}, ")
    assert snapshot(root) == before


def test_init_outside_a_project_says_where_to_run_it(tmp_path, capsys):
    root = project(tmp_path / "lab")
    status, out, err = init(root / "content" / "papers", capsys, "--name", "Smith Lab")
    assert (status, out) == (1, "")
    # (--root names it: the project is what --root should name.)
    assert "has no mkdocs.yml and content/: --root must name the project folder" in err
    assert f"(this folder is inside the project {root}, which --root should name)" in err
    assert (root / LISTING).exists()


def test_readinglist_help_lists_init():
    done = subprocess.run([sys.executable, "-m", "generator", "--help"], cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0 and "    init       start your own list in this copy" in done.stdout


# The name a curator gives, as mkdocs.yml then holds it: a colon, quotes, '#', a leading
# '*' or '-', words YAML reads as true or null, a number, spaces at either end, any script.
NAMES = [
    "Smith Lab reading list", "Smith Lab: reading list", 'The "Smith" lab', "Smith's lab", "C# readers",
    "Lab #1", "*starred*", "- a list", "yes", "null", "1.5", " padded ", "Ünïcode — 研究室 📚",
    "back\\slash", "{braces}", "[brackets]", "&anchor", "!tag", "%percent", "@at", "`tick`", "a: b # c",
]  # fmt: skip


@pytest.mark.parametrize("name", NAMES)
def test_a_name_reads_back_as_given_with_the_rest_of_mkdocs_yml_as_it_was(name):
    config = with_values(MKDOCS, {"site_name": name})
    assert mkdocs_load(config)["site_name"] == name
    assert yaml.safe_load(config.split("\n", 4)[3]) == {"site_name": name}  # (its own line)
    # Every other line as it was. (Found by its key, not by the example's name: on a
    # lab's list, whose mkdocs.yml init gave the lab's name, that name is not there.)
    old, new = MKDOCS.splitlines(), config.splitlines()
    at = next(i for i, line in enumerate(old) if line.startswith("site_name:"))
    assert len(new) == len(old) and new[:at] + new[at + 1 :] == old[:at] + old[at + 1 :]
    assert yaml.safe_load(new[at]) == {"site_name": name}


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=40))
@example("\u2028x\x85y\ufeff")
def test_any_name_reads_back_as_given(name):
    assert mkdocs_load(with_values(MKDOCS, {"site_name": name, "site_description": name}))["site_name"] == name


NEW = {"site_name": "New"}
BOTH = {"site_name": "New", "site_description": "A: b"}


@pytest.mark.parametrize(("text", "values", "expected"), [
    # a comment after the value stays; a key the file lacks comes after the one before it
    ("site_name: Old  # ours\nnav: []\n", BOTH, 'site_name: New  # ours\nsite_description: "A: b"\nnav: []\n'),
    # an empty value; a file whose last line has no line break, a key added after it
    ("nav: []\nsite_name:", BOTH, 'nav: []\nsite_name: New\nsite_description: "A: b"\n'),
    # a block scalar over two lines; another key's tag left as written
    ("site_name: >-\n  Old\n  name\nicon: !!python/name:x.y\n", NEW, "site_name: New\nicon: !!python/name:x.y\n"),
    # no site_name at all: above the first key, under the leading comment
    ("# The site.\nnav: []\n", NEW, "# The site.\nsite_name: New\nnav: []\n"),
    # written twice (MkDocs reads the last): both
    ("site_name: A\nsite_name: B\n", NEW, "site_name: New\nsite_name: New\n"),
])  # fmt: skip
def test_values_are_set_where_the_file_has_them(text, values, expected):
    assert with_values(text, values) == expected


@pytest.mark.parametrize("text", ["site_name: [Old\n", "- a list\n", "{site_name: Old}\n"])
def test_a_file_it_cannot_edit_safely_is_refused(text):
    with pytest.raises(NotEditable):
        with_values(text, {"site_name": "New"})


def test_topics_are_emptied_below_their_comment_as_the_awk_line_did():
    assert without_topics(TOPICS) == COMMENT + "topics: []\n"
    assert without_topics("topics: []\n") == "topics: []\n"
    assert without_topics("# no topics key\n") is None


# The shipped example itself: init, then check and a strict build of the list it leaves.
@pytest.mark.slow
@pytest.mark.example
def test_init_on_the_shipped_example_leaves_a_list_that_checks_and_builds(tmp_path, capsys):
    root = tmp_path / "lab"
    root.mkdir()
    for folder in ("content", "overrides"):
        shutil.copytree(REPO / folder, root / folder)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    # (No tests/: init tells the example by the package's record.)
    (root / "generator").symlink_to(REPO / "generator", target_is_directory=True)  # (the hook)
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "a fresh clone")
    # (A name with a colon of its own, described after a dash: rev118.)
    status, out, err = init(root, capsys, "--name", "Smith Lab: reading list")
    assert (status, err) == (0, "")
    # (The example's sources: its listing, what was found of its papers' ids, authors and
    # venues, and the import's record: all the example's, none a lab's own.)
    assert (
        "- removed the 180 paper files of content/papers/, and 000_19bd02ae25786342.txt,"
        " example-list-metadata.bib and imported.json of content/sources/"
    ) in out
    assert "- content/topics.yml: its 16 topics removed" in out
    shipped = (REPO / "content" / "topics.yml").read_text(encoding="utf-8")
    assert (root / "content" / "topics.yml").read_text() == shipped.split("\ntopics:\n", 1)[0] + "\ntopics: []\n"

    assert main(["--root", str(root), "check"]) == 0
    said = capsys.readouterr().out.splitlines()
    # Only what is left to do: the example's home page (site_name is the lab's now).
    assert said == [
        "content/pages/index.md:1:1: warning: the home page is still the shipped example's introduction"
        " (a list on learning across tasks); rewrite it for your list",
        "0 errors, 1 warning (0 papers and 0 topics loaded)",
    ]
    env = {**os.environ, "PYTHONPATH": str(REPO), "SOURCE_DATE_EPOCH": "1764374400"}
    env.pop("SITE_URL", None)
    done = subprocess.run([sys.executable, "-m", "generator", "build", "--strict", "-q"], cwd=root, env=env,
                          capture_output=True, text=True)  # fmt: skip
    assert done.returncode == 0, done.stderr
    home = (root / "site" / "index.html").read_text(encoding="utf-8")
    assert "<title>Smith Lab: reading list</title>" in home
    # The dash init wrote reaches every page's head as the character, not an entity or
    # its UTF-8 bytes read as Latin-1 ("\u00e2\u20ac\u201d"). (The feeds carry the
    # site's name, not its description.)
    described = "Smith Lab: reading list \u2014 research papers, by topic."
    assert f'<meta name="description" content="{described}">' in home
    assert f'<meta property="og:description" content="{described}">' in home
    assert "&mdash;" not in home and "\u00e2\u20ac" not in home
    assert not list((root / "site" / "papers").glob("*/index.html"))


def test_init_refuses_a_mkdocs_yml_it_cannot_edit_and_changes_nothing(tmp_path, capsys):
    root = tmp_path / "lab"
    project(root)
    (root / "mkdocs.yml").write_text("{site_name: Old, nav: []}\n")
    git(root, "commit", "-q", "-am", "one line")
    assert refused(root, capsys) == [
        "mkdocs.yml: cannot be edited safely (its settings are not a mapping of one key a line): write each"
        " setting on a line of its own (site_name: NAME), or set site_name and site_description there by hand",
        "readinglist init: nothing was changed",
    ]


def test_when_git_cannot_remove_the_files_nothing_is_changed(tmp_path, capsys):
    root = project(tmp_path)
    (root / ".git" / "index.lock").write_text("")  # (another git at work)
    err = refused(root, capsys)
    assert "index.lock" in err[0]
    assert err[-1] == "readinglist init: git could not remove the example's files; nothing was changed"


def test_a_second_init_keeps_the_windows_line_ends_of_mkdocs_yml(tmp_path, capsys):
    # (it wrote every line of a curator's CRLF file anew with "\n": git showed each changed)
    root = project(tmp_path)
    assert init(root, capsys, "--name", "Smith Lab")[0] == 0
    config = (root / "mkdocs.yml").read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    (root / "mkdocs.yml").write_bytes(config)
    assert init(root, capsys, "--name", "Jones Lab")[0] == 0
    assert (root / "mkdocs.yml").read_bytes() == config.replace(b"site_name: Smith Lab\r\n", b"site_name: Jones Lab\r\n").replace(
        b'site_description: "Smith Lab: research', b'site_description: "Jones Lab: research'
    )  # (the description the first run made of the name follows it)


def test_a_name_with_a_colon_is_described_after_a_dash_and_reads_back_as_typed(tmp_path, capsys):
    # (fix32: "Smith Lab: robotics" was described "Smith Lab: robotics: research papers, by
    # topic.", two colons, as if research papers were one of robotics'.) Both values read
    # back from mkdocs.yml as typed, as MkDocs loads them.
    root = project(tmp_path)
    status, out, err = init(root, capsys, "--name", "Smith Lab: robotics")
    assert (status, err) == (0, "")
    loaded = mkdocs_load((root / "mkdocs.yml").read_text())
    assert (loaded["site_name"], loaded["site_description"]) == (
        "Smith Lab: robotics", "Smith Lab: robotics \u2014 research papers, by topic."
    )
    # Renamed, the description a first run made of the old name follows the new one,
    # the doubled colon an earlier run wrote too; one without a colon takes the colon.
    for old in ("Smith Lab: robotics \u2014 research papers, by topic.", "Smith Lab: robotics: research papers, by topic."):
        (root / "mkdocs.yml").write_text(with_values((root / "mkdocs.yml").read_text(), {"site_description": old}))
        status, out, err = init(root, capsys, "--name", "Jones Lab: vision")
        assert (status, err) == (0, "")
        assert mkdocs_load((root / "mkdocs.yml").read_text())["site_description"] == (
            "Jones Lab: vision \u2014 research papers, by topic."
        ), old
        assert init(root, capsys, "--name", "Smith Lab: robotics")[0] == 0
    assert init(root, capsys, "--name", "Smith Lab")[0] == 0
    assert mkdocs_load((root / "mkdocs.yml").read_text())["site_description"] == "Smith Lab: research papers, by topic."


@pytest.mark.parametrize("value", ["!ENV [NAME, Lab]", "1.5"])
def test_a_second_init_says_a_name_that_was_no_string_as_the_file_wrote_it(tmp_path, capsys, value):
    # (it said "not set before" of a site_name read from the environment, or a number)
    root = project(tmp_path)
    assert init(root, capsys, "--name", "Smith Lab")[0] == 0
    config = (root / "mkdocs.yml").read_text()
    (root / "mkdocs.yml").write_text(config.replace("site_name: Smith Lab\n", f"site_name: {value}\n"))
    status, out, err = init(root, capsys, "--name", "Jones Lab")
    assert (status, err) == (0, "")
    assert out.splitlines()[1:] == [f"- site_name set to 'Jones Lab' (was written {value})"]


def test_a_second_init_with_another_name_renames_the_description_the_first_made_of_the_old_one(tmp_path, capsys):
    # (it kept 'Smith Lab: research papers, by topic.' under the new name 'Jones Lab')
    root = project(tmp_path)
    assert init(root, capsys, "--name", "Smith Lab")[0] == 0
    status, out, err = init(root, capsys, "--name", "Jones Lab")
    assert (status, err) == (0, "")
    assert out.splitlines()[1:] == [
        "- site_name set to 'Jones Lab' (was 'Smith Lab')",
        "- site_description set to 'Jones Lab: research papers, by topic.'"
        " (was 'Smith Lab: research papers, by topic.')",
    ]
    loaded = mkdocs_load((root / "mkdocs.yml").read_text())
    assert (loaded["site_name"], loaded["site_description"]) == ("Jones Lab", "Jones Lab: research papers, by topic.")
    # One the lab wrote is its own: a new name leaves it as it is.
    assert init(root, capsys, "--description", "Papers we read.")[0] == 0
    status, out, _ = init(root, capsys, "--name", "Brown Lab")
    assert out.splitlines()[1:] == ["- site_name set to 'Brown Lab' (was 'Jones Lab')"]
    assert mkdocs_load((root / "mkdocs.yml").read_text())["site_description"] == "Papers we read."


def _config_with(root: Path, **values: str) -> bytes:
    """mkdocs.yml with ``values`` set as a curator writes them before running init."""
    (root / "mkdocs.yml").write_text(with_values(MKDOCS, values), encoding="utf-8")
    return (root / "mkdocs.yml").read_bytes()


def test_init_without_a_name_takes_the_one_mkdocs_yml_already_has_and_says_so(tmp_path, capsys):
    # (curator: init asked for --name though mkdocs.yml's site_name was already the lab's)
    root = project(tmp_path)
    _config_with(root, site_name="Smith Lab: ours")
    status, out, err = init(root, capsys)
    assert (status, err) == (0, "")
    config = (root / "mkdocs.yml").read_text()
    changed = [(a, b) for a, b in zip(with_values(MKDOCS, {"site_name": "Smith Lab: ours"}).splitlines(),
                                      config.splitlines(), strict=True) if a != b]  # fmt: skip
    assert [b for _, b in changed] == ['site_description: "Smith Lab: ours — research papers, by topic."']
    assert (
        "- mkdocs.yml: site_name kept as it was, 'Smith Lab: ours' (give --name to set another),"
        " site_description set to 'Smith Lab: ours — research papers, by topic.'"
        " (set your own with --description, or in mkdocs.yml)\n"
    ) in out
    assert not (root / LISTING).exists()


def test_init_keeps_a_description_of_the_lab_s_own_in_mkdocs_yml(tmp_path, capsys):
    # (with --name or without: the description a curator wrote before init was replaced
    # by "NAME: research papers, by topic.")
    for name in ([], ["--name", "Smith Lab"]):
        root = project(tmp_path / str(len(name)))
        config = _config_with(root, site_name="Smith Lab", site_description="Papers we read.")
        status, out, err = init(root, capsys, *name)
        assert (status, err) == (0, "")
        assert (root / "mkdocs.yml").read_bytes() == config
        assert "- mkdocs.yml: site_name kept as it was, 'Smith Lab'" in out
        assert ", site_description kept as it was, 'Papers we read.' (set another with --description)\n" in out
    # A description given replaces it, the name kept.
    root = project(tmp_path / "given")
    _config_with(root, site_name="Smith Lab", site_description="Papers we read.")
    status, out, err = init(root, capsys, "--description", "Ours.")
    assert (status, err) == (0, "")
    loaded = mkdocs_load((root / "mkdocs.yml").read_text())
    assert (loaded["site_name"], loaded["site_description"]) == ("Smith Lab", "Ours.")
    assert "- mkdocs.yml: site_name kept as it was, 'Smith Lab' (give --name to set another), site_description set to 'Ours.'\n" in out


@pytest.mark.parametrize("config, why", [
    (MKDOCS, "mkdocs.yml's site_name is still the shipped example's ('Learning across tasks: a reading list')"),
    (re.sub(r"(?m)^site_name:.*\n", "", MKDOCS), "mkdocs.yml has no site_name"),
    # (it has one, not a plain one: "has no site_name" was said)
    (re.sub(r"(?m)^site_name:.*\n", "site_name: !ENV [NAME, Lab]\n", MKDOCS),
     "mkdocs.yml's site_name is no plain text ('!ENV [NAME, Lab]')"),
    (re.sub(r"(?m)^site_name:.*\n", 'site_name: "  "\n', MKDOCS), "mkdocs.yml has no site_name"),
])  # fmt: skip
def test_init_without_a_name_asks_for_one_when_mkdocs_yml_has_none_of_the_lab_s(tmp_path, capsys, config, why):
    root = project(tmp_path)
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    before = snapshot(root)
    status, out, err = init(root, capsys)
    assert (status, out) == (1, "")
    assert err == (
        f"readinglist init: {why}: give your list's name with --name NAME (mkdocs.yml's site_name,"
        " every page's title); nothing was changed\n"
    )
    assert snapshot(root) == before


def test_init_without_a_name_refuses_one_in_mkdocs_yml_the_pages_would_read_as_markup(tmp_path, capsys):
    root = project(tmp_path)
    _config_with(root, site_name="<b>Smith</b> Lab")
    before = snapshot(root)
    status, out, err = init(root, capsys)
    assert (status, out) == (1, "")
    assert err.startswith("readinglist init: mkdocs.yml's site_name: 'site_name' holds '<', ")
    assert snapshot(root) == before


def test_the_example_s_name_and_description_are_the_shipped_mkdocs_yml_s():
    # (init replaces these, and keeps any other as the lab's own)
    from generator.siteconfig import EXAMPLE_DESCRIPTION, EXAMPLE_NAME

    loaded = mkdocs_load(MKDOCS)
    assert (loaded["site_name"], loaded["site_description"]) == (EXAMPLE_NAME, EXAMPLE_DESCRIPTION)


@pytest.mark.parametrize("written", ["!ENV [DESCRIPTION, 'Papers we read.']", "2024"])
@pytest.mark.parametrize("name", [[], ["--name", "Smith Lab"]])
def test_init_keeps_a_description_of_the_lab_s_written_as_no_string(tmp_path, capsys, written, name):
    # (one read from the environment was replaced by "Smith Lab: research papers, by
    # topic.", silently: only a string was taken for the lab's own)
    root = project(tmp_path)
    config = re.sub(r"(?m)^site_name:.*\n", "site_name: Smith Lab\n", MKDOCS)
    config = re.sub(r"(?m)^site_description:.*\n", f"site_description: {written}\n", config)
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    status, out, err = init(root, capsys, *name)
    assert (status, err) == (0, "")
    assert (root / "mkdocs.yml").read_text(encoding="utf-8") == config
    assert f"site_description kept as it was, {quoted(written)} (set another with --description)\n" in out
