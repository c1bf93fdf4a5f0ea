"""Messages the review app's widgets and workers send to the review screen."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from compare_tui.core.loading import LoadResult
    from compare_tui.core.pipeline import CompareOutcome


@dataclass
class CellClicked(Message):
    """The reviewer clicked a passage: screen row index and article id."""

    row: int
    article: str


@dataclass
class ArticlesLoaded(Message):
    """The core's thread has read the inputs (run `generation`); the alignment follows."""

    generation: int
    loaded: LoadResult


@dataclass
class ComparisonFinished(Message):
    """The core finished a comparison (run `generation`); `outcome` holds the comparison and the load errors."""

    generation: int
    outcome: CompareOutcome


@dataclass
class ComparisonFailed(Message):
    """The core raised instead of delivering (run `generation`)."""

    generation: int
    error: BaseException
