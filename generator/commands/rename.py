"""`readinglist rename OLD NEW`: rename a paper, its file and every reference to it.

The list must pass `check` first: a reference the checker cannot read is one this
command could miss. The edits are planned from the files as read (rename.py), then
each file is read again and compared: if any changed meanwhile, nothing is written.
The new file is written first, then the files that name the paper, each atomically;
the old file goes last, all or none (renamewrite.py: a rename killed meanwhile is
finished by the next rename or import). An import cannot run meanwhile (the import
lock is held).
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import CuratorError, Location, Problem, Problems, counted
from ..quoting import quoted

if TYPE_CHECKING:
    from ..rename import Plan

HELP = "rename a paper (or, with --topic, a topic) and every reference to it; the old id goes into formerly:"

EXIT = (
    "exit status: 0 when the paper (or topic) was renamed (or, with --dry-run, could be), 1 when the"
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

    from ..atomicfile import file_mode
    from ..curation import load_content
    from ..importer import LOCK_NAME
    from ..rename import plan_rename, plan_topic_rename
    from ..renamewrite import JOURNAL_NAME, finish, remove_left_temporaries, write_all
    from ..topicsfile import TOPICS_FILE
    from ..yamlfile import display

    root = Path(args.root)
    content_dir = root / "content"
    papers_dir = content_dir / "papers"
    if not content_dir.is_dir():
        from ..curation import no_content

        # (As every command says it: "no papers folder here" named no folder. A project
        # with content/ but no papers/ yet is no wrong folder: its papers are none, and
        # the rename says there is no such paper, as check reads it.)
        raise CuratorError([Problem(Location(display(content_dir, root)), no_content(root, args.root_given))])
    # (A dry run writes nothing, not even the lock's file: it works in a read-only copy.)
    lock = FileLock(str(content_dir / LOCK_NAME), timeout=10) if not args.dry_run else None
    try:
        if lock is not None:
            lock.acquire()
    except Timeout:
        raise CuratorError(
            [Problem(Location(display(content_dir / LOCK_NAME, root)), "an import or another rename is running (it holds this lock)")]
        ) from None
    try:
        if lock is not None:
            finished = finish(content_dir, display(content_dir, root))
            remove_left_temporaries(content_dir)  # (a rename or import killed earlier)
            if finished is not None:
                print(f"finished a rename that was cut off: {finished}")
                if (finished.what, finished.old, finished.new) == (_what(args), args.old, args.new):
                    return 0  # (this rename, run again to finish it: done now)
        content, problems = load_content(content_dir, root, root_given=args.root_given)
        errors = problems.errors
        reused = False
        if not args.topic:
            from ..crosscheck import reused_id

            # (A paper given a deleted or another paper's id is told to take its own: this
            # rename does, and refused for it, the curator could not. The id stays the
            # other paper's: not kept in this one's formerly:, where its old address, readers'
            # marks and other sites' links would lead here, the very thing the error is of.)
            kept = [p for p in errors if p.kind != reused_id(args.old)]
            reused, errors = len(kept) < len(errors), kept
        if errors:
            raise CuratorError(Problems(errors))
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
        pages = [text_of(path) for path in hand_pages(pages_dir)]
        if not args.topic and args.old in papers:
            linked = papers_dir / f"{args.old}.yml"
            if linked.is_symlink():
                raise CuratorError([Problem(
                    Location(display(linked, root), 1, 1),
                    f"is a link to {os.readlink(linked)}: this command renames files, not"
                    " links; rename the file it leads to and the link by hand",
                )])
        found = Problems()
        plan = (
            plan_topic_rename(args.old, args.new, papers, topics, pages, found) if args.topic
            else plan_rename(args.old, args.new, papers, topics, pages, found, keep_former=not reused)
        )
        if found.has_errors():
            raise CuratorError(found)
        if not args.topic:  # (after the plan's own refusals: an id in use is said so)
            renamed = next((p for p in content.papers if p.id == args.old), None)
            had = renamed.formerly if renamed is not None else ()
            _not_the_importers(args.old, args.new, had, content_dir, root)
        # A file a curator made read-only is one no tool is to change: the rename, all or
        # nothing, is refused before a line of it is said done (a dry run says so too).
        locked = _read_only(plan, read, args.old, args.new)
        if locked:
            raise CuratorError(locked)
        order = {path: at for at, path in enumerate(dict.fromkeys(c.where.path for c in plan.changes))}
        for change in sorted(plan.changes, key=lambda c: (order[c.where.path], c.where.line or 0, c.where.col or 0)):
            print(change)
        moved = f"{plan.remove} -> {args.new}.yml; " if plan.remove else ""
        kind = "topic" if args.topic else "paper"
        how = f"({moved}'{args.old}' in its formerly:); {counted(plan.references, 'reference')}"
        done, would = f"{how} updated", f"{how} would be updated"
        if reused:
            done = would = (
                f"({moved}not in its formerly: '{args.old}' was another paper's id, and the references to"
                f" it, written for that paper, are left as they are)"
            )
        said = f"{kind} '{args.old}' is now '{args.new}' {done}"
        if args.dry_run:
            print(f"would rename {kind} '{args.old}' to '{args.new}' {would}; nothing was written (--dry-run)")
            return 0
        # Written only if every file is still as it was read.
        for shown, (path, body) in read.items():
            try:
                now = path.read_bytes().decode("utf-8")
            except FileNotFoundError:
                now = None
            if now != body:
                raise CuratorError(
                    [Problem(Location(shown, 1, 1), "changed while the rename was planned; run it again")]
                )
        new_path = papers_dir / f"{args.new}.yml"
        if plan.remove and os.path.lexists(new_path):
            raise CuratorError([Problem(Location(display(new_path, root), 1, 1), "a file of this name appeared; nothing was renamed")])
        writes = []
        for shown, text in plan.texts.items():
            if shown in read:
                # (A linked file: the file it leads to. A file in a linked folder stays
                # named through it: the journal names no file outside content/.)
                path = read[shown][0]
                path = Path(os.path.realpath(path)) if path.is_symlink() else path
                writes.append((path, text, file_mode(path)))
            else:  # the renamed paper's new file, with its old file's permissions
                writes.append((root / shown, text, file_mode(read[plan.remove][0])))
        try:
            write_all(
                writes, read[plan.remove][0] if plan.remove else None, content_dir,
                (_what(args), args.old, args.new),
            )
        except OSError as error:
            # (Named as the file the rename was writing, not its temporary's name.)
            failed = Path(error.filename or papers_dir)
            named = [path for path, _, _ in writes] + [content_dir / JOURNAL_NAME]
            target = next((path for path in named if failed.name.startswith(f".{path.name}.")), failed)
            raise CuratorError([Problem(Location(display(target, root)), f"{error.strerror or error}; nothing was renamed")]) from None
        print(f"renamed: {said}")
        return 0
    finally:
        if lock is not None:
            lock.release()


def hand_pages(folder: Path) -> list[Path]:
    """The hand-written pages, as the build reads them (not an Emacs lock, `.#page.md`)."""
    if not folder.is_dir():
        return []
    return [path for path in sorted(folder.glob("*.md")) if not path.name.startswith(".#")]


def _not_the_importers(old: str, new: str, had: tuple[str, ...], content_dir: Path, root: Path) -> None:
    """NEW may not be an id the importer's record keeps for another paper (a deleted
    one's, which an import may restore), only one this paper had before (``had``, its
    `formerly:`; the record moves there on the next import)."""
    from .. import provenance
    from ..yamlfile import display

    path = content_dir / provenance.RELATIVE_PATH
    if not path.is_file():
        return
    try:
        views = provenance.load(path)
    except CuratorError:
        return  # (check reported it)
    seen = views.get(new)
    if seen is not None and seen.renamed_to != old and new not in had:
        raise CuratorError([Problem(
            Location(display(path, root)),
            f"cannot rename {quoted(old)} to {quoted(new)}: the importer's record keeps {quoted(new)} for"
            " another paper (one a curator deleted, which an import may restore); choose"
            " another id",
        )])


def _read_only(plan: Plan, read: dict[str, tuple[Path, str]], old: str, new: str) -> list[Problem]:
    """Each file the rename would rewrite, or move (``plan.remove``), that is read-only."""
    from ..atomicfile import read_only

    problems = []
    for shown in [s for s in plan.texts if s in read] + ([plan.remove] if plan.remove else []):
        if not read_only(read[shown][0]):
            continue
        if shown == plan.remove:
            moved = next((s for s in plan.texts if s not in read), f"{new}.yml")
            what = f"move it to {moved}, with {quoted(old)} in its formerly:"
        else:
            what = f"change {quoted(old)} in it to {quoted(new)}"
        problems.append(Problem(
            Location(shown, 1, 1),
            f"this file is read-only, and the rename would {what} (make it writable, chmod"
            " u+w, and run the rename again)",
        ))
    return problems


def _what(args: argparse.Namespace) -> str:
    return "topic" if args.topic else "paper"
