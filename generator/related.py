"""Related papers: TF-IDF similarity over title and abstract, with the terms that explain it.

Each paper gets the papers its curator linked by hand (first, in the curator's order),
then the ``k`` most similar other papers by cosine similarity of TF-IDF vectors, leaving
out those its curator ruled out and those whose curator ruled it out (``not_related``:
the pair is hidden both ways, and the next most similar takes the place)
(scikit-learn: the terms of terms.py, sublinear term frequency, smooth idf, L2 norm; a term
counts if it is in at least 2 papers and at most ``max(40, n // 4)``). Every related
paper carries the shared terms that contribute most to the similarity, so a reader can
see why it is there, each word in one form only (a term of the stem of a heavier one,
"scale" after "scaling", gives its place to the next). Ties are broken by paper id
(scores compared to 12 decimals), and papers are vectorised in id order, so the result
does not depend on load order. The arithmetic of rankings and shared terms is cosines.py's;
which related papers a page shows, relatedshown.py's.

API:

- ``related_papers(papers, k, terms)``: the result from scratch.
- ``RelatedIndex``: the same result, kept up to date. ``index.update(papers, k, terms)``
  returns exactly (``==``) what ``related_papers(papers, k, terms)`` returns, and keeps
  what it needs to answer the next call cheaply when only some titles, abstracts or
  curator links (``related``, ``not_related``) changed. It holds numpy/scipy arrays
  (plus the ids, terms, curator links, each title and abstract, and the result objects)
  and pickles, so a build can keep it between processes.

What a rerun costs: nothing changed, a comparison of each title and abstract with the
last update's (the very same string objects from run to run, also after the build's
memo is unpickled), then the kept result objects. A text edit tokenises the edited
papers with ``terms.analyse`` (the analyzer CountVectorizer counts with from scratch,
called without scikit-learn: a title edit that moves no vector imports none of it) and
weighs them by TfidfTransformer, the very steps of a computation from scratch.

Why an edit is cheap: with sublinear tf, idf and the L2 norm, a paper's vector depends
only on its own counts and on the document frequency (df) of its terms. An edit changes
df only for the terms it adds or removes, so only the edited papers and the papers that
contain a term whose df changed get new vectors. A cosine changes only if one of its two
papers has a new vector. Each paper keeps a prefix of its ranking (``_width`` entries,
more than it shows) and whether that prefix is complete. Two kinds of changed papers:

- "affected": edited, or holding a term that entered or left the vocabulary, so it may
  now share terms with papers it did not share any with. It is ranked again from its
  whole row, and that row gives every other paper its new cosine with it (cosine is
  symmetric).
- "moved": it only holds a term whose idf changed (a frequent word added or removed
  elsewhere moves thousands of papers this way). It keeps its terms and its vector moves
  by a distance computed from the old and new vectors; a cosine with it moves by at
  most that distance (Cauchy-Schwarz). Only the cosines in kept prefixes are recomputed,
  pair by pair.

A paper whose links or ruled-out papers changed (its own ``not_related``, or another
paper's that names it) only chooses again from its prefix, made longer first if it holds
too few: a prefix holds ``k`` papers more than the paper's links and ruled-out papers, so
that ``k`` remain to show.

A paper that is not affected gets as new ranking its old prefix, affected papers taken
out and moved pairs recomputed, merged with its new cosines against the affected papers, and trusted
down to the old prefix's last entry (papers outside the prefix ranked below it), raised
by the largest distances that could bring an unseen paper above it. (After such a
raise, the bound is kept, ``_ceiling``, and raised again at the next move: not the last
entry left, which would drop at least one entry from every open prefix at every move.) A paper left with
too short a trusted prefix is ranked again from its whole row. A changed list of papers
(added, removed), different ``k``/``terms``, curator lists longer than the kept prefix
allows, or an edit that affects over half of the papers is computed from scratch.

From scratch, the similarity matrix is never held whole: rows are multiplied in chunks,
each chunk only with itself and the rows after it (the product is symmetric), and only
each row's candidates for its prefix are kept, so memory stays linear in the list.

Exactness: every ranking cosine is a running sum, from 0 and in column (alphabetical
vocabulary) order, of the products of two L2-normalised rows' shared terms: scipy's
sparse product computes it so, and so does ``cosines.pair_cosines``; the same pair gets the
same bits whichever of its rows is multiplied, and a vocabulary change that shifts
columns keeps the order of each row's terms. TfidfTransformer weighs each row
independently of the others, given the idf (learnt from every paper's counts). Displayed scores and shared terms come from
the two rows alone (``cosines.explain``) and the stems of their terms (``_stems``, each term
stemmed once, when it enters ``_terms``), so a chosen pair whose papers kept their
vectors keeps them.
"""

from __future__ import annotations

import bisect
import pickle
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar, Mapping, Sequence

from .cosines import (
    FEW_ROWS, TIE, Rows, blocks, csr, csr_of, explain, pair_cosines, rank_all, rank_block, rank_rows, ranges,
    ranks_at_or_above, splice,
)
from .models import Paper, RelatedPaper
from .lazymodule import LazyModule
from .terms import Spellings, analyse, count_vectorizer, distinct, stems

if TYPE_CHECKING:
    import numpy as np
    from scipy import sparse
else:
    # At its first use (lazymodule.py): a rerun that edited no title, abstract or link
    # never computes here, and an index read from the memo holds no numpy object.
    np = LazyModule("numpy", globals(), "np")

