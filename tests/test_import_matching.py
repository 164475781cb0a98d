"""Near duplicates, conflicts and official code links as a maintainer met them over months."""

import datetime as dt

import pytest

from hypothesis import given, settings, strategies as st
from rapidfuzz import fuzz

from generator.errors import Location, Problems
from generator.conflicts import Conflict
from generator.importer import import_records
from generator.matchkeys import normalise_title, one_person
from generator.ingest import Record
from generator.links import make_link
from generator.yamlio import parse, to_python

DAY = dt.date(2026, 1, 2)
LONG = (
    "Multi-task learning (MTL) has become increasingly popular in natural language "
    "processing (NLP) because it improves the performance of related tasks by exploiting "
    "their commonalities and differences."
)
SCALING = (
    "We study how the loss of a model fine-tuned on many tasks at once depends on its "
    "size, the number of tasks and the data per task, and fit a power law to 300 runs."
)
SCALING_LARGE = (
    "Large language models forget when they are tuned on a mixture; we measure that "
    "forgetting across eight model families and propose a replay schedule that removes it."
)


def _rec(title, abstract="", line=1, path="in.txt", **fields):
    return Record(title=title, abstract=abstract, source=Location(path, line, 1), **fields)


def _read(path):
    problems = Problems()
    data = to_python(parse(path.read_text(encoding="utf-8"), str(path), problems))
    assert not problems, problems.format()
    return data


def _names(tmp_path):
    return sorted(p.name for p in (tmp_path / "papers").iterdir())


def test_on_and_of_do_not_tell_titles_apart(tmp_path):
    import_records([_rec("A Survey of Multi-Task Learning in NLP", LONG)], tmp_path, added=DAY)
    # A .bib entry without an abstract: only the titles can match.
    report = import_records([_rec("A Survey on Multi-task Learning in NLP", year="2022")],
                            tmp_path, added=DAY)
    assert report.added == [] and [d.paper_id for d in report.duplicates] == [
        "a-survey-of-multi-task-learning-in-nlp"
    ]
    assert _names(tmp_path) == ["a-survey-of-multi-task-learning-in-nlp.yml"]


def test_numbers_still_tell_titles_apart_with_stop_words_around(tmp_path):
    import_records([_rec("Llama 2: Open Foundation and Fine-Tuned Chat Models")], tmp_path, added=DAY)
    report = import_records([_rec("Llama 3: Open Foundation and Fine-Tuned Chat Models")],
                            tmp_path, added=DAY)
    assert report.added == ["llama-3-open-foundation-and-fine-tuned-chat-models"]


def test_an_identical_abstract_is_the_same_paper_whatever_the_titles(tmp_path):
    import_records([_rec("A Survey of Multi-Task Learning in NLP", LONG)], tmp_path, added=DAY)
    respaced = "  " + LONG.upper().replace(" ", "\n  ") + " "
    report = import_records([_rec("Multi-Task Learning for NLP: An Overview", respaced)],
                            tmp_path, added=DAY)
    assert report.added == [] and [(d.paper_id, d.reason) for d in report.duplicates] == [
        ("a-survey-of-multi-task-learning-in-nlp", "same abstract")
    ]


def test_a_short_identical_abstract_names_no_paper(tmp_path):
    import_records([_rec("First Paper", "No abstract available.")], tmp_path, added=DAY)
    report = import_records([_rec("Quite Another Paper", "No abstract available.")], tmp_path, added=DAY)
    assert report.added == ["quite-another-paper"]


def test_near_titles_with_clearly_different_abstracts_are_two_papers(tmp_path):
    small = make_link("https://github.com/lab/scaling-mtft", "abstract", official=True)
    large = make_link("https://github.com/other/llm-mtft", "abstract", official=True)
    import_records([_rec("Scaling Laws for Multi-Task Fine-Tuning of Language Models", SCALING,
                         links=(small,))], tmp_path, added=DAY)
    title = "Scaling Laws for Multi-Task Fine-Tuning of Large Language Models"
    report = import_records([_rec(title, SCALING_LARGE, links=(large,))], tmp_path, added=DAY)
    new_id = "scaling-laws-for-multi-task-fine-tuning-of-large-language-models"
    assert report.added == [new_id] and report.duplicates == [] and report.updated == []
    old = _read(tmp_path / "papers" / "scaling-laws-for-multi-task-fine-tuning-of-language-models.yml")
    assert [link["url"] for link in old["links"]["code"]] == ["https://github.com/lab/scaling-mtft"]
    alike = fuzz.ratio(
        normalise_title(title),
        normalise_title("Scaling Laws for Multi-Task Fine-Tuning of Language Models"),
    )
    assert 95 <= alike < 100
    path = tmp_path / "papers" / f"{new_id}.yml"
    assert path.read_text().splitlines()[2].startswith("title: Scaling Laws")
    assert [str(w) for w in report.warnings] == [
        f"{path}:3:8: warning: possibly the same paper as "
        f"scaling-laws-for-multi-task-fine-tuning-of-language-models (titles {alike:.0f}% alike); "
        "if so, delete one; if they are two papers, say so: add the line"
        " `not_same_as: [scaling-laws-for-multi-task-fine-tuning-of-language-models]` to this file"
    ]


def test_near_titles_with_a_revised_abstract_are_still_one_paper(tmp_path):
    import_records([_rec("Scaling Laws for Multi-Task Fine-Tuning of Language Models", SCALING)],
                   tmp_path, added=DAY)
    revised = SCALING.replace("300 runs", "320 runs, with code")
    report = import_records([_rec("Scaling Laws for Multi-Task Finetuning of Language Models",
                                  revised)], tmp_path, added=DAY)
    assert report.added == [] and len(report.duplicates) == 1


def test_an_abstract_conflict_shows_where_the_texts_differ(tmp_path):
    start = "This opening sentence is the same in both versions and is long enough to be cut. "
    kept = start + "We train on ten tasks. " + "The closing words are shared as well, and long."
    new = start + "We train on twelve tasks. " + "The closing words are shared as well, and long."
    conflict = Conflict(Location("p.yml", 9, 11), "abstract", kept, new, Location("in.txt", 3, 1))
    assert conflict.message == (
        "conflict in abstract: the file's '\u2026enough to be cut. We train on \u00abten\u00bb tasks. "
        "The closing words are\u2026' is kept; in.txt:3:1 says '\u2026enough to be cut. We train on "
        "\u00abtwelve\u00bb tasks. The closing words are\u2026', not written"
    )


def test_short_conflicting_values_are_shown_whole(tmp_path):
    conflict = Conflict(Location("p.yml", 4, 7), "year", "2021", "2022", Location("in.txt", 3, 1))
    assert conflict.message == "conflict in year: the file's '2021' is kept; in.txt:3:1 says '2022', not written"


def test_records_that_say_the_same_other_value_are_one_conflict_naming_each(tmp_path):
    # (curator importing a Scholar export with a journal version in it twice, under two
    # keys: every conflict was printed once a record, the same words, and counted so)
    report = import_records(
        [
            _rec("Some Paper", year="2018", line=1),
            _rec("Some Paper", year="2021", line=7),
            _rec("Some Paper", year="2021", line=13),
            _rec("Some Paper", year="2022", line=19),
        ],
        tmp_path, added=DAY,
    )
    path = tmp_path / "papers" / "some-paper.yml"
    assert [str(c) for c in report.conflicts] == [
        f"{path}:5:7: conflict in year: the file's '2018' is kept; in.txt:7:1 says '2021'"
        " (so does in.txt:13:1), not written",
        f"{path}:5:7: conflict in year: the file's '2018' is kept; in.txt:19:1 says '2022', not written",
    ]
    assert "2 conflict(s)" in report.summary()


def test_a_conflict_in_a_paper_made_in_the_same_run_points_at_its_file(tmp_path):
    report = import_records(
        [_rec("Some Paper", year="2021", line=1), _rec("Some Paper", year="2022", line=7)],
        tmp_path, added=DAY,
    )
    path = tmp_path / "papers" / "some-paper.yml"
    lines = path.read_text().splitlines()
    assert lines[4] == "year: 2021"
    assert [str(c) for c in report.conflicts] == [
        f"{path}:5:7: conflict in year: the file's '2021' is kept; in.txt:7:1 says '2022', not written"
    ]


def test_a_second_repository_is_not_made_official_next_to_the_curators(tmp_path):
    old = make_link("https://github.com/lab/method", "abstract", official=True)
    import_records([_rec("Some Method", SCALING, links=(old,))], tmp_path, added=DAY)
    new = make_link("https://github.com/lab/method-v2", "abstract", official=True)
    report = import_records([_rec("Some Method", SCALING + " Code moved.", links=(new,))],
                            tmp_path, added=DAY)
    path = tmp_path / "papers" / "some-method.yml"
    assert report.updated == ["some-method"]
    assert _read(path)["links"]["code"] == [
        {"url": "https://github.com/lab/method", "found_in": "abstract", "official": "true"},
        {"url": "https://github.com/lab/method-v2", "found_in": "abstract"},
    ]
    line = path.read_text().splitlines().index("    - url: https://github.com/lab/method") + 1
    assert [str(w) for w in report.warnings] == [
        f"{path}:{line}:12: warning: the source now also names https://github.com/lab/method-v2; "
        "https://github.com/lab/method is marked official"
    ]


def test_a_first_repository_is_still_official(tmp_path):
    import_records([_rec("Some Method", SCALING)], tmp_path, added=DAY)
    new = make_link("https://github.com/lab/method", "abstract", official=True)
    report = import_records([_rec("Some Method", SCALING + " Code.", links=(new,))], tmp_path, added=DAY)
    assert report.warnings == []
    assert _read(tmp_path / "papers" / "some-method.yml")["links"]["code"] == [
        {"url": "https://github.com/lab/method", "found_in": "abstract", "official": "true"},
    ]


