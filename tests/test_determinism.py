"""The shipped list, built twice from two copies of the working tree, gives byte-identical sites.

Each copy holds the files git sees in the working tree (tracked and untracked ones, not
the ignored ones, with their uncommitted changes), in its own temporary folder, and is
built by its own `readinglist build` with its own copy of the generator on the path. The
two builds differ in everything that must not matter: the folder they run in, the hash
seed (set and dict ordering), the umask (the second's is private, 077: its files' modes
are compared too), and the time they run at: the second runs on a clock set
years and hours away (time-machine, started by a sitecustomize on its path), so a page
stamped with today's date or the time of day differs. No SOURCE_DATE_EPOCH is given, so
the build date comes from the content as it does on CI.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow

# Where the second build's clock starts: another year, month, day and time of day.
ELSEWHERE = dt.datetime(2033, 2, 17, 21, 45, 0, tzinfo=dt.timezone.utc)
SITECUSTOMIZE = f"""
import datetime, time_machine
time_machine.travel(datetime.datetime.fromisoformat({ELSEWHERE.isoformat()!r}), tick=True).start()
"""


def _tree(site: Path) -> dict[str, str]:
    """Each file's digest and each folder, with its permissions."""
    return {
        path.relative_to(site).as_posix(): (
            hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "folder"
        ) + f" {path.stat().st_mode & 0o7777:o}"
        for path in sorted(site.rglob("*"))
    }


def _copy_working_tree(target: Path) -> None:
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO, check=True, capture_output=True,
    ).stdout.decode().split("\0")  # fmt: skip
    for name in filter(None, listed):
        source = REPO / name
        if not os.path.lexists(source):  # deleted in the working tree
            continue
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target / name, follow_symlinks=False)


@pytest.fixture(scope="session")
def two_builds(tmp_path_factory):
    if shutil.which("git") is None or not (REPO / ".git").exists():
        pytest.fail("the determinism test needs git to list the working tree's files")
    root = tmp_path_factory.mktemp("determinism")
    clones = [root / "first-copy", root / "second" / "copy"]
    elsewhere = root / "clock-elsewhere"
    elsewhere.mkdir()
    (elsewhere / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    envs = []
    for number, clone in enumerate(clones, 1):
        _copy_working_tree(clone)
        env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
        path = [str(clone)] + ([str(elsewhere)] if number == 2 else [])
        env.update(PYTHONPATH=os.pathsep.join(path), PYTHONHASHSEED=str(number))
        envs.append(env)
    # The second build's clock really is elsewhere (and the first one's is not).
    today = [
        subprocess.run(
            [sys.executable, "-c", "import datetime; print(datetime.date.today())"],
            env=env, check=True, capture_output=True, text=True,
        ).stdout.strip()
        for env in envs
    ]  # fmt: skip
    assert today[1] == ELSEWHERE.date().isoformat() != today[0]
    running = [
        subprocess.Popen(
            [sys.executable, "-m", "generator", "--root", str(clone), "build", "-q"],
            cwd=clone, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            umask=umask,
        )
        for clone, env, umask in zip(clones, envs, (0o022, 0o077))
    ]  # fmt: skip
    for process, clone in zip(running, clones):
        out, err = process.communicate(timeout=900)
        assert process.returncode == 0, f"build in {clone} failed:\n{out}\n{err}"
    return [clone / "site" for clone in clones]


def test_the_copies_build_a_whole_site(two_builds):
    first, _ = two_builds
    papers = sorted((first.parent / "content" / "papers").glob("*.yml"))
    # The project's list, not an empty copy (empty only where the project's is: a new list).
    assert len(papers) == len(list((REPO / "content" / "papers").glob("*.yml")))
    for path in papers:
        assert (first / "papers" / path.stem / "index.html").is_file(), path.stem
    for name in ("index.html", "papers.json", "papers.bib", "papers.csv", "feed.xml", "sitemap.xml"):
        assert (first / name).is_file(), name
    assert (first / "search" / "search_index.json").is_file()


def test_two_clean_builds_are_byte_identical(two_builds):
    first, second = (_tree(site) for site in two_builds)
    assert sorted(first) == sorted(second)  # the same files
    differing = sorted(name for name in first if first[name] != second[name])
    assert differing == []


def test_the_build_holds_nothing_of_the_folder_it_ran_in(two_builds):
    for site in two_builds:
        clone = str(site.parent)
        for path in sorted(site.rglob("*")):
            if path.is_file() and path.suffix != ".gz":
                assert clone not in path.read_text(encoding="utf-8", errors="replace"), path
