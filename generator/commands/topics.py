"""`readinglist topics`: the topics with their paper counts, or why a paper has its topics.

Reads `content/` like `readinglist check` does. Errors are printed as
``path:line:col: message`` first (warnings only counted) and the command exits with status 1, but it still
answers from what could be read: an error elsewhere in the list is no reason to hide
why a paper has its topics, and explaining them is often how the curator finds it.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path, PurePosixPath
from typing import Mapping, Sequence

from ..curation import load_content
from ..errors import counted
from ..quoting import quoted
from .loaded import NO_PAPERS, NO_TOPICS, say_errors
from ..models import Content, Paper, Topic, TopicAssignment
from ..topics import (
    also_by,
    assign_topics,
    closest_topic,
    common_stems,
    compile_topics,
    forms_matched,
    papers_by_topic,
    said_together,
    score_paper,
)
from ..topicsfile import how_to_place

HELP = "list topics with their paper counts, or explain a paper's topics or a topic's papers"
EXIT = (
    "exit status: 0 when content/ has no error; 1 when it has one (what could be read is"
    " still answered) or --explain names no paper or topic"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--explain",
        metavar="ID",
        help="a paper's id: why it has each of its topics (chosen by the curator, or the"
        " words of its keywords the paper mentions); a topic's id: its papers with how each got it, and the papers that"
        " came closest without, and its keywords that match no paper",
    )


def run(args: argparse.Namespace) -> int:
    root = Path(args.root)
    content, problems = load_content(root / "content", root, root_given=args.root_given)
    paper = next((p for p in content.papers if p.id == args.explain), None)
    topic = next((t for t in content.topics if t.id == args.explain), None)
    unread = f"content/papers/{args.explain}.yml"
    # (Its file is there but did not load: "no paper ...; did you mean" another paper
    # pointed the curator away from the file they were editing.)
    not_read = paper is None and topic is None and any(p.location.path == unread for p in problems.errors)
    # Nothing follows the errors in the wrong folder, where no topic or no paper was read
    # (a table of topics without papers, or of none, would answer nothing), or when the
    # paper asked of is one whose file did not load.
    stop = not (root / "content").is_dir() or not content.topics or not content.papers or not_read
    stopped = "nothing was listed" if args.explain is None else "nothing was explained"
    status = say_errors(problems, root, stopped=stopped if stop else "")
    if status and stop:
        if not_read:
            print(
                f"readinglist topics: paper {quoted(args.explain)} is not read: its file, {unread},"
                " has the error above; fix it and ask again",
                file=sys.stderr,
            )
        return status
    assignments = assign_topics(content.papers, content.topics)
    if args.explain is None:
        if not content.topics or not content.papers:
            print("\n".join(said for said, lacking in ((NO_PAPERS, not content.papers), (NO_TOPICS, not content.topics)) if lacking))
            if content.topics:  # (listed all the same: their ids and parents, to check)
                print()
                print(topic_table(content.topics, assignments))
            return status
        print(topic_table(content.topics, assignments))
        return status
    if paper is None and topic is None:
        renamed = {old: (p.id, "renamed to") for p in content.papers for old in p.former_ids}
        # (A topic's `formerly:` also names a topic merged into it: see Fate.became.)
        renamed.update(
            {old: (t.id, "renamed to or merged into") for t in content.topics for old in t.former_ids}
        )
        # A paper whose file did not load is known by its file's name: a mistyped id of
        # the paper being edited is told that one, and why asking of it says "not read".
        loaded = {p.id for p in content.papers}
        unread_ids = {
            path.stem: shown
            for problem in problems.errors
            if (path := PurePosixPath(shown := problem.location.path)).parent == _PAPERS
            and path.suffix == ".yml" and path.stem not in loaded
        }
        hint = _meant(args.explain, content, unread_ids)
        if args.explain in renamed:
            became, how = renamed[args.explain]
            hint = f"; it was {how} {quoted(became)}"
        print(
            f"readinglist topics: no paper or topic with id {quoted(args.explain)}{hint}",
            file=sys.stderr,
        )
        return 1
    if paper is not None and not content.topics:
        # (Its "add a word of its own to a topic's keywords" named topics there are not.)
        print(f"{paper.id}: in no topic, since there is none. {NO_TOPICS}")
        return status
    if paper is not None:
        print(explain(paper, content, assignments[paper.id]))
    if topic is not None:  # (a paper and a topic may share an id: both are told)
        if paper is not None:
            print()
        print(explain_topic(topic, content, assignments))
    return status


_PAPERS = PurePosixPath("content/papers")  # (where errors place a paper's file)


def _meant(word: str, content: Content, unread: Mapping[str, str]) -> str:
    """"; did you mean ...?" for ``word``, which names no paper or topic: the paper it
    most plausibly names, as `check` and `rename` suggest one (by its title, its arXiv id
    or DOI, or the id it is a slip of or begins: "lora"), and the topic (by its id, title
    or a keyword); both when each is found ("in-context": the paper
    'in-context-learning-creates-task-vectors' and the topic 'in-context-learning', where
    the paper alone hid the topic the command is about); "" for neither. Each as close
    as the closest, as the command line's other "did you mean" lists them: "eliciting"
    begins two papers' ids, and the shortest alone was offered as if it were the one
    meant. ``unread``: the ids of paper files that did not load -> the file. (difflib's
    likeness named unrelated ids: "meta-learning-survey" -> 'multi-task-learning'.)"""
    from ..topicsfile import topic_aliases, topics_meant
    from ..unknownids import paper_titles, papers_suggested

    titles = paper_titles(
        ((p.id, p.title) for p in content.papers),
        ((p.id, written) for p in content.papers for written in (p.arxiv, p.doi) if written),
    )
    papers = papers_suggested(word, sorted([p.id for p in content.papers] + list(unread)), titles)
    aliases = topic_aliases((t.id, t.title, t.keywords) for t in content.topics)
    said_papers = {paper_id for paper_id, _ in papers}
    # (A topic of a paper's id is said once, as the paper: the paper's file did not load.)
    topics = [quoted(t) for t in topics_meant(word, sorted(t.id for t in content.topics), aliases) if t not in said_papers]
    notes = {paper_id: f" (not read: its file, {unread[paper_id]}, has the error above)" for paper_id, _ in papers if paper_id in unread}
    if len(papers) == 1 and not topics:  # (the note after the question: the question is whole)
        paper_id, title = papers[0]
        said = f"{quoted(paper_id)}, the paper titled {quoted(title)}" if title else quoted(paper_id)
        return f"; did you mean {said}?{notes.get(paper_id, '')}"
    said = [
        (f"{quoted(paper_id)}, the paper titled {quoted(title)}" if title else quoted(paper_id)) + notes.get(paper_id, "")
        for paper_id, title in papers
    ]
    if not said:
        return f"; did you mean {_either(topics)}?" if topics else ""
    if not topics:
        return f"; did you mean {_either(said)}?"
    which = "" if papers[0][1] else "the paper " if len(said) == 1 else "the papers "
    return f"; did you mean {which}{_either(said)}, or the topic{'s' if len(topics) > 1 else ''} {_either(topics)}?"


def _either(said: Sequence[str]) -> str:
    """'a', 'a' or 'b', 'a', 'b' or 'c'; past `_MEANT_SHOWN`, how many more are as close."""
    shown = list(said[:_MEANT_SHOWN])
    if len(said) > len(shown):
        return f"{', '.join(shown)} or {len(said) - len(shown)} more as close"
    return shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} or {shown[-1]}"


_MEANT_SHOWN = 3  # (as many as difflib offers in the command line's other hints)


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
        f"{counted(len(topics), 'topic')}, {counted(len(assignments), 'paper')}; "
        f"{fallback} placed only as a weak match (in its closest topic), {len(untopiced)} without any topic"
    )
    # Which, so the curator can give each one (`topics:` in its file) without a search.
    shown = untopiced[:_UNTOPICED_SHOWN]
    if shown:
        more = len(untopiced) - len(shown)
        lines.append("without any topic: " + ", ".join(shown) + (f" and {more} more" if more else ""))
    return "\n".join(lines)


_UNTOPICED_SHOWN = 10


def explain(paper: Paper, content: Content, assigned: Sequence[TopicAssignment]) -> str:
    """Why ``paper`` has each topic, then the topics it scored for but did not get."""
    titles = {t.id: t.title for t in content.topics}
    thresholds = {t.id: t.threshold for t in content.topics}
    matcher = compile_topics(content.topics)
    scores = score_paper(paper, matcher)
    text = _text(paper)
    lines = [f"{paper.id}: {paper.title}", ""]
    closest = closest_topic(paper, matcher) if not assigned else None
    if closest is not None and closest in paper.exclude_topics:
        lines.append(
            f"  no topic: its closest topic, {quoted(closest)}, is excluded by the curator"
            " (exclude_topics), so no other is tried, and the curator lists none"
        )
    elif not assigned:
        lines.append(
            "  no topic: no keyword of any topic gives it a score above 0, and the curator"
            " lists none"
        )
        lines.append(f"  to place it: {how_to_place(paper, matcher, common_stems(content.papers))}")  # (as `check` says)
    for a in assigned:
        lines.append(f"  {a.topic} ({titles.get(a.topic, 'unknown topic')})")
        # In the words of the paper's page for the same reasons ("chosen by the curator",
        # "a weak match (its closest topic)", 'mentions "..."'), with what the page leaves
        # out: where the curator wrote it, the score and the threshold.
        if a.by == "curator":
            how = "chosen by the curator (topics: in the paper's file)"
        elif a.by == "reading order":
            how = "in this topic's reading order, chosen by the curator (reading_order: in topics.yml)"
        elif a.by == "fallback":
            how = f"a weak match (its closest topic), below the threshold: score {a.score:g} < {thresholds[a.topic]:g}"
        else:
            how = f"{_ALSO['rules']}: score {a.score:g} >= threshold {thresholds[a.topic]:g}"
        # Every other reason too: taken out, the one told first would leave the topic.
        for by in also_by(paper, a, matcher):
            how += (
                f"; also {_ALSO['rules']}: score {a.score:g} >= threshold {thresholds[a.topic]:g}"
                if by == "rules"
                else "; also in this topic's reading_order (topics.yml)"
            )
        lines.append(f"    {how}")
        if a.topic in scores:
            lines.append("    " + _terms(scores[a.topic].contributions, text))
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
            lines.append(f"  {s.topic}: {why}; {_terms(s.contributions, text)}")
    return "\n".join(lines)


def explain_topic(
    topic: Topic, content: Content, assignments: Mapping[str, Sequence[TopicAssignment]]
) -> str:
    """``topic``'s papers, each with how it got the topic (and its score and terms), then
    the papers that scored for it without getting it, closest first: what tuning a
    topic's keywords and threshold needs to see."""
    papers = {p.id: p for p in content.papers}
    matcher = compile_topics([topic])
    lines = [f"{topic.id}: {topic.title} (threshold {topic.threshold:g})", ""]
    members = []
    for paper_id, assigned in assignments.items():
        for a in assigned:
            if a.topic == topic.id:
                members.append((paper_id, a))
    how = {"curator": "chosen by the curator", "reading order": "in the reading order",
           "rules": _ALSO["rules"], "fallback": "a weak match (its closest topic)"}
    lines.append(f"  {counted(len(members), 'paper')}{':' if members else ''}")
    for paper_id, a in sorted(members, key=lambda m: (-m[1].score, m[0])):
        paper = papers[paper_id]
        found = score_paper(paper, matcher).get(topic.id)
        terms = f"; {_terms(found.contributions, _text(paper))}" if found else ""
        also = [_ALSO[by] for by in also_by(paper, a, matcher)]
        told = how[a.by] + (", also " + " and ".join(also) if also else "")
        lines.append(f"  {paper_id}: {told}, score {a.score:g}{terms}")
    inside = {paper_id for paper_id, _ in members}
    near = sorted(
        (
            (found.score, paper.id, found)
            for paper in content.papers
            if paper.id not in inside
            and (found := score_paper(paper, matcher).get(topic.id)) is not None
            and found.score > 0
        ),
        key=lambda n: (-n[0], n[1]),
    )
    if near:
        more = f" ({len(near)} scored for it; the {_NEAR_SHOWN} closest)" if len(near) > _NEAR_SHOWN else ""
        lines += ["", f"  closest without it{more}:"]
        for score, paper_id, found in near[:_NEAR_SHOWN]:
            # (A paper at the threshold always gets the topic, unless the curator vetoes it.)
            why = (
                "excluded by the curator"
                if topic.id in papers[paper_id].exclude_topics
                else f"score {score:g} < {topic.threshold:g}"
            )
            lines.append(f"  {paper_id}: {why}; {_terms(found.contributions, _text(papers[paper_id]))}")
    unmatched = _unmatched_keywords(topic, content.papers)
    if unmatched:
        # (A keyword that matched nothing showed nowhere: a typo in it went unseen.)
        lines += [
            "",
            "  keywords that match no paper (is each spelt as the papers write it?): "
            + ", ".join(quoted(phrase) for phrase in unmatched),
        ]
    return "\n".join(lines)


