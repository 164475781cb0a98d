"""One process at a time writes a project's docs folder (generator/docslock.py): a
second server, or a build while one serves, is refused; a build waits for a build."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from generator.cli import main
from tests.test_build import FIXTURE, REPO, make_project

# A process holding a docs folder as `readinglist serve` or `readinglist build` would
# (its command line is what the record names): it says "held", keeps the folder for
# HOLD_FOR seconds, then writes DONE and lets go.
HOLDER = textwrap.dedent("""\
    import os, sys, time
    from pathlib import Path
    sys.path.insert(0, os.environ["REPO"])
    from generator import docslock

    docs, held = Path(os.environ["DOCS"]), {}
    docslock.take(docs, "docs/", held, serves=os.environ["SERVES"])
    print("held", flush=True)
    time.sleep(float(os.environ["HOLD_FOR"]))
    Path(os.environ["DONE"]).write_text("let go")
    docslock.let_go(docs, held)
""")


def _holder(tmp_path: Path, docs: Path, *args: str, serves: str = "", hold_for: float = 60) -> subprocess.Popen:
    script = tmp_path / "bin" / "readinglist"
    script.parent.mkdir(exist_ok=True)
    script.write_text(HOLDER)
    env = {
        **os.environ, "REPO": str(REPO), "DOCS": str(docs), "SERVES": serves,
        "HOLD_FOR": str(hold_for), "DONE": str(tmp_path / "done"),
    }
    process = subprocess.Popen(
        [sys.executable, str(script), *args], env=env, stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None and process.stdout.readline() == "held\n"
    return process


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.kill()
    process.wait()


def _free(docs: Path) -> bool:
    """Whether another process could take the folder's lock now."""
    probe = (
        "import sys; from filelock import FileLock, Timeout\n"
        "try:\n    FileLock(sys.argv[1]).acquire(blocking=False)\n"
        "except Timeout:\n    print('held')\nelse:\n    print('free')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, str(docs / ".readinglist.lock")],
        capture_output=True, text=True, check=True,
    )
    return done.stdout == "free\n"


def test_a_build_while_a_server_holds_the_docs_folder_is_refused_naming_it(tmp_path, process_state, capsys):
    # Two servers on one project (or a server and a build) each generated the pages
    # into the same docs folder, overwriting each other's files.
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    project = make_project(tmp_path, FIXTURE)
    docs = project / "docs"
    server = _holder(tmp_path, docs, "serve", "-a", "127.0.0.1:8001", serves="http://127.0.0.1:8001/")
    try:
        said = (
            f"docs/ is in use by `readinglist serve -a 127.0.0.1:8001` (pid {server.pid}),"
            " which serves this project at http://127.0.0.1:8001/ and writes docs/ on every"
            f" change: use that one, or stop it (Ctrl-C in its terminal, or `kill {server.pid}`)"
            " and run this again"
        )
        assert main(["--root", str(project), "build", "-q"]) == 1
        assert capsys.readouterr().err.splitlines()[-1] == f"readinglist build: {said}"
        # Plain `mkdocs build`, and the first build of a second server (`mkdocs serve`).
        for serving in ("", "1"):
            os.environ["READINGLIST_SERVING"] = serving  # (undone by process_state)
            with pytest.raises(Abort) as stopped:
                mkdocs_build(load_config(str(project / "mkdocs.yml"), strict=True))
            assert str(stopped.value) == f"readinglist: {said}"
        # Nothing was generated, and the server's hold is as it was.
        assert sorted(os.listdir(docs)) == [".readinglist.holder", ".readinglist.lock"]
        assert not (project / "site").exists()
        assert server.poll() is None and not _free(docs)
    finally:
        _stop(server)


def test_a_lock_left_by_a_killed_server_does_not_stop_the_next_build(tmp_path, process_state, capsys):
    # `kill -9`, a crash, a closed laptop: the lock goes with its process; its record
    # stays behind, naming a process that is gone.
    project = make_project(tmp_path, FIXTURE)
    docs = project / "docs"
    server = _holder(tmp_path, docs, "serve", serves="http://127.0.0.1:8000/")
    server.send_signal(signal.SIGKILL)
    server.wait()
    assert (docs / ".readinglist.holder").is_file()
    assert main(["--root", str(project), "build", "-q"]) == 0
    assert "in use" not in capsys.readouterr().err
    assert (project / "site" / "papers" / "task-vectors" / "index.html").is_file()
    # The build let the folder go, and its record with it.
    assert not (docs / ".readinglist.holder").exists() and _free(docs)


