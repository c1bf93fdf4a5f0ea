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
from textual.widgets import Header, Static

from compare_tui.core.comparison import Comparison
from compare_tui.core.row_details import FactPresence, Ledger, missing_in
from compare_tui.core.safe_text import visible
from compare_tui.tui.widgets.ledger_table import ABSENT, PRESENT, LedgerTable


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
        self._numbers = {a.id: n for n, a in enumerate(comparison.articles, 1)}

    def compose(self) -> ComposeResult:
        yield Header(icon="#")
        yield LedgerTable(id="ledger")
        yield Static(id="ledger-hint")

    def on_mount(self) -> None:
        self.title = "Omission ledger"
        self._fill()
        self.query_one(LedgerTable).focus()

    def _heading(self, article: str) -> str:
        return f"[{self._numbers[article]}] {visible(self._comparison.labels[article])}"

    def _fill(self) -> None:
        """Show the facts of the current filter."""
        self.facts = missing_in(self.ledger, self.article)
        articles = self.ledger.articles
        self.query_one(LedgerTable).show(
            self.facts, articles, {a: self._heading(a) for a in articles}, self.article
        )
        self.query_one("#ledger-hint", Static).update(self._hint())

    def _hint(self) -> Text:
        if not self.ledger.facts:
            return Text("No fact is present in some articles and missing in others.")
        facts = f"{len(self.facts)} fact{'' if len(self.facts) == 1 else 's'}"
        scope = (
            f"{facts} missing in {self._heading(self.article)}"
            if self.article is not None
            else f"{facts}, most reported first"
        )
        return Text(
            f"{scope} · {PRESENT} head/lede/body/end (last quarter) {ABSENT} missing · j/k · enter jumps · "
            "f/F article · esc"
        )

    def action_move(self, step: int) -> None:
        """Move the cursor one fact down (1) or up (-1)."""
        self.query_one(LedgerTable).action_move(step)

    def action_filter(self, step: int) -> None:
        """Narrow to the facts the next (1) or previous (-1) article leaves out; past the last, all facts."""
        choices: list[str | None] = [None, *self.ledger.articles]
        self.article = choices[(choices.index(self.article) + step) % len(choices)]
        self._fill()

    def on_ledger_table_chosen(self, event: LedgerTable.Chosen) -> None:
        """Enter: back to the review screen, on the fact's passage."""
        if 0 <= event.index < len(self.facts):
            self.dismiss(self.facts[event.index])

    def action_close(self) -> None:
        """Back without moving."""
        self.dismiss(None)
