"""The hints of `check`: suggestions only for plausible typos, and messages that say what
is wrong (a link field in the wrong place, a day that does not exist, an id with capitals,
a keyword alternative that can never match)."""

from __future__ import annotations

import datetime
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from generator import validate
from generator.errors import Problems
from generator.validate import _SIMPLE_VALUE, NO_VENUE_KIND
from generator.yamlio import Map, Refused, Scalar, Seq, parse

from generator.commands.check import summary
from generator.typos import closest
from tests.test_curation import NO_SUCH_PAPER, _Project, check_one
from tests.test_curation_cross_file import TOPICS, paper, project
from tests.test_check_beside import messages, with_pages

P = "content/papers/x.yml"
T = "content/topics.yml"

IDS = [
    "continual-learning",
    "in-context-learning",
    "known-paper",
    "multi-task-learning",
    "yolor-based-multi-task-learning",
]


@pytest.mark.parametrize(
    "word",
    [
        "deep-safe-multi-task-learning",  # a deleted paper, not a typo of yolor-based-...
        "curriculum-learning",  # another topic altogether than continual-learning
        "lifelong-learning",
        "z",
    ],
)
def test_no_suggestion_for_an_id_that_is_no_typo_of_another(word):
    assert closest(word, IDS) is None


@pytest.mark.parametrize(
    "word, meant",
    [
        ("known-papr", "known-paper"),  # a letter missing
        ("known-paperr", "known-paper"),  # a letter extra
        ("known-pāper", "known-paper"),  # a letter wrong
        ("multi-taks-learning", "multi-task-learning"),  # two letters swapped
        ("multitask-learning", "multi-task-learning"),  # a hyphen missing
        ("multitasklearning", "multi-task-learning"),  # two hyphens missing, a long id
        ("Known-Paper", "known-paper"),  # capitals
        ("in-context", "in-context-learning"),  # the first words alone
        ("contiunal-learning", "continual-learning"),
    ],
)
def test_a_plausible_typo_is_still_suggested(word, meant):
    assert closest(word, IDS) == meant


@pytest.mark.parametrize(
    "word, meant",
    [("ulr", "url"), ("pfd", "pdf"), ("URL", "url"), ("Pfd", "pdf"), ("urk", None), ("ur", None)],
)
def test_a_tiny_word_is_suggested_a_choice_only_with_two_letters_swapped(word, meant):
    # (a wrong or missing letter in a word of three makes another word: no suggestion;
    # capitals are no slip, as in a longer word)
    assert closest(word, ["url", "pdf", "note"]) == meant


def test_a_year_after_next_year_is_a_warning_at_the_year(tmp_path):
    """2051 typed for 2015 is a valid four-digit year: the paper would be sorted and cited
    as one from the future without a word. Next year is no typo (a paper accepted for
    next year's conference, added in December), nor is this year."""
    import time_machine

    # (the clock stopped on New Year's Eve: the test's year and check's were read apart)
    with time_machine.travel(datetime.datetime(2026, 12, 31, 23, 59, 59), tick=False):
        assert check_one(tmp_path, "id: x\ntitle: X Paper\nyear: 2051\n") == [
            f"{P}:3:7: warning: 'year' is 2051, after 2027: a paper from"
            " the future? Check it for a typo (two digits swapped)",
        ]
        for fine in (2026, 2027, 1998):
            assert check_one(tmp_path, f"id: x\ntitle: X Paper\nyear: {fine}\n") == [], fine


def test_an_added_date_after_today_is_a_warning_at_the_date(tmp_path):
    """2027-01-05 typed for 2026-01-05 is a valid date: the paper would head the home
    page's recently added papers and the feeds until that day, without a word. Today is
    no typo, nor is any day before it."""
    import time_machine

    ahead = (
        "warning: 'added' is {}, after today (2026-12-05): until then the paper heads the"
        " recently added papers and the feeds; write the day it joined the list{}"
    )
    with time_machine.travel(datetime.datetime(2026, 12, 5, 12, tzinfo=datetime.timezone.utc), tick=False):
        assert check_one(tmp_path, "id: x\ntitle: X Paper\nadded: 2027-01-05\n") == [
            f"{P}:3:8: " + ahead.format("2027-01-05", " (2026-01-05, if the year is the typo)"),
        ]
        # A day still to come this year, or one whose year's typo would still be in the
        # future: no day to suggest.
        for later in ("2026-12-06", "2027-12-24"):
            assert check_one(tmp_path, f"id: x\ntitle: X Paper\nadded: {later}\n") == [
                f"{P}:3:8: " + ahead.format(later, ", today or before"),
            ], later
        for fine in ("2026-12-05", "2026-01-05", "1999-12-31"):
            assert check_one(tmp_path, f"id: x\ntitle: X Paper\nadded: {fine}\n") == [], fine


def test_a_deleted_paper_named_in_a_reading_order_gets_no_lookalike(tmp_path):
    topics = TOPICS.replace(
        "reading_order: [a, b, c]", "reading_order: [a, b, curriculum-learning]"
    )
    root = project(
        tmp_path,
        topics,
        a=paper("a"),
        b=paper("b"),
        **{
            "continual-learning": paper("continual-learning"),
        },
    )
    assert messages(root) == [f"{T}:6:27: unknown paper 'curriculum-learning'" + NO_SUCH_PAPER]


def test_an_unknown_paper_with_no_lookalike_says_what_a_paper_id_is_everywhere_one_is_named(
    tmp_path, monkeypatch
):
    # Each place that takes a paper id: related, not_related, a reading order (also of a
    # topic whose id is given twice), a hand-written page's link. With no id close to
    # suggest, "unknown paper 'x'" alone left the curator without a next step.
    topics = TOPICS.replace("reading_order: [a, b, c]", "reading_order: [a, b, lost-one]") + (
        "  - id: in-context-learning\n    title: Again\n    reading_order: [a, b, lost-two]\n"
    )
    root = project(
        tmp_path,
        topics,
        a=paper("a", extra="related: [lost-three, b]\nnot_related: [lost-four]\n"),
        b=paper("b", extra="related: [c]\n"),
        c=paper("c"),
    )
    with_pages(root, about="# About\n\nSee [it](papers/lost-five.md).\n")
    remedy = (
        "; remove it here, or write a paper's id: its file's name in content/papers/ without"
        " .yml (once the site is built, readinglist search WORDS lists papers as papers/<id>/)"
    )
    assert remedy == NO_SUCH_PAPER  # (the text the other tests of check use)
    A = "content/papers/a.yml"
    expected = [
        f"content/pages/about.md:3:10: link 'papers/lost-five.md' leads to no page: no paper 'lost-five'{remedy}",
        f"{A}:3:11: unknown paper 'lost-three'{remedy}",
        f"{A}:4:15: unknown paper 'lost-four'{remedy}",
        f"{T}:6:27: unknown paper 'lost-one'{remedy}",
        f"{T}:11:9: duplicate topic id 'in-context-learning' (first defined at line 2): the"
        " site has the first; give this one another id, or merge the two",
        f"{T}:13:27: unknown paper 'lost-two'{remedy}",
    ]
    assert messages(root) == expected
    # (Where an id is close enough, the suggestion alone says what to write: "unknown
    # paper 'known-papr' (did you mean 'known-paper'?)", tests/test_curation.py.)
    # Checked again after an edit (as `serve` does, the other files' checks kept), the
    # edited file's reference says the same.
    work = _Project(root, monkeypatch, None)
    work.edit("b.yml", "related: [c]", "related: [lost-six]")
    assert not work.check("b names a paper that does not exist")  # (b alone checked again)
    assert f"content/papers/b.yml:3:11: unknown paper 'lost-six'{remedy}" in [
        str(p) for p in work.fresh_problems.items
    ]


def test_a_topics_own_id_in_its_reading_order_one_slip_from_a_paper_is_told_the_paper_not_removal(
    tmp_path,
):
    # (Its own id with no paper near is told to be removed: tests/bad_inputs'
    # ids-topic-in-reading-order.)
    topics = TOPICS.replace("reading_order: [a, b, c]", "reading_order: [a, b, in-context-learning]")
    root = project(tmp_path, topics, a=paper("a"), b=paper("b"), **{"in-context-learnin": paper("in-context-learnin")})
    assert messages(root) == [
        f"{T}:6:27: unknown paper 'in-context-learning': that is this topic's own id;"
        " 'reading_order:' takes papers' ids, the papers to read first (did you mean 'in-context-learnin'?)"
    ]


LONG_TITLE_SLUG = (
    "a-very-long-title-about-multi-task-learning-that-goes-on-and-on-past-the-limit"
    "-of-an-id-by-far"
)
CUT_ID = "a-very-long-title-about-multi-task-learning-that-goes-on-and-on-past-the-limit"


def test_a_whole_title_slug_in_a_reading_order_names_the_id_the_import_cut(tmp_path):
    # The importer cuts an id at 80 characters at a word; a curator copying a title's
    # slug into a reading order or 'related' gets that id suggested, not a rule on form.
    assert len(LONG_TITLE_SLUG) > 80 and len(CUT_ID) <= 80
    topics = TOPICS.replace("reading_order: [a, b, c]", f"reading_order: [a, {LONG_TITLE_SLUG}, b]")
    root = project(
        tmp_path,
        topics,
        a=paper("a", extra=f"related: [{LONG_TITLE_SLUG}]\n"),
        b=paper("b"),
        **{CUT_ID: paper(CUT_ID)},
    )
    assert messages(root) == [
        f"{P[:-5]}a.yml:3:11: unknown paper {LONG_TITLE_SLUG!r} (did you mean {CUT_ID!r}?)",
        f"{T}:6:24: unknown paper {LONG_TITLE_SLUG!r} (did you mean {CUT_ID!r}?)",
    ]


def test_a_long_reference_names_no_short_id_it_happens_to_start_with(tmp_path):
    assert closest(LONG_TITLE_SLUG, ["a-very-long-title", "a"]) is None
    assert closest(LONG_TITLE_SLUG, [CUT_ID, CUT_ID[:60]]) == CUT_ID


def test_an_own_id_longer_than_80_characters_is_still_an_error(tmp_path):
    text = f"id: {LONG_TITLE_SLUG}\ntitle: A\nabstract: a\n"
    assert any(
        "'id' must be an id of lowercase a-z, 0-9 and single hyphens, at most 80" in m
        for m in check_one(tmp_path, text)
    )


def test_a_link_field_written_among_the_link_kinds_says_where_it_belongs(tmp_path):
    text = (
        "id: x\ntitle: A\nabstract: a\nlinks:\n  code:\n    - url: https://github.com/a/b\n"
        "  official: true\n  note: theirs\n  url: https://example.org/\n"
    )
    assert check_one(tmp_path, text) == [
        f"{P}:7:3: unknown link kind 'official'; it is a field of one link: indent it under"
        " a '- url:' item of a link list (such as 'code:'), level with its 'url'",
        f"{P}:8:3: unknown link kind 'note'; it is a field of one link: indent it under"
        " a '- url:' item of a link list (such as 'code:'), level with its 'url'",
        f"{P}:9:3: unknown link kind 'url'; a link is an item of a link list: write"
        " '- url: ...' indented under a link kind (such as 'code:')",
    ]


def test_an_unknown_link_kind_still_lists_the_kinds(tmp_path):
    text = "id: x\ntitle: A\nabstract: a\nlinks:\n  misc: []\n"
    assert check_one(tmp_path, text) == [
        f"{P}:5:3: unknown link kind 'misc'; the kinds are: code, project, paper, pdf, data,"
        " video, slides"
    ]


def test_a_kind_named_as_other_lists_name_it_is_told_this_lists_name(tmp_path):
    # (al-folio's bibliography fields among them)
    text = "id: x\ntitle: A\nabstract: a\nlinks:\n  website: []\n  poster: []\n  dataset: []\n"
    assert check_one(tmp_path, text) == [
        f"{P}:5:3: unknown link kind 'website'; this list calls it 'project'",
        f"{P}:6:3: unknown link kind 'poster'; this list calls it 'slides'",
        f"{P}:7:3: unknown link kind 'dataset'; this list calls it 'data'",
    ]


def test_a_topic_id_with_capitals_and_spaces_suggests_the_id(tmp_path):
    (tmp_path / "content" / "papers").mkdir(parents=True)
    (tmp_path / "content" / "topics.yml").write_text(
        "topics:\n  - id: Bad Id\n    title: Bad\n  - id: multi_task\n    title: M\n"
        "  - id: ../x\n    title: X\n",
        encoding="utf-8",
    )
    assert messages(tmp_path) == [
        f"{T}:2:9: 'id' must be an id of lowercase a-z, 0-9 and single hyphens, at most 80"
        " characters, not 'Bad Id'; write 'bad-id'",
        f"{T}:4:9: 'id' must be an id of lowercase a-z, 0-9 and single hyphens, at most 80"
        " characters, not 'multi_task'; write 'multi-task'",
        f"{T}:6:9: 'id' must be an id of lowercase a-z, 0-9 and single hyphens, at most 80"
        " characters, not '../x'",
    ]


MULTI_TASK_ID = (
    f"{T}:2:9: 'id' must be an id of lowercase a-z, 0-9 and single hyphens, at most 80"
    " characters, not 'Multi Task'; write 'multi-task'"
)


def _multi_task_topic(tmp_path, topics: str, paper: str) -> None:
    """A list whose first topic's id, 'Multi Task', is no id, with ``topics`` after it."""
    (tmp_path / "content" / "papers").mkdir(parents=True)
    (tmp_path / "content" / "topics.yml").write_text("topics:\n  - id: Multi Task\n    title: MT\n" + topics, encoding="utf-8")
    (tmp_path / "content" / "papers" / "x.yml").write_text(f"id: x\ntitle: X\ntopics: [{paper}]\n", encoding="utf-8")


def test_the_id_a_topic_is_told_to_write_is_no_unknown_topic_elsewhere(tmp_path):
    # (curator: 'id: Multi Task' was told "write 'multi-task'", and every 'multi-task' a
    # paper, a parent or a page named "unknown topic ...; define it in topics.yml": one
    # mistake, told four times, three of them a wrong fix. A reference written as the id
    # was written is told the id it is to be, which is not what it says.)
    _multi_task_topic(
        tmp_path,
        "  - id: other\n    title: Other\n    parent: multi-task\n  - id: third\n    title: Third\n"
        "    parent: Multi Task\n",
        "multi-task, other, third, Multi Task",
    )
    with_pages(tmp_path, about="See [it](topics/multi-task/index.md).\n")
    assert messages(tmp_path) == [
        # (written so, the list would name 'multi-task' twice)
        f"{P}:3:36: 'Multi Task' is topic 'multi-task', which this list names already (at line 3, column 10);"
        " remove it",
        MULTI_TASK_ID,
        f"{T}:9:13: 'parent': write the topic as its id 'multi-task', not 'Multi Task'",
    ]


def test_a_rerun_says_of_a_topic_told_its_id_what_a_full_load_says(tmp_path, monkeypatch):
    # (A rerun swaps the edited paper in and checks its references again, with the ids
    # of the last load's topics: the one a topic is told to write among them.)
    _multi_task_topic(tmp_path, "  - id: other\n    title: Other\n", "other")
    project = _Project(tmp_path, monkeypatch, source=None)
    project.edit("x.yml", "topics: [other]", "topics: [other, multi-task]")
    assert not project.check("the topic's id named as it is to be")
    assert [str(p) for p in project.fresh_problems.errors] == [
        MULTI_TASK_ID,
    ]


def test_two_keywords_of_a_topic_that_match_the_same_words_are_a_warning(tmp_path):
    (tmp_path / "content" / "papers").mkdir(parents=True)
    (tmp_path / "content" / "papers" / "x.yml").write_text(
        "id: x\ntitle: Instruction tuning for multitask models\nabstract: a\n", encoding="utf-8"
    )
    (tmp_path / "content" / "topics.yml").write_text(
        "topics:\n  - id: t\n    title: T\n    keywords:\n      instructions: 1\n"
        "      instruction tuning: 2\n      instruction: 0.5\n      multi-task: 1\n"
        "      multitask: 1\n",
        encoding="utf-8",
    )
    assert messages(tmp_path) == [
        f"{T}:7:7: warning: keyword 'instruction' matches the same words as 'instructions', so"
        " a paper with them counts both weights; keep one (with the weight of both, if meant)",
        f"{T}:9:7: warning: keyword 'multitask' matches the same words as 'multi-task', so"
        " a paper with them counts both weights; keep one (with the weight of both, if meant)",
    ]


