"""Every case of the hostile-input corpus (cases/*.yml; README.md says how a case reads).

Error cases must be refused with exactly the messages pinned in the case. Literal cases
must load without a problem and show up on the built site exactly as typed; they are
built together into one site (see corpus.built_sites), shared with test_hostile_site.py.
Import cases run `readinglist import` on their input and check the files it writes.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from generator.curation import load_content
from generator.errors import CuratorError, Problems
from generator.importer import import_paths
from generator.yamlio import parse, to_python
from tests.test_curation import without_topicless

from . import corpus

CASES = corpus.all_cases()
DAY = dt.date(2026, 1, 2)


def _ids(cases):
    return [case.name for case in cases]


def _matches(actual: list[str], expected: tuple[str, ...]) -> bool:
    if len(actual) != len(expected):
        return False
    return all(
        a.startswith(e[:-4]) if e.endswith(" ...") else a == e for a, e in zip(actual, expected)
    )


def _check_errors(case: corpus.Case, errors: list[str]) -> None:
    if case.errors:
        assert _matches(errors, case.errors), "\n".join(errors)
    else:
        for line in case.errors_include:
            assert line in errors, "\n".join(errors)
        assert len(errors) <= case.max_errors, "\n".join(errors)


def test_the_corpus_covers_at_least_forty_cases_each_with_an_outcome():
    assert len(CASES) >= 40
    for case in CASES:
        assert case.kind in ("content", "import"), case.name
        assert case.expect in ("error", "literal"), case.name
        if case.expect == "error":
            assert case.errors or case.errors_include, case.name
        # Every literal content case carries a hostile string to look for on its page.
        if case.kind == "content" and case.expect == "literal":
            assert case.shows or case.hrefs, case.name


# --- content cases: `readinglist check` ------------------------------------------------


@pytest.mark.parametrize(
    "case", [c for c in CASES if c.kind == "content"], ids=_ids([c for c in CASES if c.kind == "content"])
)
def test_content_case_is_refused_or_accepted_as_the_case_says(tmp_path, case):
    corpus.write_files(tmp_path / "content", case.files)
    content, problems = load_content(tmp_path / "content", root=tmp_path)
    errors = [str(p) for p in problems.errors]
    # (A case writes no topics.yml: that the list has no topic is no case's warning.)
    warnings = without_topicless(problems.warnings)
    if case.expect == "error":
        _check_errors(case, errors)
    else:
        assert errors == [], "\n".join(errors)
        assert sorted(p.id for p in content.papers) == sorted(corpus.paper_ids(case))
    assert warnings == list(case.warnings)


def _place(line: str) -> tuple:
    path, line_no, col, message = (line.split(":", 3) + ["0", "0", ""])[:4]
    return (path, int(line_no), int(col), message) if line_no.isdigit() else (path, 0, 0, line)


def test_readinglist_check_reports_every_case_at_once(tmp_path):
    """All content cases in one project: `readinglist check` prints every error and
    warning of every case, sorted by place, and exits non-zero; the literal cases add
    no error."""
    exact = [c for c in CASES if c.kind == "content" and not c.errors_include]
    for case in exact:
        corpus.write_files(tmp_path / "content", case.files)
    (tmp_path / "mkdocs.yml").write_text("site_name: Bad inputs\n", encoding="utf-8")  # (a project's)
    result = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(tmp_path), "check"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 1
    printed = result.stdout.splitlines()
    errors = [line for case in exact for line in case.errors]
    warnings = [line for case in exact for line in case.warnings]
    expected = sorted(errors + warnings, key=_place)
    assert _matches(printed[:-1], tuple(expected)), "\n".join(printed)
    papers = sum(len(corpus.paper_ids(c)) for c in exact if c.expect == "literal")
    assert printed[-1].startswith(f"{len(errors)} errors, {len(warnings)} warnings (")
    assert int(printed[-1].split("(")[1].split()[0]) >= papers


@pytest.fixture(scope="session")
def sites():
    return corpus.built_sites()


@pytest.mark.parametrize("case", corpus.site_cases(), ids=_ids(corpus.site_cases()))
def test_literal_case_shows_every_value_as_typed_on_its_page(sites, case):
    site = sites.hostile / "site"
    content, _ = load_content(sites.hostile / "content")
    papers = {p.id: p for p in content.papers}
    links: set[str] = set()
    for paper_id in corpus.paper_ids(case):
        page = corpus.paper_page(site, paper_id)
        shown = corpus.visible_text(page)
        paper = papers[paper_id]
        for value in (paper.title, *paper.authors, paper.venue):
            assert corpus.fold(value) in shown, value
        for value in case.shows.get(paper_id, ()):
            assert corpus.fold(value) in shown, value
        for value in case.hides:
            assert value not in page, value
        links |= corpus.hrefs(page)
    for url in case.hrefs:
        assert url in links, sorted(links)


# --- import cases: `readinglist import` --------------------------------------------------


@pytest.mark.parametrize(
    "case", [c for c in CASES if c.kind == "import"], ids=_ids([c for c in CASES if c.kind == "import"])
)
def test_import_case_writes_what_the_case_says(tmp_path, monkeypatch, case):
    monkeypatch.chdir(tmp_path)
    corpus.write_files(tmp_path, case.files)
    inputs = [Path(name) for name in case.files]
    if case.expect == "error":
        with pytest.raises(CuratorError) as caught:
            import_paths(inputs, tmp_path / "content", added=DAY)
        _check_errors(case, [str(p) for p in caught.value.problems])
        assert not (tmp_path / "content" / "papers").exists() or not any(
            (tmp_path / "content" / "papers").iterdir()
        )
        return
    import_paths(inputs, tmp_path / "content", added=DAY)
    papers_dir = tmp_path / "content" / "papers"
    written = {}
    for path in sorted(papers_dir.glob("*.yml")):
        problems = Problems()
        written[path.stem] = to_python(parse(path.read_text(encoding="utf-8"), str(path), problems))
        assert not problems, problems.format()
    assert sorted(written) == sorted(case.papers)
    for paper_id, fields in case.papers.items():
        for name, value in fields.items():
            assert written[paper_id].get(name) == value, (paper_id, name)
    # What an import writes is valid curation: `readinglist check` finds nothing.
    _, problems = load_content(tmp_path / "content", root=tmp_path)
    assert [str(p) for p in problems.errors] == []
