"""The citation key an import (or `add`) writes into a new paper's file: its record's
key, unless another paper of the list has it already, then that key with a letter after
it ("Smith_2020a", "Smith_2020b", ...) as reference managers tell two papers of one
author and year apart.

Crossref keys every paper by its first author's surname and year ("Smith_2020"), so two
`add`s of two Smith 2020 papers wrote one key into both files; `check` then warned of
each, and both were cited by their ids (crosscheck._citation_keys). A key is taken as
`check` takes it: another paper's `citation_key`, or the id another paper is cited by
(its first id, of one with no key of its own: Paper.cited_as), in any capitals, as
BibTeX compares keys. (An id of a paper cited by its own key is no key: taken for one,
a lab's key was written with a letter, and a citation copied from the site was not the
one its library has.)
"""

from __future__ import annotations

from collections import Counter
from itertools import count, product
from string import ascii_lowercase
from typing import Iterator, Mapping, Sequence

from .errors import Problem, Severity
from .importmatch import Paper
from .ingest import Record
from .models import is_citation_key
from .quoting import quoted


def unique_keys(
    existing: Sequence[Paper], created: Sequence[Paper], keyed: Mapping[int, Record]
) -> list[tuple[str, Problem]]:
    """Give each new paper of ``created`` whose key came from its record (``keyed``, by
    id() of the paper) a key no other paper has: the list's papers keep theirs; then
    each new paper whose key no paper has yet takes it, and the others the first free
    with letters, each in the order of the papers' ids. (Not in the order they were
    made, which is the order of the files on the command line: `import b.bib a.bib`
    gave b's paper the key that `import a.bib b.bib` gave a's. And a paper's own key
    before a letter: "Lee2021a" is the key of the record that gives it, not the second
    Lee2021's.) Each key changed is said at its record, (the paper's id, the warning),
    in the order the papers were made."""
    if not keyed:
        return []  # (a re-import that adds nothing: no 10,000 papers' names to read)
    owners: dict[str, str] = {}  # a key or id, casefolded -> the paper that has it
    kept = [paper for paper in (*existing, *created) if id(paper) not in keyed]
    by_id = _cited_by_ids(kept)
    for paper in kept:
        for name in _names(paper, by_id=id(paper) in by_id):
            owners.setdefault(name.casefold(), paper.id)
    new = sorted((paper for paper in created if id(paper) in keyed), key=lambda paper: paper.id)
    for paper in new:
        owners.setdefault(str(paper.values["citation_key"]).casefold(), paper.id)
    said: dict[int, Problem] = {}  # by id() of a paper whose key was changed
    for paper in new:
        key = str(paper.values["citation_key"])
        if owners[key.casefold()] != paper.id:
            given = next(k for k in _with_letters(key) if k.casefold() not in owners)
            owners[given.casefold()] = paper.id
            paper.values["citation_key"] = given
            said[id(paper)] = Problem(
                keyed[id(paper)].source,
                f"the citation key {quoted(key)} is {owners[key.casefold()]}'s already (a key is one"
                f" paper's): {paper.id} is cited by {quoted(given)}",
                Severity.WARNING,
            )
    return [(paper.id, said[id(paper)]) for paper in created if id(paper) in said]


def _key(paper: Paper) -> str:
    return str(paper.values.get("citation_key") or "").strip()


def _first_id(paper: Paper) -> str:
    formerly = paper.values.get("formerly")
    return str(formerly[0]) if isinstance(formerly, (list, tuple)) and formerly else paper.id


def _cited_by_ids(papers: Sequence[Paper]) -> set[int]:
    """The papers (by id()) cited by their first id, as crosscheck._citation_keys tells
    them: one with no key, or one BibTeX refuses, or one two papers give; then, until
    none is left, one whose key is the id such a paper is cited by."""
    shared = Counter(key.casefold() for paper in papers if (key := _key(paper)))
    by_id = {
        id(paper) for paper in papers
        if not (key := _key(paper)) or not is_citation_key(key) or shared[key.casefold()] > 1
    }
    while True:
        ids = {_first_id(paper).casefold(): paper for paper in papers if id(paper) in by_id}
        more = {
            id(paper) for paper in papers
            if id(paper) not in by_id and ids.get(_key(paper).casefold(), paper) is not paper
        }
        if not more:
            return by_id
        by_id |= more


def _names(paper: Paper, by_id: bool) -> Iterator[str]:
    """The keys ``paper`` holds: its `citation_key`, and if it is cited by its id
    (``by_id``) instead, that id, its first (`formerly:`'s first, else its id; the id its
    file says and its file's name, should the two differ: `check` says that)."""
    if key := _key(paper):
        yield key
    if by_id:
        yield _first_id(paper)
        if isinstance(written := paper.values.get("id"), str):
            yield written


def _with_letters(key: str) -> Iterator[str]:
    """``key``, then with "a" to "z" after it, then "aa" to "zz", and so on."""
    yield key
    for length in count(1):
        for letters in product(ascii_lowercase, repeat=length):
            yield key + "".join(letters)
