"""`q` and Ctrl+C quit while a comparison is still running: the core's thread never holds the keys."""

from __future__ import annotations

import asyncio
import threading
import time

import pytest

from compare_tui.core.settings import Settings
from compare_tui.tui.app import CompareApp


@pytest.mark.parametrize("key", ["q", "ctrl+c"])
def test_quit_keys_work_while_the_core_is_busy(key: str, fake_core, tmp_path) -> None:
    """The fake core blocks until the test ends; the key must still make the app exit, with 0."""
    started, release = threading.Event(), threading.Event()

    def slow(articles, *, settings: Settings):
        started.set()
        release.wait(60)  # a comparison that takes a minute
        return fake_core(articles, settings=settings)

    async def scenario() -> None:
        settings = Settings(theme="textual-dark", screenshot_dir=str(tmp_path / "shots"))
        app = CompareApp(["wire.txt", "pundit.txt"], settings=settings, compare=slow, load=fake_core.load)
        async with app.run_test(size=(120, 40)) as pilot:
            deadline = time.monotonic() + 30
            while not started.is_set():
                assert time.monotonic() < deadline, "the comparison never started"
                await asyncio.sleep(0.01)
            assert app.review.outcome is None  # still comparing
            await pilot.press(key)
            await pilot.pause()
            assert app.return_code == 0, f"{key} did not quit while comparing"
            assert app.review.outcome is None  # it quit without waiting for the comparison

    try:
        asyncio.run(scenario())
    finally:
        release.set()
