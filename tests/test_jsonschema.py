"""The published JSON Schema: up to date, valid, faithful to the checker, met by the shipped files."""

from __future__ import annotations

import copy
import json
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import jsonschema
import pytest
import regress
from ruamel.yaml import YAML

from generator import schema
from generator.curation import load_content
from generator.reference import schema_reference_markdown
from generator.jsonschema import (
    PAPER_SCHEMA_FILE,
    TOPICS_SCHEMA_FILE,
    paper_schema,
    schema_text,
    topics_schema,
    write_schemas,
)
from tests.test_curation import NO_SUCH_PAPER

ROOT = Path(__file__).resolve().parents[1]
COMMITTED = ROOT / "content" / "schema"
SHIPPED_PAPERS = sorted((ROOT / "content" / "papers").glob("*.yml"))


def yaml12(text: str) -> object:
    """Read YAML as an editor does (YAML 1.2, dates left as text), like check-jsonschema."""
    reader = YAML(typ="safe", pure=True)
    reader.constructor.yaml_constructors["tag:yaml.org,2002:timestamp"] = (
        reader.constructor.yaml_constructors["tag:yaml.org,2002:str"]
    )
    return reader.load(text)


PAPERS = jsonschema.Draft7Validator(paper_schema(), format_checker=jsonschema.FormatChecker())
TOPICS = jsonschema.Draft7Validator(topics_schema())


def errors(validator: jsonschema.Draft7Validator, document: object) -> list[str]:
    return sorted(
        f"{'/'.join(map(str, e.absolute_path))}: {e.validator}"
        for e in validator.iter_errors(document)
    )


def test_committed_schemas_are_up_to_date():
    # After a change to schema.py: python -m generator.jsonschema
    assert (COMMITTED / PAPER_SCHEMA_FILE).read_text() == schema_text(paper_schema())
    assert (COMMITTED / TOPICS_SCHEMA_FILE).read_text() == schema_text(topics_schema())


def test_schemas_are_valid_draft_7():
    jsonschema.Draft7Validator.check_schema(paper_schema())
    jsonschema.Draft7Validator.check_schema(topics_schema())


def test_write_schemas_writes_both_and_leaves_unchanged_files_alone(tmp_path):
    written = write_schemas(tmp_path / "schema")
    assert written == [
        tmp_path / "schema" / PAPER_SCHEMA_FILE,
        tmp_path / "schema" / TOPICS_SCHEMA_FILE,
    ]
    assert json.loads(written[0].read_text()) == paper_schema()
    before = written[0].stat().st_mtime_ns
    write_schemas(tmp_path / "schema")
    assert written[0].stat().st_mtime_ns == before


@pytest.mark.example
def test_every_shipped_paper_file_names_and_meets_the_schema():
    assert len(SHIPPED_PAPERS) >= 180
    for path in SHIPPED_PAPERS:
        text = path.read_text(encoding="utf-8")
        assert text.startswith("# yaml-language-server: $schema=../schema/paper.schema.json\n"), (
            path
        )
        assert errors(PAPERS, yaml12(text)) == [], path


def test_shipped_topics_meet_the_schema():
    assert errors(TOPICS, yaml12((ROOT / "content" / "topics.yml").read_text())) == []


@pytest.mark.example
def test_shipped_content_passes_check_with_no_problem():
    content, problems = load_content(ROOT / "content", ROOT)
    assert [str(p) for p in problems.sorted()] == []
    assert len(content.papers) == len(SHIPPED_PAPERS)


def test_the_lists_content_loads_every_paper_with_no_error():
    # Any list, a lab's own too (whose warnings, of a paper in no topic while it writes
    # its topics, stop nothing): what check's errors would stop is none.
    content, problems = load_content(ROOT / "content", ROOT)
    assert not problems.has_errors(), problems.format()
    assert len(content.papers) == len(SHIPPED_PAPERS)


