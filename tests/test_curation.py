"""Loading content/ into the model, and the exact text of every kind of curator mistake."""

from __future__ import annotations

import datetime as dt
import json
import pickle
import re
from pathlib import Path

import pytest
from hypothesis import example, given, settings, strategies as st

from generator.curation import load_content
from generator.errors import Problems
from generator.paperdrafts import normalised_title
from generator.models import Link

DATA = Path(__file__).parent / "data" / "check"


def messages(root: Path) -> list[str]:
    _, problems = load_content(root / "content", root)
    return without_topicless(problems.sorted())


# The warnings of a paper in no topic and of a list with none, which `check` says as each
# build does (topicsfile.warn_topicless; tests/test_check_topicless.py): the papers
# written here to test other messages are mostly in no topic, and leave them out.
TOPICLESS = ("' is in no topic: ", "no topic is defined, so the ")


def is_topicless(problem) -> bool:
    message = problem.message
    return (message.startswith("paper '") and TOPICLESS[0] in message) or message.startswith(
        TOPICLESS[1]
    )


def without_topicless(problems) -> list[str]:
    return [str(p) for p in problems if not is_topicless(p)]


def watch_load_again(monkeypatch) -> list[bool]:
    """For each load with the memo from here on, whether curation._load_again reloaded
    only the files that changed (True) or left it to a whole load (False)."""
    from generator import curation

    loaded: list[bool] = []
    original = curation._load_again

    def load_again(*args):
        result = original(*args)
        loaded.append(result is not None)
        return result

    monkeypatch.setattr(curation, "_load_again", load_again)
    return loaded


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
    assert survey.not_related == ("0123",)  # an id of digits stays text
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
    assert (first.id, first.title, first.parent) == (
        "multi-task-learning",
        "Multi-task learning",
        "",
    )
    assert first.description == "One model, **several tasks**.\n"
    assert first.keywords == {"multi-task": 2.0, "auxiliary task": 1.5}
    assert first.threshold == 2.0
    assert first.reading_order == (
        "0123",
        "learning-many-tasks-at-once",
        "merging-models-by-averaging",
    )
    assert (second.id, second.parent, second.threshold) == (
        "model-merging",
        "multi-task-learning",
        3.0,
    )


@pytest.mark.parametrize("abstract", ["", "abstract:\n", "abstract: ''\n", "abstract: '  '\n"])
def test_a_paper_without_an_abstract_loads_without_a_problem(tmp_path, abstract):
    # Many BibTeX entries have no abstract; a paper page then simply has none.
    assert check_one(tmp_path, "id: x\ntitle: A Paper Without One\n" + abstract) == []
    content, _ = load_content(tmp_path / "content")
    (paper,) = [p for p in content.papers if p.id == "x"]
    assert paper.abstract == ("  " if "'  '" in abstract else "")


def test_papers_added_on_one_day_share_one_date_object(tmp_path):
    # The memo (build.Memo, cache.py) stores each object once: a new process reads one
    # date where a list's papers were added on few days.
    write_paper(tmp_path, "a.yml", "id: a\ntitle: A\nadded: 2026-11-29\n")
    write_paper(tmp_path, "b.yml", "id: b\ntitle: B\nadded: 2026-11-29\n")
    write_paper(tmp_path, "c.yml", "id: c\ntitle: C\nadded: 2026-11-30\n")
    content, _ = load_content(tmp_path / "content")
    a, b, c = content.papers
    assert a.added == b.added == dt.date(2026, 11, 29) and c.added == dt.date(2026, 11, 30)
    assert a.added is b.added


def test_drafts_stored_in_the_memo_keep_what_only_the_checks_read_packed(tmp_path, monkeypatch):
    # Each file's nodes and keys are unpickled only when asked for: at 10,000 papers
    # their objects were read back and stored again by every rerun (build.Memo,
    # cache.py, paperdrafts.PaperDraft.__getstate__). Its values stay whole: their
    # strings are the Paper's (packed, a copy: 15 MB more of memo.pickle, no faster).
    import pickle
    import time

    from generator import paperdrafts

    monkeypatch.setattr(paperdrafts.time, "time_ns", lambda: time.time() * 1e9 + 60e9)  # (settled)
    write_paper(tmp_path, "a.yml", "id: a\ntitle: A\n")
    write_paper(tmp_path, "b.yml", "id: b\ntitle: B\n")
    files: dict = {}
    load_content(tmp_path / "content", cache=files)
    stored = pickle.loads(pickle.dumps(files, protocol=pickle.HIGHEST_PROTOCOL))
    a, b = (entry[1] for entry in sorted(stored.values(), key=lambda entry: entry[1].shown))
    assert {"nodes", "same_keys"}.isdisjoint(a.__dict__)
    assert (a.id, a.usable, a.values) == ("a", True, {"id": "a", "title": "A"})  # (kept as they are)
    assert a.values["title"] is a.built[1].title  # (one string, stored once)
    assert {"nodes", "same_keys"}.isdisjoint(a.__dict__)
    # Stored again unasked, a draft keeps its very bytes; asked, it is as it was read.
    assert b.__getstate__()["_packed"] is b.__dict__["_packed"]
    assert a.nodes.names == ("id", "title")
    assert (a.nodes["title"].text, b.nodes["title"].line, a.values["title"]) == ("A", 2, "A")
    assert "_packed" not in a.__dict__
    original = sorted((entry[1] for entry in files.values()), key=lambda draft: draft.shown)
    assert [(d.values, d.same_keys, d.usable) for d in (a, b)] == [(d.values, d.same_keys, d.usable) for d in original]


def test_a_rerun_unpacks_the_drafts_of_the_files_it_reads_again_and_no_other(tmp_path, monkeypatch):
    # The counts the loads ask of every file (the papers listing a topic, the old ids a
    # `formerly:` names) are updated for the files read again, and equal a count of all.
    import pickle
    import time

    from generator import curation, paperdrafts

    monkeypatch.setattr(paperdrafts.time, "time_ns", lambda: time.time() * 1e9 + 60e9)  # (settled)
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "topics.yml").write_text(TOPICS)
    for n, title in enumerate(("Graphs", "Kernels", "Robots", "Proteins")):
        write_paper(tmp_path, f"p{n}.yml", f"id: p{n}\ntitle: {title}\ntopics: [in-context-learning]\n")
    write_paper(tmp_path, "q.yml", "id: q\ntitle: Music\nformerly: [old-q]\n")
    files: dict = {}
    load_content(tmp_path / "content", cache=files)
    files = pickle.loads(pickle.dumps(files, protocol=pickle.HIGHEST_PROTOCOL))  # (a new process)
    write_paper(tmp_path, "p1.yml", "id: p1\ntitle: Kernels\nnotes: In no topic now.\n")
    content, problems = load_content(tmp_path / "content", cache=files)
    memo = next(iter(files.values()))[3]
    assert memo.last is not None  # (the rerun's path: a full load unpacks every draft)
    assert [d.stem for d in memo.last.files.drafts if "_packed" not in d.__dict__] == ["p1"]
    assert (memo.last.listing, memo.last.claims) == ({"p0": 1, "p2": 1, "p3": 1}, {"old-q": {"q": 1}})
    assert (memo.last.listing, memo.last.claims) == curation._counts(memo.last.files.drafts)
    assert [p.id for p in content.papers] == ["p0", "p1", "p2", "p3", "q"]
    assert [str(p) for p in problems.items] == [str(p) for p in load_content(tmp_path / "content")[1].items]
    assert any("p1" in str(p) and "topic" in str(p) for p in problems.items)  # (p1 is in none now)


@pytest.mark.parametrize("new_process", [False, True])
def test_the_counts_a_rerun_updates_equal_a_full_count_after_every_kind_of_edit(tmp_path, monkeypatch, new_process):
    # curation._Load.listing and .claims are updated for the files read again
    # (_load_again); after any edit they must be what a count of every file gives, and
    # the load what a load without the memo gives, under serve (one process) as in a new one.
    import os
    import pickle
    import time

    from generator import curation, paperdrafts

    monkeypatch.setattr(paperdrafts.time, "time_ns", lambda: time.time() * 1e9 + 60e9)  # (settled)
    content_dir = tmp_path / "content"
    content_dir.mkdir()
    (content_dir / "topics.yml").write_text(TOPICS)
    papers = content_dir / "papers"
    write_paper(tmp_path, "a.yml", "id: a\ntitle: Graphs\ntopics: [in-context-learning]\n")
    write_paper(tmp_path, "b.yml", "id: b\ntitle: Kernels\nformerly: [old-b]\n")
    write_paper(tmp_path, "c.yml", "id: c\ntitle: Robots\nrelated: [old-b, old-c]\n")
    edits = [
        ("a.yml", "id: a\ntitle: Graphs\n"),  # (in no topic now)
        ("a.yml", "id: a\ntitle: Graphs\ntopics: multi-task\n"),  # (a value refused)
        ("b.yml", "id: b\ntitle: Kernels\nformerly: [old-b]\nnotes: Counted out and in.\n"),
        ("c.yml", "id: c\ntitle: Robots\nformerly: [old-c]\nrelated: [old-b, old-c]\n"),
        ("c.yml", "id: c\ntitle: Robots\nformerly: [old-c]\nrelated: [old-b, old-c]\ntopics: [in-context-learning]\n"),
        ("b.yml", "id: b\ntitle: Kernels\nformerly: [old-c]\n"),  # (two papers claim old-c)
        ("b.yml", "id: b\ntitle: Kernels\nformerly: [b, old-b]\n"),  # (its own id first)
        ("c.yml", "id: c\ntitle: Robots\nrelated: [old-b, old-c]\n"),
        ("b.yml", "id: b\ntitle: [Kernels\nformerly: [old-b]\n"),  # (invalid)
        ("b.yml", "id: b\ntitle: Kernels\nformerly: [old-b]\n"),  # (and back)
        ("b.yml", "id: bb\ntitle: Kernels\nformerly: [old-b]\n"),  # (another id)
        ("d.yml", "id: d\ntitle: Music\nformerly: [old-c]\ntopics: [in-context-learning]\n"),  # (added)
        ("b.yml", None),  # (deleted)
        ("d.yml", "e.yml"),  # (renamed)
        ("e.yml", "../e.yml"),  # (moved out of content/papers/)
        ("../e.yml", "e.yml"),  # (and back in)
        ("e.yml", "id: e\ntitle: Music\ntopics: [in-context-learning]\n"),
    ]
    updated = watch_load_again(monkeypatch)  # (each rerun: the counts updated, or counted anew)
    files: dict = {}
    load_content(content_dir, cache=files)
    for name, text in edits:
        time.sleep(0.01)  # (another mtime)
        path = papers / name
        if text is None:
            path.unlink()
        elif text.endswith(".yml") and "\n" not in text:
            os.replace(path, papers / text)
        else:
            path.write_text(text)
        if new_process:
            files = pickle.loads(pickle.dumps(files, protocol=pickle.HIGHEST_PROTOCOL))
        content, problems = load_content(content_dir, cache=files)
        memo = next(iter(files.values()))[3]
        assert memo.last is not None, name
        drafts = [paperdrafts.read_paper(papers / n, d.shown, d.stem, Problems()) for n, d in
                  zip(memo.last.files.names, memo.last.files.drafts)]
        assert (memo.last.listing, memo.last.claims) == curation._counts(drafts), (name, text)
        clean, clean_problems = load_content(content_dir)
        assert content.papers == clean.papers, (name, text)
        assert [str(p) for p in problems.items] == [str(p) for p in clean_problems.items], (name, text)
    # (A topic listed and not, a `formerly:` counted out and in: the rest is loaded anew.)
    assert updated == [True, True, True, False, True] + [False] * 12


@pytest.mark.parametrize("edit", ["the damaged file", "topics.yml"])
def test_a_damaged_draft_in_the_memo_file_is_read_again_never_a_crash_or_a_wrong_paper(tmp_path, monkeypatch, edit):
    # A byte flipped inside a draft's packed bytes in memo.pickle (a disk, a copy cut
    # short): unpickled as it is, a flip in its text was other text (with the values
    # packed too, another title on the page), elsewhere an error mid-run. Either rerun
    # that unpacks it (its file edited: its old draft is counted out; topics.yml edited:
    # every draft is checked again, a's paper made again) must load what a load without
    # the memo loads.
    import time

    from generator import cache, paperdrafts

    monkeypatch.setattr(paperdrafts.time, "time_ns", lambda: time.time() * 1e9 + 60e9)  # (settled)
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "topics.yml").write_text(TOPICS)
    write_paper(tmp_path, "a.yml", "id: a\ntitle: Graphs of Words\ntopics: [in-context-learning, multi-task-learning]\n")
    write_paper(tmp_path, "b.yml", "id: b\ntitle: Kernels\nformerly: [old-b]\n")
    files: dict = {}
    load_content(tmp_path / "content", cache=files)
    cache.write(tmp_path / "memo", files)
    stored = (tmp_path / "memo" / cache.FILE_NAME).read_bytes()
    draft = next(entry[1] for entry in cache.read(tmp_path / "memo").values() if entry[1].stem == "a")
    packed = draft.__dict__["_packed"]
    at = stored.index(packed)
    assert stored.count(packed) == 1
    title = packed.index(b"Graphs of Words")
    # (Each flipped: the pickle's first opcode, a letter of the title's node, the check's last byte.)
    for where in (0, title + 3, len(packed) - 1):
        damaged = bytearray(stored)
        damaged[at + where] ^= 0x10
        (tmp_path / "memo" / cache.FILE_NAME).write_bytes(bytes(damaged))
        kept = cache.read(tmp_path / "memo")
        if edit == "topics.yml":
            # (a's topics checked otherwise: its paper is made again from its values)
            (tmp_path / "content" / "topics.yml").write_text(TOPICS.split("  - id: multi")[0])
        else:
            write_paper(tmp_path, "a.yml", "id: a\ntitle: Graphs of Words\nnotes: In no topic now.\n")
        time.sleep(0.01)  # (another mtime for the next round's edit)
        content, problems = load_content(tmp_path / "content", cache=kept)
        clean, clean_problems = load_content(tmp_path / "content")
        assert content.papers == clean.papers, where
        assert [str(p) for p in problems.items] == [str(p) for p in clean_problems.items], where
        # The memo now holds the files as read, every draft sound.
        again, _ = load_content(tmp_path / "content", cache=kept)
        assert again.papers == clean.papers


def test_titles_are_the_same_after_folding_case_punctuation_and_unicode_forms():
    assert normalised_title("Ｌｅａｒｎｉｎｇ  to Learn!") == normalised_title("learning: to-learn")
    assert normalised_title("Café") == normalised_title("Cafe\u0301")
    assert normalised_title("Learning to learn") != normalised_title("Learning to earn")


# ---------------------------------------------------------------------------- mistakes

TOPICS = """\
topics:
  - id: in-context-learning
    title: In-context learning
  - id: multi-task-learning
    title: Multi-task learning
"""
KNOWN = """\
id: known-paper
title: A Known Paper
topics: [in-context-learning, multi-task-learning]
abstract: Known.
"""


def check_one(tmp_path: Path, text: str | bytes, name: str = "x.yml") -> list[str]:
    """Problems of one paper file next to a valid paper and two topics it fills."""
    (tmp_path / "content").mkdir(exist_ok=True)
    (tmp_path / "content" / "topics.yml").write_text(TOPICS)
    write_paper(tmp_path, "known-paper.yml", KNOWN)
    path = tmp_path / "content" / "papers" / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return messages(tmp_path)


P = "content/papers/x.yml"
_DEEPER = (
    "YAML syntax error: this line is indented deeper than the key above, so it reads as part of"
    " that key's value: if it is a key of its own, check the indentation of this line and the"
    " line above; if it continues that value, put the whole value in double quotes"
)

# What `check` adds to "unknown paper 'x'" when no id is close enough to suggest
# (typed out here, as a reader sees it, not taken from the generator).
NO_SUCH_PAPER = (
    "; remove it here, or write a paper's id: its file's name in content/papers/ without .yml"
    " (once the site is built, readinglist search WORDS lists papers as papers/<id>/)"
)

