"""Turning LaTeX remnants in scraped text into plain, readable text.

Scraped abstracts and BibTeX fields carry LaTeX: ``\\%``, ``\\textit{x}``, ``T\\"ULU``,
````A" quotes``, ``\\eg``, ``\\url{...}``, ``e.g.~RoBERTa`` and ``{grouping braces}``.
The result is plain text. Emphasis commands keep their words (``emphasis=False``, what
the importers ask for: pages show an abstract exactly as written, so stars would show),
or become the Markdown the Hugging Face listings write (``\\textit{x}`` and
``\\emph{x}`` give ``*x*``, ``\\textbf{x}`` gives ``**x**``). Literal asterisks
(``ReST-MCTS*``), ``P(y|x)``, ``<4%`` and ``R^2`` are plain text and stay as they are.

URLs are protected: nothing inside one is rewritten (``~user`` stays) but the escapes
that stand for a character (``a\\_b``, ``{\\textasciitilde}u``, as bibliographies write
them). Math (``$...$``, ``$$...$$``, ``\\(...\\)``, ``\\[...\\]``) is kept exactly as the
authors typed it, dollars and escapes included (see `_MATH`), except one character that
an exporter wrote as math for itself (``$\\backslash$``: `_MATH_CHARACTERS`), and inline
math of Greek letters and symbols alone, which reads as those characters (``$\\beta$-VAE``
is "β-VAE": `simple_math`). A command
this module does not know is kept literally rather than guessed at, so nothing is lost.
As in TeX, a control word eats the spaces after it (``Stra\\ss e`` is "Straße"),
``\\{``/``\\}`` are literal braces, and an empty group breaks a ligature (``-{}-`` is
two hyphens). TeX's dash ligatures are asked for (``dashes=True``) where the text is TeX
source, as BibTeX fields are.

Cleaning undoes the escaping this tool's BibTeX export does (export_bibtex): a title
exported and read back is the title (tests/test_bibtex_round_trip.py). So it is not
idempotent: the character an escape stands for (``\\{``, ``{\\textbackslash}``) is read
once, as that character, and a second cleaning would read it as TeX. Text without
backslashes, braces, tildes, backquotes or dollars (or double hyphens, with
``dashes=True``) is returned unchanged.
"""

from __future__ import annotations

import re
import unicodedata
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache, lru_cache
from itertools import groupby
from typing import Iterator

from pylatexenc.latex2text import LatexNodes2Text

from . import lazyre
from .links import find_url_spans


@cache
def _to_text() -> LatexNodes2Text:
    # Made at its first use, not at import: its default macro tables cost some 3 ms, and a
    # rerun after one paper's edit seldom reads LaTeX.
    return LatexNodes2Text()


@lru_cache(maxsize=4096)
def _pylatexenc_text(tex: str) -> str:
    """``tex`` as pylatexenc reads it, once a text: it builds a parser for each text it
    reads (0.3 ms an accent), and a file writes the same few accents, dashes and Greek
    letters over and over (keep_sources.py's 10,000-entry .bib has 239 ``\\"U``: 0.08 s).
    (Bounded: a file of distinct math keeps no more than a few thousand.)"""
    return _to_text().latex_to_text(tex)


