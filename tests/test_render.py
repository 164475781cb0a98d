"""Rendering: golden pages for the fixture list, and the template environment's rules."""

from __future__ import annotations

import html
import html.parser
import re
import traceback
from pathlib import Path

import jinja2
import pytest
from hypothesis import given
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data

from generator import build
from generator.pages import Page
from generator.render import Renderer, meta_string, summary

HERE = Path(__file__).parent
FIXTURE = HERE / "data" / "site_fixture" / "content"
GOLDENS = HERE / "goldens" / "site_fixture"
# The generated pages and papers.json; the other exports, the curation reference and
# the JSON Schemas (curation.py's and jsonschema.py's text, passed through) have their
# own tests.
GOLDEN_SUFFIXES = (".md", ".json")
NOT_GOLDEN = ("curation-reference.md", "schema/")


def generate_fixture(docs: Path) -> build.Result:
    settings = build.Settings(
        content_dir=FIXTURE, docs_dir=docs, site_name="Fixture", source_date_epoch=0
    )
    return build.generate(settings)


def golden_files(folder: Path) -> dict[str, str]:
    files = {}
    for path in sorted(folder.rglob("*")):
        dest = path.relative_to(folder).as_posix()
        if path.is_file() and path.suffix in GOLDEN_SUFFIXES and not dest.startswith(NOT_GOLDEN):
            files[dest] = path.read_text(encoding="utf-8")
    return files


def test_fixture_pages_match_the_goldens(tmp_path, update_goldens):
    generate_fixture(tmp_path / "docs")
    actual = golden_files(tmp_path / "docs")
    if update_goldens:
        for old in GOLDENS.rglob("*"):
            if old.is_file():
                old.unlink()
        for dest, text in actual.items():
            (GOLDENS / dest).parent.mkdir(parents=True, exist_ok=True)
            (GOLDENS / dest).write_text(text, encoding="utf-8")
    expected = golden_files(GOLDENS)
    assert sorted(actual) == sorted(expected)
    for dest in expected:
        assert actual[dest] == expected[dest], (
            f"{dest} differs from its golden (pytest --update-goldens)"
        )


def test_strict_undefined_names_the_template_and_line(tmp_path):
    (tmp_path / "broken.md.j2").write_text("line one\n{{ misspelled }}\n")
    with pytest.raises(jinja2.UndefinedError) as info:
        Renderer(tmp_path).render(Page("x.md", "x/", "broken.md", {}))
    assert "misspelled" in str(info.value)
    frames = traceback.extract_tb(info.value.__traceback__)
    assert any(f.filename.endswith("broken.md.j2") and f.lineno == 2 for f in frames)


def test_every_printed_string_is_escaped_even_without_a_filter(tmp_path):
    (tmp_path / "t.md.j2").write_text("{{ a }}|{{ b }}|{{ n }}")
    out = Renderer(tmp_path).render(Page("x.md", "x/", "t.md", {"a": "<b>&", "b": "```~", "n": 3}))
    assert out == "&lt;b&gt;&amp;|&#96;&#96;&#96;&#126;|3"


def test_values_that_are_not_strings_are_escaped_too_and_joins_escape_their_items(tmp_path):
    class Shown:  # a record printed by mistake: its text must not pass as markup
        def __str__(self) -> str:
            return '<img src=x onerror="alert(1)">'

    (tmp_path / "t.md.j2").write_text(
        "{{ obj }}|{{ flag }}|{{ none }}|{{ items | join(sep) }}|{{ items | map('text') | join(', ') }}"
    )
    context = {"obj": Shown(), "flag": True, "none": None, "items": ["<a>", "b&"], "sep": "<hr>"}
    out = Renderer(tmp_path).render(Page("x.md", "x/", "t.md", context))
    assert out == (
        "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;|True|None"
        "|&lt;a&gt;&lt;hr&gt;b&amp;|&lt;a&gt;, b&amp;"
    )


def test_join_text_prints_what_map_text_then_join_prints(tmp_path):
    # Each item escaped for one line (its breaks and runs of spaces one space), the
    # separator escaped too, and nothing escaped twice.
    (tmp_path / "t.md.j2").write_text(
        "{{ items | join_text(sep) }}|{{ items | map('text') | join(sep) }}|{{ [] | join_text(sep) }}"
    )
    context = {"items": ["<a>", " b&\n  c ", "`x`"], "sep": "; <hr>"}
    out = Renderer(tmp_path).render(Page("x.md", "x/", "t.md", context))
    joined = "&lt;a&gt;; &lt;hr&gt;b&amp; c; &lt;hr&gt;&#96;x&#96;"
    assert out == f"{joined}|{joined}|"


def test_a_macro_prints_its_html_once_escaped_where_it_is_called(tmp_path):
    (tmp_path / "_m.j2").write_text("{% macro link(t) %}<a>{{ t }}</a>{% endmacro %}")
    (tmp_path / "t.md.j2").write_text('{% from "_m.j2" import link %}{{ link(x) | safe }}')
    out = Renderer(tmp_path).render(Page("x.md", "x/", "t.md", {"x": "<i>"}))
    assert out == "<a>&lt;i&gt;</a>"


@given(st.text())
def test_meta_strings_reach_the_theme_html_escaped_and_otherwise_unchanged(value):
    # MkDocs parses front matter with this function; Material prints the title raw.
    _, meta = get_data(f"---\ntitle: {meta_string(value)}\n---\nbody\n")
    # Runs of white space fold to one space (as HTML shows them); a lone surrogate,
    # which no UTF-8 file can hold, becomes U+FFFD.
    expected = "".join(
        "\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in " ".join(value.split())
    )
    assert html.unescape(meta["title"]) == expected
    assert "<" not in meta["title"] and '"' not in meta["title"]


def test_icon_stylesheet_paints_every_icon_from_its_svg_file():
    import re
    from urllib.parse import unquote

    from generator.render import ICONS

    renderer = Renderer()
    css = renderer.icon_stylesheet()
    rules = dict(re.findall(r'\.rl-icon--([a-z]+) \{ --rl-icon: url\("data:image/svg\+xml,([^"]*)"\); \}', css))
    files = {p.stem: p for p in ICONS.glob("*.svg")}
    assert sorted(rules) == sorted(files) and len(rules) >= 10
    for name, path in files.items():
        # The data URI holds the file's SVG (white space folded), with nothing that
        # would end the CSS string or start a fragment.
        assert unquote(rules[name]) == " ".join(path.read_text(encoding="utf-8").split())
        assert '"' not in rules[name] and "#" not in rules[name]
    badge = renderer.icon("github")
    assert badge == '<span class="rl-badge__icon rl-icon--github" aria-hidden="true"></span>'
    with pytest.raises(KeyError):
        renderer.icon("gopher")


def test_generated_docs_hold_the_icon_stylesheet_mkdocs_yml_lists(tmp_path):
    from mkdocs.utils.yaml import yaml_load  # MkDocs' own reading: !ENV tags and all

    from generator.render import ICON_STYLESHEET

    generate_fixture(tmp_path / "docs")
    assert (tmp_path / "docs" / ICON_STYLESHEET).read_text(encoding="utf-8") == Renderer().icon_stylesheet()
    config = (Path(__file__).parents[1] / "mkdocs.yml").read_text(encoding="utf-8")
    assert ICON_STYLESHEET in yaml_load(config)["extra_css"]


