"""A Markdown list's full references as citation styles write them after a linked title
(md4): a journal between the authors and its publisher, "In <proceedings>" after a
comma, a society as the publisher of proceedings (ACM, IEEE, Curran Associates), a
Springer volume's title with its dash, APA's "In Proceedings of X (pp. 1-10).", IEEE's
names before a quoted title; and talks, which are no papers.

Every expected value was read off the item by hand. Each case below was read otherwise
before md4: the journal or "In NeurIPS" an author, the society the venue and the
proceedings lost (with the authors before them), the volume cut at its dash and its
author lost, no venue, no authors, a keynote imported as a paper.
"""

import datetime as dt
import re

import pytest

from generator.cli import main
from generator.errors import Problems
from generator.importer import import_paths
from generator.ingest import markdownlist, parse_text
from tests.ingest.test_markdown_list_publishers import imported_again_unchanged, imported_before

DAY = dt.date(2026, 1, 1)
LINK = "[Bagging Predictors](https://example.org/bagging.pdf)"


def _parse(item):
    problems = Problems()
    return parse_text("# A List\n\n" + item + "\n", "list.md", problems, "markdown"), problems


def _read(item):
    records, problems = _parse(item)
    assert not problems, problems.format()
    (record,) = records
    return record


REFERENCES = [
    # 1. a journal between the authors and its publisher, as Breiman's paper is cited
    (f"- {LINK} - Leo Breiman, Machine Learning, Springer, 1996.",
     ("Leo Breiman",), "Machine Learning", "Springer", "1996"),
    (f"- {LINK} - Leo Breiman, *Machine Learning*, Springer, 1996.",
     ("Leo Breiman",), "Machine Learning", "Springer", "1996"),
    (f"- {LINK} - Jane Smith, John Doe, Neural Computation, MIT Press, 1997.",
     ("Jane Smith", "John Doe"), "Neural Computation", "MIT Press", "1997"),
    # 2. "In <proceedings>" after a comma: never an author, nor its publisher
    (f"- {LINK} - Jane Smith, John Doe, In NeurIPS, Curran Associates, 2019.",
     ("Jane Smith", "John Doe"), "NeurIPS", "Curran Associates", "2019"),
    (f"- {LINK} - Jane Smith and John Doe. In NeurIPS, Curran Associates, 2019.",
     ("Jane Smith", "John Doe"), "NeurIPS", "Curran Associates", "2019"),
    # 3. a society or printer publishing the proceedings or the journal
    (f"- {LINK} - Jane Smith. In: Proceedings of KDD, ACM, 2019.",
     ("Jane Smith",), "Proceedings of KDD", "ACM", "2019"),
    (f"- {LINK} - Jane Smith. Proceedings of the IEEE, IEEE, 2019.",
     ("Jane Smith",), "Proceedings of the IEEE", "IEEE", "2019"),
    # 4. a Springer volume's title, its conference after a dash (hyphen or en dash)
    (f"- {LINK} - Jane Smith. In Computer Vision - ECCV 2018, Springer, 2018.",
     ("Jane Smith",), "Computer Vision - ECCV 2018", "Springer", "2018"),
    (f"- {LINK} - Jane Smith. In Computer Vision – ECCV 2018, Springer, 2018.",
     ("Jane Smith",), "Computer Vision – ECCV 2018", "Springer", "2018"),
    # 5. APA's proceedings with their pages, with a publisher after them or none
    (f"- {LINK} - Smith, J., & Doe, J. (2019). In Proceedings of KDD (pp. 1-10). ACM.",
     ("J. Smith", "J. Doe"), "Proceedings of KDD", "ACM", "2019"),
    (f"- {LINK} - Smith, J., & Doe, J. (2019). In Proceedings of KDD (pp. 1-10).",
     ("J. Smith", "J. Doe"), "Proceedings of KDD", "", "2019"),
    # 6. (rev108) an emphasised journal whose words read as no person's: the names before
    # it were lost, the journal the only author
    (f"- {LINK} - Leo Breiman, *Annals of Statistics*, Springer, 1996.",
     ("Leo Breiman",), "Annals of Statistics", "Springer", "1996"),
    (f"- {LINK} - José Núñez, *Journal of $\\alpha$-Things*, Springer, 1996.",
     ("José Núñez",), "Journal of $\\alpha$-Things", "Springer", "1996"),
    (f"- {LINK} - Leo Breiman, *Annals of Statistics*, 2001.", ("Leo Breiman",), "Annals of Statistics", "", "2001"),
]