def test_two_entries_of_a_new_paper_naming_two_repositories_make_one_official(tmp_path):
    first = make_link("https://github.com/lab/method", "abstract", official=True)
    second = make_link("https://github.com/fork/method", "abstract", official=True)
    report = import_records(
        [_rec("Some Method", SCALING, links=(first,)), _rec("Some Method", line=5, links=(second,))],
        tmp_path, added=DAY,
    )
    path = tmp_path / "papers" / "some-method.yml"
    assert [item.get("official") for item in _read(path)["links"]["code"]] == ["true", None]
    line = path.read_text().splitlines().index("    - url: https://github.com/lab/method") + 1
    assert [str(w) for w in report.warnings] == [
        f"{path}:{line}:12: warning: the source now also names https://github.com/fork/method; "
        "https://github.com/lab/method is marked official"
    ]


WITHDRAWN = (
    "This paper has been withdrawn by the authors due to an error in the experimental "
    "section. Please refer to the revised version of this work for the corrected results."
)


def test_a_shared_boilerplate_abstract_does_not_merge_unrelated_papers(tmp_path):
    assert len(WITHDRAWN) >= 120  # long enough to name a paper on its own
    first = make_link("https://github.com/lab/sparse-attention", "abstract", official=True)
    import_records([_rec("Sparse Attention for Long Documents", WITHDRAWN, year="2021",
                         doi="10.1/sparse", links=(first,))], tmp_path, added=DAY)
    other = make_link("https://github.com/bio/protein-lm", "abstract", official=True)
    report = import_records([_rec("Contrastive Pretraining of Protein Language Models", WITHDRAWN,
                                  year="2023", doi="10.2/protein", links=(other,))],
                           tmp_path, added=DAY)
    new_id = "contrastive-pretraining-of-protein-language-models"
    assert (report.added, report.updated, report.duplicates) == ([new_id], [], [])
    old = _read(tmp_path / "papers" / "sparse-attention-for-long-documents.yml")
    assert (old["doi"], [link["url"] for link in old["links"]["code"]]) == (
        "10.1/sparse", ["https://github.com/lab/sparse-attention"]
    )
    new = _read(tmp_path / "papers" / f"{new_id}.yml")
    assert (new["doi"], new["year"]) == ("10.2/protein", "2023")
    assert [str(w) for w in report.warnings] == [
        f"{tmp_path / 'papers' / new_id}.yml:3:8: warning: possibly the same paper as "
        "sparse-attention-for-long-documents (same abstract); if so, delete one"
    ]
    assert _read(tmp_path / "papers" / f"{new_id}.yml")["title"].startswith("Contrastive")


def test_a_shared_abstract_under_alike_titles_with_another_doi_is_another_paper(tmp_path):
    import_records([_rec("A Survey of Multi-Task Learning in NLP", LONG, doi="10.1/survey")],
                   tmp_path, added=DAY)
    report = import_records([_rec("Multi-Task Learning for NLP: An Overview", LONG,
                                  doi="10.9/overview")], tmp_path, added=DAY)
    assert report.added == ["multi-task-learning-for-nlp-an-overview"] and report.duplicates == []
    # Without the disagreeing DOI the same two titles are one paper (a reworded title is
    # what an identical abstract is for).
    again = tmp_path / "again"
    import_records([_rec("A Survey of Multi-Task Learning in NLP", LONG, doi="10.1/survey")],
                   again, added=DAY)
    report = import_records([_rec("Multi-Task Learning for NLP: An Overview", LONG)], again, added=DAY)
    assert report.added == [] and [d.reason for d in report.duplicates] == ["same abstract"]


def test_a_title_with_math_matches_the_same_title_with_its_characters():
    from generator.matchkeys import normalise_title

    # The importer keeps math as typed; for matching it reads as the characters it sets.
    assert normalise_title("$\\alpha$-Tests of $\\beta$ Models") == normalise_title("α-tests of β models")
    assert normalise_title("$\\alpha$-tests") != normalise_title("$\\gamma$-tests")


def test_one_title_with_another_arxiv_id_or_doi_is_another_paper_and_stays_so(tmp_path):
    # Two editorials, two "Robust Learning" papers: the title alone made them one paper
    # (the second's authors, venue and year were lost in conflicts).
    records = [
        _rec("Editorial", line=1, doi="10.1000/a.2019.1", authors=("A Smith",)),
        _rec("Editorial", line=2, doi="10.1000/b.2021.7", authors=("B Jones",)),
        _rec("Robust Learning", line=3, arxiv="1901.00001"),
        _rec("Robust learning", line=4, arxiv="2001.00002"),
        _rec("Robust Learning", line=5),  # no id: the first of that title
    ]
    report = import_records(records, tmp_path, added=DAY)
    assert report.added == ["editorial", "editorial-2", "robust-learning", "robust-learning-2"]
    assert [str(w).split(": warning: ", 1)[1] for w in report.warnings] == [
        "possibly the same paper as editorial (same title, another arXiv id or DOI); if so, delete one;"
        " if they are two papers, say so: add the line `not_same_as: [editorial]` to this file",
        "possibly the same paper as robust-learning (same title, another arXiv id or DOI); if so,"
        " delete one; if they are two papers, say so: add the line `not_same_as: [robust-learning]`"
        " to this file",
    ]
    assert [(d.paper_id, d.reason) for d in report.duplicates] == [("robust-learning", "same title")]
    assert _read(tmp_path / "papers" / "editorial-2.yml")["authors"] == ["B Jones"]
    # Imported again, each record finds its own paper among those of its title.
    again = import_records(records, tmp_path, added=DAY)
    assert (again.added, again.duplicates, again.conflicts) == ([], [], [])
    assert sorted(again.unchanged) == report.added
    # And `check` does not take them for one paper either.
    from generator.curation import load_content

    (tmp_path / "topics.yml").write_text("topics: []\n")
    _, problems = load_content(tmp_path, tmp_path.parent)
    assert not [p for p in problems.items if "same paper" in p.message]


def test_one_title_by_other_people_in_another_year_is_another_paper_and_stays_so(tmp_path):
    # Google Scholar's "Deep learning" twice: the MIT Press book and the Nature review.
    # Taken for one paper, the review was lost to three conflicts, and `check` refused
    # the curator's own second file (a book has no DOI to tell them apart by).
    book = _rec("Deep learning", line=1, authors=("Ian Goodfellow", "Yoshua Bengio", "Aaron Courville"),
                year="2016", publisher="MIT press")
    review = _rec("Deep learning", line=2, authors=("LeCun, Yann", "Bengio, Yoshua", "Hinton, Geoffrey"),
                  year="2015", venue="Nature")
    report = import_records([book, review], tmp_path, added=DAY)
    assert report.added == ["deep-learning", "deep-learning-2"]
    # (A book and a journal's article: not "possibly the same paper", test below.)
    assert report.warnings == []
    assert report.conflicts == []
    assert _read(tmp_path / "papers" / "deep-learning-2.yml")["venue"] == "Nature"
    # Each found again by its own people, in either order, from another source too.
    again = import_records([
        _rec("Deep Learning", line=3, path="dblp.bib", authors=("Yann LeCun", "Yoshua Bengio", "Geoffrey Hinton"),
             year="2015"),
        book,
    ], tmp_path, added=DAY)
    assert (again.added, again.conflicts) == ([], [])
    assert sorted(again.unchanged) == ["deep-learning", "deep-learning-2"]
    from generator.curation import load_content

    (tmp_path / "topics.yml").write_text("topics: []\n")
    _, problems = load_content(tmp_path, tmp_path.parent)
    assert not [p for p in problems.items if "same paper" in p.message]


def test_one_papers_exports_stay_one_paper_whatever_their_author_lists(tmp_path):
    # Cut short by "others" in another year (the preprint's), initials, "Last, First";
    # an organisation for its people in the same year: one paper each time.
    records = [
        _rec("Language Models are Few-Shot Learners", line=1,
             authors=("Brown, Tom", "Mann, Benjamin", "Ryder, Nick", "others"), year="2020"),
        _rec("Language models are few-shot learners", line=2, path="b.bib",
             authors=("T. B. Brown", "B. Mann", "N. Ryder", "M. Subbiah", "J. Kaplan"), year="2021"),
        _rec("GPT-4 Technical Report", line=3, authors=("OpenAI",), year="2023"),
        _rec("GPT-4 Technical Report", line=4, path="b.bib", authors=("Josh Achiam", "Steven Adler"), year="2023"),
    ]
    report = import_records(records, tmp_path, added=DAY)
    assert report.added == ["language-models-are-few-shot-learners", "gpt-4-technical-report"]
    assert {c.field for c in report.conflicts} == {"authors", "year"}


def test_author_names_typed_differently_are_no_conflict(tmp_path):
    import_records([_rec("A Paper", authors=("Edward J. Hu", "Łukasz Kaiser"))], tmp_path, added=DAY)
    report = import_records(
        [_rec("A Paper", line=2, path="b.bib", authors=("Edward J Hu", "Lukasz Kaiser"))],
        tmp_path, added=DAY,
    )
    assert report.conflicts == []
    assert _read(tmp_path / "papers" / "a-paper.yml")["authors"] == ["Edward J. Hu", "Łukasz Kaiser"]
    report = import_records(
        [_rec("A Paper", line=3, path="c.bib", authors=("Edward J Hu", "Noam Shazeer"))],
        tmp_path, added=DAY,
    )
    assert [c.field for c in report.conflicts] == ["authors"]


