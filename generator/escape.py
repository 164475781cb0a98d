"""Turning curator text into safe HTML: the only place that decides how text becomes markup.

Generated pages are Markdown files, but every piece of curator text goes into them as
HTML inside block-level raw HTML (which Python-Markdown passes through untouched), never
as Markdown. So escaping here is plain HTML escaping: no Markdown construct (`*`,
`|`, `[x](...)`, `!!!`, a code fence, `--8<--`, `{{ ... }}`) in curator text can ever
be interpreted, because it never reaches a Markdown parser as Markdown.

Three kinds of curator text exist (see schema.KINDS):

* plain text (titles, authors, venues, ...): escaped, nothing else;
* abstracts: plain text too (``*stars*`` stay stars), in paragraphs, with each http(s)
  URL also a link;
* notes and topic descriptions: Markdown as GitHub reads it (CommonMark with tables,
  ~~strike~~ and bare http(s) URLs as links; markdown-it-py), rendered here and then
  sanitised with nh3. Raw HTML and images show as the text typed; a link whose target
  is not an absolute http(s) URL shows as its text alone.

Every function returns `markupsafe.Markup`, so Jinja's autoescaping does not escape
the result a second time.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Container
from functools import lru_cache
from urllib.parse import urlsplit

import markupsafe
import nh3
from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.rules_inline.image import image as markdown_image
from markdown_it.token import Token
from markupsafe import Markup

from . import lazyre, tablewords
from .links import host_warning
from .quoting import quoted
from .schema import FORBIDDEN_CHARS, forbidden_char
from .yamlio import char_name

SAFE_SCHEMES = ("http", "https")

_BLANK_LINES = lazyre.compile(r"\n[ \t]*\n\s*")


# Python-Markdown runs one preprocessor before it sets raw HTML aside: the fenced-code
# one (pymdownx.superfences or fenced_code), which would turn a line of ``` or ~~~ even
# inside a raw HTML block into a code block. As character references, backticks and
# tildes look the same to a reader and mean nothing to Markdown.
_FENCE_CHARS = str.maketrans({"`": "&#96;", "~": "&#126;"})


def _escape(value: str) -> str:
    # markupsafe's C escape (& < > " ') is several times faster than html.escape, and
    # most text holds no backtick or tilde to translate.
    escaped = str(markupsafe.escape(value))
    if "`" in escaped or "~" in escaped:
        escaped = escaped.translate(_FENCE_CHARS)
    return escaped


# Kept: a paper's title, a topic's name and a link's href are printed on many pages
# (tables, related papers, reading orders), and each page prints dozens of them.
_SEEN = 1 << 17


@lru_cache(maxsize=_SEEN)
def text(value: str) -> Markup:
    """Plain text as HTML: shown exactly as written, never interpreted."""
    return Markup(_escape(value))


_HTML_SPACE = lazyre.compile(r"[ \t\n\f\r]+")


@lru_cache(maxsize=_SEEN)
def inline_text(value: str) -> Markup:
    """Plain text for a one-line context (a table cell, a link text, a title).

    Line breaks become spaces; HTML shows any run of its whitespace (space, tab, line
    feed, form feed, carriage return) as one space anyway, so what the reader sees is
    unchanged. Other spaces are no such whitespace and stay: a no-break space keeps "pp."
    with its pages (models.Paper.locator), as one a curator typed keeps its words together.
    """
    return text(" ".join(_HTML_SPACE.split(value.strip(" \t\n\f\r"))))


def theme_text(value: str) -> str:
    """Plain text for a place the theme prints raw, on one line: a page's title in its
    front matter, a section's title in the navigation (Material escapes neither)."""
    return html.escape(" ".join(value.split()), quote=True)


def _linked(value: str) -> str:
    """Escaped text in which each absolute http(s) URL is also a link.

    The link text is the URL exactly as written, so what the reader sees is unchanged;
    the href is the same text, and only when `safe_url` accepts it.
    """
    from .links import find_url_spans  # the importer's URL rules, trailing punctuation included

    out: list[str] = []
    pos = 0
    for start, end in find_url_spans(value):
        url = value[start:end]
        if not url.lower().startswith(("http://", "https://")) or safe_url(url) is None:
            continue
        out.append(_escape(value[pos:start]))
        shown = _escape(url)
        out.append(f'<a href="{shown}" rel="nofollow noopener">{shown}</a>')
        pos = end
    out.append(_escape(value[pos:]))
    return "".join(out)