TOP_K = 5
TERMS_PER_PAIR = 3
MIN_COMMON = 40  # max_df never drops a term found in fewer papers than this
# Shared terms explained per pair beyond the ones shown: a term that is another's plural
# ("llm", "llms"), initialism or compound ("rules", "rule-based") is not shown twice
# (``terms.distinct``), and the next one takes its place. (Terms of one stem, "scaling"
# and "scale", ``cosines.explain`` drops before it counts them.) A compound can stand for three
# terms of a pair: "chain-of-instructions" for "chain", "instructions" and "coi" in the
# 10,000-paper benchmark list, where two spares left one pair with two terms shown; with
# four, it and the shipped list show what fifty show.
_SPARE_TERMS = 4
# Ranking entries kept per paper beyond the ones shown, so that an edit elsewhere
# rarely leaves a paper without a trusted prefix long enough.
_MARGIN = 10
# Above this share of affected papers, recomputing from scratch is about as cheap.
_MAX_AFFECTED_SHARE = 0.5
# Rounding in a cosine and in a distance between vectors is far below this.
_MOVE_SLACK = 1e-9
# A related paper's score is its cosine cut (not rounded) to this many decimals: no page
# shows it, and relatedshown.py only compares it with a threshold of two decimals, which
# a cut value meets exactly when the cosine does. An abstract edit moves the idf of its
# frequent words and so, by about 1e-6, the scores of a third of a 10,000-paper list: to
# 6 decimals that gave some 3,900 rows new result objects, which every later step (the
# reuse checks of the pages and of papers.json, storing the memo) compared field by
# field; to 3, a few dozen.
SCORE_DECIMALS = 3
_MATRICES = ("_counts", "_vectors")  # RelatedIndex's scipy matrices (see __getstate__)
# Its numpy arrays, pickled as bytes (see __getstate__).
_ARRAYS = (
    "_stems", "_vocab", "_top_cols", "_top_vals", "_complete", "_ceiling", "_pair_ptr", "_pair_cols",
    "_pair_curated", "_pair_scores", "_pair_terms",
)


def _zeros(dtype: str, shape: tuple[int, ...]) -> tuple[str, tuple[int, ...], bytes]:
    """Packed zeros (`_pack`), made without numpy: a new index's arrays (build.Memo()
    makes one when the generator is imported)."""
    size = int(dtype[2:])
    for length in shape:
        size *= length
    return (dtype, shape, bytes(size))


def _empty() -> np.ndarray:
    return np.zeros(0, dtype=np.int64)


def _pack(array: np.ndarray) -> tuple[str, tuple[int, ...], bytes]:
    """An array as its dtype, shape and bytes: what unpickles without numpy."""
    return (array.dtype.str, array.shape, array.tobytes())


def _unpacked(packed: tuple[str, tuple[int, ...], bytes]) -> np.ndarray:
    dtype, shape, data = packed
    # (A copy, which the index may change in place: np.frombuffer of bytes is read-only.)
    return np.frombuffer(bytearray(data), dtype=np.dtype(dtype)).reshape(shape)


def _unpacked_rows(packed: tuple) -> Rows:
    data, indices, indptr, shape = packed
    return Rows(_unpacked(data), _unpacked(indices), _unpacked(indptr), shape)


def warm_up() -> None:
    """Import what an update after a title or abstract edit needs (scikit-learn and
    scipy's sparse matrices, about 0.7 s), before any edit: `serve` calls this while it
    waits for the first one. A memo read from the cache holds neither."""
    from .sklearn_text import sparse_module, text_module

    sparse_module()
    text = text_module()
    # An edit weighs rows: scikit-learn checks its input, reading narwhals (sklearn_text.py).
    text.TfidfTransformer().fit(sparse_module().csr_matrix((1, 1)))


def _truncated(cosines: np.ndarray) -> np.ndarray:
    """Scores as ``SCORE_DECIMALS`` gives them: first to 12 decimals, as ties are
    (cosines.TIE), so that the cosine of two equal vectors, 1 less a rounding error, is 1."""
    scale = 10.0**SCORE_DECIMALS
    return np.floor(np.round(cosines * scale, 12 - SCORE_DECIMALS)) / scale


def _document(paper: Paper) -> str:
    return f"{paper.title}\n{paper.abstract}"


def _texts(papers: Sequence[Paper]) -> tuple[tuple[str, str], ...]:
    return tuple([(p.title, p.abstract) for p in papers])


def _blocks(ordered: Sequence[Paper], ids: Sequence[str]) -> dict[int, tuple[int, ...]]:
    """Row -> the rows (sorted) of the papers it must not show as similar: those its
    ``not_related`` names and those whose ``not_related`` names it. Only rows that have
    any (a list that rules out nothing costs one look at each paper)."""
    ruling = [p for p in ordered if p.not_related]
    if not ruling:
        return {}
    row = {pid: i for i, pid in enumerate(ids)}
    pairs: dict[int, set[int]] = {}
    for paper in ruling:
        i = row[paper.id]
        for other in paper.not_related:
            j = row.get(other)
            if j is not None and j != i:  # (unknown ids are reported by validation)
                pairs.setdefault(i, set()).add(j)
                pairs.setdefault(j, set()).add(i)
    return {i: tuple(sorted(rows)) for i, rows in sorted(pairs.items())}


