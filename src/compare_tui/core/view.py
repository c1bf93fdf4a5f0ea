"""What the review app shows, computed from a `Comparison` without any widget.

The app's widgets only draw: which passages share a screen row (aligned or reading order), where each
finding sits inside a cell, which passages stand out of their article's order, which rows match without
differences (and so fold away), and in what order the cursor visits findings. Keeping this here makes it
testable without a terminal and keeps the UI from deciding anything about the comparison.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, TypeVar

from compare_tui.core.finding_types import FINDING_TYPES, FindingType
from compare_tui.core.models import Article, Finding, RowStatus, Segment
from compare_tui.core.safe_text import visible

if TYPE_CHECKING:
    from compare_tui.core.comparison import Comparison

Mode = Literal["aligned", "reading"]
T = TypeVar("T")
SENTENCE_SEPARATOR = " "
"""Between segments of one article that share a row and a paragraph: they read on as in the article."""
PARAGRAPH_SEPARATOR = "\n"
"""Between segments of different paragraphs in one cell: each starts on a new line."""


@dataclass(frozen=True, slots=True)
class Mark:
    """A finding's span inside a cell's text (cell offsets, end exclusive)."""

    start: int
    end: int
    type: FindingType
    finding: str


@dataclass(frozen=True, slots=True)
class Displacement:
    """A passage shown away from its article's own order: its paragraph and whether it really comes earlier."""

    paragraph: int
    earlier: bool

    @property
    def label(self) -> str:
        """A short badge such as "¶4 ↑" (the passage stands higher up in its article)."""
        return f"¶{self.paragraph} {'↑' if self.earlier else '↓'}"


@dataclass(frozen=True, slots=True)
class Cell:
    """One article's passage in one screen row: literal (control-safe) text and the findings inside it."""

    article: str
    text: str
    marks: tuple[Mark, ...]
    segments: tuple[str, ...]
    paragraph: int
    aligned_row: int
    """1-based number of the alignment row that holds this passage (the badge linking matched passages)."""
    displaced: Displacement | None = None


@dataclass(frozen=True, slots=True)
class GridRow:
    """One screen row: a cell for each article that has a passage here; missing articles are gaps."""

    number: int
    row_id: str | None
    cells: Mapping[str, Cell]
    status: RowStatus | None
    score: float | None
    plain: bool
    """The row matches across articles without any finding (what folding hides)."""
    corrected: bool = False
    """An editor corrected the alignment row (its score is still the aligner's)."""

    @property
    def types(self) -> frozenset[FindingType]:
        """Finding types marked in any cell of the row."""
        return frozenset(m.type for c in self.cells.values() for m in c.marks)


@dataclass(frozen=True, slots=True)
class Grid:
    """The screen rows of a comparison in one display mode."""

    mode: Mode
    articles: tuple[str, ...]
    rows: tuple[GridRow, ...]


@dataclass(frozen=True, slots=True)
class Fold:
    """A run of consecutive plain rows shown as one line while folding is on."""

    rows: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Stop:
    """A place the finding cursor can rest on: a finding in one cell of one screen row."""

    row: int
    article: str
    finding: str
    type: FindingType


@dataclass(frozen=True, slots=True)
class Cursor:
    """Where the reviewer is: a screen row, an article column and, when on one, a finding."""

    row: int
    article: str
    finding: str | None = None


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A match of a search in one cell (cell offsets)."""

    row: int
    article: str
    start: int
    end: int


def build_grid(comparison: Comparison, *, mode: Mode = "aligned") -> Grid:
    """The screen rows: the alignment rows in order, or each article's passages in its own reading order."""
    aligned = _aligned_rows(comparison)
    articles = tuple(a.id for a in comparison.articles)
    if mode == "aligned":
        return Grid(mode, articles, aligned)
    columns = {
        a: sorted((r.cells[a] for r in aligned if a in r.cells), key=_reading_key(comparison))
        for a in articles
    }
    plain_rows = {r.number for r in aligned if r.plain}
    depth = max((len(c) for c in columns.values()), default=0)
    rows = []
    for index in range(depth):
        cells = {a: _without_displacement(col[index]) for a, col in columns.items() if index < len(col)}
        rows.append(
            GridRow(
                number=index + 1,
                row_id=None,
                cells=cells,
                status=None,
                score=None,
                plain=all(c.aligned_row in plain_rows for c in cells.values()),
            )
        )
    return Grid(mode, articles, tuple(rows))


def _reading_key(comparison: Comparison):
    order = {s.id: i for a in comparison.articles for i, s in enumerate(a.segments)}
    return lambda cell: min(order[s] for s in cell.segments)