def test_a_topic_named_with_capitals_in_a_paper_suggests_the_topic_it_may_mean(tmp_path):
    # Once, the hint was "write 'multi-task'", and the next check said that no such
    # topic exists: the one error now names the topic.
    text = "id: x\ntitle: A\nabstract: a\ntopics: [Multi Task]\n"
    assert check_one(tmp_path, text) == [
        f"{P}:4:10: unknown topic 'Multi Task' (did you mean 'multi-task-learning'?)"
        "; remove it here, write the topic meant, or define it in topics.yml",
    ]


def test_an_id_written_with_capitals_or_spaces_says_how_to_write_it_where_it_exists(tmp_path):
    text = (
        "id: x\ntitle: A\nabstract: a\ntopics: [Multi-Task Learning]\n"
        "exclude_topics: [In_Context_Learning]\nrelated: [Known-Paper, Nope]\n"
    )
    assert check_one(tmp_path, text) == [
        f"{P}:4:10: write the topic as its id 'multi-task-learning', not 'Multi-Task Learning'",
        f"{P}:5:18: write the topic as its id 'in-context-learning', not 'In_Context_Learning'",
        f"{P}:6:11: write the paper as its id 'known-paper', not 'Known-Paper'",
        f"{P}:6:24: unknown paper 'Nope'" + NO_SUCH_PAPER,
    ]
    # None of them is kept as written: the paper as built names none of them.
    fixed = text.replace("Multi-Task Learning", "multi-task-learning")
    assert check_one(tmp_path, fixed)[:1] == [
        f"{P}:5:18: write the topic as its id 'in-context-learning', not 'In_Context_Learning'",
    ]


def test_a_reference_pasted_as_its_place_says_the_id_to_write(tmp_path):
    # `check` says "readinglist search WORDS lists papers as papers/<id>/": a curator
    # who pastes that, the page's or the file's path, was told only that it is no id.
    text = (
        "id: x\ntitle: A\nabstract: a\ntopics: [topics/multi-task-learning/]\n"
        "related: [papers/known-paper/, content/papers/known-paper.yml]\n"
        "not_related: [papers/nope.md]\n"
    )
    assert check_one(tmp_path, text) == [
        f"{P}:4:10: write the topic as its id 'multi-task-learning', not 'topics/multi-task-learning/'",
        f"{P}:5:11: write the paper as its id 'known-paper', not 'papers/known-paper/'",
        f"{P}:5:32: 'content/papers/known-paper.yml' is paper 'known-paper', which this list names already"
        " (at line 5, column 11); remove it",
        f"{P}:6:15: unknown paper 'papers/nope.md'" + NO_SUCH_PAPER,
    ]


@pytest.mark.parametrize(
    ("written", "id_"),
    [
        ("papers/a-b/", "a-b"),
        ("papers/a-b.md", "a-b"),
        ("content/papers/a-b.yml", "a-b"),
        ("a-b.yaml", "a-b"),
        ("topics/t/index.md", "t"),
        ("https://lab.github.io/list/papers/a-b/", "a-b"),
        ("a-b", ""),  # an id already
        ("papers/", ""),
        ("papers/A B/", ""),
        ("notes/a-b/", ""),
    ],
)
def test_the_id_in_a_place_that_names_it(written, id_):
    from generator.validate import placed_id

    assert placed_id(written) == id_


def test_a_parent_pasted_as_its_page_says_the_id_to_write(tmp_path):
    topics = TOPICS.replace("    title: Multi-task learning\n", "    title: Multi-task learning\n    parent: topics/in-context-learning/\n")
    root = project(tmp_path, topics, a=paper("a"), b=paper("b"), c=paper("c"))
    assert messages(root) == [
        f"{T}:9:13: 'parent': write the topic as its id 'in-context-learning', not"
        " 'topics/in-context-learning/'"
    ]


def test_a_parent_written_as_a_list_of_a_name_is_told_the_id_check_then_takes(tmp_path):
    # (user: 'parent: [In-context learning]' was told "write 'parent: In-context learning',
    # the value alone", which check then refused ("write the topic as its id ..."). The
    # list is looked up once every topic is read (validate.ListedRef), so the id it names
    # is offered, and only then: written, it is taken.)
    keep_first = "; it takes one value: write 'parent: in-context-learning' to keep the first"
    for written, hint in [
        ("[In-context learning]", "; write 'parent: in-context-learning'"),
        ("[topics/in-context-learning/]", "; write 'parent: in-context-learning'"),
        ("[In-context learning, x]", keep_first),
    ]:
        topics = TOPICS.replace(
            "    title: Multi-task learning\n", f"    title: Multi-task learning\n    parent: {written}\n"
        )
        root = project(tmp_path / str(len(written)), topics, a=paper("a"), b=paper("b"), c=paper("c"))
        assert messages(root) == [f"{T}:9:13: 'parent' must be an id, not a list{hint}"], written
        (root / T).write_text(topics.replace(f"parent: {written}", "parent: in-context-learning"), encoding="utf-8")
        assert messages(root) == [], written


MTL_TOPICS = TOPICS.replace("      multi-task: 1\n", "      multi-task: 1\n      MTL: 1\n")
UNKNOWN_MTL = (
    " (did you mean 'multi-task-learning'? it is about 'MTL'); remove it here, write the topic"
    " meant, or define it in topics.yml"
)


@pytest.mark.parametrize(
    ("written", "said"),
    [
        # 'parent' said "write 'mtl'", and 'mtl', written, was an unknown topic the run
        # after: an id in capitals is looked up as the id it reads as, as in a paper's
        # topics:, and said all at once.
        ("MTL", "'parent': unknown topic 'MTL'" + UNKNOWN_MTL),
        ("topics/mtl/", "'parent': unknown topic 'topics/mtl/'" + UNKNOWN_MTL),
        ("Zebra", "'parent': unknown topic 'Zebra'; remove it here, write the topic meant, or"
         " define it in topics.yml"),
        ("Multi Task_Learning", "'parent': write the topic as its id 'multi-task-learning', not"
         " 'Multi Task_Learning'"),
        # (the fixed id its own: that is what is wrong, said once)
        ("In-Context-Learning", "topic 'in-context-learning' is its own parent: a parent is a"
         " broader topic; name one, or remove 'parent'"),
    ],
)
def test_a_parent_in_capitals_is_looked_up_as_the_id_it_reads_as(tmp_path, written, said):
    topics = MTL_TOPICS.replace("  - id: in-context-learning\n", f"  - id: in-context-learning\n    parent: {written}\n")
    root = project(tmp_path, topics, a=paper("a"), b=paper("b"), c=paper("c"))
    assert messages(root) == [f"{T}:3:13: {said}"]


def test_a_parent_in_capitals_in_a_cycle_is_said_once_in_the_cycle(tmp_path):
    topics = MTL_TOPICS.replace(
        "  - id: in-context-learning\n", "  - id: in-context-learning\n    parent: Multi-Task-Learning\n"
    ).replace("    title: Multi-task learning\n", "    title: Multi-task learning\n    parent: in-context-learning\n")
    root = project(tmp_path, topics, a=paper("a"), b=paper("b"), c=paper("c"))
    assert messages(root) == [
        f"{T}:3:13: topic parents form a cycle: in-context-learning -> multi-task-learning ->"
        " in-context-learning; a parent is a broader topic: remove 'parent' from the broadest of them"
    ]


def test_a_duplicate_topics_parent_in_capitals_is_looked_up_as_the_id_it_reads_as(tmp_path):
    again = "  - id: multi-task-learning\n    title: Again\n    parent: {}\n"
    for written, said in [
        # (the duplicate is multi-task-learning: 'MTL', its own keyword, names no parent
        # it may have; suggested, it was its own parent, the third case)
        ("MTL", "'parent': unknown topic 'MTL'; remove it here, write the topic meant, or"
         " define it in topics.yml"),
        ("In Context Learning", "'parent': write the topic as its id 'in-context-learning', not"
         " 'In Context Learning'"),
        ("Multi-Task-Learning", "topic 'multi-task-learning' is its own parent: a parent is a"
         " broader topic; name one, or remove 'parent'"),
    ]:
        root = project(tmp_path / written, MTL_TOPICS + again.format(written), a=paper("a"), b=paper("b"), c=paper("c"))
        assert [m for m in messages(root) if "parent" in m] == [f"{T}:14:13: {said}"], written


def test_a_reading_order_entry_pasted_as_a_file_name_says_the_id_to_write(tmp_path):
    topics = TOPICS.replace("[a, b, c]", "[a.yml, b, c]")
    root = project(tmp_path, topics, a=paper("a"), b=paper("b"), c=paper("c"))
    assert messages(root) == [f"{T}:6:21: write the paper as its id 'a', not 'a.yml'"]


def test_a_tex_accent_pasted_from_bibtex_into_a_paper_file_is_told_as_the_letter(tmp_path):
    # A curator copies a name from a .bib file into the YAML: the site shows YAML as
    # typed, "Sch{\\"o}lkopf" on the page, and nothing said so.
    text = (
        "id: x\ntitle: Kernel PCA\nabstract: a\ntopics: [multi-task-learning]\nauthors:\n"
        "  - Sch{\\\"o}lkopf, Bernhard\n  - Pawe{\\l} Nowak\n  - Ada Lovelace\n"
        "venue: Journ\\'ee d'\\'Etude\npublisher: \"{ACM} {Press}\"\n"
    )
    assert check_one(tmp_path, text) == [
        f"{P}:6:5: warning: 'authors' item 1 holds TeX ('{{\\\"o}}'), which the site"
        " shows as typed; write 'Schölkopf, Bernhard'",
        f"{P}:7:5: warning: 'authors' item 2 holds TeX ('\\l'), which the site"
        " shows as typed; write 'Paweł Nowak'",
        f"{P}:9:8: warning: 'venue' holds TeX ('\\'e'), which the site shows as typed;"
        " write 'Journée d'Étude'",
        f"{P}:10:12: warning: 'publisher' holds TeX ('{{ACM}}'), which the site shows as typed;"
        " write 'ACM Press'",
    ]


def test_an_organisation_named_by_dictionary_words_is_told_to_be_braced(tmp_path):
    # (review: "Hugging Face" in authors was cited "Face, Hugging" in the BibTeX and the
    # COinS, and nothing said so; now it is cited whole, and the warning asks the curator
    # to say which it is; "Jane Smith" and an organisation the citations brace
    # already, "Meta AI", are said nothing of, nor a name written surname first or braced)
    text = (
        "id: x\ntitle: Kernel PCA\nabstract: a\ntopics: [multi-task-learning]\nauthors:\n"
        "  - Jane Smith\n  - Hugging Face\n  - Meta AI\n  - \"{Common Crawl}\"\n  - Park, Young\n"
        "  - Grace Hopper\n  - Common  Crawl\n"
    )
    assert check_one(tmp_path, text) == [
        f"{P}:7:5: warning: 'authors' item 2 'Hugging Face' may be an organisation's name (each"
        " word a word of the dictionary), which the citations cite whole, as one: if it is, write"
        " it in braces, \"{Hugging Face}\" (quoted), to say so; if it is a person's, surname first,"
        " 'Face, Hugging', which they cite as a person's",
        f"{P}:12:5: warning: 'authors' item 7 'Common Crawl' may be an organisation's name (each"
        " word a word of the dictionary), which the citations cite whole, as one: if it is, write"
        " it in braces, \"{Common Crawl}\" (quoted), to say so; if it is a person's, surname first,"
        " 'Crawl, Common', which they cite as a person's",
    ]


def test_an_author_braced_whole_is_an_organisation_not_tex(tmp_path):
    # (review: "{Hugging Face}", the way to have the citations take a name whole, was
    # told to be written "Hugging Face", which BibTeX cites as "Face, Hugging")
    text = (
        "id: x\ntitle: Kernel PCA\nabstract: a\ntopics: [multi-task-learning]\nauthors:\n"
        "  - \"{Hugging Face}\"\n  - '{Sch{\\\"o}lkopf Lab}'\n  - \"{Lee} Sedol\"\n"
        # (bk3: shown "Allen AI", its inner braces the pages no longer show: no TeX shown as typed)
        "  - \"{Allen {AI}}\"\n"
    )
    assert check_one(tmp_path, text) == [
        # TeX inside the braces is said, the braces kept
        f"{P}:7:5: warning: 'authors' item 2 holds TeX ('{{\\\"o}}'), which the site"
        " shows as typed; write '{Schölkopf Lab}'",
        f"{P}:8:5: warning: 'authors' item 3 holds TeX ('{{Lee}}'), which the site"
        " shows as typed; write 'Lee Sedol'",
    ]


def test_a_paper_related_to_itself_in_capitals_is_told_so_once(tmp_path):
    text = "id: x\ntitle: A\nabstract: a\nrelated: [X]\n"
    assert check_one(tmp_path, text) == [f"{P}:4:11: a paper cannot be related to itself; remove it from 'related'"]


def test_a_reading_order_entry_written_with_capitals_says_how_to_write_it(tmp_path):
    topics = TOPICS.replace("[a, b, c]", "[A, b, c]")
    root = project(tmp_path, topics, a=paper("a"), b=paper("b"), c=paper("c"))
    assert messages(root) == [f"{T}:6:21: write the paper as its id 'a', not 'A'"]


@pytest.mark.parametrize(
    "keyword, alternative",
    [("foo |", None), ("a || b", None), ("| a", None), ("a | - & b", "-")],
)
def test_a_keyword_alternative_that_can_never_match_is_a_warning(tmp_path, keyword, alternative):
    why = (
        "has an empty alternative; remove the extra '|' (each '|' separates two phrases)"
        if alternative is None
        else f"has the alternative {alternative!r}, with no letter or digit, so it never matches"
    )
    assert _keyword_messages(tmp_path, keyword) == [
        f"{T}:2:9: warning: topic 't' has no papers",
        f"{T}:5:7: warning: keyword {keyword!r} {why}",
    ]


def _keyword_messages(root: Path, keyword: str) -> list[str]:
    """`check`'s messages for a topic whose one keyword (weight 2) is ``keyword``."""
    (root / "content").mkdir()
    (root / "content" / "topics.yml").write_text(
        f'topics:\n  - id: t\n    title: T\n    keywords:\n      "{keyword}": 2\n',
        encoding="utf-8",
    )
    return messages(root)


_READS = "matching reads only a-z and 0-9, and takes"


@pytest.mark.parametrize(
    "keyword, message",
    [
        # The curator review: "no letter or digit" was untrue of "αβ"; matching reads a-z
        # and 0-9 only (stems("αβ") is empty, stems("naïve") is "na", "ve").
        ("αβ", f"keyword 'αβ' has a part with no letter a-z or digit 0-9, so it can never match"
               f" ({_READS} 'α', 'β' for a space, as it takes punctuation); spell it in a-z (a"
               " Greek letter by its name: 'alpha')"),
        ("lora | é", "warning: keyword 'lora | é' has the alternative 'é', with no letter a-z or"
                     f" digit 0-9, so it never matches ({_READS} 'é' for a space, as it takes"
                     " punctuation); spell it in a-z"),
        # Letters it skips in a word it still matches by the rest: said, with what it matches.
        ("naïve", f"warning: keyword 'naïve' matches as 'na ve' ({_READS} 'ï' for a space, as it"
                  " takes punctuation); for both spellings write 'naive | naïve'"),
        # A letter NFKD keeps whole has its English spelling too (search.fold).
        ("Łukasiewicz", f"warning: keyword 'Łukasiewicz' matches as 'ukasiewicz' ({_READS} 'Ł'"
                        " for a space, as it takes punctuation); for both spellings write"
                        " 'Lukasiewicz | Łukasiewicz'"),
        ("β-VAE", f"warning: keyword 'β-VAE' matches as 'vae' ({_READS} 'β' for a space, as it"
                  " takes punctuation); spell it in a-z (a Greek letter by its name: 'alpha')"),
        ("vae | β-VAE", f"warning: keyword 'vae | β-VAE' matches 'β-VAE' as 'vae' ({_READS} 'β'"
                        " for a space, as it takes punctuation); spell it in a-z (a Greek letter"
                        " by its name: 'alpha')"),
    ],
)
def test_a_keyword_letter_matching_does_not_read_is_named_with_what_to_write(
    tmp_path, keyword, message
):
    assert [m for m in _keyword_messages(tmp_path, keyword) if "has no papers" not in m] == [
        f"{T}:5:7: {message}"
    ]


def test_a_keyword_with_whole_alternatives_is_no_warning(tmp_path):
    (tmp_path / "content" / "papers").mkdir(parents=True)
    (tmp_path / "content" / "topics.yml").write_text(
        'topics:\n  - id: t\n    title: T\n    keywords:\n      "llm | language model & x": 2\n',
        encoding="utf-8",
    )
    assert [m for m in messages(tmp_path) if "keyword" in m] == []


