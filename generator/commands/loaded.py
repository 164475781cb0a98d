"""What a command that answers from the list (`topics`, `gaps`) says of its errors."""

from __future__ import annotations

import sys
from pathlib import Path

from ..errors import Problems, counted


def say_errors(problems: Problems, root: Path | None = None, stopped: str = "") -> int:
    """Prints the errors of loading content/ to stderr, since the answer leaves out what
    they concern (warnings are `check`'s to list: each, on every call, would bury the
    answer), and with ``root`` how many warnings `check` lists there (those of
    check.beside_content too, mkdocs.yml's and the hand pages': a count other than
    check's sends the curator looking for what is not there). ``stopped``: what the
    errors stop the command from giving, when no answer follows (the wrong folder,
    nothing read), said as `cli.main` says what an error stopped ("1 error; nothing was
    listed."). Returns the exit status: 1 with errors, else 0."""
    for problem in problems.sorted():
        if problem.severity.value == "error":
            print(problem, file=sys.stderr)
    if stopped and problems.has_errors():
        print(f"{counted(len(problems.errors), 'error')}; {stopped}.", file=sys.stderr)
        return 1
    # (mkdocs.yml's errors are not counted: what content/ answers does not hang on them.)
    if root is not None:
        from .check import beside_content

        warnings = len(problems.warnings) + len(beside_content(root).warnings)
        if warnings:
            print(f"({warnings} warning(s): readinglist check lists them)", file=sys.stderr)
    if not problems.has_errors():
        return 0
    print(
        f"{counted(len(problems.errors), 'error')} in content/; what follows leaves out what"
        " they concern",
        file=sys.stderr,
    )
    return 1
