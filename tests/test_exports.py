"""The BibTeX, CSV and Atom exports: each read back with an independent parser."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import xml.etree.ElementTree as ET

import bibtexparser
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db

from generator.export_atom import FEED_SIZE, atom_feed, recently_added
from generator.export_bibtex import bibtex, bibtex_by_paper
from generator.exports import export_files
from generator.models import Link, Paper, Site, Topic, TopicAssignment

ATOM = "{http://www.w3.org/2005/Atom}"

HOSTILE = "Über {X} & 50% of $Y_z# ~^\\ <script>alert(1)</script> *stars* P(y|x)"


def papers_csv(site) -> str:
    """papers.csv as the build exports it (its UTF-8 bytes, as the BibTeX files')."""
    data = export_files(site, site_name="List")["papers.csv"]
    assert isinstance(data, bytes)
    return data.decode("utf-8")


def paper(pid: str, **kw) -> Paper:
    kw.setdefault("title", f"Title of {pid}")
    kw.setdefault("abstract", f"Abstract of {pid}.")
    return Paper(id=pid, **kw)


def site_of(papers, topics=(), assignments=None) -> Site:
    return Site(papers=tuple(papers), topics=tuple(topics), assignments=assignments or {}, related={})


# pylatexenc's reader lacks these LaTeX text commands (and renders \\textasciicircum as a
# modifier letter); in LaTeX each means the plain character.
def _latex_context():
    db = get_default_latex_context_db()
    db.add_context_category(
        "literal-text", prepend=True,
        macros=[MacroTextSpec("textbraceleft", "{"), MacroTextSpec("textbraceright", "}"),
                MacroTextSpec("textasciicircum", "^"), MacroTextSpec("textless", "<"),
                MacroTextSpec("textgreater", ">"), MacroTextSpec("textbar", "|")],
    )
    return db


_LATEX_CONTEXT = _latex_context()


def latex_text(value: str) -> str:
    return LatexNodes2Text(latex_context=_LATEX_CONTEXT).latex_to_text(value)


# --- BibTeX ----------------------------------------------------------------------------


def test_bibtex_has_one_entry_per_paper_in_id_order_with_the_expected_types():
    papers = [
        paper("zeta", venue="NeurIPS", year=2023, authors=("A. One", "B. Two")),
        paper("alpha", arxiv="2406.14022"),
    ]
    lib = bibtexparser.parse_string(bibtex(papers))
    assert not lib.failed_blocks
    assert [e.key for e in lib.entries] == ["alpha", "zeta"]
    alpha, zeta = lib.entries
    assert alpha.entry_type == "misc"
    assert alpha["eprint"] == "2406.14022"
    assert alpha["archiveprefix"] == "arXiv"
    assert alpha["url"] == "https://arxiv.org/abs/2406.14022"
    assert zeta.entry_type == "inproceedings"
    assert zeta["booktitle"] == "NeurIPS"
    assert zeta["year"] == "2023"
    assert zeta["author"] == "A. One and B. Two"


def test_bibtex_title_keeps_every_character_literally():
    lib = bibtexparser.parse_string(bibtex([paper("p", title=HOSTILE)]))
    assert not lib.failed_blocks
    title = lib.entries[0]["title"]
    assert title.startswith("{") and title.endswith("}")  # double braces keep capitals
    assert latex_text(title[1:-1]) == HOSTILE


@pytest.mark.parametrize(
    "name, written, last, first",
    [
        ("Sammy Davis Jr.", "Davis, Jr., Sammy", "Davis", "Sammy"),
        ("Martin Luther King, Jr.", "King, Jr., Martin Luther", "King", "Martin Luther"),
        ("Henry Ford II", "Ford, II, Henry", "Ford", "Henry"),
        ("Ada Lovelace", "Ada Lovelace", "Lovelace", "Ada"),
    ],
)
def test_bibtex_writes_a_name_suffix_where_bibtex_reads_it(name, written, last, first):
    from bibtexparser.middlewares import SeparateCoAuthors, SplitNameParts

    text = bibtex([paper("p", authors=(name, "Grace Hopper"))])
    lib = bibtexparser.parse_string(text)
    assert lib.entries[0]["author"] == f"{written} and Grace Hopper"
    # and a BibTeX reader splits it so: the suffix is not taken for the last name
    parts = bibtexparser.parse_string(
        text, append_middleware=[SeparateCoAuthors(), SplitNameParts()]
    ).entries[0]["author"][0]
    assert (" ".join(parts.last), " ".join(parts.first)) == (last, first)


def test_bibtex_braces_an_organisation_whose_name_holds_and():
    lib = bibtexparser.parse_string(
        bibtex([paper("p", authors=("Ada Lovelace", "Research and Development Team"))])
    )
    assert lib.entries[0]["author"] == "Ada Lovelace and {Research and Development Team}"


def _link(url: str, kind: str) -> Link:
    if kind == "code":
        return Link(url=url, kind=kind, host="github", repo=url.split("github.com/")[1])
    return Link(url=url, kind=kind)


@pytest.mark.parametrize(
    "arxiv, links, expected",
    [
        # a citation's url names the work cited: the publisher's page first, then arXiv,
        # then the PDF; never the code or a project page
        ("2311.02303", [("https://github.com/codefuse-ai/MFTCoder", "code"),
                        ("https://aclanthology.org/2024.acl-long.1/", "paper")],
         "https://aclanthology.org/2024.acl-long.1/"),
        ("2311.02303", [("https://github.com/codefuse-ai/MFTCoder", "code")],
         "https://arxiv.org/abs/2311.02303"),
        ("", [("https://github.com/o/r", "code"), ("https://o.github.io/r/", "project"),
              ("https://example.org/p.pdf", "pdf")], "https://example.org/p.pdf"),
        ("", [("https://github.com/o/r", "code"), ("https://o.github.io/r/", "project")], None),
    ],
)
def test_bibtex_url_is_where_the_paper_is_read_never_its_code(arxiv, links, expected):
    p = paper("p", arxiv=arxiv, links=tuple(_link(u, k) for u, k in links))
    entry = bibtexparser.parse_string(bibtex([p])).entries[0]
    assert entry.fields_dict.get("url") is None if expected is None else entry["url"] == expected


@pytest.mark.parametrize(
    "venue, entry_type, field",
    [
        ("Journal of Machine Learning Research", "article", "journal"),
        ("Transactions on Machine Learning Research", "article", "journal"),
        ("IEEE Signal Processing Letters", "article", "journal"),
        ("Nature", "article", "journal"),
        ("TACL", "article", "journal"),
        ("NeurIPS", "inproceedings", "booktitle"),
        ("Proceedings of ACL 2024", "inproceedings", "booktitle"),
        ("International Conference on Learning Representations", "inproceedings", "booktitle"),
        ("Conference on Computer Science and Nature", "inproceedings", "booktitle"),
        ("Workshop on Reviews of Machine Learning", "inproceedings", "booktitle"),
        ("Proceedings of the National Academy of Sciences", "article", "journal"),
        ("Proceedings of the IEEE", "article", "journal"),
        ("Neural Networks", "article", "journal"),
        ("IEEE Access", "article", "journal"),
        ("PLOS ONE", "article", "journal"),
        ("ACM Computing Surveys", "article", "journal"),
        ("Machine Learning", "article", "journal"),
        ("Proceedings of the IEEE Conference on Computer Vision", "inproceedings", "booktitle"),
        ("International Conference on Machine Learning", "inproceedings", "booktitle"),
        ("arXiv preprint", "misc", "howpublished"),
        ("CoRR", "misc", "howpublished"),
    ],
)
def test_bibtex_entry_type_follows_what_the_venue_is(venue, entry_type, field):
    entry = bibtexparser.parse_string(bibtex([paper("p", venue=venue)])).entries[0]
    assert (entry.entry_type, entry[field]) == (entry_type, venue)
    assert {"journal", "booktitle", "howpublished"} & set(entry.fields_dict) == {field}


@pytest.mark.parametrize("title", ["Pre-training -- a survey", "----", "``Quoted''", "Why?`", "a,,b"])
def test_characters_tex_would_join_stay_as_written(title):
    lib = bibtexparser.parse_string(bibtex([paper("p", title=title)]))
    assert latex_text(lib.entries[0]["title"][1:-1]) == title


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", categories=("L", "N", "P", "S", "Zs")),
               min_size=1, max_size=60))
