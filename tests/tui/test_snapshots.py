"""Snapshots of the review app, one class per feature, each test saying what it shows.

All but the last class draw the hand-made comparison of `tests/fixtures/handmade.py` through a fake core
(the `fake_core` fixture), so a change to alignment or analysis does not move them; only `TestSample` runs
the real core on the bundled sample, end to end. Fixed size and theme, and no blinking widgets on these
screens. After a deliberate change to what the app shows, regenerate them
(`pytest tests/tui/test_snapshots.py --snapshot-update`) and look at the changed SVGs before committing.
"""

from __future__ import annotations

from compare_tui.cli import sample_dir
from compare_tui.core.settings import Settings
from compare_tui.tui.app import CompareApp

SIZE = (160, 50)
HANDMADE_SOURCES = ["wire.txt", "pundit.txt", "daily.txt"]


def _settings(theme: str) -> Settings:
    return Settings(theme=theme, screenshot_dir=".")


def _handmade(fake_core, theme: str = "textual-dark") -> CompareApp:
    """The app on the hand-made comparison; nothing is read from disk."""
    return CompareApp(HANDMADE_SOURCES, settings=_settings(theme), compare=fake_core, load=fake_core.load)


async def _loaded(pilot) -> None:
    await pilot.app.wait_for_comparison()
    await pilot.pause()


def _after(*keys: str):
    """Wait for the comparison, press `keys`, then clear the toasts they raised (they time out, so a snapshot
    would depend on the machine's speed)."""

    async def run_before(pilot) -> None:
        await _loaded(pilot)
        await pilot.press(*keys)
        pilot.app.clear_notifications()
        await pilot.pause()

    return run_before


class TestMainView:
    """The aligned columns, headline strip, legend and status line."""

    def test_cursor_on_a_finding(self, snap_compare, fake_core) -> None:
        """Two findings on: the cursor's row and cell marked, highlights with their letters in the gutter."""
        assert snap_compare(_handmade(fake_core), terminal_size=SIZE, run_before=_after("n", "n"))

    def test_light_theme(self, snap_compare, fake_core) -> None:
        """The same in the light theme, where every highlight must still read."""
        app = _handmade(fake_core, "textual-light")
        assert snap_compare(app, terminal_size=SIZE, run_before=_after("n", "n"))

    def test_rows_without_differences_folded(self, snap_compare, fake_core) -> None:
        """`f` folds the plain matches into one line each run."""
        assert snap_compare(_handmade(fake_core), terminal_size=SIZE, run_before=_after("f"))

    def test_one_article_hidden(self, snap_compare, fake_core) -> None:
        """`2` hides the second article's column; the others keep their numbers."""
        assert snap_compare(_handmade(fake_core), terminal_size=SIZE, run_before=_after("2"))

    def test_highlights_toggled_off(self, snap_compare, fake_core) -> None:
        """`W` and `A` switch wording and attribution highlights off; the legend greys them."""
        assert snap_compare(_handmade(fake_core), terminal_size=SIZE, run_before=_after("W", "A"))


class TestRowDetails:
    """The details screen of one row."""

    def test_row_with_attribution_scare_quote_and_omission(self, snap_compare, fake_core) -> None:
        """The last row: verbs per article, a scare quote and a fact only one article has."""
        app = _handmade(fake_core)
        assert snap_compare(app, terminal_size=SIZE, run_before=_after("G", "enter"))


class TestOmissionLedger:
    """The facts-by-articles table."""

    def test_ledger(self, snap_compare, fake_core) -> None:
        """Which article has each fact and which lacks it."""
        assert snap_compare(_handmade(fake_core), terminal_size=SIZE, run_before=_after("o"))


class TestHelp:
    """The keys screen."""

    def test_keys(self, snap_compare, fake_core) -> None:
        """Every key by group, as the bindings declare them."""
        app = _handmade(fake_core)
        assert snap_compare(app, terminal_size=SIZE, run_before=_after("question_mark"))


class TestTriage:
    """Marks on findings and the export dialog."""

    def test_tags_beside_decided_findings(self, snap_compare, fake_core) -> None:
        """One finding accepted, the next flagged: their tags follow the letters in the gutter."""
        app = _handmade(fake_core)
        assert snap_compare(app, terminal_size=SIZE, run_before=_after("n", "a", "n", "exclamation_mark"))

    def test_export_dialog(self, snap_compare, fake_core) -> None:
        """`e`: the formats from the export table, the dismissed-findings switch and the file name."""
        assert snap_compare(_handmade(fake_core), terminal_size=SIZE, run_before=_after("e"))


class TestSample:
    """End to end: the real core on the bundled sample (moves whenever alignment or analysis changes)."""

    def test_main_view(self, snap_compare) -> None:
        """The sample's first screen with the cursor on its second finding."""
        app = CompareApp([str(sample_dir())], settings=_settings("textual-dark"))
        assert snap_compare(app, terminal_size=SIZE, run_before=_after("n", "n"))
