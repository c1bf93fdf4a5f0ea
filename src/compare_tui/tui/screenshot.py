"""Screenshots of the review app: meaningful file names, and SVGs rendered without a terminal."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from compare_tui.core.atomic import write_text_atomic
from compare_tui.core.comparison import Comparison
from compare_tui.core.export import name_slug
from compare_tui.core.loading import LoadError
from compare_tui.core.settings import Settings

PREFIX = "compare-tui"


def screenshot_name(comparison: Comparison | None, *, row: int | None, now: datetime) -> str:
    """`compare-tui_<first-article>_row<N>_<YYYYmmdd-HHMMSS>.svg`."""
    first = comparison.articles[0] if comparison and comparison.articles else None
    subject = name_slug(first.title or first.outlet or first.source) if first else "comparison"
    where = f"_row{row}" if row is not None else ""
    return f"{PREFIX}_{subject}{where}_{now:%Y%m%d-%H%M%S}.svg"


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
    from compare_tui.tui.app import CompareApp

    app = CompareApp(sources, settings=settings)
    async with app.run_test(size=size) as pilot:
        await app.wait_for_comparison()
        outcome = app.review.outcome
        assert outcome is not None
        if outcome.comparison is None:
            return Rendered(None, outcome.errors)
        await pilot.pause()
        return Rendered(app.export_screenshot(), outcome.errors)


def save_svg(svg: str, path: Path) -> Path:
    """Write an SVG atomically, creating its folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    write_text_atomic(path, svg)
    return path
