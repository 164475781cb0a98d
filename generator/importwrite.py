"""Writing the paper files an import created or changed.

New files are emitted directly (fast, field order from the schema); existing files that
need a change are edited with ruamel.yaml's round-trip mode (see paperfile.py), so
comments, key order and blank lines survive, and the result is checked against the
original before it is written. Files that need no change are not touched at all, nor
are read-only ones (a curator's sign that no tool is to change them): those are said.
"""

from __future__ import annotations

import codecs
import os
import re
from collections import Counter
from io import StringIO
from pathlib import Path
from typing import Callable

from . import paperyaml
from .atomicfile import atomic_write_bytes, create_new, read_only, temporary_beside, temporary_token, write_all
from .errors import CuratorError, Location, Problem, Problems, Severity
from .importmatch import Paper
from .importreport import ImportReport
from .ingest import normalise_text
from .models import USUAL_LINK_KINDS
from .paperfile import (
    in_brackets, insert_field, keep_own_entries, key_lines, link_dict, move_trailing_comment, new_file_text,
    ruamel_value, unread,
)
from .paperfile import round_trip_yaml as _round_trip_yaml  # a test replaces it here
from .quoting import quoted
from .schema import PAPER_FIELDS, field_names
from .yamlio import parse, to_python


_ORDER = field_names(PAPER_FIELDS)


def write(
    existing: list[Paper],
    created: list[Paper],
    touched: set[str],
    report: ImportReport,
    record_pending: Callable[[], None],
) -> None:
    problems = Problems()
    edits: list[tuple[Paper, str]] = []
    for paper in existing:
        if paper.id not in touched:
            continue
        if not paper.fills and not paper.new_links and not paper.drops:
            report.unchanged.append(paper.id)
            continue
        if read_only(paper.path):
            # (Before the edit is made: a file left as it is stops no import with what
            # its edit would have met.)
            report.read_only.append(paper.id)
            report.warnings.append(_read_only(paper))
            continue
        text = _edited_text(paper, problems)
        if text is not None:
            edits.append((paper, text))
    new_files: list[tuple[Path, bytes]] = []
    for paper in created:
        if paper.raw:
            # A restored paper's file as git had it, with this import's fills: edited
            # as an existing file is, so the curator's text stays as it was.
            text = normalise_text(paper.raw)
            if paper.fills or paper.new_links or paper.drops:
                text = _edited_text(paper, problems) or ""
            paper.text = text
            new_files.append((paper.path, as_the_file_was(paper.raw, text)))
        else:
            paper.text = new_file_text(paper.id, paper.values, paper.new_links)
            new_files.append((paper.path, paper.text.encode("utf-8")))
    if problems.has_errors():
        raise CuratorError(problems)
    skipped = _write_new_files(new_files, record_pending)
    # (Each paper's path looked up only when some file was left alone, seldom: hashing
    # 10,000 paths three times for none cost a fresh import 0.02-0.03 s.)
    left = [paper for paper in created if paper.path in skipped] if skipped else []
    report.added.extend(paper.id for paper in created if not skipped or paper.path not in skipped)
    for paper in left:
        paper.text = ""  # someone else's file: what this run reported has no place in it
        report.left_alone.append(paper.id)
        report.warnings.append(_busy(paper.path, "appeared"))
    for paper, text in edits:
        # The lock keeps other imports out, not a curator's editor: a file edited since
        # it was read is left alone rather than overwritten with a stale merge.
        try:
            current = paper.path.read_bytes()
        except FileNotFoundError:
            current = None
        if current != paper.raw:
            report.left_alone.append(paper.id)
            report.warnings.append(_busy(paper.path, "changed"))
            continue
        atomic_write_bytes(paper.path, as_the_file_was(paper.raw, text))
        paper.text = text
        report.updated.append(paper.id)


def _busy(path: Path, what: str) -> Problem:
    return Problem(
        Location(str(path)),
        f"this file {what} while the import ran, so the import left it alone; "
        "run the import again",
        Severity.WARNING,
    )


def _read_only(paper: Paper) -> Problem:
    undone = []
    if paper.fills or paper.new_links:
        undone.append(f"write {_what_added(paper)}")
    if taken := [name for name in _ORDER if name in paper.drops and name not in paper.fills]:
        undone.append(f"take out {', '.join(taken)}")
    return Problem(
        Location(str(paper.path), 1, 1),
        f"this file is read-only, so the import left it alone: it did not {' or '.join(undone)}"
        " (make the file writable, chmod u+w, and run the import again to do so)",
        Severity.WARNING,
    )


