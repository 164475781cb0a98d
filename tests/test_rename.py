"""`readinglist rename OLD NEW`: the paper's file and id, its `formerly:`, and every
reference to it (related, not_related, reading orders, hand-written pages' links) change; nothing
else in any file does; and when the rename cannot be made, nothing is written."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.cli import main
from generator.curation import load_content
from tests.gitrepo import git
from tests.test_build import FIXTURE


@pytest.fixture
def root(tmp_path) -> Path:
    shutil.copytree(FIXTURE, tmp_path / "content")
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    return tmp_path


def _files(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted((root / "content").rglob("*"))
        if p.is_file() and p.name != ".import.lock"  # (the lock's file stays, as import leaves it)
    }


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _errors(root: Path) -> list[str]:
    _, problems = load_content(root / "content", root)
    return [str(p) for p in problems.errors]


def test_a_rename_changes_the_id_and_every_reference_and_nothing_else(root, capsys):
    papers = root / "content" / "papers"
    _edit(papers / "merging-by-arithmetic.yml", "related: [replay-against-forgetting]",
          "related: [replay-against-forgetting, 'gradient-episodic-memory']  # the classic")
    _edit(papers / "hostile-inputs.yml", "not_related: [replay-against-forgetting]",
          "not_related:\n  - replay-against-forgetting\n  - gradient-episodic-memory  # one word shared")
    about = root / "content" / "pages" / "about.md"
    about.write_text(
        about.read_text(encoding="utf-8")
        + "\nRead [GEM](papers/gradient-episodic-memory.md#abstract), not"
        " [this](https://example.org/papers/gradient-episodic-memory.md).\n",
        encoding="utf-8",
    )
    before = _files(root)

    assert main(["--root", str(root), "rename", "gradient-episodic-memory", "gem"]) == 0
    out = capsys.readouterr().out
    after = _files(root)
    assert "content/papers/gradient-episodic-memory.yml" not in after
    old_text = before["content/papers/gradient-episodic-memory.yml"].decode()
    assert after["content/papers/gem.yml"].decode() == old_text.replace(
        "id: gradient-episodic-memory\n", "id: gem\nformerly: [gradient-episodic-memory]\n", 1
    )
    expected = {
        "content/papers/merging-by-arithmetic.yml": ("'gradient-episodic-memory'", "'gem'"),
        "content/papers/hostile-inputs.yml": ("  - gradient-episodic-memory  #", "  - gem  #"),
        "content/topics.yml": ("      - gradient-episodic-memory\n", "      - gem\n"),
        "content/pages/about.md": ("(papers/gradient-episodic-memory.md#abstract)", "(papers/gem.md#abstract)"),
    }
    for name, (old, new) in expected.items():
        assert before[name].decode().count(old) == 1
        assert after[name].decode() == before[name].decode().replace(old, new), name
    unchanged = set(before) - set(expected) - {"content/papers/gradient-episodic-memory.yml"}
    assert {name: after[name] for name in unchanged} == {name: before[name] for name in unchanged}
    assert _errors(root) == []
    # Every change is said, where it was made.
    assert "content/topics.yml:16:9: gradient-episodic-memory -> gem" in out
    assert "content/pages/about.md:5:12: papers/gradient-episodic-memory.md#abstract -> papers/gem.md#abstract" in out
    assert "content/papers/hostile-inputs.yml:21:5: gradient-episodic-memory -> gem" in out
    assert "4 references updated" in out


def test_a_rename_changes_the_id_in_another_papers_not_same_as(root, capsys):
    papers = root / "content" / "papers"
    _edit(papers / "merging-by-arithmetic.yml", "related: [replay-against-forgetting]",
          "related: [replay-against-forgetting]\nnot_same_as: [gradient-episodic-memory]")
    assert main(["--root", str(root), "rename", "gradient-episodic-memory", "gem"]) == 0
    assert "not_same_as: [gem]\n" in (papers / "merging-by-arithmetic.yml").read_text(encoding="utf-8")
    assert _errors(root) == []


def test_a_paper_renamed_again_keeps_its_former_ids_and_renamed_back_loses_the_new_one(root):
    papers = root / "content" / "papers"
    # task-vectors was editing-models-with-task-vectors: a list in brackets, a comment after.
    _edit(papers / "task-vectors.yml", "formerly: [editing-models-with-task-vectors]",
          "formerly: [editing-models-with-task-vectors]  # from the 2023 import")
    assert main(["--root", str(root), "rename", "task-vectors", "tv"]) == 0
    assert "formerly: [editing-models-with-task-vectors, task-vectors]  # from the 2023 import\n" in (papers / "tv.yml").read_text()
    assert main(["--root", str(root), "rename", "tv", "task-vectors"]) == 0
    text = (papers / "task-vectors.yml").read_text()
    assert "formerly: [editing-models-with-task-vectors, tv]  # from the 2023 import\n" in text
    assert _errors(root) == []


def test_a_block_list_of_former_ids_gains_a_line(root):
    papers = root / "content" / "papers"
    _edit(papers / "task-vectors.yml", "formerly: [editing-models-with-task-vectors]\n",
          "formerly:\n  - editing-models-with-task-vectors\n  - tv\n")
    assert main(["--root", str(root), "rename", "task-vectors", "tv"]) == 0
    text = (papers / "tv.yml").read_text()
    assert "formerly:\n  - editing-models-with-task-vectors\n  - task-vectors\n" in text
    assert _errors(root) == []


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        # (As `check` says of an unknown id: the id a slip away, if any, and where ids are.)
        ("no-such-paper", "x", "content/papers: no paper 'no-such-paper' to rename; a paper's id is its"
         " file's name in content/papers/ without .yml (once the site is built, readinglist search WORDS lists papers as papers/<id>/)\n"),
        ("taks-vectors", "x", "no paper 'taks-vectors' to rename (did you mean 'task-vectors'?); a paper's id is"
         " its file's name in content/papers/ without .yml (once the site is built, readinglist search WORDS lists papers as papers/<id>/)\n"),
        # A place that names the paper, as `readinglist search` prints it or its file's:
        # its id.
        ("papers/task-vectors/", "x", "no paper 'papers/task-vectors/' to rename (did you mean 'task-vectors'?)"),
        # (user: a paper named by its title's slug, or its id and that slug joined, was
        # suggested only an id spelt close to it, as check suggests the paper of the title)
        ("gradient-episodic-memory-for-continual-learning", "x",
         "no paper 'gradient-episodic-memory-for-continual-learning' to rename (did you mean"
         " 'gradient-episodic-memory', the paper titled 'Gradient Episodic Memory for Continual Learning'?);"
         " a paper's id is"),
        ("merging-by-arithmetic-merging-models-by-task-arithmetic", "x",
         "(did you mean 'merging-by-arithmetic', the paper titled 'Merging Models by Task Arithmetic'?)"),
        ("content/papers/task-vectors.yml", "x",
         "no paper 'content/papers/task-vectors.yml' to rename (did you mean 'task-vectors'?)"),
        # (hunt20: its arXiv id as pasted, as `topics --explain` takes it: only where ids are
        # found was said.)
        ("arXiv:2212.04089", "x",
         "no paper 'arXiv:2212.04089' to rename (did you mean 'task-vectors', the paper titled"
         " 'Editing Models with Task Vectors'?)"),
        ("task-vectors", "Task Bectors", "'Task Bectors' is no id"),
        # The id it reads as the paper's own: "write 'task-vectors'" was no advice.
        ("task-vectors", "Task Vectors", "cannot rename 'task-vectors' to 'Task Vectors': 'Task Vectors'"
         " reads as the id 'task-vectors', which the paper has already\n"),
        ("task-vectors", "papers/task-vectors/", "'papers/task-vectors/' reads as the id"
         " 'task-vectors', which the paper has already\n"),
        # (the id it reads as, to write)
        ("task-vectors", "Vectors_of Tasks", "'Vectors_of Tasks' is no id: an id is lowercase a-z,"
         " 0-9 and single hyphens, at most 80 characters; write 'vectors-of-tasks'\n"),
        ("task-vectors", "replay-against-forgetting", "is paper 'replay-against-forgetting': choose an id no paper has"),
        ("replay-against-forgetting", "editing-models-with-task-vectors",
         "'editing-models-with-task-vectors' is a former id of paper 'task-vectors'"),
        ("model-merging", "merging", "no paper 'model-merging' to rename: it is a topic (readinglist rename --topic model-merging merging)"),
        ("editing-models-with-task-vectors", "x", "no paper 'editing-models-with-task-vectors' to rename: it was renamed to 'task-vectors'"),
    ],
)
def test_a_rename_that_cannot_be_made_writes_nothing(root, capsys, old, new, message):
    before = _files(root)
    assert main(["--root", str(root), "rename", old, new]) == 1
    err = capsys.readouterr().err
    assert message in err and "nothing was renamed" in err
    assert _files(root) == before


@pytest.mark.parametrize(
    ("new", "new_topic"),
    [("replay-against-forgetting", "continual-learning"), ("Vector Tasks", "Merging Models"),
     ("task-vectors", "model-merging"), ("Task Vectors", "Model Merging")],
    ids=["another's id", "no id", "its own id", "its own id as a name"],
)
def test_a_refused_new_id_is_said_at_the_id_line(root, capsys, new, new_topic):
    # Line 1 of a shipped paper file is its schema comment: an error there pointed the
    # curator's editor at the comment, not at the id the rename would change.
    _edit(root / "content/papers/task-vectors.yml", "id: task-vectors",
          "# yaml-language-server: $schema=../schema/paper.schema.json\n\nid:   task-vectors")
    assert main(["--root", str(root), "rename", "task-vectors", new]) == 1
    err = capsys.readouterr().err
    assert err.startswith("content/papers/task-vectors.yml:3:7: cannot rename 'task-vectors' to"), err
    # A topic's, at its id too (it was at the key 'id').
    assert main(["--root", str(root), "rename", "--topic", "model-merging", new_topic]) == 1
    line = (root / "content/topics.yml").read_text().splitlines().index("  - id: model-merging") + 1
    assert capsys.readouterr().err.startswith(f"content/topics.yml:{line}:9: cannot rename 'model-merging' to")


def test_a_list_with_errors_is_not_renamed(root, capsys):
    _edit(root / "content/papers/hostile-inputs.yml", "id: hostile-inputs", "id: hostile-inputs\nyear: soon")
    before = _files(root)
    assert main(["--root", str(root), "rename", "task-vectors", "tv"]) == 1
    assert "'year'" in capsys.readouterr().err
    assert _files(root) == before


def test_a_dry_run_says_everything_and_writes_nothing(root, capsys):
    before = _files(root)
    assert main(["--root", str(root), "rename", "gradient-episodic-memory", "gem", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "content/topics.yml:16:9: gradient-episodic-memory -> gem" in out and "--dry-run" in out
    # (review: it said "would rename: paper 'gradient-episodic-memory' is now 'gem'", a
    # rename done, after "would". The one reference is topics.yml's, above.)
    assert out.splitlines()[-1] == (
        "would rename paper 'gradient-episodic-memory' to 'gem' (content/papers/gradient-episodic-memory.yml"
        " -> gem.yml; 'gradient-episodic-memory' in its formerly:); 1 reference would be updated;"
        " nothing was written (--dry-run)"
    )
    assert _files(root) == before


def test_a_file_edited_while_the_rename_is_planned_stops_it(root, monkeypatch, capsys):
    from generator import rename

    plan = rename.plan_rename

    def meanwhile(*args, **kwargs):
        made = plan(*args, **kwargs)
        _edit(root / "content/topics.yml", "title: Task arithmetic", "title: Arithmetic")
        return made

    monkeypatch.setattr(rename, "plan_rename", meanwhile)
    before = _files(root)
    assert main(["--root", str(root), "rename", "gradient-episodic-memory", "gem"]) == 1
    assert "content/topics.yml:1:1: changed while the rename was planned" in capsys.readouterr().err
    after = _files(root)
    assert after.pop("content/topics.yml") != before.pop("content/topics.yml")
    assert after == before


def test_no_rename_while_an_import_holds_the_lock(root, capsys):
    from filelock import FileLock

    with FileLock(str(root / "content" / ".import.lock")):
        before = _files(root)
        assert main(["--root", str(root), "rename", "task-vectors", "tv"]) == 1
    assert "an import or another rename is running" in capsys.readouterr().err
    assert _files(root) == before


def test_line_endings_and_a_byte_order_mark_are_kept(root):
    papers = root / "content" / "papers"
    path = papers / "gradient-episodic-memory.yml"
    original = path.read_text(encoding="utf-8")
    path.write_bytes(("\ufeff" + original).replace("\n", "\r\n").encode("utf-8"))
    topics = root / "content" / "topics.yml"
    topics.write_bytes(topics.read_bytes().replace(b"\n", b"\r\n"))
    assert main(["--root", str(root), "rename", "gradient-episodic-memory", "gem"]) == 0
    expected = ("\ufeff" + original.replace("id: gradient-episodic-memory\n", "id: gem\nformerly: [gradient-episodic-memory]\n")).replace("\n", "\r\n")
    assert (papers / "gem.yml").read_bytes() == expected.encode("utf-8")
    assert b"      - gem\r\n" in topics.read_bytes() and b"\n" not in topics.read_bytes().replace(b"\r\n", b"")
    assert _errors(root) == []


def test_a_topic_rename_changes_its_id_its_sub_topics_papers_and_links_and_nothing_else(root, capsys):
    # (In place of the fixture's own `topics: [task-arithmetic]`.)
    _edit(root / "content/papers/merging-by-arithmetic.yml", "topics: [task-arithmetic]",
          "topics: [model-merging]\nexclude_topics: ['task-arithmetic']")
    about = root / "content" / "pages" / "about.md"
    about.write_text(
        about.read_text(encoding="utf-8")
        + "\nSee [merging](topics/model-merging/index.md) and [its feed](topics/model-merging.xml).\n",
        encoding="utf-8",
    )
    before = _files(root)
    assert main(["--root", str(root), "rename", "--topic", "model-merging", "merging"]) == 0
    after = _files(root)
    topics = before["content/topics.yml"].decode()
    assert after["content/topics.yml"].decode() == topics.replace(
        "  - id: model-merging\n", "  - id: merging\n    formerly: [model-merging]\n"
    ).replace("parent: model-merging", "parent: merging")
    expected = {
        "content/papers/merging-by-arithmetic.yml": [("topics: [model-merging]", "topics: [merging]")],
        "content/pages/about.md": [
            ("(topics/model-merging/index.md)", "(topics/merging/index.md)"),
            ("(topics/model-merging.xml)", "(topics/merging.xml)"),
        ],
    }
    for name, swaps in expected.items():
        text = before[name].decode()
        for old, new in swaps:
            text = text.replace(old, new)
        assert after[name].decode() == text, name
    unchanged = set(before) - set(expected) - {"content/topics.yml"}
    assert {n: after[n] for n in unchanged} == {n: before[n] for n in unchanged}
    assert _errors(root) == []
    assert "topic 'model-merging' is now 'merging' ('model-merging' in its formerly:); 4 references updated" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("no-such-topic", "x", "no topic 'no-such-topic' to rename\n"),
        # (the topic meant, as `check` and `gaps --topic` say it: nothing was said)
        ("model-mergin", "x", "no topic 'model-mergin' to rename (did you mean 'model-merging'?)\n"),
        ("model-merging-survey", "x", "no topic 'model-merging-survey' to rename (did you mean"
         " 'model-merging'?)\n"),
        # (a topic named by its keyword, as `check` tells it)
        ("task-vector", "x", "no topic 'task-vector' to rename (did you mean 'model-merging'? it is"
         " about 'task vectors')\n"),
        ("model-merging", "task-arithmetic", "topic 'task-arithmetic' exists"),
        ("model-merging", "Merging", "'Merging' is no id"),
        ("model-merging", "Model_Merging", "cannot rename 'model-merging' to 'Model_Merging':"
         " 'Model_Merging' reads as the id 'model-merging', which the topic has already\n"),
    ],
)
def test_a_topic_rename_that_cannot_be_made_writes_nothing(root, capsys, old, new, message):
    before = _files(root)
    assert main(["--root", str(root), "rename", "--topic", old, new]) == 1
    assert message in capsys.readouterr().err
    assert _files(root) == before


def test_a_topic_cannot_take_another_topics_former_id(root, capsys):
    _edit(root / "content/topics.yml", "  - id: task-arithmetic\n", "  - id: task-arithmetic\n    formerly: [arithmetic]\n")
    before = _files(root)
    assert main(["--root", str(root), "rename", "--topic", "model-merging", "arithmetic"]) == 1
    assert "'arithmetic' is a former id of topic 'task-arithmetic'" in capsys.readouterr().err
    assert _files(root) == before


def _about(root: Path, text: str) -> Path:
    about = root / "content" / "pages" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + text, encoding="utf-8")
    return about


def test_only_the_links_themselves_change_never_the_same_text_elsewhere(root):
    p = "gradient-episodic-memory"
    about = _about(root, (
        f"\nRead [the abstract](papers/{p}.md#abstract) of [the survey](./papers/{p}.md);"
        f" its [source](https://github.com/u/r/blob/main/docs/papers/{p}.md).\n"
        f"\nThe file `papers/{p}.md` is [its page][r].\n\n[r]: papers/{p}.md \"GEM\"\n"
    ))
    before = about.read_text(encoding="utf-8")
    assert main(["--root", str(root), "rename", p, "gem"]) == 0
    assert about.read_text(encoding="utf-8") == before.replace(
        f"(papers/{p}.md#abstract)", "(papers/gem.md#abstract)"
    ).replace(f"(./papers/{p}.md)", "(./papers/gem.md)").replace(f"[r]: papers/{p}.md", "[r]: papers/gem.md")
    assert _errors(root) == []


def test_a_link_written_in_code_as_well_is_refused_not_guessed(root, capsys):
    p = "gradient-episodic-memory"
    _about(root, f"\nSee [it](papers/{p}.md), written `[it](papers/{p}.md)`.\n")
    before = _files(root)
    assert main(["--root", str(root), "rename", p, "gem"]) == 1
    # The place named is the copy that is no link: the one to change.
    assert (
        f"content/pages/about.md:5:61: papers/{p}.md stands here as a link's address, but is"
        " no link" in capsys.readouterr().err
    )
    assert _files(root) == before


def test_a_paper_renamed_back_to_its_first_id_keeps_it_first(root):
    papers = root / "content" / "papers"
    assert main(["--root", str(root), "rename", "gradient-episodic-memory", "gem"]) == 0
    assert main(["--root", str(root), "rename", "gem", "gradient-episodic-memory"]) == 0
    text = (papers / "gradient-episodic-memory.yml").read_text()
    # Its first id stays first (citation key, feed entry), and its old address "gem" leads here.
    assert "formerly: [gradient-episodic-memory, gem]\n" in text
    assert _errors(root) == []
    content, _ = load_content(root / "content", root)
    paper = next(p for p in content.papers if p.id == "gradient-episodic-memory")
    assert paper.first_id == "gradient-episodic-memory" and paper.former_ids == ("gem",)


def test_an_id_yaml_would_read_as_null_is_quoted(root):
    assert main(["--root", str(root), "rename", "gradient-episodic-memory", "null"]) == 0
    assert 'id: "null"\n' in (root / "content/papers/null.yml").read_text()
    assert '      - "null"\n' in (root / "content/topics.yml").read_text()
    assert _errors(root) == []
    assert main(["--root", str(root), "rename", "null", "gem"]) == 0
    assert 'formerly: [gradient-episodic-memory, "null"]\n' in (root / "content/papers/gem.yml").read_text()
    assert _errors(root) == []


@pytest.mark.parametrize(
    ("written", "why"),
    [
        ("{id: gradient-episodic-memory, title: GEM, added: 2026-11-10}\n", "written in braces"),
        ('{\n  "id": "gradient-episodic-memory",\n  "title": "GEM",\n  "added": "2026-11-10"\n}\n', "written in braces"),
        ("id: gradient-episodic-memory\rtitle: GEM\radded: 2026-11-10\r", "carriage return alone"),
    ],
)
def test_a_file_in_a_shape_it_cannot_edit_is_refused(root, capsys, written, why):
    (root / "content/papers/gradient-episodic-memory.yml").write_text(written, encoding="utf-8", newline="")
    before = _files(root)
    assert _errors(root) == []
    assert main(["--root", str(root), "rename", "gradient-episodic-memory", "gem"]) == 1
    assert why in capsys.readouterr().err
    assert _files(root) == before


def test_an_indented_mapping_gets_its_formerly_line_indented(root):
    path = root / "content/papers/gradient-episodic-memory.yml"
    path.write_text("  id: gradient-episodic-memory\n  title: GEM\n  added: 2026-11-10\n", encoding="utf-8")
    assert main(["--root", str(root), "rename", "gradient-episodic-memory", "gem"]) == 0
    assert (root / "content/papers/gem.yml").read_text() == (
        "  id: gem\n  formerly: [gradient-episodic-memory]\n  title: GEM\n  added: 2026-11-10\n"
    )


def test_an_escaped_reference_is_refused_not_missed(root, capsys):
    _edit(root / "content/papers/merging-by-arithmetic.yml", "related: [replay-against-forgetting]",
          'related: [replay-against-forgetting, "gradient-episodic\\x2Dmemory"]')
    assert _errors(root) == []
    before = _files(root)
    assert main(["--root", str(root), "rename", "gradient-episodic-memory", "gem"]) == 1
    assert "merging-by-arithmetic.yml:18:38" in capsys.readouterr().err
    assert _files(root) == before


def test_a_deleted_papers_id_the_importer_keeps_is_refused(root, capsys):
    from generator.importer import import_records
    from generator.ingest import Record
    from generator.errors import Location
    import datetime as dt

    import_records([Record(title="Some Paper", abstract="A.", source=Location("in.bib", 1, 1))],
                   root / "content", added=dt.date(2026, 1, 2))
    (root / "content/papers/some-paper.yml").unlink()
    import_records([Record(title="Some Paper", abstract="A.", source=Location("in.bib", 1, 1))],
                   root / "content", added=dt.date(2026, 1, 2))  # (the deletion recorded)
    before = _files(root)
    assert main(["--root", str(root), "rename", "task-vectors", "some-paper"]) == 1
    assert "the importer's record keeps 'some-paper' for another paper" in capsys.readouterr().err
    assert _files(root) == before


def test_a_file_that_cannot_be_written_leaves_every_file_as_it_was(root, capsys, monkeypatch):
    from generator import renamewrite

    _about(root, "\nSee [GEM](papers/gradient-episodic-memory.md).\n")
    before = _files(root)
    create = renamewrite.create_temporary

    def refused(tmp, mode):  # (a folder the user may not write in; root may write anywhere)
        if "about.md" in tmp.name:
            raise PermissionError(13, "Permission denied", str(tmp))
        return create(tmp, mode)

    monkeypatch.setattr(renamewrite, "create_temporary", refused)
    assert main(["--root", str(root), "rename", "gradient-episodic-memory", "gem"]) == 1
    assert "Permission denied; nothing was renamed" in capsys.readouterr().err
    assert _files(root) == before
    assert not any(p.name.endswith(".tmp") for p in (root / "content").rglob("*"))


def test_the_renamed_file_keeps_its_permissions(root):
    import os

    os.chmod(root / "content/papers/gradient-episodic-memory.yml", 0o600)
    assert main(["--root", str(root), "rename", "gradient-episodic-memory", "gem"]) == 0
    assert os.stat(root / "content/papers/gem.yml").st_mode & 0o777 == 0o600


@pytest.mark.parametrize(
    "page",
    [
        "Write links as `[text](papers/task-vectors.md)` in Markdown.\nThe [real one][r].\n\n[r]:\n  papers/task-vectors.md\n",
        "Write links as `[text](papers/task-vectors.md)` in Markdown.\n\nThe [real](papers/task&#45;vectors.md).\n",
        "```\n[text](papers/task-vectors.md)\n```\n\n!!! note\n\n    See [it][r].\n\n    [r]: papers/task-vectors.md\n",
        'A [link](\npapers/task-vectors.md) and [one](about.md "like ](papers/task-vectors.md)").\n',
    ],
)
def test_a_page_where_text_and_links_disagree_is_refused_whole(root, capsys, page):
    (root / "content/pages/links.md").write_text(page, encoding="utf-8")
    assert _errors(root) == []
    before = _files(root)
    assert main(["--root", str(root), "rename", "task-vectors", "tv"]) == 1
    assert "content/pages/links.md:" in capsys.readouterr().err
    assert _files(root) == before


def test_one_reference_definition_of_two_links_is_changed_once(root):
    page = root / "content/pages/links.md"
    page.write_text("The [first][r] and [second][r] links.\n\n[r]: papers/task-vectors.md\n", encoding="utf-8")
    assert main(["--root", str(root), "rename", "task-vectors", "tv"]) == 0
    assert page.read_text() == "The [first][r] and [second][r] links.\n\n[r]: papers/tv.md\n"
    assert _errors(root) == []


def test_a_failure_while_the_files_are_put_in_place_puts_the_old_ones_back(root, capsys, monkeypatch):
    import os

    from generator.commands import rename as command

    _about(root, "\nSee [GEM](papers/gradient-episodic-memory.md).\n")
    before = _files(root)
    replace = os.replace

    def failing(src, dst):  # (Windows refuses to replace a file another program holds open)
        if str(dst).endswith("topics.yml"):
            raise PermissionError(13, "Permission denied", str(dst))
        return replace(src, dst)

    monkeypatch.setattr(command.os, "replace", failing)
    assert main(["--root", str(root), "rename", "gradient-episodic-memory", "gem"]) == 1
    err = capsys.readouterr().err
    assert "content/topics.yml: Permission denied; nothing was renamed" in err
    assert _files(root) == before
    assert not any(p.name.endswith(".tmp") for p in (root / "content").rglob("*"))


def test_a_rename_undone_before_any_import_is_let_through(root):
    from generator.importer import import_records
    from generator.ingest import Record
    from generator.errors import Location
    import datetime as dt

    import_records([Record(title="Some Paper", abstract="A.", source=Location("in.bib", 1, 1))],
                   root / "content", added=dt.date(2026, 1, 2))
    assert main(["--root", str(root), "rename", "some-paper", "mine"]) == 0
    # The importer's record still has "some-paper" (no import since): it is this paper's.
    assert main(["--root", str(root), "rename", "mine", "some-paper"]) == 0
    assert "formerly: [some-paper, mine]\n" in (root / "content/papers/some-paper.yml").read_text()
    assert _errors(root) == []


def test_a_failure_removing_the_old_file_puts_every_file_back(root, capsys, monkeypatch):
    import os

    from generator.commands import rename as command

    before = _files(root)
    replace = os.replace

    def failing(src, dst):
        if str(src).endswith("/gradient-episodic-memory.yml"):
            raise PermissionError(13, "Permission denied", str(src))
        return replace(src, dst)

    monkeypatch.setattr(command.os, "replace", failing)
    assert main(["--root", str(root), "rename", "gradient-episodic-memory", "gem"]) == 1
    assert "nothing was renamed" in capsys.readouterr().err
    assert _files(root) == before


def test_a_link_kept_in_a_comment_is_named_as_the_place_to_change(root, capsys):
    (root / "content/pages/links.md").write_text(
        "<!-- [old](papers/task-vectors.md) -->\n\nSee [it](papers/task-vectors.md).\n", encoding="utf-8"
    )
    assert main(["--root", str(root), "rename", "task-vectors", "tv"]) == 1
    err = capsys.readouterr().err
    assert "content/pages/links.md:1:12: papers/task-vectors.md stands here as a link's address" in err
    assert "links.md:3:" not in err


@pytest.mark.parametrize("empty", ["~", "null", ""])
def test_an_empty_formerly_is_filled(root, empty):
    papers = root / "content" / "papers"
    _edit(papers / "task-vectors.yml", "formerly: [editing-models-with-task-vectors]", f"formerly: {empty}  # none yet")
    assert main(["--root", str(root), "rename", "task-vectors", "tv"]) == 0
    # (What followed the empty value, its spaces and comment, stays as written.)
    spaces = "   " if not empty else "  "
    assert f"formerly: [task-vectors]{spaces}# none yet\n" in (papers / "tv.yml").read_text()
    assert _errors(root) == []


def test_a_paper_file_that_is_a_link_is_not_renamed(root, tmp_path, capsys):
    store = tmp_path / "store"
    store.mkdir()
    target = store / "gem-notes.yml"
    path = root / "content/papers/gradient-episodic-memory.yml"
    path.rename(target)
    path.symlink_to(target)
    before = _files(root)
    assert main(["--root", str(root), "rename", "gradient-episodic-memory", "gem"]) == 1
    assert "this command renames files, not links" in capsys.readouterr().err
    assert _files(root) == before and path.is_symlink()


def test_an_id_in_use_is_said_so_before_the_importers_record(root, capsys):
    from generator.importer import import_records
    from generator.ingest import Record
    from generator.errors import Location
    import datetime as dt

    import_records([Record(title="Some Paper", abstract="A.", source=Location("in.bib", 1, 1))],
                   root / "content", added=dt.date(2026, 1, 2))
    assert main(["--root", str(root), "rename", "task-vectors", "some-paper", "--dry-run"]) == 1
    err = capsys.readouterr().err
    assert "is paper 'some-paper': choose an id no paper has" in err and "importer" not in err


@pytest.mark.parametrize(
    ("read_only", "message"),
    [
        ("content/papers/gradient-episodic-memory.yml",
         "this file is read-only, and the rename would move it to content/papers/gem.yml, with"
         " 'gradient-episodic-memory' in its formerly: (make it writable, chmod u+w, and run the"
         " rename again)"),
        ("content/topics.yml",
         "this file is read-only, and the rename would change 'gradient-episodic-memory' in it"
         " to 'gem' (make it writable, chmod u+w, and run the rename again)"),
    ],
)
def test_a_rename_that_would_rewrite_a_read_only_file_writes_nothing(root, capsys, read_only, message):
    # A curator who made a file read-only does not want a tool to change it: the rename
    # replaced it anyway (the renamed paper's new file read-only like the old one).
    (root / read_only).chmod(0o444)
    before = _files(root)
    for dry_run in ([], ["--dry-run"]):
        assert main(["--root", str(root), "rename", *dry_run, "gradient-episodic-memory", "gem"]) == 1
        out, err = capsys.readouterr()
        assert err == f"{read_only}:1:1: {message}\n1 error; nothing was renamed.\n"
        assert out == ""
        assert _files(root) == before
    assert not (root / "content/.rename.json").exists()


def test_a_topic_rename_that_would_rewrite_a_read_only_paper_file_writes_nothing(root, capsys):
    # The paper that names the topic is read-only: topics.yml and the page that links
    # the topic are not written either.
    paper = root / "content/papers/merging-by-arithmetic.yml"
    _edit(paper, "topics: [task-arithmetic]", "topics: [model-merging]")  # (the fixture's own, replaced)
    about = root / "content" / "pages" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\nSee [merging](topics/model-merging/index.md).\n", encoding="utf-8")
    paper.chmod(0o444)
    before = _files(root)
    assert main(["--root", str(root), "rename", "--topic", "model-merging", "merging"]) == 1
    out, err = capsys.readouterr()
    assert err == (
        "content/papers/merging-by-arithmetic.yml:1:1: this file is read-only, and the rename would"
        " change 'model-merging' in it to 'merging' (make it writable, chmod u+w, and run the rename"
        " again)\n1 error; nothing was renamed.\n"
    )
    assert out == "" and _files(root) == before


@pytest.mark.parametrize("given", [[], ["--root", "."]])
def test_a_project_with_no_papers_folder_yet_is_not_told_it_is_the_wrong_folder(tmp_path, monkeypatch, capsys, given):
    # content/ without papers/ (a list started by hand, its topics first): the rename
    # said "content/papers: no such folder in P; --root must name the project folder,
    # the one holding mkdocs.yml and content/" of a folder holding both. There is no
    # paper to rename, as check reads it; a topic is renamed.
    (tmp_path / "content").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    topics = tmp_path / "content" / "topics.yml"
    topics.write_text("topics:\n  - id: merging\n    title: Merging\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main([*given, "rename", "a", "b"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("content/papers: no paper 'a' to rename;") and "folder" not in err.split(";")[0]
    assert "--root" not in err and "project folder" not in err
    assert main([*given, "rename", "--topic", "merging", "model-merging"]) == 0
    assert topics.read_text(encoding="utf-8").startswith("topics:\n  - id: model-merging\n")


def test_a_folder_with_no_content_is_told_it_is_no_project(tmp_path, capsys):
    assert main(["--root", str(tmp_path), "rename", "a", "b"]) == 1
    assert capsys.readouterr().err.splitlines()[0] == (
        f"content: no such folder in {tmp_path}; --root must name the project folder, the one"
        " holding mkdocs.yml and content/"
    )


def test_an_id_edited_by_hand_to_rename_is_told_the_rename_command_and_following_it_passes(root, capsys):
    # (hunt14: a curator renames a paper by editing its `id:`; the mv check offered alone
    # lost the old page's address and left the reading orders naming it in error.)
    papers = root / "content" / "papers"
    _edit(papers / "gradient-episodic-memory.yml", "id: gradient-episodic-memory", "id: gem")
    said = [e for e in _errors(root) if "does not match the file name" in e]
    assert len(said) == 1
    assert said[0].endswith(
        "; to rename the paper, its old address leading to the new and what names it changed too,"
        " write 'id: gradient-episodic-memory' back and run: readinglist rename gradient-episodic-memory gem"
    )
    # Done as told: no error, the old id the paper's former one.
    _edit(papers / "gradient-episodic-memory.yml", "id: gem", "id: gradient-episodic-memory")
    assert main(["--root", str(root), "rename", "gradient-episodic-memory", "gem"]) == 0
    assert _errors(root) == []
    assert "formerly: [gradient-episodic-memory]" in (papers / "gem.yml").read_text(encoding="utf-8")


def test_a_file_renamed_by_hand_is_told_to_move_back_and_rename_the_paper_forward(root):
    # (hunt18: a curator renamed the file, `git mv` or a file manager, its id left as it
    # was; told "write 'id: gem' back and run: readinglist rename gem
    # gradient-episodic-memory", the rename they followed took the paper back to its old id.)
    import subprocess

    def git(*args: str) -> None:
        subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True)

    git("init", "-q")
    git("add", "-A")
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "list")
    papers = root / "content" / "papers"
    git("mv", "content/papers/gradient-episodic-memory.yml", "content/papers/gem.yml")
    said = [e for e in _errors(root) if "does not match the file name" in e]
    assert len(said) == 1
    assert said[0].endswith(
        "; to rename the paper, its old address leading to the new and what names it changed too,"
        " move the file back, mv content/papers/gem.yml content/papers/gradient-episodic-memory.yml,"
        " and run: readinglist rename gradient-episodic-memory gem"
    ), said[0]
    # Done as told: no error, the old id the paper's former one.
    git("mv", "content/papers/gem.yml", "content/papers/gradient-episodic-memory.yml")
    assert main(["--root", str(root), "rename", "gradient-episodic-memory", "gem"]) == 0
    assert _errors(root) == []
    assert "formerly: [gradient-episodic-memory]" in (papers / "gem.yml").read_text(encoding="utf-8")


def test_a_new_paper_given_a_deleted_papers_id_is_told_to_take_its_own_not_to_move_back(root):
    # (hunt20: a deleted paper's id taken for another paper in a file named otherwise was
    # told the rename's fix, "move the file back ... and run: readinglist rename", or a
    # `formerly:`: either led the deleted paper's address and readers' marks to the new one.)
    import subprocess

    def git(*args: str) -> None:
        subprocess.run(
            ["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@t", *args],
            check=True, capture_output=True,
        )

    git("init", "-q")
    git("add", "-A")
    git("commit", "-qm", "list")
    git("rm", "-q", "content/papers/gradient-episodic-memory.yml")
    git("commit", "-qm", "drop a paper")
    papers = root / "content" / "papers"
    (papers / "gem-two.yml").write_text(
        "id: gradient-episodic-memory\ntitle: Another Paper Entirely\nauthors: [A. Writer]\nyear: 2024\n",
        encoding="utf-8",
    )
    before = subprocess.run(
        ["git", "-C", str(root), "rev-parse", "--short", "HEAD~1"], check=True, capture_output=True, text=True
    ).stdout.strip()
    said = [e for e in _errors(root) if "does not match the file name" in e]
    assert len(said) == 1
    assert "readinglist rename" not in said[0] and "formerly" not in said[0], said[0]
    assert said[0].startswith("content/papers/gem-two.yml:1:5: id 'gradient-episodic-memory' does not match")
    assert said[0].endswith(
        "; 'gradient-episodic-memory' was the id of another paper ('Gradient Episodic Memory for"
        " Continual Learning'), deleted since (git's copy of gradient-episodic-memory.yml at"
        f" {before}): its address, and readers' marks of it, would lead"
        " to this one; give this paper its own id: write 'id: gem-two'"
    ), said[0]
    # The same paper's file renamed, its deletion committed without the new file (`git
    # commit -a`), is still a rename: the fix moves it back and renames it forward.
    (papers / "gem-two.yml").unlink()
    copy = subprocess.run(
        ["git", "-C", str(root), "show", "HEAD~1:content/papers/gradient-episodic-memory.yml"],
        check=True, capture_output=True,
    ).stdout
    (papers / "gem.yml").write_bytes(copy)
    said = [e for e in _errors(root) if "does not match the file name" in e]
    assert len(said) == 1
    assert said[0].endswith("and run: readinglist rename gradient-episodic-memory gem"), said[0]
    # Done as told: the new paper named for its own id, no error of its file.
    (papers / "gem.yml").unlink()
    (papers / "gem-two.yml").write_text(
        "id: gem-two\ntitle: Another Paper Entirely\nauthors: [A. Writer]\nyear: 2024\n", encoding="utf-8"
    )
    assert not [e for e in _errors(root) if "gem-two" in e]


def test_without_git_the_importers_record_tells_a_deleted_papers_id_taken_by_another_paper(root):
    # (hunt20: as git's copy does, the record of the deleted paper's values: a file of
    # another paper giving its id is told to take its own; one of that paper is not.)
    from tests.test_check_beside import record

    record(root, **{"gradient-episodic-memory": "Gradient Episodic Memory for Continual Learning"})
    papers = root / "content" / "papers"
    old = (papers / "gradient-episodic-memory.yml").read_text(encoding="utf-8")
    (papers / "gradient-episodic-memory.yml").unlink()
    (papers / "gem-two.yml").write_text(
        "id: gradient-episodic-memory\ntitle: Another Paper Entirely\nauthors: [A. Writer]\nyear: 2024\n",
        encoding="utf-8",
    )
    said = [e for e in _errors(root) if "does not match the file name" in e]
    assert len(said) == 1 and "formerly" not in said[0], said
    assert said[0].endswith(
        "; 'gradient-episodic-memory' was the id of another paper, deleted since (the importer's record,"
        " content/sources/imported.json): its address, and readers' marks of it, would lead to this"
        " one; give this paper its own id: write 'id: gem-two'"
    ), said[0]
    (papers / "gem-two.yml").unlink()
    (papers / "gem.yml").write_text(old, encoding="utf-8")
    said = [e for e in _errors(root) if "does not match the file name" in e]
    assert len(said) == 1 and "another paper" not in said[0] and "readinglist rename" in said[0], said


@pytest.mark.parametrize(
    "retitled, authors",
    [
        # "Fix the title, fix the slug" in one change: a typo of the title corrected ...
        ("Gradient Episodic Memory for Continual Learning", "[Grace Hopper]"),
        # ... or the title rewritten, its people kept (and their names' spelling fixed).
        ("Episodic Memory Against Forgetting", "['Hopper, Grace M.']"),
    ],
)
def test_a_paper_renamed_and_retitled_in_one_change_is_still_told_the_rename(root, retitled, authors):
    # (rev123: with no arXiv id, DOI or abstract, a title edited in the change that renamed
    # the file shared no exact value with git's copy: told "another paper ... give this
    # paper its own id", the curator who followed it lost the paper's published address
    # and readers' marks of it.)
    import subprocess

    def git(*args: str) -> None:
        subprocess.run(
            ["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@t", *args],
            check=True, capture_output=True,
        )

    papers = root / "content" / "papers"
    old = papers / "gradient-episodic-memory.yml"
    text = old.read_text(encoding="utf-8")
    text = text[: text.index("abstract: |")].replace("doi: 10.5555/3295222.3295393\n", "")
    old.write_text(text.replace("Episodic Memory for", "Episodic Memroy for"), encoding="utf-8")
    git("init", "-q")
    git("add", "-A")
    git("commit", "-qm", "list")
    git("mv", "content/papers/gradient-episodic-memory.yml", "content/papers/gem.yml")
    new = text.replace("title: Gradient Episodic Memory for Continual Learning", f"title: {retitled}")
    (papers / "gem.yml").write_text(new.replace("[Grace Hopper]", authors), encoding="utf-8")
    said = [e for e in _errors(root) if "does not match the file name" in e]
    assert len(said) == 1 and "another paper" not in said[0], said
    assert said[0].endswith("and run: readinglist rename gradient-episodic-memory gem"), said[0]


def test_without_git_a_paper_renamed_and_retitled_is_still_told_the_rename_by_the_record(root):
    # (rev123: the importer's record keeps a title's normalised digest and the family names
    # of its people beside the values' digests: a title's case changed, or a title
    # rewritten by the same people, is the same paper, not "another paper".)
    from generator import provenance
    from generator.matchkeys import surname_marks, title_key

    title = "Gradient Episodic Memory for Continual Learning"
    views = {
        "gradient-episodic-memory": provenance.Seen(
            {
                "title": frozenset({provenance.digest(title), title_key(title)}),
                "authors": frozenset({provenance.digest(["Grace Hopper"]), *surname_marks(["Grace Hopper"])}),
            },
            frozenset(),
        )
    }
    path = root / "content" / provenance.RELATIVE_PATH
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(provenance.dumps(views), encoding="utf-8")
    papers = root / "content" / "papers"
    text = (papers / "gradient-episodic-memory.yml").read_text(encoding="utf-8")
    text = text[: text.index("abstract: |")].replace("doi: 10.5555/3295222.3295393\n", "")
    (papers / "gradient-episodic-memory.yml").unlink()
    for retitled, authors in (
        ("Gradient episodic memory for continual learning", "[G. Hopper]"),
        ("Episodic Memory Against Forgetting", "[Grace Hopper, Ada Lovelace]"),
    ):
        new = text.replace(f"title: {title}", f"title: {retitled}").replace("[Grace Hopper]", authors)
        (papers / "gem.yml").write_text(new, encoding="utf-8")
        said = [e for e in _errors(root) if "does not match the file name" in e]
        assert len(said) == 1 and "another paper" not in said[0] and "readinglist rename" in said[0], said
    # Another paper, its title and people none of the record's, or one of its several people
    # alone sharing a family name with the record's, is still told to take its own id.
    for authors in ("[A. Writer]", "[A. Writer, B. Hopper, C. Reader]"):
        (papers / "gem.yml").write_text(
            f"id: gradient-episodic-memory\ntitle: Another Paper Entirely\nauthors: {authors}\nyear: 2024\n",
            encoding="utf-8",
        )
        said = [e for e in _errors(root) if "does not match the file name" in e]
        assert len(said) == 1 and "was the id of another paper" in said[0], said


def test_a_new_paper_sharing_one_family_name_with_the_deleted_ones_people_is_another_paper(root):
    # (rev123: most of the people of the shorter list in the other tie a retitled paper to
    # its git copy; one family name shared, a Wang or a Zhang of two papers of one field,
    # does not.)
    import subprocess

    def git(*args: str) -> None:
        subprocess.run(
            ["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@t", *args],
            check=True, capture_output=True,
        )

    papers = root / "content" / "papers"
    _edit(papers / "gradient-episodic-memory.yml", "authors: [Grace Hopper]", "authors: [Grace Hopper, Alan Turing, Ada Lovelace]")
    git("init", "-q")
    git("add", "-A")
    git("commit", "-qm", "list")
    git("rm", "-q", "content/papers/gradient-episodic-memory.yml")
    (papers / "gem-two.yml").write_text(
        "id: gradient-episodic-memory\ntitle: Another Paper Entirely\n"
        "authors: [A. Writer, B. Turing, C. Reader, D. Author]\nyear: 2024\n",
        encoding="utf-8",
    )
    said = [e for e in _errors(root) if "does not match the file name" in e]
    assert len(said) == 1 and "was the id of another paper" in said[0], said
    # Most of them: the same paper, its author list completed and its title rewritten.
    (papers / "gem-two.yml").write_text(
        "id: gradient-episodic-memory\ntitle: Another Paper Entirely\n"
        "authors: [G. Hopper, A. Turing, C. Reader, D. Author]\nyear: 2017\n",
        encoding="utf-8",
    )
    said = [e for e in _errors(root) if "does not match the file name" in e]
    assert len(said) == 1 and "another paper" not in said[0] and "readinglist rename" in said[0], said


def test_a_misnamed_files_formerly_list_is_told_to_be_added_to(root):
    papers = root / "content" / "papers"
    _edit(papers / "gradient-episodic-memory.yml", "id: gradient-episodic-memory",
          "id: gem\nformerly: [gem-2017]")
    said = [e for e in _errors(root) if "does not match the file name" in e]
    assert len(said) == 1
    assert "if the site was published with 'gem', add 'gem' to its 'formerly:' list so that address leads here" in said[0]


def _committed(root: Path) -> str:
    """The list made a git repository, all of it committed: that commit, abbreviated."""
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "list")
    return git(root, "rev-parse", "--short", "HEAD").strip()


def _another_paper_in(path: Path) -> None:
    """Write over ``path`` a paper with the id of its name and no value of the fixture's."""
    path.write_text(
        f"id: {path.stem}\ntitle: Another Paper Entirely\nauthors: [A. Writer]\nyear: 2024\n", encoding="utf-8"
    )


