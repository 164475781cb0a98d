"""Volume, issue, pages and publisher: read from BibTeX, kept in the paper file, shown in
the byline, and written back into the citation, COinS and papers.bib."""

from __future__ import annotations

import re
from urllib.parse import unquote

import yaml
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from generator.coins import coins
from generator.errors import Problems
from generator.export_bibtex import bibtex, citation
from generator.importer import import_paths
from generator.ingest import parse_text
from generator.ingest.bibtex import parse_bibtex
from generator.matchkeys import PREPRINT
from generator.models import Paper, en_dashed_pages, page_pieces, pages_text, readable_pages, unreadable_pages

from .test_curation import check_one


def _record(text: str):
    problems = Problems()
    (record,) = parse_text(text, "x.bib", problems)
    assert not problems, problems.format()
    return record


def _paper(**fields) -> Paper:
    return Paper(id="p", title=fields.pop("title", "T"), abstract="", **fields)


def _shown(**fields) -> str:
    """The locator with its no-break spaces (after "vol.", "no.", "pp.") as spaces."""
    return _paper(**fields).locator.replace("\u00a0", " ")


# --- Reading BibTeX ----------------------------------------------------------------------


def test_an_article_gives_its_volume_issue_pages_and_publisher():
    record = _record(
        "@article{lecun2015deep, title={Deep learning}, journal={Nature}, volume={521},\n"
        "  number={7553}, pages={436--444}, year={2015}, publisher={Nature Publishing Group}}\n"
    )
    # BibTeX's "--" is the en dash TeX prints, as in any other field.
    assert (record.volume, record.number, record.pages, record.publisher) == (
        "521", "7553", "436–444", "Nature Publishing Group",
    )


def test_a_book_gives_its_publisher_and_no_venue():
    record = _record("@book{goodfellow2016, title={Deep Learning}, publisher={MIT Press}, year={2016}}\n")
    assert (record.venue, record.publisher) == ("", "MIT Press")


def test_what_is_no_volume_or_publisher_is_not_taken():
    # DBLP's preprints: the volume is the arXiv id, which the arxiv field takes.
    dblp = _record(
        "@article{DBLP:journals/corr/abs-2106-09685, title={LoRA}, journal={CoRR},\n"
        "  volume={abs/2106.09685}, year={2021}}\n"
    )
    assert (dblp.arxiv, dblp.volume) == ("2106.09685", "")
    # arXiv's own (DataCite) export and Zenodo's name the repository as the publisher of
    # a @misc: no book, no publisher.
    for text in (
        "@misc{https://doi.org/10.48550/arxiv.1706.03762, title={Attention}, publisher={arXiv}, year={2017}}\n",
        "@misc{zenodo, title={A Dataset}, publisher={Zenodo}, year={2020}}\n",
    ):
        assert _record(text).publisher == "", text
    # A report's number is in its venue already, as the export writes it back.
    report = _record("@techreport{tr, title={R}, institution={Stanford}, number={42}, year={2001}}\n")
    assert (report.venue, report.number) == ("Technical report 42, Stanford", "")
    # ... unless its venue is a journal or proceedings: then the number is its own.
    report = _record("@techreport{t, title={R}, number={TR-42}, booktitle={Workshop on X}, institution={MIT}}\n")
    assert (report.venue, report.number) == ("Workshop on X", "TR-42")
    # A publisher without a venue makes a book only of a book: not of an article whose
    # journal the source left out (Google Scholar writes such entries).
    assert _record("@article{s, title={Graph things}, year={2019}, publisher={Elsevier}}\n").publisher == ""
    assert _record("@inproceedings{s, title={X}, publisher={IEEE}}\n").publisher == ""


def test_what_stands_in_for_a_missing_issue_or_pages():
    # biblatex's issue, and ACM's article number (DBLP writes it "115:1--115:35").
    record = _record("@article{acm, title={T}, journal={ACM Comput. Surv.}, articleno={115}, numpages={35},"
                     " issue={4}, year={2020}}\n")
    assert (record.number, record.pages) == ("4", "115")
    # Where both are given, number and pages win.
    record = _record("@article{a, title={T}, journal={J}, number={2}, issue={Spring}, pages={5--9}, articleno={7}}\n")
    assert (record.number, record.pages) == ("2", "5–9")


