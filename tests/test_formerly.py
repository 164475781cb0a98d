"""A renamed paper's `formerly:` ids: checked across files, named in messages about
references to an old id, kept from new papers by the importer, exported, and its old
addresses leading to its page (the build: see also tests/test_mkdocs_hook.py)."""

from __future__ import annotations

import datetime as dt
import json

from generator.curation import load_content
from generator.export_atom import atom_feed
from generator.importer import import_records
from generator.ingest import Record
from generator.errors import Location
from generator.models import Paper, Site, Topic
from generator.pages import formerly_script, old_addresses
from tests.test_curation import NO_SUCH_PAPER, _Project
from tests.test_curation_cross_file import TOPICS, messages, paper
from tests.test_curation_cross_file import project as content_of


def test_an_old_id_leads_references_to_the_paper_that_has_it_in_formerly(tmp_path):
    root = content_of(
        tmp_path,
        TOPICS,
        a=paper("a", extra="formerly: [old-a, older-a]\n"),
        b=paper("b", extra="related: [old-a]\n"),
        c=paper("c"),
    )
    assert messages(root) == [
        "content/papers/b.yml:3:11: no paper 'old-a': it was renamed to 'a'; write 'a'",
    ]


def test_each_formerly_mistake_is_reported_at_its_entry(tmp_path):
    root = content_of(
        tmp_path,
        TOPICS,
        a=paper("a", extra="formerly: [b, a, shared, Old_A, x, x]\n"),
        b=paper("b", extra="formerly: [shared]\n"),
        c=paper("c", extra="formerly: text\n"),
    )
    assert messages(root) == [
        "content/papers/a.yml:3:12: 'b' is the id of content/papers/b.yml: its address is"
        " that paper's page, and cannot lead to this one; remove it from 'formerly'",
        "content/papers/a.yml:3:15: 'a' is this paper's own id; 'formerly' lists the ids it"
        " had before a rename (its own only first, when it was renamed back to the id it was"
        " first known by)",
        "content/papers/a.yml:3:18: 'shared' is also in the 'formerly' of"
        " content/papers/b.yml:3:12: an old address leads to one paper; keep it in the one"
        " that had the id",
        "content/papers/a.yml:3:26: 'formerly' must be an id of lowercase a-z, 0-9 and single"
        " hyphens, at most 80 characters, not 'Old_A'; write 'old-a'",
        "content/papers/a.yml:3:36: 'formerly' lists 'x' twice (first at line 3, column 33); remove this one",
        "content/papers/b.yml:3:12: 'shared' is also in the 'formerly' of"
        " content/papers/a.yml:3:18: an old address leads to one paper; keep it in the one"
        " that had the id",
        "content/papers/c.yml:3:11: 'formerly' must be a list, not a string; write [text]",
    ]


RENAMED_TOPICS = """\
topics:
  - id: in-context-learning
    title: In-context learning
    formerly: [icl, few-shot, in-context-learning, multi-task-learning]
    keywords:
      in-context: 1
  - id: multi-task-learning
    title: Multi-task learning
    formerly: [few-shot]
    parent: icl
    keywords:
      multi-task: 1
"""