def _reused(root: Path) -> list[str]:
    return [e for e in _errors(root) if "was the id of another paper" in e]


def test_a_papers_file_written_over_with_another_paper_is_told_to_take_its_own_id(root):
    # (hunt22: a paper's file, named for its id, given another paper's title and people
    # over the old ones said nothing: the old paper's address, readers' marks of it and
    # other sites' links to it led to the new one.)
    head = _committed(root)
    papers = root / "content" / "papers"
    old = (papers / "gradient-episodic-memory.yml").read_text(encoding="utf-8")
    _another_paper_in(papers / "gradient-episodic-memory.yml")
    assert _reused(root) == [
        "content/papers/gradient-episodic-memory.yml:1:5: 'gradient-episodic-memory' was the id of another"
        " paper ('Gradient Episodic Memory for Continual Learning') (git's copy of gradient-episodic-memory.yml"
        f" at {head}), and this file gives it to another paper now: that paper's address"
        " papers/gradient-episodic-memory/, readers' marks of it and other sites' links to it would lead to"
        " this one; give this paper its own id: write 'id: another-paper-entirely' and rename the file,"
        " mv content/papers/gradient-episodic-memory.yml content/papers/another-paper-entirely.yml; to keep"
        f" that paper too, bring its file back once this one is moved: git checkout {head} --"
        " content/papers/gradient-episodic-memory.yml"
    ]
    # Committed, the reuse is the curator's: nothing is said of it.
    git(root, "commit", "-qam", "the id reused")
    assert _reused(root) == []
    git(root, "checkout", "-q", "HEAD~1", "--", "content/papers/gradient-episodic-memory.yml")
    git(root, "commit", "-qam", "the paper back")
    # The same paper edited is no other: a typo of its title fixed ...
    (papers / "gradient-episodic-memory.yml").write_text(
        old.replace("Episodic Memory for", "Episodic Memroy for"), encoding="utf-8"
    )
    assert _reused(root) == []
    # ... its title rewritten, its DOI kept ...
    rewritten = old.replace("Gradient Episodic Memory for Continual Learning", "Episodic Memory Against Forgetting")
    text = rewritten[: rewritten.index("abstract: |")]
    (papers / "gradient-episodic-memory.yml").write_text(text, encoding="utf-8")
    assert _reused(root) == []
    # ... or its file written anew with its people, no DOI nor abstract.
    (papers / "gradient-episodic-memory.yml").write_text(
        "id: gradient-episodic-memory\ntitle: Episodic Memory Against Forgetting\n"
        "authors: ['Hopper, Grace M.']\nyear: 2017\n",
        encoding="utf-8",
    )
    assert _reused(root) == []


