"""The omission ledger: each fact found in some articles, against every article (present or missing).

Facts come ranked from the core (the facts most articles carry first), each present mark with where the
article states the fact (headline, lede, body or last quarter); `f` narrows the list to the facts one
article leaves out, `j`/`k` move and enter jumps to the fact's passage in the review screen.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from compare_tui.core.comparison import Comparison
from compare_tui.core.row_details import FactPresence, Ledger, missing_in
from compare_tui.core.safe_text import visible

PRESENT = "●"
ABSENT = "○"
FACT_SHARE = 0.45
"""The fact column takes at most this share of the width (long quotations are cut), the articles the rest."""
FACT_MIN = 24
NAME_WIDTH = (10, 22)
"""Article columns are 10 to 22 cells wide: "[11] bbc.co…" names the article, the mark sits below it."""


class LedgerScreen(Screen[FactPresence | None]):
    """Facts × articles in a table; enter returns the fact to jump to, escape or q goes back."""

    BINDINGS = [
        Binding("escape,q,o", "close", "Back", id="ledger_close"),
        Binding("j", "move(1)", "Next fact", id="ledger_down", show=False),
        Binding("k", "move(-1)", "Previous fact", id="ledger_up", show=False),
        Binding("f", "filter(1)", "Facts missing in the next article", id="ledger_filter"),
        Binding("F", "filter(-1)", "Facts missing in the previous article", id="ledger_filter_back"),
    ]

    def __init__(self, ledger: Ledger, comparison: Comparison) -> None:
        super().__init__()
        self.ledger = ledger
        self._comparison = comparison
        self.article: str | None = None
        """Show only the facts this article leaves out (None: every fact)."""
        self.facts: tuple[FactPresence, ...] = ledger.facts
        self._filled_width = -1
        """Width the table was last built for: a Resize to the same width (one follows every push) rebuilds
        nothing, which halves the cost of opening the ledger."""

    def compose(self) -> ComposeResult:
        yield Header(icon="#")
        yield DataTable(id="ledger", zebra_stripes=True, cursor_type="row")
        yield Static(id="ledger-hint")

    def on_mount(self) -> None:
        self.title = "Omission ledger"
        self._fill()
        self.query_one(DataTable).focus()

    def on_resize(self) -> None:
        if self.size.width != self._filled_width:
            self._fill()

    def _number(self, article: str) -> int:
        return next(i for i, a in enumerate(self._comparison.articles, 1) if a.id == article)

    def _fill(self) -> None:
        """(Re)build the table for the current filter and width."""
        table = self.query_one(DataTable)
        self._filled_width = self.size.width
        row = table.cursor_row
        table.clear(columns=True)
        self.facts = missing_in(self.ledger, self.article)
        articles = self.ledger.articles
        narrowest, widest = NAME_WIDTH
        spare = (self.size.width - int(self.size.width * FACT_SHARE) - 4) // max(1, len(articles)) - 2
        name_width = max(narrowest, min(widest, spare))
        room = self.size.width - len(articles) * (name_width + 2) - 4
        fact_width = max(FACT_MIN, min(int(self.size.width * FACT_SHARE), room))
        table.add_column(Text("Fact"), key="fact", width=fact_width)
        for article in articles:
            name = f"[{self._number(article)}] {visible(self._comparison.labels[article])}"
            style = "bold reverse" if article == self.article else ""
            table.add_column(
                Text(name, style=style, no_wrap=True, overflow="ellipsis"), key=article, width=name_width
            )
        for index, fact in enumerate(self.facts):
            cells = [Text(fact.text.replace("\n", " "), no_wrap=True, overflow="ellipsis")]
            cells += [
                Text(f"{PRESENT} {fact.where_short(a)}".rstrip() if a in fact.present else ABSENT, justify="center")
                for a in articles
            ]
            table.add_row(*cells, key=str(index))
        if self.facts:
            table.move_cursor(row=min(row, len(self.facts) - 1))
        self.query_one("#ledger-hint", Static).update(self._hint())

    def _hint(self) -> Text:
        if not self.ledger.facts:
            return Text("No fact is present in some articles and missing in others.")
        scope = (
            f"{len(self.facts)} facts missing in [{self._number(self.article)}] "
            f"{visible(self._comparison.labels[self.article])}"
            if self.article is not None
            else f"{len(self.facts)} facts, most reported first"
        )
        return Text(
            f"{scope} · ● at head/lede/body/end (last quarter) ○ missing · j/k · enter jumps · f/F · escape"
        )

    def action_move(self, step: int) -> None:
        """Move the cursor one fact down (1) or up (-1)."""
        table = self.query_one(DataTable)
        table.action_cursor_down() if step > 0 else table.action_cursor_up()

    def action_filter(self, step: int) -> None:
        """Narrow to the facts the next (1) or previous (-1) article leaves out; past the last, all facts."""
        choices: list[str | None] = [None, *self.ledger.articles]
        self.article = choices[(choices.index(self.article) + step) % len(choices)]
        self._fill()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter: back to the review screen, on the fact's passage."""
        index = int(event.row_key.value or 0)
        if 0 <= index < len(self.facts):
            self.dismiss(self.facts[index])

    def action_close(self) -> None:
        """Back without moving."""
        self.dismiss(None)
