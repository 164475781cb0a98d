"""The downloadable exports beside `papers.json`: BibTeX, CSV and Atom feeds.

Every function here is pure: it takes the model (`models.Site`) and returns text, so
the same list always gives byte-identical files. `export_files` names every export by
its path relative to the docs folder; the caller writes them (write-if-changed) before
MkDocs runs, so MkDocs copies them into the site and checks the links that point at them.

Layout (relative to the site root):
    papers.bib, papers.csv, feed.xml     every paper / recently added papers
    topics/<id>.bib, topics/<id>.xml     the same, for the papers of one topic
"""

from __future__ import annotations

import csv
import functools
import datetime as dt
import io
import itertools
import re
from typing import Callable, Iterable, Mapping

import bibtexparser
from bibtexparser import model as bibmodel
from feedgen.feed import FeedGenerator

from .models import OTHERS, Paper, Site
from .pages import paper_url, relative, topic_url

# How many of the most recently added papers a feed carries.
FEED_SIZE = 50

CSV_COLUMNS = (
    "id", "title", "authors", "year", "venue", "arxiv", "doi",
    "topics", "code", "status", "added", "url",
)

# Spreadsheet programs run a cell that starts with one of these as a formula
# (OWASP "CSV injection"); such cells get a leading apostrophe so they stay text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


# --- BibTeX ----------------------------------------------------------------------------


# LaTeX's special ASCII characters as text commands. Braces become commands rather than
# \{ and \}, because BibTeX counts braces even when escaped. Everything else, non-ASCII
# letters included, stays as written: the files are UTF-8, which biber and LaTeX read.
_LATEX_SPECIALS = {
    "\\": r"{\textbackslash}",
    "{": r"{\textbraceleft}",
    "}": r"{\textbraceright}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"{\textasciitilde}",
    "^": r"{\textasciicircum}",
    "<": r"{\textless}",
    ">": r"{\textgreater}",
    # A bare ` opens a TeX quote ("`x'" is ‘x’), for LaTeX and the importer alike.
    "`": r"{\textasciigrave}",
}
# A search for the few specials costs a third of str.translate's look-up of every
# character of a long abstract.
_SPECIAL = re.compile("[" + re.escape("".join(_LATEX_SPECIALS)) + "]")


# Pairs that TeX's fonts join into another character (``--`` is an en dash, ``` `` ```
# an opening quote, ``?` `` an inverted question mark): an empty group between the two
# keeps both characters as written.
_LIGATURES = re.compile(r"([-`',])(?=\1)|[!?](?=`)")
_LIGATURE_PAIRS = ("--", "``", "''", "!`", "?`", ",,")


def _latex(text: str) -> str:
    """Plain text as a BibTeX field body on one line: every character literal, braces
    balanced."""
    return _escape(" ".join(text.split()))


def _escape(text: str) -> str:
    text = _SPECIAL.sub(lambda match: _LATEX_SPECIALS[match.group()], text)
    # Most text holds no such pair; looking for each is cheaper than the pattern's scan
    # of a long abstract.
    if any(pair in text for pair in _LIGATURE_PAIRS):
        text = _LIGATURES.sub(r"\g<0>{}", text)
    return text


# bibtexparser 2.1 does not split "a and \%b" at the "and", and drops a word "\%" of a
# name: an escape that starts a word of a name is braced, "{\%}b".
_NAME_ESCAPE = re.compile(r"(?<!\S)\\([%&$#_])")


# "Sammy Davis Jr.", "Martin Luther King, Jr.": BibTeX reads a suffix only in the form
# "Last, Jr., First"; written after the name it would be taken for the last name.
_SUFFIX = re.compile(r",?\s+(Jr\.?|Sr\.?|II|III|IV)$")

