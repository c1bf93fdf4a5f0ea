"""The review screen at real terminal sizes, on the bundled samples (through the real core)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from screen_text import screen_lines, visible_cells

from compare_tui.cli import sample_dir
from compare_tui.core.settings import Settings
from compare_tui.tui.app import CompareApp
from compare_tui.tui.screens.details import DetailsBody
from compare_tui.tui.widgets.grid import GUTTER, ComparisonGrid
from compare_tui.tui.widgets.headlines import HeadlineStrip

SIZES = [(200, 50), (100, 30), (80, 24)]
SUDAN = str(sample_dir().parent / "sudan-bombs-yida-refugee-camp")


def run(sources, size, scenario) -> None:
    app = CompareApp(sources, settings=Settings(theme="textual-dark", screenshot_dir="."))

    async def main() -> None:
        async with app.run_test(size=size) as pilot:
            await app.wait_for_comparison()
            await pilot.pause()
            await scenario(app, pilot)

    asyncio.run(main())


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_word_of_every_visible_passage_is_on_screen(size) -> None:
    """The first layout wrapped to the width without the scrollbar, which then hid 1–2 cells a line."""

    async def scenario(app, pilot) -> None:
        checked = 0
        for _ in range(6):
            for row, article, expected, shown in visible_cells(app):
                assert shown == expected, (row, article)
                checked += 1
            await pilot.press("j", "j")
            await pilot.pause()
        assert checked >= 3

    run([str(sample_dir())], size, scenario)


def test_eleven_articles_at_80x24_show_a_whole_row_and_a_strip_of_a_quarter() -> None:
    async def scenario(app, pilot) -> None:
        assert any(shown == expected for _, _, expected, shown in visible_cells(app))
        strip = app.screen.query_one(HeadlineStrip)
        assert not strip.display  # folded away on a short screen: the headers carry the headlines
        await pilot.press("t")
        await pilot.pause()
        assert strip.display and strip.outer_size.height <= 24 // 4
        lines = screen_lines(app)
        hint = lines[strip.content_region.y + strip.content_region.height - 1]
        assert "more headlines in the column headers · t hides the strip" in hint
        await pilot.press("t")
        await pilot.pause()
        assert not strip.display

    run([SUDAN], (80, 24), scenario)


def test_three_articles_at_80x24_scroll_by_whole_columns() -> None:
    files = sorted(Path(SUDAN).glob("*.txt"))[:3]

    async def scenario(app, pilot) -> None:
        grid = app.screen.query_one(ComparisonGrid)
        assert grid.columns_on_screen == 2 and grid.column_width >= 30
        used = GUTTER + grid.columns_on_screen * (grid.column_width + 1)
        assert used <= grid.scrollable_content_region.width + 1
        for key, first in [("tab", 0), ("tab", 1), ("tab", 0), ("right", 1), ("left", 0)]:
            await pilot.press(key)
            await pilot.pause()
            assert grid.first_column == first
            assert grid.scroll_x == first * (grid.column_width + 1)
            for _, _, expected, shown in visible_cells(app):
                assert shown == expected

    run([str(f) for f in files], (80, 24), scenario)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_status_line_keeps_threshold_view_and_reference(size) -> None:
    async def scenario(app, pilot) -> None:
        await pilot.press("f", "n")
        await pilot.pause()
        line = screen_lines(app)[-1]
        for field in ("row ", "view aligned · folded", " t 0.50", "ref "):
            assert field in line, (field, line)

    run([SUDAN], size, scenario)


def test_details_label_column_leaves_the_text_most_of_the_width() -> None:
    async def scenario(app, pilot) -> None:
        await pilot.press("enter")
        await pilot.pause()
        body = app.screen.query_one(DetailsBody)
        passage = app.review.comparison.articles[0].text.split()[0]
        lines = screen_lines(app)
        starts = [line.index(passage) for line in lines if passage in line]
        assert starts and min(starts) <= 80 // 5 + 4, starts
        assert body.size.width >= 70

    run([SUDAN], (80, 24), scenario)
