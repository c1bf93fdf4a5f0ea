"""Word-level differences between two token lists, as replacements rather than delete/insert pairs.

rapidfuzz's Indel opcodes never say "replace": a changed word comes out as a deletion next to an insertion.
Editors think in replacements ("said" became "claimed"), so adjacent changes are merged here.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Indel


@dataclass(frozen=True, slots=True)
class Change:
    """Words a[src_start:src_end] became b[dest_start:dest_end]; one side may be empty."""

    src_start: int
    src_end: int
    dest_start: int
    dest_end: int

    @property
    def tag(self) -> str:
        """'replace', 'delete' (only in a) or 'insert' (only in b)."""
        if self.src_end > self.src_start and self.dest_end > self.dest_start:
            return "replace"
        return "delete" if self.src_end > self.src_start else "insert"


def word_changes(a: Sequence[Hashable], b: Sequence[Hashable]) -> list[Change]:
    """The differing stretches between two word lists, adjacent deletions and insertions merged."""
    changes: list[Change] = []
    for op in Indel.opcodes(a, b):
        if op.tag == "equal":
            continue
        last = changes[-1] if changes else None
        if last and last.src_end == op.src_start and last.dest_end == op.dest_start:
            changes[-1] = Change(last.src_start, op.src_end, last.dest_start, op.dest_end)
        else:
            changes.append(Change(op.src_start, op.src_end, op.dest_start, op.dest_end))
    return changes