def test_a_build_waits_for_another_build_to_finish_with_the_docs_folder(tmp_path, process_state, capsys):
    project = make_project(tmp_path, FIXTURE)
    other = _holder(tmp_path, project / "docs", "build", "--strict", hold_for=1.5)
    try:
        assert main(["--root", str(project), "build", "-q"]) == 0
        # It waited: the other build had let go when this one wrote its pages.
        assert (tmp_path / "done").read_text() == "let go"
        assert capsys.readouterr().err.splitlines()[0] == (
            f"readinglist: waiting for `readinglist build --strict` (pid {other.pid}) to finish"
            " writing docs/ (Ctrl-C to stop)"
        )
        assert other.wait(timeout=60) == 0  # (it exits as it lets go: 60 s for a loaded machine)
    finally:
        _stop(other)


def test_a_server_holds_the_docs_folder_until_it_stops_a_build_until_it_ends(tmp_path, process_state):
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    project = make_project(tmp_path, FIXTURE)
    docs = project / "docs"
    config = load_config(str(project / "mkdocs.yml"), strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    mkdocs_build(config)
    assert _free(docs)  # a build: let go once it is done
    config.plugins.on_shutdown()

    config = load_config(str(project / "mkdocs.yml"), strict=True)
    config.site_url = "http://127.0.0.1:8002/"  # (as `mkdocs serve -a 127.0.0.1:8002` sets it)
    config.plugins.on_startup(command="serve", dirty=True)
    mkdocs_build(config, serve_url=config.site_url, dirty=True)
    assert not _free(docs)  # a server: held between its builds
    record = json.loads((docs / ".readinglist.holder").read_text())
    assert (record["pid"], record["serves"]) == (os.getpid(), "http://127.0.0.1:8002/")
    mkdocs_build(config, serve_url=config.site_url, dirty=True)  # a rebuild keeps it
    assert not _free(docs)
    config.plugins.on_shutdown()  # (the server stopped: Ctrl-C, SIGTERM)
    assert _free(docs) and not (docs / ".readinglist.holder").exists()


def test_a_server_whose_docs_folder_was_removed_holds_the_new_one(tmp_path, process_state):
    # `rm -rf docs` under a server: its hold was on a file gone with the folder, and a
    # second server could take the folder made again.
    import shutil

    from generator import docslock

    docs, held = tmp_path / "docs", {}
    docslock.take(docs, "docs/", held, serves="http://127.0.0.1:8000/")
    shutil.rmtree(docs)
    docs.mkdir()  # (as the server's next rebuild makes it)
    assert _free(docs)
    docslock.take(docs, "docs/", held, serves="http://127.0.0.1:8000/")
    assert not _free(docs)
    record = json.loads((docs / ".readinglist.holder").read_text())
    assert (record["pid"], record["serves"]) == (os.getpid(), "http://127.0.0.1:8000/")
    docslock.let_go_of_all(held)
    assert _free(docs)


@pytest.mark.slow
def test_the_test_suites_build_of_the_shipped_site_runs_while_the_checkout_is_served(tmp_path):
    # `make test` in one terminal while `readinglist serve` serves the checkout in
    # another: the browser, search and lemma tests' build of the shipped site
    # (tests/browser/sitebuild.py) wrote the checkout's docs/, and was refused ("docs/
    # is in use by `readinglist serve`"), failing every test that needs it.
    from tests.browser.sitebuild import ROOT, build_site

    (ROOT / "docs").mkdir(exist_ok=True)
    server = _holder(tmp_path, ROOT / "docs", "serve", serves="http://127.0.0.1:8000/")
    try:
        site = build_site(tmp_path / "base")
        assert (site / "index.html").is_file() and (site / "papers.json").is_file()  # (any list's)
        assert server.poll() is None  # (the server's docs/ was not touched: still held)
    finally:
        _stop(server)


def test_a_docs_folder_that_cannot_be_written_is_said_so_not_shown_as_a_traceback(tmp_path, process_state, monkeypatch):
    # A review: on a read-only docs folder plain `mkdocs build` stopped with filelock's
    # traceback on docs/.readinglist.lock. (Made to fail here: as root, a mode does not.)
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    from generator import docslock

    project = make_project(tmp_path, FIXTURE)
    lock = project / "docs" / ".readinglist.lock"

    def refused(*args, **kwargs):
        raise PermissionError(13, "Permission denied", str(lock))

    monkeypatch.setattr(docslock, "take", refused)
    with pytest.raises(Abort) as stopped:
        mkdocs_build(load_config(str(project / "mkdocs.yml"), strict=True))
    assert str(stopped.value) == (
        f"readinglist: cannot write docs/ (Permission denied: {lock}): the generator writes the"
        " site's pages there; make it writable, or name another docs_dir in mkdocs.yml"
    )


@pytest.mark.skipif(shutil.which("make") is None, reason="no make")
def test_make_clean_while_a_server_runs_leaves_its_hold_on_the_docs_folder(tmp_path):
    # README: `make clean` while `readinglist serve` runs empties docs/, and the server
    # writes it again at the next change. It deleted the lock file too: the server's
    # hold was then on a file no other process saw, and a build started meanwhile took
    # a new lock and wrote docs/ beside the server.
    docs = tmp_path / "docs"
    (docs / "papers").mkdir(parents=True)
    (docs / ".gitkeep").touch()
    (docs / "index.md").write_text("# Home\n")
    shutil.copy(REPO / "Makefile", tmp_path / "Makefile")
    (tmp_path / "generator").symlink_to(REPO / "generator")  # (make clean runs its makeclean.py)
    server = _holder(tmp_path, docs, "serve", serves="http://127.0.0.1:8000/")
    try:
        subprocess.run(["make", "-s", "clean"], cwd=tmp_path, check=True, capture_output=True)
        assert sorted(p.name for p in docs.iterdir()) == [
            ".gitkeep", ".readinglist.holder", ".readinglist.lock",
        ]
        assert not _free(docs)  # a build is still refused
    finally:
        _stop(server)


def test_a_build_holds_the_docs_folder_until_the_site_folder_is_final(tmp_path, process_state, monkeypatch, capsys):
    """A build waiting for the docs folder goes on to remove the site folder's staging
    folder (staged_site.py) and build into a new one: the build before must be done
    with the site folder when it lets go, its files' modes set, the staging folder in
    the site folder's place or, when it failed, removed (let go first, the next build
    removed the staging folder before it was published)."""
    from generator import handlinks, sitemodes, staged_site
    from generator.errors import Problems

    project = make_project(tmp_path, FIXTURE)
    docs = project / "docs"
    free_while: dict[str, bool] = {}

    def spied(name, module, function):
        def spy(*args, **kwargs):
            free_while[name] = _free(docs)
            return function(*args, **kwargs)

        monkeypatch.setattr(module, function.__name__, spy)

    spied("made publishable", sitemodes, sitemodes.make_publishable)
    spied("published", staged_site, staged_site.publish)
    spied("abandoned", staged_site, staged_site.abandon)
    assert main(["--root", str(project), "build", "-q"]) == 0
    assert free_while == {"made publishable": False, "published": False}
    # A strict build that MkDocs' own anchor check fails once on_post_build has run.
    monkeypatch.setattr(handlinks, "missing_anchors", lambda pages, root: Problems())
    (project / "content" / "pages").mkdir(exist_ok=True)
    (project / "content" / "pages" / "about.md").write_text("# About\n\n[x](papers/task-vectors.md#abstrct)\n")
    free_while.clear()
    assert main(["--root", str(project), "build", "-q", "--strict"]) == 1
    assert free_while["abandoned"] is False
    assert _free(docs)  # (and let go once done)


NOBODY, GROUP = 65534, 4242  # (another user, and a lab's group it shares with this one)


def _as_another_user(do, *, group: int | None = None) -> str:
    """What ``do()`` returns (or the exception it raises, as "Name: message"), run in a
    child process as another user (root only: forked, so the modules it needs, imported
    before, need no reading from root's folders)."""
    import pwd  # noqa: F401  (imported before the fork: see above)

    import filelock  # noqa: F401

    read, write = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover (the child's)
        try:
            os.close(read)
            if group is not None:
                os.setgroups([group])
                os.setgid(group)
            os.setuid(NOBODY)
            try:
                said = str(do())
            except Exception as error:
                said = f"{type(error).__name__}: {error}"
            os.write(write, said.encode())
        finally:
            os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as answer:
        said = answer.read().decode()
    os.waitpid(child, 0)
    return said


@pytest.fixture
def shared_folder():
    """A project folder two users share: group-writable, its group kept by what is made
    in it; under /tmp (pytest's folders are root's only)."""
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="readinglist-shared-", dir="/tmp"))
    try:
        if os.geteuid() == 0:
            os.chown(folder, 0, GROUP)
        folder.chmod(0o2775)
        yield folder
    finally:
        shutil.rmtree(folder)


