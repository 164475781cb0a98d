"""`check` on what lies beside the papers and topics: the links of the hand-written pages
(content/pages/*.md) and the importer's record (content/sources/imported.json)."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.utils.meta import get_data

from generator import build, provenance
from generator.curation import load_content
from generator.errors import CuratorError
from generator.provenance import Seen, digest
from tests.test_build import FIXTURE, make_project
from tests.test_curation import NO_SUCH_PAPER, _Project, without_topicless
from tests.test_curation_cross_file import TOPICS, paper, project

INDEX = "content/pages/index.md"
T_FILE = "content/topics.yml"
RECORD = "content/sources/imported.json"
# What a link to a topic no record explains is told to do, as a paper's `topics:` entry is.
TOPIC_FIX = "; remove it here, write the topic meant, or define it in topics.yml"


def messages(root: Path) -> list[str]:
    _, problems = load_content(root / "content", root)
    return without_topicless(problems.sorted())


def with_pages(root: Path, **pages: str) -> Path:
    folder = root / "content" / "pages"
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in pages.items():
        (folder / f"{name}.md").write_text(text, encoding="utf-8")
    return root


def record(root: Path, **titles: str) -> None:
    """An importer's record of papers imported with these titles (id -> title)."""
    views = {
        paper_id: Seen({"title": frozenset({digest(title)})}, frozenset())
        for paper_id, title in titles.items()
    }
    path = root / "content" / provenance.RELATIVE_PATH
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(provenance.dumps(views), encoding="utf-8")


def three_papers(tmp_path: Path) -> Path:
    return project(
        tmp_path,
        TOPICS,
        a=paper("a"),
        b=paper("b"),
        c=paper("c"),
        **{"multi-task-survey": paper("multi-task-survey")},
    )


# ------------------------------------------------------------------ hand-written pages


def test_links_that_lead_to_files_of_the_site_pass(tmp_path):
    root = with_pages(
        three_papers(tmp_path),
        index=(
            "# Home\n\nOpen [a](papers/a.md), the [table](papers/index.md), the"
            " [topics](topics/index.md), [one topic](topics/in-context-learning/index.md),"
            " [about](about.md#data), [this](#top), [JSON](papers.json), [feed](feed.xml),"
            " [bib](topics/multi-task-learning.bib), [ref](curation-reference.md),"
            " [elsewhere](https://example.org/papers/gone.md), [mail](mailto:a@b.org)\n"
        ),
        about="# About\n\n[Home](index.md) and [contributing](./contributing.md)\n",
        contributing="# Contributing\n",
    )
    assert messages(root) == []


def test_a_link_to_a_deleted_paper_is_reported_at_its_place_in_the_page(tmp_path):
    # The curator deleted multi-task-survey; the home introduction still links to it.
    root = three_papers(tmp_path)
    (root / "content" / "papers" / "multi-task-survey.yml").unlink()
    with_pages(
        root,
        index="# Home\n\nStart with\nthe [survey](papers/multi-task-survey.md), then [b](papers/b.md).\n",
    )
    assert messages(root) == [
        f"{INDEX}:4:14: link 'papers/multi-task-survey.md' leads to no page:"
        " no paper 'multi-task-survey'" + NO_SUCH_PAPER,
    ]


def test_a_raw_html_link_is_checked_as_the_browser_follows_it_from_the_pages_address(tmp_path):
    # (hunt22: MkDocs neither checks nor rewrites a link of raw HTML, and check read only
    # Markdown links: a hand page's <a href> to a paper deleted, a mistyped topic, or a
    # page file, which raw HTML keeps as written, broke in the site with nothing said.)
    root = three_papers(tmp_path)
    (root / "content" / "papers" / "multi-task-survey.yml").unlink()
    with_pages(
        root,
        index=(
            '# Home\n\n<p>Start with <a href="papers/a/">a</a>, the\n'
            '<a class="x" href=\'papers/multi-task-survey/\'>survey</a>.</p>\n'
        ),
        about=(
            '# About\n\nRead <a href="../papers/b/index.html">b</a>, <a href="/topics/in-context-learning/">one'
            ' topic</a>, <a href="../topics/multi-task-learnin/">another</a>,\n'
            '<a href="../papers/c.md#abstract">c</a>, <a href="https://example.org/papers/gone/">elsewhere</a>'
            ' and `<a href="../papers/gone/">code</a>`.\n'
        ),
    )
    assert messages(root) == [
        "content/pages/about.md:3:109: link '../topics/multi-task-learnin/' leads to no page: no topic"
        " 'multi-task-learnin' (did you mean '../topics/multi-task-learning/'?)" + TOPIC_FIX,
        "content/pages/about.md:4:10: link '../papers/c.md#abstract' is raw HTML, which MkDocs leaves as"
        " written (it makes only Markdown links to page files addresses): write the page's address,"
        " '../papers/c/#abstract'",
        f"{INDEX}:4:20: link 'papers/multi-task-survey/' leads to no page: no paper 'multi-task-survey'"
        + NO_SUCH_PAPER,
    ]


def test_a_link_inside_an_admonition_is_checked_as_mkdocs_renders_it(tmp_path):
    # CommonMark reads an admonition's indented body as code: check saw no link there,
    # and the strict build then stopped on MkDocs' own warning, without a line.
    root = with_pages(
        three_papers(tmp_path),
        about=(
            "# About\n\n!!! note \"A note\"\n\n    See [gone](papers/gone.md).\n\n"
            "    ???tip\n        And [b](papers/b.md), [gone too](papers/also-gone.md).\n\n"
            "After it, [a](papers/a.md).\n\n    [code, not a link](papers/in-code.md)\n"
        ),
    )
    A = "content/pages/about.md"
    assert messages(root) == [
        f"{A}:5:16: link 'papers/gone.md' leads to no page: no paper 'gone'" + NO_SUCH_PAPER,
        f"{A}:8:42: link 'papers/also-gone.md' leads to no page: no paper 'also-gone'" + NO_SUCH_PAPER,
    ]


def test_an_admonition_is_read_as_python_markdown_reads_its_opening_line(tmp_path):
    # A line that only starts like one is a paragraph; a title's links are links; a
    # body indented with a tab is a body; "!!! note: x" opens none (its indented lines
    # are code). Each was a miss or a false error of check in a first version.
    root = with_pages(
        three_papers(tmp_path),
        about=(
            "# About\n\n!!!Important: read [this](papers/gone1.md) first.\n\n"
            '!!! note "See [t](papers/gone2.md)"\n\n  \t[b](papers/gone3.md)\n\n'
            "!!! note: heads up\n\n    [code](papers/in-code.md)\n"
        ),
    )
    A = "content/pages/about.md"
    assert messages(root) == [
        f"{A}:3:27: link 'papers/gone1.md' leads to no page: no paper 'gone1'" + NO_SUCH_PAPER,
        f"{A}:5:19: link 'papers/gone2.md' leads to no page: no paper 'gone2'" + NO_SUCH_PAPER,
        f"{A}:7:8: link 'papers/gone3.md' leads to no page: no paper 'gone3'" + NO_SUCH_PAPER,
    ]


def test_a_dangling_link_to_a_mistyped_paper_or_topic_suggests_the_link_to_write(tmp_path):
    root = with_pages(
        three_papers(tmp_path),
        about=(
            "# About\n\n"
            "- [survey](papers/multi-task-survy.md#results)\n"
            "- [topic](topics/in-context-learnig/index.md)\n"
            "- [topic feed](topics/multi-task-learnig.xml)\n"
            "- [page](contributng.md)\n"
        ),
        contributing="# Contributing\n",
    )
    A = "content/pages/about.md"
    assert messages(root) == [
        f"{A}:3:12: link 'papers/multi-task-survy.md#results' leads to no page: no paper"
        " 'multi-task-survy' (did you mean 'papers/multi-task-survey.md#results'?)",
        f"{A}:4:11: link 'topics/in-context-learnig/index.md' leads to no page: no topic"
        " 'in-context-learnig' (did you mean 'topics/in-context-learning/index.md'?)" + TOPIC_FIX,
        f"{A}:5:16: link 'topics/multi-task-learnig.xml' leads to no page: no topic"
        " 'multi-task-learnig' (did you mean 'topics/multi-task-learning.xml'?)" + TOPIC_FIX,
        f"{A}:6:10: link 'contributng.md' leads to no file of the site"
        " (did you mean 'contributing.md'?)",
    ]