def test_a_list_without_years_has_no_year_column_and_does_not_claim_newest_first(tmp_path):
    import shutil

    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    for path in (content / "papers").glob("*.yml"):
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        path.write_text("".join(l for l in lines if not l.startswith("year:")), encoding="utf-8")
    docs = tmp_path / "docs"
    build.generate(
        build.Settings(content_dir=content, docs_dir=docs, site_name="Fixture", source_date_epoch=0)
    )
    for page in [docs / "papers" / "index.md", *sorted((docs / "topics").glob("*/index.md"))]:
        text = page.read_text(encoding="utf-8")
        if "<table" in text:
            assert ">Year</th>" not in text and "ewest first" not in text, page
            assert "y title" in text, page
    # and with years, the column is there (the goldens hold the full pages)
    assert "<th scope=\"col\" class=\"rl-year-column\">Year</th>" in (GOLDENS / "papers" / "index.md").read_text(encoding="utf-8")


class _Tables(html.parser.HTMLParser):
    """Every <table> of a page: its attributes and those of its header cells."""

    def __init__(self):
        super().__init__()
        self.tables: list[tuple[dict, list[dict]]] = []

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append((dict(attrs), []))
        elif tag == "th" and self.tables:
            self.tables[-1][1].append(dict(attrs))


def test_every_generated_table_is_named_and_its_header_cells_say_they_head_columns(tmp_path):
    # A screen reader names a table when the reader enters it, and reads each cell with
    # its column's header: the topic and All papers tables had neither a name nor a
    # scope on their header cells (the accessibility review).
    generate_fixture(tmp_path / "docs")
    tables = {}
    for page in sorted((tmp_path / "docs").rglob("*.md")):
        parser = _Tables()
        parser.feed(page.read_text(encoding="utf-8"))
        if parser.tables:
            tables[page.relative_to(tmp_path / "docs").as_posix()] = parser.tables
    assert "papers/index.md" in tables and any(dest.startswith("topics/") for dest in tables)
    assert tables["papers/index.md"][0][0]["aria-label"] == "All papers"
    for dest, found in tables.items():
        if dest == "curation-reference.md":
            continue  # (Markdown tables, each under the heading that names it)
        for attrs, headers in found:
            assert attrs.get("aria-label", "").strip(), dest
            assert headers and all(h.get("scope") == "col" for h in headers), dest


class _Badges(html.parser.HTMLParser):
    """The text of every badge (a.rl-badge), whole and in its parts: each text and each
    span directly inside the link (<wbr> is no text; the span of a name's part after
    its last slash, render.breakable's, goes on in the name's part)."""

    def __init__(self):
        super().__init__()
        self.badges: list[tuple[str, list[str]]] = []
        self.names: list[str] = []  # each badge's accessible name (its aria-label)
        self.depth = 0  # 0: outside a badge; 1: in the link; 2 or more: in a span of it
        self.in_text = False  # the last part is a text of the link (a <wbr> goes on in it)
        self.tails = 0  # in a name's part after its last slash (no span inside it)

    def handle_starttag(self, tag, attrs):
        if tag == "span" and dict(attrs).get("class") == "rl-badge__tail":
            self.tails += 1
        elif tag == "a" and "rl-badge" in (dict(attrs).get("class") or "").split():
            self.depth = 1
            self.in_text = False
            self.badges.append(("", []))
            self.names.append(dict(attrs).get("aria-label") or "")
        elif self.depth and tag == "span":
            if self.depth == 1:
                self.badges[-1][1].append("")
            self.depth += 1
            self.in_text = False

    def handle_endtag(self, tag):
        if tag == "span" and self.tails:
            self.tails -= 1
        elif self.depth == 1 and tag == "a":
            self.depth = 0
        elif self.depth > 1 and tag == "span":
            self.depth -= 1
            self.in_text = False

    def handle_data(self, data):
        if self.depth:
            text, parts = self.badges[-1]
            if self.depth == 1 and self.in_text:
                parts[-1] += data
            elif self.depth == 1:
                parts.append(data)
                self.in_text = True
            else:
                parts[-1] += data
            self.badges[-1] = (text + data, parts)


def test_a_badges_words_are_apart_in_its_text(tmp_path):
    # The marks after a repository's name ("official", a star count, "archived", "not
    # found", a dataset's "dataset") are boxes of their own on the screen, but the text
    # ran them into the name: "THUDM/T1official", which axe reported as a visible label
    # that the accessible name does not hold, and a reader view or a copy shows.
    generate_fixture(tmp_path / "docs")
    badges = []
    for page in sorted((tmp_path / "docs").rglob("*.md")):
        parser = _Badges()
        parser.feed(page.read_text(encoding="utf-8"))
        badges += parser.badges
    marked = [parts for _, parts in badges if len([p for p in parts if p.strip()]) > 1]
    assert len(marked) >= 5  # (the fixture's official, starred, archived and gone repositories)
    for text, parts in badges:
        assert text.split() == [word for part in parts for word in part.split()], (text, parts)


def _words(text: str) -> list[str]:
    """A text's words as axe's label-in-name compares them: lower case, without
    punctuation ("x/y, 1.2k (PyTorch)" is "x y 1 2k pytorch")."""
    return re.sub(r"[^\w]+", " ", text.lower()).split()


def test_a_badges_note_is_shown_and_its_words_are_in_its_name_in_their_order(tmp_path):
    # A link's `note:` ("an unofficial port", "PyTorch") was in the badge's tooltip and
    # accessible name only: a reader on a phone, at the keyboard or on paper never saw
    # that the second repository was someone else's port. Shown in the badge, its words
    # come where the name says them: before what the badge does not show (the whole star
    # count and its day), or a speech user could not say what they see.
    # The tables' badge (All papers, a topic's table) shows it too: without it a port,
    # the first code link of a paper without official code, looked like the paper's own.
    generate_fixture(tmp_path / "docs")
    noted = {}
    docs = tmp_path / "docs"
    for page in sorted([*(docs / "papers").glob("*.md"), *(docs / "topics").glob("*/index.md")]):
        parser = _Badges()
        parser.feed(page.read_text(encoding="utf-8"))
        table = page.name == "index.md"  # (All papers and the topics' pages: tables)
        for (text, _), name in zip(parser.badges, parser.names, strict=True):
            shown, said = _words(text), _words(name)
            assert any(said[i:i + len(shown)] == shown for i in range(len(said))), (page.name, text, name)
            noted.setdefault((" ".join(text.split()), table), set()).add(name)
    # (The fixture's port, and its official, archived and starred repository.) A
    # table's badge shows "official" too, where the paper page's does: the same words,
    # the same name.
    assert noted["someone/replay-port an unofficial port", False] == {
        "Code on GitLab: someone/replay-port (an unofficial port)"}
    for table in (False, True):
        assert noted["example/gem 87 archived official in Lua", table] == {
            "Code on GitHub: example/gem, 87, archived, official (in Lua); read-only, 87 stars on 2026-11-20"}
    assert not [text for text, table in noted if table and text.startswith("example/gem") and "official" not in text]


