"""Input formats for `readinglist import`: each parser turns a file into `Record`s.

A record is what one source says about one paper, already cleaned (LaTeX remnants
turned into plain text, URLs found and classified). Parsers report a layout they do
not understand as ``path:line:col: message`` through a `Problems` collector and never
write anything; merging records into curation files is the importer's job.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, replace
from functools import partial
from pathlib import PurePath
from typing import TYPE_CHECKING

from ..errors import Location, Problems
from ..latex import (
    BEFORE_A_WORD, declarations_after_words, declarations_after_words_as_before, declarations_as_before,
    declarations_read_now, math_as_typed, simple_math_in, tie_readings_before,
    ties_as_before,
)
from ..links import arxiv_mistake, clean_url, find_url_spans, make_link, normalize_arxiv, read_id, same_page
from ..models import Link
from ..quoting import quoted, shell_quoted
from ..venuewords import proceedings_series

if TYPE_CHECKING:
    from .bibcache import EntryReadings

FORMATS = ("hf", "bibtex", "ris", "arxiv", "markdown")


@dataclass(frozen=True)
class Record:
    title: str
    abstract: str
    source: Location
    authors: tuple[str, ...] = ()
    editors: tuple[str, ...] = ()  # of the book (or proceedings) it is in, or of the book itself
    year: str = ""
    venue: str = ""
    venue_kind: str = ""  # models.VENUE_KINDS, when the source says which
    volume: str = ""
    number: str = ""
    pages: str = ""
    publisher: str = ""
    arxiv: str = ""
    doi: str = ""
    links: tuple[Link, ...] = ()
    tags: tuple[str, ...] = ()
    # What an earlier version of the importer read from this source and this one leaves
    # out or reads otherwise: a re-import takes those values out of the paper's file
    # where they are still the importer's own (importmerge._read_before).
    read_before: tuple[ReadBefore, ...] = ()
    # The curator's own note on the paper, as a reference manager exports it (RIS's N1,
    # BibTeX's annote), as Markdown text; not the notes an exporter writes there itself
    # ("arXiv:2106.09685 [cs]", "Comment: 10 pages", "Cited by: 12"). A new paper's
    # `notes:`; ``notes_at``: where it is, where it is said when it is not merged.
    notes: str = ""
    notes_at: Location | None = None
    # The source's own name for the record: a BibTeX citation key, an RIS record's ID.
    # A reference manager keeps it when the record is edited (a title corrected), so a
    # later export's record of that key is recognised (importmatch.Paper.same_record).
    key: str = ""
    # Who named the key: the tool that exported the file, else its format
    # (exporters.key_source). Another tool's record of the key is no record of this one.
    # An RIS record without a key (Zotero's export gives none) has "RIS" here too: the
    # import knows it by its DOI or arXiv id (importmatch.record_name).
    key_source: str = ""
    # The database an RIS record says it is from (its DB and DP tags, as ris.catalog
    # writes them: Zotero's item's "Archive" and "Library Catalog", Scopus' "Scopus"), ""
    # where it names none: for a record without a key, what tells its exporter apart
    # (importmatch.record_name).
    catalog: str = ""


@dataclass(frozen=True)
class ReadBefore:
    """Values an earlier version of the importer wrote for a source's fields (``names``,
    each with its value; a list field's as a tuple), which go together: ("volume",
    "number", "pages") with ("1", "2", "3"). ``why``: what they were, said in the import's
    report after the values ("Google Scholar's placeholders, which an earlier import took
    for where the paper is")."""

    names: tuple[str, ...]
    values: tuple[object, ...]
    why: str
    # Taken out only where the import record says the importer wrote these values from
    # this very record (importmatch.Paper.wrote), not only that it took them once: an
    # author list another source gave, or one a curator typed back after an import took
    # it out, is no misreading of this source's (rev103).
    written: bool = False


# A venue that only names arXiv, with or without the paper's id: Google Scholar's
# "arXiv preprint arXiv:2106.09685" (and "arXiv preprint hep-th/9711200", or "arXiv
# preprint" alone), NASA ADS's "arXiv e-prints", DBLP's "CoRR" and Semantic Scholar's
# "ArXiv" (their id in `volume = {abs/…}`), a list's "arXiv", Zotero's "arXiv:2106.09685
# [cs]" (with the paper's classes).
_ARXIV_ONLY_VENUE = re.compile(
    r"\s*(?:arXiv(?:\.org)?|CoRR)(?:\s+(?:preprint|e-?prints?))?"
    r"(?:[\s,:]+(?:arXiv\s*:\s*|abs/)?(?P<id>\d{4}\.\d{4,5}(?:v\d+)?|[a-z-]+(?:\.[A-Z]{2})?/\d{7}(?:v\d+)?)"
    r"(?:\s+\[[a-zA-Z.-]+(?:,\s*[a-zA-Z.-]+)*\])?)?\s*",
    re.IGNORECASE,
)


def without_arxiv_venue(record: Record) -> Record:
    """``record`` without a venue that only names arXiv when it has the paper's arXiv id:
    the id says it is a preprint there, and the paper is one of no venue, as arXiv's own
    export and `add` give it (its page shows its arXiv link, its citation cites it as
    arXiv's). The venue an earlier import wrote so is taken out of a paper's file where it
    is still the importer's (ReadBefore). A venue naming another id is kept, and so is
    "arXiv preprint" without an id: then it alone says where the paper is."""
    match = _ARXIV_ONLY_VENUE.fullmatch(record.venue) if record.arxiv else None
    if match is None or (match["id"] and normalize_arxiv(match["id"]) != normalize_arxiv(record.arxiv)):
        return record
    return replace(record, venue="", read_before=(*record.read_before, ReadBefore(
        ("venue",), (record.venue,),
        "arXiv's name, which an earlier import took as the venue; the arXiv id says it",
    )))


# What a thesis or report is, as an import writes it first in its venue ("PhD thesis,
# Carnegie Mellon University": ingest/bibtex.py _KINDS, ris.py, a Markdown list's).
WORK_KINDS = frozenset({"PhD thesis", "Master's thesis", "Bachelor's thesis", "Thesis", "Technical report", "Report"})


def same_work(venue: str, other: str) -> bool:
    """Whether two venues name one thesis or report, one with its university or
    institution and one without ("Master's thesis" and "Master's thesis, MIT"): a
    Markdown list may say less of it than a BibTeX export."""
    short, long = sorted((" ".join(venue.split()), " ".join(other.split())), key=len)
    return short in WORK_KINDS and long.startswith(f"{short}, ")


def thesis_kind(written: str) -> str:
    """What a thesis is, from the words that say so (RIS's M3 "PhD Thesis", "Doctoral
    dissertation", "Master's thesis"; a Markdown list's "MSc thesis"), as BibTeX's import
    names it."""
    letters = re.sub(r"[^a-z]", "", written.lower())
    if "bachelor" in letters:
        return "Bachelor's thesis"
    if "master" in letters or letters in ("ma", "ms", "msc"):
        return "Master's thesis"
    if "phd" in letters or "doctor" in letters or "dissertation" in letters:
        return "PhD thesis"
    return "Thesis"


def first_version_year(arxiv: str) -> str:
    """The year an arXiv id was given (its YYMM: 1706.03762, hep-th/9711200); arXiv began
    in 1991, so "91" to "99" are 1990s."""
    digits = arxiv.rpartition("/")[2]
    century = "19" if digits[:2] >= "91" and "/" in arxiv else "20"
    return century + digits[:2]


# Words before a code link, in its sentence, that say the authors released it themselves.
_OWN_CODE = re.compile(
    r"\b(?:our|this (?:work|paper)|project (?:website|page))\b"
    r"|\b(?:available|releas(?:e|ed|ing)|publish(?:ed|ing)|open[- ]sourc(?:e|ed|ing)"
    r"|can be found|hosted)\b"
    r"|\b(?:code|implementation)s? (?:is|are) (?:at|here|on)\b"
    r"|^\W*(?:code|data|project|github)\W*$",
    re.IGNORECASE,
)

# Words before a code link, since the address before it in its sentence, that say the
# code is someone else's: a method compared with ("We compare with MAML, whose code is
# available at URL"), its authors' ("the code of the original authors, available at
# URL", "by Smith et al. at URL"), the baselines'. "available" and "our" elsewhere in such
# a sentence were read as the paper's own release, and its badge said "official".
_OTHERS_CODE = re.compile(
    r"\b(?:whose|et\s+al|original\s+authors?|third[- ]party)\b"
    r"|\b(?:code|codes|implementations?)\s+(?:of|for)\s+(?:the\s+)?baselines?\b",
    re.IGNORECASE,
)
# ... or what the code is built on or taken from, unless the sentence then says where
# its own is: "Our method builds on the publicly available implementation of LoRA
# (URL)", "Our code, based on URL1, is at URL2" (URL1 alone), "the corpus released by
# Smith at URL" are another's; "Our code is based on PyTorch and is available at URL",
# "Our implementation, built on Transformers, is available at URL" the paper's.
_DERIVED = re.compile(
    r"\b(?:based|built|build|builds|building)\s+(?:up)?on\b"
    r"|\b(?:adapted|borrowed|taken|forked|derived|obtained|downloaded)\s+from\b"
    r"|\b(?:provided|released|published|maintained|developed|written|implemented)\s+by\b"
    r"(?!\s+(?:us|ourselves|the\s+authors)\b)",
    re.IGNORECASE,
)
# (Not of what it is built on: "builds on X, which is available at URL" is X's.)
_IS_AT = re.compile(
    r"(?<!\bwhich\s)(?<!\bthat\s)"
    r"\b(?:is|are|will\s+be|can\s+be|has\s+been|have\s+been)\s+(?:\w+\s+)?"
    r"(?:available|released|found|hosted|open[- ]sourced|at|on|in)\b",
    re.IGNORECASE,
)

# ... or, in a clause of its own after it, that the paper releases its code: "We
# propose X, a framework based on Y, and release our code at URL", "... derived from
# Wikipedia and make our code publicly available at URL", "..., with code available at
# URL" (not "builds on our earlier model (URL)", nor "and we use its implementation (URL)").
_RELEASES = re.compile(
    r"(?:,|\band\b)\s*(?:\w+\s+){0,3}?(?:"
    r"(?:we|our)\b[^,;]{0,40}?\b(?:release|make|made|open[- ]source|publish|provide|share|code|available)\b"
    r"|(?:release|make|open[- ]source|publish|provide|share)s?\b[^,;]{0,20}?\bour\b"
    r"|with\s+(?:(?:the|our|all|its|full)\s+)?(?:source\s+)?(?:code|implementation)s?\b)",
    re.IGNORECASE,
)

# (Where the code may be had, "Our code can be obtained from URL", "... can be freely
# downloaded from URL", is no more what it was taken from.)
_MAY_BE = re.compile(r"\b(?:can|may|could|will)\s+be\s+(?:\w+\s+)?$", re.IGNORECASE)


def _others_code(lead: str) -> bool:
    """Whether the words before a code link (since the address before it, in its
    sentence) say the code is someone else's."""
    if _OTHERS_CODE.search(lead):
        return True
    ends = [
        derived.end() for derived in _DERIVED.finditer(lead)
        if not (derived.group().lower().startswith(("obtained", "downloaded")) and _MAY_BE.search(lead, 0, derived.start()))
    ]
    return bool(ends) and not _IS_AT.search(lead, ends[-1]) and not _RELEASES.search(lead, ends[-1])


# Code named as a thing the paper gives (in a list, or alone), not as a subject: "code
# generation" and "code LLMs" say nothing of where the code is.
_CODE = r"(?:source\s+)?(?:code|codes|implementations?)"
# Words just after a link that say it holds the code ("Check the website at URL for the
# code and the datasets", "URL (code and data)"). Only these forms, and only code alone
# or in a list: after an address a sentence goes on to other things (", code: URL2" is
# about the next address; "for the code of the baselines" is someone else's).
_LISTED = r"(?=\s*(?:$|[,;:)]|and\b|&))"
_HOLDS_CODE = re.compile(
    r"^\W*?(?:(?:for|with|including)\s+(?:(?:the|our|its|all)\s+)?|\(\s*(?:(?:the|our)\s+)?)"
    + _CODE + _LISTED,
    re.IGNORECASE,
)
# ... and the paper's own code: "for the code", "with our code", a label "(code and data)".
_HOLDS_OWN_CODE = re.compile(
    r"^\W*?(?:(?:for|with|including)\s+(?:the|our)\s+|\(\s*(?:(?:the|our)\s+)?)" + _CODE + _LISTED,
    re.IGNORECASE,
)
# Where a sentence ends, in the words after a link.
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n")


def abstract_links(abstract: str) -> tuple[Link, ...]:
    """Links found in an abstract, each of the kind its address says (`links.classify`);
    the words around a code link decide whether it is the authors' own. A site that is
    no repository stays a project page whatever its sentence says ("Our code can be
    found at https://aka.ms/..."): "with code" counts the papers whose code a reader can
    open as a repository, and the papers.json a script reads names the same ones; a
    curator who knows the site is the code moves the link to `code:` by hand. A
    repository stays code whatever its sentence calls it: "Project page:
    https://github.com/..." held the code in one shipped abstract and a survey's list of
    papers in another, and no sentence told them apart (a curator moves such a link by
    hand; an import keeps it where the file has it)."""
    links: list[Link] = []
    spans = find_url_spans(abstract)
    after = 0  # where the last address ended
    for number, (start, end) in enumerate(spans):
        url = clean_url(abstract[start:end])
        before, after = after, end
        if not url or any(same_page(link.url) == same_page(url) for link in links):
            continue
        sentence_start = max(abstract.rfind(". ", 0, start), abstract.rfind("\n", 0, start)) + 1
        sentence = abstract[sentence_start:start]
        # (only the words since the last address: "Our code: URL and URL2" says it of URL)
        lead = abstract[max(sentence_start, before) : start]
        # (and those up to the next address or the sentence's end)
        trail = abstract[end : spans[number + 1][0] if number + 1 < len(spans) else len(abstract)]
        trail = trail[: m.start()] if (m := _SENTENCE_END.search(trail)) else trail
        holds = _HOLDS_CODE.match(trail)
        if holds:
            after = end + holds.end()  # ("URL for the code and URL2": not said of URL2)
        link = make_link(url, "abstract")
        if link.kind == "code":
            own = _OWN_CODE.search(sentence) or _HOLDS_OWN_CODE.match(trail)
            link = replace(link, official=bool(own) and not _others_code(lead))
        links.append(link)
    return tuple(links)


def worded_links(*texts: str) -> dict[str, Link]:
    """The links ``texts`` (a source's notes, as plain text) give, each read by the words
    around it as an abstract's are (`abstract_links`: "Code: https://github.com/..." the
    paper's own code, "the code of Smith et al. at ..." another's), by its page
    (links.same_page); an address in several as the first of them reads it."""
    return {same_page(link.url): link for text in reversed(texts) for link in reversed(abstract_links(text))}


def as_worded(link: Link, worded: dict[str, Link]) -> Link:
    """``link`` (a source's field's, of the kind its host says) of the kind and owner the
    words of the source's notes say of its address (`worded_links`), if they name it: a
    BibTeX `note`'s or an RIS ``N1``'s "Code: ..." said nothing, where an abstract's
    made the paper's own code."""
    said = worded.get(same_page(link.url))
    return link if said is None else replace(link, kind=said.kind, official=said.official)


# Volume, number and pages that only count 1, 2, 3 (see `no_place`).
_PLACEHOLDER = ("1", "2", "3")
# A venue that is a blog, which has no volume, issue or pages (see `no_place`): "OpenAI
# blog", "Google AI Blog" ("Journal of Blog Studies" is a journal).
_BLOG = re.compile(r"\bblog\s*$", re.IGNORECASE)


def no_place(venue: str, volume: str, number: str, pages: str, whose: str) -> tuple[ReadBefore, str] | None:
    """The volume, number and pages a source gives (BibTeX's, RIS's VL, IS, SP-EP) that
    are no place of the paper, all left out: Google Scholar's placeholders, and a blog's;
    as what an earlier import wrote of them (taken out of a paper's file where it is
    still the importer's), its names those given, in order, and the warning to say at
    the first (``whose``: the source's record as the warning names it, "of entry 'x'").
    None when they are the paper's place (or none is given)."""
    if (volume, number, pages) == _PLACEHOLDER:
        # Google Scholar's LoRA entry (copied into countless bibliographies) says
        # volume 1, number 2, pages 3 of ICLR, which has none: a form's sample values,
        # not the paper's. Left out, with a word, rather than shown as its place.
        return ReadBefore(
            ("volume", "number", "pages"), _PLACEHOLDER,
            "Google Scholar's placeholders, which an earlier import took for where the paper is",
        ), (
            f"volume 1, number 2, pages 3 {whose} are placeholders (Google Scholar's, as in its"
            " LoRA entry), not where the paper is; left out"
        )
    given = {name: value for name, value in zip(("volume", "number", "pages"), (volume, number, pages)) if value}
    if not (given and _BLOG.search(venue)):
        return None
    # A blog's post has no volume, issue or pages: Google Scholar's GPT-2 entry gives
    # "OpenAI blog", volume 1, number 8, pages 9, and the page showed "OpenAI blog
    # 1(8):9". (Not known by the numbers, as LoRA's are: a journal's 1, 8, 9 are real.)
    are = "is" if list(given) in (["volume"], ["number"]) else "are"
    return ReadBefore(
        tuple(given), tuple(given.values()),
        "of a blog, which has none, where an earlier import took them for where the paper is",
    ), (
        f"{', '.join(f'{name} {value}' for name, value in given.items())} {whose} {are} no place in"
        f" {quoted(venue)}: a blog has no volumes, issues or pages (Google Scholar's GPT-2 entry gives them); left out"
    )


# A publisher's copyright notice ending an abstract, as Scopus' exports (and publishers'
# own) give it: "© 2016 IEEE.", "Copyright © 2020 Elsevier B.V. All rights reserved.",
# "© The Author(s) 2021.", "Copyright 2020 by the author(s)." From the start of a
# sentence to the abstract's end, and naming a year, as every such notice does; a
# sentence after it only when it says more of the rights (Elsevier's "Published by
# Elsevier B.V. This is an open access article under the CC BY license (...)").
_NOTICE = re.compile(
    r"(?:^|(?<=[.!?]))\s*(?:(?:Copyright\s*)?(?:©|\(c\)(?=\s*(?:19|20)\d\d))|Copyright\s+(?=(?:19|20)\d\d))"
    r"(?=[^©]{0,300}?(?<!\d)(?:19|20)\d\d(?!\d))[^©]{0,300}$",
    re.IGNORECASE,
)


def without_notice(abstract: str) -> tuple[str, str]:
    """An abstract without the publisher's copyright notice it ends with (no part of the
    abstract: the same paper's abstract from a source without it conflicted), and that
    notice ("" when none)."""
    # (A notice names its year: without a "19" or "20" there is none, and that look is
    # cheaper than the search, 26 µs an abstract of 1,500 characters.)
    found = _NOTICE.search(abstract) if "19" in abstract or "20" in abstract else None
    if found is None:
        return abstract, ""
    first, *more = _SENTENCE_BREAK.split(found.group().strip())
    # (Its mark is no word of rights; nor is an address in parentheses, "(www.aaai.org)", text.)
    first = re.sub(r"\([^()]*\)", "", re.sub(r"(?i)^(?:copyright\s*)?(?:©|\(c\))?", "", first))
    if not all(_OF_RIGHTS.search(sentence) for sentence in more) or (
        not _OF_RIGHTS.search(first)
        and sum(word not in _OWNERS_WORDS for word in re.findall(r"\b[a-z][a-z']*\b", first)) > 2
    ):
        return abstract, ""
    return abstract[: found.start()].rstrip(), found.group().strip()


def with_notice(written: str, notice: str) -> ReadBefore:
    """The abstract as an earlier import took it, with its copyright notice: taken out of
    a paper's file where it is still the importer's (importmerge._read_before)."""
    return ReadBefore(
        ("abstract",), (written,), "with a publisher's copyright notice at its end, which an earlier"
        " import took as part of it",
    )


# A volume that is a year and a month (Mendeley's and Scopus' "2016-December", and
# Mendeley's cut short at ten characters, "2017-Decem", in RIS's VL and BibTeX's
# `volume`): the month of a conference, which the proceedings have no volume for.
DATE_VOLUME = re.compile(
    r"(?i)(?:19|20)\d\d\s*[-/ ]\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
)


def series_read_before(venue: str, venue_kind: str) -> tuple[ReadBefore, ...]:
    """The kind imports before 42fabb6 gave a series of conference proceedings named as a
    journal (venuewords.proceedings_series: PMLR in BibTeX's `journal`, RIS's `JO`),
    "journal", where this one gives "conference": taken out of a paper's file where it is
    still the importer's (importmerge._read_before), said as the import's earlier reading,
    not as a source record corrected. (No source gives a journal's kind for the venue
    otherwise: a kind is taken only for the venue it names.)"""
    if venue_kind != "conference" or not proceedings_series(venue):
        return ()
    return (ReadBefore(
        ("venue_kind",), ("journal",), "a series of conference proceedings, which an earlier import took for a journal"
    ),)


def dated_volume(volume: str) -> ReadBefore:
    """A volume that is a date (`DATE_VOLUME`) as an earlier import took it: taken out of
    a paper's file where it is still the importer's (importmerge._read_before)."""
    return ReadBefore(("volume",), (volume,), "a date, not a volume, which an earlier import took for the volume")


def say_dated(dated: list[tuple[Location, str]], name: str, nouns: tuple[str, str], problems: Problems) -> None:
    """The volumes that are a date, left out (``dated``: where each is, as written), said
    once a file, at the first, with how many; ``name``: the field's name in the source
    ("VL", "volume"), ``nouns``: what the source's records are called."""
    if not dated:
        return
    where, written = dated[0]
    others = f" ({len(dated)} {nouns[1]} in this file)" if len(dated) > 1 else ""
    problems.warning(
        where,
        f"{name} {quoted(written)} is a date (the month of a conference, as Mendeley and Scopus"
        f" write it), not a volume{others}; left out",
    )


_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+")
# The words in lower case of a notice's first sentence, which names who holds the rights
# ("© 2019 Association for Computational Linguistics", "Copyright 2020 by the author(s)"):
# a sentence with more words than these says something else ("(c) 2019 data is held out
# for testing", the third of a list; "Copyright 2019 reforms changed text mining").
_OWNERS_WORDS = frozenset(
    "the of for and by in on at to de la der und author authors s owner owners holder holders".split()
)
_OF_RIGHTS = re.compile(
    r"\b(?:rights|reserved|published|licen[cs](?:ed?|ee)|open access|creative commons|permission|copyright)\b",
    re.IGNORECASE,
)


# What to import of a readinglist site (another lab's list) instead of its papers.json or
# papers.csv: the BibTeX it publishes beside them.
_SITES_BIB = "import the papers.bib the site publishes beside it"


# Tagged exports import does not read (RIS is read: ris.py), each told by its first
# record, what it is, and what to export instead: EndNote's ("%0 Journal Article"),
# PubMed's .nbib (MEDLINE: "PMID- 34265844", "TI  - ..."), which offers no RIS or BibTeX,
# and Web of Science's ("FN Clarivate Analytics Web of Science", "PT J").
_REFUSED = (
    (
        re.compile(r"^%0 \S.*$", re.MULTILINE), "an EndNote export",
        "export the papers as RIS or BibTeX from EndNote (File > Export, or a style such as"
        " 'RefMan (RIS) Export' or 'BibTeX Export') and import that",
    ),
    (
        re.compile(r"^PMID- ?\d+[ \t]*$", re.MULTILINE),
        "a PubMed (MEDLINE) export",
        "PubMed exports neither RIS nor BibTeX, so open this file in a reference manager"
        " (Zotero reads .nbib files), export the papers from it as RIS or BibTeX and import"
        " that, or add each paper by its DOI (readinglist add 10.1038/...)",
    ),
    (
        re.compile(r"^FN .*$(?=(?:\n.*)*?\nPT [A-Z]+[ \t]*$)", re.MULTILINE),
        "a Web of Science export",
        "export the papers from Web of Science as 'RIS (other reference software)' or"
        " 'BibTeX' (Export, above its list of records) and import that",
    ),
    # Tables: Zotero's CSV export (another of the formats its export offers), and the
    # CSV a readinglist site publishes (export_csv.py), told by their header lines.
    (
        re.compile(r'\A"Key","Item Type"'), "a Zotero CSV export",
        "export the papers from Zotero as BibTeX or RIS (Export Collection… or Export"
        " Items…) and import that",
    ),
    (
        re.compile(r"\Aid,title,authors,year,venue"), "a readinglist site's papers.csv",
        _SITES_BIB,
    ),
)


def _json_export(text: str) -> str | None:
    """What a JSON file given to import is, and what to import instead: a readinglist
    site's papers.json (export_json.py), CSL JSON (Zotero's and Mendeley's export), or
    other JSON; None for a text that is no JSON."""
    import json

    if not text.lstrip().startswith(("[", "{")):
        return None
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):  # (RecursionError: nested deeper than Python reads)
        return None
    items = data if isinstance(data, list) else [data]
    keys = {key for item in items if isinstance(item, dict) for key in item}
    if {"id", "title", "authors", "added"} <= keys:
        return f"a readinglist site's papers.json, which import does not read: {_SITES_BIB}"
    what = "a CSL JSON export (Zotero's, Mendeley's)" if {"type", "title"} <= keys else "JSON"
    return f"{what}, which import does not read: export the papers as BibTeX or RIS and import that"