def test_any_title_parses_back_to_itself(title):
    # A title with a dollar sign may hold math, which the export keeps as TeX math (so
    # latex_text reads "$0$" as "0"): tests/test_bibtex_round_trip.py reads such titles
    # back as the importer does, dollars included.
    assume("$" not in title)
    text = bibtex([paper("p", title=title)])
    lib = bibtexparser.parse_string(text)
    assert not lib.failed_blocks and len(lib.entries) == 1
    assert latex_text(lib.entries[0]["title"][1:-1]) == " ".join(title.split())


def test_a_papers_own_entry_is_its_entry_in_the_whole_file():
    papers = [paper("b", venue="ICML", year=2021), paper("a", arxiv="2101.00010")]
    own = bibtex_by_paper(papers)
    assert sorted(own) == ["a", "b"]
    assert own["a"] + "\n" + own["b"] == bibtex(papers)


def test_a_pages_citation_is_its_entry_without_abstract_and_keywords():
    from generator.export_bibtex import citation

    p = paper("a", venue="ICML", year=2021, tags=("x",), abstract="Long text.")
    whole, cite = bibtexparser.parse_string(bibtex([p])).entries[0], bibtexparser.parse_string(citation(p)).entries[0]
    assert {f.key for f in whole.fields} - {f.key for f in cite.fields} == {"abstract", "keywords"}
    assert [(f.key, f.value) for f in cite.fields] == [
        (f.key, f.value) for f in whole.fields if f.key not in ("abstract", "keywords")]


def test_empty_list_gives_empty_bibtex():
    assert bibtex([]) == ""


# --- CSV -------------------------------------------------------------------------------


