"""The page plan: destinations, URLs, links between pages and what each page shows."""

from __future__ import annotations

import datetime as dt
import re
from typing import Mapping

import pytest

from generator.errors import Location, Problems
from generator.models import Link, Paper, RelatedPaper, RepoStats, Site, Topic, TopicAssignment
from generator.pages import HandPage, Page, page_clash, relative
from generator.siteplan import plan_site


def paper(pid: str, year: int | None = None, **fields) -> Paper:
    return Paper(id=pid, title=fields.pop("title", pid.title()), abstract="", year=year, **fields)


def site(papers, topics, assignments, related=None) -> Site:
    assigned = {
        pid: tuple(TopicAssignment(t, "rules", ("term",)) for t in tids)
        for pid, tids in assignments.items()
    }
    return Site(tuple(papers), tuple(topics), assigned, related or {})


def plan(s: Site, **kwargs):
    return plan_site(s, bibtex={}, papers_json="[]\n", **kwargs)


def page(result, dest: str) -> Page:
    return next(o for o in result.outputs if o.dest == dest)


@pytest.mark.parametrize(
    "here, target, expected",
    [
        ("papers/a/", "papers/b/", "../b/"),
        ("papers/a/", "topics/t/", "../../topics/t/"),
        ("", "papers/a/", "papers/a/"),
        ("papers/a/", "", "../../"),
        ("", "", "./"),
        ("topics/t/", "topics/t.bib", "../t.bib"),
        ("papers/", "papers/a/", "a/"),
        # The one-folder-deep fast path: a page to itself, and folders sharing a prefix.
        ("papers/a/", "papers/a/", "./"),
        ("papers/ab/", "papersx/a/", "../../papersx/a/"),
        ("topics/t/", "topics/u/", "../u/"),
    ],
)
def test_relative_links(here, target, expected):
    assert relative(here, target) == expected


TOPICS = (
    Topic("merging", "Merging", reading_order=("c", "missing")),
    Topic("arith", "Arithmetic", parent="merging"),
    Topic("other", "Other"),
)
PAPERS = (paper("a", 2020), paper("b", 2023), paper("c", 2021), paper("d"))
ASSIGNED = {
    "a": ("merging",),
    "b": ("merging", "arith"),
    "c": ("merging", "arith"),
    "d": ("other",),
}


def test_paper_ids_that_mkdocs_reads_as_a_folder_index_keep_a_folder_of_their_own():
    # papers/index.md is the all-papers page, and MkDocs serves a README.md as its
    # folder's index too: such ids must not land there.
    papers = (paper("index"), paper("README"), paper("readme-2"))
    dests = [o.dest for o in plan(site(papers, TOPICS, {})).outputs]
    assert {"papers/index/index.md", "papers/README/index.md", "papers/readme-2.md"} <= set(dests)
    assert dests.count("papers/index.md") == 1
    assert len(dests) == len({d.casefold() for d in dests})


def test_paper_dest_casefolds_only_what_could_fold_to_index_or_readme():
    # paper_dest skips casefolding an id longer than six characters, as casefolding
    # never shortens a text ("ß" -> "ss" lengthens): so no character may fold to nothing
    # in this Python's Unicode, and a long id that folds to more stays a paper's file.
    import sys

    from generator.pages import paper_dest

    assert all(chr(c).casefold() for c in range(sys.maxunicode + 1))
    for pid, dest in [("INDEX", "papers/INDEX/index.md"), ("ReadMe", "papers/ReadMe/index.md"),
                      ("ındex", "papers/ındex.md"), ("İndex", "papers/İndex.md"),
                      ("indexß", "papers/indexß.md"), ("readme­", "papers/readme­.md")]:
        assert paper_dest(pid) == dest


def test_layout_and_navigation():
    result = plan(site(PAPERS, TOPICS, ASSIGNED))
    dests = [o.dest for o in result.outputs]
    assert dests[:3] == ["index.md", "topics/index.md", "papers/index.md"]
    assert {"papers/a.md", "topics/arith/index.md", "papers.json"} <= set(dests)
    assert result.nav == [
        {"Home": "index.md"},
        {
            "Topics": [
                "topics/index.md",
                # A topic with sub-topics is a section, its page the section's index.
                {"Merging": ["topics/merging/index.md", "topics/arith/index.md"]},
                "topics/other/index.md",
            ]
        },
        {"All papers": "papers/index.md"},
    ]


def test_the_navigation_nests_sub_topics_three_levels_deep():
    from generator.siteplan import topic_nav

    def nav(topics):
        return topic_nav([Topic(tid, title, parent=parent) for tid, title, parent in topics])

    def dest(tid):
        return f"topics/{tid}/index.md"

    # A section's title is printed raw by the theme: escaped as a page's title is.
    assert nav([("a", "Agents <b>& co</b>", ""), ("a1", "One", "a"), ("b", "B", "")]) == [
        {"Agents &lt;b&gt;&amp; co&lt;/b&gt;": [dest("a"), dest("a1")]}, dest("b"),
    ]
    # Deeper than three levels, a topic is listed after its ancestor of the third level,
    # in the tree's order; the next branch starts a section again.
    tree = [("a", "A", ""), ("a1", "A1", "a"), ("a11", "A11", "a1"), ("a111", "A111", "a11"),
            ("a1111", "A1111", "a111"), ("a12", "A12", "a1"), ("a2", "A2", "a"), ("a21", "A21", "a2")]
    assert nav(tree) == [
        {"A": [
            dest("a"),
            {"A1": [dest("a1"), dest("a11"), dest("a111"), dest("a1111"), dest("a12")]},
            {"A2": [dest("a2"), dest("a21")]},
        ]},
    ]
    # A chain of 3,000 parents: three levels, every topic once.
    chain = nav([(f"t{i}", f"T{i}", f"t{i - 1}" if i else "") for i in range(3000)])
    assert chain[0]["T0"][0] == dest("t0")
    assert chain[0]["T0"][1]["T1"] == [dest(f"t{i}") for i in range(1, 3000)]
    # A cycle of parents (check reports it) leaves its topics at the top, each once.
    assert nav([("x", "X", "y"), ("y", "Y", "x"), ("z", "Z", "")]) == [dest("z"), dest("x"), dest("y")]


def test_a_list_without_topics_says_so_and_its_navigation_has_no_empty_section():
    from generator.render import Renderer

    result = plan(site(PAPERS, (), {}))
    assert result.nav[1] == {"Topics": "topics/index.md"}
    renderer = Renderer()
    topics_page = renderer.render(page(result, "topics/index.md"))
    assert "No topics yet" in topics_page and 'href="../papers/"' in topics_page
    assert "## Topics" not in renderer.render(page(result, "index.md"))
    # With topics, the home page has its section.
    assert "## Topics" in renderer.render(page(plan(site(PAPERS, TOPICS, ASSIGNED)), "index.md"))


def test_a_list_without_papers_says_so_on_the_all_papers_page():
    # (a curator's hour, the site right after `readinglist init`: All papers showed a
    # filter, "With code only", a reading log and an empty table, and said nothing)
    from generator.render import Renderer

    renderer = Renderer()
    empty = renderer.render(page(plan(site((), (), {})), "papers/index.md"))
    assert "No papers yet." in empty
    assert "<table" not in empty and "rl-filter" not in empty and "reading-log" not in empty
    listed = renderer.render(page(plan(site(PAPERS, (), {})), "papers/index.md"))
    assert "No papers yet" not in listed and '<table id="rl-all-papers"' in listed


def test_topic_table_is_newest_first_and_start_here_follows_the_curator():
    context = page(plan(site(PAPERS, TOPICS, ASSIGNED)), "topics/merging/index.md").context
    assert [p.title for p in context["papers"]] == ["B", "C", "A"]
    assert [p.href for p in context["start_here"]] == ["../../papers/c/"]  # unknown ids dropped
    assert [t.title for t in context["subtopics"]] == ["Arithmetic"]
    # Arithmetic shares both its papers, but it is Merging's sub-topic, listed just above
    # under Sub-topics: it is not repeated under Related topics, which is left empty
    # (test_related_topics_leave_out_the_parent_and_sub_topics_the_page_links_already).
    assert context["related_topics"] == ()
    assert context["with_code"] == 0


def test_a_broader_topics_card_counts_the_papers_only_its_sub_topics_hold():
    # (review: "15 papers · 1 sub-topic" read as the whole topic; its sub-topic's 9
    # papers were none of the 15)
    topics = (
        Topic("agents", "Agents"),
        Topic("embodied", "Embodied", parent="agents"),
        Topic("robots", "Robots", parent="embodied"),  # a sub-topic's sub-topic counts too
        Topic("tools", "Tools", parent="agents"),
        Topic("lone", "Lone"),
        Topic("inner", "Inner", parent="lone"),
        Topic("pair", "Pair"), Topic("left", "Left", parent="pair"), Topic("right", "Right", parent="pair"),
    )
    papers = tuple(paper(pid) for pid in "pqrstuv")
    assigned = {
        "p": ("agents", "embodied"),  # in both: not "more"
        "q": ("embodied",), "r": ("embodied", "robots"),  # one paper in two sub-topics: once
        "s": ("robots",), "t": ("tools",), "u": ("lone", "inner"),
        "v": ("pair", "left", "right"),
    }
    cards = {c.topic.title: c for c in page(plan(site(papers, topics, assigned)), "index.md").context["cards"]}
    assert {t: (c.topic.count, c.subtopics, c.more_below) for t, c in cards.items()} == {
        "Agents": (1, 2, 4), "Embodied": (3, 1, 1), "Robots": (2, 0, 0), "Tools": (1, 0, 0),
        "Lone": (1, 1, 0), "Inner": (1, 0, 0), "Pair": (1, 2, 0), "Left": (1, 0, 0), "Right": (1, 0, 0),
    }
    from generator.render import Renderer

    home = Renderer().render(page(plan(site(papers, topics, assigned)), "index.md"))
    # (A reader's audit: "44 papers\u00a0· 4 more in 1 sub-topic" was easy to misread.)
    assert "1 paper, and 4 more in its 2 sub-topics</span>" in home
    assert "3 papers, and 1 more in its sub-topic\u00a0· a sub-topic of Agents</span>" in home
    assert "1 paper, all of its sub-topic's among them</span>" in home  # Lone: Inner adds none
    assert "1 paper, all of its 2 sub-topics' among them</span>" in home  # Pair
    assert "more in 1 sub-topic" not in home


def test_a_broader_topics_page_says_plainly_where_its_sub_topics_papers_are():
    # (A reader's audit: "A sub-topic's papers are listed on its page; the table below
    # holds those that have this topic too" read awkwardly.)
    topics = (
        Topic("agents", "Agents"), Topic("embodied", "Embodied", parent="agents"),
        Topic("tools", "Tools", parent="agents"), Topic("empty", "Empty"),
        Topic("robots", "Robots", parent="empty"),
    )
    papers = tuple(paper(pid) for pid in "pqr")
    assigned = {"p": ("agents", "embodied"), "q": ("tools",), "r": ("robots",)}
    from generator.render import Renderer

    result = plan(site(papers, topics, assigned))
    agents = Renderer().render(page(result, "topics/agents/index.md"))
    assert (
        "The table below lists this topic's own papers. A paper that is only in one of its"
        " sub-topics is listed on that sub-topic's page." in agents
    )
    empty = Renderer().render(page(result, "topics/empty/index.md"))
    assert "This topic has no paper of its own: its sub-topic's papers are listed on its page." in empty
    embodied = Renderer().render(page(result, "topics/embodied/index.md"))  # no sub-topic: no note
    assert "sub-topic's page" not in embodied and "no paper of its own" not in embodied


def test_a_topics_reason_quotes_the_words_as_the_paper_writes_them():
    # (review: 'matched "rlhf"' for a paper that writes RLHF, and a "+" no page explains)
    rlhf = Paper(
        id="p", title="Editing Models with Task Vectors",
        abstract="Reinforcement learning from human feedback (RLHF) tunes LLMs. Task vectors add up.",
    )
    assigned = {"p": (TopicAssignment("t", "rules", ("rlhf", "reinforcement learning + llms", "task vectors")),)}
    result = plan(Site((rlhf,), (Topic("t", "T"),), assigned, {}))
    [ref] = page(result, "papers/p.md").context["topics"]
    # Title case ("Task Vectors") and a sentence's first capital are no capitals of a word's own.
    # A keyword of two parts is one group: "both ... and ...", the keywords apart by
    # semicolons (review: '"RLHF", "reinforcement learning" with "LLMs", "task vectors"'
    # did not say which words went with "LLMs", and "with" read as words side by side).
    assert ref.reason == 'mentions "RLHF"; both "reinforcement learning" and "LLMs"; "task vectors"'


