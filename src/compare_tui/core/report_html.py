"""The HTML report: one self-contained file that opens offline, needs no script and prints legibly in grey.

The stylesheet (`report.css`, inlined) gives every finding type its own line style or border, not just a
colour. Article text is untrusted: every string from an article, a file name or a note goes through
`html.escape`, so markup, `javascript:` and remote images in an article come out as inert text.
"""

from __future__ import annotations

import html
from importlib import resources

from compare_tui.core.corrections import CORRECTED, CORRECTED_DETAIL
from compare_tui.core.finding_types import FINDING_KINDS, FINDING_TYPES, KIND_BY_TYPE
from compare_tui.core.report_view import Passage, Piece, ReportFinding, ReportView
from compare_tui.core.safe_text import visible


def esc(text: str) -> str:
    """Escape untrusted text for HTML element content and quoted attribute values."""
    return html.escape(visible(text), quote=True)


def stylesheet() -> str:
    """The report's CSS, shipped beside this module."""
    return resources.files("compare_tui.core").joinpath("report.css").read_text(encoding="utf-8")


def _piece(piece: Piece) -> str:
    text = esc(piece.text)
    for mark in sorted(piece.marks, key=lambda m: FINDING_TYPES.index(m.type), reverse=True):
        dismissed = " dismissed" if mark.dismissed else ""
        text = f'<span class="{KIND_BY_TYPE[mark.type].report_class}{dismissed}">{text}</span>'
    refs = "".join(f'<a href="#{m.ref}">{m.ref}</a>' for m in piece.ends)
    return text + (f'<span class="ref">{refs}</span>' if refs else "")


def passage_html(passage: Passage) -> str:
    """A passage with its position in its article, highlights and finding references."""
    body = "".join(_piece(p) for p in passage.pieces)
    return f'<p class="passage"><span class="pos" title="sentence {passage.position} of its article">§{passage.position}</span>{body}</p>'


def _finding(item: ReportFinding) -> str:
    f = item.finding
    decision = item.decision
    state = decision.state if decision and decision.state else None
    classes = f"finding t-{f.type}" + (f" triage-{state}" if state else "")
    meta = [f"{words} {esc(', '.join(labels))}" for words, labels in item.peers]
    if f.confidence is not None:
        meta.append(f"confidence {f.confidence:.2f}")
    if f.row:
        meta.append(f'<a href="#row-{esc(f.row)}">row {esc(f.row)}</a>')
    parts = [
        f'<li id="{item.ref}" class="{classes}">',
        f'<h3><span class="badge">{item.ref}</span> {KIND_BY_TYPE[f.type].label} · {esc(item.article_label)}'
        + (f' <span class="badge">{state}</span>' if state else "")
        + "</h3>",
        f'<blockquote><span class="{KIND_BY_TYPE[f.type].report_class}">{esc(f.text)}</span></blockquote>',
        f"<p>{esc(f.explanation)}</p>" if f.explanation else "",
        f'<p class="meta">{" · ".join(meta)}</p>' if meta else "",
        f'<p class="note"><strong>Note:</strong> {esc(decision.note)}</p>'
        if decision and decision.note
        else "",
        "</li>",
    ]
    return "\n".join(p for p in parts if p)


def render_html(view: ReportView) -> str:
    """The whole report as one HTML document, deterministic and newline-terminated."""
    labels = [esc(a.label) for a in view.articles]
    out = [
        *_head(view),
        *_articles(view, labels),
        *_headlines(view, labels),
        *_legend(view),
        *_aligned(view, labels),
        *_ledger(view, labels),
        *_findings(view),
        "</body>",
        "</html>",
    ]
    return "\n".join(out) + "\n"


def _head(view: ReportView) -> list[str]:
    """The document head with the inlined stylesheet, the title and the one-line summary."""
    summary = f"{len(view.articles)} articles, {len(view.rows)} aligned rows, {len(view.findings)} findings"
    if view.reference:
        summary += f"; rows follow {esc(view.reference)}"
    summary += ". Dismissed findings are " + (
        "shown struck through." if view.include_dismissed else "left out."
    )
    return [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="compare-tui">',
        f"<title>{esc(view.title)}</title>",
        f"<style>\n{stylesheet()}</style>",
        "</head>",
        "<body>",
        f"<h1>{esc(view.title)}</h1>",
        f'<p class="summary">{summary}</p>',
    ]


