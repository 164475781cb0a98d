"""`readinglist links` against a local HTTP server that answers 200, 301, 404, 429 and slowly."""

from __future__ import annotations

import datetime as dt
import http.client
import http.server
import json
import signal
import socket
import threading
import time
from pathlib import Path

import pytest

from generator import linkcheck
from generator.cli import main
from generator.errors import Location, Problems
from generator.linkcheck import Answer, FetchError, Outcome
from generator.yamlio import parse

from tests.rawserver import raw_server

NOW = dt.datetime(2026, 11, 29, 18, 0, 0, tzinfo=dt.timezone.utc)
# Generous for a loaded machine: a local answer must never be mistaken for a timeout.
# (/slow never answers at all while the test runs, so it times out whatever the load.)
TIMEOUT = "3"
# What a failing link's warning ends with.
LATER = "a run a day or more from now asks again and reports it dead if it still fails"


class Handler(http.server.BaseHTTPRequestHandler):
    """Routes by path; every request is logged as (method, path, monotonic time)."""

    log: list[tuple[str, str, float]]
    released: threading.Event  # set when the test ends: only then does /slow answer

    def _answer(self, method: str) -> None:
        self.log.append((method, self.path, time.monotonic()))
        path = self.path.split("?")[0]
        routes = {
            "/ok": (200, None),
            "/moved": (301, "/ok"),
            "/moved-308": (308, "http://127.0.0.1:%d/new-home" % self.server.server_port),
            "/new-home": (200, None),
            "/temporary": (302, "/ok"),
            "/moved-to-gone": (301, "/gone"),
            "/loop": (301, "/loop"),
            "/gone": (404, None),
            "/busy": (429, None),
            "/broken": (500, None),
            "/refused": (403, None),
            "/to-a-file": (302, "file:///etc/hostname"),
            "/to-data": (301, "data:,hello"),
        }
        if path == "/slow":
            self.released.wait()
            status, location = 200, None
        elif path == "/no-head":
            status, location = (405, None) if method == "HEAD" else (200, None)
        else:
            status, location = routes.get(path, (404, None))
        try:
            self.send_response(status)
            if location:
                self.send_header("Location", location)
            self.send_header("Content-Length", "0")
            self.end_headers()
        except OSError:
            pass  # the client gave up waiting (the slow route): nothing to answer

    def do_HEAD(self) -> None:  # noqa: N802 - the name http.server dispatches to
        self._answer("HEAD")

    def do_GET(self) -> None:  # noqa: N802
        self._answer("GET")

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture
def server(monkeypatch):
    monkeypatch.setenv("no_proxy", "127.0.0.1")
    log: list[tuple[str, str, float]] = []
    released = threading.Event()
    handler = type("LoggingHandler", (Handler,), {"log": log, "released": released})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    # A short poll: shutdown() waits for the loop to notice, 0.5 s by default per test.
    thread = threading.Thread(
        target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}", log
    released.set()
    httpd.shutdown()
    httpd.server_close()


def write_paper(root: Path, paper_id: str, urls_by_kind: dict[str, list[str]]) -> Path:
    lines = [f"id: {paper_id}", f"title: Paper {paper_id}", "abstract: Text.", "links:"]
    for kind, urls in urls_by_kind.items():
        lines.append(f"  {kind}:")
        lines.extend(f"    - url: {url}" for url in urls)
    path = root / "content" / "papers" / f"{paper_id}.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run_links(root: Path, *extra: str, now: dt.datetime = NOW, capsys=None) -> int:
    """Runs the command through the real CLI parser, with a fixed clock."""
    from generator.cli import build_parser
    from generator.commands import links

    args = build_parser().parse_args(
        ["--root", str(root), "links", "--timeout", TIMEOUT, "--delay", "0", *extra]
    )
    return links.run(args, now=now)


# ------------------------------------------------------------------ collecting


def test_links_are_found_at_the_position_of_the_url_in_the_yaml():
    text = (
        "id: x\n"  # 1
        "links:\n"  # 2
        "  code:\n"  # 3
        "    - url: https://github.com/a/b\n"  # 4: url starts at column 12
        "      official: true\n"  # 5
        "  project:\n"  # 6
        "    - https://a.github.io/\n"  # 7: a bare string, column 7
        "    - url: mailto:someone@example.org\n"  # 8: not a web link
        "  pdf: []\n"  # 9
        "  paper:\n"  # 10
        "    - {url: 'http://arxiv.org/abs/2101.00010'}\n"  # 11: the opening quote is column 13
    )
    problems = Problems()
    refs = linkcheck.links_in(parse(text, "content/papers/x.yml", problems), "content/papers/x.yml")
    assert not problems
    assert [(r.url, r.kind, str(r.location)) for r in refs] == [
        ("https://github.com/a/b", "code", "content/papers/x.yml:4:12"),
        ("https://a.github.io/", "project", "content/papers/x.yml:7:7"),
        ("http://arxiv.org/abs/2101.00010", "paper", "content/papers/x.yml:11:13"),
    ]


def test_a_file_without_links_gives_none():
    problems = Problems()
    tree = parse("id: x\ntitle: T\nlinks: nothing\n", "p.yml", problems)
    assert linkcheck.links_in(tree, "p.yml") == []
    assert linkcheck.links_in(None, "p.yml") == []


# ------------------------------------------------------------------ classifying


