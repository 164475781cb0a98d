"""Small behaviours no other test pinned: each could be removed without a failure before.

(Kept apart from the modules' own test files, which other people are editing.)
"""

from __future__ import annotations

import pytest

from generator import escape
from generator.curation import load_content
from generator.errors import Problems
from generator.ingest.bibtex import parse_bibtex

# --- BibTeX: an arXiv id written in the journal or note text -------------------------------


def _arxiv_ids(bibtex: str) -> dict[str, str]:
    problems = Problems()
    records = parse_bibtex(bibtex, "refs.bib", problems)
    assert not problems, problems.format()
    return {record.title: record.arxiv for record in records}


def test_an_arxiv_id_in_the_journal_or_note_text_is_taken():
    # Google Scholar's export of a preprint: the id is only in the journal text.
    assert _arxiv_ids(
        "@article{a, title={Journal}, journal={arXiv preprint arXiv:2101.00010}, year={2021}}\n"
        "@misc{b, title={Note}, note={ArXiv: 2302.12345v2}, year={2023}}\n"
    ) == {"Journal": "2101.00010", "Note": "2302.12345"}


def test_an_eprint_field_wins_over_an_id_in_the_text_and_a_bare_number_is_no_id():
    assert _arxiv_ids(
        "@article{c, title={Eprint}, note={see arXiv:2101.00099}, eprint={2201.00001},"
        " archiveprefix={arXiv}}\n"
        "@article{d, title={Bare}, journal={Proceedings 2101.00010}}\n"
    ) == {"Eprint": "2201.00001", "Bare": ""}


# --- safe_url: checked again with HTML character references decoded -----------------------


@pytest.mark.parametrize(
    "url",
    [
        # Passes as written; decoded once (as HTML will), a backslash appears, which
        # browsers read as "/": https://example.org/@evil.example/ or worse.
        "https://example.org&#92;@evil.example/",
        "https://example.org/a&#x5c;b",
    ],
)
def test_a_url_unsafe_only_once_decoded_is_refused(url):
    assert escape.safe_url(url) is None
    assert escape.safe_url(url.replace("&#92;", "/").replace("&#x5c;", "/")) is not None


def test_a_url_with_harmless_references_is_kept_as_written():
    url = "https://example.org/?a=1&amp;b=2"
    assert escape.safe_url(url) == url


# --- A file that is not UTF-8: the column counts characters, not bytes ----------------------


def test_the_column_of_a_bad_byte_counts_the_characters_before_it(tmp_path):
    papers = tmp_path / "content" / "papers"
    papers.mkdir(parents=True)
    # "title: Café — " is 14 characters (18 bytes): the bad byte is in column 15.
    (papers / "x.yml").write_bytes("id: x\ntitle: Café — ".encode() + b"\xff\n")
    _, problems = load_content(tmp_path / "content", root=tmp_path)
    assert [str(p) for p in problems.errors if "UTF-8" in p.message] == [
        "content/papers/x.yml:2:15: the file is not UTF-8 (invalid byte 0xff); save it as UTF-8"
    ]


def test_a_bad_byte_at_the_start_of_a_line_is_in_column_one(tmp_path):
    papers = tmp_path / "content" / "papers"
    papers.mkdir(parents=True)
    (papers / "x.yml").write_bytes("id: x\ntitle: Ça\n".encode() + b"\x80abstract: t\n")
    _, problems = load_content(tmp_path / "content", root=tmp_path)
    assert [str(p) for p in problems.errors if "UTF-8" in p.message] == [
        "content/papers/x.yml:3:1: the file is not UTF-8 (invalid byte 0x80); save it as UTF-8"
    ]

