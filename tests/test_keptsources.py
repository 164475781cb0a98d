"""The inputs `readinglist import` keeps in content/sources/: each content once, and an
edited file's new version in place of the copies no paper needs any more."""

from pathlib import Path

import pytest
import yaml

from generator.cli import main
from generator.ingest import Record
from generator.errors import Location
from generator.links import make_link
from generator.keptsources import Version, keep, not_given

ENTRY = """@inproceedings{{smith2020,
  title = {{{title}}},
  author = {{{authors}}},
  booktitle = {{Advances in Neural Information Processing Systems}},
  year = {{{year}}},
  abstract = {{{abstract}}},
}}
"""
OTHER = "@article{doe2021, title = {Another Paper}, author = {Doe, Jane}, journal = {J}, year = {2021}}\n"


def bib(title="A Study of Things", authors="Smith, John and Doe, Jane", year="2020",
        abstract="We study things. Code at https://github.com/smith/things.", more=""):
    return ENTRY.format(title=title, authors=authors, year=year, abstract=abstract) + more


@pytest.fixture
def lab(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: Lab\n")
    (tmp_path / "content").mkdir()
    return tmp_path


def imported(root: Path, text: str, capsys, name: str = "lab.bib") -> list[str]:
    """Writes the curator's ``name`` as ``text``, imports it; what the command said of it."""
    (root / name).write_text(text, encoding="utf-8")
    assert main(["--root", str(root), "import", str(root / name)]) == 0
    return [line for line in capsys.readouterr().out.splitlines() if line.startswith("kept ")]


def kept(root: Path) -> dict[str, str]:
    folder = root / "content" / "sources"
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.iterdir()) if p.name != "imported.json"}


def paper(root: Path, paper_id: str = "a-study-of-things") -> dict:
    return yaml.safe_load((root / "content" / "papers" / f"{paper_id}.yml").read_text(encoding="utf-8"))


def test_an_edit_the_papers_follow_replaces_the_kept_copy(lab, capsys):
    # (Each re-import of an edited .bib kept another copy: lab.bib, lab-1a2b3c4d.bib, ...)
    first = bib()
    assert imported(lab, first, capsys) == [f"kept a copy of {lab / 'lab.bib'} as {lab}/content/sources/lab.bib"]
    corrected = bib(authors="Smith, John and Doe, Jane and Roe, Rick")
    said = imported(lab, corrected, capsys)
    # The author list the import wrote takes its record's correction: no paper holds
    # the first version's any more.
    assert paper(lab)["authors"] == ["John Smith", "Jane Doe", "Rick Roe"]
    assert kept(lab) == {"lab.bib": corrected}
    assert said == [
        f"kept a copy of {lab / 'lab.bib'} as {lab}/content/sources/lab.bib, replacing the"
        " earlier copy, whose values the papers no longer hold"
    ]
    # The same bytes again: nothing kept, nothing said.
    assert imported(lab, corrected, capsys) == []
    assert kept(lab) == {"lab.bib": corrected}


def test_a_copy_a_paper_still_holds_values_of_stays_and_the_next_version_replaces_its_own(lab, capsys):
    first = bib()
    imported(lab, first, capsys)
    # A year and an abstract the paper keeps as conflicts: the first copy is where its
    # year, abstract and code link (found in that abstract) come from.
    second = bib(year="2021", abstract="We study many things.")
    [said] = imported(lab, second, capsys)
    assert paper(lab)["year"] == 2020
    copies = kept(lab)
    assert copies.pop("lab.bib") == first
    [(name, text)] = copies.items()
    assert text == second and name.startswith("lab-") and said.endswith(f"sources/{name}")
    # A third version that only adds an author, which the paper follows: the second copy
    # is needed no more (its year and abstract are in the third), the first still is.
    third = bib(year="2021", abstract="We study many things.", authors="Smith, John and Doe, Jane and Roe, Rick")
    [said] = imported(lab, third, capsys)
    copies = kept(lab)
    assert copies.pop("lab.bib") == first
    [(third_name, text)] = copies.items()
    assert text == third and third_name != name
    assert said.endswith(f", replacing {lab}/content/sources/{name}, whose values the papers no longer hold")
    # The curator takes the source's year and abstract, and drops the code link: then
    # nothing of the first copy is held, and the next version replaces both.
    path = lab / "content" / "papers" / "a-study-of-things.yml"
    text = path.read_text(encoding="utf-8").replace("year: 2020", "year: 2021")
    text = text.replace("abstract: We study things. Code at https://github.com/smith/things.", "abstract: We study many things.")
    text = text.replace("    - url: https://github.com/smith/things\n      found_in: abstract\n", "")
    path.write_text(text.replace("  code:\n  project:", "  code: []\n  project:"), encoding="utf-8")
    fourth = third + OTHER
    imported(lab, fourth, capsys)
    assert kept(lab) == {"lab.bib": fourth}