CASES = {
    "yaml syntax error": (
        "id: x\ntitle: [unclosed\nabstract: a\n",
        # libyaml stops at the ':' that cannot be inside the unclosed flow list, on the
        # line after the one to fix.
        [f"{P}:2:8: YAML syntax error: a list opened here with '[' is not closed: close it"
         " with ']' (if the value is text, not a list, put the whole value in double quotes)"],
    ),
    # Once reported at the end of the file, where the unclosed value ran.
    "a double quote never closed": (
        'id: x\ntitle: "A Survey\nabstract: a\nyear: 2020\n',
        [f"{P}:2:8: YAML syntax error: this quote is never closed (the value runs to the end"
         " of the file); close it at the value's end"],
    ),
    # Quoted values after it (an imported file quotes a volume, pages, a DOI): the open
    # quote ran on to the next one, and each later quote was said, one reading after
    # another, as "text after the closing quote" of its own line, a fix for a line that
    # was right. The value ends at the first later quote (which the reader stops right
    # after), and is said to run on to it: "to the end of the file", as it was said,
    # was true only of the last reading without the lines it ran to.
    "a double quote never closed, quoted values after it": (
        'id: x\ntitle: "A Survey\nyear: 2020\nvenue: JMLR\nvolume: "24"\npages: "1-30"\ndoi: "10.1000/x"\n',
        [f"{P}:2:8: YAML syntax error: this quote is never closed: the value runs on over the lines"
         " below it, up to the quote at line 5, column 9; close it at the value's end"],
    ),
    # Two quoted values after it, the second in a list: the quote was said to run on to the
    # list's (line 7), and the pages' line to have "text after the closing quote".
    "a double quote never closed, quoted values after it, one in a list": (
        'id: x\ntitle: "A Survey\nyear: 2020\nvenue: JMLR\npages: "1-30"\nabstract: a\ntags: ["b"]\n',
        [f"{P}:2:8: YAML syntax error: this quote is never closed: the value runs on over the lines"
         " below it, up to the quote at line 5, column 8; close it at the value's end"],
    ),
    # Read again past the quote, a later line's own mistake is still said.
    "a double quote never closed, and a later line's own mistake": (
        'id: x\ntitle: "A Survey\nvenue: JMLR\nvolume: "24"\npages: "1-30"x\n',
        [f"{P}:2:8: YAML syntax error: this quote is never closed: the value runs on over the lines"
         " below it, up to the quote at line 4, column 9; close it at the value's end",
         # (the quote at column 13 ends the value, and x follows)
         f"{P}:5:13: YAML syntax error: this double quote ends the quoted value, and text follows"
         " it; write a double quote inside the value as \\\", or put the whole value in single"
         """ quotes: pages: '"1-30"x'"""],
    ),
    "a single quote never closed, quoted values after it": (
        "id: x\ntitle: 'A Survey\nvenue: JMLR\nvolume: '24'\nabstract: a\n",
        [f"{P}:2:8: YAML syntax error: this quote is never closed: the value runs on over the lines"
         " below it, up to the quote at line 4, column 9; close it at the value's end"],
    ),
    # A quote in a later field's text ends it: said there, "text after the closing
    # quote", until no quote was left; the quote to close is named, and where it ran to.
    "a quote never closed, run on to a quote in a later field's text": (
        "id: x\ntitle: 'A Survey\nyear: 2020\nabstract: It's good.\nvenue: JMLR\n",
        [f"{P}:2:8: YAML syntax error: this quote is never closed: the value runs on over the lines"
         " below it, up to the quote at line 4, column 13; close it at the value's end"],
    ),
    "a single quote never closed": (
        "id: x\nabstract: a\ntitle: 'A Survey",
        [f"{P}:3:8: YAML syntax error: this quote is never closed (the value runs to the end"
         " of the file); close it at the value's end"],
    ),
    # The field is written, its value unread: no "missing required field" too (it was
    # said as well, at the file's first line, of a title written so).
    "a title without a space after its colon": (
        "id: x\ntitle:A Study\nabstract: a\n",
        [f"{P}:2:6: YAML syntax error: a key needs a space after its colon: 'title: A Study'"],
    ),
    # A field indented by mistake under the one above is in that field's lines, which are
    # left out: it is written all the same, its value unread. It was said to be missing
    # ("missing required field 'title'"; "the paper has no venue: add the venue").
    "a title indented under the id": (
        "id: x\n  title: A Study\nabstract: a\n",
        [f"{P}:2:3: {_DEEPER}"],
    ),
    "a venue indented under the year": (
        "id: x\ntitle: A\nyear: 2023\n  venue: JMLR\nvenue_kind: journal\nvolume: '3'\npages: 1-9\n",
        [f"{P}:4:3: {_DEEPER}"],
    ),
    "an id without a space after its colon": (
        "id:x\ntitle: A Study\nabstract: a\n",
        [f"{P}:1:3: YAML syntax error: a key needs a space after its colon: 'id: x'"],
    ),
    "duplicate key": (
        "id: x\ntitle: A\ntitle: B\nabstract: a\n",
        [f"{P}:3:1: duplicate key 'title' (first defined at line 2); keep the one you mean and delete the other"],
    ),
    "a string where a list belongs": (
        "id: x\ntitle: A\nauthors: Ada Lovelace\nabstract: a\n",
        [f"{P}:3:10: 'authors' must be a list, not a string; write [Ada Lovelace]"],
    ),
    "authors written as BibTeX writes them": (
        "id: x\ntitle: A\nauthors: Ada Lovelace and Alan Turing\nabstract: a\n",
        [f"{P}:3:10: 'authors' must be a list, not a string; write [Ada Lovelace, Alan Turing]"],
    ),
    "authors written as BibTeX writes them, last name first": (
        "id: x\ntitle: A\nauthors: Lovelace, Ada and Turing, Alan\nabstract: a\n",
        [f"{P}:3:10: 'authors' must be a list, not a string;"
         ' write ["Lovelace, Ada", "Turing, Alan"]'],
    ),
    "an author whose name holds 'and'": (
        "id: x\ntitle: A\nauthors: Research and Development Team\nabstract: a\n",
        [f"{P}:3:10: 'authors' must be a list, not a string; write [Research and Development Team]"],
    ),
    "an organisation whose name holds 'and' and no word of a kind": (
        "id: x\ntitle: A\nauthors: Machine Learning and Systems Group\nabstract: a\n",
        [f"{P}:3:10: 'authors' must be a list, not a string; write [Machine Learning and Systems Group]"],
    ),
    "one name, last name first": (
        "id: x\ntitle: A\nauthors: Lovelace, Ada\nabstract: a\n",
        [f"{P}:3:10: 'authors' must be a list, not a string; write [\"Lovelace, Ada\"]"],
    ),
    # A comma between names as a list is typed: quoted, the text is one name, surname
    # first ("Alan Turing Ada Lovelace" on the page), so the hint says both readings.
    "two names typed with a comma between them": (
        "id: x\ntitle: A\nauthors: Ada Lovelace, Alan Turing\nabstract: a\n",
        [f"{P}:3:10: 'authors' must be a list, not a string; write [Ada Lovelace, Alan Turing]"
         ' for two authors, or ["Ada Lovelace, Alan Turing"] for one written surname first'],
    ),
    "three names typed with commas between them": (
        "id: x\ntitle: A\nauthors: Ada Lovelace, Alan Turing, Grace Hopper\nabstract: a\n",
        [f"{P}:3:10: 'authors' must be a list, not a string;"
         " write [Ada Lovelace, Alan Turing, Grace Hopper]"],
    ),
    "names typed with commas and a last 'and'": (
        "id: x\ntitle: A\nauthors: Ada Lovelace, Alan Turing and Grace Hopper\nabstract: a\n",
        [f"{P}:3:10: 'authors' must be a list, not a string;"
         " write [Ada Lovelace, Alan Turing, Grace Hopper]"],
    ),
    "a name and others typed with a comma": (
        "id: x\ntitle: A\nauthors: Ada Lovelace, others\nabstract: a\n",
        [f"{P}:3:10: 'authors' must be a list, not a string; write [Ada Lovelace, others]"],
    ),
    "one name with a surname of two words, surname first": (
        "id: x\ntitle: A\nauthors: García Márquez, Gabriel\nabstract: a\n",
        [f"{P}:3:10: 'authors' must be a list, not a string; write [\"García Márquez, Gabriel\"]"],
    ),
    # "et al." is no author: the hint offered it as one ("[Ada Lovelace, et al.] for two
    # authors"), which check then warned of.
    "a name and et al. typed with a comma": (
        "id: x\ntitle: A\nauthors: Ada Lovelace, et al.\nabstract: a\n",
        [f"{P}:3:10: 'authors' must be a list, not a string; write [Ada Lovelace, others]"],
    ),
    "names typed with a comma and et al.": (
        "id: x\ntitle: A\nauthors: Ada Lovelace, Alan Turing et al.\nabstract: a\n",
        [f"{P}:3:10: 'authors' must be a list, not a string;"
         " write [Ada Lovelace, Alan Turing, others]"],
    ),
    "authors and others": (
        "id: x\ntitle: A\nauthors: Ada Lovelace and others\nabstract: a\n",
        [f"{P}:3:10: 'authors' must be a list, not a string; write [Ada Lovelace, others]"],
    ),
    # A name starting with a quote or "- " is no YAML bare in a flow list
    # ("['Ada Lovelace]" was told): quoted, each reads back as the name written.
    "a name starting with a quote never closed": (
        "id: x\ntitle: A\nauthors: \"'Ada Lovelace\"\nabstract: a\n",
        [f"{P}:3:10: 'authors' must be a list, not a string; write [\"'Ada Lovelace\"]"],
    ),
    "a second name starting with a quote": (
        "id: x\ntitle: A\nauthors: Ada Lovelace and 'Alan Turing\nabstract: a\n",
        [f"{P}:3:10: 'authors' must be a list, not a string; write [Ada Lovelace, \"'Alan Turing\"]"],
    ),
    "a second name in quotes": (
        "id: x\ntitle: A\nauthors: Ada Lovelace and 'Alan Turing'\nabstract: a\n",
        [f"{P}:3:10: 'authors' must be a list, not a string; write [Ada Lovelace, \"'Alan Turing'\"]"],
    ),
    "a name typed after a comma and a list's dash": (
        "id: x\ntitle: A\nauthors: Ada Lovelace, - Alan Turing\nabstract: a\n",
        [f"{P}:3:10: 'authors' must be a list, not a string; write [Ada Lovelace, \"- Alan Turing\"]"
         ' for two authors, or ["Ada Lovelace, - Alan Turing"] for one written surname first'],
    ),
    # one text to YAML: "-B. Smith" (and "-C. Doe" under it) on lines of their own
    "a list's first item without a space after its dash": (
        "id: x\ntitle: A\nauthors:\n  -B. Smith\n  -C. Doe\nabstract: a\n",
        [f"{P}:4:3: 'authors' must be a list, not a string; a list item needs a space after"
         " its dash: '- B. Smith'"],
    ),
    "a topic without a space after its dash": (
        "id: x\ntitle: A\ntopics:\n  -rl\nabstract: a\n",
        [f"{P}:4:3: 'topics' must be a list, not a string; a list item needs a space after"
         " its dash: '- rl'"],
    ),
    "a list where a string belongs": (
        "id: x\ntitle: [A, B]\nabstract: a\n",
        [
            f"{P}:2:8: 'title' must be a string, not a list; it takes one value: write 'title: A' to keep"
            " the first, or 'title: A, B' to keep them all as one text"
        ],
    ),
    "a mapping where a year belongs": (
        "id: x\ntitle: A\nyear: {when: 2020}\nabstract: a\n",
        [f"{P}:3:7: 'year' must be a year, not a mapping"],
    ),
    "links as a list": (
        "id: x\ntitle: A\nlinks: [https://example.org]\nabstract: a\n",
        [f"{P}:3:8: 'links' must be a mapping of link kinds, not a list"],
    ),
    "date of another form": (
        "id: x\ntitle: A\nadded: 2026-1-5\nabstract: a\n",
        [f"{P}:3:8: 'added' must be a date as YYYY-MM-DD, not '2026-1-5'; write 2026-01-05"],
    ),
    "date with a time": (
        "id: x\ntitle: A\nadded: 2026/11/20 10:00\nabstract: a\n",
        [f"{P}:3:8: 'added' must be a date as YYYY-MM-DD, not '2026/11/20 10:00'; write 2026-11-20"],
    ),
    # Day and month both 12 or less: which comes first only its writer knows, so both
    # readings, day first and month first.
    "date of day and month in an order only its writer knows": (
        "id: x\ntitle: A\nadded: 05/01/2026\nabstract: a\n",
        [f"{P}:3:8: 'added' must be a date as YYYY-MM-DD, not '05/01/2026'; write 2026-01-05 or 2026-05-01"],
    ),
    "date of day and month in an order only its writer knows, with dots": (
        "id: x\ntitle: A\nadded: 4.12.2026\nabstract: a\n",
        [f"{P}:3:8: 'added' must be a date as YYYY-MM-DD, not '4.12.2026'; write 2026-12-04 or 2026-04-12"],
    ),
    "date of day and month in an order only its writer knows, with dashes": (
        "id: x\ntitle: A\nadded: 12-04-2026\nabstract: a\n",
        [f"{P}:3:8: 'added' must be a date as YYYY-MM-DD, not '12-04-2026'; write 2026-04-12 or 2026-12-04"],
    ),
    # The same number twice: one reading.
    "date of day and month the same": (
        "id: x\ntitle: A\nadded: 07/07/2026\nabstract: a\n",
        [f"{P}:3:8: 'added' must be a date as YYYY-MM-DD, not '07/07/2026'; write 2026-07-07"],
    ),
    # A month 0 or a day 0 makes one reading no date: the other alone is none either.
    "date of day and month with a zero": (
        "id: x\ntitle: A\nadded: 00/12/2026\nabstract: a\n",
        [f"{P}:3:8: 'added' must be a date as YYYY-MM-DD, not '00/12/2026'"],
    ),
    # A day past 12 says which number is the month: the date is known.
    "date written day first, its day past 12": (
        "id: x\ntitle: A\nadded: 29/11/2026\nabstract: a\n",
        [f"{P}:3:8: 'added' must be a date as YYYY-MM-DD, not '29/11/2026'; write 2026-11-29"],
    ),
    "date written month first, its day past 12": (
        "id: x\ntitle: A\nadded: 11/29/2026\nabstract: a\n",
        [f"{P}:3:8: 'added' must be a date as YYYY-MM-DD, not '11/29/2026'; write 2026-11-29"],
    ),
    "date written day first with dots": (
        "id: x\ntitle: A\nadded: 29.11.2026\nabstract: a\n",
        [f"{P}:3:8: 'added' must be a date as YYYY-MM-DD, not '29.11.2026'; write 2026-11-29"],
    ),
    "date written day first with dashes": (
        "id: x\ntitle: A\nadded: 29-11-2026\nabstract: a\n",
        [f"{P}:3:8: 'added' must be a date as YYYY-MM-DD, not '29-11-2026'; write 2026-11-29"],
    ),
    "date written month first with dashes": (
        "id: x\ntitle: A\nadded: 11-29-2026\nabstract: a\n",
        [f"{P}:3:8: 'added' must be a date as YYYY-MM-DD, not '11-29-2026'; write 2026-11-29"],
    ),
    # Its separators mixed ("29-11/2026"): a slip, not a date form: no hint.
    "date written year last with mixed separators": (
        "id: x\ntitle: A\nadded: 29-11/2026\nabstract: a\n",
        [f"{P}:3:8: 'added' must be a date as YYYY-MM-DD, not '29-11/2026'"],
    ),
    "date of a day past 12 that no month has": (
        "id: x\ntitle: A\nadded: 31/02/2026\nabstract: a\n",
        [f"{P}:3:8: 'added' must be a date as YYYY-MM-DD, not '31/02/2026'"],
    ),
    "misspelled field": (
        "id: x\ntitel: A\nabstract: a\n",
        [
            f"{P}:2:1: unknown field 'titel' (did you mean 'title'? the required field 'title'"
            " is missing)",
        ],
    ),
    "unknown field with nothing close": (
        "id: x\ntitle: A\ncolour: red\nabstract: a\n",
        [
            f"{P}:3:1: unknown field 'colour'; the fields are: id, title, authors, editors, year, venue,"
            " venue_kind, volume, number, pages, publisher, arxiv, doi, citation_key, links, topics, exclude_topics, tags, status, added, related, not_related, not_same_as, formerly, summary, notes,"
            " abstract"
        ],
    ),
    "octal-looking year": (
        "id: x\ntitle: A\nyear: 0123\nabstract: a\n",
        [f"{P}:3:7: 'year' must be a year from 1000 to 2999, not '0123'"],
    ),
    "a year with a letter typed for the digit it looks like": (
        "id: x\ntitle: A\nyear: 2O2l\nabstract: a\n",
        [f"{P}:3:7: 'year' must be a four-digit year such as 2024, not '2O2l': write 2021"],
    ),
    # Digits of another width or script, as a Japanese or Arabic keyboard types them:
    # they read as the year, written with 0-9 (it was told "a year from 1000 to 2999",
    # which '２０２１' reads as).
    **{
        f"a year written in {what}": (
            f"id: x\ntitle: A\nyear: {written}\nabstract: a\n",
            [f"{P}:3:7: 'year' must be a four-digit year such as 2024, not {written!r}: write 2021"],
        )
        for what, written in (
            ("full-width digits", "\uff12\uff10\uff12\uff11"), ("Arabic-Indic digits", "\u0662\u0660\u0662\u0661"),
            ("full-width digits with its month", "\uff12\uff10\uff12\uff11-05"),
        )
    },
    # A date where the year goes: the year alone is what the field holds.
    "a year written with its month": (
        "id: x\ntitle: A\nyear: 2021-05\nabstract: a\n",
        [f"{P}:3:7: 'year' must be a four-digit year such as 2024, not '2021-05': write 2021"],
    ),
    "a year written as a date": (
        "id: x\ntitle: A\nyear: 2021-05-17\nabstract: a\n",
        [f"{P}:3:7: 'year' must be a four-digit year such as 2024, not '2021-05-17': write 2021"],
    ),
    # (reviewer: December 5, 2011 was offered no year: '2011-12' read as a season, though
    # a day follows it)
    "a year written as a date in December": (
        "id: x\ntitle: A\nyear: 2011-12-05\nabstract: a\n",
        [f"{P}:3:7: 'year' must be a four-digit year such as 2024, not '2011-12-05': write 2011"],
    ),
    # One year and no other digit, with a stop, a comma, a space, brackets or the letter
    # an author-year citation tells two papers of one year apart by ("2021a"): the year
    # alone is what the field holds.
    **{
        f"a year written {written}": (
            f"id: x\ntitle: A\nyear: {written}\nabstract: a\n",
            [f"{P}:3:7: 'year' must be a four-digit year such as 2024, not {text!r}: write 2021"],
        )
        for written, text in (
            ("'2021.'", "2021."), ("2021.", "2021."), ("'2021,'", "2021,"), ("' 2021'", " 2021"),
            ("'(2021)'", "(2021)"), ("'2021a'", "2021a"), ("'May 2021'", "May 2021"),
            ("'2O21.'", "2O21."),
        )
    },
    # Two years, or digits besides the year: which year is meant is not clear, and no
    # value is offered ("2021-22" is a season, 2021 to 2022, not a month of 2021).
    **{
        f"no one clear year in {text}": (
            f"id: x\ntitle: A\nyear: '{text}'\nabstract: a\n",
            [f"{P}:3:7: 'year' must be a four-digit year such as 2024, not {text!r}"],
        )
        for text in ("2020/2021", "2021-22", "2011/12", "2021 (2020)", "20211", "2021a2", "2021 (\uff12\uff10\uff12\uff10)")
    },
    "four digits past any year a paper has": (
        "id: x\ntitle: A\nyear: 3025\nabstract: a\n",
        [f"{P}:3:7: 'year' must be a year from 1000 to 2999, not '3025'"],
    ),
    "arxiv id with too few digits": (
        "id: x\ntitle: A\narxiv: 2101.0001\nabstract: a\n",
        [
            f"{P}:3:8: 'arxiv' must be an arXiv identifier such as 2101.00010 or cs/0112017,"
            " not '2101.0001': an id of 2101 has 5 digits after the dot, not 4 (five since 2015, four before)"
        ],
    ),
    "arxiv id with its prefix": (
        "id: x\ntitle: A\narxiv: arXiv:2101.00010\nabstract: a\n",
        [f"{P}:3:8: 'arxiv' must be the identifier alone: write 2101.00010"],
    ),
    "arxiv id as a URL": (
        "id: x\ntitle: A\narxiv: https://arxiv.org/pdf/2101.00010v2.pdf\nabstract: a\n",
        [f"{P}:3:8: 'arxiv' must be the identifier alone: write 2101.00010v2"],
    ),
    # (An address copied from the browser's bar, which hides its scheme, is as plain.)
    "arxiv id as a URL without its scheme": (
        "id: x\ntitle: A\narxiv: arxiv.org/abs/2101.00010v3\nabstract: a\n",
        [f"{P}:3:8: 'arxiv' must be the identifier alone: write 2101.00010v3"],
    ),
    "doi with a resolver without its scheme": (
        "id: x\ntitle: A\ndoi: dx.doi.org/10.1000/xyz123\nabstract: a\n",
        [f"{P}:3:6: 'doi' must be the DOI alone, without 'dx.doi.org/': write 10.1000/xyz123"],
    ),
    "doi with a resolver": (
        "id: x\ntitle: A\ndoi: https://doi.org/10.1000/xyz123\nabstract: a\n",
        [f"{P}:3:6: 'doi' must be the DOI alone, without 'https://doi.org/': write 10.1000/xyz123"],
    ),
    "doi with a scheme": (
        "id: x\ntitle: A\ndoi: 'doi:10.1000/xyz123'\nabstract: a\n",
        [f"{P}:3:6: 'doi' must be the DOI alone, without 'doi:': write 10.1000/xyz123"],
    ),
    "not a doi": (
        "id: x\ntitle: A\ndoi: 10.1000\nabstract: a\n",
        [f"{P}:3:6: 'doi' must be a DOI such as 10.1000/xyz123, not '10.1000'"],
    ),
    "title null and abstract missing": (
        # The abstract is optional: many BibTeX entries have none.
        "id: x\ntitle: null\n",
        [f"{P}:2:8: required field 'title' is empty"],
    ),
    "blank title": (
        "id: x\ntitle: '   '\nabstract: a\n",
        [f"{P}:2:8: required field 'title' is empty"],
    ),
    "title with nothing after the colon": (
        "id: x\ntitle:\nabstract: a\n",
        [f"{P}:2:7: required field 'title' is empty"],
    ),
    "unknown ids with suggestions": (
        "id: x\ntitle: A\ntopics: [in-context]\nexclude_topics: [multitask-learning]\n"
        "related: [known-papr, zzz]\nabstract: a\n",
        [
            f"{P}:3:10: unknown topic 'in-context' (did you mean 'in-context-learning'?); remove it here, write the topic meant, or define it in topics.yml",
            f"{P}:4:18: unknown topic 'multitask-learning' (did you mean 'multi-task-learning'?)"
            "; remove it here, write the topic meant, or define it in topics.yml",
            f"{P}:5:11: unknown paper 'known-papr' (did you mean 'known-paper'?)",
            f"{P}:5:23: unknown paper 'zzz'" + NO_SUCH_PAPER,
        ],
    ),
    "ids listed twice, excluded and related to itself": (
        "id: x\ntitle: A\ntopics: [in-context-learning, in-context-learning]\n"
        "exclude_topics: [in-context-learning]\nrelated: [x]\nabstract: a\n",
        [
            f"{P}:3:31: 'topics' lists 'in-context-learning' twice (first at line 3, column 10); remove this one",
            f"{P}:4:18: 'in-context-learning' is in both topics and exclude_topics; remove it"
            " from one: from exclude_topics to put the paper in the topic, from topics to keep"
            " it out",
            f"{P}:5:11: a paper cannot be related to itself; remove it from 'related'",
        ],
    ),
    "not_related naming an unknown paper, itself and a paper it relates": (
        "id: x\ntitle: A\nrelated: [known-paper]\n"
        "not_related: [known-papr, x, known-paper, zzz]\nabstract: a\n",
        [
            f"{P}:4:15: unknown paper 'known-papr' (did you mean 'known-paper'?), which this list names already"
            " (at line 4, column 30); remove it",
            f"{P}:4:27: a paper cannot be in its own not_related; remove it from 'not_related'",
            f"{P}:4:30: 'known-paper' is in both related and not_related; remove it from one:"
            " from not_related to link the two, from related to part them",
            f"{P}:4:43: unknown paper 'zzz'" + NO_SUCH_PAPER,
        ],
    ),
    "not_related listing a paper twice": (
        "id: x\ntitle: A\nnot_related: [known-paper, known-paper]\nabstract: a\n",
        [f"{P}:3:28: 'not_related' lists 'known-paper' twice (first at line 3, column 15); remove this one"],
    ),
    "a tag listed twice": (
        # The page showed it twice, and papers.json listed it twice, without a word.
        "id: x\ntitle: A\ntags: [vit, ViT, vit, cv, cv, cv]\nrelated:\n  - known-paper\n  - known-paper\n"
        "abstract: a\n",
        [
            f"{P}:3:18: warning: 'tags' lists 'vit' twice (first at line 3, column 8); remove this one",
            f"{P}:3:27: warning: 'tags' lists 'cv' 3 times (first at line 3, column 23); remove all but one",
            f"{P}:6:5: 'related' lists 'known-paper' twice (first at line 5); remove this one",
        ],
    ),
    "editors checked as authors are": (
        # (bk2: a book's editors, a list of names as `authors` is, with its slips: an
        # editor typed twice in a row, "et al." for 'others', a name split at its comma,
        # one text for two names.)
        "id: x\ntitle: A\neditors:\n  - Jane Smith\n  - Jane Smith\n  - et al.\nabstract: a\n",
        [
            f"{P}:5:5: warning: 'editors' lists 'Jane Smith' twice (first at line 4); remove this"
            " one, unless two editors share the name: then say so in a comment after this one,"
            " '- Jane Smith  # another Jane Smith'",
            f"{P}:6:5: warning: 'et al.' is not a name: write 'others' as the last editor (BibTeX's"
            " 'and others'), shown as \"et al.\"",
        ],
    ),
    "editors written surname first, unquoted": (
        "id: x\ntitle: A\neditors: [Lamport, Leslie]\nabstract: a\n",
        [
            f"{P}:3:11: warning: 'editors' lists 2 one-word editors, 'Lamport' and 'Leslie': unquoted"
            ' in a list, a name written surname first is two editors; if they are names written'
            ' surname first, write ["Lamport, Leslie"]',
        ],
    ),
    "editors with TeX and an organisation unbraced": (
        "id: x\ntitle: A\neditors:\n  - Sch{\\\"o}lkopf, Bernhard\n  - Hugging Face\nabstract: a\n",
        [
            f"{P}:4:5: warning: 'editors' item 1 holds TeX ('{{\\\"o}}'), which the site shows as typed;"
            " write 'Schölkopf, Bernhard'",
            f"{P}:5:5: warning: 'editors' item 2 'Hugging Face' may be an organisation's name (each word a"
            " word of the dictionary), which the citations cite whole, as one: if it is, write it in braces,"
            " \"{Hugging Face}\" (quoted), to say so; if it is a person's, surname first, 'Face, Hugging',"
            " which they cite as a person's",
        ],
    ),
    "editors as one text": (
        "id: x\ntitle: A\neditors: Jane Smith and John Doe\nabstract: a\n",
        [f"{P}:3:10: 'editors' must be a list, not a string; write [Jane Smith, John Doe]"],
    ),
    "an author listed twice": (
        # (curator: a line duplicated in the editor, "- Noam Shazeer" twice, passed without
        # a word, and the page and the citations named him twice; a warning, as two
        # authors of one paper may share a name)
        "id: x\ntitle: A\nauthors:\n  - Ashish Vaswani\n  - Noam Shazeer\n  - Noam Shazeer\n"
        "  - Wei Wang\n  - Wei Wang\n  - Wei Wang\n  - Noam shazeer\nabstract: a\n",
        [
            f"{P}:6:5: warning: 'authors' lists 'Noam Shazeer' twice (first at line 5); remove this"
            " one, unless two authors share the name: then say so in a comment after this one,"
            " '- Noam Shazeer  # another Noam Shazeer'",
            f"{P}:8:5: warning: 'authors' lists 'Wei Wang' 3 times (first at line 7); remove all but"
            " one, unless authors share the name: then say so in a comment after each but the"
            " first, each its own, '- Wei Wang  # another Wei Wang', '- Wei Wang  # a third Wei Wang'",
        ],
    ),
    "three authors who share a name, in a row, each kept by a comment of its own": (
        # (review of cur1: the warning of three said to comment each but the first
        # '# another Wei Wang'; so commented, the third line was the second's, taken for a
        # line duplicated in the editor, and told to write the comment it had. Comments
        # of their own keep all three.)
        "id: x\ntitle: A\nauthors:\n  - Wei Wang\n  - Wei Wang  # another Wei Wang\n"
        "  - Wei Wang  # another Wei Wang\n  - Li, Wei\n  - Li, Wei  # another Li, Wei\n"
        "  - Li, Wei  # a third Li, Wei\nabstract: a\n",
        [
            f"{P}:6:5: warning: 'authors' lists 'Wei Wang' twice (first at line 5); remove this"
            " one, unless two authors share the name: then give this line a comment of its own,"
            " not the one the line above has (a line written as the one above, its comment too,"
            " is taken for one duplicated in the editor)",
        ],
    ),
    "two authors who share a name, in a row, kept with a comment": (
        # (curator: a paper by two people named Li Wei, listed one after the other as
        # published, was warned of with nothing to do; a comment on the second's line now
        # says they are two. A line duplicated in the editor, its comment too, still is
        # warned of, as is a third with no comment of its own, and a list in brackets,
        # whose one line no comment can tell of which author it speaks.)
        "id: x\ntitle: A\nauthors:\n  - Li, Wei\n  - Li, Wei  # another Li, Wei\n"
        "  - Wei Wang # Tsinghua\n  - Wei Wang # Tsinghua\n  - 'Wei Wang'  # of MIT\n  - Wei Wang\n"
        "  - O'Brien, Ann\n  - \"O'Brien, Ann\" # 2\nabstract: a\n",
        [
            f"{P}:7:5: warning: 'authors' lists 'Wei Wang' twice (first at line 6); remove this"
            " one, unless two authors share the name: then give this line a comment of its own,"
            " not the one the line above has (a line written as the one above, its comment too,"
            " is taken for one duplicated in the editor)",
            f"{P}:9:5: warning: 'authors' lists 'Wei Wang' twice (first at line 8); remove this"
            " one, unless two authors share the name: then say so in a comment after this one,"
            " '- Wei Wang  # another Wei Wang'",
        ],
    ),
    "two authors of one name in a list in brackets over lines, kept with a comment": (
        # (review of cur1: the comment after the second's comma, where a curator writes it,
        # was not found past the quotes, and the warning could not be silenced)
        'id: x\ntitle: A\nauthors: [\n  "Li, Wei",\n  "Li, Wei",  # another Li, Wei\n  Wei Wang,\n'
        "  Wei Wang,\n]\nabstract: a\n",
        [
            f"{P}:7:3: warning: 'authors' lists 'Wei Wang' twice (first at line 6); remove this"
            " one, unless two authors share the name: then say so in a comment after this one,"
            " '- Wei Wang  # another Wei Wang'",
        ],
    ),
    "two authors of one name in brackets": (
        'id: x\ntitle: A\nauthors: ["Li, Wei", "Li, Wei"]  # two of them\nabstract: a\n',
        [
            f"{P}:3:22: warning: 'authors' lists 'Li, Wei' twice (first at line 3, column 11); remove"
            " this one, unless two authors share the name: then write the authors one a line, the"
            " second with a comment after it, '- Li, Wei  # another Li, Wei'",
        ],
    ),
    "two authors who share a name, apart in the list": (
        # (a paper of many authors names two people 'Wei Wang', as published: warned of,
        # the curator could do nothing to silence it; a line duplicated in the editor is
        # a name twice in a row)
        "id: x\ntitle: A\nauthors:\n  - Wei Wang\n  - Ashish Vaswani\n  - Wei Wang\n"
        "  - Noam Shazeer\n  - Noam Shazeer\n  - Wei Wang\nabstract: a\n",
        [
            f"{P}:8:5: warning: 'authors' lists 'Noam Shazeer' twice (first at line 7); remove this"
            " one, unless two authors share the name: then say so in a comment after this one,"
            " '- Noam Shazeer  # another Noam Shazeer'",
        ],
    ),
    # A link added by hand said to be found by "me" or "by hand": told the choice that
    # means the curator (it was told the choices alone).
    "found_in written as the curator's own words": (
        "id: x\ntitle: A\nlinks:\n  code:\n    - url: https://github.com/a/b\n      found_in: by hand\n"
        "    - url: https://github.com/a/c\n      found_in: me\nabstract: a\n",
        [
            f"{P}:6:17: 'found_in' must be one of abstract, bibtex, comment, curator, ris, not 'by hand'"
            " (did you mean 'curator'?)",
            f"{P}:8:17: 'found_in' must be one of abstract, bibtex, comment, curator, ris, not 'me'"
            " (did you mean 'curator'?)",
        ],
    ),
    # YAML 1.1's "yes", which these files read as text: told the value to write.
    "official written yes or no": (
        "id: x\ntitle: A\nlinks:\n  code:\n    - url: https://github.com/a/b\n      official: yes\n"
        "    - url: https://github.com/a/c\n      official: No\n"
        "    - url: https://github.com/a/d\n      official: maybe\nabstract: a\n",
        [
            f"{P}:6:17: 'official' must be true or false, not 'yes'; write 'official: true'",
            f"{P}:8:17: 'official' must be true or false, not 'No'; write 'official: false'",
            f"{P}:10:17: 'official' must be true or false, not 'maybe'",
        ],
    ),
    "status not one of the choices": (
        "id: x\ntitle: A\nstatus: must read\nabstract: a\n",
        [
            f"{P}:3:9: 'status' must be one of must-read, classic, to-read, reference,"
            " not 'must read' (did you mean 'must-read'?)"
        ],
    ),
    # A month past 12 with a day of 12 or less: the day and month swapped, the date
    # they make suggested (read back as a date first).
    "impossible month": (
        "id: x\ntitle: A\nadded: 2026-13-01\nabstract: a\n",
        [
            f"{P}:3:8: 'added': there is no 2026-13-01: a month is 01 to 12"
            " (the date is written YYYY-MM-DD); write 2026-01-13"
        ],
    ),
    "date year first, its day and month swapped": (
        "id: x\ntitle: A\nadded: 2026-31-12\nabstract: a\n",
        [
            f"{P}:3:8: 'added': there is no 2026-31-12: a month is 01 to 12"
            " (the date is written YYYY-MM-DD); write 2026-12-31"
        ],
    ),
    "date year first with slashes, its day and month swapped": (
        "id: x\ntitle: A\nadded: 2026/13/4\nabstract: a\n",
        [f"{P}:3:8: 'added' must be a date as YYYY-MM-DD, not '2026/13/4'; write 2026-04-13"],
    ),
    # Swapped, no date either (31 February; a day 0; both past 12): no hint.
    "date year first, swapped no date either": (
        "id: x\ntitle: A\nadded: 2026-31-02\nabstract: a\n",
        [
            f"{P}:3:8: 'added': there is no 2026-31-02: a month is 01 to 12"
            " (the date is written YYYY-MM-DD)"
        ],
    ),
    "date year first, its month past 12 and day 0": (
        "id: x\ntitle: A\nadded: 2026-13-00\nabstract: a\n",
        [
            f"{P}:3:8: 'added': there is no 2026-13-00: a month is 01 to 12"
            " (the date is written YYYY-MM-DD)"
        ],
    ),
    "date year first, its month and day past 12": (
        "id: x\ntitle: A\nadded: 2026/13/31\nabstract: a\n",
        [f"{P}:3:8: 'added' must be a date as YYYY-MM-DD, not '2026/13/31'"],
    ),
    # A month in words, as a curator types a day by hand, in any of the orders English
    # writes it: told the one date it is (they were told only "must be a date as
    # YYYY-MM-DD").
    "date with the month's name, day first": (
        "id: x\ntitle: A\nadded: 5 Dec 2026\nabstract: a\n",
        [f"{P}:3:8: 'added' must be a date as YYYY-MM-DD, not '5 Dec 2026'; write 2026-12-05"],
    ),
    "date with the month's name, month first": (
        "id: x\ntitle: A\nadded: Sept. 3rd, 2026\nabstract: a\n",
        [f"{P}:3:8: 'added' must be a date as YYYY-MM-DD, not 'Sept. 3rd, 2026'; write 2026-09-03"],
    ),
    "date with the month's name, year first": (
        "id: x\ntitle: A\nadded: 2026-nov-29\nabstract: a\n",
        [f"{P}:3:8: 'added' must be a date as YYYY-MM-DD, not '2026-nov-29'; write 2026-11-29"],
    ),
    # No such day, or no English month: no date is offered.
    "date with the month's name, no such day": (
        "id: x\ntitle: A\nadded: 30 February 2026\nabstract: a\n",
        [f"{P}:3:8: 'added' must be a date as YYYY-MM-DD, not '30 February 2026'"],
    ),
    "date with a word that is no month's name": (
        "id: x\ntitle: A\nadded: 5 Decembre 2026\nabstract: a\n",
        [f"{P}:3:8: 'added' must be a date as YYYY-MM-DD, not '5 Decembre 2026'"],
    ),
    # The date is well formed; what is wrong is the day, and the message says so.
    "impossible day": (
        "id: x\ntitle: A\nadded: 2026-11-31\nabstract: a\n",
        [f"{P}:3:8: 'added': there is no 2026-11-31: November 2026 has 30 days"],
    ),
    "29 February of a year that is not a leap year": (
        "id: x\ntitle: A\nadded: 2025-02-29\nabstract: a\n",
        [f"{P}:3:8: 'added': there is no 2025-02-29: February 2025 has 28 days"],
    ),
    "day 00": (
        "id: x\ntitle: A\nadded: 2024-01-00\nabstract: a\n",
        [f"{P}:3:8: 'added': there is no 2024-01-00: a day is 01 to 31 in January 2024"],
    ),
    "year 0": (
        "id: x\ntitle: A\nadded: 0000-01-01\nabstract: a\n",
        [f"{P}:3:8: 'added': there is no 0000-01-01: the years start at 0001"],
    ),
    "id that is not a slug": (
        "id: Not_A_Slug\ntitle: A\nabstract: a\n",
        [
            f"{P}:1:5: 'id' must be an id of lowercase a-z, 0-9 and single hyphens,"
            " at most 80 characters, not 'Not_A_Slug'; write 'id: x', its file's name"
        ],
    ),
    # A summary is plain text: written with Markdown, the site showed its asterisks and
    # brackets as typed, and nothing said so. One "*" in a sentence is no mark.
    "summary with Markdown": (
        "id: x\ntitle: A\nsummary: Read **section 3** first, or [the talk](https://youtu.be/x).\nabstract: a\n",
        [
            f"{P}:3:10: warning: 'summary' is plain text, shown as typed: '**section 3**' keeps its"
            " marks on the site; write the sentence without Markdown ('notes' takes Markdown, links too)"
        ],
    ),
    "summary with a link in Markdown": (
        "id: x\ntitle: A\nsummary: \"See [the talk](https://youtu.be/x).\"\nabstract: a\n",
        [
            f"{P}:3:10: warning: 'summary' is plain text, shown as typed: '[the talk](https://youtu.be/x)'"
            " keeps its marks on the site; write the sentence without Markdown ('notes' takes Markdown,"
            " links too)"
        ],
    ),
    "summary with an asterisk of its own": (
        "id: x\ntitle: A\nsummary: Significant at p < 0.05* in 3 * 4 runs.\nabstract: a\n",
        [],
    ),
    # Text that looks like Markdown's strong marks but is a sentence's own: Python's
    # dunder names and powers written as code writes them, meant to be shown as typed.
    "summary with Python's names and powers": (
        "id: x\ntitle: A\nsummary: Why __init__ and __call__ matter; loss falls as N**-0.5 and D**-0.3.\nabstract: a\n",
        [],
    ),
    # An accent typed in an id (a title's word, "Modèle", "Straße"): told the id it reads as,
    # as an imported title's slug folds it; it was told only what an id may hold.
    "ids written with accents": (
        "id: x\ntitle: A\nrelated: [knöwn-paper]\ntopics: [in-cöntext-learning]\nabstract: a\n",
        [
            f"{P}:3:11: write the paper as its id 'known-paper', not 'knöwn-paper'",
            f"{P}:4:10: write the topic as its id 'in-context-learning', not 'in-cöntext-learning'",
        ],
    ),
    "id that does not match the file name": (
        "id: known-paper-2\ntitle: A\nabstract: a\n",
        [
            f"{P}:1:5: id 'known-paper-2' does not match the file name 'x.yml'; rename the file, mv"
            f" {P} content/papers/known-paper-2.yml, or write 'id: x' (an id is its page's address:"
            " if the site was published with 'known-paper-2', add 'formerly: [known-paper-2]' so that"
            " address leads here); to rename the paper, its old address leading to the new and what"
            " names it changed too, write 'id: x' back and run: readinglist rename x known-paper-2"
        ],
    ),
    "not a mapping": (
        "- id: x\n- title: A\n",
        [f"{P}:1:1: a paper file must be a mapping of field: value, not a list"],
    ),
    "empty file": (
        "",
        [f"{P}:1:1: the file is empty; a paper needs an id and a title"],
    ),
    "only comments": (
        "# yaml-language-server: $schema=../schema/paper.schema.json\n",
        [f"{P}:1:1: the file is empty; a paper needs an id and a title"],
    ),
    "not utf-8": (
        "id: x\ntitle: Caf\xe9\nabstract: a\n".encode("latin-1"),
        [f"{P}:2:11: the file is not UTF-8 (invalid byte 0xe9); it reads as Windows-1252"
         " or Latin-1: save it as UTF-8"],
    ),
    "utf-16": (
        "id: x\ntitle: Café\nabstract: a\n".encode("utf-16"),
        [f"{P}:1:1: the file is UTF-16 (its first bytes say so); save it as UTF-8"],
    ),
    "utf-8 with one bad byte": (
        "id: x\ntitle: Café\nabstract: a\n".encode() + b"\xe9\n",
        [f"{P}:4:1: the file is not UTF-8 (invalid byte 0xe9); save it as UTF-8"],
    ),
    "giant abstract": (
        "id: x\ntitle: A\nabstract: " + "a" * 100_001 + "\n",
        [f"{P}:3:11: 'abstract' is 100,001 characters long; the limit is 100,000"],
    ),
    "alias bomb": (
        "id: x\ntitle: A\nabstract: a\ntags: &a [lol, lol]\nnotes: &b [*a, *a]\n",
        [
            f"{P}:4:7: '&a' is a YAML anchor; a curation file may not hold anchors (nor the"
            " aliases that repeat them): remove it",
            # (The list itself is read, a tag given twice.)
            f"{P}:4:16: warning: 'tags' lists 'lol' twice (first at line 4, column 11); remove this one",
            f"{P}:5:8: '&b' is a YAML anchor; a curation file may not hold anchors (nor the"
            " aliases that repeat them): remove it",
            f"{P}:5:8: 'notes' must be a string, not a list",
            # compose() keeps no position for an alias: the list holding it is shown.
            f"{P}:5:8: YAML aliases are not allowed: item 1 repeats the anchor at line 4;"
            " write the value out",
            f"{P}:5:8: YAML aliases are not allowed: item 2 repeats the anchor at line 4;"
            " write the value out",
        ],
    ),
    "python object tag": (
        "id: x\ntitle: !!python/object/apply:os.system [echo pwned]\nabstract: a\n",
        [
            f"{P}:2:8: YAML tag '!!python/object/apply:os.system' is not allowed",
        ],
    ),
}


