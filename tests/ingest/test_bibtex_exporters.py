"""BibTeX as reference managers and bibliographies export it (the exporter review of
30 November): DBLP, Semantic Scholar, Google Scholar, ACM DL, JabRef, Zotero, arXiv."""

from generator.errors import Problems
from generator.importer import import_paths
from generator.ingest import parse_text


def _record(fields: str):
    problems = Problems()
    (record,) = parse_text("@misc{key,\n  title = {T},\n" + fields + "}\n", "x.bib", problems)
    assert not problems, problems.format()
    return record


def test_a_tie_inside_an_accent_does_not_split_a_name():
    # ACM DL and JabRef write accents unbraced inside a name; BibTeX's name rules read a
    # tilde as a space, so "Pe\~{n}a" had become "Pe na".
    record = _record(
        r"  author = {Ord\'{o}\~{n}ez, Vicente and Jos\'{e} Pe\~{n}a and Jo\~{a}o Silva},"
        "\n"
    )
    assert record.authors == ("Vicente Ordóñez", "José Peña", "João Silva")


def test_a_name_with_stacked_accents_reads_as_its_letters():
    record = _record(r"  author = {Nguy{\~{\^e}}n, An and Tr\`{\^a}n, B\'{\^o}},""\n")
    assert record.authors == ("An Nguyễn", "Bố Trần")


def test_a_name_after_and_keeps_its_leading_accent_or_letter():
    record = _record(
        r"  author = {Knuth, D. and \'Emile Zola and \"{O}zt\"{u}rk, Ay\c{s}e and"
        r" \O{}ystein Ore and \L{}ukasz Kaiser and {\"U}ber, Anna and D.~E. Knuth and"
        r" de la Fuente, Ana},"
        "\n"
    )
    assert record.authors == (
        "D. Knuth", "Émile Zola", "Ayşe Öztürk", "Øystein Ore", "Łukasz Kaiser",
        "Anna Über", "D. E. Knuth", "Ana de la Fuente",
    )


def test_a_name_after_and_that_starts_with_a_command_keeps_its_first_letter():
    # A lab's own list bolds or underlines its members, and a mark may come before a
    # name. bibtexparser's splitting at "and" skips a backslash and the character after
    # it, and began the next name there: "Jo Smith" came in as "extbfJo Smith", "Ce Pang"
    # as "Ce extsuperscript*Pang", with nothing said.
    problems = Problems()
    (record,) = parse_text(
        "@misc{key,\n  title = {T},\n"
        r"  author = {Bo Lee and \textbf{Jo Smith} and \underline{Smith}, Al and \emph{Ann Ko}"
        r" and \textsuperscript{*}Pang, Ce and \relax Di Wu},"
        "\n}\n",
        "x.bib", problems,
    )
    assert record.authors == ("Bo Lee", "Jo Smith", "Al Smith", "Ann Ko", "Ce Pang", "Di Wu")
    assert [p.message for p in problems.items] == [
        "marks beside author names of entry 'key' left out ('^*'): a mark of equal contribution,"
        " of the corresponding author or of an affiliation is no part of a name (say it in the"
        " paper's notes if it matters)"
    ]


def test_names_with_t1_letters_and_relax_read_as_their_letters():
    # A lab's hand-kept .bib: "{\\relax Ch}" keeps a digraph one initial in BibTeX's
    # styles, and T1's letters spell Icelandic and South Slavic names. Both were left as
    # TeX: "{\\relax Ch}ristensen, Clayton" kept surname first, braces and all.
    record = _record(
        r"  author = {{\relax Ch}ristensen, Clayton and {\relax Th}omas Mann and"
        r" {\DJ}okovi{\'c}, Novak and Gu\dh r\'un J\'onsd\'ottir and \TH{}orsteinn Gylfason},"
        "\n"
    )
    assert record.authors == (
        "Clayton Christensen", "Thomas Mann", "Novak Đoković", "Guðrún Jónsdóttir",
        "Þorsteinn Gylfason",
    )


def test_a_letter_macro_before_and_does_not_join_two_authors():
    # The code review: TeX's eating of the spaces after \\l made "Pawe\\l and Smith" one
    # author (BibTeX splits at " and " before it reads any TeX).
    record = _record(
        r"  author = {Nowak, Pawe\l and Smith, John and Hans Gro\ss and Jens M\o and Anna Weiss"
        r" and Ko\l odziej, Jan and S\o ren Kierkegaard and Mart\'\i and \AA ngstr\"om, A.},"
        "\n"
    )
    # (and a control word eats the spaces after it, as in TeX: "Ko\l odziej" is one word)
    assert record.authors == (
        "Paweł Nowak", "John Smith", "Hans Groß", "Jens Mø", "Anna Weiss", "Jan Kołodziej",
        "Søren Kierkegaard", "Martí", "A. Ångström",
    )


