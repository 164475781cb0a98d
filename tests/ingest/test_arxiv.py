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
