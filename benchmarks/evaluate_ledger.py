"""Precision of the omission ledger on 100 hand-labelled entries of the bundled samples.

    python benchmarks/evaluate_ledger.py

`tests/fixtures/ledger_labels.json` holds 100 ledger entries (sample, key, label, kind) drawn at random from
what `fact_ledger` gave on `sample_data/*`, each read in its article and labelled a correct fact or not (its
`about` field says how). This script recomputes the ledger, matches the labelled entries by sample and key,
and prints the precision over those still in the ledger, the wrong ones, the labelled entries the ledger no
longer gives, and how many current entries have no label. `tests/unit/test_ledger_precision.py` keeps the
precision at 0.9 or above.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from compare_tui.core.analysis import FactEntry, fact_ledger
from compare_tui.core.loading import load_sources
from compare_tui.core.segment import segment_article
from compare_tui.core.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "tests" / "fixtures" / "ledger_labels.json"


@dataclass(frozen=True, slots=True)
class LedgerPrecision:
    """The labelled entries the ledger still gives, how many are correct, and what is gone or unlabelled."""

    matched: int
    correct: int
    wrong: tuple[dict[str, object], ...]
    gone: tuple[dict[str, object], ...]
    unlabelled: int

    @property
    def precision(self) -> float:
        """Correct facts among the labelled entries the ledger still gives."""
        return self.correct / self.matched if self.matched else 0.0


def sample_ledgers(root: Path = ROOT) -> dict[str, tuple[FactEntry, ...]]:
    """The ledger of every bundled sample, keyed by the sample's directory name."""
    ledgers = {}
    for directory in sorted((root / "sample_data").iterdir()):
        loaded = load_sources(sorted(p for p in directory.iterdir() if p.suffix == ".txt"), settings=Settings())
        ledgers[directory.name] = fact_ledger([segment_article(a) for a in loaded.articles])
    return ledgers


def ledger_precision(labels_path: Path = LABELS, root: Path = ROOT) -> LedgerPrecision:
    """Compare the current ledger of the samples with the hand labels."""
    labels = json.loads(labels_path.read_text("utf-8"))["labels"]
    current = {(sample, e.key) for sample, entries in sample_ledgers(root).items() for e in entries}
    present = [x for x in labels if (x["sample"], x["key"]) in current]
    labelled = {(x["sample"], x["key"]) for x in labels}
    return LedgerPrecision(
        matched=len(present),
        correct=sum(bool(x["correct"]) for x in present),
        wrong=tuple(x for x in present if not x["correct"]),
        gone=tuple(x for x in labels if (x["sample"], x["key"]) not in current),
        unlabelled=len(current - labelled),
    )


def main() -> None:
    result = ledger_precision()
    print(f"ledger precision {result.correct}/{result.matched} = {result.precision:.3f} (hand-labelled entries)")
    for item in result.wrong:
        print(f"  not a fact: {item['kind']} {item['label']!r}: {item.get('note', '')}")
    for item in result.gone:
        print(f"  no longer in the ledger: {item['kind']} {item['label']!r} (labelled correct={item['correct']})")
    print(f"  current entries without a label: {result.unlabelled}")


if __name__ == "__main__":
    main()
