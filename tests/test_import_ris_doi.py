"""A record corrected in Zotero and exported again as RIS: Zotero's RIS export gives a
record no ID (no citation key), so the import knows the record by its DOI (or arXiv id)
instead, and takes its correction where the paper's file still holds what an import wrote
from it, as for a record of a key (tests/test_import_source_record.py). Nothing of that
name is written into the paper's file, nor called a citation key.
"""

import json

from generator.cli import main
from generator.importer import import_paths
from generator import importmatch, importmerge
from generator.importmatch import BY_DOI, NO_CATALOG
from generator.provenance import key_digest
from tests.test_import_cmd import conflicts_note

ID = "deep-residual-learning-for-image-recognition"
AUTHORS = ("He, Kaiming", "Zhang, Xiangyu", "Ren, Shaoqing", "Sun, Jian")
VENUE = "2016 IEEE Conference on Computer Vision and Pattern Recognition (CVPR)"


def _ris(tmp_path, name, authors=AUTHORS, venue=VENUE, pages=("770", "778"), doi="10.1109/CVPR.2016.90", more=""):
    """Zotero's RIS export of the paper (no ID line), with these values."""
    lines = ["TY  - CONF", "TI  - Deep Residual Learning for Image Recognition"]
    lines += [f"AU  - {author}" for author in authors]
    lines += [f"T2  - {venue}", "PY  - 2016", f"SP  - {pages[0]}", f"EP  - {pages[1]}"]
    lines += [f"DO  - {doi}"] if doi else []
    path = tmp_path / name
    path.write_text("\n".join([*lines, *([more] if more else []), "ER  - ", ""]), encoding="utf-8")
    return path


def _run(tmp_path, capsys, *paths):
    """`readinglist import` as a curator runs it: its exit status, and what it printed."""
    (tmp_path / "mkdocs.yml").write_text("site_name: Lab\n")
    status = main(["--root", str(tmp_path), "import", "--no-keep-source", *map(str, paths)])
    return status, *capsys.readouterr()


def _first(tmp_path, capsys, **values):
    status, out, err = _run(tmp_path, capsys, _ris(tmp_path, "week1.ris", **values))
    assert (status, err) == (0, "") and out.splitlines()[0] == f"added {ID}"
    path = tmp_path / "content" / "papers" / f"{ID}.yml"
    text = path.read_text(encoding="utf-8")
    assert "citation_key" not in text
    return path


def _edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, text
    path.write_text(text.replace(old, new), encoding="utf-8")


def _snapshot(tmp_path):
    return {p: p.read_bytes() for p in sorted((tmp_path / "content").rglob("*")) if p.is_file()}


def _summary(updated=1, conflicts=0):
    return (
        f"1 record(s): 0 added, {updated} updated, {1 - updated} unchanged; of which 0 duplicate(s) merged;"
        f" {conflicts} conflict(s), 0 link(s) found"
    )


def test_an_author_respelt_and_one_added_and_the_venues_typo_mended_in_zotero_are_taken(tmp_path, capsys):
    path = _first(tmp_path, capsys, authors=("He, Kaiming", "Zhang, Xiangyu", "Ren, Shaoquing"),
                  venue=VENUE.replace("Vision", "Visoin"))
    _edit(path, "\ntopics: []", "\ntopics:\n  - vision  # mine")
    week2 = _ris(tmp_path, "week2.ris")
    status, out, err = _run(tmp_path, capsys, week2)
    assert (status, err) == (0, "")
    by = "its source record of DOI 10.1109/CVPR.2016.90 was corrected"
    assert out.splitlines() == [
        f"updated {ID}",
        f"authors: {ID} now 'Kaiming He; Xiangyu Zhang; Shaoqing Ren; Jian Sun' (was 'Kaiming He; Xiangyu Zhang;"
        f" Shaoquing Ren': {by})",
        f"venue: {ID} now '2016 IEEE Conference on Computer Vision and Pattern Recognition (CVPR)' (was '2016 IEEE"
        f" Conference on Computer Visoin and Pattern Recognition (CVPR)': {by})",
        _summary(),
    ]
    text = path.read_text(encoding="utf-8")
    assert "authors:\n  - Kaiming He\n  - Xiangyu Zhang\n  - Shaoqing Ren\n  - Jian Sun\nyear: 2016\n" in text
    assert f'venue: "{VENUE}"\n' in text and "topics:\n  - vision  # mine\n" in text
    # No key written, none called one: the DOI is the paper's own field, as before.
    assert "citation_key" not in text and "citation key" not in out + err
    # The import record keeps the record by its DOI, casefolded, as no exporter's key.
    views = json.loads((tmp_path / "content" / "sources" / "imported.json").read_text())
    assert views["papers"][ID]["fields"]["key"] == [key_digest("10.1109/cvpr.2016.90", f"{BY_DOI}, {NO_CATALOG}")]
    # The same export again: nothing to take, nothing said, not a byte changed; the older
    # export again: its values were taken before, nothing new either.
    before = _snapshot(tmp_path)
    for ris in (week2, tmp_path / "week1.ris"):
        status, out, err = _run(tmp_path, capsys, ris)
        assert (status, err, out.splitlines()) == (0, "", [_summary(updated=0)])
        assert _snapshot(tmp_path) == before


