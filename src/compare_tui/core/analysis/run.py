"""Running every analyser over a comparison and numbering the findings in reading order.

The analysers fall in two kinds. Asides, loaded language, scare quotes and omitted facts read each article
(and the facts of all of them) without looking at the alignment: only the `row` tag of their findings
depends on it. Attribution, unique passages, wording and discrepancies compare what the alignment puts
side by side. An `Analysis` keeps the first kind and the per-article inputs of the second, so that after an
editor corrects a few rows `reanalyse` redoes only what the alignment changes: the wording of the changed
rows, the pairing of attributions, the runs of unique passages and the discrepancies (over the cached
inputs), and the row tags.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, fields, replace

from compare_tui.core.analysis.asides import aside_findings
from compare_tui.core.analysis.attribution import Attribution, attribution_findings, find_attributions
from compare_tui.core.analysis.context import ArticleView, build_views
from compare_tui.core.analysis.cues import CueIndex
from compare_tui.core.analysis.discrepancy import discrepancy_findings
from compare_tui.core.analysis.facts import FoundFact, build_ledger, extract_facts, omitted_fact_findings
from compare_tui.core.analysis.loaded import loaded_language_findings
from compare_tui.core.analysis.names import index_names
from compare_tui.core.analysis.scare_quotes import quotation_uses, scare_quote_findings
from compare_tui.core.analysis.unique import unique_passage_findings
from compare_tui.core.analysis.voice import voice_of
from compare_tui.core.analysis.wording import wording_findings
from compare_tui.core.finding_types import FINDING_TYPES
from compare_tui.core.models import Article, Finding, Row


@dataclass(frozen=True, slots=True)
class Analysis:
    """What the analysis of some articles keeps for re-running it on corrected rows."""

    views: tuple[ArticleView, ...]
    attributions: Mapping[str, tuple[Attribution, ...]]
    fixed: tuple[Finding, ...]
    """Findings that do not depend on the alignment (their row tags aside)."""
    facts: Mapping[str, list[FoundFact]]
    """Each article's facts, whose figures discrepancies compare row by row."""


def analyse(articles: Sequence[Article], rows: Sequence[Row]) -> tuple[Finding, ...]:
    """All findings for segmented articles and their alignment rows, numbered in reading order."""
    return prepare(articles, rows)[1]


def prepare(articles: Sequence[Article], rows: Sequence[Row]) -> tuple[Analysis, tuple[Finding, ...]]:
    """The analysis of articles and rows: what a re-run keeps, and all findings numbered in reading order."""
    views = build_views(articles, rows)
    names = index_names(views)
    attributions = {v.id: find_attributions(v, names) for v in views}
    uses = {v.id: quotation_uses(v, attributions[v.id]) for v in views}
    fixed: list[Finding] = []
    for view in views:
        mine = attributions[view.id]
        voice = voice_of(view, mine)
        cues = CueIndex.build(view, voice)
        fixed += aside_findings(view, mine, cues, voice)
        fixed += loaded_language_findings(view, cues)
        fixed += scare_quote_findings(view, uses[view.id])
    facts = extract_facts(views, uses, names)
    fixed += omitted_fact_findings(views, build_ledger(views, uses, names, facts))
    analysis = Analysis(views, attributions, tuple(fixed), facts)
    findings = [*fixed, *_aligned_findings(views, attributions, facts, rows)]
    return analysis, _in_reading_order(views, findings, shared=set())


def reanalyse(
    analysis: Analysis,
    previous: Iterable[Finding],
    rows: Sequence[Row],
    changed: Collection[str],
) -> tuple[Finding, ...]:
    """The findings for corrected rows, given those of the rows the analysis was prepared for.

    `changed` names every row whose passages differ between the two alignments (kept, new and gone alike).
    The result equals `analyse(articles, rows)`; it is built without touching the earlier findings.
    """
    row_of_segment = {sid: row.id for row in rows for ids in row.segments.values() for sid in ids}
    views = tuple(replace(v, row_of_segment=row_of_segment) for v in analysis.views)
    by_id = {v.id: v for v in views}
    fresh = [
        *(_tagged(f, by_id[f.article].row_at(f.start)) for f in analysis.fixed),
        *attribution_findings(views, dict(analysis.attributions)),
        *unique_passage_findings(views, rows),
        *wording_findings(views, [r for r in rows if r.id in changed]),
        *discrepancy_findings(views, rows, analysis.facts),
    ]
    shared = {id(f) for f in analysis.fixed}
    shared.update(id(f) for f in previous if f.type == "wording" and f.row not in changed)
    findings = [*fresh, *(f for f in previous if f.type == "wording" and f.row not in changed)]
    return _in_reading_order(views, findings, shared=shared)


def _aligned_findings(
    views: Sequence[ArticleView],
    attributions: Mapping[str, tuple[Attribution, ...]],
    facts: Mapping[str, list[FoundFact]],
    rows: Sequence[Row],
) -> list[Finding]:
    """The findings that compare what the alignment puts side by side."""
    return [
        *attribution_findings(views, dict(attributions)),
        *unique_passage_findings(views, rows),
        *wording_findings(views, rows),
        *discrepancy_findings(views, rows, facts),
    ]


def _tagged(finding: Finding, row: str | None) -> Finding:
    return finding if finding.row == row else replace(finding, row=row)


def _in_reading_order(
    views: Sequence[ArticleView], findings: list[Finding], *, shared: Collection[int]
) -> tuple[Finding, ...]:
    """The findings sorted and numbered; those whose `id()` is in `shared` belong to an earlier result too
    and are copied when their number changes, the others are numbered in place."""
    index = {v.id: v.index for v in views}
    type_order = {t: i for i, t in enumerate(FINDING_TYPES)}
    findings.sort(key=lambda f: (index[f.article], f.start, type_order[f.type], f.end, f.key or "", f.text))
    numbered = []
    for number, finding in enumerate(findings):
        name = f"f{number}"
        if finding.id != name:
            finding = _copy(finding) if id(finding) in shared else finding
            _set_id(finding, name)
        numbered.append(finding)
    return tuple(numbered)


_FIELDS = tuple(f.name for f in fields(Finding))


def _copy(finding: Finding) -> Finding:
    """A copy of a finding (field by field: twice as fast as `dataclasses.replace`, which checks them)."""
    copy = object.__new__(Finding)
    for name in _FIELDS:
        object.__setattr__(copy, name, getattr(finding, name))
    return copy


def _set_id(finding: Finding, name: str) -> None:
    """Set a finding's id ("f<number>") in place.

    Analysers build findings with an empty id, and only this module holds them until they are numbered, so the
    id is set in place (as a frozen dataclass's own `__init__` does) instead of copying all thirteen fields:
    the copy was a twentieth of the analysis time.
    """
    object.__setattr__(finding, "id", name)
