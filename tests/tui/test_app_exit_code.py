"""The app's exit code: 2 when an input could not be read (as the README promises), 0 otherwise."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from compare_tui.cli import main
from compare_tui.tui.app import CompareApp

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "loading"


@pytest.fixture
def headless(monkeypatch: pytest.MonkeyPatch) -> None:
    """`CompareApp.run` without a terminal: wait for the comparison, then press q."""
    original = CompareApp.run

    async def quit_when_done(pilot: Pilot) -> None:
        await pilot.app.wait_for_comparison()  # type: ignore[attr-defined]
        await pilot.press("q")

    def run(self: CompareApp, **kwargs: object) -> None:
        original(self, headless=True, size=(120, 40), auto_pilot=quit_when_done)

    monkeypatch.setattr(CompareApp, "run", run)


def test_exit_code_is_2_when_an_input_failed(headless: None, tmp_path: Path) -> None:
    session = tmp_path / "s.json"
    assert main([str(FIXTURES / "crlf.txt"), str(tmp_path / "missing.txt"), "--session", str(session)]) == 2


def test_exit_code_is_0_when_every_input_loaded(headless: None, tmp_path: Path) -> None:
    assert (
        main(
            [
                str(FIXTURES / "crlf.txt"),
                str(FIXTURES / "article.json"),
                "--session",
                str(tmp_path / "s.json"),
            ]
        )
        == 0
    )
