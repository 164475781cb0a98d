"""The generated pages' HTML blocks, handed to Python-Markdown as they are, unparsed.

The generated pages are HTML blocks between Markdown headings (the headings stay
Markdown, for the table of contents and permalinks). MkDocs runs an HTML parser over
the whole text of every page twice: once to find the anchors that raw HTML holds (for
its link check), once in Python-Markdown's ``html_block`` step, which stashes raw HTML
away from the Markdown. That was most of MkDocs' Markdown time: a paper page took 2.2
ms against 0.6 ms for a page of plain text, and at 10,000 papers the all-papers page
alone took over a second, on every title edit under `serve`.

The templates put each block that is only HTML (never a curator's Markdown) between a
``BEGIN`` and an ``END`` line. This extension's preprocessor runs before both parsers
and stashes each such block just as ``html_block`` would, so neither reads it and the
page comes out the same, byte for byte. A block that holds an anchor (an ``id``, or an
``a`` with a ``name``) is left to the parsers, so that MkDocs still knows every anchor
a link may name. The lines are HTML comments: read by another Markdown tool, the
generated pages mean the same.
"""

from __future__ import annotations

import re

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

BEGIN = "<!-- readinglist:html -->"
END = "<!-- /readinglist:html -->"
# Where MkDocs finds anchors in raw HTML (mkdocs.structure.pages._HTMLHandler).
_ANCHOR = re.compile(r"<[^<>]*\s(?:id|name)\s*=", re.IGNORECASE)
# After Python-Markdown's whitespace step (30), before MkDocs' anchor scan (21) and
# Python-Markdown's html_block (20): the stashed text is what they would have read.
_PRIORITY = 25


class _StashMarkedBlocks(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        if BEGIN not in lines:
            return lines
        out: list[str] = []
        block: list[str] | None = None
        for line in lines:
            if block is None:
                if line == BEGIN:
                    block = []
                else:
                    out.append(line)
            elif line == BEGIN:  # (the one before had no END: it is no mark)
                out.append(BEGIN)
                out.extend(block)
                block = []
            elif line == END:
                html = "\n".join(block) + "\n"  # (html_block keeps the line end too)
                if _ANCHOR.search(html):
                    out.extend(block)
                else:
                    # On a line of its own, as html_block leaves a block it stashed.
                    out.extend(["", self.md.htmlStash.store(html), ""])
                block = None
            else:
                block.append(line)
        if block is not None:  # a BEGIN without its END: the text as it is
            out.append(BEGIN)
            out.extend(block)
        return out


class RawHtmlExtension(Extension):
    """Registered by the MkDocs hook (mkdocs_hook.on_config)."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(_StashMarkedBlocks(md), "readinglist_html", _PRIORITY)
