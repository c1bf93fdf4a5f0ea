"""Sentence embeddings for the semantic-similarity signal of the aligner.

Lexical scores miss paraphrase ("signed a pledge" / "agreed to send troops"), so passages are also compared by
the cosine of their embeddings. The model is a model2vec static model distilled from all-MiniLM-L6-v2 and
shipped inside the package (``core/model/``, see its README): a table of token vectors and a WordPiece
tokenizer. A sentence's vector is the mean of its tokens' vectors, which is all model2vec's `StaticModel`
does at inference; reading the two files directly (the safetensors header is a few lines of JSON) skips
model2vec's import of huggingface_hub, httpx and joblib, over half a second of the app's time to full results.
It is loaded lazily, once per process, because most of the core (loading, segmentation) never needs it.

The table is stored as float16 to keep the wheel small, but it is widened to float32 at load time: matrix
products on float16 arrays are some 100x slower in numpy and lose precision.
"""

from __future__ import annotations

import functools
import json
import struct
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from tokenizers import Tokenizer

MODEL_DIR = Path(__file__).resolve().parent / "model"
"""Folder of the shipped static model (weights, tokenizer, config, licence)."""

_MODEL_FILES = ("model.safetensors", "tokenizer.json", "config.json")
_TABLE = "embeddings"
"""Name of the token-vector table inside model.safetensors (model2vec's layout)."""
_DTYPES = {"F16": np.float16, "F32": np.float32}


class ModelUnavailableError(RuntimeError):
    """The shipped embedding model is missing or unreadable; str() is one line naming the path."""


@dataclass(frozen=True)
class ModelInfo:
    """What the loaded embedding model is: where it lives, its dimensionality and vocabulary size."""

    path: Path
    dims: int
    vocabulary_size: int


@dataclass(frozen=True, eq=False)
class StaticModel:
    """A token-vector table and the tokenizer whose ids index it."""

    embedding: np.ndarray
    """One float32 row per token id."""
    tokenizer: Tokenizer
    unknown_id: int | None
    """Id of the unknown token, left out of every sentence as model2vec does."""

    @property
    def dim(self) -> int:
        """Number of dimensions of a vector."""
        return int(self.embedding.shape[1])


def _read_table(path: Path) -> np.ndarray:
    """The token-vector table of a safetensors file (8-byte header length, JSON header, raw little-endian data)."""
    data = path.read_bytes()
    (header_size,) = struct.unpack_from("<Q", data)
    header = json.loads(data[8 : 8 + header_size])
    entry = header[_TABLE]
    start, end = entry["data_offsets"]
    dtype = np.dtype(_DTYPES[entry["dtype"]]).newbyteorder("<")
    table = np.frombuffer(
        data, dtype=dtype, count=(end - start) // dtype.itemsize, offset=8 + header_size + start
    )
    return table.reshape(entry["shape"]).astype(np.float32)


@functools.cache
def load_model() -> StaticModel:
    """Load the shipped static model once, widened to float32, strictly from the package folder."""
    missing = [name for name in _MODEL_FILES if not (MODEL_DIR / name).is_file()]
    if missing:
        raise ModelUnavailableError(f"{MODEL_DIR}: embedding model incomplete, missing {', '.join(missing)}")
    from tokenizers import Tokenizer

    try:
        table = _read_table(MODEL_DIR / "model.safetensors")
        tokenizer = Tokenizer.from_file(str(MODEL_DIR / "tokenizer.json"))
    except Exception as error:
        raise ModelUnavailableError(f"{MODEL_DIR}: cannot load embedding model ({error})") from error
    if tokenizer.get_vocab_size() != table.shape[0]:
        raise ModelUnavailableError(
            f"{MODEL_DIR}: cannot load embedding model ({tokenizer.get_vocab_size()} tokens, "
            f"{table.shape[0]} vectors)"
        )
    tokenizer.no_padding()
    tokenizer.no_truncation()
    unknown = getattr(tokenizer.model, "unk_token", None)
    return StaticModel(table, tokenizer, tokenizer.token_to_id(unknown) if unknown else None)


def model_info() -> ModelInfo:
    """Describe the embedding model, loading it if needed."""
    model = load_model()
    return ModelInfo(path=MODEL_DIR, dims=model.dim, vocabulary_size=int(model.embedding.shape[0]))


def encode(texts: Sequence[str]) -> np.ndarray:
    """Embed texts as unit-length float32 rows, shape (len(texts), dims); text without tokens gives zeros."""
    model = load_model()
    vectors = np.zeros((len(texts), model.dim), dtype=np.float32)
    if not texts:
        return vectors
    encodings = model.tokenizer.encode_batch_fast(list(texts), add_special_tokens=False)
    for row, encoding in enumerate(encodings):
        ids = [i for i in encoding.ids if i != model.unknown_id]
        if ids:
            vectors[row] = model.embedding[ids].mean(axis=0)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return np.divide(vectors, norms, out=np.zeros_like(vectors), where=norms > 0)
