"""The cheap looks that spare a pattern's scan (d96ccfba, 836106fa) skip only texts the
pattern cannot match: each pattern finds nothing in a text without the character (or
pair) its guard looks for. A pattern widened later (another dash, a tie written
otherwise, a command without a backslash) fails here until its guard is widened too;
else the import would silently read such text as before the change.

Texts are drawn from the characters and pieces the patterns read, less the guarded ones.
"""

from __future__ import annotations

import re

from hypothesis import given, settings, strategies as st

from generator import latex
from generator.ingest import _NOTICE
from generator.ingest.bibtex import _SPACES
from generator.ingest.wraps import _WRAP_AT_HYPHEN

# Characters and pieces the guarded patterns give a meaning to (TeX commands, accents,
# quotes, ties, dashes of every kind, math, addresses, copyright notices, line breaks).
PIECES = [
    *"ab AZé1\\{}~`'$-\"&_#^%\n\r\t,.:;()[]*\u2013\u2014\u2212\u00a0\u2009\u00a9",
    "\\emph{", "{\\em ", "\\textbf{", "\\textit{", "\\texttt{", "\\'", "\\'{e}", "{\\'e}", "\\v{c}",
    "\\ss", "\\o ", "\\url{", "\\href{", "\\noopsort{", "\\,", "\\\\", "\\&", "-{}-", "`{}", "--",
    "---", "~--~", "``", "''", "$x$", "$$", "\\(", "\\)", "\\[", "\\]", "http://a.b/c", "example.com/x",
    "Copyright ", "(c) ", "\u00a9 ", "0", "2", "9", "18", "99", "21", "1899", "2100", "2021", "1999.", "\r\n", "-\n", "  ",
]


def _without(*guarded: str) -> st.SearchStrategy[str]:
    """Texts of PIECES with none of ``guarded`` in them (a pair such as "--" broken
    wherever joining pieces made one)."""
    def drop(text: str) -> str:
        while any(g in text for g in guarded):
            for g in guarded:
                text = text.replace(g, g[:-1] if len(g) > 1 else "")
        return text
    return st.lists(st.sampled_from(PIECES), max_size=40).map("".join).map(drop)


def _none_found(patterns: list[re.Pattern[str]], text: str) -> None:
    for pattern in patterns:
        assert pattern.search(text) is None, (pattern.pattern[:60], text)


@settings(max_examples=400, deadline=None)
@given(_without("\\"))
def test_commands_need_a_backslash(text: str) -> None:
    """latex._rules: the \\url, accent, emphasis, argument, no-op and spacing rules run
    only on a text with a backslash."""
    _none_found([
        latex._URL_CMD, latex._ACCENT, latex._EMPH, latex._ITALIC, latex._BOLD, latex._PLAIN_ARG,
        latex._NO_OP, latex._SPACING, latex._ITALIC_BEFORE, latex._BOLD_BEFORE, latex._PLAIN_DECLARATION,
        latex._DECLARATION_READ_NOW,
    ], text)


@settings(max_examples=400, deadline=None)
@given(_without("--"))
def test_dashes_need_two_hyphens(text: str) -> None:
    _none_found([latex._DASH], text)


@settings(max_examples=400, deadline=None)
@given(_without("`"))
def test_quotes_need_a_backtick(text: str) -> None:
    _none_found([latex._DOUBLE_QUOTES, latex._SINGLE_QUOTES], text)


@settings(max_examples=400, deadline=None)
@given(_without("~"))
def test_ties_need_a_tilde(text: str) -> None:
    _none_found([latex._TIE, latex._TIED_DASH, latex._TIE_ONE, latex._TIE_BEFORE], text)


@settings(max_examples=400, deadline=None)
@given(_without("{"))
def test_groups_need_a_brace(text: str) -> None:
    """latex._strip_groups runs only on a text with "{"."""
    _none_found([latex._GROUP], text)


@settings(max_examples=400, deadline=None)
@given(_without("\\", "{"))
def test_escapes_need_a_backslash_or_brace(text: str) -> None:
    """_Held.escapes: every escape has a backslash, or a brace ("-{}-")."""
    _none_found([latex._ESCAPE], text)


@settings(max_examples=400, deadline=None)
@given(_without("\\", "$"))
def test_math_needs_a_dollar_or_backslash(text: str) -> None:
    """_Held.urls_and_math reads math only in a text with "$" or a backslash."""
    _none_found([latex._MATH_OR_CHARACTER], text)


@settings(max_examples=400, deadline=None)
@given(_without("19", "20"))
def test_notices_name_a_year(text: str) -> None:
    """ingest.without_notice looks for a notice only in a text with "19" or "20"
    ("© 1899" and "(c) 2100" are no notice either way)."""
    _none_found([_NOTICE], text)


@settings(max_examples=400, deadline=None)
@given(_without("\n"))
def test_a_wrap_needs_a_newline(text: str) -> None:
    """wraps.wrapped_at_hyphen: a CRLF break holds "\\n" too; a lone "\\r" is no break."""
    _none_found([_WRAP_AT_HYPHEN], text)


@settings(max_examples=400, deadline=None)
@given(_without("\t", "\n", "  "))
def test_spaces_to_fold_need_a_run(text: str) -> None:
    """bibtex._plain folds spaces only in a text with a tab, a newline or two spaces:
    in any other, every match is a single space, written as it was."""
    assert _SPACES.sub(" ", text) == text
