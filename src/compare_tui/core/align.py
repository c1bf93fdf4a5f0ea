"""Rows of passages that report the same thing, across any number of articles.

How it decides: no single signal or threshold separates counterparts from passages that
merely share a topic, and chaining pairwise matches glues unrelated passages together. So:

1. candidates: for each passage, a fixed number of passages of other articles nearest in embedding space
   (a cheap prefilter: the slower signals are computed for these pairs only, so that part grows linearly
   with the input; cosines are computed block by block for cross-article pairs only, `passage_vectors.py`,
   so one long article is never compared with itself and memory stays bounded);
2. evidence: each candidate pair gets a logistic score over several signals (`similarity.py`);
3. global choice: a pair becomes a link only when it clears the threshold *and* is among the best
   counterparts of at least one of its two passages;
4. rows: links are merged strongest first, and two groups join only when the union's mean evidence over
   its cross-article pairs clears the threshold, no such pair falls more than `floor` below it and no
   member's own mean over its pairs falls more than `member_floor` below it — so every member of a row
   matches the rest of the row, not only one member. The row lists every one of
   those pairs (`Row.links`) with its score, and a pair below the threshold is marked weak there (a row of
   more than `all_links` passages lists each passage's few strongest pairs, so links grow linearly).
   Strict rows (`AlignOptions.strict`, the `alignment = "strict"` setting) are built by correlation
   clustering instead: the two linked groups whose cross-article pairs carry the most summed log-odds
   join first, while that sum stays positive — fewer, tighter rows (see `_strict_cluster`);
5. structure: section headings and fragments of a few words ("Zelensky said:") carry no fact of their
   own and are never linked;
6. order: the reference article's reading order (or the most-connected article's), with each other
   article's passages placed after the row of its previous passage.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from compare_tui.core.models import Article, Link, Row, Segment
from compare_tui.core.passage_vectors import CHUNK, Encoder, PassageVectors, runs
from compare_tui.core.similarity import (
    DEFAULT_WEIGHTS,
    PairSignals,
    Weights,
    act_similarities,
    content_mass,
    idf_weights,
    mass,
    mean_signals,
    pair_signals,
    profile,
)
from compare_tui.core.textnorm import text_tokens
from compare_tui.core.verbatim import is_copy, lowered


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
    member_floor: float = 0.1
    """Standard rows: each passage's mean score with the row's passages of other articles may fall at most
    this far below the threshold."""
    strict: bool = False
    """Build rows by correlation clustering (`_strict_cluster`): higher precision, fewer shared rows."""
    cohesion: float = 0.2
    """Strict rows: a pair's evidence is its log-odds against `threshold + cohesion` (of `STRICT_WEIGHTS`)."""
    max_per_article: int = 5
    """At most this many passages of one article in one row."""
    min_words: int = 4
    """Passages shorter than this are fragments: they stay in rows of their own."""
    strong: float = 0.75
    """A row at or above this score, one passage per article, is a 'match'; else 'partial'."""
    all_links: int = 64
    """A row of up to this many passages lists every cross-article pair in `Row.links`."""
    links_per_passage: int = 4
    """A bigger row lists each passage's this many strongest pairs, so that links grow linearly."""


STRICT_WEIGHTS = Weights(
    bias=-2.32,
    semantic=1.32,
    clause=1.57,
    lexical=1.39,
    containment=2.41,
    names=-0.01,
    numbers=1.45,
    quote=0.46,
    clause_containment=0.55,
    content=0.94,
    act=0.38,
    place=-0.44,
    time=0.2,
)
"""The pair score of strict rows, fitted for them (`benchmarks/tune_sharp.py --strict`): the blend of the
standard weights with a more strongly regularised sharp fit (its threshold 0.5 folded into the bias), with
`AlignOptions.cohesion` 0.2 — of the choices, the best F1 among those whose rows reach precision 0.65."""


@dataclass(frozen=True, slots=True)
class _Passage:
    article: int
    segment: Segment


