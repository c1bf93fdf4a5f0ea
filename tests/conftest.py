"""Shared fixtures. This file's folder is put on sys.path by pytest, so `fixtures.*` helpers import."""

from __future__ import annotations

import pytest

from compare_tui.core.comparison import Comparison
from fixtures.handmade import build_comparison


@pytest.fixture
def handmade() -> Comparison:
    """The hand-made three-article comparison of tests/fixtures/handmade.py."""
    return build_comparison()
