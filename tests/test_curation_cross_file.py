"""Checks across files: one broken file must not make others look wrong, reading orders
of the length the schema asks and not against a paper's exclude_topics, and a field
written at the wrong indentation named as such."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.curation import load_content
from generator.errors import Problems
from generator.topicsfile import read_topics
from tests.test_curation import NO_SUCH_PAPER, _Project, without_topicless

TOPICS = """\
topics:
  - id: in-context-learning
    title: In-context learning
    keywords:
      in-context: 1
    reading_order: [a, b, c]
  - id: multi-task-learning
    title: Multi-task learning
    keywords:
      multi-task: 1
"""


def paper(paper_id: str, title: str = "", extra: str = "") -> str:
    # The title fills both topics of TOPICS by their keywords: no topic is empty.
    return f"id: {paper_id}\ntitle: {title or paper_id.upper()} in-context multi-task\n{extra}"


def project(root: Path, topics: str = TOPICS, **papers: str) -> Path:
    (root / "content" / "papers").mkdir(parents=True)
    (root / "content" / "topics.yml").write_text(topics, encoding="utf-8")
    for name, text in papers.items():
        (root / "content" / "papers" / f"{name}.yml").write_text(text, encoding="utf-8")
    return root


def messages(root: Path) -> list[str]:
    _, problems = load_content(root / "content", root)
    return without_topicless(problems.sorted())


# ------------------------------------------------------------ item 2: no cascade of errors

TOPIC_REFS = {
    "a": paper("a", extra="topics: [in-context-learning]\n"),
    "b": paper("b", extra="topics: [multi-task-learning]\nexclude_topics: [in-context-learning]\n"),
    "c": paper("c", extra="related: [a]\n"),
}


def test_a_topics_file_that_fails_to_parse_gives_its_own_error_and_no_unknown_topics(tmp_path):
    broken = TOPICS.replace("    title: Multi", "   title: Multi")  # one space short
    root = project(tmp_path, broken, **TOPIC_REFS)
    # The other topic is read all the same (see test_a_syntax_error_in_one_topic_hides_
    # nothing_wrong_in_the_others): b excluding the topic whose reading order lists it is
    # said, and b naming the broken topic is no unknown topic.
    assert messages(root) == [
        "content/topics.yml:6:24: paper 'b' is in the reading order of topic"
        " 'in-context-learning', but content/papers/b.yml:4:18 excludes the paper from that"
        " topic; remove one of the two",
        "content/topics.yml:8:4: YAML syntax error: this line is not indented like the lines"
        " around it; check the indentation of this line and the line above",
    ]
    content, _ = load_content(root / "content", root)
    assert [p.id for p in content.papers] == ["a", "b", "c"]
    # Only a topic of the site is named: the broken one is none.
    assert [(p.topics, p.exclude_topics) for p in content.papers] == [
        (("in-context-learning",), ()), ((), ("in-context-learning",)), ((), ()),
    ]
    assert [t.id for t in content.topics] == ["in-context-learning"]


# A YAML syntax error inside one topic: the others are read without its lines.
ONE_TOPIC_BROKEN = """\
topics:
  - id: in-context-learning
    title: In-context learning
    parent: nothing
    keywords:
      in-context: 1
    reading_order: [a, b, c]
  - id: multi-task-learning
    title: Multi-task learning: a survey
    keywords:
      multi-task: 1
  - id: transfer
    title: Transfer
    parent: multi-task-learning
    threshold: abc
    reading_order: [a, b, zz]
    keywords:
      in-context: 1
