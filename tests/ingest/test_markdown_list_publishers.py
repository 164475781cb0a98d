"""A Markdown list's proceedings, journals and books named before their publisher, and
books cited in full without a link (md3; `import --format markdown`).

Every expected value was read off the item by hand (Breiman's "Bagging Predictors",
Machine Learning 1996; Platt's SMO chapter, in "Advances in Kernel Methods", MIT Press
1999; Pearl's "Causality", Cambridge University Press 2000; Bishop's "Pattern
Recognition and Machine Learning", Springer 2006). Each case below was read otherwise
before: the publisher alone was the venue, the name before it lost.
"""

import datetime as dt
import shutil

import pytest

from generator.errors import Problems
from generator.export_bibtex import bibtex_entry
from generator.importer import import_paths
from generator.ingest import markdownlist, parse_text
from generator.models import Paper

DAY = dt.date(2026, 1, 1)
LINK = "[Bagging Predictors](https://example.org/bagging.pdf)"


def _read(item):
    problems = Problems()
    records = parse_text("# A List\n\n" + item + "\n", "list.md", problems, "markdown")
    assert not problems, problems.format()
    (record,) = records
    return record


def _entry(record):
    paper = Paper(
        id="p", title=record.title, abstract="", authors=record.authors, editors=record.editors,
        year=int(record.year), venue=record.venue, venue_kind=record.venue_kind, publisher=record.publisher,
    )
    return bibtex_entry(paper, full=False)


# The name before the publisher is the venue, the publisher the record's publisher, and
# the export cites the paper by the venue's kind (its name's, or "book" for a chapter's
# book), the publisher beside it: "@book{..., publisher = {Morgan Kaufmann}}" before.
BEFORE_PUBLISHER = [
    # (a proceedings volume after "In", as ACM's and many references write one)
    (f"- {LINK} - L. Breiman. In Proceedings of ICML, Morgan Kaufmann, 1995.",
     ("L. Breiman",), "Proceedings of ICML", "", "Morgan Kaufmann", "1995", "inproceedings", "booktitle"),
    (f"- {LINK} - Leo Breiman. In Proc. ICML, Morgan Kaufmann, 1995.",
     ("Leo Breiman",), "Proc. ICML", "", "Morgan Kaufmann", "1995", "inproceedings", "booktitle"),
    # (its acronym in brackets is the name's: a bracket ended the name, which was lost)
    (f"- {LINK} - Leo Breiman. In Proceedings of the Twelfth International Conference on Machine Learning"
     " (ICML), Morgan Kaufmann, 1995.",
     ("Leo Breiman",), "Proceedings of the Twelfth International Conference on Machine Learning (ICML)", "",
     "Morgan Kaufmann", "1995", "inproceedings", "booktitle"),
    (f"- {LINK} - Jane Smith. In AAAI, AAAI Press, 2018", ("Jane Smith",), "AAAI", "", "AAAI Press", "2018",
     "inproceedings", "booktitle"),
    # (a journal without "In", its name saying it is one, as a reference cites a journal
    # with its publisher)
    (f"- {LINK} - L. Breiman. Neural Computation, MIT Press, 1997.",
     ("L. Breiman",), "Neural Computation", "", "MIT Press", "1997", "article", "journal"),
    (f"- {LINK} - Leo Breiman. Machine Learning, Springer, 1996.",
     ("Leo Breiman",), "Machine Learning", "", "Springer", "1996", "article", "journal"),
    (f"- {LINK} - Jane Smith. Journal of Machine Learning Research, Microtome Publishing, 2018",
     ("Jane Smith",), "Journal of Machine Learning Research", "", "Microtome Publishing", "2018", "article", "journal"),
    # (a chapter's book without editors: the book the venue, of the kind "book")
    (f"- {LINK} - L. Breiman. In Handbook of Things, Springer, 2001.",
     ("L. Breiman",), "Handbook of Things", "book", "Springer", "2001", "incollection", "booktitle"),
    (f"- {LINK} - Leo Breiman and Adele Cutler. In Handbook of Statistics, Elsevier, 2005.",
     ("Leo Breiman", "Adele Cutler"), "Handbook of Statistics", "book", "Elsevier", "2005", "incollection", "booktitle"),
    # (the book's title with commas, after "In": whole, not cut at its first comma)
    (f"- {LINK} - J. Pearl. In Causality: Models, Reasoning, and Inference, Cambridge University Press, 2000.",
     ("J. Pearl",), "Causality: Models, Reasoning, and Inference", "book", "Cambridge University Press", "2000",
     "incollection", "booktitle"),
    # (APA's year after the names, the title in the link)
    (f"- {LINK} - Platt, J. (1999). In Advances in Kernel Methods, MIT Press.",
     ("J. Platt",), "Advances in Kernel Methods", "", "MIT Press", "1999", "inproceedings", "booktitle"),
    # (the names before the title, its link's text the title)
    (f"- L. Breiman. {LINK}. In Proceedings of ICML, Morgan Kaufmann, 1995.",
     ("L. Breiman",), "Proceedings of ICML", "", "Morgan Kaufmann", "1995", "inproceedings", "booktitle"),
]


