"""`check` on two paper files whose titles are so alike that `readinglist import` takes
them for one paper: nearly always one paper added twice by hand, a title mistyped."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.errors import Location
from generator.importer import import_records
from generator.ingest import Record
from tests.test_curation import _Project
from tests.test_curation_cross_file import TOPICS, messages, paper, project

# (typed out, as a curator reads them)
MERGE = (
    "; merge them: keep one file, copy into it what the other adds, delete the other and"
    " list its id in the kept one's 'formerly:', or, if they are two papers, give each its"
    " arXiv id or DOI, or its authors and year, or its own abstract"
)
ATTENTION = "Attention Is All You Need"
MISTYPED = "Attention is all you ned"


def similar(shown: str, paper_id: str, title: str, score: int) -> str:
    return (
        f"warning: same paper as {shown} (id {paper_id!r})? Its title, {title!r}, and this one"
        f" are {score}% alike: `readinglist import` takes them for one paper" + MERGE
    )


def file(paper_id: str, title: str, extra: str = "") -> str:
    return f"id: {paper_id}\ntitle: \"{title}\"\n{extra}"


def test_a_title_import_takes_for_another_files_is_a_warning_at_the_later_file(tmp_path):
    # (curator: "Attention is all you ned" added by hand beside the imported paper:
    # check said nothing, and the list showed the paper twice)
    root = project(
        tmp_path, TOPICS,
        **{"attention": file("attention", ATTENTION), "transformer": file("transformer", MISTYPED)},
    )
    assert [m for m in messages(root) if "same paper" in m] == [
        "content/papers/transformer.yml:2:8: " + similar("content/papers/attention.yml", "attention", ATTENTION, 98),
    ]


def test_said_once_per_pair_in_name_order_each_run_alike(tmp_path):
    # Three files of one paper: each later file names the earlier one import merges it
    # into (the most alike), and no pair is said twice.
    titles = {
        "a": "Scaling Laws for Neural Language Models",
        "b": "Scaling Laws for Neural Langauge Models",
        "c": "Scaling laws for neural language model",
    }
    root = project(tmp_path, TOPICS, **{name: file(name, title) for name, title in titles.items()})
    said = [m for m in messages(root) if "same paper" in m]
    assert said == [
        "content/papers/b.yml:2:8: " + similar("content/papers/a.yml", "a", titles["a"], 97),
        "content/papers/c.yml:2:8: " + similar("content/papers/a.yml", "a", titles["a"], 99),
    ]
    assert [m for m in messages(root) if "same paper" in m] == said


LONG_A = (
    "We propose a new simple network architecture, the Transformer, based solely on"
    " attention mechanisms, dispensing with recurrence and convolutions entirely."
)
LONG_B = (
    "Sequence models forget what they read long ago; we add a memory of past states that"
    " a learned gate reads from, and improve language modelling on three benchmarks."
)


@pytest.mark.parametrize(
    "first, second",
    [
        # other DOIs, other arXiv ids: two papers, as import keeps them
        ("doi: 10.1000/a\n", "doi: 10.1000/b\n"),
        ("arxiv: '1706.03762'\n", "arxiv: '2101.00010'\n"),
        # other people in other years ("Deep Learning", the book and the review)
        ("authors: [Ann Smith, Bob Jones]\nyear: 2016\n", "authors: [Carl Wu, Dan Li]\nyear: 2019\n"),
        # each its own abstract
        (f"abstract: {LONG_A}\n", f"abstract: {LONG_B}\n"),
    ],
)
def test_near_titles_told_apart_as_import_tells_them_are_no_warning(tmp_path, first, second):
    root = project(
        tmp_path, TOPICS,
        **{"attention": file("attention", ATTENTION, first), "transformer": file("transformer", MISTYPED, second)},
    )
    assert [m for m in messages(root) if "same paper" in m] == []


def test_one_abstract_revised_does_not_tell_two_papers_apart(tmp_path):
    root = project(
        tmp_path, TOPICS,
        attention=file("attention", ATTENTION, f"abstract: {LONG_A}\n"),
        transformer=file("transformer", MISTYPED, f"abstract: {LONG_A.replace('simple', 'simpler')}\n"),
    )
    assert len([m for m in messages(root) if "same paper as content/papers/attention.yml" in m]) == 1


def test_a_pair_said_already_for_its_arxiv_id_is_not_said_again(tmp_path):
    root = project(
        tmp_path, TOPICS,
        attention=file("attention", ATTENTION, "arxiv: '1706.03762'\n"),
        transformer=file("transformer", MISTYPED, "arxiv: '1706.03762'\n"),
    )
    said = [m for m in messages(root) if "same paper" in m]
    assert len(said) == 2 and all("(the same arXiv id 1706.03762)" in m for m in said)


DAY = dt.date(2026, 1, 2)

PAIRS = [
    (ATTENTION, MISTYPED),
    ("A Survey of Multi-Task Learning in NLP", "A Survey on Multi-task Learning in NLP"),
    ("Llama 2: Open Foundation and Fine-Tuned Chat Models", "Llama 3: Open Foundation and Fine-Tuned Chat Models"),
    ("Deep Residual Learning for Image Recognition", "Deep Residual Learning for Image Restoration"),
    ("Language Models are Few-Shot Learners", "Language Models are Few-Shot Learner"),
    ("Adam: A Method for Stochastic Optimization", "Adam: A Method for Stochastic Optimisation"),
    ("Attention Is All You Need", "Attention Is Not All You Need"),
]


@pytest.mark.parametrize("first, second", PAIRS)
def test_check_warns_of_just_the_titles_import_takes_for_one(tmp_path, first, second):
    """One matcher: the second title, imported beside a paper of the first, joins it
    exactly when check warns of two files so titled."""
    def record(title: str) -> Record:
        return Record(title=title, abstract="", source=Location("in.txt", 1, 1))

    import_records([record(first)], tmp_path / "imported", added=DAY)
    merged = import_records([record(second)], tmp_path / "imported", added=DAY).added == []
    root = project(tmp_path / "p", TOPICS, a=file("a", first), b=file("b", second))
    assert any("same paper as content/papers/a.yml" in m for m in messages(root)) == merged
    assert merged == ((first, second) in PAIRS[:2] + PAIRS[4:6])  # (what this list holds)


def test_a_rerun_says_what_a_full_load_says_of_a_title_edited_alike_anothers(tmp_path, monkeypatch):
    root = project(tmp_path / "p", TOPICS, a=paper("a", ATTENTION), b=paper("b"), c=paper("c"))
    work = _Project(root, monkeypatch, None)
    assert work.check("nothing to say") is False
    work.edit("b.yml", "title: B in-context", f"title: {MISTYPED} in-context")
    work.check("b retitled so")  # (_Project.check: the rerun says what a full load says)
    shown = [str(p) for p in work.fresh_problems.sorted()]
    assert shown == [
        "content/papers/b.yml:2:8: " + similar(
            "content/papers/a.yml", "a", f"{ATTENTION} in-context multi-task", 99
        ),
    ]
    work.edit("b.yml", "id: b\n", "# a comment\nid: b\n")  # (the warning's line moves)
    work.check("a line above it")
    assert [str(p) for p in work.fresh_problems.sorted()] == [shown[0].replace("b.yml:2:8", "b.yml:3:8")]
    work.edit("a.yml", "multi-task\n", "multi-task\ndoi: 10.1000/a\n")
    work.edit("b.yml", "multi-task\n", "multi-task\ndoi: 10.1000/b\n")
    work.check("told apart by their DOIs")
    assert work.fresh_problems.items == []
    work.edit("b.yml", "doi: 10.1000/b\n", "")
    work.check("b's DOI gone")
    assert len(work.fresh_problems.items) == 1
    work.edit("b.yml", f"title: {MISTYPED} in-context", "title: B in-context")
    work.check("b's title back")
    assert work.fresh_problems.items == []
