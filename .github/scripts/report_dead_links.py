"""Tell the curators about dead links: one GitHub issue, kept by the Links workflow.

    python .github/scripts/report_dead_links.py REPORT

REPORT is the file `readinglist links --json REPORT` wrote. With the `gh` CLI (GH_TOKEN
and GH_REPO set, as the workflow step sets them), it keeps one open issue labelled
`dead-links`:

* dead links and no such issue of its own open (its own: a hidden marker in its text;
  an issue a curator filed with the label is left alone): it opens one listing each
  dead link at its place (creating the label first when the repository lacks it: `gh
  issue create` refuses an unknown label);
* dead links and the issue open: it replaces the issue's list with this run's, and
  comments with the URLs that were not on it before (an edit notifies no one; a
  comment notifies whoever watches the issue);
* no dead link, every link checked, and the issue open: it comments and closes it;
* anything else writes nothing: no dead link and no issue, or no dead link found among
  the links this run had time for (that is not "every link works").

No REPORT (the check did not finish: offline, a YAML error, a crash) writes nothing and
fails, as does any `gh` call that fails, and so does a report whose
`no_server_answered` is true: not one server answered the few links asked (too few for
`readinglist links` to call the runner offline and write no report), so its "dead"
links say nothing of the links, and an issue listing them all, or closing one, would be
wrong. It needs only the standard library, and is
tested with a stand-in `gh` (tests/test_workflows.py).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

LABEL = "dead-links"
LABEL_COLOR = "B60205"
LABEL_DESCRIPTION = "Links the Links workflow found dead; it keeps the issue up to date"
TITLE = "Dead links"
# Marks the issues this script wrote (a hidden HTML comment): an issue a curator filed and
# labelled dead-links by hand is theirs, and its text is never replaced.
MARKER = "<!-- readinglist links: the Links workflow keeps this issue -->"
REPORT_VERSION = 1
# GitHub refuses an issue body or comment over 65,536 characters; the list is cut well
# before that (a domain that died can take hundreds of links with it).
MAX_CHARS = 60_000

# Characters that would end a list item, hide text, or turn it around (bidirectional
# controls) when shown: written as \uXXXX instead, which a code span shows as it is.
_UNSHOWN = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]")


def code(text: str) -> str:
    """``text`` as a Markdown code span: shown literally, so an ``@name`` in a URL
    notifies no one, ``#12`` links no issue, and ``](`` or ``<b>`` make no markup.

    The fence is one backtick longer than the longest run of backticks inside, so none
    of them can close it, and line breaks are escaped, so the text cannot leave its
    list item (a code span does not stop a new line from starting a block).
    """
    text = _UNSHOWN.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    # CommonMark strips one space at each end when both are there, and a backtick at
    # an end would join the fence: a space on both sides keeps the text as it is.
    pad = " " if not text or text[0] in "` " or text[-1] in "` " else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def item(entry: dict) -> str:
    where = f"{entry['path']}:{entry['line']}:{entry['column']}"
    return f"- {code(where)}: {code(entry['url'])} ({code(entry['detail'])})"


def items_within(lines: list[str], budget: int, run_url: str) -> list[str]:
    """As many of ``lines`` as fit in ``budget`` characters, then how many were left."""
    kept: list[str] = []
    used = 0
    for line in lines:
        if used + len(line) + 1 > budget:
            where = f"[this run's summary]({run_url})" if run_url else "this run's summary"
            kept.append(f"- … and {len(lines) - len(kept)} more: see {where}.")
            break
        kept.append(line)
        used += len(line) + 1
    return kept


def issue_body(report: dict, run_url: str) -> str:
    dead = report["dead"]
    lines = [
        MARKER,
        f"The Links workflow's check found {counted(len(dead), 'dead link')} in"
        " `content/papers/`. Fix each at its place: write the page's new address, or"
        " delete the link.",
        "",
        *items_within([item(entry) for entry in dead], MAX_CHARS - 2000, run_url),
        "",
    ]
    if report["unchecked"]:
        were = "was" if report["unchecked"] == 1 else "were"
        lines += [
            f"{counted(report['unchecked'], 'link')} {were} not checked in this run for lack"
            " of time; the next run checks them first.",
            "",
        ]
    run = f" [This run's summary]({run_url}) also lists the moved links." if run_url else ""
    lines.append(
        "Each run that finds dead links replaces this text (write notes in comments), and"
        f" the first run that checks every link and finds none closes this issue.{run}"
    )
    return "\n".join(lines) + "\n"


def counted(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def newly_dead(dead: list[dict], old_body: str) -> list[str]:
    """The items of the dead links whose URL the issue did not list before: a link whose
    line moved (a field added above it) or whose failure changed is no news."""
    return list(dict.fromkeys(item(e) for e in dead if code(e["url"]) not in old_body))


def read_report(path: Path) -> dict:
    """The report, or SystemExit saying why there is none usable."""
    try:
        report = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SystemExit(
            f"::error::{path}: no report from readinglist links (the check did not finish);"
            " the dead-links issue is left as it is"
        ) from None
    except (OSError, ValueError) as exc:
        raise SystemExit(f"::error::{path}: cannot read the link report ({exc})") from None
    if not isinstance(report, dict) or report.get("version") != REPORT_VERSION:
        raise SystemExit(f"::error::{path}: not a link report of version {REPORT_VERSION}")
    return report


def gh(*args: str, body: str | None = None) -> str:
    """Runs gh (its errors go to the log as gh words them); ``body`` goes in by file,
    so no text of the list is ever an argument a shell or gh could read as an option."""
    if body is None:
        return subprocess.run(["gh", *args], check=True, stdout=subprocess.PIPE, text=True).stdout
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "body.md"
        path.write_text(body, encoding="utf-8")
        return gh(*args, "--body-file", str(path))


def ensure_label() -> None:
    # `--search` matches descriptions too, and names are compared without case by GitHub.
    labels = json.loads(gh("label", "list", "--search", LABEL, "--json", "name", "--limit", "100"))
    if not any(label["name"].lower() == LABEL for label in labels):
        gh("label", "create", LABEL, "--color", LABEL_COLOR, "--description", LABEL_DESCRIPTION)


def run_address() -> str:
    """This run's page, from the variables every GitHub runner sets ("" elsewhere)."""
    names = ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_RUN_ID")
    server, repository, run_id = (os.environ.get(name, "") for name in names)
    return f"{server}/{repository}/actions/runs/{run_id}" if server and repository and run_id else ""


