"""A new paper under a citation key an import already took for another paper (the same
exporter's key): kept as a paper of its own, as the matching rules decide (a record whose
title and venue were both corrected in the reference manager cannot be told from the same
people's other paper under a reused key), but the import says so at the record, naming
the other paper and what to do if the two are one.
"""

import re
from pathlib import Path

import pytest

from generator.cli import main

LEE = """\
@article{lee2021,
  title = {%(title)s},
  author = {Lee, Min and Park, Jun},
  journal = {%(venue)s},
  year = {%(year)s},
}
"""
OLD = "continual-learning-without-forgetting-via-replay"
NEW = "continual-learning-without-forgetting-via-generative-replay"
JABREF = "% Encoding: UTF-8\n\n"


def _bib(tmp_path, name, title="Continual Learning Without Forgetting via Replay",
         venue="Journal of Continual Learning", year="2021", authors=None, head=""):
    path = tmp_path / name
    text = LEE % {"title": title, "venue": venue, "year": year}
    if authors:
        text = text.replace("Lee, Min and Park, Jun", authors)
    path.write_text(head + text, encoding="utf-8")
    return path


def _corrected(tmp_path, name="week2.bib", **more):
    """The record exported again, its title and its venue corrected in Zotero."""
    return _bib(tmp_path, name, title="Continual Learning Without Forgetting via Generative Replay",
                venue="Journal of Continual Learning Research", **more)


def _run(tmp_path, capsys, *bibs):
    """`readinglist import` as a curator runs it: its exit status, and what it printed."""
    (tmp_path / "mkdocs.yml").write_text("site_name: Lab\n")
    status = main(["--root", str(tmp_path), "import", "--no-keep-source", *map(str, bibs)])
    return status, *capsys.readouterr()


def _papers(tmp_path):
    return sorted(p.stem for p in (tmp_path / "content" / "papers").glob("*.yml"))


def _warning(tmp_path, bib, new, old, key="lee2021", source="BibTeX", line=1):
    """The warning expected at the record of ``bib`` that added ``new`` under the key of ``old``."""
    papers = tmp_path / "content" / "papers"
    old_file, new_file = papers / f"{old}.yml", papers / f"{new}.yml"
    return (
        f"{bib}:{line}:1: warning: added {new}, a paper of its own, under the citation key {key!r}"
        f" that an import took for {old} from the same exporter ({source}); if the two are one"
        " paper (the record corrected in the reference manager, or Google Scholar's other"
        f" version of it under one key), copy into {old_file} what {new_file} has that it"
        f" lacks (its title, venue...) and delete {new_file}: later imports take the record"
        f" for {old} by that title, and leave {new} deleted"
    )


def _rekeyed(bib, new, old, given="lee2021a", line=1):
    """The warning at the record of ``bib`` that ``new`` is not written under the key of
    ``old``, but under ``given`` (importkeys: a key is one paper's)."""
    return (
        f"{bib}:{line}:1: warning: the citation key 'lee2021' is {old}'s already (a key is one"
        f" paper's): {new} is cited by {given!r}\n"
    )


def test_a_record_retitled_and_moved_to_another_venue_is_added_and_said_at_the_record(tmp_path, capsys):
    status, out, err = _run(tmp_path, capsys, _bib(tmp_path, "week1.bib"))
    assert (status, err) == (0, "")  # (a fresh import: no key of another paper)
    assert out.splitlines()[0] == f"added {OLD}"
    week2 = _corrected(tmp_path)
    status, out, err = _run(tmp_path, capsys, week2)
    assert status == 0
    assert out.splitlines() == [
        f"added {NEW}",
        "1 record(s): 1 added, 0 updated, 0 unchanged; of which 0 duplicate(s) merged; 0 conflict(s), 0 link(s) found",
    ]
    # (rev100: and the key it is written under, lee2021a, said: it was written in silence)
    assert err == _warning(tmp_path, week2, NEW, OLD) + "\n" + _rekeyed(week2, NEW, OLD)
    assert "\ncitation_key: lee2021a\n" in (tmp_path / "content" / "papers" / f"{NEW}.yml").read_text()
    assert _papers(tmp_path) == [NEW, OLD]
    # The same export again: the new paper's own record, nothing new, nothing said.
    before = {p: p.read_bytes() for p in sorted((tmp_path / "content").rglob("*")) if p.is_file()}
    for bib in (week2, tmp_path / "week1.bib"):
        status, out, err = _run(tmp_path, capsys, bib)
        assert (status, err) == (0, "") and "1 unchanged" in out
    assert {p: p.read_bytes() for p in sorted((tmp_path / "content").rglob("*")) if p.is_file()} == before