def test_one_persons_spellings_at_each_place_are_no_conflict(tmp_path):
    # A middle initial one source leaves out, a hyphen for a space, initials for the given
    # names: the same people, each at their place. The file's spelling stays, nothing said.
    first = ("Kristof T. Schütt", "Pieter-Jan Kindermans", "John Smith", "Mueller, Klaus-Robert")
    import_records([_rec("Quantum Chemistry", authors=first)], tmp_path, added=DAY)
    path = tmp_path / "papers" / "quantum-chemistry.yml"
    written = path.read_bytes()
    for line, others in enumerate((
        ("Kristof Schütt", "Pieter Jan Kindermans", "J. Smith", "K.-R. Müller"),
        ("K. T. Schütt", "P.-J. Kindermans", "John A. Smith", "Klaus Robert Müller"),
        ("Schütt, Kristof", "Kindermans, Pieter-Jan", "Smith, J.", "Klaus-Robert Müller"),
    ), start=2):
        report = import_records([_rec("Quantum Chemistry", line=line, path=f"{line}.bib", authors=others)],
                                tmp_path, added=DAY)
        assert (report.conflicts, report.kept, report.reauthored) == ([], [], []), others
        assert path.read_bytes() == written
    # And the other way round: a file with the shorter spellings keeps them.
    import_records([_rec("Quantum Chemistry", authors=("Kristof Schütt", "J. Smith"))], tmp_path / "b", added=DAY)
    path = tmp_path / "b" / "papers" / "quantum-chemistry.yml"
    written = path.read_bytes()
    report = import_records([_rec("Quantum Chemistry", line=2, path="b.bib", authors=("Kristof T. Schütt", "John Smith"))],
                            tmp_path / "b", added=DAY)
    assert report.conflicts == [] and path.read_bytes() == written


def test_other_people_at_a_place_are_still_a_conflict(tmp_path):
    first = ("John Smith", "Ana García")
    for n, others in enumerate((
        ("Jane Smith", "Ana García"),  # another given name
        ("J. Smith", "Ana Garcés"),  # another surname
        ("K. Smith", "Ana García"),  # another initial
        ("Ana García", "John Smith"),  # another order
        ("John Smith", "Ana García", "Eva Ruiz"),  # another person more
    )):
        folder = tmp_path / str(n)
        import_records([_rec("A Paper", authors=first)], folder, added=DAY)
        path = folder / "papers" / "a-paper.yml"
        written = path.read_bytes()
        report = import_records([_rec("A Paper", line=2, path="b.bib", authors=others)], folder, added=DAY)
        assert [c.field for c in report.conflicts] == ["authors"], others
        assert path.read_bytes() == written
    # Two middle initials that differ are two people, as are two given names.
    folder = tmp_path / "middle"
    import_records([_rec("A Paper", authors=("John A. Smith",))], folder, added=DAY)
    report = import_records([_rec("A Paper", line=2, path="b.bib", authors=("John B. Smith",))], folder, added=DAY)
    assert [c.field for c in report.conflicts] == ["authors"]


def test_a_conflict_in_authors_points_at_the_name_that_differs_not_at_a_spelling(tmp_path):
    import_records([_rec("A Paper", authors=("Kristof T. Schütt", "Farhad Arbabzadah"))], tmp_path, added=DAY)
    report = import_records(
        [_rec("A Paper", line=2, path="b.bib", authors=("Kristof Schütt", "Farhad Arbabzadeh"))], tmp_path, added=DAY
    )
    assert [c.message for c in report.conflicts] == [
        "conflict in authors: the file's 'Kristof T. Schütt; Farhad Arbabzadah' is kept;"
        " b.bib:2:1 says 'Kristof Schütt; Farhad Arbabzadeh', not written"
    ]


_GIVEN = ("Kristof", "Pieter", "Jan", "John", "Jane", "Ana", "Klaus", "Robert", "María", "Łukasz", "Jörg")
_SURNAMES = ("Schütt", "Kindermans", "Smith", "García", "Müller", "Kaiser", "Brown", "Hu")


@st.composite
def _person(draw):
    given = draw(st.lists(st.sampled_from(_GIVEN), min_size=1, max_size=3, unique=True))
    return given, draw(st.sampled_from(_SURNAMES))


def _written(given, surname, joiner=" "):
    return f"{joiner.join(given)} {surname}"


@given(_person(), st.data())
def test_a_name_and_its_usual_spellings_are_one_person(person, data):
    given_names, surname = person
    name = _written(given_names, surname)
    # A given name left out (not all), some as initials, a hyphen for a space, "Last, First".
    kept = data.draw(st.lists(st.booleans(), min_size=len(given_names), max_size=len(given_names)))
    shorter = [g for g, keep in zip(given_names, kept) if keep] or given_names[:1]
    initials = [g[0] + "." if data.draw(st.booleans()) else g for g in shorter]
    for variant in (
        _written(shorter, surname), _written(initials, surname), _written(given_names, surname, "-"),
        f"{surname}, {' '.join(initials)}", _written(given_names, surname).replace("ü", "ue"),
    ):
        assert one_person(name, variant) and one_person(variant, name), (name, variant)


@given(_person(), _person())
def test_another_surname_or_another_first_given_name_is_another_person(person, other):
    (given_names, surname), (other_given, other_surname) = person, other
    name = _written(given_names, surname)
    if surname != other_surname:
        assert not one_person(name, _written(given_names, other_surname))
    if not {g[0] for g in other_given} & {g[0] for g in given_names}:
        # (given names that share no initial: no name of one may be the other's, whole or
        # as its initial)
        for written in (_written(other_given, surname), _written([g[0] + "." for g in other_given], surname)):
            assert not one_person(name, written) and not one_person(written, name), (name, written)


# Names made of what trips a parser: initials, particles, commas, hyphens, "Jr", other
# scripts, punctuation alone, nothing at all.
_NAME_PARTS = st.sampled_from((
    "John", "J.", "J", "Smith", "smith", "van", "der", "Berg", ",", "-", ".", "Jr.", "Sr", "II", "Wei", "Li",
    "O'Brien", "García-Pérez", "王伟", "Пётр", "others", "{\\\"u}", "", " ",
))
_NAMES = st.one_of(st.lists(_NAME_PARTS, max_size=5).map(" ".join), st.text(max_size=12))


@settings(max_examples=400, deadline=None)
@given(_NAMES, _NAMES)
def test_one_person_is_symmetric_reflexive_and_never_raises(name, other):
    assert one_person(name, name)
    assert one_person(name, other) == one_person(other, name), (name, other)


def test_names_alike_but_of_other_people_are_not_one_person():
    for name, other in (
        ("Smith", "Jane Smith"),  # a surname alone: anyone of that surname
        ("Ng", "Andrew Ng"),
        ("others", "John Others"),  # BibTeX's "and others" is nobody
        ("Jan van der Berg", "Jan Berg"),  # a particle is the surname's, not a given name
        ("Jan van der Berg", "Jan van Berg"),
        ("Ludwig Van Beethoven", "Ludwig Beethoven"),  # in capitals too
        ("V. Berg", "Jan van Berg"),
        ("van der Berg, Jan", "Jan Berg"),
        ("Ana García-Pérez", "Ana Pérez"),  # a hyphenated surname is one surname
        ("García Márquez, Gabriel", "Gabriel Márquez"),  # (surname first: two words of it)
        ("John Smith Jr.", "John Smith Sr."),  # the son and the father
        ("Wei Li", "Wei Liu"),
        ("Li Wei", "Wei Li"),
        ("J. Smith", "John Smithers"),
        ("Malcolm X", "M. X"),
        ("", "John Smith"),
        ("...", "J. Smith"),
    ):
        assert not one_person(name, other) and not one_person(other, name), (name, other)
    # (Still one person: a particle's capitals, "Jr" one source leaves out, the surname
    # first or last.)
    for name, other in (
        ("Nando De Freitas", "N. de Freitas"), ("Ana Da Silva", "A. da Silva"),  # a particle in capitals
        ("Ludwig Van Beethoven", "L. van Beethoven"), ("Van Morrison", "V. Morrison"),  # (first: a given name)
        ("Jan van der Berg", "J. van der Berg"), ("Jan van der Berg", "van der Berg, Jan"),
        ("Jan van der Berg", "Jan Van der Berg"), ("John Smith Jr.", "J. Smith"),
        ("Smith, Jr., John", "John A. Smith"), ("Ana García-Pérez", "A. García-Pérez"),
        ("Gabriel García Márquez", "G. García Márquez"),
    ):
        assert one_person(name, other) and one_person(other, name), (name, other)


def test_a_surname_alone_for_a_named_person_is_a_conflict(tmp_path):
    import_records([_rec("A Paper", authors=("Jane Smith", "Jan van der Berg"))], tmp_path, added=DAY)
    for line, others in enumerate((("Smith", "Jan van der Berg"), ("Jane Smith", "Jan Berg")), start=2):
        report = import_records([_rec("A Paper", line=line, path="b.bib", authors=others)], tmp_path, added=DAY)
        assert [c.field for c in report.conflicts] == ["authors"], others


