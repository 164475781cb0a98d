"""Imports that die midway, and imports that run at the same time, lose nothing.

`readinglist import` runs as a real child process and dies at chosen points of each of
its write paths: just before the n-th rename of a new paper file into place, of an
edited paper file, before the sync that makes the temporaries durable, and before the
importer's own record is written. It dies either with no clean-up at all (as after
SIGKILL) or by an interrupt (as after Ctrl-C). The point is chosen by counting the
calls, so every run dies at exactly the same place, and the test knows how many files
must already be new. It is also killed with real signals once it has begun writing.
After every death each paper file is byte for byte either what it was before the
import or what a complete import writes, never a mix or a truncated file; `readinglist
check` still passes; and running the import again finishes the job. Two imports
started together are serialised by the import lock, so a paper both of them bring in
ends up as one file holding what each of them knew; while another process holds the
lock, an import refuses clearly.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.curation import load_content
from generator.errors import CuratorError
from generator.importer import LOCK_NAME, import_records
from generator.ingest import Record
from generator.errors import Location

HEAD = "Get trending papers in your email inbox once a day!\n"
EPOCH = "1767225600"  # 2026-01-01: `added` must not depend on the day the test runs
SEED = 20261129

_WORDS = (
    "adaptive sparse latent graph neural policy reward curriculum meta transfer continual "
    "prompt agent memory planning retrieval contrastive federated robust causal symbolic "
    "hierarchical modular recurrent diffusion spectral kernel bayesian tabular temporal "
    "multimodal visual auditory lexical semantic syntactic episodic procedural compositional"
).split()


def _titles(count: int, rng: random.Random) -> list[str]:
    """Distinct titles, none a near-copy of another (the importer would merge those)."""
    titles: list[str] = []
    seen: set[frozenset[str]] = set()
    while len(titles) < count:
        words = rng.sample(_WORDS, 5)
        if frozenset(words) in seen:
            continue
        seen.add(frozenset(words))
        titles.append(" ".join(w.capitalize() for w in words[:3]) + " for " + " ".join(words[3:]))
    return titles


def _listing(titles: list[str], tag: str) -> str:
    body = "".join(f"{t}\nAbstract of {t.lower()} ({tag}), with code at https://github.com/acme/{i}-{tag}.\n"
                   for i, t in enumerate(titles))
    return HEAD + "Subscribe" + body


def _bibtex(titles: list[str]) -> str:
    return "".join(
        f"@article{{k{i},\n  title = {{{t}}},\n  author = {{Lovelace, Ada and Turing, Alan}},\n"
        f"  year = {{2024}},\n  journal = {{Journal {i}}}\n}}\n"
        for i, t in enumerate(titles)
    )


def _snapshot(papers: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(papers.iterdir()) if not p.name.startswith(".")}


def _import(root: Path, *inputs: Path) -> subprocess.Popen:
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH}
    return subprocess.Popen(
        [sys.executable, "-m", "generator", "--root", str(root), "import", "-q", "--no-keep-source",
         *map(str, inputs)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def _run_import(root: Path, *inputs: Path) -> str:
    process = _import(root, *inputs)
    out, err = process.communicate(timeout=300)
    assert process.returncode == 0, out + err
    return out + err


@pytest.fixture(scope="module")
def scenario(tmp_path_factory):
    """`before`: a content folder of 40 imported papers; `inputs`: an import that edits
    those 40 (BibTeX fills authors, year and venue) and adds 200; `after`: its result."""
    rng = random.Random(SEED)
    base = tmp_path_factory.mktemp("write-safety")
    titles = _titles(240, rng)
    old, new = titles[:40], titles[40:]
    inputs = base / "inputs"
    inputs.mkdir()
    (inputs / "first.txt").write_text(_listing(old, "first"), encoding="utf-8")
    (inputs / "more.txt").write_text(_listing(new, "more"), encoding="utf-8")
    (inputs / "refs.bib").write_text(_bibtex(old), encoding="utf-8")
    before = base / "before"
    (before / "content").mkdir(parents=True)  # a new list's folder (import refuses another)
    _run_import(before, inputs / "first.txt")
    after = base / "after"
    shutil.copytree(before, after)
    _run_import(after, inputs / "more.txt", inputs / "refs.bib")
    return {
        "before": before,
        "after": after,
        "inputs": [inputs / "more.txt", inputs / "refs.bib"],
        "old": _snapshot(before / "content" / "papers"),
        "new": _snapshot(after / "content" / "papers"),
    }


def test_the_scenario_edits_and_adds_files(scenario):
    old, new = scenario["old"], scenario["new"]
    assert len(old) == 40 and len(new) == 240
    edited = [name for name in old if new[name] != old[name]]
    assert len(edited) == 40  # every old paper gained authors, a year and a venue
    assert b"Ada Lovelace" not in old[edited[0]] and b"Ada Lovelace" in new[edited[0]]


def _wait_for(papers: Path, old: dict[str, bytes], process: subprocess.Popen, temporary: bool) -> None:
    """Return as soon as the import has begun writing: a temporary file, or a new paper
    file, is in the folder (or the import has ended)."""
    while process.poll() is None:
        for name in os.listdir(papers):
            if (name.startswith(".") and name.endswith(".tmp")) if temporary else (name not in old and not name.startswith(".")):
                return
        time.sleep(0.001)


# Real signals, sent as soon as the import has begun writing. The import pauses after
# putting its first new file in place (os.link), so the signal lands mid-write however
# the machine schedules the two processes. SIGINT is what Ctrl-C sends in a terminal,
# where it is not ignored; a process started in the background by a shell without job
# control (`nohup make test &`, some CI runners) inherits it ignored, and the import then
# ran to its end: Python's own handler is put back first.
PAUSING = """
import os, signal, sys, time
signal.signal(signal.SIGINT, signal.default_int_handler)
real = os.link
def pausing(*args, **kwargs):
    real(*args, **kwargs)
    os.link = real
    time.sleep(60)  # (a real SIGINT interrupts it: KeyboardInterrupt, as under Ctrl-C)
