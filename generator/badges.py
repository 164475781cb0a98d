"""A paper's row of link badges: its code repositories (official first, with GitHub's
star count and state), datasets and models, project page, arXiv, DOI, PDF, slides and
video, and searches where it links no code; each with the words a screen reader says.
Every href is checked to be http(s) (escape.safe_url). No I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit

from .escape import safe_url
from .links import classify, hugging_face_page, hugging_face_paper_url, quoted
from .models import CODE_HOSTS, Link, Paper
from .repositories import short_count


HOST_LABELS = {
    "github": "GitHub",
    "gitlab": "GitLab",
    "bitbucket": "Bitbucket",
    "huggingface": "Hugging Face",
    "codeberg": "Codeberg",
}
assert set(HOST_LABELS) == set(CODE_HOSTS)


@dataclass(frozen=True)
class Badge:
    """One link in a paper's badge row. ``kind`` names its CSS modifier and ``icon``."""

    kind: str  # code, data, project, paper, arxiv, doi, pdf, slides, video, search
    href: str
    label: str
    icon: str
    description: str  # the accessible name: what the link is, in words (without its note and aside)
    official: bool = False
    note: str = ""
    stars: str = ""  # GitHub's star count, short ("1.2k"), when content/repositories.yml has it
    # The whole count, for the tables' Code sort (table-filter.js): two repositories the
    # badge shows as "1.2k" may have 1,249 and 1,201 stars.
    star_count: int | None = None
    archived: bool = False  # GitHub said the repository is archived (read-only)
    gone: bool = False  # GitHub had no such repository when it was asked
    mark: str = ""  # a word after the label: what a dataset's badge names ("dataset", "model")
    # What the name says after the note, which the badge does not show ("; read-only,
    # 87 stars on 2026-11-20"): the shown words, the note among them, come first.
    aside: str = ""
    # A code badge's accessible name in the tables: the words shown, in their order
    # ("x/y, 87, archived, official (in Lua); ..."), as axe's label-in-name wants them
    # one after another; the paper page's name too (its template spells it out).
    table_name: str = ""
    # A project page that is a repository of code (on GitHub, a Space on Hugging Face):
    # no search of GitHub stands beside it (paper_badges).
    holds_code: bool = False


_SCHEME = re.compile(r"^https?://", re.IGNORECASE)

# A paper link's badge names the site it leads to, as a code link's does: "Paper" beside
# the arXiv id's badge did not say where it led, and a paper's two links (OpenReview's
# and the publisher's) were two badges alike, "Paper" and "Paper". The sites by the
# names their readers know them by (a subdomain as its site: export.arxiv.org); any
# other by its host ("proceedings.example.org").
_PAPER_SITES = {
    "openreview.net": "OpenReview", "aclanthology.org": "ACL Anthology",
    "aclweb.org": "ACL Anthology", "papers.nips.cc": "NeurIPS Proceedings",
    "papers.neurips.cc": "NeurIPS Proceedings", "proceedings.neurips.cc": "NeurIPS Proceedings",
    "neurips.cc": "NeurIPS", "icml.cc": "ICML", "iclr.cc": "ICLR",
    "proceedings.mlr.press": "PMLR", "jmlr.org": "JMLR", "dl.acm.org": "ACM Digital Library",
    "ieeexplore.ieee.org": "IEEE Xplore", "link.springer.com": "Springer",
    "openaccess.thecvf.com": "CVF Open Access", "sciencedirect.com": "ScienceDirect",
    "nature.com": "Nature", "science.org": "Science", "pnas.org": "PNAS", "ojs.aaai.org": "AAAI",
    "ijcai.org": "IJCAI", "arxiv.org": "arXiv", "doi.org": "DOI", "biorxiv.org": "bioRxiv",
    "medrxiv.org": "medRxiv", "semanticscholar.org": "Semantic Scholar", "dblp.org": "dblp",
    "paperswithcode.com": "Papers with Code", "researchgate.net": "ResearchGate",
    "huggingface.co": "Hugging Face", "hf.co": "Hugging Face", "hal.science": "HAL",
    "hal.archives-ouvertes.fr": "HAL", "escholarship.org": "eScholarship",
}