def abstract_html(value: str, links: bool = True) -> Markup:
    """An abstract as HTML paragraphs, every character shown as written (``*x*`` too:
    the text is data, not markup), each http(s) URL also a link. ``links=False`` leaves
    URLs as text (the search index).

    Blank lines separate paragraphs; other line breaks are kept as they are (the
    browser shows them as spaces).
    """
    paragraphs = [p.strip() for p in _BLANK_LINES.split(value.strip())]
    line = _linked if links else _escape
    return Markup("".join(f"<p>{line(p)}</p>" for p in paragraphs if p))


# The ASCII characters that are whitespace (str.isspace) or controls (category Cc);
# ASCII has no format characters (Cf). One regex instead of a check per character.
_REFUSED_ASCII = lazyre.compile("[\x00-\x20\x7f]")


@lru_cache(maxsize=_SEEN)
def safe_url(value: str) -> str | None:
    """``value`` when it is an absolute http(s) URL that is safe to put in an href.

    The URL is checked both as written and with HTML character references decoded,
    so ``javascript&#58;...`` is refused even if something downstream decodes it once
    more. Whitespace and control or format characters (which browsers strip or fold
    before reading the scheme) are refused outright, and so is a user name or password
    before the host (`userinfo`): "https://github.com@example.org/" reads as GitHub and
    goes to example.org.
    """
    if not value or _REFUSED_ASCII.search(value):
        return None
    if not value.isascii() and any(
        ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf") for ch in value
    ):
        return None
    for candidate in (value, html.unescape(value)):
        try:
            parts = urlsplit(candidate)
        except ValueError:
            return None
        if parts.scheme.lower() not in SAFE_SCHEMES or not parts.netloc or "\\" in candidate:
            return None
        if "@" in parts.netloc:
            return None
    return value


def userinfo(url: str) -> str:
    """The user name (and password) written before an http(s) address's host, with its
    "@" ("github.com@" of "https://github.com@example.org/"), else ""."""
    try:
        parts = urlsplit(html.unescape(url))
    except ValueError:
        return ""
    if parts.scheme.lower() not in SAFE_SCHEMES or "@" not in parts.netloc:
        return ""
    return parts.netloc.rpartition("@")[0] + "@"


# Tags a curator's Markdown may produce. h1 is left out on purpose: the page owns its
# title (and Material decides whether to add the page title by looking for an <h1> in the
# content); curator headings are moved below the page's own (`_curate`): h2 at the
# highest, in a topic's description right under the title.
_NOTE_TAGS = {
    "p", "br", "hr", "em", "strong", "code", "pre", "blockquote", "a",
    "ul", "ol", "li", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td",
    "del", "sup", "sub", "span",
}  # fmt: skip
_NOTE_ATTRIBUTES = {
    "a": {"href", "title"}, "th": {"align", "scope"}, "td": {"align"}, "span": {"class"},
}


def _only_absolute_http(tag: str, attribute: str, value: str) -> str | None:
    if attribute == "href":
        return safe_url(value)
    if attribute == "class":  # (only the span of a word kept whole: tablewords.py)
        return value if (tag, value) == ("span", tablewords.WORD_CLASS) else None
    return value


