"""Renaming a paper: every edit `readinglist rename OLD NEW` makes, planned from the texts
of the curation files, with no I/O (commands/rename.py reads and writes).

A rename touches what a curator wrote, so it changes only the characters it must, each
at the place the YAML reader or the Markdown reader located it: the paper's `id:`, its
`formerly:` (the old id added, so that the old address, readers' logs and feed entries
follow it; the new id taken out when the paper is renamed back), each other paper's
`related:`, `not_related:` and `not_same_as:` entry, each topic's `reading_order:`
entry, and each link of a hand-written page to the paper's page. Anything written in a shape it cannot edit
in place is refused, and then nothing is written.
"""

from __future__ import annotations

import posixpath
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Iterable, Mapping, Sequence
from urllib.parse import unquote, urlsplit

from .errors import Location, Problems
from .handlinks import links_of
from .pages import dest_of, paper_dest, topic_url
from .quoting import quoted
from .schema import MAX_ID_LENGTH, PATTERNS
from .unknownids import FIND_PAPER_ID, PaperTitles, paper_titles, suggest_paper
from .validate import id_hint, placed_id, plain_id
from .paperyaml import scalar
from .yamlio import Map, Node, Scalar, Seq, parse

_ID = re.compile(PATTERNS["id"])


@dataclass(frozen=True)
class Change:
    """One edit: at ``where`` (as the file was), ``before`` becomes ``after``."""

    where: Location
    before: str
    after: str

    def __str__(self) -> str:
        if not self.before:
            return f"{self.where}: added {self.after}"
        if not self.after:
            return f"{self.where}: removed {self.before}"
        return f"{self.where}: {self.before} -> {self.after}"


@dataclass
class Plan:
    """The files to write (path as shown -> new text), in the order to write them, and
    what changes in each; ``remove``: the paper's old file, removed last."""

    texts: dict[str, str] = field(default_factory=dict)
    changes: list[Change] = field(default_factory=list)
    remove: str = ""
    own: int = 0  # how many of the changes are to the renamed paper or topic itself

    @property
    def references(self) -> int:
        return len(self.changes) - self.own


class _Text:
    """A file's text with edits at (line, column) places, applied all at once."""

    def __init__(self, shown: str, text: str):
        self.shown = shown
        # (The YAML reader counts columns after a byte-order mark: so do these.)
        self.bom = "\ufeff" if text.startswith("\ufeff") else ""
        text = text[len(self.bom):]
        self.text = text
        # A line added is ended as the file's lines are.
        self.newline = "\r\n" if "\r\n" in text else "\n"
        # (YAML also breaks lines at a carriage return alone; lines here are counted at
        # line feeds: such a file is refused, not edited at the wrong place.)
        self.bare_cr = re.search(r"\r(?!\n)", text) is not None
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.edits: list[tuple[int, int, str]] = []  # (start, end, replacement)

    def offset(self, line: int, col: int) -> int:
        return self.starts[line - 1] + col - 1

    def line_end(self, line: int) -> int:
        """The offset just past ``line``'s line break (or the end of the text)."""
        return self.starts[line] if line < len(self.starts) else len(self.text)

    def replace(self, start: int, end: int, after: str) -> None:
        self.edits.append((start, end, after))

    def edited(self) -> str:
        text = self.text
        for start, end, after in sorted(self.edits, reverse=True):
            text = text[:start] + after + text[end:]
        return self.bom + text


def _finish(plan: Plan, edits: _Text, problems: Problems) -> None:
    """The file's edited text into the plan, if it has edits and they can be made."""
    if not edits.edits:
        return
    if edits.bare_cr:
        problems.error(
            Location(edits.shown, 1, 1),
            "this file breaks lines with a carriage return alone; this command cannot edit it"
            " (save it with ordinary line endings, or make these changes by hand)",
        )
        return
    spans = sorted((start, end) for start, end, _ in edits.edits)
    if any(later[0] < earlier[1] for earlier, later in zip(spans, spans[1:])):
        problems.error(Location(edits.shown, 1, 1), "two changes to this file overlap; make them by hand")
        return
    text = edits.edited()
    if edits.shown.endswith(".yml"):
        # What is written must read back: a shape these edits misjudged is refused.
        found = Problems()
        parse(text, edits.shown, found)
        if found.has_errors():
            problems.error(
                Location(edits.shown, 1, 1),
                "the changes would leave this file's YAML unreadable (it is written in a way"
                " this command cannot edit); make them by hand",
            )
            return
    plan.texts[edits.shown] = text


