"""`make clean` (generator/makeclean.py): waits for a build writing the site or docs
folder before it deletes them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.test_build import REPO
from tests.test_docslock import shared_folder  # noqa: F401 (a fixture: F811 below)

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="no make")

# A build holding the docs folder's or the site folder's lock (as `readinglist build`:
# its record names that command), its staging folder begun beside the site folder: it
# says "held", and once the file RELEASE is there, writes to DONE whether its staging
# folder and pages are still there, and lets go.
HOLDER = textwrap.dedent("""\
    import os, sys, time
    from pathlib import Path
    sys.path.insert(0, os.environ["REPO"])
    from generator import docslock, staged_site

    project, held = Path(os.environ["PROJECT"]), {}
    lock = {
        "docs": project / "docs" / docslock.LOCK_NAME,
        "site": staged_site.lock_file(project / "site"),
    }[os.environ["WHICH"]]
    docslock.hold(lock, os.environ["WHICH"] + "/", held)
    staging = staged_site.beside(project / "site", staged_site.STAGING)
    (staging / "papers").mkdir(parents=True)
    (staging / "papers" / "index.html").write_text("half")
    (project / "docs" / "index.md").write_text("# Home")
    print("held", flush=True)
    while not Path(os.environ["RELEASE"]).exists():
        time.sleep(0.05)
    left = (staging / "papers" / "index.html").is_file() and (project / "docs" / "index.md").is_file()
    Path(os.environ["DONE"]).write_text("intact" if left else "deleted")
    docslock.release(lock, held)
