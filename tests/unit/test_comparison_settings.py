"""A comparison carries the settings that shaped it as one typed value; the report's `settings` is unchanged."""

from __future__ import annotations

import json
from pathlib import Path

from compare_tui.core.comparison import Comparison, ComparisonSettings
from compare_tui.core.pipeline import compare

SAMPLE = Path(__file__).resolve().parents[2] / "sample_data" / "zelensky-security-guarantees"


def test_compare_records_its_threshold_typed_and_the_report_keeps_its_field() -> None:
    comparison = compare([SAMPLE], threshold=0.7)
    assert comparison.settings == ComparisonSettings(match_threshold=0.7, alignment="standard")
    assert json.loads(comparison.to_json())["settings"] == {"match_threshold": 0.7, "alignment": "standard"}


def test_a_comparison_built_without_settings_reports_an_empty_object() -> None:
    comparison = Comparison(articles=(), rows=())
    assert comparison.settings is None
    assert comparison.to_dict()["settings"] == {}
