"""A rule-based finder of people, organisations and places, with one key for the variants of a name.

spaCy would add some 300 MB for this (design.md); news copy is regular enough for rules. A name is a run of
capitalised words (with "of", "the" ... inside), split where a title ("Prime Minister", "Sir") or a known
place or demonym ("UK", "Russian") stands. Sentence-initial words count only if the same word is capitalised
mid-sentence somewhere in the articles ("Speaking", "Allies" are not names; "Zelensky" is). Headings and
titles are title-cased throughout and are left out by the caller. Variants share a key: people by surname
("Emmanuel Macron", "President Macron", "Macron"), places by the alias table ("US", "U.S.", "United States").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from compare_tui.core.analysis.context import ArticleView
from compare_tui.core.analysis.lexicons import NameLexicon, name_lexicon
from compare_tui.core.textnorm import Token, tokenize

NameKind = Literal["person", "organisation", "place", "name"]
_SENTENCE_BREAK = frozenset('.!?:"`')


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


def _words(text: str, tokens: Sequence[Token], start: int) -> list[_Word]:
    """Words of a sentence starting at `start`, marked where a sentence starts and where a possessive ends."""
    words = []
    previous_end = start
    for token in tokens:
        gap = text[previous_end : token.start]
        at_start = not words or any(c in _SENTENCE_BREAK for c in gap)
        word = token.text
        possessive = word.endswith(("'s", "'"))
        if possessive:
            word = word[:-2] if word.endswith("'s") else word[:-1]
        words.append(_Word(token.start, token.start + len(word), word, at_start, possessive))
        previous_end = token.end
    return words


def _segment_words(text: str, start: int, end: int) -> list[_Word]:
    tokens = [Token(start + t.start, start + t.end, t.text) for t in tokenize(text[start:end])]
    return _words(text, tokens, start)


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def capitalised_mid_sentence(texts: Iterable[tuple[str, int, int]]) -> frozenset[str]:
    """Lower-cased words written with a capital letter somewhere other than a sentence start."""
    return _known(_segment_words(text, start, end) for text, start, end in texts)


def _known(word_lists: Iterable[list[_Word]]) -> frozenset[str]:
    return frozenset(
        w.text.lower()
        for words in word_lists
        for w in words
        if not w.at_sentence_start and _capitalised(w.text)
    )


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
    words = {
        s.id: (v.folded, _words(v.folded, v.tokens_in(s.start, s.end), s.start))
        for v in views
        for s in v.segments
        if s.kind not in ("title", "heading")
    }
    known = _known(w for _, w in words.values())
    lexicon = name_lexicon()
    by_segment = {sid: tuple(_from_words(text, w, known, lexicon)) for sid, (text, w) in words.items()}
    persons = frozenset(m.key for ms in by_segment.values() for m in ms if m.kind == "person")
    return NameIndex(by_segment, persons)


def _runs(text: str, words: list[_Word], lexicon: NameLexicon) -> list[list[_Word]]:
    runs: list[list[_Word]] = []
    current: list[_Word] = []
    for i, word in enumerate(words):
        joined = bool(current) and not current[-1].possessive and text[current[-1].end : word.start] == " "
        if _capitalised(word.text):
            if not joined:
                current = [word]
                runs.append(current)
            else:
                current.append(word)
        elif joined and word.text.lower() in lexicon.connectors and _name_follows(words, i + 1, lexicon):
            current.append(word)
        else:
            current = []
    return runs


def _name_follows(words: list[_Word], i: int, lexicon: NameLexicon) -> bool:
    """Whether a capitalised word follows position i after nothing but connectors ("of the Willing")."""
    while i < len(words) and words[i].text.lower() in lexicon.connectors:
        i += 1
    return i < len(words) and _capitalised(words[i].text)


def _match(words: list[_Word], i: int, table: frozenset[str] | dict[str, str], longest: int) -> int:
    for size in range(min(longest, len(words) - i), 0, -1):
        phrase = " ".join(w.text for w in words[i : i + size]).lower()
        if phrase in table or (phrase.endswith(".") and phrase[:-1] in table):
            return size
    return 0


def find_names(
    text: str, start: int, end: int, *, known: frozenset[str], lexicon: NameLexicon | None = None
) -> list[NameMention]:
    """Names in text[start:end] (a sentence or quotation of folded text), in order."""
    return _from_words(text, _segment_words(text, start, end), known, lexicon or name_lexicon())


def _from_words(
    text: str, words: list[_Word], known: frozenset[str], lexicon: NameLexicon
) -> list[NameMention]:
    mentions: list[NameMention] = []
    for run in _runs(text, words, lexicon):
        chunk: list[_Word] = []
        titled = False
        i = 0
        while i < len(run):
            if size := _match(run, i, lexicon.titles, 3):
                _flush(text, chunk, titled, known, lexicon, mentions)
                chunk, titled = [], True
                i += size
            elif size := _match(run, i, lexicon.aliases, 4):
                _flush(text, chunk, titled, known, lexicon, mentions)
                chunk, titled = [], False
                phrase = run[i : i + size]
                phrase_text = " ".join(w.text for w in phrase).lower()
                canonical = lexicon.aliases.get(phrase_text) or lexicon.aliases[phrase_text[:-1]]
                words = canonical.split()
                is_org = canonical.isupper() or words[-1].lower() in lexicon.org_words
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
        _flush(text, chunk, titled, known, lexicon, mentions)
    return _merge_acronyms(text, mentions)


def _flush(
    text: str,
    chunk: list[_Word],
    titled: bool,
    known: frozenset[str],
    lexicon: NameLexicon,
    out: list[NameMention],
) -> None:
    while chunk and (
        chunk[0].text.lower() in lexicon.not_names or chunk[0].text.lower() in lexicon.connectors
    ):
        chunk = chunk[1:]
    while chunk and chunk[-1].text.lower() in lexicon.connectors:
        chunk = chunk[:-1]
    if not chunk:
        return
    first = chunk[0].text.lower()
    if len(chunk) == 1 and (
        (chunk[0].at_sentence_start and first not in known and not titled)
        or first in lexicon.weekdays
        or first in lexicon.months
        or sum(c.isalpha() for c in first) < 2
    ):
        return
    lowered = [w.text.lower() for w in chunk]
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
