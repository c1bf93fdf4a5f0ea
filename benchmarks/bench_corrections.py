"""How long a correction of the alignment takes to show, on the 12-article comparison of bench_tui.

Two numbers per kind of correction (cut `x`, split `X`, move `v` … `p`, undo `ctrl+z`):

- core: `core.correcting.correct` on the aligner's comparison (apply the corrections, recompute the findings
  of the rows they change, renumber), timed alone;
- app: from the key press until the app has processed it and refreshed (Pilot's press and pause), which is
  what the editor waits for: the core part, the session file written atomically, the grid rebuilt and drawn.
  An unbound key is timed alongside: the part of each number that is Pilot and the refresh alone.

The issue's target is 150 ms for a correction on this input.

    python benchmarks/bench_corrections.py [FILES_OR_FOLDERS...] [--size 200x50] [--repeat 10]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from bench_tui import DEFAULT_INPUT

from compare_tui.core.correcting import correct, row_segments
from compare_tui.core.corrections import make_correction
from compare_tui.core.pipeline import compare_sources
from compare_tui.core.settings import Settings
from compare_tui.tui.app import CompareApp
from compare_tui.tui.screenshot import parse_size


def _summary(name: str, times: list[float]) -> str:
    times = sorted(times)
    p95 = times[min(len(times) - 1, int(0.95 * len(times)))]
    return f"{name:34} {len(times):5d} {statistics.median(times):8.1f} {p95:8.1f} {times[-1]:8.1f}"


def core_times(comparison, repeat: int) -> list[str]:
    """Time `correct` for one cut, one split and one move on the widest rows of the comparison."""
    wide = sorted(comparison.rows, key=lambda r: -len(r.article_ids()))[:repeat]
    lines = []
    for action in ("cut", "split", "move"):
        times = []
        for n, row in enumerate(wide):
            article = row.article_ids()[-1]
            if action == "cut":
                c = make_correction("cut", row.segments[article], comparison.articles)
            elif action == "split":
                c = make_correction("split", row_segments(comparison, row.id), comparison.articles)
            else:
                other = wide[(n + 1) % len(wide)]
                c = make_correction(
                    "move",
                    row.segments[article],
                    comparison.articles,
                    target=other.segments[other.article_ids()[0]][0],
                )
            t0 = time.perf_counter()
            correct(comparison, [c])
            times.append((time.perf_counter() - t0) * 1000)
        lines.append(_summary(f"core: {action}", times))
    return lines


async def app_times(sources: list[str], outcome, size: tuple[int, int], repeat: int) -> list[str]:
    """Press the correction keys on the first (widest) rows and time each until the screen has refreshed."""
    with tempfile.TemporaryDirectory() as folder:
        app = CompareApp(
            sources,
            settings=Settings(theme="textual-dark"),
            compare=lambda articles, *, settings: outcome,
            session_path=Path(folder) / "session.json",
        )
        times: dict[str, list[float]] = {
            "unbound key (baseline)": [],
            "x (cut)": [],
            "X (split)": [],
            "p (move)": [],
            "ctrl+z (undo)": [],
        }

        async def timed(name: str, key: str) -> None:
            t0 = time.perf_counter()
            await pilot.press(key)
            await pilot.pause()
            times[name].append((time.perf_counter() - t0) * 1000)

        async with app.run_test(size=size) as pilot:
            await app.wait_for_comparison()
            await pilot.pause()
            for n in range(repeat):
                await pilot.press("g", *["j"] * n, "tab")
                await timed("unbound key (baseline)", "z")
                await timed("x (cut)", "x")
                await timed("ctrl+z (undo)", "ctrl+z")
                await timed("X (split)", "X")
                await timed("ctrl+z (undo)", "ctrl+z")
                await pilot.press("v", "G")
                await timed("p (move)", "p")
                await timed("ctrl+z (undo)", "ctrl+z")
            kept = len(app.review.comparison.corrections)
    assert kept == 0, "every correction was undone"
    return [_summary(f"app: {name}", t) for name, t in times.items() if t]


def main() -> None:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sources", nargs="*", default=[str(p) for p in DEFAULT_INPUT])
    parser.add_argument("--size", default="200x50")
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    outcome = compare_sources(args.sources, settings=Settings())
    comparison = outcome.comparison
    assert comparison is not None, outcome.errors
    print(
        f"input: {len(comparison.articles)} articles, {len(comparison.rows)} rows, "
        f"{len(comparison.findings)} findings; screen {args.size}"
    )
    print(f"{'what':34} {'runs':>5} {'median':>8} {'p95':>8} {'max':>8}   (ms)")
    for line in core_times(comparison, args.repeat):
        print(line)
    for line in asyncio.run(app_times(args.sources, outcome, parse_size(args.size), args.repeat)):
        print(line)


if __name__ == "__main__":
    main()
