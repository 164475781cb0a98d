"""A paper imported as a preprint, then from a source giving its published version."""

import datetime as dt
import difflib

import pytest

from generator.errors import Location, Problems
from generator.export_bibtex import bibtex_entry
from generator.importer import import_paths, import_records
from generator.ingest import Record
from generator.yamlio import parse, to_python

DAY = dt.date(2026, 1, 2)
TITLE = "BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding"
ID = "bert-pre-training-of-deep-bidirectional-transformers-for-language-understanding"
ABSTRACT = "We introduce a new language representation model called BERT."

SCHOLAR = """@article{devlin2018bert,
  title={BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding},
  author={Devlin, Jacob and Chang, Ming-Wei and Lee, Kenton and Toutanova, Kristina},
  journal={arXiv preprint arXiv:1810.04805},
  year={2018}
}
"""
ANTHOLOGY = """@inproceedings{devlin-etal-2019-bert,
    title = "{BERT}: Pre-training of Deep Bidirectional Transformers for Language Understanding",
    author = "Devlin, Jacob and Chang, Ming-Wei and Lee, Kenton and Toutanova, Kristina",
    booktitle = "Proceedings of NAACL-HLT 2019",
    year = "2019",
    doi = "10.18653/v1/N19-1423",
}
"""


def _read(path):
    problems = Problems()
    tree = parse(path.read_text(encoding="utf-8"), str(path), problems)
    assert not problems, problems.format()
    return to_python(tree)


def _rec(venue, year, line=1, **fields):
    return Record(
        title=TITLE, abstract=ABSTRACT, source=Location("in.bib", line, 1), venue=venue,
        year=year, authors=("Jacob Devlin",), **fields,
    )


def _preprint(venue="arXiv preprint arXiv:1810.04805", line=1):
    return _rec(venue, "2018", line, arxiv="1810.04805")


def _published(venue="NAACL", line=5):
    return _rec(venue, "2019", line, doi="10.18653/v1/N19-1423")


def _edit(path, old, new):
    text = path.read_text()
    assert old in text, text
    path.write_text(text.replace(old, new))


def _snapshot(folder):
    return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_the_published_version_replaces_the_preprint_venue_and_year_the_importer_took(tmp_path):
    (tmp_path / "scholar.bib").write_text(SCHOLAR)
    (tmp_path / "anthology.bib").write_text(ANTHOLOGY)
    content = tmp_path / "content"
    import_paths([tmp_path / "scholar.bib"], content, added=DAY)
    path = content / "papers" / f"{ID}.yml"
    _edit(path, "title:", "# our favourite\ntitle:")  # the file keeps a curator's comment
    before = path.read_text().splitlines()
    report = import_paths([tmp_path / "anthology.bib"], content, added=DAY)
    assert (report.updated, report.conflicts) == ([ID], [])
    assert [str(p) for p in report.published] == [
        f"published: {ID} now Proceedings of NAACL-HLT 2019 "
        "(was no venue, 2018)"
    ]
    data = _read(path)
    assert (data["venue"], data["year"], data["doi"]) == (
        "Proceedings of NAACL-HLT 2019", "2019", "10.18653/v1/N19-1423"
    )
    # Edited in place: the year replaced, the venue added after it (Scholar's "arXiv
    # preprint arXiv:1810.04805" gave the arXiv id and no venue), the DOI after the arXiv id.
    after = path.read_text().splitlines()
    diff = [line for line in difflib.unified_diff(before, after, lineterm="", n=0)
            if line[:1] in "+-" and line[:3] not in ("+++", "---")]
    assert diff == [
        "-year: 2018",
        "+year: 2019", "+venue: Proceedings of NAACL-HLT 2019",
        # What the entry said the venue is (@inproceedings), which the preprint had not.
        "+venue_kind: conference",
        '+doi: "10.18653/v1/N19-1423"',
    ]
    # Both sources again, in either order: the published version stays, nothing is said.
    files = _snapshot(content)
    for order in (["scholar.bib", "anthology.bib"], ["anthology.bib", "scholar.bib"]):
        again = import_paths([tmp_path / name for name in order], content, added=DAY)
        assert (again.updated, again.conflicts, again.published) == ([], [], [])
        assert _snapshot(content) == files


