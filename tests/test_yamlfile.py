"""Reading one curation file (yamlfile.read_yaml), and the papers folder's use of it."""

from __future__ import annotations

import os

from generator.curation import load_content
from generator.errors import Problems
from generator.yamlfile import read_yaml


def test_a_file_longer_than_the_size_given_is_read_whole(tmp_path):
    # (The size a load took from its stat of the file: the file grew since.)
    path = tmp_path / "p.yml"
    path.write_text("id: p\ntitle: A title longer than the size given\n", encoding="utf-8")
    problems = Problems()
    tree, text = read_yaml(path, "p.yml", problems, size=3)
    assert text == "id: p\ntitle: A title longer than the size given\n"
    assert tree is not None and not problems.items


def test_a_load_with_a_cache_asks_each_paper_file_its_size_once(tmp_path, monkeypatch):
    # Its stat, taken for the cache, says the size: an fstat of each file as it is read
    # was a second system call for each of 10,000 files.
    papers = tmp_path / "content" / "papers"
    papers.mkdir(parents=True)
    for n in range(3):
        (papers / f"p{n}.yml").write_text(f"id: p{n}\ntitle: Paper {n}\n", encoding="utf-8")
    fstats: list[int] = []
    real = os.fstat
    monkeypatch.setattr(os, "fstat", lambda fd: fstats.append(fd) or real(fd))
    content, problems = load_content(tmp_path / "content", tmp_path, cache={})
    assert sorted(p.id for p in content.papers) == ["p0", "p1", "p2"]
    assert fstats == []
