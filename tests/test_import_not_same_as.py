"""Importing a record of a title two papers share that a curator keeps apart
(`not_same_as:`, a paper's conference and journal versions): the record joins the one
its DOI, arXiv id, venue or year says, and none when they do not tell."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.errors import Location
from generator.importer import import_records
from generator.ingest import Record
from tests.test_curation import messages
from tests.test_import_matching import _read

DAY = dt.date(2026, 1, 2)
TITLE = "Neural Ordinary Differential Equations"
PEOPLE = ("Ricky Chen", "David Duvenaud")


def _versions(tmp_path, arxiv: str = "", mark: str = "node-journal") -> None:
    """The conference version (NeurIPS 2018) and the journal one (JMLR 2021), of one
    title and people, the first listing the second in its `not_same_as:`."""
    papers = tmp_path / "papers"
    papers.mkdir()
    shared = f"title: {TITLE}\nauthors: [Ricky Chen, David Duvenaud]\n" + (f"arxiv: '{arxiv}'\n" if arxiv else "")
    (papers / "node-conf.yml").write_text(
        "id: node-conf\n" + shared + "year: 2018\nvenue: NeurIPS\n"
        + (f"not_same_as: [{mark}]\n" if mark == "node-journal" else "")
    )
    (papers / "node-journal.yml").write_text(
        "id: node-journal\n" + shared + "year: 2021\nvenue: JMLR\n"
        + (f"not_same_as: [{mark}]\n" if mark == "node-conf" else "")
    )


def _rec(line: int, **fields) -> Record:
    return Record(title=TITLE, abstract="", source=Location("in.bib", line, 1), authors=PEOPLE, **fields)


@pytest.mark.parametrize("mark", ["node-journal", "node-conf"])
def test_a_record_joins_the_version_its_venue_and_year_say(tmp_path, mark):
    # (curator: the JMLR record's pages were merged into the NeurIPS file, the first of
    # the title, its venue and year said a conflict with it)
    _versions(tmp_path, mark=mark)
    report = import_records([
        _rec(1, venue="JMLR", year="2021", pages="1-30"),
        _rec(2, venue="NeurIPS", year="2018", pages="6571-6583"),
    ], tmp_path, added=DAY)
    assert (report.added, report.conflicts, report.warnings) == ([], [], [])
    assert _read(tmp_path / "papers" / "node-journal.yml")["pages"] == "1-30"
    assert _read(tmp_path / "papers" / "node-conf.yml")["pages"] == "6571-6583"


@pytest.mark.parametrize(
    "venue",
    [
        "Advances in Neural Information Processing Systems",
        "Advances in Neural Information Processing Systems 31: Annual Conference on Neural"
        " Information Processing Systems 2018, NeurIPS 2018, December 3-8, 2018, Montr\u00e9al, Canada",
        "NIPS",
    ],
)
def test_a_record_joins_the_version_whose_conference_its_venue_names_otherwise(tmp_path, venue):
    # (user: a record with venue "Advances in Neural Information Processing Systems", and
    # no year, joined neither the file that says "NeurIPS" nor the other: the choice
    # compared folded names, where the import elsewhere takes the two for one venue)
    _versions(tmp_path)
    report = import_records([_rec(1, venue=venue, pages="6571-6583")], tmp_path, added=DAY)
    assert (report.added, report.conflicts, report.warnings) == ([], [], [])
    assert _read(tmp_path / "papers" / "node-conf.yml")["pages"] == "6571-6583"
    assert "pages" not in _read(tmp_path / "papers" / "node-journal.yml")


def test_a_record_of_the_conference_in_another_year_joins_no_version(tmp_path):
    # (One conference in one year, as the import takes two venues for one elsewhere:
    # NeurIPS 2019 is not the NeurIPS 2018 version.)
    _versions(tmp_path)
    before = {p.name: p.read_bytes() for p in (tmp_path / "papers").iterdir()}
    report = import_records([_rec(1, venue="NeurIPS 2019", pages="6571-6583")], tmp_path, added=DAY)
    assert (report.added, report.conflicts, len(report.warnings)) == ([], [], 1)
    assert "neither its DOI, arXiv id, venue nor year tells which" in str(report.warnings[0])
    assert {p.name: p.read_bytes() for p in (tmp_path / "papers").iterdir()} == before


def test_a_record_of_the_arxiv_id_both_share_joins_the_version_its_year_says(tmp_path):
    _versions(tmp_path, arxiv="1806.07366")
    # (A DOI neither file has: it does not tell, the year does, and it is filled.)
    report = import_records([_rec(1, arxiv="1806.07366", year="2021", doi="10.5555/jmlr.2021.7")], tmp_path, added=DAY)
    assert (report.added, report.conflicts, report.warnings) == ([], [], [])
    assert _read(tmp_path / "papers" / "node-journal.yml")["doi"] == "10.5555/jmlr.2021.7"
    assert "doi" not in _read(tmp_path / "papers" / "node-conf.yml")


def test_a_record_that_does_not_say_which_version_joins_none_and_is_said(tmp_path):
    _versions(tmp_path, arxiv="1806.07366")
    before = {p.name: p.read_bytes() for p in (tmp_path / "papers").iterdir()}
    report = import_records([
        _rec(1, arxiv="1806.07366", pages="1-30"),  # no year, no venue
        _rec(2, venue="arXiv preprint", year="2019"),  # the preprint's: neither
    ], tmp_path, added=DAY)
    assert report.added == []
    # (lead: it said only "copy what it adds into that paper's file by hand", on every
    # import: now what to give the record so that it is placed. The first lacks a venue
    # and a year; the second has the preprint's venue, which says nothing, and a year of
    # neither. No DOI or arXiv id is only one file's, and neither record gives one a file
    # lacks.)
    said = [
        f"in.bib:{line}:1: warning: {TITLE!r} may be node-conf or node-journal ({why}), which"
        " a curator keeps apart (not_same_as:), and neither its DOI, arXiv id, venue nor year"
        " tells which: it is not imported, now or by a later import, until one does; give the"
        f" record what only the one it is has ({what}); else copy what it adds into that"
        " paper's file by hand"
        for line, why, what in (
            (1, "same arXiv id 1806.07366",
             "node-conf's venue 'NeurIPS' or year 2018, node-journal's venue 'JMLR' or year 2021"),
            (2, "same title",
             "node-conf's venue 'NeurIPS' or year 2018, node-journal's venue 'JMLR' or year 2021"),
        )
    ]
    assert [str(w) for w in report.warnings] == said
    assert {p.name: p.read_bytes() for p in (tmp_path / "papers").iterdir()} == before
    # The summary's counts add up: the two records are counted as not imported.
    # (user: "2 record(s): 0 added, 0 updated, 0 unchanged", the two in no count)
    assert report.summary().startswith(
        "2 record(s): 0 added, 0 updated, 0 unchanged, 2 not imported (which of the papers"
        " kept apart each is, nothing in it tells: see the warnings); of which 0 duplicate(s)"
    )
    # Imported again: the same warnings, one a record, and still nothing written.
    again = import_records([
        _rec(1, arxiv="1806.07366", pages="1-30"), _rec(2, venue="arXiv preprint", year="2019"),
    ], tmp_path, added=DAY)
    assert ([str(w) for w in again.warnings], again.added, again.updated) == (said, [], [])
    assert {p.name: p.read_bytes() for p in (tmp_path / "papers").iterdir()} == before
    # Given what the warning asks (the first its year, the second its venue), each is
    # placed, without a word.
    placed = import_records([
        _rec(1, arxiv="1806.07366", year="2021", doi="10.5555/jmlr.2021.7"),
        _rec(2, venue="NeurIPS", year="2019", pages="6571-6583"),
    ], tmp_path, added=DAY)
    assert (placed.warnings, placed.added) == ([], [])
    assert _read(tmp_path / "papers" / "node-journal.yml")["doi"] == "10.5555/jmlr.2021.7"
    assert _read(tmp_path / "papers" / "node-conf.yml")["pages"] == "6571-6583"


def test_a_record_with_an_id_neither_file_has_is_told_which_line_places_it(tmp_path):
    # A DOI neither file has (NeurIPS gives none): the record says nothing of which,
    # but written into the file of the one it is, its DOI would.
    _versions(tmp_path)
    doi = "10.5555/jmlr.2021.7"
    report = import_records([_rec(1, doi=doi)], tmp_path, added=DAY)
    conf, journal = (tmp_path / "papers" / "node-conf.yml", tmp_path / "papers" / "node-journal.yml")
    assert [str(w).split(" tells which: ", 1)[1] for w in report.warnings] == [
        "it is not imported, now or by a later import, until one does; give the record what"
        " only the one it is has (node-conf's venue 'NeurIPS' or year 2018, node-journal's"
        f" venue 'JMLR' or year 2021), or write into the file of the one it is the line"
        f" `doi: \"{doi}\"` ({conf} or {journal}); else copy what it adds into that paper's"
        " file by hand"
    ]
    journal.write_text(journal.read_text() + f'doi: "{doi}"\n')
    placed = import_records([_rec(1, doi=doi)], tmp_path, added=DAY)
    assert (placed.warnings, placed.added) == ([], [])
    assert [(d.paper_id, d.reason) for d in placed.duplicates] == [("node-journal", f"same DOI {doi}")]


def test_versions_that_differ_in_nothing_a_record_gives_are_said_to_need_it(tmp_path):
    # Two files of one year and no venue: no record can say which; the files must first.
    papers = tmp_path / "papers"
    papers.mkdir()
    shared = f"title: {TITLE}\nauthors: [Ricky Chen, David Duvenaud]\nyear: 2018\n"
    (papers / "node-a.yml").write_text("id: node-a\n" + shared + "not_same_as: [node-b]\n")
    (papers / "node-b.yml").write_text("id: node-b\n" + shared)
    report = import_records([_rec(1, year="2018")], tmp_path, added=DAY)
    assert [str(w).split(" tells which: ", 1)[1] for w in report.warnings] == [
        "it is not imported, now or by a later import, until one does; node-a and node-b"
        " have no DOI, arXiv id, venue or year that only one of them has: give each its own"
        " (its DOI, or its venue), then the record that of the one it is; else copy what it"
        " adds into that paper's file by hand"
    ]


def test_a_record_whose_doi_is_neither_versions_is_another_paper_as_before(tmp_path):
    # (Not a version it cannot tell: one title and another DOI is another paper, as the
    # importer keeps two "Editorial"s apart.)
    _versions(tmp_path)
    for name, doi in (("node-conf.yml", "10.5555/neurips.2018.1"), ("node-journal.yml", "10.5555/jmlr.2021.7")):
        path = tmp_path / "papers" / name
        path.write_text(path.read_text() + f"doi: {doi}\n")
    report = import_records([_rec(1, doi="10.5555/other.2019.3")], tmp_path, added=DAY)
    assert report.added == [TITLE.lower().replace(" ", "-")]
    assert [str(w).split(": warning: ", 1)[1] for w in report.warnings] == [
        "possibly the same paper as node-conf (same title, another arXiv id or DOI); if so, delete one;"
        " if they are two papers, say so: add the line `not_same_as: [node-conf]` to this file"
    ]


# --- "possibly the same paper": how to say the two are two papers ---------------------

LONG = (
    "We propose a sparse attention mechanism that keeps a long memory of past tokens and"
    " apply it to translation and summarisation with strong results on several benchmarks."
)


def _possibly(tmp_path, records: list[Record]) -> tuple[list[str], list[str]]:
    """The ids an import into an empty list at tmp_path/content adds, and its warnings
    (their words)."""
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "topics.yml").write_text("topics: []\n")
    report = import_records(records, tmp_path / "content", added=DAY)
    return report.added, [str(w).split(": warning: ", 1)[1] for w in report.warnings]


def _add_line(tmp_path, paper_id: str, line: str) -> None:
    path = tmp_path / "content" / "papers" / f"{paper_id}.yml"
    path.write_text(path.read_text() + line + "\n")


def _other(title: str, line: int = 2, **fields) -> Record:
    return Record(title=title, source=Location("in.bib", line, 1), **{"abstract": "", "authors": PEOPLE, **fields})


@pytest.mark.parametrize(("first", "second", "why"), [
    # Near titles, each its own abstract.
    (
        _other("Learning to Rank Documents with Gradient Boosted Trees", 1, abstract="Ranking with trees. " * 8),
        _other("Learning to Rank Documents with Gradient Boosted Tree", abstract="Images and vision. " * 8),
        "titles 99% alike",
    ),
    # One title, two DOIs (two "Editorial"s).
    (_other("Editorial", 1, doi="10.1234/one"), _other("Editorial", doi="10.1234/two"),
     "same title, another arXiv id or DOI"),
    # One long abstract, titles somewhat alike, their DOIs two.
    (
        _other("Sparse attention with long memory for sequence transduction", 1, abstract=LONG, doi="10.1234/a"),
        _other("Sparse attention with long memory", abstract=LONG, doi="10.1234/b"),
        "same abstract",
    ),
])
def test_possibly_the_same_paper_says_the_line_that_parts_them(tmp_path, first, second, why):
    # (lead: the warning said "if so, delete one" and nothing of how to say they are two
    # papers, a conference and a journal version, which `not_same_as:` says)
    [first_id, new_id], warnings = _possibly(tmp_path, [first, second])
    assert warnings == [
        f"possibly the same paper as {first_id} ({why}); if so, delete one; if they are two"
        f" papers, say so: add the line `not_same_as: [{first_id}]` to this file",
    ]
    # The line is one `check` keeps (it parts two papers it would otherwise compare), and
    # the import of the two again says nothing and changes nothing.
    _add_line(tmp_path, new_id, f"not_same_as: [{first_id}]")
    assert messages(tmp_path) == []
    before = {p.name: p.read_bytes() for p in (tmp_path / "content" / "papers").iterdir()}
    again = import_records([first, second], tmp_path / "content", added=DAY)
    assert (again.added, again.warnings) == ([], [])
    assert {p.name: p.read_bytes() for p in (tmp_path / "content" / "papers").iterdir()} == before


@pytest.mark.parametrize(("first", "second", "why"), [
    # Only the authors, venue, year and pages shared: a title corrected, or two papers.
    (
        _other("Graph networks for physics", 1, venue="J. Phys", year="2021", volume="3", pages="1-10"),
        _other("Graph neural simulators of rigid physics", venue="J. Phys", year="2021", volume="3", pages="1-10"),
        "same authors, venue, year and pages",
    ),
    # One long abstract under unlike titles (a withdrawal notice), their DOIs two.
    (
        _other("This article has been withdrawn", 1, abstract=LONG, doi="10.1234/a"),
        _other("Quantum dots in silicon wafers", abstract=LONG, doi="10.1234/b"),
        "same abstract",
    ),
])
def test_possibly_the_same_paper_names_no_line_where_nothing_needs_parting(tmp_path, first, second, why):
    # Nothing else takes these two for one paper: `check` would warn that the entry is
    # not needed, so the warning does not ask for it.
    [first_id, new_id], warnings = _possibly(tmp_path, [first, second])
    assert warnings == [f"possibly the same paper as {first_id} ({why}); if so, delete one"]
    _add_line(tmp_path, new_id, f"not_same_as: [{first_id}]")
    assert [m for m in messages(tmp_path) if "is not needed in not_same_as" in m]


def test_the_summary_of_a_record_three_versions_may_be_does_not_say_two(tmp_path):
    # (user: a record of a title three parted papers share, a conference, a journal and a
    # workshop version, was summed up as "(which of two papers kept apart each is ...)")
    _versions(tmp_path)
    (tmp_path / "papers" / "node-workshop.yml").write_text(
        f"id: node-workshop\ntitle: {TITLE}\nauthors: [Ricky Chen, David Duvenaud]\nyear: 2017\n"
        "venue: NeurIPS Workshop\nnot_same_as: [node-conf, node-journal]\n"
    )
    report = import_records([_rec(1)], tmp_path, added=DAY)
    assert "may be node-conf, node-journal or node-workshop" in str(report.warnings[0])
    assert "1 not imported (which of the papers kept apart each is, nothing in it tells" in report.summary()
