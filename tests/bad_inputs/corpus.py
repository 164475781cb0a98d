"""The hostile-input corpus: loading its cases, laying them out, building a site from them.

A case is one YAML file in ``cases/`` (see README.md for the fields). This module holds
what both `test_bad_inputs.py` and `tests/test_hostile_site.py` need: reading the
manifests, writing a case's files into a project folder, one MkDocs build of every
literal case together (cached, so a test session builds it once), and reading the
visible text of a built page.
"""

from __future__ import annotations

import atexit
import functools
import html.parser
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

HERE = Path(__file__).parent
CASES_DIR = HERE / "cases"
REPO = HERE.parent.parent
# A fixed build date: the hostile and the benign site must not differ by the clock.
EPOCH = "1767225600"  # 2026-01-01


@dataclass(frozen=True)
class Case:
    name: str  # the manifest's file name without .yml
    about: str
    kind: str  # "content": files under content/; "import": an input file for `readinglist import`
    expect: str  # "error" or "literal"
    files: dict[str, str]  # path under content/ (or the import input's name) -> text
    errors: tuple[str, ...] = ()  # exact error lines, in order
    errors_include: tuple[str, ...] = ()  # lines that must be among the errors
    max_errors: int = 0  # when errors_include is used: the most errors allowed
    warnings: tuple[str, ...] = ()
    shows: dict[str, tuple[str, ...]] = field(default_factory=dict)  # paper id -> visible texts
    hides: tuple[str, ...] = ()  # strings that must appear nowhere in a paper page's HTML
    hrefs: tuple[str, ...] = ()  # link targets that must be on the case's paper pages
    papers: dict[str, dict[str, object]] = field(default_factory=dict)  # import: id -> fields
    why: str = ""  # for a behaviour that is a choice: the reason for it


def _expand(text: str, repeat: dict[str, list]) -> str:
    for marker, (piece, times) in repeat.items():
        text = text.replace(marker, piece * times)
    return text


def load_case(path: Path) -> Case:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    repeat = data.get("repeat") or {}
    files = {name: _expand(text, repeat) for name, text in data["files"].items()}
    return Case(
        name=path.stem,
        about=data["about"],
        kind=data.get("kind", "content"),
        expect=data["expect"],
        files=files,
        errors=tuple(data.get("errors") or ()),
        errors_include=tuple(data.get("errors_include") or ()),
        max_errors=int(data.get("max_errors") or 0),
        warnings=tuple(data.get("warnings") or ()),
        shows={k: tuple(_expand(t, repeat) for t in v) for k, v in (data.get("shows") or {}).items()},
        hides=tuple(data.get("hides") or ()),
        hrefs=tuple(data.get("hrefs") or ()),
        papers=data.get("papers") or {},
        why=data.get("why", ""),
    )


@functools.lru_cache(maxsize=1)
def all_cases() -> tuple[Case, ...]:
    return tuple(load_case(path) for path in sorted(CASES_DIR.glob("*.yml")))


def site_cases() -> tuple[Case, ...]:
    """The content cases that must build: their papers make up the hostile site."""
    return tuple(c for c in all_cases() if c.kind == "content" and c.expect == "literal")