def fake_fetch(answers: dict[tuple[str, str], Answer | Exception]):
    calls: list[tuple[str, str]] = []

    def fetch(method: str, url: str) -> Answer:
        calls.append((method, url))
        answer = answers.get((method, url), answers.get(("*", url)))
        if answer is None:
            raise AssertionError(f"unexpected request {method} {url}")
        if isinstance(answer, Exception):
            raise answer
        return answer

    return fetch, calls


def test_leading_permanent_redirects_make_a_move_to_their_target():
    fetch, _ = fake_fetch(
        {
            ("*", "https://a/x"): Answer(301, "https://a/y"),
            ("*", "https://a/y"): Answer(308, "/z"),  # relative: resolved against https://a/y
            ("*", "https://a/z"): Answer(302, "https://login.a/"),
            ("*", "https://login.a/"): Answer(200),
        }
    )
    result = linkcheck.check_url("https://a/x", fetch)
    assert (result.outcome, result.moved_to) == (Outcome.MOVED, "https://a/z")


def test_a_permanent_redirect_after_a_temporary_one_is_not_a_move():
    fetch, _ = fake_fetch(
        {
            ("*", "https://a/x"): Answer(307, "https://a/y"),
            ("*", "https://a/y"): Answer(301, "https://a/z"),
            ("*", "https://a/z"): Answer(200),
        }
    )
    assert linkcheck.check_url("https://a/x", fetch).outcome is Outcome.OK


def test_a_timeout_on_head_is_not_asked_again_with_get():
    fetch, calls = fake_fetch(
        {("HEAD", "https://a/x"): FetchError("no answer within 1 s", timed_out=True)}
    )
    result = linkcheck.check_url("https://a/x", fetch)
    # (A timeout may pass: the link is failing, not yet dead; see settle.)
    assert (result.outcome, result.detail) == (Outcome.FAILING, "no answer within 1 s")
    assert calls == [("HEAD", "https://a/x")]


def test_a_redirect_without_location_is_dead():
    fetch, _ = fake_fetch({("*", "https://a/x"): Answer(301)})
    result = linkcheck.check_url("https://a/x", fetch)
    assert (result.outcome, result.detail) == (Outcome.DEAD, "redirect without a Location")


@pytest.mark.parametrize("target", ["file:///etc/hostname", "data:,hello", "ftp://a/x", "javascript:alert(1)"])
def test_a_redirect_to_an_address_that_is_not_http_is_dead_and_not_followed(target):
    fetch, calls = fake_fetch({("*", "https://a/x"): Answer(302, target)})
    result = linkcheck.check_url("https://a/x", fetch)
    assert (result.outcome, result.detail) == (Outcome.DEAD, f"redirect to {target}, not http(s)")
    assert calls == [("HEAD", "https://a/x")]


def test_a_redirect_to_a_local_file_or_data_is_reported_not_a_crash(server, tmp_path, capsys):
    # urllib opens file: and data: addresses itself, answers without an HTTP status:
    # the run stopped with a traceback, and had read a file of this machine.
    base, log = server
    write_paper(tmp_path, "a", {"code": [f"{base}/to-a-file", f"{base}/to-data"]})
    assert run_links(tmp_path) == 1
    a = "content/papers/a.yml"
    assert capsys.readouterr().out.splitlines() == [
        f"{a}:6:12: dead link: {base}/to-a-file (redirect to file:///etc/hostname, not http(s))",
        f"{a}:7:12: dead link: {base}/to-data (redirect to data:,hello, not http(s))",
    ]


def _chain(hops: int) -> dict[tuple[str, str], Answer]:
    """https://a/0 redirects (302) to /1, ... up to /hops, which answers 200."""
    answers: dict[tuple[str, str], Answer | Exception] = {
        ("*", f"https://a/{n}"): Answer(302, f"https://a/{n + 1}") for n in range(hops)
    }
    answers[("*", f"https://a/{hops}")] = Answer(200)
    return answers


def test_five_redirects_are_followed_to_the_page():
    fetch, calls = fake_fetch(_chain(linkcheck.MAX_REDIRECTS))
    assert linkcheck.check_url("https://a/0", fetch).outcome is Outcome.OK
    assert calls[-1] == ("HEAD", "https://a/5")


def test_a_sixth_redirect_makes_the_link_dead_without_asking_where_it_leads():
    fetch, calls = fake_fetch(_chain(linkcheck.MAX_REDIRECTS + 1))
    result = linkcheck.check_url("https://a/0", fetch)
    assert (result.outcome, result.status, result.detail) == (
        Outcome.DEAD, 302, "more than 5 redirects",
    )  # fmt: skip
    assert calls == [("HEAD", f"https://a/{n}") for n in range(6)]


def test_a_head_answered_429_is_not_asked_again_with_get():
    # Asking again at once is exactly what a server that said "slow down" does not want.
    fetch, calls = fake_fetch({("HEAD", "https://a/x"): Answer(429)})
    result = linkcheck.check_url("https://a/x", fetch)
    assert (result.outcome, result.detail) == (Outcome.RATE_LIMITED, "HTTP 429 (too many requests)")
    assert calls == [("HEAD", "https://a/x")]


# ------------------------------------------------------------------ politeness


def test_requests_to_one_host_are_spaced_by_the_delay_and_other_hosts_do_not_wait():
    clock = [100.0]
    sleeps: list[float] = []
    throttle = linkcheck.HostThrottle(2.0, clock=lambda: clock[0], sleep=sleeps.append)
    throttle.wait("https://github.com/a/b")
    throttle.wait("https://GitHub.com/c/d")  # host names are case-insensitive
    throttle.wait("https://gitlab.com/e/f")
    clock[0] = 103.0
    throttle.wait("https://github.com/g/h")
    # slots on github.com: 100, 102, then 104 (one second after the clock's 103)
    assert sleeps == [2.0, 1.0]