def _articles(view: ReportView, labels: list[str]) -> list[str]:
    """The table of compared articles."""
    out = ["<h2>Articles</h2>", '<table class="articles">']
    out.append(
        "<thead><tr><th>#</th><th>Name</th><th>Title</th><th>Published</th><th>Words</th><th>Source</th></tr></thead><tbody>"
    )
    for i, (label, a) in enumerate(zip(labels, view.articles), start=1):
        out.append(
            f"<tr><td>{i}</td><td>{label}</td><td>{esc(a.title or '—')}</td><td>{esc(a.published or '—')}</td>"
            f"<td>{a.words}</td><td>{esc(a.source)}</td></tr>"
        )
    out.append("</tbody></table>")
    return out


def _headlines(view: ReportView, labels: list[str]) -> list[str]:
    """Every article's headline with its highlights."""
    out = ["<h2>Headlines</h2>", '<table class="headlines"><tbody>']
    for label, a, passages in zip(labels, view.articles, view.headlines):
        headline = (
            "".join(passage_html(p) for p in passages)
            or f'<p class="passage">{esc(a.title or "(no headline)")}</p>'
        )
        out.append(f"<tr><th>{label}</th><td>{headline}</td></tr>")
    out.append("</tbody></table>")
    return out


def _legend(view: ReportView) -> list[str]:
    """What each highlight looks like and how many there are, then the triage counts."""
    out = ["<h2>Legend</h2>", '<table class="legend">']
    out.append(
        "<thead><tr><th>Looks like</th><th>Marker</th><th>What it marks</th><th>Count</th></tr></thead><tbody>"
    )
    for kind in FINDING_KINDS:
        out.append(
            f'<tr><td><span class="{kind.report_class}">{kind.label}</span></td>'
            f'<td><span class="badge">{kind.letter}</span></td>'
            f"<td>{kind.description}</td><td>{view.type_counts[kind.id]}</td></tr>"
        )
    out.append(
        f'<tr><td><span class="{FINDING_KINDS[0].report_class} dismissed">Dismissed</span></td><td></td>'
        "<td>a finding the editor dismissed</td><td>" + str(view.triage_counts["dismissed"]) + "</td></tr>"
    )
    out.append("</tbody></table>")
    triage = view.triage_counts
    out.append(
        f'<p class="summary">Triage: {triage["accepted"]} accepted, {triage["flagged"]} flagged, '
        f"{triage['dismissed']} dismissed.</p>"
    )
    return out


def _aligned(view: ReportView, labels: list[str]) -> list[str]:
    """The alignment rows: one column per article, a gap where an article has no passage."""
    out = ["<h2>Aligned passages</h2>", '<table class="aligned">']
    out.append(
        '<thead><tr><th class="rowhead">Row</th>'
        + "".join(f"<th>{label}</th>" for label in labels)
        + "</tr></thead><tbody>"
    )
    for row in view.rows:
        cells = [
            f"<td>{''.join(passage_html(p) for p in cell)}</td>"
            if cell
            else '<td class="gap">— no passage —</td>'
            for cell in row.cells
        ]
        note = (
            f'<br><span class="corrected" title="{esc(CORRECTED_DETAIL)}">{esc(CORRECTED)}</span>'
            if row.corrected
            else ""
        )
        classes = f"status-{esc(row.status)}" + (" corrected" if row.corrected else "")
        out.append(
            f'<tr id="row-{esc(row.id)}" class="{classes}"><th class="rowhead">{esc(row.id)}<br>'
            f"{esc(row.status)} · {row.score:.2f}{note}</th>{''.join(cells)}</tr>"
        )
    out.append("</tbody></table>")
    return out


def _ledger(view: ReportView, labels: list[str]) -> list[str]:
    """The omission ledger: each fact against every article."""
    out = ["<h2>Omission ledger</h2>"]
    if not view.ledger:
        return [*out, "<p>No fact is missing from any article.</p>"]
    out.append(
        '<table class="ledger"><thead><tr><th>Fact</th>'
        + "".join(f"<th>{label}</th>" for label in labels)
        + "</tr></thead><tbody>"
    )
    for fact in view.ledger:
        cells = "".join(
            '<td class="present">✓ present</td>'
            if a.id in fact.present
            else '<td class="absent">✗ absent</td>'
            for a in view.articles
        )
        out.append(f"<tr><td>{esc(fact.text)}</td>{cells}</tr>")
    out.append("</tbody></table>")
    return out


def _findings(view: ReportView) -> list[str]:
    """The numbered findings with their evidence and triage."""
    if not view.findings:
        return ["<h2>Findings</h2>", "<p>No findings.</p>"]
    return [
        "<h2>Findings</h2>",
        '<ol class="findings">',
        *(_finding(item) for item in view.findings),
        "</ol>",
    ]