# ``\\url{address}`` and ``\\href{address}{text}`` (a group right after a \\url is taken for
# its text too: "\\url{https://...}{here}" means a link reading "here"). The text may hold
# two levels of groups (``\\href{...}{\\texttt{github.com/a/b}}``); a deeper one is left
# for a later pass, once the rules have read its inner groups (see _strip_groups). The
# address may hold one level (``\\url{example.com/{x}}``): the url package prints an
# address as written, braces and all, as a `url` field's is read; taken apart first, the
# group went and the rest ("example.com/x") was read as words.
_GROUPED = r"(?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*"
_ADDRESS = r"(?:[^{}]|\{[^{}]*\})*"
_URL_CMD = lazyre.compile(
    r"\\url\s*\{(?P<address>" + _ADDRESS + r")\}(?:\{(?P<text>" + _GROUPED + r")\}|(?!\{))"
    r"|\\href\s*\{(?P<href>" + _ADDRESS + r")\}(?:\s*\{(?P<hreftext>" + _GROUPED + r")\}|(?!\s*\{))"
)
# A group right after a \\href's address (or glued to a \\url's) is its text, not a
# grouping. (\\url takes one argument: "\\url{...} {(accessed 2023)}" is a URL, then text.)
_URL_TEXT_AFTER = lazyre.compile(
    r"\\href\s*\{" + _ADDRESS + r"\}\s*$|\\url\s*\{" + _ADDRESS + r"\}$"
)
# What a link's text is reduced to, to tell whether it only repeats the address.
_URL_TEXT_NOISE = lazyre.compile(r"\\[A-Za-z]+|[{}\s]|^https?://|^www\.|/$")
# Accent macros (``\"U``, ``\"{U}``, ``\c{c}``) and letter macros (``\ss``, ``\o``):
# pylatexenc knows the Unicode for each; it is handed only the macro and, after a control
# word, the spaces that word eats in TeX (``Stra\\ss e`` is "Straße"): one line break may
# be among them, a blank line may not.
# SPACES stands for what a control word eats after it.
# An accent's letter may carry an accent already: Vietnamese stacks two
# (``Nguy\\~{\\^e}n`` is "Nguyễn"); the inner one, read first, leaves a letter such as ê.
_ACCENT_FORMS = (
    r"\\(?:[\"'`^~=.]\s*(?:\{\\?(?:[A-Za-z]|ACCENTED)?\}|\\[A-Za-z](?![A-Za-z])SPACES|[A-Za-z]|ACCENTED)"
    r"|[uvHckrbd]\s*\{\\?(?:[A-Za-z]|ACCENTED)\}|[uvHckrbd]\s+[A-Za-z](?![A-Za-z])|[uvHckrbd]\s*ACCENTED)"
).replace("ACCENTED", "[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]")
# (T1's \\dh, \\th, \\dj and \\ng write Icelandic and South Slavic names: Guðrún, Đoković.)
_LETTER_MACROS = (
    r"\\(?:ss|ae|AE|oe|OE|aa|AA|o|O|l|L|i|j|dh|DH|th|TH|dj|DJ|ng|NG)(?![A-Za-z])(?:\{\}|SPACES)"
)
_ACCENT = lazyre.compile(
    r"\{?" + _ACCENT_FORMS.replace("SPACES", r"[ \t]*") + r"\}?|"
    + _LETTER_MACROS.replace("SPACES", r"[ \t]*(?:\n[ \t]*)?")
)
# The same for author lists: without the braces around an accent, which a name's parts
# are told by, and eating the spaces after a control word as TeX does ("Ko\\l odziej" is
# "Kołodziej") except before the " and " that parts two names ("Pawe\\l and Smith":
# BibTeX splits the list before it reads any TeX).
_NOT_AND = r"(?:[ \t]+(?![Aa][Nn][Dd]\s))?"
_NAME_ACCENT = lazyre.compile(
    _ACCENT_FORMS.replace("SPACES", _NOT_AND) + "|" + _LETTER_MACROS.replace("SPACES", _NOT_AND)
)
# \\emph and \\em switch the shape, as TeX does: emphasis inside emphasis is upright;
# \\textit, \\it, \\textsl, \\sl and \\mathit set italics (their own kind inside changes nothing).
_EMPH = lazyre.compile(r"\\emph\s*\{([^{}]*)\}|\{\\em\s+([^{}]*)\}")
_SHAPED = r"\\(?:COMMANDS)\s*\{([^{}]*)\}|\{\\(?:DECLARATIONS)\s+([^{}]*)\}"
_ITALIC = lazyre.compile(
    _SHAPED.replace("COMMANDS", "textit|textsl|mathit").replace("DECLARATIONS", "it|sl|itshape|slshape")
)
_BOLD = lazyre.compile(_SHAPED.replace("COMMANDS", "textbf|mathbf").replace("DECLARATIONS", "bf|bfseries"))
# (fix35) LaTeX's declarations of a shape or a family that sets no emphasis, and the
# old-style ones of small capitals, roman, sans serif and typewriter: their words, as a
# text command's (`_PLAIN_ARG`). Before, "{\\sc Caps}" and "{\\itshape x}" were kept as
# written, an unknown command; versions before read them so (`declarations_as_before`).
_PLAIN_DECLARATION = lazyre.compile(r"\{\\(?:sc|rm|sf|tt|scshape|rmfamily|sffamily|ttfamily)\s+([^{}]*)\}")
# (imp42) The commands and declarations that take a shape off: upright (``\\textup{x}``,
# ``{\\upshape x}``) ends italics, medium (``\\textmd``, ``\\mdseries``) bold, normal
# (``\\textnormal``, ``\\normalfont``) both. Read as their words alone, "b" of
# ``\\textit{a {\\upshape b} c}`` was in italics, which LaTeX shows upright.
_UPRIGHT = lazyre.compile(_SHAPED.replace("COMMANDS", "textup").replace("DECLARATIONS", "upshape"))
_MEDIUM = lazyre.compile(_SHAPED.replace("COMMANDS", "textmd").replace("DECLARATIONS", "mdseries"))
_NORMAL = lazyre.compile(_SHAPED.replace("COMMANDS", "textnormal").replace("DECLARATIONS", "normalfont"))
# (imp42) A LaTeX2e declaration after words of its group ("{\\itshape a \\upshape b}",
# "\\textbf{a \\mdseries b}") sets its shape up to the group's end, as if it opened a
# group of its own there: `_rules` writes it so. It was kept as written, an unknown command.
# (Each pattern of these declarations starts at its backslash, the brace before looked at
# from there: a search of a 13 MB file took 140 ms with the look-behind first, each
# position tried, and 6 ms so.)
_DECLARATION_AFTER_WORDS = lazyre.compile(
    r"\\(?<!\{\\)(itshape|slshape|upshape|bfseries|mdseries|normalfont|scshape|rmfamily|sffamily|ttfamily)"
    r"(?![A-Za-z])\s*([^{}]*)(?=\}|$)"
)
# The same as read before: "{\\it x}", "{\\sl x}" and "{\\bf x}" only.
_ITALIC_BEFORE = lazyre.compile(_SHAPED.replace("COMMANDS", "textit|textsl|mathit").replace("DECLARATIONS", "it|sl"))
_BOLD_BEFORE = lazyre.compile(_SHAPED.replace("COMMANDS", "textbf|mathbf").replace("DECLARATIONS", "bf"))
# The declarations read now that versions before kept (or, "{\\sc", took for TeX and kept):
# at a group's start, and (imp42) a LaTeX2e one after words too (`_DECLARATION_AFTER_WORDS`).
_DECLARATION_READ_NOW = lazyre.compile(
    r"\\(?:(?<=\{\\)(?:sc|rm|sf|tt)|itshape|slshape|bfseries|scshape|upshape|mdseries|rmfamily|sffamily"
    r"|ttfamily|normalfont)(?![A-Za-z])"
)
_PLAIN_ARG = lazyre.compile(
    r"\\(?:texttt|textsc|textrm|textsf|text|mbox|mathrm|mathsf|mathtt|"
    r"mathcal|mathbb|operatorname|textsubscript|textsuperscript|underline)\s*\{([^{}]*)\}"
)
_WORDS = {
    "eg": "e.g.", "ie": "i.e.", "etal": "et al.", "etc": "etc.", "vs": "vs.", "cf": "cf.",
    "wrt": "w.r.t.", "textendash": "\u2013", "textemdash": "\u2014", "ldots": "\u2026",
    "dots": "\u2026", "textellipsis": "\u2026", "LaTeX": "LaTeX", "TeX": "TeX",
    "textquoteright": "\u2019", "textquoteleft": "\u2018", "textquotedblleft": "\u201c",
    "textquotedblright": "\u201d", "textasciitilde": "~", "textbackslash": "\\",
    "textbar": "|", "textless": "<", "textgreater": ">", "textregistered": "\u00ae",
    "texttrademark": "\u2122", "textcopyright": "\u00a9", "S": "\u00a7", "P": "\u00b6",
    # The rest of LaTeX's text symbols for ASCII characters, as the export writes them.
    "textbraceleft": "{", "textbraceright": "}", "textasciicircum": "^",
    "textasciigrave": "`", "textquotesingle": "'", "textquotedbl": '"',
    "textunderscore": "_", "textdollar": "$",
    # Symbols reference managers write for non-ASCII characters (Zotero's export).
    "textdegree": "\u00b0", "textmu": "\u00b5", "texttimes": "\u00d7", "textdiv": "\u00f7",
    "textpm": "\u00b1", "textperiodcentered": "\u00b7", "textbullet": "\u2022",
    "textdagger": "\u2020", "textdaggerdbl": "\u2021", "dag": "\u2020", "ddag": "\u2021",
    "copyright": "\u00a9", "textsection": "\u00a7", "textparagraph": "\u00b6",
    # TeX's no-op, which bibliographies put in a name's first letters so that a style
    # abbreviates them together: "{\\relax Ch}ristensen" is "Ch." there, Christensen here.
    "relax": "",
}
# The escapes that stand for one literal character or word, read before anything else
# (see `_Held`): ``\\%``, ``\\{``, ``{\\textbackslash}``, ``\\textasciitilde{}``, ``\\eg``,
# and a ligature character before an empty group (``-{}-`` is two hyphens in TeX, not
# a dash; this tool's BibTeX export writes ``--``, ``` `` ```, ``''``, ``?` ``, ``!` `` and
# ``,,`` so). A control symbol or an unknown control word is read as a whole and left,
# so that ``\\'{}`` stays an accent and ``\\\\`` a line break.
_WORD_ALTERNATIVES = "|".join(sorted(_WORDS, key=len, reverse=True))
# The words that stand for words: their macros are defined with a space after them
# (``\\newcommand{\\eg}{e.g.\\xspace}``), and scraped text writes ``\\LaTeX is``
# meaning two words. Every other word is a symbol, and eats the spaces after it as TeX
# does (``\\textbackslash emph`` is "\\emph", ``25\\textdegree C`` "25°C").
_SPACED_WORDS = frozenset({"eg", "ie", "etal", "etc", "vs", "cf", "wrt", "LaTeX", "TeX"})
# What a control word eats: spaces and tabs, and one line break among them, not a blank
# line (a paragraph's end).
_EATEN = r"[ \t]*\n(?![ \t]*\n)[ \t]*|[ \t]+"
# One character in math, as reference managers escape the characters an old TeX text
# font has no glyph for (Mendeley's and JabRef's ``$\\backslash$``, ``$\\{$``, ``$<$``):
# that character, not maths the authors typed.
_MATH_CHARACTERS = {
    r"\backslash": "\\", r"\{": "{", r"\}": "}", r"\_": "_", "|": "|", "<": "<", ">": ">",
}
# Those spans as written: the export writes a title's "$<$" as text, which reads back as
# typed (as math it would read back as "<").
ONE_CHARACTER_MATH = frozenset(f"${body}$" for body in _MATH_CHARACTERS)
_ESCAPE = lazyre.compile(
    r"\{\\(" + _WORD_ALTERNATIVES + r")(?:\{\})?\}"
    r"|\\(" + _WORD_ALTERNATIVES + r")(?![A-Za-z])(\{\}|\\ |" + _EATEN + r")?"
    r"|\\([%&_#${}])(?:\{\})?"  # (the empty group an export puts between "\&" and "\#")
    r"|([-`',!?])\{\}"
    r"|\\(?:[A-Za-z]+|[^A-Za-z%&_#${}])"
)
# TeX's dash ligatures: ``--`` is an en dash, ``---`` an em dash. Only between two words or
# numbers (``2--3``, ``this---that``, ``this -- that``): a hyphen run next to a space on one
# side only is a command-line flag (``--help``), and a longer run is not a dash at all.
# (Each way starts at its first hyphen, the character before looked at from there:
# see `_TIE_NOW_ONLY`. An abstract of 1,500 characters took 62 us a scan, each position
# tried.)
_DASH = lazyre.compile(r"-(?:(?<=[^\W_]-)-{1,2}(?=[^\W_])|(?<=[^\s-] -)-{1,2}(?= [^\s-]))")
# btxdoc's sorting trick: a command the file's @preamble defines to print nothing
# ("\\newcommand{\\noopsort}[1]{}"), named as bibliographies name it, with its argument.
_NO_OP = lazyre.compile(r"\\(?:noopsort|SortNoop|sortnoop|noop)\s*\{[^{}]*\}")
_SPACING = lazyre.compile(r"\\(?:\\|[ ,;:!>])")
_DOUBLE_QUOTES = lazyre.compile(r"``([^`\n]{0,400}?)(?:''|\")")
_SINGLE_QUOTES = lazyre.compile(r"(?<![`\w])`([^`'\n]{1,80})'(?!')")
# A tie joins a word to what follows it (``e.g.~RoBERTa``, ``Models~(LLMs)``, and a
# command, math or a quote too: ``Table~\\ref{t}``, ``size~$n$``, ``e.g.~\\emph{x}``, whose
# tilde TeX never prints); ``by ~3%`` means "about" and keeps its tilde. (A tilde that is
# text, ``\\~{}`` or one in an address, is held by then.) So is a tie after math, a held
# escape or emphasis (``size~$n$~and``, ``\\emph{x}~y``): its tilde showed. And one after
# a symbol a command writes (``\\S~3``, ``25\\textdegree~C``, ``\\dag~x``: the command eats
# a plain space, so a tie is how the space is written), or after a reference or a group
# (``\\ref{t}~shows``, ``\\cite{a}~and``). Ties in a row are as many spaces
# (``a~~b``), and so are the ties around a dash (``3~--~5``, "3 – 5", whose dash TeX reads
# between the spaces: `_DASH`).
_TIE = lazyre.compile(r"~(?:(?<=[\w.,;:)\]}\ud801\ue040-\ue043\ue045-\ue047\u00a7\u00b6\u2026\u00b0\u2020\u2021]~)|(?<=\S\*~))~*(?=[^\s~])")
_TIED_DASH = lazyre.compile(r"~(?:(?<=[\w.,;:)\]}\ud801\ue040-\ue043\ue045-\ue047\u00a7\u00b6\u2026\u00b0\u2020\u2021]~)|(?<=\S\*~))(-{1,3}|[\u2013\u2014])~(?=[^\s~])")
# A tie at emphasis' start is TeX's space whatever follows it: kept before a space or a
# line break (``\\textit{~\n}``), its tilde came out between Markdown's stars ("*~*"),
# where the second cleaning read it as a tie after a star that closes emphasis.
_TIE_AT_EMPHASIS_START = lazyre.compile("(?<=[\ue040-\ue042\ue045-\ue047])~+")
# The ties earlier versions read, which the file of a paper imported then still holds
# (see `ties_as_before`): before a word only, the rest keeping their tilde; then one
# tilde at a time (``a~~b`` was "a ~b"), no tie after a dash (``3~--~5`` was "3 --~5")
# nor after a command's symbol or a group (``\\S~3`` was "§~3", ``\\ref{t}~x`` kept its
# tilde), and a line break's second backslash taken for an accent's (``x~\\\\~y`` was
# "x \\ỹ").
_TIE_BEFORE = lazyre.compile(r"(?<=[\w.,;:)\]])~(?=[\w(\[])")
_TIE_ONE = lazyre.compile(r"(?<=[\w.,;:)\]*\ud801\ue043])~(?=\S)")
BEFORE_A_WORD, ONE_TIE_AT_A_TIME = "before a word", "one tie at a time"
# What each reads otherwise than this version, for a quick look (`tie_readings_before`):
# a tie after the end of math in any of its ways, "$", "\\)" or "\\]", of emphasis, or
# an escape, "\\&" and "\\_" too, but not after a slash, an opening bracket or a sign
# (an address's "/~user" or "(~10x)", no tie in any reading, had the file read twice);
# one after a command's name, braces or spaces between: "\\S~3", "{\\S} ~3", and so
# a tie at emphasis' start, whatever follows ("\\emph{~\n}": `_TIE_AT_EMPHASIS_START`);
# for one tie at a time, a star's tie where it opens emphasis ("*~x" was "* x"). And, for
# both, a line break whose second backslash they read as a command's, tilde or none:
# '\\\\"Q' was '\\Q̈', '\\\\o' '\\ø', '\\\\emph{x}' '\\*x*'; not one before a word of three
# letters or more, a path's '\\\\Users' or '\\\\AB12CD34' in Zotero's file field on
# Windows, which would have every such file read three times.
_LINE_BREAK_BEFORE = r"|\\\\(?=[^\sA-Za-z0-9]|[A-Za-z]{1,2}(?![A-Za-z0-9])|[a-z]{1,2}\d|[A-Za-z]+\{)"
# Each way starts at its tilde or backslash, the character before looked at from there
# ("~(?<=x~)", not "(?<=x)~"): the regex engine then skips to the next such character
# instead of trying every position of the file (a 10,000-paper listing: 0.1 s, not 1 s).
_TIE_NOW_ONLY = lazyre.compile(
    r"~(?<=[\w.,;:)\]]~)(?=[^\s\w(\[])|~(?:(?<=[^\w\s.,;:/(\[=<>+!?@|-]~)|(?<=\\_~))(?=\S)|\\[A-Za-z]+[{}\s]*~"
    + _LINE_BREAK_BEFORE
)
_TIES_NOW_ONLY = lazyre.compile(
    r"~~|~(?:-{1,3}|[\u2013\u2014])~|~\\\\|\\[A-Za-z]+[{}\s]*~|\}~(?=\S)|~(?<=\*~)(?<!\S\*~)(?=\S)"
    + _LINE_BREAK_BEFORE
)
_GROUP = lazyre.compile(r"(?<!\\)\{([^{}\\]*)\}")
_COMMAND_BEFORE = lazyre.compile(r"\\[A-Za-z]+\s*$")
# Math is kept verbatim, as typed. Converting it to Unicode works for a lone symbol
# (``$\\alpha$``, read so: `simple_math`) and goes wrong for the rest: ``$\\mathcal{O}(k \\log n)$`` came out
# "𝒪(k logn)", ``$k \\times n$`` "k ×n", while ``$O(n^2)$`` had to keep its dollars; a
# half-converted formula reads as a different one. Readers of papers read TeX math (arXiv
# keeps an abstract's math as TeX, too), and a page shows it as typed. Inline math is told
# from prices as Pandoc tells it: the opening ``$`` has a non-space after it, the closing
# one a non-space before it and no digit after it (``$5 or $6`` is not math). It may run
# over a line break, as BibTeX fields do, but not over a blank line (a paragraph).
# The export keeps an abstract's math by the same rule (export_bibtex._MATH).
_LINE_BREAK = r"\n(?![ \t]*\n)"
_MATH_BODY = r"(?:[^\n]|" + _LINE_BREAK + r"){{1,{}}}?"
# A command at a time, as TeX reads it: the "\\)" of "\\(\\\\)" is a line break's
# second half, so that is no math.
_COMMANDS_BODY = r"(?:[^\\\n]|\\(?:[^\n]|" + _LINE_BREAK + r")|" + _LINE_BREAK + r"){{1,{}}}?"
_INLINE_BODY = (
    r"(?:[^$\\\n]|\\(?:[^\n]|" + _LINE_BREAK + r")|" + _LINE_BREAK + r"){0,600}?"
)
# (Each way starts at its "$" or backslash, the character before looked at from there,
# as `_TIE_NOW_ONLY`'s: a scan of an abstract of 1,500 characters took 80 us, each
# position tried, and `_MATH_OR_CHARACTER`'s 97 us.)
_MATH = lazyre.compile(
    r"\$(?<![\\$]\$)\$" + _MATH_BODY.format(2000) + r"\$\$"
    r"|\$(?<![\\$]\$)(?![\s$])" + _INLINE_BODY + r"(?<![\s\\])\$(?![\d$])"
    r"|\\(?<!\\\\)\(" + _COMMANDS_BODY.format(2000) + r"\\\)"
    r"|\\(?<!\\\\)\[" + _COMMANDS_BODY.format(2000) + r"\\\]"
)

