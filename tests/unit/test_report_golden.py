"""Golden files of the Markdown and HTML reports: any change to their output shows up as a diff to review.

Regenerate after an intended change with `UPDATE_GOLDEN=1 pytest tests/unit/test_report_golden.py`, then read
the diff of tests/golden/ before committing it.
"""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from report_samples import handmade_comparison
from test_report_content import assert_no_external_request

from compare_tui.core.comparison import Comparison
from compare_tui.core.correcting import correct
from compare_tui.core.corrections import Correction, make_correction
from compare_tui.core.export import render_report
from compare_tui.core.pipeline import compare
from compare_tui.core.settings import Settings
from compare_tui.core.triage import TriageState, lookup

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden"
SAMPLE = ROOT / "sample_data" / "zelensky-security-guarantees"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
FIXED_TIME = datetime(2026, 1, 9, 12, 0, tzinfo=UTC)


def check_golden(name: str, text: str) -> None:
    """Compare `text` with the golden file `name`, or rewrite the file when UPDATE_GOLDEN=1."""
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
        return
    assert path.is_file(), f"{path} is missing: run with UPDATE_GOLDEN=1 to create it"
    expected = path.read_text(encoding="utf-8")
    assert text == expected, (
        f"{name} differs from its golden file: run with UPDATE_GOLDEN=1 and review the diff"
    )


def sample_triage(comparison: Comparison) -> TriageState:
    """Decisions on the first three findings: accepted, flagged with a note, dismissed."""
    keys = lookup(comparison.findings, comparison.articles, None).keys
    findings = comparison.findings
    state = TriageState()
    for finding, decision, note in zip(
        findings, ("accepted", "flagged", "dismissed"), ("", "Check with the desk.", "Not framing.")
    ):
        state = state.decide(keys[finding.id], state=decision, note=note, clock=lambda: FIXED_TIME)  # type: ignore[arg-type]
    return state


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_handmade_report_matches_golden(fmt: str) -> None:
    comparison = handmade_comparison()
    check_golden(f"handmade.{fmt}", render_report(comparison, fmt=fmt, triage=sample_triage(comparison)))


@pytest.fixture(scope="module")
def sample() -> Comparison:
    """The bundled sample compared with default settings, its sources shown relative to the repository."""
    comparison = compare([SAMPLE], settings=Settings())
    articles = tuple(
        replace(a, source=Path(a.source).relative_to(ROOT).as_posix()) for a in comparison.articles
    )
    return replace(comparison, articles=articles)


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_sample_report_matches_golden(sample: Comparison, fmt: str) -> None:
    check_golden(f"sample.{fmt}", render_report(sample, fmt=fmt, triage=sample_triage(sample)))


def test_sample_report_without_dismissed_matches_golden(sample: Comparison) -> None:
    check_golden(
        "sample-without-dismissed.md",
        render_report(sample, fmt="md", triage=sample_triage(sample), include_dismissed=False),
    )


def test_sample_html_makes_no_external_request(sample: Comparison) -> None:
    assert_no_external_request(render_report(sample, fmt="html", triage=sample_triage(sample)))


def sample_corrections(comparison: Comparison) -> tuple[Correction, ...]:
    """The editor's fix of the seed pair: two closing remarks of the second article that the aligner put into
    the headline row and the Paris-declaration row are cut out into rows of their own."""
    second = comparison.articles[1]
    remarks = ("Also important that if Zelensky", "But Russia would have to agree")
    ids = [s.id for start in remarks for s in second.segments if second.segment_text(s).startswith(start)]
    return tuple(
        make_correction("cut", (segment,), comparison.articles, at="2026-01-09T12:00:00+00:00")
        for segment in ids
    )


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_sample_report_with_corrections_matches_golden(sample: Comparison, fmt: str) -> None:
    corrected = correct(sample, sample_corrections(sample))
    assert corrected.dropped == ()
    assert sum(r.corrected for r in corrected.comparison.rows) == 4
    state = replace(sample_triage(sample), corrections=corrected.comparison.corrections)
    check_golden(f"sample-corrected.{fmt}", render_report(corrected.comparison, fmt=fmt, triage=state))