def test_a_topics_old_ids_are_checked_and_name_the_topic_in_references(tmp_path):
    root = content_of(
        tmp_path, RENAMED_TOPICS,
        a=paper("a", extra="topics: [icl]\n"), b=paper("b", extra="exclude_topics: [ICL]\n"), c=paper("c"),
    )
    pages = root / "content" / "pages"
    pages.mkdir()
    (pages / "about.md").write_text("See [ICL](topics/icl/index.md).\n", encoding="utf-8")
    assert messages(root) == [
        "content/pages/about.md:1:11: link 'topics/icl/index.md' leads to no page: no topic"
        " 'icl': it was renamed to or merged into 'in-context-learning'; write"
        " 'topics/in-context-learning/index.md'",
        "content/papers/a.yml:3:10: no topic 'icl': it was renamed to or merged into"
        " 'in-context-learning'; write 'in-context-learning'",
        "content/papers/b.yml:3:18: no topic 'icl': it was renamed to or merged into"
        " 'in-context-learning'; write 'in-context-learning' to exclude this paper from all"
        " of 'in-context-learning' (after a merge, more than 'icl' held), or remove 'icl'",
        "content/topics.yml:4:21: 'few-shot' is also in the 'formerly' of the topic at"
        " content/topics.yml:9:16: an old address leads to one topic; keep it in the one that"
        " had the id",
        "content/topics.yml:4:31: 'in-context-learning' is this topic's own id; 'formerly'"
        " lists the ids it had before a rename (its own only first, when it was renamed back"
        " to the id it was first known by)",
        "content/topics.yml:4:52: 'multi-task-learning' is the id of another topic: its"
        " address is that topic's page, and cannot lead to this one; remove it from"
        " 'formerly'",
        "content/topics.yml:9:16: 'few-shot' is also in the 'formerly' of the topic at"
        " content/topics.yml:4:21: an old address leads to one topic; keep it in the one that"
        " had the id",
        "content/topics.yml:10:13: 'parent': no topic 'icl': it was renamed to or merged"
        " into 'in-context-learning'; write 'in-context-learning'",
    ]


def test_the_paper_record_holds_its_former_ids_in_the_order_written(tmp_path):
    root = content_of(tmp_path, TOPICS, a=paper("a", extra="formerly: [zz-old, aa-old]\n"), b=paper("b"), c=paper("c"))
    content, problems = load_content(root / "content", root)
    assert not problems.has_errors()
    assert {p.id: p.formerly for p in content.papers} == {"a": ("zz-old", "aa-old"), "b": (), "c": ()}


def test_an_edit_to_formerly_is_checked_across_files_on_a_rerun(tmp_path, monkeypatch):
    # The rerun that checks only the changed file cannot see a clash with another file's
    # formerly: such an edit is checked as a full load checks it.
    root = content_of(
        tmp_path / "p", TOPICS,
        a=paper("a", extra="formerly: [old]\n"), b=paper("b"), c=paper("c", extra="related: [old]\n"),
    )
    work = _Project(root, monkeypatch, None)
    assert [p.message for p in load_content(root / "content", root)[1].sorted()] == [
        "no paper 'old': it was renamed to 'a'; write 'a'"
    ]
    work.edit("b.yml", "multi-task\n", "multi-task\nformerly: [old]\n")
    work.check("b claims a's old id too")
    assert sorted(p.message.split(":")[0] for p in work.fresh_problems.items) == [
        "'old' is also in the 'formerly' of content/papers/a.yml",
        "'old' is also in the 'formerly' of content/papers/b.yml",
        ("unknown paper 'old'" + NO_SUCH_PAPER).split(":")[0],  # (two papers claim it: neither is named)
    ]
    work.edit("a.yml", "formerly: [old]\n", "")
    work.check("a gives it up")
    assert [p.message for p in work.fresh_problems.items] == [
        "no paper 'old': it was renamed to 'b'; write 'b'"
    ]


def test_a_new_import_does_not_take_an_id_a_paper_lists_in_formerly(tmp_path):
    content = tmp_path / "content"
    day = dt.date(2026, 1, 2)

    def record(title: str, abstract: str, line: int) -> Record:
        return Record(title=title, abstract=abstract, source=Location("in.bib", line, 1))

    import_records([record("Mine", "Ours.", 1)], content, added=day)
    mine = content / "papers" / "mine.yml"
    mine.write_text(mine.read_text(encoding="utf-8").replace("related: []", "related: []\nformerly: [some-paper]"), encoding="utf-8")
    report = import_records([record("Some Paper", "Another paper altogether.", 3)], content, added=day)
    # Its address leads to "mine": a new paper there would take it.
    assert report.added == ["some-paper-2"]


def _site(*papers: Paper) -> Site:
    return Site(papers=papers, topics=(), assignments={}, related={})


