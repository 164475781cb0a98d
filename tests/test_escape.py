"""Curator text renders literally and safely (generator/escape.py)."""

from __future__ import annotations

import html
import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import markdown
import pytest
from hypothesis import given
from hypothesis import strategies as st
from mkdocs.utils.yaml import yaml_load

from generator import escape

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "*stars* and **strong**",
    "P(y|x) | a | b |",
    "[x](javascript:alert(1))",
    "{{ config }} {% raw %}",
    '--8<-- "/etc/passwd"',
    "!!! note\n    admonition",
    "```\ncode fence\n```",
    '" onmouseover="alert(1)',
    "</title><script>alert(1)</script>",
    "<!-- unclosed",
    "A & B, p<0.05, n<m and k>0",
    "before\n```\nnot a fence\n```\nafter",
    "~~~python\nprint(1)\n~~~",
    "    indented four spaces",
]


def site_markdown() -> markdown.Markdown:
    """Python-Markdown with the extensions the site's mkdocs.yml enables."""
    # MkDocs' own reading of mkdocs.yml, which holds its tags (site_url: !ENV ...)
    config = yaml_load((Path(__file__).parents[1] / "mkdocs.yml").read_text())
    names, options = [], {}
    for item in config["markdown_extensions"]:
        name, settings = next(iter(item.items())) if isinstance(item, dict) else (item, None)
        names.append(name)
        if settings:
            options[name] = settings
    return markdown.Markdown(extensions=names, extension_configs=options)


