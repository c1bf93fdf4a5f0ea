"""Rows of passages that report the same thing, across any number of articles.

How it decides: no single signal or threshold separates counterparts from passages that
merely share a topic, and chaining pairwise matches glues unrelated passages together. So:

1. candidates: for each passage, a fixed number of passages of other articles nearest in embedding space
   (a cheap prefilter: the slower signals are computed for these pairs only, so that part grows linearly
   with the input);
2. evidence: each candidate pair gets a logistic score over several signals (`similarity.py`);
3. global choice: a pair becomes a link only when it clears the threshold *and* is among the best
   counterparts of at least one of its two passages;
4. rows: links are merged strongest first, and two groups join only when the union's mean evidence over
   its cross-article pairs clears the threshold and no such pair falls more than `floor` below it — so
   every member of a row matches the rest of the row, not only one member. The row lists every one of
   those pairs (`Row.links`) with its score, and a pair below the threshold is marked weak there;
5. structure: section headings and fragments of a few words ("Zelensky said:") carry no fact of their
   own and are never linked;
6. order: the reference article's reading order (or the most-connected article's), with each other
   article's passages placed after the row of its previous passage.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from compare_tui.core.models import Article, Link, Row, Segment
from compare_tui.core.similarity import (
    DEFAULT_WEIGHTS,
    PairSignals,
    Weights,
    clauses,
    idf_weights,
    mass,
    mean_signals,
    pair_signals,
    profile,
)
from compare_tui.core.verbatim import is_copy, words

Encoder = Callable[[Sequence[str]], np.ndarray]


@dataclass(frozen=True, slots=True)
class AlignOptions:
    """Knobs of the aligner beyond the threshold; defaults tuned on the ECB+ and sharp dev sets."""

    neighbours: int = 24
    """Nearest passages (in other articles) per passage that get the full evidence score."""
    candidate_floor: float = 0.4
    """Pairs less similar than this in embedding space never get the full evidence score."""
    margin: float = 0.15
    """How far below a passage's best counterpart (in one article) another may score and still link."""
    floor: float = 0.35
    """A cross-article pair inside a row may score at most this far below the threshold (it is then weak)."""
    max_per_article: int = 3
    """At most this many passages of one article in one row."""
    min_words: int = 4
    """Passages shorter than this are fragments: they stay in rows of their own."""
    strong: float = 0.75
    """A row at or above this score, one passage per article, is a 'match'; else 'partial'."""


@dataclass(frozen=True, slots=True)
class _Passage:
    article: int
    segment: Segment


def align(
    articles: Sequence[Article],
    *,
    threshold: float = 0.5,
    reference: str | None = None,
    weights: Weights = DEFAULT_WEIGHTS,
    options: AlignOptions = AlignOptions(),
    encode: Encoder | None = None,
) -> tuple[Row, ...]:
    """Group the segments of segmented articles into rows; every segment lands in exactly one row."""
    passages = [_Passage(a, s) for a, art in enumerate(articles) for s in art.segments]
    if not passages:
        return ()
    texts = [articles[p.article].segment_text(p.segment) for p in passages]
    if encode is None:
        from compare_tui.core.embeddings import encode
    pieces = [clauses(t) for t in texts]
    vectors = np.asarray(encode(texts + [c for p in pieces for c in p]), dtype=np.float32)
    cosine = vectors[: len(texts)] @ vectors[: len(texts)].T
    clause_cosine = _clause_cosine(vectors[len(texts) :], [len(p) for p in pieces])
    owner = np.array([p.article for p in passages])
    linkable = np.array(
        [p.segment.kind != "heading" and len(t.split()) >= options.min_words for p, t in zip(passages, texts)]
    )
    nearness = np.where(np.outer(linkable, linkable), np.maximum(cosine, clause_cosine), -1.0)
    # Every pair gets the score its embeddings alone would give; candidates then get the full evidence.
    score = weights.semantic_score(cosine, clause_cosine)
    evidence = _evidence(texts, owner, nearness, cosine, clause_cosine, weights, options)
    for (i, j), (value, _) in evidence.items():
        score[i, j] = score[j, i] = value
    links = _links(owner, evidence, threshold=threshold, margin=options.margin)
    clusters = _cluster(owner, links, score, threshold=threshold, options=options)
    order = _order(clusters, passages, articles, reference)
    copy_words = {m: words(texts[m]) for c in clusters if len(c) > 1 for m in c}
    return tuple(
        _row(f"r{n}", clusters[c], passages, articles, copy_words, score, evidence, threshold, options)
        for n, c in enumerate(order)
    )


