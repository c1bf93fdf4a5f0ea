"""The value types every stage passes on: frozen records with offsets into the untouched article text.

Nothing here knows about terminals or markup. The UI and the exporters render these records; the
pipeline stages (loading, segmentation, alignment, analysis) only ever build new ones.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from compare_tui.core.finding_types import FindingType

SegmentKind = Literal["title", "heading", "sentence", "quote", "caption", "other"]
RowStatus = Literal["match", "partial", "unique"]


@dataclass(frozen=True, slots=True)
class Removed:
    """A line dropped from the compared text, kept so that nothing is lost silently."""

    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class Segment:
    """A sentence-like unit: `article.text[start:end]` is its text."""

    id: str
    start: int
    end: int
    kind: SegmentKind
    paragraph: int


@dataclass(frozen=True, slots=True)
class Article:
    """One article as the user sees it; `segments` is empty until segmentation has run."""

    id: str
    source: str
    text: str
    title: str | None = None
    outlet: str | None = None
    byline: str | None = None
    published: str | None = None
    url: str | None = None
    removed: tuple[Removed, ...] = ()
    segments: tuple[Segment, ...] = ()

    def segment_text(self, segment: Segment) -> str:
        """The literal text of one of this article's segments."""
        return self.text[segment.start : segment.end]

    @property
    def word_count(self) -> int:
        """Whitespace-separated words in the compared text."""
        return len(self.text.split())


@dataclass(frozen=True, slots=True)
class Link:
    """The evidence that two passages of different articles in one row match: the pair's score, whether
    it is below the match threshold (`weak`: the passages share the row through the others), and whether
    one is a near-verbatim copy of the other (wire copy: a repetition, not a confirmation)."""

    a: str
    b: str
    score: float
    weak: bool = False
    verbatim: bool = False


@dataclass(frozen=True, slots=True)
class Row:
    """Passages of several articles that report the same thing, or one passage that nothing matches."""

    id: str
    segments: Mapping[str, tuple[str, ...]]
    status: RowStatus
    score: float
    signals: Mapping[str, float] = field(default_factory=dict)
    corrected: bool = False
    """True when an editor changed the row's passages; `score` and `signals` are then the aligner's."""
    links: tuple[Link, ...] = ()
    """Every cross-article pair of passages in the row, with its evidence; a pair below the threshold
    is weak. A row of more than 64 passages lists each passage's 4 strongest pairs instead (`AlignOptions`)."""

    def article_ids(self) -> tuple[str, ...]:
        """Articles that have at least one segment in this row."""
        return tuple(a for a, ids in self.segments.items() if ids)


@dataclass(frozen=True, slots=True)
class Peers:
    """For comparative findings: which articles carry the thing and which lack it."""

    present: tuple[str, ...]
    absent: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Finding:
    """One highlighted span with the reason it matters.

    `key` groups findings about one thing across articles (the same fact, quotation or speaker);
    `detail` carries type-specific evidence (speaker and verbs, the counterpart words of a wording
    difference, the lexicon category) for the UI and the reports.
    """

    id: str
    type: FindingType
    article: str
    start: int
    end: int
    text: str
    explanation: str
    row: str | None = None
    peers: Peers | None = None
    confidence: float | None = None
    category: str | None = None
    key: str | None = None
    detail: Mapping[str, object] = field(default_factory=dict)
