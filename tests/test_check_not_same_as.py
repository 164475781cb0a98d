"""`not_same_as:`: a curator keeping two papers of one title (a paper's conference and
journal versions) says so, and `check` no longer takes them for one paper."""

from __future__ import annotations

import pytest

from tests.test_curation import MERGE, ONE_PREPRINT, messages, write_paper

PEOPLE = "authors: [Ricky Chen, David Duvenaud]\n"
CONF = "id: node-conf\ntitle: Neural ODEs\n" + PEOPLE + "year: 2018\nvenue: NeurIPS\nabstract: a\n"
JOURNAL = "id: node-journal\ntitle: Neural ODEs\n" + PEOPLE + "year: 2021\nvenue: JMLR\nabstract: b\n"


def _project(tmp_path, **files: str) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "topics.yml").write_text("topics: []\n")
    for paper_id, text in files.items():
        write_paper(tmp_path, f"{paper_id.replace('_', '-')}.yml", text)


@pytest.mark.parametrize("marked", ["conf", "journal"])
def test_not_same_as_in_either_file_parts_two_papers_of_one_title(tmp_path, marked):
    # (without it, the error test_curation's test of versions by the same people expects)
    conf = CONF + ("not_same_as: [node-journal]\n" if marked == "conf" else "")
    journal = JOURNAL + ("not_same_as: [node-conf]\n" if marked == "journal" else "")
    _project(tmp_path, node_conf=conf, node_journal=journal)
    assert messages(tmp_path) == []


def test_not_same_as_parts_two_versions_of_one_arxiv_id(tmp_path):
    # (both versions often give the one arXiv id of their preprint: "merge them" was all
    # the error said, and the title's error with it)
    arxiv = "arxiv: '1806.07366'\n"
    _project(tmp_path, node_conf=CONF + arxiv, node_journal=JOURNAL + arxiv)
    same_id = "same paper as {} (the same arXiv id 1806.07366)" + MERGE + ONE_PREPRINT
    assert messages(tmp_path) == [
        "content/papers/node-conf.yml:7:8: " + same_id.format("content/papers/node-journal.yml"),
        "content/papers/node-journal.yml:7:8: " + same_id.format("content/papers/node-conf.yml"),
    ]
    write_paper(tmp_path, "node-journal.yml", JOURNAL + arxiv + "not_same_as: [node-conf]\n")
    assert messages(tmp_path) == []


def test_not_same_as_parts_titles_import_takes_for_one(tmp_path):
    # (a journal version whose title differs by a letter: check warned that import
    # merges them, and the warning said nothing of not_same_as's parting them)
    title = "Neural Ordinary Differential Equations for Irregular Time Series"
    conf = f"id: node-conf\ntitle: {title}\n" + PEOPLE
    journal = f"id: node-journal\ntitle: {title[:-1]}\n" + PEOPLE
    _project(tmp_path, node_conf=conf, node_journal=journal)
    assert [m for m in messages(tmp_path) if "same paper" in m]  # (import takes them for one)
    write_paper(tmp_path, "node-conf.yml", conf + "not_same_as: [node-journal]\n")
    assert messages(tmp_path) == []


def test_an_unknown_id_in_not_same_as_is_an_error_with_the_closest_id(tmp_path):
    _project(tmp_path, node_conf=CONF + "not_same_as: [node-jounral]\n", node_journal=JOURNAL)
    found = messages(tmp_path)
    assert "content/papers/node-conf.yml:7:15: unknown paper 'node-jounral' (did you mean 'node-journal'?)" in found


def test_a_paper_in_its_own_not_same_as_is_an_error(tmp_path):
    _project(tmp_path, node_conf=CONF + "not_same_as: [node-conf]\n")
    assert messages(tmp_path) == [
        "content/papers/node-conf.yml:7:15: a paper cannot be in its own not_same_as; remove it from 'not_same_as'",
    ]


def test_not_same_as_naming_a_paper_of_another_title_is_not_needed(tmp_path):
    other = "id: other\ntitle: Attention Is All You Need\nabstract: c\n"
    _project(tmp_path, node_conf=CONF + "not_same_as: [other]\n", other=other)
    assert messages(tmp_path) == [
        "content/papers/node-conf.yml:7:15: warning: 'other' is not needed in not_same_as:"
        " nothing makes the two one paper (their titles are not alike, nor are their arXiv"
        " ids, DOIs or abstracts one), so neither `check` nor `readinglist import` takes"
        " them for one; remove it",
    ]