def test_a_keyword_in_the_singular_is_quoted_in_the_capitals_of_the_plural_the_paper_writes():
    # (data review: the shipped keyword "agent & llm" read 'matched "agent" with "llm"' on
    # eleven pages whose papers write only "LLMs"; the keyword "api", "api" for "APIs")
    agents = Paper(
        id="p", title="A Zero-Shot Language Agent for Computer Control",
        abstract="Large language models (LLMs) act as agents that call APIs. Buses of LLMs too.",
    )
    assigned = {"p": (TopicAssignment("t", "rules", ("agent + llm", "api", "bus", "lm")),)}
    result = plan(Site((agents,), (Topic("t", "T"),), assigned, {}))
    [ref] = page(result, "papers/p.md").context["topics"]
    # (A word the term only starts, "lm" of "LLMs", is none of its forms.)
    assert ref.reason == 'mentions both "agent" and "LLM"; "API"; "bus"; "lm"'


def test_a_hyphenated_keyword_is_quoted_as_the_paper_writes_it_closed_up_or_apart():
    # (data review: 'matched "multi-task learning"' of "FonMTL: Towards Multitask Learning
    # for the Fon Language", "pre-training" of papers that write "pretraining")
    fon = Paper(
        id="p", title="Towards Multitask Learning for the Fon Language",
        abstract="Pretraining helps. Class incremental learning, and in-context learning too.",
    )
    terms = ("multi-task learning", "pre-training", "class-incremental", "in-context", "multi-modal")
    assigned = {"p": (TopicAssignment("t", "rules", terms),)}
    result = plan(Site((fon,), (Topic("t", "T"),), assigned, {}))
    [ref] = page(result, "papers/p.md").context["topics"]
    # The paper's own spelling where it has one; the keyword's where it has that or
    # neither (a keyword matches on stems: "multi-modal" here stands for none of its words).
    assert ref.reason == (
        'mentions "multitask learning", "pretraining", "class incremental", "in-context", "multi-modal"')


def test_a_keyword_of_parts_found_apart_in_the_paper_is_said_as_one_group():
    # (A reader's review: 'matched "prompt" with "lifelong"' read as the two words side
    # by side, and '"a", "b" with "c"' did not say which went with "c".) A keyword
    # "a & b" matches where each part is anywhere in the title or the abstract.
    from generator.topics import assign_paper, compile_topics

    topic = Topic("cl", "CL", keywords={"prompt & lifelong | continual": 1, "pool": 1, "a & b & c": 1})
    lone = Paper(
        id="p", title="Prompt Pools",
        abstract="We learn a pool. Far from it, lifelong learners. A, then b, then c.",
    )
    assigned = {"p": assign_paper(lone, compile_topics([topic]))}
    [ref] = page(plan(Site((lone,), (topic,), assigned, {})), "papers/p.md").context["topics"]
    assert ref.reason == (
        'mentions both "prompt" and "lifelong"; "pool"; all of "a", "b" and "c"')
    # Each group a part of its own, which the page keeps on one line where it fits.
    assert [(part.text, part.group) for part in ref.reason_parts] == [
        ("mentions ", False), ('both "prompt" and "lifelong"', True), ('; "pool"; ', False),
        ('all of "a", "b" and "c"', True),
    ]
    # Without a keyword of parts, commas, as before.
    single = Topic("cl", "CL", keywords={"prompt": 1, "pool": 1})
    assigned = {"p": assign_paper(lone, compile_topics([single]))}
    [ref] = page(plan(Site((lone,), (single,), assigned, {})), "papers/p.md").context["topics"]
    assert ref.reason == 'mentions "prompt", "pool"'


def test_two_groups_side_by_side_keep_the_words_between_them_as_a_part_of_their_own():
    # Each run of words outside a group is one part, whether it opens the reason, stands
    # between two groups or follows the last; a fallback's opening words too.
    lone = Paper(id="p", title="Prompt Pools", abstract="A pool, lifelong learners. Math and RL.")
    assigned = {"p": (
        TopicAssignment("t", "rules", ("prompt + lifelong", "math + rl", "pool")),
        TopicAssignment("u", "fallback", ("math + rl",)),
    )}
    topics = (Topic("t", "T"), Topic("u", "U"))
    refs = page(plan(Site((lone,), topics, assigned, {})), "papers/p.md").context["topics"]
    assert [[(part.text, part.group) for part in ref.reason_parts] for ref in refs] == [
        [("mentions ", False), ('both "prompt" and "lifelong"', True), ("; ", False),
         ('both "math" and "RL"', True), ('; "pool"', False)],
        [("a weak match (its closest topic): mentions ", False), ('both "math" and "RL"', True)],
    ]


def test_related_topics_come_by_papers_shared_most_first_then_by_title():
    topics = (
        Topic("hub", "Hub"),
        Topic("few", "Few shared"),
        Topic("many", "Many shared"),
        Topic("tie", "also few"),  # (titles compare without case: before "Few")
    )
    papers = tuple(paper(pid, 2020) for pid in "pqrs")
    assigned = {"p": ("hub", "many", "few"), "q": ("hub", "many"), "r": ("hub", "many", "tie"), "s": ("hub",)}
    context = page(plan(site(papers, topics, assigned)), "topics/hub/index.md").context
    assert [(t.title, n) for t, n in context["related_topics"]] == [
        ("Many shared", 3), ("also few", 1), ("Few shared", 1)
    ]


def test_related_topics_leave_out_the_parent_and_sub_topics_the_page_links_already():
    # (reader audit: Continual learning's Related topics began "Prompt-based continual
    # learning: 6 shared papers", its sub-topic listed above under Sub-topics, and the
    # sub-topic's listed its parent, linked in "A sub-topic of"; of six slots, a repeat
    # took one a topic that shares a paper had no other way to the page.)
    from generator.render import Renderer

    topics = (
        Topic("hub", "Hub <&>"),
        Topic("sub", "Sub", parent="hub"),
        Topic("deep", "Deep", parent="sub"),
        *(Topic(f"o{n}", f"Other {n}") for n in range(6)),
    )
    papers = tuple(paper(f"p{n}", 2020) for n in range(1, 8))
    assigned = {
        "p1": ("hub", "sub", "o0"), "p2": ("hub", "sub", "o1"), "p3": ("hub", "sub", "o2"),
        "p4": ("hub", "o3"), "p5": ("hub", "o4"), "p6": ("hub", "o5"),
        "p7": ("hub", "sub", "deep"),
    }
    result = plan(site(papers, topics, assigned))

    def related(tid):
        return [(t.title, n) for t, n in page(result, f"topics/{tid}/index.md").context["related_topics"]]

    # Sub (4 shared) is out; Deep, Sub's sub-topic, is not linked on Hub's page: it stays.
    # Ties by title: Other 5 is the seventh, past the six slots.
    assert related("hub") == [("Deep", 1), *((f"Other {n}", 1) for n in range(5))]
    # Neither the parent (4 shared) nor the sub-topic Deep.
    assert related("sub") == [("Other 0", 1), ("Other 1", 1), ("Other 2", 1)]
    # The parent Sub is out; Hub, a topic up from it, is not linked on Deep's page.
    assert related("deep") == [("Hub <&>", 1)]
    renderer = Renderer()
    deep = renderer.render(page(result, "topics/deep/index.md"))
    assert deep.count('href="../sub/"') == 1  # "A sub-topic of Sub", once
    assert '<li><a href="../hub/">Hub &lt;&amp;&gt;</a>: 1 shared paper</li>' in deep
    # A topic whose every shared paper is its parent's has no Related topics at all.
    lone = plan(site(papers[:1], topics[:2], {"p1": ("hub", "sub")}))
    assert "## Related topics" not in renderer.render(page(lone, "topics/sub/index.md"))


def test_a_topic_of_more_than_ten_papers_has_the_all_papers_filter_above_its_table():
    # (A reader's review: in the shipped list's topic of 44 papers, finding those with
    # code, or the one on a word, meant reading every row, or going to All papers.)
    from generator.pagecontext import TOPIC_FILTER_FROM
    from generator.render import Renderer

    code = (Link("https://github.com/x/y", "code", official=True, host="github", repo="x/y"),)
    many = [paper(f"p{n:02}", 2020, authors=("Ada Lovelace", "Alan Turing", "Grace Hopper"),
                  venue="NeurIPS", links=code if n % 3 == 0 else ()) for n in range(TOPIC_FILTER_FROM + 1)]
    few = [paper(f"q{n:02}", authors=("Ada Lovelace",)) for n in range(TOPIC_FILTER_FROM)]
    topics = (Topic("long", "Long"), Topic("short", "Short"))
    assigned = {**{p.id: ("long",) for p in many}, **{p.id: ("short",) for p in few}}
    result = plan(site(many + few, topics, assigned))
    renderer = Renderer()
    long_page, short_page = (renderer.render(page(result, f"topics/{t}/index.md")) for t in ("long", "short"))
    assert TOPIC_FILTER_FROM == 10
    # Its placeholder names what its rows have (no topic: they are all this one).
    assert page(result, "topics/long/index.md").context["said"] == ["title", "author", "venue", "year", "code"]
    assert '<div class="rl-filter" data-table="rl-topic-papers" role="search"' in long_page
    assert 'placeholder="title, author, venue, year or code"' in long_page
    assert '<table id="rl-topic-papers" ' in long_page
    # Each row carries every author's name and the venue, which its line names in short
    # ("Ada Lovelace et al."), as an All papers row does.
    assert long_page.count('<tr data-filter="Ada Lovelace; Alan Turing; Grace Hopper; NeurIPS">') == len(many)
    assert "rl-filter" not in short_page and "data-filter" not in short_page
    # A topic without code, authors or years: one word, not " or title".
    bare = [paper(f"r{n:02}") for n in range(TOPIC_FILTER_FROM + 1)]
    bare_page = Renderer().render(page(plan(site(bare, (Topic("b", "B"),), {p.id: ("b",) for p in bare})), "topics/b/index.md"))
    assert 'placeholder="title"' in bare_page


def test_a_tables_filter_reads_a_papers_other_repositories_which_its_row_does_not_show():
    # (A row shows one code badge, the first; a paper's GitLab port or second GitHub
    # repository could not be found by its name in the filter.)
    from generator.pagecontext import TOPIC_FILTER_FROM
    from generator.render import Renderer

    code = (
        Link("https://github.com/x/y", "code", official=True, host="github", repo="x/y"),
        Link("https://gitlab.com/someone/y-port/-/tree/main", "code", note="a port", host="gitlab", repo="someone/y-port"),
        Link("https://github.com/x/y/tree/main/sub", "code", host="github", repo="x/y"),  # the shown one again
        Link("https://example.org/y.zip", "code"),  # no repository: named by its address, as a badge is
        Link("javascript:alert(1)", "code"),  # never shown, as no badge has it: not read either
    )
    two = paper("p00", 2020, authors=("Ada Lovelace",), links=code)
    bare = paper("p01", 2020, links=code[:2])  # no author or venue: the repository alone
    others = [paper(f"p{n:02}", 2020) for n in range(2, TOPIC_FILTER_FROM + 1)]
    papers = [two, bare, *others]
    result = plan(site(papers, (Topic("t", "T"),), {p.id: ("t",) for p in papers}))
    renderer = Renderer()
    for dest in ("topics/t/index.md", "papers/index.md"):
        rows = re.findall(r"<tr[ >].*?</tr>", renderer.render(page(result, dest)))
        row = next(r for r in rows if 'p00/">' in r)
        assert row.startswith('<tr data-filter="Ada Lovelace; someone/y-port; example.org/y.zip">'), dest
        row = next(r for r in rows if 'p01/">' in r)
        assert row.startswith('<tr data-filter="someone/y-port">'), dest
        # One badge still, the first repository's.
        assert row.count("rl-badge--code") == 1 and 'href="https://github.com/x/y"' in row, dest
        assert sum('data-filter' in r for r in rows) == 2, dest


