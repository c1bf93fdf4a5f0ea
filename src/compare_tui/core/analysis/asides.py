"""Editorial asides: clauses where the writer comments, judges or speculates instead of reporting.

A clause scores the weights of the cues in it (stance markers, speculation, evaluative framing, loaded
idioms, evaluative words, first or second person, parenthetical jabs, rhetorical questions, exclamations);
at `THRESHOLD` it is an aside. Only the writer's own words count (voice.py): what is quoted or reported is
skipped, and in a clause that attributes something ("Witkoff has claimed that ...") only the words before
the speaker count ("Still, ..."). The span is the clause, less any quotation at its edges.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import chain
from typing import NamedTuple

from compare_tui.core.analysis.attribution import Attribution
from compare_tui.core.analysis.context import ArticleView, Span, first_within, trim_span
from compare_tui.core.analysis.cues import CueIndex
from compare_tui.core.analysis.voice import Voice
from compare_tui.core.models import Finding
from compare_tui.core.textnorm import occurrences

THRESHOLD = 0.5  # fitted on sharp-dev, leave-one-event-out (benchmarks/evaluate_editorial.py)
_CLAUSE_BREAK = re.compile(
    r";\s|:\s|,\s+(?=(?:but|while|whereas|although|though|and yet|and all the while)\b)|\s-\s+(?=but\b)"
)
_JAB = re.compile(r"\(([a-z][a-z'-]*(?:\s[a-z'-]+){0,2})\)")
_MARKED_ENDS = ("?", "!")
_NOT_JABS = frozenset(
    {"pictured", "left", "right", "above", "below", "centre", "center", "file", "photo", "top"}
)
_LABELS = {
    "stance_opener": "stance marker",
    "stance_adverb": "stance marker",
    "speculation": "speculation",
    "evaluative_framing": "evaluative framing",
    "loaded_idiom": "loaded idiom",
    "reader_address": "addresses the reader",
    "evaluative_adjective": "evaluative word",
    "evaluative_noun": "evaluative word",
    "evaluative_verb": "evaluative word",
    "emotion_attribution": "unattributed feeling",
    "intensifier": "intensifier",
    "motive_adverb": "imputed motive",
    "hedge": "hedge",
}


class _Cue(NamedTuple):
    """One thing a clause scores by (a named tuple: built by the hundred, faster than a frozen dataclass)."""

    start: int
    end: int
    label: str
    weight: float


def _clauses(text: str, start: int, end: int) -> list[Span]:
    spans, cursor = [], start
    for m in _CLAUSE_BREAK.finditer(text, start, end):
        spans.append(Span(cursor, m.start() + 1))
        cursor = m.end()
    spans.append(Span(cursor, end))
    return spans


def _cues(view: ArticleView, index: CueIndex, clause: Span, voice: Voice) -> list[_Cue]:
    text = view.folded
    cues = [
        _Cue(h.start, h.end, _LABELS.get(h.category.name, h.category.name), h.category.aside_weight)
        for h in index.within(clause.start, clause.end, clause_start=clause.start)
        if h.category.aside_weight > 0
    ]
    if text.find("(", clause.start, clause.end) >= 0:  # most clauses hold no bracket: no regex for them
        for m in _JAB.finditer(text, clause.start, clause.end):
            if not view.quotes.containing(m.start(), m.end()) and m.group(1) not in _NOT_JABS:
                cues.append(_Cue(m.start(), m.end(), "parenthetical jab", 1.0))
    tail = text[clause.start : clause.end].rstrip()
    end = clause.start + len(tail)
    if tail[-1:] in _MARKED_ENDS and not voice.reported(end - 1, end):
        label = "rhetorical question" if tail.endswith("?") else "exclamation"
        cues.append(_Cue(end - 1, end, label, 1.0))
    if len(cues) < 2:  # most clauses: nothing to choose between
        return cues
    strongest: dict[tuple[int, int], _Cue] = {}
    for cue in cues:
        if (cue.start, cue.end) not in strongest or cue.weight > strongest[(cue.start, cue.end)].weight:
            strongest[(cue.start, cue.end)] = cue
    return sorted(strongest.values(), key=lambda c: c.start)


def _without_edge_quotes(view: ArticleView, span: Span) -> Span:
    start, end = span.start, span.end
    for quote in view.quotes.overlapping(start, end):
        if quote.start <= start < quote.end:
            start = quote.end
        elif quote.start < end <= quote.end or (quote.end >= end - 2 and quote.start > start):
            end = min(end, quote.start)
    return trim_span(view.folded, start, max(start, end))


def aside_findings(
    view: ArticleView,
    attributions: Iterable[Attribution],
    cues: CueIndex,
    voice: Voice,
    *,
    threshold: float = THRESHOLD,
) -> list[Finding]:
    """Editorial asides of one article, one finding per run of flagged clauses in a segment."""
    attribution_starts = sorted(a.start for a in attributions if not a.continues)
    marks = _scoring_marks(view.folded, [h.start for h in cues.hits if h.category.aside_weight > 0])
    findings = []
    for segment in view.segments:
        if segment.kind in ("heading", "title"):
            continue
        if threshold > 0 and first_within(marks, segment.start, segment.end) is None:
            continue  # nothing a clause scores by: its clauses need not be read
        flagged: list[tuple[Span, list[_Cue]]] = []
        for clause in _clauses(view.folded, segment.start, segment.end):
            reported_from = first_within(attribution_starts, clause.start, clause.end)
            own = Span(clause.start, reported_from) if reported_from is not None else clause
            found = [c for c in _cues(view, cues, own, voice) if c.end <= own.end]
            if sum(c.weight for c in found) < threshold:
                continue
            if reported_from is not None:  # only the words before the speaker are the writer's: "Still,"
                own = Span(own.start, found[-1].end)
            flagged.append((_without_edge_quotes(view, own), found))
        findings.extend(_merge(view, flagged))
    return findings


def _scoring_marks(text: str, weighted: Iterable[int]) -> list[int]:
    """The sorted positions of what a clause scores by: a lexicon cue with an aside weight (`weighted` holds
    their starts), a bracket (a jab), a "?" or "!" (a clause's marked end). Most sentences hold none of them:
    one look-up in this list tells, instead of three searches of each sentence."""
    return sorted(chain(weighted, *(occurrences(text, mark) for mark in "(?!")))


def _merge(view: ArticleView, flagged: list[tuple[Span, list[_Cue]]]) -> list[Finding]:
    groups: list[tuple[Span, list[_Cue]]] = []
    for span, cues in flagged:
        if span.end <= span.start:
            continue
        if groups and not view.folded[groups[-1][0].end : span.start].strip(" ,;:-"):
            previous, previous_cues = groups[-1]
            groups[-1] = (Span(previous.start, span.end), previous_cues + cues)
        else:
            groups.append((span, cues))
    out = []
    for span, cues in groups:
        weight = sum(c.weight for c in cues)
        evidence = "; ".join(f"{c.label} '{view.article.text[c.start : c.end]}'" for c in cues)
        strongest = max(cues, key=lambda c: c.weight).label
        out.append(
            view.finding(
                "editorial_aside",
                span.start,
                span.end,
                f"the writer comments rather than reports: {evidence}",
                category=strongest,
                confidence=min(0.95, 0.35 + 0.2 * weight),
                key=f"aside:{view.id}:{span.start}",
                detail={
                    "cues": [{"text": view.article.text[c.start : c.end], "kind": c.label} for c in cues]
                },
            )
        )
    return out
