"""The Hugging Face Papers listing text, the seed's format."""

import pytest
from pathlib import Path

from generator.errors import Problems
from generator.ingest import detect_format, parse_text

HEAD = "Get trending papers in your email inbox once a day!\nGet trending papers in your email inbox!\n"
ABSTRACT_A = "We study the first thing. Code: https://github.com/o/a."
ABSTRACT_B = "We study the second thing carefully, with 12\\% gains."


def _parse(text, path="list.txt"):
    problems = Problems()
    records = parse_text(text, path, problems)
    return records, problems


def test_subscribe_glued_to_the_first_title():
    records, problems = _parse(HEAD + f"SubscribeFirst Paper\n{ABSTRACT_A}\nSecond Paper\n{ABSTRACT_B}")
    assert not problems
    assert [r.title for r in records] == ["First Paper", "Second Paper"]
    assert records[1].abstract == "We study the second thing carefully, with 12% gains."
    assert [(l.url, l.repo) for l in records[0].links] == [("https://github.com/o/a", "o/a")]
    assert records[1].source.line == 5


def test_crlf_bom_and_blank_lines_are_tolerated():
    text = "\ufeff" + (HEAD + f"SubscribeFirst Paper\n\n{ABSTRACT_A}\n\n\nSecond Paper\n{ABSTRACT_B}\n").replace("\n", "\r\n")
    records, problems = _parse(text)
    assert not problems
    assert [r.title for r in records] == ["First Paper", "Second Paper"]
    assert records[1].abstract == "We study the second thing carefully, with 12% gains."


def test_truncated_last_record_keeps_what_it_has():
    records, _ = _parse(HEAD + f"SubscribeFirst Paper\n{ABSTRACT_A}\nSecond Paper\nWe study the sec")
    assert records[1].abstract == "We study the sec"
    records, problems = _parse(HEAD + f"SubscribeFirst Paper\n{ABSTRACT_A}\nSecond Paper")
    assert (records[1].title, records[1].abstract) == ("Second Paper", "")
    assert problems.format() == (
        "list.txt:5:1: warning: this title has no abstract after it (the listing looks cut off); "
        "imported without one"
    )


def test_missing_title_is_reported_where_the_parser_lost_its_way():
    long_abstract = "We study another thing. " * 20
    text = HEAD + f"SubscribeFirst Paper\n{ABSTRACT_A}\n{long_abstract}\nThird Paper\n{ABSTRACT_B}"
    records, problems = _parse(text)
    assert records == []
    assert problems.format() == (
        "list.txt:5:1: expected a paper title, found 479 characters of running text; "
        "a title or an abstract is probably missing just before this line"
    )


def test_missing_abstract_is_reported_at_the_title_read_as_abstract():
    text = HEAD + f"SubscribeFirst Paper\nSecond Paper\nThird Paper\n{ABSTRACT_B}"
    _, problems = _parse(text)
    assert problems.format() == (
        "list.txt:4:1: expected the abstract of the paper on line 3, found a short line "
        "that reads like a title; an abstract is probably missing here"
    )


def test_unknown_layout_is_an_error_naming_the_first_line():
    _, problems = _parse("\n\nJust some notes\nabout papers\n", "notes.txt")
    assert str(problems.errors[0]).startswith("notes.txt:3:1: unknown layout:")


def test_format_is_detected_from_content():
    assert detect_format(HEAD + "SubscribeX\nY.") == "hf"
    assert detect_format("% c\n@article{k, title={T}}") == "bibtex"
    assert detect_format("hello") is None


@pytest.mark.example
def test_the_seed_gives_180_records_with_exact_titles():
    seed = Path(__file__).parents[2] / "content" / "sources" / "000_19bd02ae25786342.txt"
    records, problems = _parse(seed.read_text(encoding="utf-8"), str(seed))
    assert not problems
    assert len(records) == 180
    assert records[0].title == (
        "Investigating the Pre-Training Dynamics of In-Context Learning: Task Recognition vs. Task Learning"
    )
    lines = seed.read_text(encoding="utf-8").split("\n")
    assert [r.title for r in records[1:]] == [lines[i].strip() for i in range(4, 362, 2)]


