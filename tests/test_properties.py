"""Properties that hold across modules, for any input hypothesis can think of.

* For any text a curator may write, the page shows exactly that text: the generated
  Markdown goes through the same Markdown converter MkDocs uses (mkdocs.yml's
  extensions), and the visible text of the result holds the value as typed. Curator
  Markdown (notes) never yields a script, an event handler or a non-http(s) link.
* Slugs are stable (the same for the same title, NFC or NFD), unique, and safe: the
  curation schema accepts them as ids, so they are safe as file and URL names.
* The importer never loses a record (each one is a file, or is reported as merged, with
  any value it could not keep reported as a conflict) nor a curated field.
"""

from __future__ import annotations

import html
import json
import re
import tempfile
import unicodedata
from functools import lru_cache
from pathlib import Path

import markdown
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data

from generator import schema
from generator.curation import load_content
from generator.errors import Location, Problems
from generator.export_bibtex import bibtex_by_paper
from generator.export_json import papers_json
from generator.importer import import_records
from generator.ingest import Record
from generator.names import shown_name
from generator.models import Link, Paper, Site, Topic, TopicAssignment
from generator.pages import Page
from generator.siteplan import plan_site
from generator.render import Renderer
from generator.slugs import folded
from generator.slugs import MAX_LENGTH, slugify, unique_slug
from generator.matchkeys import PREPRINT
from generator.paperdrafts import joined_title
from generator.yamlio import parse, to_python

from .bad_inputs import corpus

REPO = Path(__file__).resolve().parent.parent
FORBIDDEN = re.compile(f"[{schema.FORBIDDEN_CHARS}]")
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces that mean something to HTML, Markdown, Jinja, MkDocs extensions, YAML or BibTeX.
FRAGMENTS = (
    "<script>alert(1)</script>", "</div>", "<!--", "-->", "<img src=x onerror=alert(1)>",
    '" onmouseover="x', "*", "**", "_", "`", "```", "~~~", "{{ config }}", "{% raw %}",
    "[x](javascript:alert(1))", "[y][1]\n\n[1]: data:text/html,x", "&amp;", "&#58;", "&",
    "|", "\n", "\n\n", "    ", "!!! note", "??? tip", "::: x", "--8<-- \"/etc/passwd\"",
    "<", ">", '"', "'", "\\", "#", "# ", "- ", "1. ", ":", "]]>", "$", "^", "~", "{", "}",
    "{: onclick=x }", "\u00e9", "e\u0301", "\u200b", "\u00a0", "\U0001F469\u200d\U0001F52C",
    "%", "@", "=", "+",
)  # fmt: skip
# Any character a curation file may hold (schema.FORBIDDEN_CHARS are refused by check).
_letters = st.text(
    st.characters(
        blacklist_categories=("Cs", "Cc", "Zl", "Zp"),
        blacklist_characters="\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff",
    ),
    max_size=12,
)


def _allowed(text: str) -> bool:
    return bool(text.strip()) and not FORBIDDEN.search(text)


curator_text = (
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), _letters), min_size=1, max_size=12)
    .map("".join)
    .filter(_allowed)
)


# --- For any text, the page shows exactly that text --------------------------------------


@lru_cache(maxsize=1)
def _mkdocs_markdown() -> markdown.Markdown:
    """A converter with the extensions mkdocs.yml gives MkDocs, as MkDocs configures it."""
    from mkdocs.config import load_config

    config = load_config(str(REPO / "mkdocs.yml"))
    return markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)


@lru_cache(maxsize=1)
def _renderer() -> Renderer:
    return Renderer()


def _pages(paper: Paper, topic: Topic | None = None) -> dict[str, tuple[dict, str]]:
    """dest -> (front matter, HTML) for every page of a one-paper site (in ``topic``)."""
    topics = () if topic is None else (topic,)
    assignments = {} if topic is None else {paper.id: (TopicAssignment(topic.id, "curator"),)}
    site = Site(papers=(paper,), topics=topics, assignments=assignments, related={})
    plan = plan_site(site, bibtex=bibtex_by_paper(site.papers), papers_json=papers_json(site))
    converter = _mkdocs_markdown()
    out = {}
    for output in plan.outputs:
        if isinstance(output, Page):
            body, meta = get_data(_renderer().render(output))
            converter.reset()
            out[output.dest] = (meta, converter.convert(body))
    return out