def _without_displacement(cell: Cell) -> Cell:
    return Cell(cell.article, cell.text, cell.marks, cell.segments, cell.paragraph, cell.aligned_row)


def _aligned_rows(comparison: Comparison) -> tuple[GridRow, ...]:
    by_article = _findings_by_article(comparison.findings)
    displaced = out_of_order(comparison)
    rows = []
    for number, row in enumerate(comparison.rows, start=1):
        cells = {}
        for article_id, segment_ids in row.segments.items():
            if not segment_ids or article_id not in comparison.article_by_id:
                continue
            article = comparison.article_by_id[article_id]
            segments = [comparison.segment_by_id[s] for s in segment_ids]
            spans = by_article.get(article_id)
            cells[article_id] = _cell(
                article,
                segments,
                spans.overlapping(segments) if spans else (),
                aligned_row=number,
                displaced=displaced.get((row.id, article_id)),
            )
        has_marks = any(c.marks for c in cells.values())
        plain = row.status == "match" and len(cells) > 1 and not has_marks
        rows.append(GridRow(number, row.id, cells, row.status, row.score, plain, row.corrected))
    return tuple(rows)


class _ArticleFindings:
    """One article's findings in reading order, to pick those overlapping some segments without a full scan."""

    def __init__(self, findings: list[Finding]) -> None:
        self.findings = sorted(findings, key=lambda f: (f.start, f.end, f.id))
        self.starts = [f.start for f in self.findings]
        self.longest = max((f.end - f.start for f in self.findings), default=0)

    def overlapping(self, segments: Sequence[Segment]) -> list[Finding]:
        """The findings that overlap the span from the first segment's start to the last one's end."""
        start, end = min(s.start for s in segments), max(s.end for s in segments)
        low = bisect.bisect_left(self.starts, start - self.longest)
        high = bisect.bisect_left(self.starts, end)
        return [f for f in self.findings[low:high] if f.end > start]


def _findings_by_article(findings: Iterable[Finding]) -> dict[str, _ArticleFindings]:
    out: dict[str, list[Finding]] = {}
    for finding in findings:
        out.setdefault(finding.article, []).append(finding)
    return {article: _ArticleFindings(items) for article, items in out.items()}


def _cell(
    article: Article,
    segments: Sequence[Segment],
    findings: Sequence[Finding],
    *,
    aligned_row: int,
    displaced: Displacement | None,
) -> Cell:
    text, marks = marked_passage(article, segments, findings)
    return Cell(
        article=article.id,
        text=text,
        marks=marks,
        segments=tuple(s.id for s in segments),
        paragraph=segments[0].paragraph + 1,
        aligned_row=aligned_row,
        displaced=displaced,
    )


def marked_passage(
    article: Article,
    segments: Sequence[Segment],
    findings: Sequence[Finding],
    *,
    paragraph_break: str = PARAGRAPH_SEPARATOR,
) -> tuple[str, tuple[Mark, ...]]:
    """Segments of one article as one literal (control-safe) text, with the spans of `findings` inside it.

    Segments of one paragraph read on after a space; a new paragraph starts after `paragraph_break`.
    """
    pieces: list[str] = []
    marks: list[Mark] = []
    offset = 0
    previous: Segment | None = None
    for segment in segments:
        if previous is not None:
            gap = SENTENCE_SEPARATOR if segment.paragraph == previous.paragraph else paragraph_break
            pieces.append(gap)
            offset += len(gap)
        previous = segment
        pieces.append(visible(article.text[segment.start : segment.end]))
        for finding in findings:
            lo, hi = max(finding.start, segment.start), min(finding.end, segment.end)
            if lo < hi:
                marks.append(
                    Mark(lo - segment.start + offset, hi - segment.start + offset, finding.type, finding.id)
                )
        offset += segment.end - segment.start
    return "".join(pieces), tuple(marks)


def out_of_order(comparison: Comparison) -> dict[tuple[str, str], Displacement]:
    """(row id, article id) of passages whose article order disagrees with the row order, with their badge."""
    out: dict[tuple[str, str], Displacement] = {}
    for article in comparison.articles:
        position = {s.id: i for i, s in enumerate(article.segments)}
        placed = [
            (row.id, min(position[s] for s in ids))
            for row in comparison.rows
            if (ids := [s for s in row.segments.get(article.id, ()) if s in position])
        ]
        keep = longest_increasing([p for _, p in placed])
        previous_kept = -1
        for index, (row_id, pos) in enumerate(placed):
            if index in keep:
                previous_kept = pos
                continue
            segment = article.segments[pos]
            out[(row_id, article.id)] = Displacement(segment.paragraph + 1, earlier=pos < previous_kept)
    return out


