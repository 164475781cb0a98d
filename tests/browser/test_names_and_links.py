"""Authors and links searched in the real search box, in headless Chromium, as
`readinglist search` finds them: an author by a name that is one of lunr's stop words
("He": generator/search.py's name_forms), where the site said '"He" is too common to
search'; and a paper by a URL or host and path of its code ("github.com/example/gem":
link_form), which pages that write "github.com" and "computers" ranked above it."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from playwright.sync_api import expect

from generator.search import MaterialSearch, count_line, held_note, load_index, unlinked_tip

from .conftest import result_hrefs
from .sitebuild import served_fixture_site

pytestmark = [pytest.mark.browser]


def _authors(content) -> None:
    """Kaiming He writes two of the fixture's papers; a Kaiming of another name a third."""
    for name, authors in (
        ("task-vectors", "[Barbara Liskov, Kaiming He]"),
        ("gradient-episodic-memory", "[Kaiming He]"),
        ("replay-against-forgetting", "[Kaiming Wang, Alan Turing, others]"),
    ):
        path = content / "papers" / f"{name}.yml"
        text = path.read_text(encoding="utf-8")
        line = next(line for line in text.splitlines() if line.startswith("authors: "))
        path.write_text(text.replace(line, f"authors: {authors}", 1), encoding="utf-8")


# A paper that writes "github.com/example" and "computers" (not the code of any).
HOSTING = """\
id: code-hosting
title: Hosting code for computers
authors: [Alan Turing]
year: 2024
added: 2026-11-27
abstract: |
  Our code is on github.com/example, as is the code of most papers on computers.
"""


def _edit(content) -> None:
    _authors(content)
    (content / "papers" / "code-hosting.yml").write_text(HOSTING, encoding="utf-8")


@pytest.fixture(scope="module")
def authors_site(tmp_path_factory):
    project = tmp_path_factory.mktemp("authors") / "project"
    with served_fixture_site(project, _edit) as url:
        yield url, project / "site"


def _shown(open_context, site, query: str) -> tuple[str, list[str]]:
    """The line above the results of ``query`` in the search box of ``site`` (its address
    and folder), and each result page's path, which are checked to be the pages
    `readinglist search` finds, in its order."""
    url, folder = site
    page = open_context(base=url).new_page()
    hrefs = result_hrefs(page, query)
    line = page.locator(".md-search-result__meta").inner_text()
    shown = [urlsplit(href).path.lstrip("/") for href in hrefs]
    assert shown == [hit.location for hit in MaterialSearch(load_index(folder)).search(query)], line
    return line, shown


@pytest.mark.parametrize("query", ["He", "he", "+He", "Kaiming He"])
def test_an_author_named_by_a_stop_word_is_found_as_the_terminal_finds_them(open_context, authors_site, query):
    line, shown = _shown(open_context, authors_site, query)
    assert "too common" not in line
    # Kaiming He's two papers first (and, for "He", alone).
    assert sorted(shown[:2]) == ["papers/gradient-episodic-memory/", "papers/task-vectors/"]
    if query != "Kaiming He":
        assert len(shown) == 2 and line.startswith("2 pages found")
    else:
        assert "papers/replay-against-forgetting/" in shown[2:]


@pytest.mark.parametrize("query", ["text:he", "author:He", "he*", "+he*", "Kaiming +he*"])
def test_an_author_named_by_a_stop_word_is_found_by_a_wildcard_or_in_the_text(open_context, authors_site, query):
    """"he*" found the words that begin with "he", not the name; "text:he" and
    "author:he" were too common to search (search.py's typed_names); "+he*" found no
    paper by He without a word beginning "he"."""
    url, folder = authors_site
    page = open_context(base=url).new_page()
    shown = [urlsplit(href).path.lstrip("/") for href in result_hrefs(page, query)]
    line = page.locator(".md-search-result__meta").inner_text()
    assert "too common" not in line
    # (In the same order, a wildcard's too: pages of one score are listed by address on
    # both sides, search.by_score and readinglist.js's byScore.)
    expected = [hit.location for hit in MaterialSearch(load_index(folder)).search(query)]
    assert shown == expected, line
    if "*" not in query:
        assert sorted(shown[:2]) == ["papers/gradient-episodic-memory/", "papers/task-vectors/"]
    else:
        assert {"papers/gradient-episodic-memory/", "papers/task-vectors/"} <= set(shown)


