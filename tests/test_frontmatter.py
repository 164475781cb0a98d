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


@pytest.mark.parametrize(
    "text",
    [
        "---\n- a\n- b\n---\n# x\n",  # a list between two rules
        "---\n\n---\n# x\n",  # two rules
        "---\n# Title\n---\n\nText.\n",  # a heading (a YAML comment)
        "---\n\nWelcome to the list.\n\n---\n\nText.\n",  # a paragraph
        "---\nA list: of papers, and more: of them.\n---\n",  # a colon, not a setting
    ],
)
def test_markdown_between_two_rules_is_no_front_matter_to_say(text):
    # (the review: a page opening with a rule was an error, and its build stopped,
    # where MkDocs shows the page as written)
    assert get_data(text)[1] == {}
    assert said(text) == []


def test_a_block_that_opens_with_a_setting_and_is_no_mapping_is_said():
    assert said("---\ntitle: About\n- a\n---\n# x\n")[0].startswith(
        "content/pages/about.md:3:1: front matter: YAML syntax error"
    )


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
@given(_LINES, st.sampled_from(["\n# Page\n", "\n", ""]))
def test_said_exactly_when_mkdocs_would_show_the_block_as_text(lines, after):
    # (after: the page's text, none, or not even the closing line's end)
    text = "---\n" + "\n".join(lines) + "\n---" + after
    # Said exactly when MkDocs did not take the block as the page's settings (it shows
    # it on the page) and the block opens with a setting: meant as front matter.
    took = get_data(text)[0] != text
    meant = next((line for line in lines if line.strip() and not line.startswith("#")), "")
    opens_with_a_setting = bool(meant) and meant[0].isalpha() and ": " in meant + " "
    assert bool(said(text)) == (not took and opens_with_a_setting), (text, said(text))


def test_a_page_of_only_settings_without_its_last_line_end_is_said():
    # MkDocs' pattern wants a line end after the closing '---': without one, a page that
    # is only its settings showed them as its text.
    text = "---\ntitle: About\ntemplate: wide.html\n---"
    assert get_data(text) == (text, {})
    assert said(text) == [
        "content/pages/about.md:4:4: front matter: no line end after its closing '---';"
        " MkDocs would show it on the page as text until the line is ended (or the page's"
        " text follows)"
    ]
    assert said(text + "\n") == []


def test_a_block_without_its_last_line_end_is_read_for_its_other_mistakes_too():
    # Its other mistakes were said only once the line was ended: one more run each.
    text = "---\ntitle: About: us\n---"
    colon = (
        "content/pages/about.md:2:13: front matter: YAML syntax error: a colon followed by"
        " a space inside an unquoted value; put the value in double quotes; MkDocs would"
        " show it on the page as text until it is fixed"
    )
    assert said(text) == [
        colon,
        "content/pages/about.md:3:4: front matter: no line end after its closing '---';"
        " MkDocs would show it on the page as text until the line is ended (or the page's"
        " text follows)",
    ]
    # A page the site's own text follows (index.md, the home page's start): no line end
    # is needed, but MkDocs still cannot read the block.
    assert get_data(text + "\n\nThe home page's text.")[1] == {}
    followed = Problems()
    front_matter_problems(text, "content/pages/about.md", followed, followed=True)
    assert [str(p) for p in followed.sorted()] == [colon]


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


def test_each_setting_s_mistake_is_said_at_once():
    # The first syntax error hid the others, and any value MkDocs' loader refuses: one
    # more run for each. Each setting is read apart from the ones YAML cannot read.
    text = (
        "---\ntitle: About: us\ntemplate: \"wide.html\ndate: 2024-13-01\nhide: [toc\n"
        "kind: !custom x\nsearch:\n  boost: 2\n---\n# About\n"
    )
    assert get_data(text)[1] == {}
    end = "; MkDocs would show it on the page as text until it is fixed"
    assert said(text) == [
        "content/pages/about.md:2:13: front matter: YAML syntax error: a colon followed by a"
        " space inside an unquoted value; put the value in double quotes" + end,
        "content/pages/about.md:3:11: front matter: YAML syntax error: this quote is never"
        " closed (the value runs to the end of the front matter); close it at the value's end"
        + end,
        "content/pages/about.md:4:7: front matter: '2024-13-01' is no date (month must be in"
        " 1..12): put it in quotes, or correct it" + end,
        "content/pages/about.md:5:7: front matter: YAML syntax error: a list opened here with"
        " '[' is not closed: close it with ']' (if the value is text, not a list, put the"
        " whole value in double quotes)" + end,
        "content/pages/about.md:6:7: front matter: MkDocs cannot read it: could not determine"
        " a constructor for the tag '!custom'" + end,
    ]


_GOOD = ["About", "'About: us'", "[toc]", "2024-01-31", "{a: 1}"]
_BAD = ["About: us", '"wide.html', "[toc", "2024-13-01", "!custom x", "{a: 1"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.booleans(), st.integers(0, 5)), min_size=1, max_size=6))
def test_a_mistake_in_one_setting_hides_none_in_the_others(picks):
    # Each setting on its line, right or wrong: exactly the wrong ones are said, each at
    # its own line (the page's line: the block starts at line 2).
    values = [(_BAD[n] if bad else _GOOD[n % len(_GOOD)]) for bad, n in picks]
    text = "---\n" + "".join(f"key{i}: {v}\n" for i, v in enumerate(values)) + "---\n# About\n"
    lines = sorted({int(p.split(":")[1]) for p in said(text)})
    assert lines == [i + 2 for i, (bad, _) in enumerate(picks) if bad], (text, said(text))
