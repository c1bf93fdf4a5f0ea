"""Triage and export in the app, driven with Pilot: marks and notes survive quitting and reopening the same
articles; the export dialog writes reports and images through the core."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from compare_tui.core.png import png_size
from compare_tui.core.settings import Settings
from compare_tui.tui.app import CompareApp
from compare_tui.tui.commands import screen_actions
from compare_tui.tui.screens.triage import TRIAGE_TAGS
from compare_tui.tui.widgets.grid import ComparisonGrid

SAMPLE = Path(__file__).resolve().parents[2] / "sample_data" / "zelensky-security-guarantees"
SIZE = (160, 50)


def make_app(tmp_path: Path) -> CompareApp:
    settings = Settings(screenshot_dir=str(tmp_path / "exports"))
    return CompareApp([str(SAMPLE)], settings=settings, session_path=tmp_path / "session.json")


def grid_text(app: CompareApp) -> str:
    """Every line the grid draws right now, as plain text."""
    grid = app.review.query_one(ComparisonGrid)
    return "\n".join(grid.render_line(y).text for y in range(grid.size.height))


def test_marks_and_notes_survive_quit_and_reopen(tmp_path: Path) -> None:
    async def scenario() -> None:
        app = make_app(tmp_path)
        async with app.run_test(size=SIZE) as pilot:
            await app.wait_for_comparison()
            await pilot.press("n")
            first = app.review.current_finding
            await pilot.press("a")
            await pilot.press("n")
            second = app.review.current_finding
            await pilot.press("exclamation_mark", "c")
            await pilot.pause()
            await pilot.press(*"ask the desk", "enter")
            await pilot.pause()
            await pilot.press("n", "d", "d")  # dismissed, then undone
            undone = app.review.current_finding
            await pilot.pause()
            tags = app.review.triage_tags()
            shown = grid_text(app)
            await pilot.press("q")
        assert first is not None and second is not None and undone is not None
        assert tags == {first.id: TRIAGE_TAGS["accepted"], second.id: TRIAGE_TAGS["flagged"]}
        assert f"{TRIAGE_TAGS['accepted']}Zelensky Says" in shown  # the tag beside the first line of the row

        saved = json.loads((tmp_path / "session.json").read_text(encoding="utf-8"))
        assert sorted(d["state"] for d in saved["decisions"].values()) == ["accepted", "flagged"]

        reopened = make_app(tmp_path)
        async with reopened.run_test(size=SIZE) as pilot:
            await reopened.wait_for_comparison()
            await pilot.pause()
            review = reopened.review
            by_text = {(f.type, f.article, f.start): f for f in review.comparison.findings}
            again = by_text[(first.type, first.article, first.start)]
            assert review.decision(again).state == "accepted"
            flagged = review.decision(by_text[(second.type, second.article, second.start)])
            assert flagged.state == "flagged" and flagged.note == "ask the desk"
            assert review.decision(by_text[(undone.type, undone.article, undone.start)]) is None
            assert review.triage_tags()[again.id] == TRIAGE_TAGS["accepted"]
            assert TRIAGE_TAGS["accepted"] in grid_text(reopened)

    asyncio.run(scenario())


def test_marking_without_a_finding_only_warns(tmp_path: Path) -> None:
    async def scenario() -> None:
        app = make_app(tmp_path)
        async with app.run_test(size=SIZE) as pilot:
            await app.wait_for_comparison()
            assert app.review.current_finding is None
            await pilot.press("a")
            await pilot.pause()
        assert not (tmp_path / "session.json").exists()

    asyncio.run(scenario())


def test_a_corrupt_session_is_set_aside_and_reported(tmp_path: Path) -> None:
    async def scenario() -> None:
        (tmp_path / "session.json").write_text("{half a file")
        app = make_app(tmp_path)
        async with app.run_test(size=SIZE) as pilot:
            await app.wait_for_comparison()
            await pilot.pause()
            messages = [n.message for n in app._notifications]
            await pilot.press("n", "a")
        assert any("not valid JSON" in m and "set aside" in m for m in messages)
        assert [p.name.split(".corrupt-")[0] for p in tmp_path.glob("session.json.corrupt-*")] == [
            "session.json"
        ]
        assert json.loads((tmp_path / "session.json").read_text())["decisions"]

    asyncio.run(scenario())


def test_export_dialog_writes_markdown_without_dismissed(tmp_path: Path) -> None:
    async def scenario() -> None:
        app = make_app(tmp_path)
        async with app.run_test(size=SIZE) as pilot:
            await app.wait_for_comparison()
            await pilot.press("n", "d")
            dismissed = app.review.current_finding
            await pilot.press("e")
            await pilot.pause()
            await pilot.click("#format-md")
            await pilot.click("#export-dismissed")
            await pilot.click("#export-ok")
            await app.workers.wait_for_complete()
            await pilot.pause()
        (written,) = (tmp_path / "exports").glob("*.md")
        text = written.read_text(encoding="utf-8")
        assert text.startswith("# Comparison: ") and "Dismissed findings are left out." in text
        total = len(app.review.comparison.findings)
        assert dismissed is not None and f"{total - 1} findings" in text

    asyncio.run(scenario())


def test_export_dialog_writes_a_png_of_the_screen(tmp_path: Path) -> None:
    async def scenario() -> None:
        app = make_app(tmp_path)
        target = tmp_path / "shot.png"
        async with app.run_test(size=SIZE) as pilot:
            await app.wait_for_comparison()
            await pilot.press("e")
            await pilot.pause()
            await pilot.click("#format-png")
            path_input = app.screen.query_one("#export-path")
            path_input.value = str(target)
            await pilot.click("#export-ok")
            await app.workers.wait_for_complete()
            await pilot.pause()
        size = png_size(target.read_bytes())
        assert size.width > 1500 and size.height > 1000

    asyncio.run(scenario())


def test_triage_and_export_are_palette_commands(tmp_path: Path) -> None:
    async def scenario() -> None:
        app = make_app(tmp_path)
        async with app.run_test(size=SIZE) as pilot:
            await app.wait_for_comparison()
            await pilot.pause()
            titles = {action.title: action.keys for action in screen_actions(app.review)}
        assert titles["triage: Accept the finding (again: undo)"] == "a"
        assert titles["triage: Dismiss the finding (again: undo)"] == "d"
        assert titles["triage: Flag the finding (again: undo)"] == "!"
        assert titles["triage: Write a note on the finding"] == "c"
        assert titles["export: Export a report (HTML, Markdown, JSON) or image (PNG, SVG)"] == "e"

    asyncio.run(scenario())
