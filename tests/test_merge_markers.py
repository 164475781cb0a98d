"""Git's conflict markers left in a curator's file by a pull of a newer readinglist
(mergemarkers.py): said as a merge conflict at its first line, not as what YAML made
of the markers, and in a hand-written page at all."""

from __future__ import annotations

from generator.mergemarkers import CONFLICT, conflict_lines
from generator.siteconfig import config_problems
from tests.test_check_beside import messages, with_pages
from tests.test_curation_cross_file import TOPICS, paper, project


def conflicted(ours: str, theirs: str) -> str:
    return f"<<<<<<< HEAD\n{ours}=======\n{theirs}>>>>>>> 910c19b (upstream)\n"


def test_a_conflict_in_a_paper_file_is_said_as_one(tmp_path):
    # Before: "6:1: YAML syntax error: this line is no 'key: value', nor indented under
    # the key above: if it continues the value of 'venue', indent it; ..."
    text = paper("a", extra="venue: ICLR\n") + conflicted("status: to-read\n", "status: must-read\n")
    root = project(tmp_path, a=text, b=paper("b"), c=paper("c"))
    assert messages(root) == [f"content/papers/a.yml:4:1: {CONFLICT}"]


def test_each_conflict_of_topics_yml_is_said_at_its_first_line(tmp_path):
    # A list of its own replaced the shipped topics, and the newer version edited their
    # comment and a keyword: two conflicts. Before: "3:1: YAML syntax error: did not find
    # expected <document start>", and nothing of the second.
    topics = (
        conflicted("# Our lab's topics.\n", "# Topics of the reading list.\n")
        + TOPICS
        + conflicted("      in-context: 1\n", "      in-context: 2\n")
    )
    root = project(tmp_path, topics, a=paper("a"), b=paper("b"), c=paper("c"))
    assert messages(root) == [
        f"content/topics.yml:1:1: {CONFLICT}",
        f"content/topics.yml:16:1: {CONFLICT}",
    ]


def test_a_conflict_in_a_hand_written_page_is_an_error(tmp_path):
    # MkDocs shows a page as it is: both sides, the markers between them, on the site.
    root = project(tmp_path, a=paper("a"), b=paper("b"), c=paper("c"))
    with_pages(root, about="# About\n\n" + conflicted("Our lab's list.\n", "The shipped list.\n"))
    assert messages(root) == [f"content/pages/about.md:3:1: {CONFLICT}"]


def test_a_heading_underlined_with_equals_signs_is_no_conflict(tmp_path):
    root = project(tmp_path, a=paper("a"), b=paper("b"), c=paper("c"))
    with_pages(root, about="About us\n=======\n\nText.\n")
    assert messages(root) == []
    assert conflict_lines("About us\n=======\n") == []
    assert conflict_lines(">>>>>>> a quote\n=======\n") == []


def test_a_conflict_in_mkdocs_yml_is_said_as_one(tmp_path):
    # The lab's site_name and the newer version's both changed. Before: "5:1: YAML syntax
    # error: this key is indented deeper than its place allows, ..."
    (tmp_path / "mkdocs.yml").write_text(
        "# The site.\n"
        + conflicted('site_name: "Our lab list"\n', 'site_name: "Learning across tasks"\n')
        + "docs_dir: docs\n",
        encoding="utf-8",
    )
    assert [str(p) for p in config_problems(tmp_path).errors] == [f"mkdocs.yml:2:1: {CONFLICT}"]


def test_a_conflict_left_half_resolved_is_still_said(tmp_path):
    # The closing marker deleted, the other two left: still a conflict, not YAML's mistake.
    text = paper("a") + "<<<<<<< HEAD\nstatus: to-read\n=======\nstatus: must-read\n"
    root = project(tmp_path, a=text, b=paper("b"), c=paper("c"))
    assert messages(root) == [f"content/papers/a.yml:3:1: {CONFLICT}"]



