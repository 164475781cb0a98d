"""Checking a list's external links: which are dead, which have moved, politely.

Three phases, each testable alone:

* **collect** (`links_in`, `collect_links`): every URL under ``links:`` in
  ``content/papers/*.yml``, with the location of the URL itself in the YAML, so a report
  points a curator at the exact line to fix;
* **check** (`check_url`, `check_all`): one HEAD request per link (GET when HEAD is
  refused), redirects followed by hand so that a *permanent* move (301/308) is seen and
  its new address reported; requests to one host are spaced by a delay, and only
  ``concurrency`` hosts are asked at once;
* **report** (`report`, `summary_markdown`, `dead_links_json`): dead links are errors,
  moved links warnings, both as ``path:line:col: message``; a link that fails in a way that may
  pass (a server error, no answer) is a warning, and dead only once it has failed on
  runs at least `FAILING_FOR` apart (`settle`).

Results are kept in a JSON cache with the time each link was checked, so a link that
worked recently is not asked again; dead and rate-limited links are always re-asked,
because a transient failure must get its second chance; a failing link's entry keeps
the time it began to fail, so the next run can tell a server down for an hour from a
link that is gone. Links are asked in `due_order`
(never checked, then checked longest ago), so a run stopped by its time budget is
continued by the next one.
"""

from __future__ import annotations

import datetime as dt
import http.client
import json
import socket
import ssl
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from functools import partial
from dataclasses import asdict, dataclass, replace
from enum import Enum
from pathlib import Path
from urllib.parse import quote, urljoin, urlsplit, urlunsplit

from . import __version__
from . import fetch as http_fetch
from . import workers
from .errors import Location, Problems
from .yamlfile import read_yaml
from .atomicfile import atomic_write
from .yamlio import Map, Node, Scalar, Seq

USER_AGENT = f"readinglist-linkcheck/{__version__} (a reading list checking its links, politely)"
PERMANENT = (301, 308)
MAX_REDIRECTS = 5
CACHE_VERSION = 1
# A link that fails in a way that may pass is called dead only when it was failing at
# least this long ago too: a weekly run then reports a server that was down for an hour
# as a warning, and one still down a week later as dead.
FAILING_FOR = dt.timedelta(days=1)
# Answers that say the server, not the link, is in trouble for now.
TRANSIENT_STATUS = frozenset({408, *range(500, 600)})
# Answers that say the server will not show the page to this script: publishers behind
# doi.org (ACM, ScienceDirect, Wiley) answer a script 403 for pages a reader's browser
# opens, and a login page answers 401. They say nothing of whether the link works.
REFUSED_STATUS = frozenset({401, 403})


@dataclass(frozen=True)
class LinkRef:
    """One URL as written in a curation file; ``kind`` is the key under ``links:``."""

    url: str
    kind: str
    location: Location


class Outcome(str, Enum):
    OK = "ok"
    MOVED = "moved"
    DEAD = "dead"
    # 429: the server asked us to slow down; says nothing about the link itself.
    RATE_LIMITED = "rate-limited"
    # A server error (5xx), no answer in time, a refused or reset connection: it may
    # pass, so it is dead only when it has failed for FAILING_FOR (see `settle`).
    FAILING = "failing"
    # 401 or 403: the server refused this script (REFUSED_STATUS); a browser may open it.
    REFUSED = "refused"


@dataclass(frozen=True)
class Result:
    """What asking for one URL gave. ``checked`` is an ISO 8601 UTC time."""

    url: str
    outcome: Outcome
    status: int = 0  # the last HTTP status seen; 0 when no answer came
    detail: str = ""
    moved_to: str = ""
    checked: str = ""
    # For a link that fails: the time it was first seen failing (ISO 8601 UTC).
    since: str = ""


# --------------------------------------------------------------------------- collect


