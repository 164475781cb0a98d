"""`readinglist topics`: the topics with their paper counts, or why a paper has its topics.

Reads `content/` like `readinglist check` does. Errors are printed as
``path:line:col: message`` first (warnings only counted) and the command exits with status 1, but it still
answers from what could be read: an error elsewhere in the list is no reason to hide
why a paper has its topics, and explaining them is often how the curator finds it.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path
from typing import Mapping, Sequence

from ..curation import load_content
from ..errors import counted
from ..models import Content, Paper, Topic, TopicAssignment
from ..topics import assign_topics, compile_topics, papers_by_topic, score_paper

HELP = "list topics with their paper counts, or explain a paper's topics"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--explain",
        metavar="PAPER_ID",
        help="show why the paper has each of its topics (the curator, or the terms that matched)",
    )


def run(args: argparse.Namespace) -> int:
    root = Path(args.root)
    content, problems = load_content(root / "content", root)
    # Errors, since the answer leaves out what they concern; warnings are `check`'s to
    # list (each, on every call, buried the answer about one paper).
    for problem in problems.sorted():
        if problem.severity.value == "error":
            print(problem, file=sys.stderr)
    warnings = len(problems.items) - len(problems.errors)
    if warnings:
        print(f"({warnings} warning(s) in content/: readinglist check lists them)", file=sys.stderr)
    status = 0
    if problems.has_errors():
        status = 1
        print(
            f"{counted(len(problems.errors), 'error')} in content/; what follows leaves out what"
            " they concern",
            file=sys.stderr,
        )
        if not (root / "content").is_dir():
            return status  # the wrong folder: an empty table would answer nothing
    assignments = assign_topics(content.papers, content.topics)
    if args.explain is None:
        print(topic_table(content.topics, assignments))
        return status
    paper = next((p for p in content.papers if p.id == args.explain), None)
    if paper is None:
        ids = [p.id for p in content.papers]
        close = difflib.get_close_matches(args.explain, ids, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        print(f"readinglist topics: no paper with id {args.explain!r}{hint}", file=sys.stderr)
        return 1
    print(explain(paper, content, assignments[paper.id]))
    return status


def topic_table(
    topics: Sequence[Topic], assignments: Mapping[str, Sequence[TopicAssignment]]
) -> str:
    """One row per topic in topics.yml order: id, title, number of papers, parent."""
    members = papers_by_topic(assignments, topics)
    rows = [("ID", "TITLE", "PAPERS", "PARENT")]
    rows += [(t.id, t.title, str(len(members[t.id])), t.parent or "-") for t in topics]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    lines = [
        f"{r[0]:<{widths[0]}}  {r[1]:<{widths[1]}}  {r[2]:>{widths[2]}}  {r[3]}".rstrip()
        for r in rows
    ]
    fallback = sum(
        1 for assigned in assignments.values() if any(a.by == "fallback" for a in assigned)
    )
    untopiced = sorted(pid for pid, assigned in assignments.items() if not assigned)
    lines.append("")
    lines.append(
        f"{_count(len(topics), 'topic')}, {_count(len(assignments), 'paper')}; "
        f"{fallback} placed only by their closest topic, {len(untopiced)} without any topic"
    )
    # Which, so the curator can give each one (`topics:` in its file) without a search.
    shown = untopiced[:_UNTOPICED_SHOWN]
    if shown:
        more = len(untopiced) - len(shown)
        lines.append("without any topic: " + ", ".join(shown) + (f" and {more} more" if more else ""))
    return "\n".join(lines)


_UNTOPICED_SHOWN = 10


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def explain(paper: Paper, content: Content, assigned: Sequence[TopicAssignment]) -> str:
    """Why ``paper`` has each topic, then the topics it scored for but did not get."""
    titles = {t.id: t.title for t in content.topics}
    thresholds = {t.id: t.threshold for t in content.topics}
    scores = score_paper(paper, compile_topics(content.topics))
    lines = [f"{paper.id}: {paper.title}", ""]
    if not assigned:
        lines.append("  no topic: no keyword of any topic matches and the curator lists none")
    for a in assigned:
        lines.append(f"  {a.topic} ({titles.get(a.topic, 'unknown topic')})")
        if a.by == "curator":
            lines.append("    by the curator (topics: in the paper's file)")
        elif a.by == "reading order":
            lines.append("    by the curator (reading_order: of this topic, in topics.yml)")
        elif a.by == "fallback":
            lines.append(
                f"    closest topic, below its threshold: score {a.score:g} < {thresholds[a.topic]:g}"
            )
        else:
            lines.append(f"    by rules: score {a.score:g} >= threshold {thresholds[a.topic]:g}")
        if a.topic in scores:
            lines.append("    " + _terms(scores[a.topic].contributions))
    shown = {a.topic for a in assigned}
    others = sorted(
        (s for s in scores.values() if s.topic not in shown),
        key=lambda s: (-s.score, s.topic),
    )
    if others:
        lines += ["", "  not assigned:"]
        for s in others:
            why = (
                "excluded by the curator (exclude_topics)"
                if s.topic in paper.exclude_topics
                else f"score {s.score:g} < {thresholds.get(s.topic, 1.0):g}"
            )
            lines.append(f"  {s.topic}: {why}; {_terms(s.contributions)}")
    return "\n".join(lines)


def _terms(contributions: Sequence[tuple[str, float]]) -> str:
    return "matched " + ", ".join(f"{term} ({points:+g})" for term, points in contributions)