def align(
    articles: Sequence[Article],
    *,
    threshold: float = 0.5,
    reference: str | None = None,
    weights: Weights | None = None,
    options: AlignOptions = AlignOptions(),
    encode: Encoder | None = None,
) -> tuple[Row, ...]:
    """Group the segments of segmented articles into rows; every segment lands in exactly one row.

    `weights` default to the pair score of the row builder: `DEFAULT_WEIGHTS`, or `STRICT_WEIGHTS` for
    strict rows."""
    if weights is None:
        weights = STRICT_WEIGHTS if options.strict else DEFAULT_WEIGHTS
    passages = [_Passage(a, s) for a, art in enumerate(articles) for s in art.segments]
    if not passages:
        return ()
    texts = [articles[p.article].segment_text(p.segment) for p in passages]
    words = _passage_words(articles, passages)
    if encode is None:
        from compare_tui.core.embeddings import encode
    vectors = PassageVectors(texts, encode)
    owner = np.array([p.article for p in passages])
    linkable = np.array(
        [p.segment.kind != "heading" and len(t.split()) >= options.min_words for p, t in zip(passages, texts)]
    )
    evidence = _evidence(texts, words, owner, linkable, vectors, weights, options, encode)
    # Every pair scores what its embeddings alone would give; candidates score their full evidence.
    links = _links(owner, evidence, threshold=threshold, margin=options.margin)
    linked = np.unique(np.array([(i, j) for _, i, j in links], dtype=np.intp))
    scores = _Scores(vectors, evidence, weights, owner, linked)
    build = _strict_cluster if options.strict else _cluster
    clusters = build(owner, links, scores, threshold=threshold, options=options)
    order = _order(clusters, passages, articles, reference)
    copy_words = {m: lowered(words[m]) for c in clusters if len(c) > 1 for m in c}
    return tuple(
        _row(f"r{n}", clusters[c], passages, articles, copy_words, scores, evidence, threshold, options)
        for n, c in enumerate(order)
    )


Cosines = Mapping[tuple[int, int], tuple[float, float]]
"""(cosine, best clause cosine) of passage pairs (i, j), i < j."""


def candidates(
    owner: np.ndarray, linkable: np.ndarray, vectors: PassageVectors, options: AlignOptions
) -> dict[tuple[int, int], tuple[float, float]]:
    """Candidate pairs (i < j) with their cosines: each linkable passage's `neighbours` nearest linkable
    passages of other articles, if at least `candidate_floor` near.

    Same-article pairs are never computed, and an article's own passages never enter its blocks' columns
    when it is big, so one long article costs linear time against the rest; memory stays one block.
    """
    k = min(options.neighbours, len(owner) - 1)
    out: dict[tuple[int, int], tuple[float, float]] = {}
    if k < 1:
        return out
    usable = np.flatnonzero(linkable)
    for rows, cols in _blocks(owner, usable):
        cosine, clause = vectors.block(rows, cols)
        near = np.maximum(cosine, clause)
        near[owner[rows][:, None] == owner[cols][None, :]] = -np.inf
        r, c = np.nonzero(_nearest(near, k) & (near >= options.candidate_floor))
        found = zip(rows[r].tolist(), cols[c].tolist(), cosine[r, c].tolist(), clause[r, c].tolist())
        for x, y, a, b in found:
            out[(x, y) if x < y else (y, x)] = (a, b)
    return dict(sorted(out.items()))


def _nearest(near: np.ndarray, k: int) -> np.ndarray:
    """Mask of each row's k largest values; among equal values (copies of one passage) the first columns win,
    so that the choice does not depend on how the columns were blocked."""
    if near.shape[1] <= k:
        return np.ones(near.shape, dtype=bool)
    kth = -np.partition(-near, k - 1, axis=1)[:, k - 1 : k]
    above = near > kth
    tied = near == kth
    room = k - above.sum(axis=1, keepdims=True)
    return above | (tied & (np.cumsum(tied, axis=1) <= room))


def _blocks(owner: np.ndarray, usable: np.ndarray, *, size: int = 256):
    """(rows, columns) blocks covering every pair of usable passages of different articles.

    A big article (a quarter block or more) gets blocks of its own whose columns leave its passages out;
    small articles share blocks (their same-article pairs are masked by the caller).
    """
    articles, counts = np.unique(owner[usable], return_counts=True)
    pending: list[np.ndarray] = []
    for article, count in zip(articles.tolist(), counts.tolist()):
        mine = usable[owner[usable] == article]
        if count >= size // 4:
            others = usable[owner[usable] != article]
            for first in range(0, count, size):
                yield mine[first : first + size], others
            continue
        pending.append(mine)
        if sum(len(p) for p in pending) >= size:
            yield np.concatenate(pending), usable
            pending = []
    if pending:
        yield np.concatenate(pending), usable


