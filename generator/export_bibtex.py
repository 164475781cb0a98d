"""BibTeX: each paper's entry, as papers.bib and topics/<id>.bib hold it and a paper
page's Cite block shows it. Pure: a paper in, text out, the same bytes for the same paper.
"""

from __future__ import annotations

import functools
import re
from typing import Iterable, Mapping

import bibtexparser
from bibtexparser import model as bibmodel

from . import lazyre
from .joinedfile import Joined
from .latex import ONE_CHARACTER_MATH, simple_math
from .links import indexes_paper
from .models import OTHERS, VENUE_KINDS, Paper, page_pieces
from .names import balanced, cited_whole, is_founders_publisher, shown_braced, without_marks


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
    # In LaTeX's default font encoding (OT1, pdflatex without fontenc) a bare | prints as
    # an em dash: "P(y|x)" came out "P(y—x)". \textbar prints | in OT1 and T1 alike.
    "|": r"{\textbar}",
}
# A search for the few specials costs a third of str.translate's look-up of every
# character of a long abstract.
_SPECIAL = lazyre.compile("[" + re.escape("".join(_LATEX_SPECIALS)) + "]")


# Pairs that TeX's fonts join into another character (``--`` is an en dash, ``` `` ```
# an opening quote, ``?` `` an inverted question mark): an empty group between the two
# keeps both characters as written.
_LIGATURES = lazyre.compile(r"([-`',])(?=\1)|[!?](?=`)")
_LIGATURE_PAIRS = ("--", "``", "''", "!`", "?`", ",,")
# Whether a text holds one of them: one scan for the six literals (half the time of six
# `in` looks over a long abstract; the pattern above, with its back-reference, costs more).
_ANY_LIGATURE_PAIR = lazyre.compile("|".join(map(re.escape, _LIGATURE_PAIRS)))


def _latex(text: str) -> str:
    """Plain text as a BibTeX field body on one line: every character literal, braces
    balanced."""
    return _escape(" ".join(text.split()))


def _escape(text: str) -> str:
    text = _SPECIAL.sub(lambda match: _LATEX_SPECIALS[match.group()], text)
    # Most text holds no such pair: looked for apart, the pattern's scan of a long
    # abstract costs more.
    if _ANY_LIGATURE_PAIR.search(text):
        text = _LIGATURES.sub(r"\g<0>{}", text)
    # The text "&#38;" is no character reference (an import reads ACM's "\&\#38;" as
    # "&"): an empty group between keeps it as written.
    return text.replace("\\&\\#", "\\&{}\\#")


# bibtexparser 2.1 does not split "a and \%b" at the "and", and drops a word "\%" of a
# name: an escape that starts a word of a name is braced, "{\%}b".
_NAME_ESCAPE = lazyre.compile(r"(?<!\S)\\([%&$#_])")


# "Sammy Davis Jr.", "Martin Luther King, Jr.": BibTeX reads a suffix only in the form
# "Last, Jr., First"; written after the name it would be taken for the last name.
_SUFFIX = lazyre.compile(r",?\s+(Jr\.?|Sr\.?|II|III|IV)$")


@functools.lru_cache(maxsize=1 << 16)
def is_one_unit(name: str) -> bool:
    """Whether the citation writes ``name`` braced whole, one unit that BibTeX does not
    split into given names and surname: an organisation's (names.cited_whole: "Google
    DeepMind", "Hugging Face"), one with a mark beside a word ("Wilcox*", which would be
    read back as an equal contribution's and left out). (Kept: a page's COinS asks it
    again of each name its citation asked it of, and the organisation's pattern is the
    most of either's time.)"""
    return cited_whole(name) or bool(without_marks(name)[1])


def person_name(name: str) -> str:
    """A person's name in the form the citation writes it, from which BibTeX reads its
    parts: "Martin Luther King, Jr." and "Martin Luther King Jr." are "King, Jr., Martin
    Luther" (BibTeX reads a suffix only so: after the name it is taken for the surname);
    any other as written."""
    parts = _suffixed(name)
    return ", ".join(parts) if parts else name