def test_a_link_to_a_topic_by_its_keyword_names_the_topic(tmp_path):
    # As a paper's 'topics:' entry does: a renamed topic is often linked by its subject.
    root = with_pages(three_papers(tmp_path), about="See [it](topics/multitask/index.md).\n")
    assert messages(root) == [
        "content/pages/about.md:1:10: link 'topics/multitask/index.md' leads to no page:"
        " no topic 'multitask' (did you mean 'topics/multi-task-learning/index.md'?"
        " it is about 'multi-task')" + TOPIC_FIX,
    ]


# Two topics, one's id held whole in the other's title: "parameter-efficient-fine-tuning"
# spells 'fine-tuning' inside it, but is the other's title.
TUNING = """\
topics:
  - id: fine-tuning
    title: Fine-Tuning
    keywords:
      fine-tuning: 1
  - id: peft
    title: Parameter-Efficient Fine-Tuning
    parent: fine-tuning
    keywords:
      parameter-efficient: 1
"""


@pytest.mark.parametrize(
    ("word", "meant", "about"),
    [
        # (the title's slug: 'topics/fine-tuning/index.md' was suggested, by spelling)
        ("parameter-efficient-fine-tuning", "peft", "Parameter-Efficient Fine-Tuning"),
        ("Parameter-Efficient-Fine-Tuning", "peft", "Parameter-Efficient Fine-Tuning"),
        # (its id and its title's slug joined, as a paper's link may be written)
        ("peft-parameter-efficient-fine-tuning", "peft", "Parameter-Efficient Fine-Tuning"),
    ],
)
def test_a_link_naming_a_topic_by_its_title_is_told_that_topic_not_one_spelt_inside_it(
    tmp_path, word, meant, about
):
    papers = {"a": "id: a\ntitle: A parameter-efficient fine-tuning study\n"}
    root = with_pages(project(tmp_path, TUNING, **papers), about=f"See [it](topics/{word}/index.md).\n")
    assert messages(root) == [
        f"content/pages/about.md:1:10: link 'topics/{word}/index.md' leads to no page:"
        f" no topic {word!r} (did you mean 'topics/{meant}/index.md'? it is about {about!r})" + TOPIC_FIX,
    ]


def test_a_paper_and_a_parent_naming_a_topic_by_its_title_are_told_that_topic(tmp_path):
    # (as a page's link: 'fine-tuning', spelt inside the title, was suggested)
    topics = TUNING + "  - id: lora\n    title: LoRA\n    parent: parameter-efficient-fine-tuning\n"
    papers = {"a": "id: a\ntitle: A parameter-efficient fine-tuning study\ntopics: [parameter-efficient-fine-tuning]\n"}
    hint = " (did you mean 'peft'? it is about 'Parameter-Efficient Fine-Tuning')" + TOPIC_FIX
    assert messages(project(tmp_path, topics, **papers)) == [
        "content/papers/a.yml:3:10: unknown topic 'parameter-efficient-fine-tuning'" + hint,
        f"{T_FILE}:11:9: warning: topic 'lora' has no papers",
        f"{T_FILE}:13:13: 'parent': unknown topic 'parameter-efficient-fine-tuning'" + hint,
    ]


def test_a_split_topic_linked_from_a_page_is_reported_with_what_to_do(tmp_path):
    # 'learning' was split into the two topics of TOPICS: no suggestion is near enough.
    # A deleted topic leaves no record, so the message says what to do for a deleted
    # topic and for a typo alike (it said only "no topic 'learning'").
    root = with_pages(three_papers(tmp_path), about="See [it](topics/learning/index.md).\n")
    assert messages(root) == [
        "content/pages/about.md:1:10: link 'topics/learning/index.md' leads to no page:"
        " no topic 'learning'; remove it here, write the topic meant, or define it in"
        " topics.yml",
    ]


def test_a_link_to_a_topic_page_file_that_is_not_its_page_names_the_page(tmp_path):
    # A file name, not an address: the topic's page is a folder's index (a paper's is not).
    root = with_pages(three_papers(tmp_path), index="[x](topics/in-context-learning.md#a)\n")
    assert messages(root) == [
        f"{INDEX}:1:5: link 'topics/in-context-learning.md#a' leads to no page file: the page"
        " is 'topics/in-context-learning/index.md#a'"
    ]


@pytest.mark.parametrize(
    "href, file",
    [
        ("papers/a/", "papers/a.md"),
        ("topics/in-context-learning/", "topics/in-context-learning/index.md"),
        ("about/", "about.md"),
        ("papers/", "papers/index.md"),
    ],
)
def test_a_link_to_an_address_names_the_file_mkdocs_follows(tmp_path, href, file):
    # MkDocs --strict fails on such a link ("unrecognized relative link") even when the
    # page exists: the fix is the page's file.
    root = with_pages(three_papers(tmp_path), index=f"[x]({href})\n", about="# About\n")
    assert messages(root) == [
        f"{INDEX}:1:5: link {href!r} names an address; MkDocs follows only links to page"
        f" files: write {file!r}"
    ]


def test_a_web_address_without_its_https_says_the_address_to_write(tmp_path):
    # Markdown reads "www.x.org" and "https//x.org" as files beside the page: "leads to no
    # file of the site" alone left the curator looking for a file.
    root = with_pages(
        three_papers(tmp_path), index="[x](www.example.org/lab)\n\n[y](https//github.com/o/r)\n",
        about="# About\n",
    )
    assert messages(root) == [
        f"{INDEX}:1:5: link 'www.example.org/lab' leads to no file of the site; an address on"
        " the web needs https://: write 'https://www.example.org/lab'",
        f"{INDEX}:3:5: link 'https//github.com/o/r' leads to no file of the site; an address on"
        " the web needs https://: write 'https://github.com/o/r'",
    ]


def test_a_link_whose_https_is_mistyped_is_reported(tmp_path):
    # "htps://" is a scheme of its own to MkDocs and to check: the link was left alone,
    # and no reader's browser opens it. Other schemes are not http mistyped.
    root = with_pages(
        three_papers(tmp_path),
        index="[x](htps://example.org/lab)\n\n[y](ttps://github.com/o/r)\n\n[m](mailto:a@b.org)\n\n[f](ftp://x.org/f)\n",
        about="# About\n",
    )
    assert messages(root) == [
        f"{INDEX}:1:5: link 'htps://example.org/lab' has the scheme 'htps:', which no browser"
        " opens: write 'https://example.org/lab'",
        f"{INDEX}:3:5: link 'ttps://github.com/o/r' has the scheme 'ttps:', which no browser"
        " opens: write 'https://github.com/o/r'",
    ]


def test_a_link_with_backslashes_for_slashes_is_told_the_address_to_write(tmp_path):
    # (review: "https://github.com\a\b", pasted from a Windows path, was left alone, as
    # "https:\\x.org\a" was: a link field is refused with the address to write. The
    # address is quoted as typed, its backslashes not doubled.)
    root = with_pages(
        three_papers(tmp_path),
        index="[x](https://github.com\\a\\b)\n\n[y](https:\\example.org\\lab)\n\n[q](https://x.org/a?q=x\\y)\n",
        about="# About\n",
    )
    assert messages(root) == [
        f"{INDEX}:1:5: link 'https://github.com\\a\\b' has backslashes where an address has"
        " slashes: write 'https://github.com/a/b'",
        f"{INDEX}:3:5: link 'https:\\example.org\\lab' has backslashes where an address"
        " has slashes: write 'https://example.org/lab'",
    ]


