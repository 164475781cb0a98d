"""A hand-kept Markdown list of papers (an "awesome list"), `import --format markdown`.

The files in tests/data/markdown_lists/ are excerpts of real lists, each naming its
source in its first line; every expected value below was read off the excerpt by hand.
"""

import string
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.errors import Problems
from generator.ingest import detect_format, parse_text
from generator.ingest.markdownlist import _LABELS, _label, parse_markdown_list

LISTS = Path(__file__).parent.parent / "data" / "markdown_lists"


def _parse(text, path="list.md", fmt=None):
    problems = Problems()
    records = parse_text(text, path, problems, fmt)
    return records, problems


def _file(name):
    path = LISTS / name
    return _parse(path.read_text(encoding="utf-8"), str(path))


def _links(record):
    return [(link.kind, link.url) for link in record.links]


def test_apa_items_give_title_authors_ids_venue_year_and_headings():
    records, problems = _file("thuml.md")
    by_line = {r.source.line: r for r in records}
    assert sorted(by_line) == [11, 12, 13, 24, 35, 36, 37]
    survey = by_line[11]
    assert survey.title == "Multi-Task Learning for Dense Prediction Tasks: A Survey"
    assert survey.authors == ("S. Vandenhende", "S. Georgoulis", "M. Proesmans", "D. Dai", "L. Van Gool")
    assert (survey.arxiv, survey.venue, survey.year) == ("2004.13379", "TPAMI", "2021")
    assert survey.links == ()  # (the arXiv page is the arXiv badge's)
    assert survey.tags == ("Survey",)  # not the list's own name, the level-1 heading
    # "arXiv" beside the paper's arXiv link: its id, and no venue (as BibTeX's "arXiv preprint")
    assert (by_line[12].venue, by_line[12].year, by_line[12].authors) == ("", "2020", ("M. Crawshaw",))
    doi = by_line[13]
    assert doi.doi == "10.1016/j.patrec.2020.05.031"
    assert (doi.venue, doi.year, doi.authors) == ("Pattern Recognition Letters", "2020", ("J. Worsham", "J. Kalita"))
    # A paper in an item nested under a dataset's item; its "(2012)." after the names.
    nested = by_line[24]
    assert nested.title == "Indoor Segmentation and Support Inference from RGBD Images"
    assert nested.authors == ("N. Silberman", "D. Hoiem", "P. Kohli", "R. Fergus")
    assert (nested.venue, nested.year) == ("ECCV", "2012")
    assert _links(nested) == [("pdf", "https://cs.nyu.edu/~silberman/papers/indoor_seg_support.pdf")]
    assert nested.tags == ("Benchmark & Dataset", "Computer Vision")
    assert (by_line[35].venue, by_line[35].year) == ("EMNLP Systems Demonstrations", "2020")
    assert by_line[35].authors[1] == "A. Rücklé"
    # "**[MTAN]**", the method's name, is no author.
    assert by_line[36].authors == ("S. Liu", "E. Johns", "A. J. Davison")
    assert by_line[36].tags == ("Architecture", "Modulation & Adapters")
    # "..." in the names: the list is cut short.
    assert by_line[37].authors[-2:] == ("Z. Wang", "others")
    assert by_line[37].title.startswith("M$^ 3$ViT: Mixture-of-Experts")  # (as typed)
    # The code base (LibMTL), the datasets and the table of contents are no papers;
    # "See: [MGDA](...), [Pareto MTL](...), [IT-MTL](...)" links three.
    assert [str(p) for p in problems.items] == [
        # (at its nested item's "-", column 3: fix19)
        f"{LISTS / 'thuml.md'}:21:3: warning: this item links 3 papers (http://arxiv.org/abs/1810.04650,"
        " http://papers.nips.cc/paper/9374-pareto-multi-task-learning.pdf, https://arxiv.org/abs/2010.15413);"
        " not imported: give each paper an item of its own to import it"
    ]


def test_table_rows_read_by_their_columns():
    records, problems = _file("ghy0501.md")
    assert not problems
    assert [r.source.line for r in records] == [7, 15, 16, 17, 23]
    slim, tree, moral, sdft = records[1:]
    assert slim.title == "SLIM: Let LLM Learn More and Forget Less with Soft LoRA and Identity Mixture"
    assert (slim.venue, slim.year) == ("NAACL", "2025")
    assert _links(slim) == [("pdf", "https://aclanthology.org/2025.naacl-long.246.pdf")]
    assert tree.arxiv == "2506.10355"
    assert ("code", "https://github.com/ZinYY/TreeLoRA") in _links(tree)
    # Its paper link "(https://arxiv.org/pdf/2506.10355?)" without the '?' check warns of.
    assert ("pdf", "https://arxiv.org/pdf/2506.10355") in _links(tree)
    assert (moral.venue, moral.year, moral.arxiv) == ("", "2024", "2402.11260")  # "arXiv 2024.02", its id
    # A link the row's Code column calls code is code, on a host that says nothing.
    assert _links(sdft) == [("code", "http://idanshenfeld.com/SDFT")]
    assert sdft.tags == ("Continual Learning in Large Language Model", "RL / RFT-based Approaches")
    # A list item whose paper link is labelled: the words before it are the title.
    bench = records[0]
    assert bench.title == "UCo-VQA Benchmark"
    assert [kind for kind, _ in _links(bench)] == ["pdf", "code"]
    assert bench.tags[0] == "Benchmarks for Continual Learning in Generative Models"  # (no emoji)


def test_venue_prefix_and_year_headings():
    records, problems = _file("yuyangsunshine.md")
    assert not problems
    assert [(r.source.line, r.venue, r.year) for r in records] == [
        (8, "ICLR", "2025"), (9, "IEEE Trans. Multimedia", "2025"), (12, "Neurips", "2022"),
    ]
    assert records[0].title == "C-CLIP: Multimodal Continual Learning for Vision-Language Model"
    assert _links(records[0]) == [
        ("pdf", "https://openreview.net/pdf?id=sb7qHFYwBc"), ("code", "https://github.com/SmallPigPeppa/C-CLIP"),
    ]
    assert records[2].arxiv == "2207.12819"
    # A year heading is no tag, nor is "Papers", which only says that papers follow (a
    # curator's review: every paper of such a list was tagged "Papers").
    assert all(r.tags == () for r in records)


def test_items_without_links_name_papers_by_venue_and_year():
    records, problems = _file("feifeiobama.md")
    assert not problems
    assert [(r.title, r.venue, r.year) for r in records] == [
        ("Embracing Change: Continual Learning in Deep Neural Networks", "Trends in Cognitive Science", "2020"),
        ("An Introduction to Lifelong Supervised Learning", "arXiv", "2022"),
        ("iCaRL: Incremental Classifier and Representation Learning", "CVPR", "2017"),
        ("Computationally Budgeted Continual Learning: What Does Matter?", "CVPR", "2023"),
    ]
    assert records[2].tags == ("Replay-based", "Memory replay")
    # No links in it: only its name says what it is.
    assert detect_format((LISTS / "feifeiobama.md").read_text()) is None
    assert [r.title for r in _parse((LISTS / "feifeiobama.md").read_text(), "x.md")[0]][0].startswith("Embracing")


def test_emphasised_authors_and_a_badge_paragraph_after_the_item():
    records, problems = _file("xnhyacinth.md")
    assert not problems
    two, arithmetic = records
    assert two.title == "Two are better than one: Context window extension with multi-grained self-injection"
    assert two.authors == ("Wei Han", "Pan Zhou", "Soujanya Poria", "Shuicheng Yan")
    assert (two.venue, two.year, two.source.line) == ("", "2024", 8)  # ("arXiv 2024", an arXiv link)
    # The stars badge on the paragraph after item 72 links its repository.
    assert _links(two) == [("code", "https://github.com/Clement25/SharedLLM")]
    assert (arithmetic.venue, arithmetic.year, len(arithmetic.authors)) == ("NeurIPS", "2024", 11)
    assert _links(arithmetic) == [("paper", "https://openreview.net/forum?id=cBFsFt1nDW")]
    assert arithmetic.tags == ("Length Extrapolation",)  # ("5." is the section's number)


AWESOME = """\
# Awesome X
[![Awesome](https://awesome.re/badge.svg)](https://awesome.re)

## Contents
- [Agents](#agents)

## Agents
- [Some Paper Title](https://arxiv.org/abs/2301.00001) - Ada Lovelace et al., *NeurIPS 2023*. [[code](https://github.com/o/r)] [[project](https://o.github.io/r)]
- [Another `Title` with *stars*](https://doi.org/10.1145/3442188.3445922) - Alan Turing, Grace Hopper, ICLR'24. [[Official Code](https://lab.example.org/code)] [[video](https://www.youtube.com/watch?v=abc)]
- Contributions welcome! See [CONTRIBUTING](CONTRIBUTING.md).
"""


def test_the_common_awesome_item():
    records, problems = _parse(AWESOME)
    assert not problems
    first, second = records
    assert (first.title, first.arxiv, first.venue, first.year) == ("Some Paper Title", "2301.00001", "NeurIPS", "2023")
    assert first.authors == ("Ada Lovelace", "others")
    assert _links(first) == [("code", "https://github.com/o/r"), ("project", "https://o.github.io/r")]
    assert first.source.line == 8 and first.tags == ("Agents",)
    # Markdown in a title is read as what it shows, never kept as markup.
    assert second.title == "Another Title with stars"
    assert (second.doi, second.venue, second.year) == ("10.1145/3442188.3445922", "ICLR", "2024")
    assert second.authors == ("Alan Turing", "Grace Hopper")
    code, video = second.links
    assert (code.kind, code.official, video.kind) == ("code", True, "video")


def test_detected_from_content_and_from_the_md_extension():
    assert detect_format(AWESOME) == "markdown"
    assert detect_format("@article{k, title={T}}") == "bibtex"
    records, problems = _parse("* (ICML 21) A Linkless Paper\n", "reading.md")
    assert [r.title for r in records] == ["A Linkless Paper"] and not problems
    _, problems = _parse("* (ICML 21) A Linkless Paper\n", "reading.txt")
    assert "unknown layout" in str(problems.errors[0]) and "Markdown list" in str(problems.errors[0])


def test_a_md_file_is_a_list_whatever_code_block_it_shows():
    # Awesome lists end with how to cite them: a BibTeX (or RIS) entry in a code block.
    # Read by its content, the file was that one entry, and the list's papers were left out.
    for citation in ("@article{us2024,\n  title={Awesome X},\n}", "TY  - JOUR\nTI  - Awesome X\nER  - "):
        text = (
            "# Awesome X\n\n- [Paper A](https://arxiv.org/abs/2101.00001) - NeurIPS 2021\n\n"
            f"## Citation\n\n```\n{citation}\n```\n"
        )
        records, problems = _parse(text, "README.md")
        assert [(r.title, r.arxiv) for r in records] == [("Paper A", "2101.00001")]
        assert not problems.has_errors()


# What a relative link of a paper imported is said with (imp42), at the link's address
# (rev133: at its item's marker before, "list.md:1:1", one of many links on a line).
_RELATIVE = (
    "list.md:{where}: warning: the link '{url}' is relative, a file of the list's repository as GitHub opens it,"
    " and not imported with this paper ('{title}'); to import it, write its https address in the list"
    " (https://github.com/OWNER/REPO/blob/BRANCH/PATH, as GitHub shows the file)"
)


def test_a_relative_link_is_said_where_its_address_stands():
    # (rev133) Said at its item's marker ("list.md:1:1"), the link was one of many on a
    # line, or on the item's next line: now at its address. A reference's link ("[code][c]",
    # its address far below) is said at the item, and never at the next item's same link.
    records, problems = _parse(
        "- [A Paper](https://arxiv.org/abs/2301.00001)\n  and more [code](src/a.py)\n"
        "- [B Paper](https://arxiv.org/abs/2301.00002) [code][c]\n"
        "- [C Paper](https://arxiv.org/abs/2301.00003) [code](<src/a.py>)\n\n[c]: src/a.py\n"
    )
    assert [r.title for r in records] == ["A Paper", "B Paper", "C Paper"]
    assert [str(p).split(": warning")[0] for p in problems.items] == ["list.md:2:19", "list.md:3:1", "list.md:4:55"]


def _said_links(problems):
    """The links each "has no 'https://'" warning quotes."""
    return [str(p).split(" has no")[0].split("link ")[1] for p in problems.items]


def test_a_paper_link_without_a_title_is_warned_at_its_line():
    records, problems = _parse("# L\n\n- [[PDF](https://arxiv.org/pdf/2301.00002)] [[Code](https://github.com/o/s)]\n")
    assert records == []
    assert [str(p) for p in problems.items] == [
        "list.md:3:1: warning: this item links a paper (https://arxiv.org/pdf/2301.00002) but gives no title;"
        " not imported: write the title as the link's text or before the links, or add the paper by its id:"
        " readinglist add 2301.00002"
    ]


def test_a_paper_linked_alone_is_told_the_command_that_adds_it_by_its_id():
    # (fix34) "<https://arxiv.org/abs/2106.09685>" alone: no title to make a paper of
    # (a BibTeX entry without one is none either), but its id is all `add` needs.
    text = "- <https://arxiv.org/abs/2106.09685>\n- <https://doi.org/10.1145/3442188.3445922>\n- <https://openreview.net/pdf?id=x>\n"
    records, problems = _parse(text)
    assert records == []
    assert [str(p).split("before the links")[1] for p in problems.items] == [
        ", or add the paper by its id: readinglist add 2106.09685",
        ", or add the paper by its id: readinglist add 10.1145/3442188.3445922",
        "",  # (an OpenReview page: no id `add` reads)
    ]


def test_a_hugging_face_papers_page_names_its_arxiv_paper():
    # (fix35) huggingface.co/papers/2106.09685 is the site's page of arXiv paper
    # 2106.09685: alone, told the `add` that imports it as an arXiv link is; with a
    # title, the paper's arXiv id and year, as an arxiv.org link gives them (its link kept).
    records, problems = _parse("- <https://huggingface.co/papers/2106.09685>\n")
    assert records == []
    assert [str(p).split("before the links")[1] for p in problems.items] == [
        ", or add the paper by its id: readinglist add 2106.09685",
    ]
    records, problems = _parse(
        "## 2023\n\n- [LoRA](https://huggingface.co/papers/2106.09685)\n- [Mistral 7B](https://hf.co/papers/2310.06825v1)"
        " [[arXiv](https://arxiv.org/abs/2310.06825)]\n- [Daily Papers](https://huggingface.co/papers/trending) (2024)\n"
    )
    assert [(r.title, r.arxiv, r.year, _links(r)) for r in records] == [
        ("LoRA", "2106.09685", "2021", [("paper", "https://huggingface.co/papers/2106.09685")]),
        ("Mistral 7B", "2310.06825", "2023", [("paper", "https://hf.co/papers/2310.06825v1")]),
    ]


def test_an_item_linking_a_papers_hugging_face_page_and_its_arxiv_page_is_one_paper_with_one_badge_of_each():
    # (rev127) Both pages of one arXiv paper: one paper, its id once, the arXiv page left
    # to its badge and Hugging Face's page once (no second badge of it from the id).
    from generator.badges import paper_badges
    from generator.models import Paper

    records, problems = _parse(
        "- [Mistral 7B](https://arxiv.org/abs/2310.06825v2) [[HF](https://huggingface.co/papers/2310.06825)]\n"
    )
    assert problems.items == []
    (record,) = records
    assert (record.arxiv, _links(record)) == ("2310.06825", [("paper", "https://huggingface.co/papers/2310.06825")])
    badges = paper_badges(Paper("m", record.title, "", arxiv=record.arxiv, links=record.links))
    assert [b.href for b in badges if "huggingface.co/papers" in b.href or "arxiv.org" in b.href] == [
        "https://arxiv.org/abs/2310.06825", "https://huggingface.co/papers/2310.06825",
    ]


def test_an_item_whose_links_name_two_arxiv_papers_is_told_which_it_takes():
    # (rev127) Hugging Face's page of one paper and arXiv's of another (or two arXiv
    # pages, one labelled): the paper took the first id and kept the other as a link,
    # unsaid. Now said at the item; nothing is lost (the other stays a link).
    for first, second in (
        ("https://huggingface.co/papers/2106.09685", "https://arxiv.org/abs/2310.06825"),
        ("https://arxiv.org/abs/2106.09685", "https://hf.co/papers/2310.06825"),
        ("https://arxiv.org/abs/2106.09685", "https://arxiv.org/pdf/2310.06825"),
    ):
        records, problems = _parse(f"# L\n\n- [LoRA]({first}) [[paper]({second})]\n")
        (record,) = records
        assert record.arxiv == "2106.09685" and second in [link.url for link in record.links]
        assert [str(p) for p in problems.items] == [
            "list.md:3:1: warning: this item's links name 2 arXiv papers (2106.09685, 2310.06825): imported as"
            " 2106.09685, its first link's, the others kept as its links; correct the link to another paper, or"
            " give that paper an item of its own",
        ]


def test_a_list_with_no_paper_says_so():
    records, problems = _parse("# Notes\n\n- [Home](#home)\n- just words\n", "notes.md")
    assert records == []
    # An error, as for a .bib without entries: a warning let the import keep the list in
    # content/sources/ and exit 0, having imported nothing.
    assert len(problems.errors) == len(problems.items) == 1
    assert str(problems.errors[0]).startswith("notes.md:1:1: found no paper in this Markdown list: ")


def test_only_web_addresses_are_taken():
    text = (
        "- [A Paper](https://arxiv.org/abs/2301.00001) [[code](javascript:alert(1))]"
        " [[data](data:text/html,x)] [[mail](mailto:a@b.c)] [[local](./x.pdf)]\n"
    )
    records, problems = _parse(text)
    assert records[0].links == ()
    assert [str(p) for p in problems.items] == [_RELATIVE.format(url="./x.pdf", title="A Paper", where="1:136")]


def test_a_link_written_without_https_is_read_as_https_and_said():
    # (hunt18) "[paper](arxiv.org/abs/2111.06377)", as curators type it: GitHub links it
    # to a file of the list's repository, and the import dropped it as a relative link,
    # in silence: the paper lost its arXiv id, its code its link. A BibTeX \url{...} and
    # a paper file's url without the scheme are read, or told, as https.
    text = (
        "- **Masked Autoencoders Are Scalable Vision Learners** (CVPR 2022)"
        " [paper](arxiv.org/abs/2111.06377) [code](https//github.com/facebookresearch/mae)\n"
        "- [A Paper](https://arxiv.org/abs/2301.00001) [[local](docs/x.pdf)] [[notes](notes.md)]\n"
    )
    records, problems = _parse(text)
    assert records[0].arxiv == "2111.06377"
    assert _links(records[0]) == [("code", "https://github.com/facebookresearch/mae")]
    assert records[1].links == ()  # (a file of the list's own repository: no site's address)
    assert [str(p) for p in problems.items] == [
        "list.md:1:1: warning: the link 'arxiv.org/abs/2111.06377' has no 'https://': read as"
        " https://arxiv.org/abs/2111.06377; write it so in the list, where GitHub opens it as"
        " a file of the list's repository",
        "list.md:1:1: warning: the link 'https//github.com/facebookresearch/mae' has no 'https://':"
        " read as https://github.com/facebookresearch/mae; write it so in the list, where GitHub"
        " opens it as a file of the list's repository",
        _RELATIVE.format(url="docs/x.pdf", title="A Paper", where="2:56"),
        _RELATIVE.format(url="notes.md", title="A Paper", where="2:78"),
    ]


def test_a_relative_link_of_a_paper_is_said_not_imported():
    # (imp42) "[code](docs/x.md)", "./setup.md", "../x": a file of the list's repository,
    # as GitHub opens it, no address a paper's page can link. It was left out unsaid;
    # now each is said once, at the item, with what to write. A place in the list's own
    # page ("#a"), mail and scripts are no file, and an item that is no paper ("the
    # list's own "[Contributing](CONTRIBUTING.md)") imports nothing to say it of.
    records, problems = _parse(
        "- [A Paper](https://arxiv.org/abs/2301.00001) [[code](docs/x.md)] [[setup](./setup.md)]"
        " [[up](../x)] [[root](/data/y.csv)] [[top](#a)] [[mail](mailto:a@b.c)] [[again](docs/x.md)]\n"
        "- [Contributing](CONTRIBUTING.md)\n"
        "\n| Title | Code |\n|---|---|\n| [B Paper](https://arxiv.org/abs/2301.00002) | [code](src/) |\n"
    )
    assert [(r.title, r.links) for r in records] == [("A Paper", ()), ("B Paper", ())]
    said = [
        _RELATIVE.format(url=url, title="A Paper", where=f"1:{col}")
        for url, col in (("docs/x.md", 55), ("./setup.md", 76), ("../x", 95), ("/data/y.csv", 110))
    ]
    assert [str(p) for p in problems.items] == [*said, _RELATIVE.format(url="src/", title="B Paper", where="6:56")]


def test_a_venue_and_year_in_parentheses_before_a_comma_and_the_link_is_read():
    # (rev122) hunt18's "Title, NeurIPS 2023, [paper](…)" in parentheses: "Title (ICLR
    # 2022), [paper](…)" was imported titled "Title (ICLR 2022)", no venue, arXiv's year.
    link = "[paper](https://arxiv.org/abs/2301.00001)"
    for item in (f"- Perceiver IO (ICLR 2022), {link}", f"- Perceiver IO, (ICLR 2022), {link}",
                 f"- Perceiver IO (ICLR 2022), {link}, [code](https://github.com/o/r)"):
        records, problems = _parse(item + "\n")
        assert not problems
        assert [(r.title, r.venue, r.year) for r in records] == [("Perceiver IO", "ICLR", "2022")], item
    # (a title's own parentheses stay: no venue in them)
    records, _ = _parse(f"- Learning (Fast and Slow), {link}\n")
    assert [(r.title, r.venue) for r in records] == [("Learning (Fast and Slow)", "")]


def _files_and_sites(files, sites, told=()):
    """A list's first item links each of ``files`` with no scheme, and its second the
    paper on arXiv and each of ``sites`` so: each file is of the list's repository (no
    link; said only for those of ``told``, a file's name that is a site's too), each
    site read as https and said; every other file is said relative (`_RELATIVE`)."""
    first = "- [A Paper](https://arxiv.org/abs/2301.00001)" + "".join(f" [[x]({f})]" for f in files)
    records, problems = _parse(
        first + "\n"
        "- [B Paper](arxiv.org/abs/2301.00002)" + "".join(f" [[code]({s})]" for s in sites) + "\n"
    )
    assert records[0].links == ()
    assert records[1].arxiv == "2301.00002"
    assert [link.url for link in records[1].links] == [f"https://{site}" for site in sites]
    said = [p for p in problems.items if "is read as a file" not in str(p) and "is relative" not in str(p)]
    assert [str(p) for p in problems.items if "is relative" in str(p)] == [
        _RELATIVE.format(url=url, title="A Paper", where=f"1:{first.index(f'({url})') + 2}")
        for url in dict.fromkeys(files) if url not in told
    ]
    assert _said_links(Problems(said)) == [f"'{url}'" for url in ("arxiv.org/abs/2301.00002", *sites)]
    assert [str(p) for p in problems.items if "is read as a file" in str(p)] == [
        f"list.md:1:1: warning: the link '{url}' is read as a file of the list's repository, as GitHub opens it"
        f" ('{url.split('/')[0]}' a file's name), and not imported; if it is a site, write https://{url} in the list"
        for url in told
    ]


def test_a_relative_link_with_a_dotted_folder_is_no_site():
    # (fix34) "docs.old/x.md" was read as https://docs.old/x.md, and said so: a folder's
    # name with a dot is no site's unless its last label is a top-level domain.
    _files_and_sites(["docs.old/x.md", "v1.2/notes.md", "paper.bak/x.pdf"], ["github.com/o/r", "www.example.edu/b"])


def test_a_site_of_a_country_whose_domains_are_all_second_level_is_still_a_site():
    # (rev124) The Public Suffix List names Bangladesh's, Nepal's, Jamaica's... domains
    # only under a wildcard ("*.bd"): fix34's list, its plain names, had none of them, so
    # "www.buet.ac.bd/lab" was taken for a file of the list's repository and left out
    # unsaid. IANA's list (links.is_top_level_domain, linkify-it's) has every one.
    text = "- [A Paper](https://arxiv.org/abs/2301.00001) [[project](www.buet.ac.bd/lab)] [[code](tu.edu.np/x)]\n"
    records, problems = _parse(text)
    assert [link.url for link in records[0].links] == ["https://www.buet.ac.bd/lab", "https://tu.edu.np/x"]
    assert _said_links(problems) == [
        "'www.buet.ac.bd/lab'", "'tu.edu.np/x'",
    ]


def test_a_sites_name_alone_with_www_is_a_site_not_a_relative_file():
    # (rev133) "[project](www.example.org)", a site's name and no path, was said a relative
    # file of the list's repository (`_SITE_FIRST` wants a slash after the name), with a
    # github.com address to write, and left out. "www." names a site, none of a repository's
    # files: read as https and said, as "www.example.org/x" is; ".md" too ("www.utm.md").
    # A name without "www." and no path ("paper.md", "notes.pt") stays a file.
    records, problems = _parse(
        "- [A Paper](https://arxiv.org/abs/2301.00001) [[project](www.example.org)] [[lab](www.utm.md)]"
        " [[code](WWW.Example.ORG?x=1)] [[x](notes.md)]\n"
    )
    assert [link.url for link in records[0].links] == [
        "https://www.example.org", "https://www.utm.md", "https://WWW.Example.ORG?x=1",
    ]
    relative = [str(p) for p in problems.items if "is relative" in str(p)]
    assert relative == [_RELATIVE.format(url="notes.md", title="A Paper", where="1:131")]
    assert _said_links(Problems([p for p in problems.items if "is relative" not in str(p)])) == [
        "'www.example.org'", "'www.utm.md'", "'WWW.Example.ORG?x=1'",
    ]