def is_suffixed(name: str) -> bool:
    """Whether ``name`` ends with a suffix BibTeX must read as its "Jr" part."""
    return _suffixed(name) is not None


def _suffixed(name: str) -> tuple[str, str, str] | None:
    """A name with a suffix after it as BibTeX's (last, "Jr", first), else None."""
    suffix = _SUFFIX.search(name)
    if suffix and "," not in name[: suffix.start()]:
        first, _, last = name[: suffix.start()].rpartition(" ")
        if first and last:
            return last, suffix.group(1), first
    return None


def _author(name: str) -> str:
    # (Braced whole: one unit, as the site shows it, the braces that group inside it too
    # taken off, "{Allen {AI}}" "{Allen AI}": the outer pair keeps it whole and as cased.)
    braced = shown_braced(name)
    if braced is not None:
        return f"{{{_latex(braced)}}}"
    if is_one_unit(name):
        return f"{{{_latex(name)}}}"
    parts = _suffixed(name)
    return _NAME_ESCAPE.sub(r"{\\\1}", ", ".join(map(_latex, parts)) if parts else _latex(name))


def _authors(names: tuple[str, ...]) -> str:
    """The ``author`` field (or ``editor``: the same list of names). A last author ``others`` (the importer keeps BibTeX's "and
    others" so, and pages show it "et al.") is written bare, BibTeX's keyword; anywhere
    else, or alone, it is somebody's name and braced like one."""
    # (Compared spacing aside, as Paper.names does: "others " is the keyword too.)
    others = [" ".join(name.split()) == OTHERS for name in names]
    written = [f"{{{OTHERS}}}" if other else _author(name) for name, other in zip(names, others)]
    if len(names) > 1 and others[-1]:
        written[-1] = OTHERS
    return " and ".join(written)


# An abstract is plain text but for TeX math, which the importer keeps as written:
# ``$...$`` is kept so that LaTeX sets it and a re-import reads it back unchanged. What
# counts as math is pandoc's rule (the opening $ not followed by a space, the closing
# one not preceded by one nor followed by a digit: "$5 and $10" is no math), and only
# math that cannot break the file or the document it is cited in: braces balanced, no
# line break, no bare % (a TeX comment would swallow the rest of the field), # or &.
_MATH = lazyre.compile(
    r"(?<![\\$])\$(?![\s$])((?:[^$\\]|\\.)+?)(?<![\s\\])\$(?![\d$])"
    # \(...\), LaTeX's own inline math, which the importer keeps too; read a command
    # at a time, as TeX reads it: the "\)" of "\(\\)" is a line break's second half.
    r"|\\\(((?:[^\\]|\\.)+?)\\\)"
)
_BARE_SPECIAL = lazyre.compile(r"(?<!\\)(?:\\\\)*[%#&]")
_ESCAPED_BRACE = lazyre.compile(r"\\[{}]")
# Math is passed to LaTeX as written only if every command in it is one of these: the
# .bib is downloaded and compiled by others, and "$\input{...}$" or "$\end{document}$"
# in a scraped abstract must reach their LaTeX as text, not as a command.
_MATH_COMMAND = lazyre.compile(r"\\([A-Za-z]+)")
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
    ell hbar prime imath jmath aleph Re Im mathfrak colon vert Vert lvert rvert lVert rVert
    odot ominus oslash bigcup bigcap bigoplus bigotimes bigvee bigwedge coprod lesssim
    gtrsim triangleq longrightarrow longleftarrow uparrow downarrow hookrightarrow
    overrightarrow overbrace underbrace dagger ddagger bot angle nexists lnot varkappa
    mathop limits nolimits displaystyle textstyle scriptstyle
