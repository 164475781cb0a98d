"""A paper's `citation_key` (hunt9: a lab citing from its site got keys that were the
site's slugs, not its own library's `smith2020deep`): its BibTeX entry's key, in
papers.bib and the page's citation; a key no other paper is cited by, else its id."""

from __future__ import annotations

from generator.curation import load_content
from generator.export_bibtex import bibtex_by_paper, citation
from generator.models import Paper
from tests.test_curation import without_topicless
from tests.test_curation_cross_file import paper, project


def _load(root):
    content, problems = load_content(root / "content", root)
    return {p.id: p for p in content.papers}, [str(m) for m in without_topicless(problems.sorted())]


def test_the_citation_key_keys_the_entry_and_without_one_the_first_id_does():
    keyed = Paper("deep-things", "Deep Things", "", citation_key="smith2020deep")
    renamed = Paper("deeper-things", "Deeper Things", "", formerly=("deep-thing",))
    assert citation(keyed).startswith("@misc{smith2020deep,\n")
    assert bibtex_by_paper([keyed])["deep-things"].startswith("@misc{smith2020deep,\n")
    assert citation(renamed).startswith("@misc{deep-thing,\n")


def test_a_key_loads_and_a_shared_a_refused_or_an_ids_key_is_said_and_the_id_cited(tmp_path):
    root = project(
        tmp_path,
        a=paper("a", extra="citation_key: smith2020deep\n"),
        b=paper("b", extra="citation_key: Lee2019\n"),
        c=paper("c", extra="citation_key: lee2019\n"),  # (BibTeX's keys are one in any case)
        d=paper("d", extra="citation_key: a\n"),  # the id a is cited by... if a had no key
        e=paper("e", extra="citation_key: f\n"),  # f's id, f has no key
        f=paper("f"),
        g=paper("g", extra="citation_key: kim 2018\n"),
    )
    papers, said = _load(root)
    assert {pid: p.cited_as for pid, p in papers.items()} == {
        "a": "smith2020deep", "b": "b", "c": "c", "d": "a", "e": "e", "f": "f", "g": "g",
    }
    assert said == [
        "content/papers/b.yml:3:15: warning: citation_key 'Lee2019' is also the citation_key of c:"
        " a key is one paper's; give each its own; the paper is cited by its id, 'b'",
        "content/papers/c.yml:3:15: warning: citation_key 'lee2019' is also the citation_key of b:"
        " a key is one paper's; give each its own; the paper is cited by its id, 'c'",
        "content/papers/e.yml:3:15: warning: citation_key 'f' is the id f is cited by; the paper"
        " is cited by its id, 'e'",
        "content/papers/g.yml:3:15: warning: citation_key 'kim 2018' holds a character BibTeX"
        " refuses in a key (a space, a comma, a brace, a quote, '=', '#', '%'); the paper is"
        " cited by its id, 'g'",
    ]


BIB = """\
@article{smith2020deep,
  title = {Deep Things},
  author = {Smith, Ann},
  journal = {Journal of Things},
  year = {2020},
}
"""


def _import(root, name, text):
    from generator.importer import import_paths

    (root / name).write_text(text, encoding="utf-8")
    return import_paths([root / name], root / "content")


def test_an_import_gives_a_new_file_its_entrys_key_and_no_file_that_exists_one(tmp_path):
    (tmp_path / "content").mkdir()
    _import(tmp_path, "lab.bib", BIB)
    written = tmp_path / "content" / "papers" / "deep-things.yml"
    text = written.read_text()
    assert "\ndoi" not in text and "\ncitation_key: smith2020deep\nlinks:\n" in text
    # The curator takes it out (or changes it): the next import leaves the file as it is.
    written.write_text(text.replace("citation_key: smith2020deep\n", ""))
    report = _import(tmp_path, "lab.bib", BIB.replace("smith2020deep", "Smith2020Deep"))
    assert report.unchanged == ["deep-things"]
    assert "citation_key" not in written.read_text()
    # An RIS record's ID is a record number, no citation key: none written.
    ris = "TY  - JOUR\nID  - 42\nTI  - Other Things\nAU  - Lee, Min\nPY  - 2019\nER  - \n"
    _import(tmp_path, "lab.ris", ris)
    assert "citation_key" not in (tmp_path / "content" / "papers" / "other-things.yml").read_text()


