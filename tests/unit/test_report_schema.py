"""The JSON report's invariants (docs/report-schema.md), on the sample and on arbitrary text."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compare_tui import compare
from compare_tui.core.finding_types import FINDING_TYPES
from compare_tui.core.models import Article

SAMPLE = Path(__file__).resolve().parents[2] / "sample_data" / "zelensky-security-guarantees"


def check_invariants(report: dict) -> None:
    """Every segment in exactly one row; every offset slices to what it claims; ids resolve."""
    assert report["schema"] == "compare-tui.report/1"
    texts = {a["id"]: a["text"] for a in report["articles"]}
    segment_ids = [s["id"] for a in report["articles"] for s in a["segments"]]
    in_rows = [sid for row in report["alignment"] for ids in row["segments"].values() for sid in ids]
    assert sorted(in_rows) == sorted(segment_ids) and len(in_rows) == len(set(in_rows))
    for article in report["articles"]:
        previous_end = 0
        for seg in article["segments"]:
            assert previous_end <= seg["start"] < seg["end"] <= len(article["text"])
            assert (
                article["text"][seg["start"] : seg["end"]].strip()
                == article["text"][seg["start"] : seg["end"]]
            )
            previous_end = seg["end"]
    row_ids = {row["id"] for row in report["alignment"]}
    for row in report["alignment"]:
        assert row["status"] in ("match", "partial", "unique") and 0.0 <= row["score"] <= 1.0
        assert (row["status"] == "unique") == (len([a for a, ids in row["segments"].items() if ids]) == 1)
    for finding in report["findings"]:
        assert finding["type"] in FINDING_TYPES
        assert texts[finding["article"]][finding["start"] : finding["end"]] == finding["text"]
        assert finding["row"] is None or finding["row"] in row_ids
        if finding["peers"] is not None:
            assert set(finding["peers"]["present"]).isdisjoint(finding["peers"]["absent"])


def test_sample_report_keeps_the_contract() -> None:
    report = compare([SAMPLE]).to_dict()
    check_invariants(report)
    assert {a["id"] for a in report["articles"]} == {"000_8a159465e6b8163d", "001_076d54ec44685f7b"}
    # the seed pair gives no figure two ways (discrepancies: tests/unit/test_analysis_discrepancy.py)
    assert {f["type"] for f in report["findings"]} == set(FINDING_TYPES) - {"discrepancy"}


def test_report_is_deterministic() -> None:
    assert compare([SAMPLE]).to_json() == compare([SAMPLE]).to_json()


def test_report_is_valid_json_text() -> None:
    text = compare([SAMPLE]).to_json()
    assert json.loads(text)["generator"]["name"] == "compare-tui"


paragraph = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=120)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(paragraph, min_size=1, max_size=4), min_size=1, max_size=3))
def test_arbitrary_unicode_articles_keep_the_invariants(articles: list[list[str]]) -> None:
    given_articles = [
        Article(id=f"x{i}", source=f"x{i}.txt", text="\n\n".join(paragraphs))
        for i, paragraphs in enumerate(articles)
    ]
    first = compare(given_articles).to_dict()
    check_invariants(first)
    assert compare(given_articles).to_dict() == first