"""


def test_a_syntax_error_in_one_topic_hides_nothing_wrong_in_the_others(tmp_path):
    # Once only the syntax error was said: the unknown parent, the threshold and the
    # unknown paper were found one run after it was fixed. The broken topic is known by
    # its id: a parent or a paper naming it is no unknown topic.
    root = project(
        tmp_path, ONE_TOPIC_BROKEN,
        a=paper("a"), b=paper("b", extra="topics: [multi-task-learning]\n"), c=paper("c"),
    )
    assert messages(root) == [
        "content/topics.yml:4:13: 'parent': unknown topic 'nothing'; remove it here, write the"
        " topic meant, or define it in topics.yml",
        "content/topics.yml:9:31: YAML syntax error: a colon followed by a space inside an"
        " unquoted value; put the value in double quotes",
        "content/topics.yml:15:16: 'threshold' must be a number, not 'abc'",
        f"content/topics.yml:16:27: unknown paper 'zz'{NO_SUCH_PAPER}",
    ]


def test_each_topic_with_a_syntax_error_is_said_at_once(tmp_path):
    broken = ONE_TOPIC_BROKEN.replace("    threshold: abc\n", '    threshold: "abc\n').replace(
        "    reading_order: [a, b, c]", "     reading_order: [a, b, c]"
    )
    root = project(tmp_path, broken, a=paper("a", extra="topics: [transfer, in-context-learning]\n"))
    assert messages(root) == [
        "content/topics.yml:7:6: YAML syntax error: this line is not indented like the lines"
        " around it; check the indentation of this line and the line above",
        "content/topics.yml:9:31: YAML syntax error: a colon followed by a space inside an"
        " unquoted value; put the value in double quotes",
        "content/topics.yml:15:16: YAML syntax error: this quote is never closed (the value runs"
        " to the end of the file); close it at the value's end",
    ]


@pytest.mark.parametrize(
    ("later", "said"),
    [
        # The quote ran on to the next topic's quoted title: that line was said to have
        # "text after the closing quote", a fix for a line that was right, and its topic
        # was not read. (Then said to run "to the end of the file", which it does only
        # read without that topic.)
        (
            ("    title: Multi-task learning", '    title: "Multi-task learning"'),
            "this quote is never closed: the value runs on over the lines below it, up to the quote at"
            " line 8, column 12; close it at the value's end",
        ),
        # It ran on, over the keys below it, to a quote in its own topic's description
        # ("negative transfer"): only that line was said, and never the quote to close.
        (
            ("    keywords:\n      in-context: 1",
             '    description: Prompts that teach ("in-context" learning).\n    keywords:\n      in-context: 1'),
            "this quote is never closed: the value runs on over the lines below it, up to the quote at"
            " line 4, column 38; close it at the value's end",
        ),
    ],
)
def test_a_quote_never_closed_in_one_topic_is_said_once_at_it_and_the_next_topics_are_read(tmp_path, later, said):
    broken = TOPICS.replace("    title: In-context learning", '    title: "In-context learning').replace(*later)
    root = project(tmp_path, broken, a=paper("a", extra="topics: [multi-task-learning]\n"))
    assert messages(root) == [f"content/topics.yml:3:12: YAML syntax error: {said}"]
    content, _ = load_content(root / "content", root)
    assert [t.id for t in content.topics] == ["multi-task-learning"]


def test_a_topic_with_a_syntax_error_and_no_readable_id_hides_nothing_else_wrong(tmp_path):
    # It hid the file. What the other topics say of themselves is said; without the
    # broken topic's id, a parent or a paper naming a topic could not be told from a
    # typo, so no unknown topic is said, and no topic is one of the site until it is fixed.
    broken = ONE_TOPIC_BROKEN.replace("  - id: multi-task-learning", "  - id: multi-task-learning: x")
    root = project(tmp_path, broken, **TOPIC_REFS)
    assert messages(root) == [
        "content/topics.yml:7:24: paper 'b' is in the reading order of topic"
        " 'in-context-learning', but content/papers/b.yml:4:18 excludes the paper from that"
        " topic; remove one of the two",
        "content/topics.yml:8:28: YAML syntax error: a colon followed by a space inside an"
        " unquoted value; put the value in double quotes",
        "content/topics.yml:15:16: 'threshold' must be a number, not 'abc'",
        f"content/topics.yml:16:27: unknown paper 'zz'{NO_SUCH_PAPER}",
    ]
    content, _ = load_content(root / "content", root)
    assert content.topics == () and [p.id for p in content.papers] == ["a", "b", "c"]


# Topics with mistakes of their own (an unknown parent, a threshold that is no number,
# an unknown paper), and no syntax error.
MISTAKEN_TOPICS = ONE_TOPIC_BROKEN.replace("Multi-task learning: a survey", "Multi-task learning")
_NO_KEY = (
    "this line is no 'key: value' nor an item of a list: if it is a key, end the key with a"
    " colon and a space; if it goes with the lines above, indent it as they are"
)


@pytest.mark.parametrize(
    ("edit", "said", "shift"),
    [
        (lambda text: text.replace("topics:\n", "topics\n", 1), "1:7: YAML syntax error: a key"
         " needs a colon and a space after it: write 'topics:'", 0),
        (lambda text: text.replace("topics:\n", "topics: [\n", 1), "1:9: YAML syntax error: a"
         " list opened here with '[' is not closed before the '- ' items below it: remove the '['", 0),
        (lambda text: text.replace("  - id: multi", "more topics below\n  - id: multi"),
         f"8:1: YAML syntax error: {_NO_KEY}", 1),
        (lambda text: text + "---\n# more to come\n", "19:1: YAML syntax error: '---' starts a"
         " second YAML document here, and a file holds one: remove this line, or move what"
         " follows it to a file of its own", 0),
    ],
    ids=["topics without its colon", "topics: [", "a line of words between two topics", "a second document"],
)
def test_a_syntax_error_outside_any_topic_hides_nothing_wrong_in_the_topics(tmp_path, edit, said, shift):
    # The 'topics:' line broken, a line of words between two topics, a second document:
    # the file said its syntax error alone. Each topic is read as when the error is in
    # one; all of them are known by their ids, but none is a topic of the site (which
    # the line YAML cannot read may be part of) until the error is fixed.
    topics = edit(MISTAKEN_TOPICS)
    a = paper("a", extra="topics: [multi-task-learning, no-such-topic]\n")
    root = project(tmp_path, topics, a=a, b=paper("b"), c=paper("c"))
    assert sorted(messages(root)) == sorted([
        "content/papers/a.yml:3:31: unknown topic 'no-such-topic'; remove it here, write the"
        " topic meant, or define it in topics.yml",
        "content/topics.yml:4:13: 'parent': unknown topic 'nothing'; remove it here, write the"
        " topic meant, or define it in topics.yml",
        f"content/topics.yml:{said}",
        f"content/topics.yml:{15 + shift}:16: 'threshold' must be a number, not 'abc'",
        f"content/topics.yml:{16 + shift}:27: unknown paper 'zz'{NO_SUCH_PAPER}",
    ])
    content, _ = load_content(root / "content", root)
    assert content.topics == () and [p.id for p in content.papers] == ["a", "b", "c"]


def test_a_line_outside_the_topics_that_may_hold_a_topic_leaves_topics_unknown(tmp_path):
    # A topic written at the file's left edge: its id may be the one a paper names.
    topics = MISTAKEN_TOPICS + "- id: transfer\n  title: Transfer\n"
    a = paper("a", extra="topics: [transfer]\n")
    root = project(tmp_path, topics, a=a, b=paper("b"), c=paper("c"))
    found = messages(root)
    assert [m.split(": ")[0] for m in found] == [
        "content/topics.yml:15:16", "content/topics.yml:16:27", "content/topics.yml:19:1",
    ]
    assert found[2].startswith("content/topics.yml:19:1: YAML syntax error")


# A topic whose id line is broken around an id still there to read: its slug alone on
# the line, with the key's colon or space, or a bracket or quote around it.
BROKEN_ID_LINES = [
    "  - id: [transfer", "  - id: {transfer", '  - id: "transfer', "  - id: 'transfer\"",
    "  - id: ['transfer'", "  - id transfer", "  - id:transfer", "  - 'id: transfer",
]


@pytest.mark.parametrize("first_line", BROKEN_ID_LINES)
@pytest.mark.parametrize("where", ["last", "between two"])
def test_a_topic_whose_id_line_is_broken_around_its_id_leaves_out_that_topic_alone(tmp_path, first_line, where):
    # `- id: [graph-learning` kept every topic out of the site until it was fixed, where
    # any other mistake of a topic whose id can be read leaves out that topic alone: the
    # id is there, only the syntax around it is broken. A paper or a parent naming it
    # is no unknown topic.
    broken = f"{first_line}\n    title: Transfer\n    parent: in-context-learning\n    keywords:\n      in-context: 1\n"
    if where == "last":
        topics = TOPICS + broken
    else:
        topics = TOPICS.replace("  - id: multi-task-learning", broken + "  - id: multi-task-learning")
    root = project(tmp_path, topics, a=paper("a", extra="topics: [transfer]\n"), b=paper("b"), c=paper("c"))
    found = messages(root)
    assert len(found) == 1 and found[0].startswith("content/topics.yml:") and "YAML syntax error" in found[0]
    assert int(found[0].split(":")[1]) in range(topics.split("\n").index(first_line) + 1, topics.count("\n") + 1)
    content, _ = load_content(root / "content", root)
    assert [t.id for t in content.topics] == ["in-context-learning", "multi-task-learning"]
    assert [p.topics for p in content.papers if p.id == "a"] == [()]


@pytest.mark.parametrize("opener, closer, what", [("[", "]", "list"), ("{", "}", "mapping")])
def test_a_topics_id_line_whose_bracket_is_not_closed_is_said_there_as_a_papers_is(tmp_path, opener, closer, what):
    # "did not find expected ',' or ']'", at the title line below: a paper's field so
    # written is told at its bracket what to do.
    topics = TOPICS.replace("  - id: multi-task-learning", f"  - id: {opener}transfer\n    title: Transfer\n"
                            "  - id: multi-task-learning")
    root = project(tmp_path, topics, a=paper("a"), b=paper("b"), c=paper("c"))
    assert messages(root) == [
        f"content/topics.yml:7:9: YAML syntax error: a {what} opened here with '{opener}' is not"
        f" closed: close it with '{closer}' (if the value is text, not a {what}, put the whole"
        " value in double quotes)",
    ]


@pytest.mark.parametrize(
    "first_line", ["  - id: [transfer, other", "  - id: transfer: x", "  - id: [Transfer", "  - id: [transfer learning"]
)
def test_a_topic_whose_id_line_holds_no_one_id_keeps_every_topic_out(tmp_path, first_line):
    # Two ids, more than the id, or no id's letters: which topic it is cannot be told,
    # nor whether it is the one a paper names.
    topics = TOPICS + f"{first_line}\n    title: Transfer\n"
    root = project(tmp_path, topics, a=paper("a", extra="topics: [transfer]\n"), b=paper("b"), c=paper("c"))
    assert not [m for m in messages(root) if "unknown topic" in m]
    content, _ = load_content(root / "content", root)
    assert content.topics == ()


def test_a_broken_id_line_at_the_files_left_edge_leaves_topics_unknown(tmp_path):
    # "- id graphs" below the list, at the left edge: it may be the topic a paper
    # names, as "- id: graphs" there may (test_a_line_outside_the_topics_that_may_hold_a_topic_leaves_topics_unknown).
    topics = MISTAKEN_TOPICS + "- id graphs\n  title: Graphs\n"
    root = project(tmp_path, topics, a=paper("a", extra="topics: [graphs]\n"), b=paper("b"), c=paper("c"))
    assert [m.split(": ")[0] for m in messages(root)] == [
        "content/topics.yml:15:16", "content/topics.yml:16:27", "content/topics.yml:19:1",
    ]


_TAB = "YAML syntax error: a tab character: YAML indents with spaces, not tabs; replace it with spaces"


def _topics_said(root: Path, text: str) -> list[str]:
    (root / "topics.yml").write_text(text, encoding="utf-8")
    problems = Problems()
    read_topics(root / "topics.yml", root, problems)
    return [str(p) for p in problems.sorted()]


def test_each_line_a_tab_starts_in_topics_is_said_once(tmp_path):
    # Each topic's syntax error is said on its own: the tab of 'c' was named in the
    # message of the tab of 'a' too, said twice.
    text = (
        "topics:\n  - id: a\n    title: A\n\tdescription: x\n  - id: b\n    title: B\n"
        "  - id: c\n    title: C\n\tdescription: y\n\tparent: a\n"
    )
    assert _topics_said(tmp_path, text) == [
        f"topics.yml:4:1: {_TAB}", f"topics.yml:9:1: {_TAB} (line 10 also starts with a tab)",
    ]


def test_every_line_a_tab_starts_is_named_where_topics_cannot_be_read_past_an_error(tmp_path):
    # A topic pasted at the file's left edge: the topics below it are not read apart, and
    # their tabs were said one run after it was fixed.
    text = (
        "topics:\n  - id: a\n    title: A\n\tdescription: x\n- id: pasted\n  - id: b\n"
        "    title: B\n  - id: c\n    title: C\n\tdescription: y\n\tparent: a\n"
    )
    tabs = [said for said in _topics_said(tmp_path, text) if "tab character" in said]
    assert tabs == [f"topics.yml:4:1: {_TAB} (lines 10 and 11 also start with a tab)"]


# Each topic's first line (its id, or an id YAML cannot read), a title with or without a
# syntax error, a threshold that is a number or not; the slips outside any topic.
_FIRSTS = ["  - id: t{n}", "  - id: t{n}: x"]
_TITLES = ["    title: T{n}", "    title: T{n}: x"]
_FRAMES = {"": ("topics:", ""), "colon": ("topics", ""), "bracket": ("topics: [", ""),
           "second document": ("topics:", "---\n")}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(st.tuples(st.booleans(), st.booleans(), st.booleans()), min_size=1, max_size=5),
    st.sampled_from(sorted(_FRAMES)),
)
def test_a_syntax_error_anywhere_hides_no_topic_s_own_mistake(tmp_path, topics, frame):
    # Exactly the topics with no syntax error of their own say their threshold that is
    # no number; each syntax error is said; a topic is one of the site only when nothing
    # is left unread but topics known by their ids.
    head, tail = _FRAMES[frame]
    lines = [head]
    for n, (bad_id, bad_title, bad_threshold) in enumerate(topics):
        lines += [_FIRSTS[bad_id].format(n=n), _TITLES[bad_title].format(n=n)]
        lines.append(f"    threshold: {'abc' if bad_threshold else '1'}")
    path = tmp_path / "topics.yml"
    path.write_text("\n".join(lines) + "\n" + tail, encoding="utf-8")
    problems = Problems()
    drafts, known, _ = read_topics(path, tmp_path, problems)
    said = [(p.location.line, p.message.split(":")[0]) for p in problems.sorted()]
    thresholds = [line for line, message in said if message.startswith("'threshold'")]
    assert thresholds == [
        3 * n + 4 for n, (bad_id, bad_title, bad) in enumerate(topics) if bad and not (bad_id or bad_title)
    ]
    syntax = sum(message == "YAML syntax error" for _, message in said)
    assert syntax == bool(frame) + sum(bad_id or bad_title for bad_id, bad_title, _ in topics)
    # (With its 'topics:' line and every topic unread, nothing of the file is left to read.)
    nothing_left = frame in ("colon", "bracket") and all(i or t for i, t, _ in topics)
    assert known == (not any(bad_id for bad_id, _, _ in topics) and not nothing_left)
    usable = [draft.id for draft in drafts if draft.usable]
    if frame or any(bad_id for bad_id, _, _ in topics):
        assert usable == []
    else:
        assert usable == [f"t{n}" for n, (_, bad, _) in enumerate(topics) if not bad]


def test_no_topic_is_said_to_be_empty_while_one_cannot_be_read(tmp_path):
    # 'transfer' gets its papers through its child, whose lines YAML cannot read.
    topics = """\