def test_the_delay_option_spaces_the_requests_to_one_host(server, tmp_path, monkeypatch):
    # The command's own throttle, on a clock that moves only when it sleeps: the waits
    # it asks for are the spacing, whatever the machine's speed.
    base, log = server
    clock = [100.0]
    sleeps: list[float] = []
    made: list[float] = []
    real = linkcheck.HostThrottle

    def sleep(seconds: float) -> None:
        sleeps.append(seconds)
        clock[0] += seconds

    def fake_throttle(delay: float) -> linkcheck.HostThrottle:
        made.append(delay)
        return real(delay, clock=lambda: clock[0], sleep=sleep)

    monkeypatch.setattr(linkcheck, "HostThrottle", fake_throttle)
    write_paper(tmp_path, "a", {"code": [f"{base}/ok?{i}" for i in range(3)]})
    from generator.cli import build_parser
    from generator.commands import links

    args = build_parser().parse_args(
        ["--root", str(tmp_path), "links", "--delay", "0.3", "--concurrency", "4"]
    )
    assert links.run(args, now=NOW) == 0
    assert made == [0.3]
    assert [p for _, p, _ in log] == ["/ok?0", "/ok?1", "/ok?2"]
    # the first request goes at once, each later one a full delay after the one before
    assert sleeps == pytest.approx([0.3, 0.3])


# ------------------------------------------------------------------ end to end


def test_dead_and_moved_links_are_reported_where_they_are_written(server, tmp_path, capsys):
    base, log = server
    write_paper(
        tmp_path,
        "alpha",
        {
            "code": [f"{base}/ok", f"{base}/moved"],  # lines 6 and 7
            "project": [f"{base}/gone", f"{base}/slow"],  # lines 9 and 10
            "paper": [f"{base}/no-head", f"{base}/temporary", f"{base}/moved-308"],  # 12-14
        },
    )
    write_paper(
        tmp_path,
        "beta",
        {
            "code": [f"{base}/moved-to-gone", f"{base}/loop", f"{base}/busy"],  # lines 6-8
            "pdf": [f"{base}/broken", f"{base}/gone"],  # lines 10 and 11
        },
    )
    # A port nobody listens on: held bound, not listening, while links runs (let go, any
    # process on the machine could take it and answer, a failure by chance); a
    # connection to it is refused.
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    closed_port = closed.getsockname()[1]
    write_paper(tmp_path, "gamma", {"project": [f"http://127.0.0.1:{closed_port}/x"]})

    with closed:
        assert run_links(tmp_path) == 1
    out, err = capsys.readouterr()
    a, b, c = (f"content/papers/{p}.yml" for p in ("alpha", "beta", "gamma"))
    assert out.splitlines() == [
        f"{a}:7:12: warning: link moved permanently: {base}/moved -> {base}/ok",
        f"{a}:9:12: dead link: {base}/gone (HTTP 404)",
        f"{a}:10:12: warning: link failing, perhaps for a while: {base}/slow (no answer within"
        f" {TIMEOUT} s); {LATER}",
        f"{a}:14:12: warning: link moved permanently: {base}/moved-308 -> {base}/new-home",
        f"{b}:6:12: dead link: {base}/moved-to-gone (HTTP 404 at {base}/gone)",
        f"{b}:7:12: dead link: {base}/loop (more than 5 redirects)",
        f"{b}:8:12: warning: link not checked, the server asked us to slow down: "
        f"{base}/busy (HTTP 429 (too many requests))",
        f"{b}:10:12: warning: link failing, perhaps for a while: {base}/broken (HTTP 500); {LATER}",
        f"{b}:11:12: dead link: {base}/gone (HTTP 404)",
        f"{c}:6:12: warning: link failing, perhaps for a while: http://127.0.0.1:{closed_port}/x"
        f" (connection refused); {LATER}",
    ]
    assert "12 links checked (0 from the cache): 4 dead, 6 warning(s)." in err
    # /gone is listed twice but asked once for itself, once as /moved-to-gone's target.
    assert [p for m, p, _ in log if m == "HEAD"].count("/gone") == 2
    # HEAD first; GET only when HEAD was refused; a timeout is not asked again with GET.
    assert [(m, p) for m, p, _ in log if p == "/no-head"] == [
        ("HEAD", "/no-head"),
        ("GET", "/no-head"),
    ]
    assert [(m, p) for m, p, _ in log if p == "/slow"] == [("HEAD", "/slow")]


def test_a_site_that_refuses_scripts_is_a_warning_asked_again_not_a_dead_link(
    server, tmp_path, capsys
):
    """Publishers behind doi.org answer a script 403 for pages a browser opens: such an
    answer says nothing of the link, so it is no dead link, and it is no working one to
    be taken from the cache either."""
    base, log = server
    write_paper(tmp_path, "a", {"project": [f"{base}/refused"]})
    for run in (1, 2):
        before = len(log)
        assert run_links(tmp_path) == 0, run
        out, err = capsys.readouterr()
        assert out.splitlines() == [
            f"content/papers/a.yml:6:12: warning: link not checked, the site refuses scripts"
            f" such as this one: {base}/refused (HTTP 403); open it in a browser to see that"
            " it works"
        ], run
        assert "0 dead, 1 warning(s)." in err, run
        assert [(m, p) for m, p, _ in log[before:]] == [("HEAD", "/refused"), ("GET", "/refused")]