@pytest.mark.parametrize("item, authors, venue, kind, publisher, year, entry_type, field", BEFORE_PUBLISHER)
def test_a_venue_before_its_publisher_is_the_venue_and_the_publisher_its_publisher(
    item, authors, venue, kind, publisher, year, entry_type, field
):
    record = _read(item)
    assert (record.authors, record.venue, record.venue_kind, record.publisher, record.year) == (
        authors, venue, kind, publisher, year
    )
    entry = _entry(record)
    assert entry.entry_type == entry_type
    assert entry.fields_dict[field].value == venue
    assert entry.fields_dict["publisher"].value == publisher


# Guards, read by hand as before md3: names before a publisher are the authors, a book's
# own title repeated before its publisher stays no venue (its words say no journal nor
# proceedings), and a chapter's editors are read as imp37 reads them.
@pytest.mark.parametrize("item, authors, venue, kind, publisher", [
    ("- [PRML](https://example.org/prml.pdf) - Christopher Bishop, Springer, 2006", ("Christopher Bishop",), "Springer", "", ""),
    ("- [RL](https://example.org/rl.pdf) - Sutton and Barto, MIT Press, 2018", ("Sutton", "Barto"), "MIT Press", "", ""),
    ("- [DL](https://example.org/dl.pdf) - Deep Learning, Springer, 2006", (), "Springer", "", ""),
    ("- [T](https://example.org/t.pdf) - Maria Garcia. In J. Smith (Ed.), Handbook of Learning, Springer, 2019.",
     ("Maria Garcia",), "Handbook of Learning", "book", "Springer"),
    ("- [T](https://example.org/t.pdf) - Jane Smith. ICML 2019.", ("Jane Smith",), "ICML", "", ""),
    # (rev106) a book's own title before its publisher, though its words say journal
    # ("Pattern Recognition", "Artificial Intelligence") or proceedings ("Advances in"):
    # the book's, no venue; md3's reading made each an @article or @inproceedings of itself
    ("- [Pattern Recognition](https://example.org/pr.pdf) - S. Theodoridis. Pattern Recognition, Academic Press, 2008.",
     ("S. Theodoridis",), "Academic Press", "", ""),
    ("- [Artificial Intelligence](https://example.org/ai.pdf) - Russell and Norvig. Artificial Intelligence,"
     " Prentice Hall, 2009.", ("Russell", "Norvig"), "Prentice Hall", "", ""),
    ("- [Advances in Kernel Methods](https://example.org/akm.pdf) - B. Schölkopf et al. Advances in Kernel"
     " Methods, MIT Press, 1999.", ("B. Schölkopf", "others"), "MIT Press", "", ""),
])
def test_names_and_a_books_own_title_before_a_publisher_stay_as_they_were(item, authors, venue, kind, publisher):
    record = _read(item)
    assert (record.authors, record.venue, record.venue_kind, record.publisher) == (authors, venue, kind, publisher)