def test_the_same_doi_in_other_capitals_is_the_same_record(tmp_path, capsys):
    path = _first(tmp_path, capsys, authors=AUTHORS[:3], doi="10.1109/cvpr.2016.90")
    status, out, err = _run(tmp_path, capsys, _ris(tmp_path, "week2.ris"))
    assert (status, err) == (0, "")
    assert out.splitlines()[1] == (
        f"authors: {ID} now 'Kaiming He; Xiangyu Zhang; Shaoqing Ren; Jian Sun' (was 'Kaiming He; Xiangyu Zhang;"
        " Shaoqing Ren': its source record of DOI 10.1109/CVPR.2016.90 was corrected)"
    )
    assert "  - Jian Sun\n" in path.read_text(encoding="utf-8")


def test_pages_corrected_under_the_same_doi_are_taken(tmp_path, capsys):
    # One DOI is one publication: its pages corrected in Zotero are no other paper's.
    path = _first(tmp_path, capsys, pages=("770", "788"))
    status, out, err = _run(tmp_path, capsys, _ris(tmp_path, "week2.ris"))
    assert (status, err) == (0, "")
    assert out.splitlines()[1] == (
        f"pages: {ID} now '770–778' (was '770–788': its source record of DOI 10.1109/CVPR.2016.90 was corrected)"
    )
    assert 'pages: "770–778"\n' in path.read_text(encoding="utf-8")


def test_authors_the_curator_edited_stay_and_the_records_are_a_conflict_saying_why(tmp_path, capsys):
    path = _first(tmp_path, capsys, authors=AUTHORS[:3])
    _edit(path, "  - Shaoqing Ren\n", "  - S. Ren\n")
    edited = path.read_bytes()
    week2 = _ris(tmp_path, "week2.ris")
    status, out, err = _run(tmp_path, capsys, week2)
    assert (status, path.read_bytes()) == (0, edited)
    assert out.splitlines() == [_summary(updated=0, conflicts=1)]
    assert err.splitlines() == [
        f"{path}:5:3: warning: conflict in authors: the file's 'Kaiming He; Xiangyu Zhang; S. Ren' is kept;"
        f" {week2}:1:1 says 'Kaiming He; Xiangyu Zhang; Shaoqing Ren; Jian Sun', not written (the file's is yours,"
        " not what an import wrote)",
        conflicts_note("1 conflict"),
    ]


def test_a_venue_the_curator_commented_stays_and_the_conflict_says_why(tmp_path, capsys):
    typo = VENUE.replace("Vision", "Visoin")
    path = _first(tmp_path, capsys, venue=typo)
    _edit(path, f'venue: "{typo}"\n', f'venue: "{typo}"  # as printed\n')
    edited = path.read_bytes()
    week2 = _ris(tmp_path, "week2.ris")
    status, out, err = _run(tmp_path, capsys, week2)
    assert (status, path.read_bytes(), "now" in out) == (0, edited, False)
    assert err.splitlines()[0] == (
        f"{path}:10:8: warning: conflict in venue: the file's '2016 IEEE Conference on Computer Visoin and"
        f" Pattern Recognition (CVPR)' is kept; {week2}:1:1 says '{VENUE}', not written (a comment beside the"
        " file's makes it yours)"
    )


