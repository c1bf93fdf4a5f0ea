"""What a human-readable report shows, computed once for the Markdown and HTML renderers.

The renderers only format: the passages of each row cut into pieces at finding boundaries, the headline
strip, the omission ledger, the numbered findings with their triage decisions. Keeping this here means the
two formats cannot disagree about content, and the escaping rules live in each renderer alone.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from itertools import pairwise

from compare_tui.core.comparison import Comparison
from compare_tui.core.finding_types import FINDING_TYPES, KIND_BY_TYPE, FindingType
from compare_tui.core.models import Article, Finding, Segment
from compare_tui.core.row_details import FactPresence, omission_ledger
from compare_tui.core.scorecard import score_cells, score_headers, scorecard
from compare_tui.core.triage import Decision, TriageLookup, TriageState, lookup

SCORECARD_NOTE = (
    "Per article: findings of each type per 100 reporting sentences (by letter), the share of the text in "
    "quotations, sentences that attribute what they say and sentences that do not, and of the facts the "
    "articles do not all share, how many it reports, omits, and buries in its last quarter."
)


@dataclass(frozen=True, slots=True)
class ArticleInfo:
    """An article's heading in the report."""

    id: str
    label: str
    title: str | None
    published: str | None
    source: str
    words: int


@dataclass(frozen=True, slots=True)
class Mark:
    """A finding as it appears in the text: its reference (e.g. "E3"), type and whether it was dismissed."""

    ref: str
    type: FindingType
    dismissed: bool


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of literal passage text covered by the same findings; `ends` are the marks that close after it."""

    text: str
    marks: tuple[Mark, ...]
    ends: tuple[Mark, ...]


@dataclass(frozen=True, slots=True)
class Passage:
    """One segment of an article as shown in a row: its 1-based position in the article and its pieces."""

    position: int
    pieces: tuple[Piece, ...]


@dataclass(frozen=True, slots=True)
class ReportLink:
    """Which passage matches which inside a row: article labels, 1-based positions, the pair's score."""

    a_label: str
    a_position: int
    b_label: str
    b_position: int
    score: float
    weak: bool
    verbatim: bool

    def describe(self) -> str:
        """Plain text, e.g. "AP §3 ↔ HuffPost §5 (0.83, verbatim)"; renderers escape it."""
        notes = "".join((", weak" if self.weak else "", ", verbatim" if self.verbatim else ""))
        return (
            f"{self.a_label} §{self.a_position} ↔ {self.b_label} §{self.b_position} ({self.score:.2f}{notes})"
        )


@dataclass(frozen=True, slots=True)
class ReportRow:
    """An alignment row: one tuple of passages per article, in article order (empty: the article lacks it)."""

    id: str
    status: str
    score: float
    cells: tuple[tuple[Passage, ...], ...]
    corrected: bool = False
    """An editor changed the row's passages; `score` is still the aligner's."""
    links: tuple[ReportLink, ...] = ()
    """The row's pairwise evidence; worth showing when the row holds more than two passages or a copy."""

    @property
    def shows_links(self) -> bool:
        """Whether the links say more than the row itself (several pairs, a weak pair, or wire copy)."""
        return len(self.links) > 1 or any(link.verbatim or link.weak for link in self.links)


