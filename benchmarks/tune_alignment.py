"""Fit the logistic weights of the pair score (`similarity.Weights`) on the ECB+ dev pairs.

    python benchmarks/tune_alignment.py [--eval-dir ../shared/eval]

Each annotated sentence is a passage; IDF comes from all sentences of its event. Prints the fitted weights
(paste them into `Weights` defaults) and the pair-level balanced accuracy at the best threshold. Tuned on
nothing but the dev data, as the issue asks; the seed checks of evaluate.py guard against over-fitting it.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import fields
from pathlib import Path

import numpy as np
from ecb import EcbEvent, load_events
from evaluate import best_threshold

from compare_tui.core.embeddings import encode
from compare_tui.core.similarity import PairSignals, Weights, clauses, idf_weights, pair_signals, profile


def event_features(event: EcbEvent) -> tuple[np.ndarray, np.ndarray, list[tuple[int, int]]]:
    """Signal vectors, gold labels and (sentence, sentence) indices of one event's candidate pairs."""
    lines = [line for a in event.articles for line in a.text.splitlines() if line.strip()]
    idf = idf_weights(profile(line) for line in lines)
    texts = [event.text_of(s) for s in event.sentences]
    profiles = [profile(t) for t in texts]
    vectors = encode(texts)
    pieces = [encode(clauses(t)) for t in texts]
    index = {s: n for n, s in enumerate(event.sentences)}
    rows, labels, pairs = [], [], []
    for x, y, gold in event.candidate_pairs():
        i, j = index[x], index[y]
        signals = pair_signals(
            profiles[i],
            profiles[j],
            cosine=float(vectors[i] @ vectors[j]),
            clause_cosine=float((pieces[i] @ pieces[j].T).max()),
            idf=idf,
        )
        rows.append(list(signals.as_dict().values()))
        labels.append(gold)
        pairs.append((i, j))
    return np.array(rows, dtype=np.float64), np.array(labels, dtype=np.float64), pairs


def features(eval_dir: Path) -> tuple[np.ndarray, np.ndarray]:
    """Signal vectors and gold labels of every candidate pair of every event."""
    per_event = [event_features(e) for e in load_events(eval_dir / "ecbplus-dev.jsonl")]
    return np.vstack([x for x, _, _ in per_event]), np.concatenate([y for _, y, _ in per_event])


def fit(
    x: np.ndarray, y: np.ndarray, *, l2: float = 1e-3, steps: int = 4000, rate: float = 0.5
) -> np.ndarray:
    """Class-balanced logistic regression by gradient descent; returns [bias, weights...]."""
    x1 = np.hstack([np.ones((len(x), 1)), x])
    balance = np.where(y == 1, 0.5 / y.mean(), 0.5 / (1 - y.mean()))
    w = np.zeros(x1.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-x1 @ w))
        grad = x1.T @ ((p - y) * balance) / len(y) + l2 * np.r_[0, w[1:]]
        w -= rate * grad
    return w


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--eval-dir", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "eval"
    )
    args = parser.parse_args()
    x, y = features(args.eval_dir)
    w = fit(x, y)
    names = [f.name for f in fields(PairSignals)]
    weights = Weights(bias=round(float(w[0]), 2), **{n: round(float(v), 2) for n, v in zip(names, w[1:])})
    scored = [(weights.score(PairSignals(**dict(zip(names, row)))), bool(gold)) for row, gold in zip(x, y)]
    threshold, counts = best_threshold(scored)
    print(weights)
    print(counts.line(f"pair level (t={threshold:.3f})"))
    for n, column in zip(names, x.T):
        print(f"  {n:<12} mean aligned {column[y == 1].mean():.3f}  not aligned {column[y == 0].mean():.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
