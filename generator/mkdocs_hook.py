"""The MkDocs hook (registered in mkdocs.yml): runs the generator before MkDocs reads docs/.

So plain `mkdocs build` and `mkdocs serve` work, and `readinglist build` / `serve`
simply call MkDocs. ``on_config`` runs at the start of every build (and every rebuild
under `mkdocs serve`): it generates the docs folder (writing only what changed) and
sets the navigation from the page plan, since the topics come from the content.

Curator errors are printed as ``path:line:col: message`` and abort the build; curator
warnings are printed but are not MkDocs warnings, so they do not fail a strict build.

Under a dirty build (`readinglist serve`, `mkdocs serve --dirty`) MkDocs builds only the
pages the generator rewrote; partial_rebuild.py says what the hook does to keep such a
site equal to a clean build's (`on_nav`, `on_page_context`, `on_post_build`).
"""

from __future__ import annotations

import html
import logging
import os
import re
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from urllib.parse import quote

import jinja2

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import clean_directory

from generator import build, cache, docslock, exports, half_saved, handlinks, markup_access, pages, paperdrafts, partial_rebuild, raw_html, repository_paragraphs, tablewords
from generator import firstlook, related, render, search, served_site, siteconfig, sitemodes, staged_site, theme_errors
from generator.atomicfile import write_if_changed
from generator.errors import CuratorError, Location, Problem, Severity, counted
from generator.quoting import quoted

log = logging.getLogger("mkdocs.hooks.readinglist")

# The current build's, from on_config to on_post_build; each is set again by every
# build. (MkDocs keeps this module loaded for the process: `load_config` caches hooks
# by path, so under `mkdocs serve` every rebuild runs the same module.)
_site = None  # the model the pages come from: while the content has errors, the last good one
_removed = True  # the generator removed a file from docs/ (or did not run)
_order: list[str] = []  # the site's page URLs, in MkDocs' order
_built: set[str] = set()  # the pages this build rendered
_partial = False  # this build renders only the pages the generator rewrote
_state: partial_rebuild.SiteState | None = None  # this site's, under a dirty build
# page source (docs/) -> where its curation file is edited, and that file's path
_edit_urls: dict[str, tuple[str, str]] = {}
_written: frozenset[str] = frozenset()  # the docs files the generator wrote this build
# page source (docs/) -> target page's source -> {anchor: link as written}: the links to
# no heading this build said (_check_hand_anchors), kept for the next (on_page_context)
_unfound: dict[str, dict[str, dict[str, str]]] = {}
# The theme overrides' folder and the project's (from on_env): where a template's
# mistake found while a page is rendered is said (on_build_error).
_overrides: tuple[Path, Path] | None = None
# Under serve, the site folder whose last good files this build set aside, and whether
# all of them (served_site.py).
_aside: tuple[Path, bool] | None = None
# Under a clean build, the config this build changed, its site folder, and the staging
# folder beside it MkDocs builds into, which replaces the site folder once the build
# has succeeded (staged_site.py).
_staged: tuple[MkDocsConfig, Path, Path] | None = None
# This build's files (from on_env), whose pages' texts go once it is over (_let_pages_go).
_files: Files | None = None
# The docs folder this build holds (docslock.py), and how the curator knows it ("docs/").
_docs: tuple[Path, str] | None = None
# The lock this build holds on its site folder (staged_site.lock_file), until the site
# folder is final; kept by a build Ctrl-C stopped until the process lets go of all.
_site_held: Path | None = None
# The last site lock this process took (not let go of with it): see on_serve.
_site_locked: Path | None = None


class CurationFailed(PluginError):
    """The content has errors; they were printed, nothing was generated."""

    def __init__(self, error: CuratorError):
        self.problems = error.problems
        errors = sorted(p for p in error.problems if p.severity.value == "error")
        # Where (the first) is: printed among the warnings, sorted by file, an error is
        # the one line without "warning:", easily scrolled past.
        where = f" ({'the first ' if len(errors) > 1 else ''}at {errors[0].location})" if errors else ""
        super().__init__(f"readinglist: {counted(len(errors), 'error')}{where}; nothing was built")


class ThemeFailed(CurationFailed):
    """The theme overrides' templates have syntax mistakes; they were printed."""


# Set for the life of the process by `mkdocs serve`.
_SERVING = "READINGLIST_SERVING"
# The navigation and model of the last site generated in this process, per docs folder:
# what a rebuild under `mkdocs serve` shows while the content has errors.
_LAST_GOOD = "readinglist_last_good"
# The SOURCE_DATE_EPOCH this hook set from the content, if it did (not the user's).
_OUR_EPOCH = "readinglist_our_epoch"
# For the life of the process: dirty builds asked for (on_startup), what the last build
# of each site folder left (partial_rebuild.SiteState), the search entries made so far,
# and the memo not yet stored (under serve, stored once at shutdown).
_DIRTY = "readinglist_dirty"
_SITES = "readinglist_sites"
_ENTRIES = "readinglist_search_entries"
_UNSAVED = "readinglist_unsaved"
# Set by the server's guard (guard_config) while it runs a rebuild: under `mkdocs serve
# --clean`, MkDocs tells the hook it is a build, but a failed one must leave the last
# good site served all the same.
_GUARDED = "readinglist_guarded"
_SERVED = "readinglist_served"  # on_serve was called: this process serves
# Under serve, the mistakes that stopped the last rebuild before the hook could show them
# in the theme's own bar (mkdocs.yml, the theme overrides): until a build succeeds, a bar
# the server adds to every page it serves says them (_with_stopped_bar).
_STOPPED = "readinglist_stopped"
# The docs folders this process holds (docslock.Held, by folder).
_DOCS_LOCKS = "readinglist_docs_locks"
# The site folder this process holds (docslock.Held; _hold_site), and whether the command
# is `mkdocs gh-deploy`, which pushes the site folder after the build and its on_shutdown.
_SITE_LOCKS = "readinglist_site_locks"
_DEPLOYING = "readinglist_deploying"
# Under serve, what the watched files were as the first build began reading them
# (firstlook.Look): _TO_LOOK from on_startup until the next build takes it (only a
# server's: see _first_look), which the next on_serve compares with the files once it
# watches (_catch_up). One serve's: on_serve, the build after and on_shutdown take it away.
_FIRST_LOOK = "readinglist_first_look"
_TO_LOOK = "to look"


def on_startup(command: str, dirty: bool) -> None:
    # (A site folder an earlier `gh-deploy` of this process kept held: see on_shutdown.)
    docslock.let_go_of_all(_site_locks())
    build.PROCESS_STATE[_DEPLOYING] = command == "gh-deploy"
    build.PROCESS_STATE[_FIRST_LOOK] = _TO_LOOK
    if command == "serve":
        os.environ[_SERVING] = "1"
        # (`readinglist serve` did so already; plain `mkdocs serve` stopped by SIGTERM
        # or SIGHUP left its built site in the temporary folder.)
        from generator.commands.serve import stop_on_signals

        stop_on_signals()
    build.PROCESS_STATE[_DIRTY] = dirty
    if dirty:
        # MkDocs warns that a dirty build may show stale navigation and links; this hook
        # sees to it that it does not (partial_rebuild.py), and under `strict` the
        # warning would fail every build.
        _quiet_dirty_warning()


# The project's own folders: the generator empties its docs folder of what it did not
# plan, and MkDocs empties the site folder before a build; either one pointed at (or
# around) these would delete a curator's work.
_OWN_FOLDERS = ("content", "overrides", "generator", "tests", "benchmarks", ".git", ".github")
# What a folder holding a project (this one or another) has at its top. (Not a bare
# content/: a built site has one for a hand-written page named content.md; nor .git:
# MkDocs leaves dot-files alone, and a gh-pages checkout is a usual site folder.)
_PROJECT_MARKS = ("mkdocs.yml", "content/papers", "pyproject.toml")


def _refuse_curators_folders(root: Path, docs_dir: Path, site_dir: Path) -> None:
    """Stops the build when the docs or the site folder is the project folder, holds
    it, is (or is inside) one of its own folders, or holds a project of its own (a
    relative --site-dir taken from another folder than meant)."""
    for what, folder in (("docs_dir", docs_dir), ("site_dir", site_dir)):
        folder = folder.resolve()
        mine = next((name for name in _OWN_FOLDERS if folder.is_relative_to(root / name)), None)
        holds = next((name for name in _PROJECT_MARKS if (folder / name).exists()), None)
        if folder == root or root.is_relative_to(folder):
            why = "the project folder itself" if folder == root else "a folder holding the project"
        elif mine is not None:
            why = f"the project's {mine}/ folder" if folder == root / mine else f"inside {mine}/"
        elif holds is not None:
            why = f"a folder holding a project (it has {holds})"
        elif (foreign := _foreign_file(folder, _BUILT_MARKS[what])) is not None:
            # Any other folder with files in it: only one this tool or MkDocs filled
            # before (.venv, .ci, a curator's notes/ are neither).
            why = f"a folder holding files no build wrote (such as {foreign})"
        else:
            continue
        raise PluginError(
            f"readinglist: {what} {quoted(str(folder))} is {why}; it is emptied on every build,"
            " which would delete what is there: choose a folder of its own (the default"
            f" is {'docs' if what == 'docs_dir' else 'site'}/; an empty or new one will do)"
        )