def test_a_versioned_arxiv_id_in_a_file_is_the_same_paper_as_the_bare_id(tmp_path):
    # The file says 2101.00010v2, the record 2101.00010: one paper, as `check` sees it.
    papers = tmp_path / "papers"
    papers.mkdir()
    (papers / "alpha-paper.yml").write_text('id: alpha-paper\ntitle: Alpha Paper\narxiv: "2101.00010v2"\n')
    report = import_records([_rec("Alpha Paper", arxiv="2101.00010")], tmp_path, added=DAY)
    assert report.added == [] and [d.paper_id for d in report.duplicates] == ["alpha-paper"]
    assert report.conflicts == []  # (the file's version stays: no disagreement)
    assert sorted(p.name for p in papers.iterdir()) == ["alpha-paper.yml"]


def test_names_in_other_scripts_that_differ_are_a_conflict(tmp_path):
    import_records([_rec("A Study", authors=("张三", "Иван Петров"))], tmp_path, added=DAY)
    report = import_records(
        [_rec("A Study", line=2, path="b.bib", authors=("李四", "Сергей Иванов"))], tmp_path, added=DAY
    )
    assert [c.field for c in report.conflicts] == ["authors"]


def test_a_title_match_whose_arxiv_id_is_a_deleted_papers_is_that_deleted_paper(tmp_path):
    records = [
        _rec("Editorial", line=1, doi="10.1000/one"),
        _rec("Editorial", line=2, doi="10.1000/two"),
        _rec("Editorial", line=3, arxiv="2201.00001"),
    ]
    import_records(records, tmp_path, added=DAY)
    holder = next(p for p in (tmp_path / "papers").iterdir() if "2201.00001" in p.read_text())
    holder.unlink()  # the curator deletes the paper that had the arXiv id
    report = import_records(records, tmp_path, added=DAY)
    assert holder.stem in report.removed
    assert not any("2201.00001" in p.read_text() for p in (tmp_path / "papers").iterdir())


def test_titles_that_differ_in_a_part_number_are_two_papers(tmp_path):
    # Each pair is alike enough to be merged (over 95%), the second paper lost into the
    # first: "One" and "Two", Roman numerals past two letters and Chinese numerals were no
    # marks of identity.
    pairs = [
        ("Instruction Tuning for Large Language Models: Part One",
         "Instruction Tuning for Large Language Models: Part Two"),
        ("Scaling Laws for Transfer in Large Language Models, Volume III",
         "Scaling Laws for Transfer in Large Language Models, Volume VII"),
        # (Chinese written without spaces shares no word, so is never compared; with them
        # it is.)
        ("大型语言模型 指令微调与人类偏好对齐 系统综述 第一部分",
         "大型语言模型 指令微调与人类偏好对齐 系统综述 第二部分"),
    ]
    for a, b in pairs:  # (the premise: without the marks, the two would be one paper)
        assert fuzz.ratio(normalise_title(a), normalise_title(b)) >= 95, (a, b)
    records = [_rec(title, line=n + 1) for n, title in enumerate(t for pair in pairs for t in pair)]
    report = import_records(records, tmp_path, added=DAY)
    assert report.duplicates == []
    assert len(report.added) == 6
    titles = sorted(_read(p)["title"] for p in (tmp_path / "papers").iterdir())
    assert titles == sorted(t for pair in pairs for t in pair)


def test_everyday_words_are_no_numerals():
    from generator.matchkeys import identity_marks

    # "cli" is no Roman numeral; 一 ("a"), 上, 中, 下 ("on", "in", "under") are no Chinese
    # numerals: two alike titles that differ elsewhere are still compared.
    assert identity_marks(normalise_title("A CLI for mixed civil tasks")) == ()
    assert identity_marks(normalise_title("医学影像中的一种应用 上下文")) == ()
    assert identity_marks(normalise_title("Part III and Part XIV, Volume LII")) == ("iii", "lii", "xiv")


def test_a_stored_title_key_is_the_same_as_before_for_every_script():
    # imported.json keeps digests of normalised titles (deleted and retitled papers): a
    # change of normal form would bring deleted papers back. These are the forms keyed
    # before: marks gone in every script, Hangul in jamo.
    import unicodedata

    assert normalise_title("데이터 연구") == unicodedata.normalize("NFKD", "데이터 연구")
    assert normalise_title("مُقَدِّمَة في تعلم") == normalise_title("مقدمة في تعلم")
    assert normalise_title("BERTによるデータ") == "bertによるテータ"


def test_a_title_of_symbols_only_is_found_again_on_re_import(tmp_path):
    # (keyed "", it matched nothing: each re-import added "paper-2", "paper-3"...)
    for _ in range(3):
        import_records([_rec("🔥", "An abstract.")], tmp_path, added=DAY)
    assert _names(tmp_path) == ["paper.yml"]


def test_a_venue_in_other_capitals_is_no_conflict_and_its_kind_and_publisher_are_filled(tmp_path):
    # Google Scholar lower-cases venues as it does titles: "Advances in neural information
    # processing systems" was a conflict, and the proceedings' kind and publisher were
    # left out as "of another venue".
    scholar = _rec("Language Models are Few-Shot Learners", line=1, year="2020",
                   venue="Advances in neural information processing systems", volume="33")
    neurips = _rec("Language Models are Few-Shot Learners", line=2, path="neurips.bib", year="2020",
                   venue="Advances in Neural Information Processing Systems", venue_kind="conference",
                   publisher="Curran Associates, Inc.", volume="33")
    # In one import, the source that keeps the capitals gives the venue.
    one = import_records([scholar, neurips], tmp_path / "one", added=DAY)
    assert one.conflicts == [] and not one.warnings
    paper = _read(tmp_path / "one" / "papers" / f"{one.added[0]}.yml")
    assert (paper["venue"], paper["venue_kind"], paper["publisher"]) == (
        "Advances in Neural Information Processing Systems", "conference", "Curran Associates, Inc.")
    # In a later import, the file's venue stays (it may be the curator's) and the capitals
    # are told; the rest is filled.
    (paper_id,) = import_records([scholar], tmp_path / "two", added=DAY).added
    later = import_records([neurips], tmp_path / "two", added=DAY)
    assert [(c.field, c.imported) for c in later.conflicts] == [("venue", neurips.venue)]
    assert not later.warnings and later.updated == [paper_id]
    paper = _read(tmp_path / "two" / "papers" / f"{paper_id}.yml")
    assert (paper["venue"], paper["venue_kind"], paper["publisher"]) == (
        "Advances in neural information processing systems", "conference", "Curran Associates, Inc.")


def test_a_lowered_venue_takes_dblps_booktitle_of_the_same_conference_in_the_same_import(tmp_path):
    # (imp22: Google Scholar's "Advances in neural information processing systems" and
    # DBLP's booktitle of it, with its number, days and place, in one import: Scholar's
    # lowered name stayed, and the note said to import DBLP's in the same import, as
    # done.) As the DBLP record first gives it: its booktitle, whatever the order.
    dblp_venue = DBLP_NEURIPS_2017
    scholar = _rec("Attention is all you need", line=1, year="2017",
                   venue="Advances in neural information processing systems", volume="30")
    dblp = _rec("Attention is All you Need", line=2, path="dblp.bib", year="2017",
                venue=dblp_venue, venue_kind="conference")
    for n, records in enumerate(([scholar, dblp], [dblp, scholar])):
        report = import_records(records, tmp_path / str(n), added=DAY)
        assert report.conflicts == [] and not report.warnings
        assert _read(tmp_path / str(n) / "papers" / f"{report.added[0]}.yml")["venue"] == dblp_venue
    # A workshop's name in capitals (another venue), or one that does not start with
    # Scholar's words (an acronym), leaves Scholar's as it is.
    for other in ("Advances in Neural Information Processing Systems Workshop on Deep Learning", "NeurIPS"):
        root = tmp_path / other.replace(" ", "-")
        later = _rec("Attention is all you need", line=2, path="x.bib", year="2017", venue=other)
        report = import_records([scholar, later], root, added=DAY)
        assert _read(root / "papers" / f"{report.added[0]}.yml")["venue"] == scholar.venue, other


def test_an_author_list_cut_short_by_others_takes_the_whole_list_of_the_same_import(tmp_path):
    scholar = _rec("Language Models are Few-Shot Learners", line=1, year="2020",
                   authors=("Brown, Tom", "Mann, Benjamin", "Ryder, Nick", "others"))
    # (arXiv's list, with a middle initial Scholar leaves out: review)
    whole = ("Tom B. Brown", "Benjamin Mann", "Nick Ryder", "Melanie Subbiah", "Jared Kaplan")
    neurips = _rec("Language Models are Few-Shot Learners", line=2, path="neurips.bib", year="2020",
                   authors=whole)
    one = import_records([scholar, neurips], tmp_path / "one", added=DAY)
    assert one.conflicts == []
    assert _read(tmp_path / "one" / "papers" / f"{one.added[0]}.yml")["authors"] == list(neurips.authors)
    # The whole list first, then the cut one: nothing new, no conflict.
    again = import_records([scholar], tmp_path / "one", added=DAY)
    assert again.conflicts == []
    # In a later import too, while the file's list is the one the import wrote (imp34:
    # test_import_cut_short.py has the rest of that rule)...
    (paper_id,) = import_records([scholar], tmp_path / "two", added=DAY).added
    later = import_records([neurips], tmp_path / "two", added=DAY)
    assert later.conflicts == [] and len(later.reauthored) == 1
    assert _read(tmp_path / "two" / "papers" / f"{paper_id}.yml")["authors"] == list(whole)
    # ...but a list a curator edited since stays (they may have cut it): a conflict says
    # there is a whole one. It points at the list's end, which differs, not at DBLP's
    # "Edward J. Hu" for the file's "Edward Hu" (names typed otherwise are no conflict).
    long = _rec("Language Models are Few-Shot Learners", line=1, year="2020", authors=(
        "Edward J Hu", "Yelong Shen", "Phillip Wallis", "Zeyuan Allen-Zhu", "Yuanzhi Li", "others"))
    (long_id,) = import_records([long], tmp_path / "four", added=DAY).added
    long_path = tmp_path / "four" / "papers" / f"{long_id}.yml"
    long_path.write_text(long_path.read_text().replace("- Edward J Hu\n", "- Edward Hu\n"))
    dblp = _rec("Language Models are Few-Shot Learners", line=2, path="dblp.bib", year="2020", authors=(
        "Edward J. Hu", "Yelong Shen", "Phillip Wallis", "Zeyuan Allen-Zhu", "Yuanzhi Li", "Shean Wang"))
    (conflict,) = import_records([dblp], tmp_path / "four", added=DAY).conflicts
    assert conflict.message == (
        "conflict in authors: the file's '…Zeyuan Allen-Zhu; Yuanzhi Li; «others»' is kept;"
        " dblp.bib:2:1 says '…Zeyuan Allen-Zhu; Yuanzhi Li; «Shean Wang»', not written"
    )
    # Another person among the first ones: another list, a conflict.
    other = _rec("Language Models are Few-Shot Learners", line=3, path="x.bib", year="2020",
                 authors=("Tom Brown", "Someone Else", "Nick Ryder", "Melanie Subbiah"))
    three = import_records([scholar, other], tmp_path / "three", added=DAY)
    assert [c.field for c in three.conflicts] == ["authors"]


