"""What a page's search marks mark, read in the browser tests: the page's text with each
mark's words between ⟦ and ⟧; and a paper of words that hold a query's word inside
them, which the tests of marks add to the fixture list."""

from __future__ import annotations

# (The fixture list's replay-against-forgetting writes "catastrophic forgetting";
# task-vectors and merging-by-arithmetic write "task vectors" and "Merging".)
ADAMERGING_YAML = """id: adamerging-forgets
title: AdaMerging Forgets Less
authors: [Grace Hopper]
year: 2024
added: 2026-11-29
abstract: |
  Models merged by AdaMerging keep their tasks: catastrophic forgetting stays small,
  and merging them needs no task vectors.
"""

# The page's text, each mark's words between ⟦ and ⟧ (a mark in a mark is an error).
MARKED_TEXT = """content => {
    if (content.querySelector("mark mark")) throw new Error("a mark in a mark");
    const copy = content.cloneNode(true);
    copy.querySelectorAll("mark").forEach(m => m.replaceWith("\\u27e6" + m.textContent + "\\u27e7"));
    return copy.textContent;
}"""
CONTENT = "[data-md-component=content]"


def marked(page, selector: str) -> str:
    """The marked text of ``selector`` in the page's content, its lines joined, and marks
    one after another apart only by a space as one (Material's, on a page, are so)."""
    text = " ".join(page.locator(f"{CONTENT} {selector}").evaluate(MARKED_TEXT).split())
    return text.replace("\u27e7 \u27e6", " ")