@pytest.mark.parametrize("line", [
    "year: \uff12\uff10\uff12\uff11", "year: '\u0662\u0660\u0662\u0661'", "year: \uff12\uff10\uff12\uff11\u5e74",
    "year: [\uff12\uff10\uff12\uff11]",
])
def test_a_year_in_digits_other_than_0_to_9_is_told_a_fix_that_check_then_takes(tmp_path, line):
    (said,) = check_one(tmp_path, f"id: x\ntitle: A\n{line}\nabstract: a\n")
    fix = said.rsplit(" write ", 1)[1].strip("'")
    assert fix in ("2021", "year: 2021"), said
    fixed = fix if fix.startswith("year:") else f"year: {fix}"
    assert check_one(tmp_path, f"id: x\ntitle: A\n{fixed}\nabstract: a\n") == []


@pytest.mark.parametrize("case", CASES)
def test_each_mistake_is_reported_with_its_exact_text_and_place(tmp_path, case):
    text, expected = CASES[case]
    assert check_one(tmp_path, text) == expected


# An identifier one clear step from its form: the value to write, which check then takes.
IDENTIFIER_FIXES = {
    "a space in a DOI's suffix": (
        "doi: 10.1000/ab c", "3:6: 'doi' must be a DOI such as 10.1000/xyz123, not '10.1000/ab c'"
        " (a DOI holds no space): write 10.1000/abc", "doi: 10.1000/abc",
    ),
    "a space before a DOI's slash": (
        "doi: '10.1000 /abc'", "3:6: 'doi' must be a DOI such as 10.1000/xyz123, not '10.1000 /abc'"
        " (a DOI holds no space): write 10.1000/abc", "doi: 10.1000/abc",
    ),
    "a space in a DOI after its resolver": (
        "doi: https://doi.org/10.1000/ab c", "3:6: 'doi' must be a DOI such as 10.1000/xyz123, not"
        " 'https://doi.org/10.1000/ab c' (a DOI holds no space): write 10.1000/abc", "doi: 10.1000/abc",
    ),
    "a version letter without its number": (
        "arxiv: 2101.00010v", "3:8: 'arxiv' must be an arXiv identifier such as 2101.00010 or"
        " cs/0112017, not '2101.00010v' (a version is v1, v2, ...): write 2101.00010", "arxiv: 2101.00010",
    ),
    "a version of no number": (
        "arxiv: 2101.00010v-1", "3:8: 'arxiv' must be an arXiv identifier such as 2101.00010 or"
        " cs/0112017, not '2101.00010v-1' (a version is v1, v2, ...): write 2101.00010",
        "arxiv: 2101.00010",
    ),
    "a version in capitals": (
        "arxiv: 2101.00010V2", "3:8: 'arxiv' must be an arXiv identifier such as 2101.00010 or"
        " cs/0112017, not '2101.00010V2' (a version is v1, v2, ...): write 2101.00010v2",
        "arxiv: 2101.00010v2",
    ),
    "arXiv and a space before the id": (
        "arxiv: arXiv 2101.00010", "3:8: 'arxiv' must be the identifier alone: write 2101.00010",
        "arxiv: 2101.00010",
    ),
}


@pytest.mark.parametrize("case", IDENTIFIER_FIXES)
def test_an_identifier_one_clear_step_from_its_form_is_told_the_value_check_takes(tmp_path, case):
    line, expected, fixed = IDENTIFIER_FIXES[case]
    assert check_one(tmp_path, f"id: x\ntitle: A\n{line}\nabstract: a\n") == [f"{P}:{expected}"]
    assert check_one(tmp_path, f"id: x\ntitle: A\n{fixed}\nabstract: a\n") == []


# A status written as another word for one ("reading": a paper still to be read): the
# status meant, which check then takes; a word that names none gets no guess.
STATUS_MEANT = {
    "reading": "to-read",
    "Currently reading": "to-read",
    "unread": "to-read",
    "seminal": "classic",
    "essential": "must-read",
    "must_read": "must-read",
    # Too far from every value for a slip of the keys, and no other word for one, yet
    # each word a letter from the value's (cur1: no value was offered).
    "to reed": "to-read",
}


@pytest.mark.parametrize("written", STATUS_MEANT)
def test_a_status_written_as_another_word_for_one_is_told_the_status_meant(tmp_path, written):
    meant = STATUS_MEANT[written]
    assert check_one(tmp_path, f"id: x\ntitle: A\nstatus: {written}\nabstract: a\n") == [
        f"{P}:3:9: 'status' must be one of must-read, classic, to-read, reference, not {written!r}"
        f" (did you mean {meant!r}?)"
    ]
    assert check_one(tmp_path, f"id: x\ntitle: A\nstatus: {meant}\nabstract: a\n") == []


def test_a_status_that_names_none_gets_no_guess(tmp_path):
    assert check_one(tmp_path, "id: x\ntitle: A\nstatus: done\nabstract: a\n") == [
        f"{P}:3:9: 'status' must be one of must-read, classic, to-read, reference, not 'done'"
    ]


def test_a_word_as_near_two_values_is_offered_both_and_one_near_none_nothing():
    from generator.typos import nearest

    # ("trey" is a letter from each: all, in the values' order; "red" a letter from "read",
    # a word of two values: both)
    assert nearest("trey", ["tray", "tree", "trek"]) == ["tray", "tree", "trek"]
    assert nearest("red", ["must-read", "classic", "to-read", "reference"]) == ["must-read", "to-read"]
    assert nearest("to reed", ["must-read", "classic", "to-read", "reference"]) == ["to-read"]
    assert nearest("skim", ["must-read", "classic", "to-read", "reference"]) == []


def test_a_status_a_letter_from_a_word_of_two_values_is_offered_both(tmp_path):
    # ("red", a letter short of "read": cur1 offered 'to-read' alone, the nearer by
    # rapidfuzz's ratio, when "read" is as much a word of 'must-read')
    assert check_one(tmp_path, "id: x\ntitle: A\nstatus: red\nabstract: a\n") == [
        f"{P}:3:9: 'status' must be one of must-read, classic, to-read, reference, not 'red'"
        " (did you mean 'must-read' or 'to-read'?)"
    ]


@pytest.mark.parametrize("field, written", [
    # (review of cur1: a likeness of letters, rapidfuzz's ratio 50 and above, offered a
    # value for a tenth of English words, and for a link's found_in words of other
    # things: "arxiv" was asked "did you mean 'ris'?", "code" "did you mean 'comment'?")
    ("status", "core"), ("status", "used"), ("status", "attic"), ("status", "readme"),
    ("found_in", "arxiv"), ("found_in", "code"), ("found_in", "website"),
])
def test_a_value_alike_in_letters_alone_gets_no_guess(tmp_path, field, written):
    if field == "status":
        text, where, values = f"status: {written}\n", "4:9", "must-read, classic, to-read, reference"
    else:
        text = f"links:\n  code:\n    - url: https://github.com/o/r\n      found_in: {written}\n"
        where, values = "7:17", "abstract, bibtex, comment, curator, ris"
    assert check_one(tmp_path, f"id: x\ntitle: A\nabstract: a\n{text}") == [
        f"{P}:{where}: '{field}' must be one of {values}, not '{written}'"
    ]


def code_link(url: str) -> str:
    return f"id: x\ntitle: A\nabstract: a\nlinks:\n  code:\n    - url: {url}\n"


URL_CASES = {
    "javascript": (
        "javascript:alert(1)",
        "6:12: 'url' must be an http(s) URL, not a 'javascript:' URL",
    ),
    "javascript in capitals": (
        "JavaScript:alert(1)",
        "6:12: 'url' must be an http(s) URL, not a 'javascript:' URL",
    ),
    "data": ("'data:text/html,<b>x</b>'", "6:12: 'url' must be an http(s) URL, not a 'data:' URL"),
    "file": ("file:///etc/passwd", "6:12: 'url' must be an http(s) URL, not a 'file:' URL"),
    "protocol-relative": (
        "//evil.example/x",
        "6:12: 'url' must be an absolute http(s) URL: write https://evil.example/x",
    ),
    "no scheme": (
        "github.com/a/b",
        "6:12: 'url' must be an absolute http(s) URL: write https://github.com/a/b",
    ),
    # A slip in the scheme's "://" (a slash or the colon missing): the fix is plain.
    "one slash": (
        "https:/github.com/a/b",
        "6:12: 'url' must be an absolute http(s) URL: write https://github.com/a/b",
    ),
    "no colon": (
        "https//github.com/a/b",
        "6:12: 'url' must be an absolute http(s) URL: write https://github.com/a/b",
    ),
    "no colon, http": (
        "http//example.org/x",
        "6:12: 'url' must be an absolute http(s) URL: write http://example.org/x",
    ),
    # A slip in typing the scheme itself: one key from https or http, and a host after it.
    "a letter missing from https": (
        "htps://github.com/a/b",
        "6:12: 'url' must be an http(s) URL, not a 'htps:' URL: write https://github.com/a/b",
    ),
    "a letter too many in http": (
        "htttp://example.org/x",
        "6:12: 'url' must be an http(s) URL, not a 'htttp:' URL: write http://example.org/x",
    ),
    # A three-letter slip is one key from http alone; a host that serves https is written
    # https, as `check` would next ask of http://github.com/.
    "a letter missing from http": (
        "htp://example.org/x",
        "6:12: 'url' must be an http(s) URL, not a 'htp:' URL: write http://example.org/x",
    ),
    "a letter missing from http, to a host serving https": (
        "htp://github.com/a/b",
        "6:12: 'url' must be an http(s) URL, not a 'htp:' URL: write https://github.com/a/b",
    ),
    # Two slips at once, one in the scheme and one in its "://": each plain.
    "a letter and a slash missing": (
        "htps:/github.com/a/b",
        "6:12: 'url' must be an http(s) URL, not a 'htps:' URL: write https://github.com/a/b",
    ),
    "a letter and the colon missing": (
        "htps//github.com/a/b",
        "6:12: 'url' must be an absolute http(s) URL: write https://github.com/a/b",
    ),
    # The colon's key neighbour, a colon twice, backslashes for slashes.
    "a semicolon for the colon": (
        "https;//github.com/a/b",
        "6:12: 'url' must be an absolute http(s) URL: write https://github.com/a/b",
    ),
    "two colons": (
        "https:://github.com/a/b",
        "6:12: 'url' must be an absolute http(s) URL: write https://github.com/a/b",
    ),
    "backslashes": (
        "https:\\\\github.com/a/b",
        "6:12: 'url' must be an absolute http(s) URL: write https://github.com/a/b",
    ),
    # (user: "https:\\x.org\a" was told nothing: backslashes typed for slashes all through; the
    # backslashes in its path separate its parts as those after the scheme do.)
    "backslashes in the path too": (
        "https:\\\\github.com\\a\\b",
        "6:12: 'url' must be an absolute http(s) URL: write https://github.com/a/b",
    ),
    # (user: "https://github.com\a\b", pasted from a Windows path after a correct "://",
    # was accepted and rendered with its backslashes: a browser reads each as a slash.)
    "backslashes after a correct ://": (
        "https://github.com\\a\\b",
        "6:12: 'url' must be an absolute http(s) URL: write https://github.com/a/b",
    ),
    "a backslash in the path after a slash": (
        "https://example.org/a\\b?q=x\\y",
        "6:12: 'url' must be an absolute http(s) URL: write https://example.org/a/b?q=x\\y",
    ),
    "http to a host serving https, with backslashes": (
        "http://github.com\\a\\b",
        "6:12: 'url' must be an absolute http(s) URL: write https://github.com/a/b",
    ),
    # (A backslash in the query is its data: a browser keeps it there.)
    "backslashes in the path, not in its query": (
        "'https:\\\\example.org\\a?q=x\\y'",
        "6:12: 'url' must be an absolute http(s) URL: write https://example.org/a?q=x\\y",
    ),
    # ftp is another kind of address, not a slip: nothing to write instead; nor is
    # "hxxp", written so on purpose to keep an address from being a link.
    "ftp": ("ftp://example.org/x", "6:12: 'url' must be an http(s) URL, not a 'ftp:' URL"),
    "hxxp": ("hxxp://example.org/x", "6:12: 'url' must be an http(s) URL, not a 'hxxp:' URL"),
    "no host": (
        "https:///",
        "6:12: 'url' must be an absolute http(s) URL with a host name, like https://example.org/",
    ),
    # A space inside the path or query may be the address's own: written %20 there.
    "a space": (
        "'https://github.com/a b'",
        "6:33: 'url' contains a space; in an address it is written %20: write https://github.com/a%20b",
    ),
    # (Removed as told, the address is refused again: said at once, with its own fix.)
    "a space before an address without its scheme": (
        "' github.com/a/b'",
        "6:13: 'url' contains a space; remove it; without it, the address must be an absolute"
        " http(s) URL: write https://github.com/a/b",
    ),
    "a space in an address of another kind": (
        "'ftp://example.org/a b'",
        "6:32: 'url' contains a space; remove it; without it, the address must be an http(s)"
        " URL, not a 'ftp:' URL",
    ),
    "a raw zero-width space": (
        "https://github.com/a\u200bb",
        "6:32: 'url' contains U+200B ZERO WIDTH SPACE; remove it",
    ),
    "an escaped zero-width space": (
        '"https://github.com/a\\u200bb"',
        "6:12: 'url' contains U+200B ZERO WIDTH SPACE; remove it",
    ),
    "a line break kept by a block scalar": (
        "|\n        https://github.com/a/b",
        "6:12: 'url' contains U+000A LINE FEED; remove it",
    ),
    "a right-to-left override": (
        "https://github.com/\u202eb/a",
        "6:31: 'url' contains U+202E RIGHT-TO-LEFT OVERRIDE; remove it",
    ),
    # Once accepted: the page then said "No code linked" and `links` stopped with a
    # traceback.
    "an IPv6 host left open": (
        "http://[::1",
        "6:12: 'url' is no address a browser can open: Invalid IPv6 URL",
    ),
    "a port out of range": (
        "https://github.com:99999/a/b",
        "6:12: 'url' is no address a browser can open: Port out of range 0-65535",
    ),
    # Once accepted: it reads as GitHub and goes to example.org, and a password in it
    # would be published.
    "a name before the host": (
        "https://github.com@example.org/a/b",
        "6:20: 'url' holds 'github.com@' before its host: a browser goes to 'example.org' and"
        " skips that part, which the site would publish (a password too); remove it, and"
        " check that the host is the site meant",
    ),
    "a user and password before the host": (
        "https://me:secret@gitlab.com/a/b",
        "6:20: 'url' holds 'me:secret@' before its host: a browser goes to 'gitlab.com' and"
        " skips that part, which the site would publish (a password too); remove it, and"
        " check that the host is the site meant",
    ),
}