def _paper_badge(link: Link, href: str) -> Badge:
    """A paper link's badge, named by its site (`_PAPER_SITES`); Hugging Face's page of
    the paper as the badge the arXiv id gives it (paper_badges)."""
    page = hugging_face_page(href)
    if page.startswith("papers/"):
        description = f"The paper's page on Hugging Face Papers (arXiv {page.removeprefix('papers/')})"
        return Badge("paper", href, "Hugging Face Papers", "huggingface", description, note=link.note)
    host = _shown_host(href).removeprefix("www.")
    parts = host.split(".")
    domains = (".".join(parts[i:]) for i in range(len(parts) - 1))
    site = next((_PAPER_SITES[d] for d in domains if d in _PAPER_SITES), host)
    if not site:
        return Badge("paper", href, "Paper", "paper", "The paper", note=link.note)
    return Badge("paper", href, site, "paper", f"The paper on {site}", note=link.note)


def _shown_host(href: str) -> str:
    """The host a browser goes to for ``href``, as a badge may name it: its escapes
    read, without a final dot, and a name of other letters than ASCII's in its ASCII
    (IDNA) form. As written, "https://\u043epenreview.net/" (a Cyrillic o) was named
    "\u043epenreview.net", which reads as OpenReview's host, and is another's
    ("xn--penreview-z2h.net"); a full-width "\uff4f\uff50\uff45\uff4e..." or an
    escaped "%6fpenreview.net" is OpenReview's. "" for a host IDNA has no form of."""
    host = unquote(urlsplit(href).hostname or "").lower().rstrip(".")
    if host.isascii():
        return host
    try:
        return host.encode("idna").decode("ascii").lower()
    except UnicodeError:
        return ""


def code_label(link: Link) -> str:
    """What a code link is called where it is shown: its repository ("owner/name"), or
    a link that is no repository its address without the scheme: a screen reader spelt
    "h t t p s colon slash slash", and a table column broke after "https:/"."""
    return link.repo or _SCHEME.sub("", link.url).rstrip("/")


def _code_badge(link: Link) -> Badge | None:
    href = safe_url(link.url)
    if href is None:
        return None
    host = link.host if link.host in HOST_LABELS else ""
    label = code_label(link)
    where = f" on {HOST_LABELS[host]}" if host else ""  # (an unknown host is in the label)
    # The words the badge shows, in its order, then after a semicolon what it does not
    # show: a speech user says what they see, and axe's label-in-name wants the words
    # shown one after another in the name (it found "x/y 1.2k official" missing from
    # "x/y, 1.2k (1,234 stars on 2026-11-20), official"). "official" comes after
    # "archived", and the link's note after it, before the aside: both the paper page's
    # badge and a table's show them in that order ("x/y, 87, official (PyTorch); 87
    # stars on ..."). (A table's badge once showed no "official": a sighted reader could
    # not tell the authors' code from a port but by its tooltip.)
    stats = link.stats
    shown, aside = [label], []
    if stats is not None and stats.gone:
        shown.append("not found")
        aside.append(f"GitHub had no such repository on {stats.checked.isoformat()} (deleted, private or renamed)")
    elif stats is not None:
        # The count as the badge shows it ("1.2k"), and the whole figure with the day
        # GitHub was asked: a star count is a figure of that day, not of today.
        shown.append(short_count(stats.stars))
        if stats.archived:
            shown.append("archived")
            aside.append("read-only")
        aside.append(f"{stats.stars:,} star{'' if stats.stars == 1 else 's'} on {stats.checked.isoformat()}")
    note = f" ({link.note})" if link.note else ""
    official = ", official" if link.official else ""
    aside_text = f"; {', '.join(aside)}" if aside else ""
    return Badge(
        kind="code",
        href=href,
        label=label,
        icon=host or "code",
        description=f"Code{where}: {', '.join(shown)}{official}",
        aside=aside_text,
        table_name=f"Code{where}: {', '.join(shown)}{official}{note}{aside_text}",
        official=link.official,
        note=link.note,
        stars=short_count(stats.stars) if stats is not None and not stats.gone else "",
        star_count=stats.stars if stats is not None and not stats.gone else None,
        archived=stats is not None and stats.archived,
        gone=stats is not None and stats.gone,
    )


