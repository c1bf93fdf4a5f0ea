"""Start-up of the review app against a bare Textual app, whole processes, in one run.

Each run starts a fresh Python process, headless, and times it from launch until the first frame that shows
the articles' text has been rendered (a screenshot is taken of it, then the process reports and quits):

- bare: a Textual app that only reads the two seed texts and shows them in two `Static` widgets;
- app:  compare-tui on the same two texts (its first frame shows them before the alignment is done), timed
        at the review screen's `first_frame` signal, set right after that frame is drawn and before the core's
        thread starts its heavy imports;
- full: compare-tui on the 11-article sample, timed to that first frame and on to the frame with the whole
        comparison (rows aligned, findings marked).

The two start-up kinds alternate so that both see the same machine load; medians are reported. Targets of
issue 12: app first frame <= 1.3 x bare, full comparison <= 2 s after the first frame.

    python benchmarks/bench_startup.py [--runs 7] [--size 160x50]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[1] / "sample_data"
SEED = SAMPLES / "zelensky-security-guarantees"
ELEVEN = SAMPLES / "sudan-bombs-yida-refugee-camp"
FRAME, FULL = "frame", "full"


def _bare(files: list[Path], size: tuple[int, int]) -> None:
    """The reference: the two texts in two Static widgets, nothing else."""
    from textual.app import App, ComposeResult
    from textual.containers import Horizontal
    from textual.widgets import Static

    texts = [f.read_text(encoding="utf-8") for f in files]

    class Bare(App[None]):
        CSS = "Static { width: 1fr; height: auto; }"

        def compose(self) -> ComposeResult:
            with Horizontal():
                for text in texts:
                    yield Static(text, markup=False)

        def on_mount(self) -> None:
            self.call_after_refresh(self._shown)

        def _shown(self) -> None:
            self.export_screenshot()
            _say(FRAME)
            self.exit()

    Bare().run(headless=True, size=size)


def _app(sources: list[str], size: tuple[int, int], *, until: str) -> None:
    """compare-tui, reporting its first frame with text and (until=full) the frame with the comparison."""
    from compare_tui.core.settings import Settings
    from compare_tui.tui import app
    from compare_tui.tui.app import CompareApp
    from compare_tui.tui.messages import ComparisonFinished

    class Drawn(threading.Event):
        """The review screen's first-frame signal, reporting the frame before it lets the core go on."""

        def __init__(self, probe: Probe) -> None:
            super().__init__()
            self.probe = probe

        def set(self) -> None:
            if not self.is_set():
                self.probe._shown(FRAME)
            super().set()

    class Probe(CompareApp):
        CSS_PATH = str(Path(app.__file__).with_name(CompareApp.CSS_PATH))

        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)
            self.review.first_frame = Drawn(self)

        def on_comparison_finished(self, message: ComparisonFinished) -> None:
            self.call_after_refresh(self._shown, FULL)

        def _shown(self, what: str) -> None:
            grid = self.review.grid
            assert grid is not None and grid.rows, "nothing on screen"
            self.export_screenshot()
            _say(what)
            if what == until:
                self.exit()

    Probe(sources, settings=Settings(theme="textual-dark")).run(headless=True, size=size)


def _say(what: str) -> None:
    """Report a frame and the CPU time the process (all its threads) has used so far."""
    print(what, time.process_time(), flush=True)


def _time(args: list[str]) -> dict[str, float]:
    """Seconds from launching a child process to each frame it reports, and to its exit ("exit"); and the
    CPU seconds it had used at each frame ("cpu frame", "cpu full")."""
    # Byte-compiled modules are allowed, as an installed package has them (pip compiles on install):
    # compiling compare-tui's source on every start would measure the environment, not the app.
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, __file__, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=environment,
    )
    assert child.stdout is not None
    times = {}
    for line in child.stdout:
        what, cpu = line.split()
        times[what] = time.perf_counter() - started
        times[f"cpu {what}"] = float(cpu)
    _, errors = child.communicate()
    times["exit"] = time.perf_counter() - started
    if child.returncode != 0 or FRAME not in times:
        raise SystemExit(f"child {args} failed:\n{errors}")
    return times


def measure(runs: int, size: str) -> None:
    """Print the start-up ratio and the time to full results on the 11-article sample."""
    seed_files = sorted(SEED.glob("*.txt"))
    kinds = {
        "bare": ["--child", "bare", "--size", size, *map(str, seed_files)],
        "app": ["--child", "app", "--size", size, str(SEED)],
    }
    started_load = os.getloadavg()[0]
    _time(kinds["bare"])  # warm the file cache and write the .pyc files once, unmeasured
    _time(kinds["app"])
    _time(["--child", "full", "--size", size, str(ELEVEN)])
    results: dict[str, list[dict[str, float]]] = {kind: [] for kind in kinds}
    for _ in range(runs):
        for kind, args in kinds.items():
            results[kind].append(_time(args))
    full = [_time(["--child", "full", "--size", size, str(ELEVEN)]) for _ in range(max(3, runs // 2))]

    def median(kind: list[dict[str, float]], key: str) -> float:
        return statistics.median(r[key] for r in kind)

    bare, app = median(results["bare"], FRAME), median(results["app"], FRAME)
    load = os.getloadavg()[0]
    print(f"start-up, seed pair, {size}, median of {runs} alternating runs (whole process, headless)")
    print(f"  load average                    {started_load:7.2f} at the start, {load:.2f} after the runs")
    print(
        f"  bare Textual app, first frame   {bare * 1000:7.0f} ms   (process exit {median(results['bare'], 'exit') * 1000:.0f} ms)"
    )
    print(
        f"  compare-tui, first frame        {app * 1000:7.0f} ms   (process exit {median(results['app'], 'exit') * 1000:.0f} ms)"
    )
    print(f"  start-up ratio                  {app / bare:7.2f} x   (target <= 1.30)")
    cpu_bare, cpu_app = median(results["bare"], f"cpu {FRAME}"), median(results["app"], f"cpu {FRAME}")
    print(
        f"  in CPU time of the process      {cpu_bare * 1000:7.0f} ms bare, {cpu_app * 1000:.0f} ms compare-tui: "
        f"{cpu_app / cpu_bare:.2f} x (not inflated by other processes' load)"
    )
    first, done = median(full, FRAME), median(full, FULL)
    print(f"11-article sample, median of {len(full)} runs")
    print(f"  first frame                     {first * 1000:7.0f} ms")
    print(f"  full comparison shown           {done * 1000:7.0f} ms")
    print(f"  after the first frame           {(done - first) * 1000:7.0f} ms   (target <= 2000)")
    cpu_after = median(full, f"cpu {FULL}") - median(full, f"cpu {FRAME}")
    print(f"  in CPU time of the process      {cpu_after * 1000:7.0f} ms after the first frame")


def main() -> None:
    """Command line entry point (also the children's)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--size", default="160x50")
    parser.add_argument("--child", choices=("bare", "app", "full"))
    parser.add_argument("sources", nargs="*")
    args = parser.parse_args()
    if args.child is None:
        measure(args.runs, args.size)
        return
    columns, lines = (int(n) for n in args.size.split("x"))
    if args.child == "bare":
        _bare([Path(s) for s in args.sources], (columns, lines))
    else:
        _app(args.sources, (columns, lines), until=FRAME if args.child == "app" else FULL)


if __name__ == "__main__":
    main()