def test_csv_rows_round_trip_and_formulas_are_defused():
    code = Link(url="https://github.com/o/r", kind="code", host="github", repo="o/r")
    papers = [
        paper("b", title='=HYPERLINK("http://evil")', authors=("X", "Y"), year=2020,
              links=(code,), added=dt.date(2026, 1, 2), venue="J", volume="3", number="1",
              pages="-5", publisher="P", summary="Read it."),
        paper("a", title="Comma, \"quote\" and\nnewline"),
    ]
    site = site_of(papers, assignments={"b": (TopicAssignment("t1", "curator"),
                                              TopicAssignment("t2", "rules"))})
    text = papers_csv(site)
    # A byte order mark, so that Excel reads UTF-8; utf-8-sig (as pandas) drops it.
    assert text.startswith("\ufeffid,title,")
    rows = list(csv.DictReader(io.StringIO(text.encode("utf-8").decode("utf-8-sig"))))
    assert [r["id"] for r in rows] == ["a", "b"]
    a, b = rows
    assert a["title"] == "Comma, \"quote\" and\nnewline"
    assert a["url"] == "papers/a/"
    assert b["title"] == "'=HYPERLINK(\"http://evil\")"
    assert b["authors"] == "X; Y"
    assert b["topics"] == "t1; t2"
    assert b["code"] == "https://github.com/o/r"
    assert b["year"] == "2020" and b["added"] == "2026-01-02"
    # The later columns come after the first ones, which keep their places.
    assert list(rows[0])[:12] == ["id", "title", "authors", "year", "venue", "arxiv", "doi", "topics",
                                  "code", "status", "added", "url"]
    assert (b["volume"], b["number"], b["pages"], b["publisher"], b["summary"]) == ("3", "1", "'-5", "P", "Read it.")


_FORMULA_CHARS = "=+-@\t\r"


def _cells_a_spreadsheet_splits(text: str, delimiter: str) -> list[str]:
    """The cells of papers.csv opened with another list separator: as Python's csv reads
    it, and as a bare split at it and at line breaks. (LibreOffice 7.4 told ";" splits
    inside a quoted field too: `"Title;=2+2"` gave a cell =2+2, a formula, and a line
    break inside a quoted field began a row.) A bare split's cell is also taken as such
    a reader may make it: its spaces trimmed, as LibreOffice's import does with "Trim
    spaces" on (7.4 told ";" and no string delimiter ran "X; =1+1" as =1+1), and its
    unpaired '"' dropped."""
    body = text.lstrip("\ufeff")
    # (newline=None: a lone carriage return ends a line, as it does for a spreadsheet.)
    read = [cell for row in csv.reader(io.StringIO(body, newline=None), delimiter=delimiter) for cell in row]
    split = [cell for line in re.split("\r\n|\r|\n", body) for cell in line.split(delimiter)]
    return read + split + [cell.lstrip(' "') for cell in split]


def _guarded(value: str) -> str:
    """What the comma reader should read: an apostrophe before a formula character at
    the start, and after a ";", tab or line break past any '"' (a split leaves them
    unpaired, and a reader may drop them) or space (a reader may trim them)."""
    out, after_split = [], False
    for i, ch in enumerate(value):
        if (i == 0 and ch in _FORMULA_CHARS) or (after_split and ch in _FORMULA_CHARS + '" ' and
                                                 value[i:].lstrip('" ')[:1] in tuple(_FORMULA_CHARS)):
            out.append("'")
        out.append(ch)
        after_split = ch in ";\t\r\n"
    return "".join(out)


def test_csv_a_semicolon_tab_or_line_break_inside_a_value_never_begins_a_formula_cell():
    # (audit: a European spreadsheet opens a .csv splitting at ";"; "Title;=cmd|..."
    # had no comma, so it was written unquoted and its second cell was a formula.)
    title = "Title;=cmd|' /C calc'!A0"
    site = site_of([paper("p", title=title, venue="V\t@SUM(1)", summary="Fine.\n+1 more",
                          pages='1;""=2', publisher="A; -B", authors=("X", "=Y"))])
    text = papers_csv(site)
    [row] = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    assert row["title"] == "Title;'=cmd|' /C calc'!A0"
    assert row["venue"] == "V\t'@SUM(1)"
    assert row["summary"] == "Fine.\n'+1 more"
    assert row["pages"] == '1;\'""=2'
    # (Past spaces: LibreOffice 7.4 keeps a cell " =Y" text, but with "Trim spaces" on
    # in its import dialog it runs it as =Y; authors are joined by "; ".)
    assert row["publisher"] == "A;' -B"
    assert row["authors"] == "X;' =Y"
    # Every value quoted, so that a reader that honours quotes keeps it one cell.
    assert text.splitlines()[1].startswith('"p","Title;')
    for delimiter in ";\t":
        for cell in _cells_a_spreadsheet_splits(text, delimiter):
            assert not cell.startswith(tuple(_FORMULA_CHARS)), (delimiter, cell)


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(";\t\r\n\"', =+-@aZü"), max_size=14), st.text(max_size=14))
def test_csv_reads_back_every_text_as_written_but_for_the_guards(tricky, anything):
    site = site_of([paper("p", title=tricky, summary=anything, venue=anything + tricky)])
    text = papers_csv(site)
    [row] = csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline=""))
    assert (row["title"], row["summary"], row["venue"]) == (
        _guarded(tricky), _guarded(anything), _guarded(anything + tricky))
    for delimiter in ";\t":
        for cell in _cells_a_spreadsheet_splits(text, delimiter):
            assert not cell.startswith(tuple(_FORMULA_CHARS)), (delimiter, cell)


