"""Finding, cleaning and classifying URLs in scraped text and BibTeX fields.

Scraped abstracts glue URLs to the sentence around them (``.../TPL.``,
``(... https://github.com/a/b.)``, ``\\url{...}}.``). Cleaning strips what cannot be part
of the URL, keeping a closing bracket only when the URL itself opened it. A classified
link says whether it is a code repository (and which ``owner/name``), a paper, a PDF, a
dataset or model, a recorded talk, slides, or a project page; a deep link into a
repository keeps its URL and derives the repository.
"""

from __future__ import annotations

import functools
import ipaddress
import re
import string
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from urllib.parse import unquote, urlsplit

from . import lazyre
from .models import Link
from .schema import FORBIDDEN_CHARS, PATTERNS
from .wordtables import in_dictionary

# Hosts whose first two path segments name a repository.
_REPO_HOSTS = {
    "github.com": "github",
    "gitlab.com": "gitlab",
    "bitbucket.org": "bitbucket",
    "codeberg.org": "codeberg",
}
# First path segments on those hosts that are site pages, not owners.
_RESERVED_OWNERS = {
    "about", "apps", "blog", "collections", "contact", "enterprise", "explore", "features",
    "issues", "login", "marketplace", "notifications", "orgs", "pricing", "pulls", "search",
    "settings", "signup", "site", "sponsors", "topics", "trending", "users",
}
_HF_REPO_PREFIXES = ("datasets", "spaces")
# The pages inside one Hugging Face repository (its files, the dataset viewer, its
# discussions...). A name before one of these is the whole repository: Hugging Face's
# first datasets and models had no owner (``datasets/glue/viewer/cola`` is the dataset
# "glue", ``bert-base-uncased/tree/main`` the model), so the path alone cannot say
# whether a second name is the repository's or one of its pages.
_HF_REPO_PAGES = {
    "tree", "blob", "resolve", "raw", "blame", "commits", "commit", "discussions", "edit",
    "upload", "settings", "viewer", "embed", "sql-console",
}
# Repositories on forges no host above names, told by their address: code as a
# repository on GitHub is, whatever its sentence calls it, with no host or owner/name
# (the badge names the address: "team/proj" alone would not say where it leads). A
# self-hosted GitLab, Gitea or Forgejo, or a lab's git server ("gitlab.inria.fr/team/
# proj", "git.sr.ht/~user/repo"), by its host's first name and an owner and a name in
# its path; the others by host and path. A Zenodo record is not among them: one holds
# data, a paper or slides as often as code, and its address does not say which.
_FORGE_NAMES = frozenset({"gitlab", "gitea", "forgejo", "git"})
_FORGE_PATHS = {
    "sourceforge.net": r"/(?:projects|p)/[^/]+",
    "gitee.com": r"/(?!(?:explore|about|help|enterprises|search|login|signup)/)[^/]+/[^/]+",
    "git.io": r"/[^/]+",  # GitHub's short addresses, each of a github.com page
    "archive.softwareheritage.org": r"/(?:swh:1:|browse/)",  # an archive of source code only
}
_FORGES = {host: lazyre.compile(pattern, re.IGNORECASE) for host, pattern in _FORGE_PATHS.items()}
# Kaggle's pages of one dataset or model (``kaggle.com/datasets/owner/name``).
_KAGGLE_DATA = ("datasets", "models")
# Kaggle's pages of one competition (``kaggle.com/competitions/titanic``, ``/c/`` its
# short form). A competition is a benchmark with the data it is scored on (its "Data"
# page): the schema's `data` ("datasets, benchmarks and model weights"), as Kaggle's
# datasets are. Its name has no owner.
_KAGGLE_COMPETITIONS = ("competitions", "c")
# Pages of one recorded talk, by host: the path's pattern (a channel's or a user's page
# is no talk, so it stays a project page).
_VIDEO_PATHS = {
    "youtube.com": r"/(?:watch/?$|(?:live|embed|shorts|v)/[\w-]+)",  # (watch: with a v=)
    "m.youtube.com": r"/(?:watch/?$|(?:live|shorts)/[\w-]+)",
    "youtube-nocookie.com": r"/embed/[\w-]+",
    "youtu.be": r"/[\w-]+",
    "vimeo.com": r"/(?:\d+|channels/[^/]+/\d+|showcase/\d+/video/\d+)(?:/|$)",
    "player.vimeo.com": r"/video/\d+",
    "slideslive.com": r"/\d+",
    "bilibili.com": r"/video/\w+",
    "m.bilibili.com": r"/video/\w+",
    "videolectures.net": r"/[^/]+",
}
_VIDEOS = {host: lazyre.compile(pattern, re.IGNORECASE) for host, pattern in _VIDEO_PATHS.items()}
# Pages of one slide deck or poster, by host.
_SLIDE_PATHS = {
    "speakerdeck.com": r"/(?!(?:p|c|search)/)[^/]+/[^/]+",
    "slideshare.net": r"/(?:slideshow/[^/]+|(?!(?:search|features|about|category)/)[^/]+/[^/]+)",
    "docs.google.com": r"/presentation/d/[\w-]+",
}
_SLIDES = {host: lazyre.compile(pattern) for host, pattern in _SLIDE_PATHS.items()}
# Hugging Face's own pages: a first path segment that names no owner of a model.
_HF_NOT_REPOS = {
    "papers", "docs", "blog", "learn", "models", "tasks", "join", "login", "pricing", "posts",
    "collections", "settings", "chat", "organizations", "api", "course", "transformers",
    "enterprise", "hub", "search", "notifications", "new", "new-space", "new-dataset",
    "inference-endpoints", "autotrain", "support", "terms-of-service", "privacy", "jobs",
    "changelog", "welcome", "oauth", "billing", "pro", "spaces", "datasets", "mcp",
}
# Hosts that are Hugging Face's (its short address serves the same pages).
_HF_HOSTS = {"huggingface.co", "hf.co"}
# Publishers, proceedings and paper indexes: a page there is about one paper. The value
# is a pattern that a paper's page's path starts with, where the host also serves other
# pages (``nature.com/articles/...`` is a paper, ``nature.com/nature/`` a journal's home;
# ``dblp.org/rec/...`` a paper's record, ``dblp.org/pid/...`` an author's); "" means
# every page. A host's subdomains (``export.arxiv.org``) count as the host, unless the
# subdomain has an entry of its own (``api.semanticscholar.org``).
_PAPER_HOSTS: dict[str, str] = {
    "arxiv.org": "", "doi.org": "", "dx.doi.org": "", "openreview.net": "",
    "aclanthology.org": "", "aclweb.org": r"/anthology/", "anthology.aclweb.org": "",
    "papers.nips.cc": "",
    "papers.neurips.cc": "", "proceedings.neurips.cc": "", "proceedings.mlr.press": "",
    # a conference site's page of one paper (poster, oral, spotlight)
    "neurips.cc": r"/virtual/\d{4}/(?:poster|oral|spotlight)/",
    "icml.cc": r"/virtual/\d{4}/(?:poster|oral|spotlight)/",
    "iclr.cc": r"/virtual/\d{4}/(?:poster|oral|spotlight)/",
    "jmlr.org": r"/papers/", "dl.acm.org": r"/(?:doi/|citation\.cfm)", "ieeexplore.ieee.org": "",
    "link.springer.com": "", "openaccess.thecvf.com": "", "cv-foundation.org": r"/openaccess/",
    "sciencedirect.com": r"/science/article/", "nature.com": r"/articles/",
    "science.org": r"/doi/", "pnas.org": r"/doi/", "ojs.aaai.org": "",
    "ijcai.org": r"/proceedings/", "ecva.net": r"/papers/", "direct.mit.edu": "",
    "onlinelibrary.wiley.com": r"/doi/", "biorxiv.org": r"/content/",
    "medrxiv.org": r"/content/", "papers.ssrn.com": "", "ssrn.com": r"/abstract=",
    "pubmed.ncbi.nlm.nih.gov": "", "ncbi.nlm.nih.gov": r"/(?:pmc/articles|pubmed)/",
    "pmc.ncbi.nlm.nih.gov": r"/articles/", "europepmc.org": r"/(?:article|abstract)/",
    "jstor.org": r"/stable/", "tandfonline.com": r"/doi/", "academic.oup.com": r"/[^/]+/article",
    "journals.plos.org": r"/[^/]+/article", "frontiersin.org": r"/articles?/",
    "elifesciences.org": r"/articles/", "cell.com": r"/.+/(?:fulltext|abstract)/",
    "jair.org": r"/index\.php/jair/article/",
    "usenix.org": r"/conference/[^/]+/(?:[^/]+/)?presentation/",
    # open-access and society publishers: an article's page (MDPI's ISSN/volume/issue/article)
    "mdpi.com": r"/\d{4}-\d{3}[\dX]/\d+/\d+/\d+", "hindawi.com": r"/journals/[^/]+/\d{4}/\d+",
    "iopscience.iop.org": r"/article/", "journals.sagepub.com": r"/doi/", "pubs.acs.org": r"/doi/",
    "pubs.rsc.org": r"/[^/]+/content/articl", "biomedcentral.com": r"/articles/",
    "peerj.com": r"/articles/", "cambridge.org": r"/core/journals/[^/]+/article/",
    "degruyter.com": r"/document/doi/", "journals.aps.org": r"/[^/]+/abstract/",
    "pubs.aip.org": r"/[^/]+/[^/]+/article/", "annualreviews.org": r"/doi/",
    "worldscientific.com": r"/doi/", "royalsocietypublishing.org": r"/doi/",
    "ebooks.iospress.nl": r"/(?:doi|volumearticle)/", "computer.org": r"/csdl/(?:proceedings-article|journal)/",
    "isca-archive.org": r"/[^/]+_\d{4}/[^/]+\.html", "proceedings.mlsys.org": r"/paper",
    # paper indexes: Semantic Scholar (``api.`` serves ``/CorpusID:8442873`` as a paper's
    # address), OpenAlex's works (W...), DBLP's records, Papers with Code, ResearchGate
    "semanticscholar.org": r"/(?:paper|arxiv|reader)/",
    "api.semanticscholar.org": r"/CorpusID:\d+",
    "openalex.org": r"/(?:works/)?W\d+(?:/|$)", "dblp.org": r"/rec/",
    "dblp.uni-trier.de": r"/rec/", "paperswithcode.com": r"/paper/",
    "researchgate.net": r"/publication/",
    # INSPIRE, high-energy physics' index: a literature record is one paper's page (its
    # API's too, and the old site's Invenio record); its authors, jobs and conferences
    # pages are not
    "inspirehep.net": r"/(?:(?:api/)?literature|record)/\d+/?$",
    # the record pages Scopus' and Web of Science's exports give each paper as its URL
    "scopus.com": r"/(?:inward/record\.uri|record/display\.uri)",
    "webofscience.com": r"/wos/[^/]+/full-record/",
    # university repositories' persistent ids and open archives: a handle (prefix/suffix)
    # names one work as a DOI does; HAL's ids (hal-, tel- for a thesis, inria-...); an
    # eScholarship item
    "hdl.handle.net": r"/\d+(?:\.\d+)*/[^/]", "hal.science": r"/[a-z]+-\d{8}(?:v\d+)?/?$",
    "hal.archives-ouvertes.fr": r"/[a-z]+-\d{8}(?:v\d+)?/?$", "escholarship.org": r"/uc/item/",
}
_PAPER_PATHS = {host: lazyre.compile(pattern, re.IGNORECASE) for host, pattern in _PAPER_HOSTS.items()}
# Indexes of papers, and their APIs: a page there is about a paper and is not where it
# was published, so a citation names the publisher's, the venue's or arXiv's page first.
_INDEX_HOSTS = {
    "semanticscholar.org", "dblp.org", "dblp.uni-trier.de", "openalex.org", "paperswithcode.com",
    "researchgate.net", "pubmed.ncbi.nlm.nih.gov", "scopus.com", "webofscience.com", "inspirehep.net",
}
# (Google Scholar answers under each country's domain: scholar.google.de, .co.uk, ...)
_SCHOLAR = lazyre.compile(r"(?:^|\.)scholar\.google\.[a-z.]+$")
# Paths on paper hosts that serve the PDF itself although they do not end in ``.pdf``.
_PDF_PREFIXES = {"arxiv.org": ("pdf",), "openreview.net": ("pdf",), "dl.acm.org": ("doi", "pdf")}
# Paper hosts whose article's PDF is its page's address with this last segment
# (``mdpi.com/1424-8220/21/3/1234/pdf``).
_PDF_LAST = {"mdpi.com": "pdf", "hal.science": "document", "hal.archives-ouvertes.fr": "document"}
# The page of one work in a university's repository, on whatever host the university
# runs it (hunt9: a thesis's url to one was filed as a project page): DSpace's item by
# its handle (``/handle/1842/12345``, under ``/xmlui/`` or ``/jspui/`` in older ones) or
# its id (``/items/<uuid>``), EPrints' record (``/id/eprint/N``; ``/N/`` on an eprints.
# host), Invenio's (``/record/N``: CERN's, EPFL's). CERN Document Server's records
# (cds.cern.ch) are a paper's here too: its records are CERN's papers, preprints, notes,
# reports and theses, and a paper's link to it is to its document (its photos and
# videos, which it holds as well, are seldom what a paper's file links). (Zenodo runs
# Invenio too, but a record there is a dataset or software as often as a paper, on
# zenodo.org and on its test instance, sandbox.zenodo.org, alike: a project page.)
_REPOSITORY_ITEM = lazyre.compile(
    r"^/(?:(?:xmlui|jspui)/)?(?:handle/\d+(?:\.\d+)*/\d+|items/[0-9a-f]{8}-[0-9a-f-]{27}"
    r"|id/eprint/\d+|record/\d+)/?$",
    re.IGNORECASE,
)
_EPRINTS_ITEM = lazyre.compile(r"^/\d+/?$")

