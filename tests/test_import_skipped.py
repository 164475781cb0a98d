"""What `readinglist import` says of the parts of its inputs it took no paper from: a
Markdown list's items that name no paper (badges, a table of contents, a code base),
BibTeX entries and RIS records without a title. Counted in the summary line, the
same way for every format, and said kind by kind with the first few places.

Every expected line below was written by hand from the inputs.
"""

import pytest

from generator.cli import main
from generator.errors import Location, Skipped
from generator.importreport import ImportReport

NOTHING_SKIPPED = "0 conflict(s), 0 link(s) found\n"


@pytest.fixture(autouse=True)
def project(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: Lab\n")


def _import(tmp_path, capsys, *names):
    assert main(["--root", str(tmp_path), "import", "-q", *(str(tmp_path / name) for name in names)]) == 0
    return capsys.readouterr()


LIST = """# Awesome Multi-Task Learning

- [Survey](#survey)
- [Methods](#methods)

## Methods

- [Attention Is All You Need](https://arxiv.org/abs/1706.03762) - NeurIPS 2017
- [LibMTL](https://github.com/median-research-group/LibMTL): a library
- See: [MGDA](http://arxiv.org/abs/1810.04650), [PCGrad](https://arxiv.org/abs/2001.06782)

| Name | Code |
|---|---|
| LibMTL | [code](https://github.com/median-research-group/LibMTL) |
"""


def test_a_lists_items_that_name_no_paper_are_counted_and_said_where(tmp_path, capsys):
    (tmp_path / "list.md").write_text(LIST)
    out, err = _import(tmp_path, capsys, "list.md")
    path = tmp_path / "list.md"
    assert out == (
        "1 record(s): 1 added, 0 updated, 0 unchanged; of which 0 duplicate(s) merged;"
        " 0 conflict(s), 0 link(s) found; 5 skipped in the input (no paper taken: see the warnings and notes)\n"
    )
    # (fix19) The item that links several papers is said by its warning alone, not in a
    # note as well: counted all the same.
    assert err.splitlines()[1:] == [
        f"note: 2 list items skipped: a link to a heading of the list (table of contents): {path}:3:1, {path}:4:1",
        f"note: 1 list item skipped: not a paper (no paper link, nor a title with a venue or year): {path}:9:1",
        f"note: 1 table row skipped: not a paper (no paper link, nor a title with a venue or year): {path}:14:1",
    ]
    assert err.splitlines()[0].startswith(f"{path}:10:1: warning: this item links 2 papers")


def test_many_skipped_items_are_one_line_with_the_first_few_places(tmp_path, capsys):
    badges = "".join(f"- [![badge](https://img.shields.io/b{n}.svg)](https://github.com/o/r{n})\n" for n in range(40))
    (tmp_path / "list.md").write_text(
        "# List\n\n" + badges + "- [Attention Is All You Need](https://arxiv.org/abs/1706.03762) - NeurIPS 2017\n"
    )
    out, err = _import(tmp_path, capsys, "list.md")
    path = tmp_path / "list.md"
    assert err == (
        "note: 40 list items skipped: not a paper (no paper link, nor a title with a venue or year):"
        f" {path}:3:1, {path}:4:1, {path}:5:1, and 37 more\n"
    )
    assert out.endswith("; 40 skipped in the input (no paper taken: see the notes)\n")


def test_entries_without_a_title_are_counted_alike_in_bibtex_and_ris(tmp_path, capsys):
    (tmp_path / "lab.bib").write_text(
        "@article{a, title = {A Paper}, year = {2020}}\n"
        "@article{b, author = {Smith, John}, year = {2020}}\n"
        "@misc{c, year = {2021}}\n"
    )
    (tmp_path / "lab.ris").write_text(
        "TY  - JOUR\nAU  - Smith, John\nPY  - 2020\nER  - \n\n"
        "TY  - JOUR\nTI  - Another Paper\nPY  - 2020\nER  - \n"
    )
    out, err = _import(tmp_path, capsys, "lab.bib", "lab.ris")
    bib, ris = tmp_path / "lab.bib", tmp_path / "lab.ris"
    assert out == (
        "2 record(s): 2 added, 0 updated, 0 unchanged; of which 0 duplicate(s) merged;"
        " 0 conflict(s), 0 link(s) found; 3 skipped in the input (no paper taken: see the warnings)\n"
    )
    # (fix19) Each is said once, by its warning, which says what to do: not again in a note.
    fix = "to import it, or delete the entry"
    assert err.splitlines() == [
        f"{bib}:2:1: warning: BibTeX entry 'b' has no title; skipped, nothing imported from it:"
        f" give it one (title = {{...}}) {fix}",
        f"{bib}:3:1: warning: BibTeX entry 'c' has no title; skipped, nothing imported from it:"
        f" give it one (title = {{...}}) {fix}",
        f"{ris}:1:1: warning: RIS record (JOUR) has no title (TI or T1); skipped, nothing imported"
        " from it: give it one (a line 'TI  - ...') to import it, or delete the record",
    ]


def test_an_import_that_skips_nothing_says_what_it_said_before(tmp_path, capsys):
    (tmp_path / "lab.bib").write_text("@article{a, title = {A Paper}, year = {2020}}\n")
    out, err = _import(tmp_path, capsys, "lab.bib")
    assert out.endswith("; " + NOTHING_SKIPPED) and "skipped" not in out
    assert err == ""


def test_the_notes_count_in_the_singular_and_plural_in_the_order_each_kind_first_stands():
    report = ImportReport(skipped=[
        Skipped(Location("a.bib", 9, 1), "BibTeX entry", "no title"),
        Skipped(Location("l.md", 3, 1), "list item", "news"),
        Skipped(Location("a.bib", 12, 1), "BibTeX entry", "no title"),
    ])
    assert report.skipped_notices() == [
        "note: 2 BibTeX entries skipped: no title: a.bib:9:1, a.bib:12:1",
        "note: 1 list item skipped: news: l.md:3:1",
    ]
    assert report.summary().endswith("; 3 skipped in the input (no paper taken: see the notes)")
    assert ImportReport().skipped_notices() == []
    # One a warning said already is counted, and not said again in a note.
    report.skipped.append(Skipped(Location("a.bib", 14, 1), "BibTeX entry", "no title", warned=True))
    assert len(report.skipped_notices()) == 2 and "2 BibTeX entries" in report.skipped_notices()[0]
    assert report.summary().endswith("; 4 skipped in the input (no paper taken: see the warnings and notes)")


def test_an_item_over_nested_items_is_said_to_head_them(tmp_path, capsys):
    # "- Vision" groups the papers nested under it: said apart from the items that name
    # no paper, so that a curator reading the note does not look for a lost paper there.
    (tmp_path / "list.md").write_text(
        "# List\n\n"
        "- Vision\n"
        "  - [Deep Residual Learning](https://arxiv.org/abs/1512.03385) - CVPR 2016\n"
        "  - [LibMTL](https://github.com/median-research-group/LibMTL): a library\n"
        "- **Language**\n"
        "  1. [Attention Is All You Need](https://arxiv.org/abs/1706.03762) - NeurIPS 2017\n"
    )
    out, err = _import(tmp_path, capsys, "list.md")
    path = tmp_path / "list.md"
    assert err.splitlines() == [
        f"note: 2 list items skipped: a heading of the items nested in it: {path}:3:1, {path}:6:1",
        # (at the nested item's "-", column 3, not 1: fix19)
        f"note: 1 list item skipped: not a paper (no paper link, nor a title with a venue or year): {path}:5:3",
    ]
    assert out.endswith("; 3 skipped in the input (no paper taken: see the notes)\n")


def test_a_skipped_item_is_placed_at_its_own_column(tmp_path, capsys):
    # (fix19) Every place said column 1: a nested item's "-", an item in a block quote,
    # a numbered item indented and an indented table row stand further in.
    (tmp_path / "list.md").write_text(
        "# List\n\n"
        "- [Attention Is All You Need](https://arxiv.org/abs/1706.03762) - NeurIPS 2017\n"
        "  - [LibMTL](https://github.com/median-research-group/LibMTL): a library\n"
        "\n"
        "> - [Another code base](https://github.com/o/r)\n"
        "\n"
        "   1. See: [MGDA](http://arxiv.org/abs/1810.04650), [PCGrad](https://arxiv.org/abs/2001.06782)\n"
        "\n"
        "| Name | Code |\n"
        "|---|---|\n"
        "  | LibMTL | [code](https://github.com/median-research-group/LibMTL) |\n"
    )
    out, err = _import(tmp_path, capsys, "list.md")
    path = tmp_path / "list.md"
    not_a_paper = "not a paper (no paper link, nor a title with a venue or year)"
    assert err.splitlines() == [
        f"{path}:8:4: warning: this item links 2 papers (http://arxiv.org/abs/1810.04650,"
        " https://arxiv.org/abs/2001.06782); not imported: give each paper an item of its own to import it",
        f"note: 2 list items skipped: {not_a_paper}: {path}:4:3, {path}:6:3",
        f"note: 1 table row skipped: {not_a_paper}: {path}:12:3",
    ]
    assert out.endswith("; 4 skipped in the input (no paper taken: see the warnings and notes)\n")
