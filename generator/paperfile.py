"""The text of the paper files the importer writes: a new file emitted directly (fast,
fields in schema order), an existing one edited through ruamel.yaml's round trip in the
file's own indentation."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
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


def field_line(name: str, value: str) -> str:
    """The line of a paper file giving its year, venue, arXiv id or DOI, as a new file
    writes it: a year of digits bare, an arXiv id or DOI (or another year) quoted, so
    that YAML reads text ("1806.07366" is no number), a venue quoted only if it must be."""
    if name == "year" and value.isdigit():
        return f"year: {value}"
    if name == "venue":
        return f"venue: {paperyaml.scalar(value)}"
    return f"{name}: {paperyaml.double_quoted(value)}"


def new_file_text(paper_id: str, values: dict[str, object], links: Iterable[Link]) -> str:
    """The text of a new paper file, fields in schema order."""
    by_kind: dict[str, list[dict[str, object]]] = {kind: [] for kind in LINK_KINDS}
    for link in links:
        by_kind[link.kind].append(link_dict(link))
    # A slug can be a word YAML reads as null or a boolean ("null", "yes"): quoted then.
    lines = [paperyaml.SCHEMA_COMMENT, f"id: {paperyaml.scalar(paper_id)}"]
    lines.append(f"title: {paperyaml.scalar(str(values.get('title') or ''))}")
    lines += paperyaml.string_list("authors", list(values.get("authors") or []))  # type: ignore[call-overload]
    if values.get("editors"):  # (only a record that names them: most papers have none)
        lines += paperyaml.string_list("editors", list(values["editors"]))  # type: ignore[call-overload]
    if values.get("year"):
        lines.append(field_line("year", str(values["year"])))
    if values.get("venue"):
        lines.append(field_line("venue", str(values["venue"])))
    if values.get("venue_kind"):
        lines.append(f"venue_kind: {values['venue_kind']}")  # one of models.VENUE_KINDS
    for name in ("volume", "number", "pages", "publisher"):
        if values.get(name):  # (quoted when YAML would read a number: "33" stays text)
            lines.append(f"{name}: {paperyaml.scalar(str(values[name]))}")
    for name in ("arxiv", "doi"):
        if values.get(name):
            lines.append(field_line(name, str(values[name])))
    if values.get("citation_key"):  # (quoted when YAML would read no text: "2020", "true")
        lines.append(f"citation_key: {paperyaml.scalar(str(values['citation_key']))}")
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
    if values.get("notes"):  # (a reference manager's note: ingest.Record.notes)
        lines += paperyaml.text_block("notes", str(values["notes"]))
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
    # Never fold a line: 4,096 folded a curator's longer note or address (a line kept
    # as written would come back on two) and a long venue the import wrote.
    yaml.width = sys.maxsize
    yaml.indent(mapping=mapping, sequence=max(sequence, offset + 2), offset=offset)
    return yaml


@dataclass(frozen=True)
class Unread:
    """A place ruamel's round trip cannot read, though the file's reader does (a tab
    before a comment or after a value): (1-based) line, column, what is there."""

    line: int
    column: int
    problem: str

    def said(self, who: str) -> str:
        """The error ``who`` (the command that would edit the file) reports at the place."""
        return (
            f"{who} cannot edit this file in place: the reader that keeps its comments stops "
            f"here, at {self.problem}; nothing was written"
        )


def unread(original: str, error) -> Unread:  # type: ignore[no-untyped-def]
    """Where ruamel's ``error`` (a MarkedYAMLError) stopped reading ``original``, and why."""
    # (ruamel's scanner refuses a tab PyYAML's reads as white space: "tags: []\t# c")
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    lines = original.splitlines()
    tab = line <= len(lines) and lines[line - 1][column - 1 : column] == "\t"
    return Unread(line, column, "a tab (write a space for it)" if tab else str(error.problem or error))


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
    return paperyaml.ruamel_text(str(value), long_text=name in ("abstract", "notes"))