# A URL starts with a scheme or ``www.``, or is a bare code-host path (``github.com/a/b``);
# it runs to the next character that can never be part of one in running text. Invisible
# characters (zero-width spaces and joiners, bidirectional controls, the BOM) end it too:
# scraped text carries them, and a link holding one is refused by `readinglist check`.
_URL_RE = lazyre.compile(
    r"(?:https?://|www\.|(?<![\w./@-])(?:github\.com|gitlab\.com|huggingface\.co|"
    r"bitbucket\.org|codeberg\.org)/)"
    r"[^\s<>\"`“”‘’\\\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]+",
    re.IGNORECASE,
)
_URL_MARKERS = ("http", "www.", "github.com", "gitlab.com", "huggingface.co", "bitbucket.org",
                "codeberg.org")
# Characters that end a sentence or a clause rather than a URL.
_TRAILING = ".,;:!?'\"*"
_CLOSERS = {")": "(", "]": "[", "}": "{", ">": "<"}
_GIT_SUFFIX = lazyre.compile(r"\.git$", re.IGNORECASE)

_ARXIV_NEW = lazyre.compile(r"^(\d{4}\.\d{4,5})(?:v\d+)?$")
# (A subject class such as ".GT", ".stat-mech" or ".acc-ph", in any case: no archive
# name holds a dot, so all from the first dot to the slash is the subject class.)
_ARXIV_OLD = lazyre.compile(r"^([a-z-]+(?:\.[A-Za-z-]+)?/\d{7})(?:v\d+)?$")


