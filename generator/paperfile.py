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


def keep_own_entries(original: str, dumped: str, touched: set[str], yaml) -> str:  # type: ignore[no-untyped-def]
    """``dumped`` (``original`` re-emitted by ruamel after an edit) with every top-level
    entry the edit did not touch written as ``original`` wrote it, and the lines above
    the first entry as there too.

    ruamel re-emits a whole file: a one-line list loses its spacing (``[A,  B]   #
    checked`` became ``[A, B]    # checked``), a quoted key its quotes, a comment its
    column. An import that fills one field must leave the rest of the curator's text as
    it was. ``dumped`` itself is returned when either text's entries cannot be told
    apart by line, or when the joined text does not read as ``dumped`` does."""
    before = _entry_texts(original, yaml)
    after = _entry_texts(dumped, yaml)
    if before is None or after is None:
        return dumped
    own_texts = dict(before[1])
    parts = [before[0]]
    for key, text in after[1]:
        own = own_texts.get(key) if key not in touched else None
        if parts[-1] and not parts[-1].endswith("\n"):
            parts[-1] += "\n"  # (a last entry without a line break, now followed by another)
        parts.append(own if own is not None else text)
    joined = "".join(parts)
    try:
        same = yaml.load(joined) == yaml.load(dumped)
    except Exception:  # (any reader error: the joined text is not to be written)  # noqa: BLE001
        same = False
    return joined if same else dumped


def _entry_texts(text: str, yaml) -> tuple[str, list[tuple[str, str]]] | None:  # type: ignore[no-untyped-def]
    """The lines above a file's first top-level key, and each top-level entry's lines
    (from its key to the next key), in order; None when the file is no block mapping
    with a key at the start of each entry's first line."""
    from ruamel.yaml.comments import CommentedMap

    data = yaml.load(text)
    if not isinstance(data, CommentedMap) or not data or data.fa.flow_style():
        return None
    starts = []
    for key in data:
        line, column = data.lc.key(key)
        if column != 0 or not isinstance(key, str):
            return None
        starts.append((line, key))
    if [line for line, _ in starts] != sorted({line for line, _ in starts}):
        return None
    lines = text.splitlines(keepends=True)
    ends = [line for line, _ in starts[1:]] + [len(lines)]
    entries = [(key, "".join(lines[line:end])) for (line, key), end in zip(starts, ends)]
    return "".join(lines[: starts[0][0]]), entries


def move_trailing_comment(last, new) -> None:  # type: ignore[no-untyped-def]
    """Before ``new`` is appended after ``last`` (two link items, round-trip mappings):
    the comment lines ruamel holds after ``last``'s final value, which in the file stand
    after the whole list ("# project pages to add later" above the next kind), move to
    ``new``, so that they stay after the list, not between two of its items. A comment
    at the end of ``last``'s own line stays there."""
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.tokens import CommentToken

    if not (isinstance(last, CommentedMap) and last and isinstance(new, CommentedMap) and new):
        return
    slot = last.ca.items.get(list(last)[-1])
    if not slot or len(slot) < 3 or slot[2] is None:
        return
    token = slot[2]
    cut = token.value.find("\n")
    if cut == -1 or not token.value[cut + 1 :].strip():
        return  # (only a comment on the item's own line, or blank lines)
    own_line, after = token.value[: cut + 1], token.value[cut + 1 :]
    if own_line.strip():
        token.value = own_line
    else:
        slot[2] = None
    new_slot = new.ca.items.setdefault(list(new)[-1], [None, None, None, None])
    new_slot[2] = CommentToken("\n" + after, token.start_mark, None)
