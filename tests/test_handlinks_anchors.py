"""`check` on the hand pages' links to a `#heading` (handlinks.check_hand_anchors,
pageanchors.py): what it accepts is what MkDocs' anchor validation accepts."""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Callable

import pytest

from generator import pageanchors
from generator.curation import load_content
from generator.errors import Problems
from generator.handlinks import check_hand_anchors
from tests.test_build import REPO
from tests.test_partial_rebuild import _new_project

SETTINGS = pageanchors.markdown_settings(REPO)


def _project(root: Path, about: str) -> Path:
    """The fixture list (tests/data/site_fixture), its about page's text ``about``."""
    project = _new_project(root)
    (project / "content/pages/about.md").write_text(about, encoding="utf-8")
    return project


def _checked(project: Path) -> list[str]:
    content, problems = load_content(project / "content", project)
    assert not problems.has_errors(), problems.sorted()
    found = Problems()
    check_hand_anchors(project / "content", project, content, found)
    return [str(problem) for problem in found.sorted()]


def test_a_heading_with_punctuation_and_accents_has_toc_s_ascii_slug():
    # (toc's default slugify: accents dropped, punctuation removed, spaces to hyphens)
    assert pageanchors.anchors_of("## Café & Crème: 2.0!\n", SETTINGS) == {"cafe-creme-20"}


def test_repeated_headings_take_toc_s_numbered_suffixes():
    text = "# Data\n\n## Data\n\n### Data\n"
    assert pageanchors.anchors_of(text, SETTINGS) == {"data", "data_1", "data_2"}


def test_attr_list_ids_and_raw_html_ids_are_anchors_and_front_matter_is_not_a_heading():
    text = "---\ntitle: About\n---\n## Setup {#install}\n\n<div id=\"box\"></div>\n\n<a name=\"old\"></a>\n"
    # (MkDocs counts raw HTML's ids and an <a>'s name: mkdocs.structure.pages._HTMLHandler)
    assert pageanchors.anchors_of(text, SETTINGS) == {"install", "box", "old"}


def test_the_slugify_mkdocs_yml_configures_is_the_one_used(tmp_path):
    (tmp_path / "mkdocs.yml").write_text(
        "markdown_extensions:\n  - toc:\n      separator: _\n", encoding="utf-8"
    )
    settings = pageanchors.markdown_settings(tmp_path)
    assert pageanchors.anchors_of("## Two words\n", settings) == {"two_words"}


def test_a_template_s_anchors_are_its_headings_and_literal_ids():
    anchors, _ = pageanchors.template_anchors("paper.md.j2", SETTINGS)
    # (each heading once, though "Related papers" is written in both branches of an if)
    assert {"abstract", "curators-notes", "related-papers", "reading-order", "cite"} <= anchors
    assert "related-papers_1" not in anchors
    assert {"reading-log", "rl-all-papers"} <= pageanchors.template_anchors("all_papers.md.j2", SETTINGS)[0]


def test_the_home_page_s_anchors_follow_its_introduction():
    anchors, _ = pageanchors.template_anchors("home.md.j2", SETTINGS, "# Intro\n\n## Downloads\n")
    # The introduction's "Downloads" comes first: the template's own is downloads_1.
    assert {"intro", "downloads", "downloads_1", "contribute"} <= anchors


LINE = 3  # the links' line in ABOUT
ABOUT = """\
# About the fixture

[a](papers/task-vectors.md#abstract) [b](papers/task-vectors.md#abstrct) [c](topics/model-merging/index.md#all-papers-in-this-topic) [d](topics/model-merging/index.md#missing) [e](index.md#downloads) [f](papers/index.md#reading-log) [g](papers/index.md#no-such-heading) [h](#cafe-creme_1) [i](#cafe-creme_2) [j](#about-the-fixture) [k](index.md#fixture-reading-list) [l](curation-reference.md#paper-files) [m](curation-reference.md#paper-file)

## Café & Crème

## Café & Crème
"""