def test_a_deleted_papers_file_made_again_for_another_paper_is_told_to_take_its_own_id(root):
    # (hunt22: the deletion committed, a new file of that name and id is another paper:
    # git's copy before the deletion tells it.)
    before = _committed(root)
    git(root, "rm", "-q", "content/papers/gradient-episodic-memory.yml")
    git(root, "commit", "-qm", "drop a paper")
    papers = root / "content" / "papers"
    _another_paper_in(papers / "gradient-episodic-memory.yml")
    said = _reused(root)
    assert len(said) == 1 and f"(git's copy of gradient-episodic-memory.yml at {before})" in said[0], said
    assert said[0].startswith("content/papers/gradient-episodic-memory.yml:1:5: 'gradient-episodic-memory'")
    # The deleted paper brought back is that paper.
    git(root, "checkout", "-q", "HEAD~1", "--", "content/papers/gradient-episodic-memory.yml")
    assert _reused(root) == []


def _record_gem(root: Path) -> Path:
    """The importer's record of gradient-episodic-memory by its title, as the importer keeps
    it (its digest, and its matching form's): the record's path."""
    from generator import provenance
    from generator.matchkeys import title_key

    title = "Gradient Episodic Memory for Continual Learning"
    # (And, as for a paper the importer made, that it wrote the title into the file.)
    seen = provenance.Seen(
        {"title": frozenset({provenance.digest(title), title_key(title)}), "title written": frozenset({"0"})},
        frozenset(),
    )
    path = root / "content" / provenance.RELATIVE_PATH
    path.parent.mkdir(parents=True)
    path.write_text(provenance.dumps({"gradient-episodic-memory": seen}), encoding="utf-8")
    return path


