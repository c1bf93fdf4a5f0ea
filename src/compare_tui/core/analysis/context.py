"""What every analyser needs to know about one article, computed once: folded text, quotations, rows.

Analysers find spans on the folded copy (same length as the text, so offsets carry over) and turn them
into findings with `ArticleView.finding`, which fills in the literal text and the row of the span.
Explanations name articles by `ArticleView.label` (the outlet, else the title, else the id), so that an
editor can read them; `peers` and `detail` keep the ids for machines.
"""

from __future__ import annotations

import bisect
from collections import Counter, deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, fields
from itertools import compress, repeat
from operator import call
from typing import NamedTuple

from compare_tui.core.analysis.quantities import caseless
from compare_tui.core.analysis.quotes import QuoteIndex, find_quotations
from compare_tui.core.datelines import is_publication_line
from compare_tui.core.finding_types import FindingType
from compare_tui.core.labels import article_labels
from compare_tui.core.models import Article, Finding, Peers, Row, Segment
from compare_tui.core.textnorm import Token, text_tokens

# Setters of a Finding's slots, in field order. The frozen dataclass's __init__ parses thirteen keywords and sets
# each field through object.__setattr__ (a lookup per field); the slots' own setters do it in half the time, and
# a comparison builds findings by the hundred (`ArticleView.finding`).
_FINDING_SLOTS = tuple(getattr(Finding, field.name).__set__ for field in fields(Finding))


@dataclass(frozen=True, slots=True)
class ArticleView:
    """One article prepared for analysis."""

    article: Article
    index: int
    label: str
    folded: str
    caseless: str
    """`folded` lower-cased as IGNORECASE compares it with ASCII words (`quantities.caseless`): a regex of
    lower-case words matches there what it matches in `folded` with IGNORECASE, faster."""
    segments: tuple[Segment, ...]
    segment_starts: tuple[int, ...]
    row_of_segment: Mapping[str, str]
    publication_lines: frozenset[str]  # ids of dateline, timestamp and byline segments (datelines.py)
    quotes: QuoteIndex
    tokens: tuple[Token, ...]
    token_starts: tuple[int, ...]
    texts: tuple[str, ...]
    """The text of each token."""
    words: frozenset[str]
    """The distinct token texts: an analyser after a few words picks them here, then `token_indices`."""

    @property
    def id(self) -> str:
        """The article id."""
        return self.article.id

    def tokens_in(self, start: int, end: int) -> tuple[Token, ...]:
        """The word tokens of the folded text that start in [start, end)."""
        low, high = self.token_range(start, end)
        return self.tokens[low:high]

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        """The indices [low, high) of the tokens that start in [start, end)."""
        low = bisect.bisect_left(self.token_starts, start)
        return low, bisect.bisect_left(self.token_starts, end, low)

    def token_indices(self, words: Iterable[str]) -> list[int]:
        """Indices of the tokens whose text is one of `words`, in reading order (one pass in C)."""
        return list(compress(range(len(self.texts)), map(frozenset(words).__contains__, self.texts)))

    def reports(self, segment: Segment) -> bool:
        """Whether a segment reports (is no title, heading, dateline, timestamp or byline)."""
        return segment.kind not in ("title", "heading") and segment.id not in self.publication_lines

    def segment_at(self, position: int) -> Segment | None:
        """The segment that contains a character position, if any."""
        i = bisect.bisect_right(self.segment_starts, position) - 1
        if i >= 0 and position < self.segments[i].end:
            return self.segments[i]
        return None

    def row_at(self, position: int) -> str | None:
        """The id of the alignment row holding the segment at a position."""
        segment = self.segment_at(position)
        return self.row_of_segment.get(segment.id) if segment else None

    def finding(
        self,
        type_: FindingType,
        start: int,
        end: int,
        explanation: str,
        *,
        category: str | None = None,
        confidence: float | None = None,
        peers: Peers | None = None,
        key: str | None = None,
        detail: Mapping[str, object] | None = None,
    ) -> Finding:
        """A finding on [start, end) of this article, id left for `analyse` to number."""
        finding = object.__new__(Finding)
        values = (
            "",  # id
            type_,
            self.id,  # article
            start,
            end,
            self.article.text[start:end],  # text
            explanation,
            self.row_at(start),  # row
            peers,
            confidence,
            category,
            key,
            dict(detail or {}),
        )
        # each setter called on (finding, value) by `map`, the loop run in C by a deque that keeps nothing
        deque(map(call, _FINDING_SLOTS, repeat(finding), values), maxlen=0)
        return finding


