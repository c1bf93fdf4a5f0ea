"""The hand labels of attribution findings (benchmarks/attribution_precision.py reads them) stay usable."""

from __future__ import annotations

import json
from pathlib import Path

LABELS = Path(__file__).resolve().parents[1] / "fixtures" / "attribution_labels.json"


def test_labels_name_findings_and_say_whether_they_are_right() -> None:
    labels = json.loads(LABELS.read_text(encoding="utf-8"))["labels"]
    assert len(labels) >= 50
    keys = {(x["sample"], x["article"], x["start"], x["text"]) for x in labels}
    assert len(keys) == len(labels)
    assert all(isinstance(x["correct"], bool) and x["note"] for x in labels)
    assert {x["sample"] for x in labels} <= {
        "sudan",
        "zelensky",
        "sudan[:6]",
        "sudan[6:]",
        "sudan[::2]",
        "sudan[1::2]",
        "sudan[::3]",
        "sudan[3:9]",
        "sudan[4:10]",
        "sudan[5:8]",
        "sudan[6:9]",
        "sudan[7:10]",
        "sudan[8:11]",
    }