@pytest.mark.parametrize("item, authors, venue, publisher, year", REFERENCES)
def test_a_references_venue_publisher_and_authors_are_read_as_a_citation_manager_reads_them(
    item, authors, venue, publisher, year
):
    record = _read(item)
    assert (record.title, record.authors, record.venue, record.publisher, record.year) == (
        "Bagging Predictors", authors, venue, publisher, year
    )


def test_ieee_names_before_a_quoted_title_are_its_authors():
    record = _read(f'- J. Smith, B. Doe, "{LINK}," in Proc. KDD, 2019, pp. 1-10.')
    assert (record.title, record.authors, record.year) == ("Bagging Predictors", ("J. Smith", "B. Doe"), "2019")


def test_words_between_the_authors_and_the_publisher_that_name_no_one_are_the_venue_and_said():
    # (ambiguous: a journal's, a series' or a book's name; no one's: not an author)
    records, problems = _parse(f"- {LINK} - Leo Breiman, Deep Learning, Springer, 1996.")
    (record,) = records
    assert (record.authors, record.venue, record.publisher) == (("Leo Breiman",), "Deep Learning", "Springer")
    assert problems.format() == (
        "list.md:3:1: warning: 'Deep Learning' between the authors and the publisher 'Springer' is read as"
        " the venue (a journal's or a book's name), not as an author, as its words name no one; if it is an"
        " author's name, write the names before the title"
    )


# Guards, as before md4: two people's names before a publisher, a society alone.
@pytest.mark.parametrize("item, authors, venue, publisher", [
    (f"- {LINK} - Leo Breiman, Grace Hopper, Springer, 1996.", ("Leo Breiman", "Grace Hopper"), "Springer", ""),
    (f"- {LINK} - Jane Smith, ACM, 2019", ("Jane Smith",), "ACM", ""),
    (f"- {LINK} - L. Breiman. In Proceedings of ICML, Morgan Kaufmann, 1995.",
     ("L. Breiman",), "Proceedings of ICML", "Morgan Kaufmann"),
])
def test_names_and_a_society_alone_stay_as_they_were(item, authors, venue, publisher):
    record = _read(item)
    assert (record.authors, record.venue, record.publisher) == (authors, venue, publisher)


TALKS = [
    ("- Yann LeCun. The Power and Limits of Deep Learning. Keynote talk, NeurIPS, 2018.", "Keynote talk"),
    ("- Jane Smith. Causal Inference in Practice. Tutorial, ICML, 2019.", "Tutorial"),
    ("- Jane Smith. Causal Inference in Practice (slides). ICML 2019.", "slides"),
    ("- Jane Smith. Causal Inference in Practice. Invited talk at ICML 2019.", "Invited talk"),
]


@pytest.mark.parametrize("item, said", TALKS)
def test_a_talk_tutorial_or_slides_without_a_paper_is_skipped_and_said_at_its_line(item, said):
    records, problems = _parse(item)
    assert records == []
    assert problems.format() == (
        f"list.md:3:1: warning: this item says it is '{said}', not a paper, and links none; not imported:"
        " to import a paper of it, link the paper (its arXiv, DOI or PDF) in the item"
    )


# (a link to no paper, and a course's resources: skipped anyway, said in the notes of
# items skipped with why, not warned at each)
@pytest.mark.parametrize("item, why", [
    ("- [The Power and Limits of Deep Learning](https://example.org/talk) - Yann LeCun. Keynote talk, NeurIPS, 2018.",
     "a talk, tutorial or slides (Keynote talk)"),
    ("- [CS231n](https://cs231n.stanford.edu) - Lecture videos, slides", "a talk, tutorial or slides (Lecture videos)"),
])
def test_a_talk_that_would_be_skipped_anyway_is_said_in_the_notes_with_why(item, why):
    records, problems = _parse(item)
    assert records == [] and not [p for p in problems.items if p.severity.name == "WARNING"]
    (skipped,) = problems.skipped
    assert (skipped.location.line, skipped.location.col, skipped.why) == (3, 1, why)


