"""staged_site.py: a build's site made beside the site folder replaces it whole, and
what a build killed at any point left is tidied by the next one."""

from __future__ import annotations

import errno
import os
import pwd
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from generator import served_site, staged_site
from tests.test_build import FIXTURE, REPO, make_project
from tests.test_served_site import _build, _site


OLD = {"index.html": "old", "papers/a/index.html": "a"}
NEW = {"index.html": "new", "papers/b/index.html": "b"}
GIT = {".git/HEAD": "ref: refs/heads/gh-pages\n", ".nojekyll": ""}


def _built_beside(tmp_path: Path) -> tuple[Path, Path]:
    """A site folder holding the old site, and the new one built beside it."""
    site = tmp_path / "site"
    _build(site, {**OLD, **GIT})
    staging = staged_site.begin(site)
    assert staging is not None
    _build(staging, NEW)
    return site, staging


def _beside(tmp_path: Path) -> list[str]:
    """What the site folder's parent holds."""
    return sorted(p.name for p in tmp_path.iterdir())


@pytest.mark.parametrize("exchange", [True, False], ids=["exchanged", "two renames"])
def test_the_built_site_replaces_the_site_folder_keeping_its_dot_files(tmp_path, monkeypatch, exchange):
    if not exchange:  # (a system with no renameat2, or a file system without the flag)
        monkeypatch.setattr(staged_site, "_exchange", lambda first, second: False)
    site = tmp_path / "site"
    _build(site, {**OLD, **GIT})
    staging = staged_site.begin(site)
    assert staging is not None and staging.parent == tmp_path and list(staging.iterdir()) == []
    _build(staging, NEW)
    assert _site(site) == {**OLD, **GIT}  # (untouched while the build runs)
    assert staged_site.publish(site, staging)
    assert _site(site) == {**NEW, **GIT}
    assert _beside(tmp_path) == ["site"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="renameat2 is Linux's (elsewhere: the two renames)")