def test_a_lock_made_in_a_group_writable_folder_is_the_groups_and_its_record_no_one_elses(
    shared_folder, tmp_path
):
    # Made with a 022 umask (0644), the lock of a lab's shared checkout could not be
    # opened by the second user, whose build then went on without it. The record (a
    # command line, beside the site folder) was world-readable: a web server serving the
    # folder above the site folder served it. A docs folder's the group reads in a
    # shared folder (another user's build must see that a server holds it).
    from generator import docslock

    old = os.umask(0o022)
    try:
        for folder in (shared_folder, tmp_path):
            for lock, record_mode in (
                (folder / ".site.readinglist.lock", 0o600),
                (folder / ".readinglist.lock", 0o640 if folder == shared_folder else 0o600),
            ):
                held: dict = {}
                docslock.hold(lock, "site/", held)
                record = lock.with_name(lock.name.replace(".lock", ".holder"))
                assert bool(lock.stat().st_mode & 0o020) is (folder == shared_folder)
                assert (record.stat().st_mode & 0o777, lock.name) == (record_mode, lock.name)
                assert json.loads(record.read_text())["pid"] == os.getpid()
                docslock.release(lock, held)
    finally:
        os.umask(old)


@pytest.mark.skipif(not hasattr(os, "fork") or os.geteuid() != 0, reason="needs root, to be another user")
def test_a_second_user_of_a_shared_folder_takes_turns_on_the_first_users_lock(shared_folder):
    from generator import docslock

    old = os.umask(0o022)
    try:
        lock, held = shared_folder / ".site.readinglist.lock", {}
        docslock.hold(lock, "site/", held)  # (root's, as the first user's)
        docslock.release(lock, held)

        def take() -> str:
            docslock.hold(lock, "site/", {})
            return "held"

        assert _as_another_user(take, group=GROUP) == "held"
    finally:
        os.umask(old)