def test_a_paper_in_lecture_notes_is_no_lecture():
    record = _read("- Jane Smith. Graph Things. Lecture Notes in Computer Science, Springer, 2019.")
    assert (record.title, record.authors, record.year) == ("Graph Things", ("Jane Smith",), "2019")


def test_a_paper_linked_beside_its_talk_is_still_imported():
    record = _read("- [Bagging Predictors](https://arxiv.org/abs/1706.03762) - Jane Smith. Invited talk, NeurIPS 2019.")
    assert (record.title, record.arxiv) == ("Bagging Predictors", "1706.03762")



# (rev108) A link's own text is no word of the item's: slides or a talk linked beside a
# paper's entry are the paper's, and "(Tutorial)" in a linked title is its title's.
@pytest.mark.parametrize("item, title, authors, venue", [
    ("- **Deep Residual Learning**. Kaiming He, Xiangyu Zhang. *CVPR 2016*. [Code](https://github.com/a/b) |"
     " [Slides](https://example.org/s)", "Deep Residual Learning", ("Kaiming He", "Xiangyu Zhang"), "CVPR"),
    ("- **Deep Residual Learning**. Kaiming He. *CVPR 2016*. [[Project]](https://example.org/p)"
     " [[Talk]](https://example.org/t)", "Deep Residual Learning", ("Kaiming He",), "CVPR"),
    ("- [Recurrent Networks (Tutorial)](https://example.org/p.html) - Jane Smith, ICML 2019.",
     "Recurrent Networks (Tutorial)", ("Jane Smith",), "ICML"),
])
def test_a_paper_with_its_slides_or_talk_linked_beside_it_is_imported(item, title, authors, venue):
    record = _read(item)
    assert (record.title, record.authors, record.venue) == (title, authors, venue)


# The whole command: the paper files it writes and what it says.

LIST = (
    "# A List\n\n"
    f"- {LINK} - Leo Breiman, Machine Learning, Springer, 1996.\n"
    "- [Mining Things](https://example.org/mining.pdf) - Jane Smith, John Doe, In NeurIPS, Curran Associates, 2019.\n"
    "- [Graph Things](https://example.org/graph.pdf) - Jane Smith. In: Proceedings of KDD, ACM, 2019.\n"
    "- Yann LeCun. The Power and Limits of Deep Learning. Keynote talk, NeurIPS, 2018.\n"
)


