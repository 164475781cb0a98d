"""Dump every related link the shipped list's pages show, for an audit by hand.

    PYTHONPATH=. .venv/bin/python benchmarks/related_audit.py > links.csv

One row per link (page, related paper), curator links left out: the two ids, whether
the two papers share a topic (by id, as relatedshown.shown compares them), the shared terms
as the page shows them, and the two titles. The judgements of related_audit_2.md were
made on this dump (before) and on the dump after the change (after).
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from generator import curation
from generator.related import _document, related_papers
from generator.relatedshown import shown
from generator.terms import Spellings
from generator.topics import assign_paper, compile_topics


def main() -> None:
    root = Path(__file__).resolve().parent.parent
    content, _ = curation.load_content(root / "content", root)
    matcher = compile_topics(content.topics)
    topics = {p.id: assign_paper(p, matcher) for p in content.papers}
    rows = shown(related_papers(content.papers), topics)
    by_id = {p.id: p for p in content.papers}
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["page", "related", "shares_topic", "terms", "page_title", "related_title"])
    for pid in sorted(rows):
        own = {a.topic for a in topics[pid]}
        spelled = Spellings(_document(by_id[pid]))
        for r in rows[pid]:
            if r.by_curator:
                continue
            common = any(a.topic in own for a in topics[r.paper])
            out.writerow([pid, r.paper, int(common), ", ".join(spelled.shown(t) for t in r.terms),
                          by_id[pid].title, by_id[r.paper].title])


if __name__ == "__main__":
    main()