def test_a_tables_code_badge_shows_official_as_the_paper_page_does(tmp_path):
    # (A reader's hunt: the tables' badge said "official" in its tooltip and to a screen
    # reader only; a sighted reader could not tell the authors' code from a port.) The
    # mark is the paper page's tag, inside what follows the name (rl-badge__more, kept
    # whole in columns), after "archived" and before the note; a badge of code not
    # marked official (the fixture's example/hostile) has none.
    generate_fixture(tmp_path / "docs")
    rows = (tmp_path / "docs" / "papers" / "index.md").read_text(encoding="utf-8")
    badges = {re.sub(r"<[^>]+>", "", inner).split()[0].replace("\u200b", ""): inner
              for _, _, inner in _TABLE_CODE.findall(rows)}
    gem = badges["example/gem"]
    assert '<span class="rl-badge__more">' in gem
    more = gem.split('<span class="rl-badge__more">', 1)[1]
    assert re.sub(r"<[^>]+>", "", more).split() == ["87", "archived", "official", "in", "Lua"]
    assert '<span class="rl-badge__mark">official</span>' in more
    official = {name for name, inner in badges.items() if '<span class="rl-badge__mark">official</span>' in inner}
    assert official == {"example/gem", "example/replay", "example/task-vectors"}
    assert "official" not in re.sub(r"<[^>]+>", "", badges["example/hostile"])


_TABLE_CODE = re.compile(r'<a class="rl-badge rl-badge--code rl-badge--compact" href="[^"]*"( data-stars="([0-9]+)")?'
                         r'[^>]*>(.*?)</a>')


def test_a_tables_code_badge_carries_its_whole_star_count_for_the_code_sort(tmp_path):
    # The Code sort (table-filter.js) read the badge's "1.2k": 1,201 and 1,249 stars tied.
    # The fixture's repositories.yml: example/replay 1234 (shown "1.2k"), example/gem 87,
    # example/hostile gone; example/task-vectors, which it does not name.
    generate_fixture(tmp_path / "docs")
    docs = tmp_path / "docs"
    seen = {}
    for page in [docs / "papers" / "index.md", *sorted((docs / "topics").glob("*/index.md"))]:
        for _, count, inner in _TABLE_CODE.findall(page.read_text(encoding="utf-8")):
            seen.setdefault(re.sub(r"<[^>]+>", "", inner).split()[0].replace("\u200b", ""), set()).add(count or None)
    assert seen["example/replay"] == {"1234"}
    assert seen["example/gem"] == {"87"}
    assert seen["example/hostile"] == {None}
    assert seen["example/task-vectors"] == {None}


def test_the_tables_note_of_its_order_names_its_table(tmp_path):
    # table-filter.js says a reader's sort in these words (.rl-order): the note and the
    # table it speaks of are on one page.
    generate_fixture(tmp_path / "docs")
    docs = tmp_path / "docs"
    all_papers = (docs / "papers" / "index.md").read_text(encoding="utf-8")
    assert '<span class="rl-order" data-table="rl-all-papers">newest first</span>' in all_papers
    assert '<table id="rl-all-papers"' in all_papers
    topics = sorted((docs / "topics").glob("*/index.md"))
    with_table = [p.read_text(encoding="utf-8") for p in topics if "<table" in p.read_text(encoding="utf-8")]
    assert with_table
    for text in with_table:
        assert '<p class="rl-table-note"><span class="rl-order" data-table="rl-topic-papers">Newest first.</span>' in text
        assert '<table id="rl-topic-papers"' in text


def test_table_rows_are_rendered_once_per_renderer_and_again_when_they_change(tmp_path):
    from dataclasses import replace

    from generator.pagecontext import PaperRef, RowSource, TableRow

    def sources(rows):  # (rendered without a memo's rows: by the row's value)
        return tuple(RowSource(f"p{n}", (row,), lambda row=row: row) for n, row in enumerate(rows))

    renderer = Renderer()
    rows = tuple(TableRow(PaperRef(f"../p{n}/", f"Paper {n}", 2020 + n, None)) for n in range(3))
    shape = {"with_code": 0, "dated": True, "said": ["title", "topic", "year"], "first": 3}
    page = Page("all_papers.md", "all/", "all_papers.md", {"rows": sources(rows), **shape})
    cached = renderer.env.globals["cached"]
    first = renderer.render(page)
    assert cached.cache_info().misses == 3
    assert renderer.render(page) == first and cached.cache_info().misses == 3

    edited = rows[:2] + (TableRow(replace(rows[2].paper, title="Paper <2>")),)
    text = renderer.render(Page(page.dest, page.url, page.template, {"rows": sources(edited), **shape}))
    assert cached.cache_info().misses == 4  # only the edited row
    assert "Paper &lt;2&gt;" in text and text.replace("Paper &lt;2&gt;", "Paper 2") == first


def test_compiled_templates_kept_in_a_folder_render_the_same_pages(tmp_path):
    plain = generate_fixture(tmp_path / "plain").plan
    page = next(o for o in plain.outputs if isinstance(o, Page) and o.template == "paper.md")
    first = Renderer(compiled=tmp_path / "compiled")
    text = first.render(page)
    assert any((tmp_path / "compiled").iterdir())  # the compiled template was kept
    for entry in (tmp_path / "compiled").iterdir():  # a damaged entry is compiled again
        entry.write_bytes(entry.read_bytes()[:40])
    for renderer in (Renderer(compiled=tmp_path / "compiled"), Renderer(compiled=tmp_path / "compiled")):
        assert renderer.render(page) == text == Renderer().render(page)


# How the pages write 2 January 2026 (render.py's day filter).
JAN_2 = '<time class="rl-day" datetime="2026-01-02">January 2, 2026</time>'


def test_a_day_reads_as_the_reading_log_writes_it_with_its_machine_form_in_time():
    # (a reader's walk: the home page's "added 2026-11-29" stood beside the reading log's
    # "December 7, 2026", written by read-marks.js as the browser's long date)
    from datetime import date

    from generator.render import day

    assert day(date(2026, 11, 29)) == '<time class="rl-day" datetime="2026-11-29">November 29, 2026</time>'
    assert day(date(2026, 1, 2)) == JAN_2
    # In the site's language, as the browser writes a read mark's day for the page's lang.
    assert day(date(2026, 12, 7), "de") == '<time class="rl-day" datetime="2026-12-07">7. Dezember 2026</time>'
    assert day(date(2026, 12, 7), "fr") == '<time class="rl-day" datetime="2026-12-07">7 décembre 2026</time>'


