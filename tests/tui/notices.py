"""Every notification an app raises, kept for the test to read.

The app's own list (`app._notifications`) drops each notification once its timeout has passed, counted in
wall-clock time from when it was raised: a warning raised at mount is gone after 5 s, which a test on a loaded
machine can reach before it looks. This log does not depend on the machine's speed.
"""

from __future__ import annotations

from textual.app import App


def record_notices(app: App) -> list[str]:
    """Start recording: the returned list grows with the text of every notification the app (or any of its
    screens and widgets, which notify through it) raises from now on. Call before `run_test` to catch the
    ones raised at mount."""
    log: list[str] = []
    raise_notice = app.notify

    def notify(message: str, **options: object) -> None:
        log.append(str(message))
        raise_notice(message, **options)

    app.notify = notify  # type: ignore[method-assign]
    return log
