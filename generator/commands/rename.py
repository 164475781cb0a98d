"""`readinglist rename OLD NEW`: rename a paper, its file and every reference to it.

The list must pass `check` first: a reference the checker cannot read is one this
command could miss. The edits are planned from the files as read (rename.py), then
each file is read again and compared: if any changed meanwhile, nothing is written.
The new file is written first, then the files that name the paper, each atomically;
the old file goes last. An import cannot run meanwhile (the import lock is held).
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from ..errors import CuratorError, Location, Problem, Problems, counted

HELP = "rename a paper (or, with --topic, a topic) and every reference to it; the old id goes into formerly:"

EXIT = (
    "exit status: 0 when the paper was renamed (or, with --dry-run, could be), 1 when the"
    " list has errors or the rename cannot be made (nothing is written then)"
)

STOPPED = "nothing was renamed"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("old", metavar="OLD", help="the paper's (or topic's) id now")
    parser.add_argument("new", metavar="NEW", help="the id it is to have")
    parser.add_argument(
        "--topic", action="store_true",
        help="rename the topic OLD in content/topics.yml (its page moves; papers that name"
        " it, sub-topics and page links follow)",
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="print every change it would make, and write nothing"
    )


def run(args: argparse.Namespace) -> int:
    from filelock import FileLock, Timeout

    from ..atomicfile import atomic_write, sync_folder
    from ..curation import load_content
    from ..importer import LOCK_NAME
    from ..rename import plan_rename, plan_topic_rename
    from ..topicsfile import TOPICS_FILE
    from ..yamlfile import display

    root = Path(args.root)
    content_dir = root / "content"
    papers_dir = content_dir / "papers"
    if not papers_dir.is_dir():
        raise CuratorError([Problem(Location(display(papers_dir, root)), "no papers folder here; run in the project folder or give --root")])
    lock = FileLock(str(content_dir / LOCK_NAME), timeout=10)
    try:
        lock.acquire()
    except Timeout:
        raise CuratorError(
            [Problem(Location(display(content_dir / LOCK_NAME, root)), "an import is running (it holds this lock)")]
        ) from None
    try:
        content, problems = load_content(content_dir, root)
        if problems.has_errors():
            raise CuratorError(Problems(problems.errors))
        read: dict[str, tuple[Path, str]] = {}

        def text_of(path: Path) -> tuple[str, str]:
            shown = display(path, root)
            body = path.read_bytes().decode("utf-8")
            read[shown] = (path, body)
            return shown, body

        papers = {paper.id: text_of(papers_dir / f"{paper.id}.yml") for paper in content.papers}
        topics_path = content_dir / TOPICS_FILE
        topics = text_of(topics_path) if topics_path.is_file() else None
        pages_dir = content_dir / "pages"
        pages = [text_of(path) for path in sorted(pages_dir.glob("*.md"))] if pages_dir.is_dir() else []
        found = Problems()
        planner = plan_topic_rename if args.topic else plan_rename
        plan = planner(args.old, args.new, papers, topics, pages, found)
        if found.has_errors():
            raise CuratorError(found)
        for change in plan.changes:
            print(change)
        moved = f"{plan.remove} -> {args.new}.yml, " if plan.remove else ""
        said = (
            f"{'topic' if args.topic else 'paper'} '{args.old}' is now '{args.new}' ({moved}with"
            f" formerly: [{args.old}]); {counted(plan.references, 'reference')} updated"
        )
        if args.dry_run:
            print(f"would rename: {said}; nothing was written (--dry-run)")
            return 0
        # Written only if every file is still as it was read.
        for shown, (path, body) in read.items():
            if path.read_bytes().decode("utf-8") != body:
                raise CuratorError(
                    [Problem(Location(shown, 1, 1), "changed while the rename was planned; run it again")]
                )
        new_path = papers_dir / f"{args.new}.yml"
        if plan.remove and new_path.exists():
            raise CuratorError([Problem(Location(display(new_path, root), 1, 1), "a file of this name appeared; nothing was renamed")])
        for shown, text in plan.texts.items():
            path = read[shown][0] if shown in read else root / shown
            atomic_write(path, text, durable=True)
        if plan.remove:
            os.unlink(read[plan.remove][0])
            sync_folder(papers_dir)
        print(f"renamed: {said}")
        return 0
    finally:
        lock.release()
