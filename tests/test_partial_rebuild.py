"""Dirty rebuilds under serve (partial_rebuild.py, the hook): after every kind of edit
the site equals a clean build's byte for byte, and only the pages that changed are
built again."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import build, partial_rebuild
from tests.test_build import FIXTURE, REPO, tree

SERVE_URL = "http://127.0.0.1:8000/"


def _new_project(folder: Path) -> Path:
    """A project holding its own copy of the content and of the theme overrides."""
    root = folder / "project"
    root.mkdir()
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    (root / "generator").symlink_to(REPO / "generator", target_is_directory=True)
    shutil.copytree(REPO / "overrides", root / "overrides")
    shutil.copytree(FIXTURE, root / "content")
    (root / "docs").mkdir()
    return root


@pytest.fixture
def project(tmp_path, process_state):
    return _new_project(tmp_path)


def _build(root: Path, site: str, *, dirty: bool) -> Path:
    """One build as `mkdocs serve` makes it (dirty or not), into root/site."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    config = load_config(str(root / "mkdocs.yml"), site_dir=str(root / site), strict=True)
    config.site_url = SERVE_URL
    config.plugins.on_startup(command="serve", dirty=dirty)
    mkdocs_build(config, serve_url=SERVE_URL, dirty=dirty)
    return root / site


def _stamps(site: Path) -> dict[str, int]:
    return {
        p.relative_to(site).as_posix(): p.stat().st_mtime_ns
        for p in site.rglob("*.html")
    }


def _rebuilt(before: dict[str, int], site: Path) -> set[str]:
    return {path for path, stamp in _stamps(site).items() if before.get(path) != stamp}


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1))


def _check_against_clean(root: Path) -> None:
    """The served site equals a clean build of the same content."""
    served = tree(root / "served")
    clean = tree(_build(root, "clean", dirty=False))
    assert served.keys() == clean.keys()
    differing = [path for path in served if served[path] != clean[path]]
    assert differing == []


PAPER = "content/papers/task-vectors.yml"
# Written by every build: the 404 page, and the page at a renamed paper's old address
# (mkdocs-redirects writes them all, whatever changed).
EVERY_TIME = {"404.html", "papers/editing-models-with-task-vectors/index.html"}


@pytest.mark.slow
def test_each_edit_rebuilds_only_its_pages_and_gives_the_clean_builds_site(project):
    site = _build(project, "served", dirty=True)
    assert (site / "papers/task-vectors/index.html").is_file()

    # A notes edit: the paper's page and nothing else in HTML.
    before = _stamps(site)
    _edit(project / PAPER, "added: 2026-11-25", "added: 2026-11-25\nnotes: A *new* note.")
    _build(project, "served", dirty=True)
    assert _rebuilt(before, site) == {"papers/task-vectors/index.html", *EVERY_TIME}
    assert "<em>new</em> note" in (site / "papers/task-vectors/index.html").read_text()
    _check_against_clean(project)

    # A title edit: the pages that show the title, not the others.
    before = _stamps(site)
    _edit(project / PAPER, "title: Editing Models with Task Vectors", "title: Editing Models by Task Vectors")
    _build(project, "served", dirty=True)
    rebuilt = _rebuilt(before, site)
    assert {"papers/task-vectors/index.html", "papers/index.html", "index.html"} <= rebuilt
    assert "about/index.html" not in rebuilt and len(rebuilt) < len(before)
    _check_against_clean(project)

    # A new paper: its page is added; the search index holds it and every other page's entries.
    shutil.copy(project / PAPER, project / "content/papers/task-vectors-2.yml")
    _edit(project / "content/papers/task-vectors-2.yml", "id: task-vectors", "id: task-vectors-2")
    _edit(project / "content/papers/task-vectors-2.yml", "formerly: [editing-models-with-task-vectors]", "")
    _edit(project / "content/papers/task-vectors-2.yml", "arxiv: \"2212.04089\"", "arxiv: \"2212.04090\"")
    _edit(project / "content/papers/task-vectors-2.yml", "title: Editing Models by", "title: Merging Models by")
    before = _stamps(site)
    _build(project, "served", dirty=True)
    rebuilt = _rebuilt(before, site)
    assert "papers/task-vectors-2/index.html" in rebuilt and "about/index.html" not in rebuilt
    _check_against_clean(project)


def test_where_file_times_do_not_tell_edits_apart_the_generators_writes_are_built(
    project, monkeypatch
):
    # On a filesystem with whole-second times (ext3, HFS+, FAT), a page rewritten in the
    # second its HTML was written looked no newer, and MkDocs kept the stale HTML (a
    # reviewer's case, on an ext4 image made like ext3). Here every time reads the same.
    import os.path

    _build(project, "served", dirty=True)
    monkeypatch.setattr(os.path, "getmtime", lambda path: 0.0)
    _edit(project / PAPER, "added: 2026-11-25", "added: 2026-11-25\nnotes: Note number 0.")
    _build(project, "served", dirty=True)
    _edit(project / PAPER, "Note number 0.", "Note number 1.")
    _build(project, "served", dirty=True)
    assert "Note number 1." in (project / "served/papers/task-vectors/index.html").read_text()
    _check_against_clean(project)


@pytest.mark.slow
@pytest.mark.parametrize(
    "what",
    ["topic title", "hand-written page", "theme override", "removed paper", "content error"],
)
def test_an_edit_every_page_shows_rebuilds_every_page(project, what):
    site = _build(project, "served", dirty=True)
    before = _stamps(site)
    if what == "topic title":  # in every page's navigation
        _edit(project / "content/topics.yml", "title: Continual learning", "title: Lifelong learning")
    elif what == "hand-written page":  # its title too
        _edit(project / "content/pages/about.md", "# About the fixture", "# About this fixture")
    elif what == "theme override":
        main = project / "overrides/main.html"
        _edit(main, '<meta name="twitter:card" content="summary">', '<meta name="twitter:card" content="summary_large_image">')
    elif what == "removed paper":  # its page must not stay behind
        (project / "content/papers/hostile-inputs.yml").unlink()
    else:  # the errors show in a banner on every page
        _edit(project / PAPER, "year: 2023", "year: <b>x</b>")
    _build(project, "served", dirty=True)
    assert _rebuilt(before, site) == set(_stamps(site))
    if what == "content error":
        assert "md-banner" in (site / "about/index.html").read_text()
        # Another edit while the same error stands changes no page: none is built.
        before = _stamps(site)
        _edit(project / "content/papers/hostile-inputs.yml", "id: hostile-inputs", "id: hostile-inputs\n")
        _build(project, "served", dirty=True)
        assert _rebuilt(before, site) == EVERY_TIME
        _edit(project / PAPER, "year: <b>x</b>", "year: 2023")
        _build(project, "served", dirty=True)
        assert "md-banner" not in (site / "about/index.html").read_text()
    if what == "topic title":
        assert "Lifelong learning" in (site / "topics/model-merging/index.html").read_text()
    if what == "theme override":  # (not an old compiled template: see mkdocs_hook.on_env)
        assert 'content="summary_large_image"' in (site / "about/index.html").read_text()
        assert any((project / ".cache/readinglist/theme").iterdir())
    if what == "removed paper":
        assert not (site / "papers/hostile-inputs").exists()
    _check_against_clean(project)