@pytest.mark.parametrize("venue", ["arXiv", "CoRR", "CoRR abs/1810.04805", "bioRxiv", "SSRN"])
def test_every_preprint_venue_gives_way(tmp_path, venue):
    import_records([_preprint(venue)], tmp_path, added=DAY)
    report = import_records([_published()], tmp_path, added=DAY)
    data = _read(tmp_path / "papers" / f"{ID}.yml")
    assert (data["venue"], data["year"], report.conflicts) == ("NAACL", "2019", [])
    assert [str(p) for p in report.published] == [f"published: {ID} now NAACL 2019 (was {venue}, 2018)"]


def test_without_years_the_line_names_the_venues_alone(tmp_path):
    import_records([_rec("CoRR", "", arxiv="1810.04805")], tmp_path, added=DAY)
    report = import_records([_rec("NAACL", "", 5)], tmp_path, added=DAY)
    assert "year" not in _read(tmp_path / "papers" / f"{ID}.yml")
    assert [str(p) for p in report.published] == [f"published: {ID} now NAACL (was CoRR)"]


def test_a_venue_the_curator_wrote_or_edited_is_kept_and_the_import_is_a_conflict(tmp_path):
    other = Record(
        title="Another Paper", abstract="Other.", source=Location("in.bib", 1, 1),
        venue="arXiv", year="2020",
    )
    import_records([_preprint(), other], tmp_path, added=DAY)
    papers = tmp_path / "papers"
    _edit(papers / "another-paper.yml", "venue: arXiv", "venue: arXiv (v3, the one we read)")
    (papers / "hand-made.yml").write_text(
        "id: hand-made\ntitle: Hand Made\nyear: 2020\nvenue: arXiv preprint\n"
    )
    later = [
        _published(),
        Record(title="Another Paper", abstract="Other.", source=Location("in.bib", 9, 1),
               venue="ICLR", year="2021"),
        Record(title="Hand Made", abstract="", source=Location("in.bib", 13, 1),
               venue="ICLR", year="2021"),
    ]
    report = import_records(later, tmp_path, added=DAY)
    assert _read(papers / f"{ID}.yml")["venue"] == "NAACL"  # the importer's own: replaced
    assert [p.paper_id for p in report.published] == [ID]
    assert (_read(papers / "another-paper.yml")["venue"], _read(papers / "hand-made.yml")["venue"]) == (
        "arXiv (v3, the one we read)", "arXiv preprint"
    )
    # The year of a paper whose venue stays is the curator's business too.
    assert [(c.location.path, c.field, c.kept, c.imported) for c in report.conflicts] == [
        (str(papers / "another-paper.yml"), "year", "2020", "2021"),
        (str(papers / "another-paper.yml"), "venue", "arXiv (v3, the one we read)", "ICLR"),
        (str(papers / "hand-made.yml"), "year", "2020", "2021"),
        (str(papers / "hand-made.yml"), "venue", "arXiv preprint", "ICLR"),
    ]


def test_the_year_follows_only_when_the_curator_left_it_alone(tmp_path):
    import_records([_preprint()], tmp_path, added=DAY)
    path = tmp_path / "papers" / f"{ID}.yml"
    _edit(path, "year: 2018", "year: 2017")
    report = import_records([_published()], tmp_path, added=DAY)
    data = _read(path)
    assert (data["venue"], data["year"]) == ("NAACL", "2017")
    assert [(c.field, c.kept, c.imported) for c in report.conflicts] == [("year", "2017", "2019")]
    assert [str(p) for p in report.published] == [
        f"published: {ID} now NAACL 2017 (was arXiv preprint arXiv:1810.04805, 2017)"
    ]


def test_a_preprint_never_replaces_a_published_venue_and_is_no_conflict(tmp_path):
    import_records([_published()], tmp_path, added=DAY)
    hand = tmp_path / "papers" / "curated.yml"
    hand.write_text("id: curated\ntitle: Curated Paper\nvenue: ICML\n")
    files = _snapshot(tmp_path / "papers")
    preprints = [
        _preprint(line=1),
        Record(title="Curated Paper", abstract="", source=Location("in.bib", 9, 1),
               venue="CoRR abs/2101.00001", year="2020"),
    ]
    report = import_records(preprints, tmp_path, added=DAY)
    assert (report.conflicts, report.published) == ([], [])
    data = _read(tmp_path / "papers" / f"{ID}.yml")
    assert (data["venue"], data["year"], data["arxiv"]) == ("NAACL", "2019", "1810.04805")
    # Nor is the preprint's year filled into a published paper that has none.
    assert _snapshot(tmp_path / "papers")[hand.relative_to(tmp_path / "papers")] == files[
        hand.relative_to(tmp_path / "papers")
    ]
    assert report.unchanged == ["curated"]