def test_a_record_without_a_doi_or_arxiv_id_is_not_known_by_its_title_alone(tmp_path, capsys):
    path = _first(tmp_path, capsys, authors=AUTHORS[:3], doi="")
    taken = path.read_bytes()
    week2 = _ris(tmp_path, "week2.ris", doi="")
    status, out, err = _run(tmp_path, capsys, week2)
    assert (status, path.read_bytes(), out.splitlines()) == (0, taken, [_summary(updated=0, conflicts=1)])
    assert f"{week2}:1:1 says 'Kaiming He; Xiangyu Zhang; Shaoqing Ren; Jian Sun', not written\n" in err


def test_a_record_under_another_doi_is_not_the_record(tmp_path, capsys):
    # Another DOI in the file (the curator's): the record names another publication.
    path = _first(tmp_path, capsys, authors=AUTHORS[:3])
    _edit(path, 'doi: "10.1109/CVPR.2016.90"\n', 'doi: "10.1109/CVPR.2016.91"\n')
    edited = path.read_bytes()
    status, out, err = _run(tmp_path, capsys, _ris(tmp_path, "week2.ris"))
    assert path.read_bytes() == edited and "now" not in out
    assert "conflict in authors" in err and "(the file's is yours" not in err


def test_an_ris_record_with_an_id_is_known_by_its_key_as_before(tmp_path, capsys):
    # An ID tag is the record's key: its correction is said by it, and kept by it.
    path = _first(tmp_path, capsys, authors=AUTHORS[:3], more="ID  - he2016")
    status, out, err = _run(tmp_path, capsys, _ris(tmp_path, "week2.ris", more="ID  - he2016"))
    assert (status, err) == (0, "")
    assert out.splitlines()[1] == (
        f"authors: {ID} now 'Kaiming He; Xiangyu Zhang; Shaoqing Ren; Jian Sun' (was 'Kaiming He; Xiangyu Zhang;"
        " Shaoqing Ren': its source record 'he2016' was corrected)"
    )
    assert "  - Jian Sun\n" in path.read_text(encoding="utf-8")
    views = json.loads((tmp_path / "content" / "sources" / "imported.json").read_text())
    assert views["papers"][ID]["fields"]["key"] == [key_digest("he2016", "RIS")]


def test_a_paper_imported_from_keyless_ris_before_keeps_its_values_as_a_list_would(tmp_path, monkeypatch):
    # An import before records were known by their DOI kept no name of the record, and
    # marked what it wrote as a record of no key, as a Markdown list's: which cannot be
    # told apart, so the record's correction stays a conflict (as before), never taken.
    content = tmp_path / "content"
    with monkeypatch.context() as before:
        for module in (importmatch, importmerge):
            before.setattr(module, "record_name", lambda record: (record.key, record.key_source) if record.key else ("", ""))
        import_paths([_ris(tmp_path, "week1.ris", authors=AUTHORS[:3])], content)
    views = json.loads((content / "sources" / "imported.json").read_text())
    assert "key" not in views["papers"][ID]["fields"]
    report = import_paths([tmp_path / "week1.ris"], content)
    assert (report.updated, report.conflicts) == ([], [])
    report = import_paths([_ris(tmp_path, "week2.ris")], content)
    assert report.updated == [] and [c.field for c in report.conflicts] == ["authors"]
    assert "  - Jian Sun\n" not in (content / "papers" / f"{ID}.yml").read_text(encoding="utf-8")