def test_topic_table_titles_of_one_year_sort_without_regard_to_case():
    papers = (paper("x", 2020, title="Banana"), paper("y", 2020, title="apple"), paper("z", 2020, title="cherry"))
    context = page(plan(site(papers, TOPICS, {pid: ("other",) for pid in "xyz"})), "topics/other/index.md").context
    assert [p.title for p in context["papers"]] == ["apple", "Banana", "cherry"]


def test_reading_order_is_start_here_then_the_table():
    context = page(plan(site(PAPERS, TOPICS, ASSIGNED)), "papers/b.md").context
    merging, arith = context["neighbours"]
    # merging: c (start here), then b, a (newest first, c already placed)
    assert (merging.topic.title, merging.position, merging.total) == ("Merging", 2, 3)
    assert merging.previous.href == "../c/" and merging.next.href == "../a/"
    assert (arith.position, arith.previous, arith.next.href) == (1, None, "../c/")
    # d is the only paper of "other": no "1 of 1" with nothing before or after it
    assert page(plan(site(PAPERS, TOPICS, ASSIGNED)), "papers/d.md").context["neighbours"] == ()


def test_every_paper_page_lists_its_topics_and_their_reading_orders_in_the_home_pages_order():
    # In the paper's own order (curator's topics first, then rules by score) the same two
    # topics' reading-order blocks came in one order on b's page and the other on c's:
    # a reader following a topic's "next" links looked for its block anew on each page.
    # The home page's order is the topics' tree (a sub-topic after its parent), so
    # "Other" first, then "Merging" and its sub-topic "Arithmetic", whatever order
    # topics.yml or a paper names them in. The top of the page follows it too (cd582a04:
    # the two lists once named the topics in two orders).
    topics = (TOPICS[2], TOPICS[1], TOPICS[0])  # the sub-topic written before its parent
    assigned = {**ASSIGNED, "b": ("arith", "other", "merging"), "c": ("merging", "other", "arith"), "d": ("other", "arith")}
    result = plan(site(PAPERS, topics, assigned))
    for pid in "bc":
        context = page(result, f"papers/{pid}.md").context
        assert [t.title for t in context["topics"]] == ["Other", "Merging", "Arithmetic"], pid
        assert [n.topic.title for n in context["neighbours"]] == ["Other", "Merging", "Arithmetic"], pid
    # The start-here mark beside a topic at the top stays with its topic: c starts Merging.
    context = page(result, "papers/c.md").context
    assert dict(zip([t.title for t in context["topics"]], context["start_here"])) == {
        "Other": None, "Merging": 1, "Arithmetic": None}
    # The All papers table's rows name them in that order too (d: "Other, Arithmetic"
    # was written "Other" last).
    rows = {row.paper_id: row.make() for row in page(result, "papers/index.md").context["rows"]}
    for pid in "bc":
        assert [t.title for t in rows[pid].topics] == ["Other", "Merging", "Arithmetic"], pid
    assert [t.title for t in rows["d"].topics] == ["Other", "Arithmetic"]


def test_each_reading_order_entry_says_in_words_what_order_places_the_paper():
    # Once "(table order)": which table, ordered how, a reader could not tell.
    from generator.render import Renderer

    papers = (
        paper("s", 2019, title="Start"), paper("n", 2024, title="New"),
        paper("o", 2020, title="Old"), paper("u", title="Undated"),
    )
    result = plan(site(papers, (Topic("t", "T", reading_order=("s",)),), {pid: ("t",) for pid in "snou"}))
    renderer = Renderer()

    def entry(pid: str) -> str:
        text = renderer.render(page(result, f"papers/{pid}.md"))
        assert (
            '<p class="rl-table-note">In its topic: start-here papers first, then the topic\'s table order.</p>'
        ) in text
        neighbours = text.split('<ul class="rl-neighbours" data-search-exclude>\n', 1)[1]
        return neighbours.split("\n</ul>", 1)[0]  # (its one topic's line)

    t = '<li><a href="../../topics/t/">T</a>'
    prev, after = '<span class="rl-neighbours__prev">previous: ', '<span class="rl-neighbours__next">next: '
    assert entry("s") == f'{t}, 1 of 4 (a start-here paper): {after}<a href="../n/">New</a></span></li>'
    assert entry("n") == (
        f'{t}, 2 of 4 (by year, newest first): {prev}<a href="../s/">Start</a></span>'
        f' {after}<a href="../o/">Old</a></span></li>'
    )
    assert entry("u") == f'{t}, 4 of 4 (no year: by title): {prev}<a href="../o/">Old</a></span></li>'


def test_a_reading_order_among_papers_without_a_year_does_not_say_newest_first():
    # (A reader's review: on each of the shipped list's pages, where no paper has a
    # year, the reading order said "newest first (those without a year last, by
    # title)" under a topic whose table said "By title.") The sentence now says the
    # order of none (its topic's table and each topic's line do), so it is the same
    # sentence with years or without; a start-here paper's year does not order the
    # others.
    from generator.render import Renderer

    def note(papers, start=()) -> str:
        ids = [p.id for p in papers]
        result = plan(site(papers, (Topic("t", "T", reading_order=start),), {pid: ("t",) for pid in ids}))
        text = Renderer().render(page(result, f"papers/{ids[-1]}.md"))
        return text.split("## Reading order", 1)[1].split("</p>", 1)[0]

    undated = (paper("a", title="Alpha"), paper("b", title="Beta"))
    short = "In its topic: start-here papers first, then the topic's table order."
    assert note(undated).endswith(short)
    assert note((paper("s", 2019, title="Start"), *undated), start=("s",)).endswith(short)
    assert note((paper("n", 2024, title="New"), *undated)).endswith(short)
    # Nor does each topic's line say "no year" where no paper of the topic's table has
    # one: it said "(no year: by title)" on every page of the shipped list, as if this
    # paper's year were what placed it; the table is by title, and so is the line.
    def line(papers) -> str:
        ids = [p.id for p in papers]
        result = plan(site(papers, (Topic("t", "T"),), {pid: ("t",) for pid in ids}))
        text = Renderer().render(page(result, f"papers/{ids[-1]}.md"))
        return text.split('<ul class="rl-neighbours" data-search-exclude>\n', 1)[1].split("):", 1)[0] + ")"

    assert "no year" not in line(undated)
    assert line((paper("n", 2024, title="New"), *undated)).endswith(", 3 of 3 (no year: by title)")


def test_the_reading_order_of_a_paper_in_one_topic_does_not_say_each_topic():
    # (A reader's review: "In each topic of this paper:" over the one line of a paper
    # that has one topic, 107 of the shipped list's 180 pages.)
    from generator.render import Renderer

    papers = (paper("a", title="Alpha"), paper("b", title="Beta"))

    def note(assigned) -> str:
        topics = (Topic("t", "T"), Topic("u", "U"))
        text = Renderer().render(page(plan(site(papers, topics, assigned)), "papers/a.md"))
        return text.split("## Reading order", 1)[1].split('<p class="rl-table-note">', 1)[1].split(":", 1)[0]

    assert note({"a": ("t",), "b": ("t",)}) == "In its topic"
    assert note({"a": ("t", "u"), "b": ("t", "u")}) == "In each of its topics"
    # (review: a paper of two topics, one of them its alone, has one line, the other
    # topic's: "In its topic" said it had one topic, beside its two.)
    assert note({"a": ("t", "u"), "b": ("t",)}) == "In each of its topics with other papers"


def test_a_reading_order_by_title_says_so_once():
    # (A reader's review: under "... then the others as the topic's table lists them, by
    # title.", each topic's line said "(by title)" again: "Multi-task learning, 8 of 44
    # (by title):" on every page of the shipped list, where no paper has a year.) The
    # sentence names no order now (the topic's table does): a line says its own where
    # the page has topics of both orders.
    from generator.render import Renderer

    def section(papers, topics, assigned, pid) -> str:
        text = Renderer().render(page(plan(site(papers, topics, assigned)), f"papers/{pid}.md"))
        return text.split("## Reading order", 1)[1].split("<!-- /readinglist:html -->", 1)[0]

    undated = (paper("a", title="Alpha"), paper("b", title="Beta"), paper("c", title="Gamma"))
    text = section(undated, (Topic("t", "T", reading_order=("a",)),), {p.id: ("t",) for p in undated}, "b")
    assert "by title" not in text
    assert '<li><a href="../../topics/t/">T</a>, 2 of 3: <span class="rl-neighbours__prev">' in text
    assert section(undated, (Topic("t", "T", reading_order=("a",)),), {p.id: ("t",) for p in undated}, "a").count(
        "(a start-here paper)") == 1
    # One topic dated, the other not: the line of the dated topic says how the year
    # placed it, and the line of the undated topic that its table is by title.
    mixed = (paper("n", 2024, title="New"), *undated)
    topics = (Topic("d", "Dated"), Topic("u", "Undated"))
    assigned = {"n": ("d",), "a": ("d", "u"), "b": ("u",), "c": ("u",)}
    text = section(mixed, topics, assigned, "a")
    assert '<a href="../../topics/d/">Dated</a>, 2 of 2 (no year: by title):' in text
    assert '<a href="../../topics/u/">Undated</a>, 1 of 3 (by title):' in text
    assert "newest" not in text.split("</p>", 1)[0]


def test_the_reading_order_note_of_a_paper_page_is_one_short_line():
    # (A reader's review: the note over each paper page's reading order, "In each of
    # this paper's topics that has other papers: the curator's start-here papers first,
    # then the others as the topic's table lists them, newest first (those without a
    # year last, by title).", 190 characters on every page, took two lines at 1280 px
    # and five on a phone, over lines that say each topic's order again.) Each form of
    # it, with years or without, is at most 100 characters (one line of the note's type
    # at 1280 px).
    from generator.render import Renderer

    dated = (paper("n", 2024, title="New"), paper("a", title="Alpha"), paper("b", title="Beta"))
    topics = (Topic("t", "T", reading_order=("a",)), Topic("u", "U"))
    for assigned in ({"a": ("t",), "n": ("t",)}, {"a": ("t", "u"), "n": ("t", "u")}, {"a": ("t", "u"), "n": ("t",)}):
        text = Renderer().render(page(plan(site(dated, topics, assigned)), "papers/a.md"))
        note = text.split("## Reading order", 1)[1].split('<p class="rl-table-note">', 1)[1].split("</p>", 1)[0]
        assert len(note) <= 100, note
        assert note.endswith(": start-here papers first, then the topic's table order."), note


def test_badges_official_code_first_in_tables_and_unsafe_links_dropped():
    links = (
        Link("https://gitlab.com/x/port", "code", host="gitlab", repo="x/port"),
        Link(
            "https://github.com/x/y/tree/main/sub", "code", official=True, host="github", repo="x/y"
        ),
        Link("javascript:alert(1)", "project"),
        Link("https://example.org/p.pdf", "pdf"),
    )
    p = paper(
        "a", 2020, title="P(y|x) & <more>", links=links, arxiv="2101.00010", doi="10.1000/x y"
    )
    result = plan(site([p], (), {}))
    badges = page(result, "papers/a.md").context["badges"]
    # The official repository first on the page too (the metadata review: a port listed
    # above it led the row), then the others in the curator's order.
    assert [(b.kind, b.href) for b in badges] == [
        ("code", "https://github.com/x/y/tree/main/sub"),
        ("code", "https://gitlab.com/x/port"),
        ("arxiv", "https://arxiv.org/abs/2101.00010"),
        ("doi", "https://doi.org/10.1000/x%20y"),
        ("pdf", "https://example.org/p.pdf"),
        ("paper", "https://huggingface.co/papers/2101.00010"),
    ]
    assert badges[0].official and badges[0].label == "x/y" and badges[0].icon == "github"
    row = page(result, "papers/index.md").context["rows"][0].make()
    assert row.paper.code.href == "https://github.com/x/y/tree/main/sub"


def test_a_code_badge_names_its_host_only_when_it_knows_it():
    links = (
        Link("https://github.com/x/y", "code", official=True, host="github", repo="x/y"),
        Link("https://code.example.org/x", "code"),
    )
    badges = page(plan(site([paper("a", 2020, links=links)], (), {})), "papers/a.md").context["badges"]
    assert [b.description for b in badges if b.kind == "code"] == [
        # ("official" as the badge shows it, after the name: "(official)" was taken for
        # an aside, and the visible "x/y official" was not found in the name.)
        "Code on GitHub: x/y, official",
        "Code: code.example.org/x",  # (it said "Code on code: ...")
    ]
    # Labelled by its address without the scheme (a screen reader spelt "https colon
    # slash slash"), and still linking to the exact address.
    unknown = badges[[b.kind for b in badges].index("code") + 1]
    assert (unknown.label, unknown.href) == ("code.example.org/x", "https://code.example.org/x")


