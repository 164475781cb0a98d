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

from generator.importer import import_paths
from generator.ingest import markdownlist
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
