"""Two articles side by side, in the manner of delta or Meld: what changed word by word, and what moved.

For every screen row where both articles have a passage, the words only the left passage has are its
deletions and the words only the right one has are its insertions (punctuation counts as a word, typography
alone is no change), as spans into each cell's own text so that the grid highlights them in place. A row
whose passages stand in a different order in the two articles is moved, and marked in both.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from compare_tui.core.analysis.diffs import word_changes
from compare_tui.core.comparison import Comparison
from compare_tui.core.row_details import diff_tokens
from compare_tui.core.textnorm import fold
from compare_tui.core.view import Grid, longest_increasing

ChangeKind = Literal["deleted", "inserted"]


@dataclass(frozen=True, slots=True)
class WordChange:
    """Words of a cell's text (cell offsets, end exclusive) that the other article's passage lacks."""

    start: int
    end: int
    kind: ChangeKind


@dataclass(frozen=True, slots=True)
class PairView:
    """The two articles compared and, per (screen row, article), the changed words; the moved rows."""

    left: str
    right: str
    changes: Mapping[tuple[int, str], tuple[WordChange, ...]]
    moved: frozenset[int]


def pair_view(comparison: Comparison, grid: Grid, left: str, right: str) -> PairView:
    """Word changes between the `left` and `right` passages of every row of `grid` that has both."""
    position = {s.id: i for a in comparison.articles for i, s in enumerate(a.segments)}
    changes: dict[tuple[int, str], tuple[WordChange, ...]] = {}
    both: list[tuple[int, int, int]] = []
    for index, row in enumerate(grid.rows):
        a, b = row.cells.get(left), row.cells.get(right)
        if a is None or b is None:
            continue
        both.append((index, min(position[s] for s in a.segments), min(position[s] for s in b.segments)))
        old, new = word_changes_between(a.text, b.text)
        changes[(index, left)] = old
        changes[(index, right)] = new
    return PairView(left, right, changes, _moved(both))


def word_changes_between(old: str, new: str) -> tuple[tuple[WordChange, ...], tuple[WordChange, ...]]:
    """The words of `old` that `new` lacks (deleted) and those of `new` that `old` lacks (inserted)."""
    a, b = diff_tokens(old), diff_tokens(new)
    deleted: list[WordChange] = []
    inserted: list[WordChange] = []
    for change in word_changes([fold(t.text) for t in a], [fold(t.text) for t in b]):
        if change.src_end > change.src_start:
            deleted.append(WordChange(a[change.src_start].start, a[change.src_end - 1].end, "deleted"))
        if change.dest_end > change.dest_start:
            inserted.append(WordChange(b[change.dest_start].start, b[change.dest_end - 1].end, "inserted"))
    return tuple(deleted), tuple(inserted)


def _moved(both: list[tuple[int, int, int]]) -> frozenset[int]:
    """Rows (of (row, left position, right position)) that break the longest run of passages the two
    articles tell in the same order: the passage moved, and both ends are marked."""
    ordered = sorted(both, key=lambda t: t[1])
    keep = longest_increasing([t[2] for t in ordered])
    return frozenset(ordered[i][0] for i in range(len(ordered)) if i not in keep)
