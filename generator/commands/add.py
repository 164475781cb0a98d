"""`readinglist add ID...`: papers by their arXiv id or DOI, as arXiv and doi.org describe
them, into content/papers/ (the import's merging, conflicts and data safety).

arXiv's API gives a paper's title, abstract, authors, year, DOI and the links its
abstract and comment name (ingest/arxiv.py); doi.org gives a DOI's BibTeX (content
negotiation, as reference managers ask it), read as `import` reads a BibTeX file. A DOI
of arXiv's own (10.48550/arXiv.…) is asked of arXiv. Every id is asked before anything is
written: one that names no paper, or an answer that is none, and nothing is written.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import http.client
import os
import re
import sys
import urllib.error
import urllib.parse
from dataclasses import replace
from pathlib import Path

from .. import __version__, fetch
from ..errors import CuratorError, Location, Problem, Problems
from ..importer import import_records
from ..ingest import Record, page_advice, parse_text
from ..ingest.arxiv import NotAnAnswer, records_from_atom, withdrawn_message
from ..links import Wanted, arxiv_mistake, read_id
from ..quoting import quoted, shell_quoted
from ..keptsources import keep
from .import_cmd import kept_said, print_report, print_stopped, project_folder_problem
from .stars import said_time
from . import options

ARXIV_API = "https://export.arxiv.org/api/query"
DOI_RESOLVER = "https://doi.org"
USER_AGENT = f"readinglist-add/{__version__} (a reading list adding papers by their ids)"
# What one answer may be: arXiv's for 100 papers is about 300 KB, a DOI's BibTeX 2 KB.
MAX_ANSWER = 8 << 20
# arXiv's API answers at most this many ids per request (and asks for few requests).
BATCH = 100
EXIT = (
    "exit status: 0 when the papers were written (with warnings or conflicts, if any); 1 when "
    "an id is no arXiv id or DOI, names no paper, or the import stopped on an error (nothing "
    "written); 2 when arXiv or doi.org could not be asked or did not answer as they do "
    "(offline, a rate limit, a wrong address; nothing written), as for a wrong option"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "ids", nargs="+", metavar="ID",
        help="an arXiv id (2106.09685, arXiv:hep-th/9711200) or address (arxiv.org/abs/...),"
        " or a DOI (10.1145/3442188.3445922, doi:..., https://doi.org/...)",
    )
    parser.add_argument(
        "--timeout", type=options.number(0, 3600, above=True, unit="seconds"), default=30.0, metavar="S",
        help="seconds to wait for each answer (default: 30)",
    )
    parser.add_argument(
        "--restore", action="append", default=[], metavar="ID",
        help="add again a paper a curator deleted (its id as the import names it); repeatable",
    )
    parser.add_argument(
        "--arxiv-api", default=os.environ.get("READINGLIST_ARXIV_API", ARXIV_API), metavar="URL",
        help=f"arXiv's API (default: {ARXIV_API}, or $READINGLIST_ARXIV_API)",
    )
    parser.add_argument(
        "--doi-resolver", default=os.environ.get("READINGLIST_DOI_RESOLVER", DOI_RESOLVER), metavar="URL",
        help=f"where DOIs are asked (default: {DOI_RESOLVER}, or $READINGLIST_DOI_RESOLVER)",
    )
    parser.add_argument("--no-keep-source", dest="keep_source", action="store_false",
                        help="do not keep arXiv's and doi.org's answers in content/sources/")
    parser.add_argument("-q", "--quiet", action="store_true",
                        help="print only the summary line, warnings and conflicts")


class Unanswered(Exception):
    """A server gave no answer, or none of the kind asked: exit status 2. ``hint`` says
    how to add the paper without that server (offline), "" when waiting will do."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.hint = hint


def _a_file(name: str) -> str:
    """What to do with a file given to add (a lab's ids.txt, an export): add reads ids
    typed on its command line, import reads files; said only "neither an arXiv id nor a
    DOI", the curator was not told that the word was taken as an id, not opened."""
    return (
        f", but a file's name: add takes the ids themselves; readinglist import {shell_quoted(name)}"
        " reads a BibTeX, RIS or Markdown file, and of a file of ids, one a line, gives the add"
        " command that names them all"
    )


# What a curator without a network (or behind a proxy that keeps the server out) can do.
ARXIV_OFFLINE = (
    "without a network here, save that address's answer on a machine that has one (a"
    " browser's download, or curl -o answer.xml 'ADDRESS'), then: readinglist import"
    " answer.xml (read as add reads it), or import the papers' BibTeX (readinglist import -)"
)
# What add asks doi.org for: the DOI's BibTeX, by content negotiation.
BIBTEX = "application/x-bibtex; charset=utf-8"