def test_each_kind_of_target_is_checked_at_the_link_with_a_hint(tmp_path):
    project = _project(tmp_path, ABOUT)
    line = ABOUT.splitlines()[LINE - 1]

    def at(href: str) -> str:  # (where the address starts, 1-based)
        return f"content/pages/about.md:{LINE}:{line.index(f'({href})') + 2}"

    assert _checked(project) == [
        f"{at('papers/task-vectors.md#abstrct')}: link 'papers/task-vectors.md#abstrct': 'papers/task-vectors.md' has no"
        " heading '#abstrct' (did you mean 'abstract'?)",
        f"{at('topics/model-merging/index.md#missing')}: link 'topics/model-merging/index.md#missing': 'topics/model-merging/index.md'"
        " has no heading '#missing' (its anchors: #all-papers-in-this-topic, #rl-topic-papers,"
        " #start-here, #sub-topics)",
        f"{at('papers/index.md#no-such-heading')}: link 'papers/index.md#no-such-heading': 'papers/index.md' has no heading"
        " '#no-such-heading' (its anchors: #reading-log, #rl-all-papers)",
        f"{at('#cafe-creme_2')}: link '#cafe-creme_2': 'about.md' has no heading '#cafe-creme_2'"
        " (did you mean 'cafe-creme_1'?)",
        f"{at('curation-reference.md#paper-file')}: link 'curation-reference.md#paper-file': 'curation-reference.md' has no"
        " heading '#paper-file' (did you mean 'paper-files'?)",
    ]


def test_the_check_command_fails_on_such_a_link(tmp_path, capsys):
    from generator.commands import check

    project = _project(tmp_path, "# About\n\nSee [x](about.md#abuot).\n")
    args = type("Args", (), {"root": str(project), "root_given": True})()
    assert check.run(args) == 1
    assert (
        "content/pages/about.md:3:9: link 'about.md#abuot': 'about.md' has no heading"
        " '#abuot' (did you mean 'about'?)" in capsys.readouterr().out
    )


def _check_and_mkdocs(
    tmp_path: Path, about: str, monkeypatch, caplog, change: Callable[[Path], None] = lambda project: None
) -> tuple[set[str], set[str]]:
    """The links of the about page ``about`` that check refuses, and those a strict
    `mkdocs build` refuses (its own anchor validation: the hook's report of them,
    handlinks.missing_anchors, turned off), which fails; ``change`` changes the
    project's content first. (No other page's link is refused by the build.)"""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    from generator import handlinks

    project = _project(tmp_path, about)
    change(project)
    refused_by_check = {re.search(r"link '([^']*)'", line).group(1) for line in _checked(project)}
    monkeypatch.setattr(handlinks, "missing_anchors", lambda pages, root: Problems())
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"), strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    with caplog.at_level(logging.INFO, logger="mkdocs"), pytest.raises(Abort):
        mkdocs_build(config)
    refused_by_mkdocs = {
        found.group(1)
        for record in caplog.records
        if (found := re.match(r"Doc file 'about.md' contains a link '([^']*)', but", record.getMessage()))
    }
    assert not [
        said for record in caplog.records
        if re.match(r"Doc file '(?!about.md)", said := record.getMessage()) and "contains a link" in said
    ]
    return refused_by_check, refused_by_mkdocs


@pytest.mark.slow
def test_check_and_a_strict_mkdocs_build_agree_on_each_link(tmp_path, process_state, monkeypatch, caplog):
    """The links of ABOUT are built by MkDocs itself, its anchor validation unaided (the
    hook's own report of them, handlinks.missing_anchors, turned off): the links it
    refuses are exactly those check refuses, and the strict build fails on them."""
    refused_by_check, refused_by_mkdocs = _check_and_mkdocs(tmp_path, ABOUT, monkeypatch, caplog)
    assert len(refused_by_check) == 5
    assert refused_by_mkdocs == refused_by_check
    # (and every other anchor link of the page, each kind of target, MkDocs accepted)
    written = set(re.findall(r"\]\(([^)]*#[^)]*)\)", ABOUT))
    assert len(written - refused_by_check) == 8


def test_a_link_to_this_page_with_a_query_is_checked_and_an_empty_anchor_is_not(tmp_path):
    # (MkDocs reads a link with no path as this page's own, whatever its query; `x.md#`
    # names no anchor, and MkDocs checks none)
    project = _project(tmp_path, "# About\n\n[a](?q#about) [b](?q#abot) [c](index.md#)\n")
    assert _checked(project) == [
        "content/pages/about.md:3:19: link '?q#abot': 'about.md' has no heading '#abot'"
        " (did you mean 'about'?)"
    ]


GUARDED = """\
# About

[a](papers/task-vectors.md#curators-notes) [b](papers/replay-against-forgetting.md#curators-notes)
[c](topics/task-arithmetic/index.md#start-here) [d](topics/model-merging/index.md#start-here)
[e](topics/task-arithmetic/index.md#sub-topics) [f](topics/model-merging/index.md#sub-topics)
"""


