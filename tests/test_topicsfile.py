"""topicsfile.py: a topic's parent that names no topic, told what it names instead."""

from __future__ import annotations

import dataclasses
import functools
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.curation import load_content
from generator.errors import Problems
from generator.topicsfile import check_parents, read_topics

from .test_curation import without_topicless

T = "content/topics.yml"
REMEDY = "; remove it here, write the topic meant, or define it in topics.yml"


def parents_said(tmp_path: Path, topics: str, paper_ids: frozenset[str]) -> list[str]:
    path = tmp_path / "content" / "topics.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(topics, encoding="utf-8")
    problems = Problems()
    drafts, known, _ = read_topics(path, tmp_path, problems)
    assert known and not problems.items
    check_parents(drafts, problems, known, paper_ids)
    return [str(p) for p in problems.sorted()]


def test_a_parent_that_is_a_papers_id_is_told_so_at_its_value(tmp_path):
    # (a paper's id pasted as a parent was "unknown topic", with the remedy to define a
    # topic of that name)
    topics = (
        "topics:\n  - id: agents\n    title: Agents\n    parent: react-agents\n"
        "  - id: tools\n    title: Tools\n    parent: nope\n"
    )
    assert parents_said(tmp_path, topics, frozenset({"react-agents"})) == [
        f"{T}:4:13: 'parent': unknown topic 'react-agents': that is a paper's id; a parent must be"
        " a topic's id: write the broader topic meant, or remove 'parent'",
        f"{T}:7:13: 'parent': unknown topic 'nope'{REMEDY}",
    ]


def test_a_papers_id_as_parent_names_the_topic_it_is_close_to_but_never_the_topic_itself(tmp_path):
    # 'agent' is one slip from both topics' ids: the topic whose parent it is cannot be
    # its own parent, so the other is named (the unknown topic's hint was the topic itself).
    topics = (
        "topics:\n  - id: agents\n    title: Agents\n    parent: agentz\n"
        "  - id: agentx\n    title: X\n    parent: agentq\n"
    )
    assert parents_said(tmp_path, topics, frozenset({"agentz"})) == [
        f"{T}:4:13: 'parent': unknown topic 'agentz': that is a paper's id; a parent must be"
        " a topic's id (did you mean 'agentx'?): write the broader topic meant, or remove 'parent'",
        f"{T}:7:13: 'parent': unknown topic 'agentq' (did you mean 'agents'?){REMEDY}",
    ]


def test_check_tells_a_papers_id_as_parent_in_a_topic_given_twice_and_as_written(tmp_path):
    # (a duplicate topic's parent is checked on its own: `check_duplicates`)
    (tmp_path / "content" / "papers").mkdir(parents=True)
    (tmp_path / "content" / "papers" / "react.yml").write_text("id: react\ntitle: ReAct\ntopics: [agents]\n")
    (tmp_path / "content" / "topics.yml").write_text(
        "topics:\n  - id: agents\n    title: Agents\n    parent: ReAct\n"
        "  - id: agents\n    title: Again\n    parent: react\n"
    )
    _, problems = load_content(tmp_path / "content", tmp_path)
    paper = ": that is a paper's id; a parent must be a topic's id: write the broader topic meant, or remove 'parent'"
    assert [m for m in without_topicless(problems.sorted()) if "'parent'" in m] == [
        f"{T}:4:13: 'parent': unknown topic 'ReAct'{paper}",
        f"{T}:7:13: 'parent': unknown topic 'react'{paper}",
    ]


def read_said(tmp_path: Path, topics: str) -> list[str]:
    path = tmp_path / "content" / "topics.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(topics, encoding="utf-8")
    problems = Problems()
    read_topics(path, tmp_path, problems)
    return [str(p) for p in problems.sorted()]