def insert_field(data, name: str, value: object) -> None:  # type: ignore[no-untyped-def]
    """Set ``name`` in a round-trip mapping: in place if present, else in schema order.
    A list put in place of one the file writes in brackets (``authors: [a, b]``) is
    written in brackets too: the file's style is the curator's, not the import's to
    change. (An empty ``[]`` says no style: a list then takes the usual lines.)"""
    if name in data:
        if in_brackets(data[name]) and hasattr(value, "fa"):
            value.fa.set_flow_style()
        data[name] = value
        return
    rank = _ORDER.index(name) if name in _ORDER else len(_ORDER)
    position = 0
    for i, key in enumerate(data):
        if key in _ORDER and _ORDER.index(key) < rank:
            position = i + 1
    data.insert(position, name, value)


def in_brackets(value: object) -> bool:
    """Whether ``value``, as a round-trip load gave it, is a list written in brackets
    with an item in it."""
    from ruamel.yaml.comments import CommentedSeq

    return isinstance(value, CommentedSeq) and len(value) > 0 and bool(value.fa.flow_style())


def key_lines(data) -> list[tuple[int, str]] | None:  # type: ignore[no-untyped-def]
    """(line, key) of each top-level key of a round-trip mapping as loaded, in order; None
    when the file is no block mapping with each key at the start of its line."""
    from ruamel.yaml.comments import CommentedMap

    if not isinstance(data, CommentedMap) or not data or data.fa.flow_style():
        return None
    starts = []
    for key in data:
        line, column = data.lc.key(key)
        if column != 0 or not isinstance(key, str):
            return None
        starts.append((line, key))
    return starts if [line for line, _ in starts] == sorted({line for line, _ in starts}) else None


def keep_own_entries(
    original: str, starts: list[tuple[int, str]] | None, dumped: str, touched: set[str],
    dropped: set[str] | frozenset[str] = frozenset(),
) -> str:
    """``dumped`` (``original`` re-emitted by ruamel after an edit) with every top-level
    entry the edit did not touch written as ``original`` wrote it, and the lines above
    the first entry as there too. ``starts``: `key_lines` of ``original`` as loaded.

    ruamel re-emits a whole file: a one-line list loses its spacing (``[A,  B]   #
    checked`` became ``[A, B]    # checked``), a quoted key its quotes, a comment its
    column. An import that fills one field must leave the rest of the curator's text as
    it was. ``dumped`` itself is returned when either text's entries cannot be told
    apart by line, or when the joined text does not read as ``dumped`` does. ``dropped``:
    the keys the edit took out."""
    import yaml

    if starts is None:
        return dumped
    before = _split(original, starts)
    # ruamel's own output: an entry starts at each line that starts with neither a space,
    # a comment nor a list's dash (its values, block texts and comments are indented).
    lines = dumped.splitlines(keepends=True)
    heads = [n for n, line in enumerate(lines) if line[:1] not in ("", " ", "\n", "#", "-", "\t", ".")]
    after = _split(dumped, [(n, "") for n in heads])
    keys = [key for _, key in starts]
    if len(after[1]) != len(before[1]) + len(touched - set(keys)) - len(dropped & set(keys)):
        return dumped
    own_texts = dict(before[1])
    parts = [before[0]]
    lead = ""  # comment lines moved below the new entries (see below)
    # (The dumped entries are the original keys in order, with the new ones inserted.)
    dumped_keys = _dumped_keys(keys, touched, after[1])
    if dumped_keys is None:
        return dumped
    previous_own = False  # (whether the original entry above is written as the original wrote it)
    for key, (_, text) in zip(dumped_keys, after[1]):
        own = own_texts.get(key) if key not in touched else None
        if parts[-1] and not parts[-1].endswith("\n"):
            parts[-1] += "\n"  # (a last entry without a line break, now followed by another)
        if key not in own_texts and len(parts) > 1 and not lead:
            # New entries go above the comment lines right above the next entry: they are
            # that entry's ("# checked against the PDF" above "year:"), not the one
            # before's; so too a comment that ended the file, which still ends it.
            parts[-1], lead = _comment_tail(parts[-1])
        elif key in own_texts:
            parts.append(lead)
            lead = ""
        if key not in own_texts:
            # ruamel moves the comment lines that ended the entry above (or the file),
            # at any indentation, below the new one (a new entry has none of its own):
            # the curator's entry keeps them, so they would be there twice. An entry
            # above that the edit touched is ruamel's text, without them: they are then
            # the comment lines that go below the new entries.
            text, tail = _moved_comments(text)
            if not previous_own:
                lead = lead or tail
        parts.append(own if own is not None else text)
        if key in own_texts:
            previous_own = own is not None
    parts.append(lead)
    joined = "".join(parts)
    # Read back with the C reader (cheap: an import may edit thousands of files): the
    # entries the edit made as ruamel wrote them, and the curator's as they were. (Not
    # all as ruamel wrote them: its text of an entry it did not need to touch may read
    # otherwise, a block text's last line of spaces, then a comment, taken into it.)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        reads, meant = (yaml.load(text, Loader=loader) for text in (joined, dumped))  # noqa: S506
        same = reads == meant
        if not same and isinstance(meant, dict):  # (the original read only then)
            was = yaml.load(original, Loader=loader)  # noqa: S506
            if isinstance(was, dict):
                meant.update((key, was[key]) for key in own_texts if key not in touched and key in was and key in meant)
                same = reads == meant
    except yaml.YAMLError:
        same = False
    if same:
        return joined
    last = max(starts)[1] if starts else None
    if last is not None and not original.endswith("\n") and last not in touched:
        # The file's last entry, which ended it without a line break, now followed by
        # an entry the edit added: a block text there (`notes: |`) takes as its own the
        # line break it lacked, and reads otherwise. That entry alone is written as
        # ruamel writes it (`notes: |-`), the others as the curator wrote them.
        return keep_own_entries(original, starts, dumped, touched | {last}, dropped)
    return dumped


