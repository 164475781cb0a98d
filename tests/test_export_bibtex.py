"""papers.bib as a list's portable copy: every field the importer reads survives a round
trip through an independent BibTeX reader (bibtexparser; pylatexenc for the TeX text),
DOIs and URLs stay verbatim, ``and others`` and organisations are what BibTeX expects."""

from __future__ import annotations

import datetime as dt
import re

import bibtexparser
import pytest
from bibtexparser.middlewares import SeparateCoAuthors, SplitNameParts
from hypothesis import given, settings
from hypothesis import strategies as st
from pylatexenc.latex2text import LatexNodes2Text

from generator import build
from generator.export_bibtex import bibtex, citation
from generator.exports import export_files
from generator.models import Link, Paper, Site, Topic, TopicAssignment
from tests.test_exports import _LATEX_CONTEXT
from tests.test_render import FIXTURE


def paper(pid: str, **kw) -> Paper:
    kw.setdefault("title", f"Title of {pid}")
    kw.setdefault("abstract", "")
    return Paper(id=pid, **kw)


def parse(text: str) -> bibtexparser.Library:
    lib = bibtexparser.parse_string(text)
    assert not lib.failed_blocks, [b.raw for b in lib.failed_blocks]
    return lib


def entry_of(p: Paper):
    [entry] = parse(bibtex([p])).entries
    return entry


def as_text(value: str) -> str:
    """A field as LaTeX typesets it, math left as written (as the importer keeps it)."""
    return LatexNodes2Text(latex_context=_LATEX_CONTEXT, math_mode="verbatim").latex_to_text(value)


def names(text: str) -> list[tuple[str, str]]:
    """Each author as a BibTeX reader splits it: (last, first)."""
    lib = bibtexparser.parse_string(text, append_middleware=[SeparateCoAuthors(), SplitNameParts()])
    return [(" ".join(n.last), " ".join(n.first)) for n in lib.entries[0]["author"]]


# --- DOI and URL: verbatim ---------------------------------------------------------------


@pytest.mark.parametrize(
    "doi",
    [
        "10.1162/tacl_a_00324",
        "10.1002/(SICI)1097-4636(199706)35:4<407::AID-JBM1>3.0.CO;2-S",
        "10.1000/a~b^c$d&e",
        "10.1000/set{1}",  # braces that balance are kept: BibTeX and bibtexparser agree on them
    ],
)
def test_a_doi_is_written_verbatim(doi):
    text = bibtex([paper("p", doi=doi)])
    assert f"  doi = {{{doi}}}" in text.splitlines()
    assert parse(text).entries[0]["doi"] == doi


@pytest.mark.parametrize(
    "doi, written",
    [
        # biblatex reads doi raw and doi.org decodes the percent-encoded form; a raw
        # unbalanced brace would end the field early (or never)
        ("10.1000/a{b", "10.1000/a%7Bb"),
        ("10.1000/a}b{c", "10.1000/a%7Db%7Bc"),
        # bibtexparser takes \} for an escaped brace, BibTeX does not: no backslash stays
        ("10.1000/a\\b", "10.1000/a%5Cb"),
        ("10.1000/a\\", "10.1000/a%5C"),
    ],
)
def test_a_doi_that_could_break_the_field_has_its_braces_and_backslashes_encoded(doi, written):
    p = paper("p", doi=doi, abstract="After the DOI.")
    entry = entry_of(p)
    assert entry["doi"] == written
    assert entry["abstract"] == "After the DOI."  # the field ended where it should


def test_percent_and_hash_in_a_doi_or_url_stay_as_written_and_end_nothing():
    # The url field keeps % and # (the url package and biblatex read it raw, and an
    # encoded %25 would be a different address); the doi field is read the same way.
    doi = "10.1000/50%off#part"
    url = "https://example.org/a%20b?q=1#sec"
    p = paper("p", doi=doi, links=(Link(url=url, kind="paper"),), tags=("t",),
              abstract="Still here.")
    text = bibtex([p])
    assert f"  doi = {{{doi}}}," in text.splitlines()
    assert f"  url = {{{url}}}," in text.splitlines()
    entry = parse(text).entries[0]
    assert (entry["doi"], entry["url"]) == (doi, url)
    # a % read as a TeX comment would have swallowed the fields after it
    assert (entry["keywords"], entry["abstract"]) == ("t", "Still here.")


