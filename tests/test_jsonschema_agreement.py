"""The editor and `readinglist check` agree on every field of a paper file.

A curator sees two verdicts on a paper file: the editor's, from the published JSON
Schema (content/schema/paper.schema.json), and `readinglist check`'s. Here hypothesis
writes paper files field by field, each field with a valid value or a near-miss, typed
as a curator types it (plain, quoted, in flow or block style), reads each file as an
editor does (YAML 1.2, the schema's patterns as ECMA-262 regular expressions, formats
checked) and as check does (in-process, in a scratch project), and asserts that for
every field both accept it or both refuse it.

Some disagreements are by design: check knows what a schema cannot (other files, the
file name, the text YAML 1.2 read as a number). Each is listed below with its reason;
anything else is a bug in one of the two.
"""

from __future__ import annotations

import re
import tempfile
import unicodedata
from functools import lru_cache
from pathlib import Path

import jsonschema
import regress
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml.error import YAMLError

from generator import schema
from generator.curation import load_content
from generator.jsonschema import paper_schema

from .test_jsonschema import yaml12

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
HEADER = "# yaml-language-server: $schema=../schema/paper.schema.json\n"
TOPICS = "topics:\n  - id: alpha\n    title: Alpha\n  - id: beta-topic\n    title: Beta\n"
OTHER = "other-paper"  # a second paper, for `related` to name


# --- The editor: YAML 1.2, ECMA-262 patterns, formats -------------------------------------


@lru_cache(maxsize=None)
def _ecma(pattern: str) -> regress.Regex:
    return regress.Regex(pattern)


def _ecma_pattern(validator, pattern, instance, _schema):  # type: ignore[no-untyped-def]
    # (jsonschema runs `pattern` with Python's `re`, whose `$` also matches before a
    # final newline; an editor runs it as JavaScript does, as check-jsonschema does.)
    if validator.is_type(instance, "string") and _ecma(pattern).find(instance) is None:
        yield jsonschema.ValidationError(f"{instance!r} does not match {pattern!r}")


EDITOR = jsonschema.validators.extend(jsonschema.Draft7Validator, {"pattern": _ecma_pattern})(
    paper_schema(), format_checker=jsonschema.FormatChecker()
)


def editor_refuses(text: str) -> dict[str, list[str]] | None:
    """Field -> the editor's errors on it; None when the editor cannot read the YAML."""
    try:
        document = yaml12(text)
    except (YAMLError, ValueError):
        return None
    found: dict[str, list[str]] = {}
    if not isinstance(document, dict):
        return None
    for error in EDITOR.iter_errors(document):
        path = list(error.absolute_path)
        field = str(path[0]) if path else "(file)"
        found.setdefault(field, []).append(f"{'/'.join(map(str, path))}: {error.message}")
    return found


# --- What check refuses by design ---------------------------------------------------------

# Check's errors that no schema of one file can give, by a part of their message.
CHECK_ONLY = {
    "a paper cannot be related to itself": "the schema does not know the paper's own id when it reads `related`",
    "a paper cannot be in its own not_related": "nor when it reads `not_related`",
    "a paper cannot be in its own not_same_as": "nor when it reads `not_same_as`",
    "does not match the file name": "the file name is not in the file",
    f"'{OTHER}' is the id of": "which ids other papers have is in their files",
    "is this paper's own id; 'formerly' lists": "the schema does not compare `formerly` with `id`",
    "is in both topics and exclude_topics": "JSON Schema cannot compare two lists",
    "is in both related and not_related": "the same",
    "does not appear to be an IPv4 or IPv6 address": "an IPv6 address's grammar is Python's ipaddress', too long for a pattern (no paper's link has one)",
    "IPv4 address cannot be in brackets": "the same",
    "invalid characters under NFKC normalization": "a host's letter NFKC reads as '/', '?', '#', '@' or ':' (urlsplit refuses it): a pattern would list them all",
    "YAML aliases": "anchors are YAML syntax, gone before a schema sees the value",
    "'&x' is a YAML anchor": "anchors are YAML syntax, gone before a schema sees the value",
    "a value starting with '&' is read as YAML syntax": "so is an anchor before a value",
}
# An id of the right form that names nothing: whether it exists is in another file.
_UNKNOWN = re.compile(r"unknown (?:topic|paper) '([^']*)'")


