"""Unique passages: what one article reports and some others do not report at all.

Read off the alignment: each run of consecutive segments of an article that sits in rows lacking some
other article becomes one finding naming those articles. Section headings, datelines and one- or two-word
lines are left out: they are layout, not reporting.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import NamedTuple

from compare_tui.core.analysis.context import ArticleView, join_labels, name_some
from compare_tui.core.models import Finding, Peers, Row

MIN_WORDS = 3
MAX_NAMED = 4  # more articles than this are counted, not named


class _Run(NamedTuple):
    """Consecutive segments of one article that the same articles lack (a named tuple: built per segment)."""

    start: int
    end: int
    row: str
    peers: Peers
    segments: int


def unique_passage_findings(views: Sequence[ArticleView], rows: Sequence[Row]) -> list[Finding]:
    """A finding for each run of segments that some other articles have no counterpart for."""
    if len(views) < 2:
        return []
    all_ids = tuple(v.id for v in views)
    peers_of: dict[str, Peers] = {}
    alike: dict[frozenset[str], Peers] = {}  # most rows hold one of a few sets of articles
    for row in rows:
        present = frozenset(row.article_ids())
        if (peers := alike.get(present)) is None:
            peers = alike[present] = Peers(
                present=tuple(a for a in all_ids if a in present),
                absent=tuple(a for a in all_ids if a not in present),
            )
        for ids in row.segments.values():
            for sid in ids:
                peers_of[sid] = peers
    labels = {v.id: v.label for v in views}
    explained: dict[tuple[str, Peers], str] = {}  # runs of one article lacking the same articles read alike
    findings = []
    for view in views:
        runs: list[_Run] = []
        for segment in view.segments:
            peers = peers_of.get(segment.id)
            if (
                peers is None
                or not peers.absent
                or segment.kind == "heading"
                or segment.id in view.publication_lines
                or len(view.folded[segment.start : segment.end].split()) < MIN_WORDS
            ):
                continue
            row = view.row_of_segment.get(segment.id, "")
            previous = runs[-1] if runs else None
            if (
                previous
                and previous.peers.absent == peers.absent
                and not view.folded[previous.end : segment.start].strip()
                and "\n\n" not in view.folded[previous.end : segment.start]
            ):
                runs[-1] = _Run(
                    previous.start, segment.end, previous.row, previous.peers, previous.segments + 1
                )
            else:
                runs.append(_Run(segment.start, segment.end, row, peers, 1))
        for run in runs:
            if (explanation := explained.get((view.id, run.peers))) is None:
                explanation = explained[(view.id, run.peers)] = _explain(view, run.peers, labels)
            findings.append(
                view.finding(
                    "unique_passage",
                    run.start,
                    run.end,
                    explanation,
                    category="unique",
                    confidence=0.6,
                    peers=run.peers,
                    key=f"row:{run.row}",
                    detail={"segments": run.segments},
                )
            )
    return findings


def _explain(view: ArticleView, peers: Peers, labels: Mapping[str, str]) -> str:
    """Where a passage is and is not: "only in bbc.co.uk; no counterpart in 10 other articles"."""
    others = len(peers.present) - 1
    if not others:
        where = f"only in {view.label}"
    elif others > MAX_NAMED:
        where = f"in {view.label} and {others} other articles"
    else:
        where = "in " + join_labels([view.label, *(labels[a] for a in peers.present if a != view.id)])
    noun = "articles" if others else "other articles"
    return f"{where}; no counterpart in {name_some(peers.absent, labels, most=MAX_NAMED, noun=noun)}"
