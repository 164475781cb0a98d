"""A list exported as papers.bib and imported again gives back its text: the BibTeX
reader (ingest/bibtex.py, LaTeX read by latex.py) undoes every escape the export
(export_bibtex.py) writes, and reads the math the export keeps as it was typed.

What may differ, by design of the export: a run of whitespace is one space and a field
has no spaces at its ends (TeX reads a run as one space), and an abstract keeps its
paragraphs (blank lines) but no line break within one. Nothing else.
"""

from __future__ import annotations

import re

from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from generator.errors import Problems
from generator.export_bibtex import bibtex
from generator.importer import import_paths
from generator.ingest.bibtex import parse_bibtex
from generator.links import find_url_spans
from generator.models import Paper
from generator.yamlio import parse, to_python


def _round_trip(same_author_twice: bool = False, **fields):
    """``same_author_twice``: the authors may name one author twice, which the reader
    warns of (and keeps as written): that warning, and no other, is allowed."""
    text = bibtex([Paper(id="p", **{"abstract": "", **fields})])
    problems = Problems()
    records = parse_bibtex(text, "papers.bib", problems)
    said = [p for p in problems.items if not (same_author_twice and "names the same author more than once" in p.message)]
    assert not said, (problems.format(), text)
    [record] = records
    return record


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _paragraphs(text: str) -> str:
    """An abstract as BibTeX holds it: a blank line (spaces within it allowed) parts two
    paragraphs, each on one line."""
    parts = (_one_line(part) for part in re.split(r"\n[ \t\r\f\v]*\n", text))
    return "\n\n".join(part for part in parts if part)


# Text as titles and abstracts hold it: any characters (TeX's special ones, quotes,
# dashes, URLs and math-looking spans more often than chance would give them).
_FRAGMENTS = [
    "\\", "{", "}", "%", "$", "&", "#", "_", "^", "~", "<", ">", "|", '"', "'", "''", "-",
    "--", "---", "!", "?", ",,", "<<", ">>", " ", "\n", "\n\n", "$x$", "$\\alpha$", "$5",
    "$x_{i}^2$", "$\\{0, 1\\}$", "$\\textit{a}~b--c$", "$a$$", "\\$x\\$", "\\textit{x}",
    "{\\textbackslash}", "\\url{x}", "-{}-", "https://x.org/~u/a_b", "www.x.org/a--b",
    "e.g.~x", "\\\\", "\\'e", "{}", "\\{", "ü", "α", "\u00a0", "\u2028",
    "`", "``", "`x'", "?`", "!`", "$\\input{x}$", "$\\end{document}$", "\\(\\alpha\\)",
    "\\(", "\\)", "<i>", "</i>", "<mml:mi>", "&amp;", "&lt;", "&#38;", "\\&amp;",
    # a paragraph that starts as a BibTeX entry does
    "\n\n@misc{", "\n\n@a (", "\n\n@",
]
_CHARACTERS = st.characters(blacklist_categories=("Cs",))
_TEXT = st.lists(
    st.one_of(st.text(_CHARACTERS, max_size=8), st.sampled_from(_FRAGMENTS)), max_size=25
).map("".join)


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_a_title_comes_back_as_written(title):
    assume(title.split())
    assert _round_trip(title=title).title == _one_line(title)


@settings(max_examples=400, deadline=None)
@given(_TEXT)
# (TeX reads "\\\\" before it reads "\\)": that is a line break, no math's end.)
@example("\\(\\\\)")
@example("a \\(x\\\\y\\) b")
def test_an_abstract_comes_back_as_written_math_included(abstract):
    assert _round_trip(title="T", abstract=abstract).abstract == _paragraphs(abstract)


# BibTeX reads a name at its commas ("Last, First"), a final "Jr."/"III" as a suffix
# and a name "others" as "et al.": those names are the export's and the reader's
# business (tests/test_export_bibtex.py), not the text's, as is a name in braces,
# which the export takes for the curator's way of making it one name.
_NAME_SUFFIX = re.compile(r"\s(?:Jr\.?|Sr\.?|II|III|IV)\s*$")


