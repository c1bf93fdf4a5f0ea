"""The whole core in one call: load, segment, align, analyse -> Comparison."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from compare_tui.core.align import AlignOptions, align
from compare_tui.core.analysis.run import prepare
from compare_tui.core.comparison import Comparison, ComparisonSettings
from compare_tui.core.loading import LoadError, load_sources
from compare_tui.core.models import Article
from compare_tui.core.segment import segment_article
from compare_tui.core.settings import Settings

Source = str | Path | Article
Progress = Callable[[str, int, int], None]
"""Called as progress(stage, done, total) while a comparison is computed."""


@dataclass(frozen=True, slots=True)
class CompareOutcome:
    """A comparison of whatever could be loaded, and one error per input that could not."""

    comparison: Comparison | None
    errors: tuple[LoadError, ...]


def _silent(stage: str, done: int, total: int) -> None:
    """A progress callback that reports nothing."""


def compare(
    sources: Sequence[Source],
    *,
    settings: Settings | None = None,
    reference: str | None = None,
    threshold: float | None = None,
) -> Comparison:
    """Compare articles given as paths, URLs, '-' (stdin) or `Article` objects; raise `LoadError` on bad input."""
    outcome = compare_sources(sources, settings=settings, reference=reference, threshold=threshold)
    if outcome.errors:
        raise outcome.errors[0]
    assert outcome.comparison is not None
    return outcome.comparison


def compare_sources(
    sources: Sequence[Source],
    *,
    settings: Settings | None = None,
    reference: str | None = None,
    threshold: float | None = None,
    progress: Progress | None = None,
) -> CompareOutcome:
    """Like `compare`, but keeps going past unusable inputs and returns their errors."""
    settings = (settings or Settings()).with_overrides(reference=reference, match_threshold=threshold)
    given = [s for s in sources if isinstance(s, Article)]
    paths = [s for s in sources if not isinstance(s, Article)]
    report = progress or _silent
    report("load", 0, len(paths))
    loaded = load_sources(paths, settings=settings) if paths else None
    report("load", len(paths), len(paths))
    errors = loaded.errors if loaded else ()
    articles = [*given, *(loaded.articles if loaded else ())]
    if not articles:
        if not errors:
            errors = (LoadError("(no input)", "no articles given"),)
        return CompareOutcome(None, errors)
    return CompareOutcome(compare_articles(articles, settings=settings, progress=progress), errors)


def compare_articles(
    articles: Sequence[Article], *, settings: Settings, progress: Progress | None = None
) -> Comparison:
    """Segment, align and analyse articles that are already loaded."""
    report = progress or _silent
    done: list[Article] = []
    for article in articles:
        report("segment", len(done), len(articles))
        done.append(article if article.segments else segment_article(article))
    report("segment", len(done), len(articles))
    segmented = tuple(done)
    reference = resolve_reference(segmented, settings.reference)
    report("align", 0, 1)
    rows = align(
        segmented,
        threshold=settings.match_threshold,
        reference=reference,
        options=AlignOptions(strict=settings.alignment == "strict"),
    )
    report("align", 1, 1)
    report("analyse", 0, 1)
    analysis, findings = prepare(segmented, rows)
    report("analyse", 1, 1)
    return Comparison(
        articles=segmented,
        rows=rows,
        findings=findings,
        reference=reference,
        settings=ComparisonSettings(match_threshold=settings.match_threshold, alignment=settings.alignment),
        analysis=analysis,
    )


def resolve_reference(articles: Sequence[Article], wanted: str | None) -> str | None:
    """Turn a user's reference (article id, file name, or 1-based index) into an article id."""
    if wanted is None:
        return None
    for article in articles:
        if wanted in (article.id, article.source, Path(article.source).name, Path(article.source).stem):
            return article.id
    if wanted.isdigit() and 1 <= int(wanted) <= len(articles):
        return articles[int(wanted) - 1].id
    raise LoadError(wanted, "no such article to use as reference")
