"""`readinglist init`: start a lab's own list in a copy of the repository.

The copy holds the shipped example; init removes it (its paper files, its listing and
the import record, its topics) and names the site, leaving the hand-written pages to
rewrite. It removes nothing a curator wrote: it runs only while content/ is the example
as shipped, by the record the package ships (generator/data/example-list.txt: its paper
and topic ids, which the tests tell the example by too) and, in a git work tree, as
git's last commit has it (no file changed, added or deleted since); else it changes
nothing and says why. In a git work tree the files go with `git rm`, so `git status`
shows them deleted and git can bring them back; elsewhere (a ZIP download) they are
moved into example-removed/, not deleted, with a copy of topics.yml as it was. Run
again on a list of one's own, it sets only the names it is given that differ from
mkdocs.yml's, and touches nothing else.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

from ..atomicfile import atomic_write
from ..errors import Location, Problems, counted
from ..quoting import quoted
from ..siteconfig import (
    CONFIG, EXAMPLE_DESCRIPTION, EXAMPLE_LISTING, EXAMPLE_METADATA, EXAMPLE_NAME, HOME_PAGE, markup_said,
)

HELP = "start your own list in this copy: remove the shipped example's papers and topics, name the site"
EXIT = (
    "exit status: 0 when the list was started, or already was your own (only a name or"
    " description given that differs from mkdocs.yml's changed); 1 when content/ is not the"
    " shipped example as shipped, mkdocs.yml cannot be edited safely, or no project is here"
    " (nothing changed)"
)

# The shipped example's paper and topic ids, one "paper ID" or "topic ID" a line: the
# record the tests tell the example from a list of one's own by (tests/example_list.py).
# Package data, not a test file: a copy without tests/, or an installed package, runs init.
EXAMPLE_RECORD = resources.files("generator") / "data" / "example-list.txt"
PAPERS = Path("content", "papers")
SOURCES = Path("content", "sources")
TOPICS = Path("content", "topics.yml")
RECORD = SOURCES / "imported.json"
# What init removes or rewrites: what git must have as it is, in a git work tree.
OWNED = (PAPERS, SOURCES, TOPICS)
# Where init moves the example's files outside a git work tree (kept, with their paths).
KEPT = Path("example-removed")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    # (Not required by argparse: run again on a list of one's own, --description alone
    # sets only that, as README says; the first run takes the name mkdocs.yml has, one
    # of the lab's, or asks for one itself.)
    parser.add_argument(
        "--name", help="your list's name: mkdocs.yml's site_name, every page's title (needed to start"
        " your list unless mkdocs.yml already names it; run again, either option alone sets only that value)"
    )
    parser.add_argument(
        "--description", help="a sentence on your list: mkdocs.yml's site_description (without it, starting"
        " your list keeps one of yours there, else sets 'NAME: research papers, by topic.', or after a NAME"
        " with a colon of its own 'NAME \u2014 research papers, by topic.')"
    )


@dataclass
class Plan:
    """What init changes: files removed, and the new text of the files it rewrites."""

    removed: list[Path] = field(default_factory=list)
    topics_text: str = ""
    topics_before: str = ""
    topics_count: int = 0
    config_text: str | None = None  # (None: mkdocs.yml already holds both names)
    values: dict[str, str] = field(default_factory=dict)  # what it sets there


def run(args: argparse.Namespace) -> int:
    from ..curation import inside_project, wrong_folder_fix

    root = Path(args.root)
    if not (root / CONFIG).is_file() or not (root / "content").is_dir():
        fix = (
            wrong_folder_fix(root, "init", root_given=True)
            if args.root_given
            else "run init in your copy of the repository (git clone ADDRESS my-lab-list) or give"
            f" --root PATH{inside_project(root, 'init')}"
        )
        print(f"readinglist init: {root.resolve()} has no mkdocs.yml and content/: {fix}", file=sys.stderr)
        return 1
    if args.name is not None and not args.name.strip():
        print("readinglist init: --name is empty: give your list's name", file=sys.stderr)
        return 1
    for option, value in (("--name", args.name or ""), ("--description", args.description or "")):
        unfit = _unfit(option, "site_name" if option == "--name" else "site_description", value)
        if unfit:
            print(f"readinglist init: {unfit}", file=sys.stderr)
            return 1
    if not (root / EXAMPLE_LISTING).exists():
        return _already_own(root, args.name, args.description)
    current = _string_values(root)
    name = args.name
    if name is None:
        # (A name the lab wrote in mkdocs.yml before init is its list's: kept, as said.)
        name, why = current.get("site_name"), f"{CONFIG} has no site_name"
        if name is None and (written := _config_values(root, "written_values").get("site_name", "")) not in _NO_VALUE:
            # (`!ENV [NAME, Lab]` or a number: it has one, which init does not read as the name)
            why = f"{CONFIG}'s site_name is no plain text ({quoted(written)})"
        if name is not None and name.strip() == EXAMPLE_NAME:
            name, why = None, f"{CONFIG}'s site_name is still the shipped example's ({quoted(EXAMPLE_NAME)})"
        if name is None or not name.strip():
            print(f"readinglist init: {why}: give your list's name with --name NAME (mkdocs.yml's site_name,"
                  " every page's title); nothing was changed", file=sys.stderr)  # fmt: skip
            return 1
        unfit = _unfit(f"{CONFIG}'s site_name", "site_name", name)
        if unfit:
            print(f"readinglist init: {unfit}; nothing was changed", file=sys.stderr)
            return 1
    in_git = _in_git(root)
    if isinstance(in_git, str):
        print(f"readinglist init: {in_git}; git is needed to tell what is the example's, and to"
              " remove it so that it can be brought back: nothing was changed", file=sys.stderr)
        return 1
    problems, changed = _not_the_example(root, in_git)
    if problems:
        _refuse(problems, in_git, changed)
        return 1
    description = args.description
    names = {"site_name": name}
    written = _config_values(root, "written_values").get("site_description", "")
    if description is None and "site_description" not in current and written not in _NO_VALUE:
        # (Written as no string, `!ENV [DESCRIPTION, ...]` or a number, it is the lab's
        # too: left as written, not set to a string. Shown as the file writes it.)
        description = written
    else:
        if description is None:
            # (One the lab wrote there is its own, the example's is not: only that is replaced.)
            own = current.get("site_description", "")
            description = own if own.strip() and own.strip() != EXAMPLE_DESCRIPTION else described(name)
        names["site_description"] = description
    plan = _plan(root, names, current, problems)
    if problems:
        _refuse(problems, in_git, changed)
        return 1
    if in_git:
        done = _git(root, "--literal-pathspecs", "rm", "-q", "--pathspec-from-file=-", "--pathspec-file-nul",
                    stdin="\0".join(p.as_posix() for p in plan.removed))  # fmt: skip
        if done.returncode != 0:
            print(done.stderr.rstrip(), file=sys.stderr)
            print("readinglist init: git could not remove the example's files; nothing was changed", file=sys.stderr)
            return 1
    else:
        # No git to bring them back, nor to tell a shipped file edited in place (the
        # record holds ids only): moved aside, not deleted, for the curator to delete.
        for path in plan.removed:
            (root / KEPT / path).parent.mkdir(parents=True, exist_ok=True)
            (root / path).rename(root / KEPT / path)
        if not any((root / SOURCES).iterdir()):
            (root / SOURCES).rmdir()  # (as git leaves it)
        # (topics.yml is emptied, not removed: its topics as they were, a shipped topic's
        # keywords edited in place among them, kept beside the papers.)
        atomic_write(root / KEPT / TOPICS, plan.topics_before)
    # (Kept for papers added by hand; git drops a folder it emptied.)
    (root / PAPERS).mkdir(exist_ok=True)
    atomic_write(root / TOPICS, plan.topics_text)
    if plan.config_text is not None:
        atomic_write(root / CONFIG, plan.config_text)
    _report(root, plan, in_git, name, description, given=(args.name is not None, args.description is not None))
    return 0


def _unfit(option: str, key: str, value: str) -> str | None:
    """Why ``value`` cannot be mkdocs.yml's ``key`` (said of ``option``); None when it can."""
    if "".join(value.splitlines()) != value:  # (a title, and a meta description, are one line)
        return f"{option} has a line break: give it on one line"
    said = markup_said(key, value)
    return f"{option}: {said}" if said else None


