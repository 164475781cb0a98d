"""A Markdown list's references whose venue is a proceedings' or a journal's name written
as IEEE and ISO 4 abbreviate it ("Proc. of the IEEE", "Proc. KDD"), after "in" as IEEE
writes it after a quoted title, and one author's name with its particles ("Ulrike von
Luxburg") before a journal (md5).

Every expected value was read off the item by hand. Before md5: "Proc." ended a part, so
"Proc" was one more author and the venue "of the IEEE" or "KDD"; a name and a journal's
name that says it is one ("Proceedings of the IEEE") gave no authors, nor did a name with
its particles before a journal ("Statistics and Computing"), nor alone; and "in" stayed
the venue's first word ("in Proceedings of KDD"), or, before "Proc.", the venue was
"KDD".
"""

import re

import pytest

from generator.cli import main
from generator.errors import Problems
from generator.importer import import_paths
from generator.ingest import markdownlist, parse_text
from tests.ingest.test_markdown_list_publishers import imported_again_unchanged, imported_before
from tests.ingest.test_markdown_list_references import DAY, _read

LINK = "[Bagging Predictors](https://arxiv.org/abs/1706.03762)"

PROCEEDINGS = [
    # 1. "Proc." and "Proceedings of" name a venue, never a person
    (f"- {LINK} - Jane Smith, Proc. of the IEEE, 2019", ("Jane Smith",), "Proc. of the IEEE"),
    (f"- {LINK} - Jane Smith, John Doe, Proc. of the IEEE, 2019", ("Jane Smith", "John Doe"), "Proc. of the IEEE"),
    (f"- {LINK} - Jane Smith, Proc. KDD, 2019", ("Jane Smith",), "Proc. KDD"),
    (f"- {LINK} - Jane Smith, Proc. VLDB Endow., 2019", ("Jane Smith",), "Proc. VLDB Endow"),
    (f"- {LINK} - Jane Smith. Proc. of the IEEE, 2019", ("Jane Smith",), "Proc. of the IEEE"),
    (f"- {LINK} - Jane Smith, Proceedings of the IEEE, 2019", ("Jane Smith",), "Proceedings of the IEEE"),
    (f"- {LINK} - Jane Smith, Proceedings of KDD, 2019", ("Jane Smith",), "Proceedings of KDD"),
    # 2. a name with its particles in lower case is a person's, before a journal or alone
    ("- [A Tutorial on Spectral Clustering](https://arxiv.org/abs/0711.0189) - Ulrike von Luxburg,"
     " Statistics and Computing, 2007", ("Ulrike von Luxburg",), "Statistics and Computing"),
    (f"- {LINK} - Fernando de la Torre, Statistics and Computing, 2019", ("Fernando de la Torre",), "Statistics and Computing"),
    (f"- {LINK} - Luca di Stefano, Statistics and Computing, 2019", ("Luca di Stefano",), "Statistics and Computing"),
    (f"- {LINK} - Ahmad bin Ali, Statistics and Computing, 2019", ("Ahmad bin Ali",), "Statistics and Computing"),
    (f"- {LINK} - Laurens van der Maaten, Statistics and Computing, 2019",
     ("Laurens van der Maaten",), "Statistics and Computing"),
    (f"- {LINK} - Ulrike von Luxburg", ("Ulrike von Luxburg",), ""),
    (f"- {LINK} - Proc. of the IEEE, 2019", (), "Proc. of the IEEE"),
    # 3. "in" before the venue is no word of it; the venue as the list wrote it, "Proc." kept,
    # as "In: Proceedings of KDD, ACM" gives "Proceedings of KDD"
    (f'- J. Smith, "{LINK}," in Proc. KDD, 2019', ("J. Smith",), "Proc. KDD"),
    (f'- J. Smith, B. Doe, "{LINK}," in Proc. KDD, 2019, pp. 1-10.', ("J. Smith", "B. Doe"), "Proc. KDD"),
    (f'- J. Smith, "{LINK}," In: Proc. KDD, 2019', ("J. Smith",), "Proc. KDD"),
    (f'- J. Smith, "{LINK}," in Proceedings of KDD, 2019', ("J. Smith",), "Proceedings of KDD"),
    (f'- J. Smith, "{LINK}," in NeurIPS, 2019', ("J. Smith",), "NeurIPS"),
    (f"- {LINK} - Jane Smith. In Proc. KDD, 2019", ("Jane Smith",), "Proc. KDD"),
    (f"- {LINK} - Jane Smith. In Proceedings of KDD, 2019", ("Jane Smith",), "Proceedings of KDD"),
]


