"""A source record imported again after a curator corrected its title in the reference
manager (Zotero, exported to BibTeX or RIS every week): the same citation key, authors
and year, a title alike enough to be a correction. It is the paper an earlier import took
it for, not a second paper: its title is the record's where the file still has the
importer's, a conflict where the curator edited it; the id (the file name) stays.
"""

import datetime as dt
import hashlib
import json

import pytest

from generator.importer import import_paths
from generator.provenance import key_digest
from tests.test_import_cmd import conflicts_note

DAY = dt.date(2026, 1, 2)
LATER = dt.date(2026, 1, 9)

ENTRY = """\
@article{%(key)s,
  title   = {%(title)s},
  author  = {%(authors)s},
  journal = {Revista de Pruebas},
  year    = {%(year)s},
  volume  = {3},
  pages   = {10--20},%(more)s
}
"""


def _bib(tmp_path, name, title, key="garcia2020", authors="Garc{\\'i}a, Ana and L{\\'o}pez, Luis",
         year="2020", more=""):
    path = tmp_path / name
    path.write_text(ENTRY % {"key": key, "title": title, "authors": authors, "year": year, "more": more})
    return path


def _papers(content):
    return sorted(p.name for p in (content / "papers").glob("*.yml"))


def _edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, text
    path.write_text(text.replace(old, new), encoding="utf-8")


def _first_import(tmp_path):
    content = tmp_path / "content"
    report = import_paths([_bib(tmp_path, "week1.bib", "Un estudio")], content, added=DAY)
    assert report.added == ["un-estudio"]
    return content, content / "papers" / "un-estudio.yml"


def _unrecorded(content, name):
    """The import record without what it keeps under ``name`` for un-estudio, as an
    import before it kept that wrote it; the record's path."""
    path = content / "sources" / "imported.json"
    views = json.loads(path.read_text())
    del views["papers"]["un-estudio"]["fields"][name]
    path.write_text(json.dumps(views))
    return path


def _by_hand(tmp_path):
    """A paper a curator wrote by hand, its title and authors as week1.bib's record has
    them, then that record imported: the content, the paper's path and its text."""
    content = tmp_path / "content"
    papers = content / "papers"
    papers.mkdir(parents=True)
    path = papers / "un-estudio.yml"
    path.write_text("id: un-estudio\ntitle: Un estudio\nauthors:\n  - Ana García\n  - Luis López\nyear: 2020\n",
                    encoding="utf-8")
    import_paths([_bib(tmp_path, "week1.bib", "Un estudio")], content, added=DAY)
    return content, path, path.read_text(encoding="utf-8")


def test_the_import_records_each_source_records_citation_key(tmp_path):
    content, _ = _first_import(tmp_path)
    views = json.loads((content / "sources" / "imported.json").read_text())
    # (In any capitals, as BibTeX compares keys; with its source, a .bib no tool signed.)
    expected = hashlib.sha256(b'["BibTeX","garcia2020"]').hexdigest()[:16]
    assert views["papers"]["un-estudio"]["fields"]["key"] == [expected] == [key_digest("Garcia2020", "BibTeX")]


def test_a_record_retitled_in_the_reference_manager_is_its_paper_and_takes_the_title(tmp_path):
    content, path = _first_import(tmp_path)
    # The curator's own work on the paper, which a second file would not have.
    _edit(path, "topics: []", "topics:\n  - evaluation  # mine")
    report = import_paths([_bib(tmp_path, "week2.bib", "Un estudio empírico")], content, added=LATER)
    assert _papers(content) == ["un-estudio.yml"]
    assert (report.added, report.updated, report.duplicates, report.conflicts) == ([], ["un-estudio"], [], [])
    assert not [w for w in report.warnings if "possibly the same paper" in w.message]
    assert [str(change) for change in report.recased] == [
        "title: un-estudio now 'Un estudio empírico' (was 'Un estudio': its source record"
        " 'garcia2020' was retitled; the id stays un-estudio: 'readinglist rename' renames it)"
    ]
    text = path.read_text(encoding="utf-8")
    assert "id: un-estudio\ntitle: Un estudio empírico\n" in text
    assert "topics:\n  - evaluation  # mine\n" in text and "added: 2026-01-02" in text
    before = {p: p.read_bytes() for p in sorted(content.rglob("*")) if p.is_file()}
    again = import_paths([tmp_path / "week2.bib"], content, added=LATER)
    assert (again.updated, again.unchanged, again.recased) == ([], ["un-estudio"], [])
    assert {p: p.read_bytes() for p in sorted(content.rglob("*")) if p.is_file()} == before


def test_a_retitled_record_with_a_doi_takes_the_title_and_is_no_duplicate(tmp_path):
    content = tmp_path / "content"
    doi = "\n  doi     = {10.1234/abc},"
    import_paths([_bib(tmp_path, "week1.bib", "Un estudio", more=doi)], content, added=DAY)
    report = import_paths([_bib(tmp_path, "week2.bib", "Un estudio empírico", more=doi)], content, added=LATER)
    assert (report.updated, report.duplicates, report.conflicts) == (["un-estudio"], [], [])
    assert "title: Un estudio empírico\n" in (content / "papers" / "un-estudio.yml").read_text()


def test_a_title_the_curator_edited_stays_and_the_records_is_a_conflict(tmp_path):
    content, path = _first_import(tmp_path)
    _edit(path, "title: Un estudio\n", "title: Un estudio (revisado)\n")
    report = import_paths([_bib(tmp_path, "week2.bib", "Un estudio empírico")], content, added=LATER)
    assert _papers(content) == ["un-estudio.yml"]
    assert report.recased == [] and report.duplicates == []
    assert [(c.field, c.kept, c.imported, c.location.line) for c in report.conflicts] == [
        ("title", "Un estudio (revisado)", "Un estudio empírico", 3)
    ]
    assert "title: Un estudio (revisado)\n" in path.read_text()


def test_another_paper_under_the_same_key_in_another_export_is_another_paper(tmp_path):
    content, path = _first_import(tmp_path)
    # The same authors' other paper of the year, keyed alike by another export.
    other = _bib(tmp_path, "other.bib", "Redes neuronales para grafos")
    report = import_paths([other], content, added=LATER)
    assert report.added == ["redes-neuronales-para-grafos"] and report.recased == []
    assert "title: Un estudio\n" in path.read_text()
    # Both papers now have the key; the retitled record is the one whose title it corrects.
    report = import_paths([_bib(tmp_path, "week2.bib", "Un estudio empírico")], content, added=LATER)
    assert report.updated == ["un-estudio"] and report.added == []
    assert _papers(content) == ["redes-neuronales-para-grafos.yml", "un-estudio.yml"]