def test_a_file_named_with_an_extension_that_is_a_top_level_domain_is_no_site():
    # (fix35) ".md" (Moldova), ".py" (Paraguay), ".sh" (Saint Helena), ".zip": "notes.md/x"
    # was read as https://notes.md/x and said so, a file of the list's repository taken
    # for a site. A folder before the file was never a site's name ("docs/setup.sh").
    # (rev127) Said, not left out unsaid: "bun.sh/docs", a site, is written so as often.
    told = ["notes.md/x", "train.py/cfg", "data.zip/a.csv", "build.sh/", "bun.sh/docs"]
    _files_and_sites(
        ["notes.md/x", "docs/setup.sh", "train.py/cfg", "data.zip/a.csv", "build.sh/", "bun.sh/docs", "notes.md/x"],
        ["github.com/o/r", "www.utm.md/lab", "nips.cc/paper/2017"],
        told,
    )


def test_a_link_given_twice_without_https_is_said_once():
    # (rev122) The paper's link given as its title's and again as its [pdf]: two warnings,
    # word for word the same at the same place, were said; both links are read.
    records, problems = _parse(
        "- [A Paper](arxiv.org/abs/2111.06377) [[pdf](arxiv.org/abs/2111.06377)]"
        " [[code](github.com/o/r)] [[github](github.com/o/r)]\n"
    )
    assert (records[0].title, records[0].arxiv) == ("A Paper", "2111.06377")
    assert [str(p) for p in problems.items] == [
        f"list.md:1:1: warning: the link '{url}' has no 'https://': read as https://{url}; write it"
        " so in the list, where GitHub opens it as a file of the list's repository"
        for url in ("arxiv.org/abs/2111.06377", "github.com/o/r")
    ]


_HOSTS = st.sampled_from(["github.com", "gitlab.com", "huggingface.co", "openreview.net", "sites.google.com", "x-y.org"])


@settings(max_examples=150, deadline=None)
@given(_HOSTS, st.text(alphabet=string.ascii_letters + string.digits + "-_./", max_size=30), st.sampled_from(["", "https//", "//"]))
def test_a_link_without_its_scheme_reads_as_the_link_with_it(host, path, slip):
    # (rev122) Whatever its site and path, a link written without "https://" (or with it
    # mistyped) is read as the link written with it, and said once; nothing else changes.
    def read(url):
        return _parse(f"- [A Paper](https://arxiv.org/abs/2301.00001) [[code]({url})]\n")

    written, told = read(f"{slip}{host}/{path}")
    meant, clean = read(f"https://{host}/{path}")
    assert not clean.items
    assert [(r.title, r.arxiv, _links(r)) for r in written] == [(r.title, r.arxiv, _links(r)) for r in meant]
    assert len(told.items) == 1 and "has no 'https://'" in str(told.items[0])


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=string.ascii_letters + string.digits + " :,-'é", min_size=1, max_size=60), st.sampled_from(" xX"))
def test_a_task_box_before_any_title_reads_as_the_title_without_it(words, box):
    # (rev122) The box GitHub shows for "- [x] …" takes nothing of the item: its title,
    # venue and year read as the item's without the box.
    def read(text):
        return [(r.title, r.venue, r.year) for r in _parse(text)[0]]

    title = " ".join(words.split())
    link = " [[paper](https://arxiv.org/abs/2301.00001)]\n"
    assert read(f"- [{box}] {title}{link}") == read(f"- {title}{link}")


def test_an_address_in_angle_brackets_is_a_bare_address_not_the_title():
    # (hunt18) "<https://…>", CommonMark's autolink, which GitHub shows linked as it does
    # a bare address: its text, the address, was taken for the paper's title, and the
    # item's own title and venue were lost ('https://arxiv.org/abs/2107.14795', no venue).
    bare = "- Perceiver IO (ICLR 2022) https://arxiv.org/abs/2107.14795\n"
    angled = "- Perceiver IO (ICLR 2022) <https://arxiv.org/abs/2107.14795>\n"
    for text in (bare, angled):
        records, problems = _parse(text)
        assert not problems
        record = records[0]
        assert (record.title, record.arxiv, record.venue, record.year) == (
            "Perceiver IO", "2107.14795", "ICLR", "2022"
        ), text


def test_a_task_list_box_is_no_part_of_the_title():
    # (hunt18) A reading list marks the papers read with GitHub's task list boxes, which
    # GitHub shows as boxes: "- [x] Toolformer: …" was imported titled "[x] Toolformer: …"
    # ("[ ]" was dropped, as brackets around a title are).
    text = "".join(
        f"- [{box}] Toolformer: Language Models Can Teach Themselves to Use Tools"
        " [[arXiv](https://arxiv.org/abs/2302.04761)]\n"
        for box in " xX"
    )
    records, problems = _parse(text)
    assert not problems
    assert [r.title for r in records] == ["Toolformer: Language Models Can Teach Themselves to Use Tools"] * 3


def test_a_venue_and_year_between_commas_before_the_link_is_read():
    # (hunt18) "Title, NeurIPS 2023, [paper](…)": the comma after the year hid them, and
    # the title was "Mistral 7B, NeurIPS 2023", no venue ("Title, NeurIPS 2023. [paper](…)"
    # and "Title, NeurIPS 2023 [paper](…)" were read).
    for after in (", ", ". ", " ", ", "):
        records, _ = _parse(f"- Mistral 7B, NeurIPS 2023{after}[paper](https://arxiv.org/abs/2310.06825)\n")
        assert (records[0].title, records[0].venue, records[0].year) == ("Mistral 7B", "NeurIPS", "2023"), after
    records, _ = _parse("- Mistral 7B, NeurIPS 2023, https://arxiv.org/abs/2310.06825\n")
    assert (records[0].title, records[0].venue, records[0].year) == ("Mistral 7B", "NeurIPS", "2023")


def test_a_character_reference_to_a_forbidden_character_is_an_error():
    records, problems = _parse("- [Evil &#x202E;Title](https://arxiv.org/abs/2301.00001)\n")
    assert records == []
    assert len(problems.errors) == 1
    assert str(problems.errors[0]) == (
        "list.md:1:1: U+202E RIGHT-TO-LEFT OVERRIDE is an invisible control character, which a"
        " paper may not contain; remove it (or the character reference that stands for it) from the input"
    )


def test_raw_html_in_an_item_is_neither_text_nor_link():
    records, _ = _parse('- <a name="x"></a> <b>[A <i>Paper</i>](https://arxiv.org/abs/2301.00001)</b>\n')
    assert records[0].title == "A Paper"
    assert records[0].links == ()


def test_a_word_in_angle_brackets_is_told_not_dropped_unseen():
    # GitHub shows "<unk>" as nothing (an HTML tag no element has), and so the title read
    # "Learning Tokens" without a word of warning; the elements lists write (<br>, <sup>,
    # <b>) pass without one.
    records, problems = _parse(
        "- [Learning <unk> Tokens](https://arxiv.org/abs/2101.00001) <br> [code](https://github.com/a/b)\n"
        "- [Sparse <sup>2</sup> Attention](https://arxiv.org/abs/2101.00002)\n"
    )
    assert [r.title for r in records] == ["Learning Tokens", "Sparse 2 Attention"]
    assert [str(p) for p in problems.items] == [
        "list.md:1:1: warning: <unk> is read as an HTML tag, which GitHub does not show, so"
        " this paper ('Learning Tokens') is imported without it; if it is a word, write it"
        " as &lt;word&gt; or in backticks in the list and import again"
    ]


def test_a_title_a_warning_quotes_keeps_its_one_backslash():
    # (repr() said 'Learning Tokens C:\\\\data', which is not the title.)
    records, problems = _parse("- [Learning <unk> Tokens C:\\data](https://arxiv.org/abs/2101.00001)\n")
    assert [r.title for r in records] == ["Learning Tokens C:\\data"]
    assert "this paper ('Learning Tokens C:\\data') is imported without it" in str(problems.items[0])


@pytest.mark.parametrize(
    "heading",
    # (in digits of another width or script too: '２０２４ Highlights' was cut to the tag
    # 'Highlights', its year taken for a section number, where '2024 Highlights' keeps it)
    ["2024 Highlights", "\uff12\uff10\uff12\uff14 Highlights", "\u0662\u0660\u0662\u0664 Highlights", "\uff11\uff19\uff19\uff18 Retrospective"],
)
def test_a_heading_that_starts_with_a_year_keeps_it(heading):
    # A section number goes ("2.1 Language Models"); a year is no section number. The
    # heading is a tag, as written, and gives no year, nor a word: it is no year heading.
    records, problems = _parse(f"## {heading}\n- [A Paper](https://openreview.net/forum?id=abc1)\n", fmt="markdown")
    assert (records[0].tags, records[0].year, problems.items) == ((heading,), "", [])


@pytest.mark.parametrize("heading", ["2.1 Language Models", "\uff12.\uff11 Language Models"])
def test_a_headings_section_number_goes_in_any_digits(heading):
    records, _ = _parse(f"# List\n## {heading}\n- [A Paper](https://arxiv.org/abs/2401.00001)\n")
    assert records[0].tags == ("Language Models",)

# --- properties ---------------------------------------------------------------------

_MARKDOWNISH = st.text(
    alphabet=st.sampled_from(list(string.ascii_letters + string.digits + " \n\t#*_-+[]()<>!|`\\:.,'\"&;/") + ["é", "✨", "\u00a0"]),
    max_size=400,
)


@settings(max_examples=300, deadline=None)
@given(_MARKDOWNISH)
def test_never_crashes_on_arbitrary_markdown(text):
    problems = Problems()
    records = parse_markdown_list(text, "x.md", problems)
    for record in records:
        assert record.title and record.title == record.title.strip()
        assert all(link.url.startswith(("http://", "https://")) for link in record.links)


# Title text of any punctuation, escaped as Markdown escapes it: the title read back is
# the text itself, never a rendering of it.
_TITLE_CHARS = string.ascii_letters + string.digits + " !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~é"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_TITLE_CHARS, min_size=1, max_size=80))
def test_title_text_stays_literal(words):
    title = " ".join(words.split())
    if not (title and title[0] not in "-*|:>,;" and title[-1].isalnum()):
        return  # (an item's bullets before its title, and punctuation after it, are not kept)
    if not any(c.isalpha() for c in title) or _label(title) in _LABELS:
        return  # ("[1](...)", "[Code](...)" and "[.PDF](...)" name no paper)
    escaped = "".join("\\" + c if c in string.punctuation else c for c in title)
    records, problems = _parse(f"- [{escaped}](https://arxiv.org/abs/2301.00001)\n")
    assert not problems.errors
    assert [r.title for r in records] == [title]


# --- the command ----------------------------------------------------------------------


def test_import_writes_the_papers_of_a_lab_list_and_keeps_it(tmp_path, capsys):
    from generator.cli import main

    (tmp_path / "mkdocs.yml").write_text("site_name: Lab\n")
    readme = tmp_path / "README.md"
    readme.write_text(AWESOME, encoding="utf-8")
    assert main(["--root", str(tmp_path), "import", "-q", str(readme)]) == 0
    out = capsys.readouterr().out
    # (skipped: the table of contents' "[Agents](#agents)" and "Contributions welcome!")
    assert out == (
        "2 record(s): 2 added, 0 updated, 0 unchanged; of which 0 duplicate(s) merged; 0 conflict(s),"
        " 4 link(s) found; 2 skipped in the input (no paper taken: see the notes)\n"
    )
    paper = (tmp_path / "content" / "papers" / "some-paper-title.yml").read_text()
    for line in ("title: Some Paper Title", 'arxiv: "2301.00001"', "venue: NeurIPS", "year: 2023",
                 "  - Agents", "    - url: https://github.com/o/r"):
        assert line in paper
    assert (tmp_path / "content" / "sources" / "README.md").read_text(encoding="utf-8") == AWESOME
    # Again: nothing new.
    assert main(["--root", str(tmp_path), "import", "-q", str(readme)]) == 0
    assert "0 added, 0 updated, 2 unchanged" in capsys.readouterr().out


def test_a_pasted_list_is_kept_as_stdin_md():
    from generator.commands.import_cmd import _stdin_name

    assert _stdin_name(AWESOME.encode()) == "stdin.md"


def test_the_readme_example_reads_as_the_readme_says():
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    block = readme.split("  ```markdown\n", 1)[1].split("  ```\n", 1)[0]
    records, problems = _parse("".join(line[2:] + "\n" for line in block.splitlines()))
    assert not problems
    assert [(r.title, r.venue, r.year) for r in records] == [
        ("Tree of Thoughts", "NeurIPS", "2023"),
        ("LoRA: Low-Rank Adaptation of Large Language Models", "ICLR", "2022"),
        ("Some Paper Without a Link", "ICLR", "2024"),
        ("A Bold Title", "", "2023"),  # (its heading's year)
        ("A Tabled Paper", "ACL", "2023"),
    ]
    assert all(r.tags == ("Planning",) for r in records)
    assert records[1].authors == ("E. J. Hu", "Y. Shen", "P. Wallis")
    assert [link.kind for link in records[3].links] == ["pdf", "code"]


def test_a_title_keeps_its_leading_number_and_a_heading_loses_its_section_number():
    records, _ = _parse("## 2.1 Language Models\n- [1 Billion Word Benchmark](https://arxiv.org/abs/1312.3005)\n")
    assert (records[0].title, records[0].tags) == ("1 Billion Word Benchmark", ("Language Models",))


def test_a_news_line_linking_a_paper_by_a_label_is_warned_not_imported():
    # (From README.md of github.com/nick7nlp/Awesome-LLM-On-Policy-Distillation, 0051fec1.)
    text = (
        "## 🔥 News\n\n"
        "* **2026.06.18**: 📊 Survey **V4** released with 72 new OPD papers, full-text review and"
        " AI-trace audit, updated taxonomy tree and method tables. Read on [arXiv](https://arxiv.org/abs/2604.00626).\n"
    )
    records, problems = _parse(text)
    assert records == []  # (it was a paper titled "V4")
    assert [str(p) for p in problems.items] == [
        "list.md:3:1: warning: this item reads as prose and links a paper (https://arxiv.org/abs/2604.00626)"
        " only by a label such as 'arXiv'; not imported: to import the paper, give it an item whose title is"
        " the link's text"
    ]


def test_bold_titles_bracketed_venues_and_emoji_after_a_heading():
    # (From README.md of github.com/danelpeng/Awesome-Continual-Leaning-with-PTMs, 00e1d67a.)
    text = (
        "## Methods 🌟\n\n> ### Survey\n\n\n"
        "* [**Continual Learning with Pre-Trained Models: A Survey**](https://arxiv.org/pdf/2401.16386) [**IJCAI 2024**]\n"
        "Nanjing University\n"
    )
    records, problems = _parse(text)
    assert not problems
    (survey,) = records
    assert (survey.title, survey.venue, survey.year) == ("Continual Learning with Pre-Trained Models: A Survey", "IJCAI", "2024")
    assert (survey.arxiv, survey.authors, survey.source.line) == ("2401.16386", (), 6)  # (an affiliation is no author)
    assert survey.tags == ("Methods", "Survey")


def test_a_title_may_start_with_a_sign_and_end_with_an_ellipsis():
    # Only emoji and bullets before a title are no part of it: "∞-former" was "former".
    titles = [
        "∞-former: Infinite Memory Transformer", "$k$-NN Attention", "#InsTag: Instruction Tagging",
        "@Bench: Benchmarking", "¿Qué? Spanish NLP", "+1 for Sharing", "...And Then There Were None",
        "Is Attention All You Need...",
    ]
    text = "".join(f"- [{t}](https://arxiv.org/abs/2301.{i:05d})\n" for i, t in enumerate(titles, 1))
    text += "- [🤗 Transformers: NLP](https://arxiv.org/abs/1910.03771)\n- ⭐️ **A Bold Title.** [pdf](https://arxiv.org/pdf/2001.00009)\n"
    records, problems = _parse(text)
    assert not problems
    assert [r.title for r in records] == [*titles, "Transformers: NLP", "A Bold Title"]


NEWS = """\
# Awesome Agents

## 🔥 News

- [2024/05] 🔥 We released our code at [GitHub](https://github.com/lab/agents) and the paper on [arXiv](https://arxiv.org/abs/2405.00001).
- [2024/03] Our survey is accepted to ACL 2024! [paper](https://arxiv.org/abs/2403.00002)

## Papers

- **News**: Our paper [Great Paper](https://arxiv.org/abs/2402.00003) was accepted at ICLR 2024.
- [2024/01] Our survey is accepted to ACL 2024! [paper](https://arxiv.org/abs/2401.00004)
- (May 2024) We wrote about [Some Paper](https://arxiv.org/abs/2405.00009) on our blog.
- **2024.01.10**: we add papers from ICLR 2024.
- [2023/05] [A Dated Paper Title](https://arxiv.org/abs/2305.00001) - NeurIPS 2023
- [2023.06] **A Bold Dated Title** [[paper](https://arxiv.org/abs/2306.00001)]
- (May 2024) [Dated by Month](https://arxiv.org/abs/2405.00010)
"""


def test_news_lines_are_not_papers():
    # A curator's review: "[2024/05] 🔥 We released our code" and "**News**: ..." were
    # papers titled "[2024/05] 🔥 We released our code at" and "Great Paper" (venue "was
    # accepted at ICLR"). A news line linking a paper is said; one linking none is not.
    records, problems = _parse(NEWS)
    assert [(r.title, r.venue, r.year) for r in records] == [
        ("A Dated Paper Title", "NeurIPS", "2023"),
        ("A Bold Dated Title", "", "2023"),  # (its arXiv id's year: a preprint's)
        ("Dated by Month", "", "2024"),  # (not the venue "May")
    ]
    tail = (
        "; not imported: to import the paper, list it in an item of its own among the papers"
    )
    assert [str(p) for p in problems.items] == [
        # (a news section's items, said once: most of them link a paper)
        "list.md:5:1: warning: this item and 1 more read as news (under the heading 'News'), not as"
        " papers' entries, and link papers (https://arxiv.org/abs/2405.00001, …); not imported: to"
        " import a paper, list it in an item of its own among the papers",
        "list.md:10:1: warning: this item reads as news (it starts with 'News:'), not as a paper's"
        " entry, and links a paper (https://arxiv.org/abs/2402.00003)" + tail,
        "list.md:11:1: warning: this item reads as news (it starts with a date, '[2024/01]'), not as a"
        " paper's entry, and links a paper (https://arxiv.org/abs/2401.00004)" + tail,
        "list.md:12:1: warning: this item reads as news (it starts with a date, '(May 2024)'), not as a"
        " paper's entry, and links a paper (https://arxiv.org/abs/2405.00009)" + tail,
    ]


CHICAGO = """\
# Reading

- Lovelace, Ada, and Alan Turing. 2020. "On Computable Engines." *Journal of Machines*. [pdf](https://arxiv.org/abs/2001.00001)
- Hopper, Grace M. 2019. "Compilers for Everyone." In *Proceedings of ACL*, 1–10. [paper](https://aclanthology.org/P19-1001/)
- Lovelace, Ada, Alan Turing, and Grace Hopper. 2021. “Three Authors Write.” *NeurIPS*. [arXiv](https://arxiv.org/abs/2101.00001)
- Lovelace, Ada, et al. "An MLA Citation." *Journal of Machines*, vol. 3, no. 2, 2022, pp. 1-10. [doi](https://doi.org/10.1234/abc)
- Lovelace, Ada. 2020. "[Linked Title](https://arxiv.org/abs/2001.00002)." *Journal of Machines*.
- Turing, Alan. "Computing Machinery and Intelligence." *Mind* 59, no. 236 (1950): 433–460. [pdf](https://example.org/t.pdf)
"""


def test_chicago_and_mla_citations_give_title_authors_venue_and_year():
    # A curator's review: the first item was a paper titled "Lovelace, Ada, and Alan
    # Turing", with no authors, venue nor year.
    records, problems = _parse(CHICAGO)
    assert not problems, problems.format()
    assert [(r.title, r.authors, r.venue, r.year) for r in records] == [
        ("On Computable Engines", ("Ada Lovelace", "Alan Turing"), "Journal of Machines", "2020"),
        ("Compilers for Everyone", ("Grace M. Hopper",), "Proceedings of ACL", "2019"),
        ("Three Authors Write", ("Ada Lovelace", "Alan Turing", "Grace Hopper"), "NeurIPS", "2021"),
        ("An MLA Citation", ("Ada Lovelace", "others"), "Journal of Machines", "2022"),
        ("Linked Title", ("Ada Lovelace",), "Journal of Machines", "2020"),
        ("Computing Machinery and Intelligence", ("Alan Turing",), "Mind", "1950"),
    ]
    assert [(r.arxiv, r.doi) for r in records[:5]] == [
        ("2001.00001", ""), ("", ""), ("2101.00001", ""), ("", "10.1234/abc"), ("2001.00002", ""),
    ]
    # Quoted words after anything but a citation's names are no title.
    records, _ = _parse('- See "quoted words" in [A Linked Paper](https://arxiv.org/abs/2001.00003), ICML 2020.\n')
    assert [(r.title, r.authors, r.venue) for r in records] == [("A Linked Paper", (), "ICML")]


def test_a_title_cell_leaves_out_its_labelled_links_text():
    # A curator's review: the title was "SmoothQuant: Accurate ... Models [paper]".
    text = (
        "| Title | Venue |\n|---|---|\n"
        "| **SmoothQuant**: Accurate and Efficient Post-Training Quantization [[paper](https://arxiv.org/abs/2211.10438)]"
        " [code](https://github.com/mit-han-lab/smoothquant) | ICML 2023 |\n"
    )
    records, problems = _parse(text)
    assert not problems
    assert [(r.title, r.arxiv, r.venue, r.year) for r in records] == [
        ("SmoothQuant: Accurate and Efficient Post-Training Quantization", "2211.10438", "ICML", "2023")
    ]


def test_bare_addresses_link_and_a_venue_after_leading_words_is_read():
    # A curator's review: GitHub links a bare https:// address, the import did not (the
    # first item was no paper at all, the second lost its code); and a venue and year
    # after a title read from leading words were part of the title, or lost.
    text = (
        "- Lovelace, Ada, and Alan Turing. 2021. “Three Authors Write.” In *NeurIPS*."
        " https://arxiv.org/abs/2101.00001\n"
        "- [Titled Paper](https://arxiv.org/abs/2101.00002), ICML 2021. Code: https://github.com/o/r\n"
        "- Plain Title Here. ICLR 2022. [pdf](https://openreview.net/forum?id=abc)\n"
        "- Other Title, NeurIPS 2020 [pdf](https://arxiv.org/abs/2001.00001)\n"
        "- A Title, With A Comma [pdf](https://arxiv.org/abs/1703.00002)\n"
        "- Crawshaw, M. (2020). Multi-Task Learning with Deep Neural Networks: A Survey. arXiv, 2020."
        " https://arxiv.org/abs/2009.09796\n"
        "- We thank everyone, 2020. See example.org and www.example.org\n"  # (no paper)
    )
    records, problems = _parse(text)
    assert not problems, problems.format()
    assert [(r.title, r.venue, r.year, r.authors, r.arxiv, _links(r)) for r in records] == [
        ("Three Authors Write", "NeurIPS", "2021", ("Ada Lovelace", "Alan Turing"), "2101.00001", []),
        ("Titled Paper", "ICML", "2021", (), "2101.00002", [("code", "https://github.com/o/r")]),
        ("Plain Title Here", "ICLR", "2022", (), "", [("paper", "https://openreview.net/forum?id=abc")]),
        ("Other Title", "NeurIPS", "2020", (), "2001.00001", []),
        ("A Title, With A Comma", "", "2017", (), "1703.00002", []),  # (the id's year)
        ("Multi-Task Learning with Deep Neural Networks: A Survey", "", "2020", ("M. Crawshaw",),
         "2009.09796", []),  # ("arXiv" and its arXiv link: the id, and no venue)
    ]


def test_a_venue_in_brackets_or_as_a_links_text_before_the_title():
    # A curator's review: "[arXiv 2023]" and "[Toolformer]" were part of the titles, and a
    # paper linked by its venue, "[[NeurIPS 2023](...)] Reflexion: ...", was titled
    # "NeurIPS 2023".
    text = (
        "- `[arXiv 2023]` Tree of Thoughts: Deliberate Problem Solving [[paper](https://arxiv.org/abs/2305.10601)]\n"
        "- [[NeurIPS 2023](https://openreview.net/forum?id=5Xc1ecxO1h)] Reflexion: Language Agents with"
        " Verbal Reinforcement Learning. [[code](https://github.com/noahshinn/reflexion)]\n"
        "- **[Toolformer]** Toolformer: Language Models Can Teach Themselves to Use Tools. *arXiv 2023*."
        " [[paper](https://arxiv.org/abs/2302.04761)]\n"
    )
    records, problems = _parse(text)
    assert not problems, problems.format()
    assert [(r.title, r.venue, r.year, r.arxiv) for r in records] == [
        ("Tree of Thoughts: Deliberate Problem Solving", "", "2023", "2305.10601"),  # (arXiv's, by its id)
        ("Reflexion: Language Agents with Verbal Reinforcement Learning", "NeurIPS", "2023", ""),
        ("Toolformer: Language Models Can Teach Themselves to Use Tools", "", "2023", "2302.04761"),
    ]
    assert _links(records[1]) == [
        ("paper", "https://openreview.net/forum?id=5Xc1ecxO1h"), ("code", "https://github.com/noahshinn/reflexion"),
    ]
    # A title may start with brackets: only a name the title repeats is a label.
    records, _ = _parse("- [CLS] Token Is All You Need [[pdf](https://arxiv.org/abs/2001.00001)]\n")
    assert [r.title for r in records] == ["[CLS] Token Is All You Need"]


