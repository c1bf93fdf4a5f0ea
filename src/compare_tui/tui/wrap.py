"""Word-boundary wrapping that returns offsets, so highlight spans stay attached to the right characters;
and cutting a label to a column's width."""

from __future__ import annotations

import re
from functools import lru_cache

from rich.cells import cell_len, set_cell_size

_WORD_RE = re.compile(r"\S+")


@lru_cache(maxsize=16384)
def wrap_spans(text: str, width: int) -> tuple[tuple[int, int], ...]:
    """(start, end) offsets of each line of `text` wrapped to `width` cells; words longer than a line are cut.

    Cached: after a correction or a toggle the grid lays out again, and most cells are as they were."""
    width = max(1, width)
    lines: list[tuple[int, int]] = []
    offset = 0
    for paragraph in text.split("\n"):
        lines.extend(_wrap_paragraph(paragraph, width, offset))
        offset += len(paragraph) + 1
    return tuple(lines)


def _wrap_paragraph(text: str, width: int, offset: int) -> list[tuple[int, int]]:
    lines: list[tuple[int, int]] = []
    start: int | None = None
    end = 0
    used = 0
    for match in _WORD_RE.finditer(text):
        w_start, w_end = match.span()
        w_len = cell_len(match.group())
        if start is not None and used + (w_start - end) + w_len <= width:
            end, used = w_end, used + (w_start - end) + w_len
            continue
        if start is not None:
            lines.append((offset + start, offset + end))
        while w_len > width:
            cut = _cut(text, w_start, w_end, width)
            lines.append((offset + w_start, offset + cut))
            w_start = cut
            w_len = cell_len(text[w_start:w_end])
        start, end, used = w_start, w_end, w_len
    if start is not None:
        lines.append((offset + start, offset + end))
    return lines or [(offset, offset)]


def _cut(text: str, start: int, end: int, width: int) -> int:
    """The largest index after `start` such that text[start:index] fits in `width` cells (at least one char)."""
    used = 0
    for index in range(start, end):
        used += cell_len(text[index])
        if used > width:
            return max(index, start + 1)
    return end


def fit(text: str, width: int) -> str:
    """`text` cut with an ellipsis or padded to exactly `width` cells."""
    if width <= 0:
        return ""
    return set_cell_size(text, width - 1) + "…" if cell_len(text) > width else set_cell_size(text, width)