def test_a_code_badges_star_count_is_in_its_name_where_the_badge_shows_it():
    day = dt.date(2026, 11, 20)
    links = (
        Link("https://github.com/x/y", "code", official=True, host="github", repo="x/y",
             stats=RepoStats(1234, False, day)),
        Link("https://github.com/x/old", "code", host="github", repo="x/old", stats=RepoStats(1, True, day)),
        Link("https://github.com/x/gone", "code", host="github", repo="x/gone",
             stats=RepoStats(0, False, day, gone=True)),
        Link("https://github.com/x/both", "code", official=True, host="github", repo="x/both",
             stats=RepoStats(87, True, day)),
    )
    badges = page(plan(site([paper("a", 2020, links=links)], (), {})), "papers/a.md").context["badges"]
    # A badge shows "x/y ★ 1.2k official" (the star is drawn): a speech user says "x/y
    # 1.2k official", which axe's label-in-name wants, words in that order, in its name;
    # it found it missing from "Code on GitHub: x/y, official; 1,234 stars on
    # 2026-11-20", and from "x/y, 1.2k (1,234 stars on 2026-11-20), official" (a
    # bracket's words are in the name too). So the words shown come first, as shown,
    # and the whole figure and its day after them. "archived" and "not found" come
    # before "official", as both the page's and a table's badge show them: "x/both 87
    # archived official" (tests/browser/test_axe.py).
    # (The name is the description, then the aside: a paper page puts a note between.)
    assert [(b.stars, b.description + b.aside) for b in badges if b.kind == "code"] == [
        ("1.2k", "Code on GitHub: x/y, 1.2k, official; 1,234 stars on 2026-11-20"),
        ("87", "Code on GitHub: x/both, 87, archived, official; read-only, 87 stars on 2026-11-20"),
        ("1", "Code on GitHub: x/old, 1, archived; read-only, 1 star on 2026-11-20"),
        ("", "Code on GitHub: x/gone, not found; GitHub had no such repository on 2026-11-20"
             " (deleted, private or renamed)"),
    ]


def test_datasets_talks_and_slides_have_badges_of_their_own_and_are_not_code():
    links = (
        Link("https://slideslive.com/38922874/talk", "video", note="ICML oral"),
        Link("https://huggingface.co/datasets/lab/corpus", "data", host="huggingface", repo="datasets/lab/corpus"),
        Link("https://huggingface.co/lab/model-7b", "data", host="huggingface", repo="lab/model-7b"),
        Link("https://www.kaggle.com/models/lab/m", "data", host="kaggle", repo="models/lab/m"),
        Link("https://zenodo.org/records/42", "data"),
        Link("https://huggingface.co/spaces/lab/demo", "data", host="huggingface", repo="spaces/lab/demo"),
        Link("https://lab.example.org/poster.pdf", "slides"),
        Link("https://example.org/p.pdf", "pdf"),
        Link("javascript:alert(1)", "video"),
    )
    result = plan(site([paper("a", 2020, links=links)], (), {}))
    badges = page(result, "papers/a.md").context["badges"]
    # Data right after the code (here none: so GitHub is searched, in the code's place,
    # first), the talk and the slides after the PDF; an unsafe address gets no badge.
    assert [(b.kind, b.label, b.icon, b.description) for b in badges[1:-1]] == [
        ("data", "lab/corpus", "huggingface", "Data on Hugging Face: lab/corpus, dataset"),
        ("data", "lab/model-7b", "huggingface", "Data on Hugging Face: lab/model-7b, model"),
        ("data", "lab/m", "data", "Data on Kaggle: lab/m, model"),
        ("data", "Data", "data", "Data"),
        ("data", "lab/demo", "huggingface", "Data on Hugging Face: lab/demo, space"),
        ("pdf", "PDF", "pdf", "PDF"),
        ("slides", "Slides", "slides", "Slides or poster"),
        ("video", "Video", "video", "Video"),
    ]
    assert badges[1].href == "https://huggingface.co/datasets/lab/corpus"
    assert [b.mark for b in badges[1:5]] == ["dataset", "model", "model", ""]
    # The words a badge shows, its name and then its mark ("lab/corpus dataset"), are
    # its accessible name's, in that order: a speech user says what they see (axe's
    # label-in-name found "lab/corpus dataset" missing from "Dataset on Hugging Face:
    # lab/corpus"), as a code badge's "THUDM/T1 official" is in "Code on GitHub:
    # THUDM/T1, official".
    assert all(f"{b.label}, {b.mark}" in b.description for b in badges if b.mark)
    assert badges[-2].note == "ICML oral"
    assert [b.label for b in badges[::len(badges) - 1]] == ["Search GitHub", "Search Hugging Face"]
    # A dataset is no code: the tables' code column stays empty.
    assert page(result, "papers/index.md").context["rows"][0].make().paper.code is None


def test_a_paper_the_list_links_no_text_of_offers_a_search_of_arxiv_for_its_title():
    # (A reader's review: none of the shipped list's 180 papers has an arXiv id, DOI,
    # paper page or PDF, and their pages' only way to the paper was Hugging Face's
    # search, which knows only the papers posted there.)
    def searches(**fields):
        badges = page(plan(site([paper("a", 2020, **fields)], (), {})), "papers/a.md").context["badges"]
        return [(b.label, b.href) for b in badges if b.kind == "search"]

    title = "Can 1B LLM Surpass 405B LLM? Rethinking & <Scaling>"
    query = "Can%201B%20LLM%20Surpass%20405B%20LLM%3F%20Rethinking%20%26%20%3CScaling%3E"
    code = (Link("https://github.com/x/y", "code", official=True, host="github", repo="x/y"),)
    assert searches(title=title, links=code) == [
        ("Search arXiv", f"https://arxiv.org/search/?query={query}&searchtype=title"),
        ("Search Hugging Face", f"https://huggingface.co/papers?q={query}"),
    ]
    # Said to be a search, and why it is offered, in its accessible name.
    badges = page(plan(site([paper("a", 2020, links=code)], (), {})), "papers/a.md").context["badges"]
    arxiv = next(b for b in badges if b.label == "Search arXiv")
    assert arxiv.description == "Search arXiv for this title (the list links no paper)"
    # Any link to the paper's text, of each kind, makes it needless.
    # (An old-style arXiv id: a new-style one names the paper's page on Hugging Face
    # Papers, which stands in the search's place.)
    for fields in (
        {"arxiv": "cs/0112017"},
        {"doi": "10.1000/x"},
        {"links": (Link("https://openreview.net/forum?id=x", "paper"),)},
        {"links": (Link("https://example.org/p.pdf", "pdf"),)},
    ):
        assert [label for label, _ in searches(title=title, **fields)] == [
            "Search GitHub", "Search Hugging Face",
        ], fields
    # A project page, slides or a video are no text of the paper: the search stays.
    others = (Link("https://example.org/p", "project"), Link("https://example.org/s.pdf", "slides"))
    assert "Search arXiv" in [label for label, _ in searches(links=others)]


def test_a_legacy_model_and_a_kaggle_competition_are_named_as_what_they_are():
    # A model without an owner had the generic "Data" badge; a competition would have
    # been called a model.
    links = (
        Link("https://huggingface.co/gpt2/tree/main", "data", host="huggingface", repo="gpt2"),
        Link("https://huggingface.co/datasets/squad", "data", host="huggingface", repo="datasets/squad"),
        Link("https://www.kaggle.com/c/titanic", "data", host="kaggle", repo="competitions/titanic"),
        Link("https://huggingface.co/competitions/m", "data", host="huggingface", repo="competitions/m"),
    )
    badges = page(plan(site([paper("a", 2020, links=links)], (), {})), "papers/a.md").context["badges"]
    assert [(b.label, b.description, b.mark) for b in badges if b.kind == "data"] == [
        ("gpt2", "Data on Hugging Face: gpt2, model", "model"),
        ("squad", "Data on Hugging Face: squad, dataset", "dataset"),
        ("titanic", "Data on Kaggle: titanic, competition", "competition"),
        # (on Hugging Face, "competitions" is an owner)
        ("competitions/m", "Data on Hugging Face: competitions/m, model", "model"),
    ]


def test_a_project_page_that_is_a_repository_says_its_host_and_no_github_search_stands_beside_it():
    # (A reader audit: a survey whose curator moved its GitHub repository, a list of
    # papers, to `project` read "No code linked · Search GitHub" beside a "Project page"
    # badge that was that repository.) The badge names the host and the repository, as
    # a code badge does; the page still says it links no code, and searches GitHub no
    # more. A project page elsewhere, or a GitHub owner's page, is as it was.
    from generator.render import Renderer

    survey = (Link("https://github.com/lab/rl-survey", "project"),)
    context = page(plan(site([paper("a", 2020, links=survey)], (), {})), "papers/a.md").context
    assert [(b.kind, b.label, b.icon, b.description) for b in context["badges"][:1]] == [
        ("project", "Project page on GitHub", "github", "Project page on GitHub: lab/rl-survey"),
    ]
    assert not [b for b in context["badges"] if b.label == "Search GitHub"]
    assert context["no_code"]
    text = Renderer().render(page(plan(site([paper("a", 2020, links=survey)], (), {})), "papers/a.md"))
    assert 'aria-label="Project page on GitHub: lab/rl-survey"' in text
    for url in ("https://lab.example/rl-survey", "https://github.com/lab"):
        badges = page(plan(site([paper("a", 2020, links=(Link(url, "project"),))], (), {})), "papers/a.md").context["badges"]
        assert [(b.label, b.icon, b.description) for b in badges if b.kind == "project"] == [
            ("Project page", "project", "Project page")
        ]
        assert badges[0].label == "Search GitHub"


@pytest.mark.parametrize(("url", "label", "description"), [
    ("https://gitlab.com/lab/rl-survey", "Project page on GitLab", "Project page on GitLab: lab/rl-survey"),
    ("https://codeberg.org/lab/rl-survey", "Project page on Codeberg", "Project page on Codeberg: lab/rl-survey"),
    ("https://bitbucket.org/lab/rl-survey", "Project page on Bitbucket", "Project page on Bitbucket: lab/rl-survey"),
    ("https://huggingface.co/spaces/lab/demo", "Project page on Hugging Face",
     "Project page on Hugging Face: spaces/lab/demo"),
])
def test_a_project_page_that_is_a_repository_on_any_code_host_has_no_github_search_beside_it(url, label, description):
    # (A project page on GitHub stood without "Search GitHub"; one on GitLab, Codeberg,
    # Bitbucket or a Hugging Face Space, badged as a repository there too, still had the
    # search beside it: a search for the code the page links.)
    badges = page(plan(site([paper("a", 2020, links=(Link(url, "project"),))], (), {})), "papers/a.md").context["badges"]
    assert [(b.kind, b.label, b.description) for b in badges[:1]] == [("project", label, description)]
    assert "Search GitHub" not in [b.label for b in badges]


@pytest.mark.parametrize(("url", "description", "github_search", "hf_search"), [
    ("https://huggingface.co/spaces/lab/demo", "Project page on Hugging Face: spaces/lab/demo", False, True),
    ("https://hf.co/spaces/lab/demo", "Project page on Hugging Face: spaces/lab/demo", False, True),
    ("https://huggingface.co/lab/model", "Project page on Hugging Face: lab/model", True, True),
    ("https://huggingface.co/datasets/lab/corpus", "Project page on Hugging Face: datasets/lab/corpus", True, True),
    ("https://huggingface.co/papers/2101.00010", "Project page on Hugging Face: papers/2101.00010", True, False),
])
def test_a_project_page_on_hugging_face_says_so_and_the_papers_search_stays_unless_it_is_the_papers_page(
    url, description, github_search, hf_search
):
    # (A reader's review: a model's, a dataset's or Hugging Face's page of the paper
    # read "Project page", as a site of its own.) A model, a dataset or the papers page
    # is no code: "Search GitHub" stays beside them, as beside a dataset's badge; a
    # Space is a repository of code, as on GitHub. "Search Hugging Face" searches its
    # papers for the title: beside Hugging Face's page of the paper it would find that
    # very page, beside a Space, a model or a dataset it still leads to the paper's.
    badges = page(plan(site([paper("a", 2020, links=(Link(url, "project"),))], (), {})), "papers/a.md").context["badges"]
    assert [(b.label, b.icon, b.description) for b in badges if b.kind == "project"] == [
        ("Project page on Hugging Face", "huggingface", description)
    ]
    labels = [b.label for b in badges]
    assert ("Search Hugging Face" in labels) is hf_search
    assert ("Search GitHub" in labels) is github_search
    # A Hugging Face page that is none of these (an owner's, the blog, a list of papers
    # under papers/) is a project page as any site's is, and the search stays.
    for other in (
        "https://huggingface.co/lab", "https://huggingface.co/blog/post",
        "https://huggingface.co/papers/trending", "https://huggingface.co/papers/date/2024-01-01",
    ):
        badges = page(plan(site([paper("a", 2020, links=(Link(other, "project"),))], (), {})), "papers/a.md").context["badges"]
        assert [(b.label, b.icon) for b in badges if b.kind == "project"] == [("Project page", "project")]
        assert [b.label for b in badges][::len(badges) - 1] == ["Search GitHub", "Search Hugging Face"]


