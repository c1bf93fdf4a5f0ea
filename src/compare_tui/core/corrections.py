"""Editors' corrections of the alignment, kept by what the passages say so that they survive a re-run.

No aligner is always right. An editor can cut a passage out of its row into a row of its own, move a
passage into another row, or split a row into its articles' passages ("not the same fact"). A correction
names passages by a content key (a hash of the article's text, a hash of the passage's text and which
occurrence of that text in the article it is), never by row numbers or segment ids: those change whenever the
threshold, the reference or the aligner changes, and the correction has to be applied again then.

`apply_corrections` applies them in order to any alignment of the same articles and keeps the report's
invariants: every segment in exactly one row, one article's passages in reading order within a row. A
correction whose passages are no longer there is returned as dropped, with the reason, and never applied to
something else.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from compare_tui.core.models import Article, Row, RowStatus

CorrectionAction = Literal["cut", "move", "split"]
CORRECTION_ACTIONS: tuple[CorrectionAction, ...] = ("cut", "move", "split")

CORRECTED = "corrected by the reviewer"
"""How reports and the app mark a row an editor corrected."""
CORRECTED_DETAIL = f"{CORRECTED}; the score and signals are the aligner's, from before the correction"

EXCERPT = 60
"""Characters of the first passage a correction keeps, to name it when its passages are gone."""


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class SegmentKeys:
    """The content key of every segment of some articles, and back."""

    key_of: Mapping[str, str]
    id_of: Mapping[str, str]

    @classmethod
    def build(cls, articles: Iterable[Article]) -> SegmentKeys:
        """Key each segment as `<article text hash>:<segment text hash>:<occurrence of that text>`."""
        key_of: dict[str, str] = {}
        for article in articles:
            prefix = _digest(article.text)[:16]
            seen: Counter[str] = Counter()
            for segment in sorted(article.segments, key=lambda s: s.start):
                text = article.segment_text(segment)
                key_of[segment.id] = f"{prefix}:{_digest(text)[:16]}:{seen[text]}"
                seen[text] += 1
        return cls(key_of, {k: sid for sid, k in key_of.items()})


@dataclass(frozen=True, slots=True)
class Correction:
    """One editor's correction: what was done to which passages (content keys), and when.

    `cut`: the passages form a row of their own. `move`: the passages join the row that holds `target`.
    `split`: the passages leave their row, one row per article.
    """

    action: CorrectionAction
    segments: tuple[str, ...]
    target: str | None = None
    at: str = ""
    """When it was made, ISO 8601 in UTC."""
    excerpt: str = ""
    """The start of the first passage's text, to name the correction when its passages are gone."""

    def __post_init__(self) -> None:
        if self.action not in CORRECTION_ACTIONS:
            raise ValueError(
                f"unknown correction {self.action!r}; expected one of {', '.join(CORRECTION_ACTIONS)}"
            )
        if not self.segments:
            raise ValueError("a correction needs at least one passage")
        if (self.action == "move") != (self.target is not None):
            raise ValueError("a move, and only a move, names the row it moves into")

    def describe(self) -> str:
        """A short phrase naming the correction, e.g. "cut 'Kyiv said on Monday…'"."""
        return f"{self.action} '{self.excerpt}'" if self.excerpt else self.action


def make_correction(
    action: CorrectionAction,
    segment_ids: Sequence[str],
    articles: Sequence[Article],
    *,
    target: str | None = None,
    at: str = "",
) -> Correction:
    """A correction of the segments (ids of this run) of `articles`, kept by their content keys."""
    keys = SegmentKeys.build(articles)
    texts = {s.id: a.segment_text(s) for a in articles for s in a.segments}
    first = " ".join(texts[segment_ids[0]].split()) if segment_ids else ""
    excerpt = first if len(first) <= EXCERPT else first[: EXCERPT - 1] + "…"
    return Correction(
        action=action,
        segments=tuple(keys.key_of[s] for s in segment_ids),
        target=None if target is None else keys.key_of[target],
        at=at,
        excerpt=excerpt,
    )


@dataclass(frozen=True, slots=True)
class Dropped:
    """A correction that could not be applied, and why."""

    correction: Correction
    reason: str

    def describe(self) -> str:
        """One line for the editor."""
        return f"Correction dropped ({self.correction.describe()}): {self.reason}"


@dataclass(frozen=True, slots=True)
class Applied:
    """Rows after corrections: the corrections that took effect, those dropped, and the rows they changed."""

    rows: tuple[Row, ...]
    applied: tuple[Correction, ...] = ()
    dropped: tuple[Dropped, ...] = ()
    changed: frozenset[str] = field(default_factory=frozenset)
    """Ids of the rows whose passages differ from the uncorrected rows (new, changed and gone)."""


@dataclass(eq=False)
class _Cell:
    """A row being corrected: its passages per article, the aligner's row it came from."""

    id: str
    members: dict[str, list[str]]
    base: Row | None
    corrected: bool = False

    def all(self) -> set[str]:
        return {sid for ids in self.members.values() for sid in ids}


