"""How the importer reports a value it did not take: a conflict, shown so that two long
values point at where they differ."""

from __future__ import annotations

import os
from dataclasses import dataclass

from .errors import Location


@dataclass(frozen=True)
class Conflict:
    """The import disagrees with a curated value; the curated value was kept."""

    location: Location  # the curated value
    field: str
    kept: str
    imported: str
    source: Location  # the record that disagrees

    @property
    def message(self) -> str:
        kept, imported = difference(self.kept, self.imported)
        return f"conflict in {self.field}: kept {_quoted(kept)}, {self.source} says {_quoted(imported)}"

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


@dataclass(frozen=True)
class Kept:
    """A value a curator wrote over one the importer took, kept when a source offers the
    importer's again (a re-import): said, so the edit is not taken for one lost. A
    warning, as a conflict is: the source disagrees with the file, and the file wins."""

    location: Location  # the curated value
    field: str
    kept: str
    imported: str

    @property
    def message(self) -> str:
        _, imported = difference(self.kept, self.imported)
        return f"kept your {self.field} (the source has {_quoted(imported)})"

    def __str__(self) -> str:
        return f"{self.location}: warning: {self.message}"


def _quoted(text: str) -> str:
    """``text`` in quotes as written, so it can be copied: repr() doubled every backslash
    ('$\\\\alpha$' for $\\alpha$). What cannot be seen is shown by its Unicode picture (a
    line break "␤", a tab "␉"), never as "\\n", which TeX text holds ("\\nabla"); a value
    holding both kinds of quotes is quoted with “ ”."""
    shown = "".join(ch if ch.isprintable() else _PICTURES.get(ch, f"<U+{ord(ch):04X}>") for ch in text)
    if "'" not in shown:
        return f"'{shown}'"
    if '"' not in shown:
        return f'"{shown}"'
    return f"“{shown}”"


_PICTURES = {"\n": "␤", "\t": "␉", "\r": "␍"}


_CONTEXT = 30  # characters shown either side of a difference
_CHANGED = 60  # at most this much of the differing part
_WORD_MAX = 20  # a longer run of letters is not widened to whole words


def difference(kept: str, imported: str, limit: int = 70) -> tuple[str, str]:
    """Two disagreeing values as shown in a conflict: whole when short, else the region
    around their first difference, the differing part in «», so that two long abstracts
    that differ in one sentence do not both show the same opening words."""
    if len(kept) <= limit and len(imported) <= limit:
        return kept, imported
    texts = (kept, imported)
    prefix = common = len(os.path.commonprefix([kept, imported]))
    # Whole words: «ten» and «twelve», not t«en» and t«welve» (a word, not a run of text).
    while prefix > common - _WORD_MAX and prefix > 0 and kept[prefix - 1].isalnum():
        prefix -= 1
    if prefix > 0 and kept[prefix - 1].isalnum():
        prefix = common
    room = min(len(kept), len(imported)) - prefix
    suffix = common = min(len(os.path.commonprefix([kept[::-1], imported[::-1]])), room)
    while suffix > max(common - _WORD_MAX, 0) and kept[-suffix].isalnum() and any(
        len(t) > suffix and t[-suffix - 1].isalnum() for t in texts
    ):
        suffix -= 1

    def region(text: str) -> str:
        start = max(0, prefix - _CONTEXT)
        if start > 0 and text[start - 1] != " " and " " in text[start:prefix]:
            start = text.index(" ", start, prefix) + 1  # begin at a word
        end = len(text) - suffix
        changed = text[prefix:end]
        if len(changed) > _CHANGED:
            changed = changed[: _CHANGED - 1] + "\u2026"
        after = text[end : end + _CONTEXT]
        cut = end + _CONTEXT < len(text)
        if cut and " " in after:
            after = after[: after.rindex(" ")]  # end at a word
        return (
            ("\u2026" if start > 0 else "") + text[start:prefix] + "\u00ab" + changed + "\u00bb"
            + after + ("\u2026" if cut else "")
        )

    return region(kept), region(imported)