def test_a_key_with_other_authors_or_year_is_another_paper(tmp_path):
    content, _ = _first_import(tmp_path)
    others = _bib(tmp_path, "b.bib", "Un estudio empírico", authors="Smith, John and Roe, Richard")
    assert import_paths([others], content, added=LATER).added == ["un-estudio-empirico"]
    content = tmp_path / "second"
    import_paths([tmp_path / "week1.bib"], content, added=DAY)
    later = _bib(tmp_path, "c.bib", "Un estudio empírico", year="2022")
    assert import_paths([later], content, added=LATER).added == ["un-estudio-empirico"]


def test_a_retitled_record_of_a_deleted_paper_stays_deleted(tmp_path):
    content, path = _first_import(tmp_path)
    path.unlink()
    import_paths([_bib(tmp_path, "other.bib", "Otro trabajo", key="otro")], content, added=LATER)
    report = import_paths([_bib(tmp_path, "week2.bib", "Un estudio empírico")], content, added=LATER)
    assert report.added == [] and report.removed == ["un-estudio"]
    assert [str(gone) for gone in report.not_recreated] == [
        f"{tmp_path / 'week2.bib'}:1:1: not recreated: un-estudio ('Un estudio empírico') was deleted by a curator"
    ]
    assert _papers(content) == ["otro-trabajo.yml"]


def test_a_key_reused_after_a_deletion_by_another_paper_is_added(tmp_path):
    content, path = _first_import(tmp_path)
    path.unlink()
    import_paths([_bib(tmp_path, "other.bib", "Otro trabajo", key="otro")], content, added=LATER)
    reused = _bib(tmp_path, "new.bib", "Un estudio empírico", authors="Smith, John")
    report = import_paths([reused], content, added=LATER)
    assert report.added == ["un-estudio-empirico"] and report.removed == []


def test_a_deleted_papers_key_with_its_authors_and_year_elsewhere_in_the_venue_is_added(tmp_path):
    """A deleted paper's titles are kept as digests only, so a record under its key with
    its authors and year is taken for it retitled only where nothing else the import
    took says otherwise: the same people's next paper of the year in the same journal
    (another volume and pages), or a record with no year, is a new paper, not skipped."""
    content, path = _first_import(tmp_path)
    path.unlink()
    import_paths([_bib(tmp_path, "other.bib", "Otro trabajo", key="otro")], content, added=LATER)
    elsewhere = tmp_path / "week2.bib"
    elsewhere.write_text(
        (ENTRY % {"key": "garcia2020", "title": "Redes neuronales para grafos",
                  "authors": "Garc{\\'i}a, Ana and L{\\'o}pez, Luis", "year": "2020", "more": ""})
        .replace("{3}", "{4}").replace("{10--20}", "{55--70}"),
        encoding="utf-8",
    )
    report = import_paths([elsewhere], content, added=LATER)
    assert report.added == ["redes-neuronales-para-grafos"] and report.not_recreated == []
    undated = _bib(tmp_path, "week3.bib", "Grafos sin fecha", year="")
    report = import_paths([undated], content, added=LATER)
    assert report.added == ["grafos-sin-fecha"] and report.not_recreated == []


def test_an_ris_records_id_is_its_key(tmp_path):
    content = tmp_path / "content"
    ris = "TY  - JOUR\nID  - garcia2020\nTI  - %s\nAU  - García, Ana\nPY  - 2020\nT2  - Revista\nER  - \n"
    first = tmp_path / "a.ris"
    first.write_text(ris % "Un estudio")
    assert import_paths([first], content, added=DAY).added == ["un-estudio"]
    second = tmp_path / "b.ris"
    second.write_text(ris % "Un estudio empírico")
    report = import_paths([second], content, added=LATER)
    assert (report.added, report.updated) == ([], ["un-estudio"])
    assert "title: Un estudio empírico\n" in (content / "papers" / "un-estudio.yml").read_text()


def test_a_paper_imported_before_keys_were_recorded_is_a_second_paper_as_before(tmp_path):
    content, _ = _first_import(tmp_path)
    views_path = content / "sources" / "imported.json"
    views = json.loads(views_path.read_text())
    del views["papers"]["un-estudio"]["fields"]["key"]  # as an older importer wrote it
    views_path.write_text(json.dumps(views))
    report = import_paths([_bib(tmp_path, "week2.bib", "Un estudio empírico")], content, added=LATER)
    assert report.added == ["un-estudio-empirico"]
    assert [w.message for w in report.warnings if "possibly" in w.message] == [
        "possibly the same paper as un-estudio (same authors, venue, year and pages); if so, delete one"
    ]


def test_the_key_recorded_by_a_re_import_makes_the_next_retitle_that_paper(tmp_path):
    content, _ = _first_import(tmp_path)
    views_path = _unrecorded(content, "key")
    assert import_paths([tmp_path / "week1.bib"], content, added=LATER).unchanged == ["un-estudio"]
    assert "key" in json.loads(views_path.read_text())["papers"]["un-estudio"]["fields"]
    report = import_paths([_bib(tmp_path, "week2.bib", "Un estudio empírico")], content, added=LATER)
    assert (report.added, report.updated) == ([], ["un-estudio"])


def test_a_year_the_curator_corrected_or_added_agrees_with_the_record(tmp_path):
    content, path = _first_import(tmp_path)
    _edit(path, "year: 2020\n", "year: 2021\n")
    report = import_paths([_bib(tmp_path, "week2.bib", "Un estudio empírico")], content, added=LATER)
    assert (report.added, report.updated) == ([], ["un-estudio"])
    assert "year: 2021\n" in path.read_text()  # (the curator's, kept)
    content = tmp_path / "undated"
    week1 = tmp_path / "week1.bib"
    week1.write_text(week1.read_text().replace("  year    = {2020},\n", ""))
    assert import_paths([week1], content, added=DAY).added == ["un-estudio"]
    path = content / "papers" / "un-estudio.yml"
    text = path.read_text()
    path.write_text(text.replace("venue: Revista de Pruebas\n", "year: 2020\nvenue: Revista de Pruebas\n"))
    undated = tmp_path / "week2.bib"
    undated.write_text(undated.read_text().replace("  year    = {2020},\n", ""))
    report = import_paths([undated], content, added=LATER)
    assert (report.added, report.updated) == ([], ["un-estudio"])


