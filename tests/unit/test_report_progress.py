"""Progress on stderr: bars when stderr is a terminal, nothing when quiet or redirected."""

from __future__ import annotations

import io

from rich.console import Console

from compare_tui.progress import stage_progress


def console(*, terminal: bool) -> tuple[Console, io.StringIO]:
    out = io.StringIO()
    return Console(file=out, force_terminal=terminal, width=80, color_system=None), out


def drive(report) -> None:  # type: ignore[no-untyped-def]
    for done in range(4):
        report("segment", done, 3)
    report("align", 0, 1)
    report("align", 1, 1)


def test_terminal_shows_stage_bars() -> None:
    term, out = console(terminal=True)
    with stage_progress(console=term) as report:
        drive(report)
    shown = out.getvalue()
    assert "Segmenting" in shown and "Aligning" in shown and "3/3" in shown


def test_quiet_and_non_terminal_print_nothing() -> None:
    for quiet, terminal in ((True, True), (False, False)):
        term, out = console(terminal=terminal)
        with stage_progress(quiet=quiet, console=term) as report:
            drive(report)
        assert out.getvalue() == ""
