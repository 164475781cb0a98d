"""`readinglist import PATH...`: listings, BibTeX and RIS into content/papers/*.yml."""

from __future__ import annotations

import argparse
import shlex
import sys
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import Collection

from .. import gcpause
from ..errors import CuratorError, Location, Problem, Severity, counted
from ..importer import import_paths
from ..importreport import ImportReport
from ..ingest import FORMATS, Record
from ..keptsources import Kept, keep


EXIT = "exit status: 0 when the import was written (with warnings or conflicts, if any), 1 when an error stopped it (nothing written)"

def add_arguments(parser: argparse.ArgumentParser) -> None:
    # (Kept as typed: Path("./-") is Path("-"), and `./-` is a file named "-".)
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="Hugging Face Papers listing text, BibTeX, RIS (a reference manager's"
                        " or digital library's export), Markdown lists of papers, or arXiv"
                        " API answers (as add keeps them); - reads standard input (BibTeX"
                        " or RIS pasted from a paper's page)")
    parser.add_argument("--format", choices=FORMATS, default=None,
                        help="the input format (default: detected from the content)")
    parser.add_argument("--no-keep-source", dest="keep_source", action="store_false",
                        help="do not copy the inputs into content/sources/")
    parser.add_argument("--restore", action="append", default=[], metavar="ID",
                        help="import again a paper a curator deleted (its id as the import "
                        "names it); repeatable")
    parser.add_argument("-q", "--quiet", action="store_true",
                        help="print only the summary line, warnings and conflicts")


def project_folder_problem(root: Path, command: str, root_given: bool = False) -> str:
    """Why ``root`` is no place to import into; "" when it is a project. ``root_given``:
    ``root`` is --root's (see `curation.wrong_folder_fix`)."""
    if (root / "mkdocs.yml").is_file() or (root / "content").is_dir():
        return ""
    # Most likely the wrong folder (a shell in ~/Downloads beside the .bib): a new
    # content/ there would hold the papers where no build looks for them.
    from ..curation import inside_project, project_above, wrong_folder_fix  # (late: only to say where to run)

    what = f"readinglist {command}"
    fix = (
        wrong_folder_fix(root, what, root_given)
        if root_given
        else f"run {what} in the project folder or name it with --root PATH{inside_project(root, what)}"
    )
    return (
        f"readinglist {command}: {root.resolve()} is no readinglist project (it has no"
        f" mkdocs.yml and no content/ folder): {fix}"
        # (Not of a folder that is not there: --root mistyped, said by `wrong_folder_fix`.)
        + ("" if project_above(root) or not root.is_dir() else " (to start a list in this folder, create content/ in it first)")
    )


def run(args: argparse.Namespace) -> int:
    # The cyclic collector off for the command: an import of 10,000 BibTeX entries makes
    # a few million objects that stay until it ends (bibtexparser's blocks, the records,
    # the papers and their indexes), which it walked again and again: 1.4 s of a 9.5 s
    # import in 1,566 collections, 1.1 s of them full ones. Its garbage cycles wait until
    # it ends (some 316,000 objects at 10,000 entries: the records, bibtexparser's entries
    # and fields, pylatexenc's caught exceptions and their frames): peak RSS 327 -> 336 MB,
    # and 353 -> 358 MB for two such imports in one process; nothing is frozen, so they are
    # freed after, an error or Ctrl-C too, unless the process ends with the command
    # (gcpause.off_to_the_end: then they are frozen, not walked).
    with gcpause.off_to_the_end():
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    root = Path(args.root)
    content_dir = root / "content"
    if said := project_folder_problem(root, "import", args.root_given):
        print(said, file=sys.stderr)
        return 1
    if args.paths.count("-") > 1:
        print("readinglist import: - (standard input) can be read only once", file=sys.stderr)
        return 1
    # Each input is read once: what is imported is what is kept (a pipe, /dev/stdin or
    # <(...), has nothing left for a second read, and a file may change in between).
    contents: dict[Path, bytes] = {}
    args.paths = [STDIN if typed == "-" else Path(typed) for typed in args.paths]
    for path in args.paths:
        if path == STDIN:
            if sys.stdin.isatty():  # (a curator about to paste; the shell waits silently)
                print("reading standard input: paste, then Ctrl-D on a line of its own",
                      file=sys.stderr)
            contents[path] = sys.stdin.buffer.read()
            continue
        try:
            contents[path] = path.read_bytes()
        except OSError:
            pass  # reported by the import, with the others
    read: list[Record] = []
    try:
        report = import_paths(
            args.paths, content_dir, args.format, restore=args.restore, contents=contents, read=read
        )
    except CuratorError as exc:
        return print_stopped(list(exc.problems), "imported")
    if args.keep_source:
        written: list[Path] = []  # (a copy this run kept is no earlier version of another input)
        for path in args.paths:
            records = [record for record in read if record.source.path == str(path)]
            name = _stdin_name(contents[path]) if path == STDIN else None
            kept = (
                keep(name, content_dir / "sources", contents[path], args.format, records, written)
                if name
                else keep_source(path, content_dir / "sources", contents[path], args.format, records, written)
            )
            if kept is not None:
                written.append(kept.path)
                if not args.quiet:
                    print(kept_said(f"a copy of {path}", kept))
    print_report(report, args.quiet, again=f"readinglist import {_shown(args.paths)}")
    return 0


