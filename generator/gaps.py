"""What each paper's record lacks: the fields a curator fills in, counted over a list.

`readinglist gaps` prints this (generator/commands/gaps.py). Pure: it reads the loaded
papers and the ids of those in no topic (which placing them in topics tells, not the
paper alone), and does no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Container, Mapping, Sequence

from .models import Paper

# The fields a record may lack, in the order they are told. "identifier" is an arXiv id
# or a DOI (either lets a reader find the paper, and `add` ask for it); "topics" is a
# paper in no topic: on no topic page, whether or not its file lists topics.
FIELDS = ("authors", "year", "venue", "identifier", "code", "topics", "abstract")

_LACKS: Mapping[str, Callable[[Paper], bool]] = {
    # A book edited as a whole (editors, no venue) is by its editors: it lacks no authors,
    # and no import would give it any (bk2). A chapter's editors are its book's.
    "authors": lambda p: not any(name.strip() for name in p.authors) and not (
        any(name.strip() for name in p.editors) and not p.venue.strip()
    ),
    "year": lambda p: p.year is None,
    # A book names its publisher where an article names its venue (Paper.where).
    "venue": lambda p: not p.where,
    "identifier": lambda p: not p.arxiv.strip() and not p.doi.strip(),
    "code": lambda p: not p.code,
    "abstract": lambda p: not p.abstract.strip(),
}


@dataclass(frozen=True)
class PaperGaps:
    """One paper and the fields (of FIELDS, in its order) its record lacks."""

    paper_id: str
    file: str  # its file, as `check` shows it: content/papers/ID.yml
    title: str
    missing: tuple[str, ...]


@dataclass(frozen=True)
class Gaps:
    """A list's gaps: how many papers were looked at, how many lack each field (every
    field of FIELDS, 0 included), and the papers that lack any, most gaps first, then
    by id."""

    papers: int
    lacking: Mapping[str, int]
    rows: tuple[PaperGaps, ...]

    def lacking_any(self, fields: Sequence[str]) -> tuple[PaperGaps, ...]:
        """The rows of the papers that lack any of ``fields``, in the same order."""
        wanted = set(fields)
        return tuple(row for row in self.rows if not wanted.isdisjoint(row.missing))


# The field of FIELDS a paper file's key fills ("links" is "code" only under its "code:").
FIELD_OF_KEY = {
    "authors": "authors", "year": "year", "venue": "venue", "publisher": "venue",
    "arxiv": "identifier", "doi": "identifier", "abstract": "abstract",
}


def missing(paper: Paper, in_no_topic: bool, refused: Container[str] = ()) -> tuple[str, ...]:
    """The fields ``paper`` lacks, in FIELDS' order; not those of ``refused``, which
    its file writes in a form `check` refuses (it is read without them, but lacks none)."""
    return tuple(
        field
        for field in FIELDS
        if field not in refused and (in_no_topic if field == "topics" else _LACKS[field](paper))
    )


def find_gaps(
    papers: Sequence[Paper],
    in_no_topic: Container[str],
    refused: Mapping[str, Container[str]] | None = None,
) -> Gaps:
    """The gaps of ``papers``; ``in_no_topic``: the ids of those in no topic;
    ``refused``: by a paper's id, the fields its file writes in a form `check` refuses."""
    lacking = dict.fromkeys(FIELDS, 0)
    rows = []
    for paper in papers:
        gaps = missing(paper, paper.id in in_no_topic, (refused or {}).get(paper.id, ()))
        for field in gaps:
            lacking[field] += 1
        if gaps:
            file = paper.source.path if paper.source is not None else f"content/papers/{paper.id}.yml"
            rows.append(PaperGaps(paper.id, file, paper.title, gaps))
    rows.sort(key=lambda row: (-len(row.missing), row.paper_id))
    return Gaps(len(papers), lacking, tuple(rows))
