"""The citation key an import (or `add`) writes into a new paper's file: its record's
key, unless another paper of the list has it already, then that key with a letter after
it ("Smith_2020a", "Smith_2020b", ...) as reference managers tell two papers of one
author and year apart.

Crossref keys every paper by its first author's surname and year ("Smith_2020"), so two
`add`s of two Smith 2020 papers wrote one key into both files; `check` then warned of
each, and both were cited by their ids (crosscheck._citation_keys). A key is taken as
`check` takes it: another paper's `citation_key` or an id another paper is (or was)
known by, in any capitals, as BibTeX compares keys.
"""

from __future__ import annotations

from itertools import count, product
from string import ascii_lowercase
from typing import Iterator, Mapping, Sequence

from .errors import Problem, Severity
from .importmatch import Paper
from .ingest import Record
from .quoting import quoted


def unique_keys(
    existing: Sequence[Paper], created: Sequence[Paper], keyed: Mapping[int, Record]
) -> list[tuple[str, Problem]]:
    """Give each new paper of ``created`` whose key came from its record (``keyed``, by
    id() of the paper) a key no other paper has, in the order the papers were made: the
    list's papers and the earlier new ones keep theirs. Each key changed is said at its
    record, (the paper's id, the warning)."""
    owners: dict[str, str] = {}  # a key or id, casefolded -> the paper that has it
    for paper in (*existing, *created):
        for name in _names(paper, with_key=id(paper) not in keyed):
            owners.setdefault(name.casefold(), paper.id)
    said: list[tuple[str, Problem]] = []
    for paper in created:
        record = keyed.get(id(paper))
        if record is None:
            continue
        key = str(paper.values["citation_key"])
        given = next(k for k in _with_letters(key) if owners.get(k.casefold(), paper.id) == paper.id)
        owners[given.casefold()] = paper.id
        if given != key:
            paper.values["citation_key"] = given
            said.append((paper.id, Problem(
                record.source,
                f"the citation key {quoted(key)} is {owners[key.casefold()]}'s already (a key is one"
                f" paper's): {paper.id} is cited by {quoted(given)}",
                Severity.WARNING,
            )))
    return said


def _names(paper: Paper, with_key: bool) -> Iterator[str]:
    """The keys ``paper`` may be cited by: its id, the ids it had before a rename (its
    `formerly:`), and its `citation_key` (``with_key``)."""
    yield paper.id  # (its file's name; the id its file says, if another, below: `check` says that)
    if isinstance(written := paper.values.get("id"), str):
        yield written
    formerly = paper.values.get("formerly")
    if isinstance(formerly, (list, tuple)):
        yield from (str(item) for item in formerly)
    if with_key and (key := str(paper.values.get("citation_key") or "").strip()):
        yield key


def _with_letters(key: str) -> Iterator[str]:
    """``key``, then with "a" to "z" after it, then "aa" to "zz", and so on."""
    yield key
    for length in count(1):
        for letters in product(ascii_lowercase, repeat=length):
            yield key + "".join(letters)
