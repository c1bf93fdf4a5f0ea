"""No property test may fail because the machine is busy (Hypothesis' DeadlineExceeded or too_slow)."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

from hypothesis import HealthCheck, settings

TESTS = Path(__file__).resolve().parents[1]


def _property_tests() -> dict[str, object]:
    found: dict[str, object] = {}
    for path in sorted(TESTS.rglob("test_*.py")):
        if str(path.parent) not in sys.path:
            sys.path.insert(0, str(path.parent))
        module = importlib.import_module(path.stem)
        for name, obj in vars(module).items():
            if name.startswith("test_") and hasattr(obj, "hypothesis"):
                found[f"{path.relative_to(TESTS)}::{name}"] = obj
    return found


def test_every_property_test_runs_without_a_deadline() -> None:
    tests = _property_tests()
    assert "unit/test_segment.py::test_plain_sentences_are_recovered_exactly" in tests
    for name, test in tests.items():
        used = test._hypothesis_internal_use_settings  # type: ignore[attr-defined]
        assert used.deadline is None, name


def test_the_default_profile_has_no_speed_checks() -> None:
    assert settings.default.deadline is None
    assert HealthCheck.too_slow in settings.default.suppress_health_check
