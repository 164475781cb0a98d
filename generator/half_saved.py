"""Under serve, a file found empty as an editor saving it in place had just emptied it.

Such an editor empties the file, then writes it. A rebuild that read it in between said
"the file is empty" and built every page again with that in the bar, then every page
again without it once the text came: twice the time of building every page (30 s each
at 10,000 papers), for a mistake nobody made. A file just changed and found empty is
given a moment to be written; one that stays empty is said then, and one emptied
before the change that built again is said at once.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from pathlib import Path

# Seconds. MkDocs' server looks at the files every 0.5 s and builds 0.1 s after a
# change: a file emptied by the change that started this build changed well within
# JUST_CHANGED. The MOMENT given is the server's own wait between looks.
JUST_CHANGED = 2.0
MOMENT = 0.5
LOOK_EVERY = 0.05


def pause(seconds: float) -> None:
    time.sleep(seconds)


def written_meanwhile(paths: Iterable[Path]) -> bool:
    """Whether one of ``paths``, found empty and changed in the last JUST_CHANGED
    seconds, has text within MOMENT (each looked at until all have, or it is over)."""
    since = time.time() - JUST_CHANGED
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