@pytest.mark.parametrize("item, authors, venue", PROCEEDINGS)
def test_proceedings_abbreviated_and_names_with_particles_read_as_written(item, authors, venue):
    record = _read(item)
    assert (record.authors, record.venue) == (authors, venue)


# Guards, as before md5: a venue's own "In" (a journal's, "In Silico Biology"), a name
# whose particle is in capitals (a place's or a venue's as often: "Le Monde"),
# organisations with a particle, one name alone or before a journal that says nothing of
# its kind (a title's or a topic's words as often).
@pytest.mark.parametrize("item, authors, venue", [
    (f"- {LINK} - In Silico Biology, 2019", (), "In Silico Biology"),
    (f"- {LINK} - Jane Smith. In Silico Biology, 2019", ("Jane Smith",), "In Silico Biology"),
    (f"- {LINK} - Luc Van Gool, Statistics and Computing, 2019", (), "Statistics and Computing"),
    (f"- {LINK} - Politecnico di Milano, Statistics and Computing, 2019", (), "Statistics and Computing"),
    (f"- {LINK} - Politecnico di Milano", (), ""),
    (f"- {LINK} - Banque de France", (), ""),
    (f"- {LINK} - Jane Smith", (), ""),
    (f"- {LINK} - Jane Smith, Statistics and Computing, 2019", (), "Statistics and Computing"),
])
def test_other_names_and_venues_stay_as_they_were(item, authors, venue):
    record = _read(item)
    assert (record.authors, record.venue) == (authors, venue)


# The whole command, over a list imported by the reading before md5.

LIST = (
    "# A List\n\n"
    "- [Graph Mining](https://example.org/a.pdf) - Jane Smith, Proc. of the IEEE, 2019\n"
    "- [Graph Things](https://example.org/b.pdf) - Jane Smith, John Doe, Proc. KDD, 2019\n"
    "- [A Tutorial on Spectral Clustering](https://example.org/c.pdf) - Ulrike von Luxburg,"
    " Statistics and Computing, 2007\n"
    '- J. Smith, "[Mining Things](https://example.org/d.pdf)," in Proc. KDD, 2019, pp. 1-10.\n'
    "- [Bagging Things](https://example.org/e.pdf) - Jane Smith. In Proceedings of KDD, 2019\n"
)
PAPERS = ["graph-mining", "graph-things", "a-tutorial-on-spectral-clustering", "mining-things", "bagging-things"]


def _older(monkeypatch):
    """The reading before md5, as an earlier import wrote the list."""
    monkeypatch.setattr(markdownlist, "_proceedings_stops", lambda text: set())
    monkeypatch.setattr(markdownlist, "_says_its_kind", lambda venue: False)
    monkeypatch.setattr(markdownlist, "_particled_person", lambda text: False)
    monkeypatch.setattr(markdownlist, "_PROCEEDINGS_NAMED", re.compile(r"(?!)"))
    monkeypatch.setattr(markdownlist, "_IN_VENUE", re.compile(r"(?!)"))


