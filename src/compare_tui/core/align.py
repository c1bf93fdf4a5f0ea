"""Rows of passages that report the same thing, across any number of articles.

How it decides (design.md, "Traps"): no single signal or threshold separates counterparts from passages that
merely share a topic, and chaining pairwise matches glues unrelated passages together. So:

1. candidates: for each passage and each other article, the few passages nearest in embedding space
   (a cheap prefilter: the slower signals are computed for these pairs only);
2. evidence: each candidate pair gets a logistic score over several signals (`similarity.py`);
3. global choice: a pair becomes a link only when it clears the threshold *and* is among the best
   counterparts of at least one of its two passages;
4. rows: links are merged strongest first, and two groups join only when every cross-article pair in
   the union is itself plausible and the group's mean evidence stays above the threshold — so every
   member of a row matches the rest of the row, not only one member;
5. structure: section headings and fragments of a few words ("Zelensky said:") carry no fact of their
   own and are never linked;
6. order: the reference article's reading order (or the most-connected article's), with each other
   article's passages placed after the row of its previous passage.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np

from compare_tui.core.models import Article, Row, Segment
from compare_tui.core.similarity import (
    DEFAULT_WEIGHTS,
    PairSignals,
    PassageProfile,
    Weights,
    clauses,
    idf_weights,
    mean_signals,
    pair_signals,
    profile,
)

Encoder = Callable[[Sequence[str]], np.ndarray]


@dataclass(frozen=True, slots=True)
class AlignOptions:
    """Knobs of the aligner beyond the threshold; defaults tuned on the ECB+ dev set."""

    top_k: int = 3
    """Nearest passages per other article that get the full evidence score."""
    margin: float = 0.15
    """How far below a passage's best counterpart (in one article) another may score and still link."""
    floor: float = 0.3
    """Every cross-article pair inside a row must score at least threshold - floor."""
    mean_slack: float = 0.1
    """The mean evidence over a row's cross-article pairs must stay at least threshold - mean_slack."""
    max_per_article: int = 6
    """At most this many passages of one article in one row."""
    min_words: int = 4
    """Passages shorter than this are fragments: they stay in rows of their own."""
    strong: float = 0.75
    """A row at or above this score, one passage per article, is a 'match'; else 'partial'."""


@dataclass(frozen=True, slots=True)
class _Passage:
    article: int
    segment: Segment


class _Evidence:
    """Pair scores on demand, cached: candidates up front, others when a merge needs them."""

    def __init__(
        self,
        profiles: Sequence[PassageProfile],
        cosine: np.ndarray,
        clause_cosine: np.ndarray,
        weights: Weights,
        idf: dict[str, float],
    ) -> None:
        self._profiles = profiles
        self._cosine = cosine
        self._clause_cosine = clause_cosine
        self._weights = weights
        self._idf = idf
        self._cache: dict[tuple[int, int], tuple[float, PairSignals]] = {}

    def get(self, i: int, j: int) -> tuple[float, PairSignals]:
        key = (i, j) if i < j else (j, i)
        hit = self._cache.get(key)
        if hit is None:
            signals = pair_signals(
                self._profiles[i],
                self._profiles[j],
                cosine=float(self._cosine[i, j]),
                clause_cosine=float(self._clause_cosine[i, j]),
                idf=self._idf,
            )
            hit = self._cache[key] = (self._weights.score(signals), signals)
        return hit


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
    profiles = [profile(t) for t in texts]
    if encode is None:
        from compare_tui.core.embeddings import encode
    pieces = [clauses(t) for t in texts]
    vectors = np.asarray(encode(texts + [c for p in pieces for c in p]), dtype=np.float32)
    cosine = vectors[: len(texts)] @ vectors[: len(texts)].T
    clause_cosine = _clause_cosine(vectors[len(texts) :], [len(p) for p in pieces])
    evidence = _Evidence(profiles, cosine, clause_cosine, weights, idf_weights(profiles))
    owner = np.array([p.article for p in passages])
    linkable = np.array(
        [p.segment.kind != "heading" and len(t.split()) >= options.min_words for p, t in zip(passages, texts)]
    )
    nearness = np.where(np.outer(linkable, linkable), np.maximum(cosine, clause_cosine), -1.0)
    links = _links(owner, nearness, evidence, threshold=threshold, options=options)
    clusters = _cluster(len(passages), owner, links, evidence, threshold=threshold, options=options)
    order = _order(clusters, passages, articles, reference)
    return tuple(
        _row(f"r{n}", clusters[c], passages, articles, evidence, options) for n, c in enumerate(order)
    )


