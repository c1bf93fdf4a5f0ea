"""The headline strip: every shown article's headline on one line, wording differences highlighted."""

from __future__ import annotations

from rich.text import Text

from compare_tui.core.finding_types import FindingType
from compare_tui.core.labels import has_outlet
from compare_tui.core.models import Article
from compare_tui.core.safe_text import visible
from compare_tui.core.view import Cell
from compare_tui.tui.widgets.highlighted import Highlighted

SHARE = 4
"""The strip takes at most a quarter of the screen's height (its border included)."""


class HeadlineStrip(Highlighted):
    """Headlines compared at the top of the review screen."""

    COMPONENT_CLASSES = Highlighted.COMPONENT_CLASSES | {"headlines--outlet"}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._articles: tuple[Article, ...] = ()
        self._numbers: dict[str, str] = {}
        self._labels: dict[str, str] = {}
        self._cells: dict[str, Cell] = {}
        self._types: frozenset[FindingType] = frozenset()

    def show(
        self,
        articles: tuple[Article, ...],
        *,
        numbers: dict[str, str],
        labels: dict[str, str],
        cells: dict[str, Cell],
        types: frozenset[FindingType],
    ) -> None:
        """Show the headlines of `articles` (numbered and named as in the column headers)."""
        self._articles, self._numbers, self._labels = articles, numbers, labels
        self._cells, self._types = cells, types
        self.refresh(layout=True)

    def render(self) -> Text:
        """One literal line per article: number, outlet, then the headline with its marks."""
        outlet_style = self.get_component_rich_style("headlines--outlet")
        width = max((len(self._label(a)) for a in self._articles), default=0)
        room = max(1, self.screen.size.height // SHARE - 1)
        shown = len(self._articles) if len(self._articles) <= room else room - 1
        lines = []
        for article in self._articles[:shown]:
            line = Text(
                self._label(article).ljust(width + 1), style=outlet_style, no_wrap=True, overflow="ellipsis"
            )
            cell = self._cells.get(article.id)
            if cell is not None:
                line.append_text(
                    self.marked_text(cell.text.replace("\n", " "), cell.marks, types=self._types)
                )
            else:
                line.append(visible(article.title or "(no title)").replace("\n", " "))
            lines.append(line)
        hidden = len(self._articles) - shown
        if hidden > 0:
            more = f"… {hidden} more headline{'s' * (hidden != 1)} in the column headers · t hides the strip"
            lines.append(Text(more, style=outlet_style))
        return Text("\n", no_wrap=True, overflow="ellipsis").join(lines)

    def _label(self, article: Article) -> str:
        """Number and outlet; without an outlet the name is the headline itself, so it is not repeated."""
        name = visible(self._labels.get(article.id, "")) if has_outlet(article) else ""
        return f"{self._numbers.get(article.id, '')} {name}".strip()
