"""The GitHub workflow files: valid by GitHub's schema, pinned, least-privilege, race-free."""

from __future__ import annotations

import base64
import http.server
import json
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import yaml

from tests.gitrepo import GIT_ENV, git

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"
CI = WORKFLOWS / "ci.yml"
LINKS = WORKFLOWS / "links.yml"
STARS = WORKFLOWS / "stars.yml"
# A push to main, or a run started by hand on main (the README's first publication).
MAIN_PUSH = (
    "(github.event_name == 'push' || github.event_name == 'workflow_dispatch')"
    " && github.ref == 'refs/heads/main'"
)


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    # PyYAML reads the key `on` as the boolean True (YAML 1.1); GitHub reads it as "on".
    if True in data:
        data["on"] = data.pop(True)
    return data


def check_jsonschema(schema: str, *paths: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, *map(str, paths)],
        capture_output=True,
        text=True,
        check=False,
    )


def steps(job: dict) -> list[dict]:
    return job.get("steps", [])


def runs(job: dict) -> str:
    return "\n".join(step.get("run", "") for step in steps(job))


def test_the_workflows_validate_against_githubs_schema():
    files = sorted(WORKFLOWS.glob("*.yml"))
    assert [f.name for f in files] == ["ci.yml", "links.yml", "stars.yml"]
    result = check_jsonschema("vendor.github-workflows", *files)
    assert result.returncode == 0, result.stdout + result.stderr


def test_dependabot_config_validates():
    result = check_jsonschema("vendor.dependabot", ROOT / ".github" / "dependabot.yml")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("change", "valid"),
    [
        ("permissions: {pages: write}", True),  # the control: the base workflow is valid
        ("permissions: {pages: writ}", False),  # a misspelled permission level
        ("jobs: {build: {steps: []}}", False),  # a job without runs-on
        ("on: pushh", False),  # an event that does not exist
    ],
)
def test_the_schema_check_rejects_broken_workflows(tmp_path, change, valid):
    workflow = {
        "name": "x",
        "on": "push",
        "jobs": {"a": {"runs-on": "ubuntu-24.04", "steps": [{"run": "true"}]}},
    }
    override = yaml.safe_load(change)
    if True in override:
        override["on"] = override.pop(True)
    path = tmp_path / "workflow.yml"
    path.write_text(yaml.safe_dump({**workflow, **override}), encoding="utf-8")
    assert (check_jsonschema("vendor.github-workflows", path).returncode == 0) is valid


@pytest.mark.parametrize("path", [CI, LINKS, STARS], ids=lambda p: p.name)
def test_every_action_is_pinned_by_a_full_commit_sha_with_its_version(path):
    lines = [line for line in path.read_text().splitlines() if re.match(r"\s*-?\s*uses:", line)]
    assert lines, "no actions used at all?"
    for line in lines:
        assert re.fullmatch(r"\s*-?\s*uses: [\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+(\.\d+)*", line), (
            f"{path.name}: not pinned by SHA with a '# vX' comment: {line.strip()}"
        )


def test_same_action_is_pinned_to_the_same_commit_everywhere():
    pins: dict[str, set[str]] = {}
    for path in (CI, LINKS, STARS):
        for action, sha in re.findall(r"uses: ([\w./-]+)@([0-9a-f]{40})", path.read_text()):
            pins.setdefault(action, set()).add(sha)
    assert {a: s for a, s in pins.items() if len(s) > 1} == {}


def test_ci_runs_on_pull_requests_and_pushes_to_main():
    on = load(CI)["on"]
    assert "pull_request" in on
    assert on["push"]["branches"] == ["main"]


@pytest.mark.parametrize("path", [CI, LINKS, STARS], ids=lambda p: p.name)
def test_workflows_may_only_read_the_repository_by_default(path):
    assert load(path)["permissions"] == {"contents": "read"}


def test_only_the_deploy_stars_and_links_jobs_may_write_each_what_it_needs():
    jobs = load(CI)["jobs"]
    for name, job in jobs.items():
        if name == "deploy":
            assert job["permissions"] == {"pages": "write", "id-token": "write"}
        else:
            assert "permissions" not in job, f"job {name} widens the permissions"
    # The link check writes one issue (and its label), and nothing else.
    assert load(LINKS)["jobs"]["links"]["permissions"] == {"contents": "read", "issues": "write"}
    # The stars job commits one file and starts CI; nothing else.
    assert load(STARS)["jobs"]["stars"]["permissions"] == {"contents": "write", "actions": "write"}


def test_ci_checks_tests_and_builds_in_that_order_after_a_pinned_install():
    build = load(CI)["jobs"]["build"]
    python = next(s for s in steps(build) if s.get("uses", "").startswith("actions/setup-python@"))
    assert python["with"]["python-version"] == "3.11"
    assert python["with"]["cache"] == "pip"
    assert "constraints.txt" in python["with"]["cache-dependency-path"]
    commands = runs(build)
    order = [
        commands.index("pip install -c constraints.txt"),
        commands.index("readinglist check"),
        commands.index("pytest"),
        commands.index("readinglist build --strict"),
    ]
    assert order == sorted(order)


def test_the_generator_cache_is_restored_before_the_tests_build_in_the_checkout():
    # The browser tests build the site in the checkout (docs/, .cache/readinglist); a
    # restore after them would lay the older memo and pages over theirs.
    names = [s.get("uses", "").split("@")[0] or s.get("run", "") for s in steps(load(CI)["jobs"]["build"])]
    restore = names.index("actions/cache")
    assert restore < names.index("python -m pytest") < names.index(
        next(n for n in names if "readinglist build --strict" in n)
    )


