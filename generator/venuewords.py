"""Venue words the importer and the BibTeX export both read: the preprint servers, and
the conferences a list names by acronym alone.

Apart from matchkeys.py (which re-exports them for the importers) so that the export,
which every build imports, does not import the importer's fuzzy matching (rapidfuzz)
with them.
"""

from __future__ import annotations

import re

# A venue that names a preprint server rather than where the paper was published: the
# exporter writes it as howpublished, the importer lets a published venue replace it.
PREPRINT = re.compile(r"\b(?:arxiv|corr|preprint|biorxiv|medrxiv|ssrn)\b", re.IGNORECASE)
# Conferences a list or an entry names by their acronym alone ("ICLR", Google Scholar's
# `journal = {ICLR}`; a Markdown list's "[Title](...) - NeurIPS"): a regular
# expression's alternatives, to be matched whatever the case, but RSS (Robotics: Science
# and Systems), which only its capitals tell from a feed ("- rss"). Each has its name in
# matchkeys.CONFERENCE_NAMES.
CONFERENCE_ACRONYMS = (
    r"ICLR|ICML|NeurIPS|NIPS|CVPR|ICCV|ECCV|ACL|EMNLP|NAACL(?:-HLT)?|EACL|COLING|AAAI|IJCAI"
    r"|KDD|SIGIR|AISTATS|UAI|CoRL|ICRA|IROS|COLT|WACV|BMVC|ICASSP|Interspeech|MLSys"
    r"|SIGGRAPH(?:\s+Asia)?|Eurographics|3DV|ACCV|(?-i:RSS)"
)
# Series that publish only the proceedings of conferences and workshops (a workshop is a
# conference, as `venue_kind` counts it), which some exporters give as a journal
# (`journal = {Proceedings of Machine Learning Research}` for an ICML or AISTATS paper,
# RIS's `JO`): their papers are conference papers, for sure, so the importer gives them
# that kind. Whole names only, in any case and spacing, never words within a name: the
# journals whose names say "Proceedings" stay journals ("Proceedings of the VLDB
# Endowment", PVLDB, and the ACM's "Proceedings of the ACM on ..." publish conferences'
# papers but are journals, with issues and rolling submission; PNAS is one), and a mixed
# series (Springer's Lecture Notes in Computer Science, which holds monographs too) is
# not listed. (Names that read as a conference's proceedings, "Proceedings of the AAAI
# Conference on ...", get no kind instead: export_bibtex.names_proceedings.)
_PROCEEDINGS_SERIES = re.compile(
    r"(?:proceedings of machine learning research|jmlr workshop and conference proceedings"
    r"|ceur workshop proceedings|leibniz international proceedings in informatics)"
    r"(?: \((?:pmlr|jmlr w&cp|ceur-ws|lipics)\))?"
    r"|pmlr|jmlr w&cp|ceur-ws|lipics",
    re.IGNORECASE,
)


def proceedings_series(venue: str) -> bool:
    """Whether ``venue`` is a series of conference proceedings (`_PROCEEDINGS_SERIES`)."""
    return bool(_PROCEEDINGS_SERIES.fullmatch(" ".join(venue.split())))
