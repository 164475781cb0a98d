"""The `readinglist` command line: a thin dispatcher into `generator.commands.*`.

Each command module provides ``HELP`` (one line), ``add_arguments(parser)`` and
``run(args) -> int`` (the exit status), and may name in ``STOPPED`` what a curation
error (CuratorError) stopped it from doing. Only the module of the command given is
imported (`build_parser`), so `readinglist check` does not pay for scikit-learn, MkDocs or
the importer.
"""

from __future__ import annotations

import argparse
import difflib
import importlib
import os
import sys

from . import __version__, gcpause
from .errors import CuratorError, counted

# command name -> (module under generator.commands, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "init": ("init", "start your own list in this copy: remove the shipped example's papers and topics, name the site"),
    "import": ("import_cmd", "import listings, BibTeX, RIS or Markdown files into content/papers/*.yml"),
    "add": ("add", "add papers by their arXiv id or DOI, as arXiv and doi.org describe them"),
    "check": ("check", "validate content/ and report every problem as path:line:col"),
    "build": ("build", "check, generate the Markdown pages and build the site with MkDocs"),
    "serve": ("serve", "build, then serve the site with live reload"),
    "rename": ("rename", "rename a paper (or with --topic a topic) and every reference to it; the old id kept in formerly:"),
    "topics": ("topics", "list topics with their paper counts, or explain a paper's topics or a topic's papers"),
    "gaps": ("gaps", "say what the papers' records lack (authors, year, venue, ...), how to fill it, and which papers"),
    "search": ("search", "search the built site's index from the terminal"),
    "links": ("links", "check every external link (code repositories, project pages)"),
    "stars": ("stars", "ask GitHub for the code repositories' stars, kept in content/repositories.yml"),
}


ROOT_HELP = "the project folder holding mkdocs.yml and content/ (default: .)"


class _Root(argparse.Action):
    """--root, which also notes that it was given (``root_given``): a command run for a
    folder that is no project says "give --root PATH" only to a curator who gave none."""

    def __call__(self, parser, namespace, values, option_string=None):  # type: ignore[no-untyped-def]
        namespace.root = values
        namespace.root_given = True


class _CommandParser(argparse.ArgumentParser):
    """A command's parser, which says a word it does not take itself: left to the whole
    command line, `readinglist check content/papers/x.yml` was told "readinglist: error:
    unrecognized arguments" under the usage of `readinglist COMMAND`, as if the command
    were the mistake. A command named by name only (`build_parser`'s ``only``) takes
    anything: those words are no error until its own parser reads them."""

    stand_in = False
    # A command whose words may start with "-" (`search`: "-word" is a word no result
    # may have): `readinglist search learning -vision` was told "unrecognized
    # arguments: -vision", and `readinglist search -vision` that it gave no words.
    dashed_words = False

    def _parse_optional(self, arg_string):  # type: ignore[no-untyped-def]
        # (argparse's own test of an option; "-n5" and "-n=5" are still -n's, and a word
        # of two dashes an option. Only an option that takes a value is joined to one:
        # "-h5" is a word, which argparse read as -h given "5", an error.)
        joined = self._option_string_actions.get(arg_string[:2])
        if (self.dashed_words and arg_string[:1] == "-" and arg_string[1:2] not in ("", "-")
                and arg_string not in self._option_string_actions
                and not (joined is not None and joined.nargs != 0
                         and (arg_string[2:].isdigit() or arg_string[2:3] == "="))):
            return None
        return super()._parse_optional(arg_string)

    def parse_known_args(self, args=None, namespace=None):  # type: ignore[no-untyped-def]
        parsed, rest = super().parse_known_args(args, namespace)
        if rest and not self.stand_in:
            self.error(f"unrecognized arguments: {' '.join(rest)}")
        return parsed, rest


class _Parser(argparse.ArgumentParser):
    """The whole command line's parser, which answers a misspelt command (`readinglist
    chek`) with the commands near it: the list of all twelve left 'check' to be found
    among them. A word near none is answered with that list, as argparse does.
    (`_check_value` is where argparse refuses a choice; Python 3.14's suggest_on_error
    does the same, and this can go once that is the oldest Python supported.)"""

    def _check_value(self, action, value):  # type: ignore[no-untyped-def]
        if isinstance(action, argparse._SubParsersAction) and value not in action.choices:
            near = difflib.get_close_matches(value, list(action.choices))
            if near:
                meant = " or ".join(repr(name) for name in near)
                raise argparse.ArgumentError(action, f"invalid choice: {value!r} (did you mean {meant}?)")
        super()._check_value(action, value)


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole command line; with ``only``, the arguments of that command alone (the
    others are there by name and help line, which is all `--help` and a misspelt
    command need): importing every command's module cost `check` half a second."""
    parser = _Parser(prog="readinglist", description="Build a curated reading list of research papers.")
    parser.add_argument("--version", action="version", version=f"readinglist {__version__}")
    parser.add_argument("--root", default=".", action=_Root, help=ROOT_HELP)
    parser.set_defaults(root_given=False)
    sub = parser.add_subparsers(
        dest="command", metavar="COMMAND", required=True, parser_class=_CommandParser
    )
    for name, (module_name, help_text) in COMMANDS.items():
        if only is not None and name != only:
            stand_in = sub.add_parser(name, help=help_text, add_help=False)
            stand_in.stand_in = True
            stand_in.set_defaults(_module=None)
            continue
        module = importlib.import_module(f"generator.commands.{module_name}")
        command_parser = sub.add_parser(
            name, help=help_text, description=help_text, epilog=getattr(module, "EXIT", None)
        )
        # Before the command or after it (`readinglist build --root ~/lab`); SUPPRESS
        # keeps the one before when none is given after.
        command_parser.add_argument("--root", default=argparse.SUPPRESS, action=_Root, help=ROOT_HELP)
        module.add_arguments(command_parser)
        command_parser.set_defaults(_module=module)
    return parser


