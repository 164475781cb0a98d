"""Benchmark: `readinglist serve`'s peak memory, once serving, after a title edit and
after its undo (BENCHMARKS.md, Targets: "peak memory < 1 GB").

    .venv/bin/python benchmarks/serve_peak.py --project /tmp/proj [--code REPO]
        [--source benchmarks/work/n10000/project] [--port 8850] [--fresh] [--site-copy DIR]

Makes ``--project`` once (a copy of ``--source``'s content/ and mkdocs.yml, and
`generator`/`overrides` links to ``--code``'s: the edits touch the copy only), starts
`readinglist serve` there in a process group of its own, waits until a topic's paper
page is served, and reads the server's `VmHWM` (peak resident memory) and `VmRSS` from
/proc. Then it changes that paper's title, waits until its page shows the new one and
the server has reloaded the browsers (the rebuild is over), reads them again; undoes
the edit, waits, reads again. ``--fresh`` removes the project's cache (and docs/)
first: the first serve ever. ``--site-copy`` copies the served site, after the undo,
to that folder (compare it with a clean build's: `diff -r`). Linux only (/proc).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PAPER = "a-benchmark-for-in-context-learning-without-large-scale-pretraining-a-simple"
MARK = "Revised "  # the title edit of benchmarks/run.py: a typo fixed
RELOADED = "Reloading browsers"  # MkDocs' log line once a rebuild is over


def status(pid: int) -> dict[str, int]:
    """VmHWM and VmRSS of ``pid``, in kB."""
    out = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmHWM", "VmRSS"):
            out[name] = int(value.split()[0])
    return out


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait(what: str, test, timeout: float) -> float:
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if test():
            return time.monotonic() - start
        time.sleep(0.2)
    raise SystemExit(f"serve_peak: timed out waiting for {what}")


def make_project(project: Path, source: Path, code: Path) -> None:
    if not (project / "content").exists():
        project.mkdir(parents=True, exist_ok=True)
        shutil.copytree(source / "content", project / "content")
        shutil.copy(source / "mkdocs.yml", project)
    for name in ("generator", "overrides"):
        link = project / name
        if link.is_symlink() or link.exists():
            link.unlink()
        link.symlink_to(code / name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--project", type=Path, required=True)
    parser.add_argument("--code", type=Path, default=REPO)
    parser.add_argument("--source", type=Path, default=REPO / "benchmarks/work/n10000/project")
    parser.add_argument("--port", type=int, default=8850)
    parser.add_argument("--fresh", action="store_true")
    parser.add_argument("--site-copy", type=Path)
    parser.add_argument("--timeout", type=float, default=900)
    args = parser.parse_args()
    project, code = args.project.resolve(), args.code.resolve()
    make_project(project, args.source.resolve(), code)
    if args.fresh:
        for name in (".cache", "docs"):
            shutil.rmtree(project / name, ignore_errors=True)
    paper = project / "content/papers" / f"{PAPER}.yml"
    original = paper.read_text()
    url = f"http://127.0.0.1:{args.port}/papers/{PAPER}/"
    log = project / "serve.log"
    env = {**os.environ, "PYTHONPATH": str(code)}
    env.pop("SITE_URL", None)
    tmp = project / "tmp"  # the server's temporary folders (its site among them)
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    env["TMPDIR"] = str(tmp)
    started = time.monotonic()
    with open(log, "w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "generator", "serve", "--dev-addr", f"127.0.0.1:{args.port}"],
            cwd=project, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
        )
    reloads = lambda: log.read_text(errors="replace").count(RELOADED)  # noqa: E731
    rows = []
    try:
        wait("the first page", lambda: fetch(url) is not None, args.timeout)
        rows.append(("serving", time.monotonic() - started, status(server.pid)))
        title = re.search(r"(?m)^title: [\"']?(\w+)", original).group(1)
        edited_title = MARK + title  # (its start: shown as written, no character escaped)
        for label, text, shows in (
            ("after a title edit", re.sub(r"^title: ([\"']?)", rf"title: \g<1>{MARK}", original,
                                          count=1, flags=re.M), True),
            ("after its undo", original, False),
        ):
            before = reloads()
            edited = time.monotonic()
            paper.write_text(text)
            wait("the rebuild", lambda before=before, shows=shows: reloads() > before
                 and (edited_title in (fetch(url) or "")) == shows, args.timeout)
            rows.append((label, time.monotonic() - edited, status(server.pid)))
        if args.site_copy is not None:
            # MkDocs' server builds into a temporary folder it removes at shutdown.
            (built,) = tmp.glob("mkdocs_*")
            shutil.rmtree(args.site_copy, ignore_errors=True)
            shutil.copytree(built, args.site_copy)
    finally:
        paper.write_text(original)
        os.killpg(server.pid, signal.SIGTERM)  # (serve stops on it as on Ctrl-C)
        try:
            server.wait(60)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
    print(f"{'':<20} {'seconds':>8} {'VmHWM MB':>9} {'VmRSS MB':>9}")
    for label, seconds, mem in rows:
        print(f"{label:<20} {seconds:>8.1f} {mem['VmHWM'] / 1000:>9.1f} {mem['VmRSS'] / 1000:>9.1f}")


if __name__ == "__main__":
    main()
