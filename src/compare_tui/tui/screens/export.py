"""The export dialog: pick a format, whether dismissed findings show, and where to write; nothing more.

It returns an `ExportRequest`; the review screen hands that to `core.export.export_bytes` and writes the file,
so no report logic lives here.
"""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, RadioButton, RadioSet

from compare_tui.core.export import EXPORT_FORMATS, EXPORT_KINDS, ExportFormat, ExportRequest


class ExportScreen(ModalScreen[ExportRequest | None]):
    """Dismisses with the chosen export, or None when cancelled."""

    DEFAULT_CSS = """
    ExportScreen { align: center middle; }
    ExportScreen > Vertical {
        width: 76; max-width: 95%; height: auto; padding: 1 2;
        border: round $accent; background: $surface;
    }
    ExportScreen RadioSet { width: 100%; margin-bottom: 1; }
    ExportScreen #export-buttons { height: auto; margin-top: 1; align-horizontal: right; }
    ExportScreen Button { margin-left: 2; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="export_cancel")]

    def __init__(
        self, *, folder: Path, name_for: dict[ExportFormat, str], fmt: ExportFormat = "html"
    ) -> None:
        super().__init__()
        self._folder = folder
        self._names = name_for
        self._fmt: ExportFormat = fmt

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Export")
            with RadioSet(id="export-format"):
                for kind in EXPORT_KINDS:
                    yield RadioButton(kind.label, value=kind.id == self._fmt, id=f"format-{kind.id}")
            yield Checkbox(
                "Include dismissed findings (shown struck through)", value=True, id="export-dismissed"
            )
            yield Label("File:")
            yield Input(value=str(self._folder / self._names[self._fmt]), id="export-path")
            with Horizontal(id="export-buttons"):
                yield Button("Cancel", id="export-cancel")
                yield Button("Export", variant="primary", id="export-ok")

    def on_mount(self) -> None:
        self.query_one(RadioSet).focus()

    @on(RadioSet.Changed)
    def _format_changed(self, event: RadioSet.Changed) -> None:
        fmt = EXPORT_FORMATS[event.index]
        path_input = self.query_one("#export-path", Input)
        current = Path(path_input.value)
        if current.name == self._names[self._fmt]:
            path_input.value = str(current.with_name(self._names[fmt]))
        self._fmt = fmt

    @on(Input.Submitted, "#export-path")
    @on(Button.Pressed, "#export-ok")
    def _export(self) -> None:
        value = self.query_one("#export-path", Input).value.strip()
        if not value:
            self.notify("Give a file to write.", severity="warning")
            return
        dismissed = self.query_one("#export-dismissed", Checkbox).value
        self.dismiss(ExportRequest(self._fmt, Path(value).expanduser(), include_dismissed=dismissed))

    @on(Button.Pressed, "#export-cancel")
    def action_cancel(self) -> None:
        """Close without exporting."""
        self.dismiss(None)
