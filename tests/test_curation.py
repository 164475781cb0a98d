"""Loading content/ into the model, and the exact text of every kind of curator mistake."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.curation import load_content, normalised_title
from generator.models import Link

DATA = Path(__file__).parent / "data" / "check"


def messages(root: Path) -> list[str]:
    _, problems = load_content(root / "content", root)
    return [str(p) for p in problems.sorted()]


def write_paper(root: Path, name: str, text: str) -> None:
    papers = root / "content" / "papers"
    papers.mkdir(parents=True, exist_ok=True)
    (papers / name).write_text(text, encoding="utf-8")


# ---------------------------------------------------------------------------- the model


def test_good_fixture_loads_with_no_problem_and_every_value_typed_as_written():
    content, problems = load_content(DATA / "good" / "content")
    assert problems.sorted() == []
    assert [p.id for p in content.papers] == [
        "0123",
        "learning-many-tasks-at-once",
        "merging-models-by-averaging",
    ]
    survey = content.papers[1]
    assert survey.title == "Learning Many Tasks at Once: A Survey"
    assert survey.authors == ("Ada Lovelace", "Alan Turing")
    assert survey.year == 2021
    assert survey.venue == "NO"  # YAML 1.1 would have read False
    assert survey.arxiv == "2101.00010"  # a float would have lost the trailing zero
    assert survey.doi == "10.1000/xyz123"
    assert survey.topics == ("multi-task-learning",)
    assert survey.exclude_topics == ("model-merging",)
    assert survey.tags == ("survey",)
    assert survey.status == "must-read"
    assert survey.added == dt.date(2026, 11, 29)
    assert survey.related == ("merging-models-by-averaging",)
    assert survey.notes == "Start *here*.\n"
    assert survey.abstract == "We survey multi-task learning.\n"
    assert survey.links == (
        Link(
            url="https://github.com/example/many-tasks/tree/main/src",
            kind="code",
            found_in="abstract",
            note="the authors' code",
            official=True,
            host="github",
            repo="example/many-tasks",
        ),
        Link(url="https://example.github.io/many-tasks/", kind="project"),
        Link(url="https://arxiv.org/abs/2101.00010", kind="paper"),
    )
    assert str(survey.source) == "content/papers/learning-many-tasks-at-once.yml"
    numbered = content.papers[0]
    assert (numbered.id, numbered.year, numbered.arxiv) == ("0123", 1999, "2312.12345v2")
    merging = content.papers[2]
    assert merging.abstract == (
        "We merge fine-tuned models by model merging of their weights, which we call model merging."
    )
    assert merging.arxiv == "cs/0112017"


def test_topics_keep_file_order_with_typed_rules():
    content, _ = load_content(DATA / "good" / "content")
    first, second = content.topics
    assert (first.id, first.title, first.parent) == ("multi-task-learning", "Multi-task learning", "")
    assert first.description == "One model, **several tasks**.\n"
    assert first.keywords == {"multi-task": 2.0, "auxiliary task": 1.5}
    assert first.threshold == 2.0
    assert first.reading_order == ("0123", "learning-many-tasks-at-once")
    assert (second.id, second.parent, second.threshold) == ("model-merging", "multi-task-learning", 3.0)


def test_titles_are_the_same_after_folding_case_punctuation_and_unicode_forms():
    assert normalised_title("Ｌｅａｒｎｉｎｇ  to Learn!") == normalised_title("learning: to-learn")
    assert normalised_title("Café") == normalised_title("Cafe\u0301")
    assert normalised_title("Learning to learn") != normalised_title("Learning to earn")
