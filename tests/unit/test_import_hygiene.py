"""The core stays UI-free: importing any core module loads neither textual nor rich. The app starts light:
its first frame loads neither the model, the analysis nor the exporters (they come with the comparison)."""

from __future__ import annotations

import importlib.util
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import compare_tui.core

SAMPLE = Path(__file__).resolve().parents[2] / "sample_data" / "zelensky-security-guarantees"

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


HEAVY_FOR_START = (
    "numpy",
    "tokenizers",
    "rapidfuzz",
    "pysbd",
    "trafilatura",
    "lxml",
    "tomllib",
    "textual.widgets._data_table",
    "compare_tui.core.pipeline",
    "compare_tui.core.analysis",
    "compare_tui.core.embeddings",
    "compare_tui.core.lexicon",
    "compare_tui.core.export",
    "compare_tui.core.triage",
    "compare_tui.core.comparison",
)
"""What the first frame (the articles' text) does without: the model and analysis libraries, the lexicons, the
exporters, the triage session and the comparison itself come with or after the comparison."""


def _loaded(code: str) -> set[str]:
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(result.stdout.split())


def test_importing_the_app_loads_nothing_the_first_frame_does_without() -> None:
    loaded = _loaded("import sys, compare_tui.tui.app\nprint(*sys.modules)")
    assert sorted(m for m in HEAVY_FOR_START if m in loaded) == []
    assert "compare_tui.core.loading" not in loaded  # the reader is imported by the core's thread


def test_the_command_line_reads_the_app_arguments_without_the_exporters() -> None:
    loaded = _loaded(
        "import sys\nfrom compare_tui.cli import _app_parser\n_app_parser().parse_args(['a.txt'])\nprint(*sys.modules)"
    )
    assert sorted(m for m in HEAVY_FOR_START if m in loaded) == []


def test_the_app_shows_the_articles_before_it_loads_the_comparison_core() -> None:
    """Up to the moment the first frame with the articles as read is drawn, the app has loaded nothing heavy;
    the modules are listed when the screen signals that frame, the core's thread waits for that signal before
    its heavy imports (its 1 s fallback is lengthened, so a loaded machine cannot run them early), and the
    comparison is held back so that only the start-up path is seen."""
    code = f"""
import sys, threading
from pathlib import Path
from compare_tui.core.settings import Settings
from compare_tui.tui import app
from compare_tui.tui.app import CompareApp
from compare_tui.tui.screens import review

review.FIRST_FRAME_WAIT = 600  # the core waits for the frame however loaded the machine is
held = threading.Event()

def compare(articles, *, settings):
    held.wait()

class FirstFrame(threading.Event):
    def set(self):
        print(len(probe.review._loaded.articles), *sys.modules)
        super().set()
        probe.exit()

class Probe(CompareApp):
    CSS_PATH = str(Path(app.__file__).with_name(CompareApp.CSS_PATH))

probe = Probe([{str(SAMPLE)!r}], settings=Settings(), compare=compare)
probe.review.first_frame = FirstFrame()
probe.run(headless=True, size=(120, 40))
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
    count, *loaded = result.stdout.split()
    assert int(count) == 2 and "compare_tui.core.loading" in loaded  # the articles were read
    assert sorted(m for m in HEAVY_FOR_START if m in loaded) == []


def test_the_guard_names_modules_that_exist() -> None:
    missing = [m for m in HEAVY_FOR_START if importlib.util.find_spec(m) is None]
    assert missing == []
