"""The command line runs numpy's BLAS on one thread unless the user set a number: its matrix products are
small, and extra threads only spin against the app and other programs."""

from __future__ import annotations

import os
import subprocess
import sys

PROBE = """
import sys
from compare_tui.cli import main
try:
    main(["--version"])
except SystemExit:
    pass
import os, numpy
print(os.environ.get("OPENBLAS_NUM_THREADS"), "numpy" in sys.modules)
"""


def _probe(**env: str) -> str:
    clean = {k: v for k, v in os.environ.items() if not k.endswith("_NUM_THREADS")}
    done = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, env={**clean, **env}
    )
    return done.stdout.strip().splitlines()[-1]


def test_one_thread_by_default() -> None:
    assert _probe() == "1 True"


def test_the_users_choice_is_kept() -> None:
    assert _probe(OPENBLAS_NUM_THREADS="2") == "2 True"
