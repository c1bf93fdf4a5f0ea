"""A rule-based finder of people, organisations and places, with one key for the variants of a name.

spaCy would add some 300 MB for this; news copy is regular enough for rules. A name is a run of
capitalised words (with "of", "the" ... inside), split where a title ("Prime Minister", "Sir") or a known
place or demonym ("UK", "Russian") stands. Sentence-initial words count only if the same word is capitalised
mid-sentence somewhere in the articles ("Speaking", "Allies" are not names; "Zelensky" is). Headings and
titles are title-cased throughout and are left out by the caller. Variants share a key: people by surname
("Emmanuel Macron", "President Macron", "Macron"), places by the alias table ("US", "U.S.", "United States").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, partial
from itertools import compress
from typing import Literal, NamedTuple

from compare_tui.core.analysis.context import ArticleView
from compare_tui.core.lexicon import NameLexicon, name_lexicon
from compare_tui.core.textnorm import Token

NameKind = Literal["person", "organisation", "place", "name"]
_SENTENCE_BREAK = frozenset('.!?:"`\n')
_OPENING_FORMS = ("ing", "ed", "ly")  # a verb or adverb opening a sentence before a name
_DAY_AFTER = re.compile(r"\.?,?\s\d")
_POSSESSIVE_INSIDE = re.compile(r"\w['’]s?\s+\w")  # "Samaritan's Purse", "Workers' Party"
# what is no letter or digit: `[^\W_]` accepts exactly what `str.isalnum` does, so this is its complement
_NOT_ALNUM = re.compile(r"[\W_]+")


class NameMention(NamedTuple):
    """One mention of a name: span in the text, the key shared by its variants, a label and a kind."""

    start: int
    end: int
    key: str
    label: str
    kind: NameKind
    titled: bool = False  # a title stood before it ("President Kiir"): a person whatever the words

    @property
    def can_speak(self) -> bool:
        """Whether the name can be the subject of a reporting verb: not a region ("Unity State said")."""
        return self.kind != "place" or self.key.startswith("alias:")


class _Word(NamedTuple):
    """A word that may be part of a name (a named tuple: thousands per article, built faster than a dataclass)."""

    start: int
    end: int
    text: str
    at_sentence_start: bool
    possessive: bool
    capitalised: bool
    lower: str  # text.lower()
    initial: bool  # one capital letter and a full stop: "Rabie A. Atti"


# builds a _Word from a tuple of its fields without the Python-level `__new__`, for `_words`'s loop
_word_of = partial(tuple.__new__, _Word)


def _words(
    text: str, tokens: Sequence[Token], maybe: Iterable[int], start: int, connectors: frozenset[str]
) -> list[_Word | None]:
    """Words of a sentence starting at `start`, marked where a sentence starts and where a possessive ends.

    A sentence starts after a full stop (not an initial's), a colon, a quotation mark, a line break or a run
    of spaces (a dateline glued to the first sentence). Words that can be no part of a name (lower case and
    not a connector like "of" after such a word) are None; `maybe` holds the positions of the others
    (`_maybe_names`).
    """
    words: list[_Word | None] = [None] * len(tokens)
    for i in maybe:
        token = tokens[i]
        word = token.text
        possessive = word.endswith("'s")
        if possessive:
            word = word[:-2]
        else:  # "Peoples' Liberation Army": the tokenizer leaves a plural's apostrophe out
            possessive = word[-1] == "s" and text[token.end : token.end + 1] == "'"
        capitalised = word[:1].isupper()
        if "-" in word:
            head, _, tail = word.partition("-")
            if capitalised and tail.islower():  # "Khartoum-based": the name is the first part
                word = head
            elif head in connectors and tail[:1].isupper():  # "al-Bashir"
                capitalised = True
        lower = word.lower()
        # a lower-case connector ("the", "of") counts only after a word that may be part of a name: elsewhere
        # (most of them) no run, name or sentence start would read it, so it is left None
        if capitalised or (lower in connectors and i and words[i - 1] is not None):
            gap = text[tokens[i - 1].end if i else start : token.start]
            previous = words[i - 1] if i else None
            if previous is not None and previous.initial:
                gap = gap.removeprefix(".")
            at_start = not i or not _SENTENCE_BREAK.isdisjoint(gap) or "  " in gap
            initial = len(word) == 1 and capitalised and text[token.end : token.end + 1] == "."
            end = token.start + len(word)
            words[i] = _word_of((token.start, end, word, at_start, possessive, capitalised, lower, initial))
    return words


def _known(word_lists: Iterable[list[_Word | None]], lexicon: NameLexicon) -> frozenset[str]:
    """Lower-cased words that end a name somewhere other than a sentence start.

    They may open a sentence as a name ("Boyette reported" after "Ryan Boyette"); a word seen only inside
    longer names may not ("New arrivals" after "New Guffa").
    """
    known = set()
    for words in word_lists:
        last = len(words) - 1
        for i in compress(range(len(words)), words):  # the positions holding a word, not None
            w = words[i]
            if not w.capitalised or w.at_sentence_start:
                continue
            after = words[i + 1] if i < last else None
            if after is None or not after.capitalised or after.start != w.end + 1 or w.possessive:
                known.add(w.lower)
                if "-" in w.lower:
                    known.add(_surname(w.lower, lexicon))  # "Bashir" after "Omar al-Bashir"
    return frozenset(known)


@dataclass(frozen=True, slots=True)
class _Phrases:
    """Lower-case lexicon phrases (titles, aliases), with the first words they can start with."""

    table: frozenset[str] | Mapping[str, str]
    first_words: frozenset[str]
    sizes: Mapping[str, tuple[int, ...]]
    """How many words (at most `longest`, longest first) the phrases starting with each first word have."""

    @classmethod
    def of(cls, table: frozenset[str] | Mapping[str, str], longest: int) -> _Phrases:
        """Index a table whose phrases are matched up to `longest` words."""
        sizes: dict[str, set[int]] = {}
        for phrase in table:
            parts = phrase.split(" ")
            sizes.setdefault(parts[0], set()).add(len(parts))
        fitting = {
            word: tuple(sorted((n for n in ns if n <= longest), reverse=True)) for word, ns in sizes.items()
        }
        return cls(table, frozenset(sizes), fitting)

    def match(self, words: list[_Word], i: int) -> int:
        """How many words from position i form the longest phrase of the table (0: none)."""
        return self.matched(words, i)[0]

    def matched(self, words: list[_Word], i: int) -> tuple[int, str]:
        """How many words from position i form the longest phrase of the table (0: none), and that phrase
        as the words spell it, lower-cased (the table holds it, or it less a final full stop).

        A phrase of n words joined by spaces can only be a table phrase of n words starting with the same
        word (or, one word long, that word less its full stop), so only those sizes are joined and looked up;
        one word is its own lower case, already made.
        """
        first = words[i].lower
        sizes = self.sizes.get(first, ())
        if first.endswith(".") and 1 not in sizes and first[:-1] in self.table:
            sizes = (*sizes, 1)
        room = len(words) - i
        for size in sizes:
            if size > room:
                continue
            phrase = first if size == 1 else " ".join(w.text for w in words[i : i + size]).lower()
            if phrase in self.table or (phrase.endswith(".") and phrase[:-1] in self.table):
                return size, phrase
        return 0, ""


@dataclass(frozen=True, slots=True)
class _Lexicon:
    """The name lexicon with its title and alias phrases indexed for matching."""

    lists: NameLexicon
    titles: _Phrases
    aliases: _Phrases
    weekdays: frozenset[str]
    months: frozenset[str]
    calendar: frozenset[str]  # both
    openers: frozenset[str]
    """The first words of titles and aliases, and the calendar words: any other word (less a full stop) is
    plain part of a name, tested no further."""
    alias_keys: frozenset[str]
    """The names aliases stand for, lower-cased ("united states")."""
    alias_names: Mapping[str, tuple[str, NameKind]]
    """The key and kind of the name each alias stands for, by that name (`_alias_mention`)."""


@cache
def _lexicon() -> _Lexicon:
    """The name lexicon, indexed once."""
    lexicon = name_lexicon()
    titles, aliases = _Phrases.of(lexicon.titles, 3), _Phrases.of(lexicon.aliases, 4)
    calendar = frozenset(lexicon.weekdays) | frozenset(lexicon.months)
    return _Lexicon(
        lexicon,
        titles,
        aliases,
        frozenset(lexicon.weekdays),
        frozenset(lexicon.months),
        calendar,
        titles.first_words | aliases.first_words | calendar,
        frozenset(c.lower() for c in lexicon.aliases.values()),
        {canonical: _alias_name(canonical, lexicon) for canonical in lexicon.aliases.values()},
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
    """Find the names of all reporting segments (titles and headings are title-cased, so left out)."""
    lexicon = _lexicon()
    connectors = lexicon.lists.connectors
    words = {}
    for v in views:
        maybe = _maybe_names(v, connectors)
        for s in v.segments:
            if v.reports(s):
                low, high = v.token_range(s.start, s.end)
                first = bisect.bisect_left(maybe, low)
                mine = [i - low for i in maybe[first : bisect.bisect_left(maybe, high, first)]]
                words[s.id] = (v.folded, _words(v.folded, v.tokens[low:high], mine, s.start, connectors))
    known = _known((w for _, w in words.values()), lexicon.lists)
    found = {sid: _from_words(text, w, known, lexicon) for sid, (text, w) in words.items()}
    by_segment = _settled(found, lexicon.lists, _outlet_names(views))
    persons = frozenset(m.key for ms in by_segment.values() for m in ms if m.kind == "person")
    return NameIndex(by_segment, persons)


def _maybe_names(view: ArticleView, connectors: frozenset[str]) -> list[int]:
    """Indices of the tokens that may be part of a name: capitalised, a connector, or hyphenated (most words
    are none of these: the others are found by looking at each distinct word once)."""
    return view.token_indices(w for w in view.words if w[0].isupper() or w in connectors or "-" in w)


def _outlet_names(views: Sequence[ArticleView]) -> frozenset[str]:
    """The outlets' names as letters only: "nonviolentpeaceforce" from "nonviolentpeaceforce.org"."""
    names: set[str] = set()
    for view in views:
        outlet = (view.article.outlet or "").lower().removeprefix("www.")
        name = outlet.split(".")[0] if "." in outlet and " " not in outlet else outlet
        if letters := _alnum_only(name):
            names.add(letters)
    return frozenset(names)


def _settled(
    found: Mapping[str, list[NameMention]], lexicon: NameLexicon, outlets: frozenset[str]
) -> dict[str, tuple[NameMention, ...]]:
    """Decide what only all the articles together tell.

    A two-word "person" ending like a place is a place too ("Blue Nile" beside "Upper Nile"); a "person"
    spelled like an outlet is that organisation ("Nonviolent Peaceforce", nonviolentpeaceforce.org); and a
    country's organisation is the organisation named bare elsewhere ("U.S. State Department").
    """
    mentions = [m for ms in found.values() for m in ms]
    place_ends = {m.label.split()[-1].lower() for m in mentions if m.kind == "place" and " " in m.label}
    place_ends -= {m.key for m in mentions if m.kind == "person" and m.titled}
    organisations = {m.key for m in mentions if m.kind == "organisation"}
    countries = _lexicon().alias_keys
    renamed = {
        key: key[i + 1 :]
        for key in organisations
        for i, c in enumerate(key)
        if c == " " and key[:i] in countries and key[i + 1 :] in organisations
    }
    return {
        sid: tuple(_settle(m, place_ends, renamed, outlets, lexicon) for m in ms) for sid, ms in found.items()
    }


def _alnum_only(text: str) -> str:
    """The letters and digits of a string, in order ("nonviolentpeaceforce" from "Nonviolent Peaceforce")."""
    return _NOT_ALNUM.sub("", text)


def _settle(
    m: NameMention,
    place_ends: set[str],
    renamed: Mapping[str, str],
    outlets: frozenset[str],
    lexicon: NameLexicon,
) -> NameMention:
    """One mention as `_settled` decides it."""
    if m.kind == "person" and not m.titled and m.key in place_ends and " " in m.label:
        return m._replace(key=place_key(m.label.lower().split(), lexicon), kind="place")
    if m.kind == "person" and not m.titled and _alnum_only(m.label.lower()) in outlets:
        return m._replace(key=_spelled(m.label.lower().split(), lexicon), kind="organisation")
    if m.kind == "organisation" and m.key in renamed:
        return m._replace(key=renamed[m.key])
    return m


def _runs(text: str, words: list[_Word | None], lexicon: NameLexicon) -> list[list[_Word]]:
    """Runs of capitalised words (and connectors between them) that may hold one or more names."""
    connectors = lexicon.connectors
    runs: list[list[_Word]] = []
    current: list[_Word] = []
    after = -1  # the position after the last word seen: a None between them ends the run
    for i in compress(range(len(words)), words):  # the positions holding a word (most hold None)
        word = words[i]
        if i != after:
            current = []
        after = i + 1
        if not current and not word.capitalised:
            continue
        joined = bool(current) and _adjacent(text, current[-1], word, lexicon)
        if word.capitalised:
            if not joined:
                current = [word]
                runs.append(current)
            else:
                current.append(word)
        elif (
            joined
            and word.lower in connectors
            and (word.lower != "for" or any(_is_org_word(w.lower, lexicon) for w in current))
            and _name_follows(words, i + 1, connectors)
        ):  # "Coalition of the Willing", "Committee for ..." but not "the Nuba Mountains for Unity State"
            current.append(word)
        else:
            current = []
    return runs


def _adjacent(text: str, previous: _Word, word: _Word, lexicon: NameLexicon) -> bool:
    """Whether two words stand next to each other in one name.

    One space apart, or after an initial's full stop ("Rabie A. Atti"); a possessive ends a name unless the
    name goes on through it ("Sudan People's Liberation Army").
    """
    gap = text[previous.end : word.start]
    if previous.possessive:
        return previous.lower in lexicon.possessive_in_names and gap in ("'s ", "' ")
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
    for run in _runs(text, words, lists):
        chunk: list[_Word] = []
        titled = False
        i = 0
        while i < len(run):
            lower = run[i].lower
            if lower not in lexicon.openers and not (lower.endswith(".") and lower[:-1] in lexicon.openers):
                chunk.append(run[i])
                i += 1
            elif lower in lexicon.calendar and _is_date_word(text, run[i], lexicon):  # "Taludi Thursday"
                _flush(text, chunk, titled, known, lists, mentions)
                chunk, titled = [], False
                i += 1
            elif size := lexicon.titles.match(run, i):
                _flush(text, chunk, titled, known, lists, mentions)
                chunk, titled = [], True
                i += size
            elif (alias := lexicon.aliases.matched(run, i))[0] and _names_the_seat(chunk, lists):
                size = alias[0]
                chunk += run[i : i + size]
                i += size
            elif alias[0]:
                size, phrase = alias
                _flush(text, chunk, titled, known, lists, mentions)
                chunk, titled = [], False
                canonical = lists.aliases.get(phrase) or lists.aliases[phrase[:-1]]  # "U.S.": "United States"
                if _organisation_follows(
                    run, i + size, lexicon
                ):  # "Sudan Armed Forces", "U.S. State Department"
                    rest = run[i + size :]
                    key = _spelled([canonical.lower(), *(w.lower for w in rest)], lists)
                    label = text[run[i].start : run[-1].end]
                    mentions.append(NameMention(run[i].start, run[-1].end, key, label, "organisation"))
                    break
                mentions.append(_alias_mention(run[i : i + size], canonical, lexicon))
                i += size
            else:
                chunk.append(run[i])
                i += 1
        _flush(text, chunk, titled, known, lists, mentions)
    return _merge_acronyms(text, mentions)


def _alias_mention(phrase: list[_Word], canonical: str, lexicon: _Lexicon) -> NameMention:
    key, kind = lexicon.alias_names[canonical]
    return NameMention(phrase[0].start, phrase[-1].end, key, canonical, kind)


def _alias_name(canonical: str, lexicon: NameLexicon) -> tuple[str, NameKind]:
    """The key and kind of the name an alias stands for: an organisation ("NATO", "United Nations"), else a
    place."""
    is_org = canonical.isupper() or canonical.split()[-1].lower() in lexicon.org_words
    kind: NameKind = "organisation" if is_org or canonical == "United Nations" else "place"
    return f"alias:{canonical.lower()}", kind


def _names_the_seat(chunk: list[_Word], lexicon: NameLexicon) -> bool:
    """Whether a name goes on with "of"/"for" and a place ("Council of Europe", "Republic of South Sudan")."""
    return (
        len(chunk) > 1
        and chunk[-1].lower in ("of", "for")
        and (chunk[0].lower in lexicon.place_prefixes or any(_is_org_word(w.lower, lexicon) for w in chunk))
    )


def _organisation_follows(run: list[_Word], i: int, lexicon: _Lexicon) -> bool:
    """Whether the rest of a run from i names an organisation ("U.S. State Department").

    An organisation word must come before any other alias ("Mine Action Coordination Center of South
    Sudan"), and no title may stand in it ("U.S. President Trump").
    """
    named = False
    for j in range(i, len(run)):
        if lexicon.titles.match(run, j) or (not named and lexicon.aliases.match(run, j)):
            return False
        named = named or _is_org_word(run[j].lower, lexicon.lists)
    return named


def _is_org_word(lower: str, lexicon: NameLexicon) -> bool:
    """An organisation word, also as part of a hyphenated word ("Army-North")."""
    return lower in lexicon.org_words or (
        "-" in lower and any(p in lexicon.org_words for p in lower.split("-"))
    )


def _is_date_word(text: str, word: _Word, lexicon: _Lexicon) -> bool:
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
    if not chunk:  # most runs end with nothing left to flush
        return
    while chunk and (chunk[0].lower in lexicon.not_names or chunk[0].lower in lexicon.connectors):
        chunk = chunk[1:]
    while chunk and chunk[-1].lower in lexicon.connectors:
        chunk = chunk[:-1]
    opening = chunk[0] if chunk else None
    if opening and len(chunk) > 1 and opening.at_sentence_start and opening.lower not in known:
        chunk = chunk[1:] if opening.lower.endswith(_OPENING_FORMS) else chunk  # "Describing Yida as ..."
    if not chunk:
        return
    first = chunk[0].lower
    if len(chunk) == 1 and (
        (chunk[0].at_sentence_start and first not in known and not titled)
        or first in _lexicon().weekdays
        or first in _lexicon().months
        or _fewer_than_two_letters(first)
    ):
        return
    lowered = [w.lower for w in chunk]
    label = text[chunk[0].start : chunk[-1].end]
    if (
        not lexicon.org_words.isdisjoint(lowered)
        or ("-" in label and any("-" in w and _is_org_word(w, lexicon) for w in lowered))
        or (len(chunk) == 1 and label.isupper() and len(label) > 1)
    ):
        out.append(
            NameMention(chunk[0].start, chunk[-1].end, _spelled(lowered, lexicon), label, "organisation")
        )
    elif (
        not titled
        and len(chunk) > 1
        and (lowered[-1] in lexicon.place_words or first in lexicon.place_prefixes)
    ):
        out.append(NameMention(chunk[0].start, chunk[-1].end, place_key(lowered, lexicon), label, "place"))
    elif "of" in lowered:  # "Isaacs of Samaritan's Purse": a person and where they work, not one name
        split = lowered.index("of")
        _flush(text, chunk[:split], titled, known, lexicon, out)
        _flush(text, chunk[split + 1 :], False, known, lexicon, out)
    elif not titled and _POSSESSIVE_INSIDE.search(label):  # "Samaritan's Purse": no person's name
        out.append(
            NameMention(chunk[0].start, chunk[-1].end, _spelled(lowered, lexicon), label, "organisation")
        )
    elif titled or len(chunk) > 1:
        out.append(
            NameMention(
                chunk[0].start, chunk[-1].end, _surname(lowered[-1], lexicon), label, "person", titled
            )
        )
    else:
        out.append(NameMention(chunk[0].start, chunk[-1].end, first, label, "name"))


def _fewer_than_two_letters(word: str) -> bool:
    """Whether a word has fewer than two letters ("A", "5", "A1"); most names begin with two letters, which
    answers it without counting."""
    return not (len(word) > 1 and word[:2].isalpha()) and sum(c.isalpha() for c in word) < 2


def _spelled(lowered: Sequence[str], lexicon: NameLexicon) -> str:
    """An organisation's key, one spelling for British and American variants ("world food program")."""
    return " ".join(lexicon.spellings.get(w, w) for w in lowered)


def place_key(lowered: Sequence[str], lexicon: NameLexicon) -> str:
    """A place's key: no closing place word ("Unity State" = "Unity"), one spelling ("Southern" = "South")."""
    words = list(lowered)
    if len(words) > 1 and words[-1] in lexicon.place_words:
        words.pop()
    return _spelled(words, lexicon)


def _surname(word: str, lexicon: NameLexicon) -> str:
    """A person's key: the last word, less a particle ("al-Bashir" and "Bashir" are one person)."""
    particle, _, rest = word.partition("-")
    return rest if rest and particle in lexicon.connectors else word


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