def test_a_page_that_shows_a_conflict_in_code_is_no_conflict(tmp_path):
    # A contributing page telling how to resolve a conflict shows one, in a code block
    # (fenced or indented): the site shows it as code. The review found such a page
    # stopped the build. Outside the block, in the same page, a conflict is still one.
    shown = conflicted("Our lab's list.\n", "The shipped list.\n")
    indented = "".join("    " + line + "\n" for line in shown.splitlines())
    page = f"# Contributing\n\nA conflict looks so:\n\n```text\n{shown}```\n\nOr:\n\n{indented}\nText.\n"
    root = project(tmp_path, a=paper("a"), b=paper("b"), c=paper("c"))
    with_pages(root, contributing=page)
    assert messages(root) == []
    with_pages(root, contributing=page + "\n" + shown)
    assert messages(root) == [f"content/pages/contributing.md:{page.count(chr(10)) + 2}:1: {CONFLICT}"]


def test_a_conflict_between_two_versions_of_a_code_block_is_said(tmp_path):
    # Both sides changed an example: ours opens a Python block, theirs a shell one, and
    # the closing fence both kept is below the conflict. CommonMark reads the lines from
    # "```python" on as one code block, the separating and closing markers inside it; the
    # opening marker alone was left outside, and the site showed both sides unsaid.
    page = (
        "# Install\n\n"
        "<<<<<<< HEAD\n```python\nimport readinglist\n=======\n```sh\npip install readinglist\n"
        ">>>>>>> 910c19b (upstream)\n```\n"
    )
    assert conflict_lines(page, markdown=True) == [3]
    root = project(tmp_path, a=paper("a"), b=paper("b"), c=paper("c"))
    with_pages(root, install=page)
    assert messages(root) == [f"content/pages/install.md:3:1: {CONFLICT}"]
    # The other way about: the opening marker in a block that the conflict's lines end.
    page = "# Install\n\n```python\n<<<<<<< HEAD\nimport a\n```\n=======\nimport b\n```\n>>>>>>> 910c19b (upstream)\n"
    assert conflict_lines(page, markdown=True) == [4]


def test_a_conflict_with_its_base_is_told_to_drop_the_base_lines_too(tmp_path):
    # (audit: with git's merge.conflictStyle diff3 or zdiff3, a conflict holds a third
    # version, the lines as they were, after a '||||||| base' line. Told only of
    # <<<<<<<, ======= and >>>>>>>, a curator who deleted those kept the old lines too.)
    from generator.mergemarkers import CONFLICT_WITH_BASE

    base = "<<<<<<< HEAD\nstatus: to-read\n||||||| 1a2b3c4\nstatus: reference\n=======\nstatus: must-read\n>>>>>>> upstream\n"
    root = project(tmp_path, a=paper("a", extra="venue: ICLR\n") + base, b=paper("b"), c=paper("c"))
    with_pages(root, about="# About\n\n" + base.replace("status: ", ""))
    assert messages(root) == [
        f"content/pages/about.md:3:1: {CONFLICT_WITH_BASE}",
        f"content/papers/a.yml:4:1: {CONFLICT_WITH_BASE}",
    ]
    assert "between ||||||| and =======" in CONFLICT_WITH_BASE and "delete the lines as they were" in CONFLICT_WITH_BASE
    # (Two conflicts, one with its base and one without: each told its own way.)
    both = base + conflicted("year: 2020\n", "year: 2021\n")
    (root / "content" / "papers" / "a.yml").write_text(paper("a", extra="venue: ICLR\n") + both)
    assert [m for m in messages(root) if "papers/a.yml" in m] == [
        f"content/papers/a.yml:4:1: {CONFLICT_WITH_BASE}",
        f"content/papers/a.yml:11:1: {CONFLICT}",
    ]


def test_a_conflict_with_its_base_in_mkdocs_yml_is_said_as_one(tmp_path):
    from generator.mergemarkers import CONFLICT_WITH_BASE

    (tmp_path / "mkdocs.yml").write_text(
        "<<<<<<< HEAD\nsite_name: Our lab\n||||||| base\nsite_name: Example\n=======\nsite_name: Example list\n>>>>>>> upstream\n"
    )
    assert [str(p) for p in config_problems(tmp_path).errors] == [f"mkdocs.yml:1:1: {CONFLICT_WITH_BASE}"]