@pytest.mark.parametrize(
    "keyword, why",
    [
        # The topic review's keywords, each matching something else than meant.
        ("Q&A", "has '&' inside a word: '&' joins parts that must each occur anywhere in the"
         " paper, so each letter or word around it is matched alone; for the word as written,"
         " write 'Q A' (punctuation in a paper separates words), or put spaces around '&'"),
        ("lora | (adapter & frozen)", "has parentheses, which group nothing: '&' binds looser"
         " than '|' ('a | b & c' is either a or b, and c); write each combination as a keyword"
         " of its own"),
        ("lora, adapters, prefix", "is one phrase, matched only as these words in a row (a comma"
         " separates nothing); for any one of them write 'lora | adapters | prefix'"),
    ],
)
def test_a_keyword_in_a_syntax_it_does_not_have_is_a_warning(tmp_path, keyword, why):
    assert _keyword_messages(tmp_path, keyword) == [
        f"{T}:2:9: warning: topic 't' has no papers",
        f"{T}:5:7: warning: keyword {keyword!r} {why}",
    ]


def test_a_comma_in_a_number_or_parentheses_without_and_are_no_warning(tmp_path):
    (tmp_path / "content" / "papers").mkdir(parents=True)
    (tmp_path / "content" / "topics.yml").write_text(
        'topics:\n  - id: t\n    title: T\n    keywords:\n      "1,000 layers": 2\n'
        '      "question answering (QA) | qa": 1\n',
        encoding="utf-8",
    )
    assert [m for m in messages(tmp_path) if "keyword" in m] == []


def test_a_doubled_and_and_a_threshold_of_zero_say_what_to_write(tmp_path):
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "topics.yml").write_text(
        'topics:\n  - id: t\n    title: T\n    keywords:\n      "lora && x": 2\n'
        "      rock & roll: 1\n    threshold: 0\n",
        encoding="utf-8",
    )
    # (Not "topic 't' has no papers": which papers it has hangs on the keyword refused.)
    assert messages(tmp_path) == [
        f"{T}:5:7: keyword 'lora && x' has a part with no letter or digit, so it can never"
        " match; remove the extra '&' (one '&' joins two parts)",
        f"{T}:7:16: warning: threshold 0 gives the topic every paper any of its keywords"
        " matches once; give the score a paper needs (a keyword in the title scores 3 times"
        " its weight, each mention once more)",
    ]


def test_keywords_written_as_a_list_say_how_a_keyword_is_written(tmp_path):
    # A list of phrases is what a curator new to the file writes; "must be a mapping" alone
    # left them to find out from the file's other topics what a mapping of weights is.
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "topics.yml").write_text(
        "topics:\n  - id: t\n    title: T\n    keywords:\n      - scaling laws\n"
        "      - compute-optimal\n  - id: u\n    title: U\n    keywords: [a, b]\n"
        "  - id: v\n    title: V\n    keywords: lora\n"
        "  - id: w\n    title: W\n    keywords: residual networks, attention; transformer\n",
        encoding="utf-8",
    )
    assert [m for m in messages(tmp_path) if "keywords" in m] == [
        f"{T}:5:7: 'keywords' must be a mapping of phrase: weight, not a list; write each"
        " as phrase: weight, a line of its own ('scaling laws: 1')",
        f"{T}:9:15: 'keywords' must be a mapping of phrase: weight, not a list; write each"
        " as phrase: weight, a line of its own ('a: 1')",
        # (One phrase, or several apart by commas, on the key's line: the same slip.)
        f"{T}:12:15: 'keywords' must be a mapping of phrase: weight, not a string; write it"
        " as phrase: weight, a line of its own under 'keywords:' ('lora: 1')",
        f"{T}:15:15: 'keywords' must be a mapping of phrase: weight, not a string; write each"
        " as phrase: weight, a line of its own under 'keywords:' ('residual networks: 1')",
    ]


def test_keywords_written_as_a_list_of_phrase_weight_pairs_are_told_to_drop_the_dash(tmp_path):
    # "- scaling laws: 2" (a list of one-pair mappings, as many YAML files write a
    # setting) was told only "must be a mapping of phrase: weight, not a list": its
    # lines read as phrase: weight already.
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "topics.yml").write_text(
        "topics:\n  - id: t\n    title: T\n    keywords:\n      - scaling laws: 2\n"
        "      - compute-optimal: 1\n",
        encoding="utf-8",
    )
    assert [m for m in messages(tmp_path) if "keywords" in m] == [
        f"{T}:5:7: 'keywords' must be a mapping of phrase: weight, not a list; write each"
        " phrase: weight without the dash before it ('scaling laws: 2')",
    ]


def test_a_reading_order_item_without_a_space_after_its_dash_is_not_also_called_empty(tmp_path):
    # It was, at the same place: "'reading_order' is empty; list 3 to 6 papers or remove
    # it" beside the error, sending the curator to write papers the list already has.
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "topics.yml").write_text(
        "topics:\n  - id: t\n    title: T\n    reading_order:\n      -first-paper\n"
        "      - second-paper\n      - third-paper\n",
        encoding="utf-8",
    )
    assert messages(tmp_path) == [
        f"{T}:2:9: warning: topic 't' has no papers",
        f"{T}:5:7: a list item needs a space after its dash: '- first-paper'",
    ]


def test_one_id_after_a_lists_key_with_a_dash_is_told_to_be_written_without_it(tmp_path):
    # "reading_order: -first-paper", "topics: -rl": the fix said was "write
    # [-first-paper]", and written so, the id was unknown ('-first-paper').
    (tmp_path / "content" / "papers").mkdir(parents=True)
    (tmp_path / "content" / "papers" / "x.yml").write_text(
        "id: x\ntitle: A\ntopics: -t\n", encoding="utf-8"
    )
    # (The paper exists: "write [x]" is offered only where check then takes x.)
    (tmp_path / "content" / "papers" / "first-paper.yml").write_text(paper("first-paper"), encoding="utf-8")
    (tmp_path / "content" / "topics.yml").write_text(
        "topics:\n  - id: t\n    title: T\n    reading_order: -first-paper\n",
        encoding="utf-8",
    )
    said = [m for m in messages(tmp_path) if "must be a list" in m]
    assert said == [
        f"{P}:3:9: 'topics' must be a list, not a string; write [t]",
        f"{T}:4:20: 'reading_order' must be a list, not a string; write [first-paper]",
    ]


# What `check` says of a link of notes that shows as its text only.
SHOWS = (
    "shows as its text only: a link needs an absolute https:// (or http://) address,"
    " without spaces or invisible characters"
)


def test_a_link_in_notes_one_slip_from_an_address_says_the_address_to_write(tmp_path):
    # As a link field's does: the warning said only that a link needs an https:// address.
    text = (
        "id: x\ntitle: A\nabstract: a\nnotes: |\n"
        "  [PEFT](htps://github.com/huggingface/peft) [docs](huggingface.co/docs/peft)\n"
        "  [appendix](appendix.pdf) [mirror](ftp://example.org/x)\n"
    )
    assert [m for m in check_one(tmp_path, text) if "'notes'" in m] == [
        f"{P}:5:10: warning: 'notes': the link to 'htps://github.com/huggingface/peft' {SHOWS};"
        " write https://github.com/huggingface/peft",
        f"{P}:5:53: warning: 'notes': the link to 'huggingface.co/docs/peft' {SHOWS};"
        " write https://huggingface.co/docs/peft",
        # (a file's name, not a site's: nothing to write instead; nor for another scheme)
        f"{P}:6:14: warning: 'notes': the link to 'appendix.pdf' {SHOWS}",
        f"{P}:6:37: warning: 'notes': the link to 'ftp://example.org/x' {SHOWS}",
    ]


def test_a_link_in_notes_with_backslashes_for_slashes_is_told_the_address_to_write(tmp_path):
    # (review: "https://github.com\\a\\b", pasted from a Windows path after a correct "://",
    # was told only that a link needs an https:// address, as a link field said nothing.)
    text = (
        "id: x\ntitle: A\nabstract: a\nnotes: |\n"
        "  [repo](https://github.com\\a\\b) [p](https://example.org/a\\b?q=x\\y)\n"
    )
    assert [m for m in check_one(tmp_path, text) if "'notes'" in m] == [
        f"{P}:5:10: warning: 'notes': the link to 'https://github.com\\a\\b' {SHOWS};"
        " write https://github.com/a/b",
        f"{P}:5:38: warning: 'notes': the link to 'https://example.org/a\\b?q=x\\y' {SHOWS};"
        " write https://example.org/a/b?q=x\\y",
    ]


def test_a_link_in_notes_to_a_page_of_the_site_as_a_hand_written_page_writes_it_says_how(tmp_path):
    # A curator linking another paper of the list from notes, as README shows the pages'
    # links ("papers/<id>.md"), was told only that a link needs an https:// address.
    text = (
        "id: x\ntitle: A\nabstract: a\nnotes: |\n"
        "  [GIN](papers/how-powerful.md) [topic](../../topics/graphs/#start-here)\n"
    )
    assert [m for m in check_one(tmp_path, text) if "'notes'" in m] == [
        # (no site's address here, and no paper 'how-powerful' to list in 'related:')
        f"{P}:5:9: warning: 'notes': the link to 'papers/how-powerful.md' {SHOWS}; {_NO_SITE}",
        f"{P}:5:41: warning: 'notes': the link to '../../topics/graphs/#start-here' {SHOWS}; {_NO_SITE}",
    ]


def test_a_link_in_notes_to_a_known_paper_by_its_id_or_relative_address_says_how(tmp_path):
    # (review: "../id/", the address of another paper's page from this one's, and the
    # bare id got only the generic warning; only "papers/<id>.md" was told how to link a
    # paper. Said only when the id is a paper's: "appendix" or an unknown id is no page.)
    text = (
        "id: x\ntitle: A\nabstract: a\nnotes: |\n"
        "  [a](../known-paper/) [b](known-paper) [c](../known-paper) [d](appendix) [e](../nope/)\n"
    )
    hint = f"; {_RELATED}, or {_NO_SITE}"
    assert [m for m in check_one(tmp_path, text) if "'notes'" in m] == [
        f"{P}:5:7: warning: 'notes': the link to '../known-paper/' {SHOWS}{hint}",
        f"{P}:5:28: warning: 'notes': the link to 'known-paper' {SHOWS}{hint}",
        f"{P}:5:45: warning: 'notes': the link to '../known-paper' {SHOWS}{hint}",
        f"{P}:5:65: warning: 'notes': the link to 'appendix' {SHOWS}",
        f"{P}:5:79: warning: 'notes': the link to '../nope/' {SHOWS}",
    ]


def test_a_link_in_notes_by_a_papers_id_is_told_how_on_a_rerun_that_reuses_the_file(tmp_path, monkeypatch):
    # (The hint needs every paper's id, which a file read on its own does not know: it is
    # said on each load, the reused file's warnings as well.)
    import time

    from generator import curation, paperdrafts
    from generator.curation import load_content

    check_one(tmp_path, "id: x\ntitle: A\nabstract: a\nnotes: '[b](known-paper)'\n")
    monkeypatch.setattr(paperdrafts.time, "time_ns", lambda: time.time() * 1e9 + 60e9)
    monkeypatch.setattr(curation.time, "time_ns", lambda: time.time() * 1e9 + 60e9)
    files: curation.FileCache = {}
    hint = f"'notes': the link to 'known-paper' {SHOWS}; {_RELATED}, or {_NO_SITE}"
    for _ in range(2):
        _, problems = load_content(tmp_path / "content", cache=files)
        # (once: not added again to the reused file's warning)
        assert [p.message for p in problems.warnings if "'notes'" in p.message] == [hint]
    # The paper gone, x.yml (unchanged, reused) links no paper's page: the hint goes too.
    (tmp_path / "content" / "papers" / "known-paper.yml").unlink()
    _, problems = load_content(tmp_path / "content", cache=files)
    assert [p.message for p in problems.warnings if "'notes'" in p.message] == [
        f"'notes': the link to 'known-paper' {SHOWS}"
    ]


def test_a_link_in_notes_to_a_known_paper_by_other_relative_forms_says_how(tmp_path):
    # (review: "./id/", "id.md", "../id/#abstract" and the id in capitals got only the
    # generic warning where "../id/" and a bare id were told how to link the paper; the
    # anchor is kept in the address to write. "../nope.md" is no paper's.)
    text = (
        "id: x\ntitle: A\nabstract: a\nnotes: |\n"
        "  [a](./known-paper/) [b](known-paper.md) [c](../known-paper/#abstract) [d](Known-Paper)"
        " [e](../nope.md)\n"
    )
    # (Without the site's address, the anchor is kept by none of the ways told: 'related:'
    # links the page, and the address is given once the site's is set.)
    hint = anchored = f"; {_RELATED}, or {_NO_SITE}"
    assert [m for m in check_one(tmp_path, text) if "'notes'" in m] == [
        f"{P}:5:7: warning: 'notes': the link to './known-paper/' {SHOWS}{hint}",
        f"{P}:5:27: warning: 'notes': the link to 'known-paper.md' {SHOWS}{hint}",
        f"{P}:5:47: warning: 'notes': the link to '../known-paper/#abstract' {SHOWS}{anchored}",
        f"{P}:5:77: warning: 'notes': the link to 'Known-Paper' {SHOWS}{hint}",
        f"{P}:5:94: warning: 'notes': the link to '../nope.md' {SHOWS}",
    ]


# How a link of notes to a page of the list is told to be written: with the site's
# address when mkdocs.yml gives one, else what works without it.
_NO_SITE = (
    "link a page of this list by its full web address, which `check` gives once the site's"
    " address is set (the SITE_URL variable, or site_url in mkdocs.yml)"
)
_RELATED = "add 'known-paper' to this paper's 'related:' (its page links the papers listed there)"


