"""Synthesise realistic reading lists of N papers for the benchmarks.

The shipped list (the seed listing: 180 papers) is the model. Titles recombine the
phrases of the seed's titles; abstracts are drawn from Markov chains trained on the
seed's abstracts, so the vocabulary, word frequencies and lengths match it and TF-IDF
(related papers) and search behave as they would on a real list; each abstract keeps to
one seed "parent" paper for most of its sentences, so synthetic papers form topical
clusters the way real ones do.
Code repositories and project pages are appended at the seed's rates and in the seed's
messy forms (trailing dots, `.git`, deep `/tree/main/...` links, `\\url{...}` wrappers).

Everything is deterministic for a given seed: the same (n, seed) gives the same bytes.

Usage::

    .venv/bin/python benchmarks/synth.py --n 10000 --seed 1 --out benchmarks/work/list.txt
"""

from __future__ import annotations

import argparse
import random
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy
from rapidfuzz import fuzz, process, utils

REPO_ROOT = Path(__file__).resolve().parent.parent
SEED_LISTING = Path("/work/shared/seeds/000_19bd02ae25786342.txt")
SHIPPED_SOURCES = REPO_ROOT / "content" / "sources"

HEADER = (
    "Get trending papers in your email inbox once a day!",
    "Get trending papers in your email inbox!",
)
GLUE = "Subscribe"

# Rates measured on the seed: 35 of 180 abstracts link a GitHub repository, 8 link a
# project page, about 44% of titles are "Name: subtitle".
CODE_RATE = 35 / 180
PROJECT_RATE = 8 / 180
NAMED_TITLE_RATE = 80 / 180

# Titles this similar (rapidfuzz ratio, 0-100) would be merged as one paper by import.
NEAR_DUPLICATE = 88
BATCH = 500

# The forms in which the seed's abstracts give their code link; {u} is the URL.
CODE_SENTENCES = (
    "The code is available at {u}.",
    "Code is available at {u}",
    "Our code and data are publicly available at {u}.",
    "We release our code at {u}.",
    "Code: {u}.",
    "The code and models are released at \\url{{{u}}}.",
    "Our implementation is available at {u}.git",
    "Code will be available at ({u}).",
)
PROJECT_SENTENCES = (
    "Project page: https://{name}.github.io.",
    "Videos and code are available at https://{name}.github.io",
    "More results are on our website: https://sites.google.com/view/{name}/.",
)
SYLLABLES = (
    "ta", "ro", "lu", "mi", "ka", "ze", "vo", "ni", "qu", "pe", "sa", "do", "re", "xi",
    "lo", "mu", "gra", "ster", "bol", "tron", "lin", "dex", "gen", "vis", "tor", "nex",
)

# Where a title splits into phrases that recombine well: before a connecting word.
TITLE_JOINS = re.compile(
    r"\s+(?=(?:for|with|via|in|through|by|from|on|of|using|to|towards|as|under|without|and)\s)",
    re.IGNORECASE,
)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\[])")


@dataclass(frozen=True)
class SynthPaper:
    title: str
    abstract: str
    parent: int  # index of the seed paper this one was drawn from, for topic realism
    code_url: str = ""  # the repository URL as a curator would write it, if any


def read_listing(text: str) -> list[tuple[str, str]]:
    """(title, abstract) pairs from HF listing text in the seed's layout."""
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").split("\n")
    body = [line for line in lines[len(HEADER):] if line.strip()]
    if body and body[0].startswith(GLUE):
        body[0] = body[0][len(GLUE):]
    return list(zip(body[0::2], body[1::2]))


def listing_text(papers: list[SynthPaper]) -> str:
    """The HF listing layout: two header lines, `Subscribe` glued to the first title."""
    lines = list(HEADER)
    for i, paper in enumerate(papers):
        lines.append((GLUE if i == 0 else "") + paper.title)
        lines.append(paper.abstract)
    return "\n".join(lines)


def _trainable_sentences(abstract: str) -> list[str]:
    # Links are added at controlled rates later, and braces from LaTeX (`\textit{a b}`)
    # would be split unbalanced by the chain; both are kept out of training.
    return [
        s for s in SENTENCE_END.split(abstract)
        if "http" not in s and "{" not in s and "}" not in s and len(s.split()) >= 4
    ]


class Chain:
    """An order-2 word Markov chain; states hold successors in first-seen order."""

    START = ("", "")

    def __init__(self, sentences: list[list[str]]):
        self.next: dict[tuple[str, str], list[str]] = defaultdict(list)
        for words in sentences:
            state = self.START
            for word in words + [""]:
                self.next[state].append(word)
                state = (state[1], word)

    def sentence(self, rng: random.Random, limit: int = 80) -> list[str]:
        state, words = self.START, []
        while len(words) < limit:
            word = rng.choice(self.next[state])
            if not word:
                break
            words.append(word)
            state = (state[1], word)
        return words