def test_the_same_peoples_paper_of_the_year_in_another_venue_is_another_paper(tmp_path):
    content, path = _first_import(tmp_path)
    # Its title is the first's words and more, as a corrected title may be; its venue says
    # it is another paper.
    other = _bib(tmp_path, "other.bib", "Un estudio comparado")
    other.write_text(other.read_text().replace("Revista de Pruebas", "Actas de Otro Congreso"))
    report = import_paths([other], content, added=LATER)
    assert report.added == ["un-estudio-comparado"] and report.recased == []
    assert "title: Un estudio\n" in path.read_text()


def test_a_preprints_record_retitled_once_published_is_its_paper(tmp_path):
    content = tmp_path / "content"
    preprint = _bib(tmp_path, "week1.bib", "Un estudio")
    preprint.write_text(preprint.read_text().replace("Revista de Pruebas", "arXiv preprint"))
    import_paths([preprint], content, added=DAY)
    report = import_paths([_bib(tmp_path, "week2.bib", "Un estudio empírico")], content, added=LATER)
    assert (report.added, report.updated) == ([], ["un-estudio"])
    text = (content / "papers" / "un-estudio.yml").read_text()
    assert "title: Un estudio empírico\n" in text and "venue: Revista de Pruebas\n" in text


def test_another_source_records_title_the_curator_copied_in_is_not_retitled(tmp_path):
    # The conflict's title, copied into the file as the README says to: every title a
    # source offered is recorded, but this one the importer never wrote, so the record's
    # correction does not replace it: a conflict, the file as the curator left it.
    content = tmp_path / "content"
    doi = "\n  doi     = {10.1234/abc},"  # (what tells the other source's record is the paper's)
    assert import_paths([_bib(tmp_path, "week1.bib", "Un estudio", more=doi)], content, added=DAY).added == [
        "un-estudio"
    ]
    path = content / "papers" / "un-estudio.yml"
    other = _bib(tmp_path, "other.bib", "Un estudio de campo", key="lopez2020", more=doi)
    report = import_paths([other], content, added=LATER)
    assert [(c.field, c.kept, c.imported) for c in report.conflicts] == [("title", "Un estudio", "Un estudio de campo")]
    _edit(path, "title: Un estudio\n", "title: Un estudio de campo\n")
    copied = path.read_bytes()
    week2 = _bib(tmp_path, "week2.bib", "Un estudio empírico", more=doi)
    report = import_paths([week2], content, added=LATER)
    assert (report.added, report.updated, report.recased) == ([], [], [])
    assert [(c.field, c.kept, c.imported) for c in report.conflicts] == [
        ("title", "Un estudio de campo", "Un estudio empírico")
    ]
    assert path.read_bytes() == copied
    # The same export again: nothing changes, and the conflict, said, is not said again.
    before = _snapshot(content)
    again = import_paths([week2], content, added=LATER)
    assert (again.updated, again.recased, again.conflicts, again.unchanged) == ([], [], [], ["un-estudio"])
    assert _snapshot(content) == before


def test_a_title_the_curator_wrote_as_the_source_has_it_is_not_retitled(tmp_path):
    # A paper written by hand, its title as the source record has it: the import writes
    # no title there, and the record's retitle later is a conflict, not taken.
    content, path, written = _by_hand(tmp_path)
    assert "title: Un estudio\n" in written
    report = import_paths([_bib(tmp_path, "week2.bib", "Un estudio empírico")], content, added=LATER)
    assert report.recased == [] and report.added == []
    assert [(c.field, c.kept) for c in report.conflicts] == [("title", "Un estudio")]
    assert path.read_text(encoding="utf-8") == written


def test_a_title_retitled_by_the_import_is_retitled_again_by_the_next_correction(tmp_path):
    # The record's corrected title, written by the import, is the import's from that
    # record in turn ("title written"): its next correction is taken too.
    content, path = _first_import(tmp_path)
    assert import_paths([_bib(tmp_path, "week2.bib", "Un estudio empírico")], content, added=LATER).updated == [
        "un-estudio"
    ]
    report = import_paths([_bib(tmp_path, "week3.bib", "Un estudio empírico y comparado")], content, added=LATER)
    assert (report.updated, report.conflicts) == (["un-estudio"], [])
    assert [(change.title, change.was) for change in report.recased] == [
        ("Un estudio empírico y comparado", "Un estudio empírico")
    ]
    assert "title: Un estudio empírico y comparado\n" in path.read_text(encoding="utf-8")


def test_a_title_given_its_acronyms_by_its_own_record_is_still_that_records_to_retitle(tmp_path):
    # The record's title, its acronym lowered, then the record again with its capitals
    # (and in sentence case): the title takes the acronym's alone, and stays the one the
    # import wrote from that record, though the record never gave it so.
    content = tmp_path / "content"
    import_paths([_bib(tmp_path, "week1.bib", "Un Estudio de Bert")], content, added=DAY)
    path = content / "papers" / "un-estudio-de-bert.yml"
    report = import_paths([_bib(tmp_path, "week2.bib", "Un estudio de BERT")], content, added=LATER)
    assert [(change.title, change.key) for change in report.recased] == [("Un Estudio de BERT", "")]
    report = import_paths([_bib(tmp_path, "week3.bib", "Un estudio empírico de BERT")], content, added=LATER)
    assert (report.updated, report.conflicts) == (["un-estudio-de-bert"], [])
    assert "title: Un estudio empírico de BERT\n" in path.read_text(encoding="utf-8")


def test_a_title_imported_before_the_import_record_kept_what_it_wrote_is_a_conflict(tmp_path):
    # An import record of before "title written": whether the import wrote the file's
    # title or a curator copied it in cannot be told, so it stays, a conflict.
    content, path = _first_import(tmp_path)
    views_path = content / "sources" / "imported.json"
    views = json.loads(views_path.read_text())
    views["papers"]["un-estudio"]["fields"].pop("title written", None)
    views_path.write_text(json.dumps(views))
    taken = path.read_bytes()
    report = import_paths([_bib(tmp_path, "week2.bib", "Un estudio empírico")], content, added=LATER)
    assert report.recased == [] and report.added == []
    assert [(c.field, c.kept, c.imported) for c in report.conflicts] == [("title", "Un estudio", "Un estudio empírico")]
    assert path.read_bytes() == taken


