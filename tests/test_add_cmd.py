"""`readinglist add` against stand-ins for arXiv's API and doi.org on loopback.

The answers are arXiv's and Crossref's as they come (tests/data/add/): an Atom feed
with its namespaces and hard-wrapped lines, an "Error" entry for a malformed id, a feed
without the entry of an id arXiv does not have, a plain-text rate-limit notice, a DOI's
BibTeX as content negotiation gives it (one line, ACM's character reference)."""

from __future__ import annotations

import datetime as dt
import email.utils
import gzip
import re
import subprocess
import threading
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from generator.cli import main
from generator.commands import add
from generator.commands.add import read_id
from generator.yamlio import parse, to_python
from generator.errors import Problems

DATA = Path(__file__).parent / "data" / "add"
FEED_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <link href="http://arxiv.org/api/query?id_list=x" rel="self" type="application/atom+xml"/>
  <title type="html">ArXiv Query: id_list=x</title>
  <id>http://arxiv.org/api/x</id>
  <updated>2026-12-01T00:00:00-05:00</updated>
  <opensearch:totalResults xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">1</opensearch:totalResults>
"""


class FakeServers:
    """arXiv's /api/query (entries by id; "Error" for an id with seven digits after the
    dot or the archive "nosuch"; "Rate exceeded." once ``limited``) and doi.org (BibTeX for Accept
    application/x-bibtex; 404 for an unknown DOI; a landing page for ``html``)."""

    def __init__(self):
        self.entries = {
            "2106.09685": (DATA / "lora-entry.xml").read_text(),
            "hep-th/9711200": (DATA / "old-entry.xml").read_text(),
        }
        self.bibtex = {
            "10.1023/a:1026654312961": (DATA / "maldacena.bib").read_text(),
            "10.1145/3442188.3445922": (DATA / "parrots.bib").read_text(),
        }
        self.html = {"10.5555/landing"}
        self.limited = False
        self.retry_after = ""
        self.encoding = "utf-8"
        self.gzip = False
        self.asked: list[tuple[str, str]] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server's name)
                url = urllib.parse.urlsplit(self.path)
                fake.asked.append((self.path, self.headers.get("Accept", "")))
                if url.path == "/api/query":
                    if fake.limited:
                        return self._answer(503, "Rate exceeded.", "text/plain", fake.retry_after)
                    ids = urllib.parse.parse_qs(url.query)["id_list"][0].split(",")
                    # (arXiv names the first id it calls malformed, and answers nothing else)
                    if bad := [i for i in ids if len(i.split(".")[-1]) == 7 or i.startswith("nosuch/")]:
                        body = (DATA / "error-entry.xml").read_text().replace("1234.1234567", bad[0])
                    else:
                        body = "".join(fake.entries.get(i, "") for i in ids)
                    return self._answer(200, FEED_HEAD + body + "</feed>\n", "application/atom+xml")
                doi = urllib.parse.unquote(url.path.lstrip("/")).lower()
                if doi.startswith("moved/"):
                    # (doi.org sends a client on to the registration agency)
                    self.send_response(302)
                    self.send_header("Location", "/" + doi.removeprefix("moved/"))
                    self.end_headers()
                    return None
                if doi in fake.html:
                    return self._answer(200, "<html><body>A landing page</body></html>", "text/html")
                if doi in fake.bibtex and "application/x-bibtex" in self.headers.get("Accept", ""):
                    return self._answer(200, fake.bibtex[doi], "application/x-bibtex")
                return self._answer(404, "DOI not found", "text/plain")

            def _answer(self, status, text, kind, retry_after=""):
                data = text.encode(fake.encoding)
                self.send_response(status)
                self.send_header("Content-Type", kind)
                if fake.gzip:  # (unasked, as some proxies do)
                    data = gzip.compress(data, mtime=0)[: -12 if fake.gzip == "cut" else None]
                    self.send_header("Content-Encoding", "gzip")
                if retry_after:
                    self.send_header("retry-after", retry_after)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def servers(monkeypatch):
    fake = FakeServers()
    monkeypatch.setenv("READINGLIST_ARXIV_API", fake.url + "/api/query")
    monkeypatch.setenv("READINGLIST_DOI_RESOLVER", fake.url)
    yield fake
    fake.close()


@pytest.fixture
def project(tmp_path):
    (tmp_path / "content" / "papers").mkdir(parents=True)
    (tmp_path / "content" / "topics.yml").write_text("topics: []\n")
    return tmp_path


def _paper(project: Path, paper_id: str) -> dict:
    problems = Problems()
    data = to_python(parse((project / "content" / "papers" / f"{paper_id}.yml").read_text(), "x", problems))
    assert not problems
    return data


def _files(project: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((project / "content").rglob("*")) if p.is_file()}


@pytest.mark.parametrize(
    ("given", "arxiv", "doi"),
    [
        ("2106.09685", "2106.09685", ""),
        ("2106.09685v2", "2106.09685", ""),
        ("arXiv:2106.09685", "2106.09685", ""),
        ("https://arxiv.org/abs/2106.09685v1", "2106.09685", ""),
        ("arxiv.org/pdf/2106.09685.pdf", "2106.09685", ""),
        ("hep-th/9711200", "hep-th/9711200", ""),
        ("10.1145/3442188.3445922", "", "10.1145/3442188.3445922"),
        ("doi:10.1145/3442188.3445922", "", "10.1145/3442188.3445922"),
        ("https://doi.org/10.1145/3442188.3445922", "", "10.1145/3442188.3445922"),
        ("10.48550/arXiv.2106.09685", "2106.09685", ""),  # arXiv's own DOI: asked of arXiv
        ("2106.09685v2.pdf", "2106.09685", ""),  # a downloaded PDF's name
        ("2106.09685.PDF", "2106.09685", ""),
        ("arxiv.org/html/2106.09685v2", "2106.09685", ""),
        ("math.GT/0309136", "math/0309136", ""),  # the subject class is no part of the id
        ("https://arxiv.org/abs/math.GT/0309136v1", "math/0309136", ""),
        ("cond-mat.stat-mech/0601001", "cond-mat/0601001", ""),  # longer classes, with a hyphen
        ("https://arxiv.org/abs/physics.acc-ph/0601001v2", "physics/0601001", ""),
        ("math.gt/0309136", "math/0309136", ""),  # typed in lower case
        ("dx.doi.org/10.1145/3442188.3445922", "", "10.1145/3442188.3445922"),
    ],
)
def test_an_id_is_read_as_a_curator_pastes_it(given, arxiv, doi):
    found = read_id(given)
    assert found is not None and (found.arxiv, found.doi) == (arxiv, doi)


@pytest.mark.parametrize("given", ["lora", "2106", "2513.00001", "https://github.com/microsoft/LoRA", "10.1145"])
def test_what_is_no_id_is_not_taken_for_one(given):
    assert read_id(given) is None


def test_an_arxiv_paper_is_added_with_what_arxiv_says_of_it(project, servers, capsys):
    assert main(["--root", str(project), "add", "2106.09685v2", "hep-th/9711200"]) == 0
    out = capsys.readouterr().out
    assert "added lora-low-rank-adaptation-of-large-language-models\n" in out
    lora = _paper(project, "lora-low-rank-adaptation-of-large-language-models")
    assert lora["title"] == "LoRA: Low-Rank Adaptation of Large Language Models"
    assert lora["authors"] == ["Edward J. Hu", "Yelong Shen", "Phillip Wallis", "Zeyuan Allen-Zhu"]
    assert (lora["year"], lora["arxiv"]) == ("2021", "2106.09685")  # the first version's year
    # arXiv's wrapped lines are one paragraph; its code link is found, and said official.
    assert lora["abstract"].startswith("An important paradigm of natural language processing consists of large-scale pre-training")
    assert "\n" not in lora["abstract"].strip()
    assert lora["links"]["code"] == [
        {"url": "https://github.com/microsoft/LoRA", "found_in": "abstract", "official": "true"}
    ]
    old = _paper(project, "the-large-n-limit-of-superconformal-field-theories-and-supergravity")
    assert (old["arxiv"], old["doi"], old["authors"]) == ("hep-th/9711200", "10.1023/A:1026654312961", ["Juan M. Maldacena"])
    # A blank line in arXiv's abstract is a paragraph break; a link in the authors'
    # comment is found, and said to be from there. "Code: URL" on a site that is no
    # repository is its project page: only a curator makes such a site code (95904792).
    assert old["abstract"].count("\n\n") == 1
    assert old["links"]["code"] == []
    assert old["links"]["project"] == [{"url": "https://example.org/ads-tools", "found_in": "comment"}]
    assert "venue" not in old  # (the journal reference is free text: no venue)
    # One request for both, as arXiv asks.
    assert [path for path, _ in servers.asked] == [
        "/api/query?id_list=2106.09685%2Chep-th%2F9711200&max_results=2"
    ]


def test_a_doi_is_added_from_its_bibtex_and_a_redirect_keeps_asking_for_bibtex(project, servers, capsys):
    assert main(["--root", str(project), "add", "https://doi.org/10.1145/3442188.3445922"]) == 0
    paper = _paper(project, "on-the-dangers-of-stochastic-parrots-can-language-models-be-too-big")
    assert paper["title"] == "On the Dangers of Stochastic Parrots: Can Language Models Be Too Big? \U0001f99c"
    assert paper["venue"] == "Proceedings of the 2021 ACM Conference on Fairness, Accountability, and Transparency"
    assert (paper["doi"], paper["year"], paper["authors"][1]) == ("10.1145/3442188.3445922", "2021", "Timnit Gebru")
    assert servers.asked[0][1].startswith("application/x-bibtex")
    servers.bibtex["10.1000/new"] = (DATA / "maldacena.bib").read_text().replace("Large N", "Small N")
    assert main(["--root", str(project), "add", "10.1000/new", "--doi-resolver", servers.url + "/moved"]) == 0
    assert servers.asked[-1] == ("/10.1000/new", "application/x-bibtex; charset=utf-8")


def test_an_arxiv_paper_and_its_doi_are_one_paper(project, servers, capsys):
    assert main(["--root", str(project), "add", "hep-th/9711200", "10.1023/A:1026654312961"]) == 0
    papers = sorted((project / "content" / "papers").glob("*.yml"))
    assert len(papers) == 1
    paper = _paper(project, papers[0].stem)
    assert (paper["arxiv"], paper["venue"], paper["volume"], paper["pages"], paper["year"]) == (
        "hep-th/9711200", "International Journal of Theoretical Physics", "38", "1113–1133", "1999"
    )
    out, err = capsys.readouterr()
    assert "same DOI 10.1023/A:1026654312961); merged" in out  # (as typed, not as Crossref writes it)
    assert paper["doi"] == "10.1023/A:1026654312961"
    assert "now International Journal of Theoretical Physics 1999 (was no venue, 1997)" in out
    # (arXiv's "Juan M. Maldacena" is kept; Crossref's "Juan Maldacena", the same person
    # without the middle initial, is no conflict.)
    assert paper["authors"] == ["Juan M. Maldacena"] and "conflict in authors" not in err
    # Adding them again changes nothing; a DOI in other capitals is asked once.
    asked = len(servers.asked)
    before = _files(project)
    assert main(["--root", str(project), "add", "hep-th/9711200", "10.1023/A:1026654312961", "10.1023/a:1026654312961"]) == 0
    assert _files(project) == before
    assert len(servers.asked) == asked + 2
    assert "0 added, 0 updated, 1 unchanged" in capsys.readouterr().out


def test_an_id_that_names_no_paper_stops_the_add_and_every_one_is_said(project, servers, capsys):
    before = _files(project)
    code = main(["--root", str(project), "add", "2106.09685", "2106.99999", "10.1000/nothing", "lora"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.splitlines() == [
        "arXiv:2106.99999: arXiv has no such paper (check the id)",
        "doi:10.1000/nothing: doi.org knows no such DOI (check it)",
        "lora: neither an arXiv id (such as 2106.09685) nor a DOI (such as 10.1145/3442188.3445922)",
        "3 errors; nothing was added.",
    ]
    assert _files(project) == before


def test_a_mistyped_arxiv_id_is_told_what_is_wrong_the_forms_add_takes_and_the_lists_paper_it_is_a_slip_of(
    project, servers, capsys
):
    # (hunt20: "2106.9685", a digit left out, was told "neither an arXiv id (such as
    # 2106.09685) nor a DOI", as "lora" is: the digits left to count against the example.)
    (project / "content" / "papers" / "lora.yml").write_text(
        'id: lora\ntitle: LoRA\nauthors: [E. Hu]\nyear: 2021\narxiv: "2106.09685"\n', encoding="utf-8"
    )
    before, asked = _files(project), len(servers.asked)
    typed = ["2106.9685", "arXiv:2107.0968v2", "2113.09685", "21060.9685", "1406.12345", "0601.1234", "10.1145"]
    assert main(["--root", str(project), "add", *typed]) == 1
    forms = (
        "; add takes an arXiv id (2106.09685, arXiv:2106.09685v2, https://arxiv.org/abs/2106.09685; an"
        " old one names its archive: hep-th/9711200) or a DOI (10.1145/3442188.3445922)"
    )
    assert capsys.readouterr().err.splitlines() == [
        "2106.9685: not an arXiv id: an id of 2106 has 5 digits after the dot, not 4 (five since"
        " 2015, four before) (did you mean 2106.09685, the arXiv id of paper 'lora'?)" + forms,
        # (Two slips from the paper's: no suggestion.)
        "arXiv:2107.0968v2: not an arXiv id: an id of 2107 has 5 digits after the dot, not 4 (five"
        " since 2015, four before)" + forms,
        "2113.09685: not an arXiv id: 13 is no month: an arXiv id's first four digits are its year"
        " and month (2106: June 2021)" + forms,
        # (The dot and a digit swapped: a slip of the paper's too.)
        "21060.9685: not an arXiv id: its 5 digits before the dot are no year and month: an arXiv id"
        " has four (2106: June 2021) (did you mean 2106.09685, the arXiv id of paper 'lora'?)" + forms,
        "1406.12345: not an arXiv id: an id of 1406 has 4 digits after the dot, not 5 (five since"
        " 2015, four before)" + forms,
        "0601.1234: not an arXiv id: arXiv's ids of this form begin in April 2007 (0704.0001); an"
        " older one names its archive (hep-th/9711200)" + forms,
        # (A DOI's prefix alone is no arXiv id mistyped.)
        "10.1145: neither an arXiv id (such as 2106.09685) nor a DOI (such as 10.1145/3442188.3445922)",
        "7 errors; nothing was added.",
    ]
    assert _files(project) == before and len(servers.asked) == asked


def test_the_mistakes_of_several_ids_are_said_in_the_order_they_were_typed(project, servers, capsys):
    # (aud6's found item 8: sorted by their text, a word that is no id, a DOI doi.org does
    # not know and an arXiv id arXiv does not have were said arXiv first, then doi, then
    # the word: not in the order the curator goes through what they typed)
    before = _files(project)
    typed = ["lora", "10.1000/nothing", "2106.09685", "2106.99999", "10.1000/NOTHING", "LoRA"]
    assert main(["--root", str(project), "add", *typed]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "lora: neither an arXiv id (such as 2106.09685) nor a DOI (such as 10.1145/3442188.3445922)",
        "doi:10.1000/nothing: doi.org knows no such DOI (check it)",  # (asked once: a DOI ignores case)
        "arXiv:2106.99999: arXiv has no such paper (check the id)",
        "LoRA: neither an arXiv id (such as 2106.09685) nor a DOI (such as 10.1145/3442188.3445922)",
        "4 errors; nothing was added.",
    ]
    assert _files(project) == before


def test_a_papers_page_that_is_no_arxiv_or_doi_address_is_told_to_import_its_bibtex(project, servers, capsys):
    # (curator: an OpenReview forum's address, the paper as they had it open, was told
    # only "neither an arXiv id nor a DOI", with no way to add the paper)
    before = _files(project)
    code = main(["--root", str(project), "add", "https://openreview.net/forum?id=nZeVKeeFYf9", "aclanthology.org/N19-1423/"])
    assert code == 1
    assert capsys.readouterr().err.splitlines() == [
        f"{page}: neither an arXiv id (such as 2106.09685) nor a DOI (such as 10.1145/3442188.3445922), nor a page"
        " that names one in its address: import the BibTeX its page gives (readinglist import -,"
        " then paste it; or readinglist import FILE.bib)"
        # (In the order typed: aud6's found item 8.)
        for page in ("https://openreview.net/forum?id=nZeVKeeFYf9", "aclanthology.org/N19-1423/")
    ] + ["2 errors; nothing was added."]
    assert _files(project) == before
    assert servers.asked == []


def test_a_files_name_is_told_that_add_takes_ids_and_import_reads_files(project, servers, capsys, monkeypatch):
    # (hunt14: a lab's ids.txt given to add, as one gives import a file, was told only
    # "neither an arXiv id nor a DOI", as if the curator had mistyped an id)
    monkeypatch.chdir(project)
    (project / "lab ids.txt").write_text("2106.09685\n1706.03762\n", encoding="utf-8")
    before = _files(project)
    assert main(["--root", str(project), "add", "lab ids.txt", "ids.txt"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "lab ids.txt: neither an arXiv id (such as 2106.09685) nor a DOI (such as 10.1145/3442188.3445922),"
        " but a file's name: add takes the ids themselves; readinglist import 'lab ids.txt' reads a"
        " BibTeX, RIS or Markdown file, and of a file of ids, one a line, gives the add command that"
        " names them all",
        # (no such file: a mistyped word, told as before)
        "ids.txt: neither an arXiv id (such as 2106.09685) nor a DOI (such as 10.1145/3442188.3445922)",
        "2 errors; nothing was added.",
    ]
    assert _files(project) == before
    assert servers.asked == []


def test_an_arxiv_or_doi_address_that_names_no_paper_is_not_told_to_import_its_pages_bibtex(project, servers, capsys):
    # (rev19: arXiv's listing page, or an arXiv or doi.org address cut before its id,
    # was told to import "the BibTeX its page gives": those pages give none, and the
    # listing page's text is refused by import, which says to add its ids.)
    pages = ["https://arxiv.org/list/cs.CL/recent", "arxiv.org/abs/", "https://doi.org/"]
    code = main(["--root", str(project), "add", *pages])
    assert code == 1
    assert capsys.readouterr().err.splitlines() == [
        f"{page}: neither an arXiv id (such as 2106.09685) nor a DOI (such as 10.1145/3442188.3445922)" for page in pages
    ] + ["3 errors; nothing was added."]
    assert servers.asked == []


def test_no_answer_or_another_kind_of_answer_is_status_2_and_writes_nothing(project, servers, capsys, monkeypatch):
    before = _files(project)
    servers.limited = True
    assert main(["--root", str(project), "add", "2106.09685"]) == 2
    assert capsys.readouterr().err == (
        "readinglist add: arXiv answered HTTP 503 (a rate limit: wait a minute); nothing was written\n"
    )
    servers.limited = False
    # A landing page where BibTeX was asked for, an answer that is no UTF-8: none of the kind asked.
    assert main(["--root", str(project), "add", "10.5555/landing"]) == 2
    assert "gave no BibTeX" in capsys.readouterr().err
    servers.bibtex["10.1000/latin1"] = "@misc{x, title={Att\xe9ntion}}"
    servers.encoding = "latin-1"
    assert main(["--root", str(project), "add", "10.1000/latin1"]) == 2
    assert "that is not UTF-8 text" in capsys.readouterr().err
    servers.encoding = "utf-8"
    assert main(["--root", str(project), "add", "2106.09685", "--arxiv-api", servers.url + "/10.1145/3442188.3445922"]) == 2
    assert "arXiv answered HTTP 404" in capsys.readouterr().err  # (no API there)
    servers.close()
    assert main(["--root", str(project), "add", "2106.09685", "--timeout", "2"]) == 2
    err = capsys.readouterr().err.splitlines()[0]  # (then how to add it offline)
    assert err.startswith(f"readinglist add: no answer from {servers.url}/api/query?id_list=2106.09685") and err.endswith(
        "; nothing was written"
    )
    assert _files(project) == before


def test_without_a_network_it_says_how_to_add_the_paper_offline_and_that_way_works(project, servers, capsys, tmp_path):
    # Offline, "no answer from URL" was all it said: the way to add the paper all the same
    # (arXiv's answer saved elsewhere, then imported; or BibTeX) was in no message.
    asked = f"{servers.url}/api/query?id_list=2106.09685&max_results=1"
    with urllib.request.urlopen(asked) as answer:  # (what a browser with a network saves)
        saved = answer.read()
    servers.close()
    assert main(["--root", str(project), "add", "2106.09685", "--timeout", "2"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 2 and err[0].startswith(f"readinglist add: no answer from {asked} (")
    assert err[1] == (
        "without a network here, save that address's answer on a machine that has one (a"
        f" browser's download, or curl -o answer.xml '{asked}'), then: readinglist import"
        " answer.xml (read as add reads it), or import the papers' BibTeX (readinglist import -)"
    )
    assert main(["--root", str(project), "add", "10.1145/3442188.3445922", "--timeout", "2"]) == 2
    # The command on a line of its own (copied whole, with no comma of the sentence's), and
    # -f: an unknown DOI's error page is not saved as the .bib file import is told to read.
    assert capsys.readouterr().err.splitlines()[1:] == [
        "without a network here, save doi.org's BibTeX of the DOI on a machine that has one (a"
        " browser's download gets the paper's page, not its BibTeX):",
        "  curl -fL -H 'Accept: application/x-bibtex; charset=utf-8' -o doi-10.1145_3442188.3445922.bib"
        f" '{servers.url}/10.1145/3442188.3445922'",
        "then: readinglist import doi-10.1145_3442188.3445922.bib; or import the paper's BibTeX from"
        " elsewhere (a publisher's or a reference manager's export): readinglist import FILE.bib, or"
        " paste it into readinglist import -",
    ]
    # The way it gives works: the saved answer, imported, is the paper add would have written.
    (tmp_path / "answer.xml").write_bytes(saved)
    assert main(["--root", str(project), "import", str(tmp_path / "answer.xml")]) == 0
    paper = _paper(project, "lora-low-rank-adaptation-of-large-language-models")
    assert paper["arxiv"] == "2106.09685" and paper["year"] == "2021"
    # A server that answers, but not as asked, is no matter of a network: no such hint.
    fake = FakeServers()
    fake.limited = True
    assert main(["--root", str(project), "add", "2106.09685", "--arxiv-api", fake.url + "/api/query"]) == 2
    assert len(capsys.readouterr().err.splitlines()) == 1
    fake.close()


def test_offline_with_several_ids_it_says_each_dois_way_too_and_that_way_works(project, servers, capsys, tmp_path):
    # Offline, arXiv is asked first and gives no answer: its way alone was said, and the
    # DOIs' papers, never asked, were left without one.
    dois = ["10.1145/3442188.3445922", "10.1023/A:1026654312961"]
    running = FakeServers()  # (what a machine with a network asks: the same answers)
    servers.close()
    assert main(["--root", str(project), "add", "2106.09685", *dois, "--timeout", "2"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[1].startswith("without a network here, save that address's answer")  # (arXiv's)
    names = ["doi-10.1145_3442188.3445922.bib", "doi-10.1023_A_1026654312961.bib"]
    asking = "curl -fL -H 'Accept: application/x-bibtex; charset=utf-8' -o"
    assert err[2:] == [
        "without a network here, save doi.org's BibTeX of each DOI on a machine that has one (a"
        " browser's download gets the paper's page, not its BibTeX):",
        f"  {asking} {names[0]} '{servers.url}/10.1145/3442188.3445922'",
        f"  {asking} {names[1]} '{servers.url}/10.1023/A:1026654312961'",
        f"then: readinglist import {names[0]} {names[1]}; or import the papers' BibTeX from elsewhere (a"
        " publisher's or a reference manager's export): readinglist import FILE.bib, or paste"
        " it into readinglist import -",
    ]
    # Each command done (its header and address, asked of a server that answers), then the
    # import it names: the papers add would have written.
    for line, name in zip(err[3:5], names):
        accept, address = re.fullmatch(r"  curl -fL -H 'Accept: ([^']*)' -o \S+ '([^']*)'", line).groups()
        address = address.replace(servers.url, running.url)
        with urllib.request.urlopen(urllib.request.Request(address, headers={"Accept": accept})) as answer:
            (tmp_path / name).write_bytes(answer.read())
    running.close()
    assert main(["--root", str(project), "import", *(str(tmp_path / name) for name in names)]) == 0
    titles = sorted(_paper(project, path.stem)["title"] for path in (project / "content" / "papers").glob("*.yml"))
    assert titles == [
        "On the Dangers of Stochastic Parrots: Can Language Models Be Too Big? 🦜",
        "The Large N Limit of Superconformal Field Theories and Supergravity",
    ]
    # Offline at doi.org after arXiv answered: the DOI asked and the one after it, not arXiv's way.
    servers2 = FakeServers()
    assert main(["--root", str(project), "add", "2106.09685", *dois, "--timeout", "2",
                 "--arxiv-api", servers2.url + "/api/query", "--doi-resolver", servers.url]) == 2  # (closed)
    err = capsys.readouterr().err.splitlines()
    servers2.close()
    assert err[0].startswith(f"readinglist add: no answer from {servers.url}/10.1145/3442188.3445922 (")
    assert err[1].startswith("without a network here, save doi.org's BibTeX of each DOI") and len(err) == 5


def test_arxivs_error_entry_is_a_refusal_not_a_paper(servers):
    # arXiv answers a malformed request with HTTP 200 and one entry titled "Error" that
    # names the id (the command line refuses such a new-style id before asking; the
    # answer is still read): that id is a mistake, the others are asked again.
    from generator.commands import add

    problems = Problems()
    records = add.ask_arxiv(servers.url + "/api/query", ["1234.1234567", "2106.09685"], 5, problems)
    assert [r.arxiv for r in records] == ["2106.09685"]
    assert [str(p) for p in problems.sorted()] == [
        "arXiv:1234.1234567: arXiv refused it: incorrect id format for 1234.1234567"
    ]
    assert len(servers.asked) == 2
    # An error that names no id asked refuses the request itself: no answer.
    servers.entries["2106.09685"] = (DATA / "error-entry.xml").read_text()
    with pytest.raises(add.Unanswered, match="^arXiv refused the request: incorrect id format for 1234.1234567$"):
        add.ask_arxiv(servers.url + "/api/query", ["2106.09685"], 5, Problems())


def test_an_old_id_arxiv_refuses_is_a_mistake_said_with_the_others_and_nothing_is_written(project, servers, capsys):
    before = _files(project)
    code = main(["--root", str(project), "add", "2106.09685", "nosuch/0309136", "2106.99999"])
    assert code == 1
    assert capsys.readouterr().err.splitlines() == [  # (in the order typed)
        "arXiv:nosuch/0309136: arXiv refused it: incorrect id format for nosuch/0309136",
        "arXiv:2106.99999: arXiv has no such paper (check the id)",
        "2 errors; nothing was added.",
    ]
    assert _files(project) == before


def test_a_rate_limit_says_how_long_to_wait_and_the_mistakes_found_before_it(project, servers, capsys):
    servers.limited, servers.retry_after = True, "20"
    assert main(["--root", str(project), "add", "lora", "2106.09685"]) == 2
    assert capsys.readouterr().err.splitlines() == [
        "lora: neither an arXiv id (such as 2106.09685) nor a DOI (such as 10.1145/3442188.3445922)",
        "readinglist add: arXiv answered HTTP 503 (a rate limit: wait 20 s); nothing was written",
    ]
    assert not list((project / "content" / "papers").iterdir())


def test_a_rate_limit_until_a_date_says_the_time(project, servers, capsys):
    # Retry-After may be a date (RFC 9110): it was read as no number, "wait a minute".
    # The clock is stopped: the test's "now" and the command's were read apart, and a
    # midnight between them said (or left out) the day wrongly.
    import time_machine

    servers.limited = True
    for now, when, said in (
        (dt.datetime(2026, 12, 5, 12, 0, 30), dt.datetime(2026, 12, 5, 14, 5), "14:05 UTC"),
        (dt.datetime(2026, 12, 5, 23, 0, 30), dt.datetime(2026, 12, 6, 1, 0), "01:00 UTC on 2026-12-06"),
    ):
        servers.retry_after = email.utils.format_datetime(when.replace(tzinfo=dt.timezone.utc), usegmt=True)
        with time_machine.travel(now.replace(tzinfo=dt.timezone.utc), tick=False):
            assert main(["--root", str(project), "add", "2106.09685"]) == 2
        assert capsys.readouterr().err == (
            f"readinglist add: arXiv answered HTTP 503 (a rate limit: wait until {said}); nothing was written\n"
        )
    # A date gone by, or none a reader can tell: no time to say.
    for said in ("Mon, 30 Nov 2026 13:00:00 GMT", "tomorrow"):
        servers.retry_after = said
        with time_machine.travel(dt.datetime(2026, 12, 5, 12, tzinfo=dt.timezone.utc), tick=False):
            assert main(["--root", str(project), "add", "2106.09685"]) == 2
        assert "(a rate limit: wait a minute)" in capsys.readouterr().err


def test_an_answer_gzipped_unasked_is_read(project, servers, capsys):
    # Some proxies gzip what was not asked to be: it was "an answer ... that is not UTF-8 text".
    servers.gzip = True
    assert main(["--root", str(project), "add", "2106.09685", "10.1145/3442188.3445922"]) == 0, capsys.readouterr().err
    assert _paper(project, "lora-low-rank-adaptation-of-large-language-models")["arxiv"] == "2106.09685"
    assert len(list((project / "content" / "papers").iterdir())) == 2


def test_a_broken_answer_is_said_with_what_broke_it_and_nothing_is_written(project, servers, capsys):
    # A proxy's gzip cut short: said as what went wrong, not as the exception's class
    # ("a garbled answer from ... (ValueError)").
    servers.gzip = "cut"
    before = _files(project)
    assert main(["--root", str(project), "add", "2106.09685"]) == 2  # (a server's fault: exit status 2)
    err = capsys.readouterr().err
    assert f"a garbled answer from {servers.url}/api/query?" in err
    assert "(a gzip answer cut short)" in err and "ValueError" not in err
    assert _files(project) == before


def test_crossrefs_markup_and_entities_become_plain_text(project, servers, capsys):
    # Crossref's BibTeX keeps its XML's markup; a "<" of the text is "&lt;" there.
    servers.bibtex["10.1000/markup"] = (
        "@article{Smith_2020, title={The <i>Drosophila</i> gene &amp; CO<sub>2</sub> at &lt;5 K:"
        " <mml:math xmlns:mml=\"http://www.w3.org/1998/Math/MathML\"><mml:mi>x</mml:mi></mml:math>},"
        " journal={Science &amp; Technology}, publisher={Smith &amp; Sons}, author={M&#252;ller, Ana and Smith, Bo},"
        " year={2020}}"
    )
    assert main(["--root", str(project), "add", "10.1000/markup"]) == 0
    [path] = (project / "content" / "papers").glob("*.yml")
    paper = _paper(project, path.stem)
    assert paper["title"] == "The Drosophila gene & CO2 at <5 K: x"
    assert (paper["venue"], paper["publisher"]) == ("Science & Technology", "Smith & Sons")
    assert paper["authors"] == ["Ana Müller", "Bo Smith"]


def test_a_dois_bibtex_with_a_backslashed_brace_in_a_name_is_read_as_import_reads_it(project, servers, capsys):
    # (imp25: a name whose braces BibTeX balances only counting a backslashed one,
    # "A \\{B} C", was refused by import and add alike, "cannot be read as a name
    # (unmatched closing brace)"; the same text as a title was read.) add reads a DOI's
    # BibTeX, on one line as doi.org gives it, as import reads a file.
    servers.bibtex["10.1000/brace"] = (
        "@article{Doe_2020, title={A \\{B} C}, author={Doe, Jane and A \\{B} C}, journal={J}, year={2020}}"
    )
    assert main(["--root", str(project), "add", "10.1000/brace"]) == 0
    [path] = (project / "content" / "papers").glob("*.yml")
    paper = _paper(project, path.stem)
    assert (paper["title"], paper["authors"]) == ("A {B} C", ["Jane Doe", "A {B} C"])

def test_outside_a_project_nothing_is_asked(tmp_path, servers, capsys):
    assert main(["--root", str(tmp_path), "add", "2106.09685"]) == 1
    assert "is no readinglist project" in capsys.readouterr().err
    assert servers.asked == []
    assert not (tmp_path / "content").exists()


def test_in_a_folder_inside_a_project_add_names_the_project(tmp_path, servers, capsys):
    # (It said "run the add in the project folder ... run it there": no such noun, and
    # an "it" that the sentence had just made the project folder.)
    (tmp_path / "mkdocs.yml").write_text("site_name: Lab\n")
    papers = tmp_path / "content" / "papers"
    papers.mkdir(parents=True)
    assert main(["--root", str(papers), "add", "2106.09685"]) == 1
    assert capsys.readouterr().err == (
        f"readinglist add: {papers} is no readinglist project (it has no mkdocs.yml and no"
        " content/ folder): --root must name the project folder, the one holding mkdocs.yml and"
        f" content/ (this folder is inside the project {tmp_path}, which --root should name)\n"
    )
    assert servers.asked == []
    assert list(papers.iterdir()) == []


def test_a_deleted_paper_is_not_added_back_unless_restored(project, servers, capsys):
    assert main(["--root", str(project), "add", "2106.09685"]) == 0
    path = project / "content" / "papers" / "lora-low-rank-adaptation-of-large-language-models.yml"
    path.unlink()
    capsys.readouterr()
    assert main(["--root", str(project), "add", "2106.09685"]) == 0
    out = capsys.readouterr().out
    assert not path.exists()
    assert "to bring a deleted paper back, add again with --restore ID (e.g. readinglist add 2106.09685 --restore" in out
    assert main(["--root", str(project), "add", "2106.09685", "--restore", path.stem]) == 0
    assert path.exists()


def test_the_answers_are_kept_and_import_reads_them_again_offline_as_add_did(project, servers, capsys, tmp_path):
    assert main(["--root", str(project), "add", "2106.09685", "hep-th/9711200", "10.1145/3442188.3445922"]) == 0
    out = capsys.readouterr().out
    sources = project / "content" / "sources"
    kept = sorted(p.name for p in sources.iterdir() if p.name != "imported.json")
    assert kept == ["arxiv-2106.09685-and-1-more.xml", "doi-10.1145_3442188.3445922.bib"]
    assert f"kept arXiv's answer as {sources / kept[0]}" in out
    # Another list made from the kept files alone (no server asked) has the same papers.
    servers.close()
    other = tmp_path / "other"
    (other / "content" / "papers").mkdir(parents=True)
    (other / "content" / "topics.yml").write_text("topics: []\n")
    assert main(["--root", str(other), "import", *(str(sources / name) for name in kept)]) == 0
    papers = {p.name: p.read_bytes() for p in (project / "content" / "papers").iterdir()}
    assert papers and {p.name: p.read_bytes() for p in (other / "content" / "papers").iterdir()} == papers


def test_nothing_is_kept_when_nothing_was_added_or_when_asked_not_to(project, servers):
    assert main(["--root", str(project), "add", "--no-keep-source", "2106.09685"]) == 0
    assert not (project / "content" / "sources").exists() or [
        p.name for p in (project / "content" / "sources").iterdir()] == ["imported.json"]
    assert main(["--root", str(project), "add", "2106.09685"]) == 0  # (unchanged)
    assert [p.name for p in (project / "content" / "sources").iterdir()] == ["imported.json"]


def test_a_withdrawn_paper_is_added_with_a_warning_that_says_so(project, servers, capsys):
    # arXiv's API has no field for a withdrawal: the withdrawing version's comment says
    # it, and an older withdrawal replaced the abstract too. Before, such a paper was
    # added silently, its abstract "This paper has been withdrawn by the author...".
    servers.entries["2101.00001"] = (DATA / "withdrawn-entry.xml").read_text()
    servers.entries["0801.0001"] = (DATA / "old-withdrawn-entry.xml").read_text()
    servers.entries["2102.00002"] = (DATA / "withdrawn-drugs-entry.xml").read_text()  # not withdrawn
    assert main(["--root", str(project), "add", "2101.00001", "0801.0001v3", "2102.00002"]) == 0
    out, err = capsys.readouterr()
    assert err.splitlines() == [
        'arXiv:0801.0001: warning: arXiv says the paper was withdrawn ("This paper has been withdrawn by the'
        ' author, due to an error in equation 4."), and its abstract is the notice, not the paper\'s; taken as'
        " arXiv has it: remove it if the list should not show it, or write its abstract from the version before,"
        " https://arxiv.org/abs/0801.0001v2",
        'arXiv:2101.00001: warning: arXiv says the paper was withdrawn ("This paper has been withdrawn by the'
        ' author due to a crucial error in the evaluation script"); taken as arXiv has it: remove it if the list'
        " should not show it (its text is in the version before, https://arxiv.org/abs/2101.00001v1)",
    ]
    # Not refused: the curator may want it listed.
    assert "added sparse-attention-is-all-you-keep\n" in out
    assert _paper(project, "sparse-attention-is-all-you-keep")["arxiv"] == "2101.00001"
    assert _paper(project, "a-bound-on-the-width-of-random-networks")["arxiv"] == "0801.0001"


def test_a_read_only_paper_file_is_left_alone_and_the_other_papers_added(project, servers, capsys):
    papers = project / "content" / "papers"
    mine = papers / "lora.yml"
    mine.write_text('id: lora\ntitle: "LoRA: Low-Rank Adaptation of Large Language Models"\narxiv: "2106.09685"\n')
    mine.chmod(0o444)
    before = mine.read_bytes()
    assert main(["--root", str(project), "add", "2106.09685", "hep-th/9711200"]) == 0
    out, err = capsys.readouterr()
    assert f"{mine}:1:1: warning: this file is read-only, so the import left it alone: it did not write" in err
    assert "1 added, 0 updated, 0 unchanged, 1 left alone (its file is read-only)" in out
    assert mine.read_bytes() == before
    assert sorted(p.name for p in papers.iterdir()) == [
        "lora.yml", "the-large-n-limit-of-superconformal-field-theories-and-supergravity.yml"
    ]


def test_a_paper_file_with_a_tab_the_editor_cannot_read_stops_the_add_at_its_place(project, servers, capsys):
    # (add fills an existing paper's file as import does, through the same in-place edit)
    papers = project / "content" / "papers"
    mine = papers / "lora.yml"
    mine.write_text('id: lora\ntitle: "LoRA: Low-Rank Adaptation of Large Language Models"\t# mine\narxiv: "2106.09685"\n')
    before = mine.read_bytes()
    assert main(["--root", str(project), "add", "2106.09685", "hep-th/9711200"]) == 1
    out, err = capsys.readouterr()
    assert err == (
        f"{mine}:2:60: the import cannot edit this file in place: the reader that keeps its comments"
        " stops here, at a tab (write a space for it); nothing was written\n"
        "1 error; nothing was added.\n"
    )
    assert mine.read_bytes() == before
    assert [p.name for p in papers.iterdir()] == ["lora.yml"]


def test_a_doi_is_written_as_the_curator_typed_it_not_as_crossref_lower_cases_it(project, servers, capsys):
    # Crossref's BibTeX writes "10.1023/a:1026654312961"; the curator typed capitals. A DOI
    # ignores case, so the paper is the same, but what the curator wrote is not rewritten.
    assert main(["--root", str(project), "add", "https://doi.org/10.1023/A:1026654312961"]) == 0
    [path] = (project / "content" / "papers").glob("*.yml")
    assert _paper(project, path.stem)["doi"] == "10.1023/A:1026654312961"
    assert "10.1023/a:" not in path.read_text()
    # The same DOI in small letters (or the arXiv paper that gives it) is that paper, not a second one,
    # and its spelling stays the first one's.
    capsys.readouterr()
    assert main(["--root", str(project), "add", "doi:10.1023/a:1026654312961", "hep-th/9711200"]) == 0
    assert [p.name for p in (project / "content" / "papers").iterdir()] == [path.name]
    paper = _paper(project, path.stem)
    assert (paper["doi"], paper["arxiv"]) == ("10.1023/A:1026654312961", "hep-th/9711200")
    assert "0 added, 1 updated" in capsys.readouterr().out


def test_a_doi_typed_in_small_letters_stays_in_small_letters(project, servers):
    servers.bibtex["10.1000/abc.def"] = (DATA / "maldacena.bib").read_text().replace(
        "10.1023/a:1026654312961", "10.1000/ABC.DEF"
    )
    assert main(["--root", str(project), "add", "10.1000/abc.def"]) == 0
    [path] = (project / "content" / "papers").glob("*.yml")
    assert _paper(project, path.stem)["doi"] == "10.1000/abc.def"


def test_the_offline_curl_lines_read_in_a_shell_as_the_address_asked_and_save_one_file_a_doi():
    # Real DOIs hold parentheses, ";", "<>", and a DOI may hold a space or quote; the file
    # names are made from them. "10.1000/a(b)" and "10.1000/a_b_" were both saved as
    # doi-10.1000_a_b_.bib: the second curl wrote over the first, and the import named
    # that file twice, one paper lost.
    dois = [
        "10.1002/(SICI)1097-4636(199602)30:2<211::AID-JBM10>3.0.CO;2-T",
        "10.1000/a b'c\"d$x`e\\f",
        "10.1000/a(b)", "10.1000/a_b_", "10.1000/x/y", "10.1000/X_Y",
    ]
    said = add.doi_offline("https://doi.org", dois).splitlines()
    lines = [line.strip() for line in said if line.startswith("  curl ")]
    assert len(lines) == len(dois)
    names = []
    for line, doi in zip(lines, dois):
        # (bash reads the line as pasted; printf shows the words curl would be given.)
        words = subprocess.run(
            ["bash", "-c", "printf '%s\\0' " + line.removeprefix("curl ")],
            capture_output=True, check=True).stdout.decode().split("\0")[:-1]
        assert words[:4] == ["-fL", "-H", "Accept: application/x-bibtex; charset=utf-8", "-o"]
        name, address = words[4:]
        assert urllib.parse.unquote(address) == f"https://doi.org/{doi}"
        assert "/" not in name and name.startswith("doi-") and name.endswith(".bib")
        names.append(name)
    assert names[0] == "doi-10.1002_SICI_1097-4636_199602_30_2_211_AID-JBM10_3.0.CO_2-T.bib"
    # Each DOI its own file, in any case (a Mac's disk ignores it), and the import names each.
    assert len({name.casefold() for name in names}) == len(dois)
    assert said[-1].startswith(f"then: readinglist import {' '.join(names)}; ")


SMITH = """@article{{Smith_2020, title={{{title}}}, volume={{3}}, DOI={{{doi}}},
journal={{Journal of Things}}, publisher={{Elsevier BV}}, author={{Smith, Ann}}, year={{2020}}, pages={{1--9}} }}"""


def test_two_papers_under_one_key_from_doi_org_each_get_a_key_of_their_own(project, servers, capsys):
    # Crossref keys every paper by its first author's surname and year: two Smith 2020
    # papers both came as Smith_2020, and `check` then warned of both and cited them by id.
    for at, title in enumerate(["Deep Things", "Deeper Things", "Deepest Things", "Shallow Things"]):
        servers.bibtex[f"10.1000/s{at}"] = SMITH.format(title=title, doi=f"10.1000/s{at}")
    assert main(["--root", str(project), "add", "10.1000/s0"]) == 0
    assert main(["--root", str(project), "add", "10.1000/s1"]) == 0
    # (two in one add, after a paper written by hand with the next key, in other capitals)
    (project / "content" / "papers" / "by-hand.yml").write_text("id: by-hand\ntitle: By Hand\ncitation_key: SMITH_2020B\n")
    assert main(["--root", str(project), "add", "10.1000/s2", "10.1000/s3"]) == 0
    keys = {name: _paper(project, name).get("citation_key") for name in (
        "deep-things", "deeper-things", "deepest-things", "shallow-things", "by-hand")}
    assert keys == {
        "deep-things": "Smith_2020", "deeper-things": "Smith_2020a", "deepest-things": "Smith_2020c",
        "shallow-things": "Smith_2020d", "by-hand": "SMITH_2020B",
    }
    out, err = capsys.readouterr()
    assert (
        "doi:10.1000/s1:1:1: warning: the citation key 'Smith_2020' is deep-things's already"
        " (a key is one paper's): deeper-things is cited by 'Smith_2020a'\n" in err
    )
    main(["--root", str(project), "check"])
    said = "".join(capsys.readouterr())
    assert "5 papers" in said and "citation_key" not in said, said