# BibTeX splits every name into first and last names, so "Google DeepMind" would be cited
# as "DeepMind, G."; a name in braces is one unit. The YAML does not mark organisations:
# a name is taken for one when it holds a word no person's name holds (an organisation's
# kind, a few labs' own names, "AI" in capitals) or a character none holds (@, &, a
# digit), or the word "and", which would split it into two authors. Bracing a person by
# mistake costs little (the name is printed whole, not abbreviated); a company read as
# a person is cited wrongly.
_ORGANISATION = re.compile(
    r"(?i:\b(?:and|teams?|labs?|laborator(?:y|ies)|group|consortium|collaboration"
    r"|institute|universit\w*|universidad|college|academy|inc|ltd|llc|gmbh|corporation"
    r"|corp|company|foundation|society|association|committee|council|cent(?:er|re)"
    r"|department|initiative|workshop|project|research|organi[sz]ation|alliance"
    r"|contributors|developers)\b)"
    r"|\b(?:AI|DeepMind|Google|Microsoft|NVIDIA)\b|[@&0-9]"
)


def _author(name: str) -> str:
    # A curator may brace a name as in BibTeX ("{Google DeepMind}"): one unit as well.
    if len(name) > 2 and name[0] == "{" and name[-1] == "}" and _balanced(name[1:-1]):
        return f"{{{_latex(name[1:-1])}}}"
    if _ORGANISATION.search(name):
        return f"{{{_latex(name)}}}"
    suffix = _SUFFIX.search(name)
    if suffix and "," not in name[: suffix.start()]:
        first, _, last = name[: suffix.start()].rpartition(" ")
        if first and last:
            return _NAME_ESCAPE.sub(
                r"{\\\1}", f"{_latex(last)}, {_latex(suffix.group(1))}, {_latex(first)}")
    return _NAME_ESCAPE.sub(r"{\\\1}", _latex(name))


def _authors(names: tuple[str, ...]) -> str:
    """The ``author`` field. A last author ``others`` (the importer keeps BibTeX's "and
    others" so, and pages show it "et al.") is written bare, BibTeX's keyword; anywhere
    else, or alone, it is somebody's name and braced like one."""
    written = [f"{{{name}}}" if name == OTHERS else _author(name) for name in names]
    if len(names) > 1 and names[-1] == OTHERS:
        written[-1] = OTHERS
    return " and ".join(written)


def _balanced(text: str) -> bool:
    """Whether every brace closes one opened before it, counted as BibTeX counts them
    (a backslash does not escape a brace)."""
    depth = 0
    for char in text:
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


# An abstract is plain text but for TeX math, which the importer keeps as written:
# ``$...$`` is kept so that LaTeX sets it and a re-import reads it back unchanged. What
# counts as math is pandoc's rule (the opening $ not followed by a space, the closing
# one not preceded by one nor followed by a digit: "$5 and $10" is no math), and only
# math that cannot break the file or the document it is cited in: braces balanced, no
# line break, no bare % (a TeX comment would swallow the rest of the field), # or &.
_MATH = re.compile(
    r"(?<![\\$])\$(?![\s$])((?:[^$\\]|\\.)+?)(?<![\s\\])\$(?![\d$])"
    r"|\\\((.+?)\\\)"  # \(...\), LaTeX's own inline math, which the importer keeps too
)
_BARE_SPECIAL = re.compile(r"(?<!\\)(?:\\\\)*[%#&]")
_ESCAPED_BRACE = re.compile(r"\\[{}]")
# Math is passed to LaTeX as written only if every command in it is one of these: the
# .bib is downloaded and compiled by others, and "$\input{...}$" or "$\end{document}$"
# in a scraped abstract must reach their LaTeX as text, not as a command.
_MATH_COMMAND = re.compile(r"\\([A-Za-z]+)")
_MATH_COMMANDS = frozenset("""
    alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu
    nu xi pi varpi rho varrho sigma varsigma tau upsilon phi varphi chi psi omega Gamma
    Delta Theta Lambda Xi Pi Sigma Upsilon Phi Psi Omega
    mathcal mathbb mathbf mathrm mathit mathsf mathtt boldsymbol bm text textrm textit
    textbf operatorname frac dfrac tfrac sqrt sum prod int oint lim limsup liminf max min
    argmax argmin sup inf log ln exp sin cos tan det dim ker Pr
    cdot cdots ldots dots vdots ddots times div pm mp ast star circ bullet oplus otimes
    leq le geq ge neq ne approx sim simeq cong equiv propto ll gg prec succ preceq succeq
    in notin ni subset subseteq supset supseteq cup cap setminus emptyset varnothing
    forall exists neg land lor wedge vee implies iff to rightarrow leftarrow
    Rightarrow Leftarrow leftrightarrow Leftrightarrow mapsto infty partial nabla
    hat tilde bar vec dot ddot widehat widetilde overline underline mid parallel perp
    left right big Big bigg Bigg langle rangle lfloor rfloor lceil rceil top
    quad qquad mathbin mathrel
""".split())
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")