def test_a_reimport_corrects_the_authors_and_venue_an_earlier_import_wrote(tmp_path, monkeypatch):
    path, papers = imported_before(tmp_path, monkeypatch, LIST, _older, PAPERS)
    files = {p.stem: p.read_text(encoding="utf-8") for p in papers.glob("*.yml")}
    # (as before md5, read by hand: "Proc" an author, the venue cut after it; no author)
    before = {
        "graph-mining": "authors:\n  - Jane Smith\n  - Proc\nyear: 2019\nvenue: of the IEEE\n",
        "graph-things": "authors:\n  - Jane Smith\n  - John Doe\n  - Proc\nyear: 2019\nvenue: KDD\n",
        "a-tutorial-on-spectral-clustering": "authors: []\nyear: 2007\nvenue: Statistics and Computing\n",
        "mining-things": "authors:\n  - J. Smith\nyear: 2019\nvenue: KDD\n",
        "bagging-things": "authors:\n  - Jane Smith\nyear: 2019\nvenue: In Proceedings of KDD\n",
    }
    now = {
        "graph-mining": "authors:\n  - Jane Smith\nyear: 2019\nvenue: Proc. of the IEEE\n",
        "graph-things": "authors:\n  - Jane Smith\n  - John Doe\nyear: 2019\nvenue: Proc. KDD\n",
        "a-tutorial-on-spectral-clustering": "authors:\n  - Ulrike von Luxburg\nyear: 2007\nvenue: Statistics and Computing\n",
        "mining-things": "authors:\n  - J. Smith\nyear: 2019\nvenue: Proc. KDD\n",
        "bagging-things": "authors:\n  - Jane Smith\nyear: 2019\nvenue: Proceedings of KDD\n",
    }
    for paper, text in before.items():
        assert text in files[paper], files[paper]
    report = import_paths([path], tmp_path / "content", added=DAY)
    assert (report.added, sorted(report.updated), report.conflicts) == ([], sorted(PAPERS), [])
    for paper in PAPERS:
        assert (papers / f"{paper}.yml").read_text(encoding="utf-8") == files[paper].replace(before[paper], now[paper])
    imported_again_unchanged(path, tmp_path / "content")  # (and once more: nothing changes)


def test_a_reimport_keeps_the_authors_and_venue_a_curator_wrote(tmp_path, monkeypatch):
    def curate(text):
        return text.replace("  - Proc\n", "  - Jane Doe\n").replace("venue: KDD\n", "venue: KDD 2019\n").replace(
            "authors: []\n", "authors:\n  - U. von Luxburg\n"
        )

    path, papers = imported_before(tmp_path, monkeypatch, LIST, _older, PAPERS, curate)
    curated = {p.stem: p.read_text(encoding="utf-8") for p in papers.glob("*.yml")}
    import_paths([path], tmp_path / "content", added=DAY)
    mining = (papers / "graph-mining.yml").read_text(encoding="utf-8")
    assert "authors:\n  - Jane Smith\n  - Jane Doe\n" in mining
    assert (papers / "graph-things.yml").read_text(encoding="utf-8").count("venue: KDD 2019\n") == 1
    assert (papers / "mining-things.yml").read_text(encoding="utf-8") == curated["mining-things"]
    tutorial = (papers / "a-tutorial-on-spectral-clustering.yml").read_text(encoding="utf-8")
    assert "authors:\n  - U. von Luxburg\n" in tutorial and "Ulrike" not in tutorial