def test_a_badge_note_is_in_its_accessible_name_not_only_in_its_tooltip():
    links = (Link("https://github.com/x/y", "code", host="github", repo="x/y", note="the 2021 version"),)
    from generator.render import Renderer

    text = Renderer().render(page(plan(site([paper("a", 2020, links=links)], (), {})), "papers/a.md"))
    assert 'aria-label="Code on GitHub: x/y (the 2021 version)"' in text
    assert 'title="Code on GitHub: x/y (the 2021 version)"' in text


def test_related_papers_link_to_their_pages_and_keep_their_reasons():
    related = {
        "a": (RelatedPaper("b", 0.5, ("merge",), by_curator=True), RelatedPaper("gone", 0.4))
    }
    context = page(plan(site(PAPERS, TOPICS, ASSIGNED, related)), "papers/a.md").context
    assert [(r.paper.href, r.terms, r.by_curator) for r in context["related"]] == [
        ("../b/", ("merge",), True)
    ]
    assert [t.reason for t in context["topics"]] == ['mentions "term"']


def test_home_lists_recent_papers_newest_first():
    papers = (
        paper("a", added=dt.date(2026, 1, 2)),
        paper("b", added=dt.date(2026, 3, 1)),
        paper("c"),
        paper("d", added=dt.date(2026, 1, 2)),
    )
    context = page(plan(site(papers, (), {})), "index.md").context
    assert [(p.href, day.isoformat()) for p, day in context["recent"]] == [
        ("papers/b/", "2026-03-01"),
        ("papers/a/", "2026-01-02"),
        ("papers/d/", "2026-01-02"),
    ]


def test_hand_pages_are_carried_and_one_taking_a_generated_url_is_reported():
    hand = (
        HandPage("index", "# Intro\n", Location("content/pages/index.md")),
        HandPage("about", "# About\n", Location("content/pages/about.md")),
        HandPage("papers", "# Clash\n", Location("content/pages/papers.md")),
    )
    problems = Problems()
    result = plan(site(PAPERS, TOPICS, ASSIGNED), hand_pages=hand, problems=problems)
    assert page(result, "about.md").text == "# About\n"
    assert page(result, "index.md").context["intro"] == "# Intro\n"
    assert "papers.md" not in [o.dest for o in result.outputs]
    assert [str(p) for p in problems.errors] == [
        "content/pages/papers.md: the page papers.md would be served at /papers/, where the site has"
        " papers/index.md; rename the file"
    ]
    assert result.nav[-1] == "about.md"


@pytest.mark.parametrize(
    ("name", "clash"),
    [
        ("papers", "papers/index.md"),  # served at the same address
        ("README", "index.md"),  # MkDocs serves a README as its folder's index
        ("feed.xml", "feed.xml"),  # a folder where a file is: MkDocs stops on it
        ("sitemap.xml", "sitemap.xml"),  # one MkDocs writes
        ("404.html", "404.html"),  # one Material writes
        ("index.html", "index.html"),  # the home page's HTML
        ("schema", ""),  # a folder that holds generated files holds the page too
        ("about", ""),
        ("feed", ""),
        ("paper", ""),
    ],
)
def test_a_hand_page_that_would_collide_with_a_generated_file_is_named(name, clash):
    taken = ["index.md", "papers/index.md", "papers/a.md", "feed.xml", "schema/paper.schema.json"]
    said = page_clash(name, taken)
    assert said == (f"the page {name}.md would be served at /{'' if name == 'README' else name + '/'},"
                    f" where the site has {clash}; rename the file" if clash else "")


@pytest.mark.parametrize(
    ("name", "taken", "said"),
    [
        # (Written into docs/ as two names a file system that ignores case takes for one:
        # the build stopped on it with a traceback, "WriteError: two pages claim one
        # destination", after check had passed.)
        ("about", ["About.md"], "About.md, the same file name as about.md to macOS and Windows, which ignore case"),
        ("Index", ["index.md"], "index.md, the same file name as Index.md to macOS and Windows, which ignore case"),
        ("caf\u0065\u0301", ["caf\u00e9.md"], "caf\u00e9.md, the same file name as caf\u0065\u0301.md to macOS,"
         " its accented letter written another way (Unicode composes it or not)"),
    ],
)
def test_a_hand_page_whose_file_name_differs_only_in_case_or_unicode_form_is_named(name, taken, said):
    assert page_clash(name, taken) == f"the site has {said}; rename the file"


@pytest.mark.parametrize(
    ("name", "said"),
    [
        # Served at /Papers/: Papers/index.html is papers/index.html to a file system that
        # ignores case, and MkDocs writes both there; the one written last replaced the
        # all-papers page (or the hand page) without a word.
        ("Papers", "papers/index.md, served at /papers/"),
        ("TOPICS", "topics/README.md, served at /topics/"),
        # Its folder, Feed.xml/, is the file feed.xml there: MkDocs stops on it.
        ("Feed.xml", "feed.xml"),
        ("Sitemap.xml", "sitemap.xml"),  # (MkDocs' own)
    ],
)
def test_a_hand_page_served_where_a_generated_file_is_but_for_case_is_named(name, said):
    taken = ["index.md", "papers/index.md", "papers/a.md", "topics/README.md", "feed.xml",
             "schema/paper.schema.json", "papers/b/index.md"]
    assert page_clash(name, taken) == (
        f"the page {name}.md would be served at /{name}/, where the site has {said}, the same"
        " address to macOS and Windows, which ignore case; rename the file"
    )
    # A folder of its own name, or a page deeper down, is no clash: /Schema/ may hold
    # schema/'s files, and /B/ is no papers/b/.
    assert page_clash("Schema", taken) == page_clash("B", taken) == page_clash("A", taken) == ""


def test_a_hand_page_differing_from_another_only_in_case_is_reported_not_a_write_error():
    hand = (
        HandPage("About", "# A\n", Location("content/pages/About.md")),
        HandPage("about", "# a\n", Location("content/pages/about.md")),
    )
    problems = Problems()
    result = plan(site(PAPERS, TOPICS, ASSIGNED), hand_pages=hand, problems=problems)
    assert [str(p) for p in problems.errors] == [
        "content/pages/about.md: the site has About.md, the same file name as about.md to macOS and"
        " Windows, which ignore case; rename the file"
    ]
    assert [o.dest for o in result.outputs if o.dest.casefold() == "about.md"] == ["About.md"]


def test_topic_reasons_say_who_placed_the_paper_and_a_fallback_is_not_a_match():
    assigned = {
        "a": (
            TopicAssignment("t1", "curator"),
            TopicAssignment("t2", "rules", ("merge", "task vector", "Task Vector arithmetic", "vector"), 4.0),
            TopicAssignment("t3", "fallback", ("prompt",), 1.0),
            TopicAssignment("t4", "reading order"),
            TopicAssignment("t5", "rules"),
            TopicAssignment("t6", "fallback"),
        )
    }
    topics = tuple(Topic(t, t.upper()) for t in ("t1", "t2", "t3", "t4", "t5", "t6"))
    s = Site((paper("a"),), topics, assigned, {})
    reasons = [t.reason for t in page(plan(s), "papers/a.md").context["topics"]]
    assert reasons == [
        "chosen by the curator",
        # each match once: "task vector" and "vector" are words of a longer term
        'mentions "merge", "Task Vector arithmetic"',
        'a weak match (its closest topic): mentions "prompt"',
        "in this topic's reading order, chosen by the curator",
        # (Said for a reader, not as the program's terms: "matched by rules" and
        # 'closest topic, a weak match: "prompt"' read as machine output.)
        "by this topic's keywords",
        "a weak match (its closest topic)",
    ]


# --- Planning only the pages that may have changed (dirty_pages) --------------------------

from dataclasses import replace  # noqa: E402

from hypothesis import example, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from generator.pages import Kept, paper_dest  # noqa: E402

_IDS = "abcdefgh"
_CODE = Link(url="https://github.com/o/r", kind="code", host="github", repo="o/r")
_BASE_TOPICS = (
    Topic("t1", "One", reading_order=("c", "a")),
    Topic("t2", "Two", parent="t1", reading_order=("e",)),
    Topic("t3", "Three"),
)
_BASE_ASSIGNED = {"a": ("t1",), "b": ("t1", "t2"), "c": ("t1",), "d": ("t2",), "e": ("t2", "t3"),
                  "f": ("t3",), "g": ("t3",), "h": ("t1", "t3")}


def _related(pid: str, others: str) -> tuple[RelatedPaper, ...]:
    return tuple(RelatedPaper(o, 0.5, (f"term-{o}",)) for o in others if o != pid)


def _base() -> Site:
    papers = tuple(
        paper(p, 2018 + n % 4, links=(_CODE,) if n % 3 == 0 else (),
              added=None if n % 3 == 1 else dt.date(2026, 1, 1 + n % 2))
        for n, p in enumerate(_IDS)
    )
    related = {p: _related(p, _IDS[(n + 1) % 8] + _IDS[(n + 3) % 8]) for n, p in enumerate(_IDS)}
    return site(papers, _BASE_TOPICS, _BASE_ASSIGNED, related)


def _edit(s: Site, kind: str, pid: str, other: str) -> Site:
    papers = {p.id: p for p in s.papers}
    if kind in ("title", "year", "code", "notes", "summary", "authors", "second author", "venue", "stars", "added", "renamed"):
        p = papers[pid]
        papers[pid] = {
            "title": lambda: replace(p, title=p.title + " revised"),
            "year": lambda: replace(p, year=(p.year or 2000) + 7),
            "code": lambda: replace(p, links=() if p.links else (_CODE,)),
            "notes": lambda: replace(p, notes=p.notes + " more"),
            "summary": lambda: replace(p, summary=p.summary + " why"),
            # The tables name the first author and the venue; the filter reads all.
            "authors": lambda: replace(p, authors=(f"Author {pid}", *p.authors)),
            "second author": lambda: replace(p, authors=(*(p.authors or ("A",)), f"Second {other}")),
            "venue": lambda: replace(p, venue=p.venue + "V"),
            # The home page lists the newest papers, ties by first id.
            "added": lambda: replace(p, added=dt.date(2026, 1, 2) if p.added is None else None),
            "renamed": lambda: replace(p, formerly=(f"0-{other}",)),
            # GitHub's figures on its code badge (content/repositories.yml).
            "stars": lambda: replace(p, links=tuple(
                replace(link, stats=RepoStats((link.stats.stars + 1) if link.stats else 5, False, dt.date(2026, 1, 1)))
                for link in p.links
            )),
        }[kind]()
        return replace(s, papers=tuple(papers[i] for i in sorted(papers)))
    if kind == "topics":
        topics = ("t3",) if s.assignments[pid][0].topic != "t3" else ("t1", "t2")
        return replace(s, assignments={**s.assignments, pid: tuple(TopicAssignment(t, "rules", ("term",)) for t in topics)})
    if kind == "topic added":  # the first topic added last: the others keep their places
        added = TopicAssignment("t1", "curator")
        return replace(s, assignments={**s.assignments, pid: (*s.assignments[pid], added)})
    if kind == "topic order":  # the same topics, listed in another order
        return replace(s, assignments={**s.assignments, pid: s.assignments[pid][::-1]})
    if kind == "related":
        return replace(s, related={**s.related, pid: _related(pid, other + pid)})
    if kind == "terms":
        return replace(s, related={**s.related, pid: tuple(replace(r, terms=("other",)) for r in s.related[pid])})
    if kind == "score":  # not shown: no page changes
        return replace(s, related={**s.related, pid: tuple(replace(r, score=0.25) for r in s.related[pid])})
    if kind == "order":
        topics = tuple(replace(t, reading_order=(pid, other)) if t.id == "t1" else t for t in s.topics)
        return replace(s, topics=topics)
    if kind == "order grows":  # a paper added to the start-here papers, often one that
        # comes right after them already: its place is the same, it now says "start here"
        topics = tuple(replace(t, reading_order=(*t.reading_order, pid)) if t.id == "t1" else t for t in s.topics)
        return replace(s, topics=topics)
    assert kind == "topic title"
    return replace(s, topics=tuple(replace(t, title=t.title + "!") if t.id == "t2" else t for t in s.topics))


