"""A file joined from per-paper parts (papers.json, papers.csv, the BibTeX files), and
its next version as an edit of the one on disk: the bytes kept from its start, the
changed run of parts, the bytes kept to its end. Pure: no I/O here (write.py copies the
kept bytes from the file on disk, or falls back to the whole file).

A title edit at 10,000 papers changed one part in each of four files of 3-24 MB, which
were joined again whole (some 40 ms of CPU in a new process: the joins' copies and the
memory they fault in) and then written; spliced, only the changed part is made.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence


@dataclass(frozen=True)
class Joined:
    """How a file is made from its parts: ``head``, the parts with ``sep`` between them,
    ``tail``; ``empty`` without any part."""

    head: bytes
    sep: bytes
    tail: bytes
    empty: bytes = b""

    def whole(self, parts: Sequence[bytes]) -> bytes:
        if not parts:
            return self.empty
        # The head and tail go onto the first and last parts, so that the megabytes are
        # copied once (head + joined + tail would copy them twice more).
        parts = list(parts)
        parts[0] = self.head + parts[0]
        parts[-1] = parts[-1] + self.tail
        return self.sep.join(parts)

    def size(self, parts: Sequence[bytes]) -> int:
        if not parts:
            return len(self.empty)
        return len(self.head) + sum(map(len, parts)) + (len(parts) - 1) * len(self.sep) + len(self.tail)

    def splice(
        self, old: Sequence[bytes], new: Sequence[bytes], base: tuple[int, int, int]
    ) -> Spliced | None:
        """``whole(new)`` as an edit of ``whole(old)``, the file on disk whose size,
        mtime and ctime (ns) are ``base``; None where the change reaches the first or the last part
        (their neighbours are the head and tail, not a separator) or the file on disk
        is not the size ``old`` makes."""
        n, m = len(old), len(new)
        start = _common_prefix(old, new)
        if start == 0 or start == min(n, m):
            return None  # (a change at the first part, or only an end added or cut)
        end = _common_prefix(old[start:][::-1], new[start:][::-1])  # parts kept at the end
        if end == 0:
            return None
        sep = len(self.sep)
        # The old file: head, old[0], then sep + old[k] for each k, then the tail.
        keep = len(self.head) + sum(map(len, old[:start])) + (start - 1) * sep
        gone = sum(map(len, old[start : n - end])) + (n - end - start) * sep
        kept_end = sum(map(len, old[n - end :])) + end * sep + len(self.tail)
        if keep + gone + kept_end != base[0]:
            return None
        changed = new[start : m - end]
        middle = self.sep + self.sep.join(changed) if changed else b""
        return Spliced(base, keep, middle, keep + gone, keep + len(middle) + kept_end, self, list(new))


def _common_prefix(old: Sequence[bytes], new: Sequence[bytes]) -> int:
    """How many first parts ``old`` and ``new`` share, found by halving: each test
    compares a slice in C, mostly by identity (a rerun's unchanged parts are the very
    objects of the last run's)."""
    low, high = 0, min(len(old), len(new))  # old[:low] == new[:low]; old[:high + 1] differs
    while low < high:
        mid = (low + high + 1) // 2
        if old[low:mid] == new[low:mid]:
            low = mid
        else:
            high = mid - 1
    return low


@dataclass(frozen=True)
class Spliced:
    """A joined file's next bytes as an edit of the file on disk (`Joined.splice`): its
    first ``keep`` bytes, then ``middle``, then its bytes from ``resume`` on, ``size``
    bytes in all. Only while that file still has the size, mtime and ctime ``base``;
    else `whole` is the file to write."""

    base: tuple[int, int, int]
    keep: int
    middle: bytes
    resume: int
    size: int
    form: Joined
    parts: list[bytes]

    def whole(self) -> bytes:
        return self.form.whole(self.parts)
