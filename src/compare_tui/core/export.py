"""One entry point for every report format, used alike by `compare-tui report` and the app's export dialog.

The JSON form is the contract of `docs/report-schema.md` (every field kept) plus the editor's triage: each
finding gains a `triage` object (or null) and the document a top-level `triage` summary.
"""

from __future__ import annotations

import json
from typing import Any, Literal

from compare_tui.core.comparison import Comparison
from compare_tui.core.report_html import render_html
from compare_tui.core.report_markdown import render_markdown
from compare_tui.core.report_view import build_view
from compare_tui.core.triage import TRIAGE_STATES, TriageState, content_key, lookup

ReportFormat = Literal["json", "md", "html"]
REPORT_FORMATS: tuple[ReportFormat, ...] = ("json", "md", "html")


def report_dict(
    comparison: Comparison, *, triage: TriageState | None = None, include_dismissed: bool = True
) -> dict[str, Any]:
    """The JSON report document with the triage state merged in."""
    document = comparison.to_dict()
    decisions = lookup(comparison.findings, comparison.articles, triage)
    findings = []
    counts = dict.fromkeys(TRIAGE_STATES, 0)
    for finding, entry in zip(comparison.findings, document["findings"], strict=True):
        decision = decisions.decision(finding)
        if decision is not None and decision.state == "dismissed" and not include_dismissed:
            continue
        if decision is not None and decision.state is not None:
            counts[decision.state] += 1
        entry["triage"] = (
            None
            if decision is None
            else {
                "state": decision.state,
                "note": decision.note,
                "updated": decision.updated,
                "key": decisions.keys[finding.id],
            }
        )
        findings.append(entry)
    document["findings"] = findings
    document["triage"] = {
        "content_key": content_key(comparison.articles),
        "include_dismissed": include_dismissed,
        "counts": counts,
    }
    return document


def render_report(
    comparison: Comparison,
    *,
    fmt: ReportFormat,
    triage: TriageState | None = None,
    include_dismissed: bool = True,
) -> str:
    """The report as text in the chosen format ("json", "md" or "html"), deterministic and newline-terminated."""
    if fmt == "json":
        document = report_dict(comparison, triage=triage, include_dismissed=include_dismissed)
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    if fmt not in REPORT_FORMATS:
        raise ValueError(f"unknown report format {fmt!r}; expected one of {', '.join(REPORT_FORMATS)}")
    view = build_view(comparison, triage=triage, include_dismissed=include_dismissed)
    return render_markdown(view) if fmt == "md" else render_html(view)
