"""`readinglist check`: validate content/ and print every problem as path:line:col."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..errors import Problems, counted

HELP = "validate content/ and report every problem as path:line:col"


EXIT = "exit status: 0 when the content has no error (warnings alone: 0), 1 when it has one"

def add_arguments(parser: argparse.ArgumentParser) -> None:
    pass  # (--root, before or after the command: cli.py)


def run(args: argparse.Namespace) -> int:
    from ..curation import load_content
    from ..handlinks import check_hand_anchors

    root = Path(args.root)
    content, problems = load_content(root / "content", root, root_given=args.root_given)
    # (Not in load_content: a build checks the anchors of the pages it renders, and
    # `serve` shows its pages with such a link. See handlinks.check_hand_anchors.)
    check_hand_anchors(root / "content", root, content, problems)
    problems.extend(beside_content(root, args.root_given))
    for problem in problems.sorted():
        print(problem)
    print(
        summary(
            len(problems.errors), len(problems.warnings), len(content.papers), len(content.topics)
        )
    )
    return 1 if problems.has_errors() else 0


def beside_content(root: Path, root_given: bool = False) -> Problems:
    """The problems `check` finds besides loading content/: mkdocs.yml's (build and
    serve stop on them too, and on its absence), what a list of one's own still shows
    of the shipped example, its MkDocs `repo_url` (the repository is `extra.repository`),
    and the theme templates hand pages name that it lacks."""
    from ..siteconfig import config_problems, example_left, no_config, repository_setting

    problems = config_problems(root)
    problems.extend(no_config(root, root_given))
    problems.extend(example_left(root))
    problems.extend(repository_setting(root))
    if _may_name_a_template(root / "content" / "pages"):  # (build and serve stop on it too)
        from ..theme_errors import hand_page_templates

        problems.extend(hand_page_templates(root))
    return problems


def _may_name_a_template(folder: Path) -> bool:
    """Whether a hand page's text has the word at all: most name no template, and
    their check then loads neither MkDocs nor the theme (a second)."""
    for path in folder.glob("*.md"):
        try:
            if b"template" in path.read_bytes():
                return True
        except OSError:
            pass  # (an Emacs lock `.#page.md`, a link to nothing)
    return False


def summary(errors: int, warnings: int, papers: int, topics: int) -> str:
    return (
        f"{counted(errors, 'error')}, {counted(warnings, 'warning')}"
        f" ({counted(papers, 'paper')} and {counted(topics, 'topic')} loaded)"
    )
