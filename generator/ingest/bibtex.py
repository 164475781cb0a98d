"""BibTeX files, read with bibtexparser; LaTeX in the fields becomes plain text.

Each entry gives a record: title, authors, year, venue (journal or booktitle),
abstract, DOI, arXiv id (``eprint``, or an arxiv.org URL), URL (also from ``howpublished``
and ``note``) and keywords (as tags).
An entry bibtexparser cannot read is reported at its line; so is an entry without
a title, which could not be matched to any paper.
"""

from __future__ import annotations

import logging
import re

import bibtexparser
from bibtexparser.middlewares import NormalizeFieldKeys, SeparateCoAuthors, SplitNameParts
from bibtexparser.model import DuplicateBlockKeyBlock, Entry

from ..errors import Location, Problems
from ..latex import clean_latex
from ..links import (
    arxiv_id,
    clean_url,
    doi_from_url,
    find_url_spans,
    make_link,
    normalize_arxiv,
    normalize_doi,
)
from . import Record, abstract_links

_SPACES = re.compile(r"[ \t\n]+")
_PARAGRAPHS = re.compile(r"\n[ \t]*\n\s*")
_ARXIV_IN_TEXT = re.compile(r"arXiv:\s*(\d{4}\.\d{4,5})", re.IGNORECASE)
_FOUR_DIGITS = re.compile(r"(?<!\d)\d{4}(?!\d)")

# bibtexparser logs each block it cannot read, with a 0-based line number, and Python
# prints such a record on stderr when nothing is configured; every failed block is
# reported as path:line:col below, so that second, differently numbered line only
# confuses. A program that configures logging still gets the records.
logging.getLogger("bibtexparser").addHandler(logging.NullHandler())


def parse_bibtex(text: str, path: str, problems: Problems) -> list[Record]:
    # Field names are case-insensitive in BibTeX (TITLE, Author): lower-cased first.
    library = bibtexparser.parse_string(
        text, append_middleware=[NormalizeFieldKeys(), SeparateCoAuthors(), SplitNameParts()]
    )
    for block in library.failed_blocks:
        line = (block.start_line or 0) + 1
        if isinstance(block, DuplicateBlockKeyBlock):
            message = f"duplicate BibTeX key {block.key!r}; give each entry its own key"
        else:
            error = getattr(block, "error", None)
            reason = str(error or "").strip() or str(getattr(error, "abort_reason", "")).strip()
            reason = reason.splitlines()[0] if reason else "syntax error"
            message = f"cannot read this BibTeX entry: {reason}"
        problems.error(Location(path, line, 1), message)
    if not library.entries and not library.failed_blocks:
        problems.error(Location(path, 1, 1), "no BibTeX entries ('@article{key, ...}') found")
        return []
    records = []
    for entry in library.entries:
        record = _record(entry, path, problems)
        if record is not None:
            records.append(record)
    return records


def _field(entry: Entry, name: str) -> str:
    field = entry.fields_dict.get(name)
    if field is None or field.value is None:
        return ""
    return field.value if isinstance(field.value, str) else str(field.value)


def _plain(text: str) -> str:
    """LaTeX to text on one line, as TeX typesets it: BibTeX line breaks are just spaces,
    ``--`` between words is a dash, and emphasis keeps only its words (an abstract is
    shown exactly as written, so ``*x*`` would show its stars)."""
    return _SPACES.sub(" ", clean_latex(text, emphasis=False, dashes=True)).strip()


def _paragraphs(text: str) -> str:
    """Like `_plain`, but a blank line (a LaTeX paragraph break) stays a paragraph break."""
    return "\n\n".join(_plain(part) for part in _PARAGRAPHS.split(text.strip()) if part.strip())


def _authors(entry: Entry) -> tuple[str, ...]:
    field = entry.fields_dict.get("author")
    if field is None:
        return ()
    names = []
    for name in field.value if isinstance(field.value, list) else [field.value]:
        if hasattr(name, "first"):
            if [part.lower() for part in name.last] == ["others"] and not name.first:
                continue  # "and others" is BibTeX for "et al."
            text = " ".join(name.first + name.von + name.last)
            if name.jr:
                text += ", " + " ".join(name.jr)
        else:
            text = str(name)
        text = _plain(text)
        if text:
            names.append(text)
    return tuple(names)


def _record(entry: Entry, path: str, problems: Problems) -> Record | None:
    source = Location(path, entry.start_line + 1, 1)
    title = _plain(_field(entry, "title"))
    if not title:
        problems.error(source, f"BibTeX entry {entry.key!r} has no title")
        return None
    url = clean_url(_field(entry, "url"))
    doi = normalize_doi(_field(entry, "doi")) or (doi_from_url(url) if url else "")
    arxiv = ""
    prefix = _field(entry, "archiveprefix").lower() or _field(entry, "eprinttype").lower()
    if prefix in ("", "arxiv"):
        arxiv = normalize_arxiv(_field(entry, "eprint"))
    if not arxiv and url:
        arxiv = arxiv_id(url)
    if not arxiv:
        match = _ARXIV_IN_TEXT.search(_field(entry, "journal") + " " + _field(entry, "note"))
        arxiv = match.group(1) if match else ""
    year = _year(entry, path, problems)
    venue = _plain(_field(entry, "journal") or _field(entry, "booktitle"))
    abstract = _paragraphs(_field(entry, "abstract"))
    links = list(abstract_links(abstract))
    # Where entries without a `url` field keep their addresses: `howpublished =
    # {\url{...}}` and `note = {Code: https://...}` (\url{} is unwrapped by find_url_spans).
    extra = [_field(entry, "howpublished"), _field(entry, "note")]
    found = [clean_url(text[start:end]) for text in extra for start, end in find_url_spans(text)]
    for address in ([url] if url else []) + [u for u in found if u]:
        if all(link.url != address for link in links):
            links.append(make_link(address, "bibtex"))
    keywords = [_plain(k) for k in re.split(r"[,;]", _field(entry, "keywords"))]
    return Record(
        title=title,
        abstract=abstract,
        source=source,
        authors=_authors(entry),
        year=year,
        venue=venue,
        arxiv=arxiv,
        doi=doi,
        links=tuple(links),
        tags=tuple(k for k in keywords if k),
    )


def _year(entry: Entry, path: str, problems: Problems) -> str:
    """The entry's year: ``year``, else the start of ``date``. A value holding exactly one
    four-digit number ("circa 2019", "2019a", "2019-05-01") gives that number; any other
    is reported as a warning at the field, and the paper gets no year from this entry."""
    name = "year" if _field(entry, "year").strip() else "date"
    value = _field(entry, name).strip()
    found = _FOUR_DIGITS.findall(value)
    if len(found) == 1:
        return found[0]
    if value:
        problems.warning(
            _field_location(entry, name, path),
            f"{name} {_plain(value)!r} is not understood (expected a year such as 2019); "
            "the paper gets no year from this entry",
        )
    return ""


def _field_location(entry: Entry, name: str, path: str) -> Location:
    """Where a field's name is in the file (its entry's start when that is unknown)."""
    field = entry.fields_dict.get(name)
    line = field.start_line if field is not None else None
    if line is None:
        return Location(path, entry.start_line + 1, 1)
    text = entry.raw.split("\n")[line - entry.start_line] if entry.raw else ""
    match = re.search(rf"\b{re.escape(name)}\s*=", text, re.IGNORECASE)
    return Location(path, line + 1, match.start() + 1 if match else 1)