def test_no_fail_exits_zero_with_dead_links(server, tmp_path, capsys):
    base, _ = server
    write_paper(tmp_path, "a", {"code": [f"{base}/gone"]})
    assert run_links(tmp_path, "--no-fail") == 0
    assert "dead link" in capsys.readouterr().out


def test_fresh_working_links_are_not_asked_again_but_dead_ones_are(server, tmp_path, capsys):
    base, log = server
    write_paper(tmp_path, "a", {"code": [f"{base}/ok", f"{base}/moved", f"{base}/gone"]})
    cache = tmp_path / "links-cache.json"

    assert run_links(tmp_path, "--cache", str(cache)) == 1
    first = len(log)
    assert first == 5  # HEAD /ok; HEAD /moved, HEAD /ok; HEAD /gone, GET /gone
    stored = json.loads(cache.read_text())
    assert stored["version"] == 1
    assert stored["links"][f"{base}/ok"] == {
        "checked": "2026-11-29T18:00:00Z",
        "detail": "",
        "moved_to": "",
        "outcome": "ok",
        "status": 200,
    }
    assert stored["links"][f"{base}/moved"]["moved_to"] == f"{base}/ok"

    capsys.readouterr()
    six_days_later = NOW + dt.timedelta(days=6)
    assert run_links(tmp_path, "--cache", str(cache), now=six_days_later) == 1
    # only the dead link was asked again; the moved one is still reported, from the cache
    assert [(m, p) for m, p, _ in log[first:]] == [("HEAD", "/gone"), ("GET", "/gone")]
    out, err = capsys.readouterr()
    assert "link moved permanently" in out
    assert "3 links checked (2 from the cache)" in err

    eight_days_later = NOW + dt.timedelta(days=8)
    before = len(log)
    assert run_links(tmp_path, "--cache", str(cache), now=eight_days_later) == 1
    assert sorted(p for _, p, _ in log[before:]) == ["/gone", "/gone", "/moved", "/ok", "/ok"]
    assert json.loads(cache.read_text())["links"][f"{base}/ok"]["checked"] == "2026-12-07T18:00:00Z"


def test_links_no_longer_in_the_list_leave_the_cache(server, tmp_path):
    base, _ = server
    paper = write_paper(tmp_path, "a", {"code": [f"{base}/ok", f"{base}/new-home"]})
    cache = tmp_path / "c.json"
    run_links(tmp_path, "--cache", str(cache))
    assert sorted(json.loads(cache.read_text())["links"]) == [f"{base}/new-home", f"{base}/ok"]
    paper.write_text(paper.read_text().replace(f"    - url: {base}/new-home\n", ""))
    run_links(tmp_path, "--cache", str(cache))
    assert sorted(json.loads(cache.read_text())["links"]) == [f"{base}/ok"]


def test_an_unreadable_cache_is_ignored_with_a_warning(server, tmp_path, capsys):
    base, log = server
    write_paper(tmp_path, "a", {"code": [f"{base}/ok"]})
    cache = tmp_path / "c.json"
    cache.write_text("{not json", encoding="utf-8")
    assert run_links(tmp_path, "--cache", str(cache)) == 0
    assert (
        f"warning: {cache}: ignoring the link cache, it cannot be read" in capsys.readouterr().err
    )
    assert len(log) == 1
    assert json.loads(cache.read_text())["links"][f"{base}/ok"]["outcome"] == "ok"


def test_the_summary_is_markdown_with_urls_as_literal_text(server, tmp_path):
    base, _ = server
    write_paper(tmp_path, "a", {"code": [f"{base}/ok", f"{base}/gone?a|b*c*"]})
    summary = tmp_path / "summary.md"
    assert run_links(tmp_path, "--summary", str(summary)) == 1
    host = base.removeprefix("http://")
    assert summary.read_text().splitlines() == [
        "## External links",
        "",
        "2 distinct links in 2 places: 1 ok, 1 dead, 0 moved, 0 rate-limited, 0 failing, 0 refused to scripts.",
        "",
        "| Where | Problem |",
        "| --- | --- |",
        f"| content/papers/a.yml:7:12 | dead link: http://{host}/gone?a\\|b\\*c\\* (HTTP 404) |",
    ]


def test_a_clean_run_says_so_in_the_summary(server, tmp_path):
    base, _ = server
    write_paper(tmp_path, "a", {"code": [f"{base}/ok"]})
    summary = tmp_path / "summary.md"
    assert run_links(tmp_path, "--summary", str(summary)) == 0
    assert "No dead or moved links." in summary.read_text()


