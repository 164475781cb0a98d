"""What the words offered a paper in no topic cost (topics.own_keywords: check's hint,
`topics --explain`), for comparing the hint with and without another language's stop
words (stopwords.written_stop_words).

    .venv/bin/python benchmarks/own_keywords.py [--copies C] [--rounds R] TREE...

The shipped example's papers (each TREE's content/papers/, 180 in English), C times
each (10), and as many again in French and in German: their words but each English
stop word one of ten French or German ones (seeded), none placed by the one topic ("continual"). Each TREE's generator
(a checkout: `git worktree add DIR COMMIT`) offers 3 words for every paper in a process
of its own, the trees alternating. Printed: CPU seconds (time.process_time, the first
call, which reads the lists, left out and said apart) and a digest of the words, one
for trees that offer the same.
"""

from __future__ import annotations

import argparse

from alternate import runs

_RUN = """
import glob, hashlib, random, sys, time
import yaml
from generator.models import Paper, Topic
from generator.terms import no_terms
from generator.topics import compile_topics, own_keywords
english = no_terms()
copies = int(sys.argv[1])
rnd = random.Random(1)
french = "la le les des dans pour une et du sur".split()
german = "die der das und ein eine mit von zu auf".split()
papers = []
for f in sorted(glob.glob("content/papers/*.yml")):
    d = yaml.safe_load(open(f, encoding="utf-8"))
    words = (d["title"] + " " + (d.get("abstract") or "")).split()
    for stop in (None, french, german):
        # (its English stop words another language's: the papers' own terms in French or German)
        text = words if stop is None else [rnd.choice(stop) if w.lower() in english else w for w in words]
        title, abstract = " ".join(text[:10]), " ".join(text[10:])
        papers.append(Paper(id=d["id"], title=title, abstract=abstract))
papers = papers * copies
matcher = compile_topics([Topic(id="x", title="X", keywords={"continual": 1.0})])
start = time.process_time()
own_keywords(papers[0], matcher, 3)
first = time.process_time() - start
start = time.process_time()
digest = hashlib.sha256()
for paper in papers:
    digest.update("|".join(own_keywords(paper, matcher, 3)).encode())
print(f"{first:.3f} {time.process_time() - start:.3f} {len(papers)} {digest.hexdigest()[:12]}")
"""


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("trees", nargs="+")
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    for round_, tree, out in runs(args.trees, args.rounds, _RUN, args.copies):
        print(f"round {round_} {tree}: first call {out[0]} s, {out[2]} papers {out[1]} s CPU;"
              f" words' digest {out[3]}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
