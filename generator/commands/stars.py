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
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from dataclasses import dataclass
from email.message import Message
from functools import partial
from pathlib import Path

from .. import __version__, fetch, linkcheck, repositories, repositoriesedit, workers
from ..atomicfile import atomic_write_bytes
from ..curation import load_content
from ..importwrite import as_the_file_was
from ..ingest import normalise_text
from ..errors import CuratorError, Location, Problem, Problems
from ..models import RepoStats
from ..quoting import quoted
from ..yamlfile import display
from . import options

STOPPED = "GitHub was not asked"
EXIT = (
    "exit status: 0 when every repository due was asked and answered (one GitHub no longer has is a "
    "warning, and kept as gone: its badge says 'not found'); 1 on a curation error, or when an "
    "answer was an error or the rate limit left some unasked (what was learned is written); 2 when "
    "--api does not answer as GitHub's API does (offline, a wrong address; nothing written), as "
    "for a wrong option; 130 when stopped by Ctrl-C (the answers received are written)"
)
# Answers that say the repository is gone (the address was found to be GitHub's API).
GONE = (404, 410)  # (451, blocked for legal reasons, is no loss of the repository: an error)
API = "https://api.github.com"
USER_AGENT = f"readinglist-stars/{__version__} (a reading list showing its code's stars)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--max-age", type=options.number(0, 36500, unit="days"), default=7.0, metavar="DAYS",
        help="ask again only about repositories asked longer ago than this (default: 7)",
    )
    parser.add_argument(
        "--timeout", type=options.number(0, 3600, above=True, unit="seconds"), default=10.0, metavar="S", help="seconds to wait for each answer (default: 10)"
    )
    parser.add_argument(
        "--concurrency", type=options.number(1, whole=True), default=4, metavar="N", help="requests at the same time (default: 4)"
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
    resets: dt.datetime | None = None  # when GitHub said the limit lets us ask again (UTC)


# What an answer may be: at most this much (a repository's is about 6 KB).
MAX_ANSWER = 1 << 20
# GitHub's counts stay far below; a figure the file could not hold is no count.
MAX_STARS = 10**10 - 1


def _get(url: str, token: str, timeout: float) -> tuple[int, object, Message]:
    """(status, the JSON answer, headers) of one GET; the JSON is None when the answer
    is none. Raises what urllib raises for no answer at all."""
    # urllib follows GitHub's redirect of a renamed repository (301 to /repositories/<id>);
    # the answer's full_name is then the new one.
    status, raw, headers = fetch.get(url, {
        "Accept": "application/vnd.github+json",
        "X-GitHub-Api-Version": "2022-11-28",
        "User-Agent": USER_AGENT,
        **({"Authorization": f"Bearer {token}"} if token else {}),
    }, timeout, MAX_ANSWER)
    try:
        body = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError):
        body = None
    return status, body, headers


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _resets(headers: Message, now: dt.datetime) -> dt.datetime | None:
    """When GitHub's rate limit lets us ask again, as its answer says: Retry-After
    (a secondary limit's wait, in seconds or as a date) or, when none remain,
    X-RateLimit-Reset (epoch seconds). None when it says neither, or a time that is no
    wait (past, or more than a day off: a wrong clock here or there)."""
    when = fetch.retry_after(headers, now)
    reset = str(headers.get("X-RateLimit-Reset", "")).strip()
    if when is None and headers.get("X-RateLimit-Remaining") == "0" and reset.isascii() and reset.isdigit() and len(reset) <= 11:
        when = dt.datetime.fromtimestamp(int(reset), dt.timezone.utc)
    if when is None:
        return None
    return when if now <= when <= now + dt.timedelta(days=1) else None


def said_time(when: dt.datetime, now: dt.datetime) -> str:
    """``when`` as a curator reads it: "14:05 UTC", the minute rounded up (asking at
    14:04 would be refused again), with the day when it is not today's."""
    when = when.astimezone(dt.timezone.utc)
    if when.second or when.microsecond:
        when = when.replace(second=0, microsecond=0) + dt.timedelta(minutes=1)
    day = "" if when.date() == now.astimezone(dt.timezone.utc).date() else f" on {when:%Y-%m-%d}"
    return f"{when:%H:%M} UTC{day}"


