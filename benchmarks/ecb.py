"""The ECB+ dev clusters of `shared/eval/ecbplus-dev.jsonl` as compare-tui articles, with their gold pairs.

Shared by the evaluation, the tuning and the speed benchmarks. The text stays tokenized as in ECB+; the URL
line of `ecbplus` documents is dropped (it is not article text) and every offset is moved with it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from compare_tui.core.models import Article

DEFAULT_PATH = Path(__file__).resolve().parents[2] / "shared" / "eval" / "ecbplus-dev.jsonl"


@dataclass(frozen=True, slots=True)
class Sentence:
    """An annotated ECB+ sentence: its document and span in that document's article text."""

    doc: str
    sid: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class EcbEvent:
    """One event: its articles, annotated sentences and the gold aligned pairs."""

    event_id: str
    articles: tuple[Article, ...]
    sentences: tuple[Sentence, ...]
    aligned: frozenset[frozenset[tuple[str, int]]]

    def candidate_pairs(self) -> Iterator[tuple[Sentence, Sentence, bool]]:
        """Every pair of annotated sentences of different documents, with its gold label."""
        for i, x in enumerate(self.sentences):
            for y in self.sentences[i + 1 :]:
                if x.doc != y.doc:
                    yield x, y, frozenset({(x.doc, x.sid), (y.doc, y.sid)}) in self.aligned

    def text_of(self, sentence: Sentence) -> str:
        """The literal text of an annotated sentence."""
        article = next(a for a in self.articles if a.id == sentence.doc)
        return article.text[sentence.start : sentence.end]


def _event(raw: dict) -> EcbEvent:
    articles: list[Article] = []
    sentences: list[Sentence] = []
    for doc in raw["articles"]:
        text = doc["text"]
        shift = 0
        if text.startswith("http"):
            shift = text.index("\n") + 1 if "\n" in text else len(text)
        articles.append(Article(id=doc["id"], source=doc["id"], text=text[shift:], outlet=doc.get("outlet")))
        for s in doc["sentences"]:
            if s["annotated"] and s["start"] >= shift:
                sentences.append(Sentence(doc["id"], s["sid"], s["start"] - shift, s["end"] - shift))
    aligned = frozenset(frozenset({tuple(p["a"]), tuple(p["b"])}) for p in raw["aligned_pairs"])
    return EcbEvent(raw["event_id"], tuple(articles), tuple(sentences), aligned)


def load_events(path: Path = DEFAULT_PATH) -> list[EcbEvent]:
    """All events of the dev file."""
    with path.open(encoding="utf-8") as handle:
        return [_event(json.loads(line)) for line in handle if line.strip()]
