"""A reference manager's notes on a paper (RIS's ``N1``, BibTeX's ``annote``), as text.

Zotero exports a curator's notes as HTML (``<p>…</p>``, ``<ul><li>…``, ``<a href>``),
EndNote and Mendeley as plain text; both become plain text, a paragraph a block, a list
item a line ("- …"), a link's address after its text, a ``<pre>`` a fenced code block
(its lines as they are, `_fenced`): the paper's `notes:` are Markdown,
and HTML never goes into a paper file. The same tag holds what an exporter writes
itself (`machine_note`): Zotero's arXiv id and comment ("arXiv:2106.09685 [cs]",
"Comment: 10 pages"), the "Field: value" lines of its Extra field ("Publisher: IEEE"),
Scopus' "Cited by: 12; Export Date: …": used elsewhere, or nothing a curator wrote.
"""

from __future__ import annotations

import html
import re

import lxml.html

from ..errors import Location, Problems
from ..latex import EmphasisMarks
from ..links import find_url_spans
from ..quoting import quoted
from ..schema import FORBIDDEN_CHARS
from . import ReadBefore

# Characters no paper may hold (`check` refuses them), which a character reference in a
# note may name (``&#x202E;``): invisible, they are left out rather than written.
_FORBIDDEN = re.compile(f"[{FORBIDDEN_CHARS}]")

# Elements that start a block of their own (a paragraph, a heading, a list item...).
_BLOCKS = frozenset({
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "pre",
    "table", "tr", "dl", "dt", "dd", "section", "article", "header", "footer", "hr",
})
_SKIPPED = frozenset({"script", "style", "head", "title"})
_TAG = re.compile(r"<\s*/?\s*[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?\s*>")
_SPACE = re.compile(r"[ \t\r\f\v]+")
_REFERENCE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")

# The "Field: value" lines exporters write into a note themselves: the fields of
# Zotero's Extra (CSL variables and Zotero fields an item type lacks), arXiv's comment
# as Zotero saves it, Scopus' and Web of Science's record notes.
_MACHINE_LABELS = (
    "comment", "comments", "publisher", "place", "publisher place", "number", "genre",
    "medium", "version", "issued", "accessed", "original date", "original publisher",
    "original title", "event", "event place", "event title", "conference name", "citation key",
    "issn", "isbn", "doi", "pmid", "pmcid", "mag id", "language", "rights", "archive",
    "archive location", "library catalog", "call number", "short title", "journal abbreviation",
    "container title", "collection title", "number of pages", "edition", "section", "submitted",
    "series", "volume", "issue", "page", "pages", "_eprint", "eprint", "arxiv id", "archive id",
    "cited by", "export date", "conference date", "conference code", "conference location",
    "correspondence address", "references", "funding details", "funding text",
    "language of original document", "abbreviated source title", "document type",
    "publication stage", "source: scopus", "open access", "chemicals/cas", "tradenames",
    "manufacturers", "coden", "pubmed id", "art. no", "times cited", "accession number",
)
_LABELLED = re.compile(
    r"(?i)(?:" + "|".join(re.escape(label) for label in _MACHINE_LABELS) + r"|tex\.[\w-]+)\s*(?::.*|$)"
)
# A line that is all an exporter's (and a "; "-list of such parts, as Scopus writes one).
_MACHINE_LINE = re.compile(
    r"(?i)arxiv:\s*\S+(?:\s*\[[^\]]*\])?\.?|(?:comments?|tex\.[\w-]+)\s*:.*"
)
_ARXIV_ID_LINE = re.compile(r"(?i)arxiv:\s*\S+(?:\s*\[[^\]]*\])?\.?")
_OPEN_ACCESS = re.compile(
    r"(?i)(?:(?:all|gold|green|bronze|hybrid(?: gold)?) open access)(?:\s*,\s*(?:all|gold|green|bronze|hybrid(?: gold)?) open access)*"
)