def _math_or_text(text: str) -> str:
    """One paragraph (its spaces already single): its math as written, the rest as
    literal text."""
    if "$" not in text and "\\(" not in text:  # most abstracts: no scan for math
        return _escape(text)
    out: list[str] = []
    start = 0
    for match in _MATH.finditer(text):
        body = match.group(1) if match.group(1) is not None else match.group(2)
        if (
            _balanced(body)
            # balanced also where an escaped brace is no brace (bibtexparser counts so)
            and _balanced(_ESCAPED_BRACE.sub("", body))
            and not _BARE_SPECIAL.search(body)
            and all(name in _MATH_COMMANDS for name in _MATH_COMMAND.findall(body))
        ):
            out += [_escape(text[start:match.start()]), match.group(0)]
            start = match.end()
    out.append(_escape(text[start:]))
    return "".join(out)


def _abstract(text: str) -> str:
    # Paragraphs stay apart (a blank line, which BibTeX and biber read as a space);
    # each paragraph is one line, as the importer writes it.
    paragraphs = (" ".join(part.split()) for part in _PARAGRAPH_BREAK.split(text))
    return "\n\n".join(_math_or_text(p) for p in paragraphs if p)


def _keywords(tags: tuple[str, ...]) -> str:
    # The importer splits keywords at commas and semicolons, as biblatex does at commas:
    # a tag holding one comes back as two tags, which keeps its words.
    return ", ".join(_latex(tag) for tag in tags if tag.strip())


def _doi(doi: str) -> str:
    """A DOI as written: biblatex and BibTeX styles read ``doi`` verbatim, like ``url``
    (so ``%`` and ``#`` stay as in `_url`). Only braces that do not balance, or a
    backslash (which some readers take to escape a brace), could break the field: then
    those characters are percent-encoded, which doi.org resolves to the same DOI."""
    if _balanced(doi) and "\\" not in doi:
        return doi
    return _url(doi)


# The list keeps one `venue` for journals and conferences alike; the entry type is read
# from its name. A preprint server is no venue to cite as a book; a name that says
# conference, workshop or proceedings is one; a journal's name says so (Journal of...,
# Transactions on..., ... Letters, or one of the few journals known by their name
# alone, whose words a conference name may also hold, hence the order); anything else,
# mostly acronyms (NeurIPS, ACL), is proceedings.
_JOURNAL = re.compile(
    r"\b(?:journal|transactions|letters|magazine|review|reviews|annals|surveys|jmlr|tmlr"
    r"|tacl|tpami|nature|science|pnas|cell|neural computation|artificial intelligence"
    r"|neural networks|neurocomputing|pattern recognition|ieee access|plos|trends in"
    r"|proceedings of the national academy|proceedings of the ieee)\b"
    r"|^machine learning$",
    re.IGNORECASE,
)
# Journals whose name holds "proceedings" (PNAS, Proceedings of the IEEE).
_JOURNAL_PROCEEDINGS = re.compile(
    r"proceedings of the (?:national academy|ieee\s*$)", re.IGNORECASE
)
from .matchkeys import PREPRINT as _PREPRINT  # noqa: E402  (shared with the importer)
_PROCEEDINGS = re.compile(
    r"\b(?:conference|proceedings|workshops?|symposium|meeting|congress)\b", re.IGNORECASE
)


