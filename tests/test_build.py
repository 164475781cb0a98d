"""End to end: content -> generator (through the MkDocs hook) -> MkDocs -> site/."""

from __future__ import annotations

import html
import os
import re
import shutil
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from generator import build, pages
from generator.cli import main
from generator.curation import load_content
from generator.errors import CuratorError, Problems
from generator.render import Renderer

REPO = Path(__file__).resolve().parents[1]
FIXTURE = REPO / "tests" / "data" / "site_fixture" / "content"


def make_project(tmp_path: Path, content: Path) -> Path:
    """A project folder like the repository's, holding ``content``."""
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    for shared in ("generator", "overrides"):
        (project / shared).symlink_to(REPO / shared, target_is_directory=True)
    shutil.copytree(content, project / "content")
    (project / "docs").mkdir()
    return project


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.scripts: list[str] = []
        self.handlers: list[tuple[str, str, str | None]] = []
        self.text: list[str] = []
        self._in_article = 0

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value is not None:
                self.links.append(value)
            if name == "id" and value:
                self.ids.add(value)
            if name.startswith("on"):
                self.handlers.append((tag, name, value))
        if tag == "script":
            self.scripts.append(dict(attrs).get("src") or "inline")
        if tag == "article" or self._in_article:
            self._in_article += 1

    def handle_endtag(self, tag):
        if self._in_article:
            self._in_article -= 1

    def handle_data(self, data):
        if self._in_article:
            self.text.append(data)


def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def broken_internal_links(site: Path) -> list[str]:
    pages = {p: parse(p) for p in site.rglob("*.html")}
    broken = []
    for path, page in pages.items():
        for link in page.links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith(("#", "mailto:", "data:")):
                continue
            # Root-relative links (the 404 page's) assume the site is served at "/".
            base = site if parts.path.startswith("/") else path.parent
            target = (base / unquote(parts.path).lstrip("/")).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file() or not target.is_relative_to(site.resolve()):
                broken.append(f"{path.relative_to(site)}: {link}")
            elif parts.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else parse(target).ids
                if parts.fragment not in ids:
                    broken.append(f"{path.relative_to(site)}: {link} (no such anchor)")
    return broken


def description_of(page_html: str) -> str:
    return page_html.split('<meta name="description" content="', 1)[1].split('"', 1)[0]


@pytest.fixture
def fixed_epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764374400")


@pytest.mark.slow
def test_fixture_site_builds_twice_byte_identical_and_safe(tmp_path, fixed_epoch):
    project = make_project(tmp_path, FIXTURE)
    assert main(["--root", str(project), "build", "--strict", "-q"]) == 0
    first_docs, first_site = tree(project / "docs"), tree(project / "site")
    assert main(["--root", str(project), "build", "--strict", "-q"]) == 0
    assert tree(project / "docs") == first_docs
    assert tree(project / "site") == first_site

    site = project / "site"
    assert broken_internal_links(site) == []
    # The marks around the generated pages' HTML blocks (raw_html.py) are for MkDocs'
    # Markdown step, which the hook gives the extension that takes them out.
    assert "readinglist:html" in (project / "docs/papers/task-vectors.md").read_text()
    assert [p for p in site.rglob("*.html") if "readinglist:html" in p.read_text()] == []
    hostile = parse(site / "papers/hostile-inputs/index.html")
    benign = parse(site / "papers/task-vectors/index.html")
    # No script or event handler beyond what the theme puts on every page.
    assert hostile.scripts == benign.scripts
    assert hostile.handlers == benign.handlers == []
    assert not [
        link for link in hostile.links if link.lower().lstrip().startswith(("javascript:", "data:"))
    ]
    shown = " ".join(" ".join(hostile.text).split())
    for literal in (
        "<script>alert(1)</script> *stars* P(y|x) {{ config }} </title>",
        '<img src=x onerror="alert(1)">, Name | With Pipe',
        "[x](javascript:alert(1))",
        '--8<-- "/etc/passwd" and {{ config }} and {% raw %} and P(y|x). !!! note ``` not a fence ```',
        "<img src=x onerror=alert(1)> and a *real emphasis* on catastrophic forgetting, but $a*b$ stays.",
        '<script>alert("notes")</script> bad good',
    ):
        assert literal in shown
    source = (site / "papers/hostile-inputs/index.html").read_text()
    assert "root:" not in source  # nothing read from /etc/passwd
    # The description (a link preview's text) is the abstract's start, as text.
    description = description_of(source)
    assert html.unescape(description).startswith('An abstract with --8<-- "/etc/passwd" and')
    assert description.endswith("\u2026") and "<" not in description
    topic = (site / "topics/continual-learning/index.html").read_text()
    description = topic.split('<meta name="description" content="', 1)[1].split('"', 1)[0]
    assert html.unescape(description).endswith('<script>alert("description")</script>')
    assert "<" not in description
    assert "<em>" not in source.split('class="rl-abstract"', 1)[1].split("</div>", 1)[0]
    # Link previews' Open Graph tags carry the same title and description, as text.
    og = dict(re.findall(r'<meta property="og:(\w+)" content="([^"]*)">', source))
    assert html.unescape(og["title"]) == (
        '<script>alert(1)</script> *stars* P(y|x) {{ config }} </title>'
    )
    assert html.unescape(og["description"]) == html.unescape(description_of(source))
    assert "<" not in og["title"] + og["description"]
    home = dict(re.findall(r'<meta property="og:(\w+)" content="([^"]*)">', (site / "index.html").read_text()))
    assert home["title"] == home["site_name"] and "url" not in home  # no site_url: no address
    assert (
        "<title>&lt;script&gt;alert(1)&lt;/script&gt; *stars* P(y|x) {{ config }} &lt;/title&gt; - "
        in source
    )


@pytest.mark.slow
def test_shipped_list_builds_strict_with_every_page_and_link(tmp_path, fixed_epoch):
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    docs, site = tmp_path / "docs", tmp_path / "site"
    docs.mkdir()
    config = load_config(
        str(REPO / "mkdocs.yml"), docs_dir=str(docs), site_dir=str(site), strict=True
    )
    mkdocs_build(config)  # raises Abort on any warning (strict)

    content, _ = load_content(REPO / "content")
    papers = sorted((REPO / "content" / "papers").glob("*.yml"))
    assert len(content.papers) == len(papers)  # every file loaded, none left out (none: a new list)
    for paper in content.papers:
        assert (site / "papers" / paper.id / "index.html").is_file(), paper.id
    for topic in content.topics:
        assert (site / "topics" / topic.id / "index.html").is_file(), topic.id
    assert (site / "papers.json").is_file()
    assert broken_internal_links(site) == []


def test_under_serve_an_error_shows_the_last_good_pages_with_the_errors_on_top(
    tmp_path, fixed_epoch, monkeypatch
):
    # `mkdocs serve` waits for a build that succeeds: a failed one left the browser
    # hanging until the content was fixed. Under serve (and only there), the build
    # goes on with the last good pages, the errors in Material's banner.
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    project = make_project(tmp_path, FIXTURE)

    def build_site() -> Path:
        config = load_config(str(project / "mkdocs.yml"), strict=True)
        mkdocs_build(config)
        return project / "site"

    monkeypatch.delenv("READINGLIST_SERVING", raising=False)
    good = build_site()
    assert "md-banner" not in (good / "index.html").read_text()
    paper = project / "content" / "papers" / "task-vectors.yml"
    paper.write_text(paper.read_text().replace("year: 2023", "year: <b>x</b>", 1))
    with pytest.raises(Abort):  # a plain build still refuses
        build_site()

    monkeypatch.setenv("READINGLIST_SERVING", "1")  # what on_startup sets under serve
    monkeypatch.setenv("REPO_URL", "https://github.com/lab/list")
    shown = build_site()
    page = (shown / "papers" / "task-vectors" / "index.html").read_text()
    assert "Editing Models with Task Vectors" in page  # the last good page
    # with its edit button, to the file that needs the fix
    assert 'href="https://github.com/lab/list/edit/main/content/papers/task-vectors.yml"' in page
    banner = page.split('<aside class="md-banner">', 1)[1].split("</aside>", 1)[0]
    assert "The content has 1 error; these are the last good pages. Fix it and save:" in banner
    assert "content/papers/task-vectors.yml:" in banner
    assert "not &#39;&lt;b&gt;x&lt;/b&gt;&#39;" in banner and "<b>x" not in banner  # text
    paper.write_text(paper.read_text().replace("year: <b>x</b>", "year: 2023", 1))
    assert "md-banner" not in (build_site() / "index.html").read_text()  # fixed: gone


def test_under_serve_an_error_in_a_file_named_in_no_utf_8_is_said_in_the_bar_as_printed(
    tmp_path, fixed_epoch, monkeypatch
):
    # A paper's file whose name is not UTF-8 (a Latin-1 'café.yml' unzipped from an old
    # archive), with a mistake in it: Python keeps the byte as a lone surrogate, which
    # the page with the bar could not be written with: the rebuild stopped on a
    # traceback, and the server held every page asked for until the file was fixed.
    project = make_project(tmp_path, FIXTURE)
    monkeypatch.setenv("READINGLIST_SERVING", "1")  # what on_startup sets under serve

    def build_site() -> Path:
        return _mkdocs_build(project)

    build_site()
    papers = os.fsencode(project / "content" / "papers")
    with open(papers + b"/caf\xe9.yml", "w", encoding="utf-8") as file:
        file.write("id: cafe\ntitle: A Paper\nyear: soon\n")
    page = (build_site() / "index.html").read_text(encoding="utf-8")
    banner = page.split('<aside class="md-banner">', 1)[1].split("</aside>", 1)[0]
    # (its id is not its name either: a second error)
    assert "The content has 2 errors; these are the last good pages." in banner
    assert "content/papers/caf\\udce9.yml:3:7: &#39;year&#39; must be" in banner  # (as printed)


def _mkdocs_build(project: Path) -> Path:
    """The project's site, as MkDocs builds it (a rebuild under serve, when
    READINGLIST_SERVING is set): its folder."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    mkdocs_build(load_config(str(project / "mkdocs.yml"), strict=True))
    return project / "site"


def _served_paper(tmp_path: Path, monkeypatch) -> tuple[Path, Path, str]:
    """A project built once as under serve (its rebuilds too), a paper file of it and
    that file's text."""
    project = make_project(tmp_path, FIXTURE)
    monkeypatch.setenv("READINGLIST_SERVING", "1")  # what on_startup sets under serve
    _mkdocs_build(project)
    paper = project / "content" / "papers" / "task-vectors.yml"
    return project, paper, paper.read_text()


def test_under_serve_a_file_emptied_by_a_save_in_place_is_given_a_moment_to_be_written(
    tmp_path, fixed_epoch, monkeypatch
):
    # An editor that saves in place empties the file, then writes it; a save slow
    # enough (a big file, a network folder) let the rebuild read it empty: every page
    # was built again with "the file is empty" in the bar, and again without it once the
    # text came (twice the time of building every page: 30 s each at 10,000 papers).
    from generator import half_saved

    project, paper, text = _served_paper(tmp_path, monkeypatch)
    paused: list[float] = []

    def editor_writes(seconds: float) -> None:  # (the editor's write, come meanwhile)
        paused.append(seconds)
        paper.write_text(text)

    monkeypatch.setattr(half_saved, "pause", editor_writes)
    paper.write_text("")  # (emptied: the text is not written yet)
    page = (_mkdocs_build(project) / "papers" / "task-vectors" / "index.html").read_text()
    assert len(paused) == 1, paused
    assert "md-banner" not in page

    # A file that stays empty is said all the same, once the moment is over.
    paused.clear()
    monkeypatch.setattr(half_saved, "pause", paused.append)
    paper.write_text("")
    page = (_mkdocs_build(project) / "index.html").read_text()
    assert "content/papers/task-vectors.yml:1:1: the file is empty" in page
    assert 0 < sum(paused) < 0.6  # (a moment: the server looks at the files every 0.5 s)
    # And one empty since before the change that built again, at once.
    paused.clear()
    os.utime(paper, (paper.stat().st_mtime - 60,) * 2)
    page = (_mkdocs_build(project) / "index.html").read_text()
    assert "content/papers/task-vectors.yml:1:1: the file is empty" in page
    assert paused == []


def test_under_serve_a_file_caught_half_saved_is_read_again_once_the_save_is_over(
    tmp_path, fixed_epoch, monkeypatch
):
    # An editor that saves in two writes, or slowly (a network folder), let the rebuild
    # read the first half: a list not closed yet, a YAML syntax error in the bar of
    # every page for a moment, then every page again once the rest came.
    from generator import half_saved

    project, paper, text = _served_paper(tmp_path, monkeypatch)
    half = text[: text.index("Edsger")]  # ("authors: [Barbara Liskov, ": not closed)
    # The clock half_saved reads moves only by its pauses (each look at a known time).
    clock = {"at": paper.stat().st_mtime + 0.2}
    paused: list[float] = []

    def wait(seconds: float) -> None:
        paused.append(seconds)
        clock["at"] += seconds

    def editor_writes(seconds: float) -> None:  # (the rest of the save, come meanwhile)
        wait(seconds)
        if len(paused) == 3:
            paper.write_text(text)
            os.utime(paper, (clock["at"],) * 2)

    monkeypatch.setattr(half_saved, "now", lambda: clock["at"])
    monkeypatch.setattr(half_saved, "pause", editor_writes)
    paper.write_text(half)
    os.utime(paper, (clock["at"] - 0.2,) * 2)  # (the server builds 0.1 s after a change)
    page = (_mkdocs_build(project) / "papers" / "task-vectors" / "index.html").read_text()
    assert "md-banner" not in page
    assert 3 < len(paused) and sum(paused) < half_saved.SETTLE_AT_MOST

    # One broken since before the change that built again is said at once.
    paused.clear()
    monkeypatch.setattr(half_saved, "pause", wait)
    paper.write_text(half)
    os.utime(paper, (clock["at"] - 60,) * 2)
    page = (_mkdocs_build(project) / "index.html").read_text()
    assert "content/papers/task-vectors.yml:3:" in page and "YAML syntax error" in page
    assert paused == []
    # And one that stays broken all the same, once the save is over.
    other = project / "content" / "papers" / "gradient-episodic-memory.yml"
    other.write_text(other.read_text().replace("[Grace Hopper]", "[Grace", 1))
    os.utime(other, (clock["at"] - 0.2,) * 2)
    page = (_mkdocs_build(project) / "index.html").read_text()
    assert "content/papers/gradient-episodic-memory.yml:3:" in page
    assert "content/papers/task-vectors.yml:3:" in page
    assert 0 < sum(paused) <= half_saved.QUIET


def test_serve_started_with_errors_shows_them_and_then_the_site_once_fixed(
    tmp_path, fixed_epoch, monkeypatch
):
    # `serve` stopped at once when the content had errors (no good pages to show): a
    # curator who left a file half-done could not preview at all.
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    project = make_project(tmp_path, FIXTURE)
    paper = project / "content" / "papers" / "task-vectors.yml"
    paper.write_text(paper.read_text().replace("year: 2023", "year: soon", 1))
    monkeypatch.setenv("READINGLIST_SERVING", "1")  # what on_startup sets under serve

    def build_site() -> Path:
        config = load_config(str(project / "mkdocs.yml"), strict=True)
        mkdocs_build(config)
        return project / "site"

    home = (build_site() / "index.html").read_text()
    assert "<h1 id=\"the-content-has-errors\">The content has errors" in home
    banner = home.split('<aside class="md-banner">', 1)[1].split("</aside>", 1)[0]
    assert "The content has 1 error; the site shows once it is fixed. Fix it and save:" in banner
    assert "content/papers/task-vectors.yml:" in banner
    # Nothing generated from broken content; the server holds the folder (docslock.py).
    assert sorted(os.listdir(project / "docs")) == [".readinglist.holder", ".readinglist.lock"]

    paper.write_text(paper.read_text().replace("year: soon", "year: soon\nstauts: x", 1))
    home = (build_site() / "index.html").read_text()
    banner = home.split('<aside class="md-banner">', 1)[1].split("</aside>", 1)[0]
    assert "The content has 2 errors; the site shows once they are fixed. Fix them and save:" in banner
    paper.write_text(paper.read_text().replace("\nstauts: x", "", 1))

    paper.write_text(paper.read_text().replace("year: soon", "year: 2023", 1))
    site = build_site()
    assert "md-banner" not in (site / "index.html").read_text()
    assert (site / "papers" / "task-vectors" / "index.html").is_file()


def test_a_template_edit_rerenders_the_pages_that_use_it(tmp_path):
    templates = tmp_path / "templates"
    shutil.copytree(REPO / "generator" / "templates", templates)
    settings = build.Settings(FIXTURE, tmp_path / "docs", source_date_epoch=0)
    memo = build.Memo()
    build.generate(settings, Renderer(templates), memo)
    topic = templates / "topic.md.j2"
    topic.write_text(topic.read_text().replace("All topics", "Every topic"))
    written = build.generate(settings, Renderer(templates), memo).report.written
    assert sorted(written) == [
        "topics/continual-learning/index.md",
        "topics/model-merging/index.md",
        "topics/task-arithmetic/index.md",
    ]
    assert "Every topic" in (tmp_path / "docs/topics/model-merging/index.md").read_text()


