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
