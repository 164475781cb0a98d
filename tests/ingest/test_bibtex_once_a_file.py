"""Work the BibTeX reader does once a file rather than once an entry: the passes over an
entry's names run entry by entry in one pass (bibtex._Names), each name written anew and
split once a file, and a venue asked whether it is a preprint's once (bibtex._preprint): what
is read so is what the six passes, each over every entry, and the pattern gave."""

from __future__ import annotations

import bibtexparser
from bibtexparser.middlewares import NormalizeFieldKeys, RemoveEnclosingMiddleware, SplitNameParts
from bibtexparser.middlewares.middleware import LibraryMiddleware
from bibtexparser.model import Entry, ParsingFailedBlock
import pytest
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


class _SixPassesWhole(LibraryMiddleware):
    """The six passes as they ran before, each over the whole library, in _Names' place in
    the reader's whole stack (BackslashesBack's braces, the crossref, the records)."""

    def __init__(self, path: str, problems: Problems) -> None:
        super().__init__(allow_inplace_modification=True)
        self._passes = _six_passes(path, problems)

    def transform(self, library: bibtexparser.Library) -> bibtexparser.Library:
        for each in self._passes:
            library = each.transform(library)
        return library


def _records_and_problems(text: str) -> tuple[list, list[str]]:
    problems = Problems()
    records = bibtex.parse_bibtex(text, "lab.bib", problems)
    return records, [str(p) for p in problems.items]


# (rev75) Names as the whole reader reads them: accents in braces, "and others", a trailing
# "and", an organisation in braces, von and Jr parts, an editor, a crossref parent's authors
# shared by two children (one name list each), an unsplittable name's error block next to a
# name it shares, and the same names across entries whose later passes see their own lists.
_WHOLE = (
    "@article{a, author = {G{\\\"o}del, Kurt and M{\\\"{u}}ller, J. and others}, title = {Alpha}, year = 2020}\n"
    "@article{b, author = {G{\\\"o}del, Kurt and {Google Research} and}, title = {Beta}, year = 2020}\n"
    "@article{c, author = {van der Maaten, Jr., Laurens and de la Fuente, Ana and Steele Jr, Guy L},"
    " editor = {G{\\\"o}del, Kurt and van der Maaten, Jr., Laurens}, title = {Gamma}, year = 2021}\n"
    "@incollection{d1, crossref = {p}, title = {Delta One}}\n"
    "@incollection{d2, crossref = {p}, title = {Delta Two}, author = {and Roe, Rick}}\n"
    "@book{p, author = {Doe, Jane and G{\\\"o}del, Kurt and Doe, Jane}, title = {Proc}, year = 2019,"
    " booktitle = {Proc}}\n"
    "@article{e, author = {A, B, C, D and Doe, Jane}, title = {Epsilon}, year = 2022}\n"
    "@article{f, author = {Doe, Jane and and {R and D} Lab}, title = {Zeta}, year = 2022}\n"
)


def test_the_whole_reader_reads_names_as_the_six_passes_over_the_library_did(monkeypatch):
    new = _records_and_problems(_WHOLE)
    monkeypatch.setattr(bibtex, "_Names", _SixPassesWhole)
    old = _records_and_problems(_WHOLE)
    assert new == old
    records, problems = new
    authors = {r.key: r.authors for r in records}
    # (Checked by hand, not copied: the umlaut as a character, "others" no name, the
    # organisation whole, von and Jr in their places, the parent's list for each child.)
    assert authors["a"] == ("Kurt Gödel", "J. Müller", "others")
    assert authors["b"] == ("Kurt Gödel", "Google Research")
    assert authors["c"] == ("Laurens van der Maaten, Jr.", "Ana de la Fuente", "Guy L Steele Jr")
    assert authors["d1"] == ("Jane Doe", "Kurt Gödel", "Jane Doe") and authors["d2"] == ("Rick Roe",)
    assert authors["f"] == ("Jane Doe", "R and D Lab") and "e" not in authors
    # Each problem at its place: the 'author' of b, d2 and f; e's name; p's list once.
    assert [p.split(": ")[0] for p in problems] == [
        "lab.bib:2:13", "lab.bib:5:56", "lab.bib:8:13", "lab.bib:7:13", "lab.bib:6:10"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(_NAME, max_size=4), min_size=1, max_size=4))
def test_generated_lists_read_whole_as_the_six_passes_read_them(lists):
    text = "\n".join(
        f"@article{{k{n}, author = {{{' and '.join(names)}}}, title = {{Title {n}}}, year = 2020}}"
        for n, names in enumerate(lists)
    )
    new = _records_and_problems(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(bibtex, "_Names", _SixPassesWhole)
        old = _records_and_problems(text)
    assert new == old


@pytest.mark.parametrize("name", ["import/rich.bib", "import/sample.bib", "own_list/my-lab.bib", "add/parrots.bib"])
def test_the_projects_own_bib_files_read_as_the_six_passes_read_them(name, monkeypatch):
    from pathlib import Path

    text = (Path(__file__).parents[1] / "data" / name).read_text(encoding="utf-8")
    new = _records_and_problems(text)
    monkeypatch.setattr(bibtex, "_Names", _SixPassesWhole)
    assert new == _records_and_problems(text) and new[0]