@pytest.mark.parametrize(
    ("broken", "message"),
    [
        # A tag left open, as a reviewer typed it under `serve`: a traceback, and the
        # browser waited until the template was fixed.
        ("{{ paper.title </p>", "template error: unexpected '/'"),
        # A variable no page has (StrictUndefined), found only when a page is rendered.
        ("{{ paper.subtitle }}", "template error: 'generator.models.Paper object' has no attribute 'subtitle'"),
        # Python's own errors in a template's expressions are the template's too.
        ("{{ 1 + 'a' }}", "template error: TypeError: unsupported operand type(s) for +: 'int' and 'str'"),
    ],
)
def test_a_template_mistake_is_an_error_at_its_file_and_line(tmp_path, broken, message):
    paper, line = _paper_template_with(tmp_path, f"<p>{broken}</p>\n")
    settings = build.Settings(FIXTURE, tmp_path / "docs", source_date_epoch=0)
    with pytest.raises(CuratorError) as caught:
        build.generate(settings, Renderer(paper.parent), build.Memo())
    assert [str(p) for p in caught.value.problems] == [f"{paper}:{line}:1: {message}"]


def _paper_template_with(tmp_path: Path, text: str) -> tuple[Path, int]:
    """A copy of the generator's templates whose paper page template has ``text`` after
    its heading's first line: that template's path, and the line ``text`` starts on."""
    templates = tmp_path / "templates"
    shutil.copytree(REPO / "generator" / "templates", templates)
    paper = templates / "paper.md.j2"
    lines = paper.read_text().splitlines(keepends=True)
    at = next(n for n, line in enumerate(lines) if line.startswith("<div class=\"rl-paper-head\">"))
    lines.insert(at + 1, text)
    paper.write_text("".join(lines))
    return paper, at + 2


@pytest.mark.parametrize(
    ("broken", "said"),
    [
        # (As a theme override's are: theme_errors.syntax_column.)
        ("<p>{% if %}</p>\n", "1:10: template error: Expected an expression, got 'end of statement block'"),
        ("<p>\n  {% endfro %}\n", "2:6: template error: Encountered unknown tag 'endfro'."),
        ("{{ paper ! title }}\n", "1:10: template error: unexpected char '!' at "),
        ("<p>{{ paper.title }</p>\n", "1:19: template error: unexpected '}'"),
        # (A bracket twice on its line: not told for certain, said at the line alone.)
        ("<p>{{ paper.title </p></p>\n", "1:1: template error: unexpected '/'"),
    ],
)
def test_a_syntax_mistake_in_a_generator_template_is_said_at_its_column_when_jinja_names_it(
    tmp_path, broken, said
):
    # A developer editing the generator's templates under serve had each syntax mistake
    # said at column 1, where a theme override's was said at its column.
    paper, line = _paper_template_with(tmp_path, broken)
    settings = build.Settings(FIXTURE, tmp_path / "docs", source_date_epoch=0)
    with pytest.raises(CuratorError) as caught:
        build.generate(settings, Renderer(paper.parent), build.Memo())
    place, message = said.split(":", 2)[:2], said.split(" ", 1)[1]
    [problem] = caught.value.problems
    assert str(problem).startswith(f"{paper}:{line + int(place[0]) - 1}:{place[1]}: {message}")


def test_an_unchanged_rerun_writes_nothing_and_one_edit_rewrites_only_affected_pages(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    settings = build.Settings(content_dir=content, docs_dir=tmp_path / "docs", source_date_epoch=0)
    first = build.generate(settings)
    assert len(first.report.written) == len(first.plan.outputs)

    assert build.generate(settings).report.written == ()

    # A status change shows on the paper's own page and in the data exports, nowhere else.
    paper = content / "papers" / "gradient-episodic-memory.yml"
    paper.write_text(paper.read_text().replace("status: classic", "status: reference"))
    written = build.generate(settings).report.written
    assert set(written) == {"papers/gradient-episodic-memory.md", "papers.json", "papers.csv"}


def test_the_feeds_are_in_the_language_mkdocs_yml_gives_the_theme_and_follow_a_change_of_it(tmp_path):
    # (mkdocs_hook passes `theme: language:` as Settings.language; the feeds said "en".)
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    docs = tmp_path / "docs"
    memo = build.Memo()
    build.generate(build.Settings(FIXTURE, docs, language="de", source_date_epoch=0), memo=memo)
    feeds = sorted(docs.glob("**/*.xml"))
    assert docs / "feed.xml" in feeds and len(feeds) > 1
    assert {ET.parse(path).getroot().get(lang) for path in feeds} == {"de"}
    # a rerun with the memo of the German build writes every feed again, in French
    written = build.generate(build.Settings(FIXTURE, docs, language="fr", source_date_epoch=0), memo=memo).report.written
    assert {path.relative_to(docs).as_posix() for path in feeds} <= set(written)
    assert {ET.parse(path).getroot().get(lang) for path in feeds} == {"fr"}


def test_a_paper_in_a_topics_reading_order_is_on_every_page_of_that_topic(tmp_path):
    # gradient-episodic-memory matches none of model-merging's keywords; once the curator
    # lists it in that topic's reading order, the topic's count, its table, the paper's
    # own topics and its reading-order navigation must all say the same.
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    _edit(
        content / "topics.yml",
        "      - task-vectors\n      - merging-by-arithmetic\n",
        "      - task-vectors\n      - gradient-episodic-memory\n      - merging-by-arithmetic\n",
    )
    settings = build.Settings(content_dir=content, docs_dir=tmp_path / "docs", source_date_epoch=0)
    result = build.generate(settings)
    assert ("model-merging", "reading order") in [
        (a.topic, a.by) for a in result.site.assignments["gradient-episodic-memory"]
    ]
    topic = (tmp_path / "docs" / "topics" / "model-merging" / "index.md").read_text()
    assert "<strong>3</strong> papers" in topic
    table = topic.split("## All papers in this topic", 1)[1]
    assert 'href="../../papers/gradient-episodic-memory/"' in table
    paper = (tmp_path / "docs" / "papers" / "gradient-episodic-memory.md").read_text()
    assert (
        '<a href="../../topics/model-merging/">Model merging &lt;&amp; task arithmetic&gt;</a>&nbsp;'
        '<span class="rl-reason">in this topic&#39;s reading order, chosen by the curator</span>'
    ) in paper


@pytest.mark.parametrize(
    "site_dir, setting, message",
    [
        ("content", None, "site_dir '{root}/content' is the project's content/ folder"),
        (".", None, "The 'docs_dir' should not be within the 'site_dir'"),  # (MkDocs' own check)
        ("../other", None, "site_dir '{parent}/other' is a folder holding a project (it has mkdocs.yml)"),
        (None, "docs_dir: content/pages", "docs_dir '{root}/content/pages' is inside content/"),
        (None, "docs_dir: ../other", "docs_dir '{parent}/other' is a folder holding a project (it has mkdocs.yml)"),
    ],
)
def test_a_docs_or_site_folder_that_would_empty_the_curators_files_is_refused(
    tmp_path, capsys, monkeypatch, site_dir, setting, message
):
    # MkDocs empties the site folder, and the generator its docs folder: pointed at
    # content/ (a slip of the option), every paper file was deleted and the build passed.
    project = make_project(tmp_path, FIXTURE)
    other = tmp_path / "other"  # another project, as a relative path may name
    other.mkdir()
    (other / "mkdocs.yml").write_text("site_name: Other\n")
    monkeypatch.chdir(project)  # (relative folders resolve inside tmp_path only)
    if setting:
        config = project / "mkdocs.yml"
        config.write_text(re.sub(r"(?m)^docs_dir: .*$", setting, config.read_text()))
    before, others = tree(project / "content"), tree(other)
    option = ["--site-dir", str((project / site_dir).resolve())] if site_dir else []
    assert main(["--root", str(project), "build", "-q", *option]) == 1
    err = capsys.readouterr().err
    assert message.format(root=project.resolve(), parent=project.resolve().parent) in err
    assert tree(project / "content") == before and tree(other) == others


@pytest.mark.parametrize("epoch", ["abc", "", "1.5", "\u00b2", "1764374400000"])
def test_a_source_date_epoch_that_is_no_number_stops_the_build_with_a_message(
    tmp_path, capsys, monkeypatch, epoch
):
    # Left empty by a CI script, it was a traceback from numpy's import (its f2py reads
    # it with int()).
    project = make_project(tmp_path, FIXTURE)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    assert main(["--root", str(project), "build", "-q"]) == 1
    err = capsys.readouterr().err
    assert f"SOURCE_DATE_EPOCH must be whole seconds since 1970, as `git log -1 --format=%ct`" \
        f" prints them, not {epoch!r}" in err
    assert "Traceback" not in err


def test_a_source_date_epoch_is_said_as_it_was_set(tmp_path, capsys, monkeypatch):
    # (repr() doubled the backslash; the escape character stays escaped.)
    project = make_project(tmp_path, FIXTURE)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "17\\64\x1b")
    assert main(["--root", str(project), "build", "-q"]) == 1
    assert "prints them, not '17\\64\\x1b'; unset it" in capsys.readouterr().err


def test_a_site_url_with_a_space_stops_the_build(tmp_path, capsys, monkeypatch):
    # A stray space at the end of the SITE_URL variable: MkDocs keeps it and adds "/",
    # and every canonical link and feed id of the site would read ".../ /".
    project = make_project(tmp_path, FIXTURE)
    monkeypatch.setenv("SITE_URL", "https://lab.github.io/reading-list/ ")
    assert main(["--root", str(project), "build", "-q"]) == 1
    assert "site_url 'https://lab.github.io/reading-list/ /' has a space in it" in capsys.readouterr().err
    assert not (project / "site").exists()
    monkeypatch.setenv("SITE_URL", "https://lab.github.io/reading-list/")
    assert main(["--root", str(project), "build", "-q"]) == 0


def test_a_build_without_site_url_says_it_is_no_site_to_publish(tmp_path, capsys, monkeypatch):
    project = make_project(tmp_path, FIXTURE)
    note = "readinglist: site_url is not set (SITE_URL is empty)"
    monkeypatch.setenv("SITE_URL", "")
    assert main(["--root", str(project), "build"]) == 0
    err = capsys.readouterr().err
    assert note in err
    # The feeds are written with relative links: said by name (a feed reader, not the
    # curator, meets them), as the ids that change once the address is set.
    assert (
        "for a site to publish (without it the feeds' links are relative, which some feed"
        " readers do not follow, and their entries' ids change once it is set)"
    ) in err
    feed = (project / "site/feed.xml").read_text()
    assert "<id>urn:readinglist:feed.xml</id>" in feed and 'href="feed.xml"' in feed
    monkeypatch.setenv("SITE_URL", "https://lab.github.io/reading-list/")
    assert main(["--root", str(project), "build"]) == 0
    assert note not in capsys.readouterr().err
    feed = (project / "site/feed.xml").read_text()
    assert "<id>https://lab.github.io/reading-list/feed.xml</id>" in feed
    assert 'href="https://lab.github.io/reading-list/feed.xml"' in feed


def test_a_build_ends_with_commands_that_serve_the_site_from_the_folder_it_ran_in(
    tmp_path, capsys, monkeypatch
):
    # (a curator's hour: built with --root from another folder, the build said
    # "readinglist serve", which there finds no project; "python -m http.server", a
    # command Debian and Ubuntu do not have; and a site folder with a space unquoted)
    (tmp_path / "lab list").mkdir()
    project = make_project(tmp_path / "lab list", FIXTURE)
    monkeypatch.chdir(tmp_path)
    assert main(["--root", str(project), "build", "--site-dir", "lab list/my site"]) == 0
    assert capsys.readouterr().err.splitlines()[-1] == (
        "The site is in lab list/my site/. Open it through a web server (search needs one):"
        " readinglist --root 'lab list/project' serve, or python3 -m http.server -d 'lab list/my site'"
    )
    monkeypatch.chdir(project)
    assert main(["build", "-q"]) == 0
    assert "The site is in" not in capsys.readouterr().err
    assert main(["build"]) == 0
    assert capsys.readouterr().err.splitlines()[-1] == (
        "The site is in site/. Open it through a web server (search needs one):"
        " readinglist serve, or python3 -m http.server -d site"
    )


def test_the_closing_lines_commands_paste_into_a_shell_whatever_the_folder_is_named(
    tmp_path, capsys, monkeypatch
):
    # (review: a folder named "-lab" was printed bare, "readinglist --root -lab/project
    # serve" and "http.server -d -lab/project/site", which each command read as an
    # option: "expected one argument". A quote, a "$" and a non-ASCII letter too.)
    import shlex

    folder = tmp_path / "-lab'$HOME\u00fc"
    folder.mkdir()
    project = make_project(folder, FIXTURE)
    monkeypatch.chdir(tmp_path)
    assert main(["--root", str(project), "build"]) == 0
    line = capsys.readouterr().err.splitlines()[-1]
    serve, http = re.fullmatch(r".*\(search needs one\): (.*), or (python3 .*)", line).groups()
    words = shlex.split(serve)
    assert words[0] == "readinglist" and words[-1] == "serve"
    # The words before "serve" name the project to any command (check, here).
    assert main([*words[1:-1], "check"]) == 0
    capsys.readouterr()
    words = shlex.split(http)
    assert words[:4] == ["python3", "-m", "http.server", "-d"] and len(words) == 5
    assert not words[4].startswith("-")
    assert (tmp_path / words[4]).resolve() == (project / "site").resolve()


def test_curator_errors_stop_the_build_before_anything_is_written(tmp_path, capsys):
    project = make_project(tmp_path, FIXTURE)
    bad = project / "content" / "papers" / "task-vectors.yml"
    bad.write_text(bad.read_text().replace("year: 2023", "year: next year"))
    assert main(["--root", str(project), "build", "-q"]) == 1
    err = capsys.readouterr().err
    place = re.search(r"^(content/papers/task-vectors\.yml:\d+:\d+): ", err, re.MULTILINE)
    assert place
    # The last line says where: printed among the warnings, the error was easy to miss.
    assert f"readinglist: 1 error (at {place[1]}); nothing was built" in err
    assert os.listdir(project / "docs") == [".readinglist.lock"]  # (let go: docslock.py)
    assert not (project / "site").exists()
    # Of several, the first in the order printed (by file, line and column).
    (project / "content" / "topics.yml").write_text("topics:\n\t- id: x\n")
    assert main(["--root", str(project), "build", "-q"]) == 1
    err = capsys.readouterr().err
    assert "readinglist: 2 errors (the first at content/papers/task-vectors.yml:" in err


def test_a_mistake_made_again_is_said_again_where_mkdocs_says_each_line_once(tmp_path, capsys):
    # `mkdocs serve` (MkDocs' own command line) lets each line of its build logger through
    # once a process: the same mistake made again, after a fix, stopped the rebuild with
    # no word that nothing was built.
    from mkdocs.commands import build as mkdocs_build
    from mkdocs.utils import DuplicateFilter

    project = make_project(tmp_path, FIXTURE)
    bad = project / "content" / "papers" / "task-vectors.yml"
    good = bad.read_text()
    once = DuplicateFilter()
    mkdocs_build.log.addFilter(once)
    try:
        for _ in range(2):
            bad.write_text(good.replace("year: 2023", "year: next year"))
            assert main(["--root", str(project), "build", "-q"]) == 1
            err = capsys.readouterr().err
            assert re.search(r"readinglist: 1 error \(at content/papers/task-vectors\.yml:\d+:\d+\); nothing was built\n", err), err
            bad.write_text(good)
    finally:
        mkdocs_build.log.removeFilter(once)


def test_a_memo_gives_exactly_the_files_of_a_fresh_run(tmp_path):
    from generator.topics import assign_topics

    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    memo = build.Memo()
    build.generate(build.Settings(content, tmp_path / "warm", source_date_epoch=0), memo=memo)

    # Edits that change topics and related papers, and one that changes neither.
    for name, old, new in (
        ("task-vectors.yml", "task. This is task arithmetic.", "task. It also limits forgetting."),
        ("gradient-episodic-memory.yml", "status: classic", "status: reference"),
    ):
        path = content / "papers" / name
        assert old in path.read_text()
        path.write_text(path.read_text().replace(old, new))
    warm = build.generate(
        build.Settings(content, tmp_path / "warm", source_date_epoch=0), memo=memo
    )
    build.generate(
        build.Settings(content, tmp_path / "fresh", source_date_epoch=0), memo=build.Memo()
    )

    assert tree(tmp_path / "warm") == tree(tmp_path / "fresh")
    assert "papers/task-vectors.md" in warm.report.written
    papers, topics = warm.site.papers, warm.site.topics
    assert warm.site.assignments == assign_topics(papers, topics)
    assert "continual-learning" in [a.topic for a in warm.site.assignments["task-vectors"]]


