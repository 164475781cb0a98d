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
        code += [link["url"] for link in paper["links"]["code"]]
        official += [link.get("official") for link in paper["links"]["code"]]
        project += [link["url"] for link in paper["links"]["project"]]
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
        # The seed gives titles and abstracts only, and the files hold them unedited.
        assert sorted(view.fields) == ["abstract", "title"]
        assert view.has_value("title", paper["title"]) and view.has_value("abstract", paper["abstract"])
        # (A link a curator added, found_in: curator, is the file's, not the seed's.)
        urls = {link["url"].rstrip("/").lower() for items in paper["links"].values() for link in items
                if link.get("found_in") != "curator"}
        assert view.links == urls
