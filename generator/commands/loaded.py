"""What a command that answers from the list (`topics`, `gaps`) says of its errors."""

from __future__ import annotations

import sys

from ..errors import Problems, counted


def say_errors(problems: Problems, warnings_note: bool = False) -> int:
    """Prints the errors of loading content/ to stderr, since the answer leaves out what
    they concern (warnings are `check`'s to list: each, on every call, would bury the
    answer), and with ``warnings_note`` how many warnings there are. Returns the exit
    status: 1 with errors, else 0."""
    for problem in problems.sorted():
        if problem.severity.value == "error":
            print(problem, file=sys.stderr)
    warnings = len(problems.items) - len(problems.errors)
    if warnings_note and warnings:
        print(f"({warnings} warning(s) in content/: readinglist check lists them)", file=sys.stderr)
    if not problems.has_errors():
        return 0
    print(
        f"{counted(len(problems.errors), 'error')} in content/; what follows leaves out what"
        " they concern",
        file=sys.stderr,
    )
    return 1
