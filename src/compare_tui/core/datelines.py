"""Publication lines: the dateline, timestamp or byline a web page or wire story carries.

"Thu, 10 Nov 2011 02:45 PM", "Published on: 11 November 2011 - 11:25am", "WASHINGTON - April 27 -",
"By Jeffrey Gettleman": they say when, where and by whom the copy was filed, not what happened, so the
analysis takes no facts from them, does not call them unique passages and does not diff their wording.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from compare_tui.core.lexicon import NameLexicon

MAX_CHARS = 120
_WORD = re.compile(r"[^\W\d_]+|\d+")
_DIGIT = re.compile(r"\d")
_CLOCK_OR_SLASH = re.compile(r"\d\s*[:/]\s*\d")
_BYLINE_WORDS = 8


def _names() -> NameLexicon:
    """The name lexicon, imported on the first line that could be a dateline: the loader reads most articles
    without it, and importing it (the TOML parser, package resources) would cost every start-up."""
    from compare_tui.core.lexicon import name_lexicon

    return name_lexicon()


@cache
def _calendar() -> frozenset[str]:
    """Weekday and month names and abbreviations, lower case, without full stops."""
    lexicon = _names()
    return frozenset(
        w.rstrip(".") for w in (*lexicon.weekdays, *lexicon.months, *lexicon.weekday_abbreviations)
    )


def is_publication_line(text: str) -> bool:
    """Whether a line is only a dateline, a timestamp or a byline."""
    if len(text) > MAX_CHARS:
        return False
    if _DIGIT.search(text):
        return _is_dateline(text)
    return text[:3].lower() == "by " and _is_byline(text)


def _is_dateline(text: str) -> bool:
    words = _WORD.findall(text)
    if not any(w.isdigit() for w in words):
        return False
    calendar, allowed = _calendar(), _names().publication_words
    dated = False
    for word in words:
        lower = word.lower()
        if word.isdigit() or lower in allowed or (word.isupper() and len(word) > 1):  # "WASHINGTON", "GMT"
            continue
        if lower not in calendar:
            return False
        dated = True
    return dated or _CLOCK_OR_SLASH.search(text) is not None


def _is_byline(text: str) -> bool:
    """Whether a line is a byline: capitalised names after "By" ("By ANNA SMITH and JOHN DOE") only."""
    words = text.replace(",", " ").split()
    return (
        1 < len(words) <= _BYLINE_WORDS
        and words[0].lower() == "by"
        and all(w == "and" or _name_word(w) for w in words[1:])
    )


def _name_word(word: str) -> bool:
    """A capitalised word that can be part of a person's name ("O'Neil", "Mary-Jane", "J.")."""
    return word[:1].isupper() and all(c.isalpha() or c in ".'-" for c in word[1:])
