"""Other pair scorers than the shipped logistic one, on sharp-dev, held out by event (issue 10).

    python benchmarks/pair_models.py [--eval-dir ../shared/eval] [--rows]
    python benchmarks/pair_models.py --structure [--rows | --changes] [--variant SPEC]...
    python benchmarks/pair_models.py --contextual NPZ [--rows [--strict] [--variant SPEC]...]
    python benchmarks/pair_models.py --cross NPZ [--rows [--strict] [--variant NAMES]...]

Needs scikit-learn for the tree and network models (`pip install -e ".[bench]"`; a benchmark dependency
only, the package never imports it). The shipped pair score is a logistic blend over `PairSignals`; it
cannot say "much overlap, but a different date / number / object: a different fact". Tried here, each
fitted on five events and scored on the sixth (`tune_sharp`'s protocol):

- models: the logistic fit (`tune_sharp.fit`), with a stronger ridge, fitted only on the pairs the
  shipped score puts near the decision, with interaction terms (overlap x difference flags);
  gradient-boosted shallow trees (free, and monotone: more similarity never lowers the score, more
  difference never raises it) and a one-hidden-layer network;
- "main point" and difference evidence: the IDF share of each side's reported content that the other
  lacks (the smaller and the larger), the most informative word each side has alone, figures, names and
  times that both state and that differ; the words of the reported content before its first act
  (subject) and after it (object), compared side by side ("the army attacked the camp" / "the army denied
  carrying out the strike");
- per-comparison calibration: is the pair each passage's best counterpart in the other article (mutual
  best), how far below that best it scores; the pair score's percentile in its comparison; two-hop
  support through a third article (both passages match one passage of it);
- structural support (`--structure`): the best and the mean score of a pair's diagonal neighbours (the
  passages before both and after both, in reading order: articles that tell the story in the same order
  match in runs) and how far apart the two passages sit in their articles (relative positions).

Without `--rows`: pair F1 of the pooled held-out scores at their best threshold and average precision,
over every cross-article segment pair the gold speaks about. With `--rows`: the real aligner's rows,
leave-one-event-out as `tune_sharp.py` does (threshold picked on the five fitting events), for the
boosted trees blended with the ECB+ fit like the shipped score, and for the logistic score with the
mutual-best signals computed over the aligner's candidate pairs. With `--structure --rows`: the logistic
score (ridge 0.01, as shipped) with the structural signals computed over the aligner's candidate pairs in a
second pass, each held-out event, the leave-one-event-out total and in-sample rows at each threshold (a
SPEC as `structure_rows` reads it; the one without names is the shipped default, LOEO 0.450). With
`--structure --changes`: the gold and wrong pairs a SPEC's rows join or part beside the default's.

With `--contextual NPZ` (a cache written by `benchmarks/contextual_vectors.py`, which needs torch; this
script reads the cache with numpy alone): the cosines of contextual all-MiniLM-L6-v2 vectors, whole passages
and best pair of clauses, (a) as extra signals of the logistic fit (ridge 0.01, as shipped), their weights
given the sharp share of the blend and computed over the aligner's candidate pairs in a second pass, or (b)
instead of the shipped model's cosines (`replace`: the aligner's vectors are the contextual ones throughout,
candidates, pair signals and the embeddings' score of the other pairs; blended with the ECB+ fit as shipped).
Pair F1 held out, or with `--rows` the rows held out by event and in-sample, and the seed checks
(`seeds-gold.json`, as `benchmarks/evaluate.py` counts them) with the in-sample weights at the threshold the
rows of all six events pick (`--strict`: strict rows, the sharp fit under `tune_sharp.STRICT_L2`, threshold
and cohesion picked as `tune_sharp.py --strict` picks them). SPEC: comma-separated `CONTEXTUAL` names,
`replace`, or empty (the shipped signals: the harness gives the shipped rows), optionally `@FLOOR`, another
candidate floor.

With `--cross NPZ` (a cache written by `benchmarks/cross_encoder.py`, which needs torch: a cross-encoder
fine-tuned from all-MiniLM-L6-v2, each sharp-dev event scored by the model trained on the other five, the
seed pair by one trained on all six): its held-out probability alone, and its log-odds (`CROSS`) as extra
signals of the logistic fit (ridge 0.01), per held-out event and pooled; with `--rows`, as `--contextual
--rows` does, the rows with the `CROSS` signals computed over the aligner's candidate pairs in a second pass
(NAMES: comma-separated `CROSS` names, or empty for the shipped signals).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
import sys
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from pathlib import Path

import numpy as np
import sharp
import tune_sharp
from pair_evidence import average_precision, best_f1

import compare_tui.core.align as align_module
from compare_tui.core import fact_slots
from compare_tui.core.embeddings import encode
from compare_tui.core.passage_vectors import PassageVectors
from compare_tui.core.similarity import DEFAULT_WEIGHTS, PairSignals, Weights, idf_weights, profile

BASE = tuple(f.name for f in fields(PairSignals))
DIFF = ("uncovered_min", "uncovered_max", "top_difference", "numbers_differ", "names_differ", "time_conflict")
ROLES = ("object_overlap", "subject_overlap", "object_conflict")
RANK = ("mutual_best", "gap_max", "gap_min")
CONTEXT = ("two_hop_mean", "two_hop_max", "percentile")
STRUCTURE = ("diag_max", "diag_mean", "posdiff")
ALIGNER_STRUCTURE = ("cand_diag_max", "cand_diag_mean")
"""`STRUCTURE` signals with the neighbours scored as the aligner can: full evidence if the neighbour pair is
a candidate, else its embeddings' score (`Weights.semantic_score`)."""
CONTEXTUAL = ("ctx", "ctx_clause")
"""Cosines of contextual all-MiniLM-L6-v2 vectors (`benchmarks/contextual_vectors.py`): whole passages and
the best pair of clauses, as `semantic` and `clause` are of the shipped static model's."""
CROSS = ("cross", "cross_read")
"""The fine-tuned cross-encoder (`benchmarks/cross_encoder.py`): the log-odds of its probability (clipped at
`CROSS_CLIP`) where it read the pair (shipped log-odds at its gate or above), else 0, and whether it did."""
CROSS_CLIP = 6.0
REPLACED = (*CONTEXTUAL, *BASE[2:])
"""`BASE` with the shipped model's cosines (`semantic`, `clause`, its first two) replaced by the contextual
ones."""
INTERACTIONS = (
    ("lexical", "time_conflict"),
    ("lexical", "numbers_differ"),
    ("content", "numbers_differ"),
    ("content", "time_conflict"),
    ("lexical", "names_differ"),
    ("lexical", "uncovered_max"),
    ("content", "uncovered_max"),
    ("semantic", "uncovered_min"),
)
MONOTONE = {"names": 0, "place": 0, **{n: -1 for n in DIFF}}
"""Direction of each signal for the monotone trees (+1 where unnamed); names and place go both ways."""


@dataclass
class Table:
    """One event's pairs: every signal by name, and the gold labels."""

    columns: dict[str, np.ndarray]
    labels: np.ndarray

    def matrix(self, names: Sequence[str], interactions: Sequence[tuple[str, str]] = ()) -> np.ndarray:
        cols = [self.columns[n] for n in names] + [self.columns[a] * self.columns[b] for a, b in interactions]
        return np.column_stack(cols)


def shipped_log_odds(signals: np.ndarray, weights: Weights = DEFAULT_WEIGHTS) -> np.ndarray:
    """The shipped score's log-odds of a matrix of `PairSignals` rows."""
    return weights.bias + signals @ np.array([getattr(weights, n) for n in BASE])


