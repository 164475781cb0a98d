"""`readinglist search "query"`: the site's own search, from the terminal.

It reads the built `site/search/search_index.json` and ranks as the site's search box
does (see generator/search.py), so it also shows what a reader would find.
"""

from __future__ import annotations

import argparse
import html
import sys
from pathlib import Path

from ..search import IndexNotBuilt, count_line, search_site


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("query", nargs="+", help="words to search for (Material's query syntax)")
    parser.add_argument(
        "--site-dir", default=None, help="the built site (default: site/ under --root)"
    )
    parser.add_argument("-n", "--limit", type=int, default=10, help="show at most this many results (default: 10)")


def run(args: argparse.Namespace) -> int:
    site_dir = Path(args.site_dir) if args.site_dir else Path(args.root) / "site"
    query = " ".join(args.query)
    if not query.strip():
        print("readinglist search: give some words to search for", file=sys.stderr)
        return 2
    stale = _edited_since_built(Path(args.root) / "content", site_dir)
    if stale:
        print(
            f"readinglist search: {stale} was edited after the site was built; the results"
            " are the built site's: run `readinglist build` to search the edit",
            file=sys.stderr,
        )
    try:
        found = search_site(site_dir, query)
    except IndexNotBuilt as exc:
        why = str(exc)
        root = Path(args.root)
        if not args.site_dir and not (root / "mkdocs.yml").is_file() and not (root / "content").is_dir():
            # The wrong folder, not an unbuilt site: "build the site first" would mislead.
            why = (
                f"{root.resolve()} is no readinglist project (no mkdocs.yml, no content/):"
                " run in the project folder or give --root"
            )
        print(f"readinglist search: {why}", file=sys.stderr)
        return 2
    # The site's line above its results, in its words; then how many of them follow, as
    # the site lists them all and this at most --limit.
    line = count_line(len(found.hits), found.every, found.words)
    hits = found.hits[: max(args.limit, 0)]
    if len(hits) < len(found.hits):
        first = "none" if not hits else "the first" if len(hits) == 1 else f"the first {len(hits)}"
        line += f"; {first} below (--limit shows more)"
    print(line)
    if not found.hits:
        return 1
    width = len(str(len(hits)))
    for rank, hit in enumerate(hits, 1):
        print(f"{rank:>{width}}. {html.unescape(hit.title)}")
        print(f"{'':>{width}}  {hit.location or './'}  (score {hit.score:.3f})")
    return 0


def _edited_since_built(content: Path, site_dir: Path) -> str:
    """A curation file newer than the built search index, shown as a path; else ""."""
    index = site_dir / "search" / "search_index.json"
    try:
        built = index.stat().st_mtime_ns
    except OSError:
        return ""  # no index: search_site says so
    for path in sorted([content / "topics.yml", *(content / "papers").glob("*.yml")]):
        try:
            if path.stat().st_mtime_ns > built:
                return path.relative_to(content.parent).as_posix()
        except OSError:
            continue
    return ""