def test_code_link_is_official_when_its_sentence_says_the_authors_released_it():
    text = HEAD + (
        "SubscribeA Paper\nWe did X. Our code is available at https://github.com/me/x. "
        "We compare with https://github.com/other/y.\n"
        "B Paper\nWe did Y. Code and project website: https://github.com/me/site.\n"
    )
    records, _ = _parse(text)
    assert [(l.repo, l.official) for l in records[0].links] == [("me/x", True), ("other/y", False)]
    assert [(l.repo, l.official) for l in records[1].links] == [("me/site", True)]


def test_a_site_its_sentence_calls_code_is_a_project_page_a_repository_code():
    # A reader's audit: "39 with code" counted four sites (aka.ms, a Google site, a lab's
    # server, a github.io page) the import had made code for their sentences' words, and
    # papers.json's repositories were 34. A site that is no repository is a project page
    # (the curator moves it to `code:` when it is the code); a repository stays code.
    text = HEAD + (
        "SubscribeA Paper\nWe did X. Our code can be found at https://aka.ms/LearningLaw.\n"
        "B Paper\nWe did Y. Videos are at https://example.org/videos and the data at"
        " https://example.org/data.\n"
        "C Paper\nWe did Z. We build on https://github.com/other/z.\n"
        "D Paper\nWe release an open-source benchmark at https://bench.example.org. Data"
        " source: https://data.example.gov/x\n"
    )
    records, _ = _parse(text)
    assert [(l.kind, l.official, l.repo) for r in records for l in r.links] == [
        ("project", False, ""),  # "Our code can be found at": a site, not a repository
        ("project", False, ""), ("project", False, ""),
        ("code", False, "other/z"),  # a repository with no words about it stays code
        ("project", False, ""), ("project", False, ""),  # "open-source", "data source"
    ]


def test_a_site_the_words_after_it_say_holds_the_code_is_a_project_page():
    text = HEAD + (
        # LIBERO's abstract, in the shipped listing
        "SubscribeA Paper\nWe did X. Check the website at https://libero-project.github.io for"
        " the code and the datasets.\n"
        "B Paper\nWe did Y. See https://me.gitlab.io/y (code and data).\n"
        "C Paper\nWe did Z. Project page: https://me.github.io/z, code: https://github.com/me/z.\n"
        "D Paper\nWe did W. See https://bench.example.org for code generation results, and"
        " https://other.example.org for the code of the baselines.\n"
        "E Paper\nWe did V. See https://github.com.github.io/v for the code.\n"
        "F Paper\nWe did T. See https://a.github.io for the code and https://b.github.io for"
        " the videos. Our code generation benchmark is at https://c.example.org.\n"
        # The same words after a repository still say whose code it is.
        "G Paper\nWe did S. See https://github.com/me/g (code and data).\n"
        "H Paper\nWe did R. See https://github.com/other/h for the code of the baselines.\n"
    )
    records, _ = _parse(text)
    assert [[(l.kind, l.official, l.repo) for l in r.links] for r in records] == [
        [("project", False, "")],  # "for the code": a site, whatever it holds
        [("project", False, "")],
        [("project", False, ""), ("code", True, "me/z")],  # ", code:" is the next address's
        [("project", False, ""), ("project", False, "")],  # code as a subject, others' code
        [("project", False, "")],  # a look-alike of github.com is never code
        [("project", False, ""), ("project", False, ""), ("project", False, "")],
        [("code", True, "me/g")],  # "(code and data)": the paper's own
        [("code", False, "other/h")],  # the baselines' code
    ]