def test_recently_added_says_a_shared_date_once(tmp_path):
    import re
    import shutil

    # The golden home page shows each paper's own date (the fixture's dates differ).
    golden = (GOLDENS / "index.md").read_text(encoding="utf-8")
    added = re.findall(
        r'<span class="rl-added">added <time class="rl-day" datetime="(2026-11-\d\d)">November (\d+), 2026</time></span>',
        golden,
    )
    assert len(added) == 5 and all(iso[-2:].lstrip("0") == shown for iso, shown in added)
    assert "All added on" not in golden
    # A list imported in one go: one date for all, said once rather than on every line.
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    for path in (content / "papers").glob("*.yml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"(?m)^added: .*$", "added: 2026-01-02", text), encoding="utf-8")
    docs = tmp_path / "docs"
    build.generate(build.Settings(content_dir=content, docs_dir=docs, source_date_epoch=0))
    home = (docs / "index.md").read_text(encoding="utf-8")
    recent = home.split("## Recently added", 1)[1].split("##", 1)[0]
    assert f'<p class="rl-table-note">All added on {JAN_2}.</p>' in recent
    assert "rl-added" not in recent
    assert recent.count("<li>") == 5


@given(st.text(), st.integers(10, 200))
def test_a_summary_is_the_texts_start_within_the_limit(text, limit):
    words = " ".join(text.split())
    out = summary(text, limit)
    assert len(out) <= limit
    if len(words) <= limit:
        assert out == words
    else:
        assert out.endswith("\u2026") and words.startswith(out[:-1])
        # Cut between words: the next character of the text is not a letter of a word cut in two.
        rest = words[len(out) - 1 :]
        assert out[:-1] == "" or rest[:1] in (" ", ",", ";", ":") or " " not in words[: limit - 1]


def _summary_of_the_whole_text(value: str, limit: int) -> str:
    """summary as it was before it spaced only the start of a long text: every word of
    the text spaced, then cut (what it must still give)."""
    text = " ".join(value.split())
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    if text[limit - 1] != " " and " " in head:
        head = head.rsplit(" ", 1)[0]
    return head.rstrip(",;:") + "\u2026"


# Words and runs of spaces of any length (a text of runs of spaces is longer than the
# words it shows): short and long texts, for short and long limits.
_SPACED = st.lists(
    st.text(st.sampled_from("ab,;:é"), min_size=1, max_size=12)
    | st.text(st.sampled_from(" \t\n\u00a0\u3000"), min_size=1, max_size=60),
    max_size=120,
).map("".join)


@given(_SPACED | st.text(), st.integers(1, 200))
def test_a_summary_is_that_of_the_whole_text_spaced(text, limit):
    assert summary(text, limit) == _summary_of_the_whole_text(text, limit)


def test_more_papers_of_the_newest_date_than_listed_are_called_a_sample(tmp_path, monkeypatch):
    import re
    import shutil

    from generator import pagecontext

    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    for n, path in enumerate(sorted((content / "papers").glob("*.yml"))):
        text = path.read_text(encoding="utf-8")
        day = "2025-12-01" if n == 0 else "2026-01-02"  # one paper before the other four
        path.write_text(re.sub(r"(?m)^added: .*$", f"added: {day}", text), encoding="utf-8")
    monkeypatch.setattr(pagecontext, "RECENT_COUNT", 3)  # (the fixture has 5 papers)
    recent = _recently_added(content, tmp_path / "docs")
    assert (
        f'<p class="rl-table-note">4 papers were added on {JAN_2}; here are 3 of them'
        ' (<a href="papers/">all papers</a>).</p>'
    ) in recent
    assert recent.count("<li>") == 3


def test_a_list_added_all_on_one_day_lists_no_sample_as_recent(tmp_path, monkeypatch):
    # (review: "180 papers were added on 2026-11-29; here are 10 of them" listed the first
    # ten by id, which read as the curator's choice)
    import re
    import shutil

    from generator import pagecontext

    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    for path in (content / "papers").glob("*.yml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"(?m)^added: .*$", "added: 2026-01-02", text), encoding="utf-8")
    monkeypatch.setattr(pagecontext, "RECENT_COUNT", 3)
    recent = _recently_added(content, tmp_path / "docs")
    assert (
        f'<p class="rl-table-note">All 5 papers were added on {JAN_2}, when the list began:'
        ' see <a href="papers/">all papers</a>.'
    ) in recent
    assert "<li>" not in recent
    # As many as are listed, the few are the list: each is shown.
    monkeypatch.setattr(pagecontext, "RECENT_COUNT", 5)
    recent = _recently_added(content, tmp_path / "docs")
    assert f"All added on {JAN_2}." in recent and recent.count("<li>") == 5


@pytest.mark.parametrize("began", [True, False, None], ids=["first-day", "a-later-day", "one-undated"])
def test_papers_added_after_a_day_listed_in_part_are_listed_without_a_sample_of_it(tmp_path, monkeypatch, began):
    # (an audit: one paper added to the shipped list, added in one go on 2026-11-29, put
    # it on the home page above nine of those 180 papers, the first by id, all
    # "A ..." titles, which read as the curator's choice of recent papers)
    import re
    import shutil

    from generator import pagecontext

    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    # (None: the last paper has no `added` date, so whether the list began on that day
    # is not known; "All N papers were added on ..., when the list began" is not said
    # either then: it counts every paper of the list.)
    last = {True: "2026-01-02", False: "2025-12-01", None: ""}[began]
    days = ["2026-01-05", "2026-01-02", "2026-01-02", "2026-01-02", last]
    for day, path in zip(days, sorted((content / "papers").glob("*.yml")), strict=True):
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"(?m)^added: .*\n", f"added: {day}\n" if day else "", text), encoding="utf-8")
    monkeypatch.setattr(pagecontext, "RECENT_COUNT", 3)
    recent = _recently_added(content, tmp_path / "docs")
    # The newer paper alone, with its date; the day it would have cut into is said, whole.
    assert recent.count("<li>") == 1 and 'datetime="2026-01-05">January 5, 2026<' in recent
    assert f"added {JAN_2}" not in recent
    said = f"4 papers were added on {JAN_2}, when the list began" if began else f"3 papers were added on {JAN_2}"
    if began is None:
        assert "when the list began" not in recent
    assert f'<p class="rl-table-note">Earlier, {said}: see <a href="papers/">all papers</a>.</p>' in recent
    # Room for the whole day: every paper of it is listed, and no note.
    monkeypatch.setattr(pagecontext, "RECENT_COUNT", 5)
    recent = _recently_added(content, tmp_path / "docs")
    assert recent.count("<li>") == (4 if began is None else 5) and "Earlier" not in recent  # (an undated paper is not "added")


def _recently_added(content, docs) -> str:
    build.generate(build.Settings(content_dir=content, docs_dir=docs, source_date_epoch=0))
    recent = (docs / "index.md").read_text(encoding="utf-8").split("## Recently added", 1)[1]
    return recent.split("##", 1)[0]


def test_a_paper_without_authors_or_year_says_so_by_its_title_and_its_citation(tmp_path):
    import shutil

    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    path = content / "papers" / "task-vectors.yml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    kept, skipping = [], False
    for line in lines:  # drop authors (a block list), year and venue
        if line.startswith(("authors:", "year:", "venue:")):
            skipping = line.startswith("authors:") and line.strip() == "authors:"
            continue
        if skipping and line.startswith(("  -", "- ")):
            continue
        skipping = False
        kept.append(line)
    path.write_text("".join(kept), encoding="utf-8")
    docs = tmp_path / "docs"
    build.generate(build.Settings(content_dir=content, docs_dir=docs, source_date_epoch=0))
    page = (docs / "papers" / "task-vectors.md").read_text(encoding="utf-8")
    assert "Authors, venue and year are not recorded in this list." in page
    cite = page.split("## Cite", 1)[1]
    # Said once at the top; the note by the entry says what to do, not that again
    # (a reader's review: "(no authors, no year)" repeated the byline's note on 180 pages).
    assert "Add the authors and year before you cite this entry." in cite
    assert "not recorded" not in cite and "holds only what" not in cite
    assert "author =" not in cite and "year =" not in cite
    # A paper with both has neither note (the goldens hold the full page).
    golden = (GOLDENS / "papers" / "task-vectors.md").read_text(encoding="utf-8")
    assert "not recorded" not in golden and "before you cite this entry" not in golden