def as_the_file_was(raw: bytes | None, text: str) -> bytes:
    """``text`` (read with its byte-order mark dropped and its line ends made "\n") in
    the file's own form again: Windows (or old Mac) line ends and a byte-order mark stay,
    so a diff shows only the lines the import added, not every line of the file. In a
    file whose lines end both ways, each line the edit kept keeps its own ending; a line
    it added takes the one most of the file's lines have."""
    ends = _line_ends(raw) if raw else []
    if len(set(ends)) > 1:
        text = _with_own_ends(raw or b"", ends, text)
    elif ends and ends[0] != "\n":
        text = text.replace("\n", ends[0])
    data = text.encode("utf-8")
    if raw and raw.startswith(codecs.BOM_UTF8):
        data = codecs.BOM_UTF8 + data
    return data


def _usual_end(ends: list[str]) -> str:
    """The ending most of the lines have ("\n" where two are as many)."""
    counts = Counter(ends)
    return max(("\n", "\r\n", "\r"), key=lambda end: counts[end])  # (first of equals: "\n")


# A line's ending as normalise_text reads one: Windows', Unix's or an old Mac's.
_LINE_END = re.compile(r"\r\n|\r|\n")


def _line_ends(raw: bytes) -> list[str]:
    return _LINE_END.findall(raw.decode("utf-8-sig", errors="surrogateescape"))


def _with_own_ends(raw: bytes, ends: list[str], text: str) -> str:
    """``text`` with each line that is one of the file's own, in the same order, ending as
    it did there (difflib's matching of the two texts' lines), and the others with the
    ending most of the file's lines have."""
    import difflib

    usual = _usual_end(ends)
    before = normalise_text(raw).split("\n")
    after = text.split("\n")  # (the last item: what follows the last line break)
    endings = [usual] * (len(after) - 1)
    # The lines before the first the edit changed and after the last are the file's own
    # where they are: only those between are matched. (difflib's matching of many alike
    # lines takes time growing with their count squared, or worse: a file of 5,000 "- x"
    # lines took 6 s, of 20,000 three minutes; an edit is in a few places.)
    start = 0
    while start < min(len(before), len(after)) and before[start] == after[start]:
        start += 1
    end = 0
    while end < min(len(before), len(after)) - start and before[-1 - end] == after[-1 - end]:
        end += 1
    pairs = [(i, i) for i in range(start)]
    pairs += [(len(before) - 1 - k, len(after) - 1 - k) for k in range(end)]
    # (autojunk off: a long file's many alike lines, "found_in: abstract", are lines too)
    matcher = difflib.SequenceMatcher(
        None, before[start:len(before) - end], after[start:len(after) - end], autojunk=False
    )
    for tag, i1, i2, j1, _ in matcher.get_opcodes():
        if tag == "equal":
            pairs += [(start + i1 + offset, start + j1 + offset) for offset in range(i2 - i1)]
    for i, j in pairs:
        if i < len(ends) and j < len(endings):
            endings[j] = ends[i]
    return "".join(line + end for line, end in zip(after, endings)) + after[-1]


