"""`papers.json`: every paper as data, for scripts and other tools.

One JSON array, one object per paper in id order and one paper per line, with sorted
keys, so the same list always gives byte-identical output and a change to one paper is a
one-line diff. (Indenting every field would make Python's JSON encoder run its pure
Python path, several times slower at 10,000 papers.) Text is exactly as curated
(``abstract`` is plain text; ``notes`` is the curator's Markdown source); ``authors_shown``
is the one field that is the authors as the pages show them, beside ``authors`` as written
(a surname first, "Van Den Driessche, George", is how BibTeX keeps it one surname). ``url`` is
the paper's page relative to the site root, as `pages.py` decides it.
"""

from __future__ import annotations

import json
from typing import Sequence

from .joinedfile import Joined
from .models import FOUND_IN, LINK_KINDS, STATUSES, VENUE_KINDS, Paper, Site
from .pages import paper_url
from .schema import PATTERNS

SCHEMA_FILE = "papers.schema.json"


def paper_record(paper: Paper, site: Site) -> dict[str, object]:
    return {
        "id": paper.id,
        "title": paper.title,
        "authors": list(paper.authors),
        "authors_shown": list(paper.shown_authors),
        "editors": list(paper.editors),
        "editors_shown": list(paper.shown_editors),
        "year": paper.year,
        "venue": paper.venue,
        "venue_kind": paper.venue_kind,
        "volume": paper.volume,
        "number": paper.number,
        "pages": paper.pages,
        "publisher": paper.publisher,
        "arxiv": paper.arxiv,
        "doi": paper.doi,
        "abstract": paper.abstract,
        "url": paper_url(paper.id),
        "topics": [a.topic for a in site.assignments.get(paper.id, ())],
        # Every code link, as the site shows and counts it ("with code", the Code column,
        # papers.csv): a script's count of papers with code is the page's. A site a
        # curator gave as the code is one, its `repo` "" in link_details (the import
        # takes a site that is no repository for a project page).
        "code": [link.url for link in paper.code],
        "links": [link.url for link in paper.links if link.kind != "code"],
        "link_details": [
            {
                "url": link.url,
                "kind": link.kind,
                "found_in": link.found_in,
                "official": link.official,
                "host": link.host,
                "repo": link.repo,
                "note": link.note,
                "github": None if link.stats is None else {
                    "stars": None if link.stats.gone else link.stats.stars,
                    "archived": link.stats.archived,
                    "gone": link.stats.gone,
                    "checked": link.stats.checked.isoformat(),
                },
            }
            for link in paper.links
        ],
        "related": [r.paper for r in site.related.get(paper.id, ())],
        "curator_related": list(paper.related),
        "not_related": list(paper.not_related),
        "not_same_as": list(paper.not_same_as),
        "formerly": list(paper.formerly),
        "curator_topics": list(paper.topics),
        "exclude_topics": list(paper.exclude_topics),
        "tags": list(paper.tags),
        "status": paper.status,
        "added": paper.added.isoformat() if paper.added else None,
        "summary": paper.summary,
        "notes": paper.notes,
    }


def _strings(description: str, **item: object) -> dict:
    return {"description": description, "type": "array", "items": {"type": "string", **item}}


