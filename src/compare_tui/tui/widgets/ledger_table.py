"""The omission ledger's table, drawn line by line: only the lines on screen are rendered.

A `DataTable` measured and laid out every cell (~600 for 12 articles) before its first frame, which made
opening the ledger cost over half a second; here a line is a handful of segments built when it is shown.
The fact column stays at the left and the header row at the top; article columns scroll sideways by whole
columns. Every text is literal: segments of plain strings, never markup, control characters made visible.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from compare_tui.core.row_details import FactPresence
from compare_tui.core.safe_text import visible
from compare_tui.tui.wrap import fit

PRESENT = "●"
ABSENT = "○"
FACT_SHARE = 0.45
"""Article columns get at least the width the fact column does not claim (this share of the width)."""
FACT_MIN = 24
NAME_WIDTH = (10, 22)
"""Article columns are 10 to 22 cells wide: "[11] bbc.co…" names the article, the mark sits below it."""
HEADER_LINES = 1


def centred(text: str, width: int) -> str:
    """`text` centred in exactly `width` cells (cut with an ellipsis when too long)."""
    spare = width - cell_len(text)
    return fit(text, width) if spare < 0 else " " * (spare // 2) + text + " " * (spare - spare // 2)


def column_widths(width: int, articles: int, longest_fact: int) -> tuple[int, int]:
    """(fact column, article column) widths for a table `width` cells wide.

    The fact column claims what its longest text needs, up to FACT_SHARE of the width; article columns share
    the rest, 10 to 22 cells each (past that they scroll sideways); the fact column then takes what they
    leave, never less than FACT_MIN.
    """
    count = max(1, articles)
    narrowest, widest = NAME_WIDTH
    wanted = max(FACT_MIN, min(int(width * FACT_SHARE), longest_fact + 2))
    name_width = max(narrowest, min(widest, (width - wanted) // count - 1))
    rest = width - count * (name_width + 1)
    return max(FACT_MIN, min(rest, max(wanted, longest_fact + 2))), name_width


class LedgerTable(ScrollView, can_focus=True, inherit_bindings=False):
    """Facts (rows) × articles (columns) with a row cursor; enter posts `LedgerTable.Chosen`."""

    COMPONENT_CLASSES = {
        "ledger--header",
        "ledger--header-chosen",
        "ledger--separator",
        "ledger--stripe",
        "ledger--cursor",
        "ledger--absent",
    }

    DEFAULT_CSS = """
    LedgerTable { background: $surface; overflow-y: scroll; }
    LedgerTable > .ledger--header { text-style: bold; color: $text; background: $panel; }
    LedgerTable > .ledger--header-chosen { text-style: bold reverse; }
    LedgerTable > .ledger--separator { color: $foreground 25%; }
    LedgerTable > .ledger--stripe { background: $surface-lighten-1; }
    LedgerTable > .ledger--cursor { background: $block-cursor-background; color: $block-cursor-foreground; }
    LedgerTable > .ledger--absent { color: $text-muted; }
    """

    BINDINGS = [
        Binding("down", "move(1)", "Next fact", show=False),
        Binding("up", "move(-1)", "Previous fact", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("home", "edge(0)", "First fact", show=False),
        Binding("end", "edge(1)", "Last fact", show=False),
        Binding("left", "scroll_column(-1)", "Scroll left", show=False),
        Binding("right", "scroll_column(1)", "Scroll right", show=False),
        Binding("enter", "choose", "Jump to the passage", show=False),
    ]

    class Chosen(Message):
        """Enter (or a click on the cursor's row): the fact at `index` was chosen."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.facts: tuple[FactPresence, ...] = ()
        self.articles: tuple[str, ...] = ()
        self.headers: dict[str, str] = {}
        self.chosen_article: str | None = None
        self.cursor = 0
        self.fact_width = FACT_MIN
        self.name_width = NAME_WIDTH[0]
        self._laid_out_width = -1
        self._rows: dict[int, tuple[str, tuple[str, ...]]] = {}
        self._render_line_cached = lru_cache(maxsize=512)(self._render_line)
        """Lines keyed by row, horizontal scroll, width and whether the cursor is on them; cleared whenever
        the facts, the layout or the styles change."""

    @property
    def row_count(self) -> int:
        """How many facts the table lists."""
        return len(self.facts)

    def show(
        self,
        facts: Sequence[FactPresence],
        articles: Sequence[str],
        headers: dict[str, str],
        chosen_article: str | None,
    ) -> None:
        """List `facts` against `articles` (each headed by its text in `headers`, shown literally); the
        cursor stays on its row number where it still exists."""
        self.facts, self.articles = tuple(facts), tuple(articles)
        self.headers = {a: " ".join(visible(headers[a]).split()) for a in self.articles}
        self.chosen_article = chosen_article
        self._rows.clear()
        self.cursor = max(0, min(self.cursor, len(self.facts) - 1))
        self._relayout()
        self._scroll_to_cursor()

    def _text_width(self) -> int:
        """Cells left of the vertical scrollbar, which is always there (overflow-y: scroll): the columns and
        the furthest sideways scroll are counted in the width they really get. Before the first layout (on
        mount) the table has no size yet: it spans the screen, so the terminal's width stands in, and the
        first frame needs no redraw."""
        width = self.content_region.width or self.app.size.width
        return max(0, width - self.styles.scrollbar_size_vertical)

    def _relayout(self) -> None:
        width = self._laid_out_width = self._text_width()
        longest = max((cell_len(self.row(i)[0]) for i in range(len(self.facts))), default=0)
        self.fact_width, self.name_width = column_widths(width, len(self.articles), longest)
        step, count = self.name_width + 1, len(self.articles)
        area = max(0, width - self.fact_width)
        # Scrolled to the far right, the leftmost article column is still whole: the extent is padded so
        # that the furthest scroll is a whole number of columns.
        articles = max(count * step, (count - area // step) * step + area)
        self.virtual_size = Size(self.fact_width + articles, HEADER_LINES + len(self.facts))
        self._invalidate()

    def _invalidate(self) -> None:
        self._render_line_cached.cache_clear()
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        """Columns follow the width; a resize to the same width (one follows every push) redraws nothing."""
        if self._text_width() != self._laid_out_width:
            self._relayout()
        self._scroll_to_cursor()

    def notify_style_update(self) -> None:
        """Another theme or reloaded CSS: lines drawn in the old styles are dropped."""
        super().notify_style_update()
        self._invalidate()

    def row(self, index: int) -> tuple[str, tuple[str, ...]]:
        """The fact's text on one line and its mark per article (● and where, or ○)."""
        row = self._rows.get(index)
        if row is None:
            fact = self.facts[index]
            marks = tuple(
                f"{PRESENT} {fact.where_short(a)}".rstrip() if a in fact.present else ABSENT
                for a in self.articles
            )
            row = self._rows[index] = (" ".join(visible(fact.text).split()), marks)
        return row

    @property
    def _rows_on_screen(self) -> int:
        return max(1, self.scrollable_content_region.height - HEADER_LINES)

    def move_to(self, index: int) -> None:
        """Put the cursor on fact `index` (clamped), scrolling it into view."""
        if not self.facts:
            return
        previous, self.cursor = self.cursor, max(0, min(index, len(self.facts) - 1))
        offset = self.scroll_offset
        self._scroll_to_cursor()
        if self.scroll_offset == offset:
            self.refresh_lines(HEADER_LINES + previous)
            self.refresh_lines(HEADER_LINES + self.cursor)

    def _scroll_to_cursor(self) -> None:
        top, rows = int(self.scroll_y), self._rows_on_screen
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + rows:
            self.scroll_to(y=self.cursor - rows + 1, animate=False, immediate=True)

    def action_move(self, step: int) -> None:
        """One fact down (1) or up (-1)."""
        self.move_to(self.cursor + step)

    def action_page(self, step: int) -> None:
        """A screenful of facts down (1) or up (-1)."""
        self.move_to(self.cursor + step * self._rows_on_screen)

    def action_edge(self, end: int) -> None:
        """The first (0) or the last (1) fact."""
        self.move_to(len(self.facts) - 1 if end else 0)

    def action_scroll_column(self, step: int) -> None:
        """One whole article column to the right (1) or left (-1)."""
        column = round(self.scroll_x / (self.name_width + 1)) + step
        self.scroll_to(x=max(0, column) * (self.name_width + 1), animate=False, immediate=True)

    def action_choose(self) -> None:
        """Enter: tell the screen which fact was chosen."""
        if self.facts:
            self.post_message(self.Chosen(self.cursor))

    def on_click(self, event: events.Click) -> None:
        """A click moves the cursor to the fact; a click on the cursor's fact chooses it."""
        offset = event.get_content_offset(self)
        if offset is None or offset.y < HEADER_LINES:
            return
        index = offset.y - HEADER_LINES + int(self.scroll_y)
        if 0 <= index < len(self.facts):
            if index == self.cursor:
                self.action_choose()
            else:
                self.move_to(index)

    def render_line(self, y: int) -> Strip:
        """The header on the first line whatever the scroll; below it, the facts from the scroll position."""
        width = self.scrollable_content_region.width
        row = -1 if y < HEADER_LINES else y - HEADER_LINES + int(self.scroll_y)
        return self._render_line_cached(row, int(self.scroll_x), width, row == self.cursor)

    def _render_line(self, row: int, scroll_x: int, width: int, on_cursor: bool) -> Strip:
        base = self.rich_style
        if row >= len(self.facts):
            return Strip.blank(width, base)
        separator = Style(color=self.get_component_rich_style("ledger--separator").color)
        step = self.name_width + 1
        if row < 0:
            style = base + self.get_component_rich_style("ledger--header", partial=True)
            chosen = style + self.get_component_rich_style("ledger--header-chosen", partial=True)
            fact = [Segment(fit(" Fact", self.fact_width), style)]
            cells = [
                Segment(fit(self.headers[a], self.name_width), chosen if a == self.chosen_article else style)
                for a in self.articles
            ]
            separator = style + separator
        else:
            style = base
            if on_cursor:
                style += self.get_component_rich_style("ledger--cursor", partial=True)
            elif row % 2:
                style += self.get_component_rich_style("ledger--stripe", partial=True)
            absent = style + Style(color=self.get_component_rich_style("ledger--absent").color)
            text, marks = self.row(row)
            fact = [Segment(fit(" " + text, self.fact_width), style)]
            cells = [Segment(centred(m, self.name_width), absent if m == ABSENT else style) for m in marks]
            separator = style + separator
        articles: list[Segment] = []
        for cell in cells:
            articles += [Segment("│", separator), cell]
        first = scroll_x // step
        start = scroll_x - first * step
        shown = Strip(articles[2 * first :]).crop(start, start + max(0, width - self.fact_width))
        line = Strip.join([Strip(fact), shown])
        return line.adjust_cell_length(width, style).simplify()
