"""arXiv's API answer into records (generator/ingest/arxiv.py): no network here."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from generator.ingest.arxiv import NotAnAnswer, records_from_atom

DATA = Path(__file__).parents[1] / "data" / "add"
HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n'


def _feed(*names: str) -> str:
    return HEAD + "".join((DATA / name).read_text() for name in names) + "</feed>\n"


def test_entries_are_matched_to_the_ids_asked_whatever_their_version_and_order():
    answer = records_from_atom(_feed("old-entry.xml", "lora-entry.xml"), ["2106.09685", "hep-th/9711200", "2101.00010"])
    assert answer.error == ""
    assert sorted(answer.records) == ["2106.09685", "hep-th/9711200"]  # (no entry: not there)
    lora = answer.records["2106.09685"]
    assert (lora.arxiv, lora.year, str(lora.source)) == ("2106.09685", "2021", "arXiv:2106.09685")
    assert lora.abstract.endswith("for RoBERTa, DeBERTa, and GPT-2 at https://github.com/microsoft/LoRA.")


def test_an_entry_not_asked_for_is_left_out():
    assert records_from_atom(_feed("lora-entry.xml"), ["hep-th/9711200"]).records == {}


def test_the_error_entry_is_an_error_not_a_paper():
    answer = records_from_atom(_feed("error-entry.xml"), ["1234.1234567"])
    assert (answer.records, answer.error) == ({}, "incorrect id format for 1234.1234567")


@pytest.mark.parametrize(
    "text",
    ["Rate exceeded.", "", "<html><body>Service unavailable</body></html>", "<feed>not Atom</feed>"],
)
def test_what_is_no_feed_is_said_so(text):
    with pytest.raises(NotAnAnswer):
        records_from_atom(text, ["2106.09685"])


def test_an_entity_bomb_is_refused_not_expanded():
    bomb = '<?xml version="1.0"?><!DOCTYPE f [<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {chr(98 + n)} "{("&" + chr(97 + n) + ";") * 10}">' for n in range(8)
    ) + ']><feed xmlns="http://www.w3.org/2005/Atom"><entry><title>&i;</title></entry></feed>'
    with pytest.raises(NotAnAnswer, match="amplification"):
        records_from_atom(bomb, ["x"])


@given(st.text(max_size=300))
def test_any_text_is_a_feed_or_said_to_be_none(text):
    try:
        answer = records_from_atom(text, ["2106.09685"])
    except NotAnAnswer:
        return
    assert set(answer.records) <= {"2106.09685"}


def test_an_indented_line_starts_a_paragraph_a_paper_titled_error_is_a_paper_and_the_first_doi_is_kept():
    entry = """<entry><id>http://arxiv.org/abs/1908.00936v2</id><title>Error</title>
<published>2019-08-02T00:00:00Z</published>
<summary>  First paragraph
wraps here.
  Second paragraph
wraps too.
</summary><author><name>A. Author</name></author>
<arxiv:doi xmlns:arxiv="http://arxiv.org/schemas/atom">10.1103/PhysRevD.1.1 10.1103/PhysRevD.1.2</arxiv:doi></entry>"""
    answer = records_from_atom(HEAD + entry + "</feed>", ["1908.00936"])
    assert answer.error == ""
    record = answer.records["1908.00936"]
    assert record.title == "Error"
    assert record.abstract == "First paragraph wraps here.\n\nSecond paragraph wraps too."
    assert record.doi == "10.1103/PhysRevD.1.1"


def test_the_tex_authors_write_in_a_title_and_an_abstract_becomes_plain_text():
    # (a curator's review: "Adapters~(LoRA)" stayed as typed; a scraped listing of the
    # same abstracts is made plain text)
    entry = r"""<entry><id>http://arxiv.org/abs/2106.09685v2</id>