@pytest.mark.parametrize(
    ("config", "env", "address"),
    [
        ("site_url: https://lab.example.org/list\n", None, "https://lab.example.org/list/"),
        ("site_url: !ENV SITE_URL\n", "https://lab.example.org/list/", "https://lab.example.org/list/"),
        ("site_url: !ENV [SITE_URL, 'https://lab.example.org/']\n", None, "https://lab.example.org/"),
        ("site_url: !ENV SITE_URL\n", None, ""),
        ("site_name: Lab\n", None, ""),
        (None, None, ""),
    ],
)
def test_a_link_in_notes_to_a_page_of_the_list_is_told_an_address_to_copy(
    tmp_path, monkeypatch, config, env, address
):
    # (curator's walk-through: "https://…/papers/<id>/" gave a new curator, whose site
    # had no address yet, nothing to copy)
    if env is None:
        monkeypatch.delenv("SITE_URL", raising=False)
    else:
        monkeypatch.setenv("SITE_URL", env)
    if config is not None:
        (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    text = (
        "id: x\ntitle: A\nabstract: a\nnotes: |\n"
        "  [a](../known-paper/#abstract) [t](../../topics/graphs/) [n](papers/nope.md)"
        " [s](../x/)\n"
    )
    found = [m.split(f"{SHOWS}; ", 1)[1] for m in check_one(tmp_path, text) if "'notes'" in m]
    if address:
        assert found == [
            f"link a page of this list by its full web address ({address}papers/known-paper/#abstract),"
            f" or {_RELATED}",
            f"link a page of this list by its full web address ({address}topics/graphs/)",
            f"link a page of this list by its full web address ({address}papers/nope/)",
            f"link a page of this list by its full web address ({address}papers/x/)",
        ]
    else:
        # A paper of the list (not this one) goes in its 'related:'; the others wait for
        # the site's address.
        assert found == [f"{_RELATED}, or {_NO_SITE}", _NO_SITE, _NO_SITE, _NO_SITE]


@pytest.mark.parametrize("site", [True, False])
def test_the_way_told_to_link_a_paper_of_the_list_from_notes_is_accepted(tmp_path, monkeypatch, site):
    monkeypatch.delenv("SITE_URL", raising=False)
    if site:
        (tmp_path / "mkdocs.yml").write_text("site_url: https://lab.example.org/list/\n", encoding="utf-8")
    before = check_one(tmp_path, "id: x\ntitle: A\nabstract: a\nnotes: '[b](../known-paper/)'\n")
    assert any("'notes'" in m for m in before)
    fixed = (
        "notes: '[b](https://lab.example.org/list/papers/known-paper/)'\n" if site
        else "related: [known-paper]\n"
    )
    assert check_one(tmp_path, f"id: x\ntitle: A\nabstract: a\n{fixed}") == [
        m for m in before if "'notes'" not in m
    ]


@pytest.mark.parametrize("site", [True, False])
def test_a_link_in_notes_to_a_paper_already_related_is_not_told_to_add_it_there(tmp_path, monkeypatch, site):
    # (curator's walk-through under serve: notes linking 'known-paper.md', which the
    # paper's 'related:' listed already, were told to add it to 'related:')
    monkeypatch.delenv("SITE_URL", raising=False)
    if site:
        (tmp_path / "mkdocs.yml").write_text("site_url: https://lab.example.org/list/\n", encoding="utf-8")
    text = "id: x\ntitle: A\nabstract: a\nrelated: [known-paper]\nnotes: '[b](known-paper.md)'\n"
    found = [m.split(f"{SHOWS}; ", 1)[1] for m in check_one(tmp_path, text) if "'notes'" in m]
    address = (
        "link a page of this list by its full web address (https://lab.example.org/list/papers/known-paper/)"
        if site else _NO_SITE
    )
    assert found == [
        f"'known-paper' is in this paper's 'related:' already, so its page links it there; {address}"
    ]


def test_a_link_no_reader_can_open_in_notes_or_a_description_is_warned_of_at_its_place(tmp_path):
    # As a paper's links and the hand-written pages' are: an address on the curator's
    # own computer or intranet, linked from notes or a topic's description, went unsaid.
    tail = ", so no reader of the site can open it; give its address on the web, or remove the link"
    text = (
        "id: x\ntitle: A\nabstract: a\nnotes: |\n"
        "  See [the wiki](http://intranet/wiki/a), the [demo](http://localhost:8000/x),\n"
        "  [NAS](https://nas.local/f), <http://10.0.0.2/s> and [the lab](https://example.org/lab).\n"
    )
    assert [m for m in check_one(tmp_path, text) if "'notes'" in m] == [
        f"{P}:5:18: warning: 'notes': link 'http://intranet/wiki/a': its host, intranet, is a name"
        " without a dot, known only inside a local network" + tail,
        f"{P}:5:54: warning: 'notes': link 'http://localhost:8000/x': its host, localhost, names"
        " the reader's own computer" + tail,
        f"{P}:6:9: warning: 'notes': link 'https://nas.local/f': its host, nas.local, is a name"
        " known only inside a local network" + tail,
        f"{P}:6:32: warning: 'notes': link 'http://10.0.0.2/s': its host, 10.0.0.2, is an address"
        " of a private network (or one reserved)" + tail,
    ]
    (tmp_path / "content" / "topics.yml").write_text(
        "topics:\n  - id: t\n    title: T\n    description: >-\n      Start with\n"
        "      [the notes](http://wiki/t).\n",
        encoding="utf-8",
    )
    assert [m for m in messages(tmp_path) if "'description'" in m] == [
        f"{T}:6:19: warning: 'description': link 'http://wiki/t': its host, wiki, is a name without"
        " a dot, known only inside a local network" + tail,
    ]


def test_a_field_added_indented_under_a_block_of_text_is_a_warning(tmp_path):
    # An imported file ends with its abstract (`abstract: >-`): a field added at its end,
    # indented as the editor kept the line above, was the abstract's last words, and the
    # field silently unset (check said nothing; the page showed "status: classic").
    text = (
        "id: x\ntitle: A\nnotes: |\n  Read section 4.\n  topics: [in-context-learning]\n"
        "abstract: >-\n  We propose a model.\n  It works.\n  status: classic\n"
    )
    assert check_one(tmp_path, text) == [
        f"{P}:5:3: warning: 'notes' ends with the line 'topics: [in-context-learning]', which"
        " is text of 'notes' (indented under it); if it is meant as the field 'topics',"
        " unindent it to the level of 'notes:'",
        f"{P}:9:3: warning: 'abstract' ends with the line 'status: classic', which is text"
        " of 'abstract' (indented under it); if it is meant as the field 'status', unindent"
        " it to the level of 'abstract:'",
    ]
    # Not a field's name, not the last line, more indented than the text, or the text's
    # only line: prose, left alone.
    for block in (
        "  We propose a model.\n  see also: the appendix\n",
        "  We propose a model.\n  status: classic\n  And more.\n",
        "  We propose a model.\n    status: classic\n",
        "  status: a word on its status\n",
    ):
        assert check_one(tmp_path, f"id: x\ntitle: A\nabstract: |\n{block}") == [], block
    # A topic's description, as topics.yml's fields.
    (tmp_path / "content" / "topics.yml").write_text(
        "topics:\n  - id: t\n    title: T\n    description: |\n      Papers on t.\n"
        "      threshold: 2\n",
        encoding="utf-8",
    )
    assert [m for m in messages(tmp_path) if "ends with" in m] == [
        f"{T}:6:7: warning: 'description' ends with the line 'threshold: 2', which is text of"
        " 'description' (indented under it); if it is meant as the field 'threshold',"
        " unindent it to the level of 'description:'",
    ]


def test_a_line_of_a_block_naming_a_field_the_record_sets_already_is_text(tmp_path):
    # Notes that end with the published version's DOI, or a word on the preprint's
    # year, in a file whose `doi:` and `year:` are set: no field left unset, and
    # unindented as the warning said, the line was a second `doi:` (an error).
    text = (
        "id: x\ntitle: A\nyear: 2021\ndoi: 10.48550/arXiv.2101.00001\nnotes: |\n"
        "  The journal version differs from the preprint.\n  doi: 10.1145/3442188.3445922\n"
        "summary: >-\n  Worth a read.\n  year: 2020 for the preprint, as cited.\n"
    )
    assert check_one(tmp_path, text) == []


def test_the_summary_counts_in_the_singular_and_the_plural():
    assert summary(1, 1, 1, 1) == "1 error, 1 warning (1 paper and 1 topic loaded)"
    assert summary(0, 2, 2, 0) == "0 errors, 2 warnings (2 papers and 0 topics loaded)"


def test_real_files_are_unchanged_by_the_stricter_suggestions(tmp_path: Path):
    # A pinned typo of every kind: a field, a link field, a link kind, a status.
    text = (
        "id: x\ntitle: A\nabstract: a\nauhtors: [B]\nstatus: must read\nlinks:\n  projects: []\n"
        "  code:\n    - url: https://github.com/a/b\n      offical: true\n"
    )
    assert check_one(tmp_path, text) == [
        f"{P}:4:1: unknown field 'auhtors' (did you mean 'authors'?)",
        f"{P}:5:9: 'status' must be one of must-read, classic, to-read, reference,"
        " not 'must read' (did you mean 'must-read'?)",
        f"{P}:7:3: unknown link kind 'projects' (did you mean 'project'?)",
        f"{P}:10:7: unknown field 'offical' in a link (did you mean 'official'?)",
    ]


def test_a_parent_named_by_a_renamed_topics_old_id_suggests_the_topic(tmp_path):
    (tmp_path / "content" / "papers").mkdir(parents=True)
    (tmp_path / "content" / "topics.yml").write_text(
        "topics:\n  - id: transfer-and-meta-learning\n    title: Transfer\n    keywords:\n"
        "      transfer learning: 2\n  - id: child\n    title: Child\n"
        "    parent: transfer-learning\n",
        encoding="utf-8",
    )
    assert [m for m in messages(tmp_path) if "parent" in m] == [
        f"{T}:8:13: 'parent': unknown topic 'transfer-learning' (did you mean"
        " 'transfer-and-meta-learning'? it is about 'transfer learning'); remove it here, write the topic meant, or define it in topics.yml"
    ]


def test_et_al_written_as_an_author_is_told_to_be_others(tmp_path):
    text = "id: x\ntitle: A\nabstract: a\nauthors: [Kaiming He, et al.]\n"
    assert check_one(tmp_path, text) == [
        f"{P}:4:23: warning: 'et al.' is not a name: write 'others' as the last author"
        " (BibTeX's 'and others'), shown as \"et al.\""
    ]
    ok = "id: x\ntitle: A\nabstract: a\nauthors: [Ada Lovelace, Al Etal, Alberto Alvarez, others]\n"
    assert check_one(tmp_path, ok) == []
    glued = "id: x\ntitle: A\nabstract: a\nauthors: [Smith et al., others, Ada Lovelace]\n"
    assert check_one(tmp_path, glued) == [
        f"{P}:4:11: warning: 'Smith et al.' ends with 'et al.': write the name alone, then"
        " 'others' as the last author (BibTeX's 'and others'), shown as \"et al.\"",
        f"{P}:4:25: warning: 'others' stands for the authors not named: move it to the end"
        " (it is shown as \"et al.\")",
    ]


def test_an_id_with_other_word_endings_is_offered_the_one_it_means(tmp_path):
    from generator.typos import closest

    topics = ["model-merging", "continual-learning", "in-context-learning"]
    assert closest("model-merge", topics) == "model-merging"
    assert closest("in-contexts-learned", topics) == "in-context-learning"
    # Only when one id has those words; and a single word is no such id.
    assert closest("models-merge", ["model-merging", "models-merging"]) is None
    assert closest("learners", ["learning", "learned"]) is None


# ------------------------------------------ YAML slips, each in a file of its own

# A curator review's slips, each as it was found (id: broken), one file each.
REVIEWED_SLIPS = {
    "anchor": ("title: &Co Some paper\n", "2:8: a value starting with '&' is read as YAML"
               " syntax (an anchor), not text, and '&Co' is left out of it; put the whole value"
               " in double quotes: title: \"&Co Some paper\""),
    "anchor-alone": ("title: &Some\n", "2:8: a value starting with '&' is read as YAML syntax"
                     " (an anchor), not text, and '&Some' is left out of it; put the whole value"
                     " in double quotes: title: \"&Some\""),
    "colon": ("title: Some paper\nyear:2015\n", "3:5: YAML syntax error: a key needs a space"
              " after its colon: 'year: 2015'"),
    "block": ("title: T\nnotes: |\nMy note.\nvenue: ICLR\n", "4:1: YAML syntax error: the lines"
              " of a '|' block must be indented under their key ('notes' on line 3); indent this"
              " line and the rest of the block"),
    "bracket": ("title: T\nauthors: [Doe, Jane\nyear: 2020\n", "3:10: YAML syntax error: a list"
                " opened here with '[' is not closed: close it with ']' (if the value is text,"
                " not a list, put the whole value in double quotes)"),
    "star": ("title: *Some* paper\n", "2:8: YAML syntax error: a value starting with '*' is"
             " read as YAML syntax (an alias), not text; put the whole value in double quotes:"
             " title: \"*Some* paper\""),
    "quotes": ('title: "Some "quoted" paper"\n', "2:14: YAML syntax error: this double quote"
               " ends the quoted value, and text follows it; write a double quote inside the"
               " value as \\\", or put the whole value in single quotes:"
               " title: 'Some \"quoted\" paper'"),
    "apostrophe": ("title: 'It's a paper'\n", "2:11: YAML syntax error: this single quote ends"
                   " the quoted value, and text follows it; write a single quote inside the"
                   " value as two ('') or put the whole value in double quotes:"
                   " title: \"It's a paper\""),
    "tag": ("title: !Foo bar\n", "2:8: YAML tag '!Foo' is not allowed; a value starting with"
            " '!' is read as a tag, not text: put the whole value in double quotes:"
            " title: \"!Foo bar\""),
}


def test_every_yaml_slip_in_every_file_is_reported_in_one_run_of_check(tmp_path):
    topics = "topics:\n  - id: t\n    title: &T Agents\n"
    root = project(tmp_path, topics, **{
        name: f"id: {name}\n{text}" for name, (text, _) in REVIEWED_SLIPS.items()
    })  # fmt: skip
    (root / "mkdocs.yml").write_text("site_name: Lab\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(root), "check"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    printed = result.stdout.splitlines()
    assert printed[:-1] == sorted(
        [f"content/papers/{name}.yml:{where}" for name, (_, where) in REVIEWED_SLIPS.items()]
        + [
            f"{T}:3:12: a value starting with '&' is read as YAML syntax (an anchor), not text,"
            " and '&T' is left out of it; put the whole value in double quotes: title: \"&T Agents\""
        ]
    )
    assert printed[-1].startswith(f"{len(REVIEWED_SLIPS) + 1} errors, 0 warnings (0 papers")


@pytest.mark.parametrize("text", ["", "\n\n", "# the topics come later\n"])
def test_an_empty_topics_file_is_a_warning_and_topics_empty_list_says_it_is_meant(tmp_path, text):
    # An empty paper file is an error (a paper needs an id); an empty topics file may be
    # a list without topics, or one emptied by accident.
    root = project(tmp_path, text, a=paper("a"))
    assert messages(root) == [
        f"{T}:1:1: warning: topics.yml is empty, so the list has no topics; if that is meant,"
        " write 'topics: []'"
    ]
    result = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(root), "check"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout
    (root / "content" / "topics.yml").write_text("topics: []\n", encoding="utf-8")
    assert messages(root) == []


def _topic_with(root: Path, keywords: str, *papers: tuple[str, str]) -> list[str]:
    """`check`'s messages for topic 't' with ``keywords`` (YAML lines under `keywords:`)
    and papers of (title, abstract)."""
    (root / "content" / "papers").mkdir(parents=True)
    (root / "content" / "topics.yml").write_text(
        "topics:\n  - id: t\n    title: T\n    keywords:\n" + keywords, encoding="utf-8"
    )
    for n, (title, abstract) in enumerate(papers):
        (root / "content" / "papers" / f"p{n}.yml").write_text(
            f"id: p{n}\ntitle: {title}\nabstract: {abstract}\ntopics: [t]\n", encoding="utf-8"
        )
    return messages(root)


def test_a_keyword_word_no_paper_has_but_one_slip_from_one_it_has_is_a_warning(tmp_path):
    # The curator's typo made the keyword match nothing, and the topic (with papers by
    # its other keywords, or by hand) said nothing of it.
    assert _topic_with(
        tmp_path,
        "      mixture of exprets | moe: 2\n"  # two letters swapped, in one alternative
        "      Routng & gating: 1\n"  # a letter missing, in a part every match needs
        "      sparse models: 1\n",
        ("Sparse Mixture-of-Experts", "Experts with routing and gating."),
        ("Routing experts", "We route tokens to EXPERTS."),
    ) == [
        f"{T}:5:7: warning: keyword 'mixture of exprets | moe': no paper's title or abstract"
        " has the word 'exprets' in any form (did you mean 'experts'?), so 'mixture of"
        " exprets' matches no paper; correct the spelling",
        f"{T}:6:7: warning: keyword 'Routng & gating': no paper's title or abstract has the"
        " word 'routng' in any form (did you mean 'routing'?), so the keyword matches no"
        " paper; correct the spelling",
    ]


@pytest.mark.parametrize(
    "keyword",
    [
        "curricula",  # in no paper, and no slip of a word one has: meant for papers to come
        "studies",  # "study" is its other form (the same stem): it matches
        "routings",  # "routing" plus an s: the same stem
        "expert",  # in a paper, inside "experts"
        "MTLs",  # under five letters but for the s: a slip there is as likely an initialism
        "2024",
    ],
)
def test_a_keyword_word_that_matches_or_is_no_slip_is_no_warning(tmp_path, keyword):
    assert _topic_with(
        tmp_path,
        f"      {keyword}: 1\n",
        ("A study of curriculum", "Routing experts (MTL) in 2023."),
    ) == []


@pytest.mark.parametrize(
    ("keyword", "title", "abstract"),
    [
        # Real words a small list's papers do not hold yet, each one slip from a word
        # they do hold: meant for papers to come, not typos.
        ("reward shaping", "Reward sharing among agents", "Agents learn by sharing rewards."),
        ("cross-modal retrieval", "Dense retrieval", "One retrieval model for all queries."),
        ("normalizing flows", "Counting FLOPs", "Fewer flops at the same accuracy."),
        ("label noise", "Learning from noisy labels", "When the labels are noisy."),
        ("optical flow", "Optimal transport for domain adaptation", "An optimal plan."),
        ("multiplayer games | players", "Which layers to share", "Sharing the lower layers."),
        ("police", "Policy gradients", "A policy learns from rewards."),
        # (and so is a slip that makes another word: "model merging" in a paper does not
        # tell "modal merging" from "reward shaping" beside a paper's "reward sharing")
        ("modal merging", "Model merging with task vectors", "We study model merging."),
        # A form of a dictionary word that the dictionary does not list ("shard" is in
        # it, "sharded" and "sharding" are not).
        ("sharded storage", "Coordination with shared registers", "Shared locks."),
        ("sharding", "Coordination with shared registers", "Sharing locks."),
        # A name written as one, with capitals inside.
        ("LLaVA", "Open LLaMA models", "We release llama weights."),
        ("QLoRA | SBERT", "LoRA adapters for BERT", "Low-rank adapters."),
        # Another version of a name: a slip in a digit only.
        ("llama2", "Open llama models", "We release llama weights."),
        ("yolov3", "YOLOv5 for drones", "Detection with yolov5."),
    ],
)
def test_a_real_word_one_slip_from_a_papers_word_is_no_warning(tmp_path, keyword, title, abstract):
    assert _topic_with(tmp_path, f"      {keyword}: 1\n", (title, abstract)) == []


@pytest.mark.parametrize(
    ("keyword", "word", "meant", "title", "abstract"),
    [
        ("transfomer", "transfomer", "transformer", "Vision transformers",
         "A transformer for images."),
        ("reinfocement learning", "reinfocement", "reinforcement", "Offline reinforcement learning",
         "Reinforcement learning from logged data."),
        ("mixture of exprets", "exprets", "experts", "Sparse mixtures of experts",
         "Each token is routed to two experts."),
        ("difusion models", "difusion", "diffusion", "Diffusion models beat GANs",
         "Diffusion models for image synthesis."),
        # (a slip beside a digit, and one in a word written with a capital first only)
        ("resnt50", "resnt50", "resnet50", "Pruning resnet50", "A smaller resnet50."),
        ("State machine replicaton", "replicaton", "replication", "Chain replication",
         "Replication for throughput."),
    ],
)
def test_a_typo_in_a_small_list_is_still_a_warning(tmp_path, keyword, word, meant, title, abstract):
    assert _topic_with(tmp_path, f"      {keyword}: 1\n", (title, abstract)) == [
        f"{T}:5:7: warning: keyword {keyword!r}: no paper's title or abstract has the word"
        f" {word!r} in any form (did you mean {meant!r}?), so the keyword matches no paper;"
        " correct the spelling",
    ]


def test_a_keyword_of_weight_zero_is_a_warning(tmp_path):
    # It counted nothing, for the topic or against it, and nothing said so.
    assert _topic_with(
        tmp_path, "      routing: 0\n      experts: 0.0\n      gating: -0.5\n", ("Routing experts", "x")
    ) == [
        f"{T}:5:16: warning: keyword 'routing' has weight 0, so it counts nothing; give it a"
        " weight (a negative one counts against the topic), or remove it",
        f"{T}:6:16: warning: keyword 'experts' has weight 0, so it counts nothing; give it a"
        " weight (a negative one counts against the topic), or remove it",
    ]


def test_one_word_authors_on_one_line_are_told_a_name_written_surname_first_is_split(tmp_path):
    # A curator used to BibTeX wrote "[Lamport, Leslie]": YAML read two authors, and the
    # page said "Lamport and Leslie", with nothing said.
    text = "id: x\ntitle: A\nabstract: a\nauthors: [Lamport, Leslie]\n"
    assert check_one(tmp_path, text) == [
        f"{P}:4:11: warning: 'authors' lists 2 one-word authors, 'Lamport' and 'Leslie':"
        " unquoted in a list, a name written surname first is two authors; if they are names"
        " written surname first, write [\"Lamport, Leslie\"]"
    ]
    four = "id: x\ntitle: A\nabstract: a\nauthors: [Dean, J., Ghemawat, S., others]\n"
    assert check_one(tmp_path, four) == [
        f"{P}:4:11: warning: 'authors' lists 4 one-word authors, 'Dean', 'J.', 'Ghemawat' and"
        " 'S.': unquoted in a list, a name written surname first is two authors; if they are"
        " names written surname first, write [\"Dean, J.\", \"Ghemawat, S.\", others]"
    ]
    odd = "id: x\ntitle: A\nabstract: a\nauthors: [Lamport, Leslie, Shostak]\n"
    assert check_one(tmp_path, odd)[0].endswith(
        "'Lamport', 'Leslie' and 'Shostak': unquoted in a list, a name written surname first is"
        " two authors; quote each name written surname first (\"Surname, Given\")"
    )
    # Quoted, on lines of their own, or beside a name of two words: as meant.
    for meant in (
        'authors: ["Lamport, Leslie"]\n',
        "authors: [Leslie Lamport]\n",
        "authors: [Plato, Aristotle Onassis]\n",
        "authors:\n  - Plato\n  - Socrates\n",
        'authors: ["Plato", Socrates]\n',
        "authors: [Plato, others]\n",
        "authors: [NO, yes, 1e3]\n",  # (not words of a name: no name split in two)
    ):
        assert check_one(tmp_path, f"id: x\ntitle: A\nabstract: a\n{meant}") == [], meant


def test_one_address_listed_twice_under_one_kind_is_a_warning(tmp_path):
    # A curator added the repository again with a slash at its end: the page showed two
    # code badges for it, and nothing said so.
    text = (
        "id: x\ntitle: A\nabstract: a\nlinks:\n  code:\n"
        "    - url: https://github.com/logcabin/logcabin\n"
        "    - url: https://github.com/logcabin/logcabin/\n"
        "    - url: http://www.github.com/logcabin/logcabin.git\n"
        "    - url: https://github.com/logcabin/logcabin/tree/main/scripts\n"  # (a folder of it)
        "  project:\n"
        "    - url: https://github.com/logcabin/logcabin\n"  # (under another kind: its own link)
        "    - url: https://raft.github.io/\n"
    )
    said = (
        "warning: 'code' lists this address already, at line 6"
        " (https://github.com/logcabin/logcabin): the page would show it twice; remove this one"
    )
    assert check_one(tmp_path, text) == [
        f"{P}:7:12: {said}",
        f"{P}:8:12: {said}",
        f"{P}:8:12: warning: 'url' is http:// on www.github.com, which serves its pages over"
        " https: write https://www.github.com/logcabin/logcabin.git",
    ]


TOPIC_IDS = ["continual-learning", "model-merging", "prompt-based-continual-learning", "robotics"]


@pytest.mark.parametrize(
    "word, meant",
    [
        ("model-merging-survey", "model-merging"),  # a topic's id and a word after it
        ("survey-of-model-merging", "model-merging"),  # words before it
        ("llm-model-merging-methods", "model-merging"),  # both
        # (held in another held one: the narrower topic, the whole of what is named)
        ("prompt-based-continual-learning-methods", "prompt-based-continual-learning"),
        ("continual-learning-methods", "continual-learning"),
        # One word in common is no topic held whole: another topic altogether.
        ("model-editing", None),
        ("merging-methods", None),
        ("curriculum-learning-survey", None),
        # A one-word topic's id is one word in common too ("robotics" in a paper's title).
        ("robotics-survey", None),
        # Two topics named: which is meant is no guess to make.
        ("model-merging-for-continual-learning", None),
    ],
)
def test_a_topic_id_held_whole_in_a_longer_one_is_suggested(word, meant):
    assert closest(word, TOPIC_IDS, within=True) == meant


def test_a_paper_id_held_in_a_longer_one_is_not_suggested():
    # (A paper's title holding another's is another paper: "deep-safe-multi-task-learning"
    # is no "multi-task-learning".)
    assert closest("model-merging-survey", ["model-merging"]) is None


MERGING_TOPICS = """\
topics:
  - id: multi-task-learning
    title: Multi-task learning
    keywords:
      multi-task: 1
  - id: model-merging
    title: Model merging
    parent: {merging_parent}
    keywords:
      merging: 1
  - id: merging-llms
    title: Merging LLMs
    parent: {llms_parent}
    keywords:
      merging llms: 1
"""


def test_a_parent_holding_a_topics_id_suggests_that_topic_never_the_topic_itself(tmp_path):
    topics = MERGING_TOPICS.format(
        merging_parent="model-merging-survey", llms_parent="model-merging-survey"
    )
    root = project(
        tmp_path, topics,
        a=paper("a", "A multi-task merging llms", "topics: [model-merging-survey]\n"),
    )  # fmt: skip
    unknown = "unknown topic 'model-merging-survey'"
    fix = "; remove it here, write the topic meant, or define it in topics.yml"
    assert messages(root) == [
        f"content/papers/a.yml:3:10: {unknown} (did you mean 'model-merging'?){fix}",
        # (model-merging's own parent names model-merging: not a parent to suggest)
        f"{T}:8:13: 'parent': {unknown}{fix}",
        f"{T}:13:13: 'parent': {unknown} (did you mean 'model-merging'?){fix}",
    ]


def test_a_parent_suggested_is_never_one_of_the_topics_own_sub_topics(tmp_path):
    # model-merging's parent holds merging-llms, its sub-topic: written, that parent
    # would make a cycle.
    topics = MERGING_TOPICS.format(
        merging_parent="merging-llms-survey", llms_parent="model-merging"
    )
    root = project(tmp_path, topics, a=paper("a", "A multi-task merging llms"))
    assert messages(root) == [
        f"{T}:8:13: 'parent': unknown topic 'merging-llms-survey'; remove it here, write the"
        " topic meant, or define it in topics.yml",
    ]


def test_a_parent_named_by_a_sub_topics_keyword_suggests_no_topic_that_would_make_a_cycle(tmp_path):
    # 'merging' is model-merging's keyword, and model-merging is under multi-task-learning:
    # "did you mean 'model-merging'?" at multi-task-learning's parent was a cycle, written;
    # so was a topic's own keyword at its own parent (the topic itself).
    unknown = "unknown topic 'merging'; remove it here, write the topic meant, or define it in topics.yml"
    topics = MERGING_TOPICS.format(merging_parent="multi-task-learning", llms_parent="model-merging")
    topics = topics.replace("    title: Multi-task learning\n", "    title: Multi-task learning\n    parent: merging\n")
    root = project(tmp_path, topics, a=paper("a", "A multi-task merging llms"))
    assert messages(root) == [f"{T}:4:13: 'parent': {unknown}"]
    own = MERGING_TOPICS.format(merging_parent="merging", llms_parent="model-merging")
    root = project(tmp_path / "own", own, a=paper("a", "A multi-task merging llms"))
    assert messages(root) == [f"{T}:8:13: 'parent': {unknown}"]
    # Another topic, neither it nor one under it, is suggested as before (its keyword).
    other = MERGING_TOPICS.format(merging_parent="multi-task", llms_parent="model-merging")
    root = project(tmp_path / "other", other, a=paper("a", "A multi-task merging llms"))
    assert messages(root) == [
        f"{T}:8:13: 'parent': unknown topic 'multi-task' (did you mean 'multi-task-learning'?"
        " it is about 'multi-task');"
        " remove it here, write the topic meant, or define it in topics.yml",
    ]


def test_a_duplicate_topics_parent_suggests_none_of_the_topics_own_sub_topics(tmp_path):
    # A second 'model-merging' whose parent holds merging-llms, model-merging's sub-topic:
    # suggested, that parent is a cycle, as for the first definition.
    topics = MERGING_TOPICS.format(merging_parent="multi-task-learning", llms_parent="model-merging")
    topics += "  - id: model-merging\n    title: Again\n    parent: merging-llms-survey\n"
    root = project(tmp_path, topics, a=paper("a", "A multi-task merging llms"))
    assert [m for m in messages(root) if "parent" in m] == [
        f"{T}:18:13: 'parent': unknown topic 'merging-llms-survey'; remove it here, write the"
        " topic meant, or define it in topics.yml",
    ]


def test_a_title_with_a_colon_in_a_list_of_ids_is_not_told_its_first_words_are_the_id(tmp_path):
    # "- x: 1" is an id with a weight, "- id: x" a record: the id is plain. A paper's
    # title written in 'related:' ("- Attention: all you need") was told to write
    # "- Attention", which is no id of any paper; it is told what colons need, as before.
    found = check_one(
        tmp_path, "id: x\ntitle: X Paper\nrelated:\n  - Attention: all you need\n  - known-paper: 1\n"
        "  - Attention: [all, you]\n",
    )
    assert f"{P}:4:5: 'related' item 1 must be a single value, not a mapping; if it holds a colon" \
        " followed by a space, put it in double quotes" in found
    assert f"{P}:5:5: 'related' item 2 must be a single value, not a mapping; write the id alone," \
        " '- known-paper'" in found
    assert f"{P}:6:5: 'related' item 3 must be a single value, not a mapping; if it holds a colon" \
        " followed by a space, put it in double quotes" in found


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        # (Written alone, each reads back as itself: the hint is told.)
        ('"NeurIPS, Vancouver"', "; write 'venue: NeurIPS, Vancouver', the value alone"),
        ("\"O'Reilly\"", "; write 'venue: O'Reilly', the value alone"),
        # (Written alone, none would: "venue: 'Twas a venue" and "venue: - Workshop" are
        # no YAML, "venue: null" is no venue, and "venue:  Padded" loses its space.)
        ("\"'Twas a venue\"", ""),
        ('"- Workshop"', ""),
        ('"null"', ""),
        ('"  Padded"', ""),
        # (Two venues where one goes: the first alone, or both as one text, each written
        # as it reads back: plain when it does, else in double quotes.)
        ("NeurIPS, ICML", "; it takes one value: write 'venue: NeurIPS' to keep the first,"
         " or 'venue: NeurIPS, ICML' to keep them all as one text"),
        ("'null', ICML", "; it takes one value: write 'venue: \"null\"' to keep the first,"
         " or 'venue: null, ICML' to keep them all as one text"),
        ("'- a', b", "; it takes one value: write 'venue: \"- a\"' to keep the first,"
         " or 'venue: \"- a, b\"' to keep them all as one text"),
        # (An item that is a list, or empty: no text to suggest.)
        ("NeurIPS, [ICML]", ""),
        ("NeurIPS, ''", ""),
    ],
)
def test_a_list_for_a_value_is_told_what_to_write_only_as_it_reads_back(tmp_path, written, hint):
    said = check_one(
        tmp_path, f"id: x\ntitle: A Paper\nabstract: An abstract.\ntopics: [in-context-learning]\nvenue: [{written}]\n"
    )
    assert said == [f"{P}:5:8: 'venue' must be a string, not a list{hint}"]