class _Visible(HTMLParser):
    """The text a browser shows, and the tags it would create."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes.extend(attrs)

    def handle_data(self, data):
        self.text.append(data)


def visible(fragment: str) -> _Visible:
    parser = _Visible()
    parser.feed(fragment)
    parser.close()
    return parser


@pytest.mark.parametrize("value", HOSTILE)
def test_text_is_shown_exactly_and_creates_no_tag(value):
    rendered = visible(escape.text(value))
    assert rendered.tags == []
    assert "".join(rendered.text) == value


@pytest.mark.parametrize("value", HOSTILE)
def test_escaped_text_survives_python_markdown_inside_a_raw_html_block(value):
    # This is how pages carry curator text: inside block-level raw HTML.
    page = f'## Heading\n\n<div class="x">\n<p>{escape.text(value)}</p>\n</div>\n'
    out = site_markdown().convert(page)
    rendered = visible(out)
    assert rendered.tags == ["h2", "a", "div", "p"]  # the heading's permalink, then ours
    assert "".join(rendered.text).split("¶", 1)[1].strip() == value.strip()


def test_inline_text_folds_line_breaks_only():
    assert escape.inline_text("a\n b\tc  <d>") == "a b c &lt;d&gt;"


def test_abstract_shows_stars_and_markup_exactly_as_written():
    # Issue 5: text from YAML renders exactly as written; only notes and topic
    # descriptions are Markdown. `*stars*` in an abstract are stars.
    out = escape.abstract_html("We *propose* a **new** method; $a*b$; 2 * 3 * 4 <b>x</b> _u_")
    assert out == (
        "<p>We *propose* a **new** method; $a*b$; 2 * 3 * 4 &lt;b&gt;x&lt;/b&gt; _u_</p>"
    )


def test_abstract_splits_paragraphs_on_blank_lines():
    assert escape.abstract_html("One\nline.\n\n  Two.\n") == "<p>One\nline.</p><p>Two.</p>"


@given(st.text())
def test_abstract_without_line_breaks_shows_its_text_exactly(value):
    rendered = visible(escape.abstract_html(value))
    assert set(rendered.tags) <= {"p", "a"}
    if "\n" not in value and "\r" not in value:
        assert "".join(rendered.text) == value.strip()


@given(st.text())
def test_abstract_only_ever_drops_blank_lines(value):
    rendered = visible(escape.abstract_html(value))
    shown = "".join(rendered.text)
    assert set(rendered.tags) <= {"p", "a"}
    assert rendered.attributes == []
    # Every character shown is one the curator typed, in order.
    remaining = iter(value)
    assert all(ch in remaining for ch in shown)


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "javascript&#58;alert(1)",
        "https&#58;//example.org",
        "data:text/html,<script>",
        "file:///etc/passwd",
        "//evil.example/x",
        "/relative",
        "https://exa\u200bmple.org",
        " https://example.org",
        "https://example.org/a b",
        "https:/\\evil.example",
        "",
    ],
)
def test_unsafe_urls_are_refused(url):
    assert escape.safe_url(url) is None


@pytest.mark.parametrize(
    "url",
    ["https://github.com@example.org/x", "https://me:secret@example.org/", "http://a@b.org",
     "https://github.com&#64;example.org/"],
)
def test_a_url_with_a_name_before_its_host_is_no_link(url):
    # It reads as the name (GitHub) and goes to the host: notes show it as text.
    assert escape.safe_url(url) is None
    assert "<a" not in escape.markdown_html(f"[code]({url})")
    if "&" not in url:  # (a bare "github.com&#64;..." links only what it shows: github.com)
        assert "<a" not in escape.markdown_html(f"See {url} here")
    assert escape.safe_url("https://mastodon.social/@me") is not None


@pytest.mark.parametrize(
    "url",
    ["https://github.com/a/b", "http://example.org/x?a=1&copy=2#frag", "https://例え.jp/パス"],
)
def test_http_urls_are_kept_as_written(url):
    assert escape.safe_url(url) == url


_URL_CHARACTERS = [chr(n) for n in range(0x21)] + list("\x7f\x85\xa0\u200b\u2028\ufeffaé/?=")


@given(st.text(max_size=12) | st.text(st.sampled_from(_URL_CHARACTERS), max_size=6))
def test_a_url_holding_whitespace_or_a_control_or_format_character_is_refused(tail):
    # Checked here character by character, as the rule is stated; safe_url checks ASCII
    # with one regex and only falls back to this for other characters.
    url = "https://example.org/" + tail
    refused = any(ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf") for ch in url)
    if refused:
        assert escape.safe_url(url) is None
    elif escape.safe_url(url) is None:  # refused for another reason: the scheme or host
        assert "\\" in url or "&" in url or "#" in tail[:1] or urlsplit(url).netloc != "example.org"


def test_markdown_notes_are_rendered():
    out = escape.markdown_html("Read *this* first, then [the code](https://github.com/a/b).")
    assert out == (
        '<p>Read <em>this</em> first, then <a href="https://github.com/a/b" '
        'rel="noopener noreferrer nofollow">the code</a>.</p>'
    )


@pytest.mark.parametrize(
    "notes",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "<svg onload=alert(1)>",
        '<a href="javascript:alert(1)">x</a>',
        "<!-- unclosed",
    ],
)
def test_raw_html_in_notes_is_shown_literally(notes):
    rendered = visible(escape.markdown_html(notes))
    assert rendered.tags == ["p"]
    assert "".join(rendered.text) == notes


@pytest.mark.parametrize(
    "notes",
    [
        "[x](javascript:alert(1))",
        "[x](JAVASCRIPT:alert(1))",
        "[x](javascript&#58;alert(1))",
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
        "[x](//evil.example)",
        "[x](../relative/)",
        "[x][r]\n\n[r]: javascript:alert(1)",
        "![img](https://tracker.example/pixel.png)",
        "[x](https://ok.example){onclick=alert(1)}",
    ],
)
def test_notes_links_keep_only_absolute_http_hrefs(notes):
    rendered = visible(escape.markdown_html(notes))
    hrefs = [value for name, value in rendered.attributes if name in ("href", "src")]
    assert all(value is not None and value.startswith(("http://", "https://")) for value in hrefs)
    assert "img" not in rendered.tags
    assert not any(name.startswith("on") for name, _ in rendered.attributes)


@pytest.mark.parametrize(
    "notes",
    [
        "See [the demo](javascript:alert(1)) now.",
        "See [the demo](../relative/) now.",
        "See [the demo][r] now.\n\n[r]: data:text/html,x",
    ],
)
def test_a_link_to_anything_but_http_shows_its_text_and_is_no_link(notes):
    # An <a> without its href would still look like a link and lead nowhere.
    assert escape.markdown_html(notes) == "<p>See the demo now.</p>"


def test_notes_headings_are_demoted_below_the_page_headings():
    out = escape.markdown_html("# One\n\n## Two\n\n### Three")
    assert out == "<h3>One</h3>\n<h4>Two</h4>\n<h5>Three</h5>"


def test_code_in_notes_survives_the_site_markdown():
    notes = "Try:\n\n````\n```\nrm -rf ~\n```\n````\n"
    page = f'<div class="rl-notes">\n{escape.markdown_html(notes)}\n</div>\n'
    rendered = visible(site_markdown().convert(page))
    assert rendered.tags == ["div", "p", "pre", "code"]
    assert "".join(rendered.text).strip() == "Try:\n```\nrm -rf ~\n```"


def test_a_fence_line_inside_indented_code_in_notes_survives_the_site_markdown():
    # The rendered notes' backticks reach Python-Markdown as entities: a ``` line in an
    # indented code block would otherwise start a fence there, nested in the <pre>.
    notes = "Intro.\n\n    x\n    ```\n    <b>code</b>\n    ```\n\nAfter."
    page = f'<div class="rl-notes">\n{escape.markdown_html(notes)}\n</div>\n'
    rendered = visible(site_markdown().convert(page))
    assert rendered.tags == ["div", "p", "pre", "code", "p"]
    assert "".join(rendered.text).split() == ["Intro.", "x", "```", "<b>code</b>", "```", "After."]


def test_notes_build_time_syntax_stays_text():
    notes = '{{ config }}\n\n--8<-- "/etc/passwd"\n\n!!! note'
    rendered = visible(escape.markdown_html(notes))
    assert "".join(rendered.text) == html.unescape('{{ config }}\n--8<-- "/etc/passwd"\n!!! note')


def test_an_image_in_notes_stays_visible_as_text_and_loads_nothing():
    out = str(escape.markdown_html("See ![the figure](https://x.org/f.png) here."))
    assert "<img" not in out
    assert "![the figure](https://x.org/f.png)" in out


def test_notes_with_thousands_of_link_openers_are_shown_literally():
    # Python-Markdown needed seconds to minutes for this; markdown-it-py's time grows
    # linearly with the openers (20,000 "[" in 0.3 s of CPU), and the result is text.
    value = "[a](" * 3000
    out = str(escape.markdown_html(value))
    assert out == "<p>" + value + "</p>"


def test_notes_with_a_few_links_still_render_them():
    out = str(escape.markdown_html("[a](https://a.org) " * 10))
    assert out.count('<a href="https://a.org"') == 10


def test_abstract_urls_become_links_with_the_text_as_written():
    out = str(escape.abstract_html("Code at https://github.com/a/b_(c)). Not javascript:alert(1)."))
    assert out == (
        '<p>Code at <a href="https://github.com/a/b_(c)" rel="nofollow noopener">'
        "https://github.com/a/b_(c)</a>). Not javascript:alert(1).</p>"
    )


@given(st.text())
def test_abstract_links_only_ever_point_at_http_urls(value):
    out = str(escape.abstract_html(value))
    hrefs = [v for k, v in visible(out).attributes if k == "href"]
    for href in hrefs:
        assert href.lower().startswith(("http://", "https://")), href
        assert escape.safe_url(href) == href


def test_notes_too_deep_to_render_leave_the_next_notes_unharmed():
    # Python-Markdown ran out of stack on a list nested this deep and, cut short, left
    # its parser's state behind: the next notes came out as raw Markdown (found by the
    # hostile-site build). markdown-it-py stops at its nesting limit and drops the rest,
    # so such notes are shown as text; the next notes must render as ever, from any
    # depth of the caller's stack.
    deep = "".join("\t" * level + f"- level {level}\n" for level in range(300))
    after = "Topic text with [a link](https://x.org/)\nand more.\n\n```\ncode\n```\n"
    expected = escape.markdown_html(after)
    assert 'href="https://x.org/"' in expected

    def at_depth(levels: int, call):
        return call() if levels == 0 else at_depth(levels - 1, call)

    for levels in (0, 7, 28):
        at_depth(levels, lambda: escape.markdown_notices(deep))
        assert escape.markdown_html(after) == expected, levels
        shown = at_depth(levels, lambda: escape.markdown_html(deep))
        assert "level 299" in shown  # shown as the text it is
        assert escape.markdown_html(after) == expected, levels


@pytest.mark.parametrize(
    "notes, written, mentions",
    [
        # an email autolink: its address, not Markdown's spam-proof character references
        ("Ask <someone@example.org> for the data.", "someone@example.org",
         "'mailto:someone@example.org'"),
        # a tag after inline code is the paragraph's text again
        ("`x` then <b>bold</b>", "<b>", "'<b>' shows as text"),
        ("A link [x](<https://a.b/c d>) with a space.", "https://a.b/c d", "without spaces"),
        # an image shows as typed (curator review: no warning said so); not one in code
        ("Figure: ![the plot](https://a.b/p.png) and `![x](y)`.", "![the plot](https://a.b/p.png)",
         "an image shows as the text typed"),
    ],
)
def test_notes_notices_name_what_the_curator_wrote(notes, written, mentions):
    notices = escape.markdown_notices(notes)
    assert [w for w, _ in notices] == [written]
    assert mentions in notices[0][1]
    assert all(ch.isprintable() for _, why in notices for ch in why)


def test_angle_bracketed_words_that_are_no_html_elements_raise_no_notice():
    # Notes on ML papers write tokens and types this way; they show exactly as typed.
    notes = "Masks <mask> and <eos>, returns Vec<T>, p<0.05, and `<b>` in code."
    assert escape.markdown_notices(notes) == []
    assert "&lt;mask&gt; and &lt;eos&gt;" in escape.markdown_html(notes)


# --- Markdown as curators write it on GitHub (CommonMark + tables, strike, bare URLs) ------


@pytest.mark.parametrize(
    "notes, expected",
    [
        # a list right after a paragraph line, no blank line between (curator review 2)
        ("Why read it:\n- introduces task vectors\n- simple baselines",
         "<p>Why read it:</p>\n<ul>\n<li>introduces task vectors</li>\n<li>simple baselines</li>\n</ul>"),
        # nested by 2 spaces, the width of "- "
        ("- a\n  - nested\n- b",
         "<ul>\n<li>a\n<ul>\n<li>nested</li>\n</ul>\n</li>\n<li>b</li>\n</ul>"),
        # nested under "1. " by 3 spaces
        ("1. two\n   - sub", "<ol>\n<li>two\n<ul>\n<li>sub</li>\n</ul>\n</li>\n</ol>"),
        ("Not ~~this~~ but that.", "<p>Not <del>this</del> but that.</p>"),
        # a quote, then a rule: not a heading reading "> quote"
        ("> quote\n---", "<blockquote>\n<p>quote</p>\n</blockquote>\n<hr>"),
        # a code fence inside a list item
        ("1. Build:\n   ```\n   make all\n   ```\n2. Run.",
         "<ol>\n<li>Build:<pre><code>make all\n</code></pre>\n</li>\n<li>Run.</li>\n</ol>"),
    ],
)  # fmt: skip
def test_notes_render_the_markdown_github_renders(notes, expected):
    assert escape.markdown_html(notes) == expected
    assert escape.markdown_notices(notes) == []


def test_a_table_right_after_a_paragraph_line_keeps_its_column_alignment():
    out = escape.markdown_html("Results:\n| a | b |\n|--:|:-|\n| 1 | 2 |")
    assert out == (
        "<p>Results:</p>\n<table>\n<thead>\n<tr>\n"
        '<th align="right" scope="col">a</th>\n<th align="left" scope="col">b</th>\n'
        '</tr>\n</thead>\n<tbody>\n<tr>\n'
        '<td align="right">1</td>\n<td align="left">2</td>\n</tr>\n</tbody>\n</table>'
    )


def test_a_notes_tables_header_cells_name_their_columns_and_nothing_typed_adds_a_scope():
    # As the generated tables' do: a screen reader reads each cell with its column's name.
    out = escape.markdown_html("| a | b |\n|---|---|\n| 1 | 2 |")
    assert out.count('<th scope="col">') == 2 and "<td>1</td>" in out
    # A scope typed into a cell is text, and a body cell gets none.
    typed = escape.markdown_html('| x |\n|---|\n| <td scope="row"> |')
    assert '<th scope="col">x</th>' in typed and '<td>&lt;td scope="row"&gt;</td>' in typed


def test_a_bare_http_url_in_notes_is_a_link_without_its_trailing_punctuation():
    out = escape.markdown_html("Code at https://github.com/a/b_(c). Demo: http://x.org/d!")
    assert out == (
        '<p>Code at <a href="https://github.com/a/b_(c)" rel="noopener noreferrer nofollow">'
        'https://github.com/a/b_(c)</a>. Demo: <a href="http://x.org/d" '
        'rel="noopener noreferrer nofollow">http://x.org/d</a>!</p>'
    )


def test_only_urls_written_with_http_or_https_become_links_and_the_rest_raise_no_notice():
    # The curator wrote prose, not a link: nothing to warn about, nothing turned into one.
    notes = "See www.example.org, example.org, ftp://x.org/f, mailto:a@b.org, a@b.org."
    rendered = visible(escape.markdown_html(notes))
    assert rendered.tags == ["p"]
    assert "".join(rendered.text) == notes
    assert escape.markdown_notices(notes) == []


@pytest.mark.parametrize("depth, rendered", [(9, True), (10, False)])
def test_lists_nest_nine_deep_and_deeper_notes_are_shown_as_typed(depth, rendered):
    notes = "".join("  " * level + f"- level {level}\n" for level in range(depth))
    out = str(escape.markdown_html(notes))
    assert out.count("<ul>") == (depth if rendered else 0)
    shown = " ".join("".join(visible(out).text).split())
    expected = " ".join(f"level {level}" for level in range(depth))
    assert shown == (expected if rendered else "- " + expected.replace(" level", " - level"))


def test_markdown_text_is_the_words_a_reader_sees_without_markup():
    text = (
        "**Bold** and `code` with [a link](https://x.org) and <b>tag</b>\nnext line\n\n"
        "- item\n\n| a | b |\n|---|---|\n| c | d |\n"
    )
    # Typed HTML is text, as markdown_html shows it (the page's meta escapes it).
    assert escape.markdown_text(text) == "Bold and code with a link and <b>tag</b> next line item a b c d"
    assert escape.markdown_text("  \n") == ""


def test_curator_headings_start_below_the_pages_own_and_keep_their_steps():
    from generator.escape import markdown_html

    def levels(html: str) -> list[str]:
        return re.findall(r"<(h\d)>", html)

    # Notes sit under the page's h2: their highest heading is h3, whatever it was written as.
    assert levels(markdown_html("### Setup\n\ntext\n\n#### Detail\n")) == ["h3", "h4"]
    assert levels(markdown_html("# Setup\n\n## Detail\n")) == ["h3", "h4"]
    # A topic's description sits under the page's h1 (an h4 right after it skipped two).
    assert levels(markdown_html("## Where to begin\n\n### Surveys\n", top=2)) == ["h2", "h3"]
    # Never beyond h6.
    assert levels(markdown_html("# A\n\n###### F\n")) == ["h3", "h6"]


@pytest.mark.parametrize("reference", ["&#x202E;", "&#8238;", "&#x2066;", "&#x2028;", "&#xFEFF;"])
def test_a_character_reference_to_a_forbidden_character_shows_as_typed(reference):
    # A paper file may not hold a bidirectional override or a line separator (schema.
    # FORBIDDEN_CHARS: "Trojan Source"); typed as a character reference in notes, the
    # character itself reached the page, its description and its search entry.
    notes = f"Invoice {reference}gnp.exe, see [the file](https://a.example/ \"x{reference}\")."
    forbidden = re.compile(f"[{escape.FORBIDDEN_CHARS}]")
    rendered = str(escape.markdown_html(notes))
    assert not forbidden.search(html.unescape(rendered)), rendered
    assert f"Invoice {reference}gnp.exe" in html.unescape(re.sub(r"<[^>]+>", "", rendered))
    assert not forbidden.search(escape.markdown_text(notes))
    assert not forbidden.search(escape.markdown_first_paragraph(notes))
    notices = escape.markdown_notices(notes)
    # (in a link's title the reference is decoded with the title: it shows in hex)
    assert [w for w, _ in notices] == [reference, f"&#x{ord(html.unescape(reference)):X};"]
    assert all("invisible control character" in why for _, why in notices)
    assert all(ch.isprintable() for _, why in notices for ch in why)


def test_a_character_reference_to_a_visible_character_is_that_character():
    notes = "Caf&eacute; &amp; &#955; &#x3bb; &lt;b&gt;"
    assert str(escape.markdown_html(notes)) == "<p>Café &amp; λ λ &lt;b&gt;</p>"
    assert escape.markdown_notices(notes) == []


def test_a_tag_typed_over_two_lines_is_noticed_at_its_first_line():
    notes = "See <img\nsrc=x onerror=alert(1)> here."
    assert "&lt;img\nsrc=x onerror=alert(1)&gt;" in str(escape.markdown_html(notes))
    [(written, why)] = escape.markdown_notices(notes)
    assert written == "<img"
    assert why.startswith("'<img src=x onerror=alert(1)>' shows as text")


@pytest.mark.parametrize("notes", ["<!-- ask Bob: is this the final version? -->", "Text <!-- a note\nto self --> more."])
def test_an_html_comment_shows_as_text_and_is_noticed(notes):
    # A curator who writes a comment means it for curators; every reader sees it.
    assert "&lt;!--" in str(escape.markdown_html(notes))
    [(written, why)] = escape.markdown_notices(notes)
    assert written == "<!--"
    assert "readers see it" in why and all(ch.isprintable() for ch in why)


@pytest.mark.parametrize("target, shown", [
    ("https://ok.example/&#x0A;", "'https://ok.example/\\n'"),
    ("https://ok.example/&#x202E;", "'https://ok.example/\\u202e'"),
    ("<https://ok.example/a\tb>", "'https://ok.example/a\\tb'"),
])
def test_a_link_notice_shows_invisible_characters_of_its_target_as_escapes(target, shown):
    # `check` prints one problem a line: a line break in the target split the warning
    # in two, and a right-to-left override turned the rest of the line around.
    [(_, why)] = escape.markdown_notices(f"[x]({target})")
    assert why.startswith(f"the link to {shown} shows as its text only")
    assert all(ch.isprintable() for ch in why)
