"""The real program in a real terminal: start on the sample, go to a finding, take a screenshot, quit with 0."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]
PROGRAM = Path(sys.executable).parent / "compare-tui"


def _tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], check=True, capture_output=True, text=True).stdout


def _wait(condition: Callable[[], bool], *, what: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.2)


def test_sample_navigate_screenshot_quit(tmp_path: Path) -> None:
    shots = tmp_path / "shots"
    config = tmp_path / "config.toml"
    config.write_text(f'screenshot_dir = "{shots}"\ntheme = "textual-dark"\n', encoding="utf-8")
    rc_file = tmp_path / "rc"
    session = f"compare-tui-e2e-{uuid.uuid4().hex[:8]}"
    env = (
        f"COMPARE_TUI_CONFIG={config} PATH={PROGRAM.parent}:{os.environ.get('PATH', '')} TERM=xterm-256color"
    )
    command = f"env {env} {PROGRAM}; echo $? > {rc_file}"
    started = subprocess.run(
        ["tmux", "new-session", "-d", "-s", session, "-x", "160", "-y", "50", command],
        capture_output=True,
        text=True,
        check=False,
    )
    if "server exited unexpectedly" in started.stderr:
        pytest.skip("tmux is installed but cannot start a server in this environment")
    assert started.returncode == 0, started.stderr
    try:
        screen = lambda: _tmux("capture-pane", "-p", "-t", session)
        _wait(lambda: "row 1/" in screen(), what="the comparison on screen")
        _tmux("send-keys", "-t", session, "n")
        _wait(lambda: "Zelensky" in screen() and "row " in screen(), what="the first finding")
        _tmux("send-keys", "-t", session, "s")
        _wait(lambda: any(shots.glob("compare-tui_*.svg")), what="the screenshot file")
        svg = next(shots.glob("compare-tui_*.svg"))
        assert svg.read_text(encoding="utf-8").startswith("<svg")
        _wait(lambda: "Screenshot saved" in screen(), what="the notification")
        _tmux("send-keys", "-t", session, "q")
        _wait(lambda: rc_file.exists() and rc_file.read_text().strip() != "", what="the program to exit")
        assert rc_file.read_text().strip() == "0"
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True, check=False)
