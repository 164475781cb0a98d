"""COinS: a paper's citation as an OpenURL ContextObject in a span, for reference managers.

A reader with Zotero's browser connector (or Mendeley's, or any that reads COinS) saves
the paper from its page here with one click, as a journal article, conference paper,
thesis or report with its authors, year, venue and DOI, rather than as a web page
about it. COinS rather than Highwire's ``citation_*`` meta tags: those tell search
engines (Google Scholar) that the page *is* the paper, and a reading list's page is
not; a COinS span is what listings of references carry (Wikipedia's do).

The item's type is the BibTeX export's (`export_bibtex.entry_type_of`), so a page's Cite
block and what a reference manager saves agree. Mapped to the formats and genres
Zotero's OpenURL reader tells apart: journal (an article, a preprint), book with genre
"proceeding" (a conference paper), "bookitem" (a chapter), "report", and dissertation.
Pure: a paper in, a string out; escaping it for HTML is the template's job.
"""

from __future__ import annotations

from bibtexparser.middlewares.names import InvalidNameError, parse_single_name_into_parts

from . import lazyre
from .export_bibtex import (
    braced_name, cited_url, entry_type_of, is_one_unit, is_suffixed, person_name, report_institution,
    thesis_school,
)
from .links import quoted
from .models import Paper, page_pieces
from .names import cited_whole

_JOURNAL = "info:ofi/fmt:kev:mtx:journal"
_BOOK = "info:ofi/fmt:kev:mtx:book"
_THESIS_FORMAT = "info:ofi/fmt:kev:mtx:dissertation"


def coins(paper: Paper) -> str:
    """The ContextObject (key=value&... as OpenURL 1.0 writes it) of ``paper``."""
    kind = entry_type_of(paper)
    pairs: list[tuple[str, str]] = [("ctx_ver", "Z39.88-2004")]
    venue = " ".join(paper.venue.split())
    if kind in ("phdthesis", "mastersthesis"):
        pairs += [("rft_val_fmt", _THESIS_FORMAT), ("rft.title", paper.title),
                  ("rft.degree", "PhD" if kind == "phdthesis" else "Master's")]
        if school := thesis_school(venue):
            pairs.append(("rft.inst", school))
    elif kind in ("inproceedings", "incollection", "techreport", "book"):
        genre = {"inproceedings": "proceeding", "incollection": "bookitem", "techreport": "report",
                 "book": "book"}[kind]
        pairs += [("rft_val_fmt", _BOOK), ("rft.genre", genre)]
        if kind in ("techreport", "book"):
            # A report or a book is its own title (Zotero reads atitle only for a part of
            # something). A report's publisher is its institution, as its citation's
            # ``institution`` names it ("Microsoft" of "Technical report 42, Microsoft":
            # Zotero saved the whole venue as the institution).
            pairs.append(("rft.btitle", paper.title))
            if kind == "techreport" and (institution := report_institution(venue)):
                pairs.append(("rft.pub", institution))
        else:
            pairs.append(("rft.atitle", paper.title))
            if venue:
                pairs.append(("rft.btitle", venue))
    else:  # an article, a preprint, any other work: Zotero saves it as an article
        pairs += [("rft_val_fmt", _JOURNAL), ("rft.genre", "article" if kind == "article" else "preprint"),
                  ("rft.atitle", paper.title)]
        if venue:
            pairs.append(("rft.jtitle", venue))
    pairs += _locator(paper, kind)
    if paper.year is not None:
        pairs.append(("rft.date", str(paper.year)))
    pairs += _authors(paper.names)
    if paper.doi:
        pairs.append(("rft_id", f"info:doi/{paper.doi}"))
    address = cited_url(paper)
    if address:
        pairs.append(("rft_id", address))
    # Every character but the unreserved percent-encoded, spaces as %20: a query string's
    # reader (urllib's parse_qsl) reads every field back as written, "+", "&", "#" and
    # "=" too. Zotero's reader makes every "+" a space, "%2B" too (openurl.js:
    # `.replace(/\+|%2[bB]/g, " ")` before decoding): nothing written gives it a plus
    # ("C++" is saved without its pluses), and no other reader is given another
    # character for one.
    return "&".join([f"{quoted(key)}={quoted(value)}" for key, value in pairs])


