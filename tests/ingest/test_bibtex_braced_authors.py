"""An author a .bib file braces whole ("{Hugging Face}", BibTeX's one unit) keeps its braces
in the paper file where the citations would otherwise split it as a person's: the braces
are the YAML's way to say it is an organisation's (names.braced_name), which the BibTeX
export and the COinS cite whole and the pages show without them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from generator.errors import Problems
from generator.export_bibtex import citation
from generator.importer import import_paths
from generator.ingest import parse_text
from generator.models import Paper
from tests.test_curation import check_one

DAY = dt.date(2026, 1, 2)

BIB = (
    "@misc{hf2024, title = {Open Models for Everyone}, year = {2024},\n"
    "  author = {{Hugging Face} and Lovelace, Ada and {OpenAI} and {Google Research} and {Smith, John}"
    " and {Tom and Jerry} and {Team *Gemini}}}\n"
)


def test_a_name_braced_whole_that_bibtex_would_split_keeps_its_braces():
    # (review of cite2: "{Hugging Face}" was imported "Hugging Face", which the BibTeX
    # export cites "Face, Hugging" and `readinglist check` warned of as maybe an
    # organisation's.) Kept braced: a name of words no organisation's pattern knows
    # ("{Hugging Face}"), one with a comma ("{Smith, John}", one unit in BibTeX, not
    # "John Smith"). Without them, as before: a name the citations brace anyway, an
    # organisation's ("Google Research", "Tom and Jerry") or one with a mark ("Team
    # *Gemini"), and one word ("OpenAI"), which nothing splits.
    problems = Problems()
    (record,) = parse_text(BIB, "lab.bib", problems)
    assert record.authors == (
        "{Hugging Face}", "Ada Lovelace", "OpenAI", "Google Research", "{Smith, John}", "Tom and Jerry",
        "Team *Gemini",
    )


def test_the_braced_names_cite_as_the_bib_file_wrote_them():
    (record,) = parse_text(BIB, "lab.bib", Problems())
    paper = Paper(id="p", title="Open Models for Everyone", abstract="A.", authors=record.authors, year=2024)
    again = citation(paper)
    assert "{Hugging Face} and Ada Lovelace" in again
    (read_back,) = parse_text(again, "again.bib", Problems())
    assert read_back.authors == record.authors


def _import(tmp_path: Path, bib: Path):
    return import_paths([bib], tmp_path / "content", added=DAY)


def test_the_paper_file_keeps_the_braces_and_a_reimport_is_unchanged(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: Lab\n")
    bib = tmp_path / "lab.bib"
    bib.write_text(BIB, encoding="utf-8")
    assert _import(tmp_path, bib).added == ["open-models-for-everyone"]
    path = tmp_path / "content" / "papers" / "open-models-for-everyone.yml"
    text = path.read_text(encoding="utf-8")
    assert yaml.safe_load(text)["authors"][:2] == ["{Hugging Face}", "Ada Lovelace"]
    # `readinglist check` says nothing of the name: braced, it is cited whole.
    assert not [m for m in check_one(tmp_path, text) if "authors" in m]
    again = _import(tmp_path, bib)
    assert (again.added, again.updated, again.unchanged, again.conflicts) == (
        [], [], ["open-models-for-everyone"], [])
    assert path.read_text(encoding="utf-8") == text


def test_a_hand_edited_file_keeps_its_edits_and_the_braces(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: Lab\n")
    bib = tmp_path / "lab.bib"
    bib.write_text(BIB, encoding="utf-8")
    _import(tmp_path, bib)
    path = tmp_path / "content" / "papers" / "open-models-for-everyone.yml"
    # The curator names the organisation otherwise and adds notes.
    edited = path.read_text(encoding="utf-8").replace('"{Hugging Face}"', '"{Hugging Face, Inc.}"')
    assert edited != path.read_text(encoding="utf-8")
    edited += "notes: Read for the model cards.\n"
    path.write_text(edited, encoding="utf-8")
    report = _import(tmp_path, bib)
    assert (report.updated, report.conflicts) == ([], [])
    assert path.read_text(encoding="utf-8") == edited
    # The .bib file changes its list (an author more): the curator's list is kept, the
    # conflict said once, the source's braced name as it wrote it.
    bib.write_text(BIB.replace("{Team *Gemini}}", "{Team *Gemini} and Turing, Alan}"), encoding="utf-8")
    report = _import(tmp_path, bib)
    assert [c.field for c in report.conflicts] == ["authors"]
    assert "{Hugging Face, Inc.}" in str(report.conflicts[0]) and "{Hugging Face}" in str(report.conflicts[0])
    assert path.read_text(encoding="utf-8") == edited
    assert _import(tmp_path, bib).conflicts == []