def longest_increasing(values: Sequence[int]) -> set[int]:
    """Indices of one longest strictly increasing subsequence (patience sorting)."""
    tails: list[int] = []
    tail_index: list[int] = []
    parent = [-1] * len(values)
    for i, value in enumerate(values):
        k = bisect.bisect_left(tails, value)
        if k == len(tails):
            tails.append(value)
            tail_index.append(i)
        else:
            tails[k] = value
            tail_index[k] = i
        parent[i] = tail_index[k - 1] if k else -1
    keep: set[int] = set()
    i = tail_index[-1] if tail_index else -1
    while i != -1:
        keep.add(i)
        i = parent[i]
    return keep


def shown_rows(
    grid: Grid, *, articles: Sequence[str], folded: bool, types: Iterable[FindingType] | None = None
) -> tuple[int | Fold, ...]:
    """Row indices (and folds) to draw when only `articles` are shown.

    Folding hides rows without a difference: without `types`, rows that match without any finding; with
    `types`, rows where no shown article has a finding of those (the shown) categories.
    """
    wanted = set(articles)
    enabled = None if types is None else frozenset(types)

    def foldable(row: GridRow) -> bool:
        if enabled is None:
            return row.plain
        return not any(m.type in enabled for a in wanted & row.cells.keys() for m in row.cells[a].marks)

    out: list[int | Fold] = []
    run: list[int] = []
    for index, row in enumerate(grid.rows):
        if not wanted & row.cells.keys():
            continue
        if folded and foldable(row):
            run.append(index)
            continue
        if run:
            out.append(Fold(tuple(run)))
            run = []
        out.append(index)
    if run:
        out.append(Fold(tuple(run)))
    return tuple(out)


def folded_count(shown: Sequence[int | Fold]) -> int:
    """How many rows the folds among `shown` hide."""
    return sum(len(item.rows) for item in shown if isinstance(item, Fold))


def selectable(shown: Sequence[int | Fold]) -> tuple[int, ...]:
    """The row indices the cursor can rest on (folds are skipped)."""
    return tuple(item for item in shown if isinstance(item, int))


def finding_stops(
    grid: Grid, *, rows: Sequence[int], articles: Sequence[str], types: Iterable[FindingType]
) -> tuple[Stop, ...]:
    """Every finding the cursor visits with n/N, in order: row, then column, then position in the text."""
    enabled = frozenset(types)
    stops = []
    for index in rows:
        cells = grid.rows[index].cells
        for article in articles:
            if article in cells:
                for mark in cells[article].marks:
                    if mark.type in enabled:
                        stops.append(Stop(index, article, mark.finding, mark.type))
    return tuple(dict.fromkeys(stops))


def step_within(items: Sequence[T], current: T, *, step: int, wrap: bool) -> T:
    """The item `step` places from `current`, wrapping around or stopping at the ends; counted from the first
    item when `current` is not among them. `items` must not be empty."""
    index = items.index(current) if current in items else 0
    if wrap:
        return items[(index + step) % len(items)]
    return items[max(0, min(len(items) - 1, index + step))]


def step_stop(
    stops: Sequence[Stop], *, cursor: Cursor, rows: Sequence[int], articles: Sequence[str], step: int
) -> Stop | None:
    """The stop after (step=1) or before (step=-1) the cursor, wrapping around; None if there are no stops.

    On a finding, this is the neighbouring stop; elsewhere, the first stop at or after (or before) the
    cursor's row and column.
    """
    if not stops:
        return None
    for i, stop in enumerate(stops):
        if (stop.row, stop.article, stop.finding) == (cursor.row, cursor.article, cursor.finding):
            return stops[(i + step) % len(stops)]
    row_pos = {r: i for i, r in enumerate(rows)}
    col_pos = {a: i for i, a in enumerate(articles)}
    here = (row_pos.get(cursor.row, -1), col_pos.get(cursor.article, 0))
    keys = [(row_pos.get(s.row, -1), col_pos.get(s.article, 0)) for s in stops]
    if step > 0:
        return stops[bisect.bisect_left(keys, here) % len(stops)]
    return stops[(bisect.bisect_right(keys, here) - 1) % len(stops)]


def wrapped(
    stops: Sequence[Stop],
    *,
    cursor: Cursor,
    stop: Stop,
    rows: Sequence[int],
    articles: Sequence[str],
    step: int,
) -> bool:
    """Whether going from the cursor to `stop` (as `step_stop` chose it) went round the end of the list."""
    for i, here in enumerate(stops):
        if (here.row, here.article, here.finding) == (cursor.row, cursor.article, cursor.finding):
            there = stops.index(stop)
            return there <= i if step > 0 else there >= i
    row_pos = {r: i for i, r in enumerate(rows)}
    col_pos = {a: i for i, a in enumerate(articles)}
    here_key = (row_pos.get(cursor.row, -1), col_pos.get(cursor.article, 0))
    stop_key = (row_pos.get(stop.row, -1), col_pos.get(stop.article, 0))
    return stop_key < here_key if step > 0 else stop_key > here_key