def _feed_titles(site: Path) -> tuple[str, str]:
    """The main feed's title as a page's <link rel=alternate> gives it, and as the feed."""
    import html
    import re
    import xml.etree.ElementTree as ET

    link = re.search(r'<link rel="alternate" type="application/atom\+xml" title="([^"]*)"', (site / "about/index.html").read_text())
    assert link is not None
    return html.unescape(link.group(1)), ET.parse(site / "feed.xml").getroot().findtext("{http://www.w3.org/2005/Atom}title")


def test_the_pages_feed_link_is_titled_as_the_feed_and_follows_a_new_site_name(project):
    # A site named with a colon of its own titles its feed with a dash
    # (exports.feed_title); the link every page gives feed readers said "Learning across
    # tasks: a reading list: recently added papers", a title the feed does not have.
    # Renamed under serve, every page's link follows, as a clean build writes it.
    config = project / "mkdocs.yml"
    assert 'site_name: "Learning across tasks: a reading list"\n' in config.read_text()
    site = _build(project, "served", dirty=True)
    assert _feed_titles(site) == ("Learning across tasks: a reading list \u2014 recently added papers",) * 2
    _edit(config, 'site_name: "Learning across tasks: a reading list"', 'site_name: "Smith & Lab:"')
    _build(project, "served", dirty=True)
    assert _feed_titles(site) == ("Smith & Lab: recently added papers",) * 2
    assert 'title="Smith &amp; Lab: recently added papers"' in (site / "about/index.html").read_text()
    _check_against_clean(project)


def _reading_order_topics(page: Path) -> list[str]:
    """The topic links of a paper page's reading-order section, in order."""
    import re

    section = page.read_text().split('class="rl-neighbours"', 1)[1].split("</ul>", 1)[0]
    return re.findall(r'<li><a href="\.\./\.\./topics/([^/]+)/">', section)


@pytest.mark.slow
def test_a_paper_page_lists_its_reading_orders_in_the_home_pages_order_and_follows_a_reordered_topics_file(project):
    # The section follows the topics' order on the home page (topics.yml's, a sub-topic
    # after its parent), whatever order the paper names them in: topics.yml reordered
    # must replan the page.
    paper = project / "content/papers/replay-against-forgetting.yml"
    _edit(paper, "topics: [continual-learning]", "topics: [model-merging, continual-learning]")
    site = _build(project, "served", dirty=True)
    page = site / "papers/replay-against-forgetting/index.html"
    assert _reading_order_topics(page) == ["continual-learning", "model-merging"]
    before = _stamps(site)
    topics = project / "content/topics.yml"
    text = topics.read_text()
    head, rest = text.split("  - id: continual-learning\n", 1)
    continual, merging = rest.split("  - id: model-merging\n", 1)
    topics.write_text(f"{head}  - id: model-merging\n{merging.rstrip()}\n\n  - id: continual-learning\n{continual.rstrip()}\n")
    _build(project, "served", dirty=True)
    assert "papers/replay-against-forgetting/index.html" in _rebuilt(before, site)
    assert _reading_order_topics(page) == ["model-merging", "continual-learning"]
    _check_against_clean(project)


@pytest.mark.slow
def test_a_stylesheet_edit_copies_the_stylesheet_and_builds_no_page(project):
    site = _build(project, "served", dirty=True)
    sheet = project / "overrides/assets/readinglist.css"
    original, old_time = sheet.read_bytes(), sheet.stat().st_mtime_ns
    before = _stamps(site)
    sheet.write_bytes(original + b"\n.md-typeset h1 { letter-spacing: 0.01em; }\n")
    _build(project, "served", dirty=True)
    assert _rebuilt(before, site) == EVERY_TIME
    assert (site / "assets/readinglist.css").read_bytes().endswith(b"0.01em; }\n")
    _check_against_clean(project)

    # Put back with its old time, older than the copy: copied all the same.
    sheet.write_bytes(original)
    os.utime(sheet, ns=(old_time, old_time))
    _build(project, "served", dirty=True)
    assert (site / "assets/readinglist.css").read_bytes() == original
    _check_against_clean(project)

    # Editors' files beside it (a lock file is a dangling link; vim probes with "4913"):
    # no page built, and no failure.
    (project / "overrides/assets/.#readinglist.css").symlink_to("me@host.1234:1700000000")
    (project / "overrides/assets/readinglist.css~").write_bytes(original)
    (project / "overrides/assets/4913").write_text("")
    before = _stamps(site)
    _build(project, "served", dirty=True)
    assert _rebuilt(before, site) == EVERY_TIME

    # It goes away: every page is built, so that its copy does not stay behind.
    sheet.unlink()
    _build(project, "served", dirty=True)
    assert not (site / "assets/readinglist.css").exists()
    _check_against_clean(project)


@pytest.mark.slow
def test_a_theme_file_saved_unchanged_builds_no_page(project):
    # An editor's "save all", a `touch`, a branch switched and back: the file's time
    # moves, its text does not.
    site = _build(project, "served", dirty=True)
    before = _stamps(site)
    later = (project / "overrides/main.html").stat().st_mtime_ns + 5_000_000_000
    for name in ("main.html", "partials/copyright.html", "assets/readinglist.css"):
        os.utime(project / "overrides" / name, ns=(later, later))
    _build(project, "served", dirty=True)
    assert _rebuilt(before, site) == EVERY_TIME
    _check_against_clean(project)


@pytest.mark.slow
def test_a_new_file_in_the_overrides_builds_every_page(project):
    # A template may include a file under a name it makes, or one that may be missing.
    _edit(project / "overrides/main.html", "{% block styles %}\n  {{ super() }}\n",
          '{% block styles %}\n  {{ super() }}\n'
          '  <style>{% include "assets/late.css" ignore missing %}</style>\n')
    site = _build(project, "served", dirty=True)
    before = _stamps(site)
    (project / "overrides/assets/late.css").write_text(".late { color: red; }\n")
    _build(project, "served", dirty=True)
    assert _rebuilt(before, site) == set(_stamps(site))
    assert ".late { color: red; }" in (site / "about/index.html").read_text()
    _check_against_clean(project)


