"""Act, time, place and figure slots of a sentence as pair signals, for the experiments of pair_evidence.py.

The wrong joins on sharp-dev are mostly one actor's two different acts (a child died / 50 people were
received with injuries, both "said doctor Ema Suryani"; charged / arrested; checked in at Morningside / at
Betty Ford): the speaker's name and the topic fill most of the shared words. The slots of
`compare_tui.core.fact_slots` read what a sentence reports rather than who reports it (its content without
attribution, acts, times, places); this module adds figures by what they count and turns all of them into
the candidate pair signals below, of which the aligner ships four (content overlap, act similarity, place
and time agreement: `similarity.PairSignals`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from compare_tui.core.analysis.quantities import caseless, quantities
from compare_tui.core.embeddings import encode
from compare_tui.core.fact_slots import TIME_KINDS, acts, content, places, times
from compare_tui.core.similarity import idf_weights, profile, stem
from compare_tui.core.textnorm import fold

SIGNALS = (
    "content_lex",  # IDF-weighted overlap (Dice) of the two contents
    "content_cont",  # the same, as containment of the smaller content (damped like `containment`)
    "content_cos",  # cosine of the contents' embeddings
    "act_first_cos",  # word-vector cosine of the two first acts
    "act_first_same",  # the first acts share a stem
    "act_soft",  # each act's best cosine among the other side's acts, mean, the smaller of both sides
    "act_jacc",  # Jaccard of the act stems
    "act_missing",  # one side has no act found
    "time_conflict",  # both state a time of one kind (weekday, date, clock, year) and none agrees
    "time_match",  # both state a time of one kind and one agrees
    "place_conflict",  # both name a place, none shared, neither named anywhere in the other sentence
    "place_match",  # both name a place and share one
    "num_conflict",  # a figure of one unit differs
    "num_match",  # a figure of one unit agrees
)


@dataclass(frozen=True)
class Slots:
    """What one sentence reports: its content without attribution, acts, times, places and figures."""

    content: str
    content_stems: frozenset[str]
    acts: tuple[str, ...]
    times: Mapping[str, frozenset[str]]
    places: frozenset[frozenset[str]]
    figures: Mapping[str, frozenset[str]]
    stems: frozenset[str]


def figures(text: str) -> dict[str, frozenset[str]]:
    """Figures by the stem of what they count ("24 people" -> {"peopl": {"24"}})."""
    folded = fold(text)
    found: dict[str, set[str]] = {}
    for q in quantities(folded, caseless(folded), 0, len(folded)):
        if q.kind != "date" and q.unit:
            found.setdefault(stem(q.unit), set()).add(q.value)
    return {k: frozenset(v) for k, v in found.items()}


def slots(text: str) -> Slots:
    """All slots of one sentence."""
    body = content(text)
    return Slots(
        content=body,
        content_stems=profile(body).stems,
        acts=acts(body),
        times=times(text),
        places=frozenset(frozenset(stem(w) for w in place) for place in places(text)),
        figures=figures(text),
        stems=profile(text).stems,
    )


def _overlap(a: frozenset[str], b: frozenset[str], idf: Mapping[str, float]) -> tuple[float, float]:
    """IDF-weighted Dice and damped containment, as `similarity.pair_signals` weighs words."""
    shared = sum(idf.get(s, 0.0) for s in a & b)
    wa, wb = sum(idf.get(s, 0.0) for s in a), sum(idf.get(s, 0.0) for s in b)
    smaller = min(wa, wb)
    dice = 2 * shared / (wa + wb) if wa + wb else 0.0
    return dice, (shared / smaller * min(1.0, smaller / 12.0) if smaller else 0.0)


def _agreement(
    a: Mapping[str, frozenset[str]], b: Mapping[str, frozenset[str]], kinds
) -> tuple[float, float]:
    """(conflict, match): some kind both state with no value in common / with one in common."""
    both = [k for k in kinds if k in a and k in b]
    return float(any(not a[k] & b[k] for k in both)), float(any(a[k] & b[k] for k in both))


def _places(a: Slots, b: Slots) -> tuple[float, float]:
    if not a.places or not b.places:
        return 0.0, 0.0
    pa, pb = frozenset().union(*a.places), frozenset().union(*b.places)
    if pa & pb:
        return 0.0, 1.0
    return (0.0 if pa & b.stems or pb & a.stems else 1.0), 0.0


class _WordVectors:
    """Static vectors of single words, each encoded once."""

    def __init__(self) -> None:
        self._known: dict[str, np.ndarray] = {}

    def __call__(self, words: Sequence[str]) -> np.ndarray:
        new = [w for w in dict.fromkeys(words) if w not in self._known]
        if new:
            self._known.update(zip(new, encode(new)))
        return np.array([self._known[w] for w in words])


def slot_signals(texts: Sequence[str], pairs: Sequence[tuple[int, int]]) -> np.ndarray:
    """The `SIGNALS` of the given pairs of `texts` (words weighed by IDF over all of `texts`)."""
    info = [slots(t) for t in texts]
    idf = idf_weights(profile(t) for t in texts)
    vectors = encode([s.content for s in info])
    word_vectors = _WordVectors()
    out = np.zeros((len(pairs), len(SIGNALS)))
    for row, (i, j) in enumerate(pairs):
        a, b = info[i], info[j]
        lex, cont = _overlap(a.content_stems, b.content_stems, idf)
        first_cos = first_same = soft = jaccard = 0.0
        missing = 1.0
        if a.acts and b.acts:
            cosines = word_vectors(a.acts) @ word_vectors(b.acts).T
            first_cos = float(cosines[0, 0])
            first_same = float(stem(a.acts[0]) == stem(b.acts[0]))
            soft = max(0.0, min(float(cosines.max(1).mean()), float(cosines.max(0).mean())))
            sa, sb = {stem(v) for v in a.acts}, {stem(v) for v in b.acts}
            jaccard = len(sa & sb) / len(sa | sb)
            missing = 0.0
        out[row] = [
            lex,
            cont,
            float(vectors[i] @ vectors[j]),
            first_cos,
            first_same,
            soft,
            jaccard,
            missing,
            *_agreement(a.times, b.times, TIME_KINDS),
            *_places(a, b),
            *_agreement(a.figures, b.figures, sorted(set(a.figures) & set(b.figures))),
        ]
    return out
