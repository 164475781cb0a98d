"""What an import says of a value it did not write: a conflict names the file's value,
kept, at its place in the paper's file, and the source's, not written, each as its side
writes it (a re-import after a curator's hand edit)."""

import pytest

from generator.cli import main
from tests.test_import_cmd import conflicts_note

BIB = """\
@article{doe2020,
  title = {%(title)s},
  author = {%(authors)s},
  journal = {%(venue)s},
  year = {%(year)s},
  pages = {%(pages)s},
  keywords = {%(tags)s},
  abstract = {%(abstract)s},
}
"""
FIRST = {
    "title": "Learning to Rank Reading Lists", "authors": "Doe, Jane and Roe, Bob", "venue": "Journal of Tests",
    "year": "2020", "pages": "10--20", "tags": "ranking, lists", "abstract": "We rank reading lists.",
}


def _import(root, capsys, **changed):
    """`readinglist import` of src.bib, FIRST with ``changed``: its exit status and stderr."""
    source = root / "src.bib"
    source.write_text(BIB % {**FIRST, **changed}, encoding="utf-8")
    (root / "mkdocs.yml").write_text("site_name: Lab\n", encoding="utf-8")
    status = main(["--root", str(root), "import", "--no-keep-source", str(source)])
    return status, capsys.readouterr().err


# Each field: the line the importer wrote, the curator's edit of it, the source's new
# value, and the conflict's place (the file's line that starts the value, and the column:
# after "year: ", at a list's first "- "), the file's value and the source's, as shown.
@pytest.mark.parametrize(("field", "imported", "edited", "source", "at", "kept", "says"), [
    # The audit's case: the file's "J. Doe" (the curator's) was shown as what the source said.
    ("authors", "  - Jane Doe", "  - J. Doe", "Doe, Jane and Roe, Robert", ("  - J. Doe", 3),
     "J. Doe; Bob Roe", "Jane Doe; Robert Roe"),
    ("title", "title: Learning to Rank Reading Lists", "title: Learning to Rank Reading Lists Well",
     "Learning to Rank the Reading Lists", ("title: Learning to Rank Reading Lists Well", 8),
     "Learning to Rank Reading Lists Well", "Learning to Rank the Reading Lists"),
    ("year", "year: 2020", "year: 2021", "2019", ("year: 2021", 7), "2021", "2019"),
    ("venue", "venue: Journal of Tests", "venue: J. Tests", "Journal of Testing", ("venue: J. Tests", 8),
     "J. Tests", "Journal of Testing"),
    # (BibTeX's "--" is read as an en dash, as the first import wrote it.)
    ("pages", 'pages: "10–20"', "pages: 10-21", "10--22", ("pages: 10-21", 8), "10-21", "10–22"),
    ("abstract", "abstract: We rank reading lists.", "abstract: We rank lists.", "We rank reading lists well.",
     ("abstract: We rank lists.", 11), "We rank lists.", "We rank reading lists well."),
    ("tags", "  - lists", "  - lists\n  - curation", "ranking, lists, search", ("  - ranking", 3),
     "ranking; lists; curation", "ranking; lists; search"),
])
def test_a_conflict_says_which_value_is_the_files_kept_and_which_the_sources(
    tmp_path, capsys, field, imported, edited, source, at, kept, says,
):
    # Imported, then hand-edited (the importer's value replaced by the curator's), then
    # the source changed to a third value and imported again.
    assert _import(tmp_path, capsys)[0] == 0
    [path] = (tmp_path / "content" / "papers").glob("*.yml")
    text = path.read_text(encoding="utf-8")
    assert imported in text.splitlines()
    path.write_text(text.replace(imported, edited), encoding="utf-8")
    edited_bytes = path.read_bytes()
    line = path.read_text(encoding="utf-8").splitlines().index(at[0]) + 1
    status, err = _import(tmp_path, capsys, **{field: source})
    assert status == 0
    # Why the record, the file's own source record (its key), was not taken as the
    # correction: the file's value is the curator's; or, with another year, venue or
    # pages, the record is of another publication under the key. (Tags: their own rule.)
    why = {
        "year": " (the record is of another publication)", "venue": " (the record is of another publication)",
        # (Other pages in the venue and year: which, the import cannot tell.)
        "pages": " (the record gives other pages in the same venue and year: another publication there, or its"
        " pages mended, which the import cannot tell apart)", "tags": "",
    }.get(field, " (the file's is yours, not what an import wrote)")
    assert err == (
        f"{path}:{line}:{at[1]}: warning: conflict in {field}: the file's '{kept}' is kept;"
        f" {tmp_path / 'src.bib'}:1:1 says '{says}', not written{why}\n{conflicts_note('1 conflict')}\n"
    )
    assert path.read_bytes() == edited_bytes


def test_a_title_only_recapitalised_at_its_source_is_kept_and_said_once(tmp_path, capsys):
    # (curator: "Learning to rank…" recapitalised in Zotero and exported again was
    # counted "unchanged" without a word, as if the import had lost the edit.) Capitals
    # are the list's house style: not taken, but said at the file's title, once.
    assert _import(tmp_path, capsys)[0] == 0
    [path] = (tmp_path / "content" / "papers").glob("*.yml")
    written = path.read_bytes()
    line = path.read_text(encoding="utf-8").splitlines().index("title: Learning to Rank Reading Lists") + 1
    assert _import(tmp_path, capsys) == (0, "")  # nothing changed at the source: nothing said
    source = tmp_path / "src.bib"
    source.write_text(BIB % {**FIRST, "title": "Learning to rank reading lists"}, encoding="utf-8")
    assert main(["--root", str(tmp_path), "import", "--no-keep-source", str(source)]) == 0
    out, err = capsys.readouterr()
    assert err == (
        f"{path}:{line}:8: note: title: {source}:1:1 writes it 'Learning to rank reading lists'"
        " (only capitals differ); kept as the file has it\n"
    )
    assert "0 updated, 1 unchanged" in out and path.read_bytes() == written
    # The same export again: said already.
    assert _import(tmp_path, capsys, title="Learning to rank reading lists") == (0, "")
    # Another hyphen too: said as such.
    assert _import(tmp_path, capsys, title="Learning-to-rank reading lists")[1] == (
        f"{path}:{line}:8: note: title: {source}:1:1 writes it 'Learning-to-rank reading lists'"
        " (only capitals, hyphens or spacing differ); kept as the file has it\n"
    )
    assert path.read_bytes() == written


def test_titles_recapitalised_at_many_sources_are_said_without_rereading_the_notes():
    # Each paper looked through every note said before it (to say one a paper): 3.6 s
    # of CPU for 10,000 titles a reference manager recapitalised. Still once a paper.
    from pathlib import Path

    from generator.errors import Location
    from generator.importmatch import Paper
    from generator.importmerge import _recapitalised
    from generator.importreport import ImportReport
    from generator.ingest import Record

    class Counted(list):
        reads = 0

        def __iter__(self):
            self.reads += 1
            return super().__iter__()

    def reads(n: int) -> int:
        report = ImportReport()
        report.recapitalised = Counted()
        for i in range(n):
            paper = Paper(f"p{i}", Path(f"p{i}.yml"))
            for _ in range(2):  # (two records of the paper: one note)
                record = Record(title="a title", abstract="", source=Location("x.bib", i + 1, 1))
                _recapitalised(paper, record, report, "A Title")
        assert [note.paper_id for note in report.recapitalised] == [f"p{i}" for i in range(n)]
        return report.recapitalised.reads

    assert reads(40) == reads(20)
