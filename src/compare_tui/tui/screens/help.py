"""The help screen: every key of the review screen and the app, grouped as in the command palette, and what
the symbols in the grid mean (drawn from the same tables the grid and the triage tags use)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Static

from compare_tui.tui.commands import ScreenAction
from compare_tui.tui.highlights import HIGHLIGHTS
from compare_tui.tui.screens.triage import TRIAGE_TAGS
from compare_tui.tui.widgets.grid import CURRENT_CLOSE, CURRENT_OPEN, STATUS_GLYPH

ROW_SYMBOLS = {
    "match": "the passages of the row say the same",
    "partial": "the passages of the row overlap in part",
    "unique": "only one article has this passage",
}
TRIAGE_MEANINGS = {
    "accepted": "you accepted the finding (a)",
    "dismissed": "you dismissed it (d); it is drawn dimmed",
    "flagged": "you flagged it (!)",
    None: "a note without a decision (c)",
}
OTHER_SYMBOLS = (
    (f"{CURRENT_OPEN} … {CURRENT_CLOSE}", "the current finding (n / N)"),
    ("¶4 ↑  ¶7 ↓", "the passage stands higher up / further down in its own article"),
    ("≡12", "reading order: the passage is in aligned row 12"),
    ("┄┄ no passage ┄┄", "the article has nothing for this row"),
    ("★", "the reference article (r), whose order the rows follow"),
)


class HelpScreen(Screen[None]):
    """A table of keys; escape, q or ? goes back."""

    BINDINGS = [Binding("escape,q,question_mark", "app.pop_screen", "Back", id="help_close")]

    def __init__(self, actions: Sequence[ScreenAction]) -> None:
        super().__init__()
        self.actions = tuple(actions)

    def compose(self) -> ComposeResult:
        yield Header(icon="#")
        with VerticalScroll(id="help"):
            yield Static(self._table())
            yield Static(self._symbols(), id="help-symbols")
        yield Static(
            "escape back · ↓ scrolls to the symbols · ctrl+p runs any of these by name", id="help-hint"
        )

    def on_mount(self) -> None:
        self.title = "Keys"
        self.query_one(VerticalScroll).focus()

    def _table(self) -> Table:
        table = Table(expand=True, show_edge=False, box=None, padding=(0, 2))
        table.add_column("keys", no_wrap=True, style="bold")
        table.add_column("action")
        table.add_column("group", style="dim")
        for action in self.actions:
            table.add_row(Text(action.keys), Text(action.description), Text(action.group))
        return table

    def _symbols(self) -> Table:
        """Row symbols, margin letters, triage marks and other glyphs of the grid, each explained."""
        table = Table(
            expand=True, show_edge=False, box=None, padding=(0, 2), title="Symbols", title_justify="left"
        )
        table.add_column("symbol", no_wrap=True, style="bold")
        table.add_column("meaning")
        table.add_column("where", style="dim")
        for status, meaning in ROW_SYMBOLS.items():
            table.add_row(Text(STATUS_GLYPH[status]), Text(meaning), Text("after the row number"))
        for kind in HIGHLIGHTS:
            table.add_row(Text(kind.letter), Text(kind.label), Text("left of a highlighted line"))
        for state, meaning in TRIAGE_MEANINGS.items():
            table.add_row(Text(TRIAGE_TAGS[state]), Text(meaning), Text("after the letter"))
        for symbol, meaning in OTHER_SYMBOLS:
            table.add_row(Text(symbol), Text(meaning), Text("in the text"))
        return table
