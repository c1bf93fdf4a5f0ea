"""Pilot tests: every action of the review app, on the hand-made comparison through a fake core."""

from __future__ import annotations

import asyncio
import threading

import pytest

from compare_tui.core.loading import LoadError
from compare_tui.core.view import Cursor, Fold
from compare_tui.tui.screens.details import DetailsScreen
from compare_tui.tui.screens.help import HelpScreen
from compare_tui.tui.screens.ledger import LedgerScreen
from compare_tui.tui.screens.reference import ReferenceScreen
from compare_tui.tui.screens.review import ReviewScreen
from compare_tui.tui.screens.scorecard import ScorecardScreen
from compare_tui.tui.screens.search import SearchScreen
from compare_tui.tui.widgets.grid import GUTTER, HEADER_LINES, ComparisonGrid
from compare_tui.tui.widgets.ledger_table import LedgerTable
from compare_tui.tui.widgets.status import StatusLine

SIZE = (160, 50)


def drive(app, scenario, *, size=SIZE) -> None:
    """Run the app headless, wait for the comparison, then play `scenario(pilot)`."""

    async def main() -> None:
        async with app.run_test(size=size) as pilot:
            await app.wait_for_comparison()
            await pilot.pause()
            await scenario(pilot)

    asyncio.run(main())


async def press(pilot, *keys: str) -> None:
    """Press keys one by one, letting the app settle after each."""
    for key in keys:
        await pilot.press(key)
        await pilot.pause()


def test_core_runs_in_a_worker_thread_and_the_grid_shows_it(make_app, fake_core) -> None:
    app = make_app()

    async def scenario(pilot) -> None:
        assert fake_core.threads and fake_core.threads[0] != threading.main_thread().name
        grid = app.screen.query_one(ComparisonGrid)
        assert not grid.loading and grid.view is not None and len(grid.view.articles) == 3
        assert app.review.cursor == Cursor(0, "wire")

    drive(app, scenario)


def test_rows_move_with_arrows_and_vim_keys(make_app) -> None:
    app = make_app()

    async def scenario(pilot) -> None:
        await press(pilot, "down", "j")
        assert app.review.cursor.row == 2
        await press(pilot, "k")
        assert app.review.cursor.row == 1
        await press(pilot, "up", "up")
        assert app.review.cursor.row == 0
        await press(pilot, "G")
        assert app.review.cursor.row == 6
        await press(pilot, "g")
        assert app.review.cursor.row == 0
        await press(pilot, "end")
        assert app.review.cursor.row == 6
        await press(pilot, "home")
        assert app.review.cursor.row == 0

    drive(app, scenario)


def test_findings_next_and_previous_with_both_keys(make_app) -> None:
    app = make_app()

    async def scenario(pilot) -> None:
        await press(pilot, "n")
        assert app.review.cursor == Cursor(0, "wire", "f0")
        assert app.review.current_finding.id == "f0"
        await press(pilot, "right_square_bracket", "n")
        assert app.review.cursor == Cursor(2, "pundit", "f2")
        await press(pilot, "N")
        assert app.review.cursor.finding == "f1"
        await press(pilot, "left_square_bracket")
        assert app.review.cursor.finding == "f0"
        await press(pilot, "N")  # wraps to the last finding
        assert app.review.cursor == Cursor(6, "daily", "f10")

    drive(app, scenario)


def test_unique_passage_and_columns(make_app) -> None:
    app = make_app()

    async def scenario(pilot) -> None:
        await press(pilot, "u")
        assert app.review.cursor == Cursor(4, "pundit")
        await press(pilot, "tab")
        assert app.review.cursor.article == "daily"
        await press(pilot, "tab")
        assert app.review.cursor.article == "wire"
        await press(pilot, "shift+tab")
        assert app.review.cursor.article == "daily"

    drive(app, scenario)


def test_enter_opens_details_of_the_current_row(make_app) -> None:
    app = make_app()

    async def scenario(pilot) -> None:
        await press(pilot, "G", "enter")
        assert isinstance(app.screen, DetailsScreen)
        assert app.screen.details.row_id == "r6"
        assert [f.text for f in app.screen.details.facts] == ["30,000"]
        await press(pilot, "escape")
        assert isinstance(app.screen, ReviewScreen)

    drive(app, scenario)


def test_o_opens_the_omission_ledger(make_app) -> None:
    app = make_app()

    async def scenario(pilot) -> None:
        await press(pilot, "o")
        assert isinstance(app.screen, LedgerScreen)
        table = app.screen.query_one(LedgerTable)
        assert table.row_count == 1 and table.row(0)[1][0] == "●"
        await press(pilot, "escape")
        assert isinstance(app.screen, ReviewScreen)

    drive(app, scenario)