def check_new_id(new: str, old: str = "", what: str = "paper") -> str | None:
    """Why ``new`` cannot be an id, or None. ``old``: the id of the ``what`` renamed."""
    if not _ID.fullmatch(new) or len(new) > MAX_ID_LENGTH:
        if old and (plain_id(new) or placed_id(new)) == old:
            # ("Task Vectors" for task-vectors: "write 'task-vectors'" would be no change.)
            # (It said "the paper is 'task-vectors' already, the id 'Task Vectors' reads as",
            # which a curator took for a message cut short.)
            return f"{quoted(new)} reads as the id {quoted(old)}, which the {what} has already"
        return (
            f"{quoted(new)} is no id: an id is lowercase a-z, 0-9 and single hyphens, at most"
            f" {MAX_ID_LENGTH} characters{id_hint(new)}"
        )
    return None


# Where a paper's id is found, after "no paper 'x' to rename" (as check says it).
FIND_ID = f"; a paper's id is {FIND_PAPER_ID}"


def plan_rename(
    old: str,
    new: str,
    papers: Mapping[str, tuple[str, str]],
    topics: tuple[str, str] | None,
    pages: Sequence[tuple[str, str]],
    problems: Problems,
    keep_former: bool = True,
) -> Plan:
    """The edits that rename paper ``old`` to ``new``; ``old`` kept in its `formerly:`
    unless not ``keep_former`` (``old`` is another paper's id: crosscheck.reused_id).

    ``papers``: paper id -> (its file as shown, its text), every paper of the list;
    ``topics``: topics.yml as shown and its text, if there is one; ``pages``: each
    hand-written page as shown and its text. The list is assumed to pass `check`. What
    cannot be done goes to ``problems`` (the plan is then not to be written).
    """
    plan = Plan()
    if old not in papers:
        became = next((pid for pid, (_, body) in papers.items() if old in body and old in _former(body)), None)
        hint = f": it was renamed to {quoted(became)}" if became else ""
        if not hint and topics is not None and re.search(
            rf"^[ \t]*-?[ \t]*id:[ \t]*['\"]?{re.escape(old)}['\"]?[ \t]*(?:#.*)?$", topics[1], re.MULTILINE
        ):
            hint = f": it is a topic (readinglist rename --topic {old} {new})"
        if not hint:
            # As `check` says of an unknown id: the id a slip away, and where ids are found.
            # (A place that names a paper, pasted whole: `readinglist search`'s
            # "papers/<id>/", its file's path: the id in it.)
            # (Or the paper's title, as its slug or joined to its id: the paper of it.)
            named = placed_id(old)
            hint = (
                f" (did you mean {quoted(named)}?)" if named in papers
                else suggest_paper(old, sorted(papers), _titles(papers))
            ) + FIND_ID
        problems.error(Location("content/papers"), f"no paper {quoted(old)} to rename{hint}")
        return plan
    why = check_new_id(new, old)
    if why is None and new == old:
        why = f"the paper is {quoted(old)} already"
    if why is None and new in papers:
        why = f"{papers[new][0]} is paper {quoted(new)}: choose an id no paper has"
    shown, text = papers[old]
    if why:
        # At the id the rename would change (line 1 is a shipped file's schema comment).
        node = _tree(shown, text, problems)
        at = node.get("id") if isinstance(node, Map) else None
        problems.error(
            at.loc if isinstance(at, Scalar) else Location(shown, 1, 1),
            f"cannot rename {quoted(old)} to {quoted(new)}: {why}",
        )
        return plan
    # Only the files that hold either id need reading (a list may have 10,000).
    trees = {
        paper_id: _tree(file, body, problems)
        for paper_id, (file, body) in papers.items()
        # (A backslash may escape a character of an id in a quoted value: such a file is
        # read, and refused if it names the paper so.)
        if paper_id == old or old in body or new in body or "\\" in body
    }
    for paper_id, tree in trees.items():
        listed = _items(tree, "formerly")
        if paper_id != old and any(item.text == new for item in listed):
            where = next(item for item in listed if item.text == new)
            problems.error(
                where.loc,
                f"cannot rename {quoted(old)} to {quoted(new)}: {quoted(new)} is a former id of paper"
                f" {quoted(paper_id)}, and its old address leads there",
            )
    if problems.has_errors():
        return plan

    new_shown = posixpath.join(posixpath.dirname(shown), f"{new}.yml")
    own = _Text(new_shown, text)
    tree = trees[old]
    assert isinstance(tree, Map)
    node = tree.get("id")
    assert isinstance(node, Scalar)
    _replace_scalar(own, node, new, plan, problems)
    if keep_former:
        _add_former(own, tree, old, new, plan, problems)
    plan.own = len(plan.changes)
    _finish(plan, own, problems)
    plan.remove = shown
    if not keep_former:
        # (``old`` is another paper's: the references to it, written for that paper, stay
        # its own, and lead to it again once its file is brought back.)
        return plan

    for paper_id in sorted(trees):
        if paper_id == old:
            continue
        file, body = papers[paper_id]
        edits = _Text(file, body)
        for name in ("related", "not_related", "not_same_as"):
            for item in _items(trees[paper_id], name):
                if item.text == old:
                    _replace_scalar(edits, item, new, plan, problems)
        _finish(plan, edits, problems)
    if topics is not None:
        file, body = topics
        tree = _tree(file, body, problems)
        edits = _Text(file, body)
        listed = tree.get("topics") if isinstance(tree, Map) else None
        for topic in listed.items if isinstance(listed, Seq) else ():
            for item in _items(topic, "reading_order"):
                if item.text == old:
                    _replace_scalar(edits, item, new, plan, problems)
        _finish(plan, edits, problems)
    for file, body in pages:
        edits = _Text(file, body)
        _relink(edits, links_of(edits.text), {paper_dest(old): paper_dest(new)}, plan, problems)
        _finish(plan, edits, problems)
    return plan