# What a later rule would read as TeX: a result holding one is held (see `_Held`).
_TEX_CHARACTER = lazyre.compile(r"[\\{}~`'$%&#_^\-]")
# A held piece of text is a lone surrogate, its number and another: no text read from a
# file holds a lone surrogate (it cannot be encoded), so no text is taken for one.
_OPEN, _CLOSE = "\ud800", "\ud801"
_HELD = lazyre.compile(_OPEN + r"(\d+)" + _CLOSE)
# Math spans and exporters' one-character ones, found in one scan from the left: the "$"
# of "$0$\_$0$" after the first 0 closes a span and opens none. (A one-character span
# may touch another, "$\backslash$$\backslash$", or a digit, "$<$5", as no typed math
# does; its "\{", "\}" and "\_" are held as escapes by then.)
_MATH_OR_CHARACTER = lazyre.compile(
    r"\$(?<!\\\$)(?:\\backslash|[|<>]|" + _OPEN + r"\d+" + _CLOSE + r")\$|" + _MATH.pattern
)
_MAX_PASSES = 50
# Inline math that is only Greek letters and symbols, each a character of its own
# (``$\\beta$-VAE``, ``$\\epsilon$-greedy``, ``$\\ell_1$`` not: a subscript): read as
# those characters, as TeX shows them ("β-VAE"). Nothing of it can be half converted,
# so none of `_MATH`'s reasons to keep math as typed holds.
_SIMPLE_MATH_WORDS = (
    "alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu"
    " nu xi pi varpi rho varrho sigma varsigma tau upsilon phi varphi chi psi omega Gamma"
    " Delta Theta Lambda Xi Pi Sigma Upsilon Phi Psi Omega infty ell partial nabla pm mp"
    " times cdot sim approx leq geq neq le ge to rightarrow leftarrow"
).split()
_SIMPLE_BODY = r"(?:\s*\\(?:" + "|".join(_SIMPLE_MATH_WORDS) + r")(?![A-Za-z]))+\s*"
_SIMPLE_MATH = lazyre.compile(r"\$" + _SIMPLE_BODY + r"\$|\\\(" + _SIMPLE_BODY + r"\\\)")
# Set while the importer reads a source as its versions before `simple_math` did, with
# all math as typed: what an earlier import wrote (see ingest.parse_text).
_MATH_AS_TYPED: ContextVar[bool] = ContextVar("math_as_typed", default=False)
# Set within `declarations_as_before`.
_DECLARATIONS_AS_BEFORE: ContextVar[bool] = ContextVar("declarations_as_before", default=False)
# Set within `declarations_after_words_as_before`.
_AFTER_WORDS_AS_BEFORE: ContextVar[bool] = ContextVar("declarations_after_words_as_before", default=False)
# Set to the earlier reading of ties (`ties_as_before`), else None.
_TIES_AS_BEFORE: ContextVar[str | None] = ContextVar("ties_as_before", default=None)


