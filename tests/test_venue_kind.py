"""`venue_kind`: what a venue is, kept from a BibTeX entry (or said by the curator), so
that a paper is cited as its source cited it; the export guesses from the venue's name
only when no kind is given."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.errors import Location, Problems
from generator.export_bibtex import bibtex
from generator.importer import import_paths, import_records
from generator.ingest import Record, parse_text
from generator.ingest.bibtex import parse_bibtex
from generator.models import Paper
from generator.yamlio import parse, to_python
from tests.test_curation import check_one

DAY = dt.date(2026, 1, 2)


def _kinds(bib: str) -> dict[str, tuple[str, str]]:
    problems = Problems()
    records = parse_text(bib, "in.bib", problems)
    assert not problems, problems.format()
    return {r.title: (r.venue, r.venue_kind) for r in records}


def test_the_entry_type_and_the_field_holding_the_venue_give_its_kind():
    assert _kinds(
        "@article{a, title = {A}, journal = {Information Fusion}}\n"
        "@article{b, title = {B}, journaltitle = {Distill}}\n"
        "@inproceedings{c, title = {C}, booktitle = {Artificial Intelligence and Statistics}}\n"
        "@incollection{d, title = {D}, booktitle = {Handbook of Robotics}}\n"
        "@inbook{e, title = {E}, booktitle = {Deep Learning Theory}}\n"
        # Google Scholar's NeurIPS and AAAI entries are @article: the name says
        # proceedings, so no kind (the export reads the name); PNAS stays a journal.
        "@article{f, title = {F}, journal = {Advances in Neural Information Processing Systems}}\n"
        "@article{g, title = {G}, journal = {Proceedings of the AAAI Conference on Artificial Intelligence}}\n"
        "@article{h, title = {H}, journal = {Proceedings of the National Academy of Sciences}}\n"
        # Journals whose names hold "Proceedings" or "Conference" stay journals.
        "@article{i, title = {I}, journal = {Proceedings of the VLDB Endowment}}\n"
        "@article{j, title = {J}, journal = {Journal of Physics: Conference Series}}\n"
        "@article{k, title = {K}, journal = {Proceedings of the ACM on Programming Languages}}\n"
        "@article{l, title = {L}, journal = {International Conference on Machine Learning}}\n"
    ) == {
        "A": ("Information Fusion", "journal"),
        "B": ("Distill", "journal"),
        "C": ("Artificial Intelligence and Statistics", "conference"),
        "D": ("Handbook of Robotics", "book"),
        "E": ("Deep Learning Theory", "book"),
        "F": ("Advances in Neural Information Processing Systems", ""),
        "G": ("Proceedings of the AAAI Conference on Artificial Intelligence", ""),
        "H": ("Proceedings of the National Academy of Sciences", "journal"),
        "I": ("Proceedings of the VLDB Endowment", "journal"),
        "J": ("Journal of Physics: Conference Series", "journal"),
        "K": ("Proceedings of the ACM on Programming Languages", "journal"),
        "L": ("International Conference on Machine Learning", ""),
    }


@pytest.mark.parametrize("series", [
    # (lead: PMLR given as `journal`, as some exporters write ICML's and AISTATS' papers,
    # was kept as a journal, and the list cited ICML papers as @article)
    "Proceedings of Machine Learning Research",
    "proceedings of machine learning  research",  # (any case and spacing, as names compare)
    "PMLR",
    "JMLR Workshop and Conference Proceedings",  # (PMLR's name until 2014)
    "JMLR W\\&CP",
    "CEUR Workshop Proceedings",
    "Leibniz International Proceedings in Informatics (LIPIcs)",
])
def test_a_series_of_conference_proceedings_in_journal_is_a_conference(series):
    # The series publish only the proceedings of conferences and workshops (a workshop is
    # a conference here), so the kind is sure: exported as @inproceedings, read back so.
    [(venue, kind)] = _kinds(f"@article{{a, title = {{A}}, journal = {{{series}}}}}\n").values()
    assert kind == "conference", venue
    assert _entry_type(venue=venue, venue_kind=kind) == ("inproceedings", "conference")


def test_journals_named_proceedings_stay_journals_and_a_series_name_is_read_whole():
    # PVLDB and the PACM journals print a conference's papers but are journals (issues,
    # rolling submission); PNAS is a journal. A series' name inside another name is not
    # the series (no guess from words: the list is of whole names).
    assert {venue: kind for venue, kind in _kinds(
        "@article{a, title = {A}, journal = {Proceedings of the VLDB Endowment}}\n"
        "@article{b, title = {B}, journal = {Proceedings of the ACM on Human-Computer Interaction}}\n"
        "@article{c, title = {C}, journal = {Journal of Machine Learning Research}}\n"
        "@article{d, title = {D}, journal = {Proceedings of Machine Learning Research Letters}}\n"
    ).values()} == {
        "Proceedings of the VLDB Endowment": "journal",
        "Proceedings of the ACM on Human-Computer Interaction": "journal",
        "Journal of Machine Learning Research": "journal",
        "Proceedings of Machine Learning Research Letters": "journal",
    }


def test_a_preprint_a_thesis_a_report_or_a_howpublished_venue_has_no_kind():
    assert _kinds(
        "@article{a, title = {A}, journal = {arXiv preprint arXiv:1810.04805}}\n"
        "@article{b, title = {B}, journal = {CoRR}, volume = {abs/1810.04805}}\n"
        "@phdthesis{c, title = {C}, school = {MIT}}\n"
        "@techreport{d, title = {D}, institution = {MSR}}\n"
        "@misc{e, title = {E}, howpublished = {Blog post}}\n"
        "@misc{f, title = {F}}\n"
        "@article{g, title = {G}, journal = {arXiv preprint}}\n"
    ) == {
        # (A venue that only names arXiv, where the arXiv id is known, is none: the paper
        # is arXiv's, as arXiv's own export says; with no id, the words stay.)
        "A": ("", ""),
        "B": ("", ""),
        "G": ("arXiv preprint", ""),
        "C": ("PhD thesis, MIT", ""),
        "D": ("Technical report, MSR", ""),
        "E": ("Blog post", ""),
        "F": ("", ""),
    }


def _entry_type(**fields) -> tuple[str, str]:
    """The entry type the export writes for a paper, and the kind the import reads back."""
    text = bibtex([Paper(id="p", title="T", abstract="", **fields)])
    problems = Problems()
    [record] = parse_bibtex(text, "p.bib", problems)
    assert not problems, problems.format()
    return text.split("{", 1)[0].lstrip("@"), record.venue_kind


@pytest.mark.parametrize(
    ("venue", "kind", "expected"),
    [
        # The kind wins over the name's words, both ways...
        ("Information Fusion", "journal", ("article", "journal")),
        ("Nature Machine Intelligence", "conference", ("inproceedings", "conference")),
        ("Handbook of Robotics", "book", ("incollection", "book")),
        # ...and is read back on import, so a list moved by its papers.bib keeps it.
        ("Transactions on Machine Learning Research", "journal", ("article", "journal")),
    ],
)
def test_the_export_cites_the_kind_given_and_the_import_reads_it_back(venue, kind, expected):
    assert _entry_type(venue=venue, venue_kind=kind) == expected


@pytest.mark.parametrize(
    ("venue", "expected"),
    [
        # Conferences whose names hold a journal's word were exported as articles...
        ("Artificial Intelligence and Statistics", "inproceedings"),
        ("Robotics: Science and Systems", "inproceedings"),
        ("Uncertainty in Artificial Intelligence", "inproceedings"),
        # ...and journals known by their names alone as proceedings.
        ("Communications of the ACM", "article"),
        ("International Journal of Computer Vision", "article"),
        ("IJCV", "article"),
        ("IEEE PAMI", "article"),
        ("eLife", "article"),
        ("Frontiers in Neuroscience", "article"),
        ("Computational Linguistics", "article"),
        # (Unchanged: the journals the guess knew, and acronyms of conferences.)
        ("Artificial Intelligence", "article"),
        ("Science Robotics", "article"),
        ("AISTATS", "inproceedings"),
        ("NeurIPS", "inproceedings"),
        ("Advances in Neural Information Processing Systems", "inproceedings"),
    ],
)
def test_without_a_kind_the_guess_from_the_name_knows_more_venues(venue, expected):
    assert _entry_type(venue=venue)[0] == expected


def _rec(title: str, **fields) -> Record:
    return Record(title=title, abstract="An abstract.", source=Location("in.bib", 1, 1), **fields)


def _read(path):
    problems = Problems()
    data = to_python(parse(path.read_text(encoding="utf-8"), str(path), problems))
    assert not problems, problems.format()
    return data


def test_a_new_file_holds_the_kind_after_the_venue(tmp_path):
    import_records([_rec("A Paper", venue="Information Fusion", venue_kind="journal")], tmp_path, added=DAY)
    data = _read(tmp_path / "papers" / "a-paper.yml")
    assert list(data)[:6] == ["id", "title", "authors", "venue", "venue_kind", "links"]
    assert data["venue_kind"] == "journal"


def test_the_kind_of_a_venue_the_paper_does_not_hold_is_not_taken(tmp_path):
    papers = tmp_path / "papers"
    papers.mkdir()
    path = papers / "a-paper.yml"
    path.write_text("id: a-paper\ntitle: A Paper\nvenue: Nature\nabstract: An abstract.\n")
    report = import_records([_rec("A Paper", venue="NeurIPS", venue_kind="conference")], tmp_path, added=DAY)
    # The curator's venue stays (a conflict), and "conference" is no kind of Nature's.
    assert [(c.field, c.kept, c.imported) for c in report.conflicts] == [("venue", "Nature", "NeurIPS")]
    assert "venue_kind" not in _read(path)


def test_a_venue_written_with_other_spacing_still_takes_its_kind(tmp_path):
    papers = tmp_path / "papers"
    papers.mkdir()
    path = papers / "a-paper.yml"
    path.write_text('id: a-paper\ntitle: A Paper\nvenue: "Information  Fusion"\nabstract: An abstract.\n')
    report = import_records(
        [_rec("A Paper", venue="Information Fusion", venue_kind="journal")], tmp_path, added=DAY
    )
    assert report.conflicts == []
    assert _read(path)["venue_kind"] == "journal"


def test_a_list_imported_before_gets_the_kind_on_its_next_import(tmp_path):
    import_records([_rec("A Paper", venue="Information Fusion")], tmp_path, added=DAY)
    path = tmp_path / "papers" / "a-paper.yml"
    before = path.read_text()
    report = import_records(
        [_rec("A Paper", venue="Information Fusion", venue_kind="journal")], tmp_path, added=DAY
    )
    assert (report.updated, report.conflicts) == (["a-paper"], [])
    assert path.read_text() == before.replace(
        "venue: Information Fusion\n", "venue: Information Fusion\nvenue_kind: journal\n"
    )


def test_a_kind_the_curator_set_stays_and_the_other_is_a_conflict(tmp_path):
    papers = tmp_path / "papers"
    papers.mkdir()
    path = papers / "a-paper.yml"
    text = "id: a-paper\ntitle: A Paper\nvenue: NeurIPS\nvenue_kind: conference\nabstract: An abstract.\n"
    path.write_text(text)
    report = import_records([_rec("A Paper", venue="NeurIPS", venue_kind="journal")], tmp_path, added=DAY)
    assert [(str(c.location), c.field) for c in report.conflicts] == [(f"{path}:4:13", "venue_kind")]
    assert path.read_text() == text


def test_a_kind_not_among_the_choices_is_an_error_at_its_place(tmp_path):
    assert check_one(tmp_path, "id: x\ntitle: A\nvenue: V\nvenue_kind: jornal\nabstract: a\n") == [
        "content/papers/x.yml:4:13: 'venue_kind' must be one of journal, conference, book,"
        " not 'jornal' (did you mean 'journal'?)"
    ]


KIND_ERROR = "content/papers/x.yml:4:13: 'venue_kind' must be one of journal, conference, book, not "


@pytest.mark.parametrize(
    "written, meant",
    [
        # A BibTeX entry type, as the exported citation's is (export_bibtex._BY_KIND), or
        # another the importer reads as that kind (an edited book's chapter: @inbook).
        ("inproceedings", "conference"),
        ("'@inproceedings'", "conference"),
        ("InProceedings", "conference"),
        ("proceedings", "conference"),
        ("article", "journal"),
        ("incollection", "book"),
        ("inbook", "book"),
        # An RIS record type.
        ("JOUR", "journal"),
        ("CONF", "conference"),
        ("CHAP", "book"),
        # What the venue is in words: the field's doc counts a workshop as a conference.
        ("journal article", "journal"),
        ("journal-article", "journal"),
        ("Journal Paper", "journal"),
        ("conference paper", "conference"),
        ("workshop", "conference"),
        ("workshop paper", "conference"),
        ("symposium", "conference"),
        ("book chapter", "book"),
        ("chapter", "book"),
        # A slip of a word told above: the fuzzy matcher on those words too.
        ("inprocedings", "conference"),
        ("worksop", "conference"),
    ],
)
def test_a_kind_written_as_another_name_for_it_is_told_the_kind(tmp_path, written, meant):
    told = check_one(tmp_path, f"id: x\ntitle: A\nvenue: V\nvenue_kind: {written}\nabstract: a\n")
    shown = written.strip("'")
    assert told == [f"{KIND_ERROR}{shown!r}; write 'venue_kind: {meant}'"]
    # What it is told to write reads back as a kind, with no problem.
    assert check_one(tmp_path, f"id: x\ntitle: A\nvenue: V\nvenue_kind: {meant}\nabstract: a\n") == []


@pytest.mark.parametrize("written", ["preprint", "misc", "techreport", "thesis", "unpublished", "online"])
def test_a_kind_no_venue_kind_is_told_to_be_left_out(tmp_path, written):
    # The importer writes no kind for these (ingest.bibtex._venue_kind): the citation is
    # then made from the venue's name, as for any paper without one.
    told = check_one(tmp_path, f"id: x\ntitle: A\nvenue: V\nvenue_kind: {written}\nabstract: a\n")
    assert told == [
        f"{KIND_ERROR}{written!r}; a preprint, report, thesis or other work has no venue"
        " kind: remove 'venue_kind', and the citation goes by the venue's name"
    ]


@pytest.mark.parametrize("written", ["talk", "poster session", "x", "journalism"])
def test_a_kind_no_name_or_slip_of_one_is_told_only_the_choices(tmp_path, written):
    told = check_one(tmp_path, f"id: x\ntitle: A\nvenue: V\nvenue_kind: {written}\nabstract: a\n")
    assert told == [f"{KIND_ERROR}{written!r}"]


def test_papers_bib_imported_again_keeps_every_kind(tmp_path):
    bib = tmp_path / "lab.bib"
    bib.write_text(
        "@article{a, title = {Alpha}, journal = {Information Fusion}, year = 2020}\n"
        "@inproceedings{b, title = {Beta}, booktitle = {Robotics: Science and Systems}, year = 2021}\n"
    )
    first = tmp_path / "first"
    import_paths([bib], first / "content", added=DAY)
    papers = [
        Paper(id=p.stem, title=d["title"], abstract="", venue=d["venue"], venue_kind=d["venue_kind"])
        for p in sorted((first / "content" / "papers").glob("*.yml"))
        for d in [_read(p)]
    ]
    assert [(p.venue, p.venue_kind) for p in papers] == [
        ("Information Fusion", "journal"), ("Robotics: Science and Systems", "conference")
    ]
    exported = bibtex(papers)
    assert exported.count("@article{") == 1 and exported.count("@inproceedings{") == 1
    (tmp_path / "papers.bib").write_text(exported)
    second = tmp_path / "second"
    import_paths([tmp_path / "papers.bib"], second / "content", added=DAY)
    assert sorted(
        (d["venue"], d["venue_kind"])
        for d in map(_read, (second / "content" / "papers").glob("*.yml"))
    ) == sorted((p.venue, p.venue_kind) for p in papers)


@pytest.mark.parametrize("venue", ["", "venue: '   '\n"])
def test_a_kind_without_a_venue_is_a_warning_at_the_kind(tmp_path, venue):
    text = f"id: x\ntitle: A\n{venue}venue_kind: journal\nabstract: a\n"
    line = 3 + bool(venue)
    assert check_one(tmp_path, text) == [
        f"content/papers/x.yml:{line}:13: warning: 'venue_kind' says what the venue is, but the paper"
        " has no venue: the citation ignores it; add the venue or remove the kind"
    ]


THESES_BIB = (
    "@phdthesis{g, title={Gamma Paper}, author={Lovelace, Ada}, school={Carnegie Mellon University}, year={2019}}\n"
    "@phdthesis{z, title={Zeta Paper}, author={Lovelace, Ada}, year={2017}}\n"
    "@techreport{d, title={Delta Paper}, author={Lovelace, Ada}, institution={Stanford}, year={2018}}\n"
    "@techreport{e, title={Eps Paper}, author={Lovelace, Ada}, year={2018}}\n"
    "@mastersthesis{t, title={Theta Paper}, author={Lovelace, Ada}, school={MIT}, year={2016}}\n"
)


@pytest.mark.parametrize("gamma, zeta, delta, eps, theta", [
    ("Ph.D. thesis, Carnegie Mellon University, 2019", "PhD dissertation, 2017", "Tech. Rep., Stanford, 2018",
     "Technical Report, 2018", "MSc thesis, MIT, 2016"),
    ("PhD thesis, 2019", "Doctoral thesis (2017)", "Tech. Rep., 2018", "tech report 2018", "Master's thesis, 2016"),
])
def test_a_markdown_lists_thesis_or_report_agrees_with_the_bibtex_export_of_it(tmp_path, gamma, zeta, delta, eps, theta):
    # A review: a list's "PhD thesis, 2019" gave no venue, "Tech. Rep." the venue "Rep",
    # "Ph.D. thesis, Carnegie Mellon University" the authors "thesis" and "Carnegie
    # Mellon University": conflicts with a BibTeX export of the same works. A list's thesis
    # or report is said in the BibTeX import's words; one without its university or
    # institution is the same work as the file's with it (the file's stands).
    (tmp_path / "refs.bib").write_text(THESES_BIB, encoding="utf-8")
    content = tmp_path / "content"
    assert not import_paths([tmp_path / "refs.bib"], content, added=DAY).conflicts
    before = {path.name: path.read_text() for path in (content / "papers").iterdir()}
    items = zip(("Gamma", "Zeta", "Delta", "Eps", "Theta"), (gamma, zeta, delta, eps, theta))
    (tmp_path / "list.md").write_text(
        "".join(f"- [{name} Paper](https://example.org/{name}.pdf) - {words}\n" for name, words in items), encoding="utf-8"
    )
    report = import_paths([tmp_path / "list.md"], content, added=DAY)
    assert (report.conflicts, report.warnings) == ([], [])
    after = {path.name: path.read_text() for path in (content / "papers").iterdir()}
    # (only the list's links added)
    assert {name: text.split("links:")[0] for name, text in after.items()} == {
        name: text.split("links:")[0] for name, text in before.items()
    }


LIST_THESIS = "- [Gamma Paper](https://example.org/gamma.pdf) - Ada Lovelace, PhD thesis, 2019\n"
GAMMA_BIB = (
    "@phdthesis{g, title={Gamma Paper}, author={Lovelace, Ada}, school={Carnegie Mellon University}, year={2019}}\n"
)


def _venue_of(content) -> str:
    (path,) = (content / "papers").iterdir()
    return to_python(parse(path.read_text(encoding="utf-8"), str(path), Problems()))["venue"]


def test_a_thesis_named_without_its_university_takes_it_from_a_source_in_the_same_import(tmp_path):
    # A review: a list's "PhD thesis" stood beside a BibTeX export's "PhD thesis, Carnegie
    # Mellon University" (no conflict, and the university was lost) when the list came first.
    (tmp_path / "list.md").write_text(LIST_THESIS, encoding="utf-8")
    (tmp_path / "refs.bib").write_text(GAMMA_BIB, encoding="utf-8")
    content = tmp_path / "content"
    report = import_paths([tmp_path / "list.md", tmp_path / "refs.bib"], content, added=DAY)
    assert (report.conflicts, report.warnings, report.corrected) == ([], [], [])
    assert _venue_of(content) == "PhD thesis, Carnegie Mellon University"


def test_a_thesis_an_earlier_import_named_without_its_university_takes_it_said(tmp_path):
    (tmp_path / "list.md").write_text(LIST_THESIS, encoding="utf-8")
    (tmp_path / "refs.bib").write_text(GAMMA_BIB, encoding="utf-8")
    content = tmp_path / "content"
    import_paths([tmp_path / "list.md"], content, added=DAY)
    assert _venue_of(content) == "PhD thesis"
    report = import_paths([tmp_path / "refs.bib"], content, added=DAY)
    assert (report.conflicts, report.warnings) == ([], [])
    assert _venue_of(content) == "PhD thesis, Carnegie Mellon University"
    (paper_id,) = report.updated
    assert [str(c) for c in report.corrected] == [
        f"venue: {paper_id} now 'PhD thesis, Carnegie Mellon University' (was 'PhD thesis':"
        " the source names the university or institution)"
    ]
    # the list again: its "PhD thesis" is what it gave before, nothing to say
    again = import_paths([tmp_path / "list.md"], content, added=DAY)
    assert (again.conflicts, again.kept, again.corrected, again.updated) == ([], [], [], [])
    assert _venue_of(content) == "PhD thesis, Carnegie Mellon University"


@pytest.mark.parametrize("edit", [
    ("venue: Thesis\n", "venue: PhD thesis\n"),  # typed by the curator: no source gave it
    ("venue: PhD thesis\n", "venue: PhD thesis  # as the list says\n"),  # a comment on it
])
def test_a_curators_thesis_without_its_university_stands(tmp_path, edit):
    item = LIST_THESIS if "#" in edit[1] else LIST_THESIS.replace("PhD thesis", "thesis")
    (tmp_path / "list.md").write_text(item, encoding="utf-8")
    (tmp_path / "refs.bib").write_text(GAMMA_BIB, encoding="utf-8")
    content = tmp_path / "content"
    import_paths([tmp_path / "list.md"], content, added=DAY)
    (path,) = (content / "papers").iterdir()
    text = path.read_text(encoding="utf-8")
    assert edit[0] in text
    path.write_text(text.replace(*edit), encoding="utf-8")
    report = import_paths([tmp_path / "refs.bib"], content, added=DAY)
    assert (report.conflicts, report.corrected) == ([], [])  # (one work: the file's stands)
    assert edit[1] in path.read_text(encoding="utf-8")


def test_a_lists_thesis_given_its_university_since_takes_it_imported_again(tmp_path):
    (tmp_path / "list.md").write_text(LIST_THESIS, encoding="utf-8")
    content = tmp_path / "content"
    import_paths([tmp_path / "list.md"], content, added=DAY)
    (tmp_path / "list.md").write_text(LIST_THESIS.replace("PhD thesis", "PhD thesis, CMU"), encoding="utf-8")
    report = import_paths([tmp_path / "list.md"], content, added=DAY)
    assert (report.conflicts, len(report.corrected)) == ([], 1)
    assert _venue_of(content) == "PhD thesis, CMU"
