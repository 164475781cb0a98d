"""README's "Renaming or removing a paper or a topic", followed on a copy of the shipped
list, and its "Adding a paper by its arXiv id or DOI" against a stand-in for arXiv: what
it says `check`, `rename` and `add` print is what they print.

The README quotes these messages with placeholders (`old`, `new`, `old-id`) or with the
shipped list's own ids; each test does what the README says a curator does, then looks
for the quoted text, its placeholders filled with the ids used, in what the command
printed. (The "Checking the list" example and the README's paper and topic files are
checked in tests/test_packaging.py; "What is left to fill in" here, on the shipped list.) And every section the README or a message sends a
reader to (`see "..."`, `README: "..."`) is one of its headings.
"""

from __future__ import annotations

import re
import shutil
import socket
from pathlib import Path

import pytest

from generator.cli import main
from tests.test_add_cmd import DATA, FakeServers

ROOT = Path(__file__).resolve().parent.parent
RENAMING = "## Renaming or removing a paper or a topic"

# A shipped paper that a topic's reading order names, and the topic whose id the README's
# example of a topic renamed by hand uses (papers name it in topics: and exclude_topics:).
PAPER = "editing-models-with-task-arithmetic"
TOPIC = "transfer-learning"


def readme_section(heading: str) -> str:
    """The section's prose (its code blocks left out), its lines joined as the Markdown
    reads them."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    body = text.split(f"\n{heading}\n", 1)[1].split("\n## ", 1)[0]
    return " ".join(re.sub(r"^```.*?^```$", "", body, flags=re.M | re.S).split())


def quoted(section: str, start: str) -> str:
    """The one code span of ``section`` that starts with ``start``."""
    spans = [s for s in re.findall(r"`([^`]+)`", section) if s.startswith(start)]
    assert len(spans) == 1, f"README quotes {start!r}... {len(spans)} times"
    return spans[0]


def filled(text: str, **ids: str) -> str:
    """``text`` with each placeholder, where it stands as an id, replaced by its id."""
    for placeholder, value in ids.items():
        text = re.sub(rf"(?<=['\[/]){placeholder}(?=['\]/])", value, text)
    return text


@pytest.fixture
def lab(tmp_path) -> Path:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path)  # (a project's)
    (tmp_path / "overrides").mkdir()  # (the theme folder it names: check says one missing)
    return tmp_path


def printed(lab: Path, capsys, *args: str) -> list[str]:
    main(["--root", str(lab), *args])
    out, err = capsys.readouterr()
    return (out + err).splitlines()


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, (path, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def says(lines: list[str], message: str) -> list[str]:
    """The lines that end with ``message`` after their place."""
    return [line for line in lines if re.fullmatch(r"\S+:\d+:\d+: (warning: )?" + re.escape(message) + ".*", line)]


@pytest.mark.example
def test_a_paper_renamed_by_hand_is_told_as_the_readme_says(lab, capsys):
    # "By hand: rename its file and its `id:` together ..., and add `formerly: [old]`":
    # without the formerly: yet, check names the places that use the old id, and warns at
    # the paper's id that the importer knew it by the old one.
    section = readme_section(RENAMING)
    new = "task-arithmetic"
    papers = lab / "content" / "papers"
    (papers / f"{PAPER}.yml").rename(papers / f"{new}.yml")
    edit(papers / f"{new}.yml", f"\nid: {PAPER}\n", f"\nid: {new}\n")
    lines = printed(lab, capsys, "check")
    renamed = filled(quoted(section, "no paper 'old': it was renamed to"), old=PAPER, new=new)
    assert says(lines, renamed), (renamed, lines)
    forgot = filled(quoted(section, "paper 'new' was imported as 'old'"), old=PAPER, new=new)
    assert says(lines, forgot) == [
        f"content/papers/{new}.yml:2:5: warning: {forgot}"], (forgot, lines)


@pytest.mark.example
def test_readinglist_rename_prints_each_change_and_names_an_id_a_slip_away(lab, capsys):
    section = readme_section(RENAMING)
    new = "task-vectors"
    lines = printed(lab, capsys, "rename", PAPER, new)
    # "It prints each change at its place (`path:line:col: old -> new`, or
    # `path:line:col: added formerly: [old]`)".
    for shape in ("path:line:col: old -> new", "path:line:col: added formerly: [old]"):
        assert shape in section
        message = filled(shape.split(": ", 1)[1], old=PAPER).replace("old -> new", f"{PAPER} -> {new}")
        assert says(lines, message), (message, lines)
    # The README's mistyped id, of a list that has a paper 'task-vectors' now.
    slip = quoted(section, "no paper 'taks-vectors' to rename")
    lines = printed(lab, capsys, "rename", "taks-vectors", "x")
    assert any(line.split(": ", 1)[-1].startswith(slip) for line in lines), (slip, lines)


@pytest.mark.example
def test_a_rename_cut_off_is_told_and_finished_as_the_readme_says(lab, capsys):
    import subprocess
    import sys

    from tests.test_renamewrite import _KILLED

    section = readme_section(RENAMING)
    new = "task-arithmetic-editing"
    # (Killed outright at its third file put in place: the journal's, the new file's, ...)
    subprocess.run(
        [sys.executable, "-c", _KILLED, "3", "--root", str(lab), "rename", PAPER, new],
        cwd=ROOT, check=False, capture_output=True,
    )
    cut = quoted(section, "a rename was cut off").replace("old -> new", f"{PAPER} -> {new}")
    assert "with the command that finishes it, `readinglist rename old new` run again" in section
    again = f"readinglist rename {PAPER} {new}"
    lines = printed(lab, capsys, "check")
    assert [line for line in lines if ": " in line and not line[0].isdigit()] == [
        f"content/.rename.json: {cut}: run `{again}` again to finish it (an import finishes it too)"
    ], lines
    finished = quoted(section, "finished a rename").replace("old -> new", f"{PAPER} -> {new}")
    assert printed(lab, capsys, "rename", PAPER, new) == [finished]
    assert (lab / "content/papers" / f"{new}.yml").exists()
    assert not (lab / "content/papers" / f"{PAPER}.yml").exists()


@pytest.mark.example
def test_a_topic_renamed_by_hand_is_told_as_the_readme_says(lab, capsys):
    # "Merge or remove a topic, or rename one by hand: edit `content/topics.yml`", with the
    # README's own example: transfer-learning renamed transfer-and-meta-learning.
    section = readme_section(RENAMING)
    unknown = quoted(section, f"unknown topic '{TOPIC}'")
    new = unknown.split("did you mean '", 1)[1].split("'", 1)[0]
    topics = lab / "content" / "topics.yml"
    edit(topics, f"  - id: {TOPIC}\n", f"  - id: {new}\n")
    lines = printed(lab, capsys, "check")
    assert says(lines, unknown), (unknown, lines)
    # "Give a renamed topic ... `formerly: [old-id]`": then `check` says it was renamed,
    # and in a paper's exclude_topics: what writing the new id there would mean.
    edit(topics, f"  - id: {new}\n", f"  - id: {new}\n    formerly: [{TOPIC}]\n")
    lines = printed(lab, capsys, "check")
    gone = filled(quoted(section, "no topic 'old-id': it was renamed"), **{"old-id": TOPIC, "new-id": new})
    assert says(lines, gone), (gone, lines)
    excluded = filled(quoted(section, "write 'new-id' to exclude"), **{"old-id": TOPIC, "new-id": new})
    assert [line for line in says(lines, gone) if line.endswith(excluded)], (excluded, lines)


def test_every_section_the_readme_or_a_message_sends_to_is_a_heading():
    # A curator told to see "A paper you delete stays deleted" looked for a heading that
    # reads "A paper you delete". A short form ("Importing") is the start of a heading.
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    headings = [" ".join(h.split()) for h in re.findall(r"^#+ (.+)$", readme, re.M)]
    cited = {f"README.md: {' '.join(name.split())}" for name in re.findall(r'\bsee "([^"]+)"', readme)}
    for path in sorted((ROOT / "generator").rglob("*.py")):
        text = path.read_text(encoding="utf-8").replace('\\"', '"')
        cited |= {f"{path.relative_to(ROOT)}: {name}" for name in re.findall(r'README: "([^"]+)"', text)}
    assert len(cited) > 3
    unknown = sorted(c for c in cited if not any(h.startswith(c.split(": ", 1)[1]) for h in headings))
    assert unknown == []


ADDING = "## Adding a paper by its arXiv id or DOI"


@pytest.fixture
def arxiv(monkeypatch):
    """tests/test_add_cmd.py's stand-in for arXiv, which answers as arXiv does."""
    fake = FakeServers()
    monkeypatch.setenv("READINGLIST_ARXIV_API", fake.url + "/api/query")
    yield fake
    fake.close()