def test_the_key_is_quoted_where_yaml_would_read_no_text_and_loads_as_written(tmp_path):
    (tmp_path / "content").mkdir()
    _import(tmp_path, "lab.bib", BIB.replace("smith2020deep", "2020"))
    text = (tmp_path / "content" / "papers" / "deep-things.yml").read_text()
    assert "\ncitation_key: '2020'\n" in text or '\ncitation_key: "2020"\n' in text
    papers, _ = _load(tmp_path)
    assert papers["deep-things"].cited_as == "2020"


def _reruns(tmp_path, monkeypatch, start, edits):
    """Each edit written and loaded as a rerun (`serve`) does and as a whole load does:
    (rerun's content, its problems, the whole load's content, its problems) for each."""
    import time

    from generator import paperdrafts

    monkeypatch.setattr(paperdrafts.time, "time_ns", lambda: time.time() * 1e9 + 60e9)  # (settled)
    root = project(tmp_path, **start)
    files: dict = {}
    load_content(root / "content", cache=files)
    for name, text in edits:
        (root / "content" / "papers" / f"{name}.yml").write_text(text, encoding="utf-8")
        yield (*load_content(root / "content", cache=files), *load_content(root / "content"))


def test_a_rerun_after_an_edit_cites_as_a_whole_load_does(tmp_path, monkeypatch):
    # A rerun (`serve`) swaps an edited file in without checking the others again: a key
    # given or changed is checked across files again; another edit of a file whose key
    # is another's keeps it cited by its id.
    start = {k: paper(k, extra=f"citation_key: k{n}\n") for n, k in enumerate("abc", 1)}
    for content, problems, whole, said in _reruns(tmp_path, monkeypatch, start, (
        ("b", paper("b", extra="citation_key: K1\n")),  # now a's too
        ("a", paper("a", extra="citation_key: k1\nnotes: An edit beside the key.\n")),
        ("c", paper("c", extra="citation_key: a\n")),  # the id a is cited by now
    )):
        assert [p.cited_as for p in content.papers] == [p.cited_as for p in whole.papers]
        assert [str(p) for p in problems.sorted()] == [str(p) for p in said.sorted()]
    assert [p.cited_as for p in content.papers] == ["a", "b", "c"]


def test_a_rerun_says_a_keys_warning_at_the_line_the_edit_moved_it_to(tmp_path, monkeypatch):
    # The warnings at a key are said across files; an edit above the key (a year, notes)
    # moves its line, and a rerun that swapped the file in said the old line (3:15).
    start = {"a": paper("a", extra="citation_key: kim 2018\n"), "b": paper("b", extra="citation_key: x\n"),
             "c": paper("c", extra="citation_key: X\n")}
    for _, problems, _, said in _reruns(tmp_path, monkeypatch, start, (
        ("a", paper("a", extra="year: 2018\nnotes: An edit.\ncitation_key: kim 2018\n")),
        ("b", paper("b", extra="year: 2018\ncitation_key: x\n")),
    )):
        assert [str(p) for p in problems.sorted()] == [str(p) for p in said.sorted()]
    assert [str(p).split(": warning")[0] for p in said.sorted()] == [
        "content/papers/a.yml:5:15", "content/papers/b.yml:4:15", "content/papers/c.yml:3:15",
    ]


