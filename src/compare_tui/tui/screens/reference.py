"""Choose the reference article (whose order the rows follow), or the consensus order."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from compare_tui.core.labels import has_outlet
from compare_tui.core.models import Article
from compare_tui.core.safe_text import visible

CONSENSUS = "\x00consensus"


class ReferenceScreen(ModalScreen[tuple[str | None] | None]):
    """A list of the articles; dismisses with (article id or None for consensus,), or None if cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="reference_cancel")]

    def __init__(self, articles: Sequence[Article], labels: Mapping[str, str], current: str | None) -> None:
        super().__init__()
        self._articles = tuple(articles)
        self._labels = labels
        self._current = current

    def compose(self) -> ComposeResult:
        options = [Option(Text("Consensus order (no reference)"), id=CONSENSUS)]
        for number, article in enumerate(self._articles, start=1):
            name = visible(self._labels[article.id])
            title = visible(article.title or "").replace("\n", " ")
            line = f"{name} — {title}" if has_outlet(article) else title or name
            options.append(Option(Text(f"[{number}] {line}"), id=article.id))
        with Vertical(id="reference-dialog"):
            yield Label("Reference article: rows follow its order")
            yield OptionList(*options, id="reference-options")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        ids = [CONSENSUS, *(a.id for a in self._articles)]
        options.highlighted = ids.index(self._current) if self._current in ids else 0
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        choice = event.option.id
        self.dismiss((None if choice == CONSENSUS else choice,))

    def action_cancel(self) -> None:
        """Close without changing the reference."""
        self.dismiss(None)