@settings(max_examples=200, deadline=None)
@given(st.text("aZ ü", max_size=5), st.sampled_from(";\t\r\n"), st.text(" ", min_size=1, max_size=5),
       st.sampled_from(_FORMULA_CHARS), st.text("aZ1(", max_size=5))
def test_csv_spaces_after_a_separator_do_not_hide_a_formula_from_a_reader_that_trims(
    before, separator, spaces, formula, after
):
    # (audit: "a; =1+1" was left as it is; LibreOffice 7.4 opening papers.csv with ";",
    # no string delimiter and "Trim spaces" on ran its second cell, " =1+1", as =1+1)
    from generator.export_csv import spreadsheet_cell

    value = before + separator + spaces + formula + after
    # The apostrophe right after the separator: the cell begins with it, trimmed or not
    # (and one at the start, where the value begins with a tab or carriage return).
    start = "'" if value.startswith(tuple(_FORMULA_CHARS)) else ""
    assert spreadsheet_cell(value) == start + before + separator + "'" + spaces + formula + after


# --- Atom ------------------------------------------------------------------------------


def test_feed_lists_newest_first_limited_and_dated_by_the_newest_paper():
    papers = [paper(f"p{i:03d}", added=dt.date(2025, 1, 1) + dt.timedelta(days=i)) for i in range(60)]
    papers.append(paper("undated"))
    root = ET.fromstring(atom_feed(papers, title="T", feed_path="feed.xml", site_url="https://x.org/rl"))
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == FEED_SIZE == 50
    ids = [e.find(f"{ATOM}id").text for e in entries]
    assert ids[0] == "https://x.org/rl/papers/p059/"
    assert ids[-1] == "https://x.org/rl/papers/p010/"
    assert root.find(f"{ATOM}updated").text == "2025-03-01T00:00:00+00:00"  # 2025-01-01 + 59 days
    assert root.find(f"{ATOM}link[@rel='self']").get("href") == "https://x.org/rl/feed.xml"


def test_feed_ties_on_date_are_ordered_by_id():
    day = dt.date(2026, 5, 5)
    papers = [paper(pid, added=day) for pid in ("c", "a", "b")]
    root = ET.fromstring(atom_feed(papers, title="T", feed_path="feed.xml", site_url=""))
    assert [e.find(f"{ATOM}id").text for e in root.findall(f"{ATOM}entry")] == [
        "urn:readinglist:paper:a", "urn:readinglist:paper:b", "urn:readinglist:paper:c"]


def test_feed_text_is_plain_text_not_markup():
    p = paper("p", title=HOSTILE, abstract="<img src=x onerror=alert(1)> & more",
              authors=("<b>Bold</b>",), added=dt.date(2026, 1, 1))
    root = ET.fromstring(atom_feed([p], title="T", feed_path="feed.xml", site_url=""))
    entry = root.find(f"{ATOM}entry")
    assert entry.find(f"{ATOM}title").text == HOSTILE
    summary = entry.find(f"{ATOM}summary")
    assert summary.get("type") == "text"
    assert summary.text == "<img src=x onerror=alert(1)> & more"
    assert entry.find(f"{ATOM}author/{ATOM}name").text == "<b>Bold</b>"
    assert entry.find(f"{ATOM}link").get("href") == "papers/p/"


def test_a_feed_names_each_author_as_the_page_shows_them():
    # (review: a braced organisation, "{Hugging Face}", was the author "{Hugging Face}"
    # in the feeds, where the page shows "Hugging Face")
    p = paper("p", authors=("{Hugging Face}", "Lovelace, Ada", "{Lee} Sedol", "others"), added=dt.date(2026, 1, 1))
    entry = ET.fromstring(atom_feed([p], title="T", feed_path="feed.xml", site_url="")).find(f"{ATOM}entry")
    assert [name.text for name in entry.findall(f"{ATOM}author/{ATOM}name")] == [
        "Hugging Face", "Ada Lovelace", "{Lee} Sedol"]