def test_href_gives_its_address_as_a_link_and_its_words_to_the_text():
    record = _record(
        r"  note = {Project page: \url{https://segment-anything.com}; code at"
        r" \href{https://github.com/facebookresearch/segment-anything}{GitHub}},"
        "\n"
        r"  abstract = {See \href{https://example.org/detox}{our site}. Code:"
        r" \href{https://github.com/foo/baz}{\texttt{github.com/foo/baz}}.},"
        "\n"
    )
    assert record.abstract == (
        "See our site (https://example.org/detox). Code: https://github.com/foo/baz."
    )
    assert [(link.url, link.kind) for link in record.links] == [
        ("https://example.org/detox", "project"),
        ("https://github.com/foo/baz", "code"),
        ("https://segment-anything.com", "project"),
        ("https://github.com/facebookresearch/segment-anything", "code"),
    ]


def test_the_arxiv_id_of_dblp_and_semantic_scholar_volumes_and_old_style_ids():
    # Semantic Scholar: no eprint, no arXiv URL; the id is the volume of "ArXiv".
    assert _record("  journal = {ArXiv},\n  volume = {abs/2201.11903},\n").arxiv == "2201.11903"
    assert _record("  journal = {CoRR},\n  volume = {abs/cs/0301001},\n").arxiv == "cs/0301001"
    # A volume of a journal is no arXiv id.
    assert _record("  journal = {Nature},\n  volume = {abs/2201.11903},\n").arxiv == ""
    # Google Scholar's old-style id, with its archive.
    assert _record("  journal = {arXiv preprint hep-th/9711200},\n").arxiv == "hep-th/9711200"
    assert _record("  journal = {arXiv preprint arXiv:2303.08774},\n").arxiv == "2303.08774"
    # The same words in another venue field: biblatex's, or an @inproceedings' booktitle.
    assert _record("  journaltitle = {arXiv preprint arXiv:2303.08774},\n").arxiv == "2303.08774"
    assert _record("  booktitle = {arXiv preprint arXiv:1606.04671},\n").arxiv == "1606.04671"


def test_a_code_field_gives_a_code_link():
    for name in ("code", "github", "repository", "repo"):
        record = _record(f"  {name} = {{https://github.com/CompVis/latent-diffusion}},\n")
        assert [(link.url, link.kind) for link in record.links] == [
            ("https://github.com/CompVis/latent-diffusion", "code")
        ], name


def test_a_url_that_is_the_arxiv_or_doi_page_is_no_second_badge():
    record = _record(
        "  url = {https://arxiv.org/abs/2106.09685},\n  eprint = {2106.09685},\n"
        "  eprinttype = {arXiv},\n"
    )
    assert (record.arxiv, record.links) == ("2106.09685", ())
    # Zotero escapes the DOI's slash in its address; the DOI field says it plainly.
    record = _record(
        "  doi = {10.1016/j.sbi.2019.01.001},\n"
        "  url = {https://doi.org/10.1016%2Fj.sbi.2019.01.001},\n"
    )
    assert (record.doi, record.links) == ("10.1016/j.sbi.2019.01.001", ())
    # Another address stays a link.
    record = _record("  doi = {10.1000/x},\n  url = {https://publisher.org/x},\n")
    assert [link.url for link in record.links] == ["https://publisher.org/x"]


def test_a_doi_read_from_an_address_is_decoded():
    assert _record("  url = {https://dx.doi.org/10.1000/def%2F789},\n").doi == "10.1000/def/789"


def test_a_tag_given_twice_is_kept_once():
    # (Its example was arXiv's DataCite export, which gives "FOS: ..." twice: those are
    # arXiv's subject classes, no tags, since test_the_arxiv_subjects_of_an_arxiv_doi_at_datacite_are_no_tags.)
    record = _record("  keywords = {planning, Graph neural networks (GNN), planning},\n")
    assert record.tags == ("planning", "Graph neural networks (GNN)")


def _import(tmp_path, name, text):
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    return import_paths([source], tmp_path / "content")


