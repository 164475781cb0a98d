"""README's "Starting your own list", followed step by step on a copy of the project.

The commands are read from README's own code blocks and run as a shell runs them (with
`readinglist` the CLI entry point, `python -m generator`), so the recipe and the program
cannot drift apart unnoticed. A lab's BibTeX file (tests/data/own_list/my-lab.bib: accents,
braces, GitHub links, a thesis, a shipped paper) stands for the lab's papers.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .example_list import OWN_LIST
from .gitrepo import IDENTITY

REPO = Path(__file__).resolve().parents[1]
LAB_BIB = REPO / "tests" / "data" / "own_list" / "my-lab.bib"
SHIPPED = "cross-task-generalization-via-natural-language-crowdsourcing-instructions"
LAB_PAPERS = sorted([
    "sparse-graph-transformers-for-molecular-property-prediction",
    "e-3-equivariant-message-passing-for-crystal-structures",
    "diffusion-models-for-3d-molecule-generation-a-survey",
    "contrastive-pre-training-of-molecular-graphs-with-motif-augmentations",
    "learning-on-graphs-theory-and-practice",
    "graph-kernels-revisited-when-do-gnns-beat-the-weisfeiler-leman-test",
    "protein-language-models-know-their-structure-sometimes",
    "a-benchmark-of-retrosynthesis-planners-at-100-coverage",
    SHIPPED,
])
# A test of the shipped example, as the suite marks them: how `make test` tells apart.
PROBE = "import pytest\n\n\n@pytest.mark.example\ndef test_of_the_example():\n    pass\n"
# The tests that read content/ (the list itself, or the site built from it) or the
# mkdocs.yml init edits, by their
# files (the strict build's alone of test_build.py): on a lab's list, one with no paper
# yet too, each passes or is skipped as a test of the example (some left unmarked failed,
# and the lab's CI, which runs the tests before it publishes, never published its site).
CONTENT_TESTS = (
    "tests/test_jsonschema.py", "tests/test_topics.py", "tests/test_search.py", "tests/test_lemmas.py",
    "tests/test_docslock.py", "tests/test_determinism.py", "tests/test_formerly_missing.py",
    "tests/test_import_identity.py", "tests/test_import_deleted.py", "tests/test_packaging.py",
    "tests/ingest/test_seed_content.py",
    "tests/test_build.py::test_shipped_list_builds_strict_with_every_page_and_link",
    # (reads mkdocs.yml, which init gives the lab's name: it sought the example's name
    # there, and failed on every lab's list)
    "tests/test_init_cmd.py::test_a_name_reads_back_as_given_with_the_rest_of_mkdocs_yml_as_it_was",
)


def readme_blocks() -> list[list[str]]:
    """The shell blocks of README's "Starting your own list", each a list of commands
    (comments and blank lines left out)."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    # (Up to the next heading: "Updating to a newer readinglist" follows, with git's.)
    section = re.split(r"\n#{2,} ", readme.split("## Starting your own list\n", 1)[1], maxsplit=1)[0]
    blocks = re.findall(r"```sh\n(.*?)```", section, re.S)
    return [
        [line.split(" #", 1)[0].rstrip() for line in block.splitlines() if line.strip()]
        for block in blocks
    ]