def _string_values(root: Path) -> dict[str, str]:
    return _config_values(root, "string_values")


def _config_values(root: Path, reader: str) -> dict[str, str]:
    """mkdocs.yml's top-level values as ``reader`` (ownlist's `string_values` or
    `written_values`) gives them; none when it cannot be read."""
    from .. import ownlist

    try:
        return getattr(ownlist, reader)((root / CONFIG).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):  # (_plan says it cannot be edited)
        return {}


# A value written as YAML's none: a setting left empty, not a lab's own.
_NO_VALUE = ("", "~", "null", "Null", "NULL")


def described(name: str) -> str:
    """The site_description of a list started without --description. The example's
    describes the example, and kept as shipped, an upstream edit of that line would merge
    into the lab's site unseen; the lab's own line conflicts instead, as its site_name."""
    # (Holds no '<' or '"' that the name, checked as site_name is, does not.)
    named = name.strip().rstrip(".:;, ") or name.strip()
    # A name with a colon of its own ("Smith Lab: robotics") is followed by a dash, not a
    # second colon: "Smith Lab: robotics: research papers, by topic." read as a list of
    # labels, robotics one of the lab's, research papers one of robotics'.
    return f"{named} \u2014 research papers, by topic." if ":" in named else f"{named}: research papers, by topic."


