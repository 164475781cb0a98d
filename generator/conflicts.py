"""How the importer reports a value it did not take: a conflict, shown so that two long
values point at where they differ."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, replace

from .errors import Location
from .quoting import quoted


@dataclass(frozen=True)
class Conflict:
    """The import disagrees with a value in a paper's file; the file's value was kept and
    the source's not written. Said as such, each value as its side writes it: the
    file's at ``location``, the source's at ``source``."""

    location: Location  # the file's value
    field: str
    kept: str  # the file's value (a curator's, or an earlier record's), kept
    imported: str  # the source's, not written
    source: Location  # the record that disagrees
    # How the two are shown when not as `difference` shows them (an author list: the
    # names that differ, by `names_difference`).
    shown: tuple[str, str] | None = None
    # Why the file has no value, when it has none that is kept ("a book by MIT Press":
    # a publisher and no venue); ``kept`` is then "".
    absent: str = ""
    # The other records of the import that say the same (a file with one entry twice
    # under two keys): one conflict, not one a record (see `merged`).
    also: tuple[Location, ...] = ()
    # Why a record the import knows as the file's own source record (its citation key,
    # or DOI) was not taken as its correction, in a few words, when it tells
    # (importmerge._not_corrected): "the file's is yours, not what an import wrote".
    why: str = ""

    @property
    def message(self) -> str:
        kept, imported = self.shown or difference(self.kept, self.imported)
        ours = (
            f"the file has no {self.field} ({self.absent}), kept so" if self.absent
            else f"the file's {quoted(kept)} is kept"
        )
        also = (
            f" (so {'does' if len(self.also) == 1 else 'do'} {', '.join(map(str, self.also))})"
            if self.also else ""
        )
        why = f" ({self.why})" if self.why else ""
        return f"conflict in {self.field}: {ours}; {self.source} says {quoted(imported)}{also}, not written{why}"

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


def merged(conflicts: list[Conflict]) -> list[Conflict]:
    """``conflicts`` in their order, those that differ only in the record saying them one
    conflict, naming the first record and the others after it: the same disagreement
    said once a record only repeats it (and a conflict is counted a field, not a record)."""
    first: dict[tuple[object, ...], int] = {}
    said: list[Conflict] = []
    for conflict in conflicts:
        same = (
            conflict.location, conflict.field, conflict.kept, conflict.imported, conflict.shown, conflict.absent,
            conflict.why,
        )
        if same in first:
            earlier = said[first[same]]
            said[first[same]] = replace(earlier, also=(*earlier.also, conflict.source, *conflict.also))
        else:
            first[same] = len(said)
            said.append(conflict)
    return said


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
        return f"kept your {self.field} (the source has {quoted(imported)})"

    def __str__(self) -> str:
        return f"{self.location}: warning: {self.message}"


@dataclass(frozen=True)
class Recapitalised:
    """A title the source record an earlier import took for the paper (its citation key)
    now writes only in other capitals (or with another hyphen): recapitalised in the
    reference manager. Not taken, since capitals are the list's house style (a title in
    sentence case is a style, and "Deep residual learning" no mistake: importmerge's
    _same_title), but said, once per paper, so that the edit is not taken for one the
    import lost without a word. A note: the file is right as it is."""

    paper_id: str
    location: Location  # the file's title
    title: str  # the source's
    source: Location  # the record that writes it so
    capitals_only: bool = True  # else capitals, hyphens or spacing differ

    @property
    def message(self) -> str:
        how = "only capitals differ" if self.capitals_only else "only capitals, hyphens or spacing differ"
        return f"title: {self.source} writes it {quoted(self.title)} ({how}); kept as the file has it"

    def __str__(self) -> str:
        return f"{self.location}: note: {self.message}"


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


def names_difference(
    kept: list[str], imported: list[str], same: Callable[[str, str], bool], limit: int = 70,
) -> tuple[str, str]:
    """Two disagreeing author lists as a conflict shows them, each as its side spells it:
    whole when short, else the names from the first place where the two lists name
    another person to the last (``same``: one person however spelt, "J. Smith" and
    "John Smith"), in «», with two names either side, so that a long list points at the
    names that differ, not at a name only spelt otherwise. (A list without names the
    other has shows the names around that place, with no «».)"""
    ours, theirs = "; ".join(kept), "; ".join(imported)
    if len(ours) <= limit and len(theirs) <= limit:
        return ours, theirs
    shortest = min(len(kept), len(imported))
    start = next((n for n in range(shortest) if not same(kept[n], imported[n])), shortest)
    end = 0  # how many names at the end are one person's in both
    while end < shortest - start and same(kept[-1 - end], imported[-1 - end]):
        end += 1

    def region(names: list[str]) -> str:
        stop = len(names) - end
        changed = "; ".join(names[start:stop])
        if len(changed) > _CHANGED:
            changed = changed[: _CHANGED - 1] + "\u2026"
        # A list without names the other has, at its start, end or between two of its
        # names: shown around that place, as it begins ("A; B…"), ends ("…A; B") or goes
        # on there, whole when short, not with an empty «», which read as a name lost.
        # (The other list's «» shows the names more.)
        marked = [f"\u00ab{changed}\u00bb"] if stop > start else []
        if not marked and len("; ".join(names)) <= limit:
            return "; ".join(names)
        before = names[max(0, start - _AROUND) : start]
        after = names[stop : stop + _AROUND]
        return (
            ("\u2026" if start > _AROUND else "") + "; ".join([*before, *marked, *after])
            + ("\u2026" if stop + _AROUND < len(names) else "")
        )

    return region(kept), region(imported)


_AROUND = 2  # names shown either side of those that differ