def ask(api: str, key: str, token: str, timeout: float, today: dt.date) -> Answer:
    """What GitHub's API says of ``key`` ("github.com/owner/name") today. Never raises:
    whatever the server does is an Answer (status 0 when it gave none)."""
    try:
        status, body, headers = _get(f"{api.rstrip('/')}/repos/{key.removeprefix('github.com/')}", token, timeout)
    except (urllib.error.URLError, OSError) as exc:
        return Answer(0, detail=str(getattr(exc, "reason", exc)))
    except (http.client.HTTPException, ValueError) as exc:  # a garbled status line or headers
        return Answer(0, detail=fetch.garbled(exc))
    if status != 200:
        message = str(body.get("message", "")) if isinstance(body, dict) else ""
        # A rate limit (primary: none remaining; secondary: Retry-After, or said in the
        # message), or a token GitHub refuses: asking on would only be refused. A 403
        # for one repository (blocked) is that repository's answer only.
        limited = status == 429 or (status == 403 and (
            headers.get("X-RateLimit-Remaining") == "0" or "Retry-After" in headers or "rate limit" in message.lower()
        ))
        return Answer(
            status, detail=f"HTTP {status}", exhausted=limited or status == 401,
            resets=_resets(headers, _now()) if limited else None,
        )
    if not isinstance(body, dict):
        return Answer(200, detail="an answer that is no JSON object")
    stars, archived = body.get("stargazers_count"), body.get("archived", False)
    if (not isinstance(stars, int) or isinstance(stars, bool) or not 0 <= stars <= MAX_STARS
            or not isinstance(archived, bool)):
        return Answer(200, detail="an answer without a star count")
    name = body.get("full_name")
    return Answer(200, RepoStats(stars, archived, today), name if isinstance(name, str) else "")


def is_github_api(api: str, token: str, timeout: float) -> str:
    """"" when ``api`` answers as GitHub's API does (its /rate_limit, which costs no
    request of the limit), else what it did instead: before 404s are taken to mean that
    repositories are gone, the address must be known to be GitHub's."""
    try:
        status, body, _ = _get(f"{api.rstrip('/')}/rate_limit", token, timeout)
    except (urllib.error.URLError, OSError, http.client.HTTPException, ValueError) as exc:
        return f"no answer ({getattr(exc, 'reason', exc)})"
    if status in (401, 403, 429) or (status == 200 and isinstance(body, dict) and "resources" in body):
        return ""  # GitHub's, refusing or limiting: the answers will say which
    return f"HTTP {status}" + ("" if isinstance(body, dict) else ", no JSON")


def _contents(path: Path) -> bytes | None:
    """The file's bytes, None when there is none."""
    try:
        return path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        return None


