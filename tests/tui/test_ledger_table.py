"""The ledger's line-drawn table on its own: cursor keys, scrolling with a fixed header, sideways scrolling by
whole columns, enter, and literal text (facts come from untrusted articles)."""

from __future__ import annotations

import asyncio

from rich.style import Style
from screen_text import screen_lines
from textual.app import App, ComposeResult

from compare_tui.core.row_details import FactPresence
from compare_tui.tui.widgets.ledger_table import ABSENT, PRESENT, LedgerTable

ARTICLES = tuple(f"a{n}" for n in range(1, 12))
HOSTILE = "[bold]not bold[/bold] \x1b[31mred\x1b[0m\x07 :smile:"


def _fact(n: int, text: str | None = None) -> FactPresence:
    present = ARTICLES[: 1 + n % len(ARTICLES)]
    positions = dict.fromkeys(present, "lede") | {ARTICLES[0]: "headline"}
    return FactPresence(
        text=text or f"fact number {n}",
        present=present,
        absent=tuple(a for a in ARTICLES if a not in present),
        positions=positions,
    )


class TableApp(App[None]):
    def __init__(self, facts: list[FactPresence], chosen: str | None = None) -> None:
        super().__init__()
        self.facts, self.chosen, self.picked = facts, chosen, []

    def compose(self) -> ComposeResult:
        yield LedgerTable()

    def on_mount(self) -> None:
        headers = {a: f"[{n}] {a} news" for n, a in enumerate(ARTICLES, 1)}
        self.query_one(LedgerTable).show(self.facts, ARTICLES, headers, self.chosen)
        self.query_one(LedgerTable).focus()

    def on_ledger_table_chosen(self, event: LedgerTable.Chosen) -> None:
        self.picked.append(event.index)


def run(app: TableApp, size, scenario) -> None:
    async def main() -> None:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await scenario(pilot, app.query_one(LedgerTable))

    asyncio.run(main())


def test_cursor_keys_move_and_scroll_while_the_header_stays() -> None:
    async def scenario(pilot, table: LedgerTable) -> None:
        assert table.cursor == 0
        await pilot.press("down", "down", "up")
        assert table.cursor == 1
        await pilot.press("end")
        await pilot.pause()
        assert table.cursor == 59
        lines = screen_lines(pilot.app)
        assert lines[0].lstrip().startswith("Fact") and "[1] a1 ne" in lines[0]
        assert "fact number 59" in lines[-2]  # the last fact on the last line above the sideways scrollbar
        assert not any("fact number 0 " in line for line in lines)
        await pilot.press("home")
        await pilot.pause()
        assert table.cursor == 0 and table.scroll_y == 0
        await pilot.press("pagedown")
        assert table.cursor == table.scrollable_content_region.height - 1
        await pilot.press("up", "up", "up", "up", "up", "up", "up", "up", "up", "up", "up", "up")
        assert table.cursor == table.scrollable_content_region.height - 13

    run(TableApp([_fact(n) for n in range(60)]), (100, 20), scenario)


def test_enter_and_a_second_click_choose_the_fact_under_the_cursor() -> None:
    app = TableApp([_fact(n) for n in range(10)])

    async def scenario(pilot, table: LedgerTable) -> None:
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert app.picked == [2]
        await pilot.click(LedgerTable, offset=(5, 5))  # header line + fact 4
        await pilot.pause()
        assert table.cursor == 4 and app.picked == [2]
        await pilot.click(LedgerTable, offset=(5, 5))
        await pilot.pause()
        assert app.picked == [2, 4]

    run(app, (100, 20), scenario)


def test_marks_say_where_each_article_states_the_fact() -> None:
    async def scenario(pilot, table: LedgerTable) -> None:
        text, marks = table.row(2)
        assert text == "fact number 2"
        assert marks[:4] == (f"{PRESENT} head", f"{PRESENT} lede", f"{PRESENT} lede", ABSENT)
        line = screen_lines(pilot.app)[3]
        assert line.split("│")[1:5] == [m.center(table.name_width) for m in marks[:4]]

    run(TableApp([_fact(n) for n in range(5)]), (200, 20), scenario)


def test_articles_that_do_not_fit_scroll_sideways_by_whole_columns_beside_a_fixed_fact_column() -> None:
    async def scenario(pilot, table: LedgerTable) -> None:
        header = screen_lines(pilot.app)[0]
        assert "[1] a1 ne" in header and "[11] a11" not in header
        await pilot.press("right", "right")
        await pilot.pause()
        header, first = screen_lines(pilot.app)[:2]
        assert header.lstrip().startswith("Fact") and first.lstrip().startswith("fact number 0")
        cells = header.split("│")
        assert cells[1].startswith("[3] a3 ne")  # columns 1 and 2 scrolled away whole
        assert table.scroll_x == 2 * (table.name_width + 1)
        for _ in range(12):
            await pilot.press("right")
        await pilot.pause()
        header = screen_lines(pilot.app)[0]
        assert header.split("│")[-1].startswith("[11] a11")
        assert table.scroll_x % (table.name_width + 1) == 0  # the leftmost column whole at the far right too
        assert header.split("│")[1].startswith("[")

    run(TableApp([_fact(n) for n in range(5)]), (80, 20), scenario)


def test_fact_text_and_names_are_shown_literally_never_as_markup_or_escapes() -> None:
    async def scenario(pilot, table: LedgerTable) -> None:
        line = screen_lines(pilot.app)[1]
        assert "[bold]not bold[/bold] ␛[31mred␛[0m␇ :smile:" in line
        strip = table.render_line(1)
        assert not any("\x1b" in s.text or "\x07" in s.text for s in strip)
        assert not any((s.style or Style()).bold for s in strip if "not bold" in s.text)
        assert "[2] a2 news" in screen_lines(pilot.app)[0]

    run(TableApp([_fact(1, HOSTILE), _fact(2)]), (200, 10), scenario)


def test_the_chosen_article_is_marked_in_the_header() -> None:
    async def scenario(pilot, table: LedgerTable) -> None:
        header = table.render_line(0)
        styles = {s.text.strip(): s.style for s in header if s.text.strip().startswith("[")}
        assert styles["[3] a3 news"].reverse and not styles["[2] a2 news"].reverse

    run(TableApp([_fact(n) for n in range(3)], chosen="a3"), (200, 10), scenario)