@dataclass(frozen=True)
class Kind:
    """How a URL is classified: a LINK_KINDS entry, and for code (and a dataset or model
    on Hugging Face or Kaggle), its host and repo."""

    kind: str
    host: str = ""
    repo: str = ""


def clean_url(url: str) -> str:
    """Strip wrappers and punctuation glued to a URL; returns "" if nothing is left.

    Idempotent, and the result never ends in stray punctuation.
    """
    url = url.strip()
    if not url:
        # (What the steps below make of it: each BibTeX entry asks of some 4 empty
        # fields, 40,000 calls in a 10,000-entry import.)
        return ""
    if url.lower().startswith("\\url{"):
        url = url[5:]
    while True:
        before = url
        url = url.rstrip()
        url = url[: len(url) - len(glued_punctuation(url))]
        if _is_repo_url(url):
            url = _GIT_SUFFIX.sub("", url)
        if url == before:
            break
    if url.lower().startswith("www.") or re.match(r"(?i)[a-z0-9.-]+\.[a-z]+/", url):
        if "://" not in url:
            url = "https://" + url
    return url if _has_host(url) and not unreachable_host(url) else ""


def glued_punctuation(url: str) -> str:
    """The punctuation at the end of ``url`` that is the text's around it, not the
    address's: a sentence's full stop or comma, a quote, a bracket it does not open
    ("(see https://github.com/a/b)")."""
    end = len(url)
    while True:
        before = end
        while end and url[end - 1] in _TRAILING:
            end -= 1
        last = url[end - 1 : end]
        if last in _CLOSERS and url.count(last, 0, end) > url.count(_CLOSERS[last], 0, end):
            end -= 1
        if end == before:
            return url[end:]


def glued_ending(url: str) -> str:
    """The end of ``url`` that `check` warns belongs to the text it was copied from:
    its `glued_punctuation`, but for a quote that closes one the address opens
    ("#sec-"3"" is kept whole, as a bracket is); "" for none, or for all of it."""
    glued = glued_punctuation(url)
    while glued and glued[0] in "'\"" and url.count(glued[0], 0, len(url) - len(glued) + 1) % 2 == 0:
        glued = glued[1:]
    return glued if glued != url else ""


def _has_host(url: str) -> bool:
    """Whether ``url`` is an http(s) address with a host that `check` accepts as it is
    (the schema's pattern: no space or invisible character in it), so that an import
    never writes a link the next check refuses."""
    if not _URL.fullmatch(url):
        return False
    try:
        parts = urlsplit(url)  # (raises for an IPv6 host left open)
        _ = parts.port  # (and for a port that is none)
    except ValueError:
        return False
    return parts.scheme in ("http", "https")


# Names that only a local network resolves (RFC 6762's .local, RFC 8375's .home.arpa,
# ICANN's .internal); localhost and its subdomains are the computer itself (RFC 6761).
_LOCAL_SUFFIXES = (".local", ".internal", ".home.arpa")


