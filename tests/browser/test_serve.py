"""`readinglist serve` in a real browser: an edit to a paper's YAML shows on the open
page by itself (live reload), the rebuild builds only the pages that changed, and a
content error shows in a banner until it is fixed."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.test_build import FIXTURE, REPO, make_project

PAPER = "content/papers/task-vectors.yml"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _serve(project: Path, log: Path) -> tuple[subprocess.Popen, str]:
    """`readinglist serve` of the project on a free port, serving: the process and its URL.

    The port is free when found, and the server takes it only once it has built the
    site: another process may take it meanwhile. The server then stops, and is started
    again on another port; and it is taken to be serving once it says so, not once
    something answers on the port."""
    for _ in range(3):
        port = _free_port()
        with log.open("wb") as out:
            server = subprocess.Popen(
                [sys.executable, "-m", "generator", "--root", str(project), "serve",
                 "-a", f"127.0.0.1:{port}"],
                cwd=project, stdout=out, stderr=subprocess.STDOUT,
            )
        url = f"http://127.0.0.1:{port}/"
        deadline = time.monotonic() + 120
        while f"Serving on {url}" not in " ".join(log.read_text(errors="replace").split()):
            if server.poll() is not None:
                break
            if time.monotonic() > deadline:
                server.terminate()
                server.wait(timeout=30)
                pytest.fail("readinglist serve did not start:\n" + log.read_text())
            time.sleep(0.2)
        else:
            return server, url
        # (Taken before the build: "is in use"; after it: "Address already in use".)
        if not re.search(r"is in use|Address already in use", log.read_text(errors="replace")):
            pytest.fail("readinglist serve did not start:\n" + log.read_text())
    pytest.fail("readinglist serve found no free port, three times:\n" + log.read_text())


@contextlib.contextmanager
def _serving(project: Path, log: Path) -> Iterator[str]:
    """`readinglist serve` of ``project``, answering at the URL given, until the block
    ends."""
    server, url = _serve(project, log)
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(url, timeout=2).read()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("readinglist serve did not answer:\n" + log.read_text())
                time.sleep(0.2)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.fixture
def served(tmp_path):
    """A project from the fixture list, under `readinglist serve`: (project, base URL, log)."""
    project = make_project(tmp_path, FIXTURE)
    log = tmp_path / "serve.log"
    with _serving(project, log) as url:
        yield project, url, log


def _edit(path: Path, old: str, new: str) -> None:
    """The edit as one change, as an editor saving by rename makes it: written in place
    (truncated, then written), a busy machine's watcher saw two changes and built twice."""
    text = path.read_text()
    assert old in text
    # (Written beside the project, not in a watched folder, then moved in: one change.)
    temporary = path.parents[3] / (path.name + ".saving")
    temporary.write_text(text.replace(old, new, 1))
    os.replace(temporary, path)


def _builds(log: Path) -> list[str]:
    return re.findall(r"Documentation built in [\d.]+ seconds", log.read_text())


