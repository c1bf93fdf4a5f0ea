"""The omission ledger: each fact found in some articles, against every article (present or missing)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from compare_tui.core.comparison import Comparison
from compare_tui.core.row_details import Ledger
from compare_tui.core.safe_text import visible

PRESENT = "● present"
ABSENT = "○ missing"
FACT_WIDTH = 48
"""Long facts (quotations) are cut to this many cells so that the article columns stay in view."""


class LedgerScreen(Screen[None]):
    """Facts × articles in a table; escape or q goes back."""

    BINDINGS = [Binding("escape,q,o", "app.pop_screen", "Back", id="ledger_close")]

    def __init__(self, ledger: Ledger, comparison: Comparison) -> None:
        super().__init__()
        self.ledger = ledger
        self._comparison = comparison

    def compose(self) -> ComposeResult:
        yield Header(icon="#")
        yield DataTable(id="ledger", zebra_stripes=True, cursor_type="row")
        yield Static(
            f"{len(self.ledger.facts)} facts · ● present ○ missing · escape back"
            if self.ledger.facts
            else "No fact is present in some articles and missing in others.",
            id="ledger-hint",
        )

    def on_mount(self) -> None:
        self.title = "Omission ledger"
        table = self.query_one(DataTable)
        names = {
            a.id: f"[{i}] {visible(self._comparison.labels[a.id])}"
            for i, a in enumerate(self._comparison.articles, 1)
        }
        table.add_column(Text("Fact"), key="fact", width=FACT_WIDTH)
        for article in self.ledger.articles:
            table.add_column(Text(names.get(article, article)), key=article)
        for index, fact in enumerate(self.ledger.facts):
            cells = [Text(fact.text.replace("\n", " "), no_wrap=True, overflow="ellipsis")]
            cells += [Text(PRESENT if a in fact.present else ABSENT) for a in self.ledger.articles]
            table.add_row(*cells, key=str(index))
        table.focus()
