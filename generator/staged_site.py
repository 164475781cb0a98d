"""A build's site is made in a folder beside the site folder and replaces it whole.

MkDocs empties the site folder and then writes the new site into it page by page, for
the 30-60 s a 10,000-paper build takes: a web server reading `site/` directly (a
curator's `python3 -m http.server -d site`, nginx on a lab box) served pages of two
builds, or none, meanwhile. Instead the hook points MkDocs at a staging folder beside
it (STAGING, a dot-folder in the same parent, so on the same file system), and once
the build has succeeded the finished site takes the site folder's place by a rename:
one atomic exchange of the two folders where the system has it (Linux), else two
renames a moment apart. The site folder is always one whole build, old or new.

What the old site folder held that no build writes (dot-files: a gh-pages worktree's
`.git`, which MkDocs' own emptying keeps) is moved into the new one before the
exchange; where one cannot be moved, the new site's files are moved in place instead.
A build killed at any point leaves folders the next build tidies (``tidy``) before it
begins: a staging folder is never published, the old site is put back if the site
folder is gone, and its dot-files a killed build had moved are put back. Once the new
site is in place, the old one is renamed to a name that says it goes (GONE) and then
deleted, Ctrl-C no longer held: the deletion takes seconds at 10,000 pages, and one
interrupted leaves that folder to the next build.

A folder of the old site this user may not delete (another user's files, in a project
folder two users share) is left, named GONE (or GONE-2, ... when that name is taken
already by one left before): the new site is published all the same, and the caller
says what was left (``left_behind``); each build tries again to delete them.

Two builds into one site folder would remove each other's staging folder: a build
holds the lock ``lock_file`` beside it (docslock.py's kind, which goes with its
process) from before it tidies to after it has published, and the next one waits.

Where no rename can replace the site folder (a mount point, a parent folder the build
cannot write in), ``begin`` says so and the build is made in place, as MkDocs does.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import glob
import os
import shutil
import stat
import sys
from pathlib import Path

from generator import served_site
from generator.interrupts import interrupts_held

# Beside the site folder SITE: ".SITE" + each. Being built (never published); built
# and waiting to replace the site folder, or, once it has, the old site; the old site
# between the two renames of a system with no exchange.
STAGING = ".readinglist-new"
BUILT = ".readinglist-built"
REPLACED = ".readinglist-old"
# The old site once the new one is in place, being deleted.
GONE = ".readinglist-gone"
# The lock a build holds on the site folder, and its record (docslock.py). (Not
# ".readinglist-*": `make clean` removes those, and a lock file removed while held
# lets a second build take a lock of its own.)
LOCK = ".readinglist.lock"
# The dot-files of the site folder that are this tool's own, never carried over.
_OWN = (served_site.ASIDE, served_site.ASIDE_FILES)


def beside(site: Path, which: str) -> Path:
    return site.parent / f".{site.name}{which}"


def lock_file(site_dir: Path) -> Path:
    """The lock a build holds on ``site_dir`` (docslock.hold), beside the folder it leads
    to, where the build's staging folder is."""
    return beside(Path(os.path.realpath(site_dir)), LOCK)


def site_of(folder: Path) -> Path | None:
    """The site folder that ``folder`` is the staging folder of, else None."""
    name = folder.name
    if name.startswith(".") and name.endswith(STAGING) and len(name) > len(STAGING) + 1:
        return folder.parent / name[1 : -len(STAGING)]
    return None


def begin(site_dir: Path) -> Path | None:
    """A new, empty staging folder for ``site_dir``, after tidying what a killed build
    left; None when no rename can replace the site folder (the build is then made in
    it, in place)."""
    site = Path(os.path.realpath(site_dir))  # (a link to /var/www/list: the folder it leads to)
    with interrupts_held():
        tidy(site)
    if site.exists() and (not site.is_dir() or os.path.ismount(site)):
        return None
    staging = beside(site, STAGING)
    try:
        staging.mkdir(parents=True)  # (a --site-dir whose parent is new: MkDocs made it)
    except OSError:
        return None
    _like(site, staging)
    return staging