def test_a_rerun_after_keywords_are_reordered_gives_the_reasons_of_a_fresh_run(tmp_path):
    """A paper's reason ("mentions 'a', 'b'") names the keywords in topics.yml's order.
    Two topics equal but for that order compared equal (a dict ignores its order), so a
    rerun after the curator swapped two keywords kept the last run's assignments and
    their reasons in the old order, unlike a clean build."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    settings = build.Settings(content, tmp_path / "docs", source_date_epoch=0)
    memo = build.Memo()
    build.generate(settings, memo=memo)
    _edit(
        content / "topics.yml",
        "      continual learning: 2\n      forgetting: 2\n",
        "      forgetting: 2\n      continual learning: 2\n",
    )
    build.generate(settings, memo=memo)
    build.generate(build.Settings(content, tmp_path / "fresh", source_date_epoch=0), memo=build.Memo())

    page = (tmp_path / "docs" / "papers" / "gradient-episodic-memory.md").read_text(encoding="utf-8")
    assert "mentions &#34;forgetting&#34;, &#34;continual learning&#34;" in page
    assert tree(tmp_path / "docs") == tree(tmp_path / "fresh")


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path.name, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    # Real edits are far apart in time; this one follows the last build within the file
    # system's timestamp granularity, so move its mtime on to give it a new stamp.
    info = path.stat()
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000_000))


def _cached_fixture(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, build.Settings]:
    """The fixture's content in ``tmp_path``, and settings that keep the memo in a cache
    folder there; its files count as settled (kept in the file cache)."""
    import time

    from generator import paperdrafts

    monkeypatch.setattr(paperdrafts.time, "time_ns", lambda: time.time() * 1e9 + 60e9)
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    return content, build.Settings(content, tmp_path / "docs", source_date_epoch=0, cache_dir=tmp_path / "cache")


def test_a_new_process_keeps_the_papers_given_github_stats_as_the_very_objects(tmp_path, monkeypatch):
    """Papers whose code links carry repositories.yml's figures are made anew from their
    files' records. A new process reading the cache got new objects for them (the memo
    of those it had made was keyed by objects' ids, and not stored), and every later
    step that passes an unchanged paper by identity compared them field by field (at
    10,000 papers some 2,000 of them)."""
    from generator import cache

    content, settings = _cached_fixture(tmp_path, monkeypatch)
    first = build.generate(settings, memo=build.Memo())
    starred = {p.id for p in first.site.papers if any(link.stats for link in p.links)}
    assert starred == {"gradient-episodic-memory", "hostile-inputs", "replay-against-forgetting"}
    kept = cache.read(tmp_path / "cache")
    assert isinstance(kept, build.Memo)
    before = {pid: paper for pid, (paper, _) in kept.assigned.items()}  # the topics memo's
    memo = build.Memo()
    memo.adopt(kept)
    rerun = build.generate(settings, memo=memo)
    assert [p for p in rerun.site.papers if before[p.id] is not p] == []
    assert rerun.site == first.site and rerun.report.written == ()


def test_a_rerun_in_a_new_process_is_byte_identical_to_a_clean_build(tmp_path, monkeypatch):
    """Each rerun starts from a memo read back from the cache folder, as a new process
    would, and must write exactly the docs folder a clean build writes."""
    import time

    from generator import cache, paperdrafts

    # Files copied a moment ago are "racy" and never kept; pretend they have settled.
    monkeypatch.setattr(paperdrafts.time, "time_ns", lambda: time.time() * 1e9 + 60e9)
    reads: list[str] = []
    read_paper = paperdrafts.read_paper
    monkeypatch.setattr(
        paperdrafts, "read_paper", lambda path, *rest: reads.append(path.name) or read_paper(path, *rest)
    )
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    papers = content / "papers"
    cached = build.Settings(content, tmp_path / "docs", source_date_epoch=0, cache_dir=tmp_path / "cache")
    build.generate(cached, memo=build.Memo())
    assert (tmp_path / "cache" / cache.FILE_NAME).is_file()

    edits = [
        ("status", lambda: _edit(papers / "gradient-episodic-memory.yml", "status: classic", "status: reference")),
        ("notes", lambda: _edit(papers / "task-vectors.yml", "id: task-vectors\n", "id: task-vectors\nnotes: Read *section 3* first.\n")),
        ("title", lambda: _edit(papers / "task-vectors.yml", "title: Editing Models with Task Vectors", "title: Editing Models with Task Vectors and Forgetting")),
        ("summary", lambda: _edit(papers / "task-vectors.yml", "summary: Where", "summary: Read it first. Where")),
        ("stars", lambda: _edit(content / "repositories.yml", "stars: 1234", "stars: 1999")),
        ("abstract", lambda: _edit(papers / "gradient-episodic-memory.yml", "an episodic memory of earlier tasks.", "an episodic memory of earlier tasks, like task arithmetic.")),
        # Two pages change, one file was edited.
        ("not_related", lambda: _edit(papers / "gradient-episodic-memory.yml", "added: 2026-11-10\n", "added: 2026-11-10\nnot_related: [replay-against-forgetting]\n")),
        ("not_related undone", lambda: _edit(papers / "gradient-episodic-memory.yml", "not_related: [replay-against-forgetting]\n", "")),
        ("add", lambda: (papers / "new-paper.yml").write_text(
            "id: new-paper\ntitle: Steering Models with Task Arithmetic\nyear: 2024\nabstract: |\n"
            "  Task arithmetic steers models and limits forgetting in continual learning.\n",
            encoding="utf-8",
        )),
        ("remove", lambda: (papers / "hostile-inputs.yml").unlink()),
        ("nothing", lambda: None),
    ]
    memo_file = tmp_path / "cache" / cache.FILE_NAME
    pending: set[str] = set()  # files edited in runs that left the memo unstored (build._redo_is_cheap)
    for n, (what, edit) in enumerate(edits):
        edit()
        reads.clear()
        stored = memo_file.read_bytes()
        rerun = build.generate(cached, memo=build.Memo())  # an empty memo: read from disk
        reread = list(reads)
        fresh = build.generate(
            build.Settings(content, tmp_path / f"fresh{n}", source_date_epoch=0), memo=build.Memo()
        )
        assert tree(tmp_path / "docs") == tree(tmp_path / f"fresh{n}"), what
        assert rerun.site == fresh.site, what
        if what in ("status", "notes", "title", "summary", "abstract", "not_related", "not_related undone"):
            # Only the edited file was read again, and those of the runs before that left
            # the memo as it was; the others came from the cache.
            edited = "task-vectors.yml" if what in ("notes", "title", "summary") else "gradient-episodic-memory.yml"
            assert sorted(reread) == sorted(pending | {edited}), what
            pending.add(edited)
        if memo_file.read_bytes() != stored:
            pending.clear()
        if what.startswith("not_related"):
            assert {"papers/gradient-episodic-memory.md", "papers/replay-against-forgetting.md"} <= set(rerun.report.written)
        if what == "status":
            assert set(rerun.report.written) == {"papers/gradient-episodic-memory.md", "papers.json", "papers.csv"}
        if what == "nothing":
            assert reread == [] and rerun.report.written == () and rerun.report.removed == ()


def test_a_small_edit_leaves_the_memo_unstored_and_a_later_run_redoes_it_from_the_files(tmp_path, monkeypatch):
    """Storing the memo is 0.4-0.6 s of a rerun at 10,000 papers. A run from the stored
    memo that changed a few papers but none of their titles, abstracts and links leaves
    it as it is: the next run reads their files again and finds their pages current
    (build._redo_is_cheap). Every run still writes a clean build's docs; a run that
    wrote nothing (it only redid), one that changed a title, and one past
    _REDO_PAPERS papers store it."""
    from generator import cache, paperdrafts

    content, settings = _cached_fixture(tmp_path, monkeypatch)
    reads: list[str] = []
    read_paper = paperdrafts.read_paper
    monkeypatch.setattr(
        paperdrafts, "read_paper", lambda path, *rest: reads.append(path.name) or read_paper(path, *rest)
    )
    monkeypatch.setattr(build, "_REDO_PAPERS", 2)
    build.generate(settings, memo=build.Memo())
    memo_file = tmp_path / "cache" / cache.FILE_NAME
    papers = content / "papers"
    steps = [
        ("notes", lambda: _edit(papers / "task-vectors.yml", "id: task-vectors\n", "id: task-vectors\nnotes: Read it.\n"),
         ["task-vectors.yml"], False),
        ("status", lambda: _edit(papers / "gradient-episodic-memory.yml", "status: classic", "status: reference"),
         ["gradient-episodic-memory.yml", "task-vectors.yml"], False),
        ("nothing", lambda: None, ["gradient-episodic-memory.yml", "task-vectors.yml"], True),  # a redo: stored
        ("nothing again", lambda: None, [], False),  # (as before: nothing read again, nothing written)
        ("notes undone", lambda: _edit(papers / "task-vectors.yml", "notes: Read it.\n", ""), ["task-vectors.yml"], False),
        ("title", lambda: _edit(papers / "gradient-episodic-memory.yml", "title: Gradient", "title: The Gradient"),
         ["gradient-episodic-memory.yml", "task-vectors.yml"], True),
        ("three notes", lambda: [
            _edit(papers / f"{pid}.yml", f"id: {pid}\n", f"id: {pid}\nnotes: More.\n")
            for pid in ("task-vectors", "gradient-episodic-memory", "merging-by-arithmetic")
        ], ["gradient-episodic-memory.yml", "merging-by-arithmetic.yml", "task-vectors.yml"], True),  # past _REDO_PAPERS
    ]
    for n, (what, edit, expected_reads, expected_store) in enumerate(steps):
        edit()
        reads.clear()
        before = memo_file.read_bytes()
        rerun = build.generate(settings, memo=build.Memo())  # a new process's
        assert sorted(reads) == expected_reads, what
        assert (memo_file.read_bytes() != before) == expected_store, what
        assert not rerun.unsaved
        build.generate(build.Settings(content, tmp_path / f"fresh{n}", source_date_epoch=0), memo=build.Memo())
        assert tree(tmp_path / "docs") == tree(tmp_path / f"fresh{n}"), what


def test_a_rerun_that_read_paper_files_again_stores_the_memo_though_it_wrote_nothing(tmp_path, monkeypatch):
    """The memo was stored only when a run wrote or removed a file. A run that read
    paper files again and found them unchanged (the project moved; files touched, or
    too young to keep when the memo was stored) left the stored one as it was, so every
    later process read all those files again and compared each paper with the last
    run's field by field, until an edit wrote something."""
    import time

    from generator import paperdrafts

    monkeypatch.setattr(paperdrafts.time, "time_ns", lambda: time.time() * 1e9 + 60e9)
    reads: list[str] = []
    read_paper = paperdrafts.read_paper
    monkeypatch.setattr(
        paperdrafts, "read_paper", lambda path, *rest: reads.append(path.name) or read_paper(path, *rest)
    )
    shutil.copytree(FIXTURE, tmp_path / "before" / "content")
    docs, cached = tmp_path / "docs", tmp_path / "cache"
    build.generate(build.Settings(tmp_path / "before" / "content", docs, source_date_epoch=0, cache_dir=cached), memo=build.Memo())
    (tmp_path / "before").rename(tmp_path / "moved")
    content = tmp_path / "moved" / "content"
    settings = build.Settings(content, docs, source_date_epoch=0, cache_dir=cached)
    names = sorted(p.name for p in (content / "papers").glob("*.yml"))
    for expected in (names, []):  # read again from their new folder, then kept
        reads.clear()
        rerun = build.generate(settings, memo=build.Memo())  # a new process's
        assert sorted(reads) == expected
        assert rerun.report.written == () and rerun.report.removed == ()
    _edit(content / "papers" / "task-vectors.yml", "added: 2026-11-25", "added: 2026-11-25")  # touched
    for expected in (["task-vectors.yml"], []):
        reads.clear()
        assert build.generate(settings, memo=build.Memo()).report.written == ()
        assert reads == expected
    build.generate(build.Settings(content, tmp_path / "fresh", source_date_epoch=0), memo=build.Memo())
    assert tree(docs) == tree(tmp_path / "fresh")


def test_a_paper_file_written_moments_ago_is_not_kept_in_the_file_cache(tmp_path, monkeypatch):
    import time

    from generator import curation

    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    files: curation.FileCache = {}
    # Just copied: a second edit within the clock's granularity could keep the stamp.
    curation.load_content(content, cache=files)
    assert files == {}
    monkeypatch.setattr(curation.time, "time_ns", lambda: time.time() * 1e9 + 60e9)
    first, _ = curation.load_content(content, cache=files)
    assert sorted(Path(p).name for p in files) == sorted(p.name for p in (content / "papers").glob("*.yml"))
    (content / "papers" / "hostile-inputs.yml").unlink()
    second, _ = curation.load_content(content, cache=files)
    assert len(files) == len(first.papers) - 1 == len(second.papers)


def test_the_memo_keeps_one_paper_object_for_a_paper_read_again(tmp_path, monkeypatch):
    """Papers read again equal (the file cache missed them: a checkout elsewhere) are new
    objects; the memo's topics and the signatures of the pages kept held the earlier
    run's, so the cache file stored every paper's texts twice."""
    import pickle
    import time

    from generator import curation
    from generator.pages import paper_dest

    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    monkeypatch.setattr(curation.time, "time_ns", lambda: time.time() * 1e9 + 60e9)
    settings = build.Settings(content, tmp_path / "docs", source_date_epoch=0)
    memo = build.Memo()
    first = build.generate(settings, memo=memo)
    memo.files.clear()  # every file read again
    second = build.generate(settings, memo=memo)
    assert not second.report.written  # the same papers: nothing to write
    papers = second.site.papers
    assert papers and all(a == b and a is not b for a, b in zip(first.site.papers, papers, strict=True))
    stored = pickle.loads(pickle.dumps(memo, protocol=pickle.HIGHEST_PROTOCOL))
    kept = [p for p in papers if paper_dest(p.id) in stored.signatures]
    assert len(kept) == len(papers)
    for paper in papers:
        one = stored.assigned[paper.id][0]
        assert one == paper
        assert stored.signatures[paper_dest(paper.id)][0] is one
        assert stored.bibtex[paper.id][0] is one
    # and a rerun from that memo is still exact: nothing to write
    again = build.generate(settings, memo=stored)
    assert not again.report.written and not again.report.removed


def test_the_file_cache_holds_only_the_folder_last_read(tmp_path, monkeypatch):
    """The same papers folder spelled another way (relative, then absolute; a project
    moved) is another folder to the cache: the entries of the one read before were kept
    beside the new ones, and stored in the cache file for good (twice its size)."""
    import os
    import time

    from generator import curation

    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project / "content")
    monkeypatch.setattr(curation.time, "time_ns", lambda: time.time() * 1e9 + 60e9)
    monkeypatch.chdir(tmp_path)
    files: curation.FileCache = {}
    curation.load_content(Path("project/content"), cache=files)
    names = sorted(p.name for p in (project / "content" / "papers").glob("*.yml"))
    assert sorted(os.path.basename(p) for p in files) == names
    assert all(not os.path.isabs(p) for p in files)
    curation.load_content(project / "content", cache=files)  # absolute
    assert sorted(files) == sorted(str(project / "content" / "papers" / name) for name in names)
    moved = tmp_path / "moved"
    project.rename(moved)
    curation.load_content(moved / "content", cache=files)
    assert sorted(files) == sorted(str(moved / "content" / "papers" / name) for name in names)
    assert len({id(entry[3]) for entry in files.values()}) == 1  # one folder's memo


def test_page_contexts_are_made_of_records_whose_repr_shows_every_field():
    """The memo keys a rendered page by the repr of its context (build._page_key): a
    field left out of a repr could let an edit reuse a stale page."""
    import dataclasses
    import inspect

    from generator import badges, models, pagecontext, pages

    records = [
        cls
        for module in (models, pages, badges, pagecontext)
        for _, cls in inspect.getmembers(module, dataclasses.is_dataclass)
        if cls.__module__ == module.__name__
    ]
    assert {"Paper", "Topic", "Badge", "PaperRef", "Neighbours"} <= {cls.__name__ for cls in records}
    for cls in records:
        assert "__repr__" not in cls.__dict__ or cls.__dataclass_params__.repr, cls
        assert all(f.repr for f in dataclasses.fields(cls)), cls
    # Two contexts differing in one field have different keys.
    page = pages.Page("a.md", "a/", "paper.md", {"status": "Classic"})
    other = pages.Page("a.md", "a/", "paper.md", {"status": "Reference"})
    assert build._page_key(page) != build._page_key(other)
    assert build._page_key(page) == build._page_key(pages.Page("b.md", "b/", "paper.md", {"status": "Classic"}))


def test_the_cache_file_is_trusted_only_when_this_code_wrote_it(tmp_path):
    import pickle

    from generator import cache

    assert cache.read(tmp_path) is None  # nothing there
    assert cache.write(tmp_path, {"kept": 1}) is True
    assert cache.read(tmp_path) == {"kept": 1}
    path = tmp_path / cache.FILE_NAME
    with open(path, "wb") as handle:  # written by other code (another fingerprint)
        pickle.dump("another version", handle)
        pickle.dump({"kept": 2}, handle)
    assert cache.read(tmp_path) is None
    path.write_bytes(pickle.dumps(cache.fingerprint()) + b"\x80\x05garbage")  # damaged
    assert cache.read(tmp_path) is None
    # A folder that cannot be made (a file is in the way): no cache, and no error.
    assert cache.write(path / "below-a-file", {"kept": 3}) is False