# What the record tells of gradient-episodic-memory.yml written over with another paper.
WRITTEN_OVER = (
        "content/papers/gradient-episodic-memory.yml:1:5: 'gradient-episodic-memory' was the id of another"
        " paper (the importer's record, content/sources/imported.json), and this file gives it to another"
        " paper now: that paper's address papers/gradient-episodic-memory/, readers' marks of it and other"
        " sites' links to it would lead to this one; give this paper its own id: write"
        " 'id: another-paper-entirely' and rename the file, mv content/papers/gradient-episodic-memory.yml"
        " content/papers/another-paper-entirely.yml"
)


def test_without_git_the_importers_record_tells_a_file_written_over_with_another_paper(root):
    _record_gem(root)
    papers = root / "content" / "papers"
    old = (papers / "gradient-episodic-memory.yml").read_text(encoding="utf-8")
    _another_paper_in(papers / "gradient-episodic-memory.yml")
    assert _reused(root) == [WRITTEN_OVER]
    # The recorded paper with a typo of its title fixed is that paper.
    (papers / "gradient-episodic-memory.yml").write_text(
        old.replace("Gradient Episodic Memory for", "Gradient episodic memory for"), encoding="utf-8"
    )
    assert _reused(root) == []


def test_without_git_a_file_written_over_before_an_import_is_told_by_the_record_after_it(root, capsys):
    # (hunt24: a file older than the record was taken for one the import had read and
    # recorded, and not compared: an import of another paper, which leaves the record of
    # the written-over paper's id as it was, made check quiet about it.)
    from generator import provenance

    record = _record_gem(root)
    papers = root / "content" / "papers"
    _another_paper_in(papers / "gradient-episodic-memory.yml")
    assert len(_reused(root)) == 1
    listing = root / "more.bib"
    listing.write_text(
        "@article{third2020,\n  title = {A Third Paper on Memory},\n  author = {Writer, Anna},\n"
        "  year = {2020},\n}\n",
        encoding="utf-8",
    )
    before = record.stat().st_mtime_ns
    assert main(["--root", str(root), "import", "-q", str(listing)]) == 0
    capsys.readouterr()
    # (The import wrote the record after the file, and kept what it had of that id.)
    assert record.stat().st_mtime_ns > before
    assert "gradient-episodic-memory" in provenance.load(record)
    assert _reused(root) == [WRITTEN_OVER]