def test_old_addresses_map_each_old_page_to_the_papers_or_topics_page():
    site = Site(
        papers=(
            Paper(id="new", title="T", abstract="", formerly=("old", "index")),
            Paper(id="other", title="U", abstract=""),
        ),
        topics=(Topic(id="merging", title="M", formerly=("index", "weights")),),
        assignments={},
        related={},
    )
    # ("index" keeps a folder of its own, as a paper or topic of that id would:
    # papers/index.md is the All papers page, topics/index.md the topics'.)
    assert old_addresses(site) == {
        "papers/index/index.md": "papers/new.md",
        "papers/old.md": "papers/new.md",
        "topics/index/index.md": "topics/merging/index.md",
        "topics/weights/index.md": "topics/merging/index.md",
    }
    script = formerly_script(site)
    assert script is not None
    assert json.loads(script.split("window.readinglistFormerly=", 1)[1].rstrip(";\n")) == {
        "index": "new", "old": "new"
    }
    assert formerly_script(_site(Paper(id="other", title="U", abstract=""))) is None


def test_a_renamed_paper_keeps_its_first_ids_feed_entry():
    day = dt.date(2026, 1, 2)
    renamed = Paper(id="new", title="T", abstract="", added=day, formerly=("first", "second"))
    plain = Paper(id="plain", title="U", abstract="", added=day)
    for base, expected in (("", "urn:readinglist:paper:first"), ("https://lab.example/list/", "https://lab.example/list/papers/first/")):
        feed = atom_feed(
            [renamed, plain], title="t", feed_path="feed.xml", page_path="", site_url=base,
            source_date_epoch=0,
        )
        ids = [line.strip() for line in feed.splitlines() if line.strip().startswith("<id>")]
        assert f"<id>{expected}</id>" in ids
        assert any(i.endswith("plain</id>") or i.endswith("plain/</id>") for i in ids)
        # The entry links to the page where it is now.
        assert "papers/new/" in feed


# ------------------------------------------------------------------ the built site

import pytest  # noqa: E402

from tests.test_partial_rebuild import _build, _edit, _new_project  # noqa: E402


@pytest.fixture
def project(tmp_path, process_state):
    """A copy of the fixture list (its task-vectors paper renamed), ready to build."""
    return _new_project(tmp_path)


def test_the_old_address_leads_to_the_page_and_the_pages_load_the_map(project):
    site = _build(project, "site", dirty=False)
    old = (site / "papers/editing-models-with-task-vectors/index.html").read_text()
    # The page mkdocs-redirects writes: on to the paper's page, by refresh and by script.
    assert '<meta http-equiv="refresh" content="0; url=../task-vectors/">' in old
    assert 'href="../task-vectors/"' in old
    # Not a page of the site: no search entry, no sitemap line.
    assert "editing-models-with-task-vectors" not in (site / "sitemap.xml").read_text()
    assert "editing-models-with-task-vectors" not in (site / "search/search_index.json").read_text()
    # Every page loads the reading log's map before read-marks.js.
    page = (site / "about/index.html").read_text()
    assert page.index("assets/readinglist-formerly.js") < page.index("assets/read-marks.js")
    assert '"editing-models-with-task-vectors":"task-vectors"' in (site / "assets/readinglist-formerly.js").read_text()


def test_a_renamed_topics_old_address_leads_to_its_page(project):
    _edit(project / "content/topics.yml", "  - id: model-merging\n", "  - id: model-merging\n    formerly: [weight-merging]\n")
    site = _build(project, "site", dirty=False)
    old = (site / "topics/weight-merging/index.html").read_text()
    assert '<meta http-equiv="refresh" content="0; url=../model-merging/">' in old
    assert (site / "topics/weight-merging.xml").read_bytes() == (site / "topics/model-merging.xml").read_bytes()
    # (A topic's old id is no paper's: the reading log's map has none.)
    assert "weight-merging" not in (site / "assets/readinglist-formerly.js").read_text()


def test_without_former_ids_there_is_no_map_to_load(project):
    _edit(project / "content/papers/task-vectors.yml", "formerly: [editing-models-with-task-vectors]\n", "")
    site = _build(project, "site", dirty=False)
    assert not (site / "assets/readinglist-formerly.js").exists()
    assert "readinglist-formerly" not in (site / "about/index.html").read_text()
    assert not (site / "papers/editing-models-with-task-vectors").exists()


