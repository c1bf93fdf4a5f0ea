"""The status line: where the cursor is, how sure the row is, what was found, and the reference article."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from rich.text import Text
from textual.widget import Widget

from compare_tui.core.finding_types import FindingType
from compare_tui.tui.highlights import HIGHLIGHT_BY_TYPE


@dataclass(frozen=True, slots=True)
class Status:
    """What the status line reports."""

    row: int
    rows: int
    score: float | None
    row_status: str | None
    counts: Mapping[FindingType, int]
    reference: str
    threshold: float
    mode: str
    folded: bool
    hidden: int


class StatusLine(Widget):
    """A single line at the bottom of the review screen."""

    COMPONENT_CLASSES = {"status--label"}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._status: Status | None = None

    @property
    def status(self) -> Status | None:
        """What the line currently reports."""
        return self._status

    def show(self, status: Status | None) -> None:
        """Report a new status."""
        self._status = status
        self.refresh()

    def render(self) -> Text:
        """The status as plain text pieces."""
        s = self._status
        if s is None:
            return Text("comparing…  ? help  ctrl+p commands  q quit")
        label = self.get_component_rich_style("status--label")
        score = "—" if s.score is None else f"{s.score:.2f}"
        counts = " ".join(f"{HIGHLIGHT_BY_TYPE[t].letter}{n}" for t, n in s.counts.items())
        parts = [
            ("row", f"{s.row}/{s.rows}" + (f" {s.row_status}" if s.row_status else "")),
            ("score", score),
            ("findings", counts),
            ("reference", s.reference),
            ("threshold", f"{s.threshold:.2f}"),
            (
                "view",
                s.mode + (" · folded" if s.folded else "") + (f" · {s.hidden} hidden" if s.hidden else ""),
            ),
        ]
        line = Text(no_wrap=True, overflow="ellipsis")
        for name, value in parts:
            line.append(f" {name} ", label)
            line.append(f"{value} ")
        line.append(" ? help ", label)
        return line
