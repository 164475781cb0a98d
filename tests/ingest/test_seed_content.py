"""The shipped content/: the seed imported, checked against what the seed says."""

import shutil
from pathlib import Path

import pytest

from generator import provenance
from generator.errors import Problems
from generator.importer import import_paths
from generator.ingest import parse_text
from generator.links import classify
from generator.yamlio import parse, to_python

pytestmark = pytest.mark.example  # the shipped example list itself

ROOT = Path(__file__).parents[2]
SEED = ROOT / "content" / "sources" / "000_19bd02ae25786342.txt"
# What was found of the seed's papers elsewhere (ids, authors, venues, years, code),
# imported after the seed: its links are found_in: bibtex, the seed's abstract or curator.
METADATA = ROOT / "content" / "sources" / "example-list-metadata.bib"
PAPERS = ROOT / "content" / "papers"


def _papers():
    out = {}
    for path in sorted(PAPERS.glob("*.yml")):
        problems = Problems()
        data = to_python(parse(path.read_text(encoding="utf-8"), str(path), problems))
        assert not problems, problems.format()
        out[path.stem] = data
    return out


def test_every_title_of_the_seed_has_one_file():
    lines = SEED.read_text(encoding="utf-8").split("\n")
    titles = [lines[2].removeprefix("Subscribe")] + [lines[i] for i in range(4, 362, 2)]
    papers = _papers()
    assert len(papers) == 180
    assert sorted(p["title"] for p in papers.values()) == sorted(titles)
    assert all(p["id"] == stem for stem, p in papers.items())


def test_abstracts_are_complete_and_clean():
    lines = SEED.read_text(encoding="utf-8").split("\n")
    by_title = {p["title"]: p["abstract"] for p in _papers().values()}
    first = by_title[lines[2].removeprefix("Subscribe")]
    assert first == lines[3]  # no LaTeX in it: stored exactly as scraped
    for abstract in by_title.values():
        assert "\\" not in abstract and "{" not in abstract and "``" not in abstract
    tulu = by_title["TÜLU 3: Pushing Frontiers in Open Language Model Post-Training"]
    assert "we introduce TÜLU 3, a family" in tulu
    analogy = by_title["Editing Models with Task Arithmetic"]
    assert "of the form \u201cA is to B as C is to D\u201d, combining" in analogy
    # \textit{...}: its words only, since an abstract shows every character as written
    assert any("we propose Thought Propagation (TP), which" in a for a in by_title.values())
    assert any("(e.g. RoBERTa) and generation models (e.g. BART)" in a for a in by_title.values())
    assert any("baseline by ~3%" in a for a in by_title.values())


def test_the_34_github_repositories_1_curators_code_site_and_9_project_pages():
    code, project, official = [], [], []
    for paper in _papers().values():
        # (The seed's and a curator's: the metadata file's are found_in: bibtex, below.)
        seeds = {kind: [link for link in paper["links"][kind] if link.get("found_in") != "bibtex"]
                 for kind in ("code", "project")}  # fmt: skip
        code += [link["url"] for link in seeds["code"]]
        official += [link.get("official") for link in seeds["code"]]
        project += [link["url"] for link in seeds["project"]]
    on_github = [url for url in code if classify(url).host == "github"]
    repos = {classify(url).repo for url in on_github}
    assert len(on_github) == 34 and len(repos) == 34
    # AdapterFusion's "Our code and adapters are available at AdapterHub.ml", an address
    # without its https:// that the import does not read, added by hand as its code: the
    # curator's word, so code (35 papers with code, the pages' and papers.json's count).
    assert sorted(set(code) - set(on_github)) == ["https://adapterhub.ml/"]
    # Each of the 35 sentences (read by hand) offers the authors' own code.
    assert official == ["true"] * 35
    assert "sled-group/Teachable_RL" in repos
    assert {
        "AlibabaResearch/DAMO-ConvAI", "YookiTong/Learn-from-Mistakes-CotErrorSet",
        "CSIPlab/task-increment-rank-update", "Facico/Dynamic-Logit-Fusion", "RUCAIBox/Competitive-ICL",
    } <= repos
    assert "https://github.com/AlibabaResearch/DAMO-ConvAI/tree/main/diana" in code
    # "Project page of this work can be found at:" the survey's repository, its list of
    # papers, is its project page: the curator moved it there by hand (an import reads a
    # repository as code; see the next test).
    # The sites whose sentence says they hold the code ("Our code can be found at", "Our
    # code, data, appendix, and video are publicly available at", "Code and videos are
    # available at", "Check the website at URL for the code and the datasets") are no
    # repositories: project pages, as a new import reads them (the curator of the shipped
    # list moved the four links an earlier import had made code).
    assert sorted(project) == sorted([
        "http://pretrain.nlpedia.ai/", "https://arnold-benchmark.github.io",
        "https://llm-rl.github.io", "https://azshue.github.io/TPT",
        "https://github.com/ShuheWang1998/Reinforcement-Learning-Enhanced-LLMs-A-Survey",
        "https://aka.ms/LearningLaw", "https://sites.google.com/view/graspgpt/",
        "http://hulc2.cs.uni-freiburg.de", "https://libero-project.github.io",
    ])


