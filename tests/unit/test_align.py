"""The aligner: rows that report the same thing, every segment in exactly one row, no chaining."""

from __future__ import annotations

import math

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from compare_tui.core.align import AlignOptions, _cluster, _strict_cluster, align, log_odds
from compare_tui.core.models import Article
from compare_tui.core.segment import segment_article


def _article(article_id: str, *paragraphs: str) -> Article:
    text = "\n\n".join(paragraphs)
    return segment_article(Article(id=article_id, source=f"{article_id}.txt", text=text))


def _row_of(rows, segment_text: str, article: Article) -> str:
    for seg in article.segments:
        if segment_text in article.segment_text(seg):
            return next(r.id for r in rows if seg.id in r.segments.get(article.id, ()))
    raise AssertionError(f"{segment_text!r} not found")


A = _article(
    "a",
    "The city council approved a budget of 40 million dollars for new schools on Monday.",
    "Mayor Jane Porter said the vote was a victory for families.",
    "Heavy rain flooded three streets in the harbour district overnight.",
)
B = _article(
    "b",
    "Flooding hit three streets near the harbour after a night of heavy rain.",
    "On Monday the council voted through 40 million dollars for building new schools.",
    "The local football team won its third match in a row.",
)


def test_every_segment_in_exactly_one_row() -> None:
    rows = align([A, B])
    seen = [sid for r in rows for ids in r.segments.values() for sid in ids]
    assert sorted(seen) == sorted(s.id for art in (A, B) for s in art.segments)
    assert len(seen) == len(set(seen))


def test_reordered_paraphrases_share_rows() -> None:
    rows = align([A, B])
    assert _row_of(rows, "budget of 40 million", A) == _row_of(rows, "voted through 40 million", B)
    assert _row_of(rows, "Heavy rain flooded", A) == _row_of(rows, "Flooding hit three streets", B)


def test_unrelated_passages_stay_unique() -> None:
    rows = align([A, B])
    football = next(r for r in rows if _row_of(rows, "football team", B) == r.id)
    assert football.status == "unique" and football.article_ids() == ("b",)
    mayor = next(r for r in rows if _row_of(rows, "Mayor Jane Porter", A) == r.id)
    assert mayor.article_ids() == ("a",)


def test_rows_carry_score_and_signals() -> None:
    rows = align([A, B])
    matched = [r for r in rows if r.status != "unique"]
    assert matched
    for row in matched:
        assert 0.0 < row.score <= 1.0
        assert {"semantic", "lexical", "names", "numbers", "quote"} <= set(row.signals)


def test_reference_article_sets_row_order() -> None:
    rows = align([A, B], reference="b")
    order = [_row_of(rows, text, B) for text in ("Flooding hit", "council voted", "football team")]
    positions = [next(i for i, r in enumerate(rows) if r.id == rid) for rid in order]
    assert positions == sorted(positions)
    assert [r.id for r in rows] == [f"r{i}" for i in range(len(rows))]


def test_deterministic() -> None:
    assert align([A, B]) == align([A, B])


def test_headings_and_fragments_are_never_linked() -> None:
    a = _article(
        "a", "Talks in Paris", "The talks in Paris ended without a signed agreement on troops.", "He said:"
    )
    b = _article(
        "b",
        "Talks in Paris",
        "Negotiators in Paris ended their talks with no signed troop agreement.",
        "He said:",
    )
    rows = align([a, b])
    for fragment in ("He said:",):
        assert _row_of(rows, fragment, a) != _row_of(rows, fragment, b)
    assert _row_of(rows, "ended without a signed", a) == _row_of(rows, "ended their talks", b)


def test_a_promiscuous_passage_does_not_glue_unrelated_rows() -> None:
    """C's summary sentence resembles both A's and B's facts; A's and B's facts must not end up together."""
    a = _article("a", "The factory in Leeds will close in March, putting 300 jobs at risk.")
    b = _article("b", "Hospital waiting lists in Wales rose to a record 790,000 patients.")
    c = _article(
        "c",
        "Factory closures in Leeds and record hospital waiting lists in Wales dominated the week's news.",
    )
    rows = align([a, b, c])
    assert _row_of(rows, "factory in Leeds", a) != _row_of(rows, "waiting lists in Wales", b)


