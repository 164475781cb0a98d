"""`check` on mkdocs.yml beside content/: a list without one (build and serve build no site
there), and what `topics` and `gaps` count of its problems, as many as `check` lists."""

from __future__ import annotations

import shlex
import subprocess
from pathlib import Path

from generator.cli import main
from tests.gitrepo import git
from tests.test_ci_annotations import annotation
from tests.test_curation_cross_file import paper, project

ROOT = Path(__file__).resolve().parents[1]
# The fix build and serve give for it (tests/test_cli.py pins their whole message).
COPY = (
    "copy mkdocs.yml, overrides/ and generator/ from the readinglist repository"
    f" ({ROOT}) into this folder, or move content/ into a copy of that repository"
    " (README: 'Starting your own list')"
)
NO_CONFIG = (
    "mkdocs.yml: warning: no such file: the site's MkDocs configuration (its theme, and the"
    " hook that runs the generator), without which readinglist build and serve build no site; "
)


def check(root: Path, capsys) -> tuple[int, list[str]]:
    status = main(["--root", str(root), "check"])
    return status, capsys.readouterr().out.splitlines()


# ------------------------------------------------------------ a list without mkdocs.yml


def test_a_list_without_mkdocs_yml_is_warned_that_no_site_can_be_built_from_it(tmp_path, capsys):
    # (check said nothing of it, "0 errors, 0 warnings", and build then refused the list.)
    project(tmp_path, a=paper("a"), b=paper("b"), c=paper("c", extra="status: must-raed\n"))
    status, out = check(tmp_path, capsys)
    # Said with the list's own errors, at once; the error alone sets the status.
    assert out == [
        "content/papers/c.yml:3:9: 'status' must be one of must-read, classic, to-read,"
        " reference, not 'must-raed' (did you mean 'must-read'?)",
        NO_CONFIG + COPY,
        "1 error, 1 warning (3 papers and 2 topics loaded)",
    ]
    assert status == 1
    # A warning, in the form of a missing file's problem ("content: no such folder"),
    # which CI annotates on the file.
    said = annotation(out[1])
    assert said is not None
    assert (said["file"], said["line"], said["severity"]) == ("mkdocs.yml", None, "warning")
    # The fix is the one build and serve give.
    assert main(["--root", str(tmp_path), "build"]) == 1
    assert COPY in capsys.readouterr().err


def test_a_list_kept_as_content_alone_still_passes_check(tmp_path, capsys):
    # README: in a folder with content/ but no mkdocs.yml (a list started by hand)
    # "`check` works there": the warning does not fail it (nor CI's check of it).
    project(tmp_path, a=paper("a"), b=paper("b"), c=paper("c"))
    status, out = check(tmp_path, capsys)
    assert (status, out) == (0, [NO_CONFIG + COPY, "0 errors, 1 warning (3 papers and 2 topics loaded)"])
    (tmp_path / "mkdocs.yml").write_text("site_name: Lab\n", encoding="utf-8")
    assert check(tmp_path, capsys) == (0, ["0 errors, 0 warnings (3 papers and 2 topics loaded)"])


def test_a_list_inside_a_project_is_told_the_project_as_build_tells_it(tmp_path, capsys):
    # A list in a folder of a project (a copy set aside, a test's fixture): build and
    # serve say to run them in the project; check says so of the list.
    project(tmp_path, a=paper("a"), b=paper("b"), c=paper("c"))
    (tmp_path / "mkdocs.yml").write_text("site_name: Lab\n", encoding="utf-8")
    mine = project(tmp_path / "lists" / "mine", a=paper("a"), b=paper("b"), c=paper("c"))
    status, out = check(mine, capsys)
    assert (status, out) == (
        0,
        [
            NO_CONFIG + "--root must name the project folder, the one holding mkdocs.yml and"
            f" content/ (this folder is inside the project {tmp_path}, which --root should name)",
            "0 errors, 1 warning (3 papers and 2 topics loaded)",
        ],
    )


def test_a_mkdocs_yml_deleted_from_a_git_project_is_told_to_be_restored_from_git(tmp_path, capsys, monkeypatch):
    # (The fix said to copy mkdocs.yml, overrides/ and generator/ from the readinglist
    # repository into a folder that is that repository's copy: git has the file.)
    project(tmp_path, a=paper("a"), b=paper("b"), c=paper("c"))
    (tmp_path / "mkdocs.yml").write_text("site_name: Lab\n", encoding="utf-8")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "the list")
    kept = git(tmp_path, "rev-parse", "--short", "HEAD").strip()
    (tmp_path / "mkdocs.yml").unlink()
    # (Run from another folder, with --root: the command names the project, as git reads
    # the path from the folder it runs in.)
    restore = f"git has it: restore it with git -C {tmp_path} checkout {kept} -- mkdocs.yml"
    assert check(tmp_path, capsys) == (0, [NO_CONFIG + restore, "0 errors, 1 warning (3 papers and 2 topics loaded)"])
    # build says the same, as the folder it refuses.
    assert main(["--root", str(tmp_path), "build"]) == 1
    assert capsys.readouterr().err == f"readinglist build: {tmp_path} has no mkdocs.yml: {restore}\n"
    # The deletion committed: the commit before it has the file.
    git(tmp_path, "commit", "-qam", "no site")
    assert check(tmp_path, capsys)[1][0] == NO_CONFIG + restore
    # Run in the project folder, the command is the plain one.
    monkeypatch.chdir(tmp_path)
    plain = f"git has it: restore it with git checkout {kept} -- mkdocs.yml"
    assert check(tmp_path, capsys)[1][0] == NO_CONFIG + plain
    # What it says to run, from another folder, brings it back.
    monkeypatch.chdir(tmp_path.parent)
    subprocess.run(shlex.split(restore.split(": restore it with ")[1]), check=True)
    assert check(tmp_path, capsys) == (0, ["0 errors, 0 warnings (3 papers and 2 topics loaded)"])