def unreachable_host(url: str) -> str:
    """Why a reader of the published site cannot open ``url`` ("" when one can): its
    host is the reader's own computer, or an address or name only a private network
    knows. `check` warns of such a link and an import leaves it out, for one reason
    said alike. A public IPv6 address (``http://[2606:4700::1111]/``) is a host."""
    try:
        written = urlsplit(url).hostname or ""  # (lower case, no brackets)
    except ValueError:
        return ""  # (no address at all: the caller refuses it for that)
    host = written.rstrip(".")
    if not written:
        return ""  # (no host: 'http://:8000/x', no address a page can link to, said so)
    if not host:
        return f"its host, {written}, is no name"
    if host == "localhost" or host.endswith(".localhost"):
        return f"its host, {host}, names the reader's own computer"
    if re.fullmatch(r"[0-9.]+|[0-9a-f:.]*:[0-9a-f:.]*", host):
        try:
            address = ipaddress.ip_address(host)
        except ValueError:
            address = None
        if address is not None and address.is_loopback:
            return f"its host, {host}, names the reader's own computer"
        if address is not None and not address.is_global:
            return f"its host, {host}, is an address of a private network (or one reserved)"
        if address is not None:
            return ""
    if "." not in host:
        return f"its host, {host}, is a name without a dot, known only inside a local network"
    if host.endswith(_LOCAL_SUFFIXES):
        return f"its host, {host}, is a name known only inside a local network"
    return ""


def unreachable_warning(url: str) -> str:
    """What `check` says of ``url``, an http(s) address a curator linked, when no reader
    of the published site can open it (unreachable_host); "" when one can. The one
    wording for a paper's links and the hand-written pages' (a warning: a list published
    on an intranet may mean it)."""
    why = unreachable_host(url)
    return f"{why}, so no reader of the site can open it; give its address on the web, or remove the link" if why else ""


def host_warning(url: str) -> str:
    """What `check` says of the host of ``url``, an http(s) address a curator linked: that
    no reader can open it (unreachable_warning), that it is a service's test instance
    (sandbox_warning), or that it is a known host misspelt (misspelt_host); "" when none."""
    return unreachable_warning(url) or sandbox_warning(url) or misspelt_host(url)


_ZENODO = "zenodo.org"
# Services' test instances, whose records are made to try an upload and may be wiped at
# any time (Zenodo says so of its sandbox): the host, and where the real records are.
_TEST_INSTANCES = {"sandbox.zenodo.org": _ZENODO}


def sandbox_warning(url: str) -> str:
    """What `check` says of ``url`` when its host is a test instance of a service
    (`_TEST_INSTANCES`): a record there is no lasting one, and a reader may find it gone;
    "" otherwise. A warning: the page opens today."""
    try:
        host = (urlsplit(url).hostname or "").rstrip(".")
    except ValueError:
        return ""
    real = _TEST_INSTANCES.get(host.removeprefix("www."))
    if real is None:
        return ""
    return (
        f"its host, {host}, is {real}'s test instance, whose records are for trying an upload"
        f" and may be deleted at any time: link the record published on {real}"
    )


# Hosts that serve every page over https, and send an http:// address on to it (a
# subdomain of one too: export.arxiv.org, a user's pages on github.io).
_HTTPS_HOSTS = frozenset({
    "github.com", "github.io", "gitlab.com", "bitbucket.org", "codeberg.org", "huggingface.co",
    "hf.co", "arxiv.org", "doi.org", "openreview.net", "aclanthology.org", "proceedings.mlr.press",
    "proceedings.neurips.cc", "papers.nips.cc", "zenodo.org", "kaggle.com", "youtube.com", "youtu.be",
    # Where papers are published and indexed (the journals', proceedings' and publishers'
    # own hosts, not a whole institution's domain: ieee.org's or a university's older
    # sites may not serve https).
    "jmlr.org", "openaccess.thecvf.com", "ecva.net", "www.aclweb.org", "ojs.aaai.org", "ijcai.org",
    "dl.acm.org", "ieeexplore.ieee.org", "link.springer.com", "sciencedirect.com", "nature.com",
    "science.org", "biorxiv.org", "medrxiv.org", "ncbi.nlm.nih.gov", "semanticscholar.org",
    "paperswithcode.com",
})


# The known hosts compared for a typo, without "www." (www.aclweb.org), in a fixed order:
# those this many letters or more long; shorter ones (hf.co, doi.org) are a letter from
# many a real host.
_TYPO_MIN_LENGTH = 9
_TYPO_HOSTS = tuple(sorted(
    {h.removeprefix("www.") for h in _HTTPS_HOSTS if len(h.removeprefix("www.")) >= _TYPO_MIN_LENGTH}
))


def https_form(url: str) -> str:
    """``url`` written https:// where it is written http:// to a host that serves https
    (_HTTPS_HOSTS), the rest as typed; "" otherwise. A browser calls the http page not
    secure, and the host sends it on anyway."""
    if url[:7].lower() != "http://":
        return ""
    try:
        host = (urlsplit(url).hostname or "").rstrip(".")
    except ValueError:
        return ""
    parts = host.split(".")
    if any(".".join(parts[at:]) in _HTTPS_HOSTS for at in range(len(parts) - 1)):
        return "https" + url[4:]
    return ""


def misspelt_host(url: str) -> str:
    """What `check` says of ``url`` when its host is one letter (left out, added, changed,
    or two swapped) from a known host's (_HTTPS_HOSTS, or a subdomain of one), and is not
    one of them: "githb.com" for "github.com"; "" otherwise. A warning: such a host may
    be a real one, but a list's links go to a few well-known ones, and a typo there sent
    readers to a page of no use, or of a squatter's, without a word from `check`."""
    try:
        host = (urlsplit(url).hostname or "").rstrip(".")
    except ValueError:
        return ""
    meant = _host_meant(host)
    if not meant:
        return ""
    lowered = url.lower()  # (urlsplit wrote the host in lower case)
    at = lowered.find(host)
    if at < 0 or len(lowered) != len(url):
        # (a tab or line break urlsplit dropped from the host, or a letter that is two in
        # lower case, İ: no place in ``url`` to write the host meant at)
        return ""
    return (
        f"its host, {host}, is one letter from {meant}: if that is the host meant,"
        f" write {url[:at]}{meant}{url[at + len(host):]}"
    )


