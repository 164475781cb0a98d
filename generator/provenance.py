"""The importer's own view of each paper: what it has taken from the sources.

A re-import compares each source value with this view, not with the curated file, so
that a curator's deletion or edit is not mistaken for a gap to fill: a value the
importer already took once is the curator's to keep, change or delete (a three-way
merge with the view as the common base). Only a value the sources did not give before
is news: it fills an empty field, or is reported as a conflict.

The view lives in one committed file, ``content/sources/imported.json``, one line per
paper so that a diff shows which papers an import touched::

    {
     "format": 1,
     "papers": {
      "some-paper": {"fields":{"abstract":["3f1a..."],"title":["9c0e..."]},"links":["https://github.com/o/n"]}
     }
    }

Field values are kept as digests (sha256 of the value's JSON, 16 hex digits): equality
is all a re-import asks, the sources themselves are kept next to this file, and the
abstracts are not stored a third time. Link URLs are kept as themselves (the key the
importer compares links by: no trailing slash, lower case), so a curator can see which
links the importer found. Each field keeps every value the importer has taken for it,
so two sources that word a title differently (a listing and a .bib) do not raise the
same conflict in turn on every run. The title digests also identify the paper: a record
with a title the importer took for a paper is that paper, whatever a curator has since
retitled it to. Each title is kept as written and in the normalised form matching
compares (case, accents and punctuation removed), so a source that writes it
"Multi-task" for "Multi-Task" is that paper too, and the record of a paper a curator
deleted (a tombstone, kept whatever later imports offer) still keeps it deleted. A
record whose paper file is gone (or holds none of its values: the id was reused) is
followed to the paper a curator renamed it to when exactly one paper carries one of its
identity marks (see ``marks`` and tombstones.py). Besides the fields, ``"<field>
written"`` (``"title written"``, ``"authors written"``, ``"venue written"``...: importmatch.written) keeps
each value the importer wrote into the paper's file with each record that gave it
(importmatch.record_mark), and ``"left out"`` the pages, volume... of another venue it
said it left out: only a value so written is one a corrected source record replaces
(importmerge), not another source's that a curator copied in from a conflict. (Not
tags': their own rule.)
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Collection, Iterable, Mapping

from .errors import CuratorError, Location, Problem

RELATIVE_PATH = Path("sources") / "imported.json"
FORMAT = 1
# The fields whose values tell one paper from every other: a paper still holding one of
# the values the importer took for these is the paper that record is of.
IDENTITY_FIELDS = ("title", "arxiv", "doi", "abstract")
# The citation keys (BibTeX's, an RIS record's ID) of the source records taken for a
# paper, each with the tool that named it (key_digest), kept as a field's values are: no
# identity by itself ("smith2020" is many papers), but with the authors, year and an
# alike title the same record corrected. A record of an export that gives no key (RIS
# without an ID) is kept by its DOI or arXiv id instead (importmatch.record_name).
KEY_FIELD = "key"


@dataclass(frozen=True)
class Seen:
    """What the importer has taken for one paper: field -> value digests, and link keys."""

    fields: Mapping[str, frozenset[str]]
    links: frozenset[str]
    # An import found the paper's file gone: a curator deleted it (a tombstone). A file
    # that later has this id but none of these values is another paper under a freed id.
    deleted: bool = False
    # A paper an import found renamed leaves its old id this entry, with no values: the
    # id it has now, so `check` still says so where the old id is named (and no new
    # paper takes the old id, which those references would then name by mistake).
    renamed_to: str = ""
    # Written by an import before it put the paper's new file in place, so that a run
    # killed in between leaves no paper without its record: kept once the file is
    # there, forgotten when it is not (the run ended before; see importer).
    pending: bool = False

    def has_value(self, name: str, value: object) -> bool:
        return digest(value) in self.fields.get(name, frozenset())

    def marks(self) -> frozenset[tuple[str, str]]:
        """What identifies the paper: (field, digest) for each identity value the importer
        took; compare with ``marks_of``. Links are no identity: two papers of one lab
        often share a code repository."""
        return frozenset(
            (name, value) for name in IDENTITY_FIELDS for value in self.fields.get(name, ())
        )

    def union(self, other: Seen) -> Seen:
        if other.links <= self.links and all(
            digests <= self.fields.get(name, frozenset()) for name, digests in other.fields.items()
        ):
            return self  # the usual re-import: nothing new
        names = set(self.fields) | set(other.fields)
        fields = {
            name: self.fields.get(name, frozenset()) | other.fields.get(name, frozenset())
            for name in names
        }
        return Seen(fields, self.links | other.links, self.deleted)


# What json.dumps(value, ensure_ascii=False, separators=(",", ":")) writes, from one
# encoder (json.dumps makes one a call: a 10,000-entry import digests some 350,000 values).
_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


# The same encoder's text of one string (json's C function, which _COMPACT calls too).
_STRING = json.encoder.encode_basestring


def digest(value: object) -> str:
    if type(value) is str:
        # (An unchanged re-import of 10,000 records digests 70,000 strings, 40,000 of them
        # again: a paper's title, its year and venue, as found and as merged. Short ones
        # kept, a few MB at most; an abstract is digested once.)
        return _short_digest(value) if len(value) <= _SHORT else _hashed(_STRING(value))
    if type(value) is list and all(type(item) is str for item in value):
        # What _COMPACT writes of a list of strings, without its general encoder's
        # set-up each call (an import digests some 100,000 lists: authors, record marks).
        return _hashed("[" + ",".join(map(_STRING, value)) + "]")
    return _hashed(_COMPACT.encode(value))


_SHORT = 300


@lru_cache(maxsize=1 << 13)
def _short_digest(value: str) -> str:
    return _hashed(_STRING(value))  # (what _COMPACT.encode does with a string, without its call)


def _hashed(data: str) -> str:
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:16]


@lru_cache(maxsize=1 << 16)  # (asked some 16 times a record of an import)
def key_digest(key: str, source: str = "") -> str:
    """How the record keeps a citation key: as BibTeX compares keys, in any capitals, with
    the source that named it (``Record.key_source``: the exporting tool, else the file's
    format), since two tools' "Garcia2020" are two names. Without a source: as imports
    before sources were told kept a key."""
    key = key.strip().casefold()
    return digest([source, key]) if source else digest(key)


def key_digests(key: str, source: str) -> tuple[str, ...]:
    """The digests a record of this key and source may have been kept under: with its
    source, and (by an import before sources were told) without."""
    return (key_digest(key, source), key_digest(key)) if source else (key_digest(key),)


def takes_key(taken: Collection[str], key: str, source: str, sources: Iterable[str]) -> bool:
    """Whether a paper whose key digests are ``taken`` was taken from the record of this
    key and source. A key kept without a source (by an import before sources were told)
    is the key of any source, as it was then, until the key is kept with one of
    ``sources`` (every source there is): then only that source's."""
    if key_digest(key, source) in taken:
        return True
    return key_digest(key) in taken and not any(key_digest(key, other) in taken for other in sources)