def test_a_rerun_says_of_not_same_as_what_a_full_load_says(tmp_path, monkeypatch):
    # (Said across files: a rerun swapping one edited file in keeps what was said across
    # files, and would keep a marker's "not needed" after the marker is gone, or miss it
    # when it is added. _Project.check asserts the rerun and a full load agree.)
    from tests.test_curation import _Project

    other = "id: other\ntitle: Attention Is All You Need\nabstract: c\n"
    project = _Project(tmp_path, monkeypatch)
    project.write("node-conf.yml", CONF)
    project.write("other.yml", other)
    project.check("two papers of other titles")
    project.edit("node-conf.yml", "abstract: a\n", "abstract: a\nnot_same_as: [other]\n")
    project.check("a marker not needed added")
    assert [p.message for p in project.fresh_problems.items if "not_same_as" in p.message] == [
        "'other' is not needed in not_same_as: nothing makes the two one paper (their"
        " titles are not alike, nor are their arXiv ids, DOIs or abstracts one), so neither"
        " `check` nor `readinglist import` takes them for one; remove it",
    ]
    project.edit("node-conf.yml", "id: node-conf\n", "# moved down a line\nid: node-conf\n")
    project.check("a line above the marker")
    project.edit("node-conf.yml", "not_same_as: [other]\n", "")
    project.check("the marker removed")
    assert not [p for p in project.fresh_problems.items if "not_same_as" in p.message]


# (typed out, as a curator reads it: the way out each same-paper message offers)
PARTED = ", or list either's id in the other's 'not_same_as:'"
LONG_ABSTRACT = (
    "abstract: \"We learn to adapt quickly to new tasks from a handful of examples by"
    " training an initial set of parameters that a few gradient steps turn into a good"
    " model for each task, across classification, regression and reinforcement learning.\"\n"
)


@pytest.mark.parametrize(
    ("a_title", "b_title", "extra", "ends"),
    [
        # one title, no authors and year: "give each ... its authors and year"
        ("Neural ODEs", "Neural ODEs", "", "or its authors and year"),
        # titles import takes for one: "... or its own abstract"
        ("Attention Is All You Need", "Attention is all you ned", "", "or its own abstract"),
        # one long abstract under titles somewhat alike
        ("Learning to Learn Fast", "Learning to Learn Quickly", LONG_ABSTRACT, "or its own abstract"),
    ],
)
def test_each_same_paper_message_offers_not_same_as_which_silences_it(tmp_path, a_title, b_title, extra, ends):
    # (curator: the messages said "give each its arXiv id or DOI, or its authors and
    # year", which a conference and a journal version without DOIs cannot, and not that
    # not_same_as: parts them)
    a, b = f"id: a\ntitle: {a_title}\n{extra}", f"id: b\ntitle: {b_title}\n{extra}"
    _project(tmp_path, a=a, b=b)
    said = [m for m in messages(tmp_path) if "same paper as" in m]
    assert said and all(m.endswith(ends + PARTED) for m in said), said
    write_paper(tmp_path, "b.yml", b + "not_same_as: [a]\n")
    assert messages(tmp_path) == []


# (typed out: what a merge would lose when two files of one arXiv id or DOI are two papers)
RETITLED = "id: node-journal\ntitle: Neural Ordinary Differential Equations\n" + PEOPLE + "year: 2021\nvenue: JMLR\nabstract: b\n"


def test_one_arxiv_id_under_two_titles_is_told_the_not_same_as_line_to_write(tmp_path):
    # (curator: a journal version retitled, both giving their preprint's arXiv id, was
    # told to merge them or correct an arXiv id, not that not_same_as parts them, nor
    # where the other file's id is)
    arxiv = "arxiv: '1806.07366'\n"
    _project(tmp_path, node_conf=CONF + arxiv, node_journal=RETITLED + arxiv)
    fix = (
        ", or, if they are two papers of one preprint (a conference and a journal version,"
        " say), write 'not_same_as: [{}]' in this file; if they are two papers of two"
        " preprints, correct the arXiv id of the one it is not, here or at {}"
    )
    same_id = "same paper as {} (the same arXiv id 1806.07366)" + MERGE
    conf, journal = "content/papers/node-conf.yml", "content/papers/node-journal.yml"
    assert messages(tmp_path) == [
        f"{conf}:7:8: " + same_id.format(journal) + fix.format("node-journal", f"{journal}:7:8"),
        f"{journal}:7:8: " + same_id.format(conf) + fix.format("node-conf", f"{conf}:7:8"),
    ]
    write_paper(tmp_path, "node-journal.yml", RETITLED + arxiv + "not_same_as: [node-conf]\n")
    assert messages(tmp_path) == []