def test_a_site_without_the_redirects_plugin_is_told_what_its_old_addresses_show(project, capsys):
    _edit(project / "mkdocs.yml", "  - redirects\n", "")
    site = _build(project, "site", dirty=False)
    assert not (site / "papers/editing-models-with-task-vectors").exists()
    assert "mkdocs.yml has no redirects plugin" in capsys.readouterr().err


def test_a_redirect_the_curator_wrote_in_mkdocs_yml_comes_first(project):
    _edit(
        project / "mkdocs.yml", "  - redirects\n",
        "  - redirects:\n      redirect_maps:\n        papers/editing-models-with-task-vectors.md: about.md\n"
        "        old-about.md: about.md\n"
        "        reading/tv.md: papers/editing-models-with-task-vectors.md#abstract\n",
    )
    site = _build(project, "site", dirty=False)
    # A redirect of the curator's to a paper's old page leads on to where the paper is.
    assert "url=../../papers/task-vectors/#abstract" in (site / "reading/tv/index.html").read_text()
    assert "url=../../about/" in (site / "papers/editing-models-with-task-vectors/index.html").read_text()
    assert (site / "old-about/index.html").is_file()


def test_a_renamed_topics_feed_and_bibtex_stay_at_their_old_addresses():
    from generator.exports import export_files
    from generator.models import TopicAssignment

    day = dt.date(2026, 1, 2)
    site = Site(
        papers=(Paper(id="p", title="T", abstract="", added=day),),
        topics=(Topic(id="merging", title="Merging", formerly=("weights",)),),
        assignments={"p": (TopicAssignment(topic="merging", by="curator"),)},
        related={},
    )
    files = export_files(site, site_name="Lab", site_url="https://lab.example/")
    assert files["topics/weights.xml"] == files["topics/merging.xml"]
    # The feed keeps the id of its first address: a reader's subscription stays one feed.
    assert "<id>https://lab.example/topics/weights.xml</id>" in files["topics/merging.xml"]
    assert "papers/p/" in files["topics/weights.xml"]
    assert files["topics/weights.bib"] == files["topics/merging.bib"] and b"@" in files["topics/weights.bib"]


# ------------------------------------------------------------------ the importer's record


def _import(content, *records):
    return import_records(list(records), content, added=dt.date(2026, 1, 2))


def _rec(title: str, abstract: str, line: int = 1) -> Record:
    return Record(title=title, abstract=abstract, source=Location("in.bib", line, 1))


def _views(content) -> dict:
    return json.loads((content / "sources" / "imported.json").read_text())["papers"]


def test_a_rename_declared_in_formerly_is_followed_though_title_and_abstract_changed(tmp_path):
    content = tmp_path / "content"
    _import(content, _rec("Some Paper", "First."))
    papers = content / "papers"
    (papers / "some-paper.yml").rename(papers / "mine.yml")
    text = (papers / "mine.yml").read_text(encoding="utf-8")
    text = text.replace("id: some-paper\n", "id: mine\nformerly: [some-paper]\n")
    text = text.replace("title: Some Paper", "title: Rewritten").replace("First.", "Rewritten too.")
    (papers / "mine.yml").write_text(text, encoding="utf-8")
    # Nothing of the record is left in the file: only formerly says it is the same paper.
    report = _import(content, _rec("Some Paper", "First."))
    assert report.added == [] and report.not_recreated == []
    views = _views(content)
    assert views["some-paper"] == {"fields": {}, "links": [], "renamed_to": "mine"}
    assert "title" in views["mine"]["fields"]