def difference_signals(texts: Sequence[str], pairs: Sequence[tuple[int, int]]) -> np.ndarray:
    """The `DIFF` signals of the given pairs (words weighed by IDF over all of `texts`)."""
    profiles = [profile(t) for t in texts]
    idf = idf_weights(profiles)
    out = np.zeros((len(pairs), len(DIFF)))
    for row, (i, j) in enumerate(pairs):
        p, q = profiles[i], profiles[j]
        a, b = p.content_stems or p.stems, q.content_stems or q.stems
        wa, wb = sum(idf.get(s, 0.0) for s in a), sum(idf.get(s, 0.0) for s in b)
        shared = sum(idf.get(s, 0.0) for s in a & b)
        ua, ub = (1 - shared / wa if wa else 1.0), (1 - shared / wb if wb else 1.0)
        top = max((idf.get(s, 0.0) for s in a - b), default=0.0) + max(
            (idf.get(s, 0.0) for s in b - a), default=0.0
        )
        both_times = [k for k in p.times if k in q.times]
        out[row] = [
            min(ua, ub),
            max(ua, ub),
            top,
            float(bool(p.numbers - q.numbers and q.numbers - p.numbers)),
            float(bool(p.names - q.names and q.names - p.names)),
            float(bool(both_times) and not any(p.times[k] & q.times[k] for k in both_times)),
        ]
    return out