# Punctuation copied with an address from the text around it: the link leads nowhere.
GLUED_CASES = {
    "a closing bracket": ("https://github.com/o/r)", "')'", "https://github.com/o/r"),
    "a bracket and a full stop": ("https://github.com/o/r).", "').'", "https://github.com/o/r"),
    "a comma": ("https://gitlab.com/o/r,", "','", "https://gitlab.com/o/r"),
    "a quote opened before the address": ('https://example.org/p?q=1"', "'\"'", "https://example.org/p?q=1"),
    "a full stop after a quote of the address's own": (
        'https://example.org/p#sec-"3".', "'.'", 'https://example.org/p#sec-"3"',
    ),
}


@pytest.mark.parametrize("case", GLUED_CASES)
def test_an_address_ending_with_the_punctuation_of_its_text_is_a_warning(tmp_path, case):
    url, glued, meant = GLUED_CASES[case]
    assert check_one(tmp_path, code_link(url)) == [
        f"{P}:6:12: warning: 'url' ends with {glued}, which belongs to the text it was"
        f" copied from, not to the address; write {meant}",
    ]


@pytest.mark.parametrize("url", [
    "https://en.wikipedia.org/wiki/Graph_(abstract_data_type)",
    'https://example.org/page?a=1#sec-"3"',  # (a quote the address opens too)
    "https://example.org/a?q=x\\y#p\\q",  # (a backslash in the query or fragment is its data)
])
def test_an_address_whose_brackets_or_quotes_are_its_own_is_no_warning(tmp_path, url):
    assert check_one(tmp_path, code_link(url)) == []


# Pieces of addresses mistyped (a bracket left open, a full-width '＃', a space, a
# backslash, a port, a name before the host) in any order: check told each, or stopped
# with a traceback where Python's own reading of an address raised ("https://[::1/a b"
# and "https://a＃b.example/a b", each with a space, as check offered a %20 fix).
_URL_PIECES = st.sampled_from([
    "https://", "http://", "github.com", "[", "]", "::1", ":", "80", "99999", "/", "\\",
    " ", "＃", "#", "?", "q=", "@", "%", "%zz", "a", ".", "\u3002", "\u200b", "-",
])


@settings(max_examples=300, deadline=None)
@example("https://[::1/a b").via("found by chk24")
@example("https://a\uff03b.example/a b").via("found by chk24")
@given(st.lists(_URL_PIECES, min_size=1, max_size=8).map("".join))
def test_any_mistyped_address_is_told_at_its_place_never_with_a_traceback(url):
    import json
    import tempfile

    with tempfile.TemporaryDirectory() as scratch:
        said = check_one(Path(scratch), code_link(json.dumps(url)))
    # (A valid address is told nothing; every other is told at the line of its url.)
    assert all(line.startswith(f"{P}:6:") for line in said), (url, said)


@pytest.mark.parametrize(("url", "why"), [
    ("https://a\uff03b.example/a b", "netloc 'a\uff03b.example' contains invalid characters under NFKC normalization"),
    ("https://ex.org:99999/a b", "Port out of range 0-65535"),
])
def test_a_space_in_an_address_no_browser_can_open_says_why_with_remove_it(tmp_path, url, why):
    # (review: 'remove it' alone, or with "must be an absolute http(s) URL, like
    # https://example.org/", which it is: done, check refused the address the next run
    # for its host or its port, as a browser would.)
    said = check_one(tmp_path, code_link(json.dumps(url, ensure_ascii=False)))
    assert said == [  # (its value starts at column 13, after "    - url: \"")
        f"{P}:6:{13 + url.index(' ')}: 'url' contains a space; remove it; without it, the address is one no browser"
        f" can open: {why}"
    ]
    assert check_one(tmp_path, code_link(json.dumps(url.replace(" ", ""), ensure_ascii=False))) == [
        f"{P}:6:12: 'url' is no address a browser can open: {why}"
    ]


@pytest.mark.parametrize("case", URL_CASES)
def test_urls_must_be_plain_absolute_http(tmp_path, case):
    url, expected = URL_CASES[case]
    assert check_one(tmp_path, code_link(url)) == [f"{P}:{expected}"]


# A space inside an address's path or query: written %20 there, the fix offered; one at
# either end, in the host or right after the scheme is none of the address's: removed.
SPACED_URLS = {
    "in the path": ("'https://example.org/a b'", "6:34", "a space", "https://example.org/a%20b"),
    "in the query": ("'https://example.org/x?q=a b'", "6:38", "a space", "https://example.org/x?q=a%20b"),
    "twice": (
        "'https://example.org/a b/c d.html'", "6:34", "2 spaces (the first here)",
        "https://example.org/a%20b/c%20d.html",
    ),
    # (A Windows path pasted, its backslashes for slashes: "remove it" offered
    # https://example.org/Mypapers/a, another address.)
    "with backslashes": (
        "'https://example.org\\My papers\\a'", "6:35", "a space", "https://example.org/My%20papers/a",
    ),
}


@pytest.mark.parametrize("case", SPACED_URLS)
def test_a_space_inside_an_address_is_told_as_percent_20_and_that_fix_passes_check(tmp_path, case):
    url, place, what, fixed = SPACED_URLS[case]
    them = "each is" if "spaces" in what else "it is"
    assert check_one(tmp_path, code_link(url)) == [
        f"{P}:{place}: 'url' contains {what}; in an address {them} written %20: write {fixed}"
    ]
    assert check_one(tmp_path, code_link(fixed)) == []


# A space beside an address's own punctuation is a slip (hunt14: "1604.03539 .pdf" was told
# to be written "%20.pdf", a broken link): the address without it is offered first.
SLIPPED_URLS = {
    "before a dot": (
        "'https://github.com/a/b/blob/main/README .md'", "6:52", "a space beside '.'",
        "https://github.com/a/b/blob/main/README.md", "it is", "https://github.com/a/b/blob/main/README%20.md",
    ),
    "after slash and before one": (
        "'https://github.com/a/ b /tree/main'", "6:34", "2 spaces (the first here) beside '/'",
        "https://github.com/a/b/tree/main", "each is", "https://github.com/a/%20b%20/tree/main",
    ),
}


@pytest.mark.parametrize("case", SLIPPED_URLS)
def test_a_space_beside_an_addresss_punctuation_is_told_as_a_slip_and_that_fix_passes_check(tmp_path, case):
    url, place, what, fixed, them, spaced = SLIPPED_URLS[case]
    assert check_one(tmp_path, code_link(url)) == [
        f"{P}:{place}: 'url' contains {what}, as if by a slip: write {fixed}"
        f" (or, if {them} the address's own, {spaced})"
    ]
    assert check_one(tmp_path, code_link(fixed)) == []
    # (A name's own space, between words, is told %20 alone: SPACED_URLS.)


@pytest.mark.parametrize("url, place", [
    ("'https://example.org/a '", "6:34"),
    ("' https://example.org/a'", "6:13"),
    ("'https:// example.org/a'", "6:21"),
    ("'https://exa mple.org/a'", "6:24"),
])
def test_a_space_at_an_end_in_the_host_or_after_the_scheme_is_told_to_be_removed(tmp_path, url, place):
    assert check_one(tmp_path, code_link(url)) == [f"{P}:{place}: 'url' contains a space; remove it"]


def test_every_kind_of_character_an_address_may_not_hold_is_said_at_once(tmp_path):
    # Copied from a PDF: two spaces and a zero-width space. Told only of the first space,
    # a curator removed it and met the zero-width space next run, then the other space.
    url = "https://x.org/a b\u200bc d"
    assert check_one(tmp_path, code_link(url)) == [
        f"{P}:6:27: 'url' contains 2 spaces (the first here); remove them",
        f"{P}:6:29: 'url' contains U+200B ZERO WIDTH SPACE; remove it",
    ]
    # (What is left without them all is refused too: said once, with the first.)
    assert check_one(tmp_path, code_link("' github.com/a\u200bb'")) == [
        f"{P}:6:13: 'url' contains a space; remove it; without these characters, the address must"
        " be an absolute http(s) URL: write https://github.com/ab",
        f"{P}:6:26: 'url' contains U+200B ZERO WIDTH SPACE; remove it",
    ]
    url = "https://x.org/a\u200bb\u200bc"
    assert check_one(tmp_path, code_link(url)) == [
        f"{P}:6:27: 'url' contains U+200B ZERO WIDTH SPACE 2 times (the first here); remove them",
    ]


def test_link_structure_mistakes(tmp_path):
    text = """\
id: x
title: A
abstract: a
links:
  code:
    - https://github.com/a/b
    - url: https://github.com/a/b
      oficial: true
  project:
    - url: https://a.example/
      official: true
  repo: []
  pdf: https://a.example/a.pdf
"""
    assert check_one(tmp_path, text) == [
        f"{P}:6:7: 'links.code' item 1 must be a mapping with a 'url', not a string;"
        " write the item as '- url: https://github.com/a/b'",
        f"{P}:8:7: unknown field 'oficial' in a link (did you mean 'official'?)",
        f"{P}:11:7: 'official' applies only to code links",
        f"{P}:12:3: unknown link kind 'repo'; this list calls it 'code'",
        f"{P}:13:8: 'links.pdf' must be a list of links, not a string;"
        " write each link as '- url: https://...'",
    ]


def test_a_single_link_written_as_a_mapping_is_told_to_make_it_a_list_of_one(tmp_path):
    # The dash forgotten before a kind's one link: the list's shape alone was said
    # ("must be a list of links, not a mapping"), not how to mend it.
    text = """\
id: x
title: A
links:
  paper:
    url: https://arxiv.org/abs/2101.00001
  code:
    url: https://github.com/a/b
    official: true
  pdf: {url: https://a.example/a.pdf}
  data:
    note: no address
"""
    assert check_one(tmp_path, text) == [
        f"{P}:5:5: 'links.paper' must be a list of links, not a mapping; a single link is a"
        " list of one too: write '- ' before its first field",
        f"{P}:7:5: 'links.code' must be a list of links, not a mapping; a single link is a"
        " list of one too: write '- ' before its first field and indent its other fields"
        " two spaces more",
        f"{P}:9:8: 'links.pdf' must be a list of links, not a mapping; a single link is a"
        " list of one too: put the braces in brackets, [{url: ...}]",
        # (no 'url': nothing says it is a link)
        f"{P}:11:5: 'links.data' must be a list of links, not a mapping",
    ]
    # Written as told, each is a link the paper has.
    mended = text.replace("    url: https://arxiv", "    - url: https://arxiv").replace(
        "    url: https://github.com/a/b\n    official: true",
        "    - url: https://github.com/a/b\n      official: true",
    ).replace("{url: https://a.example/a.pdf}", "[{url: https://a.example/a.pdf}]").replace(
        "  data:\n    note: no address\n", "")
    assert check_one(tmp_path, mended) == []


def test_a_single_link_written_as_a_mapping_with_url_not_first_is_not_told_of_braces(tmp_path):
    # "found_in:" before "url:", no brace anywhere: it was told to "put the braces in
    # brackets" (the mapping was taken for one in braces as its url is not where it starts).
    text = "id: x\ntitle: A\nlinks:\n  paper:\n    found_in: curator\n    url: https://arxiv.org/abs/2101.00001\n"
    assert check_one(tmp_path, text) == [
        f"{P}:5:5: 'links.paper' must be a list of links, not a mapping; a single link is a"
        " list of one too: write '- ' before its first field and indent its other fields"
        " two spaces more",
    ]
    mended = text.replace("    found_in: curator\n    url", "    - found_in: curator\n      url")
    assert check_one(tmp_path, mended) == []
    # In braces with url not first, the braces are the hint's.
    braced = "id: x\ntitle: A\nlinks:\n  paper: {found_in: curator, url: https://arxiv.org/abs/2101.00001}\n"
    assert check_one(tmp_path, braced) == [
        f"{P}:4:10: 'links.paper' must be a list of links, not a mapping; a single link is a"
        " list of one too: put the braces in brackets, [{url: ...}]",
    ]


def test_a_link_written_as_a_bare_address_without_scheme_is_told_the_item_with_it(tmp_path):
    # '- url: github.com/a/b', as told, was then refused for its missing scheme.
    text = "id: x\ntitle: A\nlinks:\n  code:\n    - github.com/a/b\n"
    assert check_one(tmp_path, text) == [
        f"{P}:5:7: 'links.code' item 1 must be a mapping with a 'url', not a string;"
        " write the item as '- url: https://github.com/a/b'",
    ]


def test_a_link_written_as_a_bare_long_address_is_told_the_items_shape_without_it(tmp_path):
    url = "https://github.com/" + "a" * 70 + "/b"
    text = f"id: x\ntitle: A\nlinks:\n  data:\n    - {url}\n"
    assert check_one(tmp_path, text) == [
        f"{P}:5:7: 'links.data' item 1 must be a mapping with a 'url', not a string;"
        " write the item as '- url: ...'",
    ]


def test_an_unknown_topic_named_like_a_topics_keyword_or_title_suggests_that_topic(tmp_path):
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "topics.yml").write_text(
        "topics:\n  - id: model-merging\n    title: Combining models\n    keywords:\n"
        "      task vector | task arithmetic: 2\n      merging & weights: 1\n"
        "      language model: -1\n"  # counts against the topic: no hint from it
        "  - id: agents\n    title: Language agents\n"
    )
    write_paper(tmp_path, "x.yml", "id: x\ntitle: A\ntopics: [task-vectors, weight, language-agent, zebra,"
                " language-models]\n")
    assert [m for m in messages(tmp_path) if "unknown topic" in m] == [
        f"{P}:3:10: unknown topic 'task-vectors' (did you mean 'model-merging'? it is about"
        " 'task vector'); remove it here, write the topic meant, or define it in topics.yml",
        # (a part of a keyword whose parts must all match, "merging & weights", names no
        # topic: "weights" alone is no name of a topic of merging)
        f"{P}:3:24: unknown topic 'weight'; remove it here, write the topic meant, or define it in topics.yml",
        f"{P}:3:32: unknown topic 'language-agent' (did you mean 'agents'? it is about"
        " 'Language agents'); remove it here, write the topic meant, or define it in topics.yml",
        f"{P}:3:48: unknown topic 'zebra'; remove it here, write the topic meant, or define it in topics.yml",
        f"{P}:3:55: unknown topic 'language-models'; remove it here, write the topic meant, or define it in topics.yml",
    ]


def test_a_deleted_topic_still_named_by_papers_says_what_to_do_at_each_place(tmp_path):
    # The curator review: a topic taken out of topics.yml left "unknown topic 'x'" at
    # each paper naming it, and no remedy: a deleted topic has no record (a renamed one
    # has `formerly:`), so the message says what to do for a deletion and a typo alike.
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "topics.yml").write_text(
        "topics:\n  - id: agents\n    title: Agents\n  - id: child\n    title: Child\n"
        "    parent: benchmarks\n"
    )
    write_paper(tmp_path, "x.yml", "id: x\ntitle: A\ntopics: [benchmarks, agents]\n")
    write_paper(tmp_path, "y.yml", "id: y\ntitle: B\nexclude_topics: [benchmarks]\n")
    fix = "; remove it here, write the topic meant, or define it in topics.yml"
    assert [m for m in messages(tmp_path) if "warning" not in m] == [
        f"{P}:3:10: unknown topic 'benchmarks'{fix}",
        f"content/papers/y.yml:3:18: unknown topic 'benchmarks'{fix}",
        f"content/topics.yml:6:13: 'parent': unknown topic 'benchmarks'{fix}",
    ]


def test_a_short_id_written_exactly_as_a_topics_keyword_suggests_that_topic(tmp_path):
    # A word under four letters is no typo of anything (`closest`), but "mtl" written as
    # the keyword "MTL" of one topic names that topic.
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "topics.yml").write_text(
        "topics:\n  - id: multi-task-learning\n    title: Multi-task learning\n    keywords:\n"
        "      MTL: 1\n"
    )
    write_paper(tmp_path, "x.yml", "id: x\ntitle: A\ntopics: [mtl, mt]\n")
    assert [m for m in messages(tmp_path) if "unknown topic" in m] == [
        f"{P}:3:10: unknown topic 'mtl' (did you mean 'multi-task-learning'? it is about 'MTL')"
        "; remove it here, write the topic meant, or define it in topics.yml",
        f"{P}:3:15: unknown topic 'mt'; remove it here, write the topic meant, or define it in topics.yml",
    ]


def test_an_unknown_id_in_capitals_is_told_what_the_same_id_in_lowercase_is(tmp_path):
    # "MTL" read as the id "mtl", which no topic has: the message said the hint of "mtl"
    # and stopped, without the remedy "mtl" itself gets; nor was a paper's id in capitals
    # under `topics:` (a topic's under `related:`) told that it is one.
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "topics.yml").write_text(
        "topics:\n  - id: multi-task-learning\n    title: Multi-task learning\n    keywords:\n"
        "      MTL: 1\n"
    )
    write_paper(tmp_path, "x.yml", "id: x\ntitle: A\ntopics: [mtl, MTL, Zebra, Y]\n"
                "exclude_topics: [Mtl]\nrelated: [Multi-Task-Learning, Nope]\n")
    write_paper(tmp_path, "y.yml", "id: y\ntitle: B\n")
    fix = "; remove it here, write the topic meant, or define it in topics.yml"
    hint = " (did you mean 'multi-task-learning'? it is about 'MTL')"
    assert [m for m in messages(tmp_path) if "unknown" in m] == [
        f"{P}:3:10: unknown topic 'mtl'{hint}{fix}",
        f"{P}:3:15: unknown topic 'MTL'{hint}, which this list names already (at line 3, column 10); remove it",
        f"{P}:3:20: unknown topic 'Zebra'{fix}",
        f"{P}:3:27: unknown topic 'Y': that is a paper's id; a paper linked by hand goes in 'related:'",
        f"{P}:4:18: unknown topic 'Mtl'{hint}{fix}",
        f"{P}:5:11: unknown paper 'Multi-Task-Learning': that is a topic's id; a paper's topics go"
        " in its 'topics:'",
        f"{P}:5:32: unknown paper 'Nope'" + NO_SUCH_PAPER,
    ]


def test_code_links_the_page_would_show_wrongly_are_warned_about(tmp_path):
    text = """\
id: x
title: A
abstract: a
links:
  code:
    - url: https://github.com/a/b
      official: true
    - url: https://github.com/a/c
      official: true
    - url: https://arxiv.org/abs/2101.00010
    - url: https://example.org/a.pdf
    - url: https://a.github.io/project/
    - url: https://doi.org/10.5281/zenodo.1234567
    - url: https://aclanthology.org/2023.acl-long.1.software.zip
"""
    assert check_one(tmp_path, text) == [
        f"{P}:8:12: warning: a second code link marked official (https://github.com/a/b is"
        " too); the page shows both as the paper's own code: keep 'official: true' on one",
        f"{P}:10:12: warning: this is the address of a paper page, not of code: it shows as"
        " a code badge; move it under 'paper'",
        f"{P}:11:12: warning: this is the address of a PDF, not of code: it shows as a code"
        " badge; move it under 'pdf'",
    ]


def test_a_link_no_reader_can_open_is_warned_about_and_a_public_ipv6_host_is_not(tmp_path):
    # An import leaves such an address out (tests/ingest/test_bibtex.py); written by
    # hand, check accepted it without a word, and the site linked readers to localhost.
    text = """\
id: x
title: A
abstract: a
links:
  project:
    - url: http://localhost:8000/x
    - url: https://intranet/x
    - url: http://[2001:db8::1]/x
    - url: http://192.168.1.5/demo
    - url: http://lab-server.local/
    - url: http://[2606:4700:4700::1111]/x
    - url: http://8.8.8.8/x
    - url: https://example.org/x
"""
    tail = "so no reader of the site can open it; give its address on the web, or remove the link"
    assert check_one(tmp_path, text) == [
        f"{P}:6:12: warning: 'url' http://localhost:8000/x: its host, localhost, names the"
        f" reader's own computer, {tail}",
        f"{P}:7:12: warning: 'url' https://intranet/x: its host, intranet, is a name without"
        f" a dot, known only inside a local network, {tail}",
        f"{P}:8:12: warning: 'url' http://[2001:db8::1]/x: its host, 2001:db8::1, is an"
        f" address of a private network (or one reserved), {tail}",
        f"{P}:9:12: warning: 'url' http://192.168.1.5/demo: its host, 192.168.1.5, is an"
        f" address of a private network (or one reserved), {tail}",
        f"{P}:10:12: warning: 'url' http://lab-server.local/: its host, lab-server.local, is"
        f" a name known only inside a local network, {tail}",
    ]


# A link's kind, written http:// to a host serving https, and the host as said.
HTTP_CASES = {
    "GitHub": "code http://github.com/o/r github.com",
    "GitHub, www.": "code http://www.github.com/o/r www.github.com",
    "GitLab, in capitals": "code HTTP://GitLab.com/o/r gitlab.com",
    "Hugging Face": "data http://huggingface.co/datasets/o/d huggingface.co",
    "arXiv": "paper http://arxiv.org/abs/2101.00010 arxiv.org",
    "a DOI's page": "paper http://dx.doi.org/10.1000/x dx.doi.org",
    "GitHub's pages": "project http://someone.github.io/p/ someone.github.io",
}


