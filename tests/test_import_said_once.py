"""What an input holds that every import of it would say again with nothing for the
curator to do (hunt9, a lab's Zotero .bib: "keywords such as 'Computer Science - Machine
Learning' are arXiv's subject classes" at smith-lab.bib:31:1 on each weekly re-import,
`-q` too) is said when an entry it is about makes or changes a paper, not again; a real
problem of an unchanged file stays said each time."""

from generator.cli import main

ENTRY = """\
@misc{smith2020deep,
  title = {%s},
  author = {Smith, Ann},
  year = {2020},
  eprint = {2001.00001},
  keywords = {Computer Science - Machine Learning, planning},
}
@article{lee2019,
  title = {Another Study},
  author = {Lee, Min},
  journal = {Journal of Studies},
  year = {2019},
  doi = {not a doi},
}
"""
SUBJECTS = (
    "smith-lab.bib:1:1: warning: keywords such as 'Computer Science - Machine Learning' are"
    " arXiv's subject classes, which Zotero adds to each paper it saves from arXiv (1 entry in"
    " this file); left out of the tags"
)


def _import(tmp_path, capsys, title="Deep Planning"):
    (tmp_path / "mkdocs.yml").write_text("site_name: Lab\n")
    bib = tmp_path / "smith-lab.bib"
    bib.write_text(ENTRY % title, encoding="utf-8")
    status = main(["--root", str(tmp_path), "import", "-q", "--no-keep-source", str(bib)])
    out, err = capsys.readouterr()
    assert status == 0, err
    return out, [line.replace(f"{tmp_path}/", "") for line in err.splitlines()]


def test_the_arxiv_subject_classes_are_said_when_the_entry_is_new_or_changed_not_on_each_reimport(tmp_path, capsys):
    out, err = _import(tmp_path, capsys)
    assert "2 added" in out
    assert SUBJECTS in err
    # (the bad DOI: a problem in the file, said each time until the curator mends it)
    doi = [line for line in err if "not a doi" in line]
    assert len(doi) == 1 and doi[0].startswith("smith-lab.bib:")
    out, again = _import(tmp_path, capsys)
    assert "0 added, 0 updated, 2 unchanged" in out
    assert again == doi
    # The entry corrected in Zotero and exported again: its paper changes, said again.
    out, changed = _import(tmp_path, capsys, title="Deep Planning Revisited")
    assert "1 updated" in out or "1 added" in out
    assert SUBJECTS in changed


RIS = """\
TY  - JOUR
TI  - Deep Planning
AU  - Smith, Ann
PY  - 2020
KW  - Computer Science - Machine Learning
ER  - 
"""


def test_so_are_they_in_an_ris_export(tmp_path, capsys):
    (tmp_path / "mkdocs.yml").write_text("site_name: Lab\n")
    ris = tmp_path / "smith-lab.ris"
    ris.write_text(RIS, encoding="utf-8")
    said = []
    for _ in range(2):
        status = main(["--root", str(tmp_path), "import", "-q", "--no-keep-source", str(ris)])
        out, err = capsys.readouterr()
        assert status == 0, err
        said.append([line for line in err.splitlines() if "arXiv's subject classes" in line])
    assert [len(lines) for lines in said] == [1, 0]
    assert said[0][0].endswith("smith-lab.ris:5:1: warning: keywords such as 'Computer Science -"
                               " Machine Learning' are arXiv's subject classes, which Zotero adds to"
                               " each paper it saves from arXiv (1 record in this file); left out of the tags")
