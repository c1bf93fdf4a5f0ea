"""Progress of a long comparison on stderr, for `compare-tui report`.

The core reports `progress(stage, done, total)` and knows nothing of terminals; this turns those calls into a
Rich progress display on stderr, and into nothing at all when asked to be quiet or when stderr is not a
terminal (a pipe, a log file, CI), so reports written to stdout or scripts' logs stay clean.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

if TYPE_CHECKING:
    from compare_tui.core.pipeline import Progress as ProgressCallback

STAGE_LABELS = {"load": "Loading", "segment": "Segmenting", "align": "Aligning", "analyse": "Analysing"}


def _silent(stage: str, done: int, total: int) -> None:
    """Report nothing."""


@contextmanager
def stage_progress(*, quiet: bool = False, console: Console | None = None) -> Iterator[ProgressCallback]:
    """A progress callback drawing one bar per stage on stderr; silent when quiet or stderr is no terminal."""
    console = console or Console(stderr=True)
    if quiet or not console.is_terminal:
        yield _silent
        return
    tasks: dict[str, TaskID] = {}
    columns = (TextColumn("{task.description:<11}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as bars:

        def report(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bars.add_task(STAGE_LABELS.get(stage, stage.capitalize()), total=max(total, 1))
            bars.update(tasks[stage], completed=done if total else 1, total=max(total, 1))

        yield report
