"""`[keymap]` knows every binding id of the app and its screens, inherited ones included (issue 9's report:
remapping the documented `triage_accept` and `export` ids warned "Unknown key map entries")."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

from notices import record_notices

from compare_tui.tui.app import binding_ids
from compare_tui.tui.screens.export import ExportScreen

README = Path(__file__).resolve().parents[2] / "README.md"
SIZE = (160, 50)


def documented_ids() -> set[str]:
    """The binding ids the README lists for `[keymap]` ("a … b" spans a numbered run)."""
    text = README.read_text(encoding="utf-8")
    paragraph = text[text.index("Binding ids for `[keymap]`") :].split("\n\n")[0]
    ids = set(re.findall(r"`([a-z_0-9]+)`", paragraph))
    for first, last in re.findall(r"`([a-z_]+_\d+)` … `([a-z_]+_\d+)`", paragraph):
        stem = first.rsplit("_", 1)[0]
        ids.update(
            f"{stem}_{n}" for n in range(int(first.rsplit("_", 1)[1]), int(last.rsplit("_", 1)[1]) + 1)
        )
    return ids


def test_every_documented_id_is_a_binding_id() -> None:
    documented = documented_ids()
    assert {"triage_accept", "export", "toggle_article_5", "quit", "next_finding"} <= documented
    assert documented - binding_ids() == set()


def test_dialog_and_widget_bindings_count_too() -> None:
    assert {"export_cancel", "note_cancel", "help_close", "scroll_left"} <= binding_ids()


def test_remapping_triage_accept_and_export_works_without_a_warning(make_app) -> None:
    app = make_app(keymap={"triage_accept": "y", "export": "x", "no_such_binding": "z"})
    notices = record_notices(app)  # not app._notifications: the warning expires 5 s after mount

    async def scenario() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await app.wait_for_comparison()
            await pilot.press("n", "y")
            await pilot.pause()
            finding = app.review.current_finding
            assert finding is not None and app.review.decision(finding).state == "accepted"
            await pilot.press("x")
            await pilot.pause()
            assert isinstance(app.screen, ExportScreen)
            warnings = [n for n in notices if n.startswith("Unknown key map entries")]
            assert warnings == ["Unknown key map entries: no_such_binding"]

    asyncio.run(scenario())
