"""One entry point for every report format, used alike by `compare-tui report` and the app's export dialog.

`EXPORT_KINDS` names every format once (id, label, file ending, writer); the CLI's `--format` choices and
the export dialog are derived from it. The writers import their renderers when called, so naming the formats
(the CLI's start-up) stays cheap. `render_report` gives the text of a report; `export_bytes` adds the
screen images (SVG, PNG) the app offers, so the export dialog only collects choices and writes what it gets
back.

The JSON form is the contract of `docs/report-schema.md` (every field kept) plus the editor's triage: each
finding gains a `triage` object (or null) and the document a top-level `triage` summary; and the per-outlet
`scorecard` (`core/scorecard.py`), computed over the findings the report keeps.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from compare_tui.core.comparison import Comparison
from compare_tui.core.triage import TRIAGE_STATES, TriageState, content_key, lookup

FILE_PREFIX = "compare-tui"


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
    from compare_tui.core.scorecard import scorecard

    kept = {f["id"] for f in findings}
    shown = replace(comparison, findings=tuple(f for f in comparison.findings if f.id in kept))
    document["scorecard"] = [score.to_dict() for score in scorecard(shown)]
    document["triage"] = {
        "content_key": content_key(comparison.articles),
        "include_dismissed": include_dismissed,
        "counts": counts,
    }
    return document


def render_report(
    comparison: Comparison,
    *,
    fmt: ExportFormat,
    triage: TriageState | None = None,
    include_dismissed: bool = True,
) -> str:
    """The report as text in one of `REPORT_FORMATS`, deterministic and newline-terminated."""
    render = _KIND_BY_ID[fmt].report if fmt in _KIND_BY_ID else None
    if render is None:
        raise ValueError(f"unknown report format {fmt!r}; expected one of {', '.join(REPORT_FORMATS)}")
    return render(comparison, triage, include_dismissed)


def _json(comparison: Comparison, triage: TriageState | None, include_dismissed: bool) -> str:
    document = report_dict(comparison, triage=triage, include_dismissed=include_dismissed)
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _markdown(comparison: Comparison, triage: TriageState | None, include_dismissed: bool) -> str:
    from compare_tui.core.report_markdown import render_markdown
    from compare_tui.core.report_view import build_view

    return render_markdown(build_view(comparison, triage=triage, include_dismissed=include_dismissed))


def _html(comparison: Comparison, triage: TriageState | None, include_dismissed: bool) -> str:
    from compare_tui.core.report_html import render_html
    from compare_tui.core.report_view import build_view

    return render_html(build_view(comparison, triage=triage, include_dismissed=include_dismissed))


def _svg(screen_svg: str) -> bytes:
    return screen_svg.encode("utf-8")


def _png(screen_svg: str) -> bytes:
    from compare_tui.core.png import svg_to_png  # resvg and the font load only for a PNG

    return svg_to_png(screen_svg)


ExportFormat = Literal["html", "md", "json", "png", "svg"]


@dataclass(frozen=True, slots=True)
class ExportKind:
    """A file format the app exports; those with `report` are also what `compare-tui report` writes."""

    id: ExportFormat
    label: str
    report: Callable[[Comparison, TriageState | None, bool], str] | None = None
    """The report's text from the comparison, the triage state and whether dismissed findings show."""
    image: Callable[[str], bytes] | None = None
    """The file from the app's screen as SVG: an image, not a report."""

    @property
    def suffix(self) -> str:
        """The file name ending."""
        return f".{self.id}"


EXPORT_KINDS: tuple[ExportKind, ...] = (
    ExportKind("html", "HTML report (one file, prints well)", report=_html),
    ExportKind("md", "Markdown report", report=_markdown),
    ExportKind("json", "JSON report (for tools)", report=_json),
    ExportKind("png", "PNG image of the screen", image=_png),
    ExportKind("svg", "SVG image of the screen", image=_svg),
)
"""In the order the export dialog offers them."""
_KIND_BY_ID: Mapping[str, ExportKind] = {kind.id: kind for kind in EXPORT_KINDS}
EXPORT_FORMATS: tuple[ExportFormat, ...] = tuple(kind.id for kind in EXPORT_KINDS)
REPORT_FORMATS: tuple[ExportFormat, ...] = tuple(kind.id for kind in EXPORT_KINDS if kind.report)
IMAGE_FORMATS: tuple[ExportFormat, ...] = tuple(kind.id for kind in EXPORT_KINDS if kind.image)


def export_kind(fmt: str) -> ExportKind:
    """The format with this id; a ValueError names the ones there are."""
    if fmt not in _KIND_BY_ID:
        raise ValueError(f"unknown export format {fmt!r}; expected one of {', '.join(EXPORT_FORMATS)}")
    return _KIND_BY_ID[fmt]


@dataclass(frozen=True, slots=True)
class ExportRequest:
    """What the app's export dialog collected: the format, where to write, whether dismissed findings show."""

    fmt: ExportFormat
    path: Path
    include_dismissed: bool = True


def export_bytes(
    comparison: Comparison,
    *,
    fmt: ExportFormat,
    triage: TriageState | None = None,
    include_dismissed: bool = True,
    screen_svg: str | None = None,
) -> bytes:
    """The file contents of an export: a report, or the screen image made from `screen_svg`."""
    kind = export_kind(fmt)
    if kind.image is not None:
        if screen_svg is None:
            raise ValueError(f"a {fmt} export needs the screen as SVG")
        return kind.image(screen_svg)
    return render_report(comparison, fmt=fmt, triage=triage, include_dismissed=include_dismissed).encode(
        "utf-8"
    )


def name_slug(text: str, *, limit: int = 40) -> str:
    """Lowercase ASCII words of `text` joined by dashes, at most `limit` characters, for file names."""
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))[:limit].strip("-") or "comparison"


def _subject(comparison: Comparison | None) -> str:
    """What a file name says the comparison is about: its first article's headline, outlet or id."""
    first = comparison.articles[0] if comparison is not None and comparison.articles else None
    return name_slug(first.title or first.outlet or first.id) if first else "comparison"


def export_name(comparison: Comparison, *, fmt: ExportFormat) -> str:
    """A file name for an export that says what it is: `compare-tui_<first title>_<content key>.<fmt>`."""
    return f"{FILE_PREFIX}_{_subject(comparison)}_{content_key(comparison.articles)[:8]}{export_kind(fmt).suffix}"


def screenshot_name(comparison: Comparison | None, *, row: int | None, now: datetime) -> str:
    """A screenshot's file name: `compare-tui_<first title>_row<N>_<YYYYmmdd-HHMMSS>.svg`."""
    where = f"_row{row}" if row is not None else ""
    return f"{FILE_PREFIX}_{_subject(comparison)}{where}_{now:%Y%m%d-%H%M%S}{export_kind('svg').suffix}"
