"""`readinglist stars`: ask GitHub what it says of the papers' code repositories (stars,
archived) and keep it in content/repositories.yml, which the site's badges show.

A build never asks anyone: it reads the file this command writes (see
generator/repositories.py). Run it by hand or on a schedule and commit the file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import threading
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .. import __version__, linkcheck, repositories
from ..atomicfile import atomic_write
from ..curation import load_content
from ..errors import CuratorError, Location, Problems
from ..models import RepoStats
from ..yamlfile import display

STOPPED = "GitHub was not asked"
EXIT = (
    "exit status: 0 when the file was brought up to date (a repository GitHub no longer has "
    "is a warning), 1 on a curation error, 2 when GitHub did not answer at all (nothing written)"
)
API = "https://api.github.com"
USER_AGENT = f"readinglist-stars/{__version__} (a reading list showing its code's stars)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--max-age", type=float, default=7.0, metavar="DAYS",
        help="ask again only about repositories asked longer ago than this (default: 7)",
    )
    parser.add_argument(
        "--timeout", type=float, default=10.0, metavar="S", help="seconds to wait for each answer (default: 10)"
    )
    parser.add_argument(
        "--concurrency", type=int, default=4, metavar="N", help="requests at the same time (default: 4)"
    )
    parser.add_argument(
        "--api", default=os.environ.get("READINGLIST_GITHUB_API", API), metavar="URL",
        help=f"GitHub's API (default: {API}, or $READINGLIST_GITHUB_API; a GitHub Enterprise server's /api/v3)",
    )


@dataclass(frozen=True)
class Answer:
    status: int  # 0: no answer at all
    stats: RepoStats | None = None
    name: str = ""  # GitHub's "full_name": another than asked when the repository moved
    detail: str = ""
    exhausted: bool = False  # GitHub's rate limit is spent


def ask(api: str, key: str, token: str, timeout: float, today: dt.date) -> Answer:
    """What GitHub's API says of ``key`` ("github.com/owner/name") today."""
    url = f"{api.rstrip('/')}/repos/{key.removeprefix('github.com/')}"
    request = urllib.request.Request(url, headers={
        "Accept": "application/vnd.github+json",
        "X-GitHub-Api-Version": "2022-11-28",
        "User-Agent": USER_AGENT,
        **({"Authorization": f"Bearer {token}"} if token else {}),
    })
    try:
        # urllib follows GitHub's redirect of a renamed repository (301 to
        # /repositories/<id>); the answer's full_name is then the new one.
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = json.loads(response.read().decode("utf-8"))
    except urllib.error.HTTPError as exc:
        # The primary limit (remaining 0) or a secondary one (Retry-After): ask no more.
        spent = exc.code in (403, 429) and (
            exc.headers.get("X-RateLimit-Remaining") == "0" or bool(exc.headers.get("Retry-After"))
        )
        return Answer(exc.code, detail=f"HTTP {exc.code}", exhausted=spent or exc.code == 429)
    except (urllib.error.URLError, OSError, ValueError) as exc:
        return Answer(0, detail=str(getattr(exc, "reason", exc)))
    stars, archived = body.get("stargazers_count"), body.get("archived", False)
    if not isinstance(stars, int) or isinstance(stars, bool) or stars < 0 or not isinstance(archived, bool):
        return Answer(200, detail="GitHub's answer had no star count")
    return Answer(200, RepoStats(stars, archived, today), str(body.get("full_name", "")))


def run(args: argparse.Namespace, today: dt.date | None = None) -> int:
    if args.timeout <= 0 or args.concurrency < 1 or args.max_age < 0:
        raise SystemExit("readinglist stars: --timeout and --concurrency must be positive, --max-age not negative")
    root = Path(args.root)
    today = today or dt.datetime.now(dt.timezone.utc).date()
    content_dir = root / "content"
    path = content_dir / repositories.FILE_NAME
    shown = display(path, root)
    problems = Problems()
    refs = linkcheck.collect_links(root, problems)  # where each URL is written
    content, found = load_content(content_dir, root)
    # The file is rewritten below: one that does not read cleanly (edited by hand) is
    # left as it is, and said so, rather than lose what it holds.
    problems.items.extend(p for p in found.errors if p.location.path == shown)
    if problems.has_errors():
        raise CuratorError(problems)
    known = repositories.read(path, shown, Problems())
    where: dict[str, Location] = {}
    for ref in refs:
        where.setdefault(ref.url, ref.location)
    linked: dict[str, Location] = {}
    for paper in content.papers:
        for link in paper.code:
            key = repositories.key_of(link)
            if key and key not in linked:
                linked[key] = where.get(link.url) or paper.source or Location(shown)
    max_age = dt.timedelta(days=args.max_age)
    # Never asked first, then those asked longest ago: a run stopped by the rate limit
    # is continued by the next.
    due = sorted(
        (key for key in linked if key not in known or today - known[key].checked >= max_age),
        key=lambda key: (key in known, known[key].checked if key in known else today, key),
    )
    token = os.environ.get("GITHUB_TOKEN", "")
    spent = threading.Event()  # GitHub's rate limit: ask no more this run

    def one(key: str) -> Answer | None:
        if spent.is_set():
            return None
        answer = ask(args.api, key, token, args.timeout, today)
        if answer.exhausted:
            spent.set()
        return answer

    with ThreadPoolExecutor(max_workers=args.concurrency) as pool:
        answers = {key: answer for key, answer in zip(due, pool.map(one, due)) if answer is not None}
    if answers and all(a.status == 0 for a in answers.values()):
        detail = next(iter(answers.values())).detail
        print(
            f"error: GitHub did not answer ({detail}): this machine seems to be offline; "
            f"{shown} is left as it was",
            file=sys.stderr,
        )
        return 2
    report = Problems()
    stats: dict[str, RepoStats] = {}
    for key, location in sorted(linked.items()):
        answer = answers.get(key)
        if answer is not None and answer.stats is not None:
            stats[key] = answer.stats
            moved = answer.name and answer.name.lower() != key.removeprefix("github.com/")
            if moved:
                report.warning(location, f"{key} has moved to github.com/{answer.name}: link the new address")
        elif answer is not None and answer.status in (404, 410, 451):
            report.warning(location, f"GitHub has no repository {key} (deleted, private or renamed): its badge shows no stars")
        elif key in known:
            stats[key] = known[key]  # not asked, or no answer this time: the last figure stays
    text = repositories.dump(stats)
    old = path.read_text(encoding="utf-8") if path.is_file() else None
    if text != old and (stats or old is not None):
        atomic_write(path, text)
    for problem in report.sorted():
        print(problem)
    exhausted = any(a.exhausted for a in answers.values())
    failed = sum(1 for a in answers.values() if a.stats is None and a.status not in (404, 410, 451))
    print(
        f"{len(linked)} GitHub repositories linked: {len(answers)} asked, "
        f"{len(linked) - len(due)} asked less than {args.max_age:g} days ago; "
        f"{shown} {'written' if text != old and (stats or old is not None) else 'unchanged'}.",
        file=sys.stderr,
    )
    if failed:
        print(f"warning: {failed} answers were errors; those repositories keep their last figures.", file=sys.stderr)
    if exhausted:
        left = len(due) - len(answers)
        hint = "" if token else " (set GITHUB_TOKEN for a higher limit)"
        print(
            f"warning: GitHub's rate limit was reached; {left} repositories were not asked{hint}. "
            "Run it again later: it goes on with them.",
            file=sys.stderr,
        )
    return 0