def test_storing_the_memo_starts_no_pass_of_the_collector(tmp_path):
    # Pickling keeps whatever a reduce makes alive till the end (a yamlio.Scalar's
    # arguments: 31,000 tuples at 10,000 papers), so with the collector on it walked the
    # run's young objects again and again: 5 passes, 0.05-0.06 s of a 0.5 s store after
    # a title edit's rerun at 10,000 papers. None of it is garbage.
    import gc

    from generator import cache
    from generator.yamlio import Scalar

    value = [Scalar(f"text {i}", "papers/a.yml", i, 1) for i in range(20_000)]
    passes: list[int] = []

    def count(phase: str, info: dict) -> None:
        if phase == "start":
            passes.append(info["generation"])

    assert gc.isenabled() and 0 < gc.get_threshold()[0] < 20_000
    cache.fingerprint()  # (computed once a process)
    gc.collect()  # (what the test made so far counts towards no pass)
    gc.callbacks.append(count)
    try:
        assert cache.write(tmp_path, value) is True
    finally:
        gc.callbacks.remove(count)
    # (Back on, it may make one pass of the youngest objects: tuples freed to Python's
    # free list still count as allocated. 28 passes, 2 of them older ones, before.)
    assert passes in ([], [0])
    assert gc.isenabled()
    assert [s.text for s in cache.read(tmp_path)] == [s.text for s in value]


@pytest.mark.parametrize(
    "library",
    ["lemminflect", "lunr", "pylatexenc", "anyascii", "rapidfuzz", "markdown-it-py", "linkify-it-py", "mkdocs-material"],
)
def test_a_memo_made_with_another_version_of_a_library_it_holds_output_of_is_not_read(monkeypatch, library):
    # The memo keeps the hint of a paper in no topic (its own words, looked up in
    # lemminflect's dictionaries) from one process to the next: made with another
    # version of them, it could be another hint than a build without the memo gives.
    # So with the others whose output it keeps (a review: lunr's stop words in shared
    # terms, TeX turned to text, ids' ASCII forms, near titles' warnings, escaping).
    from importlib import metadata

    from generator import cache

    version = metadata.version

    def other_version(name: str) -> str:
        return "0.0.1" if name == library else version(name)

    cache.fingerprint.cache_clear()
    before = cache.fingerprint()
    monkeypatch.setattr(cache.metadata, "version", other_version)
    cache.fingerprint.cache_clear()
    try:
        assert cache.fingerprint() != before
    finally:
        cache.fingerprint.cache_clear()


def test_a_build_whose_cache_cannot_be_written_still_succeeds(tmp_path):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would go\n")
    settings = build.Settings(FIXTURE, tmp_path / "docs", source_date_epoch=0, cache_dir=blocked / "cache")
    result = build.generate(settings, memo=build.Memo())
    assert len(result.report.written) == len(result.plan.outputs)
    assert (tmp_path / "docs" / "index.md").is_file()


def test_pages_kept_from_the_last_run_equal_a_clean_build_after_every_kind_of_edit(tmp_path):
    """A page whose signature is unchanged is neither built nor rendered (pages.Kept);
    each edit below changes something another page shows (a topic's title or size, a
    reading order, a linked paper's year or code badge), and the docs folder after each
    must equal a clean build's. The memo goes through the cache file every other time."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    papers, topics = content / "papers", content / "topics.yml"
    docs = tmp_path / "docs"
    settings = build.Settings(content, docs, source_date_epoch=0, cache_dir=tmp_path / "cache")
    memo = build.Memo()
    build.generate(settings, memo=memo)

    edits = [
        ("topic title", lambda: _edit(topics, "title: Task arithmetic\n", "title: Arithmetic of tasks\n")),
        ("reading order", lambda: _edit(topics, "      - gradient-episodic-memory\n      - replay-against-forgetting\n", "      - replay-against-forgetting\n      - gradient-episodic-memory\n")),
        ("year of a linked paper", lambda: _edit(papers / "merging-by-arithmetic.yml", "year: 2024", "year: 2019")),
        ("code badge of a linked paper", lambda: _edit(papers / "task-vectors.yml", "https://github.com/example/task-vectors", "https://gitlab.com/example/task-vectors")),
        # A table row names the first author and the venue under the title.
        ("authors of a listed paper", lambda: _edit(papers / "task-vectors.yml", "Edsger Dijkstra", "Edsger Dijkstra, Tony Hoare")),
        # Still "Barbara Liskov et al.": only what the all-papers filter reads changes.
        ("an author the row does not name", lambda: _edit(papers / "task-vectors.yml", "Tony Hoare", "Tony Hoare, Alan Kay")),
        ("venue of a listed paper", lambda: _edit(papers / "merging-by-arithmetic.yml", "year: 2019\n", "year: 2019\nvenue: TMLR\n")),
        # GitHub's figures (content/repositories.yml) on a paper's badges and in the tables.
        ("stars of a listed paper's code", lambda: _edit(content / "repositories.yml", "stars: 87", "stars: 1087")),
        ("a repository archived", lambda: _edit(content / "repositories.yml", "archived: false", "archived: true")),
        ("GitHub's figures removed", lambda: (content / "repositories.yml").unlink()),
        ("topic grows", lambda: _edit(topics, "      task arithmetic: 2\n", "      task arithmetic: 2\n      forgetting: 2\n")),
        ("page edited by hand", lambda: (docs / "papers" / "task-vectors.md").write_text("vandalised\n")),
        # Export files whose text is the very object the last run wrote (a reused feed,
        # papers.json joined from unchanged lines) are kept only while intact on disk.
        ("papers.json edited by hand", lambda: (docs / "papers.json").write_text("[]\n")),
        ("page deleted by hand", lambda: (docs / "topics" / "model-merging" / "index.md").unlink()),
        ("a feed deleted by hand", lambda: (docs / "feed.xml").unlink()),
        ("a paper removed", lambda: (papers / "hostile-inputs.yml").unlink()),
    ]
    for n, (what, edit) in enumerate(edits):
        edit()
        if n % 2:
            memo = build.Memo()  # as a new process: the memo comes from the cache file
        rerun = build.generate(settings, memo=memo)
        build.generate(build.Settings(content, tmp_path / f"fresh{n}", source_date_epoch=0), memo=build.Memo())
        assert tree(docs) == tree(tmp_path / f"fresh{n}"), what
        assert rerun.report.written, what  # every edit above changes at least one page

    # And a notes edit builds and renders its own page only.
    _edit(papers / "task-vectors.yml", "id: task-vectors\n", "id: task-vectors\nnotes: A note.\n")
    rerun = build.generate(settings, memo=memo)
    built = {o.dest for o in rerun.plan.outputs if isinstance(o, pages.Page) and o.template == "paper.md"}
    kept = {o.dest for o in rerun.plan.outputs if isinstance(o, pages.Kept)}
    assert built == {"papers/task-vectors.md"}
    assert "papers/gradient-episodic-memory.md" in kept and "papers/index.md" in kept


def test_a_broader_topics_cards_and_page_after_its_sub_topics_papers_move_equal_a_clean_build(tmp_path):
    """A broader topic's card counts the papers only its sub-topics hold ("2 papers, and 1
    more in its sub-topic"), and its page says whether it has papers of its own: an edit
    that changes only which of a sub-topic's papers the parent lacks (a sub-topic paper
    given the parent topic; one paper leaving the parent as another joins it, every
    topic's size the same) must give the docs a clean build gives, in this process and
    in a new one (the memo from the cache file)."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    papers = content / "papers"
    gem, replay = papers / "gradient-episodic-memory.yml", papers / "replay-against-forgetting.yml"
    docs = tmp_path / "docs"
    settings = build.Settings(content, docs, source_date_epoch=0, cache_dir=tmp_path / "cache")
    memo = build.Memo()
    build.generate(settings, memo=memo)
    card = '<a class="rl-topic-card__title" href="topics/model-merging/">Model merging &lt;&amp; task arithmetic&gt;</a> <span class="rl-topic-card__count">'
    edits = [
        ("a paper in the sub-topic only", [(gem, "status: classic\n", "status: classic\ntopics: [task-arithmetic]\n")],
         "2 papers, and 1 more in its sub-topic</span>"),
        ("the parent given to it", [(gem, "topics: [task-arithmetic]", "topics: [task-arithmetic, model-merging]")],
         "3 papers, all of its sub-topic's among them</span>"),
        # The sizes as they were (3 and 3): only which paper the parent lacks moved.
        ("one leaves the parent, another joins it", [
            (gem, "topics: [task-arithmetic, model-merging]", "topics: [task-arithmetic]"),
            (replay, "topics: [continual-learning]", "topics: [continual-learning, model-merging]"),
        ], "3 papers, and 1 more in its sub-topic</span>"),
        ("back", [(replay, "topics: [continual-learning, model-merging]", "topics: [continual-learning]")],
         "2 papers, and 1 more in its sub-topic</span>"),
    ]
    for n, (what, changes, count) in enumerate(edits):
        for path, old, new in changes:
            _edit(path, old, new)
        if n % 2:
            memo = build.Memo()  # as a new process: the memo comes from the cache file
        build.generate(settings, memo=memo)
        build.generate(build.Settings(content, tmp_path / f"fresh{n}", source_date_epoch=0), memo=build.Memo())
        assert card + count in (tmp_path / f"fresh{n}" / "index.md").read_text(encoding="utf-8"), what
        assert tree(docs) == tree(tmp_path / f"fresh{n}"), what


def _spy_index_updates(monkeypatch) -> list[set[str]]:
    """Files taken as settled at once (a minute on), and the papers each update of the
    carried page index was given as changed (not the very objects it held), run by run."""
    import time

    from generator import pagecontext, paperdrafts

    monkeypatch.setattr(paperdrafts.time, "time_ns", lambda: time.time() * 1e9 + 60e9)
    changed: list[set[str]] = []
    updated = pagecontext._updated_index

    def spied(site, papers, previous):
        changed.append({p.id for p in site.papers if previous.papers[p.id] is not p})
        return updated(site, papers, previous)

    monkeypatch.setattr(pagecontext, "_updated_index", spied)
    return changed


def test_an_index_carried_in_process_gives_the_clean_builds_docs_after_each_edit(tmp_path, monkeypatch):
    """Under serve the page index is carried from run to run (pagecontext.make_index with
    the last run's), redoing only the papers whose objects changed. The files must have
    settled for an unchanged paper to stay the very object (files copied a moment ago
    are read again, every paper new, and the carried index was never put to the test
    end to end): each edit below moves what the index holds (table order, the newest
    papers, a topic's members), and the docs folder after each equals a clean build's."""
    changed = _spy_index_updates(monkeypatch)
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    papers = content / "papers"
    settings = build.Settings(content, tmp_path / "docs", source_date_epoch=0)
    memo = build.Memo()
    build.generate(settings, memo=memo)
    gem, tv = papers / "gradient-episodic-memory.yml", papers / "task-vectors.yml"
    edits = [
        # The all-papers table's order, and a topic's: a title and a year.
        ("title", gem, "title: Gradient Episodic Memory", "title: Aardvark Gradient Episodic Memory"),
        ("year", gem, "year: 2017", "year: 2025"),
        # The newest papers (the home page, the feeds): a date, and a first id.
        ("added", gem, "added: 2026-11-10", "added: 2026-11-30"),
        ("formerly", tv, "formerly: [editing-models-with-task-vectors]", "formerly: [aaa-first]"),
        # A topic's members: a curator's topic, then none.
        ("topic given", gem, "status: classic", "status: classic\ntopics: [model-merging]"),
        ("topic taken", gem, "topics: [model-merging]", "exclude_topics: [model-merging]"),
        ("undated", gem, "added: 2026-11-30\n", ""),
        ("summary", tv, "summary: Where", "summary: First. Where"),
    ]
    for n, (what, path, old, new) in enumerate(edits):
        _edit(path, old, new)
        build.generate(settings, memo=memo)
        build.generate(build.Settings(content, tmp_path / f"fresh{n}", source_date_epoch=0), memo=build.Memo())
        assert tree(tmp_path / "docs") == tree(tmp_path / f"fresh{n}"), what
        assert changed[-1] == {path.stem}, what  # (the carried index, given one paper)


def test_a_new_process_updates_the_index_and_layout_it_reads_from_the_cache(tmp_path, monkeypatch):
    """`readinglist build` after an edit: the memo comes from the cache file, and with it
    the page index and the related papers the pages were made with. Unpickled with the
    file cache, their unchanged papers, assignments and related papers are the very
    objects the new process loads: the index is updated for the edited paper alone (it
    was made anew for all 10,000 at every build), and the docs equal a clean build's."""
    from dataclasses import replace

    from generator import pagecontext

    changed = _spy_index_updates(monkeypatch)
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    papers = content / "papers"
    settings = build.Settings(content, tmp_path / "docs", source_date_epoch=0, cache_dir=tmp_path / "cache")
    build.generate(settings, memo=build.Memo())
    assert changed == []  # (the first run makes its index)
    gem, tv = papers / "gradient-episodic-memory.yml", papers / "task-vectors.yml"
    edits = [
        ("nothing", None, "", ""),
        ("title", gem, "title: Gradient Episodic Memory", "title: Aardvark Gradient Episodic Memory"),
        ("added", gem, "added: 2026-11-10", "added: 2026-11-30"),
        ("topic given", gem, "status: classic", "status: classic\ntopics: [model-merging]"),
        ("abstract", tv, "Task vectors are", "Task vectors, steered by continual learning, are"),
        ("summary", tv, "summary: Where", "summary: First. Where"),
    ]
    memo_file = tmp_path / "cache" / "memo.pickle"
    pending: set[str] = set()  # papers edited in runs that left the memo unstored (build._redo_is_cheap)
    for n, (what, path, old, new) in enumerate(edits):
        if path is not None:
            _edit(path, old, new)
        memo = build.Memo()  # a new process's
        stored = memo_file.read_bytes()
        rerun = build.generate(settings, memo=memo)
        fresh = build.generate(build.Settings(content, tmp_path / f"fresh{n}", source_date_epoch=0), memo=build.Memo())
        assert tree(tmp_path / "docs") == tree(tmp_path / f"fresh{n}"), what
        edited = {path.stem} if path is not None else set()
        assert changed[-1] == edited | pending, what
        pending = set() if memo_file.read_bytes() != stored else pending | edited
        assert len(changed) == n + 1, what
        # (Its links aside: made as pages need them.)
        assert replace(memo.index, refs={}) == pagecontext.make_index(fresh.site), what
        if what == "nothing":
            assert rerun.report.written == ()
        if what == "abstract":  # its related papers moved: the pages that list them
            assert memo.layout is not None and memo.layout.related is not None
            assert "papers/task-vectors.md" in rerun.report.written


def test_a_paper_read_again_unchanged_is_passed_by_identity_from_the_next_run_on(tmp_path, monkeypatch):
    """A paper file touched (a checkout, an editor's save without a change) is read
    again: an equal paper, another object. The topic memo and the pages' signatures kept
    the object they had, so every later run compared the two field by field (after a
    copy of 10,000 files read while settling, 0.04 s in topics and more in the plan,
    on every run). They now keep the new one, and the docs stay a clean build's."""
    import time

    from generator import paperdrafts

    monkeypatch.setattr(paperdrafts.time, "time_ns", lambda: time.time() * 1e9 + 60e9)
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    settings = build.Settings(content, tmp_path / "docs", source_date_epoch=0)
    memo = build.Memo()
    first = build.generate(settings, memo=memo)
    path = content / "papers" / "task-vectors.yml"
    before = next(p for p in first.site.papers if p.id == "task-vectors")
    info = path.stat()  # touched: a new stamp, the same text
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000_000))
    again = build.generate(settings, memo=memo)
    paper = next(p for p in again.site.papers if p.id == "task-vectors")
    assert paper == before and paper is not before  # read again
    assert again.report.written == ()
    assert memo.assigned["task-vectors"][0] is paper
    assert memo.signatures["papers/task-vectors.md"][0] is paper
    build.generate(build.Settings(content, tmp_path / "fresh", source_date_epoch=0), memo=build.Memo())
    assert tree(tmp_path / "docs") == tree(tmp_path / "fresh")


def test_a_memo_stored_with_a_paper_naming_a_topic_by_its_title_is_read_back(tmp_path, monkeypatch):
    """Under serve the memo is stored at shutdown, even when the last build stopped on
    an error: the file cache then holds the draft of a paper whose `topics:` names a
    topic by its title (validate.Miswritten, a node that pickled with Scalar's call,
    five arguments for its two). The cache file could not be read back: the next build
    started from nothing."""
    from generator import cache

    content, settings = _cached_fixture(tmp_path, monkeypatch)
    memo = build.Memo()
    build.generate(settings, memo=memo)
    _edit(content / "papers" / "task-vectors.yml", "added: 2026-11-25\n", "added: 2026-11-25\ntopics: [Model Merging]\n")
    expected = "content/papers/task-vectors.yml:17:10: write the topic as its id 'model-merging', not 'Model Merging'"
    with pytest.raises(CuratorError) as stopped:
        build.generate(settings, memo=memo)
    assert expected in [str(p) for p in stopped.value.problems]
    assert build.store_memo(settings, memo)
    kept = cache.read(tmp_path / "cache")
    assert isinstance(kept, build.Memo)
    # The draft comes from the cache (its file is unchanged), with what the curator wrote.
    with pytest.raises(CuratorError) as again:
        build.generate(settings, memo=kept)
    assert expected in [str(p) for p in again.value.problems]