@pytest.mark.slow
def test_an_edit_shows_on_the_open_page_and_only_its_pages_are_built(served, open_context):
    project, url, log = served
    page = open_context(base=url).new_page()
    page.goto("papers/task-vectors/")
    assert page.locator("h1").inner_text() == "Editing Models with Task Vectors"

    _edit(project / PAPER, "added: 2026-11-25", "added: 2026-11-25\nnotes: Read *this* first.")
    # No reload by the test: MkDocs' live reload script reloads the page.
    page.locator("em", has_text="this").wait_for(timeout=30_000)
    assert "Read this first." in page.locator("article").inner_text()
    # The generator rewrote the paper's page and papers.json, nothing else (MkDocs then
    # builds those pages only: tests/test_partial_rebuild.py).
    assert re.search(r"readinglist: \d+ files, 2 written", log.read_text())

    # A new title reaches search: the index was merged, not rebuilt from the one page.
    _edit(project / PAPER, "title: Editing Models with Task Vectors", "title: Steering Models with Task Vectors")
    page.locator("h1", has_text="Steering Models").wait_for(timeout=30_000)
    index = urllib.request.urlopen(url + "search/search_index.json").read().decode()
    assert "Steering Models with Task Vectors" in index
    assert "Editing Models with Task Vectors" not in index
    assert '"location":"about/"' in index and '"location":"papers/hostile-inputs/"' in index

    # A content error shows in a banner on the page, and goes when fixed.
    _edit(project / PAPER, "year: 2023", "year: <b>x</b>")
    banner = page.locator(".md-banner")
    banner.wait_for(timeout=60_000)
    assert "content/papers/task-vectors.yml:" in banner.inner_text()
    _edit(project / PAPER, "year: <b>x</b>", "year: 2023")
    banner.wait_for(state="detached", timeout=60_000)
    assert page.locator("h1").inner_text() == "Steering Models with Task Vectors"
    # One build per edit: docs/, which the hook writes, is not watched (the first build
    # and four edits).
    time.sleep(1.5)
    assert len(_builds(log)) == 5, log.read_text()
    watching = re.search(r"Watching paths for changes: (.*)", log.read_text()).group(1)
    assert "'content'" in watching and "'docs'" not in watching


@pytest.mark.slow
def test_a_papers_address_opened_before_its_file_is_saved_shows_the_paper_once_it_is(
    served, open_context, guard
):
    # MkDocs sent "Page not found" without its live-reload script: the page stayed so
    # once the file was saved, until reloaded by hand.
    project, url, log = served
    page = open_context(base=url).new_page()
    page.goto("papers/written-by-hand/")
    assert page.locator("h1").inner_text() == "Page not found"
    saving = project.parent / "written-by-hand.yml"  # (saved beside, then moved in)
    saving.write_text("id: written-by-hand\ntitle: A Paper Written by Hand\nyear: 2025\n")
    os.replace(saving, project / "content" / "papers" / "written-by-hand.yml")
    page.locator("h1", has_text="A Paper Written by Hand").wait_for(timeout=60_000)
    # (The browser logs the "not found" it was sent first: that one was meant.)
    assert [e for e in guard.errors if "404 (Not Found)" in e] != []
    guard.errors[:] = [e for e in guard.errors if "404 (Not Found)" not in e]


@pytest.mark.slow
def test_a_mistake_in_an_override_named_in_no_utf_8_is_in_the_bar_and_goes_once_fixed(
    tmp_path, open_context
):
    # A theme override whose name is not UTF-8 (a Latin-1 'café.html' unzipped from an
    # old archive) with a mistake in it: the bar could not say its name (a lone
    # surrogate to Python), and every page the server sent was a bare "500 Internal
    # Server Error", which stayed in the tab once the file was fixed.
    project = make_project(tmp_path, FIXTURE)
    (project / "overrides").unlink()  # (a copy of its own, not the repository's)
    shutil.copytree(REPO / "overrides", project / "overrides")
    with _serving(project, tmp_path / "serve.log") as url:
        page = open_context(base=url).new_page()
        page.goto("papers/task-vectors/")
        title = page.locator("h1")
        expect(title).to_have_text("Editing Models with Task Vectors")
        override = os.fsencode(project / "overrides" / "partials") + b"/caf\xe9.html"
        saving = os.fsencode(tmp_path / "saving.html")  # (saved beside, then moved in)
        Path(os.fsdecode(saving)).write_text("{% if %}\n")
        os.replace(saving, override)
        bar = page.locator(".rl-problems")
        # (No reload by the test: the page reloads itself, as for every rebuild.)
        expect(bar).to_contain_text(
            "The site could not be built again: 1 error", timeout=60_000
        )
        expect(bar).to_contain_text("overrides/partials/caf\\udce9.html:1:")
        expect(title).to_have_text("Editing Models with Task Vectors")
        os.remove(override)
        expect(bar).to_have_count(0, timeout=60_000)
        expect(title).to_have_text("Editing Models with Task Vectors")
        page.close()  # (before the server stops: its live-reload request, cut, is an error)
