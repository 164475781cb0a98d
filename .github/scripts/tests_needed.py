"""Tell CI whether its Lint and Test steps need to run: not for a change to content/ alone.

    python .github/scripts/tests_needed.py

Run by the CI workflow after the checkout, with EVENT (the event's name), BEFORE (a
push's commit before it), BASE (a pull request's base commit) and RECORD (a file holding
the last commit of the branch whose tests passed, which the workflow writes after its
Test step and keeps in its cache) in its environment. It writes `tests=skip` or
`tests=run` to the step's output (the file GITHUB_OUTPUT names) and says why in the log.

The tests test the tool: a curator's edit of content/ (a typo in a paper's YAML) cannot
make them fail where `readinglist check` and the strict build, which always run, would
not. So a pull request whose every changed file is under content/ skips them, and so
does a push whose every file changed since the last commit whose tests passed is: the
fixed typo is online in minutes, not half an hour. Everything else runs them:

* a file changed outside content/ (a file moved out of it changes a path outside too);
* content/schema/ changed: the generator writes those files and a test compares them;
* content/ holds the shipped example (its listing, SEED, is there or was changed): the
  example's own tests (marked `example`, see tests/example_list.py) check its content;
* the script cannot tell what changed: a run started by hand, the first push of a
  branch (BEFORE all zeros), a force-push (BEFORE not in the branch's history), no
  record of a commit whose tests passed (the first run, or GitHub deleted the cache
  entry, unused for 7 days) or one not in the branch's history, a base or commit this
  clone does not have, no file changed at all, any error of git's.

It compares commits, so the checkout must hold them (fetch-depth: 0). It needs only
the standard library and git, and is tested on real repositories
(tests/test_workflows.py).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

CONTENT = "content/"
# Under content/ but the generator's output, which a test holds to generator/schema.py.
GENERATED = ("content/schema/",)
# The example's listing: while content/ holds it, content/ is the example, which tests
# check (the same file tests/example_list.py tells the example by).
SEED = "content/sources/000_19bd02ae25786342.txt"
# A full commit id (SHA-1, or SHA-256): anything else in BEFORE or BASE is never given
# to git, so no value can be read as one of its options.
COMMIT = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")


def git(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], capture_output=True, text=True, check=False)


def unusable(commit: str, what: str) -> str | None:
    """Why ``commit`` cannot be compared with (None: it can)."""
    if commit and set(commit) == {"0"}:
        return "the first push of this branch: no commit before it to compare with"
    if not COMMIT.fullmatch(commit):
        return f"{what} is not a commit id"  # (not said: it could hold a line break)
    found = git("merge-base", "--is-ancestor", commit, "HEAD")
    if found.returncode == 1:
        return f"{what}, {commit}, is not in this branch's history (a force-push?)"
    if found.returncode != 0:
        return f"{what}, {commit}, is not in this clone: {found.stderr.strip()}"
    return None


def compared_with(event: str, before: str, base: str, record: str) -> tuple[str | None, str]:
    """The commit this run's HEAD is compared with, or None and why there is none."""
    if event == "pull_request":
        what = "the pull request's base"
        why = unusable(base, what)
        return (None, why) if why else (base, what)
    if event != "push":
        return None, f"a {event or 'run'} event, which names no commit to compare with"
    why = unusable(before, "the commit before the push")
    if why:
        return None, why
    # Not the commit before: its run may have failed, or never run (a newer push took
    # its place in the queue), and its code was then never tested.
    try:
        tested = Path(record).read_text(encoding="utf-8").strip() if record else ""
    except OSError:
        tested = ""
    if not tested:
        return None, "no record of a commit whose tests passed (none yet, or expired)"
    what = "the last commit whose tests passed"
    why = unusable(tested, what)
    return (None, why) if why else (tested, what)


def decide(event: str, before: str, base: str, record: str) -> tuple[bool, str]:
    """(run the tests?, why)."""
    commit, what = compared_with(event, before, base, record)
    if commit is None:
        return True, what
    diff = git("diff", "--name-only", "--no-renames", "-z", commit, "HEAD")
    if diff.returncode != 0:
        return True, f"git could not compare with {what}: {diff.stderr.strip()}"
    changed = sorted(filter(None, diff.stdout.split("\0")))
    if not changed:
        return True, f"no file changed since {what}, {commit}"
    outside = [p for p in changed if not p.startswith(CONTENT) or p.startswith(GENERATED)]
    if outside:
        more = f" and {len(outside) - 1} more" if len(outside) > 1 else ""
        return True, f"{outside[0]}{more} changed since {what}"
    if SEED in changed or git("cat-file", "-e", f"HEAD:{SEED}").returncode == 0:
        return True, f"content/ holds the shipped example ({SEED}), which its tests check"
    files = f"{len(changed)} file{'s' * (len(changed) > 1)}"
    return False, (
        f"Only content/ changed since {what} ({files}): the Lint and Test steps are"
        " skipped; the check and the strict build test the content"
    )


def main() -> int:
    try:
        names = ("EVENT", "BEFORE", "BASE", "RECORD")
        run, why = decide(*(os.environ.get(name, "") for name in names))
    except OSError as exc:  # no git at all
        run, why = True, f"git could not run: {exc}"
    if run:
        print(f"Lint and Test run: {why}.")
    else:
        print(f"::notice::{why}.")
    output = os.environ.get("GITHUB_OUTPUT")
    if output:
        with open(output, "a", encoding="utf-8") as file:
            file.write(f"tests={'run' if run else 'skip'}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