# --- Abstract and keywords ---------------------------------------------------------------


def test_abstract_text_is_literal_and_its_math_is_kept_for_latex_to_set():
    abstract = "We get $O(n^2)$ time for 50% & #1 of $5 or $10, in snake_case {x} ~ ^."
    entry = entry_of(paper("p", abstract=abstract))
    assert entry["abstract"] == (
        r"We get $O(n^2)$ time for 50\% \& \#1 of \$5 or \$10, in snake\_case "
        r"{\textbraceleft}x{\textbraceright} {\textasciitilde} {\textasciicircum}."
    )
    assert as_text(entry["abstract"]) == abstract


def test_a_vertical_bar_is_written_as_latex_names_it_and_reads_back():
    # LaTeX's default font encoding (OT1: pdflatex without fontenc) has an em dash where
    # ASCII has |: a bare "P(y|x)" printed "P(y—x)". \\textbar prints | in OT1 and T1.
    # (Checked with pdflatex and bibtex, TeX Live 2022: "P(y{\\textbar}x)" prints P(y|x).)
    text = "Modelling P(y|x) | a survey"
    entry = entry_of(paper("p", title=text, abstract=text, authors=("Ada|Lovelace",), venue="A|B"))
    assert entry["title"] == r"{Modelling P(y{\textbar}x) {\textbar} a survey}"
    assert entry["abstract"] == r"Modelling P(y{\textbar}x) {\textbar} a survey"
    assert (entry["author"], entry["booktitle"]) == (r"Ada{\textbar}Lovelace", r"A{\textbar}B")
    assert as_text(entry["abstract"]) == text
    # Math is LaTeX's to set, where | is the bar.
    assert entry_of(paper("p", title="$P(y|x)$")).fields_dict["title"].value == "{$P(y|x)$}"


def test_math_in_a_title_is_kept_for_latex_to_set_as_in_the_abstract():
    # (it was escaped: LaTeX printed "\\$O(n{\\textasciicircum}2)\\$" as dollars and a caret)
    entry = entry_of(paper("p", title="Attention without the $O(n^2)$: 50% faster"))
    assert entry["title"] == "{Attention without the $O(n^2)$: 50\\% faster}"


@pytest.mark.parametrize(
    "abstract, math",
    [
        ("sets $\\{0, 1\\}^n$ and $\\mathcal{O}(1)$", ["$\\{0, 1\\}^n$", "$\\mathcal{O}(1)$"]),
        ("a $k$-NN and $x$", ["$k$", "$x$"]),
        # pandoc's rule: a space inside a $ or a digit after the closing one is no math
        ("costs $5 and $10 or $ x $ or $3$4", []),
        # math that would break the .bib or the document citing it is written as text:
        # an unbalanced brace, a bare % (a TeX comment), # or &
        ("$a{b$ and $50%$ and $a#b$ and $a&b$", []),
        ("escaped ones stay math: $50\\%$", ["$50\\%$"]),
        # only math commands reach LaTeX: any other command makes the span text, as
        # the .bib is compiled on other people's machines
        ("$\\input{/etc/passwd}$ and $\\end{document}$ and $\\alpha\\def$", []),
        # TeX's ^^ notation writes a backslash no command list sees ("^^5c" is "\\")
        ("$x^^5cinput{/etc/hostname}$ and $^^5cjobname$ but $x^2$", ["$x^2$"]),
        ("$\\sum_{i} \\alpha_i \\leq \\mathbb{R}$", ["$\\sum_{i} \\alpha_i \\leq \\mathbb{R}$"]),
        # the commands of everyday math, not only Greek letters and operators
        ("an $\\ell_1$ norm and $\\hbar$, $f\\colon X$", ["$\\ell_1$", "$\\hbar$", "$f\\colon X$"]),
        # LaTeX's own inline math, by the same rules
        ("\\(\\alpha \\le 1\\) and \\(\\input{x}\\)", ["\\(\\alpha \\le 1\\)"]),
    ],
)
def test_which_dollar_spans_are_kept_as_math(abstract, math):
    written = entry_of(paper("p", abstract=abstract))["abstract"]
    kept = [m for m in math if m in written]
    assert kept == math
    assert written.count("$") - written.count("\\$") == sum(m.count("$") - m.count("\\$") for m in math)
    assert as_text(written) == abstract