def test_a_list_of_several_values_for_an_id_or_a_year_is_told_to_keep_one(tmp_path):
    # (No id or year is several joined: only keeping one is said.)
    said = check_one(
        tmp_path, "id: x\ntitle: A Paper\nabstract: An abstract.\ntopics: [in-context-learning]\n"
        "year: [2020, 2021]\n",
    )
    assert said == [
        f"{P}:5:7: 'year' must be a year, not a list; it takes one value: write 'year: 2020' to keep the first"
    ]


@pytest.mark.parametrize(
    ("line", "said_of_it"),
    [
        # (user: 'year: [twenty, 2021]' was told "write 'year: twenty' to keep the first",
        # and 'venue_kind: [misc, journal]' "write 'venue_kind: misc'": each an error again)
        ("year: [twenty, 2021]", "5:7: 'year' must be a year, not a list"),
        ("venue_kind: [misc, journal]", "5:13: 'venue_kind' must be a string, not a list"),
        ("venue_kind: [conference, misc]", "5:13: 'venue_kind' must be a string, not a list; it takes one"
         " value: write 'venue_kind: conference' to keep the first"),
        # (user: 'venue_kind: [inproceedings]' was told "write 'venue_kind: inproceedings',
        # the value alone", which check then refused: the kind it names is offered instead)
        ("venue_kind: [inproceedings]", "5:13: 'venue_kind' must be a string, not a list;"
         " write 'venue_kind: conference'"),
        ("status: [must-red]", "5:9: 'status' must be a string, not a list; write 'status: must-read'"),
        ("venue_kind: [misc]", "5:13: 'venue_kind' must be a string, not a list" + NO_VENUE_KIND),
        # (Nothing to offer: a year of no digits.)
        ("year: [twenty]", "5:7: 'year' must be a year, not a list"),
        ("venue_kind: [conference]", "5:13: 'venue_kind' must be a string, not a list;"
         " write 'venue_kind: conference', the value alone"),
    ],
)
def test_a_list_where_one_value_goes_is_told_to_write_one_only_where_check_takes_it(tmp_path, line, said_of_it):
    said = check_one(
        tmp_path, f"id: x\ntitle: A Paper\nabstract: An abstract.\ntopics: [in-context-learning]\n{line}\n",
    )
    assert said == [f"{P}:{said_of_it}"]