DOI = "doi: 10.1000/abc\n"
CATS, DOGS = "content/papers/cats.yml", "content/papers/dogs.yml"
# A DOI is one version's own: `readinglist import` matches a record by its DOI whatever
# not_same_as says (importer._by_shared), so check does not let not_same_as part them.
ONE_DOI = (
    "a DOI is one paper's own (a conference and a journal version each have theirs), and"
    " `readinglist import` takes a record of it for one of the two whatever 'not_same_as:'"
    " says"
)
LATER = (
    "; likely content/papers/dogs.yml's: it was added later (2025-03-01; content/papers/cats.yml"
    " 2024-01-10), and a file copied to start another paper keeps the DOI of the one it was"
    " copied from"
)


def _cats_and_dogs(tmp_path, dogs_extra: str = "", dogs_title: str = "Dogs") -> None:
    cats = "id: cats\ntitle: Cats\nadded: 2024-01-10\n" + DOI
    dogs = f"id: dogs\ntitle: {dogs_title}\nadded: 2025-03-01\n" + DOI + dogs_extra
    _project(tmp_path, cats=cats, dogs=dogs)


def test_one_doi_under_two_titles_names_the_file_likely_wrong_and_says_not_same_as_does_not_part_them(tmp_path):
    # (curator: "correct the DOI of the one it is not" named neither line, nor which is
    # likelier, and did not say whether not_same_as would do instead)
    _cats_and_dogs(tmp_path)
    fix = (
        ", or, if they are two papers (their titles differ), correct the DOI of the one it"
        " is not, here or at {}" + LATER + "; 'not_same_as:' does not part them: " + ONE_DOI
    )
    assert messages(tmp_path) == [
        f"{CATS}:4:6: same paper as {DOGS} (the same DOI 10.1000/abc)" + MERGE + fix.format(f"{DOGS}:4:6"),
        f"{DOGS}:4:6: same paper as {CATS} (the same DOI 10.1000/abc)" + MERGE + fix.format(f"{CATS}:4:6"),
    ]


@pytest.mark.parametrize("dogs_title", ["Dogs", "Cats"])
def test_not_same_as_does_not_silence_two_papers_of_one_doi(tmp_path, dogs_title):
    # (it did: then import merged a record of that DOI into one of them, though the
    # curator had said they are two papers)
    _cats_and_dogs(tmp_path, "not_same_as: [cats]\n", dogs_title)
    said = "same paper as {} (the same DOI 10.1000/abc), which 'not_same_as:' parts: " + ONE_DOI + (
        "; correct the DOI of the one it is not, here or at {}" + LATER
    )
    assert messages(tmp_path) == [
        f"{CATS}:4:6: " + said.format(DOGS, f"{DOGS}:4:6"),
        f"{DOGS}:4:6: " + said.format(CATS, f"{CATS}:4:6"),
    ]


def test_without_added_dates_no_file_is_said_likelier_wrong(tmp_path):
    _project(tmp_path, cats="id: cats\ntitle: Cats\n" + DOI, dogs="id: dogs\ntitle: Dogs\n" + DOI)
    found = messages(tmp_path)
    assert len(found) == 2 and all("likely" not in m and "here or at" in m for m in found), found


BIRDS = "content/papers/birds.yml"