def _safe(page_html: str) -> list[str]:
    """Anything on a generated page that would run or load: it must be empty."""
    found = []
    for tag, attrs in corpus.start_tags(page_html):
        if tag in ("script", "iframe", "object", "embed", "style", "base", "form", "img"):
            found.append(tag)
        for name, value in attrs:
            if name.startswith("on"):
                found.append(f"{tag} {name}")
            if name in ("href", "src") and re.match(r"^\s*[A-Za-z][\w+.-]*:", value) and not value.startswith(("https://", "http://")):
                found.append(f"{tag} {name}={value}")
    return found


@SETTINGS
@given(text=curator_text, abstract=curator_text.filter(lambda t: "*" not in t and t.strip()))
def test_any_text_is_shown_exactly_as_typed_and_nothing_runs(text, abstract):
    paper = Paper(
        id="p", title=text, abstract=abstract, authors=(text, "Ada Lovelace"), venue=text,
        notes=text, tags=(text,),
    )  # fmt: skip
    pages = _pages(paper)
    meta, page = pages["papers/p.md"]
    shown = corpus.visible_text(f"<article>{page}</article>")
    # Material prints the front-matter title as the page's <h1> and <title>, unescaped.
    assert html.unescape(meta["title"]) == corpus.fold(text)
    # The byline: a name written surname first ("Lovelace, Ada") is shown first name
    # first (names.shown_name); any other as typed.
    assert f"{corpus.fold(shown_name(text))}, Ada Lovelace · {corpus.fold(text)}" in shown
    assert corpus.fold(abstract) in shown
    _, listing = pages["papers/index.md"]
    assert corpus.fold(text) in corpus.visible_text(f"<article>{listing}</article>")
    for dest, (_, rendered) in pages.items():
        assert _safe(rendered) == [], dest


@SETTINGS
@given(text=curator_text)
def test_every_other_text_field_and_a_topics_text_show_as_typed_and_nothing_runs(text):
    """The fields the test above leaves out: the summary, the publisher, the volume,
    issue and pages, a link's note; and a topic's title and description (Markdown, on
    its page, in the paper's list of topics and in the navigation)."""
    paper = Paper(
        id="p", title="T", abstract="A.", summary=text, publisher=text, volume=text, number=text,
        pages=text, links=(Link(url="https://github.com/a/b", kind="code", note=text),),
    )  # fmt: skip
    pages = _pages(paper, Topic(id="t", title=text, description=text))
    _, page = pages["papers/p.md"]
    shown = corpus.visible_text(f"<article>{page}</article>")
    assert corpus.fold(text) in shown  # (the summary, atop the page)
    notes = re.findall(r'<span class="rl-badge__note">(.*?)</span>', page, re.DOTALL)
    assert [corpus.fold(html.unescape(note)) for note in notes] == [corpus.fold(text)]
    _, listing = pages["papers/index.md"]
    assert corpus.fold(text) in corpus.visible_text(f"<article>{listing}</article>")
    meta, topic_page = pages["topics/t/index.md"]
    assert html.unescape(meta["title"]) == corpus.fold(text)
    for dest, (_, rendered) in pages.items():
        assert _safe(rendered) == [], dest


@SETTINGS
@given(notes=curator_text)
@example(notes="~~~`<script>alert(1)</script>")  # a tilde fence's info string, backticks in it
def test_any_notes_render_without_script_handler_or_foreign_link(notes):
    paper = Paper(id="p", title="T", abstract="A.", notes=notes)
    _, page = _pages(paper)["papers/p.md"]
    assert _safe(page) == []
    # Every word of the notes is still there: Markdown may only take away its own syntax
    # (character references, a fence's info string, link targets and reference
    # definitions). A backtick fence's info string ends at a backtick; a tilde fence's
    # runs to the end of its line, backticks included (CommonMark 4.5).
    shown = corpus.visible_text(f"<article>{page}</article>")
    prose = re.sub(r"&#?\w+;|`{3,}[^\n`]*|~{3,}[^\n]*|\]\([^)]*\)?", " ", notes)
    prose = re.sub(r"(?m)^ {0,3}\[[^\]]+\]:.*$", " ", prose)
    for word in re.findall(r"[A-Za-z0-9]{3,}", prose):
        assert word in shown, word