def test_abstract_paragraphs_stay_apart_and_lines_within_one_are_joined():
    entry = entry_of(paper("p", abstract="First line\n  wrapped.\n\n\n  Second  paragraph.\n"))
    assert entry["abstract"] == "First line wrapped.\n\nSecond paragraph."


def test_keywords_are_the_tags_and_a_paper_without_tags_or_abstract_has_neither_field():
    entry = entry_of(paper("p", tags=("in_context learning", "few-shot", "100%"), abstract="A."))
    assert [as_text(k) for k in entry["keywords"].split(", ")] == [
        "in_context learning", "few-shot", "100%"]
    bare = entry_of(paper("q"))
    assert "keywords" not in bare.fields_dict and "abstract" not in bare.fields_dict


def test_a_tag_holding_a_comma_comes_back_as_its_parts():
    # keywords is a comma-separated list for biblatex and the importer alike
    entry = entry_of(paper("p", tags=("vision, language", "rl")))
    assert entry["keywords"] == "vision, language, rl"


def test_a_paragraph_starting_like_an_entry_stays_in_the_abstract():
    # bibtexparser takes "@word{" or "@word(" at the start of a line for a new entry (and
    # aborts the one it was reading); a paragraph is a line of its own.
    abstract = "First.\n\n@misc{x, title={y}}\n\n@inproceedings (z)\n\n@ alone"
    text = bibtex([paper("p", abstract=abstract, tags=("t",))])
    assert not any(re.match(r"\s*@", line) for line in text.splitlines()[1:]), text
    [entry] = parse(text).entries
    assert entry["keywords"] == "t"
    assert as_text(entry["abstract"]).split("\n\n") == abstract.split("\n\n")


# Text and, more often than chance would give them, paragraphs that start as an entry does.
_ABSTRACT = st.lists(
    st.one_of(
        st.text(alphabet=st.characters(codec="utf-8", categories=("L", "N", "P", "S", "Zs"),
                                       include_characters="$\\{}%#&_^~@\n"), max_size=20),
        st.sampled_from(["\n\n@misc{", "\n\n@(", "\n\n@a {", "\n \n@"]),
    ),
    max_size=6,
).map("".join)


@settings(max_examples=200, deadline=None)
@given(_ABSTRACT)
def test_any_abstract_parses_back_to_itself(abstract):
    text = bibtex([paper("p", abstract=abstract, tags=("t",))])
    lib = parse(text)
    [entry] = lib.entries
    assert entry["keywords"] == "t"  # nothing in the abstract ended the entry early
    if not abstract.split():
        assert "abstract" not in entry.fields_dict
        return
    # spaces and line breaks aside (tested above), every character comes back
    assert as_text(entry["abstract"]).split() == abstract.split()


# --- Authors -----------------------------------------------------------------------------


def test_a_last_author_others_is_bibtex_and_others():
    text = bibtex([paper("p", authors=("Thomas Wolf", "Lysandre Debut", "others"))])
    assert parse(text).entries[0]["author"] == "Thomas Wolf and Lysandre Debut and others"
    assert names(text)[-1] == ("others", "")


@pytest.mark.parametrize(
    "authors, written",
    [
        # alone or not last, "others" is no BibTeX keyword but a name (as pages show it)
        (("others",), "{others}"),
        (("others", "Ada Lovelace"), "{others} and Ada Lovelace"),
        (("Ada Lovelace", "Others"), "Ada Lovelace and Others"),
    ],
)
def test_others_anywhere_else_is_a_name(authors, written):
    assert entry_of(paper("p", authors=authors))["author"] == written


