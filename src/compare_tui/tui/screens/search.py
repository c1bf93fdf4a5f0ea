"""Search all shown articles: type, see every match with its row, pick one to jump there."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from compare_tui.core.models import Article
from compare_tui.core.safe_text import visible
from compare_tui.core.view import Grid, SearchHit, search

CONTEXT = 30
SearchResult = tuple[str, tuple[SearchHit, ...], SearchHit | None]


class SearchScreen(ModalScreen[SearchResult | None]):
    """Dismisses with (query, all hits, chosen hit or None) or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="search_cancel")]

    def __init__(
        self, grid: Grid, articles: Sequence[Article], labels: Mapping[str, str], *, query: str = ""
    ) -> None:
        super().__init__()
        self._grid = grid
        self._articles = tuple(articles)
        self._names = {a.id: visible(labels[a.id]) for a in articles}
        self._query = query
        self._hits: tuple[SearchHit, ...] = ()

    def compose(self) -> ComposeResult:
        with Vertical(id="search-dialog"):
            yield Label("Search all shown articles (enter: first match, ↓: pick one)", id="search-label")
            yield Input(value=self._query, placeholder="words to find", id="search-input")
            yield OptionList(id="search-results")

    def on_mount(self) -> None:
        self._update(self._query)

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        self._update(event.value)

    def _update(self, query: str) -> None:
        self._query = query
        self._hits = search(self._grid, query, articles=[a.id for a in self._articles])
        results = self.query_one(OptionList)
        results.clear_options()
        results.add_options(self._option(i, hit) for i, hit in enumerate(self._hits[:200]))
        label = f"{len(self._hits)} matches" if query.strip() else "Search all shown articles"
        self.query_one("#search-label", Label).update(Text(label))

    def _option(self, index: int, hit: SearchHit) -> Option:
        row = self._grid.rows[hit.row]
        text = row.cells[hit.article].text
        lo, hi = max(0, hit.start - CONTEXT), min(len(text), hit.end + CONTEXT)
        line = Text(f"row {row.number:>3}  {self._names[hit.article]}: ")
        line.append(("…" if lo else "") + text[lo : hit.start].replace("\n", " "))
        line.append(text[hit.start : hit.end], style="bold reverse")
        line.append(text[hit.end : hi].replace("\n", " ") + ("…" if hi < len(text) else ""))
        return Option(line, id=str(index))

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.dismiss((self._query, self._hits, self._hits[0] if self._hits else None))

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss((self._query, self._hits, self._hits[int(event.option.id or 0)]))

    def key_down(self) -> None:
        """↓ from the input moves into the results."""
        if self.focused is self.query_one(Input) and self._hits:
            self.query_one(OptionList).focus()

    def action_cancel(self) -> None:
        """Close; keep no search."""
        self.dismiss(None)
