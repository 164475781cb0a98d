"""mkdocs.yml as a curator edits it: its YAML mistakes, reported as path:line:col.

The README sends curators to mkdocs.yml (site_name, site_description), and a title
there is as likely to hold a colon as a paper's. MkDocs itself stops on such a file
with a traceback-shaped message; `check`, `build` and `serve` report it as they report
a paper file's, with the same explanations (yamlio.explain_syntax_error).
"""

from __future__ import annotations

from pathlib import Path

from . import mergemarkers, yamlio
from .errors import Location, Problems
from .yamlfile import display

CONFIG = "mkdocs.yml"
_SYNTAX = "YAML syntax error"


def config_problems(root: Path) -> Problems:
    """The YAML syntax errors of ``root``/mkdocs.yml, git's conflict markers among them
    (none if there is no such file: the commands say so themselves)."""
    path = Path(root) / CONFIG
    problems = Problems()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return problems
    except UnicodeDecodeError as error:
        problems.error(Location(display(path, Path(root))), f"not UTF-8 text ({error.reason}); save it as UTF-8")
        return problems
    # Only the syntax: the rest of what the reader of curation files refuses (tags such
    # as !ENV, anchors) is MkDocs' to read.
    read = Problems()
    yamlio.parse(text, display(path, Path(root)), read)
    for problem in read.errors:
        if problem.message.startswith(_SYNTAX) or problem.message == mergemarkers.CONFLICT:
            problems.error(problem.location, problem.message)
    return problems


def key_location(root: Path, key: str) -> Location:
    """Where ``root``/mkdocs.yml sets ``key`` at its top: MkDocs names the key of a
    value it refuses ("Config value 'theme': ..."), not its line (the file alone when
    the file does not set it, or cannot be read)."""
    path = Path(root) / CONFIG
    shown = display(path, Path(root))
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return Location(shown)
    tree = yamlio.parse(text, shown, Problems())
    node = tree.key_node(key) if isinstance(tree, yamlio.Map) else None
    return node.loc if node is not None else Location(shown)