def bibtex_entry(paper: Paper, full: bool = True) -> bibmodel.Entry:
    """One paper as a BibTeX entry keyed by its id (ids are unique and stable slugs).

    ``full``: with the abstract and keywords, as the .bib files carry them; without,
    it is the citation a paper page offers to copy."""
    # (Math in a title stays math, as in the abstract: "$O(n^2)$" printed as text showed
    # its dollar signs.)
    fields: list[tuple[str, str]] = [("title", f"{{{_math_or_text(' '.join(paper.title.split()))}}}")]
    if paper.authors:
        fields.append(("author", _authors(paper.authors)))
    entry_type = "misc"
    if paper.venue and _PREPRINT.search(paper.venue):
        fields.append(("howpublished", _latex(paper.venue)))
    elif paper.venue and _JOURNAL.search(paper.venue) and (
        not _PROCEEDINGS.search(paper.venue) or _JOURNAL_PROCEEDINGS.search(paper.venue)
    ):
        entry_type = "article"
        fields.append(("journal", _latex(paper.venue)))
    elif paper.venue:
        entry_type = "inproceedings"
        fields.append(("booktitle", _latex(paper.venue)))
    if paper.year is not None:
        fields.append(("year", str(paper.year)))
    if paper.doi:
        fields.append(("doi", _doi(paper.doi)))
    if paper.arxiv:
        fields += [("eprint", paper.arxiv), ("archiveprefix", "arXiv")]
    url = _paper_url(paper)
    if url:
        fields.append(("url", _url(url)))
    # What the importer reads back, so a list can be moved to another site by its .bib.
    keywords = _keywords(paper.tags) if full else ""
    if keywords:
        fields.append(("keywords", keywords))
    abstract = _abstract(paper.abstract) if full else ""
    if abstract:
        fields.append(("abstract", abstract))
    # bibtexparser's writer encloses each value in braces itself.
    return bibmodel.Entry(entry_type, paper.id, [bibmodel.Field(k, v) for k, v in fields])


def _paper_url(paper: Paper) -> str:
    """Where the paper itself is read: its page at the publisher, on arXiv, or its PDF.

    Never a code repository or a project page: a citation's ``url`` names the work cited.
    (A DOI is its own field; reference managers link it.)
    """
    for link in paper.links_of("paper"):
        return link.url
    if paper.arxiv:
        return f"https://arxiv.org/abs/{paper.arxiv}"
    for link in paper.links_of("pdf"):
        return link.url
    return ""


def _url(url: str) -> str:
    # URLs stay verbatim (the url package reads them raw); only braces and a trailing
    # backslash could break the field, and a validated http(s) URL holds neither.
    return url.replace("{", "%7B").replace("}", "%7D").replace("\\", "%5C")


def bibtex_by_paper(papers: Iterable[Paper]) -> dict[str, str]:
    """Each paper's entry on its own, as papers.bib holds it."""
    return {paper.id: _entry_text(paper) for paper in papers}


def citation(paper: Paper) -> str:
    """The entry a paper's page offers to copy: papers.bib's without the abstract and
    keywords, which a citation does not need and which made the block a page long."""
    return _entry_text(paper, full=False)


# How export_files joins a file from per-paper parts: (dest, parts, make) -> make(parts),
# or None for a file that is current on disk (build.Memo.join keeps what each file
# was joined from; the caller passes None on to pages.plan_site).
Joiner = Callable[[str, list[str], Callable[[list[str]], str]], "str | None"]


def _join_now(dest: str, parts: list[str], make: Callable[[list[str]], str]) -> str | None:
    return make(parts)


def _lines(parts: list[str]) -> str:
    return "\n".join(parts)


def bibtex(papers: Iterable[Paper], entries: Mapping[str, str] | None = None) -> str:
    # The writer puts one blank line between entries, so a file is its entries' texts
    # joined by newlines (see _bibtex_parts).
    return _lines(_bibtex_parts(papers, entries))


def _bibtex_parts(papers: Iterable[Paper], entries: Mapping[str, str] | None) -> list[str]:
    # Each entry is written once per paper and kept (see _entry_text), or given in
    # ``entries`` (paper id -> bibtex_by_paper's text).
    ordered = sorted(papers, key=lambda p: p.id)
    if entries is not None:
        return [entries[p.id] for p in ordered]
    return [_entry_text(paper) for paper in ordered]


@functools.lru_cache(maxsize=1 << 16)
def _entry_text(paper: Paper, full: bool = True) -> str:
    """One paper's entry as bibtexparser writes it (papers are frozen, so it is kept).

    The entry is built here and used once, so the writer may modify it in place instead
    of deep-copying it (which cost a millisecond per paper).
    """
    library = bibtexparser.Library()
    library.add(bibtex_entry(paper, full))
    text = bibtexparser.write_string(
        library, unparse_stack=_UNPARSE_STACK, bibtex_format=_BIBTEX_FORMAT
    )
    return text.strip("\n") + "\n" if text.strip() else ""


