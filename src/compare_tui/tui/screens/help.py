"""The help screen: every key of the review screen and the app, grouped as in the command palette."""

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
        yield Static("escape back · ctrl+p runs any of these by name", id="help-hint")

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
