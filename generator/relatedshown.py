"""Which of a paper's related papers its page shows: the curator's, those that share a
topic with it, and the similar ones that share enough words at a high enough score.
"""

from __future__ import annotations

from typing import Mapping, Sequence

from .models import RelatedPaper, TopicAssignment

# A similar paper that shares fewer words than this with the page's paper (forms of one
# word count once) is shown only if the two also share a topic (``shown``). One word in
# common alone was mostly chance: of the shipped list's 29 such pairs, 16 of the 19
# without a shared topic linked unrelated papers (a grasping robot and an NLP toolkit
# by "semantic", inverse RL and in-context learning by "demonstrations"), and 8 of the
# 10 with one were sound (continual-learning papers by "continual", in-context learning
# papers by "ICL"). Such a pair is left out, not replaced: the next paper down the
# ranking is weaker still, so a page may show fewer than ``k``. (Topics are compared
# by id: a sub-topic is not its parent.)
MIN_SHARED_WORDS = 2
# Nor is one that shares no topic with it and whose cosine similarity is below this,
# however many words they share. A second audit (benchmarks/related_audit_2.md) judged
# every link of the shipped list between papers without a common topic: 186 of 286
# were noise (an embeddings paper beside GraspGPT by "semantic, complex", two papers by
# "LLMs, process"): the words this list is about ("LLM", "RL", "fine-tuning",
# "generalization") relate any two of its papers a little. Of 100 links sharing a
# topic, 2 were. At 0.15 the links without a topic keep 78 of their 100 sound ones and
# 52 of the 186 noise ones; the median of those with a topic is 0.16. Curators' links
# and pairs sharing a topic are shown whatever their score.
MIN_SCORE_WITHOUT_TOPIC = 0.15


def shown(
    related: Mapping[str, tuple[RelatedPaper, ...]],
    topics: Mapping[str, Sequence[TopicAssignment]],
    last: Mapping[str, tuple[RelatedPaper, ...]] | None = None,
) -> dict[str, tuple[RelatedPaper, ...]]:
    """The related papers each page shows: ``related`` without the similar papers that
    share no topic with the page's paper (``topics``: each paper's topic assignments)
    and either fewer than ``MIN_SHARED_WORDS`` words or a score below
    ``MIN_SCORE_WITHOUT_TOPIC``. A row that loses nothing is the very object of
    ``related``; a row of ``last`` (an earlier result) equal to the new one is taken
    instead of it, so that an unchanged row stays the same object from run to run
    (pages compare them by identity).
    """
    out = dict(related)
    least, floor = MIN_SHARED_WORDS, MIN_SCORE_WITHOUT_TOPIC
    for pid, row in related.items():
        # (A loop, not all() over a generator: most rows end here, and this is what a
        # rerun pays, 10,000 rows at 10,000 papers.)
        for r in row:
            if (len(r.terms) < least or r.score < floor) and not r.by_curator:
                break
        else:
            continue
        own = {a.topic for a in topics.get(pid, ())}
        kept = tuple(
            r for r in row
            if r.by_curator or (len(r.terms) >= least and r.score >= floor)
            or any(a.topic in own for a in topics.get(r.paper, ()))
        )
        before = last.get(pid) if last is not None else None
        out[pid] = before if before == kept else kept
    return out
