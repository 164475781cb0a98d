"""A paper in no topic: `check` warns of it as each build does (topicsfile.warn_topicless),
a rerun of the changed files as a full load, and the build places each paper once."""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

from generator import build, curation, topics
from generator.cli import main
from generator.curation import load_content
from tests.test_build import FIXTURE, make_project
from tests.test_curation import _Project, weight_means
from tests.test_curation_cross_file import TOPICS, paper, project

GLACIERS = "id: glaciers\ntitle: Glacier melt in the Alps\nabstract: Ice.\ntopics: []\n"


def no_keyword(at: str, paper_id: str, words: str) -> str:
    """The warning at ``at`` of a paper no keyword matches: the ways to place it, with
    ``words`` of its own (as `own_keywords` picks them) to make a keyword of."""
    return (
        f"{at}: warning: paper {paper_id!r} is in no topic: no keyword of any topic matches"
        " it, and it lists none; give it 'topics: [...]', add a word of its own to a topic's"
        f" keywords ({words}: any score above 0 gives a paper its closest topic), or list it"
        " in a topic's reading_order"
    )


# (Its title's words, the stop word "in" and "the" left out, before its abstract's.)
SAID = no_keyword("content/papers/glaciers.yml:4:1", "glaciers", "'glacier', 'melt', 'alps'")


def said(root: Path) -> list[str]:
    _, problems = load_content(root / "content", root)
    return [str(p) for p in problems.sorted()]


def test_check_warns_of_a_paper_in_no_topic_as_the_build_does(tmp_path, capsys):
    # (curator: only a build said it; `check`, run before a commit, passed in silence)
    root = make_project(tmp_path, FIXTURE)
    assert main(["--root", str(root), "check"]) == 0
    before = capsys.readouterr().out.splitlines()
    (root / "content" / "papers" / "glaciers.yml").write_text(GLACIERS, encoding="utf-8")
    assert main(["--root", str(root), "check"]) == 0  # a warning: the exit status stays 0
    printed = capsys.readouterr().out.splitlines()
    assert sorted(set(printed) - set(before)) == sorted([SAID, printed[-1]])
    counts = [re.match(r"0 errors, (\d+) warnings \((\d+) papers", lines[-1]) for lines in (before, printed)]
    assert [int(n) for n in counts[1].groups()] == [int(n) + 1 for n in counts[0].groups()]
    # The build says it once, the same words at the same place.
    settings = build.Settings(
        content_dir=root / "content", docs_dir=tmp_path / "docs", source_date_epoch=0
    )
    assert [str(w) for w in build.generate(settings).warnings if "no topic" in w.message] == [SAID]


def test_a_paper_listing_a_topic_or_named_by_a_reading_order_is_not_said_to_be_in_none(tmp_path):
    # Its error says what is wrong; "it lists none" would be false, and the reading
    # order shows the topic it was meant for.
    root = project(
        tmp_path,
        TOPICS.replace("multi-task: 1", "multi-task: 1\n    reading_order: [b, c, d]"),
        a=paper("a"),
        b="id: b\ntitle: Glaciers\nexclude_topics: [multi-task-learning]\n",
        c=paper("c"),
        d=paper("d"),
        e="id: e\ntitle: Moraines\ntopics: [glaciology]\n",
        f="id: f\ntitle: Crevasses\n",
    )
    assert said(root) == [
        "content/papers/e.yml:3:10: unknown topic 'glaciology'; remove it here, write the"
        " topic meant, or define it in topics.yml",
        no_keyword("content/papers/f.yml:1:5", "f", "'crevasses'"),
        "content/topics.yml:11:21: paper 'b' is in the reading order of topic"
        " 'multi-task-learning', but content/papers/b.yml:3:18 excludes the paper from that"
        " topic; remove one of the two",
    ]


def test_a_paper_whose_topics_are_refused_is_not_said_to_list_none(tmp_path):
    # ('topics: glaciology' was told it must be a list, and warned "it lists none; give
    # it 'topics: [...]'": it lists one, written as a string, which its error says.)
    root = project(
        tmp_path, TOPICS, a=paper("a"), b=paper("b"), c=paper("c"),
        e="id: e\ntitle: Moraines\ntopics: multi-task-learning\n",
        g="id: g\ntitle: Ice\ntopics: {glaciology: 1}\n",
    )
    found = said(root)
    assert found[0] == (
        "content/papers/e.yml:3:9: 'topics' must be a list, not a string; write [multi-task-learning]"
    )
    assert found[1].startswith("content/papers/g.yml:3:9: 'topics' must be a list, not a mapping")
    assert len(found) == 2, found


def test_no_paper_is_said_to_be_in_no_topic_while_a_topic_is_left_out(tmp_path):
    # topics.yml unread, or a topic the site leaves out: its papers may be meant for it.
    root = project(tmp_path, TOPICS.replace("  - id: multi", " - id: multi"), f="id: f\ntitle: F\n")
    assert not [m for m in said(root) if "no topic" in m]
    (root / "content" / "topics.yml").write_text(
        TOPICS.replace("    title: Multi-task learning\n", ""), encoding="utf-8"
    )
    assert "content/topics.yml:7:5: missing required field 'title'" in said(root)
    assert not [m for m in said(root) if "no topic" in m]