@dataclass(frozen=True, slots=True)
class ReportFinding:
    """A numbered finding with its article label and the editor's decision."""

    ref: str
    finding: Finding
    article_label: str
    decision: Decision | None
    present: tuple[str, ...]
    absent: tuple[str, ...]

    @property
    def peers(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """The articles that have the finding and those that lack it, as both reports word them."""
        said = (("in", self.present), ("missing from", self.absent))
        return tuple((words, labels) for words, labels in said if labels)


@dataclass(frozen=True, slots=True)
class ReportView:
    """Everything the Markdown and HTML reports show, in display order."""

    title: str
    articles: tuple[ArticleInfo, ...]
    headlines: tuple[tuple[Passage, ...], ...]
    rows: tuple[ReportRow, ...]
    ledger: tuple[FactPresence, ...]
    """The omission ledger as the app shows it (facts of the findings kept), article ids present/absent."""
    scorecard: tuple[tuple[str, ...], ...]
    """The per-outlet scorecard as a table: its column titles, then one row of text per article."""
    findings: tuple[ReportFinding, ...]
    type_counts: Mapping[FindingType, int]
    triage_counts: Mapping[str, int]
    include_dismissed: bool
    reference: str | None
    shared_copy: tuple[str, ...] = ()
    """Per article pair, the share of one's sentences the other repeats verbatim, as sentences."""


def build_view(
    comparison: Comparison, *, triage: TriageState | None = None, include_dismissed: bool = True
) -> ReportView:
    """Lay out a comparison for a human-readable report."""
    decisions = lookup(comparison.findings, comparison.articles, triage)
    kept = [f for f in comparison.findings if include_dismissed or not decisions.is_dismissed(f)]
    labels = comparison.labels
    ordered = sorted(kept, key=lambda f: (_article_index(comparison, f.article), f.start, -f.end, f.type))
    numbered = _numbered(ordered, decisions, labels)
    marks = {
        item.finding.id: Mark(
            item.ref, item.finding.type, item.decision is not None and item.decision.state == "dismissed"
        )
        for item in numbered
    }
    rows, headlines = _passages(comparison, ordered, marks)
    triage_counts: dict[str, int] = {"accepted": 0, "dismissed": 0, "flagged": 0}
    for item in numbered:
        if item.decision is not None and item.decision.state is not None:
            triage_counts[item.decision.state] += 1
    return ReportView(
        title=_title(comparison),
        articles=tuple(
            ArticleInfo(a.id, labels[a.id], a.title, a.published, a.source, a.word_count)
            for a in comparison.articles
        ),
        headlines=headlines,
        rows=rows,
        ledger=omission_ledger(replace(comparison, findings=tuple(kept)), ranked=True).facts,
        scorecard=_scorecard(replace(comparison, findings=tuple(kept))),
        findings=numbered,
        type_counts={t: sum(1 for f in kept if f.type == t) for t in FINDING_TYPES},
        triage_counts=triage_counts,
        include_dismissed=include_dismissed,
        reference=labels.get(comparison.reference) if comparison.reference else None,
        shared_copy=tuple(c.describe(labels) for c in comparison.shared_copy),
    )


def _scorecard(comparison: Comparison) -> tuple[tuple[str, ...], ...]:
    """The scorecard table: its column titles, then a row per article."""
    labels = comparison.labels
    return (score_headers(), *(score_cells(s, labels[s.article]) for s in scorecard(comparison)))


def _numbered(
    ordered: list[Finding], decisions: TriageLookup, labels: Mapping[str, str]
) -> tuple[ReportFinding, ...]:
    """The findings in report order, numbered with their type's letter ("E1", "L2", ...)."""
    numbered = []
    for n, finding in enumerate(ordered, start=1):
        peers = finding.peers
        numbered.append(
            ReportFinding(
                ref=f"{KIND_BY_TYPE[finding.type].letter}{n}",
                finding=finding,
                article_label=labels.get(finding.article, finding.article),
                decision=decisions.decision(finding),
                present=tuple(labels.get(a, a) for a in peers.present) if peers else (),
                absent=tuple(labels.get(a, a) for a in peers.absent) if peers else (),
            )
        )
    return tuple(numbered)


def _passages(
    comparison: Comparison, ordered: list[Finding], marks: Mapping[str, Mark]
) -> tuple[tuple[ReportRow, ...], tuple[tuple[Passage, ...], ...]]:
    """The alignment rows and each article's headline, their text cut into pieces at finding boundaries."""
    by_article: dict[str, list[Finding]] = {}
    for finding in ordered:
        by_article.setdefault(finding.article, []).append(finding)
    positions = {s.id: i + 1 for a in comparison.articles for i, s in enumerate(a.segments)}
    labels = comparison.labels

    def label_of(segment_id: str) -> str:
        return labels[segment_id.rsplit(":", 1)[0]]

    def passage(article: Article, segment: Segment) -> Passage:
        return Passage(
            positions[segment.id], _pieces(article, segment, by_article.get(article.id, ()), marks)
        )

    rows = tuple(
        ReportRow(
            id=row.id,
            status=row.status,
            score=row.score,
            cells=tuple(
                tuple(
                    passage(a, comparison.segment_by_id[sid])
                    for sid in row.segments.get(a.id, ())
                    if sid in comparison.segment_by_id
                )
                for a in comparison.articles
            ),
            corrected=row.corrected,
            links=tuple(
                ReportLink(
                    label_of(link.a),
                    positions[link.a],
                    label_of(link.b),
                    positions[link.b],
                    link.score,
                    link.weak,
                    link.verbatim,
                )
                for link in row.links
                if link.a in positions and link.b in positions
            ),
        )
        for row in comparison.rows
    )
    headlines = tuple(
        tuple(passage(a, s) for s in a.segments if s.kind == "title") for a in comparison.articles
    )
    return rows, headlines


def _title(comparison: Comparison) -> str:
    titles = [a.title for a in comparison.articles if a.title]
    return f"Comparison: {titles[0]}" if titles else f"Comparison of {len(comparison.articles)} articles"


def _article_index(comparison: Comparison, article_id: str) -> int:
    ids = [a.id for a in comparison.articles]
    return ids.index(article_id) if article_id in ids else len(ids)


def _pieces(
    article: Article,
    segment: Segment,
    findings: list[Finding] | tuple[Finding, ...],
    marks: Mapping[str, Mark],
) -> tuple[Piece, ...]:
    """Cut a segment's text at every finding boundary inside it."""
    inside = [f for f in findings if f.start < segment.end and f.end > segment.start]
    cuts = {segment.start, segment.end}
    for f in inside:
        cuts.update(c for c in (f.start, f.end) if segment.start < c < segment.end)
    points = sorted(cuts)
    pieces: list[Piece] = []
    for lo, hi in pairwise(points):
        covering = tuple(marks[f.id] for f in inside if f.start <= lo and f.end >= hi)
        ending = tuple(marks[f.id] for f in inside if f.end == hi)
        pieces.append(Piece(article.text[lo:hi], covering, ending))
    return tuple(pieces)
