"""Writing paper curation files as YAML text that reads back as exactly what was meant.

New files are emitted here directly (field order from schema.PAPER_FIELDS), which is
fast and fully under our control: every string is written plain only when no YAML 1.1
or 1.2 resolver could read it as anything but that string; otherwise it is
double-quoted. Long abstracts become folded block scalars (``>-``) wrapped only at
single spaces between words, so folding gives back the exact text.

The same decisions are offered as ruamel.yaml scalar objects for the importer, which
edits existing files with ruamel's round-trip mode.
"""

from __future__ import annotations

import re
from typing import Iterable, Sequence

SCHEMA_COMMENT = "# yaml-language-server: $schema=../schema/paper.schema.json"
WIDTH = 88

# Strings that YAML 1.1 reads as booleans or null when plain.
_SPECIAL_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}
# Characters YAML can only carry escaped (or that some readers treat as line breaks).
_NEEDS_ESCAPE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]"
)
# A single space between two non-spaces: the only place a folded line may break, since
# folding turns each line break back into exactly one space.
_FOLD_POINT = re.compile(r"(?<=[^ ]) (?=[^ ])")
_PLAIN_BODY = re.compile(r"[^\t\n\[\]{}]*")


def _needs_escape(text: str) -> bool:
    """Whether ``text`` holds a character `_NEEDS_ESCAPE` matches: none of them is
    printable, so a printable text holds none (str.isprintable is one pass in C, the
    pattern's search twice its time: 4 µs an abstract of 1,500 characters, asked of every
    text a new paper file writes)."""
    return not text.isprintable() and _NEEDS_ESCAPE.search(text) is not None


def is_plain_safe(text: str) -> bool:
    """True when ``text`` can be written as a plain scalar and read back unchanged."""
    return (
        bool(text)
        and (text[0].isalpha() or text[0] == "(")
        and text == text.strip()
        and text.lower() not in _SPECIAL_WORDS
        and ": " not in text
        and " #" not in text
        and not text.endswith(":")
        and _PLAIN_BODY.fullmatch(text) is not None
        and not _needs_escape(text)
    )


def double_quoted(text: str) -> str:
    # (A table and a pattern, each a pass in C: a loop over each character took 0.25 s
    # of a 10,000-entry import. What the table writes holds nothing `_NEEDS_ESCAPE` matches.)
    escaped = text.translate(_ESCAPES)
    if _NEEDS_ESCAPE.search(escaped):
        escaped = _NEEDS_ESCAPE.sub(lambda m: f"\\u{ord(m.group()):04x}", escaped)
    return f'"{escaped}"'


_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t"})


def scalar(text: str) -> str:
    return text if is_plain_safe(text) else double_quoted(text)


def fold_lines(text: str, width: int = WIDTH) -> list[str] | None:
    """``text`` cut into lines that a folded scalar joins back with single spaces.

    None when folding cannot give back the exact text (line breaks, tabs, leading or
    trailing spaces, characters that need escapes).
    """
    if (
        not text
        or text != text.strip(" ")
        or "\n" in text
        or "\t" in text
        or "\r" in text
        or _needs_escape(text)
        or text.startswith(" ")
    ):
        return None
    lines: list[str] = []
    start = 0
    while len(text) - start > width:
        # The last fold point that keeps the line within ``width``; failing that (a
        # very long word), the first one after it.
        cut = text.rfind(" ", start + 1, start + width + 1)
        while cut > start and not _is_fold_point(text, cut):
            cut = text.rfind(" ", start + 1, cut)
        if cut <= start:
            match = _FOLD_POINT.search(text, start + width + 1)
            if match is None:
                break
            cut = match.start()
        lines.append(text[start:cut])
        start = cut + 1
    lines.append(text[start:])
    assert " ".join(lines) == text
    return lines


def _is_fold_point(text: str, index: int) -> bool:
    return text[index - 1] != " " and text[index + 1] != " "


def literal_lines(text: str) -> list[str] | None:
    """``text`` as the lines of a literal block (``|-``), when it has line breaks and that
    gives it back exactly and editably: an abstract's paragraphs, one a line with a blank
    line between, rather than one quoted line of ``\n`` escapes. None for a text whose
    spaces at a line's start or end an editor would strip or a block's indentation would
    take, with tabs, with a line break first or last (``|-`` drops the last), or with
    characters that need escapes."""
    if "\n" not in text or "\t" in text or _needs_escape(text) or text != text.strip("\n"):
        return None
    lines = text.split("\n")
    if any(line != line.strip(" ") for line in lines):
        return None
    return lines


def text_block(key: str, text: str, indent: str = "") -> list[str]:
    """``key: value`` lines for a long text: folded when that is exact, literal when it
    has line breaks (paragraphs), else quoted."""
    if (paragraphs := literal_lines(text)) is not None:
        return [f"{indent}{key}: |-"] + [f"{indent}  {line}" if line else "" for line in paragraphs]
    if len(text) > WIDTH:
        lines = fold_lines(text, WIDTH)
        if lines is not None and len(lines) > 1:
            body = [f"{indent}  {line}" for line in lines]
            return [f"{indent}{key}: >-"] + body
    return [f"{indent}{key}: {scalar(text)}"]


def string_list(key: str, items: Sequence[str]) -> list[str]:
    if not items:
        return [f"{key}: []"]
    return [f"{key}:"] + [f"  - {scalar(item)}" for item in items]


def link_items(links: Iterable[dict[str, object]], indent: str) -> list[str]:
    lines = []
    for link in links:
        lines.append(f"{indent}- url: {scalar(str(link['url']))}")
        lines.append(f"{indent}  found_in: {scalar(str(link['found_in']))}")
        if link.get("official"):
            lines.append(f"{indent}  official: true")
        if link.get("note"):
            lines.append(f"{indent}  note: {scalar(str(link['note']))}")
    return lines


# --- the same decisions as ruamel.yaml values, for round-trip edits -------------


def ruamel_text(text: str, long_text: bool = False) -> object:
    # (Imported here: only the importer's round-trip edits need ruamel.yaml, and every
    # build, check and rerun imports this module for `double_quoted`: 10 ms saved.)
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString, FoldedScalarString, LiteralScalarString

    if long_text and literal_lines(text) is not None:
        return LiteralScalarString(text)
    if long_text and len(text) > WIDTH:
        lines = fold_lines(text, WIDTH)
        if lines is not None and len(lines) > 1:
            folded = FoldedScalarString(text)
            positions, offset = [], 0
            for line in lines[:-1]:
                offset += len(line)
                positions.append(offset)
                offset += 1
            folded.fold_pos = positions  # type: ignore[attr-defined]
            return folded
    return text if is_plain_safe(text) else DoubleQuotedScalarString(text)
