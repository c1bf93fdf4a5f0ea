"""The details of one row: score and signals, passages, word-level differences, facts and attribution."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Static

from compare_tui.core.comparison import Comparison
from compare_tui.core.corrections import CORRECTED_DETAIL
from compare_tui.core.finding_types import FindingType
from compare_tui.core.labels import article_numbers
from compare_tui.core.row_details import DiffPiece, RowDetails
from compare_tui.core.safe_text import visible
from compare_tui.core.triage import Decision
from compare_tui.tui.highlights import HIGHLIGHT_BY_TYPE
from compare_tui.tui.widgets.highlighted import Highlighted

LABEL_SHARE = 5
"""The label column takes at most a fifth of the width (long article names wrap), the text the rest."""
LABEL_MIN = 14


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
        number = article_numbers(a.id for a in self._comparison.articles)[article.id]
        return f"{number} {visible(self._comparison.labels[article.id])}"

    def render(self) -> Table:
        """All sections as one table: a heading or article label on the left, literal text on the right."""
        table = Table.grid(padding=(0, 2), expand=True)
        table.add_column(max_width=max(LABEL_MIN, self.size.width // LABEL_SHARE), overflow="fold")
        table.add_column(ratio=1)
        for section in (
            self._summary,
            self._passages,
            self._links,
            self._differences,
            self._facts,
            self._attributions,
            self._findings,
        ):
            for label, text in section():
                table.add_row(label, text)
        return table

    def _heading(self, title: str) -> list[tuple[Text, Text]]:
        """A blank line, then a section title."""
        return [
            (Text(""), Text("")),
            (Text(title, style=self.get_component_rich_style("details--heading")), Text("")),
        ]

    def _muted(self, text: str) -> tuple[Text, Text]:
        """A line saying a section is empty."""
        return Text(""), Text(text, style=self.get_component_rich_style("details--muted"))

    def _summary(self) -> list[tuple[Text, Text]]:
        d = self._details
        heading = self.get_component_rich_style("details--heading")
        signals = (
            ", ".join(f"{name} {value:.2f}" for name, value in sorted(d.signals.items())) or "none given"
        )
        rows = [
            (Text("Row", style=heading), Text(f"{d.number} · {d.status} · score {d.score:.2f}")),
            *([(Text("Corrected", style=heading), Text(CORRECTED_DETAIL))] if d.corrected else []),
            (Text("Signals", style=heading), Text(signals)),
        ]
        if d.missing:
            missing = ", ".join(self._label(a) for a in d.missing)
            rows.append((Text("No passage in", style=heading), Text(missing)))
        return rows

    def _passages(self) -> list[tuple[Text, Text]]:
        return [
            *self._heading("Passages"),
            *(
                (Text(self._label(p.article)), self.marked_text(p.text, p.marks, types=self._types))
                for p in self._details.passages
            ),
        ]

    def _links(self) -> list[tuple[Text, Text]]:
        """Which passage matches which (shown for several pairs, a weak pair or a copy), then shared copy."""
        links = self._details.links
        rows: list[tuple[Text, Text]] = []
        if len(links) > 1 or any(link.verbatim or link.weak for link in links):
            rows += self._heading("Matches")
            for link in links:
                copy = (" · weak: below the match threshold" if link.weak else "") + (
                    " · verbatim copy" if link.verbatim else ""
                )
                line = Text(f"§{link.a_position} {_clip(link.a_text)}\n")
                line.append(f"§{link.b_position} {_clip(link.b_text)}\n")
                line.append(f"score {link.score:.2f}{copy}", self.get_component_rich_style("details--muted"))
                label = Text(f"{self._label(link.a_article)} ↔\n{self._label(link.b_article)}")
                rows.append((label, line))
        if self._details.shared_copy:
            rows += self._heading("Shared copy")
            rows += [(Text(""), Text(visible(line))) for line in self._details.shared_copy]
        return rows

    def _differences(self) -> list[tuple[Text, Text]]:
        rows = self._heading("Word differences")
        if not self._details.diffs:
            rows.append(self._muted("only one passage in this row"))
        for diff in self._details.diffs:
            label = Text(f"{self._label(diff.base)} →\n{self._label(diff.other)}")
            rows.append((label, self._diff_text(diff.pieces)))
        return rows

    def _facts(self) -> list[tuple[Text, Text]]:
        rows = self._heading("Facts")
        if not self._details.facts:
            rows.append(self._muted("no fact of this row is missing elsewhere"))
        for fact in self._details.facts:
            line = Text.assemble((fact.text, self.finding_style("omitted_fact")))
            present = ", ".join(
                f"{self._label(a)} ({fact.where(a)})" if fact.where(a) else self._label(a) for a in fact.present
            )
            line.append(f"\n  present: {present or '—'}")
            line.append(f"\n  missing: {', '.join(self._label(a) for a in fact.absent) or '—'}")
            rows.append((Text(""), line))
        return rows

    def _attributions(self) -> list[tuple[Text, Text]]:
        rows = self._heading("Attribution")
        if not self._details.attributions:
            rows.append(self._muted("no attributed quote or claim in this row"))
        for finding in self._details.attributions:
            line = Text.assemble((visible(finding.text), self.finding_style("attribution")))
            speaker = finding.detail.get("speaker")
            verbs = finding.detail.get("verbs")
            if speaker:
                line.append(f"\n  speaker: {visible(str(speaker))}")
            if isinstance(verbs, dict) and verbs:
                said = " · ".join(f"{self._label(a)} {visible(str(v))!r}" for a, v in verbs.items())
                line.append(f"\n  reporting verbs: {said}")
            rows.append((Text(self._label(finding.article)), line))
        return rows

    def _findings(self) -> list[tuple[Text, Text]]:
        muted = self.get_component_rich_style("details--muted")
        rows = self._heading("Findings")
        if not self._details.findings:
            rows.append(self._muted("none"))
        for finding in self._details.findings:
            h = HIGHLIGHT_BY_TYPE[finding.type]
            line = Text.assemble((f" {h.letter} ", self.finding_style(finding.type)))
            line.append(f" {h.label}: ")
            line.append(visible(finding.text), style=self.finding_style(finding.type))
            line.append(f" — {visible(finding.explanation)}")
            if finding.peers:
                absent = ", ".join(self._label(a) for a in finding.peers.absent) or "—"
                line.append(f" (missing in {absent})", muted)
            if decision := self._decisions.get(finding.id):
                note = f" — {visible(decision.note)}" if decision.note else ""
                line.append(f"\n  triage: {decision.state or 'note only'}{note}", muted)
            rows.append((Text(self._label(finding.article)), line))
        return rows

    def _diff_text(self, pieces: Sequence[DiffPiece]) -> Text:
        """Changed words as [-old-] {+new+} in the deleted and inserted styles, equal words plain."""
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


def _clip(text: str, limit: int = 90) -> str:
    """One line of a passage, cut with an ellipsis past `limit` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


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
        """The row shown."""
        self._body = DetailsBody(details, comparison, types=types, decisions=decisions)

    def compose(self) -> ComposeResult:
        yield Header(icon="#")
        with VerticalScroll(id="details"):
            yield self._body
        yield Static("escape back · ↑/↓ scroll", id="details-hint")

    def on_mount(self) -> None:
        self.title = f"Row {self.details.number}"
        self.query_one(VerticalScroll).focus()