def test_papers_in_an_html_table_are_said_not_imported():
    # A curator's review: a list writing some papers in an HTML <table> lost them without
    # a word. A block of HTML linking no paper (a centred logo) is nothing to say.
    text = (
        "# X\n\n<p align=\"center\"><a href=\"https://github.com/o/r\"><img src=\"logo.png\"></a></p>\n\n"
        "<table>\n<tr><th>Title</th><th>Venue</th></tr>\n"
        "<tr><td><a href=\"https://arxiv.org/abs/2301.00001\">An HTML Paper</a></td><td>ICML 2023</td></tr>\n"
        "<tr><td><a href='https://openreview.net/forum?id=abc'>Another</a></td><td>ICLR 2024</td></tr>\n"
        "</table>\n\n- [A Markdown Paper](https://arxiv.org/abs/2301.00002) - ICLR 2023\n"
    )
    records, problems = _parse(text)
    assert [r.title for r in records] == ["A Markdown Paper"]
    assert [str(p) for p in problems.items] == [
        "list.md:5:1: warning: this HTML links 2 paper(s) (https://arxiv.org/abs/2301.00001, …); not"
        " imported: a Markdown list is read from its items and tables, not from HTML; write them as"
        " Markdown to import them"
    ]


def test_a_preprints_arxiv_id_gives_its_year_not_a_year_heading():
    # A second review: under "## 2023", Kaplan et al.'s 2001.08361 (2020) was of 2023,
    # without a word. A preprint is of the year its id says, as a BibTeX import and `add`
    # take it; said once, since the list says otherwise. An item naming its venue and
    # year keeps them, and an item with no arXiv id takes the heading's year.
    text = (
        "# Awesome LLMs\n"
        "\n"
        "## 2023\n"
        "\n"
        "- [Scaling Laws for Neural Language Models](https://arxiv.org/abs/2001.08361)\n"
        "- [Toolformer](https://arxiv.org/abs/2302.04761)\n"
        "- [Published Later](https://arxiv.org/abs/2010.11929) - NeurIPS\n"
        "- [Vision Paper](https://arxiv.org/abs/2010.11930), ICLR 2021\n"
        "- [Not on arXiv](https://openreview.net/forum?id=abc)\n"
    )
    records, problems = _parse(text)
    assert [(r.title, r.venue, r.year) for r in records] == [
        ("Scaling Laws for Neural Language Models", "", "2020"),
        ("Toolformer", "", "2023"),  # (2302: the heading's year too)
        # (a published paper's venue without its year: not a preprint, of the heading's year)
        ("Published Later", "NeurIPS", "2023"),
        ("Vision Paper", "ICLR", "2021"),
        ("Not on arXiv", "", "2023"),
    ]
    assert [str(p) for p in problems.items] == [
        "list.md:5:1: warning: this paper under a year's heading ('2023') takes the year"
        " its arXiv id gives (2001.08361: 2020), as a preprint's: the item names no venue; to give"
        " the year of a published version, write its venue and year in the item ('ICLR 2021')",
    ]


def test_an_apa_items_year_is_its_own_not_a_year_headings():
    # A second review: an APA item whose title is not linked took the heading's year
    # (2023), not the "(2020)" after its names.
    text = (
        "## 2023\n"
        "\n"
        "- Kaplan, J., & McCandlish, S. (2020). Scaling laws for neural language models."
        " [link](https://openreview.net/forum?id=abc)\n"
        "- Crawshaw, M. (2020b). A Survey. [pdf](https://example.org/survey.pdf)\n"
    )
    records, problems = _parse(text)
    assert not problems, problems.format()
    assert [(r.title, r.year, r.authors) for r in records] == [
        ("Scaling laws for neural language models", "2020", ("J. Kaplan", "S. McCandlish")),
        ("A Survey", "2020", ("M. Crawshaw",)),
    ]


def test_a_venue_and_year_in_parentheses_after_leading_words_are_no_part_of_the_title():
    # A second review: "(CVPR 2016)" stayed in the title, and the paper had no venue.
    # Words in parentheses that are no venue and year stay in it.
    pdf = "https://openaccess.thecvf.com/content_cvpr_2016/papers/He_Deep_Residual_Learning_CVPR_2016_paper.pdf"
    text = (
        f"- Deep Residual Learning for Image Recognition (CVPR 2016) [pdf]({pdf})\n"
        f"- Deep Residual Learning for Image Recognition (2016) [pdf]({pdf})\n"
        "- BERT (Bidirectional Encoder Representations) [pdf](https://openreview.net/forum?id=abc)\n"
    )
    records, problems = _parse(text)
    assert not problems, problems.format()
    assert [(r.title, r.venue, r.year) for r in records] == [
        ("Deep Residual Learning for Image Recognition", "CVPR", "2016"),
        ("Deep Residual Learning for Image Recognition", "", "2016"),
        ("BERT (Bidirectional Encoder Representations)", "", ""),
    ]


def test_names_after_a_linked_titles_dash_and_before_its_venue_are_its_authors():
    # A second review: "- Xuezhi Wang, Jason Wei. (ICLR 2023)" after a linked title gave
    # no authors. Two names at least, each capitalised words, no lab's, and a venue or
    # year after them: a description after the dash is no names.
    url = "https://arxiv.org/abs/2203.11171"
    text = (
        f"- [Self-Consistency Improves Chain of Thought Reasoning]({url}) - Xuezhi Wang, Jason Wei. (ICLR 2023)\n"
        f"- [B]({url}) - Xuezhi Wang, Jason Wei, Dale Schuurmans et al. ICLR 2023\n"
        f"- [C]({url}) - Luc Van Gool, Ludwig van Beethoven, ICLR 2023\n"
        f"- [D]({url}) - Vision Transformers, Diffusion Models\n"
        f"- [E]({url}) - Google Research, Meta AI. ICLR 2023\n"
        f"- [F]({url}) - Efficient, scalable attention. ICLR 2023\n"
    )
    records, problems = _parse(text)
    assert not problems, problems.format()
    assert [r.authors for r in records] == [
        ("Xuezhi Wang", "Jason Wei"),
        ("Xuezhi Wang", "Jason Wei", "Dale Schuurmans", "others"),
        ("Luc Van Gool", "Ludwig van Beethoven"),
        (), (), (),
    ]
    assert (records[0].venue, records[0].year) == ("ICLR", "2023")


def test_a_reference_as_a_bibliography_prints_it_gives_its_names_and_title():
    # A second review: a list that copies a paper's references, 'Hugo Touvron, ..., and
    # Thomas Scialom. Llama 2: ..., 2023. URL https://...' (natbib's form of Scholar's
    # entry), gave a paper titled with its authors' names.
    text = (
        "- Hugo Touvron, Louis Martin, and Thomas Scialom. Llama 2: Open foundation and"
        " fine-tuned chat models, 2023. URL https://arxiv.org/abs/2307.09288.\n"
        "- Ashish Vaswani et al. Attention is all you need. Advances in neural information"
        " processing systems, 30, 2017. [pdf](https://arxiv.org/abs/1706.03762)\n"
        # (two capitalised pairs of words, no "and": a title, as before)
        "- Vision Transformers, Diffusion Models. A Survey. [pdf](https://arxiv.org/abs/2001.00002)\n"
    )
    records, problems = _parse(text)
    assert not problems, problems.format()
    assert [(r.title, r.authors, r.year, r.arxiv) for r in records] == [
        ("Llama 2: Open foundation and fine-tuned chat models", ("Hugo Touvron", "Louis Martin", "Thomas Scialom"),
         "2023", "2307.09288"),
        ("Attention is all you need", ("Ashish Vaswani", "others"), "2017", "1706.03762"),
        ("Vision Transformers, Diffusion Models", (), "2020", "2001.00002"),
    ]


def test_a_citation_in_parentheses_after_leading_words_is_no_part_of_the_title():
    # A review: "Title (Kaplan et al., 2020) [pdf](...)" was titled "Title (Kaplan et
    # al": the comma that ends a title before its venue and year ("Title, NeurIPS 2020")
    # was looked for inside the parentheses. The names are no venue either.
    text = (
        "- Scaling Laws for Neural Language Models (Kaplan et al., 2020) [pdf](https://arxiv.org/pdf/2001.08361)\n"
        "- Language Models are Few-Shot Learners (Brown et al., NeurIPS 2020) [pdf](https://arxiv.org/pdf/2005.14165)\n"
        "- Deep Learning (LeCun et al. 2015) [pdf](https://www.nature.com/articles/nature14539)\n"
    )
    records, problems = _parse(text)
    assert not problems, problems.format()
    assert [(r.title, r.venue, r.year) for r in records] == [
        ("Scaling Laws for Neural Language Models", "", "2020"),
        ("Language Models are Few-Shot Learners", "NeurIPS", "2020"),
        ("Deep Learning", "", "2015"),
    ]


def test_a_linked_titles_leading_category_words_are_no_authors():
    # A review: words before a linked title that name its field ("Image Segmentation,
    # Object Detection: [Title](...)") were read as two authors. Names before a title
    # are a bibliography's: the last joined by "and", or "et al." (as they are read
    # before a title of leading words), and no label ending in a colon.
    url = "https://arxiv.org/abs/2304.02643"
    text = (
        f"- Image Segmentation, Object Detection: [Segment Anything]({url})\n"
        f"- Image Segmentation and Object Detection: [Segment Anything]({url})\n"
        f"- Alexander Kirillov, Eric Mintun, and Nikhila Ravi. [Segment Anything]({url})\n"
    )
    records, problems = _parse(text)
    assert not problems, problems.format()
    assert [r.authors for r in records] == [
        (), (), ("Alexander Kirillov", "Eric Mintun", "Nikhila Ravi"),
    ]


def test_a_dated_papers_entry_with_its_venue_before_the_title_stays_a_paper():
    # A review: "[2023/05] (ICLR 2023) [Title](...)", a paper's entry dated and then
    # named its venue, was taken for news (words between the date and the title) and
    # not imported. News words before a title stay news.
    url = "https://arxiv.org/abs/2304.02643"
    text = (
        "# Papers\n\n"
        f"- [2023/05] (ICCV 2023) [Segment Anything]({url})\n"
        f"- [2023/05] [ICCV 2023] [Segment Anything 2]({url}v2)\n"
        f"- [2023/05] We released [Segment Anything 3]({url}v3)\n"
    )
    records, problems = _parse(text)
    assert [(r.title, r.venue, r.year) for r in records] == [
        ("Segment Anything", "ICCV", "2023"), ("Segment Anything 2", "ICCV", "2023"),
    ]
    assert [p.location.line for p in problems.warnings] == [5]


def test_a_list_of_field_names_in_dictionary_words_is_no_list_of_authors():
    # A review: "[Title](...) - Image Classification, Object Detection. ICCV 2023" gave
    # the authors "Image Classification" and "Object Detection", and "Vision Transformers
    # and Diffusion Models. A Survey. [pdf](...)" was titled "A Survey", its title taken
    # for names. Names of which every word is a dictionary word are a field's, not
    # people's (a person's name has a word no dictionary lists: "Wang", "Kirillov").
    url = "https://arxiv.org/abs/2304.02643"
    text = (
        f"- [Segment Anything]({url}) - Image Classification, Object Detection. ICCV 2023\n"
        "- Vision Transformers and Diffusion Models. A Survey. [pdf](https://arxiv.org/abs/2001.00002)\n"
        f"- [Segment Anything 2]({url}v2) - Alexander Kirillov, Eric Mintun. ICCV 2023\n"
    )
    records, problems = _parse(text)
    assert not problems, problems.format()
    assert [(r.title, r.authors) for r in records] == [
        ("Segment Anything", ()),
        ("Vision Transformers and Diffusion Models", ()),
        ("Segment Anything 2", ("Alexander Kirillov", "Eric Mintun")),
    ]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=" ,;:-–—[(.xA", max_size=40))
def test_what_a_value_ends_with_is_cut_as_before_where_a_run_starts(text):
    # _TRAILING is tried only where a run of an item's trailing marks starts: the same
    # cut as the plain pattern's, which tried each place of a run.
    import re

    from generator.ingest.markdownlist import _TRAILING

    plain = re.compile(r"(?:[\s,;:\-–—\[(]|(?<!\.)\.(?!\.))+$")
    assert _TRAILING.sub("", text) == plain.sub("", text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([" ", "  ", ",", "-", "(", ")", "Oral", "Best Paper", "x", "2019"]), max_size=12))
def test_an_award_after_a_venue_is_found_as_the_plain_pattern_finds_it(tokens):
    # _AWARD_AFTER gives back no space it took and is tried only after a word: a run of
    # 200 spaces took 17 s with the plain pattern. It finds what the plain one finds.
    import re

    from generator.ingest.markdownlist import _AWARD_AFTER, _NOTED

    text = "".join(tokens)
    plain = re.compile(rf"(?i)\s*(?P<apart>[,–—-]?\s*\(?)\s*(?<![^\W_])(?P<award>{_NOTED})\s*\)?\s*$")
    found, expected = _AWARD_AFTER.search(text), plain.search(text)
    assert (found and (found.start(), found["award"], bool(found["apart"].strip()))) == (
        expected and (expected.start(), expected["award"], bool(expected["apart"].strip()))
    )


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([
    " ", "  ", "\t", ",", "'", "’", "-", ".", "NeurIPS", "best", "Pattern Recognition", "x", "2019", "19", "2024",
    "11", "Oral", "a", "3D", "3DV",
]), max_size=10))
def test_a_venue_and_year_is_found_as_the_plain_pattern_finds_it(tokens):
    # _VENUE_YEAR's venue ends with no space, so that a run of spaces is taken by one
    # part of it only: "best", 2,000 spaces and "x" took over 5 s. It finds what the
    # plain one found.
    import re

    from generator.ingest.markdownlist import _VENUE_YEAR

    text = "".join(tokens)
    plain = re.compile(
        r"^(?P<venue>(?:[A-Za-z]|3D)[^\d,]*?)?\s*,?\s*"
        r"(?:(?P<y4>(?:19|20)\d{2})|['’](?P<y2>\d{2}))(?:[./-]\d{1,2})?(?![\d])(?P<more>.*)$"
    )
    found, expected = _VENUE_YEAR.match(text), plain.match(text)
    assert (found and ((found["venue"] or "").strip(), found["y4"], found["y2"], found["more"])) == (
        expected and ((expected["venue"] or "").strip(), expected["y4"], expected["y2"], expected["more"])
    )


def test_a_long_run_of_spaces_or_tabs_is_read_through():
    # (A table aligned by hand: 2,000 spaces between "best" and "x" took over 5 s.)
    from generator.ingest.markdownlist import _venue_and_year

    for run in (" " * 10_000, "\t" * 10_000, " \t" * 5_000):
        assert _venue_and_year("best" + run + "x") is None
        assert _venue_and_year("NeurIPS" + run + "2019") == ("NeurIPS", "2019")
        assert _venue_and_year("NeurIPS," + run + "2019") == ("NeurIPS", "2019")
    records, problems = _parse("- Title, best" + " " * 10_000 + "x [pdf](https://arxiv.org/abs/2001.00001)\n")
    assert not problems, problems.format()
    assert [(r.title, r.venue, r.year) for r in records] == [("Title, best x", "", "2020")]


def test_a_long_item_of_commas_is_read_in_a_moment():
    # A review: an item of 20,000 characters, ", " over and over before its link, took
    # half a minute: the cut of an item's trailing marks was tried at each place of the run.
    import time

    text = "- A" + ", " * 10_000 + "B [pdf](https://arxiv.org/abs/2001.00001)\n"
    # (This thread's CPU seconds, not the clock's, which other jobs on a shared machine
    # stretch: a failure by chance. No count of the work stands for them: it is the
    # regular expression engine's backtracking, 30 s before, milliseconds now.)
    start = time.thread_time()
    records, _ = _parse(text)
    assert time.thread_time() - start < 5
    assert [r.arxiv for r in records] == ["2001.00001"]


def test_names_and_a_year_after_a_titles_comma_are_no_part_of_the_title():
    # A review: "Deep Learning, LeCun et al. 2015 [pdf](...)" was titled "Deep Learning,
    # LeCun et al": its sentence was taken to end at "al.". A bibliography's names
    # before a title still end theirs ("Ashish Vaswani et al. Attention ...").
    text = (
        "- Deep Learning, LeCun et al. 2015 [pdf](https://www.nature.com/articles/nature14539)\n"
        "- Ashish Vaswani et al. Attention is all you need. 2017. [pdf](https://arxiv.org/abs/1706.03762)\n"
    )
    records, problems = _parse(text)
    assert not problems, problems.format()
    assert [(r.title, r.venue, r.year) for r in records] == [
        ("Deep Learning", "", "2015"),
        ("Attention is all you need", "", "2017"),
    ]


def test_a_year_at_the_end_of_a_linked_title_is_its_year():
    # A review: "[Llama 2: ..., 2023](...)" kept ", 2023" in the title. A citation's year,
    # or a known venue and its year, after the title in the link's text go to the year
    # and venue; a number that is the title's own stays in it.
    lines = [
        "[Llama 2: Open Foundation and Fine-Tuned Chat Models, 2023](https://arxiv.org/abs/2307.09288)",
        "[A Title, Findings of EMNLP 2023](https://aclanthology.org/2023.findings-emnlp.1.pdf)",
        "[A Title (ICLR 2024)](https://openreview.net/forum?id=a)",
        "[A Title, 2021](https://openreview.net/forum?id=b) - Ada Lovelace, Alan Turing. ICLR 2021",
        # (false: the title's own numbers, and words and a year that name no venue)
        "[GPT-4 Technical Report](https://arxiv.org/abs/2303.08774)",
        "[Llama 2](https://openreview.net/forum?id=c)",
        "[Microsoft COCO 2017](https://openreview.net/forum?id=d)",
        "[Benchmarks, COCO 2017](https://openreview.net/forum?id=e)",
        "[Findings of EMNLP 2023](https://openreview.net/forum?id=f)",
        # (a year with words after it, and no venue: the title's own, not cut after the year)
        "[Language Models, 2020 and Beyond](https://openreview.net/forum?id=h)",
        "[Results of the Jan. 2024 Audit](https://openreview.net/forum?id=i)",
        # (another year beside it: the title's own)
        "[The AI Index, 2022](https://openreview.net/forum?id=g) - NeurIPS 2023",
    ]
    records, problems = _parse("".join(f"- {line}\n" for line in lines))
    assert not problems, problems.format()
    assert [(r.title, r.venue, r.year) for r in records] == [
        ("Llama 2: Open Foundation and Fine-Tuned Chat Models", "", "2023"),
        ("A Title", "Findings of EMNLP", "2023"),
        ("A Title", "ICLR", "2024"),
        ("A Title", "ICLR", "2021"),
        ("GPT-4 Technical Report", "", "2023"),  # (its arXiv id's year)
        ("Llama 2", "", ""),
        ("Microsoft COCO 2017", "", ""),
        ("Benchmarks, COCO 2017", "", ""),
        ("Findings of EMNLP 2023", "", ""),
        ("Language Models, 2020 and Beyond", "", ""),
        ("Results of the Jan. 2024 Audit", "", ""),
        ("The AI Index, 2022", "NeurIPS", "2023"),
    ]
    assert records[3].authors == ("Ada Lovelace", "Alan Turing")


def test_a_known_venue_without_its_year_is_read():
    # A review: "[Title](...) - NeurIPS" and "[Title](...), ICML" gave no venue: a venue
    # was read only with its year. A venue known by name is read without one; other
    # words after a title are no venue.
    url = "https://openreview.net/forum?id="
    text = (
        f"- [Title A]({url}a) - NeurIPS\n"
        f"- [Title B]({url}b), ICML\n"
        f"- [Title C]({url}c) (TPAMI)\n"
        f"- [Title D]({url}d) - *Findings of ACL*\n"
        f"- [Title E]({url}e) - Ada Lovelace, Alan Turing, CVPR\n"
        f"- [Title F]({url}f) - Google\n"
        f"- [Title G]({url}g) - A benchmark for ACL parsing\n"
        f"- [Title H]({url}h) - Efficient, scalable attention\n"
    )
    records, problems = _parse(text)
    assert not problems, problems.format()
    assert [(r.title, r.venue, r.year) for r in records] == [
        ("Title A", "NeurIPS", ""), ("Title B", "ICML", ""), ("Title C", "TPAMI", ""),
        ("Title D", "Findings of ACL", ""), ("Title E", "CVPR", ""),
        ("Title F", "", ""), ("Title G", "", ""), ("Title H", "", ""),
    ]
    # A published venue without its year takes no year from the arXiv id: the preprint's
    # year is not the publication's (as a BibTeX import takes it).
    records, _ = _parse("- [Title](https://arxiv.org/abs/2010.11929) - ICLR\n")
    assert [(r.venue, r.year, r.arxiv) for r in records] == [("ICLR", "", "2010.11929")]


def test_arxivs_own_doi_names_the_preprint():
    # A link to arXiv's own DOI gave the paper that DOI and no arXiv id (nor its year),
    # where a BibTeX import gives the arXiv id; beside the arXiv page it is one paper.
    records, problems = _parse(
        "- [Llama 2](https://doi.org/10.48550/arXiv.2307.09288)\n"
        "- [Llama 2 again](https://arxiv.org/abs/2307.09288) [[doi](https://doi.org/10.48550/arXiv.2307.09288)]\n"
    )
    assert not problems, problems.format()
    assert [(r.arxiv, r.doi, r.year, r.links) for r in records] == [
        ("2307.09288", "", "2023", ()), ("2307.09288", "", "2023", ()),
    ]


def test_a_lab_before_a_year_is_the_author_not_the_venue():
    # Importing an awesome list beside Scholar's entry: "[GPT-4 Technical Report](...) -
    # OpenAI, 2023" gave the venue "OpenAI", which then replaced the preprint's ("published:
    # gpt-4-technical-report now OpenAI 2023"). A lab named so is the author; a venue
    # before a year is still one. Without the comma too: "- DeepMind 2022" gave neither
    # venue nor author, the lab dropped (a surname so written, "- Smith 2020", is one).
    text = (
        "- [GPT-4 Technical Report](https://arxiv.org/abs/2303.08774) - OpenAI, 2023\n"
        "- [Gemini](https://arxiv.org/abs/2312.11805) - Google DeepMind, 2023\n"
        "- [A Title](https://arxiv.org/abs/2312.11806) - Neurocomputing, 2023\n"
        "- [B Title](https://arxiv.org/abs/2203.15556) - DeepMind 2022\n"
        "- [C Title](https://arxiv.org/abs/2312.11807) - Google DeepMind 2023\n"
        "- [D Title](https://arxiv.org/abs/2303.08775) (OpenAI 2023)\n"
    )
    records, problems = _parse(text)
    assert not problems, problems.format()
    assert [(r.authors, r.venue, r.year) for r in records] == [
        (("OpenAI",), "", "2023"), (("Google DeepMind",), "", "2023"), ((), "Neurocomputing", "2023"),
        (("DeepMind",), "", "2022"), (("Google DeepMind",), "", "2023"), (("OpenAI",), "", "2023"),
    ]


# One surname after a title, in the forms that say it is a name: before a year, with or
# without a comma, set apart as a list sets its venue apart ("- ", ", ", ". ", in
# parentheses), with "et al." (with no comma before its year too), or before a venue.
# (Each expected value read off the item by hand.)
ONE_NAME = [
    (" - Shannon, 1948", ("Shannon",), "", "1948"),
    (" - Smith 2020", ("Smith",), "", "2020"),
    (", Smith, 2020", ("Smith",), "", "2020"),
    (". Smith, 2020.", ("Smith",), "", "2020"),
    (" (Smith, 2020)", ("Smith",), "", "2020"),
    (" - He, 2016", ("He",), "", "2016"),
    (" - LeCun, 2015", ("LeCun",), "", "2015"),
    (" - McCarthy, 1959", ("McCarthy",), "", "1959"),
    (" - Smith et al. 2020", ("Smith", "others"), "", "2020"),
    (" - Smith et al., 2020", ("Smith", "others"), "", "2020"),
    (" - Vaswani, NeurIPS 2017", ("Vaswani",), "NeurIPS", "2017"),
    (" - Smith, ICML", ("Smith",), "ICML", ""),  # (no year: the arXiv id's is the preprint's)
    # ... and what stays a venue: a venue known by name, a journal of one word, an acronym.
    (" - NeurIPS 2020", (), "NeurIPS", "2020"),
    (" - ICML", (), "ICML", ""),
    (" - Neurocomputing, 2020", (), "Neurocomputing", "2020"),
    (" - Bioinformatics 2021", (), "Bioinformatics", "2021"),
    (" - Nature, 2015", (), "Nature", "2015"),
    (" - TPAMI, 2021", (), "TPAMI", "2021"),
    (" - JMLR 2020", (), "JMLR", "2020"),
    (" - NeurIPS 2019 Oral", (), "NeurIPS", "2019"),
]