# Block nesting deeper than this (a list level counts two: the list and its item) is not
# parsed: markdown-it then drops the rest of the text, so such notes are shown as the
# text they are instead. It also bounds the parser's recursion, inline nesting included.
_MAX_NESTING = 20


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    # CommonMark, as GitHub reads a curator's Markdown: a list may follow a paragraph
    # line, nested lists indent by the parent's marker width, plus GitHub's tables,
    # ~~strike~~ and bare URLs. html=False: HTML the curator typed is shown literally,
    # like every other piece of curator text.
    md = MarkdownIt("commonmark", {"html": False, "linkify": True, "maxNesting": _MAX_NESTING})
    md.enable(["table", "strikethrough", "linkify"])
    # Only a URL written with its http(s) scheme becomes a link; "example.org" or an
    # email address in prose stays prose.
    md.linkify.set({"fuzzy_link": False, "fuzzy_email": False, "fuzzy_ip": False})
    for schema in ("ftp:", "//", "mailto:"):
        md.linkify.add(schema, None)
    # Every link reaches _curate, which decides on its target as written (safe_url);
    # markdown-it would otherwise leave a javascript: link as bracketed text and
    # percent-encode spaces or invisible characters into an address that passes.
    md.validateLink = lambda url: True
    md.normalizeLink = lambda url: url
    md.normalizeLinkText = lambda url: url
    md.inline.ruler.at("image", _image_as_text)
    md.core.ruler.before("text_join", "as_typed", _as_typed)
    md.core.ruler.push("curate", _curate)
    # A short hyphenated word of a table's cell in a span kept on one line (tablewords.py).
    md.core.ruler.push("table_words", lambda state: tablewords.mark_tokens(state.tokens))
    return md


# An opening tag the curator typed (its closing tag needs no second word): shown as
# text, since notes are Markdown without HTML. Only HTML's own element names count:
# "<mask>", "<eos>" or "Vec<T>" in notes on ML papers are text meant as text, and
# "x <y" or "p<0.05" is no tag at all.
_TYPED_TAG = lazyre.compile(r"<([A-Za-z][\w-]*)(?:\s[^<>]*)?/?>")
_HTML_ELEMENTS = frozenset(
    "a abbr address article aside audio b base bdi bdo blockquote body br button canvas"
    " caption center cite code col colgroup data dd del details dfn dialog div dl dt em"
    " embed fieldset figcaption figure font footer form frame frameset h1 h2 h3 h4 h5 h6"
    " head header hr html i iframe img input ins kbd label legend li link main map mark"
    " marquee menu meta meter nav noscript object ol optgroup option output p param"
    " picture pre progress q rp rt ruby s samp script section select small source span"
    " strike strong style sub summary sup svg table tbody td template textarea tfoot th"
    " thead time title tr track tt u ul var video wbr math".split()
)

_UNSAFE_LINK = (
    "the link to '{href}' shows as its text only: a link needs an absolute https://"
    " (or http://) address, without spaces or invisible characters"
)
# As `check` says of a link field holding one (validate.py), but a warning, as for the
# other links of notes that show as text.
_USERINFO_LINK = (
    "the link to '{href}' holds '{userinfo}' before its host: a browser goes to '{host}'"
    " and skips that part, so it shows as its text only; remove that part (a password"
    " too: the text is published), and check that the host is the site meant"
)
_TYPED_COMMENT = (
    "'<!-- ... -->' shows as text: readers see it, as Markdown here takes no HTML (a note"
    " for curators goes in a YAML comment, a line starting with # outside the field)"
)
_HIDDEN_REFERENCE = "'{written}' shows as text: it stands for {char}, {what}; remove it"
_FORBIDDEN = lazyre.compile(f"[{FORBIDDEN_CHARS}]")
_IMAGE_AS_TEXT = (
    "an image shows as the text typed: pages load nothing from other sites (link to it"
    " instead: [a figure](https://...))"
)
_TYPED_HTML = (
    "'{tag}' shows as text: Markdown here takes no HTML"
    " (write **bold**, *italic*, `code`, [text](https://...))"
)


def _image_as_text(state: StateInline, silent: bool) -> bool:
    # Images would load from a third party on every view and vanish from the sanitised
    # output anyway: the image syntax is shown as written, so the curator's alt text and
    # URL stay visible.
    start = state.pos
    if not markdown_image(state, True):  # (silent: it only moves past the image)
        return False
    if not silent:
        # text_special: the bare-URL finder reads only "text"; text_join then merges it
        # into the text around it.
        token = state.push("text_special", "", 0)
        token.content = state.src[start : state.pos]
        state.env.setdefault("notices", []).append((token.content, _IMAGE_AS_TEXT))
    return True


# A relative link to a page of the site, as hand-written pages write one
# ("papers/<id>.md", "../../topics/<id>/"): notes and descriptions take none.
_SITE_PAGE = lazyre.compile(
    r"(?:\.{0,2}/)*(papers|topics)/([a-z0-9]+(?:-[a-z0-9]+)*)(?:\.md|/index\.md|/)?(#\S*)?"
)