def test_within_one_import_the_published_entry_wins_whatever_the_order(tmp_path):
    written = []
    for n, records in enumerate([[_preprint(), _published()], [_published(line=1), _preprint(line=5)]]):
        content = tmp_path / str(n)
        report = import_records(records, content, added=DAY)
        assert (report.added, report.conflicts, report.published) == ([ID], [], [])
        data = _read(content / "papers" / f"{ID}.yml")
        assert (data["venue"], data["year"], data["arxiv"], data["doi"]) == (
            "NAACL", "2019", "1810.04805", "10.18653/v1/N19-1423"
        )
        written.append(_snapshot(content))
    assert written[0] == written[1]


def test_the_exporter_and_importer_agree_on_what_a_preprint_venue_is(tmp_path):
    # The published venue the importer chose is exported as one; the preprint as howpublished.
    import_records([_preprint()], tmp_path / "a", added=DAY)
    import_records([_preprint(), _published()], tmp_path / "b", added=DAY)
    from generator.curation import load_content
    from tests.test_curation import without_topicless

    fields = []
    for name in ("a", "b"):
        content, problems = load_content(tmp_path / name)
        assert not without_topicless(problems.items)  # (no topic yet: said once)
        fields.append({f.key: f.value for f in bibtex_entry(content.papers[0]).fields})
    assert fields[0]["howpublished"] == "arXiv preprint arXiv:1810.04805"
    assert "howpublished" not in fields[1] and "NAACL" in fields[1].values()


def test_readinglist_import_prints_the_published_line(tmp_path, capsys):
    from generator.cli import main

    (tmp_path / "content").mkdir()
    (tmp_path / "scholar.bib").write_text(SCHOLAR)
    (tmp_path / "anthology.bib").write_text(ANTHOLOGY)
    assert main(["--root", str(tmp_path), "import", str(tmp_path / "scholar.bib")]) == 0
    capsys.readouterr()
    assert main(["--root", str(tmp_path), "import", str(tmp_path / "anthology.bib")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert f"published: {ID} now Proceedings of NAACL-HLT 2019 (was no venue, 2018)" in out


def test_a_venue_less_arxiv_record_is_a_preprint_whatever_the_order(tmp_path):
    # arXiv's own "Export BibTeX" and Zotero's @misc give no venue at all: the published
    # record's venue and year win, in either order, with no year conflict.
    arxiv_only = _rec("", "2018", 1, arxiv="1810.04805")
    published = _rec("NAACL", "2019", 5)
    for n, records in enumerate([[arxiv_only, published], [published, arxiv_only]]):
        content = tmp_path / str(n)
        report = import_records(records, content, added=DAY)
        assert (report.added, report.conflicts) == ([ID], [])
        data = _read(content / "papers" / f"{ID}.yml")
        assert (data["venue"], data["year"], data["arxiv"]) == ("NAACL", "2019", "1810.04805")
    # First imported alone, then the published record: the year follows the venue.
    content = tmp_path / "apart"
    import_records([arxiv_only], content, added=DAY)
    report = import_records([published], content, added=DAY)
    assert report.conflicts == [] and [str(p) for p in report.published] == [
        f"published: {ID} now NAACL 2019 (was no venue, 2018)"
    ]
    assert _read(content / "papers" / f"{ID}.yml")["year"] == "2019"


def test_a_venue_less_record_without_an_arxiv_id_fills_the_venue_and_keeps_the_year(tmp_path):
    # No arXiv id: nothing says the record was a preprint, so the year is a conflict.
    import_records([_rec("", "2018", 1)], tmp_path, added=DAY)
    report = import_records([_rec("NAACL", "2019", 5)], tmp_path, added=DAY)
    data = _read(tmp_path / "papers" / f"{ID}.yml")
    assert (data["venue"], data["year"]) == ("NAACL", "2018")
    assert [c.field for c in report.conflicts] == ["year"] and report.published == []


def test_a_read_only_file_is_not_said_to_be_published_now(tmp_path):
    # The file is left as it is: "published: ... now ..." would say a change not made.
    import_records([_preprint()], tmp_path, added=DAY)
    path = tmp_path / "papers" / f"{ID}.yml"
    path.chmod(0o444)
    before = path.read_bytes()
    report = import_records([_published()], tmp_path, added=DAY)
    assert (report.read_only, report.published, report.updated) == ([ID], [], [])
    assert path.read_bytes() == before
    (warning,) = report.warnings
    assert warning.message.startswith(
        "this file is read-only, so the import left it alone: it did not write year, venue, doi ("
    )
