"""The Hugging Face Papers listing, as text copied from the page.

The layout: header lines (``Get trending papers in your email inbox...``), then
``Subscribe`` glued to the first title, then one line per title and one per abstract,
alternating. Blank lines are ignored. A last record cut off mid-abstract, or a title
with no abstract, is kept with what it has.

Titles and abstracts are told apart only by their place in the alternation, so a
missing line shifts everything after it. Two checks catch that at the line where it
happens: a "title" as long as an abstract, and a short "abstract" that reads like a
title (no sentence in it) followed by more text.
"""

from __future__ import annotations

import re
from itertools import islice

from ..errors import Location, Problems
from ..latex import clean_latex
from . import Record, abstract_links

HEADER = re.compile(r"^Get trending papers\b", re.IGNORECASE)
SUBSCRIBE = "Subscribe"
MAX_TITLE = 300
# An abstract shorter than this with no sentence end in it is most likely a title.
SHORT_ABSTRACT = 80


def looks_like_listing(text: str) -> bool:
    """True when one of the first four non-blank lines is a header or the Subscribe line."""
    lines = (line.strip() for line in text[:20_000].split("\n"))
    for line in islice((line for line in lines if line), 4):
        if HEADER.match(line) or line.startswith(SUBSCRIBE):
            return True
    return False


def parse_listing(text: str, path: str, problems: Problems) -> list[Record]:
    lines = [(number, line.strip()) for number, line in enumerate(text.split("\n"), 1)]
    lines = [(number, line) for number, line in lines if line]
    position = 0
    while position < len(lines) and HEADER.match(lines[position][1]):
        position += 1
    if position >= len(lines) or not lines[position][1].startswith(SUBSCRIBE):
        number = lines[position][0] if position < len(lines) else (lines[-1][0] if lines else 1)
        problems.error(
            Location(path, number, 1),
            f"expected the line starting with '{SUBSCRIBE}' that holds the first title",
        )
        return []
    number, first = lines[position]
    first = first[len(SUBSCRIBE):].strip()
    body = lines[position + 1 :]
    if first:
        body = [(number, first)] + body
    records: list[Record] = []
    for index in range(0, len(body), 2):
        title_number, title = body[index]
        if len(title) > MAX_TITLE:
            problems.error(
                Location(path, title_number, 1),
                f"expected a paper title, found {len(title)} characters of running text; "
                "a title or an abstract is probably missing just before this line",
            )
            return []
        abstract = ""
        if index + 1 < len(body):
            abstract_number, abstract = body[index + 1]
            is_last = index + 2 >= len(body)
            if not is_last and len(abstract) < SHORT_ABSTRACT and not re.search(r"[.!?]", abstract):
                problems.error(
                    Location(path, abstract_number, 1),
                    f"expected the abstract of the paper on line {title_number}, found a short "
                    "line that reads like a title; an abstract is probably missing here",
                )
                return []
        if not abstract:
            problems.warning(
                Location(path, title_number, 1),
                "this title has no abstract after it (the listing looks cut off); "
                "imported without one",
            )
        records.append(_record(title, abstract, Location(path, title_number, 1)))
    return records


def _record(title: str, abstract: str, source: Location) -> Record:
    # Emphasis keeps only its words: an abstract is shown exactly as written, so
    # `\textit{x}` turned into `*x*` would show its stars.
    abstract = clean_latex(abstract, emphasis=False).strip()
    return Record(
        title=clean_latex(title, emphasis=False).strip(),
        abstract=abstract,
        source=source,
        links=abstract_links(abstract),
    )