@pytest.mark.parametrize("kind", ["no such paper", "withdrawn"])
def test_adds_messages_are_the_ones_the_readme_quotes(tmp_path, arxiv, capsys, kind):
    section = readme_section(ADDING)
    (tmp_path / "content" / "papers").mkdir(parents=True)
    (tmp_path / "content" / "topics.yml").write_text("topics: []\n", encoding="utf-8")
    if kind == "no such paper":
        expected = quoted(section, "arXiv:2106.99999: ")
        assert main(["--root", str(tmp_path), "add", "2106.99999"]) == 1
        assert expected in capsys.readouterr().err.splitlines()
    else:
        # "(`arXiv:2101.00001: warning: arXiv says the paper was withdrawn ("…"); taken as
        # arXiv has it: ...`)", arXiv's words where the README has "…".
        before, after = quoted(section, "arXiv:2101.00001: warning: ").split("…")
        arxiv.entries["2101.00001"] = (DATA / "withdrawn-entry.xml").read_text()
        assert main(["--root", str(tmp_path), "add", "2101.00001"]) == 0
        warned = capsys.readouterr().err.splitlines()
        assert [w for w in warned if w.startswith(before) and w.endswith(after)], (before, after, warned)


def test_add_offline_says_what_the_readme_says_to_do(tmp_path, monkeypatch, capsys):
    # "Offline (no answer at all), it says how to add the papers without it: for arXiv,
    # save the address it asked ... (`curl -o answer.xml 'ADDRESS'` ...) and
    # `readinglist import answer.xml`".
    section = readme_section(ADDING)
    (tmp_path / "content" / "papers").mkdir(parents=True)
    (tmp_path / "content" / "topics.yml").write_text("topics: []\n", encoding="utf-8")
    # A port nothing listens on, no answer at all: held bound, not listening, while add
    # runs (let go, any process on the machine could take it and answer).
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        api = f"http://127.0.0.1:{unused.getsockname()[1]}/api/query"
        assert main(["--root", str(tmp_path), "add", "--arxiv-api", api, "2106.09685"]) == 2
    said = " ".join(capsys.readouterr().err.split())
    asked = f"{api}?id_list=2106.09685&max_results=1"
    for step in (quoted(section, "curl -o answer.xml"), quoted(section, "readinglist import answer")):
        assert step.replace("ADDRESS", asked) in said, (step, said)