def test_a_paper_without_an_abstract_says_so_under_its_heading(tmp_path):
    # (The Abstract section was left out without a word: a reader could not tell a
    # paper without one from a page that failed, where missing authors are said.)
    import json
    import shutil

    from generator import search
    from generator.curation import load_content

    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    path = content / "papers" / "task-vectors.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.split("abstract: |", 1)[0], encoding="utf-8")
    docs = tmp_path / "docs"
    build.generate(build.Settings(content_dir=content, docs_dir=docs, source_date_epoch=0))
    page = (docs / "papers" / "task-vectors.md").read_text(encoding="utf-8")
    section = page.split("\n## Abstract\n", 1)[1].split("\n## ", 1)[0]
    assert '<p class="rl-abstract rl-abstract--missing">No abstract is recorded in this list.</p>' in section
    # The page's badges lead to the paper (its arXiv id here): nothing more is said.
    assert section.count("<p") == 1 and "arxiv.org/abs/2212.04089" in page
    # Its search entry is made from the paper, not the page: the sentence is not in it,
    # so "abstract" or "recorded" does not find every paper without one.
    paper = next(p for p in load_content(content)[0].papers if p.id == "task-vectors")
    assert paper.abstract == ""
    entry = json.dumps(search.paper_entry(paper, ())).lower()
    assert "recorded" not in entry and "abstract" not in entry
    # A paper with an abstract has no such line (the goldens hold the full page).
    golden = (GOLDENS / "papers" / "task-vectors.md").read_text(encoding="utf-8")
    assert "rl-abstract--missing" not in golden and "No abstract" not in golden


def test_no_code_linked_stands_beside_its_search_of_github(tmp_path):
    # (A reader's review: after the other badges, the line read "No code linked arXiv
    # 2212.04089 DOI ...", the words beside a badge they do not name, and on a phone
    # the search was lines below them.) The fixture's paper without code has a
    # dataset, slides and a video.
    generate_fixture(tmp_path / "docs")
    page = (tmp_path / "docs" / "papers" / "merging-by-arithmetic.md").read_text(encoding="utf-8")
    lines = page.split('<p class="rl-badges">\n', 1)[1].split("</p>", 1)[0].splitlines()
    kinds = [line.split('class="', 1)[1].split('"', 1)[0] for line in lines]
    assert kinds == [
        "rl-no-code", "rl-badge rl-badge--search", "rl-badge rl-badge--data",
        "rl-badge rl-badge--slides", "rl-badge rl-badge--video", "rl-badge rl-badge--search",
        "rl-badge rl-badge--search",
    ]
    # (It links no arXiv id, DOI, paper or PDF either: arXiv is searched, before Hugging Face.)
    assert "Search GitHub" in lines[1] and "Search arXiv" in lines[-2] and "Search Hugging Face" in lines[-1]


def test_a_paper_pages_list_of_its_topics_is_named(tmp_path):
    # (A reader's review: the list of the paper's topics, each with why it has it, was
    # an unnamed list to a screen reader, its only mark the stylesheet's silent "#".)
    generate_fixture(tmp_path / "docs")
    page = (tmp_path / "docs" / "papers" / "replay-against-forgetting.md").read_text(encoding="utf-8")
    lists = re.findall(r'<ul class="rl-topics"([^>]*)>', page)
    assert lists == [' aria-label="Topics"']


def test_a_rows_topics_are_apart_by_semicolons_as_a_title_may_hold_a_comma(tmp_path):
    # (A reader's review: the shipped list's All papers table read "Multi-task
    # learning, Transfer, task relations and meta-learning", two topics or four.)
    import shutil

    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    topics = content / "topics.yml"
    text = topics.read_text(encoding="utf-8")
    assert text.count("title: Continual learning\n") == 1
    topics.write_text(text.replace("title: Continual learning\n", "title: Continual, lifelong learning\n"),
                      encoding="utf-8")
    docs = tmp_path / "docs"
    build.generate(build.Settings(content_dir=content, docs_dir=docs, source_date_epoch=0))
    rows = [
        line for line in (docs / "papers" / "index.md").read_text(encoding="utf-8").splitlines()
        if line.startswith("<tr data-filter") or line.startswith("<tr><td>")
    ]
    cells = []
    for row in rows:
        cell = row.split("</td><td>")[-2]  # the topics, before the code
        cells.append(_text_of(cell))
    assert "Model merging <& task arithmetic>; Task arithmetic" in cells
    assert any(c.startswith("Continual, lifelong learning") for c in cells)
    assert not any(", " in c.replace("Continual, lifelong", "") for c in cells)


def _text_of(markup: str) -> str:
    class Text(html.parser.HTMLParser):
        said = ""

        def handle_data(self, data: str) -> None:
            self.said += data

    parser = Text()
    parser.feed(markup)
    return parser.said


def _glacier_page(tmp_path, more: str = "") -> str:
    """The page of a paper that shares no word with the fixture's papers, ``more`` added
    to its file."""
    import shutil

    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    (content / "papers" / "glacier-melt.yml").write_text(
        "id: glacier-melt\ntitle: Glacier melt in alpine valleys\n"
        "abstract: Ice retreat measured by drones over three summers.\n" + more,
        encoding="utf-8",
    )
    docs = tmp_path / "docs"
    build.generate(build.Settings(content_dir=content, docs_dir=docs, source_date_epoch=0))
    return (docs / "papers" / "glacier-melt.md").read_text(encoding="utf-8")


def test_a_paper_with_no_related_paper_says_so_where_they_would_be(tmp_path):
    page = _glacier_page(tmp_path)
    said = "No other paper of this list is close enough to this one"
    related = page.split("## Related papers", 1)[1]
    assert said in " ".join(related.split()) and 'class="rl-related"' not in related
    # A page that shows related papers has no such line (the goldens hold the full page).
    golden = (GOLDENS / "papers" / "task-vectors.md").read_text(encoding="utf-8")
    assert 'class="rl-related"' in golden and said not in " ".join(golden.split())
    # The heading is a line of its own: a template comment's "{#-" ate the blank line
    # after it, and the section's opening marker ended up inside the heading's HTML.
    assert "\n## Related papers\n\n<!-- readinglist:html -->\n" in page


def test_a_paper_whose_topic_has_papers_none_related_says_they_are_not_close_in_words(tmp_path):
    # (A reader's review: "No other paper ... is close enough ... in its words or its
    # topics" stood on pages whose topic holds 16 other papers. A paper of its topic is
    # shown only if it is among the papers closest to it in their words.)
    page = _glacier_page(tmp_path, "topics: [continual-learning]\n")
    related = page.split("## Related papers", 1)[1].split("\n## ", 1)[0]
    assert 'class="rl-related"' not in related
    said = " ".join(_text_of(related).split())
    assert "or its topics" not in said
    # Briefly (a reader's review: two long sentences on why none is shown): none is close
    # enough, no paper of its topic is among the closest, and where its topic's papers
    # are, with how many there are besides it: the fixture's three (its golden topic page
    # says "3 papers"). Not "the papers nearest to this one in wording are outside its
    # topic": this paper shares no word with any paper, so no paper is near it at all (a
    # list imported from BibTeX, without abstracts, has many such pages); what is said
    # holds either way, as a paper of its topics is shown whenever it is among them.
    assert said == (
        "None is close enough to show: no paper of its topic is among those nearest to"
        " this one in wording (title and abstract). See its topic: Continual learning"
        " (3 other papers).")
    assert 'href="../../topics/continual-learning/">Continual learning</a>' in related