<title>\textsc{T\"ULU}: Low-Rank Adapters</title>
<published>2021-06-17T00:00:00Z</published>
<summary>We adapt Adapters~(LoRA) to 60\% of the tasks, e.g.~RoBERTa, by \textit{merging};
about ~3% better, in $O(n^2)$ time. Code: \url{https://github.com/a/b}.
</summary><author><name>A. Author</name></author></entry>"""
    record = records_from_atom(HEAD + entry + "</feed>", ["2106.09685"]).records["2106.09685"]
    assert record.title == "TÜLU: Low-Rank Adapters"
    assert record.abstract == (
        "We adapt Adapters (LoRA) to 60% of the tasks, e.g. RoBERTa, by merging; about ~3%"
        " better, in $O(n^2)$ time. Code: https://github.com/a/b."
    )
    assert [link.url for link in record.links] == ["https://github.com/a/b"]


def test_an_old_id_asked_with_its_subject_class_is_found_under_arxivs_own_form():
    entry = """<entry><id>http://arxiv.org/abs/math/0309136v1</id><title>Knot Floer homology</title>
<published>2003-09-08T00:00:00Z</published><summary>An abstract.</summary>
<author><name>P. Ozsvath</name></author></entry>"""
    answer = records_from_atom(HEAD + entry + "</feed>", ["math.GT/0309136"])
    record = answer.records["math.GT/0309136"]
    assert (record.arxiv, str(record.source)) == ("math/0309136", "arXiv:math.GT/0309136")


def test_a_published_date_in_digits_of_another_width_gives_its_year_in_0_9():
    # (review: "\\d{4}" took "２０２１-06-17" and gave the year "２０２１", which check
    # refuses; the Markdown list's and BibTeX's readers read such digits as 0-9.)
    entry = """<entry><id>http://arxiv.org/abs/2106.09685v1</id><title>LoRA</title>
<published>\uff12\uff10\uff12\uff11-06-17T00:00:00Z</published><summary>An abstract.</summary>
<author><name>E. Hu</name></author></entry>"""
    answer = records_from_atom(HEAD + entry + "</feed>", ["2106.09685"])
    assert answer.records["2106.09685"].year == "2021"


@pytest.mark.parametrize(
    ("names", "authors"),
    [
        (["A. Smith et al."], ("A. Smith", "others")),
        (["A. Smith", "B. Jones, et. al"], ("A. Smith", "B. Jones", "others")),
        (["A. Smith", "et al"], ("A. Smith", "others")),
        (["Wei Zhang", "Wei Zhang"], ("Wei Zhang", "Wei Zhang")),  # two people, one name
        (["Petal Ross"], ("Petal Ross",)),  # ("al" inside a name is a name)
        (["et al."], ()),
    ],
)
def test_an_author_list_arxiv_cuts_short_with_et_al_ends_with_others(names, authors):
    people = "".join(f"<author><name>{name}</name></author>" for name in names)
    entry = f"""<entry><id>http://arxiv.org/abs/2106.09685v1</id><title>T</title>
<published>2021-06-17T00:00:00Z</published><summary>S.</summary>{people}</entry>"""
    assert records_from_atom(HEAD + entry + "</feed>", ["2106.09685"]).records["2106.09685"].authors == authors


def test_a_kept_answer_is_read_as_a_file_each_paper_at_its_line():
    from generator.errors import Problems
    from generator.ingest import detect_format, parse_text

    text = _feed("old-entry.xml", "lora-entry.xml")
    assert detect_format(text) == "arxiv"
    problems = Problems()
    records = parse_text(text, "content/sources/arxiv-x.xml", problems)
    assert not problems
    assert [(r.arxiv, r.source.line) for r in records] == [
        ("hep-th/9711200", text[: text.index("hep-th/9711200")].count("\n") + 1),
        ("2106.09685", text[: text.index("abs/2106.09685")].count("\n") + 1),
    ]
    for bad, said in ((_feed("error-entry.xml"), "arXiv's answer is an error: incorrect id format"),
                      (HEAD + "</feed>", "arXiv's answer holds no paper")):
        problems = Problems()
        assert parse_text(bad, "a.xml", problems) == []
        assert problems.format().startswith(f"a.xml:1:1: {said}")
    # (A BibTeX file that quotes a feed in an abstract is still BibTeX.)
    assert detect_format('@misc{k, abstract={<feed xmlns="http://www.w3.org/2005/Atom">}}') == "bibtex"
    # A kept answer edited by hand and broken: said where.
    problems = Problems()
    assert parse_text(HEAD + "<entry><id>x</id>\n<title>&nope;</title></entry></feed>", "b.xml", problems) == []
    assert problems.format().startswith("b.xml:4:8: not an answer of arXiv's API: no feed (undefined entity")


def _entry(comment: str, abstract: str = "We train a model on data.") -> str:
    """One paper's entry, its latest version v2, with this comment and abstract."""
    from xml.sax.saxutils import escape

    return (
        f"{HEAD}<entry><id>http://arxiv.org/abs/2101.00001v2</id><title>A Paper</title>"
        f"<published>2021-01-01T00:00:00Z</published><summary>{escape(abstract)}</summary>"
        f'<arxiv:comment xmlns:arxiv="http://arxiv.org/schemas/atom">{escape(comment)}</arxiv:comment>'
        "</entry></feed>\n"
    )


# Withdrawal notices as arXiv's comments give them (the author's reason, or arXiv's own).
@pytest.mark.parametrize("comment", [
    "This paper has been withdrawn by the author due to a crucial error in equation 3",
    "This article has been withdrawn by arXiv administrators due to disputed authorship",
    "arXiv admin note: This version has been removed by arXiv administrators as the submitter did not"
    " have the rights to agree to the license at the time of submission",
    "This submission has been removed by arXiv administrators due to copyright infringement",
    "Withdrawn.",
    "withdrawn due to an error in the proof of Lemma 2",
    "Withdrawal due to errors in the simulations",
    "Withdrawn by the author for major revision",
    "The paper is withdrawn as some errors were found in the experiments",
    "The manuscript is withdrawn pending further experiments",
    "Therefore, the current version is being withdrawn to prevent the spread of wrong results",
    "I respectfully request that this work be withdrawn",
    "Hence I seek withdrawal of this paper, as it may mislead",
    "I am writing to request the withdrawal of my submission",
    "We withdraw this submission since part of the analysis was found faulty",
    "The authors have withdrawn this manuscript because approval was not obtained",
    "After careful consideration, we have decided to withdraw the manuscript",
    "This paper includes some claims not fully verified, and therefore needs to be withdrawn",
    "This paper has been retracted by the authors: the main theorem is false",
    "12 pages. This preprint has been withdrawn; see arXiv:2102.00001 instead",
    "Paper withdrawn by the author",
])
def test_a_withdrawal_the_comment_says_is_found(comment):
    found = records_from_atom(_entry(comment), ["2101.00001"]).withdrawn["2101.00001"]
    assert (found.in_abstract, found.before) == (False, "2101.00001v1")
    # (Quoted; a long one cut short.)
    assert found.notice == comment or found.notice == comment[:159].rstrip() + "…"


# Comments that speak of a withdrawal, not this paper's: no warning.
@pytest.mark.parametrize("comment", [
    "It could be withdrawn if accepted in a journal",
    "A previous version of this manuscript was withdrawn due to an error in interpretation.",
    "The previous version was withdrawn because of an error; this one corrects it",
    "52 pages. This is a merger of version 1 with the withdrawn paper arXiv:2407.18191.",
    "14 pages, replaces the withdrawn manuscript arXiv:1911.03628",
    "This is a replacement for the previously withdrawn paper.",
    "The corrected version of arXiv:2105.14712, which was recently withdrawn",
    "This paper replaces arXiv:2105.14712, which was withdrawn",
    "v2: the coupling of v1 is forbidden and withdrawn; amplitude fixed",
    "This manuscript supersedes the earlier, withdrawn preprint arXiv:2504.15607",
    "Section 6 is withdrawn. Lemma 6.1 is extended.",
    "12 pages. Complete rewrite of v1. Withdrawn as erroneous: the definition 4",
    "v3: v2's central claims are withdrawn",
    "Accepted at a workshop; withdrawn from the proceedings because no author could attend",
    "arXiv admin note: text overlap with arXiv:2001.00001",
    "Removed a figure; 12 pages",
    "12 pages; data on withdrawn drugs at https://example.org/withdrawals",
    "This paper studies how drug approvals are withdrawn",
])
def test_a_comment_that_only_speaks_of_a_withdrawal_is_none(comment):
    assert records_from_atom(_entry(comment), ["2101.00001"]).withdrawn == {}


@pytest.mark.parametrize("abstract", [
    "This paper has been withdrawn by the author due to an error in Eq. 3.",
    "Withdrawn due to an error in Eq. 3.",
    "[This paper has been withdrawn because of a flaw in the data.]",
    "arXiv admin note: This submission has been withdrawn by arXiv administrators because it contains"
    " fictitious content.",
    "This submission has been removed by arXiv administrators as the submitter did not have the rights.",
    "Paper withdrawn by the author.",
])
def test_an_older_withdrawal_the_abstract_says_is_found(abstract):
    found = records_from_atom(_entry("10 pages", abstract), ["2101.00001"]).withdrawn["2101.00001"]
    assert found.in_abstract and found.notice == abstract


@pytest.mark.parametrize("abstract", [
    "We study withdrawn drugs and why they were withdrawn from the market.",
    "We bound the work withdrawn from a quantum battery.",
    "Energy is withdrawn from the cavity mode at a constant rate.",
    "This paper studies drugs that were withdrawn from the market.",
    "The paper is about how submissions are withdrawn from conferences, and why.",
])
def test_an_abstract_that_only_speaks_of_a_withdrawal_is_none(abstract):
    assert records_from_atom(_entry("10 pages", abstract), ["2101.00001"]).withdrawn == {}