def reading_in_effect() -> tuple[bool, str | None, bool, bool]:
    """Whether math is read as typed, the earlier reading of ties in effect, and whether
    declarations, and those after words, are read as before: what `clean_latex` reads
    otherwise within them (a cache of its readings keys on it)."""
    return _MATH_AS_TYPED.get(), _TIES_AS_BEFORE.get(), _DECLARATIONS_AS_BEFORE.get(), _AFTER_WORDS_AS_BEFORE.get()


# A brace, or an escape (``\\{`` is no group's brace), as `per_paragraph` counts groups.
_BRACE_OR_ESCAPE = lazyre.compile(r"\\[\s\S]|[{}]")
# An old-style declaration at the start of a group: ``{\\em x}``, ``{\\bf x}``.
_DECLARATION = lazyre.compile(
    r"\\(?:it|em|sl|bf|sc|rm|sf|tt|itshape|slshape|bfseries|scshape|upshape|mdseries|rmfamily|sffamily"
    r"|ttfamily|normalfont)(?![A-Za-z])\s*"
)
# (rev127) The same as read before fix35 (`declarations_as_before`): "{\\itshape a\n\nb}"
# was "{\\itshape a}\n\nb" then, its earlier reading had "{\\itshape b}" after the break.
_DECLARATION_BEFORE = lazyre.compile(r"\\(?:it|em|sl|bf)(?![A-Za-z])\s*")


def per_paragraph(text: str, breaks: re.Pattern[str]) -> str:
    """``text`` with each brace group that holds a paragraph break (a match of
    ``breaks``) closed before the break and opened again after it, with its command or
    declaration: ``\\emph{a\n\nb}`` is ``\\emph{a}\n\n\\emph{b}``, so each paragraph,
    read alone, is emphasis of its own, not a raw ``\\emph{`` left unclosed. A brace
    that is never closed is left as it is."""
    if "{" not in text or breaks.search(text) is None:
        return text
    groups, opened = [], []
    for brace in _BRACE_OR_ESCAPE.finditer(text):
        if brace.group() == "{":
            opened.append(brace.start())
        elif brace.group() == "}" and opened:
            groups.append((opened.pop(), brace.start()))
    pieces, last = [], 0
    for paragraph_break in breaks.finditer(text):
        start, end = paragraph_break.span()
        around = sorted(at for at, close in groups if at < start and close >= end)
        if around:
            pieces += [text[last:start], "}" * len(around), text[start:end], *(_opener(text, at) for at in around)]
            last = end
    return "".join(pieces) + text[last:]


def _opener(text: str, at: int) -> str:
    """The group opening at ``at`` as written: its command (``\\emph{``), or its
    declaration (``{\\em ``), with its brace."""
    command = _COMMAND_BEFORE.search(text, 0, at)
    declaration = (_DECLARATION_BEFORE if _DECLARATIONS_AS_BEFORE.get() else _DECLARATION).match(text, at + 1)
    return (command.group() if command else "") + "{" + (declaration.group() if declaration else "")


def simple_math(math: str) -> str | None:
    """The characters a math span (``$...$`` or ``\\(...\\)``, delimiters included)
    of Greek letters and symbols alone reads as: ``$\\beta$`` is "β", ``$\\alpha
    \\beta$`` "αβ"; None for any other math."""
    if not _SIMPLE_MATH.fullmatch(math):
        return None
    return _pylatexenc_text(math).strip() or None


@cache
def _macros():  # (pylatexenc's table of what each macro prints, as _to_text reads it)
    return _to_text().latex_context


@lru_cache(maxsize=1024)
def macro_letters(name: str) -> str:
    """The letters the control word ``\\name`` prints by itself, without arguments:
    "α" for ``alpha``, "ℓ" for ``ell``, "log" for ``log``; "" for one that prints none
    (``emph``, ``sqrt``), a symbol (``infty``) or that pylatexenc does not know."""
    spec = _macros().get_macro_spec(name)
    read = getattr(spec, "simplify_repl", None)
    return read if isinstance(read, str) and read.isalpha() else ""


def simple_math_in(text: str) -> bool:
    """Whether ``text`` may hold math `simple_math` reads (a quick look, before a scan)."""
    return ("$\\" in text or "\\(" in text) and any(
        simple_math(m.group(0)) for m in _MATH.finditer(text)
    )


def tie_readings_before(text: str) -> list[str]:
    """The earlier readings of ties (`ties_as_before`) that may read ``text`` otherwise
    (a quick look, before a scan): `BEFORE_A_WORD` (``Table~\\ref``, ``size~$n$`` kept
    their tilde), `ONE_TIE_AT_A_TIME` (``a~~b``, ``3~--~5``)."""
    if "~" not in text and "\\\\" not in text:
        return []
    windows = _tie_windows(text)
    return [
        reading for reading, found in ((BEFORE_A_WORD, _TIE_NOW_ONLY), (ONE_TIE_AT_A_TIME, _TIES_NOW_ONLY))
        if any(found.search(text, start, end) is not None for start, end in windows)
    ]


