"""The GitHub workflow files: valid by GitHub's schema, pinned, least-privilege, race-free."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"
CI = WORKFLOWS / "ci.yml"
LINKS = WORKFLOWS / "links.yml"
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
    assert [f.name for f in files] == ["ci.yml", "links.yml"]
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


@pytest.mark.parametrize("path", [CI, LINKS], ids=lambda p: p.name)
def test_every_action_is_pinned_by_a_full_commit_sha_with_its_version(path):
    lines = [line for line in path.read_text().splitlines() if re.match(r"\s*-?\s*uses:", line)]
    assert lines, "no actions used at all?"
    for line in lines:
        assert re.fullmatch(r"\s*-?\s*uses: [\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+(\.\d+)*", line), (
            f"{path.name}: not pinned by SHA with a '# vX' comment: {line.strip()}"
        )


def test_same_action_is_pinned_to_the_same_commit_everywhere():
    pins: dict[str, set[str]] = {}
    for path in (CI, LINKS):
        for action, sha in re.findall(r"uses: ([\w./-]+)@([0-9a-f]{40})", path.read_text()):
            pins.setdefault(action, set()).add(sha)
    assert {a: s for a, s in pins.items() if len(s) > 1} == {}


def test_ci_runs_on_pull_requests_and_pushes_to_main():
    on = load(CI)["on"]
    assert "pull_request" in on
    assert on["push"]["branches"] == ["main"]


@pytest.mark.parametrize("path", [CI, LINKS], ids=lambda p: p.name)
def test_workflows_may_only_read_the_repository_by_default(path):
    assert load(path)["permissions"] == {"contents": "read"}


def test_only_the_deploy_job_may_write_and_only_to_pages():
    jobs = load(CI)["jobs"]
    for name, job in jobs.items():
        if name == "deploy":
            assert job["permissions"] == {"pages": "write", "id-token": "write"}
        else:
            assert "permissions" not in job, f"job {name} widens the permissions"
    for name, job in load(LINKS)["jobs"].items():
        assert "permissions" not in job, f"links job {name} widens the permissions"


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


def test_the_link_check_is_weekly_never_on_pull_requests_and_never_red():
    data = load(LINKS)
    assert set(data["on"]) == {"schedule", "workflow_dispatch"}
    (schedule,) = data["on"]["schedule"]
    minute, hour, day, month, weekday = schedule["cron"].split()
    assert (day, month) == ("*", "*") and weekday.isdigit()  # once a week
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


@pytest.mark.parametrize("path", [CI, LINKS], ids=lambda p: p.name)
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
