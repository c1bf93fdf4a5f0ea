"""The real program in a real terminal: start on the sample, go to a finding, take a screenshot, quit with 0;
make a correction, quit, reopen and find it, and find it in the report."""

from __future__ import annotations

import json
import os
import random
import re
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


def _new_session(session: str, command: str) -> None:
    """Run `command` in a new detached 160x50 tmux session (the test is skipped where tmux has no server)."""
    started = subprocess.run(
        ["tmux", "new-session", "-d", "-s", session, "-x", "160", "-y", "50", command],
        capture_output=True,
        text=True,
        check=False,
    )
    if "server exited unexpectedly" in started.stderr:
        pytest.skip("tmux is installed but cannot start a server in this environment")
    assert started.returncode == 0, started.stderr


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
    _new_session(session, command)
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


def _start_app(session: str, tmp_path: Path, args: str, rc_file: Path) -> None:
    """Run compare-tui with `args` in a new tmux session, writing its exit code to `rc_file`."""
    config = tmp_path / "config.toml"
    config.write_text('theme = "textual-dark"\n', encoding="utf-8")
    env = (
        f"COMPARE_TUI_CONFIG={config} PATH={PROGRAM.parent}:{os.environ.get('PATH', '')} TERM=xterm-256color"
    )
    command = f"env {env} {PROGRAM} {args}; echo $? > {rc_file}"
    _new_session(session, command)


def _review_once(tmp_path: Path, session_file: Path, *, correct: bool) -> None:
    """Open the sample with a session file; split the headline row when `correct`; find it marked; quit."""
    session = f"compare-tui-e2e-{uuid.uuid4().hex[:8]}"
    rc_file = tmp_path / f"rc-{uuid.uuid4().hex[:8]}"
    _start_app(session, tmp_path, f"--session {session_file}", rc_file)
    screen = lambda: _tmux("capture-pane", "-p", "-t", session)
    first_row = lambda: next(line for line in screen().splitlines() if line.lstrip().startswith("1"))
    try:
        _wait(lambda: "row 1/" in screen(), what="the comparison on screen")
        if correct:
            assert "†" not in first_row()
            _tmux("send-keys", "-t", session, "X")  # not the same fact: split the headline row
            _wait(lambda: "Split the row" in screen(), what="the correction's notification")
        _wait(lambda: "†" in first_row(), what="the corrected row's mark")
        _tmux("send-keys", "-t", session, "q")
        _wait(lambda: rc_file.exists() and rc_file.read_text().strip() != "", what="the program to exit")
        assert rc_file.read_text().strip() == "0"
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True, check=False)
    saved = json.loads(session_file.read_text(encoding="utf-8"))
    assert [c["action"] for c in saved["corrections"]] == ["split"]


def test_a_correction_survives_quit_reopen_and_report(tmp_path: Path) -> None:
    session_file = tmp_path / "session.json"
    _review_once(tmp_path, session_file, correct=True)
    _review_once(tmp_path, session_file, correct=False)
    report = subprocess.run(
        [str(PROGRAM), "report", "--session", str(session_file), "--quiet"],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "COMPARE_TUI_CONFIG": str(tmp_path / "config.toml")},
    )
    document = json.loads(report.stdout)
    assert [c["action"] for c in document["corrections"]] == ["split"]
    assert sum(r["corrected"] for r in document["alignment"]) == 2


def test_hostile_articles_write_no_escape_sequence_to_the_terminal(tmp_path: Path) -> None:
    """The raw byte stream the program sends to a real terminal (tmux pipe-pane) while it shows hostile
    articles, accepts a finding (a notification quoting its text) and quits: no clipboard write (OSC 52), no
    hyperlink (OSC 8) and no bell from the articles, which hold all three."""
    hostile = Path(__file__).parents[1] / "fixtures" / "hostile"
    raw = tmp_path / "raw"
    rc_file = tmp_path / "rc"
    session = f"compare-tui-e2e-{uuid.uuid4().hex[:8]}"
    env = f"XDG_DATA_HOME={tmp_path} TERM=xterm-256color"
    sources = f"{hostile / 'markup.txt'} {hostile / 'escapes.txt'}"
    command = f"sleep 1; env {env} {PROGRAM} {sources}; echo $? > {rc_file}"
    _new_session(session, command)
    try:
        _tmux("pipe-pane", "-t", session, f"cat >> {raw}")
        screen = lambda: _tmux("capture-pane", "-p", "-t", session)
        _wait(lambda: "row 1/" in screen(), what="the comparison on screen")
        _tmux("send-keys", "-t", session, "u", "a")
        _wait(lambda: "accepted" in screen() or "Move to a finding" in screen(), what="the notification")
        _tmux("send-keys", "-t", session, "q")
        _wait(lambda: rc_file.exists() and rc_file.read_text().strip() != "", what="the program to exit")
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True, check=False)
    data = raw.read_bytes()
    assert b"vote" in data  # the stream was captured
    assert b"\x1b]52" not in data and b"ZXZpbA==" not in data
    assert b"\x1b]8;;http" not in data
    # Textual's own OSC sequences (window title, pointer shape) end in BEL; none may remain besides them.
    own = re.sub(rb"\x1b\](?:0|1|2|22);[^\x07\x1b]*(?:\x07|\x1b\\)", b"", data)
    assert b"\x07" not in own


def test_ctrl_c_quits_during_a_long_comparison_and_restores_the_terminal(tmp_path: Path) -> None:
    """Ctrl+C while 'comparing…' is on screen (one article of 1 MB on a single line beside the sample):
    the program exits with 0 without waiting for the comparison, and the terminal is back in its normal
    mode (line editing and echo on)."""
    rng = random.Random(9)
    words = ["the", "minister", "said", "officials", "would", "publish", "results", "after", "observers", "counted", "votes"]
    sentences = (" ".join(rng.choice(words) for _ in range(15)).capitalize() + " today." for _ in range(10_000))
    big = tmp_path / "long.txt"
    big.write_text("Officials publish the count\n\n" + " ".join(sentences) + "\n", encoding="utf-8")
    sample = Path(__file__).parents[2] / "sample_data" / "zelensky-security-guarantees"
    rc_file, modes = tmp_path / "rc", tmp_path / "stty"
    session = f"compare-tui-e2e-{uuid.uuid4().hex[:8]}"
    env = f"XDG_DATA_HOME={tmp_path} TERM=xterm-256color"
    command = f"env {env} {PROGRAM} {big} {sample}; echo $? > {rc_file}; stty -a > {modes}; sleep 60"
    _new_session(session, command)
    try:
        screen = lambda: _tmux("capture-pane", "-p", "-t", session)
        _wait(lambda: "comparing…" in screen(), what="the comparison under way")
        _tmux("send-keys", "-t", session, "C-c")
        _wait(lambda: modes.exists() and modes.read_text().strip() != "", what="the program to exit")
        assert rc_file.read_text().strip() == "0"
        flags = modes.read_text().split()
        assert "icanon" in flags and "echo" in flags, "the terminal was left in raw mode"
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True, check=False)
