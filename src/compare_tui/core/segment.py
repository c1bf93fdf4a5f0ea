"""Split an article into sentence-like segments with offsets into the text the user sees.

Alignment compares segments, so a segment should be one reported thing: a sentence, a heading, a whole
quotation. The text is cut into paragraphs (blank lines) and lines first, since headlines, headings and
captions stand on lines of their own; lines wrapped in mid-sentence are joined again. Inside a block,
plain sentence ends (an ordinary lower-case word, a period, one space, a capital, outside brackets and
quotations) are cut directly; whatever is left with a possible sentence end in it goes to pySBD, run on
the folded copy so that curly quotes behave like straight ones, which handles abbreviations, initials,
numbers and ellipses. Offsets are found again here by scanning forward, never trusted from pySBD. A cut
inside a closed double quotation is dropped, which keeps a quoted statement of several sentences together.
A sentence that joins two independent clauses ("…, but X has complained that …"; "…; …") often reports two
facts, and one segment sits in one alignment row: such a sentence is cut before the conjunction when both
sides are long enough to state something of their own (`_clauses`).
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

import pysbd
from pysbd.lang.english import English

from compare_tui.core.models import Article, Segment, SegmentKind
from compare_tui.core.textnorm import fold

# A sentence end followed by more text: a block without one is a single unit and skips pySBD.
_INNER_END = re.compile(r"[.!?][\"')\]]*\s+\S")
# An ordinary sentence end: a plain word, '.' or '?', perhaps a closing quote, one space, a capital.
_PLAIN_END = re.compile(r"(?<![^\s\"])([A-Za-z][a-z]+)[.?]\"?(?= \"?[A-Z])")
# A single quotation pySBD would protect: opened after a space, not closed by a quote before a non-letter.
_OPEN_SINGLE_QUOTE = re.compile(r"(?<!\S)'(?:[^']|'[A-Za-z])*$")
_ROMAN_NUMERAL = re.compile(r"[ivxlcdm]+")
_ABBREVIATIONS = frozenset(
    abbreviation.strip().casefold() for abbreviation in English.Abbreviation.ABBREVIATIONS
)
_FINAL_PUNCTUATION = ".!?:;,"
_CLOSERS = "\"')]"
# A line ending in one of these continues on the next line (text wrapped in mid-sentence).
_CONTINUES = ",;-(&/"
# A unit never starts with one of these: a cut before them is a sentence model's mistake ("D-Wash., who").
_CONTINUES_SENTENCE = ",;:)]}%"
_MARKDOWN_HEADING = re.compile(r"#{1,6}\s")
_CAPTION = re.compile(
    r"""
      ^\(?(?:(?:photo|image|picture|video|illustration|graphic)s?(?:\s+(?:by|credit|courtesy))?|credits?)
        \s*[:|/]
    | ^\(?(?:photo|image|picture)s?\s+(?:by|courtesy\s+of)\s
    | ^\(?(?:ap|afp|epa|reuters)\s+photo\b
    | /\s*(?:getty\s+images|reuters|afp|ap|epa|shutterstock|anadolu|alamy)\)?\s*$
    | \((?:getty\s+images|reuters|afp|ap(?:\s+photo)?|epa|shutterstock)\)\s*$
    """,
    re.IGNORECASE | re.VERBOSE,
)
_QUOTE_CHARS = re.compile('["\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]')
_OPENING_QUOTES = "\u201c\u201e\u00ab"
_CLOSING_QUOTES = "\u201d\u00bb"
_OPENS_AFTER = "([{/-\u2013\u2014"
# pySBD reads line breaks as sentence ends and chokes on control characters (its number rules call int() on
# "\x1f0"), so it gets each of them as one space: offsets stay where they were
_PYSBD_SPACES = dict.fromkeys([*range(0x20), *range(0x7F, 0xA0)], " ")
# pySBD's time grows with its text's length times the abbreviation-like words in it ("in", "no", "a"), so a
# long text goes to it in runs of at most _PYSBD_RUN characters, and a span longer than _PYSBD_SPAN is cut
# first where a sentence most likely ends (on the samples and sharp-dev, runs stay under 2,600 characters
# and spans under 700: they are never cut).
_PYSBD_RUN = 3000
_PYSBD_SPAN = 1500
_LIKELY_END = re.compile(r"[a-z]{3,}[.!?][\"')\]]*\s+(?=[\"(\[]?[A-Z0-9])")
_HEADING_MAX_WORDS = 11
# Where a sentence joins two independent clauses: a semicolon, a contrasting conjunction after a comma, or
# ", and" before a new subject (a pronoun, an article, "there"); the cut falls after the punctuation. The
# ", and" of a list ("the camp, the school, and the market") follows a short item: `_LIST_ITEM`.
_CLAUSE_JOIN = re.compile(
    r"[,;] (?=(?:but|while|although|though|whereas) )|; "
    r"|(?P<list>, (?=and (?:there|the|he|she|it|they|we|his|her|its|their) ))"
)
_LIST_ITEM = re.compile(r",\s*(?:\S+\s+){0,3}\S+$")
_CLAUSE_MIN_WORDS = 6
_TITLE_MAX_WORDS = 25
_CAPTION_MAX_WORDS = 40


@dataclass(frozen=True, slots=True)
class _Block:
    """Text never cut across: one line, or lines wrapped in mid-sentence; offsets exclude outer whitespace."""

    start: int
    end: int
    paragraph: int
    lines: int


@dataclass(frozen=True, slots=True)
class _Span:
    """A stretch of the text handed to pySBD."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Quote:
    """A closed double quotation: offsets of its opening and of its closing quotation mark."""

    open: int
    close: int


def segment_article(article: Article) -> Article:
    """A copy of `article` with `segments` filled: every sentence-like unit, in reading order."""
    text = article.text
    folded = fold(text)
    blocks = _blocks(text, folded)
    whole = [
        _whole_block_kind(folded, block, first=index == 0, title=article.title)
        for index, block in enumerate(blocks)
    ]
    quotes = [_quotes(text, block) for block in blocks]
    cuts: list[list[int]] = [[] for _ in blocks]
    hard: list[_Span] = []
    owners: list[int] = []
    for index, block in enumerate(blocks):
        if whole[index] or not _INNER_END.search(folded, block.start, block.end):
            continue
        cuts[index] = _plain_cuts(folded, block, quotes[index])
        position = block.start
        for cut in (*cuts[index], block.end):
            if _INNER_END.search(folded, position, cut):
                hard.append(_Span(position, cut))
                owners.append(index)
            position = cut
    for owner, ends in zip(owners, _sentence_ends(folded, hard), strict=True):
        cuts[owner].extend(ends)
    segments: list[Segment] = []
    for block, block_kind, block_cuts, block_quotes in zip(blocks, whole, cuts, quotes, strict=True):
        position = block.start
        kept = {
            cut
            for cut in block_cuts
            if _opens_sentence(folded, cut, block.end) and not _inside_quote(block_quotes, cut)
        }
        for cut in sorted({*kept, block.end}):
            start = _skip_space(text, position, cut)
            end = _trim_space(text, start, cut)
            position = cut
            if start == end:
                continue
            kind = block_kind
            if kind is None:
                whole_line = block.lines == 1 and start == block.start and end == block.end
                quoted = _is_quotation(folded, block_quotes, start, end)
                kind = _kind(folded[start:end], whole_line=whole_line, quoted=quoted)
            pieces = (
                _clauses(text, folded, start, end, block_quotes) if kind == "sentence" else [(start, end)]
            )
            for piece_start, piece_end in pieces:
                segments.append(
                    Segment(
                        id=f"{article.id}:{len(segments)}",
                        start=piece_start,
                        end=piece_end,
                        kind=kind,
                        paragraph=block.paragraph,
                    )
                )
    return dataclasses.replace(article, segments=tuple(segments))


def _clauses(text: str, folded: str, start: int, end: int, quotes: Sequence[_Quote]) -> list[tuple[int, int]]:
    """A sentence's independent clauses as (start, end): cut where `_CLAUSE_JOIN` matches outside a
    quotation, when the part before and the rest each have at least `_CLAUSE_MIN_WORDS` words."""
    pieces: list[tuple[int, int]] = []
    position = start
    for match in _CLAUSE_JOIN.finditer(folded, start, end):
        cut = match.start() + 1
        if _inside_quote(quotes, cut) or (
            match["list"] and _LIST_ITEM.search(folded, position, match.start())
        ):
            continue
        if min(len(folded[position:cut].split()), len(folded[cut:end].split())) < _CLAUSE_MIN_WORDS:
            continue
        pieces.append((position, cut))
        position = _skip_space(text, cut, end)
    pieces.append((position, end))
    return pieces


@functools.cache
def _segmenter() -> pysbd.Segmenter:
    """The English pySBD segmenter, built once (it compiles many rules)."""
    return pysbd.Segmenter(language="en", clean=False)


def _blocks(text: str, folded: str) -> list[_Block]:
    """Non-blank lines grouped into paragraphs, with lines wrapped in mid-sentence joined into one block."""
    blocks: list[_Block] = []
    paragraph = -1
    previous_blank = True
    position = 0
    while True:
        newline = text.find("\n", position)
        line_end = len(text) if newline < 0 else newline
        start = _skip_space(text, position, line_end)
        end = _trim_space(text, start, line_end)
        if start == end:
            previous_blank = True
        elif previous_blank:
            paragraph += 1
            previous_blank = False
            blocks.append(_Block(start, end, paragraph, 1))
        elif _continues(folded, blocks[-1].end, start):
            blocks[-1] = dataclasses.replace(blocks[-1], end=end, lines=blocks[-1].lines + 1)
        else:
            blocks.append(_Block(start, end, paragraph, 1))
        if newline < 0:
            return blocks
        position = newline + 1


def _continues(folded: str, line_end: int, next_start: int) -> bool:
    """Whether the line ending at `line_end` runs on into the line starting at `next_start`."""
    return folded[next_start].islower() or folded[line_end - 1] in _CONTINUES


def _skip_space(text: str, start: int, end: int) -> int:
    """The first offset in [start, end) that is not whitespace, or `end`."""
    while start < end and text[start].isspace():
        start += 1
    return start


def _trim_space(text: str, start: int, end: int) -> int:
    """`end` moved back over trailing whitespace, not before `start`."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _plain_cuts(folded: str, block: _Block, quotes: Sequence[_Quote]) -> list[int]:
    """Offsets just after the block's ordinary sentence ends, which need no sentence model."""
    cuts: list[int] = []
    position = block.start
    for match in _PLAIN_END.finditer(folded, block.start, block.end):
        word = match.group(1)
        cut = match.end()
        if (
            word.casefold() in _ABBREVIATIONS
            or _ROMAN_NUMERAL.fullmatch(word)
            or _guarded(folded[position:cut])
            or _inside_quote(quotes, cut)
        ):
            continue
        cuts.append(cut)
        position = cut
    return cuts


def _guarded(region: str) -> bool:
    """Whether a sentence end after `region` may sit inside brackets, single quotes or '--' dashes."""
    return (
        region.count("(") != region.count(")")
        or region.count("[") != region.count("]")
        or region.count("--") % 2 == 1
        or _OPEN_SINGLE_QUOTE.search(region) is not None
    )


def _sentence_ends(folded: str, spans: Sequence[_Span]) -> list[list[int]]:
    """For each span, the offsets where pySBD ends a sentence, in runs of bounded length (one run for all
    the spans of an ordinary article)."""
    pieces = [(owner, piece) for owner, span in enumerate(spans) for piece in _bounded(folded, span)]
    ends: list[list[int]] = [[] for _ in spans]
    run: list[tuple[int, _Span]] = []
    for item in [*pieces, None]:
        if item is None or (
            run and sum(p.end - p.start + 1 for _, p in run) + item[1].end - item[1].start > _PYSBD_RUN
        ):
            for (owner, _), found in zip(run, _pysbd_ends(folded, [p for _, p in run]), strict=True):
                ends[owner].extend(found)
            run = []
        if item is not None:
            run.append(item)
    return ends


def _bounded(folded: str, span: _Span) -> list[_Span]:
    """A span cut into pieces of at most _PYSBD_SPAN characters, where a sentence most likely ends (else at
    a space); an ordinary span is one piece."""
    out: list[_Span] = []
    start = span.start
    while span.end - start > _PYSBD_SPAN:
        limit = start + _PYSBD_SPAN
        cut = max(
            (m.end() for m in _LIKELY_END.finditer(folded, start + _PYSBD_SPAN // 2, limit)), default=-1
        )
        if cut <= start:
            cut = folded.rfind(" ", start + 1, limit) + 1 or limit
        out.append(_Span(start, cut))
        start = cut
    out.append(_Span(start, span.end))
    return out


def _pysbd_ends(folded: str, spans: Sequence[_Span]) -> list[list[int]]:
    """For each span, the offsets where pySBD ends a sentence (one pySBD run for all spans)."""
    ends: list[list[int]] = [[] for _ in spans]
    if not spans:
        return ends
    pieces = [folded[span.start : span.end].translate(_PYSBD_SPACES) for span in spans]
    piece_ends: list[int] = []
    offset = 0
    for piece in pieces:
        offset += len(piece)
        piece_ends.append(offset)
        offset += 1
    joined = "\n".join(pieces)
    cursor = 0
    current = 0
    for sentence in _segmenter().processor(joined).process():
        stripped = sentence.strip()
        found = joined.find(stripped, cursor) if stripped else -1
        if found < 0:
            continue
        cursor = found + len(stripped)
        while cursor > piece_ends[current]:
            current += 1
        piece_start = piece_ends[current] - len(pieces[current])
        ends[current].append(spans[current].start + cursor - piece_start)
    return ends


def _quotes(text: str, block: _Block) -> list[_Quote]:
    """Closed double quotations in a block; curly marks give the direction, straight ones are guessed."""
    quotes: list[_Quote] = []
    opened = -1
    for match in _QUOTE_CHARS.finditer(text, block.start, block.end):
        at = match.start()
        mark = match.group()
        if mark in _OPENING_QUOTES:
            opened = at
        elif mark in _CLOSING_QUOTES:
            if opened >= 0:
                quotes.append(_Quote(opened, at))
                opened = -1
        else:
            before = text[at - 1] if at > block.start else " "
            after = text[at + 1] if at + 1 < block.end else " "
            looks_opening = (before.isspace() or before in _OPENS_AFTER) and not after.isspace()
            looks_closing = not before.isspace() and (after.isspace() or not after.isalnum())
            if opened < 0:
                if not looks_closing:
                    opened = at
            elif looks_opening:
                opened = at
            else:
                quotes.append(_Quote(opened, at))
                opened = -1
    return quotes


def _opens_sentence(folded: str, cut: int, end: int) -> bool:
    """Whether the text after `cut` can start a sentence: not lower case, not a comma or closing bracket."""
    start = _skip_space(folded, cut, end)
    return start < end and not (folded[start].islower() or folded[start] in _CONTINUES_SENTENCE)


def _inside_quote(quotes: Sequence[_Quote], cut: int) -> bool:
    """Whether cutting before offset `cut` would split a quotation."""
    return any(quote.open < cut <= quote.close for quote in quotes)


def _is_quotation(folded: str, quotes: Sequence[_Quote], start: int, end: int) -> bool:
    """Whether text[start:end] is wholly one quotation, trailing punctuation aside."""
    return any(
        quote.open == start
        and quote.close < end
        and not folded[quote.close + 1 : end].strip(_FINAL_PUNCTUATION)
        for quote in quotes
    )


def _whole_block_kind(folded: str, block: _Block, *, first: bool, title: str | None) -> SegmentKind | None:
    """The kind of a line kept whole whatever its punctuation ("title" or "caption"), else None."""
    if block.lines != 1:
        return None
    line = folded[block.start : block.end]
    if first and _is_title(line, title):
        return "title"
    if len(line.split()) <= _CAPTION_MAX_WORDS and _CAPTION.search(line):
        return "caption"
    return None


def _is_title(line: str, title: str | None) -> bool:
    """Whether the first line is the headline: the article's title, or a short unpunctuated line."""
    words = line.casefold().split()
    if title is not None:
        line = " ".join(words)
        headline = " ".join(fold(title).casefold().split())
        return bool(headline) and (line.startswith(headline) or headline.startswith(line))
    return len(words) <= _TITLE_MAX_WORDS and line[-1] not in ".:;," and not _INNER_END.search(line)


def _kind(unit: str, *, whole_line: bool, quoted: bool) -> SegmentKind:
    """The kind of a unit of folded text that is not a whole title or caption line."""
    if not any(char.isalpha() for char in unit):
        return "other"
    if quoted:
        return "quote"
    if not whole_line:
        return "sentence"
    if _MARKDOWN_HEADING.match(unit):
        return "heading"
    if unit.rstrip(_CLOSERS)[-1:] in _FINAL_PUNCTUATION:
        return "sentence"
    words = unit.split()
    if len(words) > _HEADING_MAX_WORDS:
        return "sentence"
    if _looks_like_heading(words):
        return "heading"
    return "other"


def _looks_like_heading(words: Sequence[str]) -> bool:
    """Short and capitalised: sentence case up to five words, title case beyond."""
    if not (words[0][0].isupper() or words[0][0].isdigit()):
        return False
    if len(words) <= 5:
        return True
    content = [word for word in words if len(word) > 3]
    capitalised = sum(1 for word in content if word[0].isupper() or word[0].isdigit())
    return capitalised * 2 >= len(content)