def test_a_key_with_an_invisible_character_is_said_and_the_id_cited(tmp_path):
    # "smith\u200b2020" (pasted from a web page) is a key no \cite{smith2020} typed finds,
    # and the Cite block shows it as smith2020: refused as a URL's or DOI's would be.
    root = project(
        tmp_path, a=paper("a", extra='citation_key: "smith\\u200b2020"\n'),
        b=paper("b", extra='citation_key: "lee\\u20602019"\n'), c=paper("c", extra="citation_key: kim:2018/x\n"),
    )
    papers, said = _load(root)
    assert {pid: p.cited_as for pid, p in papers.items()} == {"a": "a", "b": "b", "c": "kim:2018/x"}
    assert said == [
        "content/papers/a.yml:3:15: warning: citation_key 'smith\\u200b2020' holds an invisible"
        " character, which a key typed never has; the paper is cited by its id, 'a'",
        "content/papers/b.yml:3:15: warning: citation_key 'lee\\u20602019' holds an invisible"
        " character, which a key typed never has; the paper is cited by its id, 'b'",
    ]


def test_key_edits_build_again_as_a_clean_build_does(tmp_path, monkeypatch):
    # A key given, another paper's in other capitals, an edit above a given-up key (its
    # warning's line moves), a key that is another's id, one BibTeX refuses, each taken
    # out: a rerun in one process (`serve`) and one from the cache folder write the docs
    # folder and say the warnings of a clean build.
    import random
    import shutil
    import time

    import tests.test_rerun_random as rerun
    from generator import build, paperdrafts

    monkeypatch.setattr(paperdrafts.time, "time_ns", lambda: int(time.time() * 1e9 + 60e9))  # (settled)
    rng = random.Random(3)
    world = rerun.World(rng)
    world.papers = {f"p{n:03d}-m": rerun.new_paper(rng) for n in range(1, 6)}
    keys: dict[str, str] = {}
    written = rerun.paper_yaml
    monkeypatch.setattr(
        rerun, "paper_yaml", lambda pid, p: written(pid, p) + (f"citation_key: '{keys[pid]}'\n" if pid in keys else "")
    )
    content = tmp_path / "content"
    shutil.copytree(rerun.REPO / "tests" / "data" / "site_fixture" / "content" / "pages", content / "pages")
    world.write(content)
    memo = build.Memo()
    warm = build.Settings(content, tmp_path / "warm", source_date_epoch=0)
    cached = build.Settings(content, tmp_path / "newproc", source_date_epoch=0, cache_dir=tmp_path / "cache")
    rerun.run(warm, memo)
    rerun.run(cached, build.Memo())
    clean = tmp_path / "clean"
    for step, edit in enumerate((
        lambda: keys.update({"p001-m": "smith2020"}),
        lambda: keys.update({"p002-m": "Smith2020"}),
        lambda: world.papers["p001-m"].update(summary="An edit above the key."),
        lambda: keys.update({"p003-m": "p004-m"}),
        lambda: world.papers["p003-m"].update(title="Retitled merging"),
        lambda: keys.pop("p002-m"),
        lambda: keys.update({"p004-m": "kim 2018"}),
        lambda: world.papers["p004-m"].update(summary="An edit."),
        lambda: keys.pop("p004-m"),
        lambda: keys.clear(),
    )):
        edit()
        world.write(content)
        in_process, new_process = rerun.run(warm, memo), rerun.run(cached, build.Memo())
        shutil.rmtree(clean, ignore_errors=True)
        said = rerun.run(build.Settings(content, clean, source_date_epoch=0), build.Memo())
        assert rerun._differs(in_process, said, tmp_path / "warm", clean) is None, step
        assert rerun._differs(new_process, said, tmp_path / "newproc", clean) is None, step
        bib = (clean / "papers.bib").read_text()
        # (the first key alone; shared, both papers cited by their ids; given back at p002-m's removal)
        assert ("{smith2020," in bib) == (step in (0, 5, 6, 7, 8)), step
        assert ("{p001-m," in bib) == (step not in (0, 5, 6, 7, 8)), step
        page = (clean / "papers" / "p001-m.md").read_text()  # (its Cite block)
        assert ("<code>@misc{smith2020," in page or "{smith2020,\n" in page) == (step in (0, 5, 6, 7, 8)), step


