"""What GitHub said of the papers' code repositories: stars, archived, on which day.

`readinglist stars` asks GitHub's API and writes ``content/repositories.yml``; the
generator reads that file, so a build makes no request to anyone and the same files
give the same site. A badge then says "★ 1.2k" (and "archived" for a read-only
repository), with the day GitHub was asked in its accessible name: a reader sees how
much a repository is used, and how fresh that figure is. Without the file, badges are
as before.

The file::

    # Written by `readinglist stars` ...
    github.com/owner/name:
      stars: 1234
      archived: false
      checked: 2026-11-30
    github.com/owner/deleted:
      gone: true
      checked: 2026-11-30

Keys are compared without regard to case (GitHub's names are case-insensitive). A
repository GitHub did not have ("gone") is kept too: its badge says "not found", and
`readinglist stars` does not ask about it again before the others.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Mapping
from pathlib import Path

from .errors import Location, Problems
from .models import Content, Link, Paper, RepoStats
from .typos import closest, did_you_mean
from .validate import misspelt_message
from .yamlfile import read_yaml
from .yamlio import Map, Refused, Scalar

FILE_NAME = "repositories.yml"
HEADER = (
    "# What GitHub said of the code repositories the papers link, shown on their badges.\n"
    "# Written by `readinglist stars`; run it again to refresh (it keeps your comments).\n"
)
# "github.com/owner/name", as GitHub spells owners and names.
# ("." and ".." are no names: GitHub refuses them.)
_KEY = re.compile(r"github\.com/[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/(?!\.\.?$)[A-Za-z0-9._-]{1,100}")
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_FIELDS = ("stars", "archived", "gone", "checked")


def is_key(text: str) -> bool:
    """Whether ``text`` is a key of the file ("github.com/owner/name")."""
    return _KEY.fullmatch(text) is not None


def key_of(link: Link) -> str | None:
    """The file's key for a code link ("github.com/owner/name"), or None when the link
    is no GitHub repository."""
    if link.kind != "code" or link.host != "github" or not link.repo:
        return None
    key = f"github.com/{link.repo}"
    return key.lower() if _KEY.fullmatch(key) else None


def read(path: Path, shown: str, problems: Problems) -> dict[str, RepoStats]:
    """The stats in ``path`` by lowercased key; every problem in it reported, at its place.
    A missing file is no problem: it is made only when a curator asks GitHub."""
    if not path.exists():
        return {}
    if not path.is_file():
        problems.error(Location(shown), "this is no file: the repositories' figures are a YAML file")
        return {}
    tree, _ = read_yaml(path, shown, problems)
    if tree is None or isinstance(tree, Refused):
        return {}  # (a refused root: the reader said why)
    if not isinstance(tree, Map):
        problems.error(tree.loc, "this file maps repositories ('github.com/owner/name') to what GitHub said of them")
        return {}
    stats: dict[str, RepoStats] = {}
    for key, value in tree:
        name = (key.text or "").strip()
        if not _KEY.fullmatch(name):
            problems.error(key.loc, f"'{name}' is no repository: a key is 'github.com/owner/name'")
            continue
        if name.lower() in stats:
            problems.error(key.loc, f"'{name}' is here twice (names are compared without regard to case)")
            continue
        entry = _entry(value, key, problems)
        if entry is not None:
            stats[name.lower()] = entry
    return stats


def _entry(value: object, key: Scalar, problems: Problems) -> RepoStats | None:
    if isinstance(value, Refused):
        return None  # (an alias or a tag: the reader said why)
    if not isinstance(value, Map):
        problems.error(getattr(value, "loc", key.loc), "a repository's entry holds stars, archived and checked (or gone and checked)")
        return None
    strange = [field for field in value.keys() if field not in _FIELDS]
    fine = not strange
    gone = _scalar(value, "gone", key, problems, required=False)
    # Whether it is gone is unknown for a refused value (the reader said why) and for
    # one that is no single value (_scalar said so).
    unknown = isinstance(gone, Refused) or (gone is None and value.get("gone") is not None)
    if gone is not None and not unknown and (gone.text or "") not in ("true", "false"):
        problems.error(gone.loc, f"gone must be true or false, not {_said(gone)}")
        unknown = True
    if unknown:
        fine, gone = False, None
    is_gone = gone is not None and gone.text == "true"
    # A repository GitHub did not have has no figures: stars is asked for only otherwise
    # (and not when that is unknown: one mistake, one message).
    required = {"checked"} if is_gone or unknown else {"stars", "checked"}
    misspelt: set[str] = set()  # (required fields said at a misspelling of theirs, not again as missing)
    for field in strange:
        meant = closest(field, _FIELDS)
        if meant in required and value.get(meant) is None:
            misspelt.add(meant)
            problems.error(value.key_node(field).loc, misspelt_message(field, "", meant))
        else:
            problems.error(
                value.key_node(field).loc,
                f"unknown field '{field}'" + did_you_mean(field, _FIELDS, f" (known: {', '.join(_FIELDS)})"),
            )
    stars = _scalar(value, "stars", key, problems, required="stars" in required - misspelt)
    archived = _scalar(value, "archived", key, problems, required=False)
    checked = _scalar(value, "checked", key, problems, required="checked" not in misspelt)
    # A value the reader refused (an alias, a tag) it has reported; the others are
    # still checked, so that every problem is said at once.
    if any(isinstance(node, Refused) for node in (stars, archived, checked)):
        fine = False
        stars, archived, checked = (None if isinstance(n, Refused) else n for n in (stars, archived, checked))
    if is_gone:
        for field, node in (("stars", stars), ("archived", archived)):
            if node is not None:
                problems.error(
                    value.key_node(field).loc,
                    f"a repository GitHub did not have (gone: true) has no {field} field",
                )
                fine = False
        stars = archived = None
    if stars is not None and not re.fullmatch(r"[0-9]{1,10}", stars.text or ""):
        problems.error(stars.loc, f"stars must be a whole number (of at most ten digits), not {_said(stars)}")
        fine = False
    if archived is not None and (archived.text or "") not in ("true", "false"):
        problems.error(archived.loc, f"archived must be true or false, not {_said(archived)}")
        fine = False
    day = None
    if checked is not None:
        try:
            if not _DAY.fullmatch(checked.text or ""):
                raise ValueError  # (fromisoformat takes "20261130" and "2026-W48-1" too)
            day = dt.date.fromisoformat(checked.text or "")
        except ValueError:
            problems.error(checked.loc, f"checked must be a date (YYYY-MM-DD), not {_said(checked)}")
            fine = False
    if not fine or day is None or (stars is None and not is_gone):
        return None
    if is_gone:
        return RepoStats(0, False, day, gone=True)
    return RepoStats(int(stars.text or 0), archived is not None and archived.text == "true", day)


def _said(node: Scalar) -> str:
    return "empty" if node.text is None else f"'{node.text}'"


def _scalar(entry: Map, field: str, key: Scalar, problems: Problems, required: bool = True) -> Scalar | None:
    node = entry.get(field)
    if node is None:
        if required:
            problems.error(entry.loc, f"{field} is missing for '{(key.text or '').strip()}'")
        return None
    if not isinstance(node, Scalar):
        problems.error(node.loc, f"{field} must be one value")
        return None
    return node


def apply(
    content: Content, stats: Mapping[str, RepoStats], kept: dict[str, tuple[Paper, Paper]] | None = None
) -> Content:
    """``content`` with each GitHub code link carrying its repository's stats. Papers
    without any keep their identity (later steps compare them by identity first), and
    with ``kept`` (the last call's results, for the same ``stats``: paper id -> the
    paper it was given, the paper made) so do the papers given stats before: a title
    edit no longer makes 2,000 papers new objects."""
    if not stats:
        return content
    papers = []
    changed = False
    made: dict[str, tuple[Paper, Paper]] = {}
    for paper in content.papers:
        old = kept.get(paper.id) if kept is not None else None
        if old is not None and old[0] is paper:
            new = old[1]
        else:
            links = tuple(_with_stats(link, stats) for link in paper.links)
            new = paper
            if any(a is not b for a, b in zip(links, paper.links)):
                new = dataclasses.replace(paper, links=links)
        if new is not paper:
            made[paper.id] = (paper, new)
            changed = True
        papers.append(new)
    if kept is not None:
        kept.clear()
        kept.update(made)
    return dataclasses.replace(content, papers=tuple(papers)) if changed else content


def _with_stats(link: Link, stats: Mapping[str, RepoStats]) -> Link:
    key = key_of(link)
    found = stats.get(key) if key else None
    return dataclasses.replace(link, stats=found) if found is not None else link


def short_count(n: int) -> str:
    """A star count as a badge shows it: 999, 1.2k, 12k, 1.2M (rounded down, so a
    badge never claims more than GitHub said)."""
    if n < 1000:
        return str(n)
    for size, unit in ((1_000_000, "M"), (1000, "k")):
        if n >= size:
            whole, rest = divmod(n, size)
            if whole >= 10:
                return f"{whole}{unit}"
            return f"{whole}.{rest * 10 // size}{unit}".replace(".0", "")
    return str(n)  # (not reached)


def dump(stats: Mapping[str, RepoStats]) -> str:
    """The file's text for ``stats``: keys sorted, so a rerun that learns nothing new
    writes the same bytes."""
    lines = [HEADER]
    for key in sorted(stats):
        entry = stats[key]
        if entry.gone:
            lines.append(f"{key}:\n  gone: true\n  checked: {entry.checked.isoformat()}\n")
            continue
        lines.append(
            f"{key}:\n  stars: {entry.stars}\n  archived: {'true' if entry.archived else 'false'}\n"
            f"  checked: {entry.checked.isoformat()}\n"
        )
    return "".join(lines)