def _described_by_init(description: str, name: str) -> bool:
    """Whether ``description`` is the one init made of ``name`` (`described`), now or
    as runs before the dash made it of a name with a colon ("Smith Lab: ours: research
    papers, by topic."): a rename replaces it, as it is no lab's own line."""
    named = name.strip().rstrip(".:;, ") or name.strip()
    return description in (described(name), f"{named}: research papers, by topic.")


def _already_own(root: Path, name: str | None, description: str | None) -> int:
    """Init run again on a list of one's own: only the names given that differ from
    mkdocs.yml's are set (a lab renaming its list), as the first run sets them."""
    from ..ownlist import NotEditable, string_values, with_values, written_values

    own = f"content/ is already a list of your own (the shipped example's listing {EXAMPLE_LISTING.as_posix()} is gone)"
    given = {
        key: value for key, value in (("site_name", name), ("site_description", description)) if value is not None
    }
    if not given:
        print(f"readinglist init: {own}: give --name NAME or --description TEXT to set mkdocs.yml's site_name or site_description",
              file=sys.stderr)  # fmt: skip
        return 1
    raw = (root / CONFIG).read_bytes()
    try:
        text: str | None = raw.decode("utf-8").replace("\r\n", "\n")
    except UnicodeDecodeError:
        text = None
    current = string_values(text) if text is not None else {}
    if (
        name is not None and description is None and "site_name" in current
        and _described_by_init(current.get("site_description", ""), current["site_name"])
    ):
        # The description the first run made of the old name, not one the lab wrote:
        # kept, it went on naming the old name in every page's description.
        given["site_description"] = described(name)
    changed = {key: value for key, value in given.items() if current.get(key) != value}
    if not changed:
        print(f"{own}: nothing was changed.")
        return 0
    try:
        if text is None:
            raise NotEditable("it is not UTF-8 text")
        config_text = with_values(text, changed)
    except NotEditable as error:
        print(f"{CONFIG}: cannot be edited safely ({error}): write each setting on a line of its own"
              f" (site_name: NAME), or set {' and '.join(changed)} there by hand", file=sys.stderr)  # fmt: skip
        print(f"readinglist init: {own}, and nothing was changed", file=sys.stderr)
        return 1
    if raw.count(b"\r\n") * 2 > raw.count(b"\n"):  # (a curator's file, its lines ended
        config_text = config_text.replace("\n", "\r\n")  # as on Windows: so they stay)
    atomic_write(root / CONFIG, config_text)
    print(f"{own}: only its names were changed, in {CONFIG}:")
    written = written_values(text) if text is not None else {}
    for key, value in changed.items():
        # (A value that is no string, "!ENV [NAME, Lab]" or 1.5, as the file wrote it.)
        was = (
            f"was {quoted(current[key])}" if key in current
            else f"was written {written[key]}" if key in written else "not set before"
        )
        print(f"- {key} set to {quoted(value)} ({was})")
    return 0