# Where a dataset or model is kept, by the host `links.classify` names.
_DATA_HOSTS = {"huggingface": "Hugging Face", "kaggle": "Kaggle"}


def _data_badge(link: Link) -> Badge | None:
    """A dataset's or model's badge: on Hugging Face or Kaggle named as a repository is
    ("lab/corpus"), elsewhere "Data"."""
    href = safe_url(link.url)
    if href is None:
        return None
    what, _, name = link.repo.partition("/")
    if what not in _DATA_WORDS.get(link.host, ()):  # (Hugging Face's models have no prefix)
        what, name = "models", link.repo
    if link.host not in _DATA_HOSTS or not name:
        return Badge("data", href, "Data", "data", "Data", note=link.note)
    # Hugging Face's own icon on its badges, as on its code badges; Kaggle's is a word
    # that no badge's size can show.
    icon = "huggingface" if link.host == "huggingface" else "data"
    word = _DATA_WORDS[link.host][what]
    # (Marked in words: its "owner/name" looks like a code badge's. The word follows the
    # name in the accessible name too, as a code badge's "official" does: "lab/corpus
    # dataset" is what a speech user sees and says.)
    return Badge(
        "data", href, name, icon, f"Data on {_DATA_HOSTS[link.host]}: {name}, {word}", note=link.note, mark=word
    )


def _project_badge(link: Link) -> Badge | None:
    """A project page's badge; one that is a repository on a code host (a survey's list
    of papers on GitHub, which its curator took for no code) names the host and the
    repository, as a code badge does: "Project page" beside "No code linked" read as a
    site of its own, and a reader found GitHub's page. So does one on Hugging Face that
    is a Space, a model, a dataset or the site's page of the paper."""
    href = safe_url(link.url)
    if href is None:
        return None
    found = classify(link.url)
    holds_code = found.kind == "code" and found.host in HOST_LABELS
    host, repo = (found.host, found.repo) if holds_code else ("huggingface", hugging_face_page(link.url))
    if not repo:  # (a site, an owner's page)
        return Badge("project", href, "Project page", "project", "Project page", note=link.note)
    label = f"Project page on {HOST_LABELS[host]}"
    return Badge("project", href, label, host, f"{label}: {repo}", note=link.note, holds_code=holds_code)


# What a repository on those hosts is, by its address's first part. (On Hugging Face a
# first part "competitions" is an owner's name.)
_DATA_WORDS = {
    "huggingface": {"datasets": "dataset", "models": "model", "spaces": "space"},
    "kaggle": {"datasets": "dataset", "models": "model", "competitions": "competition"},
}


