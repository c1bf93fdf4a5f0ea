"""The bundled samples: complete metadata, readable UTF-8 text, licence attribution, and untouched seeds."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "sample_data"
SAMPLE_DIRS = sorted(path for path in SAMPLES.iterdir() if path.is_dir())
SEED_DIR = SAMPLES / "zelensky-security-guarantees"
ECB_DIR = SAMPLES / "sudan-bombs-yida-refugee-camp"
SEED_SHA256 = {
    "000_8a159465e6b8163d.txt": "8d9edaf13bd9f0bd11338aa4beb789319add16f281d278e0935c992d7799b12c",
    "001_076d54ec44685f7b.txt": "cb124e127f2fc9bae9c7a2cc0195461607dcdac4bf7f01c6a574af20b81c4b32",
}
# What tokenized ECB+ text looks like; none of it may survive detokenization.
TOKENIZATION_ARTIFACTS = re.compile(
    r" [,.;:!?%)\]]| 's\b| n't\b|[(\[$] |``|''|\d , \d{3}|\d : \d\d|\b\w - \w|^https?:", re.MULTILINE
)


@pytest.fixture(scope="module")
def script() -> ModuleType:
    """scripts/make_ecb_sample.py, imported by path (scripts/ is not a package)."""
    spec = importlib.util.spec_from_file_location("make_ecb_sample", REPO / "scripts" / "make_ecb_sample.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def _meta(folder: Path) -> dict:
    return json.loads((folder / "meta.json").read_text(encoding="utf-8"))


def test_both_samples_exist() -> None:
    assert SEED_DIR in SAMPLE_DIRS
    assert ECB_DIR in SAMPLE_DIRS


@pytest.mark.parametrize("folder", SAMPLE_DIRS, ids=lambda path: path.name)
def test_meta_lists_exactly_the_article_files(folder: Path) -> None:
    meta = _meta(folder)
    assert isinstance(meta["event"], str) and meta["event"].strip()
    listed = set(meta["articles"])
    on_disk = {path.name for path in folder.glob("*.txt")}
    assert listed == on_disk
    for fields in meta["articles"].values():
        assert set(fields) <= {"title", "outlet", "byline", "published", "url"}
        assert all(value is None or isinstance(value, str) for value in fields.values())


@pytest.mark.parametrize("folder", SAMPLE_DIRS, ids=lambda path: path.name)
def test_articles_are_non_empty_utf8(folder: Path) -> None:
    for path in folder.glob("*.txt"):
        text = path.read_bytes().decode("utf-8")
        assert text.strip(), path.name


@pytest.mark.parametrize("name", sorted(SEED_SHA256))
def test_seed_articles_are_unchanged(name: str) -> None:
    assert hashlib.sha256((SEED_DIR / name).read_bytes()).hexdigest() == SEED_SHA256[name]


def test_ecb_sample_is_large_enough_for_the_n_way_view() -> None:
    assert 8 <= len(list(ECB_DIR.glob("*.txt"))) <= 14


def test_ecb_sample_carries_cc_by_attribution() -> None:
    attribution = (ECB_DIR / "ATTRIBUTION").read_text(encoding="utf-8")
    assert "ECB+ corpus, Cybulska & Vossen (LREC 2014), NewsReader project,\nCC BY 3.0" in attribution
    assert "https://creativecommons.org/licenses/by/3.0/" in attribution
    assert "## Changes made" in attribution
    for name in _meta(ECB_DIR)["articles"]:
        assert f"`{name}`" in attribution


def test_ecb_sample_records_outlet_and_url() -> None:
    for name, fields in _meta(ECB_DIR)["articles"].items():
        assert fields["outlet"], name
        assert fields["url"].startswith(("http://", "https://")), name
        assert " " not in fields["url"], name


@pytest.mark.parametrize("path", sorted(ECB_DIR.glob("*.txt")), ids=lambda path: path.name)
def test_ecb_articles_read_like_prose(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    title, _, body = text.partition("\n\n")
    assert "\n" not in title and len(title.split()) <= 15
    assert body.strip()
    assert TOKENIZATION_ARTIFACTS.search(text) is None, TOKENIZATION_ARTIFACTS.search(text)


@pytest.mark.parametrize(
    ("tokenized", "expected"),
    [
        ("Reid 's `` American Pie '' was n't $ 5 , or 5 %", "Reid's \"American Pie\" wasn't $5, or 5%"),
        ("( x ) .", "(x)."),
        ("about 22 , 000 refugees at 2 : 53 p . m . today", "about 22,000 refugees at 2:53 p.m. today"),
        ("a crater about two metres ( 6 . 6 feet ) wide", "a crater about two metres (6.6 feet) wide"),
        ("the U . N . 's World Food Program", "the U.N.'s World Food Program"),
        ("oil - rich Unity State - it denies", "oil-rich Unity State - it denies"),
        ("South Sudan - or Sudan - can ill afford", "South Sudan - or Sudan - can ill afford"),
        ("Plane bombs South Sudan refugee camp - witness", "Plane bombs South Sudan refugee camp - witness"),
        ('laws and regulations , " he told reporters .', 'laws and regulations," he told reporters.'),
        ('" [ The ] team removed the bomb , " according to', '"[The] team removed the bomb," according to'),
        ("11 / 10 / 11 02 : 39 PM ET", "11/10/11 02:39 PM ET"),
        ("it didn ’ t harm", "it didn’t harm"),
    ],
)
def test_detokenizer_restores_prose(script: ModuleType, tokenized: str, expected: str) -> None:
    assert script.detokenize(tokenized) == expected


def test_headline_is_put_before_a_leading_dateline(script: ModuleType) -> None:
    lines = ["11 November 2011 Last updated at 12:41 GMT", "Sudan 'bombs refugees' in Unity state", "Body."]
    assert script.headline_first(lines) == [lines[1], lines[0], lines[2]]
    assert script.headline_first(lines[1:]) == lines[1:]


def test_paragraphs_keep_a_multi_sentence_quotation_together(script: ModuleType) -> None:
    sentences = [
        "A refugee camp was bombed on Thursday, officials said.",
        "Taban Deng accused Sudan of carrying out the attack.",
        '"The refugees need to be safe.',
        "They ran away from war.",
        'They should not be pursued," he said.',
    ]
    paragraphs = script.paragraphs(sentences)
    assert any(" ".join(sentences[2:]) in paragraph for paragraph in paragraphs)
    assert " ".join(paragraphs) == " ".join(sentences)