def _write_new_files(
    files: list[tuple[Path, bytes]], before_links: Callable[[], None] = lambda: None
) -> set[Path]:
    """Create files atomically, like atomicfile.atomic_write, but with two syncs in all.

    One fsync per file made a 10,000-paper import spend most of a minute waiting for the
    disk. Instead every file goes to a temporary name first, one sync makes all of them
    durable, and only then are they renamed into place (a second sync makes the renames
    durable); ``before_links`` runs in between. A run killed midway leaves each file
    absent or whole; its temporaries are removed. A file someone else created meanwhile is never replaced: the paths
    left alone are returned.
    """
    skipped: set[Path] = set()
    temporaries: list[tuple[str, Path]] = []
    # One random part for the run's temporaries, each beside its own file: unique as the
    # files' names are (temporary_name drew one a file: 10,000 draws and Paths, 0.09 s).
    token = temporary_token()
    try:
        for path, data in files:
            # Named and recorded before it exists, so an interrupt at any moment leaves
            # nothing the handler below does not know about.
            tmp = temporary_beside(os.fspath(path), token)
            temporaries.append((tmp, path))
            try:
                try:
                    fd = create_new(tmp)  # a curator's files follow the umask
                except FileExistsError:
                    # (Not this run's: a file of that very name was there. Not to be
                    # removed below; the import stops, telling of its paper file.)
                    temporaries.pop()
                    raise
                try:
                    write_all(fd, data)
                finally:
                    os.close(fd)
            except OSError as error:
                # A full disk: os.write's error names no file, os.open's the temporary
                # (removed below); the curator is told the paper file it was to be.
                raise OSError(error.errno, error.strerror, str(path)) from error
        if temporaries:
            os.sync()
            before_links()  # (the record, durable before any new file is in place)
        temporaries.reverse()  # rename in input order, popping each one renamed
        while temporaries:
            tmp, path = temporaries[-1]
            if not _link_new(tmp, path):
                skipped.add(path)
            temporaries.pop()
        if files:
            os.sync()
        return skipped
    except BaseException:
        for tmp, _ in temporaries:
            try:
                os.unlink(tmp)
            except FileNotFoundError:
                pass
        raise


def _link_new(tmp: str, path: Path) -> bool:
    """Move ``tmp`` to ``path`` unless ``path`` exists; hard links refuse to clobber."""
    try:
        os.link(tmp, path)
    except FileExistsError:
        os.unlink(tmp)
        return False
    except OSError:  # a file system without hard links
        if path.exists():
            os.unlink(tmp)
            return False
        os.replace(tmp, path)
        return True
    os.unlink(tmp)
    return True


def _edited_text(paper: Paper, problems: Problems) -> str | None:
    """The paper file with this import's fills and links added and its drops taken out,
    or None on a problem."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.error import MarkedYAMLError

    original = normalise_text(paper.raw)
    yaml = _round_trip_yaml(original)
    try:
        data = yaml.load(original)
    except MarkedYAMLError as error:  # (a file check passes: "tags: []\t# mine")
        place = unread(original, error)
        problems.error(Location(str(paper.path), place.line, place.column), place.said("the import"))
        return None
    starts = key_lines(data)
    dropped = paper.drops - set(paper.fills)  # (a later record of this import may fill it)
    for name in dropped:
        data.pop(name, None)
    for name in _ORDER:
        if name in paper.fills:
            insert_field(data, name, ruamel_value(name, paper.fills[name]))
    if paper.new_links and not _links_take(paper, data, problems):
        return None
    if paper.new_links:
        links = data.get("links")
        if not isinstance(links, CommentedMap):
            links = CommentedMap((kind, CommentedSeq()) for kind in USUAL_LINK_KINDS)
            for kind in USUAL_LINK_KINDS:
                links[kind].fa.set_flow_style()
            insert_field(data, "links", links)
        for link in paper.new_links:
            seq = links.get(link.kind)
            if not isinstance(seq, CommentedSeq):
                seq = CommentedSeq()
                links[link.kind] = seq
            item = CommentedMap(
                (key, paperyaml.ruamel_text(value) if isinstance(value, str) else value)
                for key, value in link_dict(link).items()
            )
            if len(seq):
                move_trailing_comment(seq[-1], item)
            if not in_brackets(seq):  # (a list the file writes in brackets stays so)
                seq.fa.set_block_style()
            seq.append(item)
    stream = StringIO()
    yaml.dump(data, stream)
    touched = set(paper.fills) | ({"links"} if paper.new_links else set())
    text = keep_own_entries(original, starts, stream.getvalue(), touched, dropped)
    if not _kept_curated(paper, text, problems):
        return None
    return text


def _links_take(paper: Paper, data: object, problems: Problems) -> bool:
    """Whether the file's 'links:' can take the links the import adds: it is left empty
    or is a mapping, and each kind it adds to is left empty or is a list. Else an error
    at the value that is neither ('links: https://…', 'code: https://…', which check
    refuses and says how to write): written over, the curator's value would be lost, and
    the safety net said only "refusing to edit this file ... (please report this)"."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    links = data.get("links") if isinstance(data, CommentedMap) else None
    if links is None:
        return True
    if isinstance(links, CommentedMap):
        wrong = [
            (links, kind, f"'links.{kind}'")
            for kind in dict.fromkeys(link.kind for link in paper.new_links)
            if links.get(kind) is not None and not isinstance(links.get(kind), CommentedSeq)
        ]
    else:
        wrong = [(data, "links", "'links'")]
    for holder, key, said in wrong:
        line, col = holder.lc.value(key)
        kinds = " and ".join(dict.fromkeys(link.kind for link in paper.new_links))
        problems.error(
            Location(str(paper.path), line + 1, col + 1),
            f"the import cannot add the paper's {kinds} links here: {said} is no"
            f" {'list of links' if key != 'links' else 'mapping of kinds of links'}"
            " (readinglist check says how to write it); write it so, then import again; nothing"
            " was written",
        )
    return not wrong


