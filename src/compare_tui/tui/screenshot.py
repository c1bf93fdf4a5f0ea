"""Screenshots of the review app rendered without a terminal, for `compare-tui screenshot`.

The app saves its own screenshots (key `s`); file names come from `core.export.screenshot_name`.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Sequence
from dataclasses import dataclass

from compare_tui.core.loading import LoadError
from compare_tui.core.settings import Settings
from compare_tui.tui.app import CompareApp


def parse_size(text: str) -> tuple[int, int]:
    """ "160x50" -> (160, 50); a ValueError names the problem."""
    match = re.fullmatch(r"\s*(\d+)\s*[xX×]\s*(\d+)\s*", text)
    if not match:
        raise ValueError(f"size {text!r} is not COLUMNSxLINES, e.g. 160x50")
    columns, lines = int(match.group(1)), int(match.group(2))
    if not (40 <= columns <= 1000 and 10 <= lines <= 500):
        raise ValueError(f"size {text!r} is out of range (40..1000 x 10..500)")
    return columns, lines


@dataclass(frozen=True, slots=True)
class Rendered:
    """A headless screenshot: the SVG (None when nothing could be compared) and one error per unusable input."""

    svg: str | None
    errors: tuple[LoadError, ...]


def render_svg(
    sources: Sequence[object], *, settings: Settings, size: tuple[int, int] = (160, 50)
) -> Rendered:
    """Run the app headless at `size` on `sources`, wait for the comparison, and return the screen as SVG."""
    return asyncio.run(_render_svg(sources, settings=settings, size=size))


async def _render_svg(sources: Sequence[object], *, settings: Settings, size: tuple[int, int]) -> Rendered:
    app = CompareApp(sources, settings=settings)
    async with app.run_test(size=size) as pilot:
        await app.wait_for_comparison()
        outcome = app.review.outcome
        assert outcome is not None
        if outcome.comparison is None:
            return Rendered(None, outcome.errors)
        await pilot.pause()
        return Rendered(app.export_screenshot(), outcome.errors)