def test_empty_input() -> None:
    assert align([]) == ()
    assert align([Article(id="x", source="x", text="")]) == ()


def test_links_list_every_cross_article_pair_and_flag_weak_ones() -> None:
    rows = align([A, B], threshold=0.5)
    for row in rows:
        cells = [ids for ids in row.segments.values() if ids]
        expected = sum(len(x) * len(y) for i, x in enumerate(cells) for y in cells[i + 1 :])
        assert len(row.links) == expected
        for link in row.links:
            assert link.a.split(":")[0] != link.b.split(":")[0]
            assert link.weak == (link.score < 0.5)
            assert {link.a, link.b} <= {sid for ids in row.segments.values() for sid in ids}


def test_rows_hold_no_pair_far_below_the_threshold() -> None:
    for threshold in (0.3, 0.5, 0.7):
        for row in align([A, B], threshold=threshold):
            if row.links:
                assert min(link.score for link in row.links) >= threshold - AlignOptions().floor - 1e-4
                assert sum(link.score for link in row.links) / len(row.links) >= threshold - 1e-4


STRICT = AlignOptions(strict=True)


def _links_of(score: np.ndarray, owner: np.ndarray, threshold: float) -> list[tuple[float, int, int]]:
    n = len(owner)
    pairs = [(float(score[i, j]), i, j) for i in range(n) for j in range(i + 1, n) if owner[i] != owner[j]]
    return sorted((p for p in pairs if p[0] >= threshold), key=lambda t: (-t[0], t[1], t[2]))


class _Dense:
    """The scores of every pair from one matrix, as the aligner's `_Scores.block` serves them."""

    def __init__(self, score: np.ndarray) -> None:
        self.score = score

    def block(self, rows: list[int], cols: list[int]) -> np.ndarray:
        return self.score[np.ix_(rows, cols)]


def _groups(clusters: list[list[int]]) -> list[list[int]]:
    return sorted(sorted(c) for c in clusters)


def test_strict_rows_let_one_strongly_different_pair_veto_a_row() -> None:
    """0 ~ 1 and 1 ~ 2 match well (0.9), 0 and 2 clearly differ (0.3): the mean of the three (0.7) clears
    0.5, so standard rows hold all three; their summed log-odds against the strict cut (0.5 + cohesion
    0.3) do not, so strict rows split — until the two good pairs are strong enough (0.99) to outweigh it."""
    owner = np.array([0, 1, 2])
    score = np.array([[1.0, 0.9, 0.3], [0.9, 1.0, 0.9], [0.3, 0.9, 1.0]])
    links = _links_of(score, owner, 0.5)
    strict = AlignOptions(strict=True, cohesion=0.3)
    assert _groups(_cluster(owner, links, _Dense(score), threshold=0.5, options=AlignOptions())) == [
        [0, 1, 2]
    ]
    assert _groups(_strict_cluster(owner, links, _Dense(score), threshold=0.5, options=strict)) == [
        [0, 1],
        [2],
    ]
    score[0, 1] = score[1, 0] = score[1, 2] = score[2, 1] = 0.99
    links = _links_of(score, owner, 0.5)
    assert _groups(_strict_cluster(owner, links, _Dense(score), threshold=0.5, options=strict)) == [[0, 1, 2]]