def links_in(tree: Node | None, path: str, unopenable: list[LinkRef] | None = None) -> list[LinkRef]:
    """The URLs under ``links:`` of one parsed paper file, in file order.

    Each link is a mapping with ``url`` (the schema's form) or, leniently, a bare URL
    string; anything else is left for `readinglist check` to report. An address that is
    no http(s) URL ("github.com/a/b", "htps://…", "mailto:…") cannot be asked: it goes
    to ``unopenable``, for the report to say (left out unsaid, a link no reader can
    follow passed as "0 dead").
    """
    if not isinstance(tree, Map):
        return []
    links = tree.get("links")
    if not isinstance(links, Map):
        return []
    refs: list[LinkRef] = []
    for kind_node, items in links:
        if not isinstance(items, Seq):
            continue
        for item in items.items:
            url_node = item.get("url") if isinstance(item, Map) else item
            if isinstance(url_node, Scalar) and url_node.text:
                url = url_node.text.strip()
                ref = LinkRef(url, kind_node.text or "", url_node.loc)
                if url.lower().startswith(("http://", "https://")):
                    refs.append(ref)
                elif url and unopenable is not None:
                    unopenable.append(ref)
    return refs


def collect_links(
    root: Path,
    problems: Problems,
    unopenable: list[LinkRef] | None = None,
    *,
    root_given: bool = False,
) -> list[LinkRef]:
    """Every external link in ``root/content/papers/*.yml``, sorted by location; the
    addresses no browser opens go to ``unopenable`` (see `links_in`). ``root_given``:
    ``root`` is --root's (see `curation.wrong_folder_fix`)."""
    refs: list[LinkRef] = []
    if not (root / "content").is_dir():
        from .curation import no_content  # (late: only to say where to run)

        # The wrong folder: "0 links checked" and success would be a lie.
        problems.error(Location("content"), no_content(root, root_given))
    for file in sorted((root / "content" / "papers").glob("*.yml")):
        rel = file.relative_to(root).as_posix()
        refs.extend(links_in(read_yaml(file, rel, problems)[0], rel, unopenable))
    return sorted(refs, key=lambda ref: (ref.location, ref.url))


# --------------------------------------------------------------------------- check


@dataclass(frozen=True)
class Answer:
    """One HTTP exchange: a status and, for a redirect, where it points."""

    status: int
    location: str = ""


class FetchError(Exception):
    """No HTTP answer at all (timeout, DNS, refused connection, TLS); the message says which.
    ``transient``: the failure may pass (a timeout, a refused or reset connection), where
    an unknown host name or a bad certificate stays until someone fixes it. ``no_host``:
    the host's name was not found, which no other request to that host fares better at."""

    def __init__(
        self, message: str, timed_out: bool = False, transient: bool = False, no_host: bool = False
    ):
        super().__init__(message)
        self.timed_out = timed_out
        self.transient = transient or timed_out
        self.no_host = no_host


Fetch = Callable[[str, str], Answer]  # (method, url) -> Answer, raises FetchError


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    # Redirects are followed by check_url, which must see each hop's status.
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


def as_uri(url: str) -> str:
    """The URL as HTTP wants it: an IDNA host name and percent-encoded non-ASCII text.

    Curators paste what the browser shows (``https://exämple.org/über``); the request
    line needs ASCII. Characters that are already escapes or delimiters are kept.
    """
    parts = urlsplit(url)
    host = parts.hostname or ""
    try:
        host = host.encode("idna").decode("ascii")
    except UnicodeError:
        pass  # left as is; the request then fails and says so
    netloc = host if parts.port is None else f"{host}:{parts.port}"
    if parts.username is not None:
        netloc = parts.netloc.rsplit("@", 1)[0] + "@" + netloc
    safe = "/:@!$&'()*+,;=%~-._?#[]"
    return urlunsplit(
        (
            parts.scheme,
            netloc,
            quote(parts.path, safe),
            quote(parts.query, safe),
            quote(parts.fragment, safe),
        )
    )