def _in_git(root: Path) -> bool | str:
    """Whether ``root`` is in a git work tree; git's words when git cannot tell (a
    repository it refuses to read, as another user's): removing the files for good
    there would take away git's way back."""
    done = _git(root, "rev-parse", "--is-inside-work-tree")
    if done.returncode == 0:
        return done.stdout.strip() == "true"
    if not any((folder / ".git").exists() for folder in (root.resolve(), *root.resolve().parents)):
        return False
    return done.stderr.strip() or "git is not installed"


def _not_the_example(root: Path, in_git: bool) -> tuple[Problems, set[str]]:
    """Each file of content/ that makes it other than the shipped example as shipped,
    and those of them changed, added or deleted since git's last commit."""
    problems = Problems()
    why: dict[str, list[str]] = {}  # path -> its reasons, said on one line
    changed: set[str] = set()
    try:
        recorded = EXAMPLE_RECORD.read_text(encoding="utf-8").splitlines()
    except OSError:  # (readinglist's own file: an install that lost it, none of the curator's)
        problems.error(
            Location(str(EXAMPLE_RECORD)),
            "missing: init tells the shipped example from papers and topics of yours by this record"
            " of readinglist's, and cannot without it: install readinglist again",
        )
        return problems, changed
    papers = {p.stem for p in (root / PAPERS).glob("*.yml")}
    shipped = {line.split(" ", 1)[1] for line in recorded if line.startswith("paper ")}
    for paper_id in sorted(papers - shipped):
        why.setdefault(f"{PAPERS.as_posix()}/{paper_id}.yml", []).append("not one of the shipped example's papers")
    for paper_id in sorted(shipped - papers):
        why.setdefault(f"{PAPERS.as_posix()}/{paper_id}.yml", []).append("one of the shipped example's papers, gone")
    shipped_topics = sorted(line.split(" ", 1)[1] for line in recorded if line.startswith("topic "))
    topics = _topic_ids(root / TOPICS)
    if topics != shipped_topics:
        why.setdefault(TOPICS.as_posix(), []).append(
            f"its topics are not the shipped example's {counted(len(shipped_topics), 'topic')}"
            f" ({counted(len(set(topics) - set(shipped_topics)), 'other')},"
            f" {len(set(shipped_topics) - set(topics))} missing)"
            if topics is not None else "unreadable, or not the shipped example's"
        )
    for path in sorted((root / SOURCES).iterdir()):
        if path.name not in (EXAMPLE_LISTING.name, EXAMPLE_METADATA.name, RECORD.name):
            why.setdefault(f"{SOURCES.as_posix()}/{path.name}", []).append("a source of yours, not the example's")
    if in_git:
        _git_changes(root, why, changed)
    elif (root / KEPT).exists():
        why.setdefault(KEPT.as_posix(), []).append(
            "init moves the example's files here outside git, and would mix them with what it holds:"
            " move it away or delete it first"
        )
    for path, reasons in sorted(why.items()):
        problems.error(Location(path), "; ".join(dict.fromkeys(reasons)))
    return problems, changed