def test_a_feed_names_the_editors_its_pages_name_as_contributors():
    # (bk3: a chapter's book's editors, and a book's own, were nowhere in the feeds.) As
    # the page shows them, no "others"; a proceedings' editors, which a conference
    # paper's page does not name, are not its contributors either.
    day = dt.date(2026, 1, 1)
    papers = [
        paper("chapter", authors=("Rich Caruana",), editors=("Thrun, Sebastian", "{Hugging Face}", "others"),
              venue="Learning to Learn", venue_kind="book", added=day),
        paper("book", editors=("Jane Smith",), publisher="MIT Press", added=day),
        paper("conf", authors=("Ada Lovelace",), editors=("Alice Oh",), venue="ICLR", venue_kind="conference",
              added=day),
    ]
    root = ET.fromstring(atom_feed(papers, title="T", feed_path="feed.xml", site_url=""))
    people = {
        entry.findtext(f"{ATOM}title"): (
            [name.text for name in entry.findall(f"{ATOM}author/{ATOM}name")],
            [name.text for name in entry.findall(f"{ATOM}contributor/{ATOM}name")],
        )
        for entry in root.findall(f"{ATOM}entry")
    }
    assert people == {
        "Title of chapter": (["Rich Caruana"], ["Sebastian Thrun", "Hugging Face"]),
        "Title of book": ([], ["Jane Smith"]),
        "Title of conf": (["Ada Lovelace"], []),
    }


@pytest.mark.parametrize(
    "site_url, self_link, alternate, entry",
    [
        # without site_url a feed reader resolves links against the feed's own URL:
        # .../topics/t.xml -> ../papers/p/ is .../papers/p/, the paper's page
        ("", "t.xml", "t/", "../papers/p/"),
        ("https://x.org/rl/", "https://x.org/rl/topics/t.xml", "https://x.org/rl/topics/t/",
         "https://x.org/rl/papers/p/"),
    ],
)
def test_a_topic_feeds_links_lead_to_its_topic_page_and_the_papers_pages(
    site_url, self_link, alternate, entry
):
    p = paper("p", added=dt.date(2026, 1, 1))
    root = ET.fromstring(atom_feed([p], title="T", feed_path="topics/t.xml", site_url=site_url,
                                   page_path="topics/t/"))
    assert root.find(f"{ATOM}link[@rel='self']").get("href") == self_link
    assert root.find(f"{ATOM}link[@rel='alternate']").get("href") == alternate
    assert root.find(f"{ATOM}entry/{ATOM}link").get("href") == entry
    site_root = ET.fromstring(atom_feed([p], title="T", feed_path="feed.xml", site_url=""))
    assert site_root.find(f"{ATOM}link[@rel='alternate']").get("href") == "./"


XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def test_a_feed_is_in_the_sites_language():
    # (The feeds said xml:lang="en" whatever mkdocs.yml's `theme: language:`, which the
    # pages' lang and counts follow: a German list's feed was English to a reader.)
    p = paper("p", added=dt.date(2026, 1, 1))
    for language in ("de", "pt-BR", "zh-Hant"):
        root = ET.fromstring(atom_feed([p], title="T", feed_path="feed.xml", site_url="", language=language))
        assert root.get(XML_LANG) == language
    # English when no language is given, as before
    assert ET.fromstring(atom_feed([p], title="T", feed_path="feed.xml", site_url="")).get(XML_LANG) == "en"


def test_every_feed_of_the_site_follows_its_language_and_a_kept_feed_is_made_again_for_another():
    site = _site(["one", "two", "three"])
    feeds: dict = {}
    german = export_files(site, site_name="RL", language="de", feeds=feeds)
    paths = [path for path in german if path.endswith(".xml")]
    assert paths == ["feed.xml", "topics/icl.xml", "topics/rag.xml"]
    assert {ET.fromstring(german[path]).get(XML_LANG) for path in paths} == {"de"}
    # (the feeds a build keeps between runs are made again when only the language changed)
    french = export_files(site, site_name="RL", language="fr", feeds=feeds)
    assert {ET.fromstring(french[path]).get(XML_LANG) for path in paths} == {"fr"}
    assert export_files(site, site_name="RL")["feed.xml"] == export_files(site, site_name="RL", language="en")["feed.xml"]


def test_empty_feed_is_dated_from_source_date_epoch_never_the_clock():
    root = ET.fromstring(atom_feed([], title="T", feed_path="feed.xml", site_url="",
                                   source_date_epoch=86400))
    assert root.find(f"{ATOM}updated").text == "1970-01-02T00:00:00+00:00"
    assert root.findall(f"{ATOM}entry") == []


# --- The whole set ---------------------------------------------------------------------


def _site(order):
    topics = [Topic(id="icl", title="In-context learning"), Topic(id="rag", title="Retrieval")]
    papers = {
        "one": paper("one", added=dt.date(2026, 1, 1)),
        "two": paper("two", added=dt.date(2026, 1, 2)),
        "three": paper("three"),
    }
    assignments = {
        "one": (TopicAssignment("icl", "curator"),),
        "two": (TopicAssignment("icl", "rules"), TopicAssignment("rag", "rules")),
    }
    return site_of([papers[k] for k in order], topics, assignments)


