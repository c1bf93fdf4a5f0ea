"""A small dialog for the editor's note on a finding: enter keeps it, escape leaves the note as it was."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from compare_tui.core.safe_text import visible


class NoteScreen(ModalScreen[str | None]):
    """Dismisses with the new note (empty removes it) or None when cancelled."""

    DEFAULT_CSS = """
    NoteScreen { align: center middle; }
    NoteScreen > Vertical {
        width: 80; max-width: 90%; height: auto; padding: 1 2;
        border: round $accent; background: $surface;
    }
    NoteScreen Label { width: 100%; margin-bottom: 1; }
    NoteScreen #note-help { color: $text-muted; margin: 1 0 0 0; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="note_cancel")]

    def __init__(self, finding_text: str, *, note: str = "") -> None:
        super().__init__()
        self._finding_text = finding_text
        self._note = note

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Text(f"Note on “{visible(self._finding_text)[:120]}”"), id="note-title")
            yield Input(value=self._note, placeholder="why it matters, what to check…", id="note-input")
            yield Label("enter: save · escape: cancel · an empty note removes it", id="note-help")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        """Close without changing the note."""
        self.dismiss(None)
