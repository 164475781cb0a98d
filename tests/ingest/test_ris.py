"""RIS as reference managers and digital libraries export it (Zotero, Mendeley, IEEE
Xplore, Scopus, the ACM DL, EndNote), read into records as a BibTeX export of the same
papers is; its problems said at their lines; imported end to end.

The samples are written by hand as each exporter writes its RIS: its tags, their order,
its quirks (Zotero's CRLF lines, C3 and "arXiv:ID [cs]" note; Mendeley's truncated
volume; IEEE Xplore's "K. He", VO tag and index terms; Scopus' record page and notes;
ACM's BT and T3; EndNote's range in SP, N2 abstract and internal-pdf links).
"""

import re
import subprocess
import sys
import textwrap
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import given, strategies as st

from generator.errors import CuratorError, Problems
from generator.importer import import_paths
from generator.ingest import detect_format, parse_text
from generator.ingest.formats import looks_like_ris
from generator.yamlio import parse, to_python

ZOTERO = """\
TY  - JOUR
TI  - Deep learning
AU  - LeCun, Yann
AU  - Bengio, Yoshua
AU  - Hinton, Geoffrey
T2  - Nature
AB  - Deep learning allows computational models that are composed of multiple processing layers to learn representations of data with multiple levels of abstraction.
DA  - 2015/05//
PY  - 2015
DO  - 10.1038/nature14539
DP  - www.nature.com
VL  - 521
IS  - 7553
SP  - 436
EP  - 444
J2  - Nature
LA  - en
SN  - 1476-4687
UR  - https://www.nature.com/articles/nature14539
Y2  - 2024/03/01/09:12:44
KW  - Computer science
KW  - Mathematics and computing
ER  - 

TY  - CONF
TI  - Attention is All you Need
AU  - Vaswani, Ashish
AU  - Shazeer, Noam
AU  - Parmar, Niki
T2  - Advances in Neural Information Processing Systems
A2  - Guyon, I.
A2  - Luxburg, U. Von
C3  - Advances in Neural Information Processing Systems
DA  - 2017///
PY  - 2017
VL  - 30
PB  - Curran Associates, Inc.
UR  - https://proceedings.neurips.cc/paper/2017/hash/3f5ee243547dee91fbd053c1c4a845aa-Abstract.html
Y2  - 2024/03/01/09:15:02
L1  - https://proceedings.neurips.cc/paper_files/paper/2017/file/3f5ee243547dee91fbd053c1c4a845aa-Paper.pdf
ER  - 

TY  - UNPB
TI  - BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding
AU  - Devlin, Jacob
AU  - Chang, Ming-Wei
AU  - Lee, Kenton
AU  - Toutanova, Kristina
AB  - We introduce a new language representation model called BERT, which stands for Bidirectional Encoder Representations from Transformers.
DA  - 2019/05/24/
PY  - 2019
DO  - 10.48550/arXiv.1810.04805
DP  - arXiv.org
PB  - arXiv
ST  - BERT
UR  - http://arxiv.org/abs/1810.04805
Y2  - 2024/03/01/09:20:11
L1  - file:///Users/ada/Zotero/storage/7QXZ2K4M/Devlin et al. - 2019 - BERT.pdf
KW  - Computer Science - Computation and Language
N1  - arXiv:1810.04805 [cs]
ER  - 

"""

MENDELEY = """\
TY  - JOUR
AU  - Vaswani, Ashish
AU  - Shazeer, Noam
AU  - Parmar, Niki
AB  - The dominant sequence transduction models are based on complex recurrent or
convolutional neural networks in an encoder-decoder configuration.
IS  - Nips
JO  - Advances in Neural Information Processing Systems
KW  - attention
KW  - transformer
PY  - 2017
SN  - 10495258
SP  - 5999
EP  - 6009
TI  - Attention is all you need
VL  - 2017-Decem
N1  - arXiv: 1706.03762
ER  - 
TY  - THES
AU  - Karpathy, Andrej
PB  - Stanford University
PY  - 2016
TI  - Connecting Images and Natural Language
M3  - PhD Thesis
UR  - https://cs.stanford.edu/people/karpathy/main.pdf
ER  - 
"""

IEEE = """\
TY  - CONF
TI  - Deep Residual Learning for Image Recognition
T2  - 2016 IEEE Conference on Computer Vision and Pattern Recognition (CVPR)
SP  - 770
EP  - 778
AU  - K. He
AU  - X. Zhang
AU  - S. Ren
AU  - J. Sun
PY  - 2016
KW  - Training
KW  - Degradation
KW  - Complexity theory
KW  - Image recognition
DO  - 10.1109/CVPR.2016.90
JO  - 2016 IEEE Conference on Computer Vision and Pattern Recognition (CVPR)
IS  - 
SN  - 1063-6919
VO  - 
VL  - 
JA  - 2016 IEEE Conference on Computer Vision and Pattern Recognition (CVPR)
Y1  - 27-30 June 2016
AB  - Deeper neural networks are more difficult to train. We present a residual learning framework to ease the training of networks that are substantially deeper than those used previously.
ER  - 


TY  - JOUR
TI  - Faster R-CNN: Towards Real-Time Object Detection with Region Proposal Networks
T2  - IEEE Transactions on Pattern Analysis and Machine Intelligence
SP  - 1137
EP  - 1149
AU  - S. Ren
AU  - K. He
AU  - R. Girshick
AU  - J. Sun
PY  - 2017
KW  - Proposals
KW  - Object detection
KW  - Convolutional codes
KW  - Feature extraction
DO  - 10.1109/TPAMI.2016.2577031
JO  - IEEE Transactions on Pattern Analysis and Machine Intelligence
IS  - 6
SN  - 1939-3539
VO  - 39
VL  - 39
JA  - IEEE Transactions on Pattern Analysis and Machine Intelligence
Y1  - 1 June 2017
AB  - State-of-the-art object detection networks depend on region proposal algorithms to hypothesize object locations. Code has been made publicly available at https://github.com/ShaoqingRen/faster_rcnn.
ER  - 
"""

SCOPUS = """\
TY  - CONF
AU  - He, K.
AU  - Zhang, X.
AU  - Ren, S.
AU  - Sun, J.
TI  - Deep residual learning for image recognition
PY  - 2016
T2  - Proceedings of the IEEE Computer Society Conference on Computer Vision and Pattern Recognition
VL  - 2016-December
SP  - 770
EP  - 778
DO  - 10.1109/CVPR.2016.90
UR  - https://www.scopus.com/inward/record.uri?eid=2-s2.0-84986274465&doi=10.1109%2fCVPR.2016.90&partnerID=40&md5=5a1b2c3d4e5f60718293a4b5c6d7e8f9
AB  - Deeper neural networks are more difficult to train. We present a residual learning framework to ease the training of networks that are substantially deeper than those used previously. © 2016 IEEE.
KW  - Image recognition
KW  - Residual learning
PB  - IEEE Computer Society
SN  - 10636919 (ISSN); 978-146738850-4 (ISBN)
LA  - English
J2  - Proc IEEE Comput Soc Conf Comput Vision Pattern Recognit
M3  - Conference paper
DB  - Scopus
N1  - Cited by: 150000; Conference name: 29th IEEE Conference on Computer Vision and Pattern Recognition, CVPR 2016; Conference date: 26 June 2016 through 1 July 2016; Conference code: 125163
C3  - Proceedings of the IEEE Computer Society Conference on Computer Vision and Pattern Recognition
ER  - 

TY  - JOUR
AU  - Jumper, J.
AU  - Evans, R.
AU  - Pritzel, A.
TI  - Highly accurate protein structure prediction with AlphaFold
PY  - 2021
T2  - Nature
VL  - 596
IS  - 7873
SP  - 583
EP  - 589
DO  - 10.1038/s41586-021-03819-2
UR  - https://www.scopus.com/inward/record.uri?eid=2-s2.0-85110979574&doi=10.1038%2fs41586-021-03819-2&partnerID=40&md5=0f1e2d3c4b5a69788796a5b4c3d2e1f0
AB  - Proteins are essential to life, and understanding their structure can facilitate a mechanistic understanding of their function.
PB  - Nature Research
SN  - 00280836 (ISSN)
C2  - 34265844
LA  - English
J2  - Nature
M3  - Article
DB  - Scopus
N1  - Cited by: 20000; All Open Access, Gold Open Access, Green Open Access
ER  - 
"""

ACM = """\
TY  - CONF
TI  - On the Dangers of Stochastic Parrots: Can Language Models Be Too Big? 🦜
AU  - Bender, Emily M.
AU  - Gebru, Timnit
AU  - McMillan-Major, Angelina
AU  - Shmitchell, Shmargaret
T3  - FAccT '21
AB  - The past 3 years of work in NLP have been characterized by the development and deployment of ever larger language models, especially for English.
UR  - https://doi.org/10.1145/3442188.3445922
DO  - 10.1145/3442188.3445922
SP  - 610
EP  - 623
PB  - Association for Computing Machinery
CY  - New York, NY, USA
BT  - Proceedings of the 2021 ACM Conference on Fairness, Accountability, and Transparency
PY  - 2021
SN  - 9781450383097
ER  - 

TY  - JOUR
TI  - ImageNet classification with deep convolutional neural networks
AU  - Krizhevsky, Alex
AU  - Sutskever, Ilya
AU  - Hinton, Geoffrey E.
PY  - 2017
IS  - 6
VL  - 60
SP  - 84
EP  - 90
DO  - 10.1145/3065386
UR  - https://doi.org/10.1145/3065386
JO  - Commun. ACM
PB  - Association for Computing Machinery
CY  - New York, NY, USA
SN  - 0001-0782
AB  - We trained a large, deep convolutional neural network to classify the 1.2 million high-resolution images in the ImageNet LSVRC-2010 contest into the 1000 different classes.
ER  - 
"""

ENDNOTE = """\
TY  - JOUR
AU  - Silver, D.
AU  - Huang, A.
AU  - Maddison, C. J.
PY  - 2016
DA  - Jan 28
TI  - Mastering the game of Go with deep neural networks and tree search
T2  - Nature
J2  - Nature
SP  - 484-489
VL  - 529
IS  - 7587
N2  - The game of Go has long been viewed as the most challenging of classic games for artificial intelligence owing to its enormous search space.
SN  - 1476-4687 (Electronic)&#xD;0028-0836 (Linking)
DO  - 10.1038/nature16961
UR  - https://www.ncbi.nlm.nih.gov/pubmed/26819042
L1  - internal-pdf://0123456789/Silver-2016-Mastering the game of Go.pdf
KW  - *Computers
KW  - Humans
ER  - 
"""


def _parse(text: str, path: str = "lab.ris"):
    problems = Problems()
    records = parse_text(text, path, problems)
    return records, [str(p) for p in problems.sorted()]


def _fields(record, *names):
    return {name: getattr(record, name) for name in names}


BIBLIO = ("title", "authors", "year", "venue", "venue_kind", "volume", "number", "pages", "publisher",
          "arxiv", "doi")


def _links(record):
    return [(link.kind, link.url) for link in record.links]


# --- Exporters ---------------------------------------------------------------------------


def test_zotero_journal_article_conference_paper_and_preprint():
    # Zotero writes CRLF line ends; a conference paper's proceedings title is its C3, the
    # conference's name its T2 (the same here), its editors A2; a preprint saved from
    # arXiv is dated by the version saved (v2, 2019) with "arXiv:1810.04805 [cs]" in N1.
    records, problems = _parse(ZOTERO.replace("\n", "\r\n"), "zotero.ris")
    assert [_fields(r, *BIBLIO) for r in records] == [
        {"title": "Deep learning", "authors": ("Yann LeCun", "Yoshua Bengio", "Geoffrey Hinton"),
         "year": "2015", "venue": "Nature", "venue_kind": "journal", "volume": "521",
         "number": "7553", "pages": "436–444", "publisher": "", "arxiv": "",
         "doi": "10.1038/nature14539"},
        {"title": "Attention is All you Need",
         "authors": ("Ashish Vaswani", "Noam Shazeer", "Niki Parmar"),  # (not the editors)
         "year": "2017", "venue": "Advances in Neural Information Processing Systems",
         "venue_kind": "conference", "volume": "30", "number": "", "pages": "",
         "publisher": "Curran Associates, Inc.", "arxiv": "", "doi": ""},
        {"title": "BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding",
         "authors": ("Jacob Devlin", "Ming-Wei Chang", "Kenton Lee", "Kristina Toutanova"),
         # the year of its first version, as its id says; arXiv's DOI gives the id, no DOI
         "year": "2018", "venue": "", "venue_kind": "", "volume": "", "number": "", "pages": "",
         "publisher": "", "arxiv": "1810.04805", "doi": ""},
    ]
    assert [r.source.line for r in records] == [1, 25, 43]
    assert records[0].abstract.startswith("Deep learning allows computational models")
    assert [_links(r) for r in records] == [
        [("paper", "https://www.nature.com/articles/nature14539")],
        [("paper", "https://proceedings.neurips.cc/paper/2017/hash/3f5ee243547dee91fbd053c1c4a845aa-Abstract.html"),
         ("pdf", "https://proceedings.neurips.cc/paper_files/paper/2017/file/3f5ee243547dee91fbd053c1c4a845aa-Paper.pdf")],
        [],  # (its arXiv page is the arXiv badge's)
    ]
    assert [r.tags for r in records] == [("Computer science", "Mathematics and computing"), (), ()]
    # (The subject classes are said at their KW line, not at the record's TY line, 43.)
    assert problems == [
        "zotero.ris:58:1: warning: 'file:///Users/ada/Zotero/storage/7QXZ2K4M/Devlin et al. - 2019"
        " - BERT.pdf' left out: a file on the exporter's computer, which no page can link to (give"
        " its address on the web by hand if it has one)",
        "zotero.ris:59:1: warning: keywords such as 'Computer Science - Computation and Language'"
        " are arXiv's subject classes, which Zotero adds to each paper it saves from arXiv (1 record"
        " in this file); left out of the tags",
    ]


