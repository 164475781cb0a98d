"""BibTeX as reference managers and indexes export it (Zotero, Google Scholar, DBLP, the
ACL Anthology, MIT Press, PMLR): the newlab reviewer's cases."""

from generator.errors import Problems
from generator.importer import import_paths
from generator.ingest import parse_text
from generator.yamlio import parse, to_python


def _parse(text: str) -> tuple[list, Problems]:
    problems = Problems()
    return parse_text(text, "lab.bib", problems), problems


def test_tex_escapes_in_url_doi_and_eprint_are_undone():
    # MIT Press (TACL) escapes the underscores of its DOIs in every field but `doi`.
    text = r"""@article{10.1162/tacl_a_00324,
    title = "{How Can We Know What Language Models Know?}",
    journal = {Transactions of the Association for Computational Linguistics},
    year = {2020},
    doi = {10.1162/tacl\_a\_00324},
    url = {https://doi.org/10.1162/tacl\_a\_00324},
    eprint = {https://direct.mit.edu/tacl/article-pdf/doi/10.1162/tacl\_a\_00324/1923867/tacl\_a\_00324.pdf},
}
@misc{b, title = {B},
    howpublished = {\url{https://example.org/\~{}me/a{\_}b\%20c}},
    note = {Code: https://github.com/lab/x\_y, data at https://lab.org/\textasciitilde{}d\&e}}
"""
    (tacl, other), problems = _parse(text)
    assert not problems, problems.format()
    assert tacl.doi == "10.1162/tacl_a_00324"
    # (The url is the DOI's own address: the DOI badge links there, no "Paper" badge.)
    assert [(link.url, link.kind) for link in tacl.links] == [
        # MIT Press's eprint is the article's PDF
        ("https://direct.mit.edu/tacl/article-pdf/doi/10.1162/tacl_a_00324/1923867/tacl_a_00324.pdf", "pdf"),
    ]
    assert [link.url for link in other.links] == [
        "https://example.org/~me/a_b%20c",
        "https://github.com/lab/x_y",
        "https://lab.org/~d&e",
    ]


def test_the_escaped_doi_reaches_the_paper_file(tmp_path):
    source = tmp_path / "lab.bib"
    source.write_text(
        "@article{t, title = {T}, doi = {10.1162/tacl\\_a\\_00324},\n"
        "  url = {https://doi.org/10.1162/tacl\\_a\\_00324}}\n",
        encoding="utf-8",
    )
    report = import_paths([source], tmp_path / "content")
    [paper_id] = report.added
    path = tmp_path / "content" / "papers" / f"{paper_id}.yml"
    text = path.read_text(encoding="utf-8")
    assert "\\" not in text
    problems = Problems()
    data = to_python(parse(text, str(path), problems))
    assert data["doi"] == "10.1162/tacl_a_00324"
    # The url only repeats the DOI, which the page links to: no link of its own.
    assert data["links"]["paper"] == []


ACL = r"""@string{acl = {Proceedings of the 61st Annual Meeting of the Association for Computational Linguistics (Volume 1: Long Papers)}}
@inproceedings{wang-etal-2023-self-instruct,
  title = {Self-Instruct: Aligning Language Models with Self-Generated Instructions},
  author = {Wang, Yizhong and Kordi, Yeganeh},
  crossref = {proc:acl23},
  doi = {10.18653/v1/2023.acl-long.754},
  url = {https://aclanthology.org/2023.acl-long.754},
}
@proceedings{proc:acl23,
  title = acl,
  year = 2023,
  publisher = {Association for Computational Linguistics},
  doi = {10.18653/v1/2023.acl-long},
  url = {https://aclanthology.org/2023.acl-long/},
  keywords = {volume},
}
"""


def test_a_crossref_child_takes_year_and_venue_and_the_parent_is_no_paper():
    [paper], problems = _parse(ACL)
    assert not problems, problems.format()
    assert paper.title.startswith("Self-Instruct")
    assert paper.year == "2023"
    assert paper.venue.startswith("Proceedings of the 61st Annual Meeting")
    # what names the volume itself is not the paper's
    assert paper.doi == "10.18653/v1/2023.acl-long.754"
    assert [link.url for link in paper.links] == ["https://aclanthology.org/2023.acl-long.754"]
    assert paper.tags == ()


def test_a_parent_without_title_is_no_error_and_its_booktitle_is_the_venue():
    # DBLP and the reviewer's lab-orig.bib: the parent (any type) carries `booktitle`
    # and no title; the key is matched whatever its case, as BibTeX does.
    text = (
        "@inproceedings{p, title = {Paper}, crossref = {DBLP:conf/icml/2017}, pages = {1--2}}\n"
        "@inproceedings{DBLP:Conf/ICML/2017, booktitle = {Proceedings of ICML 2017},\n"
        "  year = {2017}}\n"
    )
    [paper], problems = _parse(text)
    assert not problems, problems.format()
    assert (paper.title, paper.venue, paper.year) == ("Paper", "Proceedings of ICML 2017", "2017")