def test_the_remedy_the_warning_gives_makes_the_two_one_paper(tmp_path, capsys):
    _run(tmp_path, capsys, _bib(tmp_path, "week1.bib"))
    week2 = _corrected(tmp_path)
    status, out, err = _run(tmp_path, capsys, week2)
    # Done as the warning says, to the files it names: the corrected title and venue
    # copied into the first, the new file deleted.
    said = re.search(r"copy into (\S+) what (\S+) has that it lacks .* and delete (\S+):", err)
    assert said is not None, err
    old, new = Path(said[1]), Path(said[3])
    assert (old.name, new.name, said[2]) == (f"{OLD}.yml", f"{NEW}.yml", said[3])
    text = old.read_text(encoding="utf-8").replace("topics: []", "topics:\n  - continual  # mine")
    text = text.replace("via Replay\n", "via Generative Replay\n").replace(
        "venue: Journal of Continual Learning\n", "venue: Journal of Continual Learning Research\n")
    old.write_text(text, encoding="utf-8")
    new.unlink()
    # Each export, the corrected and the first, is that paper's: nothing added or said.
    for bib in (week2, tmp_path / "week1.bib", week2):
        status, out, err = _run(tmp_path, capsys, bib)
        assert (status, err) == (0, "")
        assert "not recreated" not in out and "1 record(s): 0 added, 0 updated, 1 unchanged" in out
    assert _papers(tmp_path) == [OLD]
    assert old.read_text(encoding="utf-8") == text


def test_the_same_key_from_another_exporter_is_no_warning(tmp_path, capsys):
    _run(tmp_path, capsys, _bib(tmp_path, "week1.bib"))
    jabref = _corrected(tmp_path, "jabref.bib", head=JABREF)
    status, out, err = _run(tmp_path, capsys, jabref)
    # (No word of the same paper; but the key is OLD's, and the new one is written lee2021a.)
    assert (status, err) == (0, _rekeyed(jabref, NEW, OLD, line=3)) and f"added {NEW}" in out
    # ... and from the same one, a JabRef key that another JabRef record takes: said.
    again = _bib(tmp_path, "jabref2.bib", title="Replay Buffers for Continual Learning", head=JABREF)
    status, out, err = _run(tmp_path, capsys, again)
    assert err.splitlines() == [
        _warning(tmp_path, again, "replay-buffers-for-continual-learning", NEW, source="JabRef", line=3),  # (below its header)
        _rekeyed(again, "replay-buffers-for-continual-learning", OLD, given="lee2021b", line=3).rstrip("\n"),
    ]


def test_a_key_whose_paper_a_curator_deleted_is_no_warning(tmp_path, capsys):
    # Other people under the key: another paper, added, whether the key's paper is
    # there (said) or deleted (nothing to say: a paper deleted is not the curator's any more).
    others = {"authors": "Smith, John and Roe, Richard"}
    for deleted in (False, True):
        root = tmp_path / str(deleted)
        root.mkdir()
        _run(root, capsys, _bib(root, "week1.bib"))
        if deleted:
            (root / "content" / "papers" / f"{OLD}.yml").unlink()
            _run(root, capsys, _bib(root, "other.bib", title="Another Paper Entirely"))
        bib = _corrected(root, **others)
        status, out, err = _run(root, capsys, bib)
        assert status == 0 and f"added {NEW}" in out
        assert err.splitlines() == ([] if deleted else [_warning(root, bib, NEW, OLD), _rekeyed(bib, NEW, OLD).rstrip("\n")])


def test_a_key_reused_with_another_doi_is_another_paper_and_no_warning(tmp_path, capsys):
    first = _bib(tmp_path, "week1.bib")
    first.write_text(first.read_text().replace("  year", "  doi = {10.1234/one},\n  year"))
    _run(tmp_path, capsys, first)
    other = _corrected(tmp_path)
    other.write_text(other.read_text().replace("  year", "  doi = {10.1234/two},\n  year"))
    status, out, err = _run(tmp_path, capsys, other)
    assert (status, err) == (0, _rekeyed(other, NEW, OLD)) and f"added {NEW}" in out


SCHOLAR = """\
@article{lee2020continual,
  title={%(title)s},
  author={Lee, Min and Park, Jun},
  journal={%(venue)s},
  year={%(year)s}
}
"""


