"""A .bib's earlier readings (math as typed, ties as before) re-read only the entries
that hold math or a tie: the same records as reading the whole file again."""

from __future__ import annotations

import contextlib
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.errors import Problems
from generator.ingest import ReadBefore, _with_earlier_reading, normalise_text, parse_text, without_arxiv_venue
from generator.ingest.bibtex import parse_bibtex
from generator.ingest.exporters import key_sources
from generator.latex import BEFORE_A_WORD, math_as_typed, simple_math_in, tie_readings_before, ties_as_before


def _whole_file_again(text: str, path: str) -> list:
    """parse_text as it was before: the whole file parsed again within each reading."""
    text = normalise_text(text)
    records = parse_bibtex(text, path, Problems())
    ties = tie_readings_before(text) if records else []
    if records and simple_math_in(text):
        with math_as_typed(), ties_as_before() if BEFORE_A_WORD in ties else contextlib.nullcontext():
            earlier = parse_bibtex(text, path, Problems())
        records = _with_earlier_reading(records, earlier, "its TeX math as typed, which an earlier import kept")
    for reading in ties:
        with ties_as_before(reading):
            earlier = parse_bibtex(text, path, Problems())
        records = _with_earlier_reading(records, earlier, "a TeX tie (~) as typed, which an earlier import kept")
    source = key_sources(text, "bibtex") if any(record.key for record in records) else None
    return [
        without_arxiv_venue(
            replace(record, key_source=source(record.source.line)) if record.key and source else record
        )
        for record in records
    ]


# Pieces of titles and abstracts: plain words, simple math, math kept as typed, ties of
# each earlier reading, a line break, a character reference for "$", braces.
_PIECES = [
    "Deep", "learning", "{BERT}", "$\\beta$-VAE", "$\\alpha$", "\\(\\epsilon\\)", "$O(n^2)$",
    "Table~\\ref{t}", "size~$n$", "a~~b", "3~--~5", "x\\\\y", "~", "&#36;\\beta&#36;", "\\'ecole",
    "Q&A", "S{\\o}ren", "\\textit{x}~y", "-", "$5 or $6", "&#36;&#92;beta&#36;", "a&#126;&#126;b",
]
_words = st.lists(st.sampled_from(_PIECES), min_size=1, max_size=5).map(" ".join)


# Values of the fields other than title and abstract, each with what an earlier reading
# reads otherwise (TeX as written: math, ties, a line break's \\, an accent's \~{n}, an
# escaped \$, $$, a \url with a tilde in its address): an entry whose title and abstract
# hold none of it is not read again, and these must not change its record's title or
# abstract, nor whether it has a record, under any reading.
_AUTHORS = [
    "Lee, Ann", "Erd\\H{o}s, Paul", "M.~Smith and J.~Doe", "Pe\\~{n}a, Jos\\'e", "{$\\beta$ Team}",
    "Smith, J.~R. and Lee, Ann", "Doe, Jane and others",
]
_OTHERS = [
    "$\\beta$-Workshop", "Proc.~of ICML", "A~~B", "3~--~5", "x\\\\y", "\\$5 or $$x$$", "\\~{n}and\\'u",
    "\\url{https://example.org/~lee/$x$}", "https://example.org/~lee/a~~b", "Code: https://github.com/a/b~c",
    "&#36;\\beta&#36;", "Table~\\ref{t}", "size~$n$",
]
# Titles that read as none now and as a tilde in an earlier reading of ties (the entry
# has a record in one reading only: the counts of records differ), and near misses.
_ALONE = ["{}~{}", "\\\\~\\\\", "\\\\~{}", "{}{\\em ~}{}", "~", "$$", "~~", "\\\\", "{}", "\\~{}"]
_FIELDS = ["booktitle", "journal", "note", "annote", "howpublished", "url", "keywords", "series", "editor", "publisher"]