def test_check_jsonschema_accepts_the_shipped_files():
    # The tool a CI job or a pre-commit hook would run, with its own YAML reader: on
    # topics.yml, and on the paper files when there are any (it refuses to be given none:
    # a lab's list may not have its papers yet).
    files = [(TOPICS_SCHEMA_FILE, [ROOT / "content" / "topics.yml"]), (PAPER_SCHEMA_FILE, SHIPPED_PAPERS)]
    for schema_file, instances in files:
        if not instances:
            continue
        result = subprocess.run(
            [
                str(Path(sys.executable).with_name("check-jsonschema")),
                "--schemafile",
                str(COMMITTED / schema_file),
                *map(str, instances),
            ],
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stdout + result.stderr


def test_the_example_in_schema_py_passes_the_schema_and_the_checker(tmp_path):
    example = textwrap.dedent(schema.__doc__.split("::", 1)[1]).strip("\n") + "\n"
    assert errors(PAPERS, yaml12(example)) == []
    paper_id = yaml12(example)["id"]
    (tmp_path / "content" / "papers").mkdir(parents=True)
    (tmp_path / "content" / "papers" / f"{paper_id}.yml").write_text(example)
    (tmp_path / "content" / "topics.yml").write_text(
        "topics:\n  - id: in-context-learning\n    title: In-context learning\n"
    )
    content, problems = load_content(tmp_path / "content")
    assert problems.sorted() == []
    assert content.papers[0].arxiv == "2401.00001"


VALID = {"id": "a-paper", "title": "A Paper", "abstract": "Text."}


def with_(**changes: object) -> dict:
    document = copy.deepcopy(VALID)
    document.update(changes)
    return document


REJECTED = {
    "unknown field": (with_(titel="A"), [": additionalProperties"]),
    "missing title": ({"id": "a", "abstract": "x"}, [": required"]),
    "null title": (with_(title=None), ["title: type"]),
    "blank title": (with_(title="   "), ["title: pattern"]),
    "right-to-left override": (with_(title="a\u202eb"), ["title: pattern"]),
    "NUL in notes": (with_(notes="a\x00b"), ["notes: pattern"]),
    "line separator in an author": (with_(authors=["A\u2028B"]), ["authors/0: pattern"]),
    "string where a list belongs": (with_(authors="Ada Lovelace"), ["authors: type"]),
    # YAML 1.2 reads `year: 0123` as the integer 123, below the smallest year.
    "octal-looking year": (with_(**yaml12("year: 0123")), ["year: minimum"]),
    "arxiv with too few digits": (with_(arxiv="2101.0001"), ["arxiv: pattern"]),
    "unquoted arxiv read as a number": (with_(**yaml12("arxiv: 2101.00010")), ["arxiv: type"]),
    "doi with a resolver": (with_(doi="https://doi.org/10.1000/x"), ["doi: pattern"]),
    "status not a choice": (with_(status="must read"), ["status: enum"]),
    "impossible date": (with_(added="2026-13-01"), ["added: format"]),
    "javascript URL": (
        with_(links={"code": [{"url": "javascript:alert(1)"}]}),
        ["links/code/0/url: pattern"],
    ),
    "protocol-relative URL": (
        with_(links={"paper": [{"url": "//evil.example/"}]}),
        ["links/paper/0/url: pattern"],
    ),
    "URL with a space": (
        with_(links={"pdf": [{"url": "https://a.example/a b"}]}),
        ["links/pdf/0/url: pattern"],
    ),
    "URL with a zero-width space": (
        with_(links={"pdf": [{"url": "https://a.example/a\u200bb"}]}),
        ["links/pdf/0/url: pattern"],
    ),
    "official on a project link": (
        with_(links={"project": [{"url": "https://a.example/", "official": True}]}),
        ["links/project/0: additionalProperties"],
    ),
    "unknown link kind": (with_(links={"repo": []}), ["links: additionalProperties"]),
    "id listed twice": (with_(topics=["a", "a"]), ["topics: uniqueItems"]),
    "id that is not a slug": (with_(id="Not_A_Slug"), ["id: pattern"]),
}


@pytest.mark.parametrize("case", REJECTED)
def test_schema_rejects_what_the_checker_rejects(case):
    document, expected = REJECTED[case]
    assert errors(PAPERS, document) == expected


def test_topics_schema_rejects_a_bad_topic():
    bad = {
        "topics": [
            {"id": "a", "title": "A", "keywords": {"in-context": "high"}},
            {"id": "b", "titel": "B"},
            {"id": "c", "title": "C", "keywords": {"&": 1}, "threshold": "lots"},
        ],
        "extra": 1,
    }
    assert errors(TOPICS, bad) == [
        ": additionalProperties",
        "topics/0/keywords/in-context: type",
        "topics/1: additionalProperties",
        "topics/1: required",
        "topics/2/keywords: pattern",  # the pattern under propertyNames
        "topics/2/threshold: type",
    ]


SAMPLES = {
    "id": ["a", "0123", "a-b-c", "a--b", "-a", "A", "a_b", "é"],
    "year": ["2024", "1999", "0123", "20245", "२०२४"],
    "arxiv": [
        "2101.00010",
        "2101.00010v2",
        "0704.0001",
        "1412.1234",
        "1501.1234",
        "2101.0001",
        "cs/0112017",
        "math.GT/0309136",
        "hep-th/9901001v3",
        "2113.00001",
        "2101.00010v0",
        "arXiv:2101.00010",
    ],
    "doi": [
        "10.1000/xyz123",
        "10.18653/v1/2024.acl-long.1",
        "10.1000",
        "https://doi.org/10.1/x",
        "10.1000/a b",
    ],
    "url": [
        "https://github.com/a/b",
        "HTTP://A.EXAMPLE/",
        "javascript:alert(1)",
        "//host/x",
        "https:///x",
        "https://a.example/a\u200bb",
        "https://a.example/\u202e",
        "https://@x",
    ],
    "number": ["1", "-1.5", ".5", "1e3", "1.", "one", "", "1,5"],
}


@pytest.mark.parametrize("kind", SAMPLES)
def test_patterns_mean_the_same_to_python_and_to_ecma_262(kind):
    # The checker uses Python's `re` (fullmatch), editors an ECMA-262 engine (regress is one).
    python = re.compile(schema.PATTERNS[kind])
    ecma = regress.Regex(schema.PATTERNS[kind])
    for sample in SAMPLES[kind] + [SAMPLES[kind][0] + "\n"]:
        assert bool(python.fullmatch(sample)) == (ecma.find(sample) is not None), sample


def test_patterns_accept_and_refuse_what_the_reference_says():
    accept = {
        "arxiv": ["2101.00010", "0704.0001", "cs/0112017", "math.GT/0309136", "2101.00010v2"],
        "doi": ["10.1000/xyz123", "10.18653/v1/2024.acl-long.1"],
        "url": ["https://github.com/a/b", "http://a.example"],
    }
    refuse = {
        "arxiv": ["2101.0001", "1501.1234", "2113.00001", "arXiv:2101.00010", "2101.00010v0"],
        "doi": ["10.1000", "https://doi.org/10.1/x", "10.1000/a b"],
        "url": ["javascript:alert(1)", "//host/x", "https:///x", "https://a.example/a\u200bb"],
    }
    for kind, samples in accept.items():
        assert all(re.search(schema.PATTERNS[kind], s) for s in samples), kind
    for kind, samples in refuse.items():
        assert not any(re.search(schema.PATTERNS[kind], s) for s in samples), kind


def test_reference_lists_every_field_with_its_doc():
    text = schema_reference_markdown()
    for spec in (*schema.PAPER_FIELDS, *schema.LINK_FIELDS, *schema.TOPIC_FIELDS):
        assert f"<tr><td><code>{spec.name}</code></td><td>" in text
        # (its text escaped as HTML escapes it: a "ladder" in quotes is &quot;ladder&quot;)
        escaped = spec.doc.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
        assert re.sub(r"`([^`]*)`", r"<code>\1</code>", escaped) in text
    # (HTML tables, each cell's `code` rendered: a Markdown table can carry no mark.)
    assert ("<tr><td><code>status</code></td><td>one of <code>must-read</code>, <code>classic</code>,"
            " <code>to-read</code>, <code>reference</code></td><td>no</td>") in text
    assert "<tr><td><code>title</code></td><td>plain text, rendered literally (never markup)</td><td>yes</td>" in text
    assert "<td>The paper's id; must equal the file name without <code>.yml</code>.</td></tr>" in text
    assert text.count('<thead><tr><th scope="col">Field</th><th scope="col">Value</th>'
                      '<th scope="col">Required</th><th scope="col">What it holds</th></tr></thead>') == 3
    assert text.count("```yaml\n# yaml-language-server: $schema=../schema/paper.schema.json\n") == 1
    assert schema_reference_markdown() == text  # deterministic


def test_the_references_required_column_says_yes_or_no_for_every_field():
    # (reader audit: the column was blank but for `id` and `title`, and a blank cell
    # read as "not known". What check requires is `Field.required`, and nothing else:
    # validate.py says a missing or empty field of it, and of no other.)
    rows = re.findall(r"<tr><td><code>([^<]*)</code></td><td>.*?</td><td>([^<]*)</td><td>", schema_reference_markdown())
    for fields in (schema.PAPER_FIELDS, schema.LINK_FIELDS, schema.TOPIC_FIELDS):
        said = [rows.pop(0) for _ in fields]
        assert said == [(f.name, "yes" if f.required else "no") for f in fields]
    assert rows == []
    required = {f.name for f in (*schema.PAPER_FIELDS, *schema.LINK_FIELDS, *schema.TOPIC_FIELDS) if f.required}
    assert required == {"id", "title", "url"}  # (by hand, from schema.py)


# --- papers.json's schema (export_json.SCHEMA), published as schema/papers.schema.json ---


def _papers_json(content: Path) -> list:
    from generator.build import Memo
    from generator.export_json import papers_json
    from generator.models import Site

    loaded, problems = load_content(content, content.parent)
    assert not problems.has_errors(), problems.format()
    memo = Memo()
    assigned = memo.assign_topics(loaded)
    loaded_site = Site(loaded.papers, loaded.topics, assigned, memo.related_papers(loaded, assigned))
    return json.loads(papers_json(loaded_site))


@pytest.mark.parametrize("content", [ROOT / "tests" / "data" / "site_fixture" / "content", ROOT / "content"])
def test_papers_json_meets_its_published_schema(content):
    from generator.export_json import SCHEMA

    jsonschema.Draft7Validator.check_schema(SCHEMA)
    validator = jsonschema.Draft7Validator(SCHEMA, format_checker=jsonschema.FormatChecker())
    records = _papers_json(content)
    # One record a paper file (none for a list with no paper yet, whose papers.json is []).
    assert len(records) == len(list((content / "papers").glob("*.yml")))
    assert errors(validator, records) == []
    # Every field a record has is described, and each described one is there: a field
    # added to export_json without the schema (or the other way round) fails here.
    assert all(set(r) == set(SCHEMA["items"]["properties"]) for r in records)


def test_an_ris_records_links_say_ris_and_every_schema_and_the_check_accept_it(tmp_path, capsys):
    # (curator: links imported from an RIS file said `found_in: bibtex`)
    from generator.cli import main
    from generator.export_json import SCHEMA

    (tmp_path / "mkdocs.yml").write_text("site_name: Lab\n")
    ris = tmp_path / "lab.ris"
    ris.write_text(
        "TY  - CONF\nTI  - A Paper With Code\nAU  - Doe, Jane\nPY  - 2020\n"
        "UR  - https://github.com/doe/code\nL1  - https://example.org/paper.pdf\nER  - \n"
    )
    assert main(["--root", str(tmp_path), "import", "-q", str(ris)]) == 0
    paper = tmp_path / "content" / "papers" / "a-paper-with-code.yml"
    text = paper.read_text()
    assert text.count("found_in: ris\n") == 2 and "bibtex" not in text
    # The editor's schema and the checker take the file as the importer wrote it...
    editors = jsonschema.Draft7Validator(json.loads((COMMITTED / PAPER_SCHEMA_FILE).read_text()))
    assert errors(editors, yaml12(text)) == []
    assert main(["--root", str(tmp_path), "check"]) == 0
    assert capsys.readouterr().out.endswith(  # (the one warning: the list has no topic yet)
        "content/topics.yml:1:1: warning: no topic is defined, so the 1 paper of the list is"
        " on no topic page; there is no content/topics.yml: create it and define topics there"
        ' (README: "Defining a topic"), or write \'topics: []\' in it for a list without topics\n'
        "0 errors, 1 warning (1 paper and 0 topics loaded)\n"
    )
    # ... and papers.json says where the links were found, as its schema allows.
    records = _papers_json(tmp_path / "content")
    assert [(d["url"], d["found_in"]) for d in records[0]["link_details"]] == [
        ("https://github.com/doe/code", "ris"), ("https://example.org/paper.pdf", "ris"),
    ]
    papers_validator = jsonschema.Draft7Validator(SCHEMA, format_checker=jsonschema.FormatChecker())
    assert errors(papers_validator, records) == []


def test_the_papers_json_schema_refuses_what_no_record_holds():
    from generator.export_json import SCHEMA

    validator = jsonschema.Draft7Validator(SCHEMA, format_checker=jsonschema.FormatChecker())
    [record] = _papers_json(ROOT / "tests" / "data" / "site_fixture" / "content")[:1]
    for name, value in [("venue_kind", "proceedings"), ("status", "done"), ("url", "/papers/x/"),
                        ("related", ["Not An Id"]), ("added", "30/11/2026"), ("year", "2020")]:
        assert errors(validator, [{**record, name: value}]) != [], name
    assert errors(validator, [{k: v for k, v in record.items() if k != "notes"}]) == ["0: required"]
    assert errors(validator, [{**record, "extra": 1}]) == ["0: additionalProperties"]


# --- The editor and the checker agree (tests/test_jsonschema_agreement.py found these) ---

AGREED = {
    # YAML 1.2 reads these as a number or a boolean, the checker as the text typed.
    "a number as a summary": ("summary: 1984\n", True),
    "a boolean as a tag": ("tags: [true, 2024]\n", True),
    "a number as a label": ("volume: 1.10\npages: false\nvenue: V\n", True),
    # Quoted, they are the text the checker reads.
    "a quoted year": ('year: "2024"\n', True),
    "a quoted true": ("links:\n  code:\n    - url: https://a.example/\n      official: 'true'\n", True),
    "a quoted yes is no boolean": ("links:\n  code:\n    - url: https://a.example/\n      official: 'yes'\n", False),
    "a user name before the host": ("links:\n  code:\n    - url: https://user@a.example/\n", False),
    "a password before the host": ("links:\n  code:\n    - url: https://:pw@a.example/\n", False),
    "a port out of range": ("links:\n  paper:\n    - url: https://a.example:99999/\n", False),
    "a port that is no number": ("links:\n  paper:\n    - url: https://a.example:x/\n", False),
    "a port and no host": ("links:\n  paper:\n    - url: https://:80/\n", False),
    "an IPv6 host left open": ("links:\n  paper:\n    - url: http://[::1/\n", False),
    "an IPv6 host": ("links:\n  paper:\n    - url: http://[::1]:8080/\n", True),
    "a former id longer than an id": (f"formerly: [{'a' * 81}]\n", False),
}


@pytest.mark.parametrize("case", AGREED)
def test_the_editor_and_the_checker_agree(case, tmp_path):
    lines, accepted = AGREED[case]
    text = "id: a-paper\ntitle: A Paper\n" + lines
    (tmp_path / "content" / "papers").mkdir(parents=True)
    (tmp_path / "content" / "papers" / "a-paper.yml").write_text(text)
    _, problems = load_content(tmp_path / "content")
    assert (errors(PAPERS, yaml12(text)) == [], problems.errors == []) == (accepted, accepted)


def test_check_reports_the_ids_named_by_a_file_with_a_wrong_id(tmp_path):
    # The editor underlines both; check said only the first until it was fixed.
    text = "id: A-Paper\ntitle: A Paper\ntopics: [Bad_Id]\nrelated: [no--such]\n"
    (tmp_path / "content" / "papers").mkdir(parents=True)
    (tmp_path / "content" / "papers" / "a-paper.yml").write_text(text)
    _, problems = load_content(tmp_path / "content")
    assert [(p.location.line, p.message.split(" (")[0]) for p in problems.errors] == [
        (1, "'id' must be an id of lowercase a-z, 0-9 and single hyphens, at most 80 characters, not 'A-Paper'; write 'id: a-paper', its file's name"),
        (3, "unknown topic 'Bad_Id'; remove it here, write the topic meant, or define it in topics.yml"),
        (4, ("unknown paper 'no--such'" + NO_SUCH_PAPER).split(" (")[0]),
    ]
    assert [e.split(":")[0] for e in errors(PAPERS, yaml12(text))] == ["id", "related/0", "topics/0"]