@functools.lru_cache(maxsize=4096)  # (a list links a few hosts, many times each)
def _host_meant(host: str) -> str:
    """The known host ``host`` is a typo of, its subdomains and "www." kept; "" when it
    is known, or a letter from none."""
    parts = host.split(".")
    if len(parts) < 2 or any(".".join(parts[at:]) in _HTTPS_HOSTS for at in range(len(parts) - 1)):
        return ""
    from rapidfuzz.distance import OSA  # (late: only a host no known one matches gets here)

    for known in _TYPO_HOSTS:
        size = known.count(".") + 1
        tail = ".".join(parts[-size:])
        if len(parts) >= size and OSA.distance(tail, known, score_cutoff=1) == 1 and _typo_in_long_label(tail, known):
            return ".".join(parts[:-size] + [known])
    return ""


# A name this many letters or fewer ("ijcai", "arxiv") is too near other real names
# to take a letter's difference for a slip: ijcar.org, iccai.org and icai.org are other
# conferences' and institutes' sites, ar5iv.org arXiv's own HTML pages. No curator could
# silence the warning of such a real host, so a slip there is left unsaid.
_TYPO_SHORT_LABEL = 5


def _typo_in_long_label(typed: str, known: str) -> bool:
    """Whether the one letter ``typed`` differs by from ``known`` makes a host no one
    registers, which only a slip of the keys writes, rather than a real host of its own
    (no curator could silence the warning of one):

    - in its ending, one that is no top-level domain (arxiv.og, github.cmo); youtube.co,
      github.co and huggingface.com end in real ones (Colombia's, and .com), and are
      real hosts, most their own owners' (they send a reader on to the one known);
    - in a name longer than _TYPO_SHORT_LABEL (githb.com, bioarxiv.org), one that is no
      English word: sciences.org and natures.com are named as they are meant. (Not in a
      short name: ar5iv.org, above.) Only the name an owner registers, the one before
      the ending: a subdomain's (proceedings.mlr.press's, papers.nips.cc's) is the known
      site's own, and one a letter from it, a word or not (proceeding.mlr.press,
      paper.nips.cc), is a slip, as it was before real words were let through.

    A dot added or left out is taken for a slip: no real host is a known one's name
    split or joined."""
    typed_labels, known_labels = typed.split("."), known.split(".")
    if len(typed_labels) != len(known_labels):
        return True
    differ = [at for at, (a, b) in enumerate(zip(typed_labels, known_labels)) if a != b]
    if differ == [len(known_labels) - 1]:
        return typed_labels[-1].upper() not in _top_level_domains()
    registered = len(known_labels) - 2  # (every known host's name is the label before its ending)
    return any(
        len(known_labels[at]) > _TYPO_SHORT_LABEL and not (at == registered and _a_word(typed_labels[at]))
        for at in differ
    )


@functools.cache
def _top_level_domains() -> frozenset[str]:
    """IANA's top-level domains, in capitals, as linkify-it (which finds the bare
    addresses of curator notes) keeps them."""
    from linkify_it.tlds import TLDS

    return frozenset(TLDS)


def is_top_level_domain(label: str) -> bool:
    """Whether ``label`` is a top-level domain ("org", "io", "bd"; not "old", "bak"), of
    IANA's list as linkify-it keeps it: a dependency already, so no list of our own to
    keep up to date."""
    return label.upper() in _top_level_domains()


def _a_word(label: str) -> bool:
    """Whether a host's name is an English word, or a form of one ("sciences"), as
    lemminflect's dictionary lists it: the shipped table of its words, read in some
    13 ms, not lemminflect (0.3 s of CPU, numpy with it, which `check` loads for nothing
    else). Not lemmas.known_word: the forms its rules make of words it does not list
    take slips for words ("naturej", "sciencej", "codexerg", "springser")."""
    return label.isalpha() and in_dictionary(label)


_URL = lazyre.compile(PATTERNS["url"])
_DOI = lazyre.compile(PATTERNS["doi"])
# Characters pasted along with a DOI that no DOI holds: controls, zero-width and format
# characters, the soft hyphen, Unicode's spaces; not the ASCII space, which would be
# part of what it means.
_NOT_IN_DOI = lazyre.compile(
    f"[{FORBIDDEN_CHARS}\\t\\n\\u00a0\\u00ad\\u2000-\\u200f\\u202f\\u205f\\u2060-\\u2064\\u3000]"
)
_ARXIV = lazyre.compile(PATTERNS["arxiv"])


# Each UTF-8 byte as urllib.parse.quote(text, safe="") writes it: itself where it is an
# unreserved character (RFC 3986), else %XX. (COinS spans and the GitHub search of a
# paper's title were written with quote; its loop over each byte in Python cost a clean
# generate of 10,000 papers 0.2 s, a table read by str.translate a third of that.)
_UNRESERVED = frozenset(string.ascii_letters + string.digits + "_.-~")
_QUOTED = tuple(chr(byte) if chr(byte) in _UNRESERVED else f"%{byte:02X}" for byte in range(256))


def quoted(text: str) -> str:
    """``text`` percent-encoded as quote(text, safe="") encodes it."""
    # (Each byte as the character of that number, which the table maps.)
    return text.encode("utf-8").decode("latin-1").translate(_QUOTED)


def _host_and_path(url: str) -> tuple[str, list[str]]:
    parts = urlsplit(url)
    host = parts.netloc.lower().rsplit("@", 1)[-1].split(":", 1)[0]
    if host.startswith("www."):
        host = host[4:]
    return host, [segment for segment in parts.path.split("/") if segment]


def _is_repo_url(url: str) -> bool:
    """True for a repository's own URL (``github.com/a/b``), not a deep link into it."""
    if "://" not in url:
        url = "https://" + url
    try:
        host, segments = _host_and_path(url)
    except ValueError:
        return False
    if host not in _REPO_HOSTS:
        return False
    repo = _repo_path(host, segments)
    return bool(repo) and repo.count("/") + 1 == len(segments)


