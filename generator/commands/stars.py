"""`readinglist stars`: ask GitHub what it says of the papers' code repositories (stars,
archived) and keep it in content/repositories.yml, which the site's badges show.

A build never asks anyone: it reads the file this command writes (see
generator/repositories.py). Run it by hand or on a schedule and commit the file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import os
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
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
    "exit status: 0 when every repository due was asked and answered (one GitHub no longer has is a "
    "warning); 1 on a curation error, or when an answer was an error or the rate limit left some "
    "unasked (what was learned is written); 2 when GitHub did not answer at all, or answered "
    "404 for every repository (nothing written)"
)
# Answers that say the repository is gone, and how many such answers in a row, with
# nothing else, mean the address is wrong rather than every repository gone.
GONE = (404, 410, 451)
ALL_MISSING = 3
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


# What a repository's answer is: at most this much (GitHub's is about 6 KB).
MAX_ANSWER = 1 << 20


def ask(api: str, key: str, token: str, timeout: float, today: dt.date) -> Answer:
    """What GitHub's API says of ``key`` ("github.com/owner/name") today. Never raises:
    whatever the server does is an Answer (status 0 when it gave none)."""
    url = f"{api.rstrip('/')}/repos/{key.removeprefix('github.com/')}"
    request = urllib.request.Request(url, headers={
        "Accept": "application/vnd.github+json",
        "X-GitHub-Api-Version": "2022-11-28",
        "User-Agent": USER_AGENT,
        **({"Authorization": f"Bearer {token}"} if token else {}),
    })
    deadline = time.monotonic() + timeout
    try:
        # urllib follows GitHub's redirect of a renamed repository (301 to
        # /repositories/<id>); the answer's full_name is then the new one.
        with urllib.request.urlopen(request, timeout=timeout) as response:
            # The socket's timeout bounds each read, not the answer: a server sending a
            # byte a second is cut off at the deadline.
            chunks: list[bytes] = []
            while chunk := response.read1(65536):
                chunks.append(chunk)
                if time.monotonic() > deadline or sum(map(len, chunks)) > MAX_ANSWER:
                    return Answer(0, detail=f"no whole answer within {timeout:g} s")
            body = json.loads(b"".join(chunks).decode("utf-8"))
    except urllib.error.HTTPError as exc:
        # 403 and 429 are GitHub's rate limits (primary or secondary, with or without
        # Retry-After), and 401 a token it refuses: asking on would only be refused.
        return Answer(exc.code, detail=f"HTTP {exc.code}", exhausted=exc.code in (401, 403, 429))
    except (urllib.error.URLError, OSError) as exc:
        return Answer(0, detail=str(getattr(exc, "reason", exc)))
    except (http.client.HTTPException, ValueError) as exc:  # a garbled answer, bad JSON
        return Answer(200 if isinstance(exc, ValueError) else 0, detail=f"an answer that is no JSON object ({type(exc).__name__})")
    if not isinstance(body, dict):
        return Answer(200, detail="an answer that is no JSON object")
    stars, archived = body.get("stargazers_count"), body.get("archived", False)
    if not isinstance(stars, int) or isinstance(stars, bool) or stars < 0 or not isinstance(archived, bool):
        return Answer(200, detail="an answer without a star count")
    return Answer(200, RepoStats(stars, archived, today), str(body.get("full_name", "")))


def run(args: argparse.Namespace, today: dt.date | None = None) -> int:
    if not (0 < args.timeout <= 3600 and args.concurrency >= 1 and 0 <= args.max_age <= 36500):
        raise SystemExit(
            "readinglist stars: --timeout must be 0 to 3600 s (not 0), --concurrency positive, "
            "--max-age 0 to 36500 days"
        )
    # A secret pasted with its line break: the break is no part of it. Anything else a
    # header cannot carry is said, without the token (an error's text would show it).
    token = os.environ.get("GITHUB_TOKEN", "").strip()
    if any(not (32 < ord(char) < 127) for char in token):
        raise SystemExit("readinglist stars: GITHUB_TOKEN holds a space or a character a request header cannot carry")
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
    # (A day after today, as a hand or a wrong clock wrote it, is due too.)
    due = sorted(
        (key for key in linked if key not in known or not dt.timedelta(0) <= today - known[key].checked < max_age),
        key=lambda key: (key in known, known[key].checked if key in known else today, key),
    )
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
    if len(answers) >= ALL_MISSING and all(a.status == 404 for a in answers.values()):
        # Not that every repository went: the address is not GitHub's API (a GitHub
        # Enterprise server's ends in /api/v3), or a proxy answers for it.
        print(
            f"error: {args.api} answered 404 (not found) for each of the {len(answers)} repositories "
            f"asked: is --api the address of GitHub's API? {shown} is left as it was",
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
        elif answer is not None and answer.status in GONE:
            report.warning(location, f"GitHub has no repository {key} (deleted, private or renamed): its badge shows no stars")
        elif key in known:
            stats[key] = known[key]  # not asked, or no answer this time: the last figure stays
    text = repositories.dump(stats)
    old = path.read_text(encoding="utf-8") if path.is_file() else None
    written = text != old and (bool(stats) or old is not None)
    if written:
        atomic_write(path, text)
    for problem in report.sorted():
        print(problem)
    failed = Counter(a.detail for a in answers.values() if a.stats is None and a.status not in GONE)
    unasked = len(due) - len(answers)
    print(
        f"{len(linked)} GitHub repositories linked: {len(answers)} asked, "
        f"{len(linked) - len(due)} asked less than {args.max_age:g} days ago; "
        f"{shown} {'written' if written else 'unchanged'}.",
        file=sys.stderr,
    )
    if failed:
        said = ", ".join(f"{detail} ({n})" for detail, n in sorted(failed.items()))
        print(f"warning: {sum(failed.values())} answers were errors: {said}; those repositories keep their last figures.", file=sys.stderr)
    if any(a.status == 401 for a in answers.values()):
        print("warning: GitHub refused the token (HTTP 401): GITHUB_TOKEN is wrong or expired.", file=sys.stderr)
    elif unasked or any(a.exhausted for a in answers.values()):
        hint = "" if token else " (set GITHUB_TOKEN for a higher limit)"
        print(
            f"warning: GitHub's rate limit was reached; {unasked} repositories were not asked{hint}. "
            "Run it again later: it goes on with them.",
            file=sys.stderr,
        )
    # 1 when the file is not up to date: a scheduled run must not stay green on a token
    # that expired, or a limit reached every time.
    return 1 if failed or unasked else 0
