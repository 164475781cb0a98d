"""What a command that answers from the list (`topics`, `gaps`) says of its errors."""

from __future__ import annotations

import sys
from pathlib import Path

from ..errors import Problems, counted


# What `topics` and `gaps` answer for a list with nothing yet to count (a list `init`
# just started): a table of zeros, and "No paper lacks anything", answered nothing.
NO_PAPERS = (
    "No papers yet in content/papers/: bring them in with readinglist import FILE (BibTeX,"
    " RIS, a Markdown list) or readinglist add ID (an arXiv id or a DOI)."
)
NO_TOPICS = (
    "No topics yet: write them in content/topics.yml, under 'topics:' (its comment says how"
    ' they match papers; README: "Defining a topic").'
)


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