def test_no_paper_is_said_to_be_in_no_topic_while_a_topics_keywords_are_unread(tmp_path):
    # Keywords written as a list are refused: "no keyword of any topic matches it" was
    # then said of each paper they would match (5 of the shipped list for one topic's),
    # and told to add a keyword, where the fix is the keywords' form, which is said.
    topics = TOPICS.replace("    keywords:\n      multi-task: 1\n", "    keywords: [multi-task]\n")
    root = project(tmp_path, topics, a=paper("a"), b=paper("b"), c=paper("c"), f="id: f\ntitle: Multi-task crevasses\n")
    assert said(root) == [
        "content/topics.yml:9:15: 'keywords' must be a mapping of phrase: weight, not a list;"
        " write each as phrase: weight, a line of its own ('multi-task: 1')"
    ]


def test_a_list_whose_only_topic_has_a_wrong_id_is_not_told_that_no_topic_is_defined(
    tmp_path, monkeypatch
):
    # "no topic is defined ... define topics here" beside the id's error: one is defined,
    # its id is the mistake, which is said; the papers may be meant for it.
    topics = "topics:\n  - id: Bayesian Optimisation\n    title: Bayesian optimisation\n"
    root = project(tmp_path, topics, f="id: f\ntitle: F\n", g="id: g\ntitle: G\n")
    assert said(root) == [
        "content/topics.yml:2:9: 'id' must be an id of lowercase a-z, 0-9 and single hyphens,"
        " at most 80 characters, not 'Bayesian Optimisation'; write 'bayesian-optimisation'"
    ]
    # Nor after a rerun that reads only the edited paper again.
    work = _Project(root, monkeypatch, None)
    work.edit("f.yml", "title: F", "title: Gaussian processes")
    assert work.check("f edited") is False
    assert not [p for p in work.fresh_problems.items if "no topic" in p.message]


def test_no_paper_is_told_to_add_a_keyword_written_with_a_wrong_weight(tmp_path):
    # 'attention: high' is refused (its error says so); the paper it would place was then
    # told that no keyword matches it and to add 'attention', the keyword already written,
    # and its topic said to have no papers.
    topics = (
        "topics:\n  - id: transformers\n    title: Transformers\n    keywords:\n"
        "      attention: high\n      transformer: 2\n"
    )
    root = project(tmp_path, topics, att="id: att\ntitle: Attention is what you need\n")
    assert said(root) == [
        "content/topics.yml:5:18: 'keywords: attention' must be a number, not 'high'" + weight_means("attention")]
    # The weight mended, the paper is in the topic: nothing was hidden that is still true.
    (root / "content" / "topics.yml").write_text(topics.replace("high", "2"), encoding="utf-8")
    assert said(root) == []


def test_a_list_with_no_topic_is_told_so_once_by_check(tmp_path):
    root = project(tmp_path, "topics: []\n", f="id: f\ntitle: F\n", g="id: g\ntitle: G\n")
    assert said(root) == [
        "content/topics.yml:1:1: warning: no topic is defined, so the 2 papers of the list"
        ' are on no topic page; define topics here (README: "Defining a topic")'
    ]


def test_a_list_with_no_topic_is_told_so_at_its_topics_line(tmp_path):
    # (The shipped topics.yml opens with 21 lines of comment on matching, kept when one's
    # own list starts with 'topics: []': 1:1 pointed at the comment, not at the line to fill.)
    topics = "# How keywords match.\n#\n# More of it.\n\ntopics: []\n"
    root = project(tmp_path, topics, f="id: f\ntitle: F\n")
    assert [m.split(" warning: ")[0] for m in said(root)] == ["content/topics.yml:5:1:"]
    (root / "content" / "topics.yml").write_text(topics.replace(" []", ""), encoding="utf-8")
    assert [m.split(" warning: ")[0] for m in said(root)] == ["content/topics.yml:5:1:"]


def test_a_list_without_a_topics_file_is_told_to_create_it(tmp_path):
    # ("define topics here" named a file that is not there: a curator who deleted the
    # shipped topics.yml to start afresh looked for it.)
    root = project(tmp_path, "topics: []\n", f="id: f\ntitle: F\n")
    (root / "content" / "topics.yml").unlink()
    assert said(root) == [
        "content/topics.yml:1:1: warning: no topic is defined, so the 1 paper of the list is"
        " on no topic page; there is no content/topics.yml: create it and define topics there"
        " (README: \"Defining a topic\"), or write 'topics: []' in it for a list without topics"
    ]