def _roles(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """Stems of the reported content before and after its first act (subject, object)."""
    body = fact_slots.content(text).lower()
    acts = fact_slots.acts(body)
    found = re.search(rf"\b{re.escape(acts[0])}\b", body) if acts else None
    if found is None:
        return frozenset(), profile(body).stems
    return profile(body[: found.start()]).stems, profile(body[found.end() :]).stems


def role_signals(texts: Sequence[str], pairs: Sequence[tuple[int, int]]) -> np.ndarray:
    """The `ROLES` signals: IDF-weighted Dice of the objects and of the subjects; both have an object and
    they share no word."""
    idf = idf_weights(profile(t) for t in texts)
    roles = [_roles(t) for t in texts]

    def dice(a: frozenset[str], b: frozenset[str]) -> float:
        wa, wb = sum(idf.get(s, 0.0) for s in a), sum(idf.get(s, 0.0) for s in b)
        return 2 * sum(idf.get(s, 0.0) for s in a & b) / (wa + wb) if wa + wb else 0.0

    out = np.zeros((len(pairs), len(ROLES)))
    for row, (i, j) in enumerate(pairs):
        (si, oi), (sj, oj) = roles[i], roles[j]
        out[row] = [dice(oi, oj), dice(si, sj), float(bool(oi and oj) and not oi & oj)]
    return out


def rank_signals(z: np.ndarray, pairs: np.ndarray, owner: np.ndarray) -> np.ndarray:
    """`RANK` signals: each pair's log-odds `z` against each end's best counterpart in the other article."""
    if not len(pairs):
        return np.zeros((0, len(RANK)))
    i, j = pairs[:, 0], pairs[:, 1]
    width = int(owner.max()) + 1
    keys = np.concatenate((i * width + owner[j], j * width + owner[i]))
    distinct, slot = np.unique(keys, return_inverse=True)
    best = np.full(len(distinct), -np.inf)
    np.maximum.at(best, slot, np.concatenate((z, z)))
    gi, gj = z - best[slot[: len(z)]], z - best[slot[len(z) :]]
    return np.column_stack([(gi == 0) & (gj == 0), np.maximum(gi, gj), np.minimum(gi, gj)]).astype(float)


def context_signals(z: np.ndarray, pairs: np.ndarray, owner: np.ndarray, n: int) -> np.ndarray:
    """`CONTEXT` signals: two-hop support through each third article, and the score's percentile."""
    score = np.full((n, n), np.nan)
    score[pairs[:, 0], pairs[:, 1]] = score[pairs[:, 1], pairs[:, 0]] = 1 / (1 + np.exp(-z))
    out = np.zeros((len(pairs), len(CONTEXT)))
    for row, (i, j) in enumerate(pairs):
        hops = []
        for c in np.unique(owner):
            if c in (owner[i], owner[j]):
                continue
            both = np.fmin(score[i, owner == c], score[j, owner == c])
            both = both[~np.isnan(both)]
            hops.append(float(both.max()) if len(both) else 0.0)
        out[row, :2] = (np.mean(hops), max(hops)) if hops else (0.0, 0.0)
    out[:, 2] = np.argsort(np.argsort(z)) / max(len(z) - 1, 1)
    return out


def positions(owner: np.ndarray) -> np.ndarray:
    """Each passage's relative position in its article: 0 for the first, (k - 1) / k for the last of k."""
    first = np.searchsorted(owner, owner)  # passages are grouped by article, in article order
    count = np.bincount(owner)[owner]
    return (np.arange(len(owner)) - first) / np.maximum(count, 1)


def neighbour_pairs(pairs: np.ndarray, owner: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The diagonal neighbours (i - 1, j - 1) and (i + 1, j + 1) of each pair (i < j, in reading order), as a
    (pairs, 2, 2) array, and the mask of those that exist (both ends inside the same two articles)."""
    n = len(owner)
    out = np.stack([pairs - 1, pairs + 1], axis=1)
    inside = (out >= 0) & (out < n)
    clipped = np.clip(out, 0, n - 1)
    same = owner[clipped] == owner[pairs][:, None, :]
    return clipped, (inside & same).all(axis=2)


def structure_signals(
    pairs: np.ndarray, owner: np.ndarray, neighbour_score: Callable[[np.ndarray], np.ndarray]
) -> np.ndarray:
    """`STRUCTURE` signals: the highest and the mean score of a pair's diagonal neighbours (0 if none), and
    how far apart its two passages sit in their articles (relative positions). `neighbour_score` maps an
    (k, 2) array of pairs to their scores, NaN for a pair that does not count."""
    if not len(pairs):
        return np.zeros((0, len(STRUCTURE)))
    near, exists = neighbour_pairs(pairs, owner)
    value = np.full(exists.shape, np.nan)
    value[exists] = neighbour_score(near[exists])
    counted = ~np.isnan(value)
    top = np.where(counted, value, -np.inf).max(axis=1)
    mean = np.where(counted, value, 0.0).sum(axis=1) / np.maximum(counted.sum(axis=1), 1)
    position = positions(owner)
    return np.column_stack(
        [np.where(np.isfinite(top), top, 0.0), mean, np.abs(position[pairs[:, 0]] - position[pairs[:, 1]])]
    )


def lookup(known: dict[tuple[int, int], float], otherwise: Callable[[np.ndarray], np.ndarray] | None = None):
    """A `neighbour_score` that reads `known` pairs and scores the others by `otherwise` (NaN: dropped)."""

    def score(near: np.ndarray) -> np.ndarray:
        out = np.array([known.get((int(i), int(j)), np.nan) for i, j in near], dtype=np.float64)
        missing = np.isnan(out)
        if otherwise is not None and missing.any():
            out[missing] = otherwise(near[missing])
        return out

    return score


def semantic_scores(vectors: PassageVectors, weights: Weights) -> Callable[[np.ndarray], np.ndarray]:
    """The embeddings-only score of arbitrary pairs (what the aligner gives a pair that is no candidate)."""

    def score(near: np.ndarray) -> np.ndarray:
        out = np.empty(len(near))
        for k, (i, j) in enumerate(near):
            cosine, clause = vectors.block([int(i)], [int(j)])
            out[k] = weights.semantic_score(cosine, clause)[0, 0]
        return out

    return score


def aligner_candidates(
    articles: Sequence, texts: Sequence[str], owner: np.ndarray
) -> tuple[PassageVectors, dict[tuple[int, int], PairSignals]]:
    """The passages' vectors and the candidate pairs `align` would score in full, with their signals
    (`texts` and `owner`: the articles' passages in order, and the article of each)."""
    vectors = PassageVectors(texts, encode)
    passages = [s for a in articles for s in a.segments]
    options = align_module.AlignOptions()
    linkable = np.array(
        [p.kind != "heading" and len(t.split()) >= options.min_words for p, t in zip(passages, texts)]
    )
    return vectors, align_module.pair_signals_of(
        texts, align_module.candidates(owner, linkable, vectors, options)
    )


def _aligner_neighbour_scores(event: sharp.SharpEvent, texts: Sequence[str], owner: np.ndarray):
    """The neighbour scorer as `align` would see it: shipped evidence of its candidate pairs, embeddings'
    score of the rest."""
    vectors, found = aligner_candidates(event.articles, texts, owner)
    known = {pair: DEFAULT_WEIGHTS.score(s) for pair, s in found.items()}
    return lookup(known, semantic_scores(vectors, DEFAULT_WEIGHTS))


def tables(events: Sequence[sharp.SharpEvent], scorer) -> dict[str, Table]:
    """Every signal of every gold-covered cross-article segment pair, by event."""
    out = {}
    for event in events:
        t = sharp.pair_table(event, scorer)
        owner = np.array([k for k, a in enumerate(event.articles) for _ in a.segments])
        pairs = np.array(t.pairs, dtype=np.intp)
        z = shipped_log_odds(t.signals)
        extra = np.hstack(
            [
                difference_signals(t.texts, t.pairs),
                role_signals(t.texts, t.pairs),
                rank_signals(z, pairs, owner),
                context_signals(z, pairs, owner, len(t.texts)),
                structure_signals(pairs, owner, lookup(dict(zip(t.pairs, 1 / (1 + np.exp(-z)))))),
                structure_signals(pairs, owner, _aligner_neighbour_scores(event, t.texts, owner))[:, :2],
            ]
        )
        names = (*BASE, *DIFF, *ROLES, *RANK, *CONTEXT, *STRUCTURE, *ALIGNER_STRUCTURE, "shipped")
        columns = np.hstack([t.signals, extra, z[:, None]])
        out[event.event_id] = Table(dict(zip(names, columns.T)), t.labels)
    return out


Model = Callable[[np.ndarray, np.ndarray, np.ndarray], np.ndarray]


def logistic(x: np.ndarray, y: np.ndarray, test: np.ndarray) -> np.ndarray:
    w = tune_sharp.fit(x, y)
    return 1 / (1 + np.exp(-(w[0] + test @ w[1:])))


def ridge(l2: float) -> Model:
    """The logistic fit with a stronger penalty on the (standardised) weights."""

    def model(x: np.ndarray, y: np.ndarray, test: np.ndarray) -> np.ndarray:
        w = tune_sharp.fit(x, y, l2=l2)
        return 1 / (1 + np.exp(-(w[0] + test @ w[1:])))

    return model


def hard_pairs(floor: float) -> Model:
    """The logistic fit on the pairs whose shipped log-odds (the last column) reach `floor`, where rows are
    decided; the other pairs keep the shipped score and rank below them."""

    def model(x: np.ndarray, y: np.ndarray, test: np.ndarray) -> np.ndarray:
        keep = x[:, -1] >= floor
        w = tune_sharp.fit(x[keep, :-1], y[keep])
        fitted = 1 / (1 + np.exp(-(w[0] + test[:, :-1] @ w[1:])))
        return np.where(test[:, -1] >= floor, 1 + fitted, 1 / (1 + np.exp(-test[:, -1])))

    return model


def _balance(y: np.ndarray) -> np.ndarray:
    return np.where(y == 1, 0.5 / y.mean(), 0.5 / (1 - y.mean()))


def boosted(names: Sequence[str], *, monotone: bool, depth: int, rounds: int):
    """Gradient-boosted trees (scikit-learn), class-balanced, shrinkage 0.05, at least 50 pairs a leaf, all
    rounds (no early stopping on a random split, so that runs repeat)."""

    def fit_trees(x: np.ndarray, y: np.ndarray):
        from sklearn.ensemble import HistGradientBoostingClassifier

        model = HistGradientBoostingClassifier(
            max_depth=depth,
            max_iter=rounds,
            learning_rate=0.05,
            l2_regularization=1.0,
            min_samples_leaf=50,
            monotonic_cst=[MONOTONE.get(n, 1) for n in names] if monotone else None,
            early_stopping=False,
            random_state=0,
        )
        return model.fit(x, y, sample_weight=_balance(y))

    def model(x: np.ndarray, y: np.ndarray, test: np.ndarray) -> np.ndarray:
        return fit_trees(x, y).predict_proba(test)[:, 1]

    model.fit_trees = fit_trees  # type: ignore[attr-defined]
    return model


def network(hidden: int, alpha: float) -> Model:
    """One hidden layer (scikit-learn), standardised inputs, positives repeated to balance the classes."""

    def model(x: np.ndarray, y: np.ndarray, test: np.ndarray) -> np.ndarray:
        from sklearn.neural_network import MLPClassifier
        from sklearn.pipeline import make_pipeline
        from sklearn.preprocessing import StandardScaler

        positives = np.flatnonzero(y == 1)
        repeat = max(1, round((1 - y.mean()) / y.mean()))
        index = np.r_[np.arange(len(y)), np.repeat(positives, repeat - 1)]
        net = make_pipeline(
            StandardScaler(),
            MLPClassifier(hidden_layer_sizes=(hidden,), alpha=alpha, max_iter=300, random_state=0),
        )
        return net.fit(x[index], y[index]).predict_proba(test)[:, 1]

    return model


def held_out(
    data: dict[str, Table], model: Model, names: Sequence[str], interactions: Sequence[tuple[str, str]] = ()
) -> tuple[float, float, float]:
    """(pooled best F1, average precision, F1 with each event at its own best threshold) of the scores of
    each event by a model fitted on the others. The last is an oracle: what calibrating the threshold per
    comparison could gain at most."""
    scores = held_out_scores(data, model, names, interactions)
    counts = sum((_best_counts(scores[e], t.labels) for e, t in data.items()), np.zeros(3))
    p, y = np.concatenate(list(scores.values())), np.concatenate([t.labels for t in data.values()])
    tp, fp, fn = counts
    return best_f1(p, y)[0], average_precision(p, y), 2 * tp / (2 * tp + fp + fn)


def held_out_scores(
    data: dict[str, Table], model: Model, names: Sequence[str], interactions: Sequence[tuple[str, str]] = ()
) -> dict[str, np.ndarray]:
    """The scores of each event's pairs by a model fitted on the other events."""
    scores = {}
    for event, table in data.items():
        others = [t for e, t in data.items() if e != event]
        x = np.vstack([t.matrix(names, interactions) for t in others])
        y = np.concatenate([t.labels for t in others])
        scores[event] = model(x, y, table.matrix(names, interactions))
    return scores


def _best_counts(score: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """[tp, fp, fn] at the threshold with the best F1 on these labels."""
    order = np.argsort(-score, kind="stable")
    tp = np.cumsum(labels[order])
    fp = np.arange(1, len(order) + 1) - tp
    fn = labels.sum() - tp
    k = int(np.argmax(2 * tp / np.maximum(2 * tp + fp + fn, 1)))
    return np.array([tp[k], fp[k], fn[k]])


def pair_report(data: dict[str, Table]) -> None:
    with_diff = (*BASE, *DIFF)
    variants: list[tuple[str, Model, Sequence[str], Sequence[tuple[str, str]]]] = [
        ("logistic, shipped signals (baseline)", logistic, BASE, ()),
        ("logistic + difference signals", logistic, with_diff, ()),
        *((f"logistic, ridge {l2}", ridge(l2), BASE, ()) for l2 in (0.01, 0.1, 1.0)),
        *(
            (f"logistic fitted on pairs at shipped log-odds >= {f}", hard_pairs(f), (*BASE, "shipped"), ())
            for f in (-2.0, -1.0, 0.0)
        ),
        ("logistic + subject / object signals", logistic, (*BASE, *ROLES), ()),
        ("logistic + interactions (overlap x difference)", logistic, BASE, INTERACTIONS),
        ("logistic + difference signals + interactions", logistic, with_diff, INTERACTIONS),
        ("logistic + mutual-best signals", logistic, (*BASE, *RANK), ()),
        ("logistic + two-hop support", logistic, (*BASE, "two_hop_mean", "two_hop_max"), ()),
        ("logistic + percentile in the comparison", logistic, (*BASE, "percentile"), ()),
        ("logistic + difference, mutual-best, context signals", logistic, (*with_diff, *RANK, *CONTEXT), ()),
    ]
    for depth, rounds in ((2, 100), (3, 200)):
        for monotone in (False, True):
            kind = "monotone " if monotone else ""
            for label, names in (("shipped signals", BASE), ("+ difference signals", with_diff)):
                variants.append(
                    (
                        f"{kind}boosted trees depth {depth} x {rounds}, {label}",
                        boosted(names, monotone=monotone, depth=depth, rounds=rounds),
                        names,
                        (),
                    )
                )
    variants += [
        ("network, 8 hidden, shipped signals", network(8, 1e-2), BASE, ()),
        ("network, 8 hidden, + difference + mutual-best", network(8, 1e-2), (*with_diff, *RANK), ()),
    ]
    print(f"{'pair scorer (fit on five events, sixth scored)':<64} {'pooled F1':>9} {'AP':>6} {'own t':>6}")
    for label, model, names, interactions in variants:
        f1, ap, oracle = held_out(data, model, names, interactions)
        print(f"{label:<64} {f1:9.3f} {ap:6.3f} {oracle:6.3f}", flush=True)


@dataclass(frozen=True)
class _Scorer:
    """A pair scorer for the real aligner: `semantic_score` for the pairs without full evidence (the
    blended logistic weights), `score_many` for the candidate pairs."""

    weights: Weights
    score_many: Callable[[Sequence[PairSignals], np.ndarray, np.ndarray, PassageVectors], np.ndarray]

    def semantic_score(self, cosine: np.ndarray, clause_cosine: np.ndarray) -> np.ndarray:
        return self.weights.semantic_score(cosine, clause_cosine)


def _batched_evidence(texts, words, owner, linkable, vectors, weights, options, encode):
    """`align._evidence` with the whole candidate set scored at once (trees are slow pair by pair)."""
    found = align_module.pair_signals_of(
        texts, align_module.candidates(owner, linkable, vectors, options), encode, words=words
    )
    if not isinstance(weights, _Scorer):
        return {pair: (weights.score(s), s) for pair, s in found.items()}
    pairs = np.array(list(found), dtype=np.intp).reshape(-1, 2)
    values = weights.score_many(list(found.values()), pairs, owner, vectors)
    return {pair: (float(v), s) for (pair, s), v in zip(found.items(), values)}


def _logit(p: np.ndarray | float) -> np.ndarray:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return np.log(p / (1 - p))


def _matrix(signals: Sequence[PairSignals]) -> np.ndarray:
    return np.array([[getattr(s, n) for n in BASE] for s in signals]).reshape(len(signals), len(BASE))


def tree_scorer(data: dict[str, Table], events: Sequence[str]) -> Callable[[float], _Scorer]:
    """Boosted trees (depth 3, monotone) fitted on `events`, blended with the ECB+ fit as the shipped score
    is (`tune_sharp.SHARP_SHARE` of the trees' log-odds against the threshold)."""
    x = np.vstack([data[e].matrix(BASE) for e in events])
    y = np.concatenate([data[e].labels for e in events])
    trees = boosted(BASE, monotone=True, depth=3, rounds=200).fit_trees(x, y)  # type: ignore[attr-defined]
    w = tune_sharp.fit(x, y)
    ecb = tune_sharp.ECB_WEIGHTS

    def at(threshold: float) -> _Scorer:
        def score_many(signals, pairs, owner, vectors):
            m = _matrix(signals)
            z = tune_sharp.SHARP_SHARE * (_logit(trees.predict_proba(m)[:, 1]) - _logit(threshold))
            z += (1 - tune_sharp.SHARP_SHARE) * shipped_log_odds(m, ecb)
            return 1 / (1 + np.exp(-z))

        return _Scorer(tune_sharp.as_weights(w, threshold), score_many)

    return at


def rank_scorer(data: dict[str, Table], events: Sequence[str]) -> Callable[[float], _Scorer]:
    """The logistic score with the mutual-best signals, computed over the aligner's candidate pairs; their
    weights get the sharp share of the blend (they have no ECB+ fit)."""
    names = (*BASE, *RANK)
    w = tune_sharp.fit(
        np.vstack([data[e].matrix(names) for e in events]), np.concatenate([data[e].labels for e in events])
    )

    def at(threshold: float) -> _Scorer:
        weights = tune_sharp.as_weights(w[: 1 + len(BASE)], threshold)
        extra = tune_sharp.SHARP_SHARE * w[1 + len(BASE) :]

        def score_many(signals, pairs, owner, vectors):
            z = shipped_log_odds(_matrix(signals), weights)
            rank = rank_signals(shipped_log_odds(_matrix(signals)), pairs, owner)
            return 1 / (1 + np.exp(-(z + rank @ extra)))

        return _Scorer(weights, score_many)

    return at


STRUCTURE_COLUMN = {"diag_max": 0, "cand_diag_max": 0, "diag_mean": 1, "cand_diag_mean": 1, "posdiff": 2}


def structure_scorer(
    data: dict[str, Table],
    events: Sequence[str],
    names: Sequence[str],
    *,
    fallback: str,
    neighbours: str,
    share: float = tune_sharp.SHARP_SHARE,
    on_top: bool = False,
) -> Callable[[float], _Scorer]:
    """The logistic score (ridge `tune_sharp.STANDARD_L2`) with structural support computed over the
    aligner's candidate pairs, in a second pass: the candidates' base evidence first, then each pair's
    diagonal neighbours' scores. A neighbour pair that is no candidate scores its embeddings' score
    (`fallback="semantic"`), 0 (`"zero"`) or is left out (`"drop"`). The neighbours' scores are the shipped
    weights' (`neighbours="shipped"`, as the tables compute them) or the fold's own base weights at
    threshold 0.5 (`"fold"`). The structural weights get `share` of their fit (by default the sharp share of
    the blend, as they have no ECB+ fit). With `on_top` the base weights are the shipped fit of the base
    signals alone and the structural weights are fitted on top of its log-odds, without an intercept: support
    can raise a pair, but facts told in another order keep their base score."""
    columns = (*BASE, *names)
    x = np.vstack([data[e].matrix(columns) for e in events])
    y = np.concatenate([data[e].labels for e in events])
    if on_top:
        w = tune_sharp.fit(x[:, : len(BASE)], y, l2=tune_sharp.STANDARD_L2)
        w = np.r_[w, _fit_on_top(w[0] + x[:, : len(BASE)] @ w[1:], x[:, len(BASE) :], y)]
    else:
        w = tune_sharp.fit(x, y, l2=tune_sharp.STANDARD_L2)
    pick = [STRUCTURE_COLUMN[n] for n in names]
    print(
        f"    fit on {len(events)} events: bias {w[0]:.2f}, "
        + ", ".join(f"{n} {v:.2f}" for n, v in zip(columns, w[1:])),
        flush=True,
    )
    base = tune_sharp.as_weights(w[: 1 + len(BASE)], 0.5) if neighbours == "fold" else DEFAULT_WEIGHTS

    def at(threshold: float) -> _Scorer:
        weights = tune_sharp.as_weights(w[: 1 + len(BASE)], threshold)
        extra = share * w[1 + len(BASE) :]

        def score_many(signals, pairs, owner, vectors):
            m = _matrix(signals)
            z = shipped_log_odds(m, weights)
            if not pick:
                return 1 / (1 + np.exp(-z))
            probability = 1 / (1 + np.exp(-shipped_log_odds(m, base)))
            known = dict(zip(map(tuple, pairs.tolist()), probability))
            otherwise = {
                "semantic": semantic_scores(vectors, base),
                "zero": lambda near: np.zeros(len(near)),
                "drop": None,
            }[fallback]
            structure = structure_signals(pairs, owner, lookup(known, otherwise))[:, pick]
            return 1 / (1 + np.exp(-(z + structure @ extra)))

        return _Scorer(weights, score_many)

    return at


def _fit_on_top(offset: np.ndarray, x: np.ndarray, y: np.ndarray, steps: int = 3000) -> np.ndarray:
    """Class-balanced logistic weights of `x` (no intercept) added to fixed log-odds `offset`."""
    balance = np.where(y == 1, 0.5 / y.mean(), 0.5 / (1 - y.mean()))
    w = np.zeros(x.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(offset + x @ w)))
        w -= 0.5 * (x.T @ ((p - y) * balance) / len(y))
    return w


def structure_rows(events: Sequence[sharp.SharpEvent], scorer, data: dict[str, Table], variant: str) -> None:
    """Rows of one structural variant ("names/fallback/neighbours[/share]", e.g.
    "diag_max,posdiff/semantic/shipped"; no names: the baseline; "+names": fitted on top of the base fit,
    `structure_scorer`'s `on_top`), each held-out event, leave-one-event-out
    and in-sample at each threshold."""
    spec, fallback, neighbours, *share = variant.split("/")
    on_top = spec.startswith("+")
    names = tuple(n for n in spec.lstrip("+").split(",") if n)
    weight = float(share[0]) if share else tune_sharp.SHARP_SHARE

    def build(d, fitted):
        return structure_scorer(
            d, fitted, names, fallback=fallback, neighbours=neighbours, share=weight, on_top=on_top
        )

    shipped = align_module._evidence
    align_module._evidence = _batched_evidence
    try:
        with sharp.memoised_signals():
            held: sharp.Counts = {}
            for event in events:
                others = [e for e in events if e is not event]
                chosen, t = _pick_threshold(scorer, others, build(data, [e.event_id for e in others]))
                counts = tune_sharp.rows_score(scorer, [event], chosen)
                print(tune_sharp.line(f"  held out {event.event_id} (t={t})", counts), flush=True)
                held = sharp.add(held, counts)
            print(tune_sharp.line(f"{variant}, leave-one-event-out", held), flush=True)
            at = build(data, [e.event_id for e in events])
            for t in tune_sharp.THRESHOLDS:
                counts = tune_sharp.rows_score(scorer, events, at(t))
                print(tune_sharp.line(f"{variant}, in-sample at t={t}", counts), flush=True)
    finally:
        align_module._evidence = shipped


def _row_pairs(event: sharp.SharpEvent, scorer, weights) -> tuple[set[tuple[int, int]], np.ndarray]:
    """The cross-article passage pairs (indices) that the aligner's rows join, among the segments the gold
    speaks about, and the passages' articles."""
    mapped = sharp._mapped_segments(scorer, event)
    index = {s.id: k for k, s in enumerate(s for a in event.articles for s in a.segments)}
    owner = np.array([k for k, a in enumerate(event.articles) for _ in a.segments])
    out = set()
    for row in align_module.align(event.articles, threshold=0.5, weights=weights):
        members = sorted(index[s] for ids in row.segments.values() for s in ids if s in mapped)
        out |= {(a, b) for n, a in enumerate(members) for b in members[n + 1 :] if owner[a] != owner[b]}
    return out, owner


def structure_changes(
    events: Sequence[sharp.SharpEvent], scorer, data: dict[str, Table], variant: str
) -> None:
    """In-sample at threshold 0.8: the gold and wrong pairs that a structural variant's rows join or part
    beside the baseline's, and how many of them have a gold pair on their diagonal."""
    spec, fallback, neighbours, *_ = variant.split("/")
    names = tuple(n for n in spec.lstrip("+").split(",") if n)
    ids = [e.event_id for e in events]
    base = structure_scorer(data, ids, (), fallback=fallback, neighbours=neighbours)(0.8)
    other = structure_scorer(
        data, ids, names, fallback=fallback, neighbours=neighbours, on_top=spec.startswith("+")
    )(0.8)
    counts: dict[str, int] = {}
    shipped = align_module._evidence
    align_module._evidence = _batched_evidence
    try:
        for event in events:
            gold = {tuple(sorted(p)) for p in _gold_pairs(event, scorer)}
            before, owner = _row_pairs(event, scorer, base)
            after, _ = _row_pairs(event, scorer, other)

            for label, found in (("gold", gold), ("joined", after - before), ("parted", before - after)):
                for kind, part in (("gold", found & gold), ("wrong", found - gold)):
                    key = f"{label} {kind}" if label != "gold" else "gold"
                    counts[key] = counts.get(key, 0) + len(part)
                    diagonal = f"{key}, a gold pair on its diagonal"
                    counts[diagonal] = counts.get(diagonal, 0) + _on_gold_diagonal(part, gold, owner)
    finally:
        align_module._evidence = shipped
    for key, value in counts.items():
        print(f"  {variant} vs the baseline, {key}: {value}")


def _on_gold_diagonal(found: set[tuple[int, int]], gold: set[tuple[int, int]], owner: np.ndarray) -> int:
    """How many of the pairs `found` have a gold pair on their diagonal."""
    near, exists = neighbour_pairs(np.array(sorted(found), dtype=np.intp).reshape(-1, 2), owner)
    return sum(any(e and tuple(m) in gold for e, m in zip(*row)) for row in zip(exists, near.tolist()))


def _gold_pairs(event: sharp.SharpEvent, scorer) -> set[tuple[int, int]]:
    """The gold's segment pairs as passage indices."""
    index = {s.id: k for k, s in enumerate(s for a in event.articles for s in a.segments)}
    return {tuple(sorted(index[s] for s in pair)) for pair in sharp.segment_gold(scorer, event)}


def near_decision(data: dict[str, Table]) -> dict[str, Table]:
    """Each event's pairs that the shipped score puts at log-odds >= 0, where rows are decided (fitted and
    scored on them alone)."""
    kept = {e: t.columns["shipped"] >= 0 for e, t in data.items()}
    return {
        e: Table({n: c[kept[e]] for n, c in t.columns.items()}, t.labels[kept[e]]) for e, t in data.items()
    }


def structure_report(data: dict[str, Table]) -> None:
    """Pair F1 held out of the logistic fit (ridge `tune_sharp.STANDARD_L2`) with the structural signals."""
    variants = [
        (),
        ("diag_max",),
        ("diag_mean",),
        ("posdiff",),
        ("diag_max", "posdiff"),
        ("cand_diag_max",),
        ("cand_diag_mean",),
        ("cand_diag_max", "posdiff"),
        ("cand_diag_mean", "posdiff"),
    ]
    near = near_decision(data)
    print(
        f"{'logistic, ridge 0.01, + structural signals':<48} {'pooled F1':>9} {'AP':>6} {'own t':>6}",
        "  near the decision: F1, AP",
    )
    for extra in variants:
        f1, ap, oracle = held_out(data, ridge(tune_sharp.STANDARD_L2), (*BASE, *extra))
        f1_near, ap_near, _ = held_out(near, ridge(tune_sharp.STANDARD_L2), (*BASE, *extra))
        label = " + ".join(extra) or "baseline"
        print(f"{label:<48} {f1:9.3f} {ap:6.3f} {oracle:6.3f}   {f1_near:.3f} {ap_near:.3f}", flush=True)


def rows_report(events: Sequence[sharp.SharpEvent], scorer, data: dict[str, Table]) -> None:
    """Rows of the real aligner with each scorer, leave-one-event-out and in-sample."""
    shipped = align_module._evidence
    align_module._evidence = _batched_evidence
    try:
        builders = (("monotone boosted trees", tree_scorer), ("logistic + mutual best", rank_scorer))
        for label, build in builders:
            held: sharp.Counts = {}
            for event in events:
                others = [e for e in events if e is not event]
                chosen = _pick(scorer, others, build(data, [e.event_id for e in others]))
                held = sharp.add(held, tune_sharp.rows_score(scorer, [event], chosen))
            print(tune_sharp.line(f"{label}, leave-one-event-out", held), flush=True)
            chosen = _pick(scorer, events, build(data, [e.event_id for e in events]))
            print(tune_sharp.line(f"{label}, in-sample", tune_sharp.rows_score(scorer, events, chosen)))
    finally:
        align_module._evidence = shipped


def _pick(scorer, events, at: Callable[[float], _Scorer]) -> _Scorer:
    """The scorer at the threshold (`tune_sharp.THRESHOLDS`) whose rows score best on `events`."""
    return _pick_threshold(scorer, events, at)[0]


def _pick_threshold(scorer, events, at: Callable[[float], _Scorer]) -> tuple[_Scorer, float]:
    """`_pick`, and the threshold it picked."""
    options = [(at(t), t) for t in tune_sharp.THRESHOLDS]
    return max(options, key=lambda s: sharp.prf(tune_sharp.rows_score(scorer, events, s[0])["al"])[2])


def contextual_tables(
    events: Sequence[sharp.SharpEvent], scorer, encoder: Callable[[Sequence[str]], np.ndarray]
) -> dict[str, Table]:
    """`BASE` and `CONTEXTUAL` signals of every gold-covered cross-article segment pair, by event, and the
    shipped score's log-odds."""
    out = {}
    for event in events:
        t = sharp.pair_table(event, scorer)
        i, j = np.array(t.pairs, dtype=np.intp).reshape(-1, 2).T
        cosine, clause = PassageVectors(t.texts, encoder).block(range(len(t.texts)), range(len(t.texts)))
        ctx = np.column_stack([np.maximum(cosine[i, j], 0), np.maximum(clause[i, j], 0)])
        columns = np.hstack([t.signals, ctx, shipped_log_odds(t.signals)[:, None]])
        out[event.event_id] = Table(dict(zip((*BASE, *CONTEXTUAL, "shipped"), columns.T)), t.labels)
    return out


def contextual_report(data: dict[str, Table]) -> None:
    """Pair F1 held out of the logistic fit (ridge `tune_sharp.STANDARD_L2`) with the contextual cosines, and
    how many gold pairs each encoder's cosines let become candidates (`AlignOptions.candidate_floor`)."""
    variants = [
        ("shipped signals (baseline)", BASE),
        ("+ contextual cosine", (*BASE, "ctx")),
        ("+ contextual clause cosine", (*BASE, "ctx_clause")),
        ("+ both contextual cosines", (*BASE, *CONTEXTUAL)),
        ("contextual cosines instead of the shipped ones", REPLACED),
        ("contextual cosine alone", ("ctx",)),
        ("shipped cosine alone", ("semantic",)),
    ]
    near = near_decision(data)
    print(
        f"{'logistic, ridge 0.01':<48} {'pooled F1':>9} {'AP':>6} {'own t':>6}", "  near the decision: F1, AP"
    )
    for label, names in variants:
        f1, ap, oracle = held_out(data, ridge(tune_sharp.STANDARD_L2), names)
        f1_near, ap_near, _ = held_out(near, ridge(tune_sharp.STANDARD_L2), names)
        print(f"{label:<48} {f1:9.3f} {ap:6.3f} {oracle:6.3f}   {f1_near:.3f} {ap_near:.3f}", flush=True)
    floor = align_module.AlignOptions().candidate_floor
    gold = np.concatenate([t.labels for t in data.values()]) == 1
    for label, (a, b) in (("shipped", ("semantic", "clause")), ("contextual", CONTEXTUAL)):
        near_enough = np.concatenate([np.maximum(t.columns[a], t.columns[b]) for t in data.values()]) >= floor
        print(
            f"{label} cosines >= the candidate floor {floor}: {near_enough[gold].mean():.1%} of the gold pairs, "
            f"{near_enough[~gold].mean():.1%} of the others"
        )


def _both_vectors(encoder: Callable[[Sequence[str]], np.ndarray]):
    """A `PassageVectors` factory for the aligner whose vectors also carry the contextual ones."""

    def build(texts: Sequence[str], encode) -> PassageVectors:
        vectors = PassageVectors(texts, encode)
        vectors.contextual = PassageVectors(texts, encoder)  # type: ignore[attr-defined]
        return vectors

    return build


def _contextual_only(encoder: Callable[[Sequence[str]], np.ndarray]):
    """A `PassageVectors` factory for the aligner that embeds with `encoder` instead of the shipped model."""

    def build(texts: Sequence[str], encode) -> PassageVectors:
        return PassageVectors(texts, encoder)

    return build


def _candidates_above(floor: float, candidates):
    """`align.candidates` with another `AlignOptions.candidate_floor` (contextual cosines run lower: at 0.25
    they keep as many gold pairs as the shipped ones at 0.4)."""

    def found(owner, linkable, vectors, options):
        return candidates(owner, linkable, vectors, dataclasses.replace(options, candidate_floor=floor))

    return found


def _contextual_cosines(vectors: PassageVectors, pairs: np.ndarray) -> np.ndarray:
    """`CONTEXTUAL` signals of the pairs (as `pair_signals` clips the cosines: at 0)."""
    rows, cols = np.unique(pairs[:, 0]), np.unique(pairs[:, 1])
    cosine, clause = vectors.block(rows, cols)
    r, c = np.searchsorted(rows, pairs[:, 0]), np.searchsorted(cols, pairs[:, 1])
    return np.maximum(np.column_stack([cosine[r, c], clause[r, c]]), 0)


def _fit_shown(
    data: dict[str, Table], events: Sequence[str], columns: Sequence[str], l2: float
) -> np.ndarray:
    """The logistic fit (ridge `l2`) of `columns` on `events`, its weights printed."""
    x = np.vstack([data[e].matrix(columns) for e in events])
    y = np.concatenate([data[e].labels for e in events])
    w = tune_sharp.fit(x, y, l2=l2)
    print(
        f"    fit on {len(events)} events: bias {w[0]:.2f}, "
        + ", ".join(f"{n} {v:.2f}" for n, v in zip(columns, w[1:])),
        flush=True,
    )
    return w


def contextual_scorer(
    data: dict[str, Table],
    events: Sequence[str],
    names: Sequence[str],
    *,
    replace: bool = False,
    l2: float = tune_sharp.STANDARD_L2,
) -> Callable[[float], Weights | _Scorer]:
    """The logistic score (ridge `l2`) fitted on `events`, blended with the ECB+ fit as shipped. Extra
    `names` (`CONTEXTUAL`) are computed over the aligner's candidate pairs in a second pass and get the sharp
    share of their fit (they have no ECB+ fit); with `replace` the contextual cosines take the place of the
    shipped ones (the aligner must then be given contextual vectors)."""
    w = _fit_shown(data, events, REPLACED if replace else (*BASE, *names), l2)
    pick = [CONTEXTUAL.index(n) for n in names]

    def at(threshold: float) -> Weights | _Scorer:
        weights = tune_sharp.as_weights(w[: 1 + len(BASE)], threshold)
        if replace or not pick:
            return weights
        extra = tune_sharp.SHARP_SHARE * w[1 + len(BASE) :]

        def score_many(signals, pairs, owner, vectors):
            z = shipped_log_odds(_matrix(signals), weights)
            return 1 / (1 + np.exp(-(z + _contextual_cosines(vectors.contextual, pairs)[:, pick] @ extra)))

        return _Scorer(weights, score_many)

    return at


Choice = tuple[Weights | _Scorer, float, align_module.AlignOptions]


def _pick_standard(scorer, events, at: Callable[[float], Weights | _Scorer]) -> Choice:
    """The threshold whose standard rows score the best align F1 on `events` (`tune_sharp`'s rule)."""
    chosen, t = _pick_threshold(scorer, events, at)
    return chosen, t, tune_sharp.STANDARD


def contextual_rows(
    events: Sequence[sharp.SharpEvent],
    scorer,
    data: dict[str, Table],
    variant: str,
    encoder: Callable[[Sequence[str]], np.ndarray],
    eval_dir: Path,
    *,
    strict: bool = False,
) -> None:
    """Rows of one contextual variant (`--contextual`'s SPEC), as `fold_rows` reports them; strict rows:
    the sharp fit under `tune_sharp.STRICT_L2`."""
    spec, _, floor = variant.partition("@")
    replace = spec == "replace"
    names = () if replace else tuple(n for n in spec.split(",") if n)
    l2 = tune_sharp.STRICT_L2 if strict else tune_sharp.STANDARD_L2

    def build(fitted):
        return contextual_scorer(data, fitted, names, replace=replace, l2=l2)

    vectors = _contextual_only(encoder) if replace else _both_vectors(encoder)
    shipped = align_module._evidence, align_module.PassageVectors, align_module.candidates
    align_module._evidence, align_module.PassageVectors = _batched_evidence, vectors
    if floor:
        align_module.candidates = _candidates_above(float(floor), shipped[2])
    try:
        fold_rows(events, scorer, build, variant or "shipped", eval_dir, strict=strict)
    finally:
        align_module._evidence, align_module.PassageVectors, align_module.candidates = shipped


def fold_rows(
    events: Sequence[sharp.SharpEvent],
    scorer,
    build: Callable[[list[str]], Callable[[float], Weights | _Scorer]],
    label: str,
    eval_dir: Path,
    *,
    strict: bool = False,
) -> None:
    """Rows of the scorers `build(fitting events)` gives (at each threshold): each held-out event,
    leave-one-event-out and in-sample (the choice on all six events; standard rows: at each threshold), and
    the seed checks with the in-sample choice. Strict rows: threshold and cohesion picked as
    `tune_sharp.py --strict` picks them."""
    pick = tune_sharp.pick_strict if strict else _pick_standard
    label = f"{label}{', strict' if strict else ''}"
    with sharp.memoised_signals():
        held: sharp.Counts = {}
        for event in events:
            others = [e for e in events if e is not event]
            chosen, t, options = pick(scorer, others, build([e.event_id for e in others]))
            counts = tune_sharp.rows_score(scorer, [event], chosen, options)
            what = f"t={t}" + (f", cohesion={options.cohesion}" if strict else "")
            print(tune_sharp.line(f"  held out {event.event_id} ({what})", counts), flush=True)
            held = sharp.add(held, counts)
        print(tune_sharp.line(f"{label}, leave-one-event-out", held), flush=True)
        at = build([e.event_id for e in events])
        if not strict:
            for t in tune_sharp.THRESHOLDS:
                counts = tune_sharp.rows_score(scorer, events, at(t))
                print(tune_sharp.line(f"{label}, in-sample at t={t}", counts), flush=True)
        chosen, t, options = pick(scorer, events, at)
        what = f"t={t}" + (f", cohesion={options.cohesion}" if strict else "")
        counts = tune_sharp.rows_score(scorer, events, chosen, options)
        print(tune_sharp.line(f"{label}, in-sample ({what})", counts), flush=True)
    print(f"{label}, seeds at the in-sample choice: {_seed_checks(eval_dir, chosen, options)}", flush=True)


Cross = tuple[dict[tuple[str, str], float], float]
"""The cross-encoder's cache: probability by text pair (a < b), and the shipped log-odds it reads from."""


def cross_signals(texts: Sequence[str], pairs: np.ndarray, shipped: np.ndarray, cross: Cross) -> np.ndarray:
    """`CROSS` signals of the pairs, given their shipped log-odds; a pair read but not cached is an error."""
    known, gate = cross
    out = np.zeros((len(pairs), len(CROSS)))
    for row, ((i, j), z) in enumerate(zip(pairs, shipped)):
        if z >= gate:
            a, b = texts[i], texts[j]
            p = known[(a, b) if a <= b else (b, a)]
            out[row] = [np.clip(_logit(p), -CROSS_CLIP, CROSS_CLIP), 1.0]
    return out


def cross_tables(events: Sequence[sharp.SharpEvent], scorer, cross: Cross) -> dict[str, Table]:
    """`BASE` and `CROSS` signals of every gold-covered cross-article segment pair, by event, the shipped
    score's log-odds and the cross-encoder's probability (0 where it did not read the pair)."""
    out = {}
    for event in events:
        t = sharp.pair_table(event, scorer)
        z = shipped_log_odds(t.signals)
        extra = cross_signals(t.texts, np.array(t.pairs, dtype=np.intp).reshape(-1, 2), z, cross)
        probability = np.where(extra[:, 1] == 1, 1 / (1 + np.exp(-extra[:, 0])), 0.0)
        columns = np.hstack([t.signals, extra, z[:, None], probability[:, None]])
        out[event.event_id] = Table(dict(zip((*BASE, *CROSS, "shipped", "cross_p"), columns.T)), t.labels)
    return out


def cross_report(data: dict[str, Table]) -> None:
    """Pair F1 (pooled held-out scores, best threshold) and average precision of the cross-encoder's
    probability alone and of the logistic fit (ridge `tune_sharp.STANDARD_L2`) with its signals; then
    average precision per held-out event."""
    variants = [
        ("shipped signals (baseline)", BASE),
        ("+ cross-encoder log-odds", (*BASE, "cross")),
        ("+ cross-encoder log-odds and read flag", (*BASE, *CROSS)),
        ("cross-encoder log-odds and read flag alone", CROSS),
    ]
    near = near_decision(data)
    print(
        f"{'logistic, ridge 0.01':<48} {'pooled F1':>9} {'AP':>6} {'own t':>6}", "  near the decision: F1, AP"
    )
    scores = {}
    for label, names in variants:
        f1, ap, oracle = held_out(data, ridge(tune_sharp.STANDARD_L2), names)
        f1_near, ap_near, _ = held_out(near, ridge(tune_sharp.STANDARD_L2), names)
        print(f"{label:<48} {f1:9.3f} {ap:6.3f} {oracle:6.3f}   {f1_near:.3f} {ap_near:.3f}", flush=True)
        scores[label] = held_out_scores(data, ridge(tune_sharp.STANDARD_L2), names)
    scores["cross-encoder probability alone"] = {e: t.columns["cross_p"] for e, t in data.items()}
    p = np.concatenate([t.columns["cross_p"] for t in data.values()])
    y = np.concatenate([t.labels for t in data.values()])
    print(f"{'cross-encoder probability alone':<48} {best_f1(p, y)[0]:9.3f} {average_precision(p, y):6.3f}")
    print("per held-out event, F1 at the event's best threshold / AP:")
    print(f"{'':<48} " + " ".join(f"{e:>12}" for e in data))
    for label, by_event in scores.items():
        cells = (
            f"{best_f1(by_event[e], t.labels)[0]:.3f}/{average_precision(by_event[e], t.labels):.3f}"
            for e, t in data.items()
        )
        print(f"{label:<48} " + " ".join(f"{c:>12}" for c in cells), flush=True)


def _with_texts(texts: Sequence[str], encode) -> PassageVectors:
    """A `PassageVectors` for the aligner that also keeps its passages' texts (the cross-encoder's keys)."""
    vectors = PassageVectors(texts, encode)
    vectors.texts = tuple(texts)  # type: ignore[attr-defined]
    return vectors


def cross_scorer(
    data: dict[str, Table], events: Sequence[str], names: Sequence[str], cross: Cross, *, l2: float
) -> Callable[[float], Weights | _Scorer]:
    """The logistic score (ridge `l2`) fitted on `events`, blended with the ECB+ fit as shipped; the extra
    `names` (`CROSS`) are computed over the aligner's candidate pairs in a second pass and get the sharp share
    of their fit (they have no ECB+ fit)."""
    w = _fit_shown(data, events, (*BASE, *names), l2)
    pick = [CROSS.index(n) for n in names]

    def at(threshold: float) -> Weights | _Scorer:
        weights = tune_sharp.as_weights(w[: 1 + len(BASE)], threshold)
        if not pick:
            return weights
        extra = tune_sharp.SHARP_SHARE * w[1 + len(BASE) :]

        def score_many(signals, pairs, owner, vectors):
            m = _matrix(signals)
            z = shipped_log_odds(m, weights)
            read = cross_signals(vectors.texts, pairs, shipped_log_odds(m), cross)
            return 1 / (1 + np.exp(-(z + read[:, pick] @ extra)))

        return _Scorer(weights, score_many)

    return at


def cross_rows(
    events: Sequence[sharp.SharpEvent],
    scorer,
    data: dict[str, Table],
    variant: str,
    cross: Cross,
    eval_dir: Path,
    *,
    strict: bool = False,
) -> None:
    """Rows with the cross-encoder's signals named in `variant` (`fold_rows`)."""
    names = tuple(n for n in variant.split(",") if n)
    l2 = tune_sharp.STRICT_L2 if strict else tune_sharp.STANDARD_L2

    def build(fitted):
        return cross_scorer(data, fitted, names, cross, l2=l2)

    shipped = align_module._evidence, align_module.PassageVectors
    align_module._evidence, align_module.PassageVectors = _batched_evidence, _with_texts
    try:
        fold_rows(
            events, scorer, build, f"cross-encoder {variant}" if names else "shipped", eval_dir, strict=strict
        )
    finally:
        align_module._evidence, align_module.PassageVectors = shipped


def _seed_checks(eval_dir: Path, weights: Weights | _Scorer, options: align_module.AlignOptions) -> str:
    """The seed checks of `benchmarks/evaluate.py` (its alignment items, then all) with the pipeline's rows
    built by these weights and options (and the aligner as patched)."""
    from evaluate import SEED_DIR, seed_alignment_checks
    from evaluate_framing import framing_checks

    from compare_tui.core import pipeline
    from compare_tui.core.settings import Settings
    from compare_tui.core.textnorm import fold

    def aligned_by_these(articles, **kwargs):
        return align_module.align(articles, **{**kwargs, "weights": weights, "options": options})

    gold = json.loads((eval_dir / "seeds-gold.json").read_text(encoding="utf-8"))
    pipeline.align = aligned_by_these
    try:
        comparison = pipeline.compare([SEED_DIR], settings=Settings())
    finally:
        pipeline.align = align_module.align
    aligned = seed_alignment_checks(comparison, gold)
    checks = aligned + framing_checks(comparison, gold, fold)
    failed = "; ".join(c.name for c in checks if not c.passed)
    return (
        f"alignment items {sum(c.passed for c in aligned)}/{len(aligned)}, "
        f"all checks {sum(c.passed for c in checks)}/{len(checks)}"
        + (f" (failed: {failed})" if failed else "")
    )


def run_cached(args: argparse.Namespace, events, scorer, cached, tables_of, report, rows) -> None:
    """`--contextual` or `--cross`: the tables with the cached model's signals, then the pair report, or
    with `--rows` the rows of each `--variant`."""
    data = tables_of(events, scorer, cached)
    if not args.rows:
        report(data)
    for variant in args.variant if args.rows else []:
        rows(events, scorer, data, variant, cached, args.eval_dir, strict=args.strict)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--eval-dir", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "eval"
    )
    parser.add_argument("--rows", action="store_true", help="score the real rows (slower)")
    parser.add_argument("--structure", action="store_true", help="only the structural-support variants")
    parser.add_argument("--strict", action="store_true", help="with --contextual --rows: strict rows")
    parser.add_argument(
        "--variant",
        action="append",
        default=[],
        help="with --structure --rows: names/fallback/neighbours, e.g. diag_max,posdiff/semantic/shipped; "
        "with --contextual --rows: ctx[,ctx_clause], replace, or empty for the shipped signals; "
        "with --cross --rows: cross[,cross_read], or empty",
    )
    parser.add_argument(
        "--contextual",
        type=Path,
        metavar="NPZ",
        help="the contextual-vector cache of benchmarks/contextual_vectors.py: its variants only",
    )
    parser.add_argument(
        "--cross",
        type=Path,
        metavar="NPZ",
        help="the cross-encoder cache of benchmarks/cross_encoder.py: its variants only",
    )
    parser.add_argument(
        "--changes",
        action="store_true",
        help="with --structure: the pairs each --variant's rows join or part",
    )
    parser.add_argument(
        "--thresholds",
        type=lambda v: tuple(float(t) for t in v.split(",")),
        default=tune_sharp.THRESHOLDS,
        help="thresholds a fold may pick with --structure --rows (default: tune_sharp.THRESHOLDS)",
    )
    args = parser.parse_args()
    tune_sharp.THRESHOLDS = args.thresholds
    warnings.filterwarnings("ignore", module="sklearn")
    scorer = sharp.scorer_module(args.eval_dir)
    events = sharp.load_events(args.eval_dir)
    if args.contextual:
        from contextual_vectors import cached_encoder

        cached = cached_encoder(args.contextual)
        run_cached(args, events, scorer, cached, contextual_tables, contextual_report, contextual_rows)
        return 0
    if args.cross:
        from cross_encoder import cached_cross

        run_cached(args, events, scorer, cached_cross(args.cross), cross_tables, cross_report, cross_rows)
        return 0
    data = tables(events, scorer)
    if args.structure and args.changes:
        for variant in args.variant:
            structure_changes(events, scorer, data, variant)
    elif args.structure and args.rows:
        for variant in args.variant or ["/semantic/shipped", "diag_max,posdiff/semantic/shipped"]:
            structure_rows(events, scorer, data, variant)
    elif args.structure:
        structure_report(data)
    elif args.rows:
        rows_report(events, scorer, data)
    else:
        pair_report(data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
