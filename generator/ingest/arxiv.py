"""arXiv's API answer (an Atom feed) into records, for `readinglist add`.

An answer to ``query?id_list=...`` holds one ``<entry>`` per paper arXiv has, in the
order asked; an id arXiv does not have gets no entry, and a malformed request one entry
titled "Error" (with HTTP 200). Each paper's record: its title and abstract (arXiv wraps
their lines: a line break is a space, a blank line a new paragraph), authors, the year
of its first version, the arXiv id without its version, the DOI its authors gave, and
the code and project links found in the abstract and in the authors' comment ("Code:
https://github.com/...", "Accepted at ICLR 2024"). No venue: the journal reference is
free text ("JETP Lett.86:559-561,2008"), and a conference named in a comment may be a
submission, not an acceptance.

Parsing is the standard library's ElementTree (expat, which fetches no external entity).
Nothing here touches the network: commands/add.py asks and hands the text over.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field, replace

from ..digits import ascii_digits
from ..errors import Location, Problems
from ..latex import clean_latex
from ..links import normalize_arxiv, normalize_doi, without_subject_class
from ..models import OTHERS
from ..quoting import quoted
from . import Record, abstract_links

_ATOM = "{http://www.w3.org/2005/Atom}"
_ARXIV = "{http://arxiv.org/schemas/atom}"
# arXiv's abstracts: a wrapped line goes on at the line's start, a new paragraph starts
# on an indented line (arXiv's help on preparing an abstract), or after a blank one.
_PARAGRAPH = re.compile(r"\n(?:[ \t]*\n)*[ \t]+(?=\S)|\n[ \t]*\n")
# A name arXiv's metadata ends with "et al." (or that is only that): the list is cut short.
_ET_AL = re.compile(r"(?i)[\s,]*\bet\.?\s*al\.?$")
# A withdrawal is a new version whose comment gives the reason, in the author's words or
# arXiv's ("This paper has been withdrawn by the author due to ...", "Withdrawn: ...",
# "We withdraw this submission since ...", "arXiv admin note: This version has been
# removed by arXiv administrators as ..."); arXiv's API has no field that says so. An
# older withdrawal replaced the abstract too. Only a notice about the paper itself is
# one: "a previous version of this manuscript was withdrawn", "replaces the withdrawn
# paper arXiv:...", "Section 6 is withdrawn" or an abstract's "drugs withdrawn from the
# market" are not.
_NOUN = r"(?:paper|article|submission|manuscript|preprint|work|version|draft|note|letter)s?"
_GONE = r"(?:withdrawn|removed|retracted)"
# The paper, as its notice names it: "this paper", "the current version", "our
# manuscript"; not "the previous version", which is an older one.
_SUBJECT = (
    r"(?:this|the|our|my)\s+(?!(?:previous|earlier|former|older|old|original|first|prior)\b)"
    rf"(?:[\w-]+\s+){{0,2}}?{_NOUN}\b"
)
_PASSIVE = (
    r"(?:(?:has|have)\s+been|is\s+(?:being|hereby|now)|is|was|are|were|be|being"
    rf"|(?:needs?|has|have|must|should|will)\s+(?:to\s+)?be)\s+{_GONE}\b"
)
# Between the subject and its verb: a phrase between commas, or a clause the verb's
# "and" joins ("This paper includes unverified claims, and therefore needs to be
# withdrawn"); never a relative clause ("this paper replaces one that was withdrawn").
_BETWEEN = (
    r"(?:\s*,[^,.;:]{1,80},\s*|\s+"
    r"|\s+(?:(?!\b(?:which|that|who|whose|where|when|how|why)\b)[^.;:]){1,80}?,?\s+and\s+"
    r"(?:(?:therefore|thus|hence|so)\s+)?)"
)
_NOTICE = (
    rf"(?:{_SUBJECT}{_BETWEEN}{_PASSIVE}"
    rf"|(?:(?:this|the|our|my)\s+)?{_NOUN}\s+{_GONE}\b)"  # "Paper withdrawn by the author"
)
# Where a notice starts: the text's start, a sentence's, an admin note's, or a request's
# ("I request that this work be withdrawn"), after a word such as "therefore".
_LEAD_IN = r"(?:arxiv\s+admin\s+(?:note|comment)\s*:\s*)"
_OPENING = rf"[\s\[(\-–—*•]*{_LEAD_IN}?(?:(?:therefore|hence|thus|accordingly|so),?\s+)?"
_WITHDRAWN_ABSTRACT = re.compile(rf"(?i)^{_OPENING}(?:withdrawn\b|{_NOTICE})")
_WITHDRAWN_COMMENT = re.compile(
    rf"(?i)^{_OPENING}(?:withdrawn\b|withdrawal\b)"
    rf"|(?:^|[.;!?]\s+|\b{_LEAD_IN}|\bthat\s+){_OPENING}{_NOTICE}"
    # "We withdraw this submission", "The authors have withdrawn this manuscript"
    r"|\b(?:we|i|the\s+authors?|the\s+submitter|arxiv\s+administrators)\s+"
    r"(?:(?:have|has|hereby|(?:have\s+)?decided\s+to|would\s+like\s+to|wish\s+to|want\s+to)\s+)*"
    rf"(?:withdraw|withdrew|withdrawn|retract|retracted)\s+{_SUBJECT}"
    # "I request the withdrawal of my submission", "I seek withdrawal of this paper"
    rf"|\b(?:request|seek|ask)\w*\s+(?:for\s+)?(?:the\s+)?withdrawal\s+of\s+{_SUBJECT}"
)
# How much of arXiv's notice a message quotes.
_NOTICE_SHOWN = 160


class NotAnAnswer(ValueError):
    """The text is no answer of arXiv's API (a rate-limit notice, an error page).
    ``line`` and ``col`` (1-based): where the XML went wrong, if it did."""

    def __init__(self, message: str, line: int = 1, col: int = 1):
        super().__init__(message)
        self.line, self.col = line, col


@dataclass(frozen=True)
class Withdrawal:
    """What arXiv's answer says of a paper its authors (or arXiv) withdrew."""

    notice: str  # arXiv's words, from the comment or, for an older withdrawal, the abstract
    in_abstract: bool  # the abstract is that notice, not the paper's
    before: str = ""  # the version before the withdrawal ("2101.00001v1"), which has the text


