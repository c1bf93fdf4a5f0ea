"""The review app: applies the user's settings (theme, key map) and opens the review screen.

Everything else lives in screens and widgets; the core runs in the review screen's thread.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App
from textual.binding import Binding
from textual.notifications import SeverityLevel
from textual.widget import Widget

from compare_tui.core.safe_text import shown
from compare_tui.core.settings import Settings
from compare_tui.tui.screens.review import CompareFunction, LoadFunction, ReviewScreen

if TYPE_CHECKING:
    from textual.command import Provider

    from compare_tui.core.loading import LoadResult
    from compare_tui.core.pipeline import CompareOutcome

APP_GROUP = Binding.Group("app")


def _default_load(sources: Sequence[object], *, settings: Settings) -> LoadResult:
    """The core's reader, imported in the review screen's thread; `Article`s given directly are kept."""
    from compare_tui.core.loading import LoadResult, load_sources
    from compare_tui.core.models import Article

    given = tuple(s for s in sources if isinstance(s, Article))
    paths = [str(s) for s in sources if not isinstance(s, Article)]
    loaded = load_sources(paths, settings=settings) if paths else LoadResult((), ())
    return LoadResult((*given, *loaded.articles), loaded.errors)


def _default_compare(articles: Sequence[object], *, settings: Settings) -> CompareOutcome:
    """The real core, imported on first use in the review screen's thread: the app draws before numpy loads."""
    from compare_tui.core.pipeline import compare_sources

    return compare_sources(articles, settings=settings)


def _review_commands() -> type[Provider]:
    """The palette's provider, imported when the palette first opens rather than at start-up."""
    from compare_tui.tui.commands import ReviewCommands

    return ReviewCommands


class CompareApp(App[None]):
    """Compare how several outlets covered one event, from the keyboard."""

    CSS_PATH = "app.tcss"
    TITLE = "compare-tui"
    COMMANDS = App.COMMANDS | {_review_commands}
    BINDINGS = [
        Binding("q", "quit", "Quit", id="quit", group=APP_GROUP),
        # Ctrl+C quits too, as in any terminal program (Textual's default only says how to quit); a focused
        # text field still copies with it.
        Binding("ctrl+c", "quit", "Quit", show=False, system=True),
        Binding("s,ctrl+s", "save_screenshot", "Save a screenshot (SVG)", id="screenshot", group=APP_GROUP),
    ]

    def __init__(
        self,
        sources: Sequence[object],
        *,
        settings: Settings | None = None,
        compare: CompareFunction | None = None,
        load: LoadFunction | None = None,
        session_path: Path | None = None,
    ) -> None:
        super().__init__()
        self.session_path = session_path
        """The triage session file (--session); None keeps it in the XDG data folder."""
        self.settings = settings or Settings()
        self.review = ReviewScreen(
            sources, settings=self.settings, compare=compare or _default_compare, load=load or _default_load
        )
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme  # before the first styling: a theme set later restyles everything

    def get_default_screen(self) -> ReviewScreen:
        """The review screen is the first screen: no blank default screen is drawn and then covered."""
        return self.review

    def on_mount(self) -> None:
        if self.settings.theme not in self.available_themes:
            self.notify(f"Unknown theme {self.settings.theme!r}; using {self.theme}.", severity="warning")
        if unknown := sorted(set(self.settings.keymap) - binding_ids()) if self.settings.keymap else []:
            self.notify(f"Unknown key map entries: {', '.join(unknown)}", severity="warning")
        self.set_keymap(dict(self.settings.keymap))

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Every notification, from any screen or widget, shows its text literally: markup off, control
        characters as symbols, long values cut (messages quote passages, file names and HTTP replies)."""
        super().notify(
            shown(message),
            title=shown(title, one_line=True, limit=80),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    async def wait_for_comparison(self) -> None:
        """Wait until the review screen's core thread has delivered (for headless use and tests)."""
        while self.review.outcome is None or self.review.query_one("#grid").loading:
            await self.workers.wait_for_complete()
            await asyncio.sleep(0.01)

    def action_save_screenshot(self) -> None:
        """Save the screen as SVG into the screenshot folder and say where."""
        # The exporters and the output guard (which brings the loader) are not needed at start-up.
        from compare_tui.core.atomic import write_text_atomic
        from compare_tui.core.export import screenshot_name
        from compare_tui.core.output_guard import OutputClash, check_output

        cursor = self.review.cursor
        grid = self.review.grid
        row = grid.rows[cursor.row].number if grid is not None and cursor is not None else None
        name = screenshot_name(self.review.comparison, row=row, now=datetime.now())
        path = Path(self.settings.screenshot_dir).expanduser() / name
        try:
            check_output(path, self.review.sources)
            write_text_atomic(path, self.export_screenshot(), create_folder=True)
        except (OSError, OutputClash) as exc:
            self.notify(f"Screenshot not saved: {exc}", severity="error")
            return
        self.notify(f"Screenshot saved to {path}", title="Screenshot")


def binding_ids() -> frozenset[str]:
    """Every binding id of the app, its screens and their widgets: what `[keymap]` may remap.

    Screens load on first use, so this imports every module of the app first (done only when a key map is
    given); bindings a class inherits count too (the review screen's triage keys).
    """
    import pkgutil
    from importlib import import_module

    import compare_tui.tui

    for module in pkgutil.walk_packages(compare_tui.tui.__path__, prefix="compare_tui.tui."):
        import_module(module.name)
    ours = [c for c in (CompareApp, *_subclasses(Widget)) if c.__module__.startswith("compare_tui.")]
    return frozenset(
        binding.id
        for cls in ours
        for klass in cls.__mro__
        for binding in vars(klass).get("BINDINGS", ())
        if isinstance(binding, Binding) and binding.id
    )


def _subclasses(cls: type) -> list[type]:
    """All subclasses of `cls`, however deep."""
    direct = cls.__subclasses__()
    return [*direct, *(deeper for sub in direct for deeper in _subclasses(sub))]
