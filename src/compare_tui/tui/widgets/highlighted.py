"""A base for widgets that draw findings: it declares the highlight component classes once.

`app.tcss` styles `Highlighted > .hl--<type>` on theme variables; every widget that inherits from this
class picks those styles up, so the grid, the headline strip, the legend and the details agree.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.widget import Widget

from compare_tui.core.finding_types import FindingType
from compare_tui.core.view import Mark
from compare_tui.tui.highlights import COMPONENT_CLASSES, HIGHLIGHT_BY_TYPE


class Highlighted(Widget):
    """Mixin base: access to the style of each finding type."""

    COMPONENT_CLASSES = set(COMPONENT_CLASSES)

    def finding_style(self, finding_type: FindingType) -> Style:
        """The Rich style of a finding type in the current theme."""
        return self.get_component_rich_style(HIGHLIGHT_BY_TYPE[finding_type].component)

    def marked_text(self, text: str, marks: tuple[Mark, ...], *, types: frozenset[FindingType]) -> Text:
        """`text` shown literally (never parsed as markup) with the marks of the enabled types styled."""
        out = Text(text, no_wrap=False)
        for mark in marks:
            if mark.type in types:
                out.stylize(self.finding_style(mark.type), mark.start, mark.end)
        return out
