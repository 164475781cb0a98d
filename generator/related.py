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

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

from .models import Paper, RelatedPaper

TOP_K = 5
TERMS_PER_PAIR = 3
_CHUNK_ROWS = 512
# A word starts with a letter and has at least two characters; bare numbers ("2023",
# "10") say nothing about what two papers share.
_TOKEN_PATTERN = r"(?u)\b[^\W\d_][^\W_]+\b"


def _document(paper: Paper) -> str:
    return f"{paper.title}\n{paper.abstract}"


def _vectorise(papers: Sequence[Paper]) -> tuple[sparse.csr_matrix, np.ndarray] | None:
    vectorizer = TfidfVectorizer(
        stop_words="english",
        sublinear_tf=True,
        token_pattern=_TOKEN_PATTERN,
        # A term in a single paper cannot be shared, so it can only dilute the norm.
        min_df=2,
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
        candidates = np.argpartition(-scores, take - 1, axis=1)[:, :take]
        for row, cols in enumerate(candidates):
            # argpartition is not stable, so a tie at the cut could pick either paper;
            # take every column scoring at least the k-th best and cut after sorting.
            floor = scores[row, cols].min()
            tied = np.nonzero(scores[row] >= floor)[0]
            ranked = sorted(
                ((int(c), float(scores[row, c])) for c in tied if scores[row, c] > 0.0),
                key=lambda item: (-round(item[1], 12), item[0]),
            )
            best.append(ranked[:k])
    return best


def _shared_terms(
    matrix: sparse.csr_matrix, names: np.ndarray, i: int, j: int, count: int
) -> tuple[str, ...]:
    row_i = slice(matrix.indptr[i], matrix.indptr[i + 1])
    row_j = slice(matrix.indptr[j], matrix.indptr[j + 1])
    common, at_i, at_j = np.intersect1d(
        matrix.indices[row_i], matrix.indices[row_j], assume_unique=True, return_indices=True
    )
    if not len(common):
        return ()
    weight = matrix.data[row_i][at_i] * matrix.data[row_j][at_j]
    order = sorted(range(len(common)), key=lambda n: (-round(float(weight[n]), 12), names[common[n]]))
    return tuple(str(names[common[n]]) for n in order[:count])


def _cosine(matrix: sparse.csr_matrix, i: int, j: int) -> float:
    return float(matrix[i].multiply(matrix[j]).sum())


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

    result: dict[str, tuple[RelatedPaper, ...]] = {}
    for i, paper in enumerate(ordered):
        chosen: list[RelatedPaper] = []
        seen = {paper.id}
        for other_id in paper.related:
            j = index.get(other_id)
            if j is None or other_id in seen:
                continue  # unknown ids are reported by validation, not here
            seen.add(other_id)
            score = _cosine(vectors[0], i, j) if vectors else 0.0
            shared = _shared_terms(*vectors, i, j, terms) if vectors else ()
            chosen.append(RelatedPaper(other_id, round(score, 6), shared, by_curator=True))
        found = 0
        for j, score in nearest[i]:
            other_id = ordered[j].id
            if other_id in seen or found == k:
                continue
            found += 1
            seen.add(other_id)
            assert vectors is not None
            shared = _shared_terms(*vectors, i, j, terms)
            chosen.append(RelatedPaper(other_id, round(score, 6), shared))
        result[paper.id] = tuple(chosen)
    return result
