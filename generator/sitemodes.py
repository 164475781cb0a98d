"""The built site's permissions: the same on every machine, and readable by everyone.

MkDocs creates the site's files and folders as the umask allows: under a private umask
(077) every file was 0600 and every folder 0700, under a shared group's (002) 0664 and
0775. The same content then gave a site whose bytes were identical but whose modes were
not, and a site nobody but its builder could read: a web server running as another
user answers 403, and GitHub Pages refuses an artifact holding a file without read
permission for others. The site is published by purpose, so its modes are fixed, as a
reproducible archive's are: files 0644, folders 0755.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

FILE_MODE = 0o644
FOLDER_MODE = 0o755


def make_publishable(site_dir: Path) -> None:
    """Give every file under ``site_dir`` FILE_MODE and every folder FOLDER_MODE.

    Symbolic links inside it are left alone (MkDocs makes none; a chmod through one
    would change the file it leads to, wherever that is), and so is what they lead to.
    ``site_dir`` itself may be one (a link to where a web server reads the site): the
    folder it leads to is the site's, and MkDocs writes in it as such.
    """
    top = os.path.realpath(site_dir)
    # (A link's own mode is not its folder's: a 0700 folder reached through one kept
    # every page from a web server running as another user.)
    _set(top, FOLDER_MODE)
    for folder, folders, files in os.walk(top):  # (os.walk follows no links below it)
        for name in folders:
            _set(os.path.join(folder, name), FOLDER_MODE)
        for name in files:
            _set(os.path.join(folder, name), FILE_MODE)


def _set(path: str, mode: int) -> None:
    info = os.lstat(path)
    if not stat.S_ISLNK(info.st_mode) and stat.S_IMODE(info.st_mode) != mode:
        os.chmod(path, mode)