def _tie_windows(text: str) -> list[tuple[int, int]]:
    """The stretches of ``text`` that hold every match of `_TIE_NOW_ONLY` and
    `_TIES_NOW_ONLY`, and the characters each match's look-ahead reads (the engine sees
    no further than a search's end; it sees before its start), in order, none
    overlapping. Each match holds a tilde or starts at a line break ("\\\\"): one
    holding a tilde starts at most a character before it, or at a command's backslash
    with only letters, braces and spaces after it up to the tilde, and ends, its
    look-ahead read, within five characters after it; one at a line break ends with the
    letters after it and two characters more. (The two patterns searched through a
    10,000-entry .bib of 300 tildes took 0.075 s; these stretches, some 3,000 characters.)"""
    windows = []
    for tie in _places(text, "~"):
        start = max(tie - 1, 0)
        command = text.rfind("\\", 0, tie)
        if command >= 0 and _COMMAND_TO_TIE.fullmatch(text, command, tie):
            start = command
        windows.append((start, tie + 6))
    for line_break in _places(text, "\\\\"):
        letters = _LETTERS.match(text, line_break + 2)
        windows.append((line_break, letters.end() + 2 if letters else line_break + 4))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(windows):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _places(text: str, part: str) -> Iterator[int]:
    """Where ``part`` starts in ``text``, each place (overlapping ones too)."""
    at = text.find(part)
    while at >= 0:
        yield at
        at = text.find(part, at + 1)


# What may come between a command's backslash and a tilde in a match of the patterns.
_COMMAND_TO_TIE = lazyre.compile(r"\\[A-Za-z]+[{}\s]*")
_LETTERS = lazyre.compile("[A-Za-z]+")


@contextmanager
def ties_as_before(reading: str = BEFORE_A_WORD) -> Iterator[None]:
    """Within it, `clean_latex` reads ties as a version before did: only before a word
    ("Table~\\ref{t}" keeps its tilde), or with ``ONE_TIE_AT_A_TIME`` one tilde at a time,
    none after a dash; both read a line break's second backslash as an accent's."""
    token = _TIES_AS_BEFORE.set(reading)
    try:
        yield
    finally:
        _TIES_AS_BEFORE.reset(token)


def simple_math_read(text: str) -> str:
    """``text`` (plain text, as a paper's file holds it) with each simple math span as its
    characters: "$\\beta$-VAE" and "β-VAE" are one spelling, which an earlier import
    wrote as typed (for comparing, never shown)."""
    if "$\\" not in text and "\\(" not in text:
        return text
    return _MATH.sub(lambda m: simple_math(m.group(0)) or m.group(0), text)


def declarations_read_now(text: str) -> bool:
    """Whether ``text`` holds a declaration `clean_latex` reads now that versions before
    fix35 kept as written ("{\\itshape x}", "{\\sc x}"): an earlier import's reading of it
    is looked for (`declarations_as_before`)."""
    return "\\" in text and _DECLARATION_READ_NOW.search(text) is not None


@contextmanager
def declarations_as_before() -> Iterator[None]:
    """Within it, `clean_latex` keeps as written the declarations versions before fix35
    did not read ("{\\itshape x}", "{\\bfseries x}", "{\\sc x}"), and `tex_written` takes
    only the ones they took for TeX."""
    token = _DECLARATIONS_AS_BEFORE.set(True)
    try:
        yield
    finally:
        _DECLARATIONS_AS_BEFORE.reset(token)


# A LaTeX2e declaration after words of its group, as `_DECLARATION_AFTER_WORDS` reads it
# (a quick look: whatever follows it).
_DECLARED_AFTER_WORDS = lazyre.compile(
    r"\\(?<!\{\\)(?:itshape|slshape|upshape|bfseries|mdseries|normalfont|scshape|rmfamily|sffamily|ttfamily)(?![A-Za-z])"
)


def declarations_after_words(text: str) -> bool:
    """Whether ``text`` holds a LaTeX2e declaration after words of its group ("{\\itshape
    a \\upshape b}"), which `clean_latex` reads now and kept as written before imp42: an
    earlier import's reading of it is looked for (`declarations_after_words_as_before`)."""
    return "\\" in text and _DECLARED_AFTER_WORDS.search(text) is not None


@contextmanager
def declarations_after_words_as_before() -> Iterator[None]:
    """Within it, `clean_latex` keeps a declaration after words as written ("{\\itshape a
    \\upshape b}" is "a \\upshape b" without emphasis), as versions before imp42 did."""
    token = _AFTER_WORDS_AS_BEFORE.set(True)
    try:
        yield
    finally:
        _AFTER_WORDS_AS_BEFORE.reset(token)


@contextmanager
def math_as_typed() -> Iterator[None]:
    """Within it, `clean_latex` keeps all math as typed, the simple included, as versions
    before `simple_math` did."""
    token = _MATH_AS_TYPED.set(True)
    try:
        yield
    finally:
        _MATH_AS_TYPED.reset(token)


class _Held:
    """Pieces of one text taken out of the rules' reach: a literal character an escape
    stands for, a URL, a math span. Each keeps what it was written as and what it
    reads as; a math span is read as written, so an escape inside it stays as typed."""

    def __init__(self, math_as_text: bool) -> None:
        self.written: list[str] = []
        self.read: list[str] = []
        self.math_as_text = math_as_text

    def hold(self, written: str, read: str) -> str:
        self.written.append(written)
        self.read.append(read)
        return f"{_OPEN}{len(self.read) - 1}{_CLOSE}"

    def as_written(self, text: str) -> str:
        return _HELD.sub(lambda m: self.written[int(m.group(1))], text) if _OPEN in text else text

    def as_read(self, text: str) -> str:
        return _HELD.sub(lambda m: self.read[int(m.group(1))], text) if _OPEN in text else text

    def escapes(self, text: str) -> str:
        # (Every escape has a backslash, or a brace: "-{}-".)
        return _ESCAPE.sub(self._escape, text) if "\\" in text or "{" in text else text

    def _escape(self, match: re.Match[str]) -> str:
        word, literal, ligature = match.group(1) or match.group(2), match.group(4), match.group(5)
        if word:
            after = match.group(3) or ""
            if after == "\\ ":
                after = " "
            elif after == "{}" or word not in _SPACED_WORDS:
                after = ""  # (an empty group, or the spaces a symbol eats)
            read = _WORDS[word] + after
            # A word no rule reads as TeX ("e.g.") is not held, so that an accent before
            # it takes its first letter as TeX would: \"\eg is "ë.g.".
            return _literal(self, match.group(0), read)
        if literal:
            read = literal
        elif ligature:
            read = ligature
        elif match.group(0) == "\\\\" and _TIES_AS_BEFORE.get() is None:
            # A line break, a space on one line (`_SPACING`): held, its second backslash
            # starts no accent ("x~\\\\~y"), and a tie beside it is one.
            read = " "
        else:
            return match.group(0)  # a control symbol or an unknown word: the rules' job
        return self.hold(match.group(0), read)

    def urls_and_math(self, text: str) -> str:
        # Math first, as the export finds it: a URL glued to math (``x.org/$\\alpha$``)
        # would otherwise end inside it.
        if "$" in text or "\\" in text:  # (as math_spans)
            text = _MATH_OR_CHARACTER.sub(lambda m: self._math(self.as_written(m.group(0))), text)
        pieces, last = [], 0
        for start, end in find_url_spans(text):
            span = text[start:end]
            pieces += [text[last:start], self.hold(self.as_written(span), self.as_read(span))]
            last = end
        pieces.append(text[last:])
        return "".join(pieces)

    def _math(self, math: str) -> str:
        if math in ONE_CHARACTER_MATH:
            return self.hold(math, _MATH_CHARACTERS[math[1:-1]])
        if not self.math_as_text:
            read = None if _MATH_AS_TYPED.get() else simple_math(math)
            return self.hold(math, read or math)
        try:
            read = _to_text().latex_to_text(math)
        except Exception:  # noqa: BLE001  (pylatexenc fails on some input: $\href{x}$)
            read = math  # compared as typed: nothing is shown from this reading
        return self.hold(math, read)


