"""The articles as read, before the alignment is done: what the review app shows in its first frame.

Aligning and analysing a dozen articles takes a second or two (loading the embedding model alone is a good
part of it); the text itself is there as soon as the files are read. This view puts each article's
paragraphs in its own reading order, one paragraph per screen row, without segmentation, marks or scores,
so the reviewer can start reading while the core works. It is replaced by the real grid when that arrives.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from compare_tui.core.models import Article
from compare_tui.core.safe_text import visible
from compare_tui.core.view import Cell, Cursor, Grid, GridRow

_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")
_LINE_BREAK = re.compile(r"\s*\n\s*")


def paragraphs(text: str) -> tuple[str, ...]:
    """The non-blank paragraphs of a text (blank lines separate them), each on one line, control-safe."""
    out = []
    for block in _PARAGRAPH_BREAK.split(text):
        line = _LINE_BREAK.sub(" ", block.strip())
        if line:
            out.append(visible(line))
    return tuple(out)


def preview_grid(articles: Sequence[Article]) -> Grid:
    """Screen rows of unaligned articles: row N holds each article's N-th paragraph (in no alignment row: 0)."""
    columns = {a.id: paragraphs(a.text) for a in articles}
    depth = max((len(p) for p in columns.values()), default=0)
    rows = []
    for index in range(depth):
        cells = {
            article: Cell(article, texts[index], marks=(), segments=(), paragraph=index + 1, aligned_row=0)
            for article, texts in columns.items()
            if index < len(texts)
        }
        rows.append(GridRow(index + 1, None, cells, status=None, score=None, plain=False))
    return Grid("aligned", tuple(columns), tuple(rows))


def carry_from_preview(cursor: Cursor, *, preview: Grid, target: Grid) -> Cursor:
    """The cursor moved from the preview to the row of `target` showing the same article's passage from the
    same paragraph (else the nearest later paragraph; row 0 when there is none)."""
    cell = preview.rows[cursor.row].cells.get(cursor.article) if cursor.row < len(preview.rows) else None
    if cell is None:
        return Cursor(0, cursor.article)
    candidates = [
        (other.paragraph, index)
        for index, row in enumerate(target.rows)
        if (other := row.cells.get(cursor.article)) is not None and other.paragraph >= cell.paragraph
    ]
    return Cursor(min(candidates)[1] if candidates else 0, cursor.article)