def test_the_same_peoples_paper_elsewhere_in_the_same_venue_is_another_paper(tmp_path):
    content, path = _first_import(tmp_path)
    # The same key, authors, year and journal, a title as alike as a correction's: its
    # volume and pages say it is another paper of theirs, which must not take the first's
    # place (nor its title).
    other = _bib(tmp_path, "other.bib", "Un estudio comparado")
    other.write_text(other.read_text().replace("{3}", "{4}").replace("10--20", "55--70"))
    report = import_paths([other], content, added=LATER)
    assert report.added == ["un-estudio-comparado"] and report.recased == [] and report.updated == []
    assert "title: Un estudio\n" in path.read_text()


# Authors corrected in the reference manager: the same record (its key, of the same
# exporter), the file's list still the one an earlier import took from it.


def _run(tmp_path, capsys, bib, *more):
    """`readinglist import` as a curator runs it: its exit status, and what it printed."""
    from generator.cli import main

    (tmp_path / "mkdocs.yml").write_text("site_name: Lab\n")
    status = main(["--root", str(tmp_path), "import", "--no-keep-source", *more, str(bib)])
    return status, *capsys.readouterr()


def _snapshot(content):
    return {p: p.read_bytes() for p in sorted(content.rglob("*")) if p.is_file()}


def test_an_author_corrected_in_the_reference_manager_is_taken_and_said(tmp_path, capsys):
    content, path = _first_import(tmp_path)
    _edit(path, "topics: []", "topics:\n  - evaluation  # mine")
    week2 = _bib(tmp_path, "week2.bib", "Un estudio", authors="Garc{\\'i}a, Ana M. and L{\\'o}pez, Luis")
    status, out, err = _run(tmp_path, capsys, week2)
    assert (status, err) == (0, "")
    # The name the record corrected, as the record writes it; the rest as the file had it.
    assert out == (
        "updated un-estudio\n"
        "authors: un-estudio now 'Ana M. García' for 'Ana García' (its source record"
        " 'garcia2020' was corrected)\n"
        "1 record(s): 0 added, 1 updated, 0 unchanged; of which 0 duplicate(s) merged; 0 conflict(s),"
        " 0 link(s) found\n"
    )
    text = path.read_text(encoding="utf-8")
    assert "authors:\n  - Ana M. García\n  - Luis López\nyear: 2020\n" in text
    assert "topics:\n  - evaluation  # mine\n" in text
    # The same export again: nothing to take, nothing to say, not a byte changed.
    before = _snapshot(content)
    status, out, err = _run(tmp_path, capsys, week2)
    assert (status, err) == (0, "")
    assert out == (
        "1 record(s): 0 added, 0 updated, 1 unchanged; of which 0 duplicate(s) merged; 0 conflict(s),"
        " 0 link(s) found\n"
    )
    assert _snapshot(content) == before
    # The older export imported again: the importer took its list before, nothing new.
    status, out, err = _run(tmp_path, capsys, tmp_path / "week1.bib")
    assert (status, err) == (0, "") and "1 unchanged" in out and _snapshot(content) == before


def test_a_surname_corrected_and_an_author_added_at_the_source_take_the_whole_list(tmp_path, capsys):
    content = tmp_path / "content"
    week1 = _bib(tmp_path, "week1.bib", "Un estudio", authors="Garc{\\'i}a, Ana and Lpoez, Luis")
    import_paths([week1], content, added=DAY)
    path = content / "papers" / "un-estudio.yml"
    # (Another family name: the record is its paper's by its key and its title, as taken.)
    week2 = _bib(tmp_path, "week2.bib", "Un estudio",
                 authors="Garc{\\'i}a, Ana and L{\\'o}pez, Luis and Ruiz, Eva")
    status, out, err = _run(tmp_path, capsys, week2)
    assert (status, err) == (0, "")
    assert (
        "authors: un-estudio now 'Ana García; Luis López; Eva Ruiz' (was 'Ana García; Luis Lpoez':"
        " its source record 'garcia2020' was corrected)\n"
    ) in out
    assert "authors:\n  - Ana García\n  - Luis López\n  - Eva Ruiz\nyear: 2020\n" in path.read_text()


LORA = ["Hu, Edward J", "Shen, Yelong", "Wallis, Phillip", "Allen-Zhu, Zeyuan", "Li, Yuanzhi", "Wang, Shean",
        "Wang, Lu", "Chen, Weizhu"]


@pytest.mark.parametrize("removed, now, was", [
    # (curator review: the names taken out were shown beside an empty '«»' in the list
    # now, which read as a name lost; a conflict of author lists shows such a list so)
    ((0, 1), "Phillip Wallis; Zeyuan Allen-Zhu…", "«Edward J Hu; Yelong Shen»; Phillip Wallis; Zeyuan Allen-Zhu…"),
    ((2,), "Edward J Hu; Yelong Shen; Zeyuan Allen-Zhu; Yuanzhi Li…",
     "Edward J Hu; Yelong Shen; «Phillip Wallis»; Zeyuan Allen-Zhu; Yuanzhi Li…"),
])
def test_a_long_author_list_a_corrected_record_shortens_is_shown_without_an_empty_mark(
    tmp_path, capsys, removed, now, was,
):
    content = tmp_path / "content"
    import_paths([_bib(tmp_path, "week1.bib", "Un estudio", authors=" and ".join(LORA))], content, added=DAY)
    fewer = " and ".join(name for n, name in enumerate(LORA) if n not in removed)
    status, out, err = _run(tmp_path, capsys, _bib(tmp_path, "week2.bib", "Un estudio", authors=fewer))
    assert (status, err) == (0, "")
    assert f"authors: un-estudio now '{now}' (was '{was}': its source record 'garcia2020' was corrected)\n" in out


def test_a_record_retitled_and_its_authors_corrected_takes_both(tmp_path):
    content, path = _first_import(tmp_path)
    week2 = _bib(tmp_path, "week2.bib", "Un estudio empírico",
                 authors="Garc{\\'i}a, Ana and L{\\'o}pez, Luis Alberto")
    report = import_paths([week2], content, added=LATER)
    assert (report.added, report.updated, report.conflicts) == ([], ["un-estudio"], [])
    assert [str(change) for change in report.reauthored] == [
        "authors: un-estudio now 'Luis Alberto López' for 'Luis López' (its source record"
        " 'garcia2020' was corrected)"
    ]
    text = path.read_text()
    assert "title: Un estudio empírico\nauthors:\n  - Ana García\n  - Luis Alberto López\n" in text


