"""Alignment quality on the sharp dev set ("the same specific fact"), as the table of issue 10.

    python benchmarks/evaluate_sharp.py [--eval-dir ../shared/eval] [--no-loeo]

Reads `sharp-dev.json` and its scorer `score_sharp.py` from the eval folder (skips with a note when they are
not there). Prints, over all cross-article sentence pairs: three pairwise baselines with the threshold that
is best on the gold itself (flattering them), the shipped aligner's rows, standard and strict
(`alignment = "strict"`), and — unless `--no-loeo` — each refitted leave-one-event-out (`tune_sharp.py`:
weights, threshold and, for strict rows, the cohesion fitted on five events, the sixth scored), which is the
figure to expect on news it was not fitted on.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from collections.abc import Sequence
from itertools import combinations
from pathlib import Path
from types import ModuleType

import numpy as np
from rapidfuzz import fuzz
from sharp import Counts, SharpEvent, add, load_events, memoised_signals, pair_features, prf, scorer_module
from tune_sharp import fold_weights, rows_score

from compare_tui.core.align import AlignOptions
from compare_tui.core.embeddings import encode
from compare_tui.core.similarity import stem, stopwords
from compare_tui.core.textnorm import fold, tokenize

REPO = Path(__file__).resolve().parents[1]


def _content(text: str) -> str:
    stop = stopwords()
    return " ".join(stem(t.text) for t in tokenize(fold(text)) if t.text.lower() not in stop)


def sentence_pairs(scorer: ModuleType, event: SharpEvent) -> tuple[list[tuple[str, str]], list[bool]]:
    """Texts and gold labels of every pair of body sentences of different articles."""
    gold, _, _ = scorer.gold_sets(event.raw)
    sents = [((a["id"], s["sid"]), s["text"]) for a in event.raw["articles"] for s in a["sentences"]]
    texts, labels = [], []
    for (x, tx), (y, ty) in combinations(sents, 2):
        if x[0] != y[0]:
            texts.append((tx, ty))
            labels.append(frozenset((x, y)) in gold)
    return texts, labels


def best_threshold(scores: np.ndarray, labels: np.ndarray) -> tuple[float, float, float, float]:
    """(precision, recall, F1, threshold) at the threshold with the best F1 on these labels."""
    order = np.argsort(-scores, kind="stable")
    tp = np.cumsum(labels[order])
    k = np.arange(1, len(scores) + 1)
    precision, recall = tp / k, tp / max(1, labels.sum())
    f1 = 2 * precision * recall / np.maximum(precision + recall, 1e-12)
    b = int(f1.argmax())
    return float(precision[b]), float(recall[b]), float(f1[b]), float(scores[order][b])


def baselines(scorer: ModuleType, events: Sequence[SharpEvent]) -> list[str]:
    """Table lines for the pairwise baselines, each at its best threshold on the gold."""
    pairs, labels = [], []
    for event in events:
        texts, gold = sentence_pairs(scorer, event)
        pairs += texts
        labels += gold
    y = np.array(labels, dtype=float)
    unique = sorted({t for pair in pairs for t in pair})
    vectors = dict(zip(unique, np.asarray(encode(unique), dtype=np.float32)))
    scored = {
        "difflib ratio": [difflib.SequenceMatcher(None, a, b).ratio() for a, b in pairs],
        "rapidfuzz token_sort on content words": [
            fuzz.token_sort_ratio(_content(a), _content(b)) / 100 for a, b in pairs
        ],
        "model2vec cosine (the shipped model)": [float(vectors[a] @ vectors[b]) for a, b in pairs],
    }
    lines = []
    for name, values in scored.items():
        p, r, f, t = best_threshold(np.array(values), y)
        lines.append(f"| {name}, best threshold on the gold ({t:.2f}) | {p:.3f} | {r:.3f} | {f:.3f} | – |")
    return lines


def row_line(name: str, counts: Counts) -> str:
    p, r, f = prf(counts["al"])
    return f"| {name} | {p:.3f} | {r:.3f} | **{f:.3f}** | {prf(counts['un'])[2]:.3f} |"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=REPO.parent / "shared" / "eval")
    parser.add_argument("--no-loeo", action="store_true", help="skip the leave-one-event-out refit (slow)")
    args = parser.parse_args(argv)
    if not (args.eval_dir / "sharp-dev.json").exists() or not (args.eval_dir / "score_sharp.py").exists():
        print(f"sharp dev set not found in {args.eval_dir}: nothing to evaluate")
        return 0
    scorer = scorer_module(args.eval_dir)
    events = load_events(args.eval_dir)
    print("| on sharp-dev | align P | align R | align F1 | unique-passage F1 |")
    print("|---|---|---|---|---|")
    with memoised_signals():
        table = {} if args.no_loeo else {e.event_id: pair_features(e, scorer) for e in events}
        for name, strict in (("standard rows", False), ('strict rows (alignment = "strict")', True)):
            print(
                row_line(
                    f"compare-tui, {name}, in-sample",
                    rows_score(scorer, events, None, AlignOptions(strict=strict)),
                )
            )
            if args.no_loeo:
                continue
            held_out: Counts = {}
            for event in events:
                others = [e for e in events if e is not event]
                weights, _, options = fold_weights(scorer, others, table, strict=strict)
                held_out = add(held_out, rows_score(scorer, [event], weights, options))
            print(row_line(f"compare-tui, {name}, refitted leave-one-event-out", held_out))
        for line in baselines(scorer, events):
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
