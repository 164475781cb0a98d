"""`readinglist gaps`: what is left to fill in: how many papers lack each field, how to
fill it with this tool, and the papers, those lacking the most first.

Reads `content/` as `readinglist topics` does: errors are printed first and the exit
status is then 1, but what could be read is still reported (a list being filled in is
often a list with a mistake somewhere). A paper in no topic is told by what the load
found placing the papers in their topics (as `check`'s warning is): no second pass.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from pathlib import Path
from typing import Sequence

from ..errors import Problems, counted
from ..quoting import quoted
from .loaded import NO_PAPERS, say_errors
from . import options
from ..gaps import FIELD_OF_KEY, FIELDS, Gaps, PaperGaps, find_gaps
from ..models import Content, Paper, Topic, TopicAssignment
from ..topicsfile import TopicMemo

HELP = "say what the papers' records lack (authors, year, venue, ...), how to fill it, and which papers"

EXIT = (
    "exit status: 0 (gaps are no error), 1 when content/ has an error (what could be read"
    " is still reported), 2 for a wrong argument, such as an unknown topic"
)

# How a row of the summary names what is lacking, where the field's name alone does not.
_SAID = {"identifier": "no arXiv id or DOI", "topics": "in no topic"}

# The quickest way to fill each field with this tool (README: "Importing a listing",
# "Adding a paper by its arXiv id or DOI", "Defining a topic"). Only what it does: an
# import merges a record into the paper of its title, arXiv id or DOI and fills only
# what the file lacks; `add` asks arXiv (no venue) or doi.org (no abstract).
HOW = {
    "authors": "readinglist import FILE with a BibTeX or RIS export of these papers fills in what"
    " their files lack (authors, year, venue, arXiv id or DOI, code links), keeping what you wrote",
    "year": "as for authors; or readinglist add ARXIV_ID (asks arXiv; fills authors and abstract too)",
    "venue": "as for authors, with records of the published versions; or readinglist add DOI"
    " (asks doi.org); arXiv gives no venue",
    "identifier": "as for authors, with records that give one; or, knowing it, readinglist add"
    " ARXIV_ID or DOI (asks arXiv or doi.org, and fills what else they give)",
    "code": "write its repository under links: code: in the paper's file, if it has one (import"
    " and add take those a record or an abstract links)",
    "topics": "readinglist topics --explain ID says why and what would place it (topics: in its"
    " file, a topic's keyword, a reading order)",
    "abstract": "readinglist add ARXIV_ID (asks arXiv), or import a record that has one (a DOI's"
    " BibTeX has none)",
}

# How a way above begins that is the import's way, said at the authors' line.
_AS_FOR_AUTHORS = "as for authors"

# Papers listed by default: a 10,000-paper list's every line is for a file (--format
# csv) or an editor (--limit 0), not for a terminal.
SHOWN = 20


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--field",
        action="append",
        choices=FIELDS,
        metavar="FIELD",
        help="list only the papers lacking this field (again for more: lacking any of them);"
        f" one of {', '.join(FIELDS)}",
    )
    parser.add_argument(
        "--topic",
        metavar="TOPIC",
        help="only the papers of this topic (its id) and of its sub-topics, at any depth, in the"
        " counts too",
    )
    parser.add_argument(
        "-n",
        "--limit",
        type=options.limit,
        default=None,
        help=f"list at most this many papers, 0 for all (default: {SHOWN}; with --format csv, all)",
    )
    parser.add_argument(
        "--format",
        choices=("text", "csv"),
        default="text",
        help="text (default), or csv: one row per paper lacking something, a column per field",
    )


def run(args: argparse.Namespace) -> int:
    from ..curation import FileCache, load_content, placed

    root = Path(args.root)
    cache: FileCache = {}  # (only to read what placing the papers in topics gave)
    content, problems = load_content(root / "content", root, cache=cache, root_given=args.root_given)
    # The wrong folder, or no paper read (a rename cut off, whose journal stops the load):
    # "0 papers; ... No paper lacks anything" would answer nothing, so nothing follows.
    stop = not (root / "content").is_dir() or not content.papers
    status = say_errors(problems, root, stopped="nothing was listed" if stop else "")  # (as `topics` says them)
    if status and stop:
        return status
    memo = placed(cache, root / "content")
    if memo is not None and memo.topics != content.topics:
        memo = None  # (not placed among these topics)
    papers: Sequence[Paper] = content.papers
    if args.topic is not None:
        if all(topic.id != args.topic for topic in content.topics):
            print(f"readinglist gaps: {_unknown_topic(args.topic, content)}", file=sys.stderr)
            return 2
        papers, below, only_below = _papers_under(args.topic, content, memo)
    elif not papers and args.format != "csv":  # (a spreadsheet's file keeps its header row)
        print(NO_PAPERS)
        return status
    found = find_gaps(papers, _in_no_topic(papers, content.topics, memo), _refused(problems, papers, root))
    rows = found.lacking_any(args.field) if args.field else found.rows
    limit = args.limit if args.limit is not None else 0 if args.format == "csv" else SHOWN
    shown = rows[:limit] if limit else rows
    if args.format == "csv":
        _write_csv(shown)
        return status
    where = ""
    if args.topic is not None:
        where = f" of topic {quoted(args.topic)}"
        if below:
            # (As the topic's card on the site says it: "3 papers · 2 more in 1 sub-topic".)
            where += f" and its {counted(below, 'sub-topic')}"
            if only_below:
                where += f" ({only_below} of them in a sub-topic only)"
            elif papers:  # (of no paper, nothing: "all of them" would be none)
                where += " (all of them in the topic itself)"
    print(summary(found, where, topics_defined=bool(content.topics)))
    print()
    print(listing(rows, shown, args.field or ()))
    return status


# The way to fill `topics` where no topic is defined: `--explain` of a paper then
# only says there is none.
_NO_TOPIC_YET = "no topic is defined yet: write them in content/topics.yml (README: \"Defining a topic\")"


def summary(found: Gaps, where: str = "", topics_defined: bool = True) -> str:
    """How many papers lack each field, each with how to fill it."""
    lines = [f"{counted(found.papers, 'paper')}{where}; what their records lack:"]
    width = len(str(found.papers))
    import_said = None  # the field whose line says the import's way in full
    for field in FIELDS:
        count = found.lacking[field]
        said = f" ({_SAID[field]})" if field in _SAID else ""
        lines.append(f"  {field:<11}{count:>{width}}{said}")
        if not count:
            continue
        how = HOW[field] if field != "topics" or topics_defined else _NO_TOPIC_YET
        if field == "authors":
            import_said = field
        elif how.startswith(_AS_FOR_AUTHORS):
            # Authors lacking nothing, their line says no way: the first way that
            # points at it says it in full, and the next ways point at that one.
            rest = how.removeprefix(_AS_FOR_AUTHORS)
            how = f"as for {import_said}{rest}" if import_said else HOW["authors"] + rest
            import_said = import_said or field
        lines.append(f"      {how}")
    return "\n".join(lines)


def listing(rows: Sequence[PaperGaps], shown: Sequence[PaperGaps], fields: Sequence[str]) -> str:
    """The papers ``shown`` (of ``rows``), one line each, its file first."""
    if not rows:
        which = f"lacks {' or '.join(fields)}" if fields else "lacks anything"
        return f"No paper {which}."
    which = f"lacking {' or '.join(fields)}" if fields else "lacking something"
    lines = [f"{counted(len(rows), 'paper')} {which}, those lacking the most first:"]
    lines += [f"{row.file}: no {', '.join(row.missing)}" for row in shown]
    if len(shown) < len(rows):
        lines.append(f"... and {len(rows) - len(shown)} more: --limit 0 for all")
    return "\n".join(lines)


def _write_csv(rows: Sequence[PaperGaps]) -> None:
    # (A title is a record's, perhaps imported: one starting '=' stays text, and every
    # value is quoted, so a spreadsheet split at ';' keeps it one cell, as in papers.csv.)
    from ..export_csv import CSV_BOM, spreadsheet_cell

    # ("\n" line ends, as papers.csv's: csv's default "\r\n" written to a text stream
    # became "\r\r\n" on Windows.)
    out = io.StringIO()
    out.write(CSV_BOM)  # (as papers.csv: Excel reads UTF-8 only after one)
    writer = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow(["file", "id", "title", "lacking", *FIELDS])
    for row in rows:
        writer.writerow(
            [spreadsheet_cell(row.file), spreadsheet_cell(row.paper_id), spreadsheet_cell(row.title),
             len(row.missing), *(int(field in row.missing) for field in FIELDS)]
        )  # fmt: skip
    # UTF-8 bytes, as papers.csv is, whatever stdout encodes: redirected to a file on
    # Windows it encodes in the legacy code page, which has no byte order mark (nor many
    # a title's characters) and is what the mark tells Excel the file is not.
    binary = getattr(sys.stdout, "buffer", None)
    if binary is None:  # (a stream of text only, such as a caller's StringIO)
        sys.stdout.write(out.getvalue())
        return
    sys.stdout.flush()
    binary.write(out.getvalue().encode("utf-8"))
    binary.flush()


def _refused(problems: Problems, papers: Sequence[Paper], root: Path) -> dict[str, set[str]]:
    """By a paper's id, the fields of FIELDS its file writes in a form `check` refuses
    ("year: 1997a", "doi: https://doi.org/..."): read without them, the paper was said to
    lack them, and told to import a record, which keeps the file's value; the error
    printed above says what to write instead."""
    from ..yamlio import parse, read_text

    ids = {paper.source.path: paper.id for paper in papers if paper.source is not None}
    places: dict[str, list[tuple[int, int]]] = {}
    for problem in problems.errors:
        if problem.location.path in ids and problem.location.line > 0:
            places.setdefault(problem.location.path, []).append((problem.location.line, problem.location.col))
    refused: dict[str, set[str]] = {}
    for shown, at in places.items():
        try:
            tree = parse(read_text(root / shown), shown, Problems())
        except (OSError, UnicodeDecodeError):
            continue
        for place in at:
            if _blank_at(tree, place):
                continue  # ('doi: ""': written empty, the field is lacking, and an import fills it)
            key, value = _entry_at(tree, place)
            if key == "links":
                key = _entry_at(value, place)[0]
                field = "code" if key == "code" else None
            else:
                field = FIELD_OF_KEY.get(key or "")
            if field is not None:
                refused.setdefault(ids[shown], set()).add(field)
    return refused


def _entry_at(node: object, place: tuple[int, int]) -> tuple[str | None, object]:
    """The key of ``node`` (a mapping) whose entry holds ``place``, a line and column:
    the last key written at or before it; (None, None) when there is none."""
    from ..yamlio import Map

    found: tuple[str | None, object] = (None, None)
    if isinstance(node, Map):
        for key, value in node:
            if (key.line, key.col) <= place:
                found = (key.text, value)
    return found


def _blank_at(node: object, place: tuple[int, int]) -> bool:
    """Whether the innermost value of ``node`` written at or before ``place`` (where an
    error is) is a scalar that holds nothing but spaces, or nothing."""
    from ..yamlio import Map, Scalar, Seq

    while isinstance(node, (Map, Seq)):
        node = (
            _entry_at(node, place)[1] if isinstance(node, Map)
            else next((item for item in reversed(node.items) if (item.line, item.col) <= place), None)
        )
    return isinstance(node, Scalar) and not (node.text or "").strip()


def _in_no_topic(papers: Sequence[Paper], topics: Sequence[Topic], memo: TopicMemo | None) -> set[str]:
    """The ids of ``papers`` in no topic, as the load placed them (``memo``; a paper it
    found surely in a topic, its file listing one or its title a keyword, it did not
    place: its assignments are None there), else placed here."""
    if memo is not None and all(paper.id in memo.placed for paper in papers):
        return {paper.id for paper in papers if memo.assignments(paper) == ()}
    return {paper_id for paper_id, assigned in _assign(papers, topics, memo).items() if not assigned}


def _papers_under(topic_id: str, content: Content, memo: TopicMemo | None) -> tuple[list[Paper], int, int]:
    """The papers given the topic or one under it (`parent:`, at any depth), each once:
    what is left to fill in for a topic is for all it holds, not only the papers its own
    page lists (a broader topic's may list few); how many topics are under it; and how
    many papers are in those only."""
    from ..topicsfile import topic_and_below

    children: dict[str, list[str]] = {}
    for topic in content.topics:  # (the load keeps only parents that exist, in no cycle)
        if topic.parent:
            children.setdefault(topic.parent, []).append(topic.id)
    under = topic_and_below(topic_id, children)
    assigned = _assign(content.papers, content.topics, memo)
    papers, only_below = [], 0
    for paper in content.papers:
        placed = {a.topic for a in assigned[paper.id]}
        if placed & under:
            papers.append(paper)
            only_below += topic_id not in placed
    return papers, len(under) - 1, only_below


def _assign(
    papers: Sequence[Paper], topics: Sequence[Topic], memo: TopicMemo | None
) -> dict[str, tuple[TopicAssignment, ...]]:
    """topics.assign_topics, taking what the load placed (as the build does)."""
    from ..topics import assign_paper, compile_topics

    matcher = compile_topics(topics)
    assigned = {}
    for paper in papers:
        found = memo.assignments(paper) if memo is not None else None
        assigned[paper.id] = found if found is not None else assign_paper(paper, matcher)
    return assigned


def _unknown_topic(given: str, content: Content) -> str:
    """"no topic 'x'" with the id meant: a renamed topic's new id, else the one `check`
    suggests for a paper's `topics:` naming it (a plausible typo's, a keyword's topic)."""
    from ..topicsfile import suggest_topic, topic_aliases

    for topic in content.topics:
        if given in topic.former_ids:
            return f"no topic {quoted(given)}; it was renamed to or merged into {quoted(topic.id)}"
    ids = [t.id for t in content.topics]
    if any(p.id == given for p in content.papers):
        return f"no topic {quoted(given)}: it is a paper (readinglist topics --explain {given})"
    aliases = topic_aliases((t.id, t.title, t.keywords) for t in content.topics)
    return f"no topic {quoted(given)}{suggest_topic(given, ids, aliases)}; readinglist topics lists them"