def test_the_json_report_lists_each_place_a_dead_link_is_written_and_nothing_else(
    server, tmp_path, capsys
):
    base, _ = server
    write_paper(
        tmp_path,
        "a",
        {
            "code": [f"{base}/ok", f"{base}/gone?@someone`x`"],  # lines 6 and 7
            "project": [f"{base}/moved", f"{base}/refused", f"{base}/broken"],  # 9-11
        },
    )
    write_paper(tmp_path, "b", {"pdf": [f"{base}/moved-to-gone", f"{base}/gone?@someone`x`"]})
    report = tmp_path / "out" / "dead.json"
    report.parent.mkdir()
    # --no-fail still exits 0: the file, not the status, tells a script what is dead.
    assert run_links(tmp_path, "--json", str(report), "--no-fail") == 0
    capsys.readouterr()
    assert json.loads(report.read_text(encoding="utf-8")) == {
        "version": 1,
        "links": 6,
        "unchecked": 0,
        "dead": [
            {
                "path": "content/papers/a.yml",
                "line": 7,
                "column": 12,
                "url": f"{base}/gone?@someone`x`",
                "detail": "HTTP 404",
                "message": f"dead link: {base}/gone?@someone`x` (HTTP 404)",
            },
            {
                "path": "content/papers/b.yml",
                "line": 6,
                "column": 12,
                "url": f"{base}/moved-to-gone",
                "detail": f"HTTP 404 at {base}/gone",
                "message": f"dead link: {base}/moved-to-gone (HTTP 404 at {base}/gone)",
            },
            {
                "path": "content/papers/b.yml",
                "line": 7,
                "column": 12,
                "url": f"{base}/gone?@someone`x`",
                "detail": "HTTP 404",
                "message": f"dead link: {base}/gone?@someone`x` (HTTP 404)",
            },
        ],
        "no_server_answered": False,  # (the local server answered)
    }


def test_a_clean_run_writes_a_json_report_with_no_dead_link(server, tmp_path):
    base, _ = server
    write_paper(tmp_path, "a", {"code": [f"{base}/ok", f"{base}/moved"]})
    report = tmp_path / "dead.json"
    assert run_links(tmp_path, "--json", str(report)) == 0
    assert json.loads(report.read_text()) == {"version": 1, "links": 2, "unchecked": 0, "dead": [], "no_server_answered": False}


def test_the_json_report_of_a_run_out_of_time_counts_the_links_it_left(server, tmp_path, capsys):
    base, log = server
    write_paper(tmp_path, "a", {"code": [f"{base}/gone", f"{base}/ok"]})
    report = tmp_path / "dead.json"
    assert run_links(tmp_path, "--budget", "0", "--json", str(report)) == 0
    assert log == []
    # No dead link found, but not because every link works: a script must not say so.
    assert json.loads(report.read_text()) == {"version": 1, "links": 2, "unchecked": 2, "dead": [], "no_server_answered": False}


def test_broken_yaml_is_reported_with_its_location_and_nothing_is_asked(server, tmp_path, capsys):
    _, log = server
    bad = tmp_path / "content" / "papers" / "bad.yml"
    bad.parent.mkdir(parents=True)
    bad.write_text("id: bad\nid: again\n", encoding="utf-8")
    report = tmp_path / "dead.json"
    assert main(["--root", str(tmp_path), "links", "--no-fail", "--json", str(report)]) == 1
    err = capsys.readouterr().err
    assert "content/papers/bad.yml:2:1: duplicate key 'id' (first defined at line 1); keep the one you mean and delete the other" in err
    assert log == []
    assert not report.exists()  # nothing judged: no report a script could take for one


def test_a_paper_file_that_is_not_utf8_is_reported_and_nothing_is_asked(server, tmp_path, capsys):
    _, log = server
    bad = tmp_path / "content" / "papers" / "bad.yml"
    bad.parent.mkdir(parents=True)
    bad.write_bytes(b"id: bad\ntitle: caf\xe9\n")
    assert main(["--root", str(tmp_path), "links"]) == 1
    err = capsys.readouterr().err
    assert "content/papers/bad.yml:2:11: the file is not UTF-8 (invalid byte 0xe9)" in err
    assert "Traceback" not in err and log == []


# ------------------------------------------------------------------ cache freshness


@pytest.mark.parametrize(
    ("outcome", "checked", "fresh"),
    [
        (Outcome.OK, "2026-11-29T17:00:00Z", True),
        (Outcome.MOVED, "2026-11-23T18:00:01Z", True),  # 5 days 23:59:59 old
        (Outcome.OK, "2026-11-22T18:00:00Z", False),  # exactly 7 days: stale
        (Outcome.OK, "2026-12-01T00:00:00Z", False),  # from the future: do not trust
        (Outcome.OK, "yesterday", False),
        (Outcome.DEAD, "2026-11-29T17:00:00Z", False),
        (Outcome.RATE_LIMITED, "2026-11-29T17:00:00Z", False),
    ],
)
def test_freshness(outcome, checked, fresh):
    result = linkcheck.Result("https://a/", outcome, 200, checked=checked)
    assert linkcheck.is_fresh(result, NOW, dt.timedelta(days=7)) is fresh


def test_location_sorting_puts_line_10_after_line_9():
    # The report is sorted by location; numbers must not sort as text.
    assert sorted([Location("a.yml", 10, 1), Location("a.yml", 9, 1)])[0].line == 9


def test_a_run_where_no_link_answers_judges_no_link_and_says_the_machine_is_offline(
    tmp_path, capsys
):
    # Ports nobody listens on; five at once, so that five different ones (one closed
    # before the next was asked for could come back: then four links, too few to judge),
    # held bound, not listening, while links runs (let go, any process on the machine
    # could take one and answer); a connection to each is refused.
    probes = [socket.socket() for _ in range(5)]
    for probe in probes:
        probe.bind(("127.0.0.1", 0))
    ports = [probe.getsockname()[1] for probe in probes]
    assert len(set(ports)) == 5
    write_paper(tmp_path, "a", {"code": [f"http://127.0.0.1:{port}/" for port in ports]})
    summary, report = tmp_path / "summary.md", tmp_path / "dead.json"
    try:
        assert run_links(tmp_path, "--summary", str(summary), "--json", str(report)) == 2
    finally:
        for probe in probes:
            probe.close()
    out, err = capsys.readouterr()
    assert out == ""  # no "dead link" line: offline says nothing about the links
    assert err == (
        "readinglist links: none of the 5 links checked answered at all (no connection or no DNS): this"
        " machine seems to be offline; no link it asked was judged, run it again online\n"
    )
    assert "seems to be offline" in summary.read_text(encoding="utf-8")
    assert not (tmp_path / ".cache" / "links.json").exists()  # nothing learnt, nothing kept
    assert not report.exists()  # no link judged: no "0 dead" for a script to believe