# What a folder a build filled before holds: MkDocs' site (its theme's assets come
# first, so a build stopped early has them), the generator's docs.
_BUILT_MARKS = {
    "site_dir": ("index.html", "404.html", "sitemap.xml", "assets", "search"),
    "docs_dir": ("papers.json", "papers", "topics"),
}


def _foreign_file(folder: Path, marks: tuple[str, ...]) -> str | None:
    """The name of a file or folder in ``folder`` (dot-files aside: MkDocs keeps them)
    when ``folder`` has none of ``marks``; None when it is new, empty or has one."""
    if not folder.is_dir() or any((folder / mark).exists() for mark in marks):
        return None
    return next((entry.name for entry in sorted(folder.iterdir()) if not entry.name.startswith(".")), None)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _site, _removed, _edit_urls, _written, _overrides, _aside, _docs, _staged, _unfound
    _first_look(config)  # (before anything of this build's is read)
    _site, _removed, _edit_urls, _written, _overrides = None, True, {}, frozenset(), None
    _unfound = {}
    _docs = _staged = None
    build.PROCESS_STATE.pop(_STOPPED, None)  # (said again if this build stops too)
    _say_again()
    _aside = None
    # The main feed's title as feed.xml gives it (exports.feed_title: "Smith Lab:
    # robotics — recently added papers"), for the theme's <link rel=alternate>
    # (overrides/main.html), which spelled it with a second colon. (In config.extra, so
    # the stamp of a dirty rebuild holds it.)
    config.extra["readinglist_feed_title"] = exports.feed_title(config.site_name, exports.FEED_WHAT)
    # Stashes the generated pages' HTML blocks before any HTML parser reads them (see
    # raw_html.py). (A new config every build: never in the list twice.)
    if not any(isinstance(e, raw_html.RawHtmlExtension) for e in config.markdown_extensions):
        config.markdown_extensions.append(raw_html.RawHtmlExtension())
    # Names the permalinks and gives Markdown tables' header cells their scope (see
    # markup_access.py).
    if not any(isinstance(e, markup_access.MarkupAccessExtension) for e in config.markdown_extensions):
        config.markdown_extensions.append(markup_access.MarkupAccessExtension())
    # Keeps a short hyphenated word of a Markdown table's cell on one line (tablewords.py).
    if not any(isinstance(e, tablewords.TableWordsExtension) for e in config.markdown_extensions):
        config.markdown_extensions.append(tablewords.TableWordsExtension())
    # (before anything is shown: the errors page has the footer too)
    repository = bool(_repository(config)[0])
    # Leaves out of a hand page the paragraph marked true only with a repository, or only
    # without one, whichever is false (repository_paragraphs.py). (Replaced, not kept:
    # REPO_URL may differ from the last build's in this process.)
    config.markdown_extensions[:] = [
        e for e in config.markdown_extensions
        if not isinstance(e, repository_paragraphs.RepositoryParagraphsExtension)
    ]
    config.markdown_extensions.append(repository_paragraphs.RepositoryParagraphsExtension(repository))
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is not None and not (
        _WHOLE_NUMBER.fullmatch(epoch.strip()) and int(epoch) <= _LAST_SECOND
    ):  # (milliseconds, 1764374400000, are a year past 9999: a traceback in MkDocs)
        # (Before anything imports numpy, whose f2py reads it with int() at import: a
        # traceback for a value left empty in a CI script.)
        raise PluginError(
            f"readinglist: SOURCE_DATE_EPOCH must be whole seconds since 1970, as"
            f" `git log -1 --format=%ct` prints them, not {quoted(epoch)}; unset it to date the"
            " build from the content"
        )
    if config.site_url and any(ch.isspace() for ch in config.site_url):
        # (MkDocs keeps a trailing space and adds "/": every canonical link and feed id
        # would read ".../ /".) Most likely a stray space in the SITE_URL variable.
        raise PluginError(
            f"readinglist: site_url {quoted(config.site_url)} has a space in it; check the"
            " SITE_URL variable (or site_url in mkdocs.yml)"
        )
    if not config.site_url and not os.environ.get(_SERVING):
        # Fine for a look on this machine; published so, instant navigation, the 404 page
        # under a sub-path and absolute feed links do not work (the README says why).
        # The feeds are written all the same (a link relative to the feed's own address is
        # valid Atom, RFC 4287's IRI references; the served site's feed needs none), but
        # said by name: a feed is read by a program, not by the curator who would see what
        # the pages lack, and its ids (`urn:` names) change once the address is set, each
        # entry then new to a subscriber. Not a warning: `make site`, a first look on a
        # fresh clone, builds --strict without SITE_URL; CI sets it for what it publishes.
        log.info(
            "readinglist: site_url is not set (SITE_URL is empty): build with"
            " SITE_URL=https://your.host/path/ for a site to publish (without it the feeds'"
            " links are relative, which some feed readers do not follow, and their entries'"
            " ids change once it is set)"
        )
    root = Path(config.config_file_path).resolve().parent
    # (`mkdocs build` alone: `readinglist build`, `serve` and `check` say it before.)
    markup = siteconfig.markup_in_settings(root)
    if markup.has_errors():
        raise PluginError("\n".join(str(problem) for problem in markup.errors))
    _refuse_curators_folders(root, Path(config.docs_dir), Path(config.site_dir))
    # (before the generator writes there; a server's address is its site_url)
    docs_dir = Path(config.docs_dir).resolve()
    _hold_docs(docs_dir, _shown(docs_dir, root), _serves(config) if os.environ.get(_SERVING) else "")
    settings = build.Settings(
        content_dir=root / "content",
        docs_dir=Path(config.docs_dir),
        site_name=config.site_name,
        site_url=config.site_url or "",
        language=_language(config),
        source_date_epoch=_source_date_epoch(),
        # Reruns in a new process reuse what the last build computed (see cache.py).
        cache_dir=_cache_dir(root),
    )
    last_good: dict = build.PROCESS_STATE.setdefault(_LAST_GOOD, {})
    try:
        # The memo is stored below, once the docs are written (under serve at
        # shutdown), rather than between the generator and its writes.
        result = _generate(settings, root)
    except CuratorError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        good = last_good.get(str(settings.docs_dir))
        serving = bool(os.environ.get(_SERVING))
        errors = [_as_printed(str(p)) for p in error.problems if p.severity.value == "error"]
        if serving and good is None:
            # Started with errors: no good pages to show yet. Rather than stop (a
            # curator who left a file half-done could not preview at all), one page that
            # says so, the errors in the bar; fixed, the next build is the site.
            config.docs_dir = str(_errors_page(settings.cache_dir or root / ".cache" / "readinglist"))
            config.nav = None
            config.extra["readinglist_problems"] = errors
            config.extra["readinglist_no_site"] = True  # (the bar says so)
            print(
                "readinglist: the content has errors; the site shows them until they are"
                " fixed",
                file=sys.stderr,
            )
            return config
        if serving and good is not None:
            # Under `mkdocs serve` a failed build leaves the browser waiting until the
            # content is fixed. Rather: the last good pages (still in docs/), with the
            # errors in a bar at the top of every page (overrides/main.html).
            config.nav, _site = good
            _old_addresses(config, _site)
            _edit_urls = edit_urls(config, _site, root)  # (every page is built again)
            config.extra["readinglist_problems"] = errors
            _removed = False  # (nothing ran; the banner is in the stamp: see on_nav)
            # (printed, not logged: an error in MkDocs' log would abort a strict build)
            print(
                "readinglist: the content has errors; the site shows the last good pages",
                file=sys.stderr,
            )
            return config
        raise CurationFailed(error) from None
    last_good[str(settings.docs_dir)] = (result.plan.nav, result.site)
    # (What `check` says of a list of one's own still showing the example's name and home
    # page, or setting MkDocs' repo_url, said here too: a lab that only ever runs `make
    # site` is told it as well.)
    said = [*siteconfig.example_left(root).warnings, *siteconfig.repository_setting(root).warnings]
    for problem in [*result.warnings, *said]:
        print(problem, file=sys.stderr)
    if settings.source_date_epoch is None:
        # MkDocs dates the sitemap from this variable (else today): derive it from the
        # content so that two builds of the same content are byte-identical. Under
        # serve, each build derives it again (a paper added today moves it).
        epoch = str(result.build_epoch)
        os.environ["SOURCE_DATE_EPOCH"] = build.PROCESS_STATE[_OUR_EPOCH] = epoch
    config.nav = result.plan.nav
    _site = result.site
    _old_addresses(config, result.site)
    _edit_urls = edit_urls(config, result.site, root)
    _removed = bool(result.report.removed)
    _written = frozenset(result.report.written)
    if result.unsaved:
        build.PROCESS_STATE[_UNSAVED] = settings
    if not os.environ.get(_SERVING):
        # No rebuild follows: the memo is stored now and let go, rather than kept alive
        # while MkDocs builds the site (build.release_memo). Under serve it is stored
        # at shutdown, off the path from an edit to the browser (0.7 s at 10,000 papers).
        _store_memo()
        build.release_memo()
    report = result.report
    total = sum(result.timings.values())
    phases = ", ".join(f"{name} {seconds:.2f}" for name, seconds in result.timings.items())
    log.info(
        f"readinglist: {len(result.plan.outputs)} files, {len(report.written)} written, "
        f"{len(report.removed)} removed, in {total:.2f} s ({phases})"
    )
    return config


