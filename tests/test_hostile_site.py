"""A site built from the hostile corpus, scanned for anything its content put there.

Every literal case of tests/bad_inputs/ is one site (built once per session, with a
benign twin built from the same theme and one harmless paper: see corpus.built_sites).
The scan reads every HTML page of the hostile site and asks of each what only content
could have put there: a script the benign site does not have, an event-handler
attribute, a javascript:/data: URL, an evaluated template, a file from outside the
project. The exports (papers.json, the search index, BibTeX, CSV, Atom) must parse and
carry every hostile string exactly.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
import xml.etree.ElementTree as ET
import html.parser
from functools import lru_cache
from pathlib import Path

import bibtexparser
import pytest

from generator.curation import load_content
from generator.schema import FORBIDDEN_CHARS

from .bad_inputs import corpus
from .test_exports import _cells_a_spreadsheet_splits

ATOM = "{http://www.w3.org/2005/Atom}"
# Schemes a browser would run or read locally, after it strips white space and controls.
_BAD_SCHEME = re.compile(r"^(?:javascript|vbscript|data|file):", re.IGNORECASE)
_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "data", "srcset", "background"}
_EMBEDDING_TAGS = {"iframe", "object", "embed", "base", "frame", "frameset", "applet", "form"}
_RELATIVE_ROOT = re.compile(r'(?:\.\./)*\.\.(?=[/"])|(?<=")\.(?=[/"])')


@pytest.fixture(scope="session")
def sites():
    return corpus.built_sites()


@pytest.fixture(scope="session")
def hostile(sites):
    return sites.hostile / "site"


@pytest.fixture(scope="session")
def papers(sites):
    content, problems = load_content(sites.hostile / "content")
    assert not problems.has_errors(), problems.format()
    return {paper.id: paper for paper in content.papers}


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


class _Scripts(html.parser.HTMLParser):
    """Each script element as a fingerprint that does not depend on the page's depth."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.inside: str | None = None
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            attributes = " ".join(f"{k}={_RELATIVE_ROOT.sub('ROOT', v or '')}" for k, v in sorted(attrs))
            self.inside = attributes + "|"

    def handle_data(self, data):
        if self.inside is not None:
            self.inside += data

    def handle_endtag(self, tag):
        if tag == "script" and self.inside is not None:
            self.found.append(_RELATIVE_ROOT.sub("ROOT", self.inside))
            self.inside = None


def _scripts(page_html: str) -> list[str]:
    parser = _Scripts()
    parser.feed(page_html)
    parser.close()
    # The config script carries the page's own base path; the rest is the theme's, word
    # for word.
    return [re.sub(r'"base": "[^"]*"', '"base": ROOT', s) for s in parser.found]


def _read(page: Path) -> str:
    return page.read_text(encoding="utf-8")


@lru_cache(maxsize=2)
def _theme_scripts(site: Path) -> frozenset[str]:
    return frozenset(s for page in _pages(site) for s in _scripts(_read(page)))


@lru_cache(maxsize=2)
def _attributes(site: Path) -> frozenset[tuple[str, str, str]]:
    found = set()
    for page in _pages(site):
        for tag, attrs in corpus.start_tags(_read(page)):
            for name, value in attrs:
                found.add((tag, name, value))
    return frozenset(found)


def _injections(page_html: str, theme_scripts: frozenset[str], theme: frozenset[tuple[str, str, str]]) -> list[str]:
    """What on a page only content could have put there: a script the theme does not
    have, an event handler, a URL a browser would run or read locally, an embedding tag."""
    found = [f"script {s[:80]!r}" for s in _scripts(page_html) if s not in theme_scripts]
    theme_tags = {tag for tag, _, _ in theme}
    for tag, attrs in corpus.start_tags(page_html):
        if tag in _EMBEDDING_TAGS and tag not in theme_tags:
            found.append(f"<{tag}>")
        for name, value in attrs:
            if (tag, name, value) in theme:
                continue
            if name.startswith("on"):
                found.append(f"<{tag} {name}={value[:80]!r}>")
            if name in _URL_ATTRIBUTES or name == "style":
                bare = re.sub(r"[\x00-\x20\x7f]+", "", html.unescape(value)).lower()
                if _BAD_SCHEME.match(bare) or "javascript:" in bare:
                    found.append(f"<{tag} {name}={value[:80]!r}>")
    return found