topics:
  - id: transfer
    title: Transfer
    keywords:
      nothing matches this: 1
  - id: in-context-learning
    title: In-context learning: a survey
    parent: transfer
    keywords:
      in-context: 1
"""
    root = project(tmp_path, topics, a=paper("a"))
    _, problems = load_content(root / "content", root)
    assert [str(p) for p in problems.sorted()] == [
        "content/topics.yml:7:31: YAML syntax error: a colon followed by a space inside an"
        " unquoted value; put the value in double quotes",
    ]


@pytest.mark.parametrize(
    "text, error",
    [
        ("- id: a\n", "content/topics.yml:1:1: topics.yml must be a mapping holding 'topics:',"
         " not a list"),
        ("topics: in-context-learning\n", "content/topics.yml:1:9: 'topics' must be a list of"
         " topics, not a string"),
        ("topcs: []\n", "content/topics.yml:1:1: unknown field 'topcs' in topics.yml (did you"
         " mean 'topics'? the required field 'topics' is missing)"),
        ("id: a\n", "content/topics.yml:1:1: missing required field 'topics'"),
    ],
)
def test_a_topics_file_without_a_list_of_topics_gives_no_unknown_topics(tmp_path, text, error):
    root = project(tmp_path, text, **TOPIC_REFS)
    assert error in messages(root)
    assert not [m for m in messages(root) if "unknown topic" in m]


def test_a_misspelt_topics_key_is_said_once_as_the_missing_topics(tmp_path):
    # (not also "missing required field 'topics'" at the file's start: one mistake)
    root = project(tmp_path, "# Topics\ntopcs:\n  - id: a\n    title: A\n", a=paper("a"))
    assert messages(root) == [
        "content/topics.yml:2:1: unknown field 'topcs' in topics.yml (did you mean 'topics'?"
        " the required field 'topics' is missing)"
    ]


def test_an_empty_list_of_topics_still_reports_unknown_topics(tmp_path):
    # `topics:` with nothing is a readable file without topics: naming one is a mistake.
    root = project(tmp_path, "topics:\n", a=paper("a", extra="topics: [in-context-learning]\n"))
    assert messages(root) == [
        "content/papers/a.yml:3:10: unknown topic 'in-context-learning'; remove it here, write the topic meant, or define it in topics.yml"
    ]


def test_a_paper_file_that_fails_to_parse_is_not_an_unknown_paper_elsewhere(tmp_path):
    root = project(
        tmp_path,
        TOPICS,
        a=paper("a", extra="abstract: x\nrelated: [c, b]\n"),
        b="id: b\ntitle: TaskWeb: Selecting Better Source Tasks\n",
        c=paper("c"),
    )
    assert messages(root) == [
        "content/papers/b.yml:2:15: YAML syntax error: a colon followed by a space inside an"
        " unquoted value; put the value in double quotes",
    ]
    content, _ = load_content(root / "content", root)
    assert [(p.id, p.related) for p in content.papers] == [("a", ("c",)), ("c", ())]
    assert content.topics[0].reading_order == ("a", "c")


def test_an_id_that_no_file_is_named_after_is_still_unknown(tmp_path):
    root = project(
        tmp_path,
        TOPICS,
        a=paper("a", extra="related: [bb]\n"),
        b="id: b\ntitle: [\n",
        c=paper("c"),
    )
    assert messages(root) == [
        "content/papers/a.yml:3:11: unknown paper 'bb'" + NO_SUCH_PAPER,
        "content/papers/b.yml:2:8: YAML syntax error: a list opened here with '[' is not"
        " closed: close it with ']' (if the value is text, not a list, put the whole value"
        " in double quotes)",
    ]


def test_a_copied_file_still_holding_the_old_id_gives_one_error(tmp_path):
    # dup-b.yml copied from dup-a.yml: its id is the one mistake. Naming dup-b elsewhere
    # is no second one, nor is the id being claimed twice.
    root = project(
        tmp_path,
        "topics:\n  - id: t\n    title: T\n    reading_order: [dup-a, dup-b, x]\n",
        **{
            "dup-a": "id: dup-a\ntitle: Dup A\ntopics: [t]\n",
            "dup-b": "id: dup-a\ntitle: Dup B\nrelated: [dup-a]\n",
            "x": "id: x\ntitle: X\nrelated: [dup-b]\n",
        },
    )
    assert messages(root) == [
        "content/papers/dup-b.yml:1:5: id 'dup-a' does not match the file name 'dup-b.yml', and"
        " content/papers/dup-a.yml is named for that id already: if this file is another paper,"
        " write 'id: dup-b'; if it is that paper, copy into content/papers/dup-a.yml what this"
        " file adds, then delete this file",
    ]
    content, _ = load_content(root / "content", root)
    assert [(p.id, p.title, p.related) for p in content.papers] == [
        ("dup-a", "Dup A", ()),
        ("x", "X", ()),
    ]
    assert content.topics[0].reading_order == ("dup-a", "x")


# The one error of a file copied from dup-a.yml that still holds its id: renaming the
# file to the id, which "rename one so they agree" offered, would write over dup-a.yml.
COPY_OF_DUP_A = (
    "content/papers/dup-b.yml:1:5: id 'dup-a' does not match the file name 'dup-b.yml', and"
    " content/papers/dup-a.yml is named for that id already: if this file is another paper,"
    " write 'id: dup-b'; if it is that paper, copy into content/papers/dup-a.yml what this"
    " file adds, then delete this file"
)


ONE_TOPIC = "topics:\n  - id: multi-task-learning\n    title: T\n    keywords:\n      multi-task: 1\n"


def test_a_copy_of_a_paper_file_still_holding_its_id_is_one_error_even_of_one_doi(tmp_path):
    # (curator walkthrough: a file copied to start a paper, or a second copy of one,
    # keeps the DOI too: "same paper as" on both files said to list in 'formerly:' the
    # copy's id, which is the kept paper's own id, an error there)
    doi = "doi: 10.1109/JPROC.2021.3058954\n"
    root = project(
        tmp_path,
        ONE_TOPIC,
        **{
            "dup-a": paper("dup-a", "Dup A", doi),
            "dup-b": paper("dup-a", "Dup A", doi),
        },
    )
    assert messages(root) == [COPY_OF_DUP_A]
    # Given its own id, the copy is a file of the same paper: that is said then.
    (root / "content" / "papers" / "dup-b.yml").write_text(paper("dup-b", "Dup A", doi), encoding="utf-8")
    assert [m.split(" (", 1)[0] for m in messages(root)] == [
        "content/papers/dup-a.yml:3:6: same paper as content/papers/dup-b.yml",
        "content/papers/dup-b.yml:3:6: same paper as content/papers/dup-a.yml",
    ]


def test_a_file_whose_id_no_other_file_has_is_told_both_ways_to_agree(tmp_path):
    root = project(tmp_path, ONE_TOPIC, **{"old-name": paper("new-name")})
    assert messages(root) == [
        "content/papers/old-name.yml:1:5: id 'new-name' does not match the file name"
        " 'old-name.yml'"
        "; rename the file, mv content/papers/old-name.yml content/papers/new-name.yml, or write"
        " 'id: old-name' (an id is its page's address: if the site was published with"
        " 'new-name', add 'formerly: [new-name]' so that address leads here)"
        "; to rename the paper, its old address leading to the new and what names it changed"
        " too, write 'id: old-name' back and run: readinglist rename old-name new-name"
    ]


@pytest.mark.parametrize(
    "field, told",
    [
        ("related: [multi-task-learning]", "11: unknown paper 'multi-task-learning': that is a"
         " topic's id; a paper's topics go in its 'topics:'"),
        ("topics: [b]", "10: unknown topic 'b': that is a paper's id; a paper linked by hand"
         " goes in 'related:'"),
        # (a topic named to keep this paper apart from: its topics are no place for it)
        ("not_related: [multi-task-learning]", "15: unknown paper 'multi-task-learning': that is"
         " a topic's id; 'not_related:' takes papers' ids, to keep those papers apart from this"
         " one; to keep this paper out of that topic, name it in 'exclude_topics:'"),
    ],
)
def test_an_id_of_the_other_kind_is_told_what_it_is(tmp_path, field, told):
    # (curator walkthrough: 'related: [multi-task-learning]', meant to put the paper in
    # the topic, was told only to write a paper's id, as of a typo)
    papers = {"a": paper("a", extra=f"{field}\n"), "b": paper("b")}
    assert messages(project(tmp_path, ONE_TOPIC, **papers)) == [f"content/papers/a.yml:3:{told}"]


@pytest.mark.parametrize(
    "named, meant",
    [
        ("b", ""),
        # (a paper's id close to a topic's, its first words: the topic may be the one meant)
        # (or its keyword: said so)
        ("multi-task", " (did you mean 'multi-task-learning'? it is about 'multi-task')"),
        ("multi-task-learning-survey", " (did you mean 'multi-task-learning'?)"),
    ],
)
def test_a_papers_id_under_exclude_topics_is_told_what_the_field_takes(tmp_path, named, meant):
    # A paper named under `exclude_topics:` was told "a paper linked by hand goes in
    # 'related:'": the opposite of what a curator keeping a paper out meant. The field
    # takes topics' ids; keeping two papers apart is `not_related:`'s.
    papers = {
        "a": paper("a", extra=f"exclude_topics: [{named}]\n"), named: paper(named),
    }
    assert messages(project(tmp_path, ONE_TOPIC, **papers)) == [
        f"content/papers/a.yml:3:18: unknown topic {named!r}: that is a paper's id;"
        f" 'exclude_topics:' takes topics' ids, to keep this paper out of those topics{meant};"
        " to keep the two papers apart (neither among the other's similar papers), name it"
        " in 'not_related:'"
    ]


def test_a_topics_id_under_not_related_suggests_no_paper_whose_id_starts_with_it(tmp_path):
    # The id is a topic's, whole: the topic is what was meant, not the paper whose id
    # happens to start with it, which was suggested (on the shipped list, for three of
    # its sixteen topics: "did you mean 'multi-task-learning-for-low-resource-...'?").
    papers = {
        "a": paper("a", extra="not_related: [multi-task-learning]\n"),
        "multi-task-learning-for-speech": paper("multi-task-learning-for-speech"),
    }
    assert messages(project(tmp_path, ONE_TOPIC, **papers)) == [
        "content/papers/a.yml:3:15: unknown paper 'multi-task-learning': that is a topic's id;"
        " 'not_related:' takes papers' ids, to keep those papers apart from this one; to keep"
        " this paper out of that topic, name it in 'exclude_topics:'"
    ]


# ------------------------------------------------------------ item 3: reading orders


@pytest.mark.parametrize(
    "order, warning",
    [
        ("[]", "4:20: warning: 'reading_order' is empty; list 3 to 6 papers or remove it"),
        ("", "4:19: warning: 'reading_order' is empty; list 3 to 6 papers or remove it"),
        ("[a]", "4:20: warning: 'reading_order' lists 1 paper; list 3 to 6 papers to read first"),
        ("[a, b]", "4:20: warning: 'reading_order' lists 2 papers; list 3 to 6 papers to read"
         " first"),
        ("[a, b, c, d, e, f, g]", "4:20: warning: 'reading_order' lists 7 papers; keep it to"
         " the 3 to 6 to read first"),
    ],
)
def test_a_reading_order_outside_three_to_six_is_a_warning_at_the_list(tmp_path, order, warning):
    topics = f"topics:\n  - id: t\n    title: T\n    reading_order: {order}\n    keywords:\n      in-context: 1\n"
    papers = {name: paper(name) for name in "abcdefg"}
    root = project(tmp_path, topics, **papers)
    assert messages(root) == [f"content/topics.yml:{warning}"]


def test_a_short_reading_order_of_every_paper_of_its_topic_is_no_warning(tmp_path):
    """A new list's topic of two papers, both in its reading order, was told to list 3 to
    6, which it cannot. A paper of the topic left out, by a keyword or by its file's
    `topics:`, makes it one to lengthen again."""
    topics = (
        "topics:\n  - id: t\n    title: T\n    reading_order: [a, b]\n"
        "    keywords:\n      in-context: 1\n"
    )
    other = "id: c\ntitle: Something else\n"
    root = project(tmp_path, topics, a=paper("a"), b=paper("b"), c=other)
    assert messages(root) == []  # (c, in no topic, is warned of so: `messages` leaves that out)
    short = "content/topics.yml:4:20: warning: 'reading_order' lists 2 papers; list 3 to 6 papers to read first"
    (root / "content" / "papers" / "c.yml").write_text(other + "topics: [t]\n", encoding="utf-8")
    assert messages(root) == [short]
    (root / "content" / "papers" / "c.yml").write_text(paper("c"), encoding="utf-8")  # (its keyword)
    assert messages(root) == [short]


@pytest.mark.parametrize("count", [3, 6])
def test_three_to_six_papers_in_a_reading_order_give_no_warning(tmp_path, count):
    names = "abcdef"[:count]
    topics = (
        f"topics:\n  - id: t\n    title: T\n    reading_order: [{', '.join(names)}]\n"
        "    keywords:\n      in-context: 1\n"
    )
    root = project(tmp_path, topics, **{name: paper(name) for name in names})
    assert messages(root) == []


def test_a_reading_order_may_not_list_a_paper_that_excludes_the_topic(tmp_path):
    root = project(
        tmp_path,
        TOPICS,
        a=paper("a"),
        b=paper("b", extra="exclude_topics: [multi-task-learning, in-context-learning]\n"),
        c=paper("c"),
    )
    assert messages(root) == [
        "content/topics.yml:6:24: paper 'b' is in the reading order of topic"
        " 'in-context-learning', but content/papers/b.yml:3:39 excludes the paper from that"
        " topic; remove one of the two",
    ]


DUPLICATED = TOPICS + """\
  - id: in-context-learning
    title: In-context learning again
    reading_order: [a, b, c]
