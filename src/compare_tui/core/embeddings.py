"""Sentence embeddings for the semantic-similarity signal of the aligner.

Lexical scores miss paraphrase ("signed a pledge" / "agreed to send troops"), so passages are also compared by
the cosine of their embeddings. The model is a model2vec static model distilled from all-MiniLM-L6-v2 and
shipped inside the package (``core/model/``, see its README): numpy and tokenizers only, no torch, no network.
It is loaded lazily, once per process, because most of the core (loading, segmentation) never needs it.

The table is stored as float16 to keep the wheel small, but it is widened to float32 at load time: matrix
products on float16 arrays are some 100x slower in numpy and lose precision.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from model2vec import StaticModel

MODEL_DIR = Path(__file__).resolve().parent / "model"
"""Folder of the shipped static model (weights, tokenizer, config, licence)."""

_MODEL_FILES = ("model.safetensors", "tokenizer.json", "config.json")


class ModelUnavailableError(RuntimeError):
    """The shipped embedding model is missing or unreadable; str() is one line naming the path."""


@dataclass(frozen=True)
class ModelInfo:
    """What the loaded embedding model is: where it lives, its dimensionality and vocabulary size."""

    path: Path
    dims: int
    vocabulary_size: int


@functools.cache
def load_model() -> StaticModel:
    """Load the shipped static model once, widened to float32, strictly from the package folder."""
    missing = [name for name in _MODEL_FILES if not (MODEL_DIR / name).is_file()]
    if missing:
        # model2vec treats a path that does not exist as a Hugging Face repo id and would try to download it.
        raise ModelUnavailableError(f"{MODEL_DIR}: embedding model incomplete, missing {', '.join(missing)}")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from model2vec import StaticModel

    try:
        model = StaticModel.from_pretrained(MODEL_DIR)
    except (OSError, ValueError) as error:
        raise ModelUnavailableError(f"{MODEL_DIR}: cannot load embedding model ({error})") from error
    # A plain cast: from_pretrained(quantize_to="float32") rebuilds the model, ~50 ms more at start-up.
    model.embedding = model.embedding.astype(np.float32)
    return model


def model_info() -> ModelInfo:
    """Describe the embedding model, loading it if needed."""
    model = load_model()
    return ModelInfo(path=MODEL_DIR, dims=int(model.dim), vocabulary_size=int(model.embedding.shape[0]))


def encode(texts: Sequence[str]) -> np.ndarray:
    """Embed texts as unit-length float32 rows, shape (len(texts), dims); text without tokens gives zeros."""
    model = load_model()
    if not texts:
        return np.zeros((0, model.dim), dtype=np.float32)
    vectors = np.asarray(
        model.encode(list(texts), max_length=None, use_multiprocessing=False),
        dtype=np.float32,
    )
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return np.divide(vectors, norms, out=np.zeros_like(vectors), where=norms > 0)