def _topic_ids(path: Path) -> list[str] | None:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        return sorted(str(t["id"]) for t in data.get("topics") or ())
    except (OSError, UnicodeDecodeError, yaml.YAMLError, TypeError, KeyError, AttributeError):
        return None


def _git_changes(root: Path, why: dict[str, list[str]], changed: set[str]) -> None:
    """What git's last commit does not have as it is in what init would remove or
    rewrite: a change there is a curator's, which a removal would lose."""
    if _git(root, "rev-parse", "--verify", "--quiet", "HEAD^{commit}").returncode != 0:
        why.setdefault(".", []).append(
            "a git work tree with no commit yet: commit the copy first (git add -A && git commit),"
            " so that git can bring back what init removes"
        )
        return
    prefix = _git(root, "rev-parse", "--show-prefix").stdout.strip()
    status = _git(root, "--literal-pathspecs", "status", "--porcelain", "-z", "--untracked-files=all", "--",
                  *(p.as_posix() for p in OWNED)).stdout  # fmt: skip
    entries = iter(status.split("\0"))
    for entry in entries:
        if not entry:
            continue
        code, path = entry[:2], entry[3:].removeprefix(prefix)
        if "R" in code or "C" in code:
            next(entries, None)  # (the name it had)
        if code == "??":
            reason = "new since git's last commit"
        elif "D" in code:
            reason = "deleted since git's last commit"
        else:
            reason = "changed since git's last commit"
        why.setdefault(path, []).append(reason)
        changed.add(path)


def _plan(root: Path, names: dict[str, str], current: dict[str, str], problems: Problems) -> Plan:
    from ..ownlist import NotEditable, with_values, without_topics

    plan = Plan()
    plan.removed = sorted((root / PAPERS).glob("*.yml"))
    plan.removed = [p.relative_to(root) for p in plan.removed]
    plan.removed += [p.relative_to(root) for p in sorted((root / SOURCES).iterdir())]
    topics_text = plan.topics_before = (root / TOPICS).read_text(encoding="utf-8")
    emptied = without_topics(topics_text)
    if emptied is None:
        problems.error(Location(TOPICS.as_posix()), "no line starts 'topics:': not the shipped example's file")
    plan.topics_text = emptied or ""
    plan.topics_count = len(_topic_ids(root / TOPICS) or ())
    # (A value mkdocs.yml holds already is left as written, its quoting and comment too.)
    plan.values = {key: value for key, value in names.items() if current.get(key) != value}
    try:
        text = (root / CONFIG).read_text(encoding="utf-8")
        plan.config_text = with_values(text, plan.values) if plan.values else None
    except (NotEditable, UnicodeDecodeError) as error:
        problems.error(
            Location(CONFIG),
            f"cannot be edited safely ({error}): write each setting on a line of its own (site_name: NAME),"
            f" or set {' and '.join(plan.values)} there by hand",
        )
    return plan


def _refuse(problems: Problems, in_git: bool, changed: set[str]) -> None:
    for problem in problems.sorted():
        print(problem, file=sys.stderr)
    if not any(p.location.path.startswith("content/") for p in problems.items):
        # (what to do is in the problem's own words: the record, a commit, mkdocs.yml)
        print("readinglist init: nothing was changed", file=sys.stderr)
        return
    if in_git and all(p.location.path in changed for p in problems.items):
        # (All since the last commit: one command keeps them, in git's stash, where
        # undoing them file by file could lose one. The import record changed: an import
        # run before init, whose papers the lab imports again once init has run.)
        again = ", and import your file again" if RECORD.as_posix() in changed else ""
        start = (
            "set the changes above aside with `git stash push --include-untracked -- content`"
            f" (kept in git's stash until you git stash drop), then run init again{again}"
        )
    else:
        restore = " (git restore PATH for an edit)" if in_git else ""
        start = f"undo the changes above{restore} or move your files out of content/, then run init again"
    print(
        "readinglist init: nothing was changed: init removes only the shipped example as shipped,"
        " and content/ is no longer that (above), so it could delete what you wrote. To keep what"
        " you have, make the list your own by hand: delete the shipped papers you do not want, and"
        f" the example's listing {EXAMPLE_LISTING.as_posix()} (README: \"Starting your own list\")."
        f" To start from an empty list anyway, {start}.",
        file=sys.stderr,
    )


