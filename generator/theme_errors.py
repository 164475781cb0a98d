"""A mistake in a theme override's template that shows only when MkDocs renders a page
with it, said at its file and line.

Jinja finds a syntax mistake when it reads a template (mkdocs_hook checks the overrides
then); these others show only when a page is made: a value a page lacks
(`{{ page.meta.foo.bar }}`; MkDocs' Jinja prints a missing value as nothing, but fails on
an attribute of one), a template that is not there (`{% extends "mainn.html" %}`), a
filter that is not there, a call of what cannot be called, `{{ 1/0 }}`. MkDocs printed a
forty-line traceback for each. Jinja rewrites its traceback so that a template's frames
name the template's file and line: the innermost of them, when it is a file of the
overrides, is where the mistake is. One anywhere else (Material's own templates, the
hook, MkDocs) is no curator's to fix: its traceback stays.

Nor does Jinja say a word of a block that no template extended has (`{% block extrahed
%}`): it shows nowhere. unknown_blocks finds those, for a warning.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Iterable

import jinja2
from mkdocs.exceptions import Abort

from generator.errors import CuratorError, Location, Problems
from generator.typos import did_you_mean
from .quoting import quoted


class ThemeStopped(Abort):
    """A mistake in the theme overrides stopped the build; it was printed. (An Abort,
    as MkDocs makes of a plugin's error: `build` exits 1 without a traceback. Here, not
    in the hook: MkDocs loads the hook from its file, a module of its own, and `serve`
    catches this class in the package's.)"""

    def __init__(self) -> None:
        super().__init__("Aborted with a BuildError!")  # (what `readinglist build` rewords)

# What to do about each kind of mistake, in a curator's words.
_HINTS: tuple[tuple[type[BaseException], str], ...] = (
    (
        jinja2.UndefinedError,
        "not every page has this value (the 404 page has no page at all): test for it"
        " first, as in {% if page and page.meta.foo %}",
    ),
    (
        jinja2.TemplateNotFound,
        "no template of that name in the overrides or in Material's templates: check"
        " its name and folder",
    ),
)


def override_error(error: BaseException, custom_dir: Path, root: Path) -> CuratorError | None:
    """``error``, raised while a page was rendered, as a curator's error at the line of
    the theme overrides (``custom_dir``) it comes from, shown relative to ``root``;
    None when its innermost template frame is not one of theirs (or it has none)."""
    where = _innermost_template_frame(error)
    if where is None:
        return None
    filename, line = where
    custom = os.path.abspath(custom_dir)
    path = os.path.abspath(filename)
    if os.path.commonpath([custom, path]) != custom:
        return None
    shown = shown_path(path, root)
    if isinstance(error, jinja2.TemplateNotFound):
        message = f"no template named {quoted(error.name)}"
    else:
        message = getattr(error, "message", None) or str(error)
    if not isinstance(error, jinja2.TemplateError):
        message = f"{type(error).__name__}: {message}"
    hint = next((text for kind, text in _HINTS if isinstance(error, kind)), None)
    problems = Problems()
    problems.error(
        Location(shown, line, 1),
        f"template error: {message}" + (f"; {hint}" if hint else ""),
    )
    return CuratorError(problems)


# A page's own template, named in its front matter (`template: wide.html`).
_TEMPLATE_KEY = re.compile(r"template[ \t]*:[ \t]*")


def page_template_problems(
    pages: Iterable[tuple[str, object]], env: jinja2.Environment, root: Path
) -> Problems:
    """Each page whose front matter names a template (``template:``) that the theme
    does not have, or names none (a list, a number): MkDocs failed on it with a
    traceback (`mkdocs build`) or one line without a place (`readinglist build`).

    ``pages``: (a page's path in docs/, the value of its ``template`` key). A hand page
    (`content/pages/NAME.md`, carried into docs/ as is) is said at the key's line there;
    any other at its path in docs/."""
    problems = Problems()
    known: list[str] | None = None
    for src_uri, name in pages:
        if isinstance(name, str) and name:
            try:
                env.get_template(name)
                continue
            except jinja2.TemplateNotFound:
                pass
            except jinja2.TemplateError:
                continue  # (a mistake in the template itself: said as one, at its line)
            if known is None:
                known = sorted(t for t in env.list_templates() if t.endswith(".html"))
            message = (
                f"template {quoted(name)}: the theme has no template of that name (in overrides/"
                f" or Material's templates)" + did_you_mean(name, known)
            )
        else:
            given = "is empty" if name in (None, "") else f"{quoted(name)}"
            message = f"template {given}: must be the file name of a template, as main.html"
        source = root / "content" / "pages" / src_uri
        if "/" not in src_uri and source.is_file():
            line, col = _template_key(source.read_text(encoding="utf-8", errors="replace"))
            where = Location(source.relative_to(root).as_posix(), line, col)
        else:
            where = Location(f"docs/{src_uri}", 1, 1)
        problems.error(where, message)
    return problems


def hand_page_templates(root: Path) -> Problems:
    """The hand pages' (`content/pages/*.md`) `template:` names the theme lacks, for
    `readinglist check`: the build finds them with the theme it loaded
    (mkdocs_hook._check_page_templates), and a curator who ran check first was told
    nothing. MkDocs' config is loaded only when a page names a template: most name
    none, and loading it takes most of a second."""
    from mkdocs.utils.meta import get_data

    from generator.yamlio import read_text

    named: list[tuple[str, object]] = []
    for path in sorted((Path(root) / "content" / "pages").glob("*.md")):
        if path.name.startswith(".#"):
            continue  # (an Emacs lock: no page)
        try:
            meta = get_data(read_text(path))[1]  # (as MkDocs reads a page's front matter)
        except (OSError, UnicodeDecodeError):
            continue  # (said by check_hand_pages)
        if "template" in meta:
            named.append((path.name, meta["template"]))
    if not named:
        return Problems()
    env = _theme_env(Path(root))
    if env is not None:
        return page_template_problems(named, env, Path(root))
    problems = Problems()
    for name, value in named:  # (not silence: check would have said "0 errors")
        source = Path(root) / "content" / "pages" / name
        line, col = _template_key(read_text(source))
        problems.warning(
            Location(source.relative_to(root).as_posix(), line, col),
            f"template {quoted(value)} not looked up: MkDocs could not load mkdocs.yml"
            " (`readinglist build` says why)",
        )
    return problems


def _theme_env(root: Path) -> jinja2.Environment | None:
    """The Jinja environment of the project's theme (overrides first, then Material's
    templates), as MkDocs makes it; None when mkdocs.yml cannot be loaded: its syntax
    is said by siteconfig.config_problems, anything else by the build."""
    import logging
    import tempfile

    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    # MkDocs' own words about the config (an unknown setting, a custom_dir not there)
    # are the build's to say: `strict: true` makes each an Abort here.
    was = logging.root.manager.disable
    logging.disable(logging.CRITICAL)
    # The theme needs no pages, and MkDocs refuses a docs_dir that is not there, which
    # the build makes again (`rm -rf docs`): an empty one stands in for it.
    try:
        with tempfile.TemporaryDirectory() as no_pages:
            return load_config(str(root / "mkdocs.yml"), docs_dir=no_pages).theme.get_env()
    except (MkDocsException, OSError):
        return None
    finally:
        logging.disable(was)


def _template_key(text: str) -> tuple[int, int]:
    """The line and column of the value of ``template:`` in ``text``'s front matter."""
    # (MkDocs reads a page without its byte order mark: its front matter is still one.)
    lines = text.removeprefix("\ufeff").splitlines()
    if lines and lines[0].rstrip() == "---":
        for number, line in enumerate(lines[1:], 2):
            if line.rstrip() in ("---", "..."):
                break
            found = _TEMPLATE_KEY.match(line)
            if found:
                return number, found.end() + 1
    return 1, 1


def shown_path(filename: str | Path, root: Path) -> str:
    """A file of the overrides as the curator knows it: relative to the project (not
    resolved: a linked overrides folder is still overrides/)."""
    path = os.path.abspath(filename)
    shown = Path(os.path.relpath(path, os.path.abspath(root))).as_posix()
    return Path(path).as_posix() if shown.startswith("../") else shown  # (elsewhere)


# Jinja's lexer names the offset in the template of a character it cannot read; it
# names a bracket that closes nothing, and the parser the token it stopped at, without
# a place. (Lines as Jinja splits them.)
_UNREADABLE = re.compile(r"unexpected char .+ at (\d+)", re.DOTALL)
_UNBALANCED = re.compile(r"unexpected '(.+?)'(?:, expected '.+')?", re.DOTALL)
_LINES = re.compile(r"\r\n|\r|\n")


def syntax_column(
    env: jinja2.Environment, source: str, path: str, error: jinja2.TemplateSyntaxError
) -> int:
    """The column (from 1) of ``error``, Jinja's refusal of ``source`` (the template at
    ``path``), on its line; 0 when it cannot be told for certain. Jinja says only the
    line. The lexer's offset of a character it cannot read is exact; a bracket the lexer
    or a token the parser names ("unexpected '}'", "Expected an expression, got 'end of
    statement block'", "Encountered unknown tag 'endfro'") is where it stands on the
    line when it stands there once. Any other mistake (a block defined twice, a tag
    left open at the end) is said at its line alone."""
    lines = _LINES.split(source)
    if not 1 <= (error.lineno or 0) <= len(lines):
        return 0
    line = lines[error.lineno - 1]
    try:
        for _ in env.lex(source, None, path):
            pass
    except jinja2.TemplateSyntaxError as lexed:
        if lexed.lineno != error.lineno:
            return 0
        message = lexed.message or ""
        if (offset := _UNREADABLE.fullmatch(message)) is not None:
            joined = "\n".join(lines)  # (the text the offset counts in)
            return int(offset[1]) - joined.rfind("\n", 0, int(offset[1]))
        unbalanced = _UNBALANCED.fullmatch(message)
        return _only_place(line, re.escape(unbalanced[1])) if unbalanced else 0
    from jinja2.lexer import describe_token
    from jinja2.parser import Parser

    parser = Parser(env, source, None, path)
    try:
        parser.parse()
    except jinja2.TemplateSyntaxError as parsed:
        token = parser.stream.current
        named = f"'{describe_token(token)}'" in (parsed.message or "")
        if parsed.lineno != error.lineno or token.lineno != error.lineno or not named:
            return 0
        if token.type == "name":
            return _only_place(line, rf"(?<!\w){re.escape(token.value)}(?!\w)")
        if token.type in ("eof", "data", "string", "integer", "float"):
            return 0  # (no text, or not as written)
        return _only_place(line, re.escape(str(token.value)))
    return 0


def _only_place(line: str, pattern: str) -> int:
    """The column of ``pattern`` in ``line`` when it is there once; else 0."""
    places = [found.start() for found in re.finditer(pattern, line)]
    return places[0] + 1 if len(places) == 1 else 0


def _innermost_template_frame(error: BaseException) -> tuple[str, int] | None:
    """The file and line of the last frame of ``error``'s traceback that Jinja wrote
    for a template (its globals hold the exception it raises again)."""
    where = None
    frame = error.__traceback__
    while frame is not None:
        if "__jinja_exception__" in frame.tb_frame.f_globals:
            where = (frame.tb_frame.f_code.co_filename, frame.tb_lineno)
        frame = frame.tb_next
    return where


def unknown_blocks(
    env: jinja2.Environment, tree: jinja2.nodes.Template
) -> list[tuple[int, str, str, list[str]]]:
    """The blocks of a template that extends another (``tree``, parsed) which no template
    it extends has: Jinja shows them nowhere, and says nothing (`{% block extrahed %}`).
    Each as its line, its name, the closest name there is ("" for none) and the templates
    extended. None said when it cannot be certain: a template extended is named by a
    variable, or is not there; a block a template calls by name (``self.name()``)
    counts as one it has.

    The templates extended are not parsed (Material's base.html took 50 ms): their
    compiled form says their blocks, from Jinja's cache, and is the one the build then
    renders with; their text says what they extend."""
    import difflib

    extends = list(tree.find_all(jinja2.nodes.Extends))
    if len(extends) != 1 or not isinstance(extends[0].template, jinja2.nodes.Const):
        return []
    known = _called_by_self(tree)
    chain: list[str] = []
    name: str | None = str(extends[0].template.value)
    while name is not None:
        if name in chain:
            return []  # (a loop: Jinja says so when a page is made)
        chain.append(name)
        try:
            known.update(env.get_template(name).blocks)
            source = env.loader.get_source(env, name)[0] if env.loader else ""
        except jinja2.TemplateError:
            return []  # (said by Jinja when a page is made)
        known.update(_SELF_CALL.findall(source))
        parents = _EXTENDS.findall(source)
        if len(parents) != len(_ANY_EXTENDS.findall(source)) or len(parents) > 1:
            return []  # (by a variable, or more than one)
        name = parents[0][1] if parents else None
    # (A block inside another is the template's own, for those that extend it.)
    blocks = list(tree.find_all(jinja2.nodes.Block))
    nested = {id(inner) for block in blocks for inner in block.find_all(jinja2.nodes.Block)}
    unknown = []
    for block in blocks:
        if id(block) in nested or block.name in known:
            continue
        close = difflib.get_close_matches(block.name, sorted(known), n=1)
        unknown.append((block.lineno, block.name, close[0] if close else "", chain))
    return unknown


# In a template's text. (Taken loosely: a name too many only keeps a warning back.)
_SELF_CALL = re.compile(r"\bself\.(\w+)")
_ANY_EXTENDS = re.compile(r"{%-?\s*extends\b")
_EXTENDS = re.compile(r"""{%-?\s*extends\s+(["'])([^"'{}]+)\1\s*-?%}""")


def _called_by_self(tree: jinja2.nodes.Template) -> set[str]:
    """The blocks ``tree`` shows by name: ``self.announce()``, as Material's base.html."""
    return {
        node.attr
        for node in tree.find_all(jinja2.nodes.Getattr)
        if isinstance(node.node, jinja2.nodes.Name) and node.node.name == "self"
    }
