"""An app factory for Pilot tests: the review app on the hand-made comparison, through a recording fake core."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest

from compare_tui.core.loading import LoadError, LoadResult
from compare_tui.core.pipeline import CompareOutcome
from compare_tui.core.settings import Settings
from compare_tui.tui.app import CompareApp
from fixtures.handmade import build_comparison


@dataclass
class FakeCore:
    """Stands in for `load_sources` (`load`) and `compare_sources` (call): records each comparison's settings
    and thread, reads the hand-made articles with `errors`, returns the hand-made comparison."""

    errors: tuple[LoadError, ...] = ()
    calls: list[Settings] = field(default_factory=list)
    threads: list[str] = field(default_factory=list)
    loads: int = 0

    def load(self, sources, *, settings: Settings) -> LoadResult:
        self.loads += 1
        return LoadResult(build_comparison().articles, self.errors)

    def __call__(self, articles, *, settings: Settings) -> CompareOutcome:
        self.calls.append(settings)
        self.threads.append(threading.current_thread().name)
        comparison = build_comparison(reference=settings.reference, threshold=settings.match_threshold)
        return CompareOutcome(comparison, ())


@pytest.fixture
def fake_core() -> FakeCore:
    """A fresh recording fake core."""
    return FakeCore()


@pytest.fixture
def make_app(fake_core: FakeCore, tmp_path) -> Callable[..., CompareApp]:
    """Build the app on the fake core; settings default to a fixed theme and a temporary screenshot folder."""

    def make(**overrides) -> CompareApp:
        settings = Settings(theme="textual-dark", screenshot_dir=str(tmp_path / "shots")).with_overrides(
            **overrides
        )
        return CompareApp(
            ["wire.txt", "pundit.txt", "daily.txt"], settings=settings, compare=fake_core, load=fake_core.load
        )

    return make
