"""The omission ledger on 11 articles: narrow article columns, ranked facts, j/k, filter by article, enter jumps."""

from __future__ import annotations

from screen_text import screen_lines
from test_fit import SUDAN, run

from compare_tui.core.row_details import missing_in, omission_ledger
from compare_tui.tui.screens.ledger import LedgerScreen
from compare_tui.tui.screens.review import ReviewScreen
from compare_tui.tui.widgets.ledger_table import LedgerTable


def test_ledger_fits_eleven_articles_moves_filters_and_jumps() -> None:
    async def scenario(app, pilot) -> None:
        await pilot.press("o")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LedgerScreen)
        table = screen.query_one(LedgerTable)
        comparison = app.review.comparison
        header = screen_lines(app)[1]
        assert all(f"[{n}]" in header for n in range(1, 12)), header  # every article column in view at 200
        counts = [len(f.present) for f in screen.facts]
        assert counts == sorted(counts, reverse=True) and len(counts) > 3
        await pilot.press("j", "j", "k")
        await pilot.pause()
        assert table.cursor == 1
        await pilot.press("f", "f")
        await pilot.pause()
        second = comparison.articles[1].id
        assert screen.article == second
        assert screen.facts == missing_in(omission_ledger(comparison, ranked=True), second)
        assert all(second in f.absent for f in screen.facts) and table.row_count == len(screen.facts)
        assert screen_lines(app)[-1].startswith(f" {len(screen.facts)} facts missing in [2] ")
        await pilot.press("F", "F")
        await pilot.pause()
        assert screen.article is None and table.row_count == len(counts)
        await pilot.press("j")
        await pilot.pause()
        fact = screen.facts[table.cursor]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        cursor = app.review.cursor
        assert (cursor.article, cursor.finding) == (fact.article, fact.finding)
        cell = app.review.grid.rows[cursor.row].cells[fact.article]
        assert any(m.finding == fact.finding for m in cell.marks)

    run([SUDAN], (200, 50), scenario)


def test_at_80x24_the_ledger_hint_wraps_instead_of_losing_its_end() -> None:
    async def scenario(app, pilot) -> None:
        await pilot.press("o", "f")
        await pilot.pause()
        text = " ".join(line.strip() for line in screen_lines(app)[-2:])
        assert "missing in [1]" in text and "(last quarter)" in text and text.endswith("f/F article · esc")

    run([SUDAN], (80, 24), scenario)
