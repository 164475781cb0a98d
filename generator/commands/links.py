"""`readinglist links`: check every external link in content/papers, politely, with a cache."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

from .. import linkcheck
from ..errors import CuratorError, Problems
from ..atomicfile import atomic_write
from . import options

STOPPED = "no link was checked"  # what a curation error stopped (see cli.main)
# When this many links were asked and not one answered, the machine is offline.
OFFLINE_AFTER = 5


EXIT = (
    "a link failing in a way that may pass (HTTP 5xx, no answer in time, a refused connection) "
    "is a warning, and dead when it was failing a day or more before too; a site that refuses "
    "scripts (HTTP 401, 403) is a warning; "
    "exit status: 0 when no link is dead, 1 when one is (0 with --no-fail), 2 when not one "
    "server answered five links or more (offline: no link asked is judged, those no browser opens are reported, and no --json file is written), "
    "as for a wrong option"
)

DEFAULT_CACHE = Path(".cache", "links.json")  # (in --root's folder)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--timeout",
        type=options.number(0, 3600, above=True, unit="seconds"),
        default=10.0,
        metavar="S",
        help="seconds to wait for each answer (default: 10)",
    )
    parser.add_argument(
        "--cache",
        metavar="FILE",
        help="JSON file of earlier results (default: .cache/links.json in --root's folder; a FILE"
        " given is relative to the current folder, as --summary's and --json's are)",
    )
    parser.add_argument(
        "--max-age",
        type=options.number(0, unit="days"),
        default=7.0,
        metavar="DAYS",
        help="reuse a working link's cached result for this long (default: 7)",
    )
    parser.add_argument(
        "--concurrency",
        type=options.number(1, whole=True),
        default=8,
        metavar="N",
        help="hosts asked at the same time (default: 8)",
    )
    parser.add_argument(
        "--delay",
        type=options.number(0, unit="seconds"),
        default=1.0,
        metavar="S",
        help="seconds between two requests to one host (default: 1)",
    )
    parser.add_argument(
        "--budget",
        type=options.number(0, unit="minutes"),
        metavar="MINUTES",
        help="start no new check after this long; the next run goes on where it stopped",
    )
    parser.add_argument(
        "--summary", metavar="FILE",
        help="also write a Markdown report, e.g. for a CI job summary (relative to the current folder)",
    )
    parser.add_argument(
        "--json",
        metavar="FILE",
        help='also write the dead links as JSON for scripts: {"version": 1, "links": N, '
        '"unchecked": N, "dead": [{"path", "line", "column", "url", "detail", "message"}], '
        '"no_server_answered": BOOL} (relative to the current folder)',
    )
    parser.add_argument(
        "--no-fail", action="store_true", help="exit 0 even when dead links are found"
    )


def run(args: argparse.Namespace, now: dt.datetime | None = None) -> int:
    root = Path(args.root)
    now = now or dt.datetime.now(dt.timezone.utc)
    problems = Problems()
    unopenable: list[linkcheck.LinkRef] = []
    refs = linkcheck.collect_links(root, problems, unopenable, root_given=args.root_given)
    if problems.has_errors():
        raise CuratorError(problems)  # unreadable YAML: `readinglist check` says more

    # A file named on the command line is the shell's, as import's and build's are; the
    # default cache is the project's.
    cache_path = Path(args.cache) if args.cache is not None else root / DEFAULT_CACHE
    cached, cache_warning = linkcheck.load_cache(cache_path)
    if cache_warning:
        print(f"warning: {cache_warning}", file=sys.stderr)
    max_age = dt.timedelta(days=args.max_age)
    urls = sorted({ref.url for ref in refs})
    fresh = {
        u: cached[u] for u in urls if u in cached and linkcheck.is_fresh(cached[u], now, max_age)
    }
    due = linkcheck.due_order((u for u in urls if u not in fresh), cached)
    interrupted = False
    try:
        checked = linkcheck.check_all(
            due,
            linkcheck.urllib_fetch(args.timeout),
            concurrency=args.concurrency,
            delay=args.delay,
            checked=linkcheck.utc_stamp(now),
            deadline=None if args.budget is None else time.monotonic() + args.budget * 60,
        )
    except linkcheck.Interrupted as exc:
        # Ctrl-C: what was checked is kept and said, as for a run out of --budget.
        checked, interrupted = exc.results, True
    left = [u for u in due if u not in checked]
    if len(checked) >= OFFLINE_AFTER and all(r.status == 0 for r in checked.values()):
        # No server answered at all: the machine is offline (or its DNS is down), which
        # says nothing about the links asked. None of them is reported dead, the cache
        # keeps what it knew, and the exit status (2) tells a script this run judged them
        # not. The links no browser opens need no network: they are reported first.
        from_file = linkcheck.report(
            sorted(unopenable, key=lambda ref: (ref.location, ref.url)),
            linkcheck.unopenable_results(unopenable, linkcheck.utc_stamp(now)),
        )
        for problem in from_file.sorted():
            print(problem)
        message = (
            f"none of the {len(checked)} links checked answered at all (no connection or no"
            " DNS): this machine seems to be offline; no link it asked was judged, run it again online"
        )
        print(f"readinglist links: {message}", file=sys.stderr)
        if args.summary:
            table = ["", *linkcheck.problem_table(from_file)] if from_file else []
            atomic_write(Path(args.summary), "\n".join(
                ["# Link check", "", f"{message[0].upper()}{message[1:]}.", *table, ""]))
        return 2
    # A failure that may pass is dead only when the link was failing a day ago too.
    checked = {url: linkcheck.settle(result, cached.get(url), now) for url, result in checked.items()}
    # Only links still in the list are kept, so the cache never outgrows the content; a
    # link left for lack of time keeps its old entry, so it comes first next time.
    linkcheck.save_cache(
        cache_path, {**{u: cached[u] for u in left if u in cached}, **fresh, **checked}
    )
    # (Not cached: they are judged from the file alone, on every run.)
    results = {**fresh, **checked, **linkcheck.unopenable_results(unopenable, linkcheck.utc_stamp(now))}
    refs = sorted([*refs, *unopenable], key=lambda ref: (ref.location, ref.url))

    found = linkcheck.report(refs, results)
    for problem in found.sorted():
        print(problem)
    dead = len(found.errors)
    print(
        f"{len(urls) - len(left)} links checked ({len(fresh)} from the cache): {dead} dead, "
        f"{len(found.warnings)} warning(s).",
        file=sys.stderr,
    )
    no_answer = bool(checked) and all(r.status == 0 for r in checked.values())
    warnings = []
    if no_answer:
        # Too few links asked to say the machine is offline (above), but not one server
        # answered: a list just started, on a laptop off the network, had every link
        # "dead" and nothing else said, and a curator could remove them all. The
        # --summary and --json reports say it too: a CI job's reader sees only those.
        warnings.append(
            f"not one server answered the {len(checked)} link(s) asked (no connection"
            " or no DNS): if this machine is offline, they may not be dead; run it again"
            " online before removing any"
        )
        print(f"warning: {warnings[0]}", file=sys.stderr)
    if interrupted:
        print(
            f"interrupted: {len(left)} links were not checked; the next run checks them first.",
            file=sys.stderr,
        )
    elif left:
        print(
            f"warning: {len(left)} links were not checked within the --budget of "
            f"{args.budget:g} minutes; the next run checks them first.",
            file=sys.stderr,
        )
    if args.summary:
        atomic_write(Path(args.summary), linkcheck.summary_markdown(refs, results, found, warnings))
    if args.json:
        atomic_write(Path(args.json), linkcheck.dead_links_json(refs, results, no_server_answered=no_answer))
    if interrupted:
        return 130  # (as for any command stopped by Ctrl-C)
    return 1 if dead and not args.no_fail else 0
