"""Key-press-to-refresh latency of the review app on a 12-article comparison, measured with Pilot.

The core runs once beforehand (its time is printed too); the app then gets that result through its
`compare` knob, so the numbers are about the UI alone: each key is pressed, the app is left to settle
(Pilot waits until the screen has processed the key and refreshed), and the elapsed time is recorded.

    python benchmarks/bench_tui.py [FILES_OR_FOLDERS...] [--size 200x50]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from pathlib import Path

from compare_tui.core.pipeline import compare_sources
from compare_tui.core.settings import Settings
from compare_tui.tui.app import CompareApp
from compare_tui.tui.screenshot import parse_size

SAMPLES = Path(__file__).parents[1] / "sample_data"
DEFAULT_INPUT = (
    SAMPLES / "sudan-bombs-yida-refugee-camp",
    SAMPLES / "zelensky-security-guarantees" / "001_076d54ec44685f7b.txt",
)
"""The 11 ECB+ articles of one event plus one of the seed articles: 12 columns."""
KEYS = {
    "unbound key (baseline)": ["z"] * 20,
    "next row (j)": ["j"] * 40,
    "previous row (k)": ["k"] * 20,
    "next finding (n)": ["n"] * 40,
    "next column (tab)": ["tab"] * 24,
    "last / first row (G, g)": ["G", "g"] * 5,
    "fold (f)": ["f"] * 6,
    "reading order (m)": ["m"] * 6,
    "hide / show article (3)": ["3"] * 6,
}


async def measure(sources: list[str], size: tuple[int, int]) -> None:
    """Print the core time, then per-key latencies (median, 95th percentile, max) in milliseconds."""
    started = time.perf_counter()
    outcome = compare_sources(sources, settings=Settings())
    core_s = time.perf_counter() - started
    comparison = outcome.comparison
    assert comparison is not None, outcome.errors
    print(
        f"input: {len(comparison.articles)} articles, {len(comparison.rows)} rows, "
        f"{len(comparison.findings)} findings; core {core_s:.2f} s"
    )
    app = CompareApp(sources, settings=Settings(theme="textual-dark"), compare=lambda s, *, settings: outcome)
    async with app.run_test(size=size) as pilot:
        started = time.perf_counter()
        await app.wait_for_comparison()
        await pilot.pause()
        print(
            f"first paint after the result: {(time.perf_counter() - started) * 1000:.0f} ms at {size[0]}x{size[1]}"
        )
        print(f"{'action':28} {'presses':>7} {'median':>8} {'p95':>8} {'max':>8}   (ms, press to refreshed)")
        for name, keys in KEYS.items():
            times = []
            for key in keys:
                t0 = time.perf_counter()
                await pilot.press(key)
                await pilot.pause()
                times.append((time.perf_counter() - t0) * 1000)
            times.sort()
            p95 = times[min(len(times) - 1, int(0.95 * len(times)))]
            print(f"{name:28} {len(times):7d} {statistics.median(times):8.1f} {p95:8.1f} {times[-1]:8.1f}")


def main() -> None:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sources", nargs="*", default=[str(p) for p in DEFAULT_INPUT])
    parser.add_argument("--size", default="200x50")
    args = parser.parse_args()
    asyncio.run(measure(args.sources, parse_size(args.size)))


if __name__ == "__main__":
    main()
