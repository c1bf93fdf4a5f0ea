"""Finds quotations in folded article text: double, single and TeX-style (``...'') quotation marks.

Apostrophes look like single quotation marks ("Zelensky's", "don't", "allies'"), so a single mark only opens
a quotation after a space or an opening bracket and before a letter, and only closes one after a word and
before a space or punctuation. Words inside quotations are someone else's (or held at a distance), which
every other analyser needs to know, so this runs first.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

_MARK_RE = re.compile(r"``|''|' '(?!\S)|\"|'")
_MAX_SINGLE = 300
_OPENING_CONTEXT = ' \t\n([{-/"`'


@dataclass(frozen=True, slots=True)
class Quotation:
    """A quotation: `start`/`end` include the marks, `inner_start`/`inner_end` do not."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    mark: str

    @property
    def double(self) -> bool:
        """True for double (and TeX-style) quotation marks."""
        return self.mark != "'"


def _is_opener(text: str, i: int, mark: str) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + len(mark)] if i + len(mark) < len(text) else " "
    if mark == "``":
        return True
    if mark == "''":  # tokenized text sometimes opens a line with closing marks
        return before == "\n" or i == 0
    if mark == "'":
        return before in _OPENING_CONTEXT and (after.isalnum())
    spaced = before.isspace() and after.isspace()  # tokenized text: '" We have "'
    return (before in _OPENING_CONTEXT or not before.isalnum()) and (not after.isspace() or spaced)


def _is_closer(text: str, i: int, mark: str) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + len(mark)] if i + len(mark) < len(text) else " "
    if mark == "''":
        return True
    if mark == "'":
        return (before.isalnum() or before in ".,!?;") and not after.isalnum()
    return not before.isspace() or after.isspace() or after in ".,;:!?)"


def find_quotations(text: str) -> tuple[Quotation, ...]:
    """All quotations in a folded text, in order; an unclosed double quote runs to the end of its paragraph."""
    found: list[Quotation] = []
    open_double: tuple[int, str] | None = None
    open_single: int | None = None
    for m in _MARK_RE.finditer(text):
        i, mark = m.start(), m.group()
        if mark == "' '":  # a TeX-style closer split by tokenisation ("`` Scrubs , ' '")
            mark = "''" if open_double is not None and open_double[1] == "``" else "'"
        if mark in ('"', "``", "''"):
            if open_double is not None and (gap := text.find("\n\n", open_double[0], i)) != -1:
                start, opening = open_double
                found.append(Quotation(start, gap, start + len(opening), gap, opening))
                open_double = None
            if open_double is None:
                if _is_opener(text, i, mark):
                    open_double, open_single = (i, mark), None
            elif mark != "``" and _is_closer(text, i, mark):
                start, opening = open_double
                found.append(Quotation(start, m.end(), start + len(opening), i, opening))
                open_double = None
        elif open_single is not None and _is_closer(text, i, "'"):
            if i - open_single <= _MAX_SINGLE and "\n" not in text[open_single:i]:
                found.append(Quotation(open_single, i + 1, open_single + 1, i, "'"))
            open_single = None
        elif _is_opener(text, i, "'"):
            open_single = i
    if open_double is not None:
        start, opening = open_double
        end = text.find("\n\n", start)
        end = len(text) if end == -1 else end
        if end - start > len(opening):
            found.append(Quotation(start, end, start + len(opening), end, opening))
    return tuple(sorted(found, key=lambda q: (q.start, -q.end)))


@dataclass(frozen=True, slots=True)
class QuoteIndex:
    """Fast 'is this position inside a quotation' lookups over one text's quotations."""

    quotations: tuple[Quotation, ...]
    starts: tuple[int, ...]

    @classmethod
    def build(cls, quotations: tuple[Quotation, ...]) -> QuoteIndex:
        """Index quotations sorted by start."""
        return cls(quotations, tuple(q.start for q in quotations))

    def containing(self, start: int, end: int) -> Quotation | None:
        """The outermost quotation that contains the span [start, end), if any."""
        i = bisect.bisect_right(self.starts, start)
        for q in self.quotations[max(0, i - 8) : i]:
            if q.start <= start and end <= q.end:
                return q
        return None

    def overlapping(self, start: int, end: int) -> tuple[Quotation, ...]:
        """Quotations that overlap the span [start, end)."""
        i = bisect.bisect_left(self.starts, end)
        return tuple(q for q in self.quotations[max(0, i - 16) : i] if q.end > start)