def test_a_rerun_from_the_cache_file_unpickles_the_nodes_of_no_unchanged_file(tmp_path, monkeypatch):
    """Where each value of a paper file was written (its draft's nodes) is only for the
    messages of the checks across files: a rerun after an edit reads it for no other
    file (it was a tenth of what a new process reads from a 10,000-paper cache). A
    message that points into another file still points where a load without the cache
    does."""
    from generator import cache, curation, paperdrafts

    content, settings = _cached_fixture(tmp_path, monkeypatch)
    build.generate(settings, memo=build.Memo())  # (it stores the memo)
    kept = cache.read(tmp_path / "cache")
    assert isinstance(kept, build.Memo)
    edited = content / "papers" / "task-vectors.yml"
    _edit(edited, "title: Editing Models with Task Vectors", "title: Editing Models with Task Vectors Again")
    unpacked: list[str] = []
    unpack = paperdrafts.PackedNodes._unpacked
    monkeypatch.setattr(
        paperdrafts.PackedNodes, "_unpacked", lambda nodes: unpacked.append(nodes.names) or unpack(nodes)
    )
    build.generate(settings, memo=kept)
    assert unpacked == []
    assert build.generate(build.Settings(content, tmp_path / "fresh", source_date_epoch=0), memo=build.Memo())
    assert tree(tmp_path / "docs") == tree(tmp_path / "fresh")
    # A new file of another's title: said at both titles, the other's from its nodes.
    build.store_memo(settings, kept)
    kept = cache.read(tmp_path / "cache")
    (content / "papers" / "copy.yml").write_text(
        "id: copy\ntitle: Gradient Episodic Memory for Continual Learning\n", encoding="utf-8"
    )
    with pytest.raises(CuratorError) as stopped:
        build.generate(settings, memo=kept)
    said = [str(p) for p in stopped.value.problems]
    assert said == [str(p) for p in curation.load_content(content, tmp_path)[1].sorted()]
    assert any("content/papers/gradient-episodic-memory.yml:2:8" in line for line in said), said


def test_a_title_edits_rerun_from_the_cache_file_redoes_that_papers_topics_and_exports_alone(tmp_path, monkeypatch):
    """The load says which papers it made anew (curation.Delta): a title edit's rerun from
    the cache file looks up that paper's topics, BibTeX entry and CSV line alone, and
    walks none of those tables (at 10,000 papers each walk read 10,000 entries,
    benchmarks/memo_reads.py); what it makes is what a run from nothing does."""
    from generator import cache, curation

    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parent.parent / "benchmarks"))
    import memo_reads  # (its counting tables: a walk of one reads every entry)

    content, settings = _cached_fixture(tmp_path, monkeypatch)
    build.generate(settings, memo=build.Memo())  # (it stores the memo)
    kept = cache.read(tmp_path / "cache")
    assert isinstance(kept, build.Memo)
    _edit(content / "papers" / "task-vectors.yml", "title: Editing Models with Task Vectors",
          "title: Editing Models with Task Vectors Again")
    counted = memo_reads.counted(kept)
    rerun = build.generate(settings, memo=kept, save=False)  # (a store walks every table)
    delta = curation.delta(kept.files, content)
    assert delta is not None and delta.changed == {"task-vectors"}
    for name in ("assigned", "bibtex", "fragments[csv]"):
        assert (counted[name].looked, counted[name].walks) == ({"task-vectors"}, 0), name
    fresh = build.generate(build.Settings(content, tmp_path / "fresh", source_date_epoch=0), memo=build.Memo())
    assert rerun.site.assignments == fresh.site.assignments
    assert list(rerun.site.assignments) == list(fresh.site.assignments)
    assert tree(tmp_path / "docs") == tree(tmp_path / "fresh")
    # A whole load (topics.yml edited) tells no papers: every one is looked at.
    topics_file = content / "topics.yml"
    info = topics_file.stat()
    topics_file.write_text(topics_file.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    os.utime(topics_file, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000_000))
    build.generate(settings, memo=kept)
    assert curation.delta(kept.files, content).changed is None


def test_an_edit_in_a_run_stopped_by_an_error_is_in_the_run_after_the_fix(tmp_path, monkeypatch):
    """A load stopped by a curator's error makes no table: what the load after it says
    changed (the fix alone) is relative to the stopped load, not to the one the tables
    were made from, so they are walked (Memo.changed). Patched with the fix's word alone,
    the title edited in the stopped run kept its old BibTeX entry, CSV line and topics.
    (As under serve: one memo, the runs in one process.)"""
    content, _ = _cached_fixture(tmp_path, monkeypatch)
    settings = build.Settings(content, tmp_path / "docs", source_date_epoch=0)
    memo = build.Memo()
    build.generate(settings, memo=memo)
    papers = content / "papers"
    _edit(papers / "task-vectors.yml", "title: Editing Models with Task Vectors",
          "title: Editing Models with Task Vectors Again")
    _edit(papers / "merging-by-arithmetic.yml", "related: [replay-against-forgetting]", "related: [no-such-paper]")
    with pytest.raises(build.CuratorError):
        build.generate(settings, memo=memo)
    _edit(papers / "merging-by-arithmetic.yml", "related: [no-such-paper]", "related: [replay-against-forgetting]")
    build.generate(settings, memo=memo)
    assert b"Task Vectors Again" in (tmp_path / "docs" / "papers.bib").read_bytes()
    fresh = build.generate(build.Settings(content, tmp_path / "fresh", source_date_epoch=0), memo=build.Memo())
    assert memo.views["assigned"] == fresh.site.assignments
    assert tree(tmp_path / "docs") == tree(tmp_path / "fresh")


def test_the_memo_keeps_the_last_result_only_of_the_tables_a_rerun_patches(tmp_path, monkeypatch):
    """Memo.views holds what a rerun told which papers changed patches (assign_topics,
    the BibTeX entries and citations, the CSV lines); the JSON lines are made with the
    related rows, of which no run is told which changed: kept, their 10,000 entries
    were only more to store and read back, and a stale one could be patched in later."""
    from generator import cache

    _, settings = _cached_fixture(tmp_path, monkeypatch)
    memo = build.Memo()
    build.generate(settings, memo=memo)
    assert set(memo.views) == {"assigned", "bibtex", "citations", "fragments[csv]"}
    kept = cache.read(tmp_path / "cache")
    assert isinstance(kept, build.Memo) and set(kept.views) == set(memo.views)
    assert memo.fragments["json"]  # (made all the same, paper by paper)
    # One a memo holds (an earlier build's) is dropped, not kept stale.
    memo.views["fragments[json]"] = {"task-vectors": b"stale"}
    build.generate(settings, memo=memo, save=False)
    assert "fragments[json]" not in memo.views


def test_joined_exports_are_kept_by_what_they_were_joined_from_not_by_their_text(tmp_path):
    import pickle

    settings = build.Settings(FIXTURE, tmp_path / "docs", source_date_epoch=0)
    memo = build.Memo()
    build.generate(settings, memo=memo)
    joined = {"papers.json", "papers.csv", "papers.bib", "topics/model-merging.bib"}
    assert joined <= set(memo.joined) and "feed.xml" in memo.texts
    # Nor is a joined file's text kept in the process: the next one is joined anew, never
    # that object (at 10,000 papers they were 100 MB that `serve` kept for nothing).
    assert not set(memo.texts) & set(memo.joined)
    restored = pickle.loads(pickle.dumps(memo))  # as the cache file holds it
    assert restored.texts == {} and restored.joined == memo.joined
    # A new process plans the joined files as kept, without joining them again...
    rerun = build.generate(settings, memo=restored)
    kept = {o.dest for o in rerun.plan.outputs if isinstance(o, pages.Kept)}
    assert joined <= kept and rerun.report.written == ()
    # ...unless the file is no longer what was written there.
    (tmp_path / "docs" / "papers.csv").write_text("id\n", encoding="utf-8")
    rerun = build.generate(settings, memo=restored)
    assert rerun.report.written == ("papers.csv",)
    fresh = build.generate(build.Settings(FIXTURE, tmp_path / "fresh", source_date_epoch=0), memo=build.Memo())
    assert tree(tmp_path / "docs") == tree(tmp_path / "fresh")
    assert fresh.report.written


def test_readinglist_build_stores_the_memo_and_lets_it_go_before_mkdocs_builds_the_site(
    tmp_path, monkeypatch
):
    # Stored only once the site was built, the memo (250 MB at 10,000 papers: the
    # related index, the exports' texts) was alive at the build's peak, when the search
    # index is made, though a build that no rebuild follows needs none of it then.
    from generator import cache, search

    project = make_project(tmp_path, FIXTURE)
    build.PROCESS_MEMO.adopt(build.Memo())  # as a new process
    held: list[bool] = []
    shape = search.write_index_file

    def noting(*args, **kwargs):
        held.append(not build.PROCESS_MEMO.is_empty())
        return shape(*args, **kwargs)

    monkeypatch.setattr(search, "write_index_file", noting)
    monkeypatch.delenv("READINGLIST_SERVING", raising=False)
    assert main(["--root", str(project), "build", "-q"]) == 0
    assert (project / "site" / "papers" / "task-vectors" / "index.html").is_file()
    assert held == [False]
    stored = cache.read(project / ".cache" / "readinglist")
    assert isinstance(stored, build.Memo)
    assert "papers/task-vectors.md" in stored.signatures
    # The next build in this process reads it back, as a new process does: it writes
    # nothing, and the site is the same.
    docs = {p: p.stat().st_mtime_ns for p in (project / "docs").rglob("*") if p.is_file()}
    site = tree(project / "site")
    assert main(["--root", str(project), "build", "-q"]) == 0
    assert {p: p.stat().st_mtime_ns for p in (project / "docs").rglob("*") if p.is_file()} == docs
    assert tree(project / "site") == site
    # Under serve each rebuild reuses it: it is kept.
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    monkeypatch.setenv("READINGLIST_SERVING", "1")  # what on_startup sets under serve
    mkdocs_build(load_config(str(project / "mkdocs.yml"), strict=True))
    assert held == [False, False, True]
    build.PROCESS_MEMO.adopt(build.Memo())  # (the next test's process is new)


def test_readinglist_build_recreates_a_removed_docs_folder(tmp_path):
    # `rm -rf docs` (the folder is generated) or an older `make clean`: MkDocs alone
    # refuses a missing docs_dir before the generator that fills it runs.
    project = make_project(tmp_path, FIXTURE)
    shutil.rmtree(project / "docs", ignore_errors=True)
    assert main(["--root", str(project), "build", "-q"]) == 0
    assert (project / "site" / "papers" / "task-vectors" / "index.html").is_file()


def test_an_error_raised_outside_the_templates_is_no_template_error(tmp_path, monkeypatch):
    from generator import escape
    from generator.render import template_error

    try:
        raise ValueError("a bug of the generator")
    except ValueError as error:
        assert template_error(error, tmp_path) is None  # its traceback is what to see

    # Nor one raised by the generator's Python that a template calls (a filter).
    def broken(value):
        raise KeyError("a bug of the generator")

    monkeypatch.setattr(escape, "markdown_first_paragraph", broken)
    settings = build.Settings(FIXTURE, tmp_path / "docs", source_date_epoch=0)
    with pytest.raises(KeyError, match="a bug of the generator"):
        build.generate(settings, Renderer(), build.Memo())


@pytest.mark.slow
def test_with_a_repository_each_page_edits_its_own_curation_file(tmp_path, fixed_epoch, monkeypatch, capsys):
    project = make_project(tmp_path, FIXTURE)
    (project / "content" / "pages").mkdir(exist_ok=True)
    # A paragraph (and a heading) for a site with a repository, and one for a site
    # without, as How to contribute has (content/pages/contributing.md): only the true
    # one is in the page and in the search index. (A style rule hiding the other left
    # it in both: a search for "pencil" led to a site without one.)
    (project / "content" / "pages" / "about.md").write_text(
        "# About\n\nA list.\n\nUse the pencil to propose a change.\n{ .rl-with-repository }\n\n"
        "This copy names no repository.\n{ .rl-without-repository }\n\n"
        "## Propose a change { .rl-with-repository }\n\nThe end.\n\nOn a keyboard, `/` searches.\n"
        "{ .rl-keyboard-only }\n"
    )
    with_one, without = ("the pencil", "Propose a change"), ("names no repository",)

    def said(*words: str) -> list[bool]:
        page = (site / "about/index.html").read_text(encoding="utf-8")
        index = (site / "search/search_index.json").read_text(encoding="utf-8")
        return [w in page for w in words] + [w in index for w in words]
    monkeypatch.setenv("REPO_URL", "https://github.com/lab/reading-list/")
    monkeypatch.setenv("REPO_BRANCH", "trunk")
    assert main(["--root", str(project), "build", "--strict", "-q"]) == 0
    site = project / "site"
    edit = "https://github.com/lab/reading-list/edit/trunk/content/"

    def edits(page: str) -> list[str]:
        return [link for link in parse(site / page).links if "/edit/" in link]

    assert edits("papers/task-vectors/index.html") == [edit + "papers/task-vectors.yml"]
    assert edits("topics/continual-learning/index.html") == [edit + "topics.yml"]
    assert edits("about/index.html") == [edit + "pages/about.md"]
    assert edits("papers/index.html") == edits("topics/index.html") == []  # made, not kept
    # The button says which file it opens: not the page, which is generated.
    paper_page = (site / "papers/task-vectors/index.html").read_text(encoding="utf-8")
    assert 'title="Edit content/papers/task-vectors.yml on GitHub"' in paper_page
    # The footer names the repository on every page.
    footer = (site / "papers/index.html").read_text(encoding="utf-8")
    assert 'The list is kept at <a href="https://github.com/lab/reading-list/">' in footer
    assert said(*with_one) == [True] * 4 and said(*without) == [False] * 2
    assert "The end." in (site / "about/index.html").read_text(encoding="utf-8")

    # Without one (a build on a laptop), no button and no footer line.
    monkeypatch.delenv("REPO_URL")
    assert main(["--root", str(project), "build", "--strict", "-q"]) == 0
    assert edits("papers/task-vectors/index.html") == []
    assert "The list is kept at" not in (site / "papers/index.html").read_text(encoding="utf-8")
    assert said(*with_one) == [False] * 4 and said(*without) == [True] * 2
    assert "The end." in (site / "about/index.html").read_text(encoding="utf-8")
    # A page using the classes is plain Markdown to `check`: nothing is said of it.
    capsys.readouterr()
    assert main(["--root", str(project), "check"]) == 0
    assert "about.md" not in capsys.readouterr().out


@pytest.mark.parametrize(
    "url", ['https://github.com/lab/x" onmouseover="alert(1)', "javascript:alert(1)", "github.com/lab/x"]
)
def test_a_repository_that_is_no_http_address_stops_the_build(tmp_path, monkeypatch, capsys, url):
    project = make_project(tmp_path, FIXTURE)
    monkeypatch.setenv("REPO_URL", url)
    assert main(["--root", str(project), "build", "-q"]) == 1
    assert "is not an http(s) address and a branch name; check REPO_URL" in capsys.readouterr().err