# Words of one capital that name a journal, a publisher or a place a work was put, as
# lists write them after a title, or end a title before its year: each was the venue
# before surnames were read (as below), and is not a name. (Read off by hand: Distill is
# distill.pub's journal; the rest publishers, sites, and an acronym written as a word.)
STAYS_VENUE = [
    (" - Distill 2020", "Distill", "2020"),
    (" (Distill, 2018)", "Distill", "2018"),
    (", Distill 2020", "Distill", "2020"),
    (" - Springer, 2019", "Springer", "2019"),
    (" - Elsevier 2020", "Elsevier", "2020"),
    (" - Medium, 2021", "Medium", "2021"),
    (" - Substack 2023", "Substack", "2023"),
    (" - Openreview 2021", "Openreview", "2021"),
    (" - Lancet 2020", "Lancet", "2020"),
    (" - Jmlr 2019", "Jmlr", "2019"),
    (" - Whitepaper 2021", "Whitepaper", "2021"),
    (" Revisited, 2020", "Revisited", "2020"),
]


@pytest.mark.parametrize("after, venue, year", STAYS_VENUE)
def test_a_journal_publisher_or_title_word_of_one_capital_stays_the_venue(after, venue, year):
    # "[Title](...) - Distill 2020" was imported with the author "Distill" and no venue.
    records, problems = _parse(f"- [A Title](https://arxiv.org/abs/1905.00001){after}\n")
    assert not problems, problems.format()
    assert [(r.authors, r.venue, r.year) for r in records] == [((), venue, year)]
    assert records[0].read_before == ()  # (a re-import moves no venue "Distill" to the authors)


# Names before a year, as a citation writes two authors or more: the item's authors,
# and no venue ("- Vaswani and Shazeer, 2017" was also published in "Vaswani and
# Shazeer"); a venue's words joined by "and" stay the venue, no one's names (each
# read off the item by hand).
NAMES_BEFORE_A_YEAR = [
    (" - Vaswani and Shazeer, 2017", ("Vaswani", "Shazeer"), "", "2017"),
    (" (Vaswani and Shazeer, 2017)", ("Vaswani", "Shazeer"), "", "2017"),
    (" - Smith, Jones and Lee, 2020", ("Smith", "Jones", "Lee"), "", "2020"),
    (" - Ada Lovelace and Alan Turing, 2020", ("Ada Lovelace", "Alan Turing"), "", "2020"),
    (" - Ada Lovelace, Alan Turing, 2020", ("Ada Lovelace", "Alan Turing"), "", "2020"),
    (" - Alan Turing, Grace Hopper, ICLR'24", ("Alan Turing", "Grace Hopper"), "ICLR", "2024"),
    (" - Computer Vision and Pattern Recognition, 2020", (), "Computer Vision and Pattern Recognition", "2020"),
    (" - Pattern Recognition and Machine Intelligence, 2020", (), "Pattern Recognition and Machine Intelligence", "2020"),
    # (two surnames and "et al.": each a name, and no venue "Smith and Jones et al")
    (" - Smith and Jones et al., 2020", ("Smith", "Jones", "others"), "", "2020"),
    (" - Smith and Jones et al. 2020", ("Smith", "Jones", "others"), "", "2020"),
    # (an initial's full stop ends no sentence: these were by "Turing" and "He" alone)
    (" - A. Lovelace and A. Turing, 2020", ("A. Lovelace", "A. Turing"), "", "2020"),
    (" - A. Lovelace, A. Turing, NeurIPS 2020", ("A. Lovelace", "A. Turing"), "NeurIPS", "2020"),
    (" - K. He et al., 2016", ("K. He", "others"), "", "2016"),
    # (a surname that starts with a letter ASCII lacks: these were by no one, of no year;
    # a word of no capital, "été", is still no venue, and no name)
    (" - Øksendal, 2003", ("Øksendal",), "", "2003"),
    (" - İlhan and Öztürk, 2019", ("İlhan", "Öztürk"), "", "2019"),
    (" - Åström, ICML 2021", ("Åström",), "ICML", "2021"),
    # (APA's names after the title, each initial after its surname: the last initial was
    # the venue "A" or "J", and the names "Lovelace", "A.", "Turing")
    (" - Lovelace, A. and Turing, A., 2020", ("A. Lovelace", "A. Turing"), "", "2020"),
    (" - Lovelace, A., & Turing, A., NeurIPS 2020", ("A. Lovelace", "A. Turing"), "NeurIPS", "2020"),
    (" - Smith, J., 2020", ("J. Smith",), "", "2020"),
    # (... cut short by "et al.": the venue was "et al", the authors none or the first
    # alone; and before the year in parentheses, APA's own "(2017)": no authors)
    (" - Vaswani, A. et al., 2017", ("A. Vaswani", "others"), "", "2017"),
    (" (Vaswani, A. et al., 2017)", ("A. Vaswani", "others"), "", "2017"),
    (" - Vaswani, A., Shazeer, N., et al., 2017", ("A. Vaswani", "N. Shazeer", "others"), "", "2017"),
    (" - Vaswani, A. et al. 2017", ("A. Vaswani", "others"), "", "2017"),
    (" - Vaswani, A. et al., NeurIPS 2017", ("A. Vaswani", "others"), "NeurIPS", "2017"),
    (" - Vaswani, A. et al. (2017)", ("A. Vaswani", "others"), "", "2017"),
    (" - Lovelace, A. and Turing, A. (2020)", ("A. Lovelace", "A. Turing"), "", "2020"),
    # (all the names before the year, not the first two with the rest as the venue: by
    # hand, ResNet's four authors and the Transformer's eight)
    (" - He, Zhang, Ren and Sun, 2016", ("He", "Zhang", "Ren", "Sun"), "", "2016"),
    (
        " - Vaswani, Shazeer, Parmar, Uszkoreit, Jones, Gomez, Kaiser and Polosukhin, 2017",
        ("Vaswani", "Shazeer", "Parmar", "Uszkoreit", "Jones", "Gomez", "Kaiser", "Polosukhin"), "", "2017",
    ),
]


def test_a_surname_after_by_an_earlier_import_read_as_the_venue_is_said_once():
    # The venue an earlier import took, "by Shannon", is said; not also "Shannon", which
    # no import read.
    records, _ = _parse("- [A Title](https://arxiv.org/abs/1905.00001) by Shannon, 1948\n")
    assert [(b.names, b.values) for b in records[0].read_before] == [(("venue",), ("by Shannon",))]


def test_names_an_earlier_import_also_read_as_the_venue_are_said_to_be_read_so():
    # A re-import takes the venue "Vaswani and Shazeer" (the words as written) out of a
    # file where an earlier import wrote it, and says why.
    records, _ = _parse("- [A Title](https://arxiv.org/abs/1905.00001) - Vaswani and Shazeer, 2017\n")
    assert [(b.names, b.values, b.why) for b in records[0].read_before] == [
        (("venue",), ("Vaswani and Shazeer",), "its authors' names, which an earlier import read as its venue"),
    ]
    records, _ = _parse("- [A Title](https://arxiv.org/abs/1905.00001) - Smith, Jones and Lee, 2020\n")
    assert [b.values for b in records[0].read_before] == [("Jones and Lee",)]


# A capitalised word with a hyphen before a year: a double surname is a name; a title's
# compound (each part a dictionary word, or a prefix first) is no one's, and stays the
# venue as "Revisited, 2020" does. (By hand: Sohl-Dickstein, Lennard-Jones, Co-Reyes and
# De-Arteaga are authors' surnames.)
HYPHENATED = [
    (" Self-Supervised, 2020", (), "Self-Supervised", "2020"),
    (" - Zero-Shot, 2021", (), "Zero-Shot", "2021"),
    (" - Non-Local, 2018", (), "Non-Local", "2018"),
    (" - Pre-Trained 2020", (), "Pre-Trained", "2020"),
    (" - Multi-Task, 2019", (), "Multi-Task", "2019"),
    (" - Jones-Smith, 2020", ("Jones-Smith",), "", "2020"),
    (" - Sohl-Dickstein, 2015", ("Sohl-Dickstein",), "", "2015"),
    (" - Lennard-Jones, 1924", ("Lennard-Jones",), "", "1924"),
    (" - Co-Reyes, 2019", ("Co-Reyes",), "", "2019"),
    (" - De-Arteaga, 2019", ("De-Arteaga",), "", "2019"),
    # ("co" and "de" start surnames, but before a dictionary's word a compound: by hand,
    # co-training and denoising are methods, no one's names)
    (" - Co-Training, 2020", (), "Co-Training", "2020"),
    (" - De-Noising, 2020", (), "De-Noising", "2020"),
    # (a double surname of two dictionary words that are both common surnames is a name,
    # read as a compound before: by hand, Kate Smith-Miles writes on algorithm selection;
    # one such word beside another word is a title's compound still)
    (" - Smith-Miles, 2019", ("Smith-Miles",), "", "2019"),
    (" - Smith-Miles and Lim, 2019", ("Smith-Miles", "Lim"), "", "2019"),
    (" - Long-Term, 2019", (), "Long-Term", "2019"),
    (" - Hill-Climbing, 2020", (), "Hill-Climbing", "2020"),
]

# One author's name before a year or a venue, with initials or a given name: the author
# (it gave none, or the venue "Andrej Karpathy"); a venue's words of two capitals, all of
# the dictionary, or an organisation's, stay the venue. (By hand: Karpathy's and Weng's
# blogs are cited so in LLM lists; Jun-Yan Zhu wrote CycleGAN, ICCV 2017.)
ONE_PERSON = [
    (" - K. Smith, 2019", ("K. Smith",), "", "2019"),
    (" - C. E. Shannon, 1948", ("C. E. Shannon",), "", "1948"),
    (" - J.-Y. Zhu, ICCV 2017", ("J.-Y. Zhu",), "ICCV", "2017"),
    (" - K. Smith-Miles. ICML 2019.", ("K. Smith-Miles",), "ICML", "2019"),
    (" - Andrej Karpathy, 2015", ("Andrej Karpathy",), "", "2015"),
    (" - Lilian Weng, 2023", ("Lilian Weng",), "", "2023"),
    (" - Ashish Vaswani, NeurIPS 2017", ("Ashish Vaswani",), "NeurIPS", "2017"),
    (" - Shannon (1948)", ("Shannon",), "", "1948"),
    (" - Ashish Vaswani (2017)", ("Ashish Vaswani",), "", "2017"),
    # (a surname after its particles: lower-case ones alone, "de Freitas", or after a
    # given name or initials in capitals too; "Le Monde" and "De Gruyter" name no one.
    # They gave the venue "van der Maaten", "Le Cun"; by hand, t-SNE's and LeNet's authors)
    (" - L. van der Maaten, 2008", ("L. van der Maaten",), "", "2008"),
    (" - Laurens van der Maaten, 2008", ("Laurens van der Maaten",), "", "2008"),
    (" - de Freitas, 2016", ("de Freitas",), "", "2016"),
    (" - Y. Le Cun, 1998", ("Y. Le Cun",), "", "1998"),
    (" - Luc Van Gool, ICCV 2019", ("Luc Van Gool",), "ICCV", "2019"),
    # (a given name's two-letter initial, the digraph of Czech, German, Hungarian or
    # Chinese romanisations, "Ch.", "Th.", "Sz.", "Gy.", "Zh.": its full stop ends no
    # sentence; these were by "Li", "Müller", ... alone, "Ch. Li and Th. Müller" by "Li"
    # and "Th")
    (" - Ch. Li, 2017", ("Ch. Li",), "", "2017"),
    (" - Th. Müller, 2017", ("Th. Müller",), "", "2017"),
    (" - Sz. Kovács, 2017", ("Sz. Kovács",), "", "2017"),
    (" - Gy. Nagy, ICML 2017", ("Gy. Nagy",), "ICML", "2017"),
    (" - Ch. Li and Th. Müller, 2017", ("Ch. Li", "Th. Müller"), "", "2017"),
    (" - Zh. Wang, Ch. Li, ICLR 2022", ("Zh. Wang", "Ch. Li"), "ICLR", "2022"),
    # (... while a two-letter surname's full stop ends its sentence: "K. He." before a venue)
    (" - K. He. CVPR 2016.", ("K. He",), "CVPR", "2016"),
    # (... and "Ly.", Vietnamese "Lý", no given name's digraph: by no one after 06445cf8)
    (" - K. Ly. CVPR 2016.", ("K. Ly",), "CVPR", "2016"),
    (" - A. Smith and K. Ly. CVPR 2016.", ("A. Smith", "K. Ly"), "CVPR", "2016"),
    (" - Anh Ly. CVPR 2016.", ("Anh Ly",), "CVPR", "2016"),
    (" - Le Monde, 2020", (), "Le Monde", "2020"),
    (" - De Gruyter, 2020", (), "De Gruyter", "2020"),
    (" - Machine Learning, 2020", (), "Machine Learning", "2020"),
    (" - Marine Biology 2020", (), "Marine Biology", "2020"),
    (" - The Gradient, 2020", (), "The Gradient", "2020"),
    (" - Stanford University, 2020", (), "Stanford University", "2020"),
    (" - Genome Biology, 2020", (), "Genome Biology", "2020"),
    # (names before a venue that are all words of the dictionary are no one's, as before
    # a year: they were the authors)
    (" - Image Classification, Object Detection, ICLR 2020", (), "ICLR", "2020"),
    (" - Theory, Practice, ICLR 2020", (), "ICLR", "2020"),
    (" - Vaswani, Shazeer, ICLR 2020", ("Vaswani", "Shazeer"), "ICLR", "2020"),
    # (a name's last word is no word of the dictionary unless a common surname, and its
    # first no place's article: these were the venue before 9f8d25a4, then one author)
    (" - Hidden Markov Models, 1989", (), "Hidden Markov Models", "1989"),
    (" - Kalman Filter, 1960", (), "Kalman Filter", "1960"),
    (" - Monte Carlo Dropout, 2016", (), "Monte Carlo Dropout", "2016"),
    (" - New York Times, 2020", (), "New York Times", "2020"),
    (" - Cleveland Clinic, 2019", (), "Cleveland Clinic", "2019"),
    (" - Procesamiento del Lenguaje Natural, 2019", (), "Procesamiento del Lenguaje Natural", "2019"),
    (" - San Francisco, 2019", (), "San Francisco", "2019"),
    (" - Los Alamos, 2017", (), "Los Alamos", "2017"),
    (" - Der Spiegel, 2019", (), "Der Spiegel", "2019"),
    (" - Revista de Informática, 2020", (), "Revista de Informática", "2020"),
    (" - Revista Brasileira de Computação, 2018", (), "Revista Brasileira de Computação", "2018"),
    (" - Banque de France, 2020", (), "Banque de France", "2020"),
    (" - Politecnico di Milano, 2019", (), "Politecnico di Milano", "2019"),
    (" - Nando de Freitas, 2016", ("Nando de Freitas",), "", "2016"),
    (" - Grace Hopper, 2019", ("Grace Hopper",), "", "2019"),
]

# Names after a title as lists write them otherwise: after "by", and with "et. al."
# (they gave the venue "by Shannon", the authors "by Vaswani", the venue "al").
BY_AND_ET_AL = [
    (" by Shannon, 1948", ("Shannon",), "", "1948"),
    (" by Vaswani et al., 2017", ("Vaswani", "others"), "", "2017"),
    (" - by Vaswani and Shazeer, 2017", ("Vaswani", "Shazeer"), "", "2017"),
    (" - Vaswani et. al., 2017", ("Vaswani", "others"), "", "2017"),
    (" - Vaswani, A. et. al., 2017", ("A. Vaswani", "others"), "", "2017"),
]

# Names as PubMed and Vancouver's style write them, the initials after the surname
# without full stops: they were kept so ("He K", shown with the given name "He"), and
# the last before a year was the venue ("Shazeer N"). Written as APA's are, "K. He".
VANCOUVER = [
    (" - He K, Zhang X, Ren S, Sun J. CVPR 2016", ("K. He", "X. Zhang", "S. Ren", "J. Sun"), "CVPR", "2016"),
    (" - Vaswani A, Shazeer N, 2017", ("A. Vaswani", "N. Shazeer"), "", "2017"),
    (" - Vaswani A, et al. NeurIPS 2017", ("A. Vaswani", "others"), "NeurIPS", "2017"),
    (" - van der Maaten L, Hinton GE. JMLR 2008", ("L. van der Maaten", "G. E. Hinton"), "JMLR", "2008"),
    (" - He K, Sun J. Nature 2016", ("K. He", "J. Sun"), "Nature", "2016"),
]

# A middle initial in the names after a title: its full stop cut the names there, "Noah
# A. Smith" was "Noah A" and the rest was lost ("Ofir Press, Noah A" for three people).
MIDDLE_INITIALS = [
    (" - Ofir Press, Noah A. Smith, Mike Lewis, ICLR 2022", ("Ofir Press", "Noah A. Smith", "Mike Lewis"), "ICLR", "2022"),
    (" - Ada Lovelace, Noah A. Smith, Mike Lewis, ICLR 2022", ("Ada Lovelace", "Noah A. Smith", "Mike Lewis"), "ICLR", "2022"),
    (" - Xuezhi Wang, Jason W. Wei. (ICLR 2023)", ("Xuezhi Wang", "Jason W. Wei"), "ICLR", "2023"),
    (" - Ada Lovelace, Noah A. Smith (ICLR 2022)", ("Ada Lovelace", "Noah A. Smith"), "ICLR", "2022"),
    (" - Ada Lovelace, Noah A. Smith, 2022", ("Ada Lovelace", "Noah A. Smith"), "", "2022"),
]

# Emoji and arrows that set the names apart from the title, the venue or the year, as a
# dash does: the names were read with them, as no one's.
PICTURES = [
    (" 👥 Vaswani et al. 📅 2017", ("Vaswani", "others"), "", "2017"),
    (" 👥 Vaswani et al. 🏛️ NeurIPS 2017", ("Vaswani", "others"), "NeurIPS", "2017"),
    (" → Vaswani and Shazeer → NeurIPS 2017", ("Vaswani", "Shazeer"), "NeurIPS", "2017"),
    (" 🔥 Vaswani et al., 2017", ("Vaswani", "others"), "", "2017"),
    (" ✨ Smith, 2020", ("Smith",), "", "2020"),
    (" (NeurIPS 2017) 🔥🔥", (), "NeurIPS", "2017"),
]

# Names last, after the venue and year: they gave no authors (or were the venue's last
# words, "NeurIPS Vaswani et al"); words of the dictionary there name no one.
NAMES_AFTER_THE_VENUE = [
    (" - NeurIPS 2017 - Ashish Vaswani, Noam Shazeer", ("Ashish Vaswani", "Noam Shazeer"), "NeurIPS", "2017"),
    (" - NeurIPS 2020 (Oral) - Vaswani, Shazeer", ("Vaswani", "Shazeer"), "NeurIPS", "2020"),
    (", *NeurIPS 2017*, Vaswani et al.", ("Vaswani", "others"), "NeurIPS", "2017"),
    (" - NeurIPS 2017, Vaswani and Shazeer", ("Vaswani", "Shazeer"), "NeurIPS", "2017"),
    (" - ICLR 2021 - Vision, Language", (), "ICLR", "2021"),
    (" - CVPR 2020 - Segmentation, Detection", (), "CVPR", "2020"),
    # (a conference's place is no one's name: they were the authors since 6c8221f5; the
    # venue kept the place after a comma, as before it, until imp38 left it out: "ICRA
    # Montreal, Canada" is no venue)
    (" - NeurIPS 2017 - Sydney, Australia", (), "NeurIPS", "2017"),
    (" - ICRA 2019, Montreal, Canada", (), "ICRA", "2019"),
    (" - ACL 2019, Florence, Italy", (), "ACL", "2019"),
]

# Two surnames alone that are words of the dictionary: names when one at least is a
# common surname ("Brown", "Sun"); words of the dictionary none of which is one are a
# venue's or a title's ("Theory and Practice" was read as two authors). (By hand: Kaiming
# He and Jian Sun wrote ResNet; Rich and Knight wrote "Artificial Intelligence", 1991.)
PAIRS_OF_WORDS = [
    (" - Brown and Green, 2020", ("Brown", "Green"), "", "2020"),
    (" - He and Sun, 2016", ("He", "Sun"), "", "2016"),
    (" - Rich and Knight, 1991", ("Rich", "Knight"), "", "1991"),
    (" - Theory and Practice, 2020", (), "Theory and Practice", "2020"),
    (" - Methods and Applications, 2021", (), "Methods and Applications", "2021"),
]

# Names that start as a month's abbreviation does ("Mar", "Nov", "May") are names, and a
# venue that does is a venue: "Marcus and Davis, 2019" gave neither authors nor venue
# ("Marcus" read as March), "Marine Biology 2020" no venue and no year. A field's nouns
# joined by "and" are no one's names ("Detection", "Inference", "Topology": dictionary
# words with a field's ending; "Hydrobiology" ends in "-ology", which no surname does).
# (Each read off by hand: Gary Marcus and Ernest Davis wrote "Rebooting AI", 2019.)
MONTH_LIKE_AND_FIELD_WORDS = [
    (" - Marcus and Davis, 2019", ("Marcus", "Davis"), "", "2019"),
    (" - Martin, 2020", ("Martin",), "", "2020"),
    (" - Novak and Mayer, 2021", ("Novak", "Mayer"), "", "2021"),
    (" - Marine Biology 2020", (), "Marine Biology", "2020"),
    (" - Decision Support Systems, 2020", (), "Decision Support Systems", "2020"),
    (" - Detection and Segmentation, 2020", (), "Detection and Segmentation", "2020"),
    (" - Learning and Inference, 2020", (), "Learning and Inference", "2020"),
    (" - Geometry and Topology, 2020", (), "Geometry and Topology", "2020"),
    (" - Hydrobiology, 2020", (), "Hydrobiology", "2020"),
    (" - Manning and Schütze, 1999", ("Manning", "Schütze"), "", "1999"),
    (" - Clement, 2020", ("Clement",), "", "2020"),
]


# A journal of one word: in italics, as a citation sets a journal and never a name, it
# is the venue whatever the word (a surname's too); MDPI's journals that name no one are
# known by name ("Water"); two names in italics or more are still names.
ONE_WORD_JOURNAL = [
    (" - *Water*, 2020", (), "Water", "2020"),
    (" - _Hydrobiology_, 2020", (), "Hydrobiology", "2020"),
    (" - *Shannon*, 1948", (), "Shannon", "1948"),
    (" - Water, 2020", (), "Water", "2020"),
    (" - Forests 2021", (), "Forests", "2021"),
    (" - Shannon, 1948", ("Shannon",), "", "1948"),
    (" - *Ada Lovelace, Alan Turing*, 2020", ("Ada Lovelace", "Alan Turing"), "", "2020"),
    # (a surname with its sentence's full stop inside the italics is a sentence of names,
    # as "*Ada Lovelace, Alan Turing.*" is: it gave no author)
    (" - *Shannon.* 1948", ("Shannon",), "", "1948"),
    (". *Shannon.* Bell System Technical Journal, 1948", ("Shannon",), "Bell System Technical Journal", "1948"),
]


@pytest.mark.parametrize(
    "after, authors, venue, year",
    ONE_NAME + NAMES_BEFORE_A_YEAR + HYPHENATED + PAIRS_OF_WORDS + ONE_PERSON + BY_AND_ET_AL + VANCOUVER + PICTURES
    + MIDDLE_INITIALS + NAMES_AFTER_THE_VENUE + ONE_WORD_JOURNAL + MONTH_LIKE_AND_FIELD_WORDS,
)
def test_names_after_the_title_are_its_authors_a_venue_its_venue(after, authors, venue, year):
    # "[Title](...) - Smith, 2020" was imported as published in "Smith"; "- Vaswani and
    # Shazeer, 2017" as by them and published in "Vaswani and Shazeer"; "- Self-Supervised,
    # 2020" and "- Water, 2020" as by "Self-Supervised" and "Water".
    records, problems = _parse(f"- [A Title](https://arxiv.org/abs/1905.00001){after}\n")
    assert not problems, problems.format()
    assert [(r.authors, r.venue, r.year) for r in records] == [(authors, venue, year)]


@pytest.mark.parametrize("item, authors, venue, year", [
    ("- **Deep Residual Learning for Image Recognition**. Smith and Jones. ICML 2019.", ("Smith", "Jones"), "ICML", "2019"),
    ("- **Dropout**. Srivastava and Hinton. JMLR 2014. [[pdf]](https://x.org/d.pdf)", ("Srivastava", "Hinton"), "JMLR", "2014"),
    ("- [A Title](https://x.org/p.pdf). Vaswani, Shazeer, Parmar. NeurIPS 2017.", ("Vaswani", "Shazeer", "Parmar"), "NeurIPS", "2017"),
    # ("et al." ends the sentence of names before a capital, as its full stop says)
    ("- [A Title](https://x.org/p.pdf). Vaswani et al. NeurIPS 2017.", ("Vaswani", "others"), "NeurIPS", "2017"),
    ("- [A Title](https://x.org/p.pdf) - Vaswani et al. *NeurIPS* 2017", ("Vaswani", "others"), "NeurIPS", "2017"),
    # (words of the dictionary alone are no one's names there: a description's; but
    # common surnames are names, "He and Sun" gave no authors)
    ("- [A Title](https://x.org/p.pdf). Code and Data. ICML 2019.", (), "ICML", "2019"),
    ("- [A Title](https://x.org/p.pdf). Theory and Practice. ICML 2019.", (), "ICML", "2019"),
    ("- **Deep Residual Learning**. He and Sun. CVPR 2016.", ("He", "Sun"), "CVPR", "2016"),
])
def test_a_sentence_of_names_alone_before_the_venue_gives_the_authors(item, authors, venue, year):
    # The form of lists that bold the title, then the names and the venue each a
    # sentence: the authors were left out. (Each read off the item by hand.)
    records, problems = _parse(item + "\n")
    assert not problems, problems.format()
    assert [(r.authors, r.venue, r.year) for r in records] == [(authors, venue, year)]


