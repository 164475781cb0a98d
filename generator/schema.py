"""The curation schema, declared once: what a paper file and a topic may hold.

Validation (validate.py, paperdrafts.py), the published JSON Schema (jsonschema.py) and
the field reference in the docs (reference.schema_reference_markdown) are all derived
from these declarations; the importer writes new files in this field order. After a
change here, run ``python -m generator.jsonschema`` to rewrite the committed schemas.
A paper file looks like::

    # yaml-language-server: $schema=../schema/paper.schema.json
    id: a-worked-example-of-one-paper-file
    title: "A Worked Example of One Paper File: Every Field Filled In"
    authors: [Ada Lovelace, Alan Turing]
    year: 2024
    venue: Proceedings of the Example Conference
    venue_kind: conference
    pages: 1-18
    arxiv: "2401.00001"
    doi: 10.5555/example.2024.1
    links:
      code:
        - url: https://github.com/example-lab/example-code
          found_in: abstract
          official: true
      project: []
      paper: []
      pdf: []
    topics: [in-context-learning]
    exclude_topics: []
    tags: []
    status: must-read
    added: 2026-11-29
    related: []
    not_related: []
    not_same_as: []
    formerly: []
    summary: The one file to copy when you add a paper by hand.
    notes: |
      Markdown written by the curator.
    abstract: |
      A made-up paper: every field above is an example, none a real paper's ...
"""

from __future__ import annotations

from dataclasses import dataclass

from .models import FOUND_IN, LINK_KINDS, STATUSES, VENUE_KINDS

# Kinds of value a field may hold. Every scalar is read as the string the curator
# typed (see yamlio.py); the kind says how that string is checked and converted.
KINDS = {
    "id": "a lowercase slug: a-z, 0-9 and single hyphens, at most 80 characters",
    "text": "plain text, rendered literally (never markup)",
    "label": "a short plain text, such as a volume or a page number (a number may be written bare)",
    "markdown": "Markdown written by the curator; raw HTML and links to anything but http(s) addresses show as text",
    "year": "a four-digit year",
    "arxiv": "an arXiv identifier such as 2101.00010 or cs/0112017 (no version suffix needed)",
    "doi": "a DOI such as 10.1000/xyz123 (no https://doi.org/ prefix)",
    "date": "a date as YYYY-MM-DD",
    "url": "an absolute http(s) URL",
    "bool": "true or false",
    "number": "a number",
    "enum": "one of the listed values",
    "list[text]": "a list of plain-text strings",
    "list[paper]": "a list of paper ids",
    "list[topic]": "a list of topic ids",
    "list[id]": "a list of the ids it had before a rename (none an id in use now)",
    "links": "a mapping from link kind (code, project, paper, pdf, data, video, slides) to a list of links",
    "keywords": "a mapping from a phrase to its weight (a number)",
}


# Limits that keep a pasted-in mistake (a whole PDF as an abstract) from becoming a page.
MAX_ID_LENGTH = 80
# The file under content/ the topics are defined in.
TOPICS_FILE = "topics.yml"
MAX_TEXT_LENGTH = 100_000
# How many papers a topic's reading order should list; outside it, `check` warns.
READING_ORDER_LENGTH = (3, 6)

# Characters a value may not carry: controls other than tab and newline, line and
# paragraph separators, bidirectional embeddings, overrides and isolates (they make
# text display in another order than it reads: "Trojan Source"), the BOM, and the
# noncharacters U+FFFE and U+FFFF, which XML (the Atom feeds, the sitemap) cannot hold:
# a "\uFFFF" in a title passed the check and then stopped the build.
FORBIDDEN_CHARS = (
    "\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069\\ufeff"
    "\\ufffe\\uffff"
)
# And what a URL or DOI may not carry on top: whitespace and zero-width characters.
_INVISIBLE = FORBIDDEN_CHARS + "\\s\\u200b-\\u200f\\u2060-\\u2064"


def forbidden_char(char: str) -> str:
    """What a character of FORBIDDEN_CHARS is, for a message."""
    if char in "\ufffe\uffff":
        return "a noncharacter that no feed or XML file can hold"
    return "an invisible control character"


