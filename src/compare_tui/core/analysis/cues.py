"""Finds lexicon cues (cues.toml, stance.toml) in the writer's own words: never in what is quoted or reported.

Asides, loaded language and wording differences all ask the same question of a span of text, so the
matching lives here once.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import NamedTuple

from compare_tui.core.analysis.context import ArticleView
from compare_tui.core.analysis.voice import Voice
from compare_tui.core.lexicon import CueCategory, cue_categories, term_pattern

_CLAUSE_LEAD = frozenset({"", "and", "but", "so", "or"})
_NEXT_WORD = re.compile(r"\s+(?:own\s+)?([\w'-]+)")


class CueHit(NamedTuple):
    """One lexicon match: its span and the category it belongs to."""

    start: int
    end: int
    category: CueCategory


def at_clause_start(text: str, clause_start: int, position: int) -> bool:
    """Whether only an opening quote, bracket or a conjunction stands between a clause start and position."""
    lead = text[clause_start:position].strip(" \t\n\"'(-`").lower()
    return lead in _CLAUSE_LEAD


@dataclass(frozen=True, slots=True)
class _Term:
    category: CueCategory
    pattern: re.Pattern[str]
    next_initial: str | None  # the lower-case first letter of its second word; None: no such letter


def _next_initial(term: str) -> str | None:
    """The first letter of a term's second word, lower-cased, where the term opens with a whole word and its
    second word with an ASCII letter ("of course": "c"); else None ("the * thing", "speak*", "our")."""
    words = term.split()
    if len(words) < 2 or "*" in words[0] or not (words[1][:1].isascii() and words[1][:1].isalpha()):
        return None
    return words[1][0].lower()


@dataclass(frozen=True, slots=True)
class _Dispatch:
    """Lexicon terms by their first word, so each word of a text is tried only against terms it can start."""

    exact: Mapping[str, tuple[_Term, ...]]  # case-sensitive terms are keyed "=" + the word as written
    prefixes: Mapping[str, tuple[tuple[str, _Term], ...]]


@cache
def _dispatch() -> _Dispatch:
    exact: dict[str, list[_Term]] = defaultdict(list)
    prefixes: dict[str, list[tuple[str, _Term]]] = defaultdict(list)
    for category in cue_categories():
        flags = 0 if category.case_sensitive else re.IGNORECASE
        for term in category.terms:
            term_re = _Term(
                category, re.compile(rf"(?:{term_pattern(term)})(?![\w-])", flags), _next_initial(term)
            )
            first = term.split()[0].rstrip(",")
            if first.endswith("*"):
                stem = first.rstrip("*").lower()
                prefixes[stem[:1]].append((stem, term_re))
            else:
                exact["=" + first if category.case_sensitive else first.lower()].append(term_re)
    return _Dispatch({k: tuple(v) for k, v in exact.items()}, {k: tuple(v) for k, v in prefixes.items()})


class _Candidates(NamedTuple):
    """The lexicon terms that can start at a word, and a pattern that fails wherever all of them do."""

    terms: tuple[_Term, ...]
    gate: re.Pattern[str] | None  # None: try the terms one by one
    next_initials: str | None
    """The (lower-case) letters that the next word must start with for any of the terms to match there; None
    where a term needs no next word or one with another start."""


@lru_cache(maxsize=1 << 15)
def _candidates(word: str) -> _Candidates | None:
    """The lexicon terms that can start at a word as written (most words have none)."""
    dispatch = _dispatch()
    lower = word.lower()
    terms = (
        *dispatch.exact.get(lower, ()),
        *dispatch.exact.get("=" + word, ()),
        *(term for stem, term in dispatch.prefixes.get(lower[:1], ()) if lower.startswith(stem)),
    )
    if not terms:
        return None
    one_group = len(terms) > 1 and terms == dispatch.exact.get(lower)
    initials = {term.next_initial for term in terms}
    next_initials = None if None in initials else "".join(sorted(i for i in initials if i))
    return _Candidates(terms, _any_term(lower) if one_group else None, next_initials)


@cache
def _any_term(first: str) -> re.Pattern[str]:
    """One pattern matching where any term starting with a (lower-case) word does ("the", "in", "could").

    Most uses of such a word start no term: one failed match then rules out all of them, instead of one
    failed match per term (eleven for "the"). Each term keeps its case rule. Compiled on first use: a few
    words of the lexicon need it.
    """
    groups = [
        ("(?i:" if term.pattern.flags & re.IGNORECASE else "(?:") + term.pattern.pattern + ")"
        for term in _dispatch().exact[first]
    ]
    return re.compile("|".join(groups))


@dataclass(frozen=True, slots=True)
class CueIndex:
    """Every cue match of one article in the writer's voice, found word by word in one pass."""

    text: str
    hits: tuple[CueHit, ...]
    starts: tuple[int, ...]

    @classmethod
    def build(cls, view: ArticleView, voice: Voice) -> CueIndex:
        """Try each word of the article against the lexicon terms that start with it; `voice` says which
        words are someone else's."""
        text, caseless, starts = view.folded, view.caseless, view.token_starts
        hits = []
        # most words start no term: look up each distinct word once, then visit only the words that do
        starting = {word: found for word in view.words if (found := _candidates(word))}
        last = len(view.texts) - 1
        for i in view.token_indices(starting):
            token = view.tokens[i]
            terms, gate, next_initials = starting[token.text]
            # Most of these words ("of", "to", "a") start only terms of several words ("of course"): a term
            # matches only where the next word starts as its second word does. Only spaces (and a comma of
            # the term) stand between, so that word is the next token, and `caseless` holds its first letter
            # as IGNORECASE compares it ("ſ" is "s").
            if next_initials is not None and (i == last or caseless[starts[i + 1]] not in next_initials):
                continue
            if gate is not None and gate.match(text, token.start) is None:
                continue
            for term in terms:
                m = term.pattern.match(text, token.start)
                if m and not voice.reported(m.start(), m.end()) and not _undone(text, m.end(), term):
                    hits.append(CueHit(m.start(), m.end(), term.category))
        hits.sort(key=lambda h: (h.start, -h.end))
        return cls(text, tuple(hits), tuple(h.start for h in hits))

    def within(self, start: int, end: int, *, clause_start: int | None = None) -> list[CueHit]:
        """Cues lying in [start, end); clause-initial cues only where a clause starts."""
        lead = start if clause_start is None else clause_start
        return [
            h
            for h in self.hits[bisect.bisect_left(self.starts, start) : bisect.bisect_left(self.starts, end)]
            if h.end <= end and (not h.category.clause_start or at_clause_start(self.text, lead, h.start))
        ]


def _undone(text: str, end: int, term: _Term) -> bool:
    """Whether the word after a cue takes it back ("our" before "correspondent")."""
    if not term.category.not_before:
        return False
    following = _NEXT_WORD.match(text, end)
    return following is not None and following.group(1).lower() in term.category.not_before


@lru_cache(maxsize=1 << 12)
def cue_categories_in(text: str) -> tuple[str, ...]:
    """Names of the cue categories with a match anywhere in a short plain string (for wording labels)."""
    return tuple(c.name for c in cue_categories() if not c.clause_start and c.pattern.search(text))