def test_a_childs_own_fields_win_and_a_missing_parent_is_a_warning():
    text = (
        "@inproceedings{c, title = {Child}, booktitle = {Own Venue}, year = {2020},\n"
        "  crossref = {vol}}\n"
        "@proceedings{vol, title = {Volume}, year = {2019}}\n"
        "@inproceedings{d, title = {Orphan},\n    crossref = {nowhere}}\n"
    )
    (child, orphan), problems = _parse(text)
    assert (child.venue, child.year) == ("Own Venue", "2020")
    assert (orphan.venue, orphan.year) == ("", "")
    assert problems.format() == (
        "lab.bib:5:5: warning: crossref 'nowhere' names no entry in this file; "
        "the entry gets only its own fields"
    )


def test_a_bad_inherited_year_is_reported_at_the_parent():
    text = "@misc{c, title = {C}, crossref = {v}}\n@proceedings{v,\n  year = {soon}}\n"
    [child], problems = _parse(text)
    assert child.year == ""
    assert problems.format().startswith("lab.bib:3:11: warning: year 'soon' is not understood")


def test_and_others_is_kept_as_the_last_author_others():
    text = (
        "@article{a, title = {A}, author = {Liu, Nelson F. and others}}\n"
        "@article{b, title = {B}, author = {Wolf, Thomas and Debut, Lysandre and Others}}\n"
        "@article{c, title = {C}, author = {others}}\n"
        "@article{d, title = {D}, author = {Doe, Jane and others and Roe, Rick}}\n"
        # braced, it is somebody's name (as the export writes one not last)
        "@article{e, title = {E}, author = {Doe, Jane and {others} and Roe, Rick}}\n"
    )
    records, problems = _parse(text)
    # the one in the middle is dropped, and said so at its field
    assert [str(p) for p in problems.items] == [
        "lab.bib:4:26: warning: 'and others' is BibTeX's 'et al.' and counts only last;"
        " the names after it were kept and this one dropped"
    ]
    assert [r.authors for r in records] == [
        ("Nelson F. Liu", "others"),
        ("Thomas Wolf", "Lysandre Debut", "others"),
        (),  # no author named: nothing to say "and more" after
        ("Jane Doe", "Rick Roe"),  # "others" counts only last
        ("Jane Doe", "others", "Rick Roe"),
    ]


def test_an_and_with_no_name_beside_it_is_left_out_and_said():
    # A name deleted from a hand-kept file leaves its "and": it was read as a word of
    # the name beside it ("Edgar and Poe", "Jane and Doe"), and nothing was said.
    text = (
        "@article{a, title = {A}, author = {Poe, Edgar and }}\n"
        "@article{b, title = {B}, author = {Poe, Edgar and and Doe, Jane}}\n"
        "@article{c,\n  title = {C},\n  author = {and Edgar Poe}}\n"
        # braced, it is part of a name; between names, the separator
        "@article{d, title = {D}, author = {{Research and Development} and Doe, Jane}}\n"
        # after a braced name (the braces' ends, worked out once for all its "and"s)
        "@article{e, title = {E}, author = {{R and D} and {Q and A} and Doe, Jane and}}\n"
    )
    records, problems = _parse(text)
    assert [r.authors for r in records] == [
        ("Edgar Poe",),
        ("Edgar Poe", "Jane Doe"),
        ("Edgar Poe",),
        ("Research and Development", "Jane Doe"),
        ("R and D", "Q and A", "Jane Doe"),
    ]
    said = (
        " has an 'and' with no name on one side (a name deleted, or not yet written?);"
        " read without it: write the missing name or delete the 'and'"
    )
    assert [str(p) for p in problems.items] == [
        f"lab.bib:1:26: warning: the author list of entry 'a'{said}",
        f"lab.bib:2:26: warning: the author list of entry 'b'{said}",
        f"lab.bib:5:3: warning: the author list of entry 'c'{said}",
        f"lab.bib:7:26: warning: the author list of entry 'e'{said}",
    ]


def test_a_last_author_et_al_is_bibtexs_others():
    # Hand-kept files write the keyword in English; read as a name, `check` then warned
    # of the paper file the import had just written.
    text = (
        "@article{a, title = {A}, author = {Smith, John and Doe, Jane and et al.}}\n"
        "@article{b, title = {B}, author = {Smith, John and {et al}}}\n"
        "@article{c, title = {C}, author = {Smith, John and et~al.}}\n"
        # (a person's name that merely holds the words stays one)
        "@article{d, title = {D}, author = {Smith, John and Al, Et}}\n"
    )
    records, problems = _parse(text)
    assert not problems.items
    assert [r.authors for r in records] == [
        ("John Smith", "Jane Doe", "others"),
        ("John Smith", "others"),
        ("John Smith", "others"),
        ("John Smith", "Et Al"),
    ]