def test_export_files_names_and_per_topic_contents():
    files = export_files(_site(["one", "two", "three"]), site_name="RL")
    assert sorted(files) == ["feed.xml", "papers.bib", "papers.csv",
                             "topics/icl.bib", "topics/icl.xml", "topics/rag.bib", "topics/rag.xml"]
    # (The BibTeX files come as their UTF-8 bytes, as they are written.)
    keys = lambda data: [e.key for e in bibtexparser.parse_string(data.decode("utf-8")).entries]  # noqa: E731
    assert keys(files["papers.bib"]) == ["one", "three", "two"]
    assert keys(files["topics/icl.bib"]) == ["one", "two"]
    assert keys(files["topics/rag.bib"]) == ["two"]
    rag = ET.fromstring(files["topics/rag.xml"])
    assert rag.find(f"{ATOM}title").text == "RL: Retrieval"
    assert [e.find(f"{ATOM}id").text for e in rag.findall(f"{ATOM}entry")] == ["urn:readinglist:paper:two"]


def test_export_files_are_identical_whatever_the_input_order():
    a = export_files(_site(["one", "two", "three"]), site_name="RL", site_url="https://x.org/")
    b = export_files(_site(["three", "two", "one"]), site_name="RL", site_url="https://x.org/")
    assert a == b


def test_each_topic_feed_is_the_feed_of_the_topics_own_papers():
    # More papers than a feed holds, ties on the date, papers without one, and topics
    # of very different sizes: export_files picks each topic's entries from one
    # newest-first order of all papers, which must give what atom_feed gives alone.
    papers = [
        paper(f"p{n:03d}", added=None if n % 7 == 0 else dt.date(2024, 1 + n % 12, 1 + n % 5))
        for n in range(3 * FEED_SIZE)
    ]
    topics = (Topic("big", "Big"), Topic("small", "Small"), Topic("empty", "Empty"))
    assigned = {
        p.id: tuple(TopicAssignment(t, "rules", ()) for t in (["big"] if n % 3 else []) + (["small"] if n % 11 == 0 else []))
        for n, p in enumerate(papers)
    }
    site = site_of(papers, topics, assigned)
    files = export_files(site, site_name="L", site_url="https://x.org/", source_date_epoch=0)
    for topic in topics:
        members = [p for p in papers if any(a.topic == topic.id for a in assigned[p.id])]
        path = f"topics/{topic.id}.xml"
        alone = atom_feed(members, title=f"L: {topic.title}", feed_path=path, site_url="https://x.org/", source_date_epoch=0, page_path=f"topics/{topic.id}/", author="L")
        assert files[path] == alone, topic.id
    assert files["feed.xml"] == atom_feed(papers, title="L: recently added papers", feed_path="feed.xml", site_url="https://x.org/", source_date_epoch=0, author="L")
    assert len(ET.fromstring(files["topics/big.xml"]).findall(f"{ATOM}entry")) == FEED_SIZE


def test_every_feed_has_an_author_and_others_is_no_author():
    # RFC 4287 4.1.1: a feed needs an author of its own unless every entry has one, and
    # the shipped papers have none.
    papers = [paper("a", authors=("Thomas Wolf", "others"), added=dt.date(2026, 1, 2)),
              paper("b", added=dt.date(2026, 1, 1))]
    site = site_of(papers, (Topic("t", "T"),), {"a": (TopicAssignment("t", "rules", ()),),
                                                "b": ()})
    files = export_files(site, site_name="Lab list", site_url="", source_date_epoch=0)
    for path in ("feed.xml", "topics/t.xml"):
        root = ET.fromstring(files[path])
        assert [a.find(f"{ATOM}name").text for a in root.findall(f"{ATOM}author")] == ["Lab list"]
    entry = ET.fromstring(files["feed.xml"]).find(f"{ATOM}entry")
    assert [a.find(f"{ATOM}name").text for a in entry.findall(f"{ATOM}author")] == ["Thomas Wolf"]


@given(st.lists(st.text(max_size=20), max_size=5))
def test_bibtex_joined_from_encoded_entries_is_the_encoded_file(entries):
    from generator.export_bibtex import join_entries, join_entry_bytes

    assert join_entry_bytes(entries) == join_entries(entries).encode("utf-8")


@given(st.lists(st.text(max_size=20), max_size=5))
def test_papers_json_joined_from_encoded_lines_is_the_encoded_file(lines):
    from generator.export_json import join_line_bytes, join_lines

    assert join_line_bytes([line.encode("utf-8") for line in lines]) == join_lines(lines).encode("utf-8")


def test_csv_and_json_keep_the_author_others_as_a_string():
    # Only BibTeX gives "others" a meaning ("and others"); the data exports keep what
    # the curator's file holds, and a script decides.
    import json

    from generator.export_json import papers_json

    site = site_of([paper("p", authors=("Thomas Wolf", "others"))])
    [row] = csv.DictReader(io.StringIO(papers_csv(site)))
    assert row["authors"] == "Thomas Wolf; others"
    [record] = json.loads(papers_json(site))
    assert record["authors"] == ["Thomas Wolf", "others"]


