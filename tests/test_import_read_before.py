"""Values an earlier version of the importer wrote that today's leaves out or reads
otherwise (Google Scholar's placeholder volume, number and pages; IEEE Xplore's index
terms as tags; Zotero's arXiv subject classes as tags; Scopus' copyright notice ending
an abstract; an institution as the venue; a Markdown list's year in a linked title, and
a lab before the year as the venue; an RIS date, 2016-December, as the volume),
imported again: taken out where the file still holds the importer's own value, never
where a curator changed it or wrote a comment beside it."""

import datetime as dt

import pytest
import yaml

import generator.ingest as ingest
import generator.ingest.bibtex as bibtex
from generator.importer import import_paths

# (Each test's first import is an earlier importer's, its functions patched.)
pytestmark = pytest.mark.usefixtures("no_bibtex_entry_cache")

DAY = dt.date(2026, 1, 2)

SCHOLAR = (
    "@article{hu2021lora,\n  title={Lora: Low-rank adaptation of large language models},\n"
    "  author={Hu, Edward J and Shen, Yelong},\n  journal={ICLR},\n  volume={1},\n  number={2},\n"
    "  pages={3},\n  year={2022}\n}\n"
)
GPT2 = (
    "@article{radford2019language,\n  title={Language models are unsupervised multitask learners},\n"
    "  author={Radford, Alec and Wu, Jeffrey},\n  journal={OpenAI blog},\n  volume={1},\n"
    "  number={8},\n  pages={9},\n  year={2019}\n}\n"
)
IEEE = (
    "@inproceedings{he2016deep,\n  author={He, Kaiming and Sun, Jian},\n"
    "  booktitle={2016 IEEE Conference on Computer Vision and Pattern Recognition (CVPR)},\n"
    "  title={Deep Residual Learning for Image Recognition},\n  year={2016},\n"
    "  keywords={Training;Degradation;Image recognition},\n  doi={10.1109/CVPR.2016.90}}\n"
)
ZOTERO = (
    "@misc{a,\n  title = {Alpha Paper},\n  author = {Lovelace, Ada},\n  year = {2020},\n"
    "  eprint = {2001.00001},\n  keywords = {Computer Science - Machine Learning, planning},\n}\n"
)
SCOPUS = (
    "@CONFERENCE{He2016770,\n  author = {He, K. and Sun, J.},\n"
    "  title = {Deep residual learning for image recognition},\n  year = {2016},\n"
    "  abstract = {Deeper neural networks are more difficult to train. We present a residual"
    " learning framework to ease the training of networks that are substantially deeper than those"
    " used previously. © 2016 IEEE.},\n  source = {Scopus}\n}\n"
)
INSTITUTION = (
    "@online{ai2,\n  title={Some Blog Post},\n  institution={Allen Institute for AI},\n"
    "  year={2023},\n  url={https://allenai.org/blog/x}\n}\n"
)
# Google Scholar's preprint, its arXiv id in its journal; DBLP's, its id as CoRR's volume.
SCHOLAR_ARXIV = (
    "@article{hu2021lora,\n  title={Lora: Low-rank adaptation of large language models},\n"
    "  author={Hu, Edward J and Shen, Yelong},\n  journal={arXiv preprint arXiv:2106.09685},\n"
    "  year={2021}\n}\n"
)
DBLP_ARXIV = (
    "@article{DBLP:journals/corr/abs-2106-09685,\n  author={Edward J. Hu and Yelong Shen},\n"
    "  title={LoRA: Low-Rank Adaptation of Large Language Models},\n  journal={CoRR},\n"
    "  volume={abs/2106.09685},\n  year={2021},\n  eprinttype={arXiv},\n  eprint={2106.09685}\n}\n"
)
LORA = "content/papers/lora-low-rank-adaptation-of-large-language-models.yml"
GPT2_PAPER = "content/papers/language-models-are-unsupervised-multitask-learners.yml"
RESNET = "content/papers/deep-residual-learning-for-image-recognition.yml"
ALPHA = "content/papers/alpha-paper.yml"
BLOG = "content/papers/some-blog-post.yml"


