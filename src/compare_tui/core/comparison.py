"""The result of comparing articles, and its JSON report form (schema `compare-tui.report/1`)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from compare_tui.core.corrections import Correction, SegmentKeys
from compare_tui.core.labels import article_labels
from compare_tui.core.models import Article, Finding, Row, Segment
from compare_tui.core.verbatim import SharedCopy, shared_copy
from compare_tui.core.version import __version__

if TYPE_CHECKING:
    from compare_tui.core.analysis.run import Analysis

SCHEMA = "compare-tui.report/1"


@dataclass(frozen=True, slots=True)
class ComparisonSettings:
    """The settings that shaped a comparison's rows: the JSON report's `settings` object, typed."""

    match_threshold: float
    alignment: str = "standard"
    """The aligner's mode (`Settings.alignment`)."""

    def as_dict(self) -> dict[str, float | str]:
        """The report's `settings` object."""
        return {"match_threshold": self.match_threshold, "alignment": self.alignment}


@dataclass(frozen=True)
class Comparison:
    """Articles, their alignment rows and the findings: everything the UI and the reports show."""

    articles: tuple[Article, ...]
    rows: tuple[Row, ...]
    findings: tuple[Finding, ...] = ()
    reference: str | None = None
    settings: ComparisonSettings | None = None
    """What the comparison was computed with; None when it was built from rows made elsewhere."""
    corrections: tuple[Correction, ...] = ()
    """The editor's corrections applied to `rows` (`core.correcting.correct`), in the order made."""
    analysis: Analysis | None = field(default=None, compare=False, repr=False)
    """What the analysis keeps to re-run on corrected rows; None when the findings came from elsewhere."""

    @cached_property
    def labels(self) -> dict[str, str]:
        """Each article's short name (`labels.article_labels`), as explanations and headers call it."""
        return article_labels(self.articles)

    @cached_property
    def article_by_id(self) -> dict[str, Article]:
        """Articles keyed by id."""
        return {a.id: a for a in self.articles}

    @cached_property
    def segment_by_id(self) -> dict[str, Segment]:
        """Every segment of every article keyed by its id."""
        return {s.id: s for a in self.articles for s in a.segments}

    @cached_property
    def row_of_segment(self) -> dict[str, str]:
        """The id of the row that holds each segment."""
        return {sid: row.id for row in self.rows for ids in row.segments.values() for sid in ids}

    @cached_property
    def row_by_id(self) -> dict[str, Row]:
        """Rows keyed by id."""
        return {r.id: r for r in self.rows}

    @cached_property
    def shared_copy(self) -> tuple[SharedCopy, ...]:
        """Per ordered article pair, how many of one's passages the other repeats near-verbatim."""
        return shared_copy(self.articles, self.rows)

    def segment_text(self, segment_id: str) -> str:
        """The literal text of a segment, looked up by id."""
        article_id = segment_id.rsplit(":", 1)[0]
        return self.article_by_id[article_id].segment_text(self.segment_by_id[segment_id])

    def findings_in(self, row_id: str) -> tuple[Finding, ...]:
        """Findings of a row: those tagged with it, and untagged ones starting inside one of its segments."""
        row = self.row_by_id[row_id]
        spans = {a: [self.segment_by_id[s] for s in ids] for a, ids in row.segments.items()}

        def inside(finding: Finding) -> bool:
            return any(s.start <= finding.start < s.end for s in spans.get(finding.article, ()))

        return tuple(f for f in self.findings if f.row == row_id or (f.row is None and inside(f)))

    def to_json(self) -> str:
        """The JSON report as text: UTF-8 friendly, indented, newline-terminated, deterministic."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"

    def to_dict(self) -> dict[str, Any]:
        """The JSON report document of `docs/report-schema.md`."""
        return {
            "schema": SCHEMA,
            "generator": {"name": "compare-tui", "version": __version__},
            "reference": self.reference,
            "settings": self.settings.as_dict() if self.settings is not None else {},
            "articles": [_article_dict(a) for a in self.articles],
            "alignment": [_row_dict(r) for r in self.rows],
            "findings": [_finding_dict(f) for f in self.findings],
            "corrections": self._corrections_list(),
            "verbatim": [
                {
                    "source": c.source,
                    "copier": c.copier,
                    "repeated": c.repeated,
                    "sentences": c.sentences,
                    "share": round(c.share, 4),
                }
                for c in self.shared_copy
            ],
        }

    def _corrections_list(self) -> list[dict[str, Any]]:
        """The applied corrections, their passages named by this run's segment ids."""
        keys = SegmentKeys.build(self.articles)
        return [
            {
                "action": c.action,
                "segments": [keys.id_of[k] for k in c.segments if k in keys.id_of],
                "target": None if c.target is None else keys.id_of.get(c.target),
                "at": c.at,
            }
            for c in self.corrections
        ]


def _article_dict(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "source": article.source,
        "title": article.title,
        "outlet": article.outlet,
        "byline": article.byline,
        "published": article.published,
        "url": article.url,
        "text": article.text,
        "removed": [{"text": r.text, "reason": r.reason} for r in article.removed],
        "segments": [
            {"id": s.id, "start": s.start, "end": s.end, "kind": s.kind, "paragraph": s.paragraph}
            for s in article.segments
        ],
    }


def _row_dict(row: Row) -> dict[str, Any]:
    return {
        "id": row.id,
        "segments": {a: list(ids) for a, ids in row.segments.items()},
        "status": row.status,
        "score": round(row.score, 4),
        "signals": {k: round(v, 4) for k, v in row.signals.items()},
        "corrected": row.corrected,
        "links": [
            {
                "a": link.a,
                "b": link.b,
                "score": round(link.score, 4),
                "weak": link.weak,
                "verbatim": link.verbatim,
            }
            for link in row.links
        ],
    }


def _finding_dict(finding: Finding) -> dict[str, Any]:
    return {
        "id": finding.id,
        "type": finding.type,
        "article": finding.article,
        "start": finding.start,
        "end": finding.end,
        "text": finding.text,
        "explanation": finding.explanation,
        "row": finding.row,
        "peers": (
            {"present": list(finding.peers.present), "absent": list(finding.peers.absent)}
            if finding.peers
            else None
        ),
        "confidence": None if finding.confidence is None else round(finding.confidence, 4),
        "category": finding.category,
        "key": finding.key,
        "detail": dict(finding.detail),
    }