_UNPARSE_STACK = bibtexparser.middlewares.default_unparse_stack(allow_inplace_modification=True)


def _bibtex_format() -> bibtexparser.BibtexFormat:
    fmt = bibtexparser.BibtexFormat()
    fmt.indent = "  "
    fmt.block_separator = "\n"
    return fmt


_BIBTEX_FORMAT = _bibtex_format()


# --- CSV -------------------------------------------------------------------------------


def _cell(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value


def csv_line(paper: Paper, site: Site) -> str:
    """One paper's row of papers.csv; it depends on the paper and its topics only."""
    out = io.StringIO()
    topics = [a.topic for a in site.assignments.get(paper.id, ())]
    row = (
        paper.id,
        paper.title,
        "; ".join(paper.authors),
        "" if paper.year is None else str(paper.year),
        paper.venue,
        paper.arxiv,
        paper.doi,
        "; ".join(topics),
        "; ".join(link.url for link in paper.code),
        paper.status,
        paper.added.isoformat() if paper.added else "",
        paper_url(paper.id),
    )
    csv.writer(out, lineterminator="\n").writerow([_cell(value) for value in row])
    return out.getvalue()


def _csv_parts(site: Site, lines: Mapping[str, str] | None) -> list[str]:
    """papers.csv's rows: every paper in id order (``lines``: paper id -> `csv_line`,
    when the caller has them already)."""
    ordered = sorted(site.papers, key=lambda p: p.id)
    if lines is None:
        lines = {p.id: csv_line(p, site) for p in ordered}
    return [lines[p.id] for p in ordered]


# A byte order mark first: without it Excel reads a UTF-8 file as the system's legacy
# code page ("TÜLU" shows as "TÃœLU"). Python reads it with encoding="utf-8-sig".
_CSV_BOM = "\ufeff"


def _csv_file(rows: list[str]) -> str:
    out = io.StringIO()
    out.write(_CSV_BOM)
    csv.writer(out, lineterminator="\n").writerow(CSV_COLUMNS)
    return out.getvalue() + "".join(rows)


# --- Atom ------------------------------------------------------------------------------


def recently_added(papers: Iterable[Paper], limit: int = FEED_SIZE) -> list[Paper]:
    """Papers with an `added` date, newest first (ties by id), at most ``limit``."""
    dated = [p for p in papers if p.added is not None]
    dated.sort(key=lambda p: p.id)
    dated.sort(key=lambda p: p.added, reverse=True)  # stable: ties stay in id order
    return dated[:limit]


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc)


def atom_feed(
    papers: Iterable[Paper],
    *,
    title: str,
    feed_path: str,
    site_url: str,
    source_date_epoch: int | None = None,
    page_path: str = "",
    author: str = "",
) -> str:
    """An Atom feed of the most recently added papers.

    ``author`` (the site's name) is the feed's author: Atom (RFC 4287, 4.1.1) wants one
    for the feed or for every entry, and a paper may have no authors.

    ``feed_path`` is the feed's own path relative to the site root, ``page_path`` the
    page it is the feed of (its `alternate` link; the home page by default).
    ``site_url`` (from mkdocs.yml, may be empty) makes links absolute, as Atom wants;
    without it, ids are `urn:` names and links are relative to the feed's own folder,
    where a feed reader resolves them. The feed's `updated` time is the newest paper's
    `added` date, else SOURCE_DATE_EPOCH, else the epoch: never the clock.
    """
    entries = recently_added(papers)
    base = site_url.rstrip("/") + "/" if site_url else ""

    folder = feed_path.rpartition("/")[0]  # "" for a feed at the root
    here = folder + "/" if folder else ""

    def link(path: str) -> str:
        return base + path if base else relative(here, path)

    if entries:
        updated = _midnight(entries[0].added)  # type: ignore[arg-type]
    else:
        updated = dt.datetime.fromtimestamp(source_date_epoch or 0, tz=dt.timezone.utc)

    fg = FeedGenerator()
    fg.id(base + feed_path if base else f"urn:readinglist:{feed_path}")
    fg.title(title)
    if author:
        fg.author({"name": author})
    fg.link(href=link(feed_path), rel="self")
    fg.link(href=link(page_path), rel="alternate")
    fg.updated(updated)
    fg.generator("readinglist")
    fg.language("en")
    for paper in entries:
        fe = fg.add_entry(order="append")
        url = paper_url(paper.id)
        fe.id(base + url if base else f"urn:readinglist:paper:{paper.id}")
        fe.title(paper.title)
        fe.link(href=link(url))
        fe.updated(_midnight(paper.added))  # type: ignore[arg-type]
        fe.published(_midnight(paper.added))  # type: ignore[arg-type]
        names = paper.authors
        if len(names) > 1 and names[-1] == OTHERS:
            names = names[:-1]  # BibTeX's "and others" is no person (see Paper.byline)
        for name in names:
            fe.author({"name": name})
        if paper.abstract:
            # type="text": the abstract is plain text, so readers must not render it.
            fe.summary(paper.abstract, type="text")
    return fg.atom_str(pretty=True).decode("utf-8")