def test_a_paper_of_two_topics_none_related_names_both_briefly(tmp_path):
    page = _glacier_page(tmp_path, "topics: [continual-learning, task-arithmetic]\n")
    related = page.split("## Related papers", 1)[1].split("\n## ", 1)[0]
    said = " ".join(_text_of(related).split())
    # (The fixture's golden topic pages say "3 papers" and "2 papers".)
    assert said == (
        "None is close enough to show: no paper of its topics is among those nearest to"
        " this one in wording (title and abstract). See its topics: Continual learning"
        " (3 other papers) and Task arithmetic (2 other papers).")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Training one model.\nThe papers here ask.", "Training one model."),
        # No end at an abbreviation followed by a small letter, nor inside a number.
        ("Methods, e.g. the adapters of v1.5. Then more.", "Methods, e.g. the adapters of v1.5."),
        ('Why? "Quoted" next.', "Why?"),
        ("No end at all", "No end at all"),
        # Not after an initial or a usual abbreviation before a capital.
        ("The U.S. National Lab builds it. Next.", "The U.S. National Lab builds it."),
        ("See Smith et al. The method (Fig. 2) works. Next.", "See Smith et al. The method (Fig. 2) works."),
        ("Approx. 5 papers do. Next.", "Approx. 5 papers do."),
        # Capitals of any script; a full stop inside a closing quote; scripts without spaces.
        ("Über alles. Ärger folgt.", "Über alles."),
        ("Known as “catastrophic forgetting.” Later work.", "Known as “catastrophic forgetting.”"),
        ("学习很难。然后更难。", "学习很难。"),
        # A long first sentence is cut at its last clause past half the limit, outside
        # any parenthesis...
        ("A family of continual-learning methods that keep a large pre-trained model frozen"
         " and learn only small prompts (a few learnable vectors fed to the model) for each"
         " task, so that nothing is forgotten.",
         "A family of continual-learning methods that keep a large pre-trained model frozen"
         " and learn only small prompts…"),
        ("Where reinforcement learning (RL) meets language models, in both directions:"
         " training language models with RL (from human feedback, RLHF, with reward models"
         " or verifiers) and using language models as policies.",
         "Where reinforcement learning (RL) meets language models, in both directions:"
         " training language models with RL…"),
        # ...else at a word, as a page's description is.
        ("word " * 50 + "end.", ("word " * 32).strip() + "…"),  # 159 characters and "…"
    ],
)
def test_a_topic_cards_line_is_the_descriptions_first_sentence(text, expected):
    from generator.render import first_sentence

    assert first_sentence(text) == expected


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("Training **one model** on [several](https://x.org) tasks.\n\nMore.", "Training one model on several tasks."),
        # A heading or a list is no sentence of the card: the first paragraph of its own.
        ("## What it is\n\nAdding & negating <task> vectors. Second.", "Adding & negating <task> vectors. Second."),
        ("- Replay methods\n- Regularisation\n\nThese are the families.", "These are the families."),
        ("> quoted\n\n| a |\n|---|\n| b |\n", ""),
        ("", ""),
    ],
)
def test_a_topic_card_reads_the_descriptions_first_paragraph(markdown, expected):
    from generator.escape import markdown_first_paragraph

    assert markdown_first_paragraph(markdown) == expected


def test_a_long_author_list_heads_with_ten_names_and_folds_all_of_them_below(tmp_path):
    import shutil

    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    names = [f"Name{i} <b>Surname{i}</b>" for i in range(1, 41)]
    path = content / "papers" / "task-vectors.yml"
    text = path.read_text(encoding="utf-8").replace(
        "authors: [Barbara Liskov, Edsger Dijkstra]", "authors: [" + ", ".join(f'"{n}"' for n in names) + "]"
    )
    path.write_text(text, encoding="utf-8")
    docs = tmp_path / "docs"
    build.generate(build.Settings(content_dir=content, docs_dir=docs, source_date_epoch=0))
    page = (docs / "papers" / "task-vectors.md").read_text(encoding="utf-8")
    escaped = [html.escape(n, quote=False) for n in names]
    byline = page.split('<span class="rl-authors">', 1)[1].split("</span>", 1)[0]
    assert byline == ", ".join(escaped[:10]) + " et al."
    folded = page.split('<details class="rl-all-authors">', 1)[1].split("</details>", 1)[0]
    assert folded == "<summary>All 40 authors</summary><p>" + ", ".join(escaped) + "</p>"
    # A list of twelve names or fewer has no fold; an incomplete one says it is.
    assert "rl-all-authors" not in (docs / "papers" / "gradient-episodic-memory.md").read_text(encoding="utf-8")
    path.write_text(text.replace('Surname40</b>"]', 'Surname40</b>", others]'), encoding="utf-8")
    build.generate(build.Settings(content_dir=content, docs_dir=docs, source_date_epoch=0))
    page = (docs / "papers" / "task-vectors.md").read_text(encoding="utf-8")
    assert "<summary>40 named authors, et al.</summary>" in page and ", ".join(escaped) + " et al.</p>" in page


def test_a_no_break_space_reaches_the_page(tmp_path):
    # The locator's "pp." stays with its pages; a curator's no-break space in a title
    # stays too (only HTML's own whitespace is one space).
    docs = tmp_path / "docs"
    generate_fixture(docs)
    page = (docs / "papers" / "gradient-episodic-memory.md").read_text(encoding="utf-8")
    assert "NIPS, <span class=\"rl-locator\">vol.\u00a030, pp.\u00a06467–6476</span>" in page
    from generator.escape import inline_text

    assert inline_text("Deep\u00a0Learning\n  for\tall") == "Deep\u00a0Learning for all"


@pytest.mark.parametrize(("whole", "first"), [(5, 2), (4, 2), (4, 1)])
def test_a_long_all_papers_table_ships_its_rest_in_a_body_of_its_own(tmp_path, monkeypatch, whole, first):
    # The fixture's five papers as a "long" list: above `whole` rows, the rows past the
    # first `first` go in a second body (hidden while scripts run); every row is still
    # there, once, in the same order as in one body.
    from generator import pagecontext

    golden = (GOLDENS / "papers" / "index.md").read_text(encoding="utf-8")
    golden_rows = golden[golden.index("<tbody>") + len("<tbody>"):golden.index("</tbody>")].strip().splitlines()
    assert len(golden_rows) == 5
    monkeypatch.setattr(pagecontext, "ALL_PAPERS_WHOLE", whole)
    monkeypatch.setattr(pagecontext, "ALL_PAPERS_FIRST", first)
    generate_fixture(tmp_path / "docs")
    text = (tmp_path / "docs" / "papers" / "index.md").read_text(encoding="utf-8")
    bodies = [chunk.split("</tbody>")[0].strip().splitlines() for chunk in text.split("<tbody")[1:]]
    if whole >= 5:
        assert text == golden  # a list no longer than `whole` is one body, as before
        return
    assert [b[0] for b in bodies] == [">", 'class="rl-rest">']
    assert [len(b) - 1 for b in bodies] == [first, 5 - first]
    assert bodies[0][1:] + bodies[1][1:] == golden_rows
    assert text.replace('</tbody>\n<tbody class="rl-rest">\n', "") == golden