def test_and_others_reaches_the_paper_file(tmp_path):
    source = tmp_path / "lab.bib"
    source.write_text("@misc{w, title = {T}, author = {Wolf, Thomas and others}}\n", encoding="utf-8")
    report = import_paths([source], tmp_path / "content")
    [paper_id] = report.added
    path = tmp_path / "content" / "papers" / f"{paper_id}.yml"
    problems = Problems()
    data = to_python(parse(path.read_text(encoding="utf-8"), str(path), problems))
    assert data["authors"] == ["Thomas Wolf", "others"]


def test_journaltitle_school_institution_and_howpublished_are_venues():
    text = r"""@article{brown, title = {Few-Shot}, journaltitle = {Advances in {{Neural Information Processing Systems}}}}
@phdthesis{caruana, title = {Multitask Learning}, school = {Carnegie Mellon University},
  note = {Available at \url{http://reports-archive.adm.cs.cmu.edu/anon/1997/CMU-CS-97-203.pdf}}}
@mastersthesis{m, title = {M}, school = {ETH Z{\"u}rich}}
@techreport{gpt4, title = {{GPT-4 Technical Report}}, institution = {OpenAI}}
@misc{bert, title = {BERT}, howpublished = {arXiv preprint arXiv:1810.04805}}
@misc{hf, title = {Transformers}, howpublished = {\url{https://github.com/huggingface/transformers}}}
@article{both, title = {J}, journal = {Nature}, school = {Not This}}
"""
    records, problems = _parse(text)
    assert not problems, problems.format()
    assert [r.venue for r in records] == [
        "Advances in Neural Information Processing Systems",
        "PhD thesis, Carnegie Mellon University",  # what it is, beside where
        "Master's thesis, ETH Zürich",
        "Technical report, OpenAI",
        "",  # arXiv's name and the paper's id: the id, and no venue
        "",  # an address is no venue
        "Nature",
    ]
    assert records[4].arxiv == "1810.04805"


def test_pmlr_pdf_field_is_a_pdf_link():
    text = (
        "@inproceedings{muller22a, title = {T},\n"
        "  pdf = {https://proceedings.mlr.press/v162/muller22a/muller22a.pdf},\n"
        "  url = {https://proceedings.mlr.press/v162/muller22a.html}}\n"
    )
    [record], problems = _parse(text)
    assert not problems
    assert [(link.url, link.kind, link.found_in) for link in record.links] == [
        ("https://proceedings.mlr.press/v162/muller22a.html", "paper", "bibtex"),
        ("https://proceedings.mlr.press/v162/muller22a/muller22a.pdf", "pdf", "bibtex"),
    ]


def test_math_in_an_abstract_is_kept_as_typed():
    text = (
        "@inproceedings{m, title = {T},\n  abstract = {The approach costs $\\mathcal{O}(k\n"
        "  \\log n)$ time, $k \\times n$ memory and $\\leq 5$ steps, $O(n^2)$ for $x_i$: 50\\% less.}}\n"
    )
    [record], problems = _parse(text)
    assert not problems
    # a BibTeX line break inside the formula is a space, as everywhere in a field
    assert record.abstract == (
        r"The approach costs $\mathcal{O}(k \log n)$ time, $k \times n$ memory and "
        r"$\leq 5$ steps, $O(n^2)$ for $x_i$: 50% less."
    )


def test_a_report_numbered_by_its_arxiv_id_gets_the_id_and_stays_a_report():
    # The GPT-4 technical report, as Google Scholar and others export it: its number is
    # its arXiv id. It was imported with no arXiv id, as "Technical report
    # arXiv:2303.08774, OpenAI", which the export no longer read as a report (@misc).
    text = r"""@techreport{openai2023gpt4,
  title = {{GPT-4} Technical Report},
  author = {OpenAI},
  institution = {OpenAI},
  year = {2023},
  number = {arXiv:2303.08774}
}
@techreport{eprint, title = {R}, institution = {Lab}, number = {arXiv 2303.08774v2},
  eprint = {2303.08774}, archiveprefix = {arXiv}}
@techreport{own, title = {O}, institution = {Lab}, number = {2303.08774}}
"""
    records, problems = _parse(text)
    assert not problems, problems.format()
    assert [(r.arxiv, r.venue, r.number) for r in records] == [
        ("2303.08774", "Technical report, OpenAI", ""),
        ("2303.08774", "Technical report, Lab", ""),
        # Without "arXiv" said, a number is the institution's own, as written.
        ("", "Technical report 2303.08774, Lab", ""),
    ]
