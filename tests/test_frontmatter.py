"""A hand page's front matter: what MkDocs cannot take as settings is said at its place."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import YAML_RE, get_data

from generator.errors import Problems
from generator.frontmatter import _BLOCK, front_matter_problems


def said(text: str) -> list[str]:
    problems = Problems()
    front_matter_problems(text, "content/pages/about.md", problems)
    return [str(p) for p in problems.sorted()]


def test_the_block_is_the_one_mkdocs_reads():
    assert _BLOCK.pattern == YAML_RE.pattern and _BLOCK.flags == YAML_RE.flags


@pytest.mark.parametrize(
    "text",
    [
        "# About\n\nNo front matter.\n",
        "---\ntitle: About\nhide: [toc]\n---\n# About\n",
        "---\ntitle: 'About: us'\n...\n# About\n",
        "Some text\n---\ntitle: About: us\n---\n",  # (not at the top: no front matter)
    ],
)
def test_front_matter_mkdocs_reads_is_no_problem(text):
    assert said(text) == []


def test_a_second_colon_unquoted_is_said_at_its_line_and_column():
    # MkDocs showed the block as text: a heading "title: About: us" under a rule.
    assert get_data("---\ntitle: About: us\n---\n# About\n")[1] == {}
    assert said("---\ntitle: About: us\n---\n# About\n") == [
        "content/pages/about.md:2:13: front matter: YAML syntax error: a colon followed by a"
        " space inside an unquoted value; put the value in double quotes; MkDocs would show"
        " it on the page as text until it is fixed"
    ]


def test_a_mistake_on_a_later_line_is_said_at_that_line():
    text = "---\ntitle: About\nhide: [toc\nsearch: x\n---\n# About\n"
    assert get_data(text)[1] == {}
    (problem,) = said(text)
    # (line 3 of the page, column 7: the '[' never closed)
    assert problem.startswith("content/pages/about.md:3:7: front matter: YAML syntax error: a list")


def test_a_list_is_no_settings_and_an_empty_block_is_a_warning():
    assert said("---\n- a\n- b\n---\n# x\n") == [
        "content/pages/about.md:2:1: front matter: not keys and values (write 'title: About',"
        " one a line, between the two '---' lines, or remove them); MkDocs would show it on"
        " the page as text"
    ]
    assert said("---\n\n---\n# x\n") == [
        "content/pages/about.md:1:1: warning: front matter is empty: MkDocs shows its two"
        " '---' lines as rules; remove them"
    ]


_LINES = st.lists(
    st.sampled_from(
        [
            "title: About",
            "title: About: us",
            "title: 'About: us'",
            'title: "About',
            "hide: [toc",
            "hide: [toc]",
            "- a",
            "  nested: 1",
            "plain words",
            "key: {a: 1}",
            "tags: &x [a]",
            "date: 2024-13-01",
            "kind: !custom x",
            "",
            "#: comment",
        ]
    ),
    min_size=1,
    max_size=4,
)


@settings(max_examples=300, deadline=None)
@given(_LINES)
def test_said_exactly_when_mkdocs_would_show_the_block_as_text(lines):
    text = "---\n" + "\n".join(lines) + "\n---\n# Page\n"
    # MkDocs took the block as the page's settings (and left it out of the page) exactly
    # when nothing is said; an empty block is said as a warning.
    took = get_data(text)[0] != text
    assert (not said(text)) == took, (text, said(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # (A ValueError, not a YAML error: check and build stopped on a traceback.)
        (
            "---\ntitle: About\ndate: 2024-13-01\n---\n# About\n",
            "content/pages/about.md:3:7: front matter: '2024-13-01' is no date (month must"
            " be in 1..12): put it in quotes, or correct it; MkDocs would show it on the"
            " page as text until it is fixed",
        ),
        (
            "---\ntitle: !custom About\n---\n# About\n",
            "content/pages/about.md:2:8: front matter: MkDocs cannot read it: could not"
            " determine a constructor for the tag '!custom'; MkDocs would show it on the"
            " page as text until it is fixed",
        ),
    ],
)
def test_a_value_mkdocs_loader_refuses_is_said_at_its_place(text, expected):
    assert get_data(text)[1] == {}
    assert said(text) == [expected]