def test_no_offline_warning_when_a_server_answers(server, tmp_path, capsys):
    base, _ = server
    write_paper(tmp_path, "a", {"code": [f"{base}/gone?{i}" for i in range(5)]})
    assert run_links(tmp_path) == 1
    assert "offline" not in capsys.readouterr().err


# ------------------------------------------------------------------ time budget


def test_due_order_puts_never_checked_links_first_then_the_oldest():
    cached = {
        "https://b/": linkcheck.Result(
            "https://b/", Outcome.OK, 200, checked="2026-11-01T00:00:00Z"
        ),
        "https://c/": linkcheck.Result(
            "https://c/", Outcome.OK, 200, checked="2026-10-01T00:00:00Z"
        ),
    }
    urls = ["https://b/", "https://c/", "https://z/", "https://a/"]
    assert linkcheck.due_order(urls, cached) == [
        "https://a/",
        "https://z/",
        "https://c/",
        "https://b/",
    ]


def test_no_new_link_is_started_after_the_deadline():
    ticks = iter(range(100))
    fetch, calls = fake_fetch({("*", f"https://h/{i}"): Answer(200) for i in range(5)})
    results = linkcheck.check_all(
        [f"https://h/{i}" for i in range(5)],
        fetch,
        concurrency=1,
        delay=0,
        checked="t",
        deadline=2,  # the clock reads 0, 1, 2, ...: two links start before it
        clock=lambda: next(ticks),
    )
    assert sorted(results) == ["https://h/0", "https://h/1"]
    assert calls == [("HEAD", "https://h/0"), ("HEAD", "https://h/1")]


def test_ctrl_c_starts_no_new_link_and_gives_back_those_checked():
    # Before, Ctrl-C waited for every link of the hosts under way (an hour for a host
    # of 3,000 links), and what was checked was lost.
    stop = threading.Event()

    def fetch(method: str, url: str) -> Answer:
        calls.append(url)
        if url == "https://h/1":
            signal.pthread_kill(threading.main_thread().ident, signal.SIGINT)  # Ctrl-C, now
            assert stop.wait(30)  # (the main thread has had it)
        return Answer(200)

    calls: list[str] = []
    with pytest.raises(linkcheck.Interrupted) as raised:
        linkcheck.check_all(
            [f"https://h/{i}" for i in range(5)], fetch, concurrency=1, delay=0, checked="t", stop=stop
        )
    assert calls == ["https://h/0", "https://h/1"]
    assert sorted(raised.value.results) == ["https://h/0", "https://h/1"]


def test_links_checked_before_ctrl_c_are_kept_and_the_rest_said(server, tmp_path, capsys, monkeypatch):
    base, _ = server
    write_paper(tmp_path, "a", {"code": [f"{base}/ok", f"{base}/gone", f"{base}/new-home"]})
    checked = linkcheck.utc_stamp(NOW)
    before = {
        f"{base}/ok": linkcheck.Result(f"{base}/ok", Outcome.OK, 200, checked=checked),
        f"{base}/gone": linkcheck.Result(f"{base}/gone", Outcome.DEAD, 404, "HTTP 404", checked=checked),
    }

    def interrupted(*args, **kwargs):
        raise linkcheck.Interrupted(before)

    monkeypatch.setattr(linkcheck, "check_all", interrupted)
    cache = tmp_path / "c.json"
    assert run_links(tmp_path, "--cache", str(cache)) == 130
    out, err = capsys.readouterr()
    assert out.splitlines() == [f"content/papers/a.yml:7:12: dead link: {base}/gone (HTTP 404)"]
    assert err.splitlines() == [
        "2 links checked (0 from the cache): 1 dead, 0 warning(s).",
        "interrupted: 1 links were not checked; the next run checks them first.",
    ]
    assert sorted(json.loads(cache.read_text())["links"]) == [f"{base}/gone", f"{base}/ok"]


def test_links_left_for_lack_of_time_are_said_and_keep_their_cache_entry(server, tmp_path, capsys):
    base, log = server
    write_paper(tmp_path, "a", {"code": [f"{base}/ok", f"{base}/new-home"]})
    cache = tmp_path / "c.json"
    old = {
        "checked": "2026-01-01T00:00:00Z",
        "detail": "",
        "moved_to": "",
        "outcome": "ok",
        "status": 200,
    }
    cache.write_text(json.dumps({"version": 1, "links": {f"{base}/ok": old}}), encoding="utf-8")
    summary = tmp_path / "s.md"
    assert (
        run_links(tmp_path, "--cache", str(cache), "--budget", "0", "--summary", str(summary)) == 0
    )
    assert log == []
    err = capsys.readouterr().err
    assert "0 links checked (0 from the cache): 0 dead, 0 warning(s)." in err
    assert "warning: 2 links were not checked within the --budget of 0 minutes" in err
    assert json.loads(cache.read_text())["links"] == {f"{base}/ok": old}
    assert (
        "0 ok, 0 dead, 0 moved, 0 rate-limited, 0 failing, 0 refused to scripts,"
        " 2 not checked (out of time)."
        in summary.read_text()
    )


