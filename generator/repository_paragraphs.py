"""A hand page's words for a site that names its repository, or for one that does not:
only the true ones go into the page, as MkDocs converts it.

How to contribute (content/pages/contributing.md) says "use the pencil" in a paragraph
marked `{ .rl-with-repository }`, and that this copy names no repository in one marked
`{ .rl-without-repository }`; whether the site names one is `extra.repository`
(mkdocs.yml, from REPO_URL), which also decides the edit pencils and the footer's link.
A style rule hiding the false paragraph left it in the page: in the search index (a
search for "pencil" led to a site without one), and shown with the styles off or in a
browser's reader mode. Left out of the HTML, it is nowhere. (Not in the generator: the
docs folder stays the same whatever REPO_URL is.)

Registered by the MkDocs hook (mkdocs_hook.on_config), like markup_access.py.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

WITH, WITHOUT = "rl-with-repository", "rl-without-repository"
# After attr_list's (8), which gives the paragraph its class; before toc's (5), so that a
# heading left out is not in the page's table of contents either.
_PRIORITY = 7


class _Untrue(Treeprocessor):
    def __init__(self, md: Markdown, false_class: str):
        super().__init__(md)
        self.false_class = false_class

    def run(self, root: etree.Element) -> None:
        for parent in list(root.iter()):
            for child in list(parent):
                if self.false_class in (child.get("class") or "").split():
                    self._remove(parent, child)

    @staticmethod
    def _remove(parent: etree.Element, child: etree.Element) -> None:
        # Its tail (text after it, inside the parent) stays: only the element goes.
        if child.tail:
            at = list(parent).index(child)
            if at:
                before = parent[at - 1]
                before.tail = (before.tail or "") + child.tail
            else:
                parent.text = (parent.text or "") + child.tail
        parent.remove(child)


class RepositoryParagraphsExtension(Extension):
    """Leaves out what a page marks as true only with (``rl-with-repository``) or only
    without (``rl-without-repository``) a repository, whichever is false here."""

    def __init__(self, repository: bool, **kwargs):
        super().__init__(**kwargs)
        self.repository = repository

    def extendMarkdown(self, md: Markdown) -> None:
        false_class = WITHOUT if self.repository else WITH
        md.treeprocessors.register(_Untrue(md, false_class), "readinglist_repository", _PRIORITY)