def test_without_git_a_hand_written_paper_an_import_merged_into_by_a_similar_title_is_not_told(root, capsys):
    # (rev132: the record of a paper the importer merged into a curator's file by a
    # similar title holds the source's title only, which the file keeps its own of (a
    # conflict, the file's value kept): since every file is compared with the record
    # without git, the untouched file was told it "gives the id to another paper".)
    papers = root / "content" / "papers"
    mine = papers / "mtob.yml"
    mine.write_text(
        "id: mtob\ntitle: Learning to Translate a New Language from One Grammar Book\n"
        "authors: [Garrett Tanzer, Mirac Suzgun]\nyear: 2024\narxiv: '2309.16575'\n",
        encoding="utf-8",
    )
    listing = root / "more.bib"
    listing.write_text(
        "@misc{mtob,\n  title = {Learning to Translate a New Language from One Grammar Book: MTOB},\n"
        "  year = {2024},\n  howpublished = {ICLR},\n}\n",
        encoding="utf-8",
    )
    assert main(["--root", str(root), "import", str(listing)]) == 0
    said = capsys.readouterr()
    assert "already in the list as mtob (similar title" in said.out + said.err
    assert "title: Learning to Translate a New Language from One Grammar Book\n" in mine.read_text(encoding="utf-8")
    assert _reused(root) == []
    # Its title's typo fixed by hand after the import, nor then.
    _edit(mine, "One Grammar Book", "One Grammar book")
    assert _reused(root) == []