@pytest.mark.slow
def test_a_stylesheet_a_template_inlines_counts_as_a_template(project):
    _edit(project / "overrides/main.html", "{% block styles %}\n  {{ super() }}\n",
          '{% block styles %}\n  {{ super() }}\n  <style>{% include "assets/inline.css" %}</style>\n')
    inline = project / "overrides/assets/inline.css"
    inline.write_text(".inline-rule { color: red; }\n")
    site = _build(project, "served", dirty=True)
    before = _stamps(site)
    inline.write_text(".inline-rule { color: blue; }\n")
    _build(project, "served", dirty=True)
    assert _rebuilt(before, site) == set(_stamps(site))
    assert ".inline-rule { color: blue; }" in (site / "about/index.html").read_text()
    _check_against_clean(project)


@pytest.mark.slow
def test_a_template_in_a_linked_folder_of_the_overrides_is_watched(project, tmp_path):
    elsewhere = tmp_path / "shared-partials"
    shutil.move(project / "overrides/partials", elsewhere)  # (the project's own partials)
    footer = elsewhere / "footer.html"
    footer.write_text("<footer>Lab footer, first</footer>\n")
    (project / "overrides/partials").symlink_to(elsewhere, target_is_directory=True)
    site = _build(project, "served", dirty=True)
    footer.write_text("<footer>Lab footer, second</footer>\n")
    _build(project, "served", dirty=True)
    assert "Lab footer, second" in (site / "about/index.html").read_text()
    _check_against_clean(project)


def test_theme_edits_builds_every_page_unless_only_copied_files_changed():
    before = {"/o/main.html": (10, 1), "/o/a.css": (5, 1), "/o/b.css": (5, 1)}
    copied, loaded = {"/o/a.css", "/o/b.css"}, {"/o/main.html", "/o/b.css"}
    assert partial_rebuild.theme_edits(before, dict(before), copied, loaded) == (False, [])
    # A stylesheet no template loaded: copied again, no page built.
    assert partial_rebuild.theme_edits(before, {**before, "/o/a.css": (6, 2)}, copied, loaded) == (
        False, ["/o/a.css"])
    # One a template loaded, or a template: every page.
    assert partial_rebuild.theme_edits(before, {**before, "/o/b.css": (5, 2)}, copied, loaded)[0]
    assert partial_rebuild.theme_edits(before, {**before, "/o/main.html": (10, 2)}, copied, loaded)[0]
    # A new file, even one MkDocs copies: every page (a template may include it by a
    # name it makes, or with "ignore missing").
    assert partial_rebuild.theme_edits(before, {**before, "/o/c.css": (1, 1)}, copied | {"/o/c.css"},
                                       loaded)[0]
    assert partial_rebuild.theme_edits(before, {**before, "/o/partials/footer.html": (1, 1)}, copied,
                                       loaded)[0]
    # A file gone: every page (its copy must not stay).
    assert partial_rebuild.theme_edits(before, {"/o/main.html": (10, 1), "/o/b.css": (5, 1)},
                                       copied, loaded)[0]


# Edits that each switch something between two states, so that any sequence of them
# is valid content: (what, file, one text, the other).
TOGGLES = [
    ("topic title", "content/topics.yml", "title: Task arithmetic\n", "title: Arithmetic of tasks\n"),
    ("reading order", "content/topics.yml",
     "      - gradient-episodic-memory\n      - replay-against-forgetting\n",
     "      - replay-against-forgetting\n      - gradient-episodic-memory\n"),
    ("year of a linked paper", "content/papers/merging-by-arithmetic.yml", "year: 2024", "year: 2019"),
    ("code badge", PAPER, "https://github.com/example/task-vectors", "https://gitlab.com/example/task-vectors"),
    ("topic grows", "content/topics.yml", "      task arithmetic: 2\n", "      task arithmetic: 2\n      forgetting: 2\n"),
    ("notes", PAPER, "id: task-vectors\n", "id: task-vectors\nnotes: A *note*.\n"),
    ("title", "content/papers/gradient-episodic-memory.yml", "title: Gradient", "title: Revisiting Gradient"),
    ("abstract", PAPER, "This is task arithmetic.", "This is arithmetic on tasks, with merging."),
    # Each of two papers off the other's page.
    ("a pair ruled out", "content/papers/gradient-episodic-memory.yml", "status: classic\nadded:",
     "status: classic\nnot_related: [replay-against-forgetting]\nadded:"),
    # Pages written at old addresses: one goes (with the other toggle, the last one),
    # another comes.
    ("a former id dropped", PAPER, "formerly: [editing-models-with-task-vectors]", "formerly: []"),
    ("a former id added", "content/papers/replay-against-forgetting.yml",
     "id: replay-against-forgetting\n", "id: replay-against-forgetting\nformerly: [experience-replay]\n"),
    ("hand-written page", "content/pages/about.md", "# About the fixture", "# About this fixture"),
    ("home page text", "content/pages/index.md", "A small list", "A tiny list"),
    ("hand-written page's text", "content/pages/about.md", "are carried into", "are copied into"),
    ("a paper added", "content/papers/added.yml", None,
     "id: added\ntitle: Merging Task Vectors Again\nyear: 2025\nadded: 2026-11-26\n"
     "abstract: Task vectors and model merging, once more.\n"),
    ("a topic added", "content/topics.yml", None, None),
]
NEW_TOPIC = (
    "\n  - id: forgetting\n    title: Forgetting\n    description: Losing old tasks.\n"
    "    keywords:\n      forgetting: 2\n    threshold: 2\n"
)


def _toggle(root: Path, n: int) -> None:
    what, name, one, other = TOGGLES[n]
    path = root / name
    if what == "a topic added":
        text = path.read_text()
        path.write_text(text.replace(NEW_TOPIC, "") if NEW_TOPIC in text else text + NEW_TOPIC)
    elif one is None:
        if path.exists():
            path.unlink()
        else:
            path.write_text(other)
    else:
        text = path.read_text()
        path.write_text(text.replace(one, other, 1) if one in text else text.replace(other, one, 1))


@pytest.mark.slow
def test_every_toggle_in_turn_gives_the_clean_builds_site(project):
    _build(project, "served", dirty=True)
    for n in [*range(len(TOGGLES)), *range(len(TOGGLES))]:  # each edit, then each undone
        _toggle(project, n)
        _build(project, "served", dirty=True)
        _check_against_clean(project)


@pytest.mark.slow
@settings(max_examples=4, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.integers(0, len(TOGGLES) - 1), min_size=2, max_size=5))
def test_any_sequence_of_edits_gives_the_clean_builds_site(process_state, edits):
    process_state.clear()  # (the fixture is set up once for all examples)
    with tempfile.TemporaryDirectory() as folder:
        root = _new_project(Path(folder))
        _build(root, "served", dirty=True)
        for n in edits:
            _toggle(root, n)
            _build(root, "served", dirty=True)
            _check_against_clean(root)