@st.composite
def _bib(draw: st.DrawFn) -> str:
    """A .bib of a few entries, some holding math or ties in their titles or abstracts,
    in their own text, an @string's or a crossref'd volume's, and in their other fields
    (authors, venues, notes, addresses: `_OTHERS`), with an @preamble, comments, an entry
    given twice and one bibtexparser cannot read among them."""
    blocks = []
    strings = draw(st.lists(_words, max_size=2))
    blocks += [f"@string{{s{n} = {{{value}}}}}" for n, value in enumerate(strings)]
    names = draw(st.lists(st.sampled_from(_AUTHORS), max_size=1))
    blocks += [f"@string{{who{n} = {{{value}}}}}" for n, value in enumerate(names)]
    volumes = draw(st.lists(
        st.tuples(st.sampled_from(["proceedings", "inproceedings"]), st.one_of(_words, st.sampled_from(_ALONE))),
        max_size=2,
    ))
    for n, (kind, title) in enumerate(volumes):
        more = "".join(
            f",\n  {name} = {{{draw(st.sampled_from(_OTHERS))}}}"
            for name in draw(st.lists(st.sampled_from(["booktitle", "series", "editor", "note"]), max_size=2, unique=True))
        )
        blocks.append(f"@{kind}{{vol{n},\n  title = {{{title}}},\n  year = {{2020}}{more}\n}}")
    entries = []
    for n in range(draw(st.integers(1, 5))):
        if strings and draw(st.booleans()):
            title = f"s{draw(st.integers(0, len(strings) - 1))} # {{ {draw(_words)}}}"
        else:
            title = "{" + draw(st.one_of(_words, st.sampled_from(_ALONE))) + "}"
        author = "who0 # { and Lee, Ann}" if names and draw(st.booleans()) else f"{{{draw(st.sampled_from(_AUTHORS))}}}"
        fields = [f"  title = {title}", f"  author = {author}", "  year = {2021}"]
        if strings and draw(st.booleans()):
            fields.append(f"  abstract = {{{draw(_words)}\n\n}} # s{draw(st.integers(0, len(strings) - 1))}")
        elif draw(st.booleans()):
            fields.append(f"  abstract = {{{draw(_words)}\n\n{draw(_words)}}}")
        for name in draw(st.lists(st.sampled_from(_FIELDS), max_size=3, unique=True)):
            fields.append(f"  {name} = {{{draw(st.sampled_from(_OTHERS))}}}")
        if volumes and draw(st.booleans()):
            fields.append(f"  crossref = {{vol{draw(st.integers(0, len(volumes) - 1))}}}")
        entries.append(f"@article{{key{n},\n" + ",\n".join(fields) + "\n}")
    blocks += entries
    if draw(st.booleans()):
        blocks.append("@preamble{ \"\\newcommand{\\x}{$\\beta$~y}\" }")
    if draw(st.booleans()):
        blocks.append(f"@comment{{ {draw(_words)} }}\n% {draw(_words)}")
    if draw(st.booleans()):
        blocks.append(draw(st.sampled_from(entries)))  # (a duplicate key)
    if draw(st.booleans()):
        # An entry bibtexparser gives up on (a field without "="), holding math.
        blocks.append("@article{broken,\n  title {$\\beta$-VAE~x},\n  year = {2020}\n}")
    return "\n\n".join(draw(st.permutations(blocks))) + "\n"


@settings(max_examples=300, deadline=None)
@given(_bib())
def test_entries_read_again_are_the_whole_file_read_again(text: str) -> None:
    assert parse_text(text, "refs.bib", Problems()) == _whole_file_again(text, "refs.bib")


def test_only_an_entry_with_math_gains_its_earlier_reading() -> None:
    # Read by hand: the first title reads "β-VAE ..." now and was written as typed before;
    # the second has no math, and nothing to say of an earlier reading.
    text = (
        "@article{a, title = {$\\beta$-VAE: Learning Concepts}, year = {2017}}\n"
        "@article{b, title = {Plain Words}, year = {2018}}\n"
    )
    first, second = parse_text(text, "refs.bib", Problems())
    assert first.title == "β-VAE: Learning Concepts"
    assert ReadBefore(
        ("title",), ("$\\beta$-VAE: Learning Concepts",), "its TeX math as typed, which an earlier import kept"
    ) in first.read_before
    assert not any(before.names == ("title",) for before in second.read_before)


def test_math_in_an_at_string_is_read_again() -> None:
    # The entry's own text holds no "$": its title's math comes from the @string.
    text = (
        "@string{vae = {$\\beta$-VAE}}\n"
        "@article{a, title = vae # { Revisited}, year = {2017}}\n"
        "@article{b, title = {Plain}, year = {2018}}\n"
    )
    first, _ = parse_text(text, "refs.bib", Problems())
    assert first.title == "β-VAE Revisited"
    assert [before.values for before in first.read_before if before.names == ("title",)] == [
        ("$\\beta$-VAE Revisited",)
    ]
