"""mkdocs.yml as a curator edits it: its YAML mistakes, reported as path:line:col.

The README sends curators to mkdocs.yml (site_name, site_description), and a title
there is as likely to hold a colon as a paper's. MkDocs itself stops on such a file
with a traceback-shaped message; `check`, `build` and `serve` report it as they report
a paper file's, with the same explanations (yamlio.explain_syntax_error).
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from . import mergemarkers, yamlio
from .errors import Location, Problems
from .quoting import quoted
from .yamlfile import display

CONFIG = "mkdocs.yml"
_SYNTAX = yamlio.SYNTAX_ERROR


# What mkdocs.yml is, said where it is missing: build and serve stop there
# (commands.build.is_project), and check warns of it (`no_config`).
WHAT_IT_IS = "the site's MkDocs configuration (its theme, and the hook that runs the generator)"


def no_config(root: Path, root_given: bool = False) -> Problems:
    """A warning when ``root`` holds content/ but no mkdocs.yml: build and serve build
    no site there, and `check` said nothing of it. A warning, not an error: README has
    `check` work in a list started by hand, content/ alone. (With no content/ either,
    it is the wrong folder, which loading content/ says.)"""
    root = Path(root)
    problems = Problems()
    if not (root / CONFIG).is_file() and (root / "content").is_dir():
        # At no line, as a missing file is said ("content: no such folder").
        problems.warning(
            Location(CONFIG),
            f"no such file: {WHAT_IT_IS}, without which readinglist build and serve build"
            f" no site; {restore_fix(root) or no_config_fix(root, 'them', root_given)}",
        )
    return problems


def started_by_hand(root: Path) -> bool:
    """Whether ``root``, which has no mkdocs.yml, is a list started by hand (content/
    alone), not a folder inside a project (a shell left in content/papers/)."""
    from .curation import project_above  # (late: curation reads this module)

    return (Path(root) / "content").is_dir() and project_above(root) is None


def restore_fix(root: Path) -> str:
    """Where git has ``root``/mkdocs.yml, which is gone (a curator deleted it): how to
    restore it; "" when git has none (a list started by hand, no git). The shipped files
    to copy, or another folder to run in, would be wrong advice there: the folder is the
    project, and git has its own configuration."""
    from .gitcopy import last_copy

    if not (Path(root) / "content").is_dir() or (copy := last_copy(Path(root), CONFIG)) is None:
        return ""
    # (git reads the path from the folder it runs in: run from elsewhere, as with --root,
    # the command names the project, or it would restore nothing or another file.)
    try:
        elsewhere = Path(root).resolve() != Path.cwd().resolve()
    except OSError:
        elsewhere = True
    where = f"-C {shlex.quote(str(root))} " if elsewhere else ""
    return f"git has it: restore it with git {where}checkout {copy.commit} -- {CONFIG}"


def no_config_fix(root: Path, what: str, root_given: bool = False) -> str:
    """What to do so that ``what`` (the build, the server) runs for ``root``, which has
    no mkdocs.yml and which git has none of (`restore_fix`): in a list started by hand,
    copy what it lacks from where the shipped files are (mkdocs.yml alone would not do:
    it names its hook under generator/ and its theme's overrides/); elsewhere, run it in
    the project folder (`wrong_folder_fix`)."""
    if started_by_hand(root):
        return (
            "copy mkdocs.yml, overrides/ and generator/ from the readinglist repository"
            f"{_shipped()} into this folder, or move content/ into a copy of that repository"
            " (README: 'Starting your own list')"
        )
    from .curation import wrong_folder_fix

    return wrong_folder_fix(root, what, root_given)


def _shipped() -> str:
    """" (FOLDER)": the repository this readinglist runs from, when it is one (a
    checkout, installed editable as the README does), with the mkdocs.yml it ships;
    "" for an installed package, which has none."""
    repository = Path(__file__).resolve().parents[1]
    return f" ({repository})" if (repository / CONFIG).is_file() else ""


def config_problems(root: Path) -> Problems:
    """The YAML syntax errors of ``root``/mkdocs.yml, git's conflict markers among them
    (none if there is no such file: the commands say so themselves), else its settings
    that every page would read as markup (`markup_in_settings`)."""
    path = Path(root) / CONFIG
    problems = Problems()
    try:
        text = yamlio.read_text(path)
    except FileNotFoundError:
        return problems
    except UnicodeDecodeError as error:
        # At its first bad byte, as a paper file's (a Windows editor's "é" in site_name).
        line, col, message = yamlio.not_utf8(path.read_bytes()) or (1, 1, str(error))
        problems.error(Location(display(path, Path(root)), line, col), message)
        return problems
    # Only the syntax: the rest of what the reader of curation files refuses (tags such
    # as !ENV, anchors) is MkDocs' to read.
    read, shown = Problems(), display(path, Path(root))
    if yamlio.parse(text, shown, read) is None and any(p.message.startswith(_SYNTAX) for p in read.items):
        # Each setting's syntax error at once: MkDocs stops at the first.
        yamlio.parse_past_syntax_errors(text, shown, read, yamlio.top_level_spans(text.split("\n")), set(read.items))
    for problem in read.errors:
        if problem.message.startswith(_SYNTAX) or problem.message in (mergemarkers.CONFLICT, mergemarkers.CONFLICT_WITH_BASE):
            problems.error(problem.location, problem.message)
    if not problems.has_errors():
        problems.extend(markup_in_settings(root))
        problems.extend(missing_theme_folder(root))
    return problems


# The settings Material writes into every page's HTML as they are, not escaped: the
# header, <title>, aria-label="..." (site_name), <meta content="..."> (site_description,
# site_author). A '<' there opens a tag, a '"' ends the attribute. ('copyright' is
# Material's to hold HTML on purpose: left alone.)
_UNESCAPED = ("site_name", "site_description", "site_author")
_MARKUP = re.compile(r'[<"]')


def markup_in_settings(root: Path) -> Problems:
    """An error for each setting of ``root``/mkdocs.yml in `_UNESCAPED` that holds '<' or
    '"', at its value: every page would read it as markup (a name like
    "<script>...", or 'The "Foo" Lab', whose quote ends an attribute)."""
    from .ownlist import read_setting

    problems = Problems()
    if (settings := _settings(root)) is None:
        return problems
    text, tree = settings
    for key in _UNESCAPED:
        node = tree.get(key)
        if not isinstance(node, yamlio.Scalar):
            continue
        # (As MkDocs reads it: an '!ENV NAME' setting is the variable's value, not its
        # name. Read so only where the value is tagged: a parse of the file costs 2 ms.)
        tagged = _tagged(text, node)
        value = read_setting(text, key) if tagged else None
        said = markup_said(key, value if isinstance(value, str) else node.text or "")
        if said:
            problems.error(node.loc, said)
    return problems


def _settings(root: Path) -> tuple[str, yamlio.Map] | None:
    """``root``/mkdocs.yml's text and its settings as placed nodes; None when it cannot
    be read or holds no mapping (its mistakes are said by `config_problems`)."""
    path = Path(root) / CONFIG
    try:
        text = yamlio.read_text(path)
        tree = yamlio.parse(text, display(path, Path(root)), Problems())
    except (OSError, UnicodeDecodeError):
        return None
    return (text, tree) if isinstance(tree, yamlio.Map) else None


def _tagged(text: str, node: yamlio.Node) -> bool:
    """Whether ``node``'s value is written with a tag (`!ENV ...`): MkDocs reads such a
    value from the environment."""
    return text.splitlines()[node.line - 1][node.col - 1 :].startswith("!")


def markup_said(key: str, text: str) -> str | None:
    """Why ``text``, as setting ``key`` (one of `_UNESCAPED`), would be read as markup by
    every page, and what to write; None when it would not."""
    found = _MARKUP.search(text)
    if found is None:
        return None
    char = found.group()
    what = (
        "which every page's HTML would read as the start of a tag"
        if char == "<"
        else "which ends an attribute of every page's HTML that it is written into"
    )
    fix = "write it without" if char == "<" else "write typographic quotes (\u201c \u201d) instead"
    return f"{quoted(key)} holds {quoted(char)}, {what} (the theme writes it as it is); {fix}"


REPOSITORY_SETTING = (
    "'repo_url' has the theme show the repository in every page's header, for which each"
    " reader's browser asks the repository's host (GitHub's API) for its stars and forks, a"
    " request to a third party; and it gives no page an edit button; delete it (and"
    " 'repo_name', 'edit_uri'): the list's repository is 'extra: repository:', which CI sets"
    " from REPO_URL (built elsewhere: REPO_URL=https://github.com/LAB/REPOSITORY make site),"
    " and which gives every page its edit button and the footer its link (README:"
    " 'Publishing to GitHub Pages')"
)


def repository_setting(root: Path) -> Problems:
    """A warning at `repo_url` in ``root``/mkdocs.yml when it is set: MkDocs' own way to
    name a repository, which a curator who knows MkDocs writes there, but which here does
    only harm: Material's header widget asks GitHub's API for the repository's stars
    (mkdocs.yml has no third-party request otherwise: no fonts, no stats), and the edit
    buttons come from `extra.repository` (REPO_URL) alone (mkdocs_hook.on_page_context).
    Set from the environment (`!ENV`), it is warned of whatever the variable holds here:
    CI may set it."""
    from .ownlist import read_setting

    problems = Problems()
    settings = _settings(root)
    node = settings[1].get("repo_url") if settings is not None else None
    if settings is None or node is None:
        return problems
    value = read_setting(settings[0], "repo_url")
    # (Left empty, `repo_url:` or "", MkDocs sets no repository: nothing is shown.)
    if _tagged(settings[0], node) or (isinstance(value, str) and value.strip()):
        problems.warning(node.loc, REPOSITORY_SETTING)
    return problems


def site_address(root: Path) -> str:
    """The address the site is published at, as the build reads it from ``root``/mkdocs.yml
    (`site_url`, the shipped file's from the SITE_URL variable), with a slash at its end;
    "" when it is not set (nor the file readable)."""
    from .ownlist import read_setting

    try:
        text = (Path(root) / CONFIG).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""
    value = read_setting(text, "site_url")
    return value.strip().rstrip("/") + "/" if isinstance(value, str) and value.strip() else ""


# The theme's own folder in the shipped mkdocs.yml (`theme: custom_dir:`).
SHIPPED_THEME_FOLDER = "overrides"


def theme_folder(root: Path) -> Path | None:
    """The theme's own folder, ``root``/mkdocs.yml's `theme: custom_dir:` (read, as
    MkDocs reads it, from the file's folder): MkDocs carries each of its files but
    templates into the site. None when the file names none (`theme: material`, or no
    `custom_dir:`); the shipped one when the file cannot be read, whose mistakes are said
    of the file itself (`config_problems`, `no_config`)."""
    from .ownlist import read_setting, written_values

    shipped = Path(root) / SHIPPED_THEME_FOLDER
    try:
        text = (Path(root) / CONFIG).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return shipped
    if not written_values(text):  # (not YAML, or no setting at all)
        return shipped
    theme = read_setting(text, "theme")
    if isinstance(theme, dict):
        custom = theme.get("custom_dir")
        return Path(root) / custom if isinstance(custom, str) and custom.strip() else None
    # (A theme written in a way this reading does not take, an `!ENV` inside it: as shipped.)
    return shipped if theme is None and "theme" in written_values(text) else None


def missing_theme_folder(root: Path) -> Problems:
    """An error at `theme: custom_dir:` of ``root``/mkdocs.yml when it names no folder
    (a typo, a folder renamed or not committed): MkDocs refuses the whole configuration
    for it, before the hook that says mistakes as path:line:col runs. Read as MkDocs
    reads it (`!ENV` from the environment, from the file's folder)."""
    from .ownlist import read_setting

    path = Path(root) / CONFIG
    problems = Problems()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return problems
    theme = read_setting(text, "theme")
    if not isinstance(theme, dict) or "custom_dir" not in theme:
        return problems
    custom = theme["custom_dir"]
    # (An empty name is the file's own folder to MkDocs, which is one; " " is not. A value
    # that is no string, `custom_dir:` left empty or an `!ENV` of an unset variable
    # without a default, stopped MkDocs with a TypeError's traceback: os.path.isabs(None).)
    if isinstance(custom, str) and (not custom or (Path(root) / custom).is_dir()):
        return problems
    shown = display(path, Path(root))
    tree = yamlio.parse(text, shown, Problems())
    node = tree.get("theme") if isinstance(tree, yamlio.Map) else None
    value = node.get("custom_dir") if isinstance(node, yamlio.Map) else None
    where = value.loc if value is not None else key_location(root, "theme")
    tagged = value is not None and text.splitlines()[value.line - 1][value.col - 1 :].startswith("!")
    shipped = f"name the theme's folder (the shipped list's is '{SHIPPED_THEME_FOLDER}')"
    if custom is None and tagged:
        message = (
            "the theme folder (theme: custom_dir:) is read from the environment, which sets"
            " none of the variables named and the tag gives no default, and MkDocs builds no"
            f" site without it; set one, or give a default: !ENV [VARIABLE, {SHIPPED_THEME_FOLDER}]"
        )
    elif not isinstance(custom, str):
        message = (
            f"the theme folder (theme: custom_dir:) is {_KINDS.get(type(custom), 'no text')},"
            f" no folder's name, and MkDocs builds no site without one; {shipped}, or delete the line"
        )
    else:
        message = (
            f"the theme folder {quoted(custom)} (theme: custom_dir:{' as the environment sets it' if tagged else ''})"
            f" is no folder{'' if Path(custom).is_absolute() else ' beside mkdocs.yml'}, and MkDocs builds"
            f" no site without it; create it, or {shipped}"
        )
    problems.error(where, message)
    return problems


# What a YAML value that is no string is, as a curator wrote it.
_KINDS = {type(None): "empty", bool: "true or false", int: "a number", float: "a number", list: "a list", dict: "a mapping"}


def key_location(root: Path, key: str) -> Location:
    """Where ``root``/mkdocs.yml sets ``key`` at its top: MkDocs names the key of a
    value it refuses ("Config value 'theme': ..."), not its line (the file alone when
    the file does not set it, or cannot be read)."""
    path = Path(root) / CONFIG
    shown = display(path, Path(root))
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return Location(shown)
    tree = yamlio.parse(text, shown, Problems())
    node = tree.key_node(key) if isinstance(tree, yamlio.Map) else None
    return node.loc if node is not None else Location(shown)


# The shipped example's listing (a list of one's own has it no longer: README's "Starting
# your own list" removes it, and the tests tell the example so), its site name and
# description (`init` keeps a lab's own, not these) and the heading of its home page.
EXAMPLE_LISTING = Path("content", "sources", "000_19bd02ae25786342.txt")
# The example's papers' arXiv ids, authors, venues and years, as found for it (the file
# says where), imported after the listing: the example's too, which `init` removes with it.
EXAMPLE_METADATA = Path("content", "sources", "example-list-metadata.bib")
EXAMPLE_NAME = "Learning across tasks: a reading list"
EXAMPLE_DESCRIPTION = "A curated reading list of research papers, by topic, with code links."
HOME_PAGE = Path("content", "pages", "index.md")


def example_left(root: Path) -> Problems:
    """Warnings of what a list of one's own still shows of the shipped example: its
    `site_name` (every page's header and title, the feeds' author) and its home page's
    introduction, which README's "Starting your own list" says to rewrite and nothing
    else reminds of: a lab's site was published as "Learning across tasks". (`check`
    and the build both say them; neither is stopped by them.)"""
    root = Path(root)
    problems = Problems()
    if (root / EXAMPLE_LISTING).exists():
        return problems  # the example itself
    path = root / CONFIG
    try:
        tree = yamlio.parse(path.read_text(encoding="utf-8"), display(path, root), Problems())
    except (OSError, UnicodeDecodeError):
        tree = None
    name = tree.get("site_name") if isinstance(tree, yamlio.Map) else None
    if isinstance(name, yamlio.Scalar) and (name.text or "").strip() == EXAMPLE_NAME:
        problems.warning(
            name.loc,
            f"'site_name' is still the shipped example's ({quoted(EXAMPLE_NAME)}); set your list's"
            " name, and its 'site_description'",
        )
    page = root / HOME_PAGE
    try:
        first = next((line for line in page.read_text(encoding="utf-8").splitlines() if line.strip()), "")
    except (OSError, UnicodeDecodeError):
        first = ""
    if first.strip() == f"# {EXAMPLE_NAME}":
        problems.warning(
            Location(display(page, root), 1, 1),
            "the home page is still the shipped example's introduction (a list on learning"
            " across tasks); rewrite it for your list",
        )
    return problems
