"""Turning LaTeX remnants in scraped text into plain, readable text.

Scraped abstracts and BibTeX fields carry LaTeX: ``\\%``, ``\\textit{x}``, ``T\\"ULU``,
````A" quotes``, ``\\eg``, ``\\url{...}``, ``e.g.~RoBERTa`` and ``{grouping braces}``.
The result is plain text. Emphasis commands keep their words (``emphasis=False``, what
the importers ask for: pages show an abstract exactly as written, so stars would show),
or become the Markdown the Hugging Face listings write (``\\textit{x}`` and
``\\emph{x}`` give ``*x*``, ``\\textbf{x}`` gives ``**x**``). Literal asterisks
(``ReST-MCTS*``), ``P(y|x)``, ``<4%`` and ``R^2`` are plain text and stay as they are.

URLs are protected: nothing inside one is rewritten (``~user`` stays). So is math
(``$...$``, ``$$...$$``, ``\\(...\\)``, ``\\[...\\]``): it is kept exactly as the authors
typed it, dollars included (see `_MATH`). A command this module does not know is kept
literally rather than guessed at, so nothing is lost.
As in TeX, a control word eats the spaces after it (``Stra\\ss e`` is "Straße") and
``\\{``/``\\}`` are literal braces. TeX's dash ligatures are asked for (``dashes=True``)
where the text is TeX source, as BibTeX fields are.

Cleaning is idempotent, except that a literal brace in the result would be read as a
grouping brace by a second cleaning. Text without backslashes, braces, tildes,
backquotes or dollars (or double hyphens, with ``dashes=True``) is returned unchanged.
"""

from __future__ import annotations

import re

from pylatexenc.latex2text import LatexNodes2Text

from .links import find_url_spans

_TO_TEXT = LatexNodes2Text()

