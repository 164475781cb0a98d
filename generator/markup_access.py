"""What Python-Markdown's HTML leaves out for a screen reader, added as MkDocs converts a page.

* A heading's permalink (the toc extension's "¶", `permalink: true` in mkdocs.yml) is
  a link whose name is its text: a screen reader read out "¶" for each, and its list of
  the page's links had a row of them, alike. Each gets a name that says where it leads,
  "Link to this section: <the heading's text>". (The toc extension's `permalink_title`
  sets only a tooltip, which the link's text outranks as its name.)
* A Markdown table's header cells get ``scope="col"``, as the generated pages' tables
  have in their templates: a screen reader then reads each cell with its column's name.
  (Markdown tables are those of the hand-written pages and the curation reference; the
  generated pages' own tables are HTML blocks, which this never sees.)

Registered by the MkDocs hook (mkdocs_hook.on_config), like raw_html.py.
"""

from __future__ import annotations

import copy
import html
import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.extensions.toc import remove_fnrefs, render_inner_html, strip_tags
from markdown.treeprocessors import Treeprocessor
from markdown.util import STX

PERMALINK_NAME = "Link to this section: {heading}"
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# After the toc extension's (5), which adds the permalinks; before MkDocs' title (1).
_PRIORITY = 4


def _permalink(heading: etree.Element, permalink_class: str) -> etree.Element | None:
    """The permalink the toc extension put last in ``heading``, if it did."""
    if len(heading) and heading[-1].tag == "a" and heading[-1].get("class") == permalink_class:
        return heading[-1]
    return None


class _Names(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        # (The class the toc extension gives its permalinks, as configured in mkdocs.yml.)
        toc = self.md.treeprocessors["toc"] if "toc" in self.md.treeprocessors else None
        permalink_class = getattr(toc, "permalink_class", None)
        for el in root.iter():
            if el.tag in _HEADINGS and permalink_class:
                link = _permalink(el, permalink_class)
                if link is not None and "aria-label" not in link.attrib:
                    link.set("aria-label", PERMALINK_NAME.format(heading=self._text(el)))
            elif el.tag == "thead":
                for cell in el.iter("th"):
                    cell.attrib.setdefault("scope", "col")

    def _text(self, heading: etree.Element) -> str:
        """The heading's text as a reader sees it (markup, footnote marks and the
        permalink left out), as the toc extension reads it for the table of contents."""
        if len(heading) == 1 and STX not in (heading.text or ""):
            # Plain text, as nearly every generated page's heading is: no markup, no
            # entity or escape stashed away (the rendering costs as much as toc's own).
            return " ".join((heading.text or "").split())
        bare = copy.deepcopy(heading)
        del bare[-1]
        text = html.unescape(strip_tags(render_inner_html(remove_fnrefs(bare), self.md)))
        return " ".join(text.split())


class MarkupAccessExtension(Extension):
    """Registered by the MkDocs hook (mkdocs_hook.on_config), after mkdocs.yml's."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(_Names(md), "readinglist_access", _PRIORITY)
