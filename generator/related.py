"""Related papers: TF-IDF similarity over title and abstract, with the terms that explain it.

Each paper gets the papers its curator linked by hand (first, in the curator's order),
then the ``k`` most similar other papers by cosine similarity of TF-IDF vectors
(scikit-learn's TfidfVectorizer: English stop words, sublinear term frequency, L2
norm). Every related paper carries the shared terms that contribute most to the
similarity, so a reader can see why it is there.

The similarity matrix is never held whole: rows are multiplied in chunks and only the
top ``k`` of each row are kept, so memory stays linear in the number of papers.
Ties are broken by paper id, and papers are vectorised in id order, so the result does
not depend on the order the papers were loaded in.
"""

from __future__ import annotations

from typing import Mapping, Sequence

from typing import TYPE_CHECKING

import numpy as np

from .models import Paper, RelatedPaper

if TYPE_CHECKING:
    from scipy import sparse

TOP_K = 5
TERMS_PER_PAIR = 3
_CHUNK_ROWS = 512
MIN_COMMON = 40  # max_df never drops a term found in fewer papers than this
# A word starts with a letter and has at least two characters; bare numbers ("2023",
# "10") say nothing about what two papers share.
_TOKEN_PATTERN = r"(?u)\b[^\W\d_][^\W_]+\b"


def _document(paper: Paper) -> str:
    return f"{paper.title}\n{paper.abstract}"


def _vectorise(papers: Sequence[Paper]) -> tuple[sparse.csr_matrix, np.ndarray] | None:
    # Imported here: scikit-learn takes most of a second to import, and a rerun whose
    # titles and abstracts did not change reuses the last result (build.Memo).
    from scipy import sparse
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(
        stop_words="english",
        sublinear_tf=True,
        token_pattern=_TOKEN_PATTERN,
        # A term in a single paper cannot be shared, so it can only dilute the norm.
        min_df=2,
        # A term in more than a quarter of a large list ("learning", "model") says little
        # about what two papers share, and each such term costs time quadratic in the
        # list's size in the similarity product. Small lists keep every term.
        max_df=max(MIN_COMMON, len(papers) // 4),
        dtype=np.float64,
    )
    try:
        matrix = vectorizer.fit_transform([_document(p) for p in papers])
    except ValueError:  # no term occurs in two papers: nothing is related to anything
        return None
    matrix = sparse.csr_matrix(matrix)
    matrix.sort_indices()
    return matrix, vectorizer.get_feature_names_out()


def _top_k(matrix: sparse.csr_matrix, k: int) -> list[list[tuple[int, float]]]:
    """For each row, up to ``k`` (column, cosine) pairs with a positive cosine, best first."""
    n = matrix.shape[0]
    transposed = matrix.T.tocsr()
    best: list[list[tuple[int, float]]] = []
    for start in range(0, n, _CHUNK_ROWS):
        stop = min(start + _CHUNK_ROWS, n)
        scores = (matrix[start:stop] @ transposed).toarray()
        scores[np.arange(stop - start), np.arange(start, stop)] = 0.0  # not related to itself
        take = min(k, n - 1)
        if take <= 0:
            best.extend([] for _ in range(start, stop))
            continue
        # Each row's k-th best score; every column scoring at least that is a candidate,
        # so a tie at the cut keeps all tied papers and the sort below decides by id.
        floors = np.partition(scores, n - take, axis=1)[:, n - take]
        rows, cols = np.nonzero((scores >= floors[:, None]) & (scores > 0.0))
        values = scores[rows, cols]
        bounds = np.searchsorted(rows, np.arange(stop - start + 1))
        for row in range(stop - start):
            ranked = sorted(
                zip(cols[bounds[row] : bounds[row + 1]].tolist(),
                    values[bounds[row] : bounds[row + 1]].tolist()),
                key=lambda item: (-round(item[1], 12), item[0]),
            )
            best.append(ranked[:k])
    return best


def _explain(
    matrix: sparse.csr_matrix, names: np.ndarray, pairs: Sequence[tuple[int, int]], count: int
) -> tuple[list[float], list[tuple[str, ...]]]:
    """For each pair (i, j): the cosine and the ``count`` shared terms weighing most in it.

    All pairs at once: the element-wise product of the two rows holds each shared term's
    share of the cosine; one lexsort ranks the terms of every pair.
    """
    if not pairs:
        return [], []
    left = matrix[np.fromiter((i for i, _ in pairs), dtype=np.int64)]
    right = matrix[np.fromiter((j for _, j in pairs), dtype=np.int64)]
    shares = left.multiply(right).tocsr()
    shares.eliminate_zeros()
    shares.sort_indices()
    cosines = np.asarray(shares.sum(axis=1)).ravel()
    rows = np.repeat(np.arange(len(pairs)), np.diff(shares.indptr))
    # Heaviest first; ties by column, which is alphabetical (the vocabulary is sorted).
    order = np.lexsort((shares.indices, -np.round(shares.data, 12), rows))
    rank = np.arange(len(order)) - shares.indptr[rows[order]]
    kept = order[rank < count]
    terms: list[list[str]] = [[] for _ in pairs]
    for row, column in zip(rows[kept].tolist(), shares.indices[kept].tolist()):
        terms[row].append(str(names[column]))
    return cosines.tolist(), [tuple(t) for t in terms]


def related_papers(
    papers: Sequence[Paper], k: int = TOP_K, terms: int = TERMS_PER_PAIR
) -> Mapping[str, tuple[RelatedPaper, ...]]:
    """Paper id -> its related papers: curator links first, then the ``k`` most similar."""
    ordered = sorted(papers, key=lambda p: p.id)
    index = {paper.id: n for n, paper in enumerate(ordered)}
    vectors = _vectorise(ordered) if len(ordered) > 1 else None
    # Curator links may also be among the nearest; fetch enough to still show k others.
    reach = k + max((len(p.related) for p in ordered), default=0)
    nearest = _top_k(vectors[0], reach) if vectors else [[] for _ in ordered]

    # (paper, other, by curator) in display order, then explained in one batch.
    chosen: list[tuple[int, int, bool]] = []
    for i, paper in enumerate(ordered):
        seen = {i}
        for other_id in paper.related:
            j = index.get(other_id)
            if j is None or j in seen:
                continue  # unknown ids are reported by validation, not here
            seen.add(j)
            chosen.append((i, j, True))
        found = 0
        for j, _ in nearest[i]:
            if j in seen or found == k:
                continue
            seen.add(j)
            found += 1
            chosen.append((i, j, False))

    pairs = [(i, j) for i, j, _ in chosen]
    if vectors:
        cosines, shared = _explain(vectors[0], vectors[1], pairs, terms)
    else:
        cosines, shared = [0.0] * len(pairs), [()] * len(pairs)
    result: dict[str, list[RelatedPaper]] = {paper.id: [] for paper in ordered}
    for (i, j, by_curator), score, words in zip(chosen, cosines, shared):
        result[ordered[i].id].append(
            RelatedPaper(ordered[j].id, round(score, 6), words, by_curator)
        )
    return {pid: tuple(items) for pid, items in result.items()}