# A book cited in full with no link at all, as a reading list holds one: its authors'
# sentence, its title's, its publisher's or venue's with the year. Skipped before as
# "not a paper"; the title with commas whole.
@pytest.mark.parametrize("item, authors, title, venue, kind, publisher, year", [
    ("- Christopher Bishop. Pattern Recognition and Machine Learning. Springer, 2006.",
     ("Christopher Bishop",), "Pattern Recognition and Machine Learning", "Springer", "", "", "2006"),
    ("- J. Pearl. Causality: Models, Reasoning, and Inference. Cambridge University Press, 2000.",
     ("J. Pearl",), "Causality: Models, Reasoning, and Inference", "Cambridge University Press", "", "", "2000"),
    ("- Ian Goodfellow, Yoshua Bengio, and Aaron Courville. Deep Learning. MIT Press, 2016.",
     ("Ian Goodfellow", "Yoshua Bengio", "Aaron Courville"), "Deep Learning", "MIT Press", "", "", "2016"),
    ("- L. Breiman. Bagging Predictors. In Proceedings of ICML, Morgan Kaufmann, 1995.",
     ("L. Breiman",), "Bagging Predictors", "Proceedings of ICML", "", "Morgan Kaufmann", "1995"),
    ("- L. Breiman. Bagging Predictors. Neural Computation, MIT Press, 1997.",
     ("L. Breiman",), "Bagging Predictors", "Neural Computation", "", "MIT Press", "1997"),
    ("- John Platt. Fast Training of Support Vector Machines. In Advances in Kernel Methods, MIT Press, 1999.",
     ("John Platt",), "Fast Training of Support Vector Machines", "Advances in Kernel Methods", "", "MIT Press", "1999"),
    ("- John Platt. Fast Training of Support Vector Machines. In Handbook of Kernels, MIT Press, 1999.",
     ("John Platt",), "Fast Training of Support Vector Machines", "Handbook of Kernels", "book", "MIT Press", "1999"),
    # (the same with a link labelled "pdf" after it: the title was the author's name, "J. Pearl")
    ("- J. Pearl. Causality: Models, Reasoning, and Inference. Cambridge University Press, 2000."
     " [pdf](https://example.org/c.pdf)",
     ("J. Pearl",), "Causality: Models, Reasoning, and Inference", "Cambridge University Press", "", "", "2000"),
])
def test_a_book_cited_in_full_without_a_link_is_imported(item, authors, title, venue, kind, publisher, year):
    record = _read(item)
    assert (record.title, record.authors, record.venue, record.venue_kind, record.publisher, record.year) == (
        title, authors, venue, kind, publisher, year
    )


# Guards: an item without a link that is no full reference is still no paper (the list's
# prose, a title and a venue known by name with no one's name, one name and no publisher).
@pytest.mark.parametrize("item", [
    "- We thank Springer for 2006.",
    "- Kalman Filters. A Tutorial. Some notes from 2019.",
    "- Christopher Bishop. Pattern Recognition and Machine Learning.",
    "- Christopher Bishop. Pattern Recognition and Machine Learning. 2006.",
    # (rev106) Prose a list holds in the shape of a full reference, a person's name, a
    # few words, a venue or publisher with a year: a talk, a role, an award, a review, a
    # course. Each was imported as a paper ("Keynote talk" by Yann LeCun in NeurIPS);
    # none is one, and a false paper in content/papers is worse than an item skipped.
    "- Yann LeCun. Keynote talk. NeurIPS, 2018.",
    "- Eve Adams. Invited speaker. Conference on Robot Learning, 2020.",
    "- Alice Smith. Editor-in-chief. Journal of Machine Learning Research, 2019.",
    "- Bob Jones. Associate Editor. IEEE Transactions on Pattern Analysis and Machine Intelligence, 2015.",
    "- Carol White. Area chair. Proceedings of ICML, 2021.",
    "- Dan Brown. Best paper award. NeurIPS, 2019.",
    "- Ivan Petrov. Book review. Nature, 2020.",
    "- Heidi Klum. Interview. Nature, 2020.",
    # (a course: its code for a title, or a university alone where a publisher stands)
    "- Fei-Fei Li. CS231n. Stanford University, 2017.",
    "- Andrew Ng. Machine Learning. Stanford University, 2012.",
])
def test_an_item_without_a_link_that_is_no_full_reference_is_skipped(item):
    problems = Problems()
    records = parse_text("# A List\n\n" + item + "\n\n- [A](https://arxiv.org/abs/1706.03762)\n", "list.md", problems, "markdown")
    assert [r.title for r in records] == ["A"]