def test_a_heading_only_some_generated_pages_have_is_refused_on_the_others(tmp_path):
    # task-vectors has no notes; task-arithmetic no reading order and no sub-topic.
    # (replay-against-forgetting has notes; model-merging both.)
    assert _checked(_project(tmp_path, GUARDED)) == [
        "content/pages/about.md:3:5: link 'papers/task-vectors.md#curators-notes':"
        " 'papers/task-vectors.md' has no heading '#curators-notes': a page of its kind has it"
        " only when the paper has notes (its anchors: #abstract, #cite, #reading-order,"
        " #related-papers)",
        "content/pages/about.md:4:5: link 'topics/task-arithmetic/index.md#start-here':"
        " 'topics/task-arithmetic/index.md' has no heading '#start-here': a page of its kind"
        " has it only when the topic's reading_order names a paper of the list (its anchors:"
        " #all-papers-in-this-topic, #rl-topic-papers)",
        "content/pages/about.md:5:5: link 'topics/task-arithmetic/index.md#sub-topics':"
        " 'topics/task-arithmetic/index.md' has no heading '#sub-topics': a page of its kind"
        " has it only when another topic names it its parent (its anchors:"
        " #all-papers-in-this-topic, #rl-topic-papers)",
    ]


def test_a_heading_misspelt_on_a_page_without_it_is_told_the_heading_meant(tmp_path):
    project = _project(tmp_path, "# About\n\n[a](papers/task-vectors.md#related-paper)\n")
    assert _checked(project) == [
        "content/pages/about.md:3:5: link 'papers/task-vectors.md#related-paper':"
        " 'papers/task-vectors.md' has no heading '#related-paper' (did you mean 'related-papers'?)"
    ]


def test_each_test_check_words_is_still_a_heading_s_in_its_template():
    # (a test written otherwise in a template would be said "on some pages" again)
    for name, tests in pageanchors.WHEN.items():
        written = pageanchors.template_tests(name)
        assert {test for test in tests if test not in written and f"not {test}" not in written} == set(), name


@pytest.mark.slow
def test_check_and_a_strict_mkdocs_build_agree_on_headings_some_pages_lack(
    tmp_path, process_state, monkeypatch, caplog
):
    refused_by_check, refused_by_mkdocs = _check_and_mkdocs(tmp_path, GUARDED, monkeypatch, caplog)
    assert refused_by_check == {
        "papers/task-vectors.md#curators-notes",
        "topics/task-arithmetic/index.md#start-here",
        "topics/task-arithmetic/index.md#sub-topics",
    }
    assert refused_by_mkdocs == refused_by_check


ENCODED = """\
# About

<a id="café"></a>

[a](#café) [b](#caf%C3%A9) [c](#cafe)
"""


def test_an_anchor_is_compared_as_written_not_percent_decoded(tmp_path):
    # MkDocs compares the fragment as written with the page's ids: `#caf%C3%A9` is no
    # link to the id "café", which `#café` is.
    assert _checked(_project(tmp_path, ENCODED)) == [
        "content/pages/about.md:5:16: link '#caf%C3%A9': 'about.md' has no heading '#caf%C3%A9'"
        " (its anchors: #about, #café)",
        "content/pages/about.md:5:32: link '#cafe': 'about.md' has no heading '#cafe'"
        " (did you mean 'café'?)",
    ]


@pytest.mark.slow
def test_check_and_a_strict_mkdocs_build_agree_on_a_percent_encoded_anchor(
    tmp_path, process_state, monkeypatch, caplog
):
    refused_by_check, refused_by_mkdocs = _check_and_mkdocs(tmp_path, ENCODED, monkeypatch, caplog)
    assert refused_by_check == {"#caf%C3%A9", "#cafe"}
    assert refused_by_mkdocs == refused_by_check


def test_links_are_located_where_written_whichever_spelling_comes_first():
    from generator.handlinks import links_of

    # (both are `#caf%C3%A9` to markdown-it: the encoded spelling, looked for first, put
    # the first link at the second's place, and the second inside `about.md#...`)
    text = "[a](#café) [b](#caf%C3%A9) [c](about.md#caf%C3%A9)\n"
    assert links_of(text) == (
        ("#caf%C3%A9", 1, 5), ("#caf%C3%A9", 1, 16), ("about.md#caf%C3%A9", 1, 32),
    )


def test_an_anchor_is_read_as_written_past_a_line_separator_or_a_form_feed(tmp_path):
    # Markdown's lines end at "\n" alone; U+2028 and a form feed are text inside one. The
    # link `#café` after them was looked up at the wrong place, taken as markdown-it's
    # `#caf%C3%A9` and refused, though the build accepts it.
    about = (
        '# About\n\n<a id="café"></a>\n\nOne line\u2028its second half, a page\x0cbreak.\n\n'
        "[a](#café) [b](#caf%C3%A9)\n"
    )
    assert _checked(_project(tmp_path, about)) == [
        "content/pages/about.md:7:16: link '#caf%C3%A9': 'about.md' has no heading '#caf%C3%A9'"
        " (its anchors: #about, #café)",
    ]


