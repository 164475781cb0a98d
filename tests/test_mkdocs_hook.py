"""The MkDocs hook's own events (the builds it drives are tested in test_build.py and
test_partial_rebuild.py)."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import textwrap
import types

import pytest

from tests.test_build import REPO


def test_serve_stops_watching_docs_and_imports_scikit_learn_before_the_first_edit():
    # In a new process: this one imported scikit-learn long ago.
    script = textwrap.dedent("""
        import sys, threading
        from types import SimpleNamespace
        from generator import mkdocs_hook

        class Server:
            unwatched = []
            def unwatch(self, path):
                self.unwatched.append(path)

        before = "sklearn.feature_extraction.text" in sys.modules
        server = mkdocs_hook.on_serve(Server(), config=SimpleNamespace(docs_dir="/p/docs"), builder=None)
        for thread in threading.enumerate():
            if thread.name == "readinglist-warm-up":
                thread.join()
        print(before, "sklearn.feature_extraction.text" in sys.modules, server.unwatched)
    """)
    done = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "True", "['/p/docs']"]


def test_a_folder_holding_the_project_is_never_a_docs_or_site_folder(tmp_path):
    import pytest
    from mkdocs.exceptions import PluginError

    from generator import mkdocs_hook

    root = tmp_path / "lab" / "project"
    (root / "content").mkdir(parents=True)
    with pytest.raises(PluginError, match="site_dir '.*/lab' is a folder holding the project"):
        mkdocs_hook._refuse_curators_folders(root, root / "docs", tmp_path / "lab")
    with pytest.raises(PluginError, match="docs_dir '.*' is inside overrides/"):
        mkdocs_hook._refuse_curators_folders(root, root / "overrides" / "docs", root / "site")
    mkdocs_hook._refuse_curators_folders(root, root / "docs", root / "site")  # the defaults
    # A built site with a page named content (content/pages/content.md) is no project.
    (root / "site" / "content").mkdir(parents=True)
    (root / "site" / "content" / "index.html").write_text("<p>a page</p>")
    (root / "site" / "index.html").write_text("<p>home</p>")
    mkdocs_hook._refuse_curators_folders(root, root / "docs", root / "site")
    mkdocs_hook._refuse_curators_folders(root, root / "docs", tmp_path / "elsewhere")
    # A gh-pages checkout: MkDocs leaves its .git alone.
    (tmp_path / "gh-pages" / ".git").mkdir(parents=True)
    mkdocs_hook._refuse_curators_folders(root, root / "docs", tmp_path / "gh-pages")
    # Any other folder with files: the virtual environment, .ci/, a folder of notes.
    for name in (".venv", ".ci", "notes"):
        (root / name).mkdir()
        (root / name / "keep").write_text("mine")
        with pytest.raises(PluginError, match="holding files no build wrote \\(such as keep\\)"):
            mkdocs_hook._refuse_curators_folders(root, root / "docs", root / name)
        with pytest.raises(PluginError, match="docs_dir .* holding files no build wrote"):
            mkdocs_hook._refuse_curators_folders(root, root / name, root / "site")
    # A docs folder the generator filled before is fine.
    (root / "docs" / "papers").mkdir(parents=True)
    (root / "docs" / "index.md").write_text("# Home")
    mkdocs_hook._refuse_curators_folders(root, root / "docs", root / "site")


def test_under_serve_a_yaml_slip_in_mkdocs_yml_is_said_at_its_place_and_the_last_site_stays(tmp_path, capsys):
    # MkDocs printed a traceback on every rebuild while mkdocs.yml did not parse.
    from generator import mkdocs_hook

    built = []
    rebuild = mkdocs_hook.guard_config(lambda: built.append(1), tmp_path)
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: Reading list\nsite_description: Papers: the best\n")
    rebuild()
    rebuild()  # (another change, the file still broken: said again)
    assert built == []
    said = capsys.readouterr().err.splitlines()
    slip = (
        "mkdocs.yml:2:25: YAML syntax error: a colon followed by a space inside an unquoted"
        " value; put the value in double quotes"
    )
    last = "readinglist: mkdocs.yml has errors; the site shows the last good build until they are fixed"
    assert said == [slip, last, slip, last]
    config.write_text('site_name: Reading list\nsite_description: "Papers: the best"\n')
    rebuild()
    assert built == [1] and capsys.readouterr().err == ""


def test_serve_guards_the_rebuild_of_mkdocs_yml_only(tmp_path):
    from types import SimpleNamespace

    from generator import mkdocs_hook

    class Server:
        builder = None

        def unwatch(self, path):
            pass

    def builder():
        pass

    for name, guarded in (("mkdocs.yml", True), ("other.yml", False)):
        server = Server()
        server.builder = builder
        config = SimpleNamespace(docs_dir=None, config_file_path=str(tmp_path / name))
        mkdocs_hook.on_serve(server, config=config, builder=builder)
        assert (server.builder is not builder) is guarded


def test_under_serve_an_editors_swap_or_backup_file_builds_nothing(tmp_path):
    # vim writes its swap file when a file is opened and every few seconds while it is
    # edited unsaved: each write built the site again and reloaded the open page.
    import time
    from types import SimpleNamespace

    from mkdocs.livereload import LiveReloadServer

    from generator import mkdocs_hook

    content = tmp_path / "content" / "papers"
    content.mkdir(parents=True)
    (content / "x.yml").write_text("id: x\n")
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    config = SimpleNamespace(docs_dir=None, config_file_path=str(tmp_path / "other.yml"))
    server = mkdocs_hook.on_serve(server, config=config, builder=server.builder)
    server.watch(str(tmp_path / "content"))  # (as MkDocs watches `watch:`, after on_serve)
    server.observer.start()
    try:
        time.sleep(0.6)  # (the polling observer's first look)
        for name in (".x.yml.swp", "x.yml~", "4913", "#x.yml#", ".#x.yml"):
            (content / name).write_text("the editor's")
        time.sleep(1.6)  # (three looks: each would have seen them)
        (content / ".x.yml.swp").write_text("the editor's, again")
        time.sleep(1.6)
        assert server._want_rebuild is False
        # A save that moves the file aside as a backup and writes it anew is a change.
        (content / "x.yml").rename(content / "x.yml~")
        (content / "x.yml").write_text("id: x\ntitle: Saved\n")
        deadline = time.monotonic() + 10
        while not server._want_rebuild and time.monotonic() < deadline:
            time.sleep(0.1)
        assert server._want_rebuild is True
    finally:
        server.observer.stop()
        server.observer.join()


@contextlib.contextmanager
def _serve_starts(root, site_dir, command, saved_during_the_first_build, monkeypatch, watch_theme=False):
    """`mkdocs serve` as far as its watches start (mkdocs.commands.serve.serve, in
    process): on_startup, the first build, in which ``saved_during_the_first_build(root)``
    runs once the generator has read the content, on_serve, the watches of `watch:` and
    the observer's start (server.serve()'s first step). The server, its observer stopped;
    on_shutdown once done with it, as MkDocs calls it. ``watch_theme``: as `mkdocs serve
    --watch-theme` runs it (its command line's context says so; the theme's folders are
    watched before on_serve)."""
    import click
    from mkdocs.__main__ import cli

    with click.Context(cli.commands["serve"]) as context:
        context.params["watch_theme"] = watch_theme
        with _serve_started(root, site_dir, command, saved_during_the_first_build, monkeypatch, watch_theme) as server:
            yield server


@contextlib.contextmanager
def _serve_started(root, site_dir, command, saved_during_the_first_build, monkeypatch, watch_theme):
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.livereload import LiveReloadServer

    from generator import build

    read = build.generate

    def generate_then_save(*args, **kwargs):
        result = read(*args, **kwargs)
        saved_during_the_first_build(root)  # (the build read the content before this)
        return result

    monkeypatch.setattr(build, "generate", generate_then_save)
    serve_url = "http://127.0.0.1:8000/"
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(site_dir))
    config.plugins.on_startup(command=command, dirty=command == "serve")
    config.site_url = serve_url

    def builder(config=None):
        if config is None:
            config = load_config(str(root / "mkdocs.yml"), site_dir=str(site_dir))
            config.site_url = serve_url
        mkdocs_build(config, serve_url=serve_url, dirty=command == "serve")

    builder(config)
    monkeypatch.setattr(build, "generate", read)  # (a rebuild saves nothing)
    server = LiveReloadServer(builder=builder, host="127.0.0.1", port=0, root=str(site_dir))
    server.watch(config.docs_dir)
    server.watch(config.config_file_path)
    for folder in config.theme.dirs if watch_theme else ():
        server.watch(folder)
    server = config.plugins.on_serve(server, config=config, builder=builder)
    for item in config.watch:
        server.watch(item)
    server.observer.start()
    server.observer.stop()
    server.observer.join()
    try:
        yield server
    finally:
        server.server_close()
        config.plugins.on_shutdown()


def _new_paper(root) -> None:
    (root / "content" / "papers" / "saved-meanwhile.yml").write_text(
        "id: saved-meanwhile\ntitle: Saved While the Site Was First Built\nauthors: [Ada Lovelace]\n"
        "year: 2024\nstatus: classic\nadded: 2026-11-10\n",
        encoding="utf-8",
    )


def test_under_serve_a_file_saved_during_the_first_build_is_built_once_the_server_watches(
    tmp_path, process_state, monkeypatch
):
    # (A paper imported while `readinglist serve` ran its first build, tens of seconds at
    # 10,000 papers, was in no page, and the server never built it: the watches MkDocs
    # starts after that build took the new file as there from the first. Its page was
    # "not found" until another save.)
    from tests.test_partial_rebuild import _new_project

    from generator import mkdocs_hook

    root = _new_project(tmp_path)
    with _serve_starts(root, root / "served", "serve", _new_paper, monkeypatch) as server:
        page = root / "served" / "papers" / "saved-meanwhile" / "index.html"
        assert not page.exists()  # (the first build had read the content before the save)
        assert server._want_rebuild is True
        # The look was this serve's: a later serve in the process without its own
        # on_startup (tests, a program serving twice) compares nothing.
        assert mkdocs_hook._FIRST_LOOK not in process_state
        server.builder()  # (the rebuild the server's loop runs)
        assert "Saved While the Site Was First Built" in page.read_text(encoding="utf-8")


def test_under_serve_clean_a_file_saved_during_the_first_build_is_built_too(tmp_path, process_state, monkeypatch):
    # `mkdocs serve --clean` calls on_startup with "build"; it builds into a folder
    # tempfile.mkdtemp(prefix="mkdocs_") made.
    import shutil
    import tempfile

    from tests.test_partial_rebuild import _new_project

    root = _new_project(tmp_path)
    site = tempfile.mkdtemp(prefix="mkdocs_")
    try:
        with _serve_starts(root, site, "build", _new_paper, monkeypatch) as server:
            assert server._want_rebuild is True
    finally:
        shutil.rmtree(site)


def test_under_serve_a_project_written_just_before_it_started_and_nothing_saved_asks_no_rebuild(
    tmp_path, process_state, monkeypatch
):
    # (A project written a moment before serve started, as tests/browser/test_serve.py
    # writes one, was built twice by a catch-up that compared modification times with
    # the server's start less 2 s.)
    from tests.test_partial_rebuild import _new_project

    root = _new_project(tmp_path)  # (every file written now)
    _new_paper(root)
    with _serve_starts(root, root / "served", "serve", lambda root: None, monkeypatch) as server:
        assert server._want_rebuild is False
        assert (root / "served" / "papers" / "saved-meanwhile" / "index.html").exists()
    # An editor's swap file opened meanwhile asks none either.
    (tmp_path / "swap").mkdir()
    root = _new_project(tmp_path / "swap")
    with _serve_starts(
        root, root / "served", "serve",
        lambda root: (root / "content" / "papers" / ".task-vectors.yml.swp").write_text("vim's"), monkeypatch,
    ) as server:
        assert server._want_rebuild is False


def test_under_serve_watch_theme_an_override_saved_during_the_first_build_is_built_once_the_server_watches(
    tmp_path, process_state, monkeypatch
):
    # `mkdocs serve --watch-theme` watches the theme's folders, the overrides among them,
    # from its start as it watches `watch:`; the first build's look left them out, so an
    # override saved during that build was not built until the next save.
    from tests.test_partial_rebuild import _new_project

    root = _new_project(tmp_path)
    config = root / "mkdocs.yml"  # (watch: names no overrides; --watch-theme is what watches them)
    config.write_text(config.read_text(encoding="utf-8").replace("  - overrides\n", "", 1), encoding="utf-8")

    def save_an_override(root) -> None:
        main = root / "overrides" / "main.html"
        main.write_text(main.read_text(encoding="utf-8") + "{# saved meanwhile #}\n", encoding="utf-8")

    with _serve_starts(root, root / "served", "serve", save_an_override, monkeypatch, watch_theme=True) as server:
        assert str(root / "overrides") in server._watched_paths
        assert server._want_rebuild is True
    # Nothing saved: no rebuild (Material's own templates, looked at too, did not change).
    with _serve_starts(root, root / "served", "serve", lambda root: None, monkeypatch, watch_theme=True) as server:
        assert server._want_rebuild is False


@pytest.mark.parametrize("through_a_link", [False, True])
def test_under_serve_a_watch_of_the_builds_own_folders_asks_no_rebuild_at_the_start(
    tmp_path, process_state, monkeypatch, through_a_link
):
    # `watch: [.]` covers the docs folder the first build writes, the site folder it
    # builds into and the cache it keeps: compared with the look taken before it wrote
    # them, they asked for a rebuild at every server start. Through a link too: MkDocs
    # names the watches and the docs and site folders from mkdocs.yml's path as given
    # (the link kept), the hook its cache from the link's target.
    from tests.test_partial_rebuild import _new_project

    root = _new_project(tmp_path)
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("watch:\n", "watch:\n  - .\n", 1), encoding="utf-8")
    named = root
    if through_a_link:
        named = tmp_path / "linked"
        named.symlink_to(root, target_is_directory=True)
    with _serve_starts(named, named / "served", "serve", lambda root: None, monkeypatch) as server:
        assert str(named) in server._watched_paths
        assert (root / "docs" / "papers").is_dir() and (root / "served" / "index.html").is_file()
        assert (root / ".cache" / "readinglist").is_dir()
        assert server._want_rebuild is False
    # A curator's file saved meanwhile is still seen.
    with _serve_starts(named, named / "served", "serve", _new_paper, monkeypatch) as server:
        assert server._want_rebuild is True


def test_a_plain_build_takes_no_look_for_a_later_serve(tmp_path, process_state, monkeypatch):
    # A build's on_startup and build, then on_serve in the same process with no
    # on_startup of its own (as tests serve): no rebuild for a file saved between, and
    # the build stat'ed no file for it (its rerun aims at 1 s).
    from types import SimpleNamespace

    from mkdocs.livereload import LiveReloadServer

    from generator import mkdocs_hook

    root = tmp_path / "project"
    (root / "content").mkdir(parents=True)
    config = SimpleNamespace(
        watch=[str(root / "content")], config_file_path=str(root / "mkdocs.yml"), site_dir=str(root / "site"),
        docs_dir=None,
    )
    mkdocs_hook.on_startup("build", dirty=False)
    mkdocs_hook._first_look(config)  # (what on_config does first)
    assert mkdocs_hook._FIRST_LOOK not in process_state
    (root / "content" / "papers").mkdir()
    (root / "content" / "papers" / "x.yml").write_text("id: x\n")
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(root))
    server = mkdocs_hook.on_serve(server, config=config, builder=server.builder)
    server.watch(str(root / "content"))
    server.observer.start()
    server.observer.stop()
    server.observer.join()
    server.server_close()
    assert server._want_rebuild is False


def test_under_serve_a_dot_named_page_the_build_reads_is_watched_as_the_build_reads_it(tmp_path):
    # content/pages/.draft.md is read, and said as a mistake (MkDocs leaves a dot-named
    # page out), but the watch took it for an editor's file: its creation built nothing,
    # and its removal, the fix, neither: every page's bar kept the mistake until
    # another edit. Each file the build reads as a page is watched; an editor's is not.
    from types import SimpleNamespace

    from watchdog.events import FileCreatedEvent, FileDeletedEvent, FileMovedEvent

    from generator import build, mkdocs_hook

    pages = tmp_path / "content" / "pages"
    pages.mkdir(parents=True)
    names = [".draft.md", ".#about.md", ".about.md.swp", "about.md~", "#about.md#", "about.md"]
    for name in names:
        (pages / name).write_text("# A page\n")
    read = {page.source.path.rpartition("/")[2] for page in build.hand_pages(pages, tmp_path)}
    assert read == {".draft.md", "about.md"}
    passed: list = []
    handler = mkdocs_hook._NotEditorsFiles(SimpleNamespace(dispatch=passed.append))
    for name in names:
        handler.dispatch(FileCreatedEvent(str(pages / name)))
        handler.dispatch(FileDeletedEvent(str(pages / name)))
    assert sorted({os.path.basename(event.src_path) for event in passed}) == sorted(read)
    # Renamed to a name MkDocs keeps (the fix the message asks for): a change, as before.
    passed.clear()
    handler.dispatch(FileMovedEvent(str(pages / ".draft.md"), str(pages / "draft.md")))
    assert len(passed) == 1


def test_under_serve_watch_theme_an_editors_file_in_the_overrides_builds_nothing(tmp_path):
    # `mkdocs serve --watch-theme` watches the theme's folders, the overrides among
    # them, before the hook's on_serve: a swap file there built the site again (and
    # `watch:` naming the folder too kept that first watch).
    import time
    from types import SimpleNamespace

    from mkdocs.livereload import LiveReloadServer

    from generator import mkdocs_hook

    overrides = tmp_path / "overrides"
    overrides.mkdir()
    (overrides / "main.html").write_text("{% extends 'base.html' %}\n")
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    server.watch(str(overrides))  # (as MkDocs watches the theme, before on_serve)
    config = SimpleNamespace(docs_dir=None, config_file_path=str(tmp_path / "other.yml"))
    server = mkdocs_hook.on_serve(server, config=config, builder=server.builder)
    server.watch(str(overrides))  # (`watch: [overrides]`, after on_serve)
    server.observer.start()
    try:
        time.sleep(0.6)  # (the polling observer's first look)
        for name in (".main.html.swp", "main.html~", "4913", "#main.html#"):
            (overrides / name).write_text("the editor's")
        time.sleep(1.6)  # (three looks: each would have seen them)
        assert server._want_rebuild is False
        (overrides / "main.html").write_text("{% extends 'base.html' %}\n{# saved #}\n")
        deadline = time.monotonic() + 10
        while not server._want_rebuild and time.monotonic() < deadline:
            time.sleep(0.1)
        assert server._want_rebuild is True
        # Unwatched as often as watched, it is watched no more (MkDocs counts them).
        server.unwatch(str(overrides))
        server.unwatch(str(overrides))
        assert server._watched_paths == {}
    finally:
        server.observer.stop()
        server.observer.join()


def test_under_serve_a_watched_folder_removed_and_put_back_is_watched_again(tmp_path):
    # watchdog's watch of a folder that goes away stops for good, and MkDocs passes no
    # folder's event on: `rm -rf overrides` then `git checkout overrides` (or a branch
    # without it checked out, and back) built nothing, neither then nor on any edit
    # there afterwards, until the server was restarted.
    import time
    from types import SimpleNamespace

    from mkdocs.livereload import LiveReloadServer

    from generator import mkdocs_hook

    overrides = tmp_path / "overrides"
    overrides.mkdir()
    (overrides / "main.html").write_text("{% extends 'base.html' %}\n")
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    config = SimpleNamespace(docs_dir=None, config_file_path=str(tmp_path / "other.yml"))
    server = mkdocs_hook.on_serve(server, config=config, builder=server.builder)
    server.watch(str(overrides))  # (as MkDocs watches `watch:`, after on_serve)
    server.observer.start()

    def rebuild_wanted() -> bool:
        deadline = time.monotonic() + 10
        while not server._want_rebuild and time.monotonic() < deadline:
            time.sleep(0.1)
        wanted, server._want_rebuild = server._want_rebuild, False
        return wanted

    try:
        time.sleep(0.6)  # (the polling observer's first look)
        overrides.rename(tmp_path / "elsewhere")
        assert rebuild_wanted()  # (the build says what is missing)
        (tmp_path / "elsewhere").rename(overrides)
        assert rebuild_wanted()  # (back: built again)
        time.sleep(0.6)  # (the new watch's first look)
        (overrides / "main.html").write_text("{% extends 'base.html' %}\n{# edited #}\n")
        assert rebuild_wanted()  # (and an edit there is seen)
        assert server._watched_paths == {str(overrides): 1}
    finally:
        server._shutdown = True
        server.observer.stop()
        server.observer.join()


def test_under_serve_a_watched_folder_put_back_as_the_server_stops_is_left_alone(tmp_path, monkeypatch):
    # MkDocs' shutdown stops the observer (which forgets every watch) before it sets the
    # server's _shutdown: a folder put back then was unwatched through the stopped
    # observer, and its thread died on a KeyError traceback as serve exited.
    import threading
    import time
    from types import SimpleNamespace

    from mkdocs.livereload import LiveReloadServer

    from generator import mkdocs_hook

    died: list = []
    monkeypatch.setattr(threading, "excepthook", died.append)
    overrides = tmp_path / "overrides"
    overrides.mkdir()
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    config = SimpleNamespace(docs_dir=None, config_file_path=str(tmp_path / "other.yml"))
    server = mkdocs_hook.on_serve(server, config=config, builder=server.builder)
    server.watch(str(overrides))
    server.observer.start()
    try:
        time.sleep(0.6)  # (the polling observer's first look)
        overrides.rename(tmp_path / "elsewhere")
        deadline = time.monotonic() + 10
        while not server._want_rebuild and time.monotonic() < deadline:
            time.sleep(0.1)
        assert server._want_rebuild  # (the folder's going was seen: the thread waits)
        server._want_rebuild = False
        server.observer.stop()  # (MkDocs' shutdown, its first step)
        (tmp_path / "elsewhere").rename(overrides)
        time.sleep(3 * mkdocs_hook._LOOK_FOR_FOLDER)
        assert died == []
        assert not server._want_rebuild  # (nothing built by a server that stops)
        assert not server.observer._watches  # (the stopped observer watches nothing)
    finally:
        server._shutdown = True
        server.observer.join()


def _served_by_hook(tmp_path, error_pages: dict[int, bytes]):
    """MkDocs' server of a one-page site (tmp_path/site), as the hook's on_serve leaves
    it, its error pages ``error_pages`` (as MkDocs' serve reads them from the site): the
    server, and a function that asks it for a path (status, body)."""
    from types import SimpleNamespace

    from mkdocs.livereload import LiveReloadServer

    from generator import mkdocs_hook

    site = tmp_path / "site"
    site.mkdir(parents=True)
    (site / "index.html").write_text("<html><body><p>Home</p></body></html>")
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(site))
    server.error_handler = error_pages.get  # (as MkDocs' serve: None for a page not there)
    config = SimpleNamespace(docs_dir=None, config_file_path=str(tmp_path / "other.yml"))
    server = mkdocs_hook.on_serve(server, config=config, builder=server.builder)
    server.watch(str(tmp_path / "content"))  # (MkDocs injects the script only when watching)

    def get(path: str) -> tuple[str, str]:
        said = []
        body = b"".join(server.serve_request(
            {"PATH_INFO": path}, lambda status, headers: said.append(status)
        ))
        return said[0], body.decode()

    return server, get


def test_under_serve_page_not_found_reloads_with_the_site_and_says_a_stopped_rebuild(tmp_path, process_state):
    # MkDocs sent its 404 page without the live-reload script: a paper's page opened
    # before its file was saved (or whose file went away and came back) stayed "not
    # found" once the file was there, until reloaded by hand.
    from generator import build, mkdocs_hook

    not_found = b"<html><body><h1>Page not found</h1></body></html>"
    server, get = _served_by_hook(tmp_path, {404: not_found})
    status, page = get("/papers/new-paper/")
    assert status == "404 Not Found"
    assert page.startswith("<html><body><h1>Page not found</h1>")
    # The script polls for a site newer than the one it was sent with, as on every page.
    epoch = server._visible_epoch
    assert f"livereload({epoch}, " in page and f"livereload({epoch}, " in get("/")[1]
    stopped = ["mkdocs.yml:4:33: YAML syntax error: a colon followed by a space"]
    build.PROCESS_STATE[mkdocs_hook._STOPPED] = stopped
    status, page = get("/papers/new-paper/")
    assert "The site could not be built again: 1 error" in page
    assert "<li><code>mkdocs.yml:4:33: YAML syntax error: a colon followed by a space</code></li>" in page
    assert f"livereload({epoch}, " in page


def test_under_serve_an_internal_error_page_reloads_with_the_site_and_says_a_stopped_rebuild(
    tmp_path, process_state
):
    # MkDocs answered a request it failed on with the bare words "500 Internal Server
    # Error", no live-reload script: the tab stayed so after the cause was gone (a
    # rebuild), until reloaded by hand. (A NUL in the address is one such failure:
    # open() refuses the path with a ValueError, not the OSError of a file not there.)
    from generator import build, mkdocs_hook

    server, get = _served_by_hook(tmp_path, {})
    status, page = get("/papers/\x00/")
    assert status == "500 Internal Server Error"
    assert "500 Internal Server Error" in page
    assert f"livereload({server._visible_epoch}, " in page
    build.PROCESS_STATE[mkdocs_hook._STOPPED] = ["overrides/main.html:3:1: template error: x"]
    status, page = get("/papers/\x00/")
    assert status == "500 Internal Server Error"
    assert "<li><code>overrides/main.html:3:1: template error: x</code></li>" in page
    # A site with a page of its own for it (a hand page 500.md): that one, reloading.
    _, get = _served_by_hook(tmp_path / "own", {500: b"<html><body><h1>Oops</h1></body></html>"})
    status, page = get("/papers/\x00/")
    assert page.startswith("<html><body><div class=\"md-banner\">") and "<h1>Oops</h1>" in page
    assert "livereload(" in page


def test_under_serve_a_stopped_rebuild_of_a_file_named_in_no_utf_8_says_it_as_the_terminal_does(
    tmp_path, process_state
):
    # An override whose name is not UTF-8 (a Latin-1 'café.html' unzipped from an old
    # archive) with a mistake in it: Python keeps the byte as a lone surrogate, which
    # the bar could not encode: every page the server sent was "500 Internal Server
    # Error", and stayed so after the fix.
    from generator import build, mkdocs_hook

    build.PROCESS_STATE[mkdocs_hook._STOPPED] = [
        "overrides/partials/caf\udce9.html:1:1: template error: Expected an expression"
    ]
    _, get = _served_by_hook(tmp_path, {})
    status, page = get("/")
    assert status == "200 OK"
    assert "<p>Home</p>" in page
    assert "<li><code>overrides/partials/caf\\udce9.html:1:1: template error:" in page


def test_under_serve_a_mistake_mkdocs_stops_on_as_it_reads_mkdocs_yml_keeps_the_last_site(tmp_path, capsys):
    # A misspelt key under `strict` (or a theme not installed): MkDocs' server held every
    # page asked for ("will appear stuck") until mkdocs.yml was fixed.
    from mkdocs.config import load_config

    from generator import mkdocs_hook

    (tmp_path / "docs").mkdir()
    config = tmp_path / "mkdocs.yml"
    built = []

    def builder():  # (as MkDocs' serve builds: the config read again first)
        load_config(config_file=str(config), site_dir=str(tmp_path / "site"))
        built.append(1)

    rebuild = mkdocs_hook.guard_config(builder, tmp_path)
    for mistake in ("strict: true\nsite_descripton: Papers\n", "theme:\n  name: materialx\n"):
        config.write_text("site_name: Reading list\n" + mistake)
        rebuild()  # (raised, MkDocs' server would wait for a good build)
        assert built == []
        assert capsys.readouterr().err.splitlines()[-1] == (
            "readinglist: mkdocs.yml has errors; the site shows the last good build until"
            " they are fixed"
        )
    config.write_text("site_name: Reading list\nstrict: true\nsite_description: Papers\n")
    rebuild()
    assert built == [1]


def test_under_serve_a_docs_folder_removed_is_made_again_before_the_rebuild(tmp_path, capsys):
    # `rm -rf docs` (or `make clean`) while serving: MkDocs refused every rebuild, said
    # as a mistake in mkdocs.yml ("The path ... isn't an existing directory"), until
    # the server was restarted.
    import shutil

    from mkdocs.config import load_config

    from generator import mkdocs_hook

    (tmp_path / "docs").mkdir()
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: Reading list\nstrict: true\n")
    built = []

    def builder():  # (as MkDocs' serve builds: the config read again first)
        load_config(config_file=str(config), site_dir=str(tmp_path / "site"))
        built.append(1)

    rebuild = mkdocs_hook.guard_config(builder, tmp_path)
    shutil.rmtree(tmp_path / "docs")
    rebuild()
    assert built == [1] and (tmp_path / "docs").is_dir()
    assert capsys.readouterr().err == ""


def test_under_serve_a_value_mkdocs_refuses_in_mkdocs_yml_is_said_at_its_key(tmp_path, caplog):
    # MkDocs names the key, not where it is: "Config value 'site_descripton': ...".
    from mkdocs.config import load_config

    from generator import mkdocs_hook

    (tmp_path / "docs").mkdir()
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "# The site.\nsite_name: Reading list\nstrict: true\n  # the list's own words\n"
        "site_descripton: Papers\ntheme:\n  name: materialx\n"
    )
    rebuild = mkdocs_hook.guard_config(
        lambda: load_config(config_file=str(config), site_dir=str(tmp_path / "site")), tmp_path
    )
    with caplog.at_level("WARNING", logger="mkdocs.config"):
        rebuild()
    # (the key's line: MkDocs says which theme is not installed, not which line names it)
    unknown, theme = caplog.messages
    assert unknown == "mkdocs.yml:5:1: Unrecognised configuration name: site_descripton"
    assert theme.startswith("mkdocs.yml:6:1: Unrecognised theme name: 'materialx'. The available")


def test_the_pages_counts_are_written_in_the_language_mkdocs_yml_gives_the_theme():
    # (review of fix17's counts: render.counted groups an English site's thousands;
    # the language is Material's `theme: language:`, English when unset or empty.)
    from mkdocs.theme import Theme

    from generator.mkdocs_hook import _language

    def config(**theme):
        return types.SimpleNamespace(theme=Theme(name="material", **theme))

    assert _language(config(language="de")) == "de"
    assert _language(config()) == "en"  # (Material's own default)
    assert _language(types.SimpleNamespace(theme=None)) == "en"