def _older(monkeypatch):
    """The reading before md3, as an earlier import wrote the list: no venue before a
    publisher, no one author's sentence before a title."""
    monkeypatch.setattr(markdownlist, "_venue_before_publisher", lambda text: None)
    monkeypatch.setattr(markdownlist, "_reference_names", lambda text: ())


LIST = (
    "# A List\n\n"
    "- [Bagging](https://example.org/a.pdf) - L. Breiman. In Proceedings of ICML, Morgan Kaufmann, 1995.\n"
    "- J. Pearl. Causality: Models, Reasoning, and Inference. Cambridge University Press, 2000."
    " [pdf](https://example.org/c.pdf)\n"
)


def _import_before_and_now(tmp_path, monkeypatch, curate=lambda text: text):
    return imported_before(tmp_path, monkeypatch, LIST, _older, ["bagging", "j-pearl"], curate)


def imported_before(tmp_path, monkeypatch, text, older, added, curate=lambda text: text):
    """The list ``text`` imported as ``older`` patches the reader to read as an earlier
    import did (the papers ``added``), each file then ``curate``d: the list's path and
    the papers' folder (also tests/ingest/test_markdown_list_references.py's)."""
    path = tmp_path / "list.md"
    path.write_text(text, encoding="utf-8")
    with monkeypatch.context() as m:
        older(m)
        assert import_paths([path], tmp_path / "content", added=DAY).added == added
    shutil.rmtree(tmp_path / ".cache", ignore_errors=True)
    papers = tmp_path / "content" / "papers"
    for paper in papers.glob("*.yml"):
        paper.write_text(curate(paper.read_text(encoding="utf-8")), encoding="utf-8")
    return path, papers


def test_a_reimport_reads_the_venue_and_title_anew_where_the_file_holds_the_earlier_reading(tmp_path, monkeypatch):
    path, papers = _import_before_and_now(tmp_path, monkeypatch)
    bagging, pearl = (papers / "bagging.yml").read_text(encoding="utf-8"), (papers / "j-pearl.yml").read_text(encoding="utf-8")
    assert "authors: []\nyear: 1995\nvenue: Morgan Kaufmann\n" in bagging
    assert "title: J. Pearl\nauthors: []\n" in pearl
    report = import_paths([path], tmp_path / "content", added=DAY)
    # (the same paper, by its PDF and the title the earlier reading gave: no second one)
    assert (report.added, sorted(report.updated), report.conflicts) == ([], ["bagging", "j-pearl"], [])
    assert (papers / "bagging.yml").read_text(encoding="utf-8") == bagging.replace(
        "authors: []\nyear: 1995\nvenue: Morgan Kaufmann\n",
        "authors:\n  - L. Breiman\nyear: 1995\nvenue: Proceedings of ICML\npublisher: Morgan Kaufmann\n",
    )
    assert (papers / "j-pearl.yml").read_text(encoding="utf-8") == pearl.replace(
        "title: J. Pearl\nauthors: []\n", 'title: "Causality: Models, Reasoning, and Inference"\nauthors:\n  - J. Pearl\n'
    )
    imported_again_unchanged(path, tmp_path / "content")