def test_mendeley_conference_paper_as_a_journal_article_and_a_thesis():
    # Mendeley exports a NeurIPS paper as JOUR in "Advances in Neural Information
    # Processing Systems" (a proceedings, so no kind is said, as for Google Scholar's
    # BibTeX), with its arXiv id in a note, "arXiv: 1706.03762", and an abstract wrapped.
    records, problems = _parse(MENDELEY, "mendeley.ris")
    assert [_fields(r, *BIBLIO) for r in records] == [
        {"title": "Attention is all you need",
         "authors": ("Ashish Vaswani", "Noam Shazeer", "Niki Parmar"), "year": "2017",
         "venue": "Advances in Neural Information Processing Systems", "venue_kind": "",
         # (its VL, "2017-Decem", is December 2017 cut short: a date, not a volume)
         "volume": "", "number": "Nips", "pages": "5999–6009", "publisher": "",
         "arxiv": "1706.03762", "doi": ""},
        {"title": "Connecting Images and Natural Language", "authors": ("Andrej Karpathy",),
         "year": "2016", "venue": "PhD thesis, Stanford University", "venue_kind": "",
         "volume": "", "number": "", "pages": "", "publisher": "", "arxiv": "", "doi": ""},
    ]
    assert records[0].abstract == (
        "The dominant sequence transduction models are based on complex recurrent or"
        " convolutional neural networks in an encoder-decoder configuration."
    )
    assert records[0].tags == ("attention", "transformer")
    assert _links(records[1]) == [("pdf", "https://cs.stanford.edu/people/karpathy/main.pdf")]
    assert problems == [
        "mendeley.ris:16:1: warning: VL '2017-Decem' is a date (the month of a conference, as"
        " Mendeley and Scopus write it), not a volume; left out",
    ]
    assert [before.values for before in records[0].read_before] == [("2017-Decem",)]


def test_ieee_xplore_names_initials_first_and_its_index_terms_are_no_tags():
    records, problems = _parse(IEEE, "ieee.ris")
    assert [_fields(r, *BIBLIO) for r in records] == [
        {"title": "Deep Residual Learning for Image Recognition",
         "authors": ("K. He", "X. Zhang", "S. Ren", "J. Sun"), "year": "2016",
         "venue": "2016 IEEE Conference on Computer Vision and Pattern Recognition (CVPR)",
         "venue_kind": "conference", "volume": "", "number": "", "pages": "770–778",
         "publisher": "", "arxiv": "", "doi": "10.1109/CVPR.2016.90"},
        {"title": "Faster R-CNN: Towards Real-Time Object Detection with Region Proposal Networks",
         "authors": ("S. Ren", "K. He", "R. Girshick", "J. Sun"), "year": "2017",
         "venue": "IEEE Transactions on Pattern Analysis and Machine Intelligence",
         "venue_kind": "journal", "volume": "39", "number": "6", "pages": "1137–1149",
         "publisher": "", "arxiv": "", "doi": "10.1109/TPAMI.2016.2577031"},
    ]
    assert [r.tags for r in records] == [(), ()]
    # The code its abstract names is found, as in any abstract.
    assert [(l.kind, l.repo, l.official) for l in records[1].links] == [
        ("code", "ShaoqingRen/faster_rcnn", True)
    ]
    assert problems == [
        # (at the first record's first KW line, not at its TY line)
        "ieee.ris:11:1: warning: keywords such as 'Training' are IEEE Xplore's index terms, its"
        " thesaurus' words for the paper rather than a curator's or its authors' (2 records in"
        " this file); left out of the tags",
    ]


def test_a_curators_lower_case_tags_beside_ieee_xplores_index_terms_stay_tags():
    # A curator's own tags (lower case) added to IEEE Xplore's export beside its terms:
    # every KW was left out. The thesaurus writes each term with a capital, as the BibTeX
    # import already tells them apart. (Said as an RIS file holds them, its KW lines, not
    # as "a curator's Zotero tags", as BibTeX's import says: reviewer.)
    text = IEEE.replace("KW  - Degradation\n", "KW  - Degradation\nKW  - to-read\nKW  - residual nets\n")
    records, problems = _parse(text, "ieee.ris")
    assert [r.tags for r in records] == [("to-read", "residual nets"), ()]
    assert problems == [
        "ieee.ris:11:1: warning: keywords such as 'Training' are IEEE Xplore's index terms, its"
        " thesaurus' words for the paper rather than a curator's or its authors' (2 records in"
        " this file); left out of the tags (those in lower case, such as 'to-read', are a"
        " curator's own KW tags, kept: the thesaurus writes each term with a capital)",
    ]


def test_an_ieee_papers_keywords_from_another_exporter_are_kept():
    # Scopus writes an IEEE paper's keywords too (no VO tag): the authors' and its own.
    (record, _), problems = _parse(SCOPUS, "scopus.ris")
    assert record.doi.startswith("10.1109/")
    assert record.tags == ("Image recognition", "Residual learning")


def test_scopus_conference_paper_and_article():
    records, problems = _parse(SCOPUS, "scopus.ris")
    assert [_fields(r, *BIBLIO) for r in records] == [
        {"title": "Deep residual learning for image recognition",
         "authors": ("K. He", "X. Zhang", "S. Ren", "J. Sun"), "year": "2016",
         "venue": "Proceedings of the IEEE Computer Society Conference on Computer Vision and"
                  " Pattern Recognition",
         "venue_kind": "conference", "volume": "", "number": "", "pages": "770–778",
         "publisher": "IEEE Computer Society", "arxiv": "", "doi": "10.1109/CVPR.2016.90"},
        {"title": "Highly accurate protein structure prediction with AlphaFold",
         "authors": ("J. Jumper", "R. Evans", "A. Pritzel"), "year": "2021", "venue": "Nature",
         "venue_kind": "journal", "volume": "596", "number": "7873", "pages": "583–589",
         "publisher": "Nature Research", "arxiv": "", "doi": "10.1038/s41586-021-03819-2"},
    ]
    # Its UR is its own record of the paper: a paper link, not a project page. (Its notes,
    # "Cited by: 150000; Conference name: ...", name no arXiv id nor link.)
    assert [[(l.kind, l.url[:47]) for l in r.links] for r in records] == [
        [("paper", "https://www.scopus.com/inward/record.uri?eid=2-")]
    ] * 2
    assert problems == [
        "scopus.ris:9:1: warning: VL '2016-December' is a date (the month of a conference, as"
        " Mendeley and Scopus write it), not a volume; left out",
    ]


def test_scopus_abstracts_lose_the_publishers_copyright_notice():
    # "© 2016 IEEE." is no part of ResNet's abstract: it conflicted with arXiv's.
    (resnet, alphafold), problems = _parse(SCOPUS, "scopus.ris")
    assert resnet.abstract == (
        "Deeper neural networks are more difficult to train. We present a residual learning framework"
        " to ease the training of networks that are substantially deeper than those used previously."
    )
    assert [before.values for before in resnet.read_before] == [
        ("2016-December",), (resnet.abstract + " © 2016 IEEE.",)
    ]
    assert alphafold.abstract.endswith("their function.") and alphafold.read_before == ()
    assert problems == [
        "scopus.ris:9:1: warning: VL '2016-December' is a date (the month of a conference, as"
        " Mendeley and Scopus write it), not a volume; left out",
    ]


def test_the_database_a_record_says_it_is_from_is_its_db_and_dp():
    # What tells the exporters of records without an ID apart (importmatch.record_name):
    # Zotero's item's catalog, Scopus' own name, none in IEEE Xplore's download.
    assert [record.catalog for record in _parse(ZOTERO)[0]] == ["DP www.nature.com", "", "DP arxiv.org"]
    assert [record.catalog for record in _parse(SCOPUS)[0]] == ["DB scopus", "DB scopus"]
    assert [record.catalog for record in _parse(IEEE)[0]] == ["", ""]
    both, _ = _parse("TY  - JOUR\nTI  - A\nDP  - IEEE   Xplore\nDB  - My Archive\nDP  - Other\nER  - \n")
    assert [record.catalog for record in both] == ["DB my archive; DP ieee xplore"]


def test_acm_proceedings_title_in_bt_and_a_journal_abbreviated():
    records, problems = _parse(ACM, "acm.ris")
    assert [_fields(r, *BIBLIO) for r in records] == [
        {"title": "On the Dangers of Stochastic Parrots: Can Language Models Be Too Big? 🦜",
         "authors": ("Emily M. Bender", "Timnit Gebru", "Angelina McMillan-Major",
                     "Shmargaret Shmitchell"),
         "year": "2021",
         # (BT, as ACM's BibTeX booktitle; not its series T3, "FAccT '21")
         "venue": "Proceedings of the 2021 ACM Conference on Fairness, Accountability, and"
                  " Transparency",
         "venue_kind": "conference", "volume": "", "number": "", "pages": "610–623",
         "publisher": "Association for Computing Machinery", "arxiv": "",
         "doi": "10.1145/3442188.3445922"},
        {"title": "ImageNet classification with deep convolutional neural networks",
         "authors": ("Alex Krizhevsky", "Ilya Sutskever", "Geoffrey E. Hinton"), "year": "2017",
         "venue": "Commun. ACM", "venue_kind": "journal", "volume": "60", "number": "6",
         "pages": "84–90", "publisher": "Association for Computing Machinery", "arxiv": "",
         "doi": "10.1145/3065386"},
    ]
    assert [r.links for r in records] == [(), ()]  # (each UR is its DOI's page: the DOI badge)
    assert problems == []


def test_endnote_range_in_sp_abstract_in_n2_and_its_own_pdf_path():
    (record,), problems = _parse(ENDNOTE, "endnote.ris")
    assert _fields(record, *BIBLIO) == {
        "title": "Mastering the game of Go with deep neural networks and tree search",
        "authors": ("D. Silver", "A. Huang", "C. J. Maddison"), "year": "2016",
        "venue": "Nature", "venue_kind": "journal", "volume": "529", "number": "7587",
        "pages": "484–489", "publisher": "", "arxiv": "", "doi": "10.1038/nature16961",
    }
    assert record.abstract.startswith("The game of Go has long been viewed")
    assert _links(record) == [("paper", "https://www.ncbi.nlm.nih.gov/pubmed/26819042")]
    assert problems == [
        "endnote.ris:17:1: warning: 'internal-pdf://0123456789/Silver-2016-Mastering the game of"
        " Go.pdf' left out: a file on the exporter's computer, which no page can link to (give"
        " its address on the web by hand if it has one)",
    ]


# Google Scholar's "RefMan" export: T1, A1, Y1, its lower-cased journal, a preprint's
# "arXiv preprint arXiv:..." as its journal.
SCHOLAR = """\
TY  - JOUR
T1  - Attention is all you need
A1  - Vaswani, Ashish
A1  - Shazeer, Noam
A1  - Parmar, Niki
JO  - Advances in neural information processing systems
VL  - 30
Y1  - 2017
ER  - 
TY  - JOUR
T1  - Lora: Low-rank adaptation of large language models.
A1  - Hu, Edward J
A1  - Shen, Yelong
JO  - arXiv preprint arXiv:2106.09685
Y1  - 2021
ER  - 
"""


def test_google_scholar_older_tags_and_a_preprint_as_its_journal():
    records, problems = _parse(SCHOLAR, "scholar.ris")
    assert [_fields(r, *BIBLIO) for r in records] == [
        {"title": "Attention is all you need",
         "authors": ("Ashish Vaswani", "Noam Shazeer", "Niki Parmar"), "year": "2017",
         "venue": "Advances in neural information processing systems", "venue_kind": "",
         "volume": "30", "number": "", "pages": "", "publisher": "", "arxiv": "", "doi": ""},
        {"title": "Lora: Low-rank adaptation of large language models",  # (its full stop gone)
         "authors": ("Edward J Hu", "Yelong Shen"), "year": "2021",
         "venue": "", "venue_kind": "", "volume": "", "number": "",  # (arXiv's name: the id says it)
         "pages": "", "publisher": "", "arxiv": "2106.09685", "doi": ""},
    ]
    assert problems == []


# --- Fields ------------------------------------------------------------------------------


def _one(lines: str, kind: str = "JOUR"):
    records, problems = _parse(f"TY  - {kind}\nTI  - A Paper\n{lines}ER  - \n")
    assert len(records) == 1, problems
    return records[0], problems


def test_names_read_as_the_bibtex_import_writes_them():
    record, problems = _one(
        "AU  - García Márquez, Gabriel\n"  # (a surname of two words: kept surname first)
        "AU  - King, Martin Luther, Jr.\n"  # (RIS's "Last, First, Suffix")
        "AU  - de la Fuente, Ana\n"
        "A1  - Ng, Andrew Y.\n"  # (A1: older exporters' authors)
        "AU  - OpenAI\n"
        "AU  - et al.\n"
    )
    assert record.authors == (
        "García Márquez, Gabriel", "Martin Luther King, Jr.", "Ana de la Fuente", "OpenAI",
        "Andrew Y. Ng", "others",
    )
    assert problems == []


def test_tex_accents_in_names_read_as_the_bibtex_import_reads_them():
    # An exporter fed BibTeX (JabRef, bibutils) writes a name's accents as TeX: kept as
    # written they showed "Sch{\\"o}lkopf" on the page, and a search for "Scholkopf" or
    # "Schölkopf" found nothing. An editor's name (a chapter's A2) is read alike; a
    # braced organisation stays as written.
    record, problems = _one(
        "PY  - 2002\n"
        'AU  - Sch{\\"o}lkopf, Bernhard\n'
        'AU  - M\\"uller, Klaus-Robert\n'
        "AU  - Pawe{\\l} Nowak\n"
        "AU  - Nguy\\~{\\^e}n, An\n"
        "AU  - {Hugging Face}\n"
        'A2  - Sch\\"{o}lkopf, B.\n',
        kind="CHAP",
    )
    assert record.authors == ("Bernhard Schölkopf", "Klaus-Robert Müller", "Paweł Nowak", "An Nguyễn", "{Hugging Face}")
    assert record.editors == ("B. Schölkopf",)
    assert problems == []