def _max_df(n: int) -> int:
    # A term in more than a quarter of a large list ("learning", "model") says little
    # about what two papers share, and each such term costs time quadratic in the
    # list's size in the similarity product. Small lists keep every term.
    return max(MIN_COMMON, n // 4)


def _in_vocab(counts: sparse.csr_matrix, column: np.ndarray, size: int) -> sparse.csr_matrix:
    """``counts`` (float) restricted to the vocabulary: ``column`` maps each term to its
    vocabulary column (-1: none), and the columns keep their order."""
    mapped = column[counts.indices]
    keep = mapped >= 0
    owner = np.repeat(np.arange(counts.shape[0]), np.diff(counts.indptr))
    indptr = np.concatenate(([0], np.cumsum(np.bincount(owner[keep], minlength=counts.shape[0]))))
    return csr(counts.data[keep].astype(np.float64), mapped[keep].astype(np.int32),
               indptr.astype(np.int64), (counts.shape[0], size))


def _same_in_vocab(
    old: sparse.csr_matrix, rows: np.ndarray, new: sparse.csr_matrix, in_vocab: np.ndarray
) -> np.ndarray:
    """Whether each of ``rows`` (sorted) of ``old`` holds the same counts of vocabulary
    terms (``in_vocab``: by column) as the same row of ``new`` (one row each, in order);
    both with sorted columns."""
    m = len(rows)
    starts = old.indptr[rows]
    lengths = old.indptr[rows + 1] - starts
    at = ranges(starts, lengths)
    sides = []
    for slot, cols, data in ((np.repeat(np.arange(m), lengths), old.indices[at], old.data[at]),
                             (np.repeat(np.arange(m), np.diff(new.indptr)), new.indices, new.data)):
        keep = in_vocab[cols]
        sides.append((slot[keep], cols[keep], data[keep]))
    (a_slot, a_cols, a_data), (b_slot, b_cols, b_data) = sides
    same = np.bincount(a_slot, minlength=m) == np.bincount(b_slot, minlength=m)
    # Rows of equal length line up entry for entry: any difference marks its row.
    a, b = same[a_slot], same[b_slot]
    differ = (a_cols[a] != b_cols[b]) | (a_data[a] != b_data[b])
    same[a_slot[a][differ]] = False
    return same


@dataclass
class RelatedIndex:
    """The related papers of the last ``update`` and what it takes to redo them cheaply.

    Rows are papers in id order; columns of ``_counts`` (`cosines.Rows`: no scipy) are
    ``_terms`` (every term seen, sorted), columns of ``_vectors`` (scipy's; read through
    `_matrix`) the vocabulary (``_vocab``: positions in
    ``_terms``). ``_top_cols``/``_top_vals`` hold each paper's ranking prefix and
    ``_complete`` whether it is the whole ranking. ``_pair_*`` hold the chosen related
    papers, in display order, with their displayed score and shared terms (positions in
    ``_terms``). ``_stems`` holds each term's stem as a number (``_stem_numbers``: stem
    -> number), so that an update stems only the terms it adds.
    """

    _k: int = -1
    _per_pair: int = -1
    _ids: tuple[str, ...] = ()
    # The titles and abstracts of the last update, to find the edited papers: most are
    # the very same objects from run to run, so comparing costs a pointer check each.
    # In the build's memo they are the strings of the papers it keeps anyway (pickle
    # stores a shared object once), so a new process compares the same objects too.
    _texts: tuple[tuple[str, str], ...] = ()
    _links: tuple[tuple[str, ...], ...] = ()
    # Row -> the rows it must not show as similar (``_blocks``); most lists have none.
    _blocked: dict[int, tuple[int, ...]] = field(default_factory=dict)
    _terms: list[str] = field(default_factory=list)
    _stems: np.ndarray | tuple = field(default_factory=lambda: _zeros("<i4", (0,)))
    _stem_numbers: dict[str, int] = field(default_factory=dict)
    _counts: Rows | None = None
    _vocab: np.ndarray | tuple = field(default_factory=lambda: _zeros("<i8", (0,)))
    _vectors: sparse.csr_matrix | None = None
    # The TfidfTransformer that weighed ``_vectors``, pickled (`_weigh`).
    _fitted: bytes | None = None
    _width: int = 0
    _top_cols: np.ndarray | tuple = field(default_factory=lambda: _zeros("<i4", (0, 0)))
    _top_vals: np.ndarray | tuple = field(default_factory=lambda: _zeros("<f8", (0, 0)))
    _complete: np.ndarray | tuple = field(default_factory=lambda: _zeros("|b1", (0,)))
    # Per paper, NaN where no paper outside its open prefix ranks above the prefix's last
    # entry (as ranked); else what no cosine outside the prefix exceeds, below that last
    # entry: an update that moved vectors trusted only what stood above its bound by the
    # distance moved (`_rerank`).
    _ceiling: np.ndarray | tuple = field(default_factory=lambda: _zeros("<f8", (0,)))
    _pair_ptr: np.ndarray | tuple = field(default_factory=lambda: _zeros("<i8", (1,)))
    _pair_cols: np.ndarray | tuple = field(default_factory=lambda: _zeros("<i8", (0,)))
    _pair_curated: np.ndarray | tuple = field(default_factory=lambda: _zeros("|b1", (0,)))
    _pair_scores: np.ndarray | tuple = field(default_factory=lambda: _zeros("<f8", (0,)))
    _pair_terms: np.ndarray | tuple = field(default_factory=lambda: _zeros("<i4", (0, 0)))
    # The result, built from the pair arrays; pickled with them, because unpickling
    # the objects costs about half of building them again (0.03-0.05 s against 0.07 s at
    # 10,000 papers, the collector paused as the build's cache does).
    _rows: list[tuple[RelatedPaper, ...]] | None = None
    # Set by each `update` (an instance's own, not stored): see there.
    quiet: ClassVar[bool] = False

    def __getstate__(self) -> dict:
        # The matrices and arrays as plain bytes: unpickling a scipy matrix imports scipy,
        # and a numpy array numpy (0.04-0.05 s and 0.13-0.15 s of a new process), which a
        # rerun whose titles, abstracts and links did not change never needs. `_unpack`
        # makes them arrays again when an edit needs them, and `_matrix` the vectors
        # scipy's matrix when a step computes with them.
        state = dict(self.__dict__)
        state.pop("quiet", None)  # (the last update's, this process's)
        for name in _MATRICES:
            matrix = state.get(name)
            if matrix is not None and not isinstance(matrix, tuple):
                state[name] = (
                    _pack(matrix.data), _pack(matrix.indices), _pack(matrix.indptr),
                    tuple(map(int, matrix.shape)),
                )
        for name in _ARRAYS:
            if not isinstance(state[name], tuple):
                state[name] = _pack(state[name])
        return state

    def _unpack(self) -> None:
        """The arrays and the counts unpacked (numpy); the vectors wait for `_matrix`."""
        for name in _ARRAYS:
            packed = getattr(self, name)
            if isinstance(packed, tuple):
                setattr(self, name, _unpacked(packed))
        if isinstance(self._counts, tuple):
            self._counts = _unpacked_rows(self._counts)

    def _matrix(self) -> sparse.csr_matrix | None:
        """The TF-IDF rows (``_vectors``) as scipy's matrix, unpacked at their first use:
        an edit that moves no vector (a title's word no other paper has) multiplies
        nothing, and never imports scipy.sparse."""
        if isinstance(self._vectors, tuple):
            self._vectors = _unpacked_rows(self._vectors).matrix()
        return self._vectors

    def update(
        self, papers: Sequence[Paper], k: int = TOP_K, terms: int = TERMS_PER_PAIR
    ) -> Mapping[str, tuple[RelatedPaper, ...]]:
        """Paper id -> its related papers: curator links first, then the ``k`` most similar."""
        # Whether this update changed nothing the index keeps but the texts' objects (no
        # title, abstract or link changed): build.py then need not store its memo.
        self.quiet = False
        if not isinstance(papers, (list, tuple)):
            papers = tuple(papers)  # read twice below
        ids = tuple([p.id for p in papers])
        if ids == self._ids:  # load_content gives papers in id order: no sort needed
            ordered = papers
        else:
            ordered = sorted(papers, key=lambda p: p.id)
            ids = tuple([p.id for p in ordered])
        if (
            ids != self._ids
            or (k, terms) != (self._k, self._per_pair)
            or self._counts is None
            or not self._incremental(ordered)
        ):
            self._from_scratch(ordered, k, terms)
        if self._rows is None:
            self._rows = self._row_results(np.arange(len(self._ids)))
        return dict(zip(self._ids, self._rows))

    # -- from scratch -------------------------------------------------------------------

    def _from_scratch(self, ordered: Sequence[Paper], k: int, per_pair: int) -> None:
        from .sklearn_text import sparse_module  # (scipy: see cosines.csr)

        sparse = sparse_module()
        self._unpack()  # (`_weigh` reads the last vocabulary)
        n = len(ordered)
        self._rows = None
        self._k, self._per_pair = k, per_pair
        self._ids = tuple(p.id for p in ordered)
        self._texts = _texts(ordered)
        self._links = tuple(p.related for p in ordered)
        self._blocked = _blocks(ordered, self._ids)
        vectorizer = count_vectorizer()
        try:
            counts = vectorizer.fit_transform([_document(p) for p in ordered])
            self._terms = vectorizer.get_feature_names_out().tolist()
        except ValueError:  # no word at all (empty or stop words only)
            counts = sparse.csr_matrix((n, 0), dtype=np.int64)
            self._terms = []
        counts = sparse.csr_matrix(counts, dtype=np.int32)
        counts.sort_indices()
        self._counts = Rows(counts.data, counts.indices, counts.indptr, counts.shape)
        self._stem_numbers = {}
        self._stems = self._stem_of(self._terms)
        self._width = self._widest() + _MARGIN
        self._weigh(np.arange(n))
        self._top_cols, self._top_vals, self._complete = rank_all(self._vectors, self._width)
        self._ceiling = np.full(n, np.nan)
        self._pair_ptr = np.zeros(n + 1, dtype=np.int64)
        self._pair_cols = _empty()
        self._pair_curated = np.zeros(0, dtype=bool)
        self._pair_scores = np.zeros(0)
        self._pair_terms = np.zeros((0, per_pair + _SPARE_TERMS), dtype=np.int32)
        self._choose(np.arange(n))

    def _weigh(self, rows: np.ndarray, df: np.ndarray | None = None, same_idf: bool = False) -> None:
        """Sets the vocabulary and the vectors of ``rows`` (sorted; all others keep theirs).

        ``df``: each term's document frequency, if known. Rows not in ``rows`` must not
        contain a term whose df or vocabulary membership changed. ``same_idf``: no term
        entered or left the vocabulary and none of its terms' df changed since the last
        fit, so the transformer fitted then (``_fitted``) weighs the rows: the idf it
        learnt is the one a new fit would learn, bit for bit (it depends on the df and
        the number of papers alone), and the whole list's counts are not gone through.
        """
        counts = self._counts
        n = counts.shape[0]
        if df is None:
            df = np.bincount(counts.indices, minlength=counts.shape[1])
        vocab = np.flatnonzero((df >= 2) & (df <= _max_df(n)))
        old_vocab = self._vocab
        same_vocab = self._vectors is not None and np.array_equal(vocab, old_vocab)
        self._vocab = vocab
        if len(vocab) == 0:
            self._fitted = None
            self._vectors = csr(np.zeros(0), np.zeros(0, dtype=np.int32),
                                np.zeros(n + 1, dtype=np.int64), (n, 0))
            return
        column = np.full(counts.shape[1], -1, dtype=np.int64)
        column[vocab] = np.arange(len(vocab))
        from .sklearn_text import text_module

        text = text_module()  # (before unpickling the transformer: see sklearn_text.py)
        if same_idf and same_vocab and self._fitted is not None and len(rows) < n:
            transformer = pickle.loads(self._fitted)
            chosen = _in_vocab(counts.matrix()[rows], column, len(vocab))
        else:
            # Every paper's counts restricted to the vocabulary (column order kept): the
            # transformer learns each term's idf from them, exactly as from scratch, and
            # weighs the rows asked for (each row on its own, given the idf).
            in_vocab = _in_vocab(counts, column, len(vocab))
            transformer = text.TfidfTransformer(sublinear_tf=True).fit(in_vocab)
            # (Kept as scikit-learn pickles a fitted estimator, unpickled only when
            # needed: an object of its own would import scikit-learn with the memo.)
            self._fitted = pickle.dumps(transformer, protocol=pickle.HIGHEST_PROTOCOL)
            chosen = in_vocab if len(rows) == n else in_vocab[rows]
        fresh = csr_of(transformer.transform(chosen))
        if len(rows) == n or self._vectors is None:
            self._vectors = fresh
            return
        # Old columns -> new columns for the rows that keep their vectors.
        old_to_new = None
        if not same_vocab:
            old_to_new = np.full(len(old_vocab), -1, dtype=np.int64)
            where = np.searchsorted(vocab, old_vocab)
            found = (where < len(vocab)) & (vocab[np.minimum(where, len(vocab) - 1)] == old_vocab)
            old_to_new[found] = where[found]
        self._vectors = splice(self._matrix(), rows, fresh, len(vocab), old_to_new).matrix()

    # -- choosing and explaining --------------------------------------------------------

    def _chosen(self, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """The related papers of ``rows`` (sorted), in display order: (left, right,
        by curator, count per row). Curator links first, then the ranking's first ``k``
        papers not linked already."""
        k = self._k
        links = self._links
        blocked = self._blocked
        linked = np.array([bool(links[i]) or i in blocked for i in rows.tolist()], dtype=bool)
        # Without links or ruled-out papers, the ranking's first k entries (it holds
        # neither the paper itself nor a paper twice, and -1 pads only its end).
        plain = rows[~linked]
        top = self._top_cols[plain, :k]
        valid = top >= 0
        lengths = np.zeros(len(rows), dtype=np.int64)
        lengths[~linked] = valid.sum(axis=1)
        lefts = [np.repeat(plain, lengths[~linked])]
        rights = [top[valid].astype(np.int64)]
        curated: list[bool] = []
        left: list[int] = []
        right: list[int] = []
        index = {pid: i for i, pid in enumerate(self._ids)} if linked.any() else {}
        for slot in np.flatnonzero(linked).tolist():
            i = int(rows[slot])
            seen = {i}
            start = len(right)
            for other_id in links[i]:
                j = index.get(other_id)
                if j is None or j in seen:
                    continue  # unknown ids are reported by validation, not here
                seen.add(j)
                right.append(j)
                curated.append(True)
            # Ruled out (after the curator's links: a paper whose file links another
            # shows it, whatever the other's file rules out).
            seen.update(blocked.get(i, ()))
            found = 0
            for j in self._top_cols[i].tolist():
                if found == k or j < 0:
                    break
                if j in seen:
                    continue
                seen.add(j)
                found += 1
                right.append(j)
                curated.append(False)
            left.extend([i] * (len(right) - start))
            lengths[slot] = len(right) - start
        lefts.append(np.asarray(left, dtype=np.int64))
        rights.append(np.asarray(right, dtype=np.int64))
        flags = np.concatenate((np.zeros(len(lefts[0]), dtype=bool), np.asarray(curated, dtype=bool)))
        left_arr = np.concatenate(lefts)
        order = np.argsort(left_arr, kind="stable")  # row order; each row's own order kept
        return left_arr[order], np.concatenate(rights)[order], flags[order], lengths

    def _choose(
        self, rows: np.ndarray, moved: np.ndarray | None = None,
        edited: np.ndarray | None = None,
    ) -> None:
        """Recomputes the chosen related papers of ``rows`` (sorted), others kept.

        ``moved``: whether each paper's vector changed since the last choice (None: all).
        A pair chosen before whose papers both kept their vectors keeps its score and
        terms; the others are explained again. ``edited``: the papers whose text changed;
        their rows get new result objects, since the spelling of their terms may differ.
        """
        n = len(self._ids)
        left_arr, right_arr, curated, lengths = self._chosen(rows)
        scores = np.zeros(len(left_arr))
        terms = np.full((len(left_arr), self._per_pair + _SPARE_TERMS), -1, dtype=np.int32)
        # Each new pair's place among the rows' old pairs, by (left, right).
        old_starts = self._pair_ptr[rows]
        old_lengths_rows = self._pair_ptr[rows + 1] - old_starts
        old_at = ranges(old_starts, old_lengths_rows)
        old_keys = np.repeat(rows.astype(np.int64), old_lengths_rows) * n + self._pair_cols[old_at]
        by_key = np.argsort(old_keys)
        keys = left_arr * n + right_arr
        where = np.minimum(np.searchsorted(old_keys[by_key], keys), max(len(old_keys) - 1, 0))
        known = (
            (old_keys[by_key][where] == keys) if len(old_keys) else np.zeros(len(keys), dtype=bool)
        )
        if moved is None:
            known[:] = False
        else:
            known &= ~(moved[left_arr] | moved[right_arr])
        source = old_at[by_key[where[known]]]
        scores[known] = self._pair_scores[source]
        terms[known] = self._pair_terms[source]
        redo = np.flatnonzero(~known)
        vectors = self._matrix() if len(redo) else None
        if vectors is not None and vectors.shape[1] > 0:
            fresh, terms[redo] = explain(vectors, left_arr[redo], right_arr[redo],
                                         self._per_pair + _SPARE_TERMS,
                                         self._vocab.astype(np.int32), self._stems[self._vocab])
            scores[redo] = _truncated(fresh)
        # Rows whose pairs come out as before keep their result objects.
        old_starts = self._pair_ptr[rows]
        old_lengths_rows = self._pair_ptr[rows + 1] - old_starts
        same_length = old_lengths_rows == lengths
        before = ranges(old_starts[same_length], lengths[same_length])
        now = ranges((np.cumsum(lengths) - lengths)[same_length], lengths[same_length])
        # A pair with the same paper and terms at its place but another score (an idf
        # moved: an abstract edit moves the scores of a fifth of the list at 10,000)
        # keeps the words its page shows, which depend only on the terms and the row's
        # own text; the words cost more than the rest of a row's result.
        worded = (
            (self._pair_cols[before] == right_arr[now])
            & (self._pair_curated[before] == curated[now])
            & (self._pair_terms[before] == terms[now]).all(axis=1)
        )
        equal = worded & (self._pair_scores[before] == scores[now])
        slot = np.repeat(np.arange(int(same_length.sum())), lengths[same_length])
        unchanged = np.zeros(len(rows), dtype=bool)
        unchanged[np.flatnonzero(same_length)] = np.bincount(
            slot[~equal], minlength=int(same_length.sum())) == 0
        if edited is not None:
            unchanged &= ~edited[rows]
        # Splice: rows not in ``rows`` keep their pairs.
        old_lengths = np.diff(self._pair_ptr)
        new_lengths = old_lengths.copy()
        new_lengths[rows] = lengths
        replaced = np.zeros(n, dtype=bool)
        replaced[rows] = True
        old_owner = np.repeat(np.arange(n), old_lengths)
        kept = ~replaced[old_owner]
        owner = np.concatenate((old_owner[kept], left_arr))
        order = np.argsort(owner, kind="stable")
        self._pair_cols = np.concatenate((self._pair_cols[kept], right_arr))[order]
        self._pair_curated = np.concatenate((self._pair_curated[kept], curated))[order]
        self._pair_scores = np.concatenate((self._pair_scores[kept], scores))[order]
        self._pair_terms = np.concatenate((self._pair_terms[kept], terms))[order]
        self._pair_ptr = np.concatenate(([0], np.cumsum(new_lengths)))
        if self._rows is not None:
            # In a changed row, a pair equal to the old one at its place keeps its object.
            same_place = np.zeros(len(left_arr), dtype=bool)
            same_place[now[equal]] = True
            same_words = np.zeros(len(left_arr), dtype=bool)
            same_words[now[worded]] = True
            if edited is not None:
                same_place &= ~edited[left_arr]
                same_words &= ~edited[left_arr]
            changed_slots = np.flatnonzero(~unchanged)
            starts = (np.cumsum(lengths) - lengths)[changed_slots]
            at = ranges(starts, lengths[changed_slots])
            changed = rows[changed_slots].tolist()
            for i, row in zip(changed, self._row_results(changed, same_place[at], same_words[at])):
                self._rows[i] = row

    def _row_results(
        self, rows: Sequence[int], keep: np.ndarray | None = None,
        words: np.ndarray | None = None,
    ) -> list[tuple[RelatedPaper, ...]]:
        """The related papers of ``rows``, built from the pair arrays.

        ``keep``: for each of the rows' pairs, whether the object at its place in the
        row's last result (``_rows``) equals it and is taken as it is; ``words``: whether
        that object's shown terms are this pair's (all but its score equal).
        """
        ids, names = self._ids, self._terms
        ptr = self._pair_ptr
        starts = ptr[rows]
        lengths = ptr[np.asarray(rows, dtype=np.int64) + 1] - starts
        # The rows' pairs to Python lists at once: far cheaper than per-row slices.
        picked = ranges(starts, lengths)
        bounds = np.concatenate(([0], np.cumsum(lengths))).tolist()
        cols = self._pair_cols[picked].tolist()
        scores = self._pair_scores[picked].tolist()
        # Each pair's terms as words at once (a term's position -> its word; -1, which
        # pads a pair's terms, -> None, the last entry).
        named = np.array([*names, None], dtype=object)[self._pair_terms[picked]].tolist()
        curated = self._pair_curated[picked].tolist()
        kept = keep.tolist() if keep is not None else [False] * len(cols)
        worded = words.tolist() if words is not None else kept
        last = self._rows if words is not None and words.any() or keep is not None and keep.any() else None
        results = []
        texts = self._texts
        shown = self._per_pair
        # Equal shown terms as one object, the words and their tuples: two pairs in three
        # show the terms of another pair ("reinforcement learning", "policy"), and each
        # object is one more for the build's memo to store and read back in every new
        # process (cache.py: 46,000 fewer at 10,000 papers).
        shared: dict = {}
        for slot, i in enumerate(np.asarray(rows).tolist()):
            start = bounds[slot]
            old = last[i] if last is not None else ()
            spelled = Spellings(f"{texts[i][0]}\n{texts[i][1]}")
            row = []
            for p in range(start, bounds[slot + 1]):
                if kept[p]:
                    row.append(old[p - start])
                    continue
                if worded[p]:
                    row.append(RelatedPaper(ids[cols[p]], scores[p], old[p - start].terms, curated[p]))
                    continue
                words = distinct(named[p], shown, spelled)
                words = tuple([shared.setdefault(w, w) for w in map(spelled.shown, words)])
                row.append(RelatedPaper(ids[cols[p]], scores[p], shared.setdefault(words, words), curated[p]))
            results.append(tuple(row))
        return results

    # -- incremental --------------------------------------------------------------------

    def _incremental(self, ordered: Sequence[Paper]) -> bool:
        """Brings the index up to date with ``ordered`` (same ids); False: do it from scratch."""
        n = len(ordered)
        texts = _texts(ordered)
        found = [i for i, (a, b) in enumerate(zip(texts, self._texts)) if a != b]
        links = tuple(p.related for p in ordered)
        blocked = _blocks(ordered, self._ids)
        changed = [i for i, (a, b) in enumerate(zip(links, self._links)) if a != b]
        if blocked or self._blocked:
            changed = sorted(set(changed).union(
                i for i in blocked.keys() | self._blocked.keys()
                if blocked.get(i) != self._blocked.get(i)))
        self._links, self._blocked = links, blocked
        if n < 2 or self._widest() > self._width or len(found) > _MAX_AFFECTED_SHARE * n:
            return False
        self._texts = texts
        if not found and not changed:
            self.quiet = True
            return True  # (no array is read: numpy is not imported, lazymodule.py)
        self._unpack()
        edited = np.array(found, dtype=np.int64)
        relinked = np.array(changed, dtype=np.int64)
        if len(edited) == 0:
            self._widen(relinked)
            self._choose(relinked, np.zeros(n, dtype=bool))
            return True

        # New counts of the edited papers, over the (possibly grown) list of terms.
        edited_counts = [Counter(analyse(_document(ordered[i]))) for i in edited.tolist()]
        words = {t for c in edited_counts for t in c}
        new_terms = sorted(words - self._known(words))
        old_to_new_term = self._insert_terms(new_terms)
        terms = self._terms
        rows_data: list[np.ndarray] = []
        rows_cols: list[np.ndarray] = []
        for counter in edited_counts:
            cols = np.array([bisect.bisect_left(terms, t) for t in counter], dtype=np.int64)
            data = np.array(list(counter.values()), dtype=np.int32)
            order = np.argsort(cols)
            rows_cols.append(cols[order])
            rows_data.append(data[order])
        counts = self._counts
        old_df = np.bincount(counts.indices, minlength=counts.shape[1])
        lengths = [len(c) for c in rows_cols]
        fresh = Rows(np.concatenate(rows_data), np.concatenate(rows_cols).astype(np.int32),
                     np.concatenate(([0], np.cumsum(lengths))), (len(edited), len(terms)))
        removed = counts.indices[ranges(counts.indptr[edited],
                                        counts.indptr[edited + 1] - counts.indptr[edited])]
        new_df = (old_df - np.bincount(removed, minlength=len(terms))
                  + np.bincount(fresh.indices, minlength=len(terms)))
        self._counts = splice(counts, edited, fresh, len(terms))

        # Terms whose weight or vocabulary membership changed, and who holds them (the
        # counts of unedited papers did not change, so old and new holders are the same).
        limit = _max_df(n)
        old_in = (old_df >= 2) & (old_df <= limit)
        new_in = (new_df >= 2) & (new_df <= limit)
        # A paper whose terms entered or left the vocabulary (or that was edited) may
        # share terms with other papers it did not share before: its whole row is redone
        # (kind 2). A paper that only holds a term whose idf changed (kind 1) keeps its
        # terms; its vector moves a little, by a known distance.
        kind = np.zeros(len(terms), dtype=np.int8)
        kind[(old_df != new_df) & old_in & new_in] = 1
        kind[old_in != new_in] = 2
        found = self._counts.indices[:0] if not kind.any() else np.flatnonzero(
            kind[self._counts.indices])
        holder = np.searchsorted(self._counts.indptr, found, side="right") - 1
        holder_kind = kind[self._counts.indices[found]]
        same_idf = not kind.any()
        full = np.zeros(n, dtype=bool)
        full[edited] = True
        if same_idf:
            # An edited paper whose vocabulary terms kept their counts (a word no other
            # paper has, a stop word, capitals, punctuation) keeps its vector, bit for
            # bit, when no idf moved: TfidfTransformer weighs a row from its own counts
            # and the idf alone. It is neither weighed nor ranked again (a title edit in
            # a new process then never calls the transformer, whose input checks import
            # narwhals: sklearn_text.py); its pairs are only spelled again (`_choose`).
            in_vocab = np.zeros(len(terms), dtype=bool)
            in_vocab[old_to_new_term[self._vocab]] = True
            full[edited[_same_in_vocab(counts, edited, fresh, in_vocab)]] = False
        full[holder[holder_kind == 2]] = True
        shifted = np.zeros(n, dtype=bool)
        shifted[holder[holder_kind == 1]] = True
        shifted &= ~full
        if full.sum() > _MAX_AFFECTED_SHARE * n:
            return False
        affected = np.flatnonzero(full | shifted)
        self._vocab = old_to_new_term[self._vocab] if len(new_terms) else self._vocab
        old_vectors = self._matrix() if len(affected) else None  # (else: never unpacked)
        if len(affected):
            self._weigh(affected, new_df, same_idf=same_idf)
        moved = np.flatnonzero(shifted)
        distance = np.zeros(n)
        if len(moved):
            before, after = old_vectors[moved], self._vectors[moved]
            step = after.data - before.data  # same terms in the same order
            at = np.repeat(np.arange(len(moved)), np.diff(after.indptr))
            distance[moved] = np.sqrt(np.bincount(at, step * step, minlength=len(moved)))
        # (No vector changed: every prefix stays as it is.)
        reranked = self._rerank(np.flatnonzero(full), distance) if len(affected) else _empty()
        self._widen(relinked)

        # Chosen pairs: redo rows whose ranking or links changed, or whose pair has an
        # affected end (its score or terms may differ); remap their terms otherwise.
        if len(new_terms):
            live = self._pair_terms >= 0
            self._pair_terms[live] = old_to_new_term[self._pair_terms[live]]
        is_affected = np.zeros(n, dtype=bool)
        is_affected[affected] = True
        owner = np.repeat(np.arange(n), np.diff(self._pair_ptr))
        touched = np.zeros(n, dtype=bool)
        touched[owner[is_affected[self._pair_cols]]] = True
        touched[affected] = True
        touched[edited] = True
        touched[relinked] = True
        touched[reranked] = True
        is_edited = np.zeros(n, dtype=bool)
        is_edited[edited] = True
        self._choose(np.flatnonzero(touched), is_affected, is_edited)
        return True

    def _widen(self, rows: np.ndarray) -> None:
        """Ranks again, from their whole row, those of ``rows`` whose prefix is too short
        for their curator links and ``k``: an earlier update trusted only as much of a
        prefix as the paper's links then needed, and a paper linked to more since
        showed fewer similar papers than a computation from scratch."""
        if not len(rows):
            return
        need = self._need(rows)
        short = rows[~self._complete[rows] & ((self._top_cols[rows] >= 0).sum(axis=1) < need)]
        if not len(short):
            return
        vectors = self._matrix()
        transposed = vectors.T.tocsr() if len(short) > FEW_ROWS else None
        for block, scores in blocks(vectors, transposed, short):
            self._top_cols[block], self._top_vals[block], self._complete[block] = rank_block(
                scores, self._width
            )
            self._ceiling[block] = np.nan

    def _need(self, rows: np.ndarray) -> np.ndarray:
        """How long a prefix each of ``rows`` needs: ``k`` papers beyond its curator
        links and the papers it must not show (either may be in its prefix)."""
        links, blocked = self._links, self._blocked
        return self._k + np.array(
            [len(links[i]) + len(blocked.get(i, ())) for i in rows.tolist()], dtype=np.int64
        )

    def _widest(self) -> int:
        """The longest prefix any paper needs (see `_need`)."""
        links = self._links
        most = max(map(len, links), default=0)
        for i, rows in self._blocked.items():
            most = max(most, len(links[i]) + len(rows))
        return self._k + most

    def _stem_of(self, words: list[str]) -> np.ndarray:
        """Each word's stem as a number, numbering stems not seen yet."""
        numbers = self._stem_numbers
        return np.array([numbers.setdefault(stem, len(numbers)) for stem in stems(words)],
                        dtype=np.int32)

    def _known(self, words: set[str]) -> set[str]:
        """The words that are already among the index's terms."""
        terms = self._terms
        found = set()
        for word in words:
            at = bisect.bisect_left(terms, word)
            if at < len(terms) and terms[at] == word:
                found.add(word)
        return found

    def _insert_terms(self, new_terms: list[str]) -> np.ndarray:
        """Adds words (sorted, none present) to ``_terms``; returns old -> new positions."""
        old = self._terms
        if not new_terms:
            return np.arange(len(old), dtype=np.int64)
        at = np.array([bisect.bisect_left(old, t) for t in new_terms], dtype=np.int64)
        positions = np.arange(len(old), dtype=np.int64)
        old_to_new = positions + np.searchsorted(at, positions, side="right")
        merged = sorted(old + new_terms)
        self._terms = merged
        stems_now = np.empty(len(merged), dtype=np.int32)
        stems_now[old_to_new] = self._stems
        stems_now[at + np.arange(len(new_terms))] = self._stem_of(new_terms)
        self._stems = stems_now
        counts = self._counts
        self._counts = Rows(counts.data, old_to_new[counts.indices].astype(np.int32),
                            counts.indptr, (counts.shape[0], len(merged)))
        return old_to_new

    def _rerank(self, affected: np.ndarray, distance: np.ndarray) -> np.ndarray:
        """Updates the ranking prefixes after the vectors of ``affected`` changed, and
        every other paper's vector moved by ``distance`` (0: unchanged) keeping its terms.

        Returns the rows whose prefix changed.
        """
        n = len(self._ids)
        width = self._width
        vectors = self._matrix()
        transposed = vectors.T.tocsr() if len(affected) > FEW_ROWS else None
        is_affected = np.zeros(n, dtype=bool)
        is_affected[affected] = True
        is_moved = distance > 0
        old_cols, old_vals, old_complete = self._top_cols, self._top_vals, self._complete
        new_cols, new_vals, complete = old_cols.copy(), old_vals.copy(), old_complete.copy()

        # A paper trusts what ranks at or above the last entry of its old prefix: papers
        # outside the prefix ranked below it, and their cosine with it did not change.
        # If vectors moved, a cosine moved by at most the two distances (Cauchy-Schwarz,
        # unit vectors), so it trusts only what is above the old last cosine by more.
        # A complete prefix (every candidate; moving keeps the terms) trusts everything.
        lengths = (old_cols >= 0).sum(axis=1)
        last = np.maximum(lengths - 1, 0)
        bound_col = np.where(old_complete, n, old_cols[np.arange(n), last]).astype(np.int64)
        bound_val = np.where(old_complete, 0.0, old_vals[np.arange(n), last])
        bound_val[~old_complete & (lengths == 0)] = np.inf  # trusts nothing
        # A prefix an earlier move cut short: its bound is what no paper outside it can
        # exceed, not its last entry. (The last entry as the bound dropped at least that
        # entry at every move, every open prefix alike: after _MARGIN edits that moved an
        # idf, all were too short at once and ranked again from their whole row, 7,552
        # rows and 3 s of CPU at 10,000 papers.)
        ceiling = self._ceiling.copy()
        loose = ~np.isnan(ceiling) & ~old_complete
        bound_val[loose] = ceiling[loose]
        slack = distance + distance.max(initial=0.0)
        floor = np.where(old_complete, 0.0, bound_val - TIE)
        floor[is_affected] = np.inf

        # Affected papers are ranked from their whole row; the same rows hold the new
        # cosines of every other paper with them (cosine is symmetric).
        new_rows, new_targets, new_values = [], [], []
        for block, scores in blocks(vectors, transposed, affected):
            new_cols[block], new_vals[block], complete[block] = rank_block(scores, width)
            at, others = np.nonzero(scores > floor[None, :])
            new_rows.append(others)
            new_targets.append(block[at])
            new_values.append(scores[at, others])
        rows = np.concatenate(new_rows) if new_rows else _empty()
        targets = np.concatenate(new_targets) if new_targets else _empty()
        values = np.concatenate(new_values) if new_values else np.zeros(0)

        # Other papers: old prefix without the affected papers (cosines of moved pairs
        # recomputed), plus the new cosines with the affected papers.
        valid = old_cols >= 0
        stale = valid & is_affected[np.maximum(old_cols, 0)]
        touched = np.zeros(n, dtype=bool)
        touched[rows] = True
        touched[stale.any(axis=1)] = True
        if is_moved.any():
            touched[~old_complete] = True  # every open prefix's trust bound moved
            touched[is_moved] = True
            touched[(valid & is_moved[np.maximum(old_cols, 0)]).any(axis=1)] = True
        touched[affected] = False
        merge = np.flatnonzero(touched)
        keep = valid[merge] & ~stale[merge]
        kept_rows = np.repeat(merge, keep.sum(axis=1))
        kept_cols = old_cols[merge][keep].astype(np.int64)
        kept_vals = old_vals[merge][keep]
        redo_pair = is_moved[kept_rows] | is_moved[kept_cols]
        kept_vals[redo_pair] = pair_cosines(vectors, kept_rows[redo_pair], kept_cols[redo_pair])
        m_rows = np.concatenate((kept_rows, rows))
        m_cols = np.concatenate((kept_cols, targets))
        m_vals = np.concatenate((kept_vals, values))
        row_slack = slack[m_rows]
        trusted = old_complete[m_rows] | np.where(
            (row_slack > 0) | loose[m_rows],
            m_vals > bound_val[m_rows] + row_slack + _MOVE_SLACK,
            ranks_at_or_above(m_vals, m_cols, bound_val[m_rows], bound_col[m_rows]),
        )
        local = np.searchsorted(merge, m_rows[trusted])
        new_cols[merge], new_vals[merge] = rank_rows(
            local, m_cols[trusted], m_vals[trusted], len(merge), width
        )
        count = np.bincount(local, minlength=len(merge))
        complete[merge] = old_complete[merge] & (count <= width)
        # What a paper outside a prefix can reach now: its old bound raised by the
        # distances moved (and the margin that keeps rounding out of the comparison);
        # papers cut off at the width rank below the new last entry.
        raised = (slack[merge] > 0) | loose[merge]
        ceiling[merge] = np.where(complete[merge] | (count > width), np.nan,
                                  np.where(raised, bound_val[merge] + slack[merge] + _MOVE_SLACK,
                                           ceiling[merge]))
        need = self._need(merge)
        # Too short a trusted prefix: rank the paper again from its whole row.
        redo = merge[~complete[merge] & (np.minimum(count, width) < need)]
        if transposed is None and len(redo) > FEW_ROWS:
            transposed = vectors.T.tocsr()
        for block, scores in blocks(vectors, transposed, redo):
            new_cols[block], new_vals[block], complete[block] = rank_block(scores, width)
        ceiling[redo] = np.nan
        ceiling[affected] = np.nan

        changed = np.flatnonzero(
            (new_cols != old_cols).any(axis=1) | (new_vals != old_vals).any(axis=1)
        )
        self._top_cols, self._top_vals, self._complete = new_cols, new_vals, complete
        self._ceiling = ceiling
        return changed


def related_papers(
    papers: Sequence[Paper], k: int = TOP_K, terms: int = TERMS_PER_PAIR
) -> Mapping[str, tuple[RelatedPaper, ...]]:
    """Paper id -> its related papers: curator links first, then the ``k`` most similar."""
    return RelatedIndex().update(papers, k, terms)
