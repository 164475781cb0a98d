"""What the search index's acronym pass costs (generator/acronyms.py), at the shipped
list's size and on synthetic lists of 1,000 and 10,000 papers (benchmarks/synth.py, the
full run's lists), against making the papers' search entries without it in the same
process (search.paper_entry, the rest of the index's work per paper).

CPU time (user + system of the process), the least of --repeat runs; each run starts
with the pass's caches emptied, as a fresh build does.

Usage::

    .venv/bin/python benchmarks/acronyms_bench.py [--sizes 1000 10000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO_ROOT), str(REPO_ROOT / "benchmarks")]

from generator import acronyms, build, search  # noqa: E402
from generator.models import Paper  # noqa: E402


def _cpu(fn, repeat: int):
    best, result = None, None
    for _ in range(repeat):
        acronyms._long_form.cache_clear()
        acronyms._contributions.cache_clear()
        start = time.process_time()
        result = fn()
        spent = time.process_time() - start
        best = spent if best is None else min(best, spent)
    return best, result


def shipped() -> list[Paper]:
    content, _, _ = build.load(REPO_ROOT / "content")
    return list(content.papers)


def synthetic(n: int) -> list[Paper]:
    from synth import synthesise

    return [Paper(id=f"p{i}", title=p.title, abstract=p.abstract) for i, p in enumerate(synthesise(n, 1))]


def measure(papers: list[Paper], repeat: int) -> dict[str, float]:
    texts = [(p.title, p.abstract) for p in papers]
    definitions, _ = _cpu(lambda: [acronyms.find_definitions(t) for pair in texts for t in pair], repeat)
    glossary_time, glossary = _cpu(lambda: acronyms.Glossary.of(texts), repeat)
    long_forms, spelt = _cpu(lambda: [acronyms.spelt_out(glossary, *pair) for pair in texts], repeat)
    entries, _ = _cpu(lambda: [search.paper_entry(p, ()) for p in papers], repeat)
    # Under serve (acronyms.Memo): a rebuild after one paper's abstract is edited,
    # without and with a new definition (which changes the glossary: every paper's long
    # forms are looked for again).
    rows = [(f"p{i}", title, abstract) for i, (title, abstract) in enumerate(texts)]
    memo = acronyms.Memo()
    memo.words(rows)
    rows[0] = (rows[0][0], rows[0][1], rows[0][2] + " An edit.")
    edited, _ = _cpu(lambda: memo.words(rows), 1)
    rows[0] = (rows[0][0], rows[0][1], rows[0][2] + " Quokka wombat numbat (QWN).")
    defined, _ = _cpu(lambda: memo.words(rows), 1)
    words = sum(len(" ".join(a + b)) + 1 for a, b in spelt if a or b)
    return {
        "papers": len(papers), "definitions_s": definitions, "glossary_s": glossary_time,
        "long_forms_s": long_forms, "entries_s": entries, "long_form_count": len(glossary.long_forms),
        "bytes_per_paper": words / len(papers), "edit_s": edited, "edit_defining_s": defined,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    lists = [("shipped", shipped())] + [(f"synthetic {n}", synthetic(n)) for n in args.sizes]
    print("| list | papers | definitions + glossary | long forms | the pass | entries without it | "
          "serve: an edit | serve: an edit that defines | long forms defined | bytes per paper |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for name, papers in lists:
        r = measure(papers, args.repeat)
        print(f"| {name} | {r['papers']:,} | {r['glossary_s'] * 1000:.0f} ms | {r['long_forms_s'] * 1000:.0f} ms "
              f"| {(r['glossary_s'] + r['long_forms_s']) * 1000:.0f} ms | {r['entries_s'] * 1000:.0f} ms "
              f"| {r['edit_s'] * 1000:.0f} ms | {r['edit_defining_s'] * 1000:.0f} ms "
              f"| {r['long_form_count']} | {r['bytes_per_paper']:.0f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