def _passage_words(articles: Sequence[Article], passages: Sequence[_Passage]) -> list[tuple[str, ...]]:
    """The token texts of each passage's folded text, read from one tokenization of each article, which the
    analysis then reuses (`textnorm.text_tokens`)."""
    tokens = [text_tokens(article.text) for article in articles]
    return [tokens[p.article].texts_in(p.segment.start, p.segment.end) for p in passages]


def _evidence(
    texts: Sequence[str],
    words: Sequence[Sequence[str]],
    owner: np.ndarray,
    linkable: np.ndarray,
    vectors: PassageVectors,
    weights: Weights,
    options: AlignOptions,
    encode: Encoder,
) -> dict[tuple[int, int], tuple[float, PairSignals]]:
    """Full evidence for the candidate pairs only: a fixed number of neighbours per passage keeps the slow
    part linear in the number of passages."""
    signals = pair_signals_of(texts, candidates(owner, linkable, vectors, options), encode, words=words)
    return {pair: (weights.score(found), found) for pair, found in signals.items()}


def pair_signals_of(
    texts: Sequence[str],
    cosines: Cosines,
    encode: Encoder | None = None,
    *,
    words: Sequence[Sequence[str]] | None = None,
) -> dict[tuple[int, int], PairSignals]:
    """The signals of the given passage pairs, words weighed by IDF over all of `texts` (as `align` does;
    the evaluation's fit calls this too, so that it learns from exactly what the aligner sees). The acts of
    the passages in these pairs are embedded once each, by `encode` (default: the shipped model). `words`
    are the passages' token texts when the caller has them (`profile`)."""
    profiles = [profile(t) for t in texts] if words is None else [profile(t, w) for t, w in zip(texts, words)]
    idf = idf_weights(profiles)
    masses = [mass(p, idf) for p in profiles]
    content_masses = [content_mass(p, idf) for p in profiles]
    if encode is None:
        from compare_tui.core.embeddings import encode
    used = {n for pair in cosines for n in pair}
    vocabulary = sorted({a for n in used for a in profiles[n].acts})
    row = {a: n for n, a in enumerate(vocabulary)}
    vectors = np.asarray(encode(vocabulary), dtype=np.float32) if vocabulary else np.zeros((0, 1), np.float32)
    acts = [[row[a] for a in p.acts] if n in used else [] for n, p in enumerate(profiles)]
    act = act_similarities(list(cosines), acts, vectors)
    return {
        (i, j): pair_signals(
            profiles[i],
            profiles[j],
            cosine=cosine,
            clause_cosine=clause,
            idf=idf,
            masses=(masses[i], masses[j]),
            content_masses=(content_masses[i], content_masses[j]),
            act=float(act[k]),
        )
        for k, ((i, j), (cosine, clause)) in enumerate(cosines.items())
    }