def _unsafe_link(href: str) -> str:
    """What `check` says of a link of notes that shows as its text only, with the address
    meant when it is one slip in typing from one ("htps://…", "github.com/…"), or how to
    link a paper or topic of the list when it is the site's relative address of one."""
    from .validate import url_fix  # (validate reads notes with this module)

    said = _UNSAFE_LINK.format(href=_printable(href))
    page = _SITE_PAGE.fullmatch(href)
    if page is not None:
        return said + _page_hint(*page.groups())
    fixed = url_fix(href)
    if fixed == f"https://{href}" and "/" not in href:
        fixed = ""  # ("[the appendix](appendix.pdf)": a file's name, more likely than a site's)
    return said + (f"; write {_printable(fixed)}" if fixed else "")


def _page_hint(kind: str, ident: str, anchor: str | None = None) -> str:
    """How to link the paper's or topic's page ``kind/ident`` from notes (at ``anchor``,
    "#abstract", where the link had one), the site's address left to `site_page_hint`
    (each file's notes are read on their own, and kept from load to load)."""
    said = f"; link a page of this list by its full web address (https://…/{kind}/{ident}/{anchor or ''})"
    return said + (" (a paper's page links the papers its 'related:' lists)" if kind == "papers" else "")


_PAGE_HINT = lazyre.compile(
    re.escape("; link a page of this list by its full web address (https://…/")
    + r"(papers|topics)/([a-z0-9-]+)/(#\S*)?\)(?: \(a paper's page links the papers its 'related:' lists\))?$"
)


def site_page_hint(
    message: str, site: str, paper_ids: Container[str], own: str | None, own_related: Container[str] = ()
) -> str:
    """``message`` with its `_page_hint` made one to copy: the page's address on ``site``
    (the site's address, "" when not set), or, without one, to set it first; and for a
    paper of the list other than ``own`` (the paper whose notes link it, None in a
    topic's description), to list it in 'related:', which needs no address, or, when
    ``own_related`` (that paper's 'related:') lists it already, that its page links it
    so. Else ``message`` as it is."""
    found = _PAGE_HINT.search(message)
    if found is None:
        return message
    kind, ident, anchor = found.groups()
    related = (
        f"add {quoted(ident)} to this paper's 'related:' (its page links the papers listed there)"
        if kind == "papers" and own is not None and ident != own and ident in paper_ids
        else ""
    )
    if related and ident in own_related:
        # (curator's walk-through: told to add to 'related:' the paper it already listed
        # there, which left the curator no step to take but the address)
        related = ""
        message = message[: found.start()] + (
            f"; {quoted(ident)} is in this paper's 'related:' already, so its page links it there"
        ) + message[found.start() :]
        found = _PAGE_HINT.search(message)
        assert found is not None
    if site:
        said = f"link a page of this list by its full web address ({site}{kind}/{ident}/{anchor or ''})"
        said += f", or {related}" if related else ""
    else:
        said = (
            "link a page of this list by its full web address, which `check` gives once the"
            " site's address is set (the SITE_URL variable, or site_url in mkdocs.yml)"
        )
        said = f"{related}, or {said}" if related else said
    return message[: found.start()] + "; " + said


# What `check` says of a link in a paper's notes written as another paper's id, alone
# ("[GIN](gin)", "[GIN](GIN)") or as its page's address or file from this one's
# ("../gin/", "./gin/", "gin.md", "../gin/#abstract"): only once every paper's id is
# known (each file's notes are read on their own) is it said how to link it.
_BY_PAPER_ID = lazyre.compile(
    "'notes': "
    + re.escape(_UNSAFE_LINK).replace(
        re.escape("{href}"), r"(?:\.{1,2}/)?([A-Za-z0-9]+(?:-[A-Za-z0-9]+)*)(?:/|\.md)?(#\S*)?"
    )
    + "$"
)


def paper_link_hint(message: str, paper_ids: Container[str]) -> str:
    """``message``, a warning of a paper's, with how to link the paper when it is of a
    link in notes by that paper's id (`_BY_PAPER_ID`); else ``message`` as it is."""
    found = _BY_PAPER_ID.match(message)
    if found is None or found.group(1).lower() not in paper_ids:
        return message
    return message + _page_hint("papers", found.group(1).lower(), found.group(2))


