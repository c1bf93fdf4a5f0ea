"""Comparisons built by hand from the model types, for report and triage tests that must not depend on the
aligner or the analysis."""

from __future__ import annotations

import re

from compare_tui.core.comparison import Comparison, ComparisonSettings
from compare_tui.core.models import Article, Finding, Peers, Row, Segment

NEUTRAL = (
    "Leader Says Allies Gave No Clear Guarantees\n\n"
    "The leader warned on Tuesday that allies have not given clear guarantees. "
    "The UK and France signed a declaration on Monday. "
    "Talks will resume in Paris on 14 January."
)
EDITORIAL = (
    "Leader Complains He Hasn't Received A Guarantee\n\n"
    "The leader complained that allies have not given 'clear' guarantees. "
    "Of course, this is the usual hawkish bluster. "
    "The UK and France signed a declaration."
)


def segmented(article_id: str, text: str, **meta: str) -> Article:
    """An article whose segments are its first line (title) and its sentences (split after ". ")."""
    segments: list[Segment] = []
    title_end = text.index("\n")
    segments.append(Segment(f"{article_id}:0", 0, title_end, "title", 0))
    for match in re.finditer(r"\S.*?(?:\.(?=\s)|\Z)", text[title_end:], re.DOTALL):
        start, end = title_end + match.start(), title_end + match.end()
        segments.append(Segment(f"{article_id}:{len(segments)}", start, end, "sentence", 1))
    return Article(id=article_id, source=f"{article_id}.txt", text=text, segments=tuple(segments), **meta)


def span(article: Article, needle: str) -> tuple[int, int]:
    """Offsets of the first occurrence of `needle` in the article."""
    start = article.text.index(needle)
    return start, start + len(needle)


def finding(fid: str, ftype: str, article: Article, needle: str, **extra: object) -> Finding:
    """A finding on the first occurrence of `needle`, explained by its type."""
    start, end = span(article, needle)
    return Finding(
        id=fid,
        type=ftype,  # type: ignore[arg-type]
        article=article.id,
        start=start,
        end=end,
        text=needle,
        explanation=f"{ftype.replace('_', ' ')} in {article.id}",
        **extra,  # type: ignore[arg-type]
    )


def handmade_comparison(*, neutral: str = NEUTRAL, editorial: str = EDITORIAL) -> Comparison:
    """Two articles, four rows (headline, claim, one unique each side, the declaration) and a finding of each type."""
    a = segmented(
        "a",
        neutral,
        title="Leader Says Allies Gave No Clear Guarantees",
        outlet="Wire",
        published="2026-01-09",
    )
    b = segmented("b", editorial, title="Leader Complains He Hasn't Received A Guarantee", outlet="Blog")
    rows = (
        Row("r0", {"a": ("a:0",), "b": ("b:0",)}, "partial", 0.82, {"semantic": 0.82}),
        Row("r1", {"a": ("a:1",), "b": ("b:1",)}, "match", 0.9, {"semantic": 0.9}),
        Row("r2", {"a": (), "b": ("b:2",)}, "unique", 0.0),
        Row("r3", {"a": ("a:2",), "b": ("b:3",)}, "match", 0.95),
        Row("r4", {"a": ("a:3",), "b": ()}, "unique", 0.0),
    )
    findings = (
        finding("f0", "wording", a, "Says", row="r0", detail={"counterpart": "Complains"}),
        finding("f1", "wording", b, "Complains", row="r0", detail={"counterpart": "Says"}),
        finding("f2", "attribution", b, "complained", row="r1", key="speaker:leader"),
        finding("f3", "scare_quote", b, "'clear'", row="r1"),
        finding(
            "f4",
            "editorial_aside",
            b,
            "Of course, this is the usual hawkish bluster.",
            row="r2",
            confidence=0.8,
        ),
        finding("f5", "loaded_language", b, "hawkish bluster", row="r2", category="pejorative"),
        finding(
            "f6", "omitted_fact", a, "on Monday", row="r3", peers=Peers(("a",), ("b",)), key="date:monday"
        ),
        finding(
            "f7",
            "unique_passage",
            a,
            "Talks will resume in Paris on 14 January.",
            row="r4",
            peers=Peers(("a",), ("b",)),
        ),
        finding(
            "f8", "omitted_fact", a, "14 January", row="r4", peers=Peers(("a",), ("b",)), key="date:14-jan"
        ),
    )
    return Comparison(
        articles=(a, b), rows=rows, findings=findings, reference="a", settings=ComparisonSettings(match_threshold=0.5)
    )