""")


def _project(tmp_path: Path) -> Path:
    """A project folder with what `make clean` deletes, and the Makefile and package it
    runs (a link to this checkout's)."""
    project = tmp_path / "project"
    (project / "site" / "papers").mkdir(parents=True)
    (project / "site" / "index.html").write_text("old")
    (project / "docs" / "papers").mkdir(parents=True)
    (project / "docs" / ".gitkeep").touch()
    (project / ".cache").mkdir()
    shutil.copy(REPO / "Makefile", project / "Makefile")
    (project / "generator").symlink_to(REPO / "generator", target_is_directory=True)
    return project


@pytest.mark.parametrize("which", ["docs", "site"])
def test_make_clean_waits_for_a_build_holding_the_folder_and_says_for_whom(tmp_path, which):
    # `rm -rf site .site.readinglist-*` deleted the running build's staging folder (and
    # the pages it was writing in docs/): the build failed, or published half a site.
    project = _project(tmp_path)
    script = tmp_path / "bin" / "readinglist"
    script.parent.mkdir()
    script.write_text(HOLDER)
    env = {
        **os.environ, "REPO": str(REPO), "PROJECT": str(project), "WHICH": which,
        "RELEASE": str(tmp_path / "release"), "DONE": str(tmp_path / "done"),
    }
    holder = subprocess.Popen([sys.executable, str(script), "build"], env=env, stdout=subprocess.PIPE, text=True)
    clean = None
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        clean = subprocess.Popen(["make", "-s", "clean"], cwd=project, stderr=subprocess.PIPE, text=True)
        assert clean.stderr is not None
        assert clean.stderr.readline() == (
            f"make clean: waiting for `readinglist build` (pid {holder.pid}) to finish writing"
            f" {which}/ (Ctrl-C to stop)\n"
        )
        (tmp_path / "release").touch()
        assert clean.wait(timeout=60) == 0, clean.stderr.read()
        assert holder.wait(timeout=60) == 0
    finally:
        for process in (holder, clean):
            if process is not None and process.poll() is None:
                process.kill()
                process.wait()
    assert (tmp_path / "done").read_text() == "intact"  # (nothing deleted while it wrote)
    # Then all of it went, but for the lock files and docs/'s placeholder.
    assert sorted(p.name for p in project.iterdir()) == [
        ".site.readinglist.lock", "Makefile", "docs", "generator",
    ]
    assert sorted(p.name for p in (project / "docs").iterdir()) == [".gitkeep", ".readinglist.lock"]


def test_a_build_started_while_make_clean_deletes_waits_for_it(tmp_path, monkeypatch):
    """make clean holds both locks while it deletes: a build taking them waits."""
    from generator import makeclean

    project = _project(tmp_path)
    taken: list[bool] = []
    delete = makeclean._delete

    def probed() -> bool:
        probe = (
            "import sys; from filelock import FileLock, Timeout\n"
            "for lock in sys.argv[1:]:\n"
            "    try:\n        FileLock(lock).acquire(blocking=False)\n"
            "    except Timeout:\n        print('held')\n    else:\n        print('free')\n"
        )
        done = subprocess.run(
            [sys.executable, "-c", probe, str(project / "docs" / ".readinglist.lock"),
             str(project / ".site.readinglist.lock")],
            capture_output=True, text=True, check=True,
        )
        taken.append(done.stdout == "held\nheld\n")
        return delete()

    monkeypatch.chdir(project)
    monkeypatch.setattr(makeclean, "_delete", probed)
    assert makeclean.main() == 0
    assert taken == [True]
    assert not (project / "site").exists() and not (project / ".cache").exists()


def test_make_clean_leaves_what_a_linked_docs_folder_leads_to(tmp_path):
    # The rule before (`find docs -mindepth 1 ...`) did not follow a docs/ that is a
    # link; makeclean emptied the folder it led to, outside the project.
    project = _project(tmp_path)
    shutil.rmtree(project / "docs")
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "notes").mkdir(parents=True)
    (elsewhere / "notes" / "mine.md").write_text("mine")
    (project / "docs").symlink_to(elsewhere, target_is_directory=True)
    done = subprocess.run(["make", "-s", "clean"], cwd=project, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert (elsewhere / "notes" / "mine.md").read_text() == "mine"
    assert (project / "docs").is_symlink() and not (project / "site").exists()


@pytest.mark.skipif(not hasattr(os, "fork") or os.geteuid() != 0, reason="needs root, to be another user")
def test_make_clean_of_a_site_linked_into_a_folder_this_user_may_not_write_deletes_the_link():
    """`site` a link to /var/www/list, /var/www not this user's: no lock file can be made
    beside the folder (a build then takes none, and builds in place); makeclean stopped
    with PermissionError's traceback, having deleted nothing, and made no folder there."""
    import tempfile

    from generator import makeclean
    from tests.test_docslock import NOBODY, _as_another_user

    root = Path(tempfile.mkdtemp(prefix="readinglist-makeclean-", dir="/tmp"))
    try:
        www = root / "www"  # (root's, 0755: the other user may not write in it)
        (www / "list").mkdir(parents=True)
        (www / "list" / "index.html").write_text("served")
        project = root / "project"
        (project / "docs").mkdir(parents=True)
        (project / ".cache").mkdir()
        (project / "site").symlink_to(www / "list", target_is_directory=True)
        for path in (project, project / "docs", project / ".cache"):
            os.chown(path, NOBODY, NOBODY)
        os.chmod(root, 0o755)

        def clean() -> str:
            os.chdir(project)
            return str(makeclean.main())

        assert _as_another_user(clean) == "0"
        assert sorted(p.name for p in project.iterdir()) == ["docs"]  # (the link gone, not what it led to)
        assert sorted(p.name for p in (www / "list").iterdir()) == ["index.html"]
        assert sorted(p.name for p in www.iterdir()) == ["list"]  # (no lock file made there)
    finally:
        shutil.rmtree(root)


def test_ctrl_c_while_make_clean_deletes_stops_it_cleanly_and_the_next_finishes(tmp_path, monkeypatch, capsys):
    # A Ctrl-C during the deletion (seconds for .venv) raised KeyboardInterrupt's
    # traceback and left the folder being deleted half there: a .venv keeping its
    # .installed but not its python, which `make site` then took for installed.
    from generator import makeclean

    project = _project(tmp_path)
    (project / ".venv" / "bin").mkdir(parents=True)
    (project / ".venv" / "bin" / "python").write_text("")
    (project / ".venv" / ".installed").touch()
    (project / ".site.readinglist-new" / "papers").mkdir(parents=True)
    (project / "docs" / "index.md").write_text("# Home")
    monkeypatch.chdir(project)
    rmtree = shutil.rmtree
    deleting: list[str] = []

    def interrupted(path, *args, **kwargs):  # (Ctrl-C once the deletion has begun)
        deleting.append(str(path))
        rmtree(next(Path(path).rglob("bin")))  # (part of .venv)
        raise KeyboardInterrupt

    monkeypatch.setattr(makeclean.shutil, "rmtree", interrupted)
    assert makeclean.main() == 130
    assert capsys.readouterr().err == (
        "make clean: stopped; what was left to delete is in .readinglist-clean/, which the"
        " next `make clean` deletes (nothing else is half deleted)\n"
    )
    assert deleting == [".readinglist-clean"]
    # Each gone from its place whole (none half there), what was left of them aside.
    assert sorted(p.name for p in project.iterdir()) == [
        ".readinglist-clean", ".site.readinglist.lock", "Makefile", "docs", "generator",
    ]
    assert sorted(p.name for p in (project / "docs").iterdir()) == [".gitkeep", ".readinglist.lock"]
    assert (project / ".readinglist-clean" / ".venv" / ".installed").exists()
    assert (project / ".readinglist-clean" / "docs" / "papers").is_dir()  # (a file: unlinked)

    monkeypatch.setattr(makeclean.shutil, "rmtree", rmtree)
    assert makeclean.main() == 0
    assert not (project / ".readinglist-clean").exists()
    assert sorted(p.name for p in project.iterdir()) == [".site.readinglist.lock", "Makefile", "docs", "generator"]


@pytest.mark.skipif(not hasattr(os, "fork") or os.geteuid() != 0, reason="needs root, to be another user")
def test_make_clean_waiting_for_another_users_build_names_that_user(shared_folder):  # noqa: F811
    # The site folder's record is 0600: make clean of the second user of a shared
    # folder said only "another process"; the record's owner is the holder.
    from generator import docslock, makeclean, staged_site
    from tests.test_docslock import said_waiting_as_another_user

    lock, held = staged_site.lock_file(shared_folder / "site"), {}
    docslock.hold(lock, "site/", held)  # (root's build, the first user's)
    try:
        said = said_waiting_as_another_user(makeclean, lambda: makeclean._wait_for(lock, "site/", let_servers_be=False))
    finally:
        docslock.release(lock, held)
    assert said == (
        f"make clean: waiting for a process of root's (it holds {lock}) to finish writing site/"
        " (Ctrl-C to stop)\n"
    )


@pytest.mark.parametrize("kind", ["link", "file"])
def test_a_readinglist_clean_that_is_not_its_folder_is_left_and_nothing_goes_into_it(tmp_path, monkeypatch, capsys, kind):
    # `.readinglist-clean` a link to a folder elsewhere (a curator's, say): the renames
    # into it carried .venv, site/ and docs/'s folders out of the project into that
    # folder, and left them there (rmtree refuses a link). A file of that name: each
    # was deleted in place, but the file was reported twice as one that cannot go.
    from generator import makeclean

    project = _project(tmp_path)
    (project / ".venv" / "bin").mkdir(parents=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "mine.md").write_text("mine")
    if kind == "link":
        (project / ".readinglist-clean").symlink_to(elsewhere, target_is_directory=True)
    else:
        (project / ".readinglist-clean").write_text("mine")
    monkeypatch.chdir(project)
    assert makeclean.main() == 0
    assert capsys.readouterr().err == (
        f"make clean: .readinglist-clean is a {kind}, not the folder it sets aside what it"
        " deletes in: left as it is, and each thing deleted where it is\n"
    )
    assert sorted(p.name for p in elsewhere.iterdir()) == ["mine.md"]
    assert (elsewhere / "mine.md").read_text() == "mine"
    assert sorted(p.name for p in project.iterdir()) == [
        ".readinglist-clean", ".site.readinglist.lock", "Makefile", "docs", "generator",
    ]
    assert sorted(p.name for p in (project / "docs").iterdir()) == [".gitkeep", ".readinglist.lock"]
    assert (project / ".readinglist-clean").is_symlink() == (kind == "link")


def test_a_readinglist_clean_folder_holding_what_make_clean_never_puts_there_is_left(tmp_path, monkeypatch, capsys):
    # make clean deleted any folder of that name first, whatever it held: a curator's
    # (notes.md) went with it. It puts only what it deletes there (.venv, site, .cache,
    # docs, .site.readinglist-*): a folder holding anything else is not its leftover.
    from generator import makeclean

    project = _project(tmp_path)
    (project / ".readinglist-clean" / ".venv").mkdir(parents=True)
    (project / ".readinglist-clean" / "notes.md").write_text("mine")
    monkeypatch.chdir(project)
    assert makeclean.main() == 0
    assert capsys.readouterr().err == (
        "make clean: .readinglist-clean is a folder holding notes.md, which make clean never"
        " puts there, not the folder it sets aside what it deletes in: left as it is, and"
        " each thing deleted where it is\n"
    )
    assert sorted(p.name for p in (project / ".readinglist-clean").iterdir()) == [".venv", "notes.md"]
    assert not (project / "site").exists() and not (project / ".cache").exists()
    assert sorted(p.name for p in (project / "docs").iterdir()) == [".gitkeep", ".readinglist.lock"]


def test_ctrl_c_while_a_folder_is_deleted_where_it_is_says_so(tmp_path, monkeypatch, capsys):
    # A folder not moved aside (a mount point, or no .readinglist-clean to move it into)
    # is deleted where it is: stopped then, make clean said what was left was in
    # .readinglist-clean/ and nothing else was half deleted, with .venv half there.
    from generator import makeclean

    project = _project(tmp_path)
    (project / ".venv" / "bin").mkdir(parents=True)
    (project / ".readinglist-clean").write_text("mine")  # (so nothing is moved aside)
    monkeypatch.chdir(project)

    def interrupted(path, *args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(makeclean.shutil, "rmtree", interrupted)
    assert makeclean.main() == 130
    assert capsys.readouterr().err.splitlines()[-1] == (
        "make clean: stopped while it deleted .venv where it is (what is left of it the next"
        " `make clean` deletes)"
    )


@pytest.mark.skipif(not hasattr(os, "fork") or os.geteuid() != 0, reason="needs root, to be another user")
def test_a_killed_builds_record_left_is_not_taken_for_make_cleans(shared_folder):  # noqa: F811
    # A build killed (kill -9) leaves its record, 0600: while make clean (which writes
    # none) held the lock, a build waiting for it named the killed build's user.
    from generator import docslock, makeclean, staged_site
    from tests.test_docslock import GROUP, _as_another_user

    lock = staged_site.lock_file(shared_folder / "site")
    record = docslock.record_of(lock)
    record.write_text('{"pid": 999999, "command": "readinglist build", "serves": ""}\n')
    os.chown(record, 1234, GROUP)
    record.chmod(0o600)
    fd = makeclean._wait_for(lock, "site/", let_servers_be=False)
    assert fd is not None
    try:
        said = _as_another_user(lambda: docslock.unnamed(record, "LOCK"), group=GROUP)
    finally:
        os.close(fd)
    assert said == "another process (it holds LOCK)"


@pytest.mark.skipif(not hasattr(os, "fork") or os.geteuid() != 0, reason="needs root, to be another user")
def test_a_leftover_this_user_may_not_delete_is_said_once(shared_folder):  # noqa: F811
    # What a stopped make clean left, in a folder of another user's (root's, 0755):
    # make clean said it could not delete it twice, before and after its deletions.
    from generator import makeclean
    from tests.test_docslock import GROUP, _as_another_user

    theirs = shared_folder / ".readinglist-clean" / ".venv" / "bin"
    theirs.mkdir(parents=True)
    (theirs / "python").write_text("")
    for folder in (shared_folder / ".readinglist-clean", theirs.parent):
        folder.chmod(0o2775)
    theirs.chmod(0o2755)  # (root's, under umask 022: the group may not delete in it)
    (shared_folder / "site").mkdir()

    def clean() -> str:
        import contextlib
        import io

        os.chdir(shared_folder)
        said = io.StringIO()
        with contextlib.redirect_stderr(said):
            code = makeclean.main()
        return f"{code} {said.getvalue()}"

    assert _as_another_user(clean, group=GROUP) == (
        "1 make clean: cannot delete .readinglist-clean/.venv/bin/python: Permission denied\n"
    )
    assert not (shared_folder / "site").exists()


# `python3 -m generator.makeclean`, as the Makefile runs it, with a Ctrl-C (SIGINT, as
# the terminal sends it) that comes as the module imports generator.docslock.
_CTRL_C_AS_IT_IMPORTS = textwrap.dedent("""\
    import builtins, os, runpy, signal, sys
    sys.path.insert(0, os.getcwd())
    real_import = builtins.__import__

    def ctrl_c_then_import(name, globals=None, locals=None, fromlist=(), level=0):
        if name == "generator" and "docslock" in (fromlist or ()):
            os.kill(os.getpid(), signal.SIGINT)
        return real_import(name, globals, locals, fromlist, level)

    builtins.__import__ = ctrl_c_then_import
    runpy.run_module("generator.makeclean", run_name="__main__", alter_sys=True)
""")


def test_ctrl_c_as_make_clean_starts_stops_it_with_one_line_and_nothing_deleted(tmp_path):
    # Its first tenth of a second (more on a loaded machine) Python reads the modules it
    # imports: a Ctrl-C then raised KeyboardInterrupt amid an import, a traceback.
    project = _project(tmp_path)
    done = subprocess.run([sys.executable, "-c", _CTRL_C_AS_IT_IMPORTS], cwd=project,
                          capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stderr) == (130, "make clean: stopped; nothing was deleted\n")
    assert (project / "site" / "index.html").read_text() == "old"
    assert sorted(p.name for p in project.iterdir()) == [".cache", "Makefile", "docs", "generator", "site"]
