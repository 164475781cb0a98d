"""`readinglist search`'s --limit, as `gaps`' reads it."""

from __future__ import annotations

import json

import pytest

from generator.cli import main
from generator.search import search_site

from tests.test_search import COUNTED, make_index


@pytest.fixture
def site(tmp_path):
    docs = [{"location": f"papers/{k}/", "title": k.upper(), "text": f"<p>{v}</p>"} for k, v in COUNTED.items()]
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(make_index(docs)))
    return tmp_path


def test_limit_0_shows_every_page_found_as_gaps_limit_0_lists_every_paper(site, capsys):
    # It showed none ("3 pages found; none below (--limit shows more)") and exited 0.
    assert main(["search", "--site-dir", str(site), "--limit", "0", "zebra"]) == 0
    first, *results = capsys.readouterr().out.splitlines()
    assert first == "3 pages found"  # (zebra: pages a, b and d)
    titles = [line.split(". ", 1)[1] for line in results[0::2]]
    assert (sorted(titles), len(results)) == (["A", "B", "D"], 6)  # a title and an address each


def test_a_negative_limit_is_a_wrong_argument(site, capsys):
    # "-n -1" showed none, as if the curator had asked for that.
    with pytest.raises(SystemExit) as exited:
        main(["search", "--site-dir", str(site), "-n", "-1", "zebra"])
    assert exited.value.code == 2
    assert "argument -n/--limit: must be 0 (all) or more, not -1" in capsys.readouterr().err