def test_a_refused_head_connection_is_tried_again_with_get():
    fetch, calls = fake_fetch(
        {
            ("HEAD", "https://a/x"): FetchError(
                "the server closed the connection without answering"
            ),
            ("GET", "https://a/x"): Answer(200),
        }
    )
    assert linkcheck.check_url("https://a/x", fetch).outcome is Outcome.OK
    assert calls == [("HEAD", "https://a/x"), ("GET", "https://a/x")]


def _trickle_headers(conn: socket.socket, stop: threading.Event) -> None:
    """Answer with a status line, then a header a byte at a time, each byte well within
    the socket's timeout; the headers end after 30 bytes (6 s), or when ``stop`` is set."""
    with conn:
        conn.recv(65536)
        try:
            conn.sendall(b"HTTP/1.1 200 OK\r\nX-Slow: ")
            for _ in range(30):
                if stop.wait(0.2):
                    return
                conn.sendall(b"a")
            conn.sendall(b"\r\nContent-Length: 0\r\n\r\n")
        except OSError:
            return  # the client gave up


def test_a_server_that_trickles_its_headers_is_cut_off_at_the_timeout(monkeypatch):
    # Each byte comes within the socket's timeout, so only a deadline for the whole
    # answer ends it: before, one such server held `readinglist links` for ever.
    monkeypatch.setenv("no_proxy", "127.0.0.1")
    with raw_server(_trickle_headers) as address:
        result = linkcheck.check_url(f"{address}/x", linkcheck.urllib_fetch(1.0))
    assert (result.outcome, result.detail) == (Outcome.FAILING, "no answer within 1 s")


@pytest.mark.parametrize(
    ("url", "uri"),
    [
        ("https://github.com/a/b", "https://github.com/a/b"),
        ("https://exämple.org/über?q=ä#x", "https://xn--exmple-cua.org/%C3%BCber?q=%C3%A4#x"),
        (
            "https://a.org/already%20escaped/(x)?a=1&b=2",
            "https://a.org/already%20escaped/(x)?a=1&b=2",
        ),
        ("http://127.0.0.1:8000/p q", "http://127.0.0.1:8000/p%20q"),
    ],
)
def test_urls_are_sent_as_ascii(url, uri):
    assert linkcheck.as_uri(url) == uri


def test_a_non_ascii_url_is_checked_not_refused(server, tmp_path, capsys):
    base, log = server
    write_paper(tmp_path, "a", {"code": [f"{base}/gone/ü"]})
    assert run_links(tmp_path) == 1
    assert f"dead link: {base}/gone/ü (HTTP 404)" in capsys.readouterr().out
    assert ("HEAD", "/gone/%C3%BC") in [(m, p) for m, p, _ in log]


def test_the_command_in_a_folder_without_content_fails_instead_of_checking_nothing(tmp_path, capsys):
    from generator.cli import main

    assert main(["--root", str(tmp_path), "links"]) == 1
    err = capsys.readouterr().err
    assert err.splitlines() == [
        f"content: no such folder in {tmp_path}; --root must name the project folder, the one holding mkdocs.yml and content/",
        "1 error; no link was checked.",
    ]


# ------------------------------------------------------------------ failing, then dead


@pytest.mark.parametrize(
    ("answer", "outcome"),
    [
        (Answer(500), Outcome.FAILING),
        (Answer(502), Outcome.FAILING),
        (Answer(503), Outcome.FAILING),
        (Answer(504), Outcome.FAILING),
        (Answer(408), Outcome.FAILING),  # the server gave up waiting for us
        (Answer(404), Outcome.DEAD),
        (Answer(410), Outcome.DEAD),
        (Answer(403), Outcome.REFUSED),  # a publisher refusing scripts
        (Answer(401), Outcome.REFUSED),  # a login page
        (Answer(400), Outcome.DEAD),
        (FetchError("connection refused", transient=True), Outcome.FAILING),
        (FetchError("host name not found (DNS)"), Outcome.DEAD),
    ],
)
def test_a_failure_that_may_pass_is_told_from_a_dead_link(answer, outcome):
    fetch, _ = fake_fetch({("*", "https://a/x"): answer})
    assert linkcheck.check_url("https://a/x", fetch).outcome is outcome