class _Rows:
    """The mutable working copy `apply_corrections` edits; every edit keeps each segment in one row."""

    def __init__(self, articles: Sequence[Article], rows: Sequence[Row]) -> None:
        self.order = {a.id: n for n, a in enumerate(articles)}
        self.place = {s.id: (n, s.start) for n, a in enumerate(articles) for s in a.segments}
        self.article_of = {s.id: a.id for a in articles for s in a.segments}
        self.cells = [_Cell(r.id, {a: list(ids) for a, ids in r.segments.items() if ids}, r) for r in rows]
        self.cell_of = {sid: c for c in self.cells for ids in c.members.values() for sid in ids}
        self.used = {r.id for r in rows}

    def regroup(self, groups: Sequence[Sequence[str]]) -> None:
        """Make each group of segments a row of its own, placed where the first segment's row stood."""
        cells = [self.cell_of[g[0]] for g in groups]
        if all(c.all() == set(g) for c, g in zip(cells, groups, strict=True)) and len(
            set(map(id, cells))
        ) == len(cells):
            for cell in cells:
                cell.corrected = True
            return
        origin = self.cell_of[groups[0][0]]
        position = self._pull([sid for g in groups for sid in g])
        for n, group in enumerate(groups):
            cell = _Cell(self._fresh(origin.id), {}, origin.base, corrected=True)
            self._add(cell, group)
            self.cells.insert(position + n, cell)

    def move(self, segments: Sequence[str], target: str) -> None:
        """Put the segments into the row that holds `target`."""
        cell = self.cell_of[target]
        if not set(segments) <= cell.all():
            self._pull(segments)
            self._add(cell, segments)
        cell.corrected = True

    def _pull(self, segments: Sequence[str]) -> int:
        """Take segments out of their rows; the index just after the first segment's row (gone rows dropped)."""
        first = self.cells.index(self.cell_of[segments[0]])
        for sid in segments:
            cell = self.cell_of.pop(sid)
            article = self.article_of[sid]
            cell.members[article].remove(sid)
            if not cell.members[article]:
                del cell.members[article]
            cell.corrected = True
        position = sum(1 for c in self.cells[: first + 1] if c.members)
        self.cells = [c for c in self.cells if c.members]
        return position

    def _add(self, cell: _Cell, segments: Iterable[str]) -> None:
        for sid in segments:
            cell.members.setdefault(self.article_of[sid], []).append(sid)
            self.cell_of[sid] = cell
        for ids in cell.members.values():
            ids.sort(key=self.place.__getitem__)

    def _fresh(self, base: str) -> str:
        n = 1
        while f"{base}.{n}" in self.used:
            n += 1
        self.used.add(f"{base}.{n}")
        return f"{base}.{n}"

    def rows(self) -> tuple[Row, ...]:
        return tuple(self._row(c) for c in self.cells)

    def _row(self, cell: _Cell) -> Row:
        base = cell.base
        if not cell.corrected and base is not None:
            return base
        segments = {a: tuple(cell.members[a]) for a in sorted(cell.members, key=self.order.__getitem__)}
        kept = {s for ids in segments.values() for s in ids}
        return Row(
            id=cell.id,
            segments=segments,
            status=_status(segments, base),
            score=base.score if base is not None else 0.0,
            signals=dict(base.signals) if base is not None else {},
            corrected=True,
            # The aligner's evidence for the pairs still together; pairs the editor made have none.
            links=tuple(k for k in base.links if {k.a, k.b} <= kept) if base is not None else (),
        )


def _status(segments: Mapping[str, tuple[str, ...]], base: Row | None) -> RowStatus:
    """Unique with one article; a match only when the row is part of a match the aligner found; else partial."""
    if len(segments) < 2:
        return "unique"
    inside = base is not None and {s for ids in segments.values() for s in ids} <= {
        s for ids in base.segments.values() for s in ids
    }
    if (
        base is not None
        and base.status == "match"
        and inside
        and all(len(ids) == 1 for ids in segments.values())
    ):
        return "match"
    return "partial"


def apply_corrections(
    articles: Sequence[Article], rows: Sequence[Row], corrections: Iterable[Correction]
) -> Applied:
    """The rows with the corrections applied in order; corrections whose passages are gone are dropped."""
    keys = SegmentKeys.build(articles)
    work = _Rows(articles, rows)
    applied: list[Correction] = []
    dropped: list[Dropped] = []
    for correction in corrections:
        found = [keys.id_of.get(k) for k in correction.segments]
        if any(sid is None or sid not in work.cell_of for sid in found):
            dropped.append(Dropped(correction, "its passages are no longer in these articles"))
            continue
        segments = sorted(dict.fromkeys(s for s in found if s is not None), key=work.place.__getitem__)
        if correction.action == "move":
            target = keys.id_of.get(correction.target or "")
            if target is None or target not in work.cell_of:
                dropped.append(Dropped(correction, "the row it was moved into is no longer there"))
                continue
            if target in segments:
                dropped.append(Dropped(correction, "a passage cannot be moved into its own row"))
                continue
            work.move(segments, target)
        elif correction.action == "cut":
            work.regroup([segments])
        else:
            by_article: dict[str, list[str]] = {}
            for sid in segments:
                by_article.setdefault(work.article_of[sid], []).append(sid)
            work.regroup(list(by_article.values()))
        applied.append(correction)
    out = work.rows()
    before = {r.id: r.segments for r in rows}
    after = {r.id: r.segments for r in out}
    changed = frozenset(i for i in before.keys() | after.keys() if before.get(i) != after.get(i))
    return Applied(out, tuple(applied), tuple(dropped), changed)