@pytest.mark.parametrize(
    "old, new, kept_next",
    [
        ("  - Ana García\n", "  - Ana B. García\n", True),
        # (hunt6) The curator gives Luis his middle initial; the lab then corrects Ana's
        # name in Zotero. Each name is one person in both lists, which from another source
        # says nothing (a spelling); but this is the paper's own source record, corrected,
        # and the list is no longer the one the importer wrote, so it is not taken (the
        # curator's edit would be lost): it was not said either, the correction lost
        # without a word. Now a conflict, said once, as a list first met is.
        ("  - Luis López\n", "  - Luis A. López\n", False),
    ],
    ids=["another-name", "only-spelt-otherwise"],
)
def test_authors_the_curator_edited_stay_and_the_records_are_a_conflict(tmp_path, capsys, old, new, kept_next):
    content, path = _first_import(tmp_path)
    _edit(path, old, new)
    edited = path.read_bytes()
    week2 = _bib(tmp_path, "week2.bib", "Un estudio", authors="Garc{\\'i}a, Ana M. and L{\\'o}pez, Luis")
    status, out, err = _run(tmp_path, capsys, week2)
    assert status == 0 and "now" not in out and "1 conflict(s)" in out
    ours = "; ".join(path.read_text(encoding="utf-8").split("authors:\n  - ")[1].split("\nyear:")[0].split("\n  - "))
    assert ours == ("Ana B. García; Luis López" if kept_next else "Ana García; Luis A. López")
    assert err == (
        f"{path}:5:3: warning: conflict in authors: the file's '{ours}' is kept;"
        f" {week2}:1:1 says 'Ana M. García; Luis López', not written (the file's is yours, not what an import"
        f" wrote)\n{conflicts_note('1 conflict')}\n"
    )
    assert path.read_bytes() == edited
    # The next import of the record says the list kept is the curator's, as for any field
    # (of a list that only spells names otherwise, nothing: another source's would say it
    # at every import).
    status, out, err = _run(tmp_path, capsys, week2)
    kept = f"{path}:5:3: warning: kept your authors (the source has 'Ana M. García; Luis López')\n"
    assert (status, err) == (0, kept if kept_next else "")
    assert path.read_bytes() == edited
    # Another source's spelling of the same people (no key of this record) is no conflict.
    other = _bib(tmp_path, "dblp.bib", "Un estudio", key="DBLP:journals/rp/Garcia20",
                 authors="Garc{\\'i}a, A. and L{\\'o}pez, L.")
    status, out, err = _run(tmp_path, capsys, other)
    assert (status, err, path.read_bytes() == edited) == (0, "", True)


def test_authors_the_curator_commented_are_the_curators(tmp_path, capsys):
    # The importer's names, with a curator's comment: taking the record's list would take
    # the comment out with it. The curator's list, a conflict.
    content, path = _first_import(tmp_path)
    _edit(path, "  - Luis López\n", "  - Luis López  # corresponding author\n")
    commented = path.read_bytes()
    week2 = _bib(tmp_path, "week2.bib", "Un estudio", authors="Garc{\\'i}a, Ana and L{\\'o}pez, Luisa")
    status, out, err = _run(tmp_path, capsys, week2)
    assert status == 0 and "now" not in out
    assert "warning: conflict in authors: the file's 'Ana García; Luis López' is kept;" in err
    assert path.read_bytes() == commented


def test_authors_another_source_record_corrects_are_a_conflict(tmp_path):
    content, path = _first_import(tmp_path)
    taken = path.read_bytes()
    # Another citation key: another source's record of the paper, not the one corrected.
    other = _bib(tmp_path, "other.bib", "Un estudio", key="lopez2020",
                 authors="Garc{\\'i}a, Ana and L{\\'o}pez, Luisa")
    report = import_paths([other], content, added=LATER)
    assert report.reauthored == []
    assert [(c.field, c.kept, c.imported) for c in report.conflicts] == [
        ("authors", "Ana García; Luis López", "Ana García; Luisa López")
    ]
    assert path.read_bytes() == taken
    # The same key from another exporter (JabRef's, by its header) is another record too.
    jabref = _bib(tmp_path, "jabref.bib", "Un estudio", authors="Garc{\\'i}a, Ana and L{\\'o}pez, Luisa Z.")
    jabref.write_text("% Encoding: UTF-8\n\n" + jabref.read_text())
    report = import_paths([jabref], content, added=LATER)
    assert report.reauthored == [] and [c.field for c in report.conflicts] == ["authors"]
    assert path.read_bytes() == taken


def test_a_record_cut_short_by_others_does_not_replace_the_whole_list(tmp_path):
    content, path = _first_import(tmp_path)
    taken = path.read_bytes()
    short = _bib(tmp_path, "week2.bib", "Un estudio", authors="Garc{\\'i}a, Ana and others")
    report = import_paths([short], content, added=LATER)
    assert (report.reauthored, report.conflicts) == ([], [])
    assert path.read_bytes() == taken


def test_another_source_records_list_the_curator_copied_in_is_the_curators(tmp_path):
    # The conflict's list, copied into the file as the README says to: every list a source
    # offered is recorded, but this one the importer never wrote, so the record's
    # correction does not replace it.
    content, path = _first_import(tmp_path)
    other = _bib(tmp_path, "other.bib", "Un estudio", key="lopez2020", authors="Garc{\\'i}a, Ana and L{\\'o}pez, Luisa")
    report = import_paths([other], content, added=LATER)
    assert [c.field for c in report.conflicts] == ["authors"]
    _edit(path, "  - Luis López\n", "  - Luisa López\n")
    copied = path.read_bytes()
    week2 = _bib(tmp_path, "week2.bib", "Un estudio", authors="Garc{\\'i}a, Ana M. and L{\\'o}pez, Luis")
    report = import_paths([week2], content, added=LATER)
    assert report.reauthored == [] and report.updated == []
    assert [(c.field, c.kept) for c in report.conflicts] == [("authors", "Ana García; Luisa López")]
    assert path.read_bytes() == copied


