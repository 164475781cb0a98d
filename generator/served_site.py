"""Under `serve`, the last good site stays served while a build of every page fails.

Such a build empties the site folder first (MkDocs does, or the hook for a dirty build
of every page), and a mistake in a theme override stops it at the first page made
with it: the browser then found no page at all, not the last good ones, until the
mistake was fixed. Instead the site's files are set aside in a folder of the site
folder (a dot-folder: MkDocs' emptying keeps those, and removes the site folder with
them when the server stops); a failed build puts them back, a good one removes them.
"""

from __future__ import annotations

import shutil
from pathlib import Path

ASIDE = ".readinglist-last-good"


def set_aside(site_dir: Path) -> None:
    """Empties ``site_dir`` (dot-files aside, as MkDocs' clean_directory does) into its
    ASIDE folder: a rename per entry, nothing copied."""
    aside = site_dir / ASIDE
    if aside.exists():
        shutil.rmtree(aside)  # (a build stopped before it ended left it)
    if not site_dir.is_dir():
        return
    entries = [entry for entry in site_dir.iterdir() if not entry.name.startswith(".")]
    if entries:
        aside.mkdir()
        for entry in entries:
            entry.rename(aside / entry.name)


def put_back(site_dir: Path) -> None:
    """The files set aside, in place of what the failed build wrote."""
    aside = site_dir / ASIDE
    if not aside.is_dir():
        return
    _empty(site_dir)
    for entry in aside.iterdir():
        entry.rename(site_dir / entry.name)
    aside.rmdir()


def drop(site_dir: Path) -> None:
    """The build succeeded: the files set aside are not needed."""
    shutil.rmtree(site_dir / ASIDE, ignore_errors=True)


def _empty(site_dir: Path) -> None:
    for entry in site_dir.iterdir():
        if entry.name.startswith("."):
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()