def doi_offline(resolver: str, dois: list[str]) -> str:
    """How to add the papers of ``dois`` without a network here: save doi.org's BibTeX
    of each where there is one (a browser's download is the paper's landing page: doi.org
    gives BibTeX only to a client that asks for it), then import the files; or import
    BibTeX from elsewhere. One command a DOI: the DOIs of several ids were not asked."""
    saved = _saved_names(dois)
    # -f: a DOI doi.org does not know fails the command instead of saving its error page
    # as a .bib file, which import would then call a file with no BibTeX entry.
    commands = [f"curl -fL -H 'Accept: {BIBTEX}' -o {name} '{doi_url(resolver, doi)}'" for doi, name in zip(dois, saved)]
    each, whose = ("the DOI", "paper's") if len(dois) == 1 else ("each DOI", "papers'")
    return (
        f"without a network here, save doi.org's BibTeX of {each} on a machine that has one (a"
        " browser's download gets the paper's page, not its BibTeX):"
        # (Each command on a line of its own, so that it is copied whole, without the
        # sentence's comma.)
        + "".join(f"\n  {command}" for command in commands) + "\nthen"
        + f": readinglist import {' '.join(saved)}; or import the {whose} BibTeX from elsewhere (a"
        " publisher's or a reference manager's export): readinglist import FILE.bib, or paste it"
        " into readinglist import -"
    )


def _saved_names(dois: list[str]) -> list[str]:
    """The file each of ``dois``' BibTeX is saved as (`_kept_name`'s), one file a DOI:
    that name writes every character but letters, digits, "." and "-" as "_", so that
    "10.1000/a(b)" and "10.1000/a_b_" were both told to save as doi-10.1000_a_b_.bib, the
    second curl over the first and its paper imported twice, the other's not at all. A
    name taken already (in any case: a Mac's disk ignores it) gets the DOI's digest."""
    names: list[str] = []
    taken: set[str] = set()
    for doi in dois:
        name = _kept_name("doi", [doi], ".bib")
        digest = hashlib.sha256(doi.casefold().encode("utf-8")).hexdigest()
        for digits in (8, 16, 64):  # (as keptsources._beside: longer while taken)
            if name.casefold() not in taken:
                break
            name = f"{_kept_name('doi', [doi], '')}-{digest[:digits]}.bib"
        taken.add(name.casefold())
        names.append(name)
    return names


def doi_url(resolver: str, doi: str) -> str:
    return f"{resolver.rstrip('/')}/{urllib.parse.quote(doi, safe='/:;()._-')}"


def _get(url: str, accept: str, timeout: float, offline: str) -> tuple[int, str, str]:
    """(status, text, what a rate limit says) of one GET: "" or " (a rate limit: wait ...)".
    ``offline`` is the hint said when no answer came."""
    try:
        status, body, headers = fetch.get(url, {"Accept": accept, "User-Agent": USER_AGENT}, timeout, MAX_ANSWER)
    except (urllib.error.URLError, OSError) as exc:
        raise Unanswered(f"no answer from {url} ({getattr(exc, 'reason', exc)})", offline) from None
    except (http.client.HTTPException, ValueError) as exc:
        raise Unanswered(fetch.garbled(exc, url)) from None
    limited = ""
    if status in (429, 503):
        wait = str(headers.get("Retry-After", "")).strip()
        now = dt.datetime.now(dt.timezone.utc)
        if (when := fetch.retry_after(headers, now)) is None:
            limited = " (a rate limit: wait a minute)"
        elif wait.isdigit():
            limited = f" (a rate limit: wait {wait} s)"
        else:  # (an HTTP date)
            limited = f" (a rate limit: wait until {said_time(when, now)})"
    try:
        return status, body.decode("utf-8"), limited
    except UnicodeDecodeError:
        raise Unanswered(f"an answer from {url} that is not UTF-8 text") from None


