"""Correcting the alignment in the app, driven with Pilot: each key (x, v + p, X), undo and redo across
corrections and triage, the session keeping corrections through quitting, reopening and re-aligning, and a
stale correction reported once and dropped."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from notices import record_notices

from compare_tui.core.correcting import row_segments
from compare_tui.core.corrections import CORRECTED, Correction, make_correction
from compare_tui.core.settings import Settings
from compare_tui.core.triage import Session, TriageState, content_key, save_session
from compare_tui.tui.app import CompareApp
from compare_tui.tui.commands import screen_actions
from compare_tui.tui.screens.details import DetailsBody, DetailsScreen
from compare_tui.tui.widgets.grid import CORRECTED_GLYPH, ComparisonGrid

SAMPLE = Path(__file__).resolve().parents[2] / "sample_data" / "zelensky-security-guarantees"
SIZE = (160, 50)
B = "001_076d54ec44685f7b"
CLOSING = f"{B}:25"
"""'Also important that if Zelensky continues to test Trump's patience…': the aligner puts this closing aside
into the headline row; an editor cuts it out."""


def make_app(tmp_path: Path, **settings: object) -> CompareApp:
    return CompareApp(
        [str(SAMPLE)],
        settings=Settings(screenshot_dir=str(tmp_path / "exports"), **settings),  # type: ignore[arg-type]
        session_path=tmp_path / "session.json",
    )


def grid_text(app: CompareApp) -> str:
    grid = app.review.query_one(ComparisonGrid)
    return "\n".join(grid.render_line(y).text for y in range(grid.size.height))


def row_holding(app: CompareApp, segment: str) -> str:
    return app.review.comparison.row_of_segment[segment]


def last_message(app: CompareApp) -> str:
    return [n.message for n in app._notifications][-1]


async def go_to_closing_aside(app: CompareApp, pilot) -> None:
    """Step through findings (n) until one inside the closing aside of article B."""
    review = app.review
    for _ in range(400):
        await pilot.press("n")
        finding = review.current_finding
        if finding is not None and finding.article == B:
            segment = review.comparison.segment_by_id[CLOSING]
            if segment.start <= finding.start < segment.end:
                return
    raise AssertionError("no finding in the closing aside")


def saved_corrections(tmp_path: Path) -> list[dict]:
    return json.loads((tmp_path / "session.json").read_text(encoding="utf-8"))["corrections"]


def test_cut_then_quit_and_reopen_keeps_the_correction(tmp_path: Path) -> None:
    async def scenario() -> None:
        app = make_app(tmp_path)
        async with app.run_test(size=SIZE) as pilot:
            await app.wait_for_comparison()
            review = app.review
            before = row_holding(app, CLOSING)
            assert len(row_segments(review.comparison, before)) > 1
            await go_to_closing_aside(app, pilot)
            await pilot.press("x")
            await pilot.pause()
            own = review.comparison.row_by_id[row_holding(app, CLOSING)]
            assert dict(own.segments) == {B: (CLOSING,)} and own.corrected
            assert review.comparison.row_by_id[before].corrected
            assert CLOSING not in row_segments(review.comparison, before)
            ids = [r.id for r in review.comparison.rows]
            assert ids.index(own.id) == ids.index(before) + 1
            assert CORRECTED_GLYPH in grid_text(app)
            span = review.comparison.segment_by_id[CLOSING]
            unique = [
                f
                for f in review.comparison.findings
                if f.type == "unique_passage" and f.article == B and f.start <= span.start < f.end
            ]
            assert unique, "the cut passage is now unique to B: its finding is recomputed"
            await pilot.press("q")
        (saved,) = saved_corrections(tmp_path)
        assert saved["action"] == "cut" and saved["excerpt"].startswith("Also important")

        reopened = make_app(tmp_path)
        async with reopened.run_test(size=SIZE) as pilot:
            await reopened.wait_for_comparison()
            row = reopened.review.comparison.row_by_id[row_holding(reopened, CLOSING)]
            assert dict(row.segments) == {B: (CLOSING,)} and row.corrected
            await pilot.press("plus")  # re-align at another threshold: the correction is applied again
            await reopened.wait_for_comparison()
            await pilot.pause()
            assert reopened.review.threshold == 0.55
            row = reopened.review.comparison.row_by_id[row_holding(reopened, CLOSING)]
            assert dict(row.segments) == {B: (CLOSING,)} and row.corrected

    asyncio.run(scenario())


def test_details_say_the_row_was_corrected_and_keep_the_score(tmp_path: Path) -> None:
    async def scenario() -> None:
        app = make_app(tmp_path)
        async with app.run_test(size=SIZE) as pilot:
            await app.wait_for_comparison()
            score = app.review.comparison.row_by_id[row_holding(app, CLOSING)].score
            await go_to_closing_aside(app, pilot)
            await pilot.press("x", "enter")
            await pilot.pause()
            assert isinstance(app.screen, DetailsScreen)
            body = app.screen.query_one(DetailsBody)
            summary = " ".join(f"{label.plain} {text.plain}" for label, text in body._summary())
            assert app.screen.details.corrected
            assert CORRECTED in summary and f"score {score:.2f}" in summary

    asyncio.run(scenario())


def test_mark_and_put_moves_a_passage_into_the_current_row(tmp_path: Path) -> None:
    async def scenario() -> None:
        app = make_app(tmp_path)
        async with app.run_test(size=SIZE) as pilot:
            await app.wait_for_comparison()
            review = app.review
            await go_to_closing_aside(app, pilot)
            before = row_holding(app, CLOSING)
            await pilot.press("v", "p")  # already in this row: nothing happens
            assert "already in this row" in last_message(app)
            assert not review.comparison.corrections
            await pilot.press("G", "p")  # put the marked passage into the last row
            await pilot.pause()
            last = review.comparison.rows[-1]
            assert CLOSING in row_segments(review.comparison, last.id) and last.corrected
            assert CLOSING not in row_segments(review.comparison, before)
            assert review.comparison.row_by_id[before].corrected
            assert [c.action for c in review.comparison.corrections] == ["move"]
            await pilot.press("p")
            assert "Mark a passage first" in last_message(app)

    asyncio.run(scenario())


def test_split_row_and_undo_redo_across_corrections_and_triage(tmp_path: Path) -> None:
    async def scenario() -> None:
        app = make_app(tmp_path)
        async with app.run_test(size=SIZE) as pilot:
            await app.wait_for_comparison()
            review = app.review
            original = review.comparison
            first = original.rows[0]
            await pilot.press("X")
            await pilot.pause()
            pieces = [r for r in review.comparison.rows if r.id.startswith(first.id + ".")]
            assert [dict(r.segments) for r in pieces] == [{a: ids} for a, ids in first.segments.items()]
            await pilot.press("n", "a")
            accepted = review.current_finding
            assert review.decision(accepted).state == "accepted"
            await pilot.press("ctrl+z")  # the decision
            assert review.decision(accepted) is None and review.comparison.corrections
            await pilot.press("ctrl+z")  # the split
            await pilot.pause()
            assert review.comparison.rows == original.rows and review.comparison.findings == original.findings
            await pilot.press("ctrl+z")
            assert "Nothing to undo" in last_message(app)
            await pilot.press("ctrl+y")
            await pilot.pause()
            assert [c.action for c in review.comparison.corrections] == ["split"]
            assert [c["action"] for c in saved_corrections(tmp_path)] == ["split"]
            await pilot.press("ctrl+y")
            assert any(
                d["state"] == "accepted"
                for d in json.loads((tmp_path / "session.json").read_text())["decisions"].values()
            )
            await pilot.press("ctrl+y")
            assert "Nothing to redo" in last_message(app)

    asyncio.run(scenario())


def test_a_stale_correction_is_reported_once_and_dropped(tmp_path: Path) -> None:
    async def scenario() -> None:
        app = make_app(tmp_path)
        async with app.run_test(size=SIZE) as pilot:
            await app.wait_for_comparison()
            key = content_key(app.review.comparison.articles)
        stale = Correction(
            "cut", ("0" * 16 + ":" + "0" * 16 + ":0",), at="t", excerpt="a sentence since edited"
        )
        save_session(tmp_path / "session.json", TriageState(corrections=(stale,)), key=key)
        again = make_app(tmp_path)
        messages = record_notices(again)  # kept, unlike app._notifications, whatever the machine's speed
        async with again.run_test(size=SIZE) as pilot:
            await again.wait_for_comparison()
            await pilot.pause()
            assert sum("a sentence since edited" in m and "dropped" in m for m in messages) == 1
            assert not again.review.comparison.corrections
            await pilot.press("plus")
            await again.wait_for_comparison()
            await pilot.pause()
            assert sum("a sentence since edited" in m for m in messages) == 1
        assert saved_corrections(tmp_path) == []

    asyncio.run(scenario())


def test_correction_keys_are_listed_remappable_and_in_the_palette(tmp_path: Path) -> None:
    async def scenario() -> None:
        app = make_app(tmp_path, keymap={"correct_cut": "z"})
        messages = record_notices(app)
        async with app.run_test(size=SIZE) as pilot:
            await app.wait_for_comparison()
            titles = {a.title: a.keys for a in screen_actions(app.review)}
            assert titles["correct: Cut the passage out of its row"] == "z"
            for title in ("Mark the passage", "Put the marked passage", "Not the same fact", "Undo", "Redo"):
                assert any(t.startswith("correct: " + title) for t in titles), title
            assert not any("Unknown key map" in m for m in messages)
            await pilot.press("x")
            assert not app.review.comparison.corrections
            await pilot.press("tab", "z")
            await pilot.pause()
            assert [c.action for c in app.review.comparison.corrections] == ["cut"]

    asyncio.run(scenario())


def test_the_export_dialog_writes_the_corrected_report(tmp_path: Path) -> None:
    async def scenario() -> None:
        app = make_app(tmp_path)
        async with app.run_test(size=SIZE) as pilot:
            await app.wait_for_comparison()
            await go_to_closing_aside(app, pilot)
            await pilot.press("x", "e")
            await pilot.pause()
            await pilot.click("#format-json")
            await pilot.click("#export-ok")
            await app.workers.wait_for_complete()
            await pilot.pause()
        (written,) = (tmp_path / "exports").glob("*.json")
        document = json.loads(written.read_text(encoding="utf-8"))
        assert [c["action"] for c in document["corrections"]] == ["cut"]
        assert document["corrections"][0]["segments"] == [CLOSING]
        own = next(r for r in document["alignment"] if CLOSING in r["segments"].get(B, []))
        assert own["corrected"] and own["segments"] == {B: [CLOSING]}

    asyncio.run(scenario())


def test_a_correction_saved_by_another_window_shows_after_the_next_save(tmp_path: Path) -> None:
    async def scenario() -> None:
        app = make_app(tmp_path)
        async with app.run_test(size=SIZE) as pilot:
            await app.wait_for_comparison()
            review = app.review
            comparison = review.comparison
            other = Session(comparison.articles, comparison.findings, path=tmp_path / "session.json")
            other.correct(make_correction("cut", (CLOSING,), comparison.articles, at="t"))
            assert not review.comparison.corrections
            await pilot.press("n", "a")  # this window saves a decision: the file's correction comes along
            await pilot.pause()
            assert [c.action for c in review.comparison.corrections] == ["cut"]
            row = review.comparison.row_by_id[row_holding(app, CLOSING)]
            assert dict(row.segments) == {B: (CLOSING,)} and row.corrected
            assert CORRECTED_GLYPH in grid_text(app)

    asyncio.run(scenario())
