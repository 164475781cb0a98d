"""The text of the paper files the importer writes: a new file emitted directly (fast,
fields in schema order), an existing one edited through ruamel.yaml's round trip in the
file's own indentation."""

from __future__ import annotations

import re
from typing import Iterable

from . import paperyaml
from .models import LINK_KINDS, USUAL_LINK_KINDS, Link
from .schema import PAPER_FIELDS, field_names

_ORDER = field_names(PAPER_FIELDS)


def link_dict(link: Link) -> dict[str, object]:
    item: dict[str, object] = {"url": link.url, "found_in": link.found_in}
    if link.official:
        item["official"] = True
    if link.note:
        item["note"] = link.note
    return item


def new_file_text(paper_id: str, values: dict[str, object], links: Iterable[Link]) -> str:
    """The text of a new paper file, fields in schema order."""
    by_kind: dict[str, list[dict[str, object]]] = {kind: [] for kind in LINK_KINDS}
    for link in links:
        by_kind[link.kind].append(link_dict(link))
    # A slug can be a word YAML reads as null or a boolean ("null", "yes"): quoted then.
    lines = [paperyaml.SCHEMA_COMMENT, f"id: {paperyaml.scalar(paper_id)}"]
    lines.append(f"title: {paperyaml.scalar(str(values.get('title') or ''))}")
    lines += paperyaml.string_list("authors", list(values.get("authors") or []))  # type: ignore[call-overload]
    year = str(values.get("year") or "")
    if year:
        lines.append(f"year: {year if year.isdigit() else paperyaml.double_quoted(year)}")
    if values.get("venue"):
        lines.append(f"venue: {paperyaml.scalar(str(values['venue']))}")
    if values.get("venue_kind"):
        lines.append(f"venue_kind: {values['venue_kind']}")  # one of models.VENUE_KINDS
    for name in ("volume", "number", "pages", "publisher"):
        if values.get(name):  # (quoted when YAML would read a number: "33" stays text)
            lines.append(f"{name}: {paperyaml.scalar(str(values[name]))}")
    for name in ("arxiv", "doi"):
        if values.get(name):
            lines.append(f"{name}: {paperyaml.double_quoted(str(values[name]))}")
    lines.append("links:")
    for kind in LINK_KINDS:
        if by_kind[kind]:
            lines.append(f"  {kind}:")
            lines += paperyaml.link_items(by_kind[kind], "    ")
        elif kind in USUAL_LINK_KINDS:
            lines.append(f"  {kind}: []")
    lines += ["topics: []", "exclude_topics: []"]
    lines += paperyaml.string_list("tags", list(values.get("tags") or []))  # type: ignore[call-overload]
    lines.append(f"added: {values['added']}")
    lines.append("related: []")
    if values.get("abstract"):  # optional: a record without one gets no key, not ""
        lines += paperyaml.text_block("abstract", str(values["abstract"]))
    return "\n".join(lines) + "\n"


_NESTED_KEY = re.compile(r"^[A-Za-z_]+:[ \t]*(?:#.*)?\n( +)[A-Za-z_]", re.MULTILINE)
_SEQ_ITEM = re.compile(r"^[A-Za-z_]+:[ \t]*(?:#.*)?\n( *)-( +)", re.MULTILINE)


def round_trip_yaml(original: str):  # type: ignore[no-untyped-def]
    """A ruamel round-tripper that indents the way this file already does.

    ruamel re-emits the whole file with one indentation, so it is taken from the file:
    the first nested mapping gives the mapping indent, the first block list under a
    top-level key the dash's offset and the item indent (our own style by default).
    """
    from ruamel.yaml import YAML

    mapping, offset, sequence = 2, 2, 4
    if nested := _NESTED_KEY.search(original):
        mapping = len(nested.group(1))
    if item := _SEQ_ITEM.search(original):
        offset = len(item.group(1))
        sequence = offset + 1 + len(item.group(2))
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a curator's long lines
    yaml.indent(mapping=mapping, sequence=max(sequence, offset + 2), offset=offset)
    return yaml


def ruamel_value(name: str, value: object) -> object:
    from ruamel.yaml.comments import CommentedSeq
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    if name in ("arxiv", "doi"):
        return DoubleQuotedScalarString(str(value))
    if name == "year" and str(value).isdigit():
        return int(str(value))
    if isinstance(value, list):
        seq = CommentedSeq(paperyaml.ruamel_text(str(item)) for item in value)
        seq.fa.set_block_style()
        return seq
    return paperyaml.ruamel_text(str(value), long_text=name == "abstract")


def insert_field(data, name: str, value: object) -> None:  # type: ignore[no-untyped-def]
    """Set ``name`` in a round-trip mapping: in place if present, else in schema order."""
    if name in data:
        data[name] = value
        return
    rank = _ORDER.index(name) if name in _ORDER else len(_ORDER)
    position = 0
    for i, key in enumerate(data):
        if key in _ORDER and _ORDER.index(key) < rank:
            position = i + 1
    data.insert(position, name, value)