def test_csv_and_json_give_the_authors_as_the_pages_show_them_beside_them_as_written():
    # (curator: papers.csv and papers.json held "Van Den Driessche, George" where the
    # pages show "George Van Den Driessche"; a script had to redo names.shown_name.)
    import json

    from generator.export_json import SCHEMA, papers_json

    # (and "{Hugging Face}", braced to be cited whole, was shown with its braces)
    written = ("Van Den Driessche, George", "Smith, Jr., John", "赵, 鑫", "Gemini Team, Google", "{Hugging Face}",
               "others")
    site = site_of([paper("p", authors=written)])
    shown = ["George Van Den Driessche", "John Smith Jr.", "赵鑫", "Gemini Team, Google", "Hugging Face", "et al."]
    [row] = csv.DictReader(io.StringIO(papers_csv(site).lstrip("\ufeff")))
    assert row["authors"] == "; ".join(written)  # (as before: a script relies on it)
    assert row["authors_shown"] == "; ".join(shown)
    # (after the others, and the editors after it: a spreadsheet's formulas keep their places)
    assert list(row)[-2:] == ["authors_shown", "editors"]
    [record] = json.loads(papers_json(site))
    assert record["authors"] == list(written) and record["authors_shown"] == shown
    assert "authors_shown" in SCHEMA["items"]["required"]


def test_papers_json_code_is_every_code_link_the_site_counts_a_site_given_as_code_too():
    # A reader's audit: the pages said "39 with code" (a site given as code counted),
    # papers.json's `code` held repositories only (34 papers): a script's count was not
    # the page's. One definition now: a paper has code when it has a link of kind "code",
    # whatever its host; the home page's count, the Code column, papers.csv and
    # papers.json all read it.
    import json

    from generator.export_json import papers_json
    from generator.pagecontext import make_index

    repo = Link(url="https://github.com/o/r", kind="code", host="github", repo="o/r", official=True)
    site_code = Link(url="https://adapterhub.ml/", kind="code", found_in="curator", official=True)
    project = Link(url="https://o.github.io/r/videos", kind="project", found_in="abstract")
    site = site_of([
        paper("both", links=(repo, site_code, project)),
        paper("only-a-site", links=(site_code,)),
        paper("a-project-page", links=(project,)),
        paper("none"),
    ])
    records = {record["id"]: record for record in json.loads(papers_json(site))}
    assert records["both"]["code"] == ["https://github.com/o/r", "https://adapterhub.ml/"]
    assert records["both"]["links"] == ["https://o.github.io/r/videos"]
    assert records["only-a-site"]["code"] == ["https://adapterhub.ml/"]
    assert records["only-a-site"]["links"] == []
    assert records["a-project-page"]["code"] == [] and records["none"]["code"] == []
    # (link_details still tells a repository from a site: its `repo`)
    assert [(d["url"], d["repo"]) for d in records["only-a-site"]["link_details"]] == [
        ("https://adapterhub.ml/", "")
    ]
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(papers_csv(site).lstrip("\ufeff")))}
    assert rows["both"]["code"] == "https://github.com/o/r; https://adapterhub.ml/"
    assert rows["only-a-site"]["code"] == "https://adapterhub.ml/"
    # The same two papers everywhere: papers.json, papers.csv and the pages' badges
    # (the Code column's, which the "with code" counts add up).
    by_json = {pid for pid, record in records.items() if record["code"]}
    by_csv = {pid for pid, row in rows.items() if row["code"]}
    by_page = {pid for pid, badge in make_index(site).code.items() if badge is not None}
    assert by_json == by_csv == by_page == {"both", "only-a-site"}


def test_a_repository_on_another_forge_an_abstract_gives_is_code_everywhere():
    # A review of 95904792: "Our code is available at https://gitlab.inria.fr/..." made
    # a project page once an abstract's words no longer made code, and the paper had no
    # code on its page, in papers.json or papers.csv. A forge's repository is code by
    # its address, named by it (no owner/name without its host).
    import json

    from generator.export_json import papers_json
    from generator.ingest import abstract_links
    from generator.pagecontext import make_index

    links = abstract_links("We did X. Our code is available at https://gitlab.inria.fr/team/proj.")
    site = site_of([paper("forge", links=links)])
    [record] = json.loads(papers_json(site))
    assert (record["code"], record["links"]) == (["https://gitlab.inria.fr/team/proj"], [])
    assert [(d["kind"], d["host"], d["repo"], d["official"]) for d in record["link_details"]] == [
        ("code", "", "", True)
    ]
    [row] = csv.DictReader(io.StringIO(papers_csv(site).lstrip("\ufeff")))
    assert row["code"] == "https://gitlab.inria.fr/team/proj"
    assert make_index(site).code["forge"].label == "gitlab.inria.fr/team/proj"


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 3), st.integers(0, 5), st.booleans(), st.sets(st.sampled_from("xyz"))), min_size=1, max_size=25))
def test_exports_from_the_plans_index_equal_those_the_exports_make_themselves(rows):
    """The build hands export_files each topic's papers and the newest papers from the
    page index (pagecontext.make_index); the files are the ones export_files makes alone.
    Dates tie often, and a renamed paper sorts by its first id."""
    from generator.pagecontext import make_index

    papers = [
        paper(f"p{n:02d}", added=dt.date(2026, 1, 1 + day) if day else None, year=2020 + year,
              formerly=(f"a{25 - n:02d}",) if renamed else ())
        for n, (year, day, renamed, _) in enumerate(rows)
    ]
    topics = [Topic("x", "X", formerly=("old-x",)), Topic("y", "Y"), Topic("z", "Z")]
    assignments = {
        p.id: tuple(TopicAssignment(t, "rules") for t in sorted(chosen))
        for p, (_, _, _, chosen) in zip(papers, rows)
    }
    site = site_of(papers, topics, assignments)
    index = make_index(site)
    newest = [index.papers[i] for i in index.newest]
    assert newest == recently_added(papers, limit=len(papers))
    entries = {pid: entry.encode("utf-8") for pid, entry in bibtex_by_paper(papers).items()}
    given_ = export_files(site, site_name="List", entries=entries, members=index.members, newest=newest)
    assert given_ == export_files(site, site_name="List")