@dataclass(frozen=True)
class Answer:
    records: dict[str, Record]  # by the arXiv id asked, without version
    error: str = ""  # arXiv's own "Error" entry: what it said of the request
    withdrawn: dict[str, Withdrawal] = field(default_factory=dict)  # by the arXiv id asked


def records_from_atom(text: str, asked: list[str] | None, source: str = "arXiv") -> Answer:
    """The records of the papers ``asked`` (ids without version) that the feed holds;
    with ``asked`` None, of every paper it holds, each located at its line of ``source``,
    a file's path (a kept answer read by `import`).

    ``source`` names where each record comes from in messages ("arXiv:2106.09685").
    Raises NotAnAnswer when ``text`` is no Atom feed.
    """
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        first = " ".join(text.split())[:80]
        line, col = exc.position
        raise NotAnAnswer(f"no feed ({exc}): {quoted(first)}", line, col + 1) from None
    if root.tag != f"{_ATOM}feed":
        raise NotAnAnswer(f"no Atom feed (its root is {quoted(root.tag)})")
    wanted = {without_subject_class(ident): ident for ident in asked or ()}
    records: dict[str, Record] = {}
    withdrawn: dict[str, Withdrawal] = {}
    for entry in root.iter(f"{_ATOM}entry"):
        url = _text(entry, f"{_ATOM}id")
        title = _lines(_text(entry, f"{_ATOM}title"))
        if "/api/errors" in url:  # (a paper may be titled "Error")
            return Answer(records, _lines(_text(entry, f"{_ATOM}summary")) or title)
        ident = normalize_arxiv(re.sub(r"^https?://arxiv\.org/abs/", "", url))
        asked_as = wanted.get(without_subject_class(ident)) if asked is not None else ident
        if not asked_as or asked_as in records:
            continue
        if asked is None:
            at = text.find(url)
            where = Location(source, text.count("\n", 0, at) + 1 if at >= 0 else 1, 1)
        else:
            where = Location(f"{source}:{asked_as}")
        # Authors write their title and abstract in TeX (`Adapters~(LoRA)`, `60\%`,
        # `\textit{...}`, `T\"ULU`): plain text as a scraped listing's (hflisting), which
        # shows these abstracts too. (Not the error answer above: arXiv's own words.)
        title = clean_latex(title, emphasis=False).strip()
        abstract = clean_latex(_paragraphs(_text(entry, f"{_ATOM}summary")), emphasis=False).strip()
        comment = _lines(_text(entry, f"{_ARXIV}comment"))
        links = list(abstract_links(abstract))
        for link in abstract_links(comment):
            if all(link.url != other.url for other in links):
                links.append(replace(link, found_in="comment"))
        records[asked_as] = Record(
            title=title,
            abstract=abstract,
            source=where,
            authors=_authors(_lines(_text(author, f"{_ATOM}name")) for author in entry.iter(f"{_ATOM}author")),
            year=_year(_text(entry, f"{_ATOM}published")),
            arxiv=ident,
            # (Authors may give several DOIs, apart by spaces: the first is the paper's.)
            doi=normalize_doi((_text(entry, f"{_ARXIV}doi").split() or [""])[0]),
            links=tuple(links),
        )
        if found := _withdrawal(ident, url, comment, abstract):
            withdrawn[asked_as] = found
    return Answer(records, withdrawn=withdrawn)