def _first_look(config: MkDocsConfig) -> None:
    """The build after on_startup, a server's, looks at the files the server will watch
    before it reads them (see _catch_up); any other build forgets a look an earlier one
    took, which is no longer of the last build. (Not a plain build's: a stat of every
    file, 0.07 s at 10,000 papers, in a rerun that aims at 1 s.)"""
    if build.PROCESS_STATE.pop(_FIRST_LOOK, None) == _TO_LOOK and (
        os.environ.get(_SERVING) or _servers_folder(getattr(config, "site_dir", None))
    ):
        watched = [*(getattr(config, "watch", None) or ()), getattr(config, "config_file_path", None)]
        if _theme_watched():
            watched += getattr(getattr(config, "theme", None), "dirs", None) or []
        config_file = getattr(config, "config_file_path", None)
        cache = [_cache_dir(Path(config_file).resolve().parent)] if config_file else []
        output = [getattr(config, "docs_dir", None), getattr(config, "site_dir", None), *cache]
        build.PROCESS_STATE[_FIRST_LOOK] = firstlook.take(
            (path for path in watched if path), left_out=[str(path) for path in output if path]
        )


def _theme_watched() -> bool:
    """Whether the server watches the theme's folders (`mkdocs serve --watch-theme`: the
    overrides and Material's templates; its watches start after the first build, as the
    others do). MkDocs tells its plugins nothing of it; its command line's context does."""
    import click

    context = click.get_current_context(silent=True)
    return bool(context is not None and context.params.get("watch_theme"))


def _servers_folder(site_dir: str | None) -> bool:
    """Whether ``site_dir`` is the folder MkDocs' serve builds into (its
    tempfile.mkdtemp(prefix="mkdocs_")): `mkdocs serve --clean` tells on_startup it is
    a build. (A plain build into such a folder costs only the look.)"""
    if not site_dir:
        return False
    folder = os.path.abspath(site_dir)
    return os.path.basename(folder).startswith("mkdocs_") and os.path.dirname(folder) == os.path.abspath(
        tempfile.gettempdir()
    )


def _generate(settings: build.Settings, root: Path):
    """build.generate; under serve, once more when a file its problems are in was found
    empty just as an editor saving it in place had emptied it, and is written a moment
    later, or was read cut short by a save not over yet, and is written again once it
    is (half_saved.py)."""
    read_from = half_saved.now()
    try:
        return build.generate(settings, save=False)
    except CuratorError as error:
        if not os.environ.get(_SERVING):
            raise
        named = {root / problem.location.path for problem in error.problems}
        cut_short = {
            root / problem.location.path
            for problem in error.problems
            if problem.severity is Severity.ERROR and problem.message.startswith(half_saved.CUT_SHORT)
        }
        if not half_saved.written_meanwhile(named) and not half_saved.rewritten_once_settled(
            cut_short, read_from
        ):
            raise
    return build.generate(settings, save=False)


def _hold_docs(docs_dir: Path, shown: str, serves: str) -> None:
    """This process's hold on the docs folder (docslock.py; ``shown``: "docs/"): as a
    server at ``serves`` until it stops, else as a build until it ends (_let_docs_go).
    Another server holding it stops the build (Abort: said in one line, as MkDocs' own
    refusals are)."""
    global _docs
    from mkdocs.exceptions import Abort

    try:
        docslock.take(docs_dir, shown, _docs_locks(), serves=serves)
    except docslock.DocsInUse as error:
        raise Abort(f"readinglist: {error}") from None
    except OSError as error:
        # (A read-only or foreign-owned docs folder: filelock's traceback said nothing of it.)
        where = error.filename or docs_dir
        raise Abort(
            f"readinglist: cannot write {shown} ({error.strerror or error}: {where}): the generator"
            f" writes the site's pages there; make it writable, or name another docs_dir in mkdocs.yml"
        ) from None
    _docs = (docs_dir, shown)


def _shown(folder: Path, root: Path) -> str:
    """``folder`` as the curator knows it: "docs/", else its whole path."""
    return f"{folder.relative_to(root).as_posix()}/" if folder.is_relative_to(root) else f"{folder}/"


def _hold_site(config: MkDocsConfig) -> None:
    """This build's hold on its site folder until the folder is final (_let_site_go): a
    build into it from another checkout, whose docs folder is its own, waits for it
    rather than remove the staging folder this one builds in (staged_site.py)."""
    global _site_held, _site_locked
    from mkdocs.exceptions import Abort

    site = Path(config.site_dir)
    lock = staged_site.lock_file(site)
    root = Path(config.config_file_path).resolve().parent
    try:
        docslock.hold(lock, _shown(site, root), _site_locks())
    except docslock.LockForbidden as error:
        # (Another user's lock file: built without it, this build would remove the
        # staging folder of theirs running, or publish beside it.)
        raise Abort(f"readinglist: {error}") from None
    except OSError:
        # (A parent folder the build may not write in: no staging folder can be made
        # there either, and the site is built in place, as MkDocs does.)
        return
    _site_held = _site_locked = lock


def _let_site_go() -> None:
    global _site_held
    if _site_held is not None:
        docslock.release(_site_held, _site_locks())
        _site_held = None


def _serves(config: MkDocsConfig) -> str:
    """The address a server serves at (MkDocs sets site_url to it)."""
    return config.site_url or f"http://{config.dev_addr}/"


def _let_docs_go() -> None:
    """A build is over: the docs folder is free again (a server's stays held)."""
    if _docs is not None and not docslock.serving(_docs[0], _docs_locks()):
        docslock.let_go(_docs[0], _docs_locks())


def _docs_locks() -> dict[str, docslock.Held]:
    return build.PROCESS_STATE.setdefault(_DOCS_LOCKS, {})  # type: ignore[return-value]


def _site_locks() -> dict[str, docslock.Held]:
    return build.PROCESS_STATE.setdefault(_SITE_LOCKS, {})  # type: ignore[return-value]


def _old_addresses(config: MkDocsConfig, site) -> None:
    """A renamed paper's old addresses lead to its page: mkdocs-redirects (in mkdocs.yml)
    writes a page at each; redirects a curator wrote there come first. The pages load
    the reading log's map of old ids (overrides/main.html) only when there is one."""
    moved = pages.old_addresses(site)
    # (Only a renamed paper's old ids are in the reading log: topics' are not.)
    config.extra["readinglist_formerly"] = bool(pages.renamed(site))
    plugin = config.plugins.get("redirects")
    if plugin is None:
        if moved:
            print(
                "readinglist: warning: papers or topics have 'formerly:' ids, but mkdocs.yml"
                " has no redirects plugin: their old addresses show 'Page not found'; add"
                " '- redirects' under 'plugins:'",
                file=sys.stderr,
            )
        return
    # A redirect of the curator's to a page that moved since leads to where it went.
    theirs = {
        old: _followed(target, moved)
        for old, target in (plugin.config.get("redirect_maps") or {}).items()
    }
    plugin.config["redirect_maps"] = {**moved, **theirs}


def _followed(target: object, moved: dict[str, str]) -> object:
    """A redirect's target, moved on when the page it names is an old address."""
    if not isinstance(target, str):
        return target  # (the plugin says what is wrong with it)
    page, mark, anchor = target.partition("#")
    return moved.get(page, page) + mark + anchor


_REPOSITORY = re.compile(r"https?://[^\s\"'<>`\\]+")
_BRANCH = re.compile(r"[\w.-]+(/[\w.-]+)*")


