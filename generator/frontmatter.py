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
from .quoting import quoted

# mkdocs.utils.meta.YAML_RE: the block MkDocs reads as front matter (the page's text
# as MkDocs reads it: no byte order mark, "\n" line ends).
_BLOCK = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)

# The same block ending the file without a line end: MkDocs' pattern wants one, so a
# page that is only its settings (`template: wide.html`) showed them as text.
_UNENDED = re.compile(r"^-{3}[ \t]*\n(.*?\n)((?:\.{3}|-{3})[ \t]*)\Z", re.DOTALL)

_SHOWN = "MkDocs would show it on the page as text"
# A block meant as front matter: its first line (blank lines and comments aside) is a
# setting, `title:` or `template: wide.html`. Any other is Markdown between two rules
# (`---`, a paragraph or a heading, `---`), which MkDocs shows as the page's start, as
# it was written to be: no mistake to say.
_MEANT = re.compile(r"(?:[ \t]*(?:#[^\n]*)?\n)*[A-Za-z_][\w-]*[ \t]*:(?:[ \t]|\n)")
_KINDS = {"timestamp": "date"}  # (YAML's names of the types a value is read as)


def front_matter_problems(
    text: str, shown: str, problems: Problems, *, followed: bool = False
) -> None:
    """Report the front matter of ``text`` (a page's, read by yamlio.read_text) that
    MkDocs cannot take as the page's settings; ``shown`` is the page's path.
    ``followed``: the site's page goes on after ``text`` (content/pages/index.md starts
    the home page), so a closing line without its line end gets one there."""
    block = _BLOCK.match(text) or _UNENDED.match(text)
    if block is None or not _MEANT.match(block.group(1)):
        return
    body = block.group(1)
    if block.re is _UNENDED and not followed:
        # (Said with whatever else is wrong in it: not one mistake per run.)
        problems.error(
            Location(shown, body.count("\n") + 2, len(block.group(2)) + 1),
            f"front matter: no line end after its closing '{block.group(2).strip()}';"
            f" {_SHOWN} until the line is ended (or the page's text follows)",
        )
    # Only the syntax, with the same explanations as a curation file's: the rest of
    # what the reader of curation files refuses (anchors, tags) MkDocs reads. Each
    # setting is read apart from those YAML cannot read, as a paper file's fields are:
    # one mistake hid the others' until it was fixed.
    lines = body.split("\n")
    spans = yamlio.top_level_spans(lines)
    read = Problems()
    tree = yamlio.parse(body, shown, read)
    blanked: list[tuple[int, int]] = []
    if tree is None and any(p.message.startswith(yamlio.SYNTAX_ERROR) for p in read.items):
        tree, blanked = yamlio.parse_past_syntax_errors(body, shown, read, spans, set(read.items))
    syntax = [p for p in read.items if p.message.startswith(yamlio.SYNTAX_ERROR)]
    for problem in syntax:
        _said(problem.location.line, problem.location.col, problem.message, shown, problems)
    if syntax and tree is None:
        return  # (nothing more of it can be read)
    for start, end in blanked:
        lines[start:end] = [""] * (end - start)
    data, refused = _mkdocs_data(lines, spans, shown, problems)
    if not refused and not syntax and not isinstance(data, dict):
        problems.error(
            Location(shown, 2, 1),
            "front matter: not keys and values (write 'title: About', one a line, between"
            f" the two '---' lines, or remove them); {_SHOWN}",
        )


def _said(line: int | None, col: int | None, message: str, shown: str, problems: Problems) -> None:
    """A mistake at ``line`` and ``col`` of the block (which starts at the page's line 2)."""
    # (A quote never closed runs to the block's end: the page goes on after it.)
    message = message.replace("to the end of the file", "to the end of the front matter")
    problems.error(
        Location(shown, (line or 1) + 1, col or 1), f"front matter: {message}; {_SHOWN} until it is fixed"
    )


def _mkdocs_data(
    lines: list[str], spans: list[tuple[int, int]], shown: str, problems: Problems
) -> tuple[object, bool]:
    """The block (its ``lines``) as MkDocs' loader reads it, and whether it refused a
    setting beyond the syntax (a tag it does not know, a date that is none): each one
    is said and left out, so that the next is found too."""
    refused = False
    while True:
        body = "\n".join(lines)
        try:
            data = yaml.load(body, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        except Exception as error:  # (MkDocs catches any: `date: 2024-13-01` is a ValueError)
            line, col, why = _refused(body, error)
            _said(line, col, why, shown, problems)
            refused = True
            span = next(((a, b) for a, b in spans if a < line <= b), None)
            if span is None or not any(lines[span[0] : span[1]]):
                return None, True
            lines[span[0] : span[1]] = [""] * (span[1] - span[0])
            continue
        return data, refused


def _refused(body: str, error: Exception) -> tuple[int, int, str]:
    """Where in ``body`` (line and column in the block) and why MkDocs' loader refused
    it, beyond its syntax (``error``, what the loader raised)."""
    if isinstance(error, yaml.MarkedYAMLError) and error.problem_mark is not None:
        mark = error.problem_mark
        return mark.line + 1, mark.column + 1, f"MkDocs cannot read it: {error.problem}"
    # A value of the wrong form for its type (a date that is none, `!!int x`): Python's
    # own error names no place, so the value that raises it is looked for.
    stack = [yaml.compose(body, Loader=yaml.SafeLoader)]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            try:
                yaml.SafeLoader("").construct_object(node)
            except Exception:
                mark, kind = node.start_mark, node.tag.rpartition(":")[2]
                return (
                    mark.line + 1, mark.column + 1,
                    f"{quoted(node.value)} is no {_KINDS.get(kind, kind)} ({error}): put it in"
                    " quotes, or correct it",
                )
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(reversed(node.value))
        elif isinstance(node, yaml.MappingNode):
            stack.extend(reversed([part for pair in node.value for part in pair]))
    return 1, 1, f"MkDocs cannot read it ({error})"