def test_a_dois_case_and_a_second_preprint_name_are_no_conflict(tmp_path):
    pairs = [
        # DBLP writes DOIs in capitals; the ACL Anthology in small letters. DOIs ignore case.
        ("@inproceedings{DBLP:conf/naacl/DevlinCLT19, title = {{BERT:} Pre-training},\n"
         "  booktitle = {NAACL-HLT}, year = {2019}, doi = {10.18653/V1/N19-1423}}\n",
         '@inproceedings{devlin-etal-2019-bert, title = "{BERT}: Pre-training",\n'
         '  booktitle = "NAACL-HLT", year = "2019", doi = "10.18653/v1/N19-1423"}\n'),
        # One preprint named as Google Scholar and as DBLP name it: one version, not two.
        ("@article{hu2021lora, title={LoRA}, journal={arXiv preprint arXiv:2106.09685},"
         " year={2021}}\n",
         "@article{DBLP:journals/corr/abs-2106-09685, title={LoRA}, journal={CoRR},"
         " volume={abs/2106.09685}, year={2021}}\n"),
    ]
    for n, (first, second) in enumerate(pairs):
        assert len(_import(tmp_path, f"first{n}.bib", first).added) == 1
        again = _import(tmp_path, f"second{n}.bib", second)
        assert (again.added, again.conflicts) == ([], []), second


def test_githubs_citation_snippet_is_software_not_a_journal_article():
    from generator.export_bibtex import bibtex_entry
    from generator.models import Paper

    record = _record(
        "  author = {Wolf, Thomas}, year = {2020}, publisher = {GitHub},\n"
        "  journal = {GitHub repository},\n"
        "  howpublished = {\\url{https://github.com/huggingface/transformers}},\n"
    )
    assert (record.venue, record.venue_kind) == ("GitHub repository", "")
    assert [(link.url, link.kind) for link in record.links] == [
        ("https://github.com/huggingface/transformers", "code")
    ]
    entry = bibtex_entry(Paper(id="t", title="T", abstract="", venue=record.venue))
    assert entry.entry_type == "misc"
    assert entry.fields_dict["howpublished"].value == "GitHub repository"


def test_each_mistake_is_one_error_at_its_place():
    # The reviewer's broken2.bib: after an entry that could not be read, its leftover
    # fields were blamed on an earlier entry (5 errors for 3 mistakes), and a field
    # without "=" was reported at its entry's first line.
    text = (
        "@article{good1, title = {Good One}, year = {2020}}\n"  # 1
        "@article{bad_quote,\n"  # 2
        '  title = "Bad "quoted" entry",\n'  # 3
        "  year = {2021}\n"  # 4
        "}\n"  # 5
        "@article{bad_eq,\n"  # 6
        "  title  {Missing equals},\n"  # 7
        "  year = {2021}\n"  # 8
        "}\n"  # 9
        "@article{good2, title = {Good Two}, year = {2022}}\n"  # 10
    )
    problems = Problems()
    records = parse_text(text, "b.bib", problems)
    titles = [r.title for r in records]
    assert (titles[0], titles[-1]) == ("Good One", "Good Two")
    assert [(p.location.line, p.location.col) for p in problems.errors] == [(3, 17), (7, 3)]
    assert "field 'title' has no '='" in problems.errors[1].message


def test_review_of_the_exporter_fixes():
    # The code review's cases against the fixes above.
    # An arXiv PDF keeps its PDF badge; only the abstract page repeats the arXiv badge.
    record = _record(
        "  eprint = {2106.09685},\n  pdf = {https://arxiv.org/pdf/2106.09685v2.pdf},\n"
    )
    assert [(link.url, link.kind) for link in record.links] == [
        ("https://arxiv.org/pdf/2106.09685v2.pdf", "pdf")
    ]
    # A DOI whose address decodes to a character no DOI holds (an invisible space pasted
    # along) is the DOI without it: decoded, the next `check` refused it; kept encoded, it
    # resolved nowhere and the clean DOI of another export made a second paper.
    assert _record("  url = {https://doi.org/10.1016/j.sbi.2020.01.001%E2%80%8B},\n").doi == (
        "10.1016/j.sbi.2020.01.001")
    # An id with no month 13 is no arXiv id (the next `check` refused it).
    assert _record("  journal = {CoRR},\n  volume = {abs/2513.00001},\n").arxiv == ""


def test_a_missing_equals_after_a_wrapped_value_is_said_at_the_field_that_lacks_it():
    problems = Problems()
    parse_text(
        "@article{k,\n  title = {Learning\n  Transferable\n  Models},\n  note {x}}\n",
        "w.bib", problems,
    )
    assert [(p.location.line, p.location.col) for p in problems.errors] == [(5, 3)]
    assert "field 'note' has no '='" in problems.errors[0].message