@pytest.mark.parametrize("item, authors, venue, year", [
    # Names and their year before the title, as a citation writes them: they gave no
    # authors, and no year (or the arXiv id's), or the venue "Vaswani et al".
    ("- Vaswani et al. (2017). [A Title](https://arxiv.org/abs/1905.00001). *NeurIPS*.", ("Vaswani", "others"), "NeurIPS", "2017"),
    ("- Vaswani and Shazeer (2017). [A Title](https://arxiv.org/abs/1905.00001)", ("Vaswani", "Shazeer"), "", "2017"),
    ("- Shannon (1948). [A Title](https://x.org/s.pdf)", ("Shannon",), "", "1948"),
    ("- Vaswani et al., 2017. [A Title](https://arxiv.org/abs/1905.00001)", ("Vaswani", "others"), "", "2017"),
    ("- (Vaswani et al., 2017) [A Title](https://arxiv.org/abs/1905.00001)", ("Vaswani", "others"), "", "2017"),
    ("- (Shannon, 1948) [A Title](https://x.org/s.pdf)", ("Shannon",), "", "1948"),
    # (a venue and its year there stays the venue: a word alone is a name only with its
    # year set apart, as a citation sets it)
    ("- (CVPR 2020) [A Title](https://x.org/s.pdf)", (), "CVPR", "2020"),
    ("- (Smith 2020) [A Title](https://x.org/s.pdf)", (), "Smith", "2020"),
    ("- (Machine Learning, 2020) [A Title](https://x.org/s.pdf)", (), "Machine Learning", "2020"),
])
def test_names_and_their_year_before_the_title_are_its_authors(item, authors, venue, year):
    records, problems = _parse(item + "\n")
    assert not problems, problems.format()
    assert [(r.title, r.authors, r.venue, r.year) for r in records] == [("A Title", authors, venue, year)]


def test_names_before_the_title_an_earlier_import_read_as_the_venue_are_said_to_be_read_so():
    records, _ = _parse("- (Shannon, 1948) [A Title](https://x.org/s.pdf)\n")
    assert [(b.names, b.values) for b in records[0].read_before] == [(("venue",), ("Shannon",))]
    # (after a title, only where an earlier import read a venue: "Shannon (1948)" gave none)
    records, _ = _parse("- Shannon (1948). [A Title](https://x.org/s.pdf)\n")
    assert records[0].read_before == ()
    records, _ = _parse("- [A Title](https://x.org/s.pdf) - Shannon (1948)\n")
    assert records[0].read_before == ()
    # (and the surname of one author with initials, which earlier imports read alone)
    records, _ = _parse("- [A Title](https://x.org/s.pdf) - A. B. Smith-Miles, 2019\n")
    assert [(b.names, b.values, b.why) for b in records[0].read_before] == [
        (("venue",), ("Smith-Miles",), "its author's name, which an earlier import read as its venue"),
    ]


@pytest.mark.parametrize("after, authors, venue, year", [
    # A journal's name abbreviated as ISO 4 writes it is no one's name: each gave an
    # author ("Neural Netw", "Lett", "R. Soc", "Commun", "J. Comput", "J. Chem") and no
    # venue. The venue as 'Neural Netw' was read before, without its last full stop.
    ("Neural Netw., 2019", (), "Neural Netw", "2019"),
    ("Phys. Rev. Lett. 2020", (), "Phys. Rev. Lett", "2020"),
    ("Phil. Trans. R. Soc. A, 2018", (), "Phil. Trans. R. Soc. A", "2018"),
    ("Nat. Commun. 2021", (), "Nat. Commun", "2021"),
    ("Int. J. Comput. Vis., 2019", (), "Int. J. Comput. Vis", "2019"),
    ("J. Chem. Phys., 2018", (), "J. Chem. Phys", "2018"),
    # (initials before a surname stay a name; so does a surname whose sentence ends
    # before the journal, "Shazeer." and "Wei." being no journal's words)
    ("K. He, 2016", ("K. He",), "", "2016"),
    ("C. E. Shannon, 1948", ("C. E. Shannon",), "", "1948"),
    ("J.-Y. Zhu, 2017", ("J.-Y. Zhu",), "", "2017"),
    # (a surname that is also an ISO 4 word, "Lang." of "Lang. Resour. Eval.")
    ("Fritz Lang, 1927", ("Fritz Lang",), "", "1927"),
    ("Xiao Ling, 2020", ("Xiao Ling",), "", "2020"),
    ("A. Vaswani, N. Shazeer. Nat. Commun. 2021", ("A. Vaswani", "N. Shazeer"), "Nat. Commun", "2021"),
    ("Jason Wei. Nat. Commun. 2021", ("Jason Wei",), "Nat. Commun", "2021"),
    ("Vaswani et al. Nat. Commun. 2021", ("Vaswani", "others"), "Nat. Commun", "2021"),
    # (one ISO 4 word of the list is enough when it is the journal's last, right before
    # its year: these gave no venue, "Am. J. Phys." the earlier venue "Phys"; read off
    # by hand: the American Journal of Physics, Pattern Recognition Letters, Nature
    # Machine Intelligence, Neural Networks, Computational Linguistics, the European
    # Journal of Operational Research)
    ("Am. J. Phys., 2005", (), "Am. J. Phys", "2005"),
    ("Pattern Recognit. Lett., 2010", (), "Pattern Recognit. Lett", "2010"),
    ("Nature Mach. Intell., 2021", (), "Nature Mach. Intell", "2021"),
    ("Neural Netw. 2019", (), "Neural Netw", "2019"),
    ("Comput. Linguist. 2020", (), "Comput. Linguist", "2020"),
    ("Eur. J. Oper. Res., 2019", (), "Eur. J. Oper. Res", "2019"),
    ("K. He. Neural Netw. 2019", ("K. He",), "Neural Netw", "2019"),
    ("Kaiming He, Xiangyu Zhang. Neural Netw. 2019", ("Kaiming He", "Xiangyu Zhang"), "Neural Netw", "2019"),
    # (a surname that ends its sentence is no journal's word: "Phys." is, "Li." is not)
    ("C. Li. Neural Netw. 2019", ("C. Li",), "Neural Netw", "2019"),
])
def test_a_journals_abbreviated_name_is_its_venue_and_no_authors(after, authors, venue, year):
    records, problems = _parse(f"- [Journal Name](https://openreview.net/pdf?id=jn) - {after}\n")
    assert not problems, problems.format()
    assert [(r.title, r.authors, r.venue, r.year) for r in records] == [("Journal Name", authors, venue, year)]


# Publishers and institutions after a title, as lists cite books, theses, corpora and
# blogs: the venue, never an author (each was one author, or one more: read off by hand,
# Morgan Kaufmann published Pearl's 1988 book, the MIT Press Sutton and Barto's and
# Goodfellow et al.'s, Prentice Hall Russell and Norvig's).
PUBLISHERS = [
    ("Morgan Kaufmann, 1988", (), "Morgan Kaufmann", "1988"),
    ("Penn Treebank, 1993", (), "Penn Treebank", "1993"),
    ("Google Research, 2020", (), "Google Research", "2020"),
    ("Microsoft Research, 2020", (), "Microsoft Research", "2020"),
    ("Addison-Wesley, 1994", (), "Addison-Wesley", "1994"),
    ("Springer-Verlag, 1995", (), "Springer-Verlag", "1995"),
    ("Carnegie Mellon University, 2015", (), "Carnegie Mellon University", "2015"),
    ("Max Planck Institute, 2019", (), "Max Planck Institute", "2019"),
    ("MIT Press, 2016", (), "MIT Press", "2016"),
    ("O'Reilly Media, 2017", (), "O'Reilly Media", "2017"),
    ("Springer, 2019", (), "Springer", "2019"),
    ("Cambridge University Press, 2009", (), "Cambridge University Press", "2009"),
    ("DeepMind Blog, 2020", (), "DeepMind Blog", "2020"),
    ("*Morgan Kaufmann*, 1988", (), "Morgan Kaufmann", "1988"),
    ("Morgan Kaufmann 1988", (), "Morgan Kaufmann", "1988"),
    # (the names before a publisher are the authors, the publisher none of them)
    ("Sutton and Barto, MIT Press, 2018", ("Sutton", "Barto"), "MIT Press", "2018"),
    ("Richard S. Sutton and Andrew G. Barto, MIT Press, 2018", ("Richard S. Sutton", "Andrew G. Barto"), "MIT Press", "2018"),
    ("Goodfellow, Bengio and Courville, MIT Press, 2016", ("Goodfellow", "Bengio", "Courville"), "MIT Press", "2016"),
    ("Ian Goodfellow, MIT Press, 2016", ("Ian Goodfellow",), "MIT Press", "2016"),
    ("Russell and Norvig, Prentice Hall, 2010", ("Russell", "Norvig"), "Prentice Hall", "2010"),
    ("Mitchell, McGraw-Hill, 1997", ("Mitchell",), "McGraw-Hill", "1997"),
    # (a surname that is a publisher's word stays a name where the item's shape says
    # so: after initials, or among other people's names; a given name before it tells
    # no person from a publisher, "Mark Press" and "Jane Springer" alone stay the venue,
    # as they were)
    ("W. H. Press, 2007", ("W. H. Press",), "", "2007"),
    ("J. Springer, 2019", ("J. Springer",), "", "2019"),
    ("Ofir Press and Mike Lewis, 2022", ("Ofir Press", "Mike Lewis"), "", "2022"),
    ("Jane Springer and John Smith, 2019", ("Jane Springer", "John Smith"), "", "2019"),
    ("O. Press, N. A. Smith, M. Lewis, ICLR 2022", ("O. Press", "N. A. Smith", "M. Lewis"), "ICLR", "2022"),
    ("Mark Press, 2019", (), "Mark Press", "2019"),
    ("Jane Springer, 2019", (), "Jane Springer", "2019"),
    ("K. He, 2016", ("K. He",), "", "2016"),
    # (one name of two words or more before a one-word publisher or journal, or an
    # abbreviated journal: the author; these gave no author, the venue as now. Bishop's
    # Pattern Recognition and Machine Learning, Springer 2006, read off by hand)
    ("C. M. Bishop, Springer, 2006", ("C. M. Bishop",), "Springer", "2006"),
    ("Christopher M. Bishop, Springer, 2006", ("Christopher M. Bishop",), "Springer", "2006"),
    ("K. He, Neural Netw. 2019", ("K. He",), "Neural Netw", "2019"),
    ("K. He, Pattern Recognit. Lett. 2019", ("K. He",), "Pattern Recognit. Lett", "2019"),
    ("Ada Lovelace, Noah A. Smith, Neural Netw. 2019", ("Ada Lovelace", "Noah A. Smith"), "Neural Netw", "2019"),
    # (... not one word: a surname alone tells no person from a title's last word)
    ("Transformers, Revisited, 2020", (), "Revisited", "2020"),
    ("Bishop, Springer, 2006", (), "Springer", "2006"),
    ("Deep Learning, Springer, 2006", (), "Springer", "2006"),
    # (a publisher or an institution before a year in brackets: no venue before, and
    # no author before it; "Ofir Press" there is no publisher's name, nor a venue)
    ("MIT Press (2016)", (), "MIT Press", "2016"),
    ("Carnegie Mellon University (2015)", (), "Carnegie Mellon University", "2015"),
    ("Ian Goodfellow, MIT Press (2016)", ("Ian Goodfellow",), "MIT Press", "2016"),
    ("Ofir Press (2022)", (), "", "2022"),
    ("Ada Lovelace (2016)", ("Ada Lovelace",), "", "2016"),
    # (several names before a publisher and its year in brackets are the authors, as one
    # name was: these gave the venue and no author)
    ("Sutton and Barto, MIT Press (2018)", ("Sutton", "Barto"), "MIT Press", "2018"),
    ("Sutton & Barto, MIT Press (2018)", ("Sutton", "Barto"), "MIT Press", "2018"),
    ("Goodfellow, Bengio and Courville, MIT Press (2016)", ("Goodfellow", "Bengio", "Courville"), "MIT Press", "2016"),
    ("Sutton et al., MIT Press (2018)", ("Sutton", "others"), "MIT Press", "2018"),
    ("Theory and Practice, MIT Press (2018)", (), "MIT Press", "2018"),
    # (a surname that is an organisation's word, after a given name, where a venue known
    # by name follows in the same citation: that is the venue, so the name is a person's;
    # these gave no author. After initials, anywhere. Before a year alone, "John Media,
    # 2020" stays the venue, as "Mark Press, 2019" does; an organisation's or an
    # acronym's name before a known venue is no author: "OpenAI Blog", "MIT Press")
    ("Ofir Press, ICLR 2022", ("Ofir Press",), "ICLR", "2022"),
    ("Ofir Press (ICLR 2022)", ("Ofir Press",), "ICLR", "2022"),
    ("Ofir Press. ICLR 2022.", ("Ofir Press",), "ICLR", "2022"),
    ("William H. Press, NeurIPS 2020", ("William H. Press",), "NeurIPS", "2020"),
    ("John Media, NeurIPS 2020", ("John Media",), "NeurIPS", "2020"),
    ("J. Media, NeurIPS 2020", ("J. Media",), "NeurIPS", "2020"),
    ("John Media, 2020", (), "John Media", "2020"),
    ("OpenAI Blog, ICML 2019", (), "ICML", "2019"),
    ("MIT Press, ICML 2019", (), "ICML", "2019"),
    ("Academic Press, ICML 2019", (), "ICML", "2019"),
    ("Google Blog, ICML 2019", (), "ICML", "2019"),
    ("Kalman Filter, ICLR 2022", (), "ICLR", "2022"),
    # (a college is a lab's, as a list names it before the venue; hardly anyone's surname:
    # these were the authors 'Imperial College' and 'Boston College')
    ("Imperial College, ICML 2021", (), "ICML", "2021"),
    ("Boston College (ICML 2021)", (), "ICML", "2021"),
    # (a venue of one word that a list writes, before its year in brackets, as before its
    # year after a comma, "Book, 2016": the first three gave neither venue nor authors, the
    # fourth no venue; a surname alone before its year stays a name)
    ("Goodfellow, Bengio and Courville, Book (2016)", ("Goodfellow", "Bengio", "Courville"), "Book", "2016"),
    ("Ian Goodfellow, Book (2016)", ("Ian Goodfellow",), "Book", "2016"),
    ("Book (2016)", (), "Book", "2016"),
    ("Theory and Practice, Book (2016)", (), "Book", "2016"),
    ("Shannon (1948)", ("Shannon",), "", "1948"),
]


@pytest.mark.parametrize("after, authors, venue, year", PUBLISHERS)
def test_a_publisher_or_an_institution_is_the_venue_and_no_author(after, authors, venue, year):
    records, problems = _parse(f"- [A Book](https://example.org/book.pdf) - {after}\n")
    assert not problems, problems.format()
    assert [(r.title, r.authors, r.venue, r.year) for r in records] == [("A Book", authors, venue, year)]


def test_a_publisher_an_earlier_import_read_as_an_author_is_said_to_be_read_so():
    records, _ = _parse("- [A Book](https://example.org/book.pdf) - Sutton and Barto, MIT Press, 2018\n")
    assert [(b.names, b.values, b.why) for b in records[0].read_before] == [(
        ("authors",), (("Sutton", "Barto", "MIT Press"),),
        "the publisher or institution it names, now its venue, which an earlier import read as one of its authors",
    )]
    # (a name is said of no publisher: "W. H. Press" is no venue)
    records, _ = _parse("- [A Book](https://example.org/book.pdf) - W. H. Press, 2007\n")
    assert [b.names for b in records[0].read_before] == [("venue",)]


def test_a_journals_last_word_an_earlier_import_read_as_the_venue_is_said_to_be_read_so():
    # (split at each full stop, "Int. J. Comput. Vis., 2019" gave the venue "Vis" before
    # one-author names were read after a title)
    records, _ = _parse("- [Journal Name](https://openreview.net/pdf?id=jn) - Int. J. Comput. Vis., 2019\n")
    assert [(b.names, b.values, b.why) for b in records[0].read_before] == [
        (("venue",), ("Vis",), "the last word of its journal's abbreviated name, which an earlier import read as its venue"),
    ]


def test_an_authors_column_holds_names_as_citations_write_them():
    # APA's names were split at each comma ("Vaswani", "A.", "others"; "Shannon", "C. E"),
    # and one surname alone was no one's, though the column says whose it is.
    text = (
        "| Title | Authors | Venue |\n|---|---|---|\n"
        "| [Attention Is All You Need](https://arxiv.org/abs/1706.03762) | Vaswani, A. et al. | NeurIPS 2017 |\n"
        "| [A Mathematical Theory](https://x.org/s.pdf) | Shannon, C. E. | 1948 |\n"
        "| [Algorithm Selection](https://x.org/a.pdf) | Smith-Miles | 2009 |\n"
        "| [Deep Residual Learning](https://arxiv.org/abs/1512.03385) | He K, Zhang X, Ren S, Sun J | CVPR 2016 |\n"
        "| [Dropout](https://x.org/d.pdf) | Nitish Srivastava, Geoffrey Hinton | JMLR 2014 |\n"
    )
    records, problems = _parse(text)
    assert not problems, problems.format()
    assert [r.authors for r in records] == [
        ("A. Vaswani", "others"), ("C. E. Shannon",), ("Smith-Miles",), ("K. He", "X. Zhang", "S. Ren", "J. Sun"),
        ("Nitish Srivastava", "Geoffrey Hinton"),
    ]


@pytest.mark.parametrize("item, title, authors", [
    # A title of leading words, in italics or quotes or plain, then the names set apart
    # by a dash or a comma, then the venue: the names were the title's last words.
    ("1. *Attention Is All You Need* - Vaswani et al., NeurIPS 2017 [[paper]](https://arxiv.org/abs/1706.03762)",
     "Attention Is All You Need", ("Vaswani", "others")),
    ('7. "Attention Is All You Need", Vaswani et al., NeurIPS 2017. [[pdf]](https://arxiv.org/abs/1706.03762)',
     "Attention Is All You Need", ("Vaswani", "others")),
    ("- Attention Is All You Need, Ashish Vaswani, Noam Shazeer, NeurIPS 2017 [[pdf]](https://arxiv.org/abs/1706.03762)",
     "Attention Is All You Need", ("Ashish Vaswani", "Noam Shazeer")),
    ("- Deep Learning - Yann LeCun, Nature 2015 [[pdf]](https://x.org/d.pdf)", "Deep Learning", ("Yann LeCun",)),
    # (a title's own words after its comma or dash stay: no one's names)
    ("- Attention, Please, NeurIPS 2017 [[pdf]](https://arxiv.org/abs/1706.03762)", "Attention, Please", ()),
    ("- Vision Transformers - A Survey, TPAMI 2022 [[pdf]](https://x.org/d.pdf)", "Vision Transformers - A Survey", ()),
    ("- Learning to See, Hear, and Speak, ICML 2020 [[pdf]](https://x.org/d.pdf)", "Learning to See, Hear, and Speak", ()),
])
def test_names_after_a_title_of_leading_words_are_no_part_of_it(item, title, authors):
    records, problems = _parse(item + "\n")
    assert not problems, problems.format()
    assert [(r.title, r.authors) for r in records] == [(title, authors)]


@pytest.mark.parametrize("item, title, authors, venue, year", [
    # Names in a sentence of their own before the title: two surnames were read as
    # Chicago's "Surname, Given" ('Brown Smith-Miles'), or as the title; "et al." and its
    # year too; a dash after "et al." hid the venue after it.
    ("- Smith-Miles and Brown. **Attention Is All You Need**. ICLR 2023. [[pdf]](https://arxiv.org/abs/1706.03762)",
     "Attention Is All You Need", ("Smith-Miles", "Brown"), "ICLR", "2023"),
    ("- Smith-Miles and Brown. Attention Is All You Need. ICLR 2023. [[pdf]](https://arxiv.org/abs/1706.03762)",
     "Attention Is All You Need", ("Smith-Miles", "Brown"), "ICLR", "2023"),
    ("- Vaswani et al. 2017. Attention Is All You Need. NeurIPS. [[pdf]](https://arxiv.org/abs/1706.03762)",
     "Attention Is All You Need", ("Vaswani", "others"), "NeurIPS", "2017"),
    ("- [Attention Is All You Need](https://arxiv.org/abs/1706.03762) - Vaswani et al. - ICLR 2023",
     "Attention Is All You Need", ("Vaswani", "others"), "ICLR", "2023"),
    # (a title of dictionary words stays one; Chicago's first name, surname first, as before)
    ("- Theory and Practice. ICML 2020. [[pdf]](https://arxiv.org/abs/1706.03762)", "Theory and Practice", (), "ICML", "2020"),
    ("- Lovelace, Ada, and Alan Turing. [A Title](https://x.org/a.pdf) *Nature*, 2020",
     "A Title", ("Ada Lovelace", "Alan Turing"), "Nature", "2020"),
])
def test_a_sentence_of_names_before_the_title_gives_the_authors(item, title, authors, venue, year):
    records, problems = _parse(item + "\n")
    assert not problems, problems.format()
    assert [(r.title, r.authors, r.venue, r.year) for r in records] == [(title, authors, venue, year)]


@pytest.mark.parametrize("item, title, authors", [
    # Names alone after the title, no venue nor year after them: people's full names or
    # APA's, or any people's when the venue stands before the title; they gave none.
    ("- [Attention Is All You Need](https://arxiv.org/abs/1706.03762) - Ashish Vaswani, Noam Shazeer",
     "Attention Is All You Need", ("Ashish Vaswani", "Noam Shazeer")),
    ("- [Attention Is All You Need](https://arxiv.org/abs/1706.03762) - Vaswani, A., & Shazeer, N.",
     "Attention Is All You Need", ("A. Vaswani", "N. Shazeer")),
    # (surnames alone after a comma are the title's: nothing tells them from its own list
    # of places or models, "Paris, London, Tokyo", "Learning in Paris, London and Berlin")
    ("* (ICLR 2023) Two are better than one, Brown and Green. [[PDF](https://openreview.net/pdf?id=sb7qHFYwBc)]",
     "Two are better than one, Brown and Green", ()),
    ("* (ICLR 2023) Two are better than one - Brown and Green. [[PDF](https://openreview.net/pdf?id=sb7qHFYwBc)]",
     "Two are better than one", ("Brown", "Green")),
    ("* (NeurIPS 2020 Oral) Two are better than one - Vaswani, A. et al. [[PDF](https://openreview.net/pdf?id=sb7qH)]",
     "Two are better than one", ("A. Vaswani", "others")),
    # (words that may be places as well as names, with nothing else to tell: none)
    ("- [Attention Is All You Need](https://arxiv.org/abs/1706.03762) - Stanford, Berkeley",
     "Attention Is All You Need", ()),
])
def test_names_alone_after_the_title_are_its_authors(item, title, authors):
    records, problems = _parse(item + "\n")
    assert not problems, problems.format()
    assert [(r.title, r.authors) for r in records] == [(title, authors)]


@pytest.mark.parametrize("item, title", [
    # A title that reads as a sentence of names, with no other sentence after it but the
    # links, is the title: read as names before a title (18a906b8) it left no title, and
    # the item was not imported ("links a paper but gives no title"); it was before.
    ("- (CVPR 2021) Paris, London, Tokyo. [[PDF](https://openreview.net/pdf?id=y7)]", "Paris, London, Tokyo"),
    ("- (ICLR 2023) Markov Chains, Rivers and Lakes. [[PDF](https://openreview.net/pdf?id=y4)]",
     "Markov Chains, Rivers and Lakes"),
    # (and places after a comma are no names set apart from the title: 5194eb5b cut it
    # to "Learning in Paris", by London and Berlin)
    ("- Learning in Paris, London and Berlin, NeurIPS 2017 [[pdf]](https://openreview.net/pdf?id=z9)",
     "Learning in Paris, London and Berlin"),
    # (nor when the venue alone follows: "Title. *Venue*, Year." was titled "ICML", by
    # "Kalman Filters" and "Transformers", or by "Fast Euler Solvers", since 18a906b8)
    ("- Kalman Filters and Transformers. *ICML*, 2019. [[pdf]](https://arxiv.org/abs/2101.00150)",
     "Kalman Filters and Transformers"),
    ("- Euler Solvers, Fast. *ICML*, 2019. [[pdf]](https://arxiv.org/abs/2101.00157)", "Euler Solvers, Fast"),
    # (a dash inside a quoted title sets no names apart: it was cut to '"Riemannian
    # Optimization' by 'A Primer"', since 5194eb5b)
    ('- "Riemannian Optimization - A Primer", Vaswani et al., ICML 2020 [[pdf]](https://arxiv.org/abs/2101.00848)',
     "Riemannian Optimization - A Primer"),
])
def test_a_title_of_names_alone_stays_the_title(item, title):
    records, problems = _parse(item + "\n")
    assert not problems, problems.format()
    assert [r.title for r in records] == [title]


def test_a_surname_an_earlier_import_read_as_the_venue_is_said_to_be_read_so():
    # A second import of the list, over the venue "Smith" the first one wrote: the merge
    # is told that value was this list's, read otherwise then, as for a lab's name.
    records, _ = _parse("- [A Title](https://arxiv.org/abs/1905.00001) - Smith, 2020\n")
    assert [(b.names, b.values) for b in records[0].read_before] == [(("venue",), ("Smith",))]
    records, _ = _parse("- [A Title](https://arxiv.org/abs/1905.00001) - Smith, NeurIPS 2020\n")
    assert records[0].read_before == ()  # (its venue was NeurIPS then too)


_SURNAMES = st.builds(
    lambda first, rest: first + rest,
    st.sampled_from(string.ascii_uppercase),
    st.text(alphabet=string.ascii_lowercase, min_size=2, max_size=12),
)


