"""The core stays UI-free: importing any core module loads neither textual nor rich."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import pytest

import compare_tui.core

CORE_MODULES = sorted(
    m.name for m in pkgutil.walk_packages(compare_tui.core.__path__, prefix="compare_tui.core.")
)


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_module_imports_no_ui_library(module: str) -> None:
    code = (
        f"import sys, {module}\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "", f"{module} pulls in {result.stdout.strip()}"


def test_the_guard_sees_core_modules() -> None:
    assert "compare_tui.core.align" in CORE_MODULES and "compare_tui.core.models" in CORE_MODULES


def test_the_app_loads_the_comparison_core_only_in_its_worker() -> None:
    code = (
        "import sys, compare_tui.tui.app\n"
        "print(','.join(m for m in ('numpy', 'compare_tui.core.pipeline') if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "", f"importing the app loads {result.stdout.strip()}"
