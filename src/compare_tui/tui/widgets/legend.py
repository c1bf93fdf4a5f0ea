"""The legend: each highlight category drawn in its own style, with its letter, count and toggle key."""

from __future__ import annotations

from collections.abc import Mapping

from rich.text import Text

from compare_tui.core.finding_types import FindingType
from compare_tui.tui.highlights import HIGHLIGHTS
from compare_tui.tui.widgets.highlighted import Highlighted


class Legend(Highlighted):
    """One line explaining the highlights; categories switched off are struck through."""

    COMPONENT_CLASSES = Highlighted.COMPONENT_CLASSES | {"legend--off", "legend--key"}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._counts: Mapping[FindingType, int] = {}
        self._enabled: frozenset[FindingType] = frozenset(h.id for h in HIGHLIGHTS)

    def show(self, *, counts: Mapping[FindingType, int], enabled: frozenset[FindingType]) -> None:
        """Update the counts and which categories are on."""
        self._counts, self._enabled = counts, enabled
        self.refresh()

    def render(self) -> Text:
        """`E Editorial aside 2 ⟨E⟩` for every category, in the category's own style."""
        off = self.get_component_rich_style("legend--off")
        key = self.get_component_rich_style("legend--key")
        line = Text(no_wrap=True, overflow="ellipsis")
        for h in HIGHLIGHTS:
            on = h.id in self._enabled
            line.append(
                f" {h.letter} {h.label} {self._counts.get(h.id, 0)} ",
                self.finding_style(h.id) if on else off,
            )
            line.append(f"⟨{h.letter}⟩", key)
            line.append(" ")
        return line