# Files that hold no text, told by their first bytes (their formats' signatures), what
# each is and what to import instead: a paper's PDF (given as one gives a paper), a ZIP
# archive (a zip of exports; Word's .docx and Excel's .xlsx are ZIP archives too) and the
# old Office format. Read as text, each was told to be saved as UTF-8. (A hand-kept
# table: filetype and puremagic, the pure-Python libraries for it, read a PDF's header
# at the first byte only, and would take a text that starts "%PDF-1.4" for one too.)
_NOT_TEXT = (
    (
        re.compile(rb"%PDF-\d+\.\d+"), "a PDF file",
        "import its BibTeX or RIS instead (the paper's page, Google Scholar's 'Cite' or your"
        " reference manager exports one), or add it by {add}",
    ),
    (
        # (a ZIP's first file; an empty ZIP's end record; a spanned ZIP's marker)
        re.compile(rb"PK(?:\x03\x04|\x05\x06|\x07\x08)"), "a ZIP archive (as .zip, .docx and .xlsx files are)",
        "unpack it and import the .bib, .ris or .md files in it (a list kept in Word or"
        " Excel: export its papers from a reference manager as BibTeX or RIS, or save the"
        " list as plain text)",
    ),
    (
        re.compile(rb"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), "a Word or Excel file of the old format (.doc, .xls)",
        "export its papers from a reference manager as BibTeX or RIS, or save the list as"
        " plain text, and import that",
    ),
)
# A PDF's header may come after other bytes, within the first 1024 (the PDF spec; a
# download or a mail gateway may put some there), so it is looked for there; but then a
# text that says "%PDF-1.4" is not one: a PDF is also told by what no text holds, a NUL
# byte, the comment of bytes past ASCII its header line is followed by (as the spec
# advises), or its structure, an object ("1 0 obj") or its end ("%%EOF").
_PDF_HEADER_WITHIN = 1024
_PDF_BINARY_LINE = re.compile(rb"\r?\n?%[\x80-\xff]{4}")
_PDF_BODY = re.compile(rb"\x00|^\d+ \d+ obj\b|%%EOF", re.MULTILINE)


def _signed(signature: re.Pattern[bytes], what: str, data: bytes) -> re.Match[bytes] | None:
    """Where ``data`` has ``signature``: at its start; a PDF's, as said above."""
    if what != "a PDF file":
        return signature.match(data)
    found = signature.search(data, 0, _PDF_HEADER_WITHIN)
    if found and (_PDF_BINARY_LINE.match(data, found.end()) or _PDF_BODY.search(data)):
        return found
    return None


def not_text(data: bytes, name: str = "") -> str | None:
    """What to tell of an input that is a PDF, an archive or an Office file, by its first
    bytes (a PDF's, by its header and body); None for any other. ``name``: the file's
    name, which for a PDF from arXiv is its id ("1706.03762v7.pdf"): the command to add
    it is then said whole (an example id, there, was read as the PDF's own)."""
    for signature, what, advice in _NOT_TEXT:
        if found := _signed(signature, what, data):
            # (a PDF's version is text, and tells the curator which file it was)
            shown = f" ({quoted(found.group().decode('ascii'))})" if what == "a PDF file" else ""
            arxiv = normalize_arxiv(PurePath(name).stem)
            add = f"the arXiv id its name holds: readinglist add {arxiv}" if arxiv else "its arXiv id or DOI: readinglist add ID"
            return f"this is {what}{shown}, not a list of papers: {advice.format(add=add)}"
    return None


# A line of arXiv's listing pages and mailings that names a paper by its id, "[1]
# arXiv:2305.18290 [pdf, other]" (a list page), "arXiv:2305.18290" (a mailing); indented
# too, as a browser's selection or a pasted email may copy it.
_ARXIV_LISTED = re.compile(
    r"^(?P<indent>[ \t]*)(?:\[\d+\][ \t]+)?arXiv:(?P<id>(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Za-z-]+)?/\d{7})(?:v\d+)?)\b.*$",
    re.MULTILINE,
)


# Where a BibTeX entry starts: "@article{", at a line's start.
_BIBTEX_ENTRY = re.compile(r"^[ \t]*@\s*[A-Za-z]+\s*[{(]", re.MULTILINE)


def detect_format(text: str) -> str | None:
    """``hf``, ``bibtex``, ``ris``, ``arxiv`` or ``markdown`` judged from the content, or
    None for an unknown layout."""
    from .hflisting import looks_like_listing
    from .formats import looks_like_markdown_list, looks_like_ris

    if re.match(r"\s*(?:<\?xml[^>]*\?>\s*)?<feed\b[^>]*\bxmlns=[\"']http://www\.w3\.org/2005/Atom", text):
        return "arxiv"  # arXiv's API answer, as `readinglist add` keeps it
    if looks_like_ris(text):
        return "ris"  # (before BibTeX: an abstract may hold "@article{")
    # (Every entry's line is asked for only of a Markdown list: a .bib's 10,000 took 0.06 s.)
    if _BIBTEX_ENTRY.search(text) and not (
        looks_like_markdown_list(text)
        and _in_code_blocks(text, _lines(text, [m.start() for m in _BIBTEX_ENTRY.finditer(text)]))
    ):
        return "bibtex"  # (not a list that ends with how to cite it, an entry in a code block)
    if looks_like_listing(text):
        return "hf"
    if looks_like_markdown_list(text):
        return "markdown"
    return None


def _in_code_blocks(text: str, lines: list[int]) -> bool:
    """markdownlist.in_code_blocks, imported only for a .bib that looks like a list too."""
    from .markdownlist import in_code_blocks

    return in_code_blocks(text, lines)


def _lines(text: str, starts: list[int]) -> list[int]:
    """The lines (from 0) of the offsets ``starts`` (ascending) in ``text``, each counted
    from the one before: counted from the top each time, a 10,000-entry .bib took 24 s."""
    lines, line, at = [], 0, 0
    for start in starts:
        line += text.count("\n", at, start)
        lines.append(line)
        at = start
    return lines


def normalise_text(data: bytes | str) -> str:
    """Text without a byte-order mark and with every line ending a plain newline."""
    text = data.decode("utf-8-sig") if isinstance(data, bytes) else data.lstrip("\ufeff")
    # (Asked first: each replace scans the whole text even when it has no "\r", 15 ms a
    # .bib of 10,000 entries, read twice by an import.)
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def parse_text(
    text: str, path: str, problems: Problems, fmt: str | None = None, entries: EntryReadings | None = None,
    ris_entries: EntryReadings | None = None,
) -> list[Record]:
    """Records from one input file's text; layout problems go to ``problems``.
    ``entries``, ``ris_entries``: what the last import read each BibTeX entry, each RIS
    record as (bibcache.py)."""
    from .exporters import key_sources

    text = normalise_text(text)
    fmt = format_of(text, path, fmt)
    # As earlier versions read it, what they wrote: simple math as typed (and, before
    # that, a tie before a command or math kept), then each earlier reading of ties alone
    # (a tie kept before anything but a word; later, one tilde of "~~" kept).
    readings = _earlier_readings(text)
    source = None
    if fmt == "bibtex":
        from .bibtex import read_bibtex

        # (Only the entries an earlier reading may read otherwise are read again. Each
        # record of a key is made with its key's source: replacing 10,000 records after
        # cost 0.07 s.)
        source = key_sources(text, fmt)
        records, earliers = read_bibtex(
            text, path, problems, [reading for reading, _ in readings], entries, source
        )
    else:
        records = _parse(text, path, problems, fmt, ris_entries)
        earliers = []
        for reading, _ in readings if records else ():
            with reading():
                earliers.append(_parse(text, path, Problems(), fmt))
    if records:
        for (reading, why), earlier in zip(readings, earliers):
            # (rev127) A .bib's venue too where a declaration is read now: "{\\sc Annals}",
            # kept so by an earlier import, was a conflict at every import after; (imp42)
            # and its every other field a declaration may be in, the publisher's and the
            # keywords' (tags) too ("{\\itshape Springer}"), which were a conflict or
            # said corrected in the reference manager. (An RIS record's have their own
            # earlier readings: ris._tex_read_last.)
            every = fmt == "bibtex" and reading in (declarations_as_before, declarations_after_words_as_before)
            records = _with_earlier_reading(records, earlier, why, _DECLARED if every else ("title", "abstract"))
    # (An RIS record without an ID is told as RIS's too: its exporter, as Zotero's, gives
    # none, and the import knows the record by its DOI or arXiv id instead:
    # importmatch.record_name.)
    if fmt == "ris" or (fmt != "bibtex" and any(record.key for record in records)):
        source = key_sources(text, fmt or "")
    return [
        without_arxiv_venue(
            replace(record, key_source=told)
            if (record.key or fmt == "ris") and source and record.key_source != (told := source(record.source.line))
            else record
        )
        for record in records
    ]


# The fields of a .bib's record an earlier reading of declarations may read otherwise.
_DECLARED = ("title", "abstract", "venue", "publisher", "tags", "authors", "editors", "volume", "number", "pages")


def _earlier_readings(text: str) -> list[tuple[Callable[[], AbstractContextManager[object]], str]]:
    """The earlier readings that may read ``text`` otherwise, each a context `clean_latex`
    reads so within and what an earlier import kept so; in the order they are applied."""
    ties = tie_readings_before(text)
    readings: list[tuple[Callable[[], AbstractContextManager[object]], str]] = []
    if simple_math_in(text):
        readings.append((
            partial(_math_as_typed, BEFORE_A_WORD in ties),
            "its TeX math as typed, which an earlier import kept",
        ))
    readings += [
        (partial(ties_as_before, reading), "a TeX tie (~) as typed, which an earlier import kept")
        for reading in ties
    ]
    if declarations_read_now(text):
        # (fix35: "{\\itshape x}", "{\\sc x}" are their words now)
        readings.append((declarations_as_before, "a TeX declaration as typed, which an earlier import kept"))
    if declarations_after_words(text):
        # (imp42: "{\\itshape a \\upshape b}" is "a b" now, was "a \\upshape b")
        readings.append((
            declarations_after_words_as_before, "a TeX declaration after words as typed, which an earlier import kept",
        ))
    return readings


@contextlib.contextmanager
def _math_as_typed(ties_before_a_word: bool) -> Iterator[None]:
    """Math as typed, as versions before `simple_math` read it; with
    ``ties_before_a_word``, ties too as the versions before those read them."""
    with math_as_typed(), ties_as_before() if ties_before_a_word else contextlib.nullcontext():
        yield


def _with_earlier_reading(
    records: list[Record], earlier: list[Record], why: str, names: tuple[str, ...] = ("title", "abstract"),
) -> list[Record]:
    """``records`` with the title and abstract (``names``) an earlier import wrote otherwise,
    with their simple math as typed ("$\\beta$-VAE", now "β-VAE") or a tie's tilde kept
    ("size~$n$"), to be replaced where still the importer's (ReadBefore). ``earlier``: the
    same source read so, record by record."""
    if len(earlier) != len(records):
        return records
    read = []
    for record, before in zip(records, earlier):
        typed = tuple(
            ReadBefore((name,), (old,), why)
            for name in names
            if before.source == record.source and (old := getattr(before, name)) and old != getattr(record, name)
        )
        read.append(replace(record, read_before=(*record.read_before, *typed)) if typed else record)
    return read


def format_of(text: str, path: str, fmt: str | None) -> str | None:
    """The format to read the file as: ``fmt`` when given, else told by its name or its
    content; None when neither tells."""
    if fmt is None and path.lower().endswith(".ris"):
        fmt = "ris"  # (whatever comes before its first record; an empty one told it has none)
    if fmt is None and path.lower().endswith((".md", ".markdown")):
        # (An awesome list ends with how to cite it, a BibTeX entry in a code block: read
        # by its content, it was that one entry, and its papers were left out unsaid.)
        fmt = "markdown"
    fmt = fmt or detect_format(text)
    if fmt is None and path.lower().endswith(".bib"):
        # An empty or comment-only .bib (a reference manager's export of an empty
        # collection): what it lacks is entries, not a layout.
        fmt = "bibtex"
    return fmt


# A web page's address, with its scheme or without ("aclanthology.org/N19-1423/"); and arXiv's and doi.org's, which name a paper by its id or not at
# all (a listing page, an id cut off): no page of theirs gives a paper's BibTeX to import.
_ADDRESS = re.compile(r"(?i)(?:https?://)?[a-z0-9-]+(?:\.[a-z0-9-]+)+/")
_ID_SITE = re.compile(r"(?i)(?:https?://)?(?:[a-z0-9-]+\.)*(?:arxiv\.org|doi\.org)/")


def page_advice(word: str) -> str:
    """What to do with ``word``, no arXiv id nor DOI, when it is the address of a paper's
    page that names it otherwise (OpenReview's forum, an ACL Anthology page): import the
    BibTeX that page gives; "" for any other word (`add`'s words, an ids list's lines)."""
    word = word.strip()
    if not _ADDRESS.match(word) or _ID_SITE.match(word):
        return ""
    return (
        ", nor a page that names one in its address: import the BibTeX its page gives"
        " (readinglist import -, then paste it; or readinglist import FILE.bib)"
    )


# A line's comment in a list of ids: "#" after a space, or starting the line (an
# address's own "#", "abs/2106.09685#S1", is none).
_ID_LINE_COMMENT = re.compile(r"(?:^|\s)#.*")
# A spreadsheet's header naming its column of ids ("DOI", "arXiv id", "paper_ids", "URL"),
# kept on the first line when the column is saved as CSV or copied out: no paper, so not
# one to be told to correct.
_IDS_HEADER = re.compile(
    r"(?i)[\"']?(?:(?:paper|arxiv|doi)s?[ _-]?)?(?:ids?|dois?|arxiv|urls?|links?|address(?:es)?)[\"']?,?"
)


def _ids_listed(text: str, path: str, problems: Problems) -> bool:
    """Whether ``text`` is a lab's list of papers by their ids, one a line (arXiv ids,
    arXiv addresses, DOIs: what `add` reads), said with the command that adds them all,
    and each line that is no id at its place. Said "unknown layout ... use --format", it
    sent the curator to formats none of which reads it; and only the lines written
    "arXiv:ID" were named, as in arXiv's listing pages, so the command said left out the
    bare ids and addresses beside them."""
    words = []
    for number, line in enumerate(text.split("\n"), 1):
        word = _ID_LINE_COMMENT.sub("", line).strip()
        if word and not words and _IDS_HEADER.fullmatch(word):
            continue  # (the column's header, above its first id)
        if word:
            if len(word.split()) > 1:
                return False  # (a sentence, a listing page's line: not a list of ids)
            words.append((Location(path, number, line.index(word) + 1), word, read_id(word)))
    # (Each once, as first written: a DOI ignores case, "10.1109/CVPR.2016.90" and
    # "10.1109/cvpr.2016.90" are one, as add asks them.)
    ids: dict[str, str] = {}
    for _, _, found in words:
        if found:
            ids.setdefault(found.arxiv or found.doi.casefold(), found.arxiv or found.doi)
    if not ids:
        return False
    said_at = next(where for where, _, found in words if found)
    for where, word, found in words:
        if found is None:
            # (A page's address has nothing to be corrected to: its BibTeX is imported.)
            page = page_advice(word)
            # (Digits that miss an arXiv id's form are told how: "2307.0928", a digit left out.)
            why, _ = arxiv_mistake(word)
            neither = (
                f"is not an arXiv id: {why}" if why else
                "is neither an arXiv id (such as 2106.09685) nor a DOI (such as 10.1145/3442188.3445922)"
            )
            problems.error(
                where,
                f"{quoted(word)} {neither}{page}{'; ' if page else ': '}the readinglist add command said at line"
                f" {said_at.line} leaves it out" + ("" if page else "; correct it and add it too"),
            )
    problems.error(
        said_at,
        "this lists papers by their ids (arXiv ids, arXiv addresses or DOIs, one a line),"
        " which import does not read: add them as arXiv and doi.org describe them, with"
        f" readinglist add {' '.join(map(shell_quoted, ids.values()))}",
    )
    return True


def _parse(
    text: str, path: str, problems: Problems, fmt: str | None, ris_entries: EntryReadings | None = None
) -> list[Record]:
    if fmt is None and not text.strip():
        problems.error(Location(path, 1, 1), "the file is empty: there is nothing in it to import")
        return []
    if fmt == "hf":
        from .hflisting import parse_listing

        return parse_listing(text, path, problems)
    if fmt == "bibtex":
        from .bibtex import parse_bibtex

        return parse_bibtex(text, path, problems)
    if fmt == "ris":
        from .ris import parse_ris

        return parse_ris(text, path, problems, ris_entries)
    if fmt == "arxiv":
        from .arxiv import parse_feed

        return parse_feed(text, path, problems)
    if fmt == "markdown":
        from .markdownlist import parse_markdown_list

        return parse_markdown_list(text, path, problems)
    first = next((i for i, line in enumerate(text.split("\n"), 1) if line.strip()), 1)
    if _ids_listed(text, path, problems):
        return []
    listed = list(_ARXIV_LISTED.finditer(text))
    # (arXiv's listing page, or its mailing, as copied: no abstract, and no layout of
    # records; its ids are all `add` needs, so the command is said with them.)
    ids = dict.fromkeys(filter(None, (normalize_arxiv(found["id"]) for found in listed)))
    if ids:
        problems.error(
            Location(path, text.count("\n", 0, listed[0].start()) + 1, len(listed[0]["indent"]) + 1),
            f"this lists papers by their arXiv ids ({quoted(listed[0].group().strip())}, as arXiv's"
            " listing pages do), which import does not read: add them as arXiv describes them,"
            f" with readinglist add {' '.join(ids)}",
        )
        return []
    if json_export := _json_export(text):
        problems.error(Location(path, first, 1), f"this is {json_export}")
        return []
    for pattern, export, advice in _REFUSED:
        found = pattern.search(text)
        if found:
            # (A reference manager's or a site's other export: what to do is more use than
            # what was expected.)
            problems.error(
                Location(path, text.count("\n", 0, found.start()) + 1, 1),
                f"this is {export} ({quoted(found.group().strip())}), which import does not read: {advice}",
            )
            return []
    problems.error(
        Location(path, first, 1),
        "unknown layout: expected a Hugging Face Papers listing (starting with "
        "'Get trending papers' or 'Subscribe'), BibTeX entries ('@article{...}'), an "
        "RIS export ('TY  - JOUR'), an arXiv API answer (an Atom feed) or a Markdown list "
        "of papers ('- [Title](https://...)'); use --format to say which",
    )
    return []