def test_the_hostile_site_has_a_page_for_every_literal_case(hostile, papers):
    expected = sorted(pid for case in corpus.site_cases() for pid in corpus.paper_ids(case))
    assert sorted(papers) == expected
    for paper_id in expected:
        assert (hostile / "papers" / paper_id / "index.html").is_file()


def test_the_scan_finds_what_it_looks_for(sites):
    """The scan itself, on a benign page with one planted injection of each kind."""
    theme_scripts = _theme_scripts(sites.benign / "site")
    theme = _attributes(sites.benign / "site")
    assert len(theme_scripts) >= 4  # it sees Material's own scripts
    page = corpus.paper_page(sites.benign / "site", "a-benign-paper")
    assert _injections(page, theme_scripts, theme) == []
    planted = {
        "<script>alert(1)</script>": "script '|alert(1)'",
        '<img src=x onerror="alert(1)">': "<img onerror='alert(1)'>",
        '<a href=" jav&#x09;ascript:alert(1)">x</a>': "<a href=' jav\\tascript:alert(1)'>",
        '<a href="data:text/html,x">x</a>': "<a href='data:text/html,x'>",
        '<iframe src="https://evil.example/"></iframe>': "<iframe>",
    }
    for markup, finding in planted.items():
        assert _injections(page.replace("</article>", markup + "</article>", 1), theme_scripts, theme) == [finding]


def test_no_script_event_handler_script_url_or_frame_from_content(sites, hostile):
    theme_scripts = _theme_scripts(sites.benign / "site")
    theme = _attributes(sites.benign / "site")
    for page in _pages(hostile):
        assert _injections(_read(page), theme_scripts, theme) == [], page.relative_to(hostile)


def test_every_external_link_from_content_is_http(sites, hostile):
    theme = {value for _, name, value in _attributes(sites.benign / "site") if name == "href"}
    for page in _pages(hostile):
        for href in corpus.hrefs(page.read_text(encoding="utf-8")):
            if href in theme or not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:|^//", href):
                continue  # relative links are the generator's own
            assert href.startswith(("https://", "http://")), (page, href)


def test_no_template_was_evaluated_and_no_setting_leaked(sites, hostile):
    project = str(sites.hostile)
    for path in sorted(hostile.rglob("*")):
        if not path.is_file() or path.suffix in (".gz", ".png", ".ico", ".woff", ".woff2"):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        where = path.relative_to(hostile).as_posix()
        assert "config_file_path" not in text, where
        assert project not in text, where
        # What `{{ ''.__class__.__mro__ }}` or `{{ 7*7 }}` would have become.
        assert "class 'str'" not in html.unescape(text), where
    page = corpus.visible_text(corpus.paper_page(hostile, "build-jinja"))
    assert "{{ config }} and {{ config.site_name }}" in page
    assert "{{ 7*7 }}" in page and " 49 " not in page


def test_no_file_from_outside_the_project_was_included(hostile):
    passwd = Path("/etc/passwd").read_text(encoding="utf-8").splitlines()
    hostname = Path("/etc/hostname").read_text(encoding="utf-8").strip() if Path("/etc/hostname").exists() else ""
    for path in sorted(hostile.rglob("*")):
        if path.is_file() and path.suffix != ".gz":
            text = path.read_text(encoding="utf-8", errors="replace")
            for line in passwd[:3]:
                assert line not in text, path
            assert "site_name:" not in text, path  # mkdocs.yml itself
    page = corpus.visible_text(corpus.paper_page(hostile, "build-snippets"))
    if hostname:
        assert "--8<-- /etc/hostname --8<--" in page and f" {hostname} " not in page


def test_every_text_field_shows_literally_on_its_paper_page(hostile, papers):
    for paper in papers.values():
        shown = corpus.visible_text(corpus.paper_page(hostile, paper.id))
        for value in (paper.title, *paper.authors, paper.venue):
            assert corpus.fold(value) in shown, (paper.id, value)
        assert corpus.fold(paper.abstract) in shown, paper.id  # stars and all, as typed