def _repository(config: MkDocsConfig) -> tuple[str, str]:
    """`extra.repository` and its branch, checked: ("", ...) when none is set."""
    repository = str(config.extra.get("repository") or "").rstrip("/")
    branch = str(config.extra.get("repository_branch") or "main")
    # (From the environment, not from a curator's file; still only an http(s) address
    # goes into an href, and the build says so rather than publish a broken button.)
    if repository and (not _REPOSITORY.fullmatch(repository) or not _BRANCH.fullmatch(branch)):
        raise PluginError(
            f"readinglist: extra.repository {quoted(repository)} or its branch {quoted(branch)} is not"
            " an http(s) address and a branch name; check REPO_URL and REPO_BRANCH"
        )
    return repository, branch


def edit_urls(config: MkDocsConfig, site, root: Path) -> dict[str, tuple[str, str]]:
    """Page source (in docs/) -> the address that edits the curation file it is made
    from, in the repository `extra.repository` names (GitHub's /edit/BRANCH/PATH form),
    and that file's path; none without a repository."""
    repository, branch = _repository(config)
    if not repository:
        return {}
    sources = {f"papers/{p.id}.md": p.source.path for p in site.papers if p.source}
    sources.update({f"topics/{t.id}/index.md": t.source.path for t in site.topics if t.source})
    pages = root / "content" / "pages"
    if pages.is_dir():
        sources.update(
            {f"{md.stem}.md": md.relative_to(root).as_posix() for md in sorted(pages.glob("*.md"))}
        )
    return {
        page: (f"{repository}/edit/{quote(branch)}/{quote(path)}", path)
        for page, path in sources.items()
    }


_ERRORS_PAGE = """\
# The content has errors

`readinglist serve` shows the reading list once its content has no errors. They are
listed above, each at its file, line and column (`readinglist check` lists them too).
Fix them and save: this page reloads, and the site takes its place.
"""


def _errors_page(cache_dir: Path) -> Path:
    """A docs folder of one page, for `serve` started while the content has errors."""
    folder = cache_dir / "errors-page"
    folder.mkdir(parents=True, exist_ok=True)
    write_if_changed(folder / "index.md", _ERRORS_PAGE)
    return folder


def _language(config) -> str:
    """The site's language, mkdocs.yml's `theme: language:` (Material's; English unset),
    which the pages' counts are written in (render.counted), as the browser writes the
    tables' (table-filter.js, the page's lang)."""
    language = config.theme.get("language") if config.theme is not None else None
    return language if isinstance(language, str) and language.strip() else "en"


def _source_date_epoch() -> int | None:
    """The user's SOURCE_DATE_EPOCH; not the one an earlier build of this process set."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "")
    if value == build.PROCESS_STATE.get(_OUR_EPOCH):
        return None
    if not _WHOLE_NUMBER.fullmatch(value.strip()) or int(value) > _LAST_SECOND:
        return None
    return int(value)


# ASCII digits only: str.isdigit() takes "²", which int() refuses.
_WHOLE_NUMBER = re.compile(r"[0-9]+")
_LAST_SECOND = 253402300799  # 9999-12-31T23:59:59Z, the last date Python's datetime has


def on_pre_build(config: MkDocsConfig) -> None:
    if not _keeps_last_good() and not build.PROCESS_STATE.get(_SERVED):
        _hold_site(config)  # (a server builds in a temporary folder of its own)
    if not build.PROCESS_STATE.get(_DIRTY) and (_keeps_last_good() or not _stage(config)):
        # MkDocs empties the site folder next. Set aside under every build, not only
        # under serve: a strict build that a page's warning stops (a curator's typo)
        # left an empty site folder, and a reader's last good site was gone. (Under
        # serve MkDocs' own temporary folder is served: a staging folder would gain
        # nothing, and a dirty build needs the last site's files where they are.)
        _set_aside(config)
    # Material's search plugin keeps the last dirty build's index and merges this one's
    # into it, assuming one page was rebuilt; on_post_build merges instead, page by page.
    plugin = config.plugins.get("material/search")
    if plugin is not None and hasattr(plugin, "search_index_prev"):
        plugin.search_index_prev = None


def _stage(config: MkDocsConfig) -> bool:
    """Points MkDocs at a staging folder beside the site folder, which replaces it
    once the build has succeeded (staged_site.py); False when none can (the site is
    then built in place)."""
    global _staged
    site = Path(config.site_dir)
    staging = staged_site.begin(site)
    if staging is None:
        log.info(
            f"readinglist: {site} is built in place (no folder can be made beside it to"
            " build into, or it is a mount point): a web server reading it meanwhile"
            " serves the half-built site"
        )
        return False
    _staged = (config, site, staging)
    config.site_dir = str(staging)
    # MkDocs says it builds into the staging folder, a dot-folder no one asked for.
    logger = logging.getLogger("mkdocs.commands.build")
    for old in [f for f in logger.filters if type(f).__name__ == "_SiteNamed"]:
        logger.removeFilter(old)  # (a staging folder of an earlier build in this process)
    logger.addFilter(_SiteNamed(site, staging))
    return True


def _say_again() -> None:
    """MkDocs' own command line (`mkdocs serve`, `mkdocs build`) puts a filter on its build
    logger that lets each message through once in a process. Under `mkdocs serve` a
    rebuild stopped by the same mistake as an earlier one (fixed, then made again) logged
    no "readinglist: 1 error (at ...); nothing was built": the curator saw the errors
    with no word that the site was not rebuilt. This build's lines are said again."""
    for kept in logging.getLogger("mkdocs.commands.build").filters:
        said = getattr(kept, "msgs", None)
        if type(kept).__name__ == "DuplicateFilter" and isinstance(said, set):
            said.difference_update([m for m in said if isinstance(m, str) and m.startswith("readinglist:")])


class _SiteNamed(logging.Filter):
    """MkDocs' "Building documentation to directory: STAGING" names the site folder
    too."""

    def __init__(self, site: Path, staging: Path):
        super().__init__()
        self.said = f"Building documentation to directory: {staging}"
        self.instead = f"Building documentation to directory: {site} (built in {staging}, then swapped in)"

    def filter(self, record: logging.LogRecord) -> bool:
        if record.msg == self.said:
            record.msg = self.instead
        return True


def _publish() -> None:
    """The staged site, built, replaces the site folder, and MkDocs' config names the
    site folder again (`mkdocs gh-deploy` reads it after the build)."""
    global _staged
    if _staged is None:
        return
    config, site, staging = _staged
    _staged = None
    config.site_dir = str(site)
    if not staged_site.publish(site, staging):
        # (Another file system, a folder another owns in a sticky /tmp, a dot-file in
        # it its builder may not move, such as a root-owned .well-known/: no rename.)
        print(
            f"readinglist: {site} could not be replaced by a rename (nor a dot-file of"
            " it moved); its files were replaced one by one",
            file=sys.stderr,
        )
        staged_site.move_in_place(site, staging)
        sitemodes.make_publishable(site)
    for gone in staged_site.left_behind(site):
        # (Another user's files in an old site, in a project folder two users share.)
        owner = docslock.owner_of(gone)
        print(
            f"readinglist: {site} is published, but an old site, {gone}, could not all be"
            f" deleted (files you may not delete; the folder is {owner}'s): ask {owner} to"
            " delete it (each build tries again)",
            file=sys.stderr,
        )