def test_tex_in_titles_venues_and_other_text_read_as_the_bibtex_import_reads_them():
    # An exporter fed BibTeX (JabRef, bibutils) writes every field as the .bib has it:
    # kept as written, the page showed "Sch{\\"o}lkopf's {K}ernels" and "Learning {\\&}
    # Reasoning", where a BibTeX import of the same text reads its letters.
    (record,), problems = _parse(
        "TY  - JOUR\nPY  - 2001\n"
        'TI  - Sch{\\"o}lkopf\'s {K}ernels -- a Survey\n'
        "T2  - Learning {\\&} Reasoning\n"
        "VL  - 3\n"
        "PB  - Springer {\\&} Sons\n"
        'KW  - k{\\"e}rnels\n'
        "KW  - {SVM}\n"
        'AB  - We study kernels {\\`a} la Sch{\\"o}lkopf.\nER  - \n',
    )
    assert problems == []
    assert (record.title, record.venue, record.publisher, record.tags, record.abstract) == (
        "Schölkopf's Kernels – a Survey", "Learning & Reasoning", "Springer & Sons", ("kërnels", "SVM"),
        "We study kernels à la Schölkopf.",
    )
    bib = parse_text(
        '@article{k, title = {Sch{\\"o}lkopf\'s {K}ernels -- a Survey}, journal = {Learning {\\&} Reasoning},'
        " publisher = {Springer {\\&} Sons}, volume = 3, year = 2001,"
        ' abstract = {We study kernels {\\`a} la Sch{\\"o}lkopf.}}\n',
        "lab.bib", Problems(),
    )[0]
    assert (record.title, record.venue, record.publisher, record.abstract) == (
        bib.title, bib.venue, bib.publisher, bib.abstract
    )


def test_plain_text_with_a_brace_or_a_backslash_is_no_tex_and_kept_as_written():
    # RIS holds plain Unicode text (Zotero's, EndNote's): a brace or a backslash in it is
    # the text's own, not TeX, unless the text holds TeX a .bib writes (an accent, an
    # escaped character, braces keeping a word's capitals). BibTeX would read the title
    # "A set of paths" and the journal "Plain 0,1 Journal".
    record, problems = _one("PY  - 2002\nT2  - Plain {0,1} Journal\nAB  - Costs ~5% less, C:\\Users -- and $x$.\n")
    plain, _ = _parse("TY  - JOUR\nTI  - A {set} of \\ paths\nPY  - 2002\nER  - \n")
    assert problems == []
    assert (plain[0].title, record.venue, record.abstract) == (
        "A {set} of \\ paths", "Plain {0,1} Journal", "Costs ~5% less, C:\\Users -- and $x$."
    )


def test_a_declaration_and_tex_s_logo_are_tex_and_an_escape_beside_a_bare_special_is_not():
    # (fix34, a reviewer's cases) "{\\em Nature}" and "{\\LaTeX}" are what a .bib writes
    # (JabRef or EndNote fed one exports them so), read as the BibTeX import reads them;
    # they were kept with their braces and backslashes.
    record, problems = _one("PY  - 2002\nT2  - {\\em Nature} -- Letters\nAB  - The {\\LaTeX} Companion -- again.\n")
    assert problems == []
    assert (record.venue, record.abstract) == ("Nature – Letters", "The LaTeX Companion – again.")
    # TeX escapes every "%", "_", "&", "#" ("%" starts a comment): text with one bare
    # beside an escaped one is plain text, typed so ("10\\%" a Markdown habit), its "--" kept.
    record, problems = _one("PY  - 2002\nT2  - Costs 10\\% less -- 5% of it\nAB  - snake\\_case -- and a_b.\n")
    assert problems == []
    assert (record.venue, record.abstract) == ("Costs 10\\% less -- 5% of it", "snake\\_case -- and a_b.")
    # An escape alone is TeX still (plain text has no cause to write it), as are braces
    # keeping capitals ("{GPU}": a record typed in a manager has none); a bare macro, no
    # TeX a reading changes ("\\beta" stays as the BibTeX import keeps it), says nothing
    # of the rest: its "--" kept.
    record, problems = _one("PY  - 2002\nT2  - Costs 10\\% less -- {GPU}\nAB  - The \\beta-VAE -- again.\n")
    assert (record.venue, record.abstract) == ("Costs 10% less – GPU", "The \\beta-VAE -- again.")


def test_latex_declarations_of_a_shape_or_family_are_tex_read_as_their_words():
    # (fix35) "{\\itshape Nature}" and "{\\bfseries x}" were no TeX (kept as written);
    # "{\\sc x}" was TeX but kept so, its "--" made a dash beside "{\\sc".
    record, problems = _one(
        "PY  - 2002\nT2  - {\\itshape Nature} -- Letters\n"
        "AB  - A {\\bfseries bold} and {\\sc Small Caps} -- {\\ttfamily code} \\emph{again}.\n"
    )
    assert problems == []
    assert (record.venue, record.abstract) == ("Nature – Letters", "A bold and Small Caps – code again.")


def test_a_windows_path_with_a_tex_folder_is_no_tex_and_kept_as_written():
    # (rev124) "\\TeX" after a folder's name is the path's next folder, not TeX's logo:
    # read as TeX, "C:\\Users\\me\\TeX" lost a backslash ("C:\\Users\\meTeX") and its "--"
    # became a dash. TeX's logo stands alone ("{\\LaTeX}", "the \\TeX book") or ends an
    # engine's name ("Xe\\LaTeX").
    paths = [
        "Files in C:\\Users\\me\\TeX are kept -- here", "See C:\\Program Files\\TeX. -- x",
        "C:\\MiKTeX\\TeX -- x", "C:\\TeX\\bin -- x", "D:\\tools\\TeX\\bin -- x",
    ]
    for path in paths:
        record, problems = _one(f"PY  - 2002\nT2  - {path}\n")
        assert (record.venue, problems) == (path, [])
    record, problems = _one("PY  - 2002\nT2  - Xe\\LaTeX and the \\TeX book -- x\n")
    assert record.venue == "XeLaTeX and the TeX book – x"


# Words of plain RIS text (Zotero's, Scopus', IEEE's): dashes, "~", "%", "$", "&", "#",
# "_", "^", "}" alone and non-Latin letters, which TeX reads otherwise; never a backslash
# or an opening brace.
_PLAIN_WORDS = st.lists(
    st.sampled_from(["Kernels", "C++", "--", "---", "~5%", "$x$", "$10", "R&D", "#1", "snake_case", "x^2", "}",
                     "\u00e9t\u00e9", "\u5b66\u7fd2", "''", "``a''", "e.g.", "(O(n))", "'s", "<3"]),
    min_size=1, max_size=8,
).map(" ".join)


@given(_PLAIN_WORDS)
def test_plain_text_without_a_backslash_or_a_brace_is_never_read_as_tex(text):
    # Each of a record's text fields is what it was before text written in TeX was read
    # (latex.tex_written forced false: imports before it), whatever TeX would make of it.
    import generator.ingest.ris as ris

    written = f"TY  - JOUR\nTI  - {text}\nT2  - {text}\nPB  - {text}\nKW  - {text}\nAB  - {text}\nPY  - 2020\nER  - \n"
    now = parse_text(written, "lab.ris", Problems())
    with mock.patch.object(ris, "tex_written", lambda text: False):
        before = parse_text(written, "lab.ris", Problems())
    assert now == before
    assert ris._tex_read(text) == text


def test_an_author_named_twice_is_a_warning_at_the_second_and_the_list_stays():
    # (The second was dropped without a word; a BibTeX entry's is said at its field.)
    # Names are compared as read, whatever their case and whichever way round they are
    # written; "J. Doe" may be someone else. Said at the line that names one again.
    record, problems = _one(
        "PY  - 2020\nAU  - Doe, Jane\nAU  - Roe, Bob\nAU  - J. Doe\nAU  - Jane Doe\n"
        "AU  - ROE, BOB\nA1  - Roe, Bob\nAU  - et al.\n"
    )
    assert record.authors == ("Jane Doe", "Bob Roe", "J. Doe", "Jane Doe", "BOB ROE", "Bob Roe", "others")
    assert problems == [
        "lab.ris:7:1: warning: the author list of this record names the same author more than"
        " once ('Jane Doe' as authors 1 and 4; 'Bob Roe' as authors 2, 5 and 6); kept as"
        " written: delete the one too many, or write the author meant"
    ]
    # The second naming is an A1 line (read after every AU): said there.
    _, problems = _one("PY  - 2020\nAU  - Doe, Jane\nAU  - Roe, Bob\nA1  - Doe, Jane\n")
    assert [p.split(": warning")[0] for p in problems] == ["lab.ris:6:1"]
    _, problems = _one("PY  - 2020\nA1  - Doe, Jane\nAU  - Roe, Bob\nAU  - Doe, Jane\n")
    assert [p.split(": warning")[0] for p in problems] == ["lab.ris:6:1"]


def test_a_company_named_with_its_legal_form_after_a_comma_is_kept_whole():
    # Zotero writes an organisation's one-field name as it is: "Meta, Inc.". Read as
    # "Last, First" it was the author "Inc. Meta". Initials that look like a form
    # ("S.A.", "AG") stay a person's; a "Jr" stays the name's suffix.
    record, problems = _one(
        "PY  - 2023\nAU  - Meta, Inc.\nAU  - Acme Robotics, GmbH\nAU  - Widgets, Ltd\n"
        "AU  - Smith, S.A.\nAU  - Mueller, AG\nAU  - King, Martin, Jr.\n"
    )
    assert record.authors == (
        "Meta, Inc.", "Acme Robotics, GmbH", "Widgets, Ltd", "S.A. Smith", "AG Mueller", "Martin King, Jr.",
    )
    assert problems == []


def test_a_mark_beside_a_name_is_left_out_with_a_warning_at_the_authors():
    record, problems = _one("PY  - 2020\nAU  - Wilcox*, Albert\nAU  - Pang†, Ce\n")
    assert record.authors == ("Albert Wilcox", "Ce Pang")
    assert problems == [
        "lab.ris:4:1: warning: marks beside author names left out ('*', '†'): a mark of equal"
        " contribution, of the corresponding author or of an affiliation is no part of a name"
        " (say it in the paper's notes if it matters)",
    ]


@pytest.mark.parametrize("lines, year", [
    ("PY  - 2017///\n", "2017"),
    ("PY  - 2023/05/01\n", "2023"),
    ("Y1  - 27-30 June 2016\n", "2016"),  # IEEE Xplore's
    ("DA  - 2021/10/16/\n", "2021"),  # (only a date)
    ("PY  - 2013/11/24/print\n", "2013"),  # Nature's
    ("DA  - 2020/01/01/\nPY  - 2019\n", "2019"),  # (PY before DA)
])
def test_year_from_py_y1_or_da(lines, year):
    record, problems = _one(lines)
    assert (record.year, problems) == (year, [])


def test_a_year_with_a_letter_after_it_takes_the_year_and_says_the_letter_is_left_out():
    # (as BibTeX's "year = {2020a}": read as 2020 without a word before)
    for lines, fix in (("PY  - 2020a\n", "PY  - 2020"), ("PY  - 2020a///\n", "PY  - 2020///")):
        record, problems = _one(lines)
        assert record.year == "2020"
        assert problems == [
            "lab.ris:3:7: warning: PY '2020a' has a letter after the year, as some exporters write to"
            " tell apart two works of one author and year: read as 2020, the letter left out; write"
            f" '{fix}' to say so"
        ], lines


def test_an_approximate_year_takes_the_year_and_says_it_is_approximate():
    # (imp26: as BibTeX's "year = {circa 2019}", read as 2019 without a word before)
    for lines, mark, fix in (("PY  - circa 2019\n", "circa", "PY  - 2019"), ("PY  - ca. 2019///\n", "ca.", "PY  - 2019///"),
                              ("PY  - approximately 2019\n", "approximately", "PY  - 2019"),
                              ("PY  - ca 2019///\n", "ca", "PY  - 2019///"),
                              ("PY  - 2019?///\n", "?", "PY  - 2019///"),
                              # (Without its dot, or with a space before the mark: read as
                              # exactly 2019, without a word, before.)
                              ("PY  - approx 2019\n", "approx", "PY  - 2019"),
                              ("PY  - 2019 ?///\n", "?", "PY  - 2019///")):
        record, problems = _one(lines)
        assert record.year == "2019"
        written = lines[6:].split("/")[0].strip()
        assert problems == [
            f"lab.ris:3:7: warning: PY '{written}' says the year is approximate ('{mark}'): read as 2019;"
            f" write the year the paper was published in, as '{fix}'"
        ], lines


@pytest.mark.parametrize("lines, said", [
    ("PY  - 2020ab///\n", "PY '2020ab' has letters after the year, as some exporters write to tell apart"
     " two works of one author and year: read as 2020, the letters left out; write 'PY  - 2020///' to say so"),
    ("PY  - \uff12\uff10\uff12\uff11///\n", "PY '\uff12\uff10\uff12\uff11' is written in digits other than 0-9:"
     " read as 2021; write 'PY  - 2021///'"),
    ("PY  - 2020-21\n", "PY '2020-21' names two years, 2020 and 2021: the paper gets no year from this"
     " record; write the one it was published in, as 'PY  - 2020' or 'PY  - 2021'"),
    # (One that gives no year was said at the tag, where these are said at the value.)
    ("PY  - forthcoming\n", "PY 'forthcoming' is not understood (expected a year such as 2019); the paper gets"
     " no year from this record"),
])
def test_a_year_written_otherwise_than_as_a_year_is_said_at_its_value(lines, said):
    # (as BibTeX's: '2020ab' and '2020-21' read as 2020 without a word, '２０２１' as written)
    record, problems = _one(lines)
    assert record.year == ("" if "gets no year" in said else said.split("read as ")[1][:4])
    assert problems == [f"lab.ris:3:7: warning: {said}"]
    # (Spaces before the value: at its first character, not at the 7th of the line.)
    record, problems = _one(lines.replace("  - ", "  -   "))
    assert problems == [f"lab.ris:3:9: warning: {said}"]


