"""No property test may fail because the machine is busy (Hypothesis' DeadlineExceeded or too_slow)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from hypothesis import HealthCheck, settings

TESTS = Path(__file__).resolve().parents[1]


def _property_tests() -> dict[str, object]:
    """Every Hypothesis test of the suite, from modules loaded under private names (pytest's own module
    names, the files' basenames, stay free: two test files may share one)."""
    found: dict[str, object] = {}
    for path in sorted(TESTS.rglob("test_*.py")):
        if str(path.parent) not in sys.path:
            sys.path.append(str(path.parent))  # for the helpers beside the file
        name = "_scanned_" + "_".join(path.relative_to(TESTS).with_suffix("").parts)
        spec = importlib.util.spec_from_file_location(name, path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        for attribute, obj in vars(module).items():
            if attribute.startswith("test_") and hasattr(obj, "hypothesis"):
                found[f"{path.relative_to(TESTS)}::{attribute}"] = obj
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