@settings(max_examples=200)
@given(
    _SURNAMES,
    st.integers(1950, 2029),
    st.sampled_from([", {y}", " {y}", " et al. {y}", " et al., {y}", ", NeurIPS {y}", ", ICLR {y}"]),
    st.sampled_from([" - ", ", ", " – "]),
)
def test_a_surname_of_any_letters_is_read_as_a_name_in_the_citation_forms(name, year, form, apart):
    # Any capitalised word but the few that name a journal or what a work is: the
    # property is that its form, not the word, makes it a name.
    from generator.ingest.markdownlist import _LAB, _MONTHS, _NOTED, _ONE_WORD_VENUES, _is_label
    from generator.names import is_organisation
    from generator.venuewords import CONFERENCE_ACRONYMS

    import re

    if name.casefold() in _ONE_WORD_VENUES or _MONTHS.match(name) or re.fullmatch(_NOTED, name, re.I):
        return
    # A conference's acronym in any case ("Kdd", "Uai", "Colt") is its venue, as a list
    # writes it ("[Title](...) - Kdd, 2019"), not a surname.
    if re.fullmatch(CONFERENCE_ACRONYMS, name, re.I):
        return
    # Nor a word the parser reads as no name, rightly, whatever its case: a link's label
    # ("Pdf", "Abs", "Doi", "Url", "Hf", "Jax": "- Pdf, 2019" is a link's label left
    # unlinked), an organisation's word ("Inc", "Ltd", "Lab": names.is_organisation), a
    # lab's ("Meta", before NeurIPS), or a citation's own words ("And", "By" before
    # "et al."). All 17,576 words of three letters were tried in every form: these were
    # the words that failed (with 'Kdd', 'Acl' and the like above).
    if _is_label(name) or is_organisation(name) or _LAB.fullmatch(name) or name in ("And", "By"):
        return
    after = apart + name + form.format(y=year)
    records, problems = _parse(f"- [A Title](https://arxiv.org/abs/1905.00001){after}\n")
    assert not problems, problems.format()
    (record,) = records
    assert record.authors[0] == name and record.venue != name
    assert record.venue == ("" if "NeurIPS" not in form and "ICLR" not in form else form.split()[-2])
    assert record.year == str(year)


def test_a_known_venue_before_a_linked_title_and_no_venue_taken_for_names():
    # Importing realistic lists: "`NeurIPS 2023` [Title](...)" gave no venue, and
    # "[Title](...), *EMNLP Findings*" the author "EMNLP Findings".
    url = "https://arxiv.org/abs/2301.000"
    text = (
        f"- `NeurIPS 2023` [Title A]({url}01)\n"
        f"- [Title B]({url}02), *EMNLP Findings*\n"
        f"- Kaplan et al. 2020 [Title C]({url}03)\n"  # (names, no venue: the authors and their year)
        f"- [Title D]({url}04), *Ada Lovelace, Alan Turing*\n"
    )
    records, problems = _parse(text)
    assert not problems, problems.format()
    assert [(r.title, r.venue, r.year, r.authors) for r in records] == [
        ("Title A", "NeurIPS", "2023", ()),
        ("Title B", "EMNLP Findings", "", ()),
        ("Title C", "", "2020", ("Kaplan", "others")),
        ("Title D", "", "2023", ("Ada Lovelace", "Alan Turing")),
    ]


def test_a_list_on_standard_input_is_a_list_whatever_code_block_it_ends_with():
    # `readinglist import -` has no file name to say it is Markdown: read by its content,
    # the list that ends with its own BibTeX citation, in a code block, was that entry.
    for fence in ("```bibtex\n{entry}\n```", "~~~\n{entry}\n~~~", "    {entry}"):
        block = fence.format(entry="@misc{us2024, title={Awesome X}}")
        text = (
            "# Awesome X\n\n- [Paper A](https://arxiv.org/abs/2101.00001) - NeurIPS 2021\n\n"
            f"## Citation\n\n{block}\n"
        )
        assert detect_format(text) == "markdown", fence
        records, problems = _parse(text, "<stdin>")
        assert [(r.title, r.arxiv) for r in records] == [("Paper A", "2101.00001")]
        assert not problems.has_errors()
    # An entry outside a code block is a BibTeX file's, whatever item line it holds.
    bib = "@misc{a,\n  note = {see},\n}\n- [Paper A](https://arxiv.org/abs/2101.00001)\n```\n@misc{b, title={B}}\n```\n"
    assert detect_format(bib) == "bibtex"
    # Each entry's line counted from the one before (ingest._lines): two cited works in
    # two code blocks are a list's; the second moved out of its block, a BibTeX file's.
    cited = "```\n@misc{us, title={X}}\n```\n\n- [Paper A](https://arxiv.org/abs/2101.00001)\n\n```\n@misc{them, title={Y}}\n```\n"
    assert detect_format("# Awesome X\n\n" + cited) == "markdown"
    assert detect_format("# Awesome X\n\n" + cited.replace("```\n@misc{them, title={Y}}\n```", "@misc{them, title={Y}}")) == "bibtex"


def _read_after_titles(*afters, heading=""):
    """(title, venue, year) of each item "- [Title N](arXiv page) AFTER", read under the
    Markdown ``heading``, without a warning."""
    text = heading + "".join(f"- [Title {n}](https://arxiv.org/abs/1905.{n:05}){after}\n" for n, after in enumerate(afters))
    records, problems = _parse(text)
    assert not problems, problems.format()
    return [(r.title, r.venue, r.year) for r in records]


@pytest.mark.parametrize("written, venue, year", [
    # A curator's audit: a graphics, vision or robotics paper linked to its project page
    # ("[Title](https://nvlabs.github.io/...) (SIGGRAPH 2022)") was skipped, its venue
    # known to the importer by no name, so that nothing said it was a paper.
    ("(SIGGRAPH 2022)", "SIGGRAPH", "2022"),
    ("(SIGGRAPH Asia 2021)", "SIGGRAPH Asia", "2021"),
    ("- Eurographics 2020", "Eurographics", "2020"),
    ("(3DV 2021)", "3DV", "2021"),
    ("(RSS 2022)", "RSS", "2022"),
    (", ACCV 2020", "ACCV", "2020"),
    ("(siggraph asia 2021)", "siggraph asia", "2021"),
    ("- SIGGRAPH'22", "SIGGRAPH", "2022"),
])
def test_a_graphics_vision_or_robotics_venue_is_known_by_name(written, venue, year):
    records, problems = _parse(f"# Papers\n\n- [Instant Neural Primitives](https://example.org/ngp) {written}\n")
    assert not problems, problems.format()
    assert [(r.title, r.venue, r.year) for r in records] == [("Instant Neural Primitives", venue, year)]


def test_rss_is_a_venue_in_capitals_only():
    # (A list's "- rss" is a feed; its capitals name the conference, as a list writes it.)
    assert _read_after_titles(" - SIGGRAPH Asia", " - RSS", " - rss") == [
        ("Title 0", "SIGGRAPH Asia", ""), ("Title 1", "RSS", ""), ("Title 2", "", "2019"),
    ]


def test_words_after_a_title_that_name_no_venue_give_neither_venue_nor_year():
    # A review: "- NeurIPS, code released 2020" gave the venue "code released" and the year
    # 2020 (the code's); "Oral at NeurIPS 2019" the venue "Oral at NeurIPS"; "ICML, oral"
    # no venue, and its preprint's year. A venue is read where the words name one, a
    # presentation's words ("Oral at", "Spotlight at") left out of a venue known by name.
    assert _read_after_titles(
        " - NeurIPS, code released 2020",
        " - NeurIPS. Oral at NeurIPS 2019.",
        " - Spotlight at NeurIPS 2019",
        " - ICML, oral",
        " - code released 2020",
        " - code released, 2020",
        " - Oral at ICLR",
        " - Oral at some workshop 2019",
        " - Accepted to ICLR 2020",
    ) == [
        ("Title 0", "NeurIPS", ""),  # (a published venue: not the preprint's year)
        ("Title 1", "NeurIPS", "2019"),
        ("Title 2", "NeurIPS", "2019"),
        ("Title 3", "ICML", ""),
        ("Title 4", "", "2019"),  # (the arXiv id's year, 1905: not the code's)
        ("Title 5", "", "2019"),
        ("Title 6", "ICLR", ""),
        ("Title 7", "", "2019"),  # (no venue known by name to take it for)
        ("Title 8", "ICLR", "2020"),
    ]


def test_venues_and_years_that_name_a_venue_keep_being_read():
    # (What the test above must not lose: a venue with its year, in parentheses, with how
    # it was presented after it (which is the paper's note, below), journals known by no
    # list, a preprint server, and the year of a heading over a paper of a venue without one.)
    assert _read_after_titles(
        " - NeurIPS 2019",
        " (ICLR 2020)",
        " - CVPR 2023 Highlight",
        " - NeurIPS 2019 Oral",
        " - Pattern Recognition Letters, 2020",
        " - npj Digital Medicine, 2023",
        " - Advances in neural information processing systems, 2020",
        " - arXiv preprint, 2021",
        " - ICML",
        heading="# Awesome X\n\n### 2018\n\n",
    ) == [
        ("Title 0", "NeurIPS", "2019"),
        ("Title 1", "ICLR", "2020"),
        ("Title 2", "CVPR", "2023"),
        ("Title 3", "NeurIPS", "2019"),
        ("Title 4", "Pattern Recognition Letters", "2020"),
        ("Title 5", "npj Digital Medicine", "2023"),
        ("Title 6", "Advances in neural information processing systems", "2020"),
        ("Title 7", "", "2021"),  # (arXiv beside its arXiv page is no venue; the year the list's)
        ("Title 8", "ICML", "2018"),  # (the heading's)
    ]


def test_an_item_that_links_no_paper_keeps_the_year_its_words_give():
    # Before words that name no venue gave neither venue nor year, "- **Title** PhD
    # thesis, 2019", an item that links no paper, was imported (as of 2019); then it was
    # skipped without a word, as prose is, having no venue and no year. Nothing else gives
    # such an item a year: its words' stays, and so does the item; a venue they do not name
    # is still left out. (A thesis or report says what it is, as for BibTeX: see below.)
    records, problems = _parse(
        "# Awesome X\n\n"
        "- **Deep Thoughts on Lists** PhD thesis, 2019\n"
        "- **Another Long Report** technical report, 2020\n"
        "- **A Known One** NeurIPS 2021\n"
        "- **Notes Written Later** written for a course, 2022\n"
    )
    assert not problems, problems.format()
    assert [(r.title, r.venue, r.year) for r in records] == [
        ("Deep Thoughts on Lists", "PhD thesis", "2019"),
        ("Another Long Report", "Technical report", "2020"),
        ("A Known One", "NeurIPS", "2021"),
        ("Notes Written Later", "", "2022"),
    ]


def _read_table_venues(*cells):
    """(title, venue, year) of each row "| [Title N](arXiv page) | CELL |" of a table
    whose columns are Title and Venue, read without a warning."""
    rows = "".join(f"| [Title {n}](https://arxiv.org/abs/1905.{n:05}) | {cell} |\n" for n, cell in enumerate(cells))
    records, problems = _parse("| Title | Venue |\n| --- | --- |\n" + rows)
    assert not problems, problems.format()
    return [(r.title, r.venue, r.year) for r in records]


PRESENTED = [  # (how a paper was presented, or an award it won, before its venue; the venue read)
    ("Oral at NeurIPS", "NeurIPS", ""),
    ("Oral at NeurIPS 2019", "NeurIPS", "2019"),
    ("Spotlight at ICLR", "ICLR", ""),
    ("Accepted to ICML", "ICML", ""),
    ("Oral @ NeurIPS 2019", "NeurIPS", "2019"),
    ("Best Paper at CVPR 2019", "CVPR", "2019"),
    ("Best Paper Award at CVPR", "CVPR", ""),
    ("Best Student Paper at CVPR 2019", "CVPR", "2019"),
    ("Outstanding Paper Award at ICLR 2021", "ICLR", "2021"),
    ("Honorable Mention at ICCV", "ICCV", ""),
]


@pytest.mark.parametrize("written, venue, year", PRESENTED)
def test_a_tables_venue_column_leaves_out_how_the_paper_was_presented(written, venue, year):
    # A review: a table's Venue column kept "Oral at NeurIPS", where a list item's words
    # gave NeurIPS (a conflict with the paper's NeurIPS from any other source).
    assert _read_table_venues(written) == [("Title 0", venue, year)]


@pytest.mark.parametrize("written, venue, year", PRESENTED)
def test_a_list_items_words_leave_out_how_the_paper_was_presented(written, venue, year):
    assert _read_after_titles(f" - {written}") == [("Title 0", venue, year or ("" if venue else "2019"))]


def test_a_tables_venue_column_keeps_what_names_no_venue_known_by_name():
    # (Words after the venue stay, as a list item's do, but an award or how the paper was
    # presented, below; a venue column's words are its venue however they read.)
    assert _read_table_venues("NeurIPS 2019 Oral", "Oral at some workshop", "CVPR 2019 Best Paper") == [
        ("Title 0", "NeurIPS", "2019"),
        ("Title 1", "Oral at some workshop", ""),
        ("Title 2", "CVPR", "2019"),
    ]


@pytest.mark.parametrize("after, read", [
    # A review: "CVPR 2019 Best Paper" gave the venue "CVPR Best Paper", which a BibTeX
    # export wrote as the booktitle, and "CVPR 2019 best paper" the venue CVPR with the
    # award gone without a word. An award is no part of the venue, in any capitals: it
    # is the paper's note, with the venue and year it was won at.
    (" - CVPR 2019 Best Paper", ("CVPR", "2019", "Best Paper (CVPR 2019)")),
    (" - CVPR 2019 best paper", ("CVPR", "2019", "best paper (CVPR 2019)")),
    (" - CVPR 2019 Best Paper Award", ("CVPR", "2019", "Best Paper Award (CVPR 2019)")),
    (" - CVPR'19 (Best Paper)", ("CVPR", "2019", "Best Paper (CVPR 2019)")),
    (" - CVPR 2019, best student paper", ("CVPR", "2019", "best student paper (CVPR 2019)")),
    (" - CVPR 2019 - Best Paper Honorable Mention", ("CVPR", "2019", "Best Paper Honorable Mention (CVPR 2019)")),
    (" - NeurIPS 2019 Outstanding Paper", ("NeurIPS", "2019", "Outstanding Paper (NeurIPS 2019)")),
    (" - Pattern Recognition Letters 2019 Best Paper", (
        "Pattern Recognition Letters", "2019", "Best Paper (Pattern Recognition Letters 2019)"
    )),
    # (the note is Markdown: a sign of the venue's is written as text)
    (" - Science & Society 2019 Best Paper", ("Science & Society", "2019", "Best Paper (Science \\& Society 2019)")),
    # before the venue too (which was read without it already)
    (" - Best Paper Award at CVPR 2019", ("CVPR", "2019", "Best Paper Award (CVPR 2019)")),
    (" - best paper at CVPR 2019", ("CVPR", "2019", "best paper (CVPR 2019)")),
    # A review: how it was presented after the year, "NeurIPS 2019 Oral", gave the venue
    # "NeurIPS Oral" (a BibTeX export's booktitle), while "NeurIPS 2019 (Oral)", "- ICML,
    # oral" and "Oral at NeurIPS 2019" gave the venue and dropped it without a word: in
    # any of these places it is the paper's note, as an award is.
    (" - NeurIPS 2019 Oral", ("NeurIPS", "2019", "Oral (NeurIPS 2019)")),
    (" - NeurIPS 2019 Spotlight", ("NeurIPS", "2019", "Spotlight (NeurIPS 2019)")),
    (" - NeurIPS 2019 poster", ("NeurIPS", "2019", "poster (NeurIPS 2019)")),
    (" - NeurIPS 2019 Oral presentation", ("NeurIPS", "2019", "Oral presentation (NeurIPS 2019)")),
    (" - CVPR 2023 Highlight", ("CVPR", "2023", "Highlight (CVPR 2023)")),
    (" - NeurIPS 2019 (Oral)", ("NeurIPS", "2019", "Oral (NeurIPS 2019)")),
    (" - NeurIPS 2019 - Spotlight", ("NeurIPS", "2019", "Spotlight (NeurIPS 2019)")),
    (" - NeurIPS Oral", ("NeurIPS", "", "Oral (NeurIPS)")),
    (" - ICML, oral", ("ICML", "", "oral (ICML)")),
    (" - Oral at NeurIPS 2019", ("NeurIPS", "2019", "Oral (NeurIPS 2019)")),
    (" - Spotlight at ICLR", ("ICLR", "", "Spotlight (ICLR)")),
    # A review: set apart before the venue by a comma, it was dropped without a word
    (" - Oral, NeurIPS 2019", ("NeurIPS", "2019", "Oral (NeurIPS 2019)")),
    (" - Best Paper, CVPR 2019", ("CVPR", "2019", "Best Paper (CVPR 2019)")),
    (" - Oral, NeurIPS 2019, Best Paper", ("NeurIPS", "2019", "Oral, Best Paper (NeurIPS 2019)")),
    # A review: a part of its own before the venue's, set apart by a dash, was dropped without a word
    (" Best Paper - CVPR 2019", ("CVPR", "2019", "Best Paper (CVPR 2019)")),
    (" - Oral - NeurIPS 2019", ("NeurIPS", "2019", "Oral (NeurIPS 2019)")),
    (" - Best Paper - CVPR 2019 (Oral)", ("CVPR", "2019", "Best Paper, Oral (CVPR 2019)")),
    (" - Best Paper - our code", ("", "2019", "")),
    (" - CVPR 2019 Oral, Best Paper", ("CVPR", "2019", "Oral, Best Paper (CVPR 2019)")),
    # A review: a second one said apart after the first ("(Oral), Best Paper", "- Oral - Best
    # Paper") was dropped without a word, where "Oral, Best Paper" kept both
    (" - NeurIPS 2019 (Oral), Best Paper", ("NeurIPS", "2019", "Oral, Best Paper (NeurIPS 2019)")),
    (" - NeurIPS 2019 Oral (Best Paper)", ("NeurIPS", "2019", "Oral, Best Paper (NeurIPS 2019)")),
    (" - CVPR 2019 - Best Paper - Oral", ("CVPR", "2019", "Best Paper, Oral (CVPR 2019)")),
    # A review: an award after a workshop named after its conference ("NeurIPS 2023
    # Workshop Best Paper") stayed in the venue, or, after the workshop's name, "(Best
    # Paper)", went without a word; set apart from a workshop's name, not as its last words
    (" - NeurIPS 2023 Workshop Best Paper", ("NeurIPS Workshop", "2023", "Best Paper (NeurIPS Workshop 2023)")),
    (" - ICML 2023 Workshop on Foo Bar (Best Paper)", (
        "ICML Workshop on Foo Bar", "2023", "Best Paper (ICML Workshop on Foo Bar 2023)"
    )),
    (" - ICML 2023 Workshop on Foo Bar, Spotlight", (
        "ICML Workshop on Foo Bar", "2023", "Spotlight (ICML Workshop on Foo Bar 2023)"
    )),
    (" - ICML 2023 Workshop on Scientific Poster", ("ICML Workshop on Scientific Poster", "2023", "")),
    # A review: an award right after a workshop's own name stayed in the venue; an award,
    # unlike a presentation's word, ends no workshop's name
    (" - ICML 2021 Workshop on Foo Bar Best Paper", (
        "ICML Workshop on Foo Bar", "2021", "Best Paper (ICML Workshop on Foo Bar 2021)"
    )),
    (" - ICML 2021 Workshop on Foo Bar Outstanding Paper Award", (
        "ICML Workshop on Foo Bar", "2021", "Outstanding Paper Award (ICML Workshop on Foo Bar 2021)"
    )),
    (" - ICML 2021 Workshop on Video Highlight", ("ICML Workshop on Video Highlight", "2021", "")),
    # words naming no award are no note, nor is what accepted it
    (" - CVPR 2019, a survey of best paper awards", ("CVPR", "2019", "")),
    (" - a survey of best paper awards", ("", "2019", "")),
    (" - NeurIPS 2023 Workshop on Best Paper Awards", ("NeurIPS Workshop on Best Paper Awards", "2023", "")),
    (" - Accepted to ICML 2020", ("ICML", "2020", "")),
])
def test_an_award_is_no_part_of_the_venue_and_is_the_papers_note(after, read):
    records, problems = _parse(f"- [Title 0](https://arxiv.org/abs/1905.00001){after}\n")
    assert not problems, problems.format()
    assert [(r.venue, r.year, r.notes) for r in records] == [read]


@pytest.mark.parametrize("item, read", [
    # A review: a paper link's text ending with its venue gave "[Title (NeurIPS 2019
    # Oral)](...)" the venue "NeurIPS Oral", and "[Title, CVPR 2019 Best Paper](...)" kept
    # it all as the title: the title, the venue and the note, as after the link.
    ("[Title Words (NeurIPS 2019 Oral)](https://arxiv.org/abs/1905.00001)",
     ("Title Words", "NeurIPS", "2019", "Oral (NeurIPS 2019)")),
    ("[Title Words, CVPR 2019 Best Paper](https://arxiv.org/abs/1905.00001)",
     ("Title Words", "CVPR", "2019", "Best Paper (CVPR 2019)")),
    ("[Title Words (ICLR 2024)](https://arxiv.org/abs/1905.00001)", ("Title Words", "ICLR", "2024", "")),
    ("[A Survey of Best Paper Awards, 2019](https://arxiv.org/abs/1905.00001)",
     ("A Survey of Best Paper Awards", "", "2019", "")),
    # (a known venue and year before the title, as code)
    ("`NeurIPS 2019 Oral` [Title Words](https://arxiv.org/abs/1905.00001)",
     ("Title Words", "NeurIPS", "2019", "Oral (NeurIPS 2019)")),
])
def test_an_award_or_presentation_ending_a_link_text_or_leading_the_item_is_the_note(item, read):
    records, problems = _parse(f"- {item}\n")
    assert not problems, problems.format()
    assert [(r.title, r.venue, r.year, r.notes) for r in records] == [read]


@pytest.mark.parametrize("item, read", [
    # A review: a venue in brackets before the title with how the paper was presented, or
    # an award ("[NeurIPS 2019 Oral] Title", as awesome lists write it), stayed in the
    # title, and "[Oral, NeurIPS 2019]" gave the venue "Oral, NeurIPS": the venue, the
    # year and the note, as after a paper's link.
    ("[NeurIPS 2019 Oral] Title Words [pdf](https://arxiv.org/abs/1905.00001)",
     ("Title Words", "NeurIPS", "2019", "Oral (NeurIPS 2019)")),
    ("[NeurIPS 2019 Oral] [Title Words](https://arxiv.org/abs/1905.00001)",
     ("Title Words", "NeurIPS", "2019", "Oral (NeurIPS 2019)")),
    ("**[CVPR 2019 Best Paper]** Title Words [pdf](https://arxiv.org/abs/1905.00001)",
     ("Title Words", "CVPR", "2019", "Best Paper (CVPR 2019)")),
    ("[ICLR'21 Spotlight] Title Words [pdf](https://arxiv.org/abs/1905.00001)",
     ("Title Words", "ICLR", "2021", "Spotlight (ICLR 2021)")),
    ("(AAAI 2020 Oral) Title Words [pdf](https://arxiv.org/abs/1905.00001)",
     ("Title Words", "AAAI", "2020", "Oral (AAAI 2020)")),
    ("[CVPR 2019 (Best Paper)] Title Words [pdf](https://arxiv.org/abs/1905.00001)",
     ("Title Words", "CVPR", "2019", "Best Paper (CVPR 2019)")),
    ("[Oral, NeurIPS 2019] Title Words [pdf](https://arxiv.org/abs/1905.00001)",
     ("Title Words", "NeurIPS", "2019", "Oral (NeurIPS 2019)")),
    ("[ICML Spotlight] Title Words [pdf](https://arxiv.org/abs/1905.00001)",
     ("Title Words", "ICML", "", "Spotlight (ICML)")),
    # (a venue alone, as before)
    ("**[CVPR 2020]** Title Words [pdf](https://arxiv.org/abs/1905.00001)", ("Title Words", "CVPR", "2020", "")),
    ("[ICLR'21] Title Words [pdf](https://arxiv.org/abs/1905.00001)", ("Title Words", "ICLR", "2021", "")),
    ("(AAAI 2020) Title Words [pdf](https://arxiv.org/abs/1905.00001)", ("Title Words", "AAAI", "2020", "")),
    # A title that starts with brackets stays whole: they name no venue, or only
    # presentation's words, or words before a year that name none.
    ("[CLS] tokens are all you need [pdf](https://arxiv.org/abs/1905.00001)",
     ("[CLS] tokens are all you need", "", "2019", "")),
    ("[MASK] Oral Tokens [pdf](https://arxiv.org/abs/1905.00001)", ("[MASK] Oral Tokens", "", "2019", "")),
    ("[Oral] Title Words [pdf](https://arxiv.org/abs/1905.00001)", ("[Oral] Title Words", "", "2019", "")),
    ("[Mask Poster] Title Words [pdf](https://arxiv.org/abs/1905.00001)",
     ("[Mask Poster] Title Words", "", "2019", "")),
    ("[code released 2020 Oral] Title Words [pdf](https://arxiv.org/abs/1905.00001)",
     ("[code released 2020 Oral] Title Words", "", "2019", "")),
])
def test_a_venue_in_brackets_before_the_title_gives_its_award_as_the_note(item, read):
    records, problems = _parse(f"- {item}\n")
    assert not problems, problems.format()
    assert [(r.title, r.venue, r.year, r.notes) for r in records] == [read]