def note_text(written: str, marks: bool = True, held: bool = False) -> str:
    """A note as Markdown: its HTML read as what it shows, its character references as
    their characters; a paragraph a block, apart by a blank line; its bold and italics
    marked ("**", "*"), HTML's and, with ``held``, TeX's (held by `EMPHASIS_HELD`), a link
    to an http(s) address a Markdown link. ``marks`` False: as plain text, the address
    after the link's text, as importers before read it (`notes_read_before`)."""
    text = _note(written, marks, marks, held)
    if not marks:
        return text
    # Marks Markdown reads as no emphasis ("**x****y**" for two bold words side by side,
    # 'a**"q"**b' against a quote mid-word, "*****" for a bold star) would show their
    # stars, or take the text's own for marks: the note then goes without its bold and
    # italics (its links kept), so that it shows every letter the note showed. The
    # site's renderer decides, as it shows the note.
    linked = _note(written, True, False, held)
    return text if text == linked or _shown(text) == _shown(linked) else linked


def _note(written: str, marks: bool, emphasis: bool, held: bool) -> str:
    text = _text(written, marks, emphasis)
    # (its emphasised words escaped in the version without marks too, `note_text`'s
    # fallback: unescaped, "a*b*c" there would show "b" in italics, its stars lost)
    return _FORBIDDEN.sub("", _held_emphasis(text, emphasis, marks).strip() if held else text)


def _shown(markdown: str) -> str:
    """The text a reader sees of notes (``markdown``) on the site, without its markup."""
    from ..escape import markdown_html  # (the site's renderer: only for marked notes)

    shown = str(markdown_html(markdown))
    return lxml.html.fragment_fromstring(shown, create_parent="div").text_content() if shown else ""


# TeX's emphasis in a note (BibTeX's annote: ``\emph{x}``, ``\textbf{x}``), as
# latex.clean_latex marks it for `note_text`: characters of Unicode's private use, which
# no exporter writes (a note holding one is read without, `holds_marks`: its characters
# as written, its emphasis as plain words).
EMPHASIS_HELD: EmphasisMarks = (("\ue030", "\ue031"), ("\ue032", "\ue033"))
_HELD_MARK = re.compile("([\ue030-\ue033])")


def holds_marks(written: str) -> bool:
    """Whether a note as written holds a character `EMPHASIS_HELD` marks with."""
    return bool(_HELD_MARK.search(written))


_HELD_AS = {"\ue030": "*", "\ue032": "**"}
# What Markdown reads as markup inside a line of text: written with a backslash in
# emphasised words, so that they show as written ("x_1*y [1]" neither ends the
# emphasis nor starts a link); not in an address, which is a link as written.
_MARKUP_CHAR = re.compile(r"([\\`*_\[\]<>&~|])")


def _escaped(text: str) -> str:
    pieces, last = [], 0
    for start, end in find_url_spans(text):
        pieces += [_MARKUP_CHAR.sub(r"\\\1", text[last:start]), text[start:end]]
        last = end
    pieces.append(_MARKUP_CHAR.sub(r"\\\1", text[last:]))
    return "".join(pieces)


def _held_emphasis(text: str, marks: bool, escape: bool) -> str:
    """``text`` with each emphasis `EMPHASIS_HELD` marks as Markdown's (`_marked`, as
    HTML's ``<i>`` and ``<b>``; each line apart), the words inside escaped (``escape``);
    with ``marks`` False, the words alone. A mark left unpaired is dropped."""
    pieces: list[list[str]] = [[]]
    opened: list[str] = []
    for part in _HELD_MARK.split(text):
        if part in _HELD_AS:
            opened.append(_HELD_AS[part])
            pieces.append([])
        elif part in ("\ue031", "\ue033"):
            if opened:
                inner, mark = "".join(pieces.pop()), opened.pop()
                pieces[-1].append("\n".join(_marked(line, mark) for line in inner.split("\n")) if marks else inner)
        else:
            pieces[-1].append(_escaped(part) if opened and escape else part)
    while opened:
        opened.pop()
        inner = "".join(pieces.pop())
        pieces[-1].append(inner)
    return "".join(pieces[0])


def notes_read_before(plain: str, marked: str) -> tuple[ReadBefore, ...]:
    """The notes as importers before this one wrote them (``plain``: `note_text` without
    marks), when they differ from the notes now (``marked``): a re-import gives a file's
    notes, still the importer's, their bold, italics and links, said once; and notes a
    curator has edited since are not taken for a new note of theirs (importmerge._notes)."""
    if plain == marked:
        return ()
    before = (ReadBefore(("notes",), (plain,), "an earlier import read the note's bold, italics and links as plain text"),)
    if "\\`" in marked:  # (a link's text with its backtick as written, `_linked`)
        before += (ReadBefore(
            ("notes",), (marked.replace("\\`", "`"),), "an earlier import left a backtick in a link's text unescaped"
        ),)
    return before