class _Scores:
    """The score of any pair of passages: its full evidence if it was a candidate, else its embeddings'.

    Rows are built of linked passages only; while there are at most `DENSE` of them, the scores of all
    their cross-article pairs are computed once (at most 64 MB), else each block as it is asked for.
    """

    DENSE = 4096

    def __init__(
        self,
        vectors: PassageVectors,
        evidence: Mapping[tuple[int, int], tuple[float, PairSignals]],
        weights: Weights,
        owner: np.ndarray,
        linked: np.ndarray,
    ) -> None:
        self._vectors = vectors
        self._weights = weights
        # Evidence by passage, both ways: passage i's pairs are _other/_value[_start[i] : _start[i + 1]].
        pairs = np.array(list(evidence), dtype=np.intp).reshape(-1, 2)
        values = np.array([value for value, _ in evidence.values()], dtype=np.float32)
        mine = np.concatenate((pairs[:, 0], pairs[:, 1]))
        order = np.argsort(mine, kind="stable")
        self._other = np.concatenate((pairs[:, 1], pairs[:, 0]))[order]
        self._value = np.concatenate((values, values))[order]
        self._start = np.searchsorted(mine[order], np.arange(len(vectors) + 1))
        self._dense: np.ndarray | None = None
        self._position = np.full(len(vectors), -1, dtype=np.intp)
        if len(linked) <= self.DENSE:
            # Same-article pairs are never read (a row's checks mask them), so they are mostly not computed.
            self._dense = np.zeros((len(linked), len(linked)), dtype=np.float32)
            self._position[linked] = np.arange(len(linked))
            for rows, cols in _blocks(owner, linked):
                self._dense[np.ix_(self._position[rows], self._position[cols])] = self._compute(rows, cols)

    def block(self, rows: Sequence[int], cols: Sequence[int]) -> np.ndarray:
        """Scores of rows x cols (linked passages) as float32, as a dense matrix of all pairs holds them."""
        if self._dense is not None:
            return self._dense[np.ix_(self._position[rows], self._position[cols])]
        return self._compute(np.asarray(rows, dtype=np.intp), np.asarray(cols, dtype=np.intp))

    def _compute(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        out = self._weights.semantic_score(*self._vectors.block(rows, cols))
        if len(rows) <= len(cols):
            r, c, value = self._evidence_between(rows, cols)
        else:
            c, r, value = self._evidence_between(cols, rows)
        out[r, c] = value
        return out

    def _evidence_between(
        self, few: np.ndarray, many: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Positions (in `few`, in `many`) and values of the evidence pairs between two sets of passages."""
        position = np.full(len(self._start) - 1, -1, dtype=np.intp)
        position[many] = np.arange(len(many))
        first, last = self._start[few], self._start[few + 1]
        counts = last - first
        index, _ = runs(first, counts)
        at = position[self._other[index]]
        found = at >= 0
        return np.repeat(np.arange(len(few)), counts)[found], at[found], self._value[index][found]


def _links(
    owner: np.ndarray,
    evidence: dict[tuple[int, int], tuple[float, PairSignals]],
    *,
    threshold: float,
    margin: float,
) -> list[tuple[float, int, int]]:
    """Candidate pairs that clear the threshold and are near the best counterpart of one of their ends."""
    if not evidence:
        return []
    pairs = np.array(list(evidence), dtype=np.intp)
    value = np.array([v for v, _ in evidence.values()], dtype=np.float64)
    i, j = pairs[:, 0], pairs[:, 1]
    # best[(x, article)]: the best score of passage x with a passage of that article.
    keys = np.concatenate((i * (owner.max() + 1) + owner[j], j * (owner.max() + 1) + owner[i]))
    distinct, slot = np.unique(keys, return_inverse=True)
    best = np.zeros(len(distinct))
    np.maximum.at(best, slot, np.concatenate((value, value)))
    near = (value >= best[slot[: len(value)]] - margin) | (value >= best[slot[len(value) :]] - margin)
    keep = np.flatnonzero((value >= threshold) & near)
    keep = keep[np.lexsort((j[keep], i[keep], -value[keep]))]
    return [(float(value[n]), int(i[n]), int(j[n])) for n in keep]


def _cross_scores(
    x: list[int],
    y: list[int],
    owner: np.ndarray,
    scores: _Scores,
    *,
    threshold: float,
    options: AlignOptions,
) -> tuple[np.ndarray, np.ndarray] | None:
    """The scores of two groups' pairs (x by y) and the mask of their cross-article pairs, or None if the
    groups may not join: an article would have more than `max_per_article` passages, or a cross-article
    pair would fall below `threshold - floor` (both row builders obey these limits)."""
    if max(np.bincount(owner[x + y])) > options.max_per_article:
        return None
    block = scores.block(x, y)
    cross = owner[x][:, None] != owner[y][None, :]
    if not cross.any() or block[cross].min() < threshold - options.floor:
        return None
    return block, cross


def _cluster(
    owner: np.ndarray,
    links: list[tuple[float, int, int]],
    scores: _Scores,
    *,
    threshold: float,
    options: AlignOptions,
) -> list[list[int]]:
    """Merge linked passages strongest first, keeping only groups whose members all match each other.

    A merge must keep the union's mean cross-article score at or above `threshold`, every such pair at or
    above `threshold - floor`, and each member's own mean over its cross-article pairs in the union at or
    above `threshold - member_floor`: one strong link to one member does not carry a passage into a row
    whose other members it does not match, where it would take a place (`max_per_article`) that a real
    counterpart needs. Each group carries its score sum and pair count, each passage its sum and count
    inside its group. A merge refused once is not tried again until one of the two groups has grown.
    """
    group = list(range(len(owner)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(owner))}
    totals: dict[int, tuple[float, int]] = {i: (0.0, 0) for i in range(len(owner))}
    own_sum = np.zeros(len(owner))
    own_count = np.zeros(len(owner))
    refused: set[tuple[int, int, int, int]] = set()
    for _, i, j in links:
        gi, gj = group[i], group[j]
        if gi == gj:
            continue
        x, y = members[gi], members[gj]
        attempt = (gi, len(x), gj, len(y))
        if attempt in refused:
            continue
        found = _cross_scores(x, y, owner, scores, threshold=threshold, options=options)
        if found is None:
            refused.add(attempt)
            continue
        block = np.where(found[1], found[0], 0.0).astype(np.float64)
        total = totals[gi][0] + totals[gj][0] + float(block.sum())
        count = totals[gi][1] + totals[gj][1] + int(found[1].sum())
        union = np.array(x + y)
        union_sum = own_sum[union] + np.concatenate((block.sum(axis=1), block.sum(axis=0)))
        union_count = own_count[union] + np.concatenate((found[1].sum(axis=1), found[1].sum(axis=0)))
        paired = union_count > 0
        if total / count < threshold or np.any(
            union_sum[paired] < (threshold - options.member_floor) * union_count[paired]
        ):
            refused.add(attempt)
            continue
        own_sum[union], own_count[union] = union_sum, union_count
        keep, drop = (gi, gj) if gi < gj else (gj, gi)
        for m in members[drop]:
            group[m] = keep
        members[keep] = sorted(x + y)
        totals[keep] = (total, count)
        del members[drop], totals[drop]
    return [members[g] for g in sorted(members)]


def _strict_cluster(
    owner: np.ndarray,
    links: list[tuple[float, int, int]],
    scores: _Scores,
    *,
    threshold: float,
    options: AlignOptions,
) -> list[list[int]]:
    """Rows by correlation clustering over the links (greedy additive merging, Keuper et al. 2015).

    Each cross-article pair weighs its log-odds against `threshold + cohesion`; of all pairs of groups
    joined by a link above that cut, the one whose cross pairs sum highest merges first, as long as the
    sum is positive, every cross pair stays at or above `threshold - floor` and no article has more than
    `max_per_article` passages in the union. (Links below the cut weigh against a merge themselves;
    leaving them out of the adjacency spares most of the merge checks.) Merging the largest total first
    builds each row around its most coherent core, where merging the strongest single link first lets a
    row grow through one passage that resembles two different facts; one strongly negative pair outweighs
    several barely positive ones, where a mean of scores would not.
    """
    cut = min(max(threshold + options.cohesion, 1e-3), 1 - 1e-3)
    offset = math.log(cut / (1 - cut))
    group = list(range(len(owner)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(owner))}
    linked: dict[int, set[int]] = {i: set() for i in range(len(owner))}
    for value, i, j in links:
        if value > cut:
            linked[i].add(j)
            linked[j].add(i)

    def gain(gi: int, gj: int) -> float | None:
        """Summed log-odds of joining two groups, or None when they may not join."""
        found = _cross_scores(members[gi], members[gj], owner, scores, threshold=threshold, options=options)
        if found is None:
            return None
        value = float((log_odds(found[0][found[1]]) - offset).sum())
        return value if value > 0 else None

    # Two single passages: their one pair's score is the link's own (as float32, as `scores` holds it).
    first = log_odds(np.array([value for value, _, _ in links], dtype=np.float32)) - offset
    heap = [(-float(v), i, j, 1, 1) for v, (_, i, j) in zip(first, links) if v > 0]
    heapq.heapify(heap)
    while heap:
        _, gi, gj, size_i, size_j = heapq.heappop(heap)
        # An entry whose groups have since grown is stale: the merge queued a fresh one for them.
        if len(members.get(gi, ())) != size_i or len(members.get(gj, ())) != size_j:
            continue
        keep, drop = (gi, gj) if gi < gj else (gj, gi)
        for m in members[drop]:
            group[m] = keep
        members[keep] = sorted(members[keep] + members[drop])
        linked[keep] |= linked.pop(drop)
        del members[drop]
        for other in sorted({group[m] for m in linked[keep]} - {keep}):
            if (value := gain(keep, other)) is not None:
                a, b = min(keep, other), max(keep, other)
                heapq.heappush(heap, (-value, a, b, len(members[a]), len(members[b])))
    return [members[g] for g in sorted(members)]


def log_odds(score: np.ndarray) -> np.ndarray:
    """Log-odds of evidence scores in 0..1, clipped away from 0 and 1 so that no pair weighs infinitely."""
    clipped = np.clip(np.asarray(score, dtype=np.float64), 1e-4, 1 - 1e-4)
    return np.log(clipped / (1 - clipped))


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
    scores: _Scores,
    evidence: dict[tuple[int, int], tuple[float, PairSignals]],
    threshold: float,
    options: AlignOptions,
) -> Row:
    cells: dict[str, list[str]] = {}
    for m in cluster:
        cells.setdefault(articles[passages[m].article].id, []).append(passages[m].segment.id)
    segments = {a.id: tuple(cells[a.id]) for a in articles if a.id in cells}
    if len(segments) < 2:
        return Row(id=row_id, segments=segments, status="unique", score=0.0, signals={})
    if len(cluster) <= options.all_links:
        value, pairs = _every_pair(cluster, passages, scores)
    else:
        value, pairs = _strongest_pairs(cluster, passages, scores, options.links_per_passage)
    links = tuple(
        Link(
            passages[a].segment.id,
            passages[b].segment.id,
            round(float(score), 4),
            weak=bool(score < threshold),
            verbatim=is_copy(copy_words[a], copy_words[b]),
        )
        for a, b, score in pairs
    )
    one_each = all(len(ids) == 1 for ids in segments.values())
    status = "match" if value >= options.strong and one_each else "partial"
    signals = mean_signals([evidence[p][1] for p in _evidence_pairs(cluster, passages, evidence)])
    signals["verbatim"] = sum(link.verbatim for link in links) / len(links)
    return Row(id=row_id, segments=segments, status=status, score=value, signals=signals, links=links)


def _every_pair(
    cluster: list[int], passages: list[_Passage], scores: _Scores
) -> tuple[float, list[tuple[int, int, np.float32]]]:
    """A row's mean cross-article score and every cross-article pair with its score."""
    block = scores.block(cluster, cluster)
    pairs = [
        (x, y)
        for x in range(len(cluster))
        for y in range(x + 1, len(cluster))
        if passages[cluster[x]].article != passages[cluster[y]].article
    ]
    value = float(np.mean([block[x, y] for x, y in pairs]))
    return value, [(cluster[x], cluster[y], block[x, y]) for x, y in pairs]


def _strongest_pairs(
    cluster: list[int], passages: list[_Passage], scores: _Scores, per_passage: int
) -> tuple[float, list[tuple[int, int, float]]]:
    """For a big row: the mean cross-article score over all pairs, and each passage's `per_passage`
    strongest cross-article pairs (so that the links grow linearly with the row, not with its square)."""
    owner = np.array([passages[m].article for m in cluster])
    total, count = 0.0, 0
    kept: dict[tuple[int, int], float] = {}
    for first in range(0, len(cluster), CHUNK):
        rows = cluster[first : first + CHUNK]
        block = scores.block(rows, cluster).astype(np.float64)
        cross = owner[first : first + len(rows)][:, None] != owner[None, :]
        upper = np.arange(len(cluster))[None, :] > np.arange(first, first + len(rows))[:, None]
        total += float(block[cross & upper].sum())
        count += int((cross & upper).sum())
        block[~cross] = -np.inf
        k = min(per_passage, len(cluster) - 1)
        pick = np.argpartition(-block, k - 1, axis=1)[:, :k]
        for r, row in enumerate(pick.tolist()):
            for c in row:
                if block[r, c] > -np.inf:
                    x, y = sorted((first + r, c))
                    kept[(x, y)] = float(block[r, c])
    return total / count, [(cluster[x], cluster[y], kept[(x, y)]) for x, y in sorted(kept)]


def _evidence_pairs(
    cluster: list[int], passages: list[_Passage], evidence: dict[tuple[int, int], tuple[float, PairSignals]]
) -> list[tuple[int, int]]:
    """The row's cross-article pairs that have full evidence, in the row's pair order."""
    if len(cluster) ** 2 <= 4 * len(evidence):
        return [
            (a, b)
            for i, a in enumerate(cluster)
            for b in cluster[i + 1 :]
            if passages[a].article != passages[b].article and (a, b) in evidence
        ]
    inside = set(cluster)
    return sorted(p for p in evidence if p[0] in inside and p[1] in inside)
