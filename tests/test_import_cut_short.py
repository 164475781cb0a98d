"""An author list an earlier import cut short with "others" (a Markdown list's "Dettmers
et al., 2023"), untouched since, takes a later import's whole list of the same people."""

import datetime as dt

import pytest

from generator.errors import Problems
from generator.importer import import_records
from generator.ingest import parse_text
from generator.yamlio import parse, to_python

DAY = dt.date(2026, 1, 2)
LISTING = (
    "# Papers\n\n"
    "- [QLoRA: Efficient Finetuning of Quantized LLMs](https://arxiv.org/abs/2305.14314) (Dettmers et al., 2023)\n"
)
WHOLE = ("Tim Dettmers", "Artidoro Pagnoni", "Ari Holtzman", "Luke Zettlemoyer")


def _bib(authors: str) -> str:
    return (
        "@inproceedings{dettmers2023qlora,\n"
        "  title={{QLoRA}: Efficient Finetuning of Quantized {LLMs}},\n"
        f"  author={{{authors}}},\n"
        "  year={2023},\n  eprint={2305.14314},\n  archivePrefix={arXiv}\n}\n"
    )


WHOLE_BIB = _bib("Dettmers, Tim and Pagnoni, Artidoro and Holtzman, Ari and Zettlemoyer, Luke")


def _records(text, path):
    problems = Problems()
    records = parse_text(text, path, problems)
    assert not problems.items
    return records


def _listed(root):
    """The paper the Markdown list gave, and its file."""
    (paper_id,) = import_records(_records(LISTING, "list.md"), root, added=DAY).added
    path = root / "papers" / f"{paper_id}.yml"
    assert _authors(path) == ["Dettmers", "others"]
    return paper_id, path


def _authors(path):
    problems = Problems()
    return to_python(parse(path.read_text(encoding="utf-8"), str(path), problems))["authors"]


def test_a_list_an_earlier_import_cut_short_takes_a_later_sources_whole_list(tmp_path):
    paper_id, path = _listed(tmp_path)
    # A comment and a field the curator added elsewhere in the file stay byte for byte.
    text = path.read_text(encoding="utf-8")
    path.write_text("# from the lab's list\n" + text + "why: the 4-bit baseline  # read in May\n", encoding="utf-8")
    before = path.read_text(encoding="utf-8")
    report = import_records(_records(WHOLE_BIB, "refs.bib"), tmp_path, added=DAY)
    assert report.conflicts == [] and report.updated == [paper_id]
    assert _authors(path) == list(WHOLE)
    assert [str(change) for change in report.reauthored] == [
        f"authors: {paper_id} now 'Tim Dettmers; Artidoro Pagnoni; Ari Holtzman; Luke Zettlemoyer'"
        " (was 'Dettmers; others': it was cut short with 'others')"
    ]
    after = path.read_text(encoding="utf-8")
    # Only the authors' items changed: every other byte as it was.
    assert after == before.replace(
        "  - Dettmers\n  - others\n", "".join(f"  - {name}\n" for name in WHOLE)
    ) != before
    # The same sources again, either or both: nothing changes, nothing is said.
    for records in (_records(WHOLE_BIB, "refs.bib"), _records(LISTING, "list.md") + _records(WHOLE_BIB, "refs.bib")):
        again = import_records(records, tmp_path, added=DAY)
        assert again.updated == [] and again.reauthored == [] and again.conflicts == [] and again.kept == []
        assert path.read_text(encoding="utf-8") == after


def test_a_list_the_file_writes_in_brackets_takes_the_whole_list_in_brackets(tmp_path):
    # The curator wrote the import's list on one line: the whole list stays on one line,
    # and every other byte of the file as it was (was: an item a line).
    paper_id, path = _listed(tmp_path)
    text = path.read_text(encoding="utf-8")
    path.write_text(
        "# from the lab's list\n"
        + text.replace("authors:\n  - Dettmers\n  - others\n", "authors: [Dettmers, others]\n")
        + "why: the 4-bit baseline  # read in May\n",
        encoding="utf-8",
    )
    before = path.read_bytes()
    assert b"authors: [Dettmers, others]\n" in before
    report = import_records(_records(WHOLE_BIB, "refs.bib"), tmp_path, added=DAY)
    assert report.conflicts == [] and report.updated == [paper_id] and len(report.reauthored) == 1
    assert path.read_bytes() == before.replace(
        b"authors: [Dettmers, others]\n",
        b"authors: [Tim Dettmers, Artidoro Pagnoni, Ari Holtzman, Luke Zettlemoyer]\n",
    )
    assert _authors(path) == list(WHOLE)


