"""A paper's COinS span: what a reference manager's connector saves from its page."""

from urllib.parse import unquote

from hypothesis import given
from hypothesis import strategies as st

from generator.coins import coins
from generator.models import Paper


def _read(context: str) -> list[tuple[str, str]]:
    """The pairs as OpenURL reads them: split at "&" and "=", each part percent-decoded."""
    return [(unquote(k), unquote(v)) for k, v in (part.split("=", 1) for part in context.split("&"))]


def _paper(**fields) -> Paper:
    return Paper(id="p", title=fields.pop("title", "A Title: With, Punctuation & More"), abstract="", **fields)


def test_a_journal_article_with_authors_year_doi_and_its_page():
    paper = _paper(authors=("Yann LeCun", "Geoffrey Hinton", "others"), year=2015, venue="Nature",
                   venue_kind="journal", doi="10.1038/nature14539", arxiv="1502.00001")
    assert _read(coins(paper)) == [
        ("ctx_ver", "Z39.88-2004"),
        ("rft_val_fmt", "info:ofi/fmt:kev:mtx:journal"),
        ("rft.genre", "article"),
        ("rft.atitle", "A Title: With, Punctuation & More"),
        ("rft.jtitle", "Nature"),
        ("rft.date", "2015"),
        ("rft.au", "Yann LeCun"),  # ("others", BibTeX's et al., is no author)
        ("rft.au", "Geoffrey Hinton"),
        ("rft_id", "info:doi/10.1038/nature14539"),
        ("rft_id", "https://arxiv.org/abs/1502.00001"),
    ]


def test_each_kind_of_work_has_the_format_and_genre_zotero_reads_as_that_kind():
    def head(paper):
        return [pair for pair in _read(coins(paper)) if pair[0] in ("rft_val_fmt", "rft.genre")]

    book, journal = "info:ofi/fmt:kev:mtx:book", "info:ofi/fmt:kev:mtx:journal"
    conference = _paper(venue="NeurIPS", venue_kind="conference")
    assert head(conference) == [("rft_val_fmt", book), ("rft.genre", "proceeding")]
    assert ("rft.btitle", "NeurIPS") in _read(coins(conference))
    assert head(_paper(venue="Handbook of X", venue_kind="book")) == [
        ("rft_val_fmt", book), ("rft.genre", "bookitem")]
    assert head(_paper(venue="Technical report, Microsoft")) == [
        ("rft_val_fmt", book), ("rft.genre", "report")]
    # A report's title is the title of the whole (Zotero left it untitled from atitle).
    report = _read(coins(_paper(title="Tech Notes", venue="Technical report, Microsoft")))
    assert ("rft.btitle", "Tech Notes") in report and not any(k == "rft.atitle" for k, _ in report)
    assert head(_paper(venue="arXiv preprint arXiv:2106.09685")) == [
        ("rft_val_fmt", journal), ("rft.genre", "preprint")]
    assert head(_paper()) == [("rft_val_fmt", journal), ("rft.genre", "preprint")]
    thesis = _read(coins(_paper(venue="PhD thesis, Carnegie Mellon University")))
    assert ("rft_val_fmt", "info:ofi/fmt:kev:mtx:dissertation") in thesis
    assert ("rft.inst", "Carnegie Mellon University") in thesis and ("rft.degree", "PhD") in thesis


@given(st.text(min_size=1), st.lists(st.text(min_size=1), max_size=3), st.text())
def test_any_text_comes_back_as_written_and_holds_nothing_html_reads(title, authors, venue):
    context = coins(_paper(title=title, authors=tuple(authors), venue=venue))
    # Only unreserved characters, "%", "=" and "&": nothing an attribute or HTML reads.
    assert not set(context) & set("<>\"' \n")
    pairs = _read(context)
    assert {("rft.atitle", title), ("rft.title", title), ("rft.btitle", title)} & set(pairs)
    assert [v for k, v in pairs if k == "rft.au"] == [a for a in authors if a != "others"]



def test_a_report_is_published_by_its_institution_as_its_citation_says():
    # (review: the Cite block said institution = {Microsoft}, number = {MSR-TR-2019-1},
    # and Zotero, which reads rft.pub as a report's institution, saved "Technical
    # Report MSR-TR-2019-1, Microsoft")
    for venue in ("Technical Report MSR-TR-2019-1, Microsoft", "Technical report, Microsoft"):
        pairs = _read(coins(_paper(venue=venue)))
        assert [v for k, v in pairs if k == "rft.pub"] == ["Microsoft"], venue
    # A curated publisher is no report's institution: the venue's is (as in BibTeX).
    pairs = _read(coins(_paper(venue="Tech. rep., Stanford University", publisher="Elsevier")))
    assert [v for k, v in pairs if k == "rft.pub"] == ["Stanford University"]