def test_standard_rows_keep_out_a_passage_that_matches_one_member_only() -> None:
    """Passages 0, 1 and 2 of one article all match 3 of another (0.8-0.9); 4, of that other article, matches
    0 well (0.7) but 1 and 2 hardly (0.2). The row's mean would stay at 0.6, yet 4's own mean is 0.37, more
    than `member_floor` below the threshold: it stays out of the row, which keeps its place for a passage
    that matches the whole row."""
    owner = np.array([0, 0, 0, 1, 1])
    score = np.full((5, 5), 0.2)
    score[3, :3] = score[:3, 3] = [0.9, 0.8, 0.8]
    score[4, 0] = score[0, 4] = 0.7
    links = _links_of(score, owner, 0.5)
    assert _groups(_cluster(owner, links, _Dense(score), threshold=0.5, options=AlignOptions())) == [
        [0, 1, 2, 3],
        [4],
    ]
    loose = AlignOptions(member_floor=0.2)
    assert _groups(_cluster(owner, links, _Dense(score), threshold=0.5, options=loose)) == [[0, 1, 2, 3, 4]]


scored_passages = st.integers(2, 9).flatmap(
    lambda n: st.tuples(
        st.lists(st.integers(0, 2), min_size=n, max_size=n),
        st.lists(st.floats(0.0, 1.0), min_size=n * n, max_size=n * n),
        st.sampled_from([0.3, 0.5, 0.7]),
    )
)
"""Passages of up to three articles, a symmetric score per pair (from n x n draws) and a threshold."""


def _symmetric(case: tuple[list[int], list[float], float]) -> tuple[np.ndarray, np.ndarray, float]:
    """The owners, the symmetric score matrix and the threshold of one `scored_passages` draw."""
    owners, values, threshold = case
    raw = np.array(values).reshape(len(owners), len(owners))
    return np.array(owners), (raw + raw.T) / 2, threshold


@settings(deadline=None, max_examples=80)
@given(scored_passages)
def test_standard_rows_keep_every_member_near_the_threshold_on_average(
    case: tuple[list[int], list[float], float],
) -> None:
    owner, score, threshold = _symmetric(case)
    n = len(owner)
    options = AlignOptions()
    clusters = _cluster(
        owner, _links_of(score, owner, threshold), _Dense(score), threshold=threshold, options=options
    )
    assert sorted(m for c in clusters for m in c) == list(range(n))
    for members in clusters:
        assert max(np.bincount(owner[members])) <= options.max_per_article
        if len(members) > 1:
            for m in members:
                others = [score[m, o] for o in members if owner[o] != owner[m]]
                assert np.mean(others) >= threshold - options.member_floor - 1e-9


def test_log_odds_is_finite_monotone_and_centred() -> None:
    values = log_odds(np.array([0.0, 0.25, 0.5, 0.75, 1.0]))
    assert np.all(np.isfinite(values)) and np.all(np.diff(values) > 0)
    assert values[2] == 0.0 and math.isclose(values[1], -values[3])


@settings(deadline=None, max_examples=80)
@given(scored_passages)
def test_strict_rows_keep_positive_log_odds_the_floor_and_the_cap(
    case: tuple[list[int], list[float], float],
) -> None:
    owner, score, threshold = _symmetric(case)
    n = len(owner)
    clusters = _strict_cluster(
        owner, _links_of(score, owner, threshold), _Dense(score), threshold=threshold, options=STRICT
    )
    assert sorted(m for c in clusters for m in c) == list(range(n))
    cut = threshold + STRICT.cohesion
    for members in clusters:
        assert max(np.bincount(owner[members])) <= STRICT.max_per_article
        if len(members) > 1:
            pairs = np.array(
                [score[a, b] for k, a in enumerate(members) for b in members[k + 1 :] if owner[a] != owner[b]]
            )
            assert pairs.min() >= threshold - STRICT.floor
            assert (log_odds(pairs) - math.log(cut / (1 - cut))).sum() > 0


def test_strict_rows_on_real_text_keep_paraphrases_and_split_unrelated() -> None:
    rows = align([A, B], options=STRICT)
    assert _row_of(rows, "budget of 40 million", A) == _row_of(rows, "voted through 40 million", B)
    assert _row_of(rows, "Mayor Jane Porter", A) != _row_of(rows, "football team", B)
    seen = sorted(sid for r in rows for ids in r.segments.values() for sid in ids)
    assert seen == sorted(s.id for art in (A, B) for s in art.segments)