def print_stopped(problems: list[Problem], done: str) -> int:
    """The problems that stopped an import, then "N errors; nothing was DONE."; 1.
    (Printed here rather than by the CLI, whose "nothing was built or written" suits a
    build: an import builds nothing in any case.)"""
    for problem in problems:
        print(problem, file=sys.stderr)
    errors = sum(1 for p in problems if p.severity is Severity.ERROR)
    print(f"{counted(errors, 'error')}; nothing was {done}.", file=sys.stderr)
    return 1


# The edits a re-import kept are listed up to this many (and so are the titles a source
# only recapitalised): a list whose sources are imported again after a round of hand
# edits (or of recapitalising in the reference manager) would otherwise print a line for each.
_KEPT_SHOWN = 10
_PLACE = attrgetter("location")


def print_report(report: ImportReport, quiet: bool, again: str) -> None:
    """What an import did, its warnings and conflicts, and its summary line. ``again``:
    the command that imported, for the hint that brings a deleted paper back."""
    if report.finished_rename:
        print(f"finished a rename that was cut off: {report.finished_rename}")
    if not quiet:
        for duplicate in report.duplicates:
            print(duplicate)
        restored = set(report.restored)
        for paper_id in report.added:
            if paper_id in report.restored_from:
                print(f"restored {paper_id}: its file as git's commit {report.restored_from[paper_id]}"
                      " had it, with what the input adds")
            else:
                print(f"restored {paper_id}" if paper_id in restored else f"added {paper_id}")
        for paper_id in report.updated:
            print(f"updated {paper_id}")
        for changes in report.value_changes():
            for change in changes:
                print(change)
        for deleted in report.not_recreated:
            print(deleted)
        deleted = [d for d in report.not_recreated if not d.merged_into]
        if deleted:
            ids = " ".join(f"--restore {d.paper_id}" for d in deleted[:1])
            verb = again.split()[1]
            print(f"to bring a deleted paper back, {verb} again with --restore ID (e.g. {again} {ids})")
    # Warnings, kept edits, conflicts and notes in the order of their places (file, line,
    # column), as a curator goes through a file, not kind by kind: a 'left out' warning
    # at the venue's line was printed before the conflict at the year's, above it. (A
    # stable sort: at one place, in the order they were said.)
    placed: list[tuple[Location, str]] = [(warning.location, str(warning)) for warning in report.warnings]
    placed += [(kept.location, str(kept)) for kept in sorted(report.kept, key=_PLACE)[:_KEPT_SHOWN]]
    placed += [(c.location, f"{c.location}: warning: {c.message}") for c in report.conflicts]
    placed += [(note.location, str(note)) for note in sorted(report.recapitalised, key=_PLACE)[:_KEPT_SHOWN]]
    for _, said in sorted(placed, key=itemgetter(0)):
        print(said, file=sys.stderr)
    if len(report.kept) > _KEPT_SHOWN:
        print(f"... and {len(report.kept) - _KEPT_SHOWN} more of your edits kept likewise", file=sys.stderr)
    if len(report.recapitalised) > _KEPT_SHOWN:
        print(
            f"... and {len(report.recapitalised) - _KEPT_SHOWN} more titles whose source writes"
            " them only in other capitals, kept likewise", file=sys.stderr,
        )
    notices = (report.conflicts_notice(), report.lowered_notice(), report.shouted_notice(), report.yearless_notice())
    for notice in (*notices, *report.skipped_notices()):
        if notice:
            print(notice, file=sys.stderr)
    print(report.summary())


def _shown(paths: list[Path]) -> str:
    # (A file whose name starts with "-" written so that it is no option, nor "-".)
    return " ".join(
        "-" if path == STDIN else shlex.quote(f"./{path}" if str(path).startswith("-") else str(path))
        for path in paths
    )


# Standard input (`-`) as problems name it, as compilers do.
STDIN = Path("<stdin>")


def _stdin_name(data: bytes) -> str:
    """The name standard input is kept under in content/sources/: stdin with the
    extension of what it holds (stdin-<hash>.bib when another paste has the name)."""
    from ..ingest import detect_format, normalise_text

    try:
        fmt = detect_format(normalise_text(data))
    except UnicodeDecodeError:
        fmt = None
    return "stdin" + {"bibtex": ".bib", "ris": ".ris", "arxiv": ".xml", "markdown": ".md"}.get(fmt or "", ".txt")


def keep_source(
    path: Path,
    sources_dir: Path,
    data: bytes,
    fmt: str | None = None,
    records: list[Record] | None = None,
    spare: Collection[Path] = (),
) -> Kept | None:
    """Keep ``data``, read from ``path`` (its ``records``, when read already), in
    ``sources_dir`` for provenance (keptsources.py; ``spare``: copies not to remove);
    None when already kept there."""
    try:
        if path.resolve().parent == sources_dir.resolve():
            return None
    except OSError:
        pass
    return keep(path.name, sources_dir, data, fmt, records, spare)


def kept_said(what: str, kept: Kept) -> str:
    """What the command says of an input it kept: where, and the earlier copies it
    replaced (removed), and why."""
    said = f"kept {what} as {kept.path}"
    if kept.replaced:
        many = len(kept.replaced) > 1
        said += (
            f"; removed the earlier {'versions' if many else 'version'}"
            f" {', '.join(str(path) for path in kept.replaced)}: every value of"
            f" {'them' if many else 'it'} a paper holds, the copies kept give too"
        )
    return said
