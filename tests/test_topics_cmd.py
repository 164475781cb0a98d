"""`readinglist topics` where content/ has an error: what it says, and when it stops."""

from __future__ import annotations

from generator.cli import main


def _graphs_with_a_paper_that_does_not_read(tmp_path) -> None:
    """A topic, a paper, and a paper whose file is not YAML (a quote left open)."""
    papers = tmp_path / "content" / "papers"
    papers.mkdir(parents=True)
    (tmp_path / "content" / "topics.yml").write_text("topics:\n  - id: graphs\n    title: Graphs\n    keywords:\n      graph: 1\n")
    (papers / "graph-nets.yml").write_text("id: graph-nets\ntitle: Graph Nets\n")
    (papers / "graph-survey.yml").write_text('id: graph-survey\ntitle: "A Graph Survey\n')


def test_explain_of_a_paper_whose_file_does_not_read_says_so_not_that_no_such_paper_exists(tmp_path, capsys):
    # It said "no paper or topic with id 'graph-survey'; did you mean 'graph-nets'?": the
    # curator asked of the paper they were editing, and was pointed at another.
    _graphs_with_a_paper_that_does_not_read(tmp_path)
    assert main(["--root", str(tmp_path), "topics", "--explain", "graph-survey"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("content/papers/graph-survey.yml:2:8: YAML syntax error")
    assert err[1] == "1 error; nothing was explained."
    assert err[-1] == (
        "readinglist topics: paper 'graph-survey' is not read: its file,"
        " content/papers/graph-survey.yml, has the error above; fix it and ask again"
    )


def test_in_a_folder_without_content_it_says_the_error_and_that_nothing_follows(tmp_path, capsys):
    # It said "1 error in content/; what follows leaves out what they concern", and
    # nothing followed.
    for explain in ([], ["--explain", "x"]):
        assert main(["--root", str(tmp_path), "topics", *explain]) == 1
        out, err = capsys.readouterr()
        assert out == ""
        assert err.splitlines() == [
            f"content: no such folder in {tmp_path}; --root must name the project folder, the one holding mkdocs.yml and content/",
            "1 error; nothing was listed." if not explain else "1 error; nothing was explained.",
        ]


def test_a_topics_file_that_does_not_read_is_no_table_of_no_topics(tmp_path, capsys):
    # "0 topics, 1 papers; ... 1 without any topic" said of a list whose topics were not read.
    papers = tmp_path / "content" / "papers"
    papers.mkdir(parents=True)
    (tmp_path / "content" / "topics.yml").write_text("topics: [\n")
    (papers / "graph-nets.yml").write_text("id: graph-nets\ntitle: Graph Nets\n")
    assert main(["--root", str(tmp_path), "topics"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines()[0].startswith("content/topics.yml:1:9: YAML syntax error")
    assert err.splitlines()[-1] == "1 error; nothing was listed."


def test_an_error_elsewhere_is_said_and_the_table_still_follows(tmp_path, capsys):
    _graphs_with_a_paper_that_does_not_read(tmp_path)
    assert main(["--root", str(tmp_path), "topics"]) == 1
    out, err = capsys.readouterr()
    assert err.splitlines()[-1] == "1 error in content/; what follows leaves out what they concern"
    assert "graphs" in out.split()


def test_a_misspelt_id_of_a_paper_whose_file_does_not_read_is_told_that_paper(tmp_path, capsys):
    # (curator asking of the paper they were editing, its id mistyped: it said "no paper
    # or topic with id 'graph-survy'; did you mean 'graph-nets'?", another paper, as the
    # ids of files that did not load were not among those offered)
    _graphs_with_a_paper_that_does_not_read(tmp_path)
    assert main(["--root", str(tmp_path), "topics", "--explain", "graph-survy"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("content/papers/graph-survey.yml:2:8: YAML syntax error")
    # Its id is known from its file's name; asked of it, it would be "not read" (above).
    assert err[-1] == (
        "readinglist topics: no paper or topic with id 'graph-survy'; did you mean"
        " 'graph-survey'? (not read: its file, content/papers/graph-survey.yml, has the error above)"
    )


def test_topics_and_gaps_count_the_warnings_check_lists(tmp_path, capsys):
    # (audit: after init, `topics` said "(6 warning(s) in content/ ...)" where `check` said
    # 7, the home page still the example's not counted; `gaps` said no count at all)
    papers = tmp_path / "content" / "papers"
    papers.mkdir(parents=True)
    (tmp_path / "content" / "topics.yml").write_text("topics:\n  - id: graphs\n    title: Graphs\n    keywords:\n      graph: 1\n")
    (papers / "graph-nets.yml").write_text("id: graph-nets\ntitle: Graph Nets\n")
    (papers / "graph-survey.yml").write_text("id: graph-survey\ntitle: A Graph Survey\nyear: 2999\n")
    pages = tmp_path / "content" / "pages"
    pages.mkdir()
    (pages / "index.md").write_text("# Learning across tasks: a reading list\n\nPapers.\n")  # (init leaves it)
    (tmp_path / "mkdocs.yml").write_text('site_name: "Learning across tasks: a reading list"\n')
    assert main(["--root", str(tmp_path), "check"]) == 0
    out = capsys.readouterr().out.splitlines()
    warnings = [line for line in out if ": warning: " in line]
    # Of a paper's file, of the home page, and of mkdocs.yml, each said by check (by hand:
    # the year from the future, and the example's introduction and name).
    assert any(line.startswith("content/papers/graph-survey.yml:3:7: warning: 'year' is 2999") for line in warnings)
    assert any(line.startswith("content/pages/index.md:1:1: warning: the home page is still") for line in warnings)
    assert any(line.startswith("mkdocs.yml:1:12: warning: 'site_name' is still") for line in warnings)
    assert out[-1].startswith(f"0 errors, {len(warnings)} warnings (")
    for command in ("topics", "gaps"):
        assert main(["--root", str(tmp_path), command]) == 0, command
        assert capsys.readouterr().err.splitlines() == [
            f"({len(warnings)} warning(s): readinglist check lists them)"
        ], command


def test_a_list_just_started_is_told_what_to_write_not_shown_an_empty_table(tmp_path, capsys):
    # After `init` (topics: [], no paper) it printed a header row and "0 topics, 0
    # papers; 0 placed only as a weak match ..., 0 without any topic": nothing to act on.
    papers = tmp_path / "content" / "papers"
    papers.mkdir(parents=True)
    (tmp_path / "content" / "topics.yml").write_text("topics: []\n")
    assert main(["--root", str(tmp_path), "topics"]) == 0
    no_papers = (
        "No papers yet in content/papers/: bring them in with readinglist import FILE (BibTeX,"
        " RIS, a Markdown list) or readinglist add ID (an arXiv id or a DOI)."
    )
    no_topics = (
        "No topics yet: write them in content/topics.yml, under 'topics:' (its comment says how"
        ' they match papers; README: "Defining a topic").'
    )
    assert capsys.readouterr().out.splitlines() == [no_papers, no_topics]
    # Papers and no topic: only the topics are said to be missing.
    (papers / "graph-nets.yml").write_text("id: graph-nets\ntitle: Graph Nets\n")
    assert main(["--root", str(tmp_path), "topics"]) == 0
    assert capsys.readouterr().out.splitlines() == [no_topics]
    # Asked why a paper has no topic, it was told to add a word to "a topic's keywords".
    assert main(["--root", str(tmp_path), "topics", "--explain", "graph-nets"]) == 0
    assert capsys.readouterr().out.splitlines() == [f"graph-nets: in no topic, since there is none. {no_topics}"]
    # Topics and no paper: said, and the topics are listed all the same, for their ids.
    (papers / "graph-nets.yml").unlink()
    (tmp_path / "content" / "topics.yml").write_text(
        "topics:\n  - id: graphs\n    title: Graphs\n    keywords:\n      graph: 1\n")
    assert main(["--root", str(tmp_path), "topics"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[:3] == [no_papers, "", "ID      TITLE   PAPERS  PARENT"]
    assert out[3] == "graphs  Graphs       0  -"


def _project(tmp_path, topics: str, titles: dict[str, str]) -> None:
    """A list of the topics ``topics`` (topics.yml's text) and papers (id -> title)."""
    papers = tmp_path / "content" / "papers"
    papers.mkdir(parents=True)
    (tmp_path / "content" / "topics.yml").write_text(topics)
    for paper_id, title in titles.items():
        (papers / f"{paper_id}.yml").write_text(f"id: {paper_id}\ntitle: {title}\n")
    (tmp_path / "mkdocs.yml").write_text("site_name: Lab\n")


def _suggests(tmp_path, capsys, asked: str, suggested: str) -> None:
    """`topics --explain ASKED` names nothing, and what it suggests is ``suggested``."""
    assert main(["--root", str(tmp_path), "topics", "--explain", asked]) == 1
    assert capsys.readouterr().err.splitlines()[-1] == (
        f"readinglist topics: no paper or topic with id {asked!r}{suggested}"
    )


def _lora_and_a_topic(tmp_path) -> None:
    papers = tmp_path / "content" / "papers"
    papers.mkdir(parents=True)
    (tmp_path / "content" / "topics.yml").write_text(
        "topics:\n  - id: multi-task-learning\n    title: Multi-task learning\n    keywords:\n      multi-task: 1\n"
    )
    (papers / "lora-low-rank-adaptation-of-large-language-models.yml").write_text(
        'id: lora-low-rank-adaptation-of-large-language-models\ntitle: "LoRA: Low-Rank Adaptation of Large'
        ' Language Models"\narxiv: "2106.09685"\ntopics: [multi-task-learning]\n'
    )
    (tmp_path / "mkdocs.yml").write_text("site_name: Lab\n")


def test_explain_of_a_paper_named_as_check_and_rename_name_it_suggests_that_paper(tmp_path, capsys):
    # (audit: `readinglist topics --explain lora` said "no paper or topic with id 'lora'"
    # and nothing more, where `rename lora x` offers the paper; its arXiv id as pasted, or
    # its title, were no help either: difflib's likeness to the long id was too low)
    _lora_and_a_topic(tmp_path)
    lora = "lora-low-rank-adaptation-of-large-language-models"
    title = "LoRA: Low-Rank Adaptation of Large Language Models"
    for asked, suggested in [
        ("lora", f"; did you mean {lora!r}?"),
        ("arXiv:2106.09685", f"; did you mean {lora!r}, the paper titled {title!r}?"),
        (title, f"; did you mean {lora!r}, the paper titled {title!r}?"),
        ("multi-task-learnin", "; did you mean 'multi-task-learning'?"),  # (a topic's typo: as before)
    ]:
        _suggests(tmp_path, capsys, asked, suggested)


def test_explain_of_an_id_only_loosely_like_another_suggests_none(tmp_path, capsys):
    # It said "did you mean 'multi-task-learning'?" of 'meta-learning-survey' (difflib's
    # ratio), another subject: `check` stopped offering such likenesses (typos.closest).
    _lora_and_a_topic(tmp_path)
    assert main(["--root", str(tmp_path), "topics", "--explain", "meta-learning-survey"]) == 1
    assert capsys.readouterr().err.splitlines()[-1] == (
        "readinglist topics: no paper or topic with id 'meta-learning-survey'"
    )


def test_explain_of_a_word_naming_a_paper_and_a_topic_suggests_both(tmp_path, capsys):
    # (review of 8ce88493: the paper, looked for first, hid the topic. "in-context" was
    # told only of the paper 'in-context-learning-creates-task-vectors', where the topic
    # 'in-context-learning' begins with it as well, and the command is about topics.)
    _project(
        tmp_path,
        "topics:\n  - id: in-context-learning\n    title: In-context learning\n    keywords:\n      in-context: 1\n"
        "  - id: model-merging\n    title: Model merging\n    keywords:\n      merging: 1\n",
        {"in-context-learning-creates-task-vectors": "In-Context Learning Creates Task Vectors",
         "merging-survey": "Model Merging"},
    )
    for asked, suggested in [
        ("in-context", "; did you mean the paper 'in-context-learning-creates-task-vectors', or the topic"
         " 'in-context-learning'?"),
        # (The paper by its title, the topic by its id a slip away: spaces and capitals.)
        ("Model Merging", "; did you mean 'merging-survey', the paper titled 'Model Merging', or the topic"
         " 'model-merging'?"),
        # (A paper's title alone, a topic's id alone: one each, as before.)
        ("In-Context Learning Creates Task Vectors", "; did you mean 'in-context-learning-creates-task-vectors',"
         " the paper titled 'In-Context Learning Creates Task Vectors'?"),
        ("model-mergin", "; did you mean 'model-merging'?"),
    ]:
        _suggests(tmp_path, capsys, asked, suggested)


def test_explain_of_a_slip_of_an_unread_paper_says_it_is_not_read_beside_the_topic(tmp_path, capsys):
    # (The note that the paper's file did not load follows the paper, not the topic.)
    _graphs_with_a_paper_that_does_not_read(tmp_path)
    (tmp_path / "content" / "topics.yml").write_text(
        "topics:\n  - id: graph-surveys\n    title: Surveys of graphs\n    keywords:\n      graph: 1\n"
    )
    assert main(["--root", str(tmp_path), "topics", "--explain", "graph-survy"]) == 1
    assert capsys.readouterr().err.splitlines()[-1] == (
        "readinglist topics: no paper or topic with id 'graph-survy'; did you mean the paper 'graph-survey'"
        " (not read: its file, content/papers/graph-survey.yml, has the error above), or the topic"
        " 'graph-surveys'?"
    )


def test_explain_of_an_id_several_ids_are_as_close_to_offers_each_not_the_shortest(tmp_path, capsys):
    # It offered the shortest of the ids "eliciting" begins, as if it were the one meant,
    # where `readinglist`'s other hints (an unknown option) list each close one.
    ids = ["eliciting-human-preferences", "eliciting-and-understanding-cross-task-skills",
           "exploring-art", "exploring-bias", "exploring-cats", "exploring-dogs", "exploring-eels",
           "language-models-are-weak-learners", "graph-nets", "graph-neta"]
    _project(
        tmp_path,
        "topics:\n  - id: language-agents\n    title: Agents\n    keywords:\n      agent: 1\n"
        "  - id: language-model-training\n    title: Training\n    keywords:\n      pretraining: 1\n",
        {paper_id: paper_id.replace("-", " ") for paper_id in ids},
    )
    for asked, suggested in [
        ("eliciting", "; did you mean 'eliciting-human-preferences' or"
         " 'eliciting-and-understanding-cross-task-skills'?"),
        # (Each is as close; past three, how many more. Shortest first, then A to Z.)
        ("exploring", "; did you mean 'exploring-art', 'exploring-bias', 'exploring-cats' or 2 more as close?"),
        # (One slip from two: both; a topic's id begun by it: two topics, both.)
        ("graph-net", "; did you mean 'graph-neta' or 'graph-nets'?"),
        ("language", "; did you mean the paper 'language-models-are-weak-learners', or the topics"
         " 'language-agents' or 'language-model-training'?"),
    ]:
        _suggests(tmp_path, capsys, asked, suggested)
