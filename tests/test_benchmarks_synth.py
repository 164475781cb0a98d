"""The benchmark's list synthesiser: deterministic, N records, the seed's distributions."""

from __future__ import annotations

import re
import statistics
import sys
from pathlib import Path

import pytest
from rapidfuzz import fuzz, process, utils

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import synth  # noqa: E402

N = 1000


@pytest.fixture(scope="module")
def seed_papers():
    return synth.load_seed()


@pytest.fixture(scope="module")
def papers(seed_papers):
    return synth.Synthesiser(seed_papers, seed=7).papers(N)


def test_seed_is_the_shipped_listing(seed_papers):
    assert len(seed_papers) == 180
    assert seed_papers[0][0].startswith("Investigating the Pre-Training Dynamics")


def test_same_seed_same_bytes_other_seed_other_list(seed_papers, papers):
    again = synth.Synthesiser(seed_papers, seed=7).papers(N)
    other = synth.Synthesiser(seed_papers, seed=8).papers(N)
    assert synth.listing_text(again) == synth.listing_text(papers)
    assert [p.title for p in other] != [p.title for p in papers]


def test_listing_has_the_seed_layout_and_round_trips(papers):
    text = synth.listing_text(papers)
    lines = text.split("\n")
    assert lines[:2] == list(synth.HEADER)
    assert lines[2] == "Subscribe" + papers[0].title
    assert len(lines) == 2 + 2 * N
    assert synth.read_listing(text) == [(p.title, p.abstract) for p in papers]


def test_every_title_is_single_line_and_abstract_is_nonempty(papers):
    for paper in papers:
        assert "\n" not in paper.title and "\n" not in paper.abstract
        assert paper.title.strip() == paper.title and paper.abstract


def test_no_two_titles_are_near_duplicates(papers):
    # Import merges fuzzy-equal titles; a synthetic list of N must import as N papers.
    keys = [utils.default_process(p.title) for p in papers]
    scores = process.cdist(keys, keys, scorer=fuzz.ratio, score_cutoff=synth.NEAR_DUPLICATE)
    for i in range(N):
        scores[i, i] = 0
    assert not scores.any()


def test_lengths_match_the_seed(seed_papers, papers):
    def mean(values):
        return statistics.mean(values)

    seed_abstract = mean(len(a) for _, a in seed_papers)
    seed_title = mean(len(t) for t, _ in seed_papers)
    assert abs(mean(len(p.abstract) for p in papers) / seed_abstract - 1) < 0.15
    assert abs(mean(len(p.title) for p in papers) / seed_title - 1) < 0.20
    # The spread too, not just the mean: short and long abstracts both occur.
    lengths = sorted(len(p.abstract) for p in papers)
    assert lengths[N // 10] < seed_abstract * 0.8 and lengths[-N // 10] > seed_abstract * 1.2


def test_link_rates_match_the_seed(papers):
    code = sum("github.com/" in p.abstract for p in papers) / N
    project = sum(("github.io" in p.abstract or "sites.google.com" in p.abstract) for p in papers) / N
    assert 0.15 < code < 0.25  # seed: 35/180 = 0.194
    assert 0.02 < project < 0.08  # seed: 8/180 = 0.044
    assert all(p.code_url in p.abstract for p in papers if p.code_url)


def test_repositories_are_unique(papers):
    repos = [p.code_url for p in papers if p.code_url]
    assert len(set(repos)) == len(repos)


def test_abstract_vocabulary_comes_from_the_seed(seed_papers, papers):
    seed_words = {w for _, a in seed_papers for w in a.split()}
    link_sentences = {w for s in synth.CODE_SENTENCES + synth.PROJECT_SENTENCES for w in s.split()}
    foreign = set()
    for paper in papers:
        for word in paper.abstract.split():
            if word not in seed_words and word not in link_sentences and "://" not in word:
                foreign.add(word)
    assert foreign == set()


def test_papers_cluster_around_their_parent(seed_papers, papers):
    # Most of an abstract's sentences come from its parent seed paper, so papers drawn
    # from one parent share distinctive words (what makes related papers realistic).
    def words(text):
        return set(re.findall(r"[a-z]{6,}", text.lower()))

    overlaps = []
    for paper in papers[:200]:
        parent = words(seed_papers[paper.parent][1])
        overlaps.append(len(words(paper.abstract) & parent) / max(1, len(words(paper.abstract))))
    assert statistics.median(overlaps) > 0.35  # about 0.1 against an unrelated seed paper
