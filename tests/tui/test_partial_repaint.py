"""Moves that repaint only part of the grid (the rows the cursor and the current finding left and entered)
must leave the screen exactly as a full redraw would draw it: no stale bracket, highlight or cursor."""

from __future__ import annotations

from screen_text import screen_lines
from test_fit import SUDAN, run

from compare_tui.tui.widgets.grid import CURRENT_OPEN, ComparisonGrid


def test_stepping_through_findings_and_rows_draws_what_a_full_redraw_draws() -> None:
    async def scenario(app, pilot) -> None:
        grid = app.screen.query_one(ComparisonGrid)
        checked = 0
        for key in ["n"] * 12 + ["N"] * 4 + ["j", "n", "tab", "n", "k", "N"]:
            await pilot.press(key)
            await pilot.pause()
            partial = screen_lines(app)
            grid._invalidate()  # every line drawn again from the current state
            await pilot.pause()
            assert partial == screen_lines(app), key
            checked += "\n".join(partial).count(CURRENT_OPEN) == 1
        assert checked >= 15  # the current finding was bracketed on screen (once) after most moves

    run([SUDAN], (200, 50), scenario)