def test_a_topic_titled_as_one_before_it_is_a_warning_at_its_title(tmp_path):
    # (curator: a topic copied to start a sub-topic kept its title; the menu showed
    # "Agents" twice, and nothing said so. Capitals and spacing aside; a duplicate id
    # is an error of its own, said once.)
    topics = (
        "topics:\n  - id: agents\n    title: Language agents\n"
        "  - id: web-agents\n    parent: agents\n    title: language  Agents\n"
        "  - id: agents\n    title: Language agents\n"
        "  - id: tools\n    title: Tools\n"
    )
    assert read_said(tmp_path, topics) == [
        f"{T}:6:12: warning: topic 'web-agents' has the title of topic 'agents' (line 3): pages"
        " and the menu would show two topics alike; give one another title, or merge the two",
        f"{T}:7:9: duplicate topic id 'agents' (first defined at line 2): the site has the"
        " first; give this one another id, or merge the two",
    ]


def test_a_topics_field_indented_under_its_keywords_is_said_to_be_read_as_a_keyword(tmp_path):
    # (curator: "threshold: 3" a step too deep, under 'keywords:', was a keyword of weight
    # 3 and the topic's threshold 1, so every paper that mentions one keyword got the
    # topic, with nothing said; "parent: agents" there was told only that its weight
    # "must be a number, not 'agents'".) A keyword of that word is written quoted, or
    # beside the topic's own threshold: no warning.
    topics = (
        "topics:\n  - id: agents\n    title: Agents\n    keywords:\n      agent: 1\n"
        "      threshold: 3\n      reading_order:\n        - a\n"
        "  - id: tools\n    title: Tools\n    keywords:\n      tool: 1\n      parent: agents\n"
        '      "description": 1\n'
        "  - id: signals\n    title: Signals\n    threshold: 2\n    keywords:\n      threshold: 1\n"
    )
    fix = "it is read as a keyword, whose weight must be a number; indent"
    assert read_said(tmp_path, topics) == [
        f"{T}:6:7: warning: 'threshold' is read as a keyword of weight 3, since it is indented under"
        " 'keywords:', and the topic has a threshold of 1: if it is the topic's threshold, indent it"
        """ as 'keywords:' is; if a keyword, write it in quotes ('"threshold": 3') to say so""",
        f"{T}:7:7: 'reading_order' is a field of a topic, but indented under 'keywords:' {fix}"
        " 'reading_order:' as 'keywords:' is",
        f"{T}:13:15: 'parent' is a field of a topic, but indented under 'keywords:' {fix}"
        " 'parent:' as 'keywords:' is",
    ]


def test_a_keyword_named_as_a_topics_field_whose_value_is_no_number_is_no_warning(tmp_path):
    # A topic of scene description or of parent-child models may have the word as a
    # keyword: only a threshold is a number a step too deep could have meant for itself.
    topics = (
        "topics:\n  - id: captions\n    title: Captions\n    keywords:\n      caption: 1\n"
        "      description: 1\n      parent: 1\n      formerly: 1\n"
    )
    assert read_said(tmp_path, topics) == []


def test_a_topic_titled_as_one_before_it_in_another_unicode_form_is_the_same_title(tmp_path):
    # (An accent composed in one title, "é" as one character (NFC), and decomposed in
    # the other, "e" and a combining acute (NFD), as a Mac's clipboard may give it: the
    # pages show the two alike, which the check, comparing characters, did not see.
    # The capital "É" decomposed as well: capitals aside, as before.)
    composed, decomposed = "R\u00e9seaux de neurones", "RE\u0301SEAUX de neurones"
    assert composed.casefold() != decomposed.casefold()  # (what the check compared)
    topics = (
        f"topics:\n  - id: nets\n    title: {composed}\n"
        f"  - id: nets-fr\n    title: {decomposed}\n"
    )
    assert read_said(tmp_path, topics) == [
        f"{T}:5:12: warning: topic 'nets-fr' has the title of topic 'nets' (line 3): pages"
        " and the menu would show two topics alike; give one another title, or merge the two",
    ]