@pytest.mark.parametrize(
    "name",
    ["Google DeepMind", "The Gemini Team", "Qwen team", "Meta AI", "AI @ Meta",
     "Allen Institute for AI", "BigScience Workshop", "Stanford University",
     "Hugging Face Inc.", "OpenAI Contributors", "Research and Development",
     "Research & Development", "01 Lab", "Max Planck Gesellschaft Group",
     "MIT Press", "IEEE Press", "Academic Press", "Morgan Kaufmann", "O'Reilly Media",
     # (no word of them says so, but each reads as an organisation's, as `check` warns:
     # names.read_as_organisation; they were cited "Face, Hugging", "Crawl, Common")
     "Hugging Face", "Common Crawl", "Together Computer", "Open Assistant"],
)
def test_an_organisation_is_one_name_to_bibtex(name):
    text = bibtex([paper("p", authors=(name, "Ada Lovelace"))])
    assert names(text) == [("{" + name.replace("&", "\\&") + "}", ""), ("Lovelace", "Ada")]


@pytest.mark.parametrize(
    "name, last, first",
    [
        ("Yann LeCun", "LeCun", "Yann"),
        ("Ai Jiang", "Jiang", "Ai"),
        ("Nguyen The Anh", "Anh", "Nguyen The"),
        ("Kaiming He", "He", "Kaiming"),
        ("Ludwig van Beethoven", "Beethoven", "Ludwig"),
        # (a surname that is a publisher's word: after a given name, initials, or two
        # capitals as a BibTeX "Press, WH" is imported; "WH Press" was braced whole)
        ("Ofir Press", "Press", "Ofir"),
        ("W. H. Press", "Press", "W. H."),
        ("WH Press", "Press", "WH"),
        ("Jane Springer", "Springer", "Jane"),
        # (every word the dictionary's, but a common given name first, a surname last, or
        # the surname written first: a person's, as `check` reads them)
        ("Grace Hopper", "Hopper", "Grace"),
        ("Young Park", "Park", "Young"),
        ("Wen Wen", "Wen", "Wen"),
        ("Face, Hugging", "Face", "Hugging"),
    ],
)
def test_a_person_is_still_split_into_first_and_last_names(name, last, first):
    assert names(bibtex([paper("p", authors=(name,))])) == [(last, first)]


def test_a_name_the_curator_braced_is_one_name_without_its_braces_escaped():
    text = bibtex([paper("p", authors=("{Google Brain Zurich}", "{Lee} Sedol}"))])
    assert parse(text).entries[0]["author"] == (
        "{Google Brain Zurich} and {\\textbraceleft}Lee{\\textbraceright} Sedol{\\textbraceright}"
    )


# --- Whole files -------------------------------------------------------------------------


FIELDS = dict(
    title="Attention Is All You Need -- in 100% $O(1)$ time",
    authors=("Ashish Vaswani", "Google DeepMind", "Noam Shazeer, Jr.", "others"),
    year=2017,
    venue="NeurIPS",
    doi="10.1002/(SICI)1097-4636(199706)35:4<407::AID-JBM1>3.0.CO;2-S",
    arxiv="1706.03762",
    abstract="The dominant models use $\\mathcal{O}(n^2)$ attention.\n\nWe use 50% & more_of #it {x}.",
    tags=("transformers", "attention_is_all"),
    added=dt.date(2026, 1, 1),
)


def _site() -> Site:
    papers = (
        paper("vaswani", **FIELDS),
        paper("other", authors=("Ada Lovelace",), links=(Link("https://x.org/a%20b#c", "paper"),)),
    )
    return Site(papers=papers, topics=(Topic("t", "T"),),
                assignments={"vaswani": (TopicAssignment("t", "curator"),)}, related={})


