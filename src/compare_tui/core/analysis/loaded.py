"""Loaded language: the single words and idioms that carry the writer's judgement.

Only the cue families marked `finding = "loaded_language"` count (evaluative words, intensifiers, imputed
motives, loaded idioms), and only in the writer's own voice (cues.py): words someone is quoted or reported
as saying are theirs. The verb that introduces someone's words ("claimed" where others say "said") is the
attribution finding's business, which compares it across articles.
"""

from __future__ import annotations

from compare_tui.core.analysis.context import ArticleView, first_within
from compare_tui.core.analysis.cues import CueIndex
from compare_tui.core.models import Finding


def loaded_language_findings(view: ArticleView, cues: CueIndex) -> list[Finding]:
    """Word-level findings of loaded language in one article."""
    findings: dict[tuple[int, int], Finding] = {}
    starts = [hit.start for hit in cues.hits if hit.category.finding == "loaded_language"]
    for segment in view.segments:
        if first_within(starts, segment.start, segment.end) is None:
            continue  # most sentences hold no loaded word
        for hit in cues.within(segment.start, segment.end):
            if hit.category.finding != "loaded_language":
                continue
            word = view.article.text[hit.start : hit.end]
            findings.setdefault(
                (hit.start, hit.end),
                view.finding(
                    "loaded_language",
                    hit.start,
                    hit.end,
                    f"'{word}': {hit.category.meaning}",
                    category=hit.category.name,
                    confidence=0.8 if hit.category.aside_weight >= 1 else 0.65,
                    key="word:" + " ".join(view.folded[hit.start : hit.end].lower().split()),
                    detail={"lexicon": hit.category.name},
                ),
            )
    return list(findings.values())
