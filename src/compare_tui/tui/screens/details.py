"""The details of one row: score and signals, passages, word-level differences, facts and attribution."""

from __future__ import annotations

from collections.abc import Mapping

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Static

from compare_tui.core.comparison import Comparison
from compare_tui.core.models import FindingType
from compare_tui.core.report_view import article_label
from compare_tui.core.row_details import RowDetails
from compare_tui.core.safe_text import visible
from compare_tui.core.triage import Decision
from compare_tui.tui.highlights import HIGHLIGHT_BY_TYPE
from compare_tui.tui.widgets.highlighted import Highlighted


class DetailsBody(Highlighted):
    """The details drawn as literal text; finding spans and diff changes styled by component class."""

    COMPONENT_CLASSES = Highlighted.COMPONENT_CLASSES | {
        "details--heading",
        "details--deleted",
        "details--inserted",
        "details--muted",
    }

    def __init__(
        self,
        details: RowDetails,
        comparison: Comparison,
        *,
        types: frozenset[FindingType],
        decisions: Mapping[str, Decision] | None = None,
    ) -> None:
        super().__init__()
        self._details = details
        self._decisions = decisions or {}
        self._comparison = comparison
        self._types = types

    def _label(self, article_id: str | None) -> str:
        article = self._comparison.article_by_id.get(article_id or "")
        if article is None:
            return "—"
        number = self._comparison.articles.index(article) + 1
        return f"[{number}] {visible(article_label(article))}"

    def render(self) -> Table:
        """All sections as one table of headings and literal text."""
        d = self._details
        heading = self.get_component_rich_style("details--heading")
        muted = self.get_component_rich_style("details--muted")
        table = Table.grid(padding=(0, 2), expand=True)
        table.add_column(no_wrap=True)
        table.add_column(ratio=1)

        def section(title: str) -> None:
            table.add_row(Text(""), Text(""))
            table.add_row(Text(title, style=heading), Text(""))

        table.add_row(Text("Row", style=heading), Text(f"{d.number} · {d.status} · score {d.score:.2f}"))
        signals = (
            ", ".join(f"{name} {value:.2f}" for name, value in sorted(d.signals.items())) or "none given"
        )
        table.add_row(Text("Signals", style=heading), Text(signals))
        if d.missing:
            table.add_row(
                Text("No passage in", style=heading), Text(", ".join(self._label(a) for a in d.missing))
            )
        section("Passages")
        for passage in d.passages:
            table.add_row(
                Text(self._label(passage.article)),
                self.marked_text(passage.text, passage.marks, types=self._types),
            )
        section("Word differences")
        if not d.diffs:
            table.add_row(Text(""), Text("only one passage in this row", style=muted))
        for diff in d.diffs:
            table.add_row(
                Text(f"{self._label(diff.base)} →\n{self._label(diff.other)}"), self._diff_text(diff.pieces)
            )
        section("Facts")
        if not d.facts:
            table.add_row(Text(""), Text("no fact of this row is missing elsewhere", style=muted))
        for fact in d.facts:
            line = Text.assemble((fact.text, self.finding_style("omitted_fact")))
            line.append(f"\n  present: {', '.join(self._label(a) for a in fact.present) or '—'}")
            line.append(f"\n  missing: {', '.join(self._label(a) for a in fact.absent) or '—'}")
            table.add_row(Text(""), line)
        section("Attribution")
        if not d.attributions:
            table.add_row(Text(""), Text("no attributed quote or claim in this row", style=muted))
        for finding in d.attributions:
            line = Text.assemble((visible(finding.text), self.finding_style("attribution")))
            speaker = finding.detail.get("speaker")
            verbs = finding.detail.get("verbs")
            if speaker:
                line.append(f"\n  speaker: {visible(str(speaker))}")
            if isinstance(verbs, dict) and verbs:
                said = " · ".join(f"{self._label(a)} {visible(str(v))!r}" for a, v in verbs.items())
                line.append(f"\n  reporting verbs: {said}")
            table.add_row(Text(self._label(finding.article)), line)
        section("Findings")
        if not d.findings:
            table.add_row(Text(""), Text("none", style=muted))
        for finding in d.findings:
            h = HIGHLIGHT_BY_TYPE[finding.type]
            line = Text.assemble((f" {h.letter} ", self.finding_style(finding.type)))
            line.append(f" {h.label}: ")
            line.append(visible(finding.text), style=self.finding_style(finding.type))
            line.append(f" — {visible(finding.explanation)}")
            if finding.peers:
                line.append(
                    f" (missing in {', '.join(self._label(a) for a in finding.peers.absent) or '—'})", muted
                )
            if decision := self._decisions.get(finding.id):
                note = f" — {visible(decision.note)}" if decision.note else ""
                line.append(f"\n  triage: {decision.state or 'note only'}{note}", muted)
            table.add_row(Text(self._label(finding.article)), line)
        return table

    def _diff_text(self, pieces) -> Text:
        deleted = self.get_component_rich_style("details--deleted")
        inserted = self.get_component_rich_style("details--inserted")
        out = Text()
        for piece in pieces:
            if out:
                out.append(" ")
            if piece.tag == "equal":
                out.append(piece.new)
                continue
            if piece.old:
                out.append(f"[-{piece.old}-]", deleted)
            if piece.old and piece.new:
                out.append(" ")
            if piece.new:
                out.append(f"{{+{piece.new}+}}", inserted)
        return out


class DetailsScreen(Screen[None]):
    """Everything known about the current row; escape, enter or q goes back."""

    BINDINGS = [
        Binding("escape,enter,q", "app.pop_screen", "Back", id="details_close"),
    ]

    def __init__(
        self,
        details: RowDetails,
        comparison: Comparison,
        *,
        types: frozenset[FindingType],
        decisions: Mapping[str, Decision] | None = None,
    ) -> None:
        super().__init__()
        self.details = details
        self._comparison = comparison
        self._types = types
        self._decisions = decisions or {}

    def compose(self) -> ComposeResult:
        yield Header(icon="#")
        with VerticalScroll(id="details"):
            yield DetailsBody(self.details, self._comparison, types=self._types, decisions=self._decisions)
        yield Static("escape back · ↑/↓ scroll", id="details-hint")

    def on_mount(self) -> None:
        self.title = f"Row {self.details.number}"
        self.query_one(VerticalScroll).focus()
