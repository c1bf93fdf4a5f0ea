"""Finds lexicon cues (cues.toml, stance.toml) in the writer's own words: never inside quotation marks.

Asides, loaded language and wording differences all ask the same question of a span of text, so the
matching lives here once.
"""

from __future__ import annotations

from dataclasses import dataclass

from compare_tui.core.analysis.context import ArticleView
from compare_tui.core.analysis.lexicons import CueCategory, cue_categories

_CLAUSE_LEAD = frozenset({"", "and", "but", "so", "or"})


@dataclass(frozen=True, slots=True)
class CueHit:
    """One lexicon match: its span and the category it belongs to."""

    start: int
    end: int
    category: CueCategory


def at_clause_start(text: str, clause_start: int, position: int) -> bool:
    """Whether only an opening quote, bracket or a conjunction stands between a clause start and position."""
    lead = text[clause_start:position].strip(" \t\n\"'(-`").lower()
    return lead in _CLAUSE_LEAD


def find_cues(view: ArticleView, start: int, end: int, *, clause_start: int | None = None) -> list[CueHit]:
    """Cue matches in folded text[start:end] outside quotations, in order of position."""
    text = view.folded
    hits = []
    for category in cue_categories():
        for m in category.pattern.finditer(text, start, end):
            if view.quotes.containing(m.start(), m.end()):
                continue
            if category.clause_start and not at_clause_start(
                text, start if clause_start is None else clause_start, m.start()
            ):
                continue
            hits.append(CueHit(m.start(), m.end(), category))
    hits.sort(key=lambda h: (h.start, -h.end))
    return hits


def cue_categories_in(text: str) -> tuple[str, ...]:
    """Names of the cue categories with a match anywhere in a short plain string (for wording labels)."""
    return tuple(c.name for c in cue_categories() if not c.clause_start and c.pattern.search(text))