def urllib_fetch(timeout: float) -> Fetch:
    """A `Fetch` over the standard library: each answer's status line and headers must
    come within ``timeout`` seconds. (A socket's timeout bounds each read only: a server
    sending its headers a byte at a time would hold the run for ever.)"""
    opener = http_fetch.opener(_NoRedirect)

    def fetch(method: str, url: str) -> Answer:
        with http_fetch.Deadline(timeout) as watch:
            try:
                request = urllib.request.Request(
                    as_uri(url), method=method, headers={"User-Agent": USER_AGENT, "Accept": "*/*"}
                )
                with opener.open(request, timeout=timeout) as response:
                    answer = Answer(response.status, response.headers.get("Location") or "")
            except urllib.error.HTTPError as exc:
                with exc:
                    answer = Answer(exc.code, exc.headers.get("Location") or "")
            except urllib.error.URLError as exc:
                raise _failure(exc.reason, timeout, watch.expired) from exc
            except (OSError, http.client.HTTPException, ValueError) as exc:
                raise _failure(exc, timeout, watch.expired) from exc
            if watch.expired:
                # (Headers cut short by the shut socket read as if they had ended.)
                raise _failure(TimeoutError(), timeout)
            return answer

    return fetch


def _failure(reason: object, timeout: float, expired: bool = False) -> FetchError:
    # (Past the deadline, whatever the shut socket made of it is a timeout.)
    if expired or isinstance(reason, TimeoutError | socket.timeout):
        return FetchError(f"no answer within {timeout:g} s", timed_out=True)
    if isinstance(reason, socket.gaierror):
        if reason.errno == socket.EAI_AGAIN:  # the name server did not answer, for now
            return FetchError("host name not found for now (DNS)", transient=True, no_host=True)
        return FetchError("host name not found (DNS)", no_host=True)
    if isinstance(reason, ConnectionRefusedError):
        return FetchError("connection refused", transient=True)
    if isinstance(reason, ssl.SSLError):
        return FetchError(f"TLS error: {reason.reason or reason}")
    if isinstance(reason, http.client.RemoteDisconnected):
        return FetchError("the server closed the connection without answering", transient=True)
    if isinstance(reason, ConnectionError):
        return FetchError("the connection was reset", transient=True)
    if isinstance(reason, http.client.HTTPException | ValueError):
        return FetchError(http_fetch.garbled(reason))
    return FetchError(str(reason) or type(reason).__name__)


def _ask(fetch: Fetch, url: str) -> Answer:
    """HEAD, then GET when HEAD fails: many servers refuse or mishandle HEAD."""
    try:
        answer = fetch("HEAD", url)
        if answer.status < 400 or answer.status == 429:
            return answer
    except FetchError as exc:
        if exc.timed_out or exc.no_host:
            raise  # a GET would only wait as long again, or find no host either
    return fetch("GET", url)


def check_url(url: str, fetch: Fetch, checked: str = "") -> Result:
    """Ask for ``url``, following redirects, and classify the answer.

    The link has *moved* when it starts with permanent redirects (301/308) and ends on
    a working page; ``moved_to`` is where those permanent redirects lead, the address a
    curator should write instead. Temporary redirects (302/303/307) are followed and
    otherwise ignored: they are how many sites route every visitor.
    """
    current, moved_to, permanent_run = url, "", True
    try:
        for _ in range(MAX_REDIRECTS + 1):
            answer = _ask(fetch, current)
            if not 300 <= answer.status < 400:
                break
            if not answer.location:
                return Result(
                    url, Outcome.DEAD, answer.status, "redirect without a Location", "", checked
                )
            target = urljoin(current, answer.location)
            if urlsplit(target).scheme.lower() not in ("http", "https"):
                # No browser follows a redirect to file:, data: or ftp:, and urllib would
                # open a file of this machine, or a connection no --timeout bounds.
                shown = target if len(target) <= 100 else f"{target[:100]}..."
                return Result(
                    url, Outcome.DEAD, answer.status, f"redirect to {shown}, not http(s)", "", checked
                )
            if permanent_run and answer.status in PERMANENT:
                moved_to = target
            else:
                permanent_run = False
            current = target
        else:
            return Result(
                url,
                Outcome.DEAD,
                answer.status,
                f"more than {MAX_REDIRECTS} redirects",
                "",
                checked,
            )
    except FetchError as exc:
        via = f" (after redirect to {current})" if current != url else ""
        outcome = Outcome.FAILING if exc.transient else Outcome.DEAD
        return Result(url, outcome, 0, f"{exc}{via}", "", checked)
    via = f" at {current}" if current != url else ""
    if answer.status == 429:
        return Result(
            url, Outcome.RATE_LIMITED, 429, f"HTTP 429 (too many requests){via}", "", checked
        )
    if answer.status in TRANSIENT_STATUS:
        return Result(url, Outcome.FAILING, answer.status, f"HTTP {answer.status}{via}", "", checked)
    if answer.status in REFUSED_STATUS:
        return Result(url, Outcome.REFUSED, answer.status, f"HTTP {answer.status}{via}", "", checked)
    if answer.status >= 400:
        return Result(url, Outcome.DEAD, answer.status, f"HTTP {answer.status}{via}", "", checked)
    if moved_to:
        return Result(url, Outcome.MOVED, answer.status, "", moved_to, checked)
    return Result(url, Outcome.OK, answer.status, "", "", checked)


