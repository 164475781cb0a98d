"""CI turns each problem `readinglist check` prints into a GitHub annotation, through the
problem matcher in .github/problem-matchers/: these tests hold its pattern to check's
real output (every problem, with its file, line, column and severity) and keep it off
the other lines a CI log has."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import yaml

from generator.cli import main

ROOT = Path(__file__).resolve().parents[1]
MATCHER = ROOT / ".github" / "problem-matchers" / "readinglist.json"
WORKFLOW = ROOT / ".github" / "workflows" / "ci.yml"
DATA = Path(__file__).parent / "data" / "check"


def matcher() -> tuple[dict, dict, re.Pattern]:
    (only,) = json.loads(MATCHER.read_text(encoding="utf-8"))["problemMatcher"]
    (pattern,) = only["pattern"]
    # GitHub runs the pattern as a JavaScript regular expression; this one uses nothing
    # (lookbehind, named groups, flags) that the two languages read differently.
    return only, pattern, re.compile(pattern["regexp"])


def annotation(line: str) -> dict | None:
    """What GitHub makes of one log line: the annotation's fields, or None."""
    only, pattern, regexp = matcher()
    found = regexp.match(line)
    if found is None:
        return None
    return {
        "file": found.group(pattern["file"]),
        "line": found.group(pattern["line"]),
        "column": found.group(pattern["column"]),
        "severity": found.group(pattern["severity"]) or only["severity"],
        "message": found.group(pattern["message"]),
    }


def check_output(capsys, root: Path) -> tuple[int, list[str]]:
    status = main(["--root", str(root), "check"])
    return status, capsys.readouterr().out.splitlines()


def test_every_error_check_prints_is_an_annotation_at_its_line_and_column(capsys):
    status, lines = check_output(capsys, DATA / "mistakes")
    assert status == 1
    *problems, summary = lines
    assert len(problems) == 8
    found = [annotation(line) for line in problems]
    assert all(a is not None for a in found), [line for line, a in zip(problems, found) if a is None]
    assert [(a["file"], a["line"], a["column"], a["severity"]) for a in found][:2] == [
        ("content/papers/several-mistakes.yml", "4", "1", "error"),
        ("content/papers/several-mistakes.yml", "5", "7", "error"),
    ]
    # The message is the problem's own words, colons and all ('javascript:' URL).
    assert found[4]["message"] == "'url' must be an http(s) URL, not a 'javascript:' URL"
    assert annotation(summary) is None


def test_a_warning_is_a_warning_annotation_without_its_prefix(capsys, tmp_path):
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "topics.yml").write_text("topics:\n  - id: t\n    title: T\n")
    status, lines = check_output(capsys, tmp_path)
    assert status == 0
    assert annotation(lines[0]) == {
        "file": "content/topics.yml", "line": "2", "column": "9", "severity": "warning",
        "message": "topic 't' has no papers",
    }


def test_a_problem_of_a_whole_file_is_an_annotation_of_the_file(capsys, tmp_path):
    shutil.copytree(DATA / "good" / "content", tmp_path / "content")
    (tmp_path / "content" / "repositories.yml").mkdir()
    status, lines = check_output(capsys, tmp_path)
    assert status == 1
    (problem,) = [line for line in lines if "repositories.yml" in line]
    assert annotation(problem) == {
        "file": "content/repositories.yml", "line": None, "column": None, "severity": "error",
        "message": "this is no file: the repositories' figures are a YAML file",
    }


def test_other_lines_of_a_ci_log_are_no_annotations():
    for line in [
        "0 errors, 2 warnings (180 papers and 16 topics loaded)",
        "site_url: https://example.github.io/readinglist/",
        "INFO    -  Cleaning site directory",
        "INFO    -  Documentation built in 12.31 seconds",
        "The site is in site/. Open it through a web server (search needs one): readinglist serve",
        "Run readinglist check",
        "  content/papers/x.yml:3:1: indented, as pytest's output quotes it",
        "tests/test_curation.py:12: AssertionError",
    ]:
        assert annotation(line) is None, line


def test_ci_annotates_the_check_step_only_and_keeps_its_exit_status():
    steps = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]["build"]["steps"]
    (check,) = [s for s in steps if s.get("name") == "Check the curation files"]
    script = check["run"].splitlines()
    relative = MATCHER.relative_to(ROOT).as_posix()
    assert script[0] == f'echo "::add-matcher::{relative}"'
    assert 'echo "::remove-matcher owner=readinglist::"' in script
    assert script[-1] == 'exit "$status"'
    (only, _, _) = matcher()
    assert only["owner"] == "readinglist"
