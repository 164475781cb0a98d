"""The built site's permissions: readable by everyone, and otherwise as MkDocs gives them.

MkDocs creates the site's files and folders as the umask allows: under a private umask
(077) every file was 0600 and every folder 0700, a site nobody but its builder could
read: a web server running as another user answers 403, and GitHub Pages refuses an
artifact holding a file without read permission for others. The site is published by
purpose, so every file is at least 0644 and every folder 0755, whatever the umask.

The write the umask gives the group (002, a lab's folder shared by its users) is kept,
as MkDocs keeps it: made 0644/0755 whatever the umask, the first user's site was one
the second could not replace (its old site left beside the site folder at every
build), and a folder's setgid bit (what is made in it keeps the folder's group) was
cleared by the chmod. So under 022 (the usual) files 0644 and folders 0755, as MkDocs;
under 002, 0664 and 0775, as MkDocs; under 077 or 027, 0644 and 0755, readable; under
000, 0664 and 0775 (MkDocs' 0666 and 0777 let anyone rewrite a published site).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .atomicfile import new_file_mode

FILE_MODE = 0o644
FOLDER_MODE = 0o755


def make_publishable(site_dir: Path) -> None:
    """Give every file under ``site_dir`` FILE_MODE and every folder FOLDER_MODE, each
    with the group's write where the umask gives it (never others'), and a folder's
    setgid bit kept.

    Symbolic links inside it are left alone (MkDocs makes none; a chmod through one
    would change the file it leads to, wherever that is), and so is what they lead to.
    ``site_dir`` itself may be one (a link to where a web server reads the site): the
    folder it leads to is the site's, and MkDocs writes in it as such.
    """
    # (The group's write a new file gets: never others', which umask 000 gives, a site
    # anyone on the machine could rewrite.)
    granted = stat.S_IWGRP & new_file_mode()
    top = os.path.realpath(site_dir)
    # (A link's own mode is not its folder's: a 0700 folder reached through one kept
    # every page from a web server running as another user.)
    _set(top, FOLDER_MODE | granted)
    for folder, folders, files in os.walk(top):  # (os.walk follows no links below it)
        for name in folders:
            _set(os.path.join(folder, name), FOLDER_MODE | granted)
        for name in files:
            _set(os.path.join(folder, name), FILE_MODE | granted)


def _set(path: str, mode: int) -> None:
    info = os.lstat(path)
    if stat.S_ISDIR(info.st_mode):
        mode |= info.st_mode & stat.S_ISGID  # (a chmod clears it otherwise)
    if not stat.S_ISLNK(info.st_mode) and stat.S_IMODE(info.st_mode) != mode:
        os.chmod(path, mode)