def test_a_venue_in_brackets_before_the_title_was_read_so_before():
    # Imported again, what an earlier import wrote is said: the brackets in the title,
    # how it was presented in the venue.
    records, _ = _parse(
        "- [NeurIPS 2019 Oral] Title Words [pdf](https://arxiv.org/abs/1905.00001)\n"
        "- [Oral, NeurIPS 2019] Title Words [pdf](https://arxiv.org/abs/1905.00002)\n"
    )
    assert [[(b.names, b.values, b.why) for b in r.read_before] for r in records] == [
        [(("title",), ("[NeurIPS 2019 Oral] Title Words",),
          "the venue before it in brackets, read as part of it by an earlier import")],
        [(("venue",), ("Oral, NeurIPS",), "how it was presented, which an earlier import read as part of its venue")],
    ]


@pytest.mark.parametrize("cell, venue, notes", [
    ("CVPR 2019 Best Paper", "CVPR", "Best Paper (CVPR 2019)"),
    ("CVPR 2019 best paper", "CVPR", "best paper (CVPR 2019)"),
    ("Best Paper Award at CVPR 2019", "CVPR", "Best Paper Award (CVPR 2019)"),
    ("NeurIPS 2019 Oral", "NeurIPS", "Oral (NeurIPS 2019)"),
    ("NeurIPS 2019 (Oral)", "NeurIPS", "Oral (NeurIPS 2019)"),
    ("Oral at NeurIPS", "NeurIPS", "Oral (NeurIPS)"),
    ("NeurIPS 2023 Workshop Best Paper", "NeurIPS Workshop", "Best Paper (NeurIPS Workshop 2023)"),
    ("ICML 2023 Workshop on X (Best Paper)", "ICML Workshop on X", "Best Paper (ICML Workshop on X 2023)"),
    ("A survey of best paper awards", "A survey of best paper awards", ""),
    # A review: set apart by a comma before a known venue and year, as after a paper's
    # link, it was all the venue ("Oral, NeurIPS 2019", no year)
    ("Oral, NeurIPS 2019", "NeurIPS", "Oral (NeurIPS 2019)"),
    ("Best Paper, CVPR 2019", "CVPR", "Best Paper (CVPR 2019)"),
    ("Oral, NeurIPS 2019, Best Paper", "NeurIPS", "Oral, Best Paper (NeurIPS 2019)"),
])
def test_a_tables_venue_column_gives_an_award_as_the_papers_note(cell, venue, notes):
    records, problems = _parse(
        f"| Title | Venue |\n| --- | --- |\n| [Title 0](https://arxiv.org/abs/1905.00001) | {cell} |\n"
    )
    assert not problems, problems.format()
    assert [(r.venue, r.notes) for r in records] == [(venue, notes)]


def test_a_tables_venue_column_set_apart_before_the_venue_was_read_so_before():
    # (imported again, the venue an earlier import wrote, "Oral, NeurIPS 2019", is said)
    records, _ = _parse(
        "| Title | Venue |\n| --- | --- |\n| [Title 0](https://arxiv.org/abs/1905.00001) | Oral, NeurIPS 2019 |\n"
    )
    assert [(b.names, b.values, b.why) for r in records for b in r.read_before] == [(
        ("venue",), ("Oral, NeurIPS 2019",), "how it was presented, which an earlier import read as part of its venue",
    )]


@pytest.mark.parametrize("after, venue, year", [
    # A review: "code released 2020 at NeurIPS" gave the venue "code released at NeurIPS"
    # and the code's year. The venue known by name is the paper's; a year is the paper's
    # only where it goes with that venue ("at NeurIPS 2019"), not the code's.
    (" code released 2020 at NeurIPS", "NeurIPS", ""),
    (" - code released 2020 at NeurIPS", "NeurIPS", ""),
    (" - code released at NeurIPS", "NeurIPS", ""),
    (" - code released 2020 at NeurIPS 2019", "NeurIPS", "2019"),
    (" - code released in 2020, paper at ICML'19", "ICML", "2019"),
    (" - we won a prize at CVPR 2021 with it", "CVPR", "2021"),
    (" - code released at NeurIPS. 2019", "NeurIPS", "2019"),
    (" - to appear at ICLR 2024 (camera ready soon)", "ICLR", "2024"),
    # (Not a venue known by name, nor one guessed: a workshop or the Findings around it
    # are another venue than the conference's; two conferences say neither, nor does an
    # acronym in a sentence.)
    (" - code released at a NeurIPS 2019 workshop", "", "2019"),
    (" - our NeurIPS 2019 findings, code released", "", "2019"),
    (" - rejected at ICLR 2020, later at ICML 2021", "", "2019"),
    (" - code released 2020", "", "2019"),
    # (What named a venue before stays as it was.)
    (" - NeurIPS 2019 Workshop on Sparsity", "NeurIPS Workshop on Sparsity", "2019"),
    (" - Findings of EMNLP 2023", "Findings of EMNLP", "2023"),
    (" - ICML. 2019", "ICML", "2019"),
    (" - ACL 2020 system demonstrations", "ACL system demonstrations", "2020"),
    (" - ACL 2020 student research workshop", "ACL student research workshop", "2020"),
    (" - EMNLP 2020 findings", "EMNLP findings", "2020"),
    (" - A benchmark for ACL parsing", "", "2019"),
    (" - tested on CVPR benchmarks", "", "2019"),
    (" - results on NeurIPS data", "", "2019"),
])
def test_a_venue_known_by_name_among_words_that_name_none_is_the_papers(after, venue, year):
    assert _read_after_titles(after) == [("Title 0", venue, year)]


@pytest.mark.parametrize("after, venue, year", [
    # A review: "PhD thesis, 2019" gave neither venue nor year ("thesis" is a sentence's
    # word), "Tech. Rep., 2018" the venue "Rep". A thesis or report says what it is in
    # its venue, in the words a BibTeX import writes for @phdthesis, @mastersthesis and
    # @techreport (beside its university or institution when the item names it), so that
    # the two agree and the BibTeX export cites it as one.
    (" - PhD thesis, 2019", "PhD thesis", "2019"),
    (" - Ph.D. Thesis 2019", "PhD thesis", "2019"),
    (" - PhD dissertation, 2019", "PhD thesis", "2019"),
    (" - Doctoral thesis (2019)", "PhD thesis", "2019"),
    (" - PhD thesis, Stanford University, 2019", "PhD thesis, Stanford University", "2019"),
    (" - PhD thesis, Stanford University", "PhD thesis, Stanford University", ""),
    (" - MSc thesis 2017", "Master's thesis", "2017"),
    (" - M.Sc. thesis, 2017", "Master's thesis", "2017"),
    (" - Master's thesis, 2017", "Master's thesis", "2017"),
    (" - Technical report, 2018", "Technical report", "2018"),
    (" - Tech. Rep., 2018", "Technical report", "2018"),
    (" - tech report 2018", "Technical report", "2018"),
    (" - Technical Report, Stanford, 2018", "Technical report, Stanford", "2018"),
    (" - thesis, 2019", "Thesis", "2019"),
    (" - workshop, 2015", "workshop", "2015"),
])
def test_a_thesis_or_report_says_what_it_is_as_bibtex_does(after, venue, year):
    assert _read_after_titles(after) == [("Title 0", venue, year)]


def test_a_tables_venue_column_says_a_thesis_or_report_as_bibtex_does():
    assert _read_table_venues("Tech. Rep.", "PhD Thesis, MIT", "MSc thesis, 2017") == [
        ("Title 0", "Technical report", ""), ("Title 1", "PhD thesis, MIT", ""), ("Title 2", "Master's thesis", "2017"),
    ]


# The patterns as they were before a run of spaces was read through at once: each split
# a run among two parts of it (or three), 10,000 spaces took seconds (the prefix's, minutes).
_SLOW = {
    "_KNOWN_VENUE_YEAR": None,
    "_TITLE_TAIL": r"(?:,|(?<=[^\s.]{2})\.)\s+(?P<tail>[^,.()]+?)\s*$|(?<!\s)\s*\((?P<paren>[^()]+)\)\s*$",
    "_LAST_PARENTHESIS": r"\s*\(([^()]*)\)\s*$",
    "_ET_AL": r"^\s*([^\W\d][\w'’.\- ]*?)\s+et\s+al\.?\s*$",
    "_CITED_END": r"""(?:\.\s*\(?((?:19|20)\d{2})[a-z]?\)?)?\.\s*["“]?\s*$""",
}
_PLAIN_PREFIX = (
    r"^\s*(?:\((?P<venue>3D[^()\d]*?|[^()\d]*[A-Za-z][^()\d]*?)(?:\s*['’]?\s*(?P<year>\d{4}|\d{2}))?\)"
    r"|\[(?P<bracketed>3D[^\[\]\d]*?|[^\[\]\d]*[A-Za-z][^\[\]\d]*?)\s*['’]?\s*(?P<bracket_year>\d{4}|\d{2})\])\s*"
)
_PIECES = [
    " ", "  ", "\t", ",", ".", "'", "’", "(", ")", "[", "]", '"', "NeurIPS", "x", "Kaplan", "et", "al", "2019",
    "19", "2020b", "Oral", "a.", "3D", "3DV",
]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=10))
def test_the_patterns_read_through_spaces_find_what_they_found(pieces):
    import re

    from generator.ingest import markdownlist
    from generator.matchkeys import CONFERENCE_ACRONYMS

    known = markdownlist._KNOWN_VENUE.pattern
    _SLOW["_KNOWN_VENUE_YEAR"] = (
        rf"(?<![^\W_])(?P<venue>{known})(?:\s*['’]\s*(?P<y2>\d{{2}})|\s*,?\s*(?P<y4>(?:19|20)\d{{2}}))?(?![^\W_])"
    )
    assert CONFERENCE_ACRONYMS in known
    text = "".join(pieces)
    for name, slow in _SLOW.items():
        fast = getattr(markdownlist, name)
        if name == "_KNOWN_VENUE_YEAR":
            assert [(m.span(), m.groups()) for m in fast.finditer(text)] == [
                (m.span(), m.groups()) for m in re.finditer(slow, text)
            ], name
        else:
            found, expected = fast.search(text), re.search(slow, text)
            assert (found and (found.span(), found.groups())) == (expected and (expected.span(), expected.groups())), name
    plain = re.match(_PLAIN_PREFIX, text)
    assert markdownlist._plain_prefix(text) == (plain and (
        plain.end(), plain["venue"] or plain["bracketed"], plain["year"] or plain["bracket_year"] or ""
    ))


@pytest.mark.parametrize("item, read", [
    ("- [Title Words](https://arxiv.org/abs/2001.00001) - NeurIPS{run}x", ("Title Words", "NeurIPS", "", "")),
    ("- [Title Words, x{run}y](https://arxiv.org/abs/2001.00001)", ("Title Words, x y", "", "2020", "")),
    ("- Title Words{run}(CVPR 2019){run}x [pdf](https://arxiv.org/abs/2001.00001)",
     ("Title Words (CVPR 2019) x", "", "2020", "")),
    ("- [NeurIPS{run}2019 Oral] Title Words [pdf](https://arxiv.org/abs/2001.00001)",
     ("Title Words", "NeurIPS", "2019", "Oral (NeurIPS 2019)")),
    ("| Title | Venue |\n| --- | --- |\n| [Title Words](https://arxiv.org/abs/2001.00001) | NeurIPS{run}x |",
     ("Title Words", "NeurIPS x", "", "")),
])
def test_a_long_run_of_spaces_in_an_item_or_a_cell_is_read_through(item, read):
    # (A review: these took seconds at 10,000 spaces, the bracket before a title minutes
    # at 1,000.) They read at 100,000 spaces as at two.
    for run in ("  ", " " * 100_000):
        records, problems = _parse(item.replace("{run}", run) + "\n")
        assert not problems, problems.format()
        assert [(r.title, r.venue, r.year, r.notes) for r in records] == [read]


def test_a_title_with_a_known_venue_and_year_after_it_and_no_paper_link_is_a_paper():
    # Many lists link a title to its project page, or link only its code: an item that
    # gives a venue and year is a paper, but the venue and year after the title were
    # read only where a paper link was, so "[Title](project page) (CVPR 2022)" was
    # skipped without a word (a list of such items: "found no paper in this list").
    records, problems = _parse(
        "# Awesome NeRF\n\n"
        "- [Instant Neural Graphics Primitives](https://nvlabs.github.io/instant-ngp/) (CVPR 2022)"
        " [[code](https://github.com/NVlabs/instant-ngp)]\n"
        "- Plenoxels: Radiance Fields without Neural Networks (CVPR 2022) [[code](https://github.com/sxyu/svox2)]\n"
        "- [Zip-NeRF: Anti-Aliased Grid-Based Neural Radiance Fields](https://jonbarron.info/zipnerf/), ICCV 2023\n"
        # (Prose ending in a year, and a code base with a venue unknown by name: no paper.)
        "- We thank everyone who sent a link, 2020 [[site](https://example.org/)]\n"
        # (Linking its paper: the venue before '[[pdf](...)]', whose '[' hid it, was read
        # as part of the title.)
        "- Some Title (CVPR 2016) [[pdf](https://x.org/a.pdf)]\n"
        "- [nerfstudio](https://github.com/nerfstudio-project/nerfstudio), Tools 2023\n"
    )
    assert not problems, problems.format()
    assert [(r.title, r.venue, r.year, _links(r)) for r in records] == [
        ("Instant Neural Graphics Primitives", "CVPR", "2022", [
            ("project", "https://nvlabs.github.io/instant-ngp/"),
            ("code", "https://github.com/NVlabs/instant-ngp"),
        ]),
        ("Plenoxels: Radiance Fields without Neural Networks", "CVPR", "2022", [
            ("code", "https://github.com/sxyu/svox2"),
        ]),
        ("Zip-NeRF: Anti-Aliased Grid-Based Neural Radiance Fields", "ICCV", "2023", [
            ("project", "https://jonbarron.info/zipnerf/"),
        ]),
        ("Some Title", "CVPR", "2016", [("pdf", "https://x.org/a.pdf")]),
    ]


def test_names_before_a_known_venue_and_year_after_a_title_linking_no_paper_keep_it_a_paper():
    # (rev83) "[DDPM](project page) - Ho, Jain, Abbeel. NeurIPS 2020." was skipped as "no
    # paper link, nor a title with a venue or year": only the first part after the title
    # was asked for a venue, and here it is the authors' sentence.
    records, problems = _parse(
        "# Papers\n\n"
        "- [DDPM](https://hojonathanho.github.io/diffusion/) - Ho, Jain, Abbeel. NeurIPS 2020.\n"
        "- [Denoising Diffusion Probabilistic Models](https://hojonathanho.github.io/diffusion/)"
        " - Jonathan Ho, Ajay Jain, Pieter Abbeel. NeurIPS 2020.\n"
        # (words that are no names before the venue: a code base's description as much as
        # a title's, no paper, as "[Tool](…) - reconstruction, 2021" is none)
        "- [Tool](https://github.com/x/tool) - a fast renderer. NeurIPS 2020.\n"
    )
    assert not problems, problems.format()
    assert [(r.title, r.authors, r.venue, r.year) for r in records] == [
        ("DDPM", ("Ho", "Jain", "Abbeel"), "NeurIPS", "2020"),
        ("Denoising Diffusion Probabilistic Models", ("Jonathan Ho", "Ajay Jain", "Pieter Abbeel"), "NeurIPS", "2020"),
    ]


def test_the_text_of_the_link_an_item_starts_with_is_its_title_not_the_words_after_it():
    # "[Title](page) - reconstruction, 2021": the words after the link, a topic, were
    # taken as the title ("reconstruction") and the link's text, the title, was lost.
    records, problems = _parse(
        "# Papers\n\n"
        "- [Neural Volumes](https://example.org/nv) - reconstruction, 2021 [[pdf](https://example.org/nv.pdf)]\n"
        "- [Mip-NeRF 360](https://jonbarron.info/mipnerf360/) - unbounded scenes, CVPR 2022\n"
        "- [Plenoxels](https://arxiv.org/abs/2112.05131) - radiance fields, CVPR 2022\n"
        # (A venue's link, then the title: the title is the words after it, as before.)
        "- [[NeurIPS 2023](https://neurips.cc/)] Reflexion: Language Agents. [[code](https://github.com/x/y)]\n"
        # (Linking no paper, and naming no venue known by name: a code base's name, or a
        # site's, as much as a title; no paper, as "[nerfstudio](…), Tools 2023" is none.)
        "- [Tool](https://github.com/x/tool) - reconstruction, 2021\n"
    )
    assert not problems, problems.format()
    assert [(r.title, r.venue, r.year) for r in records] == [
        # (words before a year that name no venue give neither, as "code released 2020")
        ("Neural Volumes", "", ""),
        ("Mip-NeRF 360", "CVPR", "2022"),
        ("Plenoxels", "CVPR", "2022"),
        ("Reflexion: Language Agents", "NeurIPS", "2023"),
    ]


def test_a_known_venue_before_a_link_to_no_paper_host_makes_its_text_a_papers_title():
    # "[Title](…) (CVPR 2021)" was read, "(CVPR 2021) [Title](…)" skipped for every venue.
    records, problems = _parse(
        "# Papers\n\n"
        "- (CVPR 2021) [Neural Body](https://zju3dv.github.io/neuralbody/) [[code](https://github.com/zju3dv/neuralbody)]\n"
        "- [ICCV'23] [Zip-NeRF](https://jonbarron.info/zipnerf/)\n"
        "- (NeurIPS 2019 Oral) [A Title](https://example.org/t)\n"
        # (A venue unknown by name: a code base's name as much as a title, as after it.)
        "- (Tools 2023) [nerfstudio](https://github.com/nerfstudio-project/nerfstudio)\n"
    )
    assert not problems, problems.format()
    assert [(r.title, r.venue, r.year, r.notes, _links(r)) for r in records] == [
        ("Neural Body", "CVPR", "2021", "", [
            ("project", "https://zju3dv.github.io/neuralbody/"),
            ("code", "https://github.com/zju3dv/neuralbody"),
        ]),
        ("Zip-NeRF", "ICCV", "2023", "", [("project", "https://jonbarron.info/zipnerf/")]),
        ("A Title", "NeurIPS", "2019", "Oral (NeurIPS 2019)", [("project", "https://example.org/t")]),
    ]


def test_one_short_lowercase_word_before_a_link_to_no_paper_host_is_no_title():
    # "(CVPR 2021) see [the demo](…)" was the paper "see": the words before the link are the
    # title of "(Venue) Title [code](…)", but one short lowercase word ("see", "via") is no
    # title, and the link's text, after it, is none either.
    records, problems = _parse(
        "# Papers\n\n"
        "- (CVPR 2021) see [the demo](https://example.org/demo)\n"
        "- (CVPR 2021) via [Neural Body](https://zju3dv.github.io/neuralbody/)\n"
        # (still read: a title of words before a link, a word with a capital, the link's text)
        "- (CVPR 2021) Neural Radiance Fields [project](https://example.org/nerf)\n"
        "- (CVPR 2021) Plenoxels [code](https://github.com/sxyu/svox2)\n"
        "- (CVPR 2021) [Zip-NeRF](https://jonbarron.info/zipnerf/)\n"
    )
    assert [(r.title, r.venue, r.year, r.source.line) for r in records] == [
        ("Neural Radiance Fields", "CVPR", "2021", 5),
        ("Plenoxels", "CVPR", "2021", 6),
        ("Zip-NeRF", "CVPR", "2021", 7),
    ]
    assert not problems, problems.format()


def test_a_dated_item_with_a_known_venue_before_a_link_to_no_paper_host_is_read():
    # "(ICLR 2023) [Title](…)" was read, "[2023/05] (ICLR 2023) [Title](…)" skipped.
    records, problems = _parse(
        "# Papers\n\n"
        "- [2023/05] (ICLR 2023) [A Title](https://example.org/page)\n"
        "- (May 2024) (CVPR 2024) [Another Title](https://example.org/other)\n"
        # (a date, then words between it and the link: the list's news, as without a venue)
        "- [2023/05] (ICLR 2023) We wrote about [A Title](https://example.org/page)\n"
    )
    assert not problems, problems.format()
    assert [(r.title, r.venue, r.year, _links(r)) for r in records] == [
        ("A Title", "ICLR", "2023", [("project", "https://example.org/page")]),
        ("Another Title", "CVPR", "2024", [("project", "https://example.org/other")]),
    ]


# Venue and year in digits of another width ("２０２１", typed on a Japanese keyboard),
# each as an item writes it, -> (title, venue, year) and what the warning says it read.
OTHER_DIGITS = {
    # (review: "ICLR ２０２１" gave no venue and no year, silently, where "ICLR 2021" gave
    # both. Read as 2021, as a BibTeX or RIS import reads such a year, and said at the
    # item: the list is not rewritten.)
    "[Alpha Paper on Things](https://openreview.net/forum?id=abc1), ICLR \uff12\uff10\uff12\uff11": (
        ("Alpha Paper on Things", "ICLR", "2021"), "ICLR 2021"),
    "(CVPR \uff12\uff10\uff11\uff19) [Beta Paper on Stuff](https://openreview.net/forum?id=abc2)": (
        ("Beta Paper on Stuff", "CVPR", "2019"), "CVPR 2019"),
    # As "[Title, 2021](...)" is: the year was left in the title, and the paper had none.
    "[Alpha Paper on Things, \uff12\uff10\uff12\uff11](https://openreview.net/forum?id=abc1)": (
        ("Alpha Paper on Things", "", "2021"), "2021"),
    # ... the title's own digits staying as written ("ＧＰＴ-４").
    "[\uff27\uff30\uff34-\uff14 Notes (ICLR \uff12\uff10\uff12\uff14)](https://openreview.net/forum?id=abc2)": (
        ("\uff27\uff30\uff34-\uff14 Notes", "ICLR", "2024"), "ICLR 2024"),
}


@pytest.mark.parametrize("item", list(OTHER_DIGITS))
def test_a_venue_and_year_in_digits_of_another_width_are_read_with_a_warning(item):
    records, problems = _parse(f"# Papers\n\n- {item}\n", fmt="markdown")
    read, said = OTHER_DIGITS[item]
    assert [(r.title, r.venue, r.year) for r in records] == [read]
    assert [str(p) for p in problems.items] == [
        f"list.md:3:1: warning: this item's venue and year are written in digits other than 0-9; read as {said}"
    ]


def test_a_venue_and_year_in_0_9_is_read_without_a_warning():
    records, problems = _parse(
        "# Papers\n\n- [Gamma Paper on Items](https://openreview.net/forum?id=abc3), ICML 2020\n", fmt="markdown"
    )
    assert [(r.title, r.venue, r.year) for r in records] == [("Gamma Paper on Items", "ICML", "2020")]
    assert not problems


def test_a_year_heading_in_digits_of_another_width_gives_its_year_with_a_warning():
    # "### ２０２４" was a tag, and its papers had no year, where "### 2024" gives them it.
    text = "# Papers\n\n### \uff12\uff10\uff12\uff14\n\n- [Alpha Paper on Things](https://openreview.net/forum?id=abc1)\n"
    records, problems = _parse(text, fmt="markdown")
    assert [(r.title, r.year, r.tags) for r in records] == [("Alpha Paper on Things", "2024", ())]
    assert [str(p) for p in problems.items] == [
        "list.md:3:1: warning: this year heading is written in digits other than 0-9; read as 2024",
    ]


def test_the_readers_remembered_for_a_parse_are_forgotten_after_it_even_when_it_fails(monkeypatch):
    # (2a03183b remembers six readers' answers for one parse, imp36 a seventh, `_places`,
    # md3 two more, `_venue_before_publisher` and `_reference_names`:
    # none may outlive it, so a second list in one process is read afresh and nothing
    # grows from list to list)
    from generator.ingest import markdownlist

    text = "".join(f"- [Paper {i}](https://example.org/{i}.pdf) - Ada Lovelace, Noah A. Smith, ICLR 2022\n" for i in range(3))
    assert len(markdownlist._REMEMBERED) == 9
    records, _ = _parse(text, fmt="markdown")
    assert len(records) == 3
    assert [r.cache_info().currsize for r in markdownlist._REMEMBERED] == [0] * 9
    authors = markdownlist._Reader._authors
    calls = []

    def failing(self, unit, title_span):
        calls.append(authors(self, unit, title_span))
        if len(calls) == 2:
            assert any(r.cache_info().currsize for r in markdownlist._REMEMBERED)  # (filled by then)
            raise RuntimeError("mid-parse")
        return calls[-1]

    monkeypatch.setattr(markdownlist._Reader, "_authors", failing)
    with pytest.raises(RuntimeError, match="mid-parse"):
        parse_markdown_list(text, "list.md", Problems())
    assert [r.cache_info().currsize for r in markdownlist._REMEMBERED] == [0] * 9
    # (a reader replaced between two parses is asked anew, "Shannon" no name then: the
    # remembered `_one_author` of the first parse would still say it is one)
    monkeypatch.undo()
    shannon = "- [A Mathematical Theory of Communication](https://example.org/s.pdf) - Shannon, 1948\n"
    assert [(r.authors, r.venue) for r in parse_markdown_list(shannon, "list.md", Problems())] == [(("Shannon",), "")]
    monkeypatch.setattr(markdownlist, "_one_name", lambda text: False)
    assert [(r.authors, r.venue) for r in parse_markdown_list(shannon, "list.md", Problems())] == [((), "Shannon")]


