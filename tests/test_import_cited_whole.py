"""papers.bib imported again into the list it was built from (h_rev102, reviewing cite3):
the export braces a name the citations take whole by a guess (names.cited_whole:
"Hugging Face", and "Rich Wales", a person the rule misreads), which the file writes
bare. The braces change nothing the citations write, so the re-import leaves the
curator's file as it is: no "{Rich Wales}" written over "Rich Wales" (which would
brace a person and silence check's warning about him), and no conflict either way.
"""

from generator.export_bibtex import bibtex
from generator.models import Paper
from tests.test_import_source_record import _bib, _run, _snapshot

AUTHORS = ["Hugging Face", "Rich Wales", "Luis López"]


def _export_authors() -> str:
    """The author field the site's papers.bib writes for AUTHORS, as written."""
    text = bibtex([Paper(id="p", title="Un estudio", abstract="", authors=tuple(AUTHORS))])
    [line] = [line for line in text.splitlines() if line.strip().startswith("author")]
    return line.split("{", 1)[1].rsplit("}", 1)[0]


def test_the_export_braces_the_names_cited_whole():
    # (what the tests below import: the export's own braces, checked here by hand)
    assert _export_authors() == "{Hugging Face} and {Rich Wales} and Luis López"


def test_the_sites_papers_bib_imported_again_rewrites_no_name(tmp_path, capsys):
    content = tmp_path / "content"
    status, out, err = _run(tmp_path, capsys, _bib(tmp_path, "week1.bib", "Un estudio",
                                                    authors="Hugging Face and Rich Wales and L{\\'o}pez, Luis"))
    path = content / "papers" / "un-estudio.yml"
    assert status == 0 and "authors:\n  - Hugging Face\n  - Rich Wales\n  - Luis López\n" in path.read_text()
    before = _snapshot(content / "papers")
    status, out, err = _run(tmp_path, capsys, _bib(tmp_path, "papers.bib", "Un estudio", authors=_export_authors()))
    assert (status, err) == (0, "")
    assert "now" not in out and "1 unchanged" in out and "0 conflict(s)" in out
    assert _snapshot(content / "papers") == before  # (the import record notes the new source)


def test_a_name_the_curator_braced_stays_braced_without_a_conflict(tmp_path, capsys):
    content = tmp_path / "content"
    _run(tmp_path, capsys, _bib(tmp_path, "week1.bib", "Un estudio",
                                authors="Hugging Face and Rich Wales and L{\\'o}pez, Luis"))
    path = content / "papers" / "un-estudio.yml"
    text = path.read_text()
    # The curator answers check's warning: the organisation braced.
    path.write_text(text.replace("  - Hugging Face\n", '  - "{Hugging Face}"\n'))
    edited = path.read_bytes()
    status, out, err = _run(tmp_path, capsys, _bib(tmp_path, "papers.bib", "Un estudio",
                                                    authors=_export_authors()))
    assert (status, err) == (0, "")
    assert "now" not in out and "0 conflict(s)" in out
    assert path.read_bytes() == edited


def test_a_name_braced_with_braces_inside_is_kept_as_written_on_reimport(tmp_path, capsys):
    # (rev105, reviewing bk3: papers.bib now writes the curator's "{Allen {AI}}" as
    # "{Allen AI}", which the BibTeX import reads "Allen AI". Imported again, as the site's
    # own papers.bib or a library that took it from there, under another key, it is no
    # conflict with the file's name and no correction of it.)
    content = tmp_path / "content"
    _run(tmp_path, capsys, _bib(tmp_path, "week1.bib", "Un estudio", authors="Allen AI and L{\\'o}pez, Luis"))
    path = content / "papers" / "un-estudio.yml"
    path.write_text(path.read_text().replace("  - Allen AI\n", '  - "{Allen {AI}}"\n'))
    edited = path.read_bytes()
    text = bibtex([Paper(id="p", title="Un estudio", abstract="", authors=("{Allen {AI}}", "Luis López"))])
    [line] = [line for line in text.splitlines() if line.strip().startswith("author")]
    assert line == "  author = {{Allen AI} and Luis López}"  # (checked by hand: bk3's export)
    for key in ("garcia2020", "un-estudio"):
        status, out, err = _run(tmp_path, capsys, _bib(tmp_path, "papers.bib", "Un estudio", key=key,
                                                        authors="{Allen AI} and Luis López"))
        assert (status, err) == (0, ""), key
        assert "now" not in out and "0 conflict(s)" in out, (key, out)
        assert path.read_bytes() == edited, key
