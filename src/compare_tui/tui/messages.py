"""Messages the review app's widgets and workers send to the review screen."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from compare_tui.core.pipeline import CompareOutcome


@dataclass
class CellClicked(Message):
    """The reviewer clicked a passage: screen row index and article id."""

    row: int
    article: str


@dataclass
class ComparisonFinished(Message):
    """The core finished a comparison in a worker; `outcome` holds the comparison and the load errors."""

    outcome: CompareOutcome