def _text(written: str, marks: bool, emphasis: bool) -> str:
    """`note_text`; ``emphasis``: with bold and italics marked (``marks``: links too)."""
    if not _TAG.search(written):
        # (a reference written whole, "&amp;": html.unescape alone also reads the
        # "&not" of a plain note's "A&notation" as "¬", as a browser would)
        text = _REFERENCE.sub(lambda m: html.unescape(m.group()), written) if "&" in written else written
        lines = [_SPACE.sub(" ", line).strip() for line in text.split("\n")]
        return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    try:
        root = lxml.html.fragment_fromstring(written, create_parent="div")
    except Exception:  # (lxml refuses only what no reference manager writes: text as is)
        return _TAG.sub(" ", html.unescape(written)).strip()
    # (kind, text, depth): a paragraph ("p"), a list item ("li") or the text of one
    # after a list inside it ("more"), at the depth of lists it is in
    blocks: list[tuple[str, str, int]] = []
    current: list[str] = []
    items: list[list[bool]] = []  # the list items open, each whether its "- " is written

    def flush() -> None:
        text = "\n".join(_SPACE.sub(" ", line).strip() for line in "".join(current).split("\n"))
        current.clear()
        add(text.strip())

    def add(text: str) -> None:
        if not text:
            return
        if not items:
            blocks.append(("p", text, 0))
            return
        blocks.append(("more" if items[-1][0] else "li", text, len(items) - 1))
        items[-1][0] = True

    def walk(element: lxml.html.HtmlElement) -> None:
        name = element.tag if isinstance(element.tag, str) else ""
        if name in _SKIPPED or not name:
            current.append(_space(element.tail))
            return
        block = name in _BLOCKS
        if block:
            flush()
        if name == "pre":  # (its lines as they are: a code block, not text to reflow)
            add(_fenced(_preformatted(element)))
            current.append(_space(element.tail))
            return
        if name == "li":
            items.append([False])
        if name == "br":
            current.append("\n")
        start = len(current)
        current.append(_space(element.text))
        for child in element:
            walk(child)
        inline = not block and not any(
            isinstance(inner.tag, str) and inner.tag in _BLOCKS for inner in element.iterdescendants()
        )
        href = element.get("href", "").strip() if name == "a" and inline else ""
        if name in _EMPHASIS and inline and emphasis:
            current[start:] = [_marked("".join(current[start:]), _EMPHASIS[name])]
        elif href.startswith(("http://", "https://")) and href != element.text_content().strip():
            current[start:] = [_linked("".join(current[start:]), href) if marks else "".join(current[start:]) + f" ({href})"]
        if block:
            flush()
        if name == "li":
            items.pop()
        current.append(_space(element.tail))

    walk(root)
    flush()
    out = ""
    for n, (kind, text, depth) in enumerate(blocks):
        indent = "  " * depth
        if kind == "li":
            text = f"{indent}- " + _BREAK_BEFORE_TEXT.sub(f"\n{indent}  ", text)
        elif kind == "more":
            text = f"{indent}  " + _BREAK_BEFORE_TEXT.sub(f"\n{indent}  ", text)
        if n:
            out += "\n" if kind == "li" and blocks[n - 1][0] != "p" else "\n\n"
        out += text
    return out


# Inline elements Zotero's note editor writes, as Markdown marks them.
_EMPHASIS = {"b": "**", "strong": "**", "i": "*", "em": "*"}
_EDGE_SPACE = re.compile(r"^(\s*)(.*?)(\s*)$", re.DOTALL)
# What ends or breaks a Markdown link's address, written as its %-escape: a backslash
# would escape the ")" that ends it, a backtick close a code span opened before it.
_URL_UNSAFE = re.compile(r"[\s()<>\\`]")


def _marked(text: str, mark: str) -> str:
    """``text`` between ``mark``s, its spaces at either end outside them ("** key **" is
    no emphasis to Markdown): nothing but the spaces when it has no text."""
    before, inner, after = _EDGE_SPACE.match(text).groups()  # type: ignore[union-attr]
    return f"{before}{mark}{inner}{mark}{after}" if inner else before + after