def test_an_import_fills_them_in_schema_order_and_a_second_import_changes_nothing(tmp_path):
    source = tmp_path / "refs.bib"
    source.write_text(
        "@inproceedings{he2016, title={Deep Residual Learning}, booktitle={CVPR},\n"
        "  pages={770--778}, year={2016}, publisher={IEEE}}\n",
        encoding="utf-8",
    )
    content = tmp_path / "content"
    assert len(import_paths([source], content).added) == 1
    [path] = (content / "papers").glob("*.yml")
    text = path.read_text(encoding="utf-8")
    values = yaml.safe_load(text)
    assert (values["pages"], values["publisher"]) == ("770–778", "IEEE")
    keys = [line.split(":")[0] for line in text.splitlines() if line[:1].isalpha()]
    assert keys.index("venue_kind") < keys.index("pages") < keys.index("publisher") < keys.index("links")
    again = import_paths([source], content)
    assert (again.added, again.updated, again.conflicts) == ([], [], [])
    assert path.read_text(encoding="utf-8") == text


def test_pages_of_another_venue_are_not_taken(tmp_path):
    # The file holds the conference version; a journal version's pages are not its pages.
    content = tmp_path / "content"
    first, second = tmp_path / "a.bib", tmp_path / "b.bib"
    first.write_text("@inproceedings{a, title={One Paper}, booktitle={ICML}, year={2020}}\n", encoding="utf-8")
    second.write_text(
        "@article{b, title={One Paper}, journal={JMLR}, volume={21}, pages={1--30}, year={2020}}\n",
        encoding="utf-8",
    )
    import_paths([first], content)
    report = import_paths([second], content)
    [path] = (content / "papers").glob("*.yml")
    values = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert values["venue"] == "ICML" and "volume" not in values and "pages" not in values
    assert [c.field for c in report.conflicts] == ["venue"]
    # Said, once, with the values: a curator who shortened the venue ("NeurIPS") may
    # want them, and copies them from the warning.
    assert [str(w) for w in report.warnings] == [
        f"{path}:6:8: warning: volume 21, pages 1–30 from {second}:1:1 left out: they are of the venue"
        " 'JMLR', and the paper's is 'ICML'; copy them if they are its"
    ]
    again = import_paths([second], content)
    assert (again.warnings, again.conflicts) == ([], [])


def test_pages_of_another_venue_given_by_two_entries_are_said_once(tmp_path):
    # (curator importing an export that holds the journal version twice, under two keys:
    # the same warning was printed once an entry, and its conflicts so too)
    content = tmp_path / "content"
    first, second = tmp_path / "a.bib", tmp_path / "b.bib"
    first.write_text("@inproceedings{a, title={One Paper}, booktitle={ICML}, year={2020}}\n", encoding="utf-8")
    journal = "{title={One Paper}, journal={JMLR}, volume={21}, pages={1--30}, year={2020}}\n"
    second.write_text(f"@article{{b, {journal[1:]}@article{{c, {journal[1:]}", encoding="utf-8")
    import_paths([first], content)
    report = import_paths([second], content)
    [path] = (content / "papers").glob("*.yml")
    assert [str(w) for w in report.warnings] == [
        f"{path}:6:8: warning: volume 21, pages 1–30 from {second}:1:1 and {second}:2:1 left out: they"
        " are of the venue 'JMLR', and the paper's is 'ICML'; copy them if they are its"
    ]
    assert [str(c) for c in report.conflicts] == [
        f"{path}:6:8: conflict in venue: the file's 'ICML' is kept; {second}:1:1 says 'JMLR'"
        f" (so does {second}:2:1), not written"
    ]