def next_unique(grid: Grid, *, rows: Sequence[int], current: int, articles: Sequence[str]) -> int | None:
    """The next shown row (wrapping around) that holds a passage found in no other shown article."""
    wanted = set(articles)

    def unique(index: int) -> bool:
        row = grid.rows[index]
        present = wanted & row.cells.keys()
        return bool(present) and (
            len(present) == 1
            or row.status == "unique"
            or any(m.type == "unique_passage" for a in present for m in row.cells[a].marks)
        )

    if not rows:
        return None
    start = bisect.bisect_right(rows, current)
    for k in range(len(rows)):
        candidate = rows[(start + k) % len(rows)]
        if unique(candidate):
            return candidate
    return None


def search(grid: Grid, query: str, *, articles: Sequence[str], limit: int = 500) -> tuple[SearchHit, ...]:
    """Case-insensitive matches of `query` in the cells of the given articles, in display order."""
    if not query.strip():
        return ()
    pattern = re.compile(re.escape(query), re.IGNORECASE)
    hits: list[SearchHit] = []
    for index, row in enumerate(grid.rows):
        for article in articles:
            cell = row.cells.get(article)
            if cell is not None:
                hits.extend(
                    SearchHit(index, article, m.start(), m.end()) for m in pattern.finditer(cell.text)
                )
            if len(hits) >= limit:
                return tuple(hits[:limit])
    return tuple(hits)


def locate(grid: Grid, *, article: str, aligned_row: int) -> int | None:
    """The screen row of `grid` that shows the article's passage from the given (1-based) alignment row."""
    for index, row in enumerate(grid.rows):
        cell = row.cells.get(article)
        if cell is not None and cell.aligned_row == aligned_row:
            return index
    return None


def locate_finding(grid: Grid, *, article: str, finding: str) -> int | None:
    """The screen row of `grid` whose cell of `article` holds the finding."""
    for index, row in enumerate(grid.rows):
        cell = row.cells.get(article)
        if cell is not None and any(m.finding == finding for m in cell.marks):
            return index
    return None


def carry_cursor(cursor: Cursor, *, source: Grid, target: Grid) -> Cursor:
    """The cursor moved from `source` to the screen row of `target` showing the same passage (row 0 when none
    does); unchanged when it rests on no passage."""
    cell = source.rows[cursor.row].cells.get(cursor.article)
    if cell is None:
        return cursor
    row = locate(target, article=cursor.article, aligned_row=cell.aligned_row)
    return Cursor(row if row is not None else 0, cursor.article)


def row_id_at(grid: Grid, comparison: Comparison, cursor: Cursor) -> str | None:
    """The alignment row behind the cursor: the screen row's own, or in reading order that of the cursor's
    passage (else the row's first passage)."""
    row = grid.rows[cursor.row]
    if row.row_id is not None:
        return row.row_id
    cell = row.cells.get(cursor.article) or next(iter(row.cells.values()), None)
    return comparison.rows[cell.aligned_row - 1].id if cell else None


def hit_spans(hits: Iterable[SearchHit]) -> dict[tuple[int, str], tuple[tuple[int, int], ...]]:
    """Search hits as (start, end) spans grouped by (screen row, article), in order, for drawing."""
    spans: dict[tuple[int, str], tuple[tuple[int, int], ...]] = {}
    for hit in hits:
        spans[(hit.row, hit.article)] = (*spans.get((hit.row, hit.article), ()), (hit.start, hit.end))
    return spans


def headline_cells(comparison: Comparison) -> dict[str, Cell]:
    """Each article's title segment as a cell with its own marks (for the headline strip), when it has one."""
    by_article = _findings_by_article(comparison.findings)
    out: dict[str, Cell] = {}
    for article in comparison.articles:
        title = next((s for s in article.segments if s.kind == "title"), None)
        if title is not None:
            row_id = comparison.row_of_segment.get(title.id)
            number = next((i for i, r in enumerate(comparison.rows, start=1) if r.id == row_id), 0)
            spans = by_article.get(article.id)
            mine = spans.overlapping([title]) if spans else []
            out[article.id] = _cell(article, [title], mine, aligned_row=number, displaced=None)
    return out


def finding_counts(findings: Iterable[Finding]) -> Mapping[FindingType, int]:
    """How many findings of each type, with every type present (zero when none)."""
    counts = Counter(f.type for f in findings)
    return {t: counts.get(t, 0) for t in FINDING_TYPES}