def _text(node: Node | None) -> str:
    return node.text or "" if isinstance(node, Scalar) else ""


def _weights(node: Node | None) -> dict[str, float]:
    """A topic's keywords with their weights, as `check` reads them for the names a
    topic goes by (topicsfile.topic_aliases); one whose weight is no number is left out."""
    weights = {}
    for key, value in node.entries if isinstance(node, Map) else ():
        try:
            weights[_text(key)] = float(_text(value))
        except ValueError:
            pass
    return weights


def plan_topic_rename(
    old: str,
    new: str,
    papers: Mapping[str, tuple[str, str]],
    topics: tuple[str, str] | None,
    pages: Sequence[tuple[str, str]],
    problems: Problems,
) -> Plan:
    """The edits that rename topic ``old`` to ``new`` (arguments as `plan_rename`'s): its
    `id:` and `formerly:` in topics.yml, the other topics' `parent:`, the papers'
    `topics:` and `exclude_topics:`, and the hand-written pages' links to its page and
    its files."""
    plan = Plan()
    file, body = topics if topics is not None else ("content/topics.yml", "")
    tree = _tree(file, body, problems)
    listed = tree.get("topics") if isinstance(tree, Map) else None
    drafts = [t for t in listed.items if isinstance(t, Map)] if isinstance(listed, Seq) else []

    def id_of(topic: Map) -> str | None:
        node = topic.get("id")
        return node.text if isinstance(node, Scalar) else None

    mine = next((t for t in drafts if id_of(t) == old), None)
    if mine is None:
        # (As `check` says of an unknown topic: the one a slip away, held whole, or
        # named by its title or a keyword.)
        from .topicsfile import suggest_topic, topic_aliases

        named = [(i, t) for t in drafts if (i := id_of(t)) is not None]
        aliases = topic_aliases((i, _text(t.get("title")), _weights(t.get("keywords"))) for i, t in named)
        problems.error(Location(file), f"no topic {quoted(old)} to rename{suggest_topic(old, [i for i, _ in named], aliases)}")
        return plan
    why = check_new_id(new, old, "topic")
    if why is None and new == old:
        why = f"the topic is {quoted(old)} already"
    if why is None and any(id_of(t) == new for t in drafts):
        why = f"topic {quoted(new)} exists: choose an id no topic has"
    if why:
        at = mine.get("id")
        problems.error(
            at.loc if isinstance(at, Scalar) else mine.loc, f"cannot rename {quoted(old)} to {quoted(new)}: {why}"
        )
        return plan
    for topic in drafts:
        for item in _items(topic, "formerly"):
            if item.text == new and topic is not mine:
                problems.error(
                    item.loc,
                    f"cannot rename {quoted(old)} to {quoted(new)}: {quoted(new)} is a former id of topic"
                    f" {quoted(id_of(topic))}, and its old address leads there",
                )
    if problems.has_errors():
        return plan

    edits = _Text(file, body)
    _replace_scalar(edits, mine.get("id"), new, plan, problems)  # type: ignore[arg-type]
    _add_former(edits, mine, old, new, plan, problems)
    plan.own = len(plan.changes)
    for topic in drafts:
        parent = topic.get("parent")
        if isinstance(parent, Scalar) and parent.text == old:
            _replace_scalar(edits, parent, new, plan, problems)
    _finish(plan, edits, problems)
    for paper_id in sorted(papers):
        paper_file, paper_body = papers[paper_id]
        if old not in paper_body and "\\" not in paper_body:
            continue
        paper_tree = _tree(paper_file, paper_body, problems)
        paper_edits = _Text(paper_file, paper_body)
        for name in ("topics", "exclude_topics"):
            for item in _items(paper_tree, name):
                if item.text == old:
                    _replace_scalar(paper_edits, item, new, plan, problems)
        _finish(plan, paper_edits, problems)
    moved = {
        dest_of(topic_url(old)): dest_of(topic_url(new)),
        f"topics/{old}.bib": f"topics/{new}.bib",
        f"topics/{old}.xml": f"topics/{new}.xml",
    }
    for page_file, page_body in pages:
        page_edits = _Text(page_file, page_body)
        _relink(page_edits, links_of(page_edits.text), moved, plan, problems)
        _finish(plan, page_edits, problems)
    return plan