def _import(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return import_paths([path], tmp_path / "content", added=DAY)


def _older(monkeypatch):
    """The importer as earlier versions read these sources."""
    organizations = bibtex._organizations
    monkeypatch.setattr(ingest, "_PLACEHOLDER", ("none",) * 3)
    monkeypatch.setattr(ingest, "_BLOG", bibtex.re.compile("(?!)"))
    monkeypatch.setattr(ingest, "without_arxiv_venue", lambda record: record)
    monkeypatch.setattr(bibtex, "_ieee_index_terms", lambda keywords, doi: False)
    monkeypatch.setattr(bibtex, "_ARXIV_SUBJECT", bibtex.re.compile("(?!)"))
    monkeypatch.setattr(bibtex, "without_notice", lambda abstract: (abstract, ""))
    monkeypatch.setattr(
        bibtex, "_organizations", lambda fields: organizations(fields) if fields["organization"].strip() else ()
    )


def _first(tmp_path, monkeypatch, name, text, path, written):
    with monkeypatch.context() as older:
        _older(older)
        assert len(_import(tmp_path, name, text).added) == 1
    paper = tmp_path / path
    assert written in paper.read_text()
    return paper


CASES = {
    # name: (source, paper, what the earlier import wrote, what it is now, the report's line)
    "placeholders": (
        SCHOLAR, LORA, 'volume: "1"\nnumber: "2"\npages: "3"\n', "",
        "volume, number, pages: lora-low-rank-adaptation-of-large-language-models none now (was '1',"
        " '2', '3': Google Scholar's placeholders, which an earlier import took for where the paper is)",
    ),
    "blog": (
        GPT2, GPT2_PAPER, 'volume: "1"\nnumber: "8"\npages: "9"\n', "",
        "volume, number, pages: language-models-are-unsupervised-multitask-learners none now (was"
        " '1', '8', '9': of a blog, which has none, where an earlier import took them for where the"
        " paper is)",
    ),
    "ieee": (
        IEEE, RESNET, "tags:\n  - Training\n  - Degradation\n  - Image recognition\n", "tags: []\n",
        "tags: deep-residual-learning-for-image-recognition no tags now (was 'Training; Degradation;"
        " Image recognition': IEEE Xplore's index terms, which an earlier import took as tags)",
    ),
    "zotero": (
        ZOTERO, ALPHA, "tags:\n  - Computer Science - Machine Learning\n  - planning\n", "tags:\n  - planning\n",
        "tags: alpha-paper now 'planning' (was 'Computer Science - Machine Learning; planning': with"
        " arXiv's subject classes, which an earlier import took as tags)",
    ),
    "notice": (
        SCOPUS, RESNET, "\n  previously. © 2016 IEEE.\n", "\n  previously.\n",
        "abstract: deep-residual-learning-for-image-recognition now '…than those used"
        " previously.«»' (was '…than those used previously.« © 2016 IEEE.»': with a"
        " publisher's copyright notice at its end, which an earlier import took as part of it)",
    ),
    "institution": (
        INSTITUTION, BLOG, "venue: Allen Institute for AI\n", "",
        "venue: some-blog-post no venue now (was 'Allen Institute for AI': the institution that wrote"
        " it, now its author, which an earlier import took as its venue)",
    ),
    "scholar arxiv": (
        SCHOLAR_ARXIV, LORA, "venue: arXiv preprint arXiv:2106.09685\n", "",
        "venue: lora-low-rank-adaptation-of-large-language-models no venue now (was 'arXiv preprint"
        " arXiv:2106.09685': arXiv's name, which an earlier import took as the venue; the arXiv id says it)",
    ),
    "dblp arxiv": (
        DBLP_ARXIV, LORA, "venue: CoRR\n", "",
        "venue: lora-low-rank-adaptation-of-large-language-models no venue now (was 'CoRR': arXiv's"
        " name, which an earlier import took as the venue; the arXiv id says it)",
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_the_importers_own_earlier_value_goes_and_the_report_says_so(tmp_path, monkeypatch, case):
    source, path, written, now, said = CASES[case]
    paper = _first(tmp_path, monkeypatch, "refs.bib", source, path, written)
    before = paper.read_text()
    report = _import(tmp_path, "refs.bib", source)
    assert report.updated == [paper.stem] and report.conflicts == []
    assert [str(change) for change in report.read_before] == [said]
    after = paper.read_text()
    # only those lines change (and the institution, the author now, fills the authors)
    assert after == before.replace(written, now).replace("authors: []\n", "authors:\n  - Allen Institute for AI\n")
    # and a third import changes nothing
    again = _import(tmp_path, "refs.bib", source)
    assert (again.unchanged, again.read_before) == ([paper.stem], [])
    assert paper.read_text() == after


def test_the_institution_is_the_author_now(tmp_path, monkeypatch):
    paper = _first(tmp_path, monkeypatch, "refs.bib", INSTITUTION, BLOG, "authors: []\n")
    _import(tmp_path, "refs.bib", INSTITUTION)
    text = paper.read_text()
    assert "authors:\n  - Allen Institute for AI\n" in text and "venue:" not in text


EDITS = {
    "placeholders": [
        ('pages: "3"\n', 'pages: "3-4"\n'),  # one of the three edited: the others may be real
        ('volume: "1"\n', 'volume: "1"  # checked\n'),
        ('pages: "3"\n', 'pages: "3"\n\n# as the proceedings print them\n'),  # (after a blank line)
    ],
    "blog": [
        ('number: "8"\n', 'number: "8"  # as cited\n'),
    ],
    "ieee": [
        ("  - Image recognition\n", "  - Image recognition\n  - resnet\n"),  # a tag added
        ("  - Degradation\n", "  - Degradation  # ours\n"),
        ("  - Image recognition\n", "  - Image recognition\n# kept on purpose\n"),
        ("  - Image recognition\n", "  - Image recognition\n\n# kept on purpose\n"),
    ],
    "notice": [
        ("IEEE.\n", "IEEE. (Edited.)\n"),
        ("IEEE.\n", "IEEE.\n# kept on purpose\n"),
        ("IEEE.\n", "IEEE.\n\n# kept on purpose\n"),
    ],
    "scholar arxiv": [
        ("venue: arXiv preprint arXiv:2106.09685\n", "venue: arXiv\n"),
        ("venue: arXiv preprint arXiv:2106.09685\n", "venue: arXiv preprint arXiv:2106.09685  # cite so\n"),
    ],
    "dblp arxiv": [
        ("venue: CoRR\n", "venue: CoRR  # as DBLP\n"),
    ],
    "institution": [
        ("venue: Allen Institute for AI\n", "venue: Allen Institute for AI (AI2)\n"),
        ("venue: Allen Institute for AI\n", "venue: Allen Institute for AI  # as they sign\n"),
        ("venue: Allen Institute for AI\n", "venue: Allen Institute for AI\n\n# as they sign\n"),
    ],
}


@pytest.mark.parametrize("case, edit", [(case, edit) for case, edits in EDITS.items() for edit in edits])
def test_a_value_the_curator_edited_or_commented_stays(tmp_path, monkeypatch, case, edit):
    source, path, written, _, _ = CASES[case]
    paper = _first(tmp_path, monkeypatch, "refs.bib", source, path, written)
    edited = paper.read_text().replace(*edit)
    assert edited != paper.read_text()
    paper.write_text(edited)
    report = _import(tmp_path, "refs.bib", source)
    assert report.read_before == []
    text = paper.read_text()
    if case == "institution":  # (the source's new author fills the empty list: the venue stays)
        text = text.replace("authors:\n  - Allen Institute for AI\n", "authors: []\n")
    assert text == edited


def test_a_value_the_curator_wrote_by_hand_stays(tmp_path):
    # A file the importer never wrote those values in: the curator's, whatever they are.
    papers = tmp_path / "content" / "papers"
    papers.mkdir(parents=True)
    hand = (
        "id: lora-low-rank-adaptation-of-large-language-models\n"
        "title: 'Lora: Low-rank adaptation of large language models'\n"
        'year: 2022\nvenue: ICLR\nvolume: "1"\nnumber: "2"\npages: "3"\n'
    )
    (papers / "lora-low-rank-adaptation-of-large-language-models.yml").write_text(hand)
    report = _import(tmp_path, "refs.bib", SCHOLAR)
    assert report.read_before == []
    assert 'volume: "1"\nnumber: "2"\npages: "3"\n' in (tmp_path / LORA).read_text()


# The same records as Google Scholar's RIS gives them: read as its BibTeX is.
RIS_CASES = {
    "placeholders": (
        "TY  - JOUR\nTI  - Lora: Low-rank adaptation of large language models\nAU  - Hu, Edward J\n"
        "AU  - Shen, Yelong\nJO  - ICLR\nVL  - 1\nIS  - 2\nSP  - 3\nPY  - 2022\nER  - \n"
    ),
    "blog": (
        "TY  - JOUR\nTI  - Language models are unsupervised multitask learners\nAU  - Radford, Alec\n"
        "AU  - Wu, Jeffrey\nJO  - OpenAI blog\nVL  - 1\nIS  - 8\nSP  - 9\nPY  - 2019\nER  - \n"
    ),
}


@pytest.mark.parametrize("case", RIS_CASES)
def test_the_importers_own_earlier_place_from_an_ris_file_goes_too(tmp_path, monkeypatch, case):
    _, path, written, now, said = CASES[case]
    paper = _first(tmp_path, monkeypatch, "refs.ris", RIS_CASES[case], path, written)
    before = paper.read_text()
    report = _import(tmp_path, "refs.ris", RIS_CASES[case])
    assert [str(change) for change in report.read_before] == [said]
    assert paper.read_text() == before.replace(written, now)


# --- a Markdown list --------------------------------------------------------------------

import generator.ingest.markdownlist as markdownlist  # noqa: E402

LIST = (
    "- [Llama 2: Open Foundation and Fine-Tuned Chat Models, 2023](https://arxiv.org/abs/2307.09288)\n"
    "- [GPT-4 Technical Report](https://arxiv.org/abs/2303.08774) - OpenAI, 2023\n"
)
LLAMA = "content/papers/llama-2-open-foundation-and-fine-tuned-chat-models-2023.yml"
GPT4 = "content/papers/gpt-4-technical-report.yml"


def _older_list(monkeypatch):
    """The Markdown reader as earlier versions read these items."""
    monkeypatch.setattr(markdownlist, "_title_tail", lambda title: None)
    monkeypatch.setattr(markdownlist, "_LAB", markdownlist.re.compile("(?!)"))


def _first_list(tmp_path, monkeypatch):
    with monkeypatch.context() as older:
        _older_list(older)
        assert len(_import(tmp_path, "list.md", LIST).added) == 2
    llama, gpt4 = tmp_path / LLAMA, tmp_path / GPT4
    assert 'title: "Llama 2: Open Foundation and Fine-Tuned Chat Models, 2023"\n' in llama.read_text()
    assert "venue: OpenAI\n" in gpt4.read_text()
    return llama, gpt4


def test_a_markdown_lists_year_in_a_title_and_lab_as_a_venue_go(tmp_path, monkeypatch):
    llama, gpt4 = _first_list(tmp_path, monkeypatch)
    before = llama.read_text(), gpt4.read_text()
    report = _import(tmp_path, "list.md", LIST)
    assert sorted(report.updated) == ["gpt-4-technical-report", "llama-2-open-foundation-and-fine-tuned-chat-models-2023"]
    assert report.conflicts == []
    assert [str(change) for change in report.read_before] == [
        "title: llama-2-open-foundation-and-fine-tuned-chat-models-2023 now 'Llama 2: Open Foundation and"
        " Fine-Tuned Chat Models' (was 'Llama 2: Open Foundation and Fine-Tuned Chat Models, 2023': its year"
        " read as part of it by an earlier import)",
        "venue: gpt-4-technical-report no venue now (was 'OpenAI': the lab that wrote it, now its author,"
        " which an earlier import read as its venue)",
    ]
    assert llama.read_text() == before[0].replace(", 2023\"\n", '"\n')
    assert gpt4.read_text() == before[1].replace("venue: OpenAI\n", "").replace(
        "authors: []\n", "authors:\n  - OpenAI\n"
    )
    again = _import(tmp_path, "list.md", LIST)
    assert (sorted(again.unchanged), again.read_before, again.conflicts) == (sorted(report.updated), [], [])


def _read_again(tmp_path, monkeypatch, text, older_name, older, paper_id):
    """A one-item list imported by an earlier reading (``older_name`` of markdownlist as
    ``older``), then again as now: (the file before, the report, the file after); a third
    import changes nothing and says nothing."""
    with monkeypatch.context() as earlier:
        earlier.setattr(markdownlist, older_name, older)
        assert len(_import(tmp_path, "list.md", text).added) == 1
    paper = tmp_path / f"content/papers/{paper_id}.yml"
    before = paper.read_text()
    report = _import(tmp_path, "list.md", text)
    after = paper.read_text()
    again = _import(tmp_path, "list.md", text)
    assert (again.unchanged, again.read_before, again.conflicts) == ([paper_id], [], [])
    return before, report, after


def test_a_markdown_lists_hugging_face_papers_link_gains_its_arxiv_id_and_year(tmp_path, monkeypatch):
    # (fix35) huggingface.co/papers/ID names the arXiv paper ID: an earlier import gave
    # the paper no id and its heading's year; imported again, it gains both, no conflict.
    text = "## 2023\n\n- [LoRA: Low-Rank Adaptation of Large Language Models](https://huggingface.co/papers/2106.09685)\n"
    paper_id = "lora-low-rank-adaptation-of-large-language-models"
    before, report, after = _read_again(tmp_path, monkeypatch, text, "hugging_face_arxiv", lambda url: "", paper_id)
    assert "year: 2023\n" in before and "arxiv:" not in before
    assert report.conflicts == []
    assert [str(change) for change in report.read_before] == [
        f"year: {paper_id} now '2021' (was '2023': its heading's year, which an earlier import gave a paper linked"
        " by its Hugging Face Papers page alone, its arXiv id unread)",
    ]
    assert "year: 2021\n" in after and 'arxiv: "2106.09685"\n' in after


def test_a_markdown_lists_surname_read_as_the_venue_becomes_the_author(tmp_path, monkeypatch):
    # An earlier import read "- Shannon, 1948" as published in "Shannon"; imported again,
    # the venue goes and the name is the author, with no conflict, as for a lab's name.
    text = "- [A Mathematical Theory of Communication](https://example.org/shannon.pdf) - Shannon, 1948\n"
    paper_id = "a-mathematical-theory-of-communication"
    before, report, after = _read_again(tmp_path, monkeypatch, text, "_one_name", lambda text: False, paper_id)
    assert "venue: Shannon\n" in before and "authors: []\n" in before
    assert report.conflicts == []
    assert [str(change) for change in report.read_before] == [
        "venue: a-mathematical-theory-of-communication no venue now (was 'Shannon': its author's name,"
        " which an earlier import read as its venue)",
    ]
    assert after == before.replace("venue: Shannon\n", "").replace("authors: []\n", "authors:\n  - Shannon\n")


def test_a_markdown_lists_publisher_read_as_an_author_becomes_the_venue(tmp_path, monkeypatch):
    # An earlier import read "- Sutton and Barto, MIT Press, 2018" as by three authors,
    # the MIT Press one of them, with no venue; imported again, the publisher leaves the
    # authors and is the venue, and the report says so.
    text = "- [Reinforcement Learning](https://example.org/rl.pdf) - Sutton and Barto, MIT Press, 2018\n"
    before, report, after = _read_again(
        tmp_path, monkeypatch, text, "is_organisation", lambda text: False, "reinforcement-learning"
    )
    assert "authors:\n  - Sutton\n  - Barto\n  - MIT Press\n" in before and "venue:" not in before
    assert report.conflicts == []
    assert [str(change) for change in report.read_before] == [
        "authors: reinforcement-learning now 'Sutton; Barto' (was 'Sutton; Barto; MIT Press': the publisher"
        " or institution it names, now its venue, which an earlier import read as one of its authors)",
    ]
    assert after == before.replace("  - MIT Press\n", "").replace("year: 2018\n", "year: 2018\nvenue: MIT Press\n")


def test_a_markdown_lists_publishers_city_read_as_an_author_goes(tmp_path, monkeypatch):
    # (imp35) An earlier import read "- Ian Goodfellow, MIT Press, Cambridge, MA, 2016" as
    # by Ian Goodfellow, the MIT Press and Cambridge, published in "MA"; imported again,
    # the publisher and the city leave the authors and the publisher is the venue.
    text = "- [Deep Learning](https://example.org/dl.pdf) - Ian Goodfellow, MIT Press, Cambridge, MA, 2016\n"
    before, report, after = _read_again(
        tmp_path, monkeypatch, text, "_without_place", lambda text: text, "deep-learning"
    )
    assert "authors:\n  - Ian Goodfellow\n  - MIT Press\n  - Cambridge\n" in before and "venue: MA\n" in before
    assert report.conflicts == []
    assert [str(change) for change in report.read_before] == [
        "venue: deep-learning now 'MIT Press' (was 'MA': words that name no venue, which an earlier import"
        " read as the paper's)",
        "authors: deep-learning now 'Ian Goodfellow' (was 'Ian Goodfellow; MIT Press; Cambridge': the"
        " publisher's city, which an earlier import read as one of its authors)",
    ]
    assert after == before.replace("  - MIT Press\n  - Cambridge\n", "").replace("venue: MA\n", "venue: MIT Press\n")


PENGUIN = "- [Deep Work](https://example.org/deep-work.pdf) - Cal Newport, Penguin, London, 2016\n"


def test_a_markdown_lists_publisher_and_city_read_as_authors_become_the_venue(tmp_path, monkeypatch):
    # (imp36) An earlier import read "Penguin, London" after the author as two
    # more authors (the city alone told it from no name); imported again, both leave the
    # authors and the publisher is the venue, where the file is as that import wrote it.
    before, report, after = _read_again(
        tmp_path, monkeypatch, PENGUIN, "_places", lambda text: (text, frozenset(), ()), "deep-work"
    )
    assert "authors:\n  - Cal Newport\n  - Penguin\n  - London\n" in before and "venue:" not in before
    assert report.conflicts == []
    assert [str(change) for change in report.read_before] == [
        "authors: deep-work now 'Cal Newport' (was 'Cal Newport; Penguin; London': the publisher's city,"
        " which an earlier import read as one of its authors)",
    ]
    assert after == before.replace("  - Penguin\n  - London\n", "").replace("year: 2016\n", "year: 2016\nvenue: Penguin\n")


def test_a_markdown_lists_publisher_of_books_read_as_an_author_becomes_the_venue(tmp_path, monkeypatch):
    # (imp36) "- Cal Newport, Basic Books, 2016" was by Cal Newport and Basic Books, of no
    # venue; imported again, the publisher leaves the authors and is the venue.
    text = "- [Deep Work](https://example.org/deep-work.pdf) - Cal Newport, Basic Books, 2016\n"
    before, report, after = _read_again(
        tmp_path, monkeypatch, text, "_PUBLISHER_WORDS", frozenset(), "deep-work"
    )
    assert "authors:\n  - Cal Newport\n  - Basic Books\n" in before and "venue:" not in before
    assert report.conflicts == []
    assert [str(change) for change in report.read_before] == [
        "authors: deep-work now 'Cal Newport' (was 'Cal Newport; Basic Books': the publisher or institution"
        " it names, now its venue, which an earlier import read as one of its authors)",
    ]
    assert after == before.replace("  - Basic Books\n", "").replace("year: 2016\n", "year: 2016\nvenue: Basic Books\n")


def test_a_markdown_lists_one_word_publisher_without_its_city_read_as_an_author_becomes_the_venue(tmp_path, monkeypatch):
    # (imp37) "- Cal Newport, Penguin, 2016" was by Cal Newport and Penguin, of no venue
    # (Penguin was a one-word venue only before its city); imported again, the publisher
    # leaves the authors and is the venue.
    text = "- [Deep Work](https://example.org/deep-work.pdf) - Cal Newport, Penguin, 2016\n"
    # (before imp37 "Penguin" was a publisher only before its city: `_places`)
    before, report, after = _read_again(tmp_path, monkeypatch, text, "_WORD_PUBLISHER", markdownlist.re.compile("(?!)"), "deep-work")
    assert "authors:\n  - Cal Newport\n  - Penguin\n" in before and "venue:" not in before
    assert report.conflicts == []
    assert [str(change) for change in report.read_before] == [
        "authors: deep-work now 'Cal Newport' (was 'Cal Newport; Penguin': the publisher or institution"
        " it names, now its venue, which an earlier import read as one of its authors)",
    ]
    assert after == before.replace("  - Penguin\n", "").replace("year: 2016\n", "year: 2016\nvenue: Penguin\n")


def test_a_markdown_lists_chapter_whose_publisher_was_its_venue_is_in_its_book(tmp_path, monkeypatch):
    # (imp38) A chapter was of the venue "Springer", its book left out; imported again, its
    # venue is the book, of the kind "book", and Springer its publisher, as a BibTeX
    # import reads an @incollection, with no conflict.
    text = (
        "- [Some Chapter](https://example.org/ch.pdf) - Maria Garcia. In J. Smith and K. Lee (Eds.),"
        " Handbook of Learning (pp. 1-20). Springer, 2019.\n"
    )
    before, report, after = _read_again(tmp_path, monkeypatch, text, "_chapter_book", lambda text: ("", ()), "some-chapter")
    assert "venue: Springer\n" in before and "publisher:" not in before
    assert report.conflicts == []
    assert [str(change) for change in report.read_before] == [
        "venue: some-chapter now 'Handbook of Learning' (was 'Springer': the publisher of the book it is in,"
        " which an earlier import read as its venue)",
    ]
    assert after == before.replace(
        "venue: Springer\n", "venue: Handbook of Learning\nvenue_kind: book\n"
    ).replace('pages: "1–20"\n', 'pages: "1–20"\npublisher: Springer\n').replace(
        "  - Maria Garcia\n", "  - Maria Garcia\neditors:\n  - J. Smith\n  - K. Lee\n"  # (bk2: its book's)
    )


def test_a_markdown_lists_edited_book_whose_publisher_was_its_venue_is_a_book(tmp_path, monkeypatch):
    # (bk1) An edited book was of the venue "MIT Press" (cited as a conference paper);
    # imported again, MIT Press is its publisher and it has no venue, as a BibTeX import
    # reads a @book, with no conflict.
    text = "- Jane Smith and John Doe (eds.), [Handbook of Learning](https://example.org/h.pdf), MIT Press, 2019\n"
    before, report, after = _read_again(
        tmp_path, monkeypatch, text, "_edited_books_publisher", lambda venue: "", "handbook-of-learning"
    )
    assert "venue: MIT Press\n" in before and "publisher:" not in before
    assert report.conflicts == []
    assert [str(change) for change in report.read_before] == [
        "venue: handbook-of-learning no venue now (was 'MIT Press': the edited book's publisher,"
        " now its publisher, which an earlier import read as its venue)",
    ]
    assert after == before.replace("venue: MIT Press\n", "publisher: MIT Press\n")


def test_a_markdown_lists_edited_books_venue_a_curator_changed_stays(tmp_path, monkeypatch):
    # (bk1) Guard: a venue the curator wrote over the one the earlier import gave is theirs.
    text = "- Jane Smith and John Doe (eds.), [Handbook of Learning](https://example.org/h.pdf), MIT Press, 2019\n"
    with monkeypatch.context() as earlier:
        earlier.setattr(markdownlist, "_edited_books_publisher", lambda venue: "")
        assert len(_import(tmp_path, "list.md", text).added) == 1
    paper = tmp_path / "content/papers/handbook-of-learning.yml"
    curated = paper.read_text().replace("venue: MIT Press\n", "venue: The MIT Press\n")
    paper.write_text(curated)
    report = _import(tmp_path, "list.md", text)
    assert (report.conflicts, report.read_before) == ([], [])
    assert paper.read_text() == curated


def test_a_markdown_lists_pages_an_earlier_import_left_out_are_added(tmp_path, monkeypatch):
    # (imp37) "pp. 185-208" after the venue was read and left out; imported again, the
    # paper gains its pages, as an empty field is filled, with no conflict.
    text = "- [Sequential Minimal Optimization](https://example.org/smo.pdf) - J. Platt, MIT Press, 1999, pp. 185-208\n"
    before, report, after = _read_again(tmp_path, monkeypatch, text, "_pages", lambda text: "", "sequential-minimal-optimization")
    assert "pages:" not in before and "venue: MIT Press\n" in before
    assert report.conflicts == [] and report.updated == ["sequential-minimal-optimization"]
    assert after.replace('pages: "185–208"\n', "") == before and 'pages: "185–208"\n' in after


def test_a_markdown_lists_publisher_without_its_founders_initials_gains_them(tmp_path, monkeypatch):
    # (imp37) "W. W. Norton & Company" was the venue "Norton & Company"; imported again,
    # the venue is the publisher's whole name, said, with no conflict.
    text = "- [The Shallows](https://example.org/shallows.pdf) - Nicholas Carr, W. W. Norton & Company, 2010\n"
    before, report, after = _read_again(tmp_path, monkeypatch, text, "_publisher_initials", lambda text: set(), "the-shallows")
    assert "venue: Norton & Company\n" in before and "authors:\n  - Nicholas Carr\n" in before
    assert report.conflicts == []
    assert [str(change) for change in report.read_before] == [
        "venue: the-shallows now 'W. W. Norton & Company' (was 'Norton & Company': its publisher's name"
        " without the founder's initials, which an earlier import read as its venue)",
    ]
    assert after == before.replace("venue: Norton & Company\n", "venue: W. W. Norton & Company\n")


def test_a_markdown_lists_city_before_a_colon_read_as_an_author_goes(tmp_path, monkeypatch):
    # (imp36) "Cambridge, MA: MIT Press, 2016" was by "Cambridge", published in "MA: MIT
    # Press"; imported again, the city leaves the authors and the publisher is the venue.
    text = "- [Deep Learning](https://example.org/dl.pdf) - Cambridge, MA: MIT Press, 2016\n"
    before, report, after = _read_again(
        tmp_path, monkeypatch, text, "_places", lambda text: (text, frozenset(), ()), "deep-learning"
    )
    assert "authors:\n  - Cambridge\n" in before and "venue: \"MA: MIT Press\"\n" in before
    assert report.conflicts == []
    assert [str(change) for change in report.read_before] == [
        "venue: deep-learning now 'MIT Press' (was 'MA: MIT Press': words beside its venue that name none,"
        " which an earlier import read as the paper's)",
        "authors: deep-learning no authors now (was 'Cambridge': the publisher's city, which an earlier"
        " import read as one of its authors)",
    ]
    assert after == before.replace("authors:\n  - Cambridge\n", "authors: []\n").replace(
        "venue: \"MA: MIT Press\"\n", "venue: \"MIT Press\"\n"
    )


def test_a_markdown_lists_publisher_and_city_the_curator_edited_stay(tmp_path, monkeypatch):
    # The same, the authors edited by the curator since: kept as they are, none taken out.
    with monkeypatch.context() as earlier:
        earlier.setattr(markdownlist, "_places", lambda text: (text, frozenset(), ()))
        _import(tmp_path, "list.md", PENGUIN)
    paper = tmp_path / "content/papers/deep-work.yml"
    edited = paper.read_text().replace("  - Penguin\n  - London\n", "  - Penguin Press Editors\n")
    paper.write_text(edited)
    report = _import(tmp_path, "list.md", PENGUIN)
    assert report.read_before == []
    assert "authors:\n  - Cal Newport\n  - Penguin Press Editors\n" in paper.read_text()


def test_a_markdown_title_the_curator_edited_stays(tmp_path, monkeypatch):
    llama, _ = _first_list(tmp_path, monkeypatch)
    edited = llama.read_text().replace("Chat Models, 2023", "Chat Models (2023)")
    llama.write_text(edited)
    report = _import(tmp_path, "list.md", LIST)
    assert [change.names for change in report.read_before] == [("venue",)]
    assert llama.read_text() == edited



VENUES = (
    "- [Alpha Paper](https://arxiv.org/abs/1905.00001) - NeurIPS, code released 2020\n"
    "- [Beta Paper](https://arxiv.org/abs/1905.00002) - Oral at NeurIPS 2019\n"
    "- [Gamma Paper](https://arxiv.org/abs/1905.00003) - code released 2020\n"
)


def _first_venues(tmp_path, monkeypatch):
    """The papers of VENUES as an earlier import wrote them: "code released" and the code's
    year, "Oral at NeurIPS", their venues (and no note)."""
    with monkeypatch.context() as older:
        older.setattr(markdownlist, "_names_venue", lambda venue: True)
        older.setattr(markdownlist, "_presented", lambda venue: venue)
        older.setattr(markdownlist, "_without_award", lambda text: (text, ""))
        assert len(_import(tmp_path, "list.md", VENUES).added) == 3
    papers = [tmp_path / f"content/papers/{name}-paper.yml" for name in ("alpha", "beta", "gamma")]
    assert "year: 2020\nvenue: code released\n" in papers[0].read_text()
    assert "year: 2019\nvenue: Oral at NeurIPS\n" in papers[1].read_text()
    return papers


def test_a_markdown_lists_words_that_name_no_venue_go(tmp_path, monkeypatch):
    # Imported again, the list's venue and year replace what an earlier import read where
    # the file still holds it as the import wrote it; a curator's edit stays.
    alpha, beta, gamma = _first_venues(tmp_path, monkeypatch)
    gamma.write_text(gamma.read_text().replace("venue: code released", "venue: Code Released"))
    before = alpha.read_text(), beta.read_text(), gamma.read_text()
    report = _import(tmp_path, "list.md", VENUES)
    assert report.conflicts == []
    assert [str(change) for change in report.read_before] == [
        "venue, year: alpha-paper now 'NeurIPS', '' (was 'code released', '2020': words that"
        " name no venue, and their year, which an earlier import read as the paper's)",
        "venue: beta-paper now 'NeurIPS' (was 'Oral at NeurIPS': how it was presented, which an earlier import"
        " read as part of its venue)",
    ]
    assert alpha.read_text() == before[0].replace("year: 2020\nvenue: code released\n", "venue: NeurIPS\n")
    # (how it was presented is its note, as an award is)
    assert beta.read_text() == before[1].replace("venue: Oral at NeurIPS", "venue: NeurIPS") + "notes: Oral (NeurIPS 2019)\n"
    assert gamma.read_text() == before[2]
    again = _import(tmp_path, "list.md", VENUES)
    assert (again.read_before, again.conflicts) == ([], [])


@pytest.mark.parametrize("words, was, venue", [
    ("code released 2020 at NeurIPS", "code released at NeurIPS", "NeurIPS"),
    ("code released in 2020 @ ICML", "code released in @ ICML", "ICML"),
])
def test_a_markdown_lists_venue_among_words_that_name_none_mends_them(tmp_path, monkeypatch, words, was, venue):
    # An earlier import read "code released 2020 at NeurIPS" as the venue "code released
    # at NeurIPS" of 2020 (the code's year); imported again, the venue known by name
    # among those words replaces them, without their year.
    text = f"- [Alpha Paper](https://arxiv.org/abs/1905.00001) - {words}\n"
    with monkeypatch.context() as older:
        older.setattr(markdownlist, "_names_venue", lambda venue: True)
        older.setattr(markdownlist, "_known_within", lambda part: None)
        assert len(_import(tmp_path, "list.md", text).added) == 1
    alpha = tmp_path / "content/papers/alpha-paper.yml"
    before = alpha.read_text()
    assert f"year: 2020\nvenue: {was}\n" in before
    report = _import(tmp_path, "list.md", text)
    assert report.conflicts == []
    assert [str(change) for change in report.read_before] == [
        f"venue, year: alpha-paper now {venue!r}, '' (was {was!r}, '2020': words beside its venue that name"
        " none, and their year, which an earlier import read as the paper's)"
    ]
    assert alpha.read_text() == before.replace(f"year: 2020\nvenue: {was}\n", f"venue: {venue}\n")


WORKS = (
    "- [Alpha Paper](https://example.org/a.pdf) - Tech. Rep., 2018\n"
    "- [Beta Paper](https://example.org/b.pdf) - Ph.D. Thesis 2019\n"
    "- [Gamma Paper](https://example.org/c.pdf) - PhD thesis, Stanford University, 2019\n"
    "- [Delta Paper](https://example.org/d.pdf) - Tech. Rep., 2017\n"
    "- [Eps Paper](https://example.org/e.pdf) - MSc thesis, 2016\n"
)


def test_a_markdown_lists_thesis_or_report_read_in_part_is_mended(tmp_path, monkeypatch):
    # An earlier import read a part of what the work is as its venue ("Rep" of "Tech.
    # Rep.", "Thesis" of "Ph.D. Thesis", the university of "PhD thesis, Stanford
    # University"); imported again, the list's thesis or report replaces it where the file
    # holds it as the import wrote it; a curator's edit stays.
    with monkeypatch.context() as older:
        older.setattr(markdownlist, "_work", lambda text: "")
        older.setattr(markdownlist, "_unabbreviated", lambda text: text)
        older.setattr(markdownlist, "_names_venue", lambda venue: True)  # (as older imports read "MSc thesis")
        older.setattr(markdownlist, "_one_name", lambda text: False)  # (nor a surname: "Rep" was a venue)
        assert len(_import(tmp_path, "list.md", WORKS).added) == 5
    papers = [tmp_path / f"content/papers/{name}-paper.yml" for name in ("alpha", "beta", "gamma", "delta", "eps")]
    assert ["venue: Rep\n" in papers[0].read_text(), "venue: Thesis\n" in papers[1].read_text()] == [True, True]
    papers[3].write_text(papers[3].read_text().replace("venue: Rep\n", "venue: Rep.\n"))  # (the curator's)
    before = [paper.read_text() for paper in papers]
    report = _import(tmp_path, "list.md", WORKS)
    assert [str(change) for change in report.read_before] == [
        f"venue: {name}-paper now {now!r} (was {was!r}: a part of the words saying what it is, which an earlier"
        " import read as its venue)"
        for name, now, was in (
            ("alpha", "Technical report", "Rep"), ("beta", "PhD thesis", "Thesis"),
            ("gamma", "PhD thesis, Stanford University", "Stanford University"),
        )
    ] + [
        "venue: eps-paper now \"Master's thesis\" (was 'MSc thesis': the list's words for what it is, now as a"
        " BibTeX import says it)"
    ]
    assert [paper.read_text() for paper in papers] == [
        before[0].replace("venue: Rep\n", "venue: Technical report\n"),
        before[1].replace("venue: Thesis\n", "venue: PhD thesis\n"),
        before[2].replace("venue: Stanford University\n", "venue: PhD thesis, Stanford University\n"),
        before[3],
        before[4].replace("venue: MSc thesis\n", "venue: Master's thesis\n"),
    ]
    assert _import(tmp_path, "list.md", WORKS).read_before == []


TABLE = (
    "| Title | Venue |\n| --- | --- |\n"
    "| [Alpha Paper](https://arxiv.org/abs/1905.00001) | Oral at NeurIPS |\n"
    "| [Beta Paper](https://arxiv.org/abs/1905.00002) | Best Paper Award at CVPR 2019 |\n"
    "| [Gamma Paper](https://arxiv.org/abs/1905.00003) | Spotlight at ICLR |\n"
)


def test_a_markdown_tables_venue_as_presented_goes(tmp_path, monkeypatch):
    # A table's Venue column kept how the paper was presented ("Oral at NeurIPS"), an
    # award ("Best Paper Award at CVPR") too: imported again, the venue the column names
    # replaces it where the file holds it as the import wrote it; a curator's edit stays.
    with monkeypatch.context() as older:
        older.setattr(markdownlist, "_presented", lambda venue: venue)
        older.setattr(markdownlist, "_without_award", lambda text: (text, ""))
        assert len(_import(tmp_path, "table.md", TABLE).added) == 3
    alpha, beta, gamma = (tmp_path / f"content/papers/{name}-paper.yml" for name in ("alpha", "beta", "gamma"))
    assert "venue: Oral at NeurIPS\n" in alpha.read_text()
    assert "year: 2019\nvenue: Best Paper Award at CVPR\n" in beta.read_text()
    gamma.write_text(gamma.read_text().replace("venue: Spotlight at ICLR", "venue: Spotlight at ICLR (the curator's)"))
    before = alpha.read_text(), beta.read_text(), gamma.read_text()
    report = _import(tmp_path, "table.md", TABLE)
    assert [str(change) for change in report.read_before] == [
        f"venue: {name}-paper now {now!r} (was {was!r}: how it was presented, which an earlier import"
        " read as part of its venue)"
        for name, now, was in (("alpha", "NeurIPS", "Oral at NeurIPS"), ("beta", "CVPR", "Best Paper Award at CVPR"))
    ]
    # (how it was presented, or the award, is the paper's note, where the file has none:
    # the curator's venue stays)
    assert alpha.read_text() == before[0].replace("venue: Oral at NeurIPS", "venue: NeurIPS") + "notes: Oral (NeurIPS)\n"
    assert beta.read_text() == (
        before[1].replace("venue: Best Paper Award at CVPR", "venue: CVPR") + "notes: Best Paper Award (CVPR 2019)\n"
    )
    assert gamma.read_text() == before[2] + "notes: Spotlight (ICLR)\n"
    again = _import(tmp_path, "table.md", TABLE)
    assert (again.read_before, again.updated, again.warnings) == ([], [], [])


AWARDS = (
    "- [Alpha Paper](https://arxiv.org/abs/1905.00001) - CVPR 2019 Best Paper\n"
    "- [Beta Paper](https://arxiv.org/abs/1905.00002) - NeurIPS 2019 Outstanding Paper\n"
    "- [Gamma Paper](https://arxiv.org/abs/1905.00003) - ICCV 2019 Best Paper\n"
)


def _imported_without_notes(tmp_path, monkeypatch, text, names):
    """The files of the papers ``names`` of the list ``text`` as an import wrote them
    before an award, or how a paper was presented, was its note: part of the venue."""
    with monkeypatch.context() as older:
        older.setattr(markdownlist, "_without_award", lambda text: (text, ""))
        older.setattr(markdownlist, "_awarded", lambda parts: (parts, ""))
        assert len(_import(tmp_path, "list.md", text).added) == len(names)
    return [tmp_path / f"content/papers/{name}-paper.yml" for name in names]


def test_an_award_a_list_read_as_part_of_the_venue_becomes_the_note(tmp_path, monkeypatch):
    # A review: "CVPR 2019 Best Paper" gave the venue "CVPR Best Paper", written by the
    # BibTeX export as the booktitle. Imported again, the venue is the conference's where
    # the file holds it as the import wrote it, and the award is the paper's note where it
    # has none (a curator's notes stay theirs: the note is a warning to copy by hand).
    alpha, beta, gamma = _imported_without_notes(tmp_path, monkeypatch, AWARDS, ("alpha", "beta", "gamma"))
    assert "venue: CVPR Best Paper\n" in alpha.read_text() and "notes" not in alpha.read_text()
    gamma.write_text(gamma.read_text() + "notes: Read it first.\n")
    report = _import(tmp_path, "list.md", AWARDS)
    assert [(c.paper_id, c.was, c.now) for c in report.read_before] == [
        ("alpha-paper", ("CVPR Best Paper",), ("CVPR",)), ("beta-paper", ("NeurIPS Outstanding Paper",), ("NeurIPS",)),
        ("gamma-paper", ("ICCV Best Paper",), ("ICCV",)),
    ]
    assert str(report.read_before[0]) == (
        "venue: alpha-paper now 'CVPR' (was 'CVPR Best Paper': an award it won, which an earlier import"
        " read as part of its venue)"
    )
    assert "venue: CVPR\n" in alpha.read_text() and "notes: Best Paper (CVPR 2019)\n" in alpha.read_text()
    assert "notes: Outstanding Paper (NeurIPS 2019)\n" in beta.read_text()
    assert "venue: ICCV\n" in gamma.read_text() and "notes: Read it first.\n" in gamma.read_text()
    assert [p.message for p in report.warnings] == [
        "note not merged ('Best Paper (ICCV 2019)'): gamma-paper already has notes, which the"
        " import never rewrites; copy it into them by hand if it is wanted"
    ]
    again = _import(tmp_path, "list.md", AWARDS)
    assert (again.read_before, again.warnings, again.updated) == ([], [], [])


PRESENTATIONS = (
    "- [Alpha Paper](https://arxiv.org/abs/1905.00001) - NeurIPS 2019 Oral\n"
    "- [Beta Paper](https://arxiv.org/abs/1905.00002) - CVPR 2023 Highlight, Best Paper\n"
    "- [Gamma Paper](https://arxiv.org/abs/1905.00003) - ICLR 2020 Spotlight\n"
    "- [Delta Paper](https://arxiv.org/abs/1905.00004) - NeurIPS 2023 Workshop Best Paper\n"
    "- [Epsilon Paper (NeurIPS 2019 Spotlight)](https://arxiv.org/abs/1905.00005)\n"
)


def test_how_a_list_says_a_paper_was_presented_read_as_part_of_the_venue_becomes_the_note(tmp_path, monkeypatch):
    # A review: "NeurIPS 2019 Oral" gave the venue "NeurIPS Oral", written by the BibTeX
    # export as the booktitle, as "CVPR 2019 Best Paper" gave "CVPR Best Paper"; so did an
    # award after a workshop ("NeurIPS Workshop Best Paper"). Imported again, the venue is
    # the conference's (the workshop's) where the file holds it as the import wrote it,
    # said in the report, and what the list said is the paper's note where it has none.
    alpha, beta, gamma, delta, epsilon = _imported_without_notes(
        tmp_path, monkeypatch, PRESENTATIONS, ("alpha", "beta", "gamma", "delta", "epsilon")
    )
    assert "venue: NeurIPS Oral\n" in alpha.read_text() and "notes" not in alpha.read_text()
    assert "venue: NeurIPS Workshop Best Paper\n" in delta.read_text()
    gamma.write_text(gamma.read_text().replace("venue: ICLR Spotlight", "venue: ICLR Spotlight  # as the list says"))
    report = _import(tmp_path, "list.md", PRESENTATIONS)
    assert [str(change) for change in report.read_before] == [
        "venue: alpha-paper now 'NeurIPS' (was 'NeurIPS Oral': how it was presented, which an earlier import"
        " read as part of its venue)",
        "venue: beta-paper now 'CVPR' (was 'CVPR Highlight, Best Paper': how it was presented and an award it"
        " won, which an earlier import read as part of its venue)",
        "venue: delta-paper now 'NeurIPS Workshop' (was 'NeurIPS Workshop Best Paper': an award it won, which"
        " an earlier import read as part of its venue)",
        "venue: epsilon-paper now 'NeurIPS' (was 'NeurIPS Spotlight': how it was presented, which an earlier"
        " import read as part of its venue)",
    ]
    assert "venue: NeurIPS\n" in alpha.read_text() and "notes: Oral (NeurIPS 2019)\n" in alpha.read_text()
    assert "venue: CVPR\n" in beta.read_text() and "notes: Highlight, Best Paper (CVPR 2023)\n" in beta.read_text()
    # (a venue with a comment beside it is the curator's: it stays, the note is filled)
    assert "venue: ICLR Spotlight  # as the list says\n" in gamma.read_text()
    assert "venue: NeurIPS Workshop\n" in delta.read_text()
    assert "notes: Best Paper (NeurIPS Workshop 2023)\n" in delta.read_text()
    assert "venue: NeurIPS\n" in epsilon.read_text() and "notes: Spotlight (NeurIPS 2019)\n" in epsilon.read_text()
    again = _import(tmp_path, "list.md", PRESENTATIONS)
    assert (again.read_before, again.warnings, again.updated) == ([], [], [])


DATED = {
    "ris": (
        "TY  - CONF\nTI  - Deep residual learning for image recognition\nPY  - 2016\n"
        "T2  - Proceedings of the IEEE Computer Society Conference on Computer Vision and Pattern"
        " Recognition\nVL  - 2016-December\nSP  - 770\nEP  - 778\nER  - \n"
    ),
    "bib": (  # (Mendeley's)
        "@inproceedings{He2016,\nauthor = {He, Kaiming},\nbooktitle = {Proceedings of the IEEE"
        " Computer Society Conference on Computer Vision and Pattern Recognition},\npages ="
        " {770--778},\ntitle = {{Deep residual learning for image recognition}},\nvolume ="
        " {2016-December},\nyear = {2016}\n}\n"
    ),
}


@pytest.mark.parametrize("extension", ["ris", "bib"])
def test_a_date_an_earlier_import_took_for_the_volume_goes(tmp_path, monkeypatch, extension):
    import generator.ingest.ris as ris

    source = DATED[extension]
    with monkeypatch.context() as older:
        older.setattr(ris, "DATE_VOLUME", ris.re.compile("(?!)"))
        older.setattr(bibtex, "DATE_VOLUME", ris.re.compile("(?!)"))
        assert len(_import(tmp_path, f"in.{extension}", source).added) == 1
    paper = tmp_path / RESNET
    before = paper.read_text()
    assert 'volume: "2016-December"\n' in before
    report = _import(tmp_path, f"in.{extension}", source)
    assert report.updated == [paper.stem] and report.conflicts == []
    assert [str(change) for change in report.read_before] == [
        "volume: deep-residual-learning-for-image-recognition no volume now (was '2016-December':"
        " a date, not a volume, which an earlier import took for the volume)"
    ]
    assert paper.read_text() == before.replace('volume: "2016-December"\n', "")


@pytest.mark.parametrize("extension", ["ris", "bib"])
def test_a_curators_own_volume_that_reads_as_a_date_stays(tmp_path, extension):
    # The import never wrote it (the source had no volume then): the curator's, kept.
    source = DATED[extension]
    undated = source.replace("VL  - 2016-December\n", "").replace("volume = {2016-December},\n", "")
    assert undated != source
    assert len(_import(tmp_path, f"in.{extension}", undated).added) == 1
    paper = tmp_path / RESNET
    paper.write_text(paper.read_text().replace("pages:", 'volume: "2016-December"\npages:'))
    before = paper.read_text()
    assert 'volume: "2016-December"\n' in before
    report = _import(tmp_path, f"in.{extension}", source)
    assert report.read_before == [] and report.updated == []
    assert paper.read_text() == before


WRAPPED = (
    "@article{k,\n  title = {A Paper on Words},\n  author = {Lovelace, Ada},\n  year = {2020},\n"
    "  abstract = {We translate English-to-\n  French with a new repre-\n  sentation.},\n}\n"
)
WORDS = "content/papers/a-paper-on-words.yml"


def test_an_abstract_an_earlier_import_joined_otherwise_at_a_hyphen_goes(tmp_path, monkeypatch):
    import generator.ingest.bibtex as bibtex

    with monkeypatch.context() as older:  # (a line break was a space)
        older.setattr(bibtex, "joined", lambda lines, context="", hyphenation=True: " ".join(lines))
        assert len(_import(tmp_path, "refs.bib", WRAPPED).added) == 1
    paper = tmp_path / WORDS
    before = paper.read_text()
    assert "English-to- French with a new repre- sentation." in before
    report = _import(tmp_path, "refs.bib", WRAPPED)
    assert report.updated == [paper.stem] and report.conflicts == []
    assert [change.names for change in report.read_before] == [("abstract",)]
    assert paper.read_text() == before.replace(
        "English-to- French with a new repre- sentation.", "English-to-French with a new representation."
    )
    again = _import(tmp_path, "refs.bib", WRAPPED)
    assert (again.unchanged, again.read_before, again.conflicts) == ([paper.stem], [], [])


def test_an_ris_abstract_the_curator_changed_since_stays(tmp_path, monkeypatch):
    import generator.ingest.ris as ris
    from generator.ingest.wraps import joined

    source = (
        "TY  - JOUR\nTI  - A Paper on Words\nAU  - Lovelace, Ada\nPY  - 2020\n"
        "AB  - We translate long documents from English-to-French with a new repre-\nsentation.\nER  - \n"
    )
    with monkeypatch.context() as older:  # (a hyphen at a line's end was always kept)
        older.setattr(ris, "joined", lambda lines, context="", hyphenation=True: joined(lines, context, False))
        assert len(_import(tmp_path, "refs.ris", source).added) == 1
    paper = tmp_path / WORDS
    assert "with a new repre-sentation." in paper.read_text()
    # Imported again as it was: the importer's own reading goes.
    edited = paper.read_text().replace("We translate", "We (the authors) translate")
    report = _import(tmp_path, "refs.ris", source)
    assert [change.names for change in report.read_before] == [("abstract",)]
    assert "with a new representation." in paper.read_text()
    # A curator's own abstract is never rewritten: kept, and said so.
    paper.write_text(edited.replace("repre-sentation", "repre-sentation (sic)"))
    kept = paper.read_text()
    report = _import(tmp_path, "refs.ris", source)
    assert report.read_before == [] and [kept.field for kept in report.kept] == ["abstract"]
    assert paper.read_text() == kept


BETA_VAE = (
    "@inproceedings{higgins2017beta,\n  title={{$\\beta$-VAE}: Learning Basic Visual Concepts},\n"
    "  author={Higgins, Irina},\n  booktitle={ICLR},\n  year={2017},\n"
    "  abstract={We introduce $\\beta$-VAE, where $\\beta > 1$ weighs the KL term.}\n}\n"
)


def test_simple_math_an_earlier_import_kept_as_typed_is_its_characters_now(tmp_path, monkeypatch):
    # "$\beta$-VAE" is "β-VAE" now: the title and abstract an earlier import wrote with
    # it as typed are the importer's, and read anew; "$\beta > 1$" is no simple math.
    import generator.latex as latex

    with monkeypatch.context() as older:
        older.setattr(latex, "simple_math", lambda math: None)
        assert len(_import(tmp_path, "refs.bib", BETA_VAE).added) == 1
    [paper] = (tmp_path / "content" / "papers").iterdir()
    before = paper.read_text()
    assert 'title: "$\\\\beta$-VAE: Learning Basic Visual Concepts"\n' in before  # (YAML's escape)
    report = _import(tmp_path, "refs.bib", BETA_VAE)
    assert report.updated == [paper.stem] and report.conflicts == []
    after = paper.read_text()
    assert after == before.replace(
        'title: "$\\\\beta$-VAE: Learning', 'title: "β-VAE: Learning'
    ).replace("We introduce $\\beta$-VAE, where", "We introduce β-VAE, where")
    assert "$\\beta > 1$" in after
    assert [str(change).split(" (was ")[0] for change in report.read_before] == [
        f"title: {paper.stem} now 'β-VAE: Learning Basic Visual Concepts'",
        # (as the abstract writes it: repr() said "$\\\\beta", a backslash doubled)
        f"abstract: {paper.stem} now 'We introduce β-VAE, where $\\beta > 1$ weighs the KL term.'",
    ]
    again = _import(tmp_path, "refs.bib", BETA_VAE)
    assert (again.unchanged, again.read_before) == ([paper.stem], [])


def test_simple_math_a_curator_typed_stays(tmp_path, monkeypatch):
    import generator.latex as latex

    with monkeypatch.context() as older:
        older.setattr(latex, "simple_math", lambda math: None)
        _import(tmp_path, "refs.bib", BETA_VAE)
    [paper] = (tmp_path / "content" / "papers").iterdir()
    edited = paper.read_text().replace("Learning Basic", "Learning basic")
    paper.write_text(edited)
    report = _import(tmp_path, "refs.bib", BETA_VAE)
    assert report.conflicts == [] and [c.names for c in report.read_before] == [("abstract",)]
    text = paper.read_text()
    assert 'title: "$\\\\beta$-VAE: Learning basic Visual Concepts"\n' in text
    assert "We introduce β-VAE" in text  # (the abstract, untouched, is the importer's)


TIED = (
    "@article{lee2020ties,\n  title={Sorting in Time~$O(n)$},\n  author={Lee, Ann},\n"
    "  journal={Journal of Ties},\n  year={2020},\n"
    "  abstract={Results in Table~\\ref{t}: arrays of size~$n$.}\n}\n"
)


def test_a_tie_an_earlier_import_kept_before_a_command_or_math_is_a_space_now(tmp_path, monkeypatch):
    # "Table~\ref{t}" and "size~$n$" kept their tilde, which TeX never prints; the title
    # and abstract an earlier import wrote so are the importer's, and read anew, with no
    # conflict.
    import re

    import generator.latex as latex

    with monkeypatch.context() as older:
        older.setattr(latex, "_TIE", re.compile(r"(?<=[\w.,;:)\]])~(?=[\w(\[])"))
        assert len(_import(tmp_path, "refs.bib", TIED).added) == 1
    [paper] = (tmp_path / "content" / "papers").iterdir()
    before = paper.read_text()
    assert "Table~\\\\ref{t}: arrays of size~$n$." in before  # (YAML's escape)
    report = _import(tmp_path, "refs.bib", TIED)
    assert report.updated == [paper.stem] and report.conflicts == []
    assert paper.read_text() == before.replace("Time~$O(n)$", "Time $O(n)$").replace(
        "Table~\\\\ref{t}: arrays of size~$n$.", "Table \\\\ref{t}: arrays of size $n$."
    )
    assert [change.names for change in report.read_before] == [("title",), ("abstract",)]
    again = _import(tmp_path, "refs.bib", TIED)
    assert (again.unchanged, again.read_before) == ([paper.stem], [])


# Math in each of TeX's ways, "\\(n\\)" and "\\[n\\]" too: the quick look for a tie read
# otherwise now missed a tie after their closing bracket, and the re-import then told a
# conflict of the tilde the earlier import wrote.
@pytest.mark.parametrize(("math", "yaml"), [("$n$", "$n$"), ("\\(n\\)", "\\\\(n\\\\)"), ("\\[n\\]", "\\\\[n\\\\]")])
def test_a_tie_an_earlier_import_kept_after_math_is_a_space_now_with_no_conflict(tmp_path, monkeypatch, math, yaml):
    # "size $n$~each" kept its tilde (read after a word only); the abstract the
    # earlier import wrote so is the importer's, and read anew.
    import re

    import generator.latex as latex

    text = TIED.replace("Time~$O(n)$", "Time $O(n)$").replace("Table~\\ref", "Table \\ref")
    text = text.replace("size~$n$.", f"size {math}~each.")  # (the only tie the two read otherwise)
    with monkeypatch.context() as older:
        older.setattr(latex, "_TIE", re.compile(r"(?<=[\w.,;:)\]])~(?=[\w(\[])"))
        assert len(_import(tmp_path, "refs.bib", text).added) == 1
    [paper] = (tmp_path / "content" / "papers").iterdir()
    before = paper.read_text()
    assert f"size {yaml}~each." in before
    report = _import(tmp_path, "refs.bib", text)
    assert report.updated == [paper.stem] and report.conflicts == []
    assert f"size {yaml} each." in paper.read_text()
    assert [change.names for change in report.read_before] == [("abstract",)]


TIES_IN_A_ROW = (
    "@article{lee2021ties,\n  title={Keys 3~--~5 of a Sort},\n  author={Lee, Ann},\n"
    "  journal={Journal of Ties},\n  year={2021},\n"
    "  abstract={Arrays of size~~$n$, cut~\\\\~in two.}\n}\n"
)


def test_ties_in_a_row_or_around_a_dash_an_earlier_import_kept_are_spaces_now(tmp_path, monkeypatch):
    # The import before read one tilde at a time ("size ~$n$", "3 --~5") and the "\~" of
    # a line break's second backslash as an accent ("cut \ĩn"); the title and abstract it
    # wrote so are the importer's, and read anew, with no conflict; a curator's stay.
    from generator.latex import ONE_TIE_AT_A_TIME, ties_as_before

    with ties_as_before(ONE_TIE_AT_A_TIME):
        assert len(_import(tmp_path, "refs.bib", TIES_IN_A_ROW).added) == 1
    [paper] = (tmp_path / "content" / "papers").iterdir()
    before = paper.read_text()
    assert "title: Keys 3 --~5 of a Sort\n" in before and "abstract: Arrays of size ~$n$, cut \\ĩn two.\n" in before
    report = _import(tmp_path, "refs.bib", TIES_IN_A_ROW)
    assert report.updated == [paper.stem] and report.conflicts == []
    assert paper.read_text() == before.replace("3 --~5", "3 \u2013 5").replace(
        "size ~$n$, cut \\ĩn two.", "size $n$, cut in two."
    )
    assert [change.names for change in report.read_before] == [("title",), ("abstract",)]
    again = _import(tmp_path, "refs.bib", TIES_IN_A_ROW)
    assert (again.unchanged, again.read_before) == ([paper.stem], [])


def test_ties_in_a_row_a_curator_wrote_stay(tmp_path):
    _import(tmp_path, "refs.bib", TIES_IN_A_ROW)
    [paper] = (tmp_path / "content" / "papers").iterdir()
    edited = paper.read_text().replace("Arrays of size $n$", "Arrays of size ~$n$ (sic)")
    paper.write_text(edited)
    assert "size ~$n$ (sic)" in edited
    report = _import(tmp_path, "refs.bib", TIES_IN_A_ROW)
    assert report.read_before == [] and paper.read_text() == edited


EMPHASISED = (
    "@article{k,\n  title = {A Paper on Words},\n  author = {Lovelace, Ada},\n  year = {2020},\n"
    "  annote = {Read \\emph{the first part\n\n  and the second} first.},\n}\n"
)



def _imported_reading_each_paragraph_alone(tmp_path, monkeypatch, source):
    """The paper file an import before baef533 wrote of ``source``: each paragraph read
    alone, emphasis over a blank line left open (a raw "\\emph{")."""
    import generator.ingest.bibtex as bibtex

    with monkeypatch.context() as older:
        older.setattr(bibtex, "per_paragraph", lambda text, breaks: text)
        assert len(_import(tmp_path, "refs.bib", source).added) == 1
    paper = tmp_path / WORDS
    assert "Read \\emph{the first part\n\n  and the second} first." in paper.read_text()
    return paper


def _again_unchanged(tmp_path, source, paper):
    again = _import(tmp_path, "refs.bib", source)
    assert (again.unchanged, again.read_before, again.conflicts) == ([paper.stem], [], [])


def test_notes_an_earlier_import_left_with_an_open_emphasis_are_the_importers_still(tmp_path, monkeypatch):
    # (user: after baef533, a re-import of a file whose notes an earlier import wrote
    # with a raw "\emph{" said "note not merged ('*the first part*')" on every import,
    # and the raw "\emph{" stayed: the notes were taken for the curator's)
    paper = _imported_reading_each_paragraph_alone(tmp_path, monkeypatch, EMPHASISED)
    before = paper.read_text()
    assert "notes: |-\n  Read \\emph{" in before
    report = _import(tmp_path, "refs.bib", EMPHASISED)
    assert report.updated == [paper.stem] and report.conflicts == [] and report.warnings == []
    assert [change.names for change in report.read_before] == [("notes",)]
    assert paper.read_text() == before.replace(
        "Read \\emph{the first part\n\n  and the second} first.", "Read *the first part*\n\n  *and the second* first."
    )
    _again_unchanged(tmp_path, EMPHASISED, paper)


def test_notes_a_curator_changed_since_an_earlier_import_left_an_emphasis_open_stay(tmp_path, monkeypatch):
    # The note was taken before: the curator's to keep or change, nothing to say (it was
    # "note not merged" on every import).
    paper = _imported_reading_each_paragraph_alone(tmp_path, monkeypatch, EMPHASISED)
    paper.write_text(paper.read_text().replace("the second} first.", "the second} first, and mine."))
    edited = paper.read_text()
    report = _import(tmp_path, "refs.bib", EMPHASISED)
    assert paper.read_text() == edited and report.read_before == [] and report.warnings == []


def test_an_abstract_an_earlier_import_left_with_an_open_emphasis_is_said_so(tmp_path, monkeypatch):
    # (user: after baef533, such an abstract was updated "(was '...\emph{...': its source
    # record 'k' was corrected)", which nobody had done: it is this import's reading)
    source = EMPHASISED.replace("annote", "abstract")
    paper = _imported_reading_each_paragraph_alone(tmp_path, monkeypatch, source)
    before = paper.read_text()
    report = _import(tmp_path, "refs.bib", source)
    assert report.updated == [paper.stem] and report.conflicts == [] and report.corrected == []
    assert [change.names for change in report.read_before] == [("abstract",)]
    assert "was corrected" not in str(report.read_before[0])
    assert paper.read_text() == before.replace(
        "Read \\emph{the first part\n\n  and the second} first.", "Read the first part\n\n  and the second first."
    )
    _again_unchanged(tmp_path, source, paper)


PMLR = {
    "bib": (
        "@article{chen2020simple,\n  title={A Simple Framework for Contrastive Learning},\n"
        "  author={Chen, Ting},\n  journal={Proceedings of Machine Learning Research},\n"
        "  volume={119},\n  year={2020}\n}\n"
    ),
    "ris": (
        "TY  - JOUR\nTI  - A Simple Framework for Contrastive Learning\nAU  - Chen, Ting\n"
        "JO  - Proceedings of Machine Learning Research\nVL  - 119\nPY  - 2020\nID  - chen2020simple\nER  - \n"
    ),
}
SIMCLR = "content/papers/a-simple-framework-for-contrastive-learning.yml"


def _imported_as_a_journal(tmp_path, monkeypatch, extension):
    """The paper file an import before 42fabb6 wrote of PMLR given as a journal."""
    import generator.ingest.ris as ris

    with monkeypatch.context() as older:
        older.setattr(bibtex, "proceedings_series", lambda venue: False)
        older.setattr(ris, "proceedings_series", lambda venue: False)
        assert len(_import(tmp_path, f"refs.{extension}", PMLR[extension]).added) == 1
    paper = tmp_path / SIMCLR
    assert "venue_kind: journal\n" in paper.read_text()
    return paper


@pytest.mark.parametrize("extension", ["bib", "ris"])
def test_a_series_of_proceedings_an_earlier_import_took_for_a_journal_is_said_so(tmp_path, monkeypatch, extension):
    # (user: after 42fabb6, a re-import of such a file said "(was 'journal': its source
    # record 'chen2020simple' was corrected)", which nobody had done: the import reads it
    # otherwise now)
    paper = _imported_as_a_journal(tmp_path, monkeypatch, extension)
    before = paper.read_text()
    report = _import(tmp_path, f"refs.{extension}", PMLR[extension])
    assert report.updated == [paper.stem] and report.conflicts == [] and report.corrected == []
    assert [str(change) for change in report.read_before] == [
        f"venue_kind: {paper.stem} now 'conference' (was 'journal': a series of conference"
        " proceedings, which an earlier import took for a journal)"
    ]
    assert paper.read_text() == before.replace("venue_kind: journal\n", "venue_kind: conference\n")
    again = _import(tmp_path, f"refs.{extension}", PMLR[extension])
    assert (again.unchanged, again.read_before, again.corrected) == ([paper.stem], [], [])


def test_a_journal_kind_a_curator_wrote_for_a_series_of_proceedings_stays(tmp_path, monkeypatch):
    # Written by hand (the curator's, after a first import that gave none): kept.
    paper = _imported_as_a_journal(tmp_path, monkeypatch, "bib")
    paper.write_text(paper.read_text().replace("venue_kind: journal\n", "venue_kind: journal  # PMLR's own\n"))
    edited = paper.read_text()
    report = _import(tmp_path, "refs.bib", PMLR["bib"])
    assert report.read_before == [] and report.corrected == []
    assert paper.read_text() == edited


def test_an_edited_book_an_earlier_import_gave_no_authors_gains_its_editors(tmp_path, monkeypatch):
    # (bk1) A @book by its editors alone was imported by no one (its editors left out);
    # imported again, it gains its editors, as `editors` (bk2; bk1 made them its
    # authors), as an empty field is filled, with no conflict.
    import dataclasses
    import shutil

    text = (
        "@book{handbook,\n  title = {Handbook of Learning},\n  editor = {Smith, Jane and Doe, John},\n"
        "  publisher = {MIT Press},\n  year = {2019},\n}\n"
    )
    read = bibtex._record
    with monkeypatch.context() as earlier:
        earlier.setattr(bibtex, "_record", lambda *a: dataclasses.replace(read(*a), editors=(), read_before=()))
        assert len(_import(tmp_path, "refs.bib", text).added) == 1
    shutil.rmtree(tmp_path / ".cache")  # (the earlier reader's readings of the entries)
    paper = tmp_path / "content/papers/handbook-of-learning.yml"
    before = paper.read_text()
    assert "editors" not in before
    report = _import(tmp_path, "refs.bib", text)
    assert report.conflicts == []
    assert before.count("authors: []\n") == 1
    assert paper.read_text() == before.replace("authors: []\n", "authors: []\neditors:\n  - Jane Smith\n  - John Doe\n")


TEX_RIS = (
    "TY  - CHAP\nTI  - Sch{\\\"o}lkopf's {K}ernels\nAU  - Sch{\\\"o}lkopf, Bernhard\n"
    "ED  - M{\\\"u}ller, Klaus-Robert\nED  - Smola, Alex\nT2  - Learning {\\&} Reasoning\nPY  - 1999\n"
    "ER  - \n"
)
KERNELS = "content/papers/sch-o-lkopfs-k-ernels.yml"


def _tex_kept(monkeypatch, tmp_path, text):
    """The first import of ``text`` by the importer before RIS text written in TeX was
    read (names, titles, venues... kept as written)."""
    import generator.ingest.ris as ris

    ris._author.cache_clear()  # (a name's reading is kept: read as then, and as now after)
    with monkeypatch.context() as older:
        older.setattr(ris, "name_letters", lambda name: name)
        older.setattr(ris, "tex_written", lambda text: False, raising=False)  # (none before)
        assert len(_import(tmp_path, "in.ris", text).added) == 1
    ris._author.cache_clear()
    return tmp_path / KERNELS


def test_an_ris_records_tex_an_earlier_import_kept_as_written_is_read_where_untouched(tmp_path, monkeypatch):
    # Re-imported, the same record's editors were a conflict ("the file's 'Klaus-Robert
    # M{\"u}ller; Alex Smola' is kept"), and its authors, title and venue stayed TeX: none
    # a curator's value, all the importer's own reading of then.
    paper = _tex_kept(monkeypatch, tmp_path, TEX_RIS)
    before = paper.read_text()
    assert '  - "Klaus-Robert M{\\\\\\"u}ller"\n' in before
    report = _import(tmp_path, "in.ris", TEX_RIS)
    assert report.conflicts == [] and report.updated == [paper.stem]
    why = "the record's TeX, which an earlier import kept as written"
    assert [str(change) for change in report.read_before] == [
        f"editors: {paper.stem} now 'Klaus-Robert Müller; Alex Smola' (was 'Klaus-Robert M{{\\\"u}}ller; Alex Smola': {why})",
        f"title: {paper.stem} now \"Schölkopf's Kernels\" (was “Sch{{\\\"o}}lkopf's {{K}}ernels”: {why})",
        f"authors: {paper.stem} now 'Bernhard Schölkopf' (was 'Bernhard Sch{{\\\"o}}lkopf': {why})",
        f"venue: {paper.stem} now 'Learning & Reasoning' (was 'Learning {{\\&}} Reasoning': {why})",
    ]
    after = paper.read_text()
    assert after == before.replace(
        "\"Sch{\\\\\\\"o}lkopf's {K}ernels\"", "\"Schölkopf's Kernels\""
    ).replace('"Bernhard Sch{\\\\\\"o}lkopf"', "Bernhard Schölkopf").replace(
        '"Klaus-Robert M{\\\\\\"u}ller"', "Klaus-Robert Müller"
    ).replace('"Learning {\\\\&} Reasoning"', '"Learning & Reasoning"')
    assert "\\" not in after
    again = _import(tmp_path, "in.ris", TEX_RIS)  # (and once read, nothing more to do)
    assert again.unchanged == [paper.stem] and again.read_before == [] and paper.read_text() == after


def test_an_ris_records_tex_a_curator_edited_stays(tmp_path, monkeypatch):
    paper = _tex_kept(monkeypatch, tmp_path, TEX_RIS)
    paper.write_text(paper.read_text().replace('  - "Klaus-Robert M{\\\\\\"u}ller"\n', "  - K.-R. Müller\n"))
    report = _import(tmp_path, "in.ris", TEX_RIS)
    assert "editors" not in [change.names[0] for change in report.read_before]
    assert "  - K.-R. Müller\n" in paper.read_text()
    assert "title" in [change.names[0] for change in report.read_before]


TEX_KW_RIS = TEX_RIS.replace(
    "PY  - 1999\n", 'PY  - 1999\nKW  - k{\\"e}rnels\nKW  - {SVM}\nAB  - We study {\\`a} la Sch{\\"o}lkopf.\n'
)


def test_an_ris_records_tex_a_curator_wrote_since_as_it_reads_now_or_otherwise_stays(tmp_path, monkeypatch):
    # The import record says what the importer wrote: a value a curator typed after the
    # import, the reading of now's very text or a third, is theirs, never taken out as
    # the importer's TeX; only the authors, untouched, take the reading of now.
    paper = _tex_kept(monkeypatch, tmp_path, TEX_KW_RIS)
    edits = [
        ('title: "Sch{\\\\\\"o}lkopf\'s {K}ernels"\n', 'title: "Schölkopf\'s Kernels"\n'),  # (as now reads it)
        ('  - "Klaus-Robert M{\\\\\\"u}ller"\n', "  - Klaus-Robert Müller\n"),  # (as now reads it)
        ('venue: "Learning {\\\\&} Reasoning"\n', "venue: Learning and Reasoning\n"),
        ('  - "{SVM}"\n', '  - "{SVM}"\n  - mine\n'),  # (the TeX keywords kept, one added)
        ('abstract: "We study {\\\\`a} la Sch{\\\\\\"o}lkopf."\n', "abstract: My own abstract.\n"),
    ]
    text = paper.read_text()
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    paper.write_text(text)
    report = _import(tmp_path, "in.ris", TEX_KW_RIS)
    assert [change.names for change in report.read_before] == [("authors",)]
    assert paper.read_text() == text.replace('"Bernhard Sch{\\\\\\"o}lkopf"', "Bernhard Schölkopf")
    # (What the curator's values and the record's say otherwise is said, as any conflict.)
    assert sorted(conflict.field for conflict in report.conflicts) == ["abstract", "tags", "venue"]


def test_an_ris_records_tex_a_curator_wrote_by_hand_is_no_earlier_imports(tmp_path, monkeypatch):
    # The same values, but in a file no import wrote (the import record lost, as for a
    # paper a curator typed from the record): every one is the curator's, and stays.
    paper = _tex_kept(monkeypatch, tmp_path, TEX_KW_RIS)
    (tmp_path / "content/sources/imported.json").unlink()
    before = paper.read_text()
    report = _import(tmp_path, "in.ris", TEX_KW_RIS)
    assert report.added == [] and report.read_before == []  # (the paper found, as its title's)
    assert paper.read_text() == before


FIX33_RIS = (
    "TY  - JOUR\nTI  - The {\\LaTeX} Companion\nAU  - Smith, Jane\nT2  - Costs 10\\% less -- 5% of it\n"
    "AB  - snake\\_case -- and a_b.\nPY  - 2004\nER  - \n"
)


def test_an_ris_records_text_fix33_read_otherwise_is_read_as_now_where_untouched(tmp_path, monkeypatch):
    # (fix34) "{\LaTeX}" fix33 kept as written is TeX now; "10\% ... 5%" it read as TeX
    # (its "--" a dash) is plain text now. Re-imported, neither is a conflict: the values
    # are the importer's own reading of then.
    import generator.ingest.ris as ris
    from generator.latex import tex_written_before

    with monkeypatch.context() as older:
        older.setattr(ris, "tex_written", tex_written_before)
        assert len(_import(tmp_path, "in.ris", FIX33_RIS).added) == 1
    (paper,) = (tmp_path / "content/papers").glob("*.yml")
    read = yaml.safe_load(paper.read_text())
    assert (read["title"], read["venue"], read["abstract"]) == (
        "The {\\LaTeX} Companion", "Costs 10% less – 5% of it", "snake_case – and a_b."
    )
    report = _import(tmp_path, "in.ris", FIX33_RIS)
    assert report.conflicts == [] and report.updated == [paper.stem]
    assert sorted(change.names[0] for change in report.read_before) == ["abstract", "title", "venue"]
    after = paper.read_text()
    read = yaml.safe_load(after)
    assert (read["title"], read["venue"], read["abstract"]) == (
        "The LaTeX Companion", "Costs 10\\% less -- 5% of it", "snake\\_case -- and a_b."
    )
    again = _import(tmp_path, "in.ris", FIX33_RIS)
    assert again.unchanged == [paper.stem] and again.read_before == [] and paper.read_text() == after


DECLARED_RIS = (
    "TY  - JOUR\nTI  - The {\\itshape Nature} of {\\sc Kernels}\nAU  - Smith, Jane\n"
    "T2  - {\\sc Annals} -- Letters\nAB  - A {\\bfseries bold} claim -- again.\nPY  - 2004\nER  - \n"
)
DECLARED_BIB = (
    "@article{k,\n  title = {The {\\itshape Nature} of {\\sc Kernels}},\n  author = {Smith, Jane},\n"
    "  journal = {Annals},\n  abstract = {A {\\bfseries bold} claim -- again.},\n  year = {2004}\n}\n"
)


@pytest.mark.parametrize("name, text", [("in.ris", DECLARED_RIS), ("in.bib", DECLARED_BIB)])
def test_a_records_latex_declarations_kept_before_are_read_as_now_where_untouched(tmp_path, name, text):
    # (fix35) "{\itshape x}", "{\bfseries x}" and "{\sc x}" an earlier import kept as
    # written (the RIS venue's "--" a dash beside "{\sc") are their words now; imported
    # again, no conflict: the values are the importer's own reading of then.
    from generator.latex import declarations_as_before

    with declarations_as_before():
        assert len(_import(tmp_path, name, text).added) == 1
    (paper,) = (tmp_path / "content/papers").glob("*.yml")
    read = yaml.safe_load(paper.read_text())
    # (RIS reads a field as TeX where it holds TeX: the abstract was none, its "--" kept)
    assert (read["title"], read["abstract"]) == (
        "The {\\itshape Nature} of {\\sc Kernels}", "A {\\bfseries bold} claim " + ("--" if name == "in.ris" else "–") + " again."
    )
    if name == "in.ris":
        assert read["venue"] == "{\\sc Annals} – Letters"
    report = _import(tmp_path, name, text)
    assert report.conflicts == [] and report.updated == [paper.stem]
    changed = ["abstract", "title", "venue"] if name == "in.ris" else ["abstract", "title"]
    assert sorted(change.names[0] for change in report.read_before) == changed
    after = paper.read_text()
    read = yaml.safe_load(after)
    assert (read["title"], read["abstract"]) == ("The Nature of Kernels", "A bold claim – again.")
    assert read["venue"] == ("Annals – Letters" if name == "in.ris" else "Annals")
    again = _import(tmp_path, name, text)
    assert again.unchanged == [paper.stem] and again.read_before == [] and paper.read_text() == after


def test_a_bib_venues_latex_declaration_kept_before_is_read_as_now_where_untouched_and_kept_where_edited(tmp_path):
    # (rev127) A .bib's venue "{\sc Annals} of Stats", which an earlier import kept as
    # written, was a conflict at every import after (only titles and abstracts had their
    # earlier reading): untouched, it is now's; a venue a curator wrote stays theirs.
    from generator.latex import declarations_as_before

    text = "@article{k,\n  title = {Kernels},\n  author = {Smith, Jane},\n  journal = {{\\sc Annals} of Stats},\n  year = {2004}\n}\n"
    with declarations_as_before():
        assert len(_import(tmp_path, "in.bib", text).added) == 1
    (paper,) = (tmp_path / "content/papers").glob("*.yml")
    written = paper.read_text()
    assert yaml.safe_load(written)["venue"] == "{\\sc Annals} of Stats"
    report = _import(tmp_path, "in.bib", text)
    assert report.conflicts == [] and report.updated == [paper.stem]
    assert [str(change) for change in report.read_before] == [
        "venue: kernels now 'Annals of Stats' (was '{\\sc Annals} of Stats': a TeX declaration as typed, which"
        " an earlier import kept)",
    ]
    assert yaml.safe_load(paper.read_text())["venue"] == "Annals of Stats"
    # A curator's venue over the earlier reading: kept, and the import's told beside it.
    paper.write_text(written.replace('"{\\\\sc Annals} of Stats"', "Annals of Statistics"))
    assert yaml.safe_load(paper.read_text())["venue"] == "Annals of Statistics"
    report = _import(tmp_path, "in.bib", text)
    assert report.read_before == [] and report.updated == []
    assert [(k.field, k.kept, k.imported) for k in report.kept] == [("venue", "Annals of Statistics", "Annals of Stats")]
    assert yaml.safe_load(paper.read_text())["venue"] == "Annals of Statistics"


def test_a_bib_abstracts_declaration_over_a_paragraph_break_kept_before_is_read_as_now_where_untouched(tmp_path):
    # (rev127) Versions before fix35 closed "{\itshape" at a paragraph break and opened
    # no declaration after it ("{\itshape First part.}\n\nSecond part."); the earlier
    # reading opened "{\itshape" again, so the abstract an earlier import wrote was none
    # of the importer's readings: a conflict at every import after.
    from generator.latex import declarations_as_before

    text = (
        "@article{k,\n  title = {Kernels},\n  author = {Smith, Jane},\n  year = {2004},\n"
        "  abstract = {{\\itshape First part.\n\n  Second part.} End.}\n}\n"
    )
    with declarations_as_before():
        assert len(_import(tmp_path, "in.bib", text).added) == 1
    (paper,) = (tmp_path / "content/papers").glob("*.yml")
    assert yaml.safe_load(paper.read_text())["abstract"] == "{\\itshape First part.}\n\nSecond part. End."
    report = _import(tmp_path, "in.bib", text)
    assert report.conflicts == [] and report.kept == [] and report.updated == [paper.stem]
    assert [change.names for change in report.read_before] == [("abstract",)]
    assert yaml.safe_load(paper.read_text())["abstract"] == "First part.\n\nSecond part. End."  # (no marks in an abstract)


def test_an_ris_records_text_fix33_read_otherwise_a_curator_edited_stays(tmp_path, monkeypatch):
    # (rev124) The venue a curator wrote over fix33's reading stays theirs (a conflict,
    # not taken out as the importer's); the untouched title and abstract take now's.
    import generator.ingest.ris as ris
    from generator.latex import tex_written_before

    with monkeypatch.context() as older:
        older.setattr(ris, "tex_written", tex_written_before)
        assert len(_import(tmp_path, "in.ris", FIX33_RIS).added) == 1
    (paper,) = (tmp_path / "content/papers").glob("*.yml")
    text = paper.read_text()
    assert text.count("venue: Costs 10% less – 5% of it\n") == 1
    paper.write_text(text.replace("venue: Costs 10% less – 5% of it\n", "venue: Costs ten percent less\n"))
    report = _import(tmp_path, "in.ris", FIX33_RIS)
    assert sorted(change.names[0] for change in report.read_before) == ["abstract", "title"]
    read = yaml.safe_load(paper.read_text())
    assert (read["title"], read["venue"], read["abstract"]) == (
        "The LaTeX Companion", "Costs ten percent less", "snake\\_case -- and a_b."
    )
    # (What the record says otherwise is said, as any conflict.)
    assert [(c.field, c.kept, c.imported) for c in report.conflicts] == [
        ("venue", "Costs ten percent less", "Costs 10\\% less -- 5% of it")
    ]


def test_a_bibs_latex_declarations_kept_before_in_any_field_are_read_as_now_where_untouched(tmp_path):
    # (imp42) A declaration an earlier import kept as written in a .bib's publisher or
    # keywords (and its author, editor, volume, pages, a @misc's institution as venue) was
    # a conflict at the re-import of the unchanged file, or said corrected in the
    # reference manager: only the title, abstract and a journal or booktitle had their
    # earlier reading. Untouched, each is now's, said once; then the import is quiet.
    from generator.latex import declarations_as_before

    text = (
        "@incollection{a,\n  title = {Alpha Paper},\n  author = {Lovelace, Ada and {\\sc Babbage}, Charles},\n"
        "  editor = {{\\scshape Turing}, Alan},\n  year = {2020},\n  booktitle = {Handbook of Things},\n"
        "  publisher = {{\\itshape Springer} Verlag},\n  volume = {{\\bfseries 3}},\n  pages = {{\\rm 1}--9},\n"
        "  keywords = {{\\bfseries deep} learning, {\\sc nlp}},\n}\n"
        "@misc{b,\n  title = {Beta Report},\n  author = {Smith, Jane},\n  year = {2021},\n"
        "  institution = {{\\sffamily MIT}},\n}\n"
    )
    with declarations_as_before():
        assert len(_import(tmp_path, "in.bib", text).added) == 2
    alpha, beta = (tmp_path / "content/papers/alpha-paper.yml"), (tmp_path / "content/papers/beta-report.yml")
    read = yaml.safe_load(alpha.read_text())
    assert (read["publisher"], read["tags"]) == ("{\\itshape Springer} Verlag", ["{\\bfseries deep} learning", "{\\sc nlp}"])
    report = _import(tmp_path, "in.bib", text)
    assert report.conflicts == [] and report.corrected == [] and sorted(report.updated) == ["alpha-paper", "beta-report"]
    why = "a TeX declaration as typed, which an earlier import kept"
    assert sorted(str(change) for change in report.read_before) == [
        f"authors: alpha-paper now 'Ada Lovelace; Charles Babbage' (was 'Ada Lovelace; {{\\sc Babbage}}, Charles': {why})",
        f"editors: alpha-paper now 'Alan Turing' (was '{{\\scshape Turing}}, Alan': {why})",
        f"pages: alpha-paper now '1–9' (was '{{\\rm 1}}--9': {why})",
        f"publisher: alpha-paper now 'Springer Verlag' (was '{{\\itshape Springer}} Verlag': {why})",
        f"tags: alpha-paper now 'deep learning; nlp' (was '{{\\bfseries deep}} learning; {{\\sc nlp}}': {why})",
        f"venue: beta-report now 'MIT' (was '{{\\sffamily MIT}}': {why})",
        f"volume: alpha-paper now '3' (was '{{\\bfseries 3}}': {why})",
    ]
    read = yaml.safe_load(alpha.read_text())
    assert (read["authors"], read["editors"], read["publisher"], read["volume"], read["pages"], read["tags"]) == (
        ["Ada Lovelace", "Charles Babbage"], ["Alan Turing"], "Springer Verlag", "3", "1–9", ["deep learning", "nlp"]
    )
    assert yaml.safe_load(beta.read_text())["venue"] == "MIT"
    after = alpha.read_text(), beta.read_text()
    again = _import(tmp_path, "in.bib", text)
    assert again.conflicts == [] and again.read_before == [] and sorted(again.unchanged) == ["alpha-paper", "beta-report"]
    assert (alpha.read_text(), beta.read_text()) == after


AFTER_WORDS_BIB = (
    "@book{k,\n  title = {The {\\itshape Nature \\upshape of} Kernels},\n  author = {Smith, Jane},\n"
    "  publisher = {{\\bfseries Big \\mdseries Press}},\n  keywords = {{\\itshape a \\upshape b}},\n"
    "  abstract = {A {\\bfseries bold \\mdseries claim} -- again.},\n  year = {2004}\n}\n"
)
AFTER_WORDS_RIS = (
    "TY  - BOOK\nTI  - The {\\itshape Nature \\upshape of} Kernels\nAU  - Smith, Jane\n"
    "PB  - {\\bfseries Big \\mdseries Press}\nKW  - {\\itshape a \\upshape b}\n"
    "AB  - A {\\bfseries bold \\mdseries claim} -- again.\nPY  - 2004\nER  - \n"
)


@pytest.mark.parametrize("name, text", [("in.bib", AFTER_WORDS_BIB), ("in.ris", AFTER_WORDS_RIS)])
def test_latex_declarations_after_words_kept_before_are_read_as_now_where_untouched(tmp_path, name, text):
    # (imp42) "{\itshape a \upshape b}" is "a b" now (b upright); imports before kept the
    # declaration after words as written, "a \upshape b". Imported again, no conflict:
    # each value the importer wrote then is its own reading, and takes now's.
    from generator.latex import declarations_after_words_as_before

    with declarations_after_words_as_before():
        assert len(_import(tmp_path, name, text).added) == 1
    (paper,) = (tmp_path / "content/papers").glob("*.yml")
    read = yaml.safe_load(paper.read_text())
    assert (read["title"], read["publisher"], read["tags"], read["abstract"]) == (
        "The Nature \\upshape of Kernels", "Big \\mdseries Press", ["a \\upshape b"], "A bold \\mdseries claim – again."
    )
    report = _import(tmp_path, name, text)
    assert report.conflicts == [] and report.kept == [] and report.updated == [paper.stem]
    assert sorted(change.names[0] for change in report.read_before) == ["abstract", "publisher", "tags", "title"]
    after = paper.read_text()
    read = yaml.safe_load(after)
    assert (read["title"], read["publisher"], read["tags"], read["abstract"]) == (
        "The Nature of Kernels", "Big Press", ["a b"], "A bold claim – again."
    )
    again = _import(tmp_path, name, text)
    assert again.unchanged == [paper.stem] and again.read_before == [] and paper.read_text() == after