@pytest.mark.parametrize("path", ["papers.bib", "topics/t.bib"])
def test_a_bib_file_round_trips_every_field_the_importer_reads(path):
    # (export_files gives the BibTeX files as their UTF-8 bytes: ec46bd6.)
    text = export_files(_site(), site_name="L")[path].decode("utf-8")
    lib = bibtexparser.parse_string(text, append_middleware=[SeparateCoAuthors(), SplitNameParts()])
    assert not lib.failed_blocks
    entry = {e.key: e for e in lib.entries}["vaswani"]
    assert entry.entry_type == "inproceedings"
    assert as_text(entry["title"][1:-1]) == FIELDS["title"]
    authors = [(" ".join(n.first), " ".join(n.last), " ".join(n.jr)) for n in entry["author"]]
    assert authors == [("Ashish", "Vaswani", ""), ("", "{Google DeepMind}", ""),
                       ("Noam", "Shazeer", "Jr."), ("", "others", "")]
    assert entry["year"] == "2017"
    assert entry["doi"] == FIELDS["doi"]
    assert (entry["eprint"], entry["archiveprefix"]) == ("1706.03762", "arXiv")
    assert entry["url"] == "https://arxiv.org/abs/1706.03762"
    assert as_text(entry["abstract"]) == FIELDS["abstract"]
    assert [as_text(k) for k in entry["keywords"].split(", ")] == list(FIELDS["tags"])


def test_every_bib_file_of_a_built_site_parses(tmp_path):
    docs = tmp_path / "docs"
    build.generate(build.Settings(content_dir=FIXTURE, docs_dir=docs, site_name="F",
                                  source_date_epoch=0))
    files = sorted(docs.rglob("*.bib"))
    assert [f.relative_to(docs).as_posix() for f in files][0] == "papers.bib"
    assert len(files) > 1  # the per-topic files too
    every = {e.key for e in parse((docs / "papers.bib").read_text(encoding="utf-8")).entries}
    assert len(every) == len(list((FIXTURE / "papers").glob("*.yml")))
    for path in files:
        lib = parse(path.read_text(encoding="utf-8"))
        assert {e.key for e in lib.entries} <= every, path
        for entry in lib.entries:
            assert entry["title"] and entry["abstract"], (path, entry.key)


def test_a_thesis_and_a_report_are_exported_as_what_they_are():
    # (They were @inproceedings with the university as booktitle.)
    kinds = {
        "PhD thesis, Universität Tübingen": ("phdthesis", "school", "Universit{\\\"a}t T{\\\"u}bingen"),
        "Master's thesis, ETH Zürich": ("mastersthesis", "school", "ETH Z{\\\"u}rich"),
        "Technical report, Microsoft Research": ("techreport", "institution", "Microsoft Research"),
        "Master’s thesis, Uni B": ("mastersthesis", "school", "Uni B"),  # a curly apostrophe
        "PhD dissertation, MIT": ("phdthesis", "school", "MIT"),
        "MSc thesis, University of Edinburgh": ("mastersthesis", "school", "University of Edinburgh"),
        "Technical Report MSR-TR-2019-1, Microsoft": ("techreport", "institution", "Microsoft"),
    }
    for venue, (entry_type, field, value) in kinds.items():
        entry = entry_of(paper("a", venue=venue))
        assert entry.entry_type == entry_type, venue
        assert as_text(entry.fields_dict[field].value) == as_text(value), venue
        assert "booktitle" not in entry.fields_dict
    # A thesis or report of no known kind has no BibTeX type: it says what it is.
    for venue in ("Thesis, Uni C", "Report, Lab", "Bachelor's thesis, TU München", "PhD thesis",
                  "Diplomarbeit, TU Wien", "Working Paper, NBER", "Habilitation thesis, Uni D"):
        entry = entry_of(paper("a", venue=venue))
        assert (entry.entry_type, as_text(entry.fields_dict["howpublished"].value)) == ("misc", venue)


def test_a_journal_named_proceedings_is_an_article_and_a_conference_is_not():
    assert entry_of(paper("a", venue="Proceedings of the IEEE")).entry_type == "article"
    assert entry_of(paper("b", venue="Proceedings of the National Academy of Sciences")).entry_type == "article"
    assert entry_of(paper("c", venue="Proceedings of the 40th International Conference on Machine Learning")).entry_type == "inproceedings"


