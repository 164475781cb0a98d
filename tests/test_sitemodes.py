"""The built site's permissions (generator/sitemodes.py); test_build builds whole sites."""

from __future__ import annotations

import os
from pathlib import Path

from generator import sitemodes


def _mode(path) -> int:
    return os.stat(path).st_mode & 0o7777


def test_a_site_folder_reached_through_a_link_gets_the_folder_mode_too(tmp_path):
    # site_dir: a link to where a web server reads the site (/var/www/list), made under
    # a private umask: every file in it was made readable and the folder itself was
    # left 0700, so a web server running as another user could open no page of it.
    target = tmp_path / "www"
    (target / "papers").mkdir(parents=True)
    (target / "index.html").write_text("home")
    for path, mode in ((target, 0o700), (target / "papers", 0o700), (target / "index.html", 0o600)):
        os.chmod(path, mode)
    link = tmp_path / "site"
    link.symlink_to(target, target_is_directory=True)

    sitemodes.make_publishable(link)

    assert (_mode(target), _mode(target / "papers"), _mode(target / "index.html")) == (0o755, 0o755, 0o644)
    assert link.is_symlink()


def test_a_link_inside_the_site_and_what_it_leads_to_are_left_alone(tmp_path):
    outside = tmp_path / "private.txt"
    outside.write_text("secret")
    os.chmod(outside, 0o600)
    site = tmp_path / "site"
    site.mkdir()
    (site / "leak.txt").symlink_to(outside)

    sitemodes.make_publishable(site)

    assert _mode(outside) == 0o600 and _mode(site) == 0o755


def _small_site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    (site / "papers").mkdir(parents=True)
    (site / "index.html").write_text("home")
    return site


def _publishable_under(umask: int, site: Path) -> tuple[int, int, int]:
    """The modes of ``site``, its folder and its file, made publishable under ``umask``."""
    old = os.umask(umask)
    try:
        sitemodes.make_publishable(site)
    finally:
        os.umask(old)
    return _mode(site), _mode(site / "papers"), _mode(site / "index.html")


def test_the_write_the_umask_gives_the_group_and_a_folders_setgid_bit_are_kept(tmp_path):
    # A lab's folder shared by its users (setgid, umask 002): the site was made 0644 and
    # 0755, its folders' setgid bit cleared, as whatever the umask, so the second user
    # could not replace the first one's site. MkDocs gives 0664 and 0775 there.
    site = _small_site(tmp_path)
    for folder in (site, site / "papers"):
        os.chmod(folder, 0o2775)
    assert _publishable_under(0o002, site) == (0o2775, 0o2775, 0o664)
    # (The usual umask: as MkDocs, and as before.)
    assert _publishable_under(0o022, site) == (0o2755, 0o2755, 0o644)


def test_a_umask_that_gives_everyone_write_gives_the_site_the_groups_alone(tmp_path):
    # Under umask 000 (some containers' and CI runners') the site was made 0666 and
    # 0777: a site published from /var/www that anyone on the machine could rewrite.
    # Only the group's write is kept (a lab's shared folder), as the docstring says.
    assert _publishable_under(0o000, _small_site(tmp_path)) == (0o775, 0o775, 0o664)
