"""The anchors (`#id`) a page of the site has, as MkDocs' anchor validation finds them.

MkDocs checks a link's `#anchor` only after rendering every page (`validation:
anchors`), against the ids of the page's HTML: those toc gives its headings (with
mkdocs.yml's toc settings: its slugify, `_1` for a repeated heading), an attr_list
`{#id}`, and the ids of its raw HTML. Here a page's Markdown is converted the same way,
with mkdocs.yml's markdown_extensions and MkDocs' own anchor collectors, so that
`check` accepts exactly the anchors the build does.

A generated page is not rendered for `check`: its anchors are read from its template,
every heading and literal id it may give, but a heading under a template's `{% if %}`
that GUARDS decides from the model and is false for the page (a paper page's "Curator's
notes" heading is there only for a paper with notes: a link to it from a page of its
own was accepted by `check`, and then stopped the build).
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Callable, Mapping

import markdown
from mkdocs.structure.pages import _ExtractAnchorsTreeprocessor, _RawHTMLPreprocessor
from mkdocs.utils.meta import get_data
from mkdocs.utils.yaml import yaml_load

# MkDocs' own (config_options.MarkdownExtensions' builtins in MkDocsConfig).
_BUILTIN_EXTENSIONS = ("toc", "tables", "fenced_code")
_TEMPLATES = Path(__file__).parent / "templates"
_JINJA_COMMENT = re.compile(r"\{#.*?#\}", re.DOTALL)
_HEADING = re.compile(r"^#{1,6}[ \t].*$", re.MULTILINE)
# A heading line, or a Jinja `if`, `elif`, `else` or `endif` tag, in the order written.
_HEADING_OR_TAG = re.compile(
    r"(?P<heading>^#{1,6}[ \t].*$)|\{%-?\s*(?P<tag>if|elif|else|endif)\b\s*(?P<test>.*?)\s*-?%\}",
    re.MULTILINE,
)
# Per template, the `{% if %}` tests of its headings that the page's model decides, as
# written in the template, with what makes each true and what the page lacks without it
# (said with a link to such a heading). A test written otherwise in the template is not
# decided here: its headings are taken as there (tests/test_handlinks_anchors.py checks
# that each test below is still a heading's in its template).
GUARDS: Mapping[str, Mapping[str, tuple[Callable[..., bool], str]]] = {
    "paper.md.j2": {
        "paper.notes | trim": (lambda paper, content: bool(paper.notes.strip()), "when the paper has notes"),
    },
    "topic.md.j2": {
        "start_here": (
            lambda topic, content: any(
                pid in {p.id for p in content.papers} for pid in topic.reading_order
            ),
            "when the topic's reading_order names a paper of the list",
        ),
        "subtopics": (
            lambda topic, content: any(t.parent == topic.id for t in content.topics),
            "when another topic names it its parent",
        ),
    },
}
# A literal id in a template's HTML (one made by Jinja, `id="{{ x }}"`, is not known here).
_LITERAL_ID = re.compile(r"""<[^<>]*?\s(?:id|name)\s*=\s*["']([^"'{}<>]+)["']""", re.IGNORECASE)


def markdown_settings(root: Path) -> tuple[tuple[str, ...], dict]:
    """The extensions and their settings MkDocs converts a page with, from
    ``root/mkdocs.yml`` (MkDocs' builtins alone when it cannot be read: `check`
    reports that file's mistakes of its own)."""
    names = list(_BUILTIN_EXTENSIONS)
    configs: dict = {}
    try:
        with open(root / "mkdocs.yml", encoding="utf-8") as file:
            config = yaml_load(file) or {}
        listed = config.get("markdown_extensions") or []
    except Exception:  # noqa: BLE001 (any mistake there is siteconfig's to report)
        listed = []
    for item in listed if isinstance(listed, list) else []:
        if isinstance(item, dict) and len(item) == 1:
            (name, settings), = item.items()
            configs[name] = settings or {}
        elif isinstance(item, str):
            name = item
        else:
            continue
        if name not in names:
            names.append(name)
    return tuple(names), configs


def anchors_of(text: str, settings: tuple[tuple[str, ...], dict]) -> frozenset[str]:
    """The anchors MkDocs finds in a page of Markdown ``text`` (its front matter, if
    any, taken off as MkDocs takes it)."""
    names, configs = settings
    try:
        md = markdown.Markdown(extensions=list(names), extension_configs=configs)
    except Exception:  # noqa: BLE001 (an extension mkdocs.yml names that is not there)
        md = markdown.Markdown(extensions=list(_BUILTIN_EXTENSIONS))
    raw = _RawHTMLPreprocessor()
    raw._register(md)
    found = _ExtractAnchorsTreeprocessor(None, None, None)  # type: ignore[arg-type]
    found._register(md)
    md.convert(get_data(text)[0])
    return frozenset(found.present_anchor_ids | raw.present_anchor_ids)


@functools.cache
def _template_parts(name: str) -> tuple[tuple[tuple[str, frozenset[str]], ...], frozenset[str]]:
    """The heading lines of template ``name`` (Jinja comments left out), each with the
    tests of the `{% if %}`s it is in the first branch of, and its literal HTML ids."""
    text = _JINJA_COMMENT.sub("", (_TEMPLATES / name).read_text(encoding="utf-8"))
    headings = []
    # The `if`s open where a heading is: each one's test, or None past its first branch.
    opened: list[str | None] = []
    for found in _HEADING_OR_TAG.finditer(text):
        line, tag = found.group("heading"), found.group("tag")
        if line is not None:
            if "{{" not in line and "{%" not in line:
                headings.append((line, frozenset(test for test in opened if test is not None)))
        elif tag == "if":
            opened.append(found.group("test"))
        elif tag == "endif":
            if opened:
                opened.pop()
        elif opened:  # elif, else
            opened[-1] = None
    return tuple(headings), frozenset(_LITERAL_ID.findall(text))


def heading_tests(name: str) -> frozenset[str]:
    """The `{% if %}` tests template ``name``'s headings are under."""
    return frozenset(test for _, tests in _template_parts(name)[0] for test in tests)


def false_tests(name: str, subject: object, content: object) -> dict[str, str]:
    """The tests of GUARDS[name] that are false for the page of ``subject`` (its paper
    or topic) in ``content``: test -> when the page has its headings."""
    return {
        test: when
        for test, (holds, when) in GUARDS.get(name, {}).items()
        if not holds(subject, content)
    }


def template_anchors(
    name: str, settings: tuple[tuple[str, ...], dict], before: str = "",
    false: frozenset[str] = frozenset(),
) -> frozenset[str]:
    """Every anchor a page of template ``name`` may have: each of its headings converted
    on its own (a heading in both branches of an `if` is one anchor, not a second with
    `_1`), after the Markdown ``before`` it (the home page's introduction: a heading
    of the template that repeats one of it takes `_1`), and its literal ids; not those
    of a heading under an `if` whose test is in ``false`` (false_tests)."""
    headings, ids = _template_parts(name)
    found = set(ids) | anchors_of(before, settings)
    for heading, tests in headings:
        if not tests & false:
            found |= anchors_of(f"{before}\n\n{heading}\n" if before else heading, settings)
    return frozenset(found)
