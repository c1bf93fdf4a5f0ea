"""Choose which articles are shown: a checklist of every article, for sets larger than the 1–9 keys reach;
and the second article to focus on beside the current one."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, SelectionList
from textual.widgets.option_list import Option
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


class PartnerScreen(ModalScreen[str | None]):
    """The article to set beside `first` (side by side, word changes marked); None if cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="partner_cancel")]

    def __init__(self, articles: Sequence[Article], labels: Mapping[str, str], first: str) -> None:
        super().__init__()
        self._articles = tuple(articles)
        self._labels = labels
        self._first = first

    def compose(self) -> ComposeResult:
        number = next(n for n, a in enumerate(self._articles, 1) if a.id == self._first)
        options = [
            Option(Text(f"[{n}] {visible(self._labels[a.id])}"), id=a.id)
            for n, a in enumerate(self._articles, start=1)
            if a.id != self._first
        ]
        with Vertical(id="partner-dialog"):
            yield Label(f"Compare [{number}] {visible(self._labels[self._first])} with:")
            yield OptionList(*options, id="partner-options")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        """Close without focusing."""
        self.dismiss(None)