# Names before the title each written given name first, without "and": read as Chicago's
# first name, surname first ("Lovelace, Ada"), they were one person, 'Mike Lewis Ada
# Lovelace'. Read off by hand; Chicago's own forms are guards (they passed before).
GIVEN_NAMES_FIRST = [
    ("- Ada Lovelace, Mike Lewis. [Train Short](https://arxiv.org/abs/2108.12409). ICLR 2022",
     ("Ada Lovelace", "Mike Lewis"), "Train Short"),
    ("- Ofir Press, Noah A. Smith, Mike Lewis. [Train Short](https://arxiv.org/abs/2108.12409). ICLR 2022",
     ("Ofir Press", "Noah A. Smith", "Mike Lewis"), "Train Short"),
    ('- Ada Lovelace, Mike Lewis. "Some Title." ICML 2020. [pdf](https://x.org/a.pdf)',
     ("Ada Lovelace", "Mike Lewis"), "Some Title"),
    ("- Lovelace, Ada, Alan Turing, and Grace Hopper. [Some Title](https://x.org/a.pdf). ICML 2020.",
     ("Ada Lovelace", "Alan Turing", "Grace Hopper"), "Some Title"),
    ("- Hopper, Grace M., and Alan Turing. [Some Title](https://x.org/a.pdf). ICML 2020.",
     ("Grace M. Hopper", "Alan Turing"), "Some Title"),
    ("- van der Maaten, Laurens, and Geoffrey Hinton. [Some Title](https://x.org/a.pdf). JMLR 2008.",
     ("Laurens van der Maaten", "Geoffrey Hinton"), "Some Title"),
]


@pytest.mark.parametrize("item, authors, title", GIVEN_NAMES_FIRST)
def test_names_before_the_title_written_given_name_first_are_each_one_person(item, authors, title):
    records, problems = _parse(item + "\n")
    assert not problems, problems.format()
    assert [(r.title, r.authors) for r in records] == [(title, authors)]


# A list's code link is the paper's official code only where the list says so plainly:
# its text or the words right beside it say "official", or the repository's owner is
# one of the item's authors or its lab, as the item names them; a "[code]" link alone
# is only code, and "unofficial", "non-official", "not official", "reimplementation"
# are never official. Each case argued by hand: ofirpress/attention_with_linear_biases
# is ALiBi's authors' code, lucidrains' a reimplementation.
_ALIBI = "- [Train Short](https://arxiv.org/abs/2108.12409) - "
OFFICIAL_CODE = [
    (_ALIBI + "Ofir Press, ICLR 2022 [[code](https://github.com/ofirpress/attention_with_linear_biases)]",
     [("ofirpress/attention_with_linear_biases", True)]),
    (_ALIBI + "Ofir Press, ICLR 2022 [[code](https://github.com/lucidrains/alibi)]", [("lucidrains/alibi", False)]),
    (_ALIBI + "ICLR 2022 [[code](https://github.com/o/r)]", [("o/r", False)]),
    (_ALIBI + "ICLR 2022 [[code](https://github.com/o/r)] (official)", [("o/r", True)]),
    (_ALIBI + "ICLR 2022. Official code: [GitHub](https://github.com/o/r)", [("o/r", True)]),
    (_ALIBI + "ICLR 2022 [[Official PyTorch](https://github.com/o/r)] [[Unofficial TF](https://github.com/p/q)]",
     [("o/r", True), ("p/q", False)]),
    (_ALIBI + "ICLR 2022 [[non-official code](https://github.com/o/r)] [[PyTorch reimplementation](https://github.com/p/q)]",
     [("o/r", False), ("p/q", False)]),
    (_ALIBI + "ICLR 2022 [[official](https://github.com/o/r)] [[code (not official)](https://github.com/p/q)]",
     [("o/r", True), ("p/q", False)]),
    (_ALIBI + "ICLR 2022. Unofficial code: [GitHub](https://github.com/o/r)", [("o/r", False)]),
    (_ALIBI + "The official results, ICLR 2022 [[code](https://github.com/o/r)]", [("o/r", False)]),
    ("- [GPT-4 Technical Report](https://arxiv.org/abs/2303.08774) - OpenAI, 2023 [[evals](https://github.com/openai/evals)]",
     [("openai/evals", True)]),
    ("- [ViT](https://arxiv.org/abs/2010.11929) - Google, ICLR 2021 [[code](https://github.com/google-research/vit)]",
     [("google-research/vit", True)]),
    ("- [ViT](https://arxiv.org/abs/2010.11929) - Meta-Learning, ICLR 2021 [[code](https://github.com/facebookresearch/x)]",
     [("facebookresearch/x", False)]),
    ("- [ResNet](https://arxiv.org/abs/1512.03385) - Kaiming He, Xiangyu Zhang, CVPR 2016 "
     "[[code](https://github.com/KaimingHe/deep-residual-networks)]", [("KaimingHe/deep-residual-networks", True)]),
    ("- [Attention](https://arxiv.org/abs/1706.03762) - Vaswani et al., NeurIPS 2017 [[code](https://github.com/vaswani/t2t)]",
     [("vaswani/t2t", True)]),
    # (initials and a short surname run together name anyone: "khe" is not K. He's plainly)
    ("- [ResNet](https://arxiv.org/abs/1512.03385) - K. He et al., CVPR 2016 [[code](https://github.com/khe/resnet)]",
     [("khe/resnet", False)]),
    # (a lab named in a title is the paper's subject, not its authors: no lab's code by that;
    # in the item's other words it is, "(*Meta*)" as cmhungsteve/Awesome-Transformer-Attention
    # names the lab)
    ("- **Revisiting Google Landmarks** (2020), A. Someone [[pdf]](https://x.org/g.pdf)"
     " [[code](https://github.com/google/landmarks)]", [("google/landmarks", False)]),
    ("- **Meta Pseudo Labels**, CVPR 2021 [[paper](https://arxiv.org/abs/2003.10580)]"
     " [[code](https://github.com/facebookresearch/mpl)]", [("facebookresearch/mpl", False)]),
    ('- **ViTDet**: "Exploring Plain Vision Transformer Backbones", ECCV, 2022 (*Meta*).'
     " [[Paper](https://arxiv.org/abs/2203.16527)][[PyTorch](https://github.com/facebookresearch/detectron2)]",
     [("facebookresearch/detectron2", True)]),
    # (another's code only where those words come before "official", or deny it)
    (_ALIBI + "ICLR 2022 [[Official PyTorch implementation, ported from JAX](https://github.com/o/r)]", [("o/r", True)]),
    (_ALIBI + "ICLR 2022 [[official code + reproducibility report](https://github.com/o/r)]", [("o/r", True)]),
    (_ALIBI + "ICLR 2022 [[PyTorch port of the official code](https://github.com/o/r)]", [("o/r", False)]),
    (_ALIBI + "ICLR 2022 [[official implementation (unofficial port)](https://github.com/o/r)]", [("o/r", False)]),
    # (a table's column headed as the official code's says so of its links; the authors'
    # own said so, "(by the authors)", as "authors' code" is; another's "by" is not)
    ("| Paper | Official Code | Unofficial Code |\n|---|---|---|\n| [Attention](https://arxiv.org/abs/1706.03762)"
     " | [TF](https://github.com/tensorflow/tensor2tensor) | [PyTorch](https://github.com/jadore801120/attention) |",
     [("tensorflow/tensor2tensor", True), ("jadore801120/attention", False)]),
    (_ALIBI + "ICLR 2022 [[PyTorch (by the authors)](https://github.com/o/r)]", [("o/r", True)]),
    (_ALIBI + "ICLR 2022 [[PyTorch implementation by the authors](https://github.com/o/r)]", [("o/r", True)]),
    (_ALIBI + "ICLR 2022 [[PyTorch implementation by lucidrains](https://github.com/o/r)]", [("o/r", False)]),
]


@pytest.mark.parametrize("item, repos", OFFICIAL_CODE)
def test_a_code_link_is_official_where_the_list_says_so_plainly(item, repos):
    records, problems = _parse(item + "\n")
    assert not problems, problems.format()
    [record] = records
    assert [(link.repo, link.official) for link in record.links if link.kind == "code"] == repos


def test_a_badge_paragraphs_repository_of_an_author_is_official():
    records, _ = _parse(
        "- [Train Short](https://arxiv.org/abs/2108.12409) - Ofir Press, ICLR 2022\n\n"
        "  [![stars](https://img.shields.io/github/stars/ofirpress/attention_with_linear_biases)]"
        "(https://github.com/ofirpress/attention_with_linear_biases)\n"
    )
    assert [(link.repo, link.official) for link in records[0].links] == [("ofirpress/attention_with_linear_biases", True)]


# Item shapes of two real lists (terryum/awesome-deep-learning-papers: "**Title**
# (Year), I. Surname et al. [[pdf]](...)", with GitHub's ":sparkles:" after some;
# kuc2477/dl-papers: "*Title (Surname, Surname et al.)* [[arxiv, YY.MM]](...)"), written
# anew with the same shapes; each value read off by hand. What a curator had to repair:
# no author for one name with initials, the year kept in a title, the date label
# "[arxiv, 14.12]" taken for the title, names in brackets kept in it.
REAL_SHAPES = [
    ("- **Fast Detection Networks** (2015), R. Girshick [[pdf]](https://x.org/fast.pdf)",
     ("Fast Detection Networks", ("R. Girshick",), "2015")),
    ("- **A Caption Generator (2015)**, O. Vinyals et al. [[pdf]](https://x.org/caption.pdf)",
     ("A Caption Generator", ("O. Vinyals", "others"), "2015")),
    ("- Deep networks: An overview (2015), J. Schmidhuber [[pdf]](http://arxiv.org/pdf/1404.7828) :sparkles:",
     ("Deep networks: An overview", ("J. Schmidhuber",), "2015")),
    ("- **Distilling Networks** (2015), G. Hinton et al. [[pdf]](http://arxiv.org/pdf/1503.02531) :sparkles:",
     ("Distilling Networks", ("G. Hinton", "others"), "2015")),
    ("- [Some Title](https://arxiv.org/abs/1706.03762), NeurIPS 2017, Vaswani et al. :star:",
     ("Some Title", ("Vaswani", "others"), "2017")),
    ("- *Deconvolution for Segmentation (Noh, Hong, Han et al.)*  [[arxiv, 15.05]](https://arxiv.org/abs/1505.04366)",
     ("Deconvolution for Segmentation", ("Noh", "Hong", "Han", "others"), "2015")),
    ("- *Deconvolution for Segmentation*  [[arxiv, 15.05]](https://arxiv.org/abs/1505.04366)",
     ("Deconvolution for Segmentation", (), "2015")),
    ("- *Deconvolution for Segmentation* [[pdf, 2015.05]](https://arxiv.org/pdf/1505.04366)",
     ("Deconvolution for Segmentation", (), "2015")),
    # (the list's own slips and venues: a full stop for the comma, a venue's name for the
    # label; both items were titled by the label. The label's ICML and 17.07 are not read
    # as the venue and year: not done, so no year here)
    ("- *InfoGAN: Interpretable Representation Learning* [[arxiv. 16.06]](https://arxiv.org/abs/1606.03657)",
     ("InfoGAN: Interpretable Representation Learning", (), "2016")),
    ("- *SplitNet: Learning to Split Deep Networks* [[ICML, 17.07]](http://proceedings.mlr.press/v70/kim17b/kim17b.pdf)",
     ("SplitNet: Learning to Split Deep Networks", (), "")),
    # (a surname, then its given names, before "et al.": MLA's first author, one name)
    ("- *All Convolutional Nets (Springenberg, Jost Tobias et al.)* [[arxiv, 14.12]](http://arxiv.org/abs/1412.6806)",
     ("All Convolutional Nets", ("Jost Tobias Springenberg", "others"), "2014")),
    # (guards: a title that ends with a bracket of other words keeps it; a place after a
    # venue is no name with initials)
    ("- *Learning (Almost) Everything* [[arxiv, 15.05]](https://arxiv.org/abs/1505.04366)",
     ("Learning (Almost) Everything", (), "2015")),
    ("- [Some Title](https://arxiv.org/abs/1706.03762) - NeurIPS 2017 - New Orleans",
     ("Some Title", (), "2017")),
]


@pytest.mark.parametrize("item, expected", REAL_SHAPES)
def test_item_shapes_of_real_lists(item, expected):
    records, problems = _parse("# A List\n" + item + "\n")
    assert not problems, problems.format()
    assert [(r.title, r.authors, r.year) for r in records] == [expected]


def test_a_page_its_label_calls_the_paper_links_it():
    # (terryum's "[[html]](…nature.com/…/abs/…)": a host links.py knows nothing of, so a
    # project page, and the item no paper: "Deep learning (2015), …" was not imported)
    records, problems = _parse(
        "- Deep learning (2015), Y. LeCun, Y. Bengio and G. Hinton"
        " [[html]](http://www.nature.com/nature/journal/v521/n7553/abs/nature14539.html) :sparkles:\n"
        "- Some Paper (2016), A. Lovelace [[pdf]](https://www.lab.org/paper)\n"
    )
    assert not problems, problems.format()
    assert [(r.title, r.authors, r.year, _links(r)) for r in records] == [
        ("Deep learning", ("Y. LeCun", "Y. Bengio", "G. Hinton"), "2015",
         [("paper", "https://www.nature.com/nature/journal/v521/n7553/abs/nature14539.html")]),
        ("Some Paper", ("A. Lovelace",), "2016", [("pdf", "https://www.lab.org/paper")]),
    ]
    # (a "[link]" or "[here]" is a project page's as often: no paper, as before)
    records, _ = _parse("- A Project (2016) [[link]](https://lab.org/q)\n- [A Paper](https://arxiv.org/abs/1706.03762)\n")
    assert [r.title for r in records] == ["A Paper"]


def test_a_tables_name_column_titles_a_paper_its_paper_column_links_by_a_label():
    # (a shape of real READMEs' tables, "| Project | Description | Paper | Code |", written
    # anew: the Paper column holds "[arXiv](...)" alone, and each row was skipped with "gives
    # no title"; the project's name is the title a curator starts from, its venue the
    # brackets after it, "Main" no part of it)
    records, problems = _parse(
        "| Project | Description | Paper | Code |\n|---|---|---|---|\n"
        "| **LLMEval-Fair** (ACL 2026 Main) | Fair evaluation | [arXiv](https://arxiv.org/abs/2508.05452)"
        " | [GitHub](https://github.com/llmeval/LLMEval-Fair) |\n"
        "| **LLMEval-2** (AAAI 2024) | Domain evaluation | [arXiv](https://arxiv.org/abs/2312.07398) | - |\n"
        "\n| Model | Year | Paper | Code |\n|---|---|---|---|\n"
        "| **BENDR** | 2021 | [BENDR: Transformers for EEG](https://www.frontiersin.org/articles/10.3389/fnhum.2021.653659)"
        " | [Official](https://github.com/a/b) |\n"
    )
    assert not problems, problems.format()
    assert [(r.title, r.venue, r.year, r.arxiv) for r in records] == [
        ("LLMEval-Fair", "ACL", "2026", "2508.05452"),
        ("LLMEval-2", "AAAI", "2024", "2312.07398"),
        # (a Paper column that links the paper by its title keeps giving the title)
        ("BENDR: Transformers for EEG", "", "2021", ""),
    ]
    assert [(link.repo, link.official) for link in records[2].links if link.kind == "code"] == [("a/b", True)]


@pytest.mark.parametrize("after, venue", [
    ("(ACL 2026 Main)", "ACL"), ("- EMNLP 2024 Main", "EMNLP"), ("- EMNLP 2024 main track", "EMNLP"),
    ("- ACL 2024 (main conference)", "ACL"), ("- EMNLP 2024 Findings", "EMNLP Findings"),
])
def test_the_main_conference_is_no_part_of_the_venue(after, venue):
    records, _ = _parse(f"- [T One](https://arxiv.org/abs/2508.05452) {after}\n")
    assert [(r.venue, r.year) for r in records] == [(venue, after.strip("()- ").split()[1])]


# Shapes of three more real lists, written anew: entries dated before a plain title
# ("[2023/10] Name: Title. (University) [[paper](…)]", every entry of an agents list),
# which were all skipped as news; a bold title with its authors in italics and a long
# journal name on lines of their own, skipped as prose; one author after a bold title
# with the venue before it; "[original code](…)", the authors' own.
def test_item_shapes_of_three_more_real_lists():
    records, problems = _parse(
        "# Awesome Agents\n"
        "- [2023/10] AutoAgents: A Framework for Agent Generation. (Peking University)"
        " [[paper](https://arxiv.org/abs/2309.17288)] [[code](https://github.com/Link-AGI/AutoAgents)]\n"
        "- [2023/08] Generative Agents Simulate Human Behavior. [[paper](https://arxiv.org/abs/2308.11338)]\n"
        "- [2024/03] Our survey is accepted to ACL 2024! [paper](https://arxiv.org/abs/2403.00002)\n"
        "- [2024/03] SurveyX is accepted to ACL 2024! [paper](https://arxiv.org/abs/2403.00003)\n"
        "- **Dense prediction tasks: A survey** \\\n"
        "  *Simon Vandenhende, Stamatios Georgoulis, Marc Proesmans, Dengxin Dai and Luc Van Gool* \\\n"
        "  IEEE Transactions on Pattern Analysis and Machine Intelligence 2021."
        " [[Paper](https://ieeexplore.ieee.org/abstract/document/9336293)] \\\n"
        "  Jan 26, 2021\n"
        "- (arXiv preprint 2021) **Do You Even Need Attention?**, Luke Melas-Kyriazi."
        " [[Paper](https://arxiv.org/abs/2105.02723)]\n"
        "- (CVPR 2021) **Some Title**, Image Restoration. [[Paper](https://arxiv.org/abs/2105.02724)]\n"
        "- **EEGNet**, [[paper](https://arxiv.org/abs/1611.08024), [original code](https://github.com/v/arl)]\n"
    )
    assert [(r.title, r.authors, r.venue, r.year) for r in records] == [
        ("AutoAgents: A Framework for Agent Generation", (), "", "2023"),
        ("Generative Agents Simulate Human Behavior", (), "", "2023"),
        ("Dense prediction tasks: A survey",
         ("Simon Vandenhende", "Stamatios Georgoulis", "Marc Proesmans", "Dengxin Dai", "Luc Van Gool"),
         "IEEE Transactions on Pattern Analysis and Machine Intelligence", "2021"),
        ("Do You Even Need Attention?", ("Luke Melas-Kyriazi",), "", "2021"),
        ("Some Title", (), "CVPR", "2021"),
        ("EEGNet", (), "", "2016"),
    ]
    assert [(link.repo, link.official) for link in records[-1].links] == [("v/arl", True)]
    # (the news stays news: "Our survey is accepted", "SurveyX is accepted")
    assert [p.location.line for p in problems.warnings] == [4, 5]


# Names before the title set apart by a dash or a comma, as a course's reading list
# writes them ("* Krizhevsky et al. - **Title** [[pdf]](…)", a shape written anew): no
# author before, where the full stop's sentence of names gave them. Not words of the
# dictionary or a field's ("Survey", "Detection and Segmentation", "Theory and Practice").
NAMES_BEFORE_APART = [
    ("- Krizhevsky et al. - **Imagenet Classification** [[pdf]](https://x.org/i.pdf)", ("Krizhevsky", "others")),
    ("- Krizhevsky et al., **Imagenet Classification** [[pdf]](https://x.org/i.pdf)", ("Krizhevsky", "others")),
    ("- Krizhevsky and Hinton - **Imagenet Classification** [[pdf]](https://x.org/i.pdf)", ("Krizhevsky", "Hinton")),
    ("- Survey - **Imagenet Classification** [[pdf]](https://x.org/i.pdf)", ()),
    ("- Detection and Segmentation - **Imagenet Classification** [[pdf]](https://x.org/i.pdf)", ()),
    ("- Theory and Practice - [Imagenet Classification](https://x.org/i.pdf)", ()),
]


@pytest.mark.parametrize("item, authors", NAMES_BEFORE_APART)
def test_names_before_the_title_set_apart_by_a_dash_or_a_comma(item, authors):
    records, problems = _parse(item + "\n")
    assert not problems, problems.format()
    assert [(r.title, r.authors) for r in records] == [("Imagenet Classification", authors)]


# Dated items of an agents list (shapes of real ones, written anew): a title that starts
# with an article was skipped as news ("The", "A" were news' first words), and news in
# title case or with a colon was a paper titled by the news. Read off by hand.
def test_a_dated_items_words_tell_a_title_from_news():
    records, problems = _parse(
        "# Awesome Agents\n"
        "- [2023/11] The Rise and Potential of Large Language Model Based Agents: A Survey"
        " [[paper](https://arxiv.org/abs/2309.07864)]\n"
        "- [2023/11] A Survey on Large Language Model based Autonomous Agents [[paper](https://arxiv.org/abs/2308.11432)]\n"
        "- [2024/03] Survey of Large Language Models is now on arXiv [[paper](https://arxiv.org/abs/2303.18223)]\n"
        "- [2024/01] Congrats: Our Paper Got Accepted at ICLR 2024 [[paper](https://arxiv.org/abs/2401.00003)]\n"
        "- [2023/12] Hello World: Our New Benchmark Is Out [[paper](https://arxiv.org/abs/2312.00004)]\n"
        "- [2024/05] The code is released for our survey [[paper](https://arxiv.org/abs/2401.00005)]\n"
        "- [2024/05] A demo is available on our page [[paper](https://arxiv.org/abs/2401.00006)]\n"
        "- [2024/02] Introducing Our Latest Model Family [[paper](https://arxiv.org/abs/2402.00005)]\n"
        "- [2024/01] SurveyX Reaches 1,000 Stars [[paper](https://arxiv.org/abs/2401.00007)]\n"
    )
    assert [r.title for r in records] == [
        "The Rise and Potential of Large Language Model Based Agents: A Survey",
        "A Survey on Large Language Model based Autonomous Agents",
    ]
    assert [p.location.line for p in problems.warnings] == [4, 5, 6, 7, 8, 9, 10]



# (3d45d2e0's Project column read "**Name** (ACL 2026)"'s venue, but "Name (ICCV 2023)"'s
# bracket stayed in the title's span and its venue was lost; read off by hand. The Authors
# column after a split cell is still read as its column.)
NAME_COLUMN_ROWS = [
    ("| Project | Description | Paper | Code |",
     "| Segment Anything (ICCV 2023) | Segmentation | [arXiv](https://arxiv.org/abs/2304.02643)"
     " | [Code](https://github.com/facebookresearch/segment-anything) |", ("Segment Anything", (), "ICCV", "2023")),
    ("| Model | Description | Paper | Code |",
     "| BERT (Devlin et al., 2019) | Encoder | [arXiv](https://arxiv.org/abs/1810.04805) | - |",
     ("BERT", ("Devlin", "others"), "", "2019")),
    ("| Project | Description | Paper | Code |", "| **Mamba** (COLM 2024) | SSM | [Paper](https://arxiv.org/abs/2312.00752) | - |",
     ("Mamba", (), "COLM", "2024")),
    ("| Project | Authors | Paper |",
     "| Segment Anything (ICCV 2023) | Alexander Kirillov, Eric Mintun | [arXiv](https://arxiv.org/abs/2304.02643) |",
     ("Segment Anything", ("Alexander Kirillov", "Eric Mintun"), "ICCV", "2023")),
]


@pytest.mark.parametrize("header, row, expected", NAME_COLUMN_ROWS)
def test_a_name_columns_venue_in_brackets_is_read_without_bold(header, row, expected):
    rule = "|" + "---|" * header.count(" | ") + "---|"
    records, problems = _parse(f"{header}\n{rule}\n{row}\n")
    assert not problems, problems.format()
    assert [(r.title, r.authors, r.venue, r.year) for r in records] == [expected]


# (md2) An italic title alone on its line, its authors on the next, as a bold one is read:
# "- *Deep Learning*" then "Ian Goodfellow, Yoshua Bengio, MIT Press, 2016" gave no record
# (an item linking none, its words read as one sentence), and with a known venue or a link
# the title ran on into the first name ("Attention Is All You Need Ashish Vaswani", by Noam
# Shazeer alone; "Pattern Recognition Christopher Bishop, Springer", by no one). Each read
# by hand; each fails at 96b899d5.
@pytest.mark.parametrize("item, title, authors, venue, year", [
    ("- *Deep Learning*\n  Ian Goodfellow, Yoshua Bengio, MIT Press, 2016",
     "Deep Learning", ("Ian Goodfellow", "Yoshua Bengio"), "MIT Press", "2016"),
    ("- *Deep Learning*\n  Ian Goodfellow, 2016", "Deep Learning", ("Ian Goodfellow",), "", "2016"),
    ("- *Attention Is All You Need*\n  Ashish Vaswani, Noam Shazeer, NeurIPS 2017",
     "Attention Is All You Need", ("Ashish Vaswani", "Noam Shazeer"), "NeurIPS", "2017"),
    ("- *Pattern Recognition*\n  Christopher Bishop, Springer, 2006. [pdf](https://example.org/prml.pdf)",
     "Pattern Recognition", ("Christopher Bishop",), "Springer", "2006"),
])
def test_an_italic_title_on_its_own_line_is_the_title(item, title, authors, venue, year):
    (record,), problems = _parse(f"# Books\n\n{item}\n")
    assert (record.title, record.authors, record.venue, record.year) == (title, authors, venue, year)
    assert not problems


# Guards, as read at 96b899d5: italics on their own line that are a venue, or prose, make
# no title, and are no paper.
def test_italics_on_their_own_line_that_name_no_title_are_no_paper():
    records, _ = _parse(
        "# Papers\n\n- [Real One](https://arxiv.org/abs/1706.03762)\n- *NeurIPS 2017*\n  Ashish Vaswani, Noam"
        " Shazeer\n- *Some words in italics*\n  and more words here.\n"
    )
    assert [record.title for record in records] == ["Real One"]