# The marks around emphasised text, (before, after) for italics then bold: Markdown's,
# none (emphasis keeps only its words), or a caller's own (notes.EMPHASIS_HELD).
EmphasisMarks = tuple[tuple[str, str], tuple[str, str]]
_MARKDOWN: EmphasisMarks = (("*", "*"), ("**", "**"))
_NO_MARKS: EmphasisMarks = (("", ""), ("", ""))
# While the rules run, emphasis is marked by where it starts, how (switching italics,
# setting them, setting bold) and where it ends, characters of Unicode's private use
# (one in the text as read is held): the marks wrapped inside marks gave "**b**" for
# ``\\emph{\\emph{b}}``, which TeX shows upright, and "**--* word*" for
# ``{\\em {\\em --} word}``. `_marked` then writes each run of words in one shape between
# the caller's marks. A tie after emphasis is a space, after Markdown's star as after a
# word; after another caller's marks (notes.EMPHASIS_HELD) it stayed, so it still does.
_SWITCH, _SET_ITALIC, _SET_BOLD, _END_TIED, _END = "\ue040", "\ue041", "\ue042", "\ue043", "\ue044"
# (imp42) and where a shape is taken off: italics (upright), bold (medium), both (normal).
_SET_UPRIGHT, _SET_MEDIUM, _SET_NORMAL = "\ue045", "\ue046", "\ue047"
_SHAPE_MARK = lazyre.compile("([\ue040-\ue047])")


def clean_latex(text: str, emphasis: bool | EmphasisMarks = True, dashes: bool = False) -> str:
    """Plain text from ``text``: LaTeX remnants converted, everything else kept.

    With ``emphasis=False`` (titles, names), emphasis commands keep only their text; with
    marks (`EmphasisMarks`), their text goes between those.
    With ``dashes=True``, for text that is TeX source (BibTeX fields), ``--`` and ``---``
    between two words or numbers become the en and em dashes TeX typesets. Scraped text
    keeps them as typed: there ``--`` is what the page showed its readers.
    """
    return _clean(text, emphasis, dashes, math_as_text=False)


def tex_accent(text: str) -> tuple[str, str] | None:
    """The first TeX of ``text`` a .bib file writes in a name or title, an accent or
    letter macro (``{\\"o}``, ``\\l``) or the braces that keep a word's capitals
    (``{BERT}``), and ``text`` with each written as its letters, for a value typed where
    no TeX is read (a paper file's YAML, shown as typed); None when it has none. Math is
    no such TeX: a title's ``$\\tilde{O}(\\sqrt{T})$`` is kept as typed, as an import
    writes it, and its braces are the formula's (without them it reads as another)."""
    if "\\" not in text and "{" not in text:
        return None
    # The text between math spans, each piece looked at and rewritten alone.
    bounds = [0]
    for span in math_spans(text):
        bounds += [span.start(), span.end()]
    bounds.append(len(text))
    pieces = [text[bounds[i]:bounds[i + 1]] for i in range(len(bounds) - 1)]
    found = [
        min(matches, key=lambda m: m.start()).group(0)
        for outside in pieces[::2]
        if (matches := [m for m in (_ACCENT.search(outside), _CAPITALS_KEPT.search(outside)) if m])
    ]
    if not found:
        return None
    for at in range(0, len(pieces), 2):
        letters = _ACCENT.sub(lambda m: _accent(m.group(0)), pieces[at])
        pieces[at] = _CAPITALS_KEPT.sub(r"\1", _ONE_LETTER_GROUP.sub(r"\1", letters))
    return found[0], "".join(pieces)


# TeX a .bib writes that plain text has no cause to: a text command before its argument
# ("\\emph{", "\\textit{"), an old-style declaration opening a group ("{\\em Nature}",
# "{\\bf x}"), TeX's logos ("{\\LaTeX}", "\\TeX{}", "Xe\\LaTeX"). Not a folder's: after a
# drive, a slash or a folder's name ("C:\\TeX\\bin", "C:\\Users\\me\\TeX"), whose backslash
# a reading as TeX would take out.
_MARKUP = (
    r"\\(?:emph|textit|textbf|textsc|texttt|textsl|textrm|textsf|textup|textnormal"
    r"|textsuperscript|textsubscript|mbox|url|href)\s*\{"
    r"|\{\\(?:em|it|bf|sl|sc|rm|tt|sf|up|md|DECLARATIONS)(?![A-Za-z])"
    r"|(?<![\w:\\/])(?:Xe|Lua|pdf)?\\(?:La)?TeX(?![A-Za-z\\/])"
)
_TEX_MARKUP = lazyre.compile(_MARKUP.replace(
    "DECLARATIONS", "itshape|slshape|bfseries|scshape|upshape|mdseries|rmfamily|sffamily|ttfamily|normalfont"
))
# The same before fix35 read LaTeX's declarations ("{\\itshape x}"): `declarations_as_before`.
_TEX_MARKUP_LAST = lazyre.compile(_MARKUP.replace("|DECLARATIONS", ""))
# A special character escaped ("\\&", "\\%", "\\{"), as TeX writes it; and one left bare
# outside math, which TeX never writes beside an escaped one ("%" would start a comment,
# "_" and "#" stop LaTeX, "&" too outside a table): text with both is plain text.
_ESCAPED_SPECIAL = lazyre.compile(r"\\[&%$#_{}]")
_BARE_SPECIAL = lazyre.compile(r"(?<!\\)[&%#_]")


def tex_written(text: str) -> bool:
    """Whether ``text``, of a format that holds plain text (an RIS record), is written
    in TeX, as a reference manager fed a .bib file exports it: it holds what `tex_accent`
    finds (an accent or letter macro, braces that keep a word's capitals, ``{K}ernels``),
    a text command or a declaration (``\\emph{``, ``{\\em x}``), TeX's logo (``{\\LaTeX}``),
    or an escaped special character (``{\\&}``, ``10\\%``) with none left bare beside it,
    outside math. Plain text that only has a brace or a backslash is none: "A {set} of \\
    paths", "the {0,1}-knapsack", "C:\\Users" are what they say (read as TeX, their braces
    and backslash would go), and so is a title whose only TeX is math, kept as typed either
    way, or a bare macro a reading as TeX keeps as typed (``\\beta-VAE``, as the BibTeX
    import shows it: only the rest of the text, its dashes and ties, would be read)."""
    if "\\" not in text and "{" not in text:
        return False
    if tex_accent(text) is not None:
        return True
    outside = without_math(text)
    if (_TEX_MARKUP_LAST if _DECLARATIONS_AS_BEFORE.get() else _TEX_MARKUP).search(outside) is not None:
        return True
    return _ESCAPED_SPECIAL.search(outside) is not None and _BARE_SPECIAL.search(outside) is None


# `_TEX_MARKUP` as imports read it before fix34: an escaped special alone was TeX, a
# declaration or logo none (`tex_written_before`).
_TEX_MARKUP_BEFORE = lazyre.compile(
    r"\\(?:[&%$#_{}]|(?:emph|textit|textbf|textsc|texttt|textsl|textrm|textsf|textup|textnormal"
    r"|textsuperscript|textsubscript|mbox|url|href)\s*\{)"
)


def tex_written_before(text: str) -> bool:
    """Whether an earlier import took ``text`` for TeX (`tex_written` before it read
    declarations and logos, and text with a special left bare beside an escaped one):
    for a re-import to know the value it wrote then (ingest/ris.py, `ReadBefore`)."""
    if "\\" not in text and "{" not in text:
        return False
    return tex_accent(text) is not None or _TEX_MARKUP_BEFORE.search(without_math(text)) is not None


# A letter an accent gave, still in the braces around it ("Pawe{\\l}": "Pawe{ł}").
_ONE_LETTER_GROUP = lazyre.compile(r"\{(\w)\}")
# A letter in braces, or the argument of a macro that `name_accents` left unread: its
# braces kept ("\\textbf{X}" without them is "\\textbfX", another macro).
_LETTER_OR_ARGUMENT = lazyre.compile(r"(\\(?:[A-Za-z]+|.)\s*)?\{(\w)\}")
# A word in braces that keep its capitals from a style's lower-casing ("{LoRA}: {Low}-{Rank}").
_CAPITALS_KEPT = lazyre.compile(r"\{([A-Z][A-Za-z0-9]*(?:[ -][A-Za-z0-9]+)*)\}")


