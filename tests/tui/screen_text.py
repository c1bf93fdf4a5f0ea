"""What a headless app shows, as lines of text, and the words of each grid cell as drawn on them."""

from __future__ import annotations

from textual.app import App

from compare_tui.tui.widgets.grid import GUTTER, HEADER_LINES, MARKER, ComparisonGrid


def screen_lines(app: App) -> list[str]:
    """Every line of the screen as the terminal would show it (scrollbars and overlays included)."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def visible_cells(app: App) -> list[tuple[int, str, list[str], list[str]]]:
    """(row, article, words of the passage, words read off the screen) for every whole row and column on
    screen; the two word lists are equal when nothing is cut or hidden."""
    grid = app.screen.query_one(ComparisonGrid)
    view = grid.view
    assert view is not None
    lines = screen_lines(app)
    region = grid.content_region
    height = region.height - HEADER_LINES - (1 if grid.show_horizontal_scrollbar else 0)
    width, first = grid.column_width, grid.first_column
    out = []
    for block in view.shown:
        span = grid.row_span(block) if isinstance(block, int) else None
        if span is None:
            continue
        top, rows = span
        y0 = top - int(grid.scroll_y)
        if y0 < 0 or y0 + rows > height:
            continue
        row = view.grid.rows[block]
        for column in range(first, min(len(view.articles), first + grid.columns_on_screen)):
            article = view.articles[column].id
            if article not in row.cells:
                continue
            x0 = region.x + GUTTER + (column - first) * (width + 1) + MARKER
            text = " ".join(
                lines[region.y + HEADER_LINES + y0 + k][x0 : x0 + width - MARKER] for k in range(rows - 1)
            )
            out.append((block, article, grid.cell_text(block, article).split(), text.split()))
    return out
