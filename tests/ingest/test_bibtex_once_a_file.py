"""Work the BibTeX reader does once a file rather than once an entry: the passes over an
entry's names run entry by entry in one pass (bibtex._Names), each name written anew and
split once a file, and a venue asked whether it is a preprint's once (bibtex._preprint): what
is read so is what the six passes, each over every entry, and the pattern gave."""

from __future__ import annotations

import bibtexparser
from bibtexparser.middlewares import NormalizeFieldKeys, RemoveEnclosingMiddleware, SplitNameParts
from bibtexparser.model import Entry, ParsingFailedBlock
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.errors import Problems
from generator.matchkeys import PREPRINT
from generator.ingest import bibtex
from generator.ingest.bibtex import (
    _DanglingAnds, _ExtendedNames, _NameAccents, _Names, _SeparateNames, _SourceNames, _SplitNameParts)


def _six_passes(path: str, problems: Problems) -> list:
    """The stack as it was: each pass over every entry."""
    return [
        _NameAccents(), _DanglingAnds(path, problems), _SeparateNames(), _ExtendedNames(),
        _SourceNames(), SplitNameParts(),
    ]


def _read(text: str, names: list) -> tuple[list, list[str]]:
    problems = Problems()
    stack = [RemoveEnclosingMiddleware(), NormalizeFieldKeys()]
    library = bibtexparser.parse_string(text, parse_stack=[*stack, *names(problems)])
    return [_shown(block) for block in library.blocks], [str(p) for p in problems.items]


def _shown(block: object) -> tuple:
    """What a block holds, to compare: its type, its fields' names and values (names as
    their parts), and for an error block its error and the entry it holds."""
    if isinstance(block, ParsingFailedBlock):
        inner = block.ignore_error_block
        return (type(block).__name__, str(block.error), _shown(inner) if inner is not None else None)
    if isinstance(block, Entry):
        return ("entry", block.key, [(f.key, repr(f.value)) for f in block.fields])
    return (type(block).__name__, block.raw)


def _same(text: str) -> None:
    old = _read(text, lambda problems: _six_passes("lab.bib", problems))
    new = _read(text, lambda problems: [_Names("lab.bib", problems)])
    assert new == old


_CASES = [
    # plain names, repeated across entries (split once, each entry its own parts)
    "@article{a, author = {Doe, Jane and Roe, Rick}, title = {A}}\n"
    "@article{b, author = {Doe, Jane and Poe, Edgar}, editor = {Doe, Jane}, title = {B}}\n",
    # accents, a dangling "and", biblatex's extended names, IEEE's spaced initials, CJK
    "@article{c, author = {Pe\\~{n}a, Jos\\'e and and Zola, \\'Emile and}, title = {C}}\n"
    "@article{d, author = {family=Maaten, given=Laurens, prefix=van der, useprefix=true and"
    " T. -Y. Lin and 赵, 鑫}, title = {D}}\n",
    # a name bibtexparser cannot split (too many commas): the entry an error block, its
    # author field as the passes before left it; in the editor field after an author read
    "@article{e, author = {A, B, C, D}, title = {E}}\n"
    "@article{f, author = {Doe, Jane}, editor = {A, B, C, D}, title = {F}}\n"
    "@article{g, author = {A, B, C, D}, title = {G}}\n",
    # an unbalanced brace in a name, and a translator
    "@book{h, author = {Doe, {Jane}, translator = {Roe, Rick and Doe, Jane}, title = {H}}\n",
    # no author at all, an empty one, a comment between
    "@misc{i, title = {I}}\n% between\n@misc{j, author = {}, title = {J}}\n",
]


def test_each_case_reads_as_the_six_passes_read_it():
    for text in _CASES:
        _same(text)


_NAME = st.sampled_from([
    "Doe, Jane", "Jane Doe", "de la Fuente, Ana", "Steele Jr, Guy L", "{Google Research}", "others",
    "A, B, C, D", "Pe\\~{n}a, Jos\\'e", "family=Maaten, given=Laurens", "T. -Y. Lin", "赵, 鑫",
    "and", "", "{R and D} Lab", "Doe, {Jane", "Lin, T.-Y.", "Smith\\textsuperscript{1}",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(_NAME, max_size=5), min_size=1, max_size=4), st.booleans())
def test_generated_lists_read_as_the_six_passes_read_them(lists, editors):
    field = "editor" if editors else "author"
    text = "\n".join(
        f"@article{{k{n}, {field} = {{{' and '.join(names)}}}, author = {{{' and '.join(reversed(names))}}},"
        f" title = {{T{n}}}}}"
        for n, names in enumerate(lists)
    )
    _same(text)


def test_a_name_split_again_gets_parts_of_its_own():
    split = _SplitNameParts()
    first, second = split._transform_field_value(["Doe, Jane", "Doe, Jane"])
    assert first == second and first.last == ["Doe"] and first.first == ["Jane"]
    first.last.append("changed")
    assert second.last == ["Doe"] and split._transform_field_value(["Doe, Jane"])[0].last == ["Doe"]


def test_a_file_read_twice_reads_the_same():
    """The names kept are a reading's own: a second file, or the same again, starts anew."""
    text = _CASES[0] + _CASES[1]
    first, second = Problems(), Problems()
    assert bibtex.parse_bibtex(text, "a.bib", first) == bibtex.parse_bibtex(text, "a.bib", second)
    assert [str(p) for p in first.items] == [str(p) for p in second.items]


@given(st.one_of(
    st.sampled_from([
        "arXiv preprint arXiv:2106.09685", "CoRR", "ArXiv", "bioRxiv", "International Conference on Machine"
        " Learning", "", "Proceedings of the arXiv workshop", "SSRN Electronic Journal", "medRxiv",
    ]),
    st.text(max_size=40),
))
def test_a_venue_asked_again_is_a_preprint_as_the_pattern_says(venue):
    """bibtex._preprint keeps each answer for the venue asked again: the pattern's own."""
    assert bibtex._preprint(venue) is (PREPRINT.search(venue) is not None)
    assert bibtex._preprint(venue) is (PREPRINT.search(venue) is not None)  # (kept)