def run(args: argparse.Namespace, today: dt.date | None = None) -> int:
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
    # Where each URL is written. Its reader's problems are not kept: load_content reads
    # the same files and reports each of them (kept both, every slip was said twice).
    refs = linkcheck.collect_links(root, Problems())
    content, found = load_content(content_dir, root, root_given=args.root_given)
    # Any error stops it: the file is rewritten below, and one that does not read
    # cleanly (edited by hand) must not lose what it holds, nor the figures of a paper
    # left out for an error of its own.
    problems = Problems()
    problems.items.extend(found.errors)
    if problems.has_errors():
        raise CuratorError(problems)
    before = _contents(path)
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
    if due and (wrong := is_github_api(args.api, token, args.timeout)):
        print(
            f"readinglist stars: {args.api} does not answer as GitHub's API does ({wrong}): a wrong --api, "
            f"a proxy, or this machine is offline; {shown} is left as it was",
            file=sys.stderr,
        )
        return 2
    spent = threading.Event()  # GitHub's rate limit, or Ctrl-C: ask no more this run
    received: dict[str, Answer] = {}
    started: set[str] = set()  # asked, answered or not
    lock = threading.Lock()

    def one(key: str) -> None:
        with lock:
            started.add(key)
        answer = ask(args.api, key, token, args.timeout, today)
        with lock:
            received[key] = answer
        if answer.exhausted:
            spent.set()

    def waiting(under_way: int) -> None:
        them = "the answer under way" if under_way == 1 else f"the {under_way} answers under way"
        print(
            f"interrupted: waiting for {them} (at most {args.timeout:g} s); "
            f"Ctrl-C again gives {'it' if under_way == 1 else 'them'} up.",
            file=sys.stderr, flush=True,
        )

    interrupted = False
    try:
        workers.run_all([partial(one, key) for key in due], args.concurrency, spent, waiting)
    except KeyboardInterrupt:
        # Ctrl-C: the answers received are written below as a run over just those
        # repositories would write them (an hour of asking is not lost), and said.
        interrupted = True
    # A Ctrl-C pressed again as the answers end must not lose them now: it is put off
    # until they are written.
    with workers.ctrl_c_put_off() as later:
        with lock:
            answers = {key: received[key] for key in due if key in received}
            given_up = len(started) - len(answers)  # (by a second Ctrl-C)
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
                # Kept as gone: its badge says so, and it is asked again after --max-age
                # days like any other, not on every run.
                stats[key] = RepoStats(0, False, today, gone=True)
                report.warning(location, f"GitHub has no repository {key} (deleted, private or renamed): its badge says 'not found'; fix or remove the link")
            elif key in known:
                stats[key] = known[key]  # not asked, or no answer this time: the last figure stays
        now = _contents(path)
        if now != before:
            # Edited (by hand, or by a second run) while GitHub was asked: what it holds now
            # was not read, and rewriting the file would lose it.
            print(
                f"readinglist stars: {shown} changed while GitHub was asked; it is left as it is. "
                "Run the command again: it reads the file anew.",
                file=sys.stderr,
            )
            return 130 if interrupted or later.had else 1
        # The file as it is, with the figures that changed edited in: a curator's
        # comments, order and spelling stay (a new file is written sorted).
        text = repositories.dump(stats) if now is None else repositoriesedit.edited(normalise_text(now), known, stats)
        if isinstance(text, repositoriesedit.Unkept):
            print(Problem(
                Location(shown, text.line, text.column),
                f"readinglist stars cannot keep this comment ({quoted(text.comment)}) where it stands as it "
                "edits the entry around it: move the comment onto a line of its own; nothing was written",
            ))
            return 130 if interrupted or later.had else 1
        if isinstance(text, repositoriesedit.Unread):
            print(Problem(Location(shown, text.line, text.column), text.said("readinglist stars")))
            return 130 if interrupted or later.had else 1
        # (Windows line ends and a byte-order mark stay: a diff shows the figures, not every line.)
        data = text.encode("utf-8") if now is None else as_the_file_was(now, text)
        written = data != now if now is not None else bool(stats)
        if written:
            atomic_write_bytes(path, data)
    interrupted = interrupted or later.had
    for problem in report.sorted():
        print(problem)
    # A repository the rate limit refused was not answered, not an error of its own: it
    # is counted with those not asked, not said as an "HTTP 403" beside the limit.
    limited = {key for key, a in answers.items() if a.exhausted and a.status != 401}
    failed = Counter(
        a.detail for key, a in answers.items() if a.stats is None and a.status not in GONE and key not in limited
    )
    unasked = len(due) - len(answers) + len(limited)
    # (Asked, asked less than --max-age days ago and not asked add up to those linked.)
    print(
        f"{len(linked)} GitHub repositories linked: {len(answers) - len(limited)} asked, "
        f"{len(linked) - len(due)} asked less than {args.max_age:g} days ago; "
        f"{shown} {'written' if written else 'unchanged'}.",
        file=sys.stderr,
    )
    if failed:
        said = ", ".join(f"{detail} ({n})" for detail, n in sorted(failed.items()))
        print(f"warning: {sum(failed.values())} answers were errors: {said}; those repositories keep their last figures.", file=sys.stderr)
    if any(a.status == 401 for a in answers.values()):
        print("warning: GitHub refused the token (HTTP 401): GITHUB_TOKEN is wrong or expired.", file=sys.stderr)
    elif limited:
        hint = "" if token else " (set GITHUB_TOKEN for 5,000 an hour, not 60)"
        resets = max((a.resets for a in answers.values() if a.resets is not None), default=None)
        when = (
            f"GitHub's limit resets at {said_time(resets, _now())}: run it again then, and it goes on with them"
            if resets else "Run it again later: it goes on with them"
        )
        print(
            f"warning: GitHub's rate limit was reached; {unasked} repositories were not asked{hint}. {when}.",
            file=sys.stderr,
        )
    elif interrupted:
        # Those not asked keep their older figures (or none): the next run's order,
        # never asked first, then asked longest ago, starts with them.
        gave_up = f", and the answers of {given_up} more were given up" if given_up else ""
        print(
            f"interrupted: {unasked - given_up} repositories were not asked{gave_up}; the next run starts with them.",
            file=sys.stderr,
        )
    if interrupted:
        return 130  # (as for any command stopped by Ctrl-C)
    # 1 when the file is not up to date: a scheduled run must not stay green on a token
    # that expired, or a limit reached every time.
    return 1 if failed or unasked else 0