def check_only(message: str) -> bool:
    """Whether check's ``message`` is one a schema cannot give, by design."""
    unknown = _UNKNOWN.match(message)
    if unknown:
        written = unknown.group(1)
        return len(written) <= schema.MAX_ID_LENGTH and bool(re.fullmatch(schema.PATTERNS["id"], written))
    return any(part in message for part in CHECK_ONLY)


_ID_KINDS = ("id", "list[topic]", "list[paper]", "list[id]")


def read_as_a_number(field: str, typed: str, document: dict) -> bool:
    """Whether YAML 1.2 read ``field`` (or an item of it) as a number typed otherwise
    than the number reads: `year: 0x7E8`, `year: 2024.0`, `arxiv: 2101.00010`, `id:
    0123`. The schema sees 2024 or 2101.0001; check reads the text typed, by design."""
    value = document.get(field)
    values = value if isinstance(value, list) else [value]
    numbers = [v for v in values if isinstance(v, (int, float)) and not isinstance(v, bool)]
    kind = FIELDS[field].kind
    if kind in _ID_KINDS + ("arxiv", "doi"):
        return bool(numbers)  # (the schema asks for quotes, as the reference says)
    if kind == "year":
        return bool(numbers) and not (isinstance(value, int) and typed.strip() == str(value))
    return False


# --- Values as a curator types them -------------------------------------------------------

FIELDS = {f.name: f for f in schema.PAPER_FIELDS}
_FORBIDDEN = re.compile(f"[{schema.FORBIDDEN_CHARS}]")
_INDICATORS = set("-?:,[]{}#&*!|>'\"%@`")


def _printable(text: str) -> bool:
    return all(c == " " or unicodedata.category(c)[0] in "LMNPS" for c in text)


def _plain_ok(text: str, flow: bool) -> bool:
    if not text or text != text.strip() or not _printable(text):
        return False
    if text[0] in _INDICATORS and not (text[0] in "-?:" and len(text) > 1 and text[1] != " "):
        return False
    if ": " in text or " #" in text or text.endswith(":"):
        return False
    return not (flow and any(c in text for c in ",[]{}"))


def _double(text: str) -> str:
    out = []
    for c in text:
        if c in '"\\':
            out.append("\\" + c)
        elif c != " " and (unicodedata.category(c)[0] not in "LMNPS" or c == "\u00a0"):
            out.append(f"\\u{ord(c):04x}" if ord(c) <= 0xFFFF else f"\\U{ord(c):08x}")
        else:
            out.append(c)
    return '"' + "".join(out) + '"'


def _single_ok(text: str) -> bool:
    return _printable(text)


@st.composite
def scalar(draw, texts: st.SearchStrategy[str], flow: bool = False) -> str:
    """One value, as the curator may type it: plain when YAML allows, else quoted."""
    text = draw(texts)
    styles = ["double"]
    if _plain_ok(text, flow):
        styles.append("plain")
    if _single_ok(text):
        styles.append("single")
    style = draw(st.sampled_from(styles))
    if style == "plain":
        return text
    if style == "single":
        return "'" + text.replace("'", "''") + "'"
    return _double(text)


# Near-misses any single value may meet: an empty value, another shape, YAML syntax.
NOT_A_VALUE = ("", "~", "null", "NULL", '""', "''", "[]", "{}", "[a]", "{a: b}", "\n  - a", "\n  a: b")
YAML_SYNTAX = ("!!str 5", "!!int 5", "!!str", "!x a")

_letters = st.text(
    st.characters(blacklist_categories=("Cs",), max_codepoint=0x1FFFF), max_size=8
)
# Text near the edges of what check allows: forbidden characters, blanks, lookalikes.
_EDGES = (
    " ", "  ", "\t", "\n", "\x00", "\x1f", "\x7f", "\x85", "\u2028", "\u202e", "\u2066",
    "\ufeff", "\uffff", "\u200b", "\u00a0", "#", ": ", "'", '"', "\\", "é", "\U0001F600",
)
text_values = st.lists(
    st.one_of(st.sampled_from(_EDGES), _letters, st.sampled_from(["Ada", "1984", "true", "2.50"])),
    min_size=1, max_size=6,
).map("".join)


