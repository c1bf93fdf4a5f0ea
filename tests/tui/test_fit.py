"""The review screen at real terminal sizes, on the bundled samples (through the real core)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from screen_text import screen_lines, visible_cells
from textual import events

from compare_tui.cli import sample_dir
from compare_tui.core.settings import Settings
from compare_tui.tui.app import CompareApp
from compare_tui.tui.highlights import HIGHLIGHT_BY_TYPE
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


@pytest.mark.parametrize("sample", ["seed-pair", "eleven"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_word_of_every_visible_passage_is_on_screen(size, sample) -> None:
    """The first layout wrapped to the width without the scrollbar, which then hid 1–2 cells a line."""

    async def scenario(app, pilot) -> None:
        checked = 0
        for _ in range(12):
            for row, article, expected, shown in visible_cells(app):
                assert shown == expected, (row, article)
                checked += 1
            await pilot.press("j", "j")
            await pilot.pause()
        assert checked >= 3

    run([str(sample_dir()) if sample == "seed-pair" else SUDAN], size, scenario)


def test_eleven_articles_at_80x24_show_a_whole_row_and_a_strip_of_a_quarter() -> None:
    async def scenario(app, pilot) -> None:
        # The first rows may be taller than the screen or lack the two articles on it: step down to one.
        for _ in range(12):
            if visible_cells(app):
                break
            await pilot.press("j")
            await pilot.pause()
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
        steps = [("tab", 0), ("tab", 1), ("tab", 0), ("right", 1), ("left", 0), ("wheel", 1), ("wheel", 1)]
        for key, first in steps:
            if key == "wheel":
                await pilot.hover(ComparisonGrid, offset=(40, 10))
                grid.post_message(
                    events.MouseScrollDown(grid, 40, 10, 0, 0, 0, shift=True, meta=False, ctrl=False)
                )
            else:
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
        status = "\n".join(screen_lines(app)[-2:])
        for field in ("row ", "view aligned · folded", " t 0.50", "ref "):
            assert field in status, (field, status)
        finding = app.review.current_finding
        assert finding is not None
        assert "finding 1/" in status and HIGHLIGHT_BY_TYPE[finding.type].label in status, status

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


def test_headers_name_articles_once_from_their_files(tmp_path) -> None:
    """A lede is no title, an article without outlet is named after its file, and no name is printed twice."""
    lede = (
        "LOUISVILLE - Dan Johnson posted a final message on Facebook before he was found dead, police said."
    )
    (tmp_path / "fox.txt").write_text(
        f"{lede}\n\nThe senator had been under investigation.", encoding="utf-8"
    )
    (tmp_path / "001_Washington_Post.txt").write_text(
        "Romney calls on Rep. Akin to quit Senate race\n\nMitt Romney called on Todd Akin to quit the race.",
        encoding="utf-8",
    )
    (tmp_path / "002_8a159465e6b8163d.txt").write_text(
        "Akin stays in the Senate race\n\nTodd Akin said he would stay in the race.", encoding="utf-8"
    )

    async def scenario(app, pilot) -> None:
        grid = app.screen.query_one(ComparisonGrid)
        header = screen_lines(app)[grid.content_region.y]
        assert "[1] Washington Post · Romney calls on Rep. Akin" in header
        assert "[2] Akin stays in the Senate race" in header and header.count("Akin stays") == 1
        assert "[3] fox" in header and "LOUISVILLE" not in header and "(no title)" not in header

    run([str(tmp_path)], (200, 50), scenario)
