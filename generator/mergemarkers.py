"""Git's merge conflict markers left in a curator's file.

A lab that pulls a newer readinglist into its copy meets conflicts in the files both
sides changed: `content/topics.yml`, the hand-written pages, `mkdocs.yml`. A marker
left in a YAML file was reported as whatever YAML made of it ("this key is indented
deeper than its place allows", "if it continues the value of 'venue', indent it"),
which sends the curator to the wrong line and the wrong fix; in a hand-written page
it was no error at all, and the site showed both sides with the markers between them.
(The importer's record says its own conflicts: importedfile.py.)
"""

from __future__ import annotations

import re

from .errors import Location, Problems

# The lines git writes around the two sides of a conflict (and the base, with diff3):
# seven characters at the start of the line, then a space and a name, or nothing.
_MARKER = re.compile(r"^(?:<{7}|={7}|>{7}|\|{7})(?: |$)")

CONFLICT = (
    "a git merge conflict: git left both versions of the lines it could not merge, between"
    " the lines <<<<<<<, ======= and >>>>>>>; keep the version you mean (or join the two)"
    " and delete those marker lines"
)
# A conflict written with its base too (git's merge.conflictStyle diff3 or zdiff3): told
# only of the three markers above, a curator who deleted them kept the lines as they were
# before either side changed them, under a fourth marker line "||||||| base" (a YAML
# error again, or on a hand-written page the old text beside the new).
CONFLICT_WITH_BASE = (
    "a git merge conflict: git left both versions of the lines it could not merge, between"
    " the lines <<<<<<<, ======= and >>>>>>>, and between ||||||| and ======= the lines as"
    " they were before either version changed them; keep the version you mean (or join the"
    " two), delete the lines as they were, and delete the four marker lines"
)


def conflict_lines(text: str, markdown: bool = False) -> list[int]:
    """The 1-based lines where the conflicts of ``text`` start (its ``<<<<<<<``
    lines); none unless an opening marker comes with a separating or a closing one,
    since a Markdown page may underline a heading with ``=======``. In ``markdown``, a
    conflict whose marker lines all lie in code blocks is left out: a page may show a
    conflict (a contributing page telling how to resolve one), and the site shows such
    lines as they are, where a reader sees them. One whose markers are only partly in
    code (two versions of a code block's opening fence: the block runs on over the
    other markers) is on the site as both sides, and said."""
    return [number for number, _ in _conflicts(text, markdown)]


def _conflicts(text: str, markdown: bool) -> list[tuple[int, bool]]:
    """(The start, whether it shows the base: a ||||||| line) of each conflict that
    `conflict_lines` finds."""
    if "<<<<<<<" not in text:
        return []  # (most files: one search; reading every line cost 0.18 s at 10,000 papers)
    markers = marker_lines(text)
    code = _code_lines(text) if markdown else set()
    starts: list[tuple[int, bool]] = []
    for at, (number, kind) in enumerate(markers):
        if kind != "<":
            continue
        # The conflict's marker lines: this one and those after it, to its closing one.
        lines, kinds = [number], {kind}
        for later, later_kind in markers[at + 1:]:
            if later_kind == "<":
                break
            lines.append(later)
            kinds.add(later_kind)
            if later_kind == ">":
                break
        if len(lines) > 1 and not code.issuperset(lines):
            starts.append((number, "|" in kinds))
    return starts


def marker_lines(text: str) -> list[tuple[int, str]]:
    """(The 1-based line, its first character: "<", "|", "=" or ">") of each of
    ``text``'s lines that is a conflict's marker line."""
    return [(number, line[0]) for number, line in enumerate(text.split("\n"), 1) if _MARKER.match(line)]


def _code_lines(text: str) -> set[int]:
    """The 1-based lines of ``text``'s code blocks (fenced or indented), as CommonMark
    reads them."""
    from markdown_it import MarkdownIt

    lines: set[int] = set()
    for token in MarkdownIt("commonmark").parse(text):
        if token.type in ("fence", "code_block") and token.map:
            lines.update(range(token.map[0] + 1, token.map[1] + 1))
    return lines


def report_conflicts(text: str, shown: str, problems: Problems, markdown: bool = False) -> bool:
    """Report each conflict of ``text`` (the file ``shown``; a Markdown page with
    ``markdown``) at its first line; whether there was one."""
    starts = _conflicts(text, markdown)
    for number, with_base in starts:
        problems.error(Location(shown, number, 1), CONFLICT_WITH_BASE if with_base else CONFLICT)
    return bool(starts)
