"""serve's look at its watched files as its first build begins (firstlook.py)."""

from __future__ import annotations

from generator import firstlook


def _project(root):
    papers = root / "content" / "papers"
    papers.mkdir(parents=True)
    for name in ("kept", "edited", "gone", "moved"):
        (papers / f"{name}.yml").write_text(f"id: {name}\n")
    (root / "mkdocs.yml").write_text("site_name: A list\n")
    return papers


def test_each_kind_of_change_since_the_look_is_found_and_nothing_else(tmp_path):
    papers = _project(tmp_path)
    watched = [str(tmp_path / "content"), str(tmp_path / "mkdocs.yml"), str(tmp_path / "overrides")]
    look = firstlook.take(watched)
    assert firstlook.files_changed(look, watched) == []
    (papers / "new.yml").write_text("id: new\n")
    (papers / "edited.yml").write_text("id: edited\ntitle: Longer now\n")
    (papers / "gone.yml").unlink()
    (papers / "moved.yml").rename(papers / "renamed.yml")
    (tmp_path / "overrides").mkdir()  # (not there at the look: its files are new)
    (tmp_path / "overrides" / "main.html").write_text("{% extends 'base.html' %}\n")
    (tmp_path / "mkdocs.yml").write_text("site_name: Another list\n")
    assert firstlook.files_changed(look, watched) == sorted(
        str(path) for path in (
            papers / "new.yml", papers / "edited.yml", papers / "gone.yml", papers / "moved.yml",
            papers / "renamed.yml", tmp_path / "overrides" / "main.html", tmp_path / "mkdocs.yml",
        )
    )


def test_a_file_written_before_the_look_is_no_change_and_a_path_not_looked_at_is_left_out(tmp_path, monkeypatch):
    papers = _project(tmp_path)
    (papers / "just-written.yml").write_text("id: just-written\n")  # (a moment before the look)
    look = firstlook.take([str(tmp_path / "content")])
    (tmp_path / "mkdocs.yml").write_text("site_name: Another list\n")
    # (relative, as MkDocs may name a watch: the server keys them absolute)
    monkeypatch.chdir(tmp_path)
    assert firstlook.files_changed(look, ["content", str(tmp_path / "mkdocs.yml")]) == []


def test_nothing_under_a_folder_left_out_is_a_change_nor_a_watch_that_is_one(tmp_path):
    # (The build's own docs, site and cache folders: a `watch:` of the project folder
    # covers them, and the first build writes them after the look.)
    papers = _project(tmp_path)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "old.md").write_text("# Old\n")
    watched = [str(tmp_path), str(tmp_path / "docs"), str(tmp_path / "site" / "papers")]
    left_out = [str(tmp_path / "docs"), str(tmp_path / "site")]
    look = firstlook.take(watched, left_out=left_out)
    assert list(look.snapshots) == [str(tmp_path)]  # (the two inside a folder left out: not looked at)
    (tmp_path / "docs" / "old.md").write_text("# Old, written again\n")
    (tmp_path / "docs" / "new.md").write_text("# New\n")
    (tmp_path / "site" / "papers").mkdir(parents=True)
    (tmp_path / "site" / "papers" / "index.html").write_text("<p>built</p>\n")
    (tmp_path / "sitemap.xml").write_text("<urlset/>\n")  # (a name "site" begins: not inside it)
    (papers / "new.yml").write_text("id: new\n")
    assert firstlook.files_changed(look, watched) == [str(papers / "new.yml"), str(tmp_path / "sitemap.xml")]


def test_a_folder_left_out_is_left_out_when_a_link_names_it_or_the_watch(tmp_path):
    # (MkDocs names the watches from mkdocs.yml's path as given, a link kept; the hook
    # names its cache from the link's target.)
    project = tmp_path / "project"
    project.mkdir()
    papers = _project(project)
    linked = tmp_path / "linked"
    linked.symlink_to(project, target_is_directory=True)
    look = firstlook.take([str(linked)], left_out=[str(project / ".cache"), str(linked / "site")])
    (project / ".cache" / "readinglist").mkdir(parents=True)
    (project / ".cache" / "readinglist" / "memo").write_text("kept\n")
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("<p>built</p>\n")
    (papers / "new.yml").write_text("id: new\n")
    assert firstlook.files_changed(look, [str(linked)]) == [str(linked / "content" / "papers" / "new.yml")]
    # A watch inside a folder left out, named through the link: not looked at.
    assert list(firstlook.take([str(linked / ".cache")], left_out=[str(project / ".cache")]).snapshots) == []