def test_pages_that_differ_in_their_dash_alone_are_no_conflict(tmp_path):
    content = tmp_path / "content"
    first, second = tmp_path / "a.bib", tmp_path / "b.bib"
    first.write_text("@article{a, title={One Paper}, journal={J}, pages={770-778}}\n", encoding="utf-8")
    second.write_text("@article{b, title={One Paper}, journal={J}, pages={770--778}}\n", encoding="utf-8")
    import_paths([first], content)
    assert import_paths([second], content).conflicts == []


def test_a_book_given_a_journals_venue_is_a_conflict_not_a_mixture(tmp_path):
    # One title, two works ("Deep Learning", the book and the Nature review): the book's
    # file must not become "Nature, vol. 1, no. 2" of the book's volume and issue.
    content = tmp_path / "content"
    source = tmp_path / "a.bib"
    source.write_text(
        "@book{gb, title={Deep learning}, volume={1}, number={2}, publisher={MIT press}, year={2016}}\n"
        "@article{lecun, title={Deep learning}, journal={Nature}, volume={521}, number={7553},"
        " pages={436--444}, year={2015}}\n",
        encoding="utf-8",
    )
    report = import_paths([source], content)
    [path] = (content / "papers").glob("*.yml")
    values = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert "venue" not in values and "pages" not in values
    assert (values["volume"], values["number"], values["publisher"]) == ("1", "2", "MIT press")
    # The file has no venue, kept: said as none, not as a value the file holds.
    assert {c.message for c in report.conflicts} >= {
        f"conflict in venue: the file has no venue (a book by MIT press), kept so; {source}:2:1 says 'Nature',"
        " not written",
    }


def test_a_curators_edit_of_the_pages_stays(tmp_path):
    source = tmp_path / "refs.bib"
    source.write_text("@article{a, title={One Paper}, journal={JMLR}, pages={1--30}, year={2020}}\n", encoding="utf-8")
    content = tmp_path / "content"
    import_paths([source], content)
    [path] = (content / "papers").glob("*.yml")
    path.write_text(path.read_text(encoding="utf-8").replace('pages: "1–30"\n', "pages: 1-31\n"), encoding="utf-8")
    edited = path.read_text(encoding="utf-8")
    assert "pages: 1-31\n" in edited
    import_paths([source], content)
    assert path.read_text(encoding="utf-8") == edited


# --- The paper file ------------------------------------------------------------------------


def test_pages_no_publication_has_are_a_warning_at_the_field_as_the_import_judges_them(tmp_path):
    # A hand-typed `pages: "12-"` passed check in silence, while an import leaves such
    # pages out of a record with a warning; one judgement (models.unreadable_pages) for both.
    head = "id: x\ntitle: X Paper\nvenue: Journal of Tests\npages: "
    fix = (": the citation prints it as written; write the pages as a reader finds them (a range"
           " first--last, 12--19; one page, 12), or remove it")
    said = {
        '"12-"': ["'12-' is a range without its last page"],
        '"15--12"': ["'15--12' is a range whose last page is before its first"],
        "15–12, 20": ["'15–12' is a range whose last page is before its first"],
        # (text with no page number is the paper's state, which the import keeps as the
        # source wrote it: no warning, or each such file an import wrote would draw one)
        "in press": [], "to appear, 12--19": [], "abc": [],
        '"--19, 3-, 7"': ["'--19' is a range without its first page", "'3-' is a range without its last page"],
        # (readable: a last page shortened, one hyphenated page, roman numerals, DBLP's)
        "770-78": [], "2021-0123": [], "xi--xiv": [], "140:1--140:67": [], "12": [],
    }
    for pages, whys in said.items():
        assert check_one(tmp_path, head + pages + "\n") == [
            f"content/papers/x.yml:4:8: warning: 'pages' {why}{fix}" for why in whys
        ], pages
    # The import leaves out the ranges check warns of, and keeps the rest; text with no
    # page number it keeps as written (the paper's state, "in press"), and check as well.
    assert [readable_pages(p) for p in ("12-, 14–15", "1–5, 15–12, 20", "abc")] == ["14–15", "1–5, 20", ""]
    assert [readable_pages(p, words=False) for p in ("12-, in press", "abc, 15–12")] == ["in press", "abc"]