def test_a_link_no_reader_can_open_is_warned_of_at_its_place_as_in_a_papers_links(tmp_path):
    # An address on the curator's own computer or intranet works where the page was
    # written and nowhere else: check warned of it in a paper's links, not in the pages.
    root = with_pages(
        three_papers(tmp_path),
        index=(
            "# Home\n\nSee [the wiki](http://intranet/wiki/a), the [demo](http://localhost:8000/x)\n"
            "and ![a plot](http://192.168.0.7/plot.png), [NAS](https://nas.local/f).\n\n"
            "See [ref] and [the lab](https://example.org/lab), [mail](mailto:a@b.org).\n\n[ref]: http://wiki/page\n"
        ),
    )
    tail = ", so no reader of the site can open it; give its address on the web, or remove the link"
    assert messages(root) == [
        f"{INDEX}:3:16: warning: link 'http://intranet/wiki/a': its host, intranet, is a name without"
        " a dot, known only inside a local network" + tail,
        f"{INDEX}:3:52: warning: link 'http://localhost:8000/x': its host, localhost, names the"
        " reader's own computer" + tail,
        f"{INDEX}:4:15: warning: link 'http://192.168.0.7/plot.png': its host, 192.168.0.7, is an"
        " address of a private network (or one reserved)" + tail,
        f"{INDEX}:4:51: warning: link 'https://nas.local/f': its host, nas.local, is a name known only"
        " inside a local network" + tail,
        f"{INDEX}:8:8: warning: link 'http://wiki/page': its host, wiki, is a name without a dot,"
        " known only inside a local network" + tail,
    ]
    # The same words as for a paper's link, from the same code.
    root = three_papers(tmp_path / "p")
    (root / "content" / "papers" / "a.yml").write_text(paper("a", extra="links:\n  code:\n    - url: http://intranet/wiki/a\n"))
    [said] = messages(root)
    assert said.endswith(": warning: 'url' http://intranet/wiki/a: its host, intranet, is a name without"
                         " a dot, known only inside a local network" + tail)


def test_a_link_to_a_host_a_letter_from_a_known_one_is_warned_of_as_in_a_papers_links(tmp_path):
    # (curator: "[the code](https://githb.com/o/r)" on the home page passed check)
    root = with_pages(three_papers(tmp_path), index="# Home\n\nSee [the code](https://githb.com/o/r).\n")
    assert messages(root) == [
        f"{INDEX}:3:16: warning: link 'https://githb.com/o/r': its host, githb.com, is one letter"
        " from github.com: if that is the host meant, write https://github.com/o/r",
    ]


def test_a_page_the_site_does_not_take_for_its_name_or_folder_is_warned_of(tmp_path):
    # (curator: about.md renamed About.MD, or saved as seminar.markdown or into a folder,
    # left the site without the page, and check said nothing)
    root = with_pages(three_papers(tmp_path), index="# Home\n", contact="# Contact\n")
    folder = root / "content" / "pages"
    (folder / "About.MD").write_text("# About\n", encoding="utf-8")
    (folder / "seminar.markdown").write_text("# Seminar\n", encoding="utf-8")
    (folder / "contact.mkd").write_text("# Contact, again\n", encoding="utf-8")
    (folder / "notes.txt").write_text("a curator's own notes\n", encoding="utf-8")  # (no page meant)
    (folder / "old").mkdir()
    (folder / "old" / "people.md").write_text("# People\n", encoding="utf-8")
    only = "not read: the site's pages are the .md files directly in content/pages/"
    assert messages(root) == [
        f"content/pages/About.MD:1:1: warning: {only}; rename it 'About.md' to make it one",
        "content/pages/contact.mkd:1:1: warning: " + only + "; content/pages/contact.md is one"
        " already: copy into it what this file adds, then delete this one",
        f"content/pages/old/people.md:1:1: warning: {only}; move it there to make it one",
        f"content/pages/seminar.markdown:1:1: warning: {only}; rename it 'seminar.md' to make it one",
    ]


def test_a_page_left_out_beside_its_name_in_other_capitals_is_told_to_merge_not_rename(tmp_path):
    # 'About.MD' beside 'about.md' (Linux keeps both): renamed 'About.md' as told, it was an
    # error, one file name to macOS and Windows
    root = with_pages(three_papers(tmp_path), index="# Home\n", about="# About\n")
    (root / "content" / "pages" / "About.MD").write_text("# About, again\n", encoding="utf-8")
    assert messages(root) == [
        "content/pages/About.MD:1:1: warning: not read: the site's pages are the .md files"
        " directly in content/pages/; content/pages/about.md is one already: copy into it"
        " what this file adds, then delete this one",
    ]


def test_absolute_and_outside_links_are_reported(tmp_path):
    root = with_pages(three_papers(tmp_path), index="[x](/papers/a/)\n\n[y](../README.md)\n\n[z](/nowhere/)\n")
    assert messages(root) == [
        f"{INDEX}:1:5: link '/papers/a/' is absolute: it works only on a site served at the"
        " top of its domain; write it relative to this page, 'papers/a.md'",
        f"{INDEX}:3:5: link '../README.md' leads out of the site",
        f"{INDEX}:5:5: link '/nowhere/' is absolute: it works only on a site served at the"
        " top of its domain; write it relative to this page, as 'papers/<id>.md'",
    ]


def served_at(tmp_path: Path, site_url: str, **pages: str) -> Path:
    """`three_papers` with these hand pages, its mkdocs.yml's site_url ``site_url``."""
    root = three_papers(tmp_path)
    (root / "mkdocs.yml").write_text(f"site_name: Lab\nsite_url: {site_url}\n", encoding="utf-8")
    return with_pages(root, **pages)


def test_a_root_absolute_link_on_a_site_served_under_a_sub_path_is_told_it_leads_off_the_site(tmp_path):
    # (hunt24: on GitHub Pages, https://x.github.io/lab-list/ is the site, and a raw HTML
    # '/papers/a/' opens https://x.github.io/papers/a/, another site: nothing was said of
    # it, and '/lab-list/papers/b/', which is the page, was a false alarm from about/.)
    root = served_at(
        tmp_path,
        "https://x.github.io/lab-list/",
        index='# Home\n\n[x](/papers/a/) and [y](/lab-list/papers/b/#abstract)\n',
        about=(
            '# About\n\n<a href="/papers/a/">a</a>, <a href="/lab-list/papers/b/">b</a>,'
            ' <a href="/contributing/#how">how</a>, <a href="/lab-list/papers/gone/">gone</a>\n'
        ),
        contributing="# Contributing\n\n## How\n",
    )
    assert messages(root) == [
        "content/pages/about.md:3:10: link '/papers/a/' leads off the site: site_url in mkdocs.yml"
        " serves it under '/lab-list/', which an address from the top of the domain leaves out;"
        " write the address from this page, '../papers/a/'",
        "content/pages/about.md:3:75: link '/contributing/#how' leads off the site: site_url in"
        " mkdocs.yml serves it under '/lab-list/', which an address from the top of the domain"
        " leaves out; write the address from this page, '../contributing/#how'",
        "content/pages/about.md:3:113: link '/lab-list/papers/gone/' leads to no page: no paper 'gone'"
        + NO_SUCH_PAPER,
        f"{INDEX}:3:5: link '/papers/a/' leads off the site: site_url in mkdocs.yml serves it under"
        " '/lab-list/', which an address from the top of the domain leaves out; write it relative"
        " to this page, 'papers/a.md'",
        f"{INDEX}:3:25: link '/lab-list/papers/b/#abstract' is absolute, which the strict build"
        " refuses (MkDocs leaves it as written: it breaks when the site moves); write it relative"
        " to this page, 'papers/b.md#abstract'",
    ]
    # (Served at the top of its domain, a raw HTML '/papers/a/' is the page, as before.)
    (root / "mkdocs.yml").write_text("site_name: Lab\nsite_url: https://lab.example.org/\n", encoding="utf-8")
    assert [m for m in messages(root) if "about.md" in m and "'/papers/a/'" in m] == []


def test_a_root_absolute_link_to_another_site_on_the_domain_of_a_sub_path_site_passes(tmp_path):
    # (rev132: on a list served at https://lab.example.org/reading-list/, the lab's own
    # '<a href="/people/">' and a sibling project's '/lab-tools/' are other sites'
    # addresses, not this one's pages: each was an error whose fix, '../people/', led to
    # no page. What names this site's home, pages, files or assets is told still.)
    root = served_at(
        tmp_path,
        "https://lab.example.org/reading-list",
        about=(
            '# About\n\n<a href="/people/">team</a>, <a href="/lab-tools/x.html">tools</a>,'
            ' <a href="/reading-listing/">near</a>\n\n<a href="/">home</a>, <a href="/feed.xml">feed</a>,'
            ' <a href="/assets/logo.png">logo</a>\n'
        ),
    )
    off = (
        " leads off the site: site_url in mkdocs.yml serves it under '/reading-list/', which an"
        " address from the top of the domain leaves out; write the address from this page, "
    )
    assert messages(root) == [
        "content/pages/about.md:5:10: link '/'" + off + "'../'",
        "content/pages/about.md:5:32: link '/feed.xml'" + off + "'../feed.xml'",
        "content/pages/about.md:5:62: link '/assets/logo.png'" + off + "'../assets/logo.png'",
    ]


