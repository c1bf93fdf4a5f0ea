"""Snapshots of the review app on the bundled sample: main view, details, omission ledger and help.

Fixed size and theme (the main view also in the light theme, where highlights must still read), no blinking widgets on these screens. They pin the look *and* the core's output on
the sample, so regenerate them (`pytest tests/tui/test_snapshots.py --snapshot-update`) after a change to
alignment or analysis, and look at the report before committing.
"""

from __future__ import annotations

from compare_tui.cli import sample_dir
from compare_tui.core.settings import Settings
from compare_tui.tui.app import CompareApp

SIZE = (160, 50)


def _app(theme: str = "textual-dark") -> CompareApp:
    return CompareApp([str(sample_dir())], settings=Settings(theme=theme, screenshot_dir="."))


async def _loaded(pilot) -> None:
    await pilot.app.wait_for_comparison()
    await pilot.pause()


class TestReviewSnapshots:
    """One snapshot per screen."""

    def test_main_view(self, snap_compare) -> None:
        assert snap_compare(_app(), terminal_size=SIZE, run_before=_loaded, press=["n", "n"])

    def test_main_view_light(self, snap_compare) -> None:
        assert snap_compare(_app("textual-light"), terminal_size=SIZE, run_before=_loaded, press=["n", "n"])

    def test_details(self, snap_compare) -> None:
        assert snap_compare(_app(), terminal_size=SIZE, run_before=_loaded, press=["n", "n", "enter"])

    def test_omission_ledger(self, snap_compare) -> None:
        assert snap_compare(_app(), terminal_size=SIZE, run_before=_loaded, press=["o"])

    def test_help(self, snap_compare) -> None:
        assert snap_compare(_app(), terminal_size=SIZE, run_before=_loaded, press=["question_mark"])