def _linked(text: str, href: str) -> str:
    """A link's text and http(s) address as a Markdown link: a bracket or backtick in
    the text escaped, so that it does not end the link nor open code; spaces, parentheses, angle brackets,
    backslashes and backticks in the address %-escaped (`_URL_UNSAFE`), so that they do
    not end it or break it either."""
    before, inner, after = _EDGE_SPACE.match(text).groups()  # type: ignore[union-attr]
    if not inner:
        return text
    # (a backtick too: one opened a code span that another link's closed, taking the
    # first link's end and the second's start for code)
    label = inner.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]").replace("`", "\\`")
    url = _URL_UNSAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode()), href)
    return f"{before}[{label}]({url}){after}"


# A line break with text after it (an item's lines are indented under its "- ", its
# blank lines, inside a code block, left blank).
_BREAK_BEFORE_TEXT = re.compile(r"\n(?=[^\n])")
_BACKTICKS = re.compile(r"`+")


def _preformatted(element: lxml.html.HtmlElement) -> str:
    """The text of a ``<pre>`` as it shows: its lines (a ``<br>`` one too) and their
    indentation kept, without blank lines around them or spaces at their ends."""
    for br in element.iter("br"):
        br.tail = "\n" + (br.tail or "")
    lines = [line.rstrip() for line in element.text_content().replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return "\n".join(lines).strip("\n")


def _fenced(code: str) -> str:
    """``code`` as a Markdown code block, fenced by more backticks than any run of them
    inside it, so that no line of it closes the block ("" for none)."""
    if not code.strip():
        return ""
    fence = "`" * max(3, 1 + max((len(run) for run in _BACKTICKS.findall(code)), default=0))
    return f"{fence}\n{code}\n{fence}"


def _space(text: str | None) -> str:
    """Text of an HTML node: its line breaks are spaces, as a browser shows them."""
    return (text or "").replace("\n", " ")


def machine_note(text: str) -> bool:
    """Whether a note (as `note_text` gives it) is an exporter's own, not a curator's:
    each of its lines an arXiv id, an arXiv comment, or "Field: value" parts of a field
    exporters write (`_MACHINE_LABELS`), as Zotero's Extra and Scopus' notes are."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    return bool(lines) and all(
        _MACHINE_LINE.fullmatch(line)
        or all(_LABELLED.fullmatch(part.strip()) or _OPEN_ACCESS.fullmatch(part.strip())
               for part in line.split("; ") if part.strip())
        and bool(_LABELLED.match(line))
        for line in lines
    )


# The labels of Scopus' and Web of Science's record notes, which no curator writes.
_RECORD_LABELS = re.compile(
    r"(?i)(?:cited by|export date|conference date|conference code|conference location"
    r"|conference name|correspondence address|references|funding details|funding text"
    r"|language of original document|abbreviated source title|document type"
    r"|publication stage|source: scopus|chemicals/cas|tradenames|manufacturers|coden"
    r"|pubmed id|art\. no|times cited|accession number)\s*(?::.*|$)"
)


def worth_saying(text: str) -> bool:
    """Whether a note `machine_note` takes for an exporter's may be a curator's all the
    same: one with a "Field: value" line a person may write ("Comment: I doubt the
    proof" reads as arXiv's comment, "Publisher: ..." as a field of Zotero's Extra), not
    one of arXiv ids ("arXiv:2106.09685 [cs]") or Scopus' record fields alone."""
    return any(
        not _ARXIV_ID_LINE.fullmatch(line.strip())
        and not all(
            _RECORD_LABELS.fullmatch(part.strip()) or _OPEN_ACCESS.fullmatch(part.strip())
            for part in line.split("; ") if part.strip()
        )
        for line in text.split("\n") if line.strip()
    )


def say_left_out(left_out: list[tuple[Location, str]], tag: str, nouns: tuple[str, str], problems: Problems) -> None:
    """The notes taken for an exporter's own and left out (`worth_saying`), said once a
    file, at the first, with how many: a curator's note that starts as an exporter's
    line does ("Comment: ...") is not dropped without a word."""
    if not left_out:
        return
    where, text = left_out[0]
    first = text.split("\n")[0]
    shown = first if len(first) <= 60 else first[:57] + "..."
    others = f"; {len(left_out)} {nouns[1]} in this file have such notes" if len(left_out) > 1 else ""
    problems.warning(
        where,
        f"{tag} {quoted(shown)} is read as a note the exporter writes itself (arXiv's comment, a"
        f" field of Zotero's Extra, Scopus' record note) and left out{others}; if a curator"
        " wrote it, copy it into the paper's notes: by hand",
    )