_KEYWORD_TOPICS = (
    "topics:\n  - id: experts\n    title: Experts\n    keywords:\n      mixture of exprets: 2\n"
    "      okapy | zebra: 1\n      LLaVA models: 1\n      flurbo: 1\n"
)
# Words of the papers: the ones the keywords' slips are of, the keyword words themselves
# and other forms of them ("expreted"), slips of a keyword word ("flurbi": "flurbo" in no
# paper is then warned of), and others.
_VOCABULARY = [
    "experts", "expert", "exprets", "expreted", "mixture", "okapi", "okapis", "okapy", "llava", "llama", "plain",
    "zebra", "flurbo", "flurbi",
]


@functools.cache
def _keyword_drafts() -> tuple:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "topics.yml"
        path.write_text(_KEYWORD_TOPICS, encoding="utf-8")
        drafts, known, _ = read_topics(path, Path(folder), Problems())
    assert known
    return tuple(drafts)


_TEXT = st.lists(st.sampled_from(_VOCABULARY), max_size=4).map(" ".join)


@given(
    st.lists(st.tuples(_TEXT, _TEXT), min_size=1, max_size=6),
    st.lists(st.tuples(st.integers(0, 5), _TEXT, _TEXT), min_size=1, max_size=3),
)
def test_misspelt_keywords_said_unchanged_after_edits_are_as_a_search_afresh_finds(papers, edits):
    """`keywords_unchanged` says a rerun may keep the warnings of misspelt keywords
    without searching the papers again: only when a search of the edited list warns
    exactly as the last did. The slips are looked for in the first 30 characters only,
    so that an edit of a paper past them keeps them and one within does not."""
    from generator import topicsfile
    from generator.models import Content, Paper

    drafts = _keyword_drafts()
    listed = [Paper(id=f"p{n}", title=title or "t", abstract=abstract) for n, (title, abstract) in enumerate(papers)]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(topicsfile, "_SLIP_SEARCHED", 30)
        before = Problems()
        search = topicsfile.warn_misspelt_keywords(Content(tuple(listed), ()), drafts, before)
        edited = list(listed)
        for at, title, abstract in edits:
            if at < len(edited):
                edited[at] = dataclasses.replace(edited[at], title=title or "t", abstract=abstract)
        after = Problems()
        topicsfile.warn_misspelt_keywords(Content(tuple(edited), ()), drafts, after)
        changes = [
            (at, (old.title, old.abstract), (new.title, new.abstract))
            for at, (old, new) in enumerate(zip(listed, edited))
            if (old.title, old.abstract) != (new.title, new.abstract)
        ]
        assert search is not None
        if topicsfile.keywords_unchanged(search, changes):
            assert after.items == before.items


def test_misspelt_keywords_are_kept_after_an_edit_past_the_start_searched_for_slips(monkeypatch):
    from generator import topicsfile
    from generator.models import Content, Paper

    monkeypatch.setattr(topicsfile, "_SLIP_SEARCHED", 30)
    # (The slips looked for in the first paper alone: the second begins at character 41.)
    first = ("Experts", "mixture mixture mixture mixture")
    papers = (Paper(id="a", title=first[0], abstract=first[1]), Paper(id="b", title="Plain", abstract="okapis"))
    found = Problems()
    search = topicsfile.warn_misspelt_keywords(Content(papers, ()), _keyword_drafts(), found)
    assert [p.message.split(" (did you mean")[0] for p in found.items] == [
        "keyword 'mixture of exprets': no paper's title or abstract has the word 'exprets' in any form"
    ]
    assert search is not None and search.searched == 1
    assert topicsfile.keywords_unchanged(search, [(1, ("Plain", "okapis"), ("Plain", "okapis plain"))])
    # Within the start, a word that a slip is of may come or go: searched again.
    assert not topicsfile.keywords_unchanged(search, [(0, first, (first[0], "mixture plain"))])
    # The word itself, another form of it, a keyword word the edit took from the only
    # paper that had it: searched again.
    assert not topicsfile.keywords_unchanged(search, [(1, ("Plain", "okapis"), ("Plain", "exprets"))])
    assert not topicsfile.keywords_unchanged(search, [(1, ("Plain", "okapis"), ("Plain", "expreting"))])
    assert not topicsfile.keywords_unchanged(search, [(0, first, ("Experts", "plain"))])
