"""The inputs `readinglist import` keeps in content/sources/: each content once, and an
edited file's new version in place of the copies no paper needs any more."""

import hashlib
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


def beside(root: Path, text: str, name: str = "lab.bib") -> str:
    """The name ``text`` is kept under beside the first copy of ``name``."""
    stem, suffix = name.rsplit(".", 1)
    return f"{stem}-{hashlib.sha256(text.encode()).hexdigest()[:8]}.{suffix}"


def test_an_edit_the_papers_follow_replaces_the_copy_kept_beside_the_first(lab, capsys):
    # (Each re-import of an edited .bib kept another copy: lab.bib, lab-1a2b3c4d.bib, ...)
    first = bib()
    assert imported(lab, first, capsys) == [f"kept a copy of {lab / 'lab.bib'} as {lab}/content/sources/lab.bib"]
    second = bib(authors="Smith, John and Doe, Jane and Roe, Rick")
    assert imported(lab, second, capsys) == [
        f"kept a copy of {lab / 'lab.bib'} as {lab}/content/sources/{beside(lab, second)}"
    ]
    third = bib(authors="Smith, John and Doe, Jane and Roe, Rick and Poe, Ed")
    said = imported(lab, third, capsys)
    # The author list the import wrote takes its record's correction: no paper holds
    # the second version's any more. The first copy, of the input's own name, stays
    # (it may be a curator's: only a copy named by its digest is the import's own).
    assert paper(lab)["authors"] == ["John Smith", "Jane Doe", "Rick Roe", "Ed Poe"]
    assert kept(lab) == {"lab.bib": first, beside(lab, third): third}
    assert said == [
        f"kept a copy of {lab / 'lab.bib'} as {lab}/content/sources/{beside(lab, third)}; removed the"
        f" earlier version {lab}/content/sources/{beside(lab, second)}: every value of it a paper"
        " holds, the copies kept give too"
    ]
    # The same bytes again: nothing kept, nothing said.
    assert imported(lab, third, capsys) == []
    assert kept(lab) == {"lab.bib": first, beside(lab, third): third}


def test_a_copy_a_paper_still_holds_values_of_stays(lab, capsys):
    first = bib()
    imported(lab, first, capsys)
    second = first + OTHER
    imported(lab, second, capsys)
    # A year the paper keeps as a conflict: the second copy is where its year comes from.
    third = first + OTHER.replace("2021", "2022")
    imported(lab, third, capsys)
    assert paper(lab, "another-paper")["year"] == 2021
    assert kept(lab) == {"lab.bib": first, beside(lab, second): second, beside(lab, third): third}
    # A fourth version that only adds an author, which the paper follows: the third copy
    # is needed no more (its year is in the fourth), the second still is.
    fourth = third.replace("{Doe, Jane}, journal", "{Doe, Jane and Roe, Rick}, journal")
    [said] = imported(lab, fourth, capsys)
    assert kept(lab) == {"lab.bib": first, beside(lab, second): second, beside(lab, fourth): fourth}
    assert said.endswith(f"; removed the earlier version {lab}/content/sources/{beside(lab, third)}:"
                         " every value of it a paper holds, the copies kept give too")
    # The curator takes the source's year: then nothing the second copy alone gave is
    # held, and the next version replaces both.
    path = lab / "content" / "papers" / "another-paper.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("year: 2021", "year: 2022"), encoding="utf-8")
    fifth = fourth + "\n@misc{x, title = {Third Paper}}\n"
    [said] = imported(lab, fifth, capsys)
    assert kept(lab) == {"lab.bib": first, beside(lab, fifth): fifth}
    removed = ", ".join(f"{lab}/content/sources/{name}" for name in sorted([beside(lab, second), beside(lab, fourth)]))
    assert said.endswith(f"; removed the earlier versions {removed}: every value of them a paper holds, the copies kept give too")