class Project:
    """A fresh clone's worth of the repository (content/, mkdocs.yml, the Makefile,
    overrides/, and the tests' way of telling the example from a list of one's own),
    committed in git."""

    def __init__(self, root: Path):
        self.root = root
        root.mkdir()
        for folder in ("content", "overrides"):
            shutil.copytree(REPO / folder, root / folder)
        for name in ("mkdocs.yml", "Makefile"):
            shutil.copy(REPO / name, root / name)
        (root / "generator").symlink_to(REPO / "generator", target_is_directory=True)  # (the hook)
        shutil.copy(REPO / "pyproject.toml", root / "pyproject.toml")
        (root / "docs").mkdir()
        (root / "docs" / ".gitkeep").write_text("")
        # (The record of the example both init and the tests tell it by is the package's,
        # generator/data/example-list.txt, linked above.)
        (root / "tests").mkdir()
        for name in ("__init__.py", "conftest.py", "example_list.py"):
            shutil.copy(REPO / "tests" / name, root / "tests" / name)
        (root / "tests" / "test_probe.py").write_text(PROBE)
        shutil.copy(LAB_BIB, root / "my-lab.bib")
        self.env = {
            **os.environ, **IDENTITY, "PYTHONPATH": str(REPO), "SOURCE_DATE_EPOCH": "1764374400",
            "READINGLIST_PYTHON": sys.executable,
        }
        self.env.pop("SITE_URL", None)
        self.git("init", "-q")
        self.git("add", ".")
        self.git("commit", "-q", "-m", "a fresh clone")

    def git(self, *args: str) -> str:
        done = subprocess.run(["git", *args], cwd=self.root, env=self.env, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        return done.stdout

    def sh(self, command: str) -> subprocess.CompletedProcess[str]:
        """``command`` as README writes it, `readinglist` being the CLI entry point."""
        script = 'readinglist() { "$READINGLIST_PYTHON" -m generator "$@"; }\n' + command
        return subprocess.run(
            ["bash", "-e", "-c", script], cwd=self.root, env=self.env, capture_output=True, text=True
        )

    def papers(self) -> list[str]:
        return sorted(p.stem for p in (self.root / "content" / "papers").glob("*.yml"))

    def paper(self, paper_id: str) -> dict:
        return yaml.safe_load((self.root / "content" / "papers" / f"{paper_id}.yml").read_text())

    def example_tests(self) -> str:
        """What `make test` says of a test of the shipped example on this content/."""
        done = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", "tests/test_probe.py"],
            cwd=self.root, env=self.env, capture_output=True, text=True,
        )
        assert done.returncode == 0, done.stdout + done.stderr
        return done.stdout

    def content_tests(self) -> str:
        """CONTENT_TESTS run on this content/ (but the browser's), the copy made whole
        first, as a clone is, for what they read (.ci/, benchmarks/, the other tests...)."""
        listed = subprocess.run(
            ["git", "ls-files", "-z"], cwd=REPO, check=True, capture_output=True, text=True
        ).stdout.split("\0")
        for name in filter(None, listed):
            # (content/ and the lab's own files stay; generator/ is REPO's, linked)
            if name.split("/", 1)[0] in ("content", "generator") or (self.root / name).exists():
                continue
            (self.root / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(REPO / name, self.root / name)
        done = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-rfEs", "-p", "no:cacheprovider", "-m", "not browser",
             *CONTENT_TESTS],
            cwd=self.root, env=self.env, capture_output=True, text=True,
        )  # fmt: skip
        # (what failed first, its traceback, then the summary's names of all that failed)
        failed = [line for line in done.stdout.splitlines() if line.startswith(("FAILED", "ERROR"))]
        assert done.returncode == 0, "\n".join([done.stdout[:5000], *failed, done.stderr])
        return done.stdout


def test_readmes_copy_is_a_clone_of_the_repository_with_its_tools_installed_by_make(tmp_path):
    # (curator walkthrough: "in your copy of the repository" said neither how to make
    # one nor that no command starts an empty project; "Publishing" then renames the
    # copy's origin, which only a clone has)
    from .gitrepo import GIT_ENV, git

    clone, install = readme_blocks()[0][:2]
    assert clone == "git clone ADDRESS my-lab-list && cd my-lab-list"
    upstream = tmp_path / "readinglist"
    (upstream / "content").mkdir(parents=True)
    (upstream / "content" / "topics.yml").write_text("topics: []\n", encoding="utf-8")
    git(tmp_path, "init", "-q", "-b", "main", str(upstream))
    git(upstream, "add", "-A")
    git(upstream, "commit", "-q", "-m", "the example")
    done = subprocess.run(
        ["bash", "-e", "-c", clone.replace("ADDRESS", str(upstream)) + " && pwd"],
        cwd=tmp_path, env=GIT_ENV, capture_output=True, text=True,
    )
    assert done.returncode == 0, done.stderr
    copy = Path(done.stdout.strip())
    assert copy == tmp_path / "my-lab-list" and (copy / "content" / "topics.yml").is_file()
    assert git(copy, "remote", "get-url", "origin").strip() == str(upstream)
    # `make check` installs the pinned tools before it checks (the Makefile's rule).
    assert install == "make check"
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert "\ncheck: $(VENV)/.installed\n\t$(BIN)/readinglist check\n" in makefile
    # ... into .venv, whose bin/ the next line puts on the PATH: the `readinglist init` after
    # it was "command not found" in the shell the block was pasted into.
    assert readme_blocks()[0][2] == "source .venv/bin/activate"
    assert "\nVENV := .venv\nBIN := $(VENV)/bin\n" in makefile
    assert 'readinglist = "generator.cli:entry"' in (REPO / "pyproject.toml").read_text(encoding="utf-8")