def test_a_rerun_of_an_edited_file_warns_of_a_paper_in_no_topic_as_a_full_load(
    tmp_path, monkeypatch
):
    root = project(tmp_path / "p", a=paper("a"), b=paper("b"), c=paper("c"), d=paper("d"))
    work = _Project(root, monkeypatch, None)
    work.edit("d.yml", "D in-context multi-task", "Glaciers")
    assert work.check("d matches no keyword") is False  # (only d.yml checked again)
    assert [str(p) for p in work.fresh_problems.sorted()] == [
        no_keyword("content/papers/d.yml:1:5", "d", "'glaciers'"),
    ]
    work.edit("d.yml", "Glaciers", "Glaciers\ntopics: [multi-task-learning]")
    assert work.check("d given a topic") is False
    assert work.fresh_problems.items == []
    work.edit("d.yml", "\ntopics: [multi-task-learning]", "\nabstract: Few-shot in-context.")
    assert work.check("d matched by its abstract") is False
    assert work.fresh_problems.items == []
    work.edit("topics.yml", "in-context: 1", "zero-shot: 1")
    assert work.check("topics.yml edited: d matches no more") is True
    assert [str(p) for p in work.fresh_problems.sorted()] == [
        # (its abstract's "in-context", a keyword no more, is not among its words: every
        # paper of the list writes it)
        no_keyword("content/papers/d.yml:1:5", "d", "'glaciers', 'few-shot'"),
    ]


def test_the_build_places_only_the_papers_the_load_did_not(tmp_path, monkeypatch):
    # The load places each paper whose file lists no topic and whose title does not
    # surely place (to tell one in no topic); the build reuses that, and places the others.
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    (content / "papers" / "glaciers.yml").write_text(GLACIERS, encoding="utf-8")
    calls: list[str] = []
    assign = topics.assign_paper

    def counted(paper, matcher):
        calls.append(paper.id)
        return assign(paper, matcher)

    monkeypatch.setattr(build, "assign_paper", counted)
    # Files written moments ago are not kept between loads: pretend a minute has passed.
    now = time.time_ns()
    monkeypatch.setattr(curation.time, "time_ns", lambda: now + 60_000_000_000)
    memo = build.Memo()  # (not the process's: a fresh build)
    result = build.generate(
        build.Settings(content_dir=content, docs_dir=tmp_path / "docs", source_date_epoch=0),
        memo=memo,
    )
    placed = curation.placed(memo.files, content)
    assert placed is not None
    by_load = sorted(i for i, (found, _) in placed.placed.items() if found is not None)
    assert by_load and calls  # (both place some: the test tells something)
    assert sorted(calls + by_load) == sorted(p.id for p in result.site.papers)


def test_a_paper_in_no_topic_is_offered_no_word_a_large_share_of_the_list_writes(tmp_path):
    # (curator's walk-through: check offered ('residual', 'learning', 'image') for a
    # paper in no topic; a word nearly every paper of the list writes would match them
    # all, as a keyword of one topic)
    glacier = "id: g\ntitle: Image glacier melt in the Alps\nabstract: Ice.\ntopics: []\n"
    others = {
        name: paper(name, extra=f"abstract: {'An image of' if name in 'abc' else 'A'} {name}.\n")
        for name in "abcdefhi"
    }
    # "image": 4 papers of 9 (more than a quarter): not offered; "melt", "alps": only its own.
    root = project(tmp_path / "many", g=glacier, **others)
    assert [m for m in said(root) if "'g'" in m] == [
        no_keyword("content/papers/g.yml:4:1", "g", "'glacier', 'melt', 'alps'")
    ]
    # Alone beside two other papers (one writing it) "image" is in no large share: offered.
    root = project(tmp_path / "few", g=glacier, a=others["a"], d=others["d"])
    assert [m for m in said(root) if "'g'" in m] == [
        no_keyword("content/papers/g.yml:4:1", "g", "'image', 'glacier', 'melt'")
    ]


def test_a_rerun_keeps_a_hint_whose_paper_and_list_are_as_they_were(tmp_path, monkeypatch):
    # A hint matches each word it could offer as a keyword: a rerun after an edit of
    # another paper (in this process or, from the pickled cache, a new one) must not do
    # it again for the same hint, nor keep a hint whose paper was edited.
    from generator import topicsfile

    root = project(tmp_path / "p", a=paper("a"), b=paper("b"), c=paper("c"), d=paper("d"))
    work = _Project(root, monkeypatch, None)
    work.edit("d.yml", "D in-context multi-task", "Glaciers")
    work.check("d matches no keyword")
    hinted: list[str] = []
    how_to_place = topicsfile.how_to_place

    def counted(paper, matcher, common):
        hinted.append(paper.id)
        return how_to_place(paper, matcher, common)

    monkeypatch.setattr(topicsfile, "how_to_place", counted)
    warned = no_keyword("content/papers/d.yml:1:5", "d", "'glaciers'")
    work.edit("a.yml", "A in-context", "A new in-context")
    work.check("a's title edited")
    # Only the load without a cache placed d again; the cached and unpickled loads kept
    # its hint, and all three said the same (work.check asserts that).
    assert hinted == ["d"]
    assert [str(p) for p in work.fresh_problems.sorted()] == [warned]
    hinted.clear()
    work.edit("d.yml", "Glaciers", "Glaciers melting")
    work.check("d's title edited")
    assert hinted == ["d", "d", "d"]  # (each load: the hint's paper is not as it was)
    assert [str(p) for p in work.fresh_problems.sorted()] == [
        no_keyword("content/papers/d.yml:1:5", "d", "'glaciers', 'melting'")
    ]