def _former(text: str) -> list[str]:
    """The ids a paper file's `formerly:` lists (its text parsed)."""
    return [str(item.text) for item in _items(parse(text, "", Problems()), "formerly")]


def _titles(papers: Mapping[str, tuple[str, str]]) -> PaperTitles:
    """The papers' titles, read from their files' text (only for the message of an id
    that is no paper's: a list of 10,000 is read whole then alone)."""
    trees = [
        (paper_id, tree) for paper_id, (shown, text) in papers.items()
        if isinstance(tree := parse(text, shown, Problems()), Map)
    ]
    # (Its arXiv id or DOI too, as `topics --explain` takes them: "rename 2410.13804 bento"
    # was told only where ids are found, the paper being one pasted id away.)
    return paper_titles(
        ((paper_id, title.text) for paper_id, tree in trees if isinstance(title := tree.get("title"), Scalar)),
        (
            (paper_id, written.text) for paper_id, tree in trees for name in ("arxiv", "doi")
            if isinstance(written := tree.get(name), Scalar)
        ),
    )


def _tree(shown: str, text: str, problems: Problems) -> Node | None:
    found = Problems()
    tree = parse(text, shown, found)
    if found.has_errors():  # (the list passed check: the file changed since)
        problems.items.extend(found.errors)
    return tree


def _items(tree: Node | None, name: str) -> list[Scalar]:
    node = tree.get(name) if isinstance(tree, Map) else None
    if not isinstance(node, Seq):
        return []
    return [item for item in node.items if isinstance(item, Scalar)]