_EDITS = st.lists(
    st.tuples(
        st.sampled_from(["title", "year", "code", "notes", "summary", "authors", "second author", "venue", "stars", "added", "renamed", "topics", "topic added", "topic order", "related", "terms", "score", "order", "order grows", "topic title"]),
        st.sampled_from(_IDS),
        st.sampled_from(_IDS),
    ),
    min_size=1,
    max_size=4,
)


@settings(max_examples=150, deadline=None)
@given(_EDITS, st.booleans(), st.sets(st.sampled_from(_IDS), max_size=2))
# "h" comes right after t1's start-here papers (c, a): added to them, its place is the
# same, but its page now says "start here" (a reviewer found it kept).
@example(edits=[("order grows", "h", "a")], new_process=False, touched=set())
# b and h both join t1's start-here papers: the first paper after them is now one with
# no year, so every page of t1 says its rest is no longer in order of year (hypothesis
# found c's page kept).
@example(edits=[("order grows", "b", "a"), ("order grows", "h", "a")], new_process=False, touched=set())
# b's topics in the other order: its page lists its reading order in that order too.
@example(edits=[("topic order", "b", "a")], new_process=False, touched=set())
# b retitled, its page touched on disk: the pages that link to it are found from what b
# was in the last plan's signatures.
@example(edits=[("title", "b", "a")], new_process=True, touched={"b"})
def test_pages_planned_from_the_last_layout_equal_pages_planned_from_every_signature(edits, new_process, touched):
    """With the last plan's layout, only the pages that may have changed get a signature
    computed; the rest keep theirs. Any miss would show as a kept signature that differs
    from the one computed in full. A new process keeps no related papers in the layout.
    ``touched``: papers whose pages are gone from the docs folder or were touched there
    (not in ``previous``), which are planned again."""
    before = plan(_base())
    layout = replace(before.layout, related=None) if new_process else before.layout
    current = _base()
    # Unchanged papers, assignments and related lists are the very objects of the last
    # run, as the build's memos make them.
    current = replace(current, papers=_base_objects(before, current))
    for kind, pid, other in edits:
        current = _edit(current, kind, pid, other)
    previous = {dest: sig for dest, sig in before.signatures.items() if dest not in {paper_dest(p) for p in touched}}
    fast = plan(current, previous=previous, layout=layout, planned=before.signatures)
    full = plan(current, previous=previous)
    assert fast.signatures == full.signatures
    assert {o.dest for o in fast.outputs if isinstance(o, Kept)} == {o.dest for o in full.outputs if isinstance(o, Kept)}


def _base_objects(before, current: Site) -> tuple[Paper, ...]:
    # The papers the first plan's signatures hold, so that identity checks apply.
    kept = {sig[0].id: sig[0] for dest, sig in before.signatures.items() if dest.startswith("papers/") and dest != "papers/index.md"}
    return tuple(kept.get(p.id, p) for p in current.papers)


def _signed(monkeypatch) -> list[str]:
    """The ids of the papers whose page signature the plans made from now on compute."""
    from generator import siteplan

    calls: list[str] = []
    signature = siteplan.paper_signature
    monkeypatch.setattr(siteplan, "paper_signature", lambda s, i, p, b: calls.append(p.id) or signature(s, i, p, b))
    return calls


def test_a_plan_from_an_unchanged_layout_computes_no_paper_signature(monkeypatch):
    before = plan(_base())
    calls = _signed(monkeypatch)
    current = replace(_base(), papers=_base_objects(before, _base()))
    again = plan(current, previous=before.signatures, layout=before.layout)
    assert calls == [] and all(isinstance(o, Kept) for o in again.outputs if o.dest.startswith("papers/"))
    # A retitled paper: its page, and those that link to it, are computed again.
    retitled = _edit(current, "title", "b", "a")
    calls.clear()
    plan(retitled, previous=before.signatures, layout=before.layout)
    linking = {p for p, rel in current.related.items() if any(r.paper == "b" for r in rel)}
    assert {"b"} | linking <= set(calls) and len(calls) < len(_IDS)


def test_a_paper_page_touched_on_disk_is_the_only_one_planned_again(monkeypatch):
    # Its page gone or touched (not in ``previous``), the paper itself unchanged: the
    # last plan's signature says what it was, so no other page's signature is computed
    # (without it, all of them were: 0.2 s at 10,000 papers).
    before = plan(_base())
    calls = _signed(monkeypatch)
    current = replace(_base(), papers=_base_objects(before, _base()))
    previous = {dest: sig for dest, sig in before.signatures.items() if dest != paper_dest("b")}
    again = plan(current, previous=previous, layout=before.layout, planned=before.signatures)
    assert calls == ["b"]
    assert [o.dest for o in again.outputs if o.dest.startswith("papers/") and not isinstance(o, Kept)] == [paper_dest("b")]
    assert again.signatures == before.signatures


def test_a_plan_from_an_unchanged_layout_makes_the_signature_of_no_topic_an_edit_leaves(monkeypatch):
    """A topic page's signature is made only when a row of its table may have changed
    (pagesignatures.topic_unchanged), or a paper its reading order names: here that of
    t3, whose reading order names "a", which it does not hold."""
    from generator import siteplan

    topics = tuple(replace(t, reading_order=("a",)) if t.id == "t3" else t for t in _BASE_TOPICS)
    base = replace(_base(), topics=topics)
    before = plan(base)
    calls: list[str] = []
    signature = siteplan.topic_signature
    monkeypatch.setattr(siteplan, "topic_signature", lambda i, t, e: calls.append(t.id) or signature(i, t, e))
    current = replace(base, papers=_base_objects(before, base))
    assert plan(current, previous=before.signatures, layout=before.layout).signatures == before.signatures
    assert calls == []
    for pid, topic_ids in [("d", ["t2"]), ("a", ["t1", "t3"])]:
        retitled = _edit(current, "title", pid, "a")
        calls.clear()
        fast = plan(retitled, previous=before.signatures, layout=before.layout)
        assert calls == topic_ids, pid
        assert fast.signatures == plan(retitled, previous=before.signatures).signatures


def test_a_paper_signature_makes_no_container_of_its_own():
    """The memo keeps a signature per paper page, and a new process reads them back
    object by object (cache.py): beside its own tuple, a signature holds only plain
    values and objects the site and the index already hold (the paper, its
    assignments, each related paper's terms, what a linked paper shows, a topic's
    title and size), none made for it."""
    from generator.pagecontext import make_index
    from generator.pagesignatures import paper_signature

    s = _base()
    index = make_index(s)
    held = {id(p) for p in s.papers} | {id(a) for a in s.assignments.values()}
    held |= {id(r.terms) for rows in s.related.values() for r in rows}
    held |= {id(v) for v in index.shown.values()} | {id(v) for v in index.topic_shown.values()}
    for p in s.papers:
        signature = paper_signature(s, index, p, "@article{x}")
        made = [x for x in signature if not isinstance(x, (str, int, float, type(None))) and id(x) not in held]
        assert made == [], p.id



def _index_fields(index) -> dict:
    """An index's lookups, with the order of each mapping (pages iterate some of them)."""
    out = {}
    for name in index.__dataclass_fields__:
        value = getattr(index, name)
        if name == "refs":
            continue  # checked through the pages they make
        if name == "positions":
            value = [(pid, list(inner.items())) for pid, inner in value.items()]
        elif isinstance(value, Mapping):
            value = list(value.items())
        out[name] = value
    return out


@settings(max_examples=150, deadline=None)
@given(st.lists(_EDITS, min_size=1, max_size=3))
# "e" joins t1 and keeps t2 and t3: its places must list t1 first, as the topics are.
@example(runs=[[("topic added", "e", "a")]])
def test_an_index_carried_from_run_to_run_equals_a_fresh_one(runs):
    """make_index from the last run's index redoes only what the changed papers move;
    after any edits, run after run, it equals an index made from scratch, and the pages
    made with it (and the links it kept from earlier runs) equal fresh ones."""
    from generator.pagecontext import make_index

    current = _base()
    index = make_index(current)
    _all_papers_rows(plan(current, index=index))  # (every page built: the index keeps their links)
    for edits in runs:
        # Unchanged papers and assignments are the very objects of the last run.
        for kind, pid, other in edits:
            current = _edit(current, kind, pid, other)
        carried, fresh = make_index(current, index), make_index(current)
        assert _index_fields(carried) == _index_fields(fresh)
        with_carried, with_fresh = plan(current, index=carried), plan(current, index=fresh)
        assert with_carried.outputs == with_fresh.outputs
        assert _all_papers_rows(with_carried) == _all_papers_rows(with_fresh)
        index = carried


def _all_papers_rows(result) -> list:
    """The rows of the All papers table, made (a plan compares them by their keys)."""
    return [row.make() for row in page(result, "papers/index.md").context["rows"]]


def test_a_sub_topics_card_names_its_parent():
    cards = page(plan(site(PAPERS, TOPICS, ASSIGNED)), "topics/index.md").context["cards"]
    assert [(c.topic.title, c.parent) for c in cards] == [
        ("Merging", ""), ("Arithmetic", "Merging"), ("Other", "")]


def test_the_topic_tree_is_depth_first_in_file_order_however_deep():
    from generator.pagecontext import topic_tree

    # A chain of 3,000 parents was a RecursionError in the build (check passed it).
    chain = [Topic(f"t{i}", f"T{i}", parent=f"t{i - 1}" if i else "") for i in range(3000)]
    assert [t.id for t in topic_tree(chain[::-1])] == [t.id for t in chain]
    tree = [Topic("a", "A"), Topic("b", "B"), Topic("a2", "A2", parent="a"), Topic("b1", "B1", parent="b"),
            Topic("a1", "A1", parent="a"), Topic("a21", "A21", parent="a2")]
    assert [t.id for t in topic_tree(tree)] == ["a", "a2", "a21", "a1", "b", "b1"]


def test_a_hand_page_named_with_a_leading_dot_is_refused():
    # MkDocs leaves it out (exclude_docs), and the navigation led to no page.
    assert page_clash(".hidden", ["index.md"]) == (
        "MkDocs leaves out a page whose name starts with a dot (.hidden.md); rename the file"
    )


@pytest.mark.parametrize("intro, linked", [
    ("Open the [full table](papers/index.md).\n", False),
    ("Open the [full table](./papers/index.md#top).\n", False),  # the same page
    ("Read [a paper](papers/a.md), or [the topics](topics/index.md).\n", True),
    ("", True),
])
def test_the_home_pages_counts_link_all_papers_unless_its_introduction_does(intro, linked):
    # (reader audit: the introduction's "open the full table" and, a line below, the
    # counts' "All papers" led to one page twice in a row.) An introduction that links
    # no All papers page keeps the counts' link: the way to the table in the page.
    from generator.render import Renderer

    hand = (HandPage("index", intro, Location("content/pages/index.md")),)
    home = Renderer().render(page(plan(site(PAPERS, TOPICS, ASSIGNED), hand_pages=hand), "index.md"))
    counts = next(line for line in home.splitlines() if 'class="rl-counts"' in line)
    assert counts.endswith(' (0%)\xa0· <a href="papers/">All papers</a></p>' if linked else " (0%)</p>"), counts