def build_views(articles: Sequence[Article], rows: Sequence[Row]) -> tuple[ArticleView, ...]:
    """Prepare every article once for all analysers."""
    row_of_segment = {sid: row.id for row in rows for ids in row.segments.values() for sid in ids}
    labels = article_labels(articles)
    views = []
    for index, article in enumerate(articles):
        found = text_tokens(article.text)  # folded and tokenized by the aligner already, in a comparison
        folded = found.folded
        segments = tuple(sorted(article.segments, key=lambda s: s.start))
        texts = found.texts
        views.append(
            ArticleView(
                article=article,
                index=index,
                label=labels[article.id],
                folded=folded,
                caseless=caseless(folded),
                segments=segments,
                segment_starts=tuple(s.start for s in segments),
                row_of_segment=row_of_segment,
                publication_lines=_publication_lines(folded, segments),
                quotes=QuoteIndex.build(find_quotations(folded)),
                tokens=found.tokens(),
                token_starts=found.starts,
                texts=texts,
                words=frozenset(texts),
            )
        )
    return tuple(views)


def _publication_lines(folded: str, segments: Sequence[Segment]) -> frozenset[str]:
    """Ids of the datelines, timestamps and bylines: lines of their own (one segment a paragraph)."""
    per_paragraph = Counter(s.paragraph for s in segments)
    return frozenset(
        s.id
        for s in segments
        if s.kind != "title"
        and per_paragraph[s.paragraph] == 1
        and is_publication_line(folded[s.start : s.end])
    )


def possessive(name: str) -> str:
    """A name's possessive: "Zelensky's", but "reporters'" and "Isaacs'"."""
    return name + "'" if name.endswith("s") else name + "'s"


def join_labels(labels: Sequence[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    if len(labels) <= 1:
        return "".join(labels)
    return ", ".join(labels[:-1]) + " and " + labels[-1]


def name_some(ids: Sequence[str], labels: Mapping[str, str], *, most: int = 4, noun: str = "articles") -> str:
    """The labels of a few articles ("reuters.com and bbc.co.uk"), or how many when there are more."""
    if len(ids) > most:
        return f"{len(ids)} {noun}"
    return join_labels([labels[i] for i in ids])


class Span(NamedTuple):
    """A character range [start, end) of an article's text (a named tuple: hundreds per analysis, built faster
    than a frozen dataclass)."""

    start: int
    end: int


def first_within(positions: Sequence[int], start: int, end: int) -> int | None:
    """The first of sorted positions in [start, end), if any: one bisect tells whether a sentence holds any of
    an article's marks (most hold none)."""
    i = bisect.bisect_left(positions, start)
    return positions[i] if i < len(positions) and positions[i] < end else None


def trim_span(text: str, start: int, end: int) -> Span:
    """Shrink [start, end) past surrounding spaces and dangling punctuation."""
    while start < end and (text[start].isspace() or text[start] in ",;:-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:-("):
        end -= 1
    return Span(start, end)


def whole_words(text: str, words: str) -> Iterator[int]:
    """Where `words` stands in `text` with no letter, digit, "_" or "-" either side, left to right and not
    overlapping: what `re.finditer(r"(?<![\\w-])WORDS(?![\\w-])")` finds, without compiling a regex per name."""
    size = len(words)
    at = text.find(words)
    while at >= 0:
        end = at + size
        if (at == 0 or not _joins(text[at - 1])) and (end == len(text) or not _joins(text[end])):
            yield at
            at = text.find(words, max(end, at + 1))
        else:
            at = text.find(words, at + 1)


def _joins(char: str) -> bool:
    """Whether a character continues a word (as `[\\w-]` matches it)."""
    return char.isalnum() or char in "_-"