def test_no_page_shows_a_character_no_field_may_hold(hostile):
    """Bidirectional controls and line separators are refused in every field; written as
    character references in notes (Markdown decodes them) they must not come back, on a
    page or in a search result (case unicode-bidi-reference-notes)."""
    forbidden = re.compile(f"[{FORBIDDEN_CHARS}]")
    for page in _pages(hostile):
        found = forbidden.search(html.unescape(_read(page)))
        assert found is None, (page.relative_to(hostile), found)
    for doc in _search_docs(hostile):
        for value in [doc.get("title", ""), doc.get("text", ""), *doc.get("tags", [])]:
            assert forbidden.search(html.unescape(value)) is None, doc["location"]
    page = corpus.visible_text(corpus.paper_page(hostile, "unicode-bidi-reference-notes"))
    assert "Open invoice&#x202E;gnp.exe" in page


def test_the_head_title_carries_the_paper_title_as_text(hostile, papers):
    for paper in papers.values():
        page = corpus.paper_page(hostile, paper.id)
        head = page.split("</head>", 1)[0]
        titles = re.findall(r"<title>(.*?)</title>", head, re.DOTALL)
        assert len(titles) == 1, paper.id
        assert html.unescape(titles[0]).startswith(corpus.fold(paper.title)), paper.id


def test_topic_title_and_description_are_text_in_the_navigation_and_on_the_topic_page(hostile):
    title = "Agents <script>alert('topic')</script> {{ config.site_name }}"
    page = (hostile / "topics" / "agents" / "index.html").read_text(encoding="utf-8")
    shown = corpus.visible_text(page)
    assert title in shown
    # CommonMark reads `javascript:alert('desc')` (balanced parentheses) as the target.
    assert "Topic text with <img src=x onerror=alert('desc')>, a link and {% raw %}{{ config }}{% endraw %}." in shown
    assert "</code></pre><script>alert('fence')</script>" in shown
    # The topics index page: with navigation.prune (mkdocs.yml) a page's navigation
    # lists the topics only inside the Topics section. The topic has a sub-topic: its
    # title is a section's (which Material prints raw), there and on the sub-topic's page.
    for page in ("topics/index.html", "topics/everything/index.html"):
        text = (hostile / page).read_text(encoding="utf-8")
        nav = re.search(r'<nav class="md-nav md-nav--primary".*?</nav>\s*</div>\s*</div>\s*</div>', text, re.DOTALL)
        assert nav is not None
        assert title in html.unescape(re.sub(r"<[^>]+>", " ", nav.group(0))), page


def test_a_topic_keyword_is_text_in_the_reason_a_paper_has_the_topic(hostile):
    # A keyword is quoted as the curator typed it in the reason beside the topic's link
    # (corpus.TOPICS_YML): the reason's own text, not the abstract it matched in.
    page = corpus.paper_page(hostile, "markup-abstract")
    reasons = [html.unescape(re.sub(r"<[^>]+>", "", found)) for found in re.findall(r'<span class="rl-reason">(.*?)</li>', page)]
    assert any("""mentions "<svg onload=alert('abstract')>""" in reason for reason in reasons), reasons


# --- Exports --------------------------------------------------------------------------------


def test_papers_json_holds_every_value_exactly(hostile, papers):
    records = {r["id"]: r for r in json.loads((hostile / "papers.json").read_text(encoding="utf-8"))}
    assert sorted(records) == sorted(papers)
    for paper in papers.values():
        record = records[paper.id]
        assert record["title"] == paper.title
        assert record["authors"] == list(paper.authors)
        assert record["venue"] == paper.venue
        for name in ("volume", "number", "pages", "publisher"):
            assert record[name] == getattr(paper, name), (paper.id, name)
        assert record["abstract"] == paper.abstract
        assert record["notes"] == paper.notes


def _search_docs(hostile: Path) -> list[dict]:
    index = json.loads((hostile / "search" / "search_index.json").read_text(encoding="utf-8"))
    return index["docs"]


def test_search_index_escapes_every_paper_and_holds_no_markup_from_content(hostile, papers):
    docs = _search_docs(hostile)
    by_location = {d["location"]: d for d in docs}
    for paper in papers.values():
        entry = by_location[f"papers/{paper.id}/"]
        assert html.unescape(entry["title"]) == corpus.fold(paper.title)
        if "*" not in paper.abstract:  # emphasis aside, the abstract is there as typed
            assert corpus.fold(paper.abstract) in corpus.fold(html.unescape(re.sub(r"</?p>", " ", entry["text"])))
    for doc in docs:
        for value in [doc.get("title", ""), doc.get("text", ""), *doc.get("tags", [])]:
            for tag, attrs in corpus.start_tags(value):
                assert tag not in ("script", "img", "svg", "iframe", "style", "title", "object"), (doc["location"], tag)
                assert not any(name.startswith("on") for name, _ in attrs), (doc["location"], attrs)


