"""Everything the details view and the omission ledger show, taken from a `Comparison`.

The details of a row gather its score and signals, the word-level differences between its passages, the
facts some articles have and others lack, and how quotes are attributed. The ledger lists each fact the
analysis found against every article. Both only read rows and findings; nothing is re-analysed here.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal, cast

from compare_tui.core.analysis.diffs import word_changes
from compare_tui.core.comparison import Comparison
from compare_tui.core.models import Article, Finding, Link, RowStatus
from compare_tui.core.safe_text import visible
from compare_tui.core.textnorm import Token, fold, tokenize
from compare_tui.core.view import Mark, marked_passage

DiffTag = Literal["equal", "insert", "delete", "replace"]


@dataclass(frozen=True, slots=True)
class DiffPiece:
    """Words that are equal, only in the base passage (`old`), only in the other (`new`), or changed."""

    tag: DiffTag
    old: str
    new: str


@dataclass(frozen=True, slots=True)
class WordDiff:
    """The word-level difference between the base article's passage and another article's."""

    base: str
    other: str
    pieces: tuple[DiffPiece, ...]


@dataclass(frozen=True, slots=True)
class Passage:
    """One article's literal (control-safe) text in a row, its segments joined by spaces, and the spans of the
    row's findings in it."""

    article: str
    text: str
    marks: tuple[Mark, ...] = ()


POSITION_LABELS: Mapping[str, str] = {
    "headline": "headline",
    "lede": "lede",
    "body": "body",
    "end": "last quarter",
}
"""How the ledger names where an article states a fact (the analysis's positions)."""
POSITION_SHORT: Mapping[str, str] = {"headline": "head", "lede": "lede", "body": "body", "end": "end"}


@dataclass(frozen=True, slots=True)
class FactPresence:
    """A fact (number, date, name, quotation), which articles carry or lack it, and where each states it."""

    text: str
    present: tuple[str, ...]
    absent: tuple[str, ...]
    finding: str | None = None
    """The first finding about the fact (in article order): where the ledger jumps to."""
    article: str | None = None
    row: str | None = None
    positions: Mapping[str, str] = field(default_factory=dict)
    rank: int | None = None

    def where(self, article: str) -> str:
        """Where an article that carries the fact states it ("lede", "last quarter"); "" when not known."""
        return POSITION_LABELS.get(self.positions.get(article, ""), "")

    def where_short(self, article: str) -> str:
        """`where` in a word of at most four letters, for narrow columns ("" when unknown)."""
        return POSITION_SHORT.get(self.positions.get(article, ""), "")


@dataclass(frozen=True, slots=True)
class PassageLink:
    """Which passage of one article matches which of another inside a row, with the pair's evidence.

    Positions are 1-based within each article; texts are control-safe and literal.
    """

    a_article: str
    a_position: int
    a_text: str
    b_article: str
    b_position: int
    b_text: str
    score: float
    weak: bool
    verbatim: bool


@dataclass(frozen=True, slots=True)
class RowDetails:
    """What the details view shows for one alignment row."""

    number: int
    row_id: str
    status: RowStatus
    score: float
    signals: Mapping[str, float]
    passages: tuple[Passage, ...]
    missing: tuple[str, ...]
    diffs: tuple[WordDiff, ...]
    facts: tuple[FactPresence, ...]
    attributions: tuple[Finding, ...]
    findings: tuple[Finding, ...]
    corrected: bool = False
    """An editor corrected the row; `score` and `signals` are the aligner's, from before."""
    links: tuple[PassageLink, ...] = ()
    shared_copy: tuple[str, ...] = ()
    """Shared-copy lines of the comparison that concern the row's articles ("X repeats 62 % of Y's …")."""


@dataclass(frozen=True, slots=True)
class Ledger:
    """Facts × articles: for each fact the analysis reported, which articles carry it."""

    articles: tuple[str, ...]
    facts: tuple[FactPresence, ...]


def word_diff(old: str, new: str) -> tuple[DiffPiece, ...]:
    """Word-level pieces turning `old` into `new` (punctuation counts as a word), adjacent changes merged.

    Words are compared on their folded form, so typography alone (curly quotes, no-break spaces, dashes) is
    no difference; each piece shows the original text with its spacing.
    """
    a, b = diff_tokens(old), diff_tokens(new)
    pieces: list[DiffPiece] = []
    i = j = 0
    for change in word_changes([fold(t.text) for t in a], [fold(t.text) for t in b]):
        if change.src_start > i:
            pieces.append(
                DiffPiece("equal", _span(old, a, i, change.src_start), _span(new, b, j, change.dest_start))
            )
        pieces.append(
            DiffPiece(
                cast(DiffTag, change.tag),
                _span(old, a, change.src_start, change.src_end),
                _span(new, b, change.dest_start, change.dest_end),
            )
        )
        i, j = change.src_end, change.dest_end
    if i < len(a):
        pieces.append(DiffPiece("equal", _span(old, a, i, len(a)), _span(new, b, j, len(b))))
    return tuple(pieces)


def diff_tokens(text: str) -> tuple[Token, ...]:
    """The words of `text` (as `textnorm.tokenize` finds them) and each punctuation mark between them."""
    tokens: list[Token] = []
    end = 0
    for word in tokenize(text):
        tokens.extend(_marks(text, end, word.start))
        tokens.append(word)
        end = word.end
    tokens.extend(_marks(text, end, len(text)))
    return tuple(tokens)