def test_b_opens_the_per_outlet_scorecard(make_app) -> None:
    app = make_app()

    async def scenario(pilot) -> None:
        await press(pilot, "b")
        assert isinstance(app.screen, ScorecardScreen)
        table = app.screen.query_one("DataTable")
        assert table.row_count == len(app.review.comparison.articles)
        titles = [str(column.label) for column in table.columns.values()]
        assert titles[:2] == ["Article", "Sentences"] and "Quoted" in titles and "Buried" in titles
        labels = {table.get_row_at(i)[0].plain for i in range(table.row_count)}
        assert labels == set(app.review.comparison.labels.values())
        await press(pilot, "escape")
        assert isinstance(app.screen, ReviewScreen)

    drive(app, scenario)


def test_palette_opens_the_scorecard_by_name(make_app) -> None:
    app = make_app()

    async def scenario(pilot) -> None:
        await press(pilot, "ctrl+p")
        await pilot.press(*"view: per-outlet scorecard")
        await pilot.pause(0.3)
        await press(pilot, "enter")
        await pilot.pause()
        assert isinstance(app.screen, ScorecardScreen)

    drive(app, scenario)


def test_f_folds_rows_without_differences(make_app) -> None:
    app = make_app()

    async def scenario(pilot) -> None:
        await press(pilot, "f")
        shown = app.screen.query_one(ComparisonGrid).view.shown
        assert Fold((1,)) in shown and 1 not in shown
        await press(pilot, "j")
        assert app.review.cursor.row == 2  # the folded row is skipped
        await press(pilot, "f")
        assert 1 in app.screen.query_one(ComparisonGrid).view.shown

    drive(app, scenario)


def test_m_switches_to_reading_order_and_back(make_app) -> None:
    app = make_app()

    async def scenario(pilot) -> None:
        await press(pilot, "j", "j", "j", "tab")  # row 4, pundit: its passage 5 in its own order
        await press(pilot, "m")
        assert app.review.grid.mode == "reading"
        assert app.review.cursor == Cursor(4, "pundit")
        await press(pilot, "m")
        assert app.review.grid.mode == "aligned" and app.review.cursor.row == 3

    drive(app, scenario)


def test_digits_hide_and_show_articles(make_app) -> None:
    app = make_app()

    async def scenario(pilot) -> None:
        await press(pilot, "2")
        assert [a.id for a in app.screen.query_one(ComparisonGrid).view.articles] == ["wire", "daily"]
        await press(pilot, "3", "1")  # the last shown article stays
        assert [a.id for a in app.screen.query_one(ComparisonGrid).view.articles] == ["wire"]
        await press(pilot, "9")  # no such article: a warning, nothing changes
        await press(pilot, "2", "3")
        assert len(app.screen.query_one(ComparisonGrid).view.articles) == 3

    drive(app, scenario)


def test_r_picks_the_reference_and_reruns_the_core(make_app, fake_core) -> None:
    app = make_app()

    async def scenario(pilot) -> None:
        await press(pilot, "r")
        assert isinstance(app.screen, ReferenceScreen)
        await press(pilot, "down", "down", "enter")  # consensus, wire, pundit
        await app.wait_for_comparison()
        await pilot.pause()
        assert fake_core.calls[-1].reference == "pundit"
        assert app.review.comparison.reference == "pundit"
        assert "Pundit Daily" in app.screen.query_one(StatusLine).status.reference

    drive(app, scenario)


def test_plus_and_minus_realign_at_a_new_threshold(make_app, fake_core) -> None:
    app = make_app()

    async def scenario(pilot) -> None:
        await press(pilot, "plus")
        await app.wait_for_comparison()
        assert fake_core.calls[-1].match_threshold == pytest.approx(0.55)
        await press(pilot, "minus", "minus")
        await app.wait_for_comparison()
        await pilot.pause()
        assert fake_core.calls[-1].match_threshold == pytest.approx(0.45)
        assert app.screen.query_one(StatusLine).status.threshold == pytest.approx(0.45)

    drive(app, scenario)


def test_slash_searches_and_jumps_to_the_match(make_app) -> None:
    app = make_app()

    async def scenario(pilot) -> None:
        await press(pilot, "slash")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"provocation")
        await press(pilot, "enter")
        assert isinstance(app.screen, ReviewScreen)
        assert app.review.cursor == Cursor(4, "pundit")
        assert app.screen.query_one(ComparisonGrid).view.hits == {(4, "pundit"): ((37, 48),)}

    drive(app, scenario)


