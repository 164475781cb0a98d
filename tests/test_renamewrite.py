"""A rename killed outright (`kill -9`, a power cut) at any moment while it puts its
files in place: `check` says a rename was cut off (not "two files of one paper"), and
the next rename or import finishes it, to exactly the files an uninterrupted rename
writes; an error or Ctrl-C meanwhile puts every file back, journal included."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from generator import renamewrite
from generator.cli import main
from tests.test_build import FIXTURE, REPO

# The rename run in a process of its own, killed outright (os._exit: no cleanup runs)
# at its Nth removal or replacement of a file: each is a step where a kill lands
# between two of them.
_KILLED_AT = """
import os, sys
from generator.cli import main
calls, at = [0], int(sys.argv[1])
for name in NAMES:
    def step(*args, _real=getattr(os, name), **kwargs):
        calls[0] += 1
        if calls[0] == at:
            os._exit(9)
        return _real(*args, **kwargs)
    setattr(os, name, step)
sys.exit(main(sys.argv[2:]))
"""
_KILLED = _KILLED_AT.replace("NAMES", '("replace", "unlink")')
# ... or at its Nth flush to disk: a temporary written (and, last, the journal's own),
# before the journal is in place.
_KILLED_SYNCING = _KILLED_AT.replace("NAMES", '("fsync",)')

PAPER = ["gradient-episodic-memory", "gem"]
TOPIC = ["--topic", "model-merging", "merging"]


def _project(folder: Path) -> Path:
    shutil.copytree(FIXTURE, folder / "content")
    (folder / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    about = folder / "content" / "pages" / "about.md"
    about.write_text(
        about.read_text(encoding="utf-8")
        + "\nSee [GEM](papers/gradient-episodic-memory.md) and [merging](topics/model-merging/index.md).\n",
        encoding="utf-8",
    )
    return folder


def _killed(
    root: Path, at: int, args: tuple[str, ...] | list[str], script: str = _KILLED
) -> subprocess.CompletedProcess:
    """``readinglist rename ARGS`` in ``root``, killed outright at its ``at``-th step
    (of the steps ``script`` counts: ``_KILLED``'s or ``_KILLED_SYNCING``'s)."""
    return subprocess.run(
        [sys.executable, "-c", script, str(at), "--root", str(root), "rename", *args],
        cwd=REPO, capture_output=True, text=True,
    )


def _renamed_and_killed(tmp_path: Path, at: int) -> tuple[Path, Path]:
    """The project renamed whole (PAPER), and one whose rename was killed at step ``at``."""
    done = _project(tmp_path / "done")
    assert main(["--root", str(done), "rename", *PAPER]) == 0
    root = _project(tmp_path / "killed")
    _killed(root, at, PAPER)
    return done, root


def _files(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted((root / "content").rglob("*"))
        if p.is_file() and p.name != ".import.lock"
    }


def _steps(root: Path, args: list[str], monkeypatch) -> list[str]:
    """The files an uninterrupted rename replaces and removes, in order."""
    seen: list[str] = []
    for name in ("replace", "unlink"):
        real = getattr(os, name)

        def step(*a, _real=real, _name=name, **k):
            seen.append(f"{_name} {os.path.basename(a[0])}")
            return _real(*a, **k)

        monkeypatch.setattr(os, name, step)
    assert main(["--root", str(root), "rename", *args]) == 0
    monkeypatch.undo()
    return seen


@pytest.mark.parametrize("args", [PAPER, TOPIC], ids=["paper", "topic"])
def test_a_rename_killed_at_any_step_is_finished_by_the_next_one(tmp_path, monkeypatch, capsys, args):
    done = _project(tmp_path / "done")
    steps = _steps(done, args, monkeypatch)
    finished = _files(done)
    assert not any(name.endswith(".tmp") or name.endswith(".rename.json") for name in finished)
    # The journal is put in place first and removed last (and the files between).
    opened = steps.index(next(s for s in steps if s.startswith("replace ..rename.json.")))
    closed = steps.index("unlink .rename.json")
    assert opened == 0 and closed == len(steps) - 1 and closed - opened >= 4
    what, old, new = ("topic", *args[1:]) if args[0] == "--topic" else ("paper", *args)
    command = f"readinglist rename {'--topic ' if what == 'topic' else ''}{old} {new}"
    capsys.readouterr()
    for at in range(1, len(steps) + 1):
        root = _project(tmp_path / f"killed-{at}")
        killed = _killed(root, at, args)
        assert killed.returncode == 9, killed.stderr
        cut = opened < at - 1 <= closed  # (killed after the journal was put in place, at steps[at - 1])
        assert (root / "content" / ".rename.json").exists() == cut
        assert main(["--root", str(root), "check"]) == int(cut)
        said = capsys.readouterr().out
        if cut:
            assert said.splitlines()[0] == (
                f"content/.rename.json: a rename was cut off ({what} {old} -> {new}): run"
                f" `{command}` again to finish it (an import finishes it too)"
            )
            assert "same paper" not in said and said.splitlines()[1].startswith("1 error,")
        assert main(["--root", str(root), "rename", *args]) == 0
        out = capsys.readouterr().out
        if cut:
            assert out == f"finished a rename that was cut off: {what} {old} -> {new}\n"
            assert _files(root) == finished, at
        else:  # (killed as the journal was put in place: nothing was renamed)
            assert "finished" not in out and f"renamed: {what} '{old}' is now '{new}'" in out
            kept = {name: text for name, text in _files(root).items() if not name.endswith(".tmp")}
            assert kept == finished, at


def test_an_import_finishes_a_rename_cut_off(tmp_path, capsys):
    done = _project(tmp_path / "done")
    assert main(["--root", str(done), "rename", *PAPER]) == 0
    root = _project(tmp_path / "killed")
    _killed(root, 3, PAPER)
    assert (root / "content" / ".rename.json").exists()
    bib = tmp_path / "new.bib"
    bib.write_text("@article{x, title={A New Paper}, year={2024}}\n", encoding="utf-8")
    for project in (done, root):
        capsys.readouterr()
        assert main(["--root", str(project), "import", str(bib)]) == 0
    said = capsys.readouterr().out.splitlines()
    assert "finished a rename that was cut off: paper gradient-episodic-memory -> gem" in said
    assert _files(root) == _files(done)


def test_a_rename_cut_off_whose_new_file_is_gone_is_not_finished(tmp_path, capsys):
    root = _project(tmp_path / "killed")
    _killed(root, 2, PAPER)
    journal = renamewrite.read(root / "content" / ".rename.json")
    tmp, path = journal.moves[0]
    assert path.name == "gem.yml" and not path.exists()
    tmp.unlink()  # (as `git clean -fX content/papers` would)
    before = _files(root)
    assert main(["--root", str(root), "rename", *PAPER]) == 1
    assert (
        "content/.rename.json: a rename was cut off (paper gradient-episodic-memory -> gem), and"
        " gem.yml, which it was writing, is gone" in capsys.readouterr().err
    )
    assert _files(root) == before  # (the paper's old file above all)


@pytest.mark.parametrize(
    "at, name, verb",
    [(3, "topics.yml", "write"), (2, "papers/gradient-episodic-memory.yml", "remove")],
)
def test_a_file_edited_after_a_rename_was_cut_off_is_not_written_over(tmp_path, capsys, at, name, verb):
    done, root = _renamed_and_killed(tmp_path, at)
    edited = root / "content" / name
    text = edited.read_bytes()
    edited.write_bytes(text + b"# a curator's note\n")
    before = _files(root)
    capsys.readouterr()
    assert main(["--root", str(root), "rename", *PAPER]) == 1
    assert capsys.readouterr().err.startswith(
        f"content/{name}: changed since a rename (paper gradient-episodic-memory -> gem) was"
        f" cut off, which was to {verb} it: undo the change and run `readinglist rename"
        " gradient-episodic-memory gem` again to finish the rename, or remove"
        " content/.rename.json to leave the files as they are"
    )
    assert _files(root) == before
    edited.write_bytes(text)  # (the change undone: the rename is finished)
    assert main(["--root", str(root), "rename", *PAPER]) == 0
    assert _files(root) == _files(done)


@pytest.mark.parametrize("stop", [KeyboardInterrupt, PermissionError(13, "Permission denied")])
def test_a_rename_stopped_while_it_puts_files_in_place_leaves_no_journal(tmp_path, monkeypatch, stop):
    root = _project(tmp_path / "project")
    before = _files(root)
    replace = os.replace

    def stopped(src, dst):
        if str(dst).endswith("about.md"):
            raise stop
        return replace(src, dst)

    monkeypatch.setattr(os, "replace", stopped)
    assert main(["--root", str(root), "rename", *PAPER]) in (1, 130)
    assert _files(root) == before
    assert main(["--root", str(root), "check"]) == 0


@pytest.mark.parametrize(
    "record",
    [
        # a file outside the content folder, by ".." or by an absolute path
        {"put": [], "remove": "../outside.yml", "kept": [], "was": [["../outside.yml", None]]},
        {"put": [], "remove": "{outside}", "kept": [], "was": [["{outside}", None]]},
        {"put": [["../.outside.yml.0123456789ab.tmp", "../outside.yml"]], "remove": None, "kept": [], "was": []},
        # a curator's file named as a copy kept, or as a temporary, or removed unchecked
        {"put": [], "remove": None, "kept": ["papers/gradient-episodic-memory.yml"], "was": []},
        {"put": [["papers/gradient-episodic-memory.yml", "papers/gem.yml"]], "remove": None, "kept": [],
         "was": [["papers/gem.yml", None]]},
        {"put": [], "remove": "papers/gradient-episodic-memory.yml", "kept": [], "was": []},
    ],
    ids=["dotdot", "absolute", "moved-outside", "kept-curators", "temporary-curators", "removed-unchecked"],
)
def test_a_journal_naming_files_it_did_not_write_moves_and_removes_nothing(tmp_path, capsys, record):
    root = _project(tmp_path / "project")
    outside = tmp_path / "project" / "outside.yml"
    outside.write_text("mine\n", encoding="utf-8")
    (tmp_path / "project" / ".outside.yml.0123456789ab.tmp").write_text("x\n", encoding="utf-8")
    text = json.dumps({"rename": "paper", "old": "a", "new": "b", **record}).replace("{outside}", str(outside))
    (root / "content" / ".rename.json").write_text(text, encoding="utf-8")
    before = _files(root)
    assert main(["--root", str(root), "rename", *PAPER]) == 1
    assert "content/.rename.json: a rename was cut off, and its record cannot be read" in capsys.readouterr().err
    assert _files(root) == before
    assert outside.read_text(encoding="utf-8") == "mine\n"
    assert main(["--root", str(root), "check"]) == 1
    assert capsys.readouterr().out.startswith(
        "content/.rename.json: a rename was cut off, and its record cannot be read: the rename is"
        " not finished; check the list (readinglist check without this file), then remove this file\n"
    )


def test_a_rename_cut_off_whose_temporary_of_a_file_it_edits_is_gone_is_not_finished(tmp_path, capsys):
    # (topics.yml's temporary removed by hand, topics.yml as it was: finishing took it as
    # put in place, and the rename stayed half made, its journal gone)
    root = _project(tmp_path / "killed")
    _killed(root, 2, PAPER)
    journal = renamewrite.read(root / "content" / ".rename.json")
    tmp, path = next((tmp, path) for tmp, path in journal.moves if path.name == "topics.yml")
    assert tmp.exists() and path.exists()
    tmp.unlink()
    before = _files(root)
    assert main(["--root", str(root), "rename", *PAPER]) == 1
    assert (
        "content/.rename.json: a rename was cut off (paper gradient-episodic-memory -> gem), and"
        " topics.yml, which it was writing, is gone" in capsys.readouterr().err
    )
    assert _files(root) == before


def _temporaries(root: Path) -> list[Path]:
    return [p for p in (root / "content").rglob("*.tmp")]


def _aged(paths: list[Path], seconds: float = 120) -> None:
    """As if ``seconds`` had passed since the files were last written."""
    for path in paths:
        then = path.lstat().st_mtime - seconds
        os.utime(path, (then, then), follow_symlinks=False)


def _syncs_before_the_journal(root: Path, args: list[str], monkeypatch) -> int:
    """How many times an uninterrupted rename flushes a file to disk before its journal
    is put in place (each temporary, each folder, the journal's temporary)."""
    seen: list[str] = []
    fsync, replace = os.fsync, os.replace

    def synced(fd):
        seen.append("fsync")
        return fsync(fd)

    def replaced(*a, **k):
        seen.append("replace")
        return replace(*a, **k)

    monkeypatch.setattr(os, "fsync", synced)
    monkeypatch.setattr(os, "replace", replaced)
    assert main(["--root", str(root), "rename", *args]) == 0
    monkeypatch.undo()
    return seen.index("replace")


@pytest.mark.parametrize("args", [PAPER, TOPIC], ids=["paper", "topic"])
def test_temporaries_a_rename_killed_before_its_journal_left_are_removed_by_the_next_one(
    tmp_path, monkeypatch, capsys, args
):
    # Killed before its journal was in place, a rename changed nothing, but its
    # temporaries stayed in content/, content/papers and content/pages (git-ignored:
    # unseen, piling up with each kill).
    done = _project(tmp_path / "done")
    syncs = _syncs_before_the_journal(done, args, monkeypatch)
    finished = _files(done)
    assert syncs >= 5
    for at in range(1, syncs + 1):
        root = _project(tmp_path / f"killed-{at}")
        killed = _killed(root, at, args, _KILLED_SYNCING)
        assert killed.returncode == 9, killed.stderr
        left = _temporaries(root)
        assert left and not (root / "content" / ".rename.json").exists(), at
        _aged(left)  # (a minute and more later: no running command's)
        assert main(["--root", str(root), "rename", *args]) == 0
        assert "finished" not in capsys.readouterr().out
        assert _files(root) == finished, at  # (no temporary among them)


def test_temporaries_a_rename_killed_before_its_journal_left_are_removed_by_an_import(tmp_path, capsys):
    done = _project(tmp_path / "done")
    root = _project(tmp_path / "killed")
    _killed(root, 3, PAPER, _KILLED_SYNCING)
    left = _temporaries(root)
    assert {p.parent.name for p in left} >= {"content", "papers"}
    _aged(left)
    bib = tmp_path / "new.bib"
    bib.write_text("@article{x, title={A New Paper}, year={2024}}\n", encoding="utf-8")
    for project in (done, root):
        assert main(["--root", str(project), "import", str(bib)]) == 0
    assert _files(root) == _files(done)


def test_only_the_tools_own_temporaries_left_a_minute_ago_are_removed(tmp_path, capsys):
    root = _project(tmp_path / "project")
    content = root / "content"
    (content / "schema").mkdir()
    left = [  # atomicfile's names, in the folders rename and import write
        content / ".topics.yml.0123456789ab.tmp",
        content / "pages" / ".about.md.0123456789ab.tmp",
        content / "papers" / ".gem.yml.0123456789ab.tmp",
    ]
    others = [
        content / ".topics.yml.0123456789AB.tmp",  # not its hex digits
        content / ".topics.yml.0123456789a.tmp",
        content / "topics.yml.0123456789ab.tmp",  # not hidden
        content / ".topics.yml.0123456789ab.tmp~",
        content / "pages" / ".about.md.0123456789ab.tmp.bak",
        content / "pages" / "notes.tmp",
        content / "schema" / ".paper.json.0123456789ab.tmp",  # not a folder it writes
    ]
    for path in left + others:
        path.write_text("a curator's?\n", encoding="utf-8")
    folder = content / ".repositories.yml.0123456789ab.tmp"  # a folder, not a file
    folder.mkdir()
    link = content / "pages" / ".links.md.0123456789ab.tmp"  # a link, not a file
    link.symlink_to("about.md")
    _aged(left + others + [folder, link])
    # Written a moment ago, as by `readinglist stars` or `init` running now (they take
    # no lock): another command's, not yet put in place.
    young = content / ".repositories.yml.fedcba987654.tmp"
    young.write_text("being written\n", encoding="utf-8")
    assert main(["--root", str(root), "rename", *PAPER]) == 0
    assert [p.name for p in left if os.path.lexists(p)] == []
    assert [p.name for p in others + [folder, link, young] if not os.path.lexists(p)] == []
    assert all(p.read_text(encoding="utf-8") == "a curator's?\n" for p in others)
    assert young.read_text(encoding="utf-8") == "being written\n"


@pytest.mark.parametrize(
    "at, name, verb",
    [(3, "topics.yml", "write"), (2, "papers/gradient-episodic-memory.yml", "remove")],
)
def test_a_file_made_read_only_after_a_rename_was_cut_off_is_not_written_over(tmp_path, capsys, at, name, verb):
    # A rename refuses to rewrite a read-only file; finishing one cut off replaced (or
    # removed) a file a curator made read-only since.
    done, root = _renamed_and_killed(tmp_path, at)
    locked = root / "content" / name
    locked.chmod(0o444)
    before = _files(root)
    capsys.readouterr()
    for command in (["rename", *PAPER], ["rename", "gem", "gem2"]):
        assert main(["--root", str(root), *command]) == 1
        assert capsys.readouterr().err == (
            f"content/{name}:1:1: this file is read-only, and a rename (paper"
            f" gradient-episodic-memory -> gem) that was cut off is still to {verb} it: make it"
            " writable (chmod u+w) and run `readinglist rename gradient-episodic-memory gem`"
            " again to finish the rename, or remove content/.rename.json to leave the files as"
            " they are (and mend by hand what `readinglist check` says then)\n"
            "1 error; nothing was renamed.\n"
        )
        assert _files(root) == before and locked.stat().st_mode & 0o777 == 0o444
    locked.chmod(0o644)
    assert main(["--root", str(root), "rename", *PAPER]) == 0
    assert _files(root) == _files(done)


@pytest.mark.parametrize("args", [PAPER, TOPIC], ids=["paper", "topic"])
def test_ctrl_c_just_after_any_step_leaves_the_files_as_they_were_or_a_journal_that_finishes(
    tmp_path, monkeypatch, capsys, args
):
    # Python runs a signal's handler once the system call it arrived during has
    # returned: a Ctrl-C while a file was put in place (os.replace) or kept (os.link)
    # raises just after the step was made. Such a step was not undone: a file named
    # the new id while the rest went back, or the paper's old file left only as its
    # kept copy, a temporary, which the next command removed.
    done = _project(tmp_path / "done")
    names = ("replace", "link", "unlink")
    steps = 0
    for name in names:
        real = getattr(os, name)

        def counted(*a, _real=real, **k):
            nonlocal steps
            steps += 1
            return _real(*a, **k)

        monkeypatch.setattr(os, name, counted)
    assert main(["--root", str(done), "rename", *args]) == 0
    monkeypatch.undo()
    finished = _files(done)
    assert steps >= 8
    for at in range(1, steps + 1):
        root = _project(tmp_path / f"stopped-{at}")
        before = _files(root)
        calls = 0
        for name in names:
            real = getattr(os, name)

            def stopped(*a, _real=real, _at=at, **k):
                nonlocal calls
                calls += 1
                result = _real(*a, **k)
                if calls == _at:
                    raise KeyboardInterrupt
                return result

            monkeypatch.setattr(os, name, stopped)
        code = main(["--root", str(root), "rename", *args])
        monkeypatch.undo()
        capsys.readouterr()
        if (root / "content" / ".rename.json").exists():  # (stopped once all were in place)
            assert main(["--root", str(root), "rename", *args]) == 0
            assert _files(root) == finished, at
            continue
        # All or none: stopped once the journal was gone, the last step, it is renamed.
        left = {name: text for name, text in _files(root).items() if not name.endswith(".tmp")}
        assert left == finished if code == 0 else left in (before, finished), at


def test_a_rename_cut_off_in_a_papers_folder_linked_from_elsewhere_is_finished(tmp_path, capsys):
    # content/papers a link to a folder kept elsewhere: the journal named its files by
    # their real place, outside the content folder, which its reader refuses (a journal
    # must not move files outside it): "its record cannot be read", never finished.
    def linked(folder: Path) -> Path:
        root = _project(folder)
        shutil.move(root / "content" / "papers", folder / "papers-elsewhere")
        (root / "content" / "papers").symlink_to(folder / "papers-elsewhere")
        return root

    def papers(folder: Path) -> dict[str, bytes]:
        return {p.name: p.read_bytes() for p in sorted((folder / "papers-elsewhere").iterdir())}

    done = linked(tmp_path / "done")
    assert main(["--root", str(done), "rename", *PAPER]) == 0
    for at in (3, 5):  # (after the new file, and after the old file was moved aside)
        root = linked(tmp_path / f"killed-{at}")
        assert _killed(root, at, PAPER).returncode == 9
        capsys.readouterr()
        assert main(["--root", str(root), "check"]) == 1
        assert capsys.readouterr().out.startswith(
            "content/.rename.json: a rename was cut off (paper gradient-episodic-memory -> gem): run"
            " `readinglist rename gradient-episodic-memory gem` again to finish it"
        )
        assert main(["--root", str(root), "rename", *PAPER]) == 0
        assert capsys.readouterr().out == "finished a rename that was cut off: paper gradient-episodic-memory -> gem\n"
        assert _files(root) == _files(done) and papers(root) == papers(done)


@pytest.mark.parametrize("args", [PAPER, TOPIC], ids=["paper", "topic"])
def test_ctrl_c_pressed_again_while_a_rename_puts_its_files_back_leaves_them_as_they_were(
    tmp_path, monkeypatch, capsys, args
):
    # The first Ctrl-C stops the rename and its files go back; a second, while they go
    # back, cut that short: the journal gone first, the new file and the files it had
    # changed stayed so (a random loop of two real SIGINTs: 2 half renames in 20).
    done = _project(tmp_path / "done")
    assert main(["--root", str(done), "rename", *args]) == 0
    finished = _files(done)
    steps = 10 if args == PAPER else 8
    for at in range(1, steps + 1):
        root = _project(tmp_path / f"stopped-{at}")
        before = _files(root)
        calls = 0
        for name in ("replace", "link", "unlink"):
            real = getattr(os, name)

            def pressed(*a, _real=real, _at=at, **k):
                nonlocal calls
                calls += 1
                result = _real(*a, **k)
                if calls >= _at:  # (Ctrl-C, and again at each step after it)
                    os.kill(os.getpid(), signal.SIGINT)
                return result

            monkeypatch.setattr(os, name, pressed)
        code = main(["--root", str(root), "rename", *args])
        monkeypatch.undo()
        capsys.readouterr()
        if (root / "content" / ".rename.json").exists():
            assert main(["--root", str(root), "rename", *args]) == 0
            assert _files(root) == finished, at
            continue
        left = {name: text for name, text in _files(root).items() if not name.endswith(".tmp")}
        assert left == finished if code == 0 else left in (before, finished), at


@pytest.mark.parametrize("through_link", [False, True], ids=["root", "root-through-a-link"])
def test_a_page_linked_under_a_second_name_goes_back_whole_when_the_rename_is_stopped(
    tmp_path, monkeypatch, through_link
):
    # content/pages/alias.md a link to about.md: the rename writes about.md twice, once
    # by each name. Its old text was kept before the first write, and the second kept
    # again (a hard link there already: copied), over it, the text just written: stopped
    # at the last step, every file went back but about.md, which stayed renamed. (The
    # project reached through a link, as /tmp is on macOS: the link's file is named by
    # its resolved path, the page by the path through the link.)
    root = _project(tmp_path / "project")
    (root / "content" / "pages" / "alias.md").symlink_to("about.md")
    if through_link:
        (tmp_path / "via").symlink_to(root)
        root = tmp_path / "via"
    before = _files(root)
    replace = os.replace

    def stopped(src, dst):
        if str(src).endswith("gradient-episodic-memory.yml"):  # (the old file moved aside, last)
            raise PermissionError(13, "Permission denied", str(src))
        return replace(src, dst)

    monkeypatch.setattr(os, "replace", stopped)
    assert main(["--root", str(root), "rename", *PAPER]) == 1
    monkeypatch.undo()
    assert _files(root) == before
    assert (root / "content" / "pages" / "alias.md").readlink() == Path("about.md")
    assert main(["--root", str(root), "rename", *PAPER]) == 0
    about = (root / "content" / "pages" / "about.md").read_text(encoding="utf-8")
    assert "papers/gem.md" in about and "gradient-episodic-memory.md" not in about
