"""The JSON Schema of paper files and topics.yml, generated from schema.py.

Editors that speak the YAML language server read it from the comment at the top of
every paper file (``# yaml-language-server: $schema=../schema/paper.schema.json``)
and then complete field names, show each field's documentation and underline
mistakes as the curator types. The committed copies live in ``content/schema/`` (a
test fails when they are stale; ``python -m generator.jsonschema`` rewrites them) and
the build publishes them with the site (`write_schemas`).

The schema describes files the way the importer writes them, and is as strict as
`readinglist check` except where YAML itself gets in the way: an editor reads YAML
1.2, in which an unquoted ``arxiv: 2101.00010`` is a number, so the schema asks for
it quoted, while the checker, which reads every value as typed, accepts both; the
same goes for an unquoted id made only of digits. Where nothing typed is lost, the
schema accepts what the checker does: a number or a boolean in a text field (YAML
1.2 reads `title: 1984` as a number), a year or true and false in quotes. tests/test_jsonschema_agreement.py holds the schema to the checker.
Cross-file rules (ids that must exist, the same paper twice) are the checker's alone.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from . import schema
from .schema import Field
from .atomicfile import write_if_changed

DIALECT = "http://json-schema.org/draft-07/schema#"  # what the YAML language server knows best
PAPER_SCHEMA_FILE = "paper.schema.json"
TOPICS_SCHEMA_FILE = "topics.schema.json"
DEFAULT_DEST = Path("content") / "schema"

_TEXT_PATTERN = f"^[^{schema.FORBIDDEN_CHARS}]*$"
# The same with at least one character that is not a space, for required fields.
# (A lookahead, not ``x*[^\s]x*``: that backtracks quadratically on a long abstract.)
_FILLED_PATTERN = f"^(?=[\\s\\S]*\\S)[^{schema.FORBIDDEN_CHARS}]*$"


def paper_schema() -> dict:
    return {
        "$schema": DIALECT,
        "title": "A paper of the reading list",
        "description": (
            "One paper: content/papers/<id>.yml. Every field is described in the curation"
            " reference of the documentation."
        ),
        **_object(schema.PAPER_FIELDS),
    }


def topics_schema() -> dict:
    return {
        "$schema": DIALECT,
        "title": "The topics of the reading list",
        "description": "content/topics.yml: the topics, in the order the site lists them.",
        "type": "object",
        "additionalProperties": False,
        "required": ["topics"],
        "properties": {
            "topics": {
                "description": "The topics, each with an id and a title.",
                "type": ["array", "null"],
                "items": _object(schema.TOPIC_FIELDS),
            }
        },
    }


def schema_text(document: dict) -> str:
    """The JSON text as committed and published: stable key order, one trailing newline."""
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def write_schemas(dest_dir: Path) -> list[Path]:
    """Write both schemas into ``dest_dir`` (only when changed); return their paths."""
    dest_dir = Path(dest_dir)
    written = []
    for name, document in (
        (PAPER_SCHEMA_FILE, paper_schema()),
        (TOPICS_SCHEMA_FILE, topics_schema()),
    ):
        write_if_changed(dest_dir / name, schema_text(document))
        written.append(dest_dir / name)
    return written


def _object(fields: tuple[Field, ...], exclude: frozenset[str] = frozenset()) -> dict:
    return {
        "type": "object",
        "additionalProperties": False,
        "required": [f.name for f in fields if f.required and f.name not in exclude],
        "properties": {
            f.name: {"description": f.doc, **_value(f)} for f in fields if f.name not in exclude
        },
    }


def _value(spec: Field) -> dict:
    """The schema of one field's value; an optional field may also be left empty (null)."""
    value = _kind(spec)
    if not spec.required:
        types = value["type"] if isinstance(value["type"], list) else [value["type"]]
        value["type"] = types + ["null"]
        if "enum" in value:
            value["enum"] = value["enum"] + [None]
    return value


# What YAML 1.2 may make of a text typed unquoted: `title: 1984`, `volume: 33` and
# `tags: [true]` are a number and a boolean to an editor, while the checker reads the
# text typed, which any text field holds. (maxLength and pattern apply to strings only.)
_TEXT_TYPES = ["string", "number", "boolean"]


def _kind(spec: Field) -> dict:
    kind = spec.kind
    if kind in ("text", "markdown"):
        pattern = _FILLED_PATTERN if spec.required else _TEXT_PATTERN
        return {"type": list(_TEXT_TYPES), "maxLength": schema.MAX_TEXT_LENGTH, "pattern": pattern}
    if kind == "label":
        return {"type": list(_TEXT_TYPES), "maxLength": schema.MAX_TEXT_LENGTH, "pattern": _TEXT_PATTERN}
    if kind == "id":
        return {
            "type": "string",
            "maxLength": schema.MAX_ID_LENGTH,
            "pattern": schema.PATTERNS["id"],
        }
    if kind == "year":  # (`year: "2024"`, quoted, is the text the checker reads)
        return {"type": ["integer", "string"], "minimum": 1000, "maximum": 2999, "pattern": schema.PATTERNS["year"]}
    if kind in ("arxiv", "doi"):
        return {"type": "string", "pattern": schema.PATTERNS[kind]}
    if kind == "date":
        return {"type": "string", "format": "date", "pattern": schema.PATTERNS["date"]}
    if kind == "url":
        return {"type": "string", "format": "uri", "pattern": schema.PATTERNS["url"]}
    if kind == "bool":  # (`official: "true"`, quoted, is the text the checker reads)
        return {"type": ["boolean", "string"], "pattern": f"^(?:{'|'.join(schema.BOOLEANS)})$"}
    if kind == "number":
        return {"type": "number"}
    if kind == "enum":
        return {"type": "string", "enum": list(spec.choices)}
    if kind == "list[text]":
        item = {"type": list(_TEXT_TYPES), "maxLength": schema.MAX_TEXT_LENGTH, "pattern": _FILLED_PATTERN}
        return {"type": "array", "items": item}
    if kind in ("list[paper]", "list[topic]", "list[id]"):
        item = {
            "type": "string",
            "maxLength": schema.MAX_ID_LENGTH,
            "pattern": schema.PATTERNS["id"],
        }
        return {"type": "array", "items": item, "uniqueItems": True}
    if kind == "keywords":
        return {
            "type": "object",
            "propertyNames": {"pattern": "^[^&]*[A-Za-z0-9][^&]*(?:&[^&]*[A-Za-z0-9][^&]*)*$"},
            "additionalProperties": {"type": "number"},
        }
    if kind == "links":
        return {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                link_kind: {
                    "description": doc,
                    "type": ["array", "null"],
                    "items": {
                        "description": "One link; 'url' is required.",
                        **_object(
                            schema.LINK_FIELDS,
                            exclude=frozenset() if link_kind == "code" else frozenset({"official"}),
                        ),
                    },
                }
                for link_kind, doc in schema.LINK_KIND_DOCS.items()
            },
        }
    raise ValueError(f"no JSON Schema for the kind {kind!r}")  # a kind added to schema.KINDS


def main(argv: list[str] | None = None) -> int:
    """``python -m generator.jsonschema [DEST_DIR]``: rewrite the committed schemas."""
    args = sys.argv[1:] if argv is None else argv
    dest = Path(args[0]) if args else DEFAULT_DEST
    for path in write_schemas(dest):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