def _report(root: Path, plan: Plan, in_git: bool, name: str, description: str, given: tuple[bool, bool]) -> None:
    papers = sum(1 for p in plan.removed if p.parent == PAPERS)
    how = (
        "with git rm: `git status` shows them deleted; until you commit,"
        f" `git checkout HEAD -- {' '.join(p.as_posix() for p in OWNED)}` brings the example back"
        if in_git else f"moved into {KEPT.as_posix()}/ (not a git work tree): delete that folder once you are sure"
    )
    names = [p.name for p in plan.removed if p.parent == SOURCES]
    # (Each folder with what of it went: "N paper files of content/papers/ and
    # content/sources/ (...)" read as N files of both.)
    sources = (
        f", and {', '.join(names[:-1]) + ' and ' if names[:-1] else ''}{names[-1]} of {SOURCES.as_posix()}/"
        if names else ""
    )
    print("Your own list is started, from the shipped example:")
    print(f"- removed the {counted(papers, 'paper file')} of {PAPERS.as_posix()}/{sources}, {how}")
    kept = "" if in_git else f" (the file as it was kept in {KEPT.as_posix()}/)"
    print(f"- {TOPICS.as_posix()}: its {counted(plan.topics_count, 'topic')} removed{kept},"
          " its comment on how topics match kept")  # fmt: skip
    named = (
        f"site_name set to {quoted(name)}" if "site_name" in plan.values
        else f"site_name kept as it was, {quoted(name)}{'' if given[0] else ' (give --name to set another)'}"
    )
    if "site_description" not in plan.values:
        about = f"site_description kept as it was, {quoted(description)}{'' if given[1] else ' (set another with --description)'}"
    else:
        own = "" if given[1] else " (set your own with --description, or in mkdocs.yml)"
        about = f"site_description {'set ' if 'site_name' not in plan.values else ''}to {quoted(description)}{own}"
    print(f"- {CONFIG}: {named}, {about}")
    pages = sorted(p.name for p in (root / "content" / "pages").glob("*.md"))
    shown = ", ".join(f"{p} (the home page's introduction)" if p == HOME_PAGE.name else p for p in pages)
    print("Next:")
    # (README's order: the papers first, since the topics' reading orders name their ids.)
    print("1. bring in your papers: readinglist import my-lab.bib (BibTeX, RIS, a Markdown list), or"
          " readinglist add ID (an arXiv id or a DOI)")  # fmt: skip
    print(f"2. write your topics in {TOPICS.as_posix()} in place of its '[]', under 'topics:' (its comment"
          " says how they match papers; README: \"Defining a topic\")")  # fmt: skip
    print(f"3. rewrite the hand-written pages in content/pages/: {shown}; delete one you do not want")
    # (No git outside a work tree: a commit there would fail, and take example-removed/ in.)
    print("4. readinglist check, then commit: git add -A content mkdocs.yml && git commit" if in_git else
          f"4. readinglist check; once you are sure, delete {KEPT.as_posix()}/")  # fmt: skip


def _git(root: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            ["git", *args], cwd=root, input=stdin, capture_output=True, text=True, check=False,
            stdin=None if stdin is not None else subprocess.DEVNULL,
        )  # fmt: skip
    except OSError:  # no git on this machine
        return subprocess.CompletedProcess(["git", *args], 1, "", "")