@pytest.mark.parametrize("case", HTTP_CASES)
def test_a_link_written_http_to_a_host_serving_https_is_told_the_https_address(tmp_path, case):
    # (curator: 'http://github.com/o/r' passed without a word; the page linked readers to
    # an address their browser calls not secure, which the host sends on to https)
    kind, url, host = HTTP_CASES[case].split()
    text = f"id: x\ntitle: A\nabstract: a\nlinks:\n  {kind}:\n    - url: {url}\n"
    assert check_one(tmp_path, text) == [
        f"{P}:6:12: warning: 'url' is http:// on {host}, which serves its pages over https:"
        f" write https{url[len('http'):]}",  # (the rest as typed)
    ]


def test_a_link_to_a_host_a_letter_from_a_known_one_is_a_warning_with_the_address_meant(tmp_path):
    # (curator: a repository typed 'https://githb.com/...' passed check without a word)
    text = (
        "id: x\ntitle: A\nabstract: a\nlinks:\n  code:\n    - url: https://githb.com/o/r\n"
        "notes: See [the paper](https://arxiv.og/abs/1706.03762).\n"
    )
    assert check_one(tmp_path, text) == [
        f"{P}:6:12: warning: 'url' https://githb.com/o/r: its host, githb.com, is one letter"
        " from github.com: if that is the host meant, write https://github.com/o/r; if githb.com"
        " is right, say so in a comment after the address, '# githb.com is right'",
        f"{P}:7:24: warning: 'notes': link 'https://arxiv.og/abs/1706.03762': its host, arxiv.og,"
        " is one letter from arxiv.org: if that is the host meant, write https://arxiv.org/abs/1706.03762",
    ]


def test_a_link_to_a_host_a_letter_from_a_known_one_is_kept_by_a_comment_naming_the_host(tmp_path):
    # (a real host the rules take for a slip, 'githb.com' here: the warning could not be
    # silenced; a comment after the address that names the host says it is right)
    said = (
        "warning: 'url' https://githb.com/o/r: its host, githb.com, is one letter from github.com:"
        " if that is the host meant, write https://github.com/o/r; if githb.com is right, say so in"
        " a comment after the address, '# githb.com is right'"
    )
    text = (
        "id: x\ntitle: A\nabstract: a\nlinks:\n  code:\n    - url: https://githb.com/o/r  # githb.com is right\n"
        "    - url: 'https://githb.com/o/s'  # GitHb.com  is Right: our mirror\n"  # (capitals, more after)
        "    - url: https://githb.com/o/t  # our mirror\n"  # (a comment of something else)
        "  project: [{url: https://githb.com/p}]  #githb.com is right\n"
        "  pdf:\n    - url: https://githb.com/o/u\n      note: githb.com is right\n"  # (no comment)
        "    - url: http://localhost/x  # localhost is right\n"  # (no reader can open it, whatever it says)
        '  paper: [\n    {url: "https://githb.com/q"},  # githb.com is right\n  ]\n'  # (after the brace)
    )
    assert check_one(tmp_path, text) == [
        f"{P}:8:12: {said.replace('/o/r', '/o/t')}",
        f"{P}:11:12: {said.replace('/o/r', '/o/u')}",
        f"{P}:13:12: warning: 'url' http://localhost/x: its host, localhost, names the reader's own"
        " computer, so no reader of the site can open it; give its address on the web, or remove the link",
    ]


def test_a_comment_keeps_a_hosts_link_only_where_it_says_the_host_is_right(tmp_path):
    # (lead: a comment that named the host kept the link whatever it said, '# githb.com
    # is wrong' as '# githb.com is right': the comment must begin '# HOST is right')
    said = (
        "warning: 'url' https://githb.com/o/{0}: its host, githb.com, is one letter from github.com:"
        " if that is the host meant, write https://github.com/o/{0}; if githb.com is right, say so in"
        " a comment after the address, '# githb.com is right'"
    )
    comments = [
        "githb.com is wrong", "githb.com", "githb.com: our mirror", "is githb.com is right?",
        "not githb.com is right", "mygithb.com is right", "githb.com is rightly flagged",
        "www.githb.com is right", "githb.com is right", "GITHB.COM IS RIGHT (our mirror)",
    ]
    text = "id: x\ntitle: A\nabstract: a\nlinks:\n  code:\n" + "".join(
        f"    - url: https://githb.com/o/{at}  # {comment}\n" for at, comment in enumerate(comments)
    )
    assert check_one(tmp_path, text) == [f"{P}:{6 + at}:12: {said.format(at)}" for at in range(8)]


def test_a_link_to_zenodos_test_instance_is_a_warning_at_its_url(tmp_path):
    text = "id: x\ntitle: A\nabstract: a\nlinks:\n  data:\n    - url: https://sandbox.zenodo.org/records/1234\n"
    assert check_one(tmp_path, text) == [
        f"{P}:6:12: warning: 'url' https://sandbox.zenodo.org/records/1234: its host,"
        " sandbox.zenodo.org, is zenodo.org's test instance, whose records are for trying an"
        " upload and may be deleted at any time: link the record published on zenodo.org",
    ]


@pytest.mark.parametrize(
    "url", ["https://github.com/o/r", "http://hulc2.cs.uni-freiburg.de", "http://notgithub.com/o/r"]
)
def test_an_http_link_to_a_host_not_known_to_serve_https_is_no_warning(tmp_path, url):
    # (the shipped list has two project pages on http://: whether they serve https is
    # not known, and many a lab's page does not)
    assert check_one(tmp_path, f"id: x\ntitle: A\nabstract: a\nlinks:\n  project:\n    - url: {url}\n") == []


def test_a_dataset_talk_or_slides_under_code_is_told_its_kind(tmp_path):
    # Files imported before these kinds existed hold such links under code, where they
    # make "share with code" too high.
    text = """\
id: x
title: A
abstract: a
links:
  code:
    - url: https://huggingface.co/datasets/lab/corpus
      official: true
    - url: https://huggingface.co/spaces/lab/demo
    - url: https://youtu.be/abc
    - url: https://speakerdeck.com/someone/a-talk
  data:
    - url: https://huggingface.co/lab/model-7b
  video:
    - url: https://lab.example.org/talk.mp4
"""
    assert check_one(tmp_path, text) == [
        f"{P}:6:12: warning: this is the address of a dataset or a model's weights, not of"
        " code: it shows as a code badge and counts as code; move it under 'data' without"
        " 'official' (only code has it)",
        f"{P}:9:12: warning: this is the address of a video, not of code: it shows as a code"
        " badge and counts as code; move it under 'video'",
        f"{P}:10:12: warning: this is the address of slides, not of code: it shows as a code"
        " badge and counts as code; move it under 'slides'",
    ]


CONTROL_CASES = {
    "raw right-to-left override in a title": (
        "id: x\ntitle: Safe \u202eefas\nabstract: a\n",
        f"{P}:2:13: 'title' contains U+202E RIGHT-TO-LEFT OVERRIDE, an invisible control"
        " character; remove it",
    ),
    "escaped NUL in notes": (
        'id: x\ntitle: A\nnotes: "a\\0b"\nabstract: a\n',
        f"{P}:3:8: 'notes' contains U+0000 NULL, an invisible control character; remove it",
    ),
    "escaped line separator in an author": (
        'id: x\ntitle: A\nauthors: ["Ada\\u2028Lovelace"]\nabstract: a\n',
        f"{P}:3:11: 'authors' contains U+2028 LINE SEPARATOR, an invisible control character;"
        " remove it",
    ),
    "raw line separator anywhere": (
        "id: x\ntitle: A\u2028B\nabstract: a\n",
        f"{P}:2:9: U+2028 LINE SEPARATOR is a control character a curation file may not"
        " contain; remove it",
    ),
    "raw NUL anywhere": (
        "id: x\ntitle: A\nabstract: a\x00b\n",
        f"{P}:3:12: U+0000 NULL is a control character a curation file may not contain; remove it",
    ),
}


@pytest.mark.parametrize("case", CONTROL_CASES)
def test_control_characters_are_named_where_they_stand(tmp_path, case):
    text, expected = CONTROL_CASES[case]
    assert check_one(tmp_path, text) == [expected]


def test_an_escaped_character_is_shown_at_its_value_not_at_a_later_raw_one(tmp_path):
    text = (
        'id: x\ntitle: "Safe\\u202eefas"\nabstract: |\n  first line\n  second \u202e line\n'
        "links:\n  code:\n    - url: https://github.com/a/b\n      note: \u202e\n"
    )
    assert check_one(tmp_path, text) == [
        f"{P}:2:8: 'title' contains U+202E RIGHT-TO-LEFT OVERRIDE, an invisible control"
        " character; remove it",
        f"{P}:5:10: 'abstract' contains U+202E RIGHT-TO-LEFT OVERRIDE, an invisible control"
        " character; remove it",
        f"{P}:9:13: 'note' contains U+202E RIGHT-TO-LEFT OVERRIDE, an invisible control"
        " character; remove it",
    ]


def test_every_kind_of_control_character_in_a_value_is_named_at_once(tmp_path):
    # Once only the first was: the NUL showed up after the override was removed.
    # (Written as YAML escapes, so that the value holds them: raw, a file-level check
    # refuses a C0 character first.)
    text = 'id: x\ntitle: "Safe \\u202e then \\x01 and \\u202e again"\nabstract: a\n'
    assert check_one(tmp_path, text) == [
        f"{P}:2:8: 'title' contains U+0001, an invisible control character; remove it",
        f"{P}:2:8: 'title' contains U+202E RIGHT-TO-LEFT OVERRIDE, an invisible control"
        " character; remove it",
    ]


def test_raw_line_separator_does_not_shift_later_line_numbers(tmp_path):
    # libyaml counts U+2028 as a line break; every later line would be off by one.
    text = "id: x\ntitle: A\u2028B\nabstract: a\nyear: 99\n"
    assert check_one(tmp_path, text) == [
        f"{P}:2:9: U+2028 LINE SEPARATOR is a control character a curation file may not"
        " contain; remove it",
        f"{P}:4:7: 'year' must be a four-digit year such as 2024, not '99'",
    ]


MERGE = (
    "; merge them: keep one file, copy into it what the other adds, delete the other and"
    " list its id in the kept one's 'formerly:'"
)
TWO_PAPERS = (
    ", or, if they are two papers, give each its arXiv id or DOI, or its authors and year,"
    " or list either's id in the other's 'not_same_as:'"
)
# (For files that give their authors and years already.)
SAME_PEOPLE = (
    ", or, if they are two papers (a conference and a journal version, say), list either's id"
    " in the other's 'not_same_as:', or give each its own DOI or arXiv id: their authors and"
    " years do not tell them apart, as only mostly other people in another year would"
)
# (For files of one title and one arXiv id.)
ONE_PREPRINT = (
    ", or, if they are two papers of one preprint (a conference and a journal version, say),"
    " list either's id in the other's 'not_same_as:'"
)


def _papers(tmp_path, *papers: tuple[str, str, str]) -> None:
    """The known paper (arXiv 2101.00010) and each (id, title, one more line), with an
    abstract of its own, in a project of TOPICS."""
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "topics.yml").write_text(TOPICS)
    write_paper(tmp_path, "known-paper.yml", KNOWN + "arxiv: '2101.00010'\n")
    for n, (paper_id, title, line) in enumerate(papers):
        text = f"id: {paper_id}\ntitle: {title}\nabstract: {'bcdefgh'[n]}\n"
        write_paper(tmp_path, f"{paper_id}.yml", text + (f"{line}\n" if line else ""))


def test_same_paper_twice_is_reported_on_both_files(tmp_path):
    _papers(
        tmp_path,
        ("again", "A Known Paper", "arxiv: 2101.00010v3"),
        ("doi-a", "C", "doi: 10.1000/ABC"),
        ("doi-b", "c", "doi: 10.1000/abc"),
        ("title-a", "Learning to Learn!", ""),
        ("title-b", "'learning to learn'", ""),
    )
    assert messages(tmp_path) == [
        "content/papers/again.yml:4:8: same paper as content/papers/known-paper.yml"
        " (the same arXiv id 2101.00010v3)" + MERGE + ONE_PREPRINT,
        "content/papers/doi-a.yml:4:6: same paper as content/papers/doi-b.yml"
        " (the same DOI 10.1000/ABC)" + MERGE,
        "content/papers/doi-b.yml:4:6: same paper as content/papers/doi-a.yml"
        " (the same DOI 10.1000/abc)" + MERGE,
        "content/papers/known-paper.yml:5:8: same paper as content/papers/again.yml"
        " (the same arXiv id 2101.00010)" + MERGE + ONE_PREPRINT,
        "content/papers/title-a.yml:2:8: same paper as content/papers/title-b.yml (the same title)" + MERGE + TWO_PAPERS,
        "content/papers/title-b.yml:2:8: same paper as content/papers/title-a.yml (the same title)" + MERGE + TWO_PAPERS,
    ]


def test_versions_of_one_title_by_the_same_people_are_not_told_to_give_authors_and_year(tmp_path):
    # (curator keeping a paper's conference version, 2018, and its journal version, 2021:
    # check said "give each ... its authors and year", which both files had already)
    _papers(
        tmp_path,
        ("node-conf", "Neural ODEs", "authors: [Ricky Chen, David Duvenaud]\nyear: 2018\nvenue: NeurIPS"),
        ("node-journal", "Neural ODEs", "authors: [Ricky Chen, David Duvenaud]\nyear: 2021\nvenue: JMLR"),
    )
    assert messages(tmp_path) == [
        "content/papers/node-conf.yml:2:8: same paper as content/papers/node-journal.yml (the same title)"
        + MERGE + SAME_PEOPLE,
        "content/papers/node-journal.yml:2:8: same paper as content/papers/node-conf.yml (the same title)"
        + MERGE + SAME_PEOPLE,
    ]


def test_files_of_one_arxiv_id_or_doi_and_other_titles_may_be_a_copied_file(tmp_path):
    # (curator: a paper file copied to start another, its title changed and its arXiv id
    # or DOI left: "merge them" alone said to delete the new paper)
    _papers(
        tmp_path,
        ("bert", "BERT", "arxiv: '2101.00010'"),
        ("doi-a", "C", "doi: 10.1000/abc"),
        ("doi-b", "D", "doi: 10.1000/abc"),
    )
    # (which file's id to correct, and for one arXiv id the not_same_as: line to write:
    # tests/test_check_not_same_as.py)
    preprint = (
        ", or, if they are two papers of one preprint (a conference and a journal version,"
        " say), write 'not_same_as: [{}]' in this file; if they are two papers of two"
        " preprints, correct the arXiv id of the one it is not, here or at {}"
    )
    doi = (
        ", or, if they are two papers (their titles differ), correct the DOI of the one it is"
        " not, here or at {}; 'not_same_as:' does not part them: a DOI is one paper's own (a"
        " conference and a journal version each have theirs), and `readinglist import` takes"
        " a record of it for one of the two whatever 'not_same_as:' says"
    )
    assert messages(tmp_path) == [
        "content/papers/bert.yml:4:8: same paper as content/papers/known-paper.yml"
        " (the same arXiv id 2101.00010)" + MERGE
        + preprint.format("known-paper", "content/papers/known-paper.yml:5:8"),
        "content/papers/doi-a.yml:4:6: same paper as content/papers/doi-b.yml"
        " (the same DOI 10.1000/abc)" + MERGE + doi.format("content/papers/doi-b.yml:4:6"),
        "content/papers/doi-b.yml:4:6: same paper as content/papers/doi-a.yml"
        " (the same DOI 10.1000/abc)" + MERGE + doi.format("content/papers/doi-a.yml:4:6"),
        "content/papers/known-paper.yml:5:8: same paper as content/papers/bert.yml"
        " (the same arXiv id 2101.00010)" + MERGE + preprint.format("bert", "content/papers/bert.yml:4:8"),
    ]


def test_files_of_one_doi_whose_titles_only_a_hyphen_tells_apart_are_not_said_to_differ(tmp_path):
    # (review: "ReAct" and "Re-Act", one DOI, were told "if they are two papers (their
    # titles differ)": import takes the two titles for one, and so does check)
    _papers(
        tmp_path,
        ("react", "ReAct", "doi: 10.1000/abc"),
        ("re-act", "Re-Act", "doi: 10.1000/abc"),
    )
    assert messages(tmp_path) == [
        "content/papers/re-act.yml:4:6: same paper as content/papers/react.yml"
        " (the same DOI 10.1000/abc)" + MERGE,
        "content/papers/react.yml:4:6: same paper as content/papers/re-act.yml"
        " (the same DOI 10.1000/abc)" + MERGE,
    ]

def test_two_files_of_one_title_by_other_people_in_other_years_are_two_papers(tmp_path):
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "topics.yml").write_text(TOPICS)
    write_paper(tmp_path, "deep-learning.yml", "id: deep-learning\ntitle: Deep Learning\nabstract: a\n"
                "authors: [Ian Goodfellow, Yoshua Bengio, Aaron Courville]\nyear: 2016\npublisher: MIT Press\n")
    write_paper(tmp_path, "deep-learning-nature.yml", "id: deep-learning-nature\ntitle: Deep learning\n"
                "abstract: b\nauthors: [Yann LeCun, Yoshua Bengio, Geoffrey Hinton]\nyear: 2015\nvenue: Nature\n")
    write_paper(tmp_path, "deep-learning-again.yml", "id: deep-learning-again\ntitle: Deep learning\n"
                "abstract: c\nauthors: [LeCun, Yann]\nyear: 2015\n")
    # The third is the review again (its author and year): that pair only is one paper,
    # and both give authors and years already, so only an id can part them.
    assert [m for m in messages(tmp_path) if "same paper" in m] == [
        "content/papers/deep-learning-again.yml:2:8: same paper as content/papers/deep-learning-nature.yml"
        " (the same title)" + MERGE + SAME_PEOPLE,
        "content/papers/deep-learning-nature.yml:2:8: same paper as content/papers/deep-learning-again.yml"
        " (the same title)" + MERGE + SAME_PEOPLE,
    ]


def test_titles_the_importer_takes_for_one_are_one_title_for_check_too(tmp_path):
    # TeX math read as text, accents folded: the importer would merge these two.
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "topics.yml").write_text(TOPICS)
    write_paper(tmp_path, "a.yml", "id: a\ntitle: 'Über Learning of $\\alpha$-Nets'\nabstract: x\n")
    write_paper(tmp_path, "b.yml", "id: b\ntitle: Uber learning of α-nets\nabstract: y\n")
    write_paper(tmp_path, "c.yml", "id: c\ntitle: Uber learning of beta-nets\nabstract: z\n")
    assert [m for m in messages(tmp_path) if "same paper" in m] == [
        "content/papers/a.yml:2:8: same paper as content/papers/b.yml (the same title)" + MERGE + TWO_PAPERS,
        "content/papers/b.yml:2:8: same paper as content/papers/a.yml (the same title)" + MERGE + TWO_PAPERS,
    ]


def test_titles_a_hyphen_or_space_alone_tells_apart_are_warned_of_as_the_importer_merges_them(tmp_path):
    # (curator: "ReAct" and "Re-Act" in two files; `import` takes them for one paper,
    # `check` said nothing)
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "topics.yml").write_text(TOPICS)
    write_paper(tmp_path, "react.yml", "id: react\ntitle: ReAct\nabstract: a\n")
    write_paper(tmp_path, "re-act.yml", "id: re-act\ntitle: 'Re-Act'\nabstract: b\n")
    write_paper(tmp_path, "x-former.yml", "id: x-former\ntitle: X-Former 2\nabstract: c\n")
    write_paper(tmp_path, "xformer-2.yml", "id: xformer-2\ntitle: XFormer 2\nabstract: d\n")
    # Other numbers are other papers, and one title is still the error it was, said once.
    write_paper(tmp_path, "llama-2-70b.yml", "id: llama-2-70b\ntitle: Llama 2 70B\nabstract: e\n")
    write_paper(tmp_path, "llama-270b.yml", "id: llama-270b\ntitle: Llama 270B\nabstract: f\n")
    write_paper(tmp_path, "cot.yml", "id: cot\ntitle: Chain-of-Thought Prompting\nabstract: g\n")
    write_paper(tmp_path, "cot-2.yml", "id: cot-2\ntitle: Chain of thought prompting\nabstract: h\n")
    # Two papers by their ids: as for one title, nothing to say.
    write_paper(tmp_path, "pre-training.yml", "id: pre-training\ntitle: Pre-Training\nabstract: i\n"
                "doi: 10.1000/a\n")
    write_paper(tmp_path, "pretraining.yml", "id: pretraining\ntitle: Pretraining\nabstract: j\n"
                "doi: 10.1000/b\n")
    hyphen = "(the same title but for a hyphen or space)" + MERGE + TWO_PAPERS
    assert [m for m in messages(tmp_path) if "same paper" in m] == [
        "content/papers/cot-2.yml:2:8: same paper as content/papers/cot.yml (the same title)" + MERGE + TWO_PAPERS,
        "content/papers/cot.yml:2:8: same paper as content/papers/cot-2.yml (the same title)" + MERGE + TWO_PAPERS,
        "content/papers/re-act.yml:2:8: warning: same paper as content/papers/react.yml " + hyphen,
        "content/papers/react.yml:2:8: warning: same paper as content/papers/re-act.yml " + hyphen,
        "content/papers/x-former.yml:2:8: warning: same paper as content/papers/xformer-2.yml " + hyphen,
        "content/papers/xformer-2.yml:2:8: warning: same paper as content/papers/x-former.yml " + hyphen,
    ]


COLON_IN_VALUE = (
    "YAML syntax error: a colon followed by a space inside an unquoted value; put the value in"
    " double quotes"
)
# (typed out, as a reader sees it after "unknown topic 'x'")
UNKNOWN_TOPIC_REMEDY = "; remove it here, write the topic meant, or define it in topics.yml"


def test_a_syntax_error_in_one_field_hides_nothing_wrong_in_the_others(tmp_path):
    # Once only the first syntax error was said: the year, the unknown topic and the
    # second syntax error were found one run after another. Nothing is said that the
    # fields YAML cannot read might undo: the title is not missing, and the volume has
    # a venue (on the line with the quote never closed).
    text = 'id: x\ntitle: A: B\nyear: 20x1\ntopics: [nope]\nabstract: x: y\nvolume: 3\nvenue: "V\n'
    unclosed = "this quote is never closed (the value runs to the end of the file); close it at the value's end"
    assert check_one(tmp_path, text) == [
        f"{P}:2:9: {COLON_IN_VALUE}",
        f"{P}:3:7: 'year' must be a four-digit year such as 2024, not '20x1'",
        f"{P}:4:10: unknown topic 'nope'{UNKNOWN_TOPIC_REMEDY}",
        f"{P}:5:12: {COLON_IN_VALUE}",
        f"{P}:7:8: YAML syntax error: {unclosed}",
    ]


@pytest.mark.parametrize(
    ("marker", "said"),
    [
        ("---\n", "3:1: YAML syntax error: '---' starts a second YAML document here"),
        ("...\nnotes: n\n", "3:1: YAML syntax error: '...' ends the YAML document here"),
    ],
)
def test_a_second_document_in_a_paper_file_hides_nothing_wrong_in_its_fields(tmp_path, marker, said):
    # A '---' typed between two fields (as a page's front matter ends) hid the year
    # and the unknown topic; the fields are read as one paper's, and the paper is no
    # paper of the site until the file is one document.
    text = f"id: x\ntitle: A\n{marker}year: 20x1\ntopics: [nope]\n"
    at = 3 + marker.count("\n")
    found = check_one(tmp_path, text)
    assert found[0].startswith(f"{P}:{said}")
    assert found[1:] == [
        f"{P}:{at}:7: 'year' must be a four-digit year such as 2024, not '20x1'",
        f"{P}:{at + 1}:10: unknown topic 'nope'{UNKNOWN_TOPIC_REMEDY}",
    ]
    content, _ = load_content(tmp_path / "content", tmp_path)
    assert [p.id for p in content.papers] == ["known-paper"]


