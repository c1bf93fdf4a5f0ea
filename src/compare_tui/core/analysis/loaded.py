"""Loaded language: the single words and idioms that carry the writer's judgement.

Only the cue families marked `finding = "loaded_language"` count (evaluative words, intensifiers, imputed
motives, loaded idioms), plus the loaded reporting verbs an article uses to introduce someone's words
("claimed", "complained"). Words inside quotation marks belong to the speaker and are skipped.
"""

from __future__ import annotations

from collections.abc import Iterable

from compare_tui.core.analysis.attribution import Attribution
from compare_tui.core.analysis.context import ArticleView, possessive
from compare_tui.core.analysis.cues import CueIndex
from compare_tui.core.lexicon import reporting_verbs
from compare_tui.core.models import Finding


def loaded_language_findings(
    view: ArticleView, attributions: Iterable[Attribution], cues: CueIndex
) -> list[Finding]:
    """Word-level findings of loaded language in one article."""
    findings: dict[tuple[int, int], Finding] = {}
    for segment in view.segments:
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
    verbs = reporting_verbs()
    for attribution in attributions:
        if not attribution.loaded:
            continue
        for m in verbs.pattern.finditer(view.folded, attribution.start, attribution.end):
            verb = verbs.lookup(m.group())
            if verb.lemma != attribution.lemma:
                continue
            findings.setdefault(
                (m.start(), m.end()),
                view.finding(
                    "loaded_language",
                    m.start(),
                    m.end(),
                    f"'{m.group()}' introduces {possessive(attribution.speaker)} words: {verb.meaning}",
                    category=f"reporting_verb:{verb.verb_class}",
                    confidence=0.8,
                    key=f"verb:{verb.lemma}",
                    detail={"lexicon": verb.verb_class, "speaker": attribution.speaker},
                ),
            )
    return list(findings.values())