def _like(site: Path, staging: Path) -> None:
    """``staging`` given the site folder's group and setgid bit, which MkDocs, building
    in the site folder itself, keeps: a lab's site folder of its group (2775, in a
    folder that is not setgid) was replaced by one of the builder's own group, its
    files too, which the lab's other users could then not replace."""
    try:
        info = site.stat()
        if not stat.S_ISDIR(info.st_mode):
            return
        if staging.stat().st_gid != info.st_gid:
            os.chown(staging, -1, info.st_gid)
        if info.st_mode & stat.S_ISGID:
            os.chmod(staging, stat.S_IMODE(staging.stat().st_mode) | stat.S_ISGID)
    except OSError:
        pass  # (no site folder yet, or a group this user is not of: as made)


def publish(site_dir: Path, staging: Path) -> bool:
    """The built site in ``staging`` replaces ``site_dir`` whole; False (nothing moved)
    when the system refused the renames, and the caller then moves it in place."""
    site = Path(os.path.realpath(site_dir))
    built = beside(site, BUILT)
    with interrupts_held():  # (Ctrl-C: after these few renames, not amid them)
        # The old site's dot-files go into the built one first: one its builder may not
        # move (a root-owned .well-known/ of `sudo certbot --webroot`; a folder moved
        # to another needs write permission on itself) was found only once the new
        # site had replaced it, which then stood without it.
        carried = _carry_in(site, staging) if site.is_dir() else []
        if carried is None:
            return False
        staging.rename(built)
        if not site.exists():
            built.rename(site)
            return True
        if _exchange(built, site):
            old = built
        else:
            old = beside(site, REPLACED)
            try:
                site.rename(old)
            except OSError:  # (a mount point, a folder of another's in a sticky /tmp)
                _refused(site, built, staging, carried)
                return False
            try:
                built.rename(site)
            except OSError:
                old.rename(site)
                _refused(site, built, staging, carried)
                return False
        gone = _free_gone(site)  # (builds take turns: no other build takes it meanwhile)
        old.rename(gone)
    # Published: a Ctrl-C need not wait for the deletion, and one pressed meanwhile (or
    # during the renames) leaves the old site to the next build's tidy.
    shutil.rmtree(gone, ignore_errors=True)
    return True


def left_behind(site_dir: Path) -> list[Path]:
    """The old sites' folders beside ``site_dir`` no build could delete (another user's
    files in them)."""
    site = Path(os.path.realpath(site_dir))
    gone = beside(site, GONE).name
    # (GONE and GONE-2, ... alone, as _free_gone names them: tidy deletes what this
    # returns, and ".site.readinglist-gone.bak/" is no build's.)
    numbered = {
        path: number
        for path in site.parent.glob(f"{glob.escape(gone)}*")
        if (number := _gone_number(path.name.removeprefix(gone))) is not None
    }
    return sorted(numbered, key=numbered.__getitem__)


def _free_gone(site: Path) -> Path:
    """GONE beside ``site``, or where one left there could not be deleted, GONE-2, ..."""
    number = 1
    while os.path.lexists(gone := beside(site, GONE if number == 1 else f"{GONE}-{number}")):
        number += 1
    return gone


def _gone_number(suffix: str) -> int | None:
    """N for the name GONE-N (``suffix`` "-N", N from 2), 1 for GONE (``suffix`` "");
    None for a name no build gives."""
    if not suffix:
        return 1
    number = suffix[1:]
    if suffix[0] != "-" or not (number.isascii() and number.isdigit()) or number[0] == "0":
        return None
    return int(number) if int(number) >= 2 else None


def _discard(site: Path, folder: Path) -> None:
    """``folder``, a killed build's leftover, deleted; where it cannot all be (another
    user's files), what is left of it is named as an old site is, out of the way."""
    shutil.rmtree(folder, ignore_errors=True)
    if os.path.lexists(folder):
        try:
            folder.rename(_free_gone(site))
        except OSError:
            # (A folder this user may not rename in either: a root-made staging folder
            # beside /var/www/list, /var/www root's. It stays, and the build is made in
            # place, as where no staging folder can be made.)
            pass