def test_a_line_of_words_after_a_list_hides_nothing_wrong_in_the_next_fields(tmp_path):
    # YAML read on to the next field's line for the words' colon, and the syntax error
    # was said there: that field, the title, was the one left unread, and said missing.
    text = "id: x\nauthors:\n  - A. Smith\nmore authors to add\ntitle: T\nyear: 20x1\n"
    assert check_one(tmp_path, text) == [
        f"{P}:4:1: YAML syntax error: this line is no 'key: value' nor an item of a list: if it"
        " is a key, end the key with a colon and a space; if it goes with the lines above,"
        " indent it as they are",
        f"{P}:6:7: 'year' must be a four-digit year such as 2024, not '20x1'",
    ]


def test_two_papers_pasted_in_one_file_are_told_apart_by_their_keys(tmp_path):
    # The second paper's fields join the first's: each key given again is said.
    text = "id: x\ntitle: A\n---\nid: y\ntitle: B\n"
    assert check_one(tmp_path, text)[1:] == [
        f"{P}:4:1: duplicate key 'id' (first defined at line 1); keep the one you mean and"
        " delete the other",
        f"{P}:5:1: duplicate key 'title' (first defined at line 2); keep the one you mean and"
        " delete the other",
    ]


def test_a_file_with_a_field_yaml_cannot_read_is_no_paper_and_no_twin_of_another(tmp_path):
    # Its DOI, unread, may be what tells it from the known paper of its title.
    text = "id: x\ntitle: A Known Paper\ndoi: 10.1000/a: b\nabstract: Other.\n"
    assert check_one(tmp_path, text) == [f"{P}:3:15: {COLON_IN_VALUE}"]
    content, _ = load_content(tmp_path / "content", tmp_path)
    assert [p.id for p in content.papers] == ["known-paper"]


def test_three_files_of_one_paper_give_one_error_each_naming_the_others(tmp_path):
    # n files of one paper: n errors, not one per pair of files (n * (n - 1)).
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "topics.yml").write_text(TOPICS)
    for name in ("copy-a", "copy-b", "copy-c"):
        write_paper(tmp_path, f"{name}.yml", f"id: {name}\ntitle: One Paper\nabstract: x\n")
    a, b, c = (f"content/papers/copy-{x}.yml" for x in "abc")
    assert [m for m in messages(tmp_path) if "same paper" in m] == [
        f"{a}:2:8: same paper as {b}, {c} (the same title)" + MERGE + TWO_PAPERS,
        f"{b}:2:8: same paper as {a}, {c} (the same title)" + MERGE + TWO_PAPERS,
        f"{c}:2:8: same paper as {a}, {b} (the same title)" + MERGE + TWO_PAPERS,
    ]


def test_two_files_claiming_one_id_give_one_error_on_the_file_to_fix(tmp_path):
    # A copied file whose id was not changed: the one mistake is its id, and "also
    # claimed by" on both files would only say it again.
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "topics.yml").write_text(TOPICS)
    write_paper(tmp_path, "known-paper.yml", KNOWN)
    write_paper(tmp_path, "copy.yml", KNOWN.replace("A Known Paper", "A Copy"))
    content, problems = load_content(tmp_path / "content")
    assert [str(p) for p in problems.sorted()] == [
        # (not the mv of the file to known-paper.yml, which would lose that file)
        "content/papers/copy.yml:1:5: id 'known-paper' does not match the file name 'copy.yml',"
        " and content/papers/known-paper.yml is named for that id already: if this file is another"
        " paper, write 'id: copy'; if it is that paper, copy into content/papers/known-paper.yml"
        " what this file adds, then delete this file",
    ]
    # The model holds one paper per id: the file named after it, though "copy.yml"
    # comes first in name order.
    assert [(p.id, p.title) for p in content.papers] == [("known-paper", "A Known Paper")]


def test_two_files_claiming_an_id_neither_is_named_after(tmp_path):
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "topics.yml").write_text(TOPICS)
    write_paper(tmp_path, "b.yml", KNOWN.replace("A Known Paper", "B"))
    write_paper(tmp_path, "a.yml", KNOWN.replace("A Known Paper", "A"))
    content, problems = load_content(tmp_path / "content")
    # The first in name order may be renamed; the second is a copy of it, or another paper.
    assert [str(p) for p in problems.sorted()] == [
        "content/papers/a.yml:1:5: id 'known-paper' does not match the file name 'a.yml'; rename"
        " the file, mv content/papers/a.yml content/papers/known-paper.yml, or write 'id: a' (an id"
        " is its page's address: if the site was published with 'known-paper', add 'formerly:"
        " [known-paper]' so that address leads here)"
        "; to rename the paper, its old address leading to the new and what names it changed"
        " too, write 'id: a' back and run: readinglist rename a known-paper",
        "content/papers/b.yml:1:5: id 'known-paper' does not match the file name 'b.yml', and"
        " content/papers/a.yml gives that id too: if this file is another paper, write 'id: b';"
        " if it is that paper, copy into content/papers/a.yml what this file adds, then delete"
        " this file",
    ]
    assert [(p.id, p.title) for p in content.papers] == [("known-paper", "A")]


def test_a_missing_content_folder_is_an_error_not_an_empty_list(capsys, tmp_path):
    status, lines = run_check(capsys, "check", "--root", str(tmp_path))
    assert (status, lines) == (
        1,
        [
            f"content: no such folder in {tmp_path}; --root must name the project folder, the one holding mkdocs.yml and content/",
            "1 error, 0 warnings (0 papers and 0 topics loaded)",
        ],
    )


def test_a_folder_inside_a_project_names_the_project(capsys, tmp_path, monkeypatch):
    (tmp_path / "mkdocs.yml").write_text("site_name: Lab\n")
    papers = tmp_path / "content" / "papers"
    papers.mkdir(parents=True)
    monkeypatch.chdir(papers)  # (a shell left there after an edit)
    status, lines = run_check(capsys, "check")
    assert (status, lines[0]) == (
        1,
        f"content: no such folder in {papers}; run readinglist in the project folder or give --root PATH"
        f" (this folder is inside the project {tmp_path}: run readinglist there, or give --root {tmp_path})",
    )


def test_a_file_that_is_not_a_paper_file(tmp_path):
    assert check_one(tmp_path, "id: x\n", name="notes.txt") == [
        "content/papers/notes.txt:1:1: not read: content/papers/ holds only paper files named"
        " <id>.yml"
    ]


def test_a_name_that_is_no_file_is_reported_at_its_place_and_the_rest_is_checked(tmp_path):
    # A loop of links stopped check with "Too many levels of symbolic links" and nothing
    # else; a folder and a link to nothing were reported without a line and column.
    check_one(tmp_path, "id: x\ntitle: A\n")
    papers = tmp_path / "content" / "papers"
    (papers / "folder.yml").mkdir()
    (papers / "nothing.yml").symlink_to(tmp_path / "gone.yml")
    (papers / "loop1.yml").symlink_to("loop2.yml")
    (papers / "loop2.yml").symlink_to("loop1.yml")
    (papers / "broken.yml").write_text("id: broken\nyear: 99\n")
    said = messages(tmp_path)
    stem = "not read: content/papers/ holds only paper files named <id>.yml"
    assert f"content/papers/folder.yml:1:1: {stem} (this is a folder)" in said
    assert f"content/papers/nothing.yml:1:1: {stem} (this is a link to nothing)" in said
    assert f"content/papers/loop1.yml:1:1: {stem} (this is a link in a loop of links)" in said
    assert f"content/papers/loop2.yml:1:1: {stem} (this is a link in a loop of links)" in said
    assert any(m.startswith("content/papers/broken.yml:2:7: 'year'") for m in said)  # and the rest


@pytest.mark.parametrize("name", ["x.yaml", "x.YML"])
def test_a_paper_file_with_another_ending_says_the_name_to_give_it(tmp_path, name):
    assert check_one(tmp_path, "id: x\n", name=name) == [
        f"content/papers/{name}:1:1: not read: content/papers/ holds only paper files named"
        " <id>.yml; rename it to 'x.yml'"
    ]


@pytest.mark.parametrize(
    "text, name",
    [
        ("id: task-vectors\ntitle: T\n", "task-vectors.yml"),  # (the id it gives: its name)
        ("title: T\n", "uber-copy.yml"),  # (no id inside: the name it has)
        ("id: Task Vectors\ntitle: T\n", "uber-copy.yml"),  # (no valid id: so too)
        ("id: [task-vectors\n", "uber-copy.yml"),  # (unreadable: so too)
    ],
)
def test_a_paper_file_with_another_ending_is_told_the_name_of_the_id_inside(tmp_path, text, name):
    # A paper copied to uber-copy.yaml was told to be renamed to 'uber-copy.yml', and
    # then that its name does not match its id: a second rename for the curator.
    said = check_one(tmp_path, text, name="uber-copy.yaml")
    assert said[0] == (
        "content/papers/uber-copy.yaml:1:1: not read: content/papers/ holds only paper files"
        f" named <id>.yml; rename it to {name!r}"
    )


def test_a_copy_with_another_ending_of_a_paper_there_already_is_told_to_merge_into_it(tmp_path):
    check_one(tmp_path, "id: task-vectors\ntitle: T\n", name="task-vectors.yml")
    (tmp_path / "content" / "papers" / "uber-copy.yaml").write_text("id: task-vectors\ntitle: T\n")
    assert messages(tmp_path) == [
        "content/papers/uber-copy.yaml:1:1: not read: content/papers/ holds only paper files"
        " named <id>.yml; content/papers/task-vectors.yml is there already: copy into it what"
        " this one adds, then delete this one"
    ]


def test_two_copies_with_another_ending_giving_one_id_are_not_both_told_to_take_its_name(tmp_path):
    # Both were told "rename it to 'task-vectors.yml'": done as told, the second rename
    # replaced the first file, and what it held was lost.
    check_one(tmp_path, "id: other\ntitle: T\n", name="other.yml")
    for name in ("copy-1.yaml", "copy-2.yaml"):
        (tmp_path / "content" / "papers" / name).write_text("id: task-vectors\ntitle: T\n")
    assert messages(tmp_path) == [
        "content/papers/copy-1.yaml:1:1: not read: content/papers/ holds only paper files named"
        " <id>.yml; rename it to 'task-vectors.yml'",
        "content/papers/copy-2.yaml:1:1: not read: content/papers/ holds only paper files named"
        " <id>.yml; content/papers/copy-1.yaml is to be named 'task-vectors.yml' too: copy into"
        " it what this one adds, then delete this one",
    ]


def test_a_rerun_tells_the_name_of_the_id_now_inside_a_file_with_another_ending(tmp_path, monkeypatch):
    # (The name told is read from the file: an edit of it, under serve, tells another.)
    work = _Project(tmp_path, monkeypatch)
    work.write("uber-copy.yaml", "id: first-name\ntitle: T\n")
    work.check("a copy with another ending")
    work.edit("uber-copy.yaml", "first-name", "second-name")
    work.check("its id edited")
    assert [p.message.rpartition("; ")[2] for p in work.fresh_problems.errors] == ["rename it to 'second-name.yml'"]


@pytest.mark.parametrize("name", ["x.yml~", "#x.yml#", ".x.yml.swp", "4913"])
def test_editors_backup_autosave_and_swap_files_are_not_paper_files(tmp_path, name):
    # Emacs writes x.yml~ and #x.yml#, Vim .x.yml.swp, next to the file being edited:
    # under `serve` an error for them would put the error bar on every page.
    assert check_one(tmp_path, "id: x\n", name=name) == []


def test_topics_file_mistakes_and_empty_topics(tmp_path):
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "topics.yml").write_text(
        """\
topics:
  - id: in-context-learning
    title: In-context learning
    parent: meta
    keywords:
      in-context: high
      "&": 1
    threshold: lots
  - id: a
    title: A
    parent: b
    threshold: 1e999
  - id: b
    title: B
    parent: a
  - id: c
    titel: C
  - id: in-context-learning
    title: Again
  - id: lonely
    title: Lonely
    reading_order: [known-papr]
  - id: self
    title: Self
    parent: self
extra: 1
"""
    )
    write_paper(
        tmp_path,
        "known-paper.yml",
        "id: known-paper\ntitle: K\nabstract: k\ntopics: [in-context-learning]\n",
    )
    T = "content/topics.yml"  # a huge exponent would be infinity: not a number either
    assert messages(tmp_path) == [
        f"{T}:4:13: 'parent': unknown topic 'meta'; remove it here, write the topic meant, or define it in topics.yml",
        f"{T}:6:19: 'keywords: in-context' must be a number, not 'high'" + weight_means("in-context"),
        f"{T}:7:7: keyword '&' has a part with no letter or digit, so it can never match",
        f"{T}:8:16: 'threshold' must be a number, not 'lots'",
        f"{T}:9:9: warning: topic 'a' has no papers",
        f"{T}:11:13: topic parents form a cycle: a -> b -> a; a parent is a broader topic:"
        " remove 'parent' from the broadest of them",
        f"{T}:12:16: 'threshold' must be a number, not '1e999'",
        f"{T}:13:9: warning: topic 'b' has no papers",
        f"{T}:17:5: unknown field 'titel' in a topic (did you mean 'title'? the required field"
        " 'title' is missing)",
        f"{T}:18:9: duplicate topic id 'in-context-learning' (first defined at line 2): the"
        " site has the first; give this one another id, or merge the two",
        f"{T}:20:9: warning: topic 'lonely' has no papers",
        # (its reading order of one paper is no warning: the topic has no other to list)
        f"{T}:22:21: unknown paper 'known-papr' (did you mean 'known-paper'?)",
        f"{T}:23:9: warning: topic 'self' has no papers",
        f"{T}:25:13: topic 'self' is its own parent: a parent is a broader topic; name one,"
        " or remove 'parent'",
        f"{T}:26:1: unknown field 'extra' in topics.yml; it holds only 'topics:'",
    ]


def test_a_topic_giving_another_topics_id_again_has_what_is_wrong_inside_it_said_too(tmp_path):
    # (curator: only the duplicate id was said; fixed, the topic's unknown parent and
    # papers came next)
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "topics.yml").write_text(
        """\
topics:
  - id: icl
    title: In-context learning
    keywords:
      in-context: 1
  - id: icl
    titel: Again
    parent: nope
    reading_order: [known-papr, known-paper, known-paper-2]
    threshold: 0
    formerly: [icl-old, icl]
    keywords:
      instructions: 1
      instruction: 1
  - id: icl
    title: Its own parent
    parent: icl
"""
    )
    for name in ("known-paper", "known-paper-2"):
        write_paper(tmp_path, f"{name}.yml", f"id: {name}\ntitle: {name} in-context\nabstract: {name}\n")
    T = "content/topics.yml"
    duplicate = (
        ": duplicate topic id 'icl' (first defined at line 2): the site has the first; give"
        " this one another id, or merge the two"
    )
    assert messages(tmp_path) == [
        f"{T}:6:9" + duplicate,
        f"{T}:7:5: unknown field 'titel' in a topic (did you mean 'title'? the required field"
        " 'title' is missing)",
        f"{T}:8:13: 'parent': unknown topic 'nope'; remove it here, write the topic meant, or"
        " define it in topics.yml",
        f"{T}:9:21: unknown paper 'known-papr' (did you mean 'known-paper'?), which this list names already"
        " (at line 9, column 33); remove it",
        f"{T}:10:16: warning: threshold 0 gives the topic every paper any of its keywords"
        " matches once; give the score a paper needs (a keyword in the title scores 3 times"
        " its weight, each mention once more)",
        f"{T}:11:25: 'icl' is this topic's own id; 'formerly' lists the ids it had before a"
        " rename (its own only first, when it was renamed back to the id it was first known by)",
        f"{T}:14:7: warning: keyword 'instruction' matches the same words as 'instructions',"
        " so a paper with them counts both weights; keep one (with the weight of both, if meant)",
        f"{T}:15:9" + duplicate,
        f"{T}:17:13: topic 'icl' is its own parent: a parent is a broader topic; name one, or"
        " remove 'parent'",
    ]


def test_a_topic_without_a_title_has_the_papers_of_its_reading_order_checked_too(tmp_path):
    # (curator: a topic with no title is not built, and only its title was said; with
    # it written, the reading order's mistyped paper came next)
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "topics.yml").write_text(
        """\
topics:
  - id: icl
    title: In-context learning
    keywords:
      in-context: 1
  - id: untitled
    parent: nope
    reading_order: [known-papr, known-paper, known-paper-2]
    formerly: [icl]
"""
    )
    for name in ("known-paper", "known-paper-2"):
        write_paper(tmp_path, f"{name}.yml", f"id: {name}\ntitle: {name} in-context\nabstract: {name}\n")
    T = "content/topics.yml"
    assert messages(tmp_path) == [
        f"{T}:6:5: missing required field 'title'",
        f"{T}:7:13: 'parent': unknown topic 'nope'; remove it here, write the topic meant, or"
        " define it in topics.yml",
        f"{T}:8:21: unknown paper 'known-papr' (did you mean 'known-paper'?), which this list names already"
        " (at line 8, column 33); remove it",
        f"{T}:9:16: 'icl' is the id of another topic: its address is that topic's page, and"
        " cannot lead to this one; remove it from 'formerly'",
    ]


def test_a_topic_without_a_valid_id_has_what_is_wrong_inside_it_said_too(tmp_path):
    # (a topic whose id was missing or miswritten had only its id said: its parent,
    # reading order, old ids, threshold and keywords came next)
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "topics.yml").write_text(
        """\
topics:
  - id: icl
    title: In-context learning
    formerly: [few-shot]
    keywords:
      in-context: 1
  - id: In Context
    title: In-context learning again
    parent: nope
    reading_order: [known-papr]
    formerly: [icl, few-shot]
    threshold: 0
    keywords:
      instructions: 1
      instruction: 1
  - title: No id
    parent: icl
    reading_order: [known-paper, zzz]
"""
    )
    write_paper(tmp_path, "known-paper.yml", "id: known-paper\ntitle: Known in-context\nabstract: k\n")
    T = "content/topics.yml"
    clash = ": an old address leads to one topic; keep it in the one that had the id"
    assert messages(tmp_path) == [
        f"{T}:4:16: 'few-shot' is also in the 'formerly' of the topic at {T}:11:21" + clash,
        f"{T}:7:9: 'id' must be an id of lowercase a-z, 0-9 and single hyphens, at most 80"
        " characters, not 'In Context'; write 'in-context'",
        f"{T}:9:13: 'parent': unknown topic 'nope'; remove it here, write the topic meant, or"
        " define it in topics.yml",
        f"{T}:10:20: warning: 'reading_order' lists 1 paper; list 3 to 6 papers to read first",
        f"{T}:10:21: unknown paper 'known-papr' (did you mean 'known-paper'?)",
        f"{T}:11:16: 'icl' is the id of another topic: its address is that topic's page, and"
        " cannot lead to this one; remove it from 'formerly'",
        f"{T}:11:21: 'few-shot' is also in the 'formerly' of the topic at {T}:4:16" + clash,
        f"{T}:12:16: warning: threshold 0 gives the topic every paper any of its keywords"
        " matches once; give the score a paper needs (a keyword in the title scores 3 times"
        " its weight, each mention once more)",
        f"{T}:15:7: warning: keyword 'instruction' matches the same words as 'instructions',"
        " so a paper with them counts both weights; keep one (with the weight of both, if meant)",
        f"{T}:16:5: missing required field 'id'",
        f"{T}:18:20: warning: 'reading_order' lists 2 papers; list 3 to 6 papers to read first",
        f"{T}:18:34: unknown paper 'zzz'" + NO_SUCH_PAPER,
    ]


def test_an_old_id_in_a_topic_giving_another_topics_id_again_and_in_a_third_is_said(tmp_path):
    # (the old id of a topic given twice was not compared with the other topics': with
    # the second renamed, as the error at its id asks, the clash came next)
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "topics.yml").write_text(
        """\
topics:
  - id: icl
    title: In-context learning
    keywords:
      in-context: 1
  - id: icl
    title: Again
    formerly: [few-shot]
  - id: prompting
    title: Prompting
    formerly: [few-shot]
    keywords:
      prompt: 1
  - id: few
    title: Few
    formerly: [few-shot]
    keywords:
      few: 1
"""
    )
    write_paper(tmp_path, "p.yml", "id: p\ntitle: P in-context prompt few\nabstract: p\n")
    T = "content/topics.yml"
    assert messages(tmp_path) == [
        f"{T}:6:9: duplicate topic id 'icl' (first defined at line 2): the site has the"
        " first; give this one another id, or merge the two",
        f"{T}:8:16: 'few-shot' is also in the 'formerly' of the topics at {T}:11:16, {T}:16:16:"
        " an old address leads to one topic; keep it in the one that had the id",
        f"{T}:11:16: 'few-shot' is also in the 'formerly' of the topics at {T}:8:16, {T}:16:16:"
        " an old address leads to one topic; keep it in the one that had the id",
        f"{T}:16:16: 'few-shot' is also in the 'formerly' of the topics at {T}:8:16, {T}:11:16:"
        " an old address leads to one topic; keep it in the one that had the id",
    ]


def test_a_topic_is_not_empty_when_rules_or_subtopics_fill_it(tmp_path):
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "topics.yml").write_text(
        """\
topics:
  - id: learning
    title: Learning
  - id: merging
    title: Merging
    parent: learning
    keywords:
      model merging: 3
    threshold: 3
  - id: empty
    title: Empty
    keywords:
      quantum chromodynamics: 1
"""
    )
    write_paper(
        tmp_path, "merge.yml", "id: merge\ntitle: Model merging made easy\nabstract: We merge.\n"
    )
    content, problems = load_content(tmp_path / "content")
    # No curator lists a topic: "merging" is filled by its keyword (in the title), its
    # parent "learning" through it, and "empty" by nothing.
    assert [str(p) for p in problems.sorted()] == [
        "content/topics.yml:10:9: warning: topic 'empty' has no papers"
    ]
    assert not problems.has_errors()
    assert content.topics[1].parent == "learning"


# ---------------------------------------------------------------------------- the command


def run_check(capsys, *argv: str) -> tuple[int, list[str]]:
    from generator.cli import main

    status = main(list(argv))
    return status, capsys.readouterr().out.splitlines()


def test_check_reports_every_mistake_of_a_file_in_one_run(capsys):
    status, lines = run_check(capsys, "check", "--root", str(DATA / "mistakes"))
    f = "content/papers/several-mistakes.yml"
    assert lines == [
        f"{f}:4:1: unknown field 'authers' (did you mean 'authors'?)",
        f"{f}:5:7: 'year' must be a year from 1000 to 2999, not '0123'",
        f"{f}:6:8: 'arxiv' must be an arXiv identifier such as 2101.00010 or cs/0112017,"
        " not '2101.0001': an id of 2101 has 5 digits after the dot, not 4 (five since 2015, four before)",
        f"{f}:7:6: 'doi' must be the DOI alone, without 'https://doi.org/': write 10.1000/abc",
        f"{f}:10:12: 'url' must be an http(s) URL, not a 'javascript:' URL",
        f"{f}:11:10: unknown topic 'in-context' (did you mean 'in-context-learning'?); remove it here, write the topic meant, or define it in topics.yml",
        f"{f}:12:9: 'status' must be one of must-read, classic, to-read, reference,"
        " not 'must read' (did you mean 'must-read'?)",
        f"{f}:13:1: duplicate key 'title' (first defined at line 3); keep the one you mean and delete the other",
        "8 errors, 0 warnings (2 papers and 1 topic loaded)",
    ]
    assert status == 1


def test_check_passes_on_good_content_and_warnings_alone_do_not_fail(capsys, tmp_path):
    status, lines = run_check(capsys, "--root", str(DATA / "good"), "check")
    assert (status, lines) == (0, ["0 errors, 0 warnings (3 papers and 2 topics loaded)"])

    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "topics.yml").write_text("topics:\n  - id: t\n    title: T\n")
    (tmp_path / "mkdocs.yml").write_text("site_name: T\n")
    status, lines = run_check(capsys, "check", "--root", str(tmp_path))
    assert (status, lines) == (
        0,
        [
            "content/topics.yml:2:9: warning: topic 't' has no papers",
            "0 errors, 1 warning (0 papers and 1 topic loaded)",
        ],
    )


