"""Key-press-to-refresh latency of the review app on a 12-article comparison, measured with Pilot.

The core runs once beforehand (its time is printed too); the app then gets that result through its
`compare` knob, so the numbers are about the UI alone: each key is pressed, the app is left to settle
(Pilot waits until the screen has processed the key and refreshed), and the elapsed time is recorded.

Each latency is printed with the unbound key's median subtracted (what Pilot itself costs per press), next
to the target of issue 12; then benchmarks/bench_startup.py runs for the start-up ratio (skip: --no-startup).

    python benchmarks/bench_tui.py [FILES_OR_FOLDERS...] [--size 200x50] [--no-startup]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import time
from pathlib import Path

import bench_startup as startup

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
BASELINE = "unbound key (baseline)"
ACTIONS: tuple[tuple[str, str, str | None, int, float | None], ...] = (
    # name, key, key that undoes it (not timed), presses, target in ms after the baseline
    (BASELINE, "z", None, 20, None),
    ("next row (j)", "j", None, 40, 50),
    ("previous row (k)", "k", None, 20, 50),
    ("next finding (n)", "n", None, 40, 50),
    ("next column (tab)", "tab", None, 24, 50),
    ("last / first row (G, g)", "G", "g", 6, 50),
    ("open details (enter)", "enter", "escape", 6, 150),
    ("open ledger (o)", "o", "escape", 6, 150),
    ("open search (/)", "slash", "escape", 6, 150),
    ("hide article (3)", "3", "3", 6, 100),
    ("fold (f)", "f", "f", 6, 150),
    ("reading order (m)", "m", "m", 6, 150),
)
"""What is timed; each press of a key with an undo key is followed by that key, untimed, so every press
starts from the same state."""


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
        print(
            f"{'action':26} {'presses':>7} {'median':>7} {'p95':>7} {'max':>7} {'−base':>7} {'cpu−base':>8}"
            f" {'target':>7} {'cpu':>4} {'wall':>4}"
        )
        baseline, cpu_baseline = 0.0, 0.0
        for name, key, undo, presses, target in ACTIONS:
            times, cpu_times = [], []
            for _ in range(presses):
                t0, c0 = time.perf_counter(), time.thread_time()
                await pilot.press(key)
                await pilot.pause()
                times.append((time.perf_counter() - t0) * 1000)
                cpu_times.append((time.thread_time() - c0) * 1000)
                if undo:
                    await pilot.press(undo)
                    await pilot.pause()
            times.sort()
            median, cpu = statistics.median(times), statistics.median(cpu_times)
            if name == BASELINE:
                baseline, cpu_baseline = median, cpu
            p95 = times[min(len(times) - 1, int(0.95 * len(times)))]
            net, cpu_net = median - baseline, cpu - cpu_baseline
            verdict = (
                ""
                if target is None
                else f"{target:7.0f} {'ok' if cpu_net <= target else 'OVER':>4} {'ok' if net <= target else 'OVER':>4}"
            )
            print(
                f"{name:26} {presses:7d} {median:7.1f} {p95:7.1f} {times[-1]:7.1f} {net:7.1f} {cpu_net:8.1f}"
                f" {verdict}"
            )
        print(
            "ms from press to refreshed screen; −base: median minus the unbound key's (Pilot's own cost);\n"
            "cpu−base: the same in CPU time of the app's thread, which other processes' load does not inflate;\n"
            "cpu, wall: each against the target (on a shared machine the CPU time is the fair one)"
        )
        print(f"load average while measuring: {os.getloadavg()[0]:.1f} (1 min) on {os.cpu_count()} cores")


def main() -> None:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sources", nargs="*", default=[str(p) for p in DEFAULT_INPUT])
    parser.add_argument("--size", default="200x50")
    parser.add_argument("--no-startup", action="store_true", help="leave out the start-up measurement")
    args = parser.parse_args()
    asyncio.run(measure(args.sources, parse_size(args.size)))
    if not args.no_startup:
        print()
        startup.measure(runs=5, size="160x50")


if __name__ == "__main__":
    main()