def test_a_paper_merged_into_another_is_not_restored_nor_offered_for_it(tmp_path, capsys):
    from generator.errors import CuratorError

    content = tmp_path / "content"
    _import(content, _rec("One Survey", "A."), _rec("Another Survey", "B.", line=3))
    papers = content / "papers"
    (papers / "one-survey.yml").unlink()
    text = (papers / "another-survey.yml").read_text(encoding="utf-8")
    (papers / "another-survey.yml").write_text(text.replace("id: another-survey\n", "id: another-survey\nformerly: [one-survey]\n"), encoding="utf-8")
    report = _import(content, _rec("One Survey", "A."))
    assert [str(d).split(": ", 1)[1] for d in report.not_recreated] == [
        "not recreated: one-survey ('One Survey') is a former id of 'another-survey' (its formerly:)"
    ]
    try:
        import_records([_rec("One Survey", "A.")], content, added=dt.date(2026, 1, 2), restore=("one-survey",))
    except CuratorError as error:
        assert "--restore one-survey: it is a former id of 'another-survey'" in str(error.problems[0])
    else:
        raise AssertionError("restored a merged paper's id")
    assert not (papers / "one-survey.yml").exists()
    # The command offers no --restore for it.
    source = tmp_path / "in.bib"
    source.write_text("@misc{a, title = {One Survey}, abstract = {A.}}\n", encoding="utf-8")
    from generator.cli import main

    capsys.readouterr()
    assert main(["--root", str(tmp_path), "import", str(source), "--no-keep-source"]) == 0
    out = capsys.readouterr().out
    assert "is a former id of 'another-survey'" in out and "--restore" not in out


def test_a_rename_half_made_is_told_to_rename_the_file_not_to_drop_formerly(tmp_path):
    # The id and formerly edited, the file not yet renamed: only the file's name is wrong.
    root = content_of(tmp_path, TOPICS, a=paper("new-a", extra="formerly: [a]\n"), b=paper("b"), c=paper("c"))
    assert messages(root) == [
        "content/papers/a.yml:1:5: id 'new-a' does not match the file name 'a.yml'; its"
        " 'formerly:' lists 'a', a rename half made: rename the file too, mv content/papers/a.yml"
        " content/papers/new-a.yml",
    ]


def test_a_rename_moves_no_paper_in_or_out_of_the_newest(tmp_path):
    from generator.export_atom import recently_added

    day = dt.date(2026, 1, 2)
    before = [Paper(id=name, title=name, abstract="", added=day) for name in ("b", "c", "d")]
    assert [p.id for p in recently_added(before, limit=2)] == ["b", "c"]
    # "b" renamed "z": still among the first two, in its place.
    after = [Paper(id="z", title="b", abstract="", added=day, formerly=("b",)), *before[1:]]
    assert [p.id for p in recently_added(after, limit=2)] == ["z", "c"]


def test_a_renamed_papers_citation_key_stays_its_first_id():
    from generator.export_bibtex import bibtex_by_paper

    paper = Paper(id="tv", title="Task Vectors", abstract="", year=2023, formerly=("task-vectors", "editing"))
    assert bibtex_by_paper([paper])["tv"].startswith("@misc{task-vectors,")


def test_topics_explain_names_what_an_old_id_became(tmp_path, capsys):
    from generator.cli import main

    root = content_of(tmp_path, TOPICS, a=paper("a", extra="formerly: [old-a]\n"), b=paper("b"), c=paper("c"))
    assert main(["--root", str(root), "topics", "--explain", "old-a"]) == 1
    assert "no paper or topic with id 'old-a'; it was renamed to 'a'" in capsys.readouterr().err


# 'icl' folded into 'multi-task-learning', which lists it in `formerly:`.
ICL_MERGED = (
    "topics:\n  - id: multi-task-learning\n    title: Multi-task learning\n"
    "    formerly: [icl]\n    keywords:\n      multi-task: 1\n      in-context: 1\n"
)


def test_a_topic_merged_into_another_is_not_said_to_be_renamed(tmp_path, capsys):
    # The curator review: 'icl' folded into 'multi-task-learning', which lists it in
    # `formerly:`, was reported as "renamed to" it. A merge and a rename are written
    # alike, so the message fits both.
    from generator.cli import main

    root = content_of(
        tmp_path, ICL_MERGED,
        a=paper("a", extra="topics: [icl]\n"), b=paper("b"), c=paper("c"),
    )
    assert messages(root) == [
        "content/papers/a.yml:3:10: no topic 'icl': it was renamed to or merged into"
        " 'multi-task-learning'; write 'multi-task-learning'",
    ]
    assert main(["--root", str(root), "topics", "--explain", "icl"]) == 1
    assert capsys.readouterr().err.splitlines()[-1] == (
        "readinglist topics: no paper or topic with id 'icl'; it was renamed to or merged into"
        " 'multi-task-learning'"
    )


