"""A paragraph of any length reaches pySBD in runs of bounded length (its cost grows with the square of
its text), and the sentences still come out: counted text, never timed."""

from __future__ import annotations

import random

from compare_tui.core import segment
from compare_tui.core.models import Article
from compare_tui.core.segment import segment_article

WORDS = ["the", "minister", "said", "officials", "would", "publish", "results", "in", "no", "a"]


def test_a_long_paragraph_goes_to_pysbd_in_bounded_runs(monkeypatch) -> None:
    rng = random.Random(3)
    # Sentences that end in a figure are no plain sentence ends: all of them go to pySBD.
    sentences = [
        " ".join(rng.choice(WORDS) for _ in range(12)).capitalize() + f" in ward {rng.randint(1, 900)}."
        for _ in range(1200)
    ]
    text = " ".join(sentences)
    assert len(text) > 80_000
    runs: list[int] = []
    real = segment._segmenter()

    class Counting:
        def processor(self, joined: str):
            runs.append(len(joined))
            return real.processor(joined)

    monkeypatch.setattr(segment, "_segmenter", lambda: Counting())
    article = segment_article(Article(id="l", source="l.txt", text=text))
    assert runs and max(runs) <= segment._PYSBD_RUN + 1
    assert sum(runs) >= len(text) - len(runs)  # every character went to pySBD once
    assert len(article.segments) >= 0.9 * len(sentences)