def test_the_metadata_file_gave_what_the_papers_hold_beyond_the_seed_and_names_its_pages():
    text = METADATA.read_text(encoding="utf-8")
    problems = Problems()
    records = parse_text(text, str(METADATA), problems)
    assert not problems, problems.format()
    by_key = {record.key: record for record in records}  # (each entry is keyed by its paper id)
    assert text.count("\n@") == len(records) == 179
    papers = _papers()
    for paper in papers.values():
        record = by_key.get(paper["id"])
        if record is None:  # (nothing sure was found of it)
            assert paper["id"] == "is-prompt-all-you-need-no-a-comprehensive-and-broader-view-of-instruction"
            assert not paper.get("arxiv") and not paper["authors"]
            continue
        # Each entry's pages are named above it; the file's values are the paper's.
        before = text[: text.index("{" + paper["id"] + ",")].rsplit("\n\n", 1)[-1]
        assert "% evidence: http" in before, paper["id"]
        assert (paper.get("arxiv"), paper["authors"], paper.get("venue")) == (
            record.arxiv or None, list(record.authors), record.venue or None), paper["id"]
        # Its code and project pages are the paper's (one the seed's abstract gave already
        # kept as the abstract's), and the paper has no other from it.
        def same(url: str) -> str:
            return url.rstrip("/").lower()

        given = {same(link.url) for link in record.links if link.kind in ("code", "project")}
        held = {kind: {same(link["url"]): link for link in paper["links"][kind]} for kind in ("code", "project")}
        assert given <= held["code"].keys() | held["project"].keys(), paper["id"]
        assert {url for links in held.values() for url, link in links.items()
                if link.get("found_in") == "bibtex"} <= given, paper["id"]  # fmt: skip
        assert all(link.get("official") == "true" for url, link in held["code"].items() if url in given)
    assert sum(1 for p in papers.values() if p.get("arxiv")) == 178
    assert sum(1 for p in papers.values() if p["authors"]) == 172
    assert sum(1 for p in papers.values() if p.get("venue")) == 123
    assert sum(1 for p in papers.values() if p["links"]["code"]) == 118


def test_where_the_seed_says_what_a_link_gives_its_words_decide_the_kind():
    # Each of the 43 addresses' sentences read by hand: 33 are GitHub repositories the
    # sentence gives as the paper's code ("The code is available at", "Our implementation
    # is available in"); the other 10 are below: sites, project pages whatever their
    # sentences say they hold, and repositories a sentence calls a project page.
    records = parse_text(SEED.read_text(encoding="utf-8"), str(SEED), Problems())
    links = [link for record in records for link in record.links]
    assert len(links) == 43
    read = {link.url: (link.kind, link.official) for link in links}
    assert sorted(read[url] for url in read if read[url][0] == "code") == [("code", True)] * 35
    assert {url: read[url] for url in read if not url.startswith("https://github.com/")} == {
        "https://aka.ms/LearningLaw": ("project", False),  # "Our code can be found at"
        # "Our code, data, appendix, and video are publicly available at"
        "https://sites.google.com/view/graspgpt/": ("project", False),
        "http://hulc2.cs.uni-freiburg.de": ("project", False),  # "Code and videos are available at"
        # "Check the website at URL for the code and the datasets."
        "https://libero-project.github.io": ("project", False),
        "https://arnold-benchmark.github.io": ("project", False),  # "See our project page at:"
        "https://azshue.github.io/TPT": ("project", False),  # "Project page:"
        "https://llm-rl.github.io": ("project", False),  # "Video examples ... are at"
        "http://pretrain.nlpedia.ai/": ("project", False),  # "a website ... including ... paperlist"
    }
    # Repositories given as the work's page stay code: Teachable_RL's holds the code;
    # the survey's is a list of papers, which its sentence does not say (the shipped
    # file has it as a project page, the curator's reading: see the test above).
    assert read["https://github.com/ShuheWang1998/Reinforcement-Learning-Enhanced-LLMs-A-Survey"] == (
        "code", True)  # "Project page of this work can be found at:"
    assert read["https://github.com/sled-group/Teachable_RL"] == ("code", True)  # "Project website:"


def test_reimporting_the_seed_changes_nothing(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(PAPERS, content / "papers")
    shutil.copytree(ROOT / "content" / "sources", content / "sources")
    before = {p.name: p.read_bytes() for p in (content / "papers").iterdir()}
    views = (content / "sources" / "imported.json").read_bytes()
    report = import_paths([SEED], content)
    assert (len(report.unchanged), report.added, report.updated) == (180, [], [])
    assert report.conflicts == []
    assert {p.name: p.read_bytes() for p in (content / "papers").iterdir()} == before
    assert (content / "sources" / "imported.json").read_bytes() == views


def test_the_shipped_view_is_what_the_seed_gave_each_paper():
    views = provenance.load(ROOT / "content" / "sources" / "imported.json")
    papers = _papers()
    assert sorted(views) == sorted(papers)
    for paper_id, paper in papers.items():
        view = views[paper_id]
        # The seed gives titles and abstracts only, and the files hold them unedited; the
        # metadata file gave the rest (the one paper it names nothing of has only those).
        assert {"abstract", "title"} <= set(view.fields)
        assert view.has_value("title", paper["title"]) and view.has_value("abstract", paper["abstract"])
        if paper_id == "is-prompt-all-you-need-no-a-comprehensive-and-broader-view-of-instruction":
            assert sorted(view.fields) == ["abstract", "title"]
        # (A link a curator added, found_in: curator, is the file's, not the seed's.)
        urls = {link["url"].rstrip("/").lower() for items in paper["links"].values() for link in items
                if link.get("found_in") != "curator"}
        assert view.links == urls
