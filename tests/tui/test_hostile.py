"""Article text is untrusted: markup, escape sequences and control characters are shown, never obeyed.

The hostile files go through the real loader and core; the test then reads what the app drew.
"""

from __future__ import annotations

import asyncio
import io
from pathlib import Path

from rich.console import Console
from rich.segment import Segment

from compare_tui.core.settings import Settings
from compare_tui.tui.app import CompareApp
from compare_tui.tui.screenshot import render_svg

HOSTILE = Path(__file__).parents[1] / "fixtures" / "hostile"
SOURCES = [str(HOSTILE / "markup.txt"), str(HOSTILE / "escapes.txt")]
SIZE = (200, 60)


def _drawn(app: CompareApp) -> tuple[str, list[Segment]]:
    """The screen as plain text, and its styled segments (cursor-positioning controls left out)."""
    console = Console(width=SIZE[0], height=SIZE[1], file=io.StringIO(), force_terminal=True, record=True)
    segments = [s for s in console.render(app.screen._compositor.render_update(full=True)) if not s.control]
    console.print(app.screen._compositor.render_update(full=True))
    return console.export_text(), segments


def _run(keys: tuple[str, ...] = ()) -> tuple[str, list[Segment], bool]:
    async def main() -> tuple[str, list[Segment], bool]:
        app = CompareApp(SOURCES, settings=Settings(theme="textual-dark"))
        async with app.run_test(size=SIZE) as pilot:
            await app.wait_for_comparison()
            for key in keys:
                await pilot.press(key)
            await pilot.pause()
            text, segments = _drawn(app)
            return text, segments, app.is_running

    return asyncio.run(main())


def test_markup_is_shown_literally_and_creates_no_links_or_actions() -> None:
    text, segments, running = _run()
    assert "[bold red]vote[/bold red]" in text
    assert "[link=http://evil.example]clean[/link]" in text
    assert "[@click=app.quit]click" in text
    assert running
    for segment in segments:
        style = segment.style
        if style is not None:
            assert not style.link and not any(key.startswith("@") for key in style.meta), segment
            assert style.color is None or style.color.name != "red", segment


def test_escape_sequences_are_dropped_and_control_characters_made_visible() -> None:
    text, segments, _ = _run()
    assert "Officials defend the vote count" in text  # colour codes removed at load
    assert "the vote was clean and fair, see here for more." in text  # clear screen, OSC 52, OSC 8 removed
    assert "52;c;" not in text and "[2J" not in text and "evil.example␛" not in text
    assert "minister␇" in text and "count␈␈" in text  # a lone bell and backspaces are shown
    assert "\ufffdyadnoM\ufffd" in text  # bidi override
    raw = "".join(s.text for s in segments)
    assert not any(c in raw for c in "\x1b\x07\x08\u202e\u202c")


def test_details_of_a_hostile_row_are_literal_too() -> None:
    text, segments, running = _run(("enter",))
    assert running and "Row 1" in text
    assert "[bold red]vote[/bold red]" in text
    assert not any(s.style is not None and s.style.link for s in segments)
    assert "\x1b" not in "".join(s.text for s in segments)


def test_headless_screenshot_has_no_links() -> None:
    svg = render_svg(SOURCES, settings=Settings(theme="textual-dark"), size=(160, 50)).svg
    assert svg is not None
    assert "href" not in svg and "\x1b" not in svg
    assert "[bold red]vote[/bold red]" in svg.replace("&#160;", " ")