def test_the_import_command_writes_the_venue_and_publisher_and_skips_the_talk(tmp_path, capsys):
    (tmp_path / "mkdocs.yml").write_text("site_name: Lab\n")
    path = tmp_path / "list.md"
    path.write_text(LIST, encoding="utf-8")
    assert main(["--root", str(tmp_path), "import", "-q", str(path)]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("3 record(s): 3 added, 0 updated")
    assert out.endswith("; 1 skipped in the input (no paper taken: see the warnings)\n")
    assert err.splitlines()[0] == (
        f"{path}:6:1: warning: this item says it is 'Keynote talk', not a paper, and links none; not imported:"
        " to import a paper of it, link the paper (its arXiv, DOI or PDF) in the item"
    )
    papers = tmp_path / "content" / "papers"
    assert sorted(p.name for p in papers.glob("*.yml")) == ["bagging-predictors.yml", "graph-things.yml", "mining-things.yml"]
    bagging = (papers / "bagging-predictors.yml").read_text(encoding="utf-8")
    assert "authors:\n  - Leo Breiman\nyear: 1996\nvenue: Machine Learning\npublisher: Springer\n" in bagging
    mining = (papers / "mining-things.yml").read_text(encoding="utf-8")
    assert "authors:\n  - Jane Smith\n  - John Doe\nyear: 2019\nvenue: NeurIPS\npublisher: Curran Associates\n" in mining
    graph = (papers / "graph-things.yml").read_text(encoding="utf-8")
    assert "authors:\n  - Jane Smith\nyear: 2019\nvenue: Proceedings of KDD\npublisher: ACM\n" in graph


_OLD_SENTENCE_START = re.compile(r"(?:^|(?<=[.;|])|(?<=\s[-–—]))[ \t\-–—:,*_|]*(?P<in>[Ii]n:?[ \t]+)?(?=[^\W\d_])")


def _older(monkeypatch):
    """The reading before md4, as an earlier import wrote the list."""
    monkeypatch.setattr(markdownlist, "_SENTENCE_START", _OLD_SENTENCE_START)
    monkeypatch.setattr(markdownlist, "_SOCIETY_PUBLISHERS", frozenset())
    monkeypatch.setattr(markdownlist, "_journal_after_names", lambda sentence, commas: None)
    monkeypatch.setattr(markdownlist, "_TALK", re.compile(r"(?!)"))  # (the keynote imported as a paper)


def _import_before_and_now(tmp_path, monkeypatch, curate=lambda text: text):
    return imported_before(tmp_path, monkeypatch, LIST, _older, [
        "bagging-predictors", "mining-things", "graph-things", "the-power-and-limits-of-deep-learning",
    ], curate)


def test_a_reimport_corrects_what_the_earlier_import_wrote_and_adds_no_second_copy(tmp_path, monkeypatch):
    path, papers = _import_before_and_now(tmp_path, monkeypatch)
    files = {p.stem: p.read_text(encoding="utf-8") for p in papers.glob("*.yml")}
    # (as before md4, read by hand: the journal and "In NeurIPS" authors, the society the venue)
    assert "authors:\n  - Leo Breiman\n  - Machine Learning\nyear: 1996\nvenue: Springer\n" in files["bagging-predictors"]
    assert (
        "authors:\n  - Jane Smith\n  - John Doe\n  - In NeurIPS\n  - Curran Associates\nyear: 2019\n"
    ) in files["mining-things"]
    assert "authors: []\nyear: 2019\nvenue: ACM\n" in files["graph-things"]
    report = import_paths([path], tmp_path / "content", added=DAY)
    assert report.added == [] and report.conflicts == []
    assert sorted(report.updated) == ["bagging-predictors", "graph-things", "mining-things"]
    assert sorted(p.stem for p in papers.glob("*.yml")) == sorted(files)  # (the talk's file stays: a curator's now)
    assert (papers / "bagging-predictors.yml").read_text(encoding="utf-8") == files["bagging-predictors"].replace(
        "authors:\n  - Leo Breiman\n  - Machine Learning\nyear: 1996\nvenue: Springer\n",
        "authors:\n  - Leo Breiman\nyear: 1996\nvenue: Machine Learning\npublisher: Springer\n",
    )
    assert (papers / "mining-things.yml").read_text(encoding="utf-8") == files["mining-things"].replace(
        "authors:\n  - Jane Smith\n  - John Doe\n  - In NeurIPS\n  - Curran Associates\nyear: 2019\n",
        "authors:\n  - Jane Smith\n  - John Doe\nyear: 2019\nvenue: NeurIPS\npublisher: Curran Associates\n",
    )
    assert (papers / "graph-things.yml").read_text(encoding="utf-8") == files["graph-things"].replace(
        "authors: []\nyear: 2019\nvenue: ACM\n",
        "authors:\n  - Jane Smith\nyear: 2019\nvenue: Proceedings of KDD\npublisher: ACM\n",
    )
    imported_again_unchanged(path, tmp_path / "content")  # (and once more: nothing changes)


def test_a_reimport_keeps_the_authors_and_venue_a_curator_wrote(tmp_path, monkeypatch):
    def curate(text):
        return text.replace("  - Machine Learning\n", "").replace("venue: ACM", "venue: KDD")

    path, papers = _import_before_and_now(tmp_path, monkeypatch, curate)
    import_paths([path], tmp_path / "content", added=DAY)
    bagging = (papers / "bagging-predictors.yml").read_text(encoding="utf-8")
    graph = (papers / "graph-things.yml").read_text(encoding="utf-8")
    assert "authors:\n  - Leo Breiman\nyear: 1996\n" in bagging
    assert "venue: KDD\n" in graph and "Proceedings of KDD" not in graph


def test_a_reimport_takes_back_the_journal_in_italics_an_earlier_import_read_as_the_author(tmp_path, monkeypatch):
    # (rev108) the earlier import (the file below as 99064121 wrote it, checked by hand)
    # read the italics as the only author; a re-import kept it, said as a conflict
    def older(m):
        _older(m)
        m.setattr(markdownlist, "names_journal", lambda venue: False)

    text = (
        "# A List\n\n"
        "- [Graph Mining](https://example.org/a.pdf) - Leo Breiman, *Annals of Statistics*, Springer, 1996.\n"
        "- [Graph Things](https://example.org/b.pdf) - Leo Breiman, *Machine Learning*, Springer, 1996.\n"
    )
    path, papers = imported_before(tmp_path, monkeypatch, text, older, ["graph-mining", "graph-things"])
    files = {p.stem: p.read_text(encoding="utf-8") for p in papers.glob("*.yml")}
    for paper, journal in (("graph-mining", "Annals of Statistics"), ("graph-things", "Machine Learning")):
        assert f"authors:\n  - {journal}\nyear: 1996\nvenue: Springer\n" in files[paper]
    report = import_paths([path], tmp_path / "content", added=DAY)
    assert (report.added, sorted(report.updated), report.conflicts) == ([], ["graph-mining", "graph-things"], [])
    for paper, journal in (("graph-mining", "Annals of Statistics"), ("graph-things", "Machine Learning")):
        assert (papers / f"{paper}.yml").read_text(encoding="utf-8") == files[paper].replace(
            f"authors:\n  - {journal}\nyear: 1996\nvenue: Springer\n",
            f"authors:\n  - Leo Breiman\nyear: 1996\nvenue: {journal}\npublisher: Springer\n",
        )
    imported_again_unchanged(path, tmp_path / "content")


# (rev108) How a linked paper was presented, after its names, is no author.
@pytest.mark.parametrize("item, authors, venue", [
    ("- [Graph Mining](https://example.org/a.pdf) - Jane Smith, Invited talk, NeurIPS, 2019.", ("Jane Smith",), "NeurIPS"),
    ("- [Graph Mining](https://arxiv.org/abs/1901.00001) - Jane Smith, John Doe, Keynote, ICML 2019.",
     ("Jane Smith", "John Doe"), "ICML"),
    # (a name ending in a talk's word is a name)
    ("- [Graph Mining](https://arxiv.org/abs/1901.00001) - Jane Smith, John Talk, ICML 2019.",
     ("Jane Smith", "John Talk"), "ICML"),
])
def test_a_talk_after_a_linked_papers_names_is_no_author(item, authors, venue):
    record = _read(item)
    assert (record.title, record.authors, record.venue, record.year) == ("Graph Mining", authors, venue, "2019")


def test_a_reimport_takes_back_a_talk_an_earlier_import_read_as_an_author(tmp_path, monkeypatch):
    text = "# A List\n\n- [Graph Mining](https://example.org/a.pdf) - Jane Smith, Invited talk, NeurIPS, 2019.\n"
    path, papers = imported_before(tmp_path, monkeypatch, text, _older, ["graph-mining"])
    before = (papers / "graph-mining.yml").read_text(encoding="utf-8")
    assert "authors:\n  - Jane Smith\n  - Invited talk\nyear: 2019\nvenue: NeurIPS\n" in before
    report = import_paths([path], tmp_path / "content", added=DAY)
    assert (report.added, report.updated, report.conflicts) == ([], ["graph-mining"], [])
    assert (papers / "graph-mining.yml").read_text(encoding="utf-8") == before.replace("  - Invited talk\n", "")
    imported_again_unchanged(path, tmp_path / "content")