def test_a_title_in_other_capitals_from_a_later_import_is_no_conflict(tmp_path):
    # Sentence case is a house style (APA's) as much as Scholar's lower case: no conflict,
    # the file's title stays (review: telling "Attention is all you need" of capitals
    # contradicted the documented rule); but not its lowered acronym, "Bert", which no
    # style writes (below).
    (paper_id,) = import_records([_rec("Bert: Pre-training of deep bidirectional transformers", year="2019")],
                                 tmp_path, added=DAY).added
    dblp = _rec("BERT: Pre-training of Deep Bidirectional Transformers", line=2, path="dblp.bib", year="2019")
    later = import_records([dblp], tmp_path, added=DAY)
    # Nor a note: another source's capitals are its style (a note is for the paper's own
    # source record recapitalised in the reference manager: test_importmerge).
    assert later.conflicts == [] and later.recapitalised == []
    assert _read(tmp_path / "papers" / f"{paper_id}.yml")["title"] == "BERT: Pre-training of deep bidirectional transformers"


def test_an_imported_title_whose_acronyms_scholar_lowered_takes_them_from_a_later_source(tmp_path):
    """Google Scholar's "Lora: Low-rank adaptation…" imported first, the list showed "Lora"
    for good: a later source's "LoRA" changed nothing and said nothing. The acronym takes
    its capitals; the rest keeps the file's sentence case. Not a title a curator wrote."""
    scholar = _rec("Lora: Low-rank adaptation of large language models", year="2022")
    zotero = _rec("LoRA: Low-Rank Adaptation of Large Language Models", line=2, path="zotero.bib", year="2022")
    (paper_id,) = import_records([scholar], tmp_path / "one", added=DAY).added
    later = import_records([zotero], tmp_path / "one", added=DAY)
    path = tmp_path / "one" / "papers" / f"{paper_id}.yml"
    assert _read(path)["title"] == "LoRA: Low-rank adaptation of large language models"
    assert later.updated == [paper_id] and later.conflicts == []
    assert [str(change) for change in later.recased] == [
        f"title: {paper_id} now 'LoRA: Low-rank adaptation of large language models'"
        " (was 'Lora: Low-rank adaptation of large language models': a source had lower-cased its acronyms)"
    ]
    # Both sources again: nothing changes back, nothing more is said.
    again = import_records([scholar, zotero], tmp_path / "one", added=DAY)
    assert again.recased == [] and again.updated == [] and again.conflicts == []
    assert _read(path)["title"] == "LoRA: Low-rank adaptation of large language models"
    # A title the curator wrote since (the same words) is theirs, "Lora" and all.
    (paper_id,) = import_records([scholar], tmp_path / "two", added=DAY).added
    path = tmp_path / "two" / "papers" / f"{paper_id}.yml"
    path.write_text(path.read_text().replace("Lora: Low-rank", "Lora: low-rank"))
    assert import_records([zotero], tmp_path / "two", added=DAY).recased == []
    assert _read(path)["title"] == "Lora: low-rank adaptation of large language models"
    # A source in capitals throughout gives no acronym.
    (paper_id,) = import_records([scholar], tmp_path / "three", added=DAY).added
    shouted = _rec("LORA: LOW-RANK ADAPTATION OF LARGE LANGUAGE MODELS", line=3, path="ieee.bib", year="2022")
    assert import_records([shouted], tmp_path / "three", added=DAY).recased == []
    assert _read(tmp_path / "three" / "papers" / f"{paper_id}.yml")["title"] == scholar.title



def test_an_old_arxiv_id_with_its_subject_class_is_the_same_paper_as_arxivs_own_form(tmp_path):
    # (review: a BibTeX's math.GT/0309136 and `add`'s math/0309136 made two files)
    from generator.errors import Problems as _Problems
    from generator.ingest import parse_text

    problems = _Problems()
    (record,) = parse_text("@misc{k, title={Knot Floer}, eprint={math.GT/0309136v2}}", "k.bib", problems)
    assert record.arxiv == "math/0309136"
    papers = tmp_path / "papers"
    papers.mkdir()
    (papers / "knots.yml").write_text("id: knots\ntitle: Knot Floer Homology\narxiv: math.GT/0309136\n")
    report = import_records([_rec("Holomorphic disks and knot invariants", arxiv="math/0309136")], tmp_path, added=DAY)
    assert report.added == [] and [d.paper_id for d in report.duplicates] == ["knots"]
    (papers / "other.yml").write_text("id: other\ntitle: Another Title\nabstract: x\narxiv: math/0309136\n")
    from generator.curation import load_content

    (tmp_path / "topics.yml").write_text("topics: []\n")
    _, problems = load_content(tmp_path, tmp_path.parent)
    assert [p.message.split(";")[0].replace(tmp_path.name + "/", "") for p in problems.items if "same paper" in p.message] == [
        "same paper as papers/other.yml (the same arXiv id math.GT/0309136)",
        "same paper as papers/knots.yml (the same arXiv id math/0309136)",
    ]


def test_a_list_scholar_ends_with_others_after_every_name_is_no_conflict(tmp_path):
    # A curator's review: Scholar's LoRA entry names all eight authors, then "and others";
    # imported after the whole list, it was a conflict, in that import and every later one.
    eight = ("Edward J. Hu", "Yelong Shen", "Phillip Wallis", "Zeyuan Allen-Zhu", "Yuanzhi Li",
             "Shean Wang", "Lu Wang", "Weizhu Chen")
    zotero = _rec("LoRA: Low-Rank Adaptation of Large Language Models", line=1, year="2021", authors=eight)
    scholar = _rec("LoRA: Low-Rank Adaptation of Large Language Models", line=2, path="scholar.bib",
                   year="2021", authors=(*eight, "others"))
    report = import_records([zotero, scholar], tmp_path, added=DAY)
    assert report.conflicts == []
    assert import_records([scholar], tmp_path, added=DAY).conflicts == []
    assert _read(tmp_path / "papers" / f"{report.added[0]}.yml")["authors"] == list(eight)
    # Scholar's first: the list naming them all, not "et al.", as for a list cut shorter.
    other = tmp_path / "other"
    report = import_records([scholar, zotero], other, added=DAY)
    assert report.conflicts == []
    assert _read(other / "papers" / f"{report.added[0]}.yml")["authors"] == list(eight)


def test_a_cut_short_list_matches_its_people_spelt_with_or_without_umlauts(tmp_path):
    # (second review: "Müller, Jörg" and "Joerg Mueller" were two people, so a conflict)
    scholar = _rec("Kernel Methods Revisited", line=1, year="2019", authors=("Müller, Jörg", "others"))
    dblp = _rec("Kernel Methods Revisited", line=2, path="dblp.bib", year="2019",
                authors=("Joerg Mueller", "Bo Liu", "Ana Silva"))
    report = import_records([scholar, dblp], tmp_path, added=DAY)
    assert report.conflicts == []
    assert _read(tmp_path / "papers" / f"{report.added[0]}.yml")["authors"] == list(dblp.authors)


def test_dblps_capitalised_doi_takes_the_registrants_spelling_in_the_same_import(tmp_path):
    # A curator's review: BERT's page showed DBLP's "10.18653/V1/N19-1423" although the
    # ACL Anthology's entry, imported with it, writes "10.18653/v1/N19-1423".
    title = "BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding"
    dblp = _rec(title, line=1, path="dblp.bib", year="2019", doi="10.18653/V1/N19-1423")
    acl = _rec(title, line=2, path="acl.bib", year="2019", doi="10.18653/v1/N19-1423")
    for order, folder in (([dblp, acl], "one"), ([acl, dblp], "two")):
        report = import_records(order, tmp_path / folder, added=DAY)
        assert report.conflicts == []
        assert _read(tmp_path / folder / "papers" / f"{report.added[0]}.yml")["doi"] == "10.18653/v1/N19-1423"
    # In a later import the file's DOI stays, as a title's capitals do (no conflict: a DOI
    # ignores case).
    (paper_id,) = import_records([dblp], tmp_path / "three", added=DAY).added
    assert import_records([acl], tmp_path / "three", added=DAY).conflicts == []
    assert _read(tmp_path / "three" / "papers" / f"{paper_id}.yml")["doi"] == "10.18653/V1/N19-1423"


