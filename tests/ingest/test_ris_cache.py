"""What the last import read each RIS record as (generator/ingest/bibcache.py, used by
ris.parse_ris): a record written alike is taken from it, anything else read again, and
the records and messages are those of a reading without it."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import cache
from generator.importer import import_paths
from generator.ingest import bibcache
from generator.ingest.bibcache import EntryReadings

from .cached_readings import again, empty_project as _project, read

RIS = """TY  - JOUR
TI  - Alpha Paper
AU  - Doe, Jane
AU  - Roe, Rick
PY  - 2020
T2  - Journal of Things
AB  - An abstract of alpha.
ER  - 

TY  - CONF
TI  - Beta <i>Paper</i> &amp; more
AU  - Poe, Ed
PY  - 2021
T2  - Conference on B
DO  - 10.1000/beta
UR  - https://github.com/owner/beta
N1  - My own note
ER  - 

TY  - JOUR
TI  - Gamma Paper
AU  - Loe, Al
PY  - 2022
ER  - 
"""


def test_an_unchanged_file_is_read_from_the_cache() -> None:
    readings, records, _ = again(RIS, RIS, "lab.ris")
    assert readings.hits == 3
    assert [record.title for record in records] == ["Alpha Paper", "Beta Paper & more", "Gamma Paper"]
    assert records[1].doi == "10.1000/beta"


def test_a_record_changed_by_one_byte_is_read_again() -> None:
    readings, records, _ = again(RIS, RIS.replace("Alpha Paper", "Alpha Papers"), "lab.ris")
    assert readings.hits == 2
    assert records[0].title == "Alpha Papers"


def test_a_record_moved_or_in_a_renamed_file_is_placed_where_it_is_now() -> None:
    moved = "TY  - JOUR\nTI  - New Paper\nPY  - 2019\nER  - \n\n" + RIS
    readings, records, _ = again(RIS, moved, "other.ris")
    assert readings.hits == 3
    beta = next(record for record in records if record.doi == "10.1000/beta")
    assert beta.source.path == "other.ris"
    assert beta.source.line == 15  # line 10 before, five lines added above


def test_a_record_spaced_otherwise_is_read_again() -> None:
    # ("PY - 2020", one space before the dash, as some exporters write: a message's
    # column on that line is one less, so the reading is not the other's.)
    narrow = RIS.replace("PY  - 2020", "PY - 2020")
    readings, records, _ = again(RIS, narrow, "lab.ris")
    assert readings.hits == 2
    assert records[0].year == "2020"


def test_a_record_that_said_something_is_read_again_and_says_it_again() -> None:
    twice = RIS.replace("TI  - Gamma Paper\n", "TI  - Gamma Paper\nTI  - Another Title\n")
    readings, _, said = again(twice, twice, "lab.ris")
    assert readings.hits == 2  # not Gamma, whose reading warned
    assert any("a second TI in this record" in line for line in said)


def test_another_reading_of_tex_is_not_served_the_default_one() -> None:
    from generator.latex import math_as_typed

    text = RIS.replace("Alpha Paper", "Alpha $\\beta$ Paper")
    kept = EntryReadings("project", name=bibcache.RIS_FILE_NAME)
    read(text, "lab.ris", kept)
    readings = EntryReadings("project", kept.now, name=bibcache.RIS_FILE_NAME)
    with math_as_typed():
        records, _ = read(text, "lab.ris", readings)
        plain, _ = read(text, "lab.ris")
    # (Each record is read again under another reading: RIS names and text go through
    # latex.py, whose readings differ in math and ties.)
    assert readings.hits == 0
    assert records == plain


def test_an_import_keeps_the_ris_readings_apart_from_the_bibtex_ones(tmp_path: Path) -> None:
    project = _project(tmp_path)
    folder = cache.folder(project)
    bib = tmp_path / "lab.bib"
    bib.write_text("@article{k, title = {Delta Paper}, journal = {J}, year = 2020}\n", encoding="utf-8")
    import_paths([bib], project / "content")
    ris = tmp_path / "zotero.ris"
    ris.write_text(RIS, encoding="utf-8")
    import_paths([ris], project / "content")
    assert len(bibcache.load(folder, project, bibcache.RIS_FILE_NAME).last) == 3
    # The RIS import left the BibTeX readings for the next BibTeX import.
    assert len(bibcache.load(folder, project).last) == 1
    assert not list((project / "content").rglob("*.pickle"))
    files = {p.name: p.read_bytes() for p in (project / "content" / "papers").iterdir()}
    # A re-import from the cache finds every paper as it is.
    report = import_paths([ris], project / "content")
    assert {p.name: p.read_bytes() for p in (project / "content" / "papers").iterdir()} == files
    assert not report.warnings


# Pieces of records: tags given once and twice, HTML and references, TeX, names, notes,
# links, "PY - " spaced narrow, and mistakes that warn.
_LINES = [
    "TI  - Plain Title", "TI  - A $\\beta$ Title", "TI  - <i>Rich</i> &amp; Title", "T1  - Other Title",
    "AU  - Doe, Jane", "AU  - Sch{\\\"o}lkopf, Bernhard", "AU  - Meta, Inc.", "PY  - 2020", "PY - 2021",
    "PY  - 2017///", "T2  - Journal of B", "DO  - 10.1000/xyz", "UR  - https://github.com/o/r",
    "N1  - arXiv:2106.09685 [cs]", "N1  - My note", "AB  - An abstract", "KW  - Training", "VL  - 3",
    "SP  - 1", "EP  - 9", "L1  - file:///home/me/a.pdf",
    # Text written in TeX, read as TeX (latex.tex_written), and plain text with a brace or
    # a backslash of its own, kept as written; a title of both, math in TeX.
    "TI  - Sch{\\\"o}lkopf's {K}ernels", "TI  - A {set} of \\ paths", "TI  - {K}ernels for $\\beta$ -- 5\\%",
    "T2  - Learning {\\&} Reasoning", "T2  - Plain {0,1} Journal", "PB  - Springer {\\&} Sons",
    "KW  - k{\\\"e}rnels", "KW  - C:\\Users", "AB  - We study {\\`a} la \\emph{kernels}.", "AB  - Costs ~5% less",
    "ED  - M{\\\"u}ller, Klaus-Robert", "ED  - Smola, Alex",
]


@st.composite
def _ris(draw: st.DrawFn) -> str:
    records = []
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["JOUR", "CONF", "BOOK", "CHAP"]))
        lines = draw(st.lists(st.sampled_from(_LINES), max_size=6))
        records.append("\n".join([f"TY  - {kind}", *lines, "ER  - ", ""]))
    return "\n".join(records)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_ris(), _ris())
def test_the_cache_reads_as_no_cache(first: str, second: str) -> None:
    # Any file read after any other, with what the other's reading kept, gives the
    # records and messages of a reading without it (_again asserts it), and read again
    # unchanged too.
    again(first, second, "lab.ris")
    again(second, second, "lab.ris")
