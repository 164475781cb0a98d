"""The anchors (`#id`) a page of the site has, as MkDocs' anchor validation finds them.

MkDocs checks a link's `#anchor` only after rendering every page (`validation:
anchors`), against the ids of the page's HTML: those toc gives its headings (with
mkdocs.yml's toc settings: its slugify, `_1` for a repeated heading), an attr_list
`{#id}`, and the ids of its raw HTML. Here a page's Markdown is converted the same way,
with mkdocs.yml's markdown_extensions and MkDocs' own anchor collectors, so that
`check` accepts exactly the anchors the build does.

A generated page is not rendered for `check`: its anchors are read from its template,
every heading and literal id it may give, each with the `{% if %}` tests it is under,
which pagetests.py decides for the page from its context as the build makes it (a
paper page's "Curator's notes" heading is there only for a paper with notes, its
"Reading order" only when a topic of it has another paper: a link to one from a page
of its own was accepted by `check`, and then stopped the build).
"""

from __future__ import annotations

import functools
import itertools
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


# A heading line, a literal id of the template's HTML (one made by Jinja, `id="{{ x }}"`,
# is not known here), or a Jinja `if`, `elif`, `else`, `endif`, `for` or `endfor` tag
# (with Jinja's whitespace control, `{%-`, `{%+`), in the order written.
_PART = re.compile(
    r"(?P<heading>^#{1,6}[ \t].*$)"
    r"""|<[^<>]*?\s(?:id|name)\s*=\s*["'](?P<id>[^"'{}<>]+)["']"""
    r"|\{%[-+]?\s*(?P<tag>if|elif|else|endif|for|endfor)\b\s*(?P<test>.*?)\s*[-+]?%\}",
    re.MULTILINE | re.IGNORECASE,
)
# What a page of a template needs for the `{% if %}` test of its headings and ids to
# hold, in words, for the message of a link to one its page lacks: per template, the
# test as written there (tests/test_handlinks_anchors.py checks that each is still
# one of its template's, or its `not` is). A part in the `else` of a test here, or
# under its `not`, is said as the test failing; one of a test not here, "on some pages".
WHEN: Mapping[str, Mapping[str, str]] = {
    "paper.md.j2": {
        "paper.notes | trim": "when the paper has notes",
        "neighbours": "when one of its topics has another paper",
        "bibtex": "when the paper has a BibTeX entry",
    },
    "topic.md.j2": {
        "start_here": "when the topic's reading_order names a paper of the list",
        "subtopics": "when another topic names it its parent",
        "papers": "when the topic has papers of its own",
        "related_topics": (
            "when a paper of it is in another topic too (not its parent or a sub-topic)"
        ),
    },
    "home.md.j2": {
        "cards": "when the list has topics",
        "recent": "when a paper of the list has an 'added' date",
        "exports": "when the site has its downloads",
        "contribute": f"when there is a page {'content/pages/contributing.md'!r}",
    },
    "all_papers.md.j2": {"rows": "when the list has papers"},
}

# A part's condition: each `{% if %}` test it is under, with whether the test must hold
# (its branch) or must not (an earlier branch's test, before its `elif` or `else`).
Condition = tuple[tuple[str, bool], ...]


@functools.cache
def _template_parts(name: str) -> tuple[tuple[str, str, Condition], ...]:
    """The heading lines and literal HTML ids of template ``name`` (Jinja comments left
    out), each as ("heading" or "id", its text, the condition it is written under)."""
    text = _JINJA_COMMENT.sub("", (_TEMPLATES / name).read_text(encoding="utf-8"))
    parts = []
    # The `if`s open where a part is: each one's tests so far, the last its branch's
    # (None for an `else`).
    opened: list[list[str | None]] = []
    for found in _PART.finditer(text):
        line, literal, tag = found.group("heading"), found.group("id"), found.group("tag")
        if line is not None or literal is not None:
            if line is not None and ("{{" in line or "{%" in line):
                continue
            condition = tuple(
                (test, at == len(tests) - 1)
                for tests in opened
                for at, test in enumerate(tests)
                if test is not None
            )
            parts.append(("heading", line, condition) if line is not None else ("id", literal, condition))
        elif tag in ("if", "for"):
            opened.append([found.group("test") if tag == "if" else _loop_test(found.group("test"))])
        elif tag in ("endif", "endfor"):
            if opened:
                opened.pop()
        elif opened:  # elif, else (an `if`'s or a `for`'s: its body did not run)
            opened[-1].append(found.group("test") if tag == "elif" else None)
    return tuple(parts)


# A `for` tag's text: its target, its iterable, and a loop filter (`if ...`) or
# `recursive` after it.
_FOR = re.compile(r"(?P<target>.+?)\s+in\s+(?P<items>.+?)(?P<more>\s+(?:if\b.*|recursive))?", re.DOTALL)