def test_a_record_the_new_version_lacks_keeps_its_copy_while_its_paper_is_on_the_list(lab, capsys):
    both = bib(more=OTHER)
    imported(lab, both, capsys)
    only_one = OTHER
    imported(lab, only_one, capsys)
    assert len(kept(lab)) == 2  # "A Study of Things" came from the first alone
    # Once a curator deleted that paper (and an import recorded it), the copy is needed no more.
    (lab / "content" / "papers" / "a-study-of-things.yml").unlink()
    again = OTHER + "\n@misc{x, title = {Third Paper}}\n"
    imported(lab, again, capsys)
    assert kept(lab) == {"lab.bib": again}


def test_the_same_content_under_another_name_is_not_kept_again(lab, capsys):
    text = bib()
    imported(lab, text, capsys)
    assert imported(lab, text, capsys, name="copy-of-lab.bib") == []
    assert kept(lab) == {"lab.bib": text}


def test_a_copy_that_no_longer_reads_is_kept(lab, capsys):
    folder = lab / "content" / "sources"
    imported(lab, bib(), capsys)
    (folder / "lab.bib").write_text("@article{broken, title = {A Study of Things}\n", encoding="utf-8")
    imported(lab, bib(authors="Smith, John"), capsys)
    assert len(kept(lab)) == 2


def test_the_importers_own_record_is_never_a_copy_to_replace(lab, capsys):
    folder = lab / "content" / "sources"
    imported(lab, bib(), capsys)
    record = (folder / "imported.json").read_bytes()
    result = keep("imported.json", folder, b'{"not": "a record"}')
    assert result is not None and result.path.name.startswith("imported-") and result.replaced == ()
    assert (folder / "imported.json").read_bytes() == record


def _record(title, **values):
    return Record(title=title, abstract=values.pop("abstract", ""), source=Location("x.bib", 1, 1), **values)


def test_a_record_is_found_in_another_version_by_key_then_ids_then_title():
    old = _record("Old Title", key="k1", key_source="bibtex", doi="10.1/A")

    def found(*records):
        return Version(records).counterpart(old)

    assert found(_record("New Title", key="K1", key_source="bibtex")).title == "New Title"
    # Another exporter's key is another record: the DOI finds it, in any capitals.
    assert found(_record("By DOI", key="k1", key_source="jabref", doi="10.1/a")).title == "By DOI"
    assert found(_record("Another Paper"), _record("old title!")).title == "old title!"
    assert found(_record("Another Paper")) is None


def test_what_a_record_gives_that_no_other_version_does():
    old = _record("T", year="2020", authors=("A", "B"), tags=("x",), venue="NeurIPS")
    new = _record("T", year="2020", authors=("A", "C"), venue="neurips ")
    # (A venue in other capitals or spacing is the same value, as a recapitalising import writes it.)
    assert not_given(old, [new]) == [("authors", "B"), ("tags", "x")]
    assert not_given(old, [new, _record("T", authors=("B",), tags=("x",))]) == []
    assert not_given(old, [None]) == [("title", "T"), ("year", "2020"), ("venue", "NeurIPS"),
                                      ("authors", "A"), ("authors", "B"), ("tags", "x")]
    # A link by its address as the importer compares them; the curator's note too.
    linked = _record("T", links=(make_link("https://github.com/o/r", "abstract"),), notes="Read it.")
    assert not_given(linked, [_record("T", links=(make_link("http://www.github.com/o/r/", "abstract"),))]) == [
        ("notes", "Read it.")
    ]


def test_a_copy_kept_beside_another_never_writes_over_a_file_of_its_name(lab, capsys):
    import hashlib

    first = bib()
    imported(lab, first, capsys)
    second = bib(year="2021")  # (a conflict: the first copy stays)
    digest = hashlib.sha256(second.encode()).hexdigest()
    folder = lab / "content" / "sources"
    (folder / f"lab-{digest[:8]}.bib").write_text("someone else's\n", encoding="utf-8")
    imported(lab, second, capsys)
    assert kept(lab) == {"lab.bib": first, f"lab-{digest[:8]}.bib": "someone else's\n", f"lab-{digest[:16]}.bib": second}
