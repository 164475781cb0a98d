"""What a command that answers from the list (`topics`, `gaps`) says of its errors."""

from __future__ import annotations

import sys
from pathlib import Path

from ..errors import Problems, counted


def say_errors(problems: Problems, root: Path | None = None, stopped: str = "") -> int:
    """Prints the errors of loading content/ to stderr, since the answer leaves out what
    they concern (warnings are `check`'s to list: each, on every call, would bury the
    answer), and with ``root`` how many more problems `check` lists there: the
    warnings, and check.beside_content's errors, mkdocs.yml's and the hand pages' (not
    printed: what content/ answers does not hang on them); a count other than check's
    sends the curator looking for what is not there, or past an error. ``stopped``: what the
    errors stop the command from giving, when no answer follows (the wrong folder,
    nothing read), said as `cli.main` says what an error stopped ("1 error; nothing was
    listed."). Returns the exit status: 1 with errors, else 0."""
    for problem in problems.sorted():
        if problem.severity.value == "error":
            print(problem, file=sys.stderr)
    if stopped and problems.has_errors():
        print(f"{counted(len(problems.errors), 'error')}; {stopped}.", file=sys.stderr)
        return 1
    if root is not None:
        from .check import beside_content

        beside = beside_content(root)
        warnings = len(problems.warnings) + len(beside.warnings)
        # ("more": those of content/ are printed above, and the two add up to check's.)
        more = "more " if problems.has_errors() else ""
        counts = [f"{len(beside.errors)} {more}error(s)"] if beside.has_errors() else []
        counts += [f"{warnings} warning(s)"] if warnings else []
        if counts:
            print(f"({' and '.join(counts)}: readinglist check lists them)", file=sys.stderr)
    if not problems.has_errors():
        return 0
    print(
        f"{counted(len(problems.errors), 'error')} in content/; what follows leaves out what"
        " they concern",
        file=sys.stderr,
    )
    return 1