def _printable(text: str) -> str:
    """``text`` with each character a terminal would not print as itself (a line break,
    a right-to-left override) written as its escape: `check` prints a problem a line."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)


def _reference(char: str) -> str:
    return f"&#x{ord(char):X};"


def _hidden_reference(written: str, char: str) -> str:
    return _HIDDEN_REFERENCE.format(written=written, char=char_name(char), what=forbidden_char(char))


def _as_typed(state: StateCore) -> None:
    """What the curator typed, read before text_join merges character references into
    the text around them (a ``&lt;b&gt;`` is no typed tag, and the reference is no
    longer seen as one afterwards).

    A tag typed in the text (not in code, which shows a tag as code, as meant) is kept
    in ``env["notices"]``, also one broken over two lines. A character reference to a
    character no paper file may hold (schema.FORBIDDEN_CHARS: a bidirectional override,
    a line separator) stays the text typed: the check that keeps such characters out of
    every field would otherwise be passed by writing ``&#x202E;``."""
    notices: list[tuple[str, str]] = state.env.setdefault("notices", [])
    for token in state.tokens:
        if token.type != "inline" or not token.children:
            continue
        typed: list[str] = []  # a run of typed text, its line breaks included
        for child in [*token.children, None]:
            if child is not None and child.type in ("text", "softbreak"):
                typed.append(child.content if child.type == "text" else "\n")
                continue
            if typed:
                _typed_tags("".join(typed), notices)
                typed = []
            if child is not None and child.type == "text_special" and child.info == "entity":
                char = next(iter(_FORBIDDEN.findall(child.content)), None)
                if char is not None:
                    notices.append((child.markup, _hidden_reference(child.markup, char)))
                    child.content = child.markup


def _typed_tags(text: str, notices: list[tuple[str, str]]) -> None:
    notices.extend(("<!--", _TYPED_COMMENT) for _ in range(text.count("<!--")))
    for match in _TYPED_TAG.finditer(text):
        if match.group(1).lower() in _HTML_ELEMENTS:
            tag = match.group()
            # Located by its first line (a check reads a value line by line), told whole.
            notices.append((tag.split("\n", 1)[0], _TYPED_HTML.format(tag=" ".join(tag.split()))))


def _curate(state: StateCore) -> None:
    """Headings moved so the highest the curator wrote is ``env["top"]`` (a page has its
    own h1 and h2: "#" in notes is no second title, and "###" under a description's h1 no
    skipped level); a link whose target is not an absolute http(s) URL
    becomes its text alone (nh3 would drop only the href, leaving an <a> that looks like
    a link and leads nowhere). What the curator may have meant otherwise is kept in
    ``env["notices"]`` (see `markdown_notices`), in the order met."""
    notices: list[tuple[str, str]] = state.env.setdefault("notices", [])
    levels = [int(t.tag[1]) for t in state.tokens if t.type == "heading_open"]
    shift = state.env.get("top", 3) - min(levels) if levels else 0
    for token in state.tokens:
        if token.nesting == 1 and token.level >= _MAX_NESTING - 1:
            state.env["too_deep"] = True
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{min(int(token.tag[1]) + shift, 6)}"
        elif token.type in ("th_open", "td_open"):
            # markdown-it aligns a column with a style attribute, which nh3 removes
            style = token.attrs.get("style")
            token.attrs = {"align": str(style).removeprefix("text-align:")} if style else {}
            if token.type == "th_open":
                # A header cell names its column to a screen reader, as in the generated
                # tables (and the hand-written pages', markup_access.py).
                token.attrs["scope"] = "col"
        if token.type != "inline" or not token.children:
            continue
        kept: list[Token] = []
        dropping = False
        for child in token.children:
            if child.type == "link_open":
                title = str(child.attrGet("title") or "")
                if _FORBIDDEN.search(title):
                    # (a character reference in the link's title: it is decoded with
                    # the title, so the reference is shown in one spelling of it)
                    for char in dict.fromkeys(_FORBIDDEN.findall(title)):
                        notices.append((_reference(char), _hidden_reference(_reference(char), char)))
                    child.attrSet("title", _FORBIDDEN.sub(lambda m: _reference(m.group()), title))
                href = str(child.attrGet("href") or "")
                dropping = safe_url(href) is None
                if dropping:
                    before_host = userinfo(href)
                    if before_host:  # (a bare URL too: its text shows the password)
                        host = urlsplit(html.unescape(href)).hostname or ""
                        notices.append((href, _USERINFO_LINK.format(
                            href=_printable(href), userinfo=_printable(before_host), host=host
                        )))
                    elif child.markup != "linkify":  # a bare URL the curator never marked up
                        # (an email address is written without its "mailto:")
                        written = href.removeprefix("mailto:")
                        notices.append((written, _unsafe_link(href)))
                    continue
                if said := host_warning(href):
                    # (kept: a list published on an intranet may mean it, as in a
                    # paper's links and the hand-written pages, in the same words)
                    notices.append((href, f"link {quoted(href)}: {said}"))
            elif child.type == "link_close" and dropping:
                dropping = False
                continue
            elif child.type == "s_open" or child.type == "s_close":
                child.tag = "del"  # what GitHub writes for ~~strike~~
            kept.append(child)
        token.children = kept


