"""Git for the tests that make a repository: a committer, and no user's or system's
configuration (a machine's own, or CI's none, would change what git does or refuse a
commit without a name)."""

from __future__ import annotations

import subprocess
from pathlib import Path

IDENTITY = {
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": "/dev/null",
    "GIT_AUTHOR_NAME": "Curator",
    "GIT_AUTHOR_EMAIL": "curator@example.org",
    "GIT_COMMITTER_NAME": "Curator",
    "GIT_COMMITTER_EMAIL": "curator@example.org",
}
# The whole environment of a git run that needs nothing else (no HOME, no user's PATH).
GIT_ENV = {"PATH": "/usr/bin:/bin", **IDENTITY}


def git(cwd: Path, *args: str) -> str:
    """git's output of ``args`` run in ``cwd``; the test fails on an error."""
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, env=GIT_ENV)
    assert done.returncode == 0, done.stderr
    return done.stdout