def marks_of(values: Mapping[str, object]) -> frozenset[tuple[str, str]]:
    """A paper's identity marks as it is now, in the form ``Seen.marks`` gives them."""
    return frozenset(
        (name, digest(value))
        for name in IDENTITY_FIELDS
        if isinstance(value := values.get(name), str) and value
    )


def load(path: Path) -> dict[str, Seen]:
    """The view kept at ``path``; empty when there is none yet (papers imported before
    the view existed merge fill-only). A damaged file is an error: guessing would let
    an import bring back what curators deleted."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise _damaged(path, str(exc)) from None
    try:
        text = raw.decode("utf-8")
        data = json.loads(text)
    except UnicodeDecodeError as exc:
        line, col = byte_place(raw, exc.start)
        raise _damaged(path, f"not UTF-8: {exc.reason}", line, col) from None
    except json.JSONDecodeError as exc:
        raise _damaged(path, exc.msg, exc.lineno, exc.colno) from None
    except (ValueError, RecursionError) as exc:  # a number of 5,000 digits; 3,000 [[[
        raise _damaged(path, str(exc)) from None
    return views(path, text, data)


def views(path: Path, text: str, data: object) -> dict[str, Seen]:
    """The view kept at ``path``, of its text ``text`` read by JSON as ``data``: what
    `load` gives after reading the file (for `check`, which has read and parsed it
    already, to say where it is not JSON). A damaged view is an error, as there."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise _damaged(path, f"expected an object with \"format\": {FORMAT}")
    papers = data.get("papers")
    if not isinstance(papers, dict):
        raise _damaged(path, "expected \"papers\": an object of paper id -> view")
    views: dict[str, Seen] = {}
    for paper_id, entry in papers.items():
        fields = entry.get("fields") if isinstance(entry, dict) else None
        links = entry.get("links") if isinstance(entry, dict) else None
        deleted = entry.get("deleted", False) if isinstance(entry, dict) else None
        renamed_to = entry.get("renamed_to", "") if isinstance(entry, dict) else None
        pending = entry.get("pending", False) if isinstance(entry, dict) else None
        if (
            not isinstance(deleted, bool)
            or not isinstance(pending, bool)
            or not isinstance(renamed_to, str)
            or not isinstance(fields, dict)
            or not isinstance(links, list)
            or not all(isinstance(v, list) and all(isinstance(d, str) for d in v) for v in fields.values())
            or not all(isinstance(url, str) for url in links)
        ):
            raise _damaged(
                path, f"the entry of {paper_id!r} is not {{\"fields\": ..., \"links\": [...]}}",
                *_entry_place(text, paper_id),
            )
        views[paper_id] = Seen(
            {name: frozenset(values) for name, values in fields.items()},
            frozenset(links),
            deleted,
            renamed_to,
            pending,
        )
    return views