@pytest.mark.parametrize(
    "kw, entry_type",
    [
        ({}, "misc"),
        ({"venue": "NeurIPS", "year": 2021, "pages": "1-10", "volume": "3"}, "inproceedings"),
        ({"venue": "Nature", "number": "7", "doi": "10.1/x"}, "article"),
        ({"venue": "arXiv preprint", "arxiv": "2101.00010", "tags": ("rlhf",)}, "misc"),
        ({"venue": "PhD thesis, Stanford University"}, "phdthesis"),
        ({"venue": "Master's thesis, MIT"}, "mastersthesis"),
        ({"venue": "Technical report 42, Stanford", "number": "9"}, "techreport"),
        ({"venue": "Some Collection", "venue_kind": "book", "publisher": "Springer"}, "incollection"),
        ({"publisher": "MIT Press", "abstract": "A $O(n^2)$ bound.\n\nSecond {part}."}, "book"),
    ],
)
def test_entry_texts_are_the_entry_and_the_citation_written_apart(kw, entry_type):
    # A build writes both texts of a paper at once (entry_texts), COinS asks only for
    # the type (entry_type_of): each must be what the export writes on its own.
    from generator.export_bibtex import citation, entry_texts, entry_type_of

    p = paper("a", authors=("Ada Lovelace", "Alan Turing"), **kw)
    whole, cite = entry_texts(p)
    assert (whole, cite) == (bibtex_by_paper([p])["a"], citation(p))
    assert whole != cite and whole.startswith(f"@{entry_type}{{a,")
    assert entry_type_of(p) == entry_type


def test_csv_and_json_give_a_chapters_editors_as_written_and_as_shown():
    # (bk2: a chapter's book's editors were lost on import and in every export.)
    import json

    from generator.export_json import SCHEMA, papers_json

    written = ("Montavon, Grégoire", "Orr, Genevieve B.", "others")
    site = site_of([paper("p", authors=("Rich Caruana",), editors=written), paper("q")])
    rows = list(csv.DictReader(io.StringIO(papers_csv(site).lstrip("\ufeff"))))
    assert [row["editors"] for row in rows] == ["Montavon, Grégoire; Orr, Genevieve B.; others", ""]
    assert rows[0]["authors"] == "Rich Caruana"
    chapter, other = json.loads(papers_json(site))
    assert chapter["editors"] == list(written)
    assert chapter["editors_shown"] == ["Grégoire Montavon", "Genevieve B. Orr", "et al."]
    assert other["editors"] == [] and other["editors_shown"] == []
    assert {"editors", "editors_shown"} <= set(SCHEMA["items"]["required"])


def test_the_readme_names_papers_csvs_columns_in_order():
    # (rev103: bk2 added `editors` as the last column, and the README still said the
    # columns ended with authors_shown.) A script's reader looks them up there.
    from pathlib import Path

    from generator.export_csv import CSV_COLUMNS

    readme = " ".join((Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8").split())
    listed = readme.split("`papers.csv`'s columns: ", 1)[1].split(";", 1)[0]
    assert re.split(r",\s*(?:then\s+)?|\s+and\s+", listed) == list(CSV_COLUMNS)


@pytest.mark.parametrize(("site_name", "main", "topic"), [
    ("Smith Lab", "Smith Lab: recently added papers", "Smith Lab: Small"),
    # A name with a colon of its own is followed by a dash, as init's description of it
    # is ("Smith Lab: robotics \u2014 research papers, by topic."): the feed was titled
    # "Smith Lab: robotics: recently added papers", a list of labels.
    ("Smith Lab: robotics", "Smith Lab: robotics \u2014 recently added papers", "Smith Lab: robotics \u2014 Small"),
    ("Smith Lab:", "Smith Lab: recently added papers", "Smith Lab: Small"),  # (not "Smith Lab::")
])
def test_a_feeds_title_is_the_sites_name_then_what_it_holds_with_one_colon_at_most(site_name, main, topic):
    papers = [paper("one", added=dt.date(2024, 1, 1))]
    site = site_of(papers, (Topic("small", "Small"),), {"one": (TopicAssignment("small", "rules", ()),)})
    files = export_files(site, site_name=site_name, site_url="https://x.org/", source_date_epoch=0)
    assert ET.fromstring(files["feed.xml"]).findtext(f"{ATOM}title") == main
    assert ET.fromstring(files["topics/small.xml"]).findtext(f"{ATOM}title") == topic