def _command_in(argv: list[str]) -> str | None:
    """The command ``argv`` names, as far as a glance tells: the first word that is one,
    past the options before it and the folder after `--root`."""
    words = iter(argv)
    for word in words:
        if word == "--root":
            next(words, None)
        elif word in COMMANDS:
            return word
        elif not word.startswith("-"):
            return None
    return None


def parse(argv: list[str]) -> argparse.Namespace:
    """``argv`` read by a parser holding only the command it names; when the glance was
    wrong (an option abbreviated, `--ro lab check`), read again by the whole parser,
    which then says what is wrong exactly as it always did."""
    unknown = _unknown_option(argv)
    if unknown is not None:
        build_parser("").error(unknown)
    parser = build_parser(_command_in(argv))
    # (Known arguments only: what another command's arguments would be is no error yet.)
    args, rest = parser.parse_known_args(argv)
    if args._module is None:
        return build_parser().parse_args(argv)
    if rest:
        parser.parse_args(argv)  # (says what is wrong and exits, as it always did)
    return args


# The whole command line's own options, by their long names (-h is --help).
_OPTIONS = ("--root", "--version", "--help")


def _option(word: str) -> str | None:
    """The whole command line's option ``word`` names as argparse reads it: the one it
    spells or is the only one to begin (`--ro` is --root), its "=value" aside; None for a
    word that names none or more than one."""
    if word == "-h":
        return "--help"
    name = word.split("=", 1)[0]
    named = [option for option in _OPTIONS if option.startswith(name)] if name.startswith("--") else []
    return named[0] if len(named) == 1 else None


def _leading_options(argv: list[str]) -> tuple[list[str], bool]:
    """The options ``argv`` gives before its first other word (past `--root`'s folder),
    each by the name `_option` gives it (as written if it names none of them), and
    whether no other word follows: no command named. (`--root` with no folder after it,
    `readinglist --root`, is no such line: argparse says the folder is missing.)"""
    options: list[str] = []
    words = iter(argv)
    for word in words:
        if not word.startswith("-") or word == "--":  # ("--": a command follows)
            return options, False
        option = _option(word)
        options.append(option if option is not None else word)
        if option == "--root" and "=" not in word:
            folder = next(words, None)
            if folder is None or folder.startswith("-"):
                return options, False
    return options, True


def _unknown_option(argv: list[str]) -> str | None:
    """What to say of an option before the command that the whole command line does
    not take (`readinglist --bogus`), with the option it may have meant; None if all are
    its own. Alone, `--bogus` was answered with the help as if no word were given, and
    `--bogus lab` with "invalid choice: 'lab'", the word after it."""
    options, _ = _leading_options(argv)
    for word in options:
        if word not in _OPTIONS:
            near = difflib.get_close_matches(word.split("=", 1)[0], _OPTIONS)
            meant = f" (did you mean {' or '.join(repr(name) for name in near)}?)" if near else ""
            return f"unrecognized arguments: {word}{meant}"
    return None


def _names_no_command(argv: list[str]) -> bool:
    """Whether ``argv`` holds no word but `--root` and its folder (`readinglist` alone,
    `readinglist --root lab`, `--ro lab`): argparse then said only "the following
    arguments are required: COMMAND", and a newcomer was not shown the commands there
    are."""
    options, no_command = _leading_options(argv)
    return no_command and all(option == "--root" for option in options)


def entry() -> None:
    """The `readinglist` script's and `python -m generator`'s: one command, then the
    process ends (gcpause.process_ends)."""
    gcpause.process_ends()
    sys.exit(main())


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if _names_no_command(argv):
        build_parser("").print_help(sys.stderr)  # (every command by its help line)
        print("\nreadinglist: give a command, such as: readinglist check", file=sys.stderr)
        return 2
    args = parse(argv)
    # "--root=~/lab" reaches us with its "~": the shell expands it only after a space.
    # (The same for the commands' folder and file options.)
    for name in ("root", "site_dir", "cache", "summary", "json"):
        value = getattr(args, name, None)
        if isinstance(value, str):
            setattr(args, name, os.path.expanduser(value))
    if getattr(args, "root_given", False) and not os.path.isdir(args.root):
        # A file, or a path through one (`--root lab/mkdocs.yml`): each command went on to
        # read a file inside it and said only "Not a directory: lab/mkdocs.yml/content/topics.yml".
        from pathlib import Path

        from .curation import file_on_the_way, wrong_folder_fix  # (late: the commands' own imports only)

        if file_on_the_way(Path(args.root)) is not None:
            print(f"readinglist {args.command}: {wrong_folder_fix(Path(args.root), 'it', True)}", file=sys.stderr)
            return 1
    try:
        return int(args._module.run(args) or 0)
    except CuratorError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        errors = sum(1 for p in exc.problems if p.severity.value == "error")
        # What the command did not do, in its own words (links: "no link was checked").
        stopped = getattr(args._module, "STOPPED", "nothing was done")
        print(f"{counted(errors, 'error')}; {stopped}.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader closed the pipe (`readinglist search ... | head`): not an error.
        # Point stdout at devnull so the interpreter's final flush does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as exc:
        # A full disk, a read-only folder, a file another program holds: the system's
        # words and the file, not a traceback. (Every write is atomic: a file is whole,
        # old or new.)
        # (A rename's or link's second file is the one meant: the first is a temporary.)
        named = exc.filename2 or exc.filename
        where = f": {named}" if named else ""
        print(f"readinglist {args.command}: {exc.strerror or exc}{where}", file=sys.stderr)
        return 1