class HostThrottle:
    """Spaces requests to one host at least ``delay`` seconds apart, across threads.

    Each caller reserves the host's next free slot under the lock and sleeps outside
    it, so waiting for one host never holds up requests to another.
    """

    def __init__(
        self,
        delay: float,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ):
        self.delay, self._clock, self._sleep = delay, clock, sleep
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()

    def wait(self, url: str) -> None:
        host = (urlsplit(url).hostname or "").lower()
        with self._lock:
            now = self._clock()
            slot = max(now, self._next.get(host, now))
            self._next[host] = slot + self.delay
        if slot > now:
            self._sleep(slot - now)


class Interrupted(Exception):
    """Ctrl-C stopped `check_all`; ``results`` are the links checked before it, which the
    caller keeps (a run of an hour would otherwise be lost whole)."""

    def __init__(self, results: dict[str, Result]):
        super().__init__("interrupted")
        self.results = results


def check_all(
    urls: Iterable[str],
    fetch: Fetch,
    *,
    concurrency: int,
    delay: float,
    checked: str,
    deadline: float | None = None,
    clock: Callable[[], float] = time.monotonic,
    stop: threading.Event | None = None,
) -> dict[str, Result]:
    """Check each distinct URL once; at most ``concurrency`` hosts are asked at a time.

    URLs are grouped by host and each group is checked in the given order by one worker,
    so one host never sees parallel requests from us; the throttle also spaces redirect
    hops. No new URL is started once ``clock()`` passes ``deadline``: those URLs are
    missing from the result, and the caller says so (a CI job killed by its timeout
    would save nothing at all). Nor once ``stop`` is set, as Ctrl-C sets it: the
    requests under way end (each within the fetch's timeout) and `Interrupted` carries
    what was checked.
    """
    throttle = HostThrottle(delay)
    stop = stop or threading.Event()
    # Hosts whose name was not found, with how: their other links fail alike, unasked
    # and unspaced (offline, each of a list's 100 GitHub links took two requests a
    # second apart, to learn what the first had: minutes before "offline" was said).
    nameless: dict[str, FetchError] = {}

    def polite(method: str, url: str) -> Answer:
        host = (urlsplit(url).hostname or "").lower()
        if host in nameless:
            raise nameless[host]
        throttle.wait(url)
        try:
            return fetch(method, url)
        except FetchError as exc:
            if exc.no_host:
                nameless.setdefault(host, exc)
            raise

    by_host: dict[str, list[str]] = {}
    for url in dict.fromkeys(urls):
        by_host.setdefault((urlsplit(url).hostname or "").lower(), []).append(url)

    done: dict[str, Result] = {}
    lock = threading.Lock()

    def run_host(host_urls: list[str]) -> None:
        for url in host_urls:
            if stop.is_set() or (deadline is not None and clock() >= deadline):
                break
            result = check_url(url, polite, checked)
            with lock:
                done[url] = result

    def in_order() -> dict[str, Result]:  # (the order of the URLs given, whatever finished first)
        with lock:
            return {url: done[url] for host in sorted(by_host) for url in by_host[host] if url in done}

    try:
        workers.run_all([partial(run_host, by_host[h]) for h in sorted(by_host)], concurrency, stop)
    except KeyboardInterrupt:
        raise Interrupted(in_order()) from None
    return in_order()


# --------------------------------------------------------------------------- cache


def utc_stamp(now: dt.datetime) -> str:
    return now.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _parse_stamp(stamp: str) -> dt.datetime | None:
    try:
        return dt.datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.timezone.utc)
    except ValueError:
        return None