@pytest.mark.slow
def test_a_build_that_failed_half_way_is_no_base_for_the_next(project, monkeypatch):
    import mkdocs.commands.build as mkdocs_build
    from mkdocs.exceptions import Abort

    _build(project, "served", dirty=True)
    topics = project / "content/topics.yml"
    _edit(topics, "without forgetting the earlier ones.", "without forgetting the older ones.")
    _edit(topics, "Combining the weights of", "Combining all the weights of")
    build_page = mkdocs_build._build_page

    def failing(page, *args, **kwargs):  # the second topic page fails, the first is written
        if page.file.src_uri == "topics/model-merging/index.md":
            raise RuntimeError("the disk is full")
        return build_page(page, *args, **kwargs)

    monkeypatch.setattr(mkdocs_build, "_build_page", failing)
    with pytest.raises((Abort, RuntimeError)):
        _build(project, "served", dirty=True)
    monkeypatch.setattr(mkdocs_build, "_build_page", build_page)
    _build(project, "served", dirty=True)  # nothing changed since: the retry must build all
    _check_against_clean(project)


def _build_strict(root: Path, site: str, monkeypatch) -> None:
    """`readinglist build --strict` (not serve): MkDocs aborts on the first error."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    monkeypatch.delenv("READINGLIST_SERVING", raising=False)
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(root / site), strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    mkdocs_build(config)


@pytest.mark.slow
def test_a_heading_a_hand_written_link_names_is_checked_as_a_full_build_does(
    project, capsys, monkeypatch
):
    from mkdocs.exceptions import Abort

    home, about = project / "content/pages/index.md", project / "content/pages/about.md"
    home.write_text(home.read_text() + "\n## How to read\n\nSlowly.\n")
    about.write_text(about.read_text() + "\nSee [how to read](index.md#how-to-read).\n")
    line = len(about.read_text().splitlines())
    _build(project, "served", dirty=True)
    _edit(home, "## How to read", "## Reading it")
    # The link is on a page the edit did not change. Serve reports it where it is and
    # shows the pages (MkDocs' failed strict build left the server stuck until fixed).
    capsys.readouterr()
    _build(project, "served", dirty=True)
    message = (
        f"content/pages/about.md:{line}:19: link 'index.md#how-to-read': 'index.md' has no"
        " heading '#how-to-read'"
    )
    assert message in capsys.readouterr().err
    assert "Reading it" in (project / "served/index.html").read_text()
    # A build stops on it, saying the same.
    with pytest.raises(Abort):
        _build_strict(project, "clean", monkeypatch)
    assert message in capsys.readouterr().err


@pytest.mark.slow
def test_a_link_to_a_heading_a_paper_page_lost_is_reported_as_a_full_build_does(
    project, capsys, monkeypatch
):
    from mkdocs.exceptions import Abort

    _edit(project / PAPER, "added: 2026-11-25", "added: 2026-11-25\nnotes: Read it first.")
    about = project / "content/pages/about.md"
    about.write_text(about.read_text() + "\nSee [the note](papers/task-vectors.md#curators-notes).\n")
    _build(project, "served", dirty=True)
    before = _stamps(project / "served")
    _edit(project / PAPER, "\nnotes: Read it first.", "")  # the page loses its notes' heading
    capsys.readouterr()
    _build(project, "served", dirty=True)
    assert "has no heading '#curators-notes'" in capsys.readouterr().err
    # (the about page was not built again: its link was checked from the last build's)
    assert "about/index.html" not in _rebuilt(before, project / "served")
    with pytest.raises(Abort):
        _build_strict(project, "clean", monkeypatch)


@pytest.mark.slow
def test_the_served_site_equals_one_built_in_a_fresh_process(tmp_path, monkeypatch):
    # No fixed build time: the hook derives it from the content, and a paper added with
    # a later date moves it (the sitemap's dates), also under serve. The reference is
    # built in a new process, which shares no memo, cache of entries or environment.
    import subprocess
    import sys

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "")
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    monkeypatch.setenv("READINGLIST_SERVING", "")
    monkeypatch.delenv("READINGLIST_SERVING")
    monkeypatch.setattr(build, "PROCESS_STATE", {})
    root = _new_project(tmp_path)
    _build(root, "served", dirty=True)
    paper = root / "content/papers/added.yml"
    paper.write_text(
        "id: added\ntitle: Merging Task Vectors Again\nyear: 2025\nadded: 2026-11-29\n"
        "abstract: Task vectors and model merging, once more.\n"
    )
    _build(root, "served", dirty=True)
    assert "2026-11-29" in (root / "served/sitemap.xml").read_text()
    script = (
        "import sys; sys.path.insert(0, sys.argv[1]); from pathlib import Path;"
        "from tests.test_partial_rebuild import _build; _build(Path(sys.argv[2]), 'clean', dirty=False)"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("SOURCE_DATE_EPOCH", "READINGLIST_SERVING")}
    # The server stops first: while it runs, it holds the docs folder (docslock.py).
    from mkdocs.config import load_config

    load_config(str(root / "mkdocs.yml")).plugins.on_shutdown()
    subprocess.run([sys.executable, "-c", script, str(REPO), str(root)], check=True, env=env, capture_output=True)
    served, clean = tree(root / "served"), tree(root / "clean")
    assert served.keys() == clean.keys()
    assert [path for path in served if served[path] != clean[path]] == []


def test_the_config_the_server_keeps_holds_none_of_its_builds_pages(project):
    # MkDocs' server keeps the config of its first build, and with it its plugins, for
    # as long as it serves; the redirects plugin kept every page of that build, with
    # its HTML (227 MB at 10,000 papers), under every rebuild.
    import gc
    import weakref

    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.structure.pages import Page

    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "served"), strict=True)
    config.site_url = SERVE_URL
    config.plugins.on_startup(command="serve", dirty=True)
    older = {id(o) for o in gc.get_objects() if isinstance(o, Page)}
    mkdocs_build(config, serve_url=SERVE_URL, dirty=True)
    pages = [weakref.ref(o) for o in gc.get_objects() if isinstance(o, Page) and id(o) not in older]
    assert len(pages) > 10
    gc.collect()
    assert [ref().url for ref in pages if ref() is not None] == []
    # The redirects plugin wrote the pages at a renamed paper's old address all the same.
    old = project / "served/papers/editing-models-with-task-vectors/index.html"
    assert 'href="../task-vectors/"' in old.read_text(encoding="utf-8")


def test_no_page_of_a_build_holds_its_markdown_or_html_once_it_is_over(project):
    # A page and its file refer to each other: the pages of a build, with their Markdown
    # and HTML, lived until the collector's next full collection, and the generator
    # keeps it off while it runs: under serve, through the next build's generator.
    import gc

    from mkdocs.structure.pages import Page

    older = {id(o) for o in gc.get_objects() if isinstance(o, Page)}  # (earlier tests')
    _build(project, "served", dirty=True)
    # (Not collected: what is left is what the next build's generator would find.)
    pages = [o for o in gc.get_objects() if isinstance(o, Page) and id(o) not in older]
    assert len(pages) > 10
    assert [p.url for p in pages if p.content is not None or p.markdown is not None] == []


def test_no_search_index_of_materials_outlives_its_build(project, monkeypatch):
    # Material's search plugin (kept for the process, as every plugin) held its index of
    # the last build, every page's text, until the next build had made a new one: alive
    # while the generator ran again. The hook reads the file it wrote; the index goes.
    import gc
    import weakref

    from material.plugins.search import plugin as material_search

    made: list[weakref.ref] = []

    class Noted(material_search.SearchIndex):
        def __init__(self, **options):
            super().__init__(**options)
            made.append(weakref.ref(self))

    monkeypatch.setattr(material_search, "SearchIndex", Noted)
    _build(project, "served", dirty=True)
    gc.collect()
    assert len(made) == 1 and made[0]() is None
    # The next build's index is Material's anew: a paper's title edited, it finds it.
    paper = project / "content" / "papers" / "task-vectors.yml"
    paper.write_text(paper.read_text(encoding="utf-8").replace("title: ", "title: Zyxwv ", 1), encoding="utf-8")
    _build(project, "served", dirty=True)
    index = json.loads((project / "served" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert [doc["title"] for doc in index["docs"] if doc["location"] == "papers/task-vectors/"] == [
        "Zyxwv Editing Models with Task Vectors"
    ]


def test_merged_search_entries_follow_the_site_order_and_replace_rebuilt_pages():
    def doc(location: str, title: str) -> dict:
        return {"location": location, "title": title}

    previous = partial_rebuild.merge_entries(
        {}, (), [doc("", "Home"), doc("#a", "A"), doc("about/", "About"), doc("topics/x/", "X")],
        ["", "about/", "topics/x/"],
    )
    merged = partial_rebuild.merge_entries(
        previous,
        built=["about/", "topics/x/", "papers/p/"],
        new_docs=[doc("topics/x/", "X2"), doc("topics/w/", "W")],
        order=["", "topics/w/", "about/", "topics/x/", "papers/p/"],
    )
    # about/ was built and has no entries now (excluded from search): its old ones go
    assert partial_rebuild.flatten(merged) == [
        doc("", "Home"), doc("#a", "A"), doc("topics/w/", "W"), doc("topics/x/", "X2")
    ]


@pytest.mark.slow
def test_a_hand_written_pages_text_below_its_title_rebuilds_that_page_alone(project):
    # Its title (from its first heading) is in every page's navigation; the rest is not.
    site = _build(project, "served", dirty=True)
    before = _stamps(site)
    _edit(project / "content/pages/about.md", "are carried into", "are copied into")
    _build(project, "served", dirty=True)
    assert _rebuilt(before, site) == {"about/index.html", *EVERY_TIME}
    assert "are copied into" in (site / "about/index.html").read_text()
    _check_against_clean(project)


def test_pages_titled_by_the_navigation_are_those_with_a_title_of_their_own():
    nav = [{"Home": "index.md"}, {"Topics": ["topics/index.md", "topics/a.md", {"B": "topics/b.md"}]},
           "about.md", {"All papers": "papers/index.md"}]
    assert partial_rebuild.titled_by_nav(nav) == {"index.md", "topics/b.md", "papers/index.md"}


def test_a_page_title_from_front_matter_or_text_is_in_the_stamp(tmp_path):
    page = tmp_path / "a.md"

    def stamp_of(text: str, titled_by_nav: bool = False) -> str:
        page.write_text(text)
        return partial_rebuild.stamp([], [partial_rebuild.NavPage(page, titled_by_nav)], None, {}, "")

    # The title is in the front matter: the text below it does not count.
    assert stamp_of("---\ntitle: A\n---\n\nbody") == stamp_of("---\ntitle: A\n---\n\nother body")
    assert stamp_of("---\ntitle: A\n---\n") != stamp_of("---\ntitle: B\n---\n")
    # The title comes from the text's first level-one heading: the text up to it counts,
    # not what follows (a sentence of the About page built every page of the site).
    assert stamp_of("# A\n\nbody") == stamp_of("# A\n\nother body")
    assert stamp_of("# A\n\nbody") != stamp_of("# B\n\nbody")
    assert stamp_of("Intro\n\n# A\n") != stamp_of("Other intro\n\n# A\n")
    # ... found plainly, past code fences; else all of it counts: a "# " line in an
    # HTML block is no heading, and a reference link in the heading is resolved below.
    for fenced in ("```\n# not a heading\n```\n", "~~~~\n~~~\n# not\n~~~~\n"):
        assert stamp_of(fenced + "# A\n\nbody") == stamp_of(fenced + "# A\n\nother body")
        assert stamp_of(fenced + "# A\n") != stamp_of(fenced + "# B\n")
    html = "<div markdown>\n# maybe\n</div>\n"
    assert stamp_of(html + "# A\n\nbody") != stamp_of(html + "# A\n\nother body")
    assert stamp_of("# [A][r]\n\n[r]: https://a.org") != stamp_of("# [A][r]\n\n[r]: https://b.org")
    # No "# " heading ("A" over "==="): all of it counts.
    assert stamp_of("A\n===\n\nbody") != stamp_of("A\n===\n\nother body")
    # ... also when a line of the front matter reads "title:" but continues a quoted
    # value (a reviewer's case: the other pages' navigation kept the old heading).
    quoted = '---\ndescription: "What this list is,\ntitle: and who keeps it"\n---\n\n'
    assert stamp_of(quoted + "# About the list\n") != stamp_of(quoted + "# Who we are\n")
    # The navigation names it: only its front matter counts.
    assert stamp_of("# A\n\nbody", True) == stamp_of("# B\n\nbody", True)
    assert stamp_of("---\nicon: x\n---\n# A", True) != stamp_of("---\nicon: y\n---\n# A", True)


def test_what_the_hook_puts_in_extra_is_said_as_what_it_shows():
    # A first rename (the pages then load the map of old ids) built every page for
    # "the error bar", with no error anywhere.
    def changed(before: dict, after: dict) -> list[str]:
        return partial_rebuild.changed(
            partial_rebuild.stamp([], [], None, before, ""), partial_rebuild.stamp([], [], None, after, "")
        )

    plain = {"repository": "", "readinglist_formerly": False}
    assert changed(plain, {**plain, "readinglist_formerly": True}) == ["the old addresses"]
    assert changed(plain, {**plain, "readinglist_problems": ["a.yml:1:1: x"]}) == ["the error bar"]
    assert changed(
        {**plain, "readinglist_problems": ["a.yml:1:1: x"]},
        {**plain, "readinglist_problems": ["a.yml:1:1: x"], "readinglist_no_site": True},
    ) == ["the error bar"]
    assert changed(plain, {**plain, "repository": "https://github.com/lab/list"}) == ["mkdocs.yml"]


def test_a_page_at_an_old_address_that_leads_nowhere_now_goes(project):
    # A renamed paper's former id taken back (another stays, so every page still loads
    # the reading log's map): the page written at that address must not stay behind.
    _edit(project / PAPER, "formerly: [editing-models-with-task-vectors]", "formerly: [editing-models, tv-old]")
    site = _build(project, "served", dirty=True)
    assert (site / "papers/tv-old/index.html").is_file()
    _edit(project / PAPER, "formerly: [editing-models, tv-old]", "formerly: [editing-models]")
    _build(project, "served", dirty=True)
    assert not (site / "papers/tv-old").exists()
    assert "../task-vectors/" in (site / "papers/editing-models/index.html").read_text()
    _check_against_clean(project)


@pytest.mark.slow
@pytest.mark.parametrize("text, old, new", [
    # A title written over "=====" with a reference link: the heading is before the
    # "# " line, its link's definition after it.
    ("The fixture's [list][home]\n=====\n\n# Scope\n\nText.\n\n[home]: index.md\n",
     "[home]: index.md", "[elsewhere]: index.md"),
    # " # Scope" is no heading to Python-Markdown (a "#" heading starts its line): over
    # "=====" it is the text of one, whose line below makes it one.
    (" # Scope\n=====\n\nText.\n", "=====", "Text"),
])
def test_a_title_made_by_lines_past_the_first_hash_line_follows_their_edit(project, text, old, new):
    # MkDocs takes a page's title from its first element when that is an <h1>: text
    # after the first "# " line may make or change that heading.
    about = project / "content/pages/about.md"
    about.write_text(text)
    _build(project, "served", dirty=True)
    _edit(about, old, new)
    _build(project, "served", dirty=True)
    _check_against_clean(project)


@pytest.mark.parametrize("dirty", [True, False], ids=["dirty", "full"])
@pytest.mark.parametrize(
    ("mistake", "column", "said"),
    [
        ("{{ page.meta.foo.bar }}", 1, "template error: 'None' has no attribute 'meta';"),
        # (a syntax mistake: at the bracket that closes nothing)
        ("{{ page.title }", 15, "template error: unexpected '}'"),
    ],
)
def test_under_serve_a_theme_override_mistake_is_said_once_and_the_last_good_site_stays(
    project, capsys, dirty, mistake, column, said
):
    # The rebuild raised: MkDocs' server printed a traceback (a line for a syntax
    # mistake) and held every page asked for until a build succeeded, and the site it
    # would have served was emptied already.
    from generator import mkdocs_hook

    rebuild = mkdocs_hook.guard_config(lambda: _build(project, "served", dirty=dirty), project)
    rebuild()
    good = tree(project / "served")
    main = project / "overrides/main.html"
    text = main.read_text(encoding="utf-8")
    last = text.count("\n")
    main.write_text(f"{text}{{% block site_meta %}}{{{{ super() }}}}\n{mistake}\n{{% endblock %}}\n")
    capsys.readouterr()
    rebuild()  # (no exception: the server goes on)
    err = capsys.readouterr().err
    reported = [line for line in err.splitlines() if "overrides/" in line]
    assert len(reported) == 1 and "Traceback" not in err
    assert reported[0].startswith(f"overrides/main.html:{last + 2}:{column}: {said}")
    assert (
        "readinglist: the theme overrides or a page's template have errors; the site shows"
        " the last good build until they are fixed"
    ) in err
    assert tree(project / "served") == good  # the last good site, as it was
    main.write_text(text.replace('content="summary"', 'content="summary_large_image"'), encoding="utf-8")
    rebuild()
    assert "overrides/" not in capsys.readouterr().err
    assert 'content="summary_large_image"' in (project / "served/about/index.html").read_text()
    _check_against_clean(project)  # the fix is built, every page of it


@pytest.mark.parametrize("dirty", [True, False], ids=["dirty", "full"])
def test_under_serve_a_hand_pages_template_the_theme_lacks_keeps_the_last_good_site(
    project, capsys, dirty
):
    # A page's own template (front matter) is a theme mistake: said once at its line,
    # the last good site served, and the fix built as a clean build builds it.
    from generator import mkdocs_hook

    rebuild = mkdocs_hook.guard_config(lambda: _build(project, "served", dirty=dirty), project)
    rebuild()
    good = tree(project / "served")
    about = project / "content/pages/about.md"
    text = about.read_text(encoding="utf-8")
    about.write_text(f"---\ntemplate: mainn.html\n---\n{text}", encoding="utf-8")
    capsys.readouterr()
    rebuild()  # (no exception: the server goes on)
    err = capsys.readouterr().err
    reported = [line for line in err.splitlines() if "mainn.html" in line]
    assert reported == [
        "content/pages/about.md:2:11: template 'mainn.html': the theme has no template of that"
        " name (in overrides/ or Material's templates) (did you mean 'main.html'?)"
    ]
    assert "Traceback" not in err and "the site shows the last good build" in err
    assert tree(project / "served") == good
    about.write_text(f"---\ntemplate: main.html\n---\n{text}\nFixed.\n", encoding="utf-8")
    rebuild()
    assert "mainn.html" not in capsys.readouterr().err
    assert "Fixed." in (project / "served/about/index.html").read_text(encoding="utf-8")
    _check_against_clean(project)


def test_under_serve_a_page_an_override_fails_on_stays_as_it_was_in_a_dirty_build(
    project, capsys, caplog
):
    # A dirty build removes the pages the generator rewrote before MkDocs makes them
    # again: one the theme failed on was gone (and any after it) until the fix.
    from generator import mkdocs_hook

    rebuild = mkdocs_hook.guard_config(lambda: _build(project, "served", dirty=True), project)
    main = project / "overrides/main.html"
    text = main.read_text(encoding="utf-8")
    last = text.count("\n")
    # (A mistake only some pages meet: here, those with these words.)
    main.write_text(
        text + "{% block site_meta %}{{ super() }}\n"
        '{% if page and "as they were" in page.content %}{{ page.meta.nothing.bar }}{% endif %}\n'
        "{% endblock %}\n"
    )
    rebuild()
    good = tree(project / "served")
    about = project / "content/pages/about.md"
    page = about.read_text(encoding="utf-8")
    about.write_text(page.replace("as they are", "as they were"))
    capsys.readouterr()
    caplog.set_level("INFO", logger="mkdocs")
    rebuild()
    err = capsys.readouterr().err
    said = "template error: 'dict object' has no attribute 'nothing';"
    assert f"overrides/main.html:{last + 2}:1: {said}" in err and "Traceback" not in err
    assert "Error building page 'about.md'" in caplog.text  # (MkDocs' line: the page)
    assert "readinglist: building every page" not in caplog.text  # (that page alone)
    assert tree(project / "served") == good
    main.write_text(text)
    rebuild()
    assert "as they were" in (project / "served/about/index.html").read_text()
    _check_against_clean(project)


def test_under_serve_edits_between_failing_theme_builds_give_the_clean_builds_site(project, capsys):
    # A failing build leaves the last good site served, whatever it had rewritten or
    # set aside; the edits made meanwhile (to the content, while the theme fails) all
    # show once it is fixed. TOGGLES: 7 is the abstract that writes "arithmetic on
    # tasks", which the theme below fails on; 12 the hand-written page's text.
    from generator import mkdocs_hook

    rebuild = mkdocs_hook.guard_config(lambda: _build(project, "served", dirty=True), project)
    rebuild()
    main = project / "overrides/main.html"
    text = main.read_text(encoding="utf-8")
    failing_on_some = text + (
        "{% block site_meta %}{{ super() }}\n"
        '{% if page and "arithmetic on tasks" in page.content %}{{ page.meta.nothing.bar }}{% endif %}\n'
        "{% endblock %}\n"
    )
    main.write_text(failing_on_some, encoding="utf-8")
    rebuild()  # (no page meets it yet)
    _check_against_clean(project)
    steps = [
        ([12, 7], None),  # the hand page is rebuilt, then a paper page fails
        ([0], None),  # a topic retitled: every page is built, and one fails
        ([7], None),  # the abstract back: no page fails
        ([5], "{{ page.title }\n"),  # a syntax mistake, with a notes edit
        ([12], text),  # fixed, with another edit
    ]
    for toggles, theme in steps:
        good = tree(project / "served")
        for n in toggles:
            _toggle(project, n)
        if theme is not None:
            main.write_text(theme if theme == text else failing_on_some + theme, encoding="utf-8")
        capsys.readouterr()
        rebuild()
        failed = "the theme overrides or a page's template have errors" in capsys.readouterr().err
        assert failed == (toggles != [7] and theme != text), toggles
        if failed:
            assert tree(project / "served") == good, toggles
        else:
            _check_against_clean(project)


def test_under_serve_clean_a_theme_override_mistake_leaves_the_last_good_site(project, capsys):
    # `mkdocs serve --clean` builds as `mkdocs build` does (MkDocs tells the hook it is
    # a build), then serves: the server's guard said the last good site stayed served,
    # but the site folder had been emptied, and only the pages before the mistake made.
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    from generator import mkdocs_hook

    def build_clean() -> None:
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "served"))
        config.site_url = SERVE_URL
        config.plugins.on_startup(command="build", dirty=False)
        mkdocs_build(config)  # (as MkDocs' serve does with --clean: no serve_url)

    rebuild = mkdocs_hook.guard_config(build_clean, project)
    rebuild()
    good = tree(project / "served")
    main = project / "overrides/main.html"
    main.write_text(
        main.read_text(encoding="utf-8") + "{% block site_meta %}{{ super() }}\n{{ page.meta.foo.bar }}\n{% endblock %}\n",
        encoding="utf-8",
    )
    rebuild()
    err = capsys.readouterr().err
    assert "the site shows the last good build" in err
    # (said by the server's guard; the build's own line came with every failed rebuild)
    assert "the last site built is kept" not in err
    assert tree(project / "served") == good


def test_under_serve_a_mistake_in_mkdocs_yml_or_the_overrides_is_shown_on_every_page_served(project):
    # The theme's own bar cannot say it (the build that would put it there failed): the
    # open page reloaded into the last good site with no word of why; only the terminal
    # said it.
    from types import SimpleNamespace

    from mkdocs.livereload import LiveReloadServer

    from generator import mkdocs_hook

    server = LiveReloadServer(builder=None, host="127.0.0.1", port=0, root=str(project / "served"))
    config = SimpleNamespace(docs_dir=None, config_file_path=str(project / "mkdocs.yml"))
    server = mkdocs_hook.on_serve(
        server, config=config, builder=lambda: _build(project, "served", dirty=True)
    )

    def page() -> str:  # (about/, as the server sends it)
        sent = (project / "served/about/index.html").read_bytes()
        return server._inject_js_into_html(sent, 1).decode()

    server.builder()
    assert "could not be built" not in page()
    main = project / "overrides/main.html"
    text = main.read_text(encoding="utf-8")
    last = text.count("\n")
    main.write_text(f"{text}{{% block site_meta %}}{{{{ page.title }}\n{{% endblock %}}\n")
    server.builder()
    sent = page()
    bar = (
        '<div class="rl-problems" role="alert"><strong>The site could not be built again: 1'
        " error; these are the last good pages. Fix it and save:</strong><ul><li><code>"
    )
    assert f"{bar}overrides/main.html:{last + 1}:1: template error: unexpected &#x27;}}&#x27;</code>" in sent
    assert sent.index(bar) < sent.index("<header")  # (at the top of the page)
    main.write_text(text, encoding="utf-8")
    site_config = project / "mkdocs.yml"
    settings = site_config.read_text(encoding="utf-8")
    line = settings[: settings.index("\nsite_name:")].count("\n") + 2
    site_config.write_text(settings.replace("\nsite_name: ", "\nsite_name: A list: of ", 1))
    server.builder()
    assert (
        f"{bar}mkdocs.yml:{line}:18: YAML syntax error: a colon followed by a space inside an"
        " unquoted value; put the value in double quotes</code>"
    ) in page()
    # A folder the hook refuses (MkDocs would empty the curator's content/).
    site_config.write_text(settings.replace("\ndocs_dir: docs\n", "\ndocs_dir: content\n", 1))
    server.builder()
    assert f"{bar}readinglist: docs_dir &#x27;{project.resolve() / 'content'}&#x27; is the project&#x27;s content/ folder;" in page()
    site_config.write_text(settings)
    server.builder()
    assert "could not be built" not in page()


@pytest.mark.parametrize("dirty", [True, False], ids=["dirty", "full"])
def test_under_serve_a_build_that_fails_in_materials_own_templates_keeps_the_last_good_site(
    project, capsys, dirty
):
    # A value of mkdocs.yml Material's own template fails on (an analytics provider it
    # has no template for): the rebuild raised TemplateNotFound, and MkDocs' server then
    # held every page asked for ("will appear stuck") until a build succeeded.
    from types import SimpleNamespace

    from mkdocs.livereload import LiveReloadServer

    from generator import mkdocs_hook

    server = LiveReloadServer(builder=None, host="127.0.0.1", port=0, root=str(project / "served"))
    config = SimpleNamespace(docs_dir=None, config_file_path=str(project / "mkdocs.yml"))
    server = mkdocs_hook.on_serve(
        server, config=config, builder=lambda: _build(project, "served", dirty=dirty)
    )
    server.builder()
    good = tree(project / "served")
    site_config = project / "mkdocs.yml"
    settings = site_config.read_text(encoding="utf-8")
    branch = '  repository_branch: !ENV [REPO_BRANCH, "main"]\n'
    assert branch in settings
    site_config.write_text(settings.replace(branch, f"{branch}  analytics:\n    provider: googel\n"))
    capsys.readouterr()
    server.builder()  # (no exception: the server goes on, and serves)
    err = capsys.readouterr().err
    assert "partials/integrations/analytics/googel.html" in err  # (its traceback)
    assert (
        "readinglist: the build stopped; the site shows the last good build until it"
        " builds again"
    ) in err
    assert tree(project / "served") == good  # the last good site, as it was
    sent = server._inject_js_into_html((project / "served/about/index.html").read_bytes(), 1).decode()
    assert (
        "<li><code>the build stopped on TemplateNotFound: &#x27;partials/integrations/analytics/"
        "googel.html&#x27; not found"
    ) in sent
    # mkdocs.yml gone (a branch switched, an editor's save moving it aside first): MkDocs'
    # own refusal, in its one line.
    site_config.unlink()
    server.builder()
    err = capsys.readouterr().err
    assert "Traceback" not in err
    gone = f"Config file &#x27;{site_config}&#x27; does not exist."
    assert f"<li><code>readinglist: {gone}</code>" in server._inject_js_into_html(
        (project / "served/about/index.html").read_bytes(), 1
    ).decode()
    assert tree(project / "served") == good
    site_config.write_text(settings)
    server.builder()
    assert "could not be built" not in server._inject_js_into_html(
        (project / "served/about/index.html").read_bytes(), 1
    ).decode()
    _check_against_clean(project)


def test_under_serve_a_dot_named_template_no_page_uses_stops_no_build(project, capsys):
    # overrides/.notes.html is an editor's file to the watch (and to theme_files): a
    # syntax mistake in it stopped every build, and its removal, the fix, built
    # nothing, so the bar kept the mistake until another edit.
    from generator import mkdocs_hook

    rebuild = mkdocs_hook.guard_config(lambda: _build(project, "served", dirty=True), project)
    rebuild()
    (project / "overrides/.notes.html").write_text("{% if x %}\n", encoding="utf-8")
    _edit(project / PAPER, "added: 2026-11-25", "added: 2026-11-25\nnotes: A *new* note.")
    capsys.readouterr()
    rebuild()
    assert "overrides/" not in capsys.readouterr().err
    assert "<em>new</em> note" in (project / "served/papers/task-vectors/index.html").read_text()
    _check_against_clean(project)
    # Included by a template, its mistake is said, at its own line.
    main = project / "overrides/main.html"
    text = main.read_text(encoding="utf-8")
    main.write_text(f"{text}{{% block site_meta %}}{{{{ super() }}}}{{% include '.notes.html' %}}{{% endblock %}}\n")
    rebuild()
    assert "overrides/.notes.html:1:" in capsys.readouterr().err


def test_under_serve_a_hand_pages_link_to_no_heading_is_said_by_every_rebuild_once(project, capsys):
    # A full build says such a link every time (and stops); under serve it was said by
    # the rebuild that made the page, and by none that skipped it: the check took it out
    # of the page's links before they were kept for the next rebuild. While a content
    # error stopped the generator, the first rebuild (the error bar: every page) said it
    # and the next ones did not, as if it were fixed.
    (project / "content/pages/notes.md").write_text(
        "# Notes\n\nSee [its heading](about.md#nowhere) and [mine](#nor-here).\n", encoding="utf-8"
    )
    said = [
        "content/pages/notes.md:3:19: link 'about.md#nowhere': 'about.md' has no heading '#nowhere'",
        "content/pages/notes.md:3:48: link '#nor-here': 'notes.md' has no heading '#nor-here'",
    ]
    paper = project / "content/papers/gradient-episodic-memory.yml"
    good = paper.read_text(encoding="utf-8")

    def rebuild_says() -> list[str]:
        capsys.readouterr()
        _build(project, "served", dirty=True)
        return [line.split(" (its anchors")[0] for line in capsys.readouterr().err.splitlines() if "no heading" in line]

    assert rebuild_says() == said  # (the first build: every page)
    assert rebuild_says() == said  # (nothing changed: no page made again)
    paper.write_text(good + "title: [unclosed\n", encoding="utf-8")
    assert rebuild_says() == said  # (the error bar: every page)
    assert rebuild_says() == said  # (the error again: no page made again)
    paper.write_text(good, encoding="utf-8")
    assert rebuild_says() == said
    # Fixed, it is said no more.
    (project / "content/pages/notes.md").write_text("# Notes\n\n[Its heading](about.md#about-the-fixture).\n")
    assert rebuild_says() == []
    assert rebuild_says() == []


def test_under_serve_a_link_just_written_to_no_heading_of_a_page_not_built_again_is_said_at_once(project, capsys):
    # The rebuild after the save that writes the link: the page it leads to is not made
    # again, and its anchors were given back only if a page linked to it before. Neither
    # the hook's check nor MkDocs' looked at the link: that rebuild said nothing, the next
    # (after any other save) did.
    notes = project / "content/pages/notes.md"
    notes.write_text("# Notes\n\nNothing yet.\n", encoding="utf-8")
    _build(project, "served", dirty=True)
    notes.write_text("# Notes\n\nSee [its heading](about.md#nowhere).\n", encoding="utf-8")
    capsys.readouterr()
    _build(project, "served", dirty=True)
    said = [line.split(" (its anchors")[0] for line in capsys.readouterr().err.splitlines() if "no heading" in line]
    assert said == ["content/pages/notes.md:3:19: link 'about.md#nowhere': 'about.md' has no heading '#nowhere'"]
    # A heading the page has: nothing said.
    notes.write_text("# Notes\n\nSee [its heading](about.md#about-the-fixture).\n", encoding="utf-8")
    capsys.readouterr()
    _build(project, "served", dirty=True)
    assert "no heading" not in capsys.readouterr().err