def test_pages_without_a_venue_is_a_warning_at_the_field(tmp_path):
    text = "id: x\ntitle: X Paper\npages: 1-10\nvolume: 3\n"
    assert check_one(tmp_path, text) == [
        "content/papers/x.yml:3:8: warning: 'pages' says where in its venue the paper is, but the paper has no"
        " venue (nor a publisher): add the venue, or the citation reads as a work of its own",
        "content/papers/x.yml:4:9: warning: 'volume' says where in its venue the paper is, but the paper has no"
        " venue (nor a publisher): add the venue, or the citation reads as a work of its own",
    ]
    assert check_one(tmp_path, text + "publisher: Springer\n") == []


# --- The byline ------------------------------------------------------------------------------


def test_the_locator_reads_as_a_citation_does():
    assert _paper(volume="33", number="4", pages="770-778").locator == "vol.\u00a033, no.\u00a04, pp.\u00a0770–778"
    assert _shown(pages="770 -- 778") == "pp. 770–778"
    assert _shown(pages="1-5, 9") == "pp. 1–5, 9"
    # One value is mostly an article number (Elsevier, Nature Communications, PLOS).
    assert _shown(pages="103385") == "103385"
    assert _shown(pages="e1001234") == "e1001234"
    assert _shown(pages="1-1") == "1"  # IEEE's early access
    assert _shown(pages="140:1--140:67") == "pp. 140:1–140:67"  # DBLP's ACM and JMLR pages
    assert _shown(pages="A-1--A-10") == "pp. A-1–A-10"
    assert _shown(pages="1--5,9") == "pp. 1–5, 9"
    assert _shown() == ""


def test_a_book_is_where_its_publisher_is():
    assert _paper(publisher="MIT Press").where == "MIT Press"
    assert _paper(venue="NeurIPS", publisher="Curran").where == "NeurIPS"


@given(st.from_regex(r"[A-Za-z0-9]{1,6}", fullmatch=True), st.from_regex(r"[A-Za-z0-9]{1,6}", fullmatch=True),
       st.sampled_from(["-", "--", "---", "–", "—", " - ", " -- ", "– "]))
def test_any_dash_between_two_pages_is_one_range(first, last, dash):
    assume(first != last)
    if dash == "-":  # one hyphen alone ranges only over two numbers in order ("A-1" is one page)
        assume(first.isdigit() and last.isdigit() and int(first) < int(last))
    assert page_pieces(f"{first}{dash}{last}") == ((first, last),)
    assert _shown(pages=f"{first}{dash}{last}") == f"pp. {first}–{last}"


# --- The citation, COinS and papers.bib --------------------------------------------------------


def test_a_paper_in_a_venue_is_cited_with_volume_issue_pages_and_publisher():
    paper = _paper(venue="Nature", venue_kind="journal", volume="521", number="7553", pages="436–444",
                   publisher="Nature Publishing Group", year=2015)
    assert citation(paper) == (
        "@article{p,\n  title = {{T}},\n  journal = {Nature},\n  volume = {521},\n  number = {7553},\n"
        "  pages = {436--444},\n  publisher = {Nature Publishing Group},\n  year = {2015}\n}\n"
    )
    context = [(unquote(k), unquote(v)) for k, v in (p.split("=", 1) for p in coins(paper).split("&"))]
    for pair in (("rft.volume", "521"), ("rft.issue", "7553"), ("rft.pages", "436-444"),
                 ("rft.pub", "Nature Publishing Group")):
        assert pair in context, pair


def test_a_publisher_without_a_venue_is_a_book():
    paper = _paper(title="Deep Learning", publisher="MIT Press", year=2016)
    assert citation(paper).startswith("@book{p,\n  title = {{Deep Learning}},\n  publisher = {MIT Press},")
    context = [(unquote(k), unquote(v)) for k, v in (p.split("=", 1) for p in coins(paper).split("&"))]
    assert ("rft.genre", "book") in context and ("rft.btitle", "Deep Learning") in context
    assert ("rft.pub", "MIT Press") in context


