"""The Markdown report: the same content as the HTML report, as plain text a colleague can paste anywhere.

Article text is untrusted and is escaped so that it can neither start Markdown structure (headings, lists,
tables, links, emphasis) nor inject HTML. Highlights are **bold** (~~struck~~ when dismissed) and followed by
the finding's reference, e.g. \\[E3\\], so they survive a grey printout and plain-text viewers.
"""

from __future__ import annotations

import re

from compare_tui.core.corrections import CORRECTED_DETAIL
from compare_tui.core.finding_types import FINDING_KINDS, KIND_BY_TYPE
from compare_tui.core.report_view import SCORECARD_NOTE, Mark, Passage, Piece, ReportFinding, ReportView
from compare_tui.core.safe_text import visible

_SPECIALS = re.compile(r"([\\`*_{}\[\]<>|~#!&])")
_LINE_START = re.compile(r"^(\s*)([-+=]|\d+[.)])")
_SPACES = re.compile(r"\s+")


def escape(text: str) -> str:
    """Escape untrusted text for inline Markdown: one line, no structure, no HTML."""
    flat = _SPACES.sub(" ", visible(text))
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), _SPECIALS.sub(r"\\\1", flat))


def _refs(marks: tuple[Mark, ...]) -> str:
    return "".join(f" \\[{m.ref}\\]" for m in marks)


def _run(pieces: list[Piece]) -> str:
    """Consecutive highlighted pieces as one emphasis run; references of findings closing inside stay inside."""
    inner = "".join(escape(p.text) + _refs(p.ends) for p in pieces[:-1]) + escape(pieces[-1].text)
    fence = "~~" if all(m.dismissed for p in pieces for m in p.marks) else "**"
    core = inner.strip()
    if not core:
        return inner + _refs(pieces[-1].ends)
    lead, trail = inner[: len(inner) - len(inner.lstrip())], inner[len(inner.rstrip()) :]
    return f"{lead}{fence}{core}{fence}{trail}" + _refs(pieces[-1].ends)


def passage_text(passage: Passage) -> str:
    """A passage as one line of Markdown with its highlights and finding references."""
    out: list[str] = []
    run: list[Piece] = []
    for piece in passage.pieces:
        if piece.marks and (not run or _dismissed(run[-1]) == _dismissed(piece)):
            run.append(piece)
            continue
        if run:
            out.append(_run(run))
            run = []
        if piece.marks:
            run.append(piece)
        else:
            out.append(escape(piece.text) + _refs(piece.ends))
    if run:
        out.append(_run(run))
    return "".join(out).strip()


def _dismissed(piece: Piece) -> bool:
    return all(m.dismissed for m in piece.marks)


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(cells) + " |" for cells in rows]
    return lines


def _finding(item: ReportFinding) -> list[str]:
    f = item.finding
    lines = [
        f"### {item.ref} · {KIND_BY_TYPE[f.type].label} · {escape(item.article_label)}",
        "",
        f"> {escape(f.text)}",
        "",
    ]
    if f.explanation:
        lines += [escape(f.explanation), ""]
    facts = [f"{words} {', '.join(escape(label) for label in labels)}" for words, labels in item.peers]
    if f.confidence is not None:
        facts.append(f"confidence {f.confidence:.2f}")
    if f.row:
        facts.append(f"row {escape(f.row)}")
    if facts:
        lines += ["*" + " · ".join(facts) + "*", ""]
    decision = item.decision
    if decision is not None:
        state = f"**{decision.state}**" if decision.state else "no decision"
        lines += [f"Triage: {state}" + (f" — note: {escape(decision.note)}" if decision.note else ""), ""]
    return lines


def render_markdown(view: ReportView) -> str:
    """The whole report as Markdown text, newline-terminated and deterministic."""
    labels = [escape(a.label) for a in view.articles]
    out = [
        *_summary(view),
        *_articles(view, labels),
        *_shared_copy(view),
        *_headlines(view, labels),
        *_legend(view),
        *_aligned(view, labels),
        *_ledger(view, labels),
        *_scorecard(view),
        *_findings(view),
    ]
    return "\n".join(out).rstrip("\n") + "\n"


def _summary(view: ReportView) -> list[str]:
    """The title and the one-line summary."""
    summary = f"{len(view.articles)} articles, {len(view.rows)} aligned rows, {len(view.findings)} findings"
    if view.reference:
        summary += f"; rows follow {escape(view.reference)}"
    dismissed = "shown struck through" if view.include_dismissed else "left out"
    return [f"# {escape(view.title)}", "", summary + f". Dismissed findings are {dismissed}.", ""]


