"""`readinglist topics --explain` asked of a paper whose file has an error."""

from __future__ import annotations

from generator.cli import main


def test_explain_of_a_paper_whose_file_does_not_read_says_so_not_that_no_such_paper_exists(tmp_path, capsys):
    # It said "no paper or topic with id 'graph-survey'; did you mean 'graph-nets'?": the
    # curator asked of the paper they were editing, and was pointed at another.
    papers = tmp_path / "content" / "papers"
    papers.mkdir(parents=True)
    (tmp_path / "content" / "topics.yml").write_text("topics:\n  - id: graphs\n    title: Graphs\n    keywords:\n      graph: 1\n")
    (papers / "graph-nets.yml").write_text("id: graph-nets\ntitle: Graph Nets\n")
    (papers / "graph-survey.yml").write_text('id: graph-survey\ntitle: "A Graph Survey\n')
    assert main(["--root", str(tmp_path), "topics", "--explain", "graph-survey"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("content/papers/graph-survey.yml:2:8: YAML syntax error")
    assert err[-1] == (
        "readinglist topics: paper 'graph-survey' is not read: its file,"
        " content/papers/graph-survey.yml, has the error above; fix it and ask again"
    )