def _numbers_and_words() -> st.SearchStrategy[str]:
    return st.sampled_from(
        ["1984", "0123", "1.10", "1e3", ".inf", ".nan", "0x1F", "0o17", "true", "False", "yes", "no", "-1"]
    )


def any_scalar(texts: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.one_of(
        scalar(texts),
        scalar(_numbers_and_words()),
        st.sampled_from(NOT_A_VALUE + YAML_SYNTAX),
    )


_slug = st.from_regex(r"[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,2}", fullmatch=True)
_near_slugs = st.one_of(
    _slug,
    _slug.map(str.upper),
    _slug.map(lambda s: s + "-"),
    _slug.map(lambda s: "-" + s),
    _slug.map(lambda s: s.replace("-", "--")),
    _slug.map(lambda s: s.replace("-", "_")),
    _slug.map(lambda s: s.replace("-", " ")),
    _slug.map(lambda s: s + "\n"),
    _slug.map(lambda s: s + "é"),
    st.sampled_from(["a" * 80, "a" * 81, "a-" * 40 + "b", "0123", "123", "a", "é", "ａ"]),
)
_years = st.one_of(
    st.integers(1000, 2999).map(str),
    st.sampled_from(
        ["0999", "3000", "0123", "2024.0", "+2024", "0x7E8", "0o3750", "20245", "1e3", "-2024", "२०२४", "2024 "]
    ),
)
_arxiv = st.one_of(
    st.from_regex(schema.PATTERNS["arxiv"], fullmatch=True).filter(lambda s: "\n" not in s),
    st.sampled_from(
        ["2101.0001", "2113.00001", "2101.00010v0", "arXiv:2101.00010", "1501.1234",
         "cs/011201", "CS/0112017", "2101.00010\n", "2101.00010.pdf", "https://arxiv.org/abs/2101.00010"]
    ),
)
_doi = st.one_of(
    st.builds(lambda reg, suffix: f"10.{reg}/{suffix}", st.from_regex(r"[0-9]{4,9}(\.[0-9]+)?", fullmatch=True), text_values),
    st.sampled_from(["10.1000", "10.123/x", "doi:10.1000/x", "https://doi.org/10.1000/x", "10.1000/a b", "10.1000/x\n"]),
)
_dates = st.one_of(
    st.dates().map(lambda d: d.isoformat()),
    st.sampled_from(
        ["2026-13-01", "2026-02-30", "2024-02-29", "2023-02-29", "0000-01-01", "2026-1-5",
         "2026/11/29", "29-11-2026", "20261129", "2026-11-29T10:00:00", "2026-11-29 ", "2026-W48-1", "२०२६-११-२९"]
    ),
)
_urls = st.one_of(
    st.sampled_from(["https://github.com/a/b", "http://a.example", "HTTPS://A.EXAMPLE/x?y#z"]),
    st.builds(
        lambda scheme, host, path: f"{scheme}://{host}{path}",
        st.sampled_from(["https", "http", "HTTPS", "ftp", "javascript"]),
        st.sampled_from(
            ["github.com", "a.example", "user@a.example", "github.com@a.example", ":pw@a.example",
             "a.example:8080", "a.example:99999", "a.example:x", "[::1]", "[::1", "a.example:",
             "", "@", "é.example", "a.example\u200b", "a\uff03b.example", "127.0.0.1"]
        ),
        st.sampled_from(["", "/", "/a/b", "/a b", "/a\tb", "?q=1", "#top", "/a@b", "/\u202e", "/é", "/a|b", "\n"]),
    ),
    st.sampled_from(["//a.example/", "github.com/a/b", "https:a.example", "https:/a.example", "https:///x"]),
)
_bools = st.sampled_from(["true", "True", "TRUE", "false", "False", "FALSE", "yes", "no", "on", "1", "0", "tRUE"])


def _enum(choices: tuple[str, ...]) -> st.SearchStrategy[str]:
    near = [c.title() for c in choices] + [c.upper() for c in choices] + [c + " " for c in choices]
    near += [c.replace("-", " ") for c in choices] + ["other", ""]
    return st.sampled_from(choices + tuple(near))


@st.composite
def seq(draw, items: st.SearchStrategy[str], item_texts: st.SearchStrategy[str]) -> str:
    """A list: in flow style (`[a, b]`) or block style (`- a`), or not a list at all."""
    count = draw(st.integers(0, 3))
    style = draw(st.sampled_from(["flow", "block", "not a list"]))
    if style == "not a list":
        return draw(st.one_of(st.sampled_from(["", "~", "{}", "{a: b}"]), scalar(item_texts)))
    if style == "flow":
        return "[" + ", ".join(draw(scalar(item_texts, flow=True)) for _ in range(count)) + "]"
    if count == 0:
        return "[]"
    written = [draw(items) for _ in range(count)]
    return "".join(f"\n  - {item.replace(chr(10), chr(10) + '    ')}" for item in written)


def id_list(pool: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    texts = st.one_of(pool, _near_slugs)
    return seq(st.one_of(scalar(texts), st.sampled_from(["", "~", "[a]", "{a: b}", "1984"])), texts)


def text_list() -> st.SearchStrategy[str]:
    return seq(any_scalar(text_values), text_values)


@st.composite
def link(draw, kind: str) -> str:
    """One link entry: a mapping with a url, and maybe the other fields, or a near-miss."""
    entry = {"url": draw(scalar(_urls))}
    if draw(st.booleans()):
        entry["found_in"] = draw(scalar(_enum(tuple(FIELDS_OF_LINK["found_in"].choices))))
    if draw(st.booleans()):
        entry["official"] = draw(scalar(_bools))
    if draw(st.booleans()):
        entry["note"] = draw(any_scalar(text_values))
    odd = draw(st.sampled_from(["", "", "", "", "", "", "no url", "unknown field", "not a mapping"]))
    if odd == "no url":
        del entry["url"]
    elif odd == "unknown field":
        entry["link"] = "x"
    elif odd == "not a mapping":
        return draw(scalar(_urls))
    if not entry:
        return "{}"
    lines = [f"{k}: {v}" for k, v in entry.items()]
    return "\n".join(lines)


@st.composite
def links(draw) -> str:
    kinds = draw(st.lists(st.sampled_from(("code", "paper", "pdf", "data", "project", "repo", "Code")), unique=True, max_size=3))
    out = ""
    for kind in kinds:
        entries = draw(st.lists(link(kind), max_size=2))
        if not entries or draw(st.integers(0, 5)) == 0:
            out += f"\n  {kind}: {draw(st.sampled_from(['[]', '', '~', 'x', '{}']))}"
            continue
        out += f"\n  {kind}:"
        for entry in entries:
            # (an entry's own lines, under "- ", indented one step more)
            if "\n" in entry or ":" in entry.split(" ", 1)[0]:
                body = entry.replace("\n", "\n      ")
            else:
                body = entry
            out += f"\n    - {body}"
    if not kinds:
        return draw(st.sampled_from(["", "{}", "[]", "~", "x"]))
    return out


FIELDS_OF_LINK = {f.name: f for f in schema.LINK_FIELDS}


def _kind_values(field: schema.Field) -> st.SearchStrategy[str]:
    kind = field.kind
    if kind == "id":
        return st.one_of(scalar(st.just("a-paper")), scalar(_near_slugs), st.sampled_from(NOT_A_VALUE))
    if kind in ("text", "markdown", "label"):
        return any_scalar(text_values)
    if kind == "year":
        return st.one_of(scalar(_years), st.sampled_from(NOT_A_VALUE))
    if kind == "arxiv":
        return st.one_of(scalar(_arxiv), st.sampled_from(NOT_A_VALUE))
    if kind == "doi":
        return st.one_of(scalar(_doi), st.sampled_from(NOT_A_VALUE))
    if kind == "date":
        return st.one_of(scalar(_dates), st.sampled_from(NOT_A_VALUE))
    if kind == "enum":
        return st.one_of(scalar(_enum(field.choices)), st.sampled_from(NOT_A_VALUE))
    if kind == "list[text]":
        return text_list()
    if kind == "list[topic]":
        return id_list(st.sampled_from(["alpha", "beta-topic", "Alpha", "gamma"]))
    if kind == "list[paper]":
        return id_list(st.sampled_from([OTHER, "a-paper", "Other Paper", "nobody"]))
    if kind == "list[id]":
        return id_list(st.sampled_from(["old-id", "older-id", OTHER, "a-paper"]))
    if kind == "links":
        return links()
    raise AssertionError(f"no values for the kind {kind!r}")  # a kind added to schema.KINDS


@st.composite
def paper_files(draw) -> list[tuple[str, str]]:
    """(field, its value as typed) for some of the fields, in schema order; id and
    title always (a file without them is refused by both, whole)."""
    chosen = []
    for field in schema.PAPER_FIELDS:
        if field.required or draw(st.booleans()):
            chosen.append((field.name, draw(_kind_values(field))))
    return chosen


# --- The comparison -----------------------------------------------------------------------


def _file(fields: list[tuple[str, str]]) -> tuple[str, dict[str, range]]:
    """The file's text, and the lines each field spans."""
    lines = HEADER.splitlines()
    spans = {}
    for name, value in fields:
        start = len(lines) + 1
        lines.extend(f"{name}:{'' if value.startswith(chr(10)) or not value else ' '}{value}".split("\n"))
        spans[name] = range(start, len(lines) + 1)
    return "\n".join(lines) + "\n", spans


def _file_name(id_text: str) -> str:
    """The file the paper is written to: named after its id, where the id can name a file."""
    name = id_text.strip("'\"")
    return name if re.fullmatch(r"[a-z0-9-]{1,80}", name) and name != OTHER else "a-paper"


def check_refuses(text: str, spans: dict[str, range], stem: str) -> tuple[dict[str, list[str]], bool]:
    """Field -> check's errors at it, but those a schema cannot give (`check_only`);
    and whether check refused anything at all."""
    with tempfile.TemporaryDirectory() as scratch:
        content = Path(scratch) / "content"
        (content / "papers").mkdir(parents=True)
        (content / "topics.yml").write_text(TOPICS)
        (content / "papers" / f"{OTHER}.yml").write_text(f"{HEADER}id: {OTHER}\ntitle: Other\n")
        (content / "papers" / f"{stem}.yml").write_text(text, encoding="utf-8")
        _, problems = load_content(content)
    found: dict[str, list[str]] = {}
    for problem in problems.errors:
        assert problem.location.path == f"content/papers/{stem}.yml", str(problem)
        if check_only(problem.message):
            continue
        field = next((f for f, lines in spans.items() if problem.location.line in lines), "(file)")
        found.setdefault(field, []).append(str(problem))
    return found, bool(problems.errors)


def disagreements(fields: list[tuple[str, str]]) -> list[str]:
    text, spans = _file(fields)
    editor = editor_refuses(text)
    check, refused = check_refuses(text, spans, _file_name(dict(fields)["id"]))
    if editor is None:
        # The editor cannot read the YAML (a tag it does not know): check must refuse it too.
        return [] if refused else [f"the editor cannot read:\n{text}"]
    document = yaml12(text)
    found = []
    for name, typed in fields:
        said, checked = editor.get(name, []), check.get(name, [])
        if bool(said) != bool(checked) and not read_as_a_number(name, typed, document):
            found.append(f"{name}: the editor says {said or 'nothing'}; check says {checked or 'nothing'}")
    if editor.get("(file)") or check.get("(file)"):
        found.append(f"the file: the editor says {editor.get('(file)')}; check says {check.get('(file)')}")
    return found


@SETTINGS
@given(paper_files())
def test_the_editor_and_check_agree_on_every_field(fields):
    text, _ = _file(fields)
    assert disagreements(fields) == [], text
