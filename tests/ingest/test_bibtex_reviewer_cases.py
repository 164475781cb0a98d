"""The curator review's BibTeX cases: a publisher URL, ``\\ss``, escaped braces."""

from generator.errors import Problems
from generator.importer import import_paths
from generator.ingest import parse_text
from generator.yamlio import parse, to_python

BIB = r"""@inproceedings{vaswani2017,
  title = {Attention is All you Need in der Stra\ss e},
  author = {Vaswani, Ashish and M\"uller, J\"org},
  year = {2017},
  booktitle = {Advances in Neural Information Processing Systems},
  abstract = {We gain 100\% on \{braces\} and keep the set $\{0, 1\}$.},
  url = {https://papers.nips.cc/paper/7181-attention-is-all-you-need}
}
"""


def test_fields_and_publisher_link_of_the_reviewers_entry():
    problems = Problems()
    [record] = parse_text(BIB, "lab.bib", problems)
    assert not problems
    assert record.title == "Attention is All you Need in der Straße"
    assert record.authors == ("Ashish Vaswani", "Jörg Müller")
    # math is kept as typed (see generator/latex.py)
    assert record.abstract == r"We gain 100% on {braces} and keep the set $\{0, 1\}$."
    assert [(link.url, link.kind) for link in record.links] == [
        ("https://papers.nips.cc/paper/7181-attention-is-all-you-need", "paper")
    ]


def test_imported_publisher_page_is_filed_under_paper(tmp_path):
    source = tmp_path / "lab.bib"
    source.write_text(BIB, encoding="utf-8")
    content = tmp_path / "content"
    report = import_paths([source], content)
    [paper_id] = report.added
    problems = Problems()
    path = content / "papers" / f"{paper_id}.yml"
    data = to_python(parse(path.read_text(encoding="utf-8"), str(path), problems))
    assert not problems
    assert [link["url"] for link in data["links"]["paper"]] == [
        "https://papers.nips.cc/paper/7181-attention-is-all-you-need"
    ]
    assert data["links"]["project"] == []
