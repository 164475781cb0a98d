"""`readinglist check`: validate content/ and print every problem as path:line:col."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..errors import counted

HELP = "validate content/ and report every problem as path:line:col"


EXIT = "exit status: 0 when the content has no error (warnings alone: 0), 1 when it has one"

def add_arguments(parser: argparse.ArgumentParser) -> None:
    pass  # (--root, before or after the command: cli.py)


def run(args: argparse.Namespace) -> int:
    from ..curation import load_content
    from ..siteconfig import config_problems

    root = Path(args.root)
    content, problems = load_content(root / "content", root)
    problems.extend(config_problems(root))  # (build and serve stop on it too)
    for problem in problems.sorted():
        print(problem)
    print(
        summary(
            len(problems.errors), len(problems.warnings), len(content.papers), len(content.topics)
        )
    )
    return 1 if problems.has_errors() else 0


def summary(errors: int, warnings: int, papers: int, topics: int) -> str:
    return (
        f"{counted(errors, 'error')}, {counted(warnings, 'warning')}"
        f" ({counted(papers, 'paper')} and {counted(topics, 'topic')} loaded)"
    )
