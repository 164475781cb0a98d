"""What the libraries alone cost, against issue 5's two speed lines, in one run.

Issue 5 asks, at 10,000 papers: the generator's own time at most 10% of the MkDocs
build's, and a rerun after one paper's file changed under 1 s. This script measures the
least any generator that does what the issue asks must pay, calling only the libraries
the generator calls and doing none of its own work, and puts each sum beside its line:

- **A clean generate's floor**: parsing every paper file with libyaml (CSafeLoader, the
  fastest loader PyYAML has; the generator composes located nodes, which costs more),
  scikit-learn's counting and TF-IDF weighing of every title and abstract (the very
  CountVectorizer and TfidfTransformer the generator configures), and the sparse
  product of those vectors with themselves, the upper triangle only, as
  cosines.rank_all multiplies it (no top-k selection, no shared terms), and writing the
  generated docs folder's files again, plainly (not atomically). Rendering, topics,
  planning and the exports are left out: the floor is lower than any real run.
- **Its line**: 10% of a `mkdocs build` of the same project, timed in a child process
  after one build that primes the generator's cache for this code. The generator runs
  inside that build from its cache (about 1% of the build), so the line is, if
  anything, a little too generous.
- **A new process's floor for a title or abstract edit**: importing the generator and
  what reweighing the edited paper needs (scikit-learn's text module, scipy.sparse),
  timed in fresh interpreters with bytecode already compiled. Reading the memo, stat'ing
  the files, reweighing and rendering come on top.

CPU seconds (user + system), best of ``--repeat``. Run after `benchmarks/run.py
--sizes 10000` made benchmarks/work/n10000 (the project, its docs folder and cache):

    .venv/bin/python benchmarks/floor.py [--work benchmarks/work/n10000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from memo_fields import least as _best  # noqa: E402  (best of N runs, CPU seconds)


def _child_cpu(args: list[str], cwd: Path, env: dict[str, str]) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(args, cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def yaml_floor(files: list[Path], repeat: int) -> tuple[float, list[dict]]:
    import yaml

    loaded: list[dict] = []

    def parse() -> None:
        loaded.clear()
        for path in files:
            with open(path, encoding="utf-8") as handle:
                loaded.append(yaml.load(handle, Loader=yaml.CSafeLoader))

    return _best(repeat, parse), loaded


def related_floor(documents: list[str], repeat: int) -> tuple[float, float, dict]:
    from generator.related import _max_df
    from generator.sklearn_text import text_module
    from generator.terms import count_vectorizer

    text_module()  # (imported before timing: a new process's import is counted apart)
    result: dict = {}

    def weigh() -> None:
        counts = count_vectorizer().fit_transform(documents)
        df = (counts > 0).sum(axis=0).A1
        keep = ((df >= 2) & (df <= _max_df(len(documents)))).nonzero()[0]
        result["vectors"] = text_module().TfidfTransformer(sublinear_tf=True).fit_transform(counts[:, keep])

    def product() -> None:
        matrix = result["vectors"].tocsr()
        stored = 0
        for start in range(0, matrix.shape[0], 500):  # cosines._CHUNK_ROWS's order of size
            block = matrix[start : start + 500] @ matrix[start:].T.tocsr()
            stored += block.nnz
        result["pairs"] = stored

    tfidf = _best(repeat, weigh)
    pairs = _best(repeat, product)
    vectors = result["vectors"]
    return tfidf, pairs, {"vocabulary": vectors.shape[1], "nonzero_pairs": result["pairs"]}


def write_floor(docs: Path, repeat: int) -> tuple[float, int]:
    contents = [(p.relative_to(docs), p.read_bytes()) for p in sorted(docs.rglob("*")) if p.is_file()]
    best = float("inf")
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as scratch:  # (its removal is not timed)
            base = Path(scratch)
            start = time.process_time()
            for relative, data in contents:
                target = base / relative
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
            best = min(best, time.process_time() - start)
    return best, len(contents)


def clean_generate(project: Path, repeat: int) -> float:
    """The generator's own clean run, in this process (its imports done), into a scratch
    docs folder with no memo: what the floor is to be compared with."""
    import dataclasses

    from generator import build

    from run import _settings  # (the settings benchmarks/run.py's runs use)

    best = float("inf")
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as scratch:
            settings = dataclasses.replace(_settings(project), docs_dir=Path(scratch) / "docs")
            start = time.process_time()
            build.generate(settings, memo=build.Memo())
            best = min(best, time.process_time() - start)
    return best


def import_floor(repeat: int) -> dict[str, float]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    snippets = {
        "python": "pass",
        "generator": "import generator.build, generator.cli",
        "generator + scikit-learn's text, scipy.sparse": (
            "import generator.build, generator.cli, scipy.sparse\n"
            "from generator.sklearn_text import text_module\ntext_module()"
        ),
    }
    figures = {}
    for name, code in snippets.items():
        args = [sys.executable, "-c", code]
        _child_cpu(args, REPO, env)  # compiles and writes the bytecode once
        figures[name] = min(_child_cpu(args, REPO, env) for _ in range(repeat))
    return figures


def mkdocs_line(project: Path, repeat: int) -> float:
    env = dict(os.environ)
    best = float("inf")
    # The first build primes the generator's cache for this code (a memo written by
    # other code is not trusted, and the generator would run cold inside the build).
    for run in range(repeat + 1):
        with tempfile.TemporaryDirectory() as site:
            args = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml"), "-d", site]
            cpu = _child_cpu(args, project, env)
            if run:
                best = min(best, cpu)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--work", type=Path, default=REPO / "benchmarks/work/n10000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--mkdocs-repeat", type=int, default=1)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    options = parser.parse_args()
    project = options.work / "project"
    files = sorted((project / "content/papers").glob("*.yml"))
    if not files or not (project / "docs").is_dir():
        sys.exit(f"{project}: no papers or no docs folder; run benchmarks/run.py --sizes N first")

    parse, loaded = yaml_floor(files, options.repeat)
    documents = [f"{d.get('title') or ''}\n{d.get('abstract') or ''}" for d in loaded]
    tfidf, pairs, shape = related_floor(documents, options.repeat)
    write, written = write_floor(project / "docs", options.repeat)
    generate = clean_generate(project, min(options.repeat, 2))
    imports = import_floor(options.repeat)
    mkdocs = mkdocs_line(project, options.mkdocs_repeat)

    clean_floor = parse + tfidf + pairs + write
    new_process = imports["generator + scikit-learn's text, scipy.sparse"]
    figures = {
        "papers": len(files), "files_written": written, **shape,
        "yaml_csafeloader": parse, "tfidf": tfidf, "pairs_product": pairs, "write_plain": write,
        "clean_floor": clean_floor, "clean_generate": generate, "mkdocs_build": mkdocs, "ten_percent_line": mkdocs / 10,
        "imports": imports, "new_process_import_floor": new_process,
    }
    print(f"{len(files)} papers; {written} generated files; vocabulary {shape['vocabulary']}, "
          f"{shape['nonzero_pairs']:,} nonzero cosines in the upper triangle")
    print("| part (CPU s, best of runs) | floor |")
    print("|---|---:|")
    for name, value in (("parse the paper files (libyaml)", parse), ("count and weigh (scikit-learn)", tfidf),
                        ("all-pairs sparse product (scipy)", pairs), ("write the docs folder plainly", write)):
        print(f"| {name} | {value:.2f} |")
    print(f"| **clean generate's floor** | **{clean_floor:.2f}** |")
    print(f"| the generator's own clean run, for comparison | {generate:.2f} |")
    print(f"| `mkdocs build` (the generator from its cache inside) | {mkdocs:.2f} |")
    print(f"| 10% of it: the line | {mkdocs / 10:.2f} |")
    for name, value in imports.items():
        print(f"| import in a new process: {name} | {value:.2f} |")
    print(f"Clean floor / line: {clean_floor / (mkdocs / 10):.1f}x. "
          f"New process, imports alone: {new_process:.2f} s against the 1 s line.")
    if options.json:
        options.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
