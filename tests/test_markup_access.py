"""markup_access.py: a heading's permalink is named by its heading, and a Markdown
table's header cells name their columns, in the HTML MkDocs makes of a page."""

from __future__ import annotations

import markdown

from generator.markup_access import MarkupAccessExtension


def _convert(text: str, **toc) -> str:
    md = markdown.Markdown(
        extensions=["toc", "tables", "attr_list", "footnotes", MarkupAccessExtension()],
        extension_configs={"toc": {"permalink": True, **toc}},
    )
    return md.convert(text)


def test_a_permalink_is_named_by_its_headings_text_as_read():
    out = _convert('## Tom &amp; *Jerry*: `<b>` & "co"[^1]\n\n[^1]: a note')
    # The text without its markup or the footnote's mark, escaped once as an attribute.
    assert (
        '<a aria-label="Link to this section: Tom &amp; Jerry: &lt;b&gt; &amp; &quot;co&quot;"'
        ' class="headerlink" href="#tom-jerry-b-co" title="Permanent link">&para;</a></h2>'
    ) in out


def test_a_plain_heading_and_an_escape_are_named_as_shown():
    out = _convert("# A plain   title\n\n## 2 \\* 3 {data-toc-label='Product'}")
    assert 'aria-label="Link to this section: A plain title"' in out
    # (The name is what the heading shows, not the table of contents' label.)
    assert 'aria-label="Link to this section: 2 * 3"' in out


def test_headings_without_permalinks_are_left_alone():
    md = markdown.Markdown(extensions=["toc", MarkupAccessExtension()])
    assert md.convert("## Plain") == '<h2 id="plain">Plain</h2>'
    md = markdown.Markdown(extensions=[MarkupAccessExtension()])
    assert md.convert("## Plain") == "<h2>Plain</h2>"


def test_a_markdown_tables_header_cells_get_their_scope_and_body_cells_none():
    out = _convert("| Field | Value |\n|---|:-:|\n| `a` | 1 |")
    assert '<th scope="col">Field</th>' in out
    assert '<th scope="col" style="text-align: center;">Value</th>' in out
    assert "<td><code>a</code></td>" in out and "scope" not in out.split("<tbody>")[1]


def test_html_written_as_is_keeps_its_own_scope():
    out = _convert('<table><thead><tr><th scope="row">x</th></tr></thead></table>')
    assert 'scope="row"' in out and 'scope="col"' not in out