def _replace_scalar(edits: _Text, item: Scalar, new: str, plan: Plan, problems: Problems) -> None:
    """The id ``item`` holds, as written (plain or quoted), becomes ``new``."""
    start = edits.offset(item.line, item.col)
    written = str(item.text)
    for quote in ("", "'", '"'):
        whole = f"{quote}{written}{quote}"
        if edits.text.startswith(whole, start) and (quote or not item.quoted):
            # (Plain, an id YAML would read as something else, "null" or "true", is quoted.)
            after = f"{quote}{new}{quote}" if quote else scalar(new)
            edits.replace(start, start + len(whole), after)
            plan.changes.append(Change(Location(edits.shown, item.line, item.col), whole, after))
            return
    problems.error(item.loc, f"{quoted(written)} is written in a way this command cannot edit; rename it by hand")


def _add_former(own: _Text, tree: Map, old: str, new: str, plan: Plan, problems: Problems) -> None:
    """`formerly:` gains the old id. Renamed back to a former id, that id leaves the
    list, unless it is the first, the id it was first known by: that stays first (its
    citation key and feed entry are that id's)."""
    key = next((k for k, _ in tree.entries if k.text == "formerly"), None)
    node = tree.get("formerly")
    if own.text.startswith("{", own.offset(tree.line, tree.col)):
        problems.error(
            tree.loc,
            "the mapping is written in braces, which this command cannot edit: write it a key"
            " a line, then run the rename again (or rename by hand)",
        )
        return
    listed = [str(item.text) for item in _items(tree, "formerly")]
    ids = [item for item in listed if item != new or item == listed[0]]
    if old not in ids:
        ids.append(old)
    flow = f"[{', '.join(scalar(i) for i in ids)}]"
    if key is None:
        # A new line right after the id's: "id: new" then "formerly: [old]", indented as
        # the id's key is (a topic of topics.yml); only in a mapping of a key a line.
        id_key = next(k for k, _ in tree.entries if k.text == "id")
        id_line = tree.get("id").line  # type: ignore[union-attr]
        before = own.text[own.starts[id_key.line - 1]:own.offset(id_key.line, id_key.col)]
        others = [k for k, _ in tree.entries if k is not id_key]
        if not re.fullmatch(r"[ ]*(?:-[ ]+)?", before) or any(k.col != id_key.col for k in others):
            problems.error(
                id_key.loc,
                "the file is not written a key a line, as this command can edit it: write it"
                " so, then run the rename again (or rename by hand)",
            )
            return
        at = own.line_end(id_line)
        line_break = "" if own.text[:at].endswith("\n") else own.newline
        indent = " " * (id_key.col - 1)
        own.replace(at, at, f"{line_break}{indent}formerly: {flow}{own.newline}")
        plan.changes.append(Change(Location(own.shown, id_line + 1, id_key.col), "", f"formerly: {flow}"))
        return
    if ids == listed:
        return  # (it lists the old id already)
    start = own.offset(key.line, key.col)
    line = own.text[start:own.line_end(key.line)]
    # `formerly:` left empty, or a list in brackets on the key's line: written anew
    # (what follows it, a comment, stays as it is).
    whole = re.match(
        r"formerly:(?:[ \t]*(\[[^\]\n#]*\]|~|null|Null|NULL)(?=[ \t]*(?:#|\r?\n|$)))?", line
    )
    rest_ok = whole is not None and re.fullmatch(r"[ \t]*(#[^\n]*)?\r?\n?", line[whole.end():])
    if whole and rest_ok and (isinstance(node, Scalar) and node.text is None or whole.group(1)):
        own.replace(start, start + whole.end(), f"formerly: {flow}")
        where = Location(own.shown, key.line, key.col)
        plan.changes.append(Change(where, line[:whole.end()], f"formerly: {flow}"))
        return
    if isinstance(node, Seq) and node.items and all(isinstance(i, Scalar) for i in node.items):
        # A block list, "- id" a line: the old id on a line of its own after the last.
        items = [item for item in node.items if isinstance(item, Scalar)]
        last = items[-1]
        first_line = own.text[own.starts[last.line - 1]:own.offset(last.line, last.col)]
        if re.fullmatch(r"[ \t]*-[ \t]+", first_line):
            if old not in listed:
                at = own.line_end(last.line)
                line_break = "" if own.text[:at].endswith("\n") else own.newline
                own.replace(at, at, f"{line_break}{first_line}{scalar(old)}{own.newline}")
                plan.changes.append(Change(Location(own.shown, last.line + 1, 1), "", f"- {old}"))
            for item in items[1:]:
                if item.text == new:
                    begin = own.starts[item.line - 1]
                    own.replace(begin, own.line_end(item.line), "")
                    plan.changes.append(Change(Location(own.shown, item.line, item.col), f"- {new}", ""))
            return
    problems.error(
        key.loc,
        f"'formerly' is written in a way this command cannot edit; add {quoted(old)} to it by hand",
    )