def _refused(site: Path, built: Path, staging: Path, carried: list[str]) -> None:
    """The built site back in the staging folder and the dot-files carried into it back
    in the site folder: as before ``publish``."""
    built.rename(staging)
    for name in carried:
        (staging / name).rename(site / name)


def move_in_place(site_dir: Path, staging: Path) -> None:
    """The built site in ``staging`` moved into ``site_dir`` entry by entry (copied where
    the folders are on different file systems), the old one removed first but for its
    dot-files: what MkDocs does, a half-built site showing meanwhile."""
    site = Path(os.path.realpath(site_dir))
    with interrupts_held():
        site.mkdir(parents=True, exist_ok=True)
        served_site.empty(site)
        for entry in sorted(staging.iterdir()):
            if not (site / entry.name).exists():
                shutil.move(entry, site / entry.name)
        shutil.rmtree(staging, ignore_errors=True)


def abandon(staging: Path) -> None:
    """A failed or interrupted build's staging folder goes; the site folder is untouched."""
    shutil.rmtree(staging, ignore_errors=True)


def tidy(site: Path) -> None:
    """What a build killed before it ended left beside ``site`` (and in it: the last
    good site an older version set aside there, served_site.py), so that the site
    folder is the last whole site built, with all its dot-files, and nothing else is
    left: the staging folder goes unpublished."""
    for gone in left_behind(site):  # (their dot-files were carried)
        shutil.rmtree(gone, ignore_errors=True)
    replaced = beside(site, REPLACED)
    if not site.exists() and replaced.is_dir():
        replaced.rename(site)  # (killed between the two renames: the old site is back)
    for left in (beside(site, BUILT), replaced):
        if left.is_dir():
            if site.is_dir():
                _carry_dot_files(left, site)
            _discard(site, left)
    staging = beside(site, STAGING)
    if staging.is_dir() and site.is_dir():
        _carry_dot_files(staging, site)  # (killed as it moved them into the built site)
    _discard(site, staging)
    if (site / served_site.ASIDE).is_dir():
        served_site.put_back(site, whole=True)
    shutil.rmtree(site / served_site.ASIDE_FILES, ignore_errors=True)


def _carry_in(site: Path, staging: Path) -> list[str] | None:
    """The names of the dot-files of ``site`` that ``staging`` lacked, moved into it;
    None when one could not be (those moved are then put back)."""
    moved: list[str] = []
    try:
        _carry_dot_files(site, staging, moved)
    except OSError:
        for name in moved:
            (staging / name).rename(site / name)
        return None
    return moved


def _carry_dot_files(old: Path, site: Path, moved: list[str] | None = None) -> None:
    """The dot-files of the old site folder ``old`` that ``site`` lacks, moved into it
    (their names added to ``moved``)."""
    for entry in sorted(old.iterdir()):
        if entry.name.startswith(".") and entry.name not in _OWN and not os.path.lexists(site / entry.name):
            entry.rename(site / entry.name)
            if moved is not None:
                moved.append(entry.name)


# renameat2(2)'s flag: swap the two paths, both of which must exist, in one step.
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(first: Path, second: Path) -> bool:
    """Swaps the folders at ``first`` and ``second`` atomically; False where the system
    cannot (not Linux, an old C library or kernel, a file system without it)."""
    if not sys.platform.startswith("linux"):
        return False
    renameat2 = _renameat2()
    if renameat2 is None:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EXDEV, errno.EBUSY, errno.EPERM, errno.EACCES):
        return False  # (the two renames say a real refusal, or manage)
    raise OSError(code, os.strerror(code), str(first), None, str(second))


def _renameat2():  # type: ignore[no-untyped-def]
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        function = libc.renameat2
    except (OSError, AttributeError):
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    function.restype = ctypes.c_int
    return function


def holds_a_site(site: Path) -> bool:
    """Whether ``site`` holds anything but dot-files: a site built before."""
    return site.is_dir() and any(not entry.name.startswith(".") for entry in site.iterdir())
