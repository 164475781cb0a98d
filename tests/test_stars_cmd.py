"""`readinglist stars` against a stand-in for GitHub's API on loopback."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from generator import repositories, workers
from generator.cli import build_parser, main
from generator.commands import stars as stars_cmd
from generator.errors import Problems
from generator.models import RepoStats

from tests.rawserver import raw_server

REPO = Path(__file__).resolve().parent.parent
FIXTURE = REPO / "tests" / "data" / "site_fixture" / "content"
TODAY = dt.date(2026, 11, 30)


@dataclass
class Status:
    """An answer with this status (a redirect's Location in ``headers``)."""

    code: int
    body: object = None
    headers: dict = field(default_factory=dict)


@dataclass
class Raw:
    """Bytes written as they are, status line and all (or none)."""

    data: bytes


class FakeGitHub:
    """Answers GET /repos/<owner>/<name> from ``repos`` (lowercased keys), as GitHub's
    REST API does: 404 for an unknown one, 403 with X-RateLimit-Remaining 0 once
    ``limit`` requests were answered."""

    def __init__(self, repos: dict[str, object], limit: int = 1000, api: bool = True):
        self.repos, self.limit, self.asked, self.headers = repos, limit, [], []
        self.api, self.checked = api, []  # api: it answers /rate_limit as GitHub does
        self.on_ask = lambda: None  # done before each repository's answer
        self.limit_headers = {"X-RateLimit-Remaining": "0"}  # those of the rate limit's 403
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server's name)
                if self.path == "/rate_limit" and fake.api:
                    # GitHub's own page of its limits: what the command checks first.
                    fake.checked.append(dict(self.headers))
                    self._answer(200, {"resources": {"core": {"remaining": 60}}, "rate": {"remaining": 60}})
                    return
                fake.asked.append(self.path)
                fake.on_ask()
                fake.headers.append(dict(self.headers))
                name = self.path.removeprefix("/repos/").lower()
                answer = fake.repos.get(name)
                if len(fake.asked) > fake.limit:
                    self._answer(403, {"message": "API rate limit exceeded"}, fake.limit_headers)
                elif isinstance(answer, Raw):
                    self.wfile.write(answer.data)
                elif callable(answer):
                    answer(self)  # (it answers, or not, itself)
                elif isinstance(answer, Status):
                    self._answer(answer.code, answer.body, answer.headers)
                elif answer is not None:
                    self._answer(200, answer)
                else:
                    self._answer(404, {"message": "Not Found"})

            def _answer(self, status, body, headers=None):
                data = json.dumps(body).encode()
                self.send_response(status)
                for key, value in {"Content-Type": "application/json", **(headers or {})}.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.delenv("GITHUB_TOKEN", raising=False)
    shutil.copytree(FIXTURE, tmp_path / "content")
    (tmp_path / "content" / "repositories.yml").unlink()
    return tmp_path


def run(project: Path, api: str, *extra: str) -> int:
    parsed = build_parser().parse_args(["--root", str(project), "stars", "--api", api, *extra])
    return stars_cmd.run(parsed, today=TODAY)


def stored(project: Path) -> dict[str, RepoStats]:
    problems = Problems()
    found = repositories.read(project / "content" / "repositories.yml", "r", problems)
    assert not problems.items
    return found


GITHUB = {
    "example/gem": {"full_name": "example/gem", "stargazers_count": 87, "archived": True},
    "example/replay": {"full_name": "example/replay", "stargazers_count": 1234, "archived": False},
    "example/task-vectors": {"full_name": "mlfoundations/task_vectors", "stargazers_count": 500, "archived": False},
}


def test_the_stars_of_every_linked_repository_are_written_and_moves_and_losses_said(project, capsys):
    fake = FakeGitHub(GITHUB)
    try:
        assert run(project, fake.url) == 0
    finally:
        fake.close()
    # The fixture links four GitHub repositories; each was asked once.
    assert sorted(fake.asked) == [
        "/repos/example/gem", "/repos/example/hostile", "/repos/example/replay", "/repos/example/task-vectors",
    ]
    assert fake.headers[0]["Accept"] == "application/vnd.github+json" and "Authorization" not in fake.headers[0]
    text = (project / "content" / "repositories.yml").read_text(encoding="utf-8")
    assert stored(project) == {
        "github.com/example/gem": RepoStats(87, True, TODAY),
        "github.com/example/hostile": RepoStats(0, False, TODAY, gone=True),  # a 404: kept as gone
        "github.com/example/replay": RepoStats(1234, False, TODAY),
        "github.com/example/task-vectors": RepoStats(500, False, TODAY),
    }
    assert text == repositories.dump(stored(project))  # sorted, as the command writes it
    assert "github.com/example/hostile:\n  gone: true\n  checked: 2026-11-30\n" in text
    out = capsys.readouterr().out.splitlines()
    # At the URL in the paper's file: the line a curator edits.
    assert out == [
        "content/papers/hostile-inputs.yml:9:12: warning: GitHub has no repository github.com/example/hostile"
        " (deleted, private or renamed): its badge says 'not found'; fix or remove the link",
        "content/papers/task-vectors.yml:9:12: warning: github.com/example/task-vectors has moved to"
        " github.com/mlfoundations/task_vectors: link the new address",
    ]


def test_a_rerun_asks_only_what_is_older_than_max_age_and_drops_what_no_paper_links(project):
    path = project / "content" / "repositories.yml"
    path.write_text(repositories.dump({
        "github.com/example/gem": RepoStats(80, False, TODAY - dt.timedelta(days=2)),
        "github.com/example/replay": RepoStats(1000, False, TODAY - dt.timedelta(days=9)),
        "github.com/gone/unlinked": RepoStats(5, False, TODAY),
    }), encoding="utf-8")
    fake = FakeGitHub(GITHUB)
    try:
        assert run(project, fake.url, "--concurrency", "1") == 0
    finally:
        fake.close()
    # Never asked first (hostile, task-vectors), then the oldest (replay); gem is fresh.
    assert fake.asked == ["/repos/example/hostile", "/repos/example/task-vectors", "/repos/example/replay"]
    assert stored(project) == {
        "github.com/example/gem": RepoStats(80, False, TODAY - dt.timedelta(days=2)),  # kept as it was
        "github.com/example/hostile": RepoStats(0, False, TODAY, gone=True),
        "github.com/example/replay": RepoStats(1234, False, TODAY),
        "github.com/example/task-vectors": RepoStats(500, False, TODAY),
    }


def test_when_the_rate_limit_is_spent_the_last_figures_stay_and_the_next_run_goes_on(project, capsys, monkeypatch):
    path = project / "content" / "repositories.yml"
    old = RepoStats(1000, False, TODAY - dt.timedelta(days=30))
    path.write_text(repositories.dump({"github.com/example/replay": old}), encoding="utf-8")
    monkeypatch.setenv("GITHUB_TOKEN", "t0ken\n")  # as a secret is often pasted
    fake = FakeGitHub(GITHUB, limit=1)
    try:
        # 1: the file is not up to date (a scheduled run must not stay green).
        assert run(project, fake.url, "--concurrency", "1") == 1
    finally:
        fake.close()
    assert fake.headers[0]["Authorization"] == "Bearer t0ken"
    # Never-asked gem answered; hostile was refused (the limit) and the rest not asked.
    assert fake.asked == ["/repos/example/gem", "/repos/example/hostile"]
    assert stored(project) == {
        "github.com/example/gem": RepoStats(87, True, TODAY),
        "github.com/example/replay": old,  # not asked this time: its last figure stays
    }
    err = capsys.readouterr().err
    assert "GitHub's rate limit was reached" in err and "not asked" in err
    # The refusal is the limit, said once: hostile is counted with the repositories not
    # asked (of the 4 due, gem was answered; hostile refused; task-vectors and replay
    # never reached), not as an error.
    assert "answers were errors" not in err
    assert "GitHub's rate limit was reached; 3 repositories were not asked." in err
    # 1 asked + 0 fresh + 3 not asked: the 4 linked (hostile was counted as asked too).
    assert "4 GitHub repositories linked: 1 asked, 0 asked less than 7 days ago;" in err


def test_offline_nothing_is_written_and_the_exit_status_says_so(project, capsys):
    path = project / "content" / "repositories.yml"
    fake = FakeGitHub(GITHUB)
    url = fake.url
    fake.close()  # nobody answers at that port now
    assert run(project, url, "--timeout", "2") == 2
    assert not path.exists()
    # (review: it began "error:", where the other commands' errors not at a place in a
    # file begin with the command's name.)
    assert capsys.readouterr().err.startswith(
        f"readinglist stars: {url} does not answer as GitHub's API does (no answer"
    )


def test_a_file_that_does_not_read_cleanly_is_not_rewritten(project, capsys):
    path = project / "content" / "repositories.yml"
    hand = "github.com/example/gem:\n  stars: lots\n  checked: 2026-11-01\n"
    path.write_text(hand, encoding="utf-8")
    fake = FakeGitHub(GITHUB)
    try:
        status = main(["--root", str(project), "stars", "--api", fake.url])
    finally:
        fake.close()
    assert status == 1 and fake.asked == []
    assert path.read_text(encoding="utf-8") == hand
    err = capsys.readouterr().err
    assert "content/repositories.yml:2:10: stars must be a whole number (of at most ten digits), not 'lots'" in err
    assert "GitHub was not asked" in err


def test_a_renamed_repository_is_followed_through_github_s_redirect(project, capsys):
    # GitHub answers a renamed repository's old name with 301 to /repositories/<id>.
    fake = FakeGitHub({
        **GITHUB,
        "example/task-vectors": Status(301, {"message": "Moved Permanently"}, {"Location": "/repositories/42"}),
    })
    fake.repos["/repositories/42"] = {"full_name": "mlfoundations/task_vectors", "stargazers_count": 500, "archived": False}
    try:
        assert run(project, fake.url) == 0
    finally:
        fake.close()
    assert "/repositories/42" in fake.asked
    assert stored(project)["github.com/example/task-vectors"] == RepoStats(500, False, TODAY)
    assert "has moved to github.com/mlfoundations/task_vectors" in capsys.readouterr().out


@pytest.mark.parametrize("name", ["Example/Task-Vectors", None])
def test_a_name_that_differs_only_in_case_is_no_move(project, capsys, name):
    fake = FakeGitHub({**GITHUB, "example/task-vectors": {**GITHUB["example/task-vectors"], "full_name": name}})
    try:
        run(project, fake.url)
    finally:
        fake.close()
    assert "moved" not in capsys.readouterr().out


def test_an_address_that_is_not_github_s_api_asks_nothing_and_loses_nothing(project, capsys):
    # e.g. a GitHub Enterprise address without /api/v3, or a proxy answering 404: its
    # 404s would say every repository is gone, and the file would lose their figures.
    path = project / "content" / "repositories.yml"
    before = repositories.dump({"github.com/example/gem": RepoStats(87, True, TODAY - dt.timedelta(days=30))})
    path.write_text(before, encoding="utf-8")
    fake = FakeGitHub({}, api=False)
    try:
        assert run(project, fake.url) == 2
    finally:
        fake.close()
    assert fake.asked == ["/rate_limit"]  # (asked as a repository path: not GitHub's page)
    assert path.read_text(encoding="utf-8") == before
    assert "does not answer as GitHub's API does (HTTP 404)" in capsys.readouterr().err


def test_repositories_that_really_are_gone_are_kept_as_gone_and_asked_again_when_due(project, capsys):
    fake = FakeGitHub({"example/gem": GITHUB["example/gem"]})  # three of four gone
    try:
        assert run(project, fake.url) == 0
        assert len(fake.asked) == 4
        assert run(project, fake.url) == 0  # a second run the same day: none is due
        assert len(fake.asked) == 4
        later = build_parser().parse_args(["--root", str(project), "stars", "--api", fake.url])
        assert stars_cmd.run(later, today=TODAY + dt.timedelta(days=7)) == 0  # a week on: all due
        assert len(fake.asked) == 8
    finally:
        fake.close()
    week = TODAY + dt.timedelta(days=7)
    assert stored(project) == {
        "github.com/example/gem": RepoStats(87, True, week),
        **{f"github.com/example/{name}": RepoStats(0, False, week, gone=True)
           for name in ("hostile", "replay", "task-vectors")},
    }
    assert capsys.readouterr().out.count("GitHub has no repository") == 6  # when asked, said


def test_the_token_is_not_sent_where_a_redirect_to_another_host_leads(project, monkeypatch):
    monkeypatch.setenv("GITHUB_TOKEN", "ghp_secret")
    elsewhere = FakeGitHub({"example/gem": GITHUB["example/gem"]})
    fake = FakeGitHub({**GITHUB, "example/gem": Status(301, {}, {"Location": f"{elsewhere.url}/repos/example/gem"})})
    try:
        run(project, fake.url)
    finally:
        fake.close()
        elsewhere.close()
    assert elsewhere.asked == ["/repos/example/gem"]
    assert "Authorization" not in elsewhere.headers[0]
    assert all(h["Authorization"] == "Bearer ghp_secret" for h in fake.headers)  # GitHub's own host


def test_a_repository_github_blocks_does_not_stop_the_others(project):
    blocked = Status(403, {"message": "Repository access blocked"}, {"X-RateLimit-Remaining": "4999"})
    fake = FakeGitHub({**GITHUB, "example/gem": blocked})
    try:
        assert run(project, fake.url, "--concurrency", "1") == 1  # one answer was an error
    finally:
        fake.close()
    assert len(fake.asked) == 4 and "github.com/example/replay" in stored(project)


def test_an_error_in_any_paper_stops_it_before_a_figure_is_lost(project, capsys):
    path = project / "content" / "repositories.yml"
    before = repositories.dump({"github.com/example/replay": RepoStats(1000, False, TODAY - dt.timedelta(days=30))})
    path.write_text(before, encoding="utf-8")
    paper = project / "content" / "papers" / "replay-against-forgetting.yml"
    paper.write_text(paper.read_text(encoding="utf-8").replace("id: replay-against-forgetting", "id: task-vectors"), encoding="utf-8")
    fake = FakeGitHub(GITHUB)
    try:
        assert main(["--root", str(project), "stars", "--api", fake.url]) == 1
    finally:
        fake.close()
    assert fake.asked == [] and path.read_text(encoding="utf-8") == before
    assert "GitHub was not asked" in capsys.readouterr().err



def test_an_error_in_a_paper_file_is_reported_once(project, capsys):
    # Found auditing the README: the links' reader and the content's loader read the same
    # files, and each error was printed twice ("2 errors" for one YAML slip).
    paper = project / "content" / "papers" / "replay-against-forgetting.yml"
    text = paper.read_text(encoding="utf-8")
    paper.write_text(text.replace("\ntitle: ", "\ntitle: Replay: ", 1), encoding="utf-8")
    fake = FakeGitHub(GITHUB)
    try:
        assert main(["--root", str(project), "stars", "--api", fake.url]) == 1
    finally:
        fake.close()
    said = capsys.readouterr().err.splitlines()
    assert [line for line in said if "YAML syntax error" in line] == [
        "content/papers/replay-against-forgetting.yml:2:14: YAML syntax error: a colon followed by a"
        " space inside an unquoted value; put the value in double quotes"
    ]
    assert said[-1] == "1 error; GitHub was not asked."

@pytest.mark.parametrize(("answer", "said"), [
    (Status(500, {"message": "boom"}), "HTTP 500"),
    (Status(401, {"message": "Bad credentials"}), "HTTP 401"),
    # Blocked for legal reasons: the repository is there, not gone.
    (Status(451, {"message": "Repository access blocked"}), "HTTP 451"),
    (Raw(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n[]"), "no JSON object"),
    (Raw(b"HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nnull"), "no JSON object"),
    (Raw(b"HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\n{not json"), "no JSON object"),
    (Raw(b'HTTP/1.1 200 OK\r\nContent-Length: 99\r\n\r\n{"stargazers_count": 1'), "no JSON object"),  # cut short
    (Raw(b"garbage\r\n\r\n"), "a garbled answer (not HTTP: its first line is 'garbage')"),
    (Raw(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}"), "without a star count"),
    (Raw(b'HTTP/1.1 200 OK\r\nContent-Length: 26\r\n\r\n{"stargazers_count": -5}  '), "without a star count"),
    (Raw(b'HTTP/1.1 200 OK\r\nContent-Length: 35\r\n\r\n{"stargazers_count": 12345678901}  '), "without a star count"),
    (Raw(b"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n" + b"[" * 100000), "no JSON object"),
])
def test_an_error_or_an_odd_answer_keeps_the_last_figure_and_fails_the_run(project, capsys, answer, said):
    path = project / "content" / "repositories.yml"
    old = RepoStats(1000, False, TODAY - dt.timedelta(days=30))
    path.write_text(repositories.dump({"github.com/example/replay": old}), encoding="utf-8")
    fake = FakeGitHub({**GITHUB, "example/replay": answer})
    try:
        assert run(project, fake.url, "--timeout", "5") == 1  # no traceback, a status
    finally:
        fake.close()
    assert stored(project)["github.com/example/replay"] == old
    assert said in capsys.readouterr().err


RATE_LIMIT = json.dumps({"resources": {"core": {"remaining": 60}}, "rate": {"remaining": 60}}).encode()


TRICKLE = 60  # (seconds)


def _run_against_a_trickle(project: Path, start: bytes, rate_limit: bool) -> tuple[int, float]:
    """`run` with --timeout 1 against a server that answers every request with
    ``start``, then a byte every 0.3 s (for TRICKLE s, so that a run without a deadline
    ends too); with ``rate_limit``, /rate_limit is answered whole. The exit status and
    the seconds the run took. (A run cut off at its deadline takes about 1 s, one without
    it TRICKLE: the tests allow half of it, far from both, where the 6 s allowed with an
    8 s trickle was a loaded machine's stretch of 1 s from a failure by chance.)"""
    import time

    def serve(conn, stop):
        with conn:
            asked = conn.recv(65536)
            if rate_limit and asked.startswith(b"GET /rate_limit "):
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n%s" % (len(RATE_LIMIT), RATE_LIMIT))
                return
            conn.sendall(start)
            until = time.monotonic() + TRICKLE
            while not stop.is_set() and time.monotonic() < until:
                try:
                    conn.sendall(b"a")
                except OSError:
                    return
                time.sleep(0.3)

    began = time.monotonic()
    with raw_server(serve) as address:
        status = run(project, address, "--timeout", "1", "--concurrency", "4")
    return status, time.monotonic() - began


def test_a_server_that_trickles_is_cut_off_at_the_timeout(project):
    status, took = _run_against_a_trickle(project, b"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n", False)
    assert status == 2  # no whole answer from anyone: nothing judged, nothing written
    assert took < TRICKLE / 2  # the check of --api, a second
    assert not (project / "content" / "repositories.yml").exists()


def test_a_server_that_trickles_its_headers_is_cut_off_at_the_timeout(project, capsys):
    # Each byte comes within the socket's timeout, so only a deadline for the whole
    # answer ends it: before, a server could hold each request for ever.
    status, took = _run_against_a_trickle(project, b"HTTP/1.1 200 OK\r\nX-Slow: ", True)
    assert took < TRICKLE / 2  # four repositories, four at a time, a second each
    assert status == 1
    assert "4 answers were errors: no whole answer within 1 s (4)" in capsys.readouterr().err
    assert not (project / "content" / "repositories.yml").exists()


@pytest.mark.parametrize("value", ["nan", "1e9", "-1"])
def test_a_max_age_that_is_no_number_of_days_is_refused(project, value, capsys):
    with pytest.raises(SystemExit) as raised:
        run(project, "http://127.0.0.1:9", "--max-age", value)
    assert raised.value.code == 2  # (as for a wrong option)
    assert f"argument --max-age: must be 0 or more and at most 36500 (days), not {value}" in capsys.readouterr().err


def test_a_token_with_a_space_is_refused_without_being_shown(project, monkeypatch, capsys):
    monkeypatch.setenv("GITHUB_TOKEN", "ghp secret")
    with pytest.raises(SystemExit) as raised:
        run(project, "http://127.0.0.1:9")
    assert "secret" not in str(raised.value) and "GITHUB_TOKEN" in str(raised.value)


@pytest.mark.parametrize("limit", [
    Status(429, {"message": "slow down"}),
    Status(403, {"message": "You have exceeded a secondary rate limit"}),  # no header at all
    Status(403, {"message": "secondary rate limit"}, {"Retry-After": "60"}),
    # Header names are case-insensitive (HTTP/2 and many proxies send them lower-cased),
    # and the message need not say it.
    Status(403, {"message": "Forbidden"}, {"x-ratelimit-remaining": "0"}),
    Status(403, {"message": "Forbidden"}, {"retry-after": "60"}),
])
def test_any_rate_limit_stops_the_asking(project, limit):
    fake = FakeGitHub({**GITHUB, "example/gem": limit})
    try:
        assert run(project, fake.url, "--concurrency", "1") == 1
    finally:
        fake.close()
    assert fake.asked == ["/repos/example/gem"]  # the first due; none after it


def test_a_day_after_today_is_asked_again(project):
    # A wrong clock or a hand wrote it: left alone, the figure would never be refreshed.
    path = project / "content" / "repositories.yml"
    path.write_text(repositories.dump({"github.com/example/gem": RepoStats(1, False, TODAY + dt.timedelta(days=900))}), encoding="utf-8")
    fake = FakeGitHub(GITHUB)
    try:
        run(project, fake.url)
    finally:
        fake.close()
    assert "/repos/example/gem" in fake.asked
    assert stored(project)["github.com/example/gem"] == RepoStats(87, True, TODAY)


@pytest.mark.parametrize("existed", [True, False], ids=["edited", "created"])
def test_a_hand_edit_made_while_github_is_asked_is_kept(project, capsys, existed):
    path = project / "content" / "repositories.yml"
    if existed:
        path.write_text(repositories.dump({"github.com/example/gem": RepoStats(1, False, dt.date(2026, 1, 1))}))
    hand = "# my note\n" + repositories.dump({"github.com/example/gem": RepoStats(2, False, dt.date(2026, 2, 2))})
    fake = FakeGitHub(GITHUB)
    fake.on_ask = lambda: path.write_text(hand)
    try:
        assert run(project, fake.url) == 1
    finally:
        fake.close()
    assert fake.asked  # GitHub was asked, and its answers were not written over the edit
    assert path.read_text() == hand
    assert "content/repositories.yml changed while GitHub was asked; it is left as it is" in capsys.readouterr().err


def test_when_every_answer_is_the_rate_limit_none_counts_as_asked(project, capsys):
    # Reported: "2 asked" beside "10 repositories were not asked" for 10 repositories.
    fake = FakeGitHub(GITHUB, limit=0)
    try:
        assert run(project, fake.url, "--concurrency", "4") == 1
    finally:
        fake.close()
    assert len(fake.asked) >= 1  # (four at a time: up to four were refused)
    err = capsys.readouterr().err
    assert "4 GitHub repositories linked: 0 asked, 0 asked less than 7 days ago;" in err
    assert "GitHub's rate limit was reached; 4 repositories were not asked" in err


NOW = dt.datetime(2026, 11, 30, 13, 30, tzinfo=dt.timezone.utc)


@pytest.mark.parametrize(("headers", "said"), [
    # The primary limit: none remaining until the epoch second X-RateLimit-Reset.
    ({"X-RateLimit-Remaining": "0",
      "X-RateLimit-Reset": str(int(dt.datetime(2026, 11, 30, 14, 4, 30, tzinfo=dt.timezone.utc).timestamp()))},
     "GitHub's limit resets at 14:05 UTC: run it again then"),  # (14:04:30 rounded up)
    ({"x-ratelimit-remaining": "0",
      "x-ratelimit-reset": str(int(dt.datetime(2026, 11, 30, 14, 0, tzinfo=dt.timezone.utc).timestamp()))},
     "GitHub's limit resets at 14:00 UTC: run it again then"),
    # A secondary limit: seconds to wait, from now (13:30).
    ({"Retry-After": "90"}, "GitHub's limit resets at 13:32 UTC: run it again then"),
    ({"Retry-After": "37800"}, "GitHub's limit resets at 00:00 UTC on 2026-12-01: run it again then"),
    # ... or, as HTTP allows, the date to wait for.
    ({"Retry-After": "Mon, 30 Nov 2026 13:45:10 GMT"}, "GitHub's limit resets at 13:46 UTC: run it again then"),
    ({"Retry-After": "Mon, 30 Nov 2026 13:00:00 GMT"}, "Run it again later"),  # (past)
    # No time, or none that is a wait: no time said.
    ({"X-RateLimit-Remaining": "0"}, "Run it again later: it goes on with them."),
    ({"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "99999999999"}, "Run it again later"),
    ({"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "1"}, "Run it again later"),
    ({"Retry-After": "soon"}, "Run it again later"),
])
def test_the_rate_limit_says_when_it_resets(project, capsys, monkeypatch, headers, said):
    monkeypatch.setattr(stars_cmd, "_now", lambda: NOW)
    fake = FakeGitHub(GITHUB, limit=1)
    fake.limit_headers = headers
    try:
        assert run(project, fake.url, "--concurrency", "1") == 1
    finally:
        fake.close()
    warning = [line for line in capsys.readouterr().err.splitlines() if "rate limit" in line]
    assert len(warning) == 1 and said in warning[0]
    # Without a token, what one would give.
    assert "3 repositories were not asked (set GITHUB_TOKEN for 5,000 an hour, not 60)." in warning[0]


def watch_the_wait(monkeypatch) -> threading.Event:
    """Set once a Ctrl-C has stopped `workers.run_all` and it waits for the answers under
    way (it has said so): a second Ctrl-C then finds it waiting."""
    waits = threading.Event()
    real = workers.run_all

    def run_all(jobs, concurrency, stop, waiting=None):
        def said(under_way):
            if waiting is not None:
                waiting(under_way)
            waits.set()

        return real(jobs, concurrency, stop, said)

    monkeypatch.setattr(workers, "run_all", run_all)
    return waits


def test_ctrl_c_asks_no_more_and_writes_the_answers_received(project, capsys, monkeypatch):
    # Before, Ctrl-C dropped every answer received (an hour of asking, at 60 an hour)
    # and said nothing.
    import signal

    path = project / "content" / "repositories.yml"
    old = RepoStats(1000, False, TODAY - dt.timedelta(days=30))
    path.write_text(repositories.dump({"github.com/example/replay": old}), encoding="utf-8")
    waits = watch_the_wait(monkeypatch)
    fake = FakeGitHub(GITHUB)

    def on_ask():
        if len(fake.asked) == 2:  # hostile, the second due (never asked, by name)
            signal.pthread_kill(threading.main_thread().ident, signal.SIGINT)  # Ctrl-C, now
            assert waits.wait(30)  # (the main thread has had it and waits; then hostile is answered)

    fake.on_ask = on_ask
    try:
        status = run(project, fake.url, "--concurrency", "1")
    except KeyboardInterrupt:
        status = "the Ctrl-C, not handled"
    finally:
        fake.close()
    assert status == 130
    assert fake.asked == ["/repos/example/gem", "/repos/example/hostile"]  # none after Ctrl-C
    # What a run over gem and hostile alone writes: replay, not asked, keeps its figure.
    assert path.read_text(encoding="utf-8") == repositories.dump({
        "github.com/example/gem": RepoStats(87, True, TODAY),
        "github.com/example/hostile": RepoStats(0, False, TODAY, gone=True),
        "github.com/example/replay": old,
    })
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        "content/papers/hostile-inputs.yml:9:12: warning: GitHub has no repository github.com/example/hostile"
        " (deleted, private or renamed): its badge says 'not found'; fix or remove the link",
    ]
    assert err.splitlines() == [
        "interrupted: waiting for the answer under way (at most 10 s); Ctrl-C again gives it up.",
        "4 GitHub repositories linked: 2 asked, 0 asked less than 7 days ago; content/repositories.yml written.",
        "interrupted: 2 repositories were not asked; the next run starts with them.",
    ]
    # And it does: the never asked first, then the one asked longest ago.
    again = FakeGitHub(GITHUB)
    try:
        assert run(project, again.url, "--concurrency", "1") == 0
    finally:
        again.close()
    assert again.asked == ["/repos/example/task-vectors", "/repos/example/replay"]


def test_a_second_ctrl_c_gives_up_the_answer_under_way_and_keeps_those_received(project, capsys, monkeypatch):
    # Before, the second Ctrl-C left the request under way to its --timeout (here ten
    # minutes; the process, its summary printed, waited for it at exit, and a third
    # Ctrl-C printed a traceback), and nothing said why it waited.
    import signal

    waits = watch_the_wait(monkeypatch)
    hung_up = threading.Event()

    def hold(handler):  # hostile's answer: none, until the client hangs up
        signal.pthread_kill(threading.main_thread().ident, signal.SIGINT)  # Ctrl-C
        assert waits.wait(30)  # (the command waits for this answer, and said so)
        signal.pthread_kill(threading.main_thread().ident, signal.SIGINT)  # and again
        handler.connection.settimeout(60)
        if handler.rfile.read() == b"":  # (what the client sends after its request: nothing, then EOF)
            hung_up.set()

    fake = FakeGitHub({**GITHUB, "example/hostile": hold})
    try:
        status = run(project, fake.url, "--concurrency", "1", "--timeout", "600")
        assert hung_up.wait(30)  # the request was given up: its connection is shut
    finally:
        fake.close()
    assert status == 130
    assert fake.asked == ["/repos/example/gem", "/repos/example/hostile"]
    # gem's answer, received before, is kept; hostile's, given up, is no answer.
    assert stored(project) == {"github.com/example/gem": RepoStats(87, True, TODAY)}
    assert capsys.readouterr().err.splitlines() == [
        "interrupted: waiting for the answer under way (at most 600 s); Ctrl-C again gives it up.",
        "4 GitHub repositories linked: 1 asked, 0 asked less than 7 days ago; content/repositories.yml written.",
        "interrupted: 2 repositories were not asked, and the answers of 1 more were given up;"
        " the next run starts with them.",
    ]


def test_a_ctrl_c_while_the_answers_are_written_is_put_off_until_they_are(project, capsys, monkeypatch):
    # Before, a Ctrl-C pressed again just as the last answers came (the command then
    # writing them) stopped it there: not one answer was written.
    import signal

    real = stars_cmd.atomic_write_bytes

    def pressed_meanwhile(path, data):
        signal.raise_signal(signal.SIGINT)  # Ctrl-C, as the file is written
        real(path, data)

    monkeypatch.setattr(stars_cmd, "atomic_write_bytes", pressed_meanwhile)
    fake = FakeGitHub(GITHUB)
    try:
        status = run(project, fake.url)
    except KeyboardInterrupt:
        status = "the Ctrl-C, not put off"
    finally:
        fake.close()
    assert status == 130  # (stopped by it all the same)
    assert stored(project)["github.com/example/replay"] == RepoStats(1234, False, TODAY)
    assert len(stored(project)) == 4
    # The SIGINT handler is Python's own again.
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_a_redirect_loop_is_said_as_one_not_as_an_http_302(project, capsys):
    # Before, urllib's give-up on a loop reached the command as the last answer, and the
    # warning said "HTTP 302": an error of GitHub's, not the loop it was.
    fake = FakeGitHub({**GITHUB, "example/gem": Status(302, None, {"Location": "/repos/example/gem"})})
    try:
        assert run(project, fake.url) == 1
    finally:
        fake.close()
    assert "github.com/example/gem" not in stored(project)
    assert (
        "warning: 1 answers were errors: a redirect loop, or more than ten redirects (1);"
        " those repositories keep their last figures."
    ) in capsys.readouterr().err.splitlines()


def _compressed(data: bytes, coding: str) -> bytes:
    import gzip
    import zlib

    if coding == "gzip":
        return gzip.compress(data, mtime=0)
    if coding == "deflate":
        return zlib.compress(data)
    raw = zlib.compressobj(wbits=-zlib.MAX_WBITS)  # (deflate as some servers send it: no wrapper)
    return raw.compress(data) + raw.flush()


@pytest.mark.parametrize(("coding", "header"), [("gzip", "gzip"), ("deflate", "deflate"), ("raw", "deflate")])
def test_an_answer_compressed_unasked_is_read(project, coding, header):
    # A proxy may compress an answer though nothing asked it to: it read as no JSON.
    body = _compressed(json.dumps(GITHUB["example/replay"]).encode(), coding)
    fake = FakeGitHub({**GITHUB, "example/replay": Raw(
        b"HTTP/1.1 200 OK\r\nContent-Encoding: %s\r\nContent-Length: %d\r\n\r\n%s" % (header.encode(), len(body), body)
    )})
    try:
        run(project, fake.url)
    finally:
        fake.close()
    assert stored(project)["github.com/example/replay"] == RepoStats(1234, False, TODAY)


def test_an_empty_answer_said_to_be_gzipped_is_its_status(project, capsys):
    fake = FakeGitHub({**GITHUB, "example/replay": Raw(
        b"HTTP/1.1 500 Internal Server Error\r\nContent-Encoding: gzip\r\nContent-Length: 0\r\n\r\n"
    )})
    try:
        assert run(project, fake.url, "--timeout", "5") == 1
    finally:
        fake.close()
    err = capsys.readouterr().err
    assert "HTTP 500" in err and "garbled" not in err


@pytest.mark.parametrize(("body", "said"), [
    # 2 MB of spaces in a few kilobytes: a body is bounded once decompressed too.
    (_compressed(b"{" + b" " * 2_000_000 + b"}", "gzip"), "an answer larger than 1,048,576 bytes"),
    (b"\x1f\x8b\x08\x00not gzip at all", "a garbled answer (a gzip answer that does not decompress ("),
    (_compressed(b'{"stargazers_count": 1}', "gzip")[:-12], "a garbled answer (a gzip answer cut short)"),
])
def test_a_compressed_answer_too_large_or_broken_keeps_the_last_figure(project, capsys, body, said):
    path = project / "content" / "repositories.yml"
    old = RepoStats(1000, False, TODAY - dt.timedelta(days=30))
    path.write_text(repositories.dump({"github.com/example/replay": old}), encoding="utf-8")
    fake = FakeGitHub({**GITHUB, "example/replay": Raw(
        b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body)
    )})
    try:
        assert run(project, fake.url, "--timeout", "5") == 1
    finally:
        fake.close()
    assert stored(project)["github.com/example/replay"] == old
    assert said in capsys.readouterr().err


def test_a_redirect_without_an_address_is_said_as_its_status_not_as_a_loop(project, capsys):
    # A 302 with no Location (a proxy's mistake) and a 300 lead nowhere, but urllib gave
    # up on no loop: they were said as "a redirect loop, or more than ten redirects".
    fake = FakeGitHub({
        **GITHUB,
        "example/gem": Status(302, {"message": "Found"}),
        "example/replay": Status(300, {"message": "Multiple Choices"}),
    })
    try:
        assert run(project, fake.url) == 1
    finally:
        fake.close()
    err = capsys.readouterr().err
    assert "redirect loop" not in err
    assert "HTTP 302" in err and "HTTP 300" in err


HAND_EDITED = (
    repositories.HEADER
    + "\n"
    + "# The lab's own first:\n"
    + "github.com/example/replay:  # our replay code\n"
    + "  stars: 1000   # before the talk\n"
    + "  archived: false\n"
    + "  checked: 2026-11-01\n"
    + "# a comment about hostile\n"
    + "github.com/example/hostile:\n"
    + "  stars: 3  # small\n"
    + "  archived: false\n"
    + "  checked: 2026-11-01\n"
    + "# below: the rest\n"
    + "github.com/example/unlinked:   # a paper we dropped\n"
    + "  stars: 5\n"
    + "  archived: false\n"
    + "  checked: 2026-11-01\n"
    + "github.com/Example/Gem:\n"
    + "  stars: 87\n"
    + "  archived: true\n"
    + "  checked: 2026-11-29   # fresh: not asked\n"
    + "# the end\n"
)


def test_a_curator_s_comments_order_and_spelling_are_kept_as_the_figures_change(project):
    # Replay's figure changes, hostile is gone now (its stars leave), unlinked is no
    # longer linked (it leaves), gem is fresh (untouched), task-vectors is new.
    path = project / "content" / "repositories.yml"
    path.write_text(HAND_EDITED, encoding="utf-8")
    fake = FakeGitHub(GITHUB)
    try:
        assert run(project, fake.url) == 0
    finally:
        fake.close()
    assert sorted(fake.asked) == ["/repos/example/hostile", "/repos/example/replay", "/repos/example/task-vectors"]
    assert path.read_text(encoding="utf-8") == (
        repositories.HEADER
        + "\n"
        + "# The lab's own first:\n"
        + "github.com/example/replay:  # our replay code\n"
        + "  stars: 1234   # before the talk\n"
        + "  archived: false\n"
        + "  checked: 2026-11-30\n"
        + "# a comment about hostile\n"
        + "github.com/example/hostile:\n"
        + "  # small\n"  # (its stars left; the comment on their line stays there)
        + "  gone: true\n"
        + "  checked: 2026-11-30\n"
        + "# below: the rest\n"
        + "# a paper we dropped\n"  # (the entry left; its comment stays where it stood)
        + "github.com/Example/Gem:\n"
        + "  stars: 87\n"
        + "  archived: true\n"
        + "  checked: 2026-11-29   # fresh: not asked\n"
        + "github.com/example/task-vectors:\n"  # (new: among the sorted keys' places)
        + "  stars: 500\n"
        + "  archived: false\n"
        + "  checked: 2026-11-30\n"
        + "# the end\n"
    )
    assert stored(project) == {
        "github.com/example/gem": RepoStats(87, True, dt.date(2026, 11, 29)),
        "github.com/example/hostile": RepoStats(0, False, TODAY, gone=True),
        "github.com/example/replay": RepoStats(1234, False, TODAY),
        "github.com/example/task-vectors": RepoStats(500, False, TODAY),
    }
    # A second run learns nothing new: not a byte changes.
    before = path.read_bytes()
    fake = FakeGitHub(GITHUB)
    try:
        assert run(project, fake.url) == 0
    finally:
        fake.close()
    assert fake.asked == [] and path.read_bytes() == before


def test_a_repository_back_from_gone_gets_its_figures_and_keeps_the_comments(project):
    path = project / "content" / "repositories.yml"
    path.write_text(
        "github.com/example/gem:  # was deleted for a while\n"
        "  gone: true  # since the move\n"
        "  checked: 2026-11-01\n",
        encoding="utf-8",
    )
    fake = FakeGitHub(GITHUB)
    try:
        run(project, fake.url)
    finally:
        fake.close()
    text = path.read_text(encoding="utf-8")
    assert text.startswith(
        "github.com/example/gem:  # was deleted for a while\n"
        "  # since the move\n"
        "  stars: 87\n"
        "  archived: true\n"
        "  checked: 2026-11-30\n"
    )
    assert stored(project)["github.com/example/gem"] == RepoStats(87, True, TODAY)


def test_a_comment_the_edit_cannot_keep_stops_the_write_and_is_said_at_its_place(project, capsys):
    # Inside the brackets of an entry whose stars leave (hostile is gone now), the
    # comment has no line of its own to stay on: the file is left as it is.
    path = project / "content" / "repositories.yml"
    hand = "github.com/example/hostile: {stars: 3, archived: false,  # small\n  checked: 2026-11-01}\n"
    path.write_text(hand, encoding="utf-8")
    fake = FakeGitHub(GITHUB)
    try:
        assert run(project, fake.url) == 1
    finally:
        fake.close()
    assert path.read_text(encoding="utf-8") == hand
    assert "content/repositories.yml:1:58: readinglist stars cannot keep this comment ('# small') where it stands" in capsys.readouterr().out


def test_when_every_entry_leaves_their_comments_stay_above_the_new_ones(project):
    path = project / "content" / "repositories.yml"
    path.write_text(
        "# my list\ngithub.com/example/unlinked:  # dropped\n  stars: 5\n  archived: false\n  checked: 2026-11-01\n",
        encoding="utf-8",
    )
    fake = FakeGitHub(GITHUB)
    try:
        assert run(project, fake.url) == 0
    finally:
        fake.close()
    assert path.read_text(encoding="utf-8").startswith(
        "# my list\n# dropped\ngithub.com/example/gem:\n  stars: 87\n  archived: true\n  checked: 2026-11-30\n"
    )
    assert sorted(stored(project)) == [
        "github.com/example/gem", "github.com/example/hostile", "github.com/example/replay", "github.com/example/task-vectors",
    ]


def refreshed(project: Path, hand: str | bytes) -> int:
    """The command's status on ``project`` whose repositories.yml is ``hand``, GitHub
    answering as GITHUB says."""
    path = project / "content" / "repositories.yml"
    if isinstance(hand, str):
        path.write_text(hand, encoding="utf-8")
    else:
        path.write_bytes(hand)
    fake = FakeGitHub(GITHUB)
    try:
        return run(project, fake.url)
    finally:
        fake.close()


def test_a_file_with_windows_line_ends_and_a_byte_order_mark_keeps_them(project):
    # Edited on Windows: the figures change, not every line's ending (a diff of the
    # whole file) nor the mark at its start.
    assert refreshed(project, (
        b"\xef\xbb\xbf# mine\r\ngithub.com/example/gem:  # the one\r\n  stars: 5\r\n  archived: false\r\n  checked: 2026-11-01\r\n"
    )) == 0
    path = project / "content" / "repositories.yml"
    raw = path.read_bytes()
    assert raw.startswith(
        b"\xef\xbb\xbf# mine\r\ngithub.com/example/gem:  # the one\r\n  stars: 87\r\n  archived: true\r\n  checked: 2026-11-30\r\n"
    )
    assert b"\n" not in raw.replace(b"\r\n", b"")  # (the new entries too)
    assert stored(project)["github.com/example/replay"] == RepoStats(1234, False, TODAY)


def test_a_tab_ruamel_cannot_read_is_said_at_its_place_and_nothing_is_written(project, capsys):
    # The file reads cleanly (a tab before a comment is YAML), but the round trip that
    # keeps the comments refuses it: said at the tab, not a traceback.
    hand = "github.com/example/gem:\n  stars: 5\t# a tab before me\n  archived: false\n  checked: 2026-11-01\n"
    assert refreshed(project, hand) == 1
    path = project / "content" / "repositories.yml"
    assert path.read_text(encoding="utf-8") == hand
    out = capsys.readouterr().out
    assert out.startswith("content/repositories.yml:2:11: readinglist stars cannot edit this file in place")
    assert "a tab" in out and "nothing was written" in out


def test_a_comment_line_above_an_entry_stays_there_when_a_new_one_comes_below_a_changed_one(project):
    # gem's figures change and hostile, new, goes between it and replay: the comment
    # lines above replay (ruamel holds them at the end of gem) stay above replay, and
    # one that ends the file still ends it. Before, they were lost and nothing written.
    assert refreshed(project, (
        "github.com/example/gem:\n  stars: 5\n  archived: false\n  checked: 2026-11-01\n"
        "# about replay\n"
        "github.com/example/replay:\n  stars: 1234\n  archived: false\n  checked: 2026-11-29\n"
        "# the end\n"
    )) == 0
    path = project / "content" / "repositories.yml"
    assert path.read_text(encoding="utf-8") == (
        "github.com/example/gem:\n  stars: 87\n  archived: true\n  checked: 2026-11-30\n"
        "github.com/example/hostile:\n  gone: true\n  checked: 2026-11-30\n"
        "# about replay\n"
        "github.com/example/replay:\n  stars: 1234\n  archived: false\n  checked: 2026-11-29\n"
        "github.com/example/task-vectors:\n  stars: 500\n  archived: false\n  checked: 2026-11-30\n"
        "# the end\n"
    )


def test_the_comments_of_an_entry_that_leaves_are_kept_once_when_new_ones_come_after_it(project):
    # unlinked leaves (no paper links it) below gem, unchanged; its comment stays as a
    # line where it stood. The new entries below gem got a copy of it each time a run
    # put one there (ruamel moves it below them; gem's own text keeps it too).
    assert refreshed(project, (
        "github.com/example/gem:\n  stars: 87\n  archived: true\n  checked: 2026-11-29\n"
        "github.com/example/unlinked:\n  stars: 5  # mine\n  archived: false\n  checked: 2026-11-01\n"
    )) == 0
    path = project / "content" / "repositories.yml"
    assert path.read_text(encoding="utf-8") == (
        "github.com/example/gem:\n  stars: 87\n  archived: true\n  checked: 2026-11-29\n"
        "  # mine\n"
        "github.com/example/hostile:\n  gone: true\n  checked: 2026-11-30\n"
        "github.com/example/replay:\n  stars: 1234\n  archived: false\n  checked: 2026-11-30\n"
        "github.com/example/task-vectors:\n  stars: 500\n  archived: false\n  checked: 2026-11-30\n"
    )


def test_an_entry_that_changes_keeps_the_indentation_the_file_has(project):
    # A file indented by four spaces: gem's new figures, and the new entries, are
    # indented so too, not by two (one entry unlike the others).
    assert refreshed(project, (
        "github.com/example/gem:\n    stars: 5\n    archived: false\n    checked: 2026-11-01\n"
    )) == 0
    path = project / "content" / "repositories.yml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith(
        "github.com/example/gem:\n    stars: 87\n    archived: true\n    checked: 2026-11-30\n"
        "github.com/example/hostile:\n    gone: true\n    checked: 2026-11-30\n"
    )
    assert "\n  s" not in text and "\n  a" not in text and "\n  c" not in text


def test_a_file_of_no_entries_written_as_braces_keeps_its_comments(project):
    # "{}", as a curator may write a file of no entries: the new ones go below its
    # comments. Before, it was told to move '# my figures' onto a line of its own (it
    # was on one) and nothing was written.
    assert refreshed(project, "# my figures\n{}  # none yet\n") == 0
    path = project / "content" / "repositories.yml"
    assert path.read_text(encoding="utf-8").startswith(
        "# my figures\n# none yet\ngithub.com/example/gem:\n  stars: 87\n  archived: true\n  checked: 2026-11-30\n"
    )
    assert len(stored(project)) == 4