def test_a_reports_number_is_written_once():
    paper = _paper(venue="Technical report 42, Stanford", number="42")
    assert citation(paper).count("number = ") == 1


def test_pages_are_written_with_bibtexs_dash_and_openurls_hyphen():
    paper = _paper(venue="J. Mach. Learn. Res.", pages="140:1–140:67, A-1 - A-3")
    assert "  pages = {140:1--140:67, A-1--A-3}\n" in citation(paper)
    context = [(unquote(k), unquote(v)) for k, v in (p.split("=", 1) for p in coins(paper).split("&"))]
    assert ("rft.pages", "140:1-140:67, A-1-A-3") in context


_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=20)


_VENUES = ["", "Journal of Tests", "NeurIPS", "PhD thesis, Stanford University", "Technical report, MIT",
           "Technical report 7, MIT", "GitHub repository", "Working paper"]


@settings(max_examples=300, deadline=None)
@given(_TEXT, _TEXT, _TEXT, _TEXT, st.sampled_from(_VENUES))
def test_each_comes_back_from_papers_bib(volume, number, pages, publisher, venue):
    """Exported and read again, each field is what the curator wrote (the pages as a
    reader sees them, each range with an en dash), whatever the kind of work; a book (a
    publisher and no venue) stays a book. (A report's number is in its venue.)"""
    # (A preprint's numbers are not taken: a report numbered "SSRN" reads as one. A range
    # no publication has, "12-" or "15--12", is left out with a warning: see below; text
    # with no page number, "in press", comes back as written.)
    assume(not PREPRINT.search(publisher) and not PREPRINT.search(number) and not unreadable_pages(pages, words=False))
    if not venue:
        assume(publisher.split())
    if venue.startswith("Technical report 7"):
        number = ""  # (the export writes the venue's)
    paper = Paper(id="p", title="T", abstract="", venue=venue, volume=volume, number=number, pages=pages,
                  publisher=publisher)
    problems = Problems()
    [record] = parse_bibtex(bibtex([paper]), "papers.bib", problems)
    assert not problems, problems.format()
    one_line = " ".join
    if venue == "Technical report, MIT" and number.split():
        # A report's number is read into its venue, as the importer writes any report's.
        venue, number = f"Technical report {one_line(number.split())}, MIT", ""
    assert (record.venue, record.volume, record.number, record.publisher) == (
        venue, one_line(volume.split()), one_line(number.split()), one_line(publisher.split()),
    )
    assert pages_text(record.pages) == pages_text(pages)


def test_a_bibtex_field_name_is_told_the_lists_name(tmp_path):
    text = "id: x\ntitle: X Paper\nvenue: V\nissue: 4\njournal: Nature\n"
    assert check_one(tmp_path, text) == [
        "content/papers/x.yml:4:1: unknown field 'issue'; this list calls it 'number'",
        "content/papers/x.yml:5:1: unknown field 'journal'; this list calls it 'venue'",
    ]


def test_a_summary_longer_than_a_table_line_is_a_warning(tmp_path):
    long = "word " * 45  # 225 characters
    assert check_one(tmp_path, f"id: x\ntitle: X Paper\nsummary: {long}\n") == [
        "content/papers/x.yml:3:10: warning: 'summary' has 224 characters: it is one sentence under the title in"
        " every table that lists the paper; keep it under 200 and write the rest in 'notes'",
    ]
    assert check_one(tmp_path, "id: x\ntitle: X Paper\nsummary: Read it for the proof in section 3.\n") == []