_URL_CMD = re.compile(r"\\(?:url|href)\s*\{([^{}]*)\}(?:\s*\{([^{}]*)\})?")
# Accent macros (``\"U``, ``\"{U}``, ``\c{c}``) and letter macros (``\ss``, ``\o``):
# pylatexenc knows the Unicode for each; it is handed only the macro and, after a control
# word, the spaces that word eats in TeX (``Stra\\ss e`` is "Straße"): one line break may
# be among them, a blank line may not.
_ACCENT = re.compile(
    r"\{?\\(?:[\"'`^~=.]\s*(?:\{\\?[A-Za-z]?\}|\\[A-Za-z](?![A-Za-z])[ \t]*|[A-Za-z])"
    r"|[uvHckrbd]\s*\{\\?[A-Za-z]\}|[uvHckrbd]\s+[A-Za-z](?![A-Za-z]))\}?"
    r"|\\(?:ss|ae|AE|oe|OE|aa|AA|o|O|l|L|i|j)(?![A-Za-z])(?:\{\}|[ \t]*(?:\n[ \t]*)?)"
)
_EMPH = re.compile(r"\\(?:textit|emph|textsl|mathit)\s*\{([^{}]*)\}|\{\\(?:it|em|sl)\s+([^{}]*)\}")
_BOLD = re.compile(r"\\(?:textbf|mathbf)\s*\{([^{}]*)\}|\{\\bf\s+([^{}]*)\}")
_PLAIN_ARG = re.compile(
    r"\\(?:texttt|textsc|textrm|textsf|textup|textnormal|text|mbox|mathrm|mathsf|mathtt|"
    r"mathcal|mathbb|operatorname|textmd)\s*\{([^{}]*)\}"
)
_WORDS = {
    "eg": "e.g.", "ie": "i.e.", "etal": "et al.", "etc": "etc.", "vs": "vs.", "cf": "cf.",
    "wrt": "w.r.t.", "textendash": "\u2013", "textemdash": "\u2014", "ldots": "\u2026",
    "dots": "\u2026", "textellipsis": "\u2026", "LaTeX": "LaTeX", "TeX": "TeX",
    "textquoteright": "\u2019", "textquoteleft": "\u2018", "textquotedblleft": "\u201c",
    "textquotedblright": "\u201d", "textasciitilde": "~", "textbackslash": "\\",
    "textbar": "|", "textless": "<", "textgreater": ">", "textregistered": "\u00ae",
    "texttrademark": "\u2122", "textcopyright": "\u00a9", "S": "\u00a7", "P": "\u00b6",
}
_WORD_CMD = re.compile(
    r"\\(" + "|".join(sorted(_WORDS, key=len, reverse=True)) + r")(?![A-Za-z])(\{\}|\\ )?"
)
_ESCAPED = re.compile(r"\\([%&_#$])")
# ``\\{`` and ``\\}`` are literal braces. They are held as placeholders until cleaning is
# done, or the pass that drops grouping braces would take them for a group.
_ESCAPED_BRACE = re.compile(r"(?<!\\)\\([{}])")
_BRACE_HELD = {"{": "\ue002", "}": "\ue003"}
_BRACE_RELEASED = str.maketrans({held: brace for brace, held in _BRACE_HELD.items()})
_BRACES = str.maketrans(_BRACE_HELD)
# TeX's dash ligatures: ``--`` is an en dash, ``---`` an em dash. Only between two words or
# numbers (``2--3``, ``this---that``, ``this -- that``): a hyphen run next to a space on one
# side only is a command-line flag (``--help``), and a longer run is not a dash at all.
_DASH = re.compile(r"(?<=[^\W_])-{2,3}(?=[^\W_])|(?<=[^\s-] )-{2,3}(?= [^\s-])")
_SPACING = re.compile(r"\\(?:\\|[ ,;:!>])")
_DOUBLE_QUOTES = re.compile(r"``([^`\n]{0,400}?)(?:''|\")")
_SINGLE_QUOTES = re.compile(r"(?<![`\w])`([^`'\n]{1,80})'(?!')")
# A tie joins two words (``e.g.~RoBERTa``, ``Models~(LLMs)``); ``by ~3%`` means
# "about" and keeps its tilde.
_TIE = re.compile(r"(?<=[\w.,;:)\]])~(?=[\w(\[])")
_GROUP = re.compile(r"(?<!\\)\{([^{}\\]*)\}")
_COMMAND_BEFORE = re.compile(r"\\[A-Za-z]+\s*$")
# Math is kept verbatim, as typed. Converting it to Unicode works for a lone symbol
# (``$\\alpha$``) and goes wrong for the rest: ``$\\mathcal{O}(k \\log n)$`` came out
# "𝒪(k logn)", ``$k \\times n$`` "k ×n", while ``$O(n^2)$`` had to keep its dollars; a
# half-converted formula reads as a different one. Readers of papers read TeX math (arXiv
# keeps an abstract's math as TeX, too), and a page shows it as typed. Inline math is told
# from prices as Pandoc tells it: the opening ``$`` has a non-space after it, the closing
# one a non-space before it and no digit after it (``$5 or $6`` is not math). It may run
# over a line break, as BibTeX fields do, but not over a blank line (a paragraph).
_LINE_BREAK = r"\n(?![ \t]*\n)"
_MATH_BODY = r"(?:[^\n\ue000\ue001]|" + _LINE_BREAK + r"){{1,{}}}?"
_INLINE_BODY = (
    r"(?:[^$\\\n\ue000\ue001]|\\(?:[^\n\ue000\ue001]|" + _LINE_BREAK + r")|"
    + _LINE_BREAK
    + r"){0,600}?"
)
_MATH = re.compile(
    r"(?<![\\$])\$\$" + _MATH_BODY.format(2000) + r"\$\$"
    r"|(?<![\\$])\$(?![\s$])" + _INLINE_BODY + r"(?<![\s\\])\$(?![\d$])"
    r"|(?<!\\)\\\(" + _MATH_BODY.format(2000) + r"\\\)"
    r"|(?<!\\)\\\[" + _MATH_BODY.format(2000) + r"\\\]"
)

_SPECIAL = re.compile(r"[\\{}~`$]")
_SPECIAL_OR_DASH = re.compile(r"[\\{}~`$]|--")
_PLACEHOLDER = "\ue000{}\ue001"
_PLACEHOLDER_RE = re.compile("\ue000(\\d+)\ue001")
_MAX_PASSES = 50