def test_a_record_the_new_version_lacks_keeps_its_copy_while_its_paper_is_on_the_list(lab, capsys):
    imported(lab, OTHER, capsys)
    both = bib(more=OTHER)
    imported(lab, both, capsys)
    only_one = OTHER + "\n@misc{x, title = {Third Paper}}\n"
    imported(lab, only_one, capsys)
    # "A Study of Things" came from the second version alone
    assert kept(lab) == {"lab.bib": OTHER, beside(lab, both): both, beside(lab, only_one): only_one}
    # Once a curator deleted that paper (and an import recorded it), the copy is needed no more.
    (lab / "content" / "papers" / "a-study-of-things.yml").unlink()
    again = only_one + "\n@misc{y, title = {Fourth Paper}}\n"
    imported(lab, again, capsys)
    assert kept(lab) == {"lab.bib": OTHER, beside(lab, again): again}


def test_a_file_of_the_inputs_own_name_is_never_removed_nor_written_over(lab, capsys, tmp_path_factory):
    # A curator's own lab.bib, placed in content/sources/ and imported from there (or a
    # kept copy a curator annotated): a newer export of the same papers named lab.bib
    # replaced it (its values all in the new one).
    folder = lab / "content" / "sources"
    folder.mkdir()
    mine = "% My own notes on these papers.\n" + bib()
    (folder / "lab.bib").write_text(mine, encoding="utf-8")
    assert main(["--root", str(lab), "import", str(folder / "lab.bib")]) == 0
    newer = bib(authors="Smith, John and Doe, Jane and Roe, Rick")
    imported(lab, newer, capsys)
    assert kept(lab) == {"lab.bib": mine, beside(lab, newer): newer}
    # Nor through a link: a curator's file kept elsewhere, linked as the copy of its name.
    (folder / "lab.bib").unlink()
    elsewhere = tmp_path_factory.mktemp("elsewhere") / "lab.bib"
    elsewhere.write_text(mine, encoding="utf-8")
    (folder / "lab.bib").symlink_to(elsewhere)
    newest = bib(authors="Smith, John and Doe, Jane and Roe, Rick and Poe, Ed")
    imported(lab, newest, capsys)
    assert elsewhere.read_text(encoding="utf-8") == mine and (folder / "lab.bib").is_symlink()
    assert kept(lab) == {"lab.bib": mine, beside(lab, newest): newest}


def test_only_a_copy_named_by_its_own_digest_is_the_imports_to_remove(lab, capsys, tmp_path_factory):
    folder = lab / "content" / "sources"
    # A curator's input named like a kept copy ("lab-0badc0de.bib", not its contents'
    # digest), kept under its own name: it is no earlier version of lab.bib.
    other = tmp_path_factory.mktemp("other") / "lab-0badc0de.bib"
    other.write_text(bib(), encoding="utf-8")
    assert main(["--root", str(lab), "import", str(other)]) == 0
    imported(lab, OTHER, capsys)
    # A copy kept beside, which a curator has since annotated; and one linked.
    second = OTHER + bib()
    imported(lab, second, capsys)
    annotated = "% Checked by hand.\n" + second
    (folder / beside(lab, second)).write_text(annotated, encoding="utf-8")
    linked = OTHER + "\n@misc{x, title = {Third Paper}}\n"
    (folder / beside(lab, linked)).symlink_to(other)
    # A version that gives all their values and more: none is the import's own copy to remove.
    last = bib(authors="Smith, John and Doe, Jane and Roe, Rick", more=OTHER) + "\n@misc{x, title = {Third Paper}}\n"
    [said] = imported(lab, last, capsys)
    assert "removed" not in said
    assert set(kept(lab)) == {"lab.bib", "lab-0badc0de.bib", beside(lab, second), beside(lab, linked), beside(lab, last)}
    assert kept(lab)[beside(lab, second)] == annotated and (folder / beside(lab, linked)).is_symlink()


