"""Safe YAML reading that keeps every value's location, and atomic file writes.

Curation files are read into a small located tree (`Scalar`, `Seq`, `Map`) instead of
plain Python objects, for three reasons:

* every scalar stays the exact string the curator typed: PyYAML's YAML 1.1 resolver
  would turn ``arxiv: 2101.00010`` into a float (losing the trailing zero), ``NO``
  into ``False`` and ``0123`` into an octal number. Only the schema decides types;
* duplicate keys are errors (PyYAML silently keeps the last one);
* every node carries its line and column, so a problem found later, during
  validation, still points at ``path:line:col``.

Only ``yaml.compose`` from libyaml (when available) runs, never a constructor, so no
tag can instantiate anything; aliases are refused, which also defuses alias bombs.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Union

import yaml

from .errors import Location, Problems

try:  # libyaml's composer is an order of magnitude faster; the result is the same.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

_STD = "tag:yaml.org,2002:"
# Tags a curator may write explicitly (or the resolver assigns); the value is still read
# as the typed string. Anything else (``!!python/object``, ``!custom``) is refused.
_ALLOWED_TAGS = {
    _STD + name
    for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq", "binary", "merge")
}
_NULLS = {"", "~", "null", "Null", "NULL"}


@dataclass(frozen=True)
class Scalar:
    """A scalar as typed. ``text`` is None for an empty or null plain scalar."""

    text: str | None
    loc: Location
    quoted: bool = False

    @property
    def kind(self) -> str:
        return "null" if self.text is None else "string"


@dataclass(frozen=True)
class Seq:
    items: tuple["Node", ...]
    loc: Location

    kind = "list"


@dataclass(frozen=True)
class Map:
    """A mapping whose keys are strings; ``entries`` keeps the file's order."""

    entries: tuple[tuple[Scalar, "Node"], ...]
    loc: Location

    kind = "mapping"

    def get(self, key: str) -> "Node | None":
        for k, v in self.entries:
            if k.text == key:
                return v
        return None

    def key_node(self, key: str) -> Scalar | None:
        for k, _ in self.entries:
            if k.text == key:
                return k
        return None

    def keys(self) -> list[str]:
        return [k.text or "" for k, _ in self.entries]

    def __iter__(self) -> Iterator[tuple[Scalar, "Node"]]:
        return iter(self.entries)


Node = Union[Scalar, Seq, Map]


def _loc(path: str, mark: yaml.Mark | None) -> Location:
    if mark is None:
        return Location(path)
    return Location(path, mark.line + 1, mark.column + 1)


def read_text(path: Path) -> str:
    """Read a UTF-8 text file, dropping a byte-order mark and normalising CRLF."""
    data = path.read_bytes()
    text = data.decode("utf-8-sig")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse(text: str, path: str, problems: Problems) -> Node | None:
    """Parse one YAML document into a located tree; problems go to ``problems``.

    Returns None when the document is empty or cannot be parsed at all.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        problems.error(_loc(path, mark), f"YAML syntax error: {problem}")
        return None
    except yaml.YAMLError as exc:  # e.g. a reader error on a control character
        mark = getattr(exc, "position", None)
        line = col = 0
        if isinstance(mark, int):
            before = text[:mark]
            line = before.count("\n") + 1
            col = mark - (before.rfind("\n") + 1) + 1
        problems.error(Location(path, line, col), f"YAML syntax error: {exc}")
        return None
    if root is None:
        return None
    return _convert(root, path, problems, set())


def _convert(node: yaml.Node, path: str, problems: Problems, seen: set[int]) -> Node:
    loc = _loc(path, node.start_mark)
    if id(node) in seen:
        # compose() hands back the very same node object for every alias of an anchor.
        problems.error(loc, "YAML aliases and anchors (&name / *name) are not allowed")
        return Scalar(None, loc)
    if node.tag not in _ALLOWED_TAGS:
        problems.error(loc, f"YAML tag {node.tag.replace(_STD, '!!')!r} is not allowed")
        return Scalar(None, loc)
    if isinstance(node, yaml.ScalarNode):
        quoted = node.style in ("'", '"', "|", ">")
        text = node.value
        if not quoted and text in _NULLS:
            return Scalar(None, loc)
        return Scalar(text, loc, quoted)
    seen = seen | {id(node)}
    if isinstance(node, yaml.SequenceNode):
        return Seq(tuple(_convert(n, path, problems, seen) for n in node.value), loc)
    assert isinstance(node, yaml.MappingNode)
    entries: list[tuple[Scalar, Node]] = []
    first_seen: dict[str, Location] = {}
    for key_node, value_node in node.value:
        key = _convert(key_node, path, problems, seen)
        if not isinstance(key, Scalar) or key.text is None:
            problems.error(_loc(path, key_node.start_mark), "a mapping key must be a plain string")
            continue
        if key.text in first_seen:
            first = first_seen[key.text]
            problems.error(
                key.loc, f"duplicate key {key.text!r} (first defined at line {first.line})"
            )
            continue
        first_seen[key.text] = key.loc
        entries.append((key, _convert(value_node, path, problems, seen)))
    return Map(tuple(entries), loc)


def to_python(node: Node | None) -> object:
    """Plain Python (str / None / list / dict) from a located tree; scalars stay strings."""
    if node is None:
        return None
    if isinstance(node, Scalar):
        return node.text
    if isinstance(node, Seq):
        return [to_python(n) for n in node.items]
    return {k.text: to_python(v) for k, v in node.entries}


def atomic_write(path: Path, text: str) -> None:
    """Write ``text`` so that readers see either the old file or the new one, never half.

    The temporary file lives in the same folder, so ``os.replace`` is a rename on one
    file system; it is flushed to disk before the rename.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def write_if_changed(path: Path, text: str) -> bool:
    """Atomically write ``text`` unless the file already holds exactly it; True if written."""
    try:
        if path.read_bytes() == text.encode("utf-8"):
            return False
    except FileNotFoundError:
        pass
    atomic_write(path, text)
    return True
