"""content/repositories.yml: reading it (every problem at its place), writing it, and
what it puts into the papers' code links (generator/repositories.py)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from generator import repositories
from generator.curation import load_content
from generator.errors import Problems
from generator.models import Content, Link, Paper, RepoStats

REPO = Path(__file__).resolve().parent.parent
FIXTURE = REPO / "tests" / "data" / "site_fixture" / "content"
DAY = dt.date(2026, 11, 20)


def read_text(tmp_path: Path, text: str) -> tuple[dict[str, RepoStats], list[str]]:
    path = tmp_path / "repositories.yml"
    path.write_text(text, encoding="utf-8")
    problems = Problems()
    stats = repositories.read(path, "content/repositories.yml", problems)
    return stats, [str(p) for p in problems.sorted()]


def test_a_file_as_the_command_writes_it_is_read_back(tmp_path):
    stats = {
        "github.com/a/b": RepoStats(12, False, DAY),
        "github.com/owner-1/name.js": RepoStats(1_234_567, True, dt.date(2025, 1, 2)),
    }
    text = repositories.dump(stats)
    assert text.startswith("# What GitHub said")
    problems = Problems()
    assert repositories.read(tmp_path / "none.yml", "x", problems) == {} and not problems.items  # no file, no problem
    back, found = read_text(tmp_path, text)
    assert back == stats and found == []


_NAME = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9-]{0,10}/[A-Za-z0-9._-]{1,12}", fullmatch=True).filter(
    lambda name: not name.split("/")[1].strip(".") == ""  # "." and ".." are no repository names
)


@given(st.dictionaries(
    _NAME.map(lambda name: f"github.com/{name}".lower()),
    st.builds(RepoStats, st.integers(0, 10**9), st.booleans(), st.dates(dt.date(2008, 1, 1), dt.date(2100, 1, 1)))
    | st.builds(lambda day: RepoStats(0, False, day, gone=True), st.dates(dt.date(2008, 1, 1), dt.date(2100, 1, 1))),
    max_size=6,
))
def test_dump_and_read_give_back_any_stats(tmp_path_factory, stats):
    back, found = read_text(tmp_path_factory.mktemp("r"), repositories.dump(stats))
    assert found == [] and back == stats


def test_every_problem_is_reported_at_its_place_at_once(tmp_path):
    stats, found = read_text(tmp_path, (
        "github.com/ok/one:\n  stars: 3\n  archived: false\n  checked: 2026-11-20\n"
        "gitlab.com/a/b:\n  stars: 1\n  checked: 2026-11-20\n"
        "github.com/OK/One:\n  stars: 4\n  checked: 2026-11-20\n"
        "github.com/a/stars:\n  stars: 12k\n  archived: yes\n  checked: 30/11/2026\n  forks: 3\n"
        "github.com/a/missing:\n  archived: true\n"
        "github.com/a/list: [1, 2]\n"
    ))
    assert stats == {"github.com/ok/one": RepoStats(3, False, DAY)}
    assert found == [
        "content/repositories.yml:5:1: 'gitlab.com/a/b' is no repository: a key is 'github.com/owner/name'",
        "content/repositories.yml:8:1: 'github.com/OK/One' is here twice (names are compared without regard to case)",
        "content/repositories.yml:12:10: stars must be a whole number (of at most ten digits), not '12k'",
        "content/repositories.yml:13:13: archived must be true or false, not 'yes'",
        "content/repositories.yml:14:12: checked must be a date (YYYY-MM-DD), not '30/11/2026'",
        "content/repositories.yml:15:3: unknown field 'forks' (known: stars, archived, gone, checked)",
        "content/repositories.yml:17:3: checked is missing for 'github.com/a/missing'",
        "content/repositories.yml:17:3: stars is missing for 'github.com/a/missing'",
        "content/repositories.yml:18:20: a repository's entry holds stars, archived and checked (or gone and checked)",
    ]


def test_a_misspelt_field_is_told_the_field_meant_and_a_required_one_missing_once(tmp_path):
    # (As in a paper's or a topic's file: 'stras' was told the four fields, and a
    # misspelt required field was said twice, the second as missing at the entry.)
    stats, found = read_text(tmp_path, (
        "github.com/a/one:\n  stras: 3\n  archvied: false\n  checked: 2026-11-20\n"
        "github.com/a/two:\n  stars: 3\n  checkd: 2026-11-20\n  checked: 2026-11-20\n"
        "github.com/a/three:\n  gone: true\n  chekced: 2026-11-20\n"
        "github.com/a/four:\n  gone: true\n  stras: 3\n  checked: 2026-11-20\n"
    ))
    assert stats == {}
    assert found == [
        "content/repositories.yml:2:3: unknown field 'stras' (did you mean 'stars'? the required field 'stars' is missing)",
        "content/repositories.yml:3:3: unknown field 'archvied' (did you mean 'archived'?)",
        "content/repositories.yml:7:3: unknown field 'checkd' (did you mean 'checked'?)",
        "content/repositories.yml:11:3: unknown field 'chekced' (did you mean 'checked'? the required field 'checked' is missing)",
        "content/repositories.yml:14:3: unknown field 'stras' (did you mean 'stars'?)",
    ]


def test_a_file_that_is_no_mapping_is_one_error(tmp_path):
    stats, found = read_text(tmp_path, "- github.com/a/b\n")
    assert stats == {}
    assert found == [
        "content/repositories.yml:1:1: this file maps repositories ('github.com/owner/name') to what GitHub said of them"
    ]


def test_star_counts_are_shortened_and_never_rounded_up():
    cases = {0: "0", 7: "7", 999: "999", 1000: "1k", 1049: "1k", 1099: "1k", 1100: "1.1k", 1999: "1.9k",
             9999: "9.9k", 10_000: "10k", 15_321: "15k", 999_999: "999k", 1_000_000: "1M",
             1_250_000: "1.2M", 12_000_000: "12M"}
    assert {n: repositories.short_count(n) for n in cases} == cases


@given(st.integers(0, 10**10))
def test_a_short_count_never_claims_more_than_the_count(n):
    from decimal import Decimal

    text = repositories.short_count(n)
    if text[-1] not in "kM":
        assert int(text) == n
        return
    unit = {"k": 1000, "M": 1_000_000}[text[-1]]
    value = Decimal(text[:-1])
    step = Decimal("0.1") if value < 10 else Decimal(1)  # the last digit shown
    assert value * unit <= n < (value + step) * unit


def _paper(*links: Link) -> Paper:
    return Paper(id="p", title="T", abstract="", links=links)


def test_only_github_code_links_get_stats_compared_without_case():
    stats = {"github.com/example/gem": RepoStats(87, True, DAY)}
    github = Link("https://github.com/Example/GEM", "code", host="github", repo="Example/GEM")
    gitlab = Link("https://gitlab.com/example/gem", "code", host="gitlab", repo="example/gem")
    project = Link("https://github.com/example/gem", "project")
    bare = _paper()
    content = Content((_paper(github, gitlab, project), bare), ())
    applied = repositories.apply(content, stats)
    links = applied.papers[0].links
    assert [link.stats for link in links] == [stats["github.com/example/gem"], None, None]
    assert applied.papers[1] is bare  # untouched papers keep their identity
    assert repositories.apply(content, {}) is content


def test_check_and_build_read_the_file_beside_the_papers(tmp_path):
    content_dir = tmp_path / "content"
    shutil.copytree(FIXTURE, content_dir)
    content, problems = load_content(content_dir, tmp_path)
    assert not problems.errors
    gem = next(p for p in content.papers if p.id == "gradient-episodic-memory")
    assert gem.code[0].stats == RepoStats(87, True, DAY)
    (content_dir / "repositories.yml").write_text("github.com/example/gem:\n  stars: many\n  checked: 2026-11-20\n")
    content, problems = load_content(content_dir, tmp_path)
    assert [str(p) for p in problems.errors] == [
        "content/repositories.yml:2:10: stars must be a whole number (of at most ten digits), not 'many'"
    ]
    assert next(p for p in content.papers if p.id == "gradient-episodic-memory").code[0].stats is None


def test_values_that_only_look_right_are_refused(tmp_path):
    stats, found = read_text(tmp_path, (
        "github.com/a/..:\n  stars: 1\n  checked: 2026-11-20\n"
        "github.com/a/digits:\n  stars: \u0661\u0662\u0663\n  checked: 2026-11-20\n"  # Arabic-Indic 123
        "github.com/a/day:\n  stars: 1\n  checked: 20261130\n"
        "github.com/a/week:\n  stars: 1\n  checked: 2026-W48-1\n"
    ))
    assert stats == {}
    assert found == [
        "content/repositories.yml:1:1: 'github.com/a/..' is no repository: a key is 'github.com/owner/name'",
        "content/repositories.yml:5:10: stars must be a whole number (of at most ten digits), not '\u0661\u0662\u0663'",
        "content/repositories.yml:9:12: checked must be a date (YYYY-MM-DD), not '20261130'",
        "content/repositories.yml:12:12: checked must be a date (YYYY-MM-DD), not '2026-W48-1'",
    ]


def test_a_folder_in_the_file_s_place_is_an_error(tmp_path):
    (tmp_path / "repositories.yml").mkdir()
    problems = Problems()
    assert repositories.read(tmp_path / "repositories.yml", "content/repositories.yml", problems) == {}
    assert [str(p) for p in problems.errors] == [
        "content/repositories.yml: this is no file: the repositories' figures are a YAML file"
    ]


def test_papers_given_stats_stay_the_same_objects_when_another_paper_changes(tmp_path, monkeypatch):
    # Later steps compare papers by identity first: a title edit must not make every
    # paper with a star count a new object (2,000 of them on a large list).
    import time

    from generator import curation

    monkeypatch.setattr(curation.time, "time_ns", lambda: time.time() * 1e9 + 60e9)  # all settled
    content_dir = tmp_path / "content"
    shutil.copytree(FIXTURE, content_dir)
    cache: curation.FileCache = {}
    first, _ = load_content(content_dir, tmp_path, cache=cache)
    edited = content_dir / "papers" / "task-vectors.yml"
    edited.write_text(edited.read_text(encoding="utf-8").replace("Task Vectors", "Task Vectors, Revised"), encoding="utf-8")
    second, _ = load_content(content_dir, tmp_path, cache=cache)
    by_id = lambda content: {p.id: p for p in content.papers}  # noqa: E731
    gem = by_id(second)["gradient-episodic-memory"]
    assert gem.code[0].stats == RepoStats(87, True, DAY)
    assert gem is by_id(first)["gradient-episodic-memory"]
    assert by_id(second)["task-vectors"].title.endswith("Revised")


def test_a_refused_value_is_said_once_and_the_entry_s_other_problems_too(tmp_path):
    # The reader refuses anchors, aliases and tags and says so; the file's own checks neither
    # repeat it nor stop at it.
    stats, found = read_text(tmp_path, (
        "github.com/a/one:\n  stars: &s 1\n  checked: 2026-11-20\n"
        "github.com/a/two:\n  stars: *s\n  archived: maybe\n  checked: 2026-02-30\n"
        "github.com/a/three: !foo\n  stars: 1\n  checked: 2026-11-20\n"
        "!bar github.com/a/four:\n  stars: 1\n  checked: 2026-11-20\n"
    ))
    assert stats == {}
    assert found == [
        "content/repositories.yml:2:10: '&s' is a YAML anchor; a curation file may not hold anchors (nor the aliases that repeat them): remove it",
        "content/repositories.yml:5:3: YAML aliases are not allowed: 'stars' repeats the anchor at line 2; write the value out",
        "content/repositories.yml:6:13: archived must be true or false, not 'maybe'",
        "content/repositories.yml:7:12: checked must be a date (YYYY-MM-DD), not '2026-02-30'",
        "content/repositories.yml:8:21: YAML tag '!foo' is not allowed",
        "content/repositories.yml:11:1: YAML tag '!bar' is not allowed",
    ]
    _, found = read_text(tmp_path, "!foo\ngithub.com/a/b:\n  stars: 1\n")
    assert found == ["content/repositories.yml:1:1: YAML tag '!foo' is not allowed"]


def test_a_repository_github_did_not_have_is_kept_as_gone_and_nothing_else(tmp_path):
    stats, found = read_text(tmp_path, (
        "github.com/a/gone:\n  gone: true\n  checked: 2026-11-20\n"
        "github.com/a/here:\n  gone: false\n  stars: 3\n  archived: false\n  checked: 2026-11-20\n"
        "github.com/a/both:\n  gone: true\n  stars: 3\n  archived: true\n  checked: 2026-11-20\n"
        "github.com/a/maybe:\n  gone: maybe\n  checked: 2026-11-20\n"
        "github.com/a/undated:\n  gone: true\n"
        "github.com/a/nothing:\n  gone: false\n  checked: 2026-11-20\n"
        "github.com/a/listed:\n  gone: [true]\n  checked: 2026-11-20\n"
    ))
    assert stats == {
        "github.com/a/gone": RepoStats(0, False, DAY, gone=True),
        "github.com/a/here": RepoStats(3, False, DAY),
    }
    assert found == [
        "content/repositories.yml:11:3: a repository GitHub did not have (gone: true) has no stars field",
        "content/repositories.yml:12:3: a repository GitHub did not have (gone: true) has no archived field",
        "content/repositories.yml:15:9: gone must be true or false, not 'maybe'",
        "content/repositories.yml:18:3: checked is missing for 'github.com/a/undated'",
        "content/repositories.yml:20:3: stars is missing for 'github.com/a/nothing'",
        "content/repositories.yml:23:9: gone must be one value",  # and no "stars is missing"
    ]