os.link = pausing
from generator.cli import main
sys.exit(main(sys.argv[1:]))
"""

KILLS = (
    ("first new file", signal.SIGKILL),
    ("first new file", signal.SIGINT),
)


def _check_after_death(root: Path, scenario, papers: Path) -> dict[str, bytes]:
    """Every file old or new; the folder valid; the same import again completes it."""
    old, new = scenario["old"], scenario["new"]
    state = _snapshot(papers)
    for name, data in state.items():
        assert data in (old.get(name), new.get(name)), f"{name} is neither old nor new"
    assert set(old) <= set(state) <= set(new)  # nothing lost, nothing foreign
    _, problems = load_content(root / "content", root=root)
    assert [str(p) for p in problems.errors] == []
    again = _run_import(root, *scenario["inputs"])
    assert _snapshot(papers) == new
    # Each paper the dying run put in place has its record (written, pending, before
    # any new file): none is taken for a duplicate of itself.
    assert "duplicate" not in again.split("record(s):", 1)[0], again
    assert " 0 duplicate(s) merged" in again, again
    return state


@pytest.mark.parametrize("attempt", range(len(KILLS)), ids=[f"{w}-{s.name}" for w, s in KILLS])
def test_an_import_killed_by_a_signal_leaves_every_file_old_or_new(scenario, tmp_path, attempt):
    when, sent = KILLS[attempt]
    old, new = scenario["old"], scenario["new"]
    root = tmp_path / "project"
    shutil.copytree(scenario["before"], root)
    papers = root / "content" / "papers"
    process = subprocess.Popen(
        [sys.executable, "-c", PAUSING, "--root", str(root), "import", "-q", "--no-keep-source",
         *map(str, scenario["inputs"])],
        env={**os.environ, "SOURCE_DATE_EPOCH": EPOCH},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    _wait_for(papers, old, process, temporary=when == "first temporary file")
    process.send_signal(sent)
    process.communicate(timeout=60)
    if sent == signal.SIGINT:
        # An interrupted import cleans up after itself: no temporary file is left.
        assert [p.name for p in papers.iterdir() if p.name.startswith(".")] == []
    state = _check_after_death(root, scenario, papers)
    if when == "first new file":
        assert process.returncode != 0
        assert state != old and state != new  # it really died in the middle of writing


# Runs the import with os.<op> replaced: its n-th call ends the process first, either with
# no clean-up (os._exit, as SIGKILL) or by raising KeyboardInterrupt (as Ctrl-C).
DYING = """
import os, sys
op, n, how = sys.argv[1], int(sys.argv[2]), sys.argv[3]
real, calls = getattr(os, op), [0]
def dying(*args, **kwargs):
    calls[0] += 1
    if calls[0] == n:
        if how == "kill":
            os._exit(86)
        raise KeyboardInterrupt
    return real(*args, **kwargs)