""".split())
_PARAGRAPH_BREAK = lazyre.compile(r"\n[ \t\r\f\v]*\n\s*")


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
            balanced(body)
            # balanced also where an escaped brace is no brace (bibtexparser counts so)
            and balanced(_ESCAPED_BRACE.sub("", body))
            and not _BARE_SPECIAL.search(body)
            # TeX reads "^^5c" as a backslash before any command is seen: "$^^5cinput$".
            and "^^" not in body
            and all(name in _MATH_COMMANDS for name in _MATH_COMMAND.findall(body))
            # (the importer reads "$<$" as Mendeley's escape of "<", and "$\\beta$" as "β":
            # written as text, each reads back as typed)
            and match.group(0) not in ONE_CHARACTER_MATH
            and simple_math(match.group(0)) is None
        ):
            out += [_escape(text[start:match.start()]), match.group(0)]
            start = match.end()
    out.append(_escape(text[start:]))
    return "".join(out)


def _abstract(text: str) -> str:
    # Paragraphs stay apart (a blank line, which BibTeX and biber read as a space);
    # each paragraph is one line, as the importer writes it.
    paragraphs = (" ".join(part.split()) for part in _PARAGRAPH_BREAK.split(text))
    return "\n\n".join(_line_start(_math_or_text(p)) for p in paragraphs if p)


def _line_start(line: str) -> str:
    """A line of a field's value whose ``@`` begins it has the ``@`` braced, ``{@}``:
    bibtexparser takes ``@word{`` at the start of a line for a new entry, even inside a
    value, and aborts the one it was reading. BibTeX and LaTeX read ``{@}`` as ``@``
    (braces group, they print nothing), and so does the importer."""
    return "{@}" + line[1:] if line.startswith("@") else line


def _keywords(tags: tuple[str, ...]) -> str:
    # The importer splits keywords at commas and semicolons, as biblatex does at commas:
    # a tag holding one comes back as two tags, which keeps its words.
    return ", ".join(_latex(tag) for tag in tags if tag.strip())


def _doi(doi: str) -> str:
    """A DOI as written: biblatex and BibTeX styles read ``doi`` verbatim, like ``url``
    (so ``%`` and ``#`` stay as in `_url`). Only braces that do not balance, or a
    backslash (which some readers take to escape a brace), could break the field: then
    those characters are percent-encoded, which doi.org resolves to the same DOI."""
    if balanced(doi) and "\\" not in doi:
        return doi
    return _url(doi)


# The list keeps one `venue` for journals and conferences alike; unless `venue_kind` says
# what it is (the importer keeps it from a BibTeX entry), the entry type is read from its
# name. (The guess is often wrong for a journal known by its name alone: "Information
# Fusion".) A preprint server is no venue to cite as a book; a name that says
# conference, workshop or proceedings is one; a journal's name says so (Journal of...,
# Transactions on..., ... Letters, or one of the few journals known by their name
# alone, whose words a conference name may also hold, hence the order); anything else,
# mostly acronyms (NeurIPS, ACL), is proceedings.
_JOURNAL = lazyre.compile(
    r"\b(?:journal|transactions|letters|magazine|review|reviews|reports|annals|surveys|jmlr|tmlr"
    r"|tacl|tpami|pami|ijcv|jair|tog|nature|science|pnas|cell|elife|distill|neural computation"
    r"|artificial intelligence|neural networks|neurocomputing|pattern recognition|ieee access"
    r"|plos|trends in|frontiers in|communications of the|computational linguistics"
    r"|proceedings of the national academy|proceedings of the ieee)\b"
    r"|^machine learning$",
    re.IGNORECASE,
)
# Conferences whose name holds a journal's word ("Artificial Intelligence", "Science"),
# or says nothing of what it is (NeurIPS' proceedings).
_CONFERENCE_NAME = lazyre.compile(
    r"\b(?:artificial intelligence and statistics|uncertainty in artificial intelligence"
    r"|robotics:? science and systems|neural information processing systems)\b",
    re.IGNORECASE,
)
# Journals whose name holds "proceedings" (PNAS, Proceedings of the IEEE).
_JOURNAL_PROCEEDINGS = lazyre.compile(
    r"proceedings of the (?:national academy|ieee\s*$)", re.IGNORECASE
)
from .venuewords import CONFERENCE_ACRONYMS  # noqa: E402  (shared with the importer)
from .venuewords import PREPRINT as _PREPRINT  # noqa: E402
# A venue the importer wrote for a thesis or a report (ingest/bibtex.py _KINDS), or a
# curator in those words: "PhD thesis, Universität Tübingen".
_THESIS = lazyre.compile(
    r"(PhD|Ph\.?\s?D\.?|Doctoral|Master(?:['’]?s)?|MSc|M\.\s?Sc\.|M\.?\s?A\.?|M\.?\s?S\.?)\s+(?:thesis|dissertation),\s*(.+)",
    re.IGNORECASE,
)
# "Technical report, Microsoft", or with its number: "Technical Report MSR-TR-2019-1, Microsoft".
# (A number is a code with a digit: "No. 42", "TR 2019-01", "MSR-TR-2019-1"; "Technical
# Report Generation Workshop 2024, ACL" is no report.)
_REPORT = lazyre.compile(
    r"(?:Technical report|Tech\.?\s?rep(?:ort|\.)?)"
    r"(?:\s+((?:No\.?\s*|[A-Z]{1,4}\s+)?[A-Za-z0-9#][\w./#-]*\d[\w./-]*))?,\s*(.+)",
    re.IGNORECASE,
)
# Any other thesis, dissertation or report (of no kind BibTeX has a type for, or without
# its school): never a conference, unless its name says it is one ("Workshop on Report
# Generation"). (Not "Reports", as in "Scientific Reports".)
_OTHER_WORK = lazyre.compile(
    r"\b(?:thesis|dissertation|report|tech\.?\s?rep|working paper|habilitation\w*|memo|memorandum"
    r"|(?:diplom|master|bachelor|magister|doktor|studien|projekt|semester|abschluss|seminar)arbeit"
    r"|thèse|tesis|tesi|mémoire|rapport|\w*bericht)\b",
    re.IGNORECASE,
)
_PROCEEDINGS = lazyre.compile(
    r"\b(?:conference|proceedings|workshops?|symposium|meeting|congress)\b", re.IGNORECASE
)
# A venue that names a book's publisher alone, as a Markdown list records a book's
# ("- [Pattern Recognition and Machine Learning](…) - Christopher Bishop, Springer, 2006"
# has the venue "Springer", a paper file's only place for it): a book, cited with its
# publisher, not a conference paper of the booktitle "Springer" (bk2). A publisher's word
# ends the name ("MIT Press", "Basic Books", "Packt Publishing"), or it is a publisher
# known by its name alone, or named for its founders (names.is_founders_publisher).
_BOOK_PUBLISHER = lazyre.compile(
    r"(?:[\w'’.&-]+\s+){0,4}(?:Press|Books|Publishers|Publishing|Publications|Verlag)"
    r"|Springer(?:[\s-]Verlag)?|Elsevier|Wiley|Penguin|O['’]Reilly(?:\s+Media)?|Morgan\s+Kaufmann"
    r"|Prentice[\s-]Hall|Addison[\s-]Wesley|McGraw[\s-]Hill|Pearson|Routledge"
)
# Not the press of a society whose conferences' proceedings it prints: a Markdown list
# keeps the publisher alone as the venue of a conference paper too ("- Jane Smith. Proc.
# KDD, ACM Press, 2018", "In AAAI, AAAI Press"), which is cited as one, as before (rev103).
_PROCEEDINGS_PRESS = lazyre.compile(r"(?:The\s+)?(?:ACM|AAAI|IEEE\s+Computer\s+Society)\s+Press")


# Where software is kept, as GitHub's "Cite this repository" snippet and Zenodo name it
# (`journal = {GitHub repository}`): cited as @misc, how it was published.
_SOFTWARE = lazyre.compile(
    r"(?:github|gitlab|bitbucket|codeberg|zenodo|hugging\s*face(?:\s+hub)?|software)"
    r"(?:\s+(?:repository|repo|release))?",
    re.IGNORECASE,
)


def thesis_school(venue: str) -> str:
    """The university of a venue written as the importer writes a thesis's ("PhD
    thesis, Carnegie Mellon University"), else ""."""
    found = _THESIS.fullmatch(venue)
    return found.group(2) if found else ""


def report_institution(venue: str) -> str:
    """The institution of a venue written as a report's ("Technical report 42,
    Stanford": "Stanford", its entry's ``institution``), else ""."""
    found = _REPORT.fullmatch(venue)
    return found.group(2) if found else ""


def names_software(venue: str) -> bool:
    """Whether a venue is where software is kept ("GitHub repository"), not a journal or
    proceedings a paper appeared in."""
    return bool(_SOFTWARE.fullmatch(venue.strip()))


def names_journal(venue: str) -> bool:
    """Whether a venue's name says it is a journal ("Neural Computation", "Journal of...",
    "... Letters", "Proceedings of the IEEE"), not a conference's proceedings: what the
    export cites as an @article when no kind is said."""
    return bool(_JOURNAL.search(venue)) and not _CONFERENCE_NAME.search(venue) and (
        not _PROCEEDINGS.search(venue) or bool(_JOURNAL_PROCEEDINGS.search(venue))
    )


def names_proceedings(venue: str) -> bool:
    """Whether a venue's name says it is a conference's proceedings ("Proceedings of the
    AAAI Conference...", "Advances in Neural Information Processing Systems"), whatever
    an entry calls it: Google Scholar exports such papers as @article. (Not any name
    holding "Proceedings" or "Conference": "Proceedings of the VLDB Endowment" and
    "Journal of Physics: Conference Series" are journals.)"""
    return bool(
        _CONFERENCE_NAME.search(venue) or _NAMED_PROCEEDINGS.search(venue)
        or _CONFERENCE_ACRONYM.fullmatch(venue.strip())
    )


# A conference named by its acronym alone, perhaps with its year, as Google Scholar's
# @article gives LoRA's `journal = {ICLR}`: no journal.
_CONFERENCE_ACRONYM = lazyre.compile(rf"(?i:{CONFERENCE_ACRONYMS})(?:\s*['’]\s*\d{{2}}|\s+\d{{4}})?")


_NAMED_PROCEEDINGS = lazyre.compile(
    r"\bproceedings of the\b.*\b(?:conference|workshops?|symposium)\b"
    r"|^(?:the )?(?:\d+\w* )?(?:international |annual )*(?:conference|workshop|symposium) on\b",
    re.IGNORECASE,
)


# A venue's kind (models.VENUE_KINDS) -> its entry type and the field naming it.
_BY_KIND = {
    "journal": ("article", "journal"),
    "conference": ("inproceedings", "booktitle"),
    "book": ("incollection", "booktitle"),
}
assert tuple(_BY_KIND) == VENUE_KINDS


def _other_work(venue: str) -> bool:
    # "Thesis, Department of Computer Science": the kind first, as the importer writes it,
    # whatever words the place holds ("Science" is a journal's word).
    head = venue.split(",", 1)[0]
    if _OTHER_WORK.search(head) and not _PROCEEDINGS.search(venue):
        return True
    # Elsewhere in the name, unless the name is a conference's or a journal's ("Workshop on
    # Radiology Report Generation", "Morbidity and Mortality Weekly Report" is not).
    return bool(_OTHER_WORK.search(venue)) and not _PROCEEDINGS.search(venue) and not _JOURNAL.search(venue)


def bibtex_entry(paper: Paper, full: bool = True) -> bibmodel.Entry:
    """One paper as a BibTeX entry keyed by its `cited_as` (unique: crosscheck).

    ``full``: with the abstract and keywords, as the .bib files carry them; without,
    it is the citation a paper page offers to copy."""
    entry_type, fields = _citation_fields(paper)
    return _entry(paper, entry_type, fields + _full_fields(paper) if full else fields)


def entry_type_of(paper: Paper) -> str:
    """The type of ``paper``'s entry (``misc``, ``article``, ``inproceedings``, ...),
    without the entry's fields written (COinS asks for it on every paper page)."""
    return _kind(paper)[0]


def _kind(paper: Paper) -> tuple[str, list[tuple[str, str]]]:
    """The entry's type and the fields that say where the paper appeared, their values
    as typed (not yet written as LaTeX)."""
    thesis = _THESIS.fullmatch(paper.venue) if paper.venue else None
    report = _REPORT.fullmatch(paper.venue) if paper.venue else None
    if paper.venue.strip() and paper.venue_kind:
        # Said by the curator or the imported entry: no guess from the name.
        entry_type, field_name = _BY_KIND[paper.venue_kind]
        return entry_type, [(field_name, paper.venue)]
    if thesis:
        return (
            "mastersthesis" if thesis.group(1).lower().startswith("m") else "phdthesis",
            [("school", thesis.group(2))],
        )
    if report:
        return "techreport", [("institution", report.group(2))] + (
            [("number", report.group(1))] if report.group(1) else []
        )
    if paper.venue and (
        _PREPRINT.search(paper.venue) or _other_work(paper.venue) or names_software(paper.venue)
    ):
        return "misc", [("howpublished", paper.venue)]
    if paper.venue and names_journal(paper.venue):
        return "article", [("journal", paper.venue)]
    if paper.venue and not paper.publisher.strip() and not _PROCEEDINGS.search(paper.venue) and (
        _BOOK_PUBLISHER.fullmatch(venue := " ".join(paper.venue.split())) or is_founders_publisher(venue)
    ) and not _PROCEEDINGS_PRESS.fullmatch(venue):
        return "book", [("publisher", paper.venue)]
    if paper.venue:
        return "inproceedings", [("booktitle", paper.venue)]
    if paper.publisher.strip():
        return "book", []  # a publisher and no venue: the schema's definition of a book
    return "misc", []


def _citation_fields(paper: Paper) -> tuple[str, list[tuple[str, str]]]:
    """The entry's type and its fields without the abstract and keywords."""
    # (Math in a title stays math, as in the abstract: "$O(n^2)$" printed as text showed
    # its dollar signs.)
    fields: list[tuple[str, str]] = [("title", f"{{{_math_or_text(' '.join(paper.title.split()))}}}")]
    if paper.authors:
        fields.append(("author", _authors(paper.authors)))
    if paper.editors:  # (the book's or proceedings' editors, a last "others" kept bare)
        fields.append(("editor", _authors(paper.editors)))
    entry_type, where = _kind(paper)
    fields += [(name, _latex(value)) for name, value in where]
    fields += _locator(paper, has_number=any(name == "number" for name, _ in fields))
    if paper.year is not None:
        fields.append(("year", str(paper.year)))
    if paper.doi:
        fields.append(("doi", _doi(paper.doi)))
    if paper.arxiv:
        fields += [("eprint", paper.arxiv), ("archiveprefix", "arXiv")]
    url = cited_url(paper)
    if url:
        fields.append(("url", _url(url)))
    return entry_type, fields


def _full_fields(paper: Paper) -> list[tuple[str, str]]:
    """The keywords and the abstract, which the .bib files carry and a citation does not."""
    # What the importer reads back, so a list can be moved to another site by its .bib.
    fields = []
    keywords = _keywords(paper.tags)
    if keywords:
        fields.append(("keywords", keywords))
    abstract = _abstract(paper.abstract)
    if abstract:
        fields.append(("abstract", abstract))
    return fields


def _entry(paper: Paper, entry_type: str, fields: list[tuple[str, str]]) -> bibmodel.Entry:
    # bibtexparser's writer encloses each value in braces itself.
    # The key a renamed paper was first cited by stays (its first id): \cite{} in papers
    # already written keeps working; a lab's own key (`citation_key`) before it.
    return bibmodel.Entry(entry_type, paper.cited_as, [bibmodel.Field(k, v) for k, v in fields])


def _locator(paper: Paper, has_number: bool) -> list[tuple[str, str]]:
    """Volume, number, pages and publisher, as BibTeX writes them: a range of pages
    with ``--`` (the en dash TeX prints), whatever dash the curator typed. A report's
    number already came from its venue ("Technical report 42, Stanford")."""
    fields = [(name, _latex(value)) for name, value in (("volume", paper.volume), ("number", paper.number))
              if value.strip() and not (name == "number" and has_number)]
    pieces = page_pieces(paper.pages)
    if pieces:
        fields.append(("pages", ", ".join(
            f"{_latex(first)}--{_latex(last)}" if last else _latex(first) for first, last in pieces
        )))
    if paper.publisher.strip():
        fields.append(("publisher", _latex(paper.publisher)))
    return fields


def cited_url(paper: Paper) -> str:
    """Where the paper itself is read: its page at the publisher, on arXiv, or its PDF.

    Never a code repository or a project page: a citation's ``url`` names the work cited.
    (A DOI is its own field; reference managers link it.) An index's page of the paper
    (Semantic Scholar, DBLP: `links.indexes_paper`) only when there is nothing else to
    cite, not even a DOI: it is a record of the paper, one step from where it is read, and
    a Google Scholar export's ``api.semanticscholar.org/CorpusID:...`` came before the
    venue's PDF.
    """
    papers = paper.links_of("paper")
    for link in papers:
        if not indexes_paper(link.url):
            return link.url
    if paper.arxiv:
        return f"https://arxiv.org/abs/{paper.arxiv}"
    for link in paper.links_of("pdf"):
        return link.url
    if paper.doi:
        return ""
    return papers[0].url if papers else ""


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


def join_entries(parts: list[str]) -> str:
    return "\n".join(parts)


def join_entry_bytes(parts: list[str]) -> bytes:
    """`join_entries`, encoded as the file is (UTF-8), entry by entry: Python encodes an
    ASCII entry (most of them) by copying it, while a single accented name among
    10,000 entries makes the joined text two bytes a character, whose encoding costs
    three times as much (papers.bib at 10,000 papers: 22 ms joined then encoded, 8 ms
    this way)."""
    return BIB_FILE.whole([part.encode("utf-8") for part in parts])


# A BibTeX file as joined from its entries' UTF-8 bytes (`join_entries`' layout).
BIB_FILE = Joined(b"", b"\n", b"")


def bibtex(papers: Iterable[Paper], entries: Mapping[str, str] | None = None) -> str:
    # The writer puts one blank line between entries, so a file is its entries' texts
    # joined by newlines (see bibtex_parts).
    return join_entries(bibtex_parts(papers, entries))


def bibtex_parts(papers: Iterable[Paper], entries: Mapping[str, str] | None) -> list[str]:
    # Each entry is written once per paper and kept (see _entry_text), or given in
    # ``entries`` (paper id -> bibtex_by_paper's text).
    ordered = sorted(papers, key=lambda p: p.id)
    if entries is not None:
        return [entries[p.id] for p in ordered]
    return [_entry_text(paper) for paper in ordered]


@functools.lru_cache(maxsize=1 << 16)
def _entry_text(paper: Paper, full: bool = True) -> str:
    """One paper's entry as bibtexparser writes it (papers are frozen, so it is kept)."""
    return _written(bibtex_entry(paper, full))


def entry_texts(paper: Paper) -> tuple[str, str]:
    """``bibtex_by_paper``'s text of ``paper`` and its ``citation``, the fields they
    share written once (a build asks for both of every paper)."""
    entry_type, fields = _citation_fields(paper)
    return (
        _written(_entry(paper, entry_type, fields + _full_fields(paper))),
        _written(_entry(paper, entry_type, fields)),
    )


def _written(entry: bibmodel.Entry) -> str:
    """``entry`` as bibtexparser writes it.

    The entry is built for this and used once, so the writer may modify it in place
    instead of deep-copying it (which cost a millisecond per paper).
    """
    library = bibtexparser.Library()
    library.add(entry)
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