def _relink(
    edits: _Text,
    links: Iterable[tuple[str, int, int]],
    moved: Mapping[str, str],
    plan: Plan,
    problems: Problems,
) -> None:
    """Links of a hand-written page to a renamed page (or file: ``moved``, old path ->
    new, as the docs folder has them) lead to the new one.

    An address is changed where it stands as a link's (right after "](" or "](<", or
    after a reference definition's "]:"), and only where the Markdown reader takes it
    for one: each such place is tried with another address, which the reader must then
    find. Once changed, the reader must find no link left to the old page. A page where
    either fails (the same text in code or in a title, an address written another way)
    is refused, not guessed at."""
    first: dict[str, tuple[int, int]] = {}
    for href, line, col in links:
        parts = urlsplit(href)
        if not parts.scheme and not parts.netloc and _target(href) in moved:
            first.setdefault(href, (line, col))
    text = edits.text
    for href, where in first.items():
        parts = urlsplit(href)
        dest = _target(href)
        stands = re.compile(
            r"(?:\]\([ \t]*<?|^[ ]{0,3}\[[^\]\n]+\]:[ \t]*<?)(" + re.escape(href)
            + r")(?=>?(?:[ \t\r\n)\"']|$))",
            re.MULTILINE,
        )
        spots = [m.start(1) for m in stands.finditer(text)]
        if not spots or not parts.path.endswith(dest):
            _cannot_relink(edits, where, dest, moved, problems)
            continue
        stray = [
            at for at in spots
            if _PROBE not in (h for h, _, _ in links_of(text[:at] + _PROBE + text[at + len(href):]))
        ]
        for at in stray:
            line = bisect_right(edits.starts, at)
            problems.error(
                Location(edits.shown, line, at - edits.starts[line - 1] + 1),
                f"{href} stands here as a link's address, but is no link (it is in code, a"
                " comment, a title or a definition no link uses): change or remove it, then"
                " run the rename again",
            )
        if stray:
            continue
        path = parts.path[: len(parts.path) - len(dest)] + moved[dest]  # ("./" kept)
        after = path + href[len(parts.path):]
        for spot in spots:
            line = bisect_right(edits.starts, spot)
            edits.replace(spot, spot + len(href), after)
            plan.changes.append(Change(Location(edits.shown, line, spot - edits.starts[line - 1] + 1), href, after))
    if edits.edits and not problems.has_errors():
        left = [(h, line, col) for h, line, col in links_of(edits.edited()[len(edits.bom):]) if _target(h) in moved]
        for h, line, col in left:
            _cannot_relink(edits, (line, col), _target(h), moved, problems)


# An address no page has, tried where a link to the renamed page seems to stand.
_PROBE = "readinglist-rename-probe.md"


def _target(href: str) -> str:
    return posixpath.normpath(unquote(urlsplit(href).path))


def _cannot_relink(
    edits: _Text, where: tuple[int, int], dest: str, moved: Mapping[str, str], problems: Problems
) -> None:
    problems.error(
        Location(edits.shown, *where),
        f"this link to {dest} is written in a way this command cannot edit in place (an"
        " entity, an address on its own line, an indented definition): write it as"
        f" [text]({dest}), then run the rename again",
    )
