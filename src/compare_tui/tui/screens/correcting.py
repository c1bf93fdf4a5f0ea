"""Correcting the alignment in the review app: cut a passage out of its row, move a marked passage into another
row, split a row whose passages do not report the same fact, and undo or redo any of these and the triage
decisions.

`CorrectingScreen` is the base of the review screen, which hands every comparison the aligner delivers to
`adopt` and says where the cursor is (`correction_place`). Corrections live in the triage session (saved at
once) by the content of their passages; `core.correcting.correct` applies them to the aligner's rows after
every re-alignment and recomputes the findings of the rows they change. That module comes with the analysis,
so it is imported when a comparison arrives, not at start-up.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from textual.binding import Binding

from compare_tui.tui.screens.triage import TriageScreen

if TYPE_CHECKING:
    from compare_tui.core.comparison import Comparison
    from compare_tui.core.corrections import Correction, CorrectionAction
    from compare_tui.core.history import History
    from compare_tui.core.triage import TriageState

CORRECT = Binding.Group("correct")

CORRECTION_BINDINGS = [
    Binding("x", "cut_passage", "Cut the passage out of its row", id="correct_cut", group=CORRECT),
    Binding(
        "v", "mark_passage", "Mark the passage to move (again: unmark)", id="correct_mark", group=CORRECT
    ),
    Binding("p", "put_passage", "Put the marked passage into this row", id="correct_put", group=CORRECT),
    Binding("X", "split_row", "Not the same fact: split the row", id="correct_split", group=CORRECT),
    Binding("ctrl+z", "undo", "Undo (corrections and triage)", id="undo", group=CORRECT),
    Binding("ctrl+y", "redo", "Redo", id="redo", group=CORRECT),
]


class CorrectingScreen(TriageScreen):
    """A triage screen whose alignment the editor can correct, with undo and redo."""

    BINDINGS = CORRECTION_BINDINGS

    aligned: Comparison | None = None
    """The aligner's comparison, before the editor's corrections."""
    marked: tuple[str, ...] = ()
    """Segment ids of the passage marked with `v`, waiting for `p`."""

    def correction_place(self) -> tuple[str, str, str | None] | None:
        """The cursor's alignment row id, article id and finding id (the subclass knows its cursor)."""
        return None

    def comparison_changed(self) -> None:
        """The comparison on screen changed (corrected, or a step undone): the subclass redraws."""

    def adopt(self, aligned: Comparison) -> Comparison:
        """Take a comparison from the aligner: open its session and apply the session's corrections to it."""
        self.aligned = aligned
        self.open_session(aligned)
        self.marked = ()
        return self._apply_corrections()

    def _apply_corrections(self) -> Comparison:
        """Set `comparison` to the aligner's with the session's corrections; report and forget stale ones."""
        from compare_tui.core.correcting import correct  # with the analysis: loaded by the core's thread

        assert self.aligned is not None
        session = self.session
        result = correct(self.aligned, session.state.corrections if session is not None else ())
        if result.dropped and session is not None:
            for dropped in result.dropped:
                self.notify(dropped.describe(), title="Corrections", severity="warning", timeout=10)
            gone = [d.correction for d in result.dropped]
            self._save(session.state.without_corrections(gone))
        self.comparison = result.comparison
        if session is not None:
            session.track(result.comparison.findings)
        return result.comparison

    def follow_other_windows(self) -> bool:
        """After a save merged another window's corrections into the session: apply them; True if so."""
        session, comparison = self.session, self.comparison
        if session is None or comparison is None or self.aligned is None:
            return False
        if session.state.corrections == comparison.corrections:
            return False
        self._apply_corrections()
        return True

    def _save(self, state: TriageState) -> bool:
        """Make `state` the session's (saved at once); False, with a message, when it could not be saved."""
        from compare_tui.core.triage import SessionError

        if self.session is None:
            return False
        try:
            self.session.restore(state)
        except SessionError as exc:
            self.notify(str(exc), title="Not saved", severity="error", timeout=10)
            return False
        return True

    # -- corrections ------------------------------------------------------------------------------------

    def _place(self) -> tuple[Comparison, str, str, str | None] | None:
        place = self.correction_place()
        if self.comparison is None or place is None or self.session is None:
            self.notify("Nothing to correct here.", severity="warning")
            return None
        return (self.comparison, *place)

    def _passage_here(self) -> tuple[Comparison, str, tuple[str, ...]] | None:
        """The comparison, row and passage under the cursor; None, with a message, when there is none."""
        from compare_tui.core.correcting import passage_at

        place = self._place()
        if place is None:
            return None
        comparison, row_id, article, finding = place
        passage = passage_at(comparison, row_id, article, finding)
        if not passage:
            self.notify("This article has no passage in this row.", severity="warning")
            return None
        return comparison, row_id, passage

    def _make(
        self, action: CorrectionAction, segments: tuple[str, ...], *, target: str | None = None
    ) -> Correction:
        from compare_tui.core.corrections import make_correction

        assert self.comparison is not None
        at = datetime.now(UTC).isoformat(timespec="seconds")
        return make_correction(action, segments, self.comparison.articles, target=target, at=at)

    def _correct(self, correction: Correction, said: str) -> None:
        """Record the correction in the session, apply it and redraw."""
        assert self.session is not None
        self.remember()
        self._save(self.session.state.correct(correction))
        self._apply_corrections()
        self.comparison_changed()
        self.notify(f"{said}: {correction.excerpt}", title="Corrected", timeout=3)

    def action_cut_passage(self) -> None:
        """Cut the passage under the cursor (its finding's sentence, else the cell) into a row of its own."""
        from compare_tui.core.correcting import row_segments

        here = self._passage_here()
        if here is None:
            return
        comparison, row_id, passage = here
        if set(passage) == set(row_segments(comparison, row_id)):
            self.notify("The passage is already a row of its own.")
            return
        self._correct(self._make("cut", passage), "Cut into a row of its own")

    def action_mark_passage(self) -> None:
        """Mark the passage under the cursor to move it with `p`; on the marked passage again, unmark it."""
        here = self._passage_here()
        if here is None:
            return
        comparison, _, passage = here
        if passage == self.marked:
            self.marked = ()
            self.notify("Unmarked.", title="Move")
            return
        self.marked = passage
        text = " ".join(comparison.segment_text(passage[0]).split())[:60]
        self.notify(f"Marked: {text} — go to its row and press p.", title="Move", timeout=4)

    def action_put_passage(self) -> None:
        """Move the marked passage into the row under the cursor."""
        from compare_tui.core.correcting import row_segments

        place = self._place()
        if place is None:
            return
        comparison, row_id, _, _ = place
        if not self.marked or any(s not in comparison.segment_by_id for s in self.marked):
            self.notify("Mark a passage first (v).", severity="warning")
            return
        here = row_segments(comparison, row_id)
        if set(self.marked) <= set(here):
            self.notify("The marked passage is already in this row.")
            return
        target = next(s for s in here if s not in self.marked)
        correction = self._make("move", self.marked, target=target)
        self.marked = ()
        self._correct(correction, "Moved into this row")

    def action_split_row(self) -> None:
        """Not the same fact: give each article's passages in this row a row of their own."""
        from compare_tui.core.correcting import row_segments

        place = self._place()
        if place is None:
            return
        comparison, row_id, _, _ = place
        row = comparison.row_by_id.get(row_id)
        if row is None or len(row.article_ids()) < 2:
            self.notify("Only one article has a passage here: nothing to split.")
            return
        self._correct(self._make("split", row_segments(comparison, row_id)), "Split the row")

    # -- undo and redo ----------------------------------------------------------------------------------

    def action_undo(self) -> None:
        """Undo the last correction or triage decision."""
        if self.session is not None:
            self._step(self.history.undo(self.session.state), "Undone", "Nothing to undo.")

    def action_redo(self) -> None:
        """Redo what was undone last."""
        if self.session is not None:
            self._step(self.history.redo(self.session.state), "Redone", "Nothing to redo.")

    def _step(self, step: tuple[History[TriageState], TriageState] | None, said: str, nothing: str) -> None:
        if step is None or self.session is None:
            self.notify(nothing)
            return
        history, state = step
        realign = state.corrections != self.session.state.corrections
        if not self._save(state):
            return
        self.history = history
        if realign and self.aligned is not None:
            self._apply_corrections()
        self.comparison_changed()
        self.notify(said, timeout=2)