def test_the_counts_of_the_home_page_a_topic_and_all_papers_read_alike():
    # (A reader audit: the three count lines had three separators, a topic's "6 papers ·
    # 3 with code", the home page's "180 papers in 16 topics; 39 with code", All
    # papers' "180 papers, by title; 39 with code", and two ended with a full stop.)
    # Each is its parts with " · " between them (a no-break space before the dot, a line
    # breaks after it), none a sentence.
    import re

    from generator.render import Renderer

    result = plan(site(PAPERS, TOPICS, ASSIGNED))
    said = {}
    for dest in ("index.md", "topics/merging/index.md", "papers/index.md"):
        text = Renderer().render(page(result, dest))
        counts = next(line for line in text.splitlines() if 'class="rl-counts"' in line)
        said[dest] = re.sub(r"<[^>]*>", "", counts)
    assert said == {
        "index.md": "4 papers in 3 topics\xa0· 0 with code (0%)\xa0· All papers",
        "topics/merging/index.md": "3 papers\xa0· 0 with code (0%)",
        "papers/index.md": "4 papers, newest first\xa0· 0 with code (0%)",
    }


def test_counts_of_a_thousand_or_more_are_written_as_the_sites_language_writes_them():
    # (review of fix17's table counts: "**10000** papers · **2068** with code" stood above
    # "All 10,000 papers" of table-filter.js, which writes the page's language's way.)
    # English groups thousands by a comma, on every page that counts; another language
    # its own way, as the browser's Intl.NumberFormat does (fix19: German "1.234", never
    # a comma that reads as a decimal point there; Spanish leaves four digits ungrouped).
    import re

    from generator.models import Link
    from generator.render import Renderer

    papers = [paper(f"p{i:04d}", 2020, links=(Link(f"https://github.com/o/r{i}", "code", host="github", repo=f"o/r{i}"),) if i < 1001 else ())
              for i in range(1234)]
    result = plan(site(papers, (Topic("merging", "Merging"),), {p.id: ("merging",) for p in papers}))

    def counts(renderer: Renderer, dest: str) -> str:
        text = renderer.render(page(result, dest))
        return re.sub(r"<[^>]*>", "", next(line for line in text.splitlines() if 'class="rl-counts"' in line))

    english, german, spanish = Renderer(), Renderer(language="de"), Renderer(language="es")
    assert counts(english, "index.md") == "1,234 papers in 1 topic\xa0· 1,001 with code (81%)\xa0· All papers"
    assert counts(english, "topics/merging/index.md") == "1,234 papers\xa0· 1,001 with code (81%)"
    assert counts(english, "papers/index.md") == "1,234 papers, newest first\xa0· 1,001 with code (81%)"
    assert counts(german, "papers/index.md") == "1.234 papers, newest first\xa0· 1.001 with code (81%)"
    assert counts(spanish, "papers/index.md") == "1234 papers, newest first\xa0· 1001 with code (81%)"
    # The home page's card of the topic, and a paper's place in its topic.
    assert '"rl-topic-card__count">1,234 papers<' in english.render(page(result, "index.md"))
    assert "Merging</a>, 1 of 1,234 (by year" in english.render(page(result, "papers/p0000.md"))
    # (Another language renders other text: a change of it renders every page again.)
    assert english.fingerprint != german.fingerprint


@pytest.mark.example
def test_the_shipped_home_pages_introduction_names_what_the_reader_sees():
    # (A reader audit: it said "open the full table" where the navigation and the page
    # say "All papers", and printed, it still explained the search box.) Its link to the
    # table says the page's title, and what it says of the search is screen only: its
    # paragraph's class (attr_list, as MkDocs reads it) the stylesheet hides on paper
    # (tests/browser/test_site.py).
    import re
    from pathlib import Path
    from xml.etree import ElementTree

    import markdown

    root = Path(__file__).resolve().parents[1]
    intro = (root / "content" / "pages" / "index.md").read_text(encoding="utf-8")
    html = markdown.markdown(intro, extensions=["attr_list"])
    body = ElementTree.fromstring(f"<body>{html}</body>")
    table = [a for a in body.iter("a") if a.get("href", "").startswith("papers/index.md")]
    assert ["".join(a.itertext()) for a in table] == ["All papers"]
    assert "full table" not in intro
    # (The search box's words; "a search for it" of a paper page's badges prints.)
    search = [p for p in body.iter("p") if re.search(r"\bbox\b|magnifier", "".join(p.itertext()))]
    assert search and all(p.get("class") in ("rl-screen-only", "rl-keyboard-only") for p in search)
    # (A reader's audit: "on a keyboard, / goes to the box" showed on phones.) The "/" is
    # said only where there is a keyboard: its own paragraph, of the class the
    # stylesheet hides on a touch screen (tests/browser/test_site.py).
    slash = [p for p in body.iter("p") if p.find("code") is not None and p.find("code").text == "/"]
    assert [p.get("class") for p in slash] == ["rl-keyboard-only"]


def test_the_no_related_papers_sentence_counts_the_papers_topics_not_its_lines():
    # (review: "Its topic's page lists its other papers" was chosen by the number of
    # reading-order lines, so a paper of two topics, one of them its alone, was told of
    # "its topic", beside the two its page lists; as the reading order's heading is.)
    import html

    from generator.render import Renderer

    papers = (paper("a", title="Alpha"), paper("b", title="Beta"), paper("c", title="Gamma"))
    topics = (Topic("t", "T"), Topic("u", "U"), Topic("v", "V"))

    def sentence(assigned) -> str:
        text = Renderer().render(page(plan(site(papers, topics, assigned)), "papers/a.md"))
        return html.unescape(re.split(r"\(title and abstract\)\. ", text, maxsplit=1)[1].split(":", 1)[0])

    assert sentence({"a": ("t",), "b": ("t",)}) == "See its topic"
    assert sentence({"a": ("t", "u"), "b": ("t", "u")}) == "See its topics"
    assert sentence({"a": ("t", "u"), "b": ("t",)}) == "Only one of its topics has other papers"
    assert sentence({"a": ("t", "u", "v"), "b": ("t", "u")}) == "Only some of its topics have other papers"


def test_a_topics_table_marks_a_paper_that_is_there_as_its_closest_topic_only():
    # (A reader's review: "End-to-End Learning of Flowchart Grounded Task-Oriented
    # Dialogs" stood in the Benchmarks table like its benchmarks, there only as its
    # closest topic; its own page says "a weak match", the topic's said nothing.)
    assigned = {
        "a": (TopicAssignment("t", "rules", ("term",)),),
        "b": (TopicAssignment("t", "fallback", ("term",), 1.0),),
        "c": (TopicAssignment("u", "fallback", ("term",), 1.0), TopicAssignment("t", "curator")),
    }
    topics = (Topic("t", "T"), Topic("u", "U"))
    s = Site((paper("a"), paper("b"), paper("c")), topics, assigned, {})
    context = page(plan(s), "topics/t/index.md").context
    # Only where this topic is the fallback: c is a weak match of u, not of t.
    assert dict(zip((p.title for p in context["papers"]), context["weak"])) == {
        "A": False, "B": True, "C": False}
    assert page(plan(s), "topics/u/index.md").context["weak"] == (True,)


def test_a_topic_page_is_planned_again_when_a_paper_becomes_a_weak_match_of_it():
    before = Site((paper("a"),), (Topic("t", "T"),), {"a": (TopicAssignment("t", "rules", ("term",)),)}, {})
    first = plan(before)
    after = replace(before, assignments={"a": (TopicAssignment("t", "fallback", ("term",), 1.0),)})
    second = plan(after, previous=first.signatures, layout=first.layout)
    assert not isinstance(page(second, "topics/t/index.md"), Kept)
    assert page(second, "topics/t/index.md").context["weak"] == (True,)


def test_a_paper_link_badge_names_the_site_it_leads_to():
    # (A reader's review: a paper with an OpenReview link and the publisher's had two
    # badges alike, "Paper" and "Paper", beside "arXiv ..." and "Hugging Face Papers";
    # none said where it led.)
    links = tuple(Link(url, "paper") for url in (
        "https://openreview.net/forum?id=6t0Kwf8-jrj",
        "https://www.aclweb.org/anthology/P16-1162/",  # a site under another address
        "https://export.arxiv.org/abs/2101.00010",  # a subdomain as its site
        "https://proceedings.example.org/paper/12",  # a site it does not know: its host
        "https://hf.co/papers/2310.06825",  # as the badge an arXiv id gives it
    ))
    badges = page(plan(site([paper("a", 2020, links=links)], (), {})), "papers/a.md").context["badges"]
    assert [(b.label, b.description, b.icon) for b in badges if b.kind == "paper"] == [
        ("OpenReview", "The paper on OpenReview", "paper"),
        ("ACL Anthology", "The paper on ACL Anthology", "paper"),
        ("arXiv", "The paper on arXiv", "paper"),
        ("proceedings.example.org", "The paper on proceedings.example.org", "paper"),
        ("Hugging Face Papers", "The paper's page on Hugging Face Papers (arXiv 2310.06825)", "huggingface"),
    ]
    assert [b.href for b in badges if b.kind == "paper"] == [link.url for link in links]


def test_an_open_archives_paper_badge_names_it_and_a_universitys_repository_by_its_host():
    # (hunt9: a thesis's url to its repository, now a paper link, is named where it leads.)
    links = tuple(Link(url, "paper") for url in (
        "https://theses.hal.science/tel-01234567", "https://escholarship.org/uc/item/8f6d3j4k",
        "https://era.ed.ac.uk/handle/1842/12345",
    ))
    badges = page(plan(site([paper("a", 2020, links=links)], (), {})), "papers/a.md").context["badges"]
    assert [b.description for b in badges if b.kind == "paper"] == [
        "The paper on HAL", "The paper on eScholarship", "The paper on era.ed.ac.uk",
    ]

def test_a_paper_link_badge_names_the_host_a_browser_goes_to():
    # The site's name comes from an address a curator pasted: a name that reads as a
    # known site's and is another's is not shown as that site's. A host of other letters
    # is named in its ASCII form, as a browser's address bar names a mixed one.
    links = tuple(Link(url, "paper") for url in (
        "https://\u043epenreview.net/forum?id=1",  # a Cyrillic o
        "https://openreview.net.evil.example/forum?id=1",
        "https://evil-openreview.net/forum?id=1",
        "https://\uff4f\uff50\uff45\uff4e\uff52\uff45\uff56\uff49\uff45\uff57.net/forum?id=1",  # full width: OpenReview's
        "https://%6Fpenreview.net/forum?id=1",  # an escaped o: OpenReview's
        "https://OpenReview.net./forum?id=1",  # the root's dot: OpenReview's
        "https://b\u00fccher.example/paper",
        "https://" + "\u00e9" * 70 + ".example/paper",  # no IDNA form: no name
    ))
    badges = page(plan(site([paper("a", 2020, links=links)], (), {})), "papers/a.md").context["badges"]
    assert [(b.label, b.description) for b in badges if b.kind == "paper"] == [
        ("xn--penreview-z2h.net", "The paper on xn--penreview-z2h.net"),
        ("openreview.net.evil.example", "The paper on openreview.net.evil.example"),
        ("evil-openreview.net", "The paper on evil-openreview.net"),
        ("OpenReview", "The paper on OpenReview"),
        ("OpenReview", "The paper on OpenReview"),
        ("OpenReview", "The paper on OpenReview"),
        ("xn--bcher-kva.example", "The paper on xn--bcher-kva.example"),
        ("Paper", "The paper"),
    ]
    # (a user name before the host is no badge at all: escape.safe_url)
    tricked = (Link("https://openreview.net@evil.example/forum", "paper"),)
    badges = page(plan(site([paper("a", 2020, links=tricked)], (), {})), "papers/a.md").context["badges"]
    assert [b for b in badges if b.kind == "paper"] == []


def test_a_paper_link_to_hugging_faces_page_of_the_paper_has_no_hugging_face_search_beside_it():
    # (The search of Hugging Face's papers for the title would find the very page the
    # "Paper" badge links; a link to one of its lists of papers is no page of this one.)
    def labels(url: str) -> list[str]:
        paper_ = paper("a", 2020, links=(Link(url, "paper"),))
        return [b.label for b in page(plan(site([paper_], (), {})), "papers/a.md").context["badges"]]

    assert "Search Hugging Face" not in labels("https://huggingface.co/papers/2101.00010")
    assert "Search Hugging Face" in labels("https://huggingface.co/papers/trending")


