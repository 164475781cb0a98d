"""Under serve, a file read while an editor was still saving it.

An editor that saves in place empties the file, then writes it; one may write it in
two writes, or slowly (a big file, a network folder). A rebuild that read it in between
said "the file is empty", or a YAML syntax error of its first half (a list or a quote
not closed yet), and built every page again with that in the bar, then every page
again without it once the rest came: twice the time of building every page (30 s each
at 10,000 papers), for a mistake nobody made. A file just changed and found empty is
given a moment to be written (written_meanwhile); one found unreadable is looked at
until its save is over, and read again if it was written since the build read it
(rewritten_once_settled). One that stays so is said then, and one so since before the
change that built again is said at once: no mistake is kept from the bar.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from pathlib import Path

from .yamlio import SYNTAX_ERROR

# Seconds. MkDocs' server looks at the files every 0.5 s and builds 0.1 s after a
# change: a file emptied by the change that started this build changed well within
# JUST_CHANGED. The MOMENT given is the server's own wait between looks.
JUST_CHANGED = 2.0
MOMENT = 0.5
LOOK_EVERY = 0.05
# A file left alone this long is saved: the writes of one save come closer together
# than that (the server's half-second look and its 0.1 s wait caught a save whose two
# writes were 0.9 s apart between them, well within half a second of its first). One
# written on for longer than SETTLE_AT_MOST is read as it is then (its errors said, if
# it still has them: its next change builds again).
QUIET = 1.0
SETTLE_AT_MOST = 2.0
# A file's time is the kernel's clock at a tick (a few ms), behind time.time(): one
# written just after the build started may seem written just before.
TICK = 0.02

# What a file read halfway through its save says: the first half of a list or a quoted
# value (a YAML syntax error), a letter cut between its bytes (yamlio.not_utf8).
CUT_SHORT = (SYNTAX_ERROR, "the file is not UTF-8")


def pause(seconds: float) -> None:
    time.sleep(seconds)


def now() -> float:
    """time.time(), as tests set it."""
    return time.time()


def written_meanwhile(paths: Iterable[Path]) -> bool:
    """Whether one of ``paths``, found empty and changed in the last JUST_CHANGED
    seconds, has text within MOMENT (each looked at until all have, or it is over)."""
    since = now() - JUST_CHANGED
    emptied = [path for path in sorted(paths) if _empty_since(path, since)]
    for _ in range(round(MOMENT / LOOK_EVERY) if emptied else 0):
        pause(LOOK_EVERY)
        if not any(_empty_since(path, since) for path in emptied):
            return True
    return not all(_empty_since(path, since) for path in emptied)


def _empty_since(path: Path, since: float) -> bool:
    """Whether ``path`` is an empty file, changed after ``since`` (as time.time())."""
    try:
        info = path.stat()
    except OSError:
        return False  # (gone: no longer an empty file)
    return info.st_size == 0 and info.st_mtime > since


def rewritten_once_settled(paths: Iterable[Path], read_from: float) -> bool:
    """Whether one of ``paths``, files a build that started reading at ``read_from``
    (as time.time()) found cut short (CUT_SHORT) and changed in the JUST_CHANGED seconds
    before, was written since it was read: each looked at until it is left alone QUIET
    seconds (or SETTLE_AT_MOST are over), then its time and size. False at once when
    none changed lately."""
    first = {path: _look(path) for path in sorted(set(paths))}
    last = {path: seen for path, seen in first.items() if seen and seen[0] > read_from - JUST_CHANGED}
    # Since when each is left alone: its time, or the look that found it changed (a
    # file system that keeps whole seconds).
    alone = {path: seen[0] for path, seen in last.items() if seen}
    waited = 0.0
    while last and waited < SETTLE_AT_MOST and max(alone.values()) > now() - QUIET:
        pause(LOOK_EVERY)
        waited += LOOK_EVERY
        for path, seen in last.items():
            if (looked := _look(path)) != seen:
                last[path], alone[path] = looked, now()
    return any(
        seen is None or seen != first[path] or seen[0] > read_from - TICK for path, seen in last.items()
    )


def _look(path: Path) -> tuple[float, int, int] | None:
    """``path``'s time (as time.time()), its time to the nanosecond and its size; None
    when it is gone."""
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_mtime, info.st_mtime_ns, info.st_size