def _byline_marks(open_context, site, query: str) -> dict[str, list[str]]:
    """Each result page's path, and the words marked in its byline (the paragraph under
    its title); with every "Missing:" line's text under the key "missing"."""
    url, _ = site
    page = open_context(base=url).new_page()
    result_hrefs(page, query)
    marks = page.eval_on_selector_all(".md-search-result__item > .md-search-result__link", """links =>
        links.map(a => [new URL(a.href).pathname.slice(1),
                        Array.from(a.querySelectorAll("article > h1 + p mark")).map(m => m.textContent)])""")
    found = dict(marks)
    found["missing"] = page.locator(".md-search-result__terms").all_inner_texts()
    return found


@pytest.mark.parametrize("query", ["He", "+He", "he*", "author:he", "Kaiming He", "episodic He"])
def test_an_author_named_by_a_stop_word_is_marked_in_the_results_byline(open_context, authors_site, query):
    """The name is found in a field no result shows (name_forms' "_he"): Material marked
    nothing, and a result found by "He" did not show why."""
    found = _byline_marks(open_context, authors_site, query)
    # ("Barbara Liskov, Kaiming He · ICLR · 2023")
    assert "He" in found["papers/task-vectors/"]
    if "papers/gradient-episodic-memory/" in found and query != "episodic He":
        assert "He" in found["papers/gradient-episodic-memory/"]
    # Kaiming Wang, found by "Kaiming", has no "He" marked, nor said missing as the
    # index holds it ("Missing: _he"); the terminal says it lacks nothing either.
    assert "He" not in found.get("papers/replay-against-forgetting/", [])
    assert not [line for line in found["missing"] if "_he" in line], found["missing"]


def test_an_author_named_by_a_stop_word_marked_excluded_is_not_marked(open_context, authors_site):
    found = _byline_marks(open_context, authors_site, "Kaiming -He")
    assert found["papers/replay-against-forgetting/"] == ["Kaiming"]


def test_an_author_named_by_a_stop_word_marked_excluded_is_left_out(open_context, authors_site):
    _, shown = _shown(open_context, authors_site, "Kaiming -He")
    assert shown == ["papers/replay-against-forgetting/"]


def test_a_stop_word_no_author_is_named_by_is_still_too_common(open_context, authors_site):
    line, shown = _shown(open_context, authors_site, "she")
    assert shown == [] and "\u201cshe\u201d is too common to search" in line


@pytest.mark.parametrize("query", ["github.com/example/gem", "https://github.com/example/gem.git"])
def test_a_url_finds_the_paper_whose_code_it_is_first_as_the_terminal_does(open_context, authors_site, query):
    line, shown = _shown(open_context, authors_site, query)
    # (Before, the page that writes "github.com/example" came first.)
    assert shown[0] == "papers/gradient-episodic-memory/"
    assert "papers/code-hosting/" in shown[1:]


@pytest.mark.parametrize("query", ["knuth/merging-slides", "https://example.org/knuth/merging-slides.pdf#page=2"])
def test_a_part_of_a_url_finds_the_paper_whose_link_holds_it_first_as_the_terminal_does(
        open_context, authors_site, query):
    """The slides' link is in no text of the page: a part of its path, or a URL longer
    than it, found the paper by none of its words, and "Missing: slides pdf#page" was
    said under it where it was found (links_of)."""
    url, folder = authors_site
    page = open_context(base=url).new_page()
    shown = [urlsplit(href).path.lstrip("/") for href in result_hrefs(page, query)]
    assert shown == [hit.location for hit in MaterialSearch(load_index(folder)).search(query)]
    assert shown[0] == "papers/merging-by-arithmetic/"
    first = page.locator(".md-search-result__item").first
    # (No "Missing:" under it, as the terminal says none: each word is the link's.)
    assert first.locator(".md-search-result__terms").count() == 0, first.inner_text()


@pytest.mark.parametrize("query", [
    "He", "+He", "Kaiming He", "he~1", "*he", "github.com/example/gem", "https://github.com/example/gem.git",
    "knuth/merging-slides"])
def test_a_result_link_names_no_index_form_of_a_name_or_link(open_context, authors_site, query):
    """The page a result opens is asked to mark what the reader typed, never the hidden
    forms the index holds a name or a link in: the address bar said "?hw=_he" and
    "?hw=__github_com_example_gem*" (name_forms, link_form)."""
    url, _ = authors_site
    page = open_context(base=url).new_page()
    hrefs = result_hrefs(page, query)
    assert hrefs
    values = [value for href in hrefs for value in parse_qs(urlsplit(href).query).get("hw", [])]
    assert not [value for value in values if value.startswith("_")], values


