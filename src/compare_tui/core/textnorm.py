"""Typographic folding and word tokens shared by segmentation, alignment and analysis.

Outlets differ in typography (no-break spaces, curly quotes, en dashes) while reporting the same words, so
every comparison works on a folded copy. Folding maps each character to exactly one character, which keeps
every offset found in the copy valid in the text the user sees.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import lru_cache, partial
from itertools import accumulate
from typing import NamedTuple

_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u02bc\u2039\u203a"
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"

_FOLDED = {
    **dict.fromkeys(_SPACES, " "),
    **dict.fromkeys(_SINGLE_QUOTES, "'"),
    **dict.fromkeys(_DOUBLE_QUOTES, '"'),
    **dict.fromkeys(_DASHES, "-"),
    "\u2026": ".",
}
# a regex finds the few characters to fold ten times faster than str.translate visits every character
_FOLD_RE = re.compile("[" + re.escape("".join(_FOLDED)) + "]")

# Abbreviations whose final period belongs to the word ("Jan. 8", "Mr. Macron"), matched case-sensitively.
# fmt: off
_DOTTED_WORDS = (
    "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Sr", "Jr", "St", "Mt", "Ft", "Gen", "Lt", "Col", "Maj",
    "Capt", "Cmdr", "Adm", "Sgt", "Cpl", "Gov", "Sen", "Rep", "Rev", "Hon", "Pres", "Jan", "Feb",
    "Mar", "Apr", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "No", "Nos", "Vol", "Fig", "Inc",
    "Ltd", "Corp", "Co", "Bros", "Dept", "Univ", "Ave", "Blvd", "vs", "etc",
)
# fmt: on
_DOTTED_FIRSTS = {word[0] for word in _DOTTED_WORDS}

# One capturing group around the whole token, so that `re.split` returns the gaps and the tokens in turn.
# The lookahead on the abbreviations' first letters is only a shortcut: the regex engine otherwise tries all
# fifty of them at the start of every word (a fifth of the tokenizer's time); it matches the same tokens.
_TOKEN_RE = re.compile(
    r"""
    (?<![^\W_])(
        [$€£¥]?\d+(?:[.,:]\d+)*(?:%|[^\W\d_]+)?      # 75%, 1,000, 3.5, 10:30, 1990s, 5bn, $20
      | (?:[^\W\d_]\.){2,}                         # U.S., a.m., U.K.
      | (?=[{firsts}])(?:{dotted})\.(?![^\W_])      # Jan., Mr., Gen.
      | [^\W_]+(?:['’\-‐‑][^\W_]+)*                # don't, post-war, Zelensky’s
    )
    """.replace("{dotted}", "|".join(_DOTTED_WORDS)).replace("{firsts}", "".join(sorted(_DOTTED_FIRSTS))),
    re.VERBOSE,
)


class Token(NamedTuple):
    """One word or number: `text` is `source[start:end]` of the string it was found in.

    A named tuple rather than a frozen dataclass: an article has thousands of tokens, and a frozen
    dataclass's `__init__` (one `object.__setattr__` per field) made building them a fifth of the analysis.
    """

    start: int
    end: int
    text: str


# builds a Token from a (start, end, text) tuple without the Python-level `__new__`, for `tokenize`'s loop
_token_of = partial(tuple.__new__, Token)

# A character that no token holds (no word character, currency sign, ".,:%", apostrophe or hyphen): the token
# pattern reads it as it reads the edge of the string.
_OUTSIDE_TOKENS = re.compile(r"[^\w$€£¥.,:%'’\-‐‑]")


def fold(text: str) -> str:
    """Fold unicode spaces, curly quotes, dashes and the ellipsis to ASCII, one character for one."""
    return _FOLD_RE.sub(_folded_char, text)


def _folded_char(match: re.Match[str]) -> str:
    return _FOLDED[match.group()]


def tokenize(text: str) -> tuple[Token, ...]:
    """Words and numbers of `text` in order, with offsets; punctuation and spaces are not tokens.

    `re.split` hands back gap, token, gap, ... and the pieces add up to `text`, so the running sum of their
    lengths gives every offset: all in C, a fifth faster than asking each match for its start and end.
    """
    return tuple(map(_token_of, zip(*_token_fields(text))))


def _token_fields(text: str) -> tuple[list[int], list[int], list[str]]:
    """The starts, ends and texts of the tokens of `text`, as three lists (`tokenize`)."""
    pieces = _TOKEN_RE.split(text)
    offsets = list(accumulate(map(len, pieces), initial=0))
    return offsets[1::2], offsets[2::2], pieces[1::2]


class TextTokens(NamedTuple):
    """A whole text folded and its tokens, as three parallel tuples: starts, ends and texts (`tokenize`'s
    fields over `fold(text)`).

    The aligner reads the words of every passage and the analysis the tokens of every article: both take them
    from one tokenization of the article (`text_tokens`) instead of tokenizing each passage and then the
    article again.
    """

    folded: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    texts: tuple[str, ...]

    def tokens(self) -> tuple[Token, ...]:
        """The tokens as `tokenize(self.folded)` gives them."""
        return tuple(map(_token_of, zip(self.starts, self.ends, self.texts)))

    def texts_in(self, start: int, end: int) -> tuple[str, ...]:
        """The token texts of `folded[start:end]`, exactly as `tokenize` finds them in that string.

        Where both edges of the span touch a character no token holds (`_OUTSIDE_TOKENS`: a space, most
        punctuation) or the end of the text, no token crosses them and the pattern reads them as the ends of a
        string, so the span's tokens are the whole text's tokens that start in it; elsewhere ("U.S." cut
        after "U") the span is tokenized on its own.
        """
        text = self.folded
        if _cut_is_clean(text, start) and _cut_is_clean(text, end):
            low = bisect.bisect_left(self.starts, start)
            return self.texts[low : bisect.bisect_left(self.starts, end, low)]
        return tuple(token.text for token in tokenize(text[start:end]))


def _cut_is_clean(text: str, at: int) -> bool:
    """Whether cutting `text` at `at` leaves every token whole and read as it is read in the whole text."""
    return (
        at <= 0
        or at >= len(text)
        or _OUTSIDE_TOKENS.match(text, at - 1, at) is not None
        or _OUTSIDE_TOKENS.match(text, at, at + 1) is not None
    )


@lru_cache(maxsize=64)
def text_tokens(text: str) -> TextTokens:
    """A whole article's text folded, and the tokens `tokenize` finds in the folded copy.

    Cached by text: the aligner tokenizes each article here and the analysis of the same comparison then
    finds its tokens made. The cache holds the last 64 articles' tokens, which the analysis of a comparison
    keeps anyway (`ArticleView.tokens`).
    """
    folded = fold(text)
    return TextTokens(folded, *map(tuple, _token_fields(folded)))


def occurrences(text: str, sub: str) -> Iterator[int]:
    """Every position where `sub` starts in `text`, overlapping ones too, found by `str.find` (a memory search,
    far faster than a regex scan for a literal)."""
    at = text.find(sub)
    while at >= 0:
        yield at
        at = text.find(sub, at + 1)