def _abandon_staging() -> Path | None:
    """A failed build's staging folder goes, the site folder untouched; that folder
    when it holds a site (the last one built, so kept)."""
    global _staged
    if _staged is None:
        return None
    config, site, staging = _staged
    _staged = None
    config.site_dir = str(site)
    staged_site.abandon(staging)
    return site if staged_site.holds_a_site(site) else None


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    global _partial, _order, _state
    # (as Page.url has them: the home page is "", its File.url "./")
    _order = ["" if file.url in (".", "./") else file.url for file in files.documentation_pages()]
    _built.clear()
    _state = None
    if not build.PROCESS_STATE.get(_DIRTY):
        _partial = False  # MkDocs empties the site folder and builds every page
        return nav
    site_dir = str(Path(config.site_dir).resolve())
    previous = _sites().get(site_dir)
    stamp = _stamp(config, nav)
    custom_dir = config.theme.custom_dir
    theme = partial_rebuild.theme_files(Path(custom_dir) if custom_dir else None)
    # The theme overrides' files MkDocs copies into the site as they are, and where.
    copies = {
        os.path.realpath(file.abs_src_path): file.abs_dest_path
        for file in files
        if not file.is_documentation_page() and file.abs_src_path
        and os.path.realpath(file.abs_src_path) in theme
    }
    why, recopy = [], []
    if previous is not None:
        why = partial_rebuild.changed(previous.stamp, stamp)
        every, recopy = partial_rebuild.theme_edits(previous.theme, theme, copies, previous.templates)
        why += (["the theme overrides"] if every else []) + (["a page went away"] if _removed else [])
    _partial = previous is not None and not why
    if _partial:
        # MkDocs builds again a page (or copies a file) whose source is newer than its
        # output; where times count whole seconds (ext3, HFS+, FAT), a file rewritten in
        # the second its output was written looked older, and its page stayed stale.
        # What the generator wrote is known: its outputs go, so MkDocs makes them again.
        outputs = [
            Path(file.abs_dest_path) for file in files
            if file.src_uri in _written and file.abs_dest_path
        ]
        if _keeps_last_good():
            _set_aside(config, outputs)  # (kept until the build succeeds)
        else:
            for output in outputs:
                output.unlink(missing_ok=True)
    if previous is not None and _partial:
        partial_rebuild.restore_labels(
            nav.pages, previous.labels, lambda page: not page.file.is_modified()
        )
        previous.theme = theme
        for path in recopy:
            # MkDocs copies a file again only if it is newer than its copy: one put back
            # with its old time would not be.
            Path(copies[path]).unlink(missing_ok=True)
    else:
        # Every page shows something that changed (or a page went away): build all.
        if _keeps_last_good():
            _set_aside(config)
        else:
            clean_directory(config.site_dir)
        _sites()[site_dir] = partial_rebuild.SiteState(stamp, theme=theme)
        if previous is not None:
            log.info(f"readinglist: building every page: {' and '.join(why)}")
    _state = _sites()[site_dir]
    return nav


def on_serve(server, config: MkDocsConfig, builder):
    # MkDocs watches docs/, which this hook writes during every build: each edit was
    # built twice, the second time for the generator's own writes. content/ is watched.
    if config.docs_dir:
        server.unwatch(config.docs_dir)
    # (`mkdocs serve --clean` too, which MkDocs' on_startup calls a "build": stopped by
    # SIGTERM, it left its temporary folder. From its first build on: a stop during it
    # still does.)
    from generator.commands.serve import stop_on_signals

    stop_on_signals()
    # `mkdocs serve --clean`'s first build, which MkDocs calls a build, held a lock on
    # its site folder: MkDocs' temporary folder, whose lock file, beside it in the
    # system's temporary folder, stayed there once the server stopped. No other build
    # names that folder: the file goes (the lock was let go with the build).
    # Nor do its rebuilds hold it (under `mkdocs -f other.yml serve --clean` too, whose
    # rebuilds are not guard_config's).
    build.PROCESS_STATE[_SERVED] = True
    site_dir = getattr(config, "site_dir", None)
    if _site_locked is not None and _site_held is None and site_dir:
        if _site_locked == staged_site.lock_file(Path(site_dir)):
            _site_locked.unlink(missing_ok=True)
    if _docs is not None and hasattr(config, "dev_addr"):
        # Held until the server stops: under `mkdocs serve --clean` too, whose builds
        # MkDocs calls builds (each let it go).
        _hold_docs(*_docs, _serves(config))
    # While the server waits for the first edit: the first title or abstract edit
    # would otherwise also import scikit-learn.
    threading.Thread(target=related.warm_up, name="readinglist-warm-up", daemon=True).start()
    _ignore_editors_files(server)
    _bar_when_stopped(server)
    _reloading_error_pages(server)
    look = build.PROCESS_STATE.pop(_FIRST_LOOK, None)  # (this serve's, taken by its first build)
    if isinstance(look, firstlook.Look):
        _catch_up(server, look)
    config_file = Path(getattr(config, "config_file_path", None) or "")
    if config_file.name == siteconfig.CONFIG:  # (the file `check` reads; not `mkdocs -f other.yml`)
        server.builder = guard_config(builder, config_file.resolve().parent)
    return server


def _catch_up(server, look: firstlook.Look) -> None:
    """A file saved while the server's first build ran (an import run beside it, an
    editor's save in the seconds that build takes) was in no page: the build had read
    the content before, and the watches, which MkDocs starts after that build, took
    their first look after the save, so saw no change. The site stayed without it,
    unsaid, until another save. As the watches start (server.serve(), before it
    serves), a file under them that differs from what the first build's look saw (not
    an editor's own file) asks for one rebuild, as a change they see does; a file saved
    before that build read it is the same in both, and asks none."""
    observer = getattr(server, "observer", None)
    if observer is None or not hasattr(server, "_rebuild_cond"):
        return
    start = observer.start

    def started_and_caught_up() -> None:
        start()  # (watchdog's observer takes each watch's first look here: a save after it is theirs to see)
        changed = firstlook.files_changed(look, list(getattr(server, "_watched_paths", {})))
        saved = [path for path in changed if not _an_editors_file(path)]
        if saved:
            log.info(f"readinglist: {counted(len(saved), 'file')} saved while the site was first built")
            with server._rebuild_cond:
                server._want_rebuild = True
                server._rebuild_cond.notify_all()

    observer.start = started_and_caught_up


def _bar_when_stopped(server) -> None:
    """Every page the server sends carries, while a rebuild is stopped by a mistake in
    mkdocs.yml or the theme overrides, a bar that says it (the theme's own bar, in the
    last good pages, cannot: the build that would put it there is what failed). The page
    reloaded into the last good site with no word of why; only the terminal said it."""
    inject = getattr(server, "_inject_js_into_html", None)  # (MkDocs' live-reload script)
    if inject is None:
        return

    def injected(content: bytes, epoch: int) -> bytes:
        return _with_stopped_bar(inject(content, epoch), build.PROCESS_STATE.get(_STOPPED))

    server._inject_js_into_html = injected


def _reloading_error_pages(server) -> None:
    """The server's "Page not found" (the site's 404 page) and "500 Internal Server
    Error" reload when the site is built again, as every page does, and carry the bar
    of a stopped rebuild: MkDocs sends them without its live-reload script. A page whose
    file went away (a paper deleted, or moved aside and put back, a page renamed) stayed
    "not found" when it came back, and the address of a paper being written by hand,
    opened before its file was saved, stayed so once it was: until reloaded by hand; a
    request the server failed on stayed a bare "500 Internal Server Error" once the
    site was built again."""
    handler = getattr(server, "error_handler", None)
    if handler is None or not hasattr(server, "_epoch_cond") or not hasattr(server, "_visible_epoch"):
        return

    def error_page(code: int) -> bytes | None:
        content = handler(code)
        if code == 500 and content is None:  # (the site has no 500.html: MkDocs' words)
            content = _INTERNAL_ERROR
        if code not in (404, 500) or content is None:
            return content
        with server._epoch_cond:  # (the site the page is of: the last one built)
            epoch = server._visible_epoch
        return server._inject_js_into_html(content, epoch)

    server.error_handler = error_page


# What MkDocs' server sends for a request it failed on, as a page that can hold the
# live-reload script and the bar (its traceback is in the terminal).
_INTERNAL_ERROR = (
    b"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>500 Internal"
    b" Server Error</title></head><body><p>500 Internal Server Error: the terminal says"
    b" why. This page reloads when the site is built again.</p></body></html>"
)


_BODY = re.compile(rb"<body\b[^>]*>")


def _with_stopped_bar(content: bytes, stopped: list[str] | None) -> bytes:
    """``content``, a page, with a bar at its top saying ``stopped`` (escaped)."""
    opened = _BODY.search(content) if stopped else None
    if opened is None or not stopped:
        return content
    items = "".join(f"<li><code>{html.escape(_as_printed(line))}</code></li>" for line in stopped)
    bar = (
        '<div class="md-banner"><div class="md-banner__inner md-grid md-typeset">'
        '<div class="rl-problems" role="alert"><strong>The site could not be built again:'
        f" {counted(len(stopped), 'error')}; these are the last good pages. Fix"
        f" {'it' if len(stopped) == 1 else 'them'} and save:</strong><ul>{items}</ul></div></div></div>"
    )
    return content[: opened.end()] + bar.encode("utf-8") + content[opened.end():]