# (md5) A full reference that links nothing, in IEEE's or APA's shape: its names and title
# are told by the shape (a comma and the title in quotes; APA's "Surname, I." and the
# year in brackets, then the title's sentence), and its last words say where it was
# published with its year, as md3's "Names. Title. Venue, Year." do. Each was skipped as
# "not a paper". (A journal's volume and pages after its name leave no venue, as where
# the title is linked: see the report.)
UNLINKED = [
    ('- J. Smith, "Bagging Predictors," in Proc. KDD, 2019, pp. 1-10.',
     "Bagging Predictors", ("J. Smith",), "Proc. KDD", "2019"),
    ('- J. Smith and B. Doe, "Bagging Predictors," in Proc. KDD, 2019, pp. 1-10.',
     "Bagging Predictors", ("J. Smith", "B. Doe"), "Proc. KDD", "2019"),
    ('- L. Breiman, "Bagging predictors," Machine Learning, 1996.',
     "Bagging predictors", ("L. Breiman",), "Machine Learning", "1996"),
    ("- Smith, J., & Doe, J. (2019). Bagging predictors. In Proceedings of KDD (pp. 1-10).",
     "Bagging predictors", ("J. Smith", "J. Doe"), "Proceedings of KDD", "2019"),
    ("- Smith, J., & Doe, J. (2019). Bagging predictors. NeurIPS.",
     "Bagging predictors", ("J. Smith", "J. Doe"), "NeurIPS", "2019"),
    ("- Breiman, L. (1996). Bagging predictors. Machine Learning, 24(2), 123–140.",
     "Bagging predictors", ("L. Breiman",), "", "1996"),
    # (rev112: and a thesis or report, as IEEE writes them)
    ('- J. Smith, "Bagging Predictors," Ph.D. dissertation, MIT, 2019.',
     "Bagging Predictors", ("J. Smith",), "PhD thesis, MIT", "2019"),
    ('- M. Jordan, "Artificial Intelligence—The Revolution Hasn\'t Happened Yet," Harvard Data Science Review, 2019.',
     "Artificial Intelligence—The Revolution Hasn't Happened Yet", ("M. Jordan",), "Harvard Data Science Review", "2019"),
]


@pytest.mark.parametrize("item, title, authors, venue, year", UNLINKED)
def test_an_unlinked_ieee_or_apa_reference_is_imported(item, title, authors, venue, year):
    record = _read(item)
    assert (record.title, record.authors, record.venue, record.year, record.links) == (title, authors, venue, year, ())


# ... and what is no such reference stays skipped: no venue after an APA title, words of the
# dictionary before the quotes, a sentence's words, a talk (said at its line, as md4's).
@pytest.mark.parametrize("item, why", [
    ("- Smith, J. (2019). Some notes on bagging.", "not a paper (no paper link, nor a title with a venue or year)"),
    ("- Smith, J. (2019). Bagging predictors. Unpublished manuscript.",
     "not a paper (no paper link, nor a title with a venue or year)"),
    ('- Image Segmentation, "a survey," in NeurIPS 2019.', "not a paper (no paper link, nor a title with a venue or year)"),
    ('- John said, "this is great," in Proc. KDD, 2019.', "not a paper (no paper link, nor a title with a venue or year)"),
    ('- Yann LeCun, "The Power and Limits of Deep Learning," Keynote talk, NeurIPS, 2018.',
     "a talk, tutorial or slides (Keynote talk)"),
])
def test_what_reads_as_no_reference_stays_skipped(item, why):
    problems = Problems()
    assert parse_text("# A List\n\n" + item + "\n", "list.md", problems, "markdown") == []
    (skipped,) = problems.skipped
    assert (skipped.location.line, skipped.why) == (3, why)