def ask_arxiv(
    api: str, ids: list[str], timeout: float, problems: Problems, answers: list[tuple[str, str]] | None = None
) -> list[Record]:
    """The records of ``ids``; an id arXiv has no paper for, or refuses, is an error in
    ``problems``. Each answer that gave papers goes to ``answers``, (file name, text)."""
    records: list[Record] = []
    for start in range(0, len(ids), BATCH):
        batch = ids[start : start + BATCH]
        while batch:
            answer, text = _ask_arxiv_once(api, batch, timeout)
            if not answer.error:
                if answers is not None and answer.records:
                    answers.append((_kept_name("arxiv", list(answer.records), ".xml"), text))
                break
            # arXiv refuses a whole request for one id it calls malformed, and names that
            # id: it is the curator's mistake, said with the others; the rest are asked again.
            refused = next((ident for ident in batch if ident in answer.error.split()), None)
            if refused is None:
                raise Unanswered(f"arXiv refused the request: {answer.error}")
            problems.error(Location(f"arXiv:{refused}"), f"arXiv refused it: {answer.error}")
            batch = [ident for ident in batch if ident != refused]
        for ident in batch:
            if ident in answer.records:
                records.append(answer.records[ident])
                if withdrawal := answer.withdrawn.get(ident):
                    problems.warning(Location(f"arXiv:{ident}"), withdrawn_message(withdrawal))
            else:
                problems.error(Location(f"arXiv:{ident}"), "arXiv has no such paper (check the id)")
    return records


def _ask_arxiv_once(api: str, batch: list[str], timeout: float):
    query = urllib.parse.urlencode({"id_list": ",".join(batch), "max_results": len(batch)})
    url = f"{api}{'&' if '?' in api else '?'}{query}"
    status, text, limited = _get(url, "application/atom+xml", timeout, ARXIV_OFFLINE.replace("ADDRESS", url))
    if status != 200:
        raise Unanswered(f"arXiv answered HTTP {status}{limited}")
    try:
        return records_from_atom(text, batch), text
    except NotAnAnswer as exc:
        raise Unanswered(f"arXiv's answer is none of its API: {exc}") from None


def _kept_name(kind: str, ids: list[str], suffix: str) -> str:
    """The file an answer is kept as in content/sources/: "arxiv-2106.09685.xml",
    "arxiv-2106.09685-and-2-more.xml", "doi-10.1145_3442188.3445922.bib"."""
    first = re.sub(r"[^\w.-]+", "_", ids[0])
    more = f"-and-{len(ids) - 1}-more" if len(ids) > 1 else ""
    return f"{kind}-{first}{more}{suffix}"


def ask_doi(
    resolver: str, doi: str, timeout: float, problems: Problems, answers: list[tuple[str, str]] | None = None
) -> list[Record]:
    """The record of ``doi`` from its BibTeX; an unknown DOI is an error in ``problems``.
    An answer that gave the paper goes to ``answers``, (file name, text)."""
    url = doi_url(resolver, doi)
    status, text, limited = _get(url, BIBTEX, timeout, doi_offline(resolver, [doi]))
    where = Location(f"doi:{doi}")
    if status == 404:
        problems.error(where, "doi.org knows no such DOI (check it)")
        return []
    if status != 200:
        raise Unanswered(f"{url} answered HTTP {status}{limited}")
    if "@" not in text:
        # (A DOI whose agency has no BibTeX answers with its landing page; a proxy with its own.)
        raise Unanswered(f"{url} gave no BibTeX (its registration agency may have none: import a BibTeX file of it instead)")
    found = Problems()
    records = parse_text(text, f"doi:{doi}", found, fmt="bibtex")
    problems.extend(found)
    if not records and not found.has_errors():
        problems.error(where, "its BibTeX holds no paper")
    if records and answers is not None:
        answers.append((_kept_name("doi", [doi], ".bib"), text))
    # The DOI asked is the paper's, whatever the entry says, and as the curator typed it:
    # Crossref writes every DOI in small letters ("10.1023/a:1026654312961"), and a DOI
    # ignores case, so its spelling is the curator's to keep (matching ignores case).
    return [replace(record, doi=doi) for record in records[:1]]


def _as_typed(problems: Problems, typed: list[str]) -> list[Problem]:
    """``problems`` in the order of the words they are said of, as the curator typed
    them (each word's own by place: a DOI's BibTeX at its line). Sorted by their text,
    "add nosuch/0309136 2106.99999" was answered of 2106.99999 first, and of several
    pages' addresses in an order of the letters, not the one the curator checks them in."""
    order: dict[str, int] = {}
    for at, text in enumerate(typed):
        found = read_id(text)
        said_of = text if found is None else f"arXiv:{found.arxiv}" if found.arxiv else f"doi:{found.doi}"
        order.setdefault(said_of, at)
    return sorted(problems.items, key=lambda problem: (order.get(problem.location.path, len(typed)), problem))


