"""tablewords: a short hyphenated word of a Markdown table's cell kept on one line, in the
HTML itself (with scripts off too), its text as written and escaped."""

from __future__ import annotations

import markdown

from generator.escape import markdown_html
from generator.tablewords import TableWordsExtension, split


def test_split_keeps_short_hyphenated_words_whole_and_loses_no_text():
    assert split("ROUGE-L on GPT-4, k-NN") == [
        ("ROUGE-L", True), (" on ", False), ("GPT-4,", True), (" ", False), ("k-NN", True)]
    # Longer than 16 characters: an id that may still break after its hyphens.
    assert split("allenai/natural-instructions") == [("allenai/natural-instructions", False)]
    assert split("no hyphen") == [("no hyphen", False)]
    assert split("") == [("", False)]
    for text in ("a-b c-d e", " x-y ", "state-of-the-art-results x-y"):
        assert "".join(piece for piece, _ in split(text)) == text


def test_a_curators_table_keeps_its_short_words_whole_and_its_text_escaped():
    notes = "| Metric | Source |\n|---|---|\n| ROUGE-L <b>x-y</b> & | `2e-5` `a<b-c` |\n\nROUGE-L in prose."
    html = str(markdown_html(notes))
    # (Markup the curator typed is text, here one word with its hyphen: escaped in its span.)
    assert ('<td><span class="rl-word">ROUGE-L</span> <span class="rl-word">&lt;b&gt;x-y&lt;/b&gt;</span>'
            ' &amp;</td>') in html
    assert '<td><code><span class="rl-word">2e-5</span></code> <code><span class="rl-word">a&lt;b-c</span></code></td>' in html
    # Only in a table's cells.
    assert "<p>ROUGE-L in prose.</p>" in html


def test_a_hand_written_pages_table_keeps_its_short_words_whole():
    text = "| a | b |\n|---|---|\n| ROUGE-L & *GPT-4* x k-NN | `2e-5` `allenai/natural-instructions` |\n\nk-NN"
    html = markdown.markdown(text, extensions=["tables", TableWordsExtension()])
    assert ('<td><span class="rl-word">ROUGE-L</span> &amp; <em><span class="rl-word">GPT-4</span></em>'
            ' x <span class="rl-word">k-NN</span></td>') in html
    assert ('<td><code><span class="rl-word">2e-5</span></code>'
            ' <code>allenai/natural-instructions</code></td>') in html
    assert "<p>k-NN</p>" in html
