"""Whose voice a passage is in: the writer's own, or someone's the article quotes or reports.

Editorial asides and loaded language are the writer's judgement, so they are looked for only in the
writer's voice. Someone else's words are the quotations (quotes.py) and what an attribution reports
(attribution.py): the rest of the sentence after "X said (that)", the sentence before a closing "..., X
said.", and a sentence that cites its source with "according to". A parenthesis stays the writer's: "(uh
huh)" in a reported sentence is a jab, and asides look for those themselves.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

from compare_tui.core.analysis.attribution import Attribution
from compare_tui.core.analysis.context import ArticleView, Span
from compare_tui.core.models import Segment

_CLOSING_TAIL = re.compile(
    r"[\s,.;:!?\"'`)-]*(?:(?:on|in|at|late|early|last|this|to|from)\b[^,;\n]{0,40})?[.!?\"'`\s]*$"
)


@dataclass(frozen=True, slots=True)
class Voice:
    """The spans of one article that are someone else's words: sorted, not overlapping."""

    spans: tuple[Span, ...]
    starts: tuple[int, ...]

    @classmethod
    def of(cls, spans: Iterable[Span]) -> Voice:
        """Merge overlapping spans."""
        merged: list[Span] = []
        for span in sorted(spans, key=lambda s: (s.start, s.end)):
            if span.end <= span.start:
                continue
            if merged and span.start <= merged[-1].end:
                merged[-1] = Span(merged[-1].start, max(merged[-1].end, span.end))
            else:
                merged.append(span)
        return cls(tuple(merged), tuple(s.start for s in merged))

    def reported(self, start: int, end: int) -> bool:
        """Whether [start, end) lies inside someone else's words."""
        i = bisect.bisect_right(self.starts, start) - 1
        return i >= 0 and self.spans[i].start <= start and end <= self.spans[i].end

    def covered(self, start: int, end: int) -> int:
        """How many characters of [start, end) are someone else's words."""
        i = max(0, bisect.bisect_right(self.starts, start) - 1)
        total = 0
        for span in self.spans[i:]:
            if span.start >= end:
                break
            total += max(0, min(end, span.end) - max(start, span.start))
        return total


def quoted_share(view: ArticleView) -> float:
    """The share of an article's reporting text (no title, heading or dateline) inside quotation marks."""
    quoted = Voice.of(Span(q.start, q.end) for q in view.quotes.quotations)
    segments = [s for s in view.segments if view.reports(s)]
    total = sum(s.end - s.start for s in segments)
    return sum(quoted.covered(s.start, s.end) for s in segments) / total if total else 0.0


def voice_of(view: ArticleView, attributions: Iterable[Attribution]) -> Voice:
    """Someone else's words in one article: its quotations and what its attributions report."""
    spans = [Span(q.start, q.end) for q in view.quotes.quotations]
    sentences = _sentences(view)
    for attribution in attributions:
        sentence = sentences.get(attribution.segment)
        if sentence is None or attribution.continues:
            continue
        spans.append(_reported_span(view, attribution, sentence))
    return Voice.of(spans)


def _sentences(view: ArticleView) -> dict[str, Span]:
    """Each segment's whole sentence. Segmentation cuts a sentence of two clauses after the comma or
    semicolon that joins them (one segment per fact), but what "X said" reports runs on across that cut:
    a segment that ends in one of those and the next one of its paragraph are one sentence here."""
    out: dict[str, Span] = {}
    run: list[Segment] = []
    for segment, following in zip(view.segments, (*view.segments[1:], None)):
        run.append(segment)
        joined = (
            following is not None
            and following.paragraph == segment.paragraph
            and view.folded[segment.start : segment.end].rstrip()[-1:] in (",", ";")
        )
        if not joined:
            span = Span(run[0].start, segment.end)
            for member in run:
                out[member.id] = span
            run = []
    return out


def _reported_span(view: ArticleView, attribution: Attribution, sentence: Span) -> Span:
    """What one attribution reports: the sentence around "according to", the words before a closing "...,
    X said.", else the words after the verb."""
    text = view.folded
    if attribution.lemma == "according to":
        return sentence
    before = text[sentence.start : attribution.start]
    if before.strip() and _CLOSING_TAIL.match(text, attribution.end, sentence.end):
        return Span(sentence.start, attribution.start)
    return Span(attribution.end, sentence.end)
