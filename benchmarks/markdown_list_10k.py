"""A 10,000-item awesome list for timing `readinglist import` of a Markdown list, seeded.

    python benchmarks/markdown_list_10k.py [--distinct] > list.md

Eleven item shapes in turn (names after the title, before it, APA's, a venue before the
title, a bold title and a sentence of names, ...), the surnames drawn from 25 real ones,
or with --distinct from 30,000 made-up ones (each new surname costs the dictionary's
model a lookup: markdownlist.known_word). Timed as the fifty-third session did: the CPU
time (`time.process_time`) of `parse_markdown_list` over the text, trees alternated.
"""

from __future__ import annotations

import random
import sys

SURNAMES = (
    "Vaswani Shazeer Parmar Uszkoreit Jones Gomez Kaiser Polosukhin He Zhang Ren Sun LeCun"
    " Bengio Hinton Goodfellow Kingma Welling Radford Brown Smith Lovelace Turing Hopper Shannon"
).split()
GIVEN = (
    "Ashish Noam Niki Jakob Llion Aidan Lukasz Illia Kaiming Xiangyu Yann Yoshua Geoffrey Ian"
    " Diederik Max Alec Tom Ada Alan Grace Claude"
).split()
WORDS = (
    "Attention Transformers Learning Deep Neural Networks Residual Sparse Efficient Scaling Laws"
    " Vision Language Models Diffusion Graph Contrastive Robust Federated Causal"
).split()
VENUES = ["NeurIPS", "ICML", "ICLR", "CVPR", "ACL", "EMNLP", "TPAMI", "JMLR", "Neurocomputing", "Pattern Recognition Letters"]


def main(distinct: bool) -> str:
    r = random.Random(30)
    surnames = SURNAMES
    if distinct:
        syllable = lambda: r.choice("bcdfghklmnprstvwz") + r.choice("aeiou")  # noqa: E731
        surnames = ["".join(syllable() for _ in range(3)).capitalize() for _ in range(30_000)]
    out = ["# Awesome Generated", ""]
    for i in range(10_000):
        if i % 200 == 0:
            out += ["", f"## Topic {i // 200}", ""]
        s, s2, g, v, y = r.choice(surnames), r.choice(surnames), r.choice(GIVEN), r.choice(VENUES), r.randint(1990, 2024)
        t = " ".join(r.choice(WORDS) for _ in range(r.randint(3, 7)))
        u = f"https://arxiv.org/abs/{r.randint(15, 23)}{r.randint(1, 12):02d}.{i:05d}"
        out.append([
            f"- [{t}]({u}) - {s} et al., {v} {y}",
            f"- [{t}]({u}) - {s}, {y}",
            f"- **{t}**. {s} and {s2}. {v} {y}. [[pdf]]({u})",
            f"- {s}, {g[0]}., & {s2}, {r.choice(GIVEN)[0]}. ({y}). {t}. *{v}*. [link]({u})",
            f"- [{t}]({u}) ({v} {y}) [[code]](https://github.com/{s.lower()}/repo{i})",
            f"- ({v} {y}) [{t}]({u})",
            f"- [{t}]({u}) - {g[0]}. {s}, {r.choice(GIVEN)[0]}. {s2}, {v} {y}",
            f"- [{t}]({u}), {g} {s}, {y}",
            f"- [{t}]({u}) - {v}, {y}",
            f"- {s} et al. ({y}). [{t}]({u})",
            f"- [{t}]({u}) - {g} {s}, {r.choice(GIVEN)} {s2} - {v} {y}",
        ][i % 11])
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    sys.stdout.write(main("--distinct" in sys.argv[1:]))