def test_a_topic_renamed_by_hand_is_told_its_formerly_or_the_rename_command(root):
    # (hunt22: a topic's id changed in topics.yml, no `formerly:`, lost its old address
    # with nothing said where the topic is: papers naming the old id were told "unknown
    # topic" only, and with none naming it, nothing at all.)
    head = _committed(root)
    topics = root / "content" / "topics.yml"
    _edit(topics, "  - id: model-merging\n", "  - id: weight-merging\n")

    def told() -> list[str]:
        _, problems = load_content(root / "content", root)
        return [str(p) for p in problems.warnings if "was 'model-merging'" in p.message]

    assert told() == [
        "content/topics.yml:19:9: warning: topic 'weight-merging' was 'model-merging' (git's copy of"
        f" content/topics.yml at {head}): its old address topics/model-merging/ leads nowhere now, and"
        " papers naming 'model-merging' name no topic; add 'formerly: [model-merging]' so the old address"
        " leads here, or, to rename it with every paper and page naming it, write 'id: model-merging' back"
        " and run: readinglist rename --topic model-merging weight-merging"
    ]
    # Done as told, nothing more is said of it.
    _edit(topics, "  - id: weight-merging\n", "  - id: weight-merging\n    formerly: [model-merging]\n")
    assert told() == []
    # Another topic in its place (another title, description and reading order) is no
    # rename of it.
    git(root, "checkout", "-q", "--", "content/topics.yml")
    _edit(topics, "  - id: model-merging\n    title: Model merging", "  - id: weight-merging\n    title: Pruning")
    _edit(topics, "Combining the weights of *fine-tuned* models.", "Removing weights.")
    _edit(topics, "      - task-vectors\n      - merging-by-arithmetic\n", "      - task-vectors\n")
    assert told() == []