def name_accents(text: str) -> str:
    """``text`` with its accent and letter macros as the characters they stand for, and
    nothing else changed: an author list before it is split into names and their parts.
    BibTeX's name rules read a tie as a space (``Pe\\~{n}a`` would be two words) and
    bibtexparser looks for a name's start past a backslash (``and \\'Emile Zola`` lost its
    É); a character is read as a letter by both."""
    if "\\" not in text:
        return text
    while (read := _NAME_ACCENT.sub(lambda m: _pylatexenc_text(_braced(m.group(0))), text)) != text:
        text = read  # (again for an accent over an accented letter)
    return text


def name_letters(text: str) -> str:
    """One name as its letters, where TeX is not otherwise read (an RIS record): its
    accent and letter macros as characters (`name_accents`), without the braces around
    one letter they leave (``Sch{\\"o}lkopf`` is "Schölkopf", ``Pawe{\\l}`` "Paweł").
    Nothing else is read: a name without a backslash is returned as it is."""
    if "\\" not in text:
        return text
    return _LETTER_OR_ARGUMENT.sub(_letter_unbraced, name_accents(text))


def _letter_unbraced(match: re.Match[str]) -> str:
    return match.group(0) if match.group(1) else match.group(2)


def math_spans(text: str) -> Iterator[re.Match[str]]:
    """The math spans of ``text``, as `_MATH` finds them."""
    return _MATH.finditer(text) if "$" in text or "\\" in text else iter(())


def without_math(text: str) -> str:
    """``text`` with each math span (as `_MATH` finds them) left out."""
    return _MATH.sub(" ", text) if "$" in text or "\\" in text else text


def plain_for_matching(text: str) -> str:
    """``text`` cleaned for comparing titles only, math read as text (``$\\alpha$-test``
    gives "α-test"), as titles imported before math was kept verbatim were stored. Never
    shown: half-converted math reads as another formula (see `_MATH`)."""
    return _clean(text, emphasis=False, dashes=False, math_as_text=True)


def _clean(text: str, emphasis: bool | EmphasisMarks, dashes: bool, math_as_text: bool) -> str:
    # (Looked for a character at a time, as the patterns say, each a scan in C: the
    # pattern's search took 11 µs an abstract of 1,500 characters, these 1.)
    if not (
        "\\" in text or "{" in text or "}" in text or "~" in text or "`" in text or "$" in text
        or dashes and "--" in text
    ):
        return text
    marks = emphasis if isinstance(emphasis, tuple) else _MARKDOWN if emphasis else _NO_MARKS
    held = _Held(math_as_text)
    if _SHAPE_MARK.search(text):
        text = _SHAPE_MARK.sub(lambda m: held.hold(m.group(), m.group()), text)
    text = held.urls_and_math(held.escapes(text))
    for _ in range(_MAX_PASSES):
        cleaned = _rules(text, marks, dashes, held)
        if cleaned == text:
            break
        text = cleaned
    marked = _marked(text, marks)
    if marked != text and "\\" in marked:
        # (rev127) A shape set inside its own kind has no marks: what it stood between
        # meets, as an emphasis of nothing's (`_rules`), and the accent of
        # ``\\textit{\\"\\textit{a}}`` is now before its letter, as a second cleaning
        # would read it ("*\\"a*" cleaned again was "*ä*").
        marked = _ACCENT.sub(lambda m: _accented(m, held), marked)
    return held.as_read(marked)


def _marked(text: str, marks: EmphasisMarks) -> str:
    """``text`` with the rules' shape marks (`_SWITCH`...) as ``marks``: each run of words
    in one shape between the marks of that shape, the shape set first outermost, as it
    was written (``\\textbf{a \\emph{b}}`` is "**a *b***"), so that marks never nest in
    marks of their kind, and italics switched off inside italics end them."""
    if not _SHAPE_MARK.search(text):
        return text
    runs: list[tuple[str, tuple[int, ...]]] = []  # words, and their shapes (0 italic, 1 bold) as set
    shapes: list[tuple[int, ...]] = [()]
    for part in _SHAPE_MARK.split(text):
        shape = shapes[-1]
        if part == _SWITCH:
            shapes.append(tuple(kind for kind in shape if kind != 0) if 0 in shape else (*shape, 0))
        elif part in (_SET_ITALIC, _SET_BOLD):
            kind = 0 if part == _SET_ITALIC else 1
            shapes.append(shape if kind in shape else (*shape, kind))
        elif part in (_SET_UPRIGHT, _SET_MEDIUM, _SET_NORMAL):
            off = {_SET_UPRIGHT: (0,), _SET_MEDIUM: (1,), _SET_NORMAL: (0, 1)}[part]
            shapes.append(tuple(kind for kind in shape if kind not in off))
        elif part in (_END, _END_TIED):
            if len(shapes) > 1:
                shapes.pop()
        elif part:
            runs.append((part, shape))
    return _in_marks(runs, 0, marks)


def _in_marks(runs: list[tuple[str, tuple[int, ...]]], depth: int, marks: EmphasisMarks) -> str:
    """The runs (sharing their first ``depth`` shapes), each next shape's between its marks."""
    groups: list[tuple[str, tuple[str, str] | None]] = []  # (words, marks) of each run of one shape
    for kind, same in groupby(runs, key=lambda run: run[1][depth] if len(run[1]) > depth else None):
        if kind is None:
            groups.append(("".join(words for words, _ in same), None))
        else:
            groups.append((_in_marks(list(same), depth + 1, marks), marks[kind]))
    pieces: list[str] = []
    for at, (words, mark) in enumerate(groups):
        if mark is None:
            pieces.append(words)
            continue
        before = next((piece[-1] for piece in reversed(pieces) if piece), "")
        after = next((word[:1] if word[:1].isspace() or nxt is None else nxt[0][:1] for word, nxt in groups[at + 1 :] if word), "")
        pieces.append(_wrap(words, *mark, before=before, after=after))
    return "".join(pieces)


def url_arguments(text: str) -> list[str]:
    """The address argument of each ``\\url{...}`` and ``\\href{...}{...}`` in ``text``:
    an address by the command that holds it, with or without a scheme."""
    return [
        (match.group("address") if match.group("address") is not None else match.group("href"))
        .strip()
        for match in _URL_CMD.finditer(text)
    ]


def words_beside_urls(text: str) -> str:
    """``text`` (TeX) without its addresses: each ``\\url{...}`` and each address written
    bare left out (a space in its place), and each ``\\href{...}{text}`` as its text, which
    is left out too when it only repeats the address (as `_url_command` tells it). An
    escape inside an address (``a\\_b``) is part of it, as in `clean_latex`."""
    held = _Held(math_as_text=False)
    text = _URL_CMD.sub(lambda m: _url_words(m, held), held.escapes(text))
    pieces, last = [], 0
    for start, end in find_url_spans(text):
        pieces += [text[last:start], " "]
        last = end
    pieces.append(text[last:])
    return held.as_written("".join(pieces))


def _url_words(match: re.Match[str], held: _Held) -> str:
    address = match["address"] if match["address"] is not None else match["href"]
    shown = match["text"] if match["address"] is not None else match["hreftext"]
    if shown is None or _url_text(held.as_read(shown)) == _url_text(held.as_read(address)):
        return " "
    return shown