def test_two_inputs_of_one_name_in_one_import_keep_both(lab, capsys, tmp_path_factory):
    imported(lab, OTHER, capsys)
    a, b = (tmp_path_factory.mktemp(name) / "lab.bib" for name in "ab")
    a.write_text(OTHER + bib(), encoding="utf-8")
    b.write_text(OTHER + bib(authors="Smith, John and Doe, Jane and Roe, Rick"), encoding="utf-8")
    assert main(["--root", str(lab), "import", str(a), str(b)]) == 0
    # (b gives all a gives: it was the next version of a's copy, kept a moment before.)
    assert set(kept(lab)) == {"lab.bib", beside(lab, a.read_text()), beside(lab, b.read_text())}


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
    first = bib()
    imported(lab, first, capsys)
    second = bib(year="2021")  # (a conflict: the first copy stays)
    digest = hashlib.sha256(second.encode()).hexdigest()
    folder = lab / "content" / "sources"
    (folder / f"lab-{digest[:8]}.bib").write_text("someone else's\n", encoding="utf-8")
    imported(lab, second, capsys)
    assert kept(lab) == {"lab.bib": first, f"lab-{digest[:8]}.bib": "someone else's\n", f"lab-{digest[:16]}.bib": second}


def test_only_the_entries_a_new_version_does_not_hold_as_written_are_read_again():
    from generator.keptsources import _changed

    a, b = "@article{a, title = {A}}\n", "@article{b, title = {B}, year = {2020}}\n"
    edited = b.replace("2020", "2021")

    def changed(old: str, new: str, read_at=(1, 2, 3)) -> str | None:
        found = _changed(old.encode(), new.encode(), read_at, Path("lab.bib"), None)
        return None if found is None else found.decode()

    assert changed("% Zotero\n" + a + b, "% Zotero\n" + a + edited) == "% Zotero\n" + b
    assert changed(a + b, b + "\n" + a) is None  # (every entry there, in any order)
    # An entry there that gave no record (no title: left out) is no entry given.
    untitled = "@misc{x, note = {n}}\n"
    assert changed(untitled + a, untitled + a + b, read_at=(2,)) == untitled
    # Read whole where an entry may read otherwise in the other file: another @string,
    # header, a crossref; and where either is no BibTeX.
    for old, new in [
        ("@string{j = {J}}\n" + a + b, "@string{j = {K}}\n" + a + edited),
        ("% Zotero\n" + a + b, "% JabRef\n" + a + edited),
        (a + b.replace("}\n", ", crossref = {a}}\n"), a + edited),
        (a + b, "Get trending papers in your email inbox!\nA\nAn abstract.\n"),
    ]:
        assert changed(old, new) == old, (old, new)


def test_a_run_stopped_between_the_new_copy_and_the_removal_leaves_both_and_the_next_edit_removes_them(
    lab, capsys, monkeypatch
):
    first = bib()
    imported(lab, first, capsys)
    second = bib(authors="Smith, John and Doe, Jane and Roe, Rick")
    imported(lab, second, capsys)
    third = bib(authors="Smith, John and Doe, Jane and Roe, Rick and Poe, Ed")

    def stopped(path, missing_ok=False):
        raise KeyboardInterrupt  # (Ctrl-C, or the machine going down, at that moment)

    (lab / "lab.bib").write_text(third, encoding="utf-8")
    with monkeypatch.context() as patched:
        patched.setattr(Path, "unlink", stopped)
        assert main(["--root", str(lab), "import", str(lab / "lab.bib")]) == 130  # (the CLI's for Ctrl-C)
    copies = {"lab.bib": first, beside(lab, second): second, beside(lab, third): third}
    assert kept(lab) == copies
    # The same import again: its copy is there; nothing removed, nothing said.
    assert imported(lab, third, capsys) == []
    assert kept(lab) == copies
    fourth = third + OTHER
    imported(lab, fourth, capsys)
    assert kept(lab) == {"lab.bib": first, beside(lab, fourth): fourth}
