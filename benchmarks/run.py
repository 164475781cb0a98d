"""Benchmarks: how fast a list of N papers imports, checks, generates and builds.

One command measures everything for each size, in one run, so that figures can be
compared as ratios (the machine is shared and noisy; a ratio measured in one run is
worth more than an absolute time)::

    .venv/bin/python benchmarks/run.py --sizes 1000 10000

For each N: a synthetic list is drawn from the shipped list (benchmarks/synth.py), and
in a project folder under benchmarks/work/nN/ it is imported with the real importer
(then imported again, which must change nothing), checked, generated (phases: load,
topics, related, plan, render, write), edited (one paper's file changes; the generator
runs again in the same process, as under `mkdocs serve`) and built with `readinglist
build` (check + generate + MkDocs). In the same run a baseline MkDocs Material site of N
minimal pages (title and abstract, not in the navigation; theme and search only) is
built: the stack's own floor. Every phase runs in its own child process, so its peak
memory (maximum resident set) is its own; wall and CPU times (user + system) are both
reported, CPU being the less noisy on a busy machine.

Writes benchmarks/results.json and benchmarks/results.md (a Markdown table).
Two more builds of each site (ours and the baseline) with benchmarks/split_hook.py
added split MkDocs' CPU time by stage (`--no-split` skips them); `--profile` also
writes cProfile listings of the generator and of the MkDocs build.
"""

from __future__ import annotations

import argparse
import compileall
import cProfile
import datetime as dt
import io
import json
import os
import platform
import pstats
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
WORK = HERE / "work"
PYTHON = sys.executable
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO))

ADDED = dt.date(2026, 1, 1)  # a fixed date: the synthetic content is the same in every run
EPOCH = 1767225600  # SOURCE_DATE_EPOCH for that date, so builds are reproducible


# --- the project folder --------------------------------------------------------------


def prepare(n: int, seed: int) -> dict[str, Path]:
    """A fresh project folder for N papers: listing, mkdocs.yml, topics and hand pages."""
    import synth

    base = WORK / f"n{n}"
    if base.exists():
        shutil.rmtree(base)
    project = base / "project"
    content = project / "content"
    (content / "papers").mkdir(parents=True)
    papers = synth.synthesise(n, seed)
    listing = base / "list.txt"
    listing.write_text(synth.listing_text(papers), encoding="utf-8")
    # The same configuration, templates and overrides as the shipped site: mkdocs.yml
    # names them relative to itself, so they are linked in.
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    for name in ("overrides", "generator"):
        (project / name).symlink_to(REPO / name)
    if (REPO / "content" / "pages").is_dir():
        shutil.copytree(REPO / "content" / "pages", content / "pages")
    baseline = base / "baseline"
    write_baseline(baseline, papers)
    (base / "parents.json").write_text(json.dumps([p.parent for p in papers]))
    return {"base": base, "project": project, "content": content, "listing": listing,
            "baseline": baseline}


def write_baseline(folder: Path, papers: list) -> None:
    """The stack's floor: N pages holding only title and abstract, outside the nav."""
    docs = folder / "docs"
    (docs / "papers").mkdir(parents=True)
    (folder / "mkdocs.yml").write_text(
        "site_name: Baseline\n"
        "theme:\n  name: material\n  font: false\n"
        "plugins:\n  - search\n"
        "nav:\n  - index.md\n"
        "not_in_nav: |\n  /papers/*\n",
        encoding="utf-8",
    )
    (docs / "index.md").write_text("# Baseline\n\nN minimal pages.\n", encoding="utf-8")
    for i, paper in enumerate(papers):
        (docs / "papers" / f"p{i:05d}.md").write_text(
            f"# {_md_literal(paper.title)}\n\n{_md_literal(paper.abstract)}\n", encoding="utf-8"
        )


def _md_literal(text: str) -> str:
    return re.sub(r"([\\`*_{}\[\]<>#|!])", r"\\\1", text)


