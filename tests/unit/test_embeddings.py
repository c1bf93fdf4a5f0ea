"""The shipped embedding model: shape, dtype, normalisation, determinism, and that it captures meaning."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compare_tui.core import embeddings
from compare_tui.core.embeddings import MODEL_DIR, encode, load_model, model_info

SENTENCES = [
    "Zelensky says allies have given no clear security guarantees.",
    "The Ukrainian president complained that partners offered no firm security pledge.",
    "Heavy rain flooded the football stadium before kick-off.",
]


def test_model_info_describes_the_shipped_model() -> None:
    info = model_info()
    assert info.path == MODEL_DIR
    assert info.dims == 128
    assert info.vocabulary_size > 20_000


def test_model_is_loaded_once() -> None:
    assert load_model() is load_model()


def test_table_is_widened_to_float32() -> None:
    assert load_model().embedding.dtype == np.float32


def test_encode_shape_and_dtype() -> None:
    vectors = encode(SENTENCES)
    assert vectors.shape == (3, model_info().dims)
    assert vectors.dtype == np.float32


def test_empty_input_gives_empty_matrix() -> None:
    vectors = encode([])
    assert vectors.shape == (0, model_info().dims)
    assert vectors.dtype == np.float32


def test_rows_have_unit_length() -> None:
    norms = np.linalg.norm(encode(SENTENCES), axis=1)
    np.testing.assert_allclose(norms, 1.0, atol=1e-5)


def test_text_without_tokens_gives_zero_row() -> None:
    vectors = encode(["", "   ", "A real sentence about a refugee camp."])
    assert not vectors[0].any()
    assert not vectors[1].any()
    assert np.linalg.norm(vectors[2]) == pytest.approx(1.0, abs=1e-5)


def test_encoding_is_deterministic_and_independent_of_batch() -> None:
    together = encode(SENTENCES)
    np.testing.assert_array_equal(together, encode(SENTENCES))
    alone = np.vstack([encode([sentence]) for sentence in SENTENCES])
    np.testing.assert_allclose(together, alone, atol=1e-6)


def test_paraphrase_scores_higher_than_unrelated_sentence() -> None:
    guarantees, paraphrase, rain = encode(SENTENCES)
    assert float(guarantees @ paraphrase) > float(guarantees @ rain) + 0.2


def test_tuple_input_is_accepted() -> None:
    np.testing.assert_array_equal(encode(tuple(SENTENCES)), encode(SENTENCES))


@settings(max_examples=50, deadline=None)
@given(st.lists(st.text(max_size=200), max_size=8))
def test_arbitrary_unicode_gives_unit_or_zero_rows(texts: list[str]) -> None:
    vectors = encode(texts)
    assert vectors.shape == (len(texts), model_info().dims)
    assert np.isfinite(vectors).all()
    norms = np.linalg.norm(vectors, axis=1)
    assert np.all((np.abs(norms - 1.0) < 1e-4) | (norms == 0.0))


def test_missing_model_files_give_one_line_error(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.setattr(embeddings, "MODEL_DIR", tmp_path)
    embeddings.load_model.cache_clear()
    try:
        with pytest.raises(embeddings.ModelUnavailableError) as caught:
            embeddings.load_model()
        message = str(caught.value)
        assert "\n" not in message
        assert str(tmp_path) in message
        assert "model.safetensors" in message
    finally:
        embeddings.load_model.cache_clear()


def test_loading_needs_neither_model2vec_nor_the_hub() -> None:
    code = (
        "import sys; from compare_tui.core.embeddings import encode; print(encode(['offline check']).shape); "
        "print(sorted(m for m in ('model2vec', 'huggingface_hub', 'httpx', 'joblib') if m in sys.modules))"
    )
    environment = {**os.environ, "HF_HUB_OFFLINE": "1", "HF_HOME": "/nonexistent-hf-home"}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=environment, check=True
    )
    assert result.stdout.split("\n")[:2] == ["(1, 128)", "[]"]


def test_vectors_equal_model2vecs_own_inference() -> None:
    """The direct reader must give what model2vec's StaticModel gives for the same files (its mean pooling)."""
    from model2vec import StaticModel

    texts = [*SENTENCES, "", "xyzzy ☃ 東京 [UNK] refugees", "Yida camp " * 400]
    reference = StaticModel.from_pretrained(MODEL_DIR)
    reference.embedding = reference.embedding.astype(np.float32)  # as this package widens it
    theirs = np.asarray(reference.encode(texts, max_length=None, use_multiprocessing=False), dtype=np.float32)
    norms = np.linalg.norm(theirs, axis=1, keepdims=True)
    theirs = np.divide(theirs, norms, out=np.zeros_like(theirs), where=norms > 0)
    np.testing.assert_allclose(encode(texts), theirs, atol=1e-4)


def test_corrupt_weights_give_one_line_error(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    for name in ("tokenizer.json", "config.json"):
        (tmp_path / name).write_bytes((MODEL_DIR / name).read_bytes())
    (tmp_path / "model.safetensors").write_bytes(b"\x10\x00\x00\x00\x00\x00\x00\x00{not json at all}")
    monkeypatch.setattr(embeddings, "MODEL_DIR", tmp_path)
    embeddings.load_model.cache_clear()
    try:
        with pytest.raises(embeddings.ModelUnavailableError) as caught:
            embeddings.load_model()
        assert "\n" not in str(caught.value) and str(tmp_path) in str(caught.value)
    finally:
        embeddings.load_model.cache_clear()


def test_shipped_model_comes_with_licence_and_provenance() -> None:
    assert "Apache License" in (MODEL_DIR / "LICENSE").read_text(encoding="utf-8")
    readme = (MODEL_DIR / "README.md").read_text(encoding="utf-8")
    assert "all-MiniLM-L6-v2" in readme and "Apache" in readme
    provenance = json.loads((MODEL_DIR / "provenance.json").read_text(encoding="utf-8"))
    assert provenance["parent_model"] == "sentence-transformers/all-MiniLM-L6-v2"
    assert provenance["parameters"]["pca_dims"] == model_info().dims
    for name, digest in provenance["output_files_sha256"].items():
        assert hashlib.sha256((MODEL_DIR / name).read_bytes()).hexdigest() == digest, name