def _articles(view: ReportView, labels: list[str]) -> list[str]:
    """The table of compared articles."""
    rows = [
        [
            str(i),
            labels[i - 1],
            escape(a.title or "—"),
            escape(a.published or "—"),
            str(a.words),
            escape(a.source),
        ]
        for i, a in enumerate(view.articles, start=1)
    ]
    return ["## Articles", "", *_table(["#", "Name", "Title", "Published", "Words", "Source"], rows), ""]


def _shared_copy(view: ReportView) -> list[str]:
    """Per article pair, how much of one the other repeats verbatim: repetitions are not confirmations."""
    if not view.shared_copy:
        return ["## Shared copy", "", "No article repeats another's sentences verbatim.", ""]
    return ["## Shared copy", "", *(f"- {escape(line)}" for line in view.shared_copy), ""]


def _headlines(view: ReportView, labels: list[str]) -> list[str]:
    """Every article's headline with its highlights."""
    out = ["## Headlines", ""]
    for label, article, passages in zip(labels, view.articles, view.headlines):
        headline = " ".join(passage_text(p) for p in passages) or escape(article.title or "(no headline)")
        out += [f"**{label}**", "", f"> {headline}", ""]
    return out


def _legend(view: ReportView) -> list[str]:
    """How highlights are marked, how many of each type there are, then the triage counts."""
    rows = [
        [kind.letter, kind.label, kind.description, str(view.type_counts[kind.id])] for kind in FINDING_KINDS
    ]
    triage = view.triage_counts
    return [
        "## Legend",
        "",
        "Highlighted text is **bold** and followed by its finding reference.",
        "",
        *_table(["Marker", "Finding", "What it marks", "Count"], rows),
        "",
        f"Triage: {triage['accepted']} accepted, {triage['flagged']} flagged, {triage['dismissed']} dismissed.",
        "",
    ]


def _aligned(view: ReportView, labels: list[str]) -> list[str]:
    """The alignment rows: each article's passages under its name, then the articles without any, once."""
    out = ["## Aligned passages", ""]
    for row in view.rows:
        out += [f"### Row {escape(row.id)} · {row.status} · score {row.score:.2f}", ""]
        if row.corrected:
            out += [f"*{CORRECTED_DETAIL[0].upper()}{CORRECTED_DETAIL[1:]}.*", ""]
        for label, cell in zip(labels, row.cells):
            if not cell:
                continue
            positions = ", §".join(str(p.position) for p in cell)
            out += [f"**{label}** (§{positions})", ""]
            out += [
                f"> {passage_text(p)}" if i == 0 else f">\n> {passage_text(p)}" for i, p in enumerate(cell)
            ]
            out.append("")
        if row.shows_links:
            out += ["*Matches: " + "; ".join(escape(link.describe()) for link in row.links) + ".*", ""]
        gaps = [label for label, cell in zip(labels, row.cells) if not cell]
        if gaps and row.status != "unique":
            out += [f"*No passage in {', '.join(gaps)}.*", ""]
    return out


def _ledger(view: ReportView, labels: list[str]) -> list[str]:
    """The omission ledger: each fact against every article, with where each article states it."""
    if not view.ledger:
        return ["## Omission ledger", "", "No fact is missing from any article.", ""]
    rows = [
        [
            escape(fact.text),
            *(f"✓ {fact.where(a.id)}".rstrip() if a.id in fact.present else "✗ absent" for a in view.articles),
        ]
        for fact in view.ledger
    ]
    return ["## Omission ledger", "", *_table(["Fact", *labels], rows), ""]


def _scorecard(view: ReportView) -> list[str]:
    """The per-outlet scorecard: flags per 100 reporting sentences, quotation share, attribution, facts."""
    header, *rows = view.scorecard
    return [
        "## Scorecard",
        "",
        SCORECARD_NOTE,
        "",
        *_table(list(header), [[escape(row[0]), *row[1:]] for row in rows]),
        "",
    ]


def _findings(view: ReportView) -> list[str]:
    """The numbered findings with their evidence and triage."""
    out = ["## Findings", ""]
    if not view.findings:
        out += ["No findings.", ""]
    for item in view.findings:
        out += _finding(item)
    return out
