"""The tags under a search result, in headless Chromium: a topic's result does not repeat
its name as a tag (readinglist.js's ownNameTags), a paper's result names its topics."""

from __future__ import annotations

import pytest

from .conftest import wait_for_search
from .sitebuild import served_fixture_site

pytestmark = [pytest.mark.browser]

# A paper titled as its one topic is: a survey named for its field.
SAME_NAME_PAPER = """\
id: task-arithmetic-survey
title: Task arithmetic
authors: [Alan Turing]
year: 2024
added: 2026-11-27
topics: [task-arithmetic]
abstract: |
  A survey of adding and negating the weights of fine-tuned models.
"""


def _add_paper(content) -> None:
    (content / "papers" / "task-arithmetic-survey.yml").write_text(SAME_NAME_PAPER, encoding="utf-8")


@pytest.fixture(scope="module")
def same_name_url(tmp_path_factory):
    with served_fixture_site(tmp_path_factory.mktemp("same-name") / "project", _add_paper) as url:
        yield url


def _tags(page, href: str) -> list[str]:
    article = page.locator(f".md-search-result__item a[href*='{href}'] > article").first
    article.wait_for()
    return [" ".join(tag.split()) for tag in article.locator(".md-tag").all_inner_texts()]


def test_a_paper_titled_as_its_one_topic_still_names_it_under_its_result(open_context, same_name_url):
    # (review: the tag list that is a result's own title alone was taken out of every
    # result, to take the topic's name from under the topic's own: a paper titled as its
    # one topic lost the one tag saying which topic it is in.)
    page = open_context(base=same_name_url).new_page()
    page.goto("")
    page.locator(".md-search__input").press_sequentially("task arithmetic")
    wait_for_search(page)
    assert _tags(page, "/papers/task-arithmetic-survey/") == ["Task arithmetic"]
    # The topic's result, titled so too, does not repeat its name.
    assert _tags(page, "/topics/task-arithmetic/") == []


def test_a_papers_result_names_its_topics_in_the_home_pages_order(open_context, same_name_url):
    # (by hand: merging-by-arithmetic names the sub-topic Task arithmetic, its parent
    # Model merging found for it; topics.yml, the home page, the paper's page and its All
    # papers row put the parent first. The result named them in the paper's own order.)
    page = open_context(base=same_name_url).new_page()
    page.goto("")
    page.locator(".md-search__input").press_sequentially("merging by arithmetic")
    wait_for_search(page)
    assert _tags(page, "/papers/merging-by-arithmetic/") == ["Model merging <& task arithmetic>", "Task arithmetic"]