@pytest.mark.parametrize(("query", "expected"), [
    ("author:he", ["papers/gradient-episodic-memory/", "papers/task-vectors/"]),
    ("Kaiming +author:he", ["papers/gradient-episodic-memory/", "papers/task-vectors/"]),
    ("Kaiming -author:he", ["papers/replay-against-forgetting/"]),
])
def test_an_author_named_by_a_stop_word_in_the_text_is_the_name_alone_and_keeps_its_mark(
        open_context, authors_site, query, expected):
    """"author:he" was "text:he", which Material made "text:he*": every page with a word
    beginning "he" after He's; "+author:he" required nothing, "-author:he" left out the
    pages that write "author" (search.py's _text_stop_word, _AUTHOR_FIELD)."""
    _, shown = _shown(open_context, authors_site, query)
    assert sorted(shown) == expected


def test_a_url_longer_than_a_link_inside_a_part_of_its_path_is_not_the_link(open_context, authors_site):
    """".../knuth/task-arithmetic-v2" is another dataset than the link
    ".../knuth/task-arithmetic": cut inside "arithmetic-v2", it found the link's paper
    first, lacking nothing (search.py's _shorter_links). Its words still find it."""
    url, folder = authors_site
    query = "https://huggingface.co/datasets/knuth/task-arithmetic-v2"
    page = open_context(base=url).new_page()
    shown = [urlsplit(href).path.lstrip("/") for href in result_hrefs(page, query)]
    # (The terminal's pages, in its order.) It is said to be no link: the paper is found
    # as the one that links its owner (before: found by the URL's words, "Missing: v2"
    # under it, among every page with "huggingface" or "datasets").
    assert shown == [hit.location for hit in MaterialSearch(load_index(folder)).search(query)]
    assert shown == ["papers/merging-by-arithmetic/"]
    notes = page.locator(".md-search-result__meta .rl-search-note").all_inner_texts()
    assert notes == ["No paper links huggingface.co/datasets/knuth/task-arithmetic-v2;"
                     " it finds the papers that link huggingface.co/datasets/knuth"]


@pytest.mark.parametrize("query", [
    "https://github.com/nobody/computer-hosting", "+github.com/nobody/x merging",
    "https://github.com/example/other-repo", "https://www.github.com/example/other-repo/tree/main merging",
    "merging gitlab.com/nobody/x"])
def test_a_url_no_paper_links_is_said_so_as_the_terminal_says_it(open_context, authors_site, query):
    """A URL no paper links was its words: "https", "github", "com*" found the page that
    writes "github.com" and "computers" first, and nothing said the URL was no paper's.
    It finds the papers that link its owner ("github.com/example"), or nothing, and the
    box says so, in the terminal's words (search.py's links_of, unlinked_note,
    unlinked_tip), and to a screen reader with the count."""
    url, folder = authors_site
    found = MaterialSearch(load_index(folder)).find(query)
    assert found.notes and "papers/code-hosting/" not in [hit.location for hit in found.hits]
    page = open_context(base=url).new_page()
    page.goto("")
    status = page.locator(".md-search .rl-search-status")
    status.wait_for(state="attached")
    shown = [urlsplit(href).path.lstrip("/") for href in result_hrefs(page, query)]
    assert shown == [hit.location for hit in found.hits][:10]
    meta = page.locator(".md-search-result__meta")
    line = count_line(len(found.hits), found.every, found.words)
    if found.hits:
        assert meta.locator(".rl-search-note").all_inner_texts() == list(found.notes)
    else:
        assert meta.locator(".rl-search-note").count() == 0
        tip = f"{unlinked_tip(found.unlinked[0])} all papers." if found.unlinked else ""
        assert found.unlinked and meta.locator(".rl-search-tip").inner_text() == tip
    expect(status).to_have_text(". ".join((line, *found.notes)))


@pytest.mark.parametrize("query, said", [
    ("https://github.com/nobody/computer-hosting.git?tab=readme-ov-file",
     "No paper links github.com/nobody/computer-hosting: search for its name without the address, or browse"
     " all papers."),
    ("https://github.com/example/other-repo/#readme",
     "No paper links github.com/example/other-repo; it finds the papers that link github.com/example")])
def test_a_url_no_paper_links_is_said_without_its_query_fragment_or_git(open_context, authors_site, query, said):
    """"No paper links github.com/nobody/computer-hosting.git?tab=readme-ov-file" named
    what no link is told by (search.py's _shown_link, readinglist.js's shownLink)."""
    url, folder = authors_site
    found = MaterialSearch(load_index(folder)).find(query)
    page = open_context(base=url).new_page()
    result_hrefs(page, query)
    shown = page.locator(".md-search-result__meta .rl-search-note, .md-search-result__meta .rl-search-tip")
    assert shown.all_inner_texts() == [said]
    assert said.startswith(found.notes[0])