def _loop_test(text: str) -> str:
    """The test a part in a `{% for %}` loop's body is under (its `else` is under the
    test failing): that the loop's items are there. With a loop filter, or recursive,
    a test Jinja cannot compile, which pagetests leaves undecided (tests check that no
    heading some pages lack is so). (Read as an `if`'s `else`, a loop's `{% else %}`
    put what followed it in the enclosing `if` under that `if`'s test failing.)"""
    found = _FOR.fullmatch(text)
    if found is None or found.group("more"):
        return f"{{% for {text} %}}"
    return f"({found.group('items')}) | list | length > 0"


def template_tests(name: str) -> frozenset[str]:
    """The `{% if %}` tests template ``name``'s headings and literal ids are under."""
    return frozenset(test for _, _, condition in _template_parts(name) for test, _ in condition)


# (name, settings as text, before) -> `_conditions`: a check that links 100 paper
# pages converts the template's headings once.
_CONDITIONS: dict[tuple[str, str, str], dict[str, tuple[Condition, ...]]] = {}


def _anchor_conditions(
    name: str, settings: tuple[tuple[str, ...], dict], before: str
) -> dict[str, tuple[Condition, ...]]:
    key = (name, repr(settings), before)
    if key not in _CONDITIONS:
        if len(_CONDITIONS) > 8:  # (one list's templates, for its mkdocs.yml and introduction)
            _CONDITIONS.clear()
        _CONDITIONS[key] = _conditions(name, settings, before)
    return _CONDITIONS[key]


def _conditions(
    name: str, settings: tuple[tuple[str, ...], dict], before: str
) -> dict[str, tuple[Condition, ...]]:
    """Each anchor a page of template ``name`` may have, with the conditions of the
    parts that give it (any one holding, the page has it: "Related papers" is written
    in both branches of an `if`): each heading converted on its own, after the Markdown
    ``before`` it (the home page's introduction: a heading of the template that repeats
    one of it takes `_1`), and its literal ids. The introduction's own anchors have the
    empty condition, always there."""
    found: dict[str, list[Condition]] = {anchor: [()] for anchor in anchors_of(before, settings)}
    for kind, text, condition in _template_parts(name):
        if kind == "id":
            anchors: frozenset[str] = frozenset({text})
        else:
            anchors = anchors_of(f"{before}\n\n{text}\n" if before else text, settings)
            anchors -= anchors_of(before, settings) if before else frozenset()
        for anchor in anchors:
            found.setdefault(anchor, []).append(condition)
    return {
        anchor: ((),) if _always(conditions) else tuple(conditions)
        for anchor, conditions in found.items()
    }


def _always(conditions: list[Condition]) -> bool:
    """Whether one of ``conditions`` holds however their tests go ("Related papers", in
    both branches of `{% if related %}`, is on every page: no test need be decided)."""
    tests = sorted({test for condition in conditions for test, _ in condition})
    if len(tests) > 8:  # (not so in any template: taken as not always)
        return False
    return all(
        any(all(dict(zip(tests, holds))[test] == must for test, must in condition) for condition in conditions)
        for holds in itertools.product((False, True), repeat=len(tests))
    )


def template_anchors(
    name: str,
    settings: tuple[tuple[str, ...], dict],
    before: str = "",
    decide: Callable[[str], bool | None] | None = None,
) -> tuple[frozenset[str], dict[str, str]]:
    """The anchors a page of template ``name`` has (see `_conditions`; ``before``: the
    Markdown before the template's own, the home page's introduction), as ``decide``
    (a test of the template -> whether it holds for the page, None when not known)
    decides its tests: a part whose test is undecided is taken as there. Without
    ``decide``, every anchor a page of it may have. Also the anchors it lacks that
    other pages of its kind have, each with when a page has it (`WHEN`)."""
    present: set[str] = set()
    lacks: dict[str, str] = {}
    for anchor, conditions in _anchor_conditions(name, settings, before).items():
        failed = [_failed(condition, decide) for condition in conditions]
        if any(said is None for said in failed):
            present.add(anchor)
            continue
        lacks[anchor] = _when(name, *failed[0]) or "on some pages"  # type: ignore[misc]
    return frozenset(present), lacks


def has_anchor(
    name: str,
    settings: tuple[tuple[str, ...], dict],
    before: str,
    anchor: str,
    decide: Callable[[str], bool | None],
) -> bool:
    """Whether the page of template ``name`` that ``decide`` decides has ``anchor``, as
    `template_anchors` says, deciding only the tests of its parts: a link to a heading
    every page has (`#abstract`) decides none, and has no context made (pagetests)."""
    conditions = _anchor_conditions(name, settings, before).get(anchor, ())
    return any(_failed(condition, decide) is None for condition in conditions)


def _when(name: str, test: str, must: bool) -> str | None:
    """When a page of template ``name`` has a part that needs ``test`` to be ``must``."""
    words = WHEN.get(name, {})
    if test.startswith("not "):
        test, must = test[4:], not must
    said = words.get(test)
    return said if said and must else None


def _failed(condition: Condition, decide: Callable[[str], bool | None] | None) -> tuple[str, bool] | None:
    """The first test of ``condition`` that ``decide`` says goes the other way, if any."""
    if decide is None:
        return None
    for test, must in condition:
        holds = decide(test)
        if holds is not None and holds != must:
            return test, must
    return None