def test_a_topic_renamed_and_retitled_by_hand_is_told_by_its_description_or_reading_order(root):
    # (hunt24: its id and title changed at once, nothing was said: git's copy was matched
    # by title alone. What is the topic's own besides them, its description or its
    # reading order unchanged, tells it.)
    head = _committed(root)
    topics = root / "content" / "topics.yml"
    _edit(topics, "  - id: model-merging\n    title: Model merging <& task arithmetic>",
          "  - id: weight-merging\n    title: Weight merging")

    def told() -> list[str]:
        _, problems = load_content(root / "content", root)
        return [str(p) for p in problems.warnings if "was 'model-merging'" in p.message]

    remedy = (
        ": its old address topics/model-merging/ leads nowhere now, and papers naming 'model-merging'"
        " name no topic; add 'formerly: [model-merging]' so the old address leads here, or, to rename it"
        " with every paper and page naming it, write 'id: model-merging' back and run: readinglist"
        " rename --topic model-merging weight-merging"
    )
    assert told() == [
        "content/topics.yml:19:9: warning: topic 'weight-merging' was 'model-merging' (git's copy of"
        f" content/topics.yml at {head} has 'model-merging' with this topic's description and reading"
        " order)" + remedy
    ]
    # Its description rewritten too, its reading order tells it still.
    _edit(topics, "Combining the weights of *fine-tuned* models.", "Merging weights.")
    assert told() == [
        "content/topics.yml:19:9: warning: topic 'weight-merging' was 'model-merging' (git's copy of"
        f" content/topics.yml at {head} has 'model-merging' with this topic's reading order)" + remedy
    ]
    # Done as told, nothing more is said of it.
    _edit(topics, "  - id: weight-merging\n", "  - id: weight-merging\n    formerly: [model-merging]\n")
    assert told() == []


