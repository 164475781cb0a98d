"""A source record imported again with the arXiv id (or DOI) it lacked the first time is
its paper's update, said as one ("got its arXiv id"), not a duplicate merged."""

import datetime as dt

from generator.commands.import_cmd import print_report
from generator.importer import import_paths

DAY = dt.date(2026, 1, 2)
LATER = dt.date(2026, 1, 9)

# An RIS record without an ID (no citation key to know it by): its title, authors, year.
RIS = "TY  - JOUR\nTI  - LoRA: Low-Rank Adaptation of Large Language Models\nAU  - Hu, Edward\nPY  - 2021\n%sER  - \n"
PAPER = "lora-low-rank-adaptation-of-large-language-models"


def _first(tmp_path):
    source = tmp_path / "library.ris"
    source.write_text(RIS % "", encoding="utf-8")
    content = tmp_path / "content"
    assert import_paths([source], content, added=DAY).added == [PAPER]
    return source, content


def test_a_record_imported_again_with_its_arxiv_id_is_an_update_not_a_duplicate(tmp_path, capsys):
    source, content = _first(tmp_path)
    source.write_text(RIS % "UR  - https://arxiv.org/abs/2106.09685\n", encoding="utf-8")
    report = import_paths([source], content, added=LATER)
    assert report.duplicates == [] and report.updated == [PAPER]
    assert [str(change) for change in report.gained_ids] == [
        f"arxiv: {PAPER} got its arXiv id 2106.09685 (from {source}:1:1, the source record imported before"
        " without one)"
    ]
    assert 'arxiv: "2106.09685"\n' in (content / "papers" / f"{PAPER}.yml").read_text(encoding="utf-8")
    print_report(report, False, "readinglist import")
    out = capsys.readouterr().out
    assert "duplicate" not in out.replace("0 duplicate(s) merged", "")
    assert f"arxiv: {PAPER} got its arXiv id 2106.09685" in out
    # Imported once more: nothing new to say.
    again = import_paths([source], content, added=LATER)
    assert (again.duplicates, again.gained_ids, again.unchanged) == ([], [], [PAPER])


def test_a_record_with_the_title_and_its_own_authors_is_still_a_duplicate(tmp_path):
    # Another source naming the paper (its authors written its own way) is no re-import.
    source, content = _first(tmp_path)
    other = tmp_path / "other.ris"
    other.write_text(
        (RIS % "UR  - https://arxiv.org/abs/2106.09685\n").replace("AU  - Hu, Edward\n", "AU  - Hu, E.\nAU  - Shen, Y.\n"),
        encoding="utf-8",
    )
    report = import_paths([other], content, added=LATER)
    assert [str(d) for d in report.duplicates] == [f"{other}:1:1: already in the list as {PAPER} (same title): merged into its file"]
    assert report.gained_ids == []


def test_an_arxiv_id_the_curator_wrote_meanwhile_is_neither_said_nor_a_duplicate(tmp_path):
    source, content = _first(tmp_path)
    path = content / "papers" / f"{PAPER}.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("year: 2021\n", "year: 2021\narxiv: '2106.09685'\n"), encoding="utf-8")
    source.write_text(RIS % "UR  - https://arxiv.org/abs/2106.09685\n", encoding="utf-8")
    report = import_paths([source], content, added=LATER)
    assert (report.duplicates, report.gained_ids) == ([], [])


def test_another_papers_record_under_a_title_a_list_gave_alone_is_still_a_duplicate(tmp_path):
    # An awesome list named the paper by its title alone (no authors, year or abstract to
    # tell its record by); a .bib's entry of that title, its own authors, year and DOI,
    # is another source, perhaps of another paper: said as a duplicate merged, not as the
    # list's record imported again with its DOI.
    listing = tmp_path / "awesome.md"
    listing.write_text("# Papers\n\n- [Attention Is All You Need](https://openreview.net/forum?id=abc123)\n", encoding="utf-8")
    content = tmp_path / "content"
    assert import_paths([listing], content, added=DAY).added == ["attention-is-all-you-need"]
    bib = tmp_path / "refs.bib"
    bib.write_text(
        "@article{lee2019, title = {Attention Is All You Need}, author = {Lee, Kim}, year = {2019},"
        " journal = {Journal of Tests}, doi = {10.1234/jot.2019.7}}\n",
        encoding="utf-8",
    )
    report = import_paths([bib], content, added=LATER)
    assert report.gained_ids == []
    assert [str(d) for d in report.duplicates] == [
        f"{bib}:1:1: already in the list as attention-is-all-you-need (same title): merged into its file"]