def test_a_list_the_curator_wrote_as_the_source_has_it_is_the_curators(tmp_path):
    # A paper written by hand, its authors as the source record has them: the import
    # fills nothing there, and the record's correction later is a conflict, not taken.
    content, path, written = _by_hand(tmp_path)
    assert "authors:\n  - Ana García\n  - Luis López\nyear: 2020\n" in written
    week2 = _bib(tmp_path, "week2.bib", "Un estudio", authors="Garc{\\'i}a, Ana and L{\\'o}pez, Luisa")
    report = import_paths([week2], content, added=LATER)
    assert report.reauthored == []
    assert [(c.field, c.kept) for c in report.conflicts] == [("authors", "Ana García; Luis López")]
    assert path.read_text(encoding="utf-8") == written


def test_a_reused_key_and_title_of_another_publication_does_not_rewrite_authors(tmp_path):
    # Google Scholar's "garcia2020" for the same people's extended version, same title,
    # in another journal, another volume's pages, or the next year: another paper's list,
    # a conflict, not a correction of this record's.
    for n, (old, new) in enumerate([("Revista de Pruebas", "Otra Revista"), ("10--20", "30--45"),
                                    ("year    = {2020}", "year    = {2021}")]):
        (tmp_path / str(n)).mkdir()
        content, path = _first_import(tmp_path / str(n))
        taken = path.read_bytes()
        extended = _bib(tmp_path / str(n), "extended.bib", "Un estudio",
                        authors="Garc{\\'i}a, Ana and L{\\'o}pez, Luis and Ruiz, Eva")
        extended.write_text(extended.read_text().replace(old, new))
        report = import_paths([extended], content, added=LATER)
        assert report.reauthored == [], new
        assert ("authors", "Ana García; Luis López") in [(c.field, c.kept) for c in report.conflicts], new
        assert path.read_bytes() == taken, new


def test_another_version_under_the_same_key_does_not_rewrite_authors(tmp_path):
    # Google Scholar gives a paper's preprint and its proceedings version one key
    # (vaswani2017attention), and its preprint record initials: the list the proceedings'
    # record wrote is not that record's to correct. A conflict, as any other source's list.
    content = tmp_path / "content"
    published = _bib(tmp_path, "published.bib", "Un estudio")
    import_paths([published], content, added=DAY)
    path = content / "papers" / "un-estudio.yml"
    preprint = _bib(tmp_path, "preprint.bib", "Un estudio", authors="Garc{\\'i}a, A and L{\\'o}pez, L and Ruiz, E")
    preprint.write_text(preprint.read_text().replace("Revista de Pruebas", "arXiv preprint arXiv:2001.00001"))
    report = import_paths([preprint], content, added=LATER)
    assert report.reauthored == []
    assert ("authors", "Ana García; Luis López") in [(c.field, c.kept) for c in report.conflicts]
    assert "authors:\n  - Ana García\n  - Luis López\nyear: 2020\n" in path.read_text()


# Other fields corrected in the reference manager (a venue's typo, the year, the pages):
# the same source record, the file's value still the one an earlier import took from it.


def _record(tmp_path, name, venue="Revista de Pruebas", pages="10--20", **fields):
    """A record of "Un estudio" as week1.bib has it (_bib), with this venue and pages."""
    path = _bib(tmp_path, name, fields.pop("title", "Un estudio"), **fields)
    _edit(path, "Revista de Pruebas", venue)
    _edit(path, "{10--20}", "{%s}" % pages)
    return path


def _typo_import(tmp_path, content="content"):
    """The first import, of a record whose venue has a typo, the year and pages wrong."""
    content = tmp_path / content
    week1 = _record(tmp_path, "week1.bib", venue="Revista de Prubeas", pages="10--12")
    assert import_paths([week1], content, added=DAY).added == ["un-estudio"]
    path = content / "papers" / "un-estudio.yml"
    assert "year: 2020\nvenue: Revista de Prubeas\n" in path.read_text()
    return content, path


def test_a_venue_corrected_at_the_source_is_taken_and_said(tmp_path, capsys):
    content, path = _typo_import(tmp_path)
    _edit(path, "topics: []", "topics:\n  - evaluation  # mine")
    status, out, err = _run(tmp_path, capsys, _record(tmp_path, "week2.bib", pages="10--12"))
    assert (status, err) == (0, "")
    # One line for the venue, none for the fields the record gives as before.
    said = "venue: un-estudio now 'Revista de Pruebas' (was 'Revista de Prubeas': its source record 'garcia2020' was corrected)"
    assert out.splitlines()[:-1] == ["updated un-estudio", said]
    assert "1 updated, 0 unchanged; of which 0 duplicate(s) merged; 0 conflict(s)" in out
    text = path.read_text(encoding="utf-8")
    assert 'year: 2020\nvenue: Revista de Pruebas\nvenue_kind: journal\nvolume: "3"\npages: "10–12"\n' in text
    assert "topics:\n  - evaluation  # mine\n" in text and "title: Un estudio\n" in text
    # The same export again changes nothing, says nothing; nor does the older one.
    before = _snapshot(content)
    for bib in (tmp_path / "week2.bib", tmp_path / "week1.bib"):
        status, out, err = _run(tmp_path, capsys, bib)
        assert (status, err) == (0, "") and "now" not in out and "1 unchanged" in out
        assert _snapshot(content) == before


def test_a_venue_and_a_name_corrected_in_one_export_are_both_taken(tmp_path, capsys):
    # The curator mends the venue's typo and gives an author's middle initial in Zotero,
    # then exports once: the record's venue differs from the one the list was written
    # under, but only by the typo mended, so the list is still that record's to correct.
    # (A spelling is no conflict from another source: untaken, it would go unsaid.)
    content, path = _typo_import(tmp_path)
    week2 = _record(tmp_path, "week2.bib", pages="10--12", authors="Garc{\\'i}a, Ana M. and L{\\'o}pez, Luis")
    status, out, err = _run(tmp_path, capsys, week2)
    assert (status, err) == (0, "")
    assert out.splitlines()[:-1] == [
        "updated un-estudio",
        "authors: un-estudio now 'Ana M. García' for 'Ana García' (its source record 'garcia2020' was corrected)",
        "venue: un-estudio now 'Revista de Pruebas' (was 'Revista de Prubeas': its source record 'garcia2020' was corrected)",
    ]
    assert "authors:\n  - Ana M. García\n  - Luis López\nyear: 2020\nvenue: Revista de Pruebas\n" in path.read_text()
    before = _snapshot(content)
    status, out, err = _run(tmp_path, capsys, week2)
    assert (status, err) == (0, "") and "now" not in out and _snapshot(content) == before


