"""The text `readinglist stars` writes over an existing content/repositories.yml: that
file with the figures that changed edited in place, through ruamel.yaml's round trip.

A curator may comment the file, order its entries or spell a key's case their own way;
a run keeps all of it. Only the values that changed are set; a new repository goes
where the sorted keys would put it; an entry or field that leaves the file (a
repository no paper links any more; stars and archived of one now gone) leaves its
comments where it stood, as comment lines. The result is checked: if a comment would
still be lost, nothing is written (`Unkept`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from io import StringIO

from .importwrite import comments
from .models import RepoStats
from .paperfile import Unread, keep_own_entries, key_lines, move_trailing_comment, round_trip_yaml, unread
from .repositories import HEADER, dump


@dataclass(frozen=True)
class Unkept:
    """A comment of the file the edit could not keep: (1-based) line, column, text."""

    line: int
    column: int
    comment: str


def _fields(stats: RepoStats) -> dict[str, object]:
    """An entry's fields, in the order the command writes them."""
    if stats.gone:
        return {"gone": True, "checked": stats.checked}
    return {"stars": stats.stars, "archived": stats.archived, "checked": stats.checked}


def edited(original: str, known: Mapping[str, RepoStats], stats: Mapping[str, RepoStats]) -> str | Unkept | Unread:
    """``original`` (a file that read cleanly as ``known``, lowercased keys) holding
    ``stats`` instead; or the first comment it cannot keep, or the place ruamel cannot
    read."""
    from ruamel.yaml.error import MarkedYAMLError

    try:
        return _edited(original, known, stats)
    except MarkedYAMLError as error:
        return unread(original, error)


def _edited(original: str, known: Mapping[str, RepoStats], stats: Mapping[str, RepoStats]) -> str | Unkept:
    from ruamel.yaml.comments import CommentedMap

    if dict(stats) == dict(known) and known:
        return original  # (nothing learned: not even read, which takes 2 s for 2,400 entries)
    yaml = round_trip_yaml(original)
    if nested := _FIELD.search(original):
        # (round_trip_yaml finds a paper's indentation under a key such as "links:";
        # this file's keys are addresses)
        yaml.indent(mapping=len(nested.group(1)), sequence=4, offset=2)
    # One day's date is one object in every entry asked today: written as itself in
    # each, not as "&id001" and aliases of it (which the reader refuses).
    yaml.representer.ignore_aliases = lambda data: True
    data = yaml.load(original)
    if not isinstance(data, CommentedMap):
        return _with_entries(original, stats)
    if not data:
        # A file of no entries written "{}": its comments stay, the entries go below.
        lines = original.splitlines(keepends=True)
        line, column = data.lc.line, data.lc.col
        rest = lines[line][column:].removeprefix("{").lstrip() if line < len(lines) else ""
        if lines[line][column:].startswith("{") and rest.startswith("}"):
            kept = (lines[line][:column] + rest[1:].lstrip()).rstrip()
            lines[line] = kept + "\n" if kept else ""
            return _with_entries("".join(line for line in lines if line.strip()), stats)
    spelt = {str(key).lower(): key for key in data}
    leaving = {key for lower, key in spelt.items() if lower not in stats}
    changing = {key: _fields(stats[lower]) for lower, key in spelt.items() if lower in stats and stats[lower] != known.get(lower)}
    new = sorted(set(stats) - set(spelt))
    if not (leaving or changing or new):
        return original
    # What leaves is taken out of the text itself, its comments kept as comment lines
    # there: ruamel would take with it the comment lines below it, which are the next
    # entry's, and the comments on its own lines.
    text = _without(original, data, leaving, changing)
    if text != original:
        data = yaml.load(text)
    if isinstance(data, CommentedMap):
        starts = key_lines(data)
        for key in list(data):
            if key in leaving:  # (still there when _without could not take it out)
                del data[key]
        for key, fields in changing.items():
            entry = data[key]
            for name in [name for name in entry if name not in fields]:
                del entry[name]  # (still there when _without could not take it out)
            for position, (name, value) in enumerate(fields.items()):
                if name not in entry:
                    entry.insert(position, name, value)
                elif str(entry[name]).lower() != _said(value):
                    entry[name] = value
        if not data:
            data.fa.set_block_style()  # (a file written "{}")
        for lower in new:
            _insert(data, lower, CommentedMap(_fields(stats[lower])))
        stream = StringIO()
        yaml.dump(data, stream)
        # (ruamel writes no entries as "{}")
        result = keep_own_entries(text, starts, stream.getvalue(), set(changing) | set(new)) if data else dump(stats)
    else:
        result = _with_entries(text, stats)  # (every entry left: their comments remain)
    kept = Counter(comment for _, _, comment in comments(result))
    for line, column, comment in comments(original):
        if not kept[comment]:
            return Unkept(line, column, comment)
        kept[comment] -= 1
    return result


# An entry's first field, indented as the file indents its entries.
_FIELD = re.compile(r"^[^\s#][^\n]*:[ \t]*(?:#.*)?\n( +)[A-Za-z_]", re.MULTILINE)


def _with_entries(text: str, stats: Mapping[str, RepoStats]) -> str:
    """A file of no entries (comments only, or empty) with ``stats``'s below its comments."""
    if not text.strip():
        return dump(stats)
    return text + ("" if text.endswith("\n") else "\n") + dump(stats).removeprefix(HEADER)


def _said(value: object) -> str:
    """A value as YAML says it, to tell whether it changed ("true", "87", "2026-11-30")."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _insert(data, lower: str, entry) -> None:  # type: ignore[no-untyped-def]
    """Add a new entry before the first key that sorts after it (in a sorted file, its
    sorted place); the comment lines above that key stay above it."""
    keys = list(data)
    position = next((i for i, key in enumerate(keys) if str(key).lower() > lower), len(keys))
    if position:
        move_trailing_comment(data[keys[position - 1]], entry)
    data.insert(position, lower, entry)


def _without(original: str, data, leaving: set[str], changing: Mapping[str, Mapping[str, object]]) -> str:  # type: ignore[no-untyped-def]
    """``original`` without the lines of the entries ``leaving`` and of the fields an
    entry ``changing`` no longer has, each comment on them kept where it stood as a
    comment line (indented as its line was). Only block entries at the start of their
    lines are taken out so; the others are left to ruamel (and the check after it)."""
    starts = key_lines(data)
    if starts is None:
        return original
    lines = original.splitlines(keepends=True)
    ends = [line for line, _ in starts[1:]] + [len(lines)]
    cut: set[int] = set()
    for (start, key), end in zip(starts, ends):
        if key in leaving:
            cut.update(range(start, end))
            continue
        entry = data[key]
        if key not in changing or entry.fa.flow_style():
            continue
        rows = [entry.lc.key(name)[0] for name in entry]
        if rows != sorted(set(rows)) or (rows and rows[0] <= start):
            continue  # (fields sharing a line, or one on the key's line)
        for name, row, after in zip(entry, rows, rows[1:] + [end]):
            if name not in changing[key]:
                cut.update(range(row, after))
    said = {line - 1: (column - 1, comment) for line, column, comment in comments(original)}
    out = []
    for number, line in enumerate(lines):
        if number not in cut or not line.strip():
            out.append(line)
        elif number in said:
            column, comment = said[number]
            indent = line[: len(line) - len(line.lstrip())]
            out.append(line if not line[:column].strip() else f"{indent}{comment}\n")
    return "".join(out)