def _clause_cosine(vectors: np.ndarray, counts: Sequence[int]) -> np.ndarray:
    """For every pair of passages, the cosine of their most similar pair of clauses."""
    starts = np.concatenate(([0], np.cumsum(counts)[:-1])).astype(np.intp)
    return np.maximum.reduceat(np.maximum.reduceat(vectors @ vectors.T, starts, axis=0), starts, axis=1)


def _links(
    owner: np.ndarray, cosine: np.ndarray, evidence: _Evidence, *, threshold: float, options: AlignOptions
) -> list[tuple[float, int, int]]:
    """Candidate pairs that clear the threshold and are near the best counterpart of one of their ends."""
    n_articles = int(owner.max()) + 1
    members = [np.flatnonzero(owner == a) for a in range(n_articles)]
    candidates: set[tuple[int, int]] = set()
    for a in range(n_articles):
        for b in range(a + 1, n_articles):
            if not len(members[a]) or not len(members[b]):
                continue
            block = cosine[np.ix_(members[a], members[b])]
            k_b = min(options.top_k, block.shape[1])
            k_a = min(options.top_k, block.shape[0])
            for row, cols in enumerate(np.argpartition(-block, k_b - 1, axis=1)[:, :k_b]):
                candidates.update((int(members[a][row]), int(members[b][c])) for c in cols)
            for col, rows in enumerate(np.argpartition(-block, k_a - 1, axis=0)[:k_a, :].T):
                candidates.update((int(members[a][r]), int(members[b][col])) for r in rows)
    scored = [(evidence.get(i, j)[0], i, j) for i, j in candidates if cosine[i, j] > -1.0]
    best: dict[tuple[int, int], float] = {}
    for score, i, j in scored:
        for x, y in ((i, j), (j, i)):
            key = (x, int(owner[y]))
            best[key] = max(best.get(key, 0.0), score)
    return sorted(
        (
            (score, i, j)
            for score, i, j in scored
            if score >= threshold
            and (
                score >= best[(i, int(owner[j]))] - options.margin
                or score >= best[(j, int(owner[i]))] - options.margin
            )
        ),
        key=lambda t: (-t[0], t[1], t[2]),
    )


def _cluster(
    n: int,
    owner: np.ndarray,
    links: list[tuple[float, int, int]],
    evidence: _Evidence,
    *,
    threshold: float,
    options: AlignOptions,
) -> list[list[int]]:
    """Merge linked passages strongest first, keeping only groups whose members all match each other."""
    group = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    for _, i, j in links:
        gi, gj = group[i], group[j]
        if gi == gj or not _compatible(members[gi], members[gj], owner, evidence, threshold, options):
            continue
        keep, drop = (gi, gj) if gi < gj else (gj, gi)
        for m in members[drop]:
            group[m] = keep
        members[keep] = sorted(members[keep] + members.pop(drop))
    return [members[g] for g in sorted(members)]


def _compatible(
    x: list[int], y: list[int], owner: np.ndarray, evidence: _Evidence, threshold: float, options: AlignOptions
) -> bool:
    union = x + y
    per_article: dict[int, int] = {}
    for m in union:
        per_article[int(owner[m])] = per_article.get(int(owner[m]), 0) + 1
    if max(per_article.values()) > options.max_per_article:
        return False
    floor = threshold - options.floor
    scores = [evidence.get(a, b)[0] for a in x for b in y if owner[a] != owner[b]]
    if not scores or min(scores) < floor:
        return False
    inner = [evidence.get(a, b)[0] for i, a in enumerate(union) for b in union[i + 1 :] if owner[a] != owner[b]]
    return sum(inner) / len(inner) >= threshold - options.mean_slack


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
    evidence: _Evidence,
    options: AlignOptions,
) -> Row:
    cells: dict[str, list[str]] = {}
    for m in cluster:
        cells.setdefault(articles[passages[m].article].id, []).append(passages[m].segment.id)
    segments = {a.id: tuple(cells[a.id]) for a in articles if a.id in cells}
    pairs = [
        evidence.get(a, b)
        for i, a in enumerate(cluster)
        for b in cluster[i + 1 :]
        if passages[a].article != passages[b].article
    ]
    if not pairs:
        return Row(id=row_id, segments=segments, status="unique", score=0.0, signals={})
    score = sum(p[0] for p in pairs) / len(pairs)
    one_each = all(len(ids) == 1 for ids in segments.values())
    status = "match" if score >= options.strong and one_each else "partial"
    return Row(id=row_id, segments=segments, status=status, score=score, signals=mean_signals([p[1] for p in pairs]))
