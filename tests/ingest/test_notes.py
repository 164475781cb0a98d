"""A reference manager's notes read as text, and an exporter's own told apart."""

import html
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.ingest.notes import machine_note, note_text


@pytest.mark.parametrize("written, text", [
    ("A plain note &amp; more", "A plain note & more"),
    # A plain note's "&" that starts no whole reference stays as written ("&not" is
    # one to a browser, without its ";").
    ("Q&A on R&D; see A&notation and x&copy_y, &#233;t&eacute;", "Q&A on R&D; see A&notation and x&copy_y, été"),
    ("<p>One</p><p>Two<br>lines</p>", "One\n\nTwo\nlines"),
    ('<div data-schema-version="8"><h2>Head</h2>\n<ol><li>a</li>\n<li>b</li></ol></div>', "Head\n\n- a\n- b"),
    ('<p>see <a href="https://example.org/x">https://example.org/x</a></p>', "see https://example.org/x"),
    ('<p>see <a href="https://example.org/x">here</a></p>', "see [here](https://example.org/x)"),
    ('<p>a <a href="javascript:alert(1)">b</a><script>alert(2)</script></p>', "a b"),
    ("<p>&lt;unk&gt; is a token, a&#x202E;b</p>", "<unk> is a token, ab"),  # (no invisible override)
    ("<p>  </p>", ""),
    # A list inside a list item: the item keeps its "- ", the inner list is indented
    # under it, and the item's text after it is still the item's.
    ("<ul><li>one<ul><li>nested<ul><li>deep</li></ul></li></ul>after</li><li>two</li></ul>",
     "- one\n  - nested\n    - deep\n\n  after\n- two"),
    ("<ul><li><p>a</p></li><li><p>b</p><p>b2</p></li></ul><p>end</p>", "- a\n- b\n\n  b2\n\nend"),
])
def test_a_note_is_read_as_the_text_it_shows(written, text):
    assert note_text(written) == text


@pytest.mark.parametrize("text, machine", [
    ("arXiv:2106.09685 [cs]", True),
    ("Comment: 10 pages\nPublisher: IEEE", True),
    ("Cited by: 12; All Open Access, Green Open Access", True),
    ("All Open Access", False),  # (a part of Scopus' line, never a note of its own)
    ("Export Date: 3 May 2024", True),
    ("Source: Scopus", True),
    ("Source: my advisor", False),
    ("Publisher: IEEE\nMy own remark", False),
    ("", False),
])
def test_an_exporters_own_note_is_told_from_a_curators(text, machine):
    assert machine_note(text) == machine


def test_a_nested_list_renders_as_the_note_showed_it():
    # (the first item read as a paragraph: its "- " was lost, its list flattened)
    from generator.escape import markdown_html

    shown = markdown_html(note_text("<ul><li>one<ul><li>nested</li></ul></li><li>two</li></ul>"))
    assert " ".join(str(shown).split()) == (
        "<ul> <li>one <ul> <li>nested</li> </ul> </li> <li>two</li> </ul>"
    )


@pytest.mark.parametrize("written, text", [
    # (curator: Zotero's <pre> block of a note ran its lines together)
    ("<p>Run:</p><pre>pip install x\n  --upgrade\n\nmake  all</pre><p>done</p>",
     "Run:\n\n```\npip install x\n  --upgrade\n\nmake  all\n```\n\ndone"),
    # Fenced by more backticks than it holds in a row; a <br> a line; HTML inside as text.
    ("<pre><code>a ``` b\n````\ny = &lt;b&gt;</code><br>z</pre>", "`````\na ``` b\n````\ny = <b>\nz\n`````"),
    # In a list item, under its "- " (a blank line inside left blank).
    ("<ul><li>cmd<pre>a\n  b\n\nc</pre></li><li>two</li></ul>", "- cmd\n\n  ```\n  a\n    b\n\n  c\n  ```\n- two"),
    ("<pre>  \n </pre>", ""),
])
def test_a_preformatted_block_keeps_its_lines_as_a_code_block(written, text):
    assert note_text(written) == text


def test_a_preformatted_block_renders_as_its_lines_and_nothing_else():
    # (a fence, HTML and a link inside show as text: the note is Markdown rendered safe)
    from generator.escape import markdown_html

    shown = markdown_html(note_text(
        "<pre>```\n&lt;/pre&gt;&lt;script&gt;x&lt;/script&gt;\n[a](javascript:alert(1))"
        " &lt;img src=x onerror=y&gt;\n````</pre>"
    ))
    assert str(shown) == (
        "<pre><code>&#96;&#96;&#96;\n&lt;/pre&gt;&lt;script&gt;x&lt;/script&gt;\n"
        "[a](javascript:alert(1)) &lt;img src=x onerror=y&gt;\n&#96;&#96;&#96;&#96;\n</code></pre>"
    )


_CODE = st.text(st.sampled_from(list("ab é<>&*_[]()#-~`$\\|!:/\t\n")), max_size=60)