def _kept_curated(paper: Paper, text: str, problems: Problems) -> bool:
    """Check the edited text still says everything the curator wrote, plus the fills,
    less the drops."""
    dropped = paper.drops - set(paper.fills)
    check = Problems()
    tree = parse(text, str(paper.path), check)
    after = to_python(tree) if tree is not None else None
    before = to_python(paper.located())
    ok = isinstance(after, dict) and isinstance(before, dict)
    if ok:
        for key, value in before.items():
            if key in paper.fills:
                continue
            if key in dropped:
                ok = ok and key not in after
                continue
            if key == "links" and value is None:
                # ('links:' left empty takes the links added, as 'code:' left empty does.)
                ok = ok and (after.get("links") is None or isinstance(after.get("links"), dict))
            elif key == "links" and isinstance(value, dict):
                new_links = after.get("links")
                # (A kind's list keeps its items first; a kind that holds no list, which
                # check refuses, is left as it is: "project: {a: b}" was a traceback.)
                ok = ok and isinstance(new_links, dict) and all(
                    (new_links.get(kind) or [])[: len(items or [])] == (items or [])
                    if isinstance(items, list) or items is None else new_links.get(kind) == items
                    for kind, items in value.items()
                )
            elif after.get(key) != value:
                ok = False
        for key, value in paper.fills.items():
            ok = ok and after.get(key) == value
    if not ok:
        problems.error(
            Location(str(paper.path)),
            "refusing to edit this file: rewriting it would change what is already in it "
            "(please report this); nothing was written",
        )
        return ok
    # The values alone do not show a comment lost, or written twice: ruamel drops one
    # written inside brackets ("code: [{url: ..., # mine") when it re-emits what holds it.
    kept = Counter(comment for _, _, comment in comments(text))
    lost = []
    for line, col, comment in comments(normalise_text(paper.raw)):
        if kept[comment]:
            kept[comment] -= 1
        else:
            lost.append((line, col, comment))
    for line, col, comment in lost:
        problems.error(
            Location(str(paper.path), line, col),
            f"the import cannot keep this comment ({quoted(comment)}) where it stands while it adds"
            f" {_what_added(paper)}: move the comment out of the brackets around it, onto a"
            " line of its own, or add those values by hand; nothing was written",
        )
    if not lost and +kept:  # (a comment written twice: the rewrite went wrong)
        problems.error(
            Location(str(paper.path)),
            "refusing to edit this file: rewriting it would change what is already in it "
            "(please report this); nothing was written",
        )
        return False
    return not lost


def _what_added(paper: Paper) -> str:
    names = [name for name in _ORDER if name in paper.fills]
    names += ["links"] if paper.new_links else []
    return ", ".join(names) or "its changes"


def comments(text: str) -> list[tuple[int, int, str]]:
    """Each comment of a YAML text: its 1-based line and column and its text, read from
    where the scanner's tokens are not (a "#" inside a quoted value or a block text is
    no comment)."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    spans = [
        ((token.start_mark.line, token.start_mark.column), (token.end_mark.line, token.end_mark.column))
        for token in yaml.scan(text, Loader=loader)
    ]
    found = []
    for number, line in enumerate(text.split("\n")):
        for match in _COMMENT.finditer(line):
            at = (number, match.start())
            if not any(start <= at < end for start, end in spans):
                found.append((number + 1, match.start() + 1, line[match.start():].rstrip()))
                break
    return found


# A "#" that may start a comment: at the start of a line or after a space or a tab.
# Each "#" apart, not one match to the line's end: a "#" in a quoted value before a
# comment ('note: "see #3" # mine') hid the comment after it.
_COMMENT = re.compile(r"(?:^|(?<=[ \t]))#")