def _as_printed(text: str) -> str:
    """``text`` as the terminal prints it: a byte of a file's name that is not UTF-8
    (a Latin-1 'café.html' unzipped from an old archive), which Python keeps as a lone
    surrogate, as \\udce9. A page cannot hold the surrogate: the bar of a stopped
    rebuild that named such a file made every page a "500 Internal Server Error", and the
    theme's bar of content errors stopped the rebuild with a traceback."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _ignore_editors_files(server) -> None:
    """The server's watches (content/, the templates, the overrides: MkDocs schedules
    them after this hook's on_serve) pass no change of an editor's own file on: vim
    writes its swap file (`.x.yml.swp`) when a file is opened, every few seconds while
    it is edited unsaved, and when it is closed, and each such write built the site
    again (every page under plain `mkdocs serve`) and reloaded the open page while
    nothing the site shows had changed. A save that replaces the file by a rename
    through a backup (`x.yml` to `x.yml~`) still counts: the curator's file moved."""
    observer = getattr(server, "observer", None)
    if observer is None:
        return
    schedule = observer.schedule

    def scheduled(handler, path, *args, **kwargs):
        return schedule(_NotEditorsFiles(handler, os.fsdecode(path), server), path, *args, **kwargs)

    observer.schedule = scheduled
    # The watches MkDocs scheduled before this hook ran, watched again through it: with
    # `mkdocs serve --watch-theme` the overrides folder is one of them (a theme folder),
    # and a swap file there still built the site again. (`watch:` in mkdocs.yml and
    # `-w` naming it too did not help: MkDocs counts a folder watched twice, and keeps
    # its first watch.)
    for path in list(getattr(server, "_watched_paths", {})):
        _watch_again(server, path)


def _watch_again(server, path: str) -> None:
    """``path`` unwatched as often as it is watched, then watched as often again."""
    count = getattr(server, "_watched_paths", {}).get(path, 0)
    for _ in range(count):
        server.unwatch(path)
    for _ in range(count):
        server.watch(path)


# Seconds between looks for a watched folder that went away (MkDocs' server looks at
# the files every 0.5 s).
_LOOK_FOR_FOLDER = 0.5


def _watch_when_back(server, path: str, handler) -> None:
    """Once the folder ``path`` is there again, watch it again, and build (through
    ``handler``, MkDocs' own for the watch that stopped)."""
    import time

    from watchdog.events import FileCreatedEvent

    observer = server.observer

    def wait() -> None:
        while not getattr(server, "_shutdown", False):
            if os.path.isdir(path):
                # Only while the observer runs, and under its lock (which its stop takes
                # to forget every watch): MkDocs' shutdown stops it before it sets
                # _shutdown, and a watch unwatched through a stopped observer raised
                # KeyError here, a traceback as serve exited.
                with observer._lock:
                    if not observer.should_keep_running():
                        return
                    _watch_again(server, path)
                handler.dispatch(FileCreatedEvent(path))
                return
            time.sleep(_LOOK_FOR_FOLDER)

    threading.Thread(target=wait, name="readinglist-watch-again", daemon=True).start()


class _NotEditorsFiles:
    """A watch's handler, passed only the events that touch a file not an editor's
    (paperdrafts.editors_file: swap, lock, backup and autosave files, vim's "4913");
    and one of the ``server``'s watched folder ``path``, which watchdog stops watching
    for good when it goes away."""

    def __init__(self, handler, path: str = "", server=None):
        self.handler, self.path, self.server = handler, path, server

    def dispatch(self, event) -> None:
        if (
            self.server is not None and event.is_directory and event.event_type == "deleted"
            and os.fsdecode(event.src_path) == self.path
        ):
            # The overrides folder removed and put back (`rm -rf overrides` and a `git
            # checkout` of it, a branch without it checked out and back): watchdog's
            # watch of it stopped, and MkDocs passes no folder's event on, so nothing
            # was built, neither then nor on any edit there once it was back, until the
            # server was restarted. Built now (a file of it gone: what is missing is
            # said), and again, watched anew, once the folder is back.
            from watchdog.events import FileDeletedEvent

            self.handler.dispatch(FileDeletedEvent(event.src_path))
            _watch_when_back(self.server, self.path, self.handler)
            return
        paths = [path for path in (event.src_path, getattr(event, "dest_path", "") or "") if path]
        if paths and all(map(_an_editors_file, paths)):
            return
        self.handler.dispatch(event)


def _an_editors_file(path: str | bytes) -> bool:
    """Whether ``path`` names an editor's own file (paperdrafts.editors_file). (A
    dot-named page, `.draft.md`, looks like one but is read, and said as a mistake: its
    removal, the fix, built nothing, and every page's bar kept the mistake until another
    edit.)"""
    name = os.path.basename(os.fsdecode(path))
    return paperdrafts.editors_file(name) and not build.is_hand_page(name)


def guard_config(builder: Callable[[], None], root: Path) -> Callable[[], None]:
    """``builder`` (MkDocs' rebuild under serve), run only while ``root``/mkdocs.yml
    reads as YAML. MkDocs printed a traceback for a slip saved into it (a colon in
    site_name) on every rebuild until it was fixed; instead its mistakes are printed
    once per change, as `check` prints them, the server keeps the last good site, and
    the change that fixes the file builds it again. So for a mistake in the theme
    overrides (printed by the hook), and for one MkDocs stops on as it reads the file
    (a misspelt key under `strict`, a theme or plugin not installed), said by MkDocs:
    the server held every page asked for until the fix. Any other error a rebuild stops
    on is printed with its traceback, the last good site served meanwhile."""
    from mkdocs.exceptions import Abort

    said = logging.getLogger("mkdocs.config")
    # (One project per process; tests make many. Known by its name: MkDocs loads this
    # hook by its path, a module of its own beside generator.mkdocs_hook, whose filter
    # left in place put another project's line numbers on this one's messages.)
    for earlier in [f for f in said.filters if type(f).__name__ == "_ConfigValueAt"]:
        said.removeFilter(earlier)
    said_at = _ConfigValueAt(root)
    said.addFilter(said_at)

    def guarded() -> None:
        problems = siteconfig.config_problems(root)
        if not problems.has_errors():
            # A docs folder removed while serving (`rm -rf docs`, `make clean`): MkDocs
            # refused every rebuild ("mkdocs.yml:10:1: The path ... isn't an existing
            # directory", said as a mistake in mkdocs.yml) until the server was
            # restarted, which makes it again, as this does.
            from generator.commands.build import ensure_docs_dir

            ensure_docs_dir(root)
            build.PROCESS_STATE[_GUARDED] = True
            refused = said_at.refused = []
            try:
                builder()
            except theme_errors.ThemeStopped:
                # (Raised, MkDocs' server would hold every page asked for until a build
                # succeeds: the last good site, put back (served_site.py), is served.)
                print(
                    "readinglist: the theme overrides or a page's template have errors; the"
                    " site shows the last good build until they are fixed",
                    file=sys.stderr,
                )
            except Abort as error:
                # (Its reasons are logged above it. A build that failed put the last good
                # site back, as above; one stopped while reading mkdocs.yml never began.)
                stopped = (
                    "mkdocs.yml has errors" if "configuration" in str(error)
                    else "the build stopped on the problems above"
                )
                build.PROCESS_STATE[_STOPPED] = (
                    refused or build.PROCESS_STATE.get(_STOPPED)
                    or ["the build stopped: the terminal says why"]
                )
                print(
                    f"readinglist: {stopped}; the site shows the last good build until they"
                    " are fixed",
                    file=sys.stderr,
                )
            except Exception as error:
                # Anything else: raised, MkDocs' server held every page asked for ("will
                # appear stuck") until a build succeeded, though on_build_error had put
                # the last good site back. MkDocs' own refusal (mkdocs.yml gone: a branch
                # switched) is its one line; any other (Material's own template failing
                # on a value of mkdocs.yml, `extra: analytics: provider: googel`) its
                # traceback, as MkDocs printed it.
                from mkdocs.exceptions import MkDocsException

                if isinstance(error, MkDocsException):
                    stopped_on = f"readinglist: {error}"
                    print(stopped_on, file=sys.stderr)
                else:
                    import traceback

                    traceback.print_exc()
                    first = str(error).strip().splitlines()[0] if str(error).strip() else ""
                    stopped_on = (
                        f"the build stopped on {type(error).__name__}{': ' + first if first else ''}"
                        " (the terminal shows where)"
                    )
                build.PROCESS_STATE[_STOPPED] = [stopped_on]
                print(
                    "readinglist: the build stopped; the site shows the last good build until"
                    " it builds again",
                    file=sys.stderr,
                )
            finally:
                build.PROCESS_STATE.pop(_GUARDED, None)
            return
        build.PROCESS_STATE[_STOPPED] = [str(problem) for problem in problems.errors]
        for problem in problems.errors:
            print(problem, file=sys.stderr)
        print(
            "readinglist: mkdocs.yml has errors; the site shows the last good build until"
            " they are fixed",
            file=sys.stderr,
        )

    return guarded