def test_a_stray_field_after_an_entry_with_a_duplicate_key_is_still_told():
    problems = Problems()
    parse_text("@article{a, title={A}}\n@article{a,\n title={A}},\n year={2020}\n}\n", "d.bib", problems)
    assert sorted((p.location.line, "'year' is after the end" in p.message) for p in problems.items) == [
        (2, False), (4, True)
    ]


def test_second_review_of_the_bibtex_fixes():
    # A stray field after an entry refused for a field given twice is told as its own.
    problems = Problems()
    parse_text("@misc{a, title={A}}\n@misc{b, title={S}, title={S2}}}\n year={2020}\n}\n", "s.bib", problems)
    assert any("'year' is after the end of entry 'b'" in p.message for p in problems.items), problems.format()
    # A missing '=' before an unquoted value, after a wrapped abstract: at that field.
    problems = Problems()
    parse_text("@article{k,\n  abstract = {some\n  wrapped lines},\n  year 2020}\n", "e.bib", problems)
    # (Read with its '=', the entry has no title: a warning, said once the entry reads;
    # the error stops the import meanwhile.)
    assert [(p.location.line, p.location.col, p.message[:23]) for p in problems.items] == [
        (4, 3, "field 'year' has no '='"),
    ]
    # An eprint meant as an arXiv id but none is said, not dropped in silence.
    problems = Problems()
    (record,) = parse_text("@article{k, title={T}, eprint={2513.00001}}\n", "v.bib", problems)
    assert record.arxiv == ""
    assert [w.message for w in problems.warnings] == [
        "eprint '2513.00001' of entry 'k' is no arXiv identifier (YYMM.NNNNN, with a month"
        " from 01 to 12, or archive/YYMMNNN); left out"
    ]


def test_third_review_of_the_bibtex_fixes():
    # A decoded space would make another DOI: the address's form stays.
    assert _record("  url = {https://doi.org/10.1000/x%20y},\n").doi == "10.1000/x%20y"
    assert _record("  url = {https://doi.org/10.1000/a%C2%ADb},\n").doi == "10.1000/ab"  # soft hyphen
    # A missing '=' with the entry's brace on the next line.
    problems = Problems()
    parse_text("@article{a,\n title = {T},\n year 2020\n}\n", "m.bib", problems)
    assert [(p.location.line, p.location.col) for p in problems.errors] == [(3, 2)]


def test_a_doi_of_invisible_characters_alone_is_none():
    # The fourth review: a no-break space or a zero-width space alone after the prefix
    # was kept encoded, a DOI no other export would match.
    assert _record("  url = {https://doi.org/10.1000/a%C2%A0b},\n").doi == "10.1000/ab"
    assert _record("  url = {https://doi.org/10.1000/%E2%80%8B},\n").doi == ""


def test_an_arxiv_or_doi_address_outside_url_gives_the_id():
    # An eprint that is the arXiv page (with archivePrefix), an arXiv or DOI page in
    # howpublished, an arXiv page in note: a "paper" link only, and no arXiv or DOI badge.
    for fields in (
        "  eprint = {https://arxiv.org/abs/2106.09685}, archivePrefix = {arXiv},\n",
        "  howpublished = {\\url{https://arxiv.org/abs/2106.09685}},\n",
        "  note = {\\url{https://arxiv.org/abs/2106.09685v2}},\n",
        # Mendeley writes the id in arxivId
        "  arxivId = {2106.09685},\n",
    ):
        record = _record(fields)
        assert (record.arxiv, record.year, record.links) == ("2106.09685", "2021", ()), fields
    record = _record("  howpublished = {\\url{https://doi.org/10.1145/3442188.3445922}},\n")
    assert (record.doi, record.links) == ("10.1145/3442188.3445922", ())


def test_a_doi_in_url_is_read_and_one_that_is_no_doi_is_told():
    assert _record("  doi = {\\url{https://doi.org/10.1145/3442188.3445922}},\n").doi == (
        "10.1145/3442188.3445922"
    )
    problems = Problems()
    (record,) = parse_text("@misc{key,\n  title = {T},\n  doi = {n/a}\n}\n", "x.bib", problems)
    assert record.doi == ""
    assert problems.format() == (
        "x.bib:3:10: warning: doi 'n/a' of entry 'key' is no DOI (10.NNNN/...); left out"
    )