def _unmatched_keywords(topic: Topic, papers: Sequence[Paper]) -> list[str]:
    """The phrases of ``topic``'s keywords that no paper's title and abstract match."""
    unmatched = []
    for phrase, weight in topic.keywords.items():
        matcher = compile_topics([replace(topic, keywords={phrase: weight})])
        if matcher.keywords and not any(score_paper(p, matcher) for p in papers):
            unmatched.append(phrase)  # (one that can never match, `check` reports)
    return unmatched


_NEAR_SHOWN = 10
# How `explain_topic` tells a member's other reasons for the topic (`also_by`).
_ALSO = {"rules": "by this topic's keywords", "reading order": "in the reading order"}


def _text(paper: Paper) -> str:
    return f"{paper.title}\n{paper.abstract}"


def _terms(contributions: Sequence[tuple[str, float]], text: str = "") -> str:
    """The keywords the paper mentions, quoted, with their points, and for one the paper
    never writes as such, the words that matched it by their stem (``"adapter" (+3; by
    its stem: "adaptive")``). "mentions", as the paper's page says: "matched" was the
    program's word where the page had the reader's. The keyword as the curator typed it
    (the page shows the paper's capitals, "LLM" for "llm"): it is what topics.yml holds."""
    shown = []
    for term, points in contributions:
        forms = forms_matched(term, text) if text else ()
        said = "; by its stem: " + ", ".join(f'"{form}"' for form in forms) if forms else ""
        parts = [f'"{part}"' for part in term.split(" + ")]
        shown.append(f"{parts[0] if len(parts) == 1 else said_together(parts)} ({points:+g}{said})")
    return "mentions " + ", ".join(shown)
