"""`readinglist gaps` on a small list whose gaps are known: its summary, its lines, the
filters, csv, and the exit statuses."""

from __future__ import annotations

import codecs
import csv
import io
from pathlib import Path

import pytest

from generator.cli import main
from generator.commands.gaps import HOW

TOPICS = """\
topics:
  - id: graph-learning
    title: Graph learning
    keywords:
      graph: 1
  - id: agents
    title: Agents
    keywords:
      agent: 1
"""

PAPERS = {
    # Lacks nothing.
    "full": """\
id: full
title: Graph Networks at Scale
authors: [Ada Lovelace]
year: 2021
venue: NeurIPS
arxiv: "2101.00001"
links:
  code:
    - url: https://github.com/o/full
abstract: A graph network.
""",
    # Lacks everything: no keyword of a topic matches its title either.
    "bare": "id: bare\ntitle: Something Else Entirely\n",
    # A preprint: no venue, no code.
    "preprint": """\
id: preprint
title: Graph Things
authors: [Alan Turing]
year: 2023
arxiv: "2301.00002"
abstract: About graph things.
""",
    # A book: its publisher is where it was published; a DOI its identifier.
    "book": """\
id: book
title: A Book of Agents
authors: [Grace Hopper]
year: 2019
publisher: MIT Press
doi: 10.1000/book
links:
  code:
    - url: https://github.com/o/book
abstract: Agents, in a book.
""",
    # In no topic by its words, but its file lists one.
    "listed": """\
id: listed
title: Notes on Nothing
authors: [Alan Kay]
year: 2020
venue: ICML
doi: 10.1000/listed
abstract: Nothing at all.
topics: [agents]
""",
    "agent-notes": "id: agent-notes\ntitle: Notes on an Agent\nyear: 2020\ndoi: 10.1000/notes\nabstract: An agent.\n",
}