def test_a_venues_kind_and_pages_fill_once_the_paper_holds_that_venue(tmp_path):
    """What was left out for another venue is not 'taken before': once the curator takes
    the source's venue, or another source names the paper's own, they fill (the kind
    did before these fields existed, and must still)."""
    content = tmp_path / "content"
    first, second, third = (tmp_path / f"{n}.bib" for n in "abc")
    first.write_text("@inproceedings{a, title={One Paper}, booktitle={NeurIPS}, year={2020}}\n", encoding="utf-8")
    second.write_text(
        "@article{b, title={One Paper}, journal={Journal of Machine Learning Research}, volume={21},"
        " pages={1--30}, year={2020}}\n", encoding="utf-8",
    )
    third.write_text(
        "@inproceedings{c, title={One Paper}, booktitle={NeurIPS}, volume={33}, pages={1877--1901},"
        " publisher={Curran}, year={2020}}\n", encoding="utf-8",
    )
    import_paths([first], content)
    import_paths([second], content)
    [path] = (content / "papers").glob("*.yml")
    import_paths([third], content)  # the paper's own venue: its volume and pages
    values = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert (values["volume"], values["pages"], values["publisher"]) == ("33", "1877–1901", "Curran")
    # The curator takes the journal's venue (and drops the conference's numbers): the
    # journal's kind, volume and pages fill on the next import.
    text = path.read_text(encoding="utf-8")
    for line in ('venue: NeurIPS\n', 'venue_kind: conference\n', 'volume: "33"\n', 'pages: "1877–1901"\n'):
        assert line in text, line
        text = text.replace(line, "venue: Journal of Machine Learning Research\n" if line.startswith("venue:") else "")
    path.write_text(text, encoding="utf-8")
    import_paths([second], content)
    values = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert (values["venue_kind"], values["volume"], values["pages"]) == ("journal", "21", "1–30")


def test_a_shortened_venue_is_told_what_was_left_out_once(tmp_path):
    content = tmp_path / "content"
    first, second = tmp_path / "a.bib", tmp_path / "b.bib"
    # (Not "NeurIPS" for "Advances in Neural Information Processing Systems" any longer:
    # one conference named by its acronym and by its name is one venue, whose volume is
    # taken; see test_import_matching. A journal's acronym is not known so.)
    full = "Transactions on Machine Learning Research"
    first.write_text(f"@inproceedings{{a, title={{One Paper}}, booktitle={{{full}}}, year={{2020}}}}\n", encoding="utf-8")
    second.write_text(
        f"@inproceedings{{b, title={{One Paper}}, booktitle={{{full}}}, volume={{33}}, year={{2020}}}}\n",
        encoding="utf-8",
    )
    import_paths([first], content)
    [path] = (content / "papers").glob("*.yml")
    path.write_text(path.read_text(encoding="utf-8").replace(f"venue: {full}", "venue: TMLR"), encoding="utf-8")
    report = import_paths([second], content)
    assert [w.message for w in report.warnings] == [
        f"volume 33 from {second}:1:1 left out: they are of the venue '{full}', and the paper's is 'TMLR';"
        " copy them if they are its"
    ]
    assert import_paths([second], content).warnings == []


def test_no_volume_or_pages_without_a_venue_unless_a_book():
    assert (_record("@article{b, title={T}, volume={33}, pages={5--9}}\n").volume, "") == ("", "")
    record = _record("@article{b, title={T}, volume={33}, pages={5--9}}\n")
    assert (record.volume, record.number, record.pages) == ("", "", "")
    book = _record("@book{b, title={T}, volume={2}, publisher={Springer}}\n")
    assert (book.volume, book.publisher) == ("2", "Springer")


def test_one_hyphenated_page_is_no_range():
    for pages in ("A-1", "S-12", "e-12345", "2021-0123", "999-1", "2" * 5000 + "-" + "1" * 4999):
        assert page_pieces(pages) == ((pages, ""),), pages
        assert citation(_paper(venue="J", pages=pages)).count("--") == 0
    for pages, ends in (("770-778", ("770", "778")), ("S1-S10", ("S1", "S10")), ("xi-xiv", ("xi", "xiv")),
                        ("0009-0010", ("0009", "0010"))):
        assert page_pieces(pages) == (ends,), pages