def test_question_mark_lists_every_key(make_app) -> None:
    app = make_app()

    async def scenario(pilot) -> None:
        await press(pilot, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        descriptions = {a.description for a in app.screen.actions}
        assert {
            "Next finding",
            "Omission ledger",
            "Per-outlet scorecard",
            "Quit",
            "Save a screenshot (SVG)",
            "Toggle wording",
        } <= descriptions
        keys = {a.description: a.keys for a in app.screen.actions}
        assert keys["Next row"] == "↓ j" or set(keys["Next row"].split()) >= {"j"}
        await press(pilot, "escape")
        assert isinstance(app.screen, ReviewScreen)

    drive(app, scenario)


def test_category_keys_toggle_highlights(make_app) -> None:
    app = make_app()

    async def scenario(pilot) -> None:
        await press(pilot, "W", "A")
        types = app.screen.query_one(ComparisonGrid).view.types
        assert "wording" not in types and "attribution" not in types and "loaded_language" in types
        await press(pilot, "n")
        assert app.review.cursor.finding == "f2"  # wording and attribution are skipped
        await press(pilot, "W")
        assert "wording" in app.screen.query_one(ComparisonGrid).view.types

    drive(app, scenario)


def test_screenshot_key_saves_an_svg_with_a_meaningful_name(make_app, tmp_path) -> None:
    app = make_app()

    async def scenario(pilot) -> None:
        await press(pilot, "j", "s")
        files = list((tmp_path / "shots").glob("*.svg"))
        assert len(files) == 1
        assert files[0].name.startswith("compare-tui_allies-pledge-troops-for-ukraine_row2_")
        assert files[0].read_text(encoding="utf-8").startswith("<svg")

    drive(app, scenario)


def test_palette_runs_actions_by_name(make_app) -> None:
    app = make_app()

    async def scenario(pilot) -> None:
        await press(pilot, "ctrl+p")
        await pilot.press(*"navigate: next finding")
        await pilot.pause(0.3)
        await press(pilot, "enter")
        await pilot.pause()
        assert app.review.cursor.finding == "f0"

    drive(app, scenario)


def test_q_quits(make_app) -> None:
    app = make_app()

    async def scenario(pilot) -> None:
        await press(pilot, "q")
        assert app.return_code == 0 and not app.is_running

    drive(app, scenario)


def test_keymap_from_settings_rebinds_by_id(make_app) -> None:
    app = make_app(keymap={"next_finding": "x"})

    async def scenario(pilot) -> None:
        await press(pilot, "x")
        assert app.review.cursor.finding == "f0"

    drive(app, scenario)


def test_theme_from_settings(make_app) -> None:
    app = make_app(theme="textual-light")

    async def scenario(pilot) -> None:
        assert app.theme == "textual-light"

    drive(app, scenario)


def test_switching_theme_redraws_the_grid_in_the_new_theme(make_app) -> None:
    app = make_app()

    async def scenario(pilot) -> None:
        grid = app.screen.query_one(ComparisonGrid)
        dark = {segment.style.bgcolor for segment in grid.render_line(0) if segment.style}
        app.theme = "textual-light"
        await pilot.pause()
        light = {segment.style.bgcolor for segment in grid.render_line(0) if segment.style}
        assert light == {grid.rich_style.bgcolor} and light != dark

    drive(app, scenario)


def test_load_errors_are_notified_and_the_rest_still_opens(make_app, fake_core) -> None:
    fake_core.errors = (LoadError("missing.txt", "no such file"),)
    app = make_app()

    async def scenario(pilot) -> None:
        assert any("missing.txt: no such file" in n.message for n in app._notifications)
        assert app.review.comparison is not None

    drive(app, scenario)


def test_mouse_click_moves_the_cursor(make_app) -> None:
    app = make_app()

    async def scenario(pilot) -> None:
        grid = app.screen.query_one(ComparisonGrid)
        top, _ = grid.row_span(2)
        await pilot.click(ComparisonGrid, offset=(GUTTER + grid.column_width + 3, HEADER_LINES + top))
        await pilot.pause()
        assert app.review.cursor == Cursor(2, "pundit")

    drive(app, scenario)


def test_articles_show_and_keys_work_before_the_alignment_arrives(make_app, fake_core) -> None:
    """Start at once: the text is on screen while the core still runs; j moves, q quits without waiting."""
    release = threading.Event()
    real_compare = fake_core.__call__

    def slow_compare(articles, *, settings):
        release.wait(30)
        return real_compare(articles, settings=settings)

    app = make_app()
    app.review._compare = slow_compare

    async def main() -> None:
        async with app.run_test(size=SIZE) as pilot:
            grid = app.screen.query_one(ComparisonGrid)
            for _ in range(200):
                if grid.view is not None:
                    break
                await asyncio.sleep(0.01)
            await pilot.pause()
            assert app.review.comparison is None and not grid.loading
            screen_text = "\n".join(
                "".join(s.text for s in grid.render_line(y)) for y in range(grid.size.height)
            )
            assert "France and Britain agreed on Tuesday" in screen_text
            assert "Of course, Moscow will see this" in screen_text
            await press(pilot, "j")
            assert app.review.cursor == Cursor(1, "wire")
            await press(pilot, "n")
            assert any("Still aligning" in n.message for n in app._notifications)
            await press(pilot, "q")
            assert not app.is_running
            assert not fake_core.calls

    try:
        asyncio.run(main())
    finally:
        release.set()


def test_re_aligning_reuses_the_articles_read_at_start(make_app, fake_core) -> None:
    app = make_app()

    async def scenario(pilot) -> None:
        await press(pilot, "plus")
        await app.wait_for_comparison()
        assert len(fake_core.calls) == 2 and fake_core.loads == 1

    drive(app, scenario)
