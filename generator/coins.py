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
    cited_url, entry_type_of, is_one_unit, is_suffixed, person_name, report_institution,
    thesis_school,
)
from .links import quoted
from .models import Paper, page_pieces
from .names import cited_whole, shown_braced

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
            elif kind == "book" and venue and not paper.publisher.strip():
                # (A venue that is a publisher's name alone, as a Markdown list writes
                # a book: its citation's ``publisher``, so its publisher here too.)
                pairs.append(("rft.pub", venue))
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
    """The authors as OpenURL's formats for a journal and a book name them: the first
    author's surname and given names once (rft.aulast, rft.aufirst: `_first_author`), or
    the organisation that is the first author (rft.aucorp), then every author in order
    as rft.au, a full name "Surname, Given names" (`_author`). rft.aulast once only: a
    reader that keeps one value a key (a link resolver's query string read into a
    mapping) took a later one for the first author's.

    As Zotero's COinS reader (openurl.js, parseContextObject) saves them: each rft.au in
    turn, split at its first comma ("Surname, Given"; without one at its last space, a
    full stop at its end trimmed); the aulast and aufirst, or the aucorp, kept aside and
    put back in their place (an aucorp first) unless an rft.au's surname is the aulast's
    and its given names start with the aufirst's: the first author is saved once. So an
    organisation that is the first author is the aucorp alone (an rft.au of it is no
    repeat to Zotero, whose comparison wants given names: it was saved twice), and one
    after it an rft.au "Google DeepMind," (Zotero takes the surname before the comma,
    whole, with no given name). Neither aucorp nor aulast where a person's rft.au holds
    the organisation's name (Zotero compares the two, reads the given name the
    organisation lacks and fails: nothing is saved): the organisation is "Name," too.
    What Zotero cannot keep of a later organisation's name as an rft.au: a comma in it
    ("Gemini Team, Google" is saved "Gemini Team" with the given name "Google") and a
    full stop at its end ("Hugging Face Inc" without it), as an aulast kept them."""
    wholes = [_organisation(name) for name in names]
    written = [_author(name) if whole is None else whole for name, whole in zip(names, wholes)]
    if not names:
        return []
    if wholes.count(None) == len(wholes):  # (most lists: people alone)
        return [*_first_author(written[0]), *(("rft.au", value) for value in written)]
    people = [value for value, whole in zip(written, wholes) if whole is None]
    pairs: list[tuple[str, str]] = []
    for number, (value, whole) in enumerate(zip(written, wholes)):
        if whole is None:
            if number == 0:
                pairs += _first_author(value)
            pairs.append(("rft.au", value))
        elif number == 0 and not any(whole in person for person in people):
            pairs.append(("rft.aucorp", whole))
        else:
            pairs.append(("rft.au", whole + ","))
    return pairs


# What Zotero's reader (zotero/utilities, Utilities.cleanAuthor) reads an rft.au's
# surname as, unchanged: it trims a full stop, comma, space, slash, bracket or colon at
# the name's start, gives the first full stop before another character a space after it
# and makes the first run of spaces one space. A surname without those (no full stop or
# comma, single spaces, a letter or digit first) is an aulast its rft.au's surname
# equals. (\ufeff: JavaScript's white space, not Python's.)
_ZOTERO_SURNAME = lazyre.compile(r"[^\W_][^\s.,\ufeff]*(?: [^\s.,\ufeff]+)*")
# Given names Zotero reads as written: words of letters, or of letters joined by hyphens
# ("Jean-Luc"), and initials "J." (a capital, A to Z or Cyrillic, and a full stop), one
# space between. Zotero takes every other full stop out, gives a full stop to a single
# capital ("A" of "Ada A", "L" of "Jean-L") and reads one word of one to three capitals
# as initials ("JR" is "J. R.").
_ZOTERO_LETTERS = r"(?:[^\W\d_]{2,}|[^\W\dA-Z\u0400-\u042f_])"
_ZOTERO_GIVEN = lazyre.compile(
    rf"(?:{_ZOTERO_LETTERS}(?:-{_ZOTERO_LETTERS})*|[A-Z\u0400-\u042f]\.)"
    rf"(?: (?:{_ZOTERO_LETTERS}(?:-{_ZOTERO_LETTERS})*|[A-Z\u0400-\u042f]\.))*"
)
_ZOTERO_INITIALS = lazyre.compile(r"[A-Z\u0400-\u042f]{1,3}")
_LETTERS = lazyre.compile(r"[^\W\d_]+")


def _first_author(value: str) -> list[tuple[str, str]]:
    """rft.aulast and rft.aufirst of the first author, a person whose rft.au is
    ``value`` ("Surname, Given names"), such that Zotero takes them for that rft.au's
    and saves the author once: the surname as Zotero reads it from the rft.au, and the
    given names too where Zotero reads those as written ("Mary Ann", "J. R. R."), else
    the letters they start with ("Martin" of "Martin Luther Jr.", which Zotero saves
    "Martin Luther Jr"; "J" of "J.R.R.", saved "J. R. R."). None for a name of one part
    ("Plato": Zotero would save it twice, its aulast compared with no given name) or a
    surname Zotero reads otherwise ("St.John": "St. John")."""
    surname, comma, given = value.partition(", ")
    if not comma or not given or not _ZOTERO_SURNAME.fullmatch(surname):
        return []
    if not _ZOTERO_GIVEN.fullmatch(given) or _ZOTERO_INITIALS.fullmatch(given):
        letters = _LETTERS.match(given)
        if letters is None:
            return []
        given = letters.group()[0] if _ZOTERO_INITIALS.fullmatch(letters.group()) else letters.group()
    return [("rft.aulast", surname), ("rft.aufirst", given)]


def _organisation(name: str) -> str | None:
    """An organisation's name (`names.cited_whole`) or a braced one, without its braces,
    on one line; None for a person's (a mark beside a name, "Wilcox*", braces it whole in
    BibTeX too, but it is a person's)."""
    braced = shown_braced(name)  # (a reader's, without the braces that group: "Allen AI")
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