@settings(max_examples=200, deadline=None)
@given(_CODE)
def test_a_preformatted_blocks_lines_show_as_written_whatever_they_hold(code):
    from generator.escape import markdown_html

    shown = str(markdown_html(note_text(f"<pre>{html.escape(code)}</pre>")))
    # (an HTML parser drops the line break right after <pre>; ends of lines show no spaces)
    lines = "\n".join(line.rstrip() for line in code.split("\n")).strip("\n")
    if not lines.strip():
        assert shown == ""
        return
    inside = re.fullmatch(r"<pre><code>(.*)\n</code></pre>", shown, re.DOTALL)
    assert inside is not None, shown
    assert html.unescape(inside.group(1)) == lines


@pytest.mark.parametrize("written, text", [
    # (curator: Zotero's bold, italics and links in a note came in as plain text, the
    # emphasis lost)
    ("<p>a <strong>key</strong> idea, <b>bold</b> and <em>this</em> or <i>that</i></p>",
     "a **key** idea, **bold** and *this* or *that*"),
    # The spaces inside an element go outside its marks ("** key **" is no emphasis).
    ("<p>a<strong> key </strong>idea</p>", "a **key** idea"),
    ("<p>in<em>side</em>a word</p>", "in*side*a word"),
    ("<p><strong><em>both</em></strong></p>", "***both***"),
    ("<p>no <b> </b>text</p>", "no text"),
    ('<p><a href="https://example.org/a(b)">see <b>this</b></a></p>', "[see **this**](https://example.org/a%28b%29)"),
    ('<p><a href="https://example.org/x">text [1]</a></p>', "[text \\[1\\]](https://example.org/x)"),
    # Only an http(s) address is a link; the text of any other.
    ('<p><a href="zotero://select/items/ABC">the item</a> and <a href="mailto:a@b.org">mail</a></p>',
     "the item and mail"),
    # A list item's emphasis and link stay in its line.
    ('<ul><li><b>r</b> = 4 (<a href="http://example.org/r">why</a>)</li></ul>',
     "- **r** = 4 ([why](http://example.org/r))"),
])
def test_a_notes_emphasis_and_links_become_markdown(written, text):
    assert note_text(written) == text


def test_a_notes_emphasis_and_links_render_as_they_showed():
    from generator.escape import markdown_html

    shown = markdown_html(note_text(
        '<p>a <strong>key</strong> and <em>subtle</em> point, see <a href="https://example.org/a(b)">'
        'this</a></p><p><b>&lt;script&gt;</b></p>'
    ))
    assert str(shown) == (
        '<p>a <strong>key</strong> and <em>subtle</em> point, see <a href="https://example.org/a%28b%29"'
        ' rel="noopener noreferrer nofollow">this</a></p>\n<p><strong>&lt;script&gt;</strong></p>'
    )


@pytest.mark.parametrize("address, href", [
    # A backslash at the address's end escaped the ")" that closes the link: the note
    # showed "[t](https://example.org/a\) after (x)" as typed, not a link.
    ("https://example.org/a\\", "https://example.org/a%5C"),
    # A backtick in the address closed a code span opened by one in the link's text,
    # which then took the link's text and address for code.
    ("https://example.org/`x`", "https://example.org/%60x%60"),
])
def test_a_links_address_with_a_backslash_or_backtick_stays_a_link(address, href):
    from generator.escape import markdown_html

    written = f'<p><a href="{address}">`t</a> after (x)</p>'
    assert str(markdown_html(note_text(written))) == (
        f'<p><a href="{href}" rel="noopener noreferrer nofollow">&#96;t</a> after (x)</p>'
    )


def test_links_with_a_backtick_in_their_texts_stay_links():
    # (user: two links of a Zotero note, each with a backtick in its text, showed as one
    # link to the second address around code "y](https://a.org) and [z": the first's
    # backtick opened a code span the second's closed)
    from generator.escape import markdown_html

    written = '<p>see <a href="https://a.org">x`y</a> and <a href="https://b.org">z`w</a></p>'
    assert str(markdown_html(note_text(written))) == (
        '<p>see <a href="https://a.org" rel="noopener noreferrer nofollow">x&#96;y</a> and'
        ' <a href="https://b.org" rel="noopener noreferrer nofollow">z&#96;w</a></p>'
    )
    # A re-import knows the notes an earlier import wrote, the backticks as written (not
    # a note of the curator's, left unmerged).
    from generator.ingest.notes import notes_read_before

    before = notes_read_before(note_text(written, marks=False), note_text(written))
    assert ("see [x`y](https://a.org) and [z`w](https://b.org)",) in [rb.values for rb in before]


@pytest.mark.parametrize("written", [
    "<p>the <b>*</b> marks the best</p>",  # ("*****": five stars for one)
    "<p><b>bold</b><b>again</b></p>",  # ("**bold****again**" showed four stars)
    '<p>a<b>"quoted"</b>b</p>',  # (marks against a quote mid-word are no emphasis)
    "<p><i>a*b</i> and <b>2**3</b></p>",
])
def test_a_notes_emphasis_that_markdown_cannot_mark_leaves_its_text_as_shown(written):
    # The note shows the text the reference manager showed, every letter of it and no
    # stray "*": where the marks would not read as emphasis, the text goes without them.
    import lxml.html

    from generator.escape import markdown_html

    shown = lxml.html.fragment_fromstring(str(markdown_html(note_text(written))), create_parent="div")
    assert shown.text_content() == lxml.html.fragment_fromstring(written).text_content()