# Regular expressions for the kinds that have a fixed form, written so that Python's
# `re` and the ECMA-262 dialect of JSON Schema read them the same way: the validator
# and the published JSON Schema both use these.
PATTERNS = {
    "id": r"^[a-z0-9]+(?:-[a-z0-9]+)*$",
    "year": r"^[12][0-9]{3}$",
    # New style since April 2007 (four digits after the dot until 2014, five since 2015),
    # and old style archive/YYMMNNN, both with an optional version.
    "arxiv": (
        r"^(?:(?:0[7-9]|1[0-4])(?:0[1-9]|1[0-2])\.[0-9]{4}"
        r"|(?:1[5-9]|[2-9][0-9])(?:0[1-9]|1[0-2])\.[0-9]{5}"
        r"|[a-z]+(?:-[a-z]+)?(?:\.[A-Za-z-]+)?/[0-9]{7})(?:v[1-9][0-9]*)?$"
    ),
    "doi": r"^10\.[0-9]{4,9}(?:\.[0-9]+)*/[^" + _INVISIBLE + r"]+$",
    "date": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
    # A host (a name, or an IPv6 address in brackets) with no user name or password
    # before it ("https://user@host/", see validate.RecordChecker.url) and a port, if
    # any, of 0 to 65535: what Python's urlsplit, and so check, can read. No backslash
    # in the host or path ("https://github.com\a\b", pasted from a Windows path): a
    # browser reads each as a slash, and the page would show it as typed; in the query
    # or fragment one is their data.
    "url": (
        r"^[Hh][Tt][Tt][Pp][Ss]?://(?:[^/?#@:\[\]\\" + _INVISIBLE + r"]+|\[[0-9A-Fa-f:.]+\])"
        r"(?::0*(?:[0-9]{0,4}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5]))?"
        r"(?:/[^?#\\" + _INVISIBLE + r"]*)?(?:[?#][^" + _INVISIBLE + r"]*)?$"
    ),
    "number": r"^[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$",
}
# YAML 1.2's booleans; YAML 1.1's yes/no/on/off are text.
BOOLEANS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}


@dataclass(frozen=True)
class Field:
    name: str
    kind: str
    doc: str
    required: bool = False
    choices: tuple[str, ...] = ()


PAPER_FIELDS: tuple[Field, ...] = (
    Field("id", "id", "The paper's id; must equal the file name without `.yml`.", required=True),
    Field("title", "text", "The paper's title, exactly as published.", required=True),
    Field("authors", "list[text]", "Authors in publication order, one string each."),
    Field(
        "editors", "list[text]",
        "The editors of the book or proceedings it is in (a chapter's book), or of the book"
        " itself when it is edited as a whole; one string each, as `authors` are. Shown on its"
        " page after the book (\"In Handbook of X, edited by A and B\") and cited as BibTeX's"
        " `editor`.",
    ),
    Field("year", "year", "Year of publication."),
    Field("venue", "text", "Journal or conference, e.g. `NeurIPS`."),
    Field(
        "venue_kind", "enum",
        "What the venue is: a journal (cited as `@article`), a conference or workshop"
        " (`@inproceedings`) or an edited book (`@incollection`). Imported from BibTeX or RIS;"
        " otherwise the citation guesses it from the venue's name.",
        choices=VENUE_KINDS,
    ),
    Field("volume", "label", "The volume of the journal or proceedings series, e.g. `33`."),
    Field("number", "label", "The issue within the volume, e.g. `4`."),
    Field(
        "pages", "label",
        "Pages, e.g. `770-778` (BibTeX's `770--778` and an en dash read the same), or an"
        " article number such as `e1001234`.",
    ),
    Field(
        "publisher", "text",
        "The publisher, e.g. `MIT Press`. A work with a publisher and no venue is a book"
        " (cited as `@book`).",
    ),
    Field("arxiv", "arxiv", "arXiv identifier, kept as typed (2101.00010 keeps its trailing zero)."),
    Field("doi", "doi", "Digital Object Identifier, without the resolver prefix."),
    Field(
        "citation_key", "label",
        "The key its BibTeX entry (papers.bib, the page's citation) is given, e.g."
        " `smith2020deep`: your reference manager's, so that a citation copied from the site"
        " is the one your library has. Without it, its id (the first, after a rename). Two"
        " papers of one key, or a key another paper is cited by, are each cited by their ids"
        " (`check` warns).",
    ),
    Field(
        "links", "links",
        "Code repositories, project pages, paper and PDF links, datasets and models, talks and"
        " slides.",
    ),
    Field("topics", "list[topic]", "Topics the curator assigns; they always win over rules."),
    Field("exclude_topics", "list[topic]", "Topics the rules must not assign to this paper."),
    Field("tags", "list[text]", "Free-form tags."),
    Field("status", "enum", "Reading status shown on the page.", choices=STATUSES),
    Field("added", "date", "When the paper joined the list (drives 'recently added' and feeds)."),
    Field("related", "list[paper]", "Papers the curator links by hand, shown first among related."),
    Field(
        "not_related", "list[paper]",
        "Papers that share words with it but not a subject (\"ladder\" of two meanings):"
        " neither is shown among the other's similar papers, on either page, and the next"
        " most similar takes its place. None may be in its `related`; a paper whose own"
        " `related` names this one still shows it (`check` warns).",
    ),
    Field(
        "not_same_as", "list[paper]",
        "Papers of its title (or one its arXiv id or abstract shares) that are other"
        " papers all the same: a paper's conference and journal versions, by the same people."
        " `check` then does not take the two for one paper (but for one DOI: a DOI is one"
        " paper's own, each version has its own), and `readinglist import` gives a"
        " record of that title to the one its DOI, arXiv id, venue or year says (to neither,"
        " with a warning, when they do not tell). Write it in either file, once.",
    ),
    Field(
        "formerly", "list[id]",
        "The ids the paper had before it was renamed, oldest first: each old address leads to"
        " its page, readers' reading logs follow it, and feed readers keep it as one entry."
        " The first is its citation key (unless `citation_key` gives one); a paper renamed back to its first id lists that id"
        " first.",
    ),
    Field(
        "summary", "text",
        "One sentence in the curator's words on why to read it: shown under the title in the"
        " topic and All papers tables and on the home page, and atop the paper's page.",
    ),
    Field("notes", "markdown", "The curator's notes, in Markdown."),
    Field(
        "abstract", "text",
        "The abstract as plain text, shown exactly as written (URLs become links). May be"
        " left out (many BibTeX entries have none): the page then has no Abstract section.",
    ),
)