def test_bibtex_parses_and_every_title_reads_back(hostile, papers):
    library = bibtexparser.parse_string((hostile / "papers.bib").read_text(encoding="utf-8"))
    assert library.failed_blocks == []
    entries = {entry.key: entry for entry in library.entries}
    assert sorted(entries) == sorted(papers)
    for paper in papers.values():
        raw = entries[paper.id].fields_dict["title"].value
        assert _unlatex(raw) == "{" + corpus.fold(paper.title) + "}", paper.id
        # Volume, issue and publisher read back as typed (pages with BibTeX's "--").
        for name in ("volume", "number", "publisher"):
            if getattr(paper, name).strip() and not (name == "number" and entries[paper.id].entry_type == "techreport"):
                raw = entries[paper.id].fields_dict[name].value
                assert _unlatex(raw) == corpus.fold(getattr(paper, name)), (paper.id, name)


# BibTeX's escapes for LaTeX's special characters, as LaTeX defines them.
_LATEX_TEXT = {
    r"{\textless}": "<", r"{\textgreater}": ">", r"{\textbraceleft}": "{", r"{\textbraceright}": "}",
    r"{\textasciitilde}": "~", r"{\textasciicircum}": "^", r"{\textbackslash}": "\\", r"{\textbar}": "|",
    r"\&": "&", r"\%": "%", r"\$": "$", r"\#": "#", r"\_": "_",
}  # fmt: skip
_LATEX_TOKEN = re.compile("|".join(re.escape(k) for k in sorted(_LATEX_TEXT, key=len, reverse=True)) + r"|\\|[{}]")


def _unlatex(value: str) -> str:
    """Decode a BibTeX field body; a bare backslash or an unpaired brace inside would be
    markup the field should not hold, so it is kept visible as ``\\`` / ``{`` / ``}``."""
    return _LATEX_TOKEN.sub(lambda m: _LATEX_TEXT.get(m.group(0), m.group(0)), value)


def test_csv_parses_and_guards_cells_a_spreadsheet_would_run(hostile, papers):
    rows = list(csv.DictReader(io.StringIO((hostile / "papers.csv").read_text(encoding="utf-8-sig"))))
    by_id = {row["id"]: row for row in rows}
    assert sorted(by_id) == sorted(papers)
    for paper in papers.values():
        title = by_id[paper.id]["title"]
        if paper.title[0] in "=+-@":
            assert title == "'" + paper.title
        else:
            assert title == paper.title
    row = by_id["csv-formula"]
    assert row["title"] == "'=HYPERLINK(\"https://evil.example/\",\"Click\")"
    assert row["venue"] == "'=1+1"
    # Guarded too where a spreadsheet whose list separator is ";" (or a tab) begins a cell.
    assert row["publisher"] == "Acme;'=cmd|' /C calc'!A0"
    assert row["summary"] == "Read it.\n'@SUM(1+1)"
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@")), value
    text = (hostile / "papers.csv").read_text(encoding="utf-8")
    for delimiter in ";\t":
        for cell in _cells_a_spreadsheet_splits(text, delimiter):
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (delimiter, cell)


def test_atom_feeds_parse_and_carry_titles_and_abstracts_as_text(hostile, papers):
    feeds = [hostile / "feed.xml", *sorted((hostile / "topics").glob("*.xml"))]
    dated = {p.id for p in papers.values() if p.added is not None}
    assert len(dated) >= 5
    seen = set()
    for feed in feeds:
        root = ET.fromstring(feed.read_bytes())
        for entry in root.iter(f"{ATOM}entry"):
            link = entry.find(f"{ATOM}link").get("href")
            paper = papers[link.rstrip("/").rsplit("/", 1)[-1]]
            seen.add(paper.id)
            assert entry.find(f"{ATOM}title").text == paper.title
            summary = entry.find(f"{ATOM}summary")
            assert summary.get("type") == "text" and summary.text == paper.abstract
            assert [a.findtext(f"{ATOM}name") for a in entry.iter(f"{ATOM}author")] == list(paper.authors)
    assert seen == dated
