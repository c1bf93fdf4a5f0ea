"""Triage and export in the review app: keys and palette commands that mark the current finding, write a note,
and export a report or an image of the screen.

`TriageScreen` is the base of the review screen, which sets `comparison` and `current_finding`, calls
`open_session` when a comparison arrives, and redraws on `TriageScreen.Changed`. Decisions live in a
`core.triage.Session`, saved atomically on every change; the export dialog only collects choices, and
`core.export.export_bytes` makes the file.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen

from compare_tui.core.models import Finding

if TYPE_CHECKING:
    from compare_tui.core.comparison import Comparison
    from compare_tui.core.export import ExportRequest
    from compare_tui.core.history import History
    from compare_tui.core.triage import Decision, Session, TriageName, TriageState

TRIAGE = Binding.Group("triage")
EXPORT = Binding.Group("export")

TRIAGE_TAGS: dict[TriageName | None, str] = {"accepted": "✓", "dismissed": "×", "flagged": "!", None: "*"}
"""The one-character tag drawn after a finding's letter: its state, or `*` for a note without one (glyphs Fira
Code has, so PNG screenshots show them too)."""

TRIAGE_BINDINGS = [
    Binding("a", "triage('accepted')", "Accept the finding (again: undo)", id="triage_accept", group=TRIAGE),
    Binding(
        "d", "triage('dismissed')", "Dismiss the finding (again: undo)", id="triage_dismiss", group=TRIAGE
    ),
    Binding(
        "exclamation_mark",
        "triage('flagged')",
        "Flag the finding (again: undo)",
        id="triage_flag",
        group=TRIAGE,
    ),
    Binding("c", "note", "Write a note on the finding", id="triage_note", group=TRIAGE),
    Binding(
        "e", "export", "Export a report (HTML, Markdown, JSON) or image (PNG, SVG)", id="export", group=EXPORT
    ),
]


def tag(decision: Decision | None) -> str | None:
    """The tag shown beside a finding with this decision, or None when undecided."""
    return None if decision is None else TRIAGE_TAGS[decision.state]


class TriageScreen(Screen[None]):
    """A screen whose current finding can be accepted, dismissed, flagged and annotated, and that exports."""

    BINDINGS = TRIAGE_BINDINGS

    @dataclass
    class Changed(Message):
        """A decision or note changed: whatever shows decisions should redraw."""

        finding: Finding

    session: Session | None = None
    """The triage session of the comparison on screen; None before the first comparison."""
    comparison: Comparison | None = None
    """The comparison on screen (set by the subclass)."""
    history: History[TriageState]
    """The session states before each change, for undo and redo (set with the session: used only with one)."""
    sources: tuple[object, ...] = ()
    """The inputs compared (set by the subclass): an export never overwrites one of them."""

    @property
    def current_finding(self) -> Finding | None:
        """The finding the marks apply to (the subclass knows its cursor)."""
        return None

    def open_session(self, comparison: Comparison) -> None:
        """Load the decisions for these articles, or follow a re-run of the same articles."""
        from compare_tui.core.history import History  # with the comparison, not at start-up
        from compare_tui.core.triage import Session, SessionError, content_key

        if self.session is not None and self.session.key == content_key(comparison.articles):
            self.session.track(comparison.findings)
            return
        path = getattr(self.app, "session_path", None)  # --session, else the XDG data folder
        try:
            self.session = Session(comparison.articles, comparison.findings, path=path)
            self.history = History()
        except SessionError as exc:
            self.session = None
            self.notify(f"{exc}; decisions will not be kept", title="Triage", severity="error", timeout=10)
            return
        if self.session.problem:
            self.notify(self.session.problem, title="Triage session", severity="warning", timeout=10)

    def triage_tags(self) -> dict[str, str]:
        """Finding id -> tag for every finding with a decision, for the grid."""
        if self.session is None or self.comparison is None:
            return {}
        tags = ((f.id, tag(self.session.decision(f))) for f in self.comparison.findings)
        return {fid: t for fid, t in tags if t}

    def dismissed(self) -> frozenset[str]:
        """Ids of the findings the editor dismissed (drawn dimmed)."""
        if self.session is None or self.comparison is None:
            return frozenset()
        return frozenset(
            f.id
            for f in self.comparison.findings
            if (d := self.session.decision(f)) is not None and d.state == "dismissed"
        )

    def decision(self, finding: Finding) -> Decision | None:
        """The editor's decision about a finding, if any."""
        return self.session.decision(finding) if self.session is not None else None

    def decisions(self, findings: Iterable[Finding]) -> dict[str, Decision]:
        """Finding id -> decision for those of `findings` that have one (for the details screen)."""
        found = ((f.id, self.decision(f)) for f in findings)
        return {fid: d for fid, d in found if d is not None}

    def remember(self) -> None:
        """Keep the session's state before a change, so that undo can go back to it."""
        if self.session is not None:
            self.history = self.history.record(self.session.state)

    def _target(self) -> Finding | None:
        finding = self.current_finding
        if finding is None or self.session is None:
            self.notify("Move to a finding first (n / N).", severity="warning")
            return None
        return finding

    def action_triage(self, state: TriageName) -> None:
        """Set the current finding's state, or clear it when it already has that state."""
        from compare_tui.core.triage import SessionError

        finding = self._target()
        if finding is None or self.session is None:
            return
        self.remember()
        try:
            decision = self.session.toggle(finding, state)
        except SessionError as exc:
            self.notify(str(exc), title="Not saved", severity="error", timeout=10)
            decision = self.session.decision(finding)
        self.post_message(self.Changed(finding))
        said = decision.state if decision and decision.state else "undecided"
        self.notify(f"{said}: {finding.text[:60]}", title="Triage", timeout=2)

    def action_note(self) -> None:
        """Open a dialog for the current finding's note."""
        finding = self._target()
        if finding is None:
            return
        current = self.decision(finding)

        def save(note: str | None) -> None:
            from compare_tui.core.triage import SessionError

            if note is None or self.session is None:
                return
            self.remember()
            try:
                self.session.annotate(finding, note)
            except SessionError as exc:
                self.notify(str(exc), title="Not saved", severity="error", timeout=10)
            self.post_message(self.Changed(finding))

        from compare_tui.tui.screens.note import NoteScreen

        self.app.push_screen(NoteScreen(finding.text, note=current.note if current else ""), save)

    def action_export(self) -> None:
        """Open the export dialog; the chosen file is written in a worker."""
        comparison = self.comparison
        if comparison is None:
            self.notify("Nothing to export yet.", severity="warning")
            return
        from compare_tui.core.export import EXPORT_FORMATS, export_kind, export_name
        from compare_tui.core.output_guard import OutputClash, check_output
        from compare_tui.tui.screens.export import ExportScreen

        settings = getattr(self.app, "settings", None)
        folder = Path(settings.screenshot_dir if settings else ".").expanduser()
        names = {fmt: export_name(comparison, fmt=fmt) for fmt in EXPORT_FORMATS}

        def chosen(request: ExportRequest | None) -> None:
            if request is None:
                return
            try:
                check_output(request.path, self.sources)
            except OutputClash as exc:
                self.notify(str(exc), title="Export", severity="error", timeout=10)
                return
            svg = self.app.export_screenshot() if export_kind(request.fmt).image else None
            self._write_export(comparison, request, svg)

        self.app.push_screen(ExportScreen(folder=folder, name_for=names), chosen)

    @work(thread=True, group="export", exit_on_error=False)
    def _write_export(self, comparison: Comparison, request: ExportRequest, svg: str | None) -> None:
        from compare_tui.core.atomic import write_bytes_atomic
        from compare_tui.core.export import export_bytes

        state = self.session.state if self.session is not None else None
        try:
            data = export_bytes(
                comparison,
                fmt=request.fmt,
                triage=state,
                include_dismissed=request.include_dismissed,
                screen_svg=svg,
            )
            write_bytes_atomic(request.path, data, create_folder=True)
        except (OSError, ValueError) as exc:
            message = getattr(exc, "strerror", None) or str(exc)
            self.app.call_from_thread(
                self.notify, f"{request.path}: not written ({message})", title="Export", severity="error"
            )
            return
        self.app.call_from_thread(self.notify, f"Saved to {request.path}", title="Export")
