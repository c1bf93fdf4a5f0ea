"""A comparison with an editor's corrections applied and the findings of the changed rows recomputed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from compare_tui.core.analysis.run import prepare, reanalyse
from compare_tui.core.comparison import Comparison
from compare_tui.core.corrections import Correction, Dropped, apply_corrections


@dataclass(frozen=True, slots=True)
class Corrected:
    """The corrected comparison and the corrections that could not be applied to it."""

    comparison: Comparison
    dropped: tuple[Dropped, ...] = ()


def correct(aligned: Comparison, corrections: Sequence[Correction]) -> Corrected:
    """Apply corrections to the aligner's comparison (never to an already corrected one).

    The rows change only where a correction points; the findings are recomputed for those rows through the
    comparison's cached analysis (`analysis.run.reanalyse`), so the result equals analysing the corrected
    rows from scratch.
    """
    if aligned.corrections:
        raise ValueError("corrections apply to the aligner's rows, not to corrected ones")
    if not corrections:
        return Corrected(aligned)
    applied = apply_corrections(aligned.articles, aligned.rows, corrections)
    if aligned.analysis is not None:
        analysis, findings = aligned.analysis, aligned.findings
    else:  # findings made elsewhere (by hand, or read from a report): analyse the rows first
        analysis, findings = prepare(aligned.articles, aligned.rows)
    findings = reanalyse(analysis, findings, applied.rows, applied.changed)
    comparison = replace(
        aligned, rows=applied.rows, findings=findings, corrections=applied.applied, analysis=analysis
    )
    return Corrected(comparison, applied.dropped)


def passage_at(comparison: Comparison, row_id: str, article: str, finding_id: str | None) -> tuple[str, ...]:
    """The passage a correction key acts on: the segment holding the current finding, else all of the
    article's passages in the row (one, unless the aligner put several of that article together)."""
    row = comparison.row_by_id.get(row_id)
    cell = row.segments.get(article, ()) if row is not None else ()
    finding = next((f for f in comparison.findings if f.id == finding_id), None)
    if finding is not None and finding.article == article:
        spans = [comparison.segment_by_id[s] for s in cell]
        holding = [s.id for s in spans if s.start <= finding.start < s.end]
        if holding:
            return tuple(holding)
    return tuple(cell)


def row_segments(comparison: Comparison, row_id: str) -> tuple[str, ...]:
    """Every segment of a row, article by article."""
    row = comparison.row_by_id.get(row_id)
    return tuple(s for ids in row.segments.values() for s in ids) if row is not None else ()