def test_an_import_writes_no_key_another_paper_is_cited_by_but_one_with_a_letter_after_it(tmp_path):
    # A paper cited by its id smith2020deep (another's `formerly:` holds smith2020deepa):
    # the entry's key was written as it was, and `check` then warned of both papers.
    root = project(
        tmp_path,
        smith2020deep=paper("smith2020deep", "Older Things"),
        newer=paper("newer", "Newer Things", "formerly: [smith2020deepa]\n"),
    )
    report = _import(root, "lab.bib", BIB)
    assert report.added == ["deep-things"]
    text = (root / "content" / "papers" / "deep-things.yml").read_text()
    assert "\ncitation_key: smith2020deepb\n" in text
    assert [str(w) for w in report.warnings] == [
        f"{root / 'lab.bib'}:1:1: warning: the citation key 'smith2020deep' is smith2020deep's already"
        " (a key is one paper's): deep-things is cited by 'smith2020deepb'"
    ]
    papers, said = _load(root)
    assert papers["deep-things"].cited_as == "smith2020deepb" and not [s for s in said if "citation_key" in s]


def _warned(report):
    """The import's warnings, without the place (the bib's path)."""
    return [str(w).split(": warning: ")[1] for w in report.warnings]


def test_an_import_keeps_the_labs_key_where_check_takes_it_for_no_other_paper(tmp_path):
    # rev100: importkeys took a key for another's when it was the id of a paper cited by
    # its own citation_key, or a later `formerly:` id (check cites a paper by its first
    # id only): the lab's key smith2020deep was written smith2020deepa, so a citation
    # copied from the site was no longer the one the lab's library has, with a warning
    # that the key "is" a paper's which no citation gives it.
    root = project(
        tmp_path,
        smith2020deep=paper("smith2020deep", "Older Things", "citation_key: Smith_Older\n"),
        newer=paper("newer", "Newer Things", "formerly: [newer-first, smith2020deep]\n"),
    )
    papers, said = _load(root)
    assert (papers["smith2020deep"].cited_as, papers["newer"].cited_as) == ("Smith_Older", "newer-first")
    report = _import(root, "lab.bib", BIB)
    assert report.added == ["deep-things"] and report.warnings == []
    text = (root / "content" / "papers" / "deep-things.yml").read_text()
    assert "\ncitation_key: smith2020deep\n" in text
    papers, said = _load(root)
    assert papers["deep-things"].cited_as == "smith2020deep" and not [s for s in said if "citation_key" in s]


def test_an_import_gives_no_key_that_is_the_id_a_paper_of_a_shared_key_is_cited_by(tmp_path):
    # Two papers of one key are each cited by their ids (check): an id there is taken.
    root = project(
        tmp_path,
        smith2020deep=paper("smith2020deep", "Older Things", "citation_key: Lee2019\n"),
        other=paper("other", "Other Older Things", "citation_key: lee2019\n"),
    )
    report = _import(root, "lab.bib", BIB)
    assert _warned(report) == [
        "the citation key 'smith2020deep' is smith2020deep's already (a key is one paper's):"
        " deep-things is cited by 'smith2020deepa'"
    ]
    papers, said = _load(root)
    assert papers["deep-things"].cited_as == "smith2020deepa"
    assert [s for s in said if "deep-things" in s] == []


def test_an_import_gives_no_key_that_is_the_id_check_cites_a_paper_by_for_its_keys_sake(tmp_path):
    # e's key is f's id, f has none: e is cited by its id (check), which no key may then be.
    root = project(tmp_path, e=paper("e", "Older Things", "citation_key: f\n"), f=paper("f", "Other Things"))
    report = _import(root, "lab.bib", BIB.replace("smith2020deep", "E"))
    assert "\ncitation_key: Ea\n" in (root / "content" / "papers" / "deep-things.yml").read_text()
    assert _warned(report) == [
        "the citation key 'E' is e's already (a key is one paper's): deep-things is cited by 'Ea'"
    ]
