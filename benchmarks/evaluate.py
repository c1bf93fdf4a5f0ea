"""Quality of alignment (and, via evaluate_framing, of the framing analysis), measured on data with known answers.

    python benchmarks/evaluate.py [--eval-dir ../shared/eval] [--threshold T] [--alignment strict] [--no-baselines]

Prints: every check of the seed gold (`seeds-gold.json`), and pair precision, recall, F1 and balanced accuracy
on the ECB+ dev clusters beside simple baselines whose thresholds are tuned on the same data. Exits 1 when a
seed check fails.
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ecb import EcbEvent, Sentence, load_events
from evaluate_framing import CheckResult, flag_rates, framing_checks
from rapidfuzz import fuzz

from compare_tui.core.align import AlignOptions, align
from compare_tui.core.comparison import Comparison
from compare_tui.core.embeddings import encode
from compare_tui.core.pipeline import compare
from compare_tui.core.segment import segment_article
from compare_tui.core.settings import ALIGNMENT_MODES, Settings
from compare_tui.core.similarity import stem, stopwords
from compare_tui.core.textnorm import fold, tokenize

REPO = Path(__file__).resolve().parents[1]
SEED_DIR = REPO / "sample_data" / "zelensky-security-guarantees"
STANDARD = AlignOptions()


@dataclass(frozen=True, slots=True)
class PairCounts:
    """Confusion counts over candidate sentence pairs."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def __add__(self, other: PairCounts) -> PairCounts:
        return PairCounts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn, self.tn + other.tn)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def balanced_accuracy(self) -> float:
        specificity = self.tn / (self.tn + self.fp) if self.tn + self.fp else 0.0
        return (self.recall + specificity) / 2

    def line(self, name: str) -> str:
        return (
            f"{name:<34} P {self.precision:.3f}  R {self.recall:.3f}  F1 {self.f1:.3f}  "
            f"BA {self.balanced_accuracy:.3f}  (tp {self.tp} fp {self.fp} fn {self.fn} tn {self.tn})"
        )


def count(pairs: Iterable[tuple[bool, bool]]) -> PairCounts:
    """Confusion counts from (predicted, gold) pairs."""
    tp = fp = fn = tn = 0
    for predicted, gold in pairs:
        tp += predicted and gold
        fp += predicted and not gold
        fn += gold and not predicted
        tn += not predicted and not gold
    return PairCounts(tp, fp, fn, tn)


# --- seeds -------------------------------------------------------------------------------------------------


def _find(article_text: str, needle: str) -> tuple[int, int] | None:
    at = fold(article_text).find(fold(needle))
    return None if at < 0 else (at, at + len(needle))


def _rows_overlapping(comparison: Comparison, article_id: str, span: tuple[int, int]) -> set[str]:
    article = comparison.article_by_id[article_id]
    return {
        comparison.row_of_segment[s.id] for s in article.segments if s.start < span[1] and span[0] < s.end
    }


def seed_alignment_checks(comparison: Comparison, gold: dict) -> list[CheckResult]:
    """The `aligned`, `not_aligned`, `boilerplate` and `metadata` items of the seed gold."""
    ids = {key: Path(name).stem for key, name in gold["articles"].items()}
    results: list[CheckResult] = []
    for kind, want in (("aligned", True), ("not_aligned", False)):
        for item in gold[kind]:
            spans = {k: _find(comparison.article_by_id[ids[k]].text, item[k]) for k in ("a", "b")}
            if None in spans.values():
                results.append(CheckResult(f"{kind}: {item['a'][:40]}…", False, "passage not found"))
                continue
            shared = _rows_overlapping(comparison, ids["a"], spans["a"]) & _rows_overlapping(
                comparison, ids["b"], spans["b"]
            )
            results.append(
                CheckResult(f"{kind}: {item['a'][:40]}… ~ {item['b'][:30]}…", bool(shared) == want)
            )
    for key, lines in gold["boilerplate"].items():
        article = comparison.article_by_id[ids[key]]
        for line in lines:
            gone = fold(line) not in fold(article.text)
            listed = any(fold(line) in fold(r.text) for r in article.removed)
            results.append(
                CheckResult(f"boilerplate {key}: {line}", gone and listed, f"gone={gone} listed={listed}")
            )
    for key, fields in gold["metadata"].items():
        article = comparison.article_by_id[ids[key]]
        for field, value in fields.items():
            got = getattr(article, field)
            results.append(CheckResult(f"metadata {key}.{field} = {value}", got == value, f"got {got!r}"))
    return results


# --- ECB+ ----------------------------------------------------------------------------------------------------


