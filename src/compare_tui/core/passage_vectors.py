"""Embedding cosines of passages, computed block by block for the pairs that are asked for.

The aligner needs, for a pair of passages, the cosine of their embeddings and the best cosine between a
clause of one and a clause of the other. A dense matrix of all pairs costs N x N memory and time and
includes same-article pairs that are never compared: one 1 MB article of 10,000 sentences would need
several 400 MB matrices. Here only the requested blocks are computed, a bounded number of rows at a time.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from compare_tui.core.similarity import clauses, run_starts

Encoder = Callable[[Sequence[str]], np.ndarray]

CHUNK = 256
"""Rows of a block computed at once: memory stays at CHUNK x columns (and their clauses)."""


class PassageVectors:
    """Unit vectors of passages and of their clauses."""

    def __init__(self, texts: Sequence[str], encode: Encoder) -> None:
        pieces = [clauses(t) for t in texts]
        # Each distinct string is embedded once: a one-clause passage is its own clause, wire copy repeats.
        distinct = list(dict.fromkeys([*texts, *(c for p in pieces for c in p)]))
        where = {text: n for n, text in enumerate(distinct)}
        vectors = np.asarray(encode(distinct), dtype=np.float32)
        self.vectors = vectors[[where[t] for t in texts]]
        self.clause_vectors = vectors[[where[c] for p in pieces for c in p]]
        counts = np.array([len(p) for p in pieces], dtype=np.intp)
        self._clause_start = run_starts(counts)
        self._clause_count = counts

    def __len__(self) -> int:
        return len(self.vectors)

    def block(
        self, rows: Sequence[int] | np.ndarray, cols: Sequence[int] | np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        """(cosine, best clause cosine) of every pair rows x cols, as two float32 arrays of that shape."""
        rows = np.asarray(rows, dtype=np.intp)
        cols = np.asarray(cols, dtype=np.intp)
        if len(rows) > len(cols):  # the long side is gathered once, the short one walked in chunks
            cosine, clause = self.block(cols, rows)
            return np.ascontiguousarray(cosine.T), np.ascontiguousarray(clause.T)
        cosine = np.empty((len(rows), len(cols)), dtype=np.float32)
        clause = np.empty((len(rows), len(cols)), dtype=np.float32)
        if not len(rows) or not len(cols):
            return cosine, clause
        col_clauses, col_starts = self._clauses_of(cols)
        col_vectors = self.vectors[cols]
        for first in range(0, len(rows), CHUNK):
            part = rows[first : first + CHUNK]
            cosine[first : first + len(part)] = self.vectors[part] @ col_vectors.T
            row_clauses, row_starts = self._clauses_of(part)
            best = np.maximum.reduceat(row_clauses @ col_clauses.T, col_starts, axis=1)
            clause[first : first + len(part)] = np.maximum.reduceat(best, row_starts, axis=0)
        return cosine, clause

    def _clauses_of(self, passages: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The clause vectors of some passages, concatenated, and where each passage's clauses start."""
        index, starts = runs(self._clause_start[passages], self._clause_count[passages])
        return self.clause_vectors[index], starts


def runs(firsts: np.ndarray, counts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The indices of the runs [first, first + count) one after another, and where each run starts in them:
    a gather of ragged slices of a flat array without a Python loop."""
    starts = run_starts(counts)
    return np.repeat(firsts - starts, counts) + np.arange(int(counts.sum())), starts
