"""What giving the skipped pages their anchors back costs a dirty rebuild under serve
(partial_rebuild.restore_anchors, run in the hook's on_env), at 10,000 paper pages and
four hand pages: the function of an earlier commit (A) against this tree's (B),
alternated, in CPU seconds. The pages are stand-ins (no MkDocs build): only the
function's own work is timed, ``unchanged`` costing two stats a page as the hook's does.

    .venv/bin/python benchmarks/restore_anchors_ab.py REV [rounds]

Two cases: one hand page made again (an edit of a page), and every paper's page made
again (an edit the paper pages all show), each made page linking to its own headings.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import generator  # noqa: E402,F401  (the package the module's relative imports name)

HAND = ("index.md", "about.md", "notes.md", "contributing.md")


def _module(name: str, source: str):
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as file:
        file.write(source)
    spec = importlib.util.spec_from_file_location(f"generator.{name}", file.name)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    os.unlink(file.name)
    return module


class _File:
    def __init__(self, src_uri: str) -> None:
        self.src_uri = src_uri


class _Page:
    def __init__(self, file: _File) -> None:
        self.file, self.links_to_anchors, self.present_anchor_ids = file, None, None


class _Files:
    def __init__(self, files: dict[str, _File]) -> None:
        self._files = files

    def get_file_from_path(self, uri: str) -> _File | None:
        return self._files.get(uri)


def _case(every_paper: bool):
    files = {uri: _File(uri) for uri in [*(f"papers/p{n}/index.md" for n in range(10_000)), *HAND]}
    pages = [_Page(file) for file in files.values()]
    anchors = {uri: (frozenset({"abstract", "curators-notes"}), {}) for uri in files}
    anchors["notes.md"] = (frozenset({"notes"}), {"about.md": {"data": "about.md#data"}})
    for page in pages:
        made = page.file.src_uri.startswith("papers/") if every_paper else page.file.src_uri == "contributing.md"
        if made:
            page.links_to_anchors = {page.file: {"abstract": "#abstract"}}
    return pages, anchors, _Files(files)


def _unchanged(page) -> bool:
    os.stat(ROOT)
    os.stat(ROOT)
    return page.links_to_anchors is None


def main() -> None:
    rev, rounds = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 9
    before = subprocess.run(
        ["git", "-C", str(ROOT), "show", f"{rev}:generator/partial_rebuild.py"], check=True, capture_output=True, text=True
    ).stdout
    versions = {"A": _module("_restore_a", before), "B": _module("_restore_b", (ROOT / "generator/partial_rebuild.py").read_text())}
    for every_paper in (False, True):
        seconds: dict[str, list[float]] = {"A": [], "B": []}
        for n in range(rounds):
            for name in ("A", "B") if n % 2 else ("B", "A"):
                pages, anchors, files = _case(every_paper)
                start = time.process_time()
                versions[name].restore_anchors(iter(pages), anchors, files, _unchanged)
                seconds[name].append(time.process_time() - start)
        said = ", ".join(
            f"{name} {min(times) * 1000:.2f} ms (median {sorted(times)[len(times) // 2] * 1000:.2f})"
            for name, times in seconds.items()
        )
        print(f"{'every paper page made again' if every_paper else 'one hand page made again'}: {said}")


if __name__ == "__main__":
    main()