@pytest.mark.example
def test_readinglist_gaps_prints_what_the_readme_shows(capsys):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n### What is left to fill in\n", 1)[1]
    command, after = section.split("On the shipped list, `", 1)[1].split("`", 1)
    shown = after.split("```\n", 1)[1].split("```\n", 1)[0]
    args = command.split()
    assert args[:2] == ["readinglist", "gaps"]
    assert main(["--root", str(ROOT), *args[1:]]) == 0
    out, err = capsys.readouterr()
    assert (out, err) == (shown, "")


def test_a_bibtex_entry_without_a_title_is_skipped_as_the_readme_says(tmp_path, capsys):
    # README's import section: such an entry is a warning, the rest imported, status 0.
    section = readme_section("## Importing a listing, a BibTeX or an RIS file, or a Markdown list")
    (tmp_path / "mkdocs.yml").write_text("site_name: Lab\n")
    bib = tmp_path / "lab.bib"
    bib.write_text("@misc{kept, title = {A Kept Paper}, year = 2020}\n@article{smith2020, author = {Smith, A}}\n")
    assert main(["--root", str(tmp_path), "import", "-q", "--no-keep-source", str(bib)]) == 0
    # The warning alone, as README's summary section says such an entry is told: not
    # again in a note (fix19); the summary counts it.
    out, err = capsys.readouterr()
    [said] = err.splitlines()
    assert out.endswith("; 1 skipped in the input (no paper taken: see the warnings)\n")
    # The README quotes the warning's line, its path lab.bib. (Looked for as text: quoted(), which
    # pairs the section's backticks from its start, pairs them otherwise before it.)
    assert f"(exit status 0): `{said.replace(str(bib), 'lab.bib', 1)}`" in section
    assert [p.name for p in (tmp_path / "content" / "papers").iterdir()] == ["a-kept-paper.yml"]
