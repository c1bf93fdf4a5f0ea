"""How far can rows go on ECB+? Ceilings that put the aligner's balanced accuracy in context.

    python benchmarks/alignment_ceiling.py [--eval-dir ../shared/eval]

Rows are a partition (every segment in exactly one row), while the ECB+ gold pairs are not transitive. So:

1. gold partition: the best partition of each event's annotated sentences, searched with the gold labels
   themselves. No row-building aligner can score above it.
2. pair score, held out: the logistic pair score (`similarity.Weights`) refitted with each ECB+ topic held
   out in turn and scored on that topic: what the signals predict on events they were not fitted on.
3. rows from that pair score: the annotated sentences alone (no other sentence in the way), partitioned by
   correlation clustering of the held-out log-odds, with the best offset for this data (flattering).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from ecb import load_events
from evaluate import PairCounts, best_threshold, count
from tune_alignment import event_features, fit


def partition(weights: np.ndarray, *, restarts: int = 6, sweeps: int = 30) -> np.ndarray:
    """Labels maximising the summed weight of same-label pairs (local search from several starts).

    `weights` is symmetric with a zero diagonal; zero marks pairs that do not count (same document).
    """
    n = len(weights)
    best_value, best = -np.inf, np.arange(n)
    for start in range(restarts):
        rng = np.random.default_rng(start)
        labels = np.arange(n) if start % 2 == 0 else np.zeros(n, dtype=np.intp)
        for _ in range(sweeps):
            moved = False
            for i in rng.permutation(n):
                gain = np.bincount(labels, weights=weights[i], minlength=n + 1)
                gain[np.setdiff1d(np.arange(n + 1), labels)[0]] = 0.0  # a label of its own
                target = int(np.argmax(gain))
                if gain[target] > gain[labels[i]] + 1e-12:
                    labels[i], moved = target, True
            if not moved:
                break
        value = float((weights * (labels[:, None] == labels[None, :])).sum())
        if value > best_value:
            best_value, best = value, labels.copy()
    return best


def _matrix(n: int, pairs: Sequence[tuple[int, int]], values: np.ndarray) -> np.ndarray:
    out = np.zeros((n, n))
    for (i, j), v in zip(pairs, values):
        out[i, j] = out[j, i] = v
    return out


def _counts(labels: np.ndarray, pairs: Sequence[tuple[int, int]], gold: np.ndarray) -> PairCounts:
    return count((bool(labels[i] == labels[j]), bool(g)) for (i, j), g in zip(pairs, gold))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--eval-dir", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "eval"
    )
    args = parser.parse_args(argv)
    events = load_events(args.eval_dir / "ecbplus-dev.jsonl")
    data = [(e, *event_features(e)) for e in events]
    labels = np.concatenate([y for _, _, y, _ in data])
    positive, negative = labels.sum(), len(labels) - labels.sum()

    gold_total = PairCounts()
    for event, _, y, pairs in data:
        weights = _matrix(len(event.sentences), pairs, np.where(y == 1, 1 / positive, -1 / negative))
        gold_total = gold_total + _counts(partition(weights), pairs, y)
    print(gold_total.line("best partition of the gold"))

    topics = np.concatenate([[e.event_id.split("_")[0]] * len(y) for e, _, y, _ in data])
    x = np.vstack([x for _, x, _, _ in data])
    held_out = np.zeros(len(labels))
    for topic in np.unique(topics):
        train = topics != topic
        w = fit(x[train], labels[train])
        held_out[~train] = 1 / (1 + np.exp(-(w[0] + x[~train] @ w[1:])))
    threshold, pair_counts = best_threshold(list(zip(held_out.tolist(), (labels == 1).tolist())))
    print(pair_counts.line(f"pair score, held out (t={threshold:.2f})"))

    odds = np.log(np.clip(held_out, 1e-4, 1 - 1e-4) / np.clip(1 - held_out, 1e-4, 1))
    best: tuple[float, PairCounts] | None = None
    for offset in (-1.0, -0.5, -0.25, 0.0, 0.25, 0.5, 1.0):
        total, at = PairCounts(), 0
        for event, _, y, pairs in data:
            weights = _matrix(len(event.sentences), pairs, odds[at : at + len(y)] - offset)
            total = total + _counts(partition(weights), pairs, y)
            at += len(y)
        if best is None or total.balanced_accuracy > best[1].balanced_accuracy:
            best = (offset, total)
    assert best is not None
    print(best[1].line(f"rows from it (offset {best[0]:+.2f})"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
