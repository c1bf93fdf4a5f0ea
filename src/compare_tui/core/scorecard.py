"""The per-outlet scorecard: how each article reports, in numbers an editor can set side by side.

For each article: how many findings of each type it draws per 100 of its reporting sentences (so a long
article is not "worse" for being long), the share of its reporting text inside quotation marks, how many of
its sentences attribute what they say to someone (a reporting verb with its speaker, or mostly someone
else's words: a quotation, reported speech) and how many do not, and of the facts the articles do not all
share, how many it reports, omits, and buries (states only in its last quarter). Quotations, attributions
and whose voice a passage is in are what the analysis finds (`voice`, `attribution`); the facts are the
omission ledger of the comparison's findings, so the scorecard and the ledger always agree.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from compare_tui.core.analysis.attribution import find_attributions
from compare_tui.core.analysis.context import build_views
from compare_tui.core.analysis.names import index_names
from compare_tui.core.analysis.voice import quoted_share, voice_of
from compare_tui.core.comparison import Comparison
from compare_tui.core.finding_types import FINDING_KINDS, FINDING_TYPES, FindingType
from compare_tui.core.row_details import omission_ledger

PER = 100
"""Flags are counted per this many reporting sentences."""


@dataclass(frozen=True, slots=True)
class ArticleScore:
    """One article's line of the scorecard."""

    article: str
    sentences: int
    flags: Mapping[FindingType, int]
    quoted_share: float
    attributed: int
    unattributed: int
    facts_reported: int
    facts_omitted: int
    facts_buried: int

    def per_100(self, finding_type: FindingType) -> float:
        """Findings of one type per 100 reporting sentences (0 for an article without any)."""
        return PER * self.flags.get(finding_type, 0) / self.sentences if self.sentences else 0.0

    def to_dict(self) -> dict[str, Any]:
        """The scorecard entry of the JSON report."""
        return {
            "article": self.article,
            "sentences": self.sentences,
            "flags": {t: self.flags.get(t, 0) for t in FINDING_TYPES},
            "flags_per_100_sentences": {t: round(self.per_100(t), 2) for t in FINDING_TYPES},
            "quoted_share": round(self.quoted_share, 4),
            "claims": {"attributed": self.attributed, "unattributed": self.unattributed},
            "facts": {
                "reported": self.facts_reported,
                "omitted": self.facts_omitted,
                "buried": self.facts_buried,
            },
        }


def scorecard(comparison: Comparison) -> tuple[ArticleScore, ...]:
    """The scorecard of every article of a comparison, in the comparison's order."""
    views = build_views(comparison.articles, comparison.rows)
    names = index_names(views)
    ledger = omission_ledger(comparison)
    flags: dict[str, Counter[FindingType]] = {a.id: Counter() for a in comparison.articles}
    for finding in comparison.findings:
        if finding.article in flags:  # a finding of no compared article counts for none
            flags[finding.article][finding.type] += 1
    scores = []
    for view in views:
        body = [s for s in view.segments if view.reports(s)]
        attributions = find_attributions(view, names)
        voice = voice_of(view, attributions)
        attributed = {a.segment for a in attributions} | {
            s.id for s in body if 2 * voice.covered(s.start, s.end) >= s.end - s.start
        }
        reported = [f for f in ledger.facts if view.id in f.present]
        scores.append(
            ArticleScore(
                article=view.id,
                sentences=len(body),
                flags=dict(flags[view.id]),
                quoted_share=quoted_share(view),
                attributed=sum(s.id in attributed for s in body),
                unattributed=sum(s.id not in attributed for s in body),
                facts_reported=len(reported),
                facts_omitted=sum(view.id in f.absent for f in ledger.facts),
                facts_buried=sum(f.positions.get(view.id) == "end" for f in reported),
            )
        )
    return tuple(scores)


def score_headers() -> tuple[str, ...]:
    """The column titles of the scorecard table the reports and the app show."""
    return (
        "Article",
        "Sentences",
        *(f"{kind.letter}/{PER}" for kind in FINDING_KINDS),
        "Quoted",
        "Attributed",
        "Unattributed",
        "Facts reported",
        "Omitted",
        "Buried",
    )


def score_cells(score: ArticleScore, label: str) -> tuple[str, ...]:
    """One article's row of the scorecard table, as text (rates to one decimal, shares in per cent)."""
    return (
        label,
        str(score.sentences),
        *(f"{score.per_100(kind.id):.1f}" for kind in FINDING_KINDS),
        f"{100 * score.quoted_share:.0f}%",
        str(score.attributed),
        str(score.unattributed),
        str(score.facts_reported),
        str(score.facts_omitted),
        str(score.facts_buried),
    )