# Both recipes start from the shipped example (a copy of this repository's content/), so
# they are tests of the example: on a lab's own list they would fail, and with them the
# lab's `make test` and the CI that publishes its site.
@pytest.mark.slow
@pytest.mark.example
def test_a_lab_replaces_the_shipped_list_with_its_own(tmp_path):
    lab = Project(tmp_path / "lab")
    assert "1 passed" in lab.example_tests()  # the example: its tests run
    (_, _, _, init, import_, add), _ = readme_blocks()  # (the copy and its tools: the test above)

    # 1. `init` removes the shipped papers, their listing and the import record, through
    # git; the shipped topics too, their file keeping the comment that explains matching;
    # and names the site.
    assert init == 'readinglist init --name "Smith Lab reading list"'
    done = lab.sh(init)
    assert done.returncode == 0, done.stderr
    assert lab.papers() == [] and not (lab.root / "content" / "sources").exists()
    deleted = lab.git("status", "--porcelain", "--", "content/papers", "content/sources").splitlines()
    # (180 papers, and the sources: the listing, example-list-metadata.bib, imported.json)
    assert len(deleted) == 183 and all(line.startswith("D  content/") for line in deleted)
    shipped = (REPO / "content" / "topics.yml").read_text(encoding="utf-8")
    comment = shipped.split("\ntopics:\n", 1)[0]
    assert comment.startswith("# Topics of the reading list.") and "How keywords match" in comment
    assert (lab.root / "content" / "topics.yml").read_text(encoding="utf-8") == comment + "\ntopics: []\n"
    mkdocs = (lab.root / "mkdocs.yml").read_text(encoding="utf-8")
    from mkdocs.utils.yaml import yaml_load

    assert yaml_load(mkdocs)["site_name"] == "Smith Lab reading list"
    shipped_config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    example = yaml_load(shipped_config)["site_description"]
    assert mkdocs.replace("site_name: Smith Lab reading list\n", 'site_name: "Learning across tasks: a reading list"\n').replace(
        'site_description: "Smith Lab reading list: research papers, by topic."\n', f"site_description: {example}\n"
    ) == shipped_config  # (the lab's description, not the example's; nothing else of the file changed)
    assert "Next:" in done.stdout and "content/pages/" in done.stdout
    assert not list(lab.root.rglob("*.tmp"))  # (its writes' temporary files)
    # A list with no paper yet: the tests that read content/ pass, or skip the example's.
    said = lab.content_tests()
    assert " skipped" in said and OWN_LIST.split(" (")[0] in said

    # 2. The lab's papers come in, with their fields; the shipped paper in the lab's file
    # is imported too, the record that would have skipped it being gone.
    assert import_ == "readinglist import my-lab.bib"
    done = lab.sh(import_)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == (
        "9 record(s): 9 added, 0 updated, 0 unchanged; of which 0 duplicate(s) merged; 0 conflict(s),"
        " 4 link(s) found"
    )
    assert lab.papers() == LAB_PAPERS
    sparse = lab.paper("sparse-graph-transformers-for-molecular-property-prediction")
    assert sparse["title"] == "Sparse Graph Transformers for Molecular Property Prediction"
    assert sparse["authors"] == ["Jörg Müller", "García Márquez, Gabriel", "An Nguyễn"]
    assert (sparse["year"], sparse["pages"], sparse["venue_kind"]) == (2023, "1201–1215", "conference")  # (PyYAML reads the year as a number)
    assert sparse["links"]["code"] == [{
        "url": "https://github.com/example-lab/sparse-graph-transformers",
        "found_in": "abstract", "official": True,
    }]
    assert sparse["added"] == dt.date(2025, 11, 29)  # (SOURCE_DATE_EPOCH's day)
    assert lab.paper("e-3-equivariant-message-passing-for-crystal-structures")["title"] == (
        "E(3)-Equivariant Message Passing for Crystal Structures"
    )
    survey = lab.paper("diffusion-models-for-3d-molecule-generation-a-survey")
    assert (survey["authors"], survey["arxiv"]) == (["Amélie Dubois", "Søren Østergaard", "others"], "2403.01234")
    thesis = lab.paper("learning-on-graphs-theory-and-practice")
    assert thesis["venue"] == "PhD thesis, Université de Montréal"
    assert lab.paper("protein-language-models-know-their-structure-sometimes")["links"]["code"][0]["url"] == (
        "https://github.com/example-lab/plm-probe"
    )
    assert lab.paper(SHIPPED)["venue"].startswith("Proceedings of the 60th Annual Meeting")
    assert (lab.root / "content" / "sources" / "my-lab.bib").read_bytes() == LAB_BIB.read_bytes()
    # (`add` asks arXiv and doi.org: not run here; tests/test_add_cmd.py covers it.)
    assert add.startswith("readinglist add ")

    # 3. No reference to a shipped paper is left: until the lab writes a topic, `check`
    # says once that the list has none (and reminds it of the example's home page).
    done = lab.sh("readinglist check")
    said = (done.stdout + done.stderr).splitlines()
    assert done.returncode == 0, said
    # (topics.yml's at its 'topics: []' line, below the comment on matching init kept)
    topics_line = (lab.root / "content" / "topics.yml").read_text().splitlines().index("topics: []") + 1
    assert topics_line > 1
    assert [line.split(": warning: ")[0] for line in said[:-1]] == [
        "content/pages/index.md:1:1", f"content/topics.yml:{topics_line}:1",
    ]  # (no word of the site's name: init set it)

    # 4. The lab's topics and pages; the page it does not want deleted.
    (lab.root / "content" / "topics.yml").write_text(
        "topics:\n"
        "  - id: molecular-graphs\n"
        "    title: Learning on molecular graphs\n"
        "    description: Graph networks for **molecules**.\n"
        "    keywords:\n"
        "      molecular graphs | molecular graph: 2\n"
        "      molecule | molecules: 1\n"
        "    threshold: 3\n"
        "    reading_order:\n"
        "      - learning-on-graphs-theory-and-practice\n"
        "      - sparse-graph-transformers-for-molecular-property-prediction\n"
        "      - contrastive-pre-training-of-molecular-graphs-with-motif-augmentations\n",
        encoding="utf-8",
    )
    (lab.root / "content" / "pages" / "index.md").write_text("# What our lab reads\n\nOur papers.\n")
    (lab.root / "content" / "pages" / "contributing.md").unlink()
    done = lab.sh("readinglist check")
    assert done.returncode == 0, done.stderr
    said = (done.stdout + done.stderr).splitlines()
    # The papers the one topic does not take are on no topic page: said by check as by a
    # build, each at its file's `topics:`.
    assert sorted(re.findall(r"paper '([a-z0-9-]+)' is in no topic: ", "\n".join(said))) == [
        "cross-task-generalization-via-natural-language-crowdsourcing-instructions",
        "e-3-equivariant-message-passing-for-crystal-structures",
        "protein-language-models-know-their-structure-sometimes",
    ]
    assert said[-1] == "0 errors, 3 warnings (9 papers and 1 topic loaded)"

    # 5. A strict build of the lab's list.
    done = lab.sh("readinglist build --strict -q")
    assert done.returncode == 0, done.stderr
    site = lab.root / "site"
    assert "Smith Lab reading list" in (site / "index.html").read_text(encoding="utf-8")
    built = sorted(p.parent.name for p in (site / "papers").glob("*/index.html"))
    assert built == LAB_PAPERS
    assert not (site / "contributing").exists()
    topic = (site / "topics" / "molecular-graphs" / "index.html").read_text(encoding="utf-8")
    assert all(f"papers/{paper_id}/" in topic for paper_id in (
        "learning-on-graphs-theory-and-practice",
        "sparse-graph-transformers-for-molecular-property-prediction",
        "contrastive-pre-training-of-molecular-graphs-with-motif-augmentations",
    ))

    # 6. The tests of the shipped example are skipped, saying why.
    said = lab.example_tests()
    assert "1 skipped" in said and OWN_LIST.split(" (")[0] in said
    assert OWN_LIST.split(" (")[0] == "content/ is a list of your own, not the shipped example"
    # ... and the tests that read content/ pass on the lab's papers and topic, or skip.
    said = lab.content_tests()
    assert " skipped" in said and OWN_LIST.split(" (")[0] in said
    # These very recipes start from the example: on the lab's list they are skipped too,
    # not failed (they failed, and the lab's CI never published its site).
    for name in ("test_own_list.py", "gitrepo.py"):
        shutil.copy(REPO / "tests" / name, lab.root / "tests" / name)
    shutil.copy(REPO / "README.md", lab.root / "README.md")  # (the recipes they read)
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_own_list.py"],
        cwd=lab.root, env=lab.env, capture_output=True, text=True,
    )
    assert done.returncode == 0 and done.stdout.splitlines()[-1].startswith("7 passed, 3 skipped"), done.stdout