def test_the_unlinked_references_imported_twice_change_nothing_the_second_time(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: Lab\n")
    path = tmp_path / "list.md"
    path.write_text(
        "# A List\n\n"
        '- J. Smith and B. Doe, "Mining Things," in Proc. KDD, 2019, pp. 1-10.\n'
        "- Breiman, L. (1996). Bagging predictors. Machine Learning, 24(2), 123–140.\n"
        "- Smith, J., & Doe, J. (2019). Graph things. In Proceedings of KDD (pp. 1-10).\n",
        encoding="utf-8",
    )
    assert main(["--root", str(tmp_path), "import", "-q", str(path)]) == 0
    papers = tmp_path / "content" / "papers"
    files = {p.stem: p.read_text(encoding="utf-8") for p in papers.glob("*.yml")}
    assert sorted(files) == ["bagging-predictors", "graph-things", "mining-things"]
    assert "title: Mining Things\nauthors:\n  - J. Smith\n  - B. Doe\nyear: 2019\nvenue: Proc. KDD\npages: \"1–10\"\n" in (
        files["mining-things"]
    )
    assert "title: Bagging predictors\nauthors:\n  - L. Breiman\nyear: 1996\n" in files["bagging-predictors"]
    assert "title: Graph things\nauthors:\n  - J. Smith\n  - J. Doe\nyear: 2019\nvenue: Proceedings of KDD\n" in (
        files["graph-things"]
    )
    imported_again_unchanged(path, tmp_path / "content")


# (rev112) A list's prose in IEEE's shape, a name, a comma, words in quotes and a year, is
# no paper: an award, a course, a dataset, a talk, a blog, an interview, a year alone
# after the quotes (which says nothing of where it was published). Each was imported as
# a paper by md5's reading, as any name before quotes gave a title; skipped before it.
@pytest.mark.parametrize("item", [
    '- J. Smith, "Bagging Predictors," 2019.',
    '- Alice Smith, "Best Reviewer," NeurIPS, 2019.',
    '- Alice Smith, "Outstanding Paper Award," ICML, 2020.',
    '- Jane Doe, "Test of Time Award," NeurIPS, 2021.',
    '- Andrew Ng, "Machine Learning," Coursera course, Stanford University, 2012.',
    '- Andrew Ng, "Machine Learning," Stanford University, 2012.',
    '- Fei-Fei Li, "ImageNet," dataset, Stanford University, 2009.',
    '- Yann LeCun, "The MNIST database," dataset, 1998.',
    '- Geoffrey Hinton, "Neural Networks for Machine Learning," Coursera, 2012.',
    '- John Smith, "Deep Learning Summer School," Montreal, 2019.',
    '- Prof. Smith, "Machine Learning," lecture notes, 2019.',
    '- A. Karpathy, "The Unreasonable Effectiveness of Recurrent Neural Networks," blog post, 2015.',
    '- C. Olah, "Understanding LSTM Networks," colah\'s blog, 2015.',
    '- J. Smith, "Deep Learning," Interview, The New York Times, 2019.',
    '- J. Smith, "Why AI matters," Op-ed, The Guardian, 2019.',
    '- J. Smith, "Machine Learning," Podcast, Lex Fridman Podcast, 2020.',
    '- J. Smith, "Deep Learning," Panel discussion, NeurIPS, 2019.',
    '- J. Smith, "Deep Learning," a talk at Proc. KDD, 2019',
    '- J. Smith, "Deep Learning," in a talk at NeurIPS, 2019.',
])
def test_prose_with_a_name_and_words_in_quotes_is_no_paper(item):
    problems = Problems()
    assert parse_text("# A List\n\n" + item + "\n", "list.md", problems, "markdown") == []
    (skipped,) = problems.skipped
    assert skipped.location.line == 3



# (rev112) ... while IEEE's references whose first words after the quotes say where they
# were published stay imported as md5 imported them: a journal abbreviated as ISO 4
# does, a preprint, proceedings with their acronym in brackets.
@pytest.mark.parametrize("item, title, authors, year", [
    ('- J. Smith, "Mining things," IEEE Trans. Pattern Anal. Mach. Intell., vol. 3, no. 2, pp. 1-10, 2019.',
     "Mining things", ("J. Smith",), "2019"),
    ('- J. Smith, "Mining things," J. Mach. Learn. Res., vol. 3, 2003.', "Mining things", ("J. Smith",), "2003"),
    ('- J. Smith, "Mining things," arXiv preprint arXiv:1706.03762, 2017.', "Mining things", ("J. Smith",), "2017"),
    ('- K. He, X. Zhang, S. Ren, and J. Sun, "Deep residual learning for image recognition," in Proc. IEEE Conf.'
     " Comput. Vis. Pattern Recognit. (CVPR), 2016, pp. 770-778.",
     "Deep residual learning for image recognition", ("K. He", "X. Zhang", "S. Ren", "J. Sun"), "2016"),
])
def test_ieee_references_that_say_where_they_were_published_are_imported(item, title, authors, year):
    record = _read(item)
    assert (record.title, record.authors, record.year) == (title, authors, year)


# (rev112) A venue's own Latin "in" stays its word, in either case: md5's reading made
# "in Silico Pharmacology" (a journal) "Silico Pharmacology", and a re-import rewrote so
# the venue an earlier import wrote right.
@pytest.mark.parametrize("venue", ["in Silico Pharmacology", "In Silico Biology", "in Vivo", "In Vitro Cellular & Developmental Biology"])
def test_a_venues_own_latin_in_stays(venue):
    assert _read(f"- {LINK} - Jane Smith. {venue}, 2019").venue == venue


def test_a_reimport_keeps_a_venues_own_latin_in_an_earlier_import_wrote(tmp_path, monkeypatch):
    text = "# A List\n\n- [Graph Mining](https://example.org/a.pdf) - Jane Smith. in Silico Pharmacology, 2019\n"
    path, papers = imported_before(tmp_path, monkeypatch, text, _older, ["graph-mining"])
    before = (papers / "graph-mining.yml").read_text(encoding="utf-8")
    assert "venue: in Silico Pharmacology\n" in before
    imported_again_unchanged(path, tmp_path / "content")


# (rev112) A museum's or an event's name with a particle, or a title's Latin, is no
# person's: each was read as the paper's author by md5's particle rule.
@pytest.mark.parametrize("item, venue", [
    (f"- {LINK} - Museo del Prado", ""),
    (f"- {LINK} - Museo del Prado, Statistics and Computing, 2019", "Statistics and Computing"),
    (f"- {LINK} - Tour de France, Statistics and Computing, 2019", "Statistics and Computing"),
    (f"- {LINK} - Stable de Novo", ""),
    (f"- {LINK} - Accurate de Novo, Statistics and Computing, 2019", "Statistics and Computing"),
])
def test_an_organisation_or_latin_with_a_particle_is_no_author(item, venue):
    record = _read(item)
    assert (record.authors, record.venue) == ((), venue)


# (rev112) "Proc." before the proceedings' name and a publisher after it: md5's reading
# began a sentence after "Proc."'s full stop, read "KDD" before "ACM" as the venue and
# left "Proc. ACM" (the proceedings' name and the publisher lost); before md5, "Proc" was
# an author and the venue "KDD". As written now, as "In: Proceedings of KDD, ACM" is.
@pytest.mark.parametrize("item, authors, venue, publisher", [
    (f"- {LINK} - J. Smith, Proc. KDD, ACM, 2019.", ("J. Smith",), "Proc. KDD", "ACM"),
    (f"- {LINK} - J. Smith, Proc. KDD, Springer, 2019.", ("J. Smith",), "Proc. KDD", "Springer"),
    (f"- {LINK} - J. Smith, Proc. of the IEEE, IEEE, 2019.", ("J. Smith",), "Proc. of the IEEE", "IEEE"),
    (f'- J. Smith, "{LINK}," in Proc. KDD, ACM, 2019.', ("J. Smith",), "Proc. KDD", "ACM"),
    (f'- J. Smith, "{LINK}," In: Proceedings of KDD, ACM, 2019.', ("J. Smith",), "Proceedings of KDD", "ACM"),
    ('- J. Smith, "Bagging Predictors," in Proc. KDD, ACM, 2019.', ("J. Smith",), "Proc. KDD", "ACM"),
    ('- J. Smith, "Bagging Predictors," In: Proceedings of KDD, ACM, 2019.', ("J. Smith",), "Proceedings of KDD", "ACM"),
])
def test_proceedings_abbreviated_before_a_publisher_keep_their_name(item, authors, venue, publisher):
    record = _read(item)
    assert (record.authors, record.venue, record.publisher) == (authors, venue, publisher)