def test_a_repository_stays_code_whatever_its_sentence_calls_it():
    # Both are "project page" sentences in the shipped listing: the survey's repository
    # is a list of papers, Teachable_RL's holds the code. No sentence tells them apart;
    # the curator moves a link by hand where it is not code.
    text = HEAD + (
        "SubscribeA Paper\nWe did X. Project page of this work can be found at:"
        " https://github.com/ShuheWang1998/Reinforcement-Learning-Enhanced-LLMs-A-Survey.\n"
        "B Paper\nWe did Y. Project website: https://github.com/sled-group/Teachable_RL\n"
        "C Paper\nWe did Z. Code and project page are at https://github.com/me/z.\n"
        "D Paper\nWe did V. Project page: https://huggingface.co/spaces/me/v.\n"
    )
    records, _ = _parse(text)
    assert [[(l.kind, l.host, l.repo) for l in r.links] for r in records] == [
        [("code", "github", "ShuheWang1998/Reinforcement-Learning-Enhanced-LLMs-A-Survey")],
        [("code", "github", "sled-group/Teachable_RL")],
        [("code", "github", "me/z")],
        [("code", "huggingface", "spaces/me/v")],
    ]


def test_code_is_at_says_the_code_is_the_authors_own():
    text = HEAD + (
        "SubscribeA Paper\nWe did X. Code is at \\url{https://github.com/me/x}.\n"
        "B Paper\nWe did Y. Our implementation is on https://github.com/me/y.\n"
        "C Paper\nWe build on the baseline at https://github.com/other/z.\n"
    )
    records, _ = _parse(text)
    assert [(l.repo, l.official) for r in records for l in r.links] == [
        ("me/x", True), ("me/y", True), ("other/z", False)
    ]


def test_code_its_sentence_says_is_someone_elses_is_not_official():
    # "available", "official" and "our" in these sentences made each an official badge:
    # the page said the paper's authors released MAML's, LoRA's or ViT's code.
    text = HEAD + (
        "SubscribeA Paper\nWe did X. We compare with MAML, whose code is available at"
        " https://github.com/cbfinn/maml.\n"
        "B Paper\nWe did Y. Our method builds on the publicly available implementation of"
        " LoRA (https://github.com/microsoft/LoRA).\n"
        "C Paper\nWe did Z. We build on the official implementation of ViT, available at"
        " https://github.com/google-research/vision_transformer.\n"
        "D Paper\nWe did W. Baselines use the code of the original authors, available at"
        " https://github.com/them/w.\n"
        "E Paper\nWe did V. Our code, based on https://github.com/them/base, is at"
        " https://github.com/me/v.\n"
        "G Paper\nWe did S. Our code builds on LoRA, which is available at https://github.com/microsoft/LoRA.\n"
        "F Paper\nWe did U. The corpus, released by Smith and Jones at"
        " https://github.com/smith/corpus, and our code, released by us at https://github.com/me/u.\n"
    )
    records, _ = _parse(text)
    assert [[(l.repo, l.official) for l in r.links] for r in records] == [
        [("cbfinn/maml", False)],
        [("microsoft/LoRA", False)],
        [("google-research/vision_transformer", False)],
        [("them/w", False)],
        [("them/base", False), ("me/v", True)],  # only the words since the last address
        [("microsoft/LoRA", False)],
        [("smith/corpus", False), ("me/u", True)],
    ]
    # Built on something, the paper's own code is still the paper's, and so are its baselines.
    text = HEAD + (
        "SubscribeA Paper\nWe did X. Our code is based on PyTorch and is available at"
        " https://github.com/me/x.\n"
        "B Paper\nWe did Y. Our implementation, built on Transformers, is available at"
        " https://github.com/me/y.\n"
        "C Paper\nWe did Z. Our code and baselines are available at https://github.com/me/z.\n"
    )
    records, _ = _parse(text)
    assert [(l.repo, l.official) for r in records for l in r.links] == [
        ("me/x", True), ("me/y", True), ("me/z", True)]
    # ... and so when what the method is built on comes first, and the sentence then
    # releases the paper's code (a review: each was unofficial, as official before).
    text = HEAD + (
        "SubscribeA Paper\nWe did X. We propose FooNet, a framework based on diffusion models,"
        " and release our code at https://github.com/me/a.\n"
        "B Paper\nWe did Y. We introduce a benchmark derived from Wikipedia and make our code"
        " publicly available at https://github.com/me/b.\n"
        "C Paper\nWe did Z. We present a model based on transformers that beats CNNs, with code"
        " available at https://github.com/me/c.\n"
        "D Paper\nWe did W. Our code builds on LoRA, and we make it available at https://github.com/me/d.\n"
        "G Paper\nWe did T. Our code can be obtained from https://github.com/me/g.\n"
        "H Paper\nWe did R. Our code and data can be freely downloaded from https://github.com/me/h.\n"
        # (not: what it is built on, its own, and the paper using it)
        "E Paper\nWe did V. Our method builds on our earlier model (https://github.com/me/old).\n"
        "F Paper\nWe did U. Our approach builds on CLIP, and we use its implementation"
        " (https://github.com/openai/CLIP).\n"
        "I Paper\nWe did Q. Our model is based on BERT, and we use the checkpoint released at"
        " https://github.com/google-research/bert.\n"
    )
    records, _ = _parse(text)
    assert [(l.repo, l.official) for r in records for l in r.links] == [
        ("me/a", True), ("me/b", True), ("me/c", True), ("me/d", True), ("me/g", True), ("me/h", True),
        ("me/old", False), ("openai/CLIP", False), ("google-research/bert", False)]
    # (but what the code was obtained from is another's)
    records, _ = _parse(HEAD + "SubscribeA Paper\nWe did X. Our code uses weights obtained from https://github.com/other/w.\n")
    assert [(l.repo, l.official) for r in records for l in r.links] == [("other/w", False)]