def _scholar(tmp_path, name, title, venue, year):
    path = tmp_path / name
    path.write_text(SCHOLAR % {"title": title, "venue": venue, "year": year}, encoding="utf-8")
    return path


def test_google_scholars_one_key_for_a_preprint_and_its_published_version(tmp_path, capsys):
    # Scholar's preprint record, then its proceedings' record under the same key: of one
    # title, one paper (published), nothing to say; retitled once published (and of the
    # next year), two papers by the rules, said, naming Scholar's case.
    preprint = _scholar(tmp_path, "preprint.bib", "Continual learning via replay",
                        "arXiv preprint arXiv:2001.00001", "2020")
    _run(tmp_path, capsys, preprint)
    published = _scholar(tmp_path, "published.bib", "Continual learning via replay",
                         "Proceedings of the Conference on Lifelong Learning", "2021")
    status, out, err = _run(tmp_path, capsys, published)
    assert (status, err) == (0, "") and "published: continual-learning-via-replay now" in out
    root = tmp_path / "retitled"
    root.mkdir()
    _run(root, capsys, _scholar(root, "preprint.bib", "Continual learning via replay",
                                "arXiv preprint arXiv:2001.00001", "2020"))
    retitled = _scholar(root, "published.bib", "Continual learning via generative replay",
                        "Proceedings of the Conference on Lifelong Learning", "2021")
    status, out, err = _run(root, capsys, retitled)
    assert status == 0 and "added continual-learning-via-generative-replay" in out
    said = err.splitlines()
    assert said[:-1] == [_warning(
        root, retitled, "continual-learning-via-generative-replay", "continual-learning-via-replay",
        key="lee2020continual",
    ), (
        f"{retitled}:1:1: warning: the citation key 'lee2020continual' is continual-learning-via-replay's"
        " already (a key is one paper's): continual-learning-via-generative-replay is cited by 'lee2020continuala'"
    )]
    # (and the title it wrote, lowered as Scholar lowers every title: importer._scholar_lowered)
    assert said[-1].startswith("note: 1 title this import wrote is in lower case but for its first letters")


def test_a_key_two_papers_have_names_both_and_a_twin_is_said_once(tmp_path, capsys):
    _run(tmp_path, capsys, _bib(tmp_path, "week1.bib"))
    _run(tmp_path, capsys, _corrected(tmp_path))
    third = _bib(tmp_path, "week3.bib", title="Replay Buffers for Continual Learning", venue="Lifelong Letters")
    status, out, err = _run(tmp_path, capsys, third)
    assert status == 0 and "added replay-buffers-for-continual-learning" in out
    said, keyed = err.splitlines()
    assert keyed == _rekeyed(third, "replay-buffers-for-continual-learning", OLD, given="lee2021b").rstrip("\n")
    assert f"{third}:1:1: warning: added replay-buffers-for-continual-learning, a paper of its own," in said
    assert f"took for {NEW} and {OLD} from the same exporter (BibTeX); if it is one of those papers" in said
    assert "copy into that paper's file what" in said and "take the record for that paper by that title" in said
    # A record under the key with the paper's authors, venue, year and pages, its title
    # another: one warning, the key's, saying both (not also "possibly the same paper").
    root = tmp_path / "twin"
    root.mkdir()
    paged = _bib(root, "week1.bib")
    paged.write_text(paged.read_text().replace("  year", "  pages = {1--10},\n  year"))
    _run(root, capsys, paged)
    retitled = root / "week2.bib"
    retitled.write_text(paged.read_text().replace(
        "Continual Learning Without Forgetting via Replay", "Generative Rehearsal for Lifelong Agents"))
    status, out, err = _run(root, capsys, retitled)
    assert status == 0 and "added generative-rehearsal-for-lifelong-agents" in out
    said, keyed = err.splitlines()
    assert keyed == _rekeyed(retitled, "generative-rehearsal-for-lifelong-agents", OLD).rstrip("\n")
    assert said.startswith(f"{retitled}:1:1: warning: added generative-rehearsal-for-lifelong-agents,")
    assert f"took for {OLD} from the same exporter (BibTeX); also same authors, venue, year and pages;" in said