# --- Slugs -------------------------------------------------------------------------------

_ID = re.compile(schema.PATTERNS["id"])


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_slugs_are_stable_and_safe_ids(title):
    slug = slugify(title)
    assert slug == slugify(title)
    assert slug == slugify(unicodedata.normalize("NFD", title)) == slugify(unicodedata.normalize("NFC", title))
    assert slugify(slug) == slug
    # Safe: the schema's own id rule, so also a safe file and URL name.
    assert _ID.match(slug) and len(slug) <= MAX_LENGTH
    assert "/" not in slug and "." not in slug and slug not in ("", "-")


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(max_size=120), max_size=30))
def test_slugs_for_a_list_of_titles_are_unique_and_each_a_safe_id(titles):
    taken: list[str] = []
    for title in titles:
        slug = unique_slug(slugify(title), set(taken))
        assert slug not in taken
        assert _ID.match(slug) and len(slug) <= MAX_LENGTH
        taken.append(slug)


# --- The importer never loses a record or a curated field ---------------------------------

record_text = (
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), _letters), min_size=1, max_size=8)
    .map(lambda parts: " ".join("".join(parts).split()))
    .filter(_allowed)
)
_record = st.builds(
    lambda title, abstract, authors, venue, year: (title, abstract, tuple(authors), venue, year),
    record_text,
    record_text,
    st.lists(record_text, max_size=3),
    st.one_of(st.just(""), record_text),
    st.one_of(st.just(""), st.integers(1990, 2030).map(str)),
)


def _read_papers(papers: Path) -> dict[str, dict]:
    out = {}
    for path in sorted(papers.glob("*.yml")):
        problems = Problems()
        out[path.stem] = to_python(parse(path.read_text(encoding="utf-8"), str(path), problems))
        assert not problems, problems.format()
    return out


def _kept(paper: dict, name: str, value: object) -> bool:
    if name == "title" and isinstance(paper.get(name), str):
        # A title that only a hyphen, a space or capitals tell apart is the same title
        # (README: "Chain-of-Thought" and "Chain of thought"): the file's spelling stands.
        return joined_title(paper[name]) == joined_title(value)
    if name == "authors" and isinstance(value, tuple) and isinstance(paper.get(name), list):
        # Names typed another way ("Edward J. Hu", "Edward J Hu"; "Łukasz", "Lukasz") are
        # the same names: the file's spelling stands, without a conflict.
        return [folded(a) for a in paper[name]] == [folded(a) for a in value]
    return paper.get(name) == (list(value) if isinstance(value, tuple) else value)


@settings(max_examples=40, deadline=None)
@given(st.lists(_record, min_size=1, max_size=8))
# Two titles the importer keeps apart ("Y", "Y_") that `check` once took for one.
@example(rows=[("Y", "An abstract.", (), "", ""), ("Y_", "An abstract.", (), "", "")])
# One paper's two records whose last author differs only in punctuation ("<!--").
@example(rows=[("T", "A.", ("Ann <b>", "Bo"), "", ""), ("T", "A.", ("Ann <b>", "Bo<!--"), "", "")])
# Two titles only a trailing hyphen tells apart: one paper, the first's spelling.
@example(rows=[("<script>alert(1)</script>", "A.", (), "", ""), ("<script>alert(1)</script>-", "A.", (), "", "")])
# Two records of one paper repeating an abstract the first record's disagrees with: one
# conflict, said by the second record and naming the third in `also`.
@example(rows=[("0", "<script>alert(1)</script>", (), "", ""), ("0", "</div>", (), "", ""), ("0", "</div>", (), "", "")])
def test_the_importer_keeps_every_record(rows):
    records = [
        Record(title=t, abstract=a, authors=au, venue=v, year=y, source=Location("in.txt", 2 * n + 1, 1))
        for n, (t, a, au, v, y) in enumerate(rows)
    ]
    with tempfile.TemporaryDirectory() as folder:
        content = Path(folder) / "content"
        report = import_records(records, content)
        written = _read_papers(content / "papers")
        merged = {d.source: d.paper_id for d in report.duplicates}
        # A disagreement several records repeat is said once, naming the others in `also`
        # (conflicts.merged): each of them is reported.
        conflicts = {(source, c.field) for c in report.conflicts for source in (c.source, *c.also)}
        creators = [r for r in records if r.source not in merged]
        assert len(creators) == len(report.added) == len(written)
        home = dict(zip((r.source for r in creators), report.added))
        for record in records:
            paper = written[merged.get(record.source) or home[record.source]]
            for name in ("title", "abstract", "venue", "year", "authors"):
                value = getattr(record, name)
                if value:
                    assert _kept(paper, name, value) or (record.source, name) in conflicts, name
        # What the importer wrote is valid curation.
        _, problems = load_content(content, root=Path(folder))
        assert [str(p) for p in problems.errors] == []