def test_authors_a_markdown_list_wrote_are_never_replaced_by_a_keyless_ris_record(tmp_path, capsys):
    # A Markdown list names no record: what it wrote is marked as a record of no key's.
    # Zotero's record of the paper's DOI (no ID), met twice, is not the list's record:
    # its authors are a conflict, never "its source record ... was corrected".
    listing = tmp_path / "list.md"
    listing.write_text(
        "# Papers\n\n- Kaiming He, Xiangyu Zhang, Shaoqing Ren. [Deep Residual Learning for Image"
        " Recognition](https://doi.org/10.1109/CVPR.2016.90). CVPR 2016.\n",
        encoding="utf-8",
    )
    status, out, err = _run(tmp_path, capsys, listing)
    assert (status, err) == (0, "") and out.splitlines()[0] == f"added {ID}"
    path = tmp_path / "content" / "papers" / f"{ID}.yml"
    listed = "  - Kaiming He\n  - Xiangyu Zhang\n  - Shaoqing Ren\nyear: 2016\nvenue: CVPR\n"
    assert listed in path.read_text(encoding="utf-8")
    _run(tmp_path, capsys, _ris(tmp_path, "week1.ris", venue="CVPR"))
    status, out, err = _run(tmp_path, capsys, _ris(tmp_path, "week2.ris", venue="CVPR", authors=(*AUTHORS[:3], "Sun, J.")))
    assert "was corrected" not in out and "conflict in authors" in err
    assert "  - Kaiming He\n  - Xiangyu Zhang\n  - Shaoqing Ren\nyear: 2016\n" in path.read_text(encoding="utf-8")


def _record_name_before_exporters_were_told(record):
    """importmatch.record_name as rev111 had it: a record without a key known by its DOI
    (or arXiv id) with BY_DOI alone, whatever its exporter."""
    if record.key:
        return record.key, record.key_source
    return importmatch.untold_name(record)


def test_a_zotero_record_of_the_doi_is_not_the_publishers_download_corrected(tmp_path, capsys):
    # The ACM's (or IEEE Xplore's) download names no database; Zotero's record of the
    # paper says where the item was saved from (DP). Two sources: the Zotero record's
    # other authors are a conflict, not the download's record corrected.
    path = _first(tmp_path, capsys, authors=AUTHORS[:3])
    status, out, err = _run(tmp_path, capsys, _ris(tmp_path, "zotero.ris", more="DP  - ACM Digital Library"))
    assert (status, out.splitlines()) == (0, [_summary(updated=0, conflicts=1)])
    assert "conflict in authors" in err and "was corrected" not in out + err
    assert "  - Jian Sun\n" not in path.read_text(encoding="utf-8")


def test_a_zotero_record_is_corrected_by_its_next_export_of_the_same_database(tmp_path, capsys):
    path = _first(tmp_path, capsys, authors=AUTHORS[:3], more="DP  - IEEE Xplore\nDB  - Archive")
    # (The same item in another export: its DB and DP as saved, in other spacing.)
    status, out, err = _run(tmp_path, capsys, _ris(tmp_path, "week2.ris", more="DB  - Archive\nDP  - IEEE  Xplore"))
    assert (status, err) == (0, "")
    assert out.splitlines()[1] == (
        f"authors: {ID} now 'Kaiming He; Xiangyu Zhang; Shaoqing Ren; Jian Sun' (was 'Kaiming He; Xiangyu Zhang;"
        " Shaoqing Ren': its source record of DOI 10.1109/CVPR.2016.90 was corrected)"
    )
    # Another exporter of the DOI (a download, no database named) is not that record.
    status, out, err = _run(tmp_path, capsys, _ris(tmp_path, "download.ris", authors=(*AUTHORS, "Girshick, Ross")))
    assert "was corrected" not in out and "conflict in authors" in err
    assert "Girshick" not in path.read_text(encoding="utf-8")