def test_title_markup_and_character_references_read_as_shown():
    # Zotero keeps a title's rich text as HTML; exporters write references.
    records, problems = _parse(
        "TY  - JOUR\nTI  - <i>In vivo</i> CO<sub>2</sub> &amp; H&#8322;O at &lt;1 K\nT1  - ignored\n"
        "T2  - Science &amp; Technology\nER  - \n"
    )
    assert (records[0].title, records[0].venue) == ("In vivo CO2 & H₂O at <1 K", "Science & Technology")
    # T1 when there is no TI (older exporters), without the full stop some end it with.
    records, _ = _parse("TY  - JOUR\nT1  - Lora: Low-rank adaptation of large language models.\nER  - \n")
    assert records[0].title == "Lora: Low-rank adaptation of large language models"


@pytest.mark.parametrize("lines, doi, arxiv", [
    ("DO  - https://doi.org/10.1145/3065386\n", "10.1145/3065386", ""),
    ("DO  - doi: 10.1109/TCBB.2013.113\n", "10.1109/TCBB.2013.113", ""),
    ("UR  - https://doi.org/10.1038/nature14539\n", "10.1038/nature14539", ""),
    ("DO  - 10.48550/arXiv.2106.09685\n", "", "2106.09685"),
    ("UR  - https://arxiv.org/pdf/2106.09685v2\n", "", "2106.09685"),
    ("N1  - arXiv:2106.09685 [cs]\n", "", "2106.09685"),
    # Zotero before 6 saved a preprint as a journal article "arXiv:2106.09685 [cs]".
    ("T2  - arXiv:2106.09685 [cs]\nJO  - arXiv:2106.09685 [cs]\n", "", "2106.09685"),
])
def test_doi_and_arxiv_id_from_every_place_exporters_write_them(lines, doi, arxiv):
    record, problems = _one(lines)
    assert (record.doi, record.arxiv, problems) == (doi, arxiv, [])


def test_a_preprint_zotero_notes_with_its_classes_is_of_its_first_versions_year():
    # Zotero dates a preprint by the version it saved, and notes its id with its arXiv
    # classes beside: one ("[cs]"), or each of a paper cross-listed ("[cs, stat]").
    for classes in ("cs", "cs, stat", "cs.LG, stat.ML"):
        record, problems = _one(f"PY  - 2017\nN1  - arXiv:1609.02907 [{classes}]\n", "UNPB")
        assert (record.arxiv, record.year, problems) == ("1609.02907", "2016", []), classes


def test_a_preprint_in_the_journal_field_gives_way_to_a_published_venue():
    record, _ = _one("T2  - arXiv preprint arXiv:2106.09685\nJO  - Nature\n")
    assert (record.venue, record.venue_kind, record.arxiv) == ("Nature", "journal", "2106.09685")
    record, _ = _one("T2  - arXiv:2106.09685 [cs]\nVL  - 3\nPB  - arXiv\n")
    # (a preprint's venue as BibTeX's journal of it reads, Zotero's: none, its arXiv id
    # said; no volume nor publisher of it)
    assert (record.venue, record.venue_kind, record.volume, record.publisher, record.arxiv) == (
        "", "", "", "", "2106.09685")


@pytest.mark.parametrize("kind, lines, venue, venue_kind, publisher", [
    ("CPAPER", "T2  - ICML\n", "ICML", "conference", ""),
    ("CONF", "T3  - FAccT '21\nBT  - Proceedings of FAccT\n", "Proceedings of FAccT", "conference", ""),
    ("CONF", "SE  - Lecture Notes in Computer Science\n", "Lecture Notes in Computer Science",
     "conference", ""),  # (a series, when nothing else names where it appeared)
    ("CHAP", "BT  - Deep Learning Book\nPB  - MIT Press\n", "Deep Learning Book", "book", "MIT Press"),
    ("BOOK", "PB  - MIT Press\nT2  - Adaptive Computation\nSP  - 800\n", "", "", "MIT Press"),
    ("THES", "PB  - ETH Zürich\nM3  - Master's thesis\n", "Master's thesis, ETH Zürich", "", ""),
    ("THES", "PB  - MIT\n", "Thesis, MIT", "", ""),
    ("RPRT", "PB  - OpenAI\nIS  - 42\n", "Technical report 42, OpenAI", "", ""),
    ("ELEC", "T2  - OpenAI Blog\n", "OpenAI Blog", "", ""),
    ("GEN", "T2  - GitHub repository\n", "GitHub repository", "", ""),
    # A journal article in a series of conference proceedings (PMLR: ICML's, AISTATS'...)
    # is a conference paper, whichever tag names it; PVLDB is a journal.
    ("JOUR", "JO  - Proceedings of Machine Learning Research\n", "Proceedings of Machine Learning Research",
     "conference", ""),
    ("JOUR", "T2  - PMLR\n", "PMLR", "conference", ""),
    ("JOUR", "T2  - Proceedings of the VLDB Endowment\n", "Proceedings of the VLDB Endowment", "journal", ""),
])
def test_the_type_says_what_the_venue_is(kind, lines, venue, venue_kind, publisher):
    record, _ = _one(lines, kind=kind)
    assert (record.venue, record.venue_kind, record.publisher) == (venue, venue_kind, publisher)
    assert record.pages == ""  # (a book's SP is its number of pages, as Zotero writes it)


def test_links_by_their_host_and_the_notes_addresses():
    record, problems = _one(
        "UR  - https://github.com/microsoft/LoRA; https://example.org/lora\n"
        "L1  - https://openreview.net/pdf?id=nZeVKeeFYf9\n"
        "L2  - https://www.youtube.com/watch?v=DhRoTONcyZE\n"
        "N1  - <p>Comment: code at https://huggingface.co/datasets/squad</p>\n"
    )
    assert [(l.kind, l.url) for l in record.links] == [
        ("code", "https://github.com/microsoft/LoRA"),
        ("project", "https://example.org/lora"),
        ("pdf", "https://openreview.net/pdf?id=nZeVKeeFYf9"),
        ("video", "https://www.youtube.com/watch?v=DhRoTONcyZE"),
        ("data", "https://huggingface.co/datasets/squad"),
    ]
    assert {l.found_in for l in record.links} == {"ris"}  # (a record's own fields)
    assert problems == [left_out("lab.ris:6:1", "Comment: code at https://huggingface.co/datasets/squad")]


@pytest.mark.parametrize("lines, links", [
    # L3 (RIS's related link, EndNote's "Related Records") was dropped without a word: read
    # as L1 and L2 are, of the kind its host says.
    ("L3  - https://github.com/lab/a\n", [("code", "https://github.com/lab/a")]),
    ("L3  - https://lab.example.org/a/\n", [("project", "https://lab.example.org/a/")]),
    ("L3  - https://www.youtube.com/watch?v=a\nL3  - https://lab.example.org/a.pdf\n",
     [("video", "https://www.youtube.com/watch?v=a"), ("pdf", "https://lab.example.org/a.pdf")]),
    # (the same page in UR: once)
    ("UR  - https://lab.example.org/a/\nL3  - https://lab.example.org/a/\n", [("project", "https://lab.example.org/a/")]),
])
def test_a_related_link_l3_is_a_link_as_l1_and_l2_are(lines, links):
    record, problems = _one(lines)
    assert [(l.kind, l.url) for l in record.links] == links
    assert problems == []


def test_a_related_link_l3_gives_the_arxiv_id_and_is_told_when_no_reader_can_open_it():
    record, _ = _one("L3  - https://arxiv.org/abs/1706.03762\n")
    assert (record.arxiv, record.links) == ("1706.03762", ())  # (the arXiv badge's page)
    _, problems = _one("L3  - Smith 2019, a related record\n")
    assert problems == [
        "lab.ris:3:7: warning: L3 'Smith 2019, a related record' is no http(s) address a page can link to; left out"
    ]


# A paragraph longer than a line of a wrapped file: a line of it is a line of the text.
LONG = (
    "We study the paragraphs of abstracts exported by reference managers, which keep the"
    " line breaks of the text they were given."
)


def test_an_abstracts_paragraphs_stay_apart_as_a_bibtex_import_keeps_them():
    # (curator: a Zotero export's abstract of three paragraphs was one line on the page)
    # Zotero writes the text's own line breaks: each line is a paragraph.
    record, problems = _one(f"AB  - {LONG}\nA second paragraph.\nA third one.\nPY  - 2020\n")
    assert record.abstract == f"{LONG}\n\nA second paragraph.\n\nA third one."
    assert problems == []
    # EndNote's blank line between two paragraphs; the spaces around lines go.
    record, _ = _one("N2  - First  paragraph.\n\n   Second paragraph.\n\n\n")
    assert record.abstract == "First paragraph.\n\nSecond paragraph."
    # A value wrapped to width goes on over its lines; a line the next word would have
    # fitted on ends its paragraph.
    record, _ = _one(
        "AB  - The dominant sequence transduction models are based on complex recurrent or\n"
        "convolutional neural networks in an encoder-decoder configuration. The best\n"
        "models also connect the encoder and decoder.\n"
        "We propose a new simple network architecture, the Transformer.\n"
    )
    assert record.abstract == (
        "The dominant sequence transduction models are based on complex recurrent or"
        " convolutional neural networks in an encoder-decoder configuration. The best"
        " models also connect the encoder and decoder.\n\n"
        "We propose a new simple network architecture, the Transformer."
    )


def test_a_second_abstract_line_is_a_paragraph_of_its_own_not_lost():
    # rispy kept the first AB only, and joined the lines of the second to it.
    wrapped = LONG.replace("managers, ", "managers,\n")  # (its first line 74 characters)
    record, problems = _one(f"AB  - First paragraph.\nAB  - {wrapped}\nAB  - First paragraph.\n")
    assert record.abstract == f"First paragraph.\n\n{LONG}"
    assert problems == []


# An abstract of two paragraphs, as a text wrapped to a width is (the first at a full stop).
ATTENTION = (
    "The dominant sequence transduction models are based on complex recurrent or"
    " convolutional neural networks that include an encoder and a decoder. The best"
    " performing models also connect the encoder and decoder through an attention"
    " mechanism.",
    "We propose a new simple network architecture, the Transformer, based solely on"
    " attention mechanisms, dispensing with recurrence and convolutions entirely."
    " Experiments on two machine translation tasks show these models to be superior in"
    " quality while being more parallelizable and requiring significantly less time to"
    " train, at https://github.com/tensorflow/tensor2tensor/tree/master/tensor2tensor/models/research/transformer_vae.py"
    " and elsewhere.",
)


@pytest.mark.parametrize("width", [60, 70, 72, 76, 80])
@pytest.mark.parametrize("tagged", [True, False], ids=["tag-in-width", "value-in-width"])
def test_a_wrapped_abstract_is_joined_at_every_wrap_whatever_its_width(width, tagged):
    # (review: wrapped to 70 columns, as textwrap and fmt wrap, a line ran short of 65
    # characters wherever the next word was long, and the abstract broke mid-sentence
    # into four paragraphs; wrapped to 80 columns without counting the tag, the first
    # line was over 85, and each line was a paragraph. A line holding only a long
    # address is longer than the width: no sign of an unwrapped text.)
    paragraphs = [
        textwrap.wrap(("AB  - " if tagged and n == 0 else "") + text, width, break_long_words=False, break_on_hyphens=False)
        for n, text in enumerate(ATTENTION)
    ]
    if not tagged:
        paragraphs[0][0] = "AB  - " + paragraphs[0][0]
    # (trailing spaces, as some exporters leave after the last word of a line)
    value = "\n".join(line + "  " for lines in paragraphs for line in lines)
    record, problems = _one(value + "\n")
    assert record.abstract == "\n\n".join(ATTENTION)
    assert problems == []


def test_an_abstract_of_chinese_paragraphs_keeps_them():
    # A line of Chinese is one word of many characters: it is no address that a wrap
    # could not break, and a text with lines this long is not wrapped.
    first = "本文提出了一种新的网络结构，完全基于注意力机制，摒弃了循环和卷积。" * 3
    second = "实验表明该模型在翻译质量上更优，同时更易于并行化，训练时间显著减少。" * 3
    record, problems = _one(f"AB  - {first}\n{second}\n")
    assert record.abstract == f"{first}\n\n{second}"
    assert problems == []

def test_a_second_title_or_year_in_a_record_is_warned_of_at_its_line():
    # (curator: a record of two TI lines lost the second without a word, and the
    # line the second went on over was joined to the first title)
    records, problems = _parse(
        "TY  - JOUR\nTI  - The Title Meant\nPY  - 2017///\nTI  - Another Title,\n   over two lines\n"
        "PY  - 2018\nER  - \n"
        # The same again is no loss: nothing to say. An empty first gives way to the second.
        "TY  - JOUR\nTI  - Said Twice\nTI  - Said  Twice\nPY  - 2017///\nPY  - 2017\nER  - \n"
        "TY  - JOUR\nTI  - \nTI  - Given Second\nY1  - 2020\nY1  - 2021\nER  - \n"
    )
    assert [(r.title, r.year) for r in records] == [
        ("The Title Meant", "2017"), ("Said Twice", "2017"), ("Given Second", "2020"),
    ]
    assert problems == [
        "lab.ris:4:1: warning: a second TI in this record, 'Another Title, over two lines', is"
        " left out: the title is the first's, 'The Title Meant' (line 2); correct the paper's"
        " title after the import if this one is meant",
        "lab.ris:6:1: warning: a second PY in this record, '2018', is left out: the year is the"
        " first's, '2017///' (line 3); correct the paper's year after the import if this one"
        " is meant",
        "lab.ris:18:1: warning: a second Y1 in this record, '2021', is left out: the year is the"
        " first's, '2020' (line 17); correct the paper's year after the import if this one is"
        " meant",
    ]


