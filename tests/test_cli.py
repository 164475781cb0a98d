"""The command line's own behaviour, shared by every command."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_a_reader_closing_the_pipe_is_not_an_error():
    # `readinglist topics | head -1`: the pipe closes before the command has written.
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "topics"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    process.stdout.close()
    _, stderr = process.communicate(timeout=60)
    assert b"Traceback" not in stderr, stderr.decode()
    assert b"BrokenPipeError" not in stderr
    assert process.returncode == 0


def test_every_command_has_help():
    result = subprocess.run(
        [sys.executable, "-m", "generator", "--help"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0
    for command in ("import", "check", "build", "serve", "topics", "search", "links"):
        assert f"    {command} " in result.stdout