def test_a_table_row_names_a_dblp_venue_without_its_days_and_place_and_the_page_whole(tmp_path):
    # A second review: a DBLP booktitle filled each table row with the conference's days
    # and city. The row names it briefly (models.brief_venue); the page and the filter
    # keep it as the curator's file has it.
    import shutil

    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    path = content / "papers" / "task-vectors.yml"
    venue = (
        "The Eleventh International Conference on Learning Representations, ICLR 2023,"
        " Kigali, Rwanda, May 1-5, 2023"
    )
    path.write_text(path.read_text(encoding="utf-8").replace("venue: ICLR\n", f"venue: {venue}\n"), encoding="utf-8")
    docs = tmp_path / "docs"
    build.generate(build.Settings(content_dir=content, docs_dir=docs, source_date_epoch=0))
    table = (docs / "papers" / "index.md").read_text(encoding="utf-8")
    row = next(line for line in table.splitlines() if 'href="task-vectors/"' in line)
    shown = row.split('<span class="rl-row-byline__venue" dir="auto">', 1)[1].split("</span></span>", 1)[0]
    assert shown == (
        '<span class="rl-visually-hidden">, </span>'
        "The Eleventh International Conference on Learning Representations, ICLR 2023"
    )
    assert f"Edsger Dijkstra; {venue}" in row  # (the filter finds "Kigali")
    page = (docs / "papers" / "task-vectors.md").read_text(encoding="utf-8")
    assert f'<span class="rl-venue">{venue}' in page


def test_a_badges_label_may_end_a_line_after_a_slash_or_an_underscore_only():
    from generator.render import breakable

    # (A repository's name in a table's Code column: "large_language_models_open_suite"
    # was one word as wide as the column it made, or broke anywhere.)
    # What follows the last slash is in a span kept whole where it fits (not
    # "AlibabaResearch/DAMO-" over "ConvAI": tests/browser/test_tables.py).
    assert str(breakable("imagination-research/large_language_models_open_suite")) == (
        'imagination-research/<wbr><span class="rl-badge__tail">'
        'large_<wbr>language_<wbr>models_<wbr>open_<wbr>suite</span>')
    assert str(breakable("example.org/a/b")) == 'example.org/<wbr>a/<wbr><span class="rl-badge__tail">b</span>'
    # Never after a dot: an arXiv id and a DOI's number stay whole.
    assert str(breakable("arXiv 2101.00010")) == "arXiv 2101.00010"
    assert str(breakable("DOI 10.5555/3295222.3295393")) == (
        'DOI 10.5555/<wbr><span class="rl-badge__tail">3295222.3295393</span>')
    # Escaped first, and nothing after a last slash.
    assert str(breakable("a_<b>/")) == "a_<wbr>&lt;b&gt;/"


def test_a_keywords_group_in_a_topics_reason_is_a_span_of_its_own_its_words_escaped(tmp_path):
    # (review: on a phone 'both "math" and' ended a line, "reasoning" below it: the
    # stylesheet keeps .rl-reason__group on one line where it fits.) The words around
    # the group keep their spaces; a keyword's words are text, never markup.
    from generator.models import Paper, Site, Topic, TopicAssignment
    from generator.siteplan import plan_site

    paper = Paper(id="p", title="Math <b>reasoning</b>", abstract="Math and reasoning, with tools.")
    assigned = {"p": (TopicAssignment("t", "rules", ("math + <b>reasoning</b>", "tools")),)}
    result = plan_site(Site((paper,), (Topic("t", "T"),), assigned, {}), bibtex={}, papers_json="[]\n")
    page = next(o for o in result.outputs if o.dest == "papers/p.md")
    out = Renderer().render(page)
    [reason] = re.findall(r'<span class="rl-reason">(.*?)</span></li>', out)
    assert reason == (
        'mentions <span class="rl-reason__group">both &#34;math&#34; and &#34;&lt;b&gt;reasoning&lt;/b&gt;&#34;'
        '</span>; &#34;tools&#34;')


def test_a_topics_table_marks_a_weak_match_and_says_what_it_is():
    from generator.models import Paper, Site, Topic, TopicAssignment
    from generator.render import Renderer
    from generator.siteplan import plan_site

    papers = (Paper(id="a", title="Strong <one>", abstract=""), Paper(id="b", title="Weak one", abstract=""))
    assigned = {"a": (TopicAssignment("t", "rules", ("x",)),), "b": (TopicAssignment("t", "fallback", ("x",), 1.0),)}
    result = plan_site(Site(papers, (Topic("t", "T"),), assigned, {}), bibtex={}, papers_json="[]\n")
    out = Renderer().render(next(o for o in result.outputs if o.dest == "topics/t/index.md"))
    rows = {re.search(r'">([^<]*)</a>', row).group(1): row for row in re.findall(r"<tr>.*?</tr>", out) if "<a " in row}
    assert '<span class="rl-weak-match">weak match</span>' in rows["Weak one"]
    assert "rl-weak-match" not in rows["Strong &lt;one&gt;"]
    note = out.split('<p class="rl-table-note">', 1)[1].split("</p>", 1)[0]
    assert _text_of(note) == (
        "By title. A weak match is here as its closest topic: it matches few of this topic's keywords.")
    # A table without one says nothing of them.
    assigned["b"] = (TopicAssignment("t", "rules", ("x",)),)
    result = plan_site(Site(papers, (Topic("t", "T"),), assigned, {}), bibtex={}, papers_json="[]\n")
    out = Renderer().render(next(o for o in result.outputs if o.dest == "topics/t/index.md"))
    assert "weak" not in out


# (fix19) A count as the page's language writes it, each written by hand from CLDR's
# rules (tests/browser/test_counts.py checks them against Chromium's Intl.NumberFormat).
COUNTS = [
    ("en", 10000, "10,000"),
    ("en", 999, "999"),
    ("de", 10000, "10.000"),
    ("de", 1000, "1.000"),
    ("fr", 10000, "10\u202f000"),  # (a narrow no-break space)
    ("ru", 10000, "10\xa0000"),
    ("hi", 100000, "1,00,000"),  # (lakhs: groups of two above the thousands)
    ("en-IN", 1234567, "12,34,567"),
    ("es", 1000, "1000"),  # (CLDR's minimumGroupingDigits 2: four digits ungrouped)
    ("es", 10000, "10.000"),
    ("pl", 1234, "1234"),
    ("pt-BR", 1000, "1.000"),
    ("fa", 10000, "\u06f1\u06f0\u066c\u06f0\u06f0\u06f0"),  # (Persian digits and separator)
    ("bn", 100000, "\u09e7,\u09e6\u09e6,\u09e6\u09e6\u09e6"),
    ("sh", 10000, "10.000"),  # (Material's Serbo-Croatian: CLDR's sr-Latn)
    ("zh-Hant", 10000, "10,000"),
    ("xx", 10000, "10,000"),  # (a language nobody knows: as English, as the browser falls back)
    ("de", 7, "7"),
    # (rev71) Swiss separators past a million: Babel's format_decimal read the two "'"
    # of 1'234'567 as a quote and wrote "1234567"; as Node's Intl.NumberFormat writes it.
    ("de-CH", 1234567, "1'234'567"),
    ("it-CH", 10000000, "10'000'000"),
    # (rev71) Chakma's digits, grouped by lakhs (Node: "𑄷𑄸,𑄹𑄺,𑄻𑄼𑄽"); they were Latin.
    ("ccp", 1234567, "\U00011137\U00011138,\U00011139\U0001113a,\U0001113b\U0001113c\U0001113d"),
]


