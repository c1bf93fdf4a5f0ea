"""Shared copy: passages one outlet repeats near-verbatim from another (wire copy).

Ten outlets repeating one wire story are not ten confirmations, so the reports say, for each pair of
articles, how much of one the other repeats word for word. A pair of passages counts as a copy when their
word sequences (folded, case and punctuation ignored) are at least `VERBATIM_RATIO` alike and both are
long enough to carry a fact; the aligner marks such pairs on a row's links, and the shares are counted
from those links.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from compare_tui.core.models import Article, Row
from compare_tui.core.textnorm import fold, tokenize

VERBATIM_RATIO = 0.9
"""Minimum Indel similarity (0..1) of two passages' word sequences for one to count as a copy."""
MIN_COPY_WORDS = 6
"""Shorter passages ("He said.") are alike by chance, not by copying."""
_COUNTED_KINDS = frozenset({"sentence", "quote", "other"})


def words(text: str) -> tuple[str, ...]:
    """A passage's words as compared for copying: folded and lower-cased, punctuation dropped."""
    return lowered(t.text for t in tokenize(fold(text)))


def lowered(token_texts: Iterable[str]) -> tuple[str, ...]:
    """`words()` of a passage from the texts of its folded tokens, when the caller has them."""
    return tuple(text.lower() for text in token_texts)


def copy_ratio(a: str, b: str) -> float:
    """How alike two passages' word sequences are (0..1), typography, case and punctuation aside."""
    # Imported on first use: the app's first frame imports this module, not rapidfuzz.
    from rapidfuzz import fuzz

    return fuzz.ratio(words(a), words(b)) / 100


def is_copy(a: Sequence[str], b: Sequence[str]) -> bool:
    """Whether one word sequence (`words()`) repeats the other near word for word."""
    from rapidfuzz import fuzz

    short, long = sorted((len(a), len(b)))
    # The Indel ratio cannot exceed 2 * short / (short + long): skip pairs whose lengths already rule it out.
    if short < MIN_COPY_WORDS or 2 * short / (short + long) < VERBATIM_RATIO:
        return False
    return fuzz.ratio(a, b, score_cutoff=100 * VERBATIM_RATIO) / 100 >= VERBATIM_RATIO


def is_verbatim(a: str, b: str) -> bool:
    """Whether one passage repeats the other near word for word."""
    return is_copy(words(a), words(b))


@dataclass(frozen=True, slots=True)
class SharedCopy:
    """`copier` repeats `repeated` of the `sentences` passages of `source` near-verbatim."""

    source: str
    copier: str
    repeated: int
    sentences: int

    @property
    def share(self) -> float:
        """The share (0..1) of the source's passages that the copier repeats."""
        return self.repeated / self.sentences if self.sentences else 0.0

    def describe(self, labels: Mapping[str, str]) -> str:
        """One line for a reader, e.g. "HuffPost repeats 62 % of AP's sentences (8 of 13)"."""
        return (
            f"{labels.get(self.copier, self.copier)} repeats {round(100 * self.share)} % of "
            f"{labels.get(self.source, self.source)}'s sentences ({self.repeated} of {self.sentences})"
        )


def shared_copy(articles: Sequence[Article], rows: Sequence[Row]) -> tuple[SharedCopy, ...]:
    """For every ordered pair of articles where one repeats some of the other verbatim, how much of it.

    Headings and titles are not counted; ordered by share, largest first.
    """
    article_of = {s.id: a.id for a in articles for s in a.segments}
    copied: dict[tuple[str, str], set[str]] = {}
    for row in rows:
        for link in row.links:
            if link.verbatim:
                for mine, theirs in ((link.a, link.b), (link.b, link.a)):
                    copied.setdefault((article_of[mine], article_of[theirs]), set()).add(mine)
    counted = {a.id: {s.id for s in a.segments if s.kind in _COUNTED_KINDS} for a in articles}
    found = [
        SharedCopy(source, copier, len(ids & counted[source]), len(counted[source]))
        for (source, copier), ids in copied.items()
        if ids & counted[source]
    ]
    order = [a.id for a in articles]
    return tuple(sorted(found, key=lambda c: (-c.share, order.index(c.source), order.index(c.copier))))