"""


def test_a_duplicate_topics_reading_order_may_not_list_a_paper_that_excludes_it(tmp_path):
    # (curator: said of the first topic of an id only; the second's reading order, whose
    # other problems are said, listed the paper that excludes its id unremarked)
    first = TOPICS.replace("reading_order: [a, b, c]", "reading_order: [a, c, d]")
    root = project(
        tmp_path,
        first + DUPLICATED[len(TOPICS):],
        a=paper("a"),
        b=paper("b", extra="exclude_topics: [in-context-learning]\n"),
        c=paper("c"),
        d=paper("d"),
    )
    assert messages(root) == [
        "content/topics.yml:11:9: duplicate topic id 'in-context-learning' (first defined"
        " at line 2): the site has the first; give this one another id, or merge the two",
        "content/topics.yml:13:24: paper 'b' is in the reading order of topic"
        " 'in-context-learning', but content/papers/b.yml:3:18 excludes the paper from that"
        " topic; remove one of the two",
    ]


def test_a_topics_id_in_a_duplicate_topics_reading_order_is_told_what_a_reading_order_takes(tmp_path):
    # (as in the first topic of the id: a sub-topic meant, not a paper's topic)
    again = DUPLICATED[len(TOPICS):].replace("[a, b, c]", "[a, b, multi-task-learning]")
    root = project(tmp_path, TOPICS + again, a=paper("a"), b=paper("b"), c=paper("c"))
    assert messages(root)[1:] == [
        "content/topics.yml:13:27: unknown paper 'multi-task-learning': that is a topic's id;"
        " 'reading_order:' takes papers' ids, the papers to read first; to list"
        " 'multi-task-learning' on this topic's page as a sub-topic, give"
        " 'multi-task-learning' 'parent: in-context-learning'",
    ]


def test_a_rerun_says_a_duplicate_topics_reading_order_lists_a_paper_excluding_it(
    tmp_path, monkeypatch
):
    first = TOPICS.replace("reading_order: [a, b, c]", "reading_order: [a, c, d]")
    root = project(
        tmp_path / "p", first + DUPLICATED[len(TOPICS):],
        a=paper("a"), b=paper("b"), c=paper("c"), d=paper("d"),
    )
    work = _Project(root, monkeypatch, None)
    work.edit("b.yml", "multi-task\n", "multi-task\nexclude_topics: [in-context-learning]\n")
    assert work.check("b excludes the topic the duplicate's reading order gives it") is False
    assert [str(p) for p in work.fresh_problems.sorted()][1:] == [
        "content/topics.yml:13:24: paper 'b' is in the reading order of topic"
        " 'in-context-learning', but content/papers/b.yml:3:18 excludes the paper from that"
        " topic; remove one of the two",
    ]


def test_edits_checked_again_for_the_edited_file_alone_find_the_same_problems(
    tmp_path, monkeypatch
):
    """An edit rechecked without the other files (the FileCache path) must report
    exactly what a full load reports: the reading-order conflict included, and no
    unknown-paper error for a file that stopped parsing."""
    root = project(tmp_path / "p", TOPICS, a=paper("a"), b=paper("b"), c=paper("c", extra="related: [a]\n"))
    work = _Project(root, monkeypatch, None)
    b = "b.yml"
    work.edit(b, "multi-task\n", "multi-task\nexclude_topics: [in-context-learning]\n")
    assert work.check("b excludes a topic whose reading order lists it") is False
    assert [str(p) for p in work.fresh_problems.sorted()] == [
        "content/topics.yml:6:24: paper 'b' is in the reading order of topic"
        " 'in-context-learning', but content/papers/b.yml:3:18 excludes the paper from that"
        " topic; remove one of the two",
    ]
    work.edit(b, "exclude_topics: [in-context-learning]\n", "")
    assert work.check("the exclusion removed") is False
    assert work.fresh_problems.items == []
    work.edit("a.yml", "title: A in-context", "title: A: in-context")
    work.check("a stops parsing")
    assert [str(p) for p in work.fresh_problems.sorted()] == [
        "content/papers/a.yml:2:9: YAML syntax error: a colon followed by a space inside an"
        " unquoted value; put the value in double quotes",
    ]
    work.edit("c.yml", "related: [a]", "related: [a, b]")
    assert work.check("c edited while a does not parse") is False
    assert len(work.fresh_problems.items) == 1
    work.edit("topics.yml", "    title: Multi", "   title: Multi")
    work.check("topics.yml stops parsing")
    assert [str(p).split(": YAML")[0] for p in work.fresh_problems.sorted()] == [
        "content/papers/a.yml:2:9",
        "content/topics.yml:8:4",
    ]
    work.edit("c.yml", "related: [a, b]", "related: [a]\ntopics: [multi-task-learning]")
    assert work.check("c names a topic while topics.yml does not parse") is False
    assert len(work.fresh_problems.items) == 2


def test_a_rerun_says_what_became_of_a_missing_paper_as_a_full_load_does(tmp_path, monkeypatch):
    """What became of a deleted or renamed paper is told by which paper now holds its
    title (or arXiv id, DOI, abstract): an edit giving one to another paper changes what
    every reference to it says, in the files not edited too, a file whose id is unusable
    included. `serve` kept saying "it was deleted"."""
    from tests.test_check_beside import record

    root = project(
        tmp_path / "p", TOPICS, a=paper("a", extra="related: [old]\n"), b=paper("b"), c=paper("c"),
        d=paper("D_d", extra="related: [old]\n"),
    )
    record(root, old="Zebra stripes")
    deleted = "no paper 'old': it was deleted"
    assert sum(deleted in m for m in messages(root)) == 2
    work = _Project(root, monkeypatch, None)
    work.edit("b.yml", "title: B in-context multi-task", "title: Zebra stripes")
    work.check("b takes the deleted paper's title")
    renamed = "no paper 'old': it was renamed to 'b'; write 'b'"
    assert [str(p) for p in work.fresh_problems.items if "'old'" in str(p)] == [
        f"content/papers/d.yml:3:11: {renamed}",
        f"content/papers/a.yml:3:11: {renamed}",
        "content/papers/b.yml:1:5: warning: paper 'b' was imported as 'old'"
        " (content/sources/imported.json); add 'formerly: [old]' so the old address"
        " papers/old/ leads here and readers' marks follow",
    ]
    work.edit("b.yml", "title: Zebra stripes", "title: B in-context multi-task")
    work.check("b gives it up again")
    assert sum(deleted in str(p) for p in work.fresh_problems.items) == 2


# ------------------------------------------------------------ item 4: fields out of place


def test_a_field_at_the_wrong_indentation_says_where_it_belongs(tmp_path):
    root = project(
        tmp_path,
        TOPICS + "reading_order: [a]\n",
        a=paper("a", extra="links:\ncode:\n  - url: https://github.com/a/b\nfound_in: abstract\n"),
        b=paper(
            "b",
            extra="links:\n  code:\n    - url: https://github.com/a/b\n      project: []\n"
            "      tags: [x]\n  topics: []\n",
        ),
        c=paper("c", extra="note: a typo of notes, not a link's note\n"),
    )
    assert messages(root) == [
        "content/papers/a.yml:4:1: unknown field 'code'; it is a link kind: indent it under"
        " 'links:'",
        "content/papers/a.yml:6:1: unknown field 'found_in'; it is a field of a link: indent it"
        " under a link in 'links:'",
        "content/papers/b.yml:6:7: unknown field 'project' in a link; it is a link kind: indent"
        " it less, level with the other kinds under 'links:'",
        "content/papers/b.yml:7:7: unknown field 'tags' in a link; it is a paper field: write it"
        " at the start of its line, not indented",
        "content/papers/b.yml:8:3: unknown link kind 'topics'; it is a paper field: write it at"
        " the start of its line, not indented",
        "content/papers/c.yml:3:1: unknown field 'note' (did you mean 'notes'?)",
        "content/topics.yml:11:1: unknown field 'reading_order' in topics.yml; it is a field of"
        " a topic: indent it under a topic in 'topics:'",
    ]


def test_a_list_item_holding_a_colon_says_to_quote_it(tmp_path):
    # "- Smith: A" parses (as a mapping), so it is no syntax error; the hint comes with
    # the type error instead. A mapping of several keys is no slip of quoting.
    root = project(
        tmp_path,
        TOPICS,
        a=paper("a", extra="authors:\n  - Smith: A\n  - {x: 1, y: 2}\ntags: [a: b]\n"),
        b=paper("b"),
        c=paper("c"),
    )
    assert messages(root) == [
        "content/papers/a.yml:4:5: 'authors' item 1 must be a single value, not a mapping;"
        " if it holds a colon followed by a space, put it in double quotes",
        "content/papers/a.yml:5:5: 'authors' item 2 must be a single value, not a mapping",
        "content/papers/a.yml:6:8: 'tags' item 1 must be a single value, not a mapping;"
        " if it holds a colon followed by a space, put it in double quotes",
    ]


def test_the_reference_and_the_schema_give_the_length_the_check_warns_outside_of():
    from generator import schema
    from generator.reference import schema_reference_markdown

    (order,) = [f for f in schema.TOPIC_FIELDS if f.name == "reading_order"]
    assert schema.READING_ORDER_LENGTH == (3, 6)  # what README and the warnings say
    assert order.doc.endswith("(3 to 6).")
    assert "- A reading order lists 3 to 6 papers (more or fewer is a warning; fewer only" in (
        schema_reference_markdown()
    )


def test_a_title_edited_to_another_but_for_a_hyphen_is_warned_of_on_a_rerun_too(tmp_path, monkeypatch):
    root = project(tmp_path / "p", TOPICS, a=paper("a", "ReAct"), b=paper("b"), c=paper("c"))
    work = _Project(root, monkeypatch, None)
    assert work.check("nothing to say") is False
    assert work.fresh_problems.items == []
    work.edit("b.yml", "title: B in-context", "title: Re-Act in-context")
    work.check("b retitled so")
    hyphen = (
        " (the same title but for a hyphen or space); merge them: keep one file, copy into"
        " it what the other adds, delete the other and list its id in the kept one's"
        " 'formerly:', or, if they are two papers, give each its arXiv id or DOI, or its"
        " authors and year, or list either's id in the other's 'not_same_as:'"
    )
    assert [str(p) for p in work.fresh_problems.sorted()] == [
        "content/papers/a.yml:2:8: warning: same paper as content/papers/b.yml" + hyphen,
        "content/papers/b.yml:2:8: warning: same paper as content/papers/a.yml" + hyphen,
    ]
    work.edit("b.yml", "title: Re-Act in-context", "title: B in-context")
    work.check("b's title back")
    assert work.fresh_problems.items == []


def _wins(paper_id: str, ruler: str, where: str) -> str:
    return (
        f"warning: {ruler!r} is in related, but {where} lists this paper in not_related: the"
        f" link wins, so this paper's page lists {ruler!r} all the same (and that paper's"
        f" page does not list this one); remove {ruler!r} here to part the two, or"
        f" {paper_id!r} there to link them"
    )


def test_a_related_paper_whose_not_related_names_this_one_is_warned_of_at_the_link(tmp_path):
    # (curator: a links b, b rules a out; the site shows b on a's page and nothing said
    # which file wins)
    root = project(
        tmp_path,
        a=paper("a", extra="related: [c, b]\n"),
        b=paper("b", extra="not_related: [c, a]\n"),
        # c rules a out and links b, which rules c out: said at each link.
        c=paper("c", extra="related: [b]\nnot_related: [a]\n"),
        # d rules out a paper that does not link it: nothing to say.
        d=paper("d", extra="not_related: [b]\n"),
    )
    assert messages(root) == [
        "content/papers/a.yml:3:11: " + _wins("a", "c", "content/papers/c.yml:4:15"),
        "content/papers/a.yml:3:14: " + _wins("a", "b", "content/papers/b.yml:3:18"),
        "content/papers/c.yml:3:11: " + _wins("c", "b", "content/papers/b.yml:3:15"),
    ]


def _both_win(paper_id: str, ruler: str, where: str) -> str:
    return (
        f"warning: {ruler!r} is in related, but {where} lists this paper in not_related and"
        f" in related (an error there): the links win, so each page lists the other all the"
        f" same; remove {ruler!r} here and {paper_id!r} from that paper's related to part the"
        f" two, or {paper_id!r} from its not_related to link them"
    )


def test_a_link_ruled_out_by_a_file_that_links_it_too_says_both_pages_list_the_other(tmp_path):
    # (review: b lists a in related and in not_related, a links b: a's warning said b's
    # page does not list a, but b's link wins there too)
    root = project(
        tmp_path,
        a=paper("a", extra="related: [b]\n"),
        b=paper("b", extra="related: [a]\nnot_related: [a]\n"),
        c=paper("c"),
    )
    assert messages(root) == [
        "content/papers/a.yml:3:11: " + _both_win("a", "b", "content/papers/b.yml:4:15"),
        "content/papers/b.yml:4:15: 'a' is in both related and not_related; remove it from"
        " one: from not_related to link the two, from related to part them",
    ]
    content, _ = load_content(root / "content", root)
    related = {p.id: p.related for p in content.papers}
    assert related["a"] == ("b",) and related["b"] == ("a",)  # (what the warning says)


def test_a_ruling_file_linking_the_paper_too_is_warned_of_on_a_rerun_as_on_a_full_load(tmp_path, monkeypatch):
    root = project(tmp_path / "p", TOPICS, a=paper("a", extra="related: [b]\n"), b=paper("b"), c=paper("c"))
    work = _Project(root, monkeypatch, None)
    work.edit("b.yml", "multi-task\n", "multi-task\nnot_related: [a]\n")
    work.check("b rules a out")
    assert [str(p) for p in work.fresh_problems.sorted()] == [
        "content/papers/a.yml:3:11: " + _wins("a", "b", "content/papers/b.yml:3:15"),
    ]
    # b links a too: its own file's error, and a's warning says so.
    work.edit("b.yml", "not_related: [a]\n", "not_related: [a]\nrelated: [a]\n")
    work.check("b links a too")
    assert [str(p) for p in work.fresh_problems.sorted()] == [
        "content/papers/a.yml:3:11: " + _both_win("a", "b", "content/papers/b.yml:3:15"),
        "content/papers/b.yml:3:15: 'a' is in both related and not_related; remove it from"
        " one: from not_related to link the two, from related to part them",
    ]
    # a's file alone edited: its warning still says so.
    work.edit("a.yml", "title: A", "abstract: y\ntitle: A")
    assert work.check("a's link a line lower") is False
    assert [str(p) for p in work.fresh_problems.sorted()][0] == (
        "content/papers/a.yml:4:11: " + _both_win("a", "b", "content/papers/b.yml:3:15")
    )
    # b no longer links a: a's warning goes back to the other.
    work.edit("b.yml", "\nrelated: [a]\n", "\nrelated: [c]\n")
    work.check("b links c instead")
    assert [str(p) for p in work.fresh_problems.sorted()] == [
        "content/papers/a.yml:4:11: " + _wins("a", "b", "content/papers/b.yml:3:15"),
    ]
    work.edit("b.yml", "\nrelated: [c]\n", "\nrelated: [c, a]\n")
    work.check("b links a again")
    assert [str(p) for p in work.fresh_problems.sorted()][0] == (
        "content/papers/a.yml:4:11: " + _both_win("a", "b", "content/papers/b.yml:3:15")
    )


def test_a_link_ruled_out_by_the_other_file_is_warned_of_on_a_rerun_as_on_a_full_load(tmp_path, monkeypatch):
    root = project(tmp_path / "p", TOPICS, a=paper("a", extra="related: [b]\n"), b=paper("b"), c=paper("c"))
    work = _Project(root, monkeypatch, None)
    work.edit("b.yml", "multi-task\n", "multi-task\nnot_related: [a]\n")
    assert work.check("b rules a out") is True
    assert [str(p) for p in work.fresh_problems.sorted()] == [
        "content/papers/a.yml:3:11: " + _wins("a", "b", "content/papers/b.yml:3:15"),
    ]
    # An edit above b's entry moves it: a's warning follows.
    work.edit("b.yml", "title: B", "abstract: x\ntitle: B")
    assert work.check("b's entry a line lower") is True
    assert [str(p) for p in work.fresh_problems.sorted()] == [
        "content/papers/a.yml:3:11: " + _wins("a", "b", "content/papers/b.yml:4:15"),
    ]
    # a's file alone edited: checked again alone, the warning still said.
    work.edit("a.yml", "title: A", "abstract: y\ntitle: A")
    assert work.check("a's link a line lower") is False
    assert [str(p) for p in work.fresh_problems.sorted()] == [
        "content/papers/a.yml:4:11: " + _wins("a", "b", "content/papers/b.yml:4:15"),
    ]
    work.edit("a.yml", "related: [b]", "related: [c]")
    assert work.check("a links c instead") is False
    assert work.fresh_problems.items == []
    work.edit("a.yml", "related: [c]", "related: [c, b]")
    assert work.check("a links b again") is False
    assert [str(p) for p in work.fresh_problems.sorted()] == [
        "content/papers/a.yml:4:14: " + _wins("a", "b", "content/papers/b.yml:4:15"),
    ]
    work.edit("b.yml", "not_related: [a]", "not_related: []")
    work.check("b no longer rules a out")
    assert work.fresh_problems.items == []
    # Entries no link names are checked again with their file alone, and kept for the
    # next edit to be checked against.
    work.edit("a.yml", "related: [c, b]", "related: [c]")
    work.check("a no longer links b")
    work.edit("b.yml", "not_related: []", "not_related: [c, a]")
    assert work.check("b rules a out, a not linking it") is False
    assert work.fresh_problems.items == []
    work.edit("a.yml", "related: [c]", "related: [b]")
    assert work.check("a links b") is False
    assert [str(p) for p in work.fresh_problems.sorted()] == [
        "content/papers/a.yml:4:11: " + _wins("a", "b", "content/papers/b.yml:4:18"),
    ]


@pytest.mark.parametrize("field", ["related", "not_related", "not_same_as"])
def test_an_unknown_id_close_to_the_papers_own_is_not_told_its_own_id(tmp_path, field):
    # ('related: [model-soup]' in model-soups.yml was told "did you mean 'model-soups'?",
    # which check then refuses: a paper cannot name itself there. The closest other
    # paper is suggested, else none.)
    papers = {
        "model-soups": paper("model-soups", "Averaging weights", f"{field}: [model-soup, model-stok]\n"),
        "model-stock": paper("model-stock", "Fewer fine-tuned models"),
    }
    topics = "topics:\n  - id: t\n    title: T\n    keywords:\n      in-context: 1\n"
    assert messages(project(tmp_path, topics, **papers)) == [
        f"content/papers/model-soups.yml:3:{len(field) + 4}: unknown paper 'model-soup'" + NO_SUCH_PAPER,
        f"content/papers/model-soups.yml:3:{len(field) + 16}: unknown paper 'model-stok'"
        " (did you mean 'model-stock'?)",
    ]