def _marks(text: str, start: int, end: int) -> Iterator[Token]:
    """Every non-space character of text[start:end] as a token of its own."""
    return (Token(i, i + 1, text[i]) for i in range(start, end) if not text[i].isspace())


def _span(text: str, tokens: Sequence[Token], first: int, end: int) -> str:
    """The original text from token `first` up to (not including) token `end`, spacing kept."""
    return text[tokens[first].start : tokens[end - 1].end] if first < end else ""


def row_details(comparison: Comparison, row_id: str, *, base: str | None = None) -> RowDetails:
    """The details of one row; diffs compare every passage with `base` (default: the reference, else the first)."""
    row = comparison.row_by_id[row_id]
    number = comparison.rows.index(row) + 1
    present = [a.id for a in comparison.articles if row.segments.get(a.id)]
    missing = tuple(a.id for a in comparison.articles if a.id not in present)
    findings = comparison.findings_in(row_id)
    passages = tuple(
        _passage(comparison, a, row.segments[a.id], findings) for a in comparison.articles if a.id in present
    )
    base_id = next((a for a in (base, comparison.reference) if a in present), present[0] if present else None)
    base_text = next((p.text for p in passages if p.article == base_id), "")
    diffs = tuple(
        WordDiff(base_id, p.article, word_diff(base_text, p.text)) for p in passages if p.article != base_id
    )
    return RowDetails(
        number=number,
        row_id=row.id,
        status=row.status,
        score=row.score,
        signals=dict(row.signals),
        passages=passages,
        missing=missing,
        diffs=diffs,
        facts=_facts(comparison, [f for f in findings if f.type == "omitted_fact"]),
        attributions=tuple(f for f in findings if f.type == "attribution"),
        findings=findings,
        corrected=row.corrected,
        links=tuple(_link(comparison, link) for link in row.links),
        shared_copy=tuple(
            c.describe(comparison.labels)
            for c in comparison.shared_copy
            if c.source in present and c.copier in present
        ),
    )


def _link(comparison: Comparison, link: Link) -> PassageLink:
    """A row link with each end's article, position in it and text."""

    def end(segment_id: str) -> tuple[str, int, str]:
        article = comparison.article_by_id[segment_id.rsplit(":", 1)[0]]
        position = next(i for i, s in enumerate(article.segments, start=1) if s.id == segment_id)
        return article.id, position, visible(comparison.segment_text(segment_id))

    return PassageLink(*end(link.a), *end(link.b), score=link.score, weak=link.weak, verbatim=link.verbatim)


def _passage(
    comparison: Comparison, article: Article, segment_ids: Sequence[str], findings: Sequence[Finding]
) -> Passage:
    """An article's passage in a row as one line of text, with the marks of its findings."""
    segments = [comparison.segment_by_id[s] for s in segment_ids]
    mine = [f for f in findings if f.article == article.id]
    text, marks = marked_passage(article, segments, mine, paragraph_break=" ")
    return Passage(article.id, text, marks)


def _facts(comparison: Comparison, findings: list[Finding]) -> tuple[FactPresence, ...]:
    """Group omitted_fact findings by key (or text): who has the fact, who lacks it, where, and its rank."""
    order = [a.id for a in comparison.articles]
    position = {a: i for i, a in enumerate(order)}
    groups: dict[str, tuple[str, set[str], list[Finding], dict[str, str], list[int]]] = {}
    for finding in findings:
        _, present, members, positions, rank = groups.setdefault(
            finding.key or finding.text, (visible(finding.text), set(), [], {}, [])
        )
        present.add(finding.article)
        members.append(finding)
        if finding.peers:
            present.update(finding.peers.present)
        where = finding.detail.get("positions")
        if isinstance(where, Mapping):
            positions.update({str(a): str(p) for a, p in where.items()})
        if isinstance(finding.detail.get("rank"), int):
            rank.append(int(finding.detail["rank"]))  # type: ignore[call-overload]
    out = []
    for text, present, members, positions, rank in groups.values():
        first = min(members, key=lambda f: (position.get(f.article, len(order)), f.start))
        out.append(
            FactPresence(
                text,
                tuple(a for a in order if a in present),
                tuple(a for a in order if a not in present),
                finding=first.id,
                article=first.article,
                row=first.row,
                positions=positions,
                rank=min(rank) if rank else None,
            )
        )
    return tuple(out)


def omission_ledger(comparison: Comparison, *, ranked: bool = False) -> Ledger:
    """Facts × articles from every omitted_fact finding of the comparison.

    In finding order, or `ranked`: the facts most articles carry first, since a fact nearly everyone reports
    is the most telling omission for the few that leave it out; among those, the analysis's rank (what the
    articles put nearest the top first), else finding order.
    """
    facts = _facts(comparison, [f for f in comparison.findings if f.type == "omitted_fact"])
    if ranked:
        facts = tuple(sorted(facts, key=lambda f: (-len(f.present), f.rank is None, f.rank or 0)))
    return Ledger(tuple(a.id for a in comparison.articles), facts)


def missing_in(ledger: Ledger, article: str | None) -> tuple[FactPresence, ...]:
    """The ledger's facts that `article` leaves out (all facts when `article` is None)."""
    if article is None:
        return ledger.facts
    return tuple(f for f in ledger.facts if article in f.absent)