def _yaml_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


@settings(max_examples=40, deadline=None)
@given(
    curated=st.fixed_dictionaries(
        {"title": record_text, "abstract": record_text},
        optional={"venue": record_text, "notes": record_text, "authors": st.lists(record_text, min_size=1, max_size=3),
                  "tags": st.lists(record_text, min_size=1, max_size=3), "year": st.integers(1990, 2030).map(str)},
    ),
    incoming=_record,
)  # fmt: skip
def test_the_importer_never_changes_a_curated_field(curated, incoming):
    lines = ["# A curator's comment that must survive.", "id: curated", 'arxiv: "2101.00010"']
    for name, value in curated.items():
        if isinstance(value, list):
            lines.append(f"{name}: [{', '.join(_yaml_string(v) for v in value)}]")
        else:
            lines.append(f"{name}: {_yaml_string(value)}  # kept")
    original = "\n".join(lines) + "\n"
    title, abstract, authors, venue, year = incoming
    record = Record(
        title=title, abstract=abstract, authors=authors, venue=venue, year=year, arxiv="2101.00010",
        source=Location("in.txt", 1, 1),
    )  # fmt: skip
    with tempfile.TemporaryDirectory() as folder:
        papers = Path(folder) / "content" / "papers"
        papers.mkdir(parents=True)
        (papers / "curated.yml").write_text(original, encoding="utf-8")
        before = _read_papers(papers)["curated"]
        report = import_records([record], papers.parent)
        after = _read_papers(papers)
        assert list(after) == ["curated"]  # matched by arXiv id: no new file
        paper = after["curated"]
        for name, value in before.items():
            assert paper[name] == value, name  # every curated value, exactly
        # A venue-less record with an arXiv id is the preprint of a paper with a published
        # venue: its year is the preprint's, not filled in (importmerge._versions).
        preprint = not record.venue and bool(before.get("venue")) and not PREPRINT.search(
            str(before.get("venue"))
        )
        for name in ("venue", "year", "authors"):
            value = getattr(record, name)
            if value and name not in before:
                if name == "year" and preprint:
                    assert "year" not in paper
                    continue
                assert _kept(paper, name, value), name  # what was missing is filled in
        text = (papers / "curated.yml").read_text(encoding="utf-8")
        assert text.startswith("# A curator's comment that must survive.\n")
        assert text.count("# kept") == sum(1 for v in curated.values() if not isinstance(v, list))
        if report.unchanged == ["curated"]:
            assert text == original  # nothing to add: the file is not even rewritten


@settings(max_examples=500, deadline=None)
@given(
    text=st.text(
        alphabet=st.sampled_from(list("aZ09 '\u2019-_.\n\u00e9\u212a\u0130\u00df\u2010\u00a0\u0085")),
        max_size=60,
    )
)
def test_topic_words_are_what_the_word_pattern_finds(text):
    # topics._words replaces a regular expression by translate and split for speed: the
    # words must be the same (with \u2019 written as '), whatever the text.
    from generator.topics import _WORD, _words

    expected = [w.replace("\u2019", "'") for w in _WORD.findall(text.lower())]
    assert _words(text) == expected