def test_a_file_given_another_papers_id_renamed_with_the_command_does_not_keep_that_id(root, capsys):
    # (rev129: check says the id was another paper's and asks for one of this paper's own;
    # `readinglist rename` then kept the old id in the renamed paper's formerly:, so the
    # other paper's address, readers' marks and other sites' links led to it after all.)
    _committed(root)
    papers = root / "content" / "papers"
    _another_paper_in(papers / "gradient-episodic-memory.yml")
    assert len(_reused(root)) == 1
    capsys.readouterr()
    assert main(["--root", str(root), "rename", "gradient-episodic-memory", "another-paper-entirely"]) == 0
    out = capsys.readouterr().out
    assert not (papers / "gradient-episodic-memory.yml").exists()
    assert (papers / "another-paper-entirely.yml").read_text(encoding="utf-8") == (
        "id: another-paper-entirely\ntitle: Another Paper Entirely\nauthors: [A. Writer]\nyear: 2024\n"
    )
    assert out.splitlines()[-1] == (
        "renamed: paper 'gradient-episodic-memory' is now 'another-paper-entirely'"
        " (content/papers/gradient-episodic-memory.yml -> another-paper-entirely.yml; not in its formerly:"
        " 'gradient-episodic-memory' was another paper's id, and the references to it, written for that"
        " paper, are left as they are)"
    ), out
    # The continual-learning topic's reading order names the other paper still (rewritten,
    # the new paper took its place there), and its file brought back as the error says,
    # the list is whole again.
    assert "      - gradient-episodic-memory\n" in (root / "content" / "topics.yml").read_text(encoding="utf-8")
    git(root, "checkout", "-q", "HEAD", "--", "content/papers/gradient-episodic-memory.yml")
    assert _errors(root) == []
    assert git(root, "status", "--porcelain", "--", "content/papers", "content/topics.yml") == (
        "?? content/papers/another-paper-entirely.yml\n"
    )

