"""The curation reference page of the site (curation-reference.md), from schema.py.

The reference, the JSON Schemas (jsonschema.py) and the validation (validate.py) are
all derived from the one field list in schema.py, so they cannot disagree.
"""

from __future__ import annotations

import textwrap
from typing import Sequence

from markdown_it import MarkdownIt

from . import raw_html, schema

FIELD_COLUMNS = ("Field", "Value", "Required", "What it holds")


def schema_reference_markdown() -> str:
    """The field reference of the documentation, as Markdown, from schema.py."""
    inline = MarkdownIt("commonmark").renderInline

    def table(fields: Sequence[schema.Field]) -> list[str]:
        # An HTML table (its cells' Markdown, `code`, rendered here), marked so that on
        # a phone each field is a block of lines (readinglist.css): a Markdown table
        # can carry no mark, and its four columns broke their words at 320px
        # ("lowerc" over "ase", "publicatio" over "n.").
        head = "".join(f'<th scope="col">{name}</th>' for name in FIELD_COLUMNS)
        rows = [raw_html.BEGIN, "<table data-rl-fields>", f"<thead><tr>{head}</tr></thead>", "<tbody>"]
        for spec in fields:
            value = schema.KINDS[spec.kind]
            if spec.choices:
                value = "one of " + ", ".join(f"`{choice}`" for choice in spec.choices)
            cells = (f"`{spec.name}`", value, "yes" if spec.required else "no", spec.doc)
            rows.append("<tr>" + "".join(f"<td>{inline(cell)}</td>" for cell in cells) + "</tr>")
        return [*rows, "</tbody>", "</table>", raw_html.END]

    example = textwrap.dedent(str(schema.__doc__).split("::", 1)[1]).strip("\n")
    lines = [
        "# Curation reference",
        "",
        "Each paper is one file, `content/papers/<id>.yml`; the topics are listed in",
        "`content/topics.yml`. `readinglist check` validates both and reports every mistake",
        "at once as `path:line:col: message`; `readinglist build` refuses to build while",
        "there is one. This page is generated from `generator/schema.py`, as are the JSON",
        "Schemas `paper.schema.json` and `topics.schema.json` published with the site:",
        "editors that use the YAML language server read the schema named on the first line",
        "of each paper file, then complete field names and underline mistakes as you type.",
        "",
        "## Paper files",
        "",
        "A paper file looks like this:",
        "",
        "```yaml",
        example,
        "```",
        "",
        *table(schema.PAPER_FIELDS),
        "",
        "### Links",
        "",
        "`links:` holds one list per kind of link:",
        "",
        "| Kind | What it holds |",
        "|---|---|",
        *(f"| `{kind}` | {doc} |" for kind, doc in schema.LINK_KIND_DOCS.items()),
        "",
        "Each link is a mapping:",
        "",
        *table(schema.LINK_FIELDS),
        "",
        "## Topics",
        "",
        "`content/topics.yml` holds a single field, `topics:`, the list of topics in the",
        "order the site shows them (a sub-topic right after its parent, wherever the file",
        "has it, and under it in the navigation). Each topic is a mapping:",
        "",
        *table(schema.TOPIC_FIELDS),
        "",
        "## How values are read",
        "",
        "- Every value is read as the text you typed: `arxiv: 2101.00010` keeps its last",
        "  zero, `venue: NO` is the text NO and `id: 0123` is the id 0123. Only the field",
        "  decides the type, so `year: 0123` is a mistake, not the year 83. Quote an",
        "  arXiv id all the same: editors read YAML the usual way and would see a number.",
        "- A field left empty (`venue:` or `venue: null`) is the same as a missing one; a",
        "  required field must not be empty.",
        "- A value holding a colon followed by a space must be in double quotes:",
        "  `title: \"TaskWeb: Selecting Better Source Tasks\"`. YAML indents with spaces,",
        "  never tabs, and a field's indentation says which record it belongs to:",
        "  `code:` is a link kind, so it goes under `links:`.",
        "- A value starting with `&`, `*`, `!`, `[` or `{` is YAML syntax, not text: put",
        "  it in double quotes, `title: \"*BERT: a survey\"`. Inside double quotes write a",
        "  double quote as `\\\"`; inside single quotes write a single quote twice (`''`).",
        f"- Ids are at most {schema.MAX_ID_LENGTH} characters and text fields at most"
        f" {schema.MAX_TEXT_LENGTH:,}.",
        "- Text may not contain control characters (other than tabs and line breaks),",
        "  line or paragraph separators, or the invisible characters that reverse the",
        "  order text is shown in (U+202A to U+202E, U+2066 to U+2069). URLs must be",
        "  absolute `http://` or `https://` URLs with no spaces or invisible characters.",
        "- Duplicate keys, YAML anchors and aliases (`&name`, `*name`) and tags such as",
        "  `!!python/object` are refused.",
        "- Ids in `topics`, `exclude_topics`, `related`, `not_related`, `not_same_as`,",
        "  `parent` and `reading_order` must exist; a paper's `not_related` names neither",
        "  itself nor a paper of its `related`, and its `not_same_as` not itself. Two files",
        "  may not claim one id, and two files may not be the same paper (the same arXiv id,",
        "  DOI, or title once case, punctuation and Unicode forms are set aside) unless one",
        "  lists the other in `not_same_as`. A topic with no paper, by a curator or by its",
        "  keywords, is a warning.",
        f"- A reading order lists {schema.READING_ORDER_LENGTH[0]} to"
        f" {schema.READING_ORDER_LENGTH[1]} papers (more or fewer is a warning; fewer only",
        "  when its topic has papers it leaves out), none of which may name the topic in",
        "  its `exclude_topics`.",
        "- A file that cannot be read (a YAML syntax error) is reported once: the ids it",
        "  was meant to define are not reported as unknown where other files name them.",
        "",
    ]
    return "\n".join(lines)