def predicted_pairs(
    event: EcbEvent, *, threshold: float, options: AlignOptions = STANDARD
) -> list[tuple[bool, bool]]:
    """Align one event with the real aligner; a pair is predicted aligned iff its sentences share a row."""
    articles = tuple(segment_article(a) for a in event.articles)
    rows = align(articles, threshold=threshold, options=options)
    row_of = {sid: r.id for r in rows for ids in r.segments.values() for sid in ids}
    by_id = {a.id: a for a in articles}

    def rows_of(s: Sentence) -> set[str]:
        return {row_of[g.id] for g in by_id[s.doc].segments if g.start < s.end and s.start < g.end}

    return [(bool(rows_of(x) & rows_of(y)), gold) for x, y, gold in event.candidate_pairs()]


def _content_stems(text: str) -> str:
    stop = stopwords()
    return " ".join(stem(t.text) for t in tokenize(fold(text)) if t.text.lower() not in stop)


Scorer = Callable[[EcbEvent], list[tuple[float, bool]]]


def _difflib(event: EcbEvent) -> list[tuple[float, bool]]:
    return [
        (difflib.SequenceMatcher(None, event.text_of(x), event.text_of(y)).ratio(), g)
        for x, y, g in event.candidate_pairs()
    ]


def _token_sort(event: EcbEvent) -> list[tuple[float, bool]]:
    return [
        (fuzz.token_sort_ratio(_content_stems(event.text_of(x)), _content_stems(event.text_of(y))) / 100, g)
        for x, y, g in event.candidate_pairs()
    ]


def _cosine(event: EcbEvent) -> list[tuple[float, bool]]:
    vectors = {s: v for s, v in zip(event.sentences, encode([event.text_of(s) for s in event.sentences]))}
    return [(float(vectors[x] @ vectors[y]), g) for x, y, g in event.candidate_pairs()]


BASELINES: dict[str, Scorer] = {
    "difflib ratio": _difflib,
    "token_sort_ratio, stemmed content": _token_sort,
    "model2vec cosine": _cosine,
}


def best_threshold(scored: Sequence[tuple[float, bool]]) -> tuple[float, PairCounts]:
    """The threshold with the highest balanced accuracy (tuned on the same data: an optimistic baseline)."""
    candidates = sorted({round(s, 3) for s, _ in scored})
    best = (0.0, count((True, g) for _, g in scored))
    for t in candidates:
        counts = count((s >= t, g) for s, g in scored)
        if counts.balanced_accuracy > best[1].balanced_accuracy:
            best = (t, counts)
    return best


def ecb_report(
    events: Sequence[EcbEvent], *, threshold: float, baselines: bool, options: AlignOptions = STANDARD
) -> list[str]:
    """Lines for the ECB+ section: the aligner, then each baseline at its best threshold."""
    total = PairCounts()
    for event in events:
        total = total + count(predicted_pairs(event, threshold=threshold, options=options))
    mode = ", strict rows" if options.strict else ""
    lines = [total.line(f"compare-tui aligner (t={threshold:.2f}{mode})")]
    if baselines:
        for name, scorer in BASELINES.items():
            scored = [p for e in events for p in scorer(e)]
            t, counts = best_threshold(scored)
            lines.append(counts.line(f"{name} (t={t:.3f})"))
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=REPO.parent / "shared" / "eval")
    parser.add_argument("--threshold", type=float, default=Settings().match_threshold)
    parser.add_argument("--alignment", choices=ALIGNMENT_MODES, default=Settings().alignment)
    parser.add_argument("--no-baselines", action="store_true")
    args = parser.parse_args(argv)
    options = AlignOptions(strict=args.alignment == "strict")

    gold = json.loads((args.eval_dir / "seeds-gold.json").read_text(encoding="utf-8"))
    settings = Settings(match_threshold=args.threshold, alignment=args.alignment)
    comparison = compare([SEED_DIR], settings=settings)
    checks = seed_alignment_checks(comparison, gold) + framing_checks(comparison, gold, fold)
    print("== seed articles (seeds-gold.json)")
    for check in checks:
        print(
            f"  {'PASS' if check.passed else 'FAIL'}  {check.name}"
            + (f"  [{check.detail}]" if not check.passed and check.detail else "")
        )
    passed = sum(c.passed for c in checks)
    print(f"  {passed}/{len(checks)} seed checks pass")
    print("\n== sentences with editorial or loaded-language findings (seed articles)")
    for rate in flag_rates(comparison):
        print(f"  {rate.article:<24} {rate.flagged:>3}/{rate.sentences:<3} ({rate.share:.0%})")

    print("\n== ECB+ dev (annotated sentence pairs, micro-averaged over events)")
    for line in ecb_report(
        load_events(args.eval_dir / "ecbplus-dev.jsonl"),
        threshold=args.threshold,
        baselines=not args.no_baselines,
        options=options,
    ):
        print("  " + line)
    return 0 if passed == len(checks) else 1


if __name__ == "__main__":
    sys.exit(main())
