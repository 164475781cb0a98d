"""Under `serve`, the last good site stays served while a build fails; under a build
made in place (where the site folder cannot be replaced whole: staged_site.py), the
last site stays in the site folder.

A build of every page empties the site folder first (MkDocs does, or the hook for a
dirty build of every page), and a dirty build of some pages removes those the
generator rewrote (see mkdocs_hook.on_nav); a mistake in a theme override stops
either at the first page made with it: the browser then found no page, not the last
good one, until the mistake was fixed. Instead those files are set aside in a folder
of the site folder (a dot-folder: MkDocs' emptying keeps those, and removes the site
folder with them when the server stops); a failed build puts them back, a good one
removes them.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from generator.interrupts import interrupts_held

ASIDE = ".readinglist-last-good"
# Where a dirty build sets aside the files it makes again: some of a site, which must
# never be taken for a whole one (see set_aside).
ASIDE_FILES = ".readinglist-last-good-files"
# The site folders whose last site this process set aside and has not put back or
# dropped since: a build Ctrl-C stopped puts back its own (put_back_mine), never what
# another build set aside there, building in place while this one waited for it.
_MINE: set[str] = set()


def set_aside(site_dir: Path) -> None:
    """Empties ``site_dir`` (dot-files aside, as MkDocs' clean_directory does) into its
    ASIDE folder: a rename per entry, nothing copied. (Made though the folder is empty:
    a failed first build then leaves it empty, not half built.)

    One there already was left by a build killed before it ended (`kill -9`, or Ctrl-C
    under plain `mkdocs build`: MkDocs runs no build_error event for it): it is the last
    good site, and the site folder holds that build's half; the half goes (MkDocs would
    empty the folder of it), the last good site stays set aside."""
    _MINE.add(os.path.abspath(site_dir))
    aside = site_dir / ASIDE
    shutil.rmtree(site_dir / ASIDE_FILES, ignore_errors=True)
    if not site_dir.is_dir():
        return
    if aside.is_dir():
        empty(site_dir)
        return
    entries = [entry for entry in site_dir.iterdir() if not entry.name.startswith(".")]
    # (Ctrl-C amid the renames left part of the last site in the folder, which the
    # next build emptied as a half: held until they are all made.)
    with interrupts_held():
        aside.mkdir()
        for entry in entries:
            entry.rename(aside / entry.name)


def holds_a_site(site_dir: Path) -> bool:
    """Whether the last good site set aside in ``site_dir`` has any file."""
    aside = site_dir / ASIDE
    return aside.is_dir() and any(aside.iterdir())


def set_aside_files(site_dir: Path, files: list[Path]) -> None:
    """Moves ``files`` of ``site_dir`` (those there) into its ASIDE_FILES folder, each at
    its place under it."""
    aside = site_dir / ASIDE_FILES
    if aside.exists():
        shutil.rmtree(aside)
    for file in files:
        if file.is_file():
            kept = aside / file.relative_to(site_dir)
            kept.parent.mkdir(parents=True, exist_ok=True)
            file.rename(kept)


def put_back(site_dir: Path, *, whole: bool) -> None:
    """The files set aside, in place of what the failed build wrote: all of them when
    the whole site was set aside (set_aside), else each file over its new one."""
    if whole:
        _MINE.discard(os.path.abspath(site_dir))
    aside = site_dir / (ASIDE if whole else ASIDE_FILES)
    if not aside.is_dir():
        return
    with interrupts_held():
        if whole:
            empty(site_dir)
            for entry in aside.iterdir():
                entry.rename(site_dir / entry.name)
        else:
            for kept in [path for path in aside.rglob("*") if not path.is_dir()]:
                place = site_dir / kept.relative_to(aside)
                place.parent.mkdir(parents=True, exist_ok=True)
                kept.replace(place)
        shutil.rmtree(aside)


def put_back_mine(site_dir: Path) -> None:
    """``put_back`` of the whole site, if this process set it aside."""
    if os.path.abspath(site_dir) in _MINE:
        put_back(site_dir, whole=True)


def drop(site_dir: Path) -> None:
    """The build succeeded: the files set aside are not needed."""
    _MINE.discard(os.path.abspath(site_dir))
    shutil.rmtree(site_dir / ASIDE, ignore_errors=True)
    shutil.rmtree(site_dir / ASIDE_FILES, ignore_errors=True)


def empty(site_dir: Path) -> None:
    """Removes what ``site_dir`` holds but its dot-files, as MkDocs' clean_directory does."""
    for entry in site_dir.iterdir():
        if entry.name.startswith("."):
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()