def test_arxivs_own_doi_page_in_url_is_no_paper_link():
    # Importing DBLP's export of a CoRR paper gave it a "paper" link to
    # https://doi.org/10.48550/arXiv.2307.09288 beside its arXiv badge: the same page.
    record = _record(
        "  journal = {CoRR},\n  volume = {abs/2307.09288},\n"
        "  url = {https://doi.org/10.48550/arXiv.2307.09288},\n  doi = {10.48550/ARXIV.2307.09288},\n"
        "  eprinttype = {arXiv},\n  eprint = {2307.09288},\n"
    )
    assert (record.arxiv, record.doi, record.links) == ("2307.09288", "", ())
    # Another paper's arXiv DOI stays a link.
    record = _record("  eprint = {2307.09288},\n  url = {https://doi.org/10.48550/arXiv.2106.09685},\n")
    assert [link.url for link in record.links] == ["https://doi.org/10.48550/arXiv.2106.09685"]


SCOPUS = r"""@ARTICLE{Smith2020103385,
	author = {Smith, A. and Jones, B.},
	title = {Learning to rank papers},
	year = {2020},
	journal = {Information Processing and Management},
	volume = {57},
	number = {6},
	doi = {10.1016/j.ipm.2020.103385},
	abstract = {We rank papers. The code is at https://github.com/o/rank. Copyright {\copyright} 2020 Elsevier Ltd. All rights reserved.},
	source = {Scopus}
}
@CONFERENCE{He2016770,
	author = {He, K. and Zhang, X.},
	title = {Deep residual learning for image recognition},
	year = {2016},
	journal = {Proceedings of the IEEE Computer Society Conference on Computer Vision and Pattern Recognition},
	doi = {10.1109/CVPR.2016.90},
	abstract = {Deeper neural networks are more difficult to train. © 2016 IEEE.},
	source = {Scopus}
}
"""


def test_scopus_abstracts_lose_the_publishers_copyright_notice():
    # (A helper's import of realistic exports: Scopus ends each abstract with it, which
    # then conflicted with the abstract of arXiv or the publisher.)
    problems = Problems()
    records = parse_text(SCOPUS, "scopus.bib", problems)
    assert not problems, problems.format()
    assert [r.abstract for r in records] == [
        "We rank papers. The code is at https://github.com/o/rank.",
        "Deeper neural networks are more difficult to train.",
    ]
    assert [link.url for link in records[0].links] == ["https://github.com/o/rank"]
    # What an earlier import took with it, taken out where the file still holds it.
    assert [r.read_before[0].values for r in records] == [
        ("We rank papers. The code is at https://github.com/o/rank. Copyright © 2020 Elsevier Ltd."
         " All rights reserved.",),
        ("Deeper neural networks are more difficult to train. © 2016 IEEE.",),
    ]


def test_only_a_copyright_notice_ending_an_abstract_is_left_out():
    from generator.ingest import without_notice

    kept = [
        "We propose (a) a model, (b) a loss and (c) a schedule.",  # (not a notice)
        "The © sign marks works since 1989 in our corpus.",  # (not at a sentence's start)
        "We study copyright. Copyright law changed in 2019.",  # (no notice's words)
        "We study X. © 2016 IEEE. Our method then beats the baselines on ImageNet.",  # (more text)
        "We study X. © IEEE.",  # (no year: no notice of Scopus' or a publisher's)
        # (a sentence that starts as one, and says something else: a review found each cut)
        "We evaluate on (a) 2017 data and (b) 2018 data. (c) 2019 data is held out for testing.",
        "We study the EU's Copyright Directive. Copyright 2019 reforms changed text mining exceptions.",
    ]
    assert [without_notice(text) for text in kept] == [(text, "") for text in kept]
    assert without_notice(
        "We study X. © 2021 The Authors. Published by Elsevier B.V. This is an open access article"
        " under the CC BY license (http://creativecommons.org/licenses/by/4.0/)."
    ) == ("We study X.", "© 2021 The Authors. Published by Elsevier B.V. This is an open access"
          " article under the CC BY license (http://creativecommons.org/licenses/by/4.0/).")
    assert without_notice("We study X. © The Author(s) 2021.") == ("We study X.", "© The Author(s) 2021.")
    aaai = "Copyright © 2020, Association for the Advancement of Artificial Intelligence (www.aaai.org). All rights reserved."
    assert without_notice(f"We study X. {aaai}") == ("We study X.", aaai)
    mdpi = "© 2021 by the authors. Licensee MDPI, Basel, Switzerland."
    assert without_notice(f"We study X. {mdpi}") == ("We study X.", mdpi)
    assert without_notice("We study X.\n\nCopyright 2020 by the author(s).") == (
        "We study X.", "Copyright 2020 by the author(s).")
