"""The aligner's cost grows with the input, not with its square: counted work, never timed."""

from __future__ import annotations

import numpy as np

from compare_tui.core import align as align_module
from compare_tui.core.align import AlignOptions, align
from compare_tui.core.models import Article
from compare_tui.core.passage_vectors import PassageVectors
from compare_tui.core.segment import segment_article

WORDS = [
    "the",
    "minister",
    "said",
    "officials",
    "would",
    "publish",
    "results",
    "after",
    "observers",
    "counted",
]


def _long_article(sentences: int) -> Article:
    """One paragraph of many sentences, without a line break (the shape of a 1 MB single line)."""
    rng = np.random.default_rng(7)
    text = " ".join(
        " ".join(rng.choice(WORDS, size=12)).capitalize() + f" in ward {n} today." for n in range(sentences)
    )
    return segment_article(Article(id="long", source="long.txt", text=text))


def _tiny(n: int) -> Article:
    text = f"Story {n}\n\nOfficials said {n} people voted in district {n % 17} on Monday."
    return segment_article(Article(id=f"t{n}", source=f"t{n}.txt", text=text))


def _short() -> Article:
    text = (
        "Officials said the minister would publish the results on Monday.\n\n"
        "The home side won the football final after a late penalty.\n\n"
        "Heavy rain flooded three streets near the harbour overnight."
    )
    return segment_article(Article(id="short", source="short.txt", text=text))


def _count_cosines(monkeypatch) -> list[tuple[int, int]]:
    """Record every block of cosines the aligner computes, as (rows, columns)."""
    seen: list[tuple[int, int]] = []
    original = PassageVectors.block

    def counting(self, rows, cols):
        seen.append((len(rows), len(cols)))
        return original(self, rows, cols)

    monkeypatch.setattr(PassageVectors, "block", counting)
    return seen


def test_a_long_article_is_never_compared_with_itself(monkeypatch) -> None:
    """One article of 600 sentences beside one of 3: cosines of cross-article pairs (and of the few linked
    passages), not 600 x 600."""
    long, short = _long_article(600), _short()
    assert len(long.segments) >= 600
    seen = _count_cosines(monkeypatch)
    align([long, short])
    computed = sum(r * c for r, c in seen)
    cross = len(long.segments) * len(short.segments)
    assert computed <= 4 * cross, (computed, cross)


def test_pair_evidence_is_bounded_by_the_neighbours(monkeypatch) -> None:
    """Full evidence (the slow signals) for at most `neighbours` pairs per passage."""
    calls = []
    original = align_module.pair_signals

    def counting(*args, **kwargs):
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(align_module, "pair_signals", counting)
    articles = [_tiny(n) for n in range(120)]
    options = AlignOptions(neighbours=5)
    align(articles, options=options)
    passages = sum(len(a.segments) for a in articles)
    assert 0 < len(calls) <= options.neighbours * passages


def test_links_of_a_big_row_grow_linearly() -> None:
    """120 articles saying nearly the same thing: one row, but not 120 x 119 / 2 links."""
    articles = [_tiny(n) for n in range(120)]
    options = AlignOptions()
    rows = align(articles, options=options)
    big = max(rows, key=lambda r: len(r.article_ids()))
    members = sum(len(ids) for ids in big.segments.values())
    assert members > options.all_links
    assert len(big.links) <= options.links_per_passage * members
    linked = {sid for link in big.links for sid in (link.a, link.b)}
    assert linked == {sid for ids in big.segments.values() for sid in ids}
    for link in big.links:
        assert link.a.split(":")[0] != link.b.split(":")[0]


def test_small_rows_still_list_every_pair() -> None:
    articles = [_tiny(n) for n in range(6)]
    for row in align(articles):
        cells = [ids for ids in row.segments.values() if ids]
        expected = sum(len(x) * len(y) for i, x in enumerate(cells) for y in cells[i + 1 :])
        assert len(row.links) == (expected if len(cells) > 1 else 0)
