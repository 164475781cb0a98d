"""Rankings by cosine similarity over sparse, L2-normalised TF-IDF rows, exact to the bit,
and the shared terms that explain a pair.

Each paper's ranking prefix is computed from the similarity product in chunks of rows,
never held whole; ties are cosines equal to 12 decimals, broken by column (paper id).
Every cosine is a running sum, from 0 and in column order, of the products of two
rows' shared terms, as scipy's sparse product computes it: ``pair_cosines`` gives a
pair the same bits, so rankings that mix the two stay exact. No state: related.py's
`RelatedIndex` keeps the matrices and calls these.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .lazymodule import LazyModule

if TYPE_CHECKING:
    import numpy as np
    from scipy import sparse
else:
    np = LazyModule("numpy", globals(), "np")  # at its first use (lazymodule.py)

_CHUNK_ROWS = 512
_DECIMALS = 12  # cosines equal to this many decimals are ties, broken by id
# Cosines closer than this may round to the same value: candidate filters keep them.
TIE = 2 * 10.0**-_DECIMALS
_PAIR_BATCH = 8192  # pairs whose rows are selected at once (pair_cosines)
# Up to this many rows, `blocks` multiplies every row with them rather than transposing.
FEW_ROWS = 8


@dataclass(eq=False)
class Rows:
    """A sparse matrix as the three arrays of scipy's CSR format (each row's columns
    sorted), without scipy. The related index keeps its term counts so: a title edit
    that moves no vector splices and reads them but never multiplies, and then imports
    no scipy.sparse (0.04-0.05 s of a new process's CPU). `matrix` makes scipy's matrix
    of them, for the steps that compute."""

    data: np.ndarray
    indices: np.ndarray
    indptr: np.ndarray
    shape: tuple[int, int]

    def matrix(self) -> sparse.csr_matrix:
        made = csr(self.data, self.indices, self.indptr, self.shape)
        made.has_sorted_indices = True
        return made


def csr(data, indices, indptr, shape) -> sparse.csr_matrix:
    # Imported here: a rerun whose titles and abstracts did not change needs no scipy;
    # and through sklearn_text, without the modules scipy imports and never uses.
    from .sklearn_text import sparse_module

    return sparse_module().csr_matrix((data, indices, indptr), shape=shape)


def csr_of(matrix) -> sparse.csr_matrix:
    from .sklearn_text import sparse_module

    matrix = sparse_module().csr_matrix(matrix)
    matrix.sort_indices()
    return matrix


def splice(
    matrix: sparse.csr_matrix | Rows, rows: np.ndarray, fresh: sparse.csr_matrix | Rows,
    columns: int, column_map: np.ndarray | None = None,
) -> Rows:
    """``matrix`` with ``rows`` (sorted) replaced by the rows of ``fresh``, in O(nnz),
    as `Rows` (`Rows.matrix` for scipy's).

    ``column_map`` renumbers the kept rows' columns (order-preserving). The runs of
    kept rows between replaced ones are copied whole (one memory copy each).
    """
    n = matrix.shape[0]
    old_ptr, new_ptr = matrix.indptr, fresh.indptr
    old_indices = matrix.indices if column_map is None else column_map[matrix.indices]
    rows_list = np.asarray(rows, dtype=np.int64).tolist()
    run_starts = [0] + old_ptr[np.asarray(rows, dtype=np.int64) + 1].tolist()
    run_stops = old_ptr[rows].tolist() + [int(old_ptr[-1])]
    fresh_ptr = new_ptr.tolist()
    indices, data = [], []
    for slot, (start, stop) in enumerate(zip(run_starts, run_stops)):
        indices.append(old_indices[start:stop])
        data.append(matrix.data[start:stop])
        if slot < len(rows_list):
            indices.append(fresh.indices[fresh_ptr[slot] : fresh_ptr[slot + 1]])
            data.append(fresh.data[fresh_ptr[slot] : fresh_ptr[slot + 1]])
    lengths = np.diff(old_ptr)
    lengths[rows] = np.diff(new_ptr)
    indptr = np.concatenate(([0], np.cumsum(lengths)))
    return Rows(np.concatenate(data).astype(matrix.data.dtype, copy=False),
                np.concatenate(indices).astype(np.int32, copy=False), indptr, (n, columns))


def ranges(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """The concatenated ranges [start, start + length)."""
    offsets = np.cumsum(lengths) - lengths
    return np.repeat(np.asarray(starts, dtype=np.int64) - offsets, lengths) + np.arange(
        int(np.sum(lengths)), dtype=np.int64)


def _round(values: np.ndarray) -> np.ndarray:
    return np.round(values, _DECIMALS)


def _scaled(values: np.ndarray) -> np.ndarray:
    """Values in [0, 1] to integers with the same order and ties as ``_round``.

    np.round(x, 12) is rint(x * 1e12) / 1e12; the integers stay below 2**40.
    """
    return np.rint(values * 10.0**_DECIMALS).astype(np.int64)


def rank_rows(
    rows: np.ndarray, cols: np.ndarray, values: np.ndarray, n_rows: int, width: int
) -> tuple[np.ndarray, np.ndarray]:
    """Each row's first ``width`` entries by (rounded cosine descending, column): -1 pads."""
    # Row and rounded cosine in one integer key (rows < 2**23). Without equal keys it
    # alone decides the order, and one plain sort costs a third of a three-key one;
    # with them (a tie within a row), the column breaks it.
    key = (rows.astype(np.int64) << 40) - _scaled(values)
    order = np.argsort(key)
    ordered_key = key[order]
    if (ordered_key[1:] == ordered_key[:-1]).any():
        order = np.lexsort((cols, key))
    rows, cols, values = rows[order], cols[order], values[order]
    starts = np.searchsorted(rows, np.arange(n_rows))
    rank = np.arange(len(rows)) - starts[rows]
    keep = rank < width
    top_cols = np.full((n_rows, width), -1, dtype=np.int32)
    top_vals = np.zeros((n_rows, width), dtype=np.float64)
    top_cols[rows[keep], rank[keep]] = cols[keep]
    top_vals[rows[keep], rank[keep]] = values[keep]
    return top_cols, top_vals


def blocks(matrix: sparse.csr_matrix, transposed: sparse.csr_matrix | None, rows: np.ndarray):
    """(rows of the block, their dense cosines with every paper, self pairs zeroed).

    Rows are multiplied in chunks, so the similarity matrix is never held whole. Each
    cosine is summed over the row's terms in column order, the same for either row of
    a pair. ``transposed``: ``matrix.T.tocsr()``, or None for a few rows: every row is
    then multiplied with the few (the same products summed in the same column order,
    so the same bits), which spares transposing the whole matrix (an O(nnz) scatter
    that cost a one-row update more than its product).
    """
    for start in range(0, len(rows), _CHUNK_ROWS):
        block = rows[start : start + _CHUNK_ROWS]
        if transposed is None:
            scores = (matrix @ matrix[block].T.tocsr()).T.toarray()
        else:
            scores = (matrix[block] @ transposed).toarray()
        scores[np.arange(len(block)), block] = 0.0  # not related to itself
        yield block, scores


def _candidates(
    scores: np.ndarray, width: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(row, column) of the entries that may be among their row's first ``width``, and
    each row's width-th best cosine (0 if it has fewer).

    The width-th best is found by partition; every column within rounding of it is
    kept, so a tie at the cut keeps all tied papers and rank_rows decides by id.
    """
    columns = scores.shape[1]
    if columns <= width:
        rows, cols = np.nonzero(scores > 0.0)
        return rows, cols, np.zeros(len(scores))
    floors = np.partition(scores, columns - width, axis=1)[:, columns - width]
    rows, cols = np.nonzero(scores > np.maximum(floors - TIE, 0.0)[:, None])
    return rows, cols, floors


def rank_block(scores: np.ndarray, width: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each row's ranking prefix (``width`` entries) and whether it holds all candidates."""
    complete = np.count_nonzero(scores, axis=1) <= width
    rows, cols, _ = _candidates(scores, width)
    top_cols, top_vals = rank_rows(rows, cols, scores[rows, cols], len(scores), width)
    return top_cols, top_vals, complete


def _above_floor(
    scores: np.ndarray, floor: np.ndarray, width: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(row, column, cosine) of the entries that may be among their row's first
    ``width``, given ``floor``: each row's width-th best cosine over the columns seen so
    far (0: none), raised here in place to its width-th best over these columns too.

    Only entries above a row's floor can be among its first ``width`` (all within
    rounding of it are kept, so that a tie at the cut keeps all tied papers and
    rank_rows decides by id). Once a row has seen a few blocks, few entries are above
    its floor: the width-th best among those is the block's, found without
    partitioning the whole row (the costliest step when every row was partitioned).
    """
    columns = scores.shape[1]
    above = scores > np.maximum(floor - TIE, 0.0)[:, None]
    counts = np.count_nonzero(above, axis=1)
    # Rows with many entries above their floor (no floor yet, or a low one): their
    # width-th best by partitioning the row, and only what is above the raised floor.
    # (With fewer than an eighth of the row above it, partitioning those is cheaper.)
    many = counts > columns // 8
    wide = np.flatnonzero(many & (counts >= width))
    if 0 < len(wide) == len(scores):  # (the first blocks: no fancy indexing)
        part = np.array(scores, order="C")
        part.partition(columns - width, axis=1)
        np.maximum(floor, part[:, columns - width], out=floor)
        above = scores > np.maximum(floor - TIE, 0.0)[:, None]
    elif len(wide):
        part = scores[wide]
        part.partition(columns - width, axis=1)
        floor[wide] = np.maximum(floor[wide], part[:, columns - width])
        above[wide] = scores[wide] > np.maximum(floor[wide] - TIE, 0.0)[:, None]
    # (Flat positions: np.nonzero of a 2-D mask costs over ten times as much. A block
    # read down its columns is the transpose of a C-ordered mask.)
    if above.flags.c_contiguous:
        rows, cols = np.divmod(np.flatnonzero(above), columns)
    else:
        cols, rows = np.divmod(np.flatnonzero(above.T), len(scores))
    values = scores[rows, cols]
    # The others with ``width`` entries above their floor: the block's width-th best
    # is among those entries, padded with zeros to one short row each and partitioned.
    few = np.flatnonzero(~many & (counts >= width))
    if len(few):
        is_few = np.zeros(len(scores), dtype=bool)
        is_few[few] = True
        picked = np.flatnonzero(is_few[rows])
        picked = picked[np.argsort(rows[picked], kind="stable")]
        lengths = counts[few]
        slot = np.repeat(np.arange(len(few)), lengths)
        position = np.arange(len(picked)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
        longest = int(lengths.max())
        short = np.zeros((len(few), longest))
        short[slot, position] = values[picked]
        short.partition(longest - width, axis=1)
        floor[few] = np.maximum(floor[few], short[:, longest - width])
    return rows, cols, values


def rank_all(matrix: sparse.csr_matrix, width: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every row's ranking prefix (``width`` entries) and whether it holds all candidates.

    The product is symmetric, so each chunk of rows is multiplied only with itself and
    the rows after it: a chunk's block gives its own rows their candidates among those
    columns, and (read down its columns) the later rows their candidates among the
    chunk's rows. A cosine read down a column has the same bits as the one its own row
    would give (the same products summed in the same column order).
    """
    n = matrix.shape[0]
    top_cols = np.full((n, width), -1, dtype=np.int32)
    top_vals = np.zeros((n, width), dtype=np.float64)
    if n < 2 or matrix.shape[1] == 0:
        return top_cols, top_vals, np.ones(n, dtype=bool)
    positive = np.zeros(n, dtype=np.int64)
    # Each row's width-th best cosine over the columns seen so far: a lower bound of
    # its width-th best, so candidates found under a lower one are dropped at the end.
    floor = np.zeros(n)
    found_rows, found_cols, found_vals = [], [], []
    for start in range(0, n, _CHUNK_ROWS):
        stop = min(start + _CHUNK_ROWS, n)
        scores = (matrix[start:stop] @ matrix[start:].T.tocsr()).toarray()
        scores[np.arange(stop - start), np.arange(stop - start)] = 0.0  # not related to itself
        positive[start:stop] += np.count_nonzero(scores, axis=1)
        rows, cols, values = _above_floor(scores, floor[start:stop], width)
        found_rows.append(rows + start)
        found_cols.append(cols + start)
        found_vals.append(values)
        if stop < n:
            # (Read down the columns as they are: a transposed copy cost as much as the rest.)
            later = scores[:, stop - start :].T
            positive[stop:] += np.count_nonzero(later, axis=1)
            rows, cols, values = _above_floor(later, floor[stop:], width)
            found_rows.append(rows + stop)
            found_cols.append(cols + start)
            found_vals.append(values)
    rows, cols, values = (np.concatenate(found_rows), np.concatenate(found_cols),
                          np.concatenate(found_vals))
    kept = values > floor[rows] - TIE
    top_cols, top_vals = rank_rows(rows[kept], cols[kept], values[kept], n, width)
    return top_cols, top_vals, positive <= width


def pair_cosines(
    matrix: sparse.csr_matrix, left: np.ndarray, right: np.ndarray
) -> np.ndarray:
    """The cosine of each pair, with the bits the sparse product gives it.

    The product adds each shared term's product to a running sum that starts at 0, in
    column order; so does this, one position at a time (numpy's own sums are pairwise).
    Pairs go in batches, so the selected rows never take much memory. A pair and its
    mirror (both often kept: each is in the other's prefix) have the same bits, so each
    is computed once.
    """
    low, high = np.minimum(left, right), np.maximum(left, right)
    unique, inverse = np.unique(low.astype(np.int64) * matrix.shape[0] + high, return_inverse=True)
    left, right = unique // matrix.shape[0], unique % matrix.shape[0]
    sums = np.zeros(len(left))
    for start in range(0, len(left), _PAIR_BATCH):
        batch = slice(start, start + _PAIR_BATCH)
        shares = matrix[left[batch]].multiply(matrix[right[batch]]).tocsr()
        shares.sort_indices()
        lengths = np.diff(shares.indptr)
        part = np.zeros(len(lengths))
        for position in range(int(lengths.max(initial=0))):
            longer = np.flatnonzero(lengths > position)
            part[longer] += shares.data[shares.indptr[longer] + position]
        sums[batch] = part
    return sums[inverse.ravel()]


def explain(
    matrix: sparse.csr_matrix, pairs_left: np.ndarray, pairs_right: np.ndarray, count: int,
    term_ids: np.ndarray, groups: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """For each pair (i, j): the cosine and the ``count`` shared terms weighing most in it,
    of distinct stems.

    All pairs at once: the element-wise product of the two rows holds each shared term's
    share of the cosine; one lexsort ranks the terms of every pair. Terms come back as
    ``term_ids`` of the matrix's columns, -1 padded. ``groups``: each column's stem
    (equal numbers, equal stems); a term with the stem of a heavier one of its pair
    ("scale" after "scaling") is the same word again, and the next term takes its place.
    """
    m = len(pairs_left)
    terms = np.full((m, count), -1, dtype=np.int32)
    if m == 0:
        return np.zeros(0), terms
    shares = matrix[pairs_left].multiply(matrix[pairs_right]).tocsr()
    shares.eliminate_zeros()
    shares.sort_indices()
    cosines = np.asarray(shares.sum(axis=1)).ravel()
    rows = np.repeat(np.arange(m), np.diff(shares.indptr))
    # Heaviest first; ties by column, which is alphabetical (the vocabulary is sorted):
    # one integer key per share (pair, then rounded weight descending; a stable sort
    # keeps the column order of equal keys), far cheaper than a three-key lexsort.
    order = np.argsort((rows.astype(np.int64) << 40) - _scaled(shares.data), kind="stable")
    # Only a term whose stem another term of the vocabulary has can repeat one: most
    # have none, so few shares are sorted again, by (pair, stem) keeping the rank order
    # (np.unique's first index is the first in that order).
    share_groups = groups[shares.indices[order]]
    maybe = np.flatnonzero(np.bincount(groups)[share_groups] > 1)
    if len(maybe):
        key = (rows[order[maybe]].astype(np.int64) << 32) + share_groups[maybe]
        repeats = np.ones(len(maybe), dtype=bool)
        repeats[np.unique(key, return_index=True)[1]] = False
        keep = np.ones(len(order), dtype=bool)
        keep[maybe[repeats]] = False
        order = order[keep]
    starts = np.searchsorted(rows[order], np.arange(m))
    rank = np.arange(len(order)) - starts[rows[order]]
    kept = order[rank < count]
    terms[rows[kept], rank[rank < count]] = term_ids[shares.indices[kept]]
    return cosines, terms


def ranks_at_or_above(
    values: np.ndarray, cols: np.ndarray, bound_values: np.ndarray, bound_cols: np.ndarray
) -> np.ndarray:
    """Whether each (value, col) ranks at or above (bound_value, bound_col)."""
    rounded, bound = _round(values), _round(bound_values)
    return (rounded > bound) | ((rounded == bound) & (cols <= bound_cols))