def test_a_doi_of_three_files_two_parted_is_said_of_each_pair_as_that_pair_is(tmp_path):
    # (curator: cats and dogs parted by not_same_as, birds of their DOI too: cats was
    # told "merge them" of dogs, which not_same_as parts from it, and birds to merge all
    # three, two of them papers the curator said are different.) Each file is told, of
    # each other, what is right for the two: of the parted one, that a DOI is one
    # paper's; of one it may be, to merge or correct; and birds, that it may be one of
    # the two parted papers at most.
    birds = "id: birds\ntitle: Birds\nadded: 2025-06-01\n" + DOI
    _project(
        tmp_path, cats="id: cats\ntitle: Cats\nadded: 2024-01-10\n" + DOI,
        dogs="id: dogs\ntitle: Dogs\nadded: 2025-03-01\n" + DOI + "not_same_as: [cats]\n", birds=birds,
    )
    parted = "same paper as {} (the same DOI 10.1000/abc), which 'not_same_as:' parts: " + ONE_DOI + (
        "; correct the DOI of the one it is not, here or at {}:4:6" + LATER
    )
    free = (
        "same paper as {0} (the same DOI 10.1000/abc)" + MERGE + ", or, if they are two papers (their"
        " titles differ), correct the DOI of the one it is not, here or at {0}:4:6; likely {0}'s: it"
        " was added later (2025-06-01; {1} {2}), and a file copied to start another paper keeps the"
        " DOI of the one it was copied from; 'not_same_as:' does not part them: " + ONE_DOI
    )
    assert messages(tmp_path) == [
        f"{BIRDS}:4:6: same paper as {CATS}, {DOGS} (the same DOI 10.1000/abc), which 'not_same_as:'"
        " says are two papers: a DOI is one paper's own, so all files of it but one paper's give"
        " a wrong one; if this file is the paper of one of them, merge the two: keep one file,"
        " copy into it what the other adds, delete the other and list its id in the kept one's"
        f" 'formerly:'; correct the DOI of each other paper, here or at {CATS}:4:6, {DOGS}:4:6;"
        f" likely those of all but {CATS}, added first (2024-01-10), and a file copied to start"
        " another paper keeps the DOI of the one it was copied from",
        f"{CATS}:4:6: " + free.format(BIRDS, CATS, "2024-01-10"),
        f"{CATS}:4:6: " + parted.format(DOGS, DOGS),
        f"{DOGS}:4:6: " + free.format(BIRDS, DOGS, "2025-03-01"),
        f"{DOGS}:4:6: " + parted.format(CATS, CATS),
    ]


def test_a_paper_named_by_its_own_title_in_its_own_lists_is_told_it_is_itself(tmp_path):
    # (curator: 'related: [selfy-self-reference-study]' in selfy.yml was told "did you
    # mean 'selfy', the paper titled ...?", which check then refused: "a paper cannot be
    # related to itself")
    _project(
        tmp_path, selfy="id: selfy\ntitle: Self Reference Study\n"
        "related: [selfy-self-reference-study]\nnot_same_as: [Self Reference Study]\n",
    )
    assert messages(tmp_path) == [
        "content/papers/selfy.yml:3:11: a paper cannot be related to itself"
        " ('selfy-self-reference-study' names it by its title); remove it from 'related'",
        "content/papers/selfy.yml:4:15: a paper cannot be in its own not_same_as"
        " ('Self Reference Study' names it by its title); remove it from 'not_same_as'",
    ]


@pytest.mark.parametrize(("key", "at"), [("arxiv: '1806.07366'\n", "3:8"), ("", "2:8")])
def test_a_third_file_of_two_parted_papers_is_not_told_to_merge_all_three(tmp_path, key, at):
    # (it was told "merge them" of the two the curator said are two papers, by one
    # arXiv id or one title: it may be one of them at most, or a third paper)
    conf, journal = "id: node-conf\ntitle: Neural ODEs\n" + key, "id: node-journal\ntitle: Neural ODEs\n" + key
    _project(tmp_path, node_conf=conf, node_journal=journal + "not_same_as: [node-conf]\n",
             node_copy="id: node-copy\ntitle: Neural ODEs\n" + key)
    reason = "the same arXiv id 1806.07366" if key else "the same title"
    found = messages(tmp_path)
    assert found[1] == (
        f"content/papers/node-copy.yml:{at}: same paper as content/papers/node-conf.yml,"
        f" content/papers/node-journal.yml ({reason}), which 'not_same_as:' says are two papers: if"
        " this file is the paper of one of them, merge the two: keep one file, copy into it what the"
        " other adds, delete the other and list its id in the kept one's 'formerly:'; if it is"
        " another paper, write 'not_same_as: [node-conf, node-journal]' in this file"
    )
    # (Each parted one is told of the third alone, as two files of one paper are.)
    assert [m.split(" (")[0] for m in (found[0], found[2])] == [
        f"content/papers/{one}.yml:{at}: same paper as content/papers/node-copy.yml"
        for one in ("node-conf", "node-journal")
    ]
    assert len(found) == 3