def test_a_paper_imported_before_exporters_were_told_apart_keeps_its_record(tmp_path, capsys, monkeypatch):
    # An import before exporters were told apart kept the record by its DOI alone: the
    # first exporter of the DOI met again, unchanged, is taken for that record (an
    # unchanged export nothing new, its corrections since taken), and then only that
    # exporter.
    path = _imported_before_exporters_were_told(tmp_path, monkeypatch, authors=AUTHORS[:3], more="DP  - IEEE Xplore")
    content = tmp_path / "content"
    views = json.loads((content / "sources" / "imported.json").read_text())
    assert views["papers"][ID]["fields"]["key"] == [key_digest("10.1109/cvpr.2016.90", BY_DOI)]
    report = import_paths([tmp_path / "week1.ris"], content)
    assert (report.updated, report.conflicts) == ([], [])
    # Another exporter of the DOI now is another source: what the Zotero record wrote
    # before is not its to correct.
    status, out, err = _run(tmp_path, capsys, _ris(tmp_path, "download.ris", authors=(*AUTHORS, "Girshick, Ross")))
    assert "was corrected" not in out and "conflict in authors" in err
    assert "Girshick" not in path.read_text(encoding="utf-8")
    status, out, err = _run(tmp_path, capsys, _ris(tmp_path, "week2.ris", more="DP  - IEEE Xplore"))
    assert (status, err) == (0, "") and out.splitlines()[0] == f"updated {ID}"
    assert "its source record of DOI 10.1109/CVPR.2016.90 was corrected" in out
    assert "  - Jian Sun\n" in path.read_text(encoding="utf-8")
    # Its next correction too (Jian Sun written by this import, the rest before).
    status, out, err = _run(
        tmp_path, capsys, _ris(tmp_path, "week3.ris", authors=("He, Kaiming", "Zhang, X.", *AUTHORS[2:]), more="DP  - IEEE Xplore")
    )
    assert (status, err) == (0, "") and "was corrected" in out and "  - X. Zhang\n" in path.read_text(encoding="utf-8")


def _imported_before_exporters_were_told(tmp_path, monkeypatch, **values):
    """The paper imported by an import before exporters of records without a key were
    told apart (its DOI kept with BY_DOI alone): its file's path."""
    content = tmp_path / "content"
    (tmp_path / "mkdocs.yml").write_text("site_name: Lab\n")
    with monkeypatch.context() as before:
        for module in (importmatch, importmerge):
            before.setattr(module, "record_name", _record_name_before_exporters_were_told)
            before.setattr(module, "untold", lambda taken, record: False)
        import_paths([_ris(tmp_path, "week1.ris", **values)], content)
    return content / "papers" / f"{ID}.yml"


def test_another_exporter_met_first_since_exporters_were_told_apart_corrects_nothing(tmp_path, capsys, monkeypatch):
    # Imported before from the publisher's download (no database named); the first
    # keyless record of the DOI met since is Zotero's, its authors other: which exporter
    # wrote the paper's authors, the import kept no word of, so they are a conflict, not
    # the download's record corrected by another source.
    path = _imported_before_exporters_were_told(tmp_path, monkeypatch, authors=AUTHORS[:3])
    status, out, err = _run(tmp_path, capsys, _ris(tmp_path, "zotero.ris", more="DP  - IEEE Xplore"))
    assert "was corrected" not in out and "conflict in authors" in err
    assert "not written (which RIS exporter of its DOI an import wrote the file's from, that import did not keep)" in err
    assert "  - Jian Sun\n" not in path.read_text(encoding="utf-8")
    # Nor at its next export (the conflict unresolved), nor the download's again.
    for name, more, last in (("zotero2.ris", "DP  - IEEE Xplore", "Girshick, Ross"), ("download.ris", "", "Dollar, Piotr")):
        status, out, err = _run(tmp_path, capsys, _ris(tmp_path, name, authors=(*AUTHORS, last), more=more))
        assert "was corrected" not in out and "conflict in authors" in err
        assert "  - Jian Sun\n" not in path.read_text(encoding="utf-8")


def test_an_exporter_met_unchanged_since_exporters_were_told_apart_takes_the_record_over(tmp_path, capsys, monkeypatch):
    # Zotero's record exported unchanged (what the import wrote is what it gives): it
    # takes the record kept by the DOI alone over, and its next correction is taken.
    path = _imported_before_exporters_were_told(tmp_path, monkeypatch, authors=AUTHORS[:3], more="DP  - IEEE Xplore")
    status, out, err = _run(tmp_path, capsys, _ris(tmp_path, "same.ris", authors=AUTHORS[:3], more="DP  - IEEE Xplore"))
    assert (status, err, out.splitlines()) == (0, "", [_summary(updated=0)])
    status, out, err = _run(tmp_path, capsys, _ris(tmp_path, "week2.ris", more="DP  - IEEE Xplore"))
    assert (status, err) == (0, "") and "its source record of DOI 10.1109/CVPR.2016.90 was corrected" in out
    assert "  - Jian Sun\n" in path.read_text(encoding="utf-8")