def test_a_title_an_older_import_read_with_its_venue_is_found_by_its_pdf_and_kept(tmp_path):
    # A second review: a Markdown list's "Title (CVPR 2016) [pdf](...)" was titled with
    # its venue; read today as "Title" of CVPR 2016, importing the list again added a
    # second paper. The same PDF under a title holding the other's words is the paper:
    # the file's title and year stay, each a conflict, and the venue it lacked fills.
    pdf = make_link("https://openaccess.thecvf.com/content_cvpr_2016/papers/He_CVPR_2016_paper.pdf", "curator")
    old = _rec("Deep Residual Learning for Image Recognition (CVPR 2016)", year="2023", links=(pdf,))
    import_records([old], tmp_path, added=DAY)
    path = tmp_path / "papers" / "deep-residual-learning-for-image-recognition-cvpr-2016.yml"
    before = path.read_text(encoding="utf-8")
    new = _rec("Deep Residual Learning for Image Recognition", venue="CVPR", year="2016", links=(pdf,))
    report = import_records([new], tmp_path, added=DAY)
    assert report.added == []
    assert [(c.field, c.kept, c.imported) for c in report.conflicts] == [
        ("title", "Deep Residual Learning for Image Recognition (CVPR 2016)",
         "Deep Residual Learning for Image Recognition"),
        ("year", "2023", "2016"),
    ]
    assert path.read_text(encoding="utf-8") == before.replace("year: 2023\n", "year: 2023\nvenue: CVPR\n")
    # Another PDF, or a title that is not within the other, is another paper.
    other = make_link("https://example.org/other.pdf", "curator")
    report = import_records([
        _rec("Deep Residual Learning", links=(other,)),
        _rec("Residual Networks for Image Recognition", links=(pdf,)),
    ], tmp_path, added=DAY)
    assert report.added == ["deep-residual-learning", "residual-networks-for-image-recognition"]


def test_a_title_an_earlier_import_took_with_a_full_stop_after_it_is_no_conflict(tmp_path):
    # Google Scholar's "Lora: ... models." was imported with its full stop; read without
    # it today, the same entry imported again is no conflict, and the file stays.
    import_records([_rec("Lora: Low-rank adaptation of large language models.")], tmp_path, added=DAY)
    path = tmp_path / "papers" / "lora-low-rank-adaptation-of-large-language-models.yml"
    before = path.read_text(encoding="utf-8")
    report = import_records([_rec("Lora: Low-rank adaptation of large language models")], tmp_path, added=DAY)
    assert report.conflicts == [] and report.added == []
    assert path.read_text(encoding="utf-8") == before


def test_a_shared_paper_link_and_a_longer_title_with_more_words_than_a_venue_are_two_papers(tmp_path):
    # A review: a list that links each paper to its proceedings' page (a link of kind
    # paper, shared by the volume's papers) merged "Attention Is All You Need" and a
    # later paper whose title holds all its words. Only a venue and year after (or
    # before) the other title's words, as an older import read "Title (CVPR 2016)",
    # make the longer title the same paper's.
    volume = make_link("https://papers.nips.cc/paper/2017", "curator")
    import_records([_rec("Attention Is All You Need", year="2017", links=(volume,))], tmp_path, added=DAY)
    report = import_records([
        _rec("Attention Is All You Need In Speech Separation", year="2017", links=(volume,)),
        _rec("Attention Is All You Need NeurIPS 2017", year="2017", links=(volume,)),
    ], tmp_path, added=DAY)
    assert report.added == ["attention-is-all-you-need-in-speech-separation"]
    assert report.conflicts[0].field == "title"


def test_a_title_spelt_with_hyphens_for_spaces_or_in_lower_case_is_no_conflict(tmp_path):
    # (A helper's import of realistic exports: every import of Scholar's and DBLP's
    # entries reported the curator's "Chain of Thought Prompting" as a conflict.)
    papers = tmp_path / "papers"
    papers.mkdir()
    curated = "Chain of Thought Prompting Elicits Reasoning in Large Language Models"
    (papers / "cot.yml").write_text(f"id: cot\ntitle: {curated}\narxiv: '2201.11903'\n")
    report = import_records([
        _rec("Chain-of-thought prompting elicits reasoning in large language models", path="scholar.bib"),
        _rec("Chain-of-Thought Prompting Elicits Reasoning in Large Language Models", path="dblp.bib",
             arxiv="2201.11903"),
        _rec("Chain‑of‑Thought Prompting Elicits Reasoning in Large Language Models.", path="x.bib"),
    ], tmp_path, added=DAY)
    assert report.conflicts == [] and report.added == []
    assert _read(papers / "cot.yml")["title"] == curated
    # A hyphen for no space at all: the first spelling stays, in a new paper too.
    one = import_records([
        _rec("BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding", line=1),
        _rec("Bert: Pretraining of deep bidirectional transformers for language understanding", line=2),
    ], tmp_path / "two", added=DAY)
    assert one.conflicts == [] and len(one.added) == 1
    assert _read(tmp_path / "two" / "papers" / f"{one.added[0]}.yml")["title"] == (
        "BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding")
    # A short title so spelt, too short for a similar title's score, is found too; other
    # numbers tell titles apart whatever their spaces.
    short = import_records([_rec("ReAct", line=1), _rec("Re-Act", line=2), _rec("X-Former", line=3),
                            _rec("XFormer", line=4), _rec("Llama 2 70B", line=5), _rec("Llama 270B", line=6)],
                           tmp_path / "three", added=DAY)
    assert (short.added, short.conflicts) == (["react", "x-former", "llama-2-70b", "llama-270b"], [])
    assert [str(d) for d in short.duplicates] == [
        "in.txt:2:1: duplicate of react, the record at in.txt:1:1 (same title but for a hyphen or space); merged",
        "in.txt:4:1: duplicate of x-former, the record at in.txt:3:1 (same title but for a hyphen or space); merged",
    ]
    # Other words (or other punctuation) are still a conflict.
    other = import_records([
        _rec("Chain of Thought Reasoning in Large Language Models", path="y.bib", arxiv="2201.11903"),
        _rec("Chain of Thought Prompting Elicits Reasoning in Large Language Models?", path="z.bib",
             arxiv="2201.11903"),
    ], tmp_path, added=DAY)
    assert [(c.field, c.source.path) for c in other.conflicts] == [("title", "y.bib"), ("title", "z.bib")]


DBLP_NEURIPS_2017 = (
    "Advances in Neural Information Processing Systems 30: Annual Conference on Neural"
    " Information Processing Systems 2017, December 4-9, 2017, Long Beach, CA, USA"
)


def test_a_conference_by_its_acronym_and_by_its_name_is_one_venue_and_its_pages_are_taken(tmp_path):
    # (A helper's import of realistic exports: the curator's "NeurIPS" conflicted with
    # Scholar's and DBLP's names of it on every import, and their volume and pages were
    # left out as another venue's.)
    papers = tmp_path / "papers"
    papers.mkdir()
    (papers / "attention.yml").write_text(
        "id: attention\ntitle: Attention Is All You Need\nyear: 2017\nvenue: NeurIPS\n")
    scholar = _rec("Attention is all you need", path="scholar.bib", year="2017",
                   venue="Advances in neural information processing systems", volume="30")
    dblp = _rec("Attention is All you Need", path="dblp.bib", year="2017", venue=DBLP_NEURIPS_2017,
                venue_kind="conference", pages="5998–6008")
    report = import_records([scholar, dblp], tmp_path, added=DAY)
    assert report.conflicts == [] and not report.warnings
    paper = _read(papers / "attention.yml")
    assert (paper["venue"], paper["venue_kind"], paper["volume"], paper["pages"]) == (
        "NeurIPS", "conference", "30", "5998–6008")
    # A new paper: Scholar's venue first, then DBLP's booktitle, in one import or two (in
    # one, DBLP's capitals: test_a_lowered_venue_takes_dblps_booktitle_...).
    for runs, venue in (([[scholar, dblp]], DBLP_NEURIPS_2017), ([[scholar], [dblp]], scholar.venue)):
        where = tmp_path / str(len(runs))
        said = [import_records(run, where, added=DAY) for run in runs]
        assert [r.conflicts for r in said] == [[]] * len(runs) and not any(r.warnings for r in said)
        paper = _read(where / "papers" / "attention-is-all-you-need.yml")
        assert (paper["venue"], paper["volume"], paper["pages"]) == (venue, "30", "5998–6008")


def test_rss_by_its_edition_in_roman_numerals_is_the_papers_rss_of_that_year(tmp_path):
    # RSS's proceedings name the edition, not the year: "XVII" is 2021 (RSS I was 2005).
    # The curator's "RSS 2021" conflicted with them, and their pages were another venue's.
    papers = tmp_path / "papers"
    papers.mkdir()
    (papers / "rma.yml").write_text("id: rma\ntitle: RMA Rapid Motor Adaptation for Legged Robots\nyear: 2021\n"
                                    "venue: RSS 2021\n")
    record = _rec("RMA Rapid Motor Adaptation for Legged Robots", path="dblp.bib", year="2021",
                  venue="Robotics: Science and Systems XVII", venue_kind="conference", pages="11")
    report = import_records([record], tmp_path, added=DAY)
    assert report.conflicts == [] and not report.warnings
    paper = _read(papers / "rma.yml")
    assert (paper["venue"], paper["pages"]) == ("RSS 2021", "11")
    # Another year's edition is another venue.
    later = _rec(record.title, path="dblp.bib", year="2021", venue="Robotics: Science and Systems XVIII")
    assert [c.field for c in import_records([later], tmp_path, added=DAY).conflicts] == ["venue"]


