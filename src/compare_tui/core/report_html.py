"""The HTML report: one self-contained file that opens offline, needs no script and prints legibly in grey.

The stylesheet (`report.css`, inlined) gives every finding type its own line style or border, not just a
colour. Article text is untrusted: every string from an article, a file name or a note goes through
`html.escape`, so markup, `javascript:` and remote images in an article come out as inert text.

Laid out for many outlets: each alignment row is a card listing only the passages present (the articles
without one are named once below them), the omission ledger is a compact fact × article matrix, and the
references to the numbered findings follow each passage instead of interrupting its phrases.
"""

from __future__ import annotations

import html
from importlib import resources

from compare_tui.core.corrections import CORRECTED, CORRECTED_DETAIL
from compare_tui.core.finding_types import FINDING_KINDS, FINDING_TYPES, KIND_BY_TYPE
from compare_tui.core.report_view import SCORECARD_NOTE, Passage, Piece, ReportFinding, ReportView
from compare_tui.core.safe_text import visible


def esc(text: str) -> str:
    """Escape untrusted text for HTML element content and quoted attribute values."""
    return html.escape(visible(text), quote=True)


def stylesheet() -> str:
    """The report's CSS, shipped beside this module."""
    return resources.files("compare_tui.core").joinpath("report.css").read_text(encoding="utf-8")


MANY_ARTICLES = 4
"""Up to this many articles each keeps its own column of cards and the ledger names them; above it the cards
flow to fill the width and the ledger's columns are numbered, with a key."""


def _piece(piece: Piece) -> str:
    text = esc(piece.text)
    for mark in sorted(piece.marks, key=lambda m: FINDING_TYPES.index(m.type), reverse=True):
        dismissed = " dismissed" if mark.dismissed else ""
        label = KIND_BY_TYPE[mark.type].label
        text = (
            f'<span class="{KIND_BY_TYPE[mark.type].report_class}{dismissed}" title="{mark.ref} {label}">'
            f"{text}</span>"
        )
    return text


def passage_html(passage: Passage) -> str:
    """A passage with its position in its article and its highlights, then links to its findings.

    The links come after the whole passage, each kept on one line, so they never split a word or a phrase.
    """
    body = "".join(_piece(p) for p in passage.pieces)
    ends = [m for p in passage.pieces for m in p.ends]
    refs = " ".join(f'<a href="#{m.ref}">{m.ref}</a>' for m in ends)
    position = (
        f'<span class="pos" title="sentence {passage.position} of its article">§{passage.position}</span>'
    )
    return (
        f'<p class="passage">{position}{body}'
        + (f' <span class="refs">{refs}</span>' if refs else "")
        + "</p>"
    )


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
        *_shared_copy(view),
        *_headlines(view, labels),
        *_legend(view),
        *_aligned(view, labels),
        *_ledger(view, labels),
        *_scorecard(view),
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
            f'<td>{a.words}</td><td class="source">{esc(a.source)}</td></tr>'
        )
    out.append("</tbody></table>")
    return out


def _shared_copy(view: ReportView) -> list[str]:
    """Per article pair, how much of one the other repeats verbatim: repetitions are not confirmations."""
    out = ["<h2>Shared copy</h2>"]
    if not view.shared_copy:
        return [*out, "<p>No article repeats another's sentences verbatim.</p>"]
    return [
        *out,
        '<ul class="shared-copy">',
        *(f"<li>{esc(line)}</li>" for line in view.shared_copy),
        "</ul>",
    ]


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
    """The alignment rows as cards: the passages present side by side, the articles lacking one named once."""
    out = ["<h2>Aligned passages</h2>"]
    total = len(view.articles)
    columns = f" cols-{total}" if total <= MANY_ARTICLES else ""
    for row in view.rows:
        present = [(n, label, cell) for n, (label, cell) in enumerate(zip(labels, row.cells), 1) if cell]
        missing = [label for label, cell in zip(labels, row.cells) if not cell]
        note = (
            f' · <span class="corrected" title="{esc(CORRECTED_DETAIL)}">{esc(CORRECTED)}</span>'
            if row.corrected
            else ""
        )
        classes = f"row status-{esc(row.status)}" + (" corrected" if row.corrected else "")
        out.append(f'<section id="row-{esc(row.id)}" class="{classes}">')
        out.append(
            f'<h3 class="rowhead"><span class="badge">{esc(row.id)}</span> {esc(row.status)} · '
            f"score {row.score:.2f} · in {len(present)} of {total} articles{note}</h3>"
        )
        out.append(f'<div class="cards{columns}">')
        for number, label, cell in present:
            passages = "".join(passage_html(p) for p in cell)
            place = f" col-{number}" if columns else ""
            out.append(
                f'<div class="card{place}"><h4><span class="num">{number}</span> {label}</h4>{passages}</div>'
            )
        out.append("</div>")
        if missing:
            out.append(f'<p class="gap">No passage in {", ".join(missing)}.</p>')
        if row.shows_links:
            matches = "; ".join(esc(link.describe()) for link in row.links)
            out.append(f'<p class="links">Matches: {matches}</p>')
        out.append("</section>")
    return out


def _ledger(view: ReportView, labels: list[str]) -> list[str]:
    """The omission ledger as a fact × article matrix: ✓ and where the article states the fact (headline,
    lede, body, last quarter), ✗ it does not.

    With many articles the columns carry the articles' numbers, named in a key above the table.
    """
    out = ["<h2>Omission ledger</h2>"]
    if not view.ledger:
        return [*out, "<p>No fact is missing from any article.</p>"]
    numbered = len(labels) > MANY_ARTICLES
    if numbered:
        key = " · ".join(f'<span class="num">{n}</span> {label}' for n, label in enumerate(labels, 1))
        out.append(f'<p class="key">Columns: {key}</p>')
    heads = "".join(
        f'<th class="article" title="{label}">{n if numbered else label}</th>'
        for n, label in enumerate(labels, 1)
    )
    out.append(f'<table class="ledger"><thead><tr><th>Fact</th>{heads}<th>Missing</th></tr></thead><tbody>')
    for fact in view.ledger:
        cells = "".join(
            f'<td class="present" title="{label}: reported">{esc(f"✓ {fact.where(a.id)}".rstrip())}</td>'
            if a.id in fact.present
            else f'<td class="absent" title="{label}: not reported">✗</td>'
            for label, a in zip(labels, view.articles)
        )
        missing = sum(1 for a in view.articles if a.id not in fact.present)
        out.append(f'<tr><td class="fact">{esc(fact.text)}</td>{cells}<td class="count">{missing}</td></tr>')
    out.append("</tbody></table>")
    return out


def _scorecard(view: ReportView) -> list[str]:
    """The per-outlet scorecard: flags per 100 reporting sentences, quotation share, attribution, facts."""
    header, *rows = view.scorecard
    out = [
        "<h2>Scorecard</h2>",
        f"<p>{esc(SCORECARD_NOTE)}</p>",
        '<table class="scorecard"><thead><tr>'
        + "".join(f"<th>{esc(h)}</th>" for h in header)
        + "</tr></thead><tbody>",
    ]
    out += ["<tr>" + "".join(f"<td>{esc(cell)}</td>" for cell in row) + "</tr>" for row in rows]
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