_ID = {"type": "string", "pattern": PATTERNS["id"]}
# What a script reading papers.json may rely on, published beside it
# (schema/papers.schema.json). The curation schema (paper.schema.json) describes the
# YAML files, whose shapes differ: here every field is present, "" or [] when not set,
# and links are flat lists. A test validates the built site's file against it.
_PROPERTIES: dict[str, dict] = {
    "id": {"description": "The paper's id (its file name and page).", **_ID},
    "title": {"description": "The title, exactly as curated (plain text).", "type": "string"},
    "authors": _strings("Authors in publication order; a last author 'others' is 'et al.'."),
    "authors_shown": _strings(
        "The authors as the site's pages show them, one for each of `authors` and in its"
        " order: first name first ('George Van Den Driessche' for 'Van Den Driessche, George'),"
        " a suffix without a comma before it ('John Smith Jr.'), a last 'others' as 'et al.'."
    ),
    "editors": _strings(
        "The editors of the book or proceedings it is in (or of the book itself), written as"
        " `authors` are; [] when the list names none."
    ),
    "editors_shown": _strings("The editors as the site's pages show them, as `authors_shown` are."),
    "year": {"description": "Year of publication, or null.", "type": ["integer", "null"]},
    "venue": {"description": "Journal or conference, or \"\".", "type": "string"},
    "venue_kind": {
        "description": "What the venue is, when the list says so.",
        "type": "string", "enum": ["", *VENUE_KINDS],
    },
    "volume": {"description": "Volume of the journal or proceedings series, or \"\".", "type": "string"},
    "number": {"description": "Issue within the volume, or \"\".", "type": "string"},
    "pages": {"description": "Pages or article number, as curated, or \"\".", "type": "string"},
    "publisher": {"description": "Publisher, or \"\"; with no venue, the work is a book.", "type": "string"},
    "arxiv": {"description": "arXiv identifier, or \"\".", "type": "string"},
    "doi": {"description": "DOI without resolver, or \"\".", "type": "string"},
    "abstract": {"description": "The abstract as plain text, or \"\".", "type": "string"},
    "url": {
        "description": "The paper's page, relative to the site root.",
        "type": "string", "pattern": "^papers/[a-z0-9-]+/$",
    },
    "topics": _strings("Every topic the paper is in (ids), however it got there.", **_ID),
    "code": _strings(
        "The paper's code: the URLs of its links of kind \"code\" (in the order"
        " of `link_details`). A repository on GitHub, GitLab, Bitbucket, Codeberg or Hugging"
        " Face (a Space) has its `repo` in `link_details`; one on another forge (a self-hosted"
        " GitLab, SourceForge...) and a site a curator gave as the code have none. The"
        " site counts a paper \"with code\", and shows its Code column, exactly when this"
        " list is not empty.",
        format="uri",
    ),
    "links": _strings(
        "The paper's other URLs: project, paper, PDF, data, video, slides.",
        format="uri",
    ),
    "link_details": {
        "description": "Every link, code first, with what the list knows of it.",
        "type": "array",
        "items": {
            "type": "object",
            "additionalProperties": False,
            "required": ["url", "kind", "found_in", "official", "host", "repo", "note", "github"],
            "properties": {
                "url": {"type": "string", "format": "uri"},
                "kind": {"type": "string", "enum": list(LINK_KINDS)},
                "found_in": {"type": "string", "enum": list(FOUND_IN)},
                "official": {"type": "boolean"},
                "host": {"description": "A code link's host, or \"\".", "type": "string"},
                "repo": {"description": "A code link's owner/name, or \"\".", "type": "string"},
                "note": {"type": "string"},
                "github": {
                    "description": "What GitHub said of a code repository (content/repositories.yml), or null.",
                    "type": ["object", "null"],
                    "additionalProperties": False,
                    "required": ["stars", "archived", "gone", "checked"],
                    "properties": {
                        "stars": {"description": "null when gone.", "type": ["integer", "null"], "minimum": 0},
                        "archived": {"type": "boolean"},
                        "gone": {"description": "GitHub had no such repository that day (deleted, private or renamed).", "type": "boolean"},
                        "checked": {"description": "The day GitHub was asked.", "type": "string", "pattern": PATTERNS["date"]},
                    },
                },
            },
        },
    },
    "related": _strings("Related papers' ids: the curator's first, then the most similar.", **_ID),
    "curator_related": _strings("The papers the curator linked (ids).", **_ID),
    "not_related": _strings(
        "The papers the curator ruled out (ids): neither is among the other's similar papers.",
        **_ID,
    ),
    "not_same_as": _strings(
        "The papers the curator says are other papers (ids), though of its title, say: a"
        " paper's conference and journal versions.",
        **_ID,
    ),
    "formerly": _strings(
        "The ids the paper had before it was renamed, oldest first; its pages at those ids"
        " lead to its page. The first is its citation key; it is the paper's own id when"
        " the paper was renamed back to it.",
        **_ID,
    ),
    "curator_topics": _strings("The topics the curator listed (ids).", **_ID),
    "exclude_topics": _strings("The topics the curator ruled out (ids).", **_ID),
    "tags": _strings("Free-form tags."),
    "status": {"description": "Reading status, or \"\".", "type": "string", "enum": ["", *STATUSES]},
    "added": {
        "description": "When the paper joined the list (YYYY-MM-DD), or null.",
        "type": ["string", "null"], "pattern": PATTERNS["date"],
    },
    "summary": {"description": "The curator's one sentence on why to read it (plain text), or \"\".", "type": "string"},
    "notes": {"description": "The curator's notes (Markdown source), or \"\".", "type": "string"},
}
SCHEMA = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "title": "papers.json of a reading list",
    "description": "Every paper of the list, one object each, in id order.",
    "type": "array",
    "items": {
        "type": "object",
        "additionalProperties": False,
        "required": sorted(_PROPERTIES),
        "properties": _PROPERTIES,
    },
}


_ENCODE = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode


def paper_line(paper: Paper, site: Site) -> str:
    """One paper's line of papers.json; it depends on the paper, its topics and related."""
    return _ENCODE(paper_record(paper, site))


def papers_json(site: Site) -> str:
    """The whole file at once (the build joins it from each paper's `paper_line_bytes`)."""
    return join_lines([paper_line(p, site) for p in sorted(site.papers, key=lambda p: p.id)])


def join_lines(lines: Sequence[str]) -> str:
    """The file from its papers' lines, in id order."""
    return "[\n" + ",\n".join(lines) + "\n]\n" if lines else "[]\n"


def paper_line_bytes(paper: Paper, site: Site) -> bytes:
    """`paper_line`, encoded as the file is (UTF-8)."""
    return paper_line(paper, site).encode("utf-8")


def join_line_bytes(lines: Sequence[bytes]) -> bytes:
    """`join_lines` for encoded lines: the file's very bytes. Joining 20 MB of bytes
    costs a third of joining the same text (which holds characters beyond ASCII) and
    then encoding it, and each line is encoded once, when it changes."""
    return JSON_FILE.whole(lines)


# papers.json as joined from its papers' encoded lines (`join_lines`' layout).
JSON_FILE = Joined(b"[\n", b",\n", b"\n]\n", b"[]\n")