def _hugging_face_badges(**fields) -> list[tuple[str, str, str, str]]:
    """The paper page's badges that lead to Hugging Face Papers: kind, href, label and
    accessible name."""
    badges = page(plan(site([paper("a", 2020, title="Mistral <7B> & co", **fields)], (), {})), "papers/a.md")
    return [
        (b.kind, b.href, b.label, b.description)
        for b in badges.context["badges"] if b.href.startswith("https://huggingface.co/papers")
    ]


@pytest.mark.parametrize("arxiv, ident", [
    ("2310.06825", "2310.06825"),  # new style, five digits (since 2015)
    ("0704.0001", "0704.0001"),  # new style, four digits (until 2014)
    ("2310.06825v2", "2310.06825"),  # a version: the page is the paper's, of every version
    ("2101.00010v12", "2101.00010"),
])
def test_a_paper_with_a_new_style_arxiv_id_links_its_page_on_hugging_face_papers_not_a_search(arxiv, ident):
    # (A reader's review: the badge searched Hugging Face for the title even where the
    # list knew the arXiv id that names the paper's page there.)
    assert _hugging_face_badges(arxiv=arxiv) == [(
        "paper",
        f"https://huggingface.co/papers/{ident}",
        "Hugging Face Papers",
        f"The paper's page on Hugging Face Papers (arXiv {ident})",
    )]


@pytest.mark.parametrize("arxiv", [
    "",  # no arXiv id
    "hep-th/9901001",  # old style: Hugging Face names its pages of papers by new-style ids only
    "math.GT/0309136",
    "cs/0112017v2",
    # Not an id `check` lets through, but the model may hold anything: never in a link.
    "2310.06825/../../x?a=<b>",
    "2513.00001",  # (no month 13)
])
def test_a_paper_without_a_new_style_arxiv_id_keeps_the_search_of_hugging_face_papers_for_its_title(arxiv):
    query = "Mistral%20%3C7B%3E%20%26%20co"
    assert _hugging_face_badges(arxiv=arxiv) == [(
        "search",
        f"https://huggingface.co/papers?q={query}",
        "Search Hugging Face",
        "Search Hugging Face Papers for this title",
    )]


def test_the_hugging_face_papers_badge_on_the_page_says_it_is_the_papers_page():
    from generator.render import Renderer

    result = plan(site([paper("a", 2020, title="T", arxiv="2310.06825v2")], (), {}))
    text = Renderer().render(page(result, "papers/a.md"))
    anchors = re.findall(r'<a class="rl-badge rl-badge--[a-z]+" href="https://huggingface\.co/papers[^>]*>.*?</a>', text)
    assert anchors == [
        '<a class="rl-badge rl-badge--paper" href="https://huggingface.co/papers/2310.06825"'
        ' aria-label="The paper&#39;s page on Hugging Face Papers (arXiv 2310.06825)"'
        ' title="The paper&#39;s page on Hugging Face Papers (arXiv 2310.06825)">'
        '<span class="rl-badge__icon rl-icon--huggingface" aria-hidden="true"></span>'
        '<span class="rl-badge__label">Hugging Face Papers</span></a>'
    ]


def test_a_paper_link_to_its_page_on_hugging_face_papers_is_not_linked_twice():
    # (The curator's "Paper" link is the page the arXiv id would link.)
    links = (Link("https://huggingface.co/papers/2310.06825", "paper"),)
    assert [href for _, href, _, _ in _hugging_face_badges(arxiv="2310.06825", links=links)] == [
        "https://huggingface.co/papers/2310.06825"]


def test_a_spelling_key_holds_a_slash_exactly_where_the_path_does():
    # page_clash looks for a hand page's twin among the top folder's files only: that
    # holds while no character but "/" folds or normalises to a text with a "/", and
    # "/" composes with no mark that follows it (NFC) nor folds to anything else.
    import sys
    import unicodedata

    from generator.write import spelling_key

    makes_slash = [
        c for c in map(chr, range(sys.maxunicode + 1))
        if c != "/" and not 0xD800 <= ord(c) <= 0xDFFF
        and ("/" in c.casefold() or "/" in unicodedata.normalize("NFC", c)
             or unicodedata.normalize("NFD", c).startswith("/"))
    ]
    assert makes_slash == []
    assert spelling_key("/") == "/"
    assert spelling_key("/\u0338") == "/\u0338"  # (no precomposed "/" with a stroke)


def _clash_by_every_name(name: str, taken: list[str]) -> str:
    """page_clash as it read every name of ``taken`` (before it looked up the few that
    can clash), with the same address in another spelling read from every name too:
    the reference its answers are checked against."""
    from generator.pages import SITE_OWN_FILES, _served_at
    from generator.write import spelling_key

    if name.startswith("."):
        return page_clash(name, taken)
    served = _served_at(f"{name}.md")
    same = {f"{served}index.md", f"{served}README.md", f"{name}.md"}
    clashes = sorted(
        dest for dest in (*taken, *SITE_OWN_FILES)
        if (dest in same and _served_at(dest) == served) or dest == served[:-1]
    )
    if clashes:
        dest = clashes[0]
        return (
            f"the page {name}.md would be served at /{served}, where the site has"
            f" {'its own ' if dest == f'{name}.md' else ''}{dest}; rename the file"
        )
    # Any name at the page's address in another spelling (as a page's address, or as a
    # file where its folder would be), but a page at the top (its twin, below).
    def at(dest: str) -> str | None:
        if dest.endswith(".md"):
            return None if "/" not in dest else spelling_key(_served_at(dest))
        return spelling_key(f"{dest}/")

    variant = min((d for d in (*taken, *SITE_OWN_FILES) if served and at(d) == spelling_key(served)), default=None)
    if variant is not None:
        said = page_clash(name, [variant])  # (its wording, checked to name the variant)
        assert said.startswith(f"the page {name}.md would be served at /{served}, where the site has {variant}")
        return said
    twin = min((d for d in taken if spelling_key(d) == spelling_key(f"{name}.md")), default=None)
    return "" if twin is None else page_clash(name, [twin])


_NAMES = st.sampled_from(
    ["about", "About", "ABOUT", "caf\u00e9", "cafe\u0301", "README", "feed.xml", "Feed.xml", "papers", "x"])


@settings(max_examples=500, deadline=None)
@example(name="About", taken=["about/index.md"])  # (the same address but for case)
@example(name="ABOUT", taken=["papers/about/README.md", "About/README.md"])
@example(name="Index.html", taken=[])  # (the folder Index.html/ where index.html is)
@given(
    name=_NAMES,
    taken=st.lists(
        st.builds(
            lambda folder, name, ext: f"{folder}{name}{ext}",
            st.sampled_from(["", "papers/", "about/", "About/", "topics/x/"]),
            st.one_of(_NAMES, st.sampled_from(["index", "README"])),
            st.sampled_from([".md", ".xml", ".bib", ""]),
        ),
        max_size=12,
    ),
)
def test_a_hand_page_clash_is_what_reading_every_taken_name_finds(name, taken):
    assert page_clash(name, taken) == _clash_by_every_name(name, taken)
    assert page_clash(name, iter(taken)) == _clash_by_every_name(name, taken)  # (read twice)


def test_a_hand_page_twin_is_found_among_top_level_files_beside_many_paper_pages():
    taken = [f"papers/p{n}.md" for n in range(50)] + ["index.md", "About.md", "papers/about.md"]
    assert page_clash("about", taken) == (
        "the site has About.md, the same file name as about.md to macOS and Windows,"
        " which ignore case; rename the file"
    )
    # A path's twin inside a folder is no page's: a page is served from the top folder.
    assert page_clash("ABOUT", ["papers/about.md"]) == ""


def _reason_part_by_part(assignment: TopicAssignment, spelled) -> tuple:
    """pagecontext._reason as it was before it kept what terms give (lru-cached) and
    built each run of words as one text: a part per keyword and separator, merged after.
    The reference its answers are checked against."""
    from generator.pagecontext import ReasonPart, _distinct_terms, _holds
    from generator.topics import said_together

    if assignment.by in ("curator", "reading order"):
        from generator.pagecontext import _reason

        return _reason(assignment, spelled)

    def hyphenated_as_written(typed: str) -> str:
        lowered = typed.lower()
        if "-" not in typed or _holds(spelled.text, lowered):
            return typed
        for other in (lowered.replace("-", ""), lowered.replace("-", " ")):
            if _holds(spelled.text, other):
                return other
        return typed

    def quoted(term: str) -> ReasonPart:
        def word(typed: str) -> str:
            typed = hyphenated_as_written(typed)
            if " " in typed:
                return typed
            shown = spelled.shown(typed.lower())
            return typed if shown == typed.lower() else shown

        parts = [f'"{word(part)}"' for part in term.split(" + ")]
        return ReasonPart(parts[0]) if len(parts) == 1 else ReasonPart(said_together(parts), True)

    distinct = _distinct_terms(assignment.terms)
    apart = "; " if any(" + " in term for term in distinct) else ", "
    terms: list = []
    for term in distinct:
        terms += [ReasonPart(apart), quoted(term)] if terms else [quoted(term)]
    if assignment.by == "fallback":
        parts = [ReasonPart("a weak match (its closest topic)" + (": mentions " if terms else "")), *terms]
    elif terms:
        parts = [ReasonPart("mentions "), *terms]
    else:
        return (ReasonPart("by this topic's keywords"),)
    merged: list = []
    for part in parts:
        if merged and not part.group and not merged[-1].group:
            merged[-1] = ReasonPart(merged[-1].text + part.text)
        else:
            merged.append(part)
    return tuple(merged)


_KEYWORDS = st.sampled_from([
    "rlhf", "RLHF", "prompt", "prompt + lifelong", "math + rl", "a + b + c", "multi-task",
    "multi-task learning", "Multi-Task", "pre-training", "reinforcement learning", "learning",
    "in-context", "icl", "cot", "x",
])
_SENTENCES = st.sampled_from([
    "We use RLHF.", "rlhf and ICL", "Multitask learning of math.", "multi task RL",
    "Pre-training a prompt pool", "lifelong learners, pretraining", "In-Context CoT.",
    "reinforcement learning for a, b and c", "Crème brûlée", "",
])


@settings(max_examples=300, deadline=None)
@given(
    by=st.sampled_from(["rules", "fallback", "curator", "reading order"]),
    terms=st.lists(_KEYWORDS, max_size=5).map(tuple),
    texts=st.lists(st.lists(_SENTENCES, max_size=4).map(" ".join), min_size=1, max_size=3),
)
def test_a_topic_reason_is_what_it_was_part_by_part_for_every_paper_that_shares_its_terms(by, terms, texts):
    # The terms' reading is kept across papers and runs (lru-cached, by the terms alone):
    # papers with the same terms but other texts must each get their own spellings.
    from generator.pagecontext import _reason
    from generator.terms import Spellings

    assignment = TopicAssignment("t", by, terms)
    for text in texts:
        assert _reason(assignment, Spellings(text)) == _reason_part_by_part(assignment, Spellings(text))


@pytest.mark.parametrize("seed", range(40))
def test_the_home_pages_same_day_and_earlier_day_counts_are_those_of_the_papers_dates(seed):
    # The counts are found by bisection in the index's newest-first ids; here they are
    # counted paper by paper from the dates themselves, on lists of few days, many
    # papers a day, and papers without a date.
    import random

    from generator.pagecontext import RECENT_COUNT, home_page, make_index

    rng = random.Random(seed)
    days = [dt.date(2026, 1, 1) + dt.timedelta(days=n) for n in rng.sample(range(30), rng.randint(1, 4))]
    papers = [
        paper(f"p{n:03}", added=rng.choice([*days, None]) if rng.random() < 0.2 else rng.choice(days))
        for n in range(rng.randint(1, 3 * RECENT_COUNT))
    ]
    s = site(papers, (), {})
    context = home_page(s, make_index(s), "", {}, None).context
    dated = sorted((p.added for p in papers if p.added is not None), reverse=True)
    newest = dated[0] if dated else None
    listed = dated[:RECENT_COUNT]
    assert context["same_day"] == (dated.count(newest) if dated else 0)
    cut_into = bool(listed) and listed[-1] != listed[0] and len(dated) > len(listed) and dated[len(listed)] == listed[-1]
    if not cut_into:
        assert context["earlier"] is None
    else:
        cut = listed[-1]
        assert (context["earlier"].count, context["earlier"].day) == (dated.count(cut), cut)
        assert context["earlier"].began == (min(dated) == cut and len(dated) == len(papers))
        assert [added for _, added in context["recent"]] == [d for d in listed if d != cut]
