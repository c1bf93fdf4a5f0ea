"""Focus on two (D): two articles side by side, changed words highlighted in place, the same keys working."""

from __future__ import annotations

from screen_text import screen_lines
from test_review import drive, press

from compare_tui.tui.screens.articles import PartnerScreen
from compare_tui.tui.widgets.grid import ComparisonGrid


def _styled_words(grid: ComparisonGrid, component: str) -> set[str]:
    """Words the grid draws in a component's style, over every line on screen."""
    style = grid.get_component_rich_style(component)
    words = set()
    for y in range(grid.size.height):
        for segment in grid.render_line(y):
            if (
                segment.style
                and segment.style.bgcolor == style.bgcolor
                and segment.style.strike == style.strike
            ):
                words.update(segment.text.split())
    return words


def test_focus_on_two_marks_changed_words_and_keeps_the_keys(make_app) -> None:
    app = make_app()

    async def scenario(pilot) -> None:
        await press(pilot, "D")
        assert isinstance(app.screen, PartnerScreen)
        await press(pilot, "enter")  # the first other article: pundit beside wire
        grid = app.screen.query_one(ComparisonGrid)
        assert app.review.pair == ("wire", "pundit")
        assert [a.id for a in grid.view.articles] == ["wire", "pundit"]
        assert grid.view.pair is not None
        assert "said" in _styled_words(grid, "grid--deleted")
        assert "complained" in _styled_words(grid, "grid--inserted")
        assert "pair [1]⇄[2]" in screen_lines(app)[-1]
        await press(pilot, "j")
        assert app.review.cursor.row == 1
        await press(pilot, "n")
        finding = app.review.current_finding
        assert finding is not None and finding.article in ("wire", "pundit")
        await press(pilot, "tab")
        assert app.review.cursor.article in ("wire", "pundit")
        await press(pilot, "D")
        assert app.review.pair is None and app.review.hidden == set()
        assert grid.view.pair is None and len(grid.view.articles) == 3

    drive(app, scenario)


def test_focus_can_be_cancelled(make_app) -> None:
    app = make_app()

    async def scenario(pilot) -> None:
        await press(pilot, "D", "escape")
        assert app.review.pair is None and len(app.screen.query_one(ComparisonGrid).view.articles) == 3

    drive(app, scenario)