def curate(content: Path, parents: list[int]) -> dict[str, int]:
    """Give the synthetic papers topics and reading orders the way the shipped list has them.

    A synthetic paper takes the curator-assigned topics of the shipped paper it was
    drawn from, and each topic's reading order becomes the first synthetic papers drawn
    from the shipped ones in that order; topics.yml is the shipped one with those ids.
    """
    import synth
    import yaml

    shipped = {}
    for path in sorted((REPO / "content" / "papers").glob("*.yml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
        shipped[data["title"]] = data
    seed = synth.load_seed()
    parent_of = {}
    paths = sorted((content / "papers").glob("*.yml"))
    # Import keeps the listing's order for new files only through their titles.
    titles = {}
    for path in paths:
        text = path.read_text(encoding="utf-8")
        titles[path] = yaml.load(text, Loader=yaml.BaseLoader)["title"]
    listing = synth.read_listing((content.parent.parent / "list.txt").read_text(encoding="utf-8"))
    index_of_title = {title: i for i, (title, _) in enumerate(listing)}
    for path, title in titles.items():
        parent_of[path] = parents[index_of_title[title]]

    children: dict[str, list[str]] = {}
    topic_lists: dict[Path, list[str]] = {}
    for path, parent in parent_of.items():
        record = shipped.get(seed[parent][0])
        if record is None:
            continue
        children.setdefault(record["id"], []).append(path.stem)
        topic_lists[path] = list(record.get("topics") or [])

    topics_text = (REPO / "content" / "topics.yml").read_text(encoding="utf-8")
    topics = yaml.load(topics_text, Loader=yaml.BaseLoader)["topics"]
    for topic in topics:
        for shipped_id in topic.get("reading_order") or []:
            kids = children.get(shipped_id)
            line = re.compile(rf"^( *- ){re.escape(shipped_id)}\n", re.MULTILINE)
            if not kids:  # no synthetic paper was drawn from it (small N)
                topics_text = line.sub("", topics_text, count=1)
                continue
            first = sorted(kids)[0]
            topics_text = line.sub(rf"\g<1>{first}\n", topics_text, count=1)
            topic_lists.setdefault(content / "papers" / f"{first}.yml", []).append(topic["id"])
    (content / "topics.yml").write_text(topics_text, encoding="utf-8")

    curated = 0
    for path, ids in topic_lists.items():
        ids = list(dict.fromkeys(ids))
        if not ids:
            continue
        text = path.read_text(encoding="utf-8")
        new = text.replace("\ntopics: []\n", f"\ntopics: [{', '.join(ids)}]\n", 1)
        if new != text:
            path.write_text(new, encoding="utf-8")
            curated += 1
    return {"papers_with_curator_topics": curated}


# --- child processes -----------------------------------------------------------------


def child(phase: str, *args: str, cwd: Path | None = None, env: dict | None = None) -> dict:
    """Run one phase in a child process; its own wall, CPU and peak memory, and its report."""
    return measure([PYTHON, str(Path(__file__).resolve()), "--child", phase, *args], cwd=cwd, env=env)


def command(*args: str, env: dict | None = None) -> dict:
    """A command line (`readinglist ...`, or a module run with -m) in a measured child."""
    return child("command", *args, env=env)


def measure(command: list[str], cwd: Path | None = None, env: dict | None = None) -> dict:
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    # os.wait4 gives this child's own resource usage (getrusage(RUSAGE_CHILDREN) would
    # give the maximum over all children so far).
    out_chunks, err_chunks = _drain(process)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    stdout, stderr = "".join(out_chunks), "".join(err_chunks)
    result = {
        "wall_s": round(wall, 3),
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 3),
        "exit": process.returncode,
    }
    report = _last_json(stdout)
    if report is not None:
        # The child's own high-water mark; wait4's ru_maxrss would count the memory the
        # child shared with this process between fork and exec.
        result["peak_mb"] = report.pop("peak_mb", None)
        result["report"] = report
    result["stdout_tail"] = stdout[-1500:]
    result["stderr_tail"] = stderr[-3000:]
    return result


def _drain(process: subprocess.Popen) -> tuple[list[str], list[str]]:
    # Read both pipes to the end without deadlocking; threads keep it simple.
    import threading

    out: list[str] = []
    err: list[str] = []
    threads = [
        threading.Thread(target=lambda: out.append(process.stdout.read())),
        threading.Thread(target=lambda: err.append(process.stderr.read())),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return out, err


def _last_json(stdout: str) -> dict | None:
    for line in reversed(stdout.splitlines()):
        if line.startswith("{"):
            try:
                return json.loads(line)
            except ValueError:
                return None
    return None


# --- what each child does ------------------------------------------------------------


def peak_mb() -> float:
    status = Path("/proc/self/status").read_text()
    return round(int(re.search(r"VmHWM:\s+(\d+)", status).group(1)) / 1024, 1)


def run_command(args: list[str]) -> dict:
    """A command line run in this process (`readinglist ...` or `mkdocs ...`)."""
    import runpy

    start = time.perf_counter()
    code = 0
    if args[0] == "readinglist":
        from generator.cli import main as cli

        code = cli(args[1:])
    else:
        sys.argv = list(args)
        try:
            runpy.run_module(args[0], run_name="__main__", alter_sys=True)
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
    sys.stdout.flush()
    return {"seconds": round(time.perf_counter() - start, 3), "exit": code}


def run_child(phase: str, args: list[str]) -> dict:
    if phase == "command":
        return run_command(args)
    project = Path(args[0])
    content = project / "content"
    if phase == "import":
        from generator.importer import import_paths

        listing = Path(args[1])
        start = time.perf_counter()
        report = import_paths([listing], content, added=ADDED, progress=False)
        seconds = time.perf_counter() - start
        return {
            "seconds": round(seconds, 3),
            "added": len(report.added),
            "updated": len(report.updated),
            "duplicates": len(report.duplicates),
            "conflicts": len(report.conflicts),
            "links_found": report.links_found,
        }
    if phase == "check":
        from generator.curation import load_content

        start = time.perf_counter()
        loaded, problems = load_content(content, project)
        seconds = time.perf_counter() - start
        return {
            "seconds": round(seconds, 3),
            "papers": len(loaded.papers),
            "errors": len(problems.errors),
            "warnings": len(problems.warnings),
            "first_problems": [str(p) for p in list(problems.sorted())[:5]],
        }
    if phase == "generate":
        return _generate(project, profile=args[1] if len(args) > 1 else "")
    if phase == "edit":
        return _edit(project)
    if phase == "rerun":
        return _rerun(project, args[1])
    if phase == "same_as_clean":
        return _same_as_clean(project)
    if phase == "serve":
        return _serve(project)
    raise SystemExit(f"unknown phase {phase}")


def _cpu_phases() -> None:
    """Make build.generate time its phases in CPU seconds (this child process only).

    Its laps use time.perf_counter; on a shared, busy machine wall time says more about
    the neighbours than about the code.
    """
    import types

    from generator import build

    build.time = types.SimpleNamespace(perf_counter=time.process_time)


def _settings(project: Path, cache: bool = False):
    from generator import build

    _cpu_phases()
    import yaml

    # The site's name goes into the feeds: take it from mkdocs.yml as the hook does, so
    # these runs and `readinglist build` write the same files.
    line = re.search(r"^site_name:.*$", (project / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    site_name = yaml.safe_load(line.group(0))["site_name"]
    return build.Settings(
        content_dir=project / "content",
        docs_dir=project / "docs",
        site_name=site_name,
        source_date_epoch=EPOCH,
        cache_dir=project / ".cache" / "readinglist" if cache else None,
    )


def _generate(project: Path, profile: str = "") -> dict:
    from generator import build

    settings = _settings(project)
    start, cpu = time.perf_counter(), time.process_time()
    startup_cpu = cpu  # interpreter start-up and importing the generator (scikit-learn, ...)
    if profile:
        profiler = cProfile.Profile()
        result = profiler.runcall(build.generate, settings)
        _write_profile(profiler, Path(profile))
    else:
        result = build.generate(settings)
    seconds = time.perf_counter() - start
    return {
        "seconds": round(seconds, 3),
        "cpu_seconds": round(time.process_time() - cpu, 3),
        "startup_and_import_cpu": round(startup_cpu, 3),
        "phases": {k: round(v, 3) for k, v in result.timings.items()},
        "outputs": len(result.plan.outputs),
        "written": len(result.report.written),
    }


def _edited(kind: str, original: str) -> str:
    """One paper file's text after the edit of ``kind`` (what _edit and _rerun measure)."""
    if kind == "notes":
        # A curator adds a note: only this paper's page (and the exports that carry
        # notes) should change.
        return original.replace("\nabstract:", "\nnotes: |\n  A note added by the curator.\nabstract:", 1)
    if kind == "title":
        # A curator fixes a typo in the title: the paper's page, and every page that
        # lists or links it (its topics, related papers, the tables) change.
        return re.sub(r"^title: ([\"']?)", r"title: \g<1>Revised ", original, count=1, flags=re.M)
    if kind == "abstract":
        # An abstract changes: related papers are recomputed from TF-IDF.
        return original.replace("\nabstract: >-\n", "\nabstract: >-\n  Revised abstract text.\n", 1)
    return original


def _settle(path: Path) -> None:
    """Date ``path`` 10 s back, as a file edited a while before the rerun would be.

    A file modified within the last 2 s is never kept in the generator's file cache
    (see paperdrafts._SETTLED_NS); a curator's edit is older than that by the time they run
    a build, and the benchmark should measure that case, not the racy one.
    """
    info = path.stat()
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns - 10_000_000_000))


def _rerun(project: Path, kind: str) -> dict:
    """One paper's file changed; the generator runs in this NEW process, from its cache.

    This is `readinglist build` after an edit: the memo comes from .cache/ (written by
    the previous child), the docs folder is the previous run's. Times: importing the
    generator, `generate` (what MkDocs waits for), and storing the memo for the next
    run (the hook does that after the site is built). The edit is undone afterwards and
    the state restored, so each kind starts from the same place.
    """
    import_start = time.process_time()
    from generator import build

    import_cpu = time.process_time() - import_start
    settings = _settings(project, cache=True)
    target = _target(project)
    original = target.read_text(encoding="utf-8")
    try:
        if kind != "none":
            target.write_text(_edited(kind, original), encoding="utf-8")
            _settle(target)
        result, seconds, cpu = _timed(lambda: build.generate(settings, save=False))
        store_start = time.process_time()
        if result.unsaved:  # (as the MkDocs hook stores it: a run may leave it, build._redo_is_cheap)
            build.store_memo(settings)
        store_cpu = time.process_time() - store_start
    finally:
        if kind != "none":
            target.write_text(original, encoding="utf-8")
            _settle(target)
            build.generate(settings)
    report = _edit_report((result, seconds, cpu))
    report.update(import_cpu_s=round(import_cpu, 3), store_cpu_s=round(store_cpu, 3), paper=target.stem)
    return report


def _target(project: Path) -> Path:
    papers = sorted((project / "content" / "papers").glob("*.yml"))
    return papers[len(papers) // 2]


def _same_as_clean(project: Path) -> dict:
    """Whether the docs folder left by all the incremental runs equals a clean build's."""
    from generator import build

    settings = _settings(project)
    fresh = project.parent / "docs-clean"
    shutil.rmtree(fresh, ignore_errors=True)
    build.generate(
        build.Settings(settings.content_dir, fresh, settings.site_name, source_date_epoch=EPOCH),
        memo=build.Memo(),
    )

    def tree(folder: Path) -> dict[str, bytes]:
        return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}

    left, right = tree(project / "docs"), tree(fresh)
    differing = sorted(d for d in set(left) | set(right) if left.get(d) != right.get(d))
    shutil.rmtree(fresh)
    return {"identical": not differing, "files": len(right), "differing": differing[:10]}


def _edit(project: Path) -> dict:
    """One paper's file changes; the generator runs again in the same process."""
    from generator import build

    settings = _settings(project)
    first = build.generate(settings)  # warm: imports done, docs/ up to date
    results = {"warm_generate_s": round(sum(first.timings.values()), 3)}
    again = _timed(build.generate, settings)
    results["no_change"] = _edit_report(again)

    target = _target(project)
    original = target.read_text(encoding="utf-8")
    try:
        for kind in ("notes", "title", "abstract"):
            target.write_text(_edited(kind, original), encoding="utf-8")
            results[f"{kind}_edit"] = _edit_report(_timed(build.generate, settings))
            # Undone (not measured), so that each edit is measured on its own.
            target.write_text(original, encoding="utf-8")
            build.generate(settings)
    finally:
        target.write_text(original, encoding="utf-8")
        build.generate(settings)
    results["paper"] = target.stem
    return results


def _serve(project: Path) -> dict:
    """`readinglist serve`'s builds, in one process as under the server: the first
    build, then one rebuild per kind of edit, each building only the pages that changed
    (a dirty build, partial_rebuild.py; the edit is undone by another rebuild, not
    measured). Last, after a notes edit, that rebuild again and the full rebuild plain
    `mkdocs serve` (and `readinglist serve --full`) makes, into another folder: the two
    sites must be identical."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    url = "http://127.0.0.1:8000/"
    os.environ["SOURCE_DATE_EPOCH"] = str(EPOCH)

    def once(site: Path, dirty: bool) -> dict:
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(site), strict=True)
        config.site_url = url
        config.plugins.on_startup(command="serve", dirty=dirty)
        before = _html_stamps(site)
        start, cpu = time.perf_counter(), time.process_time()
        mkdocs_build(config, serve_url=url, dirty=dirty)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        after = _html_stamps(site)
        built = sum(1 for path, stamp in after.items() if before.get(path) != stamp)
        return {"seconds": round(seconds, 3), "cpu_seconds": round(cpu, 3), "pages_built": built}

    served, full = project.parent / "site-served", project.parent / "site-full"
    for folder in (served, full):
        shutil.rmtree(folder, ignore_errors=True)
    results = {"first": once(served, True)}
    # What serve does while it waits for the first edit (mkdocs_hook.on_serve).
    from generator import related

    related.warm_up()
    target = _target(project)
    original = target.read_text(encoding="utf-8")
    try:
        for kind in ("none", "notes", "title", "abstract"):
            if kind != "none":
                target.write_text(_edited(kind, original), encoding="utf-8")
                _settle(target)
            results[kind] = once(served, True)
            if kind != "none":
                target.write_text(original, encoding="utf-8")
                _settle(target)
                once(served, True)
        target.write_text(_edited("notes", original), encoding="utf-8")
        _settle(target)
        results["notes_again"] = once(served, True)
        results["full_after_notes"] = once(full, False)
    finally:
        target.write_text(original, encoding="utf-8")
        _settle(target)

    # File by file: the two sites together are 600 MB at 10,000 papers, which would
    # make this child's peak memory the comparison's, not serve's.
    def files(folder: Path) -> set[str]:
        return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}

    left, right = files(served), files(full)
    differing = sorted(left ^ right) + sorted(
        name for name in left & right if (served / name).read_bytes() != (full / name).read_bytes()
    )
    results["same_as_full"] = {"identical": not differing, "files": len(right), "differing": differing[:10]}
    for folder in (served, full):
        shutil.rmtree(folder, ignore_errors=True)
    results["paper"] = target.stem
    return results


def _html_stamps(site: Path) -> dict[str, int]:
    if not site.is_dir():
        return {}
    return {str(p): p.stat().st_mtime_ns for p in site.rglob("*.html")}


def _timed(function, *args):
    start, cpu = time.perf_counter(), time.process_time()
    result = function(*args)
    return result, time.perf_counter() - start, time.process_time() - cpu


def _edit_report(timed) -> dict:
    result, seconds, cpu = timed
    written = list(result.report.written)
    return {
        "seconds": round(seconds, 3),
        "cpu_seconds": round(cpu, 3),
        "phases": {k: round(v, 3) for k, v in result.timings.items()},
        "written": len(written),
        "written_files": written[:30],
    }


def _write_profile(profiler: cProfile.Profile, path: Path) -> None:
    buffer = io.StringIO()
    stats = pstats.Stats(profiler, stream=buffer)
    stats.sort_stats("cumulative").print_stats(45)
    stats.sort_stats("tottime").print_stats(35)
    path.write_text(buffer.getvalue(), encoding="utf-8")


# --- sizes ---------------------------------------------------------------------------


def tree_size(folder: Path) -> tuple[int, int]:
    total = files = 0
    for path in folder.rglob("*"):
        if path.is_file():
            total += path.stat().st_size
            files += 1
    return total, files


def site_figures(site: Path, n: int, paper_glob: str) -> dict:
    total, files = tree_size(site)
    pages = sorted(site.glob(paper_glob))
    page_bytes = [p.stat().st_size for p in pages]
    index = site / "search" / "search_index.json"
    figures = {
        "bytes": total,
        "files": files,
        "bytes_per_paper": round(total / n),
        "paper_pages": len(pages),
        "paper_page_html_mean": round(sum(page_bytes) / len(page_bytes)) if pages else 0,
        "search_index_bytes": index.stat().st_size if index.exists() else 0,
        "search_index_per_paper": round(index.stat().st_size / n) if index.exists() else 0,
    }
    if pages:
        html = pages[0].read_text(encoding="utf-8")
        figures["nav_links_in_paper_page"] = html.count('class="md-nav__link')
    return figures


def index_beyond_abstract(site: Path) -> dict | None:
    try:
        from search_latency import index_figures  # the reader-experience engineer's measure
    except Exception as error:  # noqa: BLE001 - a missing optional tool must not stop the run
        return {"error": f"search_latency unavailable: {error}"}
    try:
        return index_figures(site)
    except Exception as error:  # noqa: BLE001
        return {"error": str(error)}


# --- the run -------------------------------------------------------------------------


def machine() -> dict:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem_kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
    except OSError:
        mem_kb = 0
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "memory_gb": round(mem_kb / 1024 / 1024, 1),
        "python": platform.python_version(),
        "load_at_start": os.getloadavg(),
        "mkdocs": _version("mkdocs"),
        "mkdocs_material": _version("mkdocs-material"),
        "commit": subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True
        ).stdout.strip(),
    }


def _version(name: str) -> str:
    from importlib.metadata import version

    return version(name)


def bench(
    n: int,
    seed: int,
    profile: bool,
    skip_build: bool,
    split: bool = True,
    rebuild: bool = True,
    repeat: int = 2,
) -> dict:
    print(f"== {n} papers", flush=True)
    paths = prepare(n, seed)
    project, base = paths["project"], paths["base"]
    out: dict = {"n": n}

    def step(name: str, result: dict) -> dict:
        out[name] = result
        shown = {k: v for k, v in result.items() if not k.endswith("_tail")}
        print(f"  {name}: {json.dumps(shown)[:400]}", flush=True)
        if result.get("exit", 0) != 0:
            print(result.get("stderr_tail", ""), file=sys.stderr)
        return result

    step("import", child("import", str(project), str(paths["listing"])))
    step("reimport", child("import", str(project), str(paths["listing"])))
    out["curation"] = curate(paths["content"], json.loads((base / "parents.json").read_text()))
    step("check", child("check", str(project)))
    step("check_cli", command("readinglist", "--root", str(project), "check"))
    profile_path = str(base / "profile-generate.txt") if profile else ""
    step("generate", child("generate", str(project)))
    if profile:
        step("generate_profiled", child("generate", str(project), profile_path))
    step("edit", child("edit", str(project)))
    # The same edits, each in a new process that starts from the cache the last one
    # stored (`readinglist build` after an edit); then the docs folder all those runs
    # left must equal a clean build's.
    shutil.rmtree(project / ".cache", ignore_errors=True)
    step("rerun_prime", child("rerun", str(project), "none"))
    for kind in ("none", "notes", "title", "abstract"):
        step(f"rerun_{kind}", child("rerun", str(project), kind))
    step("same_as_clean", child("same_as_clean", str(project)))
    if not skip_build:
        step("serve", child("serve", str(project)))

    env = dict(os.environ, SOURCE_DATE_EPOCH=str(EPOCH))
    if not skip_build:
        # Builds and baselines alternate and each runs `repeat` times; the run with the
        # least CPU time counts (the neighbours' load only ever adds time).
        builds, baselines = [], []
        for _ in range(repeat):
            shutil.rmtree(project / "docs", ignore_errors=True)
            shutil.rmtree(project / "site", ignore_errors=True)
            shutil.rmtree(project / ".cache", ignore_errors=True)  # the generator's memo between runs
            (project / "docs").mkdir()  # MkDocs checks docs_dir exists before the hook runs
            builds.append(command("readinglist", "--root", str(project), "build", env=env))
            baselines.append(command(
                "mkdocs", "build", "-q", "-f", str(paths["baseline"] / "mkdocs.yml"), env=env))
        out["build_runs"] = [(r["wall_s"], r["cpu_s"]) for r in builds]
        out["baseline_runs"] = [(r["wall_s"], r["cpu_s"]) for r in baselines]
        build = step("build", min(builds, key=lambda r: r["cpu_s"]))
        step("baseline", min(baselines, key=lambda r: r["cpu_s"]))
        build["generator_in_hook_s"] = _hook_seconds(build)
        out["site"] = site_figures(project / "site", n, "papers/*/index.html")
        out["search_index"] = index_beyond_abstract(project / "site")
        # The same build again with nothing changed: what `readinglist build` costs on
        # an unchanged list (the generator reuses its cache in .cache/ and writes
        # nothing; MkDocs still builds every page).
        if rebuild:
            again = step("rebuild_no_change", command("readinglist", "--root", str(project), "build", env=env))
            again["generator_in_hook_s"] = _hook_seconds(again)
        out["baseline_site"] = site_figures(paths["baseline"] / "site", n, "papers/*/index.html")
        if split:
            out["split"] = {
                "build": split_build(project / "mkdocs.yml", base / "split-build.json", env),
                "baseline": split_build(paths["baseline"] / "mkdocs.yml", base / "split-baseline.json", env),
            }
        if profile:
            prof = base / "profile-mkdocs.prof"
            step("build_profiled", measure(
                [PYTHON, "-m", "cProfile", "-o", str(prof), "-m", "mkdocs", "build", "-q",
                 "-f", str(project / "mkdocs.yml")], env=env))
            buffer = io.StringIO()
            stats = pstats.Stats(str(prof), stream=buffer)
            stats.sort_stats("cumulative").print_stats(60)
            stats.sort_stats("tottime").print_stats(40)
            (base / "profile-mkdocs.txt").write_text(buffer.getvalue(), encoding="utf-8")
    out["derived"] = derived(out)
    return out


def _hook_seconds(build: dict) -> float | None:
    """The generator's time inside a build, from the line the MkDocs hook logs."""
    match = re.search(r"readinglist: .* in ([\d.]+) s", build.get("stderr_tail", "") + build.get("stdout_tail", ""))
    return float(match.group(1)) if match else None


def split_build(config: Path, result: Path, env: dict) -> dict:
    """The build again with split_hook.py added: its time by stage."""
    text = config.read_text(encoding="utf-8")
    hook = f"  - {HERE / 'split_hook.py'}\n"
    if "\nhooks:\n" in text:
        text = re.sub(r"\nhooks:\n((?:  - .*\n)*)", lambda m: m.group(0) + hook, text, count=1)
    else:
        text += "hooks:\n" + hook
    split_config = config.with_name("mkdocs-split.yml")
    split_config.write_text(text, encoding="utf-8")
    measured = command("mkdocs", "build", "-q", "-f", str(split_config), env=dict(env, SPLIT_OUT=str(result)))
    stages = json.loads(result.read_text()) if result.exists() else {}
    return {"wall_s": measured["wall_s"], "cpu_s": measured["cpu_s"], "stages": stages}


def derived(out: dict) -> dict:
    """The targets' ratios."""
    d: dict = {}
    gen = out.get("generate", {}).get("report", {})
    build, baseline = out.get("build"), out.get("baseline")
    if build and baseline:
        d["build_over_baseline_wall"] = round(build["wall_s"] / baseline["wall_s"], 2)
        d["build_over_baseline_cpu"] = round(build["cpu_s"] / baseline["cpu_s"], 2)
        in_hook = build.get("generator_in_hook_s")
        if in_hook:
            d["generator_over_mkdocs_wall"] = round(in_hook / (build["wall_s"] - in_hook), 3)
        gen_cpu = out.get("generate", {}).get("report", {}).get("cpu_seconds")
        if gen_cpu:
            # The same generation as in the build's hook (cold, every file written),
            # measured alone; the rest of the build's CPU is MkDocs'.
            d["generator_over_mkdocs_cpu"] = round(gen_cpu / (build["cpu_s"] - gen_cpu), 3)
        again = out.get("rebuild_no_change", {})
        if again.get("generator_in_hook_s"):
            # A build whose cache (.cache/ and docs/) is there, as in CI with the cache
            # step, or locally: the generator's share of that build.
            hook = again["generator_in_hook_s"]
            d["generator_over_mkdocs_cached_wall"] = round(hook / (again["wall_s"] - hook), 3)
    if gen:
        d["generate_s"] = gen.get("seconds")
    peaks = [v["peak_mb"] for v in out.values() if isinstance(v, dict) and "peak_mb" in v]
    d["peak_mb_max"] = max(peaks) if peaks else None
    return d


def markdown(results: dict) -> str:
    sizes = results["sizes"]
    header = "| measure | " + " | ".join(f"N = {r['n']:,}" for r in sizes) + " |"
    lines = [header, "|---|" + "---|" * len(sizes)]

    def row(label: str, get) -> None:
        cells = []
        for r in sizes:
            try:
                value = get(r)
            except (KeyError, TypeError, ZeroDivisionError):
                value = None
            cells.append("–" if value is None else str(value))
        lines.append(f"| {label} | " + " | ".join(cells) + " |")

    def t(phase):
        return lambda r: f"{r[phase]['wall_s']:.2f} s wall / {r[phase]['cpu_s']:.2f} s CPU / {r[phase]['peak_mb']:.0f} MB"

    row("import (fresh), incl. start-up", t("import"))
    row("import: papers added", lambda r: r["import"]["report"]["added"])
    row("re-import, no change", t("reimport"))
    row("re-import: added + updated", lambda r: r["reimport"]["report"]["added"] + r["reimport"]["report"]["updated"])
    row("check (in-process)", lambda r: f"{r['check']['report']['seconds']:.2f} s")
    row("`readinglist check`", t("check_cli"))
    row("check: errors / warnings", lambda r: f"{r['check']['report']['errors']} / {r['check']['report']['warnings']}")
    row("generate, cold (in-process)", lambda r: f"{r['generate']['report']['seconds']:.2f} s wall / {r['generate']['report']['cpu_seconds']:.2f} s CPU")
    for phase in ("load", "topics", "related", "plan", "render", "write"):
        row(f"  {phase} (CPU)", lambda r, p=phase: f"{r['generate']['report']['phases'][p]:.2f} s")
    row("generate child process", t("generate"))
    row("  of which start-up + imports (CPU)", lambda r: f"{r['generate']['report']['startup_and_import_cpu']:.2f} s")
    for kind in ("no_change", "notes_edit", "title_edit", "abstract_edit"):
        label = "nothing changed" if kind == "no_change" else f"after {_a(kind.replace('_', ' '))}"
        row(f"regenerate, {label} (wall / CPU, files written)", lambda r, k=kind: _edit_cell(r["edit"]["report"][k]))
    for kind in ("none", "notes", "title", "abstract"):
        label = "nothing changed" if kind == "none" else f"after {_a(kind)} edit"
        row(f"rerun in a new process, {label}: generate (wall / CPU, written)", lambda r, k=kind: _edit_cell(r[f"rerun_{k}"]["report"]))
        row("  its phases (CPU)", lambda r, k=kind: ", ".join(f"{p} {v:.2f}" for p, v in r[f"rerun_{k}"]["report"]["phases"].items()))
        row("  + import / + storing the memo after (CPU)", lambda r, k=kind: f"{r[f'rerun_{k}']['report']['import_cpu_s']:.2f} s / {r[f'rerun_{k}']['report']['store_cpu_s']:.2f} s")
    row("docs after all reruns = clean build's", lambda r: f"{r['same_as_clean']['report']['identical']} ({r['same_as_clean']['report']['files']:,} files)")
    row("serve: first build (wall / CPU)", lambda r: _serve_cell(r["serve"]["report"]["first"]))
    for kind in ("none", "notes", "title", "abstract"):
        label = "nothing changed" if kind == "none" else f"after {_a(kind)} edit"
        row(f"serve: rebuild, {label} (wall / CPU, pages built)", lambda r, k=kind: _serve_cell(r["serve"]["report"][k]))
    row("serve: the notes edit again / full rebuild (plain `mkdocs serve`)", lambda r: f"{_serve_cell(r['serve']['report']['notes_again'])}; {_serve_cell(r['serve']['report']['full_after_notes'])}")
    row("served site = full rebuild's", lambda r: f"{r['serve']['report']['same_as_full']['identical']} ({r['serve']['report']['same_as_full']['files']:,} files)")
    row("`readinglist build` (clean; best of runs)", t("build"))
    row("  all runs (wall, CPU)", lambda r: "; ".join(f"{w:.1f}, {c:.1f}" for w, c in r["build_runs"]))
    row("  of which generator (hook, wall)", lambda r: f"{r['build']['generator_in_hook_s']:.2f} s")
    row("`readinglist build` again, no change", t("rebuild_no_change"))
    row("baseline `mkdocs build` (minimal pages; best of runs)", t("baseline"))
    row("  all runs (wall, CPU)", lambda r: "; ".join(f"{w:.1f}, {c:.1f}" for w, c in r["baseline_runs"]))
    row("build / baseline (wall; CPU)", lambda r: f"{r['derived']['build_over_baseline_wall']} ; {r['derived']['build_over_baseline_cpu']}")
    row("generator / MkDocs-only (CPU; wall)", lambda r: f"{r['derived']['generator_over_mkdocs_cpu']} ; {r['derived']['generator_over_mkdocs_wall']}")
    row("  the same with the cache there (rebuild; wall)", lambda r: f"{r['derived']['generator_over_mkdocs_cached_wall']} ({r['rebuild_no_change']['generator_in_hook_s']:.2f} s)")
    row("site size", lambda r: f"{r['site']['bytes'] / 1e6:.1f} MB, {r['site']['files']:,} files")
    row("site bytes per paper", lambda r: f"{r['site']['bytes_per_paper']:,}")
    row("baseline bytes per paper", lambda r: f"{r['baseline_site']['bytes_per_paper']:,}")
    row("paper page HTML (mean bytes)", lambda r: f"{r['site']['paper_page_html_mean']:,}")
    row("baseline page HTML (mean bytes)", lambda r: f"{r['baseline_site']['paper_page_html_mean']:,}")
    row("nav links in a paper page / baseline", lambda r: f"{r['site']['nav_links_in_paper_page']} / {r['baseline_site']['nav_links_in_paper_page']}")
    row("search index", lambda r: f"{r['site']['search_index_bytes'] / 1e6:.1f} MB ({r['site']['search_index_per_paper']:,} B/paper)")
    row("search index beyond abstract, per paper", lambda r: _beyond(r))
    row("baseline search index per paper", lambda r: f"{r['baseline_site']['search_index_per_paper']:,} B")
    for label, key in (
        ("Markdown conversion", "markdown -> content"),
        ("theme template rendering", "context -> post_page"),
        ("search indexing + writing", "post_page -> context"),
    ):
        row(f"MkDocs CPU per page, {label}: ours / baseline", lambda r, k=key: _per_page(r, k))
    row("peak memory, any phase", lambda r: f"{r['derived']['peak_mb_max']:.0f} MB")
    return "\n".join(lines) + "\n"


def _edit_cell(e: dict) -> str:
    return f"{e['seconds']:.2f} s / {e['cpu_seconds']:.2f} s, {e['written']} written"


def _a(word: str) -> str:
    return f"{'an' if word[0] in 'aeiou' else 'a'} {word}"


def _serve_cell(e: dict) -> str:
    n = e['pages_built']
    return f"{e['seconds']:.2f} s / {e['cpu_seconds']:.2f} s, {n:,} page{'' if n == 1 else 's'}"


def _per_page(r: dict, key: str) -> str:
    def ms(which: str) -> float:
        stages = r["split"][which]["stages"]
        return 1000 * stages["stages_cpu_s"][key] / stages["pages"]

    return f"{ms('build'):.2f} ms / {ms('baseline'):.2f} ms"


def _beyond(r: dict):
    figures = r["search_index"]
    for key, value in figures.items():
        if "beyond" in key:
            return f"{value:,.0f} B" if isinstance(value, (int, float)) else value
    return None


def main(argv: list[str] | None = None) -> int:
    if argv is None:
        argv = sys.argv[1:]
    if argv and argv[0] == "--child":
        report = run_child(argv[1], argv[2:])
        report["peak_mb"] = peak_mb()
        print("\n" + json.dumps(report))
        return int(report.get("exit", 0))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--seed", type=int, default=1,
                        help="the synthetic list's random seed (default 1, as in the committed results)")
    parser.add_argument("--profile", action="store_true", help="also write cProfile listings")
    parser.add_argument("--no-split", dest="split", action="store_false",
                        help="skip the extra builds that split MkDocs' time by stage")
    parser.add_argument("--no-rebuild", dest="rebuild", action="store_false",
                        help="skip the second `readinglist build` with nothing changed")
    parser.add_argument("--repeat", type=int, default=2,
                        help="clean builds and baseline builds per size; the least CPU counts")
    parser.add_argument("--skip-build", action="store_true", help="no MkDocs builds (quick)")
    parser.add_argument("--out", type=Path, default=HERE / "results.json",
                        help="the results file, and its .md beside it (default: the committed"
                        " benchmarks/results.json, which a run replaces)")
    args = parser.parse_args(argv)
    # Each phase runs in a new process: where PYTHONDONTWRITEBYTECODE is set (some
    # shells and containers set it) and the package was never compiled, every one of
    # them would compile the generator from source, about 0.3 s at start that an
    # installed copy (pip compiles it) never pays. py_compile writes in spite of it.
    compileall.compile_dir(REPO / "generator", quiet=1)
    results = {"machine": machine(), "started": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
               "sizes": []}
    for n in args.sizes:
        results["sizes"].append(bench(n, args.seed, args.profile, args.skip_build, args.split, args.rebuild, args.repeat))
        args.out.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    results["load_at_end"] = os.getloadavg()
    args.out.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    table = markdown(results)
    args.out.with_suffix(".md").write_text(table, encoding="utf-8")
    print(table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