def test_a_topic_is_not_said_empty_while_a_paper_file_is_left_out_for_an_error(capsys, tmp_path):
    """A paper file with a YAML syntax error is left out of the list: the topic it
    lists is not told "has no papers" (the curator was sent to topics.yml, when the
    paper was in the file in error), nor is another (its keywords may match the paper);
    fixed, the topic has its paper, and the one that has none is told so."""
    (tmp_path / "content" / "papers").mkdir(parents=True)
    (tmp_path / "content" / "topics.yml").write_text(
        "topics:\n  - id: t\n    title: T\n  - id: u\n    title: U\n  - id: v\n    title: V\n"
    )
    (tmp_path / "mkdocs.yml").write_text("site_name: T\n")
    paper = tmp_path / "content" / "papers" / "a.yml"
    paper.write_text("id: a\ntitle: A\ntopics: [t]\nauthors:\n\t- Jane Roe\n")
    (tmp_path / "content" / "papers" / "b.yml").write_text("id: b\ntitle: B\ntopics: [u]\n")
    status, lines = run_check(capsys, "check", "--root", str(tmp_path))
    assert (status, lines) == (
        1,
        [
            "content/papers/a.yml:5:1: YAML syntax error: a tab character: YAML indents with spaces,"
            " not tabs; replace it with spaces",
            "1 error, 0 warnings (1 paper and 3 topics loaded)",
        ],
    )
    # A file whose name is not a paper file's is left out too ("not read"), and may be one.
    paper.write_text("id: a\ntitle: A\ntopics: [t]\n")
    paper.rename(paper.with_suffix(".yaml"))
    status, lines = run_check(capsys, "check", "--root", str(tmp_path))
    assert status == 1 and not [line for line in lines if "has no papers" in line], lines
    # Fixed: each topic is read with every paper, and the one that has none is told so.
    paper.with_suffix(".yaml").rename(paper)
    status, lines = run_check(capsys, "check", "--root", str(tmp_path))
    assert (status, lines) == (
        0,
        [
            "content/topics.yml:6:9: warning: topic 'v' has no papers",
            "0 errors, 1 warning (2 papers and 3 topics loaded)",
        ],
    )


def test_a_topic_is_not_said_empty_while_a_paper_file_is_left_out_for_an_id_taken(capsys, tmp_path):
    """A file whose id another file has, and is named for, is left out too: the topic
    it alone lists was told "has no papers" (to topics.yml) beside the error that says
    to write the file's own id; written, the topic has its paper."""
    (tmp_path / "content" / "papers").mkdir(parents=True)
    (tmp_path / "content" / "topics.yml").write_text("topics:\n  - id: t\n    title: T\n  - id: u\n    title: U\n")
    (tmp_path / "mkdocs.yml").write_text("site_name: T\n")
    (tmp_path / "content" / "papers" / "a.yml").write_text("id: a\ntitle: A\ntopics: [t]\n")
    copy = tmp_path / "content" / "papers" / "b.yml"
    copy.write_text("id: a\ntitle: B\ntopics: [u]\n")
    status, lines = run_check(capsys, "check", "--root", str(tmp_path))
    assert (status, lines) == (
        1,
        [
            "content/papers/b.yml:1:5: id 'a' does not match the file name 'b.yml', and"
            " content/papers/a.yml is named for that id already: if this file is another paper,"
            " write 'id: b'; if it is that paper, copy into content/papers/a.yml what this file"
            " adds, then delete this file",
            "1 error, 0 warnings (1 paper and 2 topics loaded)",
        ],
    )
    copy.write_text("id: b\ntitle: B\ntopics: [u]\n")
    status, lines = run_check(capsys, "check", "--root", str(tmp_path))
    assert (status, lines) == (0, ["0 errors, 0 warnings (2 papers and 2 topics loaded)"])


def test_a_reload_beside_an_unreadable_file_does_not_say_its_topic_empty(tmp_path, monkeypatch):
    """As above, on serve's reload of the files that changed since the last load (the
    memo in the file cache): another file edited, the one left out for its tab still is,
    and its topic is not said to have no papers."""
    import time

    from generator import curation

    content = tmp_path / "content"
    (content / "papers").mkdir(parents=True)
    (content / "topics.yml").write_text("topics:\n  - id: t\n    title: T\n  - id: u\n    title: U\n")
    (content / "papers" / "a.yml").write_text("id: a\ntitle: A\ntopics: [t]\nauthors:\n\t- Jane Roe\n")
    (content / "papers" / "b.yml").write_text("id: b\ntitle: B\ntopics: [u]\n")
    tab = (
        "content/papers/a.yml:5:1: YAML syntax error: a tab character: YAML indents with spaces,"
        " not tabs; replace it with spaces"
    )
    files: curation.FileCache = {}
    # (A minute on: the files are settled, and kept in the cache with the memo.)
    monkeypatch.setattr(curation.time, "time_ns", lambda: time.time() * 1e9 + 60e9)
    _, problems = load_content(content, cache=files)
    assert [str(p) for p in problems.sorted()] == [tab]
    loaded_again = watch_load_again(monkeypatch)
    (content / "papers" / "b.yml").write_text("id: b\ntitle: B, edited\ntopics: [u]\n")
    content_read, problems = load_content(content, cache=files)
    assert loaded_again == [True]  # (the reload of the changed file, not a whole load)
    assert [p.title for p in content_read.papers] == ["B, edited"]
    assert [str(p) for p in problems.sorted()] == [tab]


def test_the_https_fix_hint_is_given_only_for_text_that_reads_as_a_host():
    from generator.validate import url_problem

    assert url_problem("github.com/a/b") == (
        "must be an absolute http(s) URL: write https://github.com/a/b"
    )
    assert url_problem("javascript&#58;alert(3)") == (
        "must be an absolute http(s) URL, like https://example.org/"
    )
    # A review: a bare file's name or a version was told "write https://example.pdf".
    for text in ("example.pdf", "notes.md", "v1.2", "1.5"):
        assert url_problem(text) == "must be an absolute http(s) URL, like https://example.org/", text
    assert url_problem("openai.com") == "must be an absolute http(s) URL: write https://openai.com"
    assert url_problem("arxiv.org/pdf/2101.00001.pdf") == (
        "must be an absolute http(s) URL: write https://arxiv.org/pdf/2101.00001.pdf"
    )
    assert url_problem("xn--bcher-kva.example") == "must be an absolute http(s) URL: write https://xn--bcher-kva.example"


# ---------------------------------------------------------------------------- the file cache