@pytest.fixture
def lab(tmp_path: Path, monkeypatch) -> Path:
    # Files written a moment ago are settled: the load keeps what placing their papers in
    # topics gave, which gaps reads (a list's files are older than a few seconds; see
    # test_files_just_written_are_placed_again_to_the_same_answer for those that are not).
    monkeypatch.setattr("generator.paperdrafts._SETTLED_NS", 0)
    (tmp_path / "content" / "papers").mkdir(parents=True)
    (tmp_path / "content" / "topics.yml").write_text(TOPICS, encoding="utf-8")
    for paper_id, text in PAPERS.items():
        (tmp_path / "content" / "papers" / f"{paper_id}.yml").write_text(text, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: Lab\n", encoding="utf-8")  # (a project's)
    return tmp_path


# What gaps says before its answer of the lab's one warning, which `check` lists.
NOTE = "(1 warning(s): readinglist check lists them)\n"


def gaps(lab: Path, capsys, *args: str) -> tuple[int, str, str]:
    status = main(["--root", str(lab), "gaps", *args])
    out, err = capsys.readouterr()
    return status, out, err


def csv_rows(out: str) -> list[list[str]]:
    """The rows of gaps' CSV, its byte order mark (which papers.csv starts with too) first."""
    assert out.startswith("\ufeff")
    return list(csv.reader(io.StringIO(out.removeprefix("\ufeff"))))


def test_the_summary_counts_each_field_and_says_how_to_fill_what_is_lacking(lab, capsys):
    status, out, err = gaps(lab, capsys)
    assert (status, err) == (0, NOTE)
    assert main(["--root", str(lab), "check"]) == 0  # (the warning counted, listed)
    assert capsys.readouterr().out.splitlines()[-1].startswith("0 errors, 1 warning (")
    summary = out.split("\n\n")[0].splitlines()
    assert summary == [
        "6 papers; what their records lack:",
        "  authors    2",
        f"      {HOW['authors']}",
        "  year       1",
        f"      {HOW['year']}",
        "  venue      3",
        f"      {HOW['venue']}",
        "  identifier 1 (no arXiv id or DOI)",
        f"      {HOW['identifier']}",
        "  code       4",
        f"      {HOW['code']}",
        "  topics     1 (in no topic)",
        f"      {HOW['topics']}",
        "  abstract   1",
        f"      {HOW['abstract']}",
    ]


def test_the_papers_are_listed_by_their_files_lacking_the_most_first_then_by_id(lab, capsys):
    _, out, _ = gaps(lab, capsys)
    assert out.split("\n\n")[1].splitlines() == [
        "4 papers lacking something, those lacking the most first:",
        "content/papers/bare.yml: no authors, year, venue, identifier, code, topics, abstract",
        "content/papers/agent-notes.yml: no authors, venue, code",
        "content/papers/preprint.yml: no venue, code",
        # (In no topic by its words, but its file lists one; the book lacks nothing.)
        "content/papers/listed.yml: no code",
    ]


def test_a_field_with_nothing_lacking_says_no_way_to_fill_it(lab, capsys):
    (lab / "content" / "papers" / "bare.yml").unlink()
    _, out, _ = gaps(lab, capsys)
    lines = out.splitlines()
    assert "  topics     0 (in no topic)" in lines
    assert "  abstract   0" in lines
    assert f"      {HOW['topics']}" not in lines and f"      {HOW['abstract']}" not in lines


def test_a_way_said_as_another_fields_is_said_where_that_field_lacks_nothing(lab, capsys):
    # Every paper has its authors (the import's way is then not printed for them): the
    # year's way, "as for authors; ...", pointed at a line that is not there.
    for path in (lab / "content" / "papers").glob("*.yml"):
        text = path.read_text(encoding="utf-8")
        if "authors:" not in text:
            path.write_text(text + "authors: [Ada Lovelace]\n", encoding="utf-8")
    _, out, _ = gaps(lab, capsys)
    summary = out.split("\n\n")[0].splitlines()
    assert "  authors    0" in summary
    ways = [line.strip() for line in summary if line.startswith("      ")]
    assert ways[0].startswith("readinglist import FILE with a BibTeX or RIS export of these papers")
    assert ways[0].endswith("; or readinglist add ARXIV_ID (asks arXiv; fills authors and abstract too)")
    assert [way.split(";")[0] for way in ways[1:3]] == ["as for year, with records of the published versions", "as for year, with records that give one"]
    assert not any("as for authors" in way for way in ways)


def test_field_lists_only_the_papers_lacking_any_field_given(lab, capsys):
    status, out, _ = gaps(lab, capsys, "--field", "authors")
    assert status == 0
    listed = out.split("\n\n")[1].splitlines()
    assert listed == [
        "2 papers lacking authors, those lacking the most first:",
        "content/papers/bare.yml: no authors, year, venue, identifier, code, topics, abstract",
        "content/papers/agent-notes.yml: no authors, venue, code",
    ]
    # The counts stay the whole list's.
    assert out.startswith("6 papers; what their records lack:\n  authors    2\n")
    _, out, _ = gaps(lab, capsys, "--field", "abstract", "--field", "venue")
    assert out.split("\n\n")[1].splitlines()[0] == "3 papers lacking abstract or venue, those lacking the most first:"
    _, out, _ = gaps(lab, capsys, "--field", "topics")
    assert out.split("\n\n")[1].splitlines()[1:] == [
        "content/papers/bare.yml: no authors, year, venue, identifier, code, topics, abstract"
    ]


def test_topic_counts_and_lists_only_that_topics_papers(lab, capsys):
    status, out, _ = gaps(lab, capsys, "--topic", "agents")
    assert status == 0
    lines = out.splitlines()
    # book, agent-notes (by their words) and listed (by its file).
    assert lines[:2] == ["3 papers of topic 'agents'; what their records lack:", "  authors    1"]
    assert "  code       2" in lines and "  venue      1" in lines and "  topics     0 (in no topic)" in lines
    assert out.split("\n\n")[1].splitlines() == [
        "2 papers lacking something, those lacking the most first:",
        "content/papers/agent-notes.yml: no authors, venue, code",
        "content/papers/listed.yml: no code",
    ]


SUB_TOPICS = """\
  - id: tool-use
    title: Tool use
    parent: agents
    keywords:
      tool: 1
  - id: api-calls
    title: API calls
    parent: tool-use
    keywords:
      api: 1
"""


def test_topic_counts_and_lists_the_papers_of_its_sub_topics_too(lab, capsys):
    # "What is left to fill in for my topic" is about all it holds, as its card on the
    # site counts it ("3 papers, and 2 more in its sub-topic"): gaps counted only the papers
    # placed in the topic itself, and said nothing of the rest.
    (lab / "content" / "topics.yml").write_text(TOPICS + SUB_TOPICS, encoding="utf-8")
    papers = lab / "content" / "papers"
    # In a sub-topic only, and in one under it (no "agent" in them).
    (papers / "tools.yml").write_text("id: tools\ntitle: Learning to Use a Tool\n", encoding="utf-8")
    (papers / "apis.yml").write_text("id: apis\ntitle: Calling an API\nyear: 2024\n", encoding="utf-8")
    # In the topic and a sub-topic: counted once.
    (papers / "both.yml").write_text("id: both\ntitle: An Agent and a Tool\n", encoding="utf-8")
    status, out, _ = gaps(lab, capsys, "--topic", "agents")
    assert status == 0
    lines = out.splitlines()
    assert lines[:2] == [
        "6 papers of topic 'agents' and its 2 sub-topics (2 of them in a sub-topic only);"
        " what their records lack:",
        "  authors    4",
    ]
    assert "  year       2" in lines
    assert sorted(out.split("\n\n")[1].splitlines()[1:]) == [
        "content/papers/agent-notes.yml: no authors, venue, code",
        "content/papers/apis.yml: no authors, venue, identifier, code, abstract",
        "content/papers/both.yml: no authors, year, venue, identifier, code, abstract",
        "content/papers/listed.yml: no code",
        "content/papers/tools.yml: no authors, year, venue, identifier, code, abstract",
    ]
    # A sub-topic's own count is its papers and those under it; one with none under it
    # reads as before.
    assert gaps(lab, capsys, "--topic", "tool-use")[1].splitlines()[0] == (
        "3 papers of topic 'tool-use' and its 1 sub-topic (1 of them in a sub-topic only);"
        " what their records lack:"
    )
    assert gaps(lab, capsys, "--topic", "api-calls")[1].splitlines()[0] == (
        "1 paper of topic 'api-calls'; what their records lack:"
    )
    (papers / "apis.yml").write_text("id: apis\ntitle: Calling an API with a Tool\n", encoding="utf-8")
    assert gaps(lab, capsys, "--topic", "tool-use")[1].splitlines()[0] == (
        "3 papers of topic 'tool-use' and its 1 sub-topic (all of them in the topic itself);"
        " what their records lack:"
    )


def test_a_topic_and_sub_topic_with_no_paper_are_not_said_to_hold_all_in_the_topic(lab, capsys):
    # "(all of them in the topic itself)" was said of no paper at all.
    empty = (
        "  - id: quantum-widgets\n    title: Quantum widgets\n    keywords:\n      zzwidget: 1\n"
        "  - id: quantum-gadgets\n    title: Quantum gadgets\n    parent: quantum-widgets\n"
        "    keywords:\n      zzgadget: 1\n"
    )
    (lab / "content" / "topics.yml").write_text(TOPICS + empty, encoding="utf-8")
    status, out, _ = gaps(lab, capsys, "--topic", "quantum-widgets")
    assert status == 0
    assert out.splitlines()[0] == (
        "0 papers of topic 'quantum-widgets' and its 1 sub-topic; what their records lack:"
    )


def test_an_unknown_topic_is_a_wrong_argument_with_the_id_meant(lab, capsys):
    status, out, err = gaps(lab, capsys, "--topic", "agent")
    assert (status, out) == (2, "")
    # (its keyword: said so, as `check` says it of a paper's 'topics: [agent]')
    assert err == NOTE + (
        "readinglist gaps: no topic 'agent' (did you mean 'agents'? it is about 'agent'); readinglist topics"
        " lists them\n"
    )
    status, _, err = gaps(lab, capsys, "--topic", "bare")
    assert status == 2
    assert err == NOTE + "readinglist gaps: no topic 'bare': it is a paper (readinglist topics --explain bare)\n"


def test_an_unknown_topic_named_as_a_topics_keyword_is_told_that_topic_as_check_tells_it(lab, capsys):
    # (`check` told a paper's 'topics: [graphs]' the topic with the keyword "graph";
    # gaps said nothing)
    status, out, err = gaps(lab, capsys, "--topic", "graphs")
    assert (status, out) == (2, "")
    assert err == NOTE + (
        "readinglist gaps: no topic 'graphs' (did you mean 'graph-learning'? it is about 'graph');"
        " readinglist topics lists them\n"
    )
    status, out, _ = gaps(lab, capsys, "--topic", "graph-learning")  # (the id suggested, written)
    assert status == 0 and "of topic 'graph-learning'" in out.splitlines()[0]


def test_a_renamed_topic_is_told_its_new_id(lab, capsys):
    topics = lab / "content" / "topics.yml"
    topics.write_text(TOPICS.replace("title: Agents\n", "title: Agents\n    formerly: [llm-agents]\n"))
    status, _, err = gaps(lab, capsys, "--topic", "llm-agents")
    assert status == 2
    assert err == NOTE + "readinglist gaps: no topic 'llm-agents'; it was renamed to or merged into 'agents'\n"


def test_limit_cuts_the_list_and_says_how_many_more(lab, capsys):
    _, out, _ = gaps(lab, capsys, "--limit", "1")
    assert out.split("\n\n")[1].splitlines() == [
        "4 papers lacking something, those lacking the most first:",
        "content/papers/bare.yml: no authors, year, venue, identifier, code, topics, abstract",
        "... and 3 more: --limit 0 for all",
    ]
    _, every, _ = gaps(lab, capsys, "--limit", "0")
    assert "... and" not in every and len(every.split("\n\n")[1].splitlines()) == 5


def test_the_default_limit_is_twenty_papers(lab, capsys):
    for n in range(25):
        (lab / "content" / "papers" / f"extra-{n:02d}.yml").write_text(
            f"id: extra-{n:02d}\ntitle: Graph paper {n}\nabstract: A graph.\n", encoding="utf-8"
        )
    _, out, _ = gaps(lab, capsys)
    listed = out.split("\n\n")[1].splitlines()
    assert listed[0] == "29 papers lacking something, those lacking the most first:"
    assert len(listed) == 1 + 20 + 1
    assert listed[-1] == "... and 9 more: --limit 0 for all"


@pytest.mark.parametrize(
    "args", [["--limit", "-1"], ["--limit", "many"], ["--field", "title"], ["--format", "json"]]
)
def test_a_wrong_argument_exits_with_status_2(lab, capsys, args):
    with pytest.raises(SystemExit) as stop:
        main(["--root", str(lab), "gaps", *args])
    assert stop.value.code == 2
    assert "readinglist gaps: error:" in capsys.readouterr().err


def test_csv_reads_back_as_one_row_per_paper_lacking_something(lab, capsys):
    (lab / "content" / "papers" / "preprint.yml").write_text(
        PAPERS["preprint"].replace("title: Graph Things", 'title: "Graph Things, \\"Quoted\\""')
    )
    status, out, err = gaps(lab, capsys, "--format", "csv")
    assert (status, err) == (0, NOTE)
    rows = csv_rows(out)
    assert rows == [
        ["file", "id", "title", "lacking", "authors", "year", "venue", "identifier", "code", "topics", "abstract"],
        ["content/papers/bare.yml", "bare", "Something Else Entirely", "7", "1", "1", "1", "1", "1", "1", "1"],
        ["content/papers/agent-notes.yml", "agent-notes", "Notes on an Agent", "3", "1", "0", "1", "0", "1", "0", "0"],
        ["content/papers/preprint.yml", "preprint", 'Graph Things, "Quoted"', "2", "0", "0", "1", "0", "1", "0", "0"],
        ["content/papers/listed.yml", "listed", "Notes on Nothing", "1", "0", "0", "0", "0", "1", "0", "0"],
    ]  # fmt: skip
    # Filters apply; --limit too, when given.
    _, out, _ = gaps(lab, capsys, "--format", "csv", "--field", "year", "--limit", "5")
    assert [row[1] for row in csv_rows(out)] == ["id", "bare"]


def test_csv_keeps_a_title_that_starts_as_a_formula_text_as_papers_csv_does(lab, capsys):
    # "for a spreadsheet": a title from an imported record, '=HYPERLINK(...)', was written
    # as is, and a spreadsheet opening the file ran it (papers.csv has kept such cells
    # text with an apostrophe).
    (lab / "content" / "papers" / "preprint.yml").write_text(
        PAPERS["preprint"].replace("title: Graph Things", """title: '=HYPERLINK("https://evil.example/", "Graph Things")'""")
    )
    _, out, _ = gaps(lab, capsys, "--format", "csv")
    titles = {row[1]: row[2] for row in csv_rows(out)}
    assert titles["preprint"] == """'=HYPERLINK("https://evil.example/", "Graph Things")"""
    assert titles["bare"] == "Something Else Entirely"


def test_a_list_without_gaps_says_so(tmp_path, capsys):
    (tmp_path / "content" / "papers").mkdir(parents=True)
    (tmp_path / "content" / "topics.yml").write_text(TOPICS)
    (tmp_path / "content" / "papers" / "full.yml").write_text(PAPERS["full"])
    status, out, _ = gaps(tmp_path, capsys)
    assert status == 0
    assert out.endswith("\n\nNo paper lacks anything.\n")
    _, out, _ = gaps(tmp_path, capsys, "--field", "code", "--field", "year")
    assert out.endswith("\n\nNo paper lacks code or year.\n")


def test_a_list_without_papers_is_told_how_to_bring_them_in(tmp_path, capsys):
    # After `init` it printed "0 papers; what their records lack:", a 0 for each field,
    # and "No paper lacks anything.": true, and nothing to act on.
    (tmp_path / "content" / "papers").mkdir(parents=True)
    (tmp_path / "content" / "topics.yml").write_text("topics: []\n")
    status, out, err = gaps(tmp_path, capsys)
    assert (status, err) == (0, NOTE)  # (no mkdocs.yml here: check's warning, counted)
    assert out == (
        "No papers yet in content/papers/: bring them in with readinglist import FILE (BibTeX,"
        " RIS, a Markdown list) or readinglist add ID (an arXiv id or a DOI).\n"
    )
    # A spreadsheet's file still gets its header row, for a script that reads it.
    status, out, _ = gaps(tmp_path, capsys, "--format", "csv")
    assert status == 0
    header = ["file", "id", "title", "lacking", "authors", "year", "venue", "identifier", "code", "topics", "abstract"]
    assert csv_rows(out) == [header]


def test_a_list_without_topics_has_every_paper_in_no_topic(lab, capsys):
    (lab / "content" / "topics.yml").write_text("topics: []\n")
    (lab / "content" / "papers" / "listed.yml").write_text(PAPERS["listed"].replace("topics: [agents]\n", ""))
    _, out, _ = gaps(lab, capsys)
    lines = out.splitlines()
    at = lines.index("  topics     6 (in no topic)")
    # Not "readinglist topics --explain ID says why": there is no topic to explain.
    assert lines[at + 1] == '      no topic is defined yet: write them in content/topics.yml (README: "Defining a topic")'


def test_an_error_in_content_is_said_and_the_rest_still_reported(lab, capsys):
    broken = lab / "content" / "papers" / "preprint.yml"
    broken.write_text(PAPERS["preprint"].replace("year: 2023", "year: next year"))
    status, out, err = gaps(lab, capsys)
    assert status == 1
    assert err.splitlines()[0].startswith("content/papers/preprint.yml:4:7: ")
    assert err.splitlines()[-1] == "1 error in content/; what follows leaves out what they concern"
    # The paper is read without its year (its other values kept), but it lacks none: its
    # file writes one that the error above says how to write. (It was said to lack one,
    # with the import's way to fill it, which keeps the file's year.)
    assert "content/papers/preprint.yml: no venue, code" in out.splitlines()
    assert "  year       1" in out.splitlines()  # ("bare"'s, which has none)


def test_fields_written_in_a_form_check_refuses_are_not_counted_as_lacking(lab, capsys):
    papers = lab / "content" / "papers"
    (papers / "preprint.yml").write_text(
        PAPERS["preprint"].replace('arxiv: "2301.00002"', "arxiv: arXiv:2301.00002")
        .replace("authors: [Alan Turing]", "authors: Alan Turing")
        + "links:\n  code: https://github.com/o/preprint\n  project: [https://o.github.io/]\n",
        encoding="utf-8",
    )
    # An error elsewhere in a file, at no field gaps counts, leaves its gaps as they were.
    (papers / "bare.yml").write_text(PAPERS["bare"] + "status: must read\n", encoding="utf-8")
    status, out, err = gaps(lab, capsys)
    assert status == 1
    assert [line.split(": ", 1)[0] for line in err.splitlines()[:5]] == [
        "content/papers/bare.yml:3:9",
        "content/papers/preprint.yml:3:10",  # authors, a string
        "content/papers/preprint.yml:5:8",  # arxiv, with its prefix
        "content/papers/preprint.yml:8:9",  # links: code:, a string
        "content/papers/preprint.yml:9:13",  # links: project:, an item not a mapping
    ]
    # Its authors, arXiv id and code are written, wrongly; its venue it lacks.
    assert "content/papers/preprint.yml: no venue" in out.splitlines()
    assert "content/papers/bare.yml: no authors, year, venue, identifier, code, topics, abstract" in out.splitlines()
    summary = out.split("\n\n")[0].splitlines()
    assert [line for line in summary if not line.startswith("      ")] == [
        "6 papers; what their records lack:",
        "  authors    2",
        "  year       1",
        "  venue      3",
        "  identifier 1 (no arXiv id or DOI)",
        "  code       3",
        "  topics     1 (in no topic)",
        "  abstract   1",
    ]


def test_fields_left_empty_that_check_refuses_are_still_counted_as_lacking(lab, capsys):
    # 'doi: ""' and a code link's 'url: ""' are refused by check, but hold nothing: the
    # paper lacks them, and an import fills them (it fills 'doi: ""'), as gaps says.
    papers = lab / "content" / "papers"
    (papers / "preprint.yml").write_text(
        PAPERS["preprint"].replace('arxiv: "2301.00002"\n', 'doi: ""\n')
        + 'links:\n  code:\n    - url: ""\n',
        encoding="utf-8",
    )
    status, out, err = gaps(lab, capsys)
    assert status == 1
    assert [line.split(": ", 1)[0] for line in err.splitlines()[:2]] == [
        "content/papers/preprint.yml:5:6",
        "content/papers/preprint.yml:9:12",
    ]
    assert "content/papers/preprint.yml: no venue, identifier, code" in out.splitlines()


def test_a_folder_without_content_is_an_error_and_no_report(tmp_path, capsys):
    status, out, err = gaps(tmp_path, capsys)
    assert (status, out) == (1, "")
    # (It said "what follows leaves out what they concern", and nothing followed.)
    assert err.splitlines() == [
        f"content: no such folder in {tmp_path}; --root must name the project folder, the one holding mkdocs.yml and content/",
        "1 error; nothing was listed.",
    ]


def test_a_list_that_could_not_be_read_is_no_report_of_no_gaps(lab, capsys):
    # A rename cut off stops the load (its journal is all check says): no paper is read,
    # and "0 papers ... lacks anything" would say the list has nothing to fill.
    (lab / "content" / ".rename.json").write_text("{not json")
    status, out, err = gaps(lab, capsys)
    assert (status, out) == (1, "")
    assert err.splitlines()[0].startswith("content/.rename.json: ")
    assert err.splitlines()[-1] == "1 error; nothing was listed."


def test_the_output_is_the_same_on_every_run(lab, capsys):
    first = gaps(lab, capsys)
    assert gaps(lab, capsys) == first
    assert gaps(lab, capsys, "--format", "csv") == gaps(lab, capsys, "--format", "csv")


def test_files_just_written_are_placed_again_to_the_same_answer(lab, capsys, monkeypatch):
    # The load keeps nothing of a file written in the last two seconds, nor so what
    # placing its paper gave: gaps places the papers itself, to the same answer.
    settled = [gaps(lab, capsys, *args) for args in ([], ["--topic", "agents"])]
    monkeypatch.setattr("generator.paperdrafts._SETTLED_NS", 10**18)
    assert [gaps(lab, capsys, *args) for args in ([], ["--topic", "agents"])] == settled


def test_csv_quotes_every_value_as_papers_csv_does(lab, capsys):
    # A spreadsheet set to ';' splits an unquoted cell at its ';': papers.csv quotes every
    # value so a reader that honours quotes keeps 'Graph; Things' one cell; gaps' CSV,
    # for the same spreadsheets, wrote it bare.
    (lab / "content" / "papers" / "preprint.yml").write_text(
        PAPERS["preprint"].replace("title: Graph Things", "title: 'Graph;=2+2 Things'")
    )
    _, out, _ = gaps(lab, capsys, "--format", "csv")
    line = next(line for line in out.splitlines() if "preprint" in line)
    assert line.startswith('"content/papers/preprint.yml","preprint","Graph;\'=2+2 Things","2",')
    assert all(line.startswith('"') and line.endswith('"') for line in out.removeprefix("\ufeff").splitlines())


def test_csv_is_utf_8_with_a_byte_order_mark_as_papers_csv_is_whatever_stdout_encodes(lab, capsys, monkeypatch):
    # (papers.csv starts with a byte order mark, without which Excel reads UTF-8 as the
    # system's legacy code page: "TÜLU" shows as "TÃœLU"; gaps' CSV, for the same
    # spreadsheets, had none.) Redirected to a file on Windows, stdout encodes in that
    # code page: the file is UTF-8 all the same, a title no code page holds in it too.
    (lab / "content" / "papers" / "preprint.yml").write_text(
        PAPERS["preprint"].replace("title: Graph Things", "title: Graph Things in TÜLU 图"), encoding="utf-8"
    )
    stdout = io.TextIOWrapper(io.BytesIO(), encoding="cp1252")
    monkeypatch.setattr("sys.stdout", stdout)
    assert main(["--root", str(lab), "gaps", "--format", "csv"]) == 0
    stdout.flush()
    data = stdout.buffer.getvalue()
    assert data.startswith(codecs.BOM_UTF8)
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][:3] == ["file", "id", "title"]
    assert {row[1]: row[2] for row in rows}["preprint"] == "Graph Things in TÜLU 图"
