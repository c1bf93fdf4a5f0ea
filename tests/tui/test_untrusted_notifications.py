"""Every notification shows untrusted text literally: no escape sequence reaches the terminal, no markup is
obeyed (no link, no click action, no MarkupError crash), whatever channel the text came through."""

from __future__ import annotations

import asyncio
import io
from collections.abc import Awaitable, Callable
from pathlib import Path

from rich.console import Console
from rich.segment import Segment
from textual.pilot import Pilot
from textual.widgets._toast import Toast

from compare_tui.core.settings import Settings
from compare_tui.tui.app import CompareApp

OSC52 = "\x1b]52;c;cHduZWQ=\x07"
OSC8 = "\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\"
CSI_CLEAR = "\x1b[2J"
BEL = "\x07"
HOSTILE = f"{OSC52}{OSC8}{CSI_CLEAR}{BEL}[/] [link=https://evil.example]x[/link] [@click=app.quit]y[/]"
SIZE = (200, 50)
FILLER = (
    "Observers from several countries watched the count in every district of the region, and the results "
    "were reported to the electoral commission before midnight on the day of the vote."
)


def _toasts(app: CompareApp) -> tuple[str, list[Segment]]:
    """The text of every toast on screen, and the segments the screen draws."""
    console = Console(width=SIZE[0], height=SIZE[1], file=io.StringIO(), force_terminal=True, record=True)
    update = app.screen._compositor.render_update(full=True)
    segments = [s for s in console.render(update) if not s.control]
    text = "\n".join(str(toast.render()) for toast in app.screen.query(Toast))
    return text, segments


def _assert_literal(text: str, segments: list[Segment], *, removed_at_load: bool = False) -> None:
    assert "\x1b" not in text and "\x07" not in text
    if removed_at_load:  # an article's escape sequences are removed when it is read
        assert "52;c;cHduZWQ=" not in text
    else:
        assert "␛]52;c;cHduZWQ=" in text
    raw = "".join(s.text for s in segments)
    assert "\x1b" not in raw and "\x07" not in raw
    for segment in segments:
        if segment.style is not None:
            assert not segment.style.link, segment
            assert not any(key.startswith("@") for key in segment.style.meta), segment


def _run(
    app: CompareApp, act: Callable[[CompareApp, Pilot], Awaitable[None]] | None = None
) -> tuple[str, list[Segment], bool]:
    async def main() -> tuple[str, list[Segment], bool]:
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await app.wait_for_comparison()
            if act is not None:
                await act(app, pilot)
            await pilot.pause()
            await pilot.pause(0.1)
            text, segments = _toasts(app)
            return text, segments, app.is_running

    return asyncio.run(main())


def _article(folder: Path, name: str, title: str, body: str) -> str:
    path = folder / name
    path.write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    return str(path)


def test_a_notification_of_each_hostile_string_is_literal(tmp_path: Path) -> None:
    for hostile in (
        OSC52,
        OSC8,
        CSI_CLEAR,
        BEL,
        "[/]",
        "[link=https://evil.example]x[/link]",
        "[@click=app.quit]y",
    ):

        async def act(app: CompareApp, pilot: Pilot, hostile: str = hostile) -> None:
            app.review.notify(f"value {hostile} {OSC52}", title=f"title {hostile}", timeout=30)

        app = CompareApp([_article(tmp_path, "a.txt", "Vote counted", FILLER)], settings=Settings())
        text, segments, running = _run(app, act)
        assert running, hostile
        _assert_literal(text, segments)
        assert hostile.replace("\x1b", "␛").replace("\x07", "␇") in text


def test_long_values_are_cut(tmp_path: Path) -> None:
    async def act(app: CompareApp, pilot: Pilot) -> None:
        app.notify(f"{OSC52}{'x' * 5000}", timeout=30)

    text, _, _ = _run(CompareApp([_article(tmp_path, "a.txt", "Vote counted", FILLER)]), act)
    assert "x" * 200 in text and "x" * 1000 not in text and "…" in text


def test_theme_and_keymap_values_with_markup_and_escapes(tmp_path: Path) -> None:
    settings = Settings(theme=f"nope{HOSTILE}", keymap={f"bad{HOSTILE}": "x", "next_finding": "[/]"})
    text, segments, running = _run(
        CompareApp([_article(tmp_path, "a.txt", "Vote counted", FILLER)], settings=settings)
    )
    assert running
    assert "Unknown theme" in text and "Unknown key map entries" in text
    _assert_literal(text, segments)
    assert "[/] [link=https://evil.example]x[/link] [@click=app.quit]y[/]" in text


def test_load_error_naming_a_hostile_file(tmp_path: Path) -> None:
    good = _article(tmp_path, "a.txt", "Vote counted", FILLER)
    (tmp_path / f"bad{OSC52}[").mkdir()  # a "/" can only be a folder separator: "[/]" spans two names
    bad = tmp_path / f"bad{OSC52}[" / "][link=evil.example]x[@click=app.quit]y.txt"
    bad.write_bytes(b"")
    text, segments, running = _run(CompareApp([good, str(bad)]))
    assert running and "empty file" in text
    _assert_literal(text, segments)
    assert "[/][link=evil.example]x[@click=app.quit]y.txt" in text


def test_screenshot_saved_into_a_hostile_folder(tmp_path: Path) -> None:
    folder = tmp_path / f"shots{OSC52}[/]"

    async def act(app: CompareApp, pilot: Pilot) -> None:
        await pilot.press("s")

    app = CompareApp(
        [_article(tmp_path, "a.txt", "Vote counted", FILLER)], settings=Settings(screenshot_dir=str(folder))
    )
    text, segments, running = _run(app, act)
    assert running and "Screenshot saved" in text and any(folder.glob("*.svg"))
    _assert_literal(text, segments)


def test_accepting_a_finding_whose_passage_is_hostile(tmp_path: Path) -> None:
    wire = _article(tmp_path, "wire.txt", "Vote counted in every district", FILLER)
    daily = _article(
        tmp_path,
        "daily.txt",
        "Vote counted in every district",
        f"{FILLER}\n\n{OSC52}[/] Rebels [link=https://evil.example]seized[/link] the northern bridge "
        "at dawn and [@click=app.quit]held it[/] for three days, witnesses told reporters.",
    )

    async def act(app: CompareApp, pilot: Pilot) -> None:
        for _ in range(40):
            finding = app.review.current_finding
            if finding is not None and "Rebels" in finding.text:
                break
            await pilot.press("n")
        await pilot.press("a")

    app = CompareApp([wire, daily], settings=Settings(), session_path=tmp_path / "session.json")
    text, segments, running = _run(app, act)
    assert running and "accepted" in text
    _assert_literal(text, segments, removed_at_load=True)
    assert "[/] Rebels [link=https://evil.example]seized" in text
