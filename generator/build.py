"""Generating the docs folder: load -> model -> topics -> related -> plan -> render -> write.

Each phase finishes for the whole list before the next starts (related papers and
reading orders need every paper), and only `write` touches the disk. Curator errors
stop the run before anything is written; warnings are handed back to the caller.
The entry points are thin: the MkDocs hook (`mkdocs_hook.py`) and `readinglist
build` / `serve`, which both go through the hook so that `mkdocs build` and
`readinglist build` do exactly the same thing.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

from . import curation, exports_more
from .errors import CuratorError, Location, Problem, Problems
from .exports import papers_json
from .models import Content, Site
from .pages import HandPage, Plan, plan_site
from .related import related_papers
from .render import Renderer
from .topics import assign_topics
from .write import WriteReport, write_outputs
from .yamlio import read_text


@dataclass(frozen=True)
class Settings:
    """Where to read and write, and the few site facts the exports need."""

    content_dir: Path
    docs_dir: Path
    site_name: str = "Reading list"
    site_url: str = ""
    source_date_epoch: int | None = None


@dataclass(frozen=True)
class Result:
    site: Site
    plan: Plan
    report: WriteReport
    warnings: tuple[Problem, ...]
    build_epoch: int  # SOURCE_DATE_EPOCH, else derived from the content (see newest_added_epoch)
    timings: Mapping[str, float] = field(default_factory=dict)  # phase -> seconds


def load(content_dir: Path) -> tuple[Content, tuple[HandPage, ...], Problems]:
    """Everything curated in ``content_dir``; raises CuratorError on any error."""
    root = content_dir.parent  # problems name files relative to the project folder
    content, problems = curation.load_content(content_dir, root)
    pages = hand_pages(content_dir / "pages", root)
    if problems.has_errors():
        raise CuratorError(problems)
    return content, pages, problems


def hand_pages(folder: Path, root: Path) -> tuple[HandPage, ...]:
    if not folder.is_dir():
        return ()
    return tuple(
        HandPage(path.stem, read_text(path), Location(path.relative_to(root).as_posix()))
        for path in sorted(folder.glob("*.md"))
    )


def newest_added_epoch(content: Content) -> int:
    """A build time derived from the content itself: midnight of the newest `added`."""
    dates = [p.added for p in content.papers if p.added is not None]
    if not dates:
        return 0
    newest = max(dates)
    return int(dt.datetime(newest.year, newest.month, newest.day, tzinfo=dt.timezone.utc).timestamp())


def generate(settings: Settings, renderer: Renderer | None = None) -> Result:
    timings: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings[name] = now - clock
        clock = now

    content, pages, problems = load(settings.content_dir)
    lap("load")
    assignments = assign_topics(content.papers, content.topics)
    lap("topics")
    related = related_papers(content.papers)
    lap("related")
    site = Site(content.papers, content.topics, assignments, related)
    epoch = settings.source_date_epoch
    build_epoch = epoch if epoch is not None else newest_added_epoch(content)

    bibtex = exports_more.bibtex_by_paper(site.papers)
    extra = exports_more.export_files(
        site,
        site_name=settings.site_name,
        site_url=settings.site_url,
        source_date_epoch=build_epoch,
    )
    plan_problems = Problems()
    plan = plan_site(
        site,
        hand_pages=pages,
        bibtex=bibtex,
        papers_json=papers_json(site),
        reference=_reference(),
        extra_files=extra,
        problems=plan_problems,
    )
    if plan_problems.has_errors():
        raise CuratorError(plan_problems)
    lap("plan")

    renderer = renderer or Renderer()
    rendered = [(output.dest, renderer.render(output)) for output in plan.outputs]
    lap("render")
    report = write_outputs(settings.docs_dir, rendered)
    lap("write")
    return Result(site, plan, report, tuple(problems.warnings), build_epoch, timings)


def _reference() -> str | None:
    # The field reference is curation.py's to write; until it provides one, the site
    # simply has no reference page.
    make = getattr(curation, "schema_reference_markdown", None)
    return make() if make is not None else None
