"""The per-outlet scorecard: one row per article, the numbers the reports print (`core/scorecard.py`)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from compare_tui.core.report_view import SCORECARD_NOTE
from compare_tui.core.safe_text import visible


class ScorecardScreen(Screen[None]):
    """The scorecard table; escape, q or b goes back."""

    BINDINGS = [Binding("escape,q,b", "app.pop_screen", "Back", id="scorecard_close")]

    def __init__(self, table: Sequence[Sequence[str]]) -> None:
        super().__init__()
        self.table = tuple(tuple(row) for row in table)

    def compose(self) -> ComposeResult:
        yield Header(icon="#")
        yield DataTable(id="scorecard", zebra_stripes=True, cursor_type="row")
        yield Static(f"{SCORECARD_NOTE} · escape back", id="scorecard-hint")

    def on_mount(self) -> None:
        self.title = "Per-outlet scorecard"
        table = self.query_one(DataTable)
        header, *rows = self.table
        for i, title in enumerate(header):
            table.add_column(Text(title), key=str(i))
        for index, row in enumerate(rows):
            label, *numbers = row
            cells = [Text(visible(label), no_wrap=True, overflow="ellipsis")]
            cells += [Text(cell, justify="right") for cell in numbers]
            table.add_row(*cells, key=str(index))
        table.focus()
