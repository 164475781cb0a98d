"""Build the shipped site once per test session, and serve a built site on loopback.

Both the search-ranking tests and the browser tests need the real built site; building
it takes seconds, so the first caller builds and later callers reuse the folder.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

_built: dict[tuple[Path, str], Path] = {}
# `mkdocs build --strict --quiet -f MKDOCS_YML -d SITE` with the docs folder DOCS, which
# MkDocs' command line cannot set: what its build command does, the hook's startup and
# shutdown included.
_BUILD = """\
import logging, sys
from mkdocs.commands.build import build
from mkdocs.config import load_config

logging.getLogger("mkdocs").setLevel(logging.ERROR)
config = load_config(sys.argv[1], docs_dir=sys.argv[2], site_dir=sys.argv[3], strict=True)
config.plugins.on_startup(command="build", dirty=False)
try:
    build(config, dirty=False)
finally:
    config.plugins.on_shutdown()
"""


def build_site(base_temp: Path, site_url: str = "", site_dir: Path | None = None) -> Path:
    """`mkdocs build --strict` of the shipped list into a fresh folder; its path.

    ``site_url`` is mkdocs.yml's site_url (through SITE_URL), the address the site will
    be served at; by default there is none, as in a local build.
    """
    key = (base_temp, site_url)
    if key in _built:
        return _built[key]
    site_dir = site_dir or base_temp / "built-site"
    # A docs folder of its own, not the checkout's: `readinglist serve` may hold that one
    # (docslock.py), and a build there is refused (`make test` while serving).
    base_temp.mkdir(parents=True, exist_ok=True)
    docs_dir = Path(tempfile.mkdtemp(prefix="docs-", dir=base_temp))
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1764374400"}
    env.pop("SITE_URL", None)
    if site_url:
        env["SITE_URL"] = site_url
    proc = subprocess.run(
        [sys.executable, "-c", _BUILD, str(ROOT / "mkdocs.yml"), str(docs_dir), str(site_dir)],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"mkdocs build failed:\n{proc.stdout}\n{proc.stderr}")
    _built[key] = site_dir
    return site_dir


def build_fixture_site(project: Path, edit=None, site_url: str = "") -> Path:
    """`mkdocs build --strict` of the fixture list (tests/data/site_fixture) in a project
    folder of its own, ``edit(content_dir)`` first if given; the built site's path
    (``project/site``). ``site_url`` as in build_site (instant navigation needs it)."""
    project.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    (project / "generator").symlink_to(ROOT / "generator", target_is_directory=True)
    (project / "overrides").symlink_to(ROOT / "overrides", target_is_directory=True)
    shutil.copytree(ROOT / "tests" / "data" / "site_fixture" / "content", project / "content")
    if edit is not None:
        edit(project / "content")
    (project / "docs").mkdir()
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1764374400"}
    env.pop("SITE_URL", None)
    if site_url:
        env["SITE_URL"] = site_url
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", "site"],
        cwd=project, env=env, check=True, capture_output=True,
    )
    return project / "site"


@contextlib.contextmanager
def served_fixture_site(project: Path, edit=None) -> Iterator[str]:
    """The fixture list (build_fixture_site, ``edit`` first) built for the address it
    is served at, so that instant navigation works, and served while in the block: its
    address."""
    with SiteServer(project / "site") as server:
        build_fixture_site(project, edit, site_url=server.base_url)
        yield server.base_url


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class SiteServer:
    """Serves a folder on 127.0.0.1 at a free port, in a background thread."""

    def __init__(self, directory: Path):
        handler = functools.partial(_QuietHandler, directory=str(directory))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.base_url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> "SiteServer":
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