def write_files(folder: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        # Bytes as written in the manifest: no newline translation, so CRLF cases stay CRLF.
        path.write_bytes(text.encode("utf-8"))


# A small topic file for the built sites. Its own text is hostile too: topic titles,
# descriptions and keywords are curator text like any other (a paper's page quotes the
# keywords it mentions: the last one here matches case markup-abstract's abstract).
TOPICS_YML = """\
topics:
  - id: agents
    title: "Agents <script>alert('topic')</script> {{ config.site_name }}"
    description: |
      Topic text with <img src=x onerror=alert('desc')>, [a link](javascript:alert('desc'))
      and {% raw %}{{ config }}{% endraw %}.

      ```
      </code></pre><script>alert('fence')</script>
      ```
    keywords:
      agent: 1
      agents: 1
      "<svg onload=alert('abstract')> | {{ config.site_name }}": 3
  - id: everything
    title: Everything
    parent: agents
    description: A topic every paper is in, by rule.
    keywords: {the: 1, a: 1, hostile: 1, paper: 1, abstract: 1}
"""

BENIGN_PAPER = """\
id: a-benign-paper
title: A Benign Paper About Agents
authors: [Ada Lovelace, Alan Turing]
year: 2024
venue: NeurIPS
links:
  code:
    - url: https://github.com/example/benign
      found_in: curator
  project: []
  paper: []
  pdf: []
added: 2026-01-01
abstract: |
  A plain abstract about agents, with *emphasis* and nothing hostile in it.
notes: |
  Plain notes with a [link](https://example.org/) and `code`.
"""


def make_project(folder: Path, papers: dict[str, str]) -> Path:
    """A project folder: the repository's mkdocs.yml and theme overrides, the generator
    (linked: the hook and `watch` name it by a relative path), and content/ holding
    ``papers`` (path under content/ -> text) and TOPICS_YML."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "mkdocs.yml", folder / "mkdocs.yml")
    shutil.copytree(REPO / "overrides", folder / "overrides")
    os.symlink(REPO / "generator", folder / "generator")
    (folder / "docs").mkdir()
    write_files(folder / "content", {"topics.yml": TOPICS_YML, **papers})
    return folder


def start_build(folder: Path) -> subprocess.Popen:
    """`readinglist build` in a child process (MkDocs sets process-wide state)."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH}
    return subprocess.Popen(
        [sys.executable, "-m", "generator", "--root", str(folder), "build", "-q"],
        cwd=folder,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish_build(process: subprocess.Popen, folder: Path) -> Path:
    out, err = process.communicate(timeout=600)
    if process.returncode != 0:
        raise AssertionError(f"build of {folder} failed ({process.returncode}):\n{out}\n{err}")
    return folder / "site"


@dataclass(frozen=True)
class Sites:
    hostile: Path  # the project folder built from every literal case
    benign: Path  # the same project with one benign paper


@functools.lru_cache(maxsize=1)
def built_sites() -> Sites:
    """Both sites, built once per test session (in parallel: two child processes)."""
    root = Path(tempfile.mkdtemp(prefix="hostile-site-"))
    atexit.register(shutil.rmtree, root, ignore_errors=True)
    papers: dict[str, str] = {}
    for case in site_cases():
        for name, text in case.files.items():
            assert name not in papers, f"two cases write content/{name}"
            papers[name] = text
    hostile = make_project(root / "hostile", papers)
    benign = make_project(root / "benign", {"papers/a-benign-paper.yml": BENIGN_PAPER})
    running = [(start_build(hostile), hostile), (start_build(benign), benign)]
    for process, folder in running:
        finish_build(process, folder)
    return Sites(hostile, benign)


# --- Reading built pages ------------------------------------------------------------------


class _Text(html.parser.HTMLParser):
    """The text a reader sees inside the first <article>: character references decoded,
    scripts, styles and SVG left out."""

    _HIDDEN = {"script", "style", "svg", "template"}
    # Elements that break the line: the text on either side does not run together.
    _BLOCK = {
        "br", "p", "li", "ul", "ol", "div", "h1", "h2", "h3", "h4", "h5", "h6", "pre",
        "table", "tr", "td", "th", "blockquote", "nav", "header", "footer", "section",
    }  # fmt: skip
    _VOID = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "wbr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # inside the article
        self.hidden = 0
        self.done = False
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if self.done:
            return
        if tag == "article" and not self.depth:
            self.depth = 1
            return
        if self.depth and tag not in self._VOID:
            self.depth += 1
            if tag in self._HIDDEN:
                self.hidden += 1
        if self.depth and tag in self._BLOCK:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if not self.depth or self.done or tag in self._VOID:
            return
        self.depth -= 1
        if tag in self._HIDDEN and self.hidden:
            self.hidden -= 1
        if self.depth == 0:
            self.done = True
        if tag in self._BLOCK:
            self.parts.append(" ")

    def handle_data(self, data):
        if self.depth and not self.hidden and not self.done:
            self.parts.append(data)


def visible_text(page_html: str) -> str:
    """The article's visible text with every run of white space folded to one space."""
    parser = _Text()
    parser.feed(page_html)
    parser.close()
    return fold("".join(parser.parts))


def fold(text: str) -> str:
    return " ".join(text.split())


def paper_page(site: Path, paper_id: str) -> str:
    return (site / "papers" / paper_id / "index.html").read_text(encoding="utf-8")


def paper_ids(case: Case) -> list[str]:
    return [
        Path(name).stem for name in case.files if name.startswith("papers/") and name.endswith(".yml")
    ]


class _Tags(html.parser.HTMLParser):
    """Every start tag of a page as (tag, [(attribute, value)]), values decoded."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str]]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, [(name, value or "") for name, value in attrs]))

    handle_startendtag = handle_starttag


def start_tags(page_html: str) -> list[tuple[str, list[tuple[str, str]]]]:
    parser = _Tags()
    parser.feed(page_html)
    parser.close()
    return parser.tags


def hrefs(page_html: str) -> set[str]:
    return {value for _, attrs in start_tags(page_html) for name, value in attrs if name == "href"}