def test_a_paper_in_no_topic_is_a_warning_of_each_build(tmp_path):
    # The topic review: a topic removed left a paper in no topic page, and only
    # `readinglist topics` said so.
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    (content / "papers" / "glaciers.yml").write_text(
        "id: glaciers\ntitle: Glacier melt in the Alps\nabstract: Ice.\n", encoding="utf-8"
    )
    settings = build.Settings(content_dir=content, docs_dir=tmp_path / "docs", source_date_epoch=0)
    result = build.generate(settings)
    assert [str(w) for w in result.warnings if "in no topic" in w.message] == [
        "content/papers/glaciers.yml:1:5: warning: paper 'glaciers' is in no topic:"
        " no keyword of any topic matches it, and it lists none; give it 'topics: [...]',"
        " add a word of its own to a topic's keywords ('glacier', 'melt', 'alps': any score"
        " above 0 gives a paper its closest topic), or list it in a topic's reading_order"
    ]
    # Said at its `topics:` when it writes one (as an import does: `topics: []`), where
    # the fix goes, not at the file's first line (a comment for the editor).
    (content / "papers" / "glaciers.yml").write_text(
        "# yaml-language-server: $schema=../schema/paper.schema.json\nid: glaciers\n"
        "title: Glacier melt in the Alps\nabstract: Ice.\ntopics: []\n",
        encoding="utf-8",
    )
    result = build.generate(settings)
    assert [str(w.location) for w in result.warnings if "in no topic" in w.message] == [
        "content/papers/glaciers.yml:5:1"
    ]
    # Without `topics:`, at its id (as the other warnings of a whole paper), not at the
    # file's first line, the comment for the editor.
    (content / "papers" / "glaciers.yml").write_text(
        "# yaml-language-server: $schema=../schema/paper.schema.json\n\nid: glaciers\n"
        "title: Glacier melt in the Alps\nabstract: Ice.\n",
        encoding="utf-8",
    )
    result = build.generate(settings)
    assert [str(w.location) for w in result.warnings if "in no topic" in w.message] == [
        "content/papers/glaciers.yml:3:5"
    ]
    # A paper that excludes its closest topic is told so, not "no keyword matches".
    (content / "papers" / "glaciers.yml").write_text(
        "id: glaciers\ntitle: Glacier melt in the Alps\nabstract: Ice merging.\nexclude_topics: [model-merging]\n",
        encoding="utf-8",
    )
    result = build.generate(settings)
    assert [w.message for w in result.warnings if "in no topic" in w.message] == [
        "paper 'glaciers' is in no topic: it excludes its closest topic, 'model-merging', so no"
        " other is tried, and it lists none; give it 'topics: [...]' (readinglist topics"
        " --explain glaciers shows which keywords it mentions)"
    ]
    # Excluding a topic no keyword of it matches is not what left it out.
    (content / "papers" / "glaciers.yml").write_text(
        "id: glaciers\ntitle: Glacier melt in the Alps\nabstract: Ice.\nexclude_topics: [model-merging]\n",
        encoding="utf-8",
    )
    result = build.generate(settings)
    assert [w.message for w in result.warnings if "in no topic" in w.message] == [
        "paper 'glaciers' is in no topic: no keyword of any topic matches it, and it lists none;"
        " give it 'topics: [...]', add a word of its own to a topic's keywords ('glacier',"
        " 'melt', 'alps': any score above 0 gives a paper its closest topic), or list it in a"
        " topic's reading_order"
    ]
    assert not any("in no topic" in w.message for w in build.generate(build.Settings(
        content_dir=FIXTURE, docs_dir=tmp_path / "docs2", source_date_epoch=0)).warnings)


def test_a_list_with_no_topic_yet_is_told_so_once_not_once_a_paper(tmp_path):
    # One's own list, begun with an import and `topics: []`: each build said "is in no
    # topic" for every paper, hundreds of lines that all said one thing.
    content = tmp_path / "content"
    (content / "papers").mkdir(parents=True)
    (content / "topics.yml").write_text("topics: []\n", encoding="utf-8")
    for name in ("glaciers", "moraines", "crevasses"):
        (content / "papers" / f"{name}.yml").write_text(
            f"id: {name}\ntitle: On {name}\nabstract: Ice.\ntopics: []\n", encoding="utf-8"
        )
    papers = 3
    settings = build.Settings(content_dir=content, docs_dir=tmp_path / "docs", source_date_epoch=0)
    said = [str(w) for w in build.generate(settings).warnings if "topic" in w.message]
    assert said == [
        f"content/topics.yml:1:1: warning: no topic is defined, so the {papers} papers of the list"
        ' are on no topic page; define topics here (README: "Defining a topic")'
    ]


def test_the_memo_keeps_a_filtered_related_row_the_same_object_from_run_to_run():
    # Pages find what changed by the identity of each paper's related row; a row that
    # relatedshown.shown filters is made anew each run, so the memo must hand back the last.
    from generator.models import Content, Paper, TopicAssignment

    papers = tuple(sorted((
        Paper(id="grasp", title="Semantic grasping for robots", abstract="A gripper picks tools."),
        Paper(id="toolkit", title="A semantic parser toolkit", abstract="Parsing sentences."),
        Paper(id="grasp-2", title="Robots grasping tools", abstract="Robots learn which gripper fits."),
        Paper(id="u1", title="Protein folding kinetics", abstract="Chaperones assist folding."),
    ), key=lambda p: p.id))
    content = Content(papers, ())
    topics = {p.id: (TopicAssignment("robots" if "grasp" in p.id else "other", "curator"),)
              for p in papers}
    memo = build.Memo()
    first = memo.related_papers(content, topics)
    similar = memo.related.update(papers)
    assert first["toolkit"] != similar["toolkit"]  # "semantic" alone, and no topic shared
    again = memo.related_papers(content, topics)
    assert all(again[pid] is first[pid] for pid in first)



def test_a_papers_export_fragment_is_made_again_exactly_when_what_it_reads_changed():
    # Memo.per_paper passes the very objects of the last run by identity and compares
    # equal ones (a related row whose score moved): neither may keep a stale fragment.
    from dataclasses import replace

    from generator.models import Paper, RelatedPaper, Site, TopicAssignment

    a, b = Paper(id="a", title="A", abstract=""), Paper(id="b", title="B", abstract="")
    assigned = {"a": (TopicAssignment("t", "curator"),), "b": ()}
    made: list[str] = []

    def make(paper, site):
        made.append(paper.id)
        return (paper.title, site.assignments.get(paper.id), [r.paper for r in site.related.get(paper.id, ())])

    memo = build.Memo()

    def run(papers, assignments, related):
        made.clear()
        site = Site(papers, (), assignments, related)
        out = memo.per_paper("test", site, make)
        assert out == {p.id: make(p, site) for p in papers}  # what a fresh run makes
        return made[: len(made) - len(papers)]  # (the calls of per_paper itself)

    related = {"a": (RelatedPaper("b", 0.5),)}
    assert run((a, b), assigned, related) == ["a", "b"]
    assert run((a, b), assigned, related) == []
    moved = {"a": (RelatedPaper("b", 0.25),)}  # a new row, the same paper: not shown
    assert run((a, b), assigned, moved) == []
    assert run((replace(a), b), dict(assigned), moved) == []  # equal objects
    assert run((replace(a, title="A2"), b), assigned, moved) == ["a"]
    assert run((a, b), {**assigned, "b": assigned["a"]}, moved) == ["a", "b"]
    assert run((a, b), {**assigned, "b": assigned["a"]}, {"a": (RelatedPaper("a", 0.5),)}) == ["a"]

@pytest.mark.parametrize("umask", [0o077, 0o002], ids=["private-077", "group-002"])
def test_the_site_is_readable_by_everyone_and_has_the_modes_of_its_umask_beside(
    tmp_path, fixed_epoch, umask
):
    # A private umask (077) made every file of the site 0600 and every folder 0700: no
    # web server running as another user, nor GitHub Pages (it refuses a file others
    # cannot read), could publish it. A group umask (002) gives 0664 and 0775, as MkDocs
    # does (made 0644 and 0755, a lab's second user could not replace the site).
    project = make_project(tmp_path, FIXTURE)
    before = os.umask(umask)
    try:
        assert main(["--root", str(project), "build", "-q"]) == 0
    finally:
        os.umask(before)
    site = project / "site"
    modes = {
        path.relative_to(site).as_posix(): oct(path.stat().st_mode & 0o7777)
        for path in sorted(site.rglob("*"))
    }
    assert "papers/task-vectors/index.html" in modes and "search" in modes
    write = 0o020 if umask == 0o002 else 0
    expected = {name: oct((0o755 if (site / name).is_dir() else 0o644) | write) for name in modes}
    assert modes == expected
    assert site.stat().st_mode & 0o7777 == 0o755 | write


def test_a_topics_only_edit_changes_the_related_papers_of_other_pages_as_a_clean_build(tmp_path):
    # gradient-episodic-memory and hostile-inputs share one word ("forgetting") and a
    # topic. Moving hostile-inputs out of that topic (and another paper in, so that no
    # topic's size changes and no page is rebuilt for that) must drop it from the page
    # of gradient-episodic-memory, whose own file and topics did not change, and
    # moving it back must bring it back: siteplan.plan_site finds those pages by their
    # related rows alone. Every other run goes through the cache file.
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    papers = content / "papers"
    (papers / "glacier-melt.yml").write_text(
        "id: glacier-melt\ntitle: Glacier melt in alpine valleys\ntopics: [model-merging]\n"
        "year: 2020\nabstract: Ice retreat measured by drones.\n", encoding="utf-8"
    )
    settings = build.Settings(content, tmp_path / "docs", source_date_epoch=0, cache_dir=tmp_path / "cache")
    memo = build.Memo()
    build.generate(settings, memo=memo)
    moved = ("topics: [continual-learning]\n", "topics: [model-merging]\nexclude_topics: [continual-learning]\n")
    for n, (out, into) in enumerate((moved, moved[::-1], moved)):
        _edit(papers / "hostile-inputs.yml", out, into)
        _edit(papers / "glacier-melt.yml", into.split("\n")[0], out.split("\n")[0])
        if n % 2:
            memo = build.Memo()
        rerun = build.generate(settings, memo=memo)
        fresh = build.generate(build.Settings(content, tmp_path / f"fresh{n}", source_date_epoch=0), memo=build.Memo())
        assert tree(tmp_path / "docs") == tree(tmp_path / f"fresh{n}"), n
        shown = [r.paper for r in fresh.site.related["gradient-episodic-memory"]]
        assert ("hostile-inputs" in shown) == (n == 1), shown
        assert "papers/gradient-episodic-memory.md" in rerun.report.written, n


def test_a_not_related_edit_rewrites_the_two_pages_and_its_undo_restores_them(tmp_path):
    # gradient-episodic-memory and replay-against-forgetting are each other's most
    # similar paper. One file ruling the other out changes both pages (and papers.json,
    # which lists the related papers and the rule) and nothing else; undone, every file
    # is as it was. In one process (the memo kept, as under serve), then with the memo
    # read back from the cache file (a new process).
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    gem = content / "papers" / "gradient-episodic-memory.yml"
    docs = tmp_path / "docs"
    settings = build.Settings(content, docs, source_date_epoch=0, cache_dir=tmp_path / "cache")
    memo = build.Memo()
    first = build.generate(settings, memo=memo)
    assert [r.paper for r in first.site.related["gradient-episodic-memory"]] == [
        "replay-against-forgetting", "hostile-inputs"]
    assert [r.paper for r in first.site.related["replay-against-forgetting"]] == ["gradient-episodic-memory"]
    original = tree(docs)
    both = {"papers/gradient-episodic-memory.md", "papers/replay-against-forgetting.md", "papers.json"}
    rule = ("status: classic\n", "status: classic\nnot_related: [replay-against-forgetting]\n")
    for process in ("same process", "new process"):
        for n, (old, new) in enumerate((rule, rule[::-1])):
            _edit(gem, old, new)
            if process == "new process":
                memo = build.Memo()
            rerun = build.generate(settings, memo=memo)
            assert set(rerun.report.written) == both, (process, n)
            fresh = build.generate(
                build.Settings(content, tmp_path / f"fresh-{process}-{n}", source_date_epoch=0), memo=build.Memo()
            )
            assert tree(docs) == tree(tmp_path / f"fresh-{process}-{n}"), (process, n)
            assert rerun.site.related == fresh.site.related
            if n == 0:
                assert [r.paper for r in rerun.site.related["gradient-episodic-memory"]] == ["hostile-inputs"]
                assert rerun.site.related["replay-against-forgetting"] == ()
            else:
                assert tree(docs) == original, process


def _with_own_overrides(tmp_path: Path) -> Path:
    """A fixture project whose overrides/ is a copy of the repository's, to edit (not
    the link make_project puts there)."""
    project = make_project(tmp_path, FIXTURE)
    (project / "overrides").unlink()
    shutil.copytree(REPO / "overrides", project / "overrides")
    return project


def test_a_syntax_mistake_in_a_theme_override_is_said_at_its_file_and_line(tmp_path, capsys):
    # Jinja found it only when a page used the template: MkDocs printed a traceback,
    # and under serve the browser waited on its page with no word of why.
    project = _with_own_overrides(tmp_path)
    template = project / "overrides" / "main.html"
    last = template.read_text(encoding="utf-8").count("\n")
    with template.open("a", encoding="utf-8") as handle:
        handle.write("{{ config.site_name }\n")
    assert main(["--root", str(project), "build", "-q"]) == 1
    err = capsys.readouterr().err
    assert f"overrides/main.html:{last + 1}:21: template error: unexpected '}}'" in err
    assert "Traceback" not in err


def test_a_syntax_mistake_in_a_theme_override_is_said_at_its_column_when_jinja_names_it(
    tmp_path, capsys
):
    # Jinja says a mistake's line only: every template error was said at column 1,
    # where every other mistake is said at its column.
    project = _with_own_overrides(tmp_path)
    partials = project / "overrides" / "partials"
    mistakes = {
        "a.html": "<p>{% if %}</p>\n",  # (the parser names the token it stopped at)
        "b.html": "<p>\n  {% endfro %}\n",  # (an unknown tag)
        "c.html": "<p>\r\n{{ page ! title }}\n",  # (the lexer's offset; Windows' lines)
        "d.html": "{{ config.site_name }\n",  # (a bracket that closes nothing)
        "e.html": "{% if page %}\n<p>\n",  # (left open: the end of the file, no column)
    }
    for name, text in mistakes.items():
        (partials / name).write_bytes(text.encode("utf-8"))
    assert main(["--root", str(project), "build", "-q"]) == 1
    said = [line for line in capsys.readouterr().err.splitlines() if "template error" in line]
    assert said == [
        "overrides/partials/a.html:1:10: template error: Expected an expression, got 'end of"
        " statement block'",
        "overrides/partials/b.html:2:6: template error: Encountered unknown tag 'endfro'.",
        "overrides/partials/c.html:2:9: template error: unexpected char '!' at 12",
        "overrides/partials/d.html:1:21: template error: unexpected '}'",
        "overrides/partials/e.html:1:1: template error: Unexpected end of template. Jinja"
        " was looking for the following tags: 'elif' or 'else' or 'endif'. The innermost"
        " block that needs to be closed is 'if'.",
    ]


_NO_VALUE = (
    "; not every page has this value (the 404 page has no page at all): test for it first,"
    " as in {% if page and page.meta.foo %}"
)


@pytest.mark.parametrize(
    ("mistake", "message"),
    [
        # MkDocs' Jinja prints a missing value as nothing, but not an attribute of one;
        # the 404 page, made first, has no page.
        ("{{ page.meta.foo.bar }}", "'None' has no attribute 'meta'" + _NO_VALUE),
        (
            "{% if page %}{{ page.meta.foo.bar }}{% endif %}",
            "'dict object' has no attribute 'foo'" + _NO_VALUE,
        ),
        (
            '{% include "partials/missing.html" %}',
            "no template named 'partials/missing.html'; no template of that name in the"
            " overrides or in Material's templates: check its name and folder",
        ),
        # (Found when the template is compiled, not when it is parsed: not a syntax error.)
        ("{{ config.site_name | nosuchfilter }}", "No filter named 'nosuchfilter'."),
        ("{{ config.site_name() }}", "TypeError: 'str' object is not callable"),
        (
            "{% macro cite(paper) %}{{ paper }}{% endmacro %}{{ cite(1, 2) }}",
            "TypeError: macro 'cite' takes not more than 1 argument(s)",
        ),
        ("{{ 1/0 }}", "ZeroDivisionError: division by zero"),
    ],
)
def test_a_theme_override_mistake_found_on_rendering_is_said_at_its_file_and_line(
    tmp_path, capsys, fixed_epoch, mistake, message
):
    # MkDocs printed a forty-line traceback, in `readinglist build` and in `mkdocs build`.
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    project = _with_own_overrides(tmp_path)
    template = project / "overrides" / "main.html"
    last = template.read_text(encoding="utf-8").count("\n")
    with template.open("a", encoding="utf-8") as handle:
        handle.write(f"{{% block site_meta %}}{{{{ super() }}}}\n{mistake}\n{{% endblock %}}\n")
    said = f"overrides/main.html:{last + 2}:1: template error: {message}"

    assert main(["--root", str(project), "build", "-q"]) == 1
    err = capsys.readouterr().err
    assert said in err.splitlines()
    assert "Traceback" not in err
    assert "readinglist build: stopped by the problems above" in err

    with pytest.raises(Abort):  # (what `mkdocs build` prints as one line, exit 1)
        mkdocs_build(load_config(str(project / "mkdocs.yml")))
    assert said in capsys.readouterr().err.splitlines()


def test_a_theme_override_extending_no_template_is_said_at_its_line(tmp_path, capsys, fixed_epoch):
    project = _with_own_overrides(tmp_path)
    page = project / "overrides" / "404.html"
    lines = page.read_text(encoding="utf-8").splitlines(keepends=True)
    line = next(n for n, text in enumerate(lines, 1) if text.startswith("{% extends"))
    page.write_text(
        "".join(lines).replace('{% extends "main.html" %}', '{% extends "mainn.html" %}'),
        encoding="utf-8",
    )
    assert main(["--root", str(project), "build", "-q"]) == 1
    err = capsys.readouterr().err
    assert f"overrides/404.html:{line}:1: template error: no template named 'mainn.html';" in err
    assert "Traceback" not in err


def _about_page_after(tmp_path, front: str):
    """The fixture project with ``front`` put before its About page's text."""
    project = make_project(tmp_path, FIXTURE)
    page = project / "content" / "pages" / "about.md"
    page.write_text(front + page.read_text(encoding="utf-8"), encoding="utf-8")
    return project, page