def test_a_second_title_that_is_the_first_as_titles_are_compared_is_no_other_title():
    # (review: a second TI in capitals, or with a full stop, was warned of as another
    # title; import and check take the two for one title)
    records, problems = _parse("TY  - JOUR\nTI  - Said Twice\nTI  - SAID TWICE.\nER  - \n")
    assert [r.title for r in records] == ["Said Twice"]
    assert problems == []


def test_a_second_value_of_any_field_read_is_warned_of_and_its_lines_never_joined():
    # (curator: a second DO, VL, IS, SP, EP, T2 or DA was dropped without a word, and the
    # lines it went on over were joined to the first: the venue read "Nature Advances",
    # the DOI "10.1038/nature14539 extra")
    records, problems = _parse(
        "TY  - JOUR\nTI  - A Paper\nT2  - Nature\nT2  - Science\n  Advances\nDA  - 2015/05//\n"
        "DA  - 2016/01//\nDO  - 10.1038/nature14539\nDO  - 10.1126/sciadv.1\n  extra\nVL  - 521\n"
        "VL  - 7\nIS  - 7553\nIS  - 3\nSP  - 436\nSP  - 1\nEP  - 444\nEP  - 9\nPB  - Nature\n"
        "PB  - AAAS\nER  - \n"
    )
    assert [
        (r.venue, r.year, r.doi, r.volume, r.number, r.pages, r.publisher) for r in records
    ] == [("Nature", "2015", "10.1038/nature14539", "521", "7553", "436–444", "Nature")]
    assert problems == [
        "lab.ris:4:1: warning: a second T2 in this record, 'Science Advances', is left out: the"
        " venue is the first's, 'Nature' (line 3); correct the paper's venue after the import"
        " if this one is meant",
        "lab.ris:7:1: warning: a second DA in this record, '2016/01//', is left out: the year"
        " is the first's, '2015/05//' (line 6); correct the paper's year after the import if"
        " this one is meant",
        "lab.ris:9:1: warning: a second DO in this record, '10.1126/sciadv.1 extra', is left"
        " out: the DOI is the first's, '10.1038/nature14539' (line 8); correct the paper's DOI"
        " after the import if this one is meant",
        "lab.ris:12:1: warning: a second VL in this record, '7', is left out: the volume is the"
        " first's, '521' (line 11); correct the paper's volume after the import if this one is"
        " meant",
        "lab.ris:14:1: warning: a second IS in this record, '3', is left out: the issue is the"
        " first's, '7553' (line 13); correct the paper's number after the import if this one"
        " is meant",
        "lab.ris:16:1: warning: a second SP in this record, '1', is left out: the start page is"
        " the first's, '436' (line 15); correct the paper's pages after the import if this one"
        " is meant",
        "lab.ris:18:1: warning: a second EP in this record, '9', is left out: the end page is"
        " the first's, '444' (line 17); correct the paper's pages after the import if this one"
        " is meant",
        "lab.ris:20:1: warning: a second PB in this record, 'AAAS', is left out: the publisher"
        " is the first's, 'Nature' (line 19); correct the paper's publisher after the import"
        " if this one is meant",
    ]


def test_a_second_value_that_says_the_same_or_of_a_field_not_read_is_no_warning():
    records, problems = _parse(
        # The same again: a DOI in another case or as its address, a venue in capitals, a
        # date of the same year (only its year is read). An empty first gives way.
        "TY  - JOUR\nTI  - A Paper\nT2  - Nature\nT2  - NATURE.\nDA  - 2015/05//\nDA  - 2015/06//\n"
        "DO  - 10.1038/nature14539\nDO  - https://doi.org/10.1038/NATURE14539\nVL  - \nVL  - 521\n"
        "ER  - \n"
        # A tag not read: DA beside PY, J2 beside T2 (the warning would say a false thing:
        # the year, the venue are not theirs); T1 beside TI saying the same title.
        "TY  - JOUR\nTI  - Another Paper\nT1  - Another paper\nT1  - ANOTHER PAPER.\nPY  - 2017\n"
        "DA  - 2015/05//\nDA  - 2016/01//\nT2  - Science\nJ2  - Sci\nJ2  - Sci.\n  Adv.\nER  - \n"
        # A book's BT is its title.
        "TY  - BOOK\nBT  - The Book\nBT  - Another\n  Book\nER  - \n"
    )
    assert [(r.title, r.venue, r.year, r.doi, r.volume) for r in records] == [
        ("A Paper", "Nature", "2015", "10.1038/nature14539", "521"),
        ("Another Paper", "Science", "2017", "", ""),
        ("The Book", "", "", "", ""),
    ]
    assert problems == [
        "lab.ris:26:1: warning: a second BT in this record, 'Another Book', is left out: the"
        " title is the first's, 'The Book' (line 25); correct the paper's title after the"
        " import if this one is meant",
    ]


def test_a_t1_beside_ti_or_a_y1_beside_py_that_says_otherwise_is_warned_of():
    # (RIS gives TI and T1 one field, the title, and PY and Y1 one, the year, as Zotero
    # reads them: a record with both, saying two things, lost one without a word.)
    records, problems = _parse(
        "TY  - JOUR\nTI  - The Title Meant\nT1  - Another Title,\n   over two lines\nPY  - 2017\n"
        "Y1  - 2018///\nER  - \n"
        # The same again, or an empty TI that gives way to T1: nothing to say. DA may be
        # another date (EndNote's conference's): not a second year.
        "TY  - JOUR\nT1  - Given in T1\nTI  - \nY1  - 2020/05/01/\nPY  - 2020\nER  - \n"
        "TY  - JOUR\nTI  - Said Once\nT1  - SAID ONCE.\nPY  - 2019\nY1  - 2019///\n"
        "DA  - 2018/12/05\nER  - \n"
    )
    assert [(r.title, r.year) for r in records] == [
        ("The Title Meant", "2017"), ("Given in T1", "2020"), ("Said Once", "2019"),
    ]
    assert problems == [
        "lab.ris:3:1: warning: T1 in this record, 'Another Title, over two lines', is left out:"
        " TI and T1 both give the title, and it is TI's, 'The Title Meant' (line 2); correct the"
        " paper's title after the import if this one is meant",
        "lab.ris:6:1: warning: Y1 in this record, '2018///', is left out: PY and Y1 both give"
        " the year, and it is PY's, '2017' (line 5); correct the paper's year after the import"
        " if this one is meant",
    ]


def test_an_n2_beside_an_ab_that_says_otherwise_is_warned_of():
    # (RIS gives AB and N2 one field, the abstract: Zotero writes AB, EndNote AB or N2,
    # some exporters both with the same text. AB is read; an N2 saying something else
    # was left out without a word.)
    records, problems = _parse(
        "TY  - JOUR\nTI  - A Paper\nAB  - We study the thing and find it works.\n"
        "N2  - An abstract of\n   another paper altogether.\nER  - \n"
        # The same text, wrapped otherwise, with other spaces, over two N2 lines or with
        # a word hyphenated at a wrap: nothing to say.
        "TY  - JOUR\nTI  - Said Once\nAB  - We study the thing and find that a learned representation works.\n"
        "N2  - We study the  thing and find that a learned repre-\n   sentation works.\nER  - \n"
        # An empty AB gives way to N2; N2 alone is read.
        "TY  - JOUR\nTI  - Given in N2\nAB  - \nN2  - Only here.\nER  - \n"
    )
    assert [(r.title, r.abstract) for r in records] == [
        ("A Paper", "We study the thing and find it works."),
        ("Said Once", "We study the thing and find that a learned representation works."),
        ("Given in N2", "Only here."),
    ]
    assert problems == [
        "lab.ris:4:1: warning: N2 in this record, 'An abstract of another paper altogether.',"
        " is left out: AB and N2 both give the abstract, and it is AB's, 'We study the thing"
        " and find it works.' (line 3); correct the paper's abstract after the import if this"
        " one is meant",
    ]


def test_a_long_n2_beside_an_ab_is_shown_around_where_they_differ():
    # Two abstracts of a paragraph each, that differ in one number: the warning shows
    # where, as a conflict does, not twice the same opening words.
    opening = "We train a network on many images and report its accuracy on the test set: "
    records, problems = _parse(
        f"TY  - JOUR\nTI  - A Paper\nAB  - {opening}it is 81.2% on ImageNet.\n"
        f"N2  - {opening}it is 79.0% on ImageNet.\nER  - \n"
    )
    assert records[0].abstract == f"{opening}it is 81.2% on ImageNet."
    assert len(problems) == 1
    assert problems[0].startswith("lab.ris:4:1: warning: N2 in this record, '")
    assert "it is «79.0»% on" in problems[0] and "it is «81.2»% on" in problems[0]
    assert opening not in problems[0]


def test_the_venue_read_past_a_preprint_server_warns_of_its_own_second_value():
    # The venue is the first tag naming no preprint server (T2's arXiv passed over for
    # JO); JO's second value is the one told of, T2's not.
    records, problems = _parse(
        "TY  - JOUR\nTI  - A Paper\nT2  - arXiv\nT2  - ArXiv preprint\nJO  - Nature\nJO  - Cell\n"
        "ER  - \n"
    )
    assert [r.venue for r in records] == ["Nature"]
    assert problems == [
        "lab.ris:6:1: warning: a second JO in this record, 'Cell', is left out: the venue is"
        " the first's, 'Nature' (line 5); correct the paper's venue after the import if this"
        " one is meant",
    ]


def test_a_second_report_number_is_said_to_be_of_the_venue():
    records, problems = _parse("TY  - RPRT\nTI  - A Report\nIS  - 42\nIS  - 43\nPB  - OpenAI\nER  - \n")
    assert [r.venue for r in records] == ["Technical report 42, OpenAI"]
    assert problems == [
        "lab.ris:4:1: warning: a second IS in this record, '43', is left out: the report number"
        " is the first's, '42' (line 3); correct the paper's venue after the import if this one"
        " is meant",
    ]

def test_keywords_each_once_and_a_line_of_several_split():
    record, _ = _one("KW  - attention\nKW  - a; b\nKW  - attention\n")
    assert record.tags == ("attention", "a", "b")
    # (One line of many, as IEEE Computer Society's export writes them.)
    record, _ = _one("KW  - Proteins,Linear programming,protein design\n")
    assert record.tags == ("Proteins", "Linear programming", "protein design")
    # (A keyword with a comma in it, one a line: MeSH's.)
    record, _ = _one("KW  - Polymorphism, Single Nucleotide\nKW  - Humans\n")
    assert record.tags == ("Polymorphism, Single Nucleotide", "Humans")


def test_one_space_before_the_dash_is_read_as_zotero_reads_it():
    records, problems = _parse("TY - JOUR\nTI - A Paper\nPY - 2020\nER - \n")
    assert [(r.title, r.year) for r in records] == [("A Paper", "2020")]
    assert problems == []


# (A tag's line and the value a warning is told at, whatever the spaces around its dash.)
_TOLD_AT_VALUE = (("PY", "2020a"), ("DO", "10.1000"), ("UR", "ftp://mirror.example.org/p.pdf"),
                  ("L2", "http://localhost:8080/paper"))


@given(st.lists(st.tuples(st.integers(1, 2), st.integers(1, 3)), min_size=4, max_size=4))
def test_a_value_is_told_at_its_column_as_written_with_one_or_two_spaces_before_the_dash(spacing):
    # Some exporters write "PY - 2020a", one space before the dash: the file is read as
    # if it had two, and the column told was one to the right of the value.
    lines = [f"{tag}{' ' * before}-{' ' * after}{value}" for (tag, value), (before, after) in zip(_TOLD_AT_VALUE, spacing)]
    text = "\n".join(["TY - JOUR", "TI  - A Paper", *lines, "ER  - ", ""])
    _, problems = _parse(text)
    assert len(problems) == len(lines), problems
    written = text.split("\n")
    for problem, (tag, value) in zip(problems, _TOLD_AT_VALUE):
        line, column = (int(n) for n in problem.split(":")[1:3])
        assert written[line - 1].startswith(tag), problem
        assert written[line - 1][column - 1:] == value, problem


def test_one_space_before_the_dash_is_told_at_the_values_first_character():
    _, problems = _parse("TY - JOUR\nTI - A Paper\nPY - 2020a\nDO -  10.1000\nER - \n")
    # (counted by hand: "PY - " is 5 characters, "DO -  " 6)
    assert [p.split(": warning")[0] for p in problems] == ["lab.ris:3:6", "lab.ris:4:7"]


