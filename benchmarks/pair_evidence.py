"""What a candidate pair signal adds to the aligner's pair score on sharp-dev, held out by event.

    python benchmarks/pair_evidence.py [--eval-dir ../shared/eval] [--rows SIGNAL,...] [--strict]

Without `--rows`: the pair table (every cross-article segment pair the gold speaks about) gets the
aligner's signals from before the slots (`SHIPPED_SLOTS` left out) plus the act / time / place / figure slot
signals of `fact_slots.py`; for each variant (those signals alone, then with each slot signal and group of
them) a logistic score is fitted on five events and scores the sixth (`tune_sharp.fit`). Printed: pair F1 of the pooled held-out scores at their
best threshold, pair F1 when each fold picks its threshold on its own five events, average precision of
the held-out scores, and the in-sample best F1 (fit and threshold on all six).

With `--rows`: the named slot signals are added to the aligner's evidence (beside the shipped ones) in-process (the aligner's
`pair_signals_of` is replaced for this run, the slot weights get the sharp share of `tune_sharp`'s blend)
and `tune_sharp`'s leave-one-event-out loop scores the real rows (`--strict`: strict rows), as
`tune_sharp.py` does for the shipped signals.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from pathlib import Path

import numpy as np
import sharp
import tune_sharp
from fact_slots import SIGNALS, slot_signals

import compare_tui.core.align as align_module
from compare_tui.core.similarity import PairSignals, Weights

GROUPS = {
    "content": ("content_lex", "content_cont", "content_cos"),
    "act": ("act_first_cos", "act_first_same", "act_soft", "act_jacc", "act_missing"),
    "time": ("time_conflict", "time_match"),
    "place": ("place_conflict", "place_match"),
    "numbers": ("num_conflict", "num_match"),
    "content_lex act_soft place_match time_match": ("content_lex", "act_soft", "place_match", "time_match"),
    "all slot signals": SIGNALS,
}

Table = Mapping[str, tuple[np.ndarray, np.ndarray]]
SHIPPED_SLOTS = ("content", "act", "place", "time")
"""`PairSignals` that came from these experiments (content_lex, act_soft, place_match, time_match)."""


def best_f1(score: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    """The best F1 over thresholds and the threshold that gives it."""
    order = np.argsort(-score, kind="stable")
    hits = np.cumsum(labels[order])
    precision = hits / np.arange(1, len(order) + 1)
    recall = hits / max(labels.sum(), 1)
    f1 = np.where(precision + recall > 0, 2 * precision * recall / (precision + recall + 1e-12), 0.0)
    k = int(f1.argmax())
    return float(f1[k]), float(score[order][k])


def average_precision(score: np.ndarray, labels: np.ndarray) -> float:
    order = np.argsort(-score, kind="stable")
    hits = labels[order]
    precision = np.cumsum(hits) / np.arange(1, len(order) + 1)
    return float(precision[hits == 1].mean()) if hits.any() else 0.0


def _probability(w: np.ndarray, x: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-(w[0] + x @ w[1:])))


def held_out(table: Table) -> tuple[float, float, float, float]:
    """(pooled best F1, F1 at each fold's own threshold, average precision, in-sample best F1)."""
    ids = list(table)
    scores, labels, counts = [], [], np.zeros(3)
    for event in ids:
        x = np.vstack([table[e][0] for e in ids if e != event])
        y = np.concatenate([table[e][1] for e in ids if e != event])
        w = tune_sharp.fit(x, y)
        _, threshold = best_f1(_probability(w, x), y)
        p, truth = _probability(w, table[event][0]), table[event][1]
        scores.append(p)
        labels.append(truth)
        chosen = p >= threshold
        counts += [
            np.sum(chosen & (truth == 1)),
            np.sum(chosen & (truth == 0)),
            np.sum(~chosen & (truth == 1)),
        ]
    p, y = np.concatenate(scores), np.concatenate(labels)
    tp, fp, fn = counts
    x_all = np.vstack([table[e][0] for e in ids])
    y_all = np.concatenate([table[e][1] for e in ids])
    in_sample = best_f1(_probability(tune_sharp.fit(x_all, y_all), x_all), y_all)[0]
    return best_f1(p, y)[0], 2 * tp / (2 * tp + fp + fn), average_precision(p, y), in_sample


def pair_report(events: Sequence[sharp.SharpEvent], scorer) -> None:
    tables = {e.event_id: sharp.pair_table(e, scorer) for e in events}
    slots = {k: slot_signals(t.texts, t.pairs) for k, t in tables.items()}
    before = [k for k, f in enumerate(fields(PairSignals)) if f.name not in SHIPPED_SLOTS]

    def variant(names: Sequence[str]) -> Table:
        columns = [SIGNALS.index(n) for n in names]
        return {
            k: (np.hstack([t.signals[:, before], slots[k][:, columns]]), t.labels) for k, t in tables.items()
        }

    print(f"{'signals':<52} {'pooled F1':>9} {'fold F1':>8} {'AP':>6} {'in-sample':>9}")
    variants = [("aligner's signals before the slots (baseline)", ())]
    variants += [(f"+ {n}", (n,)) for n in SIGNALS]
    variants += [(f"+ {name}", names) for name, names in GROUPS.items()]
    for label, names in variants:
        pooled, fold, ap, in_sample = held_out(variant(names))
        print(f"{label:<52} {pooled:9.3f} {fold:8.3f} {ap:6.3f} {in_sample:9.3f}", flush=True)


@dataclass(frozen=True)
class _Evidence:
    """The aligner's signals of a pair and the slot signals beside them."""

    base: PairSignals
    slots: tuple[float, ...]
    names: tuple[str, ...]

    def as_dict(self) -> dict[str, float]:
        return {**self.base.as_dict(), **dict(zip(self.names, self.slots))}


@dataclass(frozen=True)
class _SlotWeights:
    """The aligner's weights plus one weight per slot signal, added to the log-odds."""

    base: Weights
    slots: tuple[float, ...]

    def semantic_score(self, cosine: np.ndarray, clause_cosine: np.ndarray) -> np.ndarray:
        return self.base.semantic_score(cosine, clause_cosine)

    def score(self, s: _Evidence) -> float:
        p = min(max(self.base.score(s.base), 1e-12), 1 - 1e-12)
        z = math.log(p / (1 - p)) + sum(w * x for w, x in zip(self.slots, s.slots))
        return 1 / (1 + math.exp(-z))


def rows_report(events: Sequence[sharp.SharpEvent], scorer, names: tuple[str, ...], strict: bool) -> None:
    """`tune_sharp`'s leave-one-event-out rows with the named slot signals in the evidence."""
    columns = [SIGNALS.index(n) for n in names]
    shipped = align_module.pair_signals_of
    blend = tune_sharp.as_weights
    width = 1 + len(fields(PairSignals))

    def with_slots(texts, cosines, encode=None, *, words=None):
        signals = shipped(texts, cosines, encode, words=words)
        pairs = list(signals)
        extra = slot_signals(texts, pairs)[:, columns]
        return {p: _Evidence(signals[p], tuple(map(float, row)), names) for p, row in zip(pairs, extra)}

    def as_weights(w: np.ndarray, threshold: float = 0.5) -> _SlotWeights:
        share = tune_sharp.SHARP_SHARE  # the slot signals have no ECB+ fit: only the sharp share of theirs
        return _SlotWeights(blend(w[:width], threshold), tuple(round(share * float(x), 2) for x in w[width:]))

    align_module.pair_signals_of = sharp.pair_signals_of = with_slots
    tune_sharp.as_weights = as_weights
    try:
        table = {e.event_id: sharp.pair_features(e, scorer) for e in events}
        held: sharp.Counts = {}
        for event in events:
            others = [e for e in events if e is not event]
            weights, t, options = tune_sharp.fold_weights(scorer, others, table, strict=strict)
            counts = tune_sharp.rows_score(scorer, [event], weights, options)
            held = sharp.add(held, counts)
            print(
                tune_sharp.line(f"held out {event.event_id} (t={t:.1f}, cohesion={options.cohesion})", counts)
            )
        weights, t, options = tune_sharp.fold_weights(scorer, events, table, strict=strict)
        print(tune_sharp.line("leave-one-event-out", held))
        in_sample = tune_sharp.rows_score(scorer, events, weights, options)
        print(tune_sharp.line(f"in-sample (t={t:.1f}, cohesion={options.cohesion})", in_sample))
        print(weights)
    finally:
        align_module.pair_signals_of = sharp.pair_signals_of = shipped
        tune_sharp.as_weights = blend


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--eval-dir", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "eval"
    )
    parser.add_argument("--rows", help="comma-separated slot signals to add to the real rows' evidence")
    parser.add_argument("--strict", action="store_true", help="with --rows: strict rows")
    args = parser.parse_args()
    scorer = sharp.scorer_module(args.eval_dir)
    events = sharp.load_events(args.eval_dir)
    if args.rows:
        names = tuple(n.strip() for n in args.rows.split(",") if n.strip())
        unknown = sorted(set(names) - set(SIGNALS))
        if unknown:
            parser.error(f"unknown slot signals: {', '.join(unknown)} (known: {', '.join(SIGNALS)})")
        rows_report(events, scorer, names, args.strict)
    else:
        pair_report(events, scorer)
    return 0


if __name__ == "__main__":
    sys.exit(main())