def test_links_are_placed_at_their_own_address_not_at_an_earlier_one_holding_it(tmp_path):
    # 'papers/a/' is written whole inside '../papers/a/' before it: each was said at the
    # first one's column (27 and 46 said as 8 and 7), out of order along the line.
    root = with_pages(
        three_papers(tmp_path),
        index=(
            "[x](../papers/a/) and [y](papers/a/) and [z](/papers/a/) and [w](../papers/a.md)\n\n"
            # A badge: its image is written before the link that holds it, found after it.
            "[![b](img.svg)](../papers/a/) and [c](papers/a/)\n"
        ),
    )
    assert [m.split(": ", 1)[0] for m in messages(root)] == [
        f"{INDEX}:1:5", f"{INDEX}:1:27", f"{INDEX}:1:46", f"{INDEX}:1:66",
        f"{INDEX}:3:7", f"{INDEX}:3:17", f"{INDEX}:3:39",
    ]


def test_a_link_written_from_the_pages_address_names_the_file_to_link(tmp_path):
    # A curator reading the site's addresses in the browser (about/ beside papers/a/)
    # writes '../papers/a/' or '/papers/a/'; the page's links go from its file, at the
    # top of the site: the message names the file to write, as for 'papers/a/'.
    root = with_pages(
        three_papers(tmp_path),
        index="[x](../papers/a/)\n\n[y](/topics/in-context-learning/#why)\n\n[z](../about/)\n",
        about="# About\n",
    )
    assert messages(root) == [
        f"{INDEX}:1:5: link '../papers/a/' leads out of the site: a page's links go from its"
        " file, which is at the top of the site, not from its address in the browser; write"
        " 'papers/a.md'",
        f"{INDEX}:3:5: link '/topics/in-context-learning/#why' is absolute: it works only on a"
        " site served at the top of its domain; write it relative to this page,"
        " 'topics/in-context-learning/index.md#why'",
        f"{INDEX}:5:5: link '../about/' leads out of the site: a page's links go from its"
        " file, which is at the top of the site, not from its address in the browser; write"
        " 'about.md'",
    ]


def test_a_mistyped_paper_id_is_told_the_paper_meant_however_the_link_is_written(tmp_path):
    # (hunt20: 'papers/multi-task-surevy.md' was told the paper meant, but the same typo in
    # an absolute link, one written from the page's address, or one that left out the
    # papers/ folder was told "as 'papers/<id>.md'", nothing, or "no file of the site".)
    root = with_pages(
        three_papers(tmp_path),
        index=(
            "[x](/papers/multi-task-surevy/)\n\n[y](../papers/multi-task-surevy/#abstract)\n\n"
            "[z](multi-task-surevy.md)\n\n[w](multi-task-survey/)\n\n[v](in-context-learning/)\n\n"
            "[u](papers/multi-task-surevy.md)\n\n[t](unrelated-words.md)\n"
        ),
    )
    assert messages(root) == [
        f"{INDEX}:1:5: link '/papers/multi-task-surevy/' is absolute: it works only on a site"
        " served at the top of its domain; write it relative to this page, 'papers/multi-task-survey.md'",
        f"{INDEX}:3:5: link '../papers/multi-task-surevy/#abstract' leads out of the site: a page's"
        " links go from its file, which is at the top of the site, not from its address in the"
        " browser; write 'papers/multi-task-survey.md#abstract'",
        f"{INDEX}:5:5: link 'multi-task-surevy.md' leads to no file of the site: a paper's page is"
        " in papers/: write 'papers/multi-task-survey.md'",
        f"{INDEX}:7:5: link 'multi-task-survey/' leads to no file of the site: a paper's page is"
        " in papers/: write 'papers/multi-task-survey.md'",
        f"{INDEX}:9:5: link 'in-context-learning/' leads to no file of the site: a topic's page is"
        " in topics/: write 'topics/in-context-learning/index.md'",
        f"{INDEX}:11:5: link 'papers/multi-task-surevy.md' leads to no page: no paper"
        " 'multi-task-surevy' (did you mean 'papers/multi-task-survey.md'?)",
        f"{INDEX}:13:5: link 'unrelated-words.md' leads to no file of the site",
    ]