def imported_again_unchanged(path, content):
    """Import ``path`` into ``content`` once more: nothing is added, updated or rewritten
    (also tests/ingest/test_markdown_list_references.py's)."""
    papers = content / "papers"
    files = {p.name: p.read_text(encoding="utf-8") for p in papers.glob("*.yml")}
    report = import_paths([path], content, added=DAY)
    assert (report.added, report.updated) == ([], [])
    assert {p.name: p.read_text(encoding="utf-8") for p in papers.glob("*.yml")} == files


def test_a_reimport_keeps_the_venue_and_title_a_curator_wrote(tmp_path, monkeypatch):
    def curate(text):
        return text.replace("venue: Morgan Kaufmann", "venue: ICML").replace("title: J. Pearl", "title: Causality")

    path, papers = _import_before_and_now(tmp_path, monkeypatch, curate)
    import_paths([path], tmp_path / "content", added=DAY)
    bagging, pearl = (papers / "bagging.yml").read_text(encoding="utf-8"), (papers / "j-pearl.yml").read_text(encoding="utf-8")
    assert "venue: ICML\n" in bagging and "Proceedings of ICML" not in bagging
    assert "title: Causality\n" in pearl
    assert sorted(p.name for p in papers.glob("*.yml")) == ["bagging.yml", "j-pearl.yml"]


# (rev106: guards for the prose above: a title of words of its own, a university's press)
@pytest.mark.parametrize("item, authors, title, venue", [
    ("- Y. LeCun, Y. Bengio, and G. Hinton. Deep learning. Nature, 2015.",
     ("Y. LeCun", "Y. Bengio", "G. Hinton"), "Deep learning", "Nature"),
    ("- J. Pearl. Causality. Cambridge University Press, 2000.", ("J. Pearl",), "Causality", "Cambridge University Press"),
    ("- Leo Breiman. Statistical Modeling: The Two Cultures. Statistical Science, 2001.",
     ("Leo Breiman",), "Statistical Modeling: The Two Cultures", "Statistical Science"),
])
def test_a_reference_whose_title_names_a_work_is_still_imported(item, authors, title, venue):
    record = _read(item)
    assert (record.authors, record.title, record.venue) == (authors, title, venue)


TWO_BOOKS = (
    "# A List\n\n"
    "- J. Pearl. Causality: Models, Reasoning, and Inference. Cambridge University Press, 2000."
    " [pdf](https://example.org/c.pdf)\n"
    "- J. Pearl. Probabilistic Reasoning in Intelligent Systems. Morgan Kaufmann, 1988."
    " [pdf](https://example.org/p.pdf)\n"
)


def test_two_books_an_earlier_import_read_under_one_title_are_two_papers_now(tmp_path, monkeypatch):
    # (rev106) The earlier reading titled both "J. Pearl", one paper, its year 2000 the
    # first's (1988 a conflict). Read anew, the second matched that paper by "a title it
    # was imported under" too: its title a conflict, the book never a paper of its own.
    path = tmp_path / "list.md"
    path.write_text(TWO_BOOKS, encoding="utf-8")
    with monkeypatch.context() as m:
        _older(m)
        assert import_paths([path], tmp_path / "content", added=DAY).added == ["j-pearl"]
    shutil.rmtree(tmp_path / ".cache", ignore_errors=True)
    papers = tmp_path / "content" / "papers"
    report = import_paths([path], tmp_path / "content", added=DAY)
    assert report.updated == ["j-pearl"] and len(report.added) == 1 and report.conflicts == []
    assert 'title: "Causality: Models, Reasoning, and Inference"\n' in (papers / "j-pearl.yml").read_text(encoding="utf-8")
    added = (papers / f"{report.added[0]}.yml").read_text(encoding="utf-8")
    assert "title: Probabilistic Reasoning in Intelligent Systems\n" in added and "year: 1988\n" in added
