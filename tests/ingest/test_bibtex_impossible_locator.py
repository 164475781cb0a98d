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


def test_only_the_pieces_of_pages_no_publication_has_are_left_out_each_said_at_its_place():
    # `pages = {12-, 14--15}` was left out whole, 14–15 with it, and said as "pages '12-,
    # 14--15' ... is a range without its last page". Now each piece is judged alone: one
    # without an end, one whose last page is before its first. (One with no page number is
    # kept: see below.)
    problems = Problems()
    body = "@article{KEY,\n  title = {T},\n  journal = {J},\n  year = {2020},\n  pages = {PAGES},\n}\n"
    entries = {
        "a": "12-, 14--15", "b": "1--5, 15--12, 20", "c": "112-, 12-", "d": "in press",
        "e": "xi--xiv, 770--78, A-10--A-1, 2021-0123",  # (all readable: kept as they are)
    }
    text = "".join(body.replace("KEY", key).replace("PAGES", pages) for key, pages in entries.items())
    records = parse_text(text, "x.bib", problems)
    assert [r.pages for r in records] == ["14–15", "1–5, 20", "", "in press", "xi–xiv, 770–78, A-10–A-1, 2021-0123"]
    range_ = " (a range is written first--last, 12--19)"
    assert [str(p) for p in problems.sorted()] == [
        # (`  pages = {` is 11 characters: a value's first piece is at column 12)
        "x.bib:5:12: warning: pages '12-' of entry 'a' is a range without its last page; left out,"
        " the rest kept ('14–15')" + range_,
        "x.bib:11:18: warning: pages '15--12' of entry 'b' is a range whose last page is before"
        " its first; left out, the rest kept ('1–5, 20')" + range_,
        "x.bib:17:12: warning: pages '112-' of entry 'c' is a range without its last page; left out" + range_,
        "x.bib:17:18: warning: pages '12-' of entry 'c' is a range without its last page; left out" + range_,
    ]


def test_pages_that_are_a_word_such_as_in_press_are_kept_as_the_lab_wrote_them():
    # rev100: `pages = {in press}` is no impossible value but the paper's state, put where
    # a lab's old .bib (and APA-minded ones still) put it, which the page's byline shows as
    # written ("J, vol. 3, in press"). Left out, it was lost from the list (and from a
    # papers.bib read back into another); kept, `check` warns of it at the paper's pages,
    # as of one typed by hand. Only a range with an end missing or reversed is left out.
    problems = Problems()
    body = "@article{KEY,\n  title = {T},\n  journal = {J},\n  year = {2020},\n  pages = {PAGES},\n}\n"
    entries = {"d": "in press", "f": "1--5, in press", "g": "Forthcoming, 12-"}
    text = "".join(body.replace("KEY", key).replace("PAGES", pages) for key, pages in entries.items())
    records = parse_text(text, "x.bib", problems)
    assert [r.pages for r in records] == ["in press", "1–5, in press", "Forthcoming"]
    assert [str(p) for p in problems.sorted()] == [
        # (`  pages = {Forthcoming, ` is 24 characters)
        "x.bib:17:25: warning: pages '12-' of entry 'g' is a range without its last page; left out,"
        " the rest kept ('Forthcoming') (a range is written first--last, 12--19)",
    ]
