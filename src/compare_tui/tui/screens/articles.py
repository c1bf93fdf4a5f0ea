"""Choose which articles are shown: a checklist of every article, for sets larger than the 1–9 keys reach."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, SelectionList
from textual.widgets.selection_list import Selection

from compare_tui.core.models import Article
from compare_tui.core.safe_text import visible


class ArticlesScreen(ModalScreen[frozenset[str] | None]):
    """Ticked articles are shown; closing returns the ids of the unticked (hidden) ones."""

    BINDINGS = [Binding("escape,h", "close", "Apply and close", id="articles_close")]

    def __init__(
        self, articles: Sequence[Article], labels: Mapping[str, str], hidden: AbstractSet[str]
    ) -> None:
        super().__init__()
        self._articles = tuple(articles)
        self._labels = labels
        self._hidden = frozenset(hidden)

    def compose(self) -> ComposeResult:
        selections = [
            Selection(Text(f"[{n}] {visible(self._labels[a.id])}"), a.id, a.id not in self._hidden)
            for n, a in enumerate(self._articles, start=1)
        ]
        with Vertical(id="articles-dialog"):
            yield Label("Shown articles · space or enter ticks · escape applies")
            yield SelectionList[str](*selections, id="articles-options")

    def on_mount(self) -> None:
        self.query_one(SelectionList).focus()

    def action_close(self) -> None:
        """Close, hiding every unticked article."""
        shown = set(self.query_one(SelectionList).selected)
        self.dismiss(frozenset(a.id for a in self._articles if a.id not in shown))
