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
    finding: str | None = None
    """The current finding in words: type, article and explanation (None off a finding)."""


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
        self.refresh(layout=True)

    def render(self) -> Text:
        """Short fields first (row, score, view, threshold, reference), then the current finding or the counts,
        which may be cut at the right edge."""
        s = self._status
        if s is None:
            return Text("comparing…  ? help  ctrl+p commands  q quit")
        label = self.get_component_rich_style("status--label")
        glyph = {"match": "=", "partial": "≈", "unique": "◆"}.get(s.row_status or "", "")
        score = "" if s.score is None else f" {s.score:.2f}"
        view = s.mode + (" · folded" if s.folded else "") + (f" · {s.hidden} hidden" if s.hidden else "")
        parts = [
            ("row", f"{s.row}/{s.rows} {glyph}{score}".rstrip()),
            ("view", view),
            ("t", f"{s.threshold:.2f}"),
            ("ref", s.reference),
        ]
        if not s.finding:
            parts.append(
                ("found", " ".join(f"{HIGHLIGHT_BY_TYPE[t].letter}{n}" for t, n in s.counts.items()))
            )
        line = Text(no_wrap=True, overflow="ellipsis")
        line.append(" ? ", label)
        for name, value in parts:
            line.append(f" {name} ", label)
            line.append(f"{value} ")
        if s.finding:
            if line.cell_len + len(s.finding) + 10 > self.size.width:
                line.append("\n")  # a narrow screen gives the finding a line of its own
            line.append(" finding ", label)
            line.append(f"{s.finding} ")
        return line