def paper_badges(paper: Paper) -> tuple[Badge, ...]:
    badges: list[Badge] = []
    # The official repository first (as the tables' code column shows it), the others in
    # the curator's order: a port listed above it led the row of badges.
    for link in sorted(paper.code, key=lambda link: not link.official):
        badge = _code_badge(link)
        if badge:
            badges.append(badge)
    badges += filter(None, map(_data_badge, paper.links_of("data")))
    badges += filter(None, map(_project_badge, paper.links_of("project")))
    if paper.arxiv:
        href = f"https://arxiv.org/abs/{quote(paper.arxiv, safe='/.')}"
        badges.append(
            Badge("arxiv", href, f"arXiv {paper.arxiv}", "arxiv", f"arXiv {paper.arxiv} (abstract page)")
        )
    if paper.doi:
        href = f"https://doi.org/{quote(paper.doi, safe='/:;()._-')}"
        badges.append(Badge("doi", href, f"DOI {paper.doi}", "doi", f"DOI {paper.doi} (publisher's page)"))
    for link in paper.links_of("paper"):
        href = safe_url(link.url)
        if href:
            badges.append(_paper_badge(link, href))
    for link in paper.links_of("pdf"):
        href = safe_url(link.url)
        if href:
            badges.append(Badge("pdf", href, "PDF", "pdf", "PDF", note=link.note))
    for kind, label, description in (("slides", "Slides", "Slides or poster"), ("video", "Video", "Video")):
        for link in paper.links_of(kind):
            href = safe_url(link.url)
            if href:
                badges.append(Badge(kind, href, label, kind, description, note=link.note))
    title = quoted(" ".join(paper.title.split()))
    # Searches say they are searches: a reader took "Hugging Face Papers" for the
    # paper's own page there. Without a code link, GitHub is where a reader looks next:
    # its repository search reads names and descriptions only, unless told to read the
    # README too, where a paper's own code names the paper. It stands where the code
    # would, first, beside the page's "No code linked": put after the other badges, the
    # words stood beside badges they do not name (an arXiv id's, a DOI's), and on a
    # phone the search was a line or more below them.
    # (Nor where its project page is a repository on a code host, which its badge names
    # (_project_badge, holds_code): a survey's list of papers, which its curator moved
    # to `project`, stood beside "Search GitHub", a search for the repository the page
    # links; on GitLab, Codeberg, Bitbucket or a Hugging Face Space as on GitHub.)
    # (A model's, a dataset's or the paper's page on Hugging Face is no code: the search
    # stays beside it, as beside a dataset's badge.)
    if not any(b.kind == "code" or b.holds_code for b in badges):
        where = quote(" in:name,description,readme", safe="")
        badges.insert(
            0,
            Badge(
                "search",
                f"https://github.com/search?q={title}{where}&type=repositories",
                "Search GitHub",
                "search",
                "Search GitHub for repositories whose name, description or README holds the"
                " words of this title (the list links no code)",
            )
        )
    # A paper the list links no text of (no arXiv id, DOI, paper page or PDF: none of
    # the shipped list's 180) left a reader no way to the paper but Hugging Face's
    # search, which knows only the papers posted there. arXiv's search of titles finds
    # the preprint most papers have.
    if not any(b.kind in ("arxiv", "doi", "paper", "pdf") for b in badges):
        badges.append(
            Badge(
                "search",
                f"https://arxiv.org/search/?query={title}&searchtype=title",
                "Search arXiv",
                "search",
                "Search arXiv for this title (the list links no paper)",
            )
        )
    # Hugging Face's page of this paper, or its search of its papers for this title, but
    # not where the list links that page (as its project page or a paper link): the
    # search would find the page beside it. A Space, a model or a dataset there is no
    # page of the paper, and the search still leads to one.
    if any(hugging_face_page(b.href).startswith("papers/") for b in badges if b.kind in ("project", "paper")):
        return tuple(badges)
    # An arXiv id names the paper's page there: a reader who followed the search only to
    # pick the paper from its results had the page one click away. Its name says it is
    # the page, as the search's says it is a search.
    if href := hugging_face_paper_url(paper.arxiv):
        ident = href.rsplit("/", 1)[1]
        description = f"The paper's page on Hugging Face Papers (arXiv {ident})"
        badges.append(Badge("paper", href, "Hugging Face Papers", "huggingface", description))
        return tuple(badges)
    badges.append(
        Badge(
            "search",
            "https://huggingface.co/papers?q=" + title,
            "Search Hugging Face",
            "search",
            "Search Hugging Face Papers for this title",
        )
    )
    return tuple(badges)


def first_code(paper: Paper) -> Badge | None:
    links = sorted(paper.code, key=lambda link: not link.official)  # stable: official first
    for link in links:
        badge = _code_badge(link)
        if badge:
            return badge
    return None


def unshown_code(paper: Paper) -> tuple[str, ...]:
    """The names (`code_label`) of the paper's code links that a table's row, which
    shows `first_code` alone, does not show, in the paper's order: its filter reads
    them. A link no badge would have (not http(s)) is not named."""
    if len(paper.code) < 2:
        return ()
    shown = first_code(paper)
    names = dict.fromkeys(code_label(link) for link in paper.code if safe_url(link.url) is not None)
    names.pop(shown.label if shown else "", None)
    return tuple(names)
