"""Where am I: the current finding named and bracketed, wrapping said, dismissed findings dimmed, symbols
explained, any article hidden, fold counted (hand-made comparison through the fake core)."""

from __future__ import annotations

from rich.color import Color
from screen_text import screen_lines
from test_review import drive, press

from compare_tui.core.view import Fold
from compare_tui.tui.highlights import HIGHLIGHT_BY_TYPE
from compare_tui.tui.screens.articles import ArticlesScreen
from compare_tui.tui.screens.help import HelpScreen
from compare_tui.tui.widgets.grid import CURRENT_CLOSE, CURRENT_OPEN, ComparisonGrid
from compare_tui.tui.widgets.status import StatusLine


def _notices(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


def test_status_names_the_current_finding_and_the_text_brackets_it(make_app) -> None:
    app = make_app()

    async def scenario(pilot) -> None:
        await press(pilot, "n")
        finding = app.review.current_finding
        assert finding is not None
        status = app.screen.query_one(StatusLine)
        summary = status.status.finding
        kind = HIGHLIGHT_BY_TYPE[finding.type]
        assert summary.startswith("1/") and kind.label in summary and finding.explanation in summary
        assert app.review.labels[finding.article] in summary
        text = "\n".join(screen_lines(app))
        assert text.count(CURRENT_OPEN) == 1 and text.count(CURRENT_CLOSE) == 1
        opened = text[text.index(CURRENT_OPEN) + 1 : text.index(CURRENT_CLOSE)]
        assert finding.text.split()[0] in opened
        assert f"finding {summary[:20]}" in status.render().plain.replace("  ", " ")
        await press(pilot, "j")
        assert status.status.finding is None
        assert CURRENT_OPEN not in "\n".join(screen_lines(app))

    drive(app, scenario)


def test_previous_from_the_first_finding_says_it_wrapped(make_app) -> None:
    app = make_app()

    async def scenario(pilot) -> None:
        await press(pilot, "n")
        first = app.review.cursor
        assert not any("Wrapped" in n for n in _notices(app))
        await press(pilot, "left_square_bracket")
        assert app.review.cursor != first
        assert any("Wrapped around" in n and "last" in n for n in _notices(app))

    drive(app, scenario)


def test_a_dismissed_finding_is_drawn_dimmed(make_app) -> None:
    app = make_app()

    async def scenario(pilot) -> None:
        await press(pilot, "n")
        grid = app.screen.query_one(ComparisonGrid)
        finding = app.review.current_finding
        normal = grid.finding_style(finding.type)
        await press(pilot, "d", "n")
        assert finding.id in grid.view.dimmed
        dimmed = grid.get_component_rich_style("grid--dismissed")
        assert dimmed.color != normal.color or dimmed.bgcolor != normal.bgcolor
        await press(pilot, "N", "d")
        assert finding.id not in grid.view.dimmed

    drive(app, scenario)


def test_help_explains_row_symbols_and_triage_marks(make_app) -> None:
    app = make_app()

    async def scenario(pilot) -> None:
        await press(pilot, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = "\n".join(screen_lines(app))
        for glyph, words in [("≈", "overlap in part"), ("◆", "only one article"), ("=", "say the same")]:
            assert glyph in text and words in text
        for glyph in "✓×!":
            assert f"{glyph}  " in text or f" {glyph} " in text
        assert "dismissed" in text and "flagged" in text

    drive(app, scenario, size=(160, 80))


def _distance(a: Color, b: Color) -> int:
    ta, tb = a.get_truecolor(), b.get_truecolor()
    return sum(abs(x - y) for x, y in zip(ta, tb, strict=True))


def test_editorial_and_unique_highlights_differ_in_colour(make_app) -> None:
    app = make_app()

    async def scenario(pilot) -> None:
        grid = app.screen.query_one(ComparisonGrid)
        for theme in ("textual-dark", "textual-light"):
            app.theme = theme
            await pilot.pause()
            editorial = grid.finding_style("editorial_aside").bgcolor
            unique = grid.finding_style("unique_passage").bgcolor
            assert _distance(editorial, unique) > 60, theme

    drive(app, scenario)


def test_any_article_can_be_hidden_from_the_list(make_app) -> None:
    app = make_app()

    async def scenario(pilot) -> None:
        await press(pilot, "h")
        assert isinstance(app.screen, ArticlesScreen)
        await press(pilot, "down", "down", "space", "escape")
        assert app.review.hidden == {"daily"}
        assert [a.id for a in app.screen.query_one(ComparisonGrid).view.articles] == ["wire", "pundit"]
        await press(pilot, "h", "space", "down", "space", "escape")  # untick the two still shown
        assert app.review.hidden == {"daily"}
        assert any("stays shown" in n for n in _notices(app))
        await press(pilot, "h", "down", "down", "space", "escape")
        assert app.review.hidden == set()

    drive(app, scenario)


def test_fold_counts_rows_without_differences_in_the_shown_categories(make_app) -> None:
    app = make_app()

    async def scenario(pilot) -> None:
        await press(pilot, "E", "L", "Q", "A", "F", "U", "C")  # only wording stays shown
        await press(pilot, "f")
        grid = app.screen.query_one(ComparisonGrid)
        folded = sum(len(b.rows) for b in grid.view.shown if isinstance(b, Fold))
        kept = [b for b in grid.view.shown if isinstance(b, int)]
        assert folded > 0 and kept
        rows = grid.view.grid.rows
        assert all(any(m.type == "wording" for c in rows[r].cells.values() for m in c.marks) for r in kept)
        assert any(f"{folded} row" in n and "(W)" in n for n in _notices(app))

    drive(app, scenario)
