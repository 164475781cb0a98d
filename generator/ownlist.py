"""The two files `readinglist init` rewrites, as text: no I/O here.

mkdocs.yml is the curator's as much as the generator's: comments, `!ENV` and
`!!python/name:` tags, its own order and quoting. Dumping it again would lose all of
that, so only the values of the keys asked for are replaced, where the file has them,
and the result is read back to prove that they, and nothing else, changed.
"""

from __future__ import annotations

import functools

import yaml

from .paperyaml import scalar

STR_TAG = "tag:yaml.org,2002:str"


class NotEditable(ValueError):
    """The file cannot be edited safely in place (not YAML, not a mapping at its top,
    a value the edit would not give back): the curator edits it by hand."""


def without_topics(text: str) -> str | None:
    """topics.yml with no topic: its lines up to the one starting `topics:` (the
    comment on how topics match papers), then `topics: []`, as README's `awk` line did;
    None when no line starts `topics:`."""
    lines = text.splitlines(keepends=True)
    for index, line in enumerate(lines):
        if line.startswith("topics:"):
            return "".join(lines[:index]) + "topics: []\n"
    return None


def with_values(text: str, values: dict[str, str]) -> str:
    """``text`` (a YAML mapping, mkdocs.yml) with each top-level key of ``values`` set
    to its string, written plain where YAML reads it back as that string and
    double-quoted otherwise; a key the file lacks is added after the one before it in
    ``values`` (or above the file's first key). Raises NotEditable."""
    root = _compose(text)
    edits: list[tuple[int, int, str]] = []  # (start, end, new text), spans of ``text``
    after = _first_key_line_start(text, root)
    for key, value in values.items():
        found = [v for k, v in root.value if isinstance(k, yaml.ScalarNode) and k.value == key]
        if not found:
            unended = after == len(text) and text and not text.endswith("\n")  # (its last line)
            edits.append((after, after, ("\n" if unended else "") + f"{key}: {scalar(value)}\n"))
            continue
        for node in found:
            start, end = node.start_mark.index, node.end_mark.index
            # (A block or multi-line scalar ends past its last line break: the break
            # stays, so the next key keeps its line.)
            end = start + len(text[start:end].rstrip())
            # (An empty value: the colon is followed by the line's end.)
            space = " " if start == end and text[start - 1 : start] == ":" else ""
            edits.append((start, end, space + scalar(value)))
        line_end = text.find("\n", end)
        after = len(text) if line_end < 0 else line_end + 1
    edited = text
    # (From the end, so each span is still where it was; two keys added at one place
    # in the order asked.)
    for _, (start, end, new) in sorted(enumerate(edits), key=lambda e: (e[1][0], e[0]), reverse=True):
        edited = edited[:start] + new + edited[end:]
    _check(text, edited, values)
    return edited


def _top_level(text: str) -> list[tuple[yaml.ScalarNode, yaml.Node]]:
    """The top-level keys of ``text`` (mkdocs.yml) with their value nodes; none when it
    is no YAML mapping."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return []
    if not isinstance(root, yaml.MappingNode):
        return []
    return [(k, v) for k, v in root.value if isinstance(k, yaml.ScalarNode)]


def string_values(text: str) -> dict[str, str]:
    """Each top-level key of ``text`` (mkdocs.yml) whose value is a string, as YAML reads
    it (MkDocs reads the last of a key written twice)."""
    return {
        k.value: v.value for k, v in _top_level(text)
        if isinstance(v, yaml.ScalarNode) and v.tag == STR_TAG
    }  # fmt: skip


def read_setting(text: str, key: str) -> object:
    """The value of ``key`` at the top of ``text`` (mkdocs.yml) as MkDocs reads it, an
    `!ENV` tag's from the environment (by yaml_env_tag, MkDocs' reader of it), inside it
    too (`theme:` with `custom_dir: !ENV [THEME_DIR, overrides]`, which read as the shipped
    theme folder whatever THEME_DIR said); None when the file does not set it, or it
    holds another tag (a `!!python/name:`: MkDocs' to read, nothing run here)."""
    nodes = [v for k, v in _top_level(text) if k.value == key]
    if not nodes:
        return None
    try:
        return _settings_loader()("").construct_object(nodes[-1], deep=True)
    except yaml.YAMLError:
        return None


@functools.cache
def _settings_loader() -> type[yaml.SafeLoader]:
    """YAML's safe loader with MkDocs' `!ENV` (yaml_env_tag): made when first asked."""
    from yaml_env_tag import construct_env_tag

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", construct_env_tag)
    return Loader


def written_values(text: str) -> dict[str, str]:
    """Each top-level key of ``text`` (mkdocs.yml) with its value as the file writes it
    ("!ENV [NAME, Lab]", "1.5"), the last of a key written twice."""
    return {k.value: text[v.start_mark.index : v.end_mark.index].strip() for k, v in _top_level(text)}


def _compose(text: str) -> yaml.MappingNode:
    # (Composed, not loaded: a node keeps its tag as written, so MkDocs' `!ENV` and
    # Python tags need no constructor, and it keeps where its value is in the text.)
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        raise NotEditable(f"it is not valid YAML ({error.__class__.__name__})") from error
    if not isinstance(root, yaml.MappingNode) or root.flow_style:
        raise NotEditable("its settings are not a mapping of one key a line")
    return root


def _first_key_line_start(text: str, root: yaml.MappingNode) -> int:
    if not root.value:
        return len(text)
    index = root.value[0][0].start_mark.index
    return text.rfind("\n", 0, index) + 1


def _check(old: str, new: str, values: dict[str, str]) -> None:
    """That ``new`` reads as ``old`` but for ``values``, each a string: the edit is
    the curator's file, changed only where asked."""
    before, after = _compose(old), _compose(new)
    for key, value in values.items():
        nodes = [v for k, v in after.value if isinstance(k, yaml.ScalarNode) and k.value == key]
        if not nodes or any(n.tag != STR_TAG or n.value != value for n in nodes):
            raise NotEditable(f"its '{key}' would not read back as the value given")
    if _rest(before, values) != _rest(after, values):
        raise NotEditable("the edit would change more than the values given")


def _rest(root: yaml.MappingNode, values: dict[str, str]) -> list[object]:
    return [(_shape(k), _shape(v)) for k, v in root.value if not (isinstance(k, yaml.ScalarNode) and k.value in values)]


def _shape(node: yaml.Node) -> object:
    """A node's tag and value, without where it is in the text."""
    if isinstance(node, yaml.ScalarNode):
        return (node.tag, node.value)
    if isinstance(node, yaml.SequenceNode):
        return (node.tag, [_shape(item) for item in node.value])
    return (node.tag, [(_shape(k), _shape(v)) for k, v in node.value])