def clean_latex(text: str, emphasis: bool = True, dashes: bool = False) -> str:
    """Plain text from ``text``: LaTeX remnants converted, everything else kept.

    With ``emphasis=False`` (titles, names), emphasis commands keep only their text.
    With ``dashes=True``, for text that is TeX source (BibTeX fields), ``--`` and ``---``
    between two words or numbers become the en and em dashes TeX typesets. Scraped text
    keeps them as typed: there ``--`` is what the page showed its readers.
    """
    if not (_SPECIAL_OR_DASH if dashes else _SPECIAL).search(text):
        return text
    # Text that already holds a placeholder character keeps ``\\{`` as typed: releasing
    # the placeholders at the end would turn that character into a brace.
    hold_braces = not any(held in text for held in _BRACE_HELD.values())
    for _ in range(_MAX_PASSES):
        cleaned = _one_pass(text, emphasis, dashes, hold_braces)
        if cleaned == text:
            break
        text = cleaned
    return text.translate(_BRACE_RELEASED) if hold_braces else text


def _one_pass(text: str, emphasis: bool, dashes: bool, hold_braces: bool) -> str:
    text = _URL_CMD.sub(lambda m: m.group(1).strip(), text)
    if "\ue000" in text or "\ue001" in text:
        return _rules(text, emphasis, dashes, hold_braces)
    urls: list[str] = []

    def protect(kept: str) -> str:
        urls.append(kept)
        return _PLACEHOLDER.format(len(urls) - 1)

    pieces, last = [], 0
    for start, end in find_url_spans(text):
        pieces.append(text[last:start])
        pieces.append(protect(text[start:end]))
        last = end
    pieces.append(text[last:])
    # Math is looked for outside URLs only: a URL may hold a ``$``.
    held = _MATH.sub(lambda m: protect(m.group(0)), "".join(pieces))
    cleaned = _rules(held, emphasis, dashes, hold_braces)
    return _PLACEHOLDER_RE.sub(lambda m: urls[int(m.group(1))], cleaned)


def _rules(text: str, emphasis: bool, dashes: bool, hold_braces: bool) -> str:
    if hold_braces:
        text = _ESCAPED_BRACE.sub(lambda m: _BRACE_HELD[m.group(1)], text)
    if dashes:
        text = _DASH.sub(lambda m: _TO_TEXT.latex_to_text(m.group(0)), text)
    text = _ACCENT.sub(lambda m: _TO_TEXT.latex_to_text(m.group(0)), text)
    star, stars = ("*", "**") if emphasis else ("", "")
    text = _EMPH.sub(lambda m: _wrap(_arg(m), star), text)
    text = _BOLD.sub(lambda m: _wrap(_arg(m), stars), text)
    text = _PLAIN_ARG.sub(lambda m: m.group(1), text)
    text = _WORD_CMD.sub(lambda m: _WORDS[m.group(1)] + (" " if m.group(2) == "\\ " else ""), text)
    text = _ESCAPED.sub(lambda m: m.group(1), text)
    text = _SPACING.sub(" ", text)
    text = _DOUBLE_QUOTES.sub(lambda m: f"\u201c{m.group(1)}\u201d", text)
    text = _SINGLE_QUOTES.sub(lambda m: f"\u2018{m.group(1)}\u2019", text)
    text = _TIE.sub(" ", text)
    return _strip_groups(text)


def _arg(match: re.Match[str]) -> str:
    return match.group(1) if match.group(1) is not None else match.group(2)


def _wrap(inner: str, mark: str) -> str:
    """``*inner*`` with any surrounding spaces moved outside, so the emphasis is well formed."""
    stripped = inner.strip()
    if not stripped:
        return inner
    lead = inner[: len(inner) - len(inner.lstrip())]
    trail = inner[len(inner.rstrip()) :]
    return f"{lead}{mark}{stripped}{mark}{trail}"


def _strip_groups(text: str) -> str:
    """Drop grouping braces; braces holding an unknown command's argument stay."""
    while True:
        changed = False

        def drop(match: re.Match[str], source: str = text) -> str:
            nonlocal changed
            if _COMMAND_BEFORE.search(source, 0, match.start()):
                return match.group(0)
            changed = True
            return match.group(1)

        new = _GROUP.sub(drop, text)
        if not changed:
            return text
        text = new
