"""The shipped list, built twice from two clean clones, gives byte-identical sites.

Each clone is `git clone` of the repository at HEAD (only committed files), in its own
temporary folder, and is built by its own `readinglist build` with its own copy of the
generator on the path. The two builds differ in everything that must not matter: the
folder they run in, the hash seed (set and dict ordering), and the time they run at; no
SOURCE_DATE_EPOCH is given, so the build date comes from the content as it does on CI.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow


def _tree(site: Path) -> dict[str, str]:
    return {
        path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="session")
def two_builds(tmp_path_factory):
    if shutil.which("git") is None or not (REPO / ".git").exists():
        pytest.fail("the determinism test needs git and the repository's history")
    root = tmp_path_factory.mktemp("determinism")
    clones = [root / "first-clone", root / "second" / "clone"]
    running = []
    for number, clone in enumerate(clones, 1):
        subprocess.run(["git", "clone", "-q", "--no-hardlinks", str(REPO), str(clone)], check=True)
        env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
        env.update(PYTHONPATH=str(clone), PYTHONHASHSEED=str(number))
        running.append(subprocess.Popen(
            [sys.executable, "-m", "generator", "--root", str(clone), "build", "-q"],
            cwd=clone, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        ))  # fmt: skip
    for process, clone in zip(running, clones):
        out, err = process.communicate(timeout=900)
        assert process.returncode == 0, f"build in {clone} failed:\n{out}\n{err}"
    return [clone / "site" for clone in clones]


def test_the_clones_build_a_whole_site(two_builds):
    first, _ = two_builds
    papers = sorted((first.parent / "content" / "papers").glob("*.yml"))
    assert len(papers) >= 100  # the shipped list, not an empty checkout
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