LINK_FIELDS: tuple[Field, ...] = (
    Field("url", "url", "The link itself.", required=True),
    Field(
        "found_in", "enum",
        "Where the link was found (bibtex, ris: a BibTeX entry's or an RIS record's fields;"
        " comment: the authors' comment on arXiv).", choices=FOUND_IN,
    ),
    Field("official", "bool", "Code only: the authors' own repository."),
    Field("note", "text", "A short note shown in the link's badge, after its name."),
)
LINK_KIND_DOCS = {
    "code": (
        "Code repositories (GitHub, GitLab, Bitbucket, Codeberg, a Hugging Face Space, another"
        " forge), or a site you know holds the code: each counts as code."
    ),
    "project": "Project pages and other web pages about the paper.",
    "paper": "Where to read the paper (arXiv, DOI, OpenReview, publisher).",
    "pdf": "Direct links to a PDF.",
    "data": "Datasets, benchmarks and model weights the paper released (Hugging Face, Kaggle).",
    "video": "Recorded talks and videos about the paper (YouTube, Vimeo, SlidesLive).",
    "slides": "Slides and posters (Speaker Deck, SlideShare, Google Slides, a PDF).",
}
assert tuple(LINK_KIND_DOCS) == LINK_KINDS

TOPIC_FIELDS: tuple[Field, ...] = (
    Field("id", "id", "The topic's id, used in paper files and URLs.", required=True),
    Field("title", "text", "The topic's title.", required=True),
    Field("description", "markdown", "A few sentences for a reader new to the area."),
    Field("parent", "id", "The id of a broader topic, if any."),
    Field("keywords", "keywords", "Phrases (with weights) that assign the topic by rule."),
    Field("threshold", "number", "The score a paper needs for the topic by rule (1 when left out)."),
    Field(
        "reading_order", "list[paper]",
        "Papers to start with, in reading order"
        f" ({READING_ORDER_LENGTH[0]} to {READING_ORDER_LENGTH[1]}).",
    ),
    Field(
        "formerly", "list[id]",
        "The ids the topic had before it was renamed: each old address leads to its page.",
    ),
)


def field_names(fields: tuple[Field, ...]) -> tuple[str, ...]:
    return tuple(f.name for f in fields)