def test_an_endnote_export_is_told_what_to_do_and_an_ris_export_is_read():
    # A curator's review: an RIS file was "unknown layout: expected a Hugging Face Papers
    # listing ...", which says nothing of the exports every reference manager has. RIS is
    # read now (tests/ingest/test_ris.py); EndNote's own tagged format is not, and says
    # which of its exports is.
    problems = Problems()
    (record,) = parse_text("\nTY  - JOUR\nTI  - A Paper\nAU  - Doe, Jane\nER  - \n", "lab.ris", problems)
    assert (record.title, record.authors, record.source.line) == ("A Paper", ("Jane Doe",), 2)
    assert not problems.items
    assert parse_text("%0 Journal Article\n%T A Paper\n", "lab.enw", problems) == []
    assert [str(p) for p in problems.items] == [
        "lab.enw:1:1: this is an EndNote export ('%0 Journal Article'), which import does not read:"
        " export the papers as RIS or BibTeX from EndNote (File > Export, or a style such as"
        " 'RefMan (RIS) Export' or 'BibTeX Export') and import that",
    ]


def test_pubmeds_and_web_of_sciences_tagged_exports_are_told_what_to_do():
    # (A helper's import of realistic exports: each was "unknown layout".) PubMed's
    # .nbib, as "Send to: Citation manager" saves it, starts with a blank line.
    nbib = (
        "\nPMID- 34265844\nOWN - NLM\nSTAT- MEDLINE\nDCOM- 20210730\n"
        "TI  - Highly accurate protein structure prediction with AlphaFold.\n"
        "PG  - 583-589\nAU  - Jumper J\nFAU - Jumper, John\n"
    )
    wos = (
        "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Jumper, J\n"
        "TI Highly accurate protein structure prediction with AlphaFold\nSO NATURE\nER\n\nEF\n"
    )
    problems = Problems()
    assert parse_text(nbib, "pubmed-alphafold.nbib", problems) == []
    assert parse_text(wos, "savedrecs.txt", problems) == []
    assert [str(p) for p in problems.items] == [
        "pubmed-alphafold.nbib:2:1: this is a PubMed (MEDLINE) export ('PMID- 34265844'), which"
        " import does not read: PubMed exports neither RIS nor BibTeX, so open this file in a"
        " reference manager (Zotero reads .nbib files), export the papers from it as RIS or BibTeX"
        " and import that, or add each paper by its DOI (readinglist add 10.1038/...)",
        "savedrecs.txt:1:1: this is a Web of Science export ('FN Clarivate Analytics Web of"
        " Science'), which import does not read: export the papers from Web of Science as 'RIS"
        " (other reference software)' or 'BibTeX' (Export, above its list of records) and import that",
    ]