def _authors(names: tuple[str, ...]) -> list[tuple[str, str]]:
    """Each author as the pair Zotero's COinS reader saves it from, in order: a person as
    rft.au (`_author`), an organisation (a name BibTeX takes whole: `_organisation`)
    whole. Zotero splits an rft.au without a comma at its last space ("Google DeepMind"
    was saved with the given name "Google"), and one with a comma at its first ("Google,
    Inc." after the first author was saved "Google" with the given name "Inc"), and trims
    a full stop at its end. So the first organisation is rft.aucorp, COinS' own field for
    one, and a later one rft.aulast: Zotero saves each as written, the surname with no
    given name, commas and full stops kept. It puts an aucorp first whatever its place
    (it gives it no offset), so only the first author is one; an aulast keeps its place
    (its offset is the number of authors read before it). Neither when a person's
    rft.au holds the name (Zotero compares the two, and reading the given name the
    organisation lacks fails: nothing is saved): that one is written "Google DeepMind,"
    (the surname whole, the comma at its end trimmed)."""
    wholes = [_organisation(name) for name in names]
    pairs = [("rft.au", _author(name)) if whole is None else ("", whole) for name, whole in zip(names, wholes)]
    if wholes.count(None) == len(wholes):
        return pairs  # (most lists: people alone)
    people = [value for key, value in pairs if key]
    for number, whole in enumerate(wholes):
        if whole is not None:
            pairs[number] = (
                ("rft.au", whole + ",") if any(whole in value for value in people)
                else ("rft.aucorp" if number == 0 else "rft.aulast", whole)
            )
    return pairs


def _organisation(name: str) -> str | None:
    """An organisation's name (`names.cited_whole`) or a braced one, without its braces,
    on one line; None for a person's (a mark beside a name, "Wilcox*", braces it whole in
    BibTeX too, but it is a person's)."""
    braced = braced_name(name)
    if braced is None and not (is_one_unit(name) and cited_whole(name)):
        return None
    return " ".join((name if braced is None else braced).split())


# What bibtexparser's splitting of a name reads as BibTeX's, not as a letter: a brace
# groups, a backslash starts a command, a tie is a space.
_TEX_IN_NAMES = lazyre.compile(r"[{}\\~]")
# A space Python splits words at and BibTeX does not (it splits at " ", tab and line
# breaks): a no-break space holds a word together there.
_OTHER_SPACE = lazyre.compile(r"[^\S \t\r\n]")


def _author(name: str) -> str:
    """One author as Zotero's COinS reader splits it into the surname and the given names
    the Cite block's BibTeX gives: "Surname, Given names". Zotero reads a name with a
    comma as "Surname, Given" (what follows a second comma lost) and any other at its
    last space, so "Jan van der Berg" was saved "Berg, Jan van der" (BibTeX: "van der
    Berg"), "Martin Luther King, Jr." as the surname "Martin Luther King", and "King,
    Jr., Martin Luther" without "Martin Luther". A suffix follows the given names (Zotero
    has no field of its own for it). A name BibTeX takes whole that is no organisation's
    (a mark beside it) is written whole; one of a single part, alone."""
    if is_one_unit(name):
        return " ".join(name.split())
    if _TEX_IN_NAMES.search(name):  # (what BibTeX would read as markup is a letter here)
        return " ".join(name.split())
    words = name.split()
    if (
        len(words) > 1 and "," not in name and all(word[0].isalpha() and word[0].isupper() for word in words)
        and not is_suffixed(name) and not _OTHER_SPACE.search(name)
    ):
        # "First Middle Last", most names: BibTeX's surname is the last word (no "von"
        # part, no suffix), found without splitting the name as BibTeX does (a fifth of
        # the time: a build of 10,000 papers names some 50,000 authors).
        return f"{words[-1]}, {' '.join(words[:-1])}"
    try:
        parts = parse_single_name_into_parts(person_name(name), strict=False)
    except InvalidNameError:
        return " ".join(name.split())
    surname = " ".join(parts.von + parts.last)
    given = " ".join(parts.first + parts.jr)
    return f"{surname}, {given}" if surname and given else surname or given


def _locator(paper: Paper, kind: str) -> list[tuple[str, str]]:
    """Volume, issue, pages and publisher, as OpenURL names them (a range of pages with
    a hyphen, as Zotero stores it)."""
    pairs = [(key, " ".join(value.split())) for key, value in (("rft.volume", paper.volume), ("rft.issue", paper.number))
             if value.strip()]
    pieces = page_pieces(paper.pages)
    if pieces:
        pairs.append(("rft.pages", ", ".join(f"{first}-{last}" if last else first for first, last in pieces)))
    if paper.publisher.strip() and kind != "techreport":  # (a report's is its institution)
        pairs.append(("rft.pub", " ".join(paper.publisher.split())))
    return pairs