def test_a_paper_excluded_from_a_merged_topic_is_not_told_to_exclude_all_it_joined(tmp_path):
    # 'icl' was folded into 'multi-task-learning'. "write 'multi-task-learning'", as a
    # `topics:` entry is told, would keep the paper out of every paper's topic that
    # 'multi-task-learning' held before too: the message says so, and offers removing it.
    root = content_of(
        tmp_path, ICL_MERGED,
        a=paper("a", extra="exclude_topics: [icl]\n"), b=paper("b"), c=paper("c"),
    )
    assert messages(root) == [
        "content/papers/a.yml:3:18: no topic 'icl': it was renamed to or merged into"
        " 'multi-task-learning'; write 'multi-task-learning' to exclude this paper from all"
        " of 'multi-task-learning' (after a merge, more than 'icl' held), or remove 'icl'",
    ]
    # Both written: the old id is only to go, as in any list.
    (root / "content/papers/a.yml").write_text(
        paper("a", extra="exclude_topics: [multi-task-learning, icl]\n"), encoding="utf-8"
    )
    assert messages(root) == [
        "content/papers/a.yml:3:39: no topic 'icl': it was renamed to or merged into"
        " 'multi-task-learning', which this list names already; remove 'icl'",
    ]


def test_topics_renamed_alone_load_no_reading_log_map(project):
    # (Only papers' old ids are in the map: a page must not ask for a file not written.)
    _edit(project / "content/papers/task-vectors.yml", "formerly: [editing-models-with-task-vectors]\n", "")
    _edit(project / "content/topics.yml", "  - id: model-merging\n", "  - id: model-merging\n    formerly: [weight-merging]\n")
    site = _build(project, "site", dirty=False)
    assert (site / "topics/weight-merging/index.html").is_file()
    assert not (site / "assets/readinglist-formerly.js").exists()
    assert "readinglist-formerly" not in (site / "about/index.html").read_text()


def test_a_page_link_to_a_topic_id_two_topics_claim_gets_no_renamed_fix(tmp_path):
    root = content_of(tmp_path, RENAMED_TOPICS.replace("formerly: [icl, few-shot, in-context-learning, multi-task-learning]", "formerly: [icl, few-shot]").replace("    parent: icl\n", ""),
                      a=paper("a"), b=paper("b"), c=paper("c"))
    pages = root / "content" / "pages"
    pages.mkdir()
    (pages / "about.md").write_text("See [it](topics/few-shot/index.md).\n", encoding="utf-8")
    link = [m for m in messages(root) if m.startswith("content/pages/")]
    assert len(link) == 1 and "renamed" not in link[0] and "no topic 'few-shot'" in link[0]


def test_a_list_naming_both_the_old_and_the_new_id_is_told_to_drop_the_old(tmp_path):
    root = content_of(
        tmp_path, RENAMED_TOPICS.replace("formerly: [icl, few-shot, in-context-learning, multi-task-learning]", "formerly: [icl]").replace("    formerly: [few-shot]\n", "").replace("    parent: icl\n", ""),
        a=paper("a", extra="topics: [in-context-learning, icl]\n"), b=paper("b"), c=paper("c"),
    )
    assert messages(root) == [
        "content/papers/a.yml:3:31: no topic 'icl': it was renamed to or merged into"
        " 'in-context-learning', which this list names already; remove 'icl'",
    ]


def test_a_paper_renamed_back_may_name_its_own_id_first(tmp_path):
    root = content_of(tmp_path, TOPICS, a=paper("a", extra="formerly: [a, interim]\n"), b=paper("b"), c=paper("c"))
    content, problems = load_content(root / "content", root)
    assert not problems.has_errors()
    a = next(p for p in content.papers if p.id == "a")
    assert a.first_id == "a" and a.former_ids == ("interim",)
    site = Site(papers=content.papers, topics=(), assignments={}, related={})
    assert old_addresses(site) == {"papers/interim.md": "papers/a.md"}