setattr(os, op, dying)
from generator.cli import main
sys.exit(main(sys.argv[4:]))
"""

# (os function, which call, how): the scenario's import makes 200 new files (written to
# temporaries, one os.sync, its record with the 200 pending (the first os.replace), then
# each file linked into place), then edits 40 (each written to a temporary and renamed
# with os.replace), then writes its final record (the 42nd rename). Also: how many new
# and edited files the dying import has completed at that point.
DEATHS = (
    ("sync", 1, "kill", 0, 0),  # every temporary written, none in place
    ("replace", 1, "kill", 0, 0),  # writing the pending record
    ("link", 100, "kill", 99, 0),
    ("link", 200, "kill", 199, 0),
    ("replace", 2, "kill", 200, 0),
    ("replace", 21, "kill", 200, 19),
    ("replace", 42, "kill", 200, 40),  # every paper written, the final record not
    ("link", 100, "interrupt", 99, 0),
    ("replace", 21, "interrupt", 200, 19),
)


@pytest.mark.parametrize(
    ("op", "n", "how", "added", "edited"), DEATHS, ids=[f"{o}-{n}-{h}" for o, n, h, _, _ in DEATHS]
)
def test_an_import_dying_at_a_chosen_write_leaves_every_file_old_or_new(
    scenario, tmp_path, op, n, how, added, edited
):
    old, new = scenario["old"], scenario["new"]
    root = tmp_path / "project"
    shutil.copytree(scenario["before"], root)
    papers = root / "content" / "papers"
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH}
    process = subprocess.run(
        [sys.executable, "-c", DYING, op, str(n), how, "--root", str(root), "import", "-q",
         "--no-keep-source", *map(str, scenario["inputs"])],
        env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert process.returncode == (86 if how == "kill" else 130), process.stdout + process.stderr
    state = _snapshot(papers)
    assert len(set(state) - set(old)) == added
    assert sum(1 for name in old if state[name] == new[name]) == edited
    if how == "interrupt":
        assert [p.name for p in papers.iterdir() if p.name.startswith(".")] == []
    _check_after_death(root, scenario, papers)


def _import_one(root: Path, title: str, tag: str, **fields) -> Path:
    path = root / f"{tag}.bib"
    extra = "".join(f"  {k} = {{{v}}},\n" for k, v in fields.items())
    path.write_text(f"@article{{{tag},\n  title = {{{title}}},\n{extra}  abstract = {{Shared abstract.}}\n}}\n")
    return path


def test_two_imports_at_once_are_serialised_and_both_contributions_kept(scenario, tmp_path):
    for attempt in range(2):
        root = tmp_path / f"both-{attempt}"
        shutil.copytree(scenario["before"], root)
        title = f"A Paper Both Imports Bring In, Round {attempt}"
        one = _import_one(root, title, "one", author="Lovelace, Ada")
        two = _import_one(root, title, "two", year="2024", journal="JMLR")
        first, second = _import(root, one, *scenario["inputs"][:1]), _import(root, two)
        for process in (first, second):
            out, err = process.communicate(timeout=300)
            assert process.returncode == 0, out + err
        papers = root / "content" / "papers"
        made = sorted(p.name for p in papers.glob("a-paper-both-imports-bring-in*"))
        assert made == [f"a-paper-both-imports-bring-in-round-{attempt}.yml"]
        text = (papers / made[0]).read_text(encoding="utf-8")
        assert "Ada Lovelace" in text and "year: 2024" in text and "venue: JMLR" in text
        assert set(_snapshot(papers)) == set(scenario["new"]) | set(made)


def test_an_import_refuses_clearly_while_another_process_holds_the_lock(tmp_path):
    content = tmp_path / "content"
    (content / "papers").mkdir(parents=True)
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time; from filelock import FileLock; lock = FileLock(sys.argv[1]); "
         "lock.acquire(); print('held', flush=True); time.sleep(60)", str(content / LOCK_NAME)],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "held"
        record = Record(title="Blocked Paper", abstract="An abstract.", source=Location("in.txt", 2, 1))
        with pytest.raises(CuratorError) as caught:
            import_records([record], content, lock_timeout=0.5)
        assert str(caught.value) == (
            f"{content / LOCK_NAME}: another import is still running (it holds this lock); "
            "waited 0.5 s; nothing was written"
        )
        assert list((content / "papers").iterdir()) == []
    finally:
        holder.kill()
        holder.wait(timeout=30)
    # The holder died; its lock died with it.
    report = import_records([record], content, lock_timeout=5)
    assert report.added == ["blocked-paper"]
