"""Speed and memory of the core: load + segment + align (+ analyse), beside a naive all-pairs difflib aligner.

    python benchmarks/bench_core.py [--eval-dir ../shared/eval] [--repeat 3] [--alignment strict]

Cases: (a) the seed pair, (b) 12 articles of about 2,000 words, (c) 50 articles of about 1,000 words, the
last two built from real ECB+ dev sentences (seeded, so every run uses the same input). Each case runs in a
fresh subprocess so that its peak RSS is its own. Budgets (issue 2, 2 cores): (a) <= 50 ms after imports and
model loading, model load < 0.5 s; (b) <= 1.5 s; (c) <= 8 s and 500 MB. Analysis may add at most 30 %
(`+analysis` by the clock, `+an. cpu` by CPU time). Each case runs with one BLAS thread, as the command line
and the app run (`cli._one_blas_thread`), unless the caller's environment sets the thread counts: extra BLAS
threads spin after each matrix product and their spin was counted as the analysis's CPU time.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED_DIR = REPO / "sample_data" / "zelensky-security-guarantees"
CASES = {"a": (2, 0), "b": (12, 2000), "c": (50, 1000)}


def build_articles(n_articles: int, words: int, eval_dir: Path):
    """n articles of about `words` words: each mixes sentences of one shared event with sentences of others."""
    from ecb import load_events

    from compare_tui.core.models import Article

    events = load_events(eval_dir / "ecbplus-dev.jsonl")
    rng = random.Random(20260109)
    pool = [line for e in events for a in e.articles for line in a.text.splitlines() if len(line.split()) > 4]
    shared = [line for a in events[0].articles for line in a.text.splitlines() if len(line.split()) > 4]
    articles = []
    for k in range(n_articles):
        lines: list[str] = []
        while sum(len(x.split()) for x in lines) < words:
            lines.append(rng.choice(shared) if rng.random() < 0.4 else rng.choice(pool))
        paragraphs = ["\n".join(lines[i : i + 3]) for i in range(0, len(lines), 3)]
        articles.append(Article(id=f"art{k}", source=f"art{k}", text="\n\n".join(paragraphs)))
    return articles


def naive_difflib(articles, *, max_pairs: int = 300_000) -> tuple[float, bool]:
    """All-pairs difflib over sentences of different articles: the baseline the prefilter is measured against.

    Returns (seconds, estimated): above `max_pairs` pairs, a seeded random sample is timed and scaled up.
    """
    sentences = [(i, line) for i, a in enumerate(articles) for line in a.text.splitlines() if line.strip()]
    pairs = [
        (x, y)
        for x in range(len(sentences))
        for y in range(x + 1, len(sentences))
        if sentences[x][0] != sentences[y][0]
    ]
    sample = pairs if len(pairs) <= max_pairs else random.Random(7).sample(pairs, max_pairs)
    start = time.perf_counter()
    for x, y in sample:
        difflib.SequenceMatcher(None, sentences[x][1], sentences[y][1]).ratio()
    elapsed = time.perf_counter() - start
    return elapsed * len(pairs) / len(sample), len(sample) < len(pairs)


def run_case(case: str, impl: str, eval_dir: Path, repeat: int, strict: bool = False) -> dict:
    """One measurement, in this (fresh) process."""
    t0 = time.perf_counter()
    from compare_tui.core.align import AlignOptions, align
    from compare_tui.core.analysis import analyse
    from compare_tui.core.embeddings import load_model
    from compare_tui.core.loading import load_sources
    from compare_tui.core.segment import segment_article
    from compare_tui.core.textnorm import text_tokens

    imports = time.perf_counter() - t0
    t0 = time.perf_counter()
    load_model()
    model_load = time.perf_counter() - t0
    n, words = CASES[case]
    if impl == "difflib":
        articles = load_sources([SEED_DIR]).articles if case == "a" else build_articles(n, words, eval_dir)
        seconds, estimated = naive_difflib(articles)
        return {"difflib_s": seconds, "estimated": estimated, "peak_rss_mb": _rss_mb()}
    core, cpu, analysis, analysis_cpu = [], [], [], []
    for _ in range(repeat):
        text_tokens.cache_clear()  # each repeat tokenizes the articles afresh, as a new process does
        t0, c0 = time.perf_counter(), time.process_time()
        if case == "a":
            articles = load_sources([SEED_DIR]).articles
        else:
            articles = build_articles(n, words, eval_dir)
        segmented = tuple(segment_article(a) for a in articles)
        rows = align(segmented, options=AlignOptions(strict=strict))
        core.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
        t0, c0 = time.perf_counter(), time.process_time()
        analyse(segmented, rows)
        analysis.append(time.perf_counter() - t0)
        analysis_cpu.append(time.process_time() - c0)
    return {
        "imports_s": imports,
        "model_load_s": model_load,
        "core_s": min(core),
        "core_cpu_s": min(cpu),
        "analysis_s": min(analysis),
        "analysis_cpu_s": min(analysis_cpu),
        "segments": sum(len(a.segments) for a in segmented),
        "words": sum(a.word_count for a in segmented),
        "peak_rss_mb": _rss_mb(),
    }


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=REPO.parent / "shared" / "eval")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--case", choices=sorted(CASES))
    parser.add_argument("--impl", choices=("ours", "difflib"), default="ours")
    parser.add_argument("--skip-difflib", action="store_true", help="skip the (slow) naive baseline")
    parser.add_argument("--alignment", choices=("standard", "strict"), default="standard")
    args = parser.parse_args()
    if args.case:
        print(
            json.dumps(run_case(args.case, args.impl, args.eval_dir, args.repeat, args.alignment == "strict"))
        )
        return 0
    print(
        f"{'case':<34}{'words':>7}{'segs':>6}{'core s':>9}{'cpu s':>8}{'+analysis':>11}{'+an. cpu':>10}{'model s':>9}{'RSS MB':>8}{'difflib s':>11}{'ratio':>14}"
    )
    for case in CASES:
        ours = _child(case, "ours", args)
        naive = None if args.skip_difflib else _child(case, "difflib", args)
        label = {"a": "(a) seed pair", "b": "(b) 12 x ~2,000 words", "c": "(c) 50 x ~1,000 words"}[case]
        ratio = f"{naive['difflib_s'] / ours['core_s']:.0f}x" if naive else "-"
        if naive and naive["estimated"]:
            ratio += " (est.)"
        print(
            f"{label:<34}{ours['words']:>7}{ours['segments']:>6}{ours['core_s']:>9.3f}{ours['core_cpu_s']:>8.3f}"
            f"{ours['analysis_s'] / ours['core_s']:>10.0%} {ours['analysis_cpu_s'] / ours['core_cpu_s']:>9.0%}"
            f" {ours['model_load_s']:>8.2f}{ours['peak_rss_mb']:>8.0f}"
            f"{(naive['difflib_s'] if naive else float('nan')):>11.2f}{ratio:>14}"
        )
    return 0


def _child(case: str, impl: str, args: argparse.Namespace) -> dict:
    command = [
        sys.executable,
        __file__,
        "--case",
        case,
        "--impl",
        impl,
        "--eval-dir",
        str(args.eval_dir),
        "--repeat",
        str(args.repeat),
        "--alignment",
        args.alignment,
    ]
    env = {name: "1" for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")} | dict(os.environ)
    return json.loads(subprocess.run(command, capture_output=True, text=True, check=True, env=env).stdout)


if __name__ == "__main__":
    sys.exit(main())
