"""Shared fixtures. This file's folder is put on sys.path by pytest, so `fixtures.*` helpers import."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, settings

from compare_tui.core.comparison import Comparison
from fixtures.handmade import build_comparison

# No test may depend on the machine's speed: no per-example deadline and no "too slow" health check, for every
# Hypothesis test, including those whose own @settings name only max_examples (they inherit this profile).
settings.register_profile(
    "compare-tui", deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]
)
settings.load_profile("compare-tui")


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads or writes the user's real config, sessions or screenshots."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    for name in (
        "COMPARE_TUI_CONFIG",
        "COMPARE_TUI_MATCH_THRESHOLD",
        "COMPARE_TUI_THEME",
        "COMPARE_TUI_REFERENCE",
    ):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def handmade() -> Comparison:
    """The hand-made three-article comparison of tests/fixtures/handmade.py."""
    return build_comparison()