def test_a_record_under_the_key_with_another_year_or_pages_is_another_publication(tmp_path, capsys):
    # A year or pages of its own make the record under the same key and title another
    # publication of the same people (the next year's, another volume's), as for authors:
    # neither they nor its mended venue are taken, a conflict, the file untouched; nor is
    # a venue not only spelt otherwise (another journal's: the extended version's).
    cases = [("2021", "10--12", "Revista de Pruebas"), ("2020", "10--20", "Revista de Pruebas"),
             ("2020", "10--12", "Otra Revista")]
    for n, (year, pages, venue) in enumerate(cases):
        (tmp_path / str(n)).mkdir()
        content, path = _typo_import(tmp_path / str(n))
        taken = path.read_bytes()
        week2 = _record(tmp_path / str(n), "week2.bib", venue=venue, year=year, pages=pages)
        status, out, err = _run(tmp_path / str(n), capsys, week2)
        assert status == 0 and "now" not in out and "corrected" not in out
        assert f"conflict in venue: the file's 'Revista de Prubeas' is kept; {week2}:1:1 says '{venue}', not written" in err
        assert path.read_bytes() == taken


def test_a_field_the_curator_edited_stays_and_the_records_correction_is_a_conflict(tmp_path, capsys):
    content, path = _typo_import(tmp_path)
    # The venue edited, the year's line commented: both the curator's.
    _edit(path, "venue: Revista de Prubeas\n", "venue: Rev. Pruebas\n")
    _edit(path, "year: 2020\n", "year: 2020  # as printed\n")
    edited = path.read_bytes()
    week2 = _record(tmp_path, "week2.bib", year="2021", pages="10--12")
    status, out, err = _run(tmp_path, capsys, week2)
    assert (status, "now" in out, path.read_bytes()) == (0, False, edited)
    assert err.splitlines() == [
        f"{path}:7:7: warning: conflict in year: the file's '2020' is kept; {week2}:1:1 says '2021', not written"
        " (the record is of another publication)",
        f"{path}:8:8: warning: conflict in venue: the file's 'Rev. Pruebas' is kept; {week2}:1:1 says"
        " 'Revista de Pruebas', not written (the record is of another publication)",
        conflicts_note("2 conflicts"),
    ]


def test_another_source_records_other_venue_is_a_conflict(tmp_path):
    # Another key, or the same key from another exporter: another record, not the one
    # the curator corrected.
    other = _record(tmp_path, "other.bib", key="lopez2020")
    jabref = _record(tmp_path, "jabref.bib")
    jabref.write_text("% Encoding: UTF-8\n\n" + jabref.read_text())
    for bib in (other, jabref):
        content, path = _typo_import(tmp_path, bib.stem)
        taken = path.read_bytes()
        report = import_paths([bib], content, added=LATER)
        assert report.corrected == []
        assert [(c.field, c.kept, c.imported) for c in report.conflicts] == [
            ("venue", "Revista de Prubeas", "Revista de Pruebas")
        ]
        assert path.read_bytes() == taken


def test_a_preprint_record_published_since_is_said_published_not_corrected(tmp_path, capsys):
    content = tmp_path / "content"
    week1 = _record(tmp_path, "week1.bib", venue="arXiv preprint arXiv:1901.00001", year="2019")
    import_paths([week1], content, added=DAY)
    path = content / "papers" / "un-estudio.yml"
    week2 = _record(tmp_path, "week2.bib", year="2020")
    status, out, err = _run(tmp_path, capsys, week2)
    assert (status, err) == (0, "")
    # (The importer reads Google Scholar's preprint venue as the arXiv id it names.)
    assert "published: un-estudio now Revista de Pruebas 2020 (was no venue, 2019)\n" in out
    assert "corrected" not in out
    assert "year: 2020\nvenue: Revista de Pruebas\n" in path.read_text()
    # Google Scholar gives the preprint the published version's key: the older version,
    # which takes neither the venue nor the year back, and is no conflict.
    taken = path.read_bytes()
    scholar = _record(tmp_path, "scholar.bib", venue="arXiv preprint arXiv:1901.00001", year="2019")
    status, out, err = _run(tmp_path, capsys, scholar)
    assert (status, err) == (0, "") and "now" not in out
    assert path.read_bytes() == taken


def test_a_published_papers_record_giving_its_preprint_again_keeps_the_published_year(tmp_path, capsys):
    content, path = _typo_import(tmp_path)
    taken = path.read_bytes()
    # The record made a preprint again (no venue, its arXiv id; the first version's year):
    # the older version, whose year is not the published one's.
    preprint = _record(tmp_path, "week2.bib", venue="", year="2019", more="\n  eprint  = {1901.00001},")
    _edit(preprint, "  journal = {},\n", "")
    status, out, err = _run(tmp_path, capsys, preprint)
    assert status == 0 and "now" not in out and "2019" not in err
    assert "year: 2020\nvenue: Revista de Prubeas\n" in path.read_text()
    assert path.read_bytes().replace(b'arxiv: "1901.00001"\n', b"") == taken


def test_a_doi_given_in_capitals_by_the_same_record_is_not_taken(tmp_path, capsys):
    content = tmp_path / "content"
    import_paths([_record(tmp_path, "week1.bib", more="\n  doi     = {10.1234/ab.c1},")], content, added=DAY)
    path = content / "papers" / "un-estudio.yml"
    taken = path.read_bytes()
    capitals = _record(tmp_path, "week2.bib", more="\n  doi     = {10.1234/AB.C1},")
    status, out, err = _run(tmp_path, capsys, capitals)
    assert (status, err) == (0, "") and "now" not in out
    assert path.read_bytes() == taken


def test_another_source_records_venue_the_curator_copied_in_is_not_overwritten(tmp_path, capsys):
    # The conflict's venue, copied into the file: a source offered it, but the importer
    # never wrote it, so the first record's correction is a conflict, not taken over it.
    content, path = _typo_import(tmp_path)
    other = _record(tmp_path, "other.bib", key="lopez2020", pages="10--12")
    report = import_paths([other], content, added=LATER)
    assert [(c.field, c.imported) for c in report.conflicts] == [("venue", "Revista de Pruebas")]
    _edit(path, "venue: Revista de Prubeas\n", "venue: Revista de Pruebas\n")
    copied = path.read_bytes()
    week2 = _record(tmp_path, "week2.bib", venue="Revista de las Pruebas", pages="10--12")
    status, out, err = _run(tmp_path, capsys, week2)
    assert status == 0 and "now" not in out and "corrected" not in out
    assert (
        f"conflict in venue: the file's 'Revista de Pruebas' is kept; {week2}:1:1 says 'Revista de las Pruebas',"
        " not written"
    ) in err
    assert path.read_bytes() == copied