def test_initials_and_surname_first_forms_are_the_same_named_authors(tmp_path):
    # The file's "Dettmers" against "Dettmers, T." and a Markdown list's given names
    # against a BibTeX file's initials: one person each (the importer's name matching).
    listing = LISTING.replace("(Dettmers et al., 2023)", "- Tim Dettmers, Artidoro Pagnoni et al., 2023")
    (paper_id,) = import_records(_records(listing, "list.md"), tmp_path, added=DAY).added
    path = tmp_path / "papers" / f"{paper_id}.yml"
    assert _authors(path) == ["Tim Dettmers", "Artidoro Pagnoni", "others"]
    initials = _bib("Dettmers, T. and Pagnoni, A. and Holtzman, A. and Zettlemoyer, L.")
    report = import_records(_records(initials, "refs.bib"), tmp_path, added=DAY)
    assert report.conflicts == [] and len(report.reauthored) == 1
    assert _authors(path) == ["T. Dettmers", "A. Pagnoni", "A. Holtzman", "L. Zettlemoyer"]


@pytest.mark.parametrize("edit, bib", [
    # The curator's own spelling since: theirs.
    (("- Dettmers\n", "- T. Dettmers\n"), WHOLE_BIB),
    # A comment on the list: theirs (as for a source record's correction).
    (("- others\n", "- others  # as the talk cited it\n"), WHOLE_BIB),
    # The file's named author not first in the source's list: other people.
    (None, _bib("Pagnoni, Artidoro and Dettmers, Tim and Holtzman, Ari and Zettlemoyer, Luke")),
], ids=["edited", "commented", "other order"])
def test_a_cut_short_list_edited_commented_or_of_others_stays_a_conflict(tmp_path, edit, bib):
    paper_id, path = _listed(tmp_path)
    if edit is not None:
        path.write_text(path.read_text(encoding="utf-8").replace(*edit), encoding="utf-8")
    before = path.read_text(encoding="utf-8")
    report = import_records(_records(bib, "refs.bib"), tmp_path, added=DAY)
    assert report.reauthored == [] and [c.field for c in report.conflicts] == ["authors"]
    assert path.read_text(encoding="utf-8") == before


def test_a_later_list_cut_short_too_changes_nothing(tmp_path):
    paper_id, path = _listed(tmp_path)
    before = path.read_text(encoding="utf-8")
    scholar = _bib("Dettmers, Tim and Pagnoni, Artidoro and others")
    report = import_records(_records(scholar, "scholar.bib"), tmp_path, added=DAY)
    assert report.reauthored == [] and report.updated == []
    assert path.read_text(encoding="utf-8") == before


def test_a_cut_short_list_a_curator_typed_that_an_import_only_met_stays_a_conflict(tmp_path):
    # The curator's own file, "Dettmers et al." as they wrote it; the Markdown list's
    # record then matched it (its arXiv id) and offered the same list: met, not written.
    papers = tmp_path / "papers"
    papers.mkdir()
    path = papers / "qlora.yml"
    path.write_text(
        "id: qlora\ntitle: \"QLoRA: Efficient Finetuning of Quantized LLMs\"\nauthors:\n  - Dettmers\n  - others\n"
        "year: 2023\narxiv: \"2305.14314\"\n",
        encoding="utf-8",
    )
    listed = import_records(_records(LISTING, "list.md"), tmp_path, added=DAY)
    assert listed.added == [] and listed.conflicts == []
    before = path.read_text(encoding="utf-8")
    report = import_records(_records(WHOLE_BIB, "refs.bib"), tmp_path, added=DAY)
    assert report.reauthored == [] and [c.field for c in report.conflicts] == ["authors"]
    assert path.read_text(encoding="utf-8") == before