def test_a_line_import_says_to_write_is_spaced_as_its_file_spaces_its_lines():
    # (imp26: "PY - 2020a", one space before the dash as some exporters write it, was told
    # "write 'PY  - 2020'", RIS's own two spaces, a line unlike the file's others; so were
    # 'ER  - ' and 'TY  - JOUR' of a file whose lines have one.) The line to write is spaced
    # as the line it replaces, or the record's own TY line; a file of two spaces is told two.
    for dash in (" -", "  -"):
        _, problems = _parse(f"TY{dash} JOUR\nTI{dash} A Paper\nPY{dash} 2020a\nER{dash} \n")
        assert problems == [
            f"lab.ris:3:{4 + len(dash)}: warning: PY '2020a' has a letter after the year, as some exporters write to"
            " tell apart two works of one author and year: read as 2020, the letter left out; write"
            f" 'PY{dash} 2020' to say so"
        ], dash
        _, problems = _parse(f"TY{dash} JOUR\nTI{dash} A Paper\nPY{dash} 2020-21\nER{dash} \n")
        assert problems[0].endswith(f"as 'PY{dash} 2020' or 'PY{dash} 2021'"), dash
        _, problems = _parse(f"TY{dash} JOUR\nTI{dash} A Paper\n")
        assert problems[0].endswith(f"end it with a line 'ER{dash} '"), dash
        _, problems = _parse(f"TI{dash} No Type\nER{dash} \n\nTY{dash} JOUR\nTI{dash} Typed\nER{dash} \n")
        assert problems[0].endswith(f"start it with a line such as 'TY{dash} JOUR'"), dash


# --- Problems ----------------------------------------------------------------------------


def test_every_problem_is_said_at_its_line_at_once():
    text = (
        "TY  - JOUR\n"                                  # 1: no title: skipped
        "AU  - Doe, Jane\n"
        "ER  - \n"
        "TY  - JOUR\n"                                  # 4
        "TI  - Fine Apart From Its Values\n"
        "PY  - 2019/2020\n"                             # 6: two years
        "DO  - 10.1000\n"                               # 7: no DOI
        "UR  - ftp://mirror.example.org/paper.pdf\n"    # 8: no http(s)
        "L2  - http://localhost:8080/paper\n"           # 9: no reader can open it
        "ER  - \n"
        "TY  - CONF\n"                                  # 11: runs into the next record
        "TI  - Cut Short\n"
        "TY  - JOUR\n"                                  # 13: the file ends inside it
        "TI  - Cut Short Too\n"
    )
    records, problems = _parse(text)
    assert [(r.title, r.year, r.doi, r.links) for r in records] == [
        ("Fine Apart From Its Values", "", "", ())
    ]
    assert problems == [
        "lab.ris:1:1: warning: RIS record (JOUR) has no title (TI or T1); skipped, nothing imported"
        " from it: give it one (a line 'TI  - ...') to import it, or delete the record",
        "lab.ris:6:7: warning: PY '2019/2020' names two years, 2019 and 2020: the paper gets no year"
        " from this record; write the one it was published in, as 'PY  - 2019' or 'PY  - 2020'",
        "lab.ris:7:7: warning: DO '10.1000' is no DOI (10.NNNN/...); left out",
        "lab.ris:8:7: warning: UR 'ftp://mirror.example.org/paper.pdf' is no http(s) address a"
        " page can link to; left out",
        "lab.ris:9:7: warning: L2 'http://localhost:8080/paper': its host, localhost, names the"
        " reader's own computer, so no reader of the site can open it; left out",
        "lab.ris:11:1: this RIS record has no end ('ER  - ') before the next record at line 13,"
        " so it may be cut short; end it with a line 'ER  - '",
        "lab.ris:13:1: this RIS record has no end ('ER  - ') before the file's end, so it may be"
        " cut short; end it with a line 'ER  - '",
    ]


def test_a_ris_file_without_records_is_an_error():
    for text in ("", "Provider: nobody\n\n"):
        assert _parse(text, "empty.ris") == ([], [
            "empty.ris:1:1: no RIS records ('TY  - JOUR' ... 'ER  - ') found"
        ])


JSTOR = """\
Provider: JSTOR http://www.jstor.org
Database: JSTOR
Content: text/plain; charset="UTF-8"

TY  - JOUR
TI  - Computing Machinery and Intelligence
AU  - Turing, A. M.
JO  - Mind
VL  - 59
IS  - 236
SP  - 433
EP  - 460
PY  - 1950
PB  - Oxford University Press
UR  - http://www.jstor.org/stable/2251299
ER  - 
"""


def test_ris_is_detected_by_its_content_its_suffix_or_given():
    ris = "TY  - JOUR\nTI  - A Paper\nAB  - As @article{x, is cited\nER  - \n"
    assert detect_format(ris) == "ris"
    assert detect_format("@article{x,\n  abstract = {\nTY  - JOUR\n}}\n") == "bibtex"
    # JSTOR's and Wiley's header before the first record.
    assert detect_format(JSTOR) == "ris"
    (record,), problems = _parse(JSTOR, "jstor.txt")
    assert (record.title, record.authors, record.venue, record.pages, record.source.line) == (
        "Computing Machinery and Intelligence", ("A. M. Turing",), "Mind", "433–460", 5)
    # A list of papers that shows how to cite it in RIS is a list of papers.
    awesome = (
        "# Awesome Agents\n\n- [Tree of Thoughts](https://arxiv.org/abs/2305.10601) - NeurIPS 2023\n\n"
        "## Citation\n\n```\nTY  - JOUR\nTI  - Awesome Agents\nER  - \n```\n"
    )
    assert detect_format(awesome) == "markdown"
    # A .txt said to be RIS, and a .ris whatever it holds.
    assert [r.title for r in parse_text(ris, "export.txt", Problems(), fmt="ris")] == ["A Paper"]
    assert _parse("\n", "lab.ris")[1] == ["lab.ris:1:1: no RIS records ('TY  - JOUR' ... 'ER  - ') found"]


def _looks_like_ris_searching_all(text):
    """looks_like_ris as it was before it searched only the first lines: the whole text."""
    match = re.compile(r"^TY {1,2}-(?: |$)", re.MULTILINE).search(text)
    if not match:
        return False
    before = [line.strip() for line in text[: match.start()].split("\n") if line.strip()]
    return len(before) <= 5 and all(re.fullmatch(r"[A-Za-z][A-Za-z ]{0,30}:\s.*", line) for line in before)


def _detect_format_finding_every_entry(text):
    """detect_format as it was before it found every BibTeX entry only for a Markdown list,
    and with looks_like_ris as it was."""
    from generator.ingest import _BIBTEX_ENTRY, _lines
    from generator.ingest.hflisting import looks_like_listing
    from generator.ingest.formats import looks_like_markdown_list
    from generator.ingest.markdownlist import in_code_blocks

    if re.match(r"\s*(?:<\?xml[^>]*\?>\s*)?<feed\b[^>]*\bxmlns=[\"']http://www\.w3\.org/2005/Atom", text):
        return "arxiv"
    if _looks_like_ris_searching_all(text):
        return "ris"
    starts = [m.start() for m in _BIBTEX_ENTRY.finditer(text)]
    if starts and not (looks_like_markdown_list(text) and in_code_blocks(text, _lines(text, starts))):
        return "bibtex"
    if looks_like_listing(text):
        return "hf"
    if looks_like_markdown_list(text):
        return "markdown"
    return None


# Lines of RIS, of its exporters' headers, of BibTeX and of Markdown lists, blank lines
# (in every kind of white space str.strip takes off), and text.
_FORMAT_LINES = st.lists(
    st.one_of(
        st.sampled_from([
            "TY  - JOUR", "TY - BOOK", "TY  -", "TY  -x", " TY  - JOUR", "ER  - ", "TI  - A", "Provider: JSTOR",
            "Database: x", "Content: text/plain; charset=\"UTF-8\"", "@article{k,", "  @misc(k,", "title = {A}}",
            "- [A](https://arxiv.org/abs/1)", "| [A](https://x.org) |", "```", "    @book{b,", "", " ", "\t",
            "\x0c", "\x1c", "\u2028", "\u3000", "text", "a: b",
        ]),
        st.sampled_from(["Provider: JSTOR", "Database: x", "a: b", "TY  - JOUR", "TY  -", ""]),
        st.text(alphabet="TY -\t\x0b\u3000@{:ab\n", max_size=12),
    ),
    max_size=14,
).map("\n".join)


@given(_FORMAT_LINES)
def test_looking_for_a_ris_record_in_the_first_lines_answers_as_searching_the_whole_text(text):
    assert looks_like_ris(text) == _looks_like_ris_searching_all(text)
    assert detect_format(text) == _detect_format_finding_every_entry(text)


def test_a_ris_record_after_a_header_of_five_lines_is_ris_and_after_six_is_not():
    header = "\n\n".join(f"Line {letter}: x" for letter in "ABCDE") + "\n \n\x0c\n"
    assert looks_like_ris(header + "TY  - JOUR\nER  - \n")
    assert not looks_like_ris("Line F: x\n" + header + "TY  - JOUR\nER  - \n")
    assert looks_like_ris(header + "TY  -")  # (the text's end is a line's end)


# --- The import --------------------------------------------------------------------------


def _papers(content: Path) -> dict[str, dict]:
    found = {}
    for path in sorted((content / "papers").glob("*.yml")):
        problems = Problems()
        found[path.stem] = to_python(parse(path.read_text(encoding="utf-8"), str(path), problems))
        assert not problems.items
    return found


def test_a_file_not_saved_as_utf8_is_said_as_for_bibtex(tmp_path):
    # EndNote on Windows may write Latin-1 (or UTF-16).
    ris = tmp_path / "endnote.ris"
    ris.write_bytes("TY  - JOUR\nTI  - Über Lernen\nER  - \n".encode("latin-1"))
    with pytest.raises(CuratorError) as caught:
        import_paths([ris], tmp_path / "content")
    assert [str(p) for p in caught.value.problems] == [
        f"{ris}:2:7: the file is not UTF-8 (invalid byte 0xdc); it reads as Windows-1252 or"
        " Latin-1: save it as UTF-8"
    ]
    ris.write_bytes("TY  - JOUR\nTI  - Über Lernen\nER  - \n".encode("utf-16"))
    with pytest.raises(CuratorError) as caught:
        import_paths([ris], tmp_path / "content")
    assert [str(p) for p in caught.value.problems] == [
        f"{ris}:1:1: the file is UTF-16 (its first bytes say so); save it as UTF-8"
    ]
    assert not (tmp_path / "content" / "papers").exists()


def test_importing_the_same_ris_again_changes_nothing(tmp_path):
    ris = tmp_path / "zotero.ris"
    ris.write_text(ZOTERO + ACM)
    content = tmp_path / "content"
    first = import_paths([ris], content)
    assert sorted(first.added) == [
        "attention-is-all-you-need",
        "bert-pre-training-of-deep-bidirectional-transformers-for-language-understanding",
        "deep-learning", "imagenet-classification-with-deep-convolutional-neural-networks",
        "on-the-dangers-of-stochastic-parrots-can-language-models-be-too-big",
    ]
    written = {p.name: p.read_bytes() for p in (content / "papers").iterdir()}
    again = import_paths([ris], content)
    assert (again.added, again.updated, len(again.unchanged), again.conflicts) == ([], [], 5, [])
    assert {p.name: p.read_bytes() for p in (content / "papers").iterdir()} == written


# Zotero's BibTeX export of the same three papers as ZOTERO.
ZOTERO_BIB = r"""
@article{lecun_deep_2015,
	title = {Deep learning},
	volume = {521},
	issn = {1476-4687},
	url = {https://www.nature.com/articles/nature14539},
	doi = {10.1038/nature14539},
	language = {en},
	number = {7553},
	urldate = {2024-03-01},
	journal = {Nature},
	author = {LeCun, Yann and Bengio, Yoshua and Hinton, Geoffrey},
	month = may,
	year = {2015},
	keywords = {Computer science, Mathematics and computing},
	pages = {436--444},
}

@inproceedings{vaswani_attention_2017,
	title = {Attention is {All} you {Need}},
	volume = {30},
	url = {https://proceedings.neurips.cc/paper/2017/hash/3f5ee243547dee91fbd053c1c4a845aa-Abstract.html},
	urldate = {2024-03-01},
	booktitle = {Advances in {Neural} {Information} {Processing} {Systems}},
	publisher = {Curran Associates, Inc.},
	author = {Vaswani, Ashish and Shazeer, Noam and Parmar, Niki},
	editor = {Guyon, I. and Luxburg, U. Von},
	year = {2017},
}

@misc{devlin_bert_2019,
	title = {{BERT}: {Pre}-training of {Deep} {Bidirectional} {Transformers} for {Language} {Understanding}},
	shorttitle = {{BERT}},
	url = {http://arxiv.org/abs/1810.04805},
	doi = {10.48550/arXiv.1810.04805},
	abstract = {We introduce a new language representation model called BERT, which stands for Bidirectional Encoder Representations from Transformers.},
	urldate = {2024-03-01},
	publisher = {arXiv},
	author = {Devlin, Jacob and Chang, Ming-Wei and Lee, Kenton and Toutanova, Kristina},
	month = may,
	year = {2019},
	note = {arXiv:1810.04805 [cs]},
	keywords = {Computer Science - Computation and Language},
}
"""


def test_an_ris_and_a_bibtex_export_of_the_same_papers_are_one_paper_each(tmp_path):
    ris, bib = tmp_path / "zotero.ris", tmp_path / "zotero.bib"
    ris.write_text(ZOTERO)
    bib.write_text(ZOTERO_BIB)
    content = tmp_path / "content"
    import_paths([ris], content)
    from_ris = _papers(content)
    report = import_paths([bib], content)
    assert (report.added, report.duplicates, report.conflicts) == ([], [], [])
    assert _papers(content) == from_ris
    # Either way round.
    other = tmp_path / "other"
    import_paths([bib, ris], other)
    assert sorted(_papers(other)) == sorted(from_ris)