def test_a_folder_without_content_is_told_that_alone(tmp_path, capsys):
    # The wrong folder: no list there to build a site from, so no word of mkdocs.yml.
    assert check(tmp_path, capsys) == (
        1,
        [
            f"content: no such folder in {tmp_path}; --root must name the project folder, the one holding mkdocs.yml and content/",
            "1 error, 0 warnings (0 papers and 0 topics loaded)",
        ],
    )


# ---------------------------------------------- what topics and gaps count of check's list


def _lab_with_a_colon_in_its_name(root: Path) -> Path:
    """A list whose paper `b` has a warning (a year from the future), and whose
    mkdocs.yml an error: a colon in an unquoted site_name, which build and serve stop on."""
    project(root, a=paper("a"), b=paper("b", extra="year: 2999\n"), c=paper("c"))
    (root / "mkdocs.yml").write_text("site_name: Lab: papers we read\n", encoding="utf-8")
    return root


def test_topics_and_gaps_count_the_errors_of_mkdocs_yml_that_check_lists(tmp_path, capsys):
    # (They said "(1 warning(s): readinglist check lists them)" where check listed an
    # error besides, and exited 1.)
    root = _lab_with_a_colon_in_its_name(tmp_path)
    status, out = check(root, capsys)
    assert status == 1
    assert out[0].startswith("content/papers/b.yml:3:7: warning: 'year' is 2999")
    assert out[1].startswith("mkdocs.yml:1:15: YAML syntax error")
    assert out[2] == "1 error, 1 warning (3 papers and 2 topics loaded)"
    for command in ("topics", "gaps"):
        # (What topics and gaps answer does not hang on mkdocs.yml: they answer, status 0.)
        assert main(["--root", str(root), command]) == 0, command
        assert capsys.readouterr().err.splitlines() == [
            "(1 error(s) and 1 warning(s): readinglist check lists them)"
        ], command


def test_with_errors_of_content_printed_they_count_the_others_as_more(tmp_path, capsys):
    # An error in content/ is printed (what follows leaves out what it concerns); check's
    # other error is counted as one more than those, so that the two add up to check's.
    root = _lab_with_a_colon_in_its_name(tmp_path)
    (root / "content" / "papers" / "d.yml").write_text(paper("d", extra="status: must-raed\n"), encoding="utf-8")
    status, out = check(root, capsys)
    assert status == 1
    assert out[-1] == "2 errors, 1 warning (4 papers and 2 topics loaded)"
    error = next(line for line in out if line.startswith("content/papers/d.yml:3:9: "))
    for command in ("topics", "gaps"):
        assert main(["--root", str(root), command]) == 1, command
        assert capsys.readouterr().err.splitlines() == [
            error,
            "(1 more error(s) and 1 warning(s): readinglist check lists them)",
            "1 error in content/; what follows leaves out what they concern",
        ], command


def test_without_mkdocs_yml_they_count_check_s_warning_of_it(tmp_path, capsys):
    project(tmp_path, a=paper("a"), b=paper("b"), c=paper("c"))
    assert check(tmp_path, capsys)[1][-1] == "0 errors, 1 warning (3 papers and 2 topics loaded)"
    for command in ("topics", "gaps"):
        assert main(["--root", str(tmp_path), command]) == 0, command
        assert capsys.readouterr().err.splitlines() == ["(1 warning(s): readinglist check lists them)"], command



def test_a_theme_folder_that_is_not_there_is_said_with_the_list_s_errors(tmp_path, capsys):
    # (fix19) check passed it; the build then stopped in MkDocs' configuration.
    project(tmp_path, a=paper("a"), b=paper("b"), c=paper("c", extra="status: must-raed\n"))
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Lab\ntheme:\n  name: material\n  custom_dir: overides\n", encoding="utf-8"
    )
    (tmp_path / "overrides").mkdir()
    status, out = check(tmp_path, capsys)
    assert out[1:] == [
        "mkdocs.yml:4:15: the theme folder 'overides' (theme: custom_dir:) is no folder beside"
        " mkdocs.yml, and MkDocs builds no site without it; create it, or name the theme's folder"
        " (the shipped list's is 'overrides')",
        "2 errors, 0 warnings (3 papers and 2 topics loaded)",
    ]
    assert out[0].startswith("content/papers/c.yml:3:9: 'status' must be one of")
    assert status == 1
    # The build stops on it too, before MkDocs, in the same words.
    assert main(["--root", str(tmp_path), "build"]) == 1
    assert "mkdocs.yml:4:15: the theme folder 'overides'" in capsys.readouterr().err
