"""Evidence that two passages report the same thing: the signals the aligner weighs for a pair.

No single signal separates true counterparts from passages that merely share a topic (on the seed events the
cosine of wrong pairs reaches 0.68-0.79). So each pair gets several signals — semantic similarity,
IDF-weighted word overlap (whole passages and their best pair of clauses), shared names, numbers and
quotations — and a logistic combination of them. The weights blend a fit on the sharp dev set ("the same
specific fact", `benchmarks/tune_sharp.py`) with the earlier fit on ECB+ event coreference
(`benchmarks/tune_alignment.py`), so that rows state one fact without losing the ECB+ regression check.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import numpy as np
from rapidfuzz import fuzz

from compare_tui.core import fact_slots
from compare_tui.core.textnorm import fold, tokenize

_QUOTE_RE = re.compile(r'"([^"\n]{12,}?)"')
_CLAUSE_BREAK_RE = re.compile(
    r"(?:[,;:]\s+|\s+-+\s+|\s+(?=(?:but|while|whereas|although|though|which|and yet)\s))"
)
_MIN_CLAUSE_WORDS = 4
_SUFFIXES = (("ings", ""), ("ing", ""), ("ies", "y"), ("ied", "y"), ("ed", ""), ("ly", ""), ("s", ""))


@cache
def stopwords() -> frozenset[str]:
    """Function words that are no evidence of a shared fact (lexicons/stopwords.txt)."""
    text = resources.files("compare_tui.core.lexicons").joinpath("stopwords.txt").read_text("utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#") for w in line.split())


@cache
def stem(word: str) -> str:
    """A crude, consistent English stem: enough to match 'guarantees' with 'guarantee', 'signed' with 'sign'."""
    word = word.lower()
    word = word.removesuffix("'s")
    word = word.replace("'", "")
    for suffix, replacement in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            word = word[: -len(suffix)] + replacement
            break
    trimmed = word.rstrip("e")
    return trimmed if len(trimmed) >= 3 else word


def clauses(text: str) -> list[str]:
    """A passage cut at clause boundaries, short pieces glued to their neighbour.

    Long sentences often carry two facts ("France and the UK agreed to send troops … but Trump has not
    signed off"); comparing clauses finds the one that another outlet reports on its own.
    """
    pieces: list[str] = []
    for piece in _CLAUSE_BREAK_RE.split(text):
        if pieces and (len(piece.split()) < _MIN_CLAUSE_WORDS or len(pieces[-1].split()) < _MIN_CLAUSE_WORDS):
            pieces[-1] = f"{pieces[-1]} {piece}"
        elif piece.strip():
            pieces.append(piece)
    return pieces or [text]


@dataclass(frozen=True, slots=True)
class PassageProfile:
    """What the pair signals need of one passage, computed once per passage."""

    stems: frozenset[str]
    names: frozenset[str]
    numbers: frozenset[str]
    quotes: tuple[str, ...]
    text: str
    clause_stems: tuple[frozenset[str], ...] = ()
    content_stems: frozenset[str] = frozenset()
    """Stems of what the passage reports, its attribution ("X said") left out (`fact_slots.content`)."""
    acts: tuple[str, ...] = ()
    """Likely verbs of that content (`fact_slots.acts`)."""
    times: Mapping[str, frozenset[str]] = field(default_factory=dict)
    places: frozenset[str] = frozenset()
    """Stems of the places it names after "in", "at", ... (`fact_slots.places`)."""


def profile(text: str, words: Sequence[str] | None = None) -> PassageProfile:
    """Content-word stems, names, numbers and quotations of a passage (matched on its folded copy), and the
    slots of what it reports (`fact_slots`).

    `words` are the texts of the folded passage's tokens when the caller has them (`TextTokens.texts_in`)."""
    folded = fold(text)
    stop = stopwords()
    stems: set[str] = set()
    names: set[str] = set()
    numbers: set[str] = set()
    if words is None:
        words = [token.text for token in tokenize(folded)]
    for index, word in enumerate(words):
        lower = word.lower()
        if any(ch.isdigit() for ch in word):
            numbers.add(lower.replace(",", "").lstrip("$€£¥"))
            stems.add(lower)
            continue
        if lower in stop or len(lower) < 2:
            continue
        stems.add(stem(lower))
        if word[0].isupper() and (index > 0 or word.isupper()) and len(word) > 1:
            names.add(stem(lower.split("'")[0]))
    quotes = tuple(q.strip().lower() for q in _QUOTE_RE.findall(folded) if len(q.split()) >= 3)
    pieces = clauses(folded)
    clause_stems = tuple(_stems(p) for p in pieces) if len(pieces) > 1 else (frozenset(stems),)
    reported = fact_slots.content(text)
    return PassageProfile(
        frozenset(stems),
        frozenset(names),
        frozenset(numbers),
        quotes,
        folded.lower(),
        clause_stems,
        content_stems=_stems(reported),
        acts=fact_slots.acts(reported),
        times=fact_slots.times(text),
        places=frozenset(stem(w) for place in fact_slots.places(text) for w in place),
    )


def _stems(text: str) -> frozenset[str]:
    """Content-word stems of a piece of folded text (numbers kept as written)."""
    stop = stopwords()
    out = set()
    for token in tokenize(text):
        lower = token.text.lower()
        if any(ch.isdigit() for ch in lower):
            out.add(lower)
        elif lower not in stop and len(lower) >= 2:
            out.add(stem(lower))
    return frozenset(out)


def idf_weights(profiles: Iterable[PassageProfile]) -> dict[str, float]:
    """Inverse document frequency of each stem over the passages of one comparison (rare = informative)."""
    counts: Counter[str] = Counter()
    total = 0
    for p in profiles:
        counts.update(p.stems)
        total += 1
    return {s: math.log((total + 1) / (c + 0.5)) for s, c in counts.items()}


@dataclass(frozen=True, slots=True)
class PairSignals:
    """The evidence for one pair of passages, each signal in 0..1."""

    semantic: float
    clause: float
    lexical: float
    containment: float
    names: float
    numbers: float
    quote: float
    clause_containment: float = 0.0
    content: float = 0.0
    """Word overlap of what the two report, attributions left out."""
    act: float = 0.0
    """How alike the verbs of what they report are (static word vectors)."""
    place: float = 0.0
    """1 when both name a place and share one."""
    time: float = 0.0
    """1 when both state a time of one kind and one agrees."""

    def as_dict(self) -> dict[str, float]:
        """Signals by name, for reports and the details view."""
        return {
            "semantic": self.semantic,
            "clause": self.clause,
            "lexical": self.lexical,
            "containment": self.containment,
            "names": self.names,
            "numbers": self.numbers,
            "quote": self.quote,
            "clause_containment": self.clause_containment,
            "content": self.content,
            "act": self.act,
            "place": self.place,
            "time": self.time,
        }


def mass(p: PassageProfile, idf: Mapping[str, float]) -> float:
    """The IDF weight of all of a passage's stems."""
    return sum(idf.get(s, 0.0) for s in p.stems)


def pair_signals(
    p: PassageProfile,
    q: PassageProfile,
    *,
    cosine: float,
    clause_cosine: float,
    idf: Mapping[str, float],
    masses: tuple[float, float] | None = None,
    content_masses: tuple[float, float] | None = None,
    act: float = 0.0,
) -> PairSignals:
    """All signals for one pair; the cosines (whole passages, best pair of clauses) come from embeddings.

    `masses` and `content_masses` are the two passages' `mass()` and `content_mass()`, when the caller has
    them precomputed; `act` is the pair's `act_similarities` value (it needs word vectors).
    """
    w_shared = sum(idf.get(s, 0.0) for s in p.stems & q.stems)
    w_p, w_q = masses if masses is not None else (mass(p, idf), mass(q, idf))
    lexical = 2 * w_shared / (w_p + w_q) if w_p + w_q else 0.0
    smaller = min(w_p, w_q)
    # Containment of the smaller passage, damped for tiny ones ("Zelensky said:" is contained in everything).
    containment = (w_shared / smaller) * min(1.0, smaller / 12.0) if smaller else 0.0
    names = min(len(p.names & q.names), 3) / 3
    numbers = min(len(p.numbers & q.numbers), 2) / 2
    return PairSignals(
        semantic=max(0.0, float(cosine)),
        clause=max(0.0, float(clause_cosine)),
        lexical=lexical,
        containment=containment,
        names=names,
        numbers=numbers,
        quote=_shared_quote(p, q),
        clause_containment=_clause_containment(p, q, idf) if w_shared else 0.0,
        content=_content_overlap(p, q, idf, content_masses),
        act=act,
        place=float(bool(p.places & q.places)),
        time=_same_time(p, q),
    )


def _same_time(p: PassageProfile, q: PassageProfile) -> float:
    """1 when the two passages state a time of one kind and agree on one value of it."""
    if not p.times or not q.times:
        return 0.0
    return float(any(p.times[k] & q.times[k] for k in fact_slots.TIME_KINDS if k in p.times and k in q.times))


def content_mass(p: PassageProfile, idf: Mapping[str, float]) -> float:
    """The IDF weight of the stems of what a passage reports (`PassageProfile.content_stems`)."""
    return sum(idf.get(s, 0.0) for s in p.content_stems)


def _content_overlap(
    p: PassageProfile, q: PassageProfile, idf: Mapping[str, float], masses: tuple[float, float] | None
) -> float:
    """IDF-weighted Dice overlap of what the two passages report."""
    shared = p.content_stems & q.content_stems
    if not shared:
        return 0.0
    w_p, w_q = masses if masses is not None else (content_mass(p, idf), content_mass(q, idf))
    return 2 * sum(idf.get(s, 0.0) for s in shared) / (w_p + w_q) if w_p + w_q else 0.0


def act_similarities(
    pairs: Sequence[tuple[int, int]], acts: Sequence[Sequence[int]], vectors: np.ndarray, *, chunk: int = 8192
) -> np.ndarray:
    """How alike the acts of each pair of passages are: each act's best cosine among the other passage's
    acts, averaged, the lower of the two directions (one shared verb among many different ones counts
    little); 0 when either has no act. `acts[i]` are passage i's acts as rows of `vectors` (unit vectors).

    All pairs at once: one cosine per (act, act) of each pair, then the maxima and means by `reduceat`
    (a numpy call per pair would cost more than the rest of the pair's evidence)."""
    out = np.zeros(len(pairs))
    if not len(pairs):
        return out
    counts = np.array([len(a) for a in acts], dtype=np.intp)
    first = run_starts(counts)
    flat = np.array([x for a in acts for x in a], dtype=np.intp)
    ends = np.array(pairs, dtype=np.intp).reshape(-1, 2)
    la, lb = counts[ends[:, 0]], counts[ends[:, 1]]
    keep = np.flatnonzero((la > 0) & (lb > 0))
    if not len(keep):
        return out
    la, lb, i, j = la[keep], lb[keep], ends[keep, 0], ends[keep, 1]
    size = la * lb
    start = run_starts(size)
    offset = np.arange(int(size.sum()), dtype=np.intp) - np.repeat(start, size)
    rep_lb, rep_la = np.repeat(lb, size), np.repeat(la, size)
    a_pos, b_pos = offset // rep_lb, offset % rep_lb
    a_row = flat[np.repeat(first[i], size) + a_pos]
    b_row = flat[np.repeat(first[j], size) + b_pos]
    cosine = np.empty(len(offset), dtype=np.float32)
    for c in range(0, len(offset), chunk):
        cosine[c : c + chunk] = np.einsum(
            "ij,ij->i", vectors[a_row[c : c + chunk]], vectors[b_row[c : c + chunk]]
        )
    # a -> b: entries run pair by pair, act of a by act of a, over b's acts: groups of lb.
    best_a = np.maximum.reduceat(cosine, _group_starts(la, lb))
    forward = np.add.reduceat(best_a, run_starts(la)) / la
    # b -> a: the same cosines reordered act of b by act of b: groups of la.
    swapped = np.empty_like(cosine)
    swapped[np.repeat(start, size) + b_pos * rep_la + a_pos] = cosine
    best_b = np.maximum.reduceat(swapped, _group_starts(lb, la))
    backward = np.add.reduceat(best_b, run_starts(lb)) / lb
    out[keep] = np.maximum(0.0, np.minimum(forward, backward))
    return out


def _group_starts(outer: np.ndarray, inner: np.ndarray) -> np.ndarray:
    """Where each group of `inner` entries starts when each pair has `outer` such groups, pairs in a row."""
    return run_starts(np.repeat(inner, outer))


def run_starts(counts: np.ndarray) -> np.ndarray:
    """Where each run starts in a flat array of runs of `counts` entries, one after another."""
    return np.concatenate(([0], np.cumsum(counts)[:-1])).astype(np.intp)


def _clause_containment(p: PassageProfile, q: PassageProfile, idf: Mapping[str, float]) -> float:
    """The best containment between a clause of one passage and a clause of the other.

    A long sentence often carries two facts; another outlet may report one of them on its own, and then
    the shared words are most of that clause ("... but Trump has not formally signed off").
    """
    if len(p.clause_stems) == 1 and len(q.clause_stems) == 1:
        return _containment(p.clause_stems[0], q.clause_stems[0], idf)
    return max(_containment(a, b, idf) for a in p.clause_stems for b in q.clause_stems)


def _containment(a: frozenset[str], b: frozenset[str], idf: Mapping[str, float]) -> float:
    """IDF weight shared by two sets of stems over the smaller one's, damped for tiny sets."""
    shared = a & b
    if not shared:
        return 0.0
    smaller = min(sum(idf.get(s, 0.0) for s in a), sum(idf.get(s, 0.0) for s in b))
    return sum(idf.get(s, 0.0) for s in shared) / smaller * min(1.0, smaller / 12.0) if smaller else 0.0


def _shared_quote(p: PassageProfile, q: PassageProfile) -> float:
    if not p.quotes and not q.quotes:
        return 0.0
    best = 0.0
    for quote, other in [*((x, q.text) for x in p.quotes), *((x, p.text) for x in q.quotes)]:
        best = max(best, fuzz.partial_ratio(quote, other, score_cutoff=80) / 100)
    return best


@dataclass(frozen=True, slots=True)
class Weights:
    """Logistic weights of the pair score: 0.35 x the sharp dev fit + 0.65 x the ECB+ fit (tune_sharp); the
    slot signals (content, act, place, time) have the sharp share of their fit only. With the content
    overlap in, the whole-passage overlap weighs less: words shared only in the attribution ("said the
    agency's spokesman") are no evidence of one fact. The negative place weight is a fitted correction, not
    a rule: among pairs that share words, a shared place name is mostly the shared setting."""

    bias: float = -3.00
    semantic: float = 1.38
    clause: float = 1.84
    lexical: float = 1.59
    containment: float = 2.65
    names: float = -0.08
    numbers: float = 1.44
    quote: float = 0.87
    clause_containment: float = 0.32
    content: float = 1.44
    act: float = 0.45
    place: float = -0.79
    time: float = 0.22

    def semantic_score(self, cosine: np.ndarray, clause_cosine: np.ndarray) -> np.ndarray:
        """The score of every pair from its embeddings alone (the other signals taken as absent)."""
        z = self.bias + self.semantic * np.maximum(cosine, 0) + self.clause * np.maximum(clause_cosine, 0)
        return (1.0 / (1.0 + np.exp(-z))).astype(np.float32)

    def score(self, s: PairSignals) -> float:
        """Probability-like evidence (0..1) that the pair reports the same thing."""
        z = (
            self.bias
            + self.semantic * s.semantic
            + self.clause * s.clause
            + self.lexical * s.lexical
            + self.containment * s.containment
            + self.names * s.names
            + self.numbers * s.numbers
            + self.quote * s.quote
            + self.clause_containment * s.clause_containment
            + self.content * s.content
            + self.act * s.act
            + self.place * s.place
            + self.time * s.time
        )
        return 1.0 / (1.0 + math.exp(-z))


DEFAULT_WEIGHTS = Weights()


def mean_signals(signals: Sequence[PairSignals]) -> dict[str, float]:
    """Average of each signal over several pairs (a row's evidence)."""
    if not signals:
        return {}
    names = signals[0].as_dict().keys()
    return {n: sum(s.as_dict()[n] for s in signals) / len(signals) for n in names}
