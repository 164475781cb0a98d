"""`readinglist stars` against a stand-in for GitHub's API on loopback."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from generator import repositories
from generator.cli import build_parser, main
from generator.commands import stars as stars_cmd
from generator.errors import Problems
from generator.models import RepoStats

REPO = Path(__file__).resolve().parent.parent
FIXTURE = REPO / "tests" / "data" / "site_fixture" / "content"
TODAY = dt.date(2026, 11, 30)


class FakeGitHub:
    """Answers GET /repos/<owner>/<name> from ``repos`` (lowercased keys), as GitHub's
    REST API does: 404 for an unknown one, 403 with X-RateLimit-Remaining 0 once
    ``limit`` requests were answered."""

    def __init__(self, repos: dict[str, dict], limit: int = 1000):
        self.repos, self.limit, self.asked, self.headers = repos, limit, [], []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server's name)
                fake.asked.append(self.path)
                fake.headers.append(dict(self.headers))
                name = self.path.removeprefix("/repos/").lower()
                if len(fake.asked) > fake.limit:
                    self._answer(403, {"message": "API rate limit exceeded"}, {"X-RateLimit-Remaining": "0"})
                elif name in fake.repos:
                    self._answer(200, fake.repos[name])
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
        "github.com/example/replay": RepoStats(1234, False, TODAY),
        "github.com/example/task-vectors": RepoStats(500, False, TODAY),
    }
    assert text == repositories.dump(stored(project))  # sorted, as the command writes it
    out = capsys.readouterr().out.splitlines()
    # At the URL in the paper's file: the line a curator edits.
    assert out == [
        "content/papers/hostile-inputs.yml:9:12: warning: GitHub has no repository github.com/example/hostile"
        " (deleted, private or renamed): its badge shows no stars",
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
        "github.com/example/replay": RepoStats(1234, False, TODAY),
        "github.com/example/task-vectors": RepoStats(500, False, TODAY),
    }


def test_when_the_rate_limit_is_spent_the_last_figures_stay_and_the_next_run_goes_on(project, capsys, monkeypatch):
    path = project / "content" / "repositories.yml"
    old = RepoStats(1000, False, TODAY - dt.timedelta(days=30))
    path.write_text(repositories.dump({"github.com/example/replay": old}), encoding="utf-8")
    monkeypatch.setenv("GITHUB_TOKEN", "t0ken")
    fake = FakeGitHub(GITHUB, limit=1)
    try:
        assert run(project, fake.url, "--concurrency", "1") == 0
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


def test_offline_nothing_is_written_and_the_exit_status_says_so(project, capsys):
    path = project / "content" / "repositories.yml"
    fake = FakeGitHub(GITHUB)
    url = fake.url
    fake.close()  # nobody answers at that port now
    assert run(project, url, "--timeout", "2") == 2
    assert not path.exists()
    assert "seems to be offline" in capsys.readouterr().err


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
    assert "content/repositories.yml:2:10: stars must be a whole number, not 'lots'" in err
    assert "GitHub was not asked" in err
