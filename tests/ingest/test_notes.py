"""A reference manager's notes read as text, and an exporter's own told apart."""

import pytest

from generator.ingest.notes import machine_note, note_text


@pytest.mark.parametrize("written, text", [
    ("A plain note &amp; more", "A plain note & more"),
    # A plain note's "&" that starts no whole reference stays as written ("&not" is
    # one to a browser, without its ";").
    ("Q&A on R&D; see A&notation and x&copy_y, &#233;t&eacute;", "Q&A on R&D; see A&notation and x&copy_y, été"),
    ("<p>One</p><p>Two<br>lines</p>", "One\n\nTwo\nlines"),
    ('<div data-schema-version="8"><h2>Head</h2>\n<ol><li>a</li>\n<li>b</li></ol></div>', "Head\n\n- a\n- b"),
    ('<p>see <a href="https://example.org/x">https://example.org/x</a></p>', "see https://example.org/x"),
    ('<p>see <a href="https://example.org/x">here</a></p>', "see here (https://example.org/x)"),
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
