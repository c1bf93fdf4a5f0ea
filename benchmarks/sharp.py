"""The sharp dev set (`sharp-dev.json`: "the same specific fact") loaded and scored in-process.

The scoring functions are the ones of the shared `score_sharp.py` (imported from the eval folder), so the
numbers here are the numbers that script prints; running in-process only saves the subprocess per event.
"""

from __future__ import annotations

import importlib.util
import json
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np

import compare_tui.core.align as align_module
from compare_tui.core.align import pair_signals_of
from compare_tui.core.comparison import Comparison
from compare_tui.core.embeddings import encode
from compare_tui.core.loading import load_sources
from compare_tui.core.models import Article, Row
from compare_tui.core.passage_vectors import PassageVectors
from compare_tui.core.segment import segment_article


def scorer_module(eval_dir: Path) -> ModuleType:
    """The shared `score_sharp.py`, imported as a module."""
    spec = importlib.util.spec_from_file_location("score_sharp", eval_dir / "score_sharp.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass(frozen=True)
class SharpEvent:
    """One event: the gold record and its articles loaded and segmented as `compare-tui report` does."""

    raw: dict[str, Any]
    articles: tuple[Article, ...]

    @property
    def event_id(self) -> str:
        return self.raw["event_id"]


def load_events(eval_dir: Path) -> list[SharpEvent]:
    """Every event, each article written as `score_sharp.py` writes it and loaded by the real loader."""
    data = json.loads((eval_dir / "sharp-dev.json").read_text(encoding="utf-8"))
    events = []
    for raw in data["events"]:
        with tempfile.TemporaryDirectory() as tmp:
            paths = []
            for k, a in enumerate(raw["articles"]):
                p = Path(tmp) / f"{k + 1:02d}_{(a['outlet'] or a['id']).replace('/', '_')}.txt"
                p.write_text(((a["title"] + "\n\n") if a["title"] else "") + a["body"], encoding="utf-8")
                paths.append(p)
            loaded = load_sources(paths)
        assert not loaded.errors, loaded.errors
        events.append(SharpEvent(raw, tuple(segment_article(a) for a in loaded.articles)))
    return events


Counts = dict[str, list[int]]


def score(scorer: ModuleType, event: SharpEvent, rows: tuple[Row, ...], show: int = 0) -> Counts:
    """`score_sharp.score_event` counts for one event's rows."""
    report = Comparison(articles=event.articles, rows=rows).to_dict()
    return scorer.score_event(event.raw, report, show)


def add(total: Counts, counts: Counts) -> Counts:
    """Counts summed key by key."""
    return {k: [a + b for a, b in zip(total.get(k, [0, 0, 0]), counts[k])] for k in counts}


def prf(counts: list[int]) -> tuple[float, float, float]:
    """Precision, recall, F1 from [tp, fp, fn]."""
    tp, fp, fn = counts
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def segment_gold(scorer: ModuleType, event: SharpEvent) -> set[frozenset[str]]:
    """Gold aligned pairs mapped to segment ids (a segment pair is aligned if any sentence pair on it is)."""
    pairs, _, _ = scorer.gold_sets(event.raw)
    keys: dict[tuple[str, int], list[str]] = {}
    for a, art in zip(event.raw["articles"], event.articles):
        report_segments = [{"id": s.id, "start": s.start, "end": s.end} for s in art.segments]
        cursor = 0
        for s in a["sentences"]:
            sp = scorer.find_span(art.text, s["text"], cursor) or scorer.find_span(art.text, s["text"])
            if sp:
                cursor = sp[1]
            keys[(a["id"], s["sid"])] = scorer.segments_of(sp, report_segments)
    out = set()
    for pair in pairs:
        x, y = tuple(pair)
        for i in keys[x]:
            for j in keys[y]:
                out.add(frozenset((i, j)))
    return out


@dataclass(frozen=True)
class PairTable:
    """Every cross-article segment pair of one event that the gold speaks about: the passages' texts, the
    pairs (indices into `texts`), the aligner's signals (`PairSignals` order) and the gold labels."""

    texts: tuple[str, ...]
    pairs: tuple[tuple[int, int], ...]
    signals: np.ndarray
    labels: np.ndarray


def pair_table(event: SharpEvent, scorer: ModuleType) -> PairTable:
    """The aligner's pair signals and gold labels of every cross-article segment pair.

    Computed as `align` computes them (IDF over the comparison's passages, whole and clause cosines);
    segments that no gold sentence maps to (titles) are left out: the gold says nothing about them.
    """
    passages = [(k, s) for k, a in enumerate(event.articles) for s in a.segments]
    texts = [event.articles[k].segment_text(s) for k, s in passages]
    everything = range(len(texts))
    cosine, clause_cosine = PassageVectors(texts, encode).block(everything, everything)
    gold = segment_gold(scorer, event)
    mapped = _mapped_segments(scorer, event)
    pairs = [
        (i, j)
        for i in range(len(passages))
        for j in range(i + 1, len(passages))
        if passages[i][0] != passages[j][0] and {passages[i][1].id, passages[j][1].id} <= mapped
    ]
    cosines = {(i, j): (float(cosine[i, j]), float(clause_cosine[i, j])) for i, j in pairs}
    signals = pair_signals_of(texts, cosines)
    rows = [list(signals[pair].as_dict().values()) for pair in pairs]
    labels = [frozenset((passages[i][1].id, passages[j][1].id)) in gold for i, j in pairs]
    return PairTable(
        tuple(texts),
        tuple(pairs),
        np.array(rows, dtype=np.float64).reshape(len(pairs), -1),
        np.array(labels, dtype=np.float64),
    )


def pair_features(event: SharpEvent, scorer: ModuleType) -> tuple[np.ndarray, np.ndarray]:
    """`pair_table`'s signals and labels (what the weight fit needs)."""
    table = pair_table(event, scorer)
    return table.signals, table.labels


def _mapped_segments(scorer: ModuleType, event: SharpEvent) -> set[str]:
    """Segments that some gold sentence maps to."""
    out: set[str] = set()
    for a, art in zip(event.raw["articles"], event.articles):
        segments = [{"id": s.id, "start": s.start, "end": s.end} for s in art.segments]
        for s in a["sentences"]:
            out.update(scorer.segments_of(scorer.find_span(art.text, s["text"]), segments))
    return out


@contextmanager
def memoised_signals() -> Iterator[None]:
    """The aligner's pair signals computed once per (passages, pairs) while this runs: a refit scores the
    same events' rows under many weights, and the signals do not depend on the weights."""
    shipped = align_module.pair_signals_of
    memo: dict[tuple, dict] = {}

    def memoised(texts, cosines, encode=None, *, words=None):
        key = (tuple(texts), tuple(cosines))
        if key not in memo:
            memo[key] = shipped(texts, cosines, encode, words=words)
        return memo[key]

    align_module.pair_signals_of = memoised
    try:
        yield
    finally:
        align_module.pair_signals_of = shipped