@pytest.mark.parametrize(
    ("line", "said_of_it"),
    [
        # (user: 'venue_kind: [inproceedings, journal]' was told nothing, while
        # 'venue_kind: [inproceedings]' is told the kind it names: so is its first.)
        ("venue_kind: [inproceedings, journal]", "5:13: 'venue_kind' must be a string, not a list; it takes"
         " one value: write 'venue_kind: conference' to keep the first"),
        ("status: [must-red, read]", "5:9: 'status' must be a string, not a list; it takes one value:"
         " write 'status: must-read' to keep the first"),
        # (A value its field's own check refuses but says how to write: that is offered,
        # for one value or the first of several.)
        ("year: [2O21]", "5:7: 'year' must be a year, not a list; write 'year: 2021'"),
        ("year: [2021-05-17]", "5:7: 'year' must be a year, not a list; write 'year: 2021'"),
        ("year: [2O21, 2022]", "5:7: 'year' must be a year, not a list; it takes one value:"
         " write 'year: 2021' to keep the first"),
        ("doi: [https://doi.org/10.1000/xyz123]", "5:6: 'doi' must be a DOI, not a list;"
         " write 'doi: 10.1000/xyz123'"),
        ("doi: ['doi: 10.1000/a', 10.1000/b]", "5:6: 'doi' must be a DOI, not a list; it takes one value:"
         " write 'doi: 10.1000/a' to keep the first"),
        ("arxiv: [arXiv:2101.00010]", "5:8: 'arxiv' must be an arXiv identifier, not a list;"
         " write 'arxiv: 2101.00010'"),
        ("arxiv: [https://arxiv.org/abs/2101.00010, https://arxiv.org/abs/2101.00011]", "5:8: 'arxiv' must be"
         " an arXiv identifier, not a list; it takes one value: write 'arxiv: 2101.00010' to keep the first"),
        ("added: [29-11-2026]", "5:8: 'added' must be a date, not a list; write 'added: 2026-11-29'"),
        ("added: [2026-31-12]", "5:8: 'added' must be a date, not a list; write 'added: 2026-12-31'"),
        # (lead: 'doi: [https://doi.org/10.1000/xyz123]' was told the DOI to write, while
        # 'doi: [10.1000/xyz123]', already right, was told nothing: a value with a slash
        # or a colon was never offered alone.)
        ("doi: [10.1000/xyz123]", "5:6: 'doi' must be a DOI, not a list; write 'doi: 10.1000/xyz123', the value alone"),
        ("arxiv: [2101.00010]", "5:8: 'arxiv' must be an arXiv identifier, not a list;"
         " write 'arxiv: 2101.00010', the value alone"),
        ("venue: [ACL/IJCNLP]", "5:8: 'venue' must be a string, not a list; write 'venue: ACL/IJCNLP', the value alone"),
        ("year: ['2021.']", "5:7: 'year' must be a year, not a list; write 'year: 2021'"),
        # (No fix certain, none offered: its own check offers none (two years), or two
        # dates (only its writer knows whether 04 is the day or the month).)
        ("year: ['2020/2021']", "5:7: 'year' must be a year, not a list"),
        ("added: [04/12/2026]", "5:8: 'added' must be a date, not a list"),
        ("doi: [https://doi.org/xyz, 10.1000/b]", "5:6: 'doi' must be a DOI, not a list"),
    ],
)
def test_a_list_where_one_value_goes_is_told_the_fix_its_fields_own_check_offers(tmp_path, line, said_of_it):
    said = check_one(
        tmp_path, f"id: x\ntitle: A Paper\nabstract: An abstract.\ntopics: [in-context-learning]\n{line}\n",
    )
    assert said == [f"{P}:{said_of_it}"]


def test_an_id_written_as_a_list_is_told_the_id_its_own_check_offers(tmp_path):
    # (A paper's id is told its file's name, as its own check tells it; a topic's id
    # the id it reads as.)
    said = check_one(tmp_path, "id: [X Paper]\ntitle: A Paper\nabstract: An abstract.\ntopics: [in-context-learning]\n")
    assert said == [f"{P}:1:5: 'id' must be an id, not a list; write 'id: x'"]
    (tmp_path / "content" / "topics.yml").write_text(
        "topics:\n  - id: [Bad Id]\n    title: Bad\n  - id: [Multi Task, multi-task]\n    title: M\n",
        encoding="utf-8",
    )
    assert [m for m in messages(tmp_path) if m.startswith(T)] == [
        f"{T}:2:9: 'id' must be an id, not a list; write 'id: bad-id'",
        f"{T}:4:9: 'id' must be an id, not a list; it takes one value: write 'id: multi-task' to keep the first",
    ]


def test_a_papers_id_written_as_a_list_is_never_told_an_id_its_files_name_refuses(tmp_path):
    # (user: 'id: [y]' in x.yml was told "write 'id: y', the value alone", and 'id: [y, x]'
    # "write 'id: y' to keep the first": check then said "id 'y' does not match the file
    # name 'x.yml'". The id its own check offers is its file's name.)
    for line, hint in [
        ("id: [y]", "; write 'id: x'"),
        ("id: [y, x]", "; it takes one value: write 'id: x', its file's name"),
        ("id: [x]", "; write 'id: x', the value alone"),
        ("id: [x, y]", "; it takes one value: write 'id: x' to keep the first"),
    ]:
        said = check_one(tmp_path, f"{line}\ntitle: A Paper\nabstract: An abstract.\ntopics: [in-context-learning]\n")
        assert said == [f"{P}:1:5: 'id' must be an id, not a list{hint}"], line


LISTED_PARENTS = """\
topics:
  - id: multi-task-learning
    title: Multi-Task Learning
    keywords:
      MTL: 1
    formerly: [mtl-old]
  - id: child
    title: Child
    parent: [MTL]
  - id: other
    title: Other
    parent: [Multi-Task Learning]
  - id: third
    title: Third
    parent: [zzz-nothing-here, child]
  - id: fourth
    title: Fourth
    parent: [mtl-old]
  - id: fifth
    title: Fifth
    parent: [Child, other]
"""


def test_a_parent_written_as_a_list_is_told_a_fix_check_then_takes(tmp_path):
    # (curator: 'parent: [MTL]' was told "write 'parent: MTL', the value alone", and then
    # that 'MTL' is an unknown topic: the fix offered is now one check takes, or the
    # message says both mistakes at once, with the topic meant where there is one.)
    project(tmp_path, LISTED_PARENTS, a=paper("a", extra="topics: [multi-task-learning, child, other, third,"
                                                          " fourth, fifth]\n"))
    alone = "'parent' must be an id, not a list, written alone without brackets; "
    first = "'parent' must be an id, not a list: it takes one, written alone without brackets; the first: "
    unknown = "; remove it here, write the topic meant, or define it in topics.yml"
    assert [m for m in messages(tmp_path) if m.startswith(T)] == [
        f"{T}:9:13: {alone}unknown topic 'MTL' (did you mean 'multi-task-learning'? it is about 'MTL')" + unknown,
        f"{T}:12:13: 'parent' must be an id, not a list; write 'parent: multi-task-learning'",
        f"{T}:15:13: {first}unknown topic 'zzz-nothing-here'" + unknown,
        f"{T}:18:13: {alone}no topic 'mtl-old': it was renamed to or merged into 'multi-task-learning';"
        " write 'multi-task-learning'",
        f"{T}:21:13: 'parent' must be an id, not a list; it takes one value: write 'parent: child' to keep the first",
    ]
    # Each fix, written, is taken.
    fixed = LISTED_PARENTS
    for before, after in [
        ("[MTL]", "multi-task-learning"), ("[Multi-Task Learning]", "multi-task-learning"),
        ("[zzz-nothing-here, child]", "child"), ("[mtl-old]", "multi-task-learning"), ("[Child, other]", "child"),
    ]:
        fixed = fixed.replace(f"parent: {before}", f"parent: {after}")
    (tmp_path / T).write_text(fixed, encoding="utf-8")
    assert [m for m in messages(tmp_path) if m.startswith(T)] == []


def test_a_link_address_written_as_a_list_is_told_the_address_its_own_check_offers(tmp_path):
    said = check_one(
        tmp_path, "id: x\ntitle: A Paper\nabstract: An abstract.\ntopics: [in-context-learning]\nlinks:\n"
        "  code:\n    - url: [github.com/a/b]\n    - url: [//github.com/c/d, github.com/e/f]\n",
    )
    assert said == [
        f"{P}:7:12: 'url' must be a URL, not a list; write 'url: https://github.com/a/b'",
        f"{P}:8:12: 'url' must be a URL, not a list; it takes one value: write 'url: https://github.com/c/d'"
        " to keep the first",
    ]


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        # (As written in brackets, each reads back as the items meant: told so.)
        ("a-topic", "; write [a-topic]"),
        ("a, b", "; write [a, b]"),
        ("it's", "; write [it's]"),
        # (In brackets as written, "['a]" is no YAML, "[null]" is no item, "[- a]" no
        # text, "['a, b']" one item: each item is quoted where it needs to be.)
        ("\"'a\"", "; write [\"'a\"]"),
        ('"null"', '; write ["null"]'),
        ('"x, null"', '; write [x, "null"]'),
        ('"- a"', '; write ["- a"]'),
        # (A quote inside an item, not at its start, is text: "b'" stays bare.)
        ("\"'a, b'\"", "; write [\"'a\", b']"),
        # (An item left empty: no list to suggest, only what the field must be.)
        ('"a,,b"', ""),
    ],
)
def test_a_value_for_a_list_is_told_the_list_only_as_it_reads_back(tmp_path, written, hint):
    # The flow list told is read back by the check's own YAML reader: "topics: [x]"
    # written as told gives the items the value's commas separate, no other.
    said = [
        m
        for m in check_one(tmp_path, f"id: x\ntitle: A Paper\nabstract: An abstract.\nformerly: {written}\n")
        if "formerly" in m
    ]
    assert said == [f"{P}:4:11: 'formerly' must be a list, not a string{hint}"]


# A flow list in a hint: its items bare, or double-quoted with their escapes.
_TOLD_LIST = re.compile(r'\[(?:"(?:[^"\\]|\\.)*"|[^\]"])*\]')


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="Ab '-,.", min_size=1, max_size=30).filter(lambda t: _SIMPLE_VALUE.match(t)))
def test_the_authors_told_as_a_list_read_back_as_names_written(text):
    # Each list the 'authors' hint tells, written as told, is YAML the check reads as a
    # list of names, each as the curator wrote it ("'Ada" stays "'Ada"; "['Ada]" was
    # told, no YAML) or "others" for "et al.". The check's own reader decides.
    for told in _TOLD_LIST.findall(validate._as_authors(text)):
        problems = Problems()
        tree = parse(f"authors: {told}\n", "", problems)
        assert not problems.items, told
        assert isinstance(tree, Map)
        value = tree.get("authors")
        assert isinstance(value, Seq), told
        for item in value.items:
            assert isinstance(item, Scalar) and not isinstance(item, Refused), told
            assert item.text and (item.text == "others" or item.text in text), told


@pytest.mark.parametrize(
    ("kind", "meant"),
    [
        ("cod", "code"),  # a letter missing from a kind of four
        ("dta", "data"),
        ("pdg", "pdf"),  # a letter wrong in a kind of three
        ("pd", None),  # a word of two letters: one slip from too much
        ("url", None),  # no slip from any kind: its place is said instead
        ("doi", None),
        ("vid", None),  # two letters missing from 'video'
    ],
)
def test_a_link_kind_of_three_letters_one_slip_from_a_kind_is_told_it(tmp_path, kind, meant):
    # Link kinds are a few words, none of them one slip from another: 'cod' for 'code'
    # is no guess there, as it would be among the ids or fields ('cod' is one slip
    # from many a word). A name other lists give is still told its kind.
    said = check_one(tmp_path, f"id: x\ntitle: A Paper\nabstract: An abstract.\nlinks:\n  {kind}: []\n")
    assert len(said) == 1 and said[0].startswith(f"{P}:5:3: unknown link kind {kind!r}")
    assert ("(did you mean" in said[0]) == (meant is not None)
    if meant:
        assert said[0] == f"{P}:5:3: unknown link kind {kind!r} (did you mean {meant!r}?)"


def test_a_field_of_three_letters_is_still_told_no_slip_but_two_letters_swapped():
    # (Only link kinds are told a slip in a word of three: 'urk' among fields is none.)
    assert closest("urk", ["url", "note"]) is None
    assert closest("cod", ["code", "paper"]) is None


def test_a_topic_its_own_parent_in_a_list_is_told_both(tmp_path):
    # (told only "its own parent ...; name one", the curator named one in brackets again)
    project(tmp_path, "topics:\n  - id: mt\n    title: MT\n    parent: [mt]\n", a=paper("a", extra="topics: [mt]\n"))
    assert [m for m in messages(tmp_path) if m.startswith(T)] == [
        f"{T}:4:13: 'parent' must be an id, not a list, written alone without brackets; topic 'mt' is"
        " its own parent: a parent is a broader topic; name one, or remove 'parent'",
    ]


def test_a_second_topic_of_one_id_its_own_parent_in_a_list_is_told_both(tmp_path):
    # (reviewer: the second definition of an id was told "its own parent ...; name one"
    # alone, as the first was before 147569a)
    project(
        tmp_path, "topics:\n  - id: mt\n    title: MT\n  - id: mt\n    title: MT2\n    parent: [mt]\n",
        a=paper("a", extra="topics: [mt]\n"),
    )
    assert [m for m in messages(tmp_path) if m.startswith(f"{T}:6:")] == [
        f"{T}:6:13: 'parent' must be an id, not a list, written alone without brackets; topic 'mt' is"
        " its own parent: a parent is a broader topic; name one, or remove 'parent'",
    ]


@pytest.mark.parametrize("parent", ["Multi Task", "multi-task", "[Multi Task]"])
def test_a_topic_with_no_id_named_its_own_parent_is_told_so_not_to_write_its_id_there(tmp_path, parent):
    # (reviewer: 'id: Multi Task' with 'parent: Multi Task' was told to write 'multi-task'
    # in both, and then that the topic is its own parent)
    project(
        tmp_path, f"topics:\n  - id: Multi Task\n    title: MT\n    parent: {parent}\n",
        a=paper("a", extra="topics: [multi-task]\n"),
    )
    listed = "'parent' must be an id, not a list, written alone without brackets; " if "[" in parent else ""
    assert [m for m in messages(tmp_path) if m.startswith(f"{T}:4:")] == [
        f"{T}:4:13: {listed}topic 'multi-task' is its own parent: a parent is a broader topic; name one,"
        " or remove 'parent'",
    ]


def test_a_parent_written_as_a_list_pickles_as_itself():
    # (`serve` stores its memo, drafts with their errors and all: a node that pickles
    # with its parent class's call comes back as another, or not at all)
    import pickle

    listed = validate.ListedRef("mtl", Scalar("MTL", T, 3, 13, False), 2)
    back = pickle.loads(pickle.dumps(listed))
    assert (type(back), back.text, back.written, back.count, str(back.loc)) == (
        validate.ListedRef, "mtl", "MTL", 2, f"{T}:3:13"
    )


# A topics.yml whose second topic has the keyword 'MTL', for the lists naming it.
MTL_TOPICS = TOPICS.replace("      multi-task: 1\n", "      multi-task: 1\n      MTL: 1\n")
UNKNOWN_TOPIC = "; remove it here, write the topic meant, or define it in topics.yml"
UNLISTED = "'topics' must be a list, not a string"


def _fix_written_back(root: Path, line: str, said: list[str]) -> list[str]:
    """The errors of x.yml once the list each "write [...]" of ``said`` offers replaces
    ``line`` (the team's rule: a fix offered is one check takes)."""
    offered = [m.group(1) for s in said if (m := re.search(r"write (\[[^]]*\])", s))]
    assert len(offered) == 1, said
    path = root / P
    path.write_text(path.read_text(encoding="utf-8").replace(line, f"topics: {offered[0]}"), encoding="utf-8")
    return [m for m in messages(root) if m.startswith(P)]