@pytest.mark.parametrize(
    ("front", "message"),
    [
        (
            "template: mainn.html",
            "template 'mainn.html': the theme has no template of that name (in overrides/ or"
            " Material's templates) (did you mean 'main.html'?)",
        ),
        (
            "template: [main.html]",
            "template ['main.html']: must be the file name of a template, as main.html",
        ),
        ("template:", "template is empty: must be the file name of a template, as main.html"),
    ],
)
def test_a_hand_page_naming_a_template_the_theme_lacks_is_said_at_its_front_matter(
    tmp_path, capsys, fixed_epoch, front, message
):
    # MkDocs stopped on the page: `mkdocs build` with a traceback, `readinglist build`
    # with one line that named neither the page nor its line.
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    project, page = _about_page_after(tmp_path, f"---\ntitle: About\n{front}\n---\n")
    column = len("template: ") + 1 if front != "template:" else len("template:") + 1  # (its value's)
    said = f"content/pages/about.md:3:{column}: {message}"

    assert main(["--root", str(project), "build", "-q"]) == 1
    err = capsys.readouterr().err
    assert said in err.splitlines()
    assert "Traceback" not in err
    assert not (project / "site" / "about" / "index.html").exists()

    with pytest.raises(Abort):
        mkdocs_build(load_config(str(project / "mkdocs.yml")))
    assert said in capsys.readouterr().err.splitlines()

    # `readinglist check` says it too, with the content's own errors, all at once.
    (project / "content" / "papers" / "zz-bad.yml").write_text("id: zz-bad\n", encoding="utf-8")
    assert main(["--root", str(project), "check"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert said in out
    assert "content/papers/zz-bad.yml:1:1: missing required field 'title'" in out


def test_check_says_a_template_it_could_not_look_up_when_mkdocs_yml_does_not_load(
    tmp_path, capsys
):
    # An unknown setting is an Abort of MkDocs' strict mode: check printed nothing at
    # all and exited 1.
    project, _ = _about_page_after(tmp_path, "---\ntemplate: mainn.html\n---\n")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "sitename: typo\n", encoding="utf-8")
    assert main(["--root", str(project), "check"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert (
        "content/pages/about.md:2:11: warning: template 'mainn.html' not looked up: MkDocs"
        " could not load mkdocs.yml (`readinglist build` says why)"
    ) in out
    assert out[-1].startswith("0 errors, ")


def test_check_looks_a_template_up_when_docs_is_gone(tmp_path, capsys):
    # docs/ is the build's (it makes it again after `rm -rf docs`); MkDocs refuses a
    # config whose docs_dir is not there, and check said the template was not looked up
    # because mkdocs.yml could not be loaded, a warning, exit 0, for a build that stops.
    project, _ = _about_page_after(tmp_path, "---\ntemplate: mainn.html\n---\n")
    shutil.rmtree(project / "docs")
    assert main(["--root", str(project), "check"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert (
        "content/pages/about.md:2:11: template 'mainn.html': the theme has no template of"
        " that name (in overrides/ or Material's templates) (did you mean 'main.html'?)"
    ) in out
    assert not (project / "docs").exists()  # (check writes nothing)


def test_a_hand_page_front_matter_mkdocs_cannot_read_stops_check_and_build(
    tmp_path, capsys, fixed_epoch
):
    # MkDocs said nothing and showed the block as text: a heading "title: About: us"
    # under a rule, on a site that built.
    project, page = _about_page_after(tmp_path, "---\ntitle: About: us\n---\n")
    said = "content/pages/about.md:2:13: front matter: YAML syntax error: a colon followed by"
    assert main(["--root", str(project), "check"]) == 1
    assert any(line.startswith(said) for line in capsys.readouterr().out.splitlines())
    assert main(["--root", str(project), "build", "-q"]) == 1
    assert any(line.startswith(said) for line in capsys.readouterr().err.splitlines())
    assert not (project / "site" / "about" / "index.html").exists()

    page.write_text(page.read_text(encoding="utf-8").replace("About: us", "'About: us'"))
    assert main(["--root", str(project), "build", "-q"]) == 0
    built = (project / "site" / "about" / "index.html").read_text(encoding="utf-8")
    assert "<title>About: us" in built and "title: About" not in built


@pytest.mark.parametrize("start", ["\ufeff", ""])
def test_a_template_the_theme_lacks_is_said_at_its_line_after_a_bom_and_crlf_line_ends(
    tmp_path, capsys, fixed_epoch, start
):
    # MkDocs reads a page without its byte order mark and takes its front matter: the
    # template's line was said as 1:1 when the page began with one.
    project = make_project(tmp_path, FIXTURE)
    page = project / "content" / "pages" / "about.md"
    front = f"{start}---\r\ntitle: About\r\ntemplate:  mainn.html\r\n---\r\n"
    page.write_bytes(front.encode("utf-8") + page.read_bytes())
    assert main(["--root", str(project), "build", "-q"]) == 1
    err = capsys.readouterr().err
    assert "content/pages/about.md:3:12: template 'mainn.html': the theme has no template" in err


def test_a_hand_page_naming_a_template_the_theme_has_is_built_with_it(
    tmp_path, capsys, fixed_epoch
):
    project, page = _about_page_after(tmp_path, "---\ntemplate: 404.html\n---\n")
    (page.parent / ".#about.md").symlink_to("nowhere")  # (an editor's lock: no page)
    assert main(["--root", str(project), "check"]) == 0
    assert "0 errors" in capsys.readouterr().out
    assert main(["--root", str(project), "build", "-q"]) == 0
    built = (project / "site" / "about" / "index.html").read_text(encoding="utf-8")
    # (404.html shows its own text, not the page's Markdown)
    assert "<h1>Page not found</h1>" in built and "carried into the site" not in built


def test_a_mistake_whose_innermost_template_is_not_an_override_keeps_its_traceback(
    tmp_path, fixed_epoch
):
    # Material's partial fails, not the override that includes it: whether the override
    # or Material is at fault (or mkdocs.yml's data) is not certain, and the traceback
    # names both lines.
    import jinja2
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    project = _with_own_overrides(tmp_path)
    with (project / "overrides" / "main.html").open("a", encoding="utf-8") as handle:
        handle.write('{% block site_meta %}{% include "partials/toc-item.html" %}{% endblock %}\n')
    with pytest.raises(jinja2.UndefinedError, match="'toc_item' is undefined"):
        mkdocs_build(load_config(str(project / "mkdocs.yml")))


def test_a_theme_override_block_no_template_it_extends_has_is_a_warning(tmp_path, capsys, fixed_epoch):
    # Jinja shows such a block nowhere and says nothing: a curator's typo in a block
    # name left the page unchanged with no word of why.
    project = _with_own_overrides(tmp_path)
    template = project / "overrides" / "main.html"
    last = template.read_text(encoding="utf-8").count("\n")
    with template.open("a", encoding="utf-8") as handle:
        handle.write(
            "{% block extrahed %}<meta name=x>{% endblock %}\n"
            # (a block inside one base.html has is this template's own: no warning)
            "{% block site_meta %}{{ super() }}{% block rl_own %}{% endblock %}{% endblock %}\n"
        )
    with (project / "overrides" / "404.html").open("a", encoding="utf-8") as handle:
        handle.write("{% block qqq %}{% endblock %}\n")
    page_lines = (project / "overrides" / "404.html").read_text(encoding="utf-8").count("\n")
    assert main(["--root", str(project), "build", "-q"]) == 0  # (a warning)
    said = [line for line in capsys.readouterr().err.splitlines() if "shows nowhere" in line]
    assert said == [
        f"overrides/404.html:{page_lines}:1: warning: block 'qqq' shows nowhere: the"
        " templates it extends (main.html, base.html) have no block of that name",
        f"overrides/main.html:{last + 1}:1: warning: block 'extrahed' shows nowhere: the"
        " template it extends (base.html) has no block of that name; did you mean 'extrahead'?",
    ]


def test_a_syntax_mistake_in_a_linked_overrides_folder_is_said_at_overrides(tmp_path, capsys):
    # An overrides folder linked from elsewhere (as a theme shared by lists) is still
    # overrides/ to the curator, as a mistake found when a page is made says it; a
    # syntax mistake was said at the link's full path instead.
    project = make_project(tmp_path, FIXTURE)
    (project / "overrides").unlink()
    shutil.copytree(REPO / "overrides", tmp_path / "shared-theme")
    (project / "overrides").symlink_to(tmp_path / "shared-theme", target_is_directory=True)
    template = tmp_path / "shared-theme" / "main.html"
    last = template.read_text(encoding="utf-8").count("\n")
    with template.open("a", encoding="utf-8") as handle:
        handle.write("{{ config.site_name }\n")
    assert main(["--root", str(project), "build", "-q"]) == 1
    said = [line for line in capsys.readouterr().err.splitlines() if "template error" in line]
    assert said == [f"overrides/main.html:{last + 1}:21: template error: unexpected '}}'"]


def test_an_editors_backup_or_autosave_in_the_overrides_is_not_published(tmp_path):
    # MkDocs copies every file of the theme overrides but templates and dot-files: vim's
    # backup of a template (its source) and Emacs' autosave of a stylesheet were published.
    project = _with_own_overrides(tmp_path)
    assets = project / "overrides" / "assets"
    (project / "overrides" / "main.html~").write_text("{# the template's source #}")
    (assets / "#readinglist.css#").write_text("body {}")
    (assets / "readinglist.css~").write_text("body {}")
    (assets / "4913").write_text("")
    assert main(["--root", str(project), "build", "-q"]) == 0
    site = project / "site"
    assert (site / "assets" / "readinglist.css").is_file()  # (the stylesheet itself is)
    assert sorted(p.name for p in site.rglob("*") if p.name.endswith(("~", "#", "4913"))) == []


def test_a_paper_file_edited_from_one_syntax_error_to_another_is_said_again(tmp_path, monkeypatch):
    # Under serve (one memo for every rebuild): a file once read, then broken, then
    # broken otherwise (a fix that missed) stopped the rebuild on an IndexError, and the
    # server seemed stuck until the file was fixed.
    import time

    from generator import curation, paperdrafts

    # Files written a moment ago are "racy" and read in full; pretend they have settled,
    # as they have by a curator's next save.
    monkeypatch.setattr(paperdrafts.time, "time_ns", lambda: time.time() * 1e9 + 60e9)
    monkeypatch.setattr(curation.time, "time_ns", lambda: time.time() * 1e9 + 60e9)
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    settings = build.Settings(content_dir=content, docs_dir=tmp_path / "docs", source_date_epoch=0)
    memo = build.Memo()
    build.generate(settings, memo=memo)
    paper = content / "papers" / "task-vectors.yml"
    text = paper.read_text()
    for broken in ("[Barbara Liskov, Edsger", "[Barbara"):
        paper.write_text(text.replace("[Barbara Liskov, Edsger Dijkstra]", broken, 1))
        with pytest.raises(CuratorError) as caught:
            build.generate(settings, memo=memo)
        assert any("YAML syntax error" in str(p) for p in caught.value.problems)
    paper.write_text(text)
    build.generate(settings, memo=memo)


def test_a_rerun_in_a_new_process_whose_feeds_are_the_memos_never_imports_feedgen(tmp_path, monkeypatch):
    """feedgen (with lxml and dateutil) was imported with the generator, on every rerun in
    a new process, though one makes a feed only when the papers it lists changed."""
    import time

    from generator import paperdrafts

    monkeypatch.setattr(paperdrafts.time, "time_ns", lambda: time.time() * 1e9 + 60e9)
    shutil.copytree(FIXTURE, tmp_path / "content")
    _fingerprint_the_code_now()
    settings = build.Settings(tmp_path / "content", tmp_path / "docs", source_date_epoch=0, cache_dir=tmp_path / "cache")
    assert any(dest.endswith(".xml") for dest in build.generate(settings, memo=build.Memo()).report.written)
    assert _generated_in_a_new_process(tmp_path, "r.report.written, 'feedgen' in sys.modules") == "() False"


def test_a_title_edit_rerun_in_a_new_process_imports_only_what_it_uses(tmp_path, monkeypatch):
    """A rerun after a title edit (issue 5: under 1 s of CPU at 10,000 papers) needs
    scikit-learn's text features (the title's words) and scipy's sparse matrices, but
    not numpy's f2py, ma, testing and polynomial, which scipy's `from numpy import *`
    imported (0.04 s) and nothing of a build uses."""
    import time

    from generator import paperdrafts

    monkeypatch.setattr(paperdrafts.time, "time_ns", lambda: time.time() * 1e9 + 60e9)
    shutil.copytree(FIXTURE, tmp_path / "content")
    _fingerprint_the_code_now()
    settings = build.Settings(tmp_path / "content", tmp_path / "docs", source_date_epoch=0, cache_dir=tmp_path / "cache")
    build.generate(settings, memo=build.Memo())
    _edit(tmp_path / "content" / "papers" / "task-vectors.yml", "title: Editing Models with Task Vectors", "title: Editing")
    unused = ("numpy.f2py.crackfortran", "numpy.ma.core", "numpy.testing._private.utils", "numpy.polynomial.polynomial")
    shown = (
        "'papers/task-vectors.md' in r.report.written, 'sklearn.feature_extraction.text' in sys.modules,"
        f" [m for m in {unused!r} if m in sys.modules]"
    )
    assert _generated_in_a_new_process(tmp_path, shown) == "True True []"


def _fingerprint_the_code_now() -> None:
    """The memo this process stores next is keyed by the generator's files as they are
    now, as a new process keys the memo it looks for: this process took them once, at
    its first build (cache.fingerprint), and a file of generator/ edited since (while
    the test file runs) made the new process find no memo, and make the feeds again."""
    from generator import cache

    cache.fingerprint.cache_clear()


def _generated_in_a_new_process(project: Path, shown: str) -> str:
    """What a new process prints (``shown``, of its ``sys`` and the result ``r``) after
    generating ``project``'s content with its cache in ``project``/cache."""
    import subprocess
    import sys

    code = (
        "import sys; from pathlib import Path; from generator import build; t = Path(sys.argv[1]);"
        " r = build.generate(build.Settings(t / 'content', t / 'docs', source_date_epoch=0, cache_dir=t / 'cache'));"
        f" print({shown})"
    )
    result = subprocess.run([sys.executable, "-c", code, str(project)], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()[-1]


def test_a_generation_in_a_new_process_never_imports_ruamel_yaml(tmp_path):
    """ruamel.yaml (10 ms of every build's, check's and rerun's import) serves only the
    importer's round-trip edits; paperyaml imported it with the generator."""
    shutil.copytree(FIXTURE, tmp_path / "content")
    shown = "len(r.report.written) > 0, [m for m in sys.modules if m.startswith('ruamel')]"
    assert _generated_in_a_new_process(tmp_path, shown) == "True []"


def _all_papers_rows_rendered(monkeypatch) -> list[str]:
    """The paper of each row the All papers table's macro renders (its title)."""
    rendered: list[str] = []
    call = Renderer._call_macro

    def spied(self, name, *args):
        if name == "all_papers_row":
            rendered.append(args[0].paper.title)
        return call(self, name, *args)

    monkeypatch.setattr(Renderer, "_call_macro", spied)
    return rendered


def test_a_title_edit_rerenders_one_row_of_the_all_papers_table_in_a_new_process(tmp_path, monkeypatch):
    """`readinglist build` after a title edit: the memo, read from the cache file, holds
    the All papers rows as rendered, and only the edited paper's row is rendered again
    (each of 10,000 rows cost a new process 0.3 s in all); the page equals a clean
    build's, and so does the rest of the docs folder. A new renderer each time, as a new
    process has (its own cache of rows starts empty)."""
    import time

    from generator import paperdrafts

    monkeypatch.setattr(paperdrafts.time, "time_ns", lambda: time.time() * 1e9 + 60e9)
    rendered = _all_papers_rows_rendered(monkeypatch)
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    settings = build.Settings(content, tmp_path / "docs", source_date_epoch=0, cache_dir=tmp_path / "cache")
    first = build.generate(settings, Renderer(), build.Memo())
    assert len(rendered) == len(first.site.papers) == 5

    rendered.clear()
    _edit(content / "papers" / "task-vectors.yml", "title: Editing Models with Task Vectors", "title: Editing <Models>")
    rerun = build.generate(settings, Renderer(), build.Memo())
    assert "papers/index.md" in rerun.report.written
    assert rendered == ["Editing <Models>"]
    build.generate(build.Settings(content, tmp_path / "fresh", source_date_epoch=0), Renderer(), build.Memo())
    assert tree(tmp_path / "docs") == tree(tmp_path / "fresh")
    assert "Editing &lt;Models&gt;" in (tmp_path / "docs" / "papers" / "index.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("what", ["title", "year", "code badge", "summary", "topic title", "topic gained", "undated"])
def test_all_papers_rows_are_rendered_again_exactly_when_what_they_show_changed(tmp_path, monkeypatch, what):
    """Each edit changes what some rows of the All papers table show: those rows are
    rendered again, in this process and in a new one (the memo read from the cache
    file), and every other row is the last run's; the docs equal a clean build's. A
    topic's title is in the row of each paper of that topic, not its size (a paper
    given a topic changes its own row only); the Year column is in every row, there
    while any paper has a year."""
    import time

    from generator import paperdrafts

    monkeypatch.setattr(paperdrafts.time, "time_ns", lambda: time.time() * 1e9 + 60e9)
    for new_process in (False, True):
        run = tmp_path / f"new-process-{new_process}"
        content = run / "content"
        shutil.copytree(FIXTURE, content)
        papers, topics, tv = content / "papers", content / "topics.yml", content / "papers" / "task-vectors.yml"
        if what == "undated":  # (a list where one paper has a year, which the edit takes)
            for path in papers.glob("*.yml"):
                if path != tv:
                    path.write_text(re.sub(r"(?m)^year: .*\n", "", path.read_text(encoding="utf-8")), encoding="utf-8")
        path, old, new = {
            "title": (tv, "title: Editing Models with Task Vectors", "title: Editing Models"),
            "year": (tv, "year: 2023", "year: 2021"),
            "code badge": (tv, "https://github.com/example/task-vectors", "https://gitlab.com/example/task-vectors"),
            "summary": (tv, "summary: Where", "summary: Read it first. Where"),
            "topic title": (topics, "title: Task arithmetic\n", "title: Arithmetic of tasks\n"),
            "topic gained": (papers / "gradient-episodic-memory.yml", "status: classic", "status: classic\ntopics: [model-merging]"),
            "undated": (tv, "year: 2023\n", ""),
        }[what]
        rendered = _all_papers_rows_rendered(monkeypatch)
        settings = build.Settings(content, run / "docs", source_date_epoch=0, cache_dir=run / "cache")
        memo, renderer = build.Memo(), Renderer()
        build.generate(settings, renderer, memo)
        rendered.clear()
        _edit(path, old, new)
        if new_process:
            memo, renderer = build.Memo(), Renderer()
        rerun = build.generate(settings, renderer, memo)
        rows = list(rendered)
        fresh = build.generate(build.Settings(content, run / "fresh", source_date_epoch=0), Renderer(), build.Memo())
        assert tree(run / "docs") == tree(run / "fresh"), (what, new_process)
        if what == "topic title":
            changed = {p.title for p in fresh.site.papers if "task-arithmetic" in [a.topic for a in fresh.site.assignments[p.id]]}
            assert 0 < len(changed) < len(fresh.site.papers)
        elif what == "topic gained":
            changed = {p.title for p in fresh.site.papers if p.id == "gradient-episodic-memory"}
            assert "model-merging" in [a.topic for a in fresh.site.assignments["gradient-episodic-memory"]]
        elif what == "undated":
            changed = {p.title for p in fresh.site.papers}  # the Year column left every row
        else:
            changed = {p.title for p in rerun.site.papers if p.id == "task-vectors"}
        assert sorted(rows) == sorted(changed), (what, new_process)


def test_a_per_paper_fragment_is_made_again_when_its_related_papers_ids_change_not_their_scores():
    # build.Memo.per_paper keeps no ids beside the related rows: it reads them from the
    # rows it kept when the rows are not the very ones.
    from generator.models import Paper, RelatedPaper, Site

    paper = Paper("a", "A", "")
    made: list[str] = []

    def make(p: Paper, site: Site) -> str:
        made.append(p.id)
        return ",".join(r.paper for r in site.related.get(p.id, ()))

    memo = build.Memo()
    assert memo.per_paper("json", Site((paper,), (), {}, {"a": (RelatedPaper("b", 0.5),)}), make) == {"a": "b"}
    rescored = Site((paper,), (), {}, {"a": (RelatedPaper("b", 0.4),)})
    assert memo.per_paper("json", rescored, make) == {"a": "b"}
    assert made == ["a"]
    other = Site((paper,), (), {}, {"a": (RelatedPaper("c", 0.4), RelatedPaper("b", 0.3))})
    assert memo.per_paper("json", other, make) == {"a": "c,b"}
    assert made == ["a", "a"]


def test_the_cache_file_keys_the_pages_signatures_by_the_strings_of_their_stamps(tmp_path, monkeypatch):
    # Each plan spells a page's path anew: stored as they were, the signatures' keys were
    # 10,000 strings more in the cache file than the stamps' at 10,000 papers.
    from generator import cache

    content, settings = _cached_fixture(tmp_path, monkeypatch)
    memo = build.Memo()
    build.generate(settings, memo=memo)
    _edit(content / "papers" / "task-vectors.yml", "title: Editing Models with Task Vectors", "title: Task Vectors")
    build.generate(settings, memo=memo)  # (a second plan: its paths are new strings)
    kept = cache.read(tmp_path / "cache")
    assert isinstance(kept, build.Memo)
    assert kept.signatures.keys() == memo.signatures.keys() and len(kept.signatures) > 3
    stamps = {dest: dest for dest in kept.stamps}
    assert all(dest is stamps[dest] for dest in kept.signatures)
    assert kept.signatures == memo.signatures


def _files_and_modes(folder: Path) -> dict[str, tuple[bytes, int, int]]:
    """Every file under ``folder`` with its mode and modification time: a site put
    back as it was, not built again."""
    return {
        p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mode, p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.mark.slow
def test_a_failed_strict_build_leaves_the_last_site_as_it_was(tmp_path, process_state, monkeypatch, capsys):
    """MkDocs empties the site folder before it builds; a build that fails afterwards (a
    page's warning under strict, or the hook's own refusal of a link) left it empty or
    half built. The last site is put back, to the byte, with its dot-files."""
    from generator import handlinks
    from tests.test_partial_rebuild import _new_project

    project = _new_project(tmp_path)
    assert main(["--root", str(project), "build", "-q"]) == 0
    site = project / "site"
    (site / ".git").mkdir()  # (a gh-pages checkout: MkDocs keeps dot-files too)
    (site / ".git" / "HEAD").write_text("ref: refs/heads/gh-pages\n")
    before = _files_and_modes(site)
    assert "papers/task-vectors/index.html" in before
    about = project / "content" / "pages" / "about.md"
    about.write_text("# About\n\nSee [the abstract](papers/task-vectors.md#abstrct).\n")
    capsys.readouterr()
    # The hook's own refusal (a curator's error, in on_env, after MkDocs emptied the folder).
    assert main(["--root", str(project), "build", "-q", "--strict"]) == 1
    err = capsys.readouterr().err
    assert "content/pages/about.md:3:" in err
    assert f"readinglist: the last site built is kept in {site} as it was" in err
    assert _files_and_modes(site) == before
    # MkDocs' own anchor validation, a warning that fails the build only after on_post_build.
    checked = handlinks.missing_anchors
    monkeypatch.setattr(handlinks, "missing_anchors", lambda pages, root: Problems())
    assert main(["--root", str(project), "build", "-q", "--strict"]) == 1
    err = capsys.readouterr().err
    assert "contains a link 'papers/task-vectors.md#abstrct'" in err
    assert "Aborted with 1 warnings in strict mode" in err
    assert f"readinglist: the last site built is kept in {site} as it was" in err
    assert _files_and_modes(site) == before
    # Interrupted (Ctrl-C), for which MkDocs runs no build_error event.
    def interrupted(pages, root):
        raise KeyboardInterrupt

    monkeypatch.setattr(handlinks, "missing_anchors", interrupted)
    assert main(["--root", str(project), "build", "-q"]) == 130
    assert _files_and_modes(site) == before
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".site")) == [".site.readinglist.lock"]
    # Fixed, the build replaces the site and leaves nothing set aside.
    monkeypatch.setattr(handlinks, "missing_anchors", checked)
    about.write_text("# About\n\nSee [the abstract](papers/task-vectors.md#abstract).\n")
    assert main(["--root", str(project), "build", "-q", "--strict"]) == 0
    assert sorted(p.name for p in site.iterdir() if p.name.startswith(".")) == [".git"]
    assert (site / "about" / "index.html").is_file()


def test_a_failed_first_build_leaves_no_half_built_site(tmp_path, process_state, monkeypatch, capsys):
    from generator import handlinks
    from tests.test_partial_rebuild import _new_project

    project = _new_project(tmp_path)
    # (MkDocs' own anchor validation: it fails the build once every page is written)
    monkeypatch.setattr(handlinks, "missing_anchors", lambda pages, root: Problems())
    (project / "site").mkdir()
    (project / "content" / "pages" / "about.md").write_text("# About\n\n[x](papers/task-vectors.md#abstrct)\n")
    assert main(["--root", str(project), "build", "-q", "--strict"]) == 1
    assert os.listdir(project / "site") == []
    assert "last site built is kept" not in capsys.readouterr().err


def test_a_page_s_file_replaced_by_a_folder_stops_the_build_saying_what_to_do(tmp_path, process_state, capsys):
    from tests.test_partial_rebuild import _new_project

    project = _new_project(tmp_path)
    assert main(["--root", str(project), "build", "-q"]) == 0
    before = _files_and_modes(project / "site")
    page = project / "docs" / "papers" / "task-vectors.md"
    page.unlink()
    page.mkdir()
    (page / "draft.md").write_text("a curator's draft")
    capsys.readouterr()
    assert main(["--root", str(project), "build", "-q"]) == 1
    err = capsys.readouterr().err
    assert (
        "docs/papers/task-vectors.md: is a folder, where the generator writes a file of the"
        " site; docs/ is generated, and nothing the generator did not write is deleted: move"
        " the folder out of docs/ and run again"
    ) in err
    assert "IsADirectoryError" not in err and "Traceback" not in err
    assert (page / "draft.md").read_text() == "a curator's draft"
    assert _files_and_modes(project / "site") == before
    # Moved away, the build writes the page again.
    shutil.rmtree(page)
    assert main(["--root", str(project), "build", "-q"]) == 0
    assert page.is_file()


def test_a_dirty_build_that_succeeds_leaves_no_last_site_set_aside(tmp_path, process_state):
    """`mkdocs build --dirty` after a build killed before it ended (which left the last
    site set aside: served_site.set_aside) builds every page into the site folder; the
    site set aside then stood in it beside the new one, and went out with it (a
    dot-folder: GitHub Pages' artifact, an rsync, a web server reading site/)."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    from generator import served_site
    from tests.test_partial_rebuild import _new_project

    project = _new_project(tmp_path)
    assert main(["--root", str(project), "build", "-q"]) == 0
    site = project / "site"
    served_site.set_aside(site)  # (the killed build's, and its half)
    (site / "index.html").write_text("half")
    config = load_config(str(project / "mkdocs.yml"), strict=True)
    config.plugins.on_startup(command="build", dirty=True)
    try:
        mkdocs_build(config, dirty=True)
    finally:
        config.plugins.on_shutdown()
    assert sorted(p.name for p in site.iterdir() if p.name.startswith(".")) == []
    assert "half" not in (site / "index.html").read_text()
    assert (site / "papers" / "task-vectors" / "index.html").is_file()


def _whole_site(site: Path) -> dict[str, bytes] | None:
    """Every file of the site folder (its dot-files aside) as one reader finds it,
    read through the folder as opened at the start: a web server that resolves each
    path as it comes finds the same. None when the site folder was replaced while it
    was read (the reader then reads the new one); {} when there was none."""
    try:
        top = os.open(site, os.O_RDONLY | os.O_DIRECTORY)
    except FileNotFoundError:
        return {}
    found: dict[str, bytes] = {}
    try:
        for folder, folders, names, fd in os.fwalk(".", dir_fd=top):
            if folder == ".":
                folders[:] = [name for name in folders if not name.startswith(".")]
                names = [name for name in names if not name.startswith(".")]
            for name in names:
                with open(name, "rb", opener=lambda path, flags, fd=fd: os.open(path, flags, dir_fd=fd)) as file:
                    found[os.path.normpath(os.path.join(folder, name))] = file.read()
    except FileNotFoundError:
        found["(a file went while it was read)"] = b""
    finally:
        replaced = not os.path.isdir(site) or os.stat(site).st_ino != os.fstat(top).st_ino
        os.close(top)
    return None if replaced else found


@pytest.mark.slow
def test_a_reader_of_the_site_folder_finds_one_whole_site_all_through_a_build(tmp_path, process_state, monkeypatch):
    """MkDocs emptied the site folder and wrote the new site into it page by page: a web
    server reading `site/` served a missing page, or pages of two builds, for as long as
    a build took. Read again and again through a build that changes a title on many
    pages, the folder is the last build's or the new one's, file for file."""
    import threading

    from tests.test_partial_rebuild import _new_project

    project = _new_project(tmp_path)
    assert main(["--root", str(project), "build", "-q"]) == 0
    site = project / "site"
    (site / ".git").mkdir()  # (a gh-pages checkout)
    (site / ".git" / "HEAD").write_text("ref: refs/heads/gh-pages\n")
    old = _whole_site(site)
    paper = project / "content" / "papers" / "task-vectors.yml"
    paper.write_text(paper.read_text().replace("Editing Models with Task Vectors", "Editing Models by Arithmetic"))
    seen: list[dict[str, bytes]] = []
    done = threading.Event()

    def read_again_and_again() -> None:
        while not done.is_set():
            found = _whole_site(site)
            if found is not None:
                seen.append(found)
            done.wait(0.002)

    # Besides the reader in its thread, whose reads a loaded machine may leave few (CI
    # saw 8), the folder is read in the build itself after each page MkDocs writes:
    # reads of a half-written site a slow machine cannot skip.
    import mkdocs.utils

    write_file, amid = mkdocs.utils.write_file, []

    def write_and_read(*args, **kwargs):
        write_file(*args, **kwargs)
        found = _whole_site(site)
        amid.append(found)
        seen.append(found)

    monkeypatch.setattr(mkdocs.utils, "write_file", write_and_read)
    reader = threading.Thread(target=read_again_and_again)
    reader.start()
    try:
        assert main(["--root", str(project), "build", "-q"]) == 0
    finally:
        done.set()
        reader.join()
    new = _whole_site(site)
    assert old and new and old != new and "Editing Models by Arithmetic" in new["papers/task-vectors/index.html"].decode()
    assert len(amid) > 5 and all(found == old for found in amid)
    assert [index for index, found in enumerate(seen) if found not in (old, new)] == []
    # The last site until the new one, then never the last again ("last" < "new").
    builds = ["last" if found == old else "new" for found in seen]
    assert builds[0] == "last" and builds == sorted(builds)
    assert (site / ".git" / "HEAD").read_text() == "ref: refs/heads/gh-pages\n"
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".site")) == [".site.readinglist.lock"]


def test_mkdocs_names_the_site_folder_after_a_build_and_a_killed_builds_half_is_never_published(
    tmp_path, process_state, capsys
):
    """The build is made in a staging folder beside the site folder; MkDocs' config names
    the site folder again once it is over (`mkdocs gh-deploy` pushes what it names). A
    staging folder a killed build left goes, unpublished, whether the next build fails
    or succeeds."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    from generator import staged_site
    from tests.test_partial_rebuild import _new_project

    project = _new_project(tmp_path)
    site = project / "site"

    def build_site() -> str:
        config = load_config(str(project / "mkdocs.yml"), strict=True)
        config.plugins.on_startup(command="gh-deploy", dirty=False)
        try:
            mkdocs_build(config)
        finally:
            config.plugins.on_shutdown()
        return config.site_dir

    assert build_site() == str(site)
    before = _files_and_modes(site)
    assert "papers/task-vectors/index.html" in before
    half = staged_site.beside(site, staged_site.STAGING)
    half.mkdir()
    (half / "index.html").write_text("half")
    about = project / "content" / "pages" / "about.md"
    text = about.read_text()
    about.write_text("# About\n\nSee [the abstract](papers/task-vectors.md#abstrct).\n")
    with pytest.raises(Abort):
        build_site()
    assert f"readinglist: the last site built is kept in {site} as it was" in capsys.readouterr().err
    assert _files_and_modes(site) == before
    assert not half.exists()
    half.mkdir()
    (half / "index.html").write_text("half")
    about.write_text(text)
    assert build_site() == str(site)
    assert tree(site) == {path: text for path, (text, _, _) in before.items()}
    # (The site folder still held, with its record: gh-deploy pushes it next.)
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".site")) == [
        ".site.readinglist.holder", ".site.readinglist.lock"
    ]


def test_a_site_folder_no_rename_can_replace_gets_the_same_site_moved_in(tmp_path, process_state, monkeypatch, capsys):
    from generator import staged_site
    from tests.test_partial_rebuild import _new_project

    project = _new_project(tmp_path)
    assert main(["--root", str(project), "build", "-q"]) == 0
    site = project / "site"
    built = tree(site)
    (site / ".nojekyll").write_text("")
    (site / "index.html").write_text("the last build's")
    # (Another file system mounted there, or a folder of another user's in a sticky /tmp.)
    monkeypatch.setattr(staged_site, "publish", lambda site_dir, staging: False)
    assert main(["--root", str(project), "build", "-q"]) == 0
    assert f"readinglist: {site} could not be replaced by a rename" in capsys.readouterr().err
    assert tree(site) == {**built, ".nojekyll": b""}
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".site")) == [".site.readinglist.lock"]
