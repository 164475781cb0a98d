"""raw_html.py: the generated pages' marked HTML blocks are stashed unparsed, and the
pages come out of Python-Markdown as they would without the marks."""

from __future__ import annotations

import html
import re

import markdown
import pytest
from hypothesis import given
from hypothesis import strategies as st
from mkdocs.config import load_config
from mkdocs.structure.pages import _RawHTMLPreprocessor  # MkDocs' anchor scan of raw HTML
from mkdocs.utils.meta import get_data

from generator.raw_html import BEGIN, END, RawHtmlExtension
from tests.test_build import REPO
from tests.test_render import generate_fixture

_MARK = re.compile(rf"^(?:{re.escape(BEGIN)}|{re.escape(END)})\n", re.MULTILINE)


@pytest.fixture(scope="module")
def site_markdown():
    """The site's own Markdown extensions (mkdocs.yml), with and without raw_html."""
    config = load_config(str(REPO / "mkdocs.yml"))
    extensions = [e for e in config.markdown_extensions if not isinstance(e, RawHtmlExtension)]

    def convert(text: str, marked: bool) -> tuple[str, markdown.Markdown]:
        md = markdown.Markdown(
            extensions=[*extensions, RawHtmlExtension()] if marked else extensions,
            extension_configs=config.mdx_configs,
        )
        return md.convert(text), md

    return convert


def test_every_generated_page_converts_as_it_would_without_the_marks(tmp_path, site_markdown):
    generate_fixture(tmp_path / "docs")
    pages = sorted((tmp_path / "docs").rglob("*.md"))
    stashed_pages = 0
    for page in pages:
        text, _meta = get_data(page.read_text(encoding="utf-8"))
        if BEGIN not in text:
            continue
        plain = _MARK.sub("", text)
        assert BEGIN not in plain and END not in plain, page  # each mark is a line of its own
        expected, _ = site_markdown(plain, marked=False)
        actual, md = site_markdown(text, marked=True)
        assert actual == expected, page
        assert BEGIN not in actual
        stashed_pages += md.htmlStash.html_counter > 0
    # Paper, topic, home and all-papers pages are marked (hand-written pages are not).
    assert stashed_pages >= 10


# HTML blocks like the templates', with text that means something to Markdown, escaped
# as the templates escape every text, and Markdown between them.
_TEXT = st.lists(
    st.sampled_from(list("ab *_`#[]()!|-:&;<>\"'\t") + ["&amp;", "&#;", "\n", "  ", "\u00e9"]),
    max_size=30,
).map(lambda parts: html.escape("".join(parts), quote=False))
_INLINE = st.one_of(
    _TEXT,
    _TEXT.map(lambda s: f'<a href="../x/">{s}</a>'),
    _TEXT.map(lambda s: f'<span class="rl-y">{s}</span>'),
)
_LINES = st.lists(_INLINE, min_size=1, max_size=3).map("".join)
_BLOCK = st.one_of(
    st.lists(_LINES, max_size=4).map(lambda items: "<ul class=\"rl-x\">\n" + "".join(f"<li>{i}</li>\n" for i in items) + "</ul>"),
    _LINES.map(lambda s: f'<p class="rl-counts">{s}</p>'),
    st.lists(_LINES, max_size=3).map(
        lambda rows: "<div class=\"rl-d\">\n<table>\n<tbody>\n"
        + "".join(f"<tr><td>{r}</td></tr>\n" for r in rows)
        + "</tbody>\n</table>\n</div>"
    ),
    _TEXT.map(lambda s: f'<div class="highlight" data-search-exclude><pre><code>{s}</code></pre></div>'),
)
_SEGMENT = st.one_of(
    _BLOCK.map(lambda b: f"{BEGIN}\n{b}\n{END}\n"),
    st.sampled_from(["## Abstract\n", "## Related papers { data-search-exclude }\n", "Some *text*.\n", "\n"]),
)


@given(st.lists(_SEGMENT, max_size=6).map("\n".join))
def test_marked_blocks_convert_as_html_block_would(site_markdown, text):
    expected, _ = site_markdown(_MARK.sub("", text), marked=False)
    actual, _ = site_markdown(text, marked=True)
    assert actual == expected


def _anchors(text: str) -> set[str]:
    md = markdown.Markdown(extensions=[RawHtmlExtension()])
    scan = _RawHTMLPreprocessor()
    scan._register(md)
    md.convert(text)
    return scan.present_anchor_ids


def test_a_block_with_an_anchor_is_left_for_mkdocs_to_find_the_anchor():
    assert _anchors(f'{BEGIN}\n<div id="cite">x</div>\n{END}\n') == {"cite"}
    assert _anchors(f'{BEGIN}\n<p><a name="old">x</a></p>\n{END}\n') == {"old"}
    # Without one, the block is stashed before MkDocs' scan sees it.
    assert _anchors(f'{BEGIN}\n<div class="identity">id= in text</div>\n{END}\n') == set()


def test_a_begin_without_its_end_leaves_the_text_as_it_is():
    md = markdown.Markdown(extensions=[RawHtmlExtension()])
    html = md.convert(f"{BEGIN}\n<p>kept</p>\n\n## Heading\n")
    assert "<p>kept</p>" in html and "<h2>Heading</h2>" in html
    assert md.htmlStash.html_counter == 2  # the comment and the paragraph, by html_block


def test_a_mark_left_open_before_a_generated_block_is_no_mark():
    # (a hand-written intro ending with an opening mark, then the home page's own block)
    text = f'Intro *text*.\n\n{BEGIN}\n\n{BEGIN}\n<p class="x">counts</p>\n{END}\n'
    unmarked = f'Intro *text*.\n\n{BEGIN}\n\n<p class="x">counts</p>\n'
    assert markdown.markdown(text, extensions=[RawHtmlExtension()]) == markdown.markdown(unmarked)


def test_templates_pair_their_marks():
    for template in sorted((REPO / "generator" / "templates").glob("*.j2")):
        lines = template.read_text(encoding="utf-8").splitlines()
        marks = [line for line in lines if "readinglist:html" in line]
        assert all(mark in (BEGIN, END) for mark in marks), template
        assert marks == [BEGIN, END] * (len(marks) // 2), template