def find_url_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each URL in ``text``, with glued punctuation left outside."""
    if not text:
        return []  # (most fields an importer looks in: 100,000 at 10,000 BibTeX entries)
    lowered = text.lower()
    if not any(marker in lowered for marker in _URL_MARKERS):
        return []  # most abstracts hold no URL; the full pattern is slow to rule that out
    search = _search_from_markers(text, lowered) if text.isascii() else partial(_URL_RE.search, text)
    spans = []
    at = 0
    while match := search(at):
        raw = _before_unopened_brace(match.group(0))
        # A Markdown link's text that is an address, "[github.com/a/b](https://github.com/a/b)"
        # (as an abstract may write it), ends at "](": the address in brackets is another.
        raw, bracket, _ = raw.partition("](")
        at = match.start() + len(raw) + len(bracket) if bracket else match.end()
        kept = _strip_trailing(raw)
        if kept:
            spans.append((match.start(), match.start() + len(kept)))
    return spans


def _search_from_markers(text: str, lowered: str) -> Callable[[int], re.Match[str] | None]:
    """``_URL_RE.search(text, at)`` for an ASCII ``text`` (``lowered``, its lower case).

    The pattern tries to match at each position of the text (its case-blind alternatives,
    one behind a lookbehind, give the regex engine no first character to skip to), which
    cost a clean generate of 10,000 papers 0.13 s for the abstracts naming an address. A
    URL starts where a marker does, and str.find finds those at once. (Only in ASCII: in
    other text lower() may change the length, "İ", and the pattern reads a few letters
    as ASCII ones, "ſ" as "s".)"""
    found = {marker: lowered.find(marker) for marker in _URL_MARKERS}

    def search(at: int) -> re.Match[str] | None:
        while True:
            for marker, start in found.items():
                if 0 <= start < at:
                    found[marker] = lowered.find(marker, at)
            starts = [start for start in found.values() if start >= 0]
            if not starts:
                return None
            if match := _URL_RE.match(text, min(starts)):
                return match
            at = min(starts) + 1

    return search


def _before_unopened_brace(raw: str) -> str:
    """``raw`` up to a closing brace it did not open: a URL in TeX ends there
    (``\\href{https://github.com/a/b}{code}``, ``{see https://x.org}``), while one
    holding a braced part of its own (``https://x.org/{id}``) keeps it."""
    depth = 0
    for at, char in enumerate(raw):
        if char == "{":
            depth += 1
        elif char == "}":
            if not depth:
                return raw[:at]
            depth -= 1
    return raw


def _strip_trailing(raw: str) -> str:
    url = raw
    while True:
        before = url
        while url and url[-1] in _TRAILING:
            url = url[:-1]
        if url and url[-1] in _CLOSERS and url.count(url[-1]) > url.count(_CLOSERS[url[-1]]):
            url = url[:-1]
        if url == before:
            return url


def classify(url: str) -> Kind:
    """Say what ``url`` points at: a code repository, a paper, a PDF, a dataset or model,
    a recorded talk, slides or (anything else) a project page."""
    try:
        host, segments = _host_and_path(url)
        path = urlsplit(url).path
    except ValueError:
        return Kind("project")
    if host in _REPO_HOSTS:
        repo = _repo_path(host, segments)
        if repo:
            return Kind("code", _REPO_HOSTS[host], repo)
        return Kind("project")
    if host in _HF_HOSTS:
        # (Its page of a paper, "papers/<arXiv id>"; its lists of papers, "papers/trending",
        # are a site's pages as any other, and _hf_repo names no repository there.)
        if hugging_face_page(url).startswith("papers/"):
            return Kind("paper")
        repo = _hf_repo(segments)
        if not repo:
            return Kind("project")
        # A Space is an application with its code; a model's weights and a dataset are
        # what the paper released, not code (they made "share with code" too high).
        return Kind("code" if repo.startswith("spaces/") else "data", "huggingface", repo)
    if _on_a_forge(host, segments, path):
        return Kind("code")
    if host == "kaggle.com" and (repo := _kaggle_repo(segments)):
        return Kind("data", "kaggle", repo)
    if host in _VIDEOS and _VIDEOS[host].match(path) and (
        not path.lower().rstrip("/").endswith("/watch") or "v=" in urlsplit(url).query
    ):
        return Kind("video")
    if host in _SLIDES and _SLIDES[host].match(path):
        return Kind("slides")
    if segments and segments[-1].lower().endswith(".pdf"):
        return Kind("pdf")
    paper_host = _paper_host(host)
    if paper_host is not None:
        pdf_prefix = _PDF_PREFIXES.get(paper_host)
        if pdf_prefix and tuple(segments[: len(pdf_prefix)]) == pdf_prefix:
            return Kind("pdf")
        if segments and _PDF_LAST.get(paper_host) == segments[-1].lower():
            return Kind("pdf")
        # (A site's home page is about no paper: "https://openreview.net", "https://arxiv.org/".)
        if _PAPER_PATHS[paper_host].match(path) and path.strip("/"):
            return Kind("paper")
    elif host != _ZENODO and not host.endswith("." + _ZENODO) and (
        _REPOSITORY_ITEM.match(path) or (host.startswith("eprints.") and _EPRINTS_ITEM.match(path))
    ):
        return Kind("paper")
    return Kind("project")


def hugging_face_page(url: str) -> str:
    """What ``url`` is on Hugging Face where it is a Space, a model, a dataset or the
    site's page of a paper ("spaces/lab/demo", "lab/model", "datasets/lab/corpus",
    "papers/2101.00010"); "" for any other address (an owner's page, the blog, the
    site's lists of papers)."""
    try:
        host, segments = _host_and_path(url)
    except ValueError:
        return ""
    if host not in _HF_HOSTS:
        return ""
    if segments and segments[0] == "papers":
        # (Only an arXiv id names a paper there: "papers/trending", "papers/date/2024-01-01"
        # are lists of papers, a site's page as any other.)
        paper = segments[1] if len(segments) >= 2 else ""
        return f"papers/{paper}" if _ARXIV_NEW.match(paper) and normalize_arxiv(paper) else ""
    return _hf_repo(segments)


def hugging_face_paper_url(arxiv: str) -> str:
    """Hugging Face Papers' page of the paper of arXiv id ``arxiv``, without its version
    (the page is the paper's, of every version: "2310.06825v2" is
    "https://huggingface.co/papers/2310.06825"); "" for no id or an old-style one, which
    names no page there (as hugging_face_page reads that site's addresses)."""
    ident = normalize_arxiv(arxiv)
    # (A new-style id is digits and a dot: nothing in it to escape.)
    return f"https://huggingface.co/papers/{ident}" if _ARXIV_NEW.match(ident) else ""


def indexes_paper(url: str) -> bool:
    """Whether ``url`` is on an index of papers or its API (Semantic Scholar, DBLP,
    Google Scholar...) rather than where the paper was published."""
    try:
        host, _ = _host_and_path(url)
    except ValueError:
        return False
    parts = host.split(".")
    return bool(_SCHOLAR.search(host)) or any(
        ".".join(parts[i:]) in _INDEX_HOSTS for i in range(len(parts) - 1)
    )


# ACL Anthology's addresses on aclweb.org, which redirect to aclanthology.org: the
# anthology's path after ``/anthology/`` (or the whole path on anthology.aclweb.org), in
# the oldest form with the id's letter and volume before it (``P/P16/P16-1162.pdf``).
# (In any case: the importer compares its keys in lower case.)
_ACL_OLD_PATH = lazyre.compile(r"^([A-Z])/(\1\d\d)/(?=\2)", re.IGNORECASE)


def same_page(url: str) -> str:
    """``url`` as it is compared with other links: the address it redirects to where two
    spellings of one page are known (aclweb.org/anthology/P16-1162 is
    aclanthology.org/P16-1162/), without a trailing slash there; any other URL as it is.
    A key for comparing only: a link keeps its address as written."""
    try:
        host, _ = _host_and_path(url)
        parts = urlsplit(url)
    except ValueError:
        return url
    path = parts.path
    if host == "aclweb.org" and path.lower().startswith("/anthology/"):
        path = path[len("/anthology"):]
    elif host != "anthology.aclweb.org" and host != "aclanthology.org":
        return url
    path = "/" + _ACL_OLD_PATH.sub("", path.lstrip("/")).rstrip("/")
    return f"https://aclanthology.org{path}" + (f"?{parts.query}" if parts.query else "")


def _paper_host(host: str) -> str | None:
    """The `_PAPER_HOSTS` entry ``host`` is, or is a subdomain of; None if neither."""
    parts = host.split(".")
    for i in range(len(parts) - 1):
        candidate = ".".join(parts[i:])
        if candidate in _PAPER_HOSTS:
            return candidate
    return None


def _repo_path(host: str, segments: list[str]) -> str:
    if len(segments) < 2 or segments[0].lower() in _RESERVED_OWNERS:
        return ""
    if host == "gitlab.com":
        # GitLab nests groups; ``/-/`` starts the part of a deep link inside the project.
        owned = segments[: segments.index("-")] if "-" in segments else segments
        return "/".join(owned[:-1] + [_GIT_SUFFIX.sub("", owned[-1])])
    return f"{segments[0]}/{_GIT_SUFFIX.sub('', segments[1])}"


def _hf_repo(segments: list[str]) -> str:
    if segments and segments[0] in _HF_REPO_PREFIXES:
        kind, names = segments[0], segments[1:]
        # A dataset's address without an owner is a legacy dataset's ("datasets/squad");
        # a Space always had one.
        if kind == "datasets" and names and (len(names) == 1 or names[1] in _HF_REPO_PAGES):
            return f"{kind}/{names[0]}"
        return "/".join(segments[:3]) if len(names) >= 2 else ""
    if len(segments) >= 2 and segments[0] not in _HF_NOT_REPOS:
        if segments[1] in _HF_REPO_PAGES:
            return segments[0]
        return "/".join(segments[:2])
    # One name alone ("huggingface.co/bert-base-uncased") is a legacy model's address and
    # an owner's page's ("huggingface.co/google") alike: a project page, as it was.
    return ""


def _on_a_forge(host: str, segments: list[str], path: str) -> bool:
    """Whether the address is a repository on a forge `_REPO_HOSTS` does not name."""
    if host in _FORGES:
        return bool(_FORGES[host].match(path))
    # (Not a look-alike of a known host, "gitlab.com.evil.example": its badge, which
    # names the address, would read as GitLab's.)
    if not host.isascii() or any(host.startswith(known + ".") for known in (*_REPO_HOSTS, *_HF_HOSTS)):
        return False
    return (
        host.split(".", 1)[0] in _FORGE_NAMES and "." in host and len(segments) >= 2
        and segments[0].lower() not in _RESERVED_OWNERS and segments[0] not in ("-", "help")
    )


def _kaggle_repo(segments: list[str]) -> str:
    if len(segments) >= 3 and segments[0] in _KAGGLE_DATA:
        return "/".join(segments[:3])
    if len(segments) >= 2 and segments[0] in _KAGGLE_COMPETITIONS:
        return f"competitions/{segments[1]}"  # (one name for both spellings)
    return ""


def mimics_code_host(url: str) -> bool:
    """Whether the URL's host is not plain ASCII or names a code host it is not
    (github.com.evil.example, a Cyrillic "gіthub.com", evilgithub.com): such a link is
    never made a code link, whose badge a reader would take for the real host's."""
    host = (urlsplit(url).hostname or "").lower()
    if not host.isascii():
        return True
    # A site on GitHub's or GitLab's Pages is the host's own (libero-project.github.io):
    # only the name its owner chose can mimic one.
    host = _PAGES.sub("", host)
    names = {name for name in _REPO_HOSTS.values()} | {"huggingface"}
    return any(name in host for name in names) and classify(url).kind not in ("code", "data")


_PAGES = lazyre.compile(r"\.(?:github|gitlab)\.io$")


def make_link(url: str, found_in: str, official: bool = False, note: str = "") -> Link:
    # (As `check` asks: an import writes no link it warns of. A Markdown list's link
    # "(https://arxiv.org/pdf/2506.10355?)" was written with its '?'.)
    url = url.removesuffix(glued_ending(url))
    url = https_form(url) or url
    kind = classify(url)
    return Link(url, kind.kind, found_in, note, official, kind.host, kind.repo)


def arxiv_id(url: str) -> str:
    """The arXiv identifier in an arxiv.org abs, pdf or html URL, without its version; else ""."""
    try:
        host, segments = _host_and_path(url)
    except ValueError:
        return ""
    if _paper_host(host) != "arxiv.org" or len(segments) < 2 or segments[0] not in ("abs", "pdf", "html"):
        return ""
    ident = "/".join(segments[1:])
    if ident.lower().endswith(".pdf"):
        ident = ident[:-4]
    return normalize_arxiv(ident)


def normalize_arxiv(text: str) -> str:
    """An arXiv id as written in BibTeX (``arXiv:2101.00010v2``) without prefix or version."""
    text = text.strip()
    if text.lower().startswith("arxiv:"):
        text = text[6:].strip()
    match = _ARXIV_NEW.match(text) or _ARXIV_OLD.match(text)
    # (Only an id `check` accepts: "2513.00001" has no month 13.)
    return without_subject_class(match.group(1)) if match and _ARXIV.fullmatch(match.group(1)) else ""


def arxiv_mistake(text: str) -> tuple[str, str]:
    """(What is wrong, the digits as typed) of ``text`` when it is an arXiv id of the new
    style mistyped ("2106.9685": a digit left out, "2113.09685": no month 13), as
    `read_id` takes one (a prefix "arXiv:", a version, ".pdf"); ("", "") for a word
    that is none ("lora", a DOI). Told only "neither an arXiv id nor a DOI", a curator
    who typed digits was left to count them against the example."""
    bare = re.sub(r"(?i)^arxiv:\s*|\.pdf$", "", text.strip())
    found = re.fullmatch(r"(\d+)\.(\d+)(?:v\d+)?", bare)
    if found is None:
        return "", ""
    head, tail = found.groups()
    if len(head) < 3:
        # (A number, "1.5", or a DOI's prefix, "10.1145", cut short or not: no arXiv id
        # meant; told "its 1 digits before the dot are no year and month", it read so.)
        return "", ""
    digits = f"{head}.{tail}"
    if len(head) != 4:
        return f"its {len(head)} digits before the dot are no year and month: an arXiv id has four (2106: June 2021)", digits
    if not 1 <= int(head[2:]) <= 12:
        return f"{head[2:]} is no month: an arXiv id's first four digits are its year and month (2106: June 2021)", digits
    if head < "0704":
        return (
            "arXiv's ids of this form begin in April 2007 (0704.0001); an older one names its archive"
            " (hep-th/9711200)", digits,
        )
    wanted = 4 if head < "1501" else 5
    if len(tail) != wanted:
        return f"an id of {head} has {wanted} digits after the dot, not {len(tail)} (five since 2015, four before)", digits
    return "", ""


def without_subject_class(ident: str) -> str:
    """An old arXiv id as arXiv names it: "math.GT/0309136" is "math/0309136" (the
    subject class is no part of the id; arXiv answers it under the bare one), as is
    "cond-mat.stat-mech/0601001" "cond-mat/0601001"."""
    return _SUBJECT_CLASS.sub("", ident) if "/" in ident else ident


_SUBJECT_CLASS = lazyre.compile(r"\.[A-Za-z-]+(?=/)")


def doi_from_url(url: str) -> str:
    try:
        host, segments = _host_and_path(url)
    except ValueError:
        return ""
    if host in ("doi.org", "dx.doi.org") and segments:
        # An address escapes a DOI's slash or brackets (``10.1016%2Fj.sbi``); the DOI
        # itself is the characters they stand for, less any that no DOI holds (a
        # ``%E2%80%8B``, an invisible space pasted along): kept encoded, the DOI resolved
        # nowhere and another export's clean one made a second paper.
        written = "/".join(segments)
        raw = unquote(written)
        cleaned = _NOT_IN_DOI.sub("", raw)
        decoded = normalize_doi(cleaned)
        if _DOI.fullmatch(decoded):
            return decoded
        # Nothing of a DOI left once the invisible characters go: none. A decoded space
        # would change the DOI: then it stays as the address writes it.
        return "" if cleaned != raw else normalize_doi(written)
    return ""


def arxiv_of_doi(doi: str) -> str:
    """The arXiv id of arXiv's own DOI (``10.48550/arXiv.2306.01708``), else ""."""
    match = re.match(r"(?i)^10\.48550/arxiv\.(.+)$", doi)
    return normalize_arxiv(match.group(1)) if match else ""


def normalize_doi(text: str) -> str:
    """A DOI without resolver prefix (``https://doi.org/``, ``doi:``); "" if not a DOI."""
    text = text.strip()
    text = re.sub(r"(?i)^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", "", text)
    return text if re.match(r"^10\.\d{4,9}/\S+$", text) else ""


@dataclass(frozen=True)
class Wanted:
    """One id as a curator pastes it, read (`add`'s command line, a paper named so where
    its id belongs): an arXiv id or a DOI (one of them "")."""

    given: str
    arxiv: str = ""
    doi: str = ""


def read_id(text: str) -> Wanted | None:
    """What ``text`` names, as a curator pastes it; None when it is neither kind."""
    given = text.strip()
    if given.lower().startswith(("http://", "https://", "arxiv.org/", "www.arxiv.org/", "doi.org/", "dx.doi.org/")):
        url = given if "://" in given else f"https://{given}"
        if found := arxiv_id(url):
            return Wanted(given, arxiv=found)
        if found := doi_from_url(url):
            return _from_doi(given, found)
        return None
    # (A downloaded PDF's name is its id: "2106.09685v2.pdf".)
    if found := normalize_arxiv(re.sub(r"(?i)\.pdf$", "", given)):
        return Wanted(given, arxiv=found)
    if found := normalize_doi(given):
        return _from_doi(given, found)
    return None


def _from_doi(given: str, doi: str) -> Wanted:
    # arXiv's own DOI names its paper: arXiv says more of it than the DOI's record.
    if found := arxiv_of_doi(doi):
        return Wanted(given, arxiv=found)
    return Wanted(given, doi=doi)
