"""Messages the review app's widgets and workers send to the review screen.

Plain classes rather than dataclasses: they are defined at start-up, where each dataclass costs the
compilation of its generated methods, and nothing compares or prints them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from compare_tui.core.loading import LoadResult
    from compare_tui.core.pipeline import CompareOutcome


class CellClicked(Message):
    """The reviewer clicked a passage: screen row index and article id."""

    def __init__(self, row: int, article: str) -> None:
        super().__init__()
        self.row = row
        self.article = article


class ArticlesLoaded(Message):
    """The core's thread has read the inputs (run `generation`); the alignment follows."""

    def __init__(self, generation: int, loaded: LoadResult) -> None:
        super().__init__()
        self.generation = generation
        self.loaded = loaded


class ComparisonFinished(Message):
    """The core finished a comparison (run `generation`); `outcome` holds the comparison and the load errors."""

    def __init__(self, generation: int, outcome: CompareOutcome) -> None:
        super().__init__()
        self.generation = generation
        self.outcome = outcome


class ComparisonFailed(Message):
    """The core raised instead of delivering (run `generation`)."""

    def __init__(self, generation: int, error: BaseException) -> None:
        super().__init__()
        self.generation = generation
        self.error = error
