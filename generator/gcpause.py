"""Keeping Python's cyclic garbage collector away from big loads that all stay alive.

Loading the content (a million small objects at 10,000 papers) or the build's memo
from the cache makes objects the collector would walk again and again while they are
made, and once more in full when it is switched back on (together 2-3x the time of the
load). They hold no reference cycles, so they are moved out of its sight for good
(`gc.freeze`); they are still freed as usual when nothing refers to them. The objects
of the modules the generator imports (build.py), which live as long as the process, are
frozen too.

Each kind of load freezes once in a process: `gc.freeze` moves every object the
collector tracks, garbage included, and a frozen cycle is never freed. Under `serve`
each rebuild loads again, and each freeze kept the cycles the build before had left
(MkDocs' pages and navigation): the server grew by 1.3 MB a rebuild on the shipped
list (benchmarks/serve_memory.py). A later load makes few objects (the file cache keeps
the records of unchanged files). Once per kind, not once per process: reading the
cache first must not leave a full load after it (the cache was stale) unfrozen.

Storing the memo makes no object that stays, so it only switches the collector off
(`off`): nothing it made is frozen. So does `readinglist import` for the whole command,
whose objects live until it ends: its garbage cycles wait for the collector until then
(at 10,000 BibTeX entries some 316,000 objects when it ends: its records, bibtexparser's
entries and fields, pylatexenc's caught exceptions and their frames). Run as the command
line's one command, it freezes them instead (`off_to_the_end`); called in a longer
process, nothing is frozen.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator

_FROZEN: set[str] = set()  # the kinds of load that froze in this process
# Set by the command line's entry point (cli.entry): the process ends with its one
# command, so what the command leaves for the collector need never be collected.
_ENDING = False


def process_ends() -> None:
    """Say that this process ends with the command it runs (`readinglist ...`, not a
    test or a server calling commands in turn)."""
    global _ENDING
    _ENDING = True


@contextmanager
def off_to_the_end() -> Iterator[None]:
    """``off`` for a command whose garbage is in cycles: in a process that ends with the
    command (``process_ends``), what is left tracked when the block ends is frozen, not
    walked. An import of 10,000 BibTeX entries leaves its records, bibtexparser's
    entries and their fields in cycles (some 316,000 objects): the collector's first
    pass after the block walked and freed them, 0.24-0.31 s of CPU, moments before the
    process ended and freed everything anyway. Elsewhere (tests, a server) it is
    ``off``: frozen cycles are never freed, and a long process would keep each import's.
    """
    with off():
        try:
            yield
        finally:
            if _ENDING:
                gc.freeze()


@contextmanager
def off() -> Iterator[None]:
    """The collector off while the block runs, and nothing frozen: for work that makes
    objects it would walk again and again, none of which outlive it (storing the memo:
    pickle holds what each reduce makes until the dump ends, 31,000 tuples at 10,000
    papers, and each pass walked the run's young objects: 0.05-0.06 s of a 0.5 s store;
    an import). On again after, however the block ends (an error, Ctrl-C)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@contextmanager
def paused(kind: str) -> Iterator[None]:
    """The collector off while the block runs; the first block of each ``kind`` in the
    process then freezes what is tracked."""
    with off():
        try:
            yield
        finally:
            if kind not in _FROZEN:
                _FROZEN.add(kind)
                gc.freeze()
