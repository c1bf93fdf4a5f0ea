"""The app's export never overwrites an input: the dialog's path is refused with one notification."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

from textual.widgets._toast import Toast

from compare_tui.core.settings import Settings
from compare_tui.tui.app import CompareApp

SAMPLE = Path(__file__).resolve().parents[2] / "sample_data" / "zelensky-security-guarantees"


def test_export_onto_an_input_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "event"
    shutil.copytree(SAMPLE, folder)
    article = next(folder.glob("*.txt"))
    before = article.read_bytes()

    async def scenario() -> list[str]:
        app = CompareApp([str(folder)], settings=Settings(screenshot_dir=str(tmp_path)))
        async with app.run_test(size=(160, 50), notifications=True) as pilot:
            await app.wait_for_comparison()
            await pilot.press("e")
            await pilot.pause()
            await pilot.click("#format-md")
            app.screen.query_one("#export-path").value = str(article)
            await pilot.click("#export-ok")
            await app.workers.wait_for_complete()
            await pilot.pause()
            return [str(toast.render()) for toast in app.screen.query(Toast)]

    toasts = asyncio.run(scenario())
    assert article.read_bytes() == before
    assert any("refusing to write into the input folder" in t for t in toasts), toasts
