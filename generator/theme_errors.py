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
"""

from __future__ import annotations

import os
from pathlib import Path

import jinja2
from mkdocs.exceptions import Abort

from generator.errors import CuratorError, Location, Problems


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
    shown = Path(os.path.relpath(path, root)).as_posix()
    if shown.startswith("../"):
        shown = Path(path).as_posix()  # (an overrides folder outside the project)
    if isinstance(error, jinja2.TemplateNotFound):
        message = f"no template named {error.name!r}"
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