def test_a_conference_paper_a_list_says_was_an_oral_takes_the_proceedings_volume(tmp_path):
    # (A Markdown list's "NeurIPS 2019 Oral" was another venue than the proceedings that
    # print the paper: a conflict on every import of its BibTeX, its volume left out.)
    papers = tmp_path / "papers"
    papers.mkdir()
    (papers / "xlnet.yml").write_text("id: xlnet\ntitle: XLNet\nyear: 2019\nvenue: NeurIPS Oral\n")
    scholar = _rec("Xlnet", path="scholar.bib", year="2019",
                   venue="Advances in neural information processing systems", venue_kind="conference", volume="32")
    report = import_records([scholar], tmp_path, added=DAY)
    assert report.conflicts == [] and not report.warnings
    paper = _read(papers / "xlnet.yml")
    assert (paper["venue"], paper["venue_kind"], paper["volume"]) == ("NeurIPS Oral", "conference", "32")


@pytest.mark.parametrize("listed", [
    "CVPR Best Paper", "CVPR Best Paper Award", "CVPR Best Student Paper", "CVPR Honorable Mention",
    "CVPR Best Paper Honourable Mention", "CVPR Outstanding Paper", "CVPR Spotlight",
])
def test_an_award_a_list_names_beside_the_conference_is_no_venue_conflict(tmp_path, listed):
    # A review: "CVPR 2019 Best Paper" in a Markdown list was a conflict with the CVPR
    # proceedings a BibTeX export of the paper names, at every import of either; an
    # award, like an oral, is the conference's own paper. The file's venue stands.
    papers = tmp_path / "papers"
    papers.mkdir()
    proceedings = "2019 IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)"
    (papers / "gan.yml").write_text(f"id: gan\ntitle: A Style GAN\nyear: 2019\nvenue: {proceedings!r}\n")
    report = import_records([_rec("A Style GAN", path="list.md", year="2019", venue=listed)], tmp_path, added=DAY)
    assert report.conflicts == [] and not report.warnings
    assert _read(papers / "gan.yml")["venue"] == proceedings


def test_another_conference_a_workshop_or_another_year_is_still_a_venue_conflict(tmp_path):
    papers = tmp_path / "papers"
    papers.mkdir()
    (papers / "attention.yml").write_text(
        "id: attention\ntitle: Attention Is All You Need\nyear: 2017\nvenue: NeurIPS\n")
    report = import_records([
        _rec("Attention Is All You Need", line=1, year="2017", venue="ICML", pages="1–9"),
        _rec("Attention Is All You Need", line=2, year="2017", venue="NeurIPS 2017 Workshop on Attention"),
        _rec("Attention Is All You Need", line=3, year="2017", venue="NeurIPS 2018"),
        # (The year a venue names is its own: DBLP's says 2017, the record's year another.)
        _rec("Attention Is All You Need", line=4, year="2018", venue="Advances in Neural Information"
             " Processing Systems"),
        _rec("Attention Is All You Need", line=5, year="2018", venue=DBLP_NEURIPS_2017),
    ], tmp_path, added=DAY)
    # (Records 4 and 5 say the same year: one conflict, naming both.)
    assert sorted((c.source.line, c.field, tuple(a.line for a in c.also)) for c in report.conflicts) == [
        (1, "venue", ()), (2, "venue", ()), (3, "venue", ()), (4, "venue", ()), (4, "year", (5,))]
    assert "pages" not in _read(papers / "attention.yml")


def test_an_abstract_with_a_publishers_copyright_notice_is_no_conflict_with_one_without(tmp_path):
    # A file holding Scopus' abstract as an earlier import took it (or as a curator kept
    # it): another source's, without "© 2016 IEEE.", is the same abstract.
    papers = tmp_path / "papers"
    papers.mkdir()
    text = "Deeper neural networks are more difficult to train. We present a residual learning framework."
    (papers / "resnet.yml").write_text(
        f"id: resnet\ntitle: Deep Residual Learning for Image Recognition\nabstract: '{text} © 2016 IEEE.'\n")
    same = _rec("Deep Residual Learning for Image Recognition", text, path="arxiv.bib")
    other = _rec("Deep Residual Learning for Image Recognition", text[:-1] + " for vision.", path="x.bib")
    report = import_records([same, other], tmp_path, added=DAY)
    assert [c.source.path for c in report.conflicts] == ["x.bib"]
    assert _read(papers / "resnet.yml")["abstract"] == f"{text} © 2016 IEEE."


def test_a_retitled_record_without_an_abstract_is_said_to_be_possibly_the_paper_printed_there(tmp_path):
    # A title corrected in the reference manager, in a record with no abstract (an
    # EndNote or CNKI export), matches no title: a new paper, as before, but no longer
    # unsaid, since no two papers share their authors, venue, year and pages.
    where = dict(authors=("Jörg Müller", "Anja Größer"), venue="Künstliche Intelligenz", year="2022",
                 volume="36", number="2")
    import_records([_rec("Über die Stabilität neuronaler Netze", pages="101-117", **where)],
                   tmp_path, added=DAY)
    report = import_records([_rec("Zur Stabilität neuronaler Netze", pages="101–117",
                                  doi="10.1007/s13218-022-00771-x", **where)], tmp_path, added=DAY)
    new_id = "zur-stabilitat-neuronaler-netze"
    assert report.added == [new_id] and report.duplicates == []
    assert [str(w) for w in report.warnings] == [
        f"{tmp_path / 'papers' / new_id}.yml:3:8: warning: possibly the same paper as "
        "uber-die-stabilitat-neuronaler-netze (same authors, venue, year and pages); if so, delete one"
    ]
    # Other pages of the same issue, or no pages, are another paper of the same people.
    for title, pages in (("Ein zweiter Beitrag", "118-130"), ("Ein dritter Beitrag", "")):
        report = import_records([_rec(title, pages=pages, **where)], tmp_path, added=DAY)
        assert len(report.added) == 1 and report.warnings == [], title


_BOOK = {"authors": ("Ian Goodfellow", "Yoshua Bengio"), "year": "2016", "publisher": "MIT Press"}
_OTHERS = {"authors": ("Yann LeCun", "Geoffrey Hinton"), "year": "2015"}


@pytest.mark.parametrize("first, second, said", [
    # (curator: a book and a paper of one title were "possibly the same paper", though
    # one is a book and the other in a journal, proceedings or a book: two works)
    (_BOOK, {**_OTHERS, "venue": "Nature", "venue_kind": "journal"}, False),
    (_BOOK, {**_OTHERS, "venue": "Proceedings of ICML", "venue_kind": "conference"}, False),
    # A chapter of an edited book (BibTeX's @incollection), named like a book.
    ({**_OTHERS, "venue": "Handbook of Learning", "venue_kind": "book"}, _BOOK, False),
    # Works of one kind, or of kinds one paper is exported as, stay a likely duplicate:
    # the article and the proceedings' paper, a preprint, a record that says no venue.
    ({**_OTHERS, "venue": "Nature", "venue_kind": "journal"},
     {**_BOOK, "publisher": "", "venue": "Proceedings of ICML", "venue_kind": "conference"}, True),
    ({**_OTHERS, "venue": "arXiv preprint arXiv:1501.00001"}, _BOOK, True),
    ({**_OTHERS}, _BOOK, True),
    (_BOOK, {**_OTHERS, "publisher": "Springer"}, True),
    # A chapter and a conference's paper: Springer exports the papers of its proceedings
    # (LNCS) as chapters (@incollection, RIS's CHAP).
    ({**_OTHERS, "venue": "Computer Vision - ECCV 2016", "venue_kind": "book"},
     {**_BOOK, "publisher": "", "venue": "ECCV", "venue_kind": "conference"}, True),
])
def test_a_book_and_a_paper_of_one_title_are_not_said_possibly_the_same(tmp_path, first, second, said):
    report = import_records(
        [_rec("Deep Learning", line=1, **first), _rec("Deep Learning", line=2, **second)], tmp_path, added=DAY
    )
    assert report.added == ["deep-learning", "deep-learning-2"]
    warnings = [str(w).split(": warning: ", 1)[1] for w in report.warnings]
    assert warnings == (
        [
            "possibly the same paper as deep-learning (same title, other authors and year); if so, delete"
            " one; if they are two papers, say so: add the line `not_same_as: [deep-learning]` to this file"
        ]
        if said else []
    )


def test_a_book_and_a_chapter_of_one_title_by_one_other_author_are_two_works(tmp_path):
    # (curator: Sutton and Barto's book and Kaelbling's chapter "Reinforcement Learning:
    # An Introduction" were merged, three conflicts at the book: one person is too few
    # to tell two papers of one kind apart, not a book from a chapter in another's book)
    book = _rec("Reinforcement Learning: An Introduction", line=1, authors=("Richard S. Sutton", "Andrew G. Barto"),
                year="2018", publisher="MIT Press")
    chapter = _rec("Reinforcement Learning: An Introduction", line=2, authors=("Leslie Kaelbling",), year="1996",
                   venue="Recent Advances in Reinforcement Learning", venue_kind="book", publisher="Springer")
    report = import_records([book, chapter], tmp_path, added=DAY)
    assert report.added == ["reinforcement-learning-an-introduction", "reinforcement-learning-an-introduction-2"]
    assert (report.conflicts, report.warnings, report.duplicates) == ([], [], [])
    # One person in another year, both in a journal: a conflict for the curator, as before.
    article = _rec("Reinforcement Learning: An Introduction", line=3, path="b.bib", authors=("Leslie Kaelbling",),
                   year="1996", venue="Machine Learning", venue_kind="journal")
    paper = _rec("Reinforcement Learning: An Introduction", line=4, path="b.bib", authors=("Ann Other", "Bo Other"),
                 year="2001", venue="AI Magazine", venue_kind="journal")
    other = import_records([article, paper], tmp_path / "two", added=DAY)
    assert other.added == ["reinforcement-learning-an-introduction"]
    assert sorted(c.field for c in other.conflicts) == ["authors", "venue", "year"]


