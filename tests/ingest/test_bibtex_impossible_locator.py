"""A volume, pages or month no publication can have (hunt9's Zotero .bib: `pages = {12-}`
was written `pages: "12-"` in silence): said at the value, path:line:col, as a DOI that
is none is, and left out."""

from generator.errors import Problems
from generator.ingest import parse_text

TEXT = """\
@article{smith2020deep,
  title = {Deep Things},
  journal = {Journal of Things},
  year = {2020},
  volume = {-3},
  pages = {12-},
  month = {13},
}
@article{lee2019,
  title = {Other Things},
  journal = {Journal of Things},
  year = {2019},
  volume = {33},
  pages = {--19},
  month = {12},
}
@article{kim2018,
  title = {Good Things},
  journal = {Journal of Things},
  year = {2018},
  volume = {II},
  pages = {A-1--A-10, e12},
  month = jun,
}
"""


def test_a_negative_volume_a_range_without_an_end_and_a_thirteenth_month_are_said_and_left_out():
    problems = Problems()
    records = parse_text(TEXT, "smith-lab.bib", problems)
    assert [(r.volume, r.pages) for r in records] == [("", ""), ("33", ""), ("II", "A-1–A-10, e12")]
    assert [str(p) for p in problems.sorted()] == [
        "smith-lab.bib:5:13: warning: volume '-3' of entry 'smith2020deep' is no volume (a"
        " negative number); left out",
        "smith-lab.bib:6:12: warning: pages '12-' of entry 'smith2020deep' is a range without"
        " its last page; left out (a range is written first--last, 12--19)",
        "smith-lab.bib:7:12: warning: month '13' of entry 'smith2020deep' is no month (1 to 12,"
        " or jan to dec); the import takes no month, but a citation from the reference manager"
        " prints it: mend it there",
        "smith-lab.bib:14:12: warning: pages '--19' of entry 'lee2019' is a range without its"
        " first page; left out (a range is written first--last, 12--19)",
    ]


def test_an_article_number_without_an_end_is_said_at_its_own_field():
    # ACM's articleno (MDPI's article-number) stands in for missing pages: one of "12-"
    # was said as "pages '' ..." at the entry's first line (x.bib:1:1).
    problems = Problems()
    body = "@article{k,\n  title = {T},\n  journal = {J},\n  year = {2020},\n  FIELD = {12-},\n}\n"
    text = body.replace("FIELD", "articleno") + body.replace("{k,", "{m,").replace("FIELD", "article-number")
    records = parse_text(text, "x.bib", problems)
    assert [r.pages for r in records] == ["", ""]
    assert [str(p) for p in problems.sorted()] == [
        "x.bib:5:16: warning: articleno '12-' of entry 'k' is a range without its last page; left"
        " out (a range is written first--last, 12--19)",
        "x.bib:11:21: warning: article-number '12-' of entry 'm' is a range without its last"
        " page; left out (a range is written first--last, 12--19)",
    ]