@pytest.mark.skipif(not hasattr(os, "fork") or os.geteuid() != 0, reason="needs root, to be another user")
def test_a_lock_another_user_left_that_this_one_cannot_open_is_refused_naming_its_owner(shared_folder):
    # filelock raised PermissionError, which the hook took for a site folder's parent it
    # may not write in: the build went on without the lock, saying nothing.
    from generator import docslock

    lock = shared_folder / ".site.readinglist.lock"
    lock.touch(mode=0o644)
    lock.chmod(0o644)  # (an older version's, made with a 022 umask)
    shared_folder.chmod(0o777)  # (writable to the other user, who is not of the group)

    def take() -> str:
        docslock.hold(lock, "site/", {})
        return "held"

    assert _as_another_user(take) == (
        f"LockForbidden: cannot take the lock {lock}: it is root's, and you may not open it, so"
        " this run could not take turns with others writing site/: ask root to run"
        f" `chmod g+w {lock}` (a folder two users share), or remove the file when no one is"
        " building"
    )


@pytest.mark.skipif(not hasattr(os, "fork") or os.geteuid() != 0, reason="needs root, to be another user")
def test_a_lock_another_user_left_in_a_sticky_folder_is_refused_saying_why(shared_folder):
    # filelock refuses another user's lock file in a folder with the sticky bit (/tmp's,
    # a lab's 3775 folder) though this user may open it (here: it is 0666); the refusal
    # said "you may not open it" and to run `chmod g+w`, which changes nothing.
    from generator import docslock

    shared_folder.chmod(0o1777)
    lock = shared_folder / ".site.readinglist.lock"
    lock.touch()
    lock.chmod(0o666)
    os.chown(lock, 4343, 4343)  # (a third user's, neither this one's nor the folder's owner's)

    def take() -> str:
        docslock.hold(lock, "site/", {})
        return "held"

    assert _as_another_user(take) == (
        f"LockForbidden: cannot take the lock {lock}: it is uid 4343's, in a folder with the"
        f" sticky bit ({shared_folder}), where a lock file of another user's is not taken (they"
        " could replace it meanwhile), so this run could not take turns with others writing"
        " site/: ask uid 4343 to remove the file when no one is building, or build into a"
        " folder without the sticky bit"
    )


def said_waiting_as_another_user(module, waits) -> str:
    """What ``waits``, a call that waits for a lock by ``module``'s time.sleep, says on
    standard error when another user of GROUP runs it, stopped at its first wait."""
    import contextlib
    import io
    import types

    def wait() -> str:
        said = io.StringIO()

        def stop(seconds: float) -> None:
            raise InterruptedError  # (the child's only: it waited once)

        module.time = types.SimpleNamespace(sleep=stop)
        with contextlib.redirect_stderr(said), contextlib.suppress(InterruptedError):
            waits()
        return said.getvalue()

    return _as_another_user(wait, group=GROUP)


@pytest.mark.skipif(not hasattr(os, "fork") or os.geteuid() != 0, reason="needs root, to be another user")
def test_a_second_user_waiting_for_the_first_users_build_is_told_whose_it_is(shared_folder):
    # The site folder's record is 0600 (a command line beside a served folder): the
    # second user, who may not read it, was told only of "another process". Its owner,
    # the holder, needs no reading of it.
    from generator import docslock

    old = os.umask(0o022)
    try:
        lock, held = shared_folder / ".site.readinglist.lock", {}
        docslock.hold(lock, "site/", held)  # (root's build, as the first user's)
        try:
            said = said_waiting_as_another_user(docslock, lambda: docslock.hold(lock, "site/", {}))
        finally:
            docslock.release(lock, held)
        assert said == (
            f"readinglist: waiting for a process of root's (it holds {lock}) to finish writing"
            " site/ (Ctrl-C to stop)\n"
        )
    finally:
        os.umask(old)