def settle(result: Result, previous: Result | None, now: dt.datetime) -> Result:
    """``result`` as this run reports it, given the link's ``previous`` (cached) result.

    A failure that may pass (`Outcome.FAILING`) keeps the time the link began to fail:
    this run's, or the earlier one's when it was failing or dead then too. It is dead
    once that time is `FAILING_FOR` or more before ``now``: one answer from a server
    that is down for an hour says nothing of the link, the same failure a week later
    does.
    """
    if result.outcome is not Outcome.FAILING:
        return result
    since = result.checked
    if previous is not None and previous.outcome in (Outcome.FAILING, Outcome.DEAD):
        since = previous.since or previous.checked
    began = _parse_stamp(since)
    if began is None:  # a damaged entry: the failure starts now
        since, began = result.checked, now
    result = replace(result, since=since)
    if now.astimezone(dt.timezone.utc) - began < FAILING_FOR:
        return result
    return replace(result, outcome=Outcome.DEAD, detail=f"{result.detail}, failing since {since[:10]}")


def due_order(urls: Iterable[str], cached: dict[str, Result]) -> list[str]:
    """Never-checked links first, then the longest unchecked: a run cut short by its time
    budget is continued, not restarted, by the next one."""
    return sorted(
        set(urls),
        key=lambda url: (url in cached, cached[url].checked if url in cached else "", url),
    )


def is_fresh(result: Result, now: dt.datetime, max_age: dt.timedelta) -> bool:
    """A cached result is reused only when it is recent and the link worked."""
    if result.outcome not in (Outcome.OK, Outcome.MOVED):
        return False
    checked = _parse_stamp(result.checked)
    if checked is None:
        return False
    age = now.astimezone(dt.timezone.utc) - checked
    return dt.timedelta(0) <= age < max_age