class _Project:
    """A copy of a content folder edited step by step, loaded with a FileCache (and
    with a pickled copy of it, as a build in a new process would) and without one."""

    def __init__(self, tmp_path: Path, monkeypatch, source: Path | None = DATA / "good"):
        import os
        import shutil
        import time

        from generator import curation

        if source is not None:
            shutil.copytree(source, tmp_path, dirs_exist_ok=True)
        self.root = tmp_path
        self.content = tmp_path / "content"
        self.papers = self.content / "papers"
        # Files written moments ago are never kept: pretend a minute has passed.
        now = time.time_ns()
        monkeypatch.setattr(curation.time, "time_ns", lambda: now + 60_000_000_000)
        # Count the full cross-checks: a load that skips them redid only the changed files.
        self.full = 0
        cross_check = curation.cross_check

        def counted(*args):
            self.full += 1
            return cross_check(*args)

        monkeypatch.setattr(curation, "cross_check", counted)
        self.files: curation.FileCache = {}
        self._clock = os.stat(self.papers).st_mtime_ns
        self.first, _ = load_content(self.content, self.root, cache=self.files)

    def stamp(self, path: Path) -> None:
        """A new mtime, unlike any before: several edits within one tick of a coarse file
        system clock would otherwise keep a stamp (a real run waits for them to settle)."""
        import os

        self._clock += 1_000_000_000
        os.utime(path, ns=(self._clock, self._clock))

    def write(self, name: str, text: str) -> None:
        path = self.papers / name
        new = not path.exists()
        path.write_text(text, encoding="utf-8")
        self.stamp(path)
        if new:
            self.stamp(self.papers)

    def edit(self, name: str, old: str, new: str) -> None:
        path = self.content / name if name == "topics.yml" else self.papers / name
        text = path.read_text(encoding="utf-8")
        assert old in text, (name, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        self.stamp(path)

    def check(self, step: object) -> bool:
        """Load three ways, assert they agree; whether the cached load was a full one."""
        import pickle

        pickled = pickle.loads(pickle.dumps(self.files, protocol=pickle.HIGHEST_PROTOCOL))
        fresh, fresh_problems = load_content(self.content, self.root)
        full = self.full
        cached, cached_problems = load_content(self.content, self.root, cache=self.files)
        was_full = self.full > full
        unpickled, unpickled_problems = load_content(self.content, self.root, cache=pickled)
        assert cached == fresh == unpickled, step
        assert cached_problems.items == fresh_problems.items == unpickled_problems.items, step
        papers = [p for p in self.papers.glob("*.yml") if p.is_file()]
        assert len(self.files) == len(papers), step
        self.fresh, self.fresh_problems = fresh, fresh_problems
        return was_full


def test_a_load_with_a_file_cache_equals_a_load_without_after_each_edit(tmp_path, monkeypatch):
    """Reused drafts (and the Papers built from them), and the checks across files redone
    for the changed files only, must give exactly what reading every file again gives,
    problems and their order included, also from a pickled cache."""
    import os

    project = _Project(tmp_path, monkeypatch)
    papers, survey = project.papers, "learning-many-tasks-at-once.yml"
    # Each edit, and whether the checks across files must all run again (True) or only
    # for the changed files (False): those are kept apart only when nothing else can change.
    edits = [
        ("an abstract", lambda: project.edit("0123.yml", "An abstract.", "A new one."), False),
        (
            "an abstract no longer matching its topic's keywords: the topic has no papers",
            lambda: (
                project.edit("merging-models-by-averaging.yml", "by model merging", "by averaging"),
                project.edit("merging-models-by-averaging.yml", "call model merging", "call it so"),
            ),
            False,
        ),
        (
            "the keywords back",
            lambda: project.edit(
                "merging-models-by-averaging.yml", "call it so", "call model merging"
            ),
            False,
        ),
        (
            "a related id that exists and one that does not",
            lambda: project.edit(
                "merging-models-by-averaging.yml", "topics: []", "related: [0123, nope]"
            ),
            False,
        ),
        (
            "another unknown related id, and an unknown field",
            lambda: project.edit("merging-models-by-averaging.yml", "nope]", "nop]\nauthers: [X]"),
            False,
        ),
        (
            "a title now the same as another file's: both files are reported",
            lambda: project.edit(
                "0123.yml", "A Paper Whose Slug Is a Number", "Merging models, by averaging!"
            ),
            True,
        ),
        (
            "an abstract of a file filed twice",
            lambda: project.edit("0123.yml", "A new one.", "Again."),
            True,
        ),
        (
            "the title made its own again",
            lambda: project.edit("0123.yml", "Merging models, by", "Averaging"),
            True,
        ),
        (
            "two files trade their arXiv ids at once",
            lambda: (
                project.edit("0123.yml", "2312.12345v2", "cs/0112017"),
                project.edit("merging-models-by-averaging.yml", "cs/0112017", "2312.12345"),
            ),
            False,
        ),
        (
            "two files given one new title at once",
            lambda: (
                project.edit("0123.yml", "title: Averaging averaging!", "title: One"),
                project.edit(
                    survey, 'title: "Learning Many Tasks at Once: A Survey"', "title: One"
                ),
            ),
            True,
        ),
        (
            "their titles given back",
            lambda: (
                project.edit("0123.yml", "title: One", "title: Averaging averaging!"),
                project.edit(
                    survey, "title: One", 'title: "Learning Many Tasks at Once: A Survey"'
                ),
            ),
            True,
        ),
        (
            "a DOI the same as another file's but for case",
            lambda: project.edit("0123.yml", "year: 1999", "year: 1999\ndoi: 10.1000/XYZ123"),
            True,
        ),
        (
            "that DOI removed",
            lambda: project.edit("0123.yml", "doi: 10.1000/XYZ123", "doi: 10.1/a"),
            True,
        ),
        ("an editor's swap file", lambda: project.write(".0123.yml.swp", "x"), False),
        ("a file that is no paper file", lambda: project.write("notes.txt", "x"), True),
        ("an edit beside it", lambda: project.edit(survey, "Start *here*.", "Start here."), False),
        (
            "a folder named like a paper file",
            lambda: (os.mkdir(papers / "folder.yml"), project.stamp(papers)),
            True,
        ),
        (
            "a topic that does not exist",
            lambda: project.edit(survey, "tags:", "topics: [nope]\ntags:"),
            False,
        ),
        (
            "an id taken by the wrong file",
            lambda: project.edit("0123.yml", 'id: "0123"', "id: nop"),
            True,
        ),
        ("the id given back", lambda: project.edit("0123.yml", "id: nop", 'id: "0123"'), True),
        (
            "a title removed: the paper goes",
            lambda: project.edit("0123.yml", "title:", "subtitle:"),
            True,
        ),
        ("the title put back", lambda: project.edit("0123.yml", "subtitle:", "title:"), True),
        # The unchanged file's unknown related id 'nop' now exists.
        ("a paper added", lambda: project.write("nop.yml", "id: nop\ntitle: Nop\n"), True),
        (
            "its id changed to one taken",
            lambda: project.edit("nop.yml", "id: nop", "id: '0123'"),
            True,
        ),
        (
            "a topic renamed: the papers that name it lose it, with a problem each",
            lambda: project.edit(
                "topics.yml", "  - id: multi-task-learning", "  - id: multitask-learning"
            ),
            True,
        ),
        (
            "a file touched only: new stamp, same text",
            lambda: project.stamp(papers / "merging-models-by-averaging.yml"),
            False,
        ),
        (
            "a file touched that claims an id another claims too",
            lambda: project.stamp(papers / "0123.yml"),
            True,
        ),
        (
            "a file renamed",
            lambda: (os.rename(papers / "nop.yml", papers / "nop2.yml"), project.stamp(papers)),
            True,
        ),
        ("a file removed", lambda: ((papers / survey).unlink(), project.stamp(papers)), True),
        ("nothing", lambda: None, False),
    ]
    for step, make_edit, full in edits:
        make_edit()
        assert project.check(step) is full, step
    assert project.fresh_problems.items  # the edits did cause problems
    assert project.fresh != project.first


def test_a_rerun_says_a_misnamed_files_id_at_the_line_it_moved_to(tmp_path, monkeypatch):
    # (Said across files, as the file named after the id may hold it: a rerun that kept
    # the problems across files while swapping the file in would keep the old line.)
    project = _Project(tmp_path, monkeypatch)
    project.write("old-name.yml", "id: new-name\ntitle: A Paper Renamed Halfway\n")
    project.check("a file whose id is not its name")
    project.edit("old-name.yml", "id: new-name", "# renamed\nid: new-name")
    project.check("a line above its id")
    assert [str(p) for p in project.fresh_problems.items if "does not match" in p.message] == [
        "content/papers/old-name.yml:2:5: id 'new-name' does not match the file name"
        " 'old-name.yml'"
        "; rename the file, mv content/papers/old-name.yml content/papers/new-name.yml, or write"
        " 'id: old-name' (an id is its page's address: if the site was published with"
        " 'new-name', add 'formerly: [new-name]' so that address leads here)"
        "; to rename the paper, its old address leading to the new and what names it changed"
        " too, write 'id: old-name' back and run: readinglist rename old-name new-name"
    ]


def _misspelt(project: _Project) -> list[str]:
    """The warnings of the misspelt keyword "exprets" the load without a cache gave."""
    return [p.message for p in project.fresh_problems.items if "exprets" in p.message]


def _searches(monkeypatch) -> list[int]:
    """One item for each search for misspelt keywords (topicsfile.warn_misspelt_keywords)
    from here on."""
    from generator import curation

    searches: list[int] = []
    search = curation.warn_misspelt_keywords
    monkeypatch.setattr(curation, "warn_misspelt_keywords", lambda *a: searches.append(1) or search(*a))
    return searches


def test_a_rerun_warns_of_a_misspelt_keyword_as_a_full_load_does(tmp_path, monkeypatch):
    """The warning of a keyword no paper has (topicsfile.warn_misspelt_keywords) follows
    an abstract edit on a rerun, and an edit that leaves every title and abstract as it
    was keeps it without searching the papers again."""
    project = _Project(tmp_path, monkeypatch)
    project.edit("topics.yml", "auxiliary task: 1.5", "auxiliary task | mixture of exprets: 1.5")
    assert project.check("a keyword with a slip, no paper with the word meant") is True
    assert _misspelt(project) == []
    project.edit("0123.yml", "An abstract.", "An abstract of experts.")
    assert project.check("a paper now has the word meant") is False
    assert len(_misspelt(project)) == 1 and "did you mean 'experts'?" in _misspelt(project)[0]
    searches = _searches(monkeypatch)
    project.edit("0123.yml", "year: 1999", "year: 1998")
    assert project.check("a year edited") is False
    assert len(_misspelt(project)) == 1
    assert len(searches) == 1  # the load without a cache; neither cached load searched
    project.edit("0123.yml", "An abstract of experts.", "An abstract.")
    assert project.check("the word meant gone again") is False
    assert _misspelt(project) == []


def test_an_edit_rereads_and_rechecks_only_the_edited_file(tmp_path, monkeypatch):
    from generator import paperdrafts

    project = _Project(tmp_path, monkeypatch)
    reads = []
    read_paper = paperdrafts.read_paper
    monkeypatch.setattr(
        paperdrafts,
        "read_paper",
        lambda path, *rest: reads.append(path.name) or read_paper(path, *rest),
    )
    project.edit("0123.yml", "An abstract.", "An abstract, edited.")
    content, problems = load_content(project.content, project.root, cache=project.files)
    assert reads == ["0123.yml"] and project.full == 1  # the first load's
    assert content.papers[0].abstract == "An abstract, edited."
    assert content.papers[1:] == project.first.papers[1:]
    assert all(a is b for a, b in zip(content.papers[1:], project.first.papers[1:], strict=True))
    assert content.topics is project.first.topics
    assert problems.items == []


def test_cached_loads_equal_plain_ones_on_every_content_case_of_the_corpus(tmp_path, monkeypatch):
    """Each hostile case, loaded with a cache, then after each of its files is edited in
    turn (a comment appended, which changes nothing but the stamp and the size)."""
    from tests.bad_inputs import corpus

    cases = [case for case in corpus.all_cases() if case.kind == "content"]
    assert len(cases) > 30
    for number, case in enumerate(cases):
        folder = tmp_path / str(number)
        corpus.write_files(folder / "content", case.files)
        (folder / "content" / "papers").mkdir(exist_ok=True)
        project = _Project(folder, monkeypatch, None)
        project.check((case.name, "nothing"))
        for name in sorted(case.files):
            path = folder / "content" / name
            if path.is_file():
                path.write_bytes(path.read_bytes() + b"\n# edited\n")
                project.stamp(path)
                project.check((case.name, name))


def test_a_rerun_with_nothing_changed_hands_back_the_same_paper_records(tmp_path, monkeypatch):
    # build.Memo compares each paper with the last run's; the very same object compares
    # at once instead of field by field.
    import shutil
    import time

    from generator import curation

    shutil.copytree(DATA / "good", tmp_path, dirs_exist_ok=True)
    now = time.time_ns()
    monkeypatch.setattr(curation.time, "time_ns", lambda: now + 60_000_000_000)
    files: curation.FileCache = {}
    first, _ = load_content(tmp_path / "content", cache=files)
    second, _ = load_content(tmp_path / "content", cache=files)
    assert all(a is b for a, b in zip(first.papers, second.papers, strict=True))


def test_each_place_in_notes_that_will_not_show_as_meant_is_warned_of(tmp_path):
    # (curator review: the same ftp link written three times, or <b> twice, got one
    # warning, so fixing it showed the next only on the following run)
    text = (
        "id: x\ntitle: A\nabstract: a\nnotes: |\n"
        "  First [a](ftp://x.org/file) here.\n"
        "  Second [b](ftp://x.org/file) here.\n"
        "  Third <ftp://x.org/file>, bold <b>x</b> and <b>y</b>.\n"
    )
    problems = [m for m in check_one(tmp_path, text) if m.startswith(P)]
    link = "warning: 'notes': the link to 'ftp://x.org/file' shows as its text only"
    tag = "warning: 'notes': '<b>' shows as text"
    assert [m.split(": ", 1)[0] for m in problems] == [f"{P}:5:13", f"{P}:6:14", f"{P}:7:10", f"{P}:7:34", f"{P}:7:47"]
    assert [m.split(": ", 1)[1][: len(link)] for m in problems[:3]] == [link] * 3
    assert all(m.split(": ", 1)[1].startswith(tag) for m in problems[3:])


def test_a_link_in_notes_with_a_name_before_its_host_is_warned_of_at_it(tmp_path):
    # As a link field holding one is refused: 'https://github.com@example.org/' reads as
    # GitHub and goes to example.org, and a password in it would be published. In notes,
    # as the other links that show as text, a warning at the address.
    text = (
        "id: x\ntitle: A\nabstract: a\nnotes: |\n"
        "  Code: [repo](https://github.com@example.org/x), and\n"
        "  a mirror https://me:secret@example.org/y.\n"
        "  Fine: https://mastodon.social/@me\n"
    )
    assert [m for m in check_one(tmp_path, text) if m.startswith(P)] == [
        f"{P}:5:16: warning: 'notes': the link to 'https://github.com@example.org/x' holds"
        " 'github.com@' before its host: a browser goes to 'example.org' and skips that part,"
        " so it shows as its text only; remove that part (a password too: the text is"
        " published), and check that the host is the site meant",
        f"{P}:6:12: warning: 'notes': the link to 'https://me:secret@example.org/y' holds"
        " 'me:secret@' before its host: a browser goes to 'example.org' and skips that part,"
        " so it shows as its text only; remove that part (a password too: the text is"
        " published), and check that the host is the site meant",
    ]


FOLDED = (
    "warning: 'notes': this list item is folded into the line above ('>' joins lines), so"
    " the list will be one line; use '|' to keep line breaks"
)


@pytest.mark.parametrize(
    "block, expected",
    [
        # YAML reads it "Read: - the proof - the experiments": one paragraph
        ("notes: >\n  Read:\n  - the proof\n  - the experiments\n", [f"{P}:6:3: {FOLDED}"]),
        # after a blank line the first item stands on its own line; the second joins it
        ("notes: >-\n  Read:\n\n  1. the proof\n  2. the experiments\n", [f"{P}:8:3: {FOLDED}"]),
        ("topics: []\nnotes: >\n    Read:\n    * the proof\ntags: []\n", [f"{P}:7:5: {FOLDED}"]),
        # kept as lines: '|', items apart, a line more indented, a dash inside a line
        ("notes: |\n  Read:\n  - the proof\n  - the experiments\n", []),
        ("notes: >\n  Read:\n\n  - the proof\n\n  - the experiments\n", []),
        ("notes: >\n  Read:\n    - the proof\n    - the experiments\n", []),
        ("notes: >\n  A dash - inside a line,\n  -1 is no item.\n", []),
    ],
)
def test_a_markdown_list_that_a_folded_block_joins_into_one_line_is_warned_of(tmp_path, block, expected):
    text = "id: x\ntitle: A\nabstract: a\n" + block
    assert [m for m in check_one(tmp_path, text) if m.startswith(P)] == expected


def test_a_load_after_the_first_in_a_process_leaves_garbage_to_the_collector():
    # Loading freezes what the collector tracks (gc.freeze), and a frozen cycle is never
    # freed: under `serve`, every rebuild froze the cycles the build before had left,
    # and the server grew by 1.5 MB a rebuild. Only a process's first freeze is made.
    import gc
    import weakref

    content = Path(__file__).parent / "data" / "site_fixture" / "content"
    load_content(content, content.parent)  # the process's first load, or a later one

    class Cycle:
        pass

    was_enabled = gc.isenabled()
    gc.disable()  # (so that no collection frees the cycle before the load)
    try:
        junk = Cycle()
        junk.me = junk
        alive = weakref.ref(junk)
        del junk
        load_content(content, content.parent)
    finally:
        if was_enabled:
            gc.enable()
    gc.collect()
    assert alive() is None


def test_paper_files_share_their_field_names_and_their_empty_ids(tmp_path, monkeypatch):
    """Every file's values are keyed by the same string objects, and every paper naming
    no topic or paper is built with the one empty set of ids: the build's cache stores
    each once, not once a file (110,000 objects at 10,000 papers)."""
    import shutil
    import time

    from generator import curation

    shutil.copytree(DATA / "good", tmp_path, dirs_exist_ok=True)
    (tmp_path / "content" / "papers" / "plain.yml").write_text(
        "id: plain\ntitle: Plain\nabstract: Nothing named.\n", encoding="utf-8"
    )
    now = time.time_ns()  # (files written moments ago are not kept: a minute later)
    monkeypatch.setattr(curation.time, "time_ns", lambda: now + 60_000_000_000)
    files: curation.FileCache = {}
    load_content(tmp_path / "content", cache=files)
    drafts = {entry[1].id: entry[1] for entry in files.values()}
    assert len(drafts) == 4
    for name in ("id", "title", "abstract"):
        keys = {id(key) for draft in drafts.values() for key in draft.values if key == name}
        assert len(keys) == 1, name
    plain, merging = drafts["plain"].built, drafts["merging-models-by-averaging"].built
    assert plain is not None and merging is not None
    assert plain[0] == ((), (), (), (), ()) and plain[0] is merging[0]
    named = drafts["learning-many-tasks-at-once"].built
    assert named is not None and named[0] != plain[0]


@pytest.mark.parametrize(("field", "before", "after", "said"), [
    # A year after next year is a warning, by today's calendar...
    ("year: 2032", dt.datetime(2030, 12, 31, 12), dt.datetime(2031, 1, 1, 12), "'year' is 2032, after 2031"),
    # ... and an `added` day after today, by today's date.
    ("added: 2030-06-02", dt.datetime(2030, 6, 1, 12), dt.datetime(2030, 6, 2, 12),
     "'added' is 2030-06-02, after today (2030-06-01)"),
])
def test_a_kept_file_is_judged_again_on_a_new_day(tmp_path, field, before, after, said):
    # A file kept unchanged from a load of yesterday (or last year) must not keep its
    # verdict (mkdocs serve running past midnight, or a cache file of yesterday's build
    # read by a new process).
    import pickle

    import time_machine

    from generator import curation

    write_paper(tmp_path, "x.yml", f"id: x\ntitle: X Paper\nabstract: a\n{field}\n")
    (tmp_path / "content" / "topics.yml").write_text("topics: []\n", encoding="utf-8")
    files: curation.FileCache = {}
    with time_machine.travel(before.replace(tzinfo=dt.timezone.utc), tick=False):
        for _ in range(2):  # (the second load the same day: kept)
            _, problems = load_content(tmp_path / "content", cache=files)
            assert [p for p in problems.items if said in p.message]
    assert len(files) == 1 and next(iter(files.values()))[3].last is not None
    pickled = pickle.loads(pickle.dumps(files))
    with time_machine.travel(after.replace(tzinfo=dt.timezone.utc), tick=False):
        for cache in (files, pickled):
            for _ in range(2):
                _, problems = load_content(tmp_path / "content", cache=cache)
                assert not [p for p in problems.items if said.split(" is ")[0] in p.message]


def test_a_paper_file_in_content_instead_of_content_papers_is_said_with_the_move(tmp_path):
    # (curator walkthrough: content/my-paper.yml was read by nothing, and the paper
    # never appeared without a word)
    check_one(tmp_path, "id: x\ntitle: A\n")
    content = tmp_path / "content"
    (content / "my-paper.yml").write_text("id: my-paper\ntitle: Mine\n")
    (content / "Notes.YAML").write_text("# a paper\ntitle: Mine too\n")
    (content / "x.yml").write_text("title: A again\n")  # content/papers/x.yml exists
    (content / "my paper.yml").write_text("title: Spaced\n")  # (its command quotes it)
    # What the project itself keeps in content/, other YAML, and other folders' files.
    (content / "repositories.yml").write_text("id: 1\ntitle: kept by stars\n")
    (content / "settings.yml").write_text("theme: dark\n  title: indented\n")
    (content / ".my-paper.yml").write_text("id: my-paper\ntitle: Mine\n")  # (an editor's)
    (content / "sources").mkdir()
    (content / "sources" / "y.yml").write_text("id: y\ntitle: B\n")
    said = [m for m in messages(tmp_path) if "content/papers/" in m and "warning" in m]
    assert said == [
        "content/Notes.YAML:2:1: warning: not read: paper files go in content/papers/;"
        " move it there: mv content/Notes.YAML content/papers/Notes.yml",
        "content/my paper.yml:1:1: warning: not read: paper files go in content/papers/;"
        " move it there: mv 'content/my paper.yml' 'content/papers/my paper.yml'",
        "content/my-paper.yml:1:1: warning: not read: paper files go in content/papers/;"
        " move it there: mv content/my-paper.yml content/papers/my-paper.yml",
        "content/x.yml:1:1: warning: not read: paper files go in content/papers/, which holds"
        " x.yml already: copy into content/papers/x.yml what this file adds, then delete it",
    ]


@pytest.mark.parametrize(
    "name, shown",
    [("Bad_Name.yml", "content/papers/Bad_Name.yml"), ("bad name.yml", "'content/papers/bad name.yml'"),
     ("Bad-Name.yml", "content/papers/Bad-Name.yml")],
)
def test_a_file_name_that_is_no_id_is_told_the_name_its_id_gives(tmp_path, name, shown):
    # (curator walkthrough: "rename one so they agree" of Bad_Name.yml holding 'id:
    # bad-name', where only the file can be renamed: no id may be Bad_Name)
    assert check_one(tmp_path, "id: bad-name\ntitle: A\n", name=name) == [
        f"content/papers/{name}:1:5: id 'bad-name' does not match the file name {name!r};"
        f" rename the file to 'bad-name.yml' (a file's name is its paper's id): mv {shown}"
        " content/papers/bad-name.yml"
    ]


def test_a_file_and_id_named_with_an_accent_are_told_the_id_it_reads_as(tmp_path):
    # ("café-paper.yml" holding 'id: café-paper': told only what an id may hold.)
    assert check_one(tmp_path, "id: café-paper\ntitle: A\n", name="café-paper.yml") == [
        "content/papers/café-paper.yml:1:5: 'id' must be an id of lowercase a-z, 0-9 and single"
        " hyphens, at most 80 characters, not 'café-paper'; write 'id: cafe-paper' and rename the"
        " file to 'cafe-paper.yml'"
    ]


def test_each_line_a_tab_starts_is_said_once_in_a_file_with_tabs_in_two_fields(tmp_path):
    # (each field's syntax error is said on its own: a tab of 'authors' named in the
    # message of a tab of 'links' was said twice)
    text = (
        "id: x\ntitle: Tabs\nlinks:\n  code:\n\t- url: https://github.com/a/b\n"
        "abstract: >\n  Text.\nauthors:\n\t- A One\n\t- B Two\n"
    )
    tab = "YAML syntax error: a tab character: YAML indents with spaces, not tabs; replace it with spaces"
    assert check_one(tmp_path, text) == [
        f"{P}:5:1: {tab}",
        f"{P}:9:1: {tab} (line 10 also starts with a tab)",
    ]


def test_a_tab_in_a_field_with_another_syntax_error_is_named_by_the_files_first_tab(tmp_path):
    # The reader says the colon of 'notes' and stops there: its tab was said only once
    # the colon was fixed, one run later.
    text = "id: x\ntitle: Tabs\nlinks:\n\tcode: []\nnotes: Note: more\n\tand more\n"
    tab = "YAML syntax error: a tab character: YAML indents with spaces, not tabs; replace it with spaces"
    assert check_one(tmp_path, text) == [
        f"{P}:4:1: {tab} (line 6 also starts with a tab)",
        f"{P}:5:12: YAML syntax error: a colon followed by a space inside an unquoted value;"
        " put the value in double quotes",
    ]


def test_a_rerun_says_the_fix_of_an_id_that_is_not_its_files_name_as_a_full_load_does(tmp_path, monkeypatch):
    # The fix said depends on the other files (a file of that name there or not): a rerun
    # that checks the edited file alone would keep the place and words of the last load.
    from tests.test_curation_cross_file import TOPICS as FILLED, paper, project

    root = project(tmp_path / "p", FILLED, a=paper("a"), b=paper("b"), c=paper("new-c"))
    work = _Project(root, monkeypatch, None)
    said = (
        "id 'new-c' does not match the file name 'c.yml'; rename the file, mv content/papers/c.yml"
        " content/papers/new-c.yml, or write 'id: c' (an id is its page's address: if the site was"
        " published with 'new-c', add 'formerly: [new-c]' so that address leads here)"
        "; to rename the paper, its old address leading to the new and what names it changed"
        " too, write 'id: c' back and run: readinglist rename c new-c"
    )
    assert [str(p) for p in load_content(root / "content", root)[1].sorted()] == [
        f"content/papers/c.yml:1:5: {said}"
    ]
    work.edit("c.yml", "id: new-c\n", "# renamed\nid: new-c\n")
    work.check("a line above the id")  # (_Project.check: the rerun says what a full load says)
    assert [str(p) for p in work.fresh_problems.sorted()] == [f"content/papers/c.yml:2:5: {said}"]


@pytest.mark.parametrize(
    ("item", "hint"),
    [
        # (curator: each was told "write the item as '- url:  https://example.org/c'",
        # the space or the scheme kept, which the url's own check then refused)
        ("' https://example.org/c'", "; write the item as '- url: https://example.org/c'"),
        ("'https://example.org/c '", "; write the item as '- url: https://example.org/c'"),
        ("'https://example.org/\u200bc'", "; write the item as '- url: https://example.org/c'"),
        ("'javascript:alert(1)'", ""),
        ("'ftp://example.org/c'", ""),
        ("'htps://example.org/c'", "; write the item as '- url: https://example.org/c'"),
        # (reviewer: a space inside the path was dropped, 'Mypapers', another address;
        # the url's own check says it is written %20)
        ("'https://example.org/My papers/a'", "; write the item as '- url: https://example.org/My%20papers/a'"),
    ],
)
def test_a_link_written_as_a_bare_address_is_told_only_an_item_its_url_check_takes(tmp_path, item, hint):
    text = f"id: x\ntitle: A\nlinks:\n  code:\n    - {item}\n"
    said = check_one(tmp_path, text)
    assert said == [f"{P}:5:7: 'links.code' item 1 must be a mapping with a 'url', not a string{hint}"]
    if hint:
        fixed = text.replace(f"- {item}", hint.split("'")[1])
        assert check_one(tmp_path, fixed) == []


def test_a_rerun_hints_a_paper_in_no_topic_words_of_its_own_as_a_full_load_does(tmp_path, monkeypatch):
    """The hint for a paper in no topic leaves out the list's common stems (topics.common_stems,
    a word in more than a quarter of the papers), which a rerun counts again only for the
    papers edited: an edit that makes a word common, or no longer common, changes the
    hint of a paper not edited, as a full load says it."""
    from generator import topics

    (tmp_path / "content" / "papers").mkdir(parents=True)
    (tmp_path / "content" / "topics.yml").write_text(
        "topics:\n  - id: zebras\n    title: Zebras\n    keywords:\n      zebra: 2\n"
    )
    project = _Project(tmp_path, monkeypatch, None)
    project.write("okapi.yml", "id: okapi\ntitle: Okapi Habitats Surveyed\n")
    herds = ["Grazing", "Migration", "Stripes", "Foals", "Predators", "Rivers", "Dust", "Calls"]
    for n, word in enumerate(herds):
        project.write(f"z{n}.yml", f"id: z{n}\ntitle: Zebra {word} Studied in Year {n}\n")
    # Five of the nine papers are counted (okapi, z1, z3, z5, z7); a stem in three is common.
    monkeypatch.setattr(topics, "_COMMON_SAMPLE", 5)

    def hint() -> str:
        [said] = [p.message for p in project.fresh_problems.items if "in no topic" in p.message]
        return said.split("keywords (")[1].split(":")[0]

    project.check("the papers")
    assert hint() == "'okapi', 'habitats', 'surveyed'"
    project.edit("z1.yml", "Migration", "Migration Habitats")
    assert project.check("'habitats' in two papers counted") is False
    assert hint() == "'okapi', 'habitats', 'surveyed'"
    project.edit("z3.yml", "Foals", "Foals Habitats")
    assert project.check("'habitats' in three") is False
    assert hint() == "'okapi', 'surveyed'"
    project.edit("z0.yml", "Grazing", "Grazing Habitats")
    assert project.check("a paper not counted") is False
    assert hint() == "'okapi', 'surveyed'"
    project.edit("z3.yml", "Foals Habitats", "Foals")
    assert project.check("'habitats' in two again") is False
    assert hint() == "'okapi', 'habitats', 'surveyed'"


def test_a_rerun_keeps_the_warning_of_a_misspelt_keyword_after_an_edit_it_cannot_change(tmp_path, monkeypatch):
    """An edit of a paper past the text where the slips are looked for
    (topicsfile._SLIP_SEARCHED: here the first paper's), which brings no keyword word
    and no form of a word in no paper, keeps the warnings without a search of every
    paper; one that brings a form of the misspelt word searches again."""
    from generator import topicsfile

    monkeypatch.setattr(topicsfile, "_SLIP_SEARCHED", 60)
    project = _Project(tmp_path, monkeypatch)
    project.edit("topics.yml", "auxiliary task: 1.5", "auxiliary task | mixture of exprets: 1.5")
    project.edit("0123.yml", "An abstract.", "An abstract of experts.")
    assert project.check("a keyword with a slip of a word in the first paper") is True
    assert len(_misspelt(project)) == 1 and "did you mean 'experts'?" in _misspelt(project)[0]
    searches = _searches(monkeypatch)
    project.edit("merging-models-by-averaging.yml", "which we call", "which we name")
    assert project.check("another paper's abstract edited") is False
    assert len(_misspelt(project)) == 1
    assert len(searches) == 1  # the load without a cache; neither cached load searched
    project.edit("merging-models-by-averaging.yml", "which we name", "which we exprets")
    assert project.check("the misspelt word in another paper") is False
    assert _misspelt(project) == []
    assert len(searches) == 4  # all three loads searched


def weight_means(phrase: str) -> str:
    """What `check` says a keyword's weight does after one that is no number (written by
    hand from topics.py's score: weight * (TITLE_BONUS 3 if in the title + mentions up
    to MAX_REPEATS 3), and models.Topic's threshold, 1 by default)."""
    return (
        ": a keyword's weight is what each mention of it in a paper's title or abstract (up to 3)"
        " adds to the topic's score, with 3 times the weight more when the title has it; a paper"
        " gets the topic when its score reaches the topic's 'threshold' (1 if left out), and a"
        f" negative weight counts against it: write e.g. '{phrase}: 2'"
    )


# Each written in topics.yml as YAML needs it (quoted by hand); the example the message
# gave was the bare keyword, which YAML reads as another text ("c #: 2" is 'c', "#x: 2"
# nothing) or refuses ("a: b: 2", "*x: 2": an alias).
@pytest.mark.parametrize(
    "keyword, written",
    [
        ("c #", '"c #"'), ("a: b", '"a: b"'), ("#x", '"#x"'), ("*x", '"*x"'),
        ("'x", "\"'x\""), ("yes", '"yes"'), ("attention", "attention"),
    ],
)
def test_the_weight_example_pasted_into_topics_yml_reads_back_as_the_keyword(tmp_path, keyword, written):
    topics = tmp_path / "content" / "topics.yml"
    topics.parent.mkdir(parents=True)
    write_paper(tmp_path, "p.yml", "id: p\ntitle: P\n")
    layout = "topics:\n  - id: t\n    title: T\n    keywords:\n      {}\n"
    topics.write_text(layout.format(f"{written}: high"), encoding="utf-8")
    (said,) = messages(tmp_path)
    example = re.fullmatch(r".*: write e\.g\. '(.*)'", said).group(1)
    topics.write_text(layout.format(example), encoding="utf-8")
    content, problems = load_content(tmp_path / "content", tmp_path)
    assert [p.message for p in problems.sorted() if p.severity.value == "error"] == []
    assert dict(content.topics[0].keywords) == {keyword: 2.0}


def test_a_folder_of_paper_files_in_the_papers_folder_says_they_are_not_read_and_where_they_go(tmp_path):
    # (audit: a lab sorting its papers by year, content/papers/2023/, was told only
    # "(this is a folder)": not that its papers were left out of the list, nor the fix)
    check_one(tmp_path, "id: x\ntitle: A\n")
    papers = tmp_path / "content" / "papers"
    for folder, names in {"2023": ["a.yml", "b.yml", "notes.txt"], "2024": ["c.yml"], "drafts": ["d.md"]}.items():
        (papers / folder).mkdir()
        for name in names:
            (papers / folder / name).write_text("id: y\ntitle: B\n")
    said = messages(tmp_path)
    stem = "not read: content/papers/ holds only paper files named <id>.yml"
    assert f"content/papers/2023:1:1: {stem} (this is a folder, holding 2 paper files the list does not read:" \
        " move them into content/papers/ itself; topics and tags group papers, not folders)" in said
    assert f"content/papers/2024:1:1: {stem} (this is a folder, holding 1 paper file the list does not read:" \
        " move it into content/papers/ itself; topics and tags group papers, not folders)" in said
    assert f"content/papers/drafts:1:1: {stem} (this is a folder)" in said


def test_a_folder_in_the_papers_folder_counts_paper_files_as_the_papers_folder_reads_them(tmp_path):
    # (review of 108b6c5f: counted in the folder alone, 2023/q1/x.yml left 2023/ "a
    # folder" of nothing; a hidden .w.yml, which the papers folder itself passes over as an
    # editor's, was a paper file; an x.yaml, which it reads as a paper file to rename, was not)
    check_one(tmp_path, "id: x\ntitle: A\n")
    papers = tmp_path / "content" / "papers"
    for name in ["2023/a.yml", "2023/q1/b.yml", "2023/q2/c.yaml", "2023/.git/d.yml", "2023/q1/notes.txt",
                 "2022/.w.yml", "2022/w.yml~", "2021/q1/e.yml"]:
        (papers / name).parent.mkdir(parents=True, exist_ok=True)
        (papers / name).write_text("id: y\ntitle: B\n")
    said = messages(tmp_path)
    stem = "not read: content/papers/ holds only paper files named <id>.yml"
    fix = "content/papers/ itself; topics and tags group papers, not folders)"
    assert f"content/papers/2023:1:1: {stem} (this is a folder, holding 3 paper files the list does not" \
        f" read, 2 of them in folders inside it: move them into {fix}" in said
    assert f"content/papers/2021:1:1: {stem} (this is a folder, holding 1 paper file the list does not" \
        f" read, in folders inside it: move it into {fix}" in said
    assert f"content/papers/2022:1:1: {stem} (this is a folder)" in said


def test_a_paper_file_cut_off_right_after_a_key_is_warned_of(tmp_path):
    # (aud6's found item 3: "authors:" and then the end of the file, as an interrupted
    # copy or paste leaves it, read as a paper with no authors, and check said nothing)
    said = "with no value and no line end: was it cut off? write its value (git diff shows what the file held)"
    head = "id: x\ntitle: A paper\n"
    assert check_one(tmp_path, head + "authors:") == [
        f"content/papers/x.yml:3:1: warning: the file ends at 'authors:', {said}, or remove 'authors:'"
    ]
    # The last key of a nested record, too.
    assert check_one(tmp_path, head + "links:\n  code:\n    - url: https://github.com/a/b\n      official:") == [
        f"content/papers/x.yml:6:7: warning: the file ends at 'official:', {said}, or remove 'official:'"
    ]
    # Not: a field left empty with a line end after it (as an editor saves it; "abstract:"
    # is a paper without one: test_a_paper_without_an_abstract_loads_without_a_problem),
    # or empty on purpose, one that is not the last, a value that ends with a colon, a
    # comment after the key; nor a second word where an error was said.
    for whole in [
        head + "authors:\n", head + "authors:\n\n", head + "authors: ~", head + "authors: null",
        head + "year:\nvenue: ICML", head + "abstract: |\n  We ask:", head + "abstract: 'We ask:'",
        head + "authors:  # to fill",
    ]:
        assert [m for m in check_one(tmp_path, whole) if "cut off" in m] == [], whole
    assert check_one(tmp_path, "id: x\ntitle:") == ["content/papers/x.yml:2:7: required field 'title' is empty"]


def test_a_new_day_reads_again_only_the_files_its_calendar_may_judge_otherwise(tmp_path, monkeypatch):
    # The first rerun after midnight read every paper file again (a new FolderMemo: 3.2
    # s of a 5 s title rerun at 10,000, the fifty-fifth session's A/B across 00:00 UTC),
    # though a file's verdict depends on the day only through a `year` after next year
    # or an `added` after today (paperdrafts._warn_future_year, _warn_future_added).
    # The files whose year or day is after either calendar's are read again; the others
    # keep their drafts and their verdicts, which the new day's would be.
    import time_machine

    from generator import curation, paperdrafts

    dated = {
        "past.yml": "added: 2030-05-01\nyear: 2029",
        "no-date.yml": "",
        "bool-year.yml": "year: true",  # (an error: not a year; judged on no day)
        "today.yml": "added: 2030-06-01",  # (not after either day)
        "tomorrow.yml": "added: 2030-06-02",  # (after the first day only: its warning goes)
        "later.yml": "added: 2030-06-05",  # (after both: its warning names the new day)
        "far-year.yml": "year: 2032",  # (after next year on both days: its warning stays)
    }
    for name, fields in dated.items():
        stem = name.removesuffix(".yml")
        write_paper(tmp_path, name, f"id: {stem}\ntitle: Paper {stem}\nabstract: a\n{fields}\n")
    (tmp_path / "content" / "topics.yml").write_text("topics: []\n", encoding="utf-8")
    files: curation.FileCache = {}
    day = dt.datetime(2030, 6, 1, 23, 59, tzinfo=dt.timezone.utc)
    with time_machine.travel(day, tick=False):
        load_content(tmp_path / "content", cache=files)
    reads: list[str] = []
    read_paper = paperdrafts.read_paper
    monkeypatch.setattr(
        paperdrafts, "read_paper", lambda path, *rest: reads.append(Path(path).name) or read_paper(path, *rest)
    )
    for cache in (files, pickle.loads(pickle.dumps(files))):  # (`serve` past midnight; a new process)
        reads.clear()
        with time_machine.travel(day + dt.timedelta(minutes=2), tick=False):
            content, problems = load_content(tmp_path / "content", cache=cache)
            assert sorted(reads) == ["later.yml", "tomorrow.yml"]
            plain_content, plain = load_content(tmp_path / "content")
            assert [str(p) for p in problems.items] == [str(p) for p in plain.items]
            assert content.papers == plain_content.papers
            said = [p.message for p in problems.items]
            assert any("'added' is 2030-06-05, after today (2030-06-02)" in m for m in said)
            assert not any("2030-06-02, after" in m for m in said)
            assert any("'year' is 2032, after 2031" in m for m in said)
            reads.clear()
            load_content(tmp_path / "content", cache=cache)  # (the same day again: none)
            assert reads == []


def test_a_paper_file_named_with_an_escape_character_is_said_with_none_reaching_the_terminal(tmp_path):
    # (check printed the name as it was, at the start of the message and in its mv
    # command: the escape character coloured the rest of the terminal red)
    said = [m for m in check_one(tmp_path, "id: x\ntitle: A\n", "a\x1b[31mb.yml") if "does not match" in m]
    assert said == [
        "content/papers/a\\x1b[31mb.yml:1:5: id 'x' does not match the file name 'a\\x1b[31mb.yml';"
        " rename the file to 'x.yml' (a file's name is its paper's id):"
        " mv $'content/papers/a\\x1b[31mb.yml' content/papers/x.yml"
    ]