def test_a_word_marked_excluded_is_a_word_of_the_query_not_an_option(site, capsys):
    # `readinglist search zebra -okapi` was told "unrecognized arguments: -okapi", and
    # `readinglist search -okapi` that it gave no words (argparse read them as options).
    assert main(["search", "--site-dir", str(site), "zebra", "-okapi"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "1 page found" and out[1] == "1. B"
    assert main(["search", "--site-dir", str(site), "-okapi"]) == 1
    assert capsys.readouterr().out.splitlines()[1].startswith('Words marked "-" only leave pages out')
    # -n stays an option, written apart, joined or with "=", before the words or after.
    for limit in (["-n", "1"], ["-n1"], ["-n=1"]):
        assert main(["search", "--site-dir", str(site), *limit, "zebra", "-quokka"]) == 0
        assert capsys.readouterr().out.splitlines()[0] == "2 pages found; the first below (--limit shows more)"
    assert main(["search", "--site-dir", str(site), "zebra", "-quokka", "-n", "1"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "2 pages found; the first below (--limit shows more)"


def test_a_word_of_an_option_without_a_value_and_digits_is_a_word(site, capsys):
    # "-h5" (no page with "h5") was read as -h given "5": "ignored explicit argument '5'".
    assert main(["search", "--site-dir", str(site), "zebra", "-h5"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "3 pages found"
    assert main(["search", "--site-dir", str(site), "zebra", "-h=5"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "3 pages found"


def test_results_say_the_words_they_lack_and_no_score_that_contradicts_their_order(tmp_path, capsys):
    # A page that finds every word comes before one with a higher score that finds fewer
    # (rank_by_words): the command printed "(score 2.924)" above "(score 5.244)", read as
    # a ranking by score. It says, as the site under each result, what a result lacks.
    docs = [
        {"location": "papers/zebra/", "title": "Zebra zebra zebra", "text": "<p>zebra zebra</p>"},
        {"location": "papers/both/", "title": "Stripes",
         "text": "<p>A long text about a zebra and an okapi seen together on a plain at dusk.</p>"},
    ]
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(make_index(docs)))
    found = search_site(tmp_path, "zebra okapi")
    # (The case: the page listed second scores more than the first.)
    assert [hit.location for hit in found.hits] == ["papers/both/", "papers/zebra/"]
    assert found.hits[0].score < found.hits[1].score
    assert main(["search", "--site-dir", str(tmp_path), "Zebra OKAPI quokka"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "2 pages with some of the words, none with every word",
        "1. Stripes",
        "   papers/both/  (missing: quokka)",
        "2. Zebra zebra zebra",
        "   papers/zebra/  (missing: okapi, quokka)",
    ]
    # The pages with every word first, then a line where those with only some begin, as
    # the site's list has it: the count leads with the pages that have them all.
    assert main(["search", "--site-dir", str(tmp_path), "zebra okapi"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "1 page with both words, 1 more with one of them",
        "1. Stripes",
        "   papers/both/",
        "-- 1 more page with one of the words --",
        "2. Zebra zebra zebra",
        "   papers/zebra/  (missing: okapi)",
    ]
    # (One word: every result finds it, and says nothing more.)
    assert main(["search", "--site-dir", str(tmp_path), "zebra"]) == 0
    assert capsys.readouterr().out.splitlines()[1:] == [
        "1. Zebra zebra zebra", "   papers/zebra/", "2. Stripes", "   papers/both/"]


def test_a_thousand_pages_and_more_are_counted_with_their_thousands_grouped(tmp_path, capsys):
    # As the site's line says them (count_line): "1,001 pages found", and the pages shown
    # of them alike, not "the first 1000".
    docs = [{"location": f"papers/p{n}/", "title": f"Zebra {n}", "text": "<p>zebra</p>"} for n in range(1001)]
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(make_index(docs)))
    assert main(["search", "--site-dir", str(tmp_path), "--limit", "1000", "zebra"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "1,001 pages found; the first 1,000 below (--limit shows more)"


def test_a_url_no_paper_links_is_said_so_as_the_site_says_it(tmp_path, capsys):
    # It listed every page with "github" and "com*", each "(missing: foo, bar)"; the
    # paper of the same owner came among them, nothing said.
    from generator.search import shape_index

    from tests.test_search import LINKED

    (tmp_path / "search").mkdir()
    shaped = shape_index(make_index([{"location": "", "title": "Home", "text": "<p>hi</p>"}]), LINKED)
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(shaped))

    def said(query: str) -> tuple[int, list[str]]:
        code = main(["search", "--site-dir", str(tmp_path), query])
        return code, capsys.readouterr().out.splitlines()

    nowhere = "No paper links github.com/someone/computer-vision"
    assert said("https://github.com/someone/computer-vision") == (1, [
        "No page found", f"{nowhere}: search for its name without the address, or browse all papers."])
    owner = "No paper links github.com/KaimingHe/resnet-v2; it finds the papers that link github.com/KaimingHe"
    assert said("github.com/KaimingHe/resnet-v2") == (0, [
        "1 page found", owner, "1. Deep Residual Learning for Image Recognition", "   papers/resnet/"])
    # A URL is one word: the pages its path's words find after its link's paper lack it,
    # and no line says where "the pages with every word" end ("-- 8 more pages with
    # some of the words --" was printed, which the site's list never shows for one word).
    code, lines = said("sites.google.com/view/robust-agents")
    assert (code, lines[:3]) == (0, ["9 pages found", "1. Robust agents", "   papers/agents/"])
    assert not [line for line in lines if line.startswith("--")]
    assert lines[4] == "   papers/f0/  (missing: sites.google.com/view/robust-agents)"


def test_a_name_or_an_id_of_a_field_the_list_records_none_of_is_said_so(tmp_path, capsys):
    # The shipped list records no authors: "Bengio" was told to try a shorter word or
    # another spelling, as if mistyped.
    from generator.models import Paper, Site
    from generator.search import shape_index

    site = Site(papers=(Paper(id="a", title="Attention", abstract="We attend."),), topics=(), assignments={}, related={})
    (tmp_path / "search").mkdir()
    shaped = shape_index(make_index([{"location": "", "title": "Home", "text": "<p>hi</p>"}]), site)
    assert shaped["config"]["recorded"] == []
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(shaped))
    assert main(["search", "--site-dir", str(tmp_path), "Bengio"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "No page found", 'This list records no authors, and no page writes "Bengio": browse all papers.']
    assert main(["search", "--site-dir", str(tmp_path), "2106.09685"]) == 1
    assert capsys.readouterr().out.splitlines()[1] == (
        "This list records no arXiv ids, and no page writes 2106.09685: browse all papers.")