@settings(max_examples=300, deadline=None)
@given(st.lists(_TEXT, min_size=1, max_size=3))
def test_authors_come_back_as_written(names):
    for name in names:
        assume(name.split() and "," not in name and _one_line(name).casefold() != "others")
        assume(not (name.startswith("{") and name.endswith("}")))
        assume(not _NAME_SUFFIX.search(name))
    assert _round_trip(True, title="T", authors=tuple(names)).authors == tuple(map(_one_line, names))


_PREPRINT = re.compile(r"arxiv|corr|preprint|biorxiv|medrxiv|ssrn", re.IGNORECASE)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_a_venue_comes_back_as_written(venue):
    # A preprint server is written to howpublished, which the reader takes for an
    # address when it holds one: not this test's business.
    assume(venue.split() and not (_PREPRINT.search(venue) and find_url_spans(venue)))
    assert _round_trip(title="T", venue=venue).venue == _one_line(venue)


TRICKY = {
    "title": "Attention -- {really} 100% of x^2 \\ y: ``All'' you need? (a---b) <<c>> ~5",
    "abstract": "We get $O(n^2)$ and $\\alpha$-tests, not \\alpha; costs $5 or $10.\n\n"
                "See https://x.org/~u/a_b#c and -- \"quotes\" -{}- e.g.~RoBERTa.",
    "venue": "Proc. of C&C {2024} -- 1st ed.",
}


def test_the_reviewers_cases():
    record = _round_trip(**TRICKY, authors=("Jörg M\\\"uller", "Ana {de} la Cruz"))
    assert (record.title, record.abstract, record.venue) == (
        TRICKY["title"], TRICKY["abstract"], TRICKY["venue"])
    assert record.authors == ("Jörg M\\\"uller", "Ana {de} la Cruz")


def test_math_of_one_character_comes_back_as_typed():
    # The reader takes "$<$" and "$\{$" for Mendeley's escapes of "<" and "{": the export
    # writes them as text, as it does math it cannot pass to LaTeX.
    for math in ("$<$", "$>$", "$|$", "$\\{$", "$\\}$", "$\\_$", "$\\backslash$"):
        title = f"Error {math} 5 and $x<y$"
        assert (_round_trip(title=title).title, _round_trip(title="T", abstract=title).abstract) == (
            title, title), math


def test_a_backquote_written_as_latex_names_it_is_read_as_written():
    # A bare backquote opens a TeX quote ("`x'" is read as "‘x’"): a backquote written
    # as LaTeX's name for the character is the character, and opens nothing.
    text = "@misc{p, title = {{\\textasciigrave}x' and \\textasciigrave{}y'}}"
    [record] = parse_bibtex(text, "papers.bib", Problems())
    assert record.title == "`x' and `y'"


def test_readinglist_import_of_papers_bib_writes_the_same_text(tmp_path):
    source = tmp_path / "papers.bib"
    source.write_text(bibtex([Paper(id="p", authors=("Ada Lovelace",), **TRICKY)]),
                      encoding="utf-8")
    report = import_paths([source], tmp_path / "content")
    [paper_id] = report.added
    path = tmp_path / "content" / "papers" / f"{paper_id}.yml"
    problems = Problems()
    data = to_python(parse(path.read_text(encoding="utf-8"), str(path), problems))
    assert not problems, problems.format()
    assert (data["title"], data["abstract"], data["venue"]) == (
        TRICKY["title"], TRICKY["abstract"], TRICKY["venue"])
    assert data["authors"] == ["Ada Lovelace"]


def test_a_preprints_year_comes_back_as_written():
    # (review: the first-version rule for arXiv's own export read a curator's 2018 back
    # as 2017, the year of the id)
    for venue in ("", "arXiv preprint", "CoRR"):
        assert _round_trip(title="T", arxiv="1706.03762", year=2018, venue=venue).year == "2018"
