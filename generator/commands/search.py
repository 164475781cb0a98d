"""`readinglist search "query"`: the site's own search, from the terminal.

It reads the built `site/search/search_index.json` and ranks as the site's search box
does (see generator/search.py), so it also shows what a reader would find.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from ..schema import FORBIDDEN_CHARS
from ..search import (
    EXCLUDING_TIP, MARKED_TIP, IndexNotBuilt, common_tip, count_line, editors_said, more_line, search_site, unlinked_tip)
from . import options
from .build import command_here

if TYPE_CHECKING:
    from ..docslock import Holder

# What a title may hold that would move the terminal's cursor, start an escape sequence
# or turn the line's direction: a hand-written page's heading can write any of them as a
# character reference ("# About &#13;..."), which the index holds decoded. Only these:
# a no-break space or a zero-width non-joiner is text (str.isprintable says neither is).
_UNPRINTED = re.compile(f"[\t\n{FORBIDDEN_CHARS}]")


def _shown(title: str) -> str:
    """A result's title for the terminal: each such character as its escape ("\\r")."""
    return _UNPRINTED.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), title)


EXIT = (
    "exit status: 0 when a page was found, 1 when none was, 2 when the site is not built"
    " (or no project is here) or no words were given"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    # ("-word" is a word of the query, no option: cli._CommandParser.)
    parser.dashed_words = True  # type: ignore[attr-defined]
    parser.add_argument(
        "query", nargs="+", help='words to search for (Material\'s query syntax: "+word" required, "-word" excluded)')
    parser.add_argument(
        "--site-dir", default=None, help="the built site (default: mkdocs.yml's site_dir, site/, under --root)"
    )
    parser.add_argument(
        "-n", "--limit", type=options.limit, default=10, help="show at most this many results, 0 for all (default: 10)"
    )


def run(args: argparse.Namespace) -> int:
    site_dir = Path(args.site_dir) if args.site_dir else _built_into(Path(args.root))
    query = " ".join(args.query)
    if not query.strip():
        print("readinglist search: give some words to search for", file=sys.stderr)
        return 2
    # (The build to run, as typed where this one ran: another folder's project needs its
    # --root, and a site searched elsewhere is built there.)
    build = command_here(Path(args.root), "build", site_dir if args.site_dir else None)
    stale = _changed_since_built(Path(args.root) / "content", site_dir)
    if stale:
        server = _server_of(Path(args.root))
        if server is None:
            fix = f"run `{build}` to search the changes"
        else:
            fix = _search_the_server(server, "them", build)
        print(
            f"readinglist search: since the site was built, {stale}; the results"
            f" are the built site's: {fix}",
            file=sys.stderr,
        )
    try:
        found = search_site(site_dir, query)
    except IndexNotBuilt as exc:
        why = f"{exc} does not exist: build the site first ({build})."
        root = Path(args.root)
        server = _server_of(root)
        if server is not None:
            # (hunt5: a list never built, searched while `serve` ran, was told to run the
            # build that the server then refused.)
            why = f"{exc} does not exist: no site was built; {_search_the_server(server, 'the site', build)}."
        if not args.site_dir and not (root / "mkdocs.yml").is_file() and not (root / "content").is_dir():
            # The wrong folder, not an unbuilt site: "build the site first" would mislead.
            from ..curation import wrong_folder_fix

            why = (
                f"{root.resolve()} is no readinglist project (no mkdocs.yml, no content/):"
                f" {wrong_folder_fix(root, 'readinglist search', args.root_given)}"
            )
        print(f"readinglist search: {why}", file=sys.stderr)
        return 2
    # The site's line above its results, in its words; then how many of them follow, as
    # the site lists them all and this at most --limit.
    line = count_line(len(found.hits), found.every, found.words)
    hits = found.hits[: args.limit] if args.limit else found.hits
    if len(hits) < len(found.hits):
        first = "none" if not hits else "the first" if len(hits) == 1 else f"the first {len(hits):,}"
        line += f"; {first} below (--limit shows more)"
    print(line)
    if not found.hits:
        print(_nothing_found(
            site_dir, found.marked, found.excluding, found.common, found.unlinked, found.unrecorded))
        return 1
    # (What the site says under its line of a URL typed: that no paper links it, or
    # that a part of a path was looked for in only some of the links that hold it.)
    for note in found.notes:
        print(note)
    width = len(str(len(hits)))
    for rank, hit in enumerate(hits, 1):
        if rank == found.every + 1 and found.every and found.words >= 2:
            # Where the pages with every word end, as the site's list says it (for a
            # query of several words only: of one, a URL, the pages its path's words
            # find were said to have "some of the words").
            print(f"-- {more_line(len(found.hits) - found.every, found.words)} --")
        print(f"{rank:>{width}}. {_shown(html.unescape(hit.title))}")
        if hit.editors:
            # (Found by an editor's name: the site says it too, after the byline, which
            # the terminal does not print.)
            print(f"{'':>{width}}  {_shown(editors_said(hit.editors))}")
        # The words a result lacks, as the site says them under it ("Missing: vectors"),
        # and no score: the pages that find more of the words come first, so a score
        # printed read as a ranking that the list did not follow (12.2 above 15.1).
        lacks = f"  (missing: {', '.join(map(_shown, hit.missing))})" if hit.missing else ""
        print(f"{'':>{width}}  {_shown(hit.location) or './'}{lacks}")
    return 0


def _built_into(root: Path) -> Path:
    """Where a bare `readinglist build` of ``root`` puts the site: mkdocs.yml's site_dir
    (as MkDocs reads it, from the file's folder), site/ when it sets none. (Always
    site/ under --root, a list that builds into public/ searched a site/ never built,
    and its "build the site first" built public/ again.)"""
    from ..ownlist import read_setting
    from ..siteconfig import CONFIG

    try:
        setting = read_setting((root / CONFIG).read_text(encoding="utf-8"), "site_dir")
    except (OSError, UnicodeDecodeError):
        setting = None  # (no file, or none MkDocs reads: the wrong folder, said below)
    return root / (setting if isinstance(setting, str) and setting.strip() else "site")


def _search_the_server(server: Holder, what: str, build: str) -> str:
    """Where to search instead of a built site while ``server`` runs: the `build` that
    would bring the site up to date is refused while the server holds the docs folder."""
    return (
        f"{server.named()} serves {what} at {server.serves}: search there, or stop it"
        f" (Ctrl-C in its terminal, or `kill {server.pid}`) and run `{build}`"
    )


def _server_of(root: Path) -> Holder | None:
    """The `serve` holding ``root``'s docs folder (docslock.py), if one runs: it has
    the edits built, and a `build` would be refused while it runs."""
    from ..docslock import HOLDER_NAME, holder
    from ..ownlist import read_setting
    from ..siteconfig import CONFIG

    try:
        setting = read_setting((root / CONFIG).read_text(encoding="utf-8"), "docs_dir")
    except (OSError, UnicodeDecodeError):
        return None
    docs = root / (setting if isinstance(setting, str) and setting.strip() else "docs")
    found = holder(docs / HOLDER_NAME)
    return found if found is not None and found.serves else None


def _nothing_found(
    site_dir: Path, marked: int = 0, excluding: bool = False, common: Sequence[str] = (), unlinked: Sequence[str] = (),
    unrecorded: str = "",
) -> str:
    """What to try next when nothing is found, as the site says it under "No page found"
    (readinglist.js's nothingFound): every word was looked for by its start, so a
    shorter word or another spelling may find it, or, with words ``marked`` "+" or
    "-", the query without the marks, or, with words marked "-" alone (``excluding``),
    or a query of ids, years or a name that the list records none of or no paper has
    (``unrecorded``: `unrecorded_tip`), that,
    or words too common to search alone (``common``, "the"), a word to search for, or
    with a URL no paper links (``unlinked``), that; or the All papers page, named where
    the built site has it."""
    tip = f"{EXCLUDING_TIP} all papers" if excluding else f"{common_tip(common)} all papers" if common else (
        f"{unlinked_tip(unlinked[0])} all papers") if unlinked else (
        f"{MARKED_TIP} all papers") if marked else f"{unrecorded} all papers" if unrecorded else (
        'The start of a word finds it ("distil" finds "distillation"): try a shorter word'
        " or another spelling, or browse all papers")
    every = site_dir / "papers" / "index.html"
    return f"{tip}: {every.as_posix()}" if every.is_file() else f"{tip}."


# How many files of each kind the note names before it counts the rest.
_NAMED = 3


def _changed_since_built(content: Path, site_dir: Path) -> str:
    """The curation files that changed since the built search index was written (newer
    than it: edited, added, or written by a rename) and the papers' files deleted or
    renamed since (the built site's papers.json has their ids), said in a few words
    ("content/topics.yml and content/papers/new.yml changed, and content/papers/old.yml
    was deleted or renamed"); else "". All of them: a rename and an added paper are
    three changes, of which the note named only the first."""
    index = site_dir / "search" / "search_index.json"
    try:
        built = index.stat().st_mtime_ns
    except OSError:
        return ""  # no index: search_site says so
    papers = content / "papers"
    files = sorted(papers.glob("*.yml"))
    built_ids = _built_ids(papers, files, site_dir, built)
    changed = []
    for path in [content / "topics.yml", *files]:
        try:
            # (A file moved into place by `mv` keeps its time: new to the site all the same.)
            if path.stat().st_mtime_ns > built or (path.parent == papers and path.stem not in built_ids):
                changed.append(path.relative_to(content.parent).as_posix())
        except OSError:
            continue
    said = []
    if changed:
        said.append(f"{_named(changed, 'file')} changed")
    gone = sorted(built_ids.difference(path.stem for path in files))
    if gone:
        shown = [(papers / f"{paper_id}.yml").relative_to(content.parent).as_posix() for paper_id in gone]
        said.append(f"{_named(shown, '')} {'was' if len(gone) == 1 else 'were'} deleted or renamed")
    return ", and ".join(said)


def _built_ids(papers: Path, files: list[Path], site_dir: Path, built: int) -> frozenset[str]:
    """The ids of the built site's papers (its papers.json), when the papers' folder
    changed since the build (a file added, deleted or renamed; a file moved keeps its
    time, so only its folder tells); else, or unreadable, the ids of ``files`` (the
    papers' files now), so that none is said added or gone."""
    now = frozenset(path.stem for path in files)
    try:
        if papers.stat().st_mtime_ns <= built:
            return now
        listed = json.loads((site_dir / "papers.json").read_text(encoding="utf-8"))
        return frozenset(str(paper["id"]) for paper in listed)
    except (OSError, ValueError, TypeError, KeyError):
        return now  # (no papers.json, or not the site's: nothing to tell)


def _named(paths: list[str], noun: str) -> str:
    """Paths as a note lists them: "a, b and c"; past _NAMED, the first ones and a count."""
    if len(paths) > _NAMED:
        rest = len(paths) - _NAMED
        return f"{', '.join(paths[:_NAMED])} and {rest} more{' ' + noun if noun else ''}{'s' if noun and rest > 1 else ''}"
    return paths[0] if len(paths) == 1 else f"{', '.join(paths[:-1])} and {paths[-1]}"