def byte_place(raw: bytes, at: int) -> tuple[int, int]:
    """(line, column) of byte ``at`` of ``raw``, the column in characters."""
    start = raw.rfind(b"\n", 0, at) + 1
    return raw.count(b"\n", 0, at) + 1, len(raw[start:at].decode("utf-8", "replace")) + 1


def _entry_place(text: str, paper_id: str) -> tuple[int, int]:
    """Where the file holds the entry of ``paper_id``: a key of the object inside the
    top-level one ("papers"), its last time there (JSON keeps the last of two, as a
    merge by hand may leave them); (0, 0) when it cannot be told."""
    at = -1
    opened: list[str | None] = []  # for each open bracket, the key it is the value of
    key = None
    for token in _JSON_TOKENS.finditer(text):
        first = token.group()[0]
        if first in "{[":
            opened.append(key)
            key = None
        elif first in "}]":
            if opened:
                opened.pop()
            key = None
        elif token.group(2):  # a key
            key = json.loads(token.group(1))
            if opened == [None, "papers"] and key == paper_id:
                at = token.start()
        else:
            key = None
    if at < 0:
        return 0, 0
    return text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at)


# A string (with the colon after it when it is a key), or a bracket.
_JSON_TOKENS = re.compile(r'("(?:[^"\\]|\\.)*")(\s*:)?|[{}\[\]]')


def _damaged(path: Path, why: str, line: int = 0, col: int = 0) -> CuratorError:
    return CuratorError(
        [
            Problem(
                Location(str(path), line, col),
                f"cannot read the importer's record of what it imported ({why}); restore it "
                "from git; deleting it would forget which papers curators deleted or renamed "
                "(an import would bring deleted papers back and fill again values curators "
                "removed); nothing was written",
            )
        ]
    )


# What `dumps` wrote of a view's values, for a later call given the same memo: (the
# identities of its fields and links, deleted, renamed_to) -> (those objects, kept
# alive so that the identities stay theirs; the text).
Encoded = dict[tuple[int, int, bool, str], tuple[object, object, str]]


def dumps(views: Mapping[str, Seen], encoded: Encoded | None = None) -> str:
    """The file's text: sorted throughout, one line per paper, the same bytes for the same view.
    ``encoded``: a memo of the views' entries, shared by calls that write the same views
    (an import writes its new papers' pending, then the same views settled)."""
    lines = ["{", f' "format": {FORMAT},', ' "papers": {']
    ids = sorted(views)
    for n, paper_id in enumerate(ids):
        comma = "," if n < len(ids) - 1 else ""
        lines.append(f"  {json.dumps(paper_id)}: {_entry_text(views[paper_id], encoded)}{comma}")
    lines += [" }", "}"]
    return "\n".join(lines) + "\n"


def _entry_text(seen: Seen, encoded: Encoded | None) -> str:
    """A view's JSON object, as `dumps` writes it."""
    key = (id(seen.fields), id(seen.links), seen.deleted, seen.renamed_to)
    memo = encoded.get(key) if encoded is not None else None
    if memo is not None and memo[0] is seen.fields and memo[1] is seen.links:
        text = memo[2]
    else:
        entry: dict[str, object] = {"deleted": True} if seen.deleted else {}
        entry |= {
            "fields": {name: sorted(seen.fields[name]) for name in sorted(seen.fields)},
            "links": sorted(seen.links),
        }
        if seen.renamed_to:
            entry["renamed_to"] = seen.renamed_to
        text = _COMPACT.encode(entry)
        if encoded is not None:
            encoded[key] = (seen.fields, seen.links, text)
    # "pending" is the object's last key (the compact encoder writes "}" last): the
    # entry of a new paper, pending, and of the same paper settled are one text but it.
    return text[:-1] + ',"pending":true}' if seen.pending else text
