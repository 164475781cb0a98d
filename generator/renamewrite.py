"""Putting a rename's files in place: all of them or none, even when the process is
killed outright while it does so.

`readinglist rename` writes several files (the paper's new file, the files that name
it) and removes one (its old file). Each is written to a temporary beside it and
flushed to disk first. Then a journal, content/.rename.json, lists each temporary and
the file it becomes, the file to remove and the copies kept of the files replaced,
flushed to disk too; only then are the files put in place, and the journal goes last.
A rename killed meanwhile (`kill -9`, a power cut) leaves the journal, which holds all
it takes to finish: the next command that takes the import lock (rename, import, add)
finishes it first (unless a file it was still to write or remove was edited, or made
read-only, since: that file is not written over), and until then `check` (so build and serve) says so at the
journal instead of what the half-renamed files look like (two files of one paper). An error
or Ctrl-C while the files are put in place puts the old ones back: the journal is
removed first, so a journal there always means "finish", never "undo". A rename killed
before its journal was in place changed nothing; the temporaries it left are removed by
the next command that takes the lock (`remove_left_temporaries`).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .atomicfile import (
    atomic_write,
    create_temporary,
    read_only,
    remove_temporaries,
    sync_folder,
    temporary_name,
)
from .errors import CuratorError, Location, Problem
from .quoting import quoted

JOURNAL_NAME = ".rename.json"


@dataclass(frozen=True)
class Journal:
    """A rename being put in place: ``what`` ("paper" or "topic") ``old`` became ``new``."""

    what: str
    old: str
    new: str
    moves: tuple[tuple[Path, Path], ...]  # (temporary, the file it becomes), in order
    remove: Path | None  # the paper's old file
    kept: tuple[Path, ...]  # the copies of the files replaced (and of the removed one)
    # Each file replaced or removed, with its SHA-256 as the rename read it (None: no
    # such file): one changed since is not written over when the rename is finished.
    was: tuple[tuple[Path, str | None], ...]

    @property
    def command(self) -> str:
        return f"readinglist rename {'--topic ' if self.what == 'topic' else ''}{self.old} {self.new}"

    def __str__(self) -> str:
        return f"{self.what} {self.old} -> {self.new}"


def cut_off(journal_path: Path, shown: str) -> Problem | None:
    """What `check` says of a rename cut off (its journal at ``journal_path``), if any."""
    if not os.path.lexists(journal_path):
        return None
    try:
        journal = read(journal_path)
    except (OSError, ValueError):
        # (Not "run it again": a record that cannot be read is not finished by one.)
        return Problem(Location(shown), f"a rename was cut off, and its record cannot be read: {_UNREAD}")
    return Problem(
        Location(shown),
        f"a rename was cut off ({journal}): run `{journal.command}` again to finish it (an"
        " import finishes it too)",
    )


_UNREAD = (
    "the rename is not finished; check the list (readinglist check without this file),"
    " then remove this file"
)


def write_all(
    writes: list[tuple[Path, str, int]],
    remove: Path | None,
    content_dir: Path,
    named: tuple[str, str, str],
) -> None:
    """Every file of ``writes`` (path, text, permissions) written and ``remove``
    removed, or none. ``named``: (what, old, new), the rename, for its journal.

    A Ctrl-C is put off to the next step (see `_write_all`): a step is made whole before
    it stops the rename, and one pressed again while the files go back does not cut that
    short (the journal gone first, half the files would stay renamed). One that comes
    after the last file was in place came too late to stop the rename, which is whole."""
    from .workers import ctrl_c_put_off

    # A file named twice (a page and a link to it, both rewritten) is written once:
    # kept a second time, its kept copy would be of the text just written, and going
    # back would leave it renamed. Told apart by the file itself (one name may reach
    # it through a link to a folder above, /tmp on macOS, and the other not).
    once: dict[str, tuple[Path, str, int]] = {}
    for path, text, mode in writes:
        once.setdefault(os.path.realpath(path), (path, text, mode))
    writes = list(once.values())
    with ctrl_c_put_off() as put_off:
        _write_all(writes, remove, content_dir, named, lambda: put_off.had)


def _write_all(
    writes: list[tuple[Path, str, int]],
    remove: Path | None,
    content_dir: Path,
    named: tuple[str, str, str],
    stopped: Callable[[], bool],
) -> None:
    """`write_all`, asking ``stopped`` (a Ctrl-C came) between its steps."""

    def go_on() -> None:
        if stopped():
            raise KeyboardInterrupt

    temporaries: list[tuple[Path, Path]] = []
    journal_path = content_dir / JOURNAL_NAME
    try:
        for path, text, mode in writes:
            go_on()
            tmp = temporary_name(path)
            temporaries.append((tmp, path))
            with os.fdopen(create_temporary(tmp, mode), "wb") as handle:
                handle.write(text.encode("utf-8"))
                handle.flush()
                os.fsync(handle.fileno())
        # (Each replaced file is kept under a second name until all are in place: an
        # error puts them back. Named now, so that the journal lists them.)
        keep = {path: temporary_name(path) for _, path in temporaries if path.exists()}
        if remove is not None:
            keep[remove] = temporary_name(remove)
        was = tuple((path, _digest(path)) for path in [p for _, p in temporaries] + [remove] if path is not None)
        journal = Journal(*named, tuple(temporaries), remove, tuple(keep.values()), was)
        for folder in dict.fromkeys(tmp.parent for tmp, _ in temporaries):
            sync_folder(folder)  # (the temporaries are on disk before the journal names them)
        go_on()
        atomic_write(journal_path, _dumped(journal, content_dir))
    except BaseException:
        journal_path.unlink(missing_ok=True)  # (written, then Ctrl-C as its folder synced)
        for tmp, _ in temporaries:
            tmp.unlink(missing_ok=True)
        raise
    # Each step is listed before it is taken: an error may come once a step was made
    # (os.replace made, then a Ctrl-C where it is not put off, off the main thread), so
    # going back asks the files which steps were made (see _undo).
    begun: list[tuple[Path | None, Path, Path | None]] = []  # (temporary, path, its kept copy)
    try:
        for tmp, path in temporaries:
            go_on()
            begun.append((tmp, path, keep.get(path)))
            if path in keep:
                _keep(path, keep[path])
            os.replace(tmp, path)
        if remove is not None:
            go_on()
            begun.append((None, remove, keep[remove]))
            os.replace(remove, keep[remove])
    except BaseException:
        # The journal goes first: one left by a kill while the old files go back would
        # finish the rename over them.
        journal_path.unlink(missing_ok=True)
        sync_folder(content_dir)
        for step in reversed(begun):
            _undo(*step)
        for tmp, _ in temporaries:
            tmp.unlink(missing_ok=True)
        raise
    _done(journal, journal_path)


def _undo(tmp: Path | None, path: Path, kept: Path | None) -> None:
    """A step of `write_all` taken back, as far as it was made (and as far as the
    system lets it go back): ``tmp`` put in place at ``path``, its old text first kept
    at ``kept``; or, ``tmp`` None, ``path`` (the old file) moved to ``kept``."""
    try:
        if tmp is None:
            if kept is not None and not os.path.lexists(path) and os.path.lexists(kept):
                os.replace(kept, path)
        elif os.path.lexists(tmp):  # (not put in place: a copy it kept is a stray)
            if kept is not None:
                kept.unlink(missing_ok=True)
        elif kept is not None:
            os.replace(kept, path)
        else:
            path.unlink(missing_ok=True)  # (a new file: no file had its name before)
    except OSError:
        pass


def finish(content_dir: Path, folder: str) -> Journal | None:
    """Finishes the rename whose journal is in ``content_dir`` (the caller holds the
    import lock), and returns it; None when there is none. ``folder``: the content
    folder as the curator knows it ("content"), for an error."""
    journal_path = content_dir / JOURNAL_NAME
    if not os.path.lexists(journal_path):
        return None
    shown = f"{folder}/{JOURNAL_NAME}"
    try:
        journal = read(journal_path)
    except (OSError, ValueError) as error:
        raise CuratorError([Problem(
            Location(shown),
            f"a rename was cut off, and its record cannot be read ({error}): {_UNREAD}",
        )]) from None
    # A file whose temporary is gone and that still holds what the rename read was not
    # put in place (a rename writes only files it changes): finished without it, the
    # rename would be half made for good, its journal gone.
    before = dict(journal.was)
    gone = [
        path for tmp, path in journal.moves
        if not os.path.lexists(tmp) and (not os.path.lexists(path) or _digest(path) == before.get(path))
    ]
    if gone:
        # (A temporary removed by hand: the old file may be all there is of the paper.)
        raise CuratorError([Problem(
            Location(shown),
            f"a rename was cut off ({journal}), and {gone[0].name}, which it was writing, is"
            " gone: it cannot be finished; check the list, then remove this file",
        )])
    base = os.path.realpath(content_dir)
    pending = {path for tmp, path in journal.moves if os.path.lexists(tmp)}
    if journal.remove is not None and os.path.lexists(journal.remove):
        pending.add(journal.remove)
    otherwise = (
        f" `{journal.command}` again to finish the rename, or remove {shown} to leave the"
        " files as they are (and mend by hand what `readinglist check` says then)"
    )
    stopped = []
    for path, digest in journal.was:
        if path not in pending:
            continue
        shown_path = os.path.join(folder, os.path.relpath(path, base))
        verb = "remove" if path == journal.remove else "write"
        if _digest(path) != digest:
            stopped.append(Problem(
                Location(shown_path),
                f"changed since a rename ({journal}) was cut off, which was to {verb} it: undo"
                f" the change and run{otherwise}",
            ))
        elif read_only(path):
            # (As `rename` itself leaves a read-only file as it is: made so since the
            # rename was cut off, it is not replaced, nor removed, either.)
            stopped.append(Problem(
                Location(shown_path, 1, 1),
                f"this file is read-only, and a rename ({journal}) that was cut off is still"
                f" to {verb} it: make it writable (chmod u+w) and run{otherwise}",
            ))
    if stopped:
        raise CuratorError(stopped)
    try:
        for tmp, path in journal.moves:
            if os.path.lexists(tmp):  # (else put in place before the rename was cut off)
                os.replace(tmp, path)
        for folder in dict.fromkeys(path.parent for _, path in journal.moves):
            sync_folder(folder)
        if journal.remove is not None:
            journal.remove.unlink(missing_ok=True)
    except OSError as error:
        raise CuratorError([Problem(
            Location(shown), f"a rename was cut off ({journal}) and cannot be finished: {error}"
        )]) from None
    _done(journal, journal_path)
    return journal


# Folders only commands holding the import lock (rename, import, add) write, and the
# folders other commands write too, without it: `stars` content/repositories.yml, `init`
# content/topics.yml, and so on.
_LOCKED_FOLDERS = ("papers", "sources")
_SHARED_FOLDERS = (".", "pages")
# A temporary this old in a shared folder is no running command's (a write takes
# milliseconds).
LEFT_AGE = 60.0


def remove_left_temporaries(content_dir: Path) -> None:
    """Removes the temporaries that a rename, an import or any write killed outright
    left in the folders a rename or an import writes (git ignores them: a curator never
    sees them pile up). The caller holds the import lock and has finished any rename cut
    off (`finish`), whose journal names its temporaries: those are files still to put
    in place, kept while a journal is there."""
    if os.path.lexists(content_dir / JOURNAL_NAME):
        return
    for name in _LOCKED_FOLDERS:
        remove_temporaries(content_dir / name)
    for name in _SHARED_FOLDERS:
        remove_temporaries(content_dir / name, older_than=LEFT_AGE)


def _done(journal: Journal, journal_path: Path) -> None:
    """The files are in place: the kept copies, then the journal, go."""
    folders = [path.parent for _, path in journal.moves]
    if journal.remove is not None:
        folders.append(journal.remove.parent)
    for folder in dict.fromkeys(folders):
        sync_folder(folder)  # (the files on disk before the journal that finishes them goes)
    for kept in journal.kept:
        kept.unlink(missing_ok=True)
    journal_path.unlink(missing_ok=True)
    sync_folder(journal_path.parent)


def _digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        return None


def _keep(path: Path, kept: Path) -> None:
    """The file at ``path`` also at ``kept``, until the rename is done."""
    try:
        os.link(path, kept)  # (the file itself: nothing copied)
    except OSError:
        shutil.copy2(path, kept)  # (a file system without hard links)


def _dumped(journal: Journal, content_dir: Path) -> str:
    # Paths relative to the content folder (a project moved before the rename is
    # finished still finds them), both resolved (a file reached through a link). A file
    # of a folder linked from elsewhere (content/papers a link) is named through the
    # link: resolved, it is outside the content folder, where `read` finishes nothing.
    base = os.path.realpath(content_dir)

    def stored(path: Path) -> str:
        resolved = os.path.relpath(os.path.join(os.path.realpath(path.parent), path.name), base)
        if Path(resolved).parts[0] != "..":
            return resolved
        return os.path.relpath(os.path.abspath(path), os.path.abspath(content_dir))

    record = {
        "rename": journal.what,
        "old": journal.old,
        "new": journal.new,
        "put": [[stored(tmp), stored(path)] for tmp, path in journal.moves],
        "remove": stored(journal.remove) if journal.remove is not None else None,
        "kept": [stored(path) for path in journal.kept],
        "was": [[stored(path), digest] for path, digest in journal.was],
    }
    return json.dumps(record, indent=1) + "\n"


def read(journal_path: Path) -> Journal:
    """The journal at ``journal_path``; ValueError if it is not one."""
    base = Path(os.path.realpath(journal_path.parent))
    found = json.loads(journal_path.read_text(encoding="utf-8"))

    def inside(stored: object) -> Path:
        # (Finishing moves and removes the files a journal names: one edited by hand, or
        # garbled, must not name a file outside the content folder, "../x" or "/x".)
        if not isinstance(stored, str) or not stored or os.path.isabs(stored) or ".." in Path(stored).parts:
            raise ValueError(f"{quoted(stored)} is not a file inside the content folder")
        return base / stored

    try:
        what, old, new = (str(found[key]) for key in ("rename", "old", "new"))
        moves = tuple((inside(tmp), inside(path)) for tmp, path in found["put"])
        remove = inside(found["remove"]) if found["remove"] is not None else None
        kept = tuple(inside(path) for path in found["kept"])
        was = tuple((inside(path), None if digest is None else str(digest)) for path, digest in found["was"])
    except (KeyError, TypeError, ValueError) as error:
        raise ValueError(f"not a rename's record: {quoted(error)}") from None
    # Only a temporary beside the file it becomes, or a copy kept of a file replaced,
    # is moved or removed without a look at what it holds: a name of another kind (a
    # curator's own file) is no record of ours.
    targets = [path for _, path in moves] + ([remove] if remove is not None else [])
    for tmp, path in moves:
        if not _temporary_of(tmp, path):
            raise ValueError(f"not a rename's record: {quoted(tmp.name)} is no temporary of {quoted(path.name)}")
    for path in kept:
        if not any(_temporary_of(path, target) for target in targets):
            raise ValueError(f"not a rename's record: {quoted(path.name)} is no copy it kept")
    checked = {path for path, _ in was}
    if any(path not in checked for path in targets):  # (a file finished unchecked)
        raise ValueError("not a rename's record: a file it writes or removes is not in 'was'")
    return Journal(what, old, new, moves, remove, kept, was)


def _temporary_of(tmp: Path, path: Path) -> bool:
    """Whether ``tmp`` is a name `temporary_name(path)` gives."""
    return tmp.parent == path.parent and re.fullmatch(rf"\.{re.escape(path.name)}\.[0-9a-f]{{12}}\.tmp", tmp.name) is not None