def test_a_range_with_one_hyphen_gets_the_en_dash_that_double_hyphens_get():
    # A curator's import stored "770–778" for BibTeX's 770--778 and kept 436-444.
    cases = {
        "436-444": "436–444", "436 - 444": "436 – 444", "pp. 436-444": "pp. 436–444",
        "1-5, 9-12": "1–5, 9–12", "S1-S10": "S1–S10", "xi-xiv": "xi–xiv", "770-78": "770–78",
        "140:1-140:67": "140:1–140:67", "A-1 - A-10": "A-1 – A-10",
        "436 -444": "436–444", "436- 444": "436–444", "pp. 436 -444": "pp. 436–444",
        # a hyphen inside one page, or no range of two pages, stays as written
        "A-1": "A-1", "2021-0123": "2021-0123", "999-1": "999-1", "e-12345": "e-12345",
        "12-15 (2020)": "12-15 (2020)", "770–778": "770–778", "a-b-c": "a-b-c", "5-": "5-",
    }
    assert {pages: en_dashed_pages(pages) for pages in cases} == cases


_DASH_SPACED = re.compile(r" *[-\u2013] *")


@given(st.text(alphabet="0123456789AaeSxiv:.-–, p", max_size=20))
def test_dashing_a_range_changes_no_page(pages):
    dashed = en_dashed_pages(pages)
    assert page_pieces(dashed) == page_pieces(pages)
    assert en_dashed_pages(dashed) == dashed
    # Only dashes change, and the spaces of a range spaced on one side only.
    assert _DASH_SPACED.sub("-", dashed) == _DASH_SPACED.sub("-", pages)


def test_real_world_pages_read_as_a_reader_would():
    cases = {
        "770-78": "pp. 770–78",  # the shortened last page of some styles (PubMed's)
        "1234-45": "pp. 1234–45",
        "999-1": "999-1",  # not shortened: 991 is before 999
        "140:1-140:67": "pp. 140:1–140:67",
        "12a-12b": "pp. 12a–12b",
        "1.1-1.10": "pp. 1.1–1.10",
        "xi-xiv": "pp. xi–xiv",
        "x-iii": "x-iii",  # not in order
        "iv-IV": "iv-IV",  # not one kind
        "pp. 12--15": "pp. 12–15",  # the style prints its own "pp."
        "12–15 (2020)": "12–15 (2020)",  # no range of two one-word ends
    }
    for pages, shown in cases.items():
        assert _shown(pages=pages) == shown, pages
    assert "  pages = {12--15}\n" in citation(_paper(venue="J", pages="pp. 12--15"))


def test_others_is_bibtexs_keyword_spacing_aside():
    text = citation(_paper(venue="J", authors=("Ada Lovelace", "others ")))
    assert "  author = {Ada Lovelace and others},\n" in text
    text = citation(_paper(venue="J", authors=("others ", "Ada Lovelace")))
    assert "  author = {{others} and Ada Lovelace},\n" in text


def test_pages_the_paper_holds_in_another_dash_are_not_said_left_out(tmp_path):
    content = tmp_path / "content"
    first, second = tmp_path / "a.bib", tmp_path / "b.bib"
    first.write_text("@article{a, title={One Paper}, journal={JMLR}, pages={1-30}}\n", encoding="utf-8")
    second.write_text("@article{b, title={One Paper}, journal={J. Mach. Learn. Res.}, pages={1--30}}\n",
                      encoding="utf-8")
    import_paths([first], content)
    report = import_paths([second], content)
    assert report.warnings == [] and [c.field for c in report.conflicts] == ["venue"]


def test_an_imported_range_with_one_hyphen_is_stored_with_an_en_dash():
    # A curator's import stored "770–778" for 770--778 and kept "436-444".
    for written in ("436-444", "436--444"):
        record = _record(f"@article{{b, title={{T}}, journal={{Nature}}, pages={{{written}}}}}\n")
        assert record.pages == "436–444", written
    assert _record("@article{b, title={T}, journal={J}, pages={A-1}}\n").pages == "A-1"
