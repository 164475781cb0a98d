"""A hand-written page's front matter (`---`, YAML, `---` at its top), read as MkDocs
reads it.

MkDocs takes the block as the page's settings (`title:`, `template:`, `hide:`) only
when it is YAML of keys and values; otherwise it says nothing and shows the block as
text: `title: About: us` (a second colon unquoted) became a heading "title: About: us"
under a rule, on a site that built without a word. Said here, at its line and column.
"""

from __future__ import annotations

import re

import yaml

from . import yamlio
from .errors import Location, Problems

# mkdocs.utils.meta.YAML_RE: the block MkDocs reads as front matter (the page's text
# as MkDocs reads it: no byte order mark, "\n" line ends).
_BLOCK = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)

_SHOWN = "MkDocs would show it on the page as text"


def front_matter_problems(text: str, shown: str, problems: Problems) -> None:
    """Report the front matter of ``text`` (a page's, read by yamlio.read_text) that
    MkDocs cannot take as the page's settings; ``shown`` is the page's path."""
    block = _BLOCK.match(text)
    if block is None:
        return
    body = block.group(1)
    # Only the syntax, with the same explanations as a curation file's: the rest of
    # what the reader of curation files refuses (anchors, tags) MkDocs reads.
    read = Problems()
    yamlio.parse(body, shown, read)
    syntax = [p for p in read.errors if p.message.startswith("YAML syntax error")]
    for problem in syntax:
        where = problem.location  # (its line in the block; the block starts at line 2)
        problems.error(
            Location(shown, (where.line or 1) + 1, where.col or 1),
            f"front matter: {problem.message}; {_SHOWN} until it is fixed",
        )
    if syntax:
        return
    try:
        data = yaml.load(body, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return  # (what MkDocs' loader refuses beyond syntax: it shows the block as text too)
    if data is None:  # (harmless but for the two rules it shows)
        problems.warning(
            Location(shown, 1, 1),
            "front matter is empty: MkDocs shows its two '---' lines as rules; remove them",
        )
    elif not isinstance(data, dict):
        problems.error(
            Location(shown, 2, 1),
            "front matter: not keys and values (write 'title: About', one a line, between"
            f" the two '---' lines, or remove them); {_SHOWN}",
        )