def test_the_atomic_exchange_is_used_where_the_system_has_it(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    _build(first, {"index.html": "1"})
    _build(second, {"index.html": "2"})
    assert staged_site._exchange(first, second)  # (Linux, ext4: this machine)
    assert _site(first) == {"index.html": "2"} and _site(second) == {"index.html": "1"}


def test_a_first_build_publishes_into_a_site_folder_not_there_yet(tmp_path):
    site = tmp_path / "site"
    staging = staged_site.begin(site)
    assert staging is not None
    _build(staging, NEW)
    assert staged_site.publish(site, staging)
    assert _site(site) == NEW and _beside(tmp_path) == ["site"]


def test_a_site_folder_reached_through_a_link_is_replaced_where_it_leads(tmp_path):
    served = tmp_path / "www" / "list"
    _build(served, OLD)
    (tmp_path / "project").mkdir()
    site = tmp_path / "project" / "site"
    site.symlink_to(served, target_is_directory=True)
    staging = staged_site.begin(site)
    assert staging is not None and staging.parent == tmp_path / "www"
    _build(staging, NEW)
    assert staged_site.publish(site, staging)
    assert site.is_symlink() and _site(served) == NEW
    assert _beside(tmp_path / "www") == ["list"]


def test_no_staging_folder_where_the_site_folder_cannot_be_renamed(tmp_path, monkeypatch):
    site = tmp_path / "site"
    _build(site, OLD)
    monkeypatch.setattr(os.path, "ismount", lambda path: Path(path) == site)
    assert staged_site.begin(site) is None
    monkeypatch.undo()

    def refused(self, *args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", str(self))

    monkeypatch.setattr(Path, "mkdir", refused)  # (a parent folder the build cannot write in)
    assert staged_site.begin(site) is None
    monkeypatch.undo()
    assert _site(site) == OLD and _beside(tmp_path) == ["site"]


def test_a_refused_rename_changes_nothing_and_the_site_is_then_moved_in_place(tmp_path, monkeypatch):
    site, staging = _built_beside(tmp_path)
    monkeypatch.setattr(staged_site, "_exchange", lambda first, second: False)
    rename = Path.rename

    def across_file_systems(self, target):
        if self == site:
            raise OSError(errno.EXDEV, "Invalid cross-device link", str(self))
        return rename(self, target)

    monkeypatch.setattr(Path, "rename", across_file_systems)
    assert not staged_site.publish(site, staging)
    assert _site(site) == {**OLD, **GIT} and _site(staging) == NEW
    staged_site.move_in_place(site, staging)
    assert _site(site) == {**NEW, **GIT} and _beside(tmp_path) == ["site"]


def test_a_staging_folder_a_killed_build_left_is_removed_never_published(tmp_path):
    site = tmp_path / "site"
    _build(site, {**OLD, **GIT})
    _build(staged_site.beside(site, staged_site.STAGING), {"index.html": "half"})
    staging = staged_site.begin(site)  # the next build
    assert staging is not None and list(staging.iterdir()) == []
    assert _site(site) == {**OLD, **GIT}
    staged_site.abandon(staging)  # (and it fails)
    assert _site(site) == {**OLD, **GIT} and _beside(tmp_path) == ["site"]


def test_a_build_killed_between_the_two_renames_leaves_the_old_site_to_be_put_back(tmp_path):
    site = tmp_path / "site"
    _build(staged_site.beside(site, staged_site.REPLACED), {**OLD, **GIT})  # (site renamed away)
    _build(staged_site.beside(site, staged_site.BUILT), NEW)  # (not renamed into its place yet)
    staged_site.tidy(site)
    assert _site(site) == {**OLD, **GIT} and _beside(tmp_path) == ["site"]


def test_dot_files_a_killed_build_had_not_moved_yet_are_moved_by_the_next(tmp_path):
    site = tmp_path / "site"
    _build(site, NEW)  # (exchanged: the new site is in place)
    _build(staged_site.beside(site, staged_site.BUILT), {**OLD, **GIT})  # (the old, not yet emptied)
    staged_site.tidy(site)
    assert _site(site) == {**NEW, **GIT} and _beside(tmp_path) == ["site"]


def test_the_last_site_an_older_version_set_aside_in_the_site_folder_is_put_back(tmp_path):
    site = tmp_path / "site"
    _build(site, {**OLD, **GIT})
    served_site.set_aside(site)
    _build(site, {"index.html": "half"})  # (killed there)
    assert staged_site.begin(site) is not None
    assert _site(site) == {**OLD, **GIT}


def test_the_staging_folders_site_is_known_by_its_name(tmp_path):
    site = tmp_path / "public"
    assert staged_site.site_of(staged_site.beside(site, staged_site.STAGING)) == site
    assert staged_site.site_of(site) is None
    assert staged_site.site_of(tmp_path / staged_site.STAGING) is None


def test_ctrl_c_amid_the_publishing_renames_publishes_first(tmp_path, monkeypatch):
    monkeypatch.setattr(staged_site, "_exchange", lambda first, second: False)
    site, staging = _built_beside(tmp_path)
    rename = Path.rename

    def interrupted(self, target):
        if self == site:  # (the first of the two renames)
            os.kill(os.getpid(), signal.SIGINT)
        return rename(self, target)

    monkeypatch.setattr(Path, "rename", interrupted)
    with pytest.raises(KeyboardInterrupt):
        staged_site.publish(site, staging)
    monkeypatch.undo()
    # (The old site, not deleted once Ctrl-C was pressed, is left to the next build.)
    gone = staged_site.beside(site, staged_site.GONE).name
    assert _site(site) == {**NEW, **GIT} and _beside(tmp_path) == [gone, "site"]


@pytest.mark.parametrize("exchange", [True, False], ids=["exchanged", "two renames"])
def test_a_dot_folder_the_build_cannot_move_keeps_the_site_folder_and_its_files_move_in(
    tmp_path, monkeypatch, exchange
):
    """A dot-folder of the site folder that its builder may not move (`sudo certbot
    --webroot -w site` made a root-owned .well-known/: a folder moved to another folder
    needs write permission on itself) was found only after the new site had replaced
    the old: the build stopped on a PermissionError with the new site published without
    it, the old one left beside it, and every later build stopped on it again."""
    if not exchange:
        monkeypatch.setattr(staged_site, "_exchange", lambda first, second: False)
    site = tmp_path / "site"
    acme = {".well-known/acme-challenge/token": "proof"}
    _build(site, {**OLD, **GIT, **acme})
    staging = staged_site.begin(site)
    assert staging is not None
    _build(staging, NEW)
    rename = Path.rename

    def refused(self, target):
        if self.name == ".well-known" and Path(target).parent != self.parent:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return rename(self, target)

    monkeypatch.setattr(Path, "rename", refused)
    assert not staged_site.publish(site, staging)
    assert _site(site) == {**OLD, **GIT, **acme} and _site(staging) == NEW  # (nothing moved)
    staged_site.move_in_place(site, staging)  # (what the hook does then: MkDocs' way)
    assert _site(site) == {**NEW, **GIT, **acme} and _beside(tmp_path) == ["site"]


def test_dot_files_a_killed_build_was_moving_into_the_built_site_are_put_back(tmp_path):
    """The old site's dot-files go into the built site before it replaces the old one: a
    build killed amid those renames left some in the staging folder, which the next
    build removes."""
    site = tmp_path / "site"
    _build(site, {**OLD, ".nojekyll": ""})
    _build(staged_site.beside(site, staged_site.STAGING), {**NEW, ".git/HEAD": GIT[".git/HEAD"]})
    assert staged_site.begin(site) is not None
    assert _site(site) == {**OLD, **GIT}


@pytest.mark.parametrize("code", [errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EBUSY])
def test_a_system_that_refuses_the_exchange_gets_the_two_renames(tmp_path, monkeypatch, code):
    """renameat2 answers EINVAL on a file system without RENAME_EXCHANGE (older NFS,
    some FUSE ones), ENOSYS on a kernel before 3.15, EBUSY for a mount point."""
    import ctypes

    def refusing(*args: object) -> int:
        ctypes.set_errno(code)
        return -1

    monkeypatch.setattr(staged_site, "_renameat2", lambda: refusing)
    site, staging = _built_beside(tmp_path)
    assert staged_site.publish(site, staging)
    assert _site(site) == {**NEW, **GIT} and _beside(tmp_path) == ["site"]


def test_an_exchange_failing_otherwise_is_raised(tmp_path, monkeypatch):
    import ctypes

    def failing(*args: object) -> int:
        ctypes.set_errno(errno.EIO)
        return -1

    monkeypatch.setattr(staged_site, "_renameat2", lambda: failing)
    with pytest.raises(OSError) as raised:
        staged_site._exchange(tmp_path / "a", tmp_path / "b")
    assert raised.value.errno == errno.EIO


def test_no_exchange_is_tried_on_other_systems(tmp_path, monkeypatch):
    monkeypatch.setattr(staged_site, "_renameat2", lambda: pytest.fail("renameat2 looked up"))
    for platform in ("darwin", "win32"):
        monkeypatch.setattr("sys.platform", platform)
        assert staged_site._exchange(tmp_path / "a", tmp_path / "b") is False


@pytest.mark.parametrize("exchange", [True, False], ids=["exchanged", "two renames"])
def test_ctrl_c_as_the_old_site_is_deleted_stops_at_once_and_the_next_build_tidies_it(
    tmp_path, monkeypatch, exchange
):
    """Once the new site is in place the old one is deleted (seconds at 10,000 pages):
    the site is published then, and a Ctrl-C waited for the deletion all the same."""
    if not exchange:
        monkeypatch.setattr(staged_site, "_exchange", lambda first, second: False)
    site, staging = _built_beside(tmp_path)
    rmtree = shutil.rmtree
    deleting: list[str] = []

    def interrupted(path, *args, **kwargs):
        os.kill(os.getpid(), signal.SIGINT)  # (Ctrl-C as the deletion begins)
        deleting.append(Path(path).name)  # (reached only if the interrupt waits)
        return rmtree(path, *args, **kwargs)

    monkeypatch.setattr(shutil, "rmtree", interrupted)
    with pytest.raises(KeyboardInterrupt):
        staged_site.publish(site, staging)
    monkeypatch.undo()
    assert deleting == []
    # Published, the old site left whole beside it, under a name that says it goes.
    assert _site(site) == {**NEW, **GIT}
    gone = staged_site.beside(site, staged_site.GONE)
    assert _beside(tmp_path) == sorted([gone.name, "site"]) and _site(gone) == OLD
    # The next build deletes it, carrying nothing from it into the site.
    (site / ".nojekyll").unlink()  # (removed by hand since: not brought back)
    staging = staged_site.begin(site)
    assert staging is not None and _beside(tmp_path) == sorted([staging.name, "site"])
    assert _site(site) == {**NEW, ".git/HEAD": GIT[".git/HEAD"]}


def _second_project(tmp_path: Path) -> Path:
    """A second checkout, its docs folder its own, one paper's title changed (which
    site is published tells which build published it)."""
    (tmp_path / "b").mkdir()
    project = make_project(tmp_path / "b", FIXTURE)
    paper = project / "content" / "papers" / "task-vectors.yml"
    paper.write_text(paper.read_text().replace("title: Editing Models with Task Vectors", "title: Task Vectors Again"))
    return project


def _build_process(project: Path, site: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "generator", "--root", str(project), "build", "-q", "--site-dir", str(site)],
        cwd=REPO, stderr=subprocess.PIPE, text=True,
    )


def test_two_builds_into_one_site_folder_take_turns(tmp_path, process_state, monkeypatch):
    """Two checkouts publishing into one folder (CI's and a curator's, into a lab box's
    /var/www/list) each hold their own docs folder, whose lock (docslock.py) kept two
    builds of one checkout apart but not these: the second removed the first's staging
    folder as a killed build's leftover, and the first then found it gone (or published
    the second's half-built site). The second now waits, and says for whom."""
    from generator.cli import main

    (tmp_path / "a").mkdir()
    first = make_project(tmp_path / "a", FIXTURE)
    second = _second_project(tmp_path)
    site = tmp_path / "www" / "list"
    monkeypatch.setattr(sys, "argv", ["/usr/local/bin/readinglist", "build", "-q"])
    said: list[str] = []
    other: list[subprocess.Popen] = []
    publish = staged_site.publish

    def publish_once_the_other_has_begun(site_dir, staging):
        # The second build starts once the first has built, and this one publishes only
        # when the second waits for it, or (as before) has run to its end meanwhile.
        process = _build_process(second, site)
        other.append(process)
        assert process.stderr is not None
        for line in process.stderr:
            said.append(line)
            if line.startswith("readinglist: waiting"):
                break
        return publish(site_dir, staging)

    monkeypatch.setattr(staged_site, "publish", publish_once_the_other_has_begun)
    try:
        assert main(["--root", str(first), "build", "-q", "--site-dir", str(site)]) == 0
        assert "Editing Models with Task Vectors" in (site / "papers" / "task-vectors" / "index.html").read_text()
        assert other[0].wait(timeout=300) == 0, said + [other[0].stderr.read()]
    finally:
        for process in other:
            if process.poll() is None:
                process.kill()
            process.wait()
    assert [line for line in said if line.startswith("readinglist:")] == [
        f"readinglist: waiting for `readinglist build -q` (pid {os.getpid()}) to finish writing"
        f" {site}/ (Ctrl-C to stop)\n"
    ]
    assert "Task Vectors Again" in (site / "papers" / "task-vectors" / "index.html").read_text()
    assert sorted(p.name for p in site.parent.iterdir()) == [".list.readinglist.lock", "list"]


def _holder_process(site: Path) -> subprocess.Popen:
    """Another process holding the lock on ``site`` (as a build does) until killed."""
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""\
            import sys, time
            from pathlib import Path
            sys.path.insert(0, {str(REPO)!r})
            from generator import docslock, staged_site
            held = {{}}  # (kept: a lock no longer referred to is let go)
            docslock.hold(staged_site.lock_file(Path({str(site)!r})), "list/", held)
            print("held", flush=True)
            time.sleep(600)
        """)],
        stdout=subprocess.PIPE, text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline() == "held\n"
    return holder


def test_a_build_killed_while_it_held_the_site_folder_does_not_stop_the_next(tmp_path, process_state):
    """The site folder's lock is the operating system's (filelock, as the docs folder's):
    it goes with its process, and the record of one killed outright names a process
    that is gone."""
    from filelock import FileLock, Timeout

    from generator import docslock

    site = tmp_path / "www" / "list"
    holder = _holder_process(site)
    try:
        record = staged_site.beside(site, ".readinglist.holder")
        assert docslock.holder(record) is not None  # (while it runs: named)
        with pytest.raises(Timeout):  # (and held: a lock no one held would prove nothing)
            FileLock(str(staged_site.lock_file(site)), thread_local=False).acquire(blocking=False)
        holder.kill()
        holder.wait()
        assert record.is_file()
        build = _build_process(make_project(tmp_path, FIXTURE), site)
        assert build.wait(timeout=300) == 0
        assert build.stderr is not None and "waiting" not in build.stderr.read()
        assert (site / "papers" / "task-vectors" / "index.html").is_file()
        assert not record.exists()  # (the build's own record went with its lock)
    finally:
        if holder.poll() is None:
            holder.kill()
        holder.wait()


def test_mkdocs_says_the_site_folder_it_builds_not_only_the_staging_folder(tmp_path, process_state, capsys):
    """MkDocs' "Building documentation to directory: ..." named the staging folder alone,
    a dot-folder the curator never asked for."""
    from generator.cli import main

    project = make_project(tmp_path, FIXTURE)
    site, staging = project / "site", staged_site.beside(project / "site", staged_site.STAGING)
    assert main(["--root", str(project), "build"]) == 0
    said = capsys.readouterr().err.splitlines()
    assert [line for line in said if "Building documentation" in line] == [
        f"INFO    -  Building documentation to directory: {site} (built in {staging}, then"
        " swapped in)"
    ]
    assert [line for line in said if str(staging) in line and "Building documentation" not in line] == []


def test_ctrl_c_while_waiting_for_the_site_folder_leaves_the_holders_build_alone(
    tmp_path, process_state, monkeypatch
):
    """A build that waits for another one (building in place: a site folder that is a
    mount point, its last site set aside in it, served_site.py) and is stopped by Ctrl-C
    meanwhile has set nothing aside and built nothing: it put the other's last site
    back over the pages that one was writing, which then published a mix of the two
    sites, with nothing left to put back if it failed."""
    from generator import docslock
    from generator.cli import main

    project = make_project(tmp_path, FIXTURE)
    site = tmp_path / "www" / "list"
    _build(site / served_site.ASIDE, OLD)  # (the holder's last site, set aside)
    _build(site, {"index.html": "half-built"})  # (and what it has written so far)
    before = _site(site)
    holder = _holder_process(site)
    sleep = docslock.time.sleep
    try:
        def ctrl_c(seconds):
            raise KeyboardInterrupt  # (pressed while it waits)

        monkeypatch.setattr(docslock.time, "sleep", ctrl_c)
        assert main(["--root", str(project), "build", "-q", "--site-dir", str(site)]) == 130
    finally:
        holder.kill()
        holder.wait()
    assert _site(site) == before
    # Its own last site, set aside as it builds in place, a Ctrl-C still puts back (here
    # the one the holder, killed, left aside; the holder's half is gone).
    from generator import handlinks

    monkeypatch.setattr(docslock.time, "sleep", sleep)
    monkeypatch.setattr(staged_site.os.path, "ismount", lambda path: Path(path) == site)

    def interrupted(pages, root):
        raise KeyboardInterrupt

    monkeypatch.setattr(handlinks, "missing_anchors", interrupted)
    assert main(["--root", str(project), "build", "-q", "--site-dir", str(site)]) == 130
    assert _site(site) == OLD


def _held_elsewhere(lock: Path) -> bool:
    """Whether a process of its own finds ``lock`` held (flock: another process's view)."""
    probe = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(f"""\
            from filelock import FileLock, Timeout
            try:
                FileLock({str(lock)!r}, thread_local=False).acquire(blocking=False)
            except Timeout:
                print("held")
            else:
                print("free")
        """)],
        capture_output=True, text=True, check=True,
    )
    return probe.stdout == "held\n"


def test_mkdocs_gh_deploy_holds_the_site_folder_until_it_has_pushed(tmp_path, process_state, monkeypatch, mkdocs_cli):
    """`mkdocs gh-deploy` builds, runs on_shutdown, and then pushes the site folder
    (ghp-import reads it file by file): let go when the build ended, the folder could be
    replaced by a build from another checkout as it was read, and a mix of two sites
    pushed."""
    from mkdocs.commands import gh_deploy

    project = make_project(tmp_path, FIXTURE)
    lock = staged_site.lock_file(project / "site")
    pushed: list[tuple[bool, bool]] = []

    def push(config, **options):
        index = Path(config.site_dir) / "papers" / "task-vectors" / "index.html"
        pushed.append((index.is_file(), _held_elsewhere(lock)))

    monkeypatch.setattr(gh_deploy, "gh_deploy", push)
    mkdocs_cli(["gh-deploy", "-q", "-f", str(project / "mkdocs.yml")])
    assert pushed == [(True, True)]


def test_a_site_lock_this_user_may_not_open_stops_the_build_before_it_touches_the_site(
    tmp_path, process_state, monkeypatch
):
    """Another user's lock file (a lab's shared checkout) that this user may not open:
    filelock's PermissionError was taken for a parent folder no build may write in, and
    the build went on without the lock, silently, beside the other user's build. (The
    refusal itself, as another user: test_docslock.py.)"""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    from generator import docslock

    project = make_project(tmp_path, FIXTURE)
    site = project / "site"
    _build(site, OLD)
    lock = staged_site.lock_file(site)
    lock.touch()
    acquire = docslock._acquire

    def refused(file_lock, record, shown, lock_shown):
        if Path(file_lock.lock_file) == lock:  # (as filelock refuses another's 0644 file)
            raise PermissionError(errno.EACCES, "Permission denied", str(lock))
        return acquire(file_lock, record, shown, lock_shown)

    monkeypatch.setattr(docslock, "_acquire", refused)
    with pytest.raises(Abort) as stopped:
        mkdocs_build(load_config(str(project / "mkdocs.yml"), strict=True))
    me = pwd.getpwuid(os.getuid()).pw_name  # (the lock's owner here)
    assert str(stopped.value) == (
        f"readinglist: cannot take the lock {lock}: it is {me}'s, and you may not open it, so"
        f" this run could not take turns with others writing site/: ask {me} to run"
        f" `chmod g+w {lock}` (a folder two users share), or remove the file when no one is"
        " building"
    )
    assert _site(site) == OLD  # (the old site served still, no staging folder begun)
    assert not staged_site.beside(site, staged_site.STAGING).exists()


def _theirs_kept(monkeypatch) -> None:
    """shutil.rmtree as another user's files make it for this one (as root, no mode
    stops it): a folder holding a file named "theirs" is left whole."""
    rmtree = shutil.rmtree

    def rmtree_but_theirs(path, ignore_errors=False, **kwargs):
        if (Path(path) / "theirs").exists():
            if not ignore_errors:
                raise PermissionError(errno.EACCES, "Permission denied", str(Path(path) / "theirs"))
            return
        rmtree(path, ignore_errors=ignore_errors, **kwargs)

    monkeypatch.setattr(shutil, "rmtree", rmtree_but_theirs)


def test_an_old_site_another_user_left_undeleted_does_not_stop_the_publish(tmp_path, monkeypatch):
    """A project folder two users share: the old site of the other user's build, which
    this one may not delete, stayed as .site.readinglist-gone/, and the next publish,
    its site built and exchanged, failed renaming the old site onto it."""
    _theirs_kept(monkeypatch)
    gone = staged_site.beside(tmp_path / "site", staged_site.GONE)
    _build(gone, {"theirs": "", "index.html": "older"})
    site, staging = _built_beside(tmp_path)  # (its tidy could not delete it either)
    assert staged_site.publish(site, staging)
    assert _site(site) == {**NEW, **GIT}
    assert _beside(tmp_path) == [".site.readinglist-gone", "site"]  # (this build's old one: deleted)
    assert staged_site.left_behind(site) == [gone]
    # A second left the same way takes the next name, and is said after the first.
    (site / "theirs").write_text("")
    staging = staged_site.begin(site)
    assert staging is not None
    _build(staging, OLD)
    assert staged_site.publish(site, staging) and _site(site) == {**OLD, **GIT}
    assert staged_site.left_behind(site) == [gone, staged_site.beside(site, f"{staged_site.GONE}-2")]
    assert _site(gone) == {"theirs": "", "index.html": "older"}  # (as it was: no file lost)


def test_a_killed_builds_staging_folder_another_user_left_undeleted_is_put_out_of_the_way(tmp_path, monkeypatch):
    # It stayed where the next build makes its own: that one could not, and built in place.
    _theirs_kept(monkeypatch)
    site = tmp_path / "site"
    _build(site, OLD)
    _build(staged_site.beside(site, staged_site.STAGING), {"theirs": "", "index.html": "half"})
    staging = staged_site.begin(site)
    assert staging is not None and list(staging.iterdir()) == []
    assert staged_site.left_behind(site) == [staged_site.beside(site, staged_site.GONE)]


def test_a_build_says_the_old_site_it_could_not_delete(tmp_path, process_state, monkeypatch, capsys):
    from generator.cli import main

    project = make_project(tmp_path, FIXTURE)
    site = project / "site"
    assert main(["--root", str(project), "build", "-q"]) == 0
    _theirs_kept(monkeypatch)
    gone = staged_site.beside(site, staged_site.GONE)
    _build(gone, {"theirs": ""})
    capsys.readouterr()
    assert main(["--root", str(project), "build", "-q"]) == 0
    me = pwd.getpwuid(os.getuid()).pw_name
    said = capsys.readouterr().err.splitlines()
    assert [line for line in said if line.startswith("readinglist")] == [
        f"readinglist: {site} is published, but an old site, {gone}, could not all be deleted"
        f" (files you may not delete; the folder is {me}'s): ask {me} to delete it (each build"
        " tries again)"
    ]
    assert (site / "papers" / "task-vectors" / "index.html").is_file()


def test_tidy_deletes_the_old_sites_builds_named_and_no_other_folder_beside_the_site(tmp_path):
    """left_behind matched every name beginning ".site.readinglist-gone", and tidy deleted
    them all: a curator's ".site.readinglist-gone.bak/" went at the next build."""
    site = tmp_path / "site"
    _build(site, OLD)
    for name in ("", "-2", "-12"):  # (the names _free_gone gives: deleted)
        _build(staged_site.beside(site, staged_site.GONE + name), {"index.html": "older"})
    kept = [".site.readinglist-gone.bak", ".site.readinglist-gone-old", ".site.readinglist-gone-02",
            ".site.readinglist-gone-1", ".site.readinglist-gone-"]
    for name in kept:
        _build(tmp_path / name, {"notes.txt": "mine"})
    assert staged_site.left_behind(site) == [
        staged_site.beside(site, staged_site.GONE + name) for name in ("", "-2", "-12")
    ]
    staging = staged_site.begin(site)
    assert staging is not None
    assert _beside(tmp_path) == sorted([*kept, ".site.readinglist-new", "site"])
    for name in kept:
        assert _site(tmp_path / name) == {"notes.txt": "mine"}


def test_a_killed_builds_staging_folder_this_user_may_neither_delete_nor_move_leaves_the_build_in_place(
    tmp_path, monkeypatch
):
    """A root-made staging folder beside /var/www/list, /var/www root's: before it was put
    out of the way, the build was made in place; the rename put in for it raised, and the
    build stopped with PermissionError's traceback."""
    _theirs_kept(monkeypatch)
    site = tmp_path / "site"
    _build(site, OLD)
    left = staged_site.beside(site, staged_site.STAGING)
    _build(left, {"theirs": "", "index.html": "half"})
    rename = Path.rename

    def refused(self, target):
        if self == left:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return rename(self, target)

    monkeypatch.setattr(Path, "rename", refused)
    assert staged_site.begin(site) is None  # (in place)
    assert _site(left) == {"theirs": "", "index.html": "half"} and _site(site) == OLD


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root, to give a folder another group")
def test_the_staging_folder_takes_the_site_folders_group_and_setgid_bit(tmp_path):
    # MkDocs builds in the site folder and keeps its group and setgid bit; the staging
    # folder that replaces it was the builder's own group's, without the bit (its parent,
    # here, not setgid): a lab's other users could not replace the site it published.
    from tests.test_docslock import GROUP

    site = tmp_path / "site"
    _build(site, OLD)
    os.chown(site, -1, GROUP)
    site.chmod(0o2775)
    staging = staged_site.begin(site)
    assert staging is not None
    assert (staging.stat().st_gid, staging.stat().st_mode & 0o2000) == (GROUP, 0o2000)
    _build(staging, NEW)
    assert staged_site.publish(site, staging)
    assert (site.stat().st_gid, (site / "papers").stat().st_gid) == (GROUP, GROUP)