def report_to_issue(report: dict, run_url: str) -> None:
    listed_issues = json.loads(
        gh("issue", "list", "--state", "open", "--label", LABEL, "--json", "number,body")
    )
    issues = sorted(
        (issue for issue in listed_issues if MARKER in (issue.get("body") or "")),
        key=lambda issue: issue["number"],
    )
    issue = issues[0] if issues else None
    if len(issues) > 1:
        others = ", ".join(f"#{other['number']}" for other in issues[1:])
        print(
            f"::warning::More than one open {LABEL} issue is this workflow's: this run keeps"
            f" #{issue['number']} and leaves {others} as they are; close them by hand."
        )
    dead = report["dead"]
    if dead:
        body = issue_body(report, run_url)
        if issue is None:
            ensure_label()
            url = gh("issue", "create", "--title", TITLE, "--label", LABEL, body=body).strip()
            print(f"::notice::{counted(len(dead), 'dead link')}: opened {url}")
            return
        number = str(issue["number"])
        # Only links the new list shows: those past its cut were on no list before
        # either, and would be "newly dead" again on every run.
        shown = set(body.splitlines())
        new = [line for line in newly_dead(dead, issue.get("body") or "") if line in shown]
        gh("issue", "edit", number, body=body)
        if new:
            run = f" ([this run]({run_url}))" if run_url else ""
            comment = [f"Newly dead since the last report{run}:", ""]
            comment += items_within(new, MAX_CHARS - 1000, run_url)
            gh("issue", "comment", number, body="\n".join(comment) + "\n")
        print(f"::notice::{counted(len(dead), 'dead link')} ({len(new)} new): updated #{number}")
    elif issue is None:
        print("No dead link, and no dead-links issue open: nothing to do.")
    elif report["unchecked"]:
        print(
            f"::notice::No dead link among the links checked, but {report['unchecked']} were"
            f" left unchecked for lack of time: issue #{issue['number']} stays open."
        )
    else:
        run = f"[The link check]({run_url})" if run_url else "The link check"
        comment = f"{run} asked every link and found none dead: closing."
        gh("issue", "close", str(issue["number"]), "--comment", comment)
        print(f"::notice::No dead link: closed #{issue['number']}")


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        raise SystemExit("usage: report_dead_links.py REPORT")
    report = read_report(Path(argv[0]))
    if report.get("no_server_answered"):  # (absent from reports written before it: false)
        print(
            f"::error::{argv[0]}: not one server answered the {report['links']} link(s) asked"
            " (no connection or no DNS on the runner?): they may not be dead; the dead-links"
            " issue is left as it is"
        )
        return 1
    try:
        report_to_issue(report, run_address())
    except subprocess.CalledProcessError as exc:
        print(f"::error::gh {' '.join(exc.cmd[1:3])} failed (exit {exc.returncode}); see above")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