# Abstracts near the key's edges: case (casefold's "ß" and "ẞ", "İ"), other spacing, the
# length abstract_key starts at, a first or last word changed, a middle one changed (one
# bucket, two keys), an abstract filled again.
_WORDS = st.sampled_from(["Model", "model", "STRASSE", "straße", "İi", "ẞ", "net", "x" * 30, "a"])
_SPACES = st.sampled_from([" ", "  ", "\n", "\u00a0", "\t "])
_ABSTRACTS = st.lists(st.tuples(_WORDS, _SPACES), min_size=0, max_size=12).map(
    lambda pairs: "".join(word + space for word, space in pairs)
) | st.sampled_from(
    [LONG, LONG.upper(), LONG.replace("popular", "common"), " ".join(LONG.split()[1:]), LONG + " More.", 7, None]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 4), _ABSTRACTS), max_size=12), st.lists(_ABSTRACTS, max_size=6))
def test_the_index_finds_the_paper_of_an_abstract_as_one_keyed_by_abstract_key_did(adds, asked):
    # The index keeps abstracts by abstract_bucket and reduces one whole only when a
    # record's shares its bucket: it finds what a dict by abstract_key, filled with
    # setdefault as each paper is added (again after a fill), found.
    from pathlib import Path

    from generator.importmatch import Index, Paper
    from generator.matchkeys import abstract_key

    index, papers, expected = Index(), [Paper(f"p{n}", Path(f"p{n}.yml")) for n in range(5)], {}
    for n, abstract in adds:
        papers[n].values["abstract"] = abstract
        index.add(papers[n])
        if key := abstract_key(abstract):
            expected.setdefault(key, papers[n])
    for abstract in asked + [abstract for _, abstract in adds if isinstance(abstract, str)]:
        if isinstance(abstract, str):
            assert index._by_abstract(abstract) is (expected.get(abstract_key(abstract)) if abstract_key(abstract) else None)


# Review of the bucketed abstract index (rev57): a whole import, not the index alone.
# LONG with a middle word changed has LONG's bucket (first and last four words) but a
# key of its own.
_MIDDLE_CHANGED = LONG.replace("popular", "common")


def test_of_two_papers_in_one_abstract_bucket_a_record_finds_the_one_its_abstract_is(tmp_path):
    import_records([_rec("A Survey of Multi-Task Learning in NLP", LONG, line=1),
                    _rec("Deep Residual Learning for Image Recognition", _MIDDLE_CHANGED, line=2)],
                   tmp_path, added=DAY)
    # Case and spacing differ (abstract_key forgives both; a bucket of the raw words would not).
    respaced = "\n " + _MIDDLE_CHANGED.upper().replace(" ", " \t ") + "  "
    report = import_records([_rec("Deep Residual Learning for Image Recognition, Revisited", respaced)],
                            tmp_path, added=DAY)
    assert report.added == [] and [(d.paper_id, d.reason) for d in report.duplicates] == [
        ("deep-residual-learning-for-image-recognition", "same abstract")
    ]


def test_an_abstract_that_differs_in_a_word_the_bucket_reads_finds_no_paper(tmp_path):
    import_records([_rec("A Survey of Multi-Task Learning in NLP", LONG)], tmp_path, added=DAY)
    first_changed = "Multitask" + LONG[len("Multi-task"):]
    last_changed = LONG.replace("differences.", "similarities.")
    report = import_records([_rec("A Survey of Multi-Task Learning in NLP, Revisited", first_changed, line=1),
                             _rec("A Survey of Multi-Task Learning in NLP Again", last_changed, line=2)],
                            tmp_path, added=DAY)
    assert [d.reason for d in report.duplicates if d.reason == "same abstract"] == []


def test_an_abstract_filled_by_one_record_finds_its_paper_for_the_next_in_one_import(tmp_path):
    # The paper had no abstract: the first record fills it, and the index, given the
    # paper again, finds it by that abstract for the second record of the same import.
    import_records([_rec("A Survey of Multi-Task Learning in NLP")], tmp_path, added=DAY)
    report = import_records([_rec("A Survey of Multi-Task Learning in NLP", LONG, line=1),
                             _rec("Multi-Task Learning for NLP: An Overview", LONG.lower(), line=2)],
                            tmp_path, added=DAY)
    assert report.added == []
    assert ("a-survey-of-multi-task-learning-in-nlp", "same abstract") in [
        (d.paper_id, d.reason) for d in report.duplicates
    ]
    assert _read(tmp_path / "papers" / "a-survey-of-multi-task-learning-in-nlp.yml")["abstract"] == LONG


@pytest.mark.parametrize("order", [("a", "b"), ("b", "a")])
def test_of_two_papers_with_one_abstract_the_first_by_file_name_is_found_whatever_order_they_were_written(
    tmp_path, order
):
    papers = tmp_path / "papers"
    papers.mkdir()
    titles = {"a": "Multi-Task Learning in NLP: A Survey", "b": "Multi-Task Learning in NLP: A Review"}
    for name in order:
        (papers / f"{name}.yml").write_text(
            f"id: {name}\ntitle: '{titles[name]}'\nabstract: '{LONG}'\n", encoding="utf-8"
        )
    report = import_records([_rec("Multi-Task Learning for NLP: An Overview", LONG.upper())], tmp_path, added=DAY)
    assert report.added == [] and [(d.paper_id, d.reason) for d in report.duplicates] == [("a", "same abstract")]


def test_a_bucket_of_many_abstracts_reduces_each_once_not_once_a_find(monkeypatch):
    # (rev57) Abstracts that begin and end alike ("In this paper, we ... Association for
    # Computing Machinery.", an ACM export's) share one bucket. Compared whole at every
    # find, each of N finds reduced every abstract before its own: some N*N/2 reductions
    # (lru_cache keeps 4,096, 19 us each at 1,500 characters past that). Each abstract
    # is reduced once, and each record's.
    from pathlib import Path

    from generator import importmatch
    from generator.importmatch import Index, Paper

    reduced = []
    real = importmatch.abstract_key
    monkeypatch.setattr(importmatch, "abstract_key", lambda text: reduced.append(text) or real(text))
    count, index = 300, Index()
    abstracts = [f"In this paper, we study question {n} of many, at length, with care and with "
                 "experiments on every benchmark we could find. (c) 2020 Association for Computing Machinery."
                 for n in range(count)]
    for n, abstract in enumerate(abstracts):
        paper = Paper(f"p{n}", Path(f"p{n}.yml"))
        paper.values["abstract"] = abstract
        index.add(paper)
    assert [index._by_abstract(abstract.upper()).id for abstract in abstracts] == [f"p{n}" for n in range(count)]
    assert len(reduced) <= 2 * count


_TITLES = st.sampled_from(["Deep Learning", "Deep  Learning", "ReAct", "Re-Act", "Other Work", "", None])
_LINKS = st.sampled_from([None, {}, {"paper": [{"url": "https://example.org/a"}]},
                          {"pdf": [{"url": "https://example.org/b.pdf"}], "code": []}])
_PLACES = st.tuples(
    st.sampled_from([None, ["Ada Lovelace"], ["Ada Lovelace", "Bob Writer"]]),
    st.sampled_from([None, "ICML", "NeurIPS"]), st.sampled_from([None, "2020", "2021"]),
    st.sampled_from([None, "12-20", "1--9"]),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 2), _TITLES, _LINKS, _PLACES, st.booleans()), max_size=14))
def test_a_paper_added_again_is_indexed_as_a_paper_added_anew_would_be(steps):
    # Index.add skips the links, place and title of a paper added again whose values
    # there are the very objects it indexed last (a merge replaces a value it fills, never
    # changes it in place): the index ends as one that indexed each add whole. A value
    # replaced by an equal copy (``copied``) is indexed again all the same.
    from pathlib import Path

    from generator.importmatch import Index, Paper

    papers = [Paper(f"p{n}", Path(f"p{n}.yml")) for n in range(3)]
    index, whole = Index(), Index()
    for n, title, links, (authors, venue, year, pages), copied in steps:
        values = papers[n].values
        for name, value in (("title", title), ("links", links), ("authors", authors), ("venue", venue),
                            ("year", year), ("pages", pages)):
            if copied and isinstance(value, (list, dict)):
                value = type(value)(value)
            if value is None:
                values.pop(name, None)
            elif copied or name not in values or values[name] != value:
                values[name] = value
        index.add(papers[n])
        whole._indexed.clear()  # (no paper indexed before: every part indexed)
        whole.add(papers[n])
    for name in ("by_place", "by_paper_link", "by_title", "by_joined_title"):
        assert {key: paper.id for key, paper in getattr(index, name).items()} == {
            key: paper.id for key, paper in getattr(whole, name).items()
        }, name
    assert {key: [p.id for p in found] for key, found in index.all_by_title.items()} == {
        key: [p.id for p in found] for key, found in whole.all_by_title.items()
    }
    for title in ("deep learning", "react", "other work"):
        assert index.titles.similar(title) == whole.titles.similar(title)
