"""The comparison grid: one column per article, one screen row per aligned passage, drawn line by line.

A `ScrollView` with the Line API: the layout (wrapped lines of every cell, the height of every row) is
computed once per width and view, and `render_line` builds only the lines and columns on screen, with an
LRU cache, so a 12-article comparison scrolls as fast as a 2-article one. All columns live in one widget,
which is what keeps them scrolling together. The widget decides nothing about the comparison: it draws
the `GridView` the review screen hands it.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from compare_tui.core.finding_types import FindingType
from compare_tui.core.labels import article_numbers, has_outlet
from compare_tui.core.models import Article
from compare_tui.core.safe_text import visible
from compare_tui.core.view import Cell, Cursor, Fold, Grid, GridRow, Mark
from compare_tui.tui.highlights import HIGHLIGHT_BY_TYPE
from compare_tui.tui.messages import CellClicked
from compare_tui.tui.widgets.highlighted import Highlighted
from compare_tui.tui.wrap import fit, wrap_spans

if TYPE_CHECKING:
    from compare_tui.core.pair import PairView

GUTTER = 6
"""Cells on the left for the row number and its status glyph."""
MIN_COLUMN = 30
"""Narrowest column while several fit; with more articles than fit, the grid scrolls sideways by whole columns."""
NARROWEST = 12
"""Narrowest column at all (one column on a very small terminal)."""
MARKER = 2
"""Cells at the start of each cell line for the finding letter (and a triage tag)."""
HEADER_LINES = 2
"""The column header: number, name and headline on one line, then a rule."""
STATUS_GLYPH = {"match": "=", "partial": "≈", "unique": "◆", None: " "}
CORRECTED_GLYPH = "†"
"""After the status glyph of a row the reviewer corrected (a glyph Fira Code has, for PNG screenshots)."""


@dataclass(frozen=True)
class GridView:
    """Everything the grid draws: the rows, the articles shown (in order) and what is highlighted."""

    grid: Grid
    articles: tuple[Article, ...]
    shown: tuple[int | Fold, ...]
    types: frozenset[FindingType]
    reference: str | None = None
    hits: Mapping[tuple[int, str], tuple[tuple[int, int], ...]] = field(default_factory=dict)
    tags: Mapping[str, str] = field(default_factory=dict)
    """Finding id -> one-character tag drawn after its letter (e.g. a triage decision)."""
    labels: Mapping[str, str] = field(default_factory=dict)
    """Article id -> its short name (`Comparison.labels`) for the column headers."""
    dimmed: frozenset[str] = frozenset()
    """Finding ids drawn dimmed (dismissed by the editor): still there, no longer calling for attention."""
    pair: PairView | None = None
    """Focus on two: the words each of the two articles changed, highlighted in place, and the moved rows."""


MOVED = "⇅ moved"
"""Badge on both passages of a row the two focused articles tell in a different order."""
CURRENT_OPEN, CURRENT_CLOSE = "▶", "◀"
"""Drawn around the current finding inside the text, so it is found without telling colours apart."""


@dataclass(frozen=True, slots=True)
class _CellLayout:
    text: str
    marks: tuple[Mark, ...]
    badge: int
    lines: tuple[tuple[int, int], ...]
    current: tuple[int, int] | None = None
    """Where CURRENT_OPEN and CURRENT_CLOSE stand in `text` (the current finding lies between them)."""

    def place(self, offset: int, *, end: bool = False) -> int:
        """Where an offset into the badge and passage falls in `text`, after the markers were inserted."""
        if self.current is None:
            return offset
        opening, closing = self.current
        return (
            offset
            + int(offset > opening if end else offset >= opening)
            + int(offset > closing - 1 if end else offset >= closing - 1)
        )


class ComparisonGrid(ScrollView, Highlighted, can_focus=True, inherit_bindings=False):
    """Aligned passages of several articles side by side, with findings highlighted."""

    COMPONENT_CLASSES = Highlighted.COMPONENT_CLASSES | {
        "grid--header",
        "grid--header-reference",
        "grid--rule",
        "grid--row-number",
        "grid--gap",
        "grid--fold",
        "grid--badge",
        "grid--separator",
        "grid--cursor-row",
        "grid--cursor-cell",
        "grid--current-finding",
        "grid--search-hit",
        "grid--dismissed",
        "grid--deleted",
        "grid--inserted",
    }

    BINDINGS = [
        Binding("left", "scroll_left", "Scroll left", show=False, id="scroll_left"),
        Binding("right", "scroll_right", "Scroll right", show=False, id="scroll_right"),
        Binding("pageup", "page_up", "Page up", show=False, id="page_up"),
        Binding("pagedown", "page_down", "Page down", show=False, id="page_down"),
    ]
    """Only sideways and page scrolling: row and column moves belong to the review screen's cursor."""

    def __init__(self, *, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._view: GridView | None = None
        self._cursor: Cursor | None = None
        self._column_width = MIN_COLUMN
        self._fit = 1
        self._blocks: tuple[int | Fold, ...] = ()
        self._tops: list[int] = []
        self._heights: list[int] = []
        self._block_of_row: dict[int, int] = {}
        self._cells: dict[tuple[int, str], _CellLayout] = {}
        self._render_line_cached = lru_cache(maxsize=1024)(self._render_line)
        """Rendered lines keyed by line, horizontal scroll, width and (cursor rows only) cursor; cleared when the
        view or the layout changes."""
        self._pass: tuple[int, Style] | None = None
        """The width and base style of the lines being rendered: the same for every line of one pass, and each
        costs a walk up the DOM, so `render_lines` looks them up once instead of once a line."""

    @property
    def view(self) -> GridView | None:
        """What the grid currently draws."""
        return self._view

    @property
    def column_width(self) -> int:
        """Width of one article column in cells (without its separator)."""
        return self._column_width

    def show(self, view: GridView, cursor: Cursor | None) -> None:
        """Draw a new view (after loading, folding, hiding articles, toggling highlights or searching)."""
        rows_changed = (
            self._view is None or self._view.grid is not view.grid or self._view.pair is not view.pair
        )
        self._view = view
        self._cursor = cursor
        if rows_changed:
            self._cells.clear()
        self._relayout()
        self.scroll_to_cursor()

    def move_cursor(self, cursor: Cursor | None) -> None:
        """Move the highlighted row, cell and finding, scrolling them into view.

        When no row changes its height (the current finding's brackets rewrap one cell, which mostly keeps
        its line count) and nothing scrolls, only the lines of the rows the cursor left and entered are
        repainted; the compositor keeps the rest of the view, and lines drawn earlier stay cached.
        """
        previous, self._cursor = self._cursor, cursor
        finding_moved = self._current_cell(previous) != self._current_cell(cursor)
        if finding_moved and not self._same_heights(previous, cursor):
            self._relayout()
            self.scroll_to_cursor()
            return
        offset = self.scroll_offset
        self.scroll_to_cursor()
        if self.scroll_offset != offset:
            self.refresh()
            return
        for row in {c.row for c in (previous, cursor) if c is not None}:
            span = self.row_span(row)
            if span is None:
                self.refresh()
                return
            top, height = span
            self.refresh_lines(HEADER_LINES + top, height)

    def on_resize(self, event: events.Resize) -> None:
        self._relayout()
        self.scroll_to_cursor()

    def notify_style_update(self) -> None:
        """The styles changed (another theme, reloaded CSS): lines drawn in the old ones are dropped."""
        super().notify_style_update()
        self._invalidate()

    def _invalidate(self) -> None:
        self._render_line_cached.cache_clear()
        self.refresh()

    def _relayout(self) -> None:
        view = self._view
        if view is None or not self.size.width:
            return
        count = max(1, len(view.articles))
        available = self._text_width() - GUTTER
        fit = max(1, min(count, (available + 1) // (MIN_COLUMN + 1)))
        width = max(NARROWEST, (available - (fit - 1)) // fit)
        if width != self._column_width:
            self._cells.clear()
        self._column_width, self._fit = width, fit
        self._blocks = view.shown
        self._tops, self._heights, self._block_of_row = [], [], {}
        top = 0
        for index, block in enumerate(view.shown):
            height = self._height(block)
            if not isinstance(block, Fold):
                self._block_of_row[block] = index
            self._tops.append(top)
            self._heights.append(height)
            top += height
        step = width + 1
        total_width = max(GUTTER + count * step - 1, (count - fit) * step + self._text_width())
        self.virtual_size = Size(total_width, HEADER_LINES + top)
        self._invalidate()

    def _height(self, block: int | Fold) -> int:
        """Lines a shown block takes: a fold one, a row its tallest cell and the rule below it."""
        view = self._view
        if isinstance(block, Fold) or view is None:
            return 1
        row = view.grid.rows[block]
        return 1 + max(
            (len(self._cell(row, a.id).lines) for a in view.articles if a.id in row.cells), default=1
        )

    def _same_heights(self, previous: Cursor | None, cursor: Cursor | None) -> bool:
        """Whether the rows the current finding left and entered keep their heights (its marks rewrap one
        cell): then every other line drawn so far still holds, and only those rows need drawing again."""
        blocks = [self._block_of_row.get(c.row) for c in (previous, cursor) if c is not None]
        return all(self._height(self._blocks[b]) == self._heights[b] for b in blocks if b is not None)

    def _text_width(self) -> int:
        """Cells left of the vertical scrollbar, which is always counted: the rows' height decides whether it
        shows, and the lines must not be wrapped before that is known (they were cut under the scrollbar)."""
        return max(0, self.content_region.width - self.styles.scrollbar_size_vertical)

    def _cell(self, row: GridRow, article: str) -> _CellLayout:
        index = row.number - 1
        cell = row.cells[article]
        cursor = self._cursor
        current = None
        if cursor is not None and (cursor.row, cursor.article) == (index, article) and cursor.finding:
            current = cursor.finding if any(m.finding == cursor.finding for m in cell.marks) else None
        key = (index, article, current)
        if key not in self._cells:
            badge = _badge(cell, self._view.grid.mode if self._view else "aligned")
            if self._view and self._view.pair and index in self._view.pair.moved:
                badge = f"{MOVED} {badge}".rstrip()
            prefix = f"{badge} " if badge else ""
            text = prefix + cell.text
            marks = tuple(
                Mark(m.start + len(prefix), m.end + len(prefix), m.type, m.finding) for m in cell.marks
            )
            layout = _CellLayout(text, marks, len(badge), ())
            if current is not None:
                layout = _with_current(layout, current)
            self._cells[key] = replace(layout, lines=wrap_spans(layout.text, self._column_width - MARKER))
        return self._cells[key]

    def _current_cell(self, cursor: Cursor | None) -> tuple[int, str, str] | None:
        return (cursor.row, cursor.article, cursor.finding) if cursor and cursor.finding else None

    def cell_text(self, row: int, article: str) -> str:
        """The text drawn in a cell (its badge and passage), as it is wrapped on screen."""
        assert self._view is not None
        return self._cell(self._view.grid.rows[row], article).text

    def row_span(self, row: int) -> tuple[int, int] | None:
        """First content line and height of a screen row, or None when it is not shown."""
        block = self._block_of_row.get(row)
        if block is None:
            return None
        return self._tops[block], self._heights[block]

    def scroll_to_cursor(self) -> None:
        """Scroll so that the cursor row and column are on screen."""
        if self._cursor is None or self._view is None:
            return
        span = self.row_span(self._cursor.row)
        if span is not None:
            top, height = span
            visible_height = max(1, self.scrollable_content_region.height - HEADER_LINES)
            y = self.scroll_y
            if top < y or height > visible_height:
                y = top
            elif top + height > y + visible_height:
                y = top + height - visible_height
            self.scroll_to(y=y, animate=False, immediate=True)
        ids = [a.id for a in self._view.articles]
        if self._cursor.article in ids:
            column = ids.index(self._cursor.article)
            first = self.first_column
            if column < first:
                first = column
            elif column >= first + self._fit:
                first = column - self._fit + 1
            self._scroll_to_column(first)

    @property
    def first_column(self) -> int:
        """Index of the leftmost article column on screen."""
        return round(self.scroll_x / (self._column_width + 1))

    @property
    def columns_on_screen(self) -> int:
        """How many whole article columns the width holds."""
        return self._fit

    def _scroll_to_column(self, first: int) -> None:
        """Scroll sideways so that column `first` is the leftmost: the grid never shows part of a column."""
        count = len(self._view.articles) if self._view else 1
        first = max(0, min(first, count - self._fit))
        self.scroll_to(x=first * (self._column_width + 1), animate=False, immediate=True)

    def action_scroll_left(self) -> None:
        """One whole column to the left."""
        self._scroll_to_column(self.first_column - 1)

    def action_scroll_right(self) -> None:
        """One whole column to the right."""
        self._scroll_to_column(self.first_column + 1)

    def _scroll_left_for_pointer(self, *args: object, **kwargs: object) -> bool:
        """The mouse's sideways wheel (or shift+wheel) moves by whole columns too."""
        before = self.first_column
        self._scroll_to_column(before - 1)
        return self.first_column != before

    def _scroll_right_for_pointer(self, *args: object, **kwargs: object) -> bool:
        before = self.first_column
        self._scroll_to_column(before + 1)
        return self.first_column != before

    def render_lines(self, crop: Region) -> list[Strip]:
        self._pass = (self.scrollable_content_region.width, self.rich_style)
        try:
            return super().render_lines(crop)
        finally:
            self._pass = None

    def render_line(self, y: int) -> Strip:
        """One screen line: the fixed column headers, or a line of a row, cut to the visible columns.

        Cached per line; only lines of the cursor's row depend on the cursor, so moving it re-renders two rows.
        """
        width = self._pass[0] if self._pass else self.scrollable_content_region.width
        cursor_key: Cursor | None = None
        if y < HEADER_LINES:
            line = ("header", y)
        else:
            line = ("content", y - HEADER_LINES + int(self.scroll_y))
            if self._cursor is not None and self._cursor.row == self._row_at(line[1]):
                cursor_key = self._cursor
        return self._render_line_cached(line, int(self.scroll_x), width, cursor_key)

    def _row_at(self, y: int) -> int | None:
        """The screen row drawn on content line `y` (None for folds and past the end)."""
        index = bisect.bisect_right(self._tops, y) - 1
        if index < 0 or index >= len(self._blocks) or isinstance(self._blocks[index], Fold):
            return None
        return self._blocks[index]

    def _render_line(self, line: tuple[str, int], scroll_x: int, width: int, cursor: Cursor | None) -> Strip:
        view = self._view
        base = self._pass[1] if self._pass else self.rich_style
        if view is None or not view.articles:
            return Strip.blank(width, base)
        kind, number = line
        step = self._column_width + 1
        first = min(len(view.articles) - 1, scroll_x // step)
        last = min(len(view.articles) - 1, (scroll_x + max(0, width - GUTTER)) // step)
        columns = range(first, last + 1)
        if kind == "header":
            gutter, segments = self._header_line(number, columns)
        else:
            gutter, segments = self._content_line(number, columns, cursor)
        content = Strip(segments).crop(
            scroll_x - first * step, scroll_x - first * step + max(0, width - GUTTER)
        )
        strip = Strip.join([Strip(gutter).adjust_cell_length(GUTTER, base), content])
        return strip.adjust_cell_length(width, base).apply_style(base).simplify()

    def _header_line(self, number: int, columns: range) -> tuple[list[Segment], list[Segment]]:
        assert self._view is not None
        header = self.get_component_rich_style("grid--header")
        rule = self.get_component_rich_style("grid--rule")
        separator = self.get_component_rich_style("grid--separator")
        width = self._column_width
        segments: list[Segment] = []
        for column in columns:
            article = self._view.articles[column]
            style = header
            if number == 0:
                text = self._header_text(article)
                if article.id == self._view.reference:
                    style = header + self.get_component_rich_style("grid--header-reference")
            else:
                text, style = "━" * width, rule
            segments.append(Segment(fit(text.replace("\n", " "), width), style))
            segments.append(Segment("│" if number < HEADER_LINES - 1 else "┿", separator))
        gutter = [
            Segment("  row " if number == 0 else "━" * GUTTER if number == HEADER_LINES - 1 else "", rule)
        ]
        return gutter, segments

    def _header_text(self, article: Article) -> str:
        """`[2] Fox News ★ · Romney calls on…`: number, name (★ the reference), then the headline unless the
        name already is the headline."""
        assert self._view is not None
        title = " ".join(visible(article.title or "").split())
        name = visible(self._view.labels.get(article.id, article.id))
        star = " ★" if article.id == self._view.reference else ""
        number = article_numbers(self._view.grid.articles).get(article.id, "")
        if not has_outlet(article) and title:
            return f"{number}{star} {title}"
        return f"{number} {name}{star}" + (f" · {title}" if title else "")

    def _content_line(
        self, y: int, columns: range, cursor: Cursor | None
    ) -> tuple[list[Segment], list[Segment]]:
        assert self._view is not None
        view = self._view
        if y >= (self._tops[-1] + self._heights[-1] if self._tops else 0):
            return [], []
        block_index = bisect.bisect_right(self._tops, y) - 1
        block = self._blocks[block_index]
        offset = y - self._tops[block_index]
        separator = self.get_component_rich_style("grid--separator")
        if isinstance(block, Fold):
            fold = self.get_component_rich_style("grid--fold")
            total = len(columns) * (self._column_width + 1)
            label = f" ┄ {len(block.rows)} matching row{'s' * (len(block.rows) != 1)} folded (f unfolds) ┄"
            return [Segment("  ┄", fold)], [Segment(fit(label, total), fold)]
        row = view.grid.rows[block]
        on_cursor = cursor is not None and cursor.row == block
        row_style = self.get_component_rich_style("grid--cursor-row") if on_cursor else Style()
        last_line = offset == self._heights[block_index] - 1
        gutter: list[Segment] = []
        if offset == 0:
            number_style = self.get_component_rich_style("grid--row-number") + row_style
            mark = CORRECTED_GLYPH if row.corrected else " "
            gutter = [Segment(f"{row.number:>4}{STATUS_GLYPH[row.status]}{mark}", number_style)]
        elif not last_line:
            gutter = [Segment(" " * GUTTER, row_style)]
        segments: list[Segment] = []
        for column in columns:
            article = view.articles[column].id
            if last_line:
                segments.append(Segment("╌" * self._column_width, separator))
                segments.append(Segment("┼", separator))
                continue
            in_cell = on_cursor and cursor is not None and cursor.article == article
            style = row_style + (self.get_component_rich_style("grid--cursor-cell") if in_cell else Style())
            if article in row.cells:
                segments.extend(self._cell_line(row, article, offset, style, cursor))
            elif offset == 0:
                gap = self.get_component_rich_style("grid--gap")
                segments.append(Segment(fit("  ┄┄ no passage ┄┄", self._column_width), style + gap))
            else:
                segments.append(Segment(" " * self._column_width, style))
            segments.append(Segment("│", separator))
        if last_line:
            gutter = [Segment("╌" * GUTTER, separator)]
        return gutter, segments

    def _cell_line(
        self, row: GridRow, article: str, offset: int, style: Style, cursor: Cursor | None
    ) -> list[Segment]:
        assert self._view is not None
        layout = self._cell(row, article)
        width = self._column_width
        if offset >= len(layout.lines):
            return [Segment(" " * width, style)]
        start, end = layout.lines[offset]
        types = self._view.types
        marks = [m for m in layout.marks if m.type in types and m.start < end and m.end > start]
        marker = [Segment(" " * MARKER, style)]
        if marks:
            first = marks[0]
            tag = self._view.tags.get(first.finding, " ")
            letter_style = (
                self.get_component_rich_style("grid--dismissed")
                if first.finding in self._view.dimmed
                else self.finding_style(first.type)
            )
            marker = [
                Segment(HIGHLIGHT_BY_TYPE[first.type].letter, style + letter_style),
                Segment(tag[:1] or " ", style),
            ]
        index = row.number - 1
        current = cursor.finding if cursor is not None and cursor.row == index else None
        hits = self._view.hits.get((index, article), ())
        shift = layout.badge + 1 if layout.badge else 0
        spans: list[tuple[int, int, Style]] = []
        if layout.badge and offset == 0:
            spans.append((0, layout.badge, self.get_component_rich_style("grid--badge")))
        current_style = self.get_component_rich_style("grid--current-finding") + Style(reverse=False)
        dimmed = self.get_component_rich_style("grid--dismissed")
        for m in marks:
            if m.finding == current:
                spans.append((m.start, m.end, current_style))
            else:
                spans.append(
                    (m.start, m.end, dimmed if m.finding in self._view.dimmed else self.finding_style(m.type))
                )
        if layout.current is not None:
            spans.extend((p, p + 1, current_style) for p in layout.current)
        if view_pair := self._view.pair:
            spans.extend(
                (
                    layout.place(c.start + shift),
                    layout.place(c.end + shift, end=True),
                    self.get_component_rich_style(f"grid--{c.kind}"),
                )
                for c in view_pair.changes.get((index, article), ())
            )
        hit_style = self.get_component_rich_style("grid--search-hit")
        spans.extend((layout.place(s + shift), layout.place(e + shift, end=True), hit_style) for s, e in hits)
        text_segments = _styled(layout.text, start, end, spans, style)
        used = sum(s.cell_length for s in text_segments)
        return [*marker, *text_segments, Segment(" " * max(0, width - MARKER - used), style)]

    def on_click(self, event: events.Click) -> None:
        """Clicking a cell moves the cursor there."""
        if self._view is None or event.y < HEADER_LINES or event.x < GUTTER or not self._tops:
            return
        y = event.y - HEADER_LINES + int(self.scroll_y)
        block_index = bisect.bisect_right(self._tops, y) - 1
        if block_index < 0 or isinstance(self._blocks[block_index], Fold):
            return
        column = (event.x - GUTTER + int(self.scroll_x)) // (self._column_width + 1)
        if column < len(self._view.articles):
            self.post_message(CellClicked(self._blocks[block_index], self._view.articles[column].id))


def _badge(cell: Cell, mode: str) -> str:
    """Reading mode links a passage to its aligned row; aligned mode marks passages out of their order."""
    if mode == "reading":
        return f"≡{cell.aligned_row}"
    return cell.displaced.label if cell.displaced else ""


def _with_current(layout: _CellLayout, finding: str) -> _CellLayout:
    """The layout with CURRENT_OPEN before and CURRENT_CLOSE after the finding's span, marks moved along."""
    spans = [(m.start, m.end) for m in layout.marks if m.finding == finding]
    start, end = min(s for s, _ in spans), max(e for _, e in spans)
    text = layout.text
    marked = replace(layout, current=(start, end + 1))
    moved = tuple(
        Mark(marked.place(m.start), marked.place(m.end, end=True), m.type, m.finding) for m in layout.marks
    )
    new_text = text[:start] + CURRENT_OPEN + text[start:end] + CURRENT_CLOSE + text[end:]
    return replace(marked, text=new_text, marks=moved)


def _styled(
    text: str, start: int, end: int, spans: list[tuple[int, int, Style]], base: Style
) -> list[Segment]:
    """Segments of text[start:end] with every overlapping span's style added on top of `base`, in order."""
    cuts = {start, end}
    for s, e, _ in spans:
        cuts.update(x for x in (s, e) if start < x < end)
    points = sorted(cuts)
    segments = []
    for lo, hi in pairwise(points):
        style = base
        for s, e, extra in spans:
            if s < hi and e > lo:
                style = style + extra
        segments.append(Segment(text[lo:hi], style))
    return segments