def test_an_author_named_by_a_stop_word_is_marked_only_among_the_authors(open_context, authors_site):
    """The byline's authors are a span of their own (search.py's AUTHORS_CLASS): the
    name is marked there, not in a venue or a paragraph that opens a result otherwise."""
    url, _ = authors_site
    page = open_context(base=url).new_page()
    result_hrefs(page, "He")
    marks = page.eval_on_selector_all(
        ".md-search-result__article mark",
        "marks => marks.map(m => [m.textContent, Boolean(m.closest('.rl-authors'))])")
    assert marks and all(inside for _, inside in marks), marks
    assert {text for text, _ in marks} == {"He"}


# Papers whose links all hold "blob/main": more than LINK_MOST (20) of them.
MANY = 23


def _many_links(content) -> None:
    for n in range(MANY):
        (content / "papers" / f"lab-{n:02d}.yml").write_text(
            f"id: lab-{n:02d}\ntitle: Laboratory report {n}\nauthors: [Alan Turing]\nyear: 2024\n"
            f"added: 2026-11-27\nabstract: A report.\nlinks:\n  code:\n"
            f"    - url: https://example.org/lab{n:02d}/blob/main\n", encoding="utf-8")
    # (And a paper that links arXiv's pdf, with its version, and has no `arxiv:`.)
    (content / "papers" / "low-rank.yml").write_text(
        "id: low-rank\ntitle: Low-rank adapters\nauthors: [Alan Turing]\nyear: 2021\n"
        "added: 2026-11-27\nabstract: Adapters.\nlinks:\n  pdf:\n"
        "    - url: https://arxiv.org/pdf/2106.09685v2\n", encoding="utf-8")


@pytest.fixture(scope="module")
def links_site(tmp_path_factory):
    project = tmp_path_factory.mktemp("many-links") / "project"
    with served_fixture_site(project, _many_links) as url:
        yield url, project / "site"


def test_a_part_of_a_path_more_links_hold_than_are_looked_for_is_said_so(open_context, links_site):
    """Past LINK_MOST links holding a part of a path, the rest were left out in silence:
    their papers were not found by it. The box says so, as the terminal does
    (search.py's held_note)."""
    url, folder = links_site
    query = "blob/main"
    found = MaterialSearch(load_index(folder)).find(query)
    assert found.notes == (held_note(query, MANY),)
    page = open_context(base=url).new_page()
    shown = [urlsplit(href).path.lstrip("/") for href in result_hrefs(page, query)]
    assert shown == [hit.location for hit in found.hits][:10]
    assert page.locator(".md-search-result__meta .rl-search-note").all_inner_texts() == [
        f"blob/main is part of {MANY} links: the papers of the first 20, by address, are found by it;"
        " type more of it to find the others"]


@pytest.mark.parametrize("query", [
    "https://arxiv.org/pdf/2106.09685v2", "https://arxiv.org/abs/2106.09685", "arxiv.org/abs/2106.09685v1"])
def test_a_paper_is_found_by_any_form_of_its_own_arxiv_link(open_context, links_site, query):
    """A pasted arXiv address is looked for as its id alone (search.py's _IDENTIFIER,
    readinglist.js alike): a paper that links it and has no `arxiv:` was found by no
    form of it, not even the one it links. The box finds it alone, lacking nothing."""
    url, folder = links_site
    page = open_context(base=url).new_page()
    shown = [urlsplit(href).path.lstrip("/") for href in result_hrefs(page, query)]
    assert shown == ["papers/low-rank/"] == [hit.location for hit in MaterialSearch(load_index(folder)).search(query)]
    assert page.locator(".md-search-result__meta").inner_text() == "1 page found"
    assert page.locator(".md-search-result__terms").count() == 0


@pytest.mark.parametrize("query", [
    "https://github.com/example/gem", "https://example.org/knuth/merging-slides.pdf#page=2",
    "https://github.com/example/gem/tree/main"])
def test_a_result_not_found_by_the_url_lacks_the_url_as_the_terminal_says(open_context, authors_site, query):
    """A page found by a URL's path's words, not by its link, said "Missing: example"
    (its words that the page lacks: Material's terms), where the terminal said the URL
    it lacks; and the words past a link (".../tree/main") were searched, GitHub's, not
    the repository's."""
    url, folder = authors_site
    hits = MaterialSearch(load_index(folder)).find(query).hits
    assert len(hits) > 1 and hits[0].missing == () and all(hit.missing == (query.lower(),) for hit in hits[1:])
    page = open_context(base=url).new_page()
    shown = [urlsplit(href).path.lstrip("/") for href in result_hrefs(page, query)]
    assert shown == [hit.location for hit in hits][:10]
    missing = page.eval_on_selector_all(".md-search-result__item", """items => items.map(li => {
        const terms = li.querySelector(".md-search-result__terms");
        return terms ? terms.textContent.trim() : "";
    })""")
    assert missing == ["" if not hit.missing else f"Missing: {', '.join(hit.missing)}" for hit in hits][:10]