@pytest.mark.parametrize("language, number, text", COUNTS)
def test_a_count_is_written_as_the_sites_language_writes_it(language, number, text):
    from generator.render import counted

    assert counted(number, language) == text


def test_every_default_numbering_system_babel_knows_is_written_in_its_own_digits():
    # (rev71) Babel names each locale's default numbering system but not its digits:
    # render._ZERO lacked Chakma's ("ccp") and Nyiakeng Puachue Hmong's ("hnj"), whose
    # counts came out in Latin digits where the browser writes their own.
    import unicodedata

    from babel import Locale, localedata

    from generator.render import _ZERO

    systems = {Locale.parse(code).default_numbering_system for code in localedata.locale_identifiers()}
    assert systems - {"latn"} <= _ZERO.keys()
    for system, zero in _ZERO.items():
        assert [unicodedata.decimal(chr(zero + i)) for i in range(10)] == list(range(10)), system



def test_a_compiled_template_others_may_write_is_not_loaded(tmp_path):
    # Jinja's entry is a pickle (its source's checksum) and code: loaded, it runs what
    # its writer put in it. Group-writable (a lab's folder, umask 002), any of the group
    # could have written it: compiled again instead (cache.trusted).
    import pickle

    from generator import render
    from tests.test_cache import _Runs

    folder = tmp_path / "compiled"
    source = {"page": "{{ 1 + 1 }}"}
    env = jinja2.Environment(loader=jinja2.DictLoader(source), bytecode_cache=render.bytecode_cache(folder))
    assert env.get_template("page").render() == "2"
    (entry,) = folder.iterdir()
    marker = tmp_path / "ran"
    entry.write_bytes(jinja2.bccache.bc_magic + pickle.dumps(_Runs(marker)))
    entry.chmod(0o664)
    again = jinja2.Environment(loader=jinja2.DictLoader(source), bytecode_cache=render.bytecode_cache(folder))
    assert again.get_template("page").render() == "2"
    assert not marker.exists()
    # (Compiled again, it was written again. This user's own, the test's pickle runs.)
    entry.write_bytes(jinja2.bccache.bc_magic + pickle.dumps(_Runs(marker)))
    entry.chmod(0o644)
    jinja2.Environment(loader=jinja2.DictLoader(source), bytecode_cache=render.bytecode_cache(folder)).get_template(
        "page"
    )
    assert marker.exists()


def _page_of(tmp_path, old: str, new: str) -> str:
    """The fixture's task-vectors page with ``old`` in its file written ``new``."""
    import shutil

    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    path = content / "papers" / "task-vectors.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    docs = tmp_path / "docs"
    build.generate(build.Settings(content_dir=content, docs_dir=docs, source_date_epoch=0))
    page = (docs / "papers" / "task-vectors.md").read_text(encoding="utf-8")
    return page.split('<p class="rl-byline">', 1)[1].split("</p>", 1)[0]


def test_a_chapters_editors_follow_the_book_it_is_in_escaped(tmp_path):
    # (bk2: a chapter's book's editors were shown nowhere.) "In *Book*, edited by A and B"
    byline = _page_of(
        tmp_path, "venue: ICLR\n",
        "venue: Tricks <b>&</b> Trade\nvenue_kind: book\npages: 163-189\n"
        "editors: ['Montavon, Grégoire', '<i>Orr</i>', Klaus-Robert Müller]\n",
    )
    assert byline == (
        '<span class="rl-authors">Barbara Liskov, Edsger Dijkstra</span>\u00a0· <span class="rl-venue">In'
        " <em>Tricks &lt;b&gt;&amp;&lt;/b&gt; Trade</em>, edited by Grégoire Montavon, &lt;i&gt;Orr&lt;/i&gt;"
        ' and Klaus-Robert Müller, <span class="rl-locator">pp.\u00a0163–189</span></span>\u00a0·'
        ' <span class="rl-year">2023</span>'
    )


def test_a_conference_papers_proceedings_editors_are_not_on_its_page_but_in_its_citation(tmp_path):
    # (bk3: a DBLP entry crossref'd to its @proceedings showed "In *ICLR*, edited by ..."
    # on a conference paper's page, which ACL's, IEEE's and ACM's styles never write.)
    for kind in ("conference", "journal"):
        byline = _page_of(
            tmp_path / kind, "venue: ICLR\n", f"venue: ICLR\nvenue_kind: {kind}\neditors: [Jane Smith, John Doe]\n"
        )
        assert byline == (
            '<span class="rl-authors">Barbara Liskov, Edsger Dijkstra</span>\u00a0·'
            ' <span class="rl-venue">ICLR</span>\u00a0· <span class="rl-year">2023</span>'
        ), kind
        bib = (tmp_path / kind / "docs" / "papers.bib").read_text(encoding="utf-8")
        assert "  editor = {Jane Smith and John Doe},\n" in bib, kind
    # Without authors, the proceedings' editors are not made its editors either.
    byline = _page_of(
        tmp_path / "none", "authors: [Barbara Liskov, Edsger Dijkstra]\nyear: 2023\nvenue: ICLR\n",
        "authors: []\nyear: 2023\nvenue: ICLR\nvenue_kind: conference\neditors: [Jane Smith]\n",
    )
    assert byline == '<span class="rl-venue">ICLR</span>\u00a0· <span class="rl-year">2023</span>'


def test_a_book_by_its_editors_alone_names_them_in_the_authors_place(tmp_path):
    byline = _page_of(
        tmp_path, "authors: [Barbara Liskov, Edsger Dijkstra]\nyear: 2023\nvenue: ICLR\n",
        "authors: []\neditors: [Jane Smith, John Doe, others]\nyear: 2023\npublisher: MIT Press\n",
    )
    assert byline == (
        '<span class="rl-editors">Edited by Jane Smith, John Doe et al.</span>\u00a0·'
        ' <span class="rl-venue">MIT Press</span>\u00a0· <span class="rl-year">2023</span>'
    )
    byline = _page_of(
        tmp_path / "2", "year: 2023\nvenue: ICLR\n", "editors: [Jane Smith]\nyear: 2023\npublisher: MIT Press\n",
    )
    assert byline.startswith(
        '<span class="rl-authors">Barbara Liskov, Edsger Dijkstra</span>\u00a0·'
        ' <span class="rl-editors">edited by Jane Smith</span>\u00a0· <span class="rl-venue">MIT Press</span>'
    )