@pytest.mark.example
def test_a_lab_keeps_some_shipped_papers_and_brings_one_back_as_it_was(tmp_path):
    lab = Project(tmp_path / "lab")
    keep = sorted(lab.papers())[:3]
    listing = "content/sources/000_19bd02ae25786342.txt"
    # Only the other paper files and the example's listing go; the record stays.
    lab.git("rm", "-q", listing, *(f"content/papers/{p}.yml" for p in lab.papers() if p not in keep))
    lab.git("commit", "-q", "-m", "our own list")
    assert lab.papers() == keep

    # The shipped paper in the lab's file is skipped: the record remembers its deletion.
    done = lab.sh("readinglist import my-lab.bib")
    assert done.returncode == 0, done.stderr
    assert f"not recreated: {SHIPPED} (" in done.stdout
    assert SHIPPED not in lab.papers()

    # README's way back: the listing from the commit's parent, the paper restored from it,
    # as the shipped file was (its topics: by hand) since git has that file.
    *fetch, restore = readme_blocks()[1]
    example = tmp_path / "example.txt"  # (README's /tmp/example.txt, kept to this test)
    commands = "\n".join([*fetch, restore.replace("ID", SHIPPED)]).replace("/tmp/example.txt", str(example))
    done = lab.sh(commands)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""  # (no warning: nothing of the paper's file is missing)
    assert ": 1 added, " in done.stdout.splitlines()[-1]
    restored = lab.root / "content" / "papers" / f"{SHIPPED}.yml"
    assert restored.read_bytes() == (REPO / "content" / "papers" / f"{SHIPPED}.yml").read_bytes()
    assert "topics: [benchmarks-and-evaluation]\n" in restored.read_text()
    assert example.read_bytes()
    assert lab.git("status", "--porcelain", "--", listing) == ""  # the listing stays out


