"""papers.csv: one row per paper, for spreadsheets. Pure: the model in, text out."""

from __future__ import annotations

import csv
import io
import re
from typing import Mapping


from .joinedfile import Joined
from .models import Paper, Site
from .pages import paper_url

CSV_COLUMNS = (
    "id", "title", "authors", "year", "venue", "arxiv", "doi",
    "topics", "code", "status", "added", "url",
    # Added later, so after the first columns: a spreadsheet's formulas keep their places.
    "volume", "number", "pages", "publisher", "summary",
    # The authors as the pages show them ("George Van Den Driessche"), beside "authors"
    # as written ("Van Den Driessche, George"), which a script may rely on.
    "authors_shown",
    # The editors of the book it is in (or of the book itself), written as "authors" is.
    "editors",
)

# Spreadsheet programs run a cell that starts with one of these as a formula
# (OWASP "CSV injection"); such cells get a leading apostrophe so they stay text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

# Where a list separator is ";" (much of Europe) a spreadsheet opens a .csv splitting
# at ";" (and one set to tabs at tabs), and it splits inside quoted fields too:
# LibreOffice 7.4 told ";" ran the =2+2 of `"Title;=2+2"` as a formula, and began a
# row at a line break inside a quoted field. So what follows a ";", tab or line break
# inside a value gets the apostrophe as a cell's start does, past any '"' (such a split
# leaves them unpaired, and a reader may drop them) and any space: with "Trim spaces"
# on in its import dialog, LibreOffice 7.4 told ";" and no string delimiter ran the
# cell " =1+1" of "X; =1+1" as =1+1 (off, it kept it text; it trims no other space,
# U+00A0, U+2003 or U+3000, and not inside a field it reads as quoted, so a value's
# own start needs no more). The apostrophe goes right after the separator: the cell
# begins with it, trimmed or not.
_SPLIT_CELL_START = re.compile(r'(?<=[;\t\r\n])(?=[ "]*[=+\-@\t\r])')


def spreadsheet_cell(value: str) -> str:
    """``value`` as a spreadsheet shows it as text (`readinglist gaps --format csv` too)."""
    value = _SPLIT_CELL_START.sub("'", value)
    return "'" + value if value.startswith(_FORMULA_START) else value


def csv_line(paper: Paper, site: Site) -> str:
    """One paper's row of papers.csv; it depends on the paper and its topics only."""
    out = io.StringIO()
    topics = [a.topic for a in site.assignments.get(paper.id, ())]
    row = (
        paper.id,
        paper.title,
        "; ".join(paper.authors),
        "" if paper.year is None else str(paper.year),
        paper.venue,
        paper.arxiv,
        paper.doi,
        "; ".join(topics),
        "; ".join(link.url for link in paper.code),
        paper.status,
        paper.added.isoformat() if paper.added else "",
        paper_url(paper.id),
        paper.volume,
        paper.number,
        paper.pages,
        paper.publisher,
        paper.summary,
        "; ".join(paper.shown_authors),
        "; ".join(paper.editors),
    )
    # Every value quoted: a reader that honours quotes keeps a ";" or tab in one cell.
    csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL).writerow([spreadsheet_cell(value) for value in row])
    return out.getvalue()


def csv_rows(site: Site, lines: Mapping[str, str] | None) -> list[str]:
    """papers.csv's rows: every paper in id order (``lines``: paper id -> `csv_line`,
    when the caller has them already)."""
    ordered = sorted(site.papers, key=lambda p: p.id)
    if lines is None:
        lines = {p.id: csv_line(p, site) for p in ordered}
    return [lines[p.id] for p in ordered]


# A byte order mark first: without it Excel reads a UTF-8 file as the system's legacy
# code page ("TÜLU" shows as "TÃœLU"). Python reads it with encoding="utf-8-sig".
# (`readinglist gaps --format csv` starts with it too.)
CSV_BOM = "\ufeff"


def csv_text(rows: list[str]) -> str:
    return _header() + "".join(rows)


def csv_line_bytes(paper: Paper, site: Site) -> bytes:
    """`csv_line`, encoded as the file is (UTF-8)."""
    return csv_line(paper, site).encode("utf-8")


def _header() -> str:
    out = io.StringIO()
    out.write(CSV_BOM)
    csv.writer(out, lineterminator="\n").writerow(CSV_COLUMNS)
    return out.getvalue()


# papers.csv as joined from its rows' UTF-8 bytes (`csv_text`'s layout).
CSV_FILE = Joined(_header().encode("utf-8"), b"", b"", _header().encode("utf-8"))