def test_a_link_to_a_file_beside_the_pages_that_the_site_leaves_out_says_so(tmp_path):
    # A curator puts a logo, or a page of their own, beside the pages in content/pages/:
    # "leads to no file of the site" read as a wrong path for a file that is right there.
    root = with_pages(
        three_papers(tmp_path),
        index="![logo](img/logo.png)\n\n[Alice](team/alice.md)\n\n[gone](img/none.png)\n\n"
        "[q](img/none.png?v=2) [a](none.pdf#page=2)\n",
    )
    folder = root / "content" / "pages"
    (folder / "img").mkdir()
    (folder / "img" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (folder / "team").mkdir()
    (folder / "team" / "alice.md").write_text("# Alice\n", encoding="utf-8")
    assert messages(root) == [
        f"{INDEX}:1:9: link 'img/logo.png' leads to no file of the site: only the .md files"
        " directly in content/pages/ are carried into it, not content/pages/img/logo.png;"
        " link it by its https:// address on the web, or move it to overrides/assets/logo.png"
        " and link 'assets/logo.png'",
        f"{INDEX}:3:9: link 'team/alice.md' leads to no file of the site: only the .md files"
        " directly in content/pages/ are carried into it, not content/pages/team/alice.md;"
        " move it to content/pages/alice.md and link 'alice.md'",
        # (audit: a picture that is nowhere was told no more, and a curator looked for a
        # folder to put it in; none of content/ is carried. Review of ff2cf239: not "no file
        # of yours", which MkDocs carries from overrides/, the theme's folder.)
        f"{INDEX}:5:8: link 'img/none.png' leads to no file of the site: no picture or other"
        " file of content/ is carried into the site (of content/pages/ only the .md files"
        " directly in it are): link it by its https:// address on the web, or put it in"
        " overrides/assets/ and link 'assets/none.png'",
        # (A query or an anchor after the file's name: the file is the same.)
        f"{INDEX}:7:5: link 'img/none.png?v=2' leads to no file of the site: no picture or other"
        " file of content/ is carried into the site (of content/pages/ only the .md files"
        " directly in it are): link it by its https:// address on the web, or put it in"
        " overrides/assets/ and link 'assets/none.png'",
        f"{INDEX}:7:27: link 'none.pdf#page=2' leads to no file of the site: no picture or other"
        " file of content/ is carried into the site (of content/pages/ only the .md files"
        " directly in it are): link it by its https:// address on the web, or put it in"
        " overrides/assets/ and link 'assets/none.pdf'",
        # (and the page in a folder is said to be no page, at itself, linked or not)
        "content/pages/team/alice.md:1:1: warning: not read: the site's pages are the .md files"
        " directly in content/pages/; move it there to make it one",
    ]


def test_a_link_to_a_file_the_theme_folder_carries_into_the_site_is_no_mistake(tmp_path):
    # (review of ff2cf239: MkDocs carries overrides/, the theme's folder, into the site,
    # all but its templates and Markdown (Files.add_files_from_theme); a picture put in
    # overrides/assets/ as a curator would after reading MkDocs' manual was "leads to no
    # file of the site", and the build stopped on a link MkDocs --strict takes)
    root = three_papers(tmp_path)
    names = ["lab.png", "extra.css?v=1", "part.html", ".lab.png", "notes.md"]
    for name in names:
        place = root / "overrides" / "assets" / name.split("?")[0]
        place.parent.mkdir(parents=True, exist_ok=True)
        place.write_bytes(b"x")
    links = " ".join(f"[{at}](assets/{name})" for at, name in enumerate(names))
    said = messages(with_pages(root, index=links + " [up](../overrides/assets/lab.png)\n"))
    assert [m for m in said if "'assets/lab.png'" in m or "'assets/extra.css?v=1'" in m] == []
    # (Not carried: a template, a hidden file, Markdown; nor a path out of the site.)
    assert [m.split(": ", 1)[1].split(" leads")[0] for m in said] == [
        "link 'assets/part.html'", "link 'assets/.lab.png'", "link 'assets/notes.md'",
        "link '../overrides/assets/lab.png'",
    ]


def test_a_reference_link_is_reported_at_its_definition_and_a_table_cell_at_its_line(tmp_path):
    root = with_pages(
        three_papers(tmp_path),
        index=(
            "See [the survey][s].\n\n| paper | why |\n|---|---|\n| [z](papers/z.md) | - |\n\n"
            "[s]: papers/gone.md\n"
        ),
    )
    assert messages(root) == [
        f"{INDEX}:5:7: link 'papers/z.md' leads to no page: no paper 'z'" + NO_SUCH_PAPER,
        f"{INDEX}:7:6: link 'papers/gone.md' leads to no page: no paper 'gone'" + NO_SUCH_PAPER,
    ]


def test_a_link_to_a_paper_the_importer_remembers_says_it_was_deleted_or_renamed(tmp_path):
    root = three_papers(tmp_path)
    (root / "content" / "papers" / "multi-task-survey.yml").unlink()
    # 'old-b' was imported with the title paper b has now: b is what it was renamed to.
    record(root, **{"multi-task-survey": "A survey", "old-b": "B in-context multi-task"})
    with_pages(root, index="[s](papers/multi-task-survey.md) [b](papers/old-b.md)\n")
    assert messages(root) == [
        f"{INDEX}:1:5: link 'papers/multi-task-survey.md' leads to no page:"
        " no paper 'multi-task-survey': it was deleted (or renamed, with another title and abstract); remove it here, or name the paper it became",
        f"{INDEX}:1:38: link 'papers/old-b.md' leads to no page:"
        " no paper 'old-b': it was renamed to 'b'; write 'papers/b.md'",
        # (and b, whose formerly: does not say so, is told at its id)
        "content/papers/b.yml:1:5: warning: paper 'b' was imported as 'old-b'"
        " (content/sources/imported.json); add 'formerly: [old-b]' so the old address"
        " papers/old-b/ leads here and readers' marks follow",
    ]


def test_check_prints_a_page_link_with_the_hand_written_file_and_fails(tmp_path, capsys):
    from generator.cli import main

    root = with_pages(three_papers(tmp_path), index="# Home\n\n[gone](papers/gone.md)\n")
    (root / "mkdocs.yml").write_text("site_name: Lab\n", encoding="utf-8")
    assert main(["check", "--root", str(root)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"{INDEX}:3:8: link 'papers/gone.md' leads to no page: no paper 'gone'" + NO_SUCH_PAPER
    assert out[-1].startswith("1 error, 0 warnings (4 papers and 2 topics loaded)")


def test_a_link_to_a_paper_or_topic_whose_file_has_errors_is_no_second_mistake(tmp_path):
    # The broken file is reported; the page's link to what it defines is not "no paper".
    root = three_papers(tmp_path)
    (root / "content" / "papers" / "b.yml").write_text("id: b\ntitle: [B\n", encoding="utf-8")
    with_pages(root, index="[b](papers/b.md) [t](topics/multi-task-learning/index.md)\n")
    found = messages(root)
    assert found and all(m.startswith("content/papers/b.yml:") for m in found), found
    topics = root / "content" / "topics.yml"
    topics.write_text(topics.read_text() + "  - id: broken\n    title: [\n", encoding="utf-8")
    found = messages(root)
    assert found and not [m for m in found if m.startswith(INDEX)], found
    # A topic with an error of its own (no title) still counts as meant.
    topics.write_text(TOPICS + "  - id: untitled\n", encoding="utf-8")
    (root / "content" / "papers" / "b.yml").write_text(paper("b"), encoding="utf-8")
    with_pages(root, index="[u](topics/untitled/index.md) [z](topics/zz/index.md)\n")
    found = messages(root)
    assert [m for m in found if m.startswith(INDEX)] == [
        f"{INDEX}:1:35: link 'topics/zz/index.md' leads to no page: no topic 'zz'" + TOPIC_FIX
    ], found
    assert any(m.startswith(f"{T_FILE}:") and "title" in m for m in found), found


def test_a_hand_page_that_is_not_utf8_is_reported_at_its_place_and_stops_the_build(
    tmp_path, capsys
):
    from generator.cli import main

    root = three_papers(tmp_path / "p")
    folder = root / "content" / "pages"
    folder.mkdir(parents=True)
    (folder / "about.md").write_bytes(b"\xef\xbb\xbf# About\n\nA curated caf\xe9 list\n")
    assert messages(root) == [
        "content/pages/about.md:3:14: the file is not UTF-8 (invalid byte 0xe9); it reads as"
        " Windows-1252 or Latin-1: save it as UTF-8"
    ]
    # `build` stopped with a traceback: it read the pages before it looked at the errors.
    project = make_project(tmp_path, FIXTURE)
    (project / "content" / "pages" / "about.md").write_bytes(b"# About\n\ncaf\xe9\n")
    assert main(["--root", str(project), "build", "-q"]) == 1
    err = capsys.readouterr().err
    assert "content/pages/about.md:3:4: the file is not UTF-8 (invalid byte 0xe9)" in err
    assert "Traceback" not in err and not (project / "site").exists()


# ------------------------------------------------------------------ the importer's record

CONFLICT = (
    "a git merge conflict (two branches both imported papers): keep the entries of both"
    " sides, each line '\"<id>\": {...}' being one paper's record (of a paper on both"
    " sides keep one line: the next import adds what the other had); delete the lines"
    " <<<<<<<, ======= and >>>>>>>; end every entry line but the last with a comma"
)


def merged(ours: str, theirs: str) -> str:
    return (
        '{\n "format": 1,\n "papers": {\n  "a": {"fields":{},"links":[]},\n'
        f"<<<<<<< HEAD\n{ours}=======\n{theirs}>>>>>>> imports\n }}\n}}\n"
    )


def test_merge_conflict_markers_in_the_record_are_an_error_that_says_how_to_resolve(tmp_path):
    root = three_papers(tmp_path)
    path = root / "content" / provenance.RELATIVE_PATH
    path.parent.mkdir(parents=True)
    path.write_text(
        merged('  "b": {"fields":{},"links":[]}\n', '  "c": {"fields":{},"links":[]}\n'),
        encoding="utf-8",
    )
    assert messages(root) == [f"{RECORD}:5:1: {CONFLICT}"]
    # Resolved as the message says, the importer reads it again.
    path.write_text(
        '{\n "format": 1,\n "papers": {\n  "a": {"fields":{},"links":[]},\n'
        '  "b": {"fields":{},"links":[]},\n  "c": {"fields":{},"links":[]}\n }\n}\n',
        encoding="utf-8",
    )
    assert messages(root) == []
    assert sorted(provenance.load(path)) == ["a", "b", "c"]


def test_each_conflict_of_the_record_is_reported(tmp_path):
    root = three_papers(tmp_path)
    path = root / "content" / provenance.RELATIVE_PATH
    path.parent.mkdir(parents=True)
    text = merged('  "b": {"fields":{},"links":[]},\n', '  "c": {"fields":{},"links":[]},\n')
    path.write_text(text.replace(" }\n}\n", "<<<<<<< HEAD\n=======\n>>>>>>> x\n }\n}\n"))
    assert messages(root) == [f"{RECORD}:5:1: {CONFLICT}", f"{RECORD}:10:1: {CONFLICT}"]


def test_a_conflict_of_the_record_with_its_base_is_told_to_delete_the_base_entries_too(tmp_path):
    # (aud6's found item 6, as 1719fd74 for the other files: with git's diff3 or zdiff3
    # style the conflict holds the entries as they were, after '||||||| base'. Told only
    # of <<<<<<<, ======= and >>>>>>>, a curator kept "a" twice, once as it was.)
    root = three_papers(tmp_path)
    path = root / "content" / provenance.RELATIVE_PATH
    path.parent.mkdir(parents=True)
    old, new = '  "a": {"fields":{},"links":[]}', '  "a": {"fields":{"year":["2020"]},"links":[]}'
    path.write_text(
        '{\n "format": 1,\n "papers": {\n'
        f'<<<<<<< HEAD\n{new},\n  "b": {{"fields":{{}},"links":[]}}\n||||||| base\n{old}\n'
        f'=======\n{new},\n  "c": {{"fields":{{}},"links":[]}}\n>>>>>>> imports\n'
        '<<<<<<< HEAD\n=======\n>>>>>>> x\n }\n}\n',
        encoding="utf-8",
    )
    with_base = (
        "a git merge conflict (two branches both imported papers): keep the entries of both"
        " sides, each line '\"<id>\": {...}' being one paper's record (of a paper on both"
        " sides keep one line: the next import adds what the other had); delete the entries"
        " between ||||||| and =======, as they were before either import, and the lines"
        " <<<<<<<, |||||||, ======= and >>>>>>>; end every entry line but the last with a comma"
    )
    # (The second conflict shows no base: told as before.)
    assert messages(root) == [f"{RECORD}:4:1: {with_base}", f"{RECORD}:13:1: {CONFLICT}"]
    # Resolved as the message says, the importer reads it again, "a" as the imports left it.
    path.write_text(
        '{\n "format": 1,\n "papers": {\n'
        f'{new},\n  "b": {{"fields":{{}},"links":[]}},\n  "c": {{"fields":{{}},"links":[]}}\n }}\n}}\n',
        encoding="utf-8",
    )
    assert messages(root) == []
    assert sorted(provenance.load(path)) == ["a", "b", "c"]


def test_invalid_json_in_the_record_is_reported_at_its_line_and_column(tmp_path):
    root = three_papers(tmp_path)
    path = root / "content" / provenance.RELATIVE_PATH
    path.parent.mkdir(parents=True)
    # A comma lost when two sides were joined by hand.
    path.write_text(
        '{\n "format": 1,\n "papers": {\n  "a": {"fields":{},"links":[]}\n'
        '  "b": {"fields":{},"links":[]}\n }\n}\n',
        encoding="utf-8",
    )
    assert messages(root) == [
        f"{RECORD}:5:3: not valid JSON: Expecting ',' delimiter; each entry line is"
        " '\"<id>\": {...}', and every entry line but the last ends with a comma (or restore"
        " the file from git)"
    ]


def test_a_record_the_importer_refuses_is_reported_with_the_importers_reason(tmp_path):
    root = three_papers(tmp_path)
    path = root / "content" / provenance.RELATIVE_PATH
    path.parent.mkdir(parents=True)
    path.write_text('{"format": 1, "papers": {"a": {"fields": []}}}\n', encoding="utf-8")
    with pytest.raises(Exception) as refused:
        provenance.load(path)  # what the next import would say
    assert "the entry of 'a'" in str(refused.value)
    assert messages(root) == [
        f"{RECORD}:1:26: cannot read the importer's record of what it imported (the entry of"
        ' \'a\' is not {"fields": ..., "links": [...]}); restore it from git; deleting it would'
        " forget which papers curators deleted or renamed (an import would bring deleted papers"
        " back and fill again values curators removed)"
    ]


def test_a_damaged_record_is_reported_where_it_is_damaged_never_with_a_traceback(tmp_path):
    # Found by fuzzing: a 5,000-digit number and 3,000 nested brackets are valid JSON
    # that Python refuses (a traceback from check and import), a byte that is not UTF-8
    # had no line, and an entry of the wrong shape was reported at 1:1.
    root = three_papers(tmp_path)
    path = root / "content" / provenance.RELATIVE_PATH
    path.parent.mkdir(parents=True)
    good = '  "a": {"fields":{},"links":[]},\n'
    cases = {
        "an entry of the wrong shape": (
            good + '  "b": {"fields":5,"links":[]}\n', "5:3", "the entry of 'b' is not"),
        "a byte that is not UTF-8": (
            good + '  "b": {"fields":{},"links":["\xff"]}\n', "5:31", "not UTF-8"),
        "a number of 5,000 digits": (
            good + '  "b": {"fields":{},"links":[], "x": 1' + "0" * 5000 + "}\n", "1:1", "digits"),
        "3,000 nested brackets": (
            good + '  "b": {"fields":{},"links":[], "x": ' + "[" * 3000 + "]" * 3000 + "}\n",
            "1:1", "recursion"),
    }
    for case, (entries, place, why) in cases.items():
        text = '{\n "format": 1,\n "papers": {\n' + entries + " }\n}\n"
        path.write_bytes(text.encode("utf-8").replace(b"\xc3\xbf", b"\xff"))
        [message] = messages(root)
        assert message.startswith(f"{RECORD}:{place}: cannot read the importer's record"), case
        assert why in message, (case, message)
        with pytest.raises(CuratorError) as refused:  # what the next import would say
            provenance.load(path)
        assert why in str(refused.value.problems[0]), case


def test_a_good_record_or_none_is_no_problem(tmp_path):
    root = three_papers(tmp_path)
    assert messages(root) == []
    record(root, a="A in-context multi-task")
    assert messages(root) == []


def test_check_fails_on_a_conflicted_record(tmp_path, capsys):
    from generator.cli import main

    root = three_papers(tmp_path)
    path = root / "content" / provenance.RELATIVE_PATH
    path.parent.mkdir(parents=True)
    path.write_text(merged("", ""), encoding="utf-8")
    assert main(["check", "--root", str(root)]) == 1
    assert capsys.readouterr().out.splitlines()[0] == f"{RECORD}:5:1: {CONFLICT}"


# ------------------------------------------------------------------ deleted papers named


def test_a_reference_to_a_deleted_paper_says_so_instead_of_a_lookalike(tmp_path):
    root = project(
        tmp_path,
        TOPICS,
        a=paper("a", extra="related: [deep-safe-multi-task-learning, old-b, nowhere-paper]\n"),
        b=paper("b"),
        c=paper("c"),
        **{"yolor-based-multi-task-learning": paper("yolor-based-multi-task-learning")},
    )
    P = "content/papers/a.yml"
    # Without the importer's record: an unknown id, and no unrelated lookalike offered.
    assert messages(root) == [
        f"{P}:3:11: unknown paper 'deep-safe-multi-task-learning'" + NO_SUCH_PAPER,
        f"{P}:3:42: unknown paper 'old-b'" + NO_SUCH_PAPER,
        f"{P}:3:49: unknown paper 'nowhere-paper'" + NO_SUCH_PAPER,
    ]
    record(
        root, **{"deep-safe-multi-task-learning": "Deep Safe", "old-b": "B in-context multi-task"}
    )
    assert messages(root) == [
        f"{P}:3:11: no paper 'deep-safe-multi-task-learning': it was deleted (or renamed, with another title and abstract); remove it here, or name the paper it became",
        f"{P}:3:42: no paper 'old-b': it was renamed to 'b'; write 'b'",
        f"{P}:3:49: unknown paper 'nowhere-paper'" + NO_SUCH_PAPER,
        "content/papers/b.yml:1:5: warning: paper 'b' was imported as 'old-b'"
        " (content/sources/imported.json); add 'formerly: [old-b]' so the old address"
        " papers/old-b/ leads here and readers' marks follow",
    ]


def test_a_record_two_papers_hold_values_of_is_renamed_to_one_of_them(tmp_path):
    # Imported under b's title and c's arXiv id (a paper split in two, or retitled and
    # its title given to another): not deleted, so removing the reference would be
    # wrong; which one is meant is the curator's call.
    root = project(
        tmp_path,
        TOPICS,
        a=paper("a", extra="related: [old]\n"),
        b=paper("b"),
        c=paper("c", extra="arxiv: '2101.00001'\n"),
    )
    path = root / "content" / provenance.RELATIVE_PATH
    path.parent.mkdir(parents=True)
    old = Seen(
        {
            "title": frozenset({digest("B in-context multi-task")}),
            "arxiv": frozenset({digest("2101.00001")}),
        },
        frozenset(),
    )
    path.write_text(provenance.dumps({"old": old}), encoding="utf-8")
    assert messages(root) == [
        "content/papers/a.yml:3:11: no paper 'old': it was renamed; now one of 'b', 'c':"
        " write the one meant"
    ]


def test_a_cached_load_follows_the_record_as_a_fresh_one_does(tmp_path, monkeypatch):
    """The importer's record changes what a reference to a missing paper says: a load
    that reuses the last one's checks must notice it changed."""
    project_ = _Project(tmp_path, monkeypatch)
    project_.edit("0123.yml", "abstract:", "related: [deep-safe-multi-task-learning]\nabstract:")
    project_.check("a reference to an unknown paper")
    assert any("unknown paper 'deep-safe" in str(p) for p in project_.fresh_problems.items)
    path = project_.content / provenance.RELATIVE_PATH
    path.parent.mkdir(parents=True)
    path.write_text(
        provenance.dumps({"deep-safe-multi-task-learning": Seen({}, frozenset())}),
        encoding="utf-8",
    )
    project_.stamp(path)
    assert project_.check("the record names it") is True  # a full load: the record changed
    assert any("it was deleted" in str(p) for p in project_.fresh_problems.items)
    project_.edit("0123.yml", "An abstract.", "A new one.")
    assert project_.check("an unrelated edit") is False  # the record is as it was
    assert any("it was deleted" in str(p) for p in project_.fresh_problems.items)


def test_a_hand_page_named_like_a_generated_one_is_an_error_of_check_not_only_of_build(tmp_path):
    # check passed these; the build then stopped (feed.xml.md: on a folder MkDocs could
    # not make, with a traceback-like error and no line).
    root = with_pages(three_papers(tmp_path), **{"papers": "# P\n", "feed.xml": "# F\n", "about": "# A\n"})
    assert messages(root) == [
        "content/pages/feed.xml.md:1:1: the page feed.xml.md would be served at /feed.xml/,"
        " where the site has feed.xml; rename the file",
        "content/pages/papers.md:1:1: the page papers.md would be served at /papers/,"
        " where the site has papers/index.md; rename the file",
    ]


def test_hand_pages_differing_only_in_case_are_an_error_of_check_not_a_traceback_of_build(tmp_path):
    # (check passed them; the build stopped with "WriteError: two pages claim one
    # destination: 'About.md' and 'about.md'" and a traceback.)
    # Papers.md is no other docs file's name, but MkDocs writes it as Papers/index.html,
    # the all-papers page's papers/index.html there: one would replace the other.
    root = with_pages(three_papers(tmp_path), **{"About": "# A\n", "about": "# a\n", "Papers": "# P\n"})
    assert messages(root) == [
        "content/pages/Papers.md:1:1: the page Papers.md would be served at /Papers/, where the site"
        " has papers/index.md, served at /papers/, the same address to macOS and Windows, which"
        " ignore case; rename the file",
        "content/pages/about.md:1:1: the site has About.md, the same file name as about.md to macOS"
        " and Windows, which ignore case; rename the file",
    ]


def test_a_related_paper_named_in_capitals_that_was_renamed_says_what_it_became(tmp_path):
    root = three_papers(tmp_path)
    record(root, **{"old-b": "B in-context multi-task"})  # b was imported as old-b
    paper_a = root / "content" / "papers" / "a.yml"
    paper_a.write_text(paper_a.read_text() + "related: [Old-B]\n", encoding="utf-8")
    said = [m for m in messages(root) if m.startswith("content/papers/a.yml")]
    assert len(said) == 1 and said[0].endswith("no paper 'old-b': it was renamed to 'b'; write 'b'")


def test_a_damaged_entry_is_found_where_json_reads_it_not_where_its_id_first_shows(tmp_path):
    # A merge by hand left the entry of 'a' twice (JSON keeps the last), and an id such
    # as 'fields' is also a key inside every entry.
    root = three_papers(tmp_path)
    path = root / "content" / provenance.RELATIVE_PATH
    path.parent.mkdir(parents=True)
    for bad, place in (("a", "6:3"), ("fields", "6:3")):  # (and an object after "papers")
        path.write_text(
            '{\n "format": 1,\n "papers": {\n  "%s": {"fields":{},"links":[]},\n'
            '  "b": {"fields":{"title":[]},"links":[]},\n  "%s": {"fields":5,"links":[]}\n }\n}\n'
            % (bad, bad),
            encoding="utf-8",
        )
        [message] = messages(root)
        assert message.startswith(f"{RECORD}:{place}: cannot read the importer's record"), message
        assert f"the entry of {bad!r} is not" in message


def test_a_damaged_entry_is_looked_for_among_the_papers_only(tmp_path):
    root = three_papers(tmp_path)
    path = root / "content" / provenance.RELATIVE_PATH
    path.parent.mkdir(parents=True)
    path.write_text(
        '{\n "format": 1,\n "papers": {\n  "a": {"fields":5,"links":[]}\n },\n'
        ' "imported_from": {\n  "a": "x.bib"\n }\n}\n',
        encoding="utf-8",
    )
    [message] = messages(root)
    assert message.startswith(f"{RECORD}:4:3: cannot read the importer's record"), message


def test_a_paper_related_to_its_own_old_id_is_told_it_is_itself(tmp_path):
    # It was told "renamed to 'b'; write 'b'", and then that b cannot relate to itself.
    root = three_papers(tmp_path)
    record(root, **{"old-b": "B in-context multi-task"})  # b was imported as old-b
    paper_b = root / "content" / "papers" / "b.yml"
    paper_b.write_text(paper_b.read_text() + "related: [old-b, Old-B]\n", encoding="utf-8")
    said = [m for m in messages(root) if "b.yml" in m]
    assert [m.split(": ", 1)[1] for m in said] == [
        "warning: paper 'b' was imported as 'old-b' (content/sources/imported.json); add"
        " 'formerly: [old-b]' so the old address papers/old-b/ leads here and readers' marks"
        " follow",
        "a paper cannot be related to itself ('old-b' is its id from before a rename); remove it from"
        " 'related'",
        "a paper cannot be related to itself ('old-b' is its id from before a rename); remove it from"
        " 'related'",
    ]


def test_an_editors_lock_among_the_pages_stops_neither_check_nor_the_page_list(tmp_path):
    from generator.build import hand_pages

    root = with_pages(three_papers(tmp_path), about="# About\n\n[Home](index.md)\n")
    pages = root / "content" / "pages"
    # Emacs keeps `.#about.md` while about.md is edited: a link to nothing.
    (pages / ".#about.md").symlink_to("user@host.1234:1764374400")
    assert messages(root) == []
    assert [page.name for page in hand_pages(pages, root)] == ["about"]


def test_the_home_pages_front_matter_needs_no_line_end_after_it(tmp_path):
    # index.md starts the home page, whose text follows on a line of its own: MkDocs
    # takes its settings. Check called it an error, and the build stopped on it.
    root = with_pages(
        three_papers(tmp_path),
        index="---\ntitle: Welcome\n---",
        about="---\ntitle: About\n---",
    )
    assert messages(root) == [
        "content/pages/about.md:3:4: front matter: no line end after its closing '---';"
        " MkDocs would show it on the page as text until the line is ended (or the page's"
        " text follows)"
    ]
    # The page MkDocs reads: the block with its line end, taken as the page's settings.
    docs = tmp_path / "docs"
    (root / "content" / "pages" / "about.md").write_text("# About\n", encoding="utf-8")
    build.generate(build.Settings(root / "content", docs, source_date_epoch=0))
    assert get_data((docs / "index.md").read_text(encoding="utf-8"))[1] == {"title": "Welcome"}


def test_a_link_with_no_host_is_not_said_to_be_an_intranet_name(tmp_path):
    # 'http://:8000/x' names no host: "its host, , is a name without a dot" said of it
    # what it is not (a paper's link with no host is an error of its own).
    root = with_pages(three_papers(tmp_path), index="# Home\n\nSee [demo](http://:8000/x), [b](https://user@/y).\n")
    assert not any("its host, ," in said for said in messages(root)), messages(root)


def test_a_link_to_the_home_page_from_its_address_names_index_md(tmp_path):
    # '[Home](/)' or, from about/ in the browser, '[Home](../)' means the home page: it
    # was told to write 'papers/<id>.md', or nothing, instead of 'index.md'.
    root = with_pages(three_papers(tmp_path), index="# Home\n", about="[Home](/)\n\n[Back](../#top)\n")
    about = INDEX.replace("index.md", "about.md")
    assert messages(root) == [
        f"{about}:1:8: link '/' is absolute: it works only on a site served at the top of its"
        " domain; write it relative to this page, 'index.md'",
        f"{about}:3:8: link '../#top' leads out of the site: a page's links go from its file,"
        " which is at the top of the site, not from its address in the browser; write 'index.md#top'",
    ]


def test_the_ids_the_importer_remembers_are_kept_as_the_papers_own_id_strings(tmp_path, monkeypatch):
    # Kept in the load's memo (curation.FolderMemo.imported) and stored in the build's
    # cache file: read from imported.json, they were as many strings again as papers.
    import time

    monkeypatch.setattr(time, "time_ns", lambda: int(time.time() * 1e9 + 60e9))  # (settled files)
    root = three_papers(tmp_path)
    record(root, **{"multi-task-survey": "A survey", "gone-paper": "Gone"})
    cache: dict = {}
    content, _ = load_content(root / "content", root, cache=cache)
    recorded = next(iter(cache.values()))[3].imported[2]
    ids = {paper.id: paper.id for paper in content.papers}
    assert recorded == {"multi-task-survey", "gone-paper"}
    assert [i for i in recorded if i in ids] == ["multi-task-survey"]
    assert all(i is ids[i] for i in recorded if i in ids)


def _not_carried(at: str, href: str, put: str) -> str:
    """What the index page's link ``href`` at ``at`` to a file that is nowhere is told."""
    return (
        f"{INDEX}:{at}: link {href!r} leads to no file of the site: no picture or other file of"
        " content/ is carried into the site (of content/pages/ only the .md files directly in"
        f" it are): link it by its https:// address on the web, or {put}"
    )


def _theme_files(root: Path, *files: str) -> None:
    for name in files:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(b"x")


def test_a_link_into_the_theme_folder_mkdocs_yml_names_is_checked_against_that_folder(tmp_path):
    # The theme folder was overrides/ whatever mkdocs.yml said: with `custom_dir: theme`
    # a picture in theme/assets/ was "leads to no file of the site" (MkDocs carries it),
    # and one left in overrides/assets/ passed (MkDocs does not carry it).
    root = three_papers(tmp_path)
    (root / "mkdocs.yml").write_text(
        "site_name: Lab\ntheme:\n  name: material\n  custom_dir: site-theme/\n", encoding="utf-8"
    )
    _theme_files(root, "site-theme/assets/lab.png", "overrides/assets/old.png")
    said = messages(with_pages(root, index="[a](assets/lab.png)\n\n[b](assets/old.png)\n"))
    assert said == [_not_carried("3:5", "assets/old.png", "put it in site-theme/assets/ and link 'assets/old.png'")]
    # A file beside the pages is told to go to that folder too.
    (root / "content" / "pages" / "logo.png").write_bytes(b"x")
    said = messages(with_pages(root, index="[c](logo.png)\n"))
    assert said == [
        f"{INDEX}:1:5: link 'logo.png' leads to no file of the site: only the .md files"
        " directly in content/pages/ are carried into it, not content/pages/logo.png;"
        " link it by its https:// address on the web, or move it to site-theme/assets/logo.png"
        " and link 'assets/logo.png'",
    ]


def test_without_a_theme_folder_no_file_of_overrides_is_taken_for_one_of_the_site(tmp_path):
    root = three_papers(tmp_path)
    (root / "mkdocs.yml").write_text("site_name: Lab\ntheme:\n  name: material\n", encoding="utf-8")
    _theme_files(root, "overrides/assets/lab.png")
    assert messages(with_pages(root, index="[a](assets/lab.png)\n")) == [_not_carried(
        "1:5", "assets/lab.png", "name a theme folder in mkdocs.yml (theme: custom_dir:), put it in"
        " that folder's assets/ and link 'assets/lab.png'",
    )]
    # (A mkdocs.yml that cannot be read is the shipped one's: overrides/, as before.)
    (root / "mkdocs.yml").write_text("site_name: [Lab\n", encoding="utf-8")
    assert messages(root) == []


def test_a_theme_folder_named_by_env_inside_theme_is_read_as_mkdocs_reads_it_and_no_tag_runs(tmp_path, monkeypatch):
    # (review of fix17's custom_dir.) `custom_dir: !ENV [...]` inside `theme:` made the
    # whole theme unreadable here, taken for the shipped overrides/: a picture in the
    # folder the variable names was "leads to no file of the site". A Python tag is
    # never run (YAML's safe loader): the file is read as the shipped one's.
    root = three_papers(tmp_path)
    (root / "mkdocs.yml").write_text(
        "site_name: Lab\ntheme:\n  name: material\n  custom_dir: !ENV [LAB_THEME, overrides]\n", encoding="utf-8"
    )
    _theme_files(root, "lab-theme/assets/lab.png")
    monkeypatch.setenv("LAB_THEME", "lab-theme")
    assert messages(with_pages(root, index="[a](assets/lab.png)\n")) == []
    monkeypatch.delenv("LAB_THEME")  # (its default: overrides/, which has no lab.png)
    assert messages(root) == [_not_carried("1:5", "assets/lab.png", "put it in overrides/assets/ and link 'assets/lab.png'")]
    ran = tmp_path / "ran"
    (root / "mkdocs.yml").write_text(
        f"site_name: Lab\ntheme:\n  name: material\n  custom_dir: !!python/object/apply:os.system ['touch {ran}']\n",
        encoding="utf-8",
    )
    assert messages(root) == [_not_carried("1:5", "assets/lab.png", "put it in overrides/assets/ and link 'assets/lab.png'")]
    assert not ran.exists()


@pytest.mark.parametrize(
    "about, at",
    [
        # An <a href> shown as an example, in a fenced or an indented code block, is text,
        # not a link of the page; nor is an anchor of this page a paper's or topic's.
        (
            '# About\n\nLink a paper so:\n\n```html\n<a href="../papers/gone/">a paper</a>\n```\n\n'
            '    <a href="../topics/no-such-topic/">a topic</a>\n\n'
            '<p>See <a href="#top">the top</a> or <a href="../papers/gone-too/">this</a>.</p>\n',
            "11:47",
        ),
        # A link commented out is no link of the page: the browser shows nothing of it
        # (check refused it as leading nowhere).
        (
            '# About\n\n<!-- Gone: <a href="../papers/gone/">old</a> -->\n\n'
            'Text <!-- <a href="../topics/no-such-topic/">x</a> --> and <a href="../papers/gone-too/">y</a>.\n',
            "5:69",
        ),
    ],
    ids=["code", "comment"],
)
def test_a_raw_html_link_in_code_or_an_html_comment_or_to_an_anchor_is_not_checked(tmp_path, about, at):
    # (rev129: the raw HTML links' check, hunt22's, took the links of HTML comments too.)
    root = three_papers(tmp_path)
    with_pages(root, about=about)
    assert messages(root) == [
        f"content/pages/about.md:{at}: link '../papers/gone-too/' leads to no page: no paper 'gone-too'"
        + NO_SUCH_PAPER,
    ]


def test_a_raw_html_link_written_as_from_the_top_on_another_page_is_told_its_address(tmp_path):
    # (rev129: on about.md, served at about/, <a href="papers/a/"> leads to about/papers/a/,
    # no page; check said nothing, as the link's target named no paper's page folder.)
    root = three_papers(tmp_path)
    with_pages(
        root,
        about='# About\n\nRead <a href="papers/a/">a</a> and <a href="topics/in-context-learning/#x">t</a>.\n',
    )
    assert messages(root) == [
        "content/pages/about.md:3:15: link 'papers/a/' leads to no page: a raw HTML link is followed from"
        " this page's address, about/, to 'about/papers/a/'; write the page's address, '../papers/a/'",
        "content/pages/about.md:3:45: link 'topics/in-context-learning/#x' leads to no page: a raw HTML"
        " link is followed from this page's address, about/, to 'about/topics/in-context-learning/';"
        " write the page's address, '../topics/in-context-learning/#x'",
    ]
