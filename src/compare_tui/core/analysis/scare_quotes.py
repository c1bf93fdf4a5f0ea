"""Tells quoted speech from scare quotes: quotation marks that hold a word at a distance.

A quotation is speech when someone says it: it is attached to an attribution ("who said allies had
'largely finished'"), or its sentence attributes something, or it is long, or it is a sentence or a line of
its own ("'Completely false'" as a crosshead), or a reporting or naming verb comes before it in its sentence
("what it called 'negative developments'", "dismissed the accusations as 'utterly baseless'", "Kiir talked
of a 'pending invasion'") or right after it ('"We are shocked," said her nephew'). Titles of works
("American Pie"), names ("'8 Block'") and what something is known as ("known as 'midnight regulations'")
are neither. What is left, a short phrase in quotation marks that nobody is
said to have said ("a firm 'no' from Moscow", "'boots on the ground'"), is the writer's irony or distance.
Quotation marks in headlines attribute a claim (BBC: Sudan 'bombs refugees'), so headlines get no findings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from itertools import islice
from typing import Literal

from compare_tui.core.analysis.attribution import Attribution
from compare_tui.core.analysis.context import ArticleView
from compare_tui.core.analysis.quotes import Quotation
from compare_tui.core.lexicon import name_lexicon, reporting_verbs
from compare_tui.core.models import Finding

QuotationUse = Literal["speech", "scare", "title", "empty"]
MAX_SCARE_WORDS = 5
_SPEAKER_WORDS = 4  # '"...," said her nephew' / '"...," the official said': the verb within four words
# whether a word holds a letter or digit: `[^\W_]` is what `str.isalnum` accepts, tested in C
_HAS_ALNUM = re.compile(r"[^\W_]").search
_NAMED = re.compile(r"\b(?:known as|called|dubbed|nicknamed|named|titled|entitled)\s*$", re.IGNORECASE)


def classify(
    view: ArticleView, quote: Quotation, attributed: frozenset[int], reporting: frozenset[str] = frozenset()
) -> QuotationUse:
    """What a quotation is doing: reported speech, a scare quote, or a title."""
    inner = view.folded[quote.inner_start : quote.inner_end].strip()
    # the first words tell: whether there is one, whether there are more than a scare quote holds
    words = list(islice(filter(_HAS_ALNUM, inner.replace(",", " ").split()), MAX_SCARE_WORDS + 1))
    if not words:
        return "empty"
    if quote.start in attributed or len(words) > MAX_SCARE_WORDS or _reported(view, quote, reporting):
        return "speech"
    connectors = name_lexicon().connectors
    if all(w[0].isupper() or w[0].isdigit() or w.lower() in connectors for w in words) and (
        quote.double or len(words) > 1 or words[0][0].isdigit()
    ):
        return "title"
    if _NAMED.search(view.folded, max(0, quote.start - 24), quote.start):
        return "title"
    if len(words) > 1 and words[0][0].isupper() and inner[-1:] in ".!?":
        return "speech"
    return "scare"


def _reported(view: ArticleView, quote: Quotation, reporting: frozenset[str]) -> bool:
    """Whether the quotation fills its line, its sentence reports someone's words (an attribution in it, a
    reporting or naming verb before the quotation), or a reporting verb follows it ('"...," said Mr X')."""
    segment = view.segment_at(quote.start)
    if segment is None:
        return False
    if not view.folded[segment.start : quote.start].strip() and not view.folded[
        quote.end : segment.end
    ].strip(" ."):
        return True
    if segment.id in reporting:
        return True
    verbs = reporting_verbs()
    after = view.tokens_in(quote.end, segment.end)[:_SPEAKER_WORDS]
    return any(
        t.text.lower() in verbs.by_form or t.text.lower() in verbs.quote_framers
        for t in (*view.tokens_in(segment.start, quote.start), *after)
    )


def quotation_uses(view: ArticleView, attributions: Iterable[Attribution]) -> tuple[QuotationUse, ...]:
    """What each quotation of an article is doing, in the order of `view.quotes.quotations`."""
    attributions = tuple(attributions)
    attributed = frozenset(a.quote.start for a in attributions if a.quote is not None)
    reporting = frozenset(a.segment for a in attributions if not a.continues)
    return tuple(classify(view, quote, attributed, reporting) for quote in view.quotes.quotations)


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