@pytest.mark.parametrize(
    ("written", "said"),
    [
        # (curator: each was told "write [Multi-task learning]", the string in brackets,
        # which check then refused as a topic written as a name, or as an unknown topic.)
        ("Multi-task learning", f"{UNLISTED}; write [multi-task-learning]"),
        ("multi-task-learning", f"{UNLISTED}; write [multi-task-learning]"),
        ("Multi-task learning, In-context learning", f"{UNLISTED}; write [multi-task-learning, in-context-learning]"),
        # The one topic twice: written once.
        ("Multi-task learning, multi-task-learning", f"{UNLISTED}; write [multi-task-learning]"),
    ],
)
def test_a_string_for_topics_is_told_the_list_of_the_topics_ids_check_then_takes(tmp_path, written, said):
    root = project(tmp_path, MTL_TOPICS, a=paper("a"), b=paper("b"), c=paper("c"),
                   x=paper("x", extra=f"topics: {written}\n"))
    found = [m for m in messages(root) if m.startswith(P)]
    assert found == [f"{P}:3:9: {said}"]
    assert _fix_written_back(root, f"topics: {written}", found) == []


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("multi-task-learnin", "unknown topic 'multi-task-learnin' (did you mean 'multi-task-learning'?)"),
        ("MTL", "unknown topic 'MTL' (did you mean 'multi-task-learning'? it is about 'MTL')"),
        ("glaciology", "unknown topic 'glaciology'"),
    ],
)
def test_a_string_for_topics_naming_no_topic_is_told_both_mistakes_and_no_list_check_refuses(tmp_path, written, said):
    # (curator: 'topics: multi-task-learnin' was told "write [multi-task-learnin]", and
    # written so, that it is an unknown topic: one message now says both.)
    root = project(tmp_path, MTL_TOPICS, a=paper("a"), b=paper("b"), c=paper("c"),
                   x=paper("x", extra=f"topics: {written}\n"))
    assert [m for m in messages(root) if m.startswith(P)] == [
        f"{P}:3:9: {UNLISTED}: put it in brackets, [...]; {said}{UNKNOWN_TOPIC}"
    ]


def test_a_string_for_related_is_told_the_paper_ids_check_then_takes(tmp_path):
    root = project(tmp_path, TOPICS, a=paper("a"), b=paper("b"), c=paper("c"), x=paper("x", extra="related: A, b\n"))
    assert [m for m in messages(root) if m.startswith(P)] == [
        f"{P}:3:10: 'related' must be a list, not a string; write [a, b]"
    ]


@pytest.mark.parametrize("written", ['A Paper, Revisited', '"A Paper, Revisited"'])
def test_a_string_for_related_that_is_one_papers_title_with_a_comma_is_told_that_paper(tmp_path, written):
    # (reviewer: split at its comma, it was told two unknown papers, 'A Paper' and
    # 'Revisited', each "written in brackets", the first suggesting the paper meant.)
    root = project(tmp_path, TOPICS, a=paper("a"), b=paper("b"), c=paper("c"),
                   **{"a-paper-revisited": paper("a-paper-revisited", title="A Paper, Revisited")},
                   x=paper("x", extra=f"related: {written}\n"))
    found = [m for m in messages(root) if m.startswith(P)]
    assert found == [f"{P}:3:10: 'related' must be a list, not a string; write [a-paper-revisited]"]
    path = root / P
    path.write_text(path.read_text(encoding="utf-8").replace(written, "[a-paper-revisited]"), encoding="utf-8")
    assert [m for m in messages(root) if m.startswith(P)] == []


def test_a_string_for_topics_that_is_one_topics_title_with_a_comma_is_told_that_topic_once(tmp_path):
    # (reviewer: split at its comma, each part was told "written in brackets" and
    # 'did you mean 'model-merging'?', two messages for one topic.)
    title = "Task arithmetic, model merging and editing"
    topics = TOPICS + f"  - id: model-merging\n    title: {title}\n    keywords:\n      multi-task: 1\n"
    root = project(tmp_path, topics, a=paper("a"), b=paper("b"), c=paper("c"),
                   x=paper("x", extra=f"topics: {title}\n"))
    assert [m for m in messages(root) if m.startswith(P)] == [
        f"{P}:3:9: {UNLISTED}; unknown topic {title!r} (did you mean 'model-merging'? it is about {title!r})"
        f"{UNKNOWN_TOPIC}"
    ]


# What a topic's keyword 'MTL' beside the topic in one list is told.
MTL_AGAIN = (
    "unknown topic 'MTL' (did you mean 'multi-task-learning'? it is about 'MTL'), which this list names already"
    " (at line 3, column 9); remove it"
)


def test_a_string_for_topics_naming_a_topic_by_one_name_twice_is_told_it_once(tmp_path):
    # (reviewer: 'MTL, MTL' had the one message twice, at the one place)
    root = project(tmp_path, MTL_TOPICS, a=paper("a"), b=paper("b"), c=paper("c"), x=paper("x", extra="topics: MTL, MTL\n"))
    assert [m for m in messages(root) if m.startswith(P)] == [
        f"{P}:3:9: {UNLISTED}: put it in brackets, [...]; unknown topic 'MTL' (did you mean"
        f" 'multi-task-learning'? it is about 'MTL'){UNKNOWN_TOPIC}"
    ]


@pytest.mark.parametrize(
    ("written", "ids"),
    [
        # (reviewer: 'multi-task-learning, MTL' reads, whole, as the topic's id and keyword
        # joined, and was told as one unknown topic; its parts apart, 'MTL' was told "did
        # you mean 'multi-task-learning'?", which the string names already: written so,
        # the next run refused the topic as listed twice.)
        ("multi-task-learning, MTL", "multi-task-learning"),
        # (curator: these were told 'MTL' is named already, "written in brackets", and no
        # more: '[Multi-task learning]', the string in brackets without it, was then told
        # to write the topic as its id. The list of ids is offered, as for a string of ids.)
        ("Multi-task learning, MTL", "multi-task-learning"),
        ("MTL, Multi-task learning", "multi-task-learning"),
        ("Multi-task learning, MTL, In-context learning", "multi-task-learning, in-context-learning"),
    ],
)
def test_a_string_for_topics_naming_one_topic_by_its_id_and_a_keyword_is_told_both_and_the_list(tmp_path, written, ids):
    root = project(tmp_path, MTL_TOPICS, a=paper("a"), b=paper("b"), c=paper("c"),
                   x=paper("x", extra=f"topics: {written}\n"))
    found = [m for m in messages(root) if m.startswith(P)]
    assert found == [f"{P}:3:9: {UNLISTED}; write [{ids}]; {MTL_AGAIN}"]
    assert _fix_written_back(root, f"topics: {written}", found) == []


def test_a_string_for_topics_with_a_part_naming_no_topic_is_told_each_parts_fix(tmp_path):
    # (curator: 'Multi-task learning, MTL, glaciology' was told of 'MTL' and 'glaciology'
    # alone, "written in brackets": '[Multi-task learning]' (each fix done, glaciology
    # removed) was then refused, the topic to be written as its id. Each part is told
    # what a list writing it so is told.)
    root = project(tmp_path, MTL_TOPICS, a=paper("a"), b=paper("b"), c=paper("c"),
                   x=paper("x", extra="topics: Multi-task learning, MTL, glaciology\n"))
    brackets = f"{P}:3:9: {UNLISTED}: put it in brackets, [...]; "
    assert [m for m in messages(root) if m.startswith(P)] == [
        brackets + MTL_AGAIN,
        brackets + f"unknown topic 'glaciology'{UNKNOWN_TOPIC}",
        brackets + "write the topic as its id 'multi-task-learning', not 'Multi-task learning'",
    ]
    # Each fix, done: the one written as its id, the others removed.
    path = root / P
    path.write_text(path.read_text(encoding="utf-8").replace("topics: Multi", "topics: [multi-task-learning] #"))
    assert [m for m in messages(root) if m.startswith(P)] == []


MTL_NAMED = "unknown topic 'MTL' (did you mean 'multi-task-learning'? it is about 'MTL')"
MULTI_TASK = "unknown topic 'multi-task' (did you mean 'multi-task-learning'? it is about 'multi-task')"


@pytest.mark.parametrize(
    ("field", "written", "said", "meant"),
    [
        ("topics", "[MTL, multi-task]", [
            f"3:10: {MTL_NAMED}{UNKNOWN_TOPIC}",
            f"3:15: {MULTI_TASK}, which this list names already (at line 3, column 10); remove it",
        ], "[multi-task-learning]"),
        ("topics", "MTL, multi-task", [
            f"3:9: {UNLISTED}: put it in brackets, [...]; {MTL_NAMED}{UNKNOWN_TOPIC}",
            f"3:9: {UNLISTED}: put it in brackets, [...]; {MULTI_TASK}, which this list names already (at line 3,"
            " column 9); remove it",
        ], "[multi-task-learning]"),
        ("related", "[known-papr, known-paperr]", [
            "3:11: unknown paper 'known-papr' (did you mean 'known-paper'?)",
            "3:23: unknown paper 'known-paperr' (did you mean 'known-paper'?), which this list names already"
            " (at line 3, column 11); remove it",
        ], "[known-paper]"),
    ],
)
def test_two_names_of_one_unlisted_topic_or_paper_are_not_both_told_to_write_its_id(tmp_path, field, written, said, meant):
    # (Each was told "did you mean 'multi-task-learning'?", and both written so, that
    # the list names the topic twice.)
    root = project(tmp_path, MTL_TOPICS, a=paper("a"), b=paper("b"), c=paper("c"), **{"known-paper": paper("known-paper")},
                   x=paper("x", extra=f"{field}: {written}\n"))
    assert [m for m in messages(root) if m.startswith(P)] == [f"{P}:{s}" for s in said]
    (root / P).write_text(paper("x", extra=f"{field}: {meant}\n"), encoding="utf-8")
    assert [m for m in messages(root) if m.startswith(P)] == []



def test_a_string_for_a_list_of_references_pickles_as_itself():
    # (`serve` stores its memo, drafts with their errors and all, as for a ListedRef)
    import pickle

    unlisted = validate.Unlisted("mtl", Scalar("MTL", P, 3, 9, False), "topics")
    back = pickle.loads(pickle.dumps(unlisted))
    assert (type(back), back.text, back.written, back.field, str(back.loc)) == (
        validate.Unlisted, "mtl", "MTL", "topics", f"{P}:3:9"
    )
    # (with the whole string's reading, for a title with a comma)
    whole = validate.Unlisted("a-b", Scalar("A, B", P, 3, 9, False), "related")
    part = validate.Unlisted("a", Scalar("A", P, 3, 9, False), "related", whole)
    back = pickle.loads(pickle.dumps(part))
    assert (back.text, back.whole.text, back.whole.written, str(back.whole.loc)) == ("a", "a-b", "A, B", f"{P}:3:9")


@pytest.mark.parametrize(
    ("written", "said"),
    [
        (
            "[Multi-task learning, MTL]",
            [
                "3:10: write the topic as its id 'multi-task-learning', not 'Multi-task learning'",
                "3:31: unknown topic 'MTL' (did you mean 'multi-task-learning'? it is about 'MTL'), which this list"
                " names already (at line 3, column 10); remove it",
            ],
        ),
        (
            "[Multi-task learning, MTL, multi-task-learning]",
            [
                "3:10: 'Multi-task learning' is topic 'multi-task-learning', which this list names already"
                " (at line 3, column 36); remove it",
                "3:31: unknown topic 'MTL' (did you mean 'multi-task-learning'? it is about 'MTL'), which this list"
                " names already (at line 3, column 36); remove it",
            ],
        ),
        (
            "[MTL, Multi-task learning]",
            [
                "3:10: unknown topic 'MTL' (did you mean 'multi-task-learning'? it is about 'MTL'), which this list"
                " names already (at line 3, column 15); remove it",
                "3:15: write the topic as its id 'multi-task-learning', not 'Multi-task learning'",
            ],
        ),
    ],
)
def test_names_of_one_topic_in_one_list_are_told_to_write_it_once(tmp_path, written, said):
    # (curator: '[Multi-task learning, MTL]' was told to write 'multi-task-learning' for
    # each, and written so, that the list names the topic twice.)
    root = project(tmp_path, MTL_TOPICS, a=paper("a"), b=paper("b"), c=paper("c"),
                   x=paper("x", extra=f"topics: {written}\n"))
    assert [m for m in messages(root) if m.startswith(P)] == [f"{P}:{s}" for s in said]
    # Each fix, done: the one written as its id, the others removed.
    path = root / P
    path.write_text(path.read_text(encoding="utf-8").replace(written, "[multi-task-learning]"), encoding="utf-8")
    assert [m for m in messages(root) if m.startswith(P)] == []


def test_a_topic_id_written_as_a_name_is_never_told_an_id_another_topic_has(tmp_path):
    # (curator: 'id: Model Merging' beside a topic 'model-merging' was told "write
    # 'model-merging'", and written so, that it is a duplicate topic id.)
    project(
        tmp_path,
        "topics:\n  - id: Model Merging\n    title: Merging\n  - id: model-merging\n    title: Model merging\n"
        "  - id: Multi Task\n    title: MT\n  - id: multi_task\n    title: MT again\n",
    )
    form = "'id' must be an id of lowercase a-z, 0-9 and single hyphens, at most 80 characters"
    assert [m for m in messages(tmp_path) if ":9: 'id'" in m] == [
        f"{T}:2:9: {form}, not 'Model Merging'; 'model-merging' is the id of the topic at line 4:"
        " give this one an id of its own, or merge the two",
        f"{T}:6:9: {form}, not 'Multi Task'; write 'multi-task'",
        f"{T}:8:9: {form}, not 'multi_task'; 'multi-task' is the id the topic at line 6 is told to write:"
        " give this one an id of its own, or merge the two",
    ]


def test_a_name_two_topics_have_is_told_both_topics(tmp_path):
    # (curator: 'topics: [shared]', a keyword of two topics, was told "did you mean
    # 'in-context-learning'?", the first topic's, with no sign the other has it too.)
    shared = TOPICS.replace("      in-context: 1\n", "      in-context: 1\n      shared: 1\n").replace(
        "      multi-task: 1\n", "      multi-task: 1\n      Shared: 1\n"
    )
    root = project(tmp_path, shared, a=paper("a"), b=paper("b"), c=paper("c"), x=paper("x", extra="topics: [shared]\n"))
    assert [m for m in messages(root) if m.startswith(P)] == [
        f"{P}:3:10: unknown topic 'shared' (did you mean 'in-context-learning' or 'multi-task-learning'? each is"
        " about 'shared')" + UNKNOWN_TOPIC,
    ]
    for meant in ("in-context-learning", "multi-task-learning"):
        (root / P).write_text(paper("x", extra=f"topics: [{meant}]\n"), encoding="utf-8")
        assert [m for m in messages(root) if m.startswith(P)] == []


def test_a_name_two_topics_have_beside_one_of_them_is_not_told_it_is_listed_already(tmp_path):
    # (It may mean the other: which one is the curator's call.)
    shared = TOPICS.replace("      in-context: 1\n", "      in-context: 1\n      shared: 1\n").replace(
        "      multi-task: 1\n", "      multi-task: 1\n      shared: 1\n"
    )
    root = project(tmp_path, shared, a=paper("a"), b=paper("b"), c=paper("c"),
                   x=paper("x", extra="topics: [in-context-learning, shared]\n"))
    assert [m for m in messages(root) if m.startswith(P)] == [
        f"{P}:3:31: unknown topic 'shared' (did you mean 'in-context-learning' or 'multi-task-learning'? each is"
        " about 'shared')" + UNKNOWN_TOPIC,
    ]


SHARED_TOPICS = TOPICS.replace("      in-context: 1\n", "      in-context: 1\n      shared: 1\n").replace(
    "      multi-task: 1\n", "      multi-task: 1\n      Shared: 1\n"
)


@pytest.mark.parametrize(
    ("parent", "listed"),
    [("shared", "'parent': "), ("[shared]", "'parent' must be an id, not a list, written alone without brackets; ")],
)
def test_a_parent_named_by_a_name_two_topics_have_is_told_both_topics(tmp_path, parent, listed):
    # (curator: 'parent: shared', a keyword of two topics, was told "did you mean
    # 'in-context-learning'?", the first topic's alone, as 'topics: [shared]' was before a8d9cf4.)
    child = "  - id: child\n    title: Child\n    keywords:\n      child: 1\n    parent: PARENT\n"
    root = project(tmp_path, SHARED_TOPICS + child.replace("PARENT", parent), a=paper("a", title="a child"), b=paper("b"), c=paper("c"))
    assert [m for m in messages(root) if m.startswith(T)] == [
        f"{T}:17:13: {listed}unknown topic 'shared' (did you mean 'in-context-learning' or 'multi-task-learning'?"
        " each is about 'shared')" + UNKNOWN_TOPIC,
    ]
    for meant in ("in-context-learning", "multi-task-learning"):
        (root / T).write_text(SHARED_TOPICS + child.replace("PARENT", meant), encoding="utf-8")
        assert [m for m in messages(root) if m.startswith(T)] == []