# The ids add takes, after a word that looks like an arXiv id but is none.
ID_FORMS = (
    "add takes an arXiv id (2106.09685, arXiv:2106.09685v2, https://arxiv.org/abs/2106.09685; an"
    " old one names its archive: hep-th/9711200) or a DOI (10.1145/3442188.3445922)"
)
# A paper file's `arxiv:` and `id:` lines (quoted or not): read so, a mistyped id is
# compared with 10,000 papers' without loading the list.
_ARXIV_LINE = re.compile(r"""(?m)^arxiv:[ \t]*["']?([^\s"'#]+)""")


def _known_like(root: Path, digits: str) -> str:
    """" (did you mean ...?)" with the arXiv id of a paper of the list that ``digits``
    is one slip of the keys from (a digit left out, added, changed, or two swapped),
    when one paper's alone is; "" otherwise."""
    from ..typos import one_slip  # imported late: only a mistake needs it

    known: dict[str, str] = {}
    for path in sorted((root / "content" / "papers").glob("*.yml")):
        try:
            found = _ARXIV_LINE.search(path.read_text(encoding="utf-8", errors="replace"))
        except OSError:
            continue
        if found:
            known.setdefault(re.sub(r"v\d+$", "", found.group(1)), path.stem)
    meant = one_slip(digits, list(known))
    return f" (did you mean {meant}, the arXiv id of paper {quoted(known[meant])}?)" if meant else ""


def run(args: argparse.Namespace) -> int:
    root = Path(args.root)
    if said := project_folder_problem(root, "add", args.root_given):
        print(said, file=sys.stderr)
        return 1
    problems = Problems()
    wanted: list[Wanted] = []
    for text in args.ids:
        found = read_id(text)
        why, digits = arxiv_mistake(text) if found is None else ("", "")
        if why:
            problems.error(Location(text), f"not an arXiv id: {why}{_known_like(root, digits)}; {ID_FORMS}")
        elif found is None:
            problems.error(
                Location(text),
                # ("such as": "2106.0968: neither an arXiv id (2106.09685) ..." read as the
                # id meant, a correction it was not.)
                "neither an arXiv id (such as 2106.09685) nor a DOI (such as 10.1145/3442188.3445922)"
                # (A paper's page, OpenReview's or a proceedings': the BibTeX it gives is
                # what import reads.)
                + page_advice(text)
                + (_a_file(text) if os.path.isfile(text) else ""),
            )
        # (Asked once: a DOI ignores case, "10.1023/A:1" and "10.1023/a:1" are one.)
        elif all((found.arxiv, found.doi.casefold()) != (other.arxiv, other.doi.casefold()) for other in wanted):
            wanted.append(found)
    records: list[Record] = []
    answers: list[tuple[str, str]] = []
    dois = [w.doi for w in wanted if w.doi]
    answered = 0  # (the DOIs doi.org answered)
    at_arxiv = True
    try:
        # (The others are asked even after a word that is no id: every mistake is said at once.)
        arxiv = [w.arxiv for w in wanted if w.arxiv]
        if arxiv:
            records += ask_arxiv(args.arxiv_api, arxiv, args.timeout, problems, answers)
        at_arxiv = False
        for doi in dois:
            records += ask_doi(args.doi_resolver, doi, args.timeout, problems, answers)
            answered += 1
    except Unanswered as exc:
        # (What was found wrong before the server failed is said too: fixed now, it is not
        # found again one mistake at a time.)
        for problem in _as_typed(problems, args.ids):
            print(problem, file=sys.stderr)
        print(f"readinglist add: {exc}; nothing was written", file=sys.stderr)
        if exc.hint:
            # Offline: the way for each id not answered, each DOI's too: arXiv's way alone
            # was said, and of the DOIs only the one asked (the others, after it, are not).
            pending = dois[answered:]
            hints = ([] if not at_arxiv else [exc.hint]) + ([doi_offline(args.doi_resolver, pending)] if pending else [])
            print("\n".join(hints), file=sys.stderr)
        return 2
    if problems.has_errors():
        return print_stopped(_as_typed(problems, args.ids), "added")
    try:
        report = import_records(records, root / "content", restore=args.restore)
    except CuratorError as exc:
        return print_stopped(list(exc.problems), "added")
    report.warnings.extend(problems.warnings)
    if args.keep_source and (report.added or report.updated):
        # What the papers were made from, as `import` keeps its inputs: `readinglist
        # import` reads these files again, offline.
        for name, text in answers:
            kept = keep(name, root / "content" / "sources", text.encode("utf-8"))
            if kept is not None and not args.quiet:
                print(kept_said(f"{'arXiv' if name.startswith('arxiv-') else 'doi.org'}'s answer", kept))
    print_report(report, args.quiet, again=f"readinglist add {' '.join(args.ids)}")
    return 0