def test_two_papers_under_one_key_in_two_files_of_a_fresh_import_are_no_warning(tmp_path, capsys):
    # Two files of a first import, each with its own paper under the same key (one
    # file's entries must each have their own: a parse error otherwise): no import took
    # the key before, so nothing says one did, nor bids the curator merge the two.
    one = _bib(tmp_path, "lab.bib")
    two = _bib(tmp_path, "robots.bib", title="Replay Buffers for Robot Learning", venue="Robotics Letters")
    status, out, err = _run(tmp_path, capsys, one, two)
    # (Nor that the two are one; each its own key, the second's with a letter after it.)
    assert (status, err) == (0, _rekeyed(two, "replay-buffers-for-robot-learning", OLD))
    assert "citation_key: lee2021a\n" in (tmp_path / "content" / "papers" / "replay-buffers-for-robot-learning.yml").read_text()
    assert len(_papers(tmp_path)) == 2
    # Imported again: nothing new, nothing said.
    status, out, err = _run(tmp_path, capsys, one, two)
    assert (status, err) == (0, "")
    assert len(_papers(tmp_path)) == 2


@pytest.mark.parametrize("order", [(0, 1, 2), (2, 1, 0), (1, 2, 0)])
def test_which_new_paper_of_one_key_gets_the_letter_is_not_the_order_the_files_are_named_in(
    tmp_path, capsys, order
):
    # The paper made first kept the key and the second took "a": `import robots.bib
    # lab.bib` wrote lee2021 where `import lab.bib robots.bib` wrote lee2021a. Now a new
    # paper's own key goes first (adapters' lee2021a, which a letter would have taken
    # before it), then the papers of one key take it in the order of their ids.
    bibs = [
        _bib(tmp_path, "lab.bib"),
        _bib(tmp_path, "robots.bib", title="Replay Buffers for Robot Learning", venue="Robotics Letters"),
        _bib(tmp_path, "agents.bib", title="Adapters for Lifelong Agents", venue="Agents Letters"),
    ]
    bibs[2].write_text(bibs[2].read_text().replace("{lee2021,", "{lee2021a,"), encoding="utf-8")
    status, out, err = _run(tmp_path, capsys, *[bibs[i] for i in order])
    papers = tmp_path / "content" / "papers"
    keys = {
        path.stem: re.search(r"(?m)^citation_key: (.*)$", path.read_text(encoding="utf-8"))[1]
        for path in papers.glob("*.yml")
    }
    assert keys == {
        OLD: "lee2021", "replay-buffers-for-robot-learning": "lee2021b", "adapters-for-lifelong-agents": "lee2021a",
    }
    assert (status, err) == (0, _rekeyed(bibs[1], "replay-buffers-for-robot-learning", OLD, given="lee2021b"))


def test_a_key_whose_paper_has_a_near_title_and_another_abstract_says_how_to_keep_the_two(tmp_path, capsys):
    # (lead: the key's warning, which says the other's likeness too, lacked the line
    # that says the two are two papers, which "possibly the same paper" gives.) Near
    # titles, each its own abstract, another venue: the import keeps them apart, and `check` and later
    # imports take them for one (check's near titles) until `not_same_as:` parts them.
    week1 = _bib(tmp_path, "week1.bib")
    week1.write_text(week1.read_text().replace("  year", "  abstract = {We replay old samples.},\n  year"))
    _run(tmp_path, capsys, week1)
    week2 = tmp_path / "week2.bib"
    week2.write_text(week1.read_text().replace("via Replay}", "via Replays}").replace(
        "We replay old samples.", "We replay generated samples, not stored ones.").replace(
        "Journal of Continual Learning", "Lifelong Learning Letters"))
    status, out, err = _run(tmp_path, capsys, week2)
    new = "continual-learning-without-forgetting-via-replays"
    assert status == 0 and f"added {new}" in out
    said, keyed = err.splitlines()
    assert keyed == _rekeyed(week2, new, OLD).rstrip("\n")
    assert said.startswith(f"{week2}:1:1: warning: added {new}, a paper of its own,")
    assert f"took for {OLD} from the same exporter (BibTeX); also titles 99% alike;" in said
    assert said.endswith(
        f"leave {new} deleted; if they are two papers, say so: add the line `not_same_as: [{OLD}]`"
        f" to {tmp_path / 'content' / 'papers' / f'{new}.yml'}"
    )
    # Done as it says: the two are two papers to `check`, and to the next import.
    new_file = tmp_path / "content" / "papers" / f"{new}.yml"
    new_file.write_text(new_file.read_text() + f"not_same_as: [{OLD}]\n")
    assert main(["--root", str(tmp_path), "check"]) == 0
    assert "not_same_as" not in capsys.readouterr().err
    for bib in (week1, week2):
        status, out, err = _run(tmp_path, capsys, bib)
        assert (status, err) == (0, "") and "1 unchanged" in out
    assert _papers(tmp_path) == [OLD, new]
