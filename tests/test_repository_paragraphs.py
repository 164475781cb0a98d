"""A hand page's words for a site with a repository, or without one: only the true ones
are converted (generator/repository_paragraphs.py)."""

import markdown
import pytest

from generator.repository_paragraphs import RepositoryParagraphsExtension

PAGE = """\
Suggestions are welcome.

Use the pencil.
{ .rl-with-repository }

This copy names no repository.
{ .rl-without-repository }

## Propose a change { .note .rl-with-repository }

* a list item
* only with one
{ .rl-with-repository }

The end.
"""


def convert(text: str, repository: bool) -> str:
    extensions = ["attr_list", "toc", RepositoryParagraphsExtension(repository)]
    md = markdown.Markdown(extensions=extensions)
    html = md.convert(text)
    return html + "\n<!--toc-->\n" + md.toc


@pytest.mark.parametrize("repository", [True, False])
def test_only_the_true_paragraphs_are_in_the_page(repository):
    html = convert(PAGE, repository)
    assert "Suggestions are welcome." in html and "<p>The end.</p>" in html
    assert ("Use the pencil." in html) is repository
    assert ("names no repository" in html) is not repository
    # A heading with another class too, and what attr_list marks inside a list; and a
    # heading left out is not in the table of contents either.
    assert ("Propose a change" in html) is repository
    assert html.count("Propose a change") == (2 if repository else 0)
    assert ("only with one" in html) is repository
    assert "a list item" in html


def test_the_text_after_a_left_out_element_stays():
    # (Inline: attr_list marks the element before it; the text after it is its tail.)
    html = convert("Before *a pencil*{ .rl-with-repository } after.\n", False)
    assert html.startswith("<p>Before  after.</p>")
    html = convert("*A pencil*{ .rl-with-repository } after.\n", False)
    assert html.startswith("<p> after.</p>")