def test_a_reference_link_s_anchor_is_read_as_its_definition_writes_it(tmp_path):
    # (defined above the link: not where the link is, it was taken as markdown-it's
    # `#caf%C3%A9` and refused, though the build accepts it)
    about = '[ref]: #café\n\n# About\n\n<a id="café"></a>\n\nSee [a][ref].\n'
    assert _checked(_project(tmp_path, about)) == []


@pytest.mark.slow
def test_a_strict_mkdocs_build_accepts_those_links(tmp_path, process_state, monkeypatch):
    """What the two tests above expect, of MkDocs itself: its anchor validation (the
    hook's report turned off) accepts `#café` there, and the strict build succeeds."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    from generator import handlinks

    about = (
        '[ref]: #café\n\n# About\n\n<a id="café"></a>\n\nOne line\u2028its second half, a'
        " page\x0cbreak.\n\n[a](#café) and [b][ref]\n"
    )
    project = _project(tmp_path, about)
    monkeypatch.setattr(handlinks, "missing_anchors", lambda pages, root: Problems())
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"), strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    mkdocs_build(config)  # (a refused link: Abort)
    assert 'href="#café"' in (project / "site" / "about" / "index.html").read_text()
    assert _checked(project) == []


def _varied(project: Path) -> None:
    """The fixture list with the pages whose headings come and go: a paper alone in its
    topic (no reading order; notes that link anchors of the site), a topic without
    papers, and a paper in two unrelated topics (their pages' related topics; the
    fixture's have none)."""
    content = project / "content"
    with open(content / "topics.yml", "a", encoding="utf-8") as file:
        file.write(
            "\n  - id: solo\n    title: Solo\n    keywords:\n      zebra finch: 2\n    threshold: 2\n"
            "\n  - id: empty\n    title: Empty\n    keywords:\n      quasar: 2\n    threshold: 2\n"
        )
    (content / "papers/lonely.yml").write_text(
        "id: lonely\ntitle: Song Learning in the Zebra Finch\nauthors: [Ada Lovelace]\nyear: 2020\n"
        "topics: [solo]\nnotes: |\n  See [its order](../papers/task-vectors.md#reading-order),"
        " [its topics](task-vectors.md#nowhere) and [ours][r].\n\n  [r]: lonely.md#reading-order\n",
        encoding="utf-8",
    )
    (content / "papers/crossover.yml").write_text(
        "id: crossover\ntitle: Merging Models Without Forgetting\nauthors: [Ada Lovelace]\n"
        "year: 2021\ntopics: [continual-learning, model-merging]\n",
        encoding="utf-8",
    )


# Each heading and id a generated page has only sometimes, linked on a page that has it
# and on one that lacks it (the home page: no contributing.md); and a reference link
# whose definition writes `#café` on a page that also writes `#caf%C3%A9`.
VARIED = """\
# About

[a](papers/lonely.md#reading-order) [b](papers/task-vectors.md#reading-order) [c](papers/lonely.md#cite) [d](papers/lonely.md#related-papers) [e](papers/task-vectors.md#related-papers) [f](papers/lonely.md#curators-notes)
[g](topics/continual-learning/index.md#related-topics) [h](topics/task-arithmetic/index.md#related-topics)
[i](topics/empty/index.md#rl-topic-papers) [j](topics/solo/index.md#rl-topic-papers) [k](topics/empty/index.md#all-papers-in-this-topic)
[l](index.md#contribute) [m](index.md#recently-added) [n](index.md#topics) [o](index.md#downloads) [p](papers/index.md#reading-log) [q](papers/index.md#rl-all-papers)
[r][ref] [s](#caf%C3%A9) [t][order]

<a id="café"></a>

[ref]: #café
[order]: papers/lonely.md#reading-order
"""


def test_each_heading_only_some_pages_have_is_refused_where_its_page_lacks_it(tmp_path):
    project = _project(tmp_path, VARIED)
    _varied(project)
    assert _checked(project) == [
        "content/pages/about.md:3:5: link 'papers/lonely.md#reading-order': 'papers/lonely.md'"
        " has no heading '#reading-order': a page of its kind has it only when one of its topics"
        " has another paper (its anchors: #abstract, #cite, #curators-notes, #related-papers)",
        "content/pages/about.md:4:60: link 'topics/task-arithmetic/index.md#related-topics':"
        " 'topics/task-arithmetic/index.md' has no heading '#related-topics': a page of its kind"
        " has it only when a paper of it is in another topic too (not its parent or a sub-topic)"
        " (its anchors: #all-papers-in-this-topic, #rl-topic-papers)",
        "content/pages/about.md:5:5: link 'topics/empty/index.md#rl-topic-papers':"
        " 'topics/empty/index.md' has no heading '#rl-topic-papers': a page of its kind has it"
        " only when the topic has papers of its own (its anchors: #all-papers-in-this-topic)",
        "content/pages/about.md:6:5: link 'index.md#contribute': 'index.md' has no heading"
        " '#contribute': a page of its kind has it only when there is a page"
        " 'content/pages/contributing.md' (its anchors: #downloads, #fixture-reading-list,"
        " #recently-added, #topics)",
        "content/pages/about.md:7:14: link '#caf%C3%A9': 'about.md' has no heading '#caf%C3%A9'"
        " (its anchors: #about, #café)",
        # (the reference link t, at its definition)
        "content/pages/about.md:12:10: link 'papers/lonely.md#reading-order': 'papers/lonely.md'"
        " has no heading '#reading-order': a page of its kind has it only when one of its topics"
        " has another paper (its anchors: #abstract, #cite, #curators-notes, #related-papers)",
    ]


@pytest.mark.slow
def test_check_and_a_strict_mkdocs_build_agree_on_each_heading_only_some_pages_have(
    tmp_path, process_state, monkeypatch, caplog
):
    """Both ways: each link check refuses the build refuses, and each it accepts (the
    notes' links, shown as text, the build does not check either)."""
    refused_by_check, refused_by_mkdocs = _check_and_mkdocs(tmp_path, VARIED, monkeypatch, caplog, _varied)
    assert refused_by_check == {
        "papers/lonely.md#reading-order",
        "topics/task-arithmetic/index.md#related-topics",
        "topics/empty/index.md#rl-topic-papers",
        "index.md#contribute",
        "#caf%C3%A9",
    }
    assert refused_by_mkdocs == refused_by_check


def _emptied(project: Path) -> None:
    """The fixture list without papers and topics (as `readinglist init` leaves one),
    with a page on contributing."""
    for paper in (project / "content/papers").glob("*.yml"):
        paper.unlink()
    (project / "content/topics.yml").write_text("topics: []\n", encoding="utf-8")
    (project / "content/pages/contributing.md").write_text("# Contributing\n\nSend a pull request.\n", encoding="utf-8")


EMPTY = """\
# About

[a](index.md#contribute) [b](index.md#recently-added) [c](index.md#topics) [d](index.md#downloads) [e](papers/index.md#reading-log) [f](papers/index.md#rl-all-papers)
"""


def test_the_home_and_all_papers_pages_of_an_empty_list_lack_their_lists_headings(tmp_path):
    project = _project(tmp_path, EMPTY)
    _emptied(project)
    home = "(its anchors: #contribute, #downloads, #fixture-reading-list)"
    assert _checked(project) == [
        "content/pages/about.md:3:30: link 'index.md#recently-added': 'index.md' has no heading"
        f" '#recently-added': a page of its kind has it only when a paper of the list has an 'added' date {home}",
        "content/pages/about.md:3:59: link 'index.md#topics': 'index.md' has no heading '#topics':"
        f" a page of its kind has it only when the list has topics {home}",
        "content/pages/about.md:3:104: link 'papers/index.md#reading-log': 'papers/index.md' has no"
        " heading '#reading-log': a page of its kind has it only when the list has papers (its anchors: none)",
        "content/pages/about.md:3:137: link 'papers/index.md#rl-all-papers': 'papers/index.md' has no"
        " heading '#rl-all-papers': a page of its kind has it only when the list has papers (its anchors: none)",
    ]


@pytest.mark.slow
def test_check_and_a_strict_mkdocs_build_agree_on_an_empty_list_s_pages(
    tmp_path, process_state, monkeypatch, caplog
):
    refused_by_check, refused_by_mkdocs = _check_and_mkdocs(tmp_path, EMPTY, monkeypatch, caplog, _emptied)
    assert refused_by_check == {
        "index.md#recently-added", "index.md#topics", "papers/index.md#reading-log", "papers/index.md#rl-all-papers",
    }
    assert refused_by_mkdocs == refused_by_check


def test_a_reference_link_is_located_at_its_definition_as_it_writes_the_address():
    from generator.handlinks import links_of

    # (looked for from the link on, `[a][ref]` was found at b's `#caf%C3%A9`, and b
    # then at the definition; `[c][]` and `[d]` use their own definitions)
    text = (
        "See [a][ref] and [b](#caf%C3%A9), ![i][Img] [c][] [ref].\n\n"
        '[ref]: #café\n[img]: pic.png\n[c]: <about.md#café> "t"\n'
    )
    assert links_of(text) == (
        ("#caf%C3%A9", 3, 8), ("#caf%C3%A9", 1, 22), ("pic.png", 4, 8),
        ("about.md#caf%C3%A9", 5, 7), ("#caf%C3%A9", 3, 8),
    )


def test_a_link_to_a_heading_its_page_has_by_its_own_tests_makes_no_page_context(tmp_path, monkeypatch):
    # (The page's whole context takes the list's topic assignments, a second at 10,000
    # papers: a heading every such page has, or one its paper decides, needs none.)
    from generator.pagetests import PageTests

    monkeypatch.setattr(PageTests, "_context", lambda *args: pytest.fail("a page's context was made"))
    project = _project(
        tmp_path,
        "# About\n\n[a](papers/task-vectors.md#abstract) [b](papers/replay-against-forgetting.md#curators-notes)"
        " [c](topics/model-merging/index.md#all-papers-in-this-topic) [d](papers/task-vectors.md#related-papers)\n",
    )
    assert _checked(project) == []


def _parts_of(tmp_path: Path, monkeypatch, template: str) -> tuple:
    """pageanchors._template_parts of a made-up template ``template``."""
    (tmp_path / "made.md.j2").write_text(template, encoding="utf-8")
    monkeypatch.setattr(pageanchors, "_TEMPLATES", tmp_path)
    pageanchors._template_parts.cache_clear()
    try:
        return pageanchors._template_parts("made.md.j2")
    finally:
        pageanchors._template_parts.cache_clear()


def test_a_loop_s_else_is_not_its_enclosing_if_s_else(tmp_path, monkeypatch):
    # (Read as the if's `else`, the loop's put "Under a" under `a` failing: refused on
    # each page that has it, accepted on each that lacks it.)
    parts = _parts_of(
        tmp_path, monkeypatch,
        "{% if a %}\n{% for x in xs %}\n{{ x }}\n{% else %}\nnone\n{% endfor %}\n## Under a\n{% endif %}\n",
    )
    assert parts == (("heading", "## Under a", (("a", True),)),)


def test_a_heading_in_a_loop_is_under_its_items_being_there(tmp_path, monkeypatch):
    parts = _parts_of(
        tmp_path, monkeypatch,
        "{% for y in ys %}\n## In a loop\n{% else %}\n<p id=\"no-ys\"></p>\n{% endfor %}\n"
        "{% for z in zs if z.shown %}\n## Filtered\n{% endfor %}\n",
    )
    assert parts == (
        ("heading", "## In a loop", (("(ys) | list | length > 0", True),)),
        ("id", "no-ys", (("(ys) | list | length > 0", False),)),
        ("heading", "## Filtered", (("{% for z in zs if z.shown %}", True),)),
    )
    from generator.models import Content
    from generator.pagetests import PageTests

    decide = PageTests(Content((), ()), "", False).decider("made.md.j2", None)
    assert decide("(ys) | list | length > 0") is None  # (no context: not known)
    assert decide("{% for z in zs if z.shown %}") is None  # (no expression: not known)


def test_whitespace_control_plus_opens_and_closes_an_if(tmp_path, monkeypatch):
    # (`{%+ if %}` was not read as a tag: "Under c" was taken as always there, and its
    # `endif` closed the `if` around "Under b")
    parts = _parts_of(
        tmp_path, monkeypatch,
        "{% if b %}\n{%+ if c +%}\n## Under c\n{% endif %}\n## Under b\n{% endif %}\n",
    )
    assert parts == (
        ("heading", "## Under c", (("b", True), ("c", True))),
        ("heading", "## Under b", (("b", True),)),
    )


@pytest.mark.parametrize("name", ["paper.md.j2", "topic.md.j2", "home.md.j2", "all_papers.md.j2", "topics.md.j2"])
def test_each_test_of_a_heading_only_some_pages_have_is_decided(tmp_path, name):
    """A test check cannot decide (one of a name the page's context lacks, or of a loop
    with a filter) takes its heading as there on every page: a template that puts a
    heading under such a test fails here, rather than `check` accepting every link to
    it. ("Related papers", in both branches of `{% if related %}`, needs none.)"""
    from generator.pagetests import PageTests

    project = _project(tmp_path, "# About\n")
    content, _ = load_content(project / "content", project)
    intro = (project / "content/pages/index.md").read_text(encoding="utf-8")
    tests = PageTests(content, intro, contributing=False)
    subject = {"paper.md.j2": content.papers[0], "topic.md.j2": content.topics[0]}.get(name)
    decide = tests.decider(name, subject)
    conditions = pageanchors._conditions(name, SETTINGS, intro if name == "home.md.j2" else "")
    undecided = {
        (anchor, test)
        for anchor, each in conditions.items()
        if each != ((),)
        for condition in each
        for test, _ in condition
        if decide(test) is None
    }
    assert undecided == set()
    # ... and each is said in words (pageanchors.WHEN), not as "on some pages"
    words = pageanchors.WHEN.get(name, {})
    unsaid = {
        test
        for each in conditions.values()
        if each != ((),)
        for condition in each
        for test, _ in condition
        if test.removeprefix("not ") not in words
    }
    assert unsaid == set()
    if name != "topics.md.j2":
        assert any(each != ((),) for each in conditions.values())  # (some are decided)


def test_a_link_to_a_paper_s_cite_makes_no_page_context(tmp_path, monkeypatch):
    # (Its test, `bibtex`, is the paper's own citation: the whole context, with the
    # list's topic assignments, was made for it, some 2 s at 10,000 papers.)
    from generator.pagetests import PageTests

    monkeypatch.setattr(PageTests, "_context", lambda *args: pytest.fail("a page's context was made"))
    project = _project(tmp_path, "# About\n\n[a](papers/task-vectors.md#cite)\n")
    assert _checked(project) == []


def test_an_introduction_not_utf8_is_said_once_whatever_page_a_link_names(tmp_path, capsys):
    # (Read for the home page's tests, it stopped `check` with a UnicodeDecodeError at
    # a link to any generated page's anchor; 7d06df82 said the file's error alone.)
    from generator import cli

    project = _project(
        tmp_path,
        "# About\n\n[a](papers/task-vectors.md#abstract) [b](index.md#downloads)"
        " [c](papers/task-vectors.md#nowhere)\n",
    )
    (project / "content/pages/index.md").write_bytes(b"# Welcome\n\nCaf\xe9 list.\n")
    assert cli.main(["--root", str(project), "check"]) == 1
    said = [line for line in capsys.readouterr().out.splitlines() if ": " in line and "warning" not in line]
    assert said == [
        # (task-vectors has no notes)
        "content/pages/about.md:3:66: link 'papers/task-vectors.md#nowhere': 'papers/task-vectors.md'"
        " has no heading '#nowhere' (its anchors: #abstract, #cite, #reading-order, #related-papers)",
        "content/pages/index.md:3:4: the file is not UTF-8 (invalid byte 0xe9); it reads as"
        " Windows-1252 or Latin-1: save it as UTF-8",
    ]


def test_a_curator_s_jinja_in_notes_is_text_to_a_heading_s_test(tmp_path):
    # (The tests are the templates' own; a note is data to them: read as a template,
    # "{{ '' }}" would be no notes, and "#curators-notes" refused.)
    project = _project(tmp_path, "# About\n\n[a](papers/jinja-notes.md#curators-notes)\n")
    (project / "content/papers/jinja-notes.yml").write_text(
        "id: jinja-notes\ntitle: Notes That Look Like Jinja\nauthors: [Ada Lovelace]\nyear: 2020\n"
        "topics: [continual-learning]\nnotes: \"{{ '' }}{% if false %}x{% endif %}\"\n",
        encoding="utf-8",
    )
    assert _checked(project) == []


def test_a_test_that_reads_a_name_the_paper_alone_lacks_is_decided_by_the_whole_context(tmp_path):
    # (Tried with the paper alone first, `neighbours is defined` raised nothing and was
    # False, and `neighbours | default(true)` True, for a paper alone in its topics.)
    from generator.pagetests import PageTests

    project = _project(tmp_path, "# About\n")
    _varied(project)
    content, _ = load_content(project / "content", project)
    lonely = next(paper for paper in content.papers if paper.id == "lonely")
    decide = PageTests(content, "", False).decider("paper.md.j2", lonely)
    assert decide("neighbours is defined") is True
    assert decide("neighbours | default(true)") is False
    assert decide("paper.notes | trim") is True


def test_a_link_to_a_heading_a_few_papers_show_there_makes_no_page_context(tmp_path, monkeypatch):
    # (Each of these tests reads what the list's topic assignments make, or the page's
    # context: the whole was made for them, some 2 s at 10,000 papers. A site of the
    # page's paper, the reading orders' and a likely member of each topic shows them.)
    from generator.pagetests import PageTests

    monkeypatch.setattr(PageTests, "_context", lambda *args: pytest.fail("a page's whole context was made"))
    project = _project(
        tmp_path,
        "# About\n\n[a](papers/task-vectors.md#reading-order) [b](topics/continual-learning/index.md#related-topics)"
        " [c](topics/model-merging/index.md#start-here) [d](topics/model-merging/index.md#sub-topics)"
        " [e](topics/model-merging/index.md#rl-topic-papers) [f](index.md#topics) [g](index.md#recently-added)"
        " [h](index.md#downloads) [i](index.md#contribute) [j](papers/index.md#reading-log)\n",
    )
    _varied(project)
    (project / "content/pages/contributing.md").write_text("# Contributing\n", encoding="utf-8")
    assert _checked(project) == []


def test_a_growing_name_there_on_a_site_of_some_papers_is_there_on_the_whole_list_s(tmp_path):
    """pagetests.GROWING, for every page of a varied list, on the site of each set of
    its papers (the page's own paper among them): a name there on it is there on the
    page of the whole list, as `check` takes it from a few papers' site."""
    import itertools

    from generator.models import Site
    from generator.pagecontext import make_index
    from generator.pagetests import GROWING, PageTests
    from generator.topics import assign_topics

    project = _project(tmp_path, "# About\n")
    _varied(project)
    content, _ = load_content(project / "content", project)
    assigned = assign_topics(content.papers, content.topics)
    intro = (project / "content/pages/index.md").read_text(encoding="utf-8")
    tests = PageTests(content, intro, contributing=True)
    pages = [
        *(("paper.md.j2", paper) for paper in content.papers),
        *(("topic.md.j2", topic) for topic in content.topics),
        ("home.md.j2", None),
        ("all_papers.md.j2", None),
    ]
    tried = there = 0
    for template, subject in pages:
        whole = tests._context(template, subject)
        for size in range(len(content.papers) + 1):
            for papers in itertools.combinations(content.papers, size):
                if template == "paper.md.j2" and subject not in papers:
                    continue
                site = Site(papers, content.topics, {p.id: assigned[p.id] for p in papers}, {})
                few = tests._context_on(site, make_index(site), template, subject)
                for name in GROWING[template]:
                    tried += 1
                    if few[name]:
                        there += 1
                        assert whole[name], (template, getattr(subject, "id", None), name, [p.id for p in papers])
    assert tried > 3000 and there > tried // 4  # (many sets, and many a name is there on)


def test_the_few_papers_site_is_made_once_for_the_pages_it_decides(tmp_path, monkeypatch):
    # (Made again for each linked page, after a walk of the whole list for its papers, a
    # hand page linking 300 pages' headings cost more at 10,000 papers than the whole
    # context it spares: BENCHMARKS.md, the fifty-eighth session, h_rev86.) A paper's
    # page outside the few papers (hostile-inputs: no reading order names it, and no
    # topic's keyword phrase is in its title) has a site of its own: them and it.
    from generator import pagecontext
    from generator.pagetests import PageTests

    monkeypatch.setattr(PageTests, "_context", lambda *args: pytest.fail("a page's whole context was made"))
    made: list[int] = []
    make_index = pagecontext.make_index
    monkeypatch.setattr(pagecontext, "make_index", lambda site, *more: made.append(len(site.papers)) or make_index(site, *more))
    project = _project(
        tmp_path,
        "# About\n\n[a](papers/task-vectors.md#reading-order) [b](papers/crossover.md#reading-order)"
        " [c](topics/continual-learning/index.md#related-topics) [d](topics/model-merging/index.md#start-here)"
        " [e](topics/model-merging/index.md#sub-topics) [f](index.md#topics) [g](index.md#recently-added)"
        " [h](papers/index.md#reading-log) [i](papers/hostile-inputs.md#reading-order)\n",
    )
    _varied(project)
    assert _checked(project) == []
    assert made == [6, 7]  # (the six papers' site, once; then hostile-inputs' own)


def test_once_the_whole_site_is_made_no_few_papers_site_is(tmp_path, monkeypatch):
    # (A refused link made the whole list's site; a paper page's own few papers' site
    # after it cost more than its whole context: 1,000 such links 1-2 s at 10,000.)
    from generator import pagecontext

    made: list[int] = []
    make_index = pagecontext.make_index
    monkeypatch.setattr(pagecontext, "make_index", lambda site, *more: made.append(len(site.papers)) or make_index(site, *more))
    project = _project(
        tmp_path,
        "# About\n\n[a](topics/continual-learning/index.md#sub-topics) [b](papers/hostile-inputs.md#reading-order)\n",
    )
    _varied(project)
    found = _checked(project)
    assert [line.split(": ", 1)[0] for line in found] == ["content/pages/about.md:3:5"] and "#sub-topics" in found[0]
    assert made == [6, 7]  # (the few papers' site, then the whole list's; no hostile-inputs' own)
