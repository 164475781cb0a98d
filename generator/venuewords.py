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