def load_cache(path: Path) -> tuple[dict[str, Result], str]:
    """The cached results and, when the file was unusable, why (the run then starts afresh)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}, ""
    except (OSError, ValueError) as exc:
        return {}, f"{path}: ignoring the link cache, it cannot be read ({exc})"
    if not isinstance(data, dict) or data.get("version") != CACHE_VERSION:
        return {}, f"{path}: ignoring the link cache, it has an unknown format"
    results: dict[str, Result] = {}
    for url, entry in (data.get("links") or {}).items():
        try:
            results[url] = Result(
                url=url,
                outcome=Outcome(entry["outcome"]),
                status=int(entry.get("status", 0)),
                detail=str(entry.get("detail", "")),
                moved_to=str(entry.get("moved_to", "")),
                checked=str(entry["checked"]),
                since=str(entry.get("since", "")),
            )
        except (KeyError, TypeError, ValueError, AttributeError):
            continue  # one damaged entry is simply checked again
    return results, ""


def save_cache(path: Path, results: dict[str, Result]) -> None:
    links = {}
    for url in sorted(results):
        entry = asdict(results[url])
        del entry["url"]
        entry["outcome"] = results[url].outcome.value
        if not entry["since"]:
            del entry["since"]  # (only a failing link has one)
        links[url] = entry
    text = json.dumps({"version": CACHE_VERSION, "links": links}, indent=2, sort_keys=True)
    atomic_write(path, text + "\n")


# --------------------------------------------------------------------------- report


def unopenable_results(refs: Iterable[LinkRef], checked: str) -> dict[str, Result]:
    """The links no request can ask (`links_in`'s ``unopenable``), each dead with why as
    `readinglist check` says it, and the address it was likely meant to be."""
    from .validate import url_problem

    return {ref.url: Result(ref.url, Outcome.DEAD, 0, url_problem(ref.url), "", checked) for ref in refs}


def message(result: Result) -> str:
    if not result.url.lower().startswith(("http://", "https://")):
        return f"not a link a browser opens: {result.url}; it {result.detail}"
    if result.outcome is Outcome.MOVED:
        return f"link moved permanently: {result.url} -> {result.moved_to}"
    if result.outcome is Outcome.RATE_LIMITED:
        return f"link not checked, the server asked us to slow down: {result.url} ({result.detail})"
    if result.outcome is Outcome.FAILING:
        return (
            f"link failing, perhaps for a while: {result.url} ({result.detail}); a run a day"
            " or more from now asks again and reports it dead if it still fails"
        )
    if result.outcome is Outcome.REFUSED:
        return (
            f"link not checked, the site refuses scripts such as this one: {result.url}"
            f" ({result.detail}); open it in a browser to see that it works"
        )
    return f"dead link: {result.url} ({result.detail})"


def report(refs: Iterable[LinkRef], results: dict[str, Result]) -> Problems:
    """Dead links as errors; moved, unchecked (rate-limited or refused) and failing links
    as warnings."""
    problems = Problems()
    for ref in refs:
        result = results.get(ref.url)
        if result is None or result.outcome is Outcome.OK:
            continue
        if result.outcome is Outcome.DEAD:
            problems.error(ref.location, message(result))
        else:
            problems.warning(ref.location, message(result))
    return problems


def _md(text: str) -> str:
    """Text shown literally in a Markdown table cell (URLs and messages are data)."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    for char in "\\`*_[]|~":
        text = text.replace(char, "\\" + char)
    return text.replace("\n", " ")


def summary_markdown(
    refs: list[LinkRef], results: dict[str, Result], problems: Problems, warnings: Iterable[str] = ()
) -> str:
    """A Markdown report for a CI job summary: counts, the run's own warnings (such as "not
    one server answered"), then one table row per problem."""
    counts = {outcome: 0 for outcome in Outcome}
    unchecked = 0
    for url in {ref.url for ref in refs}:
        if url in results:
            counts[results[url].outcome] += 1
        else:
            unchecked += 1
    lines = [
        "## External links",
        "",
        f"{len({ref.url for ref in refs})} distinct links in {len(refs)} places: "
        f"{counts[Outcome.OK]} ok, {counts[Outcome.DEAD]} dead, {counts[Outcome.MOVED]} moved, "
        f"{counts[Outcome.RATE_LIMITED]} rate-limited, {counts[Outcome.FAILING]} failing,"
        f" {counts[Outcome.REFUSED]} refused to scripts"
        + (f", {unchecked} not checked (out of time)." if unchecked else "."),
        "",
        *(line for warning in warnings for line in (f"**Warning:** {_md(warning)}.", "")),
    ]
    if not problems:
        return "\n".join(lines + ["No dead or moved links.", ""])
    return "\n".join(lines + problem_table(problems) + [""])


def problem_table(problems: Problems) -> list[str]:
    """The Markdown table's lines of a summary: one row per problem, where it is and what."""
    lines = ["| Where | Problem |", "| --- | --- |"]
    for problem in problems.sorted():
        kind = "warning: " if problem.severity.value == "warning" else ""
        lines.append(f"| {_md(str(problem.location))} | {_md(kind + problem.message)} |")
    return lines


# The shape of `dead_links_json`; a script reading it checks this first.
REPORT_VERSION = 1


def dead_links_json(refs: list[LinkRef], results: dict[str, Result], no_server_answered: bool = False) -> str:
    """The dead links as JSON for scripts (``links --json``), such as the Links workflow's
    step that opens a GitHub issue for them: each place a dead link is written, with its
    URL and why it is dead, and how many links this run left unchecked (out of time), so
    that a script never reads "no dead link" from a run that did not ask them all.
    ``no_server_answered`` says that not one server answered the links this run asked (too
    few to call the machine offline): a script then knows its dead links may be alive."""
    dead = []
    for ref in sorted(refs, key=lambda ref: (ref.location, ref.url)):
        result = results.get(ref.url)
        if result is not None and result.outcome is Outcome.DEAD:
            dead.append(
                {
                    "path": ref.location.path,
                    "line": ref.location.line,
                    "column": ref.location.col,
                    "url": ref.url,
                    "detail": result.detail,
                    "message": message(result),
                }
            )
    urls = {ref.url for ref in refs}
    report = {
        "version": REPORT_VERSION,
        "links": len(urls),
        "unchecked": len(urls - results.keys()),
        "dead": dead,
        "no_server_answered": no_server_answered,
    }
    return json.dumps(report, indent=2, ensure_ascii=False) + "\n"
