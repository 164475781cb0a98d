"""`readinglist build`: check the content, generate the pages and build the site with MkDocs.

The generator runs inside MkDocs (the hook registered in mkdocs.yml), so this command
and a plain `mkdocs build` produce the same site; this one runs MkDocs in-process the
way its own command line does (start-up and shut-down events, its log format).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


EXIT = "exit status: 0 when the site was built, 1 when the check or MkDocs stopped it"
STOPPED = "nothing was built"  # what a curation error stopped (see cli.main)

def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--strict",
        action="store_true",
        help="fail on any MkDocs warning (mkdocs.yml already sets strict: true)",
    )
    parser.add_argument(
        "--site-dir", help="where to build the site (default: site/ from mkdocs.yml)"
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="print warnings and errors only")


def mkdocs_logging(quiet: bool = False) -> object:
    """MkDocs' own console log handler; keep the returned object alive while building.
    Its levels are coloured only on a terminal, and not when NO_COLOR is set (to
    anything but ""; no-color.org): its formatter colours them whatever the stream, and a
    pipe or a CI log showed '^[[31mERROR   -  ^[[0m...'."""
    import logging
    import os

    from mkdocs.__main__ import ColorFormatter, State

    state = State(level=logging.WARNING if quiet else logging.INFO)
    stream = state.stream.stream
    if os.environ.get("NO_COLOR") or not (hasattr(stream, "isatty") and stream.isatty()):
        plain = ColorFormatter()  # (its layout, and its wrapping at a terminal's width)
        plain.colors = {}  # the levels it colours: none
        state.stream.setFormatter(plain)
    return state


def ensure_docs_dir(root: Path) -> None:
    """Creates the generated docs folder if it is gone (`rm -rf docs`, `make clean`):
    MkDocs refuses a configuration whose docs_dir does not exist before the generator,
    which fills it, ever runs."""
    import yaml
    from mkdocs.exceptions import ConfigurationError
    from mkdocs.utils.yaml import yaml_load

    try:
        with open(root / "mkdocs.yml", encoding="utf-8") as config:
            docs_dir = (yaml_load(config) or {}).get("docs_dir", "docs")
    except (OSError, ValueError, yaml.YAMLError, ConfigurationError):
        return  # MkDocs reports an unreadable configuration itself
    if isinstance(docs_dir, str):
        (root / docs_dir).mkdir(parents=True, exist_ok=True)


def is_project(root: Path, command: str, what: str, root_given: bool = False) -> bool:
    """Whether ``root`` has a mkdocs.yml; when not, says so first: MkDocs' "Config file
    '.../content/papers/mkdocs.yml' does not exist" said neither where the project is
    (a shell left in a folder inside it) nor what to do."""
    if (root / "mkdocs.yml").is_file():
        return True
    from ..siteconfig import WHAT_IT_IS, no_config_fix, restore_fix, started_by_hand

    restore = restore_fix(root)
    fix = restore or no_config_fix(root, what, root_given)
    if started_by_hand(root) and not restore:
        # A list started by hand (content/ alone) is no wrong folder: what it lacks,
        # and where the shipped files are.
        print(
            f"readinglist {command}: {root} has content/ but no mkdocs.yml, {WHAT_IT_IS}:"
            f" {fix}; readinglist check works without them",
            file=sys.stderr,
        )
    else:
        print(f"readinglist {command}: {root} has no mkdocs.yml: {fix}", file=sys.stderr)
    return False


def stopped_by(error: Exception) -> str:
    """What stopped MkDocs, in a curator's words. The hook's errors (a curation mistake,
    a refused page) are printed already; MkDocs' own "Aborted with a BuildError!" after
    them read as a failure of the tool."""
    said = str(error)
    if "BuildError" in said:
        return "stopped by the problems above; fix them and run the command again"
    # (The hook's own refusal, said by the command's name: the docs folder in use.)
    return said.removeprefix("readinglist: ")


def stop_on_config_mistakes(root: Path) -> None:
    """Raise the YAML mistakes of mkdocs.yml as curation errors (path:line:col, and what
    to do), before MkDocs stops on them with a traceback."""
    from ..errors import CuratorError
    from ..siteconfig import config_problems

    problems = config_problems(root)
    if problems.has_errors():
        raise CuratorError(problems)


def run(args: argparse.Namespace) -> int:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    root = Path(args.root).resolve()
    if not is_project(root, "build", "the build", args.root_given):
        return 1
    stop_on_config_mistakes(root)
    overrides: dict[str, object] = {}
    if args.strict:
        overrides["strict"] = True
    if args.site_dir:
        overrides["site_dir"] = str(Path(args.site_dir).resolve())
    ensure_docs_dir(root)
    logging_state = mkdocs_logging(args.quiet)
    try:
        config = load_config(str(root / "mkdocs.yml"), **overrides)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        except KeyboardInterrupt:
            # MkDocs runs no build_error event for it: the hook's staging folder
            # (staged_site.py) goes, or the last site it set aside in place
            # (served_site.py) is put back: its own, not one another build set aside
            # there while this one waited for it (docslock.py).
            from ..served_site import put_back_mine
            from ..staged_site import abandon, site_of

            building_in = Path(config.site_dir)
            if site_of(building_in) is not None:
                abandon(building_in)
                config.site_dir = str(site_of(building_in))
            else:
                put_back_mine(building_in)
            raise
        finally:
            config.plugins.on_shutdown()
    except (Abort, ConfigurationError) as error:
        print(f"readinglist build: {stopped_by(error)}", file=sys.stderr)
        return 1
    finally:
        del logging_state
    if not args.quiet:
        print(how_to_open(root, Path(config.site_dir)), file=sys.stderr)
    return 0


def how_to_open(root: Path, site: Path) -> str:
    """Where the built site is, and the commands that serve it, to paste in the folder
    the build ran in (`command_here`), and python3, which every system readinglist runs
    on has (Debian and Ubuntu have no `python` command unless a package adds it)."""
    import shlex

    return (
        f"The site is in {_from_here(site)}/. Open it through a web server (search needs one): "
        f"{command_here(root, 'serve')}, or python3 -m http.server -d {shlex.quote(_from_here(site))}"
    )


def command_here(root: Path, command: str, site: Path | None = None) -> str:
    """`readinglist COMMAND` to paste in the folder a command ran in: with the project's
    --root when that is another folder (there, a bare command finds no project), and
    ``site`` as --site-dir when given; paths quoted (a space)."""
    import shlex

    here = Path.cwd()
    where = "" if root.resolve() == here else f" --root {shlex.quote(_from_here(root.resolve()))}"
    elsewhere = "" if site is None else f" --site-dir {shlex.quote(_from_here(site.resolve()))}"
    return f"readinglist{where} {command}{elsewhere}"


def _from_here(path: Path) -> str:
    """``path`` as typed in the current folder: relative when under it, and then "./"
    before a name that starts with "-" ("-lab"), which a command read as an option
    ("--root -lab": "expected one argument")."""
    here = Path.cwd()
    if not path.is_relative_to(here):
        return str(path)
    shown = str(path.relative_to(here))
    return f"./{shown}" if shown.startswith("-") else shown
