"""A MkDocs hook that splits a build's time by stage (used by `run.py --profile`).

Registered after the site's own hook and the plugins, so each of its events runs last
among the handlers of that event. Time between two consecutive events is summed under
"previous -> this". MkDocs first converts every page (markdown -> content is Markdown
conversion; content -> markdown is reading the next source), then builds every page
(post_page -> context is writing the previous page's HTML plus the plugins' page work,
mainly search indexing; context -> post_page is rendering the theme's template). The
site's generator runs in on_config before this hook's on_config, so it is not in here.
Times are CPU seconds of the build process (time.process_time), which a busy machine
disturbs far less than wall time. Totals, and the pages that cost most, are written as
JSON to $SPLIT_OUT at the end of the build.
"""

from __future__ import annotations

import json
import os
import time
from collections import defaultdict

_totals: dict[str, float] = defaultdict(float)
_per_page: dict[str, float] = defaultdict(float)
_last: list = []


def _mark(event: str, page=None) -> None:
    now = time.process_time()
    if _last:
        previous, then = _last
        _totals[f"{previous} -> {event}"] += now - then
        if page is not None and (previous, event) in (("markdown", "content"), ("context", "post_page")):
            _per_page[page.file.src_uri] += now - then
    _last[:] = [event, now]


def on_config(config):
    _mark("config")


def on_files(files, config):
    _mark("files")


def on_nav(nav, config, files):
    _mark("nav")


def on_env(env, config, files):
    _mark("env")


def on_page_markdown(markdown, page, config, files):
    _mark("markdown", page)
    return markdown


def on_page_content(html, page, config, files):
    _mark("content", page)
    return html


def on_page_context(context, page, config, nav):
    _mark("context", page)
    return context


def on_post_page(output, page, config):
    _mark("post_page", page)
    return output


def on_post_build(config):
    _mark("post_build")
    path = os.environ.get("SPLIT_OUT")
    if path:
        with open(path, "w", encoding="utf-8") as handle:
            costly = sorted(_per_page.items(), key=lambda item: -item[1])[:8]
            json.dump(
                {
                    "stages_cpu_s": {k: round(v, 3) for k, v in _totals.items()},
                    "costliest_pages_cpu_s": {k: round(v, 3) for k, v in costly},
                    "pages": len(_per_page),
                },
                handle,
                indent=1,
            )
