"""Atom feeds of the recently added papers: feed.xml and topics/<id>.xml. Pure: the
papers in, text out (the time a feed names comes from the papers' dates or
SOURCE_DATE_EPOCH, never the clock)."""

from __future__ import annotations

import datetime as dt
from typing import Iterable

from .models import Paper
from .names import shown_name
from .pages import paper_url, relative

# How many of the most recently added papers a feed carries.
FEED_SIZE = 50


def recently_added(papers: Iterable[Paper], limit: int = FEED_SIZE) -> list[Paper]:
    """Papers with an `added` date, newest first (ties by first id), at most ``limit``.

    A renamed paper keeps its place by its first id (`formerly`'s first): a rename must
    not move it out of a feed of the newest papers and another in as a new entry."""
    dated = [p for p in papers if p.added is not None]
    dated.sort(key=lambda p: (p.first_id, p.id))
    dated.sort(key=lambda p: p.added, reverse=True)  # stable: ties stay in id order
    return dated[:limit]


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc)


def atom_feed(
    papers: Iterable[Paper],
    *,
    title: str,
    feed_path: str,
    site_url: str,
    source_date_epoch: int | None = None,
    page_path: str = "",
    author: str = "",
    id_path: str = "",
    language: str = "en",
) -> str:
    """An Atom feed of the most recently added papers.

    ``id_path``: where the feed's id says it is, when not at ``feed_path`` (a renamed
    topic's feed keeps its first address's id: a feed reader keeps one subscription).

    ``author`` (the site's name) is the feed's author: Atom (RFC 4287, 4.1.1) wants one
    for the feed or for every entry, and a paper may have no authors.

    ``feed_path`` is the feed's own path relative to the site root, ``page_path`` the
    page it is the feed of (its `alternate` link; the home page by default).
    ``site_url`` (from mkdocs.yml, may be empty) makes links absolute, as Atom wants;
    without it, ids are `urn:` names and links are relative to the feed's own folder,
    where a feed reader resolves them. The feed's `updated` time is the newest paper's
    `added` date, else SOURCE_DATE_EPOCH, else the epoch: never the clock.

    ``language``: the site's (mkdocs.yml's `theme: language:`, as the pages' lang), the
    feed's xml:lang.
    """
    entries = recently_added(papers)
    base = site_url.rstrip("/") + "/" if site_url else ""

    folder = feed_path.rpartition("/")[0]  # "" for a feed at the root
    here = folder + "/" if folder else ""

    def link(path: str) -> str:
        return base + path if base else relative(here, path)

    if entries:
        updated = _midnight(entries[0].added)  # type: ignore[arg-type]
    else:
        updated = dt.datetime.fromtimestamp(source_date_epoch or 0, tz=dt.timezone.utc)

    # Imported here (0.1 s with lxml and dateutil): a rerun in a new process makes no
    # feed while the papers it lists are the memo's (build.Memo.feeds).
    from feedgen.feed import FeedGenerator

    fg = FeedGenerator()
    id_path = id_path or feed_path
    fg.id(base + id_path if base else f"urn:readinglist:{id_path}")
    fg.title(title)
    if author:
        fg.author({"name": author})
    fg.link(href=link(feed_path), rel="self")
    fg.link(href=link(page_path), rel="alternate")
    fg.updated(updated)
    fg.generator("readinglist")
    fg.language(language)
    for paper in entries:
        fe = fg.add_entry(order="append")
        url = paper_url(paper.id)
        # A renamed paper keeps the id of its first address: a feed reader that has the
        # entry does not take it for a new one.
        first = paper.first_id
        fe.id(base + paper_url(first) if base else f"urn:readinglist:paper:{first}")
        fe.title(paper.title)
        fe.link(href=link(url))
        fe.updated(_midnight(paper.added))  # type: ignore[arg-type]
        fe.published(_midnight(paper.added))  # type: ignore[arg-type]
        for name in paper.names:  # (BibTeX's "and others" is no person: see Paper.byline)
            fe.author({"name": shown_name(name)})
        # The editors its page names (a chapter's book's, a book's own), as RFC 4287's
        # contributors (4.2.3): no authors of the paper, nor a proceedings'.
        for name in paper.editor_names:
            fe.contributor({"name": name})
        if paper.abstract:
            # type="text": the abstract is plain text, so readers must not render it.
            fe.summary(paper.abstract, type="text")
    return fg.atom_str(pretty=True).decode("utf-8")