def test_the_site_is_uploaded_and_deployed_only_from_main():
    jobs = load(CI)["jobs"]
    upload = next(
        s
        for s in steps(jobs["build"])
        if s.get("uses", "").startswith("actions/upload-pages-artifact@")
    )
    assert upload["if"] == MAIN_PUSH
    assert upload["with"]["path"] == "site"
    deploy = jobs["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["if"] == MAIN_PUSH
    assert deploy["environment"]["name"] == "github-pages"
    assert [s.get("uses", "").split("@")[0] for s in steps(deploy)] == ["actions/deploy-pages"]


def test_two_deploys_never_race():
    deploy = load(CI)["jobs"]["deploy"]
    # One group for every run's deploy job, and a running deploy is never cancelled.
    assert deploy["concurrency"] == {"group": "github-pages", "cancel-in-progress": False}
    top = load(CI)["concurrency"]
    # Runs on main are not cancelled either (only superseded pull request runs are).
    assert top["cancel-in-progress"] == "${{ github.event_name == 'pull_request' }}"


def test_the_link_check_is_scheduled_never_on_pull_requests_and_never_red():
    data = load(LINKS)
    assert set(data["on"]) == {"schedule", "workflow_dispatch"}
    (schedule,) = data["on"]["schedule"]
    minute, hour, day, month, weekday = schedule["cron"].split()
    assert (day, month) == ("*", "*") and minute.isdigit() and hour.isdigit()
    # GitHub deletes a cache entry not restored for 7 days: a run every 7 days restores
    # last week's link cache at the edge of that (and after it when the schedule runs
    # late), losing what the cache knows of failing links. The longest gap between two
    # runs (same time of day) must be shorter.
    days = sorted(int(d) for d in weekday.split(","))
    gaps = [(b - a) % 7 or 7 for a, b in zip(days, days[1:] + days[:1])]
    assert max(gaps) < 7, f"the link cache would go {max(gaps)} days without a run"
    job = data["jobs"]["links"]
    command = next(s["run"] for s in steps(job) if "readinglist links" in s.get("run", ""))
    assert "--no-fail" in command  # dead links are reported, not turned into a red build
    assert re.search(r"--concurrency \d+", command) and re.search(r"--delay [1-9]", command)
    summary = re.search(r"--summary (\S+)", command).group(1)
    assert f'cat {summary} >> "$GITHUB_STEP_SUMMARY"' in runs(job)
    budget = float(re.search(r"--budget (\S+)", command).group(1))
    assert budget + 10 <= job["timeout-minutes"]  # time left to save the cache
    cache_file = re.search(r"--cache (\S+)", command).group(1)
    cache = next(s for s in steps(job) if s.get("uses", "").startswith("actions/cache@"))
    assert cache["with"]["path"] == cache_file


def test_only_the_issue_step_holds_the_token_and_reads_the_report_the_check_wrote():
    job = load(LINKS)["jobs"]["links"]
    command = next(s["run"] for s in steps(job) if "readinglist links" in s.get("run", ""))
    report = re.search(r"--json (\S+)", command).group(1)
    holding = [s for s in steps(job) if "github.token" in str(s.get("env", {}))]
    assert [s["name"] for s in holding] == ["Open, update or close the dead-links issue"]
    (step,) = holding
    assert step["env"] == {"GH_TOKEN": "${{ github.token }}", "GH_REPO": "${{ github.repository }}"}
    assert step["run"] == f"python .github/scripts/report_dead_links.py {report}"
    # Last, and only after the check succeeded (no `if:`): a check that did not finish
    # reports nothing.
    assert steps(job)[-1] is step and "if" not in step


@pytest.mark.parametrize("path", [CI, LINKS, STARS], ids=lambda p: p.name)
def test_no_expression_is_spliced_into_a_script(path):
    # A value such as a branch name or a repository variable spliced into `run:` is
    # script injection; expressions reach scripts through `env:` only.
    for job in load(path)["jobs"].values():
        for step in steps(job):
            assert "${{" not in step.get("run", ""), step.get("name")


@pytest.mark.parametrize(
    "variable, owner, repository, expected",
    [
        ("", "Lab-Org", "readinglist", "https://lab-org.github.io/readinglist/"),
        ("", "Lab-Org", "lab-org.github.io", "https://lab-org.github.io/"),
        ("", "lab", "Lab.GitHub.io", "https://lab.github.io/"),
        ("https://papers.example.org/", "Lab-Org", "readinglist", "https://papers.example.org/"),
    ],
)
def test_the_site_is_built_for_the_address_it_is_published_at(
    tmp_path, variable, owner, repository, expected
):
    # The build step's own script, run with `readinglist` replaced by a stand-in that
    # records the SITE_URL it was given (mkdocs.yml reads site_url from it).
    step = next(s for s in steps(load(CI)["jobs"]["build"]) if "readinglist build" in s.get("run", ""))
    assert step["env"] == {
        "SITE_URL": "${{ vars.SITE_URL }}",
        "OWNER": "${{ github.repository_owner }}",
        "REPOSITORY": "${{ github.event.repository.name }}",
        "REPO_URL": "${{ github.server_url }}/${{ github.repository }}",
        "REPO_BRANCH": "${{ github.event.repository.default_branch }}",
    }
    stand_in = tmp_path / "readinglist"
    stand_in.write_text('#!/bin/sh\nprintf "%s" "$SITE_URL" > "$RECORD"\n')
    stand_in.chmod(0o755)
    env = {
        "PATH": f"{tmp_path}:/usr/bin:/bin",
        "RECORD": str(tmp_path / "record"),
        "SITE_URL": variable,
        "OWNER": owner,
        "REPOSITORY": repository,
    }
    result = subprocess.run(
        ["bash", "-e", "-c", step["run"]], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "record").read_text() == expected


def test_the_star_refresh_is_weekly_and_only_its_push_step_holds_the_token():
    data = load(STARS)
    assert set(data["on"]) == {"schedule", "workflow_dispatch"}
    (schedule,) = data["on"]["schedule"]
    minute, hour, day, month, weekday = schedule["cron"].split()
    assert (day, month) == ("*", "*") and weekday.isdigit()  # once a week
    assert data["concurrency"] == {"group": "stars", "cancel-in-progress": False}
    job = data["jobs"]["stars"]
    checkout = next(s for s in steps(job) if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["persist-credentials"] is False
    holding = [s for s in steps(job) if "secrets." in str(s.get("env", {}))]
    assert [s["name"] for s in holding] == ["Ask GitHub, commit the figures, start CI"]
    assert holding[0]["env"]["GITHUB_TOKEN"] == "${{ secrets.GITHUB_TOKEN }}"


OLD_FIGURES = "github.com/a/b:\n  stars: 1\n  archived: false\n  checked: 2026-11-01\n"
NEW_FIGURES = "github.com/a/b:\n  stars: 2\n  archived: false\n  checked: 2026-11-30\n"
TOKEN = "ghs_workflowtoken"
# What actions/checkout sends for the workflow's token, and what GitHub takes.
AUTHORIZATION = "basic " + base64.b64encode(f"x-access-token:{TOKEN}".encode()).decode()



class GitServer:
    """Repositories under ``root`` served over HTTP by `git http-backend`, as GitHub
    serves a public repository: anyone may fetch, and a push needs the workflow token's
    Authorization header (else 401)."""

    def __init__(self, root: Path):
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server's name)
                self._backend(b"")

            def do_POST(self):  # noqa: N802
                self._backend(self.rfile.read(int(self.headers.get("Content-Length", "0"))))

            def _backend(self, data: bytes) -> None:
                path, _, query = self.path.partition("?")
                pushing = path.endswith("/git-receive-pack") or "service=git-receive-pack" in query
                if pushing and self.headers.get("Authorization") != AUTHORIZATION:
                    server.refused += 1
                    self.send_response(401)
                    self.send_header("WWW-Authenticate", 'Basic realm="GitHub"')
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                env = {
                    **GIT_ENV, "GIT_PROJECT_ROOT": str(root), "GIT_HTTP_EXPORT_ALL": "1",
                    "PATH_INFO": path, "QUERY_STRING": query, "REQUEST_METHOD": self.command,
                    "CONTENT_TYPE": self.headers.get("Content-Type", ""), "CONTENT_LENGTH": str(len(data)),
                    **({"REMOTE_USER": "x-access-token"} if pushing else {}),
                }
                out = subprocess.run(["git", "http-backend"], input=data, env=env, capture_output=True).stdout
                headers, _, body = out.partition(b"\r\n\r\n")
                status = 200
                lines = headers.decode().split("\r\n")
                for line in lines:
                    if line.lower().startswith("status:"):
                        status = int(line.split()[1])
                self.send_response(status)
                for line in lines:
                    if ":" in line and not line.lower().startswith("status:"):
                        name, value = line.split(":", 1)
                        self.send_header(name, value.strip())
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.refused = 0
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def _commit(work: Path, files: dict[str, str], message: str, branch: str = "main") -> None:
    for name, text in files.items():
        (work / name).parent.mkdir(parents=True, exist_ok=True)
        (work / name).write_text(text)
    git(work, "add", "--", *files)
    git(work, "commit", "-q", "-m", message)
    git(work, "push", "-q", "origin", f"HEAD:refs/heads/{branch}")


def _expand(value: str, github: dict[str, str]) -> str:
    """A step's env value with the expressions GitHub would put in (an unknown one fails)."""
    known = {"secrets.GITHUB_TOKEN": TOKEN, **{f"github.{k}": v for k, v in github.items()}}
    return re.sub(r"\$\{\{\s*([\w.]+)\s*\}\}", lambda m: known[m.group(1)], value)


class StarsRun:
    """The workflow's own step, run as a runner would: its `env:` with the expressions
    filled in, its script under `bash -e`, in a shallow clone of the branch (as
    actions/checkout makes one, without credentials) of a repository served over HTTP.
    `readinglist` and `gh` are stand-ins: the first writes FIGURES (when given) and exits
    with STATUS; the second, as gh in Actions, refuses to run without GH_TOKEN and
    records its repository and arguments."""

    def __init__(self, tmp_path: Path, files: dict[str, str] | None = None, branch: str = "main"):
        self.tmp, self.branch = tmp_path, branch
        self.remote = tmp_path / "served" / "lab" / "readinglist.git"
        git(tmp_path, "init", "-q", "--bare", "-b", "main", str(self.remote))
        self.curator = tmp_path / "curator"  # a curator's own clone, pushing meanwhile
        git(tmp_path, "clone", "-q", str(self.remote), str(self.curator))
        start = {"content/papers/a.yml": "id: a\n", "content/repositories.yml": OLD_FIGURES}
        _commit(self.curator, start if files is None else files, "start")
        if branch != "main":
            _commit(self.curator, {"content/papers/f.yml": "id: f\n"}, "on a branch", branch)
        self.server = GitServer(tmp_path / "served")
        self.work = tmp_path / "work"
        git(tmp_path, "clone", "-q", "--depth", "1", "-b", branch,
             f"{self.server.url}/lab/readinglist.git", str(self.work))
        self.bin = tmp_path / "bin"
        self.bin.mkdir()
        (self.bin / "readinglist").write_text(
            '#!/bin/sh\n[ "$1" = stars ] || exit 99\n'
            'if [ -n "$FIGURES" ]; then printf "%s" "$FIGURES" > content/repositories.yml; fi\n'
            # Any other change in the checkout is no part of the commit.
            'echo "notes: x" >> content/papers/a.yml\n'
            'exit "$STATUS"\n'
        )
        (self.bin / "gh").write_text(
            '#!/bin/sh\n[ -n "$GH_TOKEN" ] || { echo "gh: set the GH_TOKEN environment variable" >&2; exit 4; }\n'
            'printf "%s: %s\\n" "$GH_REPO" "$*" >> "$GH_LOG"\n'
        )
        for tool in ("readinglist", "gh"):
            (self.bin / tool).chmod(0o755)
        self.gh_log = tmp_path / "gh.log"

    def __call__(self, status: int, figures: str) -> subprocess.CompletedProcess[str]:
        step = next(s for s in steps(load(STARS)["jobs"]["stars"]) if "readinglist stars" in s.get("run", ""))
        github = {"repository": "lab/readinglist", "ref_name": self.branch, "server_url": self.server.url}
        env = {name: _expand(str(value), github) for name, value in step["env"].items()}
        env.update({
            "PATH": f"{self.bin}:/usr/bin:/bin", "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null",
            "STATUS": str(status), "FIGURES": figures, "GH_LOG": str(self.gh_log),
        })
        return subprocess.run(["bash", "-e", "-c", step["run"]], cwd=self.work, env=env, capture_output=True, text=True)

    def log(self, branch: str = "main") -> list[str]:
        """A branch's commits on the remote, newest first: author, subject, files changed."""
        out = git(self.remote, "log", "--format=%x00%an|%s", "--name-only", branch)
        return [" ".join(part.split()) for part in out.split("\0") if part.strip()]

    def remote_file(self, name: str, branch: str = "main") -> str:
        return git(self.remote, "show", f"{branch}:{name}")

    def started(self) -> list[str]:
        return self.gh_log.read_text().splitlines() if self.gh_log.exists() else []


@pytest.fixture
def stars_run(tmp_path):
    runs = []

    def make(**kwargs):
        runs.append(StarsRun(tmp_path, **kwargs))
        return runs[-1]

    yield make
    for run in runs:
        run.server.close()


def test_new_figures_are_committed_alone_by_the_bot_and_ci_is_started(stars_run):
    run = stars_run()
    result = run(0, NEW_FIGURES)
    assert result.returncode == 0, result.stderr
    assert run.log() == [
        "github-actions[bot]|Refresh the star counts in content/repositories.yml content/repositories.yml",
        "Curator|start content/papers/a.yml content/repositories.yml",
    ]
    assert run.remote_file("content/repositories.yml") == NEW_FIGURES
    assert run.remote_file("content/papers/a.yml") == "id: a\n"
    assert run.started() == ["lab/readinglist: workflow run ci.yml --ref main"]
    assert f"::add-mask::{AUTHORIZATION.split()[1]}" in result.stdout  # hidden in the log
    assert TOKEN not in result.stdout + result.stderr


def test_a_first_run_adds_the_file(stars_run):
    run = stars_run(files={"content/papers/a.yml": "id: a\n"})
    result = run(0, NEW_FIGURES)
    assert result.returncode == 0, result.stderr
    assert run.log()[0] == "github-actions[bot]|Refresh the star counts in content/repositories.yml content/repositories.yml"
    assert run.remote_file("content/repositories.yml") == NEW_FIGURES


def test_a_list_without_github_links_commits_nothing(stars_run):
    run = stars_run(files={"content/papers/a.yml": "id: a\n"})
    result = run(0, "")  # the command writes no file when no paper links GitHub
    assert result.returncode == 0, result.stderr
    assert len(run.log()) == 1 and run.started() == []


def test_started_on_another_branch_it_commits_there_and_starts_ci_there(stars_run):
    run = stars_run(branch="feature")
    result = run(0, NEW_FIGURES)
    assert result.returncode == 0, result.stderr
    assert run.log("feature")[0].startswith("github-actions[bot]|Refresh the star counts")
    assert run.remote_file("content/repositories.yml", "feature") == NEW_FIGURES
    assert run.log("main") == ["Curator|start content/papers/a.yml content/repositories.yml"]
    assert run.started() == ["lab/readinglist: workflow run ci.yml --ref feature"]


def test_it_runs_on_branches_only():
    # Started by hand on a tag, ref_name is the tag's: the push would make a branch of it.
    assert load(STARS)["jobs"]["stars"]["if"] == "github.ref_type == 'branch'"


def test_unchanged_figures_commit_nothing_and_start_nothing(stars_run):
    run = stars_run()
    result = run(0, OLD_FIGURES)
    assert result.returncode == 0, result.stderr
    assert len(run.log()) == 1 and run.started() == []
    assert "unchanged" in result.stdout


def test_a_partial_answer_is_committed_and_the_run_ends_red(stars_run):
    run = stars_run()
    result = run(1, NEW_FIGURES)
    assert result.returncode == 1
    assert run.remote_file("content/repositories.yml") == NEW_FIGURES
    assert run.started() == ["lab/readinglist: workflow run ci.yml --ref main"]


def test_an_unusable_api_commits_nothing(stars_run):
    run = stars_run()
    result = run(2, "")
    assert result.returncode == 2
    assert "::error::" in result.stdout
    assert len(run.log()) == 1 and run.started() == []


def test_a_branch_that_moved_during_the_run_gets_the_commit_on_top(stars_run):
    run = stars_run()
    _commit(run.curator, {"content/papers/b.yml": "id: b\n"}, "add b")
    _commit(run.curator, {"content/papers/c.yml": "id: c\n"}, "add c")
    result = run(0, NEW_FIGURES)
    assert result.returncode == 0, result.stderr
    assert [entry.split("|")[1].split()[0:2] for entry in run.log()] == [
        ["Refresh", "the"], ["add", "c"], ["add", "b"], ["start", "content/papers/a.yml"],
    ]
    assert run.remote_file("content/repositories.yml") == NEW_FIGURES
    assert run.remote_file("content/papers/b.yml") == "id: b\n"
    assert run.started() == ["lab/readinglist: workflow run ci.yml --ref main"]


def test_a_hand_edit_of_the_file_meanwhile_is_never_overwritten(stars_run):
    run = stars_run()
    hand = OLD_FIGURES.replace("stars: 1", "stars: 5")
    _commit(run.curator, {"content/repositories.yml": hand}, "by hand")
    result = run(0, NEW_FIGURES)
    assert result.returncode == 1
    assert "CONFLICT" in result.stdout + result.stderr
    assert "::error::content/repositories.yml was changed on main during the run" in result.stdout
    assert run.remote_file("content/repositories.yml") == hand
    assert run.log()[0].startswith("Curator|by hand")
    assert run.started() == []


def test_a_push_refused_for_another_reason_is_said_and_nothing_is_started(stars_run):
    # A protected branch: the server refuses any update of main (a pre-receive hook).
    run = stars_run()
    hook = run.remote / "hooks" / "pre-receive"
    hook.write_text("#!/bin/sh\necho 'protected branch hook declined' >&2\nexit 1\n")
    hook.chmod(0o755)
    result = run(0, NEW_FIGURES)
    assert result.returncode == 1
    assert "::error::GitHub refused the push to main (a protected branch?)" in result.stdout
    assert run.remote_file("content/repositories.yml") == OLD_FIGURES
    assert run.started() == []


def test_the_push_carries_the_workflow_token_as_github_takes_it(stars_run):
    # The server refuses a push without it (401): the figures reach the branch only
    # through the header the script gives git.
    run = stars_run()
    assert run(0, NEW_FIGURES).returncode == 0
    assert run.server.refused == 0 and run.remote_file("content/repositories.yml") == NEW_FIGURES
    anonymous = subprocess.run(
        ["git", "push", "-q", "origin", "HEAD:refs/heads/other"], cwd=run.work, env=GIT_ENV,
        capture_output=True, text=True,
    )
    assert anonymous.returncode != 0 and run.server.refused == 1


# ------------------------------------------------------------------ the dead-links issue

RUN_PAGE = "https://github.com/lab/readinglist/actions/runs/42"
GONE = {
    "path": "content/papers/a.yml", "line": 7, "column": 12, "url": "https://example.org/gone",
    "detail": "HTTP 404", "message": "dead link: https://example.org/gone (HTTP 404)",
}  # fmt: skip
OLD = {
    "path": "content/papers/b.yml", "line": 6, "column": 12, "url": "https://example.com/old",
    "detail": "HTTP 404 at https://example.com/new",
    "message": "dead link: https://example.com/old (HTTP 404 at https://example.com/new)",
}  # fmt: skip
GONE_ITEM = "- `content/papers/a.yml:7:12`: `https://example.org/gone` (`HTTP 404`)"
OLD_ITEM = (
    "- `content/papers/b.yml:6:12`: `https://example.com/old` (`HTTP 404 at https://example.com/new`)"
)
MARKER = "<!-- readinglist links: the Links workflow keeps this issue -->"
FOOTER = (
    "Each run that finds dead links replaces this text (write notes in comments), and the"
    " first run that checks every link and finds none closes this issue. [This run's"
    f" summary]({RUN_PAGE}) also lists the moved links."
)


def link_report(*dead: dict, unchecked: int = 0) -> dict:
    return {"version": 1, "links": 10, "unchecked": unchecked, "dead": list(dead)}


# gh as the script uses it: it refuses to run without GH_TOKEN; `issue list` and `label
# list` answer from fixture files (as `--json` prints them: an array of objects); `issue
# create` refuses a label the repository does not have, as gh does, and prints the new
# issue's address; `label create` adds the label. Each call is recorded with its
# arguments and the text of its --body-file (a temporary file, gone after the run).
FAKE_GH = """\
import json, os, sys
args = sys.argv[1:]
if not os.environ.get("GH_TOKEN"):
    sys.exit("gh: set the GH_TOKEN environment variable")
call = {"repo": os.environ.get("GH_REPO", ""), "args": args}
if "--body-file" in args:
    with open(args[args.index("--body-file") + 1], encoding="utf-8") as body:
        call["body"] = body.read()
with open(os.environ["GH_LOG"], "a", encoding="utf-8") as log:
    log.write(json.dumps(call) + "\\n")
labels_file = os.environ["GH_LABELS"]
with open(labels_file, encoding="utf-8") as f:
    labels = json.load(f)
if os.environ.get("GH_FAIL") and " ".join(args).startswith(os.environ["GH_FAIL"]):
    sys.exit("HTTP 502: Server Error")
if args[:2] == ["issue", "list"]:
    with open(os.environ["GH_ISSUES"], encoding="utf-8") as issues:
        print(issues.read())
elif args[:2] == ["label", "list"]:
    print(json.dumps(labels))
elif args[:2] == ["label", "create"]:
    with open(labels_file, "w", encoding="utf-8") as f:
        json.dump(labels + [{"name": args[2]}], f)
elif args[:2] == ["issue", "create"]:
    wanted = args[args.index("--label") + 1]
    if wanted.lower() not in [label["name"].lower() for label in labels]:
        sys.exit(f"could not add label: '{wanted}' not found")
    print("https://github.com/lab/readinglist/issues/13")
"""


class IssueRun:
    """The workflow's issue step, run as a runner would: its `env:` with the expressions
    filled in and the runner's own variables, its script under `bash -e`, in a folder
    holding the check's report (or none) and the repository's .github; `gh` is the
    stand-in above and `python` this interpreter."""

    def __init__(self, tmp_path: Path):
        self.work = tmp_path / "work"
        self.work.mkdir()
        (self.work / ".github").symlink_to(ROOT / ".github")
        self.bin = tmp_path / "bin"
        self.bin.mkdir()
        (self.bin / "gh").write_text(f"#!{sys.executable}\n{FAKE_GH}")
        (self.bin / "gh").chmod(0o755)
        (self.bin / "python").symlink_to(sys.executable)
        self.log, self.issues, self.labels = (tmp_path / n for n in ("gh.log", "issues", "labels"))

    def __call__(
        self, report: dict | None, issues: list[dict], labels: list[str] = ("dead-links",), fail: str = ""
    ) -> subprocess.CompletedProcess[str]:
        job = load(LINKS)["jobs"]["links"]
        step = next(s for s in steps(job) if s.get("name") == "Open, update or close the dead-links issue")
        command = next(s["run"] for s in steps(job) if "readinglist links" in s.get("run", ""))
        if report is not None:
            name = re.search(r"--json (\S+)", command).group(1)
            (self.work / name).write_text(json.dumps(report), encoding="utf-8")
        self.issues.write_text(json.dumps(issues), encoding="utf-8")
        self.labels.write_text(json.dumps([{"name": n} for n in labels]), encoding="utf-8")
        github = {"token": TOKEN, "repository": "lab/readinglist"}
        env = {name: _expand(str(value), github) for name, value in step["env"].items()}
        env.update({
            "PATH": f"{self.bin}:/usr/bin:/bin", "GH_LOG": str(self.log), "GH_ISSUES": str(self.issues),
            "GH_LABELS": str(self.labels), "GH_FAIL": fail, "GITHUB_SERVER_URL": "https://github.com",
            "GITHUB_REPOSITORY": "lab/readinglist", "GITHUB_RUN_ID": "42",
        })  # fmt: skip
        return subprocess.run(
            ["bash", "-e", "-c", step["run"]], cwd=self.work, env=env, capture_output=True, text=True
        )

    def calls(self) -> list[dict]:
        lines = self.log.read_text().splitlines() if self.log.exists() else []
        return [json.loads(line) for line in lines]

    def commands(self) -> list[list[str]]:
        """Each call's arguments, a body file's name replaced by BODY (it is temporary)."""
        return [
            [("BODY" if i and call["args"][i - 1] == "--body-file" else a) for i, a in enumerate(call["args"])]
            for call in self.calls()
        ]

    def writes(self) -> list[list[str]]:
        reads = (["issue", "list"], ["label", "list"])
        return [args for args in self.commands() if args[:2] not in reads]


LIST_OPEN = ["issue", "list", "--state", "open", "--label", "dead-links", "--json", "number,body"]
LIST_LABELS = ["label", "list", "--search", "dead-links", "--json", "name", "--limit", "100"]
CREATE = ["issue", "create", "--title", "Dead links", "--label", "dead-links", "--body-file", "BODY"]


@pytest.fixture
def issue_run(tmp_path):
    return IssueRun(tmp_path)


def test_dead_links_and_no_open_issue_open_one_issue_with_the_label_and_the_list(issue_run):
    result = issue_run(link_report(GONE, OLD), issues=[])
    assert result.returncode == 0, result.stderr
    assert issue_run.commands() == [LIST_OPEN, LIST_LABELS, CREATE]
    create = issue_run.calls()[-1]
    assert create["repo"] == "lab/readinglist"
    assert create["body"] == "\n".join([
        MARKER,
        "The Links workflow's check found 2 dead links in `content/papers/`. Fix each at its"
        " place: write the page's new address, or delete the link.",
        "",
        GONE_ITEM,
        OLD_ITEM,
        "",
        FOOTER,
        "",
    ])  # fmt: skip
    assert "::notice::2 dead links: opened https://github.com/lab/readinglist/issues/13" in result.stdout


def test_a_missing_label_is_created_before_the_issue_that_needs_it(issue_run):
    # gh refuses `issue create --label` with a label the repository lacks (the stand-in too).
    result = issue_run(link_report(GONE), issues=[], labels=["bug"])
    assert result.returncode == 0, result.stderr
    assert issue_run.writes() == [
        [
            "label", "create", "dead-links", "--color", "B60205", "--description",
            "Links the Links workflow found dead; it keeps the issue up to date",
        ],
        CREATE,
    ]  # fmt: skip


def test_dead_links_and_an_open_issue_replace_its_list_and_comment_the_new_ones(issue_run):
    before = "\n".join([MARKER, "Found 1 dead link.", "", OLD_ITEM, "", "Old footer."])
    result = issue_run(link_report(GONE, OLD), issues=[{"number": 12, "body": before}])
    assert result.returncode == 0, result.stderr
    assert issue_run.writes() == [
        ["issue", "edit", "12", "--body-file", "BODY"],
        ["issue", "comment", "12", "--body-file", "BODY"],
    ]
    edit, comment = issue_run.calls()[1:]
    assert GONE_ITEM in edit["body"].splitlines() and OLD_ITEM in edit["body"].splitlines()
    assert "Old footer." not in edit["body"]
    # Only the link that was not listed before: a watcher learns what changed.
    assert comment["body"] == f"Newly dead since the last report ([this run]({RUN_PAGE})):\n\n{GONE_ITEM}\n"


def test_the_same_dead_links_again_update_the_issue_without_a_comment(issue_run):
    # A field added above a link moves it down a line: the same dead link, no news.
    moved = OLD_ITEM.replace("b.yml:6:12", "b.yml:9:12")
    before = "\n".join([MARKER, "Found 2.", "", GONE_ITEM, moved, ""])
    result = issue_run(link_report(GONE, OLD), issues=[{"number": 12, "body": before}])
    assert result.returncode == 0, result.stderr
    assert issue_run.writes() == [["issue", "edit", "12", "--body-file", "BODY"]]


def test_with_two_open_issues_the_oldest_is_kept_and_no_third_is_opened(issue_run):
    issues = [{"number": 30, "body": MARKER}, {"number": 12, "body": f"{MARKER}\n{GONE_ITEM}"}]
    result = issue_run(link_report(GONE), issues=issues)
    assert result.returncode == 0, result.stderr
    assert issue_run.writes() == [["issue", "edit", "12", "--body-file", "BODY"]]
    assert "::warning::More than one open dead-links issue is this workflow's" in result.stdout


def test_an_issue_a_curator_labelled_by_hand_is_never_rewritten_or_closed(issue_run):
    mine = {"number": 5, "body": f"The DOI resolver is flaky, I am on it.\n{GONE_ITEM}"}
    result = issue_run(link_report(GONE), issues=[mine])
    assert result.returncode == 0, result.stderr
    assert [args[:2] for args in issue_run.writes()] == [["issue", "create"]]
    issue_run.log.unlink()
    result = issue_run(link_report(), issues=[mine])
    assert result.returncode == 0, result.stderr
    assert issue_run.writes() == []


def test_no_dead_link_and_an_open_issue_comment_and_close_it(issue_run):
    result = issue_run(link_report(), issues=[{"number": 12, "body": f"{MARKER}\n{GONE_ITEM}"}])
    assert result.returncode == 0, result.stderr
    assert issue_run.writes() == [
        [
            "issue", "close", "12", "--comment",
            f"[The link check]({RUN_PAGE}) asked every link and found none dead: closing.",
        ]
    ]  # fmt: skip


def test_no_dead_link_and_no_open_issue_write_nothing(issue_run):
    result = issue_run(link_report(), issues=[])
    assert result.returncode == 0, result.stderr
    assert issue_run.commands() == [LIST_OPEN]


def test_no_dead_link_among_the_links_checked_in_time_is_not_all_links_fine(issue_run):
    result = issue_run(link_report(unchecked=3), issues=[{"number": 12, "body": f"{MARKER}\n{GONE_ITEM}"}])
    assert result.returncode == 0, result.stderr
    assert issue_run.writes() == []
    assert "issue #12 stays open" in result.stdout


def test_a_check_that_did_not_finish_writes_nothing_and_fails(issue_run):
    result = issue_run(None, issues=[{"number": 12, "body": f"{MARKER}\n{GONE_ITEM}"}])
    assert result.returncode == 1
    assert issue_run.calls() == []
    assert "::error::links-report.json: no report from readinglist links" in result.stdout + result.stderr


def test_a_failing_gh_fails_the_step_saying_so(issue_run):
    result = issue_run(link_report(GONE), issues=[], fail="issue create")
    assert result.returncode == 1
    assert "HTTP 502: Server Error" in result.stderr
    assert "::error::gh issue create failed (exit 1)" in result.stdout


def test_hostile_urls_paths_and_details_stay_literal_inside_their_list_item(issue_run):
    """A URL is the curator's text and a redirect's target is a server's: in an issue
    they are Markdown, where `@name` notifies someone, `#1` links an issue, and a line
    break starts a new list item. Each must come out as one code span, as it was."""
    from markdown_it import MarkdownIt

    hostile = [
        {
            "path": "content/papers/@octocat.yml", "line": 3, "column": 5,
            "url": "https://example.org/a`b``c?@octocat#1", "detail": "HTTP 404",
        },
        {
            "path": "content/papers/b.yml", "line": 4, "column": 9,
            "url": "https://example.org/x\n- @octocat [click](https://evil.example/)\u202e",
            "detail": "HTTP 404 at https://evil.example/<img src=x>@org/team",
        },
        {
            "path": "content/papers/c.yml", "line": 5, "column": 9,
            "url": "``https://example.org/@here``", "detail": "`",
        },
    ]  # fmt: skip
    for entry in hostile:
        entry["message"] = "dead link: ..."
    result = issue_run(link_report(*hostile), issues=[])
    assert result.returncode == 0, result.stderr
    body = issue_run.calls()[-1]["body"]
    tokens = MarkdownIt("commonmark").parse(body)
    items = [t for t in tokens if t.type == "list_item_open"]
    assert len(items) == 3  # the line break made no fourth item
    inline = [t for t in tokens if t.type == "inline"]
    spans = [[c.content for c in t.children if c.type == "code_inline"] for t in inline]
    assert [s for s in spans if len(s) == 3] == [
        ["content/papers/@octocat.yml:3:5", "https://example.org/a`b``c?@octocat#1", "HTTP 404"],
        [
            "content/papers/b.yml:4:9",
            "https://example.org/x\\u000a- @octocat [click](https://evil.example/)\\u202e",
            "HTTP 404 at https://evil.example/<img src=x>@org/team",
        ],
        ["content/papers/c.yml:5:9", "``https://example.org/@here``", "`"],
    ]
    outside = [
        c.content for t in inline for c in t.children if c.type not in ("code_inline", "link_open", "link_close")
    ]
    assert not any("@" in text or "#" in text or "<" in text for text in outside), outside
    links = [c.attrs["href"] for t in inline for c in t.children if c.type == "link_open"]
    assert links == [RUN_PAGE]  # the footer's, and no other
    html = [t.content for t in tokens if t.type == "html_block"]
    html += [c.content for t in inline for c in t.children if c.type == "html_inline"]
    assert html == [MARKER + "\n"]  # the hidden marker, and no other HTML


def test_a_list_too_long_for_an_issue_is_cut_saying_how_many_are_left(issue_run):
    # GitHub refuses a body over 65,536 characters; a domain that died takes many links.
    dead = [
        {**GONE, "line": n, "url": f"https://example.org/{n:04d}/" + "x" * 80} for n in range(1, 1501)
    ]
    result = issue_run(link_report(*dead), issues=[])
    assert result.returncode == 0, result.stderr
    lines = issue_run.calls()[-1]["body"].splitlines()
    assert len("\n".join(lines)) < 65_536
    items = [line for line in lines if line.startswith("- `")]
    assert items[0].startswith("- `content/papers/a.yml:1:12`: `https://example.org/0001/")
    assert lines[lines.index(items[-1]) + 1] == (
        f"- … and {1500 - len(items)} more: see [this run's summary]({RUN_PAGE})."
    )
    assert items[-1].startswith(f"- `content/papers/a.yml:{len(items)}:12`")


def test_a_list_cut_short_says_nothing_new_when_the_same_links_are_dead_again(issue_run):
    # The links past the cut were never on the issue: compared with its text alone, the
    # same links were "newly dead" again on every run, a comment (and a notification)
    # twice a week that said nothing new.
    dead = [
        {**GONE, "line": n, "url": f"https://example.org/{n:04d}/" + "x" * 80} for n in range(1, 1501)
    ]
    issue_run(link_report(*dead), issues=[])
    body = issue_run.calls()[-1]["body"]
    issue_run.log.unlink()
    result = issue_run(link_report(*dead), issues=[{"number": 12, "body": body}])
    assert result.returncode == 0, result.stderr
    assert issue_run.writes() == [["issue", "edit", "12", "--body-file", "BODY"]]
    # A link newly dead that the list shows is news, as ever.
    issue_run.log.unlink()
    result = issue_run(link_report(GONE, *dead), issues=[{"number": 12, "body": body}])
    assert result.returncode == 0, result.stderr
    comment = issue_run.calls()[-1]
    assert comment["args"][:2] == ["issue", "comment"]
    assert comment["body"].splitlines()[2:] == [GONE_ITEM]


def test_a_run_no_server_answered_writes_nothing_and_fails(issue_run):
    # A list of four links on a runner without DNS: every link "dead" in the report, and
    # `links` says no server answered (too few to call it offline). The issue opened
    # listing every link, or, with none, an open one stayed; now nothing is written.
    report = {**link_report(GONE, OLD), "links": 2, "no_server_answered": True}
    result = issue_run(report, issues=[])
    assert result.returncode == 1
    assert issue_run.calls() == []
    assert "::error::links-report.json: not one server answered the 2 link(s) asked" in result.stdout
    result = issue_run({**link_report(), "no_server_answered": True}, issues=[{"number": 12, "body": MARKER}])
    assert result.returncode == 1 and issue_run.calls() == []
    # A report that says a server answered is read as before.
    result = issue_run({**link_report(GONE), "no_server_answered": False}, issues=[])
    assert result.returncode == 0, result.stderr
    assert [args[:2] for args in issue_run.writes()] == [["issue", "create"]]


def test_the_script_reads_the_report_readinglist_links_writes(issue_run):
    # The two halves agree on the file's shape: the command's own writer, the script's reader.
    from generator import linkcheck
    from generator.errors import Location

    ref = linkcheck.LinkRef("https://example.org/gone", "code", Location("content/papers/a.yml", 7, 12))
    dead = linkcheck.Result("https://example.org/gone", linkcheck.Outcome.DEAD, 404, "HTTP 404")
    report = json.loads(linkcheck.dead_links_json([ref], {ref.url: dead}))
    result = issue_run(report, issues=[])
    assert result.returncode == 0, result.stderr
    assert GONE_ITEM in issue_run.calls()[-1]["body"].splitlines()
    # ... and its word that no server answered.
    issue_run.log.unlink()
    report = json.loads(linkcheck.dead_links_json([ref], {ref.url: dead}, no_server_answered=True))
    assert issue_run(report, issues=[]).returncode == 1 and issue_run.calls() == []


# ------------------------------------------- a change to content/ alone skips lint and tests

DECIDE = ROOT / ".github" / "scripts" / "tests_needed.py"
SEED = "content/sources/000_19bd02ae25786342.txt"  # the example's listing (tests/example_list.py)
STARTING = {
    ".gitignore": "/.cache/\n",
    "content/papers/a.yml": "id: a\ntitle: A paper\n",
    "content/papers/b.yml": "id: b\ntitle: B paper\n",
    "content/topics.yml": "topics: []\n",
    "content/schema/paper.schema.json": "{}\n",
    "generator/cli.py": "print('x')\n",
    "tests/test_x.py": "def test_x():\n    pass\n",
    "overrides/main.html": "<html></html>\n",
    "mkdocs.yml": "site_name: Lab\n",
    "pyproject.toml": "[project]\nname = 'readinglist'\n",
}


def decide_step() -> dict:
    build = load(CI)["jobs"]["build"]
    return next(s for s in steps(build) if "tests_needed.py" in s.get("run", ""))


class DecideRun:
    """The workflow's decision step, run as a runner would: its `env:` with the
    expressions filled in, its script under `bash -e`, in a checkout of a real git
    repository (the script committed in it, as in a lab's copy), with the step output
    file GitHub gives it, and the record of the last commit tested as the cache
    restored it (or none). What it decided is the output `tests`."""

    def __init__(self, tmp_path: Path, files: dict[str, str] = STARTING):
        self.work = tmp_path / "work"
        self.work.mkdir()
        git(self.work, "init", "-q", "-b", "main")
        script = self.work / ".github" / "scripts" / DECIDE.name
        script.parent.mkdir(parents=True)
        script.write_text(DECIDE.read_text(encoding="utf-8"), encoding="utf-8")
        self.start = self.commit(files, "start")
        self.bin = tmp_path / "bin"
        self.bin.mkdir()
        (self.bin / "python").symlink_to(sys.executable)
        self.output = tmp_path / "github_output"

    def commit(self, files: dict[str, str | None], message: str) -> str:
        """Commit ``files`` (None deletes one); the new commit's SHA."""
        for name, text in files.items():
            path = self.work / name
            if text is None:
                path.unlink()
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
        git(self.work, "add", "-A")
        git(self.work, "commit", "-q", "--allow-empty", "-m", message)
        return self.head()

    def head(self) -> str:
        return git(self.work, "rev-parse", "HEAD").strip()

    def pull_request(self, files: dict[str, str | None]) -> str:
        """The change on a branch, main moved meanwhile, and checked out as GitHub checks
        out a pull request: the merge of the branch into main (refs/pull/N/merge). The
        base's SHA."""
        git(self.work, "checkout", "-q", "-b", "feature")
        self.commit(files, "the pull request's change")
        git(self.work, "checkout", "-q", "main")
        base = self.commit({"generator/cli.py": "print('moved on main')\n"}, "main moved on")
        git(self.work, "checkout", "-q", "--detach", "main")
        git(self.work, "merge", "-q", "--no-ff", "-m", "Merge feature into main", "feature")
        return base

    def __call__(
        self, event: str, before: str = "", base: str = "", tested: str | None = "before"
    ) -> subprocess.CompletedProcess[str]:
        """``tested``: the recorded commit, by default ``before`` (its run passed); None
        for no record."""
        step = decide_step()
        github = {"event_name": event, "event.before": before, "event.pull_request.base.sha": base}
        env = {name: _expand(str(value), github) for name, value in step["env"].items()}
        record = self.work / env["RECORD"]
        record.unlink(missing_ok=True)
        if tested is not None:
            record.parent.mkdir(parents=True, exist_ok=True)
            record.write_text(f"{before if tested == 'before' else tested}\n")
        self.output.write_text("")
        env.update({
            "PATH": f"{self.bin}:/usr/bin:/bin", "GITHUB_OUTPUT": str(self.output),
            "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null",
        })  # fmt: skip
        return subprocess.run(
            ["bash", "-e", "-c", step["run"]], cwd=self.work, env=env, capture_output=True, text=True
        )

    def decided(self, *args: str, **kwargs: str) -> str:
        self.result = result = self(*args, **kwargs)
        assert result.returncode == 0, result.stderr
        outputs = dict(line.split("=", 1) for line in self.output.read_text().splitlines())
        assert set(outputs) == {"tests"}, outputs
        return outputs["tests"]


@pytest.fixture
def decide(tmp_path):
    return DecideRun(tmp_path)


def test_a_push_that_changes_only_content_skips_lint_and_tests(decide):
    decide.commit({"content/papers/a.yml": "id: a\ntitle: A paper, typo fixed\n"}, "typo")
    decide.commit({"content/papers/c.yml": "id: c\n", "content/topics.yml": "topics: [x]\n"}, "c")
    assert decide.decided("push", before=decide.start) == "skip"
    assert "Only content/ changed" in decide.result.stdout


def test_a_deleted_paper_is_a_change_to_content_only(decide):
    decide.commit({"content/papers/b.yml": None}, "drop b")
    assert decide.decided("push", before=decide.start) == "skip"
    assert "::notice::Only content/ changed since the last commit whose tests passed (1 file)" in (
        decide.result.stdout
    )


@pytest.mark.parametrize(
    "changed",
    [
        {"generator/cli.py": "print('y')\n"},
        {"tests/test_x.py": "def test_x():\n    assert False\n"},
        {"mkdocs.yml": "site_name: Lab list\n"},
        {"overrides/main.html": "<html><body></body></html>\n"},
        {"pyproject.toml": "[project]\nname = 'readinglist2'\n"},
        {".github/workflows/ci.yml": "name: CI\n"},
        {"README.md": "# A list\n"},
        # Written from generator/schema.py, and a test compares them: the tool's output.
        {"content/schema/paper.schema.json": '{"type": "object"}\n'},
        # The example's listing is how the tests tell the example from a lab's own list.
        {SEED: "a listing\n"},
    ],
    ids=lambda files: next(iter(files)),
)
def test_a_push_that_changes_anything_else_too_runs_them(decide, changed):
    decide.commit({"content/papers/a.yml": "id: a\ntitle: Another\n"}, "content")
    decide.commit(changed, "and more")
    assert decide.decided("push", before=decide.start) == "run"


@pytest.mark.parametrize(
    "source, target",
    [("content/papers/b.yml", "b.yml"), ("generator/cli.py", "content/cli.py")],
    ids=["out-of-content", "into-content"],
)
def test_a_file_moved_across_contents_edge_runs_them(decide, source, target):
    git(decide.work, "mv", source, target)
    git(decide.work, "commit", "-q", "-m", "move")
    assert decide.decided("push", before=decide.start) == "run"
    # Its path outside content/, whichever end that is.
    outside = target if source.startswith("content/") else source
    assert f"Lint and Test run: {outside} changed since" in decide.result.stdout


def test_a_push_that_changes_no_file_runs_them(decide):
    decide.commit({}, "an empty commit")
    assert decide.decided("push", before=decide.start) == "run"
    assert "no file changed since" in decide.result.stdout


def test_the_shipped_example_runs_them_on_a_change_to_content_only(tmp_path):
    # Its own tests (marked `example`) check the example's content itself: its papers
    # against generator/data/example-list.txt, its topics' quality, its search results.
    decide = DecideRun(tmp_path, {**STARTING, SEED: "the example's listing\n"})
    decide.commit({"content/papers/a.yml": "id: a\ntitle: A paper, typo fixed\n"}, "typo")
    assert decide.decided("push", before=decide.start) == "run"


@pytest.mark.parametrize(
    "before",
    [
        "0" * 40,  # the first push of a branch: nothing before it
        "",  # no such field (an event without it)
        "1234567890abcdef1234567890abcdef12345678",  # a commit this clone does not have
        "not-a-sha; touch hacked",  # never run as a command
        "--output=hacked",  # nor read as an option of git's
    ],
    ids=["first-push", "empty", "unknown", "garbage", "option"],
)
def test_a_push_with_no_known_commit_before_it_runs_them(decide, before):
    decide.commit({"content/papers/a.yml": "id: a\ntitle: Typo fixed\n"}, "typo")
    assert decide.decided("push", before=before) == "run"
    assert not (decide.work / "hacked").exists()
    if before.startswith("0"):
        assert "the first push of this branch" in decide.result.stdout


def test_a_force_push_whose_before_is_not_in_the_history_runs_them(decide):
    dropped = decide.commit({"content/papers/b.yml": "id: b\ntitle: Dropped\n"}, "pushed, then replaced")
    git(decide.work, "reset", "-q", "--hard", decide.start)
    decide.commit({"content/papers/a.yml": "id: a\ntitle: Typo fixed\n"}, "typo")
    # The tree differs from the dropped commit's only in content/, but what the branch
    # lost (and what the last run tested) is not known.
    assert decide.decided("push", before=dropped) == "run"
    assert "is not in this branch's history (a force-push?)" in decide.result.stdout


def test_a_push_after_a_commit_whose_tests_did_not_pass_runs_them(decide):
    # Its run failed, or never ran (a newer push took its place in the queue): the
    # commit before this push changed code no run has tested.
    untested = decide.commit({"generator/cli.py": "print('broken')\n"}, "code")
    decide.commit({"content/papers/a.yml": "id: a\ntitle: Typo fixed\n"}, "typo")
    assert decide.decided("push", before=untested, tested=decide.start) == "run"
    assert "generator/cli.py changed since the last commit whose tests passed" in decide.result.stdout
    assert decide.decided("push", before=untested, tested=untested) == "skip"  # had it passed


@pytest.mark.parametrize("tested", [None, "", "not a commit", "1234567890abcdef1234567890abcdef12345678"])
def test_a_push_with_no_usable_record_of_a_commit_tested_runs_them(decide, tested):
    # None: no record (the first run, or GitHub deleted the cache entry unused for 7 days).
    decide.commit({"content/papers/a.yml": "id: a\ntitle: Typo fixed\n"}, "typo")
    assert decide.decided("push", before=decide.start, tested=tested) == "run"


def test_a_record_of_a_commit_the_branch_no_longer_holds_runs_them(decide):
    dropped = decide.commit({"content/papers/b.yml": "id: b\ntitle: Dropped\n"}, "replaced later")
    git(decide.work, "reset", "-q", "--hard", decide.start)
    decide.commit({"content/papers/a.yml": "id: a\ntitle: Typo fixed\n"}, "typo")
    assert decide.decided("push", before=decide.start, tested=dropped) == "run"
    assert "the last commit whose tests passed" in decide.result.stdout
    assert "is not in this branch's history" in decide.result.stdout


def test_the_record_step_writes_the_commit_the_next_run_compares_with(decide):
    build = load(CI)["jobs"]["build"]
    (step,) = [s for s in steps(build) if s.get("name") == "Record that this commit's tests passed"]
    tested = decide.commit({"generator/cli.py": "print('tested')\n"}, "code, tested")
    result = subprocess.run(
        ["bash", "-e", "-c", step["run"]], cwd=decide.work, env=GIT_ENV, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    record = decide.work / decide_step()["env"]["RECORD"]
    assert record.read_text() == f"{tested}\n"
    decide.commit({"content/papers/a.yml": "id: a\ntitle: Typo fixed\n"}, "typo")
    assert decide.decided("push", before=tested, tested=record.read_text()) == "skip"


def test_a_run_started_by_hand_runs_them(decide):
    decide.commit({"content/papers/a.yml": "id: a\ntitle: Typo fixed\n"}, "typo")
    assert decide.decided("workflow_dispatch", before="") == "run"


def test_a_pull_request_that_changes_only_content_skips_them(decide):
    base = decide.pull_request({"content/papers/a.yml": "id: a\ntitle: Typo fixed\n"})
    # main's own change since the branch started (generator/) is not the request's.
    assert decide.decided("pull_request", base=base) == "skip"


def test_a_pull_request_that_changes_code_runs_them(decide):
    base = decide.pull_request({"content/papers/a.yml": "id: a\ntitle: X\n", "generator/new.py": "\n"})
    assert decide.decided("pull_request", base=base) == "run"


def test_a_pull_request_whose_base_is_unknown_runs_them(decide):
    decide.pull_request({"content/papers/a.yml": "id: a\ntitle: Typo fixed\n"})
    assert decide.decided("pull_request", base="") == "run"
    assert decide.decided("pull_request", base="1234567890abcdef1234567890abcdef12345678") == "run"


def test_outside_a_git_repository_it_runs_them(decide):
    shutil.rmtree(decide.work / ".git")
    assert decide.decided("push", before=decide.start) == "run"


def test_the_decision_comes_first_and_lint_and_test_run_unless_it_says_skip():
    build = load(CI)["jobs"]["build"]
    names = [s.get("name") for s in steps(build)]
    step = decide_step()
    record = ".cache/tested-commit"
    assert step["env"] == {
        "EVENT": "${{ github.event_name }}",
        "BEFORE": "${{ github.event.before }}",
        "BASE": "${{ github.event.pull_request.base.sha }}",
        "RECORD": record,
    }
    assert step["run"] == f"python .github/scripts/{DECIDE.name}"
    only_if = f"steps.{step['id']}.outputs.tests != 'skip'"  # no output (a failure): run
    skippable = [s["name"] for s in steps(build) if s.get("if") == only_if]
    assert skippable == ["Lint", "Test"]
    assert names.index(step["name"]) < names.index("Lint") < names.index("Test")
    # The record of the last commit tested: restored before the decision; written and
    # saved after Lint and Test passed (never when they were skipped), on a push or a
    # run started by hand, under this commit's key (the newest one is restored).
    restore = next(s for s in steps(build) if s.get("uses", "").startswith("actions/cache/restore@"))
    assert restore["with"] == {"path": record, "key": "tested-${{ github.sha }}", "restore-keys": "tested-"}
    assert names.index(restore["name"]) < names.index(step["name"])
    write = next(s for s in steps(build) if s.get("name") == "Record that this commit's tests passed")
    save = next(s for s in steps(build) if s.get("uses", "").startswith("actions/cache/save@"))
    assert save["with"] == {"path": record, "key": "tested-${{ github.sha }}"}
    assert names.index("Test") < names.index(write["name"]) == names.index(save["name"]) - 1
    assert write["if"] == save["if"] == f"{only_if} && github.event_name != 'pull_request'"
    # Every other step runs as before: the check and the strict build catch what a
    # change to content/ can break.
    for other in steps(build):
        if other not in (write, save) and other.get("name") not in (
            "Lint", "Test", "Upload the site for GitHub Pages"
        ):  # fmt: skip
            assert "if" not in other, other.get("name")
    # The history the script compares with: every commit of the branches, not one.
    checkout = next(s for s in steps(build) if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"] == {"persist-credentials": False, "fetch-depth": 0}


def test_the_script_knows_the_examples_listing_as_the_tests_do():
    from tests import example_list

    assert (ROOT / SEED) == example_list.SEED
    assert f'"{SEED}"' in DECIDE.read_text(encoding="utf-8")
