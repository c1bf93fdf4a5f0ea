"""A rule-based finder of people, organisations and places, with one key for the variants of a name.

spaCy would add some 300 MB for this (design.md); news copy is regular enough for rules. A name is a run of
capitalised words (with "of", "the" ... inside), split where a title ("Prime Minister", "Sir") or a known
place or demonym ("UK", "Russian") stands. Sentence-initial words count only if the same word is capitalised
mid-sentence somewhere in the articles ("Speaking", "Allies" are not names; "Zelensky" is). Headings and
titles are title-cased throughout and are left out by the caller. Variants share a key: people by surname
("Emmanuel Macron", "President Macron", "Macron"), places by the alias table ("US", "U.S.", "United States").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Literal

from compare_tui.core.analysis.context import ArticleView
from compare_tui.core.analysis.lexicons import NameLexicon, name_lexicon
from compare_tui.core.textnorm import Token

NameKind = Literal["person", "organisation", "place", "name"]
_SENTENCE_BREAK = frozenset('.!?:"`')
_DAY_AFTER = re.compile(r"\.?,?\s\d")


@dataclass(frozen=True, slots=True)
class NameMention:
    """One mention of a name: span in the text, the key shared by its variants, a label and a kind."""

    start: int
    end: int
    key: str
    label: str
    kind: NameKind


@dataclass(frozen=True, slots=True)
class _Word:
    start: int
    end: int
    text: str
    at_sentence_start: bool
    possessive: bool
    capitalised: bool
    lower: str
    initial: bool  # one capital letter and a full stop: "Rabie A. Atti"


def _words(text: str, tokens: Sequence[Token], start: int, connectors: frozenset[str]) -> list[_Word | None]:
    """Words of a sentence starting at `start`, marked where a sentence starts and where a possessive ends.

    A sentence starts after a full stop (not an initial's), a colon, a quotation mark, a line break or a run
    of spaces (a dateline glued to the first sentence). Words that can be no part of a name (lower case and
    not a connector like "of") are None.
    """
    words: list[_Word | None] = []
    previous_end = start
    after_initial = False
    for token in tokens:
        word = token.text
        possessive = word.endswith("'s")
        if possessive:
            word = word[:-2]
        capitalised = word[:1].isupper()
        lower = word.lower()
        if capitalised or lower in connectors:
            gap = text[previous_end : token.start]
            if after_initial:
                gap = gap.removeprefix(".")
            at_start = not words or not _SENTENCE_BREAK.isdisjoint(gap) or "\n" in gap or "  " in gap
            initial = len(word) == 1 and capitalised and text[token.end : token.end + 1] == "."
            words.append(
                _Word(
                    token.start,
                    token.start + len(word),
                    word,
                    at_start,
                    possessive,
                    capitalised,
                    lower,
                    initial,
                )
            )
            after_initial = initial
        else:
            words.append(None)
            after_initial = False
        previous_end = token.end
    return words


def _known(word_lists: Iterable[list[_Word | None]]) -> frozenset[str]:
    """Lower-cased words written with a capital letter somewhere other than a sentence start."""
    return frozenset(
        w.lower for words in word_lists for w in words if w and w.capitalised and not w.at_sentence_start
    )


@dataclass(frozen=True, slots=True)
class _Phrases:
    """Lower-case lexicon phrases (titles, aliases), with the first words they can start with."""

    table: frozenset[str] | Mapping[str, str]
    first_words: frozenset[str]
    longest: int

    @classmethod
    def of(cls, table: frozenset[str] | Mapping[str, str], longest: int) -> _Phrases:
        """Index a table whose phrases are matched up to `longest` words."""
        return cls(table, frozenset(phrase.split(" ")[0] for phrase in table), longest)

    def match(self, words: list[_Word], i: int) -> int:
        """How many words from position i form the longest phrase of the table (0: none)."""
        first = words[i].lower
        if first not in self.first_words and not (first.endswith(".") and first[:-1] in self.first_words):
            return 0
        for size in range(min(self.longest, len(words) - i), 0, -1):
            phrase = " ".join(w.text for w in words[i : i + size]).lower()
            if phrase in self.table or (phrase.endswith(".") and phrase[:-1] in self.table):
                return size
        return 0


@dataclass(frozen=True, slots=True)
class _Lexicon:
    """The name lexicon with its title and alias phrases indexed for matching."""

    lists: NameLexicon
    titles: _Phrases
    aliases: _Phrases


@cache
def _lexicon() -> _Lexicon:
    """The name lexicon, indexed once."""
    lexicon = name_lexicon()
    return _Lexicon(lexicon, _Phrases.of(lexicon.titles, 3), _Phrases.of(lexicon.aliases, 4))


@dataclass(frozen=True, slots=True)
class NameIndex:
    """The names of every prose segment of a set of articles, found once and shared by all analysers."""

    by_segment: Mapping[str, tuple[NameMention, ...]]
    person_keys: frozenset[str]

    def in_segment(self, segment_id: str) -> tuple[NameMention, ...]:
        """Names in one segment (none for titles and headings)."""
        return self.by_segment.get(segment_id, ())


def index_names(views: Sequence[ArticleView]) -> NameIndex:
    """Find the names of all prose segments (titles and headings are title-cased, so left out)."""
    lexicon = _lexicon()
    connectors = lexicon.lists.connectors
    words = {
        s.id: (v.folded, _words(v.folded, v.tokens_in(s.start, s.end), s.start, connectors))
        for v in views
        for s in v.segments
        if s.kind not in ("title", "heading")
    }
    known = _known(w for _, w in words.values())
    by_segment = {sid: tuple(_from_words(text, w, known, lexicon)) for sid, (text, w) in words.items()}
    persons = frozenset(m.key for ms in by_segment.values() for m in ms if m.kind == "person")
    return NameIndex(by_segment, persons)


def _runs(text: str, words: list[_Word | None], connectors: frozenset[str]) -> list[list[_Word]]:
    runs: list[list[_Word]] = []
    current: list[_Word] = []
    for i, word in enumerate(words):
        if word is None:
            current = []
            continue
        if not current and not word.capitalised:
            continue
        joined = bool(current) and not current[-1].possessive and _adjacent(text, current[-1], word)
        if word.capitalised:
            if not joined:
                current = [word]
                runs.append(current)
            else:
                current.append(word)
        elif joined and word.lower in connectors and _name_follows(words, i + 1, connectors):
            current.append(word)
        else:
            current = []
    return runs


def _adjacent(text: str, previous: _Word, word: _Word) -> bool:
    """Whether two words stand next to each other in a name: one space apart, or an initial's full stop."""
    gap = text[previous.end : word.start]
    return gap == " " or (previous.initial and gap == ". ")


def _name_follows(words: list[_Word | None], i: int, connectors: frozenset[str]) -> bool:
    """Whether a capitalised word follows position i after nothing but connectors ("of the Willing")."""
    for word in words[i:]:
        if word is None or word.lower not in connectors:
            return word is not None and word.capitalised
    return False


def _from_words(
    text: str, words: list[_Word | None], known: frozenset[str], lexicon: _Lexicon
) -> list[NameMention]:
    lists = lexicon.lists
    mentions: list[NameMention] = []
    for run in _runs(text, words, lists.connectors):
        chunk: list[_Word] = []
        titled = False
        i = 0
        while i < len(run):
            if _is_date_word(text, run[i], lists):  # "Taludi Thursday", "on Nov. 10": never part of a name
                _flush(text, chunk, titled, known, lists, mentions)
                chunk, titled = [], False
                i += 1
            elif size := lexicon.titles.match(run, i):
                _flush(text, chunk, titled, known, lists, mentions)
                chunk, titled = [], True
                i += size
            elif size := lexicon.aliases.match(run, i):
                _flush(text, chunk, titled, known, lists, mentions)
                chunk, titled = [], False
                phrase = run[i : i + size]
                phrase_text = " ".join(w.text for w in phrase).lower()
                canonical = lists.aliases.get(phrase_text) or lists.aliases[phrase_text[:-1]]
                is_org = canonical.isupper() or canonical.split()[-1].lower() in lists.org_words
                mentions.append(
                    NameMention(
                        phrase[0].start,
                        phrase[-1].end,
                        f"alias:{canonical.lower()}",
                        canonical,
                        "organisation" if is_org or canonical == "United Nations" else "place",
                    )
                )
                i += size
            else:
                chunk.append(run[i])
                i += 1
        _flush(text, chunk, titled, known, lists, mentions)
    return _merge_acronyms(text, mentions)


def _is_date_word(text: str, word: _Word, lexicon: NameLexicon) -> bool:
    """A weekday, or a month name followed by a day ("Nov. 10"); "May" alone may be a surname."""
    if word.lower in lexicon.weekdays:
        return True
    return word.lower in lexicon.months and _DAY_AFTER.match(text, word.end) is not None


def _flush(
    text: str,
    chunk: list[_Word],
    titled: bool,
    known: frozenset[str],
    lexicon: NameLexicon,
    out: list[NameMention],
) -> None:
    while chunk and (chunk[0].lower in lexicon.not_names or chunk[0].lower in lexicon.connectors):
        chunk = chunk[1:]
    while chunk and chunk[-1].lower in lexicon.connectors:
        chunk = chunk[:-1]
    if not chunk:
        return
    first = chunk[0].lower
    if len(chunk) == 1 and (
        (chunk[0].at_sentence_start and first not in known and not titled)
        or first in lexicon.weekdays
        or first in lexicon.months
        or sum(c.isalpha() for c in first) < 2
    ):
        return
    lowered = [w.lower for w in chunk]
    is_org = any(w in lexicon.org_words for w in lowered) or (
        len(chunk) == 1 and chunk[0].text.isupper() and len(chunk[0].text) > 1
    )
    kind: NameKind = "organisation" if is_org else "person" if titled or len(chunk) > 1 else "name"
    key = lowered[-1] if kind == "person" else " ".join(lowered)
    out.append(NameMention(chunk[0].start, chunk[-1].end, key, text[chunk[0].start : chunk[-1].end], kind))


def _merge_acronyms(text: str, mentions: list[NameMention]) -> list[NameMention]:
    """'Central Election Commission (CEC)': the acronym takes the key of the name it abbreviates."""
    out: list[NameMention] = []
    for mention in mentions:
        label = mention.label
        if (
            out
            and label.isupper()
            and text[mention.start - 1 : mention.start] == "("
            and text[mention.end : mention.end + 1] == ")"
            and out[-1].end >= mention.start - 2
        ):
            previous = out[-1]
            mention = NameMention(mention.start, mention.end, previous.key, previous.label, previous.kind)
        out.append(mention)
    return out
