"""Speed of the core on odd input shapes: one article of 1 MB on a single line, and a folder of 2,000 tiny files.

    python benchmarks/bench_shapes.py [--timeout 300] [--scale 1.0]

Both should stay within a few seconds with cost near-linear in the input. Each case is timed at a quarter, a
half and the full size (`--scale` multiplies all three) in a fresh subprocess each, beside the seed pair, so
the growth shows: a doubling of the input should about double the time (CPU time is printed beside wall
time, and the load average first, since the machine may be shared). The inputs are generated (seeded)
into a temporary folder: `line` is one 1 MB paragraph of sentences, `folder` is N files of two short lines.
A case that runs past `--timeout` seconds is reported as such.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED_DIR = REPO / "sample_data" / "zelensky-security-guarantees"
WORDS = [
    "the",
    "minister",
    "said",
    "officials",
    "would",
    "publish",
    "the",
    "results",
    "on",
    "monday",
    "after",
    "observers",
    "from",
    "several",
    "countries",
    "counted",
    "votes",
    "in",
    "every",
    "district",
    "of",
    "the",
    "region",
    "and",
    "reported",
    "them",
    "to",
    "the",
    "commission",
]


def one_line(path: Path, size: int) -> Path:
    """One article: a headline, then `size` characters of sentences on one line."""
    rng = random.Random(20260109)
    sentences: list[str] = []
    length = 0
    while length < size:
        sentence = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 25))).capitalize() + "."
        sentences.append(sentence)
        length += len(sentence) + 1
    path.write_text("Officials publish the count\n\n" + " ".join(sentences)[:size] + "\n", encoding="utf-8")
    return path


def tiny_files(folder: Path, count: int) -> Path:
    """`count` articles of two short lines each."""
    folder.mkdir()
    for n in range(count):
        (folder / f"a{n:05d}.txt").write_text(
            f"Story {n}\n\nOfficials said {n} people voted in district {n % 17} on Monday.\n",
            encoding="utf-8",
        )
    return folder


RUN = """
import sys, time
t = time.perf_counter()
from compare_tui.core.pipeline import compare_sources
from compare_tui.core.embeddings import load_model
load_model()
ready, ready_cpu = time.perf_counter(), time.process_time()
stages = {}
last = [ready_cpu]
def progress(stage, done, total):
    if done == total:
        now = time.process_time(); stages[stage] = stages.get(stage, 0) + now - last[0]; last[0] = now
    elif done == 0:
        last[0] = time.process_time()
outcome = compare_sources(sys.argv[1:], progress=progress)
wall, cpu = time.perf_counter() - ready, time.process_time() - ready_cpu
print(f"{cpu:.2f} s CPU ({wall:.2f} s wall); CPU by stage:", " ".join(f"{k}={v:.2f}" for k, v in stages.items()))
"""


def timed(sources: list[str], timeout: float) -> str:
    """CPU and wall seconds from the models loaded to the comparison done, CPU per stage, in a fresh process.

    CPU time (all threads of the process) is the figure to compare on a shared machine; wall time grows
    with the machine's load."""
    try:
        done = subprocess.run(
            [sys.executable, "-c", RUN, *sources],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=True,
            env={"OPENBLAS_NUM_THREADS": "1", **os.environ},  # one BLAS thread, as the command line runs
        )
    except subprocess.TimeoutExpired:
        return f"over {timeout:g} s"
    except subprocess.CalledProcessError as exc:
        return f"failed: {exc.stderr.strip().splitlines()[-1:]}"
    return done.stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--timeout", type=float, default=300.0)
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args()
    print(f"load average: {' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    print(f"seed pair: {timed([str(SEED_DIR)], args.timeout)}")
    with tempfile.TemporaryDirectory() as tmp:
        for fraction in (0.25, 0.5, 1.0):
            size = int(1_000_000 * fraction * args.scale)
            path = one_line(Path(tmp) / f"line-{size}.txt", size)
            start = time.perf_counter()
            print(
                f"one line of {size:,} characters + the seed pair: {timed([str(path), str(SEED_DIR)], args.timeout)}"
                f" (wall {time.perf_counter() - start:.1f} s)",
                flush=True,
            )
        for fraction in (0.25, 0.5, 1.0):
            count = int(2000 * fraction * args.scale)
            folder = tiny_files(Path(tmp) / f"folder-{count}", count)
            start = time.perf_counter()
            print(
                f"folder of {count:,} tiny files: {timed([str(folder)], args.timeout)}"
                f" (wall {time.perf_counter() - start:.1f} s)",
                flush=True,
            )


if __name__ == "__main__":
    main()