@pytest.mark.parametrize(
    ("reason", "transient"),
    [
        (socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution"), True),
        (socket.gaierror(socket.EAI_NONAME, "Name or service not known"), False),
        (ConnectionRefusedError(111, "Connection refused"), True),
        (ConnectionResetError(104, "Connection reset by peer"), True),
        (TimeoutError("timed out"), True),
    ],
)
def test_which_failures_to_connect_may_pass(reason, transient):
    assert linkcheck._failure(reason, 1.0).transient is transient


def test_an_answer_that_is_no_http_says_what_it_was():
    # (It was the raw line, its line end and all, or the exception's class.)
    assert str(linkcheck._failure(http.client.BadStatusLine("garbage\r\n"), 1.0)) == (
        "a garbled answer (not HTTP: its first line is 'garbage')"
    )
    assert str(linkcheck._failure(http.client.IncompleteRead(b"ab", 10), 1.0)) == (
        "a garbled answer (cut short after 2 bytes, 10 more expected)"
    )


def _failing(checked: str, since: str = "", outcome: Outcome = Outcome.FAILING) -> linkcheck.Result:
    return linkcheck.Result("https://a/x", outcome, 503, "HTTP 503", checked=checked, since=since)


STAMP = "2026-11-29T18:00:00Z"  # NOW


@pytest.mark.parametrize(
    ("previous", "outcome", "since", "detail"),
    [
        (None, Outcome.FAILING, STAMP, "HTTP 503"),  # first seen failing now
        (linkcheck.Result("https://a/x", Outcome.OK, 200, checked="2026-11-22T18:00:00Z"),
         Outcome.FAILING, STAMP, "HTTP 503"),  # worked last week
        # failing an hour ago too: still perhaps a short outage
        (_failing("2026-11-29T17:00:00Z", "2026-11-29T17:00:00Z"),
         Outcome.FAILING, "2026-11-29T17:00:00Z", "HTTP 503"),
        # failing last week too: dead, since then
        (_failing("2026-11-22T18:00:00Z", "2026-11-22T18:00:00Z"),
         Outcome.DEAD, "2026-11-22T18:00:00Z", "HTTP 503, failing since 2026-11-22"),
        # failing for two weeks (an hour ago too): the first failure counts
        (_failing("2026-11-29T17:00:00Z", "2026-11-15T04:00:00Z"),
         Outcome.DEAD, "2026-11-15T04:00:00Z", "HTTP 503, failing since 2026-11-15"),
        # dead (a 404) last week, failing now
        (linkcheck.Result("https://a/x", Outcome.DEAD, 404, "HTTP 404", checked="2026-11-22T18:00:00Z"),
         Outcome.DEAD, "2026-11-22T18:00:00Z", "HTTP 503, failing since 2026-11-22"),
        # a damaged time: the failure starts now
        (_failing("garbage", "garbage"), Outcome.FAILING, STAMP, "HTTP 503"),
    ],
)
def test_a_failing_link_is_dead_once_it_has_failed_for_a_day(previous, outcome, since, detail):
    settled = linkcheck.settle(_failing(STAMP), previous, NOW)
    assert (settled.outcome, settled.since, settled.detail) == (outcome, since, detail)


def test_a_link_that_works_or_is_dead_is_not_changed_by_its_past():
    previous = _failing("2026-11-01T00:00:00Z", "2026-11-01T00:00:00Z")
    for result in (
        linkcheck.Result("https://a/x", Outcome.OK, 200, checked=STAMP),
        linkcheck.Result("https://a/x", Outcome.DEAD, 404, "HTTP 404", checked=STAMP),
    ):
        assert linkcheck.settle(result, previous, NOW) == result


def test_a_server_error_is_a_warning_on_one_run_and_dead_on_a_run_a_week_later(
    server, tmp_path, capsys
):
    base, _ = server
    write_paper(tmp_path, "a", {"code": [f"{base}/broken"]})
    cache = tmp_path / "c.json"
    summary = tmp_path / "s.md"

    # The first failure: a warning, the run succeeds, the cache keeps when it began.
    assert run_links(tmp_path, "--cache", str(cache), "--summary", str(summary)) == 0
    out = capsys.readouterr().out
    assert out == (
        f"content/papers/a.yml:6:12: warning: link failing, perhaps for a while: {base}/broken"
        f" (HTTP 500); {LATER}\n"
    )
    entry = json.loads(cache.read_text())["links"][f"{base}/broken"]
    assert (entry["outcome"], entry["since"]) == ("failing", STAMP)
    assert "0 dead, 0 moved, 0 rate-limited, 1 failing, 0 refused to scripts." in summary.read_text()

    # An hour later: still only a warning, failing since the first run.
    assert run_links(tmp_path, "--cache", str(cache), now=NOW + dt.timedelta(hours=1)) == 0
    assert "warning: link failing" in capsys.readouterr().out
    assert json.loads(cache.read_text())["links"][f"{base}/broken"]["since"] == STAMP

    # A week later, failing still: dead, and the run fails.
    assert run_links(tmp_path, "--cache", str(cache), now=NOW + dt.timedelta(days=7)) == 1
    assert capsys.readouterr().out == (
        f"content/papers/a.yml:6:12: dead link: {base}/broken (HTTP 500, failing since 2026-11-29)\n"
    )
    entry = json.loads(cache.read_text())["links"][f"{base}/broken"]
    assert (entry["outcome"], entry["since"]) == ("dead", STAMP)


def test_every_file_named_on_the_command_line_is_relative_to_the_current_folder(server, tmp_path, monkeypatch, capsys):
    # (curator: --summary and --json were written beside the shell, --cache in --root's
    # folder: `--root lab --cache c.json --summary s.md` split them across two folders.
    # A path typed is the shell's, as import's PATH and build's --site-dir are.)
    base, _ = server
    root, here = tmp_path / "lab", tmp_path / "here"
    write_paper(root, "a", {"code": [f"{base}/ok"]})
    here.mkdir()
    monkeypatch.chdir(here)
    assert run_links(root, "--cache", "c.json", "--summary", "s.md", "--json", "d.json") == 0
    assert sorted(p.name for p in here.iterdir()) == ["c.json", "d.json", "s.md"]
    assert not (root / "c.json").exists()
    # Without --cache, the cache is the project's: in --root's .cache/ folder.
    assert run_links(root) == 0
    assert (root / ".cache" / "links.json").is_file() and not (here / ".cache").exists()