class _ConfigValueAt(logging.Filter):
    """MkDocs' word on a value of mkdocs.yml it refuses ("Config value 'site_descripton':
    Unrecognised configuration name: site_descripton"), said at the key's line and
    column, as the hook says every other mistake."""

    _SAID = re.compile(r"Config value '([^']+)': (.*)", re.DOTALL)

    def __init__(self, root: Path):
        super().__init__()
        self.root = root
        self.refused: list[str] = []  # (what it said during the last rebuild)

    def filter(self, record: logging.LogRecord) -> bool:
        found = self._SAID.fullmatch(record.getMessage())
        if found is not None:
            where = siteconfig.key_location(self.root, found[1])
            record.msg, record.args = f"{where}: {found[2]}", ()
            self.refused.append(record.msg)
        return True


def on_files(files: Files, config: MkDocsConfig) -> Files:
    # MkDocs copies every file of the theme overrides into the site but templates and
    # dot-files: an editor's backup or autosave there (vim's `main.html~`, Emacs'
    # `#readinglist.css#`) was published, a template's source among them.
    custom = config.theme.custom_dir
    if not custom:
        return files
    theirs = os.path.realpath(custom)
    for file in [f for f in files if f.src_dir and os.path.realpath(f.src_dir) == theirs]:
        if paperdrafts.editors_file(PurePosixPath(file.src_uri).name):
            files.remove(file)
    return files


def on_env(env, config: MkDocsConfig, files: Files):
    global _overrides, _files
    _files = files
    # (after MkDocs read the pages it builds, before it builds or checks any)
    if _partial and _state is not None:
        partial_rebuild.restore_anchors(
            (file.page for file in files.documentation_pages() if file.page is not None),
            _state.anchors, files, lambda page: not page.file.is_modified(),
        )
    # MkDocs makes a new theme environment for every build, which compiles Material's
    # templates again (0.4 s of every rebuild under serve): kept compiled instead, as
    # the generator keeps its own, each checked against its source by Jinja.
    root = Path(config.config_file_path).resolve().parent if config.config_file_path else None
    if root is not None and env.bytecode_cache is None:
        env.bytecode_cache = render.bytecode_cache(root / ".cache" / "readinglist" / "theme")
    if _state is not None and not isinstance(env.loader, _NotingLoader):
        env.loader = _NotingLoader(env.loader, _state.templates)
    if root is not None:
        if config.theme.custom_dir:
            _overrides = (Path(config.theme.custom_dir), root)
        _check_overrides(env, config, root)
        _check_page_templates(env, files, root)
        _check_hand_anchors(files, root)
    return env


# The theme overrides' templates that parsed, by path: their time and size then.
_SOUND_TEMPLATES: dict[str, tuple[int, int]] = {}


def _check_overrides(env, config: MkDocsConfig, root: Path) -> None:
    """Syntax mistakes in the theme overrides' templates, at their file and line.

    Jinja finds one only when a page first uses the template; MkDocs then printed a
    forty-line traceback, and under `serve` the browser waited on its page with no word
    of why. Parsed here, each is said in one line and the build stops, before any page
    is written: under `serve` the last good site stays served until the fix (see
    on_build_error and guard_config). A template parsed before and not touched since is not parsed
    again (all of them took 18 ms, a tenth of a rebuild of the shipped list). A block
    that the templates it extends lack, which Jinja shows nowhere, is a warning.
    """
    custom = config.theme.custom_dir
    if not custom or not Path(custom).is_dir():
        return
    import jinja2

    problems: list = []
    for path in sorted(Path(custom).rglob("*.html")):
        if paperdrafts.editors_file(path.name):
            # (`.notes.html`: an editor's file to the watch and to theme_files, so the
            # change that removed or fixed it built nothing, and its mistake stopped
            # every build until another edit. Included by a template, it is said then.)
            continue
        try:
            info = path.stat()
            seen = (info.st_mtime_ns, info.st_size)
            if _SOUND_TEMPLATES.get(str(path)) == seen:
                continue
            source = path.read_text(encoding="utf-8")
            tree = env.parse(source, path.relative_to(custom).as_posix(), str(path))
            _SOUND_TEMPLATES[str(path)] = seen
            shown = theme_errors.shown_path(path, root)
            # (A warning: Jinja shows such a block nowhere and says nothing.)
            for line, block, close, chain in theme_errors.unknown_blocks(env, tree):
                extended = (
                    f"the templates it extends ({', '.join(chain)}) have" if len(chain) > 1
                    else f"the template it extends ({chain[0]}) has"
                )
                guess = f"; did you mean '{close}'?" if close else ""
                print(
                    Problem(
                        Location(shown, line, 1),
                        f"block '{block}' shows nowhere: {extended} no block of that name"
                        f"{guess}",
                        Severity.WARNING,
                    ),
                    file=sys.stderr,
                )
        except jinja2.TemplateSyntaxError as error:
            # (At the path the curator knows, as a mistake found when a page is made:
            # render.template_error resolves it, and a linked overrides folder is then
            # said at its full path.)
            column = theme_errors.syntax_column(env, source, str(path), error)
            problems.append(Problem(
                Location(theme_errors.shown_path(path, root), error.lineno or 1, column),
                f"template error: {error.message or error}",
            ))
        except (OSError, UnicodeDecodeError):
            continue  # (gone since listed, or no text: Jinja will say so if it is used)
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        raise ThemeFailed(CuratorError(problems))


def _check_page_templates(env, files: Files, root: Path) -> None:
    """A page whose front matter names a template the theme lacks (`template:
    mainn.html`), at its line: MkDocs stopped on it with a traceback when it came to the
    page. Here, as a syntax mistake in the overrides, the build stops before any page is
    written, and under `serve` the last good site stays served."""
    problems = theme_errors.page_template_problems(
        (
            (file.src_uri, file.page.meta["template"])
            for file in files.documentation_pages()
            if file.page is not None and "template" in file.page.meta
        ),
        env,
        root,
    )
    if problems.items:
        for problem in problems.sorted():
            print(problem, file=sys.stderr)
        raise ThemeFailed(CuratorError(problems))


def _check_hand_anchors(files: Files, root: Path) -> None:
    """Links of the hand-written pages to a heading another page lacks
    (`papers/x.md#abstract` of a paper with no abstract), at their line and column.

    MkDocs finds them only once every page is rendered, reports them without a line,
    and under a strict `serve` its failed build leaves the server stuck until the link
    is fixed. Here (all pages read, none written) they are curator errors: `build`
    stops; `serve` prints them and shows the pages, the link leading to the page's top.
    """
    global _unfound
    linking = [
        (file.src_uri, file.page.links_to_anchors)
        for file in files.documentation_pages()
        if file.page is not None and file.page.links_to_anchors
    ]
    # (A hand page sits at the top of docs/: the generated pages' links, nearly every
    # page's to its own headings, are not copied.)
    before = {
        uri: {target: dict(found) for target, found in links.items()} for uri, links in linking if "/" not in uri
    }
    problems = handlinks.missing_anchors(linking, root)
    # The links said here, which missing_anchors took out of MkDocs' list (its own check
    # would say them again, without a line): kept with the page's anchors (on_page_context)
    # all the same, or a dirty rebuild that skips the page said them no more, while a
    # content error stopped the generator too, as if fixed.
    _unfound = {
        uri: {
            target.src_uri: taken
            for target, found in before[uri].items()
            if (taken := {a: w for a, w in found.items() if a not in links.get(target, {})})
        }
        for uri, links in linking
        if uri in before
    }
    for problem in problems.sorted():
        print(problem, file=sys.stderr)
    if problems.items and not os.environ.get(_SERVING):
        raise CurationFailed(CuratorError(problems))
    if problems.items:
        print("readinglist: these links lead to their pages' tops until fixed", file=sys.stderr)


def on_page_context(context, page: Page, config: MkDocsConfig, nav: Navigation):
    _built.add(page.url)
    # (Material's edit button shows for a page with an edit_url; MkDocs would make one
    # from repo_url, which also has Material ask GitHub's API for stars: a third party.)
    edit = _edit_urls.get(page.file.src_uri)
    page.edit_url = edit[0] if edit else None
    if edit:  # (the button's title names the file: overrides/partials/actions.html)
        page.meta["rl_edit_file"] = edit[1]
    if _state is not None:
        _state.labels[page.file.src_uri] = (page.title, dict(page.meta))
        partial_rebuild.record_anchors(page, _state.anchors, _unfound.get(page.file.src_uri))
    return context


def _keeps_last_good() -> bool:
    """Whether a dirty build sets the pages it makes again aside, or a whole site it
    builds again, to put them back if it fails: under serve, `--clean` too (see
    _GUARDED). (Any other clean build is made beside the site folder, or, where it
    cannot be, sets the last site aside: on_pre_build.)"""
    return bool(os.environ.get(_SERVING) or build.PROCESS_STATE.get(_GUARDED))


