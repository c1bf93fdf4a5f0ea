"""Tells quoted speech from scare quotes: quotation marks that hold a word at a distance.

A quotation is speech when someone says it: it is attached to an attribution ("who said allies had
'largely finished'"), or it is long, or it is a sentence or a line of its own ("'Completely false'" as a
crosshead), or a reporting or naming verb comes before it in its sentence ("what it called 'negative
developments'", "dismissed the accusations as 'utterly baseless'", "Kiir talked of a 'pending invasion'").
Titles of works ("American Pie") are neither. What is left, a short phrase in quotation marks that nobody is
said to have said ("a firm 'no' from Moscow", "'boots on the ground'"), is the writer's irony or distance.
Quotation marks in headlines attribute a claim (BBC: Sudan 'bombs refugees'), so headlines get no findings.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Literal

from compare_tui.core.analysis.attribution import Attribution
from compare_tui.core.analysis.context import ArticleView
from compare_tui.core.analysis.quotes import Quotation
from compare_tui.core.lexicon import name_lexicon, reporting_verbs
from compare_tui.core.models import Finding

QuotationUse = Literal["speech", "scare", "title", "empty"]
MAX_SCARE_WORDS = 5


def classify(view: ArticleView, quote: Quotation, attributed: frozenset[int]) -> QuotationUse:
    """What a quotation is doing: reported speech, a scare quote, or a title."""
    inner = view.folded[quote.inner_start : quote.inner_end].strip()
    words = [w for w in inner.replace(",", " ").split() if any(c.isalnum() for c in w)]
    if not words:
        return "empty"
    if quote.start in attributed or len(words) > MAX_SCARE_WORDS or _reported(view, quote):
        return "speech"
    connectors = name_lexicon().connectors
    if all(w[0].isupper() or w.lower() in connectors for w in words) and (quote.double or len(words) > 1):
        return "title"
    if len(words) > 1 and words[0][0].isupper() and inner[-1:] in ".!?":
        return "speech"
    return "scare"


def _reported(view: ArticleView, quote: Quotation) -> bool:
    """Whether the quotation fills its line, or a reporting or naming verb comes before it in its sentence."""
    segment = view.segment_at(quote.start)
    if segment is None:
        return False
    if not view.folded[segment.start : quote.start].strip() and not view.folded[
        quote.end : segment.end
    ].strip(" ."):
        return True
    verbs = reporting_verbs()
    return any(
        t.text.lower() in verbs.by_form or t.text.lower() in verbs.quote_framers
        for t in view.tokens_in(segment.start, quote.start)
    )


def quotation_uses(view: ArticleView, attributions: Iterable[Attribution]) -> tuple[QuotationUse, ...]:
    """What each quotation of an article is doing, in the order of `view.quotes.quotations`."""
    attributed = frozenset(a.quote.start for a in attributions if a.quote is not None)
    return tuple(classify(view, quote, attributed) for quote in view.quotes.quotations)


def scare_quote_findings(view: ArticleView, uses: Sequence[QuotationUse]) -> list[Finding]:
    """A finding for each scare quote of one article; `uses` is its `quotation_uses`."""
    findings = []
    for quote, use in zip(view.quotes.quotations, uses):
        if use != "scare":
            continue
        segment = view.segment_at(quote.start)
        if segment is None or segment.kind in ("heading", "title"):
            continue
        inner = view.article.text[quote.inner_start : quote.inner_end].strip()
        findings.append(
            view.finding(
                "scare_quote",
                quote.start,
                quote.end,
                f"quotation marks around '{inner}' with no speaker: the writer holds the words at a distance",
                category="scare_quote",
                confidence=0.8 if len(inner.split()) <= 3 else 0.6,
                key="scare:" + " ".join(inner.lower().split()),
                detail={"words": inner},
            )
        )
    return findings
