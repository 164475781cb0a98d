"""A short word with a hyphen in a Markdown table's cell ("ROUGE-L", "GPT-4", "k-NN",
"Apache-2.0"), kept on one line as the page is written, scripts or none.

A line may end after a hyphen, and no CSS property but ``white-space: nowrap`` forbids
it (``hyphens``, ``word-break: keep-all`` and ``line-break: strict`` all let "ROUGE-L"
break after its "-"): in a squeezed column "ROUGE-" stood over "L". Each such word of
16 characters at most is put in a ``<span class="rl-word">``, which the stylesheet keeps
whole; its text is the curator's, each letter as written (escaped as any text is: the
span is an element of the tree, or a token, never text made markup). A longer word,
an id such as "allenai/natural-instructions", may still break after its hyphens.

`split` is the rule; `mark_tokens` applies it to markdown-it's tokens (curator notes and
topic descriptions: escape.py) and `TableWordsExtension` to Python-Markdown's tree (the
hand-written pages and the curation reference: registered by mkdocs_hook.on_config).
Not a list of papers: those are HTML the templates write, which neither sees.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from markdown_it.token import Token

SHORT_WORD_MAX = 16
WORD_CLASS = "rl-word"
_HYPHENATED = re.compile(r"\S*-\S*")
_CELLS = {"td", "th"}
# After the inline patterns (20), so a cell's text is its text; before the toc's (5).
_PRIORITY = 6


def split(text: str) -> list[tuple[str, bool]]:
    """``text`` in pieces, each with whether it is a short hyphenated word to keep whole;
    the pieces, joined, are ``text``. None kept whole: ``[(text, False)]``."""
    pieces: list[tuple[str, bool]] = []
    done = 0
    for match in _HYPHENATED.finditer(text):
        if len(match.group()) > SHORT_WORD_MAX:
            continue
        if match.start() > done:
            pieces.append((text[done:match.start()], False))
        pieces.append((match.group(), True))
        done = match.end()
    if done < len(text) or not pieces:
        pieces.append((text[done:], False))
    return pieces


# --- markdown-it (escape.py) -------------------------------------------------------------


def mark_tokens(tokens: list[Token]) -> None:
    """In place: each short hyphenated word of a table cell's text and code between
    ``html_inline`` tokens that open and close its span (the renderer escapes the text
    tokens as ever; notes take no HTML from the curator, so these are the only ones)."""
    in_cell = False
    for token in tokens:
        if token.type in ("td_open", "th_open"):
            in_cell = True
        elif token.type in ("td_close", "th_close"):
            in_cell = False
        elif in_cell and token.type == "inline" and token.children:
            token.children = [new for child in token.children for new in _marked(child)]


def _marked(child: Token) -> list[Token]:
    if child.type not in ("text", "code_inline") or "-" not in child.content:
        return [child]
    pieces = split(child.content)
    if len(pieces) == 1 and not pieces[0][1]:
        return [child]
    out: list[Token] = []
    if child.type == "code_inline":
        out.append(_html("<code>"))
    for text, whole in pieces:
        if whole:
            out.append(_html(f'<span class="{WORD_CLASS}">'))
        out.append(Token("text", "", 0, content=text))
        if whole:
            out.append(_html("</span>"))
    if child.type == "code_inline":
        out.append(_html("</code>"))
    return out


def _html(markup: str) -> Token:
    return Token("html_inline", "", 0, content=markup)


# --- Python-Markdown (the hand-written pages) ----------------------------------------------


class _Words(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for table in root.iter("table"):
            for cell in [el for el in table.iter() if el.tag in _CELLS]:
                for el in list(cell.iter()):
                    _mark_element(el)


def _mark_element(el: etree.Element) -> None:
    """In place: the short hyphenated words of ``el``'s own text and of its children's
    tails put in spans, children of ``el`` where the text was."""
    if el.get("class") == WORD_CLASS:
        return
    if el.text and "-" in el.text:
        spans = _spans(el.text)
        if spans is not None:
            el.text, made = spans
            for n, span in enumerate(made):
                el.insert(n, span)
    for child in list(el):
        if child.get("class") == WORD_CLASS or not child.tail or "-" not in child.tail:
            continue
        spans = _spans(child.tail)
        if spans is not None:
            child.tail, made = spans
            at = list(el).index(child) + 1
            for n, span in enumerate(made):
                el.insert(at + n, span)


def _spans(text: str) -> tuple[str, list[etree.Element]] | None:
    """The text before the first word kept whole, and a span for each such word with
    the text after it as its tail; None where no word is kept whole."""
    pieces = split(text)
    if not any(whole for _, whole in pieces):
        return None
    # (A code's text is an AtomicString, which no later inline pattern reads: so are
    # its pieces.)
    kind = type(text)
    pieces = [(kind(piece), whole) for piece, whole in pieces]
    head = kind("")
    made: list[etree.Element] = []
    for piece, whole in pieces:
        if whole:
            span = etree.Element("span", {"class": WORD_CLASS})
            span.text = piece
            made.append(span)
        elif made:
            made[-1].tail = piece
        else:
            head = piece
    return head, made


class TableWordsExtension(Extension):
    """Registered by the MkDocs hook (mkdocs_hook.on_config), after mkdocs.yml's."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(_Words(md), "readinglist_table_words", _PRIORITY)