def test_a_venue_imported_before_the_import_record_kept_what_it_wrote_is_a_conflict(tmp_path):
    # Whether that import wrote the venue or a curator typed it as a source has it
    # cannot be told: the record's correction is a conflict, as before.
    content, path = _typo_import(tmp_path)
    _unrecorded(content, "venue written")
    taken = path.read_bytes()
    report = import_paths([_record(tmp_path, "week2.bib", pages="10--12")], content, added=LATER)
    assert report.corrected == []
    assert [(c.field, c.kept) for c in report.conflicts] == [("venue", "Revista de Prubeas")]
    assert path.read_bytes() == taken


def test_an_abstract_corrected_at_the_source_is_taken_and_said_where_it_changed(tmp_path, capsys):
    words = (
        "We compare twelve methods of estimating the effect on %s benchmarks, over three years"
        " of data gathered in four countries, and find that the simplest does as well as any."
    )
    content = tmp_path / "content"
    import_paths([_record(tmp_path, "week1.bib", more="\n  abstract = {%s}," % (words % "ten"))], content, added=DAY)
    path = content / "papers" / "un-estudio.yml"
    assert "abstract: >-\n" in path.read_text()
    week2 = _record(tmp_path, "week2.bib", more="\n  abstract = {%s}," % (words % "nine"))
    status, out, err = _run(tmp_path, capsys, week2)
    assert (status, err) == (0, "")
    # (A long text shown as a conflict shows it: around where the two differ.)
    assert (
        "abstract: un-estudio now '…of estimating the effect on «nine» benchmarks, over three years…'"
        " (was '…of estimating the effect on «ten» benchmarks, over three years…': its source record"
        " 'garcia2020' was corrected)\n"
    ) in out
    text = path.read_text()
    assert "nine benchmarks" in text and "ten benchmarks" not in text


def test_an_earlier_list_the_curator_restored_by_hand_is_not_the_records_to_correct(tmp_path, capsys):
    # The importer wrote "Ana García", then took the record's correction "Ana M. García";
    # the curator, who knows better, types "Ana García" back into the file (Zotero keeps
    # its "Ana M."). That list is theirs now, though the importer once wrote it: another
    # correction at the source (Luis's middle initial) is a conflict, not a rewrite of it.
    content, path = _first_import(tmp_path)
    week2 = _bib(tmp_path, "week2.bib", "Un estudio", authors="Garc{\\'i}a, Ana M. and L{\\'o}pez, Luis")
    status, out, err = _run(tmp_path, capsys, week2)
    assert (status, err) == (0, "") and "authors: un-estudio now 'Ana M. García'" in out
    _edit(path, "  - Ana M. García\n", "  - Ana García\n")
    week3 = _bib(tmp_path, "week3.bib", "Un estudio", authors="Garc{\\'i}a, Ana M. and L{\\'o}pez, Luis A.")
    status, out, err = _run(tmp_path, capsys, week3)
    assert "now" not in out
    assert "authors:\n  - Ana García\n  - Luis López\nyear: 2020\n" in path.read_text(encoding="utf-8")
    # (hunt6: said, as this test's first lines say; it was dropped without a word, each
    # name being one person in both lists.)
    assert err == (
        f"{path}:5:3: warning: conflict in authors: the file's 'Ana García; Luis López' is kept;"
        f" {week3}:1:1 says 'Ana M. García; Luis A. López', not written (the file's is not what an import last"
        f" wrote from this record)\n{conflicts_note('1 conflict')}\n"
    )


def test_a_long_list_respelt_at_the_source_shows_the_names_spelt_otherwise(tmp_path, capsys):
    # (hunt6) The conflict above, of a list too long to show whole: it shows the names
    # the two spell otherwise, in «», not the list's end, as if names were missing.
    names = [f"Surname{n}, Given{n} Q" for n in range(12)]
    content = tmp_path / "content"
    import_paths([_bib(tmp_path, "week1.bib", "Un estudio", authors=" and ".join(names))], content, added=DAY)
    path = content / "papers" / "un-estudio.yml"
    _edit(path, "  - Given4 Q Surname4\n", "  - Given4 Q. Surname4\n")
    names[3] = "S{\\'u}rname3, Given3 Q"
    week2 = _bib(tmp_path, "week2.bib", "Un estudio", authors=" and ".join(names))
    status, out, err = _run(tmp_path, capsys, week2)
    assert status == 0
    assert (
        "conflict in authors: the file's '…Given1 Q Surname1; Given2 Q Surname2; «Given3 Q Surname3;"
        " Given4 Q. Surname4»; Given5 Q Surname5; Given6 Q Surname6…' is kept;"
    ) in err, err
    assert (
        "week2.bib:1:1 says '…Given1 Q Surname1; Given2 Q Surname2; «Given3 Q Súrname3;"
        " Given4 Q Surname4»; Given5 Q Surname5; Given6 Q Surname6…', not written"
    ) in err, err



def test_a_name_corrected_in_the_export_after_the_venues_typo_is_taken(tmp_path, capsys):
    # The venue's typo mended in Zotero one week, an author's middle initial given the
    # next: the list is still the importer's, written from that record, whose venue only
    # lost its typo since; the correction is taken as in one export (above; before, it
    # was dropped without a word, a spelling being no conflict).
    content, path = _typo_import(tmp_path)
    status, out, err = _run(tmp_path, capsys, _record(tmp_path, "week2.bib", pages="10--12"))
    assert (status, err) == (0, "") and "venue: un-estudio now 'Revista de Pruebas'" in out
    week3 = _record(tmp_path, "week3.bib", pages="10--12", authors="Garc{\\'i}a, Ana M. and L{\\'o}pez, Luis")
    said = "authors: un-estudio now 'Ana M. García' for 'Ana García' (its source record 'garcia2020' was corrected)"
    assert _run(tmp_path, capsys, week3)[1].splitlines()[:-1] == ["updated un-estudio", said]
    assert "  - Ana M. García\n  - Luis López\nyear: 2020\nvenue: Revista de Pruebas\n" in path.read_text()
    before = _snapshot(content)
    status, out, err = _run(tmp_path, capsys, week3)
    assert (status, err, "now" in out, _snapshot(content) == before) == (0, "", False, True)