def _clause_cosine(vectors: np.ndarray, counts: Sequence[int], *, chunk: int = 512) -> np.ndarray:
    """For every pair of passages, the cosine of their most similar pair of clauses (computed in chunks)."""
    starts = np.concatenate(([0], np.cumsum(counts)[:-1])).astype(np.intp)
    out = np.empty((len(counts), len(counts)), dtype=np.float32)
    for first in range(0, len(counts), chunk):
        last = min(first + chunk, len(counts))
        lo = starts[first]
        hi = starts[last] if last < len(counts) else len(vectors)
        block = np.maximum.reduceat(vectors[lo:hi] @ vectors.T, starts, axis=1)
        out[first:last] = np.maximum.reduceat(block, starts[first:last] - lo, axis=0)
    return out


def _evidence(
    texts: Sequence[str],
    owner: np.ndarray,
    nearness: np.ndarray,
    cosine: np.ndarray,
    clause_cosine: np.ndarray,
    weights: Weights,
    options: AlignOptions,
) -> dict[tuple[int, int], tuple[float, PairSignals]]:
    """Full evidence for candidate pairs: each passage's nearest passages in the other articles.

    A fixed number of neighbours per passage keeps the slow part linear in the number of passages.
    """
    other = np.where(owner[:, None] != owner[None, :], nearness, -np.inf)
    k = min(options.neighbours, len(owner) - 1)
    if k < 1:
        return {}
    near = np.argpartition(-other, k - 1, axis=1)[:, :k]
    rows = np.repeat(np.arange(len(owner)), k)
    cols = near.ravel()
    keep = other[rows, cols] >= options.candidate_floor
    pairs = np.unique(np.sort(np.stack([rows[keep], cols[keep]], axis=1), axis=1), axis=0)
    candidates = [(i, j) for i, j in pairs.tolist()]
    signals = pair_signals_of(texts, candidates, cosine=cosine, clause_cosine=clause_cosine)
    return {pair: (weights.score(found), found) for pair, found in signals.items()}


def pair_signals_of(
    texts: Sequence[str],
    pairs: Sequence[tuple[int, int]],
    *,
    cosine: np.ndarray,
    clause_cosine: np.ndarray,
) -> dict[tuple[int, int], PairSignals]:
    """The signals of the given passage pairs, words weighed by IDF over all of `texts` (as `align` does;
    the evaluation's fit calls this too, so that it learns from exactly what the aligner sees)."""
    profiles = [profile(t) for t in texts]
    idf = idf_weights(profiles)
    masses = [mass(p, idf) for p in profiles]
    return {
        (i, j): pair_signals(
            profiles[i],
            profiles[j],
            cosine=float(cosine[i, j]),
            clause_cosine=float(clause_cosine[i, j]),
            idf=idf,
            masses=(masses[i], masses[j]),
        )
        for i, j in pairs
    }


def _links(
    owner: np.ndarray,
    evidence: dict[tuple[int, int], tuple[float, PairSignals]],
    *,
    threshold: float,
    margin: float,
) -> list[tuple[float, int, int]]:
    """Candidate pairs that clear the threshold and are near the best counterpart of one of their ends."""
    best: dict[tuple[int, int], float] = {}
    for (i, j), (value, _) in evidence.items():
        for x, y in ((i, j), (j, i)):
            key = (x, int(owner[y]))
            best[key] = max(best.get(key, 0.0), value)
    return sorted(
        (
            (value, i, j)
            for (i, j), (value, _) in evidence.items()
            if value >= threshold
            and (value >= best[(i, int(owner[j]))] - margin or value >= best[(j, int(owner[i]))] - margin)
        ),
        key=lambda t: (-t[0], t[1], t[2]),
    )