class Synthesiser:
    def __init__(self, seed_papers: list[tuple[str, str]], seed: int = 1):
        if not seed_papers:
            raise ValueError("no seed papers to learn from")
        self.seed_papers = seed_papers
        self.seed = seed
        per_paper = [
            [s.split() for s in _trainable_sentences(abstract)] for _, abstract in seed_papers
        ]
        self.global_chain = Chain([s for sentences in per_paper for s in sentences])
        self.paper_chains = [Chain(sentences) if sentences else None for sentences in per_paper]
        self.title_heads, self.title_tails = _title_phrases(t for t, _ in seed_papers)
        self.abstract_words = [len(a.split()) for _, a in seed_papers]
        self.title_words = [len(_title_body(t).split()) for t, _ in seed_papers]

    def papers(self, n: int) -> list[SynthPaper]:
        rng = random.Random(self.seed)
        result = []
        for i, (title, name) in enumerate(self._titles(rng, n)):
            parent = rng.randrange(len(self.seed_papers))
            abstract = self._abstract(rng, parent)
            code_url = ""
            if rng.random() < CODE_RATE:
                code_url = f"https://github.com/{_owner(rng)}/{name or _made_up(rng)}-{i}"
                deep = rng.random() < 0.1
                url = code_url + ("/tree/main/src" if deep else "")
                abstract += " " + rng.choice(CODE_SENTENCES).format(u=url)
            if rng.random() < PROJECT_RATE:
                site = f"{(name or _made_up(rng)).lower()}-{i}"
                abstract += " " + rng.choice(PROJECT_SENTENCES).format(name=site)
            result.append(SynthPaper(title, abstract, parent, code_url))
        return result

    def _titles(self, rng: random.Random, n: int) -> list[tuple[str, str]]:
        """n titles, no two of which a fuzzy duplicate detector would take for one paper.

        Recombined phrases often nearly repeat a title drawn before; each batch of new
        titles is compared (rapidfuzz) with all accepted ones and near misses redrawn.
        """
        accepted: list[tuple[str, str]] = []
        keys: list[str] = []
        names: set[str] = set()
        while len(accepted) < n:
            batch = [self._title(rng, names) for _ in range(min(BATCH, n - len(accepted)))]
            batch_keys = [utils.default_process(title) for title, _ in batch]
            scores = process.cdist(
                batch_keys, keys + batch_keys, scorer=fuzz.ratio,
                score_cutoff=NEAR_DUPLICATE, dtype=numpy.uint8, workers=1,
            )
            base = len(keys)
            kept: list[int] = []  # columns of this batch's titles accepted so far
            for row, (item, key) in enumerate(zip(batch, batch_keys)):
                if scores[row, :base].any() or scores[row, kept].any():
                    continue
                kept.append(base + row)
                accepted.append(item)
                keys.append(key)
        return accepted[:n]

    def _title(self, rng: random.Random, names: set[str]) -> tuple[str, str]:
        # A head phrase of one seed title, then tail phrases ("for ...", "with ...") of
        # others, up to a length drawn from the seed's titles.
        target = rng.choice(self.title_words)
        parts = [rng.choice(self.title_heads)]
        while sum(len(p.split()) for p in parts) < target - 2:
            parts.append(rng.choice(self.title_tails))
        body = " ".join(parts)
        if rng.random() < NAMED_TITLE_RATE:
            name = _made_up(rng, capital=True)
            while name in names:
                name = _made_up(rng, capital=True)
            names.add(name)
            return f"{name}: {body}", name
        return body, ""

    def _abstract(self, rng: random.Random, parent: int) -> str:
        target = rng.choice(self.abstract_words)
        own = self.paper_chains[parent]
        sentences: list[str] = []
        count = 0
        # Stopping half a sentence short of the target keeps the mean length on the seed's.
        while count < target - 12:
            # Mostly the parent's own sentences (topical clusters), some from the whole
            # list (so no synthetic paper is a mere copy of its parent); never the same
            # sentence twice in one abstract.
            chain = own if own is not None and rng.random() < 0.7 else self.global_chain
            sentence = " ".join(chain.sentence(rng))
            if not sentence or sentence in sentences:
                if chain is own:
                    own = None  # the parent's sentences are used up
                continue
            sentences.append(sentence)
            count += len(sentence.split())
        return " ".join(sentences)


def _title_phrases(titles) -> tuple[list[str], list[str]]:
    heads: dict[str, None] = {}
    tails: dict[str, None] = {}
    for title in titles:
        first, *rest = TITLE_JOINS.split(_title_body(title))
        heads[first] = None
        tails.update((part, None) for part in rest if len(part.split()) >= 2)
    return list(heads), list(tails)


def _title_body(title: str) -> str:
    # "Name: subtitle" titles train the chain on the subtitle only; names are made up.
    head, sep, rest = title.partition(": ")
    return rest if sep and len(head.split()) <= 2 else title


def _made_up(rng: random.Random, capital: bool = False) -> str:
    word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
    if capital:
        style = rng.random()
        if style < 0.4:
            return word.upper()
        if style < 0.7:
            return word.capitalize() + rng.choice(("", "-" + rng.choice(("LM", "RL", "MTL", "2"))))
        return word[:2].capitalize() + word[2:].capitalize()
    return word


def _owner(rng: random.Random) -> str:
    return _made_up(rng).capitalize() + rng.choice(("", "-lab", "AI", "Research", "-group"))


def load_seed(path: Path = SEED_LISTING) -> list[tuple[str, str]]:
    """The seed listing's papers: the shared seed, else the copy shipped in content/sources."""
    candidates = [path] + sorted(SHIPPED_SOURCES.glob("*.txt"))
    for candidate in candidates:
        if candidate.is_file():
            return read_listing(candidate.read_text(encoding="utf-8"))
    raise FileNotFoundError(f"no seed listing at {path} nor in {SHIPPED_SOURCES}")


def synthesise(n: int, seed: int = 1) -> list[SynthPaper]:
    return Synthesiser(load_seed(), seed).papers(n)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, required=True, help="number of papers")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True, help="listing file to write")
    args = parser.parse_args(argv)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(listing_text(synthesise(args.n, args.seed)), encoding="utf-8")
    print(f"wrote {args.n} papers to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
