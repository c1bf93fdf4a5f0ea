"""Shared fixtures. This file's folder is put on sys.path by pytest, so `fixtures.*` helpers import."""

from __future__ import annotations

import pytest

from compare_tui.core.comparison import Comparison
from fixtures.handmade import build_comparison


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