def updating_block() -> list[str]:
    """The commands of README's "Updating to a newer readinglist" block."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = re.split(r"\n#{2,} ", readme.split("### Updating to a newer readinglist\n", 1)[1], maxsplit=1)[0]
    (block,) = re.findall(r"```sh\n(.*?)```", section, re.S)
    return [line.split("  # ", 1)[0].rstrip() for line in block.splitlines() if line.strip()]


@pytest.mark.parametrize("topics_conflict", [True, False])
def test_readmes_update_commands_keep_the_labs_content_whatever_upstream_changed(tmp_path, topics_conflict):
    # (curator walkthrough: an upstream edit to content/topics.yml that touched no line
    # of the lab's merged with no conflict, and `git pull` committed it, with an edited
    # page and a new paper of the example: the commands after it, which resolved
    # conflicts only, never saw them, and the example's content came into the lab's list)
    from .gitrepo import GIT_ENV, git

    upstream, lab = tmp_path / "upstream", tmp_path / "lab"

    def write(root: Path, name: str, text: str) -> None:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")

    topics = "# How topics match.\n#\n# (more on matching)\ntopics: []\n"
    mkdocs = "site_name: Example\n# (the theme)\n#\n#\ntheme: material\n"
    git(tmp_path, "init", "-q", "-b", "main", str(upstream))
    for name, text in {
        "content/topics.yml": topics, "content/papers/shipped.yml": "id: shipped\n",
        "content/papers/kept.yml": "id: kept\ntitle: A paper the lab keeps\n",
        "content/papers/gone.yml": "id: gone\ntitle: A paper the lab deletes\n",
        "content/pages/index.md": "# Example\n", "content/pages/about.md": "About the example.\n",
        "content/pages/contributing.md": "Contribute.\n", "content/schema/paper.schema.json": "{}\n",
        "generator/code.py": "VERSION = 1\n", "mkdocs.yml": mkdocs,
    }.items():
        write(upstream, name, text)
    git(upstream, "add", "-A")
    git(upstream, "commit", "-q", "-m", "the example")
    git(tmp_path, "clone", "-q", str(upstream), str(lab))

    # The lab's list: shipped papers deleted, one kept and edited, its topics, its home
    # page, its site's name.
    git(lab, "rm", "-q", "content/papers/shipped.yml", "content/papers/gone.yml")
    write(lab, "content/papers/kept.yml", "id: kept\ntitle: A paper the lab keeps\ntags: [ours]\n")
    ours = topics.replace("topics: []", "topics: [ours]")
    write(lab, "content/topics.yml", ours)
    write(lab, "content/pages/index.md", "# Our lab\n")
    write(lab, "mkdocs.yml", mkdocs.replace("Example", "Our lab"))
    git(lab, "commit", "-q", "-am", "our own list")
    committed = git(lab, "ls-tree", "-r", "HEAD", "--", "content")
    # ... and what it has not committed yet: an edit, a new paper.
    write(lab, "content/pages/contributing.md", "Contribute to our list.\n")
    write(lab, "content/papers/mine.yml", "id: mine\n")

    # The newer version: its example's content changed every way, its code and schema too.
    if topics_conflict:
        write(upstream, "content/topics.yml", topics.replace("topics: []", "topics: [theirs]"))
    else:  # (lines apart from the lab's: no conflict)
        write(upstream, "content/topics.yml", topics.replace("How topics match.", "How topics match, newer."))
    write(upstream, "content/papers/shipped.yml", "id: shipped\ntitle: Edited\n")
    write(upstream, "content/papers/new.yml", "id: new\n")
    # (renamed: git tells a rename by its content, and merges the lab's edit into the
    # new name; the old one was not put back, and the lab's paper was gone)
    git(upstream, "mv", "content/papers/kept.yml", "content/papers/kept-renamed.yml")
    git(upstream, "mv", "content/papers/gone.yml", "content/papers/gone-renamed.yml")
    write(upstream, "content/pages/about.md", "About the example, newer.\n")
    write(upstream, "content/pages/new.md", "A new page of the example.\n")
    write(upstream, "content/schema/paper.schema.json", '{"newer": true}\n')
    write(upstream, "generator/code.py", "VERSION = 2\n")
    write(upstream, "mkdocs.yml", mkdocs.replace("Example", "Example 2").replace("material", "material2"))
    git(upstream, "add", "-A")
    git(upstream, "commit", "-q", "-m", "newer")

    # README's commands, line by line as pasted into a shell (the pull's remote the lab's origin).
    *commands, check = updating_block()
    assert check == "readinglist check"
    for command in commands:
        done = subprocess.run(
            ["bash", "-c", command.replace("UPSTREAM", "origin")], cwd=lab, env=GIT_ENV,
            capture_output=True, text=True,
        )
        assert done.returncode in ((0, 1) if command.startswith("git pull ") else (0,)), done.stderr
        assert "fatal" not in done.stderr and "error" not in done.stderr, done.stderr
    # The merge waits for the lab's commit, mkdocs.yml its hand (both changed site_name).
    assert (lab / ".git" / "MERGE_HEAD").is_file()
    assert git(lab, "diff", "--name-only", "--diff-filter=U") == "mkdocs.yml\n"
    assert "theme: material2\n" in (lab / "mkdocs.yml").read_text()  # (its other settings merged)
    # Code and the generated schemas come in; content/ is the lab's, as committed.
    assert (lab / "generator" / "code.py").read_text() == "VERSION = 2\n"
    assert (lab / "content" / "schema" / "paper.schema.json").read_text() == '{"newer": true}\n'
    assert git(lab, "diff", "--cached", "--name-only", "HEAD", "--", "content") == "content/schema/paper.schema.json\n"
    assert (lab / "content" / "topics.yml").read_text() == ours
    assert (lab / "content" / "pages" / "about.md").read_text() == "About the example.\n"
    assert not (lab / "content" / "papers" / "shipped.yml").exists()
    assert not (lab / "content" / "papers" / "new.yml").exists()
    assert (lab / "content" / "papers" / "kept.yml").read_text().endswith("tags: [ours]\n")
    assert not list((lab / "content" / "papers").glob("*-renamed.yml"))
    assert not (lab / "content" / "pages" / "new.md").exists()
    # ... with what it had not committed, as it was.
    assert (lab / "content" / "pages" / "contributing.md").read_text() == "Contribute to our list.\n"
    assert (lab / "content" / "papers" / "mine.yml").read_text() == "id: mine\n"
    # Committed once mkdocs.yml is resolved, the merge holds the lab's content/ exactly.
    write(lab, "mkdocs.yml", mkdocs.replace("Example", "Our lab").replace("material", "material2"))
    git(lab, "add", "mkdocs.yml")
    git(lab, "commit", "-q", "--no-edit")
    after = git(lab, "ls-tree", "-r", "HEAD", "--", "content")
    assert [line for line in after.splitlines() if "content/schema/" not in line] == [
        line for line in committed.splitlines() if "content/schema/" not in line
    ]


def test_readmes_update_commands_change_nothing_without_a_merge(tmp_path):
    # (the pull refused, or found nothing newer: the list's uncommitted changes, staged
    # or not, are left as they are)
    from .gitrepo import GIT_ENV, git

    lab = tmp_path / "lab"
    (lab / "content" / "pages").mkdir(parents=True)
    git(tmp_path, "init", "-q", "-b", "main", str(lab))
    (lab / "content" / "topics.yml").write_text("topics: []\n")
    git(lab, "add", "-A")
    git(lab, "commit", "-q", "-m", "our own list")
    (lab / "content" / "topics.yml").write_text("topics: [staged]\n")
    (lab / "content" / "pages" / "new.md").write_text("A new page.\n")
    git(lab, "add", "-A")
    *_, restore, _ = updating_block()
    done = subprocess.run(["bash", "-c", restore], cwd=lab, env=GIT_ENV, capture_output=True, text=True)
    assert done.stderr == ""
    assert git(lab, "status", "--short") == "A  content/pages/new.md\nM  content/topics.yml\n"
    assert (lab / "content" / "topics.yml").read_text() == "topics: [staged]\n"


@pytest.mark.parametrize("pull_rebase", [None, "true"])
def test_readmes_pull_merges_the_newer_version_as_its_next_steps_expect(tmp_path, pull_rebase):
    # (curator following "Updating": with no pull.rebase set, git 2.27+ stopped the
    # README's `git pull UPSTREAM main` at once, "fatal: Need to specify how to reconcile
    # divergent branches"; and set to rebase, the next steps' `--ours` would have kept
    # the newer version's topics, not the lab's)
    from .gitrepo import GIT_ENV, git

    pull = updating_block()[0]
    assert pull.startswith("git pull ") and pull.endswith(" UPSTREAM main"), pull
    upstream, lab = tmp_path / "upstream", tmp_path / "lab"
    (upstream / "content").mkdir(parents=True)
    git(tmp_path, "init", "-q", "-b", "main", str(upstream))
    (upstream / "content" / "topics.yml").write_text("topics: []\n")
    git(upstream, "add", "-A")
    git(upstream, "commit", "-q", "-m", "the example")
    git(tmp_path, "clone", "-q", str(upstream), str(lab))
    if pull_rebase:
        git(lab, "config", "pull.rebase", pull_rebase)
    (lab / "content" / "topics.yml").write_text("topics: [ours]\n")
    git(lab, "commit", "-q", "-am", "our own list")
    (upstream / "content" / "topics.yml").write_text("topics: [theirs]\n")
    git(upstream, "commit", "-q", "-am", "newer")
    command = pull.replace("UPSTREAM", str(upstream))
    done = subprocess.run(["bash", "-c", command], cwd=lab, env=GIT_ENV, capture_output=True, text=True)
    assert done.returncode == 1 and "fatal" not in done.stderr, done.stderr
    # A merge, stopped on the file both changed: "ours" is the lab's side.
    assert (lab / ".git" / "MERGE_HEAD").is_file()
    assert git(lab, "diff", "--name-only", "--diff-filter=U") == "content/topics.yml\n"
    git(lab, "checkout", "--ours", "--", "content/topics.yml")
    assert (lab / "content" / "topics.yml").read_text() == "topics: [ours]\n"

@pytest.mark.example
def test_the_examples_name_and_home_page_are_the_ones_check_tells_of(tmp_path):
    # (what the next test writes: were the shipped name or heading changed, the reminder
    # would silently never be said)
    from generator.siteconfig import example_left

    shutil.copy(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / "content" / "pages").mkdir(parents=True)
    shutil.copy(REPO / "content" / "pages" / "index.md", tmp_path / "content" / "pages" / "index.md")
    assert [str(p.location) for p in example_left(tmp_path).items] == [
        "mkdocs.yml:4:12", "content/pages/index.md:1:1",
    ]


def test_check_reminds_a_list_of_its_own_of_the_examples_name_and_home_page(tmp_path, capsys):
    """A lab that followed "Starting your own list" but for mkdocs.yml and index.md
    published its papers as "Learning across tasks: a reading list", under the example's
    introduction: nothing said so. `check` does, at each place, once the example's
    listing is gone (the example itself, which has it, is told nothing)."""
    from generator.cli import main
    from generator.siteconfig import EXAMPLE_NAME

    root = tmp_path / "lab"
    (root / "content" / "papers").mkdir(parents=True)
    (root / "content" / "pages").mkdir()
    (root / "content" / "topics.yml").write_text("topics: []\n")
    config = f'# The site.\nsite_name: "{EXAMPLE_NAME}"\nsite_description: Papers.\n'
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    (root / "content" / "pages" / "index.md").write_text(f"# {EXAMPLE_NAME}\n\nPapers on many tasks.\n")

    def said() -> list[str]:
        assert main(["--root", str(root), "check"]) == 0  # (warnings: a build is not stopped)
        return [text for text in capsys.readouterr().out.splitlines() if ": warning: " in text]

    assert said() == [
        "content/pages/index.md:1:1: warning: the home page is still the shipped example's"
        " introduction (a list on learning across tasks); rewrite it for your list",
        "mkdocs.yml:2:12: warning: 'site_name' is still the shipped example's"
        " ('Learning across tasks: a reading list'); set your list's name, and its 'site_description'",
    ]
    listing = root / "content" / "sources" / "000_19bd02ae25786342.txt"
    listing.parent.mkdir()
    listing.write_text("(the example's listing)\n")
    assert said() == []
    listing.unlink()
    (root / "mkdocs.yml").write_text(config.replace(EXAMPLE_NAME, "Our lab reads"))
    (root / "content" / "pages" / "index.md").write_text("# What our lab reads\n\nOur papers.\n")
    assert said() == []
