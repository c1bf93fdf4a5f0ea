"""The review screen at real terminal sizes, on the bundled samples (through the real core)."""

from __future__ import annotations

import asyncio

import pytest
from screen_text import visible_cells

from compare_tui.cli import sample_dir
from compare_tui.core.settings import Settings
from compare_tui.tui.app import CompareApp

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
