"""What a command that answers from the list (`topics`, `gaps`) says of its errors."""

from __future__ import annotations

import sys

from ..errors import Problems, counted


def say_errors(problems: Problems, warnings_note: bool = False, stopped: str = "") -> int:
    """Prints the errors of loading content/ to stderr, since the answer leaves out what
    they concern (warnings are `check`'s to list: each, on every call, would bury the
    answer), and with ``warnings_note`` how many warnings there are. ``stopped``: what
    the errors stop the command from giving, when no answer follows (the wrong folder,
    nothing read), said as `cli.main` says what an error stopped ("1 error; nothing was
    listed."). Returns the exit status: 1 with errors, else 0."""
    for problem in problems.sorted():
        if problem.severity.value == "error":
            print(problem, file=sys.stderr)
    if stopped and problems.has_errors():
        print(f"{counted(len(problems.errors), 'error')}; {stopped}.", file=sys.stderr)
        return 1
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