def _strict_warnings() -> bool:
    """Whether MkDocs counted warnings that fail this (strict) build: it says so only
    after on_post_build, and the last good site set aside must stay until then
    (mkdocs.commands.build.build's CountHandler, on the "mkdocs" logger)."""
    from mkdocs.utils import CountHandler

    return any(
        isinstance(handler, CountHandler) and handler.get_counts()
        for handler in logging.getLogger("mkdocs").handlers
    )


def _set_aside(config: MkDocsConfig, outputs: list[Path] | None = None) -> None:
    """Under serve, the last good site (or those of its ``outputs`` this build makes
    again), kept until the build is done (served_site.py): a failed one leaves it
    served."""
    global _aside
    site_dir = Path(config.site_dir)
    if outputs is None:
        served_site.set_aside(site_dir)
    else:
        served_site.set_aside_files(site_dir, outputs)
    _aside = (site_dir, outputs is None)


def on_post_build(config: MkDocsConfig) -> None:
    # One search entry per paper, built from the model (see search.py).
    site_dir = Path(config.site_dir)
    if _site is not None and (site_dir / search.INDEX_PATH).is_file():
        index = search.read_index_file(site_dir)
        if _state is not None:
            previous = _state.entries if _partial else {}
            _state.entries = partial_rebuild.merge_entries(
                previous, _built, index["docs"], _order
            )
            index = {**index, "docs": partial_rebuild.flatten(_state.entries)}
        memo = build.PROCESS_STATE.setdefault(_ENTRIES, search.EntryMemo())
        cache_dir = _cache_dir(Path(config.config_file_path).resolve().parent) if config.config_file_path else None
        build.read_word_forms(cache_dir)  # (a new process's: lemmas.WordForms)
        search.write_index_file(site_dir, index, _site, memo)
        build.store_word_forms(cache_dir)
    failed = _strict_warnings()  # (on_build_error puts the last site back)
    if not failed:
        # Whether or not this build set a site aside: one a build killed before it
        # ended left is no longer the last (`mkdocs build --dirty` sets none aside).
        served_site.drop(site_dir)
    _let_pages_go(config)
    if not os.environ.get(_SERVING):
        # Readable by everyone whatever the umask (sitemodes.py; a site served by
        # MkDocs' own server, in its temporary folder, is read by its builder alone).
        sitemodes.make_publishable(site_dir)
    # Last: a build waiting for the docs folder tidies this site folder's staging folder
    # away (staged_site.tidy) and builds into a new one next, so this one is done with
    # it first.
    if not failed:
        _publish()
        if not build.PROCESS_STATE.get(_DEPLOYING):  # (kept until it has pushed: on_shutdown)
            _let_site_go()
        _let_docs_go()


def _cache_dir(root: Path) -> Path:
    """The folder of what a rerun in a new process reuses (see cache.py)."""
    return cache.folder(root)


def _let_pages_go(config: MkDocsConfig) -> None:
    """The redirects plugin keeps every page of the build (its ``doc_pages``: each file
    with its page, the page's Markdown and HTML) for its own on_post_build, which has
    run (a hook's events come after the plugins'). MkDocs' server keeps the config of
    its first build, and so that plugin, for as long as it serves: the first build's
    pages, 227 MB at 10,000 papers, stayed alive under every rebuild. (MkDocs keeps
    each plugin for the process, every rebuild's config using the same one.)"""
    plugin = config.plugins.get("redirects")
    if plugin is not None and isinstance(getattr(plugin, "doc_pages", None), dict):
        plugin.doc_pages = {}
    # Material's search plugin, likewise, kept its index of the build (every page's
    # text, as search entries) until the next build's on_config made a new one and our
    # on_pre_build dropped the old: alive while the generator ran again. on_post_build
    # has read the file it wrote, and its next build makes a new one anyway.
    search_plugin = config.plugins.get("material/search")
    if search_plugin is not None and hasattr(search_plugin, "search_index_prev"):
        search_plugin.search_index_prev = None
        search_plugin.search_index = None
    # Each page and its file refer to each other: a build's pages, with their Markdown
    # and HTML, went only when the collector next ran a full collection, and the
    # generator keeps it off while it runs (build.generate): the last build's pages
    # were alive through the next build's generator, the peak of a rebuild under serve.
    global _files
    if _files is not None:
        for file in _files:
            page = getattr(file, "page", None)
            if page is not None:
                page.markdown = page.content = None
    _files = None


def on_build_error(error: Exception) -> None:
    # The docs folder was generated all the same; the next run may start from it.
    if not os.environ.get(_SERVING):
        _store_memo()
    # A half-built site is no base for the next dirty build.
    _sites().clear()
    kept_in = _abandon_staging()
    if _aside is not None:
        if _aside[1] and served_site.holds_a_site(_aside[0]):
            kept_in = _aside[0]
        served_site.put_back(_aside[0], whole=_aside[1])
    # (Not under serve, `--clean` too: the server says the last good site is shown,
    # and the line came with every failed rebuild.)
    if kept_in is not None and not _keeps_last_good():
        print(f"readinglist: the last site built is kept in {kept_in} as it was", file=sys.stderr)
    _let_site_go()  # (after the put-back: see on_post_build)
    _let_docs_go()
    if isinstance(error, ThemeFailed):
        build.PROCESS_STATE[_STOPPED] = [str(p) for p in error.problems]
        raise theme_errors.ThemeStopped from None  # (printed: see guard_config for serve)
    # A mistake in a theme override that showed only when a page was made (a value the
    # page lacks, a template not there): said at its file and line, as a syntax mistake
    # is (_check_overrides), rather than in MkDocs' forty-line traceback.
    found = theme_errors.override_error(error, *_overrides) if _overrides else None
    if found is None:
        if isinstance(error, PluginError):  # (the hook's own refusal, as MkDocs logs it)
            build.PROCESS_STATE[_STOPPED] = [str(error)]
        return  # (anything else: MkDocs' traceback is what to see)
    for problem in found.problems:
        print(problem, file=sys.stderr)
    build.PROCESS_STATE[_STOPPED] = [str(p) for p in found.problems]
    raise theme_errors.ThemeStopped from None


def on_shutdown() -> None:
    global _site_held
    build.PROCESS_STATE.pop(_FIRST_LOOK, None)  # (a serve's, or a build's not taken: over)
    _store_memo()
    docslock.let_go_of_all(_docs_locks())
    # `mkdocs gh-deploy` pushes the site folder after this (ghp-import reads it file by
    # file): a build from another checkout would replace it meanwhile, and a mix of two
    # sites be pushed. Its published site folder stays held until the process ends.
    if not (build.PROCESS_STATE.get(_DEPLOYING) and _site_held is not None):
        docslock.let_go_of_all(_site_locks())
    else:
        import atexit

        atexit.register(docslock.let_go_of_all, _site_locks())  # (its record too)
    _site_held = None


def _store_memo() -> None:
    settings = build.PROCESS_STATE.pop(_UNSAVED, None)
    if isinstance(settings, build.Settings):
        build.store_memo(settings)


def _sites() -> dict[str, partial_rebuild.SiteState]:
    return build.PROCESS_STATE.setdefault(_SITES, {})  # type: ignore[return-value]


def _stamp(config: MkDocsConfig, nav: Navigation) -> dict[str, str]:
    docs = Path(config.docs_dir)
    titled = partial_rebuild.titled_by_nav(config.nav or [])
    pages = [
        partial_rebuild.NavPage(docs / page.file.src_path, page.file.src_uri in titled)
        for page in nav.pages
    ]
    return partial_rebuild.stamp(
        config.nav,
        pages,
        Path(config.config_file_path) if config.config_file_path else None,
        dict(config.extra),
        config.site_url or "",
        _redirect_maps(config),
    )


def _redirect_maps(config: MkDocsConfig) -> dict[str, str]:
    plugin = config.plugins.get("redirects")
    return dict(plugin.config.get("redirect_maps") or {}) if plugin is not None else {}


class _NotingLoader(jinja2.BaseLoader):
    """The theme's loader, noting the file of each template it loads: an edit to a file
    of the overrides no template loaded changes no page (partial_rebuild.theme_edits)."""

    def __init__(self, loader: jinja2.BaseLoader, loaded: set[str]):
        self.loader, self.loaded = loader, loaded

    def get_source(self, environment, template):
        source, filename, uptodate = self.loader.get_source(environment, template)
        if filename:
            self.loaded.add(os.path.realpath(filename))
        return source, filename, uptodate

    def list_templates(self):
        return self.loader.list_templates()


class _DirtyWarningFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("A 'dirty' build is being performed")


def _quiet_dirty_warning() -> None:
    logger = logging.getLogger("mkdocs.commands.build")
    if not any(type(f).__name__ == "_DirtyWarningFilter" for f in logger.filters):
        logger.addFilter(_DirtyWarningFilter())
