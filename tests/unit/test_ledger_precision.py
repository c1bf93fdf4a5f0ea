"""The ledger's precision on the 100 hand-labelled entries of the bundled samples stays at 0.9 or above."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from evaluate_ledger import ledger_precision


def test_ledger_precision_on_hand_labelled_entries_is_at_least_0_9() -> None:
    result = ledger_precision()
    assert result.matched >= 90, f"only {result.matched} labelled entries left: label the new ones"
    assert result.precision >= 0.9, [item["label"] for item in result.wrong]
