"""The downloadable exports: papers.json, BibTeX, CSV and Atom feeds, each a module of its own
(export_json, export_bibtex, export_csv, export_atom); here, every export file of a site.

Every function here is pure: it takes the model (`models.Site`) and returns text, so
the same list always gives byte-identical files. `export_files` names every export by
its path relative to the docs folder; the caller writes them (write-if-changed) before
MkDocs runs, so MkDocs copies them into the site and checks the links that point at them.

Layout (relative to the site root):
    papers.bib, papers.csv, feed.xml     every paper / recently added papers
    topics/<id>.bib, topics/<id>.xml     the same, for the papers of one topic (and
                                         under each of its `formerly:` ids)
"""

from __future__ import annotations

import itertools
from typing import Callable, Iterable, Mapping, Sequence


from .models import Paper, Site
from .pages import topic_url
from .export_atom import FEED_SIZE, atom_feed, recently_added
from .export_bibtex import BIB_FILE, bibtex_parts
from .export_csv import CSV_FILE, csv_rows
from .joinedfile import Joined, Spliced


# How export_files joins a file from per-paper parts (UTF-8 bytes): (dest, parts, form)
# -> form.whole(parts), or None for a file that is current on disk, or the file on disk
# spliced (build.Memo.join keeps what each file was joined from; the caller passes it
# on to siteplan.plan_site, and write.py writes it).
Joiner = Callable[[str, list[bytes], Joined], "bytes | Spliced | None"]


def _join_now(dest: str, parts: list[bytes], form: Joined) -> bytes | Spliced | None:
    return form.whole(parts)


def _members(site: Site) -> dict[str, list[Paper]]:
    """Topic id -> its papers in the order of site.papers (each paper once per topic)."""
    members: dict[str, list[Paper]] = {t.id: [] for t in site.topics}
    for paper in site.papers:
        for topic_id in dict.fromkeys(a.topic for a in site.assignments.get(paper.id, ())):
            if topic_id in members:
                members[topic_id].append(paper)
    return members


def export_files(
    site: Site,
    *,
    site_name: str,
    site_url: str = "",
    source_date_epoch: int | None = None,
    entries: Mapping[str, bytes] | None = None,
    csv_lines: Mapping[str, bytes] | None = None,
    feeds: dict[str, tuple[object, str]] | None = None,
    join: Joiner = _join_now,
    members: Mapping[str, Sequence[str]] | None = None,
    newest: Sequence[Paper] | None = None,
    language: str = "en",
) -> dict[str, str | bytes | Spliced | None]:
    """Every export file's text, keyed by its path relative to the docs folder (None:
    ``join`` found the file current); the files joined from per-paper parts (the
    BibTeX files, papers.csv) as their UTF-8 bytes, or as `Spliced` (see `Joiner`).

    ``entries`` (the papers' BibTeX entries) and ``csv_lines`` when the caller has them
    already, encoded (see `bibtex_by_paper`, `csv_line_bytes`). ``feeds`` (kept by the caller between
    runs: feed path -> (its inputs, its text)) spares rebuilding a feed whose papers
    and settings did not change, and ``join`` (see `Joiner`) joining a file again.
    ``members`` (topic id -> the ids of its papers, in any order) and ``newest`` (every
    paper with a date, newest first: `recently_added` without a limit) spare making
    them again, when the caller has them already (pagecontext.Index). ``language``: the
    site's, the feeds' (`atom_feed`).
    """

    # Every paper with a date, newest first: a topic's feed takes the first of them that
    # are in the topic, in the same order recently_added gives (one sort, not one per
    # topic).
    if newest is None:
        newest = recently_added(site.papers, limit=len(site.papers))
    if members is None:
        members = {tid: [p.id for p in papers] for tid, papers in _members(site).items()}

    def recent(ids: Iterable[str]) -> list[Paper]:
        chosen = set(ids)
        return list(itertools.islice((p for p in newest if p.id in chosen), FEED_SIZE))

    def bib_parts(ids: Sequence[str]) -> list[bytes]:
        if entries is not None:  # (bibtex_parts' order, without a paper looked up)
            return [entries[pid] for pid in sorted(ids)]
        chosen = set(ids)
        return _encoded(bibtex_parts([p for p in site.papers if p.id in chosen], None))

    def feed(
        entries: list[Paper], title: str, feed_path: str, page_path: str = "", id_path: str = ""
    ) -> str:
        key = (tuple(entries), title, site_url, source_date_epoch, page_path, site_name, id_path, language)
        kept = feeds.get(feed_path) if feeds is not None else None
        if kept is not None and kept[0] == key:
            return kept[1]
        text = atom_feed(
            entries, title=title, feed_path=feed_path, site_url=site_url,
            source_date_epoch=source_date_epoch, page_path=page_path, author=site_name,
            id_path=id_path, language=language,
        )
        if feeds is not None:
            feeds[feed_path] = (key, text)
        return text

    files: dict[str, str | bytes | Spliced | None] = {
        "papers.bib": join(
            "papers.bib",
            bibtex_parts(site.papers, entries) if entries is not None else bib_parts([p.id for p in site.papers]),
            BIB_FILE,
        ),
        "papers.csv": join(
            "papers.csv",
            csv_rows(site, csv_lines) if csv_lines is not None else _encoded(csv_rows(site, None)),
            CSV_FILE,
        ),
        "feed.xml": feed(list(newest[:FEED_SIZE]), feed_title(site_name, FEED_WHAT), "feed.xml"),
    }
    for topic in sorted(site.topics, key=lambda t: t.id):
        ids = members[topic.id]
        path = f"topics/{topic.id}.bib"
        files[path] = join(path, bib_parts(ids), BIB_FILE)
        path = f"topics/{topic.id}.xml"
        files[path] = feed(
            recent(ids), feed_title(site_name, topic.title), path, topic_url(topic.id),
            f"topics/{topic.formerly[0]}.xml" if topic.formerly else "",
        )
        # A renamed topic's files stay at its old addresses too: a feed reader subscribed
        # to the old feed keeps getting it (its self link names the new one), and a link
        # to the old BibTeX file still works.
        for old in topic.former_ids:
            old_bib = f"topics/{old}.bib"
            files[old_bib] = join(old_bib, bib_parts(ids), BIB_FILE)
            files[f"topics/{old}.xml"] = files[path]
    if feeds is not None:
        for gone in set(feeds) - set(files):
            del feeds[gone]
    return files


# What the main feed holds, after the site's name in its title (feed_title).
FEED_WHAT = "recently added papers"


def feed_title(site_name: str, what: str) -> str:
    """A feed's title, the site's name then what the feed holds: "Smith Lab: recently
    added papers", but after a name with a colon of its own a dash, as init's
    description has one (commands/init.described): "Smith Lab: robotics: recently added
    papers" read as a list of labels, recently added papers one of robotics'."""
    named = site_name.rstrip(": ") or site_name  # ("Smith Lab:" is "Smith Lab", as init reads it)
    return f"{named} \u2014 {what}" if ":" in named else f"{named}: {what}"


def _encoded(texts: list[str]) -> list[bytes]:
    return [text.encode("utf-8") for text in texts]