def _comment_tail(text: str) -> tuple[str, str]:
    """``text`` (an entry's lines) without the comment lines that end it, and those lines:
    only lines with "#" in the first column, which no value of a top-level key can hold
    (a block text's lines are indented), with no blank line below them."""
    lines = text.splitlines(keepends=True)
    cut = len(lines)
    while cut > 1 and lines[cut - 1].startswith("#"):
        cut -= 1
    return "".join(lines[:cut]), "".join(lines[cut:])


def _moved_comments(text: str) -> tuple[str, str]:
    """A new entry's lines without the comment and blank lines that end it, and those."""
    lines = text.splitlines(keepends=True)
    cut = len(lines)
    while cut > 1 and (not lines[cut - 1].strip() or lines[cut - 1].lstrip().startswith("#")):
        cut -= 1
    return "".join(lines[:cut]), "".join(lines[cut:])


def _split(text: str, starts: list[tuple[int, str]]) -> tuple[str, list[tuple[str, str]]]:
    """The lines above the first start, and each (key, lines from its start to the next)."""
    lines = text.splitlines(keepends=True)
    if not starts:
        return text, []
    ends = [line for line, _ in starts[1:]] + [len(lines)]
    return "".join(lines[: starts[0][0]]), [
        (key, "".join(lines[line:end])) for (line, key), end in zip(starts, ends)
    ]


def _dumped_keys(keys: list[str], touched: set[str], entries: list[tuple[str, str]]) -> list[str] | None:
    """Which key each dumped entry is, read from its first line; None if one is not a
    key of the file or of the edit."""
    known = set(keys) | touched
    found = []
    for _, text in entries:
        head = text.split(":", 1)[0].strip()
        key = head[1:-1] if len(head) >= 2 and head[0] == head[-1] and head[0] in "'\"" else head
        if key not in known:
            return None
        found.append(key)
    return found if len(set(found)) == len(found) else None


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