def _withdrawal(ident: str, url: str, comment: str, abstract: str) -> Withdrawal | None:
    """What the entry of ``ident`` at ``url`` (".../abs/2101.00001v2", its latest
    version) says of a withdrawal, None when it says none."""
    in_abstract = bool(_WITHDRAWN_ABSTRACT.match(_lines(abstract)))
    if in_abstract:  # (the abstract's notice says more than a comment "Withdrawn")
        notice = _lines(abstract)
    elif _WITHDRAWN_COMMENT.search(comment):
        notice = comment
    else:
        return None
    if len(notice) > _NOTICE_SHOWN:
        notice = notice[: _NOTICE_SHOWN - 1].rstrip() + "…"
    version = re.search(r"v(\d+)$", url)
    before = f"{ident}v{int(version.group(1)) - 1}" if version and int(version.group(1)) > 1 else ""
    return Withdrawal(notice, in_abstract, before)


def withdrawn_message(withdrawal: Withdrawal) -> str:
    """A withdrawn paper is added all the same (a list may show it, as arXiv does), by
    `add` and by `import` of a kept answer: what arXiv said, and where the paper's text
    still is."""
    before = f"https://arxiv.org/abs/{withdrawal.before}" if withdrawal.before else ""
    said = f'arXiv says the paper was withdrawn ("{withdrawal.notice}")'
    if withdrawal.in_abstract:
        rest = f", or write its abstract from the version before, {before}" if before else ", or write its abstract"
        return f"{said}, and its abstract is the notice, not the paper's; taken as arXiv has it: remove it if the list should not show it{rest}"
    rest = f" (its text is in the version before, {before})" if before else ""
    return f"{said}; taken as arXiv has it: remove it if the list should not show it{rest}"


def parse_feed(text: str, path: str, problems: Problems) -> list[Record]:
    """Every paper of an arXiv API answer in a file: `readinglist add` keeps each answer
    in content/sources/, and `readinglist import` reads it again as `add` did, offline."""
    try:
        answer = records_from_atom(text, None, path)
    except NotAnAnswer as exc:
        problems.error(Location(path, exc.line, exc.col), f"not an answer of arXiv's API: {exc}")
        return []
    if answer.error:
        problems.error(Location(path, 1, 1), f"arXiv's answer is an error: {answer.error}")
        return []
    if not answer.records:
        problems.error(Location(path, 1, 1), "arXiv's answer holds no paper")
    # (Said as `add` says it, at the paper's entry: read again, the answer warns again.)
    for ident, withdrawal in answer.withdrawn.items():
        problems.warning(answer.records[ident].source, withdrawn_message(withdrawal))
    return list(answer.records.values())


def _authors(names) -> tuple[str, ...]:
    """The names, empty ones left out; a name ending in "et al." is the name, then
    BibTeX's "others" (last), which pages show as "et al.": `check` warns of the first."""
    found: list[str] = []
    cut_short = False
    for name in names:
        bare = _ET_AL.sub("", name)
        cut_short = cut_short or bare != name
        if bare:  # (two authors may share a name)
            found.append(bare)
    return (*found, OTHERS) if cut_short and found else tuple(found)


def _year(published: str) -> str:
    """The year of ``published`` (``2021-06-17T17:37:18Z``), the first version's, in
    digits 0-9 (`ascii_digits`: a "２０２１" would be refused by check)."""
    published = ascii_digits(published)
    return published[:4] if re.match(r"[0-9]{4}-", published) else ""


def _text(element: ET.Element, tag: str) -> str:
    found = element.find(tag)
    return found.text or "" if found is not None else ""


def _lines(text: str) -> str:
    """One line: arXiv's wrapped lines joined by spaces."""
    return " ".join(text.split())


def _paragraphs(text: str) -> str:
    """Each paragraph on one line, paragraphs apart by a blank line."""
    return "\n\n".join(p for p in (_lines(part) for part in _PARAGRAPH.split(text.strip())) if p)