def test_a_parent_named_by_a_name_it_shares_with_one_other_topic_is_told_that_one(tmp_path):
    # (A topic is never its own parent: of the two having the name, the other is meant.
    # It was told nothing to write, the name's first topic being itself.)
    topics = SHARED_TOPICS.replace("    keywords:\n      in-context: 1\n", "    parent: shared\n    keywords:\n      in-context: 1\n")
    root = project(tmp_path, topics, a=paper("a"), b=paper("b"), c=paper("c"))
    assert [m for m in messages(root) if m.startswith(T)] == [
        f"{T}:4:13: 'parent': unknown topic 'shared' (did you mean 'multi-task-learning'? it is about 'shared')"
        + UNKNOWN_TOPIC,
    ]
    (root / T).write_text(topics.replace("parent: shared", "parent: multi-task-learning"), encoding="utf-8")
    assert [m for m in messages(root) if m.startswith(T)] == []


@pytest.mark.parametrize("parent", ["['Task arithmetic, model merging and editing']", "Task arithmetic, model merging and editing"])
def test_a_parent_written_as_a_topics_title_with_a_comma_is_told_the_topics_id(tmp_path, parent):
    # (curator: "parent: ['Task arithmetic, model merging and editing']" was told only that
    # it must be an id, not a list, with no id to write: its title has a comma.)
    title = "Task arithmetic, model merging and editing"
    topics = (
        f"topics:\n  - id: model-merging\n    title: {title}\n    keywords:\n      merging: 1\n"
        f"  - id: sub\n    title: Sub\n    keywords:\n      sub: 1\n    parent: {parent}\n"
    )
    root = project(tmp_path, topics, a=paper("a", title="merging sub"))
    listed = "'parent' must be an id, not a list, written alone without brackets; " if "[" in parent else "'parent': "
    assert [m for m in messages(root) if m.startswith(T)] == [
        f"{T}:10:13: {listed}unknown topic {title!r} (did you mean 'model-merging'? it is about {title!r})"
        + UNKNOWN_TOPIC,
    ]
    (root / T).write_text(topics.replace(f"parent: {parent}", "parent: model-merging"), encoding="utf-8")
    assert [m for m in messages(root) if m.startswith(T)] == []


def test_a_papers_id_written_as_a_name_is_never_told_an_id_another_file_has(tmp_path):
    # (curator: 'id: Model Merging' in Model_Merging.yml, beside model-merging.yml, was
    # told "write 'id: model-merging' and rename the file to 'model-merging.yml'": the
    # rename would overwrite that paper, and written so, the id is a duplicate.)
    root = project(
        tmp_path, TOPICS, a=paper("a"), b=paper("b"), c=paper("c"),
        **{"model-merging": paper("model-merging"), "Model_Merging": paper("Model Merging", title="Other"),
           "Bad_Case": paper("Bad Case")},
    )
    form = "'id' must be an id of lowercase a-z, 0-9 and single hyphens, at most 80 characters"
    assert [m for m in messages(root) if ":1:5: " in m] == [
        f"content/papers/Bad_Case.yml:1:5: {form}, not 'Bad Case'; write 'id: bad-case' and rename the file"
        " to 'bad-case.yml'",
        f"content/papers/Model_Merging.yml:1:5: {form}, not 'Model Merging'; content/papers/model-merging.yml"
        " is named for that id already: if this file is another paper, give it an id of its own and"
        " name the file after it; if it is that paper, copy into content/papers/model-merging.yml what this"
        " file adds, then delete this file",
    ]


def test_two_papers_ids_written_as_one_name_are_not_both_told_to_take_it(tmp_path):
    # (reviewer: 'Model Merging.yml' and 'Model_Merging.yml', their ids written as names,
    # were each told "write 'id: model-merging' and rename the file to 'model-merging.yml'":
    # done for both, the second rename overwrites the first paper. Nor is an id another
    # file gives, named otherwise, offered.)
    root = project(
        tmp_path, TOPICS, a=paper("a"), b=paper("b"), c=paper("c"),
        **{"Model Merging": paper("Model_Merging"), "Model_Merging": paper("Model Merging", title="Other"),
           "elsewhere": paper("bad-case", title="Elsewhere"), "Bad_Case": paper("Bad Case", title="Bad")},
    )
    form = "'id' must be an id of lowercase a-z, 0-9 and single hyphens, at most 80 characters"
    then = (
        ": if this file is another paper, give it an id of its own and name the file after it; if it is that"
        " paper, copy into {0} what this file adds, then delete this file"
    )
    assert [m for m in messages(root) if m.startswith(("content/papers/Model", "content/papers/Bad_Case"))] == [
        f"content/papers/Bad_Case.yml:1:5: {form}, not 'Bad Case'; content/papers/elsewhere.yml gives that id"
        + then.format("content/papers/elsewhere.yml"),
        f"content/papers/Model Merging.yml:1:5: {form}, not 'Model_Merging'; write 'id: model-merging' and"
        " rename the file to 'model-merging.yml'",
        f"content/papers/Model_Merging.yml:1:5: {form}, not 'Model Merging'; content/papers/Model Merging.yml"
        " is told to write that id" + then.format("content/papers/Model Merging.yml"),
    ]


@pytest.mark.parametrize("field", ["topics", "exclude_topics"])
def test_a_topics_title_with_a_comma_in_a_list_of_topics_is_told_the_topics_id(tmp_path, field):
    # (reviewer: "topics: ['Task arithmetic, model merging and editing']" was told only
    # that it must be an id, with no id to write, as a parent written so was)
    title = "Task arithmetic, model merging and editing"
    topics = TOPICS + f"  - id: model-merging\n    title: {title}\n    keywords:\n      multi-task: 1\n"
    root = project(tmp_path, topics, a=paper("a"), b=paper("b"), c=paper("c"),
                   x=paper("x", extra=f"{field}: ['{title}']\n"))
    found = [m for m in messages(root) if m.startswith(P)]
    assert len(found) == 1 and f"(did you mean 'model-merging'? it is about {title!r})" in found[0], found
    path = root / P
    path.write_text(path.read_text(encoding="utf-8").replace(f"['{title}']", "[model-merging]"), encoding="utf-8")
    assert [m for m in messages(root) if m.startswith(P)] == []


def test_a_string_naming_the_paper_alone_where_a_list_of_papers_goes_is_told_it_is_no_list(tmp_path):
    # (CI's property test: 'not_same_as: "x"' in x.yml was told only that a paper cannot
    # be in its own not_same_as, where editors say the value is no list; a string naming
    # another paper is told both. Removing the field, as told, clears it.)
    for field, line in [("not_same_as", '"x"'), ("related", "x"), ("not_related", "x")]:
        text = f"id: x\ntitle: A Paper\nabstract: An abstract.\ntopics: [in-context-learning]\n{field}: {line}\n"
        assert check_one(tmp_path, text) == [
            f"{P}:5:{len(field) + 3}: '{field}' must be a list, not a string, and it names this paper itself;"
            f" remove '{field}'"
        ], field
        assert check_one(tmp_path, text.replace(f"{field}: {line}\n", "")) == [], field
    # A list naming the paper alone is no string: told only that it names itself.
    said = check_one(tmp_path, "id: x\ntitle: A Paper\nabstract: An abstract.\ntopics: [in-context-learning]\nrelated: [x]\n")
    assert said == [f"{P}:5:11: a paper cannot be related to itself; remove it from 'related'"]


def test_a_link_in_a_topic_description_to_a_paper_of_the_list_is_told_its_full_address(tmp_path, monkeypatch):
    # (A description is no paper's: 'related:' is not offered there.)
    monkeypatch.delenv("SITE_URL", raising=False)
    topics = TOPICS.replace(
        "    title: Multi-task learning\n",
        "    title: Multi-task learning\n    description: See [a](papers/a.md).\n",
    )
    root = project(tmp_path, topics, a=paper("a"), b=paper("b"), c=paper("c"))
    (root / "mkdocs.yml").write_text("site_url: https://lab.example.org/\n", encoding="utf-8")
    from tests.test_curation_cross_file import messages as cross_messages

    assert [m.split(f"{SHOWS}; ", 1)[1] for m in cross_messages(root) if "'description'" in m] == [
        "link a page of this list by its full web address (https://lab.example.org/papers/a/)"
    ]


# A topic's id with another ending ("prompt" for 'prompting'), and a topic's last words
# ("efficient-fine-tuning" for 'parameter-efficient-fine-tuning'), were suggested nothing
# in a paper's `topics:` and in a topic's `parent:` alike (both ask topicsfile.suggest_topic).
NEAR_TOPICS = (
    "topics:\n"
    "  - id: prompting\n    title: Prompting\n"
    "  - id: parameter-efficient-fine-tuning\n    title: PEFT\n"
    "  - id: chain-of-thought\n    title: Chain of thought\n    parent: prompt\n"
    "  - id: lora\n    title: LoRA\n    parent: efficient-fine-tuning\n"
)


def test_a_topic_ids_other_ending_or_its_last_words_are_suggested_for_a_paper_and_a_parent(tmp_path):
    (tmp_path / "content" / "papers").mkdir(parents=True)
    (tmp_path / "content" / "topics.yml").write_text(NEAR_TOPICS, encoding="utf-8")
    paper = tmp_path / "content" / "papers" / "x.yml"
    paper.write_text("id: x\ntitle: X\nabstract: a\ntopics: [prompt, efficient-fine-tuning]\n", encoding="utf-8")
    fix = "; remove it here, write the topic meant, or define it in topics.yml"
    assert [m for m in messages(tmp_path) if ": warning: " not in m] == [
        f"{P}:4:10: unknown topic 'prompt' (did you mean 'prompting'?){fix}",
        f"{P}:4:18: unknown topic 'efficient-fine-tuning' (did you mean 'parameter-efficient-fine-tuning'?){fix}",
        f"{T}:8:13: 'parent': unknown topic 'prompt' (did you mean 'prompting'?){fix}",
        f"{T}:11:13: 'parent': unknown topic 'efficient-fine-tuning' (did you mean"
        f" 'parameter-efficient-fine-tuning'?){fix}",
    ]
    # Each suggestion written, check takes the list.
    paper.write_text(
        "id: x\ntitle: X\nabstract: a\ntopics: [prompting, parameter-efficient-fine-tuning]\n", encoding="utf-8"
    )
    (tmp_path / "content" / "topics.yml").write_text(
        NEAR_TOPICS.replace("parent: prompt\n", "parent: prompting\n").replace(
            "parent: efficient-fine-tuning", "parent: parameter-efficient-fine-tuning"
        ),
        encoding="utf-8",
    )
    assert [m for m in messages(tmp_path) if ": warning: " not in m] == []


@pytest.mark.parametrize(
    "word, ids, meant",
    [
        ("prompt", ["prompting", "robotics"], "prompting"),  # another ending
        ("prompting", ["prompt", "robotics"], "prompt"),
        ("efficient-fine-tuning", ["parameter-efficient-fine-tuning", "robotics"], "parameter-efficient-fine-tuning"),
        ("model-merging", ["llm-model-merging-methods"], "llm-model-merging-methods"),
        # (a word of one id's, no more; the last words of two ids: no guess)
        ("learning", ["continual-learning"], None),
        ("fine-tuning", ["parameter-efficient-fine-tuning", "instruction-fine-tuning"], None),
        # (two ids of that stem)
        ("prompt", ["prompting", "prompted"], None),
    ],
)
def test_a_topic_is_suggested_by_another_ending_of_its_one_word_or_by_its_last_words(word, ids, meant):
    assert closest(word, ids, within=True) == meant


def test_a_parent_is_suggested_what_a_papers_topics_naming_the_same_word_are(tmp_path):
    # (One look-up, topicsfile.suggest_topic, for both: each near-miss, typo, name of a
    # topic or none, gets the same "did you mean" in either place.)
    words = [
        "prompt", "prompts", "promting", "efficient-fine-tuning", "fine-tuning", "peft", "PEFT",
        "chain-of-thougt", "chain", "low-rank", "robotics", "Prompting-Methods", "prompting-survey",
    ]
    topics = NEAR_TOPICS.replace("title: PEFT\n", "title: PEFT\n    keywords: {low-rank adaptation: 1}\n")
    topics += "".join(f"  - id: leaf-{n}\n    title: Leaf {n}\n    parent: {w}\n" for n, w in enumerate(words))
    (tmp_path / "content" / "papers").mkdir(parents=True)
    (tmp_path / "content" / "topics.yml").write_text(topics, encoding="utf-8")
    for n, word in enumerate(words):
        (tmp_path / "content" / "papers" / f"p{n}.yml").write_text(
            f"id: p{n}\ntitle: P\nabstract: a\ntopics: [{word}]\n", encoding="utf-8"
        )
    said = messages(tmp_path)
    first_leaf = topics.splitlines().index("  - id: leaf-0") + 1

    def suggestion(place: str) -> str:
        (message,) = [m for m in said if m.startswith(place)]
        return message.split("topic ", 1)[1].split(";")[0]  # the word and any "(did you mean ...)"

    told = [
        (suggestion(f"content/papers/p{n}.yml:4:"), suggestion(f"{T}:{first_leaf + 3 * n + 2}:"))
        for n in range(len(words))
    ]
    assert [paper for paper, _ in told] == [parent for _, parent in told]
    assert sum("did you mean" in paper for paper, _ in told) >= 8, told


def test_a_part_of_a_keyword_whose_parts_must_all_match_names_no_topic(tmp_path):
    # (chk26: "lifelong | continual & reinforcement learning | rl", a keyword of the shipped
    # list's multi-task RL topic, made "continual" alone a name of that topic, and check
    # told 'topics: [continual]' to write it, ahead of the continual learning topic.)
    topics = TOPICS.replace("      multi-task: 1\n", '      "zebra | okapi & multi-task": 1\n      "MTL | multitask": 1\n')
    extra = "topics: [zebra, okapi, multitask]\n"
    root = project(tmp_path, topics, a=paper("a", extra=extra), b=paper("b"), c=paper("c"))
    fix = "; remove it here, write the topic meant, or define it in topics.yml"
    assert [m for m in messages(root) if "content/papers/a.yml" in m and ": warning: " not in m] == [
        f"content/papers/a.yml:3:10: unknown topic 'zebra'{fix}",
        f"content/papers/a.yml:3:17: unknown topic 'okapi'{fix}",
        # (each name of a keyword of alternatives is still the topic's)
        f"content/papers/a.yml:3:24: unknown topic 'multitask' (did you mean 'multi-task-learning'?"
        f" it is about 'multitask'){fix}",
    ]


def test_a_reading_order_id_shortened_with_a_hyphen_left_out_names_the_paper(tmp_path):
    # Neither a slip (the rest, "-with-attention", is too long) nor the first words
    # alone ("multitask" is not "multi-task"): it got no suggestion at all.
    meant = "end-to-end-multi-task-learning-with-attention"
    topics = TOPICS.replace("reading_order: [a, b, c]", "reading_order: [a, b, end-to-end-multitask-learning]")
    root = project(tmp_path, topics, a=paper("a"), b=paper("b"), **{meant: paper(meant, "Attention")})
    assert messages(root) == [
        f"{T}:6:27: unknown paper 'end-to-end-multitask-learning' (did you mean '{meant}'?)"
    ]


@pytest.mark.parametrize("word, choices, meant", [
    ("end-to-end-multitask-learning", ["end-to-end-multi-task-learning-with-attention"],
     "end-to-end-multi-task-learning-with-attention"),
    ("multi-task-learning", ["multitask-learning-with-attention"], "multitask-learning-with-attention"),
    ("in-context", ["incontext-learning", "in-context-learning"], "in-context-learning"),  # (its own words first)
    # Not: a word between them ...
    ("end-to-end-multitask-learning", ["end-to-end-multi-task-reinforcement-learning"], None),
    # ... a longer word ("multitasking" is not "multitask") ...
    ("end-to-end-multitask", ["end-to-end-multitasking-agents"], None),
    # ... a hyphen moved, not added or left out (other words) ...
    ("co-training-views", ["cot-raining-views-of-data"], None),
    # ... nor a word of the id as the end of another's ("learning" is no start of it).
    ("multitask", ["multi-tasklearner-x"], None),
    # Two choices whose letters are other words: a guess between them (the shorter was
    # named), though each alone is the meant paper.
    ("metalearning", ["meta-learning-with-implicit-gradients", "metal-earning-power-of-miners"], None),
    ("metalearning", ["meta-learning-with-implicit-gradients"], "meta-learning-with-implicit-gradients"),
    ("metalearning", ["metal-earning-power-of-miners"], "metal-earning-power-of-miners"),
    # (Two ids with the same words: the shorter, as for the first words alone.)
    ("endtoend-memory", ["end-to-end-memory-networks-2", "end-to-end-memory-networks"],
     "end-to-end-memory-networks"),
])
def test_the_first_words_but_for_a_hyphen_inside_a_word_and_no_further(word, choices, meant):
    assert closest(word, choices) == meant
