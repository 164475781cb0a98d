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
* notes and topic descriptions: Markdown, rendered here and then sanitised with nh3,
  so raw HTML and links other than absolute http(s) ones are dropped.

Every function returns `markupsafe.Markup`, so Jinja's autoescaping does not escape
the result a second time.
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache
from urllib.parse import urlsplit
from xml.etree import ElementTree as etree

import markdown
import markupsafe
import nh3
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

SAFE_SCHEMES = ("http", "https")

_BLANK_LINES = re.compile(r"\n[ \t]*\n\s*")


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


@lru_cache(maxsize=_SEEN)
def inline_text(value: str) -> Markup:
    """Plain text for a one-line context (a table cell, a link text, a title).

    Line breaks become spaces; HTML shows any run of whitespace as one space anyway, so
    what the reader sees is unchanged.
    """
    return text(" ".join(value.split()))


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
_REFUSED_ASCII = re.compile("[\x00-\x20\x7f]")


@lru_cache(maxsize=_SEEN)
def safe_url(value: str) -> str | None:
    """``value`` when it is an absolute http(s) URL that is safe to put in an href.

    The URL is checked both as written and with HTML character references decoded,
    so ``javascript&#58;...`` is refused even if something downstream decodes it once
    more. Whitespace and control or format characters (which browsers strip or fold
    before reading the scheme) are refused outright.
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
    return value


# Tags a curator's Markdown may produce. h1 and h2 are left out on purpose: the page
# owns its title and section headings (and Material decides whether to add the page
# title by looking for an <h1> in the content), so curator headings are demoted by two.
_NOTE_TAGS = {
    "p", "br", "hr", "em", "strong", "code", "pre", "blockquote", "a",
    "ul", "ol", "li", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td",
    "del", "sup", "sub",
}  # fmt: skip
_NOTE_ATTRIBUTES = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}}


def _only_absolute_http(tag: str, attribute: str, value: str) -> str | None:
    if attribute == "href":
        return safe_url(value)
    return value


@lru_cache(maxsize=1)
def _markdown() -> markdown.Markdown:
    # No extension that reads files (snippets) or evaluates anything; attr_list is left
    # out too, so `{onclick=...}` stays text. Without the raw-HTML processors, HTML the
    # curator typed is shown literally, like every other piece of curator text.
    converter = markdown.Markdown(extensions=["tables", "fenced_code", "sane_lists"])
    converter.preprocessors.deregister("html_block")
    converter.inlinePatterns.deregister("html")
    # Images would load from a third party on every view and vanish from the sanitised
    # output anyway; without the image patterns `![alt](url)` reads as "!" and a link
    # to the image, so the curator's alt text and URL stay visible.
    for name in ("image_link", "image_reference", "short_image_ref"):
        converter.inlinePatterns.deregister(name)
    converter.treeprocessors.register(_UnsafeLinksAsText(converter), "unsafe_links", 0)
    return converter


# An opening tag the curator typed (its closing tag needs no second word): shown as
# text, since notes are Markdown without HTML. Only HTML's own element names count:
# "<mask>", "<eos>" or "Vec<T>" in notes on ML papers are text meant as text, and
# "x <y" or "p<0.05" is no tag at all.
_TYPED_TAG = re.compile(r"<([A-Za-z][\w-]*)(?:\s[^<>]*)?/?>")
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
# Python-Markdown hides an email autolink's address from spam bots as character
# references, with "&" written as this placeholder until the page is serialised.
_AMP_PLACEHOLDER = markdown.util.AMP_SUBSTITUTE


class _UnsafeLinksAsText(Treeprocessor):
    """A link whose target is not an absolute http(s) URL becomes its text alone.

    (nh3 would drop only the href, leaving an <a> that looks like a link and leads
    nowhere.) The element becomes a <span>, which nh3 then unwraps. What the curator
    may have meant otherwise is kept in ``notices`` (see `markdown_notices`), in the
    order met.
    """

    notices: list[tuple[str, str]] = []

    def run(self, root: etree.Element) -> None:
        self.notices = []
        for element in root.iter():
            if element.tag == "a" and safe_url(element.get("href", "")) is None:
                href = html.unescape(element.get("href", "").replace(_AMP_PLACEHOLDER, "&"))
                element.tag = "span"
                element.attrib.clear()
                # (an email address is written without its "mailto:" in the file)
                self.notices.append((href.removeprefix("mailto:"), _UNSAFE_LINK.format(href=href)))
            # Code shows a tag as code, which is what was meant; the text after the
            # code (its tail) is the paragraph's again.
            texts = (element.tail,) if element.tag in ("code", "pre") else (element.text, element.tail)
            for text in texts:
                for match in _TYPED_TAG.finditer(text or ""):
                    if match.group(1).lower() in _HTML_ELEMENTS:
                        tag = match.group()
                        self.notices.append((tag, _TYPED_HTML.format(tag=tag)))


_UNSAFE_LINK = (
    "the link to '{href}' shows as its text only: a link needs an absolute https://"
    " (or http://) address, without spaces or invisible characters"
)
_TYPED_HTML = (
    "'{tag}' shows as text: Markdown here takes no HTML"
    " (write **bold**, *italic*, `code`, [text](https://...))"
)


# Python-Markdown's link patterns take time quadratic in the number of `[` that could
# open a link (5,000 take seconds to minutes). Real notes hold a handful of links; text
# with more openers than this is shown literally instead of stalling the build.
MAX_LINK_OPENERS = 200


def _literal_paragraphs(value: str) -> Markup:
    paragraphs = _BLANK_LINES.split(value.strip())
    return Markup("".join(f"<p>{_escape(p)}</p>" for p in paragraphs if p.strip()))


_HEADING = re.compile(r"<(/?)h([1-6])\b")


def _demote(match: re.Match[str]) -> str:
    level = min(int(match.group(2)) + 2, 6)
    return f"<{match.group(1)}h{level}"


def _forget_converter() -> None:
    # A conversion cut short leaves the block parser's state stack as it was at that
    # depth, and reset() does not clear it: the next text would be parsed as if inside
    # that list. A new converter starts clean.
    _markdown.cache_clear()


def markdown_notices(value: str) -> list[tuple[str, str]]:
    """What in curator Markdown does not show as its author may expect: (the text as
    written, why), in the order met. `check` reports them as warnings."""
    if not value.strip() or value.count("[") > MAX_LINK_OPENERS:
        return []
    converter = _markdown()
    converter.reset()
    try:
        converter.convert(value)
    except RecursionError:
        _forget_converter()
        return []
    finder = converter.treeprocessors["unsafe_links"]
    assert isinstance(finder, _UnsafeLinksAsText)
    return list(dict.fromkeys(finder.notices))  # each the first time only


def markdown_html(value: str) -> Markup:
    """Curator Markdown (notes, topic descriptions) as sanitised HTML.

    Raw HTML in the Markdown is shown as literal text, and a link keeps its href only
    when it is an absolute http(s) URL; nh3 then removes anything outside a short list
    of tags and attributes, as a second line of defence.
    """
    if not value.strip():
        return Markup("")
    if value.count("[") > MAX_LINK_OPENERS:
        return _literal_paragraphs(value)
    converter = _markdown()
    converter.reset()
    try:
        converted = converter.convert(value)
    except RecursionError:
        # Python-Markdown recurses once per level of nesting, so a list nested hundreds
        # of levels deep exhausts the stack: such notes are shown as the text they are.
        _forget_converter()
        return _literal_paragraphs(value)
    rendered = _HEADING.sub(_demote, converted)
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