def test_a_conference_or_journal_named_after_reports_stays_one():
    kinds = {
        "Technical Report Generation Workshop, ACL 2024": "inproceedings",
        "Proceedings of the Workshop on Radiology Report Generation": "inproceedings",
        "Workshop on Zusammenarbeit in KI": "inproceedings",
        "Scientific Reports": "article",
        "Tech. rep. 42, Stanford": "techreport",
        "Tech. Rep. No. 42, Stanford": "techreport",
        "Technical Report TR 2019-01, CMU": "techreport",
        # The kind first, as the importer writes it: whatever words the place holds.
        "Thesis, Department of Computer Science, Stanford University": "misc",
        "Report, Allen Institute for Artificial Intelligence": "misc",
        "Studienarbeit, KIT": "misc",
        "Tech. Rep., Stanford": "techreport",
        # Words with a digit are no report number; conference words anywhere keep a
        # conference one; German and French reports and theses are reports and theses.
        "Technical Report Generation Workshop 2024, ACL": "inproceedings",
        "Radiology Report Generation, Workshop at MICCAI 2023": "inproceedings",
        "Soziale Arbeit": "inproceedings",
        "Rapport technique, INRIA": "misc",
        "Forschungsbericht, DLR": "misc",
        "AI Memo 1234, MIT": "misc",
        "Tech Rep., Google": "techreport",
        "Master thesis, KTH": "mastersthesis",
        "M.S. thesis, Georgia Institute of Technology": "mastersthesis",
    }
    assert {venue: entry_of(paper("a", venue=venue)).entry_type for venue in kinds} == kinds


def test_a_report_numbered_by_its_arxiv_id_is_exported_as_a_report_with_its_eprint():
    # Google Scholar's GPT-4 technical report: `number = {arXiv:2303.08774}`. Imported, the
    # id is the paper's arXiv id, and the export cites a report again (it was @misc, with
    # "Technical report arXiv:2303.08774, OpenAI" as how it was published).
    from generator.errors import Problems
    from generator.ingest import parse_text

    source = (
        "@techreport{gpt4, title = {GPT-4 Technical Report}, author = {OpenAI},"
        " institution = {OpenAI}, year = {2023}, number = {arXiv:2303.08774}}\n"
    )
    problems = Problems()
    [record] = parse_text(source, "scholar.bib", problems)
    exported = paper("gpt4", title=record.title, venue=record.venue, arxiv=record.arxiv, year=2023)
    entry = entry_of(exported)
    assert (entry.entry_type, as_text(entry["institution"]), entry["eprint"]) == (
        "techreport", "OpenAI", "2303.08774")
    assert "number" not in entry.fields_dict and "howpublished" not in entry.fields_dict
    [again] = parse_text(bibtex([exported]), "papers.bib", problems)
    assert (again.venue, again.arxiv, again.number, problems.items) == (
        "Technical report, OpenAI", "2303.08774", "", [])


def test_a_report_number_comes_back_on_re_import():
    from generator.errors import Problems
    from generator.ingest import parse_text

    text = bibtex([paper("a", venue="Technical report No. 42, Stanford University")])
    assert "number = {No. 42}" in text
    problems = Problems()
    [record] = parse_text(text, "a.bib", problems)
    assert (record.venue, problems.items) == ("Technical report No. 42, Stanford University", [])


# --- the cited address -------------------------------------------------------------------

S2 = Link("https://api.semanticscholar.org/CorpusID:12345", "paper")
DBLP = Link("https://dblp.org/rec/conf/acl/SennrichHB16", "paper")


@pytest.mark.parametrize(
    "links, arxiv, cited",
    [
        # A Google Scholar export's Semantic Scholar address came before the venue's PDF.
        ((S2, Link("https://aclanthology.org/P16-1162.pdf", "pdf")), "", "https://aclanthology.org/P16-1162.pdf"),
        ((S2, DBLP), "1508.07909", "https://arxiv.org/abs/1508.07909"),
        ((DBLP, S2, Link("https://aclanthology.org/P16-1162/", "paper")), "", "https://aclanthology.org/P16-1162/"),
        # Nothing else to cite: the index's page is better than no address.
        ((S2, DBLP), "", S2.url),
    ],
)
def test_the_cited_url_is_where_the_paper_was_published_before_an_index(links, arxiv, cited):
    entry = entry_of(paper("p", links=links, arxiv=arxiv))
    assert entry["url"] == cited
    # (the paper keeps its links)
    assert paper("p", links=links, arxiv=arxiv).links == links