def _literal_paragraphs(value: str) -> Markup:
    paragraphs = _BLANK_LINES.split(value.strip())
    return Markup("".join(f"<p>{_escape(p)}</p>" for p in paragraphs if p.strip()))


def _parse(value: str, top: int = 3) -> tuple[list[Token], dict]:
    env: dict = {"top": top}
    return _markdown().parse(value, env), env


def markdown_notices(value: str) -> list[tuple[str, str]]:
    """What in curator Markdown does not show as its author may expect: (the text as
    written, why), in the order met. `check` reports them as warnings."""
    if not value.strip():
        return []
    _, env = _parse(value)
    if env.get("too_deep"):
        return []
    return list(env["notices"])  # each place (validate locates the n-th of a text)


def markdown_text(value: str) -> str:
    """Curator Markdown as the plain text a reader sees (a page's description): the
    words of its paragraphs, headings, lists and tables, without markup."""
    if not value.strip():
        return ""
    tokens, env = _parse(value)
    if env.get("too_deep"):
        return " ".join(value.split())
    blocks = [_inline_text(token) for token in tokens if token.type == "inline"]
    return " ".join(" ".join(blocks).split())


def markdown_first_paragraph(value: str) -> str:
    """The plain text of curator Markdown's first paragraph of its own (not a heading, nor
    in a list, a quote or a table): a topic card's line. "" when there is none."""
    if not value.strip():
        return ""
    tokens, env = _parse(value)
    if env.get("too_deep"):
        return ""
    for opening, inline in zip(tokens, tokens[1:]):
        if opening.type == "paragraph_open" and opening.level == 0 and inline.type == "inline":
            return " ".join(_inline_text(inline).split())
    return ""


def _inline_text(token: Token) -> str:
    return "".join(
        child.content if child.type in ("text", "code_inline")
        else " " if child.type in ("softbreak", "hardbreak") else ""
        for child in token.children or ()
    )


def markdown_html(value: str, top: int = 3) -> Markup:
    """Curator Markdown (notes, topic descriptions) as sanitised HTML, its first heading
    level made ``top`` (3 for notes, under the page's "Notes" h2; 2 for a topic's
    description, under the page's h1), the others kept below it as written.

    Raw HTML in the Markdown is shown as literal text, and a link keeps its href only
    when it is an absolute http(s) URL; nh3 then removes anything outside a short list
    of tags and attributes, as a second line of defence.
    """
    if not value.strip():
        return Markup("")
    tokens, env = _parse(value, top)
    if env.get("too_deep"):
        return _literal_paragraphs(value)
    md = _markdown()
    rendered = md.renderer.render(tokens, md.options, env).rstrip("\n")
    cleaned = nh3.clean(
        rendered,
        tags=_NOTE_TAGS,
        attributes=_NOTE_ATTRIBUTES,
        url_schemes=set(SAFE_SCHEMES),
        attribute_filter=_only_absolute_http,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )
    return Markup(cleaned.translate(_FENCE_CHARS))
