"""The MkDocs hook (registered in mkdocs.yml): runs the generator before MkDocs reads docs/.

So plain `mkdocs build` and `mkdocs serve` work, and `readinglist build` / `serve`
simply call MkDocs. ``on_config`` runs at the start of every build (and every rebuild
under `mkdocs serve`): it generates the docs folder (writing only what changed) and
sets the navigation from the page plan, since the topics come from the content.

Curator errors are printed as ``path:line:col: message`` and abort the build; curator
warnings are printed but are not MkDocs warnings, so they do not fail a strict build.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from generator import build, search
from generator.errors import CuratorError

log = logging.getLogger("mkdocs.hooks.readinglist")

# The model of the current build, from on_config to on_post_build. MkDocs loads this
# module afresh with every configuration (each `mkdocs serve` rebuild), so it never
# outlives one build.
_site = None
_unsaved: build.Settings | None = None  # where to store the memo after the build


class CurationFailed(PluginError):
    """The content has errors; they were printed, nothing was generated."""

    def __init__(self, error: CuratorError):
        self.problems = error.problems
        count = sum(1 for p in error.problems if p.severity.value == "error")
        super().__init__(f"readinglist: {count} curation error(s); nothing was built")


# Set for the life of the process by `mkdocs serve` (this module is loaded afresh for
# every rebuild, the environment is not).
_SERVING = "READINGLIST_SERVING"
# The navigation of the last site generated in this process, per docs folder: what a
# rebuild under `mkdocs serve` shows while the content has errors.
_LAST_NAV = "readinglist_last_nav"


def on_startup(command: str, dirty: bool) -> None:
    if command == "serve":
        os.environ[_SERVING] = "1"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).resolve().parent
    settings = build.Settings(
        content_dir=root / "content",
        docs_dir=Path(config.docs_dir),
        site_name=config.site_name,
        site_url=config.site_url or "",
        source_date_epoch=_source_date_epoch(),
        # Reruns in a new process reuse what the last build computed (see cache.py).
        cache_dir=root / ".cache" / "readinglist",
    )
    last_navs: dict = build.PROCESS_STATE.setdefault(_LAST_NAV, {})
    try:
        # The memo is stored once the site is built (on_post_build), off the path
        # between an edit and the site MkDocs builds from it.
        result = build.generate(settings, save=False)
    except CuratorError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        last_nav = last_navs.get(str(settings.docs_dir))
        if os.environ.get(_SERVING) and last_nav is not None:
            # Under `mkdocs serve` a failed build leaves the browser waiting until the
            # content is fixed. Rather: the last good pages (still in docs/), with the
            # errors in a bar at the top of every page (overrides/main.html).
            config.nav = last_nav
            config.extra["readinglist_problems"] = [
                str(p) for p in error.problems if p.severity.value == "error"
            ]
            # (printed, not logged: an error in MkDocs' log would abort a strict build)
            print(
                "readinglist: the content has errors; the site shows the last good pages",
                file=sys.stderr,
            )
            return config
        raise CurationFailed(error) from None
    last_navs[str(settings.docs_dir)] = result.plan.nav
    for problem in result.warnings:
        print(problem, file=sys.stderr)
    if "SOURCE_DATE_EPOCH" not in os.environ:
        # MkDocs dates the sitemap from this variable (else today): derive it from the
        # content so that two builds of the same content are byte-identical.
        os.environ["SOURCE_DATE_EPOCH"] = str(result.build_epoch)
    config.nav = result.plan.nav
    global _site, _unsaved
    _site = result.site
    _unsaved = settings if result.unsaved else None
    report = result.report
    total = sum(result.timings.values())
    phases = ", ".join(f"{name} {seconds:.2f}" for name, seconds in result.timings.items())
    log.info(
        f"readinglist: {len(result.plan.outputs)} files, {len(report.written)} written, "
        f"{len(report.removed)} removed, in {total:.2f} s ({phases})"
    )
    return config


def _source_date_epoch() -> int | None:
    value = os.environ.get("SOURCE_DATE_EPOCH", "")
    return int(value) if value.strip().isdigit() else None


def on_post_build(config: MkDocsConfig) -> None:
    # One search entry per paper, built from the model (see search.py).
    if _site is not None:
        search.shape_index_file(Path(config.site_dir), _site)
    _store_memo()


def on_build_error(error: Exception) -> None:
    # The docs folder was generated all the same; the next run may start from it.
    _store_memo()


def _store_memo() -> None:
    global _unsaved
    if _unsaved is not None:
        build.store_memo(_unsaved)
        _unsaved = None