def test_a_paper_with_a_doi_cites_no_index_page():
    # The DOI field leads to the publisher's page, as it does for a paper without links.
    entry = entry_of(paper("p", links=(S2,), doi="10.18653/v1/P16-1162"))
    assert "url" not in entry.fields_dict


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="-`',!?. a\n", max_size=12))
def test_the_quick_look_for_a_ligature_pair_finds_what_the_ligature_pattern_finds(text):
    # (_escape looks for a pair first and runs the pattern only then: a pair the look
    # missed would leave TeX to join two characters the curator typed.)
    from generator import export_bibtex

    found = export_bibtex._ANY_LIGATURE_PAIR.search(text) is not None
    assert found == (export_bibtex._LIGATURES.search(text) is not None)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(alphabet="-`',!?. a\n\u2013\u00bf\u00a1", max_size=16), st.text(max_size=16)))
def test_the_quick_look_for_a_ligature_pair_is_the_six_looks_it_replaced(text):
    # (663415e0: one scan of a pattern of the six literals, for six `in` looks; any text.)
    from generator import export_bibtex

    found = export_bibtex._ANY_LIGATURE_PAIR.search(text) is not None
    assert found == any(pair in text for pair in export_bibtex._LIGATURE_PAIRS)


def test_a_suffixed_name_is_written_last_jr_first_whatever_spaces_it_holds():
    # (review: 1f8eda1c joined the parts before writing them, and a no-break space
    # before the comma, copied with the name, stayed: "King , Jr., Martin Luther")
    for written in ("Martin Luther King, Jr.", "Martin Luther King Jr.", "Martin Luther King\u00a0, Jr.",
                    "Martin  Luther King\u2003Jr."):
        entry = citation(Paper(id="p", title="T", abstract="", authors=(written,)))
        assert "  author = {King, Jr., Martin Luther}\n" in entry, (written, entry)


# --- editors (bk2) ------------------------------------------------------------------------


def test_a_chapters_editors_are_its_editor_field_and_read_back_as_written():
    from generator.errors import Problems
    from generator.ingest import parse_text

    chapter = paper(
        "tricks", title="A Dozen Tricks with Multitask Learning", authors=("Rich Caruana",),
        editors=("Grégoire Montavon", "Müller, Klaus-Robert", "others"), venue="Neural Networks: Tricks of the Trade",
        venue_kind="book", publisher="Springer", year=2012,
    )
    text = bibtex([chapter])
    entry = entry_of(chapter)
    assert entry.entry_type == "incollection"
    assert entry["booktitle"] == "Neural Networks: Tricks of the Trade"
    assert entry["author"] == "Rich Caruana"
    # (a last "others" is BibTeX's keyword, bare, as in an author list)
    assert as_text(entry["editor"]) == "Grégoire Montavon and Müller, Klaus-Robert and others"
    problems = Problems()
    (record,) = parse_text(text, "papers.bib", problems)
    assert record.editors == ("Grégoire Montavon", "Klaus-Robert Müller", "others")
    assert record.authors == ("Rich Caruana",) and not problems.items, problems.format()


def test_a_book_by_its_editors_alone_is_a_book_with_editors_and_no_author():
    entry = entry_of(paper("h", title="Handbook", editors=("Jane Smith", "John Doe"), publisher="MIT Press", year=2019))
    assert entry.entry_type == "book"
    assert "author" not in entry.fields_dict
    assert entry["editor"] == "Jane Smith and John Doe" and entry["publisher"] == "MIT Press"


def test_a_paper_without_editors_has_no_editor_field():
    assert "editor" not in entry_of(paper("p", authors=("Ada Lovelace",), venue="NeurIPS", year=2020)).fields_dict