# --- All exports -------------------------------------------------------------------------


def _members(site: Site) -> dict[str, list[Paper]]:
    """Topic id -> its papers in the order of site.papers (each paper once per topic)."""
    members: dict[str, list[Paper]] = {t.id: [] for t in site.topics}
    for paper in site.papers:
        for topic_id in dict.fromkeys(a.topic for a in site.assignments.get(paper.id, ())):
            if topic_id in members:
                members[topic_id].append(paper)
    return members


def export_files(
    site: Site,
    *,
    site_name: str,
    site_url: str = "",
    source_date_epoch: int | None = None,
    entries: Mapping[str, str] | None = None,
    csv_lines: Mapping[str, str] | None = None,
    feeds: dict[str, tuple[object, str]] | None = None,
    join: Joiner = _join_now,
) -> dict[str, str | None]:
    """Every export file's text, keyed by its path relative to the docs folder (None:
    ``join`` found the file current).

    ``entries`` (the papers' BibTeX entries) and ``csv_lines`` when the caller has them
    already (see `bibtex_by_paper`, `csv_line`). ``feeds`` (kept by the caller between
    runs: feed path -> (its inputs, its text)) spares rebuilding a feed whose papers
    and settings did not change, and ``join`` (see `Joiner`) joining a file again.
    """

    # Every paper with a date, newest first: a topic's feed takes the first of them that
    # are in the topic, in the same order recently_added gives (one sort, not one per
    # topic).
    newest = recently_added(site.papers, limit=len(site.papers))

    def recent(papers: Iterable[Paper]) -> list[Paper]:
        ids = {p.id for p in papers}
        return list(itertools.islice((p for p in newest if p.id in ids), FEED_SIZE))

    def feed(entries: list[Paper], title: str, feed_path: str, page_path: str = "") -> str:
        key = (tuple(entries), title, site_url, source_date_epoch, page_path, site_name)
        kept = feeds.get(feed_path) if feeds is not None else None
        if kept is not None and kept[0] == key:
            return kept[1]
        text = atom_feed(
            entries, title=title, feed_path=feed_path, site_url=site_url,
            source_date_epoch=source_date_epoch, page_path=page_path, author=site_name,
        )
        if feeds is not None:
            feeds[feed_path] = (key, text)
        return text

    files = {
        "papers.bib": join("papers.bib", _bibtex_parts(site.papers, entries), _lines),
        "papers.csv": join("papers.csv", _csv_parts(site, csv_lines), _csv_file),
        "feed.xml": feed(newest[:FEED_SIZE], f"{site_name}: recently added papers", "feed.xml"),
    }
    members = _members(site)
    for topic in sorted(site.topics, key=lambda t: t.id):
        papers = members[topic.id]
        path = f"topics/{topic.id}.bib"
        files[path] = join(path, _bibtex_parts(papers, entries), _lines)
        path = f"topics/{topic.id}.xml"
        files[path] = feed(
            recent(papers), f"{site_name}: {topic.title}", path, topic_url(topic.id)
        )
    if feeds is not None:
        for gone in set(feeds) - set(files):
            del feeds[gone]
    return files