def test_the_command_imports_an_ris_file_end_to_end(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: Lab\n")
    (tmp_path / "lab.ris").write_text(ZOTERO.replace("\n", "\r\n"))
    root = Path(__file__).resolve().parents[2]
    run = [sys.executable, "-m", "generator", "import", "lab.ris"]
    env = {"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin", "SOURCE_DATE_EPOCH": "1767312000"}
    done = subprocess.run(run, cwd=tmp_path, capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout == (
        "kept a copy of lab.ris as content/sources/lab.ris\n"
        "added deep-learning\n"
        "added attention-is-all-you-need\n"
        "added bert-pre-training-of-deep-bidirectional-transformers-for-language-understanding\n"
        "3 record(s): 3 added, 0 updated, 0 unchanged; of which 0 duplicate(s) merged; 0 conflict(s),"
        " 3 link(s) found\n"
    )
    assert done.stderr.count("warning:") == 2  # (the arXiv classes, the PDF's local path)
    papers = _papers(tmp_path / "content")
    bert = papers["bert-pre-training-of-deep-bidirectional-transformers-for-language-understanding"]
    assert {k: bert[k] for k in ("title", "authors", "year", "arxiv")} == {
        "title": "BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding",
        "authors": ["Jacob Devlin", "Ming-Wei Chang", "Kenton Lee", "Kristina Toutanova"],
        "year": "2018", "arxiv": "1810.04805",  # (values are read as typed)
    }
    attention = papers["attention-is-all-you-need"]
    assert (attention["venue"], attention["venue_kind"], attention["added"]) == (
        "Advances in Neural Information Processing Systems", "conference", "2026-01-02")
    assert [l["url"] for l in attention["links"]["pdf"]] == [
        "https://proceedings.neurips.cc/paper_files/paper/2017/file/3f5ee243547dee91fbd053c1c4a845aa-Paper.pdf"
    ]
    # Again: nothing changes, and the kept copy is not kept twice.
    again = subprocess.run(run, cwd=tmp_path, capture_output=True, text=True, env=env)
    assert again.stdout == (
        "3 record(s): 0 added, 0 updated, 3 unchanged; of which 0 duplicate(s) merged; 0 conflict(s),"
        " 3 link(s) found\n"
    )
    assert _papers(tmp_path / "content") == papers
    # --format ris reads a file of any name; an error stops it with status 1.
    (tmp_path / "cut.txt").write_text("TY  - JOUR\nTI  - Cut Short\n")
    cut = subprocess.run([*run[:-1], "--format", "ris", "cut.txt"], cwd=tmp_path,
                         capture_output=True, text=True, env=env)
    assert (cut.returncode, cut.stderr) == (1, (
        "cut.txt:1:1: this RIS record has no end ('ER  - ') before the file's end, so it may be"
        " cut short; end it with a line 'ER  - '\n1 error; nothing was imported.\n"
    ))


def test_a_problem_of_one_of_several_lines_of_a_tag_is_said_at_its_line():
    records, problems = _parse(
        "TY  - JOUR\nTI  - T\nAU  - Doe, Jane\nAU  - Roe*, Rich\n"
        "UR  - https://example.org/a\nUR  - ftp://example.org/b\nER  - \n"
    )
    assert problems == [
        "lab.ris:4:1: warning: marks beside author names left out ('*'): a mark of equal"
        " contribution, of the corresponding author or of an affiliation is no part of a name"
        " (say it in the paper's notes if it matters)",
        "lab.ris:6:7: warning: UR 'ftp://example.org/b' is no http(s) address a page can link"
        " to; left out",
    ]


def test_a_record_without_its_type_line_is_an_error_not_left_out():
    # A record whose "TY  - " line is missing (edited by hand, or cut at the top) was
    # read as nothing: its lines lie after the record before it ends, or before the
    # first record, and the paper was left out without a word.
    text = (
        "T1  - First Without Type\nAU  - Doe, Jane\nER  - \n\n"
        "TY  - JOUR\nTI  - Typed\nER  - \n\n"
        "TI  - Second Without Type\nPY  - 2021\nER  - \n"
    )
    records, problems = _parse(text)
    assert [r.title for r in records] == ["Typed"]
    said = (
        "this RIS record has no type ('TY  - ') before its first tag, so it would be left out;"
        " start it with a line such as 'TY  - JOUR'"
    )
    assert problems == [f"lab.ris:1:1: {said}", f"lab.ris:9:1: {said}"]
    # (JSTOR's header before the first record, and blank lines between records, are no record.)
    assert _parse(JSTOR + "\n\n" + JSTOR.split("\n\n", 1)[1], "jstor.ris")[1] == []


def test_a_second_m1_is_warned_of_as_a_second_title_is():
    # (curator: M1 was read for its first value only, and a second that said something
    # else, the arXiv id here, was dropped without a word)
    records, problems = _parse(
        "TY  - JOUR\nTI  - A Paper\nM1  - 3\nM1  - arXiv:2106.09685\nER  - \n"
        # The same again, in capitals or with a full stop, says nothing else.
        "TY  - JOUR\nTI  - Another Paper\nM1  - arXiv:2106.09685\nM1  - ARXIV:2106.09685.\nER  - \n"
    )
    assert [r.arxiv for r in records] == ["", "2106.09685"]
    assert problems == [
        "lab.ris:4:1: warning: a second M1 in this record, 'arXiv:2106.09685', is left out: the"
        " note is the first's, '3' (line 3); correct the paper's arXiv id after the import if"
        " this one is meant",
    ]


def test_the_arxiv_subjects_of_an_arxiv_doi_at_datacite_are_no_tags_said_at_their_line():
    # doi.org's RIS for an arXiv DOI (DataCite's) gives each paper its subject classes by
    # name and code and the fields of science as keywords: they were every paper's tags.
    records, problems = _parse(
        "TY  - GEN\nT1  - LoRA: Low-Rank Adaptation of Large Language Models\nAU  - Hu, Edward J.\n"
        "DO  - 10.48550/ARXIV.2106.09685\nUR  - https://arxiv.org/abs/2106.09685\n"
        "KW  - Computation and Language (cs.CL)\nKW  - FOS: Computer and information sciences\n"
        "KW  - peft\nPY  - 2021\nPB  - arXiv\nER  - \n"
    )
    assert [r.tags for r in records] == [("peft",)]
    assert problems == [
        "lab.ris:6:1: warning: keywords such as 'Computation and Language (cs.CL)' are arXiv's"
        " subject classes, which arXiv's DOIs give each paper at DataCite (1 record in this file);"
        " left out of the tags"
    ]


def test_keyword_and_author_warnings_are_said_at_their_own_lines():
    # (curator: the warnings of IEEE Xplore's index terms and of arXiv's subject classes
    # were said at the record's TY line, not at the keyword's; a mark beside a name
    # written "Last, First, Jr." at the first author's line, not at its own)
    _, problems = _parse(
        "TY  - JOUR\nTI  - A Paper\nAU  - Doe, Jane\nKW  - attention\n"
        "KW  - Computer Science - Machine Learning\nER  - \n"
        "TY  - CONF\nTI  - Another\nAU  - Doe, Jane\nAU  - King*, Martin Luther, Jr.\n"
        "DO  - 10.1109/CVPR.2016.90\nVO  - \nKW  - Training\nER  - \n"
    )
    assert [problem.split(" (")[0].split(" are ")[0] for problem in problems] == [
        "lab.ris:5:1: warning: keywords such as 'Computer Science - Machine Learning'",
        "lab.ris:10:1: warning: marks beside author names left out",
        "lab.ris:13:1: warning: keywords such as 'Training'",
    ]


@pytest.mark.parametrize("first, second, joined", [
    ("from English-to-", "French and back.", "from English-to-French and back."),
    ("reaches state-of-the-", "art results.", "reaches state-of-the-art results."),
    ("trained on 2-", "3 GPUs.", "trained on 2-3 GPUs."),
    # A dash between spaces, or a hyphen before a conjunction (a suspended one), or
    # before a line that starts with punctuation, is no compound: a space.
    ("a model -", "the first.", "a model - the first."),
    ("first-", "and second-order methods.", "first- and second-order methods."),
    ("pre-", "or post-training.", "pre- or post-training."),
    ("the A-", "(B) split.", "the A- (B) split."),
    # A word the exporter or the PDF hyphenated, not a compound, is closed up; a
    # compound's hyphen stays (both halves words, the word closed up none: wraps.joined).
    ("a better repre-", "sentation of words.", "a better representation of words."),
    ("better under-", "standing of words.", "better understanding of words."),
    ("with self-", "attention for words.", "with self-attention for words."),
    ("after fine-", "tuning on words.", "after fine-tuning on words."),
])
def test_a_wrapped_line_ending_in_a_hyphen_is_joined_as_a_compound_or_a_hyphenated_word(first, second, joined):
    # (curator: "English-to-" then "French" on the next line read "English-to- French";
    # and "repre-" then "sentation" read "repre-sentation")
    record, problems = _one(
        f"AB  - We study the translation of long documents with a new model {first}\n{second}\n"
    )
    assert record.abstract == f"We study the translation of long documents with a new model {joined}"
    assert problems == []


def test_a_title_wrapped_at_a_hyphen_is_joined_as_an_abstract_is():
    records, problems = _parse(
        "TY  - JOUR\nTI  - English-to-\nFrench Translation with a New Repre-\nsentation\nER  - \n"
    )
    assert records[0].title == "English-to-French Translation with a New Representation"
    assert problems == []


def test_the_records_own_spelling_of_a_word_hyphenated_at_a_wrap_is_followed():
    # "pre-" then "training" closes up unless the record writes it with its hyphen: here
    # the title does. The title, a curator's reading of the record, is not changed.
    record, problems = _parse(
        "TY  - JOUR\nTI  - Pre-training Deep Models\nAB  - We study the translation of long"
        " documents with a new model and with pre-\ntraining on them.\nER  - \n"
    )
    assert record[0].title == "Pre-training Deep Models"
    assert record[0].abstract.endswith("with pre-training on them.")
    assert problems == []


def test_a_hyphen_at_the_end_of_a_paragraph_stays_where_it_is():
    # Each line a paragraph (a text not wrapped to width: a line over 85 characters):
    # no break is a wrap, and none is joined, hyphen or not.
    long = "We study the translation of long documents with a new model, over many words, and a better repre-"
    assert len(long) > 85
    record, problems = _one(f"AB  - {long}\nsentation of words.\n")
    assert record.abstract == f"{long}\n\nsentation of words."
    # (a blank line, in a text wrapped to width)
    record, problems = _one(f"AB  - {long[:60]}\n{long[61:]}\n\nsentation of words.\n")
    assert record.abstract == f"{long}\n\nsentation of words."


# --- Notes -------------------------------------------------------------------------------


def test_a_notes_preformatted_block_keeps_its_lines():
    # (curator: Zotero's <pre> in an N1 note ran its lines together)
    record, problems = _one(
        'N1  - <div data-schema-version="8"><p>Setup:</p>\n<pre>conda create -n x\n  python=3.11\n</pre>\n</div>\n'
    )
    assert record.notes == "Setup:\n\n```\nconda create -n x\n  python=3.11\n```"
    assert problems == []


# A Zotero export of a preprint with the curator's own note (HTML, over several lines),
# beside the notes Zotero writes itself: the arXiv id and arXiv's comment, a field of its
# Extra; and a Scopus record's notes.
NOTED = """\
TY  - PREP
TI  - LoRA: Low-Rank Adaptation of Large Language Models
AU  - Hu, Edward J.
PY  - 2021
N1  - arXiv:2106.09685 [cs]
N1  - <div data-schema-version="8"><p>Comment: Draft V2 includes better baselines</p>
</div>
N1  - Publisher: arXiv
N1  - <div data-schema-version="8"><h1>Why read</h1>
<p>Freezes the weights &amp; trains <strong>low-rank</strong> updates; see
<a href="https://example.org/lora-notes">my summary</a>.</p>
<ul><li>r = 4 is enough</li><li>no extra latency</li></ul>
</div>
ER  - 
TY  - JOUR
TI  - Highly accurate protein structure prediction with AlphaFold
PY  - 2021
N1  - Cited by: 20000; All Open Access, Gold Open Access, Green Open Access
N1  - Export Date: 3 May 2024
ER  - 
TY  - JOUR
TI  - A Paper Noted in Plain Text
N1  - Read for the reading group; compare with AdaLoRA.
ER  - 
"""


def left_out(where: str, first_line: str, others: str = "") -> str:
    """The warning of notes taken for an exporter's own (notes.say_left_out)."""
    return (
        f"{where}: warning: N1 {first_line!r} is read as a note the exporter writes itself"
        " (arXiv's comment, a field of Zotero's Extra, Scopus' record note) and left"
        f" out{others}; if a curator wrote it, copy it into the paper's notes: by hand"
    )


def test_a_curators_note_is_read_as_text_and_an_exporters_own_notes_are_not():
    # (curator: Zotero's export of a paper's notes, the curator's own, was dropped
    # without a word)
    lora, alphafold, plain = _parse(NOTED)[0]
    assert lora.notes == (
        "Why read\n\n"
        "Freezes the weights & trains **low-rank** updates; see [my summary]"
        "(https://example.org/lora-notes).\n\n"
        "- r = 4 is enough\n- no extra latency"
    )
    assert (lora.notes_at.line, lora.arxiv) == (9, "2106.09685")
    assert (alphafold.notes, alphafold.notes_at) == ("", None)
    assert (plain.notes, plain.notes_at.line) == (
        "Read for the reading group; compare with AdaLoRA.", 23,
    )


@pytest.mark.parametrize("note, curators, said", [
    ("arXiv:2106.09685 [cs]", False, None),
    ("arXiv: 1706.03762", False, None),  # (Mendeley's)
    # Left out, but said: a curator may write "Comment: ..." or "Publisher: ..." too.
    ("<p>Comment: 10 pages, 5 figures; accepted at ICLR</p>", False,
     "Comment: 10 pages, 5 figures; accepted at ICLR"),
    ("Comment: I doubt the proof of Theorem 2", False, "Comment: I doubt the proof of Theorem 2"),
    # (reviewer: the exporter's note in bold or italics was told by its marks, "**Comment**:
    # 10 pages", and kept as a curator's; told by its text, as it was before marks were read)
    ("<b>Comment</b>: 10 pages", False, "Comment: 10 pages"),
    ("<p><i>arXiv:2106.09685</i> [cs]</p>", False, None),
    ("Publisher: IEEE", False, "Publisher: IEEE"),
    ("Citation Key: hu2021lora\ntex.ids: hu2022lora", False, "Citation Key: hu2021lora"),
    # (Scopus' record notes: no curator writes them; not said)
    ("Cited by: 150000; Conference name: CVPR 2016; Conference code: 125163", False, None),
    ("Good baseline. arXiv:2106.09685", True, None),
    ("Key idea: low-rank updates", True, None),
    ("Source: my advisor", True, None),
    ("<p>&lt;unk&gt; tokens matter</p>", True, None),
])
def test_which_notes_are_the_curators(note, curators, said):
    record, problems = _one(f"N1  - {note}\n")
    assert bool(record.notes) == curators
    assert "<p>" not in record.notes
    assert problems == ([left_out("lab.ris:3:1", said)] if said else [])


def test_notes_taken_for_an_exporters_are_said_once_a_file():
    # (curator: a note of mine starting "Comment:" went without a word)
    records, problems = _parse(
        "TY  - JOUR\nTI  - One\nN1  - Comment: my doubt\nN1  - Publisher: IEEE\nER  - \n"
        "TY  - JOUR\nTI  - Two\nN1  - arXiv:2106.09685 [cs]\nER  - \n"
        "TY  - JOUR\nTI  - Three\nN1  - Comment: 9 pages\nER  - \n"
    )
    assert [r.notes for r in records] == ["", "", ""]
    assert problems == [
        left_out("lab.ris:3:1", "Comment: my doubt", "; 2 records in this file have such notes")
    ]


def test_a_curators_note_becomes_a_new_papers_notes_and_never_rewrites_a_files(tmp_path):
    content = tmp_path / "content"
    ris = tmp_path / "zotero.ris"
    ris.write_text(NOTED)
    first = import_paths([ris], content)
    assert (len(first.added), [str(w) for w in first.warnings]) == (3, [left_out(f"{ris}:6:1", "Comment: Draft V2 includes better baselines")])
    papers = content / "papers"
    lora = papers / "lora-low-rank-adaptation-of-large-language-models.yml"
    # The note as a literal block, its paragraphs apart; no HTML in the file.
    assert lora.read_text().endswith(
        "notes: |-\n"
        "  Why read\n\n"
        "  Freezes the weights & trains **low-rank** updates; see [my summary](https://example.org/lora-notes).\n\n"
        "  - r = 4 is enough\n"
        "  - no extra latency\n"
    )
    assert "notes" not in _papers(content)["highly-accurate-protein-structure-prediction-with-alphafold"]
    # Again: nothing changes.
    again = import_paths([ris], content)
    assert (again.updated, [str(w) for w in again.warnings]) == ([], [left_out(f"{ris}:6:1", "Comment: Draft V2 includes better baselines")])
    # The curator edits the notes; the reference manager's note changes too: the file's
    # notes stay as the curator wrote them, and the note not merged is said at its line.
    lora.write_text(lora.read_text().split("notes: |-")[0] + "notes: My own words.\n")
    ris.write_text(NOTED.replace("r = 4 is enough", "r = 8 is better"))
    edited = import_paths([ris], content)
    assert edited.updated == []
    assert lora.read_text().endswith("notes: My own words.\n")
    assert [str(w) for w in edited.warnings] == [
        f"{ris}:9:1: warning: note not merged ('Why read'): lora-low-rank-adaptation-of-large-"
        "language-models already has notes, which the import never rewrites; copy it into them"
        " by hand if it is wanted",
        left_out(f"{ris}:6:1", "Comment: Draft V2 includes better baselines"),
    ]
    # A note the notes already hold, as the curator copied it in, is no news.
    lora.write_text(lora.read_text().replace(
        "notes: My own words.\n", "notes: |-\n  My own words.\n\n  Read for the reading group; compare with AdaLoRA.\n"
    ))
    (tmp_path / "plain.ris").write_text(NOTED.split("ER  - \n", 2)[2].replace(
        "A Paper Noted in Plain Text", "LoRA: Low-Rank Adaptation of Large Language Models"))
    assert import_paths([tmp_path / "plain.ris"], content).warnings == []


def test_a_note_fills_an_existing_papers_empty_notes_once(tmp_path):
    content = tmp_path / "content"
    (tmp_path / "a.ris").write_text("TY  - JOUR\nTI  - A Paper Noted in Plain Text\nPY  - 2020\nER  - \n")
    import_paths([tmp_path / "a.ris"], content)
    ris = tmp_path / "b.ris"
    ris.write_text(NOTED)
    report = import_paths([ris], content)
    assert (report.updated, [str(w) for w in report.warnings]) == (["a-paper-noted-in-plain-text"], [left_out(f"{ris}:6:1", "Comment: Draft V2 includes better baselines")])
    path = content / "papers" / "a-paper-noted-in-plain-text.yml"
    assert path.read_text().endswith("notes: Read for the reading group; compare with AdaLoRA.\n")
    # A curator who deletes the notes does not get them back.
    path.write_text(path.read_text().split("notes:")[0])
    again = import_paths([ris], content)
    assert (again.updated, [str(w) for w in again.warnings]) == ([], [left_out(f"{ris}:6:1", "Comment: Draft V2 includes better baselines")])
    assert "notes" not in path.read_text()


# --- As a BibTeX export of the same data reads ------------------------------------------


@pytest.mark.parametrize("lines, links", [
    # (curator: "Code: https://github.com/..." in a note was marked the paper's own code
    # in a .bib's note, and not in an RIS's N1) The words are read as an abstract's.
    ("N1  - Code: https://github.com/lab/a\n", [("code", "https://github.com/lab/a", True)]),
    ("N1  - code available at https://github.com/lab/b\n", [("code", "https://github.com/lab/b", True)]),
    ("N1  - <p>Code: https://github.com/lab/c</p>\n", [("code", "https://github.com/lab/c", True)]),
    # (a link tag's address, which the note's words name)
    ("UR  - https://github.com/lab/d\nN1  - Code: https://github.com/lab/d\n",
     [("code", "https://github.com/lab/d", True)]),
    # (a site that is no repository is a project page, whatever the words say it holds,
    # as in an abstract: "with code" counts code links a reader opens as code)
    ("L4  - https://lab.org/e\nN1  - Our code can be found at https://lab.org/e\n",
     [("project", "https://lab.org/e", False)]),
    ("N1  - Based on the code of Smith et al. at https://github.com/smith/f\n",
     [("code", "https://github.com/smith/f", False)]),
    ("UR  - https://github.com/lab/g\n", [("code", "https://github.com/lab/g", False)]),
    ("N1  - Our code can be found at https://lab.org/h\n", [("project", "https://lab.org/h", False)]),
])
def test_code_in_a_note_is_read_by_its_words_as_for_bibtex(lines, links):
    record, problems = _one(lines)
    assert [(l.kind, l.url, l.official) for l in record.links] == links
    assert problems == []


WHY_BLOG = ": a blog has no volumes, issues or pages (Google Scholar's GPT-2 entry gives them); left out"


@pytest.mark.parametrize("lines, kept, said, before", [
    # Google Scholar's GPT-2 record, as its RIS gives it.
    ("JO  - OpenAI blog\nVL  - 1\nIS  - 8\nSP  - 9\n", ("", "", ""),
     "lab.ris:4:1: warning: volume 1, number 8, pages 9 of this record are no place in 'OpenAI blog'" + WHY_BLOG,
     {"volume": "1", "number": "8", "pages": "9"}),
    ("T2  - Google AI Blog\nSP  - 12\nEP  - 14\n", ("", "", ""),
     "lab.ris:4:1: warning: pages 12–14 of this record are no place in 'Google AI Blog'" + WHY_BLOG,
     {"pages": "12–14"}),
    ("JF  - OpenAI blog\nIS  - 8\n", ("", "", ""),
     "lab.ris:4:1: warning: number 8 of this record is no place in 'OpenAI blog'" + WHY_BLOG,
     {"number": "8"}),
    # Google Scholar's LoRA record: a form's sample values.
    ("T2  - ICLR\nVL  - 1\nIS  - 2\nSP  - 3\n", ("", "", ""),
     "lab.ris:4:1: warning: volume 1, number 2, pages 3 of this record are placeholders (Google"
     " Scholar's, as in its LoRA entry), not where the paper is; left out",
     {"volume": "1", "number": "2", "pages": "3"}),
    # A journal's 1, 8, 9 and 1, 2, 3-9 are its own; so are a journal of blogs'.
    ("T2  - J\nVL  - 1\nIS  - 8\nSP  - 9\n", ("1", "8", "9"), None, {}),
    ("T2  - J\nVL  - 1\nIS  - 2\nSP  - 3\nEP  - 9\n", ("1", "2", "3–9"), None, {}),
    ("T2  - Journal of Blog Studies\nVL  - 3\nIS  - 8\nSP  - 9\n", ("3", "8", "9"), None, {}),
])
def test_a_blogs_or_scholars_placeholder_volume_number_and_pages_are_left_out_as_for_bibtex(
    lines, kept, said, before
):
    record, problems = _one(lines)
    assert (record.volume, record.number, record.pages) == kept
    assert problems == ([said] if said else [])
    # (taken out of a paper's file where an earlier import wrote them)
    assert {n: v for b in record.read_before for n, v in zip(b.names, b.values)} == before


@pytest.mark.usefixtures("no_bibtex_entry_cache")
def test_a_note_an_earlier_import_read_as_plain_text_takes_its_marks_once(tmp_path, monkeypatch):
    # An earlier version read a note's bold and links as plain text ("see my summary
    # (https://...)"). Re-imported, the note read with its marks is no new note of the
    # curator's to warn of ("not merged") at every paper that has one: the file's, still
    # the importer's, takes the marks, said once; a curator's edit of it stays as written.
    from generator.ingest import notes, ris as ris_module

    content = tmp_path / "content"
    source = tmp_path / "zotero.ris"
    source.write_text(NOTED + NOTED.split("ER  - \n")[0].replace(
        "LoRA: Low-Rank Adaptation of Large Language Models", "Prefix-Tuning: Optimizing Continuous Prompts"
    ).replace("2106.09685", "2101.00190") + "ER  - \n")
    plain = lambda written, marks=False: notes.note_text(written, marks=False)  # noqa: E731
    monkeypatch.setattr(ris_module, "note_text", plain)
    import_paths([source], content)
    papers = content / "papers"
    lora = papers / "lora-low-rank-adaptation-of-large-language-models.yml"
    qlora = papers / "prefix-tuning-optimizing-continuous-prompts.yml"
    assert "trains low-rank updates; see my summary (https://example.org/lora-notes)." in lora.read_text()
    qlora.write_text(qlora.read_text().replace("Freezes the weights", "Freezes all the weights"))
    edited = qlora.read_bytes()
    monkeypatch.setattr(ris_module, "note_text", notes.note_text)  # (the fixture's patch kept)
    again = import_paths([source], content)
    assert [str(w) for w in again.warnings] == [left_out(
        f"{source}:6:1", "Comment: Draft V2 includes better baselines", "; 2 records in this file have such notes"
    )]
    assert again.updated == ["lora-low-rank-adaptation-of-large-language-models"]
    assert "trains **low-rank** updates; see [my summary](https://example.org/lora-notes)." in lora.read_text()
    assert [str(change).split(" (was ")[1].split("': ")[1] for change in again.read_before] == [
        "an earlier import read the note's bold, italics and links as plain text)"
    ]
    assert qlora.read_bytes() == edited
    third = import_paths([source], content)
    assert (third.updated, third.read_before) == ([], [])


@pytest.mark.usefixtures("no_bibtex_entry_cache")
def test_notes_that_differ_only_in_bold_or_italics_an_earlier_import_wrote_once_are_its_own(
    tmp_path, monkeypatch
):
    # Two N1 notes of the same words, one in bold, one in italics: an earlier version,
    # which read notes as plain text, wrote the words once. Re-imported, the notes as it
    # read them are the file's, still the importer's: no "not merged" warning for a note
    # the curator never wrote; they take the marks, said once, as any note an earlier
    # import wrote as plain text; and a third import has nothing to say.
    from generator.ingest import notes, ris as ris_module

    content = tmp_path / "content"
    source = tmp_path / "zotero.ris"
    source.write_text(
        "TY  - JOUR\nTI  - Deep Residual Learning for Image Recognition\nAU  - He, Kaiming\nPY  - 2016\n"
        "N1  - <p><b>Key idea</b>: residual blocks</p>\nN1  - <p><i>Key idea</i>: residual blocks</p>\n"
        "ER  - \n"
    )
    plain = lambda written, marks=False: notes.note_text(written, marks=False)  # noqa: E731
    monkeypatch.setattr(ris_module, "note_text", plain)
    import_paths([source], content)
    paper = content / "papers" / "deep-residual-learning-for-image-recognition.yml"
    assert _notes_of(paper) == "Key idea: residual blocks"
    monkeypatch.setattr(ris_module, "note_text", notes.note_text)  # (the fixture's patch kept)
    again = import_paths([source], content)
    assert [str(w) for w in again.warnings] == []
    assert again.updated == ["deep-residual-learning-for-image-recognition"]
    assert _notes_of(paper) == (
        "**Key idea**: residual blocks\n\n*Key idea*: residual blocks"
    )
    assert [change.why for change in again.read_before] == [
        "an earlier import read the note's bold, italics and links as plain text"
    ]
    written = paper.read_bytes()
    third = import_paths([source], content)
    assert (third.updated, third.read_before, [str(w) for w in third.warnings]) == ([], [], [])
    assert paper.read_bytes() == written


def _notes_of(paper: Path) -> object:
    """A paper file's notes: as its YAML reads."""
    return to_python(parse(paper.read_text(encoding="utf-8"), str(paper), Problems()))["notes"]