def _rules(text: str, marks: EmphasisMarks, dashes: bool, held: _Held) -> str:
    # (Each rule runs only where the text holds what it reads, a backslash, "--", a quote
    # or a tilde: a 1,500-character abstract with one tie in it took 0.5 ms of scans.)
    # A \\url's argument is an address: held, so no later rule rewrites it.
    if "\\" in text:
        text = _URL_CMD.sub(lambda m: _url_command(m, held), text)
    if dashes and "--" in text:
        text = _DASH.sub(lambda m: _dash(m.group(0)), text)
    if marks == _NO_MARKS:
        switch = set_italic = set_bold = close = upright = medium = normal = ""
    else:
        switch, set_italic, set_bold = _SWITCH, _SET_ITALIC, _SET_BOLD
        upright, medium, normal = _SET_UPRIGHT, _SET_MEDIUM, _SET_NORMAL
        close = _END_TIED if marks[0][1].endswith("*") else _END
    if "\\" in text:
        text = _ACCENT.sub(lambda m: _accented(m, held), text)
    if "\\" in text:
        emptied: list[bool] = []

        def emphasised(match: re.Match[str], mark: str) -> str:
            argument = _arg(match)
            if argument:
                return f"{mark}{argument}{close}"
            emptied.append(True)
            return ""

        before = _DECLARATIONS_AS_BEFORE.get()
        if not before and "\\" in text and not _AFTER_WORDS_AS_BEFORE.get():
            text = _DECLARATION_AFTER_WORDS.sub(lambda m: f"{{\\{m.group(1)} {m.group(2)}}}", text)
        text = _EMPH.sub(lambda m: emphasised(m, switch), text)
        text = (_ITALIC_BEFORE if before else _ITALIC).sub(lambda m: emphasised(m, set_italic), text)
        text = (_BOLD_BEFORE if before else _BOLD).sub(lambda m: emphasised(m, set_bold), text)
        if not before and "{\\" in text:
            text = _PLAIN_DECLARATION.sub(lambda m: m.group(1), text)
        if "\\" in text:
            # (Each looked for by its words first: a scan of each, of every text with a
            # backslash at every pass, is seldom needed.)
            for taken_off, mark, words in (
                (_UPRIGHT, upright, ("up",)), (_MEDIUM, medium, ("textmd", "mdseries")), (_NORMAL, normal, ("normal",))
            ):
                if any(word in text for word in words):
                    text = taken_off.sub(
                        # (before, their commands only, as `_PLAIN_ARG` read them; their
                        # declarations as `_PLAIN_DECLARATION`'s)
                        lambda m, mark=mark: emphasised(m, mark) if not before or m.group(1) is not None else m.group(0),
                        text,
                    )
        if emptied and "\\" in text:
            # An emphasis of nothing goes, and what it stood between meets: the accent
            # of ``\\"\\textit{}a`` is now before its letter, as a second cleaning
            # would read it (the same text cleaned twice must read the same).
            text = _ACCENT.sub(lambda m: _accented(m, held), text)
        text = _PLAIN_ARG.sub(lambda m: m.group(1), text)
        text = _NO_OP.sub("", text)
        text = _SPACING.sub(" ", text)
    if "`" in text:
        text = _DOUBLE_QUOTES.sub(lambda m: f"\u201c{m.group(1)}\u201d", text)
        text = _SINGLE_QUOTES.sub(lambda m: f"\u2018{m.group(1)}\u2019", text)
    if "~" in text:
        earlier = _TIES_AS_BEFORE.get()
        if earlier is None:
            text = _TIED_DASH.sub(r" \1 ", text)
            text = _TIE_AT_EMPHASIS_START.sub(lambda m: " " * len(m.group()), text)
            text = _TIE.sub(lambda m: " " * len(m.group()), text)
        else:
            text = (_TIE_ONE if earlier == ONE_TIE_AT_A_TIME else _TIE_BEFORE).sub(" ", text)
    return _strip_groups(text) if "{" in text else text


def _dash(hyphens: str) -> str:
    """The dash TeX typesets for ``--`` or ``---``, as pylatexenc reads it."""
    return _pylatexenc_text(hyphens)


def _url_command(match: re.Match[str], held: _Held) -> str:
    """A \\url's address, held; a \\href's text, then its address in brackets ("our site
    (https://...)"), or the address alone when the text only repeats it, or the text alone
    when there is no address."""
    written = match["address"] if match["address"] is not None else match["href"]
    address = held.as_read(written).strip()
    text = match["text"] if match["address"] is not None else match["hreftext"]
    if text is None or not held.as_read(text).strip() or _url_text(held.as_read(text)) == _url_text(address):
        return held.hold(held.as_written(match.group(0)), address)
    if not address:
        return text
    return f"{text} ({held.hold(held.as_written(written), address)})"


def _url_text(text: str) -> str:
    text = text.casefold()
    while (shorter := _URL_TEXT_NOISE.sub("", text)) != text:
        text = shorter
    return text


# An accent over nothing is the accent's own character in TeX (``\\~{}`` is a tilde, as
# addresses write it); pylatexenc gave nothing.
_BARE_ACCENT = lazyre.compile(r"\{?\\([~^])\s*\{\}\}?")


def _accent(written: str) -> str:
    bare = _BARE_ACCENT.fullmatch(written)
    return bare.group(1) if bare else _pylatexenc_text(_braced(written))


# A lettered accent before a letter an inner accent gave (``\d{\u{a}}``, read once,
# is ``\dă``): TeX ends the control word there, pylatexenc would read one macro "dă".
_UNBRACED = lazyre.compile(r"(\\[uvHckrbd])\s*([^\x00-\x7f])")


def _braced(written: str) -> str:
    return _UNBRACED.sub(r"\1{\2}", written)


def _accented(match: re.Match[str], held: _Held) -> str:
    """An accent or letter macro as its character. The spaces a control word eats stay
    before a "$" (of math kept as typed, or a dollar) when a dollar that is no math comes
    before: eaten, they would leave that "$" after a letter, where it closes math opened
    by the dollar before when the text is read again (``$-::\\ss $\\ss$`` gave
    "$-::ß$\\ss$", which reads as "$-::ß$ß$"; ``$\\ss $~x`` "$ß$~x", then "$ß$ x")."""
    written = match.group(0)
    read = _literal(held, written, _accent(written))
    eaten = written[len(written.rstrip()):]
    if eaten and match.string.find("$", 0, match.start()) >= 0:
        text, end = match.string, match.end()
        after = _HELD.match(text, end)
        if text.startswith("$", end) or after is not None and held.read[int(after.group(1))].startswith("$"):
            return read + eaten
    return read


def _literal(held: _Held, written: str, read: str) -> str:
    """``read``, held when a later rule would take it for TeX (``\\~{}`` gives "~", no tie)."""
    return held.hold(written, read) if _TEX_CHARACTER.search(read) else read


def _arg(match: re.Match[str]) -> str:
    return match.group(1) if match.group(1) is not None else match.group(2)


def _wrap(inner: str, mark: str, end: str, before: str = "", after: str = "") -> str:
    """``*inner*`` with any surrounding spaces moved outside, so the emphasis is well formed,
    and (rev133) its punctuation at an edge glued to a word (``before``, ``after``, the
    characters beside it): Markdown opens no emphasis at "b*, c*" nor closes it at "*a.*b"
    (CommonMark's flanking rule), and showed the stars, which a shape taken off inside
    emphasis gave (``\\textit{a, {\\upshape b}, c}`` was "*a,* b*, c*", now "*a,* b, *c*")."""
    stripped = inner.strip()
    if not stripped:
        return inner
    lead = inner[: len(inner) - len(inner.lstrip())]
    trail = inner[len(inner.rstrip()) :]
    if not lead and before.isalnum():
        cut = next((i for i, char in enumerate(stripped) if not _edge_punctuation(char)), len(stripped))
        lead, stripped = stripped[:cut] + stripped[cut:][: len(stripped[cut:]) - len(stripped[cut:].lstrip())], stripped[cut:].lstrip()
    if not trail and after.isalnum():
        cut = next((i for i, char in enumerate(reversed(stripped)) if not _edge_punctuation(char)), len(stripped))
        stripped, trail = stripped[: len(stripped) - cut], stripped[len(stripped) - cut :]
        trail = stripped[len(stripped.rstrip()) :] + trail
        stripped = stripped.rstrip()
    if not stripped:
        return inner
    return f"{lead}{mark}{stripped}{end}{trail}"


def _edge_punctuation(char: str) -> bool:
    """Whether ``char`` is punctuation to CommonMark's flanking rule (not a mark's star or
    underscore, nor a space): "," ")" "." "…"."""
    return char not in "*_" and not char.isspace() and unicodedata.category(char)[0] in "PS"


def _strip_groups(text: str) -> str:
    """Drop grouping braces; braces holding an unknown command's argument stay."""
    while True:
        changed = False

        def drop(match: re.Match[str], source: str = text) -> str:
            nonlocal changed
            if _COMMAND_BEFORE.search(source, 0, match.start()) or _URL_TEXT_AFTER.search(
                source, 0, match.start()
            ):
                return match.group(0)
            changed = True
            return match.group(1)

        new = _GROUP.sub(drop, text)
        if not changed:
            return text
        text = new
