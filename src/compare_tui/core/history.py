"""Undo and redo over immutable states: the editor's work is one value, so stepping back is restoring it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")

LIMIT = 200
"""Steps kept to undo; older ones are forgotten."""


@dataclass(frozen=True, slots=True)
class History(Generic[T]):
    """The states before the current one (`past`, oldest first) and those undone (`future`, next first)."""

    past: tuple[T, ...] = ()
    future: tuple[T, ...] = ()

    def record(self, before: T) -> History[T]:
        """After a change: `before` can be undone back to; what was undone can no longer be redone."""
        return History((*self.past, before)[-LIMIT:], ())

    def undo(self, current: T) -> tuple[History[T], T] | None:
        """The history and the state one step back, or None when there is nothing to undo."""
        if not self.past:
            return None
        return History(self.past[:-1], (current, *self.future)), self.past[-1]

    def redo(self, current: T) -> tuple[History[T], T] | None:
        """The history and the state one step forward again, or None when nothing was undone."""
        if not self.future:
            return None
        return History((*self.past, current), self.future[1:]), self.future[0]