def _cluster(
    owner: np.ndarray,
    links: list[tuple[float, int, int]],
    score: np.ndarray,
    *,
    threshold: float,
    options: AlignOptions,
) -> list[list[int]]:
    """Merge linked passages strongest first, keeping only groups whose members all match each other.

    A merge must keep the union's mean cross-article score at or above `threshold` and every such pair at
    or above `threshold - floor`; each group carries its score sum and pair count.
    """
    group = list(range(len(owner)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(owner))}
    totals: dict[int, tuple[float, int]] = {i: (0.0, 0) for i in range(len(owner))}
    for _, i, j in links:
        gi, gj = group[i], group[j]
        if gi == gj:
            continue
        x, y = members[gi], members[gj]
        if max(np.bincount(owner[x + y])) > options.max_per_article:
            continue
        block = score[np.ix_(x, y)][owner[x][:, None] != owner[y][None, :]]
        if not block.size or block.min() < threshold - options.floor:
            continue
        total = totals[gi][0] + totals[gj][0] + float(block.sum())
        count = totals[gi][1] + totals[gj][1] + int(block.size)
        if total / count < threshold:
            continue
        keep, drop = (gi, gj) if gi < gj else (gj, gi)
        for m in members[drop]:
            group[m] = keep
        members[keep] = sorted(x + y)
        totals[keep] = (total, count)
        del members[drop], totals[drop]
    return [members[g] for g in sorted(members)]


def _order(
    clusters: list[list[int]], passages: list[_Passage], articles: Sequence[Article], reference: str | None
) -> list[int]:
    """Row order: the pivot article's reading order, others' passages after the row of their previous one."""
    cluster_of = {m: c for c, ms in enumerate(clusters) for m in ms}
    by_article: list[list[int]] = [[] for _ in articles]
    for index, passage in enumerate(passages):
        by_article[passage.article].append(index)
    shared = [sum(1 for m in ms if len(clusters[cluster_of[m]]) > 1) for ms in by_article]
    ids = [a.id for a in articles]
    pivot = ids.index(reference) if reference in ids else max(range(len(articles)), key=lambda a: shared[a])
    placed: list[int] = []
    position: set[int] = set()
    for a in [pivot, *(a for a in range(len(articles)) if a != pivot)]:
        last = -1
        for m in by_article[a]:
            c = cluster_of[m]
            if c in position:
                # The pivot's rows keep its reading order; others follow their previous passage's row.
                last = max(last, placed.index(c)) if a == pivot else placed.index(c)
                continue
            placed.insert(last + 1, c)
            position.add(c)
            last += 1
    return placed


def _row(
    row_id: str,
    cluster: list[int],
    passages: list[_Passage],
    articles: Sequence[Article],
    copy_words: dict[int, tuple[str, ...]],
    score: np.ndarray,
    evidence: dict[tuple[int, int], tuple[float, PairSignals]],
    threshold: float,
    options: AlignOptions,
) -> Row:
    cells: dict[str, list[str]] = {}
    for m in cluster:
        cells.setdefault(articles[passages[m].article].id, []).append(passages[m].segment.id)
    segments = {a.id: tuple(cells[a.id]) for a in articles if a.id in cells}
    pairs = [
        (a, b)
        for i, a in enumerate(cluster)
        for b in cluster[i + 1 :]
        if passages[a].article != passages[b].article
    ]
    if not pairs:
        return Row(id=row_id, segments=segments, status="unique", score=0.0, signals={})
    links = tuple(
        Link(
            passages[a].segment.id,
            passages[b].segment.id,
            round(float(score[a, b]), 4),
            weak=bool(score[a, b] < threshold),
            verbatim=is_copy(copy_words[a], copy_words[b]),
        )
        for a, b in pairs
    )
    value = float(np.mean([score[a, b] for a, b in pairs]))
    one_each = all(len(ids) == 1 for ids in segments.values())
    status = "match" if value >= options.strong and one_each else "partial"
    signals = mean_signals([evidence[p][1] for p in pairs if p in evidence])
    signals["verbatim"] = sum(link.verbatim for link in links) / len(links)
    return Row(id=row_id, segments=segments, status=status, score=value, signals=signals, links=links)
